#!/usr/bin/env python3
"""Build tests/corpus/fasthttp.json: h1wire conformance cases taken from the raw
HTTP/1 messages of fasthttp's test suite (valyala/fasthttp, MIT licence).

Only the test messages (the bytes) are taken from fasthttp; every expectation
is decided from h1wire's strict profile (CONFORMANCE.md section 3) and
RFC 9112 / RFC 9110, not from what fasthttp answers.
"""

import base64
import json
import os

NAME = "fasthttp"
OUT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), NAME + ".json")

REPO = "valyala/fasthttp"
F_HEADER = "header_test.go"
F_HTTP = "http_test.go"
F_SERVER = "server_test.go"
F_CLIENT = "client_test.go"
COMMITS = {
    F_HEADER: "00410e7309ff13238fd7818ea32f04ae4d7214fe",
    F_HTTP: None,  # a stored version of 82183 characters; the tool reports no commit for it
    F_SERVER: "1d670c3ffc05836f7ea6954deb177f2110d0bc6f",
    F_CLIENT: "ee28787095e2e3d87505fdb01d1a947b8609d136",
}


def src(path, test):
    c = COMMITS[path]
    return "%s %s@%s: %s" % (REPO, path, c[:12] if c else "(stored version, commit not reported)", test)


def b(s):
    if isinstance(s, bytes):
        return s
    return s.encode("latin-1")


def L(bs):
    return bs.decode("latin-1")


OWS = b" \t"


def msg(head, framing, body=b"", trailers=(), length=None, headers=None):
    """A corpus message from a head I checked by hand to be valid (start line +
    field lines, CRLF separated). Field values trimmed of OWS. `headers`
    overrides the field list (used for obs-fold in responses)."""
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
    if headers is None:
        hdrs = []
        for ln in lines[1:]:
            assert ln[:1] not in (b" ", b"\t"), ln
            n, v = ln.split(b":", 1)
            assert n and b" " not in n and b"\t" not in n, ln
            hdrs.append([L(n), L(v.strip(OWS))])
    else:
        hdrs = [[L(b(n)), L(b(v))] for n, v in headers]
    m = {"start": st, "headers": hdrs, "framing": framing, "body": L(b(body)),
         "trailers": [[L(b(n)), L(b(v))] for n, v in trailers], "complete": True}
    if length is not None:
        m["length"] = length
    return m


def split_msg(raw, framing, **kw):
    """msg() for a whole message 'head CRLF CRLF body' (length or none framing)."""
    raw = b(raw)
    head, body = raw.split(b"\r\n\r\n", 1)
    return msg(head, framing, body=body, **kw)


CASES = []
BY_KEY = {}
IDS = set()
STATS = {"merged_duplicates": 0}
SKIPS = {}


def skip(reason, n=1):
    SKIPS[reason] = SKIPS.get(reason, 0) + n


def add(slug, mode, inp, expect, messages, note, source, methods=(), differs=None):
    """differs: None if fasthttp answers as the profile does, else a one-line reason."""
    cid = NAME + "-" + slug
    inp = b(inp)
    key = (mode, tuple(methods), inp)
    if key in BY_KEY:
        prev = BY_KEY[key]
        assert prev["expect"] == expect and prev["messages"] == messages, (cid, prev["id"])
        prev["source"] += "; " + source
        STATS["merged_duplicates"] += 1
        return prev["id"]
    assert cid not in IDS, cid
    IDS.add(cid)
    if differs:
        note = "differs from fasthttp: " + differs + (" " + note if note else "")
    c = {"id": cid, "mode": mode, "methods": list(methods), "input": L(inp),
         "expect": expect, "messages": messages, "note": note, "source": source}
    if differs:
        c["_differs"] = differs
    CASES.append(c)
    BY_KEY[key] = c
    return cid


NOHOST = ("an HTTP/1.1 request without Host is an error (RFC 9112 3.2: a server MUST "
          "respond 400; profile 'Host'); the -host variant has Host added so the case "
          "tests what it was written for.")
NOHOST_D = "fasthttp accepts an HTTP/1.1 request without Host;"


def with_host(inp, host="example.com"):
    """Insert 'Host: <host>' after every request-line of an HTTP/1.1 request
    listed by offset (we only use it on single-request inputs or give the
    full input ourselves)."""
    inp = b(inp)
    i = inp.index(b"\r\n") + 2
    return inp[:i] + b"Host: " + b(host) + b"\r\n" + inp[i:]


def head_only(s):
    """The head of a message (up to and including the empty line); fasthttp's
    header tests read the head only and leave the bytes after it unread."""
    s = b(s)
    i = s.index(b"\r\n\r\n")
    return s[:i + 4]


HEADCUT = "the bytes after the head, which fasthttp's header test leaves unread, are dropped"
HEADONLY = ("fasthttp's test reads only the response head; expressed as a response to "
            "HEAD so that Content-Length announces no body (RFC 9110 9.3.2, RFC 9112 6.3 rule 1)")


def host_variant(slug, inp, host, expect, messages, note, source, differs=None):
    return add(slug + "-host", "request", with_host(inp, host), expect, messages, note,
               source + " (variant: Host field added)", differs=differs)


# ============================================================ header_test.go ==

