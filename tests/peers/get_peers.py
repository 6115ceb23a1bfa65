#!/usr/bin/env python3
"""Real servers for examples/get.rs: Python's http.server, a small HTTP/1.1
server written here (chunked, close-delimited and interim responses), and
nginx when it is installed.

    python3 tests/peers/get_peers.py target/release/examples/get

Every server listens on 127.0.0.1 on a free port and is stopped at the end;
every run of get has a timeout. Prints one PASS/FAIL/SKIP line per server
and scenario, and exits 1 if any failed.
"""

import gzip
import http.server
import os
import shutil
import socket
import socketserver
import subprocess
import sys
import tempfile
import threading
import time

TIMEOUT = 10


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_root():
    root = tempfile.mkdtemp(prefix="h1wire-get-")
    os.chmod(root, 0o755)
    os.mkdir(os.path.join(root, "docs"))
    files = {
        "index.html": b"<!doctype html><h1>h1wire get</h1>\n",
        "docs/index.html": b"docs index\n",
        "big.bin": os.urandom(2 * 1024 * 1024 + 5),
        "words.txt": b"".join(b"word %d\n" % i for i in range(5000)),
    }
    for name, data in files.items():
        path = os.path.join(root, name)
        with open(path, "wb") as f:
            f.write(data)
        os.chmod(path, 0o644)
    os.chmod(os.path.join(root, "docs"), 0o755)
    return root, files


def get(binary, *args):
    proc = subprocess.run([binary, *args], capture_output=True, timeout=TIMEOUT)
    return proc.returncode, proc.stdout, proc.stderr


def split_head(out):
    head, _, body = out.partition(b"\r\n\r\n")
    return head.decode("latin-1"), body


# ------------------------------------------------------------ servers

class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class PythonServer:
    """python3 -m http.server's handler (HTTP/1.0: one response per
    connection, Content-Length on files)."""

    name = "http.server"

    def __init__(self, root):
        handler = lambda *a, **k: Quiet(*a, directory=root, **k)  # noqa: E731
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def url(self, path):
        return "http://127.0.0.1:%d%s" % (self.port, path)

    def stop(self):
        self.httpd.shutdown()


class Crafted(socketserver.ThreadingTCPServer):
    """Responses written by hand: chunked, close-delimited, interim, echo,
    redirects. Counts connections, to check keep-alive reuse, and records
    each request's target and fields, to check what a redirect sent."""

    allow_reuse_address = True
    daemon_threads = True
    name = "crafted"

    def __init__(self):
        self.connections = 0
        self.dropped = 0
        self.requests = []  # (target, {lower-case name: value})
        super().__init__(("127.0.0.1", 0), CraftedHandler)
        self.port = self.server_address[1]
        threading.Thread(target=self.serve_forever, daemon=True).start()

    def url(self, path):
        return "http://127.0.0.1:%d%s" % (self.port, path)

    def stop(self):
        self.shutdown()
        self.server_close()


CHUNKED_BODY = b"".join(b"chunk %d|" % i for i in range(200))

# Each redirecting target of the crafted server and its Location ({port}:
# the server's own). "/to-port/N" redirects to port N.
REDIRECTS = {
    "/moved": "/chunked",
    "/current/path": "?q=1",
    "/dir/sub/page": "../b",
    "/fragment": "/landed#frag",
    "/network-path": "//127.0.0.1:{port}/landed",
    "/upper-case-scheme": "HTTP://127.0.0.1:{port}/landed",
    "/to-https": "https://127.0.0.1:{port}/landed",
    "/to-ftp": "ftp://127.0.0.1:{port}/landed",
    "/to-bad-port": "http://127.0.0.1:99999/landed",
    "/to-no-host": "http:///landed",
    "/to-space": "/a b",
}

# Bounds on what one connection of the crafted server reads.
MAX_REQUESTS = 100
MAX_FIELDS = 100


