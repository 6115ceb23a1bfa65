#!/usr/bin/env python3
"""Build tests/corpus/go_nethttp.json: h1wire conformance cases taken from the
HTTP/1 wire messages of Go's net/http test suite (golang/go).

Only the test messages (the bytes) are taken from Go; every expectation is
decided from h1wire's strict profile (CONFORMANCE.md section 3) and RFC 9112 /
RFC 9110, not from what Go answers.

    python3 tests/corpus/make/go_nethttp.py            # default: inputs above 128 KiB scaled down
    python3 tests/corpus/make/go_nethttp.py --full     # the original sizes (1-2 MiB inputs)

--full gives a corpus of about 20 MB. Scaled cases say so in their note and keep
the same framing and the same outcome. The two chunk-count tests of
chunked_test.go (1<<20 chunks, 6 and 112 MiB) stay scaled in both modes.
"""

import json
import os
import sys

NAME = "go_nethttp"
OUT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), NAME + ".json")
FULL = "--full" in sys.argv[1:]

REPO = "golang/go"
C_READREQ = "01a5a83cfbe594538f6fe9f49bd27d9dc36155a4"
C_RESP = "34aeeefd26fd780ff7ac83cb26f775d0fd3f3541"
C_TRANSFER = "08892d66108d148c48a744e404807bcfc1325815"
C_CHUNKED = "66f8e1e817777976c764ee857898a5acb44a8c31"
C_SERVE = "008b7b4b13aa6e7560771e327719904421090640"
C_H1SERVER = "a0f3b6a6582a618d63c2471b1c0619df35ea8637"

F_READREQ = "src/net/http/readrequest_test.go"
F_RESP = "src/net/http/response_test.go"
F_TRANSFER = "src/net/http/transfer_test.go"
F_CHUNKED = "src/net/http/internal/chunked_test.go"
F_SERVE = "src/net/http/serve_test.go"
F_H1SERVER = "src/net/http/http1_server_test.go"

COMMITS = {F_READREQ: C_READREQ, F_RESP: C_RESP, F_TRANSFER: C_TRANSFER,
           F_CHUNKED: C_CHUNKED, F_SERVE: C_SERVE, F_H1SERVER: C_H1SERVER}


def src(path, test):
    return "%s %s@%s: %s" % (REPO, path, COMMITS[path][:12], test)


# ---------------------------------------------------------------- helpers ---

def b(s):
    """A Go string literal's bytes (we write them as Python str with \\x escapes)."""
    if isinstance(s, bytes):
        return s
    return s.encode("latin-1")


def L(bs):
    return bs.decode("latin-1")


def go_trimspace(bs):
    return bs.strip(b" \t\n\r\v\f")


def reqBytes(s):
    """serve_test.go / readrequest_test.go reqBytes: TrimSpace, \\n -> \\r\\n, + CRLFCRLF."""
    return go_trimspace(b(s)).replace(b"\n", b"\r\n") + b"\r\n\r\n"


def joinCRLF(*lines):
    """http1_server_test.go joinCRLF: strings.Join(s, "\\r\\n")."""
    return b"\r\n".join(b(x) for x in lines)


def writeMessage(*lines):
    """http1_server_test.go (*http1TestConn).writeMessage: Join + "\\r\\n"."""
    return joinCRLF(*lines) + b"\r\n"


OWS = b" \t"


def msg(head, framing, body=b"", trailers=(), length=None):
    """A corpus message from a head I know to be valid (start line + field
    lines, CRLF separated; a trailing empty line is allowed). Field values are
    trimmed of OWS. This is bookkeeping over my own expectation, not a parser
    whose output is trusted: every head given here was checked by hand."""
    head = b(head)
    if head.endswith(b"\r\n\r\n"):
        head = head[:-4]
    elif head.endswith(b"\r\n"):
        head = head[:-2]
    lines = head.split(b"\r\n")
    start = lines[0]
    if start.startswith(b"HTTP/"):
        v, rest = start.split(b" ", 1)
        code, reason = rest.split(b" ", 1)
        st = [L(v), L(code), L(reason)]
    else:
        parts = start.split(b" ")
        assert len(parts) == 3, start
        st = [L(p) for p in parts]
    hdrs = []
    for ln in lines[1:]:
        n, v = ln.split(b":", 1)
        hdrs.append([L(n), L(v.strip(OWS))])
    m = {"start": st, "headers": hdrs, "framing": framing, "body": L(b(body)),
         "trailers": [[L(b(n)), L(b(v))] for n, v in trailers], "complete": True}
    if length is not None:
        m["length"] = length
    return m


CASES = []
BY_KEY = {}
IDS = set()
STATS = {"merged_duplicates": 0}


def add(slug, mode, inp, expect, messages, note, source, methods=(), differs=None):
    """differs: None if Go answers as the profile does, else a one-line reason."""
    cid = NAME + "-" + slug
    inp = b(inp)
    key = (mode, tuple(methods), inp)
    if slug == "dup":
        assert key in BY_KEY, ("not a duplicate", source)
    if key in BY_KEY:
        prev = BY_KEY[key]
        assert prev["expect"] == expect and prev["messages"] == messages, (cid, prev["id"])
        prev["source"] += "; " + source
        STATS["merged_duplicates"] += 1
        return prev["id"]
    assert cid not in IDS, cid
    IDS.add(cid)
    if differs:
        note = "differs from Go: " + differs + " " + note if note else "differs from Go: " + differs
    c = {"id": cid, "mode": mode, "methods": list(methods), "input": L(inp),
         "expect": expect, "messages": messages, "note": note, "source": source}
    if differs:
        c["_differs"] = differs
    CASES.append(c)
    BY_KEY[key] = c
    return cid


def size(full, scaled):
    return full if FULL else scaled


def scaled_note(what, full, scaled):
    if FULL:
        return ""
    return (" Scaled down: %s is %d bytes here instead of Go's %d; the framing and the "
            "outcome are the same (the size only mattered to Go's server read-ahead "
            "policy); the make script's --full flag restores it." % (what, scaled, full))


NOHOST = ("an HTTP/1.1 request without Host is an error (RFC 9112 3.2: a server MUST "
          "respond 400; profile 'Host'); the -host variant has Host added so the case "
          "tests what it was written for.")


def host_variant(slug, inp, after_line, host, expect, messages, note, source, differs=None,
                 mode="request"):
    """Insert 'Host: <host>' after the request-line; used for the -host variants."""
    inp = b(inp)
    i = inp.index(b"\r\n") + 2
    new = inp[:i] + b"Host: " + b(host) + b"\r\n" + inp[i:]
    return add(slug + "-host", mode, new, expect, messages, note,
               source + " (variant: Host field added)", differs=differs)


# ======================================================= readrequest_test.go ==

def readrequest():
    T = "TestReadRequest reqTests"
    s = lambda i, what: src(F_READREQ, "%s[%d] (%s)" % (T, i, what))

    h0 = ("GET http://www.techcrunch.com/ HTTP/1.1\r\n"
          "Host: www.techcrunch.com\r\n"
          "User-Agent: Fake\r\n"
          "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r\n"
          "Accept-Language: en-us,en;q=0.5\r\n"
          "Accept-Encoding: gzip,deflate\r\n"
          "Accept-Charset: ISO-8859-1,utf-8;q=0.7,*;q=0.7\r\n"
          "Keep-Alive: 300\r\n"
          "Content-Length: 7\r\n"
          "Proxy-Connection: keep-alive\r\n\r\n")
    add("req-absolute-form-baseline", "request", h0 + "abcdef\n???", "error",
        [msg(h0, "length", "abcdef\n", length=7)],
        "absolute-form target with a matching Host, Content-Length 7 body 'abcdef\\n'; the "
        "three '?' left after the body start a next request that the stream never "
        "completes, so the stream ends in an error after one complete message (Go's "
        "ReadRequest reads a single request and never looks at them).",
        s(0, "Baseline test"))

    h = "GET / HTTP/1.1\r\nHost: foo.com\r\n\r\n"
    add("req-get-no-body", "request", h, "ok", [msg(h, "none")],
        "plain GET, no body", s(1, "GET request with no body"))

    h = "GET //user@host/is/actually/a/path/ HTTP/1.1\r\nHost: test\r\n\r\n"
    add("req-path-looks-like-authority", "request", h, "ok", [msg(h, "none")],
        "origin-form '//user@host/...' is an absolute-path with an empty first segment "
        "('@' is a pchar), not an authority (RFC 9112 3.2.1)",
        s(2, "path that looks like a scheme-relative URI"))

    add("req-relative-target", "request",
        "GET ../../../../etc/passwd HTTP/1.1\r\nHost: test\r\n\r\n", "error", [],
        "'../../..' is neither origin-form (must start with '/'), absolute-form nor "
        "asterisk-form (RFC 9112 3.2; profile 'request-target form fits the method')",
        s(3, "bogus absolute-path"))

    add("req-missing-target", "request", "GET  HTTP/1.1\r\nHost: test\r\n\r\n", "error", [],
        "two SPs and no request-target (profile: single SPs, RFC 9112 3)",
        s(4, "missing URL"))

    h = "POST / HTTP/1.1\r\nHost: foo.com\r\nTransfer-Encoding: chunked\r\n\r\n"
    add("req-chunked-trailer", "request",
        h + "3\r\nfoo\r\n3\r\nbar\r\n0\r\nTrailer-Key: Trailer-Value\r\n\r\n", "ok",
        [msg(h, "chunked", "foobar", [("Trailer-Key", "Trailer-Value")])],
        "chunked body with one trailer field", s(5, "chunked body with trailer"))

    add("req-chunked-and-content-length", "request",
        "POST / HTTP/1.1\r\nHost: foo.com\r\nTransfer-Encoding: chunked\r\n"
        "Content-Length: 9999\r\n\r\n3\r\nfoo\r\n3\r\nbar\r\n0\r\n\r\n", "error", [],
        "Transfer-Encoding together with Content-Length in a request is an error "
        "(profile framing 2; RFC 9112 6.1 lets a server reject it and 6.3 item 3 calls it "
        "a smuggling sign).", s(6, "chunked body and a bogus Content-Length"),
        differs="Go accepts the request, reads it as chunked and deletes the Content-Length.")

    for i, (slug, target, what) in enumerate([
            ("req-connect-domain", "www.google.com:443", "CONNECT request with domain name"),
            ("req-connect-ip", "127.0.0.1:6060", "CONNECT request with IP address")]):
        inp = "CONNECT %s HTTP/1.1\r\n\r\n" % target
        add(slug, "request", inp, "error", [], NOHOST, s(7 + i, what),
            differs="Go accepts a CONNECT without Host (it takes the host from the target).")
        hh = "CONNECT %s HTTP/1.1\r\nHost: %s\r\n\r\n" % (target, target)
        host_variant(slug, inp, 0, target, "ok", [msg(hh, "upgrade")],
                     "CONNECT with authority-form target: framing upgrade, nothing after "
                     "the head is decoded (profile framing 1)", s(7 + i, what))

    inp = "CONNECT /_goRPC_ HTTP/1.1\r\n\r\n"
    add("req-connect-path", "request", inp, "error", [],
        "CONNECT takes only authority-form (RFC 9112 3.2.3; profile); this request also "
        "lacks Host.", s(9, "CONNECT request for RPC"),
        differs="Go accepts CONNECT with an origin-form path (used by net/rpc).")
    host_variant("req-connect-path", inp, 0, "example.com", "error", [],
                 "CONNECT with an origin-form target is an error even with Host: only "
                 "CONNECT takes authority-form and CONNECT takes nothing else (RFC 9112 "
                 "3.2.3; profile 'request-target form fits the method').",
                 s(9, "CONNECT request for RPC"),
                 differs="Go accepts CONNECT with an origin-form path (used by net/rpc).")

    inp = "NOTIFY * HTTP/1.1\r\nServer: foo\r\n\r\n"
    add("req-notify-asterisk", "request", inp, "error", [], NOHOST,
        s(10, "SSDP Notify request"),
        differs="Go accepts an HTTP/1.1 request without Host.")
    hh = "NOTIFY * HTTP/1.1\r\nHost: example.com\r\nServer: foo\r\n\r\n"
    host_variant("req-notify-asterisk", inp, 0, "example.com", "either", [msg(hh, "none")],
                 "asterisk-form with a method other than OPTIONS: either (profile names "
                 "it; SSDP uses it)", s(10, "SSDP Notify request"))

    inp = "OPTIONS * HTTP/1.1\r\nServer: foo\r\n\r\n"
    add("req-options-asterisk", "request", inp, "error", [], NOHOST,
        s(11, "OPTIONS request"), differs="Go accepts an HTTP/1.1 request without Host.")
    hh = "OPTIONS * HTTP/1.1\r\nHost: example.com\r\nServer: foo\r\n\r\n"
    host_variant("req-options-asterisk", inp, 0, "example.com", "ok", [msg(hh, "none")],
                 "OPTIONS with asterisk-form", s(11, "OPTIONS request"))

    h = "GET / HTTP/1.1\r\nHost: issue8261.com\r\nConnection: close\r\n\r\n"
    add("req-connection-close", "request", h, "ok", [msg(h, "none")],
        "Connection: close; nothing follows", s(12, "Connection: close"))

    h = "HEAD / HTTP/1.1\r\nHost: issue8261.com\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"
    add("req-head-content-length-0", "request", h, "ok", [msg(h, "length", "", length=0)],
        "HEAD request with Content-Length: 0 (a request's body framing does not depend "
        "on the method)", s(13, "HEAD with Content-Length 0"))

    add("req-h2-preface", "request", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", "error", [],
        "the HTTP/2 connection preface: version HTTP/2.0 is not HTTP/1.0 or HTTP/1.1 "
        "(profile: any other HTTP/x.y is an error)", s(14, "http2 client preface"),
        differs="Go's ReadRequest returns a request with Proto HTTP/2.0 so the server can "
        "hand the connection to its HTTP/2 code.")

    # TestReadRequest_Bad
    sb = lambda name: src(F_READREQ, "TestReadRequest_Bad badRequestTests %s" % name)
    add("bad-connect-host", "request", reqBytes(
        "CONNECT []%20%48%54%54%50%2f%31%2e%31%0a%4d%79%48%65%61%64%65%72%3a%20%31%32%33%0a%0a HTTP/1.0"),
        "error", [],
        "CONNECT target is not authority-form host:port ('[]' is no IP-literal and has "
        "no port; RFC 9112 3.2.3)", sb("bad_connect_host"))

    inp = reqBytes("POST / HTTP/1.1\nContent-Length: 3\nContent-Length: 4\n\nabc")
    add("bad-two-content-length", "request", inp, "error", [],
        "two different Content-Length values (profile framing 3; RFC 9112 6.3 item 5); "
        "this HTTP/1.1 request also lacks Host, see the -host variant",
        sb("smuggle_two_contentlen"))
    host_variant("bad-two-content-length", inp, 0, "example.com", "error", [],
                 "two different Content-Length values: error (profile framing 3; RFC 9112 "
                 "6.3 item 5)", sb("smuggle_two_contentlen"))

    add("bad-two-content-length-head", "request",
        reqBytes("HEAD / HTTP/1.1\nHost: foo\nContent-Length: 4\nContent-Length: 5\n\n1234"),
        "error", [], "two different Content-Length values on a HEAD request",
        sb("smuggle_two_content_len_head"))

    add("bad-leading-space-header", "request",
        reqBytes("HEAD / HTTP/1.1\n Host: foo\nContent-Length: 5"), "error", [],
        "first field line starts with SP: obs-fold (or whitespace before the first "
        "field) is an error in requests (RFC 9112 2.2 / 5.2; profile)",
        sb("leading_space_in_header"))
    add("bad-leading-tab-header", "request",
        reqBytes("HEAD / HTTP/1.1\n\tHost: foo\nContent-Length: 5"), "error", [],
        "first field line starts with HTAB: obs-fold is an error in requests (profile)",
        sb("leading_tab_in_header"))


