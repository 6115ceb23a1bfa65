#!/usr/bin/env python3
"""Build tests/corpus/picohttpparser.json: h1wire corpus cases made from the test
messages of picohttpparser's test suite (h2o/picohttpparser, test.c; the
messages of test_response.c are all repeated in test.c).

Only the test messages (bytes) are taken; every expectation below was decided
from the strict profile (CONFORMANCE.md section 3) and RFC 9112 / RFC 9110,
not from picohttpparser's answer and not from h1wire's.

Input strings: one code point per byte (latin-1), written with
json.dump(ensure_ascii=True).
"""

import json
import sys
import os

from common import b2s as s

NAME = "picohttpparser"
OUT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), NAME + ".json")
# `--full` keeps the peer's sizes for the chunk-overhead cases (about 28 MB
# of JSON and minutes of running); by default they are a twentieth.
FULL = "--full" in sys.argv[1:]
SCALE = 1 if FULL else 20
REPO = "h2o/picohttpparser"

CHUNKED_HEAD = b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
HEADERS_LINE = b"GET / HTTP/1.1\r\n"   # request-line put before phr_parse_headers blocks

cases = []


def msg(start, headers=(), framing="none", body=b"", trailers=(), **extra):
    m = {
        "start": [s(x) for x in start],
        "headers": [[s(n), s(v)] for n, v in headers],
        "framing": framing,
        "body": s(body),
        "trailers": [[s(n), s(v)] for n, v in trailers],
        "complete": True,
    }
    m.update(extra)
    return m


def add(slug, mode, data, expect, messages, note, source, methods=()):
    cid = "%s-%s" % (NAME, slug)
    assert all(c["id"] != cid for c in cases), cid
    assert expect in ("ok", "error", "either")
    cases.append({
        "id": cid,
        "mode": mode,
        "methods": list(methods),
        "input": s(data),
        "expect": expect,
        "messages": messages,
        "note": note,
        "source": source,
    })


def src(func, name, variant=None):
    text = "%s test.c: %s \"%s\"" % (REPO, func, name)
    if variant:
        text += " (variant: %s)" % variant
    return text


def chunked_req(body, trailers=()):
    """the complete chunked POST request built around a decoder test"""
    return msg([b"POST", b"/", b"HTTP/1.1"],
               [(b"Host", b"a"), (b"Transfer-Encoding", b"chunked")],
               "chunked", body, trailers)


INCOMPLETE = ("the input stops inside the message and the dump then signals end of "
              "stream, so the stream ends in an incomplete message (error); "
              "picohttpparser answers -2 (needs more bytes): same outcome")

# ===================================================================
# test_request (phr_parse_request)
# ===================================================================
F = "test_request"

add("req-simple", "request", b"GET / HTTP/1.0\r\n\r\n", "ok",
    [msg([b"GET", b"/", b"HTTP/1.0"])],
    "minimal HTTP/1.0 request, no fields: no Host needed in HTTP/1.0, no body (RFC 9112 6.3 rule 7: "
    "request without Content-Length or Transfer-Encoding has length 0)",
    src(F, "simple"))

add("req-partial", "request", b"GET / HTTP/1.0\r\n\r", "error", [],
    "head cut after the CR of the empty line: not yet complete; " + INCOMPLETE,
    src(F, "partial"))

add("req-parse-headers", "request",
    b"GET /hoge HTTP/1.1\r\nHost: example.com\r\nCookie: \r\n\r\n", "ok",
    [msg([b"GET", b"/hoge", b"HTTP/1.1"], [(b"Host", b"example.com"), (b"Cookie", b"")])],
    "two field lines, the second with an empty value (field-value may be empty, RFC 9110 5.5)",
    src(F, "parse headers"))

add("req-multibyte-included", "request",
    b"GET /hoge HTTP/1.1\r\nHost: example.com\r\nUser-Agent: \xe3\x81\xb2\xe3/1.0\r\n\r\n", "ok",
    [msg([b"GET", b"/hoge", b"HTTP/1.1"],
         [(b"Host", b"example.com"), (b"User-Agent", b"\xe3\x81\xb2\xe3/1.0")])],
    "field value with bytes 0x80-0xFF (obs-text, allowed in field-value by RFC 9110 5.5 and the "
    "profile), including a truncated UTF-8 sequence: the value is bytes, not text",
    src(F, "multibyte included"))

