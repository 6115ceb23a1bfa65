#!/usr/bin/env python3
"""Build tests/corpus/apache_httpd.json: h1wire corpus cases from Apache httpd's test suite.

Apache httpd's Perl test framework (https://github.com/apache/httpd-tests,
Apache License 2.0) has tests that write raw HTTP/1 bytes on a socket and
check the status httpd answers: above all t/apache/http_strict.t, a table of
raw requests with httpd's answer under "HttpProtocolOptions Unsafe" and
"HttpProtocolOptions Strict". Only the bytes of those tests are taken here
(with the Perl string escapes resolved and the code's programmatic parts
followed); each case's expectation is decided by the strict profile
(CONFORMANCE.md section 3) and RFC 9112 / RFC 9110, not by
httpd's answer. Where httpd answers differently the note says so
("differs from httpd: ...").

Run: python3 tests/corpus/make/apache_httpd.py   (writes apache_httpd.json beside this script)
"""

import base64
import json
import os

from common import b2s

REPO = "apache/httpd-tests"
# The stored versions read with the search tool's read_file. For every file
# this is the commit the index lists for it, which is its newest stored
# version (http_strict.t: the one with the Unsafe and Strict columns).
VERSIONS = {
    "t/apache/http_strict.t": "a55deb9d67c0",
    "t/apache/http_strict.t@old": "1b4708adb6ec",
    "t/apache/chunkinput.t": "794d6e9611e0",
    "t/apache/teclchunk.t": "3b5441623925",
    "t/apache/contentlength.t": "a9356f3247f1",
    "t/apache/headers.t": "d8951190c4a7",
    "t/apache/limits.t": "893a7418ee29",
    "t/apache/pr18757.t": "ec6ca3c2589b",
    "t/apache/pr35292.t": "c3955bd5b1fd",
    "t/apache/hostcheck.t": "7562d17121f6",
    "t/apache/mergeslashes.t": "934011046784",
    "t/apache/server_name_port.t": "237640d6500d",
    "t/security/CAN-2004-0942.t": "56f94dd2eb98",
    "t/security/CVE-2009-1890.t": "3a467a198100",
    "t/security/CVE-2009-3555.t": "e6ea660efb15",
    "t/security/CVE-2011-3368.t": "b60ce74730e1",
    "t/security/CVE-2011-3368-rewrite.t": "b43f21a47239",
    "t/security/CVE-2017-7659.t": "8e43925ec05e",
    "t/security/CVE-2020-1927.t": "6750c9cd6d2a",
    "t/modules/remoteip.t": "5313143979d1",
    "t/modules/http2.t": "57cd1600486a",
    "t/modules/proxy.t": "829580e6df90",
    "t/modules/cgi.t": "5492b99da0e2",
    "t/ssl/proxy.t": "1eab8ab3137e",
    "t/htdocs/modules/cgi/nph-test.pl": "e4ad287bc081",
    "t/htdocs/modules/cgi/nph-foldhdr.pl.PL": "f044625de71d",
    "t/htdocs/modules/cgi/nph-101.pl.PL": "3f72a8806a6f",
}

# Values the tests take at run time, written here as fixed bytes.
HOSTPORT = b"localhost:8529"   # Apache::TestRequest::hostport(): Apache-Test's default port
PID = b"4242"                  # $$ (the test's process id) in chunkinput.t / teclchunk.t

CASES = []
SEEN = {}
DUPLICATES = []  # (source, id of the earlier case with the same stream)


def src(fname, test, detail=None, derived=None):
    key = fname
    path = fname.split("@")[0]
    s = "%s %s (commit %s): %s" % (REPO, path, VERSIONS[key], test)
    if detail:
        s += ", " + detail
    if derived:
        s += " (variant: %s)" % derived
    return s


def msg(start, headers, framing="none", body=b"", trailers=()):
    return {
        "start": list(start),
        "headers": [[n, v] for n, v in headers],
        "framing": framing,
        "body": b2s(body) if isinstance(body, bytes) else body,
        "trailers": [[n, v] for n, v in trailers],
        "complete": True,
    }


def parse_simple(data):
    """Messages of a request stream that was judged valid by hand.

    Only a helper to write the expected messages of requests whose head is
    plain (CRLF lines, 'name: value' fields, no folding); the framing is taken
    from Content-Length / chunked exactly as the profile defines it. It asserts
    instead of deciding anything."""
    out = []
    rest = data
    while rest:
        if rest.startswith(b"\r\n") and out:
            rest = rest[2:]
            continue
        head, rest = rest.split(b"\r\n\r\n", 1)
        lines = head.split(b"\r\n")
        method, target, version = lines[0].split(b" ")
        hdrs = []
        for ln in lines[1:]:
            n, v = ln.split(b":", 1)
            assert n.strip() == n and b" " not in n
            hdrs.append((b2s(n), b2s(v.strip(b" \t"))))
        names = {n.lower(): v for n, v in hdrs}
        if method == b"CONNECT":
            raise AssertionError("not used")
        if "transfer-encoding" in names:
            assert names["transfer-encoding"].lower() == "chunked"
            body = b""
            while True:
                line, rest = rest.split(b"\r\n", 1)
                size = int(line.split(b";")[0].strip(b" \t"), 16)
                if size == 0:
                    break
                body += rest[:size]
                assert rest[size:size + 2] == b"\r\n"
                rest = rest[size + 2:]
            trailers = []
            while True:
                line, rest = rest.split(b"\r\n", 1)
                if line == b"":
                    break
                n, v = line.split(b":", 1)
                trailers.append((b2s(n), b2s(v.strip(b" \t"))))
            out.append(msg((b2s(method), b2s(target), b2s(version)), hdrs, "chunked", body, trailers))
        elif "content-length" in names:
            n = int(names["content-length"])
            body, rest = rest[:n], rest[n:]
            assert len(body) == n
            out.append(msg((b2s(method), b2s(target), b2s(version)), hdrs, "length", body))
        else:
            out.append(msg((b2s(method), b2s(target), b2s(version)), hdrs, "none"))
    return out


def add(slug, mode, data, expect, messages, note, source, methods=()):
    assert isinstance(data, bytes)
    assert expect in ("ok", "error", "either")
    cid = "apache_httpd-" + slug
    key = (mode, tuple(methods), data)
    if key in SEEN:
        DUPLICATES.append((source, SEEN[key]))
        for c in CASES:
            if c["id"] == SEEN[key]:
                c["source"] += "; the same bytes also in " + source.replace(REPO + " ", "")
        return
    assert cid not in {c["id"] for c in CASES}, cid
    SEEN[key] = cid
    CASES.append({
        "id": cid,
        "mode": mode,
        "methods": list(methods),
        "input": b2s(data),
        "expect": expect,
        "messages": messages,
        "note": note,
        "source": source,
    })


def ok_req(slug, data, note, source):
    add(slug, "request", data, "ok", parse_simple(data), note, source)


def err_req(slug, data, note, source, messages=()):
    add(slug, "request", data, "error", list(messages), note, source)


# ---------------------------------------------------------------------------
# t/apache/http_strict.t
# Each row: (slug, request bytes, httpd Unsafe answer, httpd Strict answer,
# expect, note). httpd's answers as the test states them: 1 = any success,
# 0 = any error, 90 = an HTTP/0.9 answer (no status-line), None = the
# connection is dropped without an answer.
# ---------------------------------------------------------------------------
F = "t/apache/http_strict.t"

