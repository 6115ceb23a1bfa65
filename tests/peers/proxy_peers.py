#!/usr/bin/env python3
"""curl through examples/proxy.rs to examples/serve.rs and to nginx,
request-smuggling attempts that the proxy must refuse without forwarding,
and a hand-made upstream whose odd but readable answers (a folded field,
a 204 with Content-Length, 1xx runs, gzip transfer coding, a kept-alive
connection it closes) the proxy must mend or refuse rather than drop, and
one that never answers (504).

    python3 tests/peers/proxy_peers.py target/release/examples/proxy target/release/examples/serve

Every process listens on 127.0.0.1 on a free port and is stopped at the
end; every request has a timeout. Prints PASS/FAIL/SKIP per upstream and
scenario; exits 1 if any failed.
"""

import gzip
import http.client
import os
import shutil
import socket
import subprocess
import sys
import threading
import time

from get_peers import Nginx, make_root, nginx_binary
from serve_peers import raw

TIMEOUT = 10


class Process:
    """A server of ours: started on a free port, its first line says where."""

    def __init__(self, args):
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                     text=True)
        first = self.proc.stdout.readline()
        if "http://" not in first:
            raise SystemExit("%s did not start: %r" % (args[0], first))
        self.addr = first.split("http://", 1)[1].split("/", 1)[0]
        self.log = []

    def lines(self):
        """Log lines so far (read without blocking past what is there)."""
        os.set_blocking(self.proc.stdout.fileno(), False)
        while True:
            line = self.proc.stdout.readline()
            if not line:
                break
            self.log.append(line.rstrip("\n"))
        return self.log

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def curl(*args, data=None):
    proc = subprocess.run(["curl", "-s", "--max-time", str(TIMEOUT), *args],
                          input=data, capture_output=True, timeout=TIMEOUT + 5)
    assert proc.returncode == 0, "curl exit %d: %s" % (proc.returncode, proc.stderr[-200:])
    return proc.stdout


SMUGGLING = [
    ("CL.TE", b"POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 6\r\n"
              b"Transfer-Encoding: chunked\r\n\r\n0\r\n\r\nG"),
    ("TE.CL", b"POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n"
              b"Content-Length: 3\r\n\r\n8\r\nSMUGGLED\r\n0\r\n\r\n"),
    ("TE with a space before the colon", b"POST /echo HTTP/1.1\r\nHost: a\r\n"
              b"Transfer-Encoding : chunked\r\n\r\n0\r\n\r\n"),
    ("TE xchunked", b"POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: xchunked\r\n\r\n0\r\n\r\n"),
    ("TE chunked, identity", b"POST /echo HTTP/1.1\r\nHost: a\r\n"
              b"Transfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n"),
    ("TE folded", b"POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding:\r\n chunked\r\n\r\n0\r\n\r\n"),
    ("two Content-Lengths", b"POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n"
              b"Content-Length: 5\r\n\r\nabcde"),
    ("bare LF in the head", b"POST /echo HTTP/1.1\nHost: a\nContent-Length: 3\n\nabc"),
    ("two Hosts", b"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"),
]


def check_smuggling(proxy, upstream_requests):
    """Each attack gets one refusal and a close; the upstream sees none."""
    before = upstream_requests()
    for name, attack in SMUGGLING:
        out = raw(proxy.addr, attack)
        status = out.split(b" ", 2)[1] if out.startswith(b"HTTP/1.1 ") else out[:40]
        assert status in (b"400", b"501"), "%s: answered %r" % (name, out[:80])
        assert out.count(b"HTTP/1.1 ") == 1, "%s: more than one response" % name
        assert b"connection: close" in out.lower(), "%s: not closed" % name
    time.sleep(0.2)
    after = upstream_requests()
    assert after == before, "the upstream saw %d request(s)" % (after - before)


def scenarios_serve(proxy, upstream, root, files):
    url = lambda p: "http://%s%s" % (proxy.addr, p)  # noqa: E731
    results = []

    def same_files():
        assert curl(url("/big.bin")) == files["big.bin"]
        assert curl(url("/index.html")) == files["index.html"]

    def head():
        out = curl("-I", url("/big.bin")).decode().lower()
        assert "content-length: %d" % len(files["big.bin"]) in out, out
        assert "via: 1.1 h1wire" in out, out

    def chunked_upload():
        data = b"".join(b"piece %d;" % i for i in range(300))
        out = curl("-H", "Transfer-Encoding: chunked", "--data-binary", "@-", url("/echo"),
                   data=data)
        assert out == data

    def many_small_chunks():
        # 2,000 chunks of 3 to 17 bytes sent in one go: the proxy reads
        # them a buffer at a time (decode_body) and forwards each batch in
        # one vectored write; serve echoes the body back, chunked.
        chunks = [b"%d:" % i + b"x" * (i % 15) for i in range(2000)]
        wire = b"".join(b"%x\r\n%s\r\n" % (len(c), c) for c in chunks) + b"0\r\n\r\n"
        host, port = proxy.addr.rsplit(":", 1)
        conn = http.client.HTTPConnection(host, int(port), timeout=TIMEOUT)
        conn.putrequest("POST", "/echo")
        conn.putheader("Transfer-Encoding", "chunked")
        conn.endheaders()
        conn.send(wire)
        response = conn.getresponse()
        body = response.read()
        conn.close()
        assert response.status == 200, response.status
        assert body == b"".join(chunks), "echo differs (%d bytes)" % len(body)

    def expect_continue():
        data = os.urandom(1024 * 1024)
        assert curl("-H", "Expect: 100-continue", "--data-binary", "@-", url("/echo"),
                    data=data) == data

    def reuse():
        out = curl("-o", "/dev/null", "-o", "/dev/null", "-w", "%{http_code} %{num_connects}\n",
                   url("/nope"), url("/index.html")).decode().split()
        assert out == ["404", "1", "200", "0"], out

    def smuggling():
        count = lambda: sum(1 for line in upstream.lines() if " /" in line)  # noqa: E731
        check_smuggling(proxy, count)

    results += [("same files, byte for byte", same_files), ("HEAD", head),
                ("chunked upload", chunked_upload),
                ("2,000 small chunks in one send", many_small_chunks),
                ("100-continue, 1 MiB", expect_continue),
                ("404 then 200 over one connection", reuse),
                ("smuggling attempts refused, nothing forwarded", smuggling)]
    return results


def scenarios_nginx(proxy, nginx, root, files):
    url = lambda p: "http://%s%s" % (proxy.addr, p)  # noqa: E731

    def same_files():
        assert curl(url("/big.bin")) == files["big.bin"]
        assert curl(url("/words.txt")) == files["words.txt"]

    def gzip_rechunked():
        import gzip
        out = curl("-i", "-H", "Accept-Encoding: gzip", url("/words.txt"))
        head, _, body = out.partition(b"\r\n\r\n")
        assert b"transfer-encoding: chunked" in head.lower(), head
        assert gzip.decompress(body) == files["words.txt"]

    def redirect():
        assert curl("-L", url("/docs")) == files["docs/index.html"]

    def smuggling():
        check_smuggling(proxy, lambda: len(nginx.access_log()))

    return [("same files, byte for byte", same_files), ("gzip re-chunked", gzip_rechunked),
            ("301 followed", redirect),
            ("smuggling attempts refused, nothing forwarded", smuggling)]