add("req-parse-multiline", "request",
    b"GET / HTTP/1.0\r\nfoo: \r\nfoo: b\r\n  \tc\r\n\r\n", "error", [],
    "differs from picohttpparser: a line starting with SP/HTAB inside the head is obs-fold; "
    "picohttpparser accepts it and returns the continuation as a header with no name "
    "(value \"  \\tc\"); the strict profile rejects obs-fold in requests (RFC 9112 5.2: "
    "a server MUST either reject it with 400 or replace it; the profile picks reject)",
    src(F, "parse multiline"))

add("req-header-name-trailing-space", "request",
    b"GET / HTTP/1.0\r\nfoo : ab\r\n\r\n", "error", [],
    "whitespace between field name and colon: RFC 9112 5.1 says a server MUST reject it with "
    "400; picohttpparser rejects it too",
    src(F, "parse header name with trailing space"))

incompletes = [
    ("1", b"GET", "inside the method"),
    ("2", b"GET ", "after the method and its SP"),
    ("3", b"GET /", "inside the request-target"),
    ("4", b"GET / ", "after the request-target and its SP"),
    ("5", b"GET / H", "at the start of the HTTP-version"),
    ("6", b"GET / HTTP/1.", "inside the HTTP-version, before the minor digit"),
    ("7", b"GET / HTTP/1.0", "after the HTTP-version, before CRLF"),
    ("8", b"GET / HTTP/1.0\r", "between the CR and the LF ending the request-line"),
]
for n, data, where in incompletes:
    add("req-incomplete-%s" % n, "request", data, "error", [],
        "the input stops %s; %s" % (where, INCOMPLETE),
        src(F, "incomplete %s" % n))

add("req-empty-method", "request", b" / HTTP/1.0\r\n\r\n", "error", [],
    "request-line starting with SP: the method is empty (method = token = 1*tchar, "
    "RFC 9112 3.1); picohttpparser rejects it too",
    src(F, "empty method"))

add("req-empty-request-target", "request", b"GET  HTTP/1.0\r\n\r\n", "error", [],
    "two SPs after the method and no request-target: the request-line needs single SPs and a "
    "non-empty target (RFC 9112 3; profile: single SPs); picohttpparser rejects it too",
    src(F, "empty request-target"))

add("req-empty-header-name", "request", b"GET / HTTP/1.0\r\n:a\r\n\r\n", "error", [],
    "field line with an empty name: field-name = token (RFC 9110 5.1); picohttpparser rejects it too",
    src(F, "empty header name"))

add("req-header-name-space-only", "request", b"GET / HTTP/1.0\r\n :a\r\n\r\n", "error", [],
    "first line after the request-line starts with SP: whitespace before the first field line "
    "(RFC 9112 2.2: reject or ignore; the profile treats a line starting with SP/HTAB in a request "
    "head as an error); picohttpparser rejects it too",
    src(F, "header name (space only)"))

add("req-nul-in-method", "request", b"G\x00T / HTTP/1.0\r\n\r\n", "error", [],
    "NUL in the method: not a tchar (RFC 9110 5.6.2); picohttpparser rejects it too",
    src(F, "NUL in method"))

add("req-tab-in-method", "request", b"G\tT / HTTP/1.0\r\n\r\n", "error", [],
    "HTAB in the method: not a tchar, and the request-line separator is a single SP "
    "(profile); picohttpparser rejects it too",
    src(F, "tab in method"))

add("req-invalid-method", "request", b":GET / HTTP/1.0\r\n\r\n", "error", [],
    "':' in the method: not a tchar (RFC 9110 5.6.2); picohttpparser rejects it too",
    src(F, "invalid method"))

add("req-del-in-uri-path", "request", b"GET /\x7fhello HTTP/1.0\r\n\r\n", "error", [],
    "DEL (0x7F) in the request-target: the profile bans control bytes and DEL in the target; "
    "picohttpparser rejects it too",
    src(F, "DEL in uri-path"))