HS_ROWS = [
    ("get-10", b"GET / HTTP/1.0\r\n\r\n", 1, 1, "ok",
     "HTTP/1.0 request without Host: fine (the Host rule is for HTTP/1.1, RFC 9112 3.2)"),
    ("get-10-bare-lf", b"GET / HTTP/1.0\n\n", 1, 400, "error",
     "request-line and empty line ended by bare LF: the profile requires CRLF (RFC 9112 2.2; "
     "bare LF is an off-by-default option). Same as httpd Strict; httpd Unsafe accepts"),
    ("lowercase-method", b"get / HTTP/1.0\r\n\r\n", 501, 501, "ok",
     "differs from httpd (501 Not Implemented in both modes): 'get' is a valid token, so the "
     "request-line parses (RFC 9112 3.1: method = token); methods are case-sensitive (RFC 9110 9.1), "
     "so 'get' is an unknown method, which the application answers with 501 - a decoder passes it on"),
    ("sp-in-method", b"G ET / HTTP/1.0\r\n\r\n", 400, 400, "error",
     "an extra SP splits the method: the request-line has four parts (RFC 9112 3: method SP "
     "request-target SP HTTP-version); httpd agrees (400)"),
    ("nul-in-method", b"G\x00ET / HTTP/1.0\r\n\r\n", 400, 400, "error",
     "NUL in the method, which is not a tchar (RFC 9110 5.6.2); httpd agrees (400)"),
    ("slash-in-method", b"G/T / HTTP/1.0\r\n\r\n", 501, 400, "error",
     "'/' is not a tchar, so 'G/T' is not a method token (RFC 9112 3.1, RFC 9110 5.6.2). Same as "
     "httpd Strict; httpd Unsafe reads it as an unknown method (501)"),
    ("nul-in-target", b"GET /\x00 HTTP/1.0\r\n\r\n", 400, 400, "error",
     "NUL in the request-target (profile: no control bytes in the target); httpd agrees"),
    ("nul-after-version", b"GET / HTTP/1.0\x00\r\n\r\n", 400, 400, "error",
     "NUL after the version: the request-line does not end in CRLF after HTTP-version; httpd agrees"),
    ("ff-after-method", b"GET\x0c/ HTTP/1.0\r\n\r\n", 400, 400, "error",
     "form feed instead of SP after the method: only a single SP separates the parts (profile, "
     "RFC 9112 3); httpd agrees"),
    ("cr-after-method", b"GET\r/ HTTP/1.0\r\n\r\n", 400, 400, "error",
     "a CR not followed by LF (profile: bare CR is an error; RFC 9112 2.2); httpd agrees"),
    ("tab-after-method", b"GET\t/ HTTP/1.0\r\n\r\n", 400, 400, "error",
     "HTAB instead of SP after the method: the profile takes single SPs only (RFC 9112 3 allows "
     "a lenient split on whitespace, the profile does not); httpd agrees"),
    ("version-htt", b"GET / HTT/1.0\r\n\r\n", 0, 0, "error",
     "'HTT/1.0' is not an HTTP-version (RFC 9112 2.3); httpd agrees (error)"),
    ("get-10-host", b"GET / HTTP/1.0\r\nHost: localhost\r\n\r\n", 1, 1, "ok",
     "plain HTTP/1.0 request with Host"),
    ("version-2-0", b"GET / HTTP/2.0\r\nHost: localhost\r\n\r\n", 1, 1, "error",
     "differs from httpd (success in both modes): the profile accepts only HTTP/1.0 and HTTP/1.1 and "
     "makes any other HTTP/x.y an error; HTTP/2.0 is not HTTP/1 and a request-line cannot carry it "
     "(RFC 9113 3: HTTP/2 starts with the preface, not a request-line)"),
    ("version-1-2", b"GET / HTTP/1.2\r\nHost: localhost\r\n\r\n", 1, 1, "error",
     "differs from httpd (success in both modes, read as HTTP/1.1): the profile makes any version "
     "other than HTTP/1.0 and HTTP/1.1 an error (CONFORMANCE.md 3, request-line); RFC 9110 6.2 "
     "would let a server treat 1.2 as 1.1, the profile chooses to refuse"),
    ("version-1-11", b"GET / HTTP/1.11\r\nHost: localhost\r\n\r\n", 400, 400, "error",
     "'HTTP/1.11': the version is one digit '.' one digit (RFC 9112 2.3); httpd agrees"),
    ("version-10-0", b"GET / HTTP/10.0\r\nHost: localhost\r\n\r\n", 400, 400, "error",
     "'HTTP/10.0': two major digits (RFC 9112 2.3); httpd agrees"),
    ("version-two-trailing-sp", b"GET / HTTP/1.0  \r\nHost: localhost\r\n\r\n", 200, 400, "error",
     "two SPs after the version: the request-line ends right after HTTP-version (RFC 9112 3). Same "
     "as httpd Strict; httpd Unsafe ignores them"),
    ("version-then-x", b"GET / HTTP/1.0 x\r\nHost: localhost\r\n\r\n", 400, 400, "error",
     "a fourth part after the version; httpd agrees"),
    ("version-http-slash-only", b"GET / HTTP/\r\nHost: localhost\r\n\r\n", 0, 0, "error",
     "'HTTP/' without digits is not a version; httpd agrees"),
    ("version-0-9", b"GET / HTTP/0.9\r\n\r\n", 0, 0, "error",
     "HTTP/0.9 written as a version: not HTTP/1.0 or HTTP/1.1 (profile); httpd agrees"),
    ("version-0-8", b"GET / HTTP/0.8\r\n\r\n", 0, 0, "error",
     "HTTP/0.8: not a supported version; httpd agrees"),
    ("ctl-in-target", b"GET /\x01 HTTP/1.0\r\n\r\n", 400, 400, "error",
     "control byte 0x01 in the request-target (profile); httpd agrees"),
    ("field", b"GET / HTTP/1.0\r\nFoo: bar\r\n\r\n", 200, 200, "ok",
     "one ordinary field line"),
    ("field-no-ows", b"GET / HTTP/1.0\r\nFoo:bar\r\n\r\n", 200, 200, "ok",
     "no OWS after the colon: OWS may be empty (RFC 9112 5)"),
    ("nul-in-value", b"GET / HTTP/1.0\r\nFoo: b\x00ar\r\n\r\n", 400, 400, "error",
     "NUL in a field value (RFC 9110 5.5: a recipient MUST reject or replace it; the profile "
     "rejects); httpd agrees"),
    ("ctl-in-value", b"GET / HTTP/1.0\r\nFoo: b\x01ar\r\n\r\n", 200, 400, "error",
     "control byte 0x01 in a field value: not VCHAR/obs-text/SP/HTAB (RFC 9110 5.5). Same as "
     "httpd Strict; httpd Unsafe passes it"),
    ("field-no-colon", b"GET / HTTP/1.0\r\nFoo\r\n\r\n", 400, 400, "error",
     "field line without a colon; httpd agrees"),
    ("sp-in-name-no-colon", b"GET / HTTP/1.0\r\nFoo bar\r\n\r\n", 400, 400, "error",
     "field line with a space and no colon; httpd agrees"),
    ("empty-name", b"GET / HTTP/1.0\r\n: bar\r\n\r\n", 400, 400, "error",
     "empty field name (field-name = token, at least one tchar); httpd agrees"),
    ("one-char-name", b"GET / HTTP/1.0\r\nX: bar\r\n\r\n", 200, 200, "ok",
     "a one-character field name"),
    ("sp-in-name", b"GET / HTTP/1.0\r\nFoo bar:bash\r\n\r\n", 400, 400, "error",
     "SP inside the field name (not a tchar); httpd agrees"),
    ("sp-before-colon", b"GET / HTTP/1.0\r\nFoo :bar\r\n\r\n", 400, 400, "error",
     "whitespace between field name and colon (RFC 9112 5.1: a server MUST reject it with 400); "
     "httpd agrees"),
    ("leading-sp-first-field", b"GET / HTTP/1.0\r\n Foo:bar\r\n\r\n", 400, 400, "error",
     "the first field line starts with SP: obs-fold or leading whitespace in a request (RFC 9112 "
     "2.2 / 5.2; the profile rejects obs-fold in requests); httpd agrees"),
    ("ctl-in-name", b"GET / HTTP/1.0\r\nF\x01o: bar\r\n\r\n", 200, 400, "error",
     "control byte in the field name (not a tchar). Same as httpd Strict; httpd Unsafe accepts it"),
    ("cr-in-name", b"GET / HTTP/1.0\r\nF\ro: bar\r\n\r\n", 400, 400, "error",
     "a bare CR inside the field name; httpd agrees"),
    ("tab-in-name", b"GET / HTTP/1.0\r\nF\to: bar\r\n\r\n", 400, 400, "error",
     "HTAB inside the field name (not a tchar); httpd agrees"),
    ("tab-in-value", b"GET / HTTP/1.0\r\nFo: b\tar\r\n\r\n", 200, 200, "ok",
     "HTAB inside a field value is allowed (field-content, RFC 9110 5.5)"),
    ("cr-cr-lf-after-value", b"GET / HTTP/1.0\r\nFo: bar\r\r\n\r\n", 400, 400, "error",
     "a CR not followed by LF at the end of a value (bare CR, RFC 9112 2.2); httpd agrees"),
    ("cr-cr", b"GET / HTTP/1.0\r\r", None, None, "error",
     "the request-line ends in CR CR: a bare CR, and the stream ends inside the head; httpd drops "
     "the connection without an answer in both modes"),
    ("http09-request", b"GET /\r\n", 90, None, "error",
     "an HTTP/0.9 request-line (no version): the profile accepts HTTP/1.0 and HTTP/1.1 only, and "
     "the stream also ends inside the head. Same as httpd Strict (connection dropped); httpd Unsafe "
     "answers it the HTTP/0.9 way"),
    ("fragment-in-target-incomplete", b"GET /#frag HTTP/1.0\r\n", 400, 400, "error",
     "the stream ends after the request-line, inside the head (no empty line), so it is an error "
     "whatever the target; httpd answers 400 for the '#' (the test is about the fragment: see the "
     "-complete variant)"),
    ("dup-host", b"GET / HTTP/1.0\r\nHost: localhost\r\nHost: localhost\r\n\r\n", 200, 400, "error",
     "two Host field lines (RFC 9112 3.2: a server MUST answer 400 to more than one Host; the "
     "profile: any request with more than one Host line). Same as httpd Strict; httpd Unsafe takes it"),
    ("abs-numeric-host-decimal", b"GET http://017700000001/ HTTP/1.0\r\n\r\n", 200, 400, "ok",
     "differs from httpd Strict (400; Unsafe: 200): '017700000001' matches reg-name, so the "
     "absolute-form target is a valid absolute-URI (RFC 3986 3.2.2: only a dotted-quad is an IPv4 "
     "literal). httpd Strict refuses host names that inet_aton would read as an address; the profile "
     "names no such rule and the decoder does not resolve names"),
    ("abs-numeric-host-hex", b"GET http://0x7f.1/ HTTP/1.0\r\n\r\n", 200, 400, "ok",
     "differs from httpd Strict (400; Unsafe: 200): '0x7f.1' is a syntactically valid reg-name "
     "(RFC 3986 3.2.2); httpd Strict refuses it as an ambiguous numeric address, the profile has "
     "no such rule"),
    ("abs-ipv4", b"GET http://127.0.0.1/ HTTP/1.0\r\n\r\n", 200, 200, "ok",
     "absolute-form with an IPv4 literal"),
    ("abs-numeric-host-leading-zero", b"GET http://127.01.0.1/ HTTP/1.0\r\n\r\n", 200, 400, "ok",
     "differs from httpd Strict (400; Unsafe: 200): '127.01.0.1' is not an IPv4address (no leading "
     "zeros, RFC 3986 3.2.2) but it is a valid reg-name; httpd Strict refuses it as ambiguous, the "
     "profile has no such rule"),
    ("abs-pct-encoded-host", b"GET http://%3127.0.0.1/ HTTP/1.0\r\n\r\n", 200, 400, "ok",
     "differs from httpd Strict (400; Unsafe: 200): pct-encoded octets are allowed in reg-name "
     "(RFC 3986 3.2.2), so the target is syntactically valid; the profile's own sweep accepts a "
     "pct-encoded Host value ('a%20b'). httpd Strict refuses a '%' in a host name"),
    ("dup-host-port", b"GET / HTTP/1.0\r\nHost: localhost:80\r\nHost: localhost:80\r\n\r\n", 200, 400,
     "error",
     "two identical Host field lines: still more than one Host line (RFC 9112 3.2, profile). Same "
     "as httpd Strict; httpd Unsafe takes it"),
    ("host-port-then-x-cr", b"GET / HTTP/1.0\r\nHost: localhost:80 x\r\n\r", 400, 400, "error",
     "Host value 'localhost:80 x' has whitespace inside (profile: not uri-host [':' port]); the "
     "stream also ends in a bare CR inside the head. httpd agrees (400); the older row of the same "
     "test with a complete head is case host-port-then-x"),
    ("abs-port-80", b"GET http://localhost:80/ HTTP/1.0\r\n\r\n", 200, 200, "ok",
     "absolute-form with an explicit port"),
    ("abs-port-80x", b"GET http://localhost:80x/ HTTP/1.0\r\n\r\n", 400, 400, "error",
     "port '80x' is not digits (RFC 3986 3.2.3: port = *DIGIT), so the target is not a valid "
     "absolute-URI (RFC 9112 3.2.2); an invalid request-target is answered with 400 (RFC 9112 3); "
     "httpd agrees"),
    ("abs-port-twice", b"GET http://localhost:80:80/ HTTP/1.0\r\n\r\n", 400, 400, "error",
     "two ports in the authority: not a valid authority (RFC 3986 3.2); httpd agrees"),
    ("abs-double-colon", b"GET http://localhost::80/ HTTP/1.0\r\n\r\n", 400, 400, "error",
     "'localhost::80': the port would be ':80', not digits (RFC 3986 3.2.3); httpd agrees"),
    ("abs-userinfo", b"GET http://foo@localhost:80/ HTTP/1.0\r\n\r\n", 200, 400, "either",
     "userinfo in an http target: RFC 9110 4.2.4 deprecates it and says a recipient SHOULD treat it "
     "as an error, so both readings are allowed (as the project's smuggling corpus also has it); "
     "httpd Strict refuses (400), httpd Unsafe takes it (200)"),
    ("abs-ipv6-loopback", b"GET http://[::1]/ HTTP/1.0\r\n\r\n", 1, 1, "ok",
     "absolute-form with an IPv6 literal (RFC 3986 3.2.2 IP-literal)"),
    ("abs-ipv6-1-2", b"GET http://[::1:2]/ HTTP/1.0\r\n\r\n", 1, 1, "ok",
     "absolute-form with an IPv6 literal"),
    ("abs-ipv6-4712-abcd", b"GET http://[4712::abcd]/ HTTP/1.0\r\n\r\n", 1, 1, "ok",
     "absolute-form with an IPv6 literal"),
    ("abs-ipv6-4712-abcd-1", b"GET http://[4712::abcd:1]/ HTTP/1.0\r\n\r\n", 1, 1, "ok",
     "absolute-form with an IPv6 literal"),
    ("abs-ipv6-two-double-colons", b"GET http://[4712::abcd::]/ HTTP/1.0\r\n\r\n", 400, 400, "error",
     "'4712::abcd::' has '::' twice, which IPv6address forbids (RFC 3986 3.2.2), and it is not "
     "IPvFuture: not a valid IP-literal, so not a valid target; httpd agrees"),
    ("abs-ipv6-trailing-double-colon", b"GET http://[4712:abcd::]/ HTTP/1.0\r\n\r\n", 1, 1, "ok",
     "absolute-form with an IPv6 literal ending in '::'"),
    ("abs-ipv6-port", b"GET http://[4712::abcd]:8000/ HTTP/1.0\r\n\r\n", 1, 1, "ok",
     "absolute-form with an IPv6 literal and a port"),
    ("abs-ipv6-no-brackets", b"GET http://4713::abcd:8001/ HTTP/1.0\r\n\r\n", 400, 400, "error",
     "an IPv6 address without brackets: the authority is not host [':' port] (RFC 3986 3.2.2: an "
     "IPv6 literal is enclosed in brackets); httpd agrees"),
    ("host-ipv6-loopback", b"GET / HTTP/1.0\r\nHost: [::1]\r\n\r\n", 1, 1, "ok",
     "Host with an IPv6 literal"),
    ("host-ipv6-1-2", b"GET / HTTP/1.0\r\nHost: [::1:2]\r\n\r\n", 1, 1, "ok",
     "Host with an IPv6 literal"),
    ("host-ipv6-4711-abcd", b"GET / HTTP/1.0\r\nHost: [4711::abcd]\r\n\r\n", 1, 1, "ok",
     "Host with an IPv6 literal"),
    ("host-ipv6-4711-abcd-1", b"GET / HTTP/1.0\r\nHost: [4711::abcd:1]\r\n\r\n", 1, 1, "ok",
     "Host with an IPv6 literal"),
    ("host-ipv6-trailing-double-colon", b"GET / HTTP/1.0\r\nHost: [4711:abcd::]\r\n\r\n", 1, 1, "ok",
     "Host with an IPv6 literal ending in '::'"),
    ("host-ipv6-port", b"GET / HTTP/1.0\r\nHost: [4711::abcd]:8000\r\n\r\n", 1, 1, "ok",
     "Host with an IPv6 literal and a port"),
    ("host-ipv6-no-brackets", b"GET / HTTP/1.0\r\nHost: 4714::abcd:8001\r\n\r\n", 200, 400, "error",
     "Host value '4714::abcd:8001' is not uri-host [':' port] (an IPv6 address needs brackets, "
     "RFC 3986 3.2.2; profile: invalid Host is an error). Same as httpd Strict; httpd Unsafe takes it"),
    ("host-obs-text", b"GET / HTTP/1.0\r\nHost: abc\xa0\r\n\r\n", 200, 400, "error",
     "byte 0xA0 in the Host value: not allowed in reg-name (RFC 3986 3.2.2), so the Host value is "
     "invalid (profile). Same as httpd Strict; httpd Unsafe takes it"),
    ("host-backslash", b"GET / HTTP/1.0\r\nHost: abc\\foo\r\n\r\n", 400, 400, "error",
     "a backslash in the Host value: not a reg-name character (RFC 3986 3.2.2); httpd agrees"),
    ("abs-host-differs", b"GET http://foo/ HTTP/1.0\r\nHost: bar\r\n\r\n", 200, 200, "ok",
     "absolute-form target with a different Host: the server ignores Host and uses the target's "
     "authority (RFC 9112 3.2.2); not a decoding error"),
    ("abs-port-host-differs", b"GET http://foo:81/ HTTP/1.0\r\nHost: bar\r\n\r\n", 200, 200, "ok",
     "absolute-form with port and a different Host (RFC 9112 3.2.2)"),
    ("abs-ipv6-port-host-differs", b"GET http://[::1]:81/ HTTP/1.0\r\nHost: bar\r\n\r\n", 200, 200, "ok",
     "absolute-form with IPv6 literal and port, different Host (RFC 9112 3.2.2)"),
    ("abs-ipv4-port-host-differs", b"GET http://10.0.0.1:81/ HTTP/1.0\r\nHost: bar\r\n\r\n", 200, 200,
     "ok", "absolute-form with IPv4 literal and port, different Host (RFC 9112 3.2.2)"),
    ("host-hyphen", b"GET / HTTP/1.0\r\nHost: foo-bar.example.com\r\n\r\n", 200, 200, "ok",
     "Host with a hyphen"),
    ("host-underscore", b"GET / HTTP/1.0\r\nHost: foo_bar.example.com\r\n\r\n", 200, 200, "ok",
     "Host with an underscore: '_' is unreserved, so valid in reg-name (RFC 3986 2.3, 3.2.2)"),
    ("abs-underscore", b"GET http://foo_bar/ HTTP/1.0\r\n\r\n", 200, 200, "ok",
     "absolute-form whose host has an underscore (valid reg-name)"),
    ("regression-header", b"GET /regression-header HTTP/1.1\r\nHost:localhost\r\n\r\n", 500, 500, "ok",
     "an ordinary HTTP/1.1 request ('Host:' without OWS); httpd's 500 comes from the server's "
     "configuration (a mod_headers regression test), not from the request's syntax"),
]


