#!/usr/bin/env python3
"""Build tests/corpus/rust_servers.json: h1wire conformance cases converted from
the HTTP/1 test suites of two Rust stacks:

  actix-web's actix-http (https://github.com/actix/actix-web, MIT OR Apache-2.0)
    actix-http/src/h1/decoder.rs          commit 7169f54d3bec4c27fe8c3ce650c454ab529bf070 (mod tests)
    actix-http/src/h1/chunked.rs          commit 7cee116afd89781945bc9c4899b3b8b9139b8175 (mod tests)
    actix-http/src/h1/codec.rs            commit df3bf798734e86af601d82b62d2dbcbeb53c7cbd (mod tests)
    actix-http/src/h1/dispatcher_tests.rs commit dda31217db986d8234ed5ffebb8880486f6719c8
    (actix-http/src/h1/client.rs at df3bf798 has no tests)

  Cloudflare's pingora (https://github.com/cloudflare/pingora, Apache-2.0)
    pingora-core/src/protocols/http/v1/server.rs commit fda3317ec822678564d641e7cf1c9b77ee3759ff (mod tests_stream, mod test_sync)
    pingora-core/src/protocols/http/v1/client.rs commit cd7cc7e0821109d153c2a1109940a1b5af31c7df (mod tests_stream, mod test_sync)
    pingora-core/src/protocols/http/v1/body.rs   commit b64e938ae95a0546b9c5823258d08485455f90fc (mod tests)

Only the wire bytes of the tests are taken (with the test name in "source").
Every expectation is decided by the strict profile of CONFORMANCE.md section 3
and RFC 9112 / RFC 9110, not by the peer's answer nor by h1wire's.

Usage: rust_servers_make.py   (no options)
"""
import json
import os

from common import b2s as s, req, res

OUT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "rust_servers.json")

A_REPO = "actix/actix-web"
A_DEC = A_REPO + " actix-http/src/h1/decoder.rs@7169f54d3bec (mod tests)"
A_CHK = A_REPO + " actix-http/src/h1/chunked.rs@7cee116afd89 (mod tests)"
A_CODEC = A_REPO + " actix-http/src/h1/codec.rs@df3bf798734e (mod tests)"
A_DISP = A_REPO + " actix-http/src/h1/dispatcher_tests.rs@dda31217db98"
P_REPO = "cloudflare/pingora"
P_SRV = P_REPO + " pingora-core/src/protocols/http/v1/server.rs@fda3317ec822 (mod tests_stream)"
P_CLI = P_REPO + " pingora-core/src/protocols/http/v1/client.rs@cd7cc7e08211 (mod tests_stream)"
P_BODY = P_REPO + " pingora-core/src/protocols/http/v1/body.rs@b64e938ae95a (mod tests)"

CASES = []
IDS = set()
SEEN = {}
V_HOST = " (variant: Host field added)"
V_HOST_BODY = " (variant: Host field added, body completed)"
V_BODY = " (variant: body completed)"


def add(cid, mode, inp, expect, messages, note, source, methods=()):
    assert cid.startswith("rust_servers-actix-") or cid.startswith("rust_servers-pingora-"), cid
    assert cid not in IDS, cid
    assert expect in ("ok", "error", "either"), expect
    assert isinstance(inp, bytes)
    assert note
    key = (mode, tuple(methods), inp)
    assert key not in SEEN, "same bytes as %s: merge %s into it" % (SEEN[key], cid)
    SEEN[key] = cid
    IDS.add(cid)
    CASES.append({"id": cid, "mode": mode, "methods": list(methods),
                  "input": s(inp), "expect": expect, "messages": messages,
                  "note": note, "source": source})


def src(file, *tests):
    return file + ": " + "; ".join(tests)


def with_host(inp, host=b"example.com"):
    """Insert `Host: <host>` CRLF after the first request-line (skipping a
    leading empty line)."""
    start = 2 if inp.startswith(b"\r\n") else 0
    i = inp.index(b"\n", start) + 1
    return inp[:i] + b"Host: " + host + b"\r\n" + inp[i:]


def with_host_all(parts, host=b"example.com"):
    return b"".join(with_host(p, host) for p in parts)


H = (b"Host", b"example.com")
HP = (b"Host", b"pingora.org")

NOHOST = ("the profile rejects this HTTP/1.1 request first for its missing Host "
          "field (RFC 9112 3.2: a server MUST respond 400 to an HTTP/1.1 request "
          "that lacks Host; profile: Host)")
A_NOHOST = NOHOST + "; differs from actix-http, which does not require Host and accepts it"
P_NOHOST = NOHOST + "; differs from pingora, which does not require Host and accepts it"
HOSTV = ("derived: the peer's input with `Host: example.com` inserted after the "
         "request-line, so that the case tests what the peer's test is about")

# =====================================================================
# actix-http: decoder.rs
# =====================================================================
A = "rust_servers-actix-"


def a_nohost(slug, inp, tests, host_expect, host_msgs, host_note, file=A_DEC,
             nohost_msgs=(), extra_nohost_note=""):
    """An HTTP/1.1 request without Host: the original (error) and the -host variant."""
    add(A + slug, "request", inp, "error", list(nohost_msgs),
        A_NOHOST + extra_nohost_note, src(file, *tests))
    add(A + slug + "-host", "request", with_host(inp) if not isinstance(inp, list) else None,
        host_expect, host_msgs, HOSTV + "; " + host_note, src(file, *tests) + V_HOST)


def a_nohost_parts(slug, parts, tests, host_expect, host_msgs, host_note, file,
                   nohost_msgs=(), extra_nohost_note=""):
    add(A + slug, "request", b"".join(parts), "error", list(nohost_msgs),
        A_NOHOST + extra_nohost_note, src(file, *tests))
    add(A + slug + "-host", "request", with_host_all(parts), host_expect, host_msgs,
        HOSTV + " (after each request-line); " + host_note, src(file, *tests) + V_HOST)


a_nohost("parse-get", b"GET /test HTTP/1.1\r\n\r\n",
         ["test_parse", "test_parse_partial_eof (input joined)", "test_conn_default_1_1"],
         "ok", [req(b"GET", b"/test", headers=[H])],
         "minimal GET, no body (framing none); same answer as actix-http (keep-alive by default in 1.1)")

a_nohost("parse-partial-put", b"PUT /test HTTP/1.1\r\n\r\n",
         ["test_parse_partial (the two writes `PUT /test HTTP/1` + `.1\\r\\n\\r\\n` joined)"],
         "ok", [req(b"PUT", b"/test", headers=[H])],
         "PUT without Content-Length or Transfer-Encoding has no body (RFC 9112 6.3 rule 7); "
         "the split inside the version is exercised by the dump's --split runs")

add(A + "h09-get", "request", b"GET /test1 HTTP/0.9\r\n\r\n", "error", [],
    "HTTP/0.9 in a request-line: the profile accepts only HTTP/1.0 and HTTP/1.1 (any other "
    "HTTP/x.y is an error); same answer as actix-http", src(A_DEC, "parse_h09_reject (1st input)"))
add(A + "h09-post", "request",
    b"POST /test2 HTTP/0.9\r\nContent-Length: 3\r\n\r\n\n            abc", "error", [],
    "HTTP/0.9 request-line is an error (profile: version is HTTP/1.0 or HTTP/1.1); the Rust "
    "literal has a real line break (no `\\` continuation) after the empty line, so a LF and 12 "
    "spaces come before `abc`; same answer as actix-http", src(A_DEC, "parse_h09_reject (2nd input)"))

add(A + "h10-get", "request", b"GET /test1 HTTP/1.0\r\n\r\n", "ok",
    [req(b"GET", b"/test1", "HTTP/1.0")],
    "HTTP/1.0 request needs no Host; no body; same answer as actix-http",
    src(A_DEC, "parse_h10_get (1st input)"))
add(A + "h10-get-cl0", "request", b"GET /test2 HTTP/1.0\r\nContent-Length: 0\r\n\r\n", "ok",
    [req(b"GET", b"/test2", "HTTP/1.0", [(b"Content-Length", b"0")], "length")],
    "Content-Length: 0 gives framing length with an empty body; same answer as actix-http",
    src(A_DEC, "parse_h10_get (2nd input)"))