def header():
    S = lambda t: src(F_HEADER, t)
    # API-only tests (setters, WriteTo, Peek on built headers): counted as skips.
    skip("API: header built/serialised by fasthttp's setters, no raw input", 5 + 12 + 7)

    s = ("HTTP/1.1 200 SuperOK\r\n"
         "EmptyValue1:\r\n"
         "Content-Type: foo/bar;\r\n\tnewline;\r\n another/newline\r\n"
         "Foo: Bar\r\n"
         "Multi-Line: one;\r\n two\r\n"
         "Values: v1;\r\n v2; v3;\r\n v4;\tv5\r\n"
         "\r\n")
    add("resp-multiline-obs-fold", "response", s, "ok",
        [msg("HTTP/1.1 200 SuperOK", "close", headers=[
            ("EmptyValue1", ""), ("Content-Type", "foo/bar; newline; another/newline"),
            ("Foo", "Bar"), ("Multi-Line", "one; two"), ("Values", "v1; v2; v3; v4;\tv5")])],
        "obs-fold in a response head is accepted, each fold read as one SP (RFC 9112 5.2; "
        "profile 'obs-fold'); no Content-Length nor Transfer-Encoding: the body is read to "
        "end of stream (close, empty here)", S("TestResponseHeaderMultiLineValue"))

    tabs = ("WithTabs: \t v1 \t\r\n"
            "WithTabs-Start: \t \t v1 \r\n"
            "WithTabs-End: v1 \t \t\t\t\r\n"
            "WithTabs-Multi-Line: \t v1 \t;\r\n \t v2 \t;\r\n\t v3\r\n"
            "\r\n")
    tabs_h = [("WithTabs", "v1"), ("WithTabs-Start", "v1"), ("WithTabs-End", "v1"),
              ("WithTabs-Multi-Line", "v1 \t; v2 \t; v3")]
    add("issue1808-resp-no-reason-sp", "response", "HTTP/1.1 200\r\n" + tabs, "error", [],
        "status-line '200' with neither SP nor reason: the profile requires the SP before "
        "the (possibly empty) reason (RFC 9112 4: status-line = HTTP-version SP status-code "
        "SP [ reason-phrase ]); the -sp variant tests the tabs/obs-fold the test is about",
        S("TestIssue1808"), differs="fasthttp accepts a status-line without the SP after the code;")
    add("issue1808-resp-no-reason-sp-sp", "response", "HTTP/1.1 200 \r\n" + tabs, "ok",
        [msg("HTTP/1.1 200 ", "close", headers=tabs_h)],
        "leading/trailing SP and HTAB are OWS and trimmed (RFC 9110 5.5); obs-fold in a "
        "response reads as one SP, the OWS before the fold belonging to it (RFC 9112 5.2), "
        "HTAB inside the value kept",
        S("TestIssue1808") + " (variant: SP added after the status code)")
    add("issue1808-req-obs-fold", "request", "GET / HTTP/1.1\r\n" + tabs, "error", [],
        "obs-fold in a request is an error (profile 'obs-fold'; RFC 9112 5.2 lets a server "
        "reject it with 400); also no Host", S("TestIssue1808"),
        differs="fasthttp's header parser accepts obs-fold in requests (and this head has no Host);")

    s = base64.b64decode("aAEAIDoKKDoKICA6CgkKCiA6CiA6CgkpCiA6CiA6CiA6Cig6CiAgOgoJCgogOgogOgoJKQogOgogOgogOgogOgogOgoJOg86CiA6CiA6Cig6CiAyCg==")
    add("multiline-panicked-fuzz", "request", s, "error", [],
        "fuzz input (bare LFs, control bytes in the method): not a request-line",
        S("TestResponseHeaderMultiLinePanicked"))

    add("loose-backslash-r", "request",
        "GET / HTTP/1.1\r\nHost: go.dev\r\n\rFoo: bar\r\n\r\n", "error", [],
        "a CR not followed by LF at the start of a field line is an error (RFC 9112 2.2; "
        "profile 'Lines end in CRLF')", S("TestRequestHeaderLooseBackslashR"))

    add("resp-empty-value-from-string", "response",
        "HTTP/1.1 200 OK\r\nEmptyValue1:\r\nContent-Type: foo/bar\r\nEmptyValue2: \r\n\r\n", "ok",
        [msg("HTTP/1.1 200 OK\r\nEmptyValue1:\r\nContent-Type: foo/bar\r\nEmptyValue2: ", "close")],
        "empty field values are valid (RFC 9110 5.5); no framing header in a response: "
        "read to end of stream", S("TestResponseHeaderEmptyValueFromString"))
    add("req-empty-value-from-string", "request",
        "GET / HTTP/1.1\r\nEmptyValue1:\r\nHost: foobar\r\nEmptyValue2: \r\n\r\n", "ok",
        [msg("GET / HTTP/1.1\r\nEmptyValue1:\r\nHost: foobar\r\nEmptyValue2: ", "none")],
        "empty field values are valid (RFC 9110 5.5)", S("TestRequestHeaderEmptyValueFromString"))

    kvs = "hOsT: foobar\r\nvalue:  b\r\nuSeR agent: agent\r\n\r\n"
    SPN = ("a field name holding SP ('uSeR agent') is not a token: error (RFC 9110 5.1, "
           "RFC 9112 5; profile 'field-name is a token')")
    SPD = "fasthttp accepts a field name with a space in it (its issue 1917);"
    add("raw-headers-normalized", "request", "GET / HTTP/1.1\r\n" + kvs, "error", [], SPN,
        S("TestRequestRawHeaders/normalized"), differs=SPD)
    for n in (0, 1, 4, 8):
        l = 1024 * n
        add("raw-headers-post-%dk" % n, "request",
            "POST / HTTP/1.1\r\nContent-Length: %d\r\n" % l + kvs + "a" * l, "error", [], SPN,
            S("TestRequestRawHeaders/post-%dk" % n), differs=SPD)
    add("raw-headers-http10", "request", "GET / HTTP/1.0\r\n" + kvs, "error", [], SPN,
        S("TestRequestRawHeaders/http10"), differs=SPD)
    add("raw-headers-no-kvs", "request", "GET / HTTP/1.0\r\n\r\n", "ok",
        [msg("GET / HTTP/1.0", "none")],
        "HTTP/1.0 request without Host is valid (the Host requirement is for HTTP/1.1, RFC 9112 3.2)",
        S("TestRequestRawHeaders/no-kvs"))

    s = "GET / HTTP/1.0\r\nHost: foobar\r\nUser-Agent: ua\r\nNon-Special: val\r\n\r\n"
    add("disable-special-headers-get10", "request", s, "ok", [split_msg(s, "none")],
        "plain HTTP/1.0 request (fasthttp's DisableSpecialHeader option does not change the "
        "wire reading)", S("TestRequestDisableSpecialHeaders"))
    s = ("POST /test HTTP/1.1\r\nHost: example.com\r\nContent-Type: application/x-www-form-urlencoded\r\n"
         "Content-Length: 12\r\n\r\na=b&test=123")
    add("disable-special-headers-post", "request", s, "ok", [split_msg(s, "length", length=12)],
        "Content-Length body", S("TestRequestDisableSpecialHeaders"))
    s = ("POST /test HTTP/1.1\r\nHost: example.com\r\nTransfer-Encoding: chunked\r\n\r\n"
         "c\r\nchunked-test\r\n0\r\n\r\n")
    add("disable-special-headers-chunked", "request", s, "ok",
        [msg("POST /test HTTP/1.1\r\nHost: example.com\r\nTransfer-Encoding: chunked", "chunked",
             body="chunked-test")],
        "chunked request body", S("TestRequestDisableSpecialHeadersChunked"))
    s = "GET /test HTTP/1.1\r\nHost: example.com\r\n\r\n"
    add("disable-special-headers-identity", "request", s, "ok", [split_msg(s, "none")],
        "request without body", S("TestRequestDisableSpecialHeadersIdentity"))

    s = "GET / HTTP/1.0\r\nHost: foobar\r\n\r\n"
    add("http10-connection-close", "request", s, "ok", [split_msg(s, "none")],
        "HTTP/1.0 request without keep-alive (closes the connection after it)",
        S("TestRequestHeaderHTTP10ConnectionClose"))
    s = "GET / HTTP/1.0\r\nHost: foobar\r\nConnection: keep-alive\r\n\r\n"
    add("http10-connection-keep-alive", "request", s, "ok", [split_msg(s, "none")],
        "HTTP/1.0 request with Connection: keep-alive", S("TestRequestHeaderHTTP10ConnectionKeepAlive"))

    HEADONLY = ("fasthttp's test reads only the response head; expressed as a response to "
                "HEAD so that Content-Length announces no body (RFC 9110 9.3.2, RFC 9112 6.3 rule 1)")
    h = "HTTP/1.1 200 OK\r\nContent-Type: aa\r\nContent-Length: 123\r\n\r\n"
    add("resp-trailing-crlf-success", "response", h + "\r\n\r\n\r\n", "error",
        [split_msg(h, "none")],
        "empty lines after a response: the profile skips no empty line before a status-line, "
        "so the CRLF that follows is a malformed status-line. " + HEADONLY,
        S("TestResponseHeaderTrailingCRLFSuccess"), methods=["HEAD", "HEAD"],
        differs="fasthttp skips the CRLFs and reports a clean end of stream;")
    add("resp-trailing-crlf-error", "response", h + "\r\nerror\r\n\r\n", "error",
        [split_msg(h, "none")],
        "'error' after the response is not a status-line. " + HEADONLY,
        S("TestResponseHeaderTrailingCRLFError"), methods=["HEAD", "HEAD"])
    h = "GET / HTTP/1.1\r\nHost: aaa.com\r\n\r\n"
    add("req-trailing-crlf-success", "request", h + "\r\n\r\n\r\n", "error",
        [split_msg(h, "none")],
        "three CRLFs after a request: the profile skips at most one empty line before a "
        "request-line (RFC 9112 2.2 asks to ignore 'at least one'; the profile fixes it at one), "
        "so the second is an error",
        S("TestRequestHeaderTrailingCRLFSuccess"),
        differs="fasthttp skips any number of CRLFs and reports a clean end of stream;")
    add("req-trailing-crlf-error", "request", h + "\r\nerror\r\n\r\n", "error",
        [split_msg(h, "none")],
        "one CRLF skipped, then 'error' is not a request-line", S("TestRequestHeaderTrailingCRLFError"))
    add("req-read-eof-empty", "request", "", "ok", [],
        "empty stream: no message, no error", S("TestRequestHeaderReadEOF"))
    add("req-read-eof-partial", "request", "GET ", "error", [],
        "stream ends inside a request-line: incomplete", S("TestRequestHeaderReadEOF"))
    add("resp-read-eof-empty", "response", "", "ok", [],
        "empty stream: no message, no error", S("TestResponseHeaderReadEOF"))
    add("resp-read-eof-partial", "response", "HTTP/1.1 ", "error", [],
        "stream ends inside a status-line: incomplete", S("TestResponseHeaderReadEOF"))

    r1 = "HTTP/1.0 200 OK\r\nContent-Length: 5\r\nContent-Type: aaa\r\n\r\n12345"
    r2 = "HTTP/1.0 200 OK\r\nContent-Length: 2\r\nContent-Type: ass\r\nConnection: keep-alive\r\n\r\n42"
    add("resp-old-version", "response", r1 + r2, "ok",
        [split_msg(r1, "length", length=5), split_msg(r2, "length", length=2)],
        "two HTTP/1.0 responses, both Content-Length framed; the dump keeps decoding after a "
        "response that closes the connection", S("TestResponseHeaderOldVersion"))

    for i, s in enumerate([
            "POST / HTTP/1.1\r\nContent-Type: multipart/form-data; boundary=foobar\r\n\r\n",
            "POST / HTTP/1.1\r\nContent-Type: foo/bar\r\n\r\n",
            "POST / HTTP/1.1\r\nContent-Type: multipart/form-data; boundary=\r\n\r\n",
            "POST / HTTP/1.1\r\nContent-Type: multipart/form-data\r\n\r\n",
            "POST / HTTP/1.1\r\nContent-Type: multipart/form-data;   foo=bar;   boundary=--aaabb  \r\n\r\n",
            "POST / HTTP/1.1\r\nContent-Type: multipart/form-data; boundary=\"foobar\"\r\n\r\n"]):
        s = L(with_host(s))  # the test's helper inserts Host after the request-line
        add("multipart-boundary-%d" % (i + 1), "request", s, "ok", [split_msg(s, "none")],
            "POST with neither Content-Length nor Transfer-Encoding: body length 0 "
            "(RFC 9112 6.3 rule 7); trailing OWS of the value trimmed",
            S("TestRequestMultipartFormBoundary"))

    for i, s in enumerate([
            "HTTP/1.1 200 OK\r\nContent-Length: 10\r\nConnection: Upgrade, HTTP2-Settings\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Length: 10\r\nConnection: keep-alive, Upgrade\r\n\r\n",
            "HTTP/1.0 200 OK\r\nContent-Length: 10\r\nConnection: Upgrade, HTTP2-Settings\r\n\r\n",
            "HTTP/1.0 200 OK\r\nContent-Length: 10\r\nConnection: Upgrade, keep-alive\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n",
            "HTTP/1.1 200 OK\r\n\r\n"]):
        add("resp-connection-upgrade-%d" % (i + 1), "response", s, "ok", [split_msg(s, "none")],
            "a 200 with 'Connection: Upgrade' is not a protocol switch (only 101 is, RFC 9110 "
            "7.8). " + HEADONLY, S("TestResponseHeaderConnectionUpgrade"), methods=["HEAD"])
    for i, s in enumerate([
            "GET /foobar HTTP/1.1\r\nConnection: Upgrade, HTTP2-Settings\r\nHost: foobar.com\r\n\r\n",
            "GET /foobar HTTP/1.1\r\nConnection: keep-alive,Upgrade\r\nHost: foobar.com\r\n\r\n",
            "GET /foobar HTTP/1.0\r\nConnection: Upgrade, HTTP2-Settings\r\nHost: foobar.com\r\n\r\n",
            "GET /foobar HTTP/1.0\r\nConnection: foo, Upgrade, keep-alive\r\nHost: foobar.com\r\n\r\n",
            "GET /foobar HTTP/1.1\r\nConnection: Upgradess, foobar\r\nHost: foobar.com\r\n\r\n",
            "GET /foobar HTTP/1.1\r\nHost: foobar.com\r\n\r\n",
            "GET /foobar HTTP/1.1\r\nConnection: close\r\nHost: foobar.com\r\n\r\n"]):
        add("req-connection-upgrade-%d" % (i + 1), "request", s, "ok", [split_msg(s, "none")],
            "Connection tokens do not change framing; a request naming Upgrade in Connection "
            "(without an Upgrade field) is an ordinary message (profile, framing rule 1)",
            S("TestRequestHeaderConnectionUpgrade"))

    s = ("GET /foo HTTP/1.1\r\nFoo: bar\r\nHost: aaa.com\r\nCookie: foo=bar; bazzz=aaaaaaa; x=y\r\n"
         "Cookie: aqqqqq=123\r\n\r\n")
    add("proxy-with-cookie", "request", s, "ok", [split_msg(s, "none")],
        "two Cookie field lines are kept in order", S("TestRequestHeaderProxyWithCookie"))

    T = S("TestResponseHeaderHTTPVer")
    for slug, s, exp, d in [
            ("10", "HTTP/1.0 200 OK\r\nContent-Type: aaa\r\nContent-Length: 123\r\n\r\n", "ok", None),
            ("10-multi-sp", "HTTP/1.0   200 OK\r\nContent-Type: aaa\r\nContent-Length: 123\r\n\r\n", "error",
             "fasthttp accepts several SPs between version and status code;"),
            ("09", "HTTP/0.9 200 OK\r\nContent-Type: aaa\r\nContent-Length: 123\r\n\r\n", "error",
             "fasthttp accepts HTTP/0.9 in a status-line (and treats it as closing);"),
            ("11", "HTTP/1.1 200 OK\r\nContent-Type: aaa\r\nContent-Length: 123\r\n\r\n", "ok", None),
            ("11-multi-sp", "HTTP/1.1   200 OK\r\nContent-Type: aaa\r\nContent-Length: 123\r\n\r\n", "error",
             "fasthttp accepts several SPs between version and status code;")]:
        note = {"ok": "valid status-line. ",
                "error": ("status-line = HTTP-version SP status-code SP reason, single SPs; only "
                          "HTTP/1.0 and HTTP/1.1 are HTTP/1 versions (RFC 9112 2.3, 4; profile "
                          "'status-line'). ")}[exp] + HEADONLY
        add("resp-http-ver-" + slug, "response", s, exp,
            [split_msg(s, "none")] if exp == "ok" else [], note, T, methods=["HEAD"], differs=d)
    T = S("TestRequestHeaderHTTPVer")
    s = "GET / HTTP/1.0\r\nHost: aa.com\r\n\r\n"
    add("req-http-ver-10", "request", s, "ok", [split_msg(s, "none")], "HTTP/1.0 request", T)
    add("req-http-ver-09", "request", "GET / HTTP/0.9\r\nHost: aa.com\r\n\r\n", "error", [],
        "HTTP/0.9 in a request-line: only HTTP/1.0 and HTTP/1.1 are accepted (profile "
        "'request-line'; RFC 9112 2.3)", T,
        differs="fasthttp accepts HTTP/0.9 and treats it as a non-1.1 (closing) request;")
    s = "GET / HTTP/1.1\r\nHost: a.com\r\n\r\n"
    add("req-http-ver-11", "request", s, "ok", [split_msg(s, "none")], "HTTP/1.1 request", T)

    skip("API: header built/serialised by fasthttp's setters, no raw input", 14)
    s = ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Encoding: gzip\r\nContent-Length: 123\r\n"
         "Set-Cookie: aa=bb; path=/foo/bar\r\nSet-Cookie: ccc\r\nTrailer: Foo, Bar\r\n\r\n")
    add("resp-visit-all", "response", s, "ok", [split_msg(s, "none")],
        "two Set-Cookie lines kept in order; Trailer field in the head is plain data. " + HEADONLY,
        S("TestResponseHeaderVisitAll"), methods=["HEAD"])
    s = "GET / HTTP/1.1\r\nHost: aa.com\r\nXX: YYY\r\nXX: ZZ\r\nCookie: a=b; c=d\r\nTrailer: Foo, Bar\r\n\r\n"
    add("req-visit-all", "request", s, "ok", [split_msg(s, "none")],
        "repeated field lines kept in order", S("TestRequestHeaderVisitAll"))
    s = "GET / HTTP/1.1\r\nContent-Type: aa\r\nCookie: a=b\r\nHost: example.com\r\nUser-Agent: xxx\r\n\r\n"
    add("req-visit-all-in-order", "request", s, "ok", [split_msg(s, "none")],
        "field order kept", S("TestRequestHeaderVisitAllInOrder"))

    skip("API: header built/serialised by fasthttp's setters, no raw input", 11)
    # ReadTrailer on a trailer section alone: wrapped in a chunked message whose
    # last chunk the trailer section follows (the wrapper is mine, the trailer
    # bytes are fasthttp's).
    RQ = "POST / HTTP/1.1\r\nHost: example.com\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n"
    RS = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n"
    T = S("TestTrailerParsingSecurityFix")
    for i, tr in enumerate(["Content-Type: text/malicious\r\n\r\n", "X-Forwarded-For: attacker.com\r\n\r\n",
                            "X-Real-IP: 1.1.1.1\r\n\r\n", "Cookie: evil\r\n\r\n",
                            "Location: http://evil.com\r\n\r\n"]):
        n, v = tr[:-4].split(": ", 1)
        for role, pre in (("req", RQ), ("resp", RS)):
            add("trailer-dangerous-%s-%d" % (role, i), "request" if role == "req" else "response",
                pre + tr, "ok",
                [msg(pre[:pre.index("\r\n\r\n")], "chunked", trailers=[(n, v)])],
                "a trailer field that neither frames nor routes the message is delivered as a "
                "trailer (profile 'Chunked bodies': only Content-Length, Transfer-Encoding and Host "
                "are errors; RFC 9110 6.5.2: a recipient must not merge it into the header "
                "section, which the dump does not do). The test's ReadTrailer input is wrapped "
                "here in a chunked message ending with a last chunk",
                T, differs="fasthttp rejects %s as a 'forbidden trailer';" % n)
    for i, tr in enumerate(["Foo: bar\r\n\r\n", "X-Custom-Header: value\r\n\r\n", "Debug-Info: test\r\n\r\n"]):
        n, v = tr[:-4].split(": ", 1)
        for role, pre in (("req", RQ), ("resp", RS)):
            add("trailer-safe-%s-%d" % (role, i), "request" if role == "req" else "response",
                pre + tr, "ok", [msg(pre[:pre.index("\r\n\r\n")], "chunked", trailers=[(n, v)])],
                "an ordinary trailer field after the last chunk. The test's ReadTrailer input is "
                "wrapped here in a chunked message ending with a last chunk", T)

    skip("API: header built/serialised by fasthttp's setters, no raw input", 3)

    def getHeaders(n):
        return "".join("Header_%d: Value_%d\r\n" % (i, i) for i in range(n))

    s = "GET / HTTP/1.1\r\nHost: aaa.com\r\n" + getHeaders(10500) + "\r\n"
    add("req-header-too-big", "request", s, "error", [],
        "10500 field lines (%d bytes of head): beyond the profile's default limits (100 field "
        "lines, 64 KiB head)" % len(s), S("TestRequestHeaderTooBig"))
    s = "HTTP/1.1 200 OK\r\nContent-Type: sss\r\nContent-Length: 0\r\n" + getHeaders(10500) + "\r\n"
    add("resp-header-too-big", "response", s, "error", [],
        "10500 field lines: beyond the profile's default limits (100 field lines, 64 KiB head). "
        "Scaled down: fasthttp's test has 100500 field lines (about 2.6 MB); the outcome is the same",
        S("TestResponseHeaderTooBig"))
    s = "GET / HTTP/1.1\r\nHost: foobar.com\r\n" + getHeaders(10) + "\r\naaaa"
    add("req-bufio-peek", "request", head_only(s), "ok", [split_msg(head_only(s), "none")],
        "ten ordinary fields (names with '_', a tchar). " + HEADCUT, S("TestRequestHeaderBufioPeek"))
    s = ("HTTP/1.1 200 OK\r\nContent-Length: 10\r\nContent-Type: text/plain\r\nContent-Encoding: gzip\r\n"
         + getHeaders(10) + "\r\n0123456789")
    add("resp-bufio-peek", "response", s, "ok", [split_msg(s, "length", length=10)],
        "Content-Length body of 10 bytes after ten ordinary fields", S("TestResponseHeaderBufioPeek"))

    # ---- TestResponseHeaderReadSuccess
    T = S("TestResponseHeaderReadSuccess")
    for slug, s in [
            ("straight", "HTTP/1.1 200 OK\r\nContent-Length: 123\r\nContent-Type: text/html\r\n\r\n"),
            ("reverse", "HTTP/1.1 202 OK\r\nContent-Type: text/plain; encoding=utf-8\r\nContent-Length: 543\r\nConnection: close\r\n\r\n"),
            ("te-chunked", "HTTP/1.1 505 Internal error\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"),
            ("te-chunked-reverse", "HTTP/1.1 343 foobar\r\nTransfer-Encoding: chunked\r\nContent-Type: text/json\r\n\r\n"),
            ("dup-content-type", "HTTP/1.1 200 OK\r\nContent-Length: 234\r\nContent-Type: foo/bar\r\nContent-Type: baz/bar\r\n\r\n"),
            ("te-overrides-cl", "HTTP/1.1 300 OK\r\nContent-Type: foo/barr\r\nTransfer-Encoding: chunked\r\nContent-Length: 354\r\n\r\n"),
            ("no-content-type", "HTTP/1.1 400 OK\r\nContent-Length: 123\r\n\r\nfoiaaa"),
            ("http10", "HTTP/1.0 203 OK\r\nContent-Length: 123\r\nContent-Type: foobar\r\n\r\naaa")]:
        h = head_only(s)
        add("resp-read-" + slug, "response", h, "ok", [split_msg(h, "none")],
            "valid response head. " + HEADONLY + ("; the bytes after the head, which the test "
            "leaves unread, are dropped" if h != b(s) else ""), T, methods=["HEAD"])
    s = "HTTP/1.1 100 Continue\r\nFoobar: baz\r\nContent-Type: aaa/bbb\r\nUser-Agent: x\r\nContent-Length: 123\r\nZZZ: werer\r\n\r\n"
    add("resp-read-100-continue", "response", s, "ok", [split_msg(s, "none")],
        "a 1xx response has no body whatever its Content-Length (RFC 9112 6.3 rule 1); it is a "
        "message of its own", T)
    add("resp-read-http09", "response", "HTTP/0.9 300 OK\r\nContent-Length: 123\r\nContent-Type: text/html\r\n\r\nqqqq",
        "error", [], "HTTP/0.9 is not an HTTP/1 version (RFC 9112 2.3; profile)", T,
        differs="fasthttp accepts HTTP/0.9 in a status-line;")
    add("resp-read-bare-lf", "response", "HTTP/1.1 200 OK\nContent-Length:34\nContent-Type: sss\r\n\r\naaaa",
        "error", [], "bare LF line ends are an error (profile 'Lines end in CRLF'; RFC 9112 2.2 "
        "lets a recipient accept them, the profile does not)", T,
        differs="fasthttp accepts bare LF as a line end;")
    s = "HTTP/1.1 200 OK\r\nContent-Length: 34\r\nContent-Type: sss\r\n vvv\r\n\r\naaaa"
    add("resp-read-obs-fold", "response", head_only(s), "ok",
        [msg("HTTP/1.1 200 OK", "none", headers=[("Content-Length", "34"), ("Content-Type", "sss vvv")])],
        "obs-fold in a response reads as one SP (RFC 9112 5.2; profile). " + HEADONLY +
        "; the bytes after the head are dropped", T, methods=["HEAD"])
    add("resp-read-bare-lf-2", "response", "HTTP/1.1 400 OK\nconTEnt-leNGTH: 123\nConTENT-TYPE: ass\r\n\r\n",
        "error", [], "bare LF line ends are an error (profile 'Lines end in CRLF')", T,
        differs="fasthttp accepts bare LF as a line end;")
    add("resp-read-dup-cl-differ", "response",
        "HTTP/1.1 200 OK\r\nContent-Length: 456\r\nContent-Type: foo/bar\r\nContent-Length: 321\r\n\r\n",
        "error", [], "two different Content-Length values: error (RFC 9112 6.3 rule 5; profile "
        "framing rule 3); kept as a response to GET so the framing headers decide",
        T, differs="fasthttp takes the last Content-Length (321);")
    add("resp-read-dup-te-chunked", "response",
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n",
        "error", [], "Transfer-Encoding 'chunked, chunked' (two field lines form one list, RFC 9110 "
        "5.3): chunked applied twice is an error (RFC 9112 6.1; profile framing rule 2)", T,
        differs="fasthttp accepts a repeated 'Transfer-Encoding: chunked';")
    add("resp-read-no-reason", "response", "HTTP/1.1 456\r\nContent-Type: xxx/yyy\r\nContent-Length: 134\r\n\r\naaaxxx",
        "error", [], "status-line without the SP after the status code (RFC 9112 4; profile)", T,
        differs="fasthttp accepts a status-line without the SP after the code;")
    add("resp-read-blank-line-first", "response",
        "\r\nHTTP/1.1 200 OK\r\nContent-Type: aa\r\nContent-Length: 0\r\n\r\nsss", "error", [],
        "an empty line before a status-line is an error (profile: 'No empty line is skipped "
        "before a status-line')", T, differs="fasthttp skips the empty line;")
    add("resp-read-101", "response", "HTTP/1.1 101 OK\r\n\r\n", "ok",
        [msg("HTTP/1.1 101 OK", "upgrade")], "101 switches protocols: framing upgrade", T)
    for code in ("204", "304"):
        s = "HTTP/1.1 %s OK\r\n\r\n" % code
        add("resp-read-" + code, "response", s, "ok", [split_msg(s, "none")],
            "%s has no body (RFC 9112 6.3 rule 1)" % code, T)
    s = "HTTP/1.1 200 OK\r\nContent-Type: foo/bar\r\n\r\nabcdefg"
    add("resp-read-close-delimited", "response", s, "ok", [split_msg(s, "close")],
        "no framing header: the body runs to end of stream (RFC 9112 6.3 rule 8)", T)
    s = "HTTP/1.1 200 OK\r\n\r\naaaabbb"
    add("resp-read-no-headers", "response", s, "ok", [split_msg(s, "close")],
        "no field at all: close-delimited body", T)
    s = "HTTP/1.0 403 aa\r\nContent-Length: 0\r\nContent-Type: 2\r\nConnection: Keep-Alive\r\n\r\nww"
    add("resp-read-http10-keep-alive", "response", head_only(s), "ok", [split_msg(head_only(s), "length", length=0)],
        "HTTP/1.0 response with Content-Length 0; the bytes after the head, which the test "
        "leaves unread, are dropped", T)

    # ---- TestRequestHeaderReadSuccess
    T = S("TestRequestHeaderReadSuccess")
    for slug, s in [
            ("simple", "GET /foo/bar HTTP/1.1\r\nHost: google.com\r\n\r\n"),
            ("connection-close", "GET /a/bar HTTP/1.1\r\nHost: gole.com\r\nconneCTION: close\r\n\r\nfoobar"),
            ("http10", "GET /bar HTTP/1.0\r\nHost: gole\r\n\r\npppp"),
            ("http10-no-host", "GET /bar HTTP/1.0\r\n\r\npppp"),
            ("http10-keep-alive", "GET /aa HTTP/1.0\r\nHost: bb\r\nConnection: keep-alive\r\n\r\nxxx"),
            ("complex", "GET /aabar HTTP/1.1\r\nAAA: bbb\r\nHost: ole.com\r\nAA: bb\r\n\r\nzzz"),
            ("no-space-after-colon", "GET /a HTTP/1.1\r\nHost:aaaxd\r\n\r\nsdfds"),
            ("host-case", "GET /aaa HTTP/1.1\r\nhoST: bbb.com\r\n\r\naas"),
            ("referer", "GET /asdf HTTP/1.1\r\nHost: aaa.com\r\nReferer: bb.com\r\n\r\naaa")]:
        h = head_only(s)
        add("req-read-" + slug, "request", h, "ok", [split_msg(h, "none")],
            "valid request head, no body" + ("; " + HEADCUT if h != b(s) else ""), T)
    add("req-read-post-cl-short", "request",
        "POST /aaa?bbb HTTP/1.1\r\nHost: foobar.com\r\nContent-Length: 1235\r\nContent-Type: aaa\r\n\r\nabcdef",
        "error", [], "valid head, but the stream ends after 6 of the 1235 body bytes: incomplete "
        "(fasthttp's test reads only the head)", T)
    add("req-read-bare-lf", "request", "GET /xxx HTTP/1.1\r\nHost: aaa.com\nContent-Length: 0\r\n\r\n",
        "error", [], "bare LF ends the Host line: error (profile 'Lines end in CRLF')", T,
        differs="fasthttp accepts bare LF as a line end;")
    add("req-read-get-cl-123", "request", "GET /xxx HTTP/1.1\r\nHost: aaa.com\r\nContent-Length: 123\r\n\r\n",
        "error", [], "GET with Content-Length 123 and no body bytes: incomplete at end of stream "
        "(fasthttp's test reads only the head)", T)

    incomplete = ("valid head, but the stream ends before the %d body bytes its Content-Length "
                  "announces: incomplete (fasthttp's test reads only the head)")
    for slug, s, n in [
            ("post-dup-content-type", "POST /a HTTP/1.1\r\nHost: aa\r\nContent-Type: ab\r\nContent-Length: 123\r\nContent-Type: xx\r\n\r\n", 123),
            ("head-request-cl", "HEAD / HTTP/1.1\r\nHost: aaa.com\r\nContent-Length: 123\r\n\r\n", 123),
            ("get-content-type-cl", "GET /aa HTTP/1.1\r\nHost: aa.com\r\nContent-Type: abd/test\r\nContent-Length: 123\r\n\r\n", 123),
            ("post-no-content-type", "POST /abc HTTP/1.1\r\nHost: aa.com\r\nContent-Length: 123\r\n\r\npoiuy", 123),
            ("put", "PUT /faa HTTP/1.1\r\nHost: aaa.com\r\nContent-Length: 123\r\nContent-Type: aaa\r\n\r\nxwwere", 123)]:
        add("req-read-" + slug, "request", s, "error", [],
            incomplete % n + ("; a HEAD request's Content-Length frames its body like any other "
                              "request's (RFC 9112 6.3 rule 6)" if slug.startswith("head") else ""), T)
    for slug, s in [
            ("get-content-type", "GET /aaa HTTP/1.1\r\nHost: bbb.com\r\nContent-Type: aaab\r\n\r\n"),
            ("post-no-cl", "POST /aaa HTTP/1.1\r\nHost: aaa.com\r\n\r\nzxc"),
            ("post-no-cl-content-type", "POST /abc HTTP/1.1\r\nHost: aa.com\r\nContent-Type: adv\r\n\r\n123456")]:
        h = head_only(s)
        add("req-read-" + slug, "request", h, "ok", [split_msg(h, "none")],
            "no Content-Length nor Transfer-Encoding: request body length 0 (RFC 9112 6.3 rule 7)"
            + ("; " + HEADCUT if h != b(s) else ""), T)
    s = "GET http://gooGle.com/foO/%20bar?xxx#aaa HTTP/1.1\r\nHost: aa.cOM\r\n\r\ntrail"
    h = head_only(s)
    add("req-read-absolute-form-fragment", "request", h, "either", [split_msg(h, "none")],
        "absolute-form target with a '#aaa' fragment: absolute-URI has no fragment (RFC 9112 3.2.2), "
        "so a server may answer 400 (RFC 9112 3), while the profile's target rule bans only "
        "whitespace, control and DEL bytes: either. Host differs from the target's authority, "
        "which is not an error (RFC 9112 3.2.2: the target's authority wins). " + HEADCUT, T)
    add("req-read-blank-lines-first", "request", "\r\n\n\r\nGET /aaa HTTP/1.1\r\nHost: aaa.com\r\n\r\nsss",
        "error", [], "three empty lines (one a bare LF) before the request-line: the profile skips "
        "at most one CRLF (RFC 9112 2.2) and rejects bare LF", T,
        differs="fasthttp skips any number of CRLF/LF before the request-line;")

    T = S("TestRequestHeaderReadSuccess (testRequestHeaderReadError)")
    add("req-read-target-spaces", "request", "GET /foo/ bar baz HTTP/1.1\r\nHost: aa.com\r\n\r\nxxx",
        "error", [], "spaces inside the request-target: not a request-line (RFC 9112 3)", T)
    s = "GET /foo/bar HTTP/1.1\r\nFOObar: assdfd\r\n\r\naaa"
    add("req-read-no-host", "request", s, "error", [], NOHOST, T)
    host_variant("req-read-no-host", head_only(s), "example.com", "ok",
                 [split_msg(with_host(head_only(s)), "none")],
                 "Host added; " + HEADCUT, T)
    s = "GET /foo/bar HTTP/1.1\r\n\r\nfoobar"
    add("req-read-no-host-no-headers", "request", s, "error", [], NOHOST, T)
    host_variant("req-read-no-host-no-headers", head_only(s), "example.com", "ok",
                 [split_msg(with_host(head_only(s)), "none")], "Host added; " + HEADCUT, T)

    # ---- TestResponseHeaderReadError / ...SecureLog (same inputs: merged)
    for T in (S("TestResponseHeaderReadError"), S("TestResponseHeaderReadErrorSecureLog")):
        sec = "SecureLog" in T
        add("resp-read-eof-empty", "response", "", "ok", [], "empty stream: no message, no error "
            "(fasthttp returns io.EOF, its clean-close signal)", T) if not sec else None
        for slug, s, why in [
                ("fo", "fo", "stream ends inside something that is not a status-line"),
                ("foobarbaz", "foobarbaz", "not a status-line, and no line end"),
                ("version-only", "HTTP/1.1", "stream ends inside the status-line"),
                ("version-sp", "HTTP/1.1 ", "stream ends inside the status-line"),
                ("version-sp-s", "HTTP/1.1 s", "status code not 3DIGIT"),
                ("status-alpha", "HTTP/1.1 foobar OK\r\nContent-Length: 123\r\nContent-Type: text/html\r\n\r\n", "status code not 3DIGIT (RFC 9112 4)"),
                ("status-digits-alpha", "HTTP/1.1 123foobar OK\r\nContent-Length: 123\r\nContent-Type: text/html\r\n\r\n", "status code not 3DIGIT (RFC 9112 4)"),
                ("status-alpha-digits", "HTTP/1.1 foobar344 OK\r\nContent-Length: 123\r\nContent-Type: text/html\r\n\r\n", "status code not 3DIGIT (RFC 9112 4)"),
                ("no-headers-end", "HTTP/1.1 200 OK\r\n", "stream ends inside the head (no empty line)"),
                ("no-trailing-crlf", "HTTP/1.1 200 OK\r\nContent-Length: 123\r\nContent-Type: text/html\r\n", "stream ends inside the head (no empty line)")]:
            if slug == "version-sp":
                add("resp-read-eof-partial", "response", s, "error", [], "stream ends inside a status-line: incomplete", T)
                continue
            add("resp-read-err-" + slug, "response", s, "error", [], why, T)
        if sec:
            continue
        for slug, s in [("faaa", "HTTP/1.1 200 OK\r\nContent-Length: faaa\r\nContent-Type: text/html\r\n\r\nfoobar"),
                        ("123aa", "HTTP/1.1 201 OK\r\nContent-Length: 123aa\r\nContent-Type: text/ht\r\n\r\naaa"),
                        ("aa124", "HTTP/1.1 200 OK\r\nContent-Length: aa124\r\nContent-Type: html\r\n\r\nxx")]:
            add("resp-read-err-cl-" + slug, "response", s, "error", [],
                "Content-Length not 1*DIGIT: invalid framing, error (RFC 9112 6.3 rule 5; profile rule 3)", T)
        add("resp-read-err-cl-minus-one-trailer", "response",
            "HTTP/1.1 200 OK\r\nContent-Length: -1\r\nTrailer: Foo, Content-Length\r\n\r\n", "error", [],
            "Content-Length '-1' is not 1*DIGIT: error (profile rule 3: no sign); a Trailer field "
            "naming Content-Length is not itself a framing error", T)
        add("resp-read-err-request-line", "response", "GET /foo/bar\r\nHost: google.com\r\n\r\nisdD", "error", [],
            "a request-line where a status-line is expected", T)
        add("resp-read-err-empty-name", "response", "HTTP/1.1 200 OK\r\n: zero-key\r\n\r\n", "error", [],
            "empty field name: not a token (RFC 9110 5.1)", T)
        add("resp-read-err-space-before-first-field", "response", "HTTP/1.1 200 OK\r\n foo: bar\r\n\r\n", "either",
            [msg("HTTP/1.1 200 OK", "close")],
            "whitespace between the status-line and the first field line: RFC 9112 2.2 says a "
            "recipient MUST either reject the message or consume each whitespace-preceded line "
            "without further processing (so the ignoring reading has no field and a close-delimited, "
            "empty body); it is no obs-fold (no field line precedes it)", T)

    for T in (S("TestRequestHeaderReadError"), S("TestRequestHeaderReadSecuredError")):
        sec = "Secured" in T
        if not sec:
            add("req-read-eof-empty", "request", "", "ok", [], "empty stream: no message, no error", T)
        add("req-read-err-fo", "request", "fo", "error", [], "stream ends inside a request-line", T)
        add("req-read-eof-partial", "request", "GET ", "error", [], "stream ends inside a request-line: incomplete", T)
        add("req-read-err-lone-cr", "request", "GET / HTTP/1.1\r", "error", [],
            "stream ends after a CR (incomplete, and a CR must be followed by LF)", T)
        add("req-read-err-missing-target", "request", "GET  HTTP/1.1\r\nHost: google.com\r\n\r\n", "error", [],
            "two SPs and no request-target (RFC 9112 3)", T)
        add("req-read-err-cl-dff", "request",
            "POST /a HTTP/1.1\r\nHost: bb\r\nContent-Type: aa\r\nContent-Length: dff\r\n\r\nqwerty", "error", [],
            "Content-Length not 1*DIGIT: error (RFC 9112 6.3 rule 5)", T)
        if sec:
            continue
        add("req-read-err-cl-minus-one-trailer", "request",
            "POST /a HTTP/1.1\r\nContent-Length: -1\r\nTrailer: Foo, Content-Length\r\n\r\n", "error", [],
            "Content-Length '-1' is invalid (and there is no Host)", T)
        add("req-read-err-dup-cl", "request",
            "POST /xx HTTP/1.1\r\nHost: aa\r\nContent-Type: s\r\nContent-Length: 13\r\nContent-Length: 1\r\n\r\n",
            "error", [], "two different Content-Length values: error (RFC 9112 6.3 rule 5)", T)
        add("req-read-err-empty-name", "request", "GET /foo/bar HTTP/1.1\r\n: zero-key\r\n\r\n", "error", [],
            "empty field name (and no Host)", T)
        add("req-read-err-method-paren", "request", "G(ET /foo/bar HTTP/1.1\r\n: zero-key\r\n\r\n", "error", [],
            "'(' is not a tchar: the method is not a token (RFC 9110 9.1)", T)
        add("req-read-err-method-paren-fold", "request", "G(ET /foo/bar HTTP/1.1\r\n foo: bar\r\n\r\n", "error", [],
            "method not a token, then a line starting with SP", T)
        for i, s in enumerate([
                "GET /foo/bar HTTP/1.1\r\nHost: aaa.com\r\nFoo : bar\r\n\r\n",
                "GET /foo/bar HTTP/1.1\r\nHost : aaa.com\r\n\r\n",
                "POST /foo/bar HTTP/1.1\r\nHost: aaa.com\r\nContent-Length : 4\r\n\r\ntest",
                "POST /foo/bar HTTP/1.1\r\nHost: aaa.com\r\nTransfer-Encoding : chunked\r\n\r\n4\r\ntest\r\n0\r\n\r\n"]):
            add("req-read-err-space-before-colon-%d" % (i + 1), "request", s, "error", [],
                "whitespace between field name and colon: MUST be rejected with 400 (RFC 9112 5.1)", T)
        add("req-read-err-dup-host", "request",
            "GET /foo/bar HTTP/1.1\r\nHost: aaa.com\r\nhost: bbb.com\r\n\r\n", "error", [],
            "two Host field lines: 400 (RFC 9112 3.2; profile 'Host')", T)
        s = "GET /foo/bar HTTP/1.1\r\n\r\n"
        add("req-read-err-missing-host", "request", s, "error", [], NOHOST, T)
        host_variant("req-read-err-missing-host", s, "example.com", "ok", [split_msg(with_host(s), "none")],
                     "Host added: a plain GET", T)
    skip("API: header built/serialised by fasthttp's setters, no raw input", 2)
    skip("header_test.go after offset 112000 not read (about 5 KB of API tests: Keys, PeekAll ...)", 1)