def peer_answer(u, s):
    def one(x):
        if x is None:
            return "drops the connection"
        if x == 1:
            return "success"
        if x == 0:
            return "an error status"
        if x == 90:
            return "an HTTP/0.9 answer"
        return str(x)
    return "httpd Unsafe: %s, Strict: %s" % (one(u), one(s))


for slug, data, u, s, expect, note in HS_ROWS:
    source = src(F, "@test_cases", "row %r" % b2s(data))
    note = note + " [" + peer_answer(u, s) + "]"
    if expect == "ok":
        add("strict-" + slug, "request", data, "ok", parse_simple(data), note, source)
    elif expect == "error":
        add("strict-" + slug, "request", data, "error", [], note, source)
    else:
        add("strict-" + slug, "request", data, "either", parse_simple(data), note, source)

# The fragment row ends inside the head; its complete form tests the '#'.
d = b"GET /#frag HTTP/1.0\r\n\r\n"
add("strict-fragment-in-target-complete", "request", d, "either", parse_simple(d),
    "'#' in an origin-form target: RFC 9112 3.2.1's origin-form (absolute-path [ '?' query ]) has "
    "no fragment, and RFC 9112 3 lets a server answer an invalid request-line with 400 or a "
    "redirect; the project's strict-profile sweep (h1wire-profile-req-target-fragment) makes it "
    "'either'. httpd answers 400",
    src(F, "@test_cases", "row 'GET /#frag HTTP/1.0\\r\\n'", derived="head completed with an empty line"))