add(A + "h10-get-cl3-stray-lf", "request",
    b"GET /test3 HTTP/1.0\r\nContent-Length: 3\r\n\r\n\n            abc", "either",
    [req(b"GET", b"/test3", "HTTP/1.0", [(b"Content-Length", b"3")], "length", b"\n  ")],
    "the Rust literal has a real line break after the empty line (no `\\` continuation), so the "
    "3 body bytes are LF and two spaces, and 10 spaces + `abc` follow the message. An HTTP/1.0 "
    "request without keep-alive closes the connection, so the bytes after it are `either` "
    "(profile, Connections): a decoder may stop, or go on and fail on the leftover. actix-http's "
    "test only checks the head",
    src(A_DEC, "parse_h10_get (3rd input)"))
add(A + "h10-post-cl3", "request", b"POST /test1 HTTP/1.0\r\nContent-Length: 3\r\n\r\nabc", "ok",
    [req(b"POST", b"/test1", "HTTP/1.0", [(b"Content-Length", b"3")], "length", b"abc")],
    "HTTP/1.0 POST with Content-Length; same answer as actix-http",
    src(A_DEC, "parse_h10_post (1st input)"))
add(A + "h10-post-cl0", "request", b"POST /test2 HTTP/1.0\r\nContent-Length: 0\r\n\r\n", "ok",
    [req(b"POST", b"/test2", "HTTP/1.0", [(b"Content-Length", b"0")], "length")],
    "HTTP/1.0 POST with Content-Length: 0; same answer as actix-http",
    src(A_DEC, "parse_h10_post (2nd input)"))
add(A + "h10-post-no-length", "request", b"POST /test3 HTTP/1.0\r\n\r\n", "ok",
    [req(b"POST", b"/test3", "HTTP/1.0")],
    "differs from actix-http: actix-http rejects an HTTP/1.0 POST without Content-Length (an old "
    "RFC 1945 rule). RFC 9112 6.3 rule 7 and profile Framing 4: a request with neither "
    "Transfer-Encoding nor Content-Length has a body of length 0, in any version",
    src(A_DEC, "parse_h10_post (3rd input)"))

a_nohost("parse-body", b"GET /test HTTP/1.1\r\nContent-Length: 4\r\n\r\nbody", ["test_parse_body"],
         "ok", [req(b"GET", b"/test", headers=[H, (b"Content-Length", b"4")], framing="length", body=b"body")],
         "GET with a Content-Length body; same answer as actix-http")
a_nohost("parse-body-leading-crlf", b"\r\nGET /test HTTP/1.1\r\nContent-Length: 4\r\n\r\nbody",
         ["test_parse_body_crlf"],
         "ok", [req(b"GET", b"/test", headers=[H, (b"Content-Length", b"4")], framing="length", body=b"body")],
         "one empty line before the request-line is skipped (profile: at most one; RFC 9112 2.2); "
         "same answer as actix-http")
a_nohost("headers-split-field", b"GET /test HTTP/1.1\r\ntest: value\r\n\r\n",
         ["test_headers_split_field (writes `t`, `es`, `t: value...` joined)"],
         "ok", [req(b"GET", b"/test", headers=[H, (b"test", b"value")])],
         "field line delivered in pieces (the dump's --split runs do the same); same answer as actix-http")
a_nohost("headers-multi-value",
         b"GET /test HTTP/1.1\r\nSet-Cookie: c1=cookie1\r\nSet-Cookie: c2=cookie2\r\n\r\n",
         ["test_headers_multi_value"],
         "ok", [req(b"GET", b"/test", headers=[H, (b"Set-Cookie", b"c1=cookie1"), (b"Set-Cookie", b"c2=cookie2")])],
         "two field lines of the same name are both kept, in order; same answer as actix-http")

add(A + "conn-default-1-0", "request", b"GET /test HTTP/1.0\r\n\r\n", "ok",
    [req(b"GET", b"/test", "HTTP/1.0")],
    "HTTP/1.0 GET without Host (Host is required only in HTTP/1.1); same answer as actix-http",
    src(A_DEC, "test_conn_default_1_0"))
for i, v in enumerate([b"close", b"Close"]):
    a_nohost("conn-close-%d" % (i + 1), b"GET /test HTTP/1.1\r\nconnection: " + v + b"\r\n\r\n",
             ["test_conn_close (input %d)" % (i + 1)],
             "ok", [req(b"GET", b"/test", headers=[H, (b"connection", v)])],
             "Connection: %s; the message decodes the same; same answer as actix-http" % s(v))
add(A + "conn-close-1-0", "request", b"GET /test HTTP/1.0\r\nconnection: close\r\n\r\n", "ok",
    [req(b"GET", b"/test", "HTTP/1.0", [(b"connection", b"close")])],
    "HTTP/1.0 with Connection: close; same answer as actix-http", src(A_DEC, "test_conn_close_1_0"))
for i, v in enumerate([b"keep-alive", b"Keep-Alive"]):
    add(A + "conn-keep-alive-1-0-%d" % (i + 1), "request",
        b"GET /test HTTP/1.0\r\nconnection: " + v + b"\r\n\r\n", "ok",
        [req(b"GET", b"/test", "HTTP/1.0", [(b"connection", v)])],
        "HTTP/1.0 with Connection: %s; same answer as actix-http" % s(v),
        src(A_DEC, "test_conn_keep_alive_1_0 (input %d)" % (i + 1)))
a_nohost("conn-keep-alive-1-1", b"GET /test HTTP/1.1\r\nconnection: keep-alive\r\n\r\n",
         ["test_conn_keep_alive_1_1"],
         "ok", [req(b"GET", b"/test", headers=[H, (b"connection", b"keep-alive")])],
         "Connection: keep-alive; same answer as actix-http")
add(A + "conn-other-1-0", "request", b"GET /test HTTP/1.0\r\nconnection: other\r\n\r\n", "ok",
    [req(b"GET", b"/test", "HTTP/1.0", [(b"connection", b"other")])],
    "HTTP/1.0 with an unknown connection option; same answer as actix-http",
    src(A_DEC, "test_conn_other_1_0"))
a_nohost("conn-other-1-1", b"GET /test HTTP/1.1\r\nconnection: other\r\n\r\n",
         ["test_conn_other_1_1"],
         "ok", [req(b"GET", b"/test", headers=[H, (b"connection", b"other")])],
         "unknown connection option; same answer as actix-http")
for i, (u, c) in enumerate([(b"websockets", b"upgrade"), (b"Websockets", b"Upgrade")]):
    a_nohost("conn-upgrade-%d" % (i + 1),
             b"GET /test HTTP/1.1\r\nupgrade: " + u + b"\r\nconnection: " + c + b"\r\n\r\n",
             ["test_conn_upgrade (input %d)" % (i + 1)],
             "ok", [req(b"GET", b"/test", headers=[H, (b"upgrade", u), (b"connection", c)])],
             "a request carrying Upgrade is an ordinary message with framing none (profile Framing 1: "
             "only the server's 101 switches protocols); actix-http flags it as an upgrade request, "
             "which is about routing, not decoding")
add(A + "connect-origin-form", "request", b"CONNECT /test HTTP/1.1\r\ncontent-type: text/plain\r\n\r\n",
    "error", [],
    "differs from actix-http: CONNECT takes authority-form only (RFC 9112 3.2.3; profile: a CONNECT "
    "target is host:port, a mismatch is an error); the request also lacks Host. actix-http accepts "
    "it and marks it as an upgrade", src(A_DEC, "test_conn_upgrade_connect_method"))
add(A + "connect-origin-form-host", "request",
    with_host(b"CONNECT /test HTTP/1.1\r\ncontent-type: text/plain\r\n\r\n"), "error", [],
    HOSTV + "; still an error: the CONNECT target `/test` is origin-form, not host:port "
    "(RFC 9112 3.2.3; profile); differs from actix-http, which accepts it",
    src(A_DEC, "test_conn_upgrade_connect_method") + V_HOST)
