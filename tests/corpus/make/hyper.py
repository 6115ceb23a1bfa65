#!/usr/bin/env python3
"""Build tests/corpus/hyper.json: h1wire conformance cases converted from the
test suite of hyper (https://github.com/hyperium/hyper, MIT licence).

Files (read through the search tool's file index):
  src/proto/h1/role.rs   its `mod tests` (stored version id 964443543, the
                         hyper 1.x file with h1_max_headers / on_informational;
                         the index gave no commit for it)
  src/proto/h1/decode.rs its `mod tests`, commit cdb3cabdb5ada9296ccfda02c40d1c3974f78bb3
  tests/server.rs        commit cdb3cabdb5ada9296ccfda02c40d1c3974f78bb3
  tests/client.rs        commit cdb3cabdb5ada9296ccfda02c40d1c3974f78bb3

Only the wire bytes of the tests are taken: the raw heads handed to
Server::parse / Client::parse, the bodies handed to the body Decoder, the
request bytes a test client writes to hyper's server (mode request) and the
response bytes a test server writes to hyper's client (mode response).
Every expectation is decided by the strict profile of CONFORMANCE.md
section 3 and RFC 9112 / RFC 9110, not by hyper's answer.

Usage: hyper_make.py   (no options; every input keeps hyper's size)
"""
import json
import os

from common import b2s as s, req, res

OUT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "hyper.json")

REPO = "hyperium/hyper"
C = "cdb3cabdb5ada9296ccfda02c40d1c3974f78bb3"
ROLE = REPO + " src/proto/h1/role.rs (mod tests; stored version id 964443543, no commit given)"
DECODE = REPO + " src/proto/h1/decode.rs@" + C[:12] + " (mod tests)"
SERVER = REPO + " tests/server.rs@" + C[:12]
CLIENT = REPO + " tests/client.rs@" + C[:12]

CASES = []
IDS = set()
SEEN = {}
VARIANT_HOST = " (variant: Host field added)"
VARIANT_HOST_BODY = " (variant: Host field added, body completed)"
VARIANT_BODY = " (variant: body completed)"


def add(slug, mode, inp, expect, messages, note, source, methods=()):
    cid = "hyper-" + slug
    assert cid not in IDS, cid
    assert expect in ("ok", "error", "either"), expect
    assert isinstance(inp, bytes)
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
    """Insert `Host: <host>` after the (first) request-line, ended like that
    line (CRLF, or a bare LF where the request-line ends in one)."""
    i = inp.index(b"\n") + 1
    eol = b"\r\n" if inp[i - 2:i] == b"\r\n" else b"\n"
    return inp[:i] + b"Host: " + host + eol + inp[i:]


def with_host_all(parts, host=b"example.com"):
    """parts: list of whole requests (bytes); Host after each request-line."""
    return b"".join(with_host(p, host) for p in parts)


H = (b"Host", b"example.com")
HD = (b"Host", b"example.domain")

NOHOST = ("the profile rejects this HTTP/1.1 request first for its missing Host "
          "field (RFC 9112 3.2: a server MUST respond 400 to an HTTP/1.1 request "
          "that lacks Host); hyper does not check Host and accepts it")
HOSTV = ("derived: the hyper input with `Host: example.com` inserted after the "
         "request-line, so that the case tests what the hyper test is about")

# =====================================================================
# src/proto/h1/role.rs
# =====================================================================

add("parse-request", "request", b"GET /echo HTTP/1.1\r\nHost: hyper.rs\r\n\r\n", "ok",
    [req(b"GET", b"/echo", headers=[(b"Host", b"hyper.rs")])],
    "minimal GET with Host; same answer as hyper", src(ROLE, "test_parse_request"))

add("parse-request-errors-bad-target", "request",
    b"GET htt:p// HTTP/1.1\r\nHost: hyper.rs\r\n\r\n", "error", [],
    "request-target `htt:p//` is neither origin-form (`/`), absolute-form "
    "(`scheme://`) nor asterisk-form (RFC 9112 3.2; profile: the form must fit "
    "the method); same answer as hyper (its Uri parser rejects it)",
    src(ROLE, "test_parse_request_errors"))

add("parse-request-preserve-header-case", "request",
    b"GET / HTTP/1.1\r\nHost: hyper.rs\r\nX-BREAD: baguette\r\n\r\n", "ok",
    [req(b"GET", b"/", headers=[(b"Host", b"hyper.rs"), (b"X-BREAD", b"baguette")])],
    "field names keep their case in the dump (hyper's preserve_header_case option "
    "records the same); same answer as hyper",
    src(ROLE, "test_parse_preserve_header_case_in_request"))

# test_parse_response and many client.rs tests use the same bytes (REPLY_OK).
REPLY_OK = b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"
add("reply-ok", "response", REPLY_OK, "ok",
    [res(200, b"OK", [(b"Content-Length", b"0")], "length")],
    "200 with Content-Length: 0 (hyper's REPLY_OK); same answer as hyper",
    src(ROLE, "test_parse_response") + "; the same bytes also in " +
    src(CLIENT, "client_get", "client_get_query", "client_get_req_body_implicitly_empty",
        "client_get_req_body_chunked", "client_transfer_encoding_repair",
        "client_post_req_body_chunked_with_trailer", "client_get_req_body_sized",
        "client_get_req_body_unknown", "client_post_sized (POST)",
        "client_post_chunked (POST)", "client_post_unknown (POST)",
        "client_post_empty (POST)", "client_set_host_false",
        "client_set_http1_title_case_headers", "conn::get", "conn::uri_absolute_form",
        "conn::http1_conn_coerces_http2_request", "conn::pipeline"))

H09 = b"Baguettes are super delicious, don't you agree?"
add("parse-response-h09", "response", H09, "error", [],
    "an HTTP/0.9 response (no status-line) is not HTTP/1.x: the profile accepts "
    "only a status-line `HTTP-version SP 3DIGIT SP reason` (RFC 9112 4); same "
    "answer as hyper by default (test_parse_response_h09_rejected); hyper's "
    "h09_responses option (test_parse_response_h09_allowed) reads it as a "
    "0.9 body, which the profile has no option for",
    src(ROLE, "test_parse_response_h09_rejected",
        "test_parse_response_h09_allowed (option h09_responses)"))

add("parse-response-space-before-colon", "response",
    b"HTTP/1.1 200 OK\r\nAccess-Control-Allow-Credentials : true\r\n\r\n", "error", [],
    "whitespace between field name and colon is an error, in responses too "
    "(RFC 9112 5.1: MUST reject; profile); same answer as hyper by default "
    "(test_parse_reject_response_with_spaces_before_colons); hyper's "
    "allow_spaces_after_header_name_in_responses option "
    "(test_parse_allow_response_with_spaces_before_colons) accepts it as "
    "`Access-Control-Allow-Credentials: true`; lenient reading converted with "
    "the strict expectation",
    src(ROLE, "test_parse_reject_response_with_spaces_before_colons",
        "test_parse_allow_response_with_spaces_before_colons "
        "(option allow_spaces_after_header_name_in_responses)"))

add("parse-header-htabs", "response",
    b"HTTP/1.1 200 OK\r\nserver: hello\tworld\r\n\r\n", "ok",
    [res(200, b"OK", [(b"server", b"hello\tworld")], "close")],
    "HTAB inside a field value is kept (RFC 9110 5.5); no framing field, so the "
    "body runs to end of stream (empty here); same answer as hyper",
    src(ROLE, "parse_header_htabs"))

# ---------------------------------------------------------------- test_decoder_request
TDR = "test_decoder_request"

# `GET / HTTP/1.1\r\n\r\n`: the most common input of the suite.
GET_BARE = b"GET / HTTP/1.1\r\n\r\n"
add("get-no-host", "request", GET_BARE, "error", [],
    "differs from hyper: " + NOHOST + "; the case id + \"-host\" has a Host field",
    src(ROLE, TDR + " (no length or transfer-encoding means 0-length body)",
        "parse_too_large_headers (0 fields; also with max_headers 0 and 200)") +
    "; the same bytes also in " +
    src(SERVER, "http1_allow_half_close", "disconnect_after_reading_request_before_responding",
        "returning_1xx_response_is_error", "streaming_body"))
add("get-no-host-host", "request", with_host(GET_BARE), "ok",
    [req(b"GET", b"/", headers=[H])],
    "no Content-Length or Transfer-Encoding: no body (RFC 9112 6.3 rule 7). " + HOSTV,
    src(ROLE, TDR) + VARIANT_HOST)

POST_BARE = b"POST / HTTP/1.1\r\n\r\n"
add("decoder-req-post-no-length", "request", POST_BARE, "error", [],
    "differs from hyper: " + NOHOST + "; id + \"-host\" has one",
    src(ROLE, TDR + " (POST without length)"))
add("decoder-req-post-no-length-host", "request", with_host(POST_BARE), "ok",
    [req(b"POST", b"/", headers=[H])],
    "a POST with neither Content-Length nor Transfer-Encoding has no body "
    "(RFC 9112 6.3 rule 7; profile framing 4: requests `none`). " + HOSTV,
    src(ROLE, TDR) + VARIANT_HOST)


def decoder_req(slug, fields, expect_body, note, peer, body=b"", version=b"HTTP/1.1",
                host_expect=None, host_msgs=None, comment=""):
    """A test_decoder_request head: POST / with the given field lines, no body.
    The original (no Host, no body) and a derived variant with Host and, where
    hyper's reading of the framing needs one, the body it would wait for."""
    head = b"POST / " + version + b"\r\n" + b"".join(n + b": " + v + b"\r\n" for n, v in fields) + b"\r\n"
    test = TDR + (" (" + comment + ")" if comment else "")
    if version == b"HTTP/1.1":
        add("decoder-req-" + slug, "request", head, "error", [],
            note + "; this input also has no Host field, which the profile rejects "
            "(RFC 9112 3.2), and stops after the head" +
            ("" if not body else " although its framing announces a body") +
            "; hyper parses only the head here (" + peer + "); id + \"-host" +
            ("-body" if body else "") + "\" has a Host field" +
            (" and the body" if body else ""),
            src(ROLE, test))
        v = with_host(head) + body
        add("decoder-req-" + slug + ("-host-body" if body else "-host"), "request", v,
            host_expect, host_msgs or [],
            note + "; " + ("derived: hyper's head with `Host: example.com` after the "
                           "request-line and the body its framing announces" if body
                           else HOSTV),
            src(ROLE, test) + (VARIANT_HOST_BODY if body else VARIANT_HOST))
    else:
        raise AssertionError


