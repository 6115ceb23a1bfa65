#!/usr/bin/env python3
"""Real peers against examples/serve.rs: curl and Python's http.client.

    python3 tests/peers/serve_peers.py target/release/examples/serve

Starts the server on 127.0.0.1 (a free port) over a temporary folder of
files, runs each scenario with a timeout, prints one PASS/FAIL line per
peer and scenario, stops the server, and exits 1 if any failed. (Two
scenarios start a server of their own beside it: one with a connection
limit of 2, one with few file descriptors.) Every
loop is bounded in count, every socket in time. Only the standard library
and curl (skipped, and said so, if absent) are used.
"""

import calendar
import http.client
import os
import re
import resource
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
    def __init__(self, binary, root, extra=(), preexec_fn=None):
        self.binary = binary
        self.proc = subprocess.Popen(
            [binary, "--addr", "127.0.0.1:0", "--idle-timeout", str(IDLE), *extra, root],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            preexec_fn=preexec_fn)
        first = self.proc.stdout.readline()
        if "http://" not in first:
            self.proc.wait(timeout=TIMEOUT)
            # (Not SystemExit: a scenario's own server failing fails it alone.)
            raise RuntimeError("the server did not start: %r" % first)
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
    """The served folder, `root` in a temporary folder that also holds
    `outside`, which a link in the root points to and must not serve."""
    base = tempfile.mkdtemp(prefix="h1wire-serve-")
    root = os.path.join(base, "root")
    os.mkdir(root)
    os.mkdir(os.path.join(base, "outside"))
    with open(os.path.join(base, "outside", "secret.txt"), "wb") as f:
        f.write(SECRET)
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
    # A folder whose index.html links out of the root, one whose
    # index.html links to a file in it, one whose name needs encoding.
    for name in ("dir2", "dir3", "two words"):
        os.mkdir(os.path.join(root, name))
    os.symlink("../../outside/secret.txt", os.path.join(root, "dir2", "index.html"))
    os.symlink("../f01.txt", os.path.join(root, "dir3", "index.html"))
    return root


SECRET = b"secret outside the root\n"


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


def raw_slow_head_closed(server, root):
    """A head trickled in a byte at a time, each byte well within the idle
    timeout, is cut off once the head has taken --idle-timeout in all
    (nginx's client_header_timeout: one slow peer per slot would hold every
    slot for ever), while a request on another connection is served."""
    slow = socket.create_connection((server.host, server.port), timeout=TIMEOUT)
    since = time.monotonic()
    head = b"GET /f00.txt HTTP/1.1\r\nHost: a\r\nX-Pad: " + b"a" * 200
    closed_after = None
    for byte in head:  # bounded: 230 bytes, one each 0.25 s at most
        try:
            slow.sendall(bytes([byte]))
        except OSError:
            closed_after = time.monotonic() - since
            break
        time.sleep(0.25)
        slow.setblocking(False)
        try:
            if slow.recv(1) == b"":
                closed_after = time.monotonic() - since
                break
        except BlockingIOError:
            pass
        except OSError:
            closed_after = time.monotonic() - since
            break
        finally:
            slow.setblocking(True)
        if time.monotonic() - since > IDLE + 4:
            break
    slow.close()
    assert closed_after is not None, "a head trickled for %.1f s was not cut off" % (time.monotonic() - since)
    assert closed_after <= IDLE + 3, "cut off after %.2f s" % closed_after
    status, _, body = get(server, "/f00.txt")
    assert status == 200 and body == read(root, "f00.txt")


