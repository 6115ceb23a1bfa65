#!/usr/bin/env python3
"""Build tests/corpus/civetweb.json: h1wire corpus cases made from the test
messages of CivetWeb's unit tests (civetweb/civetweb, MIT licence).

Only the test MESSAGES (the request / response bytes the tests hand to the
parser, send with mg_printf / mg_download / mg_write, or that the tests' own
request handlers write back to the client API) are taken, with attribution in
each case's "source"; no CivetWeb code or prose is copied.  Every expectation
was decided from the strict profile (CONFORMANCE.md section 3) and RFC 9112 /
RFC 9110, not from CivetWeb's answer and not from h1wire's.  CivetWeb's own
answer (return value of parse_http_request / parse_http_response, or the
status code the test expects) is given in each note.

How a test becomes bytes
  - C string literals, concatenated across lines, byte for byte.
  - printf formats expanded with the test's own values (ports 8084 / 8884,
    Content-Length from strlen, "%x" chunk sizes, ...).
  - Several mg_printf calls on one connection are concatenated.
  - test_http_auth: the nonce is chosen by the server at run time; a fixed
    hex nonce is used and the Digest response is computed with the test's own
    formula (HA1 = md5(user:domain:pass), HA2 = md5(GET:/file),
    response = md5(HA1:nonce:nc:cnonce:auth:HA2)).  The domain is the
    server's default authentication_domain, "mydomain.com".
Derived variants ("source" ends in "(variant: ...)"):
  - "-host": a Host field added after an HTTP/1.1 request-line that has none
    (same line ending as the input);
  - "-v11": an HTTP/1.0 request with Transfer-Encoding rewritten as HTTP/1.1,
    so that the chunked body itself is tested;
  - "-wrap": a request-target from test_is_valid_uri placed in a request.
"""

import hashlib
import json
import os

from common import block_fields as _fields

NAME = "civetweb"
REPO = "civetweb/civetweb"
OUT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), NAME + ".json")

PRIV = "unittest/private.c @00dceeae707b9398c5c6767254c73f13138034f6"
PSRV = "unittest/public_server.c @a704b966e502266145d513283f07523482a74e6d"

cases = []
by_key = {}
stats = {"merged": [], "skipped": {}}

HOSTREQ = ("the profile rejects an HTTP/1.1 request without Host (RFC 9112 3.2: a server MUST "
           "respond 400 to an HTTP/1.1 request message that lacks a Host header field)")


def src(f, test, variant=None):
    s = "%s %s: %s" % (REPO, f, test)
    if variant:
        s += " (variant: %s)" % variant
    return s


def skip(reason, n=1):
    stats["skipped"][reason] = stats["skipped"].get(reason, 0) + n


# ------------------------------------------------------------ message lists
# Only used to spell out `messages` for inputs that were judged valid by hand
# (CRLF lines, Content-Length / chunked / none / close framing).

def _chunked(stream):
    body = b""
    while True:
        j = stream.index(b"\r\n")
        size = int(stream[:j].split(b";")[0], 16)
        stream = stream[j + 2:]
        if size == 0:
            if stream.startswith(b"\r\n"):
                return body, [], stream[2:]
            k = stream.index(b"\r\n\r\n")
            return body, _fields(stream[:k]), stream[k + 4:]
        body += stream[:size]
        assert stream[size:size + 2] == b"\r\n"
        stream = stream[size + 2:]


def msgs_of(stream, n, mode="request"):
    msgs = []
    for _ in range(n):
        if mode == "request" and stream.startswith(b"\r\n"):
            stream = stream[2:]
        i = stream.index(b"\r\n\r\n")
        head, stream = stream[:i], stream[i + 4:]
        first, _, rest = head.partition(b"\r\n")
        if mode == "request":
            start = [x.decode("latin-1") for x in first.split(b" ")]
            assert len(start) == 3
        else:
            v, _, r = first.partition(b" ")
            st, _, reason = r.partition(b" ")
            start = [v.decode("latin-1"), st.decode("latin-1"), reason.decode("latin-1")]
        hdrs = _fields(rest)
        low = dict((k.lower(), v) for k, v in hdrs)
        trailers = []
        if "transfer-encoding" in low:
            framing = "chunked"
            body, trailers, stream = _chunked(stream)
        elif "content-length" in low:
            cl = int(low["content-length"])
            framing, body, stream = "length", stream[:cl], stream[cl:]
            assert len(body) == cl
        elif mode == "request":
            framing, body = "none", b""
        else:
            framing, body, stream = "close", stream, b""
        msgs.append({"start": start, "headers": hdrs, "framing": framing,
                     "body": body.decode("latin-1"), "trailers": trailers,
                     "complete": True})
    return msgs


def add(slug, inp, expect, msgs, note, source, mode="request", methods=None):
    cid = NAME + "-" + slug
    assert expect in ("ok", "error", "either"), cid
    assert all(c["id"] != cid for c in cases), cid
    if isinstance(inp, str):
        inp = inp.encode("latin-1")
    if isinstance(msgs, int):
        msgs = msgs_of(inp, msgs, mode)
    key = (mode, tuple(methods or []), inp)
    if key in by_key:
        prev = by_key[key]
        assert prev["expect"] == expect, (cid, prev["id"])
        prev["source"] += "; " + source
        stats["merged"].append((cid, prev["id"]))
        return prev
    c = {"id": cid, "mode": mode, "methods": list(methods or []),
         "input": inp.decode("latin-1"), "expect": expect, "messages": msgs,
         "note": note, "source": source}
    cases.append(c)
    by_key[key] = c
    return c


def with_host(inp, host="example.com", eol=b"\r\n"):
    i = inp.index(eol)
    return inp[:i + len(eol)] + b"Host: " + host.encode() + eol + inp[i + len(eol):]


