#!/usr/bin/env python3
"""Build tests/corpus/nginx.json: h1wire corpus cases made from the test
messages of nginx's test suite (nginx/nginx-tests, BSD-2-Clause).

Only the test MESSAGES (request bytes sent to nginx, response bytes printed by
the tests' fake upstreams) are taken, with attribution in each case's
"source"; no nginx-tests code or prose is copied.  Every expectation was
decided from the strict profile (CONFORMANCE.md section 3) and RFC 9112 /
RFC 9110, not from nginx's answer and not from h1wire's.

How a test becomes bytes
  - Test::Nginx's http() (lib/Test/Nginx.pm) writes its argument to the
    socket unchanged: no line-end conversion.
  - Perl `CRLF` (Socket) is "\\x0d\\x0a".
  - An interpolating heredoc (<<EOF / <<"EOF") keeps its line ends as LF; a
    line written as `...\\r` followed by the heredoc's line end is CR LF.
    Heredoc lines without `\\r` (Test::Nginx's http_get()/http_head(), the
    http_keepalive.t and proxy_non_idempotent.t heredocs) are bare LF.
  - "\\n" inside a double-quoted Perl string is a bare LF; in single-quoted
    strings only \\\\ and \\' are escapes (so '\\e' is backslash + 'e').
  - port(8080) etc. are written as the literal port number.
Derived variants ("source" ends in "(variant: ...)"):
  - "-crlf": the same request with every bare LF line end turned into CRLF,
    so that the case tests what nginx's test was written for (nginx accepts
    bare LF; the profile rejects it first);
  - "-body": the request completed with the chunked body its test omits.
"""

import base64
import json
import os

NAME = "nginx"
REPO = "nginx/nginx-tests"
OUT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), NAME + ".json")

F = {
    "host": "http_host.t @38254be8aa219886e72c0b970715a57bf8da14f4",
    "uri": "http_uri.t @290ea465420f6d9da1f9cb5c5b60365e91e535ed",
    "method": "http_method.t @afff857a95d0019221949dc05075a565cde716e2",
    "ows": "http_header_ows.t @7a3d96ff244a2d1be844f4270001562e25a9d44f",
    "multi": "http_headers_multi.t @4ecd459644a5e0fbf2e3491222d2266caf6dd999",
    "iih": "ignore_invalid_headers.t @38254be8aa219886e72c0b970715a57bf8da14f4",
    "bc": "body_chunked.t @166cd58af25f07fa3d83cae2a8cf00a631638e3f",
    "e100": "http_expect_100_continue.t @89220fa3331b224a025cc4ad80272ec6afa0602d",
    "ka": "http_keepalive.t @16373f1dc42d1d06332be765f5a90c32dc7a928a",
    "pch": "proxy_chunked.t @89220fa3331b224a025cc4ad80272ec6afa0602d",
    "pxd": "proxy_extra_data.t @563a80202828e34b57c6e68b39b3b04e9a82523b",
    "pka": "proxy_keepalive.t @1b954081f0aaa6973dc196dd73c71da19f0a3a1a",
    "pni": "proxy_non_idempotent.t @559a87a2a66e0e71a7f69ec64a683ac4e9b21d64",
    "prbc": "proxy_request_buffering_chunked.t @38254be8aa219886e72c0b970715a57bf8da14f4",
    "pcc": "proxy_cache_chunked.t @38254be8aa219886e72c0b970715a57bf8da14f4",
    "pup": "proxy_upgrade.t @9cbdee6fd54051a5c5b7a748b00ba69e26c0e1b4",
    "bd": "body_discard.t @5f0d0378a1835e3a4c3f2bb3131a51eb8fd4045d",
    "pdup": ("the proxy test whose header reads 'Test for http backend returning "
             "response with invalid and duplicate headers' (its file name and commit "
             "were not shown by the index)"),
}

cases = []
ids = set()
stats = {"skipped": {}, "dup_tests": 0}
CRLF = "\r\n"


def skip(reason, n=1):
    stats["skipped"][reason] = stats["skipped"].get(reason, 0) + n


def src(key, test, variant=None):
    s = "%s %s: %s" % (REPO, F[key], test)
    if variant:
        s += " (variant: %s)" % variant
    return s


def M(start, headers, framing, body="", trailers=()):
    return {"start": list(start), "headers": [list(h) for h in headers],
            "framing": framing, "body": body,
            "trailers": [list(t) for t in trailers], "complete": True}


def add(cid, mode, inp, expect, messages, note, source, methods=()):
    cid = NAME + "-" + cid
    assert cid not in ids, cid
    ids.add(cid)
    if isinstance(inp, bytes):
        inp = inp.decode("latin-1")
    cases.append({"id": cid, "mode": mode, "methods": list(methods),
                  "input": inp, "expect": expect, "messages": messages,
                  "note": note, "source": source})


def lf2crlf(s):
    return s.replace("\r\n", "\n").replace("\n", "\r\n")


# a reference reading for WELL-FORMED inputs only: it builds the messages of
# inputs whose expectation was decided by hand below (expect/messages count
# are always chosen by hand; this only spares retyping headers and bodies).
def parse(inp, mode="request", methods=(), count=None):
    msgs = []
    pos = 0
    methods = list(methods)
    while pos < len(inp) and (count is None or len(msgs) < count):
        if mode == "request" and inp.startswith("\r\n", pos):
            pos += 2
            continue
        end = inp.index("\r\n\r\n", pos)
        lines = inp[pos:end].split("\r\n")
        pos = end + 4
        start = lines[0].split(" ", 2)
        hdrs = []
        for ln in lines[1:]:
            if ln[:1] in (" ", "\t"):
                hdrs[-1][1] = (hdrs[-1][1] + " " + ln.strip(" \t")).strip(" \t")
                continue
            n, v = ln.split(":", 1)
            hdrs.append([n, v.strip(" \t")])
        h = {}
        for n, v in hdrs:
            h.setdefault(n.lower(), []).append(v)
        framing, body, trailers = "none", "", []
        if mode == "response":
            meth = "GET"
            st = int(start[1])
            if not 100 <= st < 200:
                meth = methods.pop(0) if methods else "GET"
            if st == 101 or (meth == "CONNECT" and 200 <= st < 300):
                msgs.append(M(start, hdrs, "upgrade"))
                return msgs
            if meth == "HEAD" or st < 200 or st in (204, 304):
                msgs.append(M(start, hdrs, "none"))
                continue
        te = ",".join(h.get("transfer-encoding", []))
        if te and [x.strip(" \t").lower() for x in te.split(",") if x.strip(" \t")][-1] != "chunked":
            assert mode == "response"
            framing = "close"
            body = inp[pos:]
            pos = len(inp)
        elif te:
            framing = "chunked"
            while True:
                e = inp.index("\r\n", pos)
                size = int(inp[pos:e].split(";")[0], 16)
                pos = e + 2
                if size == 0:
                    break
                body += inp[pos:pos + size]
                pos += size + 2
            while not inp.startswith("\r\n", pos):
                e = inp.index("\r\n", pos)
                n, v = inp[pos:e].split(":", 1)
                trailers.append([n, v.strip(" \t")])
                pos = e + 2
            pos += 2
        elif "content-length" in h:
            framing = "length"
            n = int(h["content-length"][0])
            body = inp[pos:pos + n]
            pos += n
        elif mode == "response":
            framing = "close"
            body = inp[pos:]
            pos = len(inp)
        msgs.append(M(start, hdrs, framing, body, trailers))
    return msgs


def ok(cid, inp, note, source, mode="request", methods=()):
    add(cid, mode, inp, "ok", parse(inp, mode, methods), note, source, methods)


def err(cid, inp, nmsg, note, source, mode="request", methods=()):
    msgs = parse(inp, mode, methods, count=nmsg) if nmsg else []
    assert len(msgs) == nmsg, (cid, len(msgs))
    add(cid, mode, inp, "error", msgs, note, source, methods)


def either(cid, inp, note, source, mode="request", methods=(), messages=None):
    if messages is None:
        messages = parse(inp, mode, methods)
    add(cid, mode, inp, "either", messages, note, source, methods)


BARELF = ("the request's line ends are bare LF (the Perl heredoc / \"\\n\" has no \\r, and "
          "Test::Nginx's http() sends the bytes unchanged): the profile requires CRLF and "
          "rejects a bare LF (RFC 9112 2.2 lets a recipient accept it; the profile does not); "
          "nginx accepts bare LF. The '-crlf' variant tests what the test is about.")


def barelf_pair(cid, inp_lf, crlf_expect, crlf_nmsg, about, source_key, test,
                crlf_note=None):
    """The original bare-LF request (error, no message) and its CRLF variant."""
    err(cid, inp_lf, 0, "differs from nginx: " + BARELF + " Test: " + about,
        src(source_key, test))
    inp = lf2crlf(inp_lf)
    note = (crlf_note or about) + " (derived: bare LF line ends of the test turned into CRLF)"
    if crlf_expect == "ok":
        ok(cid + "-crlf", inp, note, src(source_key, test, "CRLF line ends"))
    elif crlf_expect == "error":
        err(cid + "-crlf", inp, crlf_nmsg, note, src(source_key, test, "CRLF line ends"))
    else:
        either(cid + "-crlf", inp, note, src(source_key, test, "CRLF line ends"))


def http_get(url):
    """Test::Nginx http_get(): bare LF heredoc."""
    return "GET %s HTTP/1.0\nHost: localhost\n\n" % url