EXTRA = []

# ============================================================== http_test.go ==

def http_p1():
    S = lambda t: src(F_HTTP, t)
    T = S("TestInvalidTrailers")
    add("invalid-trailers-resp-1", "response",
        bytes([0x20, 0x30, 0x0a, 0x54, 0x72, 0x61, 0x6e, 0x73, 0x66, 0x65, 0x72, 0x2d, 0x45, 0x6e, 0x63, 0x6f, 0x64,
               0x69, 0x6e, 0x67, 0x3a, 0xff, 0x0a, 0x0a, 0x30, 0x0d, 0x0a, 0x30]), "error", [],
        "fuzz input: starts with SP, bare LFs: not a status-line", T)
    add("invalid-trailers-resp-2", "response",
        bytes([0xff, 0x20, 0x0a, 0x54, 0x52, 0x61, 0x49, 0x4c, 0x65, 0x52, 0x3a, 0x2c, 0x0a, 0x0a]), "error", [],
        "fuzz input: 0xFF where a status-line is expected, bare LFs", T)
    add("invalid-trailers-resp-3", "response",
        bytes([0x54, 0x52, 0x61, 0x49, 0x4c, 0x65, 0x52, 0x3a, 0x2c, 0x0a, 0x0a]), "error", [],
        "fuzz input: a field line where a status-line is expected", T)
    add("invalid-trailers-req-1", "request",
        bytes([0xff, 0x20, 0x0a, 0x54, 0x52, 0x61, 0x49, 0x4c, 0x65, 0x52, 0x3a, 0x2c, 0x0a, 0x0a]), "error", [],
        "fuzz input: 0xFF is not a method token, bare LFs", T)
    add("invalid-trailers-req-2", "request",
        base64.b64decode("tCAKIDoKCToKICAKCToKICAKCToKIAogOgoJOgogIAoJOgovIC8vOi4KOh0KVFJhSUxlUjo9HT09HQpUUmFJTGVSOicQAApUUmFJTGVSOj0gHSAKCT09HQoKOgoKCgo="),
        "error", [], "fuzz input: not a request-line, bare LFs, control bytes", T)
    s = "HTTP/1.1 200 OK\r\nContent-Type: aaa\r\nTransfer-Encoding: \r\nContent-Length: 9\r\n\r\nSome body"
    add("resp-empty-transfer-encoding", "response", s, "either", [split_msg(s, "close")],
        "an empty Transfer-Encoding in a response: the field is present with an empty list "
        "(RFC 9112 6.1 '#transfer-coding' allows it), chunked is not final, so the body runs to "
        "close (RFC 9112 6.3 rule 4; profile: TE overrides CL in a response); rejecting the empty "
        "value is also defensible, hence either (same reading as smuggling-res-te-empty-cl). "
        "fasthttp ignores the empty field and frames by Content-Length 9 (same body bytes here, "
        "framing 'length')", S("TestResponseEmptyTransferEncoding"),
        differs="fasthttp ignores the empty Transfer-Encoding and uses Content-Length;")
    s = ("POST / HTTP/1.1\r\nHost: test.com\r\nContent-Type: application/x-www-form-urlencoded; charset=UTF-8\r\n"
         "Content-Length: 10\r\n\r\n0123=56789")
    add("request-copy-to", "request", s, "ok", [split_msg(s, "length", length=10)],
        "Content-Length body", S("TestRequestCopyTo"))
    s = ("POST / HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded; charset=UTF-8\r\n"
         "Content-Length: 10\r\n\r\n0123=56789")
    T = S("TestRequestContentTypeWithCharsetIssue100")
    add("content-type-charset-issue100", "request", s, "error", [], NOHOST, T,
        differs="this (stored, older) fasthttp test expects Request.Read to accept the HTTP/1.1 request without Host (newer fasthttp rejects a missing Host, see header_test.go);")
    host_variant("content-type-charset-issue100", s, "example.com", "ok",
                 [split_msg(with_host(s), "length", length=10)], "Content-Length body", T)
    skip("API: message built/serialised by fasthttp (Write/SetBodyStream/...), no raw input", 16)