for i, v in enumerate([b"line", b"-1"]):
    inp = b"GET /test HTTP/1.1\r\ncontent-length: " + v + b"\r\n\r\n"
    add(A + "bad-content-length-%d" % (i + 1), "request", inp, "error", [],
        "Content-Length `%s` is not 1*DIGIT (RFC 9110 8.6; profile: any invalid value is an error); "
        "the request also lacks Host; same answer as actix-http" % s(v),
        src(A_DEC, "test_headers_bad_content_length (input %d)" % (i + 1)))
    add(A + "bad-content-length-%d-host" % (i + 1), "request", with_host(inp), "error", [],
        HOSTV + "; Content-Length `%s` is invalid (RFC 9110 8.6); same answer as actix-http" % s(v),
        src(A_DEC, "test_headers_bad_content_length (input %d)" % (i + 1)) + V_HOST)
inp = b"POST /test HTTP/1.1\r\ncontent-length: 011\r\n\r\n"
add(A + "cl-leading-zero", "request", inp, "error", [],
    A_NOHOST + "; the head announces 11 body bytes that never come (incomplete at end of stream)",
    src(A_DEC, "octal_ish_cl_parsed_as_decimal"))
add(A + "cl-leading-zero-host-body", "request", with_host(inp) + b"hello world", "ok",
    [req(b"POST", b"/test", headers=[H, (b"content-length", b"011")], framing="length", body=b"hello world")],
    "derived: Host added and the 11 bytes that `011` announces appended; leading zeros are fine and "
    "the value is decimal (profile: Content-Length, leading zeros are fine); a decoder reading octal "
    "(9) would fail on the 2 leftover bytes; same answer as actix-http",
    src(A_DEC, "octal_ish_cl_parsed_as_decimal") + V_HOST_BODY)
for slug, line, test, why in [
        ("invalid-header-no-colon", b"test line", "test_invalid_header", "a field line without a colon"),
        ("invalid-header-name", b"test[]: line", "test_invalid_name", "`[` and `]` are not tchar: field-name must be a token (RFC 9110 5.1)")]:
    inp = b"GET /test HTTP/1.1\r\n" + line + b"\r\n\r\n"
    add(A + slug, "request", inp, "error", [],
        why + "; the request also lacks Host; same answer as actix-http", src(A_DEC, test))
    add(A + slug + "-host", "request", with_host(inp), "error", [],
        HOSTV + "; " + why + " (RFC 9112 5); same answer as actix-http", src(A_DEC, test) + V_HOST)
add(A + "bad-request-line", "request", b"getpath \r\n\r\n", "error", [],
    "`getpath ` is not method SP target SP version (RFC 9112 3); same answer as actix-http",
    src(A_DEC, "test_http_request_bad_status_line"))
inp = b"GET /test HTTP/1.1\r\nconnection: upgrade\r\nupgrade: websocket\r\n\r\nsome raw data"
add(A + "upgrade-websocket-raw-data", "request", inp, "error", [], A_NOHOST,
    src(A_DEC, "test_http_request_upgrade_websocket"))
add(A + "upgrade-websocket-raw-data-host", "request", with_host(inp), "error",
    [req(b"GET", b"/test", headers=[H, (b"connection", b"upgrade"), (b"upgrade", b"websocket")])],
    HOSTV + "; differs from actix-http: actix-http hands the bytes after the head to the upgrade "
    "handler. Profile Framing 1: a request carrying Upgrade is an ordinary message and decoding goes "
    "on after it (only the server's 101 switches protocols), so `some raw data` is read as the next "
    "request-line and fails (target `raw` is not origin-form, and the line never ends)",
    src(A_DEC, "test_http_request_upgrade_websocket") + V_HOST)
a_nohost("upgrade-h2c",
         b"GET /test HTTP/1.1\r\nconnection: upgrade, http2-settings\r\nupgrade: h2c\r\nhttp2-settings: dummy\r\n\r\n",
         ["test_http_request_upgrade_h2c"],
         "ok", [req(b"GET", b"/test", headers=[H, (b"connection", b"upgrade, http2-settings"),
                                                (b"upgrade", b"h2c"), (b"http2-settings", b"dummy")])],
         "h2c upgrade request: an ordinary message (profile Framing 1); same answer as actix-http")
utf8 = "тест".encode("utf-8")
a_nohost("header-value-utf8", b"GET /test HTTP/1.1\r\nx-test: " + utf8 + b"\r\n\r\n",
         ["test_http_request_parser_utf8"],
         "ok", [req(b"GET", b"/test", headers=[H, (b"x-test", utf8)])],
         "UTF-8 bytes in a field value are obs-text (0x80-0xFF), allowed (RFC 9110 5.5; profile); "
         "same answer as actix-http")
a_nohost("two-slashes", b"GET //path HTTP/1.1\r\n\r\n", ["test_http_request_parser_two_slashes"],
         "ok", [req(b"GET", b"//path", headers=[H])],
         "`//path` is a valid origin-form absolute-path (empty first segment); same answer as actix-http")
inp = b"!12%()+=~$ /get HTTP/1.1\r\n\r\n"
add(A + "bad-method", "request", inp, "error", [],
    "`(`, `)` and `=` are not tchar, so the method is not a token (RFC 9110 9.1, 5.6.2); same answer "
    "as actix-http", src(A_DEC, "test_http_request_parser_bad_method"))
add(A + "bad-method-host", "request", with_host(inp), "error", [],
    HOSTV + "; the method is not a token (RFC 9110 5.6.2); same answer as actix-http",
    src(A_DEC, "test_http_request_parser_bad_method") + V_HOST)
add(A + "bad-version", "request", b"GET //get HT/11\r\n\r\n", "error", [],
    "`HT/11` is not an HTTP-version (RFC 9112 2.3); same answer as actix-http",
    src(A_DEC, "test_http_request_parser_bad_version"))
add(A + "res-http10-read-until-eof", "response", b"HTTP/1.0 200 Ok\r\n\r\ntest data", "ok",
    [res(200, b"Ok", framing="close", body=b"test data", version="HTTP/1.0")],
    "response without Content-Length or Transfer-Encoding: the body runs to end of stream (RFC 9112 "
    "6.3 rule 8; profile Framing 4); same answer as actix-http",
    src(A_DEC, "test_response_http10_read_until_eof"))
add(A + "hrs-multiple-cl-differ", "request",
    b"GET / HTTP/1.1\r\nHost: example.com\r\nContent-Length: 4\r\nContent-Length: 2\r\n\r\nabcd",
    "error", [],
    "two different Content-Length values: error (RFC 9112 6.3 rule 5; profile); same answer as actix-http",
    src(A_DEC, "hrs_multiple_content_length (input 1)"))
add(A + "hrs-multiple-cl-zero-two", "request",
    b"GET / HTTP/1.1\r\nHost: example.com\r\nContent-Length: 0\r\nContent-Length: 2\r\n\r\nab",
    "error", [],
    "Content-Length 0 and 2: differing values are an error (RFC 9112 6.3 rule 5; profile); same answer as actix-http",
    src(A_DEC, "hrs_multiple_content_length (input 2)"))
add(A + "hrs-cl-plus", "request",
    b"GET / HTTP/1.1\r\nHost: example.com\r\nContent-Length: +3\r\n\r\n000", "error", [],
    "a sign is not allowed in Content-Length (1*DIGIT, RFC 9110 8.6; profile); same answer as actix-http",
    src(A_DEC, "hrs_content_length_plus"))
add(A + "hrs-te-http10", "request",
    b"POST / HTTP/1.0\r\nHost: example.com\r\nTransfer-Encoding: chunked\r\n\r\n3\r\naaa\r\n0\r\n", "error", [],
    "Transfer-Encoding in an HTTP/1.0 message is an error (RFC 9112 6.1; profile Framing 2); same "
    "answer as actix-http (which rejects it for lacking Content-Length)",
    src(A_DEC, "hrs_te_http10"))
add(A + "hrs-cl-and-te-http10", "request",
    b"GET / HTTP/1.0\r\nHost: example.com\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n000", "error", [],
    "differs from actix-http: actix-http ignores Transfer-Encoding in HTTP/1.0 and reads 3 bytes by "
    "Content-Length. Profile Framing 2: Transfer-Encoding in an HTTP/1.0 message is an error, and "
    "so is Transfer-Encoding with Content-Length in a request (RFC 9112 6.1: a server MUST treat "
    "such an HTTP/1.0 message as faulty... ; 6.3 rule 3)",
    src(A_DEC, "hrs_cl_and_te_http10"))