def http_head(url):
    return "HEAD %s HTTP/1.0\nHost: localhost\n\n" % url


# =================================================================== http_host.t
def host_header(h):
    return "GET / HTTP/1.0\r\nHost: %s\r\n\r\n" % h


def abs_path(h):
    return "GET http://%s/ HTTP/1.0\r\nHost: localhost\r\n\r\n" % h


HOSTOK = ("HTTP/1.0 request whose Host value is a valid uri-host [\":\" port] (RFC 9110 7.2, "
          "RFC 3986 3.2.2): accepted; nginx answers 200 with the normalised host")
ABSOK = ("HTTP/1.0 absolute-form request (RFC 9112 3.2.2) whose authority is valid "
         "(RFC 3986 3.2); the different Host field is ignored by the server, not an error: accepted")

host_ok = [
    ("host-domain", "www.abcd-ef.g02.xyz", "domain w/o port (host header)"),
    ("host-domain-port", "abcd-ef.g02.xyz:8080", "domain w/port (host header)"),
    ("host-domain-dot", "www.abcd-ef.g02.xyz.", "domain w/ ending dot w/o port (host header)"),
    ("host-domain-dot-port", "abcd-ef.g02.xyz.:88", "domain w/ ending dot w/port (host header)"),
    ("host-mixed-case-port", "AbC-d93.0.34ZhGt-s.nk.Ru:88", "mixed case domain w/port (host header)"),
    ("host-ipv4", "123.40.56.78", "ipv4 w/o port (host header)"),
    ("host-ipv4-port", "123.49.0.78:987", "ipv4 w/port (host header)"),
    ("host-ipv6", "[abcd::ef98:0:7654:321]", "ipv6 literal w/o port (host header)"),
    ("host-ipv6-port", "[abcd::ef98:0:7654:321]:80", "ipv6 literal w/port (host header)"),
    ("host-ipv4-mapped", "[::ffff:12.30.67.89]", "ipv4-mapped ipv6 w/o port (host header)"),
    ("host-ipv4-mapped-port", "[::123.45.67.89]:4321", "ipv4-mapped ipv6 w/port (host header)"),
]
for cid, h, test in host_ok:
    ok(cid, host_header(h), HOSTOK, src("host", test))

abs_ok = [
    ("abs-domain", "abcd-ef.g02.xyz", "domain w/o port (absolute request)"),
    ("abs-domain-port", "www.abcd-ef.g02.xyz:10", "domain w/port (absolute request)"),
    ("abs-domain-dot", "www.abcd-ef.g02.xyz.", "domain w/ ending dot w/o port (absolute request)"),
    ("abs-domain-dot-port", "abcd-ef.g02.xyz.:2", "domain w/ ending dot w/port (absolute request)"),
    ("abs-mixed-case", "AbC-d93.0.34ZhGt-s.nk.Ru", "mixed case domain w/o port (absolute request)"),
    ("abs-ipv4", "123.49.0.78", "ipv4 w/o port (absolute request)"),
    ("abs-ipv4-port", "123.40.56.78:123", "ipv4 w/port (absolute request)"),
    ("abs-ipv6", "[abcd::ef98:0:7654:321]", "ipv6 literal w/o port (absolute request)"),
    ("abs-ipv6-port", "[abcd::ef98:0:7654:321]:5", "ipv6 literal w/port (absolute request)"),
    ("abs-ipv4-mapped", "[::123.45.67.89]", "ipv4-mapped ipv6 w/o port (absolute request)"),
    ("abs-ipv4-mapped-port", "[::ffff:12.30.67.89]:4321", "ipv4-mapped ipv6 w/port (absolute request)"),
]
for cid, h, test in abs_ok:
    ok(cid, abs_path(h), ABSOK, src("host", test))

err("host-path-separators", host_header("example.com/\\:552"), 0,
    "Host value 'example.com/\\:552' has '/' and '\\', which no uri-host holds, and a port that "
    "is not 1*DIGIT (RFC 9110 7.2, RFC 3986 3.2.2): error; nginx 400 too",
    src("host", "domain w/ path separators (host header)"))
err("abs-path-separators", abs_path("\\e/xample.com"), 0,
    "absolute-form target 'http://\\e/xample.com/': the authority '\\e' holds a '\\', which "
    "RFC 3986 does not allow in a URI: not a valid absolute-URI (RFC 9112 3.2.2), and the "
    "authority replaces Host for routing, so the profile's Host strictness applies: error; "
    "nginx 400 too", src("host", "domain w/ path separators (absolute request)"))
ok("host-double-dot", host_header("..examp-LE.com"),
   "differs from nginx: Host '..examp-LE.com' is a syntactically valid reg-name (RFC 3986 3.2.2: "
   "reg-name = *( unreserved / pct-encoded / sub-delims ), '.' is unreserved), so it is a valid "
   "uri-host (RFC 9110 7.2) and the profile accepts it; nginx answers 400 because it refuses "
   "empty DNS labels ('..'), a server policy on host names, not HTTP/1 syntax",
   src("host", "domain w/ double dot (host header)"))
ok("abs-double-dot-empty-port", abs_path("com.exa-m.45..:"),
   "differs from nginx: 'http://com.exa-m.45..:/' is a valid absolute-URI: the reg-name may hold "
   "'..' and port = *DIGIT may be empty (RFC 3986 3.2.2, 3.2.3); nginx answers 400 because of "
   "the empty DNS label, a server policy on host names, not HTTP/1 syntax",
   src("host", "domain w/ double dot (absolute request)"))
err("host-ipv6-path-separators", host_header("[abcd::e\\f98:0/:7654:321]"), 0,
    "Host '[abcd::e\\f98:0/:7654:321]': '\\' and '/' inside an IP-literal: not an IPv6address "
    "nor IPvFuture (RFC 3986 3.2.2), so not a uri-host: error; nginx 400 too",
    src("host", "ipv6 literal w/ path separators (host header)"))
err("abs-ipv6-path-separators", abs_path("[abcd\\::ef98:0:7654:321/]:12"), 0,
    "absolute-form authority '[abcd\\::ef98:0:7654:321/]:12' is no valid IP-literal ('\\' and "
    "'/' inside; RFC 3986 3.2.2) -- and the '/' ends the authority early, leaving '[abcd\\::...' "
    "unclosed: not a valid absolute-URI (RFC 9112 3.2.2): error; nginx 400 too",
    src("host", "ipv6 literal w/ path separators (absolute request)"))
err("host-ipv6-double-dot", host_header("[abcd::ef98:0:7654:321]..:98"), 0,
    "Host '[abcd::ef98:0:7654:321]..:98': an IP-literal may only be followed by ':' port; '..' "
    "after ']' makes it no uri-host [':' port] (RFC 9110 7.2, RFC 3986 3.2.2): error; nginx 400 "
    "too (nginx-tests runs this test twice: one case)",
    src("host", "ipv6 literal w/ double dot (host header)"))
err("abs-ipv6-double-dot", abs_path("[ab..cd::ef98:0:7654:321]"), 0,
    "absolute-form authority '[ab..cd::ef98:0:7654:321]': '.' may not appear there in an "
    "IPv6address and it is not IPvFuture (no leading 'v'): no valid IP-literal (RFC 3986 3.2.2), "
    "no valid absolute-URI: error; nginx 400 too (nginx-tests runs this test twice: one case)",
    src("host", "ipv6 literal w/ double dot (absolute request)"))
stats["dup_tests"] += 2
IPVF = "[v0123456789aBcDeF.!$&'()*+,;=-._~AbCdEfGhIjKlMnOpQrStUvWxYz0123456789:]"
ok("host-ipvfuture", host_header(IPVF),
   "Host is an IP-literal in IPvFuture form using every allowed character (\"v\" 1*HEXDIG \".\" "
   "1*( unreserved / sub-delims / \":\" ), RFC 3986 3.2.2): a valid uri-host (RFC 9110 7.2). Its "
   "',' is a sub-delim inside the brackets, not a list separator (Host is not a list-based "
   "field), so the profile's 'no list' rule does not apply: accepted; nginx accepts too",
   src("host", "IPvFuture all symbols (host header)"))
ok("abs-ipvfuture", abs_path(IPVF),
   "absolute-form target whose authority is an IPvFuture IP-literal with every allowed character "
   "(RFC 3986 3.2.2): a valid absolute-URI: accepted; nginx accepts too",
   src("host", "IPvFuture all symbols (absolute request)"))
err("host-double-port", host_header("123.40.56.78:9000:80"), 0,
    "differs from nginx: Host '123.40.56.78:9000:80' is not uri-host [':' port] -- port is "
    "*DIGIT, so ':9000:80' cannot be a port, and a reg-name cannot hold ':' (RFC 9110 7.2, "
    "RFC 3986 3.2.2/3.2.3): the profile rejects an invalid Host value; nginx accepts it and "
    "uses '123.40.56.78' (it cuts at the first ':')",
    src("host", "double port hack"))
err("host-repeat", host_header("localhost\nHost: again"), 0,
    "Host value followed by a bare LF and a second 'Host: again' line (\"\\n\" in the Perl "
    "string): a bare LF is an error in the profile, and two Host field lines are an error too "
    "(RFC 9112 3.2); nginx 400 (for the repeated Host)", src("host", "host repeat"))