# Rows of the older version of the file with bytes the newer one no longer has.
d = b"GET / HTTP/1.0\r\nHost: localhost:80 x\r\n\r\n"
add("strict-host-port-then-x", "request", d, "error", [],
    "Host value 'localhost:80 x' has whitespace inside: not uri-host [':' port] (profile, RFC 9110 "
    "7.2); httpd agrees (400) [httpd (this version has a Strict column only): 400]",
    src(F + "@old", "@test_cases", "row %r" % b2s(d)))
d = b"GET /regression-header HTTP/1.1\r\nHost: localhost\r\n\r\n"
add("strict-regression-header-sp", "request", d, "ok", parse_simple(d),
    "an ordinary HTTP/1.1 request; httpd's 500 comes from its configuration (mod_headers "
    "regression test), not from the syntax [httpd: 500]",
    src(F + "@old", "@test_cases", "row %r" % b2s(d)))

# Response-header rows: the test sends GET /apache/http_strict/send_hdr.pl?<base64>
# and the CGI script puts the decoded line into its response head; httpd answers
# 500 when it refuses the line. The request on the wire is kept as it is (ok);
# the line itself is tested in a response head (derived response cases).
R_ROWS = [
    ("foo-bar", b"Foo: bar", 200, "ok", [("Foo", "bar")],
     "an ordinary response field line"),
    ("empty-value", b"Foo:", 200, "ok", [("Foo", "")],
     "an empty field value is allowed (RFC 9110 5.5: field-value = *field-content)"),
    ("empty-name", b": bar", 500, "error", None,
     "empty field name: not a token (RFC 9110 5.1); httpd refuses to send it (500)"),
    ("nul-in-name", b"F\x00oo: bar", 500, "error", None,
     "NUL in the field name (not a tchar); httpd refuses to send it (500)"),
    ("ctl-in-name", b"F\x01oo: bar", 500, "error", None,
     "control byte in the field name; httpd refuses to send it (500)"),
    ("lf-in-name", b"F\noo: bar", 500, "error", None,
     "a bare LF inside the head: lines end in CRLF (RFC 9112 2.2, profile); httpd refuses to send "
     "the line (500)"),
    ("tab-in-value", b"Foo: b\tar", 200, "ok", [("Foo", "b\tar")],
     "HTAB inside a value is field-content (RFC 9110 5.5)"),
    ("ctl-in-value", b"Foo: b\x01ar", 500, "error", None,
     "control byte 0x01 in a value (RFC 9110 5.5); httpd refuses to send it (500)"),
]
for slug, line, status, expect, hdrs, note in R_ROWS:
    q = base64.encodebytes(line).rstrip(b"\n")  # encode_base64 + chomp
    assert b"\n" not in q
    reqb = b"GET /apache/http_strict/send_hdr.pl?" + q + b" HTTP/1.0\r\n\r\n"
    row = "row 'R' . %r" % b2s(line)
    add("strict-resp-" + slug + "-request", "request", reqb, "ok", parse_simple(reqb),
        "the request the test sends for a response-header row: a plain HTTP/1.0 GET whose query is "
        "the base64 of the field line the CGI script is to send; it parses in any case (httpd: %d, "
        "decided by the script's output)" % status,
        src(F, "@test_cases", row + ", the request the test writes for it"))
    resp = b"HTTP/1.1 200 OK\r\n" + line + b"\r\nContent-Length: 0\r\n\r\n"
    msgs = []
    if expect == "ok":
        msgs = [msg(("HTTP/1.1", "200", "OK"), hdrs + [("Content-Length", "0")], "length")]
    add("strict-resp-" + slug, "response", resp, expect, msgs,
        "derived: the field line that send_hdr.pl writes into its response, placed in a response "
        "head with Content-Length: 0; " + note,
        src(F, "@test_cases", row, derived="the decoded field line in a response head"))

# ---------------------------------------------------------------------------
# t/apache/chunkinput.t
# POST <uri> HTTP/1.0, Transfer-Encoding: chunked, then "$data\r\n" (or the
# "::"-separated pieces of $data sent one by one, then "\r\n"), then
# "X-Chunk-Trailer: $$\r\n" and "\r\n".
# ---------------------------------------------------------------------------
F = "t/apache/chunkinput.t"
CHUNK_DATA = [
    ("zero", b"0", (200, 404), None),
    ("one-chunk", b"A\r\n1234567890\r\n0", (200, 404), b"1234567890"),
    ("ext", b"A; ext=val\r\n1234567890\r\n0", (200, 404), b"1234567890"),
    ("bws-4", b"A    \r\n1234567890\r\n0", (200, 404), "bws"),
    ("bws-4-pieces", b"A :: :: :: \r\n1234567890\r\n0", (200, 404), "bws"),
    ("bws-11", b"A           \r\n1234567890\r\n0", (400, 400), "bws"),
    ("size-overflow", b"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\r\n", (413, 413), "overflow"),
    ("del-in-ext", b"A; ext=\x7fval\r\n1234567890\r\n0", (400, 400), "del"),
    ("leading-sp", b" A", (400, 400), "lead"),
]
URIS = [(b"/echo_post_chunk", ""), (b"/i_do_not_exist_in_your_wildest_imagination", "-404")]


def chunk_body(data):
    pieces = data.split(b"::")
    if len(pieces) > 1:
        return b"".join(pieces) + b"\r\n"
    return data + b"\r\n"


CHUNK_WHY = {
    None: None,
    "bws": ("whitespace after the chunk size with no extension: an error in the profile "
            "(RFC 9112 7.1: chunk = chunk-size [ chunk-ext ] CRLF, and BWS only comes before ';')"),
    "overflow": "a 35-digit chunk size does not fit in 64 bits (profile: chunk-size fits u64)",
    "del": "DEL (0x7F) in a chunk extension value: not a token or quoted-string character "
           "(RFC 9112 7.1.1)",
    "lead": "whitespace before the chunk size: chunk-size = 1*HEXDIG (RFC 9112 7.1)",
}