add(A + "hrs-unknown-te", "request",
    b"GET / HTTP/1.1\r\nHost: example.com\r\nTransfer-Encoding: JUNK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0",
    "error", [],
    "`JUNK` is not a registered transfer coding: error in a request (profile Framing 2; RFC 9112 6.1, "
    "501); same answer as actix-http", src(A_DEC, "hrs_unknown_transfer_encoding"))
add(A + "hrs-multiple-te-identity-cl", "request",
    b"GET / HTTP/1.1\r\nHost: example.com\r\nContent-Length: 51\r\nTransfer-Encoding: identity\r\n"
    b"Transfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /forbidden HTTP/1.1\r\nHost: example.com\r\n\r\n",
    "error", [],
    "Transfer-Encoding with Content-Length in a request, and the unregistered `identity` coding: "
    "error (profile Framing 2; RFC 9112 6.3 rule 3); the smuggled GET must not be decoded; same "
    "answer as actix-http", src(A_DEC, "hrs_multiple_transfer_encoding"))
add(A + "te-identity-with-cl", "request",
    b"GET /test HTTP/1.1\r\nHost: example.com\r\nContent-Length: 3\r\nTransfer-Encoding: identity\r\n\r\n0\r\n",
    "error", [],
    "differs from actix-http: actix-http ignores `identity` and reads 3 bytes by Content-Length. "
    "Profile Framing 2: Transfer-Encoding together with Content-Length in a request is an error, "
    "and `identity` is no longer a registered coding (RFC 9112 6.1, 6.3 rule 3; RFC 9110 18.7 "
    "removed it)", src(A_DEC, "transfer_encoding_agrees"))

# =====================================================================
# actix-http: chunked.rs (and codec.rs)
# =====================================================================
CH = b"GET /test HTTP/1.1\r\ntransfer-encoding: chunked\r\n\r\n"
TE = (b"transfer-encoding", b"chunked")
a_nohost("chunked-ext", CH + b"4;test\r\ndata\r\n4\r\nline\r\n0\r\n\r\n",
         ["test_parse_chunked_payload_chunk_extension (head and body joined)"],
         "ok", [req(b"GET", b"/test", headers=[H, TE], framing="chunked", body=b"dataline")],
         "chunk extension `;test` (a name without value, RFC 9112 7.1.1) is skipped; same answer "
         "as actix-http", file=A_CHK)
add(A + "chunked-head-only", "request", CH, "error", [],
    A_NOHOST + "; also, the chunked body never comes (incomplete at end of stream)",
    src(A_CHK, "test_request_chunked (input 1)"))
add(A + "chunked-head-only-host-body", "request", with_host(CH) + b"0\r\n\r\n", "ok",
    [req(b"GET", b"/test", headers=[H, TE], framing="chunked")],
    "derived: Host added and an empty chunked body (`0` CRLF CRLF) appended, so the case tests the "
    "chunked framing the test checks; same answer as actix-http",
    src(A_CHK, "test_request_chunked (input 1)") + V_HOST_BODY)
inp = b"GET /test HTTP/1.1\r\ntransfer-encoding: chnked\r\n\r\n"
add(A + "te-typo-chnked", "request", inp, "error", [],
    "`chnked` is not a registered transfer coding: error in a request (profile Framing 2); the "
    "request also lacks Host; same answer as actix-http", src(A_CHK, "test_request_chunked (input 2)"))
add(A + "te-typo-chnked-host", "request", with_host(inp), "error", [],
    HOSTV + "; `chnked` is not a registered coding (profile Framing 2: error, 501); same answer as actix-http",
    src(A_CHK, "test_request_chunked (input 2)") + V_HOST)
a_nohost("chunked-payload", CH + b"4\r\ndata\r\n4\r\nline\r\n0\r\n\r\n",
         ["test_http_request_chunked_payload (head and body joined)"],
         "ok", [req(b"GET", b"/test", headers=[H, TE], framing="chunked", body=b"dataline")],
         "two chunks and the last chunk; same answer as actix-http", file=A_CHK)
NEXT = b"POST /test2 HTTP/1.1\r\ntransfer-encoding: chunked\r\n\r\n"
inp_parts = [CH + b"4\r\ndata\r\n4\r\nline\r\n0\r\n\r\n", NEXT]
add(A + "chunked-and-next-message", "request", b"".join(inp_parts), "error", [],
    A_NOHOST + "; also, the second request's chunked body never comes",
    src(A_CHK, "test_http_request_chunked_payload_and_next_message") + "; " +
    src(A_CODEC, "test_http_request_chunked_payload_and_next_message"))
add(A + "chunked-and-next-message-host", "request", with_host_all(inp_parts), "error",
    [req(b"GET", b"/test", headers=[H, TE], framing="chunked", body=b"dataline")],
    HOSTV + " (after each request-line); the first request decodes, the second's head is complete "
    "but its chunked body never comes, so the stream ends inside a message (incomplete); actix-http's "
    "test stops after the second head",
    src(A_CHK, "test_http_request_chunked_payload_and_next_message") + "; " +
    src(A_CODEC, "test_http_request_chunked_payload_and_next_message") + V_HOST)
add(A + "chunked-and-next-message-host-body", "request", with_host_all(inp_parts) + b"0\r\n\r\n", "ok",
    [req(b"GET", b"/test", headers=[H, TE], framing="chunked", body=b"dataline"),
     req(b"POST", b"/test2", headers=[H, TE], framing="chunked")],
    "derived: Host added after each request-line and an empty chunked body appended to the second "
    "request; two pipelined chunked requests; same answer as actix-http",
    src(A_CHK, "test_http_request_chunked_payload_and_next_message") + "; " +
    src(A_CODEC, "test_http_request_chunked_payload_and_next_message") + V_HOST_BODY)
a_nohost("chunked-payload-pieces", CH + b"4\r\n1111\r\n4\r\ndata\r\n4\r\nline\r\n0\r\n\r\n",
         ["test_http_request_chunked_payload_chunks (the writes `4\\r\\n1111\\r\\n`, `4\\r\\ndata\\r`, "
          "`\\n4`, `\\r`, `\\n`, `li`, `ne\\r\\n0\\r\\n`, `\\r\\n` joined)"],
         "ok", [req(b"GET", b"/test", headers=[H, TE], framing="chunked", body=b"1111dataline")],
         "chunks cut at every point (the dump's --split runs do the same); same answer as actix-http",
         file=A_CHK)
CHQ = (b"GET /test HTTP/1.1\r\nHost: localhost:8080\r\nTransfer-Encoding: chunked\r\n\r\n"
       b"2;hello=b;one=\"1 2 3\"\r\nxx")
add(A + "chunk-ext-quoted", "request", CHQ, "error", [],
    "chunk extensions `;hello=b;one=\"1 2 3\"` (token and quoted-string values, RFC 9112 7.1.1) are "
    "valid, but the input stops after the chunk data (no CRLF, no last chunk), so the stream ends "
    "inside the message; actix-http's test only reads the first chunk; see the -body variant",
    src(A_CHK, "chunk_extension_quoted"))
add(A + "chunk-ext-quoted-body", "request", CHQ + b"\r\n0\r\n\r\n", "ok",
    [req(b"GET", b"/test", headers=[(b"Host", b"localhost:8080"), (b"Transfer-Encoding", b"chunked")],
         framing="chunked", body=b"xx")],
    "derived: the chunk's CRLF and the last chunk appended; a quoted-string extension value with "
    "spaces is valid (RFC 9112 7.1.1; profile Chunked bodies); same answer as actix-http",
    src(A_CHK, "chunk_extension_quoted") + V_BODY)
add(A + "hrs-chunk-ext-bare-lf", "request",
    b"GET / HTTP/1.1\r\nHost: localhost:8080\r\nTransfer-Encoding: chunked\r\n\r\n2;x\nx\r\n4c\r\n0\r\n",
    "error", [],
    "a bare LF inside a chunk extension is an error (profile: lines end in CRLF; the extension "
    "grammar has no LF); same answer as actix-http", src(A_CHK, "hrs_chunk_extension_invalid"))
