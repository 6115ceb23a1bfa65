#!/usr/bin/env python3
"""Build tests/corpus/libevent.json: h1wire corpus cases made from the test
messages of libevent's evhttp test suite (libevent/libevent, test/regress_http.c,
BSD-3-Clause licence).

Only the test MESSAGES (the bytes the tests write on a raw socket) are taken,
with attribution in each case's "source"; no libevent code or prose is copied.
Every expectation was decided from the strict profile (CONFORMANCE.md section 3)
and RFC 9112 / RFC 9110, not from libevent's answer and not from h1wire's.
libevent's own answer (what the test expects the server/client to do) is given
in each note.

How a test becomes bytes
  - C string literals are concatenated as the compiler does; printf-style
    formats (evbuffer_add_printf / evbuffer_add_vprintf) are expanded with the
    test's own arguments (e.g. "%s %s HTTP/1.1" with the method and path of
    each http_genmethod_test caller; "Content-Length: %i" with the length of
    the body the test builds; EV_SIZE_FMT with strlen(POST_DATA) = 24).
  - Where a test writes one request in several bufferevent_write calls
    (http_basic_test's two halves, http_timeout_read_server's delayed body,
    http_send_chunk_test's chunks, http_write_during_read's trailing
    "foobar"), the case holds the concatenation; the runner's --split runs
    cover bytes that arrive in pieces.
Derived cases ("source" ends in "(variant: ...)"):
  - "-msg": the message alone, without the bytes the test sends after a
    request that closes the connection (or after a complete request).
  - "resp-*": the evhttp test servers write their responses through
    evhttp_send_reply*, so the file holds no response literal.  These few
    response cases are RECONSTRUCTED from the status line, header values and
    chunk lines that the test itself sets or checks; header fields whose
    value the test does not give (Date, Content-Type) are left out.
"""

import json
import os

NAME = "libevent"
REPO = "libevent/libevent"
OUT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), NAME + ".json")

F_NEW = ("test/regress_http.c (newest stored version: the one with HTTP(ws), "
         "HTTPS_MBEDTLS and timeout_read_server; the index "
         "gives no commit)")
F_OLD = "test/regress_http.c @001edb5ac881c4c988a8331dfc522edef63f3c92"

cases = []
by_input = {}
merged = []


def src(f, test, variant=None):
    s = "%s %s: %s" % (REPO, f, test)
    if variant:
        s += " (variant: %s)" % variant
    return s


def fields(block):
    out = []
    for line in block.split(b"\r\n"):
        if not line:
            continue
        name, _, value = line.partition(b":")
        out.append([name.decode("latin-1"), value.strip(b" \t").decode("latin-1")])
    return out


def msg(start, headers, framing, body=b"", trailers=()):
    return {"start": list(start), "headers": [list(h) for h in headers],
            "framing": framing, "body": body.decode("latin-1") if isinstance(body, bytes) else body,
            "trailers": [list(t) for t in trailers], "complete": True}


def simple_req(head, framing="none", body=b""):
    """Message for a request head judged valid by hand (CRLF lines, no fold)."""
    first, _, rest = head.partition(b"\r\n")
    start = [x.decode("latin-1") for x in first.split(b" ")]
    return msg(start, fields(rest), framing, body)


def add(slug, inp, expect, msgs, note, source, mode="request", methods=()):
    cid = NAME + "-" + slug
    assert expect in ("ok", "error", "either"), cid
    assert all(c["id"] != cid for c in cases), cid
    key = (mode, tuple(methods), inp)
    if key in by_input:
        prev = by_input[key]
        assert prev["expect"] == expect, (cid, prev["id"])
        prev["source"] += "; " + source
        merged.append((cid, prev["id"]))
        return prev
    c = {"id": cid, "mode": mode, "methods": list(methods), "input": inp.decode("latin-1"),
         "expect": expect, "messages": msgs, "note": note, "source": source}
    cases.append(c)
    by_input[key] = c
    return c


def differs(peer):
    return " [differs from libevent: " + peer + "]"


def agrees(peer):
    return " [libevent: " + peer + "]"


CLOSE_EITHER = ("bytes after a request that carries Connection: close are 'either' "
                "(profile, Connections): a decoder may stop there or go on decoding")

# ---------------------------------------------------------------- requests