def raw_refusal_instead_of_100(server, root):
    """A request that asks for 100-continue, and whose answer does not
    depend on its body (a method the path does not allow, an /echo larger
    than the server keeps), is answered at once, with no 100: its client
    sends no body for nothing (RFC 9110 section 10.1.1). The connection
    closes, the body unread."""
    for head, status in ((b"POST /f00.txt HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\n"
                          b"Content-Length: 1048576\r\n\r\n", b"405"),
                         (b"POST /echo HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\n"
                          b"Content-Length: 999999999\r\n\r\n", b"413")):
        out = raw(server.addr, head)  # the body is never sent
        assert out.startswith(b"HTTP/1.1 " + status), out[:80]
        assert b"100 Continue" not in out, out[:200]
        assert b"\r\nconnection: close\r\n" in out.lower(), out[:300]
    # A body sent without waiting for the 100 (RFC 9110 section 10.1.1
    # lets a client) is read as ever, and the request after it answered:
    # an answer at the head would have dropped both.
    out = raw(server.addr, b"GET /f00.txt HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\n"
                           b"Content-Length: 3\r\n\r\nabc"
                           b"GET /f01.txt HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
    assert out.count(b"HTTP/1.1 200 OK\r\n") == 2, out[:300]
    assert out.endswith(read(root, "f01.txt")), out[-80:]
    # An /echo that fits still gets its 100 first.
    sock = socket.create_connection((server.host, server.port), timeout=TIMEOUT)
    sock.sendall(b"POST /echo HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\n"
                 b"Content-Length: 2\r\nConnection: close\r\n\r\n")
    first = sock.recv(100)
    assert first.startswith(b"HTTP/1.1 100 Continue\r\n"), first
    sock.sendall(b"hi")
    rest = read_to_close(sock)
    assert (first + rest).endswith(b"\r\n\r\nhi"), rest[-80:]


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


def raw_error_answer_lingers(server, root):
    """A request refused while its client is still sending (the rest of an
    upload, requests pipelined behind it) gets its answer and then a clean
    end of stream: the server closes its sending side first and reads on,
    dropping what comes, for a while (RFC 9112 section 9.6), rather than
    closing with unread bytes, which resets the connection and can
    discard the answer before the client reads it."""
    sock = socket.create_connection((server.host, server.port), timeout=TIMEOUT)
    sock.sendall(b"GET / HTTP/1.1\r\nHost: a\r\nBad Line\r\n\r\n")
    try:
        for _ in range(16):
            sock.sendall(b"x" * 65536)
        out = read_to_close(sock)
    except OSError as e:
        raise AssertionError("the connection was reset: %r" % e)
    assert out.startswith(b"HTTP/1.1 400"), out[:80]
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


def exchange(server, request):
    """Send one request (bytes) and read its response: status, fields
    (lower-case names), body. An HTTP/1.1 head gets a Host if it has none,
    and `Connection: close`."""
    head, _, rest = request.partition(b"\r\n\r\n")
    if head.split(b"\r\n", 1)[0].endswith(b"HTTP/1.1"):
        if b"\r\nhost:" not in head.lower():
            head += b"\r\nHost: " + server.addr.encode()
        request = head + b"\r\nConnection: close\r\n\r\n" + rest
    sock = socket.create_connection((server.host, server.port), timeout=TIMEOUT)
    sock.sendall(request)
    resp = http.client.HTTPResponse(sock, method=request.split(b" ", 1)[0].decode())
    resp.begin()
    body = resp.read()
    fields = {k.lower(): v for k, v in resp.getheaders()}
    sock.close()
    return resp.status, fields, body


def get(server, target, method="GET"):
    return exchange(server, b"%s %s HTTP/1.1\r\n\r\n" % (method.encode(), target.encode()))


def raw_query_is_not_a_path(server, root):
    """Only an absolute-form target has a scheme and authority dropped: a
    `://` in an origin-form target's query is data."""
    status, _, body = get(server, "/nothing-here?u=http://h/f01.txt")
    assert status == 404, "/nothing-here?u=http://h/f01.txt gave %d %r" % (status, body[:40])
    status, _, body = get(server, "/f02.txt?u=http://h/f01.txt")
    assert (status, body) == (200, read(root, "f02.txt")), (status, body[:40])
    status, _, body = get(server, "http://%s/f01.txt?x=http://h/f02.txt" % server.addr)
    assert (status, body) == (200, read(root, "f01.txt")), (status, body[:40])


def raw_redirect_stays_on_site(server, root):
    """A folder's 301 points to the same site: its Location is the path
    made plain (one leading `/`, segments re-encoded), never `//host`."""
    for target, location in (("//docs", "/docs/"),
                             ("//docs?a=1", "/docs/?a=1"),
                             ("/./docs", "/docs/"),
                             ("/d%6fcs", "/docs/"),
                             ("/two%20words", "/two%20words/"),
                             ("http://%s//docs" % server.addr, "/docs/")):
        status, fields, _ = get(server, target)
        assert (status, fields.get("location")) == (301, location), \
            "%s gave %d %s" % (target, status, fields.get("location"))
    status, fields, _ = get(server, "//evil.example/phish?://x/docs")
    assert status == 404 and "location" not in fields, \
        "//evil.example/phish?://x/docs gave %d %s" % (status, fields.get("location"))


def raw_linked_index_inside_root(server, root):
    """A folder's index.html that links out of the root is not served (as
    the link asked for by name is not); one linking inside it is."""
    for target in ("/dir2/", "/dir2/index.html"):
        status, _, body = get(server, target)
        assert status == 404 and SECRET not in body, "%s gave %d %r" % (target, status, body[:40])
    status, _, body = get(server, "/dir3/")
    assert (status, body) == (200, read(root, "f01.txt")), (status, body[:40])


def raw_unread_response_closed(server, root):
    """A client that asks for a large file and never reads (its receive
    window shut) is let go once the server's write has not moved for
    --send-timeout (IDLE here; serve's watch ticks once a second: within
    the second after). Read from IDLE + 2 s on, the connection gives what
    the buffers held and then its end, far short of the file."""
    name = "huge.bin"
    size = 64 << 20
    with open(os.path.join(root, name), "wb") as f:
        f.truncate(size)  # sparse: no 64 MiB written
    strict = own_server(server, root, ("--send-timeout", str(IDLE)))
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    # Set before connecting, so the window offered is small from the start.
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.settimeout(TIMEOUT)
    sock.connect((strict.host, strict.port))
    sock.sendall(b"GET /%s HTTP/1.1\r\nHost: %s\r\n\r\n" % (name.encode(), strict.addr.encode()))
    time.sleep(IDLE + 2)
    received = 0
    ended = time.monotonic() + TIMEOUT
    try:
        while time.monotonic() < ended:
            piece = sock.recv(1 << 20)
            if not piece:
                break
            received += len(piece)
    except ConnectionResetError:
        pass
    except socket.timeout:
        raise AssertionError("the connection is still open after %d bytes" % received)
    finally:
        sock.close()
        strict.stop()
        os.remove(os.path.join(root, name))
    assert received < size // 2, "%d of %d bytes: the server kept writing" % (received, size)


def raw_slow_reader_served(server, root):
    """A client that reads a large file slowly but steadily gets all of it,
    with the idle timeout at IDLE and the send timeout at its default. (The
    kernel wakes a blocked write only once half of what the socket holds
    was sent: at 512 KiB/s a loopback send buffer of a few MiB leaves a
    write waiting longer than IDLE, which cut such a client when writes
    had the idle timeout.)"""
    name = "slow.bin"
    size = 6 << 20
    with open(os.path.join(root, name), "wb") as f:
        f.truncate(size)
    sock = socket.create_connection((server.host, server.port), timeout=TIMEOUT)
    received = 0
    try:
        sock.sendall(b"GET /%s HTTP/1.1\r\nHost: %s\r\n\r\n" % (name.encode(), server.addr.encode()))
        started = time.monotonic()
        rate = 512 << 10  # bytes a second
        while received < size + 64 and time.monotonic() - started < 30:
            piece = sock.recv(64 << 10)
            if not piece:
                break
            received += len(piece)
            # Keep to `rate`: sleep until this many bytes are due.
            ahead = received / rate - (time.monotonic() - started)
            if ahead > 0:
                time.sleep(ahead)
    finally:
        sock.close()
        os.remove(os.path.join(root, name))
    assert received > size, "%d of %d body bytes: a steady reader was cut" % (received, size)


IMF_FIXDATE = re.compile(r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d "
                         r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} "
                         r"\d\d:\d\d:\d\d GMT$")