# ====================================================================
# unittest/private.c  test_parse_http_message
# (parse_http_request / parse_http_response / get_http_header_len)
# ====================================================================
T = "test_parse_http_message"
empty = b""
space = b" \x00"
req1 = b"GET / HTTP/1.1\r\n\r\n"
req2 = b"BLAH / HTTP/1.1\r\n\r\n"
req3 = b"GET / HTTP/1.1\nKey: Val\n\n"
req4 = b"GET / HTTP/1.1\r\nA: foo bar\r\nB: bar\r\nskip\r\nbaz:\r\n\r\n"
req5 = b"GET / HTTP/1.0\n\n"
req6 = b"G"
req7 = b" blah "
req8 = b"HTTP/1.0 404 Not Found\n\n"
req9 = b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n"
req10 = b"GET / HTTP/1.1\r\nA: foo bar\r\nB: bar\r\n\r\n"
req11 = b"GET /\r\nError: X\r\n\r\n"
req12 = b"POST /a/b/c.d?e=f&g HTTP/1.1\r\nKey1: val1\r\nKey2: val2\r\n\r\nBODY"

S = lambda what, v=None: src(PRIV, "%s, %s" % (T, what), v)

add("empty-req", empty, "ok", [],
    "empty input: the stream ends between messages, nothing is decoded (CONFORMANCE.md section 1). "
    "CivetWeb: parse_http_request returns 0 (need more data).",
    S("empty[] as request"))
add("empty-resp", empty, "ok", [],
    "empty input in the client role: the stream ends before any response, nothing is decoded "
    "(CONFORMANCE.md section 1: end of stream between messages prints nothing). "
    "CivetWeb: parse_http_response returns 0.",
    S("empty[] as response"), mode="response")
add("leading-space-req", space[:1], "error", [],
    "a lone SP: a request-line cannot start with SP (method is a token, RFC 9112 3) and the stream "
    "ends inside it anyway. CivetWeb: 0 (incomplete); the dump's end of stream turns that into an error.",
    S("space[] length 1 as request"))
add("leading-space-resp", space[:1], "error", [],
    "a lone SP where a status-line must start (RFC 9112 4: HTTP-version first); the stream ends "
    "inside it. CivetWeb: 0 (incomplete), an error at end of stream.",
    S("space[] length 1 as response"), mode="response")
add("space-nul-req", space, "error", [],
    "SP then NUL: a control byte where a request-line must be (RFC 9112 3). CivetWeb: -1 (invalid); agrees.",
    S("space[] length 2 as request"))
add("space-nul-resp", space, "error", [],
    "SP then NUL where a status-line must be (RFC 9112 4). CivetWeb: -1 (invalid); agrees.",
    S("space[] length 2 as response"), mode="response")

c = add("get11-missing-last-lf", req1[:-1], "error", [],
        "the head ends in CRLF CR: the stream stops inside the head (and the HTTP/1.1 request has no "
        "Host). CivetWeb: get_http_header_len returns 0 (incomplete); at end of stream that is an error.",
        S("req1 minus its last byte"))
add("get11-missing-last-lf-host", with_host(req1[:-1]), "error", [],
    "the head (with Host) ends in CRLF CR and the stream stops: incomplete head, an error at end of "
    "stream (CONFORMANCE.md section 1). Tests the truncation without the missing-Host reason.",
    S("req1 minus its last byte", "Host field added"))

add("method-et", req1[1:], "error", [],
    "'ET / HTTP/1.1' without Host: an error, but only because Host is missing (" + HOSTREQ + "). "
    "CivetWeb answers -1 because ET is not a method it knows; see the -host variant.",
    S("req1 minus its first byte"))
add("method-et-host", with_host(req1[1:]), "ok", 1,
    "differs from CivetWeb: CivetWeb rejects 'ET' (-1) as an unknown method, but the profile only "
    "requires method = token (RFC 9112 3.1, RFC 9110 9.1); an unknown method is a semantic matter "
    "(501), not a framing error, so the message decodes.",
    S("req1 minus its first byte", "Host field added"))

add("get11-no-host", req1, "error", [],
    "'GET / HTTP/1.1' with no header fields. differs from CivetWeb: CivetWeb accepts it "
    "(returns the head length, 0 headers); " + HOSTREQ + ".",
    S("req1 as request") + "; " + src(PRIV, "test_should_keep_alive, req1"))
add("get11-no-host-host", with_host(req1), "ok", 1,
    "the same minimal request with a Host field: a valid request, no body (RFC 9112 6.3 rule 7).",
    S("req1 as request", "Host field added"))
add("get11-as-resp", req1, "error", [],
    "a request-line where a status-line must be (RFC 9112 4). CivetWeb: parse_http_response -1; agrees.",
    S("req1 as response"), mode="response")

add("method-blah", req2, "error", [],
    "'BLAH / HTTP/1.1' without Host: an error because Host is missing (" + HOSTREQ + "). "
    "CivetWeb answers -1 because BLAH is not a known method; see the -host variant.",
    S("req2 as request"))
add("method-blah-host", with_host(req2), "ok", 1,
    "differs from CivetWeb: CivetWeb rejects the unknown method BLAH (-1); the profile only requires "
    "the method to be a token (RFC 9112 3.1, RFC 9110 9.1: an unrecognized method gets 501, it is "
    "not a syntax error), so the message decodes.",
    S("req2 as request", "Host field added"))

add("bare-lf-req", req3, "error", [],
    "lenient-behaviour test converted with the strict expectation: lines end in bare LF. "
    "differs from CivetWeb: CivetWeb accepts it as a complete valid request; the profile "
    "(Head syntax: a bare LF is an error; RFC 9112 2.2 lets a recipient accept bare LF, the profile "
    "does not) rejects it. Also lacks Host.",
    S("req3 as request"))