# ========================================================== response_test.go ==

def response():
    T = "TestReadResponse respTests"
    s = lambda i, what: src(F_RESP, "%s[%d] (%s)" % (T, i, what))

    h = "HTTP/1.0 200 OK\r\nConnection: close\r\n\r\n"
    add("res-1-0-close-delimited", "response", h + "Body here\n", "ok",
        [msg(h, "close", "Body here\n")], "no Content-Length: body read to end of stream",
        s(0, "Unchunked response without Content-Length"))
    h = "HTTP/1.1 200 OK\r\n\r\n"
    add("res-1-1-close-delimited", "response", h + "Body here\n", "ok",
        [msg(h, "close", "Body here\n")], "no framing fields: body read to end of stream",
        s(1, "Unchunked HTTP/1.1 response without Content-Length"))
    h = "HTTP/1.1 204 No Content\r\n\r\n"
    add("res-204-then-junk", "response", h + "Body should not be read!\n", "error",
        [msg(h, "none")],
        "a 204 has no body (RFC 9112 6.3 item 1), so the bytes after its head are the "
        "next response, which is not a status-line: error after one message. Go's test "
        "reads only the first response and agrees it has no body.",
        s(2, "Unchunked HTTP/1.1 204 response"))
    h = "HTTP/1.0 200 OK\r\nContent-Length: 10\r\nConnection: close\r\n\r\n"
    add("res-content-length", "response", h + "Body here\n", "ok",
        [msg(h, "length", "Body here\n", length=10)], "Content-Length 10",
        s(3, "Unchunked response with Content-Length"))
    h = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
    add("res-chunked", "response",
        h + "0a\r\nBody here\n\r\n09\r\ncontinued\r\n0\r\n\r\n", "ok",
        [msg(h, "chunked", "Body here\ncontinued")], "chunk sizes with a leading zero",
        s(4, "Chunked response without Content-Length"))
    h = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 10\r\n\r\n"
    add("res-chunked-and-content-length", "response",
        h + "0a\r\nBody here\n\r\n0\r\n\r\n", "either",
        [msg(h, "chunked", "Body here\n")],
        "Transfer-Encoding and Content-Length in a response: the profile lets "
        "Transfer-Encoding override, and RFC 9112 6.3 item 3 says such a message 'ought "
        "to be handled as an error'; either (as in h1wire's own strict_profile corpus). "
        "Go reads it as chunked.", s(5, "Chunked response with Content-Length"))
    h = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
    add("res-head-chunked", "response", h, "ok", [msg(h, "none")],
        "response to HEAD: no body whatever the framing fields say",
        s(6, "Chunked response in response to a HEAD request"), methods=["HEAD"])
    h = "HTTP/1.0 200 OK\r\nContent-Length: 256\r\n\r\n"
    add("res-head-content-length-1-0", "response", h, "ok", [msg(h, "none")],
        "response to HEAD with Content-Length 256: no body",
        s(7, "Content-Length in response to a HEAD request"), methods=["HEAD"])
    h = "HTTP/1.1 200 OK\r\nContent-Length: 256\r\n\r\n"
    add("res-head-content-length-1-1", "response", h, "ok", [msg(h, "none")],
        "response to HEAD with Content-Length 256: no body",
        s(8, "Content-Length in response to a HEAD request with HTTP/1.1"), methods=["HEAD"])
    h = "HTTP/1.0 200 OK\r\n\r\n"
    add("res-head-no-framing", "response", h, "ok", [msg(h, "none")],
        "response to HEAD without framing fields: no body (not close-delimited)",
        s(9, "No Content-Length or Chunked in response to a HEAD request"), methods=["HEAD"])
    h = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"
    add("res-content-length-0", "response", h, "ok", [msg(h, "length", "", length=0)],
        "explicit Content-Length 0", s(10, "explicit Content-Length of 0"))
    h = "HTTP/1.0 303 \r\n\r\n"
    add("res-empty-reason", "response", h, "ok", [msg(h, "close", "")],
        "empty reason after the SP; no framing fields: close-delimited empty body",
        s(11, "Status line without a Reason-Phrase, but trailing space"))
    add("res-no-sp-before-reason", "response", "HTTP/1.0 303\r\n\r\n", "error", [],
        "status-line without the SP before the (empty) reason: the profile keeps the SP "
        "mandatory (RFC 9112 4: status-line = HTTP-version SP status-code SP [reason-phrase])",
        s(12, "Status line without a Reason-Phrase, and no trailing space"),
        differs="Go accepts 'HTTP/1.0 303' with no SP after the status code.")
    add("res-bare-lf", "response",
        "HTTP/1.1 206 Partial Content\nConnection: close\nContent-Type: multipart/byteranges; "
        "boundary=18a75608c8f47cef\n\nsome body", "error", [],
        "lines end in a bare LF (a Go raw string literal); strict expectation: error "
        "(profile 'Lines end in CRLF', bare LF only by option; RFC 9112 2.2 'MAY').",
        s(13, "issue 4767, multipart/byteranges"),
        differs="Go accepts bare LF line ends.")
    h = "HTTP/1.0 200 OK\r\nConnection: close\r\n\r\n"
    add("res-1-0-close-delimited-nil-request", "response", h + "Body here\n", "ok",
        [msg(h, "close", "Body here\n")], "same bytes as respTests[0] (Request nil)",
        s(14, "Unchunked response without Content-Length, Request is nil"))
    h = ("HTTP/1.1 206 Partial Content\r\nContent-Type: text/plain; charset=utf-8\r\n"
         "Accept-Ranges: bytes\r\nContent-Range: bytes 0-5/1862\r\nContent-Length: 6\r\n\r\n")
    add("res-206-content-length", "response", h + "foobar", "ok",
        [msg(h, "length", "foobar", length=6)], "206 with Content-Length",
        s(15, "206 Partial Content, issue 8923"))
    h = "HTTP/1.1 200 OK\r\nContent-Length: 256\r\nConnection: keep-alive, close\r\n\r\n"
    add("res-head-keepalive-and-close-one-line", "response", h, "ok", [msg(h, "none")],
        "response to HEAD; Connection 'keep-alive, close' is just a field for the decoder",
        s(16, "Both keep-alive and close, same Connection line"), methods=["HEAD"])
    h = ("HTTP/1.1 200 OK\r\nContent-Length: 256\r\nConnection: keep-alive\r\n"
         "Connection: close\r\n\r\n")
    add("res-head-keepalive-and-close-two-lines", "response", h, "ok", [msg(h, "none")],
        "response to HEAD; two Connection lines",
        s(17, "Both keep-alive and close, different Connection lines"), methods=["HEAD"])
    add("res-1-0-transfer-encoding", "response",
        "HTTP/1.0 200 OK\r\nTransfer-Encoding: bogus\r\n\r\nBody here\n", "error", [],
        "Transfer-Encoding in an HTTP/1.0 message is an error (profile framing 2; RFC "
        "9112 6.1: a recipient of TE in HTTP/1.0 MUST treat the framing as faulty)",
        s(18, "issue 12785, HTTP/1.0 with bogus Transfer-Encoding"),
        differs="Go ignores Transfer-Encoding in an HTTP/1.0 response and reads to EOF.")
    add("res-1-0-transfer-encoding-content-length", "response",
        "HTTP/1.0 200 OK\r\nTransfer-Encoding: bogus\r\nContent-Length: 10\r\n\r\nBody here\n",
        "error", [],
        "Transfer-Encoding in an HTTP/1.0 message is an error (profile framing 2; RFC "
        "9112 6.1)", s(19, "issue 12785, with a Content-Length"),
        differs="Go ignores Transfer-Encoding in HTTP/1.0 and uses Content-Length 10.")
    gz = "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x00s\xf3\xf7\x07\x00\xab'\xd4\x1a\x03\x00\x00\x00"
    assert len(gz) == 23
    h = ("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 23\r\n"
         "Connection: keep-alive\r\nKeep-Alive: timeout=7200\r\n\r\n")
    add("res-gzip-binary-body", "response", h + gz, "ok", [msg(h, "length", gz, length=23)],
        "binary (gzip) body of 23 bytes", s(20, "Content-Encoding gzip"))
    add("res-two-spaces-before-status", "response",
        "HTTP/1.0  401 Unauthorized\r\nContent-type: text/html\r\n"
        "WWW-Authenticate: Basic realm=\"\"\r\n\r\nYour Authentication failed.\r\n",
        "error", [], "two SPs between version and status code (profile: single SPs; RFC "
        "9112 4)", s(21, "issue 19989, two spaces"),
        differs="Go accepts two spaces between the version and the status code.")

    # TestResponseContentLengthShortBody
    add("res-short-body", "response",
        "HTTP/1.1 200 OK\r\nContent-Length: 123\r\n\r\nShort body, not 123 bytes.", "error", [],
        "the stream ends before the 123 body bytes: incomplete (Go reports "
        "io.ErrUnexpectedEOF too)", src(F_RESP, "TestResponseContentLengthShortBody"))

    # TestResponseWritesOnlySingleConnectionClose
    h = "HTTP/1.0 200 OK\r\n\r\n"
    add("res-1-0-close-aaaa", "response", h + "AAAA", "ok", [msg(h, "close", "AAAA")],
        "HTTP/1.0 close-delimited body",
        src(F_RESP, "TestResponseWritesOnlySingleConnectionClose"))

    # TestReadResponseCloseInMiddle (the gzip variant uses random bytes: skipped)
    n = size(1000, 64)
    body = b"x" * (1000 * n)
    h = "HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % len(body)
    add("res-close-in-middle-length", "response", b(h) + body + b"Next Request Here", "error",
        [msg(h, "length", body, length=len(body))],
        "after the Content-Length body the text 'Next Request Here' would be the next "
        "response, which is no status-line: error after one message (Go's test checks "
        "that the body reader stops right before it)."
        + scaled_note("the body", 1000000, len(body)),
        src(F_RESP, "TestReadResponseCloseInMiddle {chunked:false, compressed:false}"))
    h = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
    chunks = (b"3e8\r\n" + b"x" * 1000 + b"\r\n") * n
    add("res-close-in-middle-chunked", "response",
        b(h) + chunks + b"0\r\n\r\n" + b"Next Request Here", "error",
        [msg(h, "chunked", b"x" * (1000 * n))],
        "chunks of 1000 bytes as Go's chunked writer makes them, then the last chunk; "
        "'Next Request Here' is then no status-line: error after one message."
        + scaled_note("the body", 1000000, 1000 * n),
        src(F_RESP, "TestReadResponseCloseInMiddle {chunked:true, compressed:false}"))

    # TestReadResponseErrors
    R = lambda what: src(F_RESP, "TestReadResponseErrors %s" % what)
    add("res-err-empty", "response", "", "ok", [],
        "an empty stream ends between messages: the dump prints nothing and reports no "
        "error (CONFORMANCE.md section 1). That no response came is the caller's business.",
        R('{"", "", io.ErrUnexpectedEOF}'),
        differs="Go's ReadResponse returns io.ErrUnexpectedEOF for an empty input.")
    add("res-err-no-end-of-head", "response", "HTTP/1.1 301 Moved Permanently\r\nFoo: bar",
        "error", [], "the head never ends: incomplete", R("input without end of head"))
    add("res-err-version-only", "response", "HTTP/1.1", "error", [],
        "only a version", R('"HTTP/1.1"'))
    add("res-err-version-2-only", "response", "HTTP/2.0", "error", [],
        "only a version", R('"HTTP/2.0"'))

    def status(slug, st, expect, note, differs=None):
        inp = "HTTP/1.1 " + st + "\r\nFoo: bar\r\n\r\n"
        msgs = [msg(inp, "close", "")] if expect != "error" else []
        add("res-status-" + slug, "response", b(inp), expect, msgs, note,
            R("status(%r)" % st), differs=differs)

    bad = "status-code must be 3DIGIT followed by SP (RFC 9112 4; profile)"
    status("20x", "20X Unknown", "error", bad)
    status("abcd", "abcd Unknown", "error", bad)
    status("cjk", "\u4e8c\u767e/\u4e24\u767e OK".encode("utf-8").decode("latin-1"), "error", bad)
    status("leading-space", " Unknown", "error", "two SPs, no status code")
    status("c8", "c8 OK", "error", bad)
    status("hex", "0x12d Moved Permanently", "error", bad)
    status("200", "200 OK", "ok", "valid status-line; no framing fields: close-delimited, "
           "empty body at end of stream")
    status("000", "000 OK", "either",
           "'000' matches 3DIGIT but is outside 100-599, where RFC 9110 15 puts all valid "
           "status codes: either (like status 099 in h1wire's strict_profile corpus). Go "
           "accepts it.")
    status("001", "001 OK", "either",
           "'001' matches 3DIGIT but is below 100 (RFC 9110 15): either; it is not a 1xx. "
           "Go accepts it.")
    status("404-notfound", "404 NOTFOUND", "ok", "valid status-line")
    status("2-digits", "20 OK", "error", bad)
    status("00", "00 OK", "error", bad)
    status("minus-10", "-10 OK", "error", bad)
    status("4-digits", "1000 OK", "error", "four digits: no SP after the 3DIGIT status code")
    status("999", "999 Done", "ok",
           "3DIGIT status 999: syntactically valid; an unknown code is treated as its "
           "class by the client (RFC 9110 15), not a framing problem (h1wire's "
           "strict_profile corpus accepts 600).")
    status("minus-1", "-1 OK", "error", bad)
    status("minus-200", "-200 OK", "error", bad)

    def version(slug, v, note, differs=None):
        add("res-version-" + slug, "response", v + " 200 OK\r\n\r\n", "error", [], note,
            R("version(%r)" % v), differs=differs)

    other = "only HTTP/1.0 and HTTP/1.1 are accepted; any other HTTP/x.y is an error (profile)"
    version("1-2", "HTTP/1.2", other,
            differs="Go accepts any HTTP/1.x version (and HTTP/2.0) in a status-line.")
    version("2-0", "HTTP/2.0", other,
            differs="Go accepts HTTP/2.0 in a status-line read by ReadResponse.")
    version("1-huge-minor", "HTTP/1.100000000002", other)
    version("1-minus-1", "HTTP/1.-1", other)
    version("a-b", "HTTP/A.B", other)
    version("no-minor", "HTTP/1", other)
    version("lowercase", "http/1.1", "HTTP-name is case-sensitive (RFC 9112 2.3)")

    def cl(slug, st, rest, expect, messages, note, differs=None):
        add("res-cl-" + slug, "response", "HTTP/1.1 %s\r\n%s" % (st, rest), expect, messages,
            note, R("contentLength(%r, %r)" % (st, rest)), differs=differs)

    cl("10-7", "200 OK", "Content-Length: 10\r\nContent-Length: 7\r\n\r\nGopher hey\r\n",
       "error", [], "two different Content-Length values (profile framing 3)")
    h = "HTTP/1.1 200 OK\r\nContent-Length: 7\r\nContent-Length: 7\r\n\r\n"
    cl("7-7", "200 OK", "Content-Length: 7\r\nContent-Length: 7\r\n\r\nGophers\r\n", "either",
       [msg(h, "length", "Gophers", length=7)],
       "two identical Content-Length lines: either (profile). A decoder that accepts them "
       "still fails on the CRLF after 'Gophers', because no empty line is skipped before a "
       "status-line (profile); so this case can only end in an error, with or without the "
       "first message. Go accepts the head.")
    cl("0-7", "201 OK", "Content-Length: 0\r\nContent-Length: 7\r\n\r\nGophers\r\n",
       "error", [], "two different Content-Length values")
    h = "HTTP/1.1 300 OK\r\nContent-Length: 0\r\nContent-Length: 0 \r\n\r\n"
    cl("0-0-ows", "300 OK", "Content-Length: 0\r\nContent-Length: 0 \r\n\r\nGophers\r\n",
       "either", [msg(h, "length", "", length=0)],
       "two identical Content-Length values (trailing OWS is not part of the value): "
       "either. Accepted or not, 'Gophers' is then no status-line, so the stream ends in "
       "an error. Go accepts the head.")
    cl("empty-empty", "200 OK", "Content-Length:\r\nContent-Length:\r\n\r\nGophers\r\n",
       "error", [],
       "an empty Content-Length is invalid (1*DIGIT; profile framing 3; RFC 9112 6.3 "
       "item 5)",
       differs="Go's ReadResponse accepts two empty Content-Length lines (treats them as "
       "absent).")
    cl("empty-0-close", "206 OK",
       "Content-Length:\r\nContent-Length: 0 \r\nConnection: close\r\n\r\nGophers\r\n",
       "error", [], "an empty Content-Length is invalid")
    h = "HTTP/1.1 204 OK\r\nContent-Length: 7\r\nContent-Length: 8\r\n\r\n"
    cl("204-7-8", "204 OK", "Content-Length: 7\r\nContent-Length: 8\r\n\r\n", "either",
       [msg(h, "none")],
       "a 204 has no body whatever its fields say (RFC 9112 6.3 item 1, which comes "
       "before the Content-Length rule), but the two values conflict and RFC 9110 8.6 "
       "forbids Content-Length on a 204; the profile does not say whether an invalid "
       "Content-Length on a body-less response is an error, so either. Go rejects it.")
    h = "HTTP/1.1 204 OK\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\n"
    cl("204-3-3", "204 OK", "Content-Length: 3\r\nContent-Length: 3\r\n\r\n", "either",
       [msg(h, "none")],
       "a 204 has no body whatever its fields say (RFC 9112 6.3 item 1); the two identical "
       "Content-Length lines are 'several identical values', which the profile lets a "
       "decoder accept or reject (either). First written as ok; corrected after the run: "
       "the profile's either for repeated identical values applies here too.")
    h = "HTTP/1.1 304 OK\r\nContent-Length: 880\r\nContent-Length: 1\r\n\r\n"
    cl("304-880-1", "304 OK", "Content-Length: 880\r\nContent-Length: 1\r\n\r\n", "either",
       [msg(h, "none")],
       "a 304 has no body (RFC 9112 6.3 item 1) but the Content-Length values conflict; "
       "the profile does not say whether that is an error here: either. Go rejects it.")
    h = "HTTP/1.1 304 OK\r\nContent-Length: 961\r\nContent-Length: 961\r\n\r\n"
    cl("304-961-961", "304 OK", "Content-Length: 961\r\nContent-Length: 961\r\n\r\n",
       "either", [msg(h, "none")],
       "a 304 has no body (RFC 9112 6.3 item 1); the two identical Content-Length lines are "
       "'several identical values': either (profile). First written as ok; corrected after "
       "the run, as for the 204 case.")