BASIC = (b"GET /test HTTP/1.1\r\n"
         b"Host: somehost\r\n"
         b"Connection: close\r\n"
         b"\r\n")
# http_basic_test_impl, first connection: "%s\r\nHost: some" then (in
# http_half_writecb) "host\r\nConnection: close\r\n\r\n"
first_half = b"GET /test HTTP/1.1" + b"\r\n" + b"Host: some"
second_half = b"host\r\n" + b"Connection: close\r\n" + b"\r\n"
assert first_half + second_half == BASIC
note = ("plain origin-form GET with Host and Connection: close: one complete message "
        "with no body (RFC 9112 6.3 item 7: a request without Content-Length or "
        "Transfer-Encoding has no body). http_basic_test sends it once in two writes "
        "split inside the Host value ('Host: some' + 'host...'), and once whole")
add("basic", BASIC, "ok", [simple_req(BASIC[:-4])], note + agrees("200 'This is funny'"),
    src(F_NEW, "http_basic_test (first connection, two writes; second connection)"))
add("basic-base", BASIC, "ok", None, "", src(F_NEW, "http_base_test"))
add("basic-old", BASIC, "ok", None, "", src(F_OLD, "http_basic_test, http_base_test"))

ABS = (b"GET http://somehost.net/test HTTP/1.1\r\n"
       b"Host: somehost\r\n"
       b"Connection: close\r\n"
       b"\r\n")
add("basic-absolute-uri", ABS, "ok", [simple_req(ABS[:-4])],
    "absolute-form target whose authority (somehost.net) differs from the Host value "
    "(somehost): valid HTTP/1; RFC 9112 3.2.2 says the server MUST ignore Host and use "
    "the target's authority, so this is routing, not a parse error. Host is present, so "
    "the HTTP/1.1 Host requirement (RFC 9112 3.2) is met"
    + agrees("200; evhttp takes the host from the URI"),
    src(F_NEW, "http_basic_test (third connection, absolute URI)"))
add("basic-absolute-uri-2", ABS, "ok", None, "",
    src(F_NEW, "http_basic_trailing_space_test (third connection, absolute URI)"))
add("basic-absolute-uri-old", ABS, "ok", None, "", src(F_OLD, "http_basic_test (absolute URI)"))

TRAIL = (b"GET /test HTTP/1.1 \r\n"
         b"Host: somehost\r\n"
         b"Connection: close\r\n"
         b"\r\n")
assert b"GET /test HTTP/1.1 " + b"\r\n" + b"Host: some" + second_half == TRAIL
add("basic-trailing-space", TRAIL, "error", [],
    "request-line 'GET /test HTTP/1.1 ' ends in a SP before CRLF: request-line = method SP "
    "request-target SP HTTP-version (RFC 9112 3) with single SPs and nothing after the "
    "version; the profile makes any other form an error (the version field would read "
    "'HTTP/1.1 ', which is not HTTP/1.0 or HTTP/1.1). http_basic_trailing_space_test "
    "sends it in two writes and whole, like http_basic_test"
    + differs("evhttp strips the trailing SP and answers 200; RFC 9112 3 allows no "
              "trailing whitespace in the request-line and the strict profile rejects it"),
    src(F_NEW, "http_basic_trailing_space_test (first connection, two writes; second connection)"))

add("bad-request-null", b"", "ok", [],
    "an empty stream (the client connects, sends nothing and shuts down its write "
    "side): end of stream between messages prints nothing (CONFORMANCE.md section 1), "
    "so no message and no error"
    + agrees("the server sends nothing and closes; the test checks that no '400 Bad "
             "Request' comes back"),
    src(F_NEW, "http_bad_request_test (\"real NULL request\")") + "; "
    + src(F_OLD, "http_bad_request_test (\"real NULL request\")"))

BADREQ = (b"GET /badrequest HTTP/1.0\r\n"
          b"Connection: Keep-Alive\r\n"
          b"\r\n")
add("bad-request-http10-keepalive", BADREQ, "ok", [simple_req(BADREQ[:-4])],
    "HTTP/1.0 request without Host and with Connection: Keep-Alive: valid (the Host "
    "requirement of RFC 9112 3.2 is for HTTP/1.1; HTTP/1.0 keep-alive keeps the "
    "connection open, so decoding would continue)"
    + agrees("200 'Hello, 127.0.0.1!' and the connection stays open; the test checks "
             "that no 400 is sent when the client closes"),
    src(F_NEW, "http_bad_request_test (second connection)") + "; "
    + src(F_OLD, "http_bad_request_test (second connection)"))