EXTRA.append(http_p1)

def http_p2():
    S = lambda t: src(F_HTTP, t)
    s = ("POST /upload HTTP/1.1\nHost: localhost:10000\nContent-Length: 521\n"
         "Content-Type: multipart/form-data; boundary=----WebKitFormBoundaryJwfATyF8tmxSJnLg\n\n"
         "------WebKitFormBoundaryJwfATyF8tmxSJnLg\nContent-Disposition: form-data; name=\"f1\"\n\nvalue1\n"
         "------WebKitFormBoundaryJwfATyF8tmxSJnLg\nContent-Disposition: form-data; name=\"fileaaa\"; filename=\"TODO\"\n"
         "Content-Type: application/octet-stream\n\n"
         "- SessionClient with referer and cookies support.\n- Client with requests' pipelining support.\n"
         "- ProxyHandler similar to FSHandler.\n- WebSockets. See https://tools.ietf.org/html/rfc6455 .\n"
         "- HTTP/2.0. See https://tools.ietf.org/html/rfc7540 .\n\n"
         "------WebKitFormBoundaryJwfATyF8tmxSJnLg--\ntailfoobar")
    add("multipart-form-with-file-bare-lf", "request", s, "error", [],
        "the test's raw Go string has bare LF line ends in the head: error (profile 'Lines end in "
        "CRLF'; RFC 9112 2.2 allows a recipient to accept them, the profile does not)",
        S("TestRequestReadMultipartFormWithFile"), differs="fasthttp accepts bare LF line ends;")
    body = ("--foobar\r\nContent-Disposition: form-data; name=\"key_0\"\r\n\r\nvalue_0\r\n--foobar--\r\n")
    s = ("POST / HTTP/1.1\r\nHost: aaa\r\nContent-Type: multipart/form-data; boundary=foobar\r\n"
         "Content-Length: %d\r\n\r\n%s" % (len(body), body))
    add("body-write-to-multipart", "request", s, "ok", [split_msg(s, "length", length=len(body))],
        "Content-Length body holding CRLFs", S("TestRequestBodyWriteToMultipart"))
    T = S("TestRequestReadEOF")
    add("req-read-eof-empty", "request", "", "ok", [], "empty stream: no message, no error", T)
    add("req-read-eof-incomplete-body", "request",
        "POST / HTTP/1.1\r\nContent-Type: aa\r\nContent-Length: 1234\r\n\r\nIncomplete body", "error", [],
        "no Host, and the stream ends inside the body (15 of 1234 bytes): error", T)
    T = S("TestResponseReadEOF")
    add("resp-read-eof-empty", "response", "", "ok", [], "empty stream: no message, no error", T)
    add("resp-read-eof-incomplete-body", "response",
        "HTTP/1.1 200 OK\r\nContent-Type: aaa\r\nContent-Length: 123\r\n\r\nIncomplete body", "error", [],
        "the stream ends inside the Content-Length body (15 of 123 bytes): incomplete", T)
    for t in ("TestRequestReadNoBody", "TestRequestReadNoBodyStreaming"):
        s = "GET / HTTP/1.1\r\n\r\n"
        add("read-no-body", "request", s, "error", [], NOHOST, S(t),
            differs="this stored fasthttp test expects Request.Read to accept it (newer fasthttp rejects a missing Host);")
    s = "GET / HTTP/1.1\r\n\r\n"
    host_variant("read-no-body", s, "example.com", "ok", [split_msg(with_host(s), "none")],
                 "a plain GET", S("TestRequestReadNoBody"))

    import gzip as _gz
    gz = _gz.compress(b"foo bar baz compress me better!", mtime=0)
    s = (b"POST /foobar HTTP/1.1\r\nContent-Type: foo/bar\r\nContent-Encoding: gzip\r\nContent-Length: "
         + str(len(gz)).encode() + b"\r\n\r\n" + gz)
    T = S("TestRequestReadGzippedBody")
    add("read-gzipped-body", "request", s, "error", [], NOHOST + " The gzip body is made here with "
        "Python's gzip (fasthttp's test makes it with its own AppendGzipBytes; the bytes may differ, "
        "the framing is the same)", T)
    host_variant("read-gzipped-body", s, "example.com", "ok",
                 [split_msg(with_host(s), "length", length=len(gz))],
                 "Content-Encoding is not a transfer coding: the body is framed by Content-Length and "
                 "delivered as sent (compressed). The gzip body is made here with Python's gzip", T)
    s = "POST /foo/bar HTTP/1.1\r\nContent-Type: aaa/bbb\r\n\r\naaaa"
    T = S("TestRequestReadPostNoBody")
    add("read-post-no-body", "request", s, "error", [], NOHOST, T)
    host_variant("read-post-no-body", s, "example.com", "error",
                 [split_msg(with_host(s)[:-4], "none")],
                 "POST without Content-Length/Transfer-Encoding has an empty body (RFC 9112 6.3 rule 7); "
                 "'aaaa' then starts the next request, and the stream ends inside it: error after one "
                 "message (fasthttp's test checks that 'aaaa' is left unread)", T)
    s = ("PUT /foo/bar HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 5\r\nContent-Type: foo/bar\r\n\r\n"
         "abcdef4343")
    T = S("TestRequestContinueReadBody")
    add("continue-read-body", "request", s, "error", [], NOHOST, T)
    h = with_host(s)
    host_variant("continue-read-body", s, "example.com", "error",
                 [split_msg(h[:h.index(b"\r\n\r\n") + 4] + b"abcde", "length", length=5)],
                 "Expect: 100-continue does not change framing: 5 body bytes 'abcde'; 'f4343' then starts "
                 "the next request and the stream ends inside it: error after one message", T)
    body = ("--foobar\r\nContent-Disposition: form-data; name=\"key_0\"\r\n\r\nvalue_0\r\n"
            "--foobar\r\nContent-Disposition: form-data; name=\"key_1\"\r\n\r\nvalue_1\r\n"
            "--foobar\r\nContent-Disposition: form-data; name=\"key_2\"\r\n\r\nvalue_2\r\n--foobar--\r\n")
    assert len(body) == 213
    s = ("POST / HTTP/1.1\r\nHost: aaa\r\nContent-Type: multipart/form-data; boundary=foobar\r\n"
         "Content-Length: 213\r\n\r\n" + body)
    add("multipart-form-literal", "request", s, "ok", [split_msg(s, "length", length=213)],
        "Content-Length body of 213 bytes", S("TestRequestMultipartForm"))
    skip("body generated by Go's mime/multipart writer (random boundary), bytes not in the test", 2)

    T = S("TestResponseReadLimitBody")
    s = "HTTP/1.1 200 OK\r\nContent-Type: aa\r\nContent-Length: 10\r\n\r\n9876543210"
    add("resp-limit-body-cl", "response", s, "ok", [split_msg(s, "length", length=10)], "Content-Length body", T)
    RH = "HTTP/1.1 200 OK\r\nContent-Type: aa\r\nTransfer-Encoding: chunked"
    add("resp-limit-body-chunked", "response", RH + "\r\n\r\n6\r\nfoobar\r\n3\r\nbaz\r\n0\r\n\r\n", "ok",
        [msg(RH, "chunked", body="foobarbaz")], "two chunks and the last chunk", T)
    add("resp-limit-body-chunked-trailer", "response", RH + "\r\n\r\n6\r\nfoobar\r\n3\r\nbaz\r\n0\r\nFoo: bar\r\n\r\n",
        "ok", [msg(RH, "chunked", body="foobarbaz", trailers=[("Foo", "bar")])], "a trailer field", T)
    add("resp-limit-body-chunked-bad-trailer", "response",
        RH + "\r\n\r\n6\r\nfoobar\r\n3\r\nbaz\r\n0\r\nfoobar\r\n\r\n", "error", [],
        "'foobar' after the last chunk is not a field line (no colon): the trailer section has the "
        "field-line syntax (RFC 9112 7.1.2, 5): error", T,
        differs="fasthttp accepts (ignores) a trailer line without a colon;")
    s = "HTTP/1.1 400 OK\r\nContent-Type: aa\r\n\r\n123456"
    add("resp-limit-body-identity", "response", s, "ok", [split_msg(s, "close")],
        "no framing header: body read to end of stream", T)
    T = S("TestRequestReadLimitBody")
    s = "POST /foo HTTP/1.1\r\nHost: aaa.com\r\nContent-Length: 9\r\nContent-Type: aaa\r\n\r\n123456789"
    add("req-limit-body-cl", "request", s, "ok", [split_msg(s, "length", length=9)], "Content-Length body", T)
    QH = "POST /a HTTP/1.1\r\nHost: a.com\r\nTransfer-Encoding: chunked\r\nContent-Type: aa"
    add("req-limit-body-chunked", "request", QH + "\r\n\r\n6\r\nfoobar\r\n3\r\nbaz\r\n0\r\n\r\n", "ok",
        [msg(QH, "chunked", body="foobarbaz")], "two chunks and the last chunk", T)
    add("req-limit-body-chunked-bare-lf-trailer", "request",
        "POST /a HTTP/1.1\nHost: a.com\nTransfer-Encoding: chunked\nContent-Type: aa\r\n\r\n6\r\nfoobar\r\n3\r\nbaz\r\n0\r\nFoo: bar\r\n\r\n",
        "error", [], "bare LF line ends in the head: error (profile 'Lines end in CRLF')", T,
        differs="fasthttp accepts bare LF line ends;")
    add("req-limit-body-chunked-bad-trailer", "request",
        QH + "\r\n\r\n6\r\nfoobar\r\n3\r\nbaz\r\n0\r\nfoobar\r\n\r\n", "error", [],
        "'foobar' after the last chunk is not a field line (no colon): error (RFC 9112 7.1.2, 5)", T,
        differs="fasthttp accepts (ignores) a trailer line without a colon;")
    skip("body size limit (ReadLimitBody maxBodySize): an API option; the same bytes are converted once", 5)
    skip("API: message built/serialised by fasthttp (Write/SetBodyStream/...), no raw input", 15 + 9)