class Scripted:
    """A hand-made upstream on 127.0.0.1: reads each request (a body by
    Content-Length or chunked, without trailers), records its head and
    body, and writes what `answer(head)` returns, `(bytes, close)`; with
    `close` it closes the connection after writing, without saying so in
    the head (a kept-alive connection that the upstream closes while
    idle)."""

    MAX_CONNECTIONS = 200
    MAX_REQUESTS = 100  # per connection
    LIFETIME = 600  # seconds

    def __init__(self):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.addr = "127.0.0.1:%d" % self.sock.getsockname()[1]
        self.heads = []
        self.bodies = []
        self.connections = 0
        self.answer = lambda head: (b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", False)
        self.stopping = False
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    def serve(self):
        deadline = time.monotonic() + self.LIFETIME
        while (not self.stopping and self.connections < self.MAX_CONNECTIONS
               and time.monotonic() < deadline):
            try:
                conn, _ = self.sock.accept()
            except socket.timeout:
                continue
            self.connections += 1
            threading.Thread(target=self.handle, args=(conn,), daemon=True).start()

    def handle(self, conn):
        conn.settimeout(TIMEOUT)
        buf = b""

        def until(found):
            """Read until `found(buf)` is not None: that, or None at the end."""
            nonlocal buf
            while found(buf) is None:
                try:
                    piece = conn.recv(65536)
                except OSError:
                    return None
                if not piece or len(buf) > 1 << 24:
                    return None
                buf += piece
            return found(buf)

        def take(n):
            """The next n bytes, or None at the end."""
            nonlocal buf
            if until(lambda b: True if len(b) >= n else None) is None:
                return None
            taken, buf = buf[:n], buf[n:]
            return taken

        def through(end):
            """The bytes up to the next `end`, which is dropped; None at the end."""
            at = until(lambda b: b.find(end) if end in b else None)
            return None if at is None else take(at + len(end))[:-len(end)]

        with conn:
            for _ in range(self.MAX_REQUESTS):
                head = through(b"\r\n\r\n")
                if head is None:
                    return
                fields = head.lower().split(b"\r\n")[1:]
                target = head.split(b" ")[1]
                answered = False
                if target.startswith(b"/early-"):
                    # Answered at the head, before the body: then closed
                    # at once, the body unread (the kernel resets a socket
                    # closed with unread bytes), or held open, unread, for
                    # 3 s, or the body read and the connection kept.
                    reply, _ = self.answer(head)
                    conn.sendall(reply)
                    if not target.startswith(b"/early-read"):
                        self.heads.append(head)
                    if target.startswith(b"/early-hold"):
                        time.sleep(3)
                    if not target.startswith(b"/early-read"):
                        return
                    answered = True
                if target.startswith(b"/partial-head"):
                    # The first line of the answer at once, the rest of
                    # it once the body is read.
                    conn.sendall(b"HTTP/1.1 200 OK\r\n")
                    answered = True
                if target.startswith(b"/never-read"):
                    # The head read, the body never: a stalled upstream.
                    time.sleep(10)
                    return
                if target.startswith(b"/hints"):
                    # A 103 for each piece of the body read.
                    self.heads.append(head)
                    length = int([f for f in fields if f.startswith(b"content-length:")][0]
                                 .split(b":")[1])
                    for _ in range(length // 1000):
                        if take(1000) is None:
                            return
                        conn.sendall(b"HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n")
                    conn.sendall(OK)
                    continue
                body = b""
                if any(f.startswith(b"transfer-encoding:") and f.endswith(b"chunked")
                       for f in fields):
                    for _ in range(100000):
                        size = through(b"\r\n")
                        if not size or int(size, 16) == 0:
                            break
                        body += take(int(size, 16)) or b""
                        through(b"\r\n")
                    through(b"\r\n")  # the empty line after the last chunk
                for f in fields:
                    if f.startswith(b"content-length:"):
                        body = take(int(f.split(b":")[1])) or b""
                if answered:
                    self.heads.append(head)
                    self.bodies.append(body)
                    if target.startswith(b"/partial-head"):
                        conn.sendall(b"Content-Length: 2\r\n\r\nok")
                    continue
                self.heads.append(head)
                self.bodies.append(body)
                reply, close = self.answer(head)
                conn.sendall(reply)
                if close:
                    return

    def reset(self, answer):
        """Answer with `answer` from now on; forget what was received."""
        self.answer = answer
        self.heads = []
        self.bodies = []
        self.connections = 0

    def stop(self):
        self.stopping = True
        self.thread.join(timeout=TIMEOUT)
        self.sock.close()


def answering(reply, close=False):
    return lambda head: (reply, close)


def split_response(out):
    """Status line, lower-cased field lines, and the rest."""
    head, _, rest = out.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    return lines[0], [line.lower() for line in lines[1:]], rest


def dechunk(body):
    """The data of a chunked body (extensions and trailers not expected)."""
    data = b""
    for _ in range(100000):
        size_line, _, body = body.partition(b"\r\n")
        size = int(size_line, 16)
        if size == 0:
            return data
        data += body[:size]
        assert body[size:size + 2] == b"\r\n", "chunk not followed by CRLF"
        body = body[size + 2:]
    raise AssertionError("too many chunks")


def chunked(data, size=100):
    pieces = [data[i:i + size] for i in range(0, len(data), size)]
    return b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in pieces) + b"0\r\n\r\n"


OK = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"


def upload(addr, head, size, then=b""):
    """Connect to `addr` and send `head`, then from a thread `size` bytes
    of body and `then`: the socket, and an event set once all of it went."""
    host, port = addr.rsplit(":", 1)
    sock = socket.create_connection((host, int(port)), timeout=TIMEOUT)
    sock.sendall(head)
    sent = threading.Event()

    def send_body():
        try:
            for _ in range(size // 65536):
                sock.sendall(b"u" * 65536)
            sock.sendall(b"u" * (size % 65536) + then)
            sent.set()
        except OSError:
            pass

    threading.Thread(target=send_body, daemon=True).start()
    return sock, sent


def read_until(sock, done=lambda out: False):
    """What `sock` receives until `done(out)`, the peer closes or a read
    fails (a timeout, a reset)."""
    out = b""
    while not done(out):
        try:
            data = sock.recv(65536)
        except OSError:
            break
        if not data:
            break
        out += data
    return out


def scenarios_scripted(proxy, upstream):
    def get(target, version=b"HTTP/1.1", fields=b"Host: a\r\nConnection: close\r\n"):
        return raw(proxy.addr, b"GET %s %s\r\n%s\r\n" % (target, version, fields))

    def targets_and_host():
        upstream.reset(answering(OK))
        sent = [(b"/login?next=https://example.com", b"a"),
                (b"/x?next=http://other/admin", b"a"),
                (b"http://u@example.test:8080?q", b"other"),
                (b"http://example.test/b?next=http://other/admin", b"other"),
                (b"/f?x#y", b"a")]
        for target, host in sent:
            out = get(target, fields=b"Host: %s\r\nConnection: close\r\n" % host)
            assert out.startswith(b"HTTP/1.1 200"), out[:80]
        seen = []
        for head in upstream.heads:
            lines = head.split(b"\r\n")
            seen.append((lines[0], [line for line in lines if line.lower().startswith(b"host:")]))
        assert seen == [
            (b"GET /login?next=https://example.com HTTP/1.1", [b"Host: a"]),
            (b"GET /x?next=http://other/admin HTTP/1.1", [b"Host: a"]),
            (b"GET /?q HTTP/1.1", [b"Host: example.test:8080"]),
            (b"GET /b?next=http://other/admin HTTP/1.1", [b"Host: example.test"]),
            (b"GET /f?x HTTP/1.1", [b"Host: a"]),
        ], seen

    def http10_without_host():
        upstream.reset(answering(OK))
        out = get(b"/a", b"HTTP/1.0", b"")
        assert out.startswith(b"HTTP/1.1 200"), out[:80]
        lines = upstream.heads[-1].split(b"\r\n")
        assert b"Host: %s" % upstream.addr.encode() in lines, lines

    def framing_fields_dropped():
        for answer in (b"HTTP/1.1 103 Early Hints\r\nContent-Length: 0\r\nLink: </a>\r\n\r\n"
                       b"HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\n",
                       b"HTTP/1.1 204 No Content\r\nTransfer-Encoding: chunked\r\n\r\n"):
            upstream.reset(answering(answer))
            out = get(b"/")
            assert b"HTTP/1.1 204 No Content\r\n" in out, out[:200]
            assert b"content-length" not in out.lower(), out[:200]
            assert b"transfer-encoding" not in out.lower(), out[:200]
            if b"103" in answer:
                assert out.startswith(b"HTTP/1.1 103 Early Hints\r\n"), out[:200]

    def date_added_when_missing():
        # RFC 9110 section 6.6.1: a recipient with a clock that forwards a
        # response without Date adds one; one the upstream sent is kept,
        # alone. The proxy's own answers have one too.
        upstream.reset(answering(OK))
        status, fields, body = split_response(get(b"/"))
        dates = [f for f in fields if f.startswith(b"date: ")]
        assert len(dates) == 1 and dates[0].endswith(b" gmt"), fields
        upstream.reset(answering(b"HTTP/1.1 200 OK\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\n"
                                 b"Content-Length: 2\r\n\r\nok"))
        status, fields, body = split_response(get(b"/"))
        dates = [f for f in fields if f.startswith(b"date: ")]
        assert dates == [b"date: sun, 06 nov 1994 08:49:37 gmt"], fields
        out = raw(proxy.addr, b"CONNECT a:443 HTTP/1.1\r\nHost: a:443\r\nConnection: close\r\n\r\n")
        status, fields, _ = split_response(out)
        assert status.startswith(b"HTTP/1.1 501"), status
        assert any(f.startswith(b"date: ") for f in fields), fields

    def obs_fold_unfolded():
        upstream.reset(answering(b"HTTP/1.1 200 OK\r\nX-Folded: one  \r\n \t two\r\n three\r\n"
                                 b"Content-Length: 2\r\n\r\nok"))
        status, fields, body = split_response(get(b"/"))
        assert status == b"HTTP/1.1 200 OK", status
        assert b"x-folded: one two three" in fields, fields
        assert body == b"ok"

    def interim_not_to_http10():
        upstream.reset(answering(b"HTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n" + OK))
        out = get(b"/", b"HTTP/1.0", b"Host: a\r\n")
        assert out.startswith(b"HTTP/1.1 200 OK\r\n"), out[:80]
        assert b"103" not in out and out.endswith(b"\r\n\r\nok"), out[:200]

    def interim_run_bounded():
        upstream.reset(answering(b"HTTP/1.1 103 Early Hints\r\n\r\n" * 20 + OK))
        out = get(b"/")
        assert out.count(b"HTTP/1.1 103") <= 16, out.count(b"HTTP/1.1 103")
        assert b"HTTP/1.1 502 Bad Gateway\r\n" in out, out[-200:]
        assert b"HTTP/1.1 200" not in out

    def gzip_codings_kept():
        data = b"".join(b"line %d\n" % i for i in range(2000))
        packed = gzip.compress(data)
        for te, body, close in ((b"gzip, chunked", chunked(packed), False), (b"gzip", packed, True)):
            upstream.reset(answering(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: %s\r\n\r\n%s"
                                     % (te, body), close))
            status, fields, rest = split_response(get(b"/"))
            assert status == b"HTTP/1.1 200 OK", status
            assert b"transfer-encoding: gzip, chunked" in fields, (te, fields)
            assert gzip.decompress(dechunk(rest)) == data, te
        # A request body too.
        upstream.reset(answering(OK))
        out = raw(proxy.addr, b"POST / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n"
                  b"Transfer-Encoding: gzip, chunked\r\n\r\n" + chunked(packed))
        assert out.startswith(b"HTTP/1.1 200"), out[:80]
        fields = upstream.heads[-1].lower().split(b"\r\n")
        assert b"transfer-encoding: gzip, chunked" in fields, fields
        assert upstream.bodies[-1] == packed
        # HTTP/1.0 has no Transfer-Encoding to say it with.
        upstream.reset(answering(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"
                                 + chunked(packed)))
        out = get(b"/", b"HTTP/1.0", b"Host: a\r\n")
        assert out.startswith(b"HTTP/1.1 502 Bad Gateway\r\n"), out[:80]

    def stale_connection():
        # The upstream closes every connection after its answer, without
        # saying so: the proxy sees the close before it reuses one, and
        # sends every request, the POST too, on a new connection.
        upstream.reset(answering(OK, close=True))
        host, port = proxy.addr.rsplit(":", 1)
        conn = http.client.HTTPConnection(host, int(port), timeout=TIMEOUT)
        statuses = []
        for method, path, body in (("GET", "/one", None), ("GET", "/two", None),
                                   ("HEAD", "/three", None), ("POST", "/four", b"x")):
            time.sleep(0.1)  # the upstream's close arrives first
            try:
                conn.request(method, path, body=body)
                response = conn.getresponse()
                response.read()
                statuses.append(response.status)
            except (http.client.HTTPException, OSError):
                statuses.append("dropped")
                conn.close()
        conn.close()
        assert statuses == [200, 200, 200, 200], statuses
        # Each once: none was sent on a closed connection.
        lines = [head.split(b"\r\n")[0] for head in upstream.heads]
        assert lines == [b"GET /one HTTP/1.1", b"GET /two HTTP/1.1", b"HEAD /three HTTP/1.1",
                         b"POST /four HTTP/1.1"], lines
        assert upstream.connections == 4, upstream.connections

    def unasked_bytes_after_a_response():
        # An upstream that writes more than the response asked for (a
        # second response, or a 204's "body"): those bytes are not the
        # next request's answer; the connection is not reused.
        evil = b"HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nevil"
        for reply in (OK + evil, b"HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\nhello"):
            upstream.reset(answering(reply))
            host, port = proxy.addr.rsplit(":", 1)
            conn = http.client.HTTPConnection(host, int(port), timeout=TIMEOUT)
            bodies = []
            for method, path, body in (("GET", "/1", None), ("POST", "/2", b"x"), ("GET", "/3", None)):
                conn.request(method, path, body=body)
                response = conn.getresponse()
                bodies.append((response.status, response.read()))
            conn.close()
            expected = (200, b"ok") if reply.startswith(OK) else (204, b"")
            assert bodies == [expected] * 3, (reply[:20], bodies)
            assert upstream.connections == 3, upstream.connections

    def early_answer(target):
        # RFC 9112 section 9.3: a client watches for a response while it
        # sends a request. An upstream that answers a large upload at its
        # head (413) and closes has its answer relayed at once, not a 502
        # when it closes or once it lets go, with Connection: close so
        # that the client may stop sending; the proxy then reads on (and
        # drops) what the client still sends, and closes.
        def scenario():
            too_large = (b"HTTP/1.1 413 Content Too Large\r\nContent-Length: 4\r\n"
                         b"Connection: close\r\n\r\nbig\n")
            upstream.reset(lambda head: (too_large if head.startswith(b"POST") else OK, False))
            size = 8 << 20
            started = time.monotonic()
            sock, sent = upload(
                proxy.addr,
                b"POST %s HTTP/1.1\r\nHost: a\r\nContent-Length: %d\r\n\r\n" % (target, size),
                size, b"GET /next HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
            out = read_until(sock, lambda out: b"big\n" in out)
            took = time.monotonic() - started
            status, fields, _ = split_response(out)
            assert status == b"HTTP/1.1 413 Content Too Large", out[:80]
            assert b"connection: close" in fields, fields
            assert took < 2.5, "answered after %.2f s" % took
            rest = read_until(sock)
            # (The proxy reads on what the client still sends, and drops it.)
            assert sent.wait(5), "the client could not send its whole body"
            sock.close()
            assert rest == b"", rest[:80]
        return scenario

    def early_answer_taking_the_body():
        # An early final response that keeps the connection open wants the
        # body all the same (RFC 9112 section 9.3 stops a body only for one
        # that closes): the body goes on whole, the answer after it.
        upstream.reset(answering(b"HTTP/1.1 200 OK\r\nContent-Length: 8\r\n\r\naccepted"))
        body = b"b" * (1 << 20)
        out = raw(proxy.addr, b"POST /early-read HTTP/1.1\r\nHost: a\r\nConnection: close\r\n"
                  b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
        assert out.startswith(b"HTTP/1.1 200 OK\r\n") and out.endswith(b"accepted"), out[:80]
        # (The answer came before the body: the upstream may still be
        # reading its end.)
        for _ in range(40):
            if upstream.bodies:
                break
            time.sleep(0.05)
        assert upstream.bodies == [body], [len(b) for b in upstream.bodies]

    def early_answer_to_a_slow_client():
        # The upstream is heard while the proxy waits for a slow client's
        # next piece of body, not only when that piece comes.
        too_large = (b"HTTP/1.1 413 Content Too Large\r\nContent-Length: 4\r\n"
                     b"Connection: close\r\n\r\nbig\n")
        upstream.reset(answering(too_large))
        host, port = proxy.addr.rsplit(":", 1)
        sock = socket.create_connection((host, int(port)), timeout=TIMEOUT)
        started = time.monotonic()
        sock.sendall(b"POST /early-close HTTP/1.1\r\nHost: a\r\nContent-Length: 20\r\n\r\n"
                     b"0123456789")
        out = read_until(sock, lambda out: b"big\n" in out)
        took = time.monotonic() - started
        sock.close()
        assert out.startswith(b"HTTP/1.1 413 Content Too Large\r\n"), out[:80]
        assert took < 1.5, "answered after %.2f s" % took

    def partial_early_head():
        # A head begun before the body is sent says nothing of the body
        # yet: the body goes on, and the answer is relayed once whole.
        upstream.reset(answering(OK))
        body = b"p" * 3000
        host, port = proxy.addr.rsplit(":", 1)
        sock = socket.create_connection((host, int(port)), timeout=TIMEOUT)
        sock.sendall(b"POST /partial-head HTTP/1.1\r\nHost: a\r\nConnection: close\r\n"
                     b"Content-Length: %d\r\n\r\n" % len(body))
        time.sleep(0.3)  # the upstream's first line comes meanwhile
        for at in range(0, len(body), 1000):
            sock.sendall(body[at:at + 1000])
            time.sleep(0.05)
        started = time.monotonic()
        out = read_until(sock)
        sock.close()
        assert out.startswith(b"HTTP/1.1 200 OK\r\n") and out.endswith(b"ok"), out[:80]
        assert time.monotonic() - started < 2, "answered after %.2f s" % (time.monotonic() - started)
        assert upstream.bodies == [body], [len(b) for b in upstream.bodies]

    def interim_run_bounded_over_an_upload():
        # An upstream that sends a 103 for each piece of an upload: the
        # 16 interim responses a request may have are counted over all of
        # it, not per piece heard.
        upstream.reset(answering(OK))
        host, port = proxy.addr.rsplit(":", 1)
        sock = socket.create_connection((host, int(port)), timeout=TIMEOUT)
        pieces = 40
        sock.sendall(b"POST /hints HTTP/1.1\r\nHost: a\r\nConnection: close\r\n"
                     b"Content-Length: %d\r\n\r\n" % (pieces * 1000))
        for _ in range(pieces):
            sock.sendall(b"h" * 1000)
            time.sleep(0.01)
        out = read_until(sock)
        sock.close()
        hints = out.count(b"HTTP/1.1 103 Early Hints\r\n")
        assert hints <= 16, "%d interim responses relayed" % hints
        assert b"HTTP/1.1 502 Bad Gateway\r\n" in out, out[-200:]

    def max_forwards():
        # RFC 9110 section 7.6.2: at zero the proxy answers a TRACE or
        # OPTIONS itself (a TRACE with the request it got, credentials
        # left out); above, one less goes on.
        upstream.reset(answering(OK))
        out = raw(proxy.addr, b"TRACE /t HTTP/1.1\r\nHost: a\r\nMax-Forwards: 0\r\n"
                  b"Cookie: secret=1\r\nX-Seen: yes\r\nConnection: close\r\n\r\n")
        status, fields, body = split_response(out)
        assert status == b"HTTP/1.1 200 OK", out[:80]
        assert b"content-type: message/http" in fields, fields
        assert body.startswith(b"TRACE /t HTTP/1.1\r\n") and b"X-Seen: yes\r\n" in body, body
        assert b"secret" not in body, body
        out = raw(proxy.addr, b"OPTIONS * HTTP/1.1\r\nHost: a\r\nMax-Forwards: 0\r\n"
                  b"Connection: close\r\n\r\n")
        assert out.startswith(b"HTTP/1.1 200 OK\r\n"), out[:80]
        assert not upstream.heads, upstream.heads
        out = raw(proxy.addr, b"OPTIONS * HTTP/1.1\r\nHost: a\r\nMax-Forwards: 2\r\n"
                  b"Connection: close\r\n\r\n")
        assert out.startswith(b"HTTP/1.1 200 OK\r\n"), out[:80]
        assert b"\r\nMax-Forwards: 1\r\n" in upstream.heads[-1], upstream.heads
        out = raw(proxy.addr, b"TRACE / HTTP/1.1\r\nHost: a\r\nMax-Forwards: 1x\r\n"
                  b"Connection: close\r\n\r\n")
        assert out.startswith(b"HTTP/1.1 400 Bad Request\r\n"), out[:80]
        # The message as received, version included; and a TRACE with
        # content, which no client may send (RFC 9110 section 9.3.8).
        out = raw(proxy.addr, b"TRACE /t HTTP/1.0\r\nMax-Forwards: 0\r\n\r\n")
        assert out.endswith(b"\r\n\r\nTRACE /t HTTP/1.0\r\nMax-Forwards: 0\r\n\r\n"), out
        out = raw(proxy.addr, b"TRACE / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n"
                  b"Connection: close\r\n\r\nhello")
        assert out.startswith(b"HTTP/1.1 400 Bad Request\r\n"), out[:80]

    def odd_requests_refused_or_cleaned():
        # A target of another scheme is not passed on (its Host would be
        # nothing); a field name with `_` stays behind, as nginx drops it
        # (an upstream mapping `_` to `-` would read Content_Length).
        upstream.reset(answering(OK))
        out = raw(proxy.addr, b"GET foo:///x HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
        assert out.startswith(b"HTTP/1.1 400 Bad Request\r\n"), out[:80]
        assert not upstream.heads, upstream.heads
        out = raw(proxy.addr, b"POST /u HTTP/1.1\r\nHost: a\r\nContent_Length: 40\r\n"
                  b"X.Real.IP: 6\r\nX-Kept: 1\r\nContent-Length: 2\r\nConnection: close\r\n\r\nhi")
        assert out.startswith(b"HTTP/1.1 200 OK\r\n"), out[:80]
        forwarded = upstream.heads[-1].lower()
        assert b"content_length" not in forwarded and b"x.real.ip" not in forwarded, forwarded
        assert b"x-kept: 1" in forwarded, forwarded

    def odd_responses_mended():
        # A status past 599 is invalid (RFC 9110 section 15): a 502. A
        # Date that Connection lists stays behind, and one is added.
        upstream.reset(answering(b"HTTP/1.1 600 Odd\r\nContent-Length: 2\r\n\r\nok"))
        assert get(b"/odd").startswith(b"HTTP/1.1 502 Bad Gateway\r\n")
        upstream.reset(answering(b"HTTP/1.1 200 OK\r\nConnection: Date\r\n"
                                 b"Date: Sun, 06 Nov 1994 08:49:37 GMT\r\n"
                                 b"Content-Length: 2\r\n\r\nok"))
        status, fields, _ = split_response(get(b"/date"))
        dates = [f for f in fields if f.startswith(b"date:")]
        assert status == b"HTTP/1.1 200 OK" and len(dates) == 1, fields
        assert b"1994" not in dates[0], dates
        # A body that fails before a byte of the response left (its head
        # waits for the first piece) is answered 502, not cut off bare.
        upstream.reset(answering(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                                 b"zz\r\nbroken\r\n0\r\n\r\n"))
        out = get(b"/broken")
        assert out.startswith(b"HTTP/1.1 502 Bad Gateway\r\n"), out[:80]

    def hop_by_hop_fields_dropped():
        # RFC 9110 section 7.6.1: what is for this hop stays here, both
        # ways; end-to-end fields (Authorization among them) go on.
        upstream.reset(answering(
            b"HTTP/1.1 200 OK\r\nConnection: X-Up-Hop\r\nX-Up-Hop: 1\r\nKeep-Alive: timeout=9\r\n"
            b"Proxy-Authenticate: Basic realm=\"up\"\r\nX-Up-End: 2\r\nContent-Length: 2\r\n\r\nok"))
        out = get(b"/", fields=b"Host: a\r\nConnection: close, X-Hop\r\nX-Hop: 1\r\n"
                  b"Keep-Alive: timeout=5\r\nProxy-Connection: keep-alive\r\nTE: trailers\r\n"
                  b"Proxy-Authorization: Basic dXNlcjpzZWNyZXQ=\r\n"
                  b"Authorization: Bearer end-to-end\r\nX-End: 2\r\n")
        status, fields, body = split_response(out)
        assert status == b"HTTP/1.1 200 OK" and body == b"ok", out[:200]
        names = [f.split(b":")[0] for f in fields]
        for hop in (b"x-up-hop", b"keep-alive", b"proxy-authenticate"):
            assert hop not in names, (hop, fields)
        assert b"x-up-end: 2" in fields, fields
        sent = [line.lower() for line in upstream.heads[-1].split(b"\r\n")[1:]]
        names = [f.split(b":")[0] for f in sent]
        for hop in (b"x-hop", b"keep-alive", b"proxy-connection", b"te",
                    b"proxy-authorization"):
            assert hop not in names, (hop, sent)
        assert b"authorization: bearer end-to-end" in sent and b"x-end: 2" in sent, sent

    def upgrade_required_keeps_its_upgrade():
        # A 426 names the protocols it requires (RFC 9110 section
        # 15.5.22): relayed with its Upgrade, listed in Connection as a
        # sender of Upgrade must (section 7.8). Another response's Upgrade
        # is an offer for this hop only and stays behind.
        upstream.reset(answering(b"HTTP/1.1 426 Upgrade Required\r\nUpgrade: TLS/1.3\r\n"
                                 b"Connection: Upgrade\r\nContent-Length: 2\r\n\r\nno"))
        status, fields, body = split_response(get(b"/"))
        assert status == b"HTTP/1.1 426 Upgrade Required" and body == b"no", (status, fields)
        assert b"upgrade: tls/1.3" in fields, fields
        assert any(f.startswith(b"connection:") and b"upgrade" in f for f in fields), fields
        upstream.reset(answering(b"HTTP/1.1 200 OK\r\nUpgrade: h2c\r\nConnection: Upgrade\r\n"
                                 b"Content-Length: 2\r\n\r\nok"))
        status, fields, body = split_response(get(b"/"))
        assert status == b"HTTP/1.1 200 OK" and body == b"ok", (status, fields)
        assert not any(f.startswith(b"upgrade:") for f in fields), fields

    def reasons_of_own_answers():
        for request, status in ((b"GET / HTTP/1.2\r\nHost: a\r\n\r\n",
                                 b"505 HTTP Version Not Supported"),
                                (b"GET /%s HTTP/1.1\r\nHost: a\r\n\r\n" % (b"a" * 20000),
                                 b"414 URI Too Long"),
                                (b"GET / HTTP/1.1\r\nHost: a\r\n%s\r\n" % (b"X: y\r\n" * 200),
                                 b"431 Request Header Fields Too Large")):
            out = raw(proxy.addr, request)
            assert out.startswith(b"HTTP/1.1 %s\r\n" % status), out[:80]

    def via_names_the_version_received():
        # RFC 9110 section 7.6.3: Via's received-protocol is the version
        # each message came in, whatever version it goes on in.
        for version in (b"1.0", b"1.1"):
            upstream.reset(answering(b"HTTP/%s 200 OK\r\nContent-Length: 2\r\n\r\nok" % version,
                                     close=True))
            out = get(b"/v", b"HTTP/" + version)
            _, fields, body = split_response(out)
            assert body == b"ok", out[:200]
            assert b"via: %s h1wire" % version in fields, fields
            sent = [line.lower() for line in upstream.heads[-1].split(b"\r\n")]
            assert b"via: %s h1wire" % version in sent, sent

    def http10_keep_alive_to_a_forward_proxy_closes():
        # RFC 9112 section 9.3: a proxy "MUST NOT maintain a persistent
        # connection with an HTTP/1.0 client". A client that sends an
        # absolute-form target takes this for a proxy: answered, then
        # closed, keep-alive or not. One that names no authority talks to
        # the origin (the proxy is a gateway): its keep-alive holds.
        upstream.reset(answering(OK))
        host, port = proxy.addr.rsplit(":", 1)
        sock = socket.create_connection((host, int(port)), timeout=TIMEOUT)
        sock.sendall(b"GET http://example.test/a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
        started = time.monotonic()
        out = read_until(sock)
        sock.close()
        assert time.monotonic() - started < TIMEOUT / 2, "not closed: %r" % out[:200]
        status, fields, body = split_response(out)
        assert (status, body) == (b"HTTP/1.1 200 OK", b"ok"), out[:200]
        assert b"connection: close" in fields, fields
        sock = socket.create_connection((host, int(port)), timeout=TIMEOUT)
        sock.sendall(b"GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
        first = read_until(sock, lambda out: out.endswith(b"ok"))
        assert b"connection: keep-alive" in first.lower(), first[:200]
        sock.sendall(b"GET /b HTTP/1.0\r\n\r\n")
        second = read_until(sock)
        sock.close()
        assert second.startswith(b"HTTP/1.1 200 OK") and second.endswith(b"ok"), second[:200]

    def head_answer_with_two_framings():
        # RFC 9112 section 6.3: a Content-Length beside a Transfer-Encoding
        # is removed before forwarding, also on a HEAD's answer.
        upstream.reset(answering(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n"
                                 b"Content-Length: 5\r\n\r\n"))
        out = raw(proxy.addr, b"HEAD / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
        status, fields, rest = split_response(out)
        assert status == b"HTTP/1.1 200 OK" and rest == b"", out[:200]
        framing = [f for f in fields if f.startswith((b"content-length:", b"transfer-encoding:"))]
        assert framing == [], fields

    def upstream_100_forwarded_unless_the_proxy_sent_one():
        # RFC 9110 section 15.2: a proxy MUST forward the 1xx it did not
        # ask for; an upstream 100 to a request without Expect goes on. To
        # one with Expect, the proxy sent its own 100: no second one.
        upstream.reset(answering(b"HTTP/1.1 100 Continue\r\n\r\n" + OK))
        out = get(b"/")
        assert out.startswith(b"HTTP/1.1 100 Continue\r\n"), out[:200]
        assert b"\r\n\r\nHTTP/1.1 200 OK\r\n" in out, out[:200]
        out = raw(proxy.addr, b"POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\n"
                              b"Content-Length: 2\r\nConnection: close\r\n\r\nhi")
        assert out.count(b"HTTP/1.1 100 Continue") == 1, out[:300]
        assert b"HTTP/1.1 200 OK\r\n" in out, out[:300]

    def refused_connect_closes():
        # What a client sends after a CONNECT may be meant for the tunnel
        # it asked for: once the CONNECT is refused (501), the connection
        # closes, and a request behind it is neither read nor forwarded.
        upstream.reset(answering(OK))
        out = raw(proxy.addr, b"CONNECT a:443 HTTP/1.1\r\nHost: a:443\r\n\r\n"
                              b"GET /behind HTTP/1.1\r\nHost: a\r\n\r\n")
        status, fields, _ = split_response(out)
        assert status.startswith(b"HTTP/1.1 501"), out[:200]
        assert b"connection: close" in fields, fields
        assert out.count(b"HTTP/1.1 ") == 1, out
        time.sleep(0.2)
        assert upstream.heads == [], upstream.heads

    def cut_response_resets():
        # An upstream that closes in the middle of a body: the client,
        # which got the head and part of the body, is told by a reset, not
        # a clean close, which an HTTP/1.0 client (its body ends at the
        # close) would take for the end of a whole body (RFC 9112 section
        # 8). An HTTP/1.1 client's chunked body is cut the same way.
        upstream.reset(answering(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                                 b"5\r\nhello\r\n5\r\nwor", close=True))
        for version in (b"HTTP/1.0", b"HTTP/1.1"):
            host, port = proxy.addr.rsplit(":", 1)
            sock = socket.create_connection((host, int(port)), timeout=TIMEOUT)
            sock.sendall(b"GET /cut %s\r\nHost: a\r\n\r\n" % version)
            out, ended = b"", None
            while ended is None:
                try:
                    piece = sock.recv(65536)
                except ConnectionResetError:
                    ended = "reset"
                    break
                if not piece:
                    ended = "clean close"
                out += piece
            sock.close()
            assert ended == "reset", "%s: %s after %r" % (version.decode(), ended, out[:200])

    def early_close_delimited_answer():
        # RFC 9112 section 9.3: a client stops sending a body once it sees
        # a response that "indicates the server does not wish to receive
        # the message body and is closing the connection". A response
        # whose body ends only where the connection does (no
        # Content-Length, not chunked: RFC 9112 section 6.3) closes it as
        # surely as `Connection: close` says so. Answered at the head of a
        # large upload by an upstream that then stops reading, it is relayed
        # at once, with Connection: close, not once the upstream lets go
        # (3 s here; two to three times --upstream-timeout for one that
        # keeps the connection open).
        for reply in (b"HTTP/1.1 413 Content Too Large\r\n\r\nbig\n",
                      b"HTTP/1.0 413 Content Too Large\r\nConnection: keep-alive\r\n\r\nbig\n"):
            upstream.reset(answering(reply))
            size = 8 << 20
            started = time.monotonic()
            sock, _ = upload(proxy.addr, b"POST /early-hold HTTP/1.1\r\nHost: a\r\n"
                             b"Content-Length: %d\r\n\r\n" % size, size)
            out = read_until(sock, lambda out: b"big\n" in out)
            took = time.monotonic() - started
            sock.close()
            status, fields, _ = split_response(out)
            assert status == b"HTTP/1.1 413 Content Too Large", (reply[:9], out[:80])
            assert b"connection: close" in fields, (reply[:9], fields)
            assert took < 2.5, "%s: answered after %.2f s" % (reply[:8].decode(), took)

    def framing_listed_in_connection():
        # An upstream that lists Content-Length in Connection: the field
        # goes (RFC 9110 section 7.6.1), the body is still read by it, and
        # the client gets the body whole and framed (by the close), the
        # next request answered on a new exchange, never the rest of one.
        upstream.reset(answering(b"HTTP/1.1 200 OK\r\nConnection: Content-Length\r\n"
                                 b"Content-Length: 5\r\n\r\nhello"))
        host, port = proxy.addr.rsplit(":", 1)
        conn = http.client.HTTPConnection(host, int(port), timeout=TIMEOUT)
        bodies = []
        for path in ("/1", "/2"):
            conn.request("GET", path)
            response = conn.getresponse()
            bodies.append((response.status, response.read()))
        conn.close()
        assert bodies == [(200, b"hello")] * 2, bodies

    def unasked_responses_refused():
        # A 101 to a request that offered no upgrade (the proxy forwards
        # none), and a 1xx with a "body" (1xx have none: the bytes are the
        # next head, here a broken one): 502, and nothing after them
        # reaches the client. A HEAD's answer followed by body bytes and a
        # response of their own: the next request goes on a new
        # connection and gets its own answer.
        for reply in (b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                      b"Connection: Upgrade\r\n\r\n" + OK,
                      b"HTTP/1.1 103 Early Hints\r\nContent-Length: 5\r\n\r\nhello" + OK):
            upstream.reset(answering(reply))
            out = get(b"/")
            assert b"HTTP/1.1 502 Bad Gateway\r\n" in out, out[:300]
            assert b"200 OK" not in out and b"hello" not in out.split(b"\r\n\r\n", 2)[-1], out
        evil = b"HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nevil"
        upstream.reset(lambda head: ((b"HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nbody" + evil)
                                     if head.startswith(b"HEAD") else OK, False))
        host, port = proxy.addr.rsplit(":", 1)
        conn = http.client.HTTPConnection(host, int(port), timeout=TIMEOUT)
        answers = []
        for method in ("HEAD", "GET", "GET"):
            conn.request(method, "/h")
            response = conn.getresponse()
            answers.append((response.status, response.read()))
        conn.close()
        assert answers == [(200, b""), (200, b"ok"), (200, b"ok")], answers
        assert upstream.connections == 2, upstream.connections

    def chunk_extensions_and_trailers_stay_behind():
        # A request's chunk extensions and trailer fields are this hop's:
        # the body goes on re-chunked without them, and the request
        # pipelined behind it goes on whole; a trailer that would frame or
        # route (Content-Length, Host) is refused before anything of it
        # goes on.
        upstream.reset(answering(OK))
        out = raw(proxy.addr, b"POST /t HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
                  b"5;ext=\"a\\\"b\"\r\nhello\r\n0;last\r\nX-Trailer: 1\r\n\r\n"
                  b"GET /after HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
        assert out.count(b"HTTP/1.1 200 OK\r\n") == 2, out[:300]
        assert upstream.bodies[0] == b"hello", upstream.bodies
        assert [h.split(b"\r\n")[0] for h in upstream.heads] == [b"POST /t HTTP/1.1",
                                                                 b"GET /after HTTP/1.1"], upstream.heads
        upstream.reset(answering(OK))
        out = raw(proxy.addr, b"POST /t HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
                  b"0\r\nContent-Length: 40\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: a\r\n\r\n")
        assert out.startswith(b"HTTP/1.1 400 Bad Request\r\n") and out.count(b"HTTP/1.1 ") == 1, out
        time.sleep(0.2)
        assert not any(b"/smuggled" in h for h in upstream.heads), upstream.heads

    def reset_content_relayed():
        # RFC 9110 section 15.3.6: a 205 carries no content, and its
        # sender says so in one of three ways: Content-Length: 0, a
        # chunked body of only the last chunk, or no framing and a close
        # after the head. All three are a 205 the client gets, none a 502.
        for reply, close in ((b"HTTP/1.1 205 Reset Content\r\nContent-Length: 0\r\n\r\n", False),
                             (b"HTTP/1.1 205 Reset Content\r\nTransfer-Encoding: chunked\r\n\r\n"
                              b"0\r\n\r\n", False),
                             (b"HTTP/1.1 205 Reset Content\r\n\r\n", True)):
            upstream.reset(answering(reply, close))
            out = raw(proxy.addr, b"POST /form HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n"
                      b"Connection: close\r\n\r\nhi")
            status, fields, body = split_response(out)
            assert status == b"HTTP/1.1 205 Reset Content", (reply[:60], out[:120])
            assert body == b"", (reply[:60], out[:200])

    def no_continue_before_a_refusal():
        # RFC 9110 sections 10.1.1 and 15.2.1: a 100 (Continue) says the
        # request "has not yet been rejected"; a proxy that can tell the
        # final status from the head alone sends that status at once. A
        # request the proxy refuses itself (a TRACE with content, another
        # scheme) or answers itself (Max-Forwards: 0) gets no 100 first,
        # which would have its client upload a body only to be dropped.
        upstream.reset(answering(OK))
        host, port = proxy.addr.rsplit(":", 1)
        for request in (b"TRACE / HTTP/1.1\r\nHost: a\r\n",
                        b"POST foo://x/ HTTP/1.1\r\nHost: a\r\n",
                        b"OPTIONS * HTTP/1.1\r\nHost: a\r\nMax-Forwards: 0\r\n"):
            sock = socket.create_connection((host, int(port)), timeout=TIMEOUT)
            sock.sendall(request + b"Expect: 100-continue\r\nContent-Length: 1000000\r\n\r\n")
            out = read_until(sock, lambda out: b"\r\n\r\n" in out.replace(
                b"HTTP/1.1 100 Continue\r\n\r\n", b""))
            sock.close()
            assert not out.startswith(b"HTTP/1.1 100 Continue\r\n"), (request[:20], out[:200])
        assert upstream.heads == [], upstream.heads

    return [("a :// in a query stays, absolute-form goes as origin-form with its Host, "
             "a fragment goes nowhere",
             targets_and_host),
            ("HTTP/1.0 without Host gets the upstream's", http10_without_host),
            ("Via names the version each message came in", via_names_the_version_received),
            ("an HTTP/1.0 client of a forward proxy is not kept alive, of a gateway it is",
             http10_keep_alive_to_a_forward_proxy_closes),
            ("a response cut mid-body is ended by a reset", cut_response_resets),
            ("a refused CONNECT closes: nothing behind it is forwarded", refused_connect_closes),
            ("an upstream 100 is forwarded, unless the proxy sent its own",
             upstream_100_forwarded_unless_the_proxy_sent_one),
            ("a HEAD's answer with two framings loses its Content-Length",
             head_answer_with_two_framings),
            ("204 and 1xx relayed without framing fields", framing_fields_dropped),
            ("a Date added where the upstream sent none", date_added_when_missing),
            ("obs-fold relayed unfolded", obs_fold_unfolded),
            ("no 1xx to an HTTP/1.0 client", interim_not_to_http10),
            ("more than 16 1xx answered 502", interim_run_bounded),
            ("gzip transfer coding kept when re-chunked", gzip_codings_kept),
            ("closed kept-alive connection: every request sent once, on a new one",
             stale_connection),
            ("bytes after a response are no answer to the next request",
             unasked_bytes_after_a_response),
            ("hop-by-hop fields, proxy credentials among them, stay behind both ways",
             hop_by_hop_fields_dropped),
            ("a 426 is relayed with its Upgrade, another response's stays behind",
             upgrade_required_keeps_its_upgrade),
            ("the proxy's own answers have reason phrases", reasons_of_own_answers),
            ("an early answer from an upstream that closes is relayed",
             early_answer(b"/early-close")),
            ("an early answer from an upstream that stops reading is relayed",
             early_answer(b"/early-hold")),
            ("an early answer that keeps the connection gets the whole body",
             early_answer_taking_the_body),
            ("an early close-delimited answer from an upstream that stops reading is relayed",
             early_close_delimited_answer),
            ("a Content-Length listed in Connection: the body is relayed whole",
             framing_listed_in_connection),
            ("an unasked 101, a 1xx with a body, a HEAD answer with one: none reaches the client",
             unasked_responses_refused),
            ("chunk extensions and trailers stay behind, framing trailers are refused",
             chunk_extensions_and_trailers_stay_behind),
            ("a 205 framed any of the three ways RFC 9110 allows is relayed", reset_content_relayed),
            ("no 100 (Continue) before a refusal or an answer made here",
             no_continue_before_a_refusal),
            ("an early answer reaches a client slow to send its body", early_answer_to_a_slow_client),
            ("a head begun early lets the body go on", partial_early_head),
            ("16 interim responses at most over a whole upload", interim_run_bounded_over_an_upload),
            ("Max-Forwards: answered at 0, one less above", max_forwards),
            ("other schemes refused, names with _ or . dropped", odd_requests_refused_or_cleaned),
            ("a status past 599 or a body broken at once is a 502, a Date that Connection "
             "lists is replaced",
             odd_responses_mended)]


def scenarios_silent(proxy, upstream):
    """`proxy` runs with `--upstream-timeout 1` and `--client-timeout 2`."""

    def slow_head_cut_off():
        # A head trickled in a byte each 0.25 s, each byte well within the
        # client timeout: cut off once the head has taken it in all
        # (nginx's client_header_timeout), not held for as long as the
        # head limit lets it grow. (Bounded: 6 s at most.)
        host, port = proxy.addr.rsplit(":", 1)
        sock = socket.create_connection((host, int(port)), timeout=10)
        since = time.monotonic()
        closed_after = None
        for byte in b"GET / HTTP/1.1\r\nHost: a\r\nX-Pad: " + b"a" * 100:
            try:
                sock.sendall(bytes([byte]))
                sock.setblocking(False)
                try:
                    if sock.recv(1) == b"":
                        closed_after = time.monotonic() - since
                except BlockingIOError:
                    pass
                finally:
                    sock.setblocking(True)
            except OSError:
                closed_after = time.monotonic() - since
            if closed_after is not None or time.monotonic() - since > 6:
                break
            time.sleep(0.25)
        sock.close()
        assert closed_after is not None, "a head trickled for 6 s was not cut off"
        assert closed_after <= 3.5, "cut off after %.2f s" % closed_after

    def answered_504():
        # An upstream that reads the request and says nothing: once the
        # proxy's upstream timeout passes, its client gets 504 (RFC 9110
        # section 15.6.5), not the 502 of an upstream that failed.
        def silent(head):
            time.sleep(2.5)
            return b"", True

        upstream.reset(silent)
        out = raw(proxy.addr, b"GET /slow HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
        assert out.startswith(b"HTTP/1.1 504 Gateway Timeout\r\n"), out[:80]
        assert upstream.heads and upstream.heads[-1].startswith(b"GET /slow "), upstream.heads

    def a_new_head_has_its_own_time():
        # Each head has the client timeout from its own first bytes: one
        # that begins late in the one before is not cut off by that one's
        # deadline (a review found it was).
        upstream.reset(answering(OK))
        host, port = proxy.addr.rsplit(":", 1)
        sock = socket.create_connection((host, int(port)), timeout=10)
        sock.sendall(b"GET /a HTTP/1.1\r\n")
        time.sleep(1.5)
        sock.sendall(b"Host: a\r\n\r\nGET /b HTTP/1.1\r\n")
        time.sleep(1.0)
        try:
            sock.sendall(b"Host: a\r\nConnection: close\r\n\r\n")
        except OSError:
            pass
        out = read_until(sock)
        sock.close()
        assert out.count(b"HTTP/1.1 200 OK\r\n") == 2, out[:300]

    def stalled_upload_answered_504():
        # An upstream that takes none of a request's body is as silent as
        # one that does not answer: 504 once a write has waited the
        # upstream timeout (1 s here) for room (a few seconds: each write
        # that moved some bytes waits anew), not a 502 once the upstream
        # lets go (10 s here) or after the proxy's send timeout.
        upstream.reset(answering(OK))
        size = 16 << 20
        started = time.monotonic()
        sock, _ = upload(proxy.addr, b"POST /never-read HTTP/1.1\r\nHost: a\r\n"
                         b"Connection: close\r\nContent-Length: %d\r\n\r\n" % size, size)
        out = read_until(sock)
        sock.close()
        took = time.monotonic() - started
        assert out.startswith(b"HTTP/1.1 504 Gateway Timeout\r\n"), out[:80]
        assert took < 6, "answered after %.2f s" % took

    return [("a silent upstream is answered 504", answered_504),
            ("an upstream that takes none of a body is answered 504", stalled_upload_answered_504),
            ("a head trickled in byte by byte is cut off", slow_head_cut_off),
            ("a new head has its own time", a_new_head_has_its_own_time)]


def connect_timeout(proxy_bin):
    """A proxy in front of an upstream whose listen queue is full: its
    connect is bounded by the upstream timeout (1 s) and answered 504, not
    held for the kernel's whole retry time (two minutes and more)."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    addr = listener.getsockname()
    queued = []
    try:
        for _ in range(4):
            filler = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            filler.setblocking(False)
            try:
                filler.connect(addr)
            except BlockingIOError:
                pass
            queued.append(filler)
        time.sleep(0.3)
        proxy = Process([proxy_bin, "--listen", "127.0.0.1:0", "--upstream", "%s:%d" % addr,
                         "--upstream-timeout", "1"])
        try:
            started = time.monotonic()
            out = raw(proxy.addr, b"GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
            took = time.monotonic() - started
        finally:
            proxy.stop()
        assert out.startswith(b"HTTP/1.1 504 Gateway Timeout\r\n"), out[:80]
        assert took < 5, "answered after %.2f s" % took
    finally:
        for filler in queued:
            filler.close()
        listener.close()


def run(label, scenarios):
    failed = 0
    for name, scenario in scenarios:
        try:
            scenario()
            print("PASS %-14s %s" % (label, name))
        except Exception as e:  # noqa: BLE001 - report and go on
            failed += 1
            print("FAIL %-14s %s: %s: %s" % (label, name, type(e).__name__, e))
    return failed


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    proxy_bin, serve_bin = sys.argv[1:]
    if not shutil.which("curl"):
        print("SKIP proxy scenarios (no curl)")
        return
    root, files = make_root()
    failed = 0
    stop = []
    try:
        upstream = Process([serve_bin, "--addr", "127.0.0.1:0", root])
        stop.append(upstream)
        proxy = Process([proxy_bin, "--listen", "127.0.0.1:0", "--upstream", upstream.addr])
        stop.append(proxy)
        failed += run("proxy->serve", scenarios_serve(proxy, upstream, root, files))
        scripted = Scripted()
        try:
            proxy3 = Process([proxy_bin, "--listen", "127.0.0.1:0", "--upstream", scripted.addr])
            stop.append(proxy3)
            failed += run("proxy->scripted", scenarios_scripted(proxy3, scripted))
            proxy4 = Process([proxy_bin, "--listen", "127.0.0.1:0", "--upstream", scripted.addr,
                              "--upstream-timeout", "1", "--client-timeout", "2"])
            stop.append(proxy4)
            failed += run("proxy->silent", scenarios_silent(proxy4, scripted))
            failed += run("proxy->full", [("connecting is bounded by the upstream timeout",
                                          lambda: connect_timeout(proxy_bin))])
        finally:
            scripted.stop()
        if nginx_binary():
            nginx = Nginx(root)
            try:
                proxy2 = Process([proxy_bin, "--listen", "127.0.0.1:0", "--upstream",
                                  "127.0.0.1:%d" % nginx.port])
                stop.append(proxy2)
                failed += run("proxy->nginx", scenarios_nginx(proxy2, nginx, root, files))
            finally:
                nginx.stop()
        else:
            print("SKIP proxy->nginx (nginx not installed)")
    finally:
        for process in stop:
            process.stop()
        shutil.rmtree(root, ignore_errors=True)
    if failed:
        print("%d scenario(s) failed" % failed)
        sys.exit(1)


if __name__ == "__main__":
    main()