for slug, data, answers, kind in CHUNK_DATA:
    for (uri, suf), status in zip(URIS, answers):
        body = chunk_body(data) + b"X-Chunk-Trailer: " + PID + b"\r\n\r\n"
        d10 = b"POST " + uri + b" HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n" + body
        detail = "$data %r, uri %s" % (b2s(data), b2s(uri))
        if len(data.split(b"::")) > 1:
            detail += " (the pieces between '::' sent one at a time: the same bytes as 'A    ')"
        why10 = ("Transfer-Encoding in an HTTP/1.0 request is an error in the profile (RFC 9112 "
                 "6.1: a server MUST treat such a framing as faulty; CONFORMANCE.md 3, framing 2)")
        if status in (200, 404):
            n10 = ("differs from httpd (%d): httpd reads the chunked body of an HTTP/1.0 request; "
                   % status) + why10 + "; the -http11 variant tests the chunk syntax itself"
        else:
            n10 = (why10 + "; the chunk data is bad as well (%s), which is what httpd answers %d "
                   "for; the -http11 variant tests that alone" % (CHUNK_WHY[kind], status))
        add("chunkinput-" + slug + suf, "request", d10, "error", [], n10, src(F, "@test_strings", detail))
        d11 = (b"POST " + uri + b" HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n"
               + body)
        s11 = src(F, "@test_strings", detail, derived="HTTP/1.1 with Host: localhost")
        vnote = ("derived: the test's request as HTTP/1.1 with a Host field, since the HTTP/1.0 "
                 "original is refused for Transfer-Encoding in HTTP/1.0 before its chunks matter; ")
        if kind is None or isinstance(kind, bytes):
            add("chunkinput-" + slug + suf + "-http11", "request", d11, "ok", parse_simple(d11),
                vnote + ("chunked body %s with the trailer field X-Chunk-Trailer; httpd: %d"
                         % ("empty" if kind is None else "'1234567890'", status))
                + ("; the chunk extension '; ext=val' has BWS after ';' (RFC 9112 7.1.1)"
                   if slug == "ext" else ""), s11)
        else:
            n = vnote + CHUNK_WHY[kind]
            if status in (200, 404):
                n = ("differs from httpd (%d; httpd allows up to 10 whitespace bytes after the "
                     "size): " % status) + n
            else:
                n += "; httpd agrees (%d)" % status
            add("chunkinput-" + slug + suf + "-http11", "request", d11, "error", [], n, s11)

# ---------------------------------------------------------------------------
# t/apache/teclchunk.t
# ---------------------------------------------------------------------------
F = "t/apache/teclchunk.t"
d = (b"POST /echo_post_chunk HTTP/1.1\r\nHost: localhost\r\nContent-Length: 77\r\n"
     b"Transfer-Encoding: chunked\r\n\r\n0\r\nX-Chunk-Trailer: " + PID + b"\r\n\r\n"
     b"GET /i_do_not_exist_in_your_wildest_imagination HTTP/1.1\r\nHost: localhost\r\n"
     b"\r\n\r\n")
add("teclchunk", "request", d, "error", [],
    "differs from httpd (answers the first request, 200, then closes without reading the second): "
    "Content-Length together with Transfer-Encoding in a request is an error in the profile "
    "(RFC 9112 6.1: such a message 'ought to be handled as an error', and the server MUST close the "
    "connection after it; CONFORMANCE.md 3, framing 2), so no message is delivered",
    src(F, "the whole stream", "the second request's empty line sent after the first answer, then "
        "one more CRLF"))

# ---------------------------------------------------------------------------
# t/apache/contentlength.t
# ---------------------------------------------------------------------------
F = "t/apache/contentlength.t"
CL_DATA = [
    ("empty", b"", "error", "an empty Content-Length value is not 1*DIGIT (RFC 9110 8.6)"),
    ("zero", b"0", "ok", "Content-Length: 0, then a lone CRLF after the message, which counts as "
                         "between messages (CONFORMANCE.md 1)"),
    ("zeros-34", b"0" * 34, "ok", "34 zeros: leading zeros are fine and the value (0) fits u64 "
                                  "(profile); the CRLF after the message is between messages"),
    ("huge", b"1" + b"0" * 33, "error", "10^33 does not fit in 64 bits (profile: Content-Length "
                                        "fits u64)"),
    ("minus-one", b"-1", "error", "a sign is not a DIGIT (RFC 9110 8.6)"),
    ("digits-then-letters", b"123abc", "error", "'123abc' is not 1*DIGIT (RFC 9110 8.6)"),
]
for slug, v, expect, why in CL_DATA:
    for uri, suf, status in [(b"/echo_post", "", 200 if expect == "ok" else 400),
                             (b"/i_do_not_exist_in_your_wildest_imagination", "-404",
                              404 if expect == "ok" else 400)]:
        d = b"POST " + uri + b" HTTP/1.0\r\nContent-Length: " + v + b"\r\n\r\n\r\n"
        note = why + "; httpd agrees (%d)" % status
        srcs = src(F, "@test_strings", "Content-Length %r, uri %s" % (b2s(v), b2s(uri)))
        if expect == "ok":
            add("contentlength-" + slug + suf, "request", d, "ok", parse_simple(d), note, srcs)
        else:
            add("contentlength-" + slug + suf, "request", d, "error", [], note, srcs)

# ---------------------------------------------------------------------------
# t/apache/headers.t: "GET /modules/cgi/env.pl HTTP/1.0\r\n" . $key . "\r\n"
# ---------------------------------------------------------------------------
F = "t/apache/headers.t"
HDR_KEYS = [
    # newer httpd (the branch taken with 2.2.32+ / 2.4.24+)
    ("no-ows", b"Hello:World\r\n", "World", "fixed"),
    ("ows-2", b"Hello:  World\r\n", "World", "fixed"),
    ("ows-trailing-sp", b"Hello:  World   \r\n", "World", "fixed"),
    ("ows-trailing-sp-tab", b"Hello:  World \t \r\n", "World", "fixed"),
    ("fold-sp", b"Hello: Foo\r\n Bar\r\n", None, "fixed"),
    ("fold-tab", b"Hello: Foo\r\n\tBar\r\n", None, "fixed"),
    ("fold-4sp", b"Hello: Foo\r\n    Bar\r\n", None, "fixed"),
    ("fold-ows-before", b"Hello: Foo \t \r\n Bar\r\n", None, "fixed"),
    ("fold-sp-tab-sp", b"Hello: Foo\r\n  \t Bar\r\n", None, "fixed"),
    # older httpd (the other branch): field lines ended by bare LF
    ("lf-no-ows", b"Hello:World\n", None, "old"),
    ("lf-sp-before-colon", b"Hello  :  World\n", None, "old"),
    ("lf-sp-before-colon-trailing", b"Hello  :  World   \n", None, "old"),
    ("lf-tab-before-colon", b"Hello \t :  World  \n", None, "old"),
    ("lf-fold-sp", b"Hello: Foo\n Bar\n", None, "old"),
    ("lf-fold-tab", b"Hello: Foo\n\tBar\n", None, "old"),
    ("lf-fold-4sp", b"Hello: Foo\n    Bar\n", None, "old"),
    ("lf-fold-ows-before", b"Hello: Foo \n Bar\n", None, "old"),
]
for slug, key, value, branch in HDR_KEYS:
    d = b"GET /modules/cgi/env.pl HTTP/1.0\r\n" + key + b"\r\n"
    detail = "%%headers key %r (%s branch)" % (b2s(key), "httpd >= 2.4.24 / 2.2.32" if branch == "fixed"
                                               else "older-httpd")
    srcs = src(F, "%headers", detail)
    if value is not None:
        add("headers-" + slug, "request", d, "ok",
            [msg(("GET", "/modules/cgi/env.pl", "HTTP/1.0"), [("Hello", value)])],
            "OWS around the value is not part of it (RFC 9112 5.1); httpd agrees (200, value 'World')",
            srcs)
    elif branch == "fixed":
        add("headers-" + slug, "request", d, "error", [],
            "differs from httpd (200, unfolds the value to 'Foo Bar'): obs-fold in a request is an "
            "error in the profile (RFC 9112 5.2: a server MUST either reject it with 400 or replace "
            "each fold with SP; the profile takes the first choice); converted with the strict "
            "expectation", srcs)
    else:
        why = "a field line ended by a bare LF (RFC 9112 2.2; bare LF is an off-by-default option)"
        if b" :" in key or b"\t:" in key:
            why += ", and whitespace between the field name and the colon (RFC 9112 5.1: MUST reject)"
        if b"\n " in key or b"\n\t" in key:
            why += ", and an obs-fold (rejected in requests)"
        add("headers-" + slug, "request", d, "error", [],
            "differs from httpd (the old-httpd branch expects 200): " + why
            + "; converted with the strict expectation", srcs)

# ---------------------------------------------------------------------------
# t/apache/limits.t: the requests are made by LWP from the test's parameters;
# here they are written with a Host field and the test's own fields only (LWP
# also adds TE, Connection and User-Agent). The test's server configuration
# sets small limits (LimitRequestLine 128, LimitRequestFieldSize 1024,
# LimitRequestFields 32, LimitRequestBody 65536); the corpus runs the
# profile's default limits, under which all of these parse.
# ---------------------------------------------------------------------------
F = "t/apache/limits.t"
LIM_NOTE = ("; derived from the test's parameters (LWP builds the request; its own TE, Connection and "
            "User-Agent fields are left out). ")