EXTRA.append(http_p2)

def http_p3():
    S = lambda t: src(F_HTTP, t)
    skip("API: message built/serialised by fasthttp (Write/SetBodyStream/...), no raw input", 8)
    H = "POST /foo HTTP/1.1\r\nHost: google.com\r\nTransfer-Encoding: chunked\r\nContent-Type: aa/bb"
    add("read-chunked-trail-after-end", "request",
        H + "\r\n\r\n3\r\nabc\r\n5\r\n12345\r\n0\r\n\r\nTrail: test\r\n\r\n", "error",
        [msg(H, "chunked", body="abc12345")],
        "'0 CRLF CRLF' ends the chunked body with an empty trailer section (RFC 9112 7.1), so "
        "'Trail: test' starts the next request and is no request-line: error after one message",
        S("TestRequestReadChunked"),
        differs="the test reads 'Trail: test' after the message as a trailer through the same reader;")
    add("chunked-whitespace-after-size", "request",
        H + "\r\n\r\n3  \r\nabc\r\n0\r\n\r\n", "error", [],
        "spaces after the chunk size with no extension: error (RFC 9112 7.1: chunk-size [chunk-ext] "
        "CRLF, BWS only around ';' and '='; profile 'Chunked bodies')", S("TestRequestChunkedWhitespace"),
        differs="fasthttp skips the trailing spaces (its issue 34);")

    T = S("TestResponseReadWithoutBody")
    s = "HTTP/1.1 304 Not Modified\r\nContent-Type: aa\r\nContent-Length: 1235\r\n\r\n"
    add("resp-without-body-304", "response", s, "ok", [split_msg(s, "none")],
        "304 has no body whatever its Content-Length (RFC 9112 6.3 rule 1)", T)
    h = "HTTP/1.1 204 Foo Bar\r\nContent-Type: aab\r\nTransfer-Encoding: chunked\r\n\r\n"
    add("resp-without-body-204-chunked", "response", h + "0\r\nFoo: bar\r\n\r\n", "error",
        [split_msg(h, "none")],
        "204 has no body whatever its Transfer-Encoding (RFC 9112 6.3 rule 1), so '0' starts the "
        "next response and is no status-line: error after one message", T,
        differs="fasthttp reads a chunked body (last chunk and trailer Foo: bar) after the 204;")
    s = "HTTP/1.1 123 AAA\r\nContent-Type: xxx\r\nContent-Length: 3434\r\n\r\n"
    add("resp-without-body-123", "response", s, "ok", [split_msg(s, "none")],
        "a 1xx response has no body whatever its Content-Length; a message of its own", T)
    add("resp-without-body-http-no-version", "response",
        "HTTP 200 OK\r\nContent-Type: text/xml\r\nContent-Length: 123\r\n\r\nfoobar\r\n", "error", [],
        "'HTTP' is not an HTTP-version (HTTP/x.y, RFC 9112 2.3)", T,
        differs="fasthttp accepts 'HTTP' without '/1.x' in a status-line;")
    r1 = "HTTP/1.1 100 Continue\r\nFoo-bar: baz\r\n\r\n"
    r2 = "HTTP/1.1 329 aaa\r\nContent-Type: qwe\r\nContent-Length: 894\r\n\r\n"
    add("resp-without-body-100-then-final", "response", r1 + r2, "ok",
        [split_msg(r1, "none"), split_msg(r2, "none")],
        "a 100 Continue, then the final response; the test skips the body (SkipBody), expressed "
        "here as the answer to HEAD (a 1xx does not use up the HEAD)", T, methods=["HEAD"])
    s = "HTTP/1.1 300 OK\r\nContent-Length: 5\r\nContent-Type: bar\r\n\r\n56789aaa"
    add("resp-without-body-followup", "response", s, "error",
        [split_msg(s[:-3], "length", length=5)],
        "Content-Length 5 takes '56789'; 'aaa' starts another response and the stream ends inside "
        "it: error after one message (the test leaves 'aaa' unread)", T)

    T = S("TestResponseReadSuccess")
    s = "HTTP/1.1 200 OK\r\nContent-Length: 10\r\nContent-Type: foo/bar\r\n\r\n0123456789"
    add("resp-read-success-cl", "response", s, "ok", [split_msg(s, "length", length=10)], "Content-Length body", T)
    s = "HTTP/1.1 500 OK\r\nContent-Length: 0\r\nContent-Type: foo/bar\r\n\r\n"
    add("resp-read-success-cl0", "response", s, "ok", [split_msg(s, "length", length=0)], "Content-Length 0", T)
    h = "HTTP/1.1 300 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: bar"
    add("resp-read-success-trailer", "response", h + "\r\n\r\n5\r\n56789\r\n0\r\nfoo: bar\r\n\r\n", "ok",
        [msg(h, "chunked", body="56789", trailers=[("foo", "bar")])], "chunked body with a trailer field", T)
    s = "HTTP/1.1 200 OK\r\nContent-Type: foobar\r\n\r\nzxxxx"
    add("resp-read-success-identity", "response", s, "ok", [split_msg(s, "close")],
        "no framing header: read to end of stream", T)