class CraftedHandler(socketserver.StreamRequestHandler):
    timeout = TIMEOUT

    def handle(self):
        self.server.connections += 1
        for _ in range(MAX_REQUESTS):
            line = self.rfile.readline()
            if not line:
                return
            method, target, _ = line.decode().split(" ", 2)
            fields = {}
            for _ in range(MAX_FIELDS):
                field = self.rfile.readline()
                if field in (b"\r\n", b""):
                    break
                name, _, value = field.decode().partition(":")
                fields[name.lower()] = value.strip()
            self.server.requests.append((target, fields))
            body = self.rfile.read(int(fields.get("content-length", 0)))
            w = self.wfile
            location = REDIRECTS.get(target)
            if target.startswith("/to-port/"):
                location = "http://127.0.0.1:%s/landed" % target[len("/to-port/"):]
            if target == "/chunked":
                w.write(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
                for i in range(0, len(CHUNKED_BODY), 97):
                    piece = CHUNKED_BODY[i:i + 97]
                    w.write(b"%x\r\n%s\r\n" % (len(piece), piece))
                w.write(b"0\r\nX-Trailer: yes\r\n\r\n")
            elif target == "/close":
                w.write(b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nuntil the end\n")
                w.flush()
                return
            elif target == "/then-drop":
                # Answered and kept open; the next request on it is read
                # and dropped, the connection closed without an answer (a
                # server closing an idle connection as a request arrives).
                w.write(b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nok\n")
                w.flush()
                self.rfile.readline()
                for _ in range(MAX_FIELDS):
                    if self.rfile.readline() in (b"\r\n", b""):
                        break
                self.server.dropped += 1
                return
            elif target == "/interim":
                w.write(b"HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\n")
                w.write(b"HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nfinal\n")
            elif target == "/extra":
                # A response, then one nobody asked for in the same write.
                w.write(b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nok\n"
                        b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nEVIL\n")
            elif target == "/switch" and fields.get("upgrade") == "websocket":
                w.write(b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                        b"Connection: upgrade\r\n\r\n\x81\x02hi")
                w.flush()
                return
            elif target == "/two-locations":
                w.write(b"HTTP/1.1 302 Found\r\nLocation: /landed\r\nLocation: /elsewhere\r\n"
                        b"Content-Length: 0\r\n\r\n")
            elif target == "/echo":
                w.write(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))
            elif location is not None:
                location = location.format(port=self.server.port).encode()
                w.write(b"HTTP/1.1 302 Found\r\nLocation: %s\r\nContent-Length: 0\r\n\r\n" % location)
            else:
                w.write(b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\n%s" % method.encode()[:3].ljust(3))
            w.flush()


class Nginx:
    name = "nginx"

    def __init__(self, root, launcher=(), http_extra=""):
        """nginx serving root; launcher goes before its command (taskset
        and its arguments, say: the worker inherits the CPU); http_extra
        goes into its http block."""
        self.dir = tempfile.mkdtemp(prefix="h1wire-nginx-")
        self.port = free_port()
        conf = os.path.join(self.dir, "nginx.conf")
        with open(conf, "w") as f:
            f.write("""
worker_processes 1;
daemon off;
pid %(d)s/nginx.pid;
error_log %(d)s/error.log;
events { worker_connections 256; }
http {
    log_format conn '$connection $request $status';
    access_log %(d)s/access.log conn;
    client_body_temp_path %(d)s/body;
    proxy_temp_path %(d)s/proxy;
    fastcgi_temp_path %(d)s/fastcgi;
    uwsgi_temp_path %(d)s/uwsgi;
    scgi_temp_path %(d)s/scgi;
    types { text/html html; text/plain txt; }
    default_type application/octet-stream;
    gzip on;
    gzip_min_length 1;
    gzip_types text/plain;
    gzip_proxied any;
    %(extra)s
    server {
        listen 127.0.0.1:%(port)d;
        root %(root)s;
    }
}
""" % {"d": self.dir, "port": self.port, "root": root, "extra": http_extra})
        self.proc = subprocess.Popen([*launcher, nginx_binary(), "-c", conf, "-p", self.dir],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                if self.proc.poll() is not None:
                    raise RuntimeError("nginx exited: %s" % self.proc.stderr.read().decode())
                time.sleep(0.05)
        raise RuntimeError("nginx did not start")

    def url(self, path):
        return "http://127.0.0.1:%d%s" % (self.port, path)

    def access_log(self):
        with open(os.path.join(self.dir, "access.log")) as f:
            return [line.split() for line in f if line.strip()]

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        shutil.rmtree(self.dir, ignore_errors=True)


def nginx_binary():
    """nginx's path (Debian puts it in /usr/sbin, which a user's PATH may
    lack), or None."""
    found = shutil.which("nginx")
    if found:
        return found
    return "/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None


# ------------------------------------------------------------ scenarios

def content_length_body(binary, server, files):
    code, out, err = get(binary, server.url("/big.bin"))
    assert code == 0, err
    assert out == files["big.bin"], "body differs"


def head(binary, server, files):
    code, out, err = get(binary, "-X", "HEAD", "-i", server.url("/index.html"))
    assert code == 0, err
    head, body = split_head(out)
    assert " 200 " in head.split("\r\n")[0], head
    assert "content-length: %d" % len(files["index.html"]) in head.lower(), head
    assert body == b"", "a body after HEAD: %r" % body[:40]


def not_found(binary, server, files):
    code, out, err = get(binary, "-i", server.url("/nope.html"))
    assert code == 0, err
    assert split_head(out)[0].split("\r\n")[0].split(" ")[1] == "404", out[:60]


def redirect(binary, server, files):
    code, out, err = get(binary, "-i", server.url("/docs"))
    assert code == 0, err
    head, _ = split_head(out)
    assert head.split(" ")[1] == "301", head
    code, out, err = get(binary, "-L", server.url("/docs"))
    assert code == 0, err
    assert out == files["docs/index.html"], out


def two_urls(binary, server, files):
    code, out, err = get(binary, server.url("/index.html"), server.url("/docs/index.html"))
    assert code == 0, err
    assert out == files["index.html"] + files["docs/index.html"], out


def crafted_chunked(binary, server, files):
    code, out, err = get(binary, server.url("/chunked"))
    assert code == 0, err
    assert out == CHUNKED_BODY


def crafted_close_delimited(binary, server, files):
    code, out, err = get(binary, "-i", server.url("/close"))
    assert code == 0, err
    assert split_head(out)[1] == b"until the end\n", out


def crafted_interim(binary, server, files):
    code, out, err = get(binary, "-i", server.url("/interim"))
    assert code == 0, err
    assert out.startswith(b"HTTP/1.1 103 Early Hints\r\n"), out
    assert b"HTTP/1.1 200 OK\r\n" in out and out.endswith(b"\r\n\r\nfinal\n"), out


def crafted_post(binary, server, files):
    code, out, err = get(binary, "-d", "name=h1wire&x=1", server.url("/echo"))
    assert code == 0, err
    assert out == b"name=h1wire&x=1", out


def crafted_reuse(binary, server, files):
    before = server.connections
    code, out, err = get(binary, "-L", server.url("/a"), server.url("/moved"), server.url("/b"))
    assert code == 0, err
    assert out == b"GET" + CHUNKED_BODY + b"GET", out[:80]
    assert server.connections - before == 1, "%d connections" % (server.connections - before)


def crafted_dropped_on_reuse(binary, server, files):
    # The server drops the second request it reads on a kept-alive
    # connection: a GET is sent again on a new connection (RFC 9112
    # section 9.3.1), and answered there.
    before, dropped = server.connections, server.dropped
    code, out, err = get(binary, server.url("/then-drop"), server.url("/b"))
    assert code == 0, err
    assert out == b"ok\nGET", out
    assert server.dropped - dropped == 1
    assert server.connections - before == 2, "%d connections" % (server.connections - before)


def crafted_post_not_sent_again(binary, server, files):
    # The same for a POST: it may have taken effect, so it is not sent
    # again, and get fails.
    before, dropped = server.connections, server.dropped
    code, out, err = get(binary, "-d", "x=1", server.url("/then-drop"), server.url("/echo"))
    assert code == 1, (code, out)
    assert out == b"ok\n", out
    assert b"closed before responding" in err, err
    assert server.dropped - dropped == 1
    assert server.connections - before == 1, "%d connections" % (server.connections - before)


def crafted_unasked_bytes(binary, server, files):
    # Bytes after a response were never asked for (RFC 9112 section 9.2):
    # the next URL goes on a new connection and gets its own answer.
    before = server.connections
    code, out, err = get(binary, server.url("/extra"), server.url("/b"))
    assert code == 0, err
    assert out == b"ok\nGET", out
    assert server.connections - before == 2, "%d connections" % (server.connections - before)


def crafted_switch(binary, server, files):
    # A 101 to an offered upgrade is a whole response: its head is printed
    # and get ends there, without reading the new protocol as HTTP.
    code, out, err = get(binary, "-i", "-H", "Upgrade: websocket", "-H", "Connection: upgrade",
                         server.url("/switch"))
    assert code == 0, err
    assert out.startswith(b"HTTP/1.1 101 Switching Protocols\r\n"), out
    assert out.endswith(b"\r\n\r\n"), out


def follow(binary, server, path, *args):
    """get -L on path; its exit code and stderr, and the targets of the
    requests the server saw."""
    before = len(server.requests)
    code, out, err = get(binary, "-L", *args, server.url(path))
    return code, err.decode(errors="replace"), [target for target, _ in server.requests[before:]]


def crafted_redirect_keeps_credentials(binary, server, files):
    code, _, targets = follow(binary, server, "/moved", "-H", "Authorization: Bearer SECRET")
    assert code == 0, code
    assert targets == ["/moved", "/chunked"], targets
    _, fields = server.requests[-1]
    assert fields.get("authorization") == "Bearer SECRET", fields


def crafted_redirect_drops_credentials(binary, server, files):
    other = Crafted()  # another port: another origin
    try:
        credentials = ["Authorization: Bearer SECRET", "Cookie: session=1",
                       "Proxy-Authorization: Basic c2VjcmV0"]
        args = [arg for field in credentials + ["X-Trace: kept"] for arg in ("-H", field)]
        code, err, targets = follow(binary, server, "/to-port/%d" % other.port, *args)
        assert code == 0, err
        assert targets == ["/to-port/%d" % other.port], targets
        assert "authorization" in server.requests[-1][1], server.requests[-1]
        assert [target for target, _ in other.requests] == ["/landed"], other.requests
        fields = other.requests[0][1]
        leaked = {"authorization", "cookie", "proxy-authorization"} & set(fields)
        assert not leaked, "sent to another port: %s" % sorted(leaked)
        assert fields.get("x-trace") == "kept", fields
    finally:
        other.stop()


def redirect_refused(path, message):
    def scenario(binary, server, files):
        code, err, targets = follow(binary, server, path)
        assert code != 0, "exit 0; requests: %s" % targets
        assert targets == [path], targets
        assert message in err, err
    return scenario


def redirect_requests(path, expected):
    def scenario(binary, server, files):
        code, err, targets = follow(binary, server, path)
        assert code == 0, err
        assert targets == [path, expected], targets
    return scenario


def nginx_gzip_chunked(binary, server, files):
    code, out, err = get(binary, "-i", "-H", "Accept-Encoding: gzip", server.url("/words.txt"))
    assert code == 0, err
    head, body = split_head(out)
    assert "transfer-encoding: chunked" in head.lower(), head
    assert gzip.decompress(body) == files["words.txt"], "gzip body differs"


def nginx_reuse(binary, server, files):
    code, out, err = get(binary, server.url("/index.html"), server.url("/big.bin"),
                         server.url("/docs/index.html"))
    assert code == 0, err
    assert out == files["index.html"] + files["big.bin"] + files["docs/index.html"]
    time.sleep(0.2)  # the access log is written after the response
    last = server.access_log()[-3:]
    assert len({entry[0] for entry in last}) == 1, "connections: %s" % last


COMMON = [
    ("Content-Length body", content_length_body),
    ("HEAD", head),
    ("404", not_found),
    ("301, and followed with -L", redirect),
    ("two URLs on one command line", two_urls),
]
CRAFTED = [
    ("chunked body with a trailer", crafted_chunked),
    ("close-delimited body", crafted_close_delimited),
    ("103 before the final response", crafted_interim),
    ("POST -d", crafted_post),
    ("three URLs and a redirect over one connection", crafted_reuse),
    ("bytes after a response are not the next one's answer", crafted_unasked_bytes),
    ("a GET dropped on a reused connection is sent again", crafted_dropped_on_reuse),
    ("a POST dropped on a reused connection is not", crafted_post_not_sent_again),
    ("a 101 ends the exchange", crafted_switch),
    ("-H Authorization kept on a redirect to the same port", crafted_redirect_keeps_credentials),
    ("-H Authorization, Cookie dropped on a redirect to another port",
     crafted_redirect_drops_credentials),
    ("Location: ?q=1 keeps the path", redirect_requests("/current/path", "/current/path?q=1")),
    ("Location: ../b removes dot segments", redirect_requests("/dir/sub/page", "/dir/b")),
    ("Location: /landed#frag sends no fragment", redirect_requests("/fragment", "/landed")),
    ("Location: //host:port/landed", redirect_requests("/network-path", "/landed")),
    ("Location: HTTP://host:port/landed", redirect_requests("/upper-case-scheme", "/landed")),
    ("Location: https://... refused", redirect_refused("/to-https", "https is not supported")),
    ("Location: ftp://... refused", redirect_refused("/to-ftp", "only http:// URLs")),
    ("Location with port 99999 refused", redirect_refused("/to-bad-port", "bad port")),
    ("two Location fields refused", redirect_refused("/two-locations", "two Location fields")),
    ("Location: http:///landed refused", redirect_refused("/to-no-host", "no host")),
    ("Location: /a b refused", redirect_refused("/to-space", "cannot follow Location /a b")),
]
NGINX = COMMON + [
    ("gzip, chunked", nginx_gzip_chunked),
    ("three URLs over one keep-alive connection", nginx_reuse),
]


def run(binary, server, scenarios, files):
    failed = 0
    for name, scenario in scenarios:
        started = time.monotonic()
        try:
            scenario(binary, server, files)
            print("PASS %-12s %s (%.2f s)" % (server.name, name, time.monotonic() - started))
        except Exception as e:  # noqa: BLE001 - report and go on
            failed += 1
            print("FAIL %-12s %s: %s: %s" % (server.name, name, type(e).__name__, e))
    return failed


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    binary = sys.argv[1]
    root, files = make_root()
    failed = 0
    try:
        python = PythonServer(root)
        try:
            failed += run(binary, python, COMMON, files)
        finally:
            python.stop()
        crafted = Crafted()
        try:
            failed += run(binary, crafted, CRAFTED, files)
        finally:
            crafted.stop()
        if nginx_binary():
            nginx = Nginx(root)
            try:
                failed += run(binary, nginx, NGINX, files)
            finally:
                nginx.stop()
        else:
            print("SKIP nginx        (not installed)")
    finally:
        shutil.rmtree(root, ignore_errors=True)
    if failed:
        print("%d scenario(s) failed" % failed)
        sys.exit(1)


if __name__ == "__main__":
    main()