def lim_req(target, fields, body=None, chunks=None):
    d = b"GET " + target + b" HTTP/1.1\r\nHost: " + HOSTPORT + b"\r\n"
    for n, v in fields:
        d += n + b": " + v + b"\r\n"
    if chunks is not None:
        d += b"Transfer-Encoding: chunked\r\n\r\n"
        for c in chunks:
            d += b"%x\r\n" % len(c) + c + b"\r\n"
        d += b"0\r\n\r\n"
    elif body is not None:
        d = d.replace(b"Host: " + HOSTPORT + b"\r\n",
                      b"Host: " + HOSTPORT + b"\r\nContent-Length: %d\r\n" % len(body))
        d += b"\r\n" + body
    else:
        d += b"\r\n"
    return d


def pieces(s, n=102400):
    return [s[i:i + n] for i in range(0, len(s), n)]


LIMITS = [
    ("requestline-succeed", lim_req(b"/apache/limits/", [(b"X-Subtest", b"1")]), 200,
     "a short request-line"),
    ("requestline-fail", lim_req(b"/apache/limits/" + b"a" * 256, [(b"X-Subtest", b"2")]), 414,
     "a request-line of 284 bytes (the path has 256 'a's, limitrequestlinex2): over the "
     "test server's LimitRequestLine 128, far under the profile's 16 KiB line limit"),
    ("fieldsize-succeed", lim_req(b"/apache/limits/", [(b"X-Subtest", b"3"),
                                                        (b"X-overflow-field", b"short value")]), 200,
     "a short field"),
    ("fieldsize-fail", lim_req(b"/apache/limits/", [(b"X-Subtest", b"4"),
                                                     (b"X-overflow-field", b"a" * 2048)]), 400,
     "a 2048-byte field value: over the test server's LimitRequestFieldSize 1024, under the "
     "profile's 16 KiB line limit"),
    ("fieldcount-succeed", lim_req(b"/apache/limits/", [(b"X-Field-1", b"Testing field 1"),
                                                         (b"X-Subtest", b"5")]), 200,
     "one extra field"),
    ("fieldcount-fail", lim_req(b"/apache/limits/",
                                [(b"X-Field-%d" % i, b"Testing field %d" % i) for i in range(1, 65)]
                                + [(b"X-Subtest", b"6")]), 400,
     "66 field lines (64 X-Field-N, X-Subtest, Host; the test passes the X-Field-N in a Perl hash, "
     "so their order on the wire is not fixed): over the test server's LimitRequestFields 32, under "
     "the profile's 100"),
    ("bodysize-succeed-chunked", lim_req(b"/apache/limits/", [(b"Content-Type", b"text/plain"),
                                                               (b"X-Subtest", b"7")],
                                         chunks=pieces(b"a" * 1024)), 200,
     "a 1024-byte chunked body (LWP chunks a code-ref body; one chunk)"),
    ("bodysize-succeed", lim_req(b"/apache/limits/", [(b"Content-Type", b"text/plain"),
                                                       (b"X-Subtest", b"8")], body=b"a" * 1024), 200,
     "a 1024-byte body with Content-Length"),
    ("bodysize-fail-chunked", lim_req(b"/apache/limits/", [(b"Content-Type", b"text/plain"),
                                                            (b"X-Subtest", b"9")],
                                      chunks=pieces(b"a" * 131072)), 413,
     "a 131072-byte chunked body in chunks of at most 102400 bytes (as the test's chunk_it cuts "
     "it): over the test server's LimitRequestBody 65536; the profile limits no body size"),
    ("bodysize-fail", lim_req(b"/apache/limits/", [(b"Content-Type", b"text/plain"),
                                                    (b"X-Subtest", b"10")], body=b"a" * 131072), 413,
     "a 131072-byte body with Content-Length: over the test server's LimitRequestBody 65536; the "
     "profile limits no body size"),
    ("merged-fieldsize-succeed", lim_req(b"/apache/limits/", [(b"X-Subtest", b"11"),
                                                               (b"X-overflow-field", b"a" * 500),
                                                               (b"X-overflow-field", b"a" * 500)]), 200,
     "two X-overflow-field lines of 500 bytes"),
    ("merged-fieldsize-fail", lim_req(b"/apache/limits/", [(b"X-Subtest", b"12"),
                                                            (b"X-overflow-field", b"a" * 600),
                                                            (b"X-overflow-field", b"a" * 600)]), 400,
     "two X-overflow-field lines of 600 bytes: httpd merges them into one value over its "
     "LimitRequestFieldSize 1024; the decoder delivers two field lines, each far under 16 KiB"),
]
for slug, d, status, why in LIMITS:
    if status == 200:
        note = why + LIM_NOTE + "httpd agrees (200)"
    else:
        note = ("differs from httpd (%d, from the test's own small limits): " % status + why
                + LIM_NOTE + "With the profile's default limits (CONFORMANCE.md 3) it parses")
    add("limits-" + slug, "request", d, "ok", parse_simple(d), note,
        src(F, "$cond-$goodbad = %s" % slug.replace("-chunked", "").replace("merged-", "merged_"),
            "chunked" if slug.endswith("-chunked") else None, derived="request rebuilt from the test's "
            "parameters"))

# ---------------------------------------------------------------------------
# t/apache/pr35292.t: POST with a 1 MiB body to a location whose
# LimitRequestBody is 65536.
# ---------------------------------------------------------------------------
F = "t/apache/pr35292.t"
# (Scaled to 16 x 8192 bytes, still past that limit, so that the case
# does not hold 2 MB of JSON.)
d = (b"POST /apache/limits/ HTTP/1.1\r\nHost: localhost\r\nContent-Length: 131072\r\n\r\n"
     + b"x" * 8192 * 16)
add("pr35292-1mib-body", "request", d, "ok", parse_simple(d),
    "differs from httpd (413, from the location's LimitRequestBody 65536, the test checks that "
    "httpd answers before resetting the connection): a body with Content-Length past that limit "
    "parses; the profile has no body size limit. The test's body is 1 MiB (128 x 8192); this case "
    "sends 128 KiB (16 x 8192), past the same limit",
    src(F, "the request and its 128 x 8192 'x' body (scaled to 16 x 8192)"))

# ---------------------------------------------------------------------------
# t/apache/pr18757.t: HEAD through the forward proxy
# ---------------------------------------------------------------------------
F = "t/apache/pr18757.t"
d = b"HEAD http://" + HOSTPORT + b"/index.html HTTP/1.1\r\nHost: " + HOSTPORT + b"\r\n\r\n"
add("pr18757-head-absolute", "request", d, "ok", parse_simple(d),
    "a HEAD request in absolute-form with a matching Host, sent to a forward proxy; httpd "
    "answers it (the test checks the proxied Content-Length); host:port stands for "
    "Apache::TestRequest::hostport()", src(F, "the proxy request"))

# ---------------------------------------------------------------------------
# t/apache/hostcheck.t
# ---------------------------------------------------------------------------
F = "t/apache/hostcheck.t"
for slug, host, strict, desc in [
    ("localhost", b"localhost", 400, "ok"),
    ("localhost-port-1", b"localhost:1", 400, "port ignored"),
    ("notlisted", b"notlisted", 400, "name not listed"),
    ("ip", b"127.0.0.1", 400, "IP not in serveralias/servername"),
    ("default-strict", b"default-strict", 200, "NVH matches in default server"),
    ("nvh-strict", b"nvh-strict", 200, "NVH matches"),
    ("nvh-strict-port-1", b"nvh-strict:1", 200, "NVH matches port ignored"),
]:
    d = b"GET / HTTP/1.1\r\nHost: " + host + b"\r\n\r\n"
    n = "a valid HTTP/1.1 request with Host '%s'" % b2s(host)
    if strict == 400:
        n += ("; httpd's 'core' virtual host (StrictHostCheck) answers 400 because the name does not "
              "match a virtual host - a routing decision, not a parse error; the default host answers 200")
    else:
        n += "; httpd answers 200 on both virtual hosts"
    add("hostcheck-" + slug, "request", d, "ok", parse_simple(d), n, src(F, "@test_cases", desc))