# http_genmethod_test: "%s %s HTTP/1.1\r\nHost: somehost\r\nConnection: close\r\n\r\nbody"
GEN = [("delete", "DELETE", "/deleteit", "http_delete_test"),
       ("propfind", "PROPFIND", "/propfind", "http_propfind_test"),
       ("proppatch", "PROPPATCH", "/proppatch", "http_proppatch_test"),
       ("mkcol", "MKCOL", "/mkcol", "http_mkcol_test"),
       ("lock", "LOCK", "/lockit", "http_lock_test"),
       ("unlock", "UNLOCK", "/unlockit", "http_unlock_test"),
       ("copy", "COPY", "/copyit", "http_copy_test"),
       ("move", "MOVE", "/moveit", "http_move_test")]
for slug, meth, path, test in GEN:
    head = (("%s %s HTTP/1.1\r\n" % (meth, path)).encode()
            + b"Host: somehost\r\n" + b"Connection: close\r\n" + b"\r\n")
    inp = head + b"body"
    m = simple_req(head[:-4])
    add("genmethod-" + slug, inp, "either", [m],
        "%s request with Host and Connection: close but neither Content-Length nor "
        "Transfer-Encoding, followed by the 4 bytes 'body': the request has no body "
        "(RFC 9112 6.3 item 7), so 'body' is not part of it; %s (going on, 'body' "
        "then reads as an unfinished request-line cut by end of stream)" % (meth, CLOSE_EITHER)
        + agrees("200 'This is funny' for the %s request; the extra bytes are never "
                 "read as part of it" % meth),
        src(F_NEW, "http_genmethod_test via %s" % test))
    extra = ""
    if slug == "delete":
        extra = "; the older test/regress_http.c had http_delete_test send exactly these bytes"
    c = add("genmethod-" + slug + "-msg", head, "ok", [m],
            "the %s request of http_genmethod_test alone, without the trailing 'body' "
            "bytes: valid, no body (RFC 9112 6.3 item 7)%s" % (meth, extra)
            + agrees("200"),
            src(F_NEW, "http_genmethod_test via %s" % test, "message alone, trailing 'body' removed"))
    if slug == "delete":
        add("delete-old", head, "ok", None, "", src(F_OLD, "http_delete_test"))

CUSTOM = (b"CUSTOM /custom HTTP/1.1\r\n"
          b"Host: somehost\r\n"
          b"Connection: close\r\n"
          b"\r\n")
add("custom-method", CUSTOM, "ok", [simple_req(CUSTOM[:-4])],
    "extension method 'CUSTOM' (a token, RFC 9110 9.1): valid; method registries are "
    "server policy, not syntax" + agrees("200 (CUSTOM is registered as an extended method "
                                         "and allowed)"),
    src(F_NEW, "http_custom_test") + "; " + src(F_OLD, "http_custom_test"))

ONC = (b"GET /oncomplete HTTP/1.1\r\n"
       b"Host: somehost\r\n"
       b"Connection: close\r\n"
       b"\r\n")
add("on-complete", ONC, "ok", [simple_req(ONC[:-4])],
    "plain GET with Host and Connection: close" + agrees("200"),
    src(F_NEW, "http_on_complete_test") + "; " + src(F_OLD, "http_on_complete_test"))

ALLOWED = [
    ("allowed-methods-get-disallowed", b"GET /index.html", "GET with the server set to allow only PATCH and CUSTOM",
     differs("501 Not Implemented: evhttp's allowed-methods policy; the message itself is "
             "valid HTTP/1 (RFC 9110 9.1: a server answers 501 to a method it does not "
             "implement, which is a decision after parsing)")),
    ("allowed-methods-patch", b"PATCH /test", "PATCH (allowed)", agrees("200")),
    ("allowed-methods-unknown", b"FLOOP /test", "unknown method 'FLOOP' (a valid token)",
     differs("501 Not Implemented: the method is unknown to evhttp; 'FLOOP' is a token "
             "(RFC 9110 5.6.2, 9.1), so the request parses and 501 is server policy")),
    ("allowed-methods-custom", b"CUSTOM /test", "extension method CUSTOM (allowed)", agrees("200")),
]
for slug, line, what, peer in ALLOWED:
    inp = line + b" HTTP/1.1\r\n" + b"Host: somehost\r\n" + b"Connection: close\r\n" + b"\r\n"
    add(slug, inp, "ok", [simple_req(inp[:-4])],
        what + ": a valid request with Host and Connection: close, no body" + peer,
        src(F_NEW, "http_allowed_methods_test") + "; " + src(F_OLD, "http_allowed_methods_test"))