err("host-repeat-crlf", host_header("localhost\r\nHost: again"), 0,
    "two Host field lines: error (profile: more than one Host field line; RFC 9112 3.2 / "
    "RFC 9110 7.2); nginx 400 too (derived: the bare LF of the test turned into CRLF)",
    src("host", "host repeat", "CRLF line ends"))
err("host-control", host_header("localhost\x02"), 0,
    "Host value ending in control byte 0x02: a field value holds no control bytes (RFC 9110 "
    "5.5), and it is no uri-host: error; nginx 400 too", src("host", "control"))

# =================================================================== http_uri.t
uri_cases = [
    # cid, target, crlf expectation, nginx answer, note, test
    ("uri-percent", "/foo/bar%", "either", "400",
     "a '%' not followed by two HEXDIG is no pct-encoded octet (RFC 3986 2.1), so the target is "
     "not a valid origin-form; RFC 9112 3 says a recipient of an invalid request-line SHOULD "
     "answer 400 (or redirect), and the profile's target rule only bans whitespace, control and "
     "DEL bytes: a decoder may reject or pass it through (either); nginx 400", "percent"),
    ("uri-percent-digit", "/foo/bar%1", "either", "400",
     "'%1' is an incomplete pct-encoding (RFC 3986 2.1): as for a lone '%', reject or pass "
     "through (either); nginx 400", "percent digit"),
    ("uri-dot-args", "/foo/bar/.?args", "ok", "200",
     "dot segment before a query: a valid origin-form (the decoder does not normalise); nginx "
     "normalises to /foo/bar/", "dot args"),
    ("uri-frag-1", "/foo/bar/.#frag", "either", "400",
     "'#' in an origin-form target: origin-form is absolute-path [\"?\" query] and has no "
     "fragment (RFC 9112 3.2.1); an invalid request-line SHOULD be answered 400 (RFC 9112 3), "
     "the profile's byte rule does not forbid '#': either; nginx 400", "frag 1"),
    ("uri-frag-2", "/foo/bar/?#frag", "either", "400",
     "'#' after an empty query in origin-form (RFC 9112 3.2.1 has no fragment): either; nginx 400",
     "frag 2"),
    ("uri-frag-3", "http://localhost:8080#frag", "either", "400",
     "'#' in an absolute-form target right after a valid authority: absolute-URI has no fragment "
     "(RFC 9112 3.2.2, RFC 3986 4.3) so the request-line is invalid and SHOULD get 400; the "
     "authority (routing) is unambiguous, and the profile's byte rule does not forbid '#': "
     "either; nginx 400", "frag 3"),
    ("uri-frag-4", "http://localhost:8080?a#frag", "either", "400",
     "'#' after the query of an absolute-form target (RFC 3986 4.3: no fragment in absolute-URI): "
     "either; nginx 400", "frag 4"),
    ("uri-frag-5", "/%aa#frag", "either", "400",
     "'#' in an origin-form target after a pct-encoded octet: either; nginx 400", "frag 5"),
    ("uri-dot-dot-args", "/foo/bar/..?args", "ok", "200",
     "dot-dot segment before a query: a valid origin-form (no normalisation in the decoder)",
     "dot dot args"),
    ("uri-just-fragment", "#frag", "error", "400",
     "target '#frag' is neither origin-form ('/'...), absolute-form nor asterisk-form: the "
     "target's form does not fit GET (RFC 9112 3.2): error; nginx 400 too", "just fragment"),
    ("uri-trailing-dot", "/foo/bar/.", "ok", "200", "trailing dot segment: valid origin-form",
     "trailing dot"),
    ("uri-trailing-dot-dot", "/foo/bar/..", "ok", "200",
     "trailing dot-dot segment: valid origin-form", "trailing dot dot"),
    ("uri-absolute", "http://localhost", "ok", "200",
     "absolute-form with an empty path (path-abempty, RFC 3986 3.3): a valid absolute-URI "
     "(RFC 9112 3.2.2)", "absolute"),
    ("uri-absolute-slash", "http://localhost/", "ok", "200", "absolute-form", "absolute slash"),
    ("uri-absolute-args", "http://localhost?args", "ok", "200",
     "absolute-form with empty path and a query: valid absolute-URI", "absolute args"),
    ("uri-port", "http://localhost:8080", "ok", "200", "absolute-form with a port", "port"),
    ("uri-port-slash", "http://localhost:8080/", "ok", "200", "absolute-form with port and '/'",
     "port slash"),
    ("uri-port-args", "http://localhost:8080?args", "ok", "200",
     "absolute-form with port, empty path and query", "port args"),
    ("uri-space", "/ /", "error", "400",
     "request-line 'GET / / HTTP/1.0': a SP inside the target gives four parts; request-line is "
     "method SP request-target SP HTTP-version (RFC 9112 3): error; nginx 400 too", "space"),
    ("uri-control", "/\x02", "error", "400",
     "control byte 0x02 in the request-target: error (profile; RFC 3986 allows no CTL); nginx "
     "400 too", "control"),
    ("uri-control-escaped", "/%02", "ok", "200",
     "pct-encoded control byte: a valid origin-form; the decoder does not decode it",
     "control escaped"),
]
for cid, target, exp, ng, note, test in uri_cases:
    barelf_pair(cid, http_get(target), exp, 0,
                "http_get('%s'): %s" % (target.encode("unicode_escape").decode(), note),
                "uri", test, crlf_note=note)

# =================================================================== http_method.t
ok("method-trace-pipelined",
   "TRACE / HTTP/1.1\r\nHost: localhost\r\n\r\nGET / HTTP/1.1\r\nHost: localhost\r\n"
   "Connection: close\r\n\r\n",
   "a TRACE request and a pipelined GET: both well-formed, two messages. nginx answers 405 to "
   "TRACE and closes the connection without answering the GET: a server policy on the method "
   "(RFC 9110 9.3.8 lets a server refuse TRACE), not a parsing matter",
   src("method", "trace"))
err("method-connect-origin-form",
    "CONNECT / HTTP/1.1\r\nHost: localhost\r\n\r\nGET / HTTP/1.1\r\nHost: localhost\r\n"
    "Connection: close\r\n\r\n", 0,
    "CONNECT with an origin-form target '/': CONNECT takes authority-form only (RFC 9112 3.2.3; "
    "profile: a target form that does not fit the method is an error), so nothing is decoded, "
    "and the pipelined GET is never reached; nginx answers 405 and closes, not serving the GET",
    src("method", "connect"))

# =================================================================== http_header_ows.t
ok("ows-leading-htab-host",
   "GET / HTTP/1.1\r\nHost:\tlocalhost\r\nConnection: close\r\n\r\n",
   "HTAB before a field value is OWS (RFC 9112 5, RFC 9110 5.6.3): value 'localhost'",
   src("ows", "leading HTAB before header value / leading HTAB stripped"))
stats["dup_tests"] += 1
ok("ows-trailing-htab",
   "GET / HTTP/1.1\r\nHost: localhost\t\r\nX-Test:\tsee-this\t\r\nConnection: close\r\n\r\n",
   "trailing HTAB after Host, leading and trailing HTAB around X-Test: OWS, trimmed from the "
   "values (RFC 9112 5)", src("ows", "trailing HTAB stripped / leading and trailing HTAB stripped"))
stats["dup_tests"] += 1
ok("ows-content-length-htab",
   "GET / HTTP/1.1\r\nHost: localhost\r\nContent-Length: \t0\t\r\nConnection: close\r\n\r\n",
   "Content-Length ' \\t0\\t': OWS around the value is not part of it (RFC 9112 5), the value "
   "is '0': framing length 0", src("ows", "Content-Length with HTAB padding is accepted"))
ok("ows-content-length-leading-htab",
   "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length:\t0\r\nConnection: close\r\n\r\n",
   "POST with Content-Length '\\t0': OWS trimmed, length 0",
   src("ows", "Content-Length with leading HTAB is accepted"))
err("ows-transfer-encoding-htab",
    "GET / HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding:\tchunked\t\r\nConnection: close\r\n\r\n",
    0,
    "differs from nginx's answer: Transfer-Encoding '\\tchunked\\t' is 'chunked' after OWS "
    "trimming, so a chunked body must follow the head; the test sends none and the stream ends "
    "inside the body: an incomplete message, an error at end of stream (the dump signals end of "
    "stream). nginx answers 204 before reading the body (the location returns at once); the "
    "'-body' variant completes the message",
    src("ows", "Transfer-Encoding chunked with HTAB padding is accepted"))
ok("ows-transfer-encoding-htab-body",
   "GET / HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding:\tchunked\t\r\nConnection: close\r\n\r\n"
   "0\r\n\r\n",
   "Transfer-Encoding '\\tchunked\\t' reads as chunked (OWS trimmed, RFC 9112 5): an empty "
   "chunked body (derived: the last-chunk and empty trailer section the test omits were added)",
   src("ows", "Transfer-Encoding chunked with HTAB padding is accepted", "chunked body added"))

# =================================================================== http_headers_multi.t


def mget(url, *headers):
    return ("GET %s HTTP/1.1" % url + CRLF + "Host: localhost" + CRLF + "Connection: close"
            + CRLF + CRLF.join(headers) + CRLF + CRLF)


MULTI_EMPTY = (" (the test's get() helper writes CRLF after 'Connection: close', then the "
               "empty join and CRLF CRLF: with no extra header that is the empty line plus one "
               "lone CRLF after the request, which is 'between messages' and decodes to nothing)")