add("req-nul-in-header-name", "request", b"GET / HTTP/1.0\r\na\x00b: c\r\n\r\n", "error", [],
    "NUL in a field name: not a tchar; picohttpparser rejects it too",
    src(F, "NUL in header name"))

add("req-nul-in-header-value", "request", b"GET / HTTP/1.0\r\nab: c\x00d\r\n\r\n", "error", [],
    "NUL in a field value: RFC 9110 5.5 (MUST reject or replace with SP; the profile rejects); "
    "picohttpparser rejects it too",
    src(F, "NUL in header value"))

add("req-ctl-in-header-name", "request", b"GET / HTTP/1.0\r\na\x1bb: c\r\n\r\n", "error", [],
    "ESC (0x1B) in a field name: not a tchar; picohttpparser rejects it too",
    src(F, "CTL in header name"))

add("req-ctl-in-header-value", "request", b"GET / HTTP/1.0\r\nab: c\x1b\r\n\r\n", "error", [],
    "ESC (0x1B) in a field value: field-value holds VCHAR, SP, HTAB and obs-text only "
    "(RFC 9110 5.5, profile); picohttpparser rejects it too",
    src(F, "CTL in header value"))

add("req-invalid-char-in-header-name", "request", b"GET / HTTP/1.0\r\n/: 1\r\n\r\n", "error", [],
    "'/' as a field name: not a tchar (RFC 9110 5.6.2); picohttpparser rejects it too "
    "(the peer's test is titled 'invalid char in header value', the bad byte is in the name)",
    src(F, "invalid char in header value"))

add("req-accept-msb-chars", "request", b"GET /\xa0 HTTP/1.0\r\nh: c\xa2y\r\n\r\n", "either",
    [msg([b"GET", b"/\xa0", b"HTTP/1.0"], [(b"h", b"c\xa2y")])],
    "byte 0xA0 in the request-target is `either` by the profile (the URI grammar has no such "
    "byte; RFC 9112 3.2 leaves the answer to the server); 0xA2 in a field value is obs-text, "
    "allowed; picohttpparser accepts (this accepting reading is `messages`)",
    src(F, "accept MSB chars"))

add("req-accept-pipe-tilde-name", "request", b"GET / HTTP/1.0\r\n|~: 1\r\n\r\n", "ok",
    [msg([b"GET", b"/", b"HTTP/1.0"], [(b"|~", b"1")])],
    "'|' and '~' are tchars (RFC 9110 5.6.2), so '|~' is a valid field name; picohttpparser "
    "accepts it too",
    src(F, "accept |~ (though forbidden by SSE)"))

add("req-disallow-brace-name", "request", b"GET / HTTP/1.0\r\n{: 1\r\n\r\n", "error", [],
    "'{' is not a tchar (RFC 9110 5.6.2); picohttpparser rejects it too",
    src(F, "disallow {"))

add("req-exclude-ows-in-value", "request", b"GET / HTTP/1.0\r\nfoo: a \t \r\n\r\n", "ok",
    [msg([b"GET", b"/", b"HTTP/1.0"], [(b"foo", b"a")])],
    "trailing SP/HTAB of a field value is OWS, not part of the value (RFC 9112 5.1); "
    "picohttpparser also reports 'a'",
    src(F, "exclude leading and trailing spaces in header value"))

add("req-multiple-spaces-between-tokens", "request", b"GET   /   HTTP/1.0\r\n\r\n", "error", [],
    "differs from picohttpparser: it accepts runs of SP between the request-line elements; the "
    "grammar has single SPs (RFC 9112 3) and the profile takes that reading (the RFC's MAY for "
    "whitespace-delimited parsing is a leniency the profile does not take)",
    src(F, "accept multiple spaces between tokens"))

# ===================================================================
# test_response (phr_parse_response)
# ===================================================================
F = "test_response"