VH = (b"GET http://manolito.info/funnybunny HTTP/1.1\r\n"
      b"Host: somehost\r\n"
      b"Connection: close\r\n"
      b"\r\n")
add("virtual-host-absolute-uri", VH, "ok", [simple_req(VH[:-4])],
    "absolute-form target whose authority (manolito.info) differs from Host (somehost): "
    "valid; RFC 9112 3.2.2: the server ignores Host and routes by the target's authority"
    + agrees("200 from the manolito.info virtual host ('The host in the URI should override "
             "the Host: header')"),
    src(F_NEW, "http_virtual_host_test (raw request)") + "; "
    + src(F_OLD, "http_virtual_host_test (raw request)"))

add("failure-illegal-request", b"illegal request\r\n", "error", [],
    "'illegal request' is not method SP request-target SP HTTP-version (RFC 9112 3): "
    "there is no version; the line is malformed (and the stream then ends inside the "
    "head)" + agrees("400 Bad Request"),
    src(F_NEW, "http_failure_test") + "; " + src(F_OLD, "http_failure_test"))

INC = (b"GET /test HTTP/1.1\r\n"
       b"Host: somehost\r\n")
add("incomplete-head", INC, "error", [],
    "the head is never ended by an empty line and the client closes: end of stream "
    "inside a message is an error (CONFORMANCE.md section 1, 'incomplete')"
    + agrees("the server closes the connection without a response, at end of stream "
             "(http_incomplete_test) or at its 1 s timeout (http_incomplete_timeout_test)"),
    src(F_NEW, "http_incomplete_test, http_incomplete_timeout_test") + "; "
    + src(F_OLD, "http_incomplete_test, http_incomplete_timeout_test"))

# http_send_chunk_test: head, then three times "%x\r\n" (strlen(BASIC_REQUEST_BODY)+1 = 14
# -> "e"), "This is funny", "\n", "\r\n"; then "0\r\n\r\n".
SC_HEAD = (b"POST /chunked_input HTTP/1.1\r\n"
           b"Host: somehost\r\n"
           b"Transfer-Encoding: chunked\r\n"
           b"Connection: close\r\n"
           b"\r\n")
chunk = (b"%x\r\n" % (len(b"This is funny") + 1)) + b"This is funny" + b"\n" + b"\r\n"
SC = SC_HEAD + chunk * 3 + b"0\r\n\r\n"
add("send-chunk", SC, "ok", [simple_req(SC_HEAD[:-4], "chunked", b"This is funny\n" * 3)],
    "chunked POST: three chunks of size 'e' (14) holding 'This is funny' LF, each "
    "followed by CRLF, then the last chunk and an empty trailer section: a valid chunked "
    "body of 42 bytes (RFC 9112 7.1); the LF inside the chunk data is data"
    + agrees("200, and the server echoes the body"),
    src(F_NEW, "http_send_chunk_test (head, three chunks, last chunk)"))

CO = (b"GET /chunked HTTP/1.1\r\n"
      b"Host: somehost\r\n"
      b"Connection: close\r\n"
      b"\r\n")
add("chunk-out-request", CO, "ok", [simple_req(CO[:-4])],
    "plain GET with Host and Connection: close (the request of the chunked-reply test)"
    + agrees("200 with a chunked reply"),
    src(F_NEW, "http_chunk_out_test (raw request)") + "; " + src(F_OLD, "http_chunk_out_test (raw request)"))

ML = (b"GET /test HTTP/1.1\r\n"
      b"Host: somehost\r\n"
      b"Connection: close\r\n"
      b"X-Multi-Extra-WS:  libevent  \r\n"
      b"\t\t\t2.1 \r\n"
      b"X-Multi:  aaaaaaaa\r\n"
      b" a\r\n"
      b"\tEND\r\n"
      b"X-Last: last\r\n"
      b"\r\n")