EXTRA.append(http_p3)

def createFixedBody(n):
    return "".join(chr(ord("0") + i % 10) for i in range(n))


def createChunkedBody(body, trailer):
    """fasthttp's test helper: chunks of size 1, 2, 3, ... then '0', trailer, CRLF."""
    out = []
    size = 1
    while body:
        size = min(size, len(body))
        out.append("%x\r\n%s\r\n" % (size, body[:size]))
        body = body[size:]
        size += 1
    out.append("0\r\n")
    for k, v in trailer:
        out.append("%s: %s\r\n" % (k, v))
    out.append("\r\n")
    return "".join(out)


def http_p4():
    S = lambda t: src(F_HTTP, t)
    T = S("TestResponseReadSuccess")
    s = "HTTP/1.1 234 ss\r\nContent-Type: xxx\r\n\r\nxag"
    add("resp-read-success-identity-2", "response", s, "ok", [split_msg(s, "close")],
        "no framing header: read to end of stream", T)
    s = "HTTP/1.1 200 OK\r\nContent-Type: aa\r\n\r\n" + createFixedBody(100500)
    add("resp-read-success-big-identity", "response", s, "ok", [split_msg(s, "close")],
        "100500-byte body read to end of stream", T)
    h = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked"
    add("resp-read-success-chunked", "response", h + "\r\n\r\n4\r\nqwer\r\n2\r\nty\r\n0\r\nFoo2: bar2\r\n\r\n", "ok",
        [msg(h, "chunked", body="qwerty", trailers=[("Foo2", "bar2")])], "chunked body with a trailer", T)
    h = "HTTP/1.1 230 OK\r\nContent-Type: text\r\nTransfer-Encoding: aaabbb"
    b_ = "2\r\ner\r\n2\r\nty\r\n0\r\nFoo3: bar3\r\n\r\n"
    add("resp-read-success-unknown-te", "response", h + "\r\n\r\n" + b_, "ok",
        [msg(h, "close", body=b_)],
        "Transfer-Encoding 'aaabbb' (a token, so a valid coding name in a response) with chunked "
        "not final: the body is read until the connection closes (RFC 9112 6.3 rule 4; profile "
        "framing rule 2: 'otherwise ... in a response: close'), and is the raw bytes", T,
        differs="fasthttp decodes the body as chunked although chunked is not the final (or any) coding;")
    h = "HTTP/1.1 200 OK\r\nContent-Type: foo/bar\r\nContent-Length: 123\r\nTransfer-Encoding: chunked"
    add("resp-read-success-chunked-with-cl", "response", h + "\r\n\r\n4\r\ntest\r\n0\r\nFoo4:bar4\r\n\r\n", "ok",
        [msg(h, "chunked", body="test", trailers=[("Foo4", "bar4")])],
        "Transfer-Encoding overrides Content-Length in a response (RFC 9112 6.3 rule 3; profile)", T)
    h = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked"
    add("resp-read-success-chunked-empty", "response", h + "\r\n\r\n0\r\nFoo5: bar5\r\n\r\n", "ok",
        [msg(h, "chunked", body="", trailers=[("Foo5", "bar5")])], "last chunk only, with a trailer", T)
    add("resp-read-success-chunk-ext", "response", h + "\r\n\r\n3;ext\r\naaa\r\n0\r\nFoo6: bar6\r\n\r\n", "ok",
        [msg(h, "chunked", body="aaa", trailers=[("Foo6", "bar6")])],
        "chunk extension without value (RFC 9112 7.1.1)", T)

    T = S("TestResponseReadError")
    add("resp-read-eof-empty", "response", "", "ok", [], "empty stream: no message, no error", T)
    add("resp-read-error-foobar", "response", "foobar", "error", [], "not a status-line", T)
    add("resp-read-error-empty-body", "response",
        "HTTP/1.1 200 OK\r\nContent-Type: aaa\r\nContent-Length: 1234\r\n\r\n", "error", [],
        "Content-Length 1234 and no body bytes: incomplete", T)
    add("resp-read-error-short-body", "response",
        "HTTP/1.1 200 OK\r\nContent-Type: aaa\r\nContent-Length: 1234\r\n\r\nshort", "error", [],
        "5 of 1234 body bytes: incomplete", T)
    add("resp-read-error-chunked-no-size", "response",
        "HTTP/1.1 200 OK\r\nContent-Type: aaa\r\nTransfer-Encoding: chunked\r\n\r\nfoo", "error", [],
        "'foo' is not a chunk-size (1*HEXDIG)", T)
    add("resp-read-error-chunked-no-end", "response",
        "HTTP/1.1 200 OK\r\nContent-Type: aaa\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nfoo", "error", [],
        "stream ends inside the chunked body (no CRLF after the data, no last chunk)", T)
    s = "HTTP/1.1 303 Redisred sedfs sdf\r\nContent-Type: aaa\r\nContent-Length: 5\r\n\r\nHELLO"
    add("resp-read-error-followup", "response", s, "ok", [split_msg(s, "length", length=5)],
        "reason-phrase with spaces is kept whole", T)

    Q = "POST / HTTP/1.1\r\nHost: example.com\r\nTransfer-Encoding: chunked"
    for n in (0, 5, 43488, 12343):
        body = createFixedBody(n)
        add("read-body-chunked-%d" % n, "request", Q + "\r\n\r\n" + createChunkedBody(body, [("Foo", "bar")]),
            "ok", [msg(Q, "chunked", body=body, trailers=[("Foo", "bar")])],
            "chunked body of %d bytes in chunks of 1, 2, 3, ... bytes, and a trailer. fasthttp's test "
            "reads the chunked body alone (readBodyChunked); the request head is mine" % n,
            S("TestReadBodyChunked"))
    skip("TestReadBodyChunked 3 MiB body: not converted (size); the 43488-byte case has the same shape", 1)
    skip("TestReadBodyFixedSize: readBody on bare bytes of a known size, no framing to test", 1)

    T = S("TestRequestPostArgsSuccess")
    for s in ["POST / HTTP/1.1\r\nHost: aaa.com\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 0\r\n\r\n",
              "POST / HTTP/1.1\r\nHost: aaa.com\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 18\r\n\r\nfoo&b%20r=b+z=&qwe"]:
        n = len(s.split("\r\n\r\n", 1)[1])
        add("post-args-%d" % n, "request", s, "ok", [split_msg(s, "length", length=n)], "Content-Length body", T)
    T = S("TestRequestPostArgsError")
    s = "GET /aa HTTP/1.1\r\nHost: aaa\r\n\r\n"
    add("post-args-error-get", "request", s, "ok", [split_msg(s, "none")], "a plain GET", T)
    s = "POST /aa HTTP/1.1\r\nHost: aaa\r\nContent-Type: text/html\r\nContent-Length: 5\r\n\r\nabcde"
    add("post-args-error-text-html", "request", s, "ok", [split_msg(s, "length", length=5)], "Content-Length body", T)
    skip("API: message built/serialised by fasthttp (Write/SetBodyStream/...), no raw input", 17)