add("bare-lf-req-host", with_host(req3, eol=b"\n"), "error", [],
    "bare-LF request with a Host field (LF-terminated like the rest): still an error, the profile "
    "rejects bare LF line ends (RFC 9112 2.2 allows only as an option). differs from CivetWeb, "
    "which accepts bare LF.",
    S("req3 as request", "Host field added"))
add("bare-lf-req-as-resp", req3, "error", [],
    "a request (with bare LF) where a status-line must be. CivetWeb: -1; agrees.",
    S("req3 as response"), mode="response")

add("line-without-colon", req4, "error", [],
    "a field line 'skip' without a colon (RFC 9112 5: field-line = field-name ':' ...). "
    "CivetWeb: -1 (its comment calls it a multi-line header); agrees. Also lacks Host.",
    S("req4 as request"))
add("line-without-colon-host", with_host(req4), "error", [],
    "the same with a Host field: the field line 'skip' has no colon, an error (RFC 9112 5).",
    S("req4 as request", "Host field added"))

add("bare-lf-req10", req5, "error", [],
    "lenient-behaviour test converted with the strict expectation: 'GET / HTTP/1.0' LF LF. "
    "differs from CivetWeb: CivetWeb accepts it (its comment: 'somewhat malformed'); the profile "
    "rejects bare LF (Head syntax; RFC 9112 2.2).",
    S("req5 as request"))
add("bare-lf-req10-as-resp", req5, "error", [],
    "a request where a status-line must be. CivetWeb: -1; agrees.",
    S("req5 as response"), mode="response")

add("incomplete-g", req6, "error", [],
    "a single byte 'G': the stream ends inside the request-line. CivetWeb: 0 (incomplete); at end "
    "of stream this is an error (CONFORMANCE.md section 1).",
    S("req6 as request"))
add("space-blah-space", req7, "error", [],
    "' blah ': starts with SP (not a token) and never ends its line. CivetWeb: 0 ('invalid, but not "
    "yet complete'); an error either way at end of stream.",
    S("req7 as request"))

add("status-line-as-req", req8, "error", [],
    "a status-line sent to a server: 'HTTP/1.0' is a token but '404' is not a valid request-target "
    "and 'Not Found' does not fit the request-line grammar (RFC 9112 3). CivetWeb: -1; agrees.",
    S("req8 as request"))
add("bare-lf-resp", req8, "error", [],
    "lenient-behaviour test converted with the strict expectation: 'HTTP/1.0 404 Not Found' LF LF. "
    "differs from CivetWeb: parse_http_response accepts it; the profile (Head syntax, both roles) "
    "rejects bare LF (RFC 9112 2.2 allows it only as an option).",
    S("req8 as response"), mode="response")

add("resp-as-req", req9, "error", [],
    "a response sent to a server (RFC 9112 3). CivetWeb: -1; agrees.",
    S("req9 as request"))
add("resp-200-conn-close", req9, "ok", 1,
    "'HTTP/1.1 200 OK' with Connection: close and no Content-Length / Transfer-Encoding: the body is "
    "delimited by the close (RFC 9112 6.3 rule 8), here empty, completed by end of stream. "
    "CivetWeb: valid, 1 header; agrees.",
    S("req9 as response"), mode="response")

add("two-headers", req10, "error", [],
    "two header fields A: 'foo bar' and B: 'bar'. differs from CivetWeb: CivetWeb accepts it "
    "(2 headers); " + HOSTREQ + ".",
    S("req10 as request"))
add("two-headers-host", with_host(req10), "ok", 1,
    "the same with a Host field: valid; the value 'foo bar' keeps its inner SP.",
    S("req10 as request", "Host field added"))

add("http09-style", req11, "error", [],
    "'GET /' with no HTTP-version (HTTP/0.9 style) followed by a field line: not a valid "
    "request-line (RFC 9112 3). CivetWeb: -1; agrees.",
    S("req11 as request"))

add("post-body-no-length", req12, "error", [],
    "POST with a body but neither Content-Length nor Transfer-Encoding, no Host. CivetWeb returns "
    "the head length and leaves 'BODY' unread; differs from CivetWeb: " + HOSTREQ + ".",
    S("req12 as request"))
add("post-body-no-length-host", with_host(req12), "error", msgs_of(with_host(req12), 1),
    "with a Host field the POST is valid and, having neither Content-Length nor Transfer-Encoding, "
    "has a zero-length body (RFC 9112 6.3 rule 7). The 4 bytes 'BODY' then start a second request "
    "that never ends: an error after 1 message at end of stream.",
    S("req12 as request", "Host field added"))

# ---------------- test_should_keep_alive (parsing part only)
T = "test_should_keep_alive"
add("get10-no-headers", b"GET / HTTP/1.0\r\n\r\n", "ok", 1,
    "HTTP/1.0 request without fields: valid, Host is not required for HTTP/1.0. CivetWeb: valid "
    "(0 headers; not kept alive). The keep-alive decision itself has no corpus equivalent.",
    src(PRIV, T + ", req2"))
add("conn-close-no-host", b"GET / HTTP/1.1\r\nConnection: close\r\n\r\n", "error", [],
    "HTTP/1.1 with Connection: close and no Host. differs from CivetWeb: CivetWeb parses it "
    "(1 header); " + HOSTREQ + ".", src(PRIV, T + ", req3"))
add("conn-close-no-host-host", with_host(b"GET / HTTP/1.1\r\nConnection: close\r\n\r\n"), "ok", 1,
    "with a Host field: valid, Connection: close.", src(PRIV, T + ", req3", "Host field added"))