TE = b"transfer-encoding"
CL = b"content-length"
decoder_req("te-chunked", [(TE, b"chunked")], True,
            "Transfer-Encoding: chunked frames the body as chunked (RFC 9112 6.3 rule 4)",
            "hyper: chunked", body=b"0\r\n\r\n", host_expect="ok",
            host_msgs=[req(b"POST", b"/", headers=[H, (TE, b"chunked")], framing="chunked")],
            comment="transfer-encoding: chunked")
decoder_req("te-gzip-chunked", [(TE, b"gzip, chunked")], True,
            "`gzip, chunked`: registered codings, chunked last: chunked (RFC 9112 6.3 "
            "rule 4; profile: gzip is a registered name); the dump does not undo gzip",
            "hyper: chunked", body=b"0\r\n\r\n", host_expect="ok",
            host_msgs=[req(b"POST", b"/", headers=[H, (TE, b"gzip, chunked")], framing="chunked")],
            comment="transfer-encoding: gzip, chunked")
decoder_req("te-gzip-then-chunked-lines", [(TE, b"gzip"), (TE, b"chunked")], True,
            "the coding list spans two field lines (`gzip`, then `chunked`): chunked is "
            "final, so chunked (RFC 9110 5.3, RFC 9112 6.3 rule 4; profile)",
            "hyper: chunked", body=b"0\r\n\r\n", host_expect="ok",
            host_msgs=[req(b"POST", b"/", headers=[H, (TE, b"gzip"), (TE, b"chunked")],
                           framing="chunked")],
            comment="transfer-encoding: gzip / transfer-encoding: chunked")
decoder_req("cl-10", [(CL, b"10")], True,
            "Content-Length: 10 frames a 10-byte body (RFC 9112 6.3 rule 6)",
            "hyper: length 10", body=b"0123456789", host_expect="ok",
            host_msgs=[req(b"POST", b"/", headers=[H, (CL, b"10")], framing="length",
                           body=b"0123456789")],
            comment="content-length")
TECL = ("differs from hyper: a request with both Transfer-Encoding and Content-Length "
        "is an error in the profile (RFC 9112 6.1: such a message may be a smuggling "
        "attempt; 6.3 rule 3 lets a server reject it); hyper ignores Content-Length "
        "and reads the body as chunked")
decoder_req("cl-then-te", [(CL, b"10"), (TE, b"chunked")], True, TECL,
            "hyper: chunked", body=b"0\r\n\r\n", host_expect="error",
            comment="transfer-encoding and content-length = chunked")
decoder_req("te-then-cl", [(TE, b"chunked"), (CL, b"10")], True, TECL + " (here TE comes first)",
            "hyper: chunked", body=b"0\r\n\r\n", host_expect="error",
            comment="transfer-encoding: chunked / content-length: 10")
decoder_req("te-cl-te", [(TE, b"gzip"), (CL, b"10"), (TE, b"chunked")], True,
            TECL + " (TE on two lines around the Content-Length)",
            "hyper: chunked", body=b"0\r\n\r\n", host_expect="error",
            comment="transfer-encoding: gzip / content-length: 10 / transfer-encoding: chunked")
decoder_req("cl-10-twice", [(CL, b"10"), (CL, b"10")], True,
            "two Content-Length lines with the same value: the profile allows either "
            "reading (RFC 9112 6.3 rule 5: reject, or accept the repeated value)",
            "hyper: length 10", body=b"0123456789", host_expect="either",
            host_msgs=[req(b"POST", b"/", headers=[H, (CL, b"10"), (CL, b"10")],
                           framing="length", body=b"0123456789")],
            comment="multiple content-lengths of same value are fine")
decoder_req("cl-10-11", [(CL, b"10"), (CL, b"11")], True,
            "differing Content-Length values are an error (RFC 9112 6.3 rule 5); same "
            "answer as hyper; the -host-body variant gives 10 bytes, so a decoder that "
            "took the first value would accept it",
            "hyper: error", body=b"0123456789", host_expect="error",
            comment="multiple content-lengths with different values is an error")
decoder_req("cl-plus-10", [(CL, b"+10")], True,
            "`+10` is not 1*DIGIT (RFC 9110 8.6; profile: no sign): error; same answer as "
            "hyper; the -host-body variant gives 10 bytes, so a decoder that parsed the "
            "sign would accept it",
            "hyper: error", body=b"0123456789", host_expect="error",
            comment="content-length with prefix is not allowed")
decoder_req("te-gzip-only", [(TE, b"gzip")], False,
            "in a request, a Transfer-Encoding whose final coding is not chunked is an "
            "error (RFC 9112 6.3 rule 4: 400 and close); same answer as hyper",
            "hyper: error", host_expect="error",
            comment="transfer-encoding that isn't chunked is an error")
decoder_req("te-chunked-gzip", [(TE, b"chunked, gzip")], False,
            "`chunked, gzip`: chunked is not the final coding, an error in a request "
            "(RFC 9112 6.3 rule 4; RFC 9112 6.1: chunked only once and last); same "
            "answer as hyper", "hyper: error", host_expect="error",
            comment="transfer-encoding doesn't end in chunked")
decoder_req("te-chunked-then-afterlol", [(TE, b"chunked"), (TE, b"afterlol")], False,
            "the list is `chunked, afterlol`: chunked is not final and `afterlol` is not a "
            "registered coding (profile: 501), both errors in a request; same answer as "
            "hyper", "hyper: error", host_expect="error",
            comment="transfer-encoding multiple lines doesn't end in chunked")

P10CL = b"POST / HTTP/1.0\r\ncontent-length: 10\r\n\r\n"
add("decoder-req-http10-cl-10", "request", P10CL, "error", [],
    "HTTP/1.0 request with Content-Length: 10 (no Host needed in HTTP/1.0); hyper's "
    "test parses only the head, here the stream ends before the 10 body bytes, so "
    "it is incomplete; id + \"-body\" has the body",
    src(ROLE, TDR + " (http/1.0 content-length)"))
add("decoder-req-http10-cl-10-body", "request", P10CL + b"0123456789", "ok",
    [req(b"POST", b"/", b"HTTP/1.0", [(CL, b"10")], "length", b"0123456789")],
    "HTTP/1.0 request framed by Content-Length: 10 (RFC 9112 6.3 rule 6); derived: "
    "hyper's head plus the 10 bytes it announces",
    src(ROLE, TDR) + VARIANT_BODY)
add("decoder-req-http10-te-chunked", "request",
    b"POST / HTTP/1.0\r\ntransfer-encoding: chunked\r\n\r\n", "error", [],
    "Transfer-Encoding in an HTTP/1.0 message is an error (RFC 9112 6.1: a server "
    "MUST NOT use chunked for 1.0; profile: error); same answer as hyper",
    src(ROLE, TDR + " (1.0 doesn't understand chunked)"))

# ---------------------------------------------------------------- test_decoder_response
TDS = "test_decoder_response"
R200 = b"HTTP/1.1 200 OK\r\n\r\n"
add("decoder-res-200-no-framing", "response", R200, "ok",
    [res(200, b"OK", [], "close")],
    "no Content-Length or Transfer-Encoding: the body is delimited by close (RFC 9112 "
    "6.3 rule 8), empty at end of stream; same answer as hyper",
    src(ROLE, TDS + " (no content-length or transfer-encoding means close-delimited)",
        "parse_too_large_headers (0 fields, client side)"))
add("decoder-res-204", "response", b"HTTP/1.1 204 No Content\r\n\r\n", "ok",
    [res(204, b"No Content", [], "none")],
    "204 has no body (RFC 9112 6.3 rule 1); same answer as hyper", src(ROLE, TDS))
add("decoder-res-304", "response", b"HTTP/1.1 304 Not Modified\r\n\r\n", "ok",
    [res(304, b"Not Modified", [], "none")],
    "304 has no body (RFC 9112 6.3 rule 1); same answer as hyper", src(ROLE, TDS))
RCL8 = b"HTTP/1.1 200 OK\r\ncontent-length: 8\r\n\r\n"
add("decoder-res-cl-8", "response", RCL8, "error", [],
    "Content-Length: 8 announces 8 bytes that never come: incomplete at end of "
    "stream; hyper's test parses only the head (length 8); id + \"-body\" has the body",
    src(ROLE, TDS + " (content-length)"))
add("decoder-res-cl-8-body", "response", RCL8 + b"12345678", "ok",
    [res(200, b"OK", [(CL, b"8")], "length", b"12345678")],
    "Content-Length: 8 frames 8 bytes (RFC 9112 6.3 rule 6); derived: hyper's head "
    "plus its body", src(ROLE, TDS) + VARIANT_BODY)
RCL88 = b"HTTP/1.1 200 OK\r\ncontent-length: 8\r\ncontent-length: 8\r\n\r\n"
add("decoder-res-cl-8-twice", "response", RCL88, "error", [],
    "two identical Content-Length lines (either reading is allowed) and no body: "
    "an error in both readings (rejected, or incomplete at end of stream); hyper "
    "accepts the head (length 8); id + \"-body\" has the body",
    src(ROLE, TDS + " (content-length: 8 twice)"))
add("decoder-res-cl-8-twice-body", "response", RCL88 + b"12345678", "either",
    [res(200, b"OK", [(CL, b"8"), (CL, b"8")], "length", b"12345678")],
    "two identical Content-Length lines: reject, or accept the repeated value (RFC "
    "9112 6.3 rule 5; profile `either`); hyper accepts; derived: head plus body",
    src(ROLE, TDS) + VARIANT_BODY)
RCL89 = b"HTTP/1.1 200 OK\r\ncontent-length: 8\r\ncontent-length: 9\r\n\r\n"
add("decoder-res-cl-8-9", "response", RCL89, "error", [],
    "differing Content-Length values: error (RFC 9112 6.3 rule 5); same answer as hyper",
    src(ROLE, TDS + " (content-length 8 and 9)"))
add("decoder-res-cl-8-9-body", "response", RCL89 + b"12345678", "error", [],
    "differing Content-Length values: error (RFC 9112 6.3 rule 5); derived: with 8 "
    "body bytes, so a decoder taking the first value would accept it; hyper rejects",
    src(ROLE, TDS) + VARIANT_BODY)
RCLP8 = b"HTTP/1.1 200 OK\r\ncontent-length: +8\r\n\r\n"
add("decoder-res-cl-plus-8", "response", RCLP8, "error", [],
    "`+8` is not 1*DIGIT (RFC 9110 8.6): error; same answer as hyper",
    src(ROLE, TDS + " (content-length: +8)"))