EXTRA.append(http_p4)

# ============================================================ server_test.go ==

def server_p1():
    S = lambda t: src(F_SERVER, t)
    skip("generated body (mime/multipart pipe), bytes not in the test", 1)
    r1 = "POST / HTTP/1.1\r\nHost: golang.org\r\nContent-Length: 3\r\n\r\nABC"
    r2 = "GET / HTTP/1.1\r\nHost: golang.org\r\n\r\n"
    add("crnl-after-post-pipeline", "request", r1 + "\r\n\r\n" + r2, "error",
        [split_msg(r1, "length", length=3)],
        "two CRLFs between requests: the profile skips at most one empty line before a request-line "
        "(RFC 9112 2.2 'at least one' is a SHOULD for robustness; the profile fixes it at one)",
        S("TestServerCRNLAfterPost_Pipeline"),
        differs="fasthttp skips any number of CRLFs between requests and answers both;")
    add("crnl-after-post", "request", r1 + "\r\n\r\n", "error", [split_msg(r1, "length", length=3)],
        "two CRLFs after a request: the first is skipped, the second is a second empty line, an error "
        "in the profile (at most one is skipped)", S("TestServerCRNLAfterPost"),
        differs="fasthttp skips the CRLFs and waits for the next request;")
    g = "GET /foo1 HTTP/1.1\r\nHost: google.com\r\n\r\n"
    add("pipeline-flush", "request", g + g, "ok", [split_msg(g, "none"), split_msg(g, "none")],
        "two pipelined GETs (the test sends the second in two pieces)", S("TestServerPipelineFlush"))
    T = S("TestServerInvalidHeader")
    add("server-invalid-header-post", "request",
        "POST /foo HTTP/1.1\r\nHost: gle.com\r\nFoo : bar\r\nContent-Length: 5\r\n\r\n12345", "error", [],
        "whitespace between field name and colon: 400 (RFC 9112 5.1)", T)
    add("server-invalid-header-get", "request",
        "GET /foo HTTP/1.1\r\nHost: gle.com\r\nFoo : bar\r\n\r\n", "error", [],
        "whitespace between field name and colon: 400 (RFC 9112 5.1)", T)
    g = "GET / HTTP/1.1\r\nHost: aa\r\n\r\n"
    add("server-conn-state", "request", g + g, "ok", [split_msg(g, "none")] * 2,
        "two requests on one connection", S("TestServerConnState"))
    g = "GET / HTTP/1.1\r\nHost: google.com\r\n\r\n"
    add("server-name", "request", g, "ok", [split_msg(g, "none")], "a plain GET", S("TestServerName"))
    s = "GET / HTTP/1.1\r\nHost: aabb.com\r\nVERY-long-Header: sdfdfsd dsf dsaf dsf df fsd\r\n\r\n"
    add("server-err-small-buffer", "request", s, "ok", [split_msg(s, "none")],
        "fasthttp's test sets ReadBufferSize 20 and expects 431; under the profile's default limits "
        "(16 KiB line, 64 KiB head) the request is valid", S("TestServerErrSmallBuffer"))
    add("redirect-https-schemeless-bare-lf", "request", "GET /foo/bar?baz HTTP/1.1\nHost: aaa.com\n\n", "error", [],
        "bare LF line ends: error (profile 'Lines end in CRLF')", S("TestRequestCtxRedirectHTTPSSchemeless"),
        differs="fasthttp accepts bare LF line ends;")
    skip("API: server/ctx behaviour (handlers, redirects, TLS, names, timeouts), no wire-parsing question", 4)


EXTRA.append(server_p1)

def server_p2():
    S = lambda t: src(F_SERVER, t)
    g = "GET / HTTP/1.1\r\nHost: aa\r\n\r\n"
    for t in ("TestServerResponseServerHeader", "TestServerResponseBodyStream", "TestServerDisableKeepalive",
              "TestServerMaxConnsPerIPLimit", "TestServerConcurrencyLimit"):
        add("server-get-host-aa", "request", g, "ok", [split_msg(g, "none")],
            "a plain GET (the server tests send it to exercise server options)", S(t))
    g = "GET / HTTP/1.1\r\nHost: aaa\r\n\r\n"
    add("server-get-host-aaa", "request", g, "ok", [split_msg(g, "none")], "a plain GET",
        S("TestServerServeTLSEmbed"))
    skip("response written by fasthttp's server (test checks server output), bytes not literal in the test", 1)
    skip("API: server/ctx behaviour (handlers, redirects, TLS, names, timeouts), no wire-parsing question", 4)
    s = ("POST /upload HTTP/1.1\nHost: qwerty.com\nContent-Length: 521\n"
         "Content-Type: multipart/form-data; boundary=----WebKitFormBoundaryJwfATyF8tmxSJnLg\n\n"
         "------WebKitFormBoundaryJwfATyF8tmxSJnLg\nContent-Disposition: form-data; name=\"f1\"\n\nvalue1\n"
         "------WebKitFormBoundaryJwfATyF8tmxSJnLg\nContent-Disposition: form-data; name=\"fileaaa\"; filename=\"TODO\"\n"
         "Content-Type: application/octet-stream\n\n"
         "- SessionClient with referer and cookies support.\n- Client with requests' pipelining support.\n"
         "- ProxyHandler similar to FSHandler.\n- WebSockets. See https://tools.ietf.org/html/rfc6455 .\n"
         "- HTTP/2.0. See https://tools.ietf.org/html/rfc7540 .\n\n"
         "------WebKitFormBoundaryJwfATyF8tmxSJnLg--\n\nGET / HTTP/1.1\nHost: asbd\nConnection: close\n\n")
    add("server-multipart-form-bare-lf", "request", s, "error", [],
        "the test's raw Go string has bare LF line ends: error (profile 'Lines end in CRLF'). The test "
        "runs it under four server options; the bytes are the same", S("TestServerMultipartFormDataRequest"),
        differs="fasthttp accepts bare LF line ends and answers both requests;")


EXTRA.append(server_p2)

def server_p3():
    S = lambda t: src(F_SERVER, t)
    s = "GET / HTTP/1.1\r\nHost: mm.com\r\nContent-Length: 5\r\n\r\nabcde"
    add("server-get-with-content", "request", s, "ok", [split_msg(s, "length", length=5)],
        "a GET with a Content-Length body: framed like any request (RFC 9112 6.3 rule 6)",
        S("TestServerGetWithContent"))
    s = "GET / HTTP/1.1\r\nCASE-senSITive-HEAder-NAME: foobar baz\r\nHost: google.com\r\n\r\n"
    add("server-disable-header-names-normalizing", "request", s, "ok", [split_msg(s, "none")],
        "field name case kept as sent", S("TestServerDisableHeaderNamesNormalizing"))
    g = "GET / HTTP/1.1\r\nHost: aaa\r\n\r\n"
    for t in ("TestServerReduceMemoryUsageSerial", "TestServerReduceMemoryUsageConcurrent"):
        add("server-requests-x10", "request", g * 10, "ok", [split_msg(g, "none")] * 10,
            "ten requests on one connection (the test writes each after the previous response)", S(t))
    a = "GET / HTTP/1.0\r\nHost: aaa\r\nConnection: keep-alive\r\n\r\n"
    c = "GET /close HTTP/1.0\r\nHost: aaa\r\nConnection: keep-alive\r\n\r\n"
    add("server-http10-keep-alive", "request", a + c, "ok", [split_msg(a, "none"), split_msg(c, "none")],
        "two HTTP/1.0 keep-alive requests on one connection", S("TestServerHTTP10ConnectionKeepAlive"))
    s = "GET / HTTP/1.0\r\nHost: aaa\r\n\r\n"
    add("server-http10-close", "request", s, "ok", [split_msg(s, "none")], "an HTTP/1.0 request",
        S("TestServerHTTP10ConnectionClose"))
    s = "HEAD /foobar HTTP/1.1\r\nHost: aaa.com\r\n\r\n"
    add("server-head-request", "request", s, "ok", [split_msg(s, "none")], "a HEAD request",
        S("TestServerHeadRequest"))
    for slug, s, t in [
            ("expect-100-continue", "POST /foo HTTP/1.1\r\nHost: gle.com\r\nExpect: 100-continue\r\nContent-Length: 5\r\nContent-Type: a/b\r\n\r\n12345", "TestServerExpect100Continue"),
            ("continue-handler-plain", "POST /foo HTTP/1.1\r\nHost: gle.com\r\nContent-Length: 5\r\nContent-Type: a/b\r\n\r\n12345", "TestServerContinueHandler"),
            ("continue-handler-denied", "POST /foo HTTP/1.1\r\nHost: gle.com\r\nExpect: 100-continue\r\nContent-Length: 6\r\nContent-Type: a/b\r\n\r\n123456", "TestServerContinueHandler")]:
        n = len(s.split("\r\n\r\n", 1)[1])
        add("server-" + slug, "request", s, "ok", [split_msg(s, "length", length=n)],
            "Expect: 100-continue does not change framing; the body follows (a server that answers "
            "417 without reading it must close the connection, which is the caller's business)", S(t))
    add("server-expect-100-continue", "request",
        "POST /foo HTTP/1.1\r\nHost: gle.com\r\nExpect: 100-continue\r\nContent-Length: 5\r\nContent-Type: a/b\r\n\r\n12345",
        "ok", [split_msg("POST /foo HTTP/1.1\r\nHost: gle.com\r\nExpect: 100-continue\r\nContent-Length: 5\r\nContent-Type: a/b\r\n\r\n12345", "length", length=5)],
        "", S("TestServerContinueHandler"))
    skip("API: server/ctx behaviour (handlers, redirects, TLS, names, timeouts), no wire-parsing question", 3)