add(A + "hrs-chunk-size-overflow", "request",
    b"GET / HTTP/1.1\r\nHost: example.com\r\nTransfer-Encoding: chunked\r\n\r\nf0000000000000003\r\nabc\r\n0\r\n",
    "error", [],
    "chunk-size of 17 hex digits does not fit u64 (profile: chunk-size fits u64); same answer as actix-http",
    src(A_CHK, "hrs_chunk_size_overflow"))

# =====================================================================
# actix-http: dispatcher_tests.rs
# =====================================================================
a_nohost("disp-late-request-close", b"GET /abcd HTTP/1.1\r\nConnection: close\r\n\r\n",
         ["late_request"],
         "ok", [req(b"GET", b"/abcd", headers=[H, (b"Connection", b"close")])],
         "GET with Connection: close (written after the dispatcher's first poll); same answer as actix-http",
         file=A_DISP)
a_nohost("disp-get-abcd", b"GET /abcd HTTP/1.1\r\n\r\n",
         ["oneshot_connection", "keep_alive_timeout", "keep_alive_follow_up_req (first write)"],
         "ok", [req(b"GET", b"/abcd", headers=[H])],
         "minimal GET; the timing of the keep-alive tests has no corpus equivalent, only the bytes are "
         "taken; same answer as actix-http", file=A_DISP)
a_nohost_parts("disp-keep-alive-follow-up",
               [b"GET /abcd HTTP/1.1\r\n\r\n", b"GET /efg HTTP/1.1\r\nConnection: close\r\n\r\n\r\n"],
               ["keep_alive_follow_up_req (both writes joined)"],
               "ok", [req(b"GET", b"/abcd", headers=[H]),
                      req(b"GET", b"/efg", headers=[H, (b"Connection", b"close")])],
               "two requests; the second write ends with an extra CRLF after the empty line, a lone "
               "CRLF between messages that prints nothing (CONFORMANCE.md section 1; RFC 9112 2.2), "
               "so stopping after Connection: close or decoding on give the same result; same answer "
               "as actix-http", A_DISP)
add(A + "disp-req-parse-err", "request", b"GET /test HTTP/1\r\n\r\n", "error", [],
    "`HTTP/1` is not an HTTP-version (RFC 9112 2.3); same answer as actix-http (400)",
    src(A_DISP, "req_parse_err"))
a_nohost_parts("disp-pipelining-ok-ok", [b"GET /abcd HTTP/1.1\r\n\r\n", b"GET /def HTTP/1.1\r\n\r\n"],
               ["pipelining_ok_then_ok"],
               "ok", [req(b"GET", b"/abcd", headers=[H]), req(b"GET", b"/def", headers=[H])],
               "two pipelined requests; same answer as actix-http", A_DISP)
a_nohost_parts("disp-pipelining-ok-bad", [b"GET /abcd HTTP/1.1\r\n\r\n", b"GET /def HTTP/1\r\n\r\n"],
               ["pipelining_ok_then_bad"],
               "error", [req(b"GET", b"/abcd", headers=[H])],
               "the first request decodes, the second's version `HTTP/1` is invalid; same answer as "
               "actix-http (200 then 400)", A_DISP)
EXP = b"POST /upload HTTP/1.1\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n"
a_nohost("disp-expect-100", EXP + b"12345", ["expect_handling (head and body writes joined)"],
         "ok", [req(b"POST", b"/upload", headers=[H, (b"Content-Length", b"5"), (b"Expect", b"100-continue")],
                    framing="length", body=b"12345")],
         "Expect: 100-continue does not change the framing; same answer as actix-http", file=A_DISP)
add(A + "disp-expect-eager", "request", EXP, "error", [],
    A_NOHOST + "; the 5 body bytes never come", src(A_DISP, "expect_eager"))
add(A + "disp-expect-eager-host", "request", with_host(EXP), "error", [],
    HOSTV + "; the head announces 5 body bytes and the stream ends before them: incomplete "
    "(CONFORMANCE.md section 1). actix-http's test answers before reading the body because its "
    "service ignores the payload; that is not a decoding result",
    src(A_DISP, "expect_eager") + V_HOST)
a_nohost("disp-upgrade-ws", b"GET /ws HTTP/1.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n",
         ["upgrade_handling"],
         "ok", [req(b"GET", b"/ws", headers=[H, (b"Connection", b"Upgrade"), (b"Upgrade", b"websocket")])],
         "a request carrying Upgrade is an ordinary message, framing none (profile Framing 1); actix-http "
         "hands it to its upgrade handler, a routing decision with no bytes after the head", file=A_DISP)
a_nohost_parts("disp-drop-payload",
               [b"POST /drop-payload HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc",
                b"POST /drop-payload HTTP/1.1\r\nContent-Length: 200\r\n\r\nabc"],
               ["handler_drop_payload (#[ignore]d in the peer; both writes joined)"],
               "error", [req(b"POST", b"/drop-payload", headers=[H, (b"Content-Length", b"3")],
                             framing="length", body=b"abc")],
               "the second request announces 200 body bytes and sends 3: the stream ends inside it "
               "(incomplete); actix-http's (ignored) test expects a 500 once the body cannot be drained",
               A_DISP)

# =====================================================================
# pingora: server.rs
# =====================================================================
P = "rust_servers-pingora-"
add(P + "read-basic", "request", b"GET / HTTP/1.1\r\n\r\n", "error", [], P_NOHOST,
    src(P_SRV, "read_basic"))
add(P + "read-basic-host", "request", with_host(b"GET / HTTP/1.1\r\n\r\n"), "ok",
    [req(b"GET", b"/", headers=[H])], HOSTV + "; minimal GET; same answer as pingora",
    src(P_SRV, "read_basic") + V_HOST)
inp = b"GET /\x01\xF0\x90\x80 HTTP/1.1\r\n\r\n"
add(P + "invalid-path", "request", inp, "error", [],
    "differs from pingora (with its `patched_http1` feature, which accepts it): the target holds "
    "the control byte 0x01 (profile: request-target has no control bytes; RFC 9112 3.2); the "
    "request also lacks Host", src(P_SRV, "read_invalid_path (cfg feature patched_http1)"))
add(P + "invalid-path-host", "request", with_host(inp), "error", [],
    HOSTV + "; differs from pingora (patched_http1 accepts it): control byte 0x01 in the target is an "
    "error (profile; RFC 9112 3.2); the bytes 0xF0 0x90 0x80 alone would be `either`",
    src(P_SRV, "read_invalid_path (cfg feature patched_http1)") + V_HOST)
add(P + "get-host", "request", b"GET / HTTP/1.1\r\nHost: pingora.org\r\n\r\n", "ok",
    [req(b"GET", b"/", headers=[HP])],
    "GET with Host, no body; same answer as pingora",
    src(P_SRV, "read_2_buf (two reads joined)", "read_http11_default_no_body",
        "set_server_keepalive (input 3)"))
add(P + "get-cl3", "request", b"GET / HTTP/1.1\r\nHost: pingora.org\r\nContent-Length: 3\r\n\r\nabc", "ok",
    [req(b"GET", b"/", headers=[HP, (b"Content-Length", b"3")], framing="length", body=b"abc")],
    "Content-Length body; same answer as pingora",
    src(P_SRV, "read_with_body_content_length (reads joined)", "read_with_body_content_length_single_read"))
for slug, inp, test in [
        ("http10-trailing-a", b"GET / HTTP/1.0\r\nHost: pingora.org\r\n\r\na", "read_with_body_http10 (reads joined)"),
        ("http10-trailing-ab", b"GET / HTTP/1.0\r\nHost: pingora.org\r\n\r\nab", "read_with_body_http10_single_read (reads joined)")]:
    add(P + slug, "request", inp, "either",
        [req(b"GET", b"/", "HTTP/1.0", [HP])],
        "differs from pingora: pingora (this version) reads the bytes after an HTTP/1.0 request head "
        "as a body until close. RFC 9112 6.3 rule 7 and profile Framing 4: a request with neither "
        "Content-Length nor Transfer-Encoding has no body; the bytes that follow an HTTP/1.0 request "
        "without keep-alive are `either` (profile, Connections: stop, or decode on and fail on the "
        "incomplete next request)", src(P_SRV, test))