add("decoder-res-cl-plus-8-body", "response", RCLP8 + b"12345678", "error", [],
    "`+8` is not 1*DIGIT (RFC 9110 8.6): error; derived: with 8 body bytes, so a "
    "decoder that parsed the sign would accept it; hyper rejects",
    src(ROLE, TDS) + VARIANT_BODY)
RTE = b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n"
add("decoder-res-te-chunked", "response", RTE, "error", [],
    "chunked response whose body never comes: incomplete at end of stream; hyper's "
    "test parses only the head (chunked); id + \"-body\" has a last chunk",
    src(ROLE, TDS + " (transfer-encoding: chunked)"))
add("decoder-res-te-chunked-body", "response", RTE + b"0\r\n\r\n", "ok",
    [res(200, b"OK", [(TE, b"chunked")], "chunked")],
    "chunked response (RFC 9112 6.3 rule 4); derived: hyper's head plus an empty "
    "chunked body", src(ROLE, TDS) + VARIANT_BODY)
add("decoder-res-te-yolo", "response", b"HTTP/1.1 200 OK\r\ntransfer-encoding: yolo\r\n\r\n",
    "ok", [res(200, b"OK", [(TE, b"yolo")], "close")],
    "in a response, a Transfer-Encoding whose final coding is not chunked means the "
    "body runs to close (RFC 9112 6.3 rule 4; profile: `yolo` is a token, so the "
    "list is well formed); same answer as hyper",
    src(ROLE, TDS + " (transfer-encoding not-chunked is close-delimited)"))
RCLTE = b"HTTP/1.1 200 OK\r\ncontent-length: 10\r\ntransfer-encoding: chunked\r\n\r\n"
add("decoder-res-cl-te", "response", RCLTE, "error", [],
    "Content-Length and chunked in a response: Transfer-Encoding overrides (RFC 9112 "
    "6.3 rule 3; profile); the body never comes, so incomplete at end of stream; "
    "hyper's test parses only the head (chunked); id + \"-body\" has a last chunk",
    src(ROLE, TDS + " (transfer-encoding and content-length = chunked)"))
add("decoder-res-cl-te-body", "response", RCLTE + b"0\r\n\r\n", "ok",
    [res(200, b"OK", [(CL, b"10"), (TE, b"chunked")], "chunked")],
    "in a response Transfer-Encoding overrides Content-Length (RFC 9112 6.3 rule 3; "
    "profile framing 2); same reading as hyper; derived: head plus an empty chunked body",
    src(ROLE, TDS) + VARIANT_BODY)
add("decoder-res-head-cl-8", "response", RCL8, "ok",
    [res(200, b"OK", [(CL, b"8")], "none")],
    "a response to HEAD has no body whatever its Content-Length (RFC 9112 6.3 rule 1); "
    "same answer as hyper", src(ROLE, TDS + " (HEAD can have content-length, but not body)"),
    methods=["HEAD"])
add("decoder-res-connect-200", "response", R200, "ok",
    [res(200, b"OK", [], "upgrade")],
    "a 2xx response to CONNECT switches to a tunnel (RFC 9110 9.3.6; profile: "
    "`upgrade`); same answer as hyper (wants_upgrade)",
    src(ROLE, TDS + " (CONNECT with 200 never has body)") + "; the same bytes also in " +
    src(CLIENT, "client_connect_method", "client_connect_method_with_absolute_uri"),
    methods=["CONNECT"])
add("decoder-res-connect-400", "response", b"HTTP/1.1 400 Bad Request\r\n\r\n", "ok",
    [res(400, b"Bad Request", [], "close")],
    "a non-2xx response to CONNECT is an ordinary response: no framing fields, so "
    "close-delimited (RFC 9112 6.3 rule 8); same answer as hyper",
    src(ROLE, TDS + " (CONNECT receiving non 200 can have a body)"), methods=["CONNECT"])
add("decoder-res-100", "response", b"HTTP/1.1 100 Continue\r\n\r\n", "ok",
    [res(100, b"Continue", [], "none")],
    "a 1xx response is a message of its own with no body, and end of stream after it "
    "is between messages (dump contract); hyper skips 1xx heads (parse returns None)",
    src(ROLE, TDS + " (1xx status codes)"))
add("decoder-res-103", "response", b"HTTP/1.1 103 Early Hints\r\n\r\n", "ok",
    [res(103, b"Early Hints", [], "none")],
    "103 is an interim 1xx message without body (RFC 9110 15.2); hyper skips it",
    src(ROLE, TDS + " (1xx status codes)"))
add("decoder-res-101", "response", b"HTTP/1.1 101 Switching Protocols\r\n\r\n", "ok",
    [res(101, b"Switching Protocols", [], "upgrade")],
    "101 switches protocols after its head (RFC 9110 15.2.2; profile `upgrade`); same "
    "answer as hyper (wants_upgrade)", src(ROLE, TDS + " (101 upgrade)"))
add("decoder-res-http10-200", "response", b"HTTP/1.0 200 OK\r\n\r\n", "ok",
    [res(200, b"OK", [], "close", version="HTTP/1.0")],
    "HTTP/1.0 response without framing fields: close-delimited; same answer as hyper",
    src(ROLE, TDS + " (http/1.0)"))
add("decoder-res-http10-te-chunked", "response",
    b"HTTP/1.0 200 OK\r\ntransfer-encoding: chunked\r\n\r\n", "error", [],
    "Transfer-Encoding in an HTTP/1.0 message is an error (profile framing 2; RFC 9112 "
    "6.1); same answer as hyper", src(ROLE, TDS + " (1.0 doesn't understand chunked)"))
add("decoder-res-cl-0-lowercase", "response", b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n",
    "ok", [res(200, b"OK", [(CL, b"0")], "length")],
    "Content-Length: 0; hyper also checks keep-alive (the dump does not report it)",
    src(ROLE, TDS + " (keep-alive: HTTP/1.1 keep-alive is default)") + "; the same bytes "
    "also in " + src(CLIENT, "conn::test_try_send_request (tokio_test io read)"))
add("decoder-res-cl-0-connection-close", "response",
    b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\nconnection: foo, close, bar\r\n\r\n", "ok",
    [res(200, b"OK", [(CL, b"0"), (b"connection", b"foo, close, bar")], "length")],
    "Connection list with close; hyper checks keep_alive is false (not shown by the dump)",
    src(ROLE, TDS + " (connection close is always close)"))
add("decoder-res-http10-cl-0", "response", b"HTTP/1.0 200 OK\r\ncontent-length: 0\r\n\r\n",
    "ok", [res(200, b"OK", [(CL, b"0")], "length", version="HTTP/1.0")],
    "HTTP/1.0 response with Content-Length: 0; hyper checks keep_alive is false",
    src(ROLE, TDS + " (HTTP/1.0 close is default)") + "; the same bytes also in " +
    src(CLIENT, "client_get_req_body_chunked_http10", "client_get_req_body_unknown_http10"))
add("decoder-res-http10-cl-0-keep-alive", "response",
    b"HTTP/1.0 200 OK\r\ncontent-length: 0\r\nconnection: foo, keep-alive, bar\r\n\r\n", "ok",
    [res(200, b"OK", [(CL, b"0"), (b"connection", b"foo, keep-alive, bar")], "length",
         version="HTTP/1.0")],
    "HTTP/1.0 response with keep-alive in a Connection list; hyper checks keep_alive is "
    "true (not shown by the dump)",
    src(ROLE, TDS + " (connection keep-alive is always keep-alive)"))

# ---------------------------------------------------------------- obs-fold helper
add("client-obs-fold-line", "response",
    b"HTTP/1.1 200 OK\r\nNormal: a normal line\r\nFold: obs\r\n fold\r\n\t line\r\n"
    b"Content-Length: 0\r\n\r\n", "ok",
    [res(200, b"OK", [(b"Normal", b"a normal line"), (b"Fold", b"obs fold line"),
                      (b"Content-Length", b"0")], "length")],
    "derived: the two values hyper's obs_fold_line helper unfolds (`a normal line`, "
    "`obs\\r\\n fold\\r\\n\\t line`) put under a status-line; in a response the profile "
    "accepts obs-fold and reads each fold as one SP (RFC 9112 5.2): `obs fold line`, "
    "the same value as hyper's helper (hyper's parser needs the "
    "allow_obsolete_multiline_headers_in_responses option to reach it)",
    src(ROLE, "test_client_obs_fold_line") + " (variant: values put in a response head)")

# ---------------------------------------------------------------- parse_too_large_headers
def gen_req(n):
    return b"GET / HTTP/1.1\r\n" + b"".join(b"key%d: val%d\r\n" % (i, i) for i in range(n)) + b"\r\n"


def gen_res(n):
    return b"HTTP/1.1 200 OK\r\n" + b"".join(b"key%d: val%d\r\n" % (i, i) for i in range(n)) + b"\r\n"


PTL = "parse_too_large_headers"
USES = {1: "max_headers None, 0", 50: "max_headers None", 99: "max_headers None",
        100: "max_headers None, 0, 200", 101: "max_headers None", 102: "max_headers None",
        200: "max_headers None, 200", 201: "max_headers 200", 210: "max_headers 200"}