def assert_date(fields, what):
    """`fields` hold a Date: an IMF-fixdate, within a few seconds of now."""
    date = fields.get("date")
    assert date is not None, "%s: no Date" % what
    assert IMF_FIXDATE.match(date), "%s: Date %r" % (what, date)
    secs = calendar.timegm(time.strptime(date, "%a, %d %b %Y %H:%M:%S GMT"))
    assert abs(secs - time.time()) < 5, "%s: Date %r, now %s" % (what, date, time.time())


def raw_date_on_every_response(server, root):
    """Every response carries a Date (RFC 9110 6.6.1), errors too."""
    _, fields, _ = get(server, "/index.html")
    etag = fields["etag"]
    for what, request, status in (
        ("GET", b"GET /f00.txt HTTP/1.1\r\n\r\n", 200),
        ("HEAD", b"HEAD /f00.txt HTTP/1.1\r\n\r\n", 200),
        ("a large file", b"HEAD /big.bin HTTP/1.1\r\n\r\n", 200),
        ("HTTP/1.0", b"GET /f00.txt HTTP/1.0\r\n\r\n", 200),
        ("echo", b"POST /echo HTTP/1.1\r\nContent-Length: 2\r\n\r\nhi", 200),
        ("301", b"GET /docs HTTP/1.1\r\n\r\n", 301),
        ("304", b"GET /index.html HTTP/1.1\r\nIf-None-Match: %s\r\n\r\n" % etag.encode(), 304),
        ("404", b"GET /nope HTTP/1.1\r\n\r\n", 404),
        ("405", b"DELETE /f00.txt HTTP/1.1\r\n\r\n", 405),
        ("400", b"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),
    ):
        got, fields, _ = exchange(server, request)
        assert got == status, "%s gave %d" % (what, got)
        assert_date(fields, what)


def own_server(server, root, extra=(), preexec_fn=None):
    """A second server of the same binary over the same root."""
    return Server(server.binary, root, extra, preexec_fn)


def raw_connection_limit(server, root):
    """Past --max-connections, a connection is answered 503 (with a Date)
    and closed; a connection that ends frees its slot."""
    limited = own_server(server, root, ("--max-connections", "2"))
    held = []
    try:
        for _ in range(2):
            sock = socket.create_connection((limited.host, limited.port), timeout=TIMEOUT)
            sock.sendall(b"GET /f00.txt HTTP/1.1\r\nHost: a\r\n\r\n")
            stream = OneFile(sock)
            resp = http.client.HTTPResponse(stream)
            resp.begin()
            assert resp.status == 200 and resp.read() == read(root, "f00.txt")
            # (The socket closes once its file is closed too.)
            held.append((sock, stream.file.f))
        status, fields, _ = exchange(limited, b"GET /f00.txt HTTP/1.1\r\n\r\n")
        assert status == 503, "a third connection gave %d" % status
        assert_date(fields, "503")
        for closing in held.pop():
            closing.close()
        # The slot comes back once the server sees the end: a few tries.
        # Well within the idle timeout, which would free it too.
        for _ in range(10):
            status, _, _ = exchange(limited, b"GET /f00.txt HTTP/1.1\r\n\r\n")
            if status == 200:
                break
            time.sleep(0.05)
        assert status == 200, "a freed slot still gave %d" % status
    finally:
        for sock, file in held:
            file.close()
            sock.close()
        limited.stop()


def cpu_seconds(pid):
    """User and system CPU time of a process so far (Linux /proc)."""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def raw_accept_failures_pause(server, root):
    """Out of file descriptors (EMFILE), accept fails at once as long as a
    connection waits: the accept loop pauses between tries (no core spent
    spinning), says so in a line now and then, and serves again once
    descriptors are free."""
    if not os.path.exists("/proc/self/stat"):
        print("     (no /proc: the CPU check of this scenario is skipped)")
        return
    limit = 32

    def few_descriptors():
        resource.setrlimit(resource.RLIMIT_NOFILE, (limit, limit))

    starved = own_server(server, root, preexec_fn=few_descriptors)
    held = []
    try:
        for _ in range(limit + 8):  # more than the server can accept
            held.append(socket.create_connection((starved.host, starved.port), timeout=TIMEOUT))
        time.sleep(0.5)  # the server accepts what it can, then fails
        before, started = cpu_seconds(starved.proc.pid), time.monotonic()
        time.sleep(1.5)
        share = (cpu_seconds(starved.proc.pid) - before) / (time.monotonic() - started)
        assert share < 0.25, "the server used %.0f%% of a core while accept failed" % (share * 100)
        for sock in held:
            sock.close()
        held = []
        # Queued connections are accepted and found closed; then a new one
        # is served. A few tries, 50 ms apart.
        for _ in range(100):
            try:
                status, _, _ = exchange(starved, b"GET /f00.txt HTTP/1.1\r\n\r\n")
                break
            except (ConnectionError, http.client.HTTPException, socket.timeout):
                time.sleep(0.05)
        else:
            raise AssertionError("no answer once descriptors were free")
        assert status == 200, status
    finally:
        for sock in held:
            sock.close()
        out = starved.stop()
    said = [line for line in out.splitlines() if "accept failed" in line]
    assert 1 <= len(said) <= 3, "%d lines about failed accepts" % len(said)


class KeptAlive:
    """One kept-alive connection: request() sends a request and reads its
    response (status, lower-cased fields, body)."""

    def __init__(self, server):
        self.sock = socket.create_connection((server.host, server.port), timeout=TIMEOUT)
        self.stream = OneFile(self.sock)
        self.addr = server.addr

    def request(self, target, method="GET", fields=b""):
        self.sock.sendall(b"%s %s HTTP/1.1\r\nHost: %s\r\n%s\r\n"
                          % (method.encode(), target.encode(), self.addr.encode(), fields))
        resp = http.client.HTTPResponse(self.stream, method=method)
        resp.begin()
        body = resp.read()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, body

    def close(self):
        self.sock.close()


def raw_disk_changes_show_on_a_kept_connection(server, root):
    """What a connection resolved is looked at again as the file cache
    looks again (1 s by default): a file created after a 404, and a folder
    swapped for a link out of the root, show on the same connection (it
    kept the 404, and served the folder through the link, for as long as
    it lived). A file named with a trailing `/` is 404 whatever the cache
    holds."""
    conn = KeptAlive(server)
    try:
        late = os.path.join(root, "late.txt")
        assert conn.request("/late.txt")[0] == 404
        with open(late, "wb") as f:
            f.write(b"late\n")
        time.sleep(1.2)
        assert conn.request("/late.txt")[::2] == (200, b"late\n")
        swapped = os.path.join(root, "swapped")
        os.mkdir(swapped)
        with open(os.path.join(swapped, "a.txt"), "wb") as f:
            f.write(b"inside\n")
        assert conn.request("/swapped/a.txt")[::2] == (200, b"inside\n")
        shutil.rmtree(swapped)
        os.symlink("../outside", swapped)
        with open(os.path.join(os.path.dirname(root), "outside", "a.txt"), "wb") as f:
            f.write(SECRET)
        time.sleep(1.2)
        status, _, body = conn.request("/swapped/a.txt")
        assert status == 404 and SECRET not in body, (status, body[:40])
        for target in ("/f03.txt/", "/f03.txt", "/f03.txt/"):
            status, _, _ = conn.request(target)
            assert status == (200 if not target.endswith("/") else 404), (target, status)
    finally:
        conn.close()


def raw_validators_and_preconditions(server, root):
    """A rewrite within the same second, as long as before, gets another
    ETag (a strong validator changes with the content, RFC 9110 8.8.3);
    a modification time in the future is sent as the Date (8.8.2.1);
    If-Modified-Since is read in all three date formats (5.6.7);
    If-None-Match over two field lines is one list (5.3); If-Match and
    If-Unmodified-Since that fail are 412 (13.1.1, 13.1.4)."""
    path = os.path.join(root, "versioned.txt")
    with open(path, "wb") as f:
        f.write(b"version A\n")
    _, first, _ = get(server, "/versioned.txt")
    stat = os.stat(path)
    with open(path, "wb") as f:
        f.write(b"version B\n")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1000))
    time.sleep(1.2)
    status, second, body = get(server, "/versioned.txt")
    assert body == b"version B\n" and second["etag"] != first["etag"], (first, second)
    status, _, _ = exchange(server, b"GET /versioned.txt HTTP/1.1\r\nIf-None-Match: %s\r\n\r\n"
                            % first["etag"].encode())
    assert status == 200, "the old ETag was taken for the new content: %d" % status
    # Two field lines, one list.
    status, _, _ = exchange(server, b"GET /versioned.txt HTTP/1.1\r\nIf-None-Match: %s\r\n"
                            b"If-None-Match: \"other\"\r\n\r\n" % second["etag"].encode())
    assert status == 304, status
    status, _, _ = exchange(server, b"GET /versioned.txt HTTP/1.1\r\nIf-None-Match: \"other\"\r\n"
                            b"If-None-Match: %s\r\n\r\n" % second["etag"].encode())
    assert status == 304, status
    # All three date formats.
    for since in (b"Fri, 31 Dec 2100 23:59:59 GMT", b"Friday, 31-Dec-99 23:59:59 GMT",
                  b"Fri Dec 31 23:59:59 2100"):
        status, _, _ = exchange(server, b"GET /versioned.txt HTTP/1.1\r\n"
                                b"If-Modified-Since: %s\r\n\r\n" % since)
        assert status == (200 if b"-99" in since else 304), (since, status)
    # Preconditions.
    for field, status_expected in ((b"If-Match: \"other\"", 412),
                                   (b"If-Match: " + second["etag"].encode(), 200),
                                   (b"If-Match: *", 200),
                                   (b"If-Unmodified-Since: Thu, 01 Jan 1970 00:00:00 GMT", 412),
                                   (b"If-Unmodified-Since: Fri, 31 Dec 2100 23:59:59 GMT", 200)):
        status, _, _ = exchange(server, b"GET /versioned.txt HTTP/1.1\r\n%s\r\n\r\n" % field)
        assert status == status_expected, (field, status)
    # A modification time a year ahead is sent as the Date.
    future = time.time() + 365 * 86400
    os.utime(path, (future, future))
    time.sleep(1.2)
    _, fields, _ = get(server, "/versioned.txt")
    assert fields["last-modified"] == fields["date"], fields