add("conn-keepalive-no-host", b"GET / HTTP/1.1\r\nConnection: keep-alive\r\n\r\n", "error", [],
    "HTTP/1.1 with Connection: keep-alive and no Host. differs from CivetWeb: CivetWeb parses it "
    "(1 header); " + HOSTREQ + ".", src(PRIV, T + ", req4"))
add("conn-keepalive-no-host-host", with_host(b"GET / HTTP/1.1\r\nConnection: keep-alive\r\n\r\n"),
    "ok", 1, "with a Host field: valid.", src(PRIV, T + ", req4", "Host field added"))

# ---------------- test_is_valid_uri (targets wrapped in a request)
T = "test_is_valid_uri"
uris = [
    ("/api", "ok", "origin-form (CivetWeb get_uri_type 2)"),
    ("/api/", "ok", "origin-form (CivetWeb 2)"),
    ("/some/long/path%20with%20space/file.xyz", "ok", "origin-form with pct-encoding (CivetWeb 2)"),
    ("api", "error", "neither origin-form (no leading '/') nor absolute-form nor asterisk-form "
     "(RFC 9112 3.2; CivetWeb 0 = invalid)"),
    ("*", "either", "asterisk-form with GET: the profile makes asterisk-form with a method other than "
     "OPTIONS `either` (RFC 9112 3.2.4 says it is only for OPTIONS; CivetWeb 1 = asterisk)"),
    ("*xy", "error", "'*xy' is no request-target form (RFC 9112 3.2; CivetWeb 0 = invalid)"),
    ("http://somewhere/", "ok", "absolute-form (CivetWeb 3)"),
    ("https://somewhere/some/file.html", "ok", "absolute-form, https (CivetWeb 3)"),
    ("http://somewhere:8080/", "ok", "absolute-form with port (CivetWeb 4)"),
    ("https://somewhere:8080/some/file.html", "ok", "absolute-form with port (CivetWeb 4)"),
]
for i, (u, exp, why) in enumerate(uris):
    host = "example.com"
    if "://" in u:
        host = u.split("://", 1)[1].split("/", 1)[0]
    inp = ("GET %s HTTP/1.1\r\nHost: %s\r\n\r\n" % (u, host)).encode()
    m = msgs_of(inp, 1) if exp != "error" else []
    add("uri-wrap-%d" % (i + 1), inp, exp, m,
        "request-target %r placed in a GET request with a matching Host: %s." % (u, why),
        src(PRIV, T + ", get_uri_type(\"%s\")" % u, "target placed in a request"))

# private.c tests with no HTTP message
for t in ("test_match_prefix", "test_remove_dot_segments", "test_next_option", "test_skip_quoted",
          "test_alloc_vprintf", "test_mg_vsnprintf", "test_mg_strcasestr", "test_parse_port_string",
          "test_encode_decode", "test_mask_data", "test_parse_date_string", "test_sha1",
          "test_config_options"):
    skip("private.c helper test with no HTTP message (paths, options, encodings, dates, hashes)")

# ====================================================================
# unittest/public_server.c
# ====================================================================
T = "test_mg_start_stop_http_server"
add("get10-root", b"GET / HTTP/1.0\r\n\r\n", "ok", 1,
    "HTTP/1.0 GET without fields: valid. CivetWeb: 200 (404 with NO_FILES).",
    src(PSRV, T + ", HTTP 1.0 GET request") + "; " +
    src(PSRV, "test_request_handlers, Get directory listing (same bytes)"))
add("get11-host-close", b"GET / HTTP/1.1\r\nHost: localhost:8080\r\nConnection: close\r\n\r\n", "ok", 1,
    "HTTP/1.1 GET with Host and Connection: close (three mg_printf calls): valid. CivetWeb: 200.",
    src(PSRV, T + ", HTTP 1.1 GET request"))
add("http17", b"GET / HTTP/1.7\r\nHost: localhost:8080\r\nConnection: close\r\n\r\n", "error", [],
    "HTTP/1.7 does not exist: the profile accepts only HTTP/1.0 and HTTP/1.1 (any other HTTP/x.y is "
    "an error; RFC 9112 2.3). CivetWeb: 505; agrees.",
    src(PSRV, T + ", HTTP 1.7 GET request"))
add("line-without-colon-2",
    b"GET / HTTP/1.1\r\nHost: localhost:8080\r\nX-Obsolete-Header: something\r\nfor nothing\r\n"
    b"Connection: close\r\n\r\n", "error", [],
    "the line 'for nothing' has no colon and does not start with SP/HTAB, so it is neither a "
    "field line nor obs-fold (RFC 9112 5). CivetWeb: 400 (its comment calls it a multiline header); "
    "agrees.", src(PSRV, T + ", HTTP request with multiline header"))
skip("TLS (test_mg_start_stop_https_server, test_mg_server_and_client_tls, "
     "test_minimal_tls_client, test_minimal_https_server_callback, https downloads in "
     "test_request_handlers)", 6)

# ---------------- test_request_handlers
T = "test_request_handlers"
add("get10-not-found", b"GET /file/not/found HTTP/1.0\r\n\r\n", "ok", 1,
    "HTTP/1.0 GET: valid. CivetWeb: 404 (no such file).",
    src(PSRV, T + ", Try to load non existing file"))
add("get10-u7", b"GET /U7 HTTP/1.0\r\n\r\n", "ok", 1,
    "HTTP/1.0 GET to a handler: valid. CivetWeb: 200 (the handler's chunked response).",
    src(PSRV, T + ", Get data from callback (mg_download to localhost, 127.0.0.1, [::1], the "
        "redirect ports, and mg_connect_client + mg_printf)"))