add("res-simple", "response", b"HTTP/1.0 200 OK\r\n\r\n", "ok",
    [msg([b"HTTP/1.0", b"200", b"OK"], framing="close")],
    "minimal response without Content-Length or Transfer-Encoding: the body runs to the end "
    "of the connection (RFC 9112 6.3 rule 8), which the end of stream completes (empty body)",
    src(F, "simple"))

add("res-partial", "response", b"HTTP/1.0 200 OK\r\n\r", "error", [],
    "head cut after the CR of the empty line; " + INCOMPLETE,
    src(F, "partial"))

add("res-parse-headers", "response",
    b"HTTP/1.1 200 OK\r\nHost: example.com\r\nCookie: \r\n\r\n", "ok",
    [msg([b"HTTP/1.1", b"200", b"OK"], [(b"Host", b"example.com"), (b"Cookie", b"")], "close")],
    "two field lines, the second with an empty value; close-delimited body, empty at end of stream",
    src(F, "parse headers"))

add("res-parse-multiline", "response",
    b"HTTP/1.0 200 OK\r\nfoo: \r\nfoo: b\r\n  \tc\r\n\r\n", "ok",
    [msg([b"HTTP/1.0", b"200", b"OK"], [(b"foo", b""), (b"foo", b"b c")], "close")],
    "obs-fold in a response: the profile accepts it and reads the fold (CRLF followed by "
    "'  \\t') as one SP, so the second value is 'b c' (RFC 9112 5.2: replace each obs-fold with "
    "SP); picohttpparser also accepts but reports the continuation as a separate header with no "
    "name and value '  \\tc' (an API representation, not a different acceptance)",
    src(F, "parse multiline"))

add("res-internal-server-error", "response",
    b"HTTP/1.0 500 Internal Server Error\r\n\r\n", "ok",
    [msg([b"HTTP/1.0", b"500", b"Internal Server Error"], framing="close")],
    "reason phrase with spaces: everything after the SP following the status code",
    src(F, "internal server error"))

res_incompletes = [
    ("1", b"H", "incomplete 1", "inside the HTTP-name"),
    ("2", b"HTTP/1.", "incomplete 2", "inside the HTTP-version"),
    ("3", b"HTTP/1.1", "incomplete 3", "after the HTTP-version"),
    ("4", b"HTTP/1.1 ", "incomplete 4", "after the HTTP-version and its SP"),
    ("5", b"HTTP/1.1 2", "incomplete 5", "inside the status code"),
    ("6", b"HTTP/1.1 200", "incomplete 6", "after the status code (the SP before the reason is still missing)"),
    ("7", b"HTTP/1.1 200 ", "incomplete 7", "after the SP that starts the reason"),
    ("8", b"HTTP/1.1 200 O", "incomplete 8", "inside the reason"),
    ("9", b"HTTP/1.1 200 OK\r", "incomplete 9", "between the CR and the LF ending the status-line"),
    ("10", b"HTTP/1.1 200 OK\r\n", "incomplete 10", "after the status-line, before any field line"),
    ("11-header-cr", b"HTTP/1.1 200 OK\r\nA: 1\r", "incomplete 11",
     "between the CR and the LF ending a field line (second test of that name)"),
    ("12", b"HTTP/1.1 200 OK\r\nA: 1\r\n", "incomplete 12", "after a field line, before the empty line"),
]
for slug, data, name, where in res_incompletes:
    add("res-incomplete-%s" % slug, "response", data, "error", [],
        "the input stops %s; %s" % (where, INCOMPLETE), src(F, name))

add("res-incomplete-11-bare-lf", "response", b"HTTP/1.1 200 OK\n", "error", [],
    "status-line ended by a bare LF, then end of stream: the profile rejects a bare LF "
    "(RFC 9112 2.2 allows a recipient to accept it; the profile does not); picohttpparser "
    "accepts the LF as a line end and answers -2 (needs more bytes); both end in an error here",
    src(F, "incomplete 11"))

add("res-invalid-http-version", "response", b"HTTP/1. 200 OK\r\n\r\n", "error", [],
    "HTTP-version without the minor digit (RFC 9112 2.3: HTTP/DIGIT.DIGIT); picohttpparser "
    "rejects it too",
    src(F, "invalid http version"))