ok("multi-xff", mget("/", "X-Forwarded-For: foo", "X-Forwarded-For: bar", "X-Forwarded-For: bazz"),
   "three X-Forwarded-For field lines: a list-based field may repeat (RFC 9110 5.3); kept as "
   "three fields in order", src("multi", "multi $http_x_forwarded_for"))
ok("multi-cookie", mget("/", "Cookie: foo=1", "Cookie: bar=2", "Cookie: bazz=3"),
   "three Cookie field lines (RFC 6265 5.4 asks a user agent for one, but a recipient sees "
   "three ordinary fields): accepted, kept in order",
   src("multi", "multi $http_cookie / $cookie_foo / $cookie_bar / $cookie_bazz"))
stats["dup_tests"] += 3
ok("multi-foo", mget("/", "Foo: foo", "Foo: bar", "Foo: bazz"),
   "three 'Foo' field lines: accepted, kept in order", src("multi", "multi $http_foo"))
ok("multi-cookie-comma", mget("/", "Cookie: foo=1, qux=0; bar=2", "Cookie: bazz=3"),
   "two Cookie lines, one holding a comma: values are opaque to the decoder: accepted",
   src("multi", "multi comma $http_cookie / $cookie_foo / $cookie_bar / $cookie_bazz / $cookie_qux"))
stats["dup_tests"] += 4
ok("multi-no-extra-header", mget("/v"),
   "a plain GET with Host and Connection: close" + MULTI_EMPTY,
   src("multi", "$http_host"))
skip("request identical to a converted one except for the path; the test checks nginx's "
     "response headers/trailers or upstream variables (add_header, add_trailer, "
     "$upstream_http_*), not parsing", 9)
err("multi-host-dup-11", mget("/v", "Host: foo", "Host: bar"), 0,
    "three Host field lines (the helper's own 'Host: localhost' plus two): more than one Host "
    "is an error (profile; RFC 9112 3.2); nginx 400 too",
    src("multi", "duplicate host rejected (/v) and duplicate Host rejected (/d)"))
stats["dup_tests"] += 1
ok("multi-user-agent-dup", mget("/v", "User-Agent: foo", "User-Agent: bar"),
   "two User-Agent lines: RFC 9110 5.3 says a sender MUST NOT send a non-list field twice, but "
   "the profile rejects duplicates only for framing/routing fields (Host, Content-Length, "
   "Transfer-Encoding); the decoder delivers both. nginx also accepts (test tagged 'invalid')",
   src("multi", "multi $http_user_agent (invalid)"))
ok("multi-referer-dup", mget("/v", "Referer: foo", "Referer: bar"),
   "two Referer lines: not a framing or routing field: delivered (nginx also accepts)",
   src("multi", "multi $http_referer (invalid)"))
ok("multi-via", mget("/v", "Via: foo", "Via: bar", "Via: bazz"),
   "three Via lines (list-based, RFC 9110 7.6.3): accepted", src("multi", "multi $http_via"))
ok("multi-cookie-v", mget("/v", "Cookie: foo", "Cookie: bar", "Cookie: bazz"),
   "three Cookie lines: accepted", src("multi", "multi $http_cookie (/v)"))
ok("multi-xff-v", mget("/v", "X-Forwarded-For: foo", "X-Forwarded-For: bar", "X-Forwarded-For: bazz"),
   "three X-Forwarded-For lines: accepted", src("multi", "multi $http_x_forwarded_for (/v)"))
ok("multi-content-length-0", mget("/v", "Content-Length: 0"),
   "GET with Content-Length: 0: framing length 0", src("multi", "$content_length"))
either("multi-content-length-dup", mget("/v", "Content-Length: 0", "Content-Length: 0"),
       "two identical Content-Length lines: 'several identical values' may be accepted as one "
       "(RFC 9112 6.3, profile: either); nginx rejects (400), which the profile allows",
       src("multi", "duplicate Content-Length rejected (/v and /d)"))
stats["dup_tests"] += 1
ok("multi-content-type", mget("/v", "Content-Type: foo"), "one Content-Type: accepted",
   src("multi", "$content_type"))
ok("multi-content-type-dup", mget("/v", "Content-Type: foo", "Content-Type: bar"),
   "two Content-Type lines: not framing or routing, delivered; nginx accepts too (test tagged "
   "'invalid')", src("multi", "multi $content_type (invalid)"))
ok("multi-http10-no-host", "GET /v HTTP/1.0" + CRLF + CRLF,
   "HTTP/1.0 request without Host: Host is required only in HTTP/1.1 (RFC 9112 3.2): accepted",
   src("multi", "$host from server_name"))
ok("multi-http10-host", "GET /v HTTP/1.0" + CRLF + "Host: foo" + CRLF + CRLF,
   "HTTP/1.0 request with a Host: accepted", src("multi", "$host"))
err("multi-http10-host-dup", "GET /v HTTP/1.0" + CRLF + "Host: foo" + CRLF + "Host: bar" + CRLF + CRLF,
    0, "HTTP/1.0 request with two Host lines: any request with more than one Host field line "
    "is an error (profile); nginx 400 too", src("multi", "duplicate host rejected (HTTP/1.0)"))
ok("multi-authorization", mget("/v", "Authorization: Basic dXNlcjpzZWNyZXQ="),
   "one Authorization field: accepted", src("multi", "$remote_user"))
dup_semantic = [
    ("authorization", ["Authorization: Basic dXNlcjpzZWNyZXQ=", "Authorization: Basic dXNlcjpzZWNyZXQ="],
     "duplicate authorization rejected"),
    ("if-modified-since", ["If-Modified-Since: foo", "If-Modified-Since: bar"],
     "duplicate If-Modified-Since rejected"),
    ("if-unmodified-since", ["If-Unmodified-Since: foo", "If-Unmodified-Since: bar"],
     "duplicate If-Unmodified-Since rejected"),
    ("if-match", ["If-Match: foo", "If-Match: bar"], "duplicate If-Match rejected"),
    ("if-none-match", ["If-None-Match: foo", "If-None-Match: bar"],
     "duplicate If-None-Match rejected"),
    ("content-range", ["Content-Range: foo", "Content-Range: bar"],
     "duplicate Content-Range rejected"),
    ("if-range", ["If-Range: foo", "If-Range: bar"], "duplicate If-Range rejected"),
    ("expect", ["Expect: foo", "Expect: bar"], "duplicate Expect rejected"),
    ("authorization-d", ["Authorization: foo", "Authorization: bar"],
     "duplicate Authorization rejected"),
]
for slug, hs, test in dup_semantic:
    url = "/v" if slug == "authorization" else "/d"
    ok("multi-dup-" + slug, mget(url, *hs),
       "differs from nginx: two '%s' field lines. RFC 9110 5.3 forbids a sender to repeat a "
       "non-list field, but leaves the recipient's reaction open; the profile rejects repeats "
       "only of fields that frame or route the message (Host, Content-Length, "
       "Transfer-Encoding), so the decoder delivers both and leaves the semantic check to the "
       "application; nginx answers 400 as a policy" % hs[0].split(":")[0],
       src("multi", test))
err("multi-dup-transfer-encoding", mget("/d", "Transfer-Encoding: foo", "Transfer-Encoding: bar"), 0,
    "Transfer-Encoding 'foo' and 'bar' in a request: neither is a registered coding and chunked "
    "is not the final one (RFC 9112 6.1, 6.3; profile: unknown coding in a request is an error); "
    "nginx 400 (for the duplicate)", src("multi", "duplicate Transfer-Encoding rejected"))

# =================================================================== ignore_invalid_headers.t
IIH_US = "GET / HTTP/1.0" + CRLF + "x_foo: x-bar" + CRLF + CRLF
ok("iih-underscore", IIH_US,
   "field name 'x_foo': '_' is a tchar (RFC 9110 5.6.2), a valid token: accepted. nginx with "
   "ignore_invalid_headers on drops the field (no error); with it off or with "
   "underscores_in_headers on it passes it on",
   src("iih", "off - underscore / on - underscore / underscores_in_headers"))
stats["dup_tests"] += 2
ok("iih-underscore-first", "GET / HTTP/1.0" + CRLF + "_foo: x-bar" + CRLF + CRLF,
   "field name '_foo' (token starting with '_'): accepted; nginx drops or keeps it by "
   "configuration, never an error",
   src("iih", "off - underscore first / on - underscore first / underscores_in_headers - first"))
stats["dup_tests"] += 2
ok("iih-dot", "GET / HTTP/1.0" + CRLF + "x.foo: x-bar" + CRLF + CRLF,
   "field name 'x.foo': '.' is a tchar: a valid token, accepted (nginx's 'invalid' header class "
   "is its own, stricter than RFC 9110's token)", src("iih", "off - bad"))
ok("iih-dot-first", "GET / HTTP/1.0" + CRLF + ".foo: x-bar" + CRLF + CRLF,
   "field name '.foo': a valid token, accepted", src("iih", "off - bad first"))
err("iih-several", "GET /v HTTP/1.0" + CRLF + "Host: localhost" + CRLF + "coo: foo" + CRLF
    + "</kie>: x-bar" + CRLF + CRLF, 0,
    "differs from nginx: field name '</kie>' holds '<', '/' and '>', which are not tchar: not a "
    "token (RFC 9110 5.1, 5.6.2): error; nginx with ignore_invalid_headers off accepts the "
    "request (the test checks that the field does not merge into 'coo')",
    src("iih", "off - several"))
