#!/usr/bin/env python3
"""curl through examples/proxy.rs to examples/serve.rs and to nginx, and
request-smuggling attempts that the proxy must refuse without forwarding.

    python3 tests/peers/proxy_peers.py target/release/examples/proxy target/release/examples/serve

Every process listens on 127.0.0.1 on a free port and is stopped at the
end; every request has a timeout. Prints PASS/FAIL/SKIP per upstream and
scenario; exits 1 if any failed.
"""

import http.client
import os
import shutil
import subprocess
import sys
import tempfile
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