add("res-invalid-http-version-2", "response", b"HTTP/1.2z 200 OK\r\n\r\n", "error", [],
    "garbage after the HTTP-version (and HTTP/1.2 is not 1.0/1.1 anyway, profile); "
    "picohttpparser rejects it too",
    src(F, "invalid http version 2"))

add("res-no-status-code", "response", b"HTTP/1.1  OK\r\n\r\n", "error", [],
    "no status code (status-code = 3DIGIT, RFC 9112 4); picohttpparser rejects it too",
    src(F, "no status code"))

add("res-missing-sp-after-status", "response", b"HTTP/1.1 200\r\n\r\n", "error", [],
    "differs from picohttpparser: it accepts a status-line without the SP after the status code "
    "(empty reason); the profile requires that SP even when the reason is empty "
    "(RFC 9112 4: status-line = HTTP-version SP status-code SP [ reason-phrase ])",
    src(F, "accept missing trailing whitespace in status-line"))

add("res-garbage-after-status-1", "response", b"HTTP/1.1 200X\r\n\r\n", "error", [],
    "a non-digit right after the 3-digit status code; picohttpparser rejects it too",
    src(F, "garbage after status 1"))
add("res-garbage-after-status-2", "response", b"HTTP/1.1 200X \r\n\r\n", "error", [],
    "a non-digit right after the 3-digit status code; picohttpparser rejects it too",
    src(F, "garbage after status 2"))
add("res-garbage-after-status-3", "response", b"HTTP/1.1 200X OK\r\n\r\n", "error", [],
    "a non-digit right after the 3-digit status code; picohttpparser rejects it too",
    src(F, "garbage after status 3"))

add("res-exclude-ows-in-value", "response",
    b"HTTP/1.1 200 OK\r\nbar: \t b\t \t\r\n\r\n", "ok",
    [msg([b"HTTP/1.1", b"200", b"OK"], [(b"bar", b"b")], "close")],
    "leading and trailing SP/HTAB around a field value are OWS (RFC 9112 5.1): value 'b'; "
    "picohttpparser also reports 'b'",
    src(F, "exclude leading and trailing spaces in header value"))

add("res-multiple-spaces-between-tokens", "response", b"HTTP/1.1   200   OK\r\n\r\n", "error", [],
    "differs from picohttpparser: it accepts runs of SP between the status-line elements; the "
    "status-line has single SPs (RFC 9112 4) and the profile takes that reading: after "
    "'HTTP/1.1 ' the next byte must be the first digit of the status code",
    src(F, "accept multiple spaces between tokens"))

# ===================================================================
# test_headers (phr_parse_headers): the field block after a request-line
# ===================================================================
F = "test_headers"
HNOTE = ("phr_parse_headers parses a field block alone; here it follows the request-line "
         "'GET / HTTP/1.1' (the block carries Host). ")

add("hdr-partial", "request", HEADERS_LINE + b"Host: example.com\r\nCookie: \r\n\r", "error", [],
    HNOTE + "The block is cut after the CR of the empty line; " + INCOMPLETE,
    src(F, "partial"))

add("hdr-error", "request", HEADERS_LINE + b"Host: e\x07fample.com\r\nCookie: \r\n\r", "error", [],
    HNOTE + "The C literal \"e\\7fample\" is 'e', BEL (0x07), 'fample': a control byte in a "
    "field value (RFC 9110 5.5, profile), and in the Host value; picohttpparser rejects it "
    "(-1). The input also stops after the CR of the empty line, so it would end in an error "
    "in any case",
    src(F, "error"))

# ===================================================================
# chunked decoder (phr_decode_chunked) -> chunked POST requests
# ===================================================================
CNOTE = ("phr_decode_chunked test: the chunked bytes follow the head '" +
         "POST / HTTP/1.1, Host: a, Transfer-Encoding: chunked' (request case). ")