# ---------------------------------------------------------------------------
# t/apache/mergeslashes.t
# ---------------------------------------------------------------------------
F = "t/apache/mergeslashes.t"
for slug, path, host, status, desc in [
    ("exact", b"/authz_core/a/b/c/index.html", b"merge-default", 403, "exact match"),
    ("front-2", b"//authz_core/a/b/c/index.html", b"merge-default", 403, "merged even at front"),
    ("front-3", b"///authz_core/a/b/c/index.html", b"merge-default", 403, "merged even at front"),
    ("c-slash-slash", b"/authz_core/a/b/c//index.html", b"merge-default", 403, "c// should be merged"),
    ("a-slash-slash", b"/authz_core/a//b/c/index.html", b"merge-default", 403, "a// should be merged"),
    ("disabled-a", b"/authz_core/a//b/c/index.html", b"merge-disabled", 403, "a// matches locationmatch"),
    ("disabled-c", b"/authz_core/a/b/c//index.html", b"merge-disabled", 200,
     "c// doesn't match locationmatch"),
    ("disabled-baseline", b"/authz_core/a/b/d/index.html", b"merge-disabled", 403, "baseline failed"),
    ("disabled-b-d", b"/authz_core/a/b//d/index.html", b"merge-disabled", 403,
     "b//d not merged for Location with OFF"),
]:
    d = b"GET " + path + b" HTTP/1.1\r\nHost: " + host + b"\r\nConnection: close\r\n\r\n"
    add("mergeslashes-" + slug, "request", d, "ok", parse_simple(d),
        "origin-form path with empty segments ('//' is allowed: absolute-path = 1*( '/' segment ), "
        "segment may be empty, RFC 9112 3.2.1 / RFC 3986 3.3); the decoder keeps the target as "
        "sent (merging slashes is the server's business); httpd: %d from its access rules" % status,
        src(F, "@test_cases", desc))

# ---------------------------------------------------------------------------
# t/apache/server_name_port.t
# "GET $prefix" . "modules/cgi/env.pl HTTP/1.1\r\nConnection: close\r\n"
# . ("Host: $host\r\n" if defined) . "\r\n"
# ---------------------------------------------------------------------------
F = "t/apache/server_name_port.t"
SNP = [
    (b"/", b"righthost"), (b"/", b"righthost:123"), (b"/", b"Righthost"), (b"/", b"Righthost:123"),
    (b"/", b"128.0.0.1"), (b"/", b"128.0.0.1:123"), (b"/", b"[::1]"), (b"/", b"[::1]:123"),
    (b"/", b"[a::1]"), (b"/", b"[a::1]:123"), (b"/", b"[A::1]"), (b"/", b"[A::1]:123"),
    (b"http://righthost/", None), (b"http://righthost:123/", None),
    (b"http://Righthost/", None), (b"http://Righthost:123/", None),
    (b"http://128.0.0.1/", None), (b"http://128.0.0.1:123/", None),
    (b"http://[::1]/", None), (b"http://[::1]:123/", None),
    (b"http://righthost/", b"wronghost"), (b"http://righthost:123/", b"wronghost:321"),
    (b"http://Righthost/", b"wronghost"), (b"http://Righthost:123/", b"wronghost:321"),
    (b"http://128.0.0.1/", b"126.0.0.1"), (b"http://128.0.0.1:123/", b"126.0.0.1:321"),
    (b"http://[::1]/", b"[::2]"), (b"http://[::1]:123/", b"[::2]:321"),
]


def slugify(b):
    s = b2s(b).lower()
    out = ""
    for ch in s:
        out += ch if ch.isalnum() else "-"
    while "--" in out:
        out = out.replace("--", "-")
    return out.strip("-")


for i, (prefix, host) in enumerate(SNP, 1):
    d = b"GET " + prefix + b"modules/cgi/env.pl HTTP/1.1\r\nConnection: close\r\n"
    if host is not None:
        d += b"Host: " + host + b"\r\n"
    d += b"\r\n"
    slug = "snp-%02d-%s" % (i, slugify(prefix if prefix != b"/" else b"origin"))
    if host is not None:
        slug += "-host-" + slugify(host)
    detail = "row %d: prefix %r, Host %s" % (i, b2s(prefix), repr(b2s(host)) if host else "none")
    srcs = src(F, "@test_cases", detail)
    if host is None:
        add(slug, "request", d, "error", [],
            "differs from httpd (200, takes the host from the absolute-form target): an HTTP/1.1 "
            "request without Host is an error (RFC 9112 3.2: a server MUST answer 400 to an HTTP/1.1 "
            "request without Host, absolute-form or not; profile); the -host variant has the "
            "target's authority as Host", srcs)
        auth = prefix[len(b"http://"):].rstrip(b"/")
        first, rest = d.split(b"\r\n", 1)
        d2 = first + b"\r\nHost: " + auth + b"\r\n" + rest
        add(slug + "-host", "request", d2, "ok", parse_simple(d2),
            "derived: the absolute-form request with its target's authority added as Host after the "
            "request-line, so the case tests the target form; httpd answers the original 200",
            srcs + " (variant: Host field added)")
    else:
        n = "a valid HTTP/1.1 request with Host '%s'" % b2s(host)
        if prefix != b"/":
            n += ("; the absolute-form target's authority differs from Host: the server uses the "
                  "target's (RFC 9112 3.2.2), not a decoding error")
        if b"[" in host:
            n += "; an IPv6 literal (hex digits in either case) in Host is a valid uri-host"
        add(slug, "request", d, "ok", parse_simple(d), n + "; httpd agrees (200)", srcs)

# ---------------------------------------------------------------------------
# t/security
# ---------------------------------------------------------------------------
F = "t/security/CAN-2004-0942.t"
d = b"GET /index.html HTTP/1.0\r\nHello:\r\n" + (b" " * 500 + b"\r\n") * 100 + b"\r\n"
add("can-2004-0942-long-fold", "request", d, "error", [],
    "100 obs-fold lines of 500 spaces after an empty 'Hello:' field: obs-fold in a request is an "
    "error in the profile (RFC 9112 5.2); httpd also refuses (400, field longer than its limit)",
    src(F, "the request"))

F = "t/security/CVE-2009-1890.t"
d = (b"POST /reverse/modules/cgi/perl_echo.pl HTTP/1.0\r\nContent-Length: 0100000\r\n\r\n"
     + b"x" * 100000)
add("cve-2009-1890-cl-leading-zero", "request", d, "ok", parse_simple(d),
    "Content-Length with a leading zero ('0' . 100000): leading zeros are fine (profile), the body "
    "is 100000 bytes (sent in two halves); httpd agrees (200, proxies the whole body)",
    src(F, "the request and its body"))

F = "t/security/CVE-2009-3555.t"
d = (b"GET /require/asf/ HTTP/1.1\r\nHost: " + HOSTPORT + b"\r\n\r\n"
     b"GET /this/is/a/prefix/injection/attack HTTP/1.0\r\nHost: " + HOSTPORT + b"\r\n\r\n")
add("cve-2009-3555-pipelined", "request", d, "ok", parse_simple(d),
    "two pipelined requests (the test sends them over TLS and checks the renegotiation defence); "
    "at the HTTP/1 level both parse; httpd answers the first 200 and closes (Connection: close), "
    "a decision above the decoder; host:port stands for Apache::TestRequest::hostport()",
    src(F, "$req"))

for f in ("t/security/CVE-2011-3368.t", "t/security/CVE-2011-3368-rewrite.t"):
    d = b"GET @localhost/foobar.html HTTP/1.1\r\nHost: " + HOSTPORT + b"\r\n\r\n"
    add("cve-2011-3368-at-target", "request", d, "error", [],
        "request-target '@localhost/foobar.html' is none of origin-form ('/'), absolute-form "
        "(scheme), asterisk-form or, for CONNECT, authority-form (RFC 9112 3.2; profile: a target "
        "that does not fit the method is an error); httpd agrees (400). A proxy that prepends "
        "'http://host' to it would route to 'localhost'",
        src(f, "$req"))

F = "t/security/CVE-2017-7659.t"
d = b"p * HTTP/1.0\r\nConnection:H/\r\nUpgrade:h2c\r\nHTTP2-Settings:\r\n\r\n"
add("cve-2017-7659-p-asterisk-h2c", "request", d, "either", parse_simple(d),
    "method 'p' (a token) with asterisk-form: asterisk-form with a method other than OPTIONS is "
    "'either' in the profile; the fields are well-formed ('HTTP2-Settings' is empty) and an Upgrade "
    "request is an ordinary message; httpd must not crash (the test only checks that it answers)",
    src(F, "the request"))

F = "t/security/CVE-2020-1927.t"
d = (b"GET /CVE-2020-1927/%0D%0Ahttp://127.0.0.1/ HTTP/1.1\r\nHost: merge-disabled\r\n"
     b"Connection: close\r\n\r\n")
add("cve-2020-1927-pct-crlf-in-path", "request", d, "ok", parse_simple(d),
    "percent-encoded CR LF in the path is plain ASCII on the wire, a valid origin-form target "
    "(the decoder does not decode it); httpd agrees (404: its redirect rule must not match)",
    src(F, "$req (sprintf turns %% into %)"))