add("multi-line-header", ML, "error", [],
    "obs-fold: field lines starting with HTAB or SP continue X-Multi-Extra-WS and X-Multi. "
    "RFC 9112 5.2 lets a server reject obs-fold in a request with 400 or replace it with SP; "
    "the strict profile makes obs-fold in a request an error (converted with the strict "
    "expectation; this is a test of lenient behaviour)"
    + differs("evhttp unfolds and accepts: X-Multi reads 'aaaaaaaa a END' and "
              "X-Multi-Extra-WS 'libevent 2.1', then 200; the profile takes RFC 9112 5.2's "
              "reject branch for requests"),
    src(F_NEW, "http_multi_line_header_test") + "; " + src(F_OLD, "http_multi_line_header_test"))

TC = (b"GET /test HTTP/1.1\r\n"
      b"Host: some\r\n\r\n")
add("terminate-chunked", TC, "ok", [simple_req(TC[:-4])],
    "plain GET with Host, keep-alive (HTTP/1.1 default); the test then resets the "
    "connection while the chunked reply streams" + agrees("200 with a chunked reply"),
    src(F_NEW, "http_terminate_chunked_test, http_terminate_chunked_oneshot_test") + "; "
    + src(F_OLD, "http_terminate_chunked_test, http_terminate_chunked_oneshot_test"))

WDR_HEAD = (b"GET /large HTTP/1.1\r\n"
            b"Host: somehost\r\n"
            b"\r\n")
add("write-during-read", WDR_HEAD + b"foobar", "error", [simple_req(WDR_HEAD[:-4])],
    "a complete keep-alive GET, then 10 ms later the bytes 'foobar' while the server is "
    "still writing its large reply, then the client closes: the GET is one message; "
    "'foobar' starts a next request-line that end of stream cuts off, which is an error "
    "(CONFORMANCE.md section 1) after the first message"
    + agrees("answers the GET (13 MiB body) and never answers 'foobar'; the test checks "
             "only that writing during the reply does not break the connection"),
    src(F_NEW, "http_write_during_read_test (request, then 'foobar')") + "; "
    + src(F_OLD, "http_write_during_read_test (request, then 'foobar')"))
add("write-during-read-msg", WDR_HEAD, "ok", [simple_req(WDR_HEAD[:-4])],
    "the GET of http_write_during_read_test alone: valid, no body" + agrees("200"),
    src(F_NEW, "http_write_during_read_test", "message alone, trailing 'foobar' removed"))

# http_request_extra_body_test: body = 10000 x "this is the body that HEAD should not have"
BODY = b"this is the body that HEAD should not have" * 10000
for slug, target in [("timeout", b"/timeout"), ("gencb", b"/__gencb__")]:
    head = (b"HEAD " + target + b" HTTP/1.1\r\n"
            b"Host: somehost\r\n"
            b"Connection: close\r\n"
            + (b"Content-Length: %i\r\n" % len(BODY))
            + b"\r\n")
    add("extra-body-head-" + slug, head + BODY, "ok",
        [simple_req(head[:-4], "length", BODY)],
        "HEAD request with Content-Length: %d and that many body bytes: a request body "
        "is framed by Content-Length whatever the method (RFC 9112 6.3 item 6; RFC 9110 "
        "9.3.2 only says a HEAD body has no defined semantics), so this is one message "
        "with a %d-byte body and nothing after it" % (len(BODY), len(BODY))
        + agrees("the server answers and closes (Connection: close); the test checks "
                 "that the unexpected body does not hang or crash evhttp"),
        src(F_NEW, "http_request_extra_body_test (HEAD %s)" % target.decode()))

TRS_HEAD = (b"POST /postit HTTP/1.1\r\n"
            b"Host: somehost\r\n"
            + (b"Content-Length: %d\r\n" % len(b"Okay.  Not really printf"))
            + b"\r\n")
TRS = TRS_HEAD + b"Okay.  Not really printf"
add("timeout-read-server", TRS, "ok", [simple_req(TRS_HEAD[:-4], "length", b"Okay.  Not really printf")],
    "POST with Content-Length: 24 whose 24-byte body (POST_DATA) arrives 200 ms after "
    "the head: one message with a length-framed body (RFC 9112 6.3 item 6)"
    + agrees("200 'This is funny' (the body arrives within the 500 ms read timeout)"),
    src(F_NEW, "http_timeout_read_server_test (head, then POST_DATA)"))