NOEND = ("differs from picohttpparser's consume_trailer=0 answer only: its test runs the decoder with consume_trailer=0, which stops after the "
         "last-chunk line and leaves the trailer section to the caller (answer 0 = done); in a "
         "stream the message also needs its trailer section and final CRLF (RFC 9112 7.1), and "
         "the stream ends before them, so it is an incomplete message (error); picohttpparser's "
         "test_chunked_consume_trailer decodes the same bytes with consume_trailer=1 and answers "
         "-2 (needs more bytes), which agrees")

F = "test_chunked"
add("chunked-one-chunk-no-end", "request", CHUNKED_HEAD + b"b\r\nhello world\r\n0\r\n", "error", [],
    NOEND + ". " + CNOTE + "One chunk of 11 bytes, then the last chunk",
    src(F, "b\\r\\nhello world\\r\\n0\\r\\n (1st and 5th case; consume_trailer 0 and 1)"))

add("chunked-two-chunks-no-end", "request",
    CHUNKED_HEAD + b"6\r\nhello \r\n5\r\nworld\r\n0\r\n", "error", [],
    NOEND + ". " + CNOTE + "Two chunks, then the last chunk. See the '-end' variant for the "
    "complete message",
    src(F, "6\\r\\nhello \\r\\n5\\r\\nworld\\r\\n0\\r\\n (2nd case; consume_trailer 0 and 1)"))

add("chunked-two-chunks-no-end-end", "request",
    CHUNKED_HEAD + b"6\r\nhello \r\n5\r\nworld\r\n0\r\n\r\n", "ok",
    [chunked_req(b"hello world")],
    CNOTE + "Derived: the case above with the final CRLF added, so the chunks are checked in a "
    "complete message (body 'hello world', no trailers)",
    src(F, "6\\r\\nhello \\r\\n5\\r\\nworld\\r\\n0\\r\\n (2nd case)", "final CRLF added"))

add("chunked-ext-no-end", "request",
    CHUNKED_HEAD + b"6;comment=hi\r\nhello \r\n5\r\nworld\r\n0\r\n", "error", [],
    NOEND + ". " + CNOTE + "A chunk extension ';comment=hi' (token value, RFC 9112 7.1.1). "
    "See the '-end' variant for the complete message",
    src(F, "6;comment=hi\\r\\nhello ... (3rd case; consume_trailer 0 and 1)"))

add("chunked-ext-no-end-end", "request",
    CHUNKED_HEAD + b"6;comment=hi\r\nhello \r\n5\r\nworld\r\n0\r\n\r\n", "ok",
    [chunked_req(b"hello world")],
    CNOTE + "Derived: the case above with the final CRLF added; the extension is valid "
    "(chunk-ext-name '=' token, RFC 9112 7.1.1) and is not part of the body",
    src(F, "6;comment=hi\\r\\nhello ... (3rd case)", "final CRLF added"))

add("chunked-ext-bws-no-end", "request",
    CHUNKED_HEAD + b"6 ; comment\r\nhello \r\n5\r\nworld\r\n0\r\n", "error", [],
    NOEND + ". " + CNOTE + "A chunk extension ' ; comment' with BWS before and after ';' and no "
    "value. See the '-end' variant for the complete message",
    src(F, "6 ; comment\\r\\nhello ... (4th case)"))

add("chunked-ext-bws-no-end-end", "request",
    CHUNKED_HEAD + b"6 ; comment\r\nhello \r\n5\r\nworld\r\n0\r\n\r\n", "ok",
    [chunked_req(b"hello world")],
    CNOTE + "Derived: the case above with the final CRLF added. chunk-ext = *( BWS ';' BWS "
    "chunk-ext-name [ BWS '=' BWS chunk-ext-val ] ) (RFC 9112 7.1.1): SP before and after ';' "
    "is BWS and a name without value is allowed; the profile names BWS around ';' as allowed; "
    "picohttpparser accepts it too",
    src(F, "6 ; comment\\r\\nhello ... (4th case)", "final CRLF added"))