# ========================================================== transfer_test.go ==

def transfer():
    h = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
    add("res-final-chunk-eof", "response",
        h + "0a\r\nBody here\n\r\n09\r\ncontinued\r\n0\r\n\r\n", "ok",
        [msg(h, "chunked", "Body here\ncontinued")],
        "same bytes as respTests[4]", src(F_TRANSFER, "TestFinalChunkedBodyReadEOF"))

    # TestParseTransferEncoding: header values -> a request and a response each.
    BODY = "5\r\nhello\r\n0\r\n\r\n"
    tests = [
        ("fugazi", ["fugazi"], "error", "close",
         "unknown transfer coding 'fugazi' in a request: error (501; profile framing 2)",
         None,
         "in a response any token coding is allowed; chunked is not final, so the body is "
         "read to end of stream (RFC 9112 6.3 item 4; profile)",
         "Go's transferReader rejects the unknown coding in responses too."),
        ("chunked-chunked-identity-chunked", ["chunked, chunked", "identity", "chunked"],
         "error", "error",
         "chunked applied more than once (and 'identity'): error (RFC 9112 6.1: chunked "
         "MUST NOT be applied more than once)", None,
         "chunked applied more than once: error in a response too (profile)", None),
        ("empty", [""], "error", "close",
         "an empty Transfer-Encoding list in a request: TE is present and chunked is not "
         "final, so the length cannot be determined: error (RFC 9112 6.3 item 4; profile)",
         None,
         "an empty Transfer-Encoding in a response: no coding, chunked is not final, read "
         "to end of stream (RFC 9112 6.3 item 4; profile)",
         "Go rejects an empty Transfer-Encoding in responses too."),
        ("chunked-identity", ["chunked, identity"], "error", "close",
         "'identity' is not a registered coding any more and chunked is not final: error",
         None,
         "in a response 'identity' is a token coding; chunked is not final, so the body "
         "is read to end of stream (RFC 9112 6.3 item 4)",
         "Go rejects 'chunked, identity' in responses."),
        ("chunked-then-identity-lines", ["chunked", "identity"], "error", "close",
         "two lines 'chunked' then 'identity': chunked is not final: error", None,
         "response: chunked not final over the two lines: read to end of stream",
         "Go rejects two Transfer-Encoding lines in responses."),
        ("vertical-tab", ["\x0bchunked"], "error", "error",
         "a VT (0x0B) control byte in a field value is an error (profile field-line)", None,
         "a VT control byte in a field value is an error (profile)", None),
        ("chunked", ["chunked"], "ok", "chunked",
         "plain chunked (the chunked body is added: Go's test has only the header)", None,
         "plain chunked (body added)", None),
        ("chunked-two-lines", ["chunked", "chunked"], "error", "error",
         "chunked on two lines is chunked applied twice: error (profile framing 2; RFC "
         "9112 6.1)",
         "Go's parseTransferEncoding accepts two 'chunked' lines (while its server, in "
         "TestServerRequestBodyLength, answers 501 to the same thing).",
         "chunked applied twice: error in a response too", 
         "Go's parseTransferEncoding accepts two 'chunked' lines."),
    ]
    for slug, vals, req_expect, resp_kind, req_note, req_diff, resp_note, resp_diff in tests:
        lines = "".join("Transfer-Encoding: %s\r\n" % v for v in vals)
        s = src(F_TRANSFER, "TestParseTransferEncoding Header{\"Transfer-Encoding\": %s}"
                % json.dumps(vals))
        hq = "POST / HTTP/1.1\r\nHost: a\r\n" + lines + "\r\n"
        add("te-" + slug, "request", hq + BODY, req_expect,
            [msg(hq, "chunked", "hello")] if req_expect == "ok" else [],
            req_note + " Request built as POST with 'Host: a' and the body "
            "'5\\r\\nhello\\r\\n0\\r\\n\\r\\n'.", s, differs=req_diff)
        hr = "HTTP/1.1 200 OK\r\n" + lines + "\r\n"
        if resp_kind == "error":
            rexp, rmsgs = "error", []
        elif resp_kind == "close":
            rexp, rmsgs = "ok", [msg(hr, "close", BODY)]
        else:
            rexp, rmsgs = "ok", [msg(hr, "chunked", "hello")]
        add("te-" + slug + "-resp", "response", hr + BODY, rexp, rmsgs,
            resp_note + " Response built as 'HTTP/1.1 200 OK' with the same body bytes.",
            s + " (as a response)", differs=resp_diff)

    # TestParseContentLength
    P = lambda v: src(F_TRANSFER, "TestParseContentLength cl=%s" % json.dumps(v))
    add("cl-empty", "request", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: \r\n\r\n",
        "error", [], "empty Content-Length value (1*DIGIT; profile framing 3)", P(""))
    h = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\n"
    add("cl-3", "request", h + "abc", "ok", [msg(h, "length", "abc", length=3)],
        "Content-Length 3 (body 'abc' added)", P("3"))
    add("cl-plus-3", "request", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: +3\r\n\r\nabc",
        "error", [], "sign before the digits (issue 39017; 1*DIGIT)", P("+3"))
    add("cl-minus-3", "request", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -3\r\n\r\nabc",
        "error", [], "negative Content-Length", P("-3"))
    for slug, v, diff in [("cl-max-int64", "9223372036854775807", None),
                          ("cl-max-int64-plus-1", "9223372036854775808",
                           "Go rejects a Content-Length above the int64 range; the profile "
                           "takes any value that fits u64.")]:
        add(slug, "request", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: %s\r\n\r\n" % v,
            "error", [],
            "Content-Length %s fits u64 and is valid, but the stream ends before the body: "
            "incomplete. Only that the decoder does not crash or overflow is checked here; "
            "the -head-resp variant checks that the value is accepted." % v, P(v))
        hr = "HTTP/1.1 200 OK\r\nContent-Length: %s\r\n\r\n" % v
        add(slug + "-head-resp", "response", hr, "ok", [msg(hr, "none")],
            "response to HEAD with Content-Length %s: a valid value that fits u64 "
            "(profile framing 3), no body (HEAD)" % v, P(v) + " (as a response to HEAD)",
            methods=["HEAD"], differs=diff)