err("iih-colon-first", "GET / HTTP/1.0" + CRLF + ":foo: x-bar" + CRLF + CRLF, 0,
    "field line ':foo: x-bar': empty field name (field-name is 1*tchar): error; nginx 400 too",
    src("iih", "colon first"))
err("iih-space-first", "GET / HTTP/1.0" + CRLF + " foo: x-bar" + CRLF + CRLF, 0,
    "first field line starts with SP: obs-fold (or whitespace before the first field), an error "
    "in requests (RFC 9112 2.2, 5.2; profile); nginx 400 too", src("iih", "space"))
err("iih-control", "GET / HTTP/1.0" + CRLF + "foo\x02: x-bar" + CRLF + CRLF, 0,
    "field name with control byte 0x02: not a token: error; nginx 400 too",
    src("iih", "control"))
IIH_B64 = base64.b64encode(IIH_US.encode()).decode()
ok("iih-upstream-response",
   "HTTP/1.1 200 OK\r\nConnection: close\r\nX-Headers: %s\r\n\r\n" % IIH_B64,
   "the fake upstream's answer: a 200 with Connection: close, no Content-Length and no "
   "Transfer-Encoding: close-delimited, empty body completed by end of stream (RFC 9112 6.3 "
   "rule 8). X-Headers carries base64 of the request it read; here the base64 of the test's "
   "'x_foo' request stands in for it", src("iih", "http_daemon response"), mode="response")

# =================================================================== body_chunked.t


def get_body(uri, *bodies):
    parts = []
    for i, b in enumerate(bodies):
        last = i == len(bodies) - 1
        parts.append("GET %s HTTP/1.1" % uri + CRLF + "Host: localhost" + CRLF
                     + ("Connection: close" + CRLF if last else "")
                     + "Transfer-Encoding: chunked" + CRLF + CRLF
                     + "%x" % len(b) + CRLF + b + CRLF + "0" + CRLF + CRLF)
    return "".join(parts)


def chunked_body(uri, *chunks):
    return ("POST %s HTTP/1.1" % uri + CRLF + "Host: localhost" + CRLF + "Connection: close" + CRLF
            + "Transfer-Encoding: chunked" + CRLF + CRLF
            + "".join("%x" % len(c) + CRLF + c + CRLF for c in chunks) + "0" + CRLF + CRLF)


def transfer_encoding(enc, version="1.1"):
    return ("GET / HTTP/%s" % version + CRLF + "Host: localhost" + CRLF + "Connection: close" + CRLF
            + "Transfer-Encoding: %s" % enc + CRLF + CRLF + "0" + CRLF + CRLF)


D = "0123456789"
ok("chunked-body", get_body("/", D),
   "GET with a chunked body of one 10-byte chunk: framing chunked (RFC 9112 7.1)",
   src("bc", "body"))
ok("chunked-body-two-buffers", get_body("/", D * 128),
   "one chunk of 0x500 bytes", src("bc", "body in two buffers"))
ok("chunked-body-file", get_body("/", D * 512),
   "one chunk of 0x1400 bytes (nginx writes it to a file)",
   src("bc", "body in file"))
skip("request identical to a converted one except for the path; the test is about nginx's "
     "body buffering configuration (body_chunked.t: body in file only, body in single buffer)", 2)
ok("chunked-body-large", get_body("/large", D * 128),
   "0x500-byte chunked body; nginx answers 413 from client_max_body_size 1k, a configured "
   "limit, not a parsing error", src("bc", "body too large"))
ok("chunked-pipelined", get_body("/", D, D * 128, D * 512, "foobar"),
   "four pipelined chunked requests: four messages", src("bc", "chunked body pipelined"))
ok("chunked-pipelined-2", get_body("/", D * 128, D * 512, D, "foobar"),
   "four pipelined chunked requests, other sizes", src("bc", "chunked body pipelined 2"))
ok("chunked-discard", get_body("/discard", D, D * 128, D * 512, "foobar"),
   "four pipelined chunked requests whose bodies nginx discards",
   src("bc", "chunked body discard"))
ok("chunked-discard-2", get_body("/discard", D * 128, D * 512, D, "foobar"),
   "four pipelined chunked requests, other sizes", src("bc", "chunked body discard 2"))
ok("chunked-discard-at-limit", chunked_body("/discard-large", "A" * 512, "B" * 512),
   "POST with two 0x200-byte chunks", src("bc", "chunked body discard at limit"))
ok("chunked-discard-too-large", chunked_body("/discard-large", "A" * 1025),
   "POST with one 0x401-byte chunk; nginx 413 is its configured body limit, not a parsing "
   "error", src("bc", "chunked body discard too large"))
ok("chunked-discard-too-large-multi", chunked_body("/discard-large", "A" * 512, "B" * 512, "C"),
   "POST with chunks of 0x200, 0x200 and 1 bytes; nginx 413 is a configured limit",
   src("bc", "chunked body discard too large in multiple chunks"))
RUNAWAY = ("Host: localhost" + CRLF + "Connection: close" + CRLF + "Transfer-Encoding: chunked"
           + CRLF + CRLF + "4" + CRLF + "SEE-THIS" + CRLF + "0" + CRLF + CRLF)
err("chunked-runaway", "GET / HTTP/1.1" + CRLF + RUNAWAY, 0,
    "chunk size 4 but 8 data bytes: after 'SEE-' comes 'THIS', not the CRLF that must end "
    "chunk-data (RFC 9112 7.1): error; nginx 400 too", src("bc", "runaway chunk"))
err("chunked-runaway-discard", "GET /discard HTTP/1.1" + CRLF + RUNAWAY, 0,
    "the same runaway chunk on a request whose body nginx discards: error; nginx 400 too",
    src("bc", "runaway chunk discard"))
ok("chunked-next-upstream", get_body("/next", D),
   "one chunked GET (nginx resends it to a second upstream)",
   src("bc", "body chunked next upstream"))
err("te-identity", transfer_encoding("identity"), 0,
    "Transfer-Encoding: identity in a request: 'identity' is no longer a registered coding "
    "(profile; RFC 9112 6.1, 7): error (501); nginx 501 too",
    src("bc", "transfer encoding identity"))
err("te-repeat", transfer_encoding("chunked\nTransfer-Encoding: chunked"), 0,
    "Transfer-Encoding 'chunked', a bare LF (\"\\n\" in the Perl string), and a second "
    "'Transfer-Encoding: chunked': bare LF is an error in the profile, and chunked twice is an "
    "error (RFC 9112 6.1); nginx 400", src("bc", "transfer encoding repeat"))
err("te-repeat-crlf", transfer_encoding("chunked\r\nTransfer-Encoding: chunked"), 0,
    "two 'Transfer-Encoding: chunked' lines make the list 'chunked, chunked': chunked applied "
    "twice is an error (RFC 9112 6.1; profile); nginx 400 too (derived: the bare LF of the test "
    "turned into CRLF)", src("bc", "transfer encoding repeat", "CRLF line ends"))
err("te-chunked-identity", transfer_encoding("chunked, identity"), 0,
    "'chunked, identity': 'identity' is unregistered and chunked is not final (RFC 9112 6.3): "
    "error; nginx 501 too", src("bc", "transfer encoding list"))
err("te-with-content-length", transfer_encoding("chunked\nContent-Length: 5"), 0,
    "Transfer-Encoding chunked, a bare LF, then Content-Length: 5: bare LF is an error, and TE "
    "with CL in a request is an error too (RFC 9112 6.3); nginx 400",
    src("bc", "transfer encoding with content-length"))
err("te-with-content-length-crlf", transfer_encoding("chunked\r\nContent-Length: 5"), 0,
    "Transfer-Encoding and Content-Length in one request: error (profile; RFC 9112 6.1, 6.3 "
    "'ought to be handled as an error'); nginx 400 too (derived: bare LF turned into CRLF)",
    src("bc", "transfer encoding with content-length", "CRLF line ends"))
err("te-http10", transfer_encoding("chunked", "1.0"), 0,
    "Transfer-Encoding in an HTTP/1.0 request: error (profile; RFC 9112 6.1: a server MUST "
    "treat such a message as faulty framing); nginx 400 too",
    src("bc", "transfer encoding in HTTP/1.0 requests"))

# =================================================================== http_expect_100_continue.t


def req100(version, value="100-continue"):
    return ("POST / HTTP/%s\r\nHost: localhost\r\nExpect: %s\r\nContent-Length: 0\r\n"
            "Connection: close\r\n\r\n" % (version, value))


ok("expect-100", req100("1.1"),
   "POST with Expect: 100-continue and Content-Length: 0: framing length 0",
   src("e100", "expect 100 continue"))
ok("expect-100-case", req100("1.1", "100-Continue"),
   "Expect value in another case: the decoder keeps it as sent",
   src("e100", "expect 100 continue case-insensitive"))
ok("expect-100-http10", req100("1.0"),
   "HTTP/1.0 POST with Expect: the field is delivered; whether to send 100 is the server's "
   "choice (RFC 9110 10.1.1)", src("e100", "no 100 continue via http 1.0"))
ok("expect-unknown", req100("1.1", "unknown"),
   "an unknown expectation: a semantic matter (417, RFC 9110 10.1.1), not a parsing error",
   src("e100", "unknown expectation"))