# ---------------------------------------------------------------------------
# t/modules/remoteip.t: a PROXY protocol preamble before an HTTP/1.1 request.
# mod_remoteip consumes the preamble before HTTP parsing; an HTTP/1 decoder
# reading the stream as it is must refuse it.
# ---------------------------------------------------------------------------
F = "t/modules/remoteip.t"
url = b"GET /index.html HTTP/1.1\r\nConnection: close\r\nHost: dummy\r\n\r\n"
bin_proxy = (b"\x0d\x0a\x0d\x0a\x00\x0d\x0a\x51\x55\x49\x54\x0a" b"\x21" b"\x11" b"\x00\x0c"
             b"\xc0\xa8\xc0\x42\xc0\xa8\xc0\x4d\x01\xf0\x01\xf1")
for slug, pre, status, what in [
    ("tcp4", b"PROXY TCP4 192.168.192.66 192.168.192.77 1111 2222\r\n", "200", "human readable TCP4"),
    ("bad-foo", b"PROXY FOO 192.168.192.66 192.168.192.77 1111 2222\r\n", "drops the connection",
     "BAD format"),
    ("tcp6", b"PROXY TCP6 2001:DB8::21f:5bff:febf:ce22:8a2e 2001:DB8::12f:8baa:eafc:ce29:6b2e 3333 4444\r\n",
     "200", "human readable TCP6"),
    ("binary", bin_proxy, "200", "binary format"),
]:
    d = pre + url
    if slug == "binary":
        why = ("read as HTTP/1, the binary PROXY v2 signature starts with CRLF CRLF: one empty line "
               "before a request-line is skipped, a second one is an error (profile)")
    else:
        why = ("read as HTTP/1, the PROXY line is a request-line 'PROXY <x> <addresses...>' with more "
               "than three parts and no valid target or version (RFC 9112 3)")
    add("remoteip-" + slug, "request", d, "error", [],
        ("differs from httpd (%s): " % status if status == "200" else "httpd %s; " % status)
        + why + ". mod_remoteip reads the PROXY protocol preamble before HTTP parsing; that layer is "
        "not HTTP/1, and an HTTP/1 decoder given the raw stream must refuse it",
        src(F, what))
add("remoteip-http-part", "request", url, "ok", parse_simple(url),
    "the HTTP/1.1 request that follows the PROXY preamble, on its own: Connection: close and Host",
    src(F, "$url", derived="without the PROXY preamble"))

# ---------------------------------------------------------------------------
# t/modules/http2.t: an HTTP/1.1 request on the h2 host (over TLS)
# ---------------------------------------------------------------------------
F = "t/modules/http2.t"
d = b"GET / HTTP/1.1\r\nHost: " + HOSTPORT + b"\r\n\r\n"
add("http2-h1-get", "request", d, "ok", parse_simple(d),
    "a plain HTTP/1.1 GET with Host; httpd agrees (200); host:port stands for "
    "Apache::TestRequest::hostport()", src(F, "$req (TLS version probe)"))

# ---------------------------------------------------------------------------
# Raw responses: t/modules/proxy.t's UDS backend, and the nph CGI scripts
# whose output httpd passes on unparsed to the client (LWP in cgi.t) or to
# mod_proxy_http (t/ssl/proxy.t).
# ---------------------------------------------------------------------------
F = "t/modules/proxy.t"
d = b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nhello world\n"
add("proxy-uds-backend-response", "response", d, "ok",
    [msg(("HTTP/1.0", "200", "OK"), [("Content-Type", "text/plain")], "close", b"hello world\n")],
    "an HTTP/1.0 response without Content-Length: the body runs to end of stream (RFC 9112 6.3 "
    "step 8); mod_proxy_http agrees (200, 'hello world')",
    src(F, "uds_script, the response the Unix-socket backend writes"))

F = "t/htdocs/modules/cgi/nph-test.pl"
d = (b"HTTP/1.0 200 OK\r\nContent-type: text/html\nPragma: no-cache\n"
     b"Cache-control: must-revalidate, no-cache, no-store\nExpires: -1\n\nok\n")
add("nph-test-response", "response", d, "error", [],
    "differs from the client in t/modules/cgi.t (LWP reads it as 200 with body 'ok'): after a CRLF "
    "status-line the field lines end in bare LF (print join(\"\\n\", ...)); the profile requires "
    "CRLF (RFC 9112 2.2; bare LF is an off-by-default option)",
    src(F, "the script's output (an nph script: httpd sends it to the client as it is)")
    + "; used by t/modules/cgi.t (commit %s), key 'nph-test.pl'" % VERSIONS["t/modules/cgi.t"])

F = "t/htdocs/modules/cgi/nph-foldhdr.pl.PL"
d = b"HTTP/1.0 200 OK\r\n"
for i in range(1, 501):
    d += b"X-Foo-Bar-%d:\n " % i + b"x" * i + b"\n"
    d += b"X-Bar-%d:\n gamm\r\n beta\n theta\r\n" % i
d += b"Content-type: \n  text/plain\n\n" + b"hello, world"
add("nph-foldhdr-response", "response", d, "error", [],
    "differs from mod_proxy_http in t/ssl/proxy.t (200, 'CGI script with folded headers'): the "
    "field lines end in bare LF (and some in CRLF), which the profile refuses (RFC 9112 2.2); the "
    "head is also about 150 KB (149592 bytes with the body), over the default 64 KiB head limit. Folding itself is accepted in "
    "responses: see the -crlf variant",
    src(F, "the script's output (an nph script: passed on unparsed)")
    + "; used by t/ssl/proxy.t (commit %s)" % VERSIONS["t/ssl/proxy.t"])
d = b"HTTP/1.0 200 OK\r\n"
hdrs = []
for i in range(1, 3):
    d += b"X-Foo-Bar-%d:\r\n " % i + b"x" * i + b"\r\n"
    d += b"X-Bar-%d:\r\n gamm\r\n beta\r\n theta\r\n" % i
    hdrs += [("X-Foo-Bar-%d" % i, "x" * i), ("X-Bar-%d" % i, "gamm beta theta")]
d += b"Content-type: \r\n  text/plain\r\n\r\n" + b"hello, world"
hdrs.append(("Content-type", "text/plain"))
add("nph-foldhdr-response-crlf", "response", d, "ok",
    [msg(("HTTP/1.0", "200", "OK"), hdrs, "close", b"hello, world")],
    "derived: the script's first two rounds of folded fields with every line ended in CRLF: obs-fold "
    "in a response is accepted and each fold reads as one SP (profile; RFC 9112 5.2 lets a user agent "
    "replace each obs-fold with SP), so 'X-Bar-1' is 'gamm beta theta' and an empty first line "
    "followed by a fold reads as the folded text; close-delimited body 'hello, world'; "
    "mod_proxy_http answers the original 200",
    src(F, "the script's output", derived="rounds 1-2 only, CRLF line ends"))

F = "t/htdocs/modules/cgi/nph-101.pl.PL"
d = (b"HTTP/1.1 101 Please Wait...\r\nHost: nph-101\r\n\r\n"
     b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nthis is nph-stdout")
add("nph-101-response", "response", d, "ok",
    [msg(("HTTP/1.1", "101", "Please Wait..."), [("Host", "nph-101")], "upgrade")],
    "a 101 response: the connection leaves HTTP/1 after its head, so the '200' that follows "
    "belongs to the new protocol and is not decoded (profile framing 1; RFC 9110 15.2.2). The "
    "script meant an interim answer before the 200; later versions of the suite send 102 instead "
    "(see the -102 variant)",
    src(F, "the script's output (an nph script: passed on unparsed)"))
d = (b"HTTP/1.1 102 Please Wait...\r\nHost: nph-102\r\n\r\n"
     b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nthis is nph-stdout")
add("nph-101-response-102", "response", d, "ok",
    [msg(("HTTP/1.1", "102", "Please Wait..."), [("Host", "nph-102")], "none"),
     msg(("HTTP/1.1", "200", "OK"), [("Content-Type", "text/plain")], "close", b"this is nph-stdout")],
    "derived: the same script with status 102 (Processing), as t/modules/proxy.t requests "
    "nph-102.pl: a 1xx other than 101 is an interim message of its own without body, then the 200 "
    "with a close-delimited body (RFC 9110 15.2, RFC 9112 6.3 step 1); proxy.t expects the final "
    "200 'this is nph-stdout' (with a note that LWP shows the 102)",
    src(F, "the script's output", derived="status 102 and Host nph-102, as proxy.t's nph-102.pl")
    + "; requested by t/modules/proxy.t (commit %s)" % VERSIONS["t/modules/proxy.t"])


def main():
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))
    with open(os.path.join(here, "apache_httpd.json"), "w") as f:
        json.dump(CASES, f, ensure_ascii=True, indent=1)
        f.write("\n")
    counts = {}
    for c in CASES:
        k = (c["mode"], c["expect"])
        counts[k] = counts.get(k, 0) + 1
    print("cases: %d %s" % (len(CASES), sorted(counts.items())))
    print("derived (variants): %d" % sum(1 for c in CASES if "(variant:" in c["source"]))
    print("duplicates dropped: %d" % len(DUPLICATES))
    for s, cid in DUPLICATES:
        print("  dup of %s: %s" % (cid, s))


if __name__ == "__main__":
    main()