# =========================================================== chunked_test.go ==

CHEAD = "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
END_NOTE = (" The CRLF that ends the (empty) trailer section is appended: Go's chunked "
            "reader stops after the last-chunk line and leaves the trailer section to its "
            "caller.")


def chunked():
    S = lambda t: src(F_CHUNKED, t)

    def ok(slug, body, data, note, source, end=True, differs=None):
        inp = b(CHEAD) + b(body) + (b"\r\n" if end else b"")
        add(slug, "request", inp, "ok", [msg(CHEAD, "chunked", data)],
            note + (END_NOTE if end else ""), source, differs=differs)

    def err(slug, body, note, source, differs=None):
        add(slug, "request", b(CHEAD) + b(body), "error", [], note, source, differs=differs)

    ok("chunk-writer-output", "7\r\nhello, \r\n17\r\nworld! 0123456789abcdef\r\n0\r\n",
       "hello, world! 0123456789abcdef", "two chunks as Go's chunked writer writes them.",
       S("TestChunk"))
    ok("chunk-read-multiple-small", "3\r\nfoo\r\n3\r\nbar\r\n0\r\n", "foobar",
       "two small chunks.", S("TestChunkReadMultiple (bunch of small chunks)"))
    ok("chunk-read-fill-buffer", "b\r\n0123456789a\r\n3\r\nfoo\r\n0\r\n", "0123456789afoo",
       "an 11-byte chunk then a 3-byte chunk.",
       S("TestChunkReadMultiple (big chunk then little chunk)"))
    ok("chunk-eof-chunk-after-full-buffer", "3\r\nfoo\r\n0\r\n", "foo", "one chunk.",
       S("TestChunkReadMultiple (EOF chunk with a full buffer)"))
    ok("chunk-reader-allocs",
       "6\r\naaaaaa\r\nc\r\nbbbbbbbbbbbb\r\n18\r\ncccccccccccccccccccccccc\r\n0\r\n",
       "aaaaaa" + "b" * 12 + "c" * 24, "three chunks (the test's writer output).",
       S("TestChunkReaderAllocs"))

    H = lambda x: S("TestParseHexUint {%s}" % json.dumps(x))
    err("hexsize-x", "x\r\n", "chunk-size 'x' is not HEXDIG", H("x"))
    add("hexsize-16-zeros", "request", b(CHEAD) + b"0000000000000000\r\n\r\n", "ok",
        [msg(CHEAD, "chunked", "")],
        "sixteen zeros: a last chunk of size 0 (leading zeros are fine; profile)",
        H("0000000000000000"))
    ok("hexsize-16-digits-1", "0000000000000001\r\nz\r\n0\r\n", "z",
       "sixteen digits, value 1 (a one-byte chunk 'z' and the last chunk are added).",
       H("0000000000000001"))
    err("hexsize-ffffffffffffffff", "ffffffffffffffff\r\nzz",
        "chunk-size 2^64-1 fits u64 and is valid; the stream then ends inside the chunk: "
        "incomplete. Only that the decoder does not overflow or crash is checked.",
        H("ffffffffffffffff"))
    err("hexsize-bogus", "000000000000bogus\r\n", "'bogus' is not HEXDIG", H("000000000000bogus"))
    add("hexsize-17-zeros", "request", b(CHEAD) + b"00000000000000000\r\n\r\n", "ok",
        [msg(CHEAD, "chunked", "")],
        "seventeen zeros: the value 0 fits u64 and leading zeros are fine (profile "
        "'chunk-size is 1*HEXDIG and fits u64 (leading zeros are fine)'), so this is the "
        "last chunk.", H("00000000000000000"),
        differs="Go rejects more than 16 hex digits ('http chunk length too large'; its "
        "test says 'could accept if we wanted').")
    err("hexsize-2-pow-64", "10000000000000000\r\n",
        "2^64 does not fit u64: error (profile)", H("10000000000000000"))
    ok("hexsize-17-digits-1", "00000000000000001\r\nz\r\n0\r\n", "z",
       "seventeen digits, value 1: fits u64, leading zeros are fine (profile); a one-byte "
       "chunk 'z' and the last chunk are added.", H("00000000000000001"),
       differs="Go rejects more than 16 hex digits ('could accept if we wanted').")
    err("hexsize-empty", "\r\nz\r\n0\r\n\r\n", "empty chunk-size (1*HEXDIG)", H(""))
    sizes = list(range(1, 256)) + [0x100, 0x4d2]
    body = b"".join(b"%x\r\n" % n + b"y" * n + b"\r\n" for n in sizes) + b"0\r\n"
    ok("hexsize-loop", body, b"".join(b"y" * n for n in sizes),
       "the test's generated loop over '%x' of 0..1234, condensed into one request: chunks "
       "of every size 1..255 (one and two lowercase hex digits), 0x100 and 0x4d2, then the "
       "last chunk '0'.", S("TestParseHexUint (loop i = 0..1234, fmt.Sprintf(\"%x\", i))"))

    ok("chunk-extensions-ignored",
       "7;ext=\"some quoted string\"\r\nhello, \r\n17;someext\r\nworld! 0123456789abcdef\r\n"
       "0;someextension=sometoken\r\n", "hello, world! 0123456789abcdef",
       "chunk extensions: token=quoted-string, a bare token, token=token (RFC 9112 7.1.1).",
       S("TestChunkReadingIgnoresExtensions"))
    err("chunk-data-not-followed-by-crlf", "7\r\n1234567xx",
        "chunk-data must be followed by exactly CRLF; 'xx' follows (profile)",
        S("TestChunkReadPartial"))

    valid = "4\r\nabcd\r\n5\r\nabc\r\n\r\n0\r\n"
    for i in range(len(valid)):
        err("incomplete-chunk-prefix-%02d" % i, valid[:i],
            "the first %d bytes of a valid chunked body: the stream ends inside the message "
            "(incomplete)" % i, S("TestIncompleteChunk (prefix valid[:%d])" % i))
    ok("incomplete-chunk-full", valid, "abcdabc\r\n",
       "the full body; the 5-byte chunk's data is 'abc\\r\\n'.",
       S("TestIncompleteChunk (valid)"))
    err("chunk-end-read-error", "4\r\nabcd",
        "the input ends (Go: a read error) right after the chunk data: incomplete",
        S("TestChunkEndReadError"))

    n = 1000  # scaled in both modes: Go's 1<<20 chunks would be a 112 MiB input
    unit = b"1;" + b"a" * 100 + b"\r\nX\r\n"
    ok("chunk-too-much-overhead", unit * n + b"0\r\n", b"X" * n,
       "%d one-byte chunks each with a 100-byte extension. The profile bounds the "
       "extension bytes of one chunk (4 KiB) and not the number of chunks or their "
       "overhead ratio, so this is valid (RFC 9112 7.1.1 lets a recipient limit "
       "extensions, here each is 100 bytes)." % n
       + " Scaled down from Go's 1<<20 chunks (112 MiB) to %d (also with --full); Go's "
       "overhead check already fires after about 200 such chunks." % n,
       S("TestChunkReaderTooMuchOverhead"),
       differs="Go's chunked reader rejects a body whose chunk-header bytes far exceed its "
       "data (an anti-DoS heuristic the profile does not have).")
    n = 10000  # scaled in both modes: Go's 1<<20 chunks would be a 6 MiB input
    ok("chunk-byte-at-a-time", b"1\r\nX\r\n" * n + b"0\r\n", b"X" * n,
       "%d one-byte chunks (the number of chunks is not limited; profile)." % n
       + " Scaled down from Go's 1<<20 chunks to %d (also with --full)." % n,
       S("TestChunkReaderByteAtATime"))