ok("expect-extension", req100("1.1", "token=param"),
   "expectation with a parameter: semantic, not a parsing error",
   src("e100", "unsupported expectation extension"))

# =================================================================== http_keepalive.t


def ka_req(url, method="GET", ua=""):
    return "%s %s HTTP/1.1\nHost: localhost\nUser-Agent: %s\n\n" % (method, url, ua)


barelf_pair("keepalive-get", ka_req("/"), "ok", 1,
            "GET /, Host, empty User-Agent value: accepted (an empty field value is allowed, "
            "RFC 9110 5.5)", "ka", "keepalive request")
barelf_pair("keepalive-three", ka_req("/r") * 3, "ok", 3,
            "three GET requests on one connection (the test writes them one after the other; "
            "here as one stream): three messages", "ka", "keepalive merge")
barelf_pair("keepalive-post-msie", ka_req("/", "POST", "MSIE 5.0"), "ok", 1,
            "POST without Content-Length or Transfer-Encoding: no body (RFC 9112 6.3 rule 7)",
            "ka", "keepalive disable msie6")
barelf_pair("keepalive-safari", ka_req("/safari", ua="Mac OS X Safari/7534.48.3"), "ok", 1,
            "GET with a Safari User-Agent: accepted", "ka", "keepalive disable safari")
skip("http_keepalive.t: the same request shape repeated to test keepalive_requests / "
     "keepalive_timeout / keepalive_time / keepalive_disable configuration", 14)
barelf_pair("keepalive-eof-in-body",
            "POST /r HTTP/1.1\nHost: localhost\nContent-Length: 10\n\n", "error", 0,
            "POST with Content-Length: 10 and no body, then the client shuts down its side: "
            "the stream ends inside the body, an incomplete message: error",
            "ka", "EOF in discard body")
barelf_pair("keepalive-close-htab", "GET / HTTP/1.1\nHost: localhost\nConnection:\tclose\n\n",
            "ok", 1, "Connection '\\tclose': OWS trimmed, value 'close'", "ka", "close htab")
barelf_pair("keepalive-close-htab-comma",
            "GET / HTTP/1.1\nHost: localhost\nConnection: x-foo,\tclose\n\n", "ok", 1,
            "Connection 'x-foo,\\tclose': a list with OWS after the comma (RFC 9110 5.6.1)",
            "ka", "close htab after comma")
barelf_pair("keepalive-x-close", "GET / HTTP/1.1\nHost: localhost\nConnection: x-close\n\n",
            "ok", 1, "Connection option 'x-close' (not 'close'): accepted as one message",
            "ka", "close extension")
barelf_pair("keepalive-x-keep-alive",
            "GET / HTTP/1.0\nHost: localhost\nConnection: x-keep-alive\n\n", "ok", 1,
            "HTTP/1.0 request with Connection option 'x-keep-alive': accepted",
            "ka", "keep-alive extension")
skip("http_keepalive.t: access-log checks of response variables ($sent_http_*), no request "
     "of their own", 2)

# =================================================================== proxy_non_idempotent.t
barelf_pair("post-http10-no-host", "POST / HTTP/1.0\nContent-Length: 0\n\n", "ok", 1,
            "HTTP/1.0 POST without Host and with Content-Length: 0 (the test's http_post()): "
            "framing length 0", "pni", "post")
skip("request shape already converted, sent only to drive a proxy/upstream configuration "
     "test (proxy_non_idempotent.t: 4 http_get() and 3 http_post() to other paths; "
     "proxy_request_buffering_chunked.t: 1 http_get())", 8)

# =================================================================== proxy_request_buffering_chunked.t
skip("proxy_request_buffering_chunked.t: chunked requests identical in shape to body_chunked.t's "
     "(only the path differs)", 9)
PRE_HEAD = ("GET /preread HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
            "Transfer-Encoding: chunked\r\n\r\n")
ok("preread-no-body-then-chunks",
   PRE_HEAD + "5" + CRLF + "01234" + CRLF + "5" + CRLF + "56789" + CRLF + "0" + CRLF + CRLF,
   "head sent first, then the chunks in two writes (here one stream): two 5-byte chunks",
   src("prbc", "no preread / no preread - body part / body part 2 / response"))
stats["dup_tests"] += 3
err("preread-head-only", PRE_HEAD, 0,
    "the head alone, as the test's first write sends it (no body yet): at end of stream the "
    "chunked body is missing: an incomplete message, error (the test writes the body later on "
    "the same connection; the complete stream is the case above)",
    src("prbc", "no preread (first write)"))
ok("preread-many",
   PRE_HEAD + "5\r\n01234\r\n4\r\nmany\r\n" + "5\r\n56789\r\n4\r\nmany\r\n0\r\n\r\n",
   "chunks of 5, 4, 5 and 4 bytes sent in two writes (here one stream)",
   src("prbc", "chunks / chunks - preread / chunks - body / chunks - response"))
stats["dup_tests"] += 3 + 4  # 'preread' tests: same final stream as no-preread
ok("prbc-upstream-response", "HTTP/1.1 200 OK\r\nConnection: close\r\nX-Port: 8082\r\n\r\nOK\n",
   "the fake upstream's answer: no Content-Length or Transfer-Encoding, so the body 'OK\\n' is "
   "close-delimited and ends at end of stream (RFC 9112 6.3 rule 8)",
   src("prbc", "get_body http_end response"), mode="response")

# =================================================================== proxy_chunked.t
ok("resp-chunked-lf-in-data",
   "HTTP/1.1 200 OK\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n9\r\nSEE-THIS\n"
   "\r\n0\r\n\r\n",
   "chunked response whose 9-byte chunk is 'SEE-THIS' plus a LF (the heredoc line has no \\r), "
   "followed by the CRLF that ends chunk-data: body 'SEE-THIS\\n'",
   src("pch", "chunked / chunked nobuffering / chunked inmemory"), mode="response")
stats["dup_tests"] += 2

# =================================================================== proxy_cache_chunked.t
ok("resp-chunk-data-holds-crlf",
   "HTTP/1.1 200 OK\r\nX-Test: SEE-THIS\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n"
   "\r\n85\r\nFOO" + "0123456789abcdef" * 8 + "\r\n\r\n0\r\n\r\n",
   "chunk size 0x85 = 133: 'FOO' + 128 bytes + CRLF are the chunk-data (the CRLF is data), then "
   "the CRLF that ends it, then the last chunk: body of 133 bytes ending in CRLF",
   src("pcc", "chunked / chunked cached"), mode="response")
stats["dup_tests"] += 1

# =================================================================== proxy_extra_data.t
R8 = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 8\r\n\r\n"
R0 = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 0\r\n\r\n"
R100 = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100\r\n\r\n"
EXTRA = ("the bytes after it are decoded as a next response on the connection and are no "
         "status-line (RFC 9112 4): error after the first message. nginx reads only the "
         "Content-Length bytes and drops the rest with a warning (it closes the upstream "
         "connection), which a proxy may do; the corpus decodes the whole stream")
err("resp-extra-data", R8 + "SEE-THIS-BUT-NOT-THIS\n", 1,
    "Content-Length 8 with 22 bytes sent: body 'SEE-THIS'; " + EXTRA,
    src("pxd", "response with extra data / unbuffered with extra data / head extra cached"),
    mode="response")
stats["dup_tests"] += 2
err("resp-extra-data-head", R8 + "SEE-THIS-BUT-NOT-THIS\n", 1,
    "the same response answering HEAD: no body (RFC 9112 6.3 rule 1), so all 22 bytes are "
    "extra; " + EXTRA,
    src("pxd", "no data in HEAD / unbuffered no data in HEAD / head extra"),
    mode="response", methods=["HEAD"])
stats["dup_tests"] += 2
err("resp-short", R100 + "SEE-THIS-TOO-SHORT-RESPONSE\n", 0,
    "Content-Length 100 but 28 bytes before the upstream closes: the stream ends inside the "
    "body: incomplete, error (RFC 9112 8: an incomplete message). nginx passes on what it got "
    "and ends the client connection without the after-body",
    src("pxd", "too short response / unbuffered too short response"), mode="response")
stats["dup_tests"] += 1
err("resp-short-head", R100 + "SEE-THIS-TOO-SHORT-RESPONSE\n", 1,
    "the same too-short response answering HEAD: no body, so the 28 bytes are a next response "
    "that is no status-line: error after one message; nginx drops them",
    src("pxd", "too short to HEAD / unbuffered too short response to HEAD"),
    mode="response", methods=["HEAD"])
stats["dup_tests"] += 1
err("resp-empty-short", R100, 0,
    "Content-Length 100 and no body at all before close: incomplete, error",
    src("pxd", "empty too short response / unbuffered empty too short response"),
    mode="response")
stats["dup_tests"] += 1
ok("resp-empty-head", R100, "Content-Length 100 answering HEAD: no body (RFC 9112 6.3 rule 1)",
   src("pxd", "empty response to HEAD / unbuffered empty response to HEAD"),
   mode="response", methods=["HEAD"])
stats["dup_tests"] += 1
ok("resp-head-no-body", R8, "HEAD answered with Content-Length 8 and no body: one message",
   src("pxd", "head no body"), mode="response", methods=["HEAD"])
ok("resp-get-matching", R8 + "SEE-THIS",
   "GET answered with Content-Length 8 and 8 bytes: one message",
   src("pxd", "head no body cached / head matching cached"), mode="response")