EXTRA.append(server_p3)

def server_p4():
    S = lambda t: src(F_SERVER, t)
    a = "GET /foo HTTP/1.0\r\nConnection: keep-alive\r\nHost: google.com\r\n\r\n"
    b_ = "GET /bar HTTP/1.0\r\nHost: google.com\r\n\r\n"
    c = "GET /must/be/ignored HTTP/1.0\r\nHost: google.com\r\n\r\n"
    add("serve-conn-non-http11-keep-alive", "request", a + b_ + c, "either",
        [split_msg(a, "none"), split_msg(b_, "none"), split_msg(c, "none")],
        "bytes after an HTTP/1.0 request without keep-alive, which closes the connection: the "
        "profile ('Connections') allows stopping or decoding on; the messages listed are the "
        "decode-on reading (fasthttp's server stops and ignores the third request)",
        S("TestServeConnNonHTTP11KeepAlive"))
    s = "GET /foo HTTP/1.1\r\nHost: google.com\r\nContent-Length: 0\r\n\r\n"
    for t in ("TestRequestCtxHijackNoResponse", "TestRequestCtxNoHijackNoResponse"):
        add("hijack-no-response", "request", s, "ok", [split_msg(s, "length", length=0)],
            "GET with Content-Length 0", S(t))
    g = "GET / HTTP/1.1\r\nHost: google.com\r\n\r\n"
    for t in ("TestTimeoutHandlerSuccess", "TestTimeoutHandlerTimeout"):
        add("server-name", "request", g, "ok", [split_msg(g, "none")], "a plain GET", S(t))
    skip("hijack: bytes after the request belong to the handler (TestRequestCtxHijack), no corpus equivalent", 1)
    skip("API: server/ctx behaviour (handlers, redirects, TLS, names, timeouts), no wire-parsing question", 8)


EXTRA.append(server_p4)

def pipeline(slug, reqs, tests, note, S):
    inp = "".join(reqs)
    msgs = []
    for r in reqs:
        head, body = r.split("\r\n\r\n", 1)
        if "Content-Length:" in head:
            msgs.append(msg(head, "length", body=body, length=len(body)))
        else:
            assert body == ""
            msgs.append(msg(head, "none"))
    for t in tests:
        add(slug, "request", inp, "ok", msgs, note, S(t))


def server_p5():
    S = lambda t: src(F_SERVER, t)
    G = lambda p, h="google.com": "GET %s HTTP/1.1\r\nHost: %s\r\n\r\n" % (p, h)
    pipeline("server-get-timeout", [G("/timeout")], ["TestTimeoutHandlerTimeoutReuse"], "a plain GET", S)
    pipeline("server-get-only-post", ["POST /foo HTTP/1.1\r\nHost: google.com\r\nContent-Length: 5\r\nContent-Type: aaa\r\n\r\n12345"],
             ["TestServerGetOnly"], "a valid POST with a Content-Length body (the server's GetOnly "
             "option refuses it; that is policy, not wire syntax)", S)
    pipeline("server-get-foo-bar", [G("/foo"), G("/bar")], ["TestServerTimeoutErrorWithResponse"],
             "two pipelined GETs", S)
    pipeline("server-get-foo-foo", [G("/foo"), G("/foo")], ["TestServerTimeoutErrorWithCode", "TestServerTimeoutError"],
             "two pipelined GETs", S)
    pipeline("server-get-foo1-bar-aaa", [G("/foo1"), G("/bar", "aaa.com")], ["TestServerMaxRequestsPerConn"],
             "two pipelined GETs", S)
    pipeline("server-get-foo1-ignored", [G("/foo1"), G("/must/be/ignored", "aaa.com")], ["TestServerConnectionClose"],
             "two pipelined GETs (the server's handler closes the connection after the first; the "
             "decoder goes on)", S)
    pipeline("server-get-x3", [G("/foo1"), G("/bar"), G("/baz")], ["TestServerRequestNumAndTime"],
             "three pipelined GETs", S)
    pipeline("server-get-foo1", [G("/foo1")], ["TestServerEmptyResponse", "TestServerRemoteAddr",
                                               "TestServerCustomRemoteAddr"], "a plain GET", S)
    pipeline("server-logger", [G("/foo1"), "POST /foo2 HTTP/1.1\r\nHost: aaa.com\r\nContent-Length: 5\r\nContent-Type: aa\r\n\r\nabcde"],
             ["TestServerLogger"], "a GET, then a POST with a Content-Length body", S)
    pipeline("server-get-foo-bar-baz-query", [G("/foo/bar?baz")], ["TestServerConnError", "TestServeConnSingleRequest"],
             "a GET with a query", S)
    pipeline("serve-conn-multi-requests", [G("/foo/bar?baz"), G("/abc", "foobar.com")], ["TestServeConnMultiRequests"],
             "two pipelined GETs", S)
    g = G("/")
    add("server-name", "request", g, "ok", [split_msg(g, "none")], "a plain GET", S("TestShutdown"))


EXTRA.append(server_p5)

def server_p6():
    S = lambda t: src(F_SERVER, t)
    for t in ("TestShutdownReuse", "TestShutdownDone", "TestShutdownErr", "TestMultipleServe", "TestCloseOnShutdown"):
        g = "GET / HTTP/1.1\r\nHost: google.com\r\n\r\n"
        add("server-name", "request", g, "ok", [split_msg(g, "none")], "a plain GET", S(t))
    n = (5 << 10) + 1
    pipeline("max-body-size-per-request",
             ["POST /foo2 HTTP/1.1\r\nHost: aaa.com\r\nContent-Length: %d\r\nContent-Type: aa\r\n\r\n%s" % (n, "a" * n)],
             ["TestMaxBodySizePerRequest"], "a %d-byte Content-Length body (the test's per-request "
             "body limit of 5 KiB is a server option; under the profile the message is valid)" % n, S)
    body = "1" * (1 << 15) + "2" * (1 << 16)
    pipeline("stream-request-body",
             ["POST /foo2 HTTP/1.1\r\nHost: aaa.com\r\nContent-Length: %d\r\nContent-Type: aa\r\n\r\n%s" % (len(body), body)],
             ["TestStreamRequestBody"], "a 96 KiB Content-Length body (sent in two parts by the test)", S)
    body = "1" * (1 << 15)
    pipeline("stream-body-request-content-length",
             ["POST /foo2 HTTP/1.1\r\nHost: aaa.com\r\nContent-Length: %d\r\nContent-Type: aa\r\n\r\n%s" % (len(body), body)],
             ["TestStreamBodyReqestContentLength"], "a 32 KiB Content-Length body", S)
    pipeline("max-read-timeout-per-request",
             ["POST /foo2 HTTP/1.1\r\nHost: aaa.com\r\nContent-Length: 5120\r\nContent-Type: aa\r\n\r\n" + "a" * 5120],
             ["TestMaxReadTimeoutPerRequest"], "a 5120-byte body (the test sends it one byte per ms to "
             "hit a read timeout; the bytes themselves are a valid request)", S)
    pipeline("max-write-timeout-per-request", ["GET /foo2 HTTP/1.1\r\nHost: aaa.com\r\nContent-Type: aa\r\n\r\n"],
             ["TestMaxWriteTimeoutPerRequest"], "a GET with Content-Type and no body", S)
    add("incomplete-body-unexpected-eof", "request",
        "POST /foo HTTP/1.1\r\nHost: google.com\r\nContent-Length: 5\r\n\r\n123", "error", [],
        "the stream ends after 3 of the 5 body bytes: incomplete", S("TestIncompleteBodyReturnsUnexpectedEOF"))
    skip("TestStreamRequestBodyExceedMaxSize: 1 MiB body against a 1-byte limit option; not converted (size, option)", 1)


EXTRA.append(server_p6)

# ============================================================ client_test.go ==

def client():
    S = lambda t: src(F_CLIENT, t)
    h = "HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ntransfer-encoding: chunked"
    c1, c2 = "This is the data in the first chunk ", "and this is the second one "
    assert len(c1) == 0x24 and len(c2) == 0x1B
    add("client-header-case", "response",
        h + "\r\n\r\n24\r\n" + c1 + "\r\n1B\r\n" + c2 + "\r\n0\r\n\r\n", "ok",
        [msg(h, "chunked", body=c1 + c2)],
        "lower-case field names; upper-case hex chunk size '1B' (HEXDIG is case-insensitive)",
        S("TestClientHeaderCase"))
    s = "HTTP/1.1 345 OK\r\nContent-Type: foobar\r\nContent-Length: 7\r\n\r\n0123456"
    for t in ("TestClientNonIdempotentRetry", "TestClientIdempotentRequest", "TestClientRetryRequestWithCustomDecider"):
        add("client-345", "response", s, "ok", [split_msg(s, "length", length=7)],
            "an unregistered status code 345 with a Content-Length body (any 3DIGIT is a status-code, "
            "RFC 9110 15)", S(t))
    for t in ("TestClientIdempotentRequest", "TestClientRetryRequestWithCustomDecider"):
        add("client-invalid-response", "response", "invalid response", "error", [],
            "not a status-line", S(t))
    echoed = ("POST /a/b HTTP/1.1\r\nUser-Agent: fasthttp\r\nHost: foobar\r\nContent-Type: text/plain\r\n"
              "Content-Length: 4\r\n\r\ntest")
    s = "HTTP/1.1 345 OK\r\nContent-Type: foobar\r\n\r\n" + echoed
    add("client-single-echo-conn", "response", s, "ok", [split_msg(s, "close")],
        "no framing header: the body runs to end of stream, so the echoed request bytes are body "
        "(RFC 9112 6.3 rule 8); the request bytes are the ones the test expects fasthttp's client "
        "to write", S("TestSingleEchoConn"))
    skip("client_test.go: client behaviour with fasthttp servers/timeouts/retries (no raw response bytes)", 30)
    skip("client_test.go after offset 48000 not read (about 8 KB: echo-server helpers)", 1)


EXTRA.append(client)


# ==================================================================== main ==

def main():
    header()
    for f in EXTRA:
        f()
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
    print("wrote %s: %d cases (%s), %d duplicate inputs merged, %d differ from fasthttp"
          % (OUT, len(out), ", ".join("%s/%s=%d" % (m, e, n) for (m, e), n in sorted(counts.items())),
             STATS["merged_duplicates"], len(differs)))
    print("skipped:", json.dumps(SKIPS, indent=1), "total", sum(SKIPS.values()))


if __name__ == "__main__":
    main()