# ============================================================= serve_test.go ==

def serve():
    S = lambda t: src(F_SERVE, t)

    def ok(slug, inp, messages, note, source, differs=None, expect="ok"):
        add(slug, "request", inp, expect, messages, note, source, differs=differs)

    def err(slug, inp, messages, note, source, differs=None):
        add(slug, "request", inp, "error", messages, note, source, differs=differs)

    # --- simple requests (merged when the bytes repeat) ---
    g = "GET / HTTP/1.1\r\nHost: foo\r\n\r\n"
    simple_get_sources = [
        "TestTLSServerRejectHTTPRequests",
        "TestServerBufferedChunking", "TestServerConnState (GET)",
        "TestServerConnStateNew", "TestNoContentLengthIfTransferEncoding",
        "TestServerRequestContextCancel_ConnClose", "TestWriteHeaderSwitchingProtocols",
    ]
    ok("get-host-foo", g, [msg(g, "none")], "plain GET", S(simple_get_sources[0]))
    for t in simple_get_sources[1:]:
        ok("dup", g, [msg(g, "none")], "", S(t))

    h = "GET /?underwrite=1 HTTP/1.1\r\nHost: foo\r\n\r\n"
    ok("get-underwrite", h, [msg(h, "none")], "GET with a query", S("TestIdentityResponse"))

    h = "POST / HTTP/1.1\r\nHost: test\r\nContent-Length: 11\r\n\r\n"
    ok("pipelined-post-content-length", (h + "foo=1&bar=1") * 2,
       [msg(h, "length", "foo=1&bar=1", length=11)] * 2,
       "two pipelined POSTs, each with an 11-byte body", S("TestConsumingBodyOnNextConn"))

    for p in ["//foo.txt", "///foo.txt", "/../../foo.txt"]:
        h = "GET %s HTTP/1.1\r\nHost: test\r\n\r\n" % p
        ok("mux-leading-slashes-" + p.replace("/", "s").replace(".", "d"), h, [msg(h, "none")],
           "origin-form '%s' (empty segments and dot-segments are valid absolute-path "
           "syntax; cleaning them is the router's job)" % p,
           S("TestMuxRedirectLeadingSlashes"))

    g5 = "GET / HTTP/1.1\r\nHost: foo\r\n\r\n"
    ok("five-pipelined-gets", g5 * 5, [msg(g5, "none")] * 5,
       "the five requests the test writes on one connection, back to back",
       S("TestServerTimeouts (slow writes on one connection)"))

    err("h2-preface-partial", "PRI * HTT", [],
        "the stream ends inside a request-line: incomplete",
        S("TestServerUnencryptedHTTP2HeaderTimeout (client sends slowly)"))
    err("head-never-ends", "GET / HTTP/1.1\r\nHost: example.tld\r\n", [],
        "the head never ends: incomplete",
        S("TestServerUnencryptedHTTP2HeaderTimeout (header read expires)"))

    # testTCPConnectionCloses / StaysOpen
    h = "GET / HTTP/1.0\r\n\r\n"
    ok("get-1-0", h, [msg(h, "none")], "HTTP/1.0 without Host is fine",
       S("TestServeHTTP10Close"))
    h = "GET / HTTP/1.1\r\nHost: foo\r\nConnection: close\r\n\r\n"
    ok("get-connection-close", h, [msg(h, "none")], "Connection: close; nothing follows",
       S("TestClientCanClose"))
    h = "GET / HTTP/1.1\r\nHost: foo\r\n\r\n"
    ok("get-then-lone-crlf", h + "\r\n", [msg(h, "none")],
       "one CRLF after a complete request counts as between messages (CONFORMANCE.md 1)",
       S("TestHandlersCanSetConnectionClose11"))
    h = "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"
    ok("get-1-0-keep-alive", h, [msg(h, "none")], "HTTP/1.0 keep-alive",
       S("TestHandlersCanSetConnectionClose10"))
    ok("dup", h, [msg(h, "none")], "", S("TestHTTP10ConnectionHeader"))
    err("dup", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", [],
        "the HTTP/2 connection preface: version HTTP/2.0 is an error (profile)",
        S("TestHTTP2UpgradeClosesConnection"),
        differs="Go's ReadRequest returns a request with Proto HTTP/2.0 so the server can "
        "hand the connection to its HTTP/2 code.")
    ok("get-1-0-keep-alive-twice", h * 2, [msg(h, "none")] * 2,
       "two HTTP/1.0 keep-alive requests on one connection",
       S("TestHTTP10KeepAlive204Response"))
    ok("get-twice", g * 2, [msg(g, "none")] * 2, "two requests on one connection",
       S("TestHTTP11KeepAlive204Response"))
    h = ("GET / HTTP/1.0\r\nConnection: keep-alive\r\nIf-Modified-Since: Mon, 02 Jan 2006 "
         "15:04:05 GMT\r\n\r\n")
    ok("get-1-0-if-modified-since-twice", h * 2, [msg(h, "none")] * 2,
       "two HTTP/1.0 keep-alive requests; the date value has spaces and colons",
       S("TestHTTP10KeepAlive304Response"))

    # TestServerExpect
    for i, (n, exp, rb, want, chunked_) in enumerate([
            (100, "100-continue", True, "100 Continue", False),
            (100, "100-cOntInUE", True, "100 Continue", False),
            (100, "", True, "200 OK", False),
            (100, "100-continue", False, "401 Unauthorized", False),
            (100, "", False, "401 Unauthorized", False),
            (0, "a-pony", False, "417 Expectation Failed", False),
            (0, "100-continue", True, "200 OK", False),
            (0, "100-continue", False, "401 Unauthorized", False),
            (0, "100-continue", True, "100 Continue", True)]):
        cl = "Transfer-Encoding: chunked" if chunked_ else "Content-Length: %d" % n
        h = ("POST /?readbody=%s HTTP/1.1\r\nConnection: close\r\n%s\r\nExpect: %s\r\n"
             "Host: foo\r\n\r\n" % ("true" if rb else "false", cl, exp))
        writeBody = n != 0 and exp.lower() != "100-continue"
        s = S("TestServerExpect serverExpectTests[%d] (%d, %r, readBody=%s, want %r)"
              % (i, n, exp, rb, want))
        slug = "expect-%d-%d-%s-%s%s" % (i, n, (exp if exp == exp.lower() else "mixedcase")
                                         or "none", "read" if rb else "noread",
                                         "-chunked" if chunked_ else "")
        if chunked_:
            ok(slug, h + "0\r\n\r\n", [msg(h, "chunked", "")],
               "Expect: 100-continue with a chunked body; the test sends no body bytes, the "
               "last chunk a client sends after '100 Continue' is appended. Expect is an "
               "ordinary field for the decoder.", s)
        elif n == 0:
            ok(slug, h, [msg(h, "length", "", length=0)],
               "Expect with Content-Length 0: complete after the head; Expect is an "
               "ordinary field for the decoder (a value other than 100-continue is the "
               "server's 417, not a syntax error).", s)
        elif writeBody:
            ok(slug, h + "A" * n, [msg(h, "length", "A" * n, length=n)],
               "body sent at once (no 100-continue)%s." % (
                   "; 'Expect:' with an empty value is a valid empty field" if exp == "" else ""),
               s)
        elif want == "100 Continue":
            ok(slug, h + "A" * n, [msg(h, "length", "A" * n, length=n)],
               "Expect: 100-continue; the test stops after the head, the %d-byte body a "
               "client sends after '100 Continue' is appended. The expectation token is "
               "case-insensitive, but the decoder only passes it on." % n, s)
        else:
            err(slug, h, [],
                "Expect: 100-continue and the server refuses (401), so the client never "
                "sends the body: the stream ends before the %d announced bytes "
                "(incomplete)." % n, s)

    body = b"x" * (100 << 10)
    h = "POST / HTTP/1.1\r\nHost: test\r\nContent-Length: %d\r\n\r\n" % len(body)
    ok("unread-body-100k", b(h) + body, [msg(h, "length", body, length=len(body))],
       "a 100 KiB body", S("TestServerUnreadRequestBodyLittle"))
    body = b"x" * size(1 << 20, 64 << 10)
    h = "POST / HTTP/1.1\r\nHost: test\r\nContent-Length: %d\r\n\r\n" % len(body)
    ok("unread-body-large", b(h) + body, [msg(h, "length", body, length=len(body))],
       "a large body" + scaled_note("the body", 1 << 20, len(body)),
       S("TestServerUnreadRequestBodyLarge"))

    for i, (bsz, ch, cc) in enumerate([(20 << 10, False, False), (20 << 10, True, False),
                                       (20 << 10, False, True), (20 << 10, True, True),
                                       (1 << 20, False, False), (1 << 20, True, False),
                                       (1 << 20, True, True), (1 << 20, False, True)]):
        real = bsz
        if bsz == 1 << 20:
            bsz = size(1 << 20, 64 << 10)
        body = b"x" * bsz
        conn = "Connection: close\r\n" if cc else ""
        if ch:
            h = "POST / HTTP/1.1\r\nHost: test\r\n" + conn + "Transfer-Encoding: chunked\r\n\r\n"
            inp = b(h) + b"%x\r\n" % bsz + body + b"\r\n0\r\n" + b"\r\n"
            m1 = msg(h, "chunked", body)
        else:
            h = "POST / HTTP/1.1\r\nHost: test\r\n" + conn + "Content-Length: %d\r\n\r\n" % bsz
            inp = b(h) + body
            m1 = msg(h, "length", body, length=bsz)
        msgs = [m1]
        g2 = "GET / HTTP/1.1\r\nHost: test\r\n\r\n"
        if not cc:
            inp += b(g2)
            msgs.append(msg(g2, "none"))
        note = ("%s body of %d bytes%s%s" % ("chunked (one chunk, as Go's chunked writer "
                                              "writes it)" if ch else "Content-Length",
                                              bsz, ", Connection: close" if cc else "",
                                              "" if cc else ", then a pipelined GET"))
        if real != bsz:
            note += "." + scaled_note("the body", real, bsz)
        ok("handler-body-close-%d" % i, inp, msgs, note,
           S("TestHandlerBodyClose handlerBodyCloseTests[%d]" % i))

    err("chunked-garbage-then-smuggled-get",
        "POST /public HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n"
        "hax\r\nGET /secret HTTP/1.1\r\nHost: test\r\n\r\n", [],
        "'hax' is no chunk-size: error; the GET /secret after it must never be decoded",
        S("TestRequestBodyReadErrorClosesConnection"))
    err("invalid-trailer-then-smuggled-get",
        "POST /public HTTP/1.1\r\nHost: test\r\nTrailer: hack\r\nTransfer-Encoding: chunked\r\n"
        "\r\n3\r\nhax\r\n0\r\nI'm not a valid trailer\r\nGET /secret HTTP/1.1\r\nHost: test\r\n\r\n",
        [], "a trailer line without a colon (and with a space in the name) is an error; the "
        "GET /secret must never be decoded", S("TestInvalidTrailerClosesConnection"))
    err("content-length-swallows-get",
        "POST /public HTTP/1.1\r\nHost: test\r\nContent-Length: 10000\r\n\r\n"
        "foo bar baz" "GET /secret HTTP/1.1\r\nHost: test\r\n\r\n", [],
        "the GET bytes are part of the 10000-byte body, which never completes: incomplete; "
        "no second request may appear", S("TestRequestBodyTimeoutClosesConnection"))

    h = "GET / HTTP/1.1\r\nConnection: keep-alive\r\nHost: foo\r\n\r\n"
    ok("get-keep-alive", h, [msg(h, "none")], "HTTP/1.1 with Connection: keep-alive",
       S("TestCloseNotifier"))
    ok("dup", h, [msg(h, "none")], "", S("BenchmarkCloseNotifier"))
    ok("get-keep-alive-twice", h * 2, [msg(h, "none")] * 2, "two pipelined requests",
       S("TestCloseNotifierPipelined"))
    h = "GET / HTTP/1.0\r\nHost: golang.org\r\n\r\n"
    ok("get-1-0-host", h, [msg(h, "none")], "HTTP/1.0 with Host",
       S("TestCloseNotifierChanLeak"))
    body = b"a" * size(1 << 20, 64 << 10)
    h = "POST / HTTP/1.1\r\nHost: foo\r\nContent-Length: %d\r\n\r\n" % len(body)
    ok("hijack-before-body-read", b(h) + body, [msg(h, "length", body, length=len(body))],
       "POST with a large body" + scaled_note("the body", 1 << 20, len(body)),
       S("TestHijackBeforeRequestBodyRead"))

    h1 = "OPTIONS * HTTP/1.1\r\nHost: foo.com\r\n\r\n"
    ok("options-asterisk", h1, [msg(h1, "none")], "OPTIONS *", S("TestOptionsHandler"))
    h2 = "GET * HTTP/1.1\r\nHost: foo.com\r\n\r\n"
    ok("options-then-get-asterisk", h1 + h2, [msg(h1, "none"), msg(h2, "none")],
       "OPTIONS * then GET * on one connection: asterisk-form with a method other than "
       "OPTIONS is either (profile); Go's parser accepts it and its ServeMux answers 400.",
       S("TestOptions"), expect="either")

    g = "GET / HTTP/1.1\r\nHost: golang.org\r\n\r\n"
    for t in ["TestHeaderToWire (rawResponse)", "TestWriteAfterHijack", "TestDoubleHijack",
              "TestEarlyHints (request)", "TestProcessing (request)",
              "BenchmarkServerFakeConnWithKeepAliveLite", "benchmarkHandler",
              "BenchmarkServerHijack"]:
        ok("get-host-golang-org", g, [msg(g, "none")], "plain GET", S(t))
    h = "OPTIONS * HTTP/1.0\r\n\r\n"
    ok("options-asterisk-1-0", h, [msg(h, "none")], "OPTIONS * over HTTP/1.0 without Host",
       S("TestHTTP10ConnectionHeader"))
    ok("dup", "GET / HTTP/1.0\r\n\r\n", [msg("GET / HTTP/1.0\r\n\r\n", "none")], "",
       S("TestHTTP10ConnectionHeader"))

    for p, v in [("/", "1.0"), ("/header", "1.0"), ("/more", "1.0"),
                 ("/", "1.1"), ("/header", "1.1"), ("/more", "1.1")]:
        raw = "GET %s HTTP/%s" % (p, v) + ("\nHost: foo" if v == "1.1" else "")
        h = reqBytes(raw)
        slug = "get-%s-%s" % (p.strip("/") or "root", v.replace(".", "-"))
        ok(slug, h, [msg(h, "none")], "plain GET",
           S("TestCodesPreventingContentTypeAndBody (%r)" % raw))
    ok("dup", reqBytes("GET / HTTP/1.1\nHost: foo"), [msg(reqBytes("GET / HTTP/1.1\nHost: foo"), "none")],
       "", S("TestContentTypeOkayOn204"))
    for t in ["TestHandlerSetTransferEncodingChunked", "TestHandlerSetTransferEncodingGzip"]:
        ok("dup", reqBytes("GET / HTTP/1.1\nHost: foo"),
           [msg(reqBytes("GET / HTTP/1.1\nHost: foo"), "none")], "", S(t))
    ok("dup", reqBytes("GET / HTTP/1.0"), [msg(reqBytes("GET / HTTP/1.0"), "none")], "",
       S("TestResponseWriterWriteString"))

    err("close-body-never-arrives",
        "POST / HTTP/1.1\r\nConnection: close\r\nHost: foo\r\nContent-Length: 100000\r\n\r\n",
        [], "the 100000-byte body never arrives: incomplete",
        S("TestRequestBodyCloseDoesntBlock"))
    err("bogus-request", "BOGUS REQUEST\r\n\r\n", [],
        "request-line with two words and no version", S("TestServerConnState (BOGUS REQUEST)"))

    for v in ["1.0", "1.1"]:
        h = "GET / HTTP/%s\r\nConnection: keep-alive\r\nHost: foo\r\n\r\n" % v
        ok("content-length-zero-%s" % v.replace(".", "-"), h, [msg(h, "none")],
           "GET with keep-alive and Host", S("TestContentLengthZero (HTTP/%s)" % v))

    h = "POST / HTTP/1.1\r\nHost: golang.org\r\nContent-Length: 3\r\n\r\n"
    g = "GET / HTTP/1.1\r\nHost: golang.org\r\n\r\n"
    err("two-crlf-before-request-line", h + "ABC" + "\r\n\r\n" + g,
        [msg(h, "length", "ABC", length=3)],
        "two empty lines between requests: the profile skips at most one empty line "
        "before a request-line (RFC 9112 2.2 'SHOULD ignore at least one'), so the second "
        "is an error.", S("TestTolerateCRLFBeforeRequestLine"),
        differs="Go skips any number of empty lines before a request-line (issue 10876) "
        "and serves both requests.")

    raw13893 = reqBytes("PUT /readbody HTTP/1.1\nUser-Agent: PycURL/7.22.0\nHost: 127.0.0.1:9000\n"
                        "Accept: */*\nExpect: 100-continue\nContent-Length: 10\n\nHelloWorld\n\n")
    h = ("PUT /readbody HTTP/1.1\r\nUser-Agent: PycURL/7.22.0\r\nHost: 127.0.0.1:9000\r\n"
         "Accept: */*\r\nExpect: 100-continue\r\nContent-Length: 10\r\n\r\n")
    assert raw13893 == b(h) + b"HelloWorld\r\n\r\n"
    err("expect-100-then-two-crlf", raw13893, [msg(h, "length", "HelloWorld", length=10)],
        "reqBytes appends CRLFCRLF after the body: the first CRLF is the one empty line "
        "the profile skips, the second is a second empty line, which is an error (profile "
        "'at most one empty line'; compare h1wire-profile-req-2-empty-lines). The request "
        "itself is complete and valid.", S("TestIssue13893_Expect100"),
        differs="Go skips the extra empty lines and then sees end of stream.")

    raw11549 = reqBytes(
        "PUT /readbody HTTP/1.1\nUser-Agent: PycURL/7.22.0\nHost: 127.0.0.1:9000\nAccept: */*\n"
        "Expect: 100-continue\nContent-Length: 10\n\nHelloWorldPUT /noreadbody HTTP/1.1\n"
        "User-Agent: PycURL/7.22.0\nHost: 127.0.0.1:9000\nAccept: */*\nExpect: 100-continue\n"
        "Content-Length: 10\n\nGET /should-be-ignored HTTP/1.1\nHost: foo\n\n")
    h2 = h.replace("/readbody", "/noreadbody")
    err("expect-100-pipelined-body-swallows-get", raw11549,
        [msg(h, "length", "HelloWorld", length=10), msg(h2, "length", "GET /shoul", length=10)],
        "two PUTs; the second's 10-byte body is 'GET /shoul' (its client never sent one), "
        "so the rest 'd-be-ignored HTTP/1.1' is an invalid request-line: error after two "
        "messages. Go serves the same two requests and then closes.",
        S("TestIssue11549_Expect100"))

    body = b"a" * size(1 << 20, 64 << 10)
    err("huge-content-length-partial-body",
        b"POST / HTTP/1.1\r\nHost: test\r\nContent-Length: 9999999999\r\n\r\n" + body, [],
        "Content-Length 9999999999 and far fewer bytes: incomplete"
        + scaled_note("the partial body", 1 << 20, len(body)),
        S("TestHandlerFinishSkipBigContentLengthRead"))

    # TestServerValidatesHostHeader
    V = lambda proto, host, want: S("TestServerValidatesHostHeader {%r, %r, %d}" % (proto, host, want))

    def hosttest(slug, proto, host, want, expect, note, differs=None, variant=None):
        mt = "GET / " if proto.startswith("HTTP/") else ""
        inp = mt + proto + "\r\n" + host + "\r\n"
        msgs = [msg(inp, "upgrade" if proto.startswith("CONNECT") else "none")] \
            if expect in ("ok", "either") else []
        add("host-" + slug, "request", inp, expect, msgs, note, V(proto, host, want),
            differs=differs)
        if variant:
            vexp, vhost, vnote = variant
            vin = mt + proto + "\r\nHost: " + vhost + "\r\n" + host + "\r\n"
            vm = [msg(vin, "upgrade" if proto.startswith("CONNECT") else "none")] \
                if vexp in ("ok", "either") else []
            add("host-" + slug + "-host", "request", vin, vexp, vm, vnote,
                V(proto, host, want) + " (variant: Host field added)")

    hosttest("http-0-9", "HTTP/0.9", "", 505, "error",
             "version HTTP/0.9 in a request-line: error (profile)")
    hosttest("missing", "HTTP/1.1", "", 400, "error", "HTTP/1.1 without Host (RFC 9112 3.2)")
    hosttest("empty", "HTTP/1.1", "Host: \r\n", 200, "either",
             "empty Host value: either (profile names it; RFC 9112 3.2 allows an empty "
             "Host when the target URI has no authority)")
    hosttest("ipv4", "HTTP/1.1", "Host: 1.2.3.4\r\n", 200, "ok", "IPv4 literal")
    hosttest("reg-name", "HTTP/1.1", "Host: foo.com\r\n", 200, "ok", "reg-name")
    hosttest("underscore", "HTTP/1.1", "Host: foo-bar_baz.com\r\n", 200, "ok",
             "'_' is unreserved, valid in reg-name (RFC 3986 3.2.2)")
    hosttest("port", "HTTP/1.1", "Host: foo.com:80\r\n", 200, "ok", "host and port")
    hosttest("bare-ipv6", "HTTP/1.1", "Host: ::1\r\n", 200, "error",
             "an IPv6 address must be in brackets (RFC 3986 3.2.2 IP-literal); '::1' is "
             "not uri-host [':' port] (empty host with port ':1')",
             differs="Go accepts a bare '::1' as Host.")
    hosttest("ipv6-literal", "HTTP/1.1", "Host: [::1]\r\n", 200, "ok", "IP-literal, no port")
    hosttest("ipv6-literal-port", "HTTP/1.1", "Host: [::1]:80\r\n", 200, "ok",
             "IP-literal with port")
    hosttest("ipv6-zone-id", "HTTP/1.1", "Host: [::1%25en0]:80\r\n", 200, "error",
             "an IPv6 zone identifier ('%25en0') is not in RFC 3986's IP-literal, which "
             "RFC 9110 uses for uri-host; RFC 6874, which added it, was obsoleted by RFC "
             "9844 (2025), which keeps zone IDs out of URIs. Not uri-host: error.",
             differs="Go accepts a zone identifier in a bracketed Host.")
    hosttest("ctl-0x06", "HTTP/1.1", "Host: \x06\r\n", 400, "error",
             "control byte 0x06 in a field value (profile field-line)")
    hosttest("0xff", "HTTP/1.1", "Host: \xff\r\n", 400, "error",
             "obs-text 0xFF is a valid field byte but not a uri-host (profile Host)")
    hosttest("open-brace", "HTTP/1.1", "Host: {\r\n", 400, "error", "'{' is not in reg-name")
    hosttest("close-brace", "HTTP/1.1", "Host: }\r\n", 400, "error", "'}' is not in reg-name")
    hosttest("two-hosts", "HTTP/1.1", "Host: first\r\nHost: second\r\n", 400, "error",
             "more than one Host line (RFC 9112 3.2; profile)")
    hosttest("1-0-none", "HTTP/1.0", "", 200, "ok", "HTTP/1.0 may lack Host")
    hosttest("1-0-two-hosts", "HTTP/1.0", "Host: first\r\nHost: second\r\n", 400, "error",
             "more than one Host line, HTTP/1.0 too (profile: 'any request')")
    hosttest("1-0-0xff", "HTTP/1.0", "Host: \xff\r\n", 400, "error",
             "invalid Host value, HTTP/1.0 too")
    hosttest("pri-h2", "PRI * HTTP/2.0", "", 200, "error",
             "the HTTP/2 preface request-line: HTTP/2.0 is an error (profile)",
             differs="Go's server special-cases 'PRI * HTTP/2.0' (200 for an HTTP/2 upgrade).")
    hosttest("connect-no-host", "CONNECT golang.org:443 HTTP/1.1", "", 200, "error",
             NOHOST, differs="Go exempts CONNECT from the Host requirement (issue 18215).",
             variant=("ok", "golang.org:443",
                      "CONNECT with authority-form and Host: framing upgrade"))
    hosttest("pri-slash-h2", "PRI / HTTP/2.0", "", 505, "error", "version HTTP/2.0")
    hosttest("get-h2", "GET / HTTP/2.0", "", 505, "error", "version HTTP/2.0")
    hosttest("get-h3", "GET / HTTP/3.0", "", 505, "error", "version HTTP/3.0")

    add("dup", "request", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", "error", [], "",
        S("TestServerHandlersCanHandleH2PRI"))

    # TestServerValidatesHeaders
    W = lambda hdr, want: S("TestServerValidatesHeaders {%r, %d}" % (
        hdr if len(hdr) < 80 else hdr[:20] + "...(%d bytes)" % len(hdr), want))

    def hdrtest(slug, header, want, expect, note, differs=None):
        inp = b("GET / HTTP/1.1\r\nHost: foo\r\n") + b(header) + b"\r\n"
        add("hdr-" + slug, "request", inp, expect,
            [msg(inp, "none")] if expect == "ok" else [], note, W(header, want),
            differs=differs)

    hdrtest("none", "", 200, "ok", "no extra field")
    hdrtest("foo", "Foo: bar\r\n", 200, "ok", "ordinary field")
    hdrtest("x-foo", "X-Foo: bar\r\n", 200, "ok", "ordinary field")
    hdrtest("space-in-value", "Foo: a space\r\n", 200, "ok", "SP inside a value")
    hdrtest("space-in-name", "A space: foo\r\n", 400, "error", "SP in a field-name (token)")
    hdrtest("0xff-in-name", "foo\xffbar: foo\r\n", 400, "error", "0xFF in a field-name")
    hdrtest("nul-in-name", "foo\x00bar: foo\r\n", 400, "error", "NUL in a field-name")
    n = size(1 << 21, 1 << 17)
    hdrtest("huge-value", "Foo: " + "x" * n + "\r\n", 431, "error",
            "a field line far above the 16 KiB line limit (and the 64 KiB head limit): "
            "limit error" + ("" if FULL else " (value scaled down from Go's 2 MiB to "
                             "%d bytes; still above both limits)" % n))
    hdrtest("space-before-colon", "Foo : bar\r\n", 400, "error",
            "whitespace between field-name and colon (RFC 9112 5.1 MUST reject)")
    hdrtest("tab-before-colon", "Foo\t: bar\r\n", 400, "error",
            "HTAB between field-name and colon")
    hdrtest("empty-name", ": empty key\r\n", 400, "error", "empty field-name")
    hdrtest("cl-notdigits", "Content-Length: notdigits\r\n", 400, "error",
            "invalid Content-Length")
    hdrtest("cl-notdigits-with-te",
            "Content-Length: notdigits\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400,
            "error", "invalid Content-Length together with Transfer-Encoding (and the test "
            "appends one more CRLF after the chunked body)")
    hdrtest("value-with-sp", "foo: foo foo\r\n", 200, "ok", "SP inside a value")
    hdrtest("value-with-tab", "foo: foo\tfoo\r\n", 200, "ok", "HTAB inside a value")
    hdrtest("value-with-nul", "foo: foo\x00foo\r\n", 400, "error", "NUL in a value")
    hdrtest("value-with-del", "foo: foo\x7ffoo\r\n", 400, "error", "DEL in a value")
    hdrtest("value-with-0xff", "foo: foo\xfffoo\r\n", 200, "ok", "obs-text in a value")

    # Benchmarks feeding raw requests
    for v, t in [("1.0", "BenchmarkServerFakeConnNoKeepAlive"),
                 ("1.1", "BenchmarkServerFakeConnWithKeepAlive")]:
        h = reqBytes("GET / HTTP/%s\nHost: golang.org\n"
                     "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\n"
                     "User-Agent: Mozilla/5.0 (Macintosh; Intel Mac OS X 10_8_2) AppleWebKit/537.17 "
                     "(KHTML, like Gecko) Chrome/24.0.1312.52 Safari/537.17\n"
                     "Accept-Encoding: gzip,deflate,sdch\nAccept-Language: en-US,en;q=0.8\n"
                     "Accept-Charset: ISO-8859-1,utf-8;q=0.7,*;q=0.3\n" % v)
        reps = 1 if v == "1.0" else 3
        ok("browser-get-%s" % v.replace(".", "-"), h * reps, [msg(h, "none")] * reps,
           "a browser-like GET%s" % ("" if reps == 1 else
                                     " repeated %d times on one connection (the benchmark "
                                     "repeats it b.N times)" % reps), S(t))

    # Idle / read-header timeouts
    err("head-never-ends-foo-com", "GET / HTTP/1.1\r\nHost: foo.com\r\n", [],
        "the head never ends: incomplete", S("TestServerIdleTimeout (ReadHeaderTimeout)"))
    g = "GET / HTTP/1.1\r\nHost: e.com\r\n\r\n"
    ok("get-e-com-twice", g * 2, [msg(g, "none")] * 2, "two requests on one connection",
       S("TestServerCancelsReadHeaderTimeoutWhenIdle"))
    ok("dup", g * 2, [msg(g, "none")] * 2, "",
       S("TestServerDuplicateBackgroundRead (the same request written many times)"))
    err("get-then-foo", g + "foo", [msg(g, "none")],
        "after the request the client writes 'foo' (meant for a hijacked connection); the "
        "decoder, which never hijacks, reads it as the start of a request-line that never "
        "ends: error after one message", S("TestServerHijackGetsBackgroundByte"))
    err("get-then-100k-x", b(g) + b"x" * (100 * 1024), [msg(g, "none")],
        "100 KiB of 'x' after the request, for the hijacked connection: to the decoder it "
        "is a request-line without end, over the line limit: error after one message",
        S("TestServerHijackGetsFullBody"))
    err("get-then-8k-x", b(g) + b"x" * (8 << 10), [msg(g, "none")],
        "8 KiB of 'x' after the request (for the hijacked connection): an unterminated "
        "request-line: error after one message", S("TestServerHijackGetsBackgroundByte_big"))

    h = "GET / HTTP/1.1\r\nHost: foo.example\r\n\r\n"
    ok("method-get", h, [msg(h, "none")], "valid method", S("TestServerValidatesMethod GET"))
    err("method-paren", "GE(T / HTTP/1.1\r\nHost: foo.example\r\n\r\n", [],
        "'(' is not a tchar: the method is not a token", S("TestServerValidatesMethod GE(T"))

    for te in ["fugazi", "foo-bar", "unknown", '" chunked"']:
        err("te-501-" + (te.strip('" ') + ("-quoted" if '"' in te else "")),
            "POST / HTTP/1.1\r\nConnection: close\r\nHost: localhost\r\nTransfer-Encoding: %s"
            "\r\n\r\n" % te, [],
            ("a quoted string in a request's Transfer-Encoding is an error (profile framing 2)"
             if '"' in te else "unknown transfer coding in a request: error (501)"),
            S("TestUnsupportedTransferEncodingsReturn501 %r" % te))
    r = ("HTTP/1.1 501 Not Implemented\r\nContent-Type: text/plain; charset=utf-8\r\n"
         "Connection: close\r\n\r\n")
    add("res-501-unsupported-te", "response", r + "Unsupported transfer encoding", "ok",
        [msg(r, "close", "Unsupported transfer encoding")],
        "Go's 501 answer: Connection: close and no Content-Length, body read to end of stream",
        S("TestUnsupportedTransferEncodingsReturn501 (wantBody)"))
    r = "HTTP/1.0 200 OK\r\nConnection: close\r\n\r\n"
    add("res-hijack-hello", "response", r + "Hello.", "ok", [msg(r, "close", "Hello.")],
        "a response written on a hijacked connection: close-delimited",
        S("TestServerConnState (/hijack handler)"))
    r = "HTTP/1.0 200 OK\r\nX-Addr: 192.0.2.1:1234\r\nContent-Length: 0\r\n\r\n"
    add("res-hijack-x-addr", "response", r, "ok", [msg(r, "length", "", length=0)],
        "a response written on a hijacked connection; the test formats the client's "
        "address into X-Addr, 192.0.2.1:1234 (httptest's address) stands in for it",
        S("TestHijackAfterCloseNotifier (hijack plan)"))
    r = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"
    add("res-404-content-length-0", "response", r, "ok", [msg(r, "length", "", length=0)],
        "404 with Content-Length 0 (as DumpResponse writes it)",
        S("TestTimeoutHandlerSuperfluousLogs (return before timeout, wantResp)"))
    r = "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 15\r\n\r\n"
    add("res-503-timeout-body", "response", r + "timed out here!", "ok",
        [msg(r, "length", "timed out here!", length=15)], "503 with a 15-byte body",
        S("TestTimeoutHandlerSuperfluousLogs (return after timeout, wantResp)"))
    e1 = ("HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload; as=style\r\n"
          "Link: </script.js>; rel=preload; as=script\r\n\r\n")
    e2 = ("HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload; as=style\r\n"
          "Link: </script.js>; rel=preload; as=script\r\nLink: </foo.js>; rel=preload; "
          "as=script\r\n\r\n")
    e3 = ("HTTP/1.1 200 OK\r\nLink: </style.css>; rel=preload; as=style\r\n"
          "Link: </script.js>; rel=preload; as=script\r\nLink: </foo.js>; rel=preload; "
          "as=script\r\nDate: ")
    add("res-early-hints-prefix", "response", e1 + e2 + e3, "error",
        [msg(e1, "none"), msg(e2, "none")],
        "two 103 responses, each a message of its own with no body (profile framing 1), "
        "then the 200 head, which the test cuts before its dynamic Date value: error "
        "(incomplete) after two messages", S("TestEarlyHints (expected prefix)"))
    p1 = "HTTP/1.1 102 Processing\r\n\r\n"
    add("res-processing-prefix", "response", p1 + "HTTP/1.1 200 OK\r\nDate: ", "error",
        [msg(p1, "none")],
        "a 102 response (a message of its own) then the 200 head, cut before its Date "
        "value: error after one message", S("TestProcessing (expected prefix)"))

    h = "GET http://example.com HTTP/1.1\r\nHost: test\r\n\r\n"
    ok("absolute-form-empty-path", h, [msg(h, "none")],
       "absolute-form with an empty path and a Host that differs from its authority: the "
       "server must use the target's authority and ignore Host (RFC 9112 3.2.2); not a "
       "syntax error", S("TestMuxRedirectRelative"))

    head = "POST / HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
    err("chunk-size-bare-lf", head + "1\na\r\n0\r\n\r\n", [],
        "bare LF after the chunk-size (profile: lines end in CRLF)",
        S("TestInvalidChunkedBodies (bare LF in chunk size)"))
    err("chunk-body-end-bare-lf", head + "1\r\na\r\n0\r\n\n", [],
        "bare LF ends the (empty) trailer section", S("TestInvalidChunkedBodies (bare LF at body end)"))

    # TestServerGracefulClose / TestServerConnectionReuse / RequestBodyLength (joinCRLF etc.)
    err("graceful-close-body-never-sent",
        writeMessage(joinCRLF("POST / HTTP/1.1", "Host: foo.com", "Content-Length: 1000000", "")),
        [], "the 1000000-byte body is never sent: incomplete", S("TestServerGracefulClose"))

    C = lambda name: S("TestServerConnectionReuse (%s)" % name)
    inp = writeMessage("POST / HTTP/1.1", "Host: example.tld", "Content-Length: 1", "", "x")
    h = "POST / HTTP/1.1\r\nHost: example.tld\r\nContent-Length: 1\r\n\r\n"
    ok("reuse-small-body", inp, [msg(h, "length", "x", length=1)],
       "1-byte body; writeMessage ends the last line with CRLF, a lone CRLF between "
       "messages", C("small body"))
    for nm in ["small body full duplex", "small wrapped body"]:
        ok("dup", inp, [msg(h, "length", "x", length=1)], "", C(nm))
    inp = writeMessage("POST / HTTP/1.1", "Host: example.tld", "Content-Length: 300000", "")
    err("reuse-large-body-never-sent", inp, [],
        "the 300000-byte body is never sent: incomplete", C("large body"))
    for nm in ["large body full duplex", "large wrapped body"]:
        err("dup", inp, [], "", C(nm))
    inp = writeMessage("POST / HTTP/1.1", "Host: example.tld", "Expect: 100-continue",
                       "Content-Length: 1", "")
    err("reuse-expect-unconsumed-small", inp, [],
        "Expect: 100-continue and the body is never sent: incomplete (Go skips this subtest, "
        "issue 75933; the bytes are converted anyway)", C("100-continue unconsumed small body"))
    inp = writeMessage("POST / HTTP/1.1", "Host: example.tld", "Expect: 100-continue",
                       "Content-Length: 300000", "")
    err("reuse-expect-unconsumed-large", inp, [], "the body is never sent: incomplete",
        C("100-continue unconsumed large body"))
    inp = writeMessage("POST / HTTP/1.1", "Host: example.tld", "Expect: 100-continue",
                       "Content-Length: 1", "") + b"x"
    h = "POST / HTTP/1.1\r\nHost: example.tld\r\nExpect: 100-continue\r\nContent-Length: 1\r\n\r\n"
    ok("reuse-expect-consumed-small", inp, [msg(h, "length", "x", length=1)],
       "Expect: 100-continue; the test writes the 1-byte body after reading '100 Continue'",
       C("100-continue consumed small body"))

    B = lambda name: S("TestServerRequestBodyLength (%s)" % name)
    P = ("POST / HTTP/1.1", "Host: example.tld")

    def bl(slug, name, lines, expect, messages, note, differs=None):
        add("body-length-" + slug, "request", joinCRLF(*(P + tuple(lines))), expect, messages,
            note, B(name), differs=differs)

    bl("te-and-cl", "TE and CL",
       ["Transfer-Encoding: chunked", "Content-Length: 5", "", "5", "hello", "0", "", ""],
       "error", [], "Transfer-Encoding with Content-Length in a request: error (profile "
       "framing 2; RFC 9112 6.1 'MAY reject', 6.3 item 3)",
       differs="Go reads it as chunked (body 'hello') and closes the connection after.")
    hh = "POST / HTTP/1.1\r\nHost: example.tld\r\nTransfer-Encoding: chunked\r\n\r\n"
    bl("te-only", "TE only", ["Transfer-Encoding: chunked", "", "5", "hello", "0", "", ""],
       "ok", [msg(hh, "chunked", "hello")], "chunked body 'hello'")
    bl("te-not-chunked", "TE not chunked",
       ["Transfer-Encoding: chunked, smooth", "", "5", "hello", "0", ""], "error", [],
       "'smooth' is not a registered coding and chunked is not final: error")
    bl("invalid-cl", "invalid CL", ["Content-Length: yes", "", ""], "error", [],
       "invalid Content-Length")
    hh = "POST / HTTP/1.1\r\nHost: example.tld\r\nContent-Length: 5, 5\r\n\r\n"
    bl("identical-cl-comma", "identical CL comma", ["Content-Length: 5, 5", "", "hello"],
       "either", [msg(hh, "length", "hello", length=5)],
       "'5, 5': several identical values, either (profile names it; RFC 9112 6.3 item 5 "
       "lets a recipient accept it)")
    hh = ("POST / HTTP/1.1\r\nHost: example.tld\r\nContent-Length: 5\r\nContent-Length: 5"
          "\r\n\r\n")
    bl("identical-cl-duplicate", "identical CL duplicate",
       ["Content-Length: 5", "Content-Length: 5", "", "hello"], "either",
       [msg(hh, "length", "hello", length=5)],
       "two 'Content-Length: 5' lines: several identical values, either (profile)")
    hh = "POST / HTTP/1.1\r\nHost: example.tld\r\nContent-Length: 5\r\n\r\n"
    bl("cl-only", "CL only", ["Content-Length: 5", "", "hello"], "ok",
       [msg(hh, "length", "hello", length=5)], "Content-Length 5")
    bl("unsupported-te", "unsupported TE", ["Transfer-Encoding: fugazi", "", ""], "error", [],
       "unknown coding: error (501)")
    bl("duplicate-te-values", "duplicate TE values",
       ["Transfer-Encoding: chunked, chunked", "", ""], "error", [], "chunked applied twice")
    bl("duplicate-te-headers", "duplicate TE headers",
       ["Transfer-Encoding: chunked", "Transfer-Encoding: chunked", "", ""], "error", [],
       "chunked applied twice over two lines")
    bl("empty-te", "empty TE", ["Transfer-Encoding: ", "", ""], "error", [],
       "empty Transfer-Encoding in a request: chunked is not final (RFC 9112 6.3 item 4)")
    bl("te-chunked-identity", "TE: chunked, identity",
       ["Transfer-Encoding: chunked, identity", "", ""], "error", [],
       "'identity' is not registered and chunked is not final")
    bl("te-chunked-te-identity", "TE: chunked, TE: identity",
       ["Transfer-Encoding: chunked", "Transfer-Encoding: identity", "", ""], "error", [],
       "chunked not final over two lines")
    bl("te-vertical-tab", "TE: invalid character", ["Transfer-Encoding: \x0bchunked", "", ""],
       "error", [], "VT control byte in a field value")
    bl("empty-cl", "empty CL", ["Content-Length: ", "", ""], "error", [],
       "empty Content-Length")
    bl("duplicate-cl-differs", "duplicate CL differs",
       ["Content-Length: 4", "Content-Length: 5", "", "hello"], "error", [],
       "two different Content-Length values")
    bl("cl-plus", "CL with plus", ["Content-Length: +3", "", ""], "error", [], "sign in CL")
    bl("cl-negative", "negative CL", ["Content-Length: -3", "", ""], "error", [],
       "negative CL")
    bl("cl-max-int64", "maxInt64 CL", ["Content-Length: 9223372036854775807", "", "hello"],
       "error", [], "valid huge Content-Length; the stream ends after 5 body bytes "
       "(the test half-closes): incomplete")
    bl("cl-overflow-int64", "overflowing CL",
       ["Content-Length: 9223372036854775808", "", ""], "error", [],
       "2^63 fits u64 so the profile takes it as a valid length, and then the stream ends "
       "before the body: incomplete. Go answers 400 because the value overflows int64; the "
       "outcome (error) is the same for another reason. The -head-resp case in the "
       "transfer_test.go part checks that the value itself is accepted.")

    inp = writeMessage("POST / HTTP/1.1", "Host: example.tld", "Content-Length: 4", "", "test")
    hh = "POST / HTTP/1.1\r\nHost: example.tld\r\nContent-Length: 4\r\n\r\n"
    ok("close-after-partial-read", inp, [msg(hh, "length", "test", length=4)],
       "4-byte body then the CRLF writeMessage adds (a lone CRLF between messages)",
       S("TestServerRequestBodyCloseAfterPartialRead"))
    inp = writeMessage("GET / HTTP/1.1", "Host: example.tld", "")
    ok("get-example-tld", inp, [msg(inp, "none")], "plain GET",
       S("TestServerAbortsWriteOnConnReadError"))
    inp = writeMessage("GET / HTTP/1.1", "Host: foo", "")
    ok("dup", inp * 2, [msg(inp, "none")] * 2, "",
       S("TestServerIdleKeepAliveRequestContext / testServerIdleKeepAlive (two requests)"))