add("chunked-trailers", "request",
    CHUNKED_HEAD + b"6\r\nhello \r\n5\r\nworld\r\n0\r\na: b\r\nc: d\r\n\r\n", "ok",
    [chunked_req(b"hello world", [(b"a", b"b"), (b"c", b"d")])],
    CNOTE + "Two chunks, then a trailer section with two fields 'a: b' and 'c: d' (not framing "
    "or routing fields, so allowed by the profile); picohttpparser decodes 'hello world' and, "
    "with consume_trailer=0, leaves the 16 trailer bytes to the caller; with consume_trailer=1 "
    "it consumes them (answer 0)",
    src(F, "6\\r\\nhello ... 0\\r\\na: b\\r\\nc: d\\r\\n\\r\\n (6th case; consume_trailer 0 and 1)"))

add("chunked-fail-bad-size", "request", CHUNKED_HEAD + b"z\r\nabcdefg", "error", [],
    CNOTE + "chunk-size 'z' is not HEXDIG (RFC 9112 7.1); picohttpparser rejects it too",
    src(F, "failure z\\r\\nabcdefg"))

add("chunked-fail-size-max-u64", "request",
    CHUNKED_HEAD + b"6\r\nhello \r\nffffffffffffffff\r\nabcdefg", "error", [],
    CNOTE + "second chunk-size is 16 'f' = 2^64-1, which fits u64 (the profile's bound), so it "
    "is a valid size; the 7 data bytes that follow are far short of it and the stream ends: "
    "incomplete message (error); picohttpparser answers -2 (needs more bytes): same outcome",
    src(F, "failure 6\\r\\nhello \\r\\nffffffffffffffff\\r\\nabcdefg"))

add("chunked-fail-size-overflow", "request",
    CHUNKED_HEAD + b"6\r\nhello \r\nfffffffffffffffff\r\nabcdefg", "error", [],
    CNOTE + "second chunk-size is 17 'f', which does not fit u64 (profile: chunk-size fits u64); "
    "picohttpparser rejects it too",
    src(F, "failure 6\\r\\nhello \\r\\nfffffffffffffffff\\r\\nabcdefg"))

add("chunked-fail-size-garbage", "request", CHUNKED_HEAD + b"1x\r\na\r\n0\r\n", "error", [],
    CNOTE + "chunk-size '1' followed by 'x': after 1*HEXDIG only an extension (';'), BWS before "
    "one, or CRLF may follow (RFC 9112 7.1); picohttpparser rejects it too (its PR #78)",
    src(F, "failure 1x\\r\\na\\r\\n0\\r\\n"))

F = "test_chunked_consume_trailer"
add("chunked-complete", "request", CHUNKED_HEAD + b"b\r\nhello world\r\n0\r\n\r\n", "ok",
    [chunked_req(b"hello world")],
    CNOTE + "One chunk, the last chunk and an empty trailer section: a complete message; "
    "picohttpparser (consume_trailer=1) agrees",
    src(F, "b\\r\\nhello world\\r\\n0\\r\\n\\r\\n"))

add("chunked-bare-lf", "request", CHUNKED_HEAD + b"b\nhello world\n0\n\n", "error", [],
    "differs from picohttpparser: every line of the chunked body ends in a bare LF; "
    "picohttpparser accepts LF as a line end and decodes 'hello world'; the profile requires "
    "CRLF (chunk = chunk-size [ chunk-ext ] CRLF chunk-data CRLF, RFC 9112 7.1; a bare LF is "
    "an error, the LF-tolerance of RFC 9112 2.2 is an off-by-default option). " + CNOTE,
    src(F, "b\\nhello world\\n0\\n\\n"))

F = "test_chunked_leftdata"
add("chunked-leftdata", "request",
    CHUNKED_HEAD + b"5\r\nabcde\r\n0\r\n\r\n" + b"GET / HTTP/1.1\r\n\r\n", "error",
    [chunked_req(b"abcde")],
    "differs from picohttpparser in a part its test does not check: phr_parse_request does not "
    "require Host, the profile does. " +
    CNOTE + "A chunked body followed on the same stream by the next request: the decoder must "
    "stop right after the chunked body (picohttpparser returns the 18 following bytes as left "
    "over). The next request is HTTP/1.1 without Host, which the profile rejects "
    "(RFC 9112 3.2), so the stream ends in an error after the first message; the '-host' "
    "variant adds Host so that the case tests what it was written for",
    src(F, "5\\r\\nabcde\\r\\n0\\r\\n\\r\\n followed by GET / HTTP/1.1"))