chunk_data = b"123456789A123456789B123456789C"
resp = (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/plain\r\n\r\n")
for i in range(1, 11):
    resp += b"%x\r\n" % i + chunk_data[:i] + b"\r\n"
resp += b"0\r\n\r\n"
m = msgs_of(resp, 1, "response")
assert m[0]["body"] == "112123123412345123456123456712345678123456789123456789A"
add("resp-chunked-handler", resp, "ok", m,
    "the test handler's response: HTTP/1.1 200 with Transfer-Encoding: chunked, ten chunks of 1..10 "
    "bytes (sizes 1..a in hex) and a last chunk without trailers (RFC 9112 7.1). CivetWeb's client "
    "reads the 55-byte body; agrees.",
    src(PSRV, "request_test_handler (response read by test_request_handlers)"), mode="response")
skip("response written by CivetWeb library calls, not by the test (request_test_handler2 "
     "mg_send_http_ok/mg_send_chunk, error pages, file and directory responses)")
skip("file serving requests (GET /test.txt, GET /test_gz.txt twice, GET /file_in_mem)", 4)
add("post10-cgi-cl3", b"POST /cgi_test.cgi/x/y.z HTTP/1.0\r\nContent-Length: 3\r\n\r\nABC", "ok", 1,
    "HTTP/1.0 POST with Content-Length: 3 and body 'ABC' (RFC 9112 6.3 rule 6). CivetWeb: 200.",
    src(PSRV, T + ", CGI POST"))
add("get10-cgi", b"GET /test.cgi HTTP/1.0\r\n\r\n", "ok", 1,
    "HTTP/1.0 GET: valid. CivetWeb: 200 (CGI output).", src(PSRV, T + ", Get CGI generated data"))
skip("CGI script output (a CGI header block, not an HTTP message on the wire)")
add("post10-no-body", b"POST /test.txt HTTP/1.0\r\n\r\n", "ok", 1,
    "HTTP/1.0 POST with neither Content-Length nor Transfer-Encoding: a request body of length 0 "
    "(RFC 9112 6.3 rule 7), a valid message. CivetWeb: 405 (method not allowed on a static file, "
    "a semantic answer).", src(PSRV, T + ", POST to static file"))
add("put10-no-body", b"PUT /test.txt HTTP/1.0\r\n\r\n", "ok", 1,
    "HTTP/1.0 PUT without a body length: body length 0 (RFC 9112 6.3 rule 7). CivetWeb: 401 "
    "(not authorized), a semantic answer.", src(PSRV, T + ", PUT to static file"))
add("absolute-form-10", b"GET http://test.domain:8084/U7 HTTP/1.0\r\n\r\n", "ok", 1,
    "HTTP/1.0 GET in absolute-form (RFC 9112 3.2.2); HTTP/1.0 needs no Host. CivetWeb: 200.",
    src(PSRV, T + ", mg_connect_client and absolute URI (ipv4_port 8084)"))
add("absolute-form-10-subdomain", b"GET http://subdomain.test.domain:8084/U7 HTTP/1.0\r\n\r\n", "ok", 1,
    "HTTP/1.0 GET in absolute-form with a sub-domain authority. CivetWeb: 200.",
    src(PSRV, T + ", absolute URI with a sub-domain (ipv4_port 8084)"))
add("get11-handler2", b"GET /handler2 HTTP/1.1\r\nHost: test.domain\r\n\r\n", "ok", 1,
    "HTTP/1.1 GET with Host: valid. CivetWeb: 200.", src(PSRV, T + ", Get data from handler2"))
add("get11-unknown-url", b"GET /unknown_url HTTP/1.1\r\nHost: localhost\r\n\r\n", "ok", 1,
    "HTTP/1.1 GET with Host (the stray printf argument is unused): valid. CivetWeb: 404.",
    src(PSRV, T + ", Get data non existing handler"))
add("get11-handler2-localhost", b"GET /handler2 HTTP/1.1\r\nHost: localhost\r\n\r\n", "ok", 1,
    "HTTP/1.1 GET with Host: valid. CivetWeb: 200 (the test reads only part of the body).",
    src(PSRV, T + ", Get data from handler2, but only read a part of it"))
skip("websocket client connections (mg_connect_websocket_client, 4 clients)", 4)

# ---------------- test_handle_form
T = "test_handle_form"
q = (b"GET /handle_form"
     b"?textin=text&passwordin=&radio1=val1"
     b"&radio2=val1&check1=val1&numberin=1"
     b"&datein=1.1.2016&colorin=%2380ff00"
     b"&rangein=3&monthin=&weekin=&timein="
     b"&datetimen=&datetimelocalin=&emailin="
     b"&searchin=&telin=&urlin=&filein="
     b"&filesin=&selectin=opt1"
     b"&message=Text+area+default+text. "
     b"HTTP/1.0\r\n"
     b"Host: localhost:8884\r\n"
     b"Connection: close\r\n\r\n")
add("form-get10-query", q, "ok", 1,
    "HTTP/1.0 GET with a long query string (pct-encoded '#', '+' for spaces) and Host: valid. "
    "CivetWeb: 200.", src(PSRV, T + ", Handle form: GET"))
urlbody = (b"textin=text&passwordin=&radio1=val1&radio2=val1"
           b"&check1=val1&numberin=1&datein=1.1.2016"
           b"&colorin=%2380ff00&rangein=3&monthin=&weekin="
           b"&timein=&datetimen=&datetimelocalin=&emailin="
           b"&searchin=&telin=&urlin=&filein=&filesin="
           b"&selectin=opt1&message=Text+area+default+text.")
assert len(urlbody) == 263
inp = (b"POST /handle_form HTTP/1.1\r\n"
       b"Host: localhost:8884\r\n"
       b"Connection: close\r\n"
       b"Content-Type: application/x-www-form-urlencoded\r\n"
       b"Content-Length: 263\r\n"
       b"\r\n" + urlbody)
add("form-post-urlencoded", inp, "ok", 1,
    "HTTP/1.1 POST with Content-Length: 263 and exactly 263 body bytes. CivetWeb: 200.",
    src(PSRV, T + ", Handle form: POST x-www-form-urlencoded"))

parts = [(b'"textin"', b"text"), (b'"passwordin"', b""), (b'"radio1"', b"val1"),
         (b"radio2", b"val1"), (b'"check1"', b"val1"), (b'"numberin"', b"1"),
         (b'"datein"', b"1.1.2016"), (b'"colorin"', b"#80ff00"), (b'"rangein"', b"3"),
         (b'"monthin"', b""), (b'"weekin"', b""), (b'"timein"', b""), (b'"datetimen"', b""),
         (b'"datetimelocalin"', b""), (b'"emailin"', b""), (b'"searchin"', b""),
         (b'"telin"', b""), (b'"urlin"', b"")]
B = b"--multipart-form-data-boundary--see-RFC-2388\r\n"
mp = b""
for name, val in parts:
    mp += B + b"Content-Disposition: form-data; name=" + name + b"\r\n\r\n" + val + b"\r\n"
mp += (B + b'Content-Disposition: form-data; name="filein"; filename=""\r\n'
       b"Content-Type: application/octet-stream\r\n\r\n\r\n")
mp += (B + b"Content-Disposition: form-data; name=filesin; filename=\r\n"
       b"Content-Type: application/octet-stream\r\n\r\n\r\n")
mp += B + b'Content-Disposition: form-data; name="selectin"\r\n\r\nopt1\r\n'
mp += B + b'Content-Disposition: form-data; name="message"\r\n\r\nText area default text.\r\n'
mp += b"--multipart-form-data-boundary--see-RFC-2388--\r\n"
assert len(mp) == 2368, len(mp)
inp = (b"POST /handle_form HTTP/1.1\r\n"
       b"Host: localhost:8884\r\n"
       b"Connection: close\r\n"
       b"Content-Type: multipart/form-data; "
       b"boundary=multipart-form-data-boundary--see-RFC-2388\r\n"
       b"Content-Length: %d\r\n"
       b"\r\n" % len(mp)) + mp
add("form-post-multipart-cl", inp, "ok", 1,
    "HTTP/1.1 POST, multipart body of 2368 bytes framed by Content-Length (the body's own CRLFs "
    "and blank lines are body data). CivetWeb: 200.",
    src(PSRV, T + ", Handle form: POST multipart/form-data"))


def chunk_rising(body):
    out, sent, n = b"", 0, 1
    while len(body) > sent:
        if n > len(body) - sent:
            n = len(body) - sent
        out += b"%x\r\n" % n + body[sent:sent + n] + b"\r\n"
        sent += n
        n = (n % 40) + 1
    return out + b"0\r\n\r\n"


for slug, ctype, what in (
        ("form-post-multipart-chunked",
         b"boundary=multipart-form-data-boundary--see-RFC-2388", "POST multipart/form-data chunked"),
        ("form-post-multipart-chunked-quoted",
         b'boundary="multipart-form-data-boundary--see-RFC-2388"',
         "POST multipart/form-data chunked, quoted boundary")):
    inp = (b"POST /handle_form HTTP/1.1\r\n"
           b"Host: localhost:8884\r\n"
           b"Connection: close\r\n"
           b"Content-Type: multipart/form-data; " + ctype + b"\r\n"
           b"Transfer-Encoding: chunked\r\n"
           b"\r\n") + chunk_rising(mp)
    m = msgs_of(inp, 1)
    assert m[0]["body"] == mp.decode("latin-1")
    add(slug, inp, "ok", m,
        "HTTP/1.1 POST, chunked: the 2368-byte multipart body sent in chunks of 1, 2, ... 40, 1, ... "
        "bytes (sizes in lower-case hex), then the last chunk (RFC 9112 7.1). CivetWeb: 200.",
        src(PSRV, T + ", Handle form: " + what))

add("form-store-get10",
    b"GET /handle_form_store?storeme=storetest&continue_field_handler=ignore"
    b"&break_field_handler=abort&dontread=xyz HTTP/1.0\r\n"
    b"Host: localhost:8884\r\nConnection: close\r\n\r\n", "ok", 1,
    "HTTP/1.0 GET with a query and Host: valid. CivetWeb: 200.",
    src(PSRV, T + ", form_store: First test with GET"))


def chunk_strings(strs):
    return b"".join(b"%x\r\n" % len(s) + s + b"\r\n" for s in strs) + b"0\r\n\r\n"


store1 = [b"storeme=store", b"test&", b"continue_field_handler=ignore", b"&br",
          b"eak_field_handler=abort&", b"dontread=xyz"]
store2 = [b"--multipart-form-data-boundary", b"--see-RFC-2388\r\n",
          b"Content-Disposition: form-data; ", b'name="storeme"\r\n', b"\r\n", b"storetest\r\n"]
for nm, val in ((b"continue_field_handler", b"ignore"), (b"break_field_handler", b"abort"),
                (b"dontread", b"xyz")):
    store2 += [b"--multipart-form-data-boundary-", b"-see-RFC-2388\r\n",
               b"Content-Disposition: form-data; ", b'name="' + nm + b'"\r\n', b"\r\n", val + b"\r\n"]
store2 += [b"--multipart-form-data-boundary", b"--see-RFC-2388--\r\n"]

bnd = b"--multipart-form-data-boundary--see-RFC-2388\r\n"
store3 = [bnd, b"Content-Disposition: form-data; ", b'name="storeme"\r\n', b"\r\n", b"storetest\r\n",
          bnd, b"Content-Disposition: form-data; ", b'name="continue_field_handler";',
          b'filename="file_ignored.txt"\r\n', b"Content-Type: ", b"application/octet-stream\r\n",
          b"X-Ignored-Header: xyz\r\n", b"\r\n"]
sent = 0
while True:
    store3.append(b"ignore\r\n")
    sent += 8
    for n in range(1, len(bnd)):
        store3.append(bnd[:n])
        sent += n
    if not sent < 8 * 1024:
        break
store3.append(b"\r\n")
store3 += [bnd, b"Content-Disposition: form-data; ", b'name="file2store";',
           b'filename="myfile.txt"\r\n', b"Content-Type: ", b"application/octet-stream\r\n",
           b"X-Ignored-Header: xyz\r\n", b"\r\n"]
store3 += [b"Content of myfile.txt\r\n"] * 500
store3.append(b"\r\n")
store3 += [bnd, b"Content-Disposition: form-data; ", b'name="break_field_handler"\r\n', b"\r\n",
           b"abort\r\n", bnd, b"Content-Disposition: form-data; ", b'name="dontread"\r\n', b"\r\n",
           b"xyz\r\n", b"--multipart-form-data-boundary", b"--see-RFC-2388--\r\n"]

for slug, path, ctype, chunks, what in (
        ("form-store-urlencoded-te10", b"/handle_form_store",
         b"application/x-www-form-urlencoded", store1, "POST x-www-form-urlencoded, chunked, store"),
        ("form-store-multipart-te10", b"/handle_form_store",
         b"multipart/form-data; boundary=multipart-form-data-boundary--see-RFC-2388", store2,
         "POST multipart/form-data, chunked, store"),
        ("form-store2-files-te10", b"/handle_form_store2",
         b"multipart/form-data; boundary=multipart-form-data-boundary--see-RFC-2388", store3,
         "POST multipart/form-data, chunked, store, with files")):
    head = (b"POST " + path + b" HTTP/1.0\r\n"
            b"Host: localhost:8884\r\n"
            b"Connection: close\r\n"
            b"Content-Type: " + ctype + b"\r\n"
            b"Transfer-Encoding: chunked\r\n"
            b"\r\n")
    body = chunk_strings(chunks)
    add(slug, head + body, "error", [],
        "an HTTP/1.0 request with Transfer-Encoding: chunked. differs from CivetWeb: CivetWeb decodes "
        "the chunked body and answers 200; the profile (Framing 2: Transfer-Encoding in an HTTP/1.0 "
        "message is an error) follows RFC 9112 6.1, which says a server MUST treat a message with "
        "Transfer-Encoding and an HTTP/1.0 version as having faulty framing and close the connection. "
        "See the -v11 variant for the chunked body itself.",
        src(PSRV, T + ", Handle form: " + what))
    inp11 = head.replace(b" HTTP/1.0\r\n", b" HTTP/1.1\r\n", 1) + body
    m = msgs_of(inp11, 1)
    assert m[0]["body"] == b"".join(chunks).decode("latin-1")
    add(slug + "-v11", inp11, "ok", m,
        "the same request as HTTP/1.1: a chunked body of %d chunks (sizes in lower-case hex, some "
        "chunks carrying CRLF and partial boundaries as data), then the last chunk (RFC 9112 7.1)."
        % len(chunks),
        src(PSRV, T + ", Handle form: " + what, "HTTP/1.0 rewritten as HTTP/1.1"))

for slug, n, fn in (("resp-formget-http10", 22, "FormGet"), ("resp-formstore1-http10", 3, "FormStore1"),
                    ("resp-formstore2-http10", 4, "FormStore2")):
    r = b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\n" + b"%i\r\n" % n
    add(slug, r, "ok", 1,
        "the form handler's response: HTTP/1.0 200 with no Content-Length or Transfer-Encoding, so "
        "the body ('%d' CRLF) runs to the close of the connection (RFC 9112 6.3 rule 8), completed "
        "by end of stream. CivetWeb's client reads status 200; agrees." % n,
        src(PSRV, fn + " (response read by test_handle_form)"), mode="response")

# ---------------- test_http_auth
T = "test_http_auth"
test_file = "test_http_auth.test_file.txt"
domain = "mydomain.com"
nonce = "1764601234a5b6c7"
nc, cnonce = "00000001", "6789ABCD"
md5 = lambda s: hashlib.md5(s.encode()).hexdigest()
HA1 = md5("user:%s:pass" % domain)
HA2 = md5("GET:/%s" % test_file)
HA = md5(":".join([HA1, nonce, nc, cnonce, "auth", HA2]))
add("auth-get10", ("GET /%s HTTP/1.0\r\n\r\n" % test_file).encode(), "ok", 1,
    "HTTP/1.0 GET: valid. CivetWeb: 200 without .htpasswd, 401 with it.",
    src(PSRV, T + ", Read file before / after .htpasswd, after removing the user / the file"))
authz = ("Authorization: Digest "
         "username=\"%s\", realm=\"%s\", nonce=\"%s\", uri=\"/%s\", qop=auth, nc=%s, "
         "cnonce=\"%s\", response=\"%s\"\r\n\r\n" % ("user", domain, nonce, test_file, nc, cnonce, HA))
for slug, meth, why in (("auth-digest-get10", "GET", "CivetWeb: 200 (authorized)."),
                        ("auth-digest-delete10", "DELETE",
                         "CivetWeb: 401 (user not allowed to DELETE), a semantic answer.")):
    inp = ("%s /%s HTTP/1.0\r\n" % (meth, test_file) + authz).encode()
    add(slug, inp, "ok", 1,
        "HTTP/1.0 %s with a long Digest Authorization value (quoted strings, commas): one field "
        "line, valid. The nonce is the server's at run time; a fixed one is used here and the "
        "response hash is computed with the test's formula. %s" % (meth, why),
        src(PSRV, T + ", Retry %swith authorization" % ("DELETE " if meth == "DELETE" else "")))

# ---------------- test_keep_alive
add("get11-keepalive", b"GET / HTTP/1.1\r\nHost: localhost:8081\r\nConnection: keep-alive\r\n\r\n",
    "ok", 1, "HTTP/1.1 GET with Host and Connection: keep-alive: valid. CivetWeb: 403 (directory "
    "listing off) with Connection: close.", src(PSRV, "test_keep_alive, HTTP 1.1 GET request"))

# ---------------- test_error_handling
T = "test_error_handling"
add("get10-missing", b"GET /something/not/existing HTTP/1.0\r\n\r\n", "ok", 1,
    "HTTP/1.0 GET: valid. CivetWeb: 404, or 200 with an error page file.",
    src(PSRV, T + ", Ask for something not existing (4 times)"))
add("gimme-some-file", b"Gimme some file!\r\n\r\n", "error", [],
    "'Gimme some file!': method 'Gimme', target 'some', then 'file!' where HTTP-version must be "
    "(RFC 9112 3, 2.3). CivetWeb: a 4xx error (served through error4xx.htm); agrees.",
    src(PSRV, T + ", Ask in a malformed way"))

# ---------------- others
add("get10-not-existing-ext", b"GET /not_existing_file.ext HTTP/1.0\r\n\r\n", "ok", 1,
    "HTTP/1.0 GET: valid. CivetWeb: 404.", src(PSRV, "test_error_log_file"))
add("get10-throttle-query", b"GET /throttle?q HTTP/1.0\r\n\r\n", "ok", 1,
    "HTTP/1.0 GET with a query '?q': valid. CivetWeb: 200.", src(PSRV, "test_throttle"))
r = (b"HTTP/1.1 200 OK\r\nContent-Length: 10240\r\nConnection: close\r\n\r\n" + b"0123456789" * 1024)
add("resp-throttle-cl10240", r, "ok", 1,
    "the throttle handler's response: HTTP/1.1 200 with Content-Length: 10240 and 10240 body bytes. "
    "CivetWeb's client reads content_length 10240; agrees.",
    src(PSRV, "test_throttle_begin_request (response read by test_throttle)"), mode="response")
add("get11-large-file", b"GET /large.file HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", "ok", 1,
    "HTTP/1.1 GET with Host (an IPv4 literal): valid. CivetWeb: 200 (sent over TLS unless NO_SSL).",
    src(PSRV, "test_large_file"))
skip("test_large_file response (10 MiB Content-Length body; same framing as the throttle response)")
inp = (b"PUT /test_file_name.txt HTTP/1.0\r\nContent-Length: 20000\r\n\r\n" + b"1234567890" * 2000)
add("put10-cl20000", inp, "ok", 1,
    "HTTP/1.0 PUT with Content-Length: 20000 (the head, then 2000 writes of 10 bytes). CivetWeb: 200.",
    src(PSRV, "test_mg_store_body"))
r = (b"HTTP/1.1 200 OK\r\nContent-Type:text/plain;charset=UTF-8\r\nConnection:close\r\n\r\n"
     b".//test_file_name.txt OK (20000 bytes saved)\n")
add("resp-store-body-no-ows", r, "ok", 1,
    "the store-body handler's response: header fields with no SP after the colon (OWS is optional, "
    "RFC 9112 5.1) and no length, so the body runs to the close (RFC 9112 6.3 rule 8). The path is "
    "'./' + local_uri as the handler formats it. CivetWeb's client reads status 200; agrees.",
    src(PSRV, "test_mg_store_body_put_delete_handler (response read by test_mg_store_body)"),
    mode="response")
skip("test_mg_store_body 500 branch (only on failure; its rc is not a test value)")
add("get10-github", b"GET /civetweb/civetweb/ HTTP/1.0\r\n\r\n", "ok", 1,
    "HTTP/1.0 GET: valid. (Sent to github.com by the test.)", src(PSRV, "test_minimal_client"))
add("get10-hello", b"GET /hello HTTP/1.0\r\n\r\n", "ok", 1,
    "HTTP/1.0 GET: valid. CivetWeb: 200.", src(PSRV, "test_minimal_http_server_callback"))
r = (b"HTTP/1.1 200 OK\r\nContent-Length: 11\r\nContent-Type: text/plain\r\n"
     b"Connection: close\r\n\r\nHello world")
add("resp-minimal-hello", r, "ok", 1,
    "the minimal handler's response: HTTP/1.1 200, Content-Length: 11, body 'Hello world'. "
    "CivetWeb's client reads it; agrees.",
    src(PSRV, "minimal_test_request_handler (response read by test_minimal_http_server_callback)"),
    mode="response")
skip("public_server.c tests without HTTP messages (test_the_test_environment, test_threading, "
     "test_init_library)", 3)
skip("unittest/public_func.c tests with no whole HTTP message (mg_version, valid options, mime "
     "types, strncasecmp, cookies, query variables, md5, URL encode/decode, form splitting, "
     "response code texts)", 12)

# ------------------------------------------------------------ write
with open(OUT, "w") as f:
    json.dump(cases, f, ensure_ascii=True, indent=1)
    f.write("\n")

if __name__ == "__main__":
    from collections import Counter
    print("cases:", len(cases), dict(Counter(c["expect"] for c in cases)),
          dict(Counter(c["mode"] for c in cases)))
    print("derived:", sum(1 for c in cases if "(variant:" in c["source"]))
    print("merged:", stats["merged"])
    for k, v in stats["skipped"].items():
        print("skip %d: %s" % (v, k))
