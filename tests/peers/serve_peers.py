#!/usr/bin/env python3
"""Real peers against examples/serve.rs: curl and Python's http.client.

    python3 tests/peers/serve_peers.py target/release/examples/serve

Starts the server on 127.0.0.1 (a free port) over a temporary folder of
files, runs each scenario with a timeout, prints one PASS/FAIL line per
peer and scenario, stops the server, and exits 1 if any failed. Every
loop is bounded in count, every socket in time. Only the standard library
and curl (skipped, and said so, if absent) are used.
"""

import http.client
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

TIMEOUT = 10  # seconds, per request or process
IDLE = 2  # the servers' --idle-timeout here, seconds
# How long the servers may serve a cached file after it changed on disk:
# their stat cache's default (1 s), with room for a slow machine.
STALE_AT_MOST = 2.5


class Server:
    def __init__(self, binary, root):
        self.proc = subprocess.Popen(
            [binary, "--addr", "127.0.0.1:0", "--idle-timeout", str(IDLE), root],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        first = self.proc.stdout.readline()
        if "http://" not in first:
            raise SystemExit("serve did not start: %r" % first)
        self.addr = first.split("http://", 1)[1].strip().rstrip("/")
        self.host, port = self.addr.rsplit(":", 1)
        self.port = int(port)

    def url(self, path):
        return "http://%s%s" % (self.addr, path)

    def stop(self):
        self.proc.terminate()
        try:
            out, _ = self.proc.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            out, _ = self.proc.communicate()
        return out


def make_root():
    root = tempfile.mkdtemp(prefix="h1wire-serve-")
    with open(os.path.join(root, "index.html"), "wb") as f:
        f.write(b"<!doctype html><h1>h1wire</h1>\n")
    os.mkdir(os.path.join(root, "docs"))
    with open(os.path.join(root, "docs", "index.html"), "wb") as f:
        f.write(b"docs index\n")
    with open(os.path.join(root, "big.bin"), "wb") as f:
        f.write(os.urandom(3 * 1024 * 1024 + 17))
    for i in range(20):
        with open(os.path.join(root, "f%02d.txt" % i), "wb") as f:
            f.write(b"file %d\n" % i * (i + 1))
    return root


def read(root, name):
    with open(os.path.join(root, name), "rb") as f:
        return f.read()


def curl(*args, data=None):
    """curl's stdout (bytes) and its exit code."""
    proc = subprocess.run(["curl", "-s", "--max-time", str(TIMEOUT), *args],
                          input=data, capture_output=True, timeout=TIMEOUT + 5)
    return proc.stdout, proc.returncode, proc.stderr


# ------------------------------------------------------------ scenarios

def curl_get(server, root):
    body, code, _ = curl(server.url("/big.bin"))
    assert code == 0, "curl exit %d" % code
    assert body == read(root, "big.bin"), "body differs"


def curl_large_file_streams(server, root):
    """A 32 MiB file streams through the server's fixed buffers: its peak
    memory stays far below the file's size (Linux: /proc)."""
    name = "large.bin"
    with open(os.path.join(root, name), "wb") as f:
        f.write(os.urandom(32 << 20))
    body, code, _ = curl(server.url("/" + name))
    assert code == 0, "curl exit %d" % code
    assert body == read(root, name), "body differs"
    status = "/proc/%d/status" % server.proc.pid
    if os.path.exists(status):
        with open(status) as f:
            peak = [line for line in f if line.startswith("VmHWM:")]
        kib = int(peak[0].split()[1])
        assert kib < 16 << 10, "peak resident memory %d KiB for a 32 MiB file" % kib
    os.remove(os.path.join(root, name))


def curl_head(server, root):
    out, code, _ = curl("-I", server.url("/index.html"))
    assert code == 0
    head = out.decode().lower()
    assert head.startswith("http/1.1 200"), head
    assert "content-length: %d" % len(read(root, "index.html")) in head, head
    assert "etag:" in head and "last-modified:" in head, head


def curl_reuse(server, root):
    out, code, _ = curl("-o", "/dev/null", "-o", "/dev/null",
                        "-w", "%{http_code} %{num_connects}\n",
                        server.url("/index.html"), server.url("/f03.txt"))
    assert code == 0
    lines = out.decode().split()
    assert lines == ["200", "1", "200", "0"], "codes and connects: %s" % lines


def curl_chunked_upload(server, root):
    data = b"".join(b"piece %d;" % i for i in range(500))
    out, code, _ = curl("-i", "-H", "Transfer-Encoding: chunked", "--data-binary", "@-",
                        server.url("/echo"), data=data)
    assert code == 0
    head, _, body = out.partition(b"\r\n\r\n")
    assert b"transfer-encoding: chunked" in head.lower(), head
    assert body == data, "echo differs"


def curl_expect_continue(server, root):
    data = os.urandom(1024 * 1024)
    proc = subprocess.run(
        ["curl", "-s", "-v", "--max-time", str(TIMEOUT), "-H", "Expect: 100-continue",
         "--data-binary", "@-", "-o", "-", server.url("/echo")],
        input=data, capture_output=True, timeout=TIMEOUT + 5)
    assert proc.returncode == 0
    assert b"< HTTP/1.1 100 Continue" in proc.stderr, "no 100 seen"
    assert proc.stdout == data, "echo of 1 MiB differs"


def curl_conditional(server, root):
    out, _, _ = curl("-I", server.url("/index.html"))
    fields = dict(line.split(": ", 1) for line in out.decode().split("\r\n")[1:] if ": " in line)
    fields = {k.lower(): v for k, v in fields.items()}
    for header in ("If-None-Match: " + fields["etag"],
                   "If-Modified-Since: " + fields["last-modified"]):
        code, _, _ = curl("-o", "/dev/null", "-w", "%{http_code}", "-H", header,
                          server.url("/index.html"))
        assert code == b"304", "%s gave %s" % (header, code)
    code, _, _ = curl("-o", "/dev/null", "-w", "%{http_code}", "-H", 'If-None-Match: "other"',
                      server.url("/index.html"))
    assert code == b"200", code


def curl_redirect(server, root):
    out, code, _ = curl("-o", "/dev/null", "-w", "%{http_code} %{redirect_url}",
                        server.url("/docs"))
    assert out.decode() == "301 " + server.url("/docs/"), out
    body, code, _ = curl("-L", server.url("/docs"))
    assert body == b"docs index\n", body


def curl_not_found(server, root):
    for path in ("/nope.html", "/%2e%2e/etc/passwd", "/../etc/passwd"):
        code, _, _ = curl("--path-as-is", "-o", "/dev/null", "-w", "%{http_code}",
                          server.url(path))
        assert code == b"404", "%s gave %s" % (path, code)


def http_client_keep_alive(server, root):
    conn = http.client.HTTPConnection(server.host, server.port, timeout=TIMEOUT)
    sockets = set()
    for i in range(50):
        name = "f%02d.txt" % (i % 20)
        method = "HEAD" if i % 7 == 3 else "GET"
        conn.request(method, "/" + name)
        sockets.add(id(conn.sock))
        resp = conn.getresponse()
        body = resp.read()
        assert resp.status == 200, resp.status
        expected = b"" if method == "HEAD" else read(root, name)
        assert body == expected, "body of %s" % name
        assert not resp.will_close, "the server closed a keep-alive connection"
    conn.close()
    assert len(sockets) == 1, "%d connections for 50 requests" % len(sockets)


def http_client_changed_file(server, root):
    """Small files are cached, and a cached file found unchanged is served
    for a second without a look at the disk. A file rewritten (same length,
    so only its inode or time tells) is served as it is now within that
    second (and room for a slow machine), on the connection that asked
    before and on a new one; until then as it was, each response one
    version whole: a body always comes with the same ETag."""
    path = os.path.join(root, "changing.txt")
    conn = http.client.HTTPConnection(server.host, server.port, timeout=TIMEOUT)
    etags = {}  # body -> the ETag it came with

    def get(c):
        c.request("GET", "/changing.txt")
        resp = c.getresponse()
        body = resp.read()
        assert resp.status == 200, resp.status
        etag = etags.setdefault(body, resp.getheader("ETag"))
        assert etag == resp.getheader("ETag"), (body, etag, resp.getheader("ETag"))
        return body

    def served_soon(before, now):
        """`now` is served within STALE_AT_MOST (`before` until then), on
        the old connection and then on a new one."""
        changed = time.monotonic()
        for c in (conn, http.client.HTTPConnection(server.host, server.port, timeout=TIMEOUT)):
            while True:
                body = get(c)
                if body == now:
                    break
                assert body == before, (body, before, now)
                assert time.monotonic() - changed < STALE_AT_MOST, "still %r" % before
                time.sleep(0.05)
            assert get(c) == now

    before = None
    for version in (b"version A\n", b"version B\n", b"version C\n"):
        # A new file renamed over the old one, as editors and deploys do.
        with open(path + ".new", "wb") as f:
            f.write(version)
        os.replace(path + ".new", path)
        served_soon(before, version)
        # Rewritten in place, same length.
        in_place = version.replace(b"version", b"VERSION")
        with open(path, "r+b") as f:
            f.write(in_place)
        os.utime(path, ns=(time.time_ns(), time.time_ns() + 1_000_000_000))
        served_soon(version, in_place)
        before = in_place
    conn.close()


def raw_idle_closed(server, root):
    """A connection that sends nothing, and one idle after a request, are
    closed once idle for --idle-timeout, and not much later."""
    quiet = socket.create_connection((server.host, server.port), timeout=TIMEOUT)
    quiet_since = time.monotonic()
    used = socket.create_connection((server.host, server.port), timeout=TIMEOUT)
    used.sendall(b"GET /f00.txt HTTP/1.1\r\nHost: %s\r\n\r\n" % server.addr.encode())
    stream = OneFile(used)
    resp = http.client.HTTPResponse(stream)
    resp.begin()
    assert resp.status == 200 and resp.read() == read(root, "f00.txt")
    used_since = time.monotonic()
    waits = (("quiet", quiet_since, lambda: quiet.recv(1)),
             ("used", used_since, lambda: stream.file.read(1)))
    for name, since, next_byte in waits:
        left = next_byte()  # b"" once the server closes
        idle = time.monotonic() - since
        assert left == b"", "%s connection sent %r" % (name, left)
        assert IDLE - 0.2 <= idle <= IDLE + 2, "%s connection closed after %.2f s" % (name, idle)
    quiet.close()
    used.close()


class KeepOpen:
    """A file that HTTPResponse cannot close (it closes its file once a
    body is read)."""

    def __init__(self, f):
        self.f = f

    def __getattr__(self, name):
        return getattr(self.f, name)

    def close(self):
        pass


class OneFile:
    """A socket-like object whose makefile() always gives the same buffered
    file: several HTTPResponse objects read one pipelined stream."""

    def __init__(self, sock):
        self.file = KeepOpen(sock.makefile("rb"))

    def makefile(self, *args, **kwargs):
        return self.file


def http_client_pipelined(server, root):
    sock = socket.create_connection((server.host, server.port), timeout=TIMEOUT)
    names = ["f%02d.txt" % i for i in range(20)]
    batch = b"".join(b"GET /%s HTTP/1.1\r\nHost: %s\r\n\r\n" % (n.encode(), server.addr.encode())
                     for n in names)
    sock.sendall(batch)  # twenty requests, one send
    stream = OneFile(sock)
    for name in names:
        resp = http.client.HTTPResponse(stream)
        resp.begin()
        assert resp.status == 200, resp.status
        assert resp.read() == read(root, name), "pipelined body of %s" % name
    sock.close()


def read_to_close(sock):
    """Everything the peer sends until it closes; the socket is closed."""
    out = b""
    while True:
        piece = sock.recv(65536)
        if not piece:
            break
        out += piece
    sock.close()
    return out


def raw(addr, data):
    """Send `data` to `host:port` and read until the server closes."""
    host, port = addr.rsplit(":", 1)
    sock = socket.create_connection((host, int(port)), timeout=TIMEOUT)
    sock.sendall(data)
    return read_to_close(sock)


def raw_smuggling_refused(server, root):
    for attack in (
        b"POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /f01.txt HTTP/1.1\r\nHost: a\r\n\r\n",
        b"POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: xchunked\r\n\r\n0\r\n\r\n",
        b"POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding : chunked\r\n\r\n0\r\n\r\n",
        b"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
    ):
        out = raw(server.addr, attack)  # the server answers and closes
        assert out.startswith(b"HTTP/1.1 4") or out.startswith(b"HTTP/1.1 501"), out[:80]
        assert out.count(b"HTTP/1.1 ") == 1, "a second response: %r" % out
        assert b"connection: close" in out.lower(), out[:200]


def raw_http10(server, root):
    out = raw(server.addr, b"GET /index.html HTTP/1.0\r\n\r\n")
    assert out.startswith(b"HTTP/1.1 200"), out[:60]
    assert out.endswith(read(root, "index.html")), "body"
    assert b"connection: close" in out.lower()
    # With keep-alive, the connection stays open for a second request.
    sock = socket.create_connection((server.host, server.port), timeout=TIMEOUT)
    two = b"GET /f01.txt HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"
    sock.sendall(two)
    first = sock.recv(65536)
    assert b"connection: keep-alive" in first.lower(), first
    sock.sendall(b"GET /f02.txt HTTP/1.0\r\n\r\n")
    second = read_to_close(sock)
    assert second.endswith(read(root, "f02.txt")), second[-40:]


SCENARIOS = [
    ("curl", "GET a 3 MiB file", curl_get),
    ("curl", "a 32 MiB file streams (peak memory under 16 MiB)", curl_large_file_streams),
    ("curl", "HEAD", curl_head),
    ("curl", "two URLs over one reused connection", curl_reuse),
    ("curl", "chunked upload echoed chunked", curl_chunked_upload),
    ("curl", "Expect: 100-continue, 1 MiB POST", curl_expect_continue),
    ("curl", "conditional GET answered 304", curl_conditional),
    ("curl", "301 followed with -L", curl_redirect),
    ("curl", "404, traversal refused", curl_not_found),
    ("http.client", "keep-alive sequence of 50", http_client_keep_alive),
    ("http.client", "pipelined batch of 20 in one send", http_client_pipelined),
    ("http.client", "a cached file changed between requests", http_client_changed_file),
    ("socket", "smuggling attempts refused, connection closed", raw_smuggling_refused),
    ("socket", "HTTP/1.0 with and without keep-alive", raw_http10),
    ("socket", "idle connections closed", raw_idle_closed),
]


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    binary = sys.argv[1]
    root = make_root()
    server = Server(binary, root)
    have_curl = shutil.which("curl") is not None
    failed = 0
    try:
        for peer, name, scenario in SCENARIOS:
            if peer == "curl" and not have_curl:
                print("SKIP %-12s %s (no curl)" % (peer, name))
                continue
            started = time.monotonic()
            try:
                scenario(server, root)
                print("PASS %-12s %s (%.2f s)" % (peer, name, time.monotonic() - started))
            except Exception as e:  # noqa: BLE001 - report and go on
                failed += 1
                print("FAIL %-12s %s: %s: %s" % (peer, name, type(e).__name__, e))
    finally:
        log = server.stop()
        shutil.rmtree(root, ignore_errors=True)
    lines = [line for line in log.splitlines() if line]
    print("serve logged %d lines" % len(lines))
    if failed:
        print("\n".join(lines[-20:]))
        print("%d scenario(s) failed" % failed)
        sys.exit(1)


if __name__ == "__main__":
    main()