stats["dup_tests"] += 1
err("resp-head-matching", R8 + "SEE-THIS", 1,
    "HEAD answered with Content-Length 8 and the 8 bytes anyway: no body for HEAD, so "
    "'SEE-THIS' starts a next response and the stream ends inside it: error after one message; "
    "nginx drops the bytes", src("pxd", "head matching"), mode="response", methods=["HEAD"])
err("resp-head-short-get", R100 + "SEE-THIS\n", 0,
    "Content-Length 100, 9 bytes, then close: incomplete, error",
    src("pxd", "head too short cached"), mode="response")
err("resp-head-short", R100 + "SEE-THIS\n", 1,
    "the same answering HEAD: no body, the 9 bytes are no status-line: error after one message",
    src("pxd", "head too short"), mode="response", methods=["HEAD"])
err("resp-zero-extra", R0 + "NOT-THIS\n", 1,
    "Content-Length 0 followed by 9 more bytes: empty body, then " + EXTRA,
    src("pxd", "zero size / unbuffered zero size"), mode="response")
stats["dup_tests"] += 1

# =================================================================== proxy_keepalive.t


def ka_head(status, rc, cc, extra=""):
    return ("HTTP/1.1 %s" % status + CRLF + "X-Request: %d" % rc + CRLF + "X-Connection: %d" % cc
            + CRLF + extra)


def k_length(rc, cc=1, head=False):
    return (ka_head("200 OK", rc, cc, "Content-Length: 26" + CRLF + CRLF)
            + ("" if head else "TEST-OK-IF-YOU-SEE-THIS%03d" % cc))


def k_chunked(rc, cc=1):
    return (ka_head("200 OK", rc, cc, "Transfer-Encoding: chunked" + CRLF + CRLF)
            + "1a" + CRLF + "TEST-OK-IF-YOU-SEE-THIS%03d" % cc + CRLF + "0" + CRLF + CRLF)


def k_complex(rc, cc=1):
    return (ka_head("200 OK", rc, cc, "Transfer-Encoding: chunked" + CRLF + CRLF)
            + ("a" + CRLF + D + CRLF) * 100 + "1a" + CRLF + "TEST-OK-IF-YOU-SEE-THIS%03d" % cc
            + CRLF + "0" + CRLF + CRLF)


KA = ("two responses on one kept-alive upstream connection (the fake upstream answers each "
      "request in turn; here one stream): ")
ok("resp-ka-length", k_length(1) + k_length(2),
   KA + "two Content-Length 26 responses", src("pka", "buffered / buffered 2 (and unbuffered, inmemory)"),
   mode="response")
stats["dup_tests"] += 5
ok("resp-ka-chunked", k_chunked(1) + k_chunked(2),
   KA + "two chunked responses, one 0x1a chunk each",
   src("pka", "buffered chunked / buffered chunked 2 (and unbuffered, inmemory)"), mode="response")
stats["dup_tests"] += 5
ok("resp-ka-complex", k_complex(1) + k_complex(2),
   KA + "two chunked responses of 101 chunks each (the last CRLF is written after a pause)",
   src("pka", "buffered complex chunked / 2 (and unbuffered, inmemory)"), mode="response")
stats["dup_tests"] += 5
ok("resp-ka-chunk0",
   ka_head("200 OK", 1, 1, "Transfer-Encoding: chunked" + CRLF + CRLF) + "0" + CRLF + CRLF
   + ka_head("200 OK", 2, 1, "Transfer-Encoding: chunked" + CRLF + CRLF) + "0" + CRLF + CRLF,
   KA + "two chunked responses with only the last chunk (empty bodies)",
   src("pka", "buffered 0 chunk / 2 (and unbuffered, inmemory)"), mode="response")
stats["dup_tests"] += 5
ok("resp-ka-head-length", k_length(1, head=True) + k_length(2, head=True),
   KA + "two responses to HEAD with Content-Length 26 and no body (RFC 9112 6.3 rule 1)",
   src("pka", "buffered head / buffered head 2 (and unbuffered)"), mode="response",
   methods=["HEAD", "HEAD"])
stats["dup_tests"] += 3
ok("resp-ka-empty",
   ka_head("200 OK", 1, 1, "Content-Length: 0" + CRLF + CRLF)
   + ka_head("200 OK", 2, 1, "Content-Length: 0" + CRLF + CRLF),
   KA + "two Content-Length 0 responses", src("pka", "buffered empty / 2 (and unbuffered, inmemory)"),
   mode="response")
stats["dup_tests"] += 5
ok("resp-ka-304-no-length",
   ka_head("304 Not Modified", 1, 1, CRLF) + ka_head("304 Not Modified", 2, 1, CRLF),
   KA + "two 304 responses without Content-Length: no body (RFC 9112 6.3 rule 1)",
   src("pka", "buffered 304 / 2 (and unbuffered)"), mode="response")
stats["dup_tests"] += 3
ok("resp-ka-304-length",
   ka_head("304 Not Modified", 1, 1, "Content-Length: 100" + CRLF + CRLF)
   + ka_head("304 Not Modified", 2, 1, "Content-Length: 100" + CRLF + CRLF),
   KA + "two 304 responses with Content-Length: 100: a 304 has no body whatever its "
   "Content-Length says (RFC 9112 6.3 rule 1, RFC 9110 8.6), so the second follows at once",
   src("pka", "buffered 304 with length / 2 (and unbuffered)"), mode="response")
stats["dup_tests"] += 3
ok("resp-ka-closed",
   ka_head("200 OK", 1, 1, "Connection: close" + CRLF + "Content-Length: 12" + CRLF + CRLF)
   + D + CRLF,
   "a Content-Length 12 response whose body is '0123456789' CRLF, with Connection: close",
   src("pka", "buffered closed 1 / 2 (and unbuffered, inmemory)"), mode="response")
stats["dup_tests"] += 5
ok("resp-ka-404-close",
   ka_head("404 Not Found", 1, 1, "Connection: close" + CRLF + CRLF) + "Oops, '/x' not found" + CRLF,
   "the fake upstream's fallback 404 with Connection: close and neither Content-Length nor "
   "Transfer-Encoding: close-delimited body read to end of stream (RFC 9112 6.3 rule 8)",
   src("pka", "http_daemon 404 answer"), mode="response")
ok("resp-ka-x-close",
   ka_head("200 OK", 1, 1, "Connection: x-close" + CRLF + "Content-Length: 26" + CRLF + CRLF)
   + "TEST-OK-IF-YOU-SEE-THIS001"
   + ka_head("200 OK", 2, 1, "Connection: x-close" + CRLF + "Content-Length: 26" + CRLF + CRLF)
   + "TEST-OK-IF-YOU-SEE-THIS001",
   KA + "'Connection: x-close' is an option other than close, so the connection stays open: "
   "two messages", src("pka", "connection extension / connection extension reused"),
   mode="response")
stats["dup_tests"] += 1
skip("proxy_keepalive.t: error-log check, no message", 1)

# =================================================================== proxy_upgrade.t
UP_REQ = "GET / HTTP/1.1" + CRLF + "Host: localhost" + CRLF + "Upgrade: foo" + CRLF + \
    "Connection: Upgrade" + CRLF + CRLF
ok("upgrade-request", UP_REQ,
   "GET with Upgrade: foo and Connection: Upgrade: an ordinary request for the decoder "
   "(profile: only the server's 101 switches protocols)", src("pup", "handshake"))
err("upgrade-request-pipelined-data", UP_REQ + "foo" + CRLF + "FIN", 1,
    "the upgrade request followed at once by data of the new protocol ('foo' CRLF 'FIN'). The "
    "dump never answers 101, so it keeps decoding HTTP/1 (profile: 'the dump, which never "
    "answers, keeps decoding'): 'foo' is no request-line (no SP, no version): error after one "
    "message. nginx holds the bytes and passes them on after the upstream's 101",
    src("pup", "handshake pipelined"))
ok("upgrade-request-no-upgrade-header",
   "GET / HTTP/1.1" + CRLF + "Host: localhost" + CRLF + "Connection: Upgrade" + CRLF + CRLF,
   "GET with Connection: Upgrade but no Upgrade field: an ordinary request",
   src("pup", "handshake noupgrade"))
ok("upgrade-request-ssi",
   "GET /ssi.html HTTP/1.1" + CRLF + "Host: localhost" + CRLF + "Upgrade: foo" + CRLF
   + "Connection: Upgrade" + CRLF + CRLF,
   "the upgrade request to another path: an ordinary request (nginx refuses to upgrade a "
   "subrequest, a configuration matter)", src("pup", "handshake in subrequests"))
skip("proxy_upgrade.t: request identical to 'handshake' (only the path /exact differs; tests "
     "proxy_buffer_size)", 1)
ok("upgrade-101",
   "HTTP/1.1 101 Switching" + CRLF + "Upgrade: foo" + CRLF + "Connection: Upgrade" + CRLF + CRLF
   + "handshaked" + CRLF + "bar" + CRLF,
   "the fake upstream's 101 with reason 'Switching' followed by data of the new protocol: "
   "framing upgrade; nothing after the head is decoded (profile; RFC 9110 15.2.2). ('bar' CRLF "
   "stands for the echoed frames)", src("pup", "upgrade_fake_daemon 101 answer"),
   mode="response")
skip("proxy_upgrade.t: frames exchanged after the 101 (not HTTP/1) and access-log byte counts",
     2 + 20 + 2 + 3)