for n in (1, 50, 99, 100, 101, 102, 200, 201, 210):
    hy_default = "accepts" if n <= 100 else "rejects"
    opt = ""
    if n == 1:
        opt = "; with max_headers 0 hyper rejects it"
    elif n == 100:
        opt = "; with max_headers 0 it rejects it, with 200 it accepts it"
    elif n == 200:
        opt = "; with max_headers 200 it accepts it"
    elif n in (201, 210):
        opt = "; the test runs it only with max_headers 200, which rejects it"
    peer = "hyper with its default (100 fields) %s it%s" % (hy_default, opt)
    kv = [(b"key%d" % i, b"val%d" % i) for i in range(n)]
    test = src(ROLE, "%s (%d fields; %s)" % (PTL, n, USES[n]))
    # request: no Host
    add("too-many-headers-req-%d" % n, "request", gen_req(n), "error", [],
        ("differs from hyper: " if n <= 100 else "") +
        "%d field lines and no Host: the profile rejects the HTTP/1.1 request for its "
        "missing Host (RFC 9112 3.2)%s; %s; id + \"-host\" has a Host field" %
        (n, "" if n <= 100 else ", and for more than 100 field lines (default limit)", peer),
        test)
    hv = with_host(gen_req(n))
    if n + 1 <= 100:
        add("too-many-headers-req-%d-host" % n, "request", hv, "ok",
            [req(b"GET", b"/", headers=[H] + kv)],
            "%d field lines (Host + %d): within the default limit of 100 field lines. %s"
            % (n + 1, n, HOSTV), test + VARIANT_HOST)
    else:
        add("too-many-headers-req-%d-host" % n, "request", hv, "error", [],
            "%d field lines (Host + %d): above the default limit of 100 field lines "
            "(profile: limits, own error kind). %s" % (n + 1, n, HOSTV)
            + ("; the added Host line is the 101st, so this variant fails where hyper's "
               "own input passes; -host-in-place keeps 100 lines" if n == 100 else ""),
            test + VARIANT_HOST)
    if n == 100:
        inplace = gen_req(100).replace(b"key0: val0\r\n", b"Host: example.com\r\n", 1)
        add("too-many-headers-req-100-host-in-place", "request", inplace, "ok",
            [req(b"GET", b"/", headers=[H] + kv[1:])],
            "exactly 100 field lines, Host among them: at the default limit, accepted; "
            "derived: hyper's 100-field request with its first field replaced by "
            "`Host: example.com`", test + " (variant: first field replaced by Host)")
    # response
    if n <= 100:
        add("too-many-headers-res-%d" % n, "response", gen_res(n), "ok",
            [res(200, b"OK", kv, "close")],
            "%d field lines: within the default limit of 100; no framing field, so "
            "close-delimited (empty at end of stream); %s" % (n, peer), test)
    else:
        add("too-many-headers-res-%d" % n, "response", gen_res(n), "error", [],
            "%d field lines: above the default limit of 100 field lines (profile: "
            "limits); %s" % (n, peer), test)

# ---------------------------------------------------------------- test_is_complete_fast
ICF = "test_is_complete_fast"
A1 = b"GET / HTTP/1.1\r\na: b\r\n\r\n"
add("is-complete-fast-crlf", "request", A1, "error", [],
    "a complete head (hyper's fast end-of-head scan finds it); differs from hyper: "
    + NOHOST + "; id + \"-host\" has one", src(ROLE, ICF))
add("is-complete-fast-crlf-host", "request", with_host(A1), "ok",
    [req(b"GET", b"/", headers=[H, (b"a", b"b")])], "a complete head. " + HOSTV,
    src(ROLE, ICF) + VARIANT_HOST)
A2 = b"GET / HTTP/1.1\na: b\n\n"
add("is-complete-fast-lf", "request", A2, "error", [],
    "head lines ended by bare LF: an error in the profile (RFC 9112 2.2: bare LF may "
    "be accepted, but the profile requires CRLF; bare LF is an off-by-default option); "
    "differs from hyper, whose scan and parser (httparse) take LF as a line end; the "
    "request also lacks Host; lenient reading converted with the strict expectation",
    src(ROLE, ICF))
add("is-complete-fast-lf-host", "request", with_host(A2), "error", [],
    "head lines ended by bare LF (profile: CRLF required, RFC 9112 2.2); differs from "
    "hyper, which accepts LF line ends. " + HOSTV + " (ended by LF like the "
    "request-line)", src(ROLE, ICF) + VARIANT_HOST)
add("is-complete-fast-partial-cr", "request", b"GET / HTTP/1.1\r\na: b\r\n\r", "error", [],
    "the head stops after the CR of the empty line: incomplete at end of stream; hyper's "
    "scan also says incomplete", src(ROLE, ICF))
add("is-complete-fast-partial-lf", "request", b"GET / HTTP/1.1\na: b\n", "error", [],
    "bare LF line ends and no empty line: an error (bare LF; and incomplete); hyper's "
    "scan says incomplete", src(ROLE, ICF))

# =====================================================================
# src/proto/h1/decode.rs
# =====================================================================
CH_HEAD = b"POST / HTTP/1.1\r\nHost: example.com\r\nTransfer-Encoding: chunked\r\n\r\n"
CH_HDRS = [H, (b"Transfer-Encoding", b"chunked")]
WRAP = ("the chunked body follows `POST / HTTP/1.1`, `Host: example.com`, "
        "`Transfer-Encoding: chunked`")