add(P + "chunked-0-no-final-crlf", "request",
    b"GET / HTTP/1.1\r\nHost: pingora.org\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n", "error", [],
    "differs from pingora: pingora ends the body at `0` CRLF. RFC 9112 7.1: the last chunk is "
    "followed by the trailer section and the empty line (CRLF); the stream ends before it, so the "
    "message is incomplete (CONFORMANCE.md section 1)", src(P_SRV, "read_with_body_chunked_0 (reads joined)"))
add(P + "chunked-1", "request",
    b"GET / HTTP/1.1\r\nHost: pingora.org\r\nTransfer-Encoding: chunked\r\n\r\n1\r\na\r\n0\r\n\r\n", "ok",
    [req(b"GET", b"/", headers=[HP, (b"Transfer-Encoding", b"chunked")], framing="chunked", body=b"a")],
    "one chunk and the last chunk; same answer as pingora",
    src(P_SRV, "read_with_body_chunked_single_read (reads joined)"))
for i, (te, cl) in enumerate([(None, None), ("transfer-encoding", None), ("transfer-encoding", "CONTENT-LENGTH"),
                              ("TRANSFER-ENCODING", "CONTENT-LENGTH"), ("TRANSFER-ENCODING", None),
                              (None, "CONTENT-LENGTH"), ("TRANSFER-ENCODING", "content-length"),
                              (None, "content-length")]):
    hdrs = [HP]
    head = b"GET / HTTP/1.1\r\nHost: pingora.org\r\n"
    if te:
        head += te.encode() + b": chunked\r\n"
        hdrs.append((te.encode(), b"chunked"))
    if cl:
        head += cl.encode() + b": 4\r\n"
        hdrs.append((cl.encode(), b"4"))
    inp = head + b"\r\n3e\r\na\r\n"
    tag = "case %d: TE %s, CL %s" % (i + 1, te, cl)
    test = "transfer_encoding_and_content_length_disallowed (%s)" % tag
    slug = P + "te-cl-case-%d" % (i + 1)
    if te and cl:
        add(slug, "request", inp, "error", [],
            "differs from pingora: pingora accepts the request and drops Content-Length. Profile "
            "Framing 2: Transfer-Encoding together with Content-Length in a request is an error "
            "(RFC 9112 6.1: the server MAY reject, and MUST close the connection after it; the "
            "profile takes the reading that closes the smuggling door)", src(P_SRV, test))
    elif te:
        add(slug, "request", inp, "error", [],
            "chunked request: chunk-size `3e` (62) announces 62 bytes and the stream ends after 3 "
            "(incomplete); pingora's test only reads the head, whose framing (chunked) is the same",
            src(P_SRV, test))
    elif cl:
        add(slug, "request", inp, "error",
            [req(b"GET", b"/", headers=hdrs, framing="length", body=b"3e\r\n")],
            "Content-Length 4 takes `3e` CRLF as the body; `a` CRLF is then read as the next "
            "request-line, which is not method SP target SP version: error; pingora's test only reads "
            "the head, whose framing (length 4) is the same", src(P_SRV, test))
    else:
        add(slug, "request", inp, "error", [req(b"GET", b"/", headers=hdrs)],
            "no framing field: the GET has no body (RFC 9112 6.3 rule 7); `3e` CRLF is then read as "
            "the next request-line and is invalid; pingora's test only reads the head",
            src(P_SRV, test))
add(P + "read-invalid-version", "request", b"GET / HTP/1.1\r\nHost: pingora.org\r\n\r\n", "error", [],
    "`HTP/1.1` is not an HTTP-version (RFC 9112 2.3); same answer as pingora",
    src(P_SRV, "read_invalid (reads joined)"))
UPG = [
    ("upgrade-http10", b"GET / HTTP/1.0\r\nHost: pingora.org\r\nUpgrade: websocket\r\nConnection: upgrade\r\n\r\n",
     "read_upgrade_req (http 1.0)", "HTTP/1.0"),
    ("upgrade-post", b"POST / HTTP/1.1\r\nHost: pingora.org\r\nUpgrade: websocket\r\nConnection: upgrade\r\n\r\n",
     "read_upgrade_req (different method)", "HTTP/1.1"),
    ("upgrade-conn-only", b"GET / HTTP/1.1\r\nHost: pingora.org\r\nConnection: upgrade\r\n\r\n",
     "read_upgrade_req (missing upgrade header)", "HTTP/1.1"),
    ("upgrade-no-conn", b"GET / HTTP/1.1\r\nHost: pingora.org\r\nUpgrade: WebSocket\r\n\r\n",
     "read_upgrade_req (no connection header)", "HTTP/1.1"),
    ("upgrade-websocket", b"GET / HTTP/1.1\r\nHost: pingora.org\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n",
     "read_upgrade_req (build_req(\"websocket\", \"Upgrade\"))", "HTTP/1.1"),
    ("upgrade-websocket-mixed", b"GET / HTTP/1.1\r\nHost: pingora.org\r\nUpgrade: WebSocket\r\nConnection: Upgrade\r\n\r\n",
     "read_upgrade_req (mixed case)", "HTTP/1.1"),
    ("upgrade-lower", b"GET / HTTP/1.1\r\nHost: pingora.org\r\nUpgrade: websocket\r\nConnection: upgrade\r\n\r\n",
     "read_upgrade_req_with_1xx_response (the 100 response it writes is encoder output, not taken)", "HTTP/1.1"),
]
for slug, inp, test, ver in UPG:
    lines = inp.split(b"\r\n")
    rl = lines[0].split(b" ")
    hdrs = [tuple(l.split(b": ", 1)) for l in lines[1:] if l]
    add(P + slug, "request", inp, "ok", [req(rl[0], rl[1], ver, hdrs)],
        "a request carrying Upgrade/Connection: upgrade is an ordinary message with framing none "
        "(profile Framing 1: only a 101 response switches protocols); pingora's test checks whether it "
        "counts as an upgrade request, which is not a decoding result", src(P_SRV, test))
for i, v in enumerate([b"close", b"keep-alive"]):
    add(P + "keepalive-%s" % s(v), "request", b"GET / HTTP/1.1\r\nHost: pingora.org\r\nConnection: " + v + b"\r\n\r\n",
        "ok", [req(b"GET", b"/", headers=[HP, (b"Connection", v)])],
        "Connection: %s; same answer as pingora" % s(v), src(P_SRV, "set_server_keepalive (input %d)" % (i + 1)))
inp = b"GET / HTTP/1.1\r\nExpect: 100-continue\r\n\r\n"
add(P + "expect-continue", "request", inp, "error", [], P_NOHOST,
    src(P_SRV, "write_informational_100_not_ignored_if_expect_continue",
        "write_informational_1xx_ignored_if_expect_continue"))
add(P + "expect-continue-host", "request", with_host(inp), "ok",
    [req(b"GET", b"/", headers=[H, (b"Expect", b"100-continue")])],
    HOSTV + "; Expect: 100-continue on a GET without body; same answer as pingora",
    src(P_SRV, "write_informational_100_not_ignored_if_expect_continue",
        "write_informational_1xx_ignored_if_expect_continue") + V_HOST)
add(P + "illegal-space-in-target", "request",
    b"GET /a?q=b c HTTP/1.1\r\nHost: pingora.org\r\nContent-Length: 3\r\n\r\nabc", "error", [],
    "differs from pingora: pingora percent-encodes the space and accepts `/a?q=b%20c`. RFC 9112 3: "
    "the request-line has single SPs between three parts and the target no whitespace (profile); a "
    "recipient SHOULD NOT autocorrect (RFC 9112 3.2) - two readers of `/a?q=b c` disagree on the target",
    src(P_SRV, "read_with_illegal (reads joined)"))
ESC1 = b"GET /a?q=<\"b c\"> HTTP/1.1\r\nHost: pingora.org\r\nContent-Length: 3\r\n\r\n"
ESC2 = b"GET /a:\"bc\" HTTP/1.1\r\nHost: pingora.org\r\nContent-Length: 3\r\n\r\n"
ESC3 = b"GET  HTTP/1.1\r\nHost: pingora.org\r\nContent-Length: 3\r\n\r\n"
add(P + "escape-illegal-query", "request", ESC1, "error", [],
    "differs from pingora: pingora's escape_illegal_request_line rewrites the target to "
    "`/a?q=%3C%22b%20c%22%3E` and accepts it; a space in the target is an error (RFC 9112 3; profile). "
    "(The input also stops before its 3 body bytes.)",
    src(P_SRV, "escape_illegal (input 1; a test of the rewrite helper)"))