# =================================================================== body_discard.t
BD_CH = ("POST /add HTTP/1.1" + CRLF + "Host: localhost" + CRLF + "Connection: close" + CRLF
         + "Transfer-Encoding: chunked" + CRLF + CRLF)
ok("discard-get-http10", "GET /add HTTP/1.0" + CRLF + CRLF,
   "HTTP/1.0 GET with no field at all: one message, no body",
   src("bd", "add (and memcached, proxy, unbuf proxy, $content_length: same bytes but the path)"))
ok("discard-small", "POST /add HTTP/1.0" + CRLF + "Content-Length: 10" + CRLF + CRLF + D,
   "HTTP/1.0 POST with Content-Length 10 and its 10 bytes",
   src("bd", "add small (and proxy small, $content_length small: other paths)"))
err("discard-long-short-body",
    "POST /add HTTP/1.0" + CRLF + "Content-Length: 10000" + CRLF + CRLF + D, 0,
    "Content-Length 10000 but only 10 bytes before the end of the stream: incomplete, error at "
    "end of stream. nginx answers (413, or the location's answer) after discarding what it "
    "has, without waiting for the rest: a server's choice, not a reading of the framing",
    src("bd", "add long (and custom error 413, proxy long, unbuf proxy long, $content_length "
        "long: other paths)"))
ok("discard-chunked", BD_CH + "a" + CRLF + D + CRLF + "0" + CRLF + CRLF,
   "chunked POST, one 10-byte chunk",
   src("bd", "add chunked (and proxy chunked, unbuf proxy chunked, $content_length chunked)"))
ok("discard-chunked-multi",
   BD_CH + "1" + CRLF + "X" + CRLF + "9" + CRLF + "123456789" + CRLF + "0" + CRLF + CRLF,
   "chunked POST with chunks of 1 and 9 bytes",
   src("bd", "add chunked multi (and proxy, unbuf proxy, $content_length chunked multi)"))
err("discard-chunked-long", BD_CH + "ffff" + CRLF + D, 0,
    "chunk size 0xffff with 10 data bytes before the end of the stream: incomplete, error. "
    "nginx answers without waiting for the rest (it discards the body)",
    src("bd", "add chunked long (and memcached, proxy, unbuf proxy, $content_length chunked long)"))
ok("discard-get-with-body", "GET /memcached HTTP/1.0" + CRLF + "Content-Length: 10" + CRLF + CRLF + D,
   "GET with a Content-Length body: framing length 10 whatever the method (RFC 9112 6.3)",
   src("bd", "memcached small"))
err("discard-get-long-short-body",
    "GET /memcached HTTP/1.0" + CRLF + "Content-Length: 10000" + CRLF + CRLF + D, 0,
    "GET with Content-Length 10000 and 10 bytes before end of stream: incomplete, error",
    src("bd", "memcached long"))
ok("discard-get-chunked",
   "GET /memcached HTTP/1.1" + CRLF + "Host: localhost" + CRLF + "Connection: close" + CRLF
   + "Transfer-Encoding: chunked" + CRLF + CRLF + "a" + CRLF + D + CRLF + "0" + CRLF + CRLF,
   "GET with a chunked body: accepted (RFC 9112 6.3 rule 4)",
   src("bd", "memcached chunked (and memcached chunked multi: two chunks instead of one)"))
err("discard-chunked-bad",
    "POST /proxy HTTP/1.1" + CRLF + "Host: localhost" + CRLF + "Connection: close" + CRLF
    + "Transfer-Encoding: chunked" + CRLF + CRLF + "1" + CRLF + "X" + CRLF + "X" + CRLF, 0,
    "after a 1-byte chunk the next chunk-size line is 'X', not HEXDIG (RFC 9112 7.1): error; "
    "nginx 400 too", src("bd", "proxy chunked bad"))
err("discard-chunked-and-length",
    "POST /proxy HTTP/1.1" + CRLF + "Host: localhost" + CRLF + "Connection: close" + CRLF
    + "Content-Length: 10" + CRLF + "Transfer-Encoding: chunked" + CRLF + CRLF + "0" + CRLF + CRLF,
    0, "Content-Length and Transfer-Encoding in one request: error (profile; RFC 9112 6.1); "
    "nginx 400 too", src("bd", "proxy chunked and length"))
ok("discard-split-body",
   "POST /unbuf HTTP/1.0" + CRLF + "Content-Length: 10" + CRLF + CRLF + "0" + "123456789",
   "Content-Length 10 with the body written in two parts ('0', a pause, '123456789'; here one "
   "stream): one message", src("bd", "unbuf proxy small"))
stats["dup_tests"] += 4 + 2 + 4 + 3 + 3 + 3 + 2

# =================================================================== proxy duplicate headers
P0 = "HTTP/1.1 200 OK" + CRLF + "Connection: close" + CRLF
ok("resp-normal", P0 + "Content-Length: 0" + CRLF + CRLF, "Content-Length 0 response",
   src("pdup", "normal"), mode="response")
err("resp-invalid-length", P0 + "Content-Length: foo" + CRLF + CRLF, 0,
    "Content-Length 'foo' is not 1*DIGIT: error (RFC 9112 6.3 rule 5: an invalid "
    "Content-Length in a response is an unrecoverable error); nginx 502 too",
    src("pdup", "invalid length"), mode="response")
either("resp-duplicate-length", P0 + "Content-Length: 0" + CRLF + "Content-Length: 0" + CRLF + CRLF,
       "two identical Content-Length lines: 'several identical values' (RFC 9112 6.3 rule 5; "
       "profile: either); nginx rejects with 502, which is allowed",
       src("pdup", "duplicate length"), mode="response")
ok("resp-unknown-transfer-encoding", P0 + "Transfer-Encoding: foo" + CRLF + CRLF,
   "differs from nginx: a response with Transfer-Encoding 'foo' (a token, no parameters) whose "
   "final coding is not chunked: the body is read until the connection closes (RFC 9112 6.3 "
   "rule 4; profile: 'otherwise ... in a response: close'); here an empty close-delimited "
   "body. nginx answers 502 (it knows only chunked); the profile reads it; an unknown coding is "
   "the application's concern (RFC 9110 15.5.16 is about requests)",
   src("pdup", "unknown transfer encoding"), mode="response")
err("resp-duplicate-transfer-encoding",
    P0 + "Transfer-Encoding: chunked" + CRLF + "Transfer-Encoding: chunked" + CRLF + CRLF
    + "0" + CRLF + CRLF, 0,
    "two 'Transfer-Encoding: chunked' lines: the list is 'chunked, chunked', chunked applied "
    "twice (RFC 9112 6.1 MUST NOT; profile: error); nginx 502 too",
    src("pdup", "duplicate transfer encoding"), mode="response")
ok("resp-length-and-transfer-encoding",
   P0 + "Content-Length: 0" + CRLF + "Transfer-Encoding: chunked" + CRLF + CRLF + "0" + CRLF + CRLF,
   "differs from nginx: Content-Length and Transfer-Encoding chunked in a response: "
   "Transfer-Encoding overrides Content-Length (RFC 9112 6.3 rule 3; profile: 'in a response, "
   "Transfer-Encoding overrides any Content-Length'): an empty chunked body. nginx answers 502 "
   "(RFC 9112 6.3 says such a message 'ought to be handled as an error', which a proxy may do; "
   "the profile chose the reading for responses)",
   src("pdup", "length and transfer encoding"), mode="response")
ok("resp-transfer-encoding-and-length",
   P0 + "Transfer-Encoding: chunked" + CRLF + "Content-Length: 0" + CRLF + CRLF + "0" + CRLF + CRLF,
   "differs from nginx: the same with the fields in the other order: Transfer-Encoding "
   "overrides Content-Length (profile); nginx 502",
   src("pdup", "transfer encoding and length"), mode="response")
ok("resp-duplicate-expires",
   P0 + "Expires: foo" + CRLF + "Expires: bar" + CRLF + CRLF,
   "two Expires lines: delivered as sent; close-delimited empty body (nginx keeps the first)",
   src("pdup", "duplicate expires ignored"), mode="response")

# ------------------------------------------------------------------------
# cases whose note does not already start so, where nginx's observable answer
# differs from the profile's reading (nginx reads on, the corpus stops)
DIFFERS = {"resp-extra-data", "resp-extra-data-head", "resp-short-head", "resp-head-matching",
           "resp-head-short", "resp-zero-extra", "upgrade-request-pipelined-data",
           "discard-long-short-body", "discard-chunked-long", "discard-get-long-short-body",
           "preread-head-only"}
for c in cases:
    if c["id"][len(NAME) + 1:] in DIFFERS and not c["note"].startswith("differs"):
        c["note"] = "differs from nginx: " + c["note"]
for c in cases:
    json.dumps(c)
with open(OUT, "w") as f:
    json.dump(cases, f, indent=1, ensure_ascii=True)
    f.write("\n")

if __name__ == "__main__":
    import collections
    cnt = collections.Counter(c["expect"] for c in cases)
    modes = collections.Counter(c["mode"] for c in cases)
    print("cases", len(cases), dict(cnt), dict(modes))
    print("derived", sum(1 for c in cases if "(variant:" in c["source"]))
    print("skipped", sum(stats["skipped"].values()), stats["skipped"])
    print("tests folded into a case with the same bytes", stats["dup_tests"])