def raw_methods_and_codings(server, root):
    """/echo is /echo however the target spells it (absolute-form too, RFC
    9112 3.2.2); a method it does not take is 405 with Allow: POST; an
    unknown method is 501 (RFC 9110 9.1); a transfer coding other than
    chunked, which the server cannot undo, is 501 (RFC 9112 6.1)."""
    for target in ("/echo", "http://%s/echo" % server.addr, "/./echo", "/%65cho", "//echo"):
        status, _, body = exchange(server, b"POST %s HTTP/1.1\r\nContent-Length: 2\r\n\r\nhi"
                                   % target.encode())
        assert (status, body) == (200, b"hi"), (target, status, body[:40])
    for method in ("PUT", "GET"):
        status, fields, _ = get(server, "/echo", method)
        assert (status, fields.get("allow")) == (405, "POST"), (method, status, fields)
    status, fields, _ = get(server, "/f01.txt", "DELETE")
    assert (status, fields.get("allow")) == (405, "GET, HEAD"), (status, fields)
    status, _, _ = get(server, "/f01.txt", "FROB")
    assert status == 501, status
    status, _, body = exchange(server, b"POST /echo HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n"
                               b"\r\n3\r\nabc\r\n0\r\n\r\n")
    assert status == 501, (status, body[:40])


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
    ("socket", "an error answer, then a lingering close", raw_error_answer_lingers),
    ("socket", "HTTP/1.0 with and without keep-alive", raw_http10),
    ("socket", "idle connections closed", raw_idle_closed),
    ("socket", "a head trickled in byte by byte is cut off", raw_slow_head_closed),
    ("socket", "a refusal known at the head instead of a 100", raw_refusal_instead_of_100),
    ("socket", "a :// in an origin-form query is not a path", raw_query_is_not_a_path),
    ("socket", "a folder's 301 stays on the site (no //host)", raw_redirect_stays_on_site),
    ("socket", "a linked index.html stays inside the root", raw_linked_index_inside_root),
    ("socket", "a client that never reads is let go", raw_unread_response_closed),
    ("socket", "a slow, steady reader gets the whole file", raw_slow_reader_served),
    ("socket", "every response has a Date", raw_date_on_every_response),
    ("socket", "past --max-connections: 503 and close", raw_connection_limit),
    ("socket", "accept out of descriptors: paused, not spinning", raw_accept_failures_pause),
    ("socket", "changes on disk show on a kept-alive connection", raw_disk_changes_show_on_a_kept_connection),
    ("socket", "validators, dates, preconditions", raw_validators_and_preconditions),
    ("socket", "/echo however spelled, 405, 501", raw_methods_and_codings),
]


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    binary = sys.argv[1]
    root = make_root()
    try:
        server = Server(binary, root)
    except RuntimeError as e:
        shutil.rmtree(os.path.dirname(root), ignore_errors=True)
        raise SystemExit(str(e))
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
        shutil.rmtree(os.path.dirname(root), ignore_errors=True)
    lines = [line for line in log.splitlines() if line]
    print("serve logged %d lines" % len(lines))
    if failed:
        print("\n".join(lines[-20:]))
        print("%d scenario(s) failed" % failed)
        sys.exit(1)


if __name__ == "__main__":
    main()