def data(n):
    return (b"0123456789abcdef" * (n // 16 + 1))[:n]


def chunk_ok(slug, line, size, note, test, peer="same answer as hyper"):
    """A valid chunk-size line: the chunk of that size, CRLF, last chunk."""
    if size == 0:
        body = line + b"\r\n"
        content = b""
    else:
        body = line + data(size) + b"\r\n0\r\n\r\n"
        content = data(size)
    add("chunk-size-" + slug, "request", CH_HEAD + body, "ok",
        [req(b"POST", b"/", headers=CH_HDRS, framing="chunked", body=content)],
        "%s; %s. %s; %s" % (note, peer, WRAP,
                            "the size line is the last chunk, the empty line ends the trailer "
                            "section" if size == 0 else
                            "then %d bytes of data, CRLF and the last chunk" % size),
        src(DECODE, test))


def chunk_err(slug, body, note, test, cont_note):
    add("chunk-size-" + slug, "request", CH_HEAD + body, "error", [],
        "%s. %s; %s" % (note, WRAP, cont_note), src(DECODE, test))


RCS = "test_read_chunk_size"
chunk_ok("1", b"1\r\n", 1, "chunk size 1", RCS + " (\"1\\r\\n\")")
chunk_ok("01", b"01\r\n", 1, "leading zero in the chunk size is fine (profile)", RCS + " (\"01\\r\\n\")")
chunk_ok("0", b"0\r\n", 0, "last chunk `0`", RCS + " (\"0\\r\\n\")")
chunk_ok("00", b"00\r\n", 0, "last chunk `00` (leading zero)", RCS + " (\"00\\r\\n\")")
chunk_ok("A-upper", b"A\r\n", 10, "hex digit A = 10", RCS + " (\"A\\r\\n\")")
chunk_ok("a-lower", b"a\r\n", 10, "hex digit a = 10", RCS + " (\"a\\r\\n\")")
chunk_ok("Ff", b"Ff\r\n", 255, "mixed-case hex Ff = 255", RCS + " (\"Ff\\r\\n\")")
chunk_err("Ff-trailing-spaces", b"Ff   \r\n" + data(255) + b"\r\n0\r\n\r\n",
          "differs from hyper: whitespace after the chunk size with no extension after it is "
          "an error in the profile (RFC 9112 7.1: chunk = chunk-size [ chunk-ext ] CRLF; BWS "
          "is only allowed before `;`); hyper skips the spaces and reads size 255",
          RCS + " (\"Ff   \\r\\n\")", "then 255 bytes, CRLF and the last chunk, so the "
          "stream is complete for a decoder that skips the spaces")
chunk_err("F-cr-F", b"F\rF",
          "a CR not followed by LF in the chunk-size line: error (RFC 9112 2.2, 7.1); same "
          "answer as hyper", RCS + " (\"F\\rF\", missing LF)", "hyper's input as is")
chunk_err("F-eof", b"F",
          "the stream ends inside the chunk-size line: incomplete; same answer as hyper "
          "(UnexpectedEof)", RCS + " (\"F\", missing CRLF)", "hyper's input as is")
chunk_err("empty-lines", b"\r\n\r\n",
          "an empty chunk-size line: chunk-size is 1*HEXDIG (RFC 9112 7.1); same answer as "
          "hyper", RCS + " (\"\\r\\n\\r\\n\", missing digit)", "hyper's input as is")
chunk_err("empty-line", b"\r\n",
          "an empty chunk-size line (RFC 9112 7.1: 1*HEXDIG); same answer as hyper",
          RCS + " (\"\\r\\n\", missing digit)", "hyper's input as is")
chunk_err("X", b"X\r\n",
          "`X` is not a hex digit (RFC 9112 7.1); same answer as hyper",
          RCS + " (\"X\\r\\n\", invalid hex digit)", "hyper's input as is")
chunk_err("1X", b"1X\r\nx\r\n0\r\n\r\n",
          "`1X`: a non-hex byte right after the size (RFC 9112 7.1); same answer as hyper",
          RCS + " (\"1X\\r\\n\")", "then 1 byte, CRLF and the last chunk, so the stream is "
          "complete for a decoder that stopped at the first non-hex byte")
chunk_err("minus", b"-\r\n",
          "`-` is not a hex digit; same answer as hyper", RCS + " (\"-\\r\\n\")",
          "hyper's input as is")
chunk_err("minus-1", b"-1\r\nx\r\n0\r\n\r\n",
          "a signed chunk size `-1` (RFC 9112 7.1: 1*HEXDIG); same answer as hyper",
          RCS + " (\"-1\\r\\n\")", "then 1 byte, CRLF and the last chunk")
chunk_ok("1-ext", b"1;extension\r\n", 1,
         "chunk extension with a name and no value (RFC 9112 7.1.1)", RCS + " (\"1;extension\\r\\n\")")
chunk_err("a-ext-name-space-value", b"a;ext name=value\r\n" + data(10) + b"\r\n0\r\n\r\n",
          "differs from hyper: `;ext name=value` is not chunk-ext syntax (RFC 9112 7.1.1: "
          "chunk-ext-name is a token, followed only by BWS `=` or `;` or the line end; the "
          "SP between `ext` and `name` ends the name); the profile rejects malformed "
          "extensions; hyper ignores every byte of an extension up to CR",
          RCS + " (\"a;ext name=value\\r\\n\")", "then 10 bytes, CRLF and the last chunk")
chunk_ok("1-ext-ext2", b"1;extension;extension2\r\n", 1, "two chunk extensions (RFC 9112 7.1.1)",
         RCS + " (\"1;extension;extension2\\r\\n\")")
chunk_err("1-empty-exts", b"1;;;  ;\r\nx\r\n0\r\n\r\n",
          "differs from hyper: `;;;  ;` holds empty extension names; chunk-ext-name is a "
          "token, at least one tchar (RFC 9112 7.1.1, RFC 9110 5.6.2); hyper ignores "
          "extension bytes", RCS + " (\"1;;;  ;\\r\\n\")", "then 1 byte, CRLF and the last chunk")
chunk_ok("2-bws-ext-dots", b"2; extension...\r\n", 2,
         "BWS after `;` and an extension name `extension...` (`.` is a tchar, RFC 9110 "
         "5.6.2)", RCS + " (\"2; extension...\\r\\n\")")
chunk_ok("3-bws-ext-value", b"3   ; extension=123\r\n", 3,
         "BWS before `;` and a token value (RFC 9112 7.1.1: BWS around `;` and `=`)",
         RCS + " (\"3   ; extension=123\\r\\n\")")
chunk_err("3-bws-semicolon-only", b"3   ;\r\nxyz\r\n0\r\n\r\n",
          "differs from hyper: `;` with no extension name after it (RFC 9112 7.1.1: "
          "chunk-ext-name = token); hyper ignores extension bytes",
          RCS + " (\"3   ;\\r\\n\")", "then 3 bytes, CRLF and the last chunk")
chunk_err("3-bws-semicolon-bws", b"3   ;   \r\nxyz\r\n0\r\n\r\n",
          "differs from hyper: `;` followed only by whitespace, no extension name (RFC 9112 "
          "7.1.1); hyper ignores extension bytes", RCS + " (\"3   ;   \\r\\n\")",
          "then 3 bytes, CRLF and the last chunk")
chunk_err("1-space-invalid-ext", b"1 invalid extension\r\nx\r\n0\r\n\r\n",
          "whitespace after the size followed by something other than `;` (RFC 9112 7.1); "
          "same answer as hyper", RCS + " (\"1 invalid extension\\r\\n\")",
          "then 1 byte, CRLF and the last chunk")
chunk_err("1-space-A", b"1 A\r\nx\r\n0\r\n\r\n",
          "`1 A`: a digit after whitespace (RFC 9112 7.1); same answer as hyper",
          RCS + " (\"1 A\\r\\n\")", "then 1 byte, CRLF and the last chunk (a decoder "
          "skipping the space might read 0x1A = 26 and then fail differently)")
chunk_err("1-ext-no-crlf", b"1;no CRLF",
          "`;no CRLF` is a malformed extension (a second word after BWS, RFC 9112 7.1.1) and "
          "the stream ends inside the chunk-size line; an error for both reasons; hyper: "
          "UnexpectedEof (it ignores extension bytes)", RCS + " (\"1;no CRLF\")",
          "hyper's input as is")
chunk_err("1-ext-bare-lf", b"1;reject\nnewlines\r\nx\r\n0\r\n\r\n",
          "a bare LF inside the chunk-size line (RFC 9112 2.2, 7.1); same answer as hyper "
          "(it rejects LF in extensions)", RCS + " (\"1;reject\\nnewlines\\r\\n\")",
          "then 1 byte, CRLF and the last chunk")
chunk_err("overflow", b"f0000000000000003\r\nabc\r\n0\r\n\r\n",
          "a 17-digit chunk size above u64 (profile: chunk-size fits u64); a decoder that "
          "wraps around would read 3; same answer as hyper (overflow)",
          RCS + " (\"f0000000000000003\\r\\n\", overflow)",
          "then `abc`, CRLF and the last chunk, as in tests/server.rs post_with_chunked_overflow")

LEN_HEAD10 = b"POST / HTTP/1.1\r\nHost: example.com\r\nContent-Length: 10\r\n\r\n"
add("read-sized-early-eof", "request", LEN_HEAD10 + b"foo bar", "error", [],
    "Content-Length: 10 and only 7 body bytes before end of stream: incomplete; same "
    "answer as hyper (UnexpectedEof). The body follows `POST / HTTP/1.1`, "
    "`Host: example.com`, `Content-Length: 10`", src(DECODE, "test_read_sized_early_eof"))
add("read-chunked-early-eof", "request", CH_HEAD + b"9\r\nfoo bar", "error", [],
    "a 9-byte chunk cut after 7 bytes by end of stream: incomplete; same answer as hyper. "
    + WRAP, src(DECODE, "test_read_chunked_early_eof"))
add("read-chunked-single-read", "request", CH_HEAD + b"10\r\n1234567890abcdef\r\n0\r\n", "error", [],
    "the last chunk `0` is not followed by the empty line that ends the trailer section: "
    "incomplete at end of stream (RFC 9112 7.1); hyper's test reads only the first chunk; "
    "the complete body is in hyper-read-chunked-after-eof. " + WRAP,
    src(DECODE, "test_read_chunked_single_read"))
add("read-chunked-missing-zero-digit", "request", CH_HEAD + b"1\r\nZ\r\n\r\n\r\n", "error", [],
    "after chunk `Z`, an empty line where the next chunk-size (or last chunk `0`) "
    "belongs (RFC 9112 7.1: 1*HEXDIG); same answer as hyper. " + WRAP,
    src(DECODE, "test_read_chunked_with_missing_zero_digit"))
PER = 16 * 1024 * 2 // 3
EXT = b"".join(b"1;" + b"x" * PER + b"\r\nA\r\n" for _ in range(2)) + b"0\r\n\r\n"
add("read-chunked-extensions-over-limit", "request", CH_HEAD + EXT, "error", [],
    "each chunk-size line carries a %d-byte extension name: above the profile's "
    "4 KiB limit for one chunk-size line with its extensions, so the first chunk "
    "already fails (profile: limits); hyper counts extension bytes over the whole body "
    "(16 KiB) and fails at the second chunk, after delivering `A`; both end in an "
    "error. " % PER + WRAP,
    src(DECODE, "test_read_chunked_extensions_over_limit"))
add("read-chunked-trailer-missing-lf", "request",
    CH_HEAD + b"10\r\n1234567890abcdef\r\n0\r\nbad\r\r\n", "error", [],
    "the trailer line `bad` is ended by CR CR LF (a CR not followed by LF, RFC 9112 2.2) "
    "and has no colon; same answer as hyper. " + WRAP,
    src(DECODE, "test_read_chunked_trailer_with_missing_lf"))
add("read-chunked-after-eof", "request", CH_HEAD + b"10\r\n1234567890abcdef\r\n0\r\n\r\n", "ok",
    [req(b"POST", b"/", headers=CH_HDRS, framing="chunked", body=b"1234567890abcdef")],
    "one 16-byte chunk (size `10` hex) and the last chunk; same answer as hyper. " + WRAP,
    src(DECODE, "test_read_chunked_after_eof"))
add("read-length-async", "request",
    b"POST / HTTP/1.1\r\nHost: example.com\r\nContent-Length: 6\r\n\r\nfoobar", "ok",
    [req(b"POST", b"/", headers=[H, (b"Content-Length", b"6")], framing="length", body=b"foobar")],
    "a 6-byte Content-Length body; hyper feeds it with a pause at every byte, the "
    "conformance runner splits it the same way; same answer as hyper. The body follows "
    "`POST / HTTP/1.1`, `Host: example.com`, `Content-Length: 6`",
    src(DECODE, "test_read_length_async"))
add("read-chunked-async", "request", CH_HEAD + b"3\r\nfoo\r\n3\r\nbar\r\n0\r\n\r\n", "ok",
    [req(b"POST", b"/", headers=CH_HDRS, framing="chunked", body=b"foobar")],
    "two chunks and the last chunk, read with a pause at every byte; same answer as "
    "hyper. " + WRAP, src(DECODE, "test_read_chunked_async"))
add("read-eof-async", "response", b"HTTP/1.1 200 OK\r\n\r\nfoobar", "ok",
    [res(200, b"OK", [], "close", b"foobar")],
    "hyper's close-delimited (Eof) decoder: the body `foobar` runs to end of stream; "
    "here it follows a 200 response head with no framing fields (the only place a "
    "close-delimited body exists); same answer as hyper",
    src(DECODE, "test_read_eof_async") + " (body put after a response head)")
TRL = b"Expires: Wed, 21 Oct 2015 07:28:00 GMT\r\nX-Stream-Error: failed to decode\r\n\r\n"
add("decode-trailers", "request", CH_HEAD + b"0\r\n" + TRL, "ok",
    [req(b"POST", b"/", headers=CH_HDRS, framing="chunked",
         trailers=[(b"Expires", b"Wed, 21 Oct 2015 07:28:00 GMT"),
                   (b"X-Stream-Error", b"failed to decode")])],
    "two trailer fields after the last chunk (RFC 9112 7.1.2); hyper's test hands the "
    "trailer block to its decode_trailers helper; here it follows a last chunk. " + WRAP,
    src(DECODE, "test_decode_trailers") + " (trailer block put after a last chunk)")
B16 = b"10\r\n1234567890abcdef\r\n0\r\n"
T10 = b"".join(b"trailer%d: %d\r\n" % (i, i) for i in range(10))
add("trailer-max-headers", "request", CH_HEAD + B16 + T10 + b"\r\n", "ok",
    [req(b"POST", b"/", headers=CH_HDRS, framing="chunked", body=b"1234567890abcdef",
         trailers=[(b"trailer%d" % i, b"%d" % i) for i in range(10)])],
    "10 trailer fields: within the profile's default trailer limit (16 KiB); hyper's "
    "test sets h1_max_headers to 10 and then rejects these 10 trailer fields (its "
    "trailer count check is `>=`; with its default of 100 it would accept them); the corpus has no such option, so the default applies. " + WRAP,
    src(DECODE, "test_trailer_max_headers_enforced (option h1_max_headers 10)"))
HUGE = b"x" * 1024
add("trailer-max-header-size-huge", "request",
    CH_HEAD + B16 + b"huge_trailer: " + HUGE + b"\r\n\r\n", "ok",
    [req(b"POST", b"/", headers=CH_HDRS, framing="chunked", body=b"1234567890abcdef",
         trailers=[(b"huge_trailer", HUGE)])],
    "one trailer field of about 1 KiB: within the default trailer limit of 16 KiB; "
    "hyper's test sets h1_max_header_size to 1024 and rejects it (its default of 16 KiB "
    "would accept it); `huge_trailer` is a token (`_` is a tchar). " + WRAP,
    src(DECODE, "test_trailer_max_header_size_huge_trailer (option h1_max_header_size 1024)"))
T64 = [(b"trailer%d" % i, b"x" * 64) for i in range(10)]
add("trailer-max-header-size-many-small", "request",
    CH_HEAD + B16 + b"".join(n + b": " + v + b"\r\n" for n, v in T64) + b"\r\n", "ok",
    [req(b"POST", b"/", headers=CH_HDRS, framing="chunked", body=b"1234567890abcdef",
         trailers=T64)],
    "10 trailer fields of 64 bytes (about 770 bytes): within the default trailer limit "
    "of 16 KiB; hyper's test sets h1_max_header_size to 640 and rejects them. " + WRAP,
    src(DECODE, "test_trailer_max_header_size_many_small_trailers (option h1_max_header_size 640)"))

# =====================================================================
# tests/server.rs: the bytes a test client writes to hyper's server
# =====================================================================
GET_CLOSE = b"GET / HTTP/1.1\r\nHost: example.domain\r\nConnection: close\r\n\r\n"
CONN_CLOSE = (b"Connection", b"close")
add("srv-get-should-ignore-body", "request", GET_CLOSE + b"I shouldn't be read.\r\n", "either",
    [req(b"GET", b"/", headers=[HD, CONN_CLOSE])],
    "bytes after a request with `Connection: close`: the profile allows stopping there "
    "or decoding on (`either`); decoded on, `I shouldn't be read.` is not a request-line, "
    "so the stream ends in an error after the GET; hyper stops reading after the "
    "closing request (body empty)", src(SERVER, "get_should_ignore_body"))
add("srv-get-with-body", "request",
    b"GET / HTTP/1.1\r\nHost: example.domain\r\nContent-Length: 19\r\n\r\nI'm a good request.\r\n",
    "ok", [req(b"GET", b"/", headers=[HD, (b"Content-Length", b"19")], framing="length",
               body=b"I'm a good request.")],
    "a GET may carry a Content-Length body (RFC 9110 9.3.1 gives it no meaning, RFC 9112 "
    "6.3 frames it); the CRLF after the 19 bytes is the one empty line skipped before "
    "a next request-line, and end of stream there is between messages; same answer as "
    "hyper (body without the trailing CRLF)", src(SERVER, "get_with_body"))
RBL = ["fixed_response_known", "fixed_response_unknown", "fixed_response_known_empty",
       "chunked_response_known", "chunked_response_known_empty", "chunked_response_unknown",
       "te_response_adds_chunked", "chunked_response_trumps_length (#[ignore])",
       "auto_response_with_unknown_length", "auto_response_with_known_length",
       "auto_response_known_empty"]
add("srv-get-close", "request", GET_CLOSE, "ok", [req(b"GET", b"/", headers=[HD, CONN_CLOSE])],
    "GET with Host and Connection: close; same answer as hyper (the tests check hyper's "
    "response)",
    src(SERVER, *["response_body_lengths::" + t for t in RBL]) + "; " +
    "get_response_custom_reason_phrase; response_does_not_set_chunked_if_body_not_allowed; "
    "skips_content_length_for_304_responses; skips_content_length_and_body_for_304_responses")
add("srv-get-close-http10", "request",
    b"GET / HTTP/1.0\r\nHost: example.domain\r\nConnection: close\r\n\r\n", "ok",
    [req(b"GET", b"/", b"HTTP/1.0", [HD, CONN_CLOSE])],
    "HTTP/1.0 GET with Connection: close; same answer as hyper",
    src(SERVER, "response_body_lengths::http10_auto_response_with_unknown_length",
        "response_body_lengths::http10_chunked_response"))
KA = b"GET / HTTP/1.1\r\nHost: example.domain\r\nConnection: keep-alive\r\n\r\n"
QUUX_CLOSE = b"GET /quux HTTP/1.1\r\nHost: example.domain\r\nConnection: close\r\n\r\n"
add("srv-chunked-response-with-ka", "request", KA + QUUX_CLOSE, "ok",
    [req(b"GET", b"/", headers=[HD, (b"Connection", b"keep-alive")]),
     req(b"GET", b"/quux", headers=[HD, CONN_CLOSE])],
    "two requests on one connection (hyper's test writes them one after the other); "
    "same answer as hyper", src(SERVER, "get_chunked_response_with_ka"))
add("srv-keep-alive", "request",
    b"GET / HTTP/1.1\r\nHost: example.domain\r\n\r\n" + QUUX_CLOSE, "ok",
    [req(b"GET", b"/", headers=[HD]), req(b"GET", b"/quux", headers=[HD, CONN_CLOSE])],
    "two requests, HTTP/1.1 persistent by default; same answer as hyper",
    src(SERVER, "keep_alive"))
PCL5 = b"POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello"
add("srv-post-content-length-no-host", "request", PCL5, "error", [],
    "differs from hyper: " + NOHOST + " (the test reads the body `hello`); id + "
    "\"-host\" has one", src(SERVER, "post_with_content_length_body"))
add("srv-post-content-length-no-host-host", "request", with_host(PCL5), "ok",
    [req(b"POST", b"/", headers=[H, (b"Content-Length", b"5")], framing="length", body=b"hello")],
    "POST with a 5-byte Content-Length body. " + HOSTV, src(SERVER, "post_with_content_length_body") + VARIANT_HOST)
PCLP5 = b"POST / HTTP/1.1\r\nContent-Length: +5\r\n\r\nhello"
add("srv-post-invalid-prefix-content-length", "request", PCLP5, "error", [],
    "`+5` is not 1*DIGIT (RFC 9110 8.6); the request also lacks Host; same answer as "
    "hyper (400); id + \"-host\" has a Host field",
    src(SERVER, "post_with_invalid_prefix_content_length"))
add("srv-post-invalid-prefix-content-length-host", "request", with_host(PCLP5), "error", [],
    "`+5` is not 1*DIGIT (RFC 9110 8.6; profile: no sign); a decoder that parsed the "
    "sign would read `hello` as the body. " + HOSTV,
    src(SERVER, "post_with_invalid_prefix_content_length") + VARIANT_HOST)
add("srv-post-chunked-body", "request",
    b"POST / HTTP/1.1\r\nHost: example.domain\r\nTransfer-Encoding: chunked\r\n\r\n"
    b"1\r\nq\r\n2\r\nwe\r\n2\r\nrt\r\n0\r\n\r\n", "ok",
    [req(b"POST", b"/", headers=[HD, (b"Transfer-Encoding", b"chunked")], framing="chunked",
         body=b"qwert")],
    "three chunks and the last chunk; same answer as hyper (body `qwert`)",
    src(SERVER, "post_with_chunked_body"))
add("srv-post-chunked-overflow", "request",
    b"POST / HTTP/1.1\r\nHost: example.domain\r\nTransfer-Encoding: chunked\r\n\r\n"
    b"f0000000000000003\r\nabc\r\n0\r\n\r\nGET /sneaky HTTP/1.1\r\n\r\n", "error", [],
    "a chunk size above u64 (profile: fits u64); a decoder that wrapped it to 3 would "
    "read a smuggled `GET /sneaky`; same answer as hyper (overflow error)",
    src(SERVER, "post_with_chunked_overflow"))
add("srv-post-incomplete-body", "request",
    b"POST / HTTP/1.1\r\nHost: example.domain\r\nContent-Length: 10\r\n\r\n12345", "error", [],
    "Content-Length: 10, 5 bytes, then the client shuts its write side: incomplete at "
    "end of stream; same answer as hyper (body error)", src(SERVER, "post_with_incomplete_body"))
add("srv-post-chunked-missing-final-digit", "request",
    b"POST / HTTP/1.1\r\nHost: example.domain\r\ntransfer-encoding: chunked\r\n\r\n"
    b"1\r\nZ\r\n\r\n\r\n", "error", [],
    "after chunk `Z`, an empty line where the next chunk-size or the last chunk `0` "
    "belongs (RFC 9112 7.1); same answer as hyper (body error)",
    src(SERVER, "post_with_chunked_missing_final_digit"))
add("srv-head-close", "request", b"HEAD / HTTP/1.1\r\nHost: example.domain\r\nConnection: close\r\n\r\n",
    "ok", [req(b"HEAD", b"/", headers=[HD, CONN_CLOSE])],
    "HEAD with Connection: close; same answer as hyper (the tests check hyper's response)",
    src(SERVER, "head_response_can_send_content_length", "head_response_doesnt_send_body",
        "no_implicit_zero_content_length_for_head_responses"))
add("srv-http10-keep-alive", "request",
    KA.replace(b"HTTP/1.1", b"HTTP/1.0") + b"GET /quux HTTP/1.0\r\nHost: example.domain\r\n\r\n", "ok",
    [req(b"GET", b"/", b"HTTP/1.0", [HD, (b"Connection", b"keep-alive")]),
     req(b"GET", b"/quux", b"HTTP/1.0", [HD])],
    "HTTP/1.0 request with keep-alive, then a second HTTP/1.0 request; same answer as hyper",
    src(SERVER, "http_10_keep_alive"))
add("srv-http10-keep-alive-single", "request", KA.replace(b"HTTP/1.1", b"HTTP/1.0"), "ok",
    [req(b"GET", b"/", b"HTTP/1.0", [HD, (b"Connection", b"keep-alive")])],
    "HTTP/1.0 request with Connection: keep-alive; same answer as hyper",
    src(SERVER, "http_10_close_on_no_ka"))
add("srv-get-keep-alive", "request", KA, "ok",
    [req(b"GET", b"/", headers=[HD, (b"Connection", b"keep-alive")])],
    "GET with Connection: keep-alive; same answer as hyper",
    src(SERVER, "disable_keep_alive (server option keep_alive(false))", "header_connection_close",
        "http1_trailer_fields_not_allowed"))


def expect_req(version, exp, cl=True, body=b"hello"):
    h = [HD, (b"Expect", exp)]
    if cl:
        h.append((b"Content-Length", b"5"))
    h.append((b"Connection", b"Close"))
    return (b"POST /foo " + version + b"\r\nHost: example.domain\r\nExpect: " + exp + b"\r\n" +
            (b"Content-Length: 5\r\n" if cl else b"") + b"Connection: Close\r\n\r\n" + body,
            req(b"POST", b"/foo", s(version), h,
                "length" if cl else "none", body))


i, m = expect_req(b"HTTP/1.1", b"100-continue")
add("srv-expect-continue", "request", i, "ok", [m],
    "Expect: 100-continue, then the 5-byte body (written after hyper's 100 response); "
    "same answer as hyper", src(SERVER, "expect_continue_sends_100"))
i, m = expect_req(b"HTTP/1.1", b"100-Continue")
add("srv-expect-continue-upper", "request", i, "ok", [m],
    "Expect with upper-case `100-Continue`; same answer as hyper",
    src(SERVER, "expect_continue_accepts_upper_cased_expectation"))
i, m = expect_req(b"HTTP/1.0", b"100-Continue")
add("srv-expect-continue-http10", "request", i, "ok", [m],
    "Expect in an HTTP/1.0 request (ignored by hyper, which sends no 100); the body "
    "follows; same answer as hyper", src(SERVER, "expect_continue_but_http_10_is_ignored"))
i, m = expect_req(b"HTTP/1.1", b"100-continue", cl=False, body=b"")
add("srv-expect-continue-no-body", "request", i, "ok", [m],
    "Expect: 100-continue on a request with no framing field: no body (RFC 9112 6.3 rule "
    "7); same answer as hyper", src(SERVER, "expect_continue_but_no_body_is_ignored"))
add("srv-expect-continue-body-never-sent", "request",
    b"POST /foo HTTP/1.1\r\nHost: example.domain\r\nExpect: 100-continue\r\nContent-Length: 100\r\n"
    b"Connection: Close\r\n\r\n", "error", [],
    "Content-Length: 100 and the client never sends the body: incomplete at end of "
    "stream; in hyper's test the service answers 400 without reading the body",
    src(SERVER, "expect_continue_waits_for_body_poll"))
GET_HD = b"GET / HTTP/1.1\r\nHost: example.domain\r\n\r\n"
add("srv-pipeline", "request", GET_HD + GET_HD, "ok",
    [req(b"GET", b"/", headers=[HD]), req(b"GET", b"/", headers=[HD])],
    "two pipelined GETs in one write; same answer as hyper", src(SERVER, "pipeline_disabled"))
add("srv-pipeline-close", "request",
    GET_HD + b"GET / HTTP/1.1\r\nHost: example.domain\r\nConnection: close\r\n\r\n", "ok",
    [req(b"GET", b"/", headers=[HD]), req(b"GET", b"/", headers=[HD, CONN_CLOSE])],
    "two pipelined GETs, the second closing; same answer as hyper",
    src(SERVER, "pipeline_enabled (server option pipeline_flush)"))
add("srv-http10-no-host", "request", b"GET / HTTP/1.0\r\n\r\n", "ok",
    [req(b"GET", b"/", b"HTTP/1.0")],
    "HTTP/1.0 request without Host: allowed (the Host requirement is for HTTP/1.1, RFC "
    "9112 3.2); same answer as hyper", src(SERVER, "http_10_request_receives_http_10_response"))
add("srv-uri-too-long", "request", b"GET /" + b"a" * 65534 + b" HTTP/1.1\r\n\r\n", "error", [],
    "a 65,550-byte request-line: above the profile's 16 KiB line limit (its own error "
    "kind); the request also lacks Host; same answer as hyper (414, its URI limit is "
    "65,534 bytes)", src(SERVER, "http_11_uri_too_long"))
add("srv-get-localhost", "request", b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n", "ok",
    [req(b"GET", b"/", headers=[(b"Host", b"localhost")])],
    "GET with `Host: localhost` (hyper's test writes the request-line and the rest in two "
    "writes); same answer as hyper",
    src(SERVER, "disable_keep_alive_mid_request (two writes)", "disable_keep_alive_post_request"))
UPG = b"GET / HTTP/1.1\r\nUpgrade: foobar\r\nConnection: upgrade\r\n\r\neagerly optimistic"
add("srv-upgrade", "request", UPG, "error", [],
    "differs from hyper: " + NOHOST + "; id + \"-host\" has one",
    src(SERVER, "upgrades", "upgrades_new", "http1_graceful_shutdown_after_upgrade"))
add("srv-upgrade-host", "request", with_host(UPG), "error",
    [req(b"GET", b"/", headers=[H, (b"Upgrade", b"foobar"), (b"Connection", b"upgrade")])],
    "differs from hyper: a request that carries Upgrade is an ordinary message (profile "
    "framing 1: only the server's 101 switches protocols, and the dump never answers), "
    "so `eagerly optimistic` is decoded as the next request and ends incomplete; in "
    "hyper's test the service answers 101 and these bytes become the upgraded "
    "connection's read buffer. " + HOSTV,
    src(SERVER, "upgrades") + VARIANT_HOST)
add("srv-empty-stream", "request", b"", "ok", [],
    "no bytes at all: end of stream between messages, no error; same answer as hyper",
    src(SERVER, "empty_parse_eof_does_not_return_error"))
add("srv-partial-request-line", "request", b"GET / HTTP/1.1", "error", [],
    "the stream ends inside the request-line: incomplete; same answer as hyper",
    src(SERVER, "nonempty_parse_eof_returns_error"))
add("srv-header-name-too-long", "request",
    b"GET / HTTP/1.1\r\n" + b"x" * (64 * 1024) + b": foo\r\n\r\n", "error", [],
    "a 64 KiB field name: above the 16 KiB line limit and the 64 KiB head limit (profile: "
    "limits); the request also lacks Host; same answer as hyper (431)",
    src(SERVER, "header_name_too_long"))
G3 = [GET_BARE] * 3
add("srv-three-gets-no-host", "request", b"".join(G3), "error", [],
    "differs from hyper: three HTTP/1.1 requests without Host; " + NOHOST +
    "; id + \"-host\" has Host in each",
    src(SERVER, "http1_no_idle_timeout_multiple_requests (three writes)",
        "http1_idle_timeout_multiple_intermittent_requests (three writes)"))
add("srv-three-gets-no-host-host", "request", with_host_all(G3), "ok",
    [req(b"GET", b"/", headers=[H])] * 3,
    "three GETs one after another. derived: `Host: example.com` after each request-line",
    src(SERVER, "http1_no_idle_timeout_multiple_requests") + VARIANT_HOST)
CON80 = b"CONNECT localhost:80 HTTP/1.1\r\n\r\neagerly optimistic"
add("srv-connect", "request", CON80, "error", [],
    "differs from hyper: " + NOHOST + "; id + \"-host\" has one", src(SERVER, "http_connect"))
add("srv-connect-host", "request", with_host(CON80, b"localhost:80"), "ok",
    [req(b"CONNECT", b"localhost:80", headers=[(b"Host", b"localhost:80")], framing="upgrade")],
    "CONNECT with an authority-form target: the connection leaves HTTP/1 after the head "
    "(profile framing 1), `eagerly optimistic` belongs to the tunnel; same answer as "
    "hyper (read_buf `eagerly optimistic`). derived: `Host: localhost:80` (the target's "
    "authority) after the request-line", src(SERVER, "http_connect") + VARIANT_HOST)
CONNP = b"CONNECT localhost HTTP/1.1\r\n\r\neagerly optimistic"
add("srv-connect-no-port", "request", CONNP, "error", [],
    "differs from hyper: a CONNECT target must be `host:port`, port required (RFC 9112 "
    "3.2.3; profile); this request also lacks Host; hyper accepts it and tunnels; id + "
    "\"-host\" has a Host field", src(SERVER, "http_connect_new"))
add("srv-connect-no-port-host", "request", with_host(CONNP, b"localhost"), "error", [],
    "differs from hyper: CONNECT target `localhost` has no port (RFC 9112 3.2.3: "
    "authority-form = uri-host \":\" port; profile); hyper answers 200 and tunnels. "
    "derived: `Host: localhost` after the request-line, so only the target is at fault",
    src(SERVER, "http_connect_new") + VARIANT_HOST)
add("srv-parse-error-method-space", "request", b"GE T / HTTP/1.1\r\n\r\n", "error", [],
    "`GE T / HTTP/1.1`: the request-line has three SPs, so `HTTP/1.1` is not where the "
    "version belongs (RFC 9112 3); same answer as hyper (400)",
    src(SERVER, "parse_errors_send_4xx_response"))
ILL = b"POST / HTTP/1.1\r\nContent-Length: foo\r\n\r\n"
add("srv-illegal-content-length", "request", ILL, "error", [],
    "`Content-Length: foo` is not 1*DIGIT (RFC 9110 8.6); the request also lacks Host; "
    "same answer as hyper (400); id + \"-host\" has a Host field",
    src(SERVER, "illegal_request_length_returns_400_response"))
add("srv-illegal-content-length-host", "request", with_host(ILL), "error", [],
    "`Content-Length: foo` is not 1*DIGIT (RFC 9110 8.6: invalid, MUST be treated as an "
    "unrecoverable error in a request, RFC 9112 6.3 rule 5). " + HOSTV,
    src(SERVER, "illegal_request_length_returns_400_response") + VARIANT_HOST)
add("srv-max-buf-size", "request", b"POST /" + b"a" * 16000, "error", [],
    "a request-line of 16,006 bytes with no line end: the stream ends inside it "
    "(incomplete); it stays under the profile's 16 KiB line limit; hyper's test sets "
    "max_buf_size 16,000 and gets 431; an error either way",
    src(SERVER, "max_buf_size (option max_buf_size 16000)"))
add("srv-trailer-te-trailers", "request",
    b"GET / HTTP/1.1\r\nHost: example.domain\r\nConnection: keep-alive\r\nTE: trailers\r\n\r\n", "ok",
    [req(b"GET", b"/", headers=[HD, (b"Connection", b"keep-alive"), (b"TE", b"trailers")])],
    "GET with `TE: trailers` (RFC 9110 10.1.4); same answer as hyper",
    src(SERVER, "http1_trailer_send_fields"))
add("srv-trailer-recv-fields", "request",
    b"POST / HTTP/1.1\r\ntrailer: chunky-trailer\r\nhost: example.domain\r\ntransfer-encoding: chunked\r\n\r\n"
    b"5\r\nhello\r\n0\r\nchunky-trailer: header data\r\n\r\n", "ok",
    [req(b"POST", b"/", headers=[(b"trailer", b"chunky-trailer"), (b"host", b"example.domain"),
                                 (b"transfer-encoding", b"chunked")],
         framing="chunked", body=b"hello", trailers=[(b"chunky-trailer", b"header data")])],
    "a chunked request with one trailer field (RFC 9112 7.1.2); same answer as hyper",
    src(SERVER, "http1_trailer_recv_fields"))

# =====================================================================
# tests/client.rs: the bytes a test server writes to hyper's client
# =====================================================================
add("cli-chunked-with-trailer", "response",
    b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\nTrailer: value\r\n\r\n",
    "ok", [res(200, b"OK", [(b"Transfer-Encoding", b"chunked")], "chunked", b"hello",
               [(b"Trailer", b"value")])],
    "chunked response with a trailer field named `Trailer` (not one of the fields the "
    "profile bans in trailers: Content-Length, Transfer-Encoding, Host); same answer as hyper",
    src(CLIENT, "client_get_req_body_chunked_with_trailer"))
add("cli-chunked-with-multiple-trailers", "response",
    b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\nTrailer: value\r\n"
    b"another-trainer: another-value\r\n\r\n", "ok",
    [res(200, b"OK", [(b"Transfer-Encoding", b"chunked")], "chunked", b"hello",
         [(b"Trailer", b"value"), (b"another-trainer", b"another-value")])],
    "two trailer fields; same answer as hyper",
    src(CLIENT, "client_get_req_body_chunked_with_multiple_trailers"))
add("cli-res-body-chunked-with-trailer", "response",
    b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\ntrailer: chunky-trailer\r\n\r\n"
    b"5\r\nhello\r\n0\r\nchunky-trailer: header data\r\n\r\n", "ok",
    [res(200, b"OK", [(TE, b"chunked"), (b"trailer", b"chunky-trailer")], "chunked", b"hello",
         [(b"chunky-trailer", b"header data")])],
    "chunked response announcing and sending one trailer field; same answer as hyper",
    src(CLIENT, "client_res_body_chunked_with_trailer"))
PATH_TR = [(b"chunky-trailer%d" % i, b"header data%d" % i) for i in range(1, 6)]
add("cli-res-body-chunked-with-pathological-trailers", "response",
    b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\ntrailer: chunky-trailer1, chunky-trailer2, "
    b"chunky-trailer3, chunky-trailer4, chunky-trailer5\r\n\r\n5\r\nhello\r\n0\r\n" +
    b"".join(n + b": " + v + b"\r\n" for n, v in PATH_TR) +
    b"sneaky-trailer: not in trailer header\r\ntransfer-encoding: chunked\r\ncontent-length: 5\r\n"
    b"trailer: foo\r\n\r\n", "error", [],
    "differs from hyper: the trailer section holds `transfer-encoding` and "
    "`content-length`, fields that frame the message; the profile rejects such a trailer "
    "(RFC 9110 6.5.1: a sender MUST NOT generate trailer fields needed for framing; "
    "profile: a caller or proxy that merges trailers into the head must never meet one); "
    "hyper delivers all nine trailer fields to the caller",
    src(CLIENT, "client_res_body_chunked_with_pathological_trailers"))
add("cli-head-ignores-body", "response",
    b"HTTP/1.1 200 OK\r\ncontent-Length: 11\r\n\r\nHello World", "error",
    [res(200, b"OK", [(b"content-Length", b"11")], "none")],
    "a response to HEAD has no body whatever its Content-Length (RFC 9112 6.3 rule 1), so "
    "`Hello World` is where the next response's status-line belongs, and it is not one: "
    "an error after the first response; hyper's test only checks that the HEAD response "
    "has an empty body (hyper does not read past it while no request is waiting)",
    src(CLIENT, "client_head_ignores_body"), methods=["HEAD"])
add("cli-te-not-chunked", "response", b"HTTP/1.1 200 OK\r\ntransfer-encoding: yolo\r\n\r\nhallo",
    "ok", [res(200, b"OK", [(TE, b"yolo")], "close", b"hallo")],
    "Transfer-Encoding without chunked in a response: read to close (RFC 9112 6.3 rule 4); "
    "same answer as hyper (body `hallo`)", src(CLIENT, "client_response_transfer_encoding_not_chunked"))
add("cli-pipeline-responses-extra", "response", REPLY_OK + REPLY_OK, "ok",
    [res(200, b"OK", [(b"Content-Length", b"0")], "length")] * 2,
    "two responses where hyper sent one request; the dump decodes every response on the "
    "stream (each answering GET), so both are messages; hyper returns the first and "
    "does not use the extra one", src(CLIENT, "client_pipeline_responses_extra"))
add("cli-unexpected-eof", "response", b"HTTP/1.1 200 OK\r\n", "error", [],
    "the stream ends inside the head: incomplete; same answer as hyper "
    "(is_incomplete_message)", src(CLIENT, "client_error_unexpected_eof"))
add("cli-parse-version", "response", b"HEAT/1.1 200 OK\r\n\r\n", "error", [],
    "`HEAT/1.1` is not an HTTP-version (RFC 9112 2.3); same answer as hyper (parse error)",
    src(CLIENT, "client_error_parse_version"))
BIGN = 500000
add("cli-parse-too-large", "response",
    b"HTTP/1.1 200 OK\r\n" + b"A" * BIGN + b": " + b"A" * BIGN + b"\r\n\r\n", "error", [],
    "a field line of %d bytes: above the 16 KiB line limit and the 64 KiB head limit "
    "(profile: limits); same answer as hyper (TooLarge)" % (2 * BIGN + 2),
    src(CLIENT, "client_error_parse_too_large"))
add("cli-status-001", "response", b"HTTP/1.1 001 OK\r\n\r\n", "either",
    [res(1, b"OK", [], "close")],
    "`001` matches status-code = 3DIGIT (RFC 9112 4) but lies outside 100-599, where RFC "
    "9110 15 puts every valid status code: either (as status 099 in h1wire's "
    "strict_profile corpus and 001 in the go_nethttp corpus); hyper rejects it "
    "(Parse(Status)), one of the two allowed readings; accepted, it has no framing "
    "field and reads to close",
    src(CLIENT, "client_error_parse_status_out_of_range"))
add("cli-status-1-digit", "response", b"HTTP/1.1 1 OK\r\n\r\n", "error", [],
    "a one-digit status code: status-code = 3DIGIT (RFC 9112 4); same answer as hyper",
    src(CLIENT, "client_error_parse_status_syntactically_invalid"))
add("cli-100-continue", "response", b"HTTP/1.1 100 Continue\r\n\r\n" + REPLY_OK, "ok",
    [res(100, b"Continue", [], "none"), res(200, b"OK", [(b"Content-Length", b"0")], "length")],
    "a 100 interim response, then the final 200; the dump shows the 1xx as a message of "
    "its own; hyper returns the 200", src(CLIENT, "client_100_continue (POST)"))
CL33 = b"HTTP/1.1 200 OK\r\nContent-Length: 3,3\r\nContent-Length: 3,3\r\n\r\nabc"
M33 = [res(200, b"OK", [(b"Content-Length", b"3,3"), (b"Content-Length", b"3,3")], "length", b"abc")]
add("cli-content-length-values-on-same-line", "response", CL33 + b"\r\n", "either", M33,
    "differs from hyper in its tail: `3,3` on two lines is several identical values "
    "(RFC 9110 8.6, RFC 9112 6.3 rule 5; profile: `either`), which hyper accepts (body "
    "`abc`); but the CRLF hyper's test server writes after the body is where the next "
    "status-line belongs, and the profile skips no empty line before a status-line "
    "(RFC 9112 2.2 allows skipping only before a request-line), so a decoder that "
    "accepts the response still ends in an error after it; hyper's client does not "
    "read past the response; -no-crlf has the response alone",
    src(CLIENT, "client_handles_contentlength_values_on_same_line"))
add("cli-content-length-values-on-same-line-no-crlf", "response", CL33, "either", M33,
    "`3,3` on two lines: several identical values (profile: `either`); hyper accepts; "
    "derived: without the CRLF after the body",
    src(CLIENT, "client_handles_contentlength_values_on_same_line") +
    " (variant: trailing CRLF removed)")
add("cli-http09-response", "response", b"Mmmmh, baguettes.", "error", [],
    "an HTTP/0.9 response (no status-line): not HTTP/1.x (RFC 9112 4); hyper's test "
    "enables its http09_responses option and reads it as a 0.9 body; the profile has no "
    "such option, and hyper without it rejects it",
    src(CLIENT, "client_allows_http09_when_requested (option http09_responses)"))
add("cli-obs-fold-headers", "response",
    b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\nFold: just\r\n some\r\n\t folding\r\n\r\n", "ok",
    [res(200, b"OK", [(b"Content-Length", b"0"), (b"Fold", b"just some folding")], "length")],
    "obs-fold in a response: accepted, each fold read as one SP (RFC 9112 5.2: a user "
    "agent replaces each obs-fold with SP; profile): `just some folding`; hyper's test "
    "enables allow_obsolete_multiline_headers_in_responses and gets the same value; "
    "differs from hyper's default, which rejects obs-fold (httparse's default)",
    src(CLIENT, "client_obs_fold_headers (option allow_obsolete_multiline_headers_in_responses)"))
add("cli-custom-reason-phrase", "response", b"HTTP/1.1 200 Alright\r\nContent-Length: 0\r\n\r\n",
    "ok", [res(200, b"Alright", [(b"Content-Length", b"0")], "length")],
    "a non-canonical reason phrase is kept as sent; same answer as hyper (ReasonPhrase "
    "`Alright`)", src(CLIENT, "conn::get_custom_reason_phrase"))
add("cli-incoming-content-length", "response",
    b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", "ok",
    [res(200, b"OK", [(b"Content-Length", b"5")], "length", b"hello")],
    "Content-Length: 5 body; same answer as hyper", src(CLIENT, "conn::incoming_content_length"))
add("cli-upgrade-101", "response",
    b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: foobar\r\n\r\nfoobar=ready", "ok",
    [res(101, b"Switching Protocols", [(b"Upgrade", b"foobar")], "upgrade")],
    "101: the connection leaves HTTP/1 after the head, `foobar=ready` belongs to the new "
    "protocol (RFC 9110 15.2.2; profile); same answer as hyper (read_buf `foobar=ready`)",
    src(CLIENT, "conn::upgrade"))
add("cli-connect-200-tunnel-data", "response", b"HTTP/1.1 200 OK\r\n\r\nfoobar=ready", "ok",
    [res(200, b"OK", [], "upgrade")],
    "a 2xx response to CONNECT: tunnel after the head (RFC 9110 9.3.6; profile), "
    "`foobar=ready` is tunnel data; same answer as hyper",
    src(CLIENT, "conn::connect_method"), methods=["CONNECT"])
add("cli-100-then-http09", "response",
    b"HTTP/1.1 100 Continue\r\nContent-Type: text/plain\r\nServer: BaseHTTP/0.6 Python/3.12.5\r\n"
    b"Date: Mon, 16 Dec 2024 03:08:27 GMT\r\n" + b"\r\n" +
    b"This is a sample text/plain document, without final headers.\n\n", "error",
    [res(100, b"Continue", [(b"Content-Type", b"text/plain"),
                            (b"Server", b"BaseHTTP/0.6 Python/3.12.5"),
                            (b"Date", b"Mon, 16 Dec 2024 03:08:27 GMT")], "none")],
    "a 100 with fields, then text that is not a status-line (RFC 9112 4): an error after "
    "the 100; hyper's test enables http09_responses and only checks that hyper does not "
    "hang or panic (it reads the text as an HTTP/0.9 response); the three writes of the "
    "test are joined",
    src(CLIENT, "conn::client_100_then_http09 (option http09_responses)"))


def main():
    with open(OUT, "w") as f:
        json.dump(CASES, f, ensure_ascii=True, indent=1)
        f.write("\n")
    n = {"ok": 0, "error": 0, "either": 0}
    modes = {"request": 0, "response": 0}
    for c in CASES:
        n[c["expect"]] += 1
        modes[c["mode"]] += 1
    der = sum(1 for c in CASES if "(variant" in c["source"])
    print("%d cases (%s), %s; derived %d -> %s" % (len(CASES), modes, n, der, OUT))


if __name__ == "__main__":
    main()