add(P + "escape-illegal-query-body", "request", ESC1 + b"abc", "error", [],
    "derived: the 3 body bytes appended; still an error for the space in the target (RFC 9112 3; "
    "profile); differs from pingora, which escapes and accepts it",
    src(P_SRV, "escape_illegal (input 1)") + V_BODY)
add(P + "escape-illegal-path-quotes", "request", ESC2, "error", [],
    "the head announces 3 body bytes that never come (incomplete); see the -body variant for the "
    "quotes in the target", src(P_SRV, "escape_illegal (input 2; a test of the rewrite helper)"))
add(P + "escape-illegal-path-quotes-body", "request", ESC2 + b"abc", "ok",
    [req(b"GET", b"/a:\"bc\"", headers=[HP, (b"Content-Length", b"3")], framing="length", body=b"abc")],
    "derived: the 3 body bytes appended. `\"` is not a URI character (RFC 3986), but the profile "
    "rejects only whitespace, control and DEL bytes in the target (the llhttp corpus reads its "
    "`Quotes in URI` case the same way); pingora rewrites the quotes to %22 and accepts it too",
    src(P_SRV, "escape_illegal (input 2)") + V_BODY)
add(P + "escape-illegal-empty-target", "request", ESC3, "error", [],
    "empty target with two SPs (`GET  HTTP/1.1`): not method SP target SP version (RFC 9112 3; "
    "profile: single SPs); pingora's helper cannot parse it either",
    src(P_SRV, "escape_illegal (input 3; a test of the rewrite helper)"))

# =====================================================================
# pingora: client.rs (mode response)
# =====================================================================
add(P + "res-basic", "response", b"HTTP/1.1 200 OK\r\n\r\n", "ok",
    [res(200, b"OK")],
    "200 without framing: close-delimited, the end of stream completes it with an empty body "
    "(RFC 9112 6.3 rule 8); same answer as pingora", src(P_CLI, "read_basic_response"))
add(P + "res-custom-reason", "response", b"HTTP/1.1 200 Just Fine\r\n\r\n", "ok",
    [res(200, b"Just Fine")], "reason phrase with a space; same answer as pingora",
    src(P_CLI, "read_response_custom_reason"))
add(P + "res-default-body", "response", b"HTTP/1.1 200 OK\r\n\r\nabc", "ok",
    [res(200, b"OK", body=b"abc")],
    "body read until close (RFC 9112 6.3 rule 8); body.rs's HTTP/1.0-style reader test with rewind "
    "`ab` + read `c`, built around the head `HTTP/1.1 200 OK`, gives the same bytes; same answer as pingora",
    src(P_CLI, "read_response_default (reads joined)") + "; " +
    src(P_BODY, "read_with_body_http10_rewind (built: rewind + read after the head `HTTP/1.1 200 OK`)"))
add(P + "res-space-before-colon", "response", b"HTTP/1.1 200 OK\r\nServer : pingora\r\n\r\n", "error", [],
    "differs from pingora: pingora (httparse's allow_spaces_after_header_name_in_responses) accepts "
    "`Server : pingora`. RFC 9112 5.1: no whitespace is allowed between the field name and colon, "
    "and a response proxy MUST remove it / a server MUST reject; the profile makes it an error in "
    "both roles", src(P_CLI, "read_resp_header_with_space"))
add(P + "res-utf8-name", "response", "HTTP/1.1 200 OK\r\nServer👍: pingora\r\n\r\n".encode("utf-8"), "error", [],
    "differs from pingora (with its patched_http1 feature, which accepts it): a field name with "
    "non-ASCII bytes is not a token (RFC 9110 5.1; profile)",
    src(P_CLI, "read_resp_header_with_utf8 (cfg feature patched_http1)"))
add(P + "res-server-header", "response", b"HTTP/1.1 200 OK\r\nServer: pingora\r\n\r\n", "ok",
    [res(200, b"OK", [(b"Server", b"pingora")])], "simple response; same answer as pingora",
    src(P_CLI, "read_2_buf (reads joined)"))
add(P + "res-invalid-version", "response", b"HTP/1.1 200 OK\r\nServer: pingora\r\n\r\n", "error", [],
    "`HTP/1.1` is not an HTTP-version; same answer as pingora", src(P_CLI, "read_invalid (reads joined)"))
add(P + "res-100-then-204", "response",
    b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 OK\r\nServer: pingora\r\n\r\n", "ok",
    [res(100, b"Continue", framing="none"), res(204, b"OK", [(b"Server", b"pingora")], framing="none")],
    "a 100 is a message of its own without body, then a 204 without body (RFC 9112 6.3 rule 1; "
    "profile Framing 1); same answer as pingora", src(P_CLI, "read_informational (reads joined)"))
add(P + "res-101-payload", "response", b"HTTP/1.1 101 Continue\r\n\r\nPAYLOAD", "ok",
    [res(101, b"Continue", framing="upgrade")],
    "101 switches protocols: framing upgrade, the bytes after the head are not decoded (profile "
    "Framing 1); pingora passes them through as the upgraded body, the same reading",
    src(P_CLI, "read_switching_protocol (reads joined)"))
for i, (inp, derived) in enumerate([
        (b"HTTP/1.1 200 OK\r\nServer : pingora\r\n Foo: Bar\r\n\r\n", b"HTTP/1.1 200 OK\r\nServer: pingora\r\n Foo: Bar\r\n\r\n"),
        (b"HTTP/1.1 200 OK\r\nServer : pingora\r\n\t  Fizz: Buzz\r\n\r\n", b"HTTP/1.1 200 OK\r\nServer: pingora\r\n\t  Fizz: Buzz\r\n\r\n")]):
    test = "read_obsolete_multiline_headers (input %d)" % (i + 1)
    add(P + "res-obs-fold-%d" % (i + 1), "response", inp, "error", [],
        "differs from pingora: pingora accepts it (value `%s`). The first field line has a space "
        "before the colon, an error in either role (RFC 9112 5.1; profile); the obs-fold that follows "
        "would be accepted in a response (see the -no-space variant)"
        % ("pingora   Foo: Bar" if i == 0 else "pingora  \\t  Fizz: Buzz"), src(P_CLI, test))
    folded = b"pingora Foo: Bar" if i == 0 else b"pingora Fizz: Buzz"
    add(P + "res-obs-fold-%d-no-space" % (i + 1), "response", derived, "ok",
        [res(200, b"OK", [(b"Server", folded)])],
        "derived: the space before the colon removed, so the case tests the obs-fold; in a response "
        "obs-fold is accepted and each fold reads as one SP (profile; RFC 9112 5.2: replace each "
        "obs-fold with one or more SP); pingora's test on the original input shows it keeps the fold's "
        "bytes, CRLF turned into spaces, instead of one SP",
        src(P_CLI, test) + " (variant: space before colon removed)")
add(P + "res-invalid-line-semicolon", "response", b"HTTP/1.1 200 OK\r\n;\r\nFoo: Bar\r\n\r\n", "error", [],
    "differs from pingora (with patched_http1, which skips the line): `;` is not a field line "
    "(RFC 9112 5: field-name is a token and a colon follows); the profile rejects it, skipping "
    "invalid lines hides fields from one reader but not another",
    src(P_CLI, "read_headers_skip_invalid_line (cfg feature patched_http1)"))
CONN = [(b"close", "close"), (b"keep-alive", "keep-alive"), (b"foo", "foo"),
        (b"upgrade,close", "upgrade-close"), (b"upgrade, close", "upgrade-sp-close"),
        (b"Upgrade, close", "Upgrade-sp-close"), (b"Upgrade,close", "Upgrade-close"),
        (b"close,upgrade", "close-upgrade"), (b"close, upgrade", "close-sp-upgrade"),
        (b"close,Upgrade", "close-Upgrade"), (b"close, Upgrade", "close-sp-Upgrade")]