add("chunked-leftdata-host", "request",
    CHUNKED_HEAD + b"5\r\nabcde\r\n0\r\n\r\n" + b"GET / HTTP/1.1\r\nHost: example.com\r\n\r\n", "ok",
    [chunked_req(b"abcde"), msg([b"GET", b"/", b"HTTP/1.1"], [(b"Host", b"example.com")])],
    CNOTE + "Derived: the case above with 'Host: example.com' added after the second "
    "request-line; two messages, the chunked one (body 'abcde') and the GET",
    src(F, "5\\r\\nabcde\\r\\n0\\r\\n\\r\\n followed by GET / HTTP/1.1", "Host field added"))

# test_chunked_overhead: do_test_chunked_overhead(chunk_len, chunk_count, extra)
# builds chunk_count chunks "%zx%s\r\n" + chunk_len * 'A' + "\r\n", then "0\r\n\r\n".
F = "test_chunked_overhead"


def overhead(chunk_len, count, extra):
    one = b"%x%s\r\n" % (chunk_len, extra) + b"A" * chunk_len + b"\r\n"
    return one * count + b"0\r\n\r\n"


ONOTE = ("picohttpparser rejects a chunked body larger than 100 KB in which chunk-size lines and "
         "CRLFs make more than 80 %% of the bytes (its PR #81, a denial-of-service heuristic). ")
overheads = [
    ("chunked-overhead-100x10000", 100, 10000, b"", True,
     "10000 chunks of 100 bytes (1 MB body, overhead about 5 %); picohttpparser accepts"),
    ("chunked-overhead-10x100000", 10, 100000, b"", True,
     "100000 chunks of 10 bytes (1 MB body, overhead 1/3); picohttpparser accepts"),
    ("chunked-overhead-1x1000000", 1, 1000000, b"", False,
     "1000000 chunks of 1 byte (1 MB body, 5 bytes of framing per data byte)"),
    ("chunked-overhead-10x100000-tiny-ext", 10, 100000, b"; tiny=1", True,
     "100000 chunks of 10 bytes, each with the extension '; tiny=1'; picohttpparser accepts"),
    ("chunked-overhead-10x100000-large-ext", 10, 100000,
     b"; large=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", False,
     "100000 chunks of 10 bytes, each with a 53-byte extension '; large=a...a'"),
]
for slug, clen, count, extra, peer_ok, what in overheads:
    if peer_ok:
        note = (CNOTE + ONOTE % () + what + "; the profile does not limit the number of chunks, "
                "and each chunk-size line with its extension is far below the 4 KiB line limit: ok")
    else:
        note = ("differs from picohttpparser: " + what +
                "; picohttpparser rejects it (-1): " + ONOTE % () +
                "The profile says 'the number of chunks is not limited' and bounds only each "
                "chunk-size line (4 KiB with its extensions), so the message is valid (RFC 9112 7.1 "
                "sets no such limit): ok. " + CNOTE)
    if not FULL:
        note += (" (Scaled to a twentieth of the peer's chunk count, %d chunks, so the corpus "
                 "stays small; the make script's --full flag writes the peer's size; at this size picohttpparser's 100 KB rule does not apply.)" % (count // SCALE))
    count //= SCALE
    add(slug, "request", CHUNKED_HEAD + overhead(clen, count, extra), "ok",
        [chunked_req(b"A" * (clen * count))], note,
        src(F, "do_test_chunked_overhead(%d, %d, \"%s\")" % (clen, count, extra.decode())))


def main():
    with open(OUT, "w") as f:
        json.dump(cases, f, ensure_ascii=True, indent=1)
        f.write("\n")
    counts = {}
    for c in cases:
        counts[c["expect"]] = counts.get(c["expect"], 0) + 1
    print("%d cases -> %s %s" % (len(cases), OUT, counts))


if __name__ == "__main__":
    main()