# ======================================================= http1_server_test.go ==

def h1server():
    S = lambda name: src(F_H1SERVER, "TestHTTP1ServerInvalidTrailers (%s)" % name)
    common = ("POST / HTTP/1.1", "Host: example.tld")
    add("h1srv-invalid-trailer-smuggle", "request",
        writeMessage(*(common + ("Trailer: Park", "Transfer-Encoding: chunked", "", "3", "xxx",
                                 "0", "I'm not a valid trailer", "GET /smuggled HTTP/1.1",
                                 "Host: example.tld", "Content-Length: 0", ""))), "error", [],
        "a trailer line without a colon is an error; GET /smuggled must never be decoded "
        "(extra file next to serve_test.go, included for its smuggling cases)",
        S("invalid trailer"))
    add("h1srv-trailer-section-bare-lf", "request",
        writeMessage(*(common + ("Transfer-Encoding: chunked", "", "3", "xxx", "0",
                                 "\nGET /smuggled HTTP/1.1", "Host: example.tld",
                                 "Content-Length: 0", ""))), "error", [],
        "a bare LF ends the trailer section: error (profile: lines end in CRLF); a lenient "
        "reader would then decode GET /smuggled", S("trailer section ends with bare LF"))
    add("h1srv-trailer-line-bare-lf", "request",
        writeMessage(*(common + ("Transfer-Encoding: chunked", "", "3", "xxx", "0",
                                 "A: 1\nB: 2", ""))), "error", [],
        "a trailer line ends in a bare LF", S("trailer line ends with bare LF"))
    add("h1srv-trailer-bare-cr", "request",
        writeMessage(*(common + ("Transfer-Encoding: chunked", "", "3", "xxx", "0",
                                 "Foo: bar\r\r\n\r\n"))), "error", [],
        "a CR not followed by LF in a trailer line", S("bare CR before end of trailers"))


def main():
    readrequest()
    response()
    transfer()
    chunked()
    serve()
    h1server()
    differs = [c for c in CASES if c.get("_differs")]
    out = []
    for c in CASES:
        c = dict(c)
        c.pop("_differs", None)
        out.append(c)
    with open(OUT, "w") as f:
        json.dump(out, f, ensure_ascii=True, indent=1)
        f.write("\n")
    counts = {}
    for c in out:
        counts[(c["mode"], c["expect"])] = counts.get((c["mode"], c["expect"]), 0) + 1
    print("wrote %s: %d cases (%s), %d duplicate inputs merged, %d differ from Go"
          % (OUT, len(out), ", ".join("%s/%s=%d" % (m, e, n) for (m, e), n in sorted(counts.items())),
             STATS["merged_duplicates"], len(differs)))


if __name__ == "__main__":
    main()