for v, slug in CONN:
    add(P + "res-connection-" + slug, "response",
        b"HTTP/1.1 200 OK\r\nConnection: " + v + b"\r\n\r\n", "ok",
        [res(200, b"OK", [(b"Connection", v)])],
        "Connection: %s does not change the framing (close-delimited, empty body at end of stream); "
        "same answer as pingora" % s(v),
        src(P_CLI, "read_keepalive_headers (Connection: %s)" % s(v)))
KA = [(b"timeout=5, max=1000", None, "timeout-max"), (b"max=1000, timeout=5", None, "max-timeout"),
      (b" timeout = 5, max = 1000 ", b"timeout = 5, max = 1000", "spaced"),
      (b"timeout=5", None, "timeout"), (b"max=1000", None, "max"), (b"a=b", None, "a-b"),
      (b"", None, "empty")]
for v, trimmed, slug in KA:
    add(P + "res-keep-alive-" + slug, "response", b"HTTP/1.1 200 OK\r\nKeep-Alive: " + v + b"\r\n\r\n", "ok",
        [res(200, b"OK", [(b"Keep-Alive", trimmed if trimmed is not None else v)])],
        "Keep-Alive parameters do not change the framing" +
        ("; the value's leading and trailing OWS are not part of it (RFC 9112 5.1)" if trimmed else "") +
        ("; an empty field value is allowed (RFC 9110 5.5)" if not v else "") +
        "; same answer as pingora",
        src(P_CLI, "read_keepalive_headers (Keep-Alive: `%s`)" % s(v)))

# =====================================================================
# pingora: body.rs (body reader; whole messages built around the bodies)
# =====================================================================
def cl_head(n):
    return b"POST / HTTP/1.1\r\nHost: example.com\r\nContent-Length: " + str(n).encode() + b"\r\n\r\n"


CHUNK_HEAD = b"POST / HTTP/1.1\r\nHost: example.com\r\nTransfer-Encoding: chunked\r\n\r\n"
CLOSE_HEAD = b"HTTP/1.1 200 OK\r\n\r\n"
BUILT_CL = "built: the body follows the head `POST / HTTP/1.1`, `Host: example.com`, `Content-Length: 3` (the test sets the reader to 3 bytes)"
BUILT_CH = "built: the body follows the head `POST / HTTP/1.1`, `Host: example.com`, `Transfer-Encoding: chunked`"
BUILT_CLOSE = "built: the body follows the head `HTTP/1.1 200 OK` with no framing field (the test's HTTP/1.0-style reader reads to close)"
CLH = [H, (b"Content-Length", b"3")]
CHH = [H, (b"Transfer-Encoding", b"chunked")]

add(P + "body-cl3", "request", cl_head(3) + b"abc", "ok",
    [req(b"POST", b"/", headers=CLH, framing="length", body=b"abc")],
    BUILT_CL + "; the reads `abc`, `a`+`bc` and the rewind `ab`+`c` are the same bytes; same answer as pingora",
    src(P_BODY, "read_with_body_content_length", "read_with_body_content_length_2",
        "read_with_body_content_length_rewind (rewind + read joined)"))
add(P + "body-cl3-less", "request", cl_head(3) + b"a", "error", [],
    BUILT_CL + "; 1 of 3 bytes, then close: incomplete (RFC 9112 8: a message shorter than its "
    "Content-Length is incomplete); same answer as pingora (ConnectionClosed)",
    src(P_BODY, "read_with_body_content_length_less"))
add(P + "body-cl3-more", "request", cl_head(3) + b"abcd", "error",
    [req(b"POST", b"/", headers=CLH, framing="length", body=b"abc")],
    BUILT_CL + "; 4 bytes for Content-Length 3: the body is `abc` and `d` starts a next request that "
    "never ends (incomplete); pingora's reader stops at 3 bytes the same way",
    src(P_BODY, "read_with_body_content_length_more (reads joined)"))
add(P + "body-close-a", "response", CLOSE_HEAD + b"a", "ok", [res(200, b"OK", body=b"a")],
    BUILT_CLOSE + "; body `a` completed by end of stream (RFC 9112 6.3 rule 8); same answer as pingora",
    src(P_BODY, "read_with_body_http10"))
add(P + "body-zero-chunk", "request", CHUNK_HEAD + b"0\r\n\r\n", "ok",
    [req(b"POST", b"/", headers=CHH, framing="chunked")],
    BUILT_CH + "; only the last chunk: empty body; same answer as pingora",
    src(P_BODY, "read_with_body_zero_chunk"))
add(P + "body-zero-chunk-ext", "request", CHUNK_HEAD + b"0;aaaa\r\n\r\n", "ok",
    [req(b"POST", b"/", headers=CHH, framing="chunked")],
    BUILT_CH + "; a chunk extension on the last chunk (RFC 9112 7.1.1); same answer as pingora",
    src(P_BODY, "read_with_body_chunk_ext"))
add(P + "body-chunk-ext-oversize", "request", CHUNK_HEAD + b"0;" + b"a" * (1024 * 8), "error", [],
    BUILT_CH + "; `0;` and 8192 extension bytes (the reads of 5 KiB and 3 KiB joined), no CRLF: "
    "above the profile's 4 KiB chunk-size-line limit (its own error kind), and incomplete anyway; "
    "same answer as pingora",
    src(P_BODY, "read_with_body_chunk_ext_oversize (reads joined)"))
add(P + "body-chunk-ext-oversize-completed", "request",
    CHUNK_HEAD + b"0;" + b"a" * (1024 * 8) + b"\r\n\r\n", "error", [],
    BUILT_CH + "; derived: the line ended with CRLF and the empty line added, so only the size of "
    "the last-chunk line (8194 bytes before CRLF) is at fault: above the profile's default 4 KiB "
    "limit for one chunk-size line with its extensions (an error of its own kind); a decoder without "
    "that limit would accept it; same answer as pingora (its extension limit)",
    src(P_BODY, "read_with_body_chunk_ext_oversize (reads joined)") + " (variant: line completed)")
add(P + "body-1-chunk", "request", CHUNK_HEAD + b"1\r\na\r\n0\r\n\r\n", "ok",
    [req(b"POST", b"/", headers=CHH, framing="chunked", body=b"a")],
    BUILT_CH + "; one chunk; the chunk-size line cut after its CR (`1\\r` + `\\na...`) is the same "
    "bytes; same answer as pingora",
    src(P_BODY, "read_with_body_1_chunk (reads joined)", "read_with_body_partial_head_chunk (reads joined)"))
add(P + "body-1-chunk-rewind", "request", CHUNK_HEAD + b"1\r\nx\r\n1\r\na\r\n0\r\n\r\n", "ok",
    [req(b"POST", b"/", headers=CHH, framing="chunked", body=b"xa")],
    BUILT_CH + "; rewind `1\\r\\nx\\r\\n` then the reads: two one-byte chunks; same answer as pingora",
    src(P_BODY, "read_with_body_1_chunk_rewind (rewind + reads joined)"))
add(P + "body-multi-chunk", "request", CHUNK_HEAD + b"1\r\na\r\n2\r\nbc\r\n0\r\n\r\n", "ok",
    [req(b"POST", b"/", headers=CHH, framing="chunked", body=b"abc")],
    BUILT_CH + "; two chunks; same answer as pingora",
    src(P_BODY, "read_with_body_multi_chunk (reads joined)"))
add(P + "body-partial-chunk", "request", CHUNK_HEAD + b"3\r\nabc\r\n0\r\n\r\n", "ok",
    [req(b"POST", b"/", headers=CHH, framing="chunked", body=b"abc")],
    BUILT_CH + "; chunk data cut across two reads (`3\\r\\na` + `bc\\r\\n0...`); same answer as pingora",
    src(P_BODY, "read_with_body_partial_chunk (reads joined)"))


def main():
    with open(OUT, "w") as f:
        json.dump(CASES, f, ensure_ascii=True, indent=1)
        f.write("\n")
    from collections import Counter
    c = Counter((x["id"].split("-")[1], x["mode"], x["expect"]) for x in CASES)
    print(len(CASES), "cases")
    for k in sorted(c):
        print(" ", k, c[k])


if __name__ == "__main__":
    main()