# --------------------------------------------------- responses (derived)

RSRC = "response reconstructed from the values the test sets or checks; not a literal of the test"

R_CO = (b"HTTP/1.1 200 Everything is fine\r\n"
        b"Transfer-Encoding: chunked\r\n"
        b"Connection: close\r\n"
        b"\r\n"
        b"d\r\nThis is funny\r\n"
        b"12\r\nbut not hilarious.\r\n"
        b"8\r\nbwv 1052\r\n"
        b"0\r\n\r\n")
add("resp-chunk-out", R_CO, "ok",
    [msg(["HTTP/1.1", "200", "Everything is fine"],
         [["Transfer-Encoding", "chunked"], ["Connection", "close"]], "chunked",
         b"This is funnybut not hilarious.bwv 1052")],
    "chunked response: chunks of size d (13), 12 (18) and 8, then the last chunk and "
    "an empty trailer section (RFC 9112 7.1): body 'This is funnybut not hilarious.bwv "
    "1052'. Reconstructed: the status line and reason come from http_chunked_cb, the "
    "header values and chunk lines are the ones http_chunked_errorcb reads off the "
    "socket; evhttp's Date and Content-Type fields are left out"
    + agrees("http_chunked_errorcb reads exactly these chunk lines; the evhttp client "
             "(http_chunked_request_done) gets the 39-byte body"),
    src(F_NEW, "http_chunk_out_test / http_chunked_errorcb", RSRC), mode="response")

R_ST = (b"HTTP/1.1 200 Everything is fine\r\n"
        b"Content-Length: 39\r\n"
        b"\r\n"
        b"This is funnybut not hilarious.bwv 1052")
add("resp-streamed-content-length", R_ST, "ok",
    [msg(["HTTP/1.1", "200", "Everything is fine"], [["Content-Length", "39"]], "length",
         b"This is funnybut not hilarious.bwv 1052")],
    "a reply streamed in three writes but framed by Content-Length: 39 (the /streamed "
    "handler sets it, so evhttp does not use chunked): one 39-byte body (RFC 9112 6.3 "
    "item 6). Reconstructed from http_chunked_cb's status, its Content-Length value and "
    "the CHUNKS strings"
    + agrees("the client reads 'This is funnybut not hilarious.bwv 1052'"),
    src(F_NEW, "http_stream_out_test / http_chunked_cb (/streamed)", RSRC), mode="response")

R_NEG = (b"HTTP/1.1 200 Everything is fine\r\n"
         b"Content-Length: -100\r\n"
         b"\r\n"
         b"This is funny")
add("resp-negative-content-length", R_NEG, "error", [],
    "Content-Length: -100 is not 1*DIGIT (RFC 9110 8.6): an invalid Content-Length in a "
    "response is an unrecoverable framing error (RFC 9112 6.3 item 5; profile, Framing 3). "
    "Reconstructed from http_basic_cb's X-Negative branch (Content-Length '-100'), its "
    "status and its body"
    + agrees("the client fails the request (callback gets NULL)"),
    src(F_NEW, "http_negative_content_length_test / http_basic_cb", RSRC), mode="response")

R_EMPTY = (b"HTTP/1.1 200 Everything is fine\r\n"
           b"Content-Length: 0\r\n"
           b"\r\n")
add("resp-empty-reply", R_EMPTY, "ok",
    [msg(["HTTP/1.1", "200", "Everything is fine"], [["Content-Length", "0"]], "length", b"")],
    "an empty reply framed by Content-Length: 0 (RFC 9112 6.3 item 6). Reconstructed from "
    "http_basic_cb's status for a request carrying 'Empty' and the Content-Length value "
    "http_request_empty_done checks (its Date check is left out: the test gives no value)"
    + agrees("the client gets status 200, Content-Length 0 and an empty body"),
    src(F_NEW, "http_connection_test / http_request_empty_done", RSRC), mode="response")

# ------------------------------------------------------------------ output

for c in cases:
    assert c["note"], c["id"]
with open(OUT, "w") as f:
    json.dump(cases, f, ensure_ascii=True, indent=1)
    f.write("\n")

from collections import Counter
cnt = Counter(c["expect"] for c in cases)
print("%d cases (%s), %d merged sources" % (len(cases), dict(cnt), len(merged)))
for a, b in merged:
    print("  merged", a, "->", b)
