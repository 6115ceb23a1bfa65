#!/usr/bin/env python3
"""Build tests/corpus/h11.json: h1wire corpus cases from the test suite of h11.

h11 (https://github.com/python-hyper/h11, MIT licence) keeps its tests in
h11/tests/. Only the byte streams of those tests are taken here; each case's
expectation is decided by the strict profile of CONFORMANCE.md section 3 and
RFC 9112 / RFC 9110, not by h11's answer. Where h11 answers differently the
note says so ("differs from h11: ...").

Run: python3 tests/corpus/make/h11.py   (writes tests/corpus/h11.json)
"""

import json
import os

from common import b2s, req, line_res as res

REPO = "python-hyper/h11"
# Stored versions read with the search tool's read_file (the newest ones the
# index holds; the index reports no commit for some of them).
VERSIONS = {
    "test_io.py": "commit 114803a29ce5",
    "test_connection.py": "commit e22339d4adcc",
    "test_headers.py": "newest stored version, typed, commit not reported by the index",
    "test_events.py": "newest stored version, typed, commit not reported by the index",
    "test_receivebuffer.py": "commit 489de4d93259",
}

CASES = []
SEEN = {}
DUPLICATES = []  # (source, id of the earlier case with the same stream)


def src(fname, test, detail=None, derived=None):
    s = "%s h11/tests/%s (%s): %s" % (REPO, fname, VERSIONS[fname], test)
    if detail:
        s += ", " + detail
    if derived:
        s += " (variant: %s)" % derived
    return s


def add(slug, mode, data, expect, messages, note, source, methods=()):
    assert isinstance(data, bytes)
    assert expect in ("ok", "error", "either")
    cid = "h11-" + slug
    assert cid not in {c["id"] for c in CASES}, cid
    key = (mode, tuple(methods), data)
    if key in SEEN:
        DUPLICATES.append((source, SEEN[key]))
        for c in CASES:
            if c["id"] == SEEN[key]:
                c["source"] += "; the same bytes also in " + source.split(": ", 1)[0].split(" (")[0].replace(
                    REPO + " h11/tests/", "") + ": " + source.split("): ", 1)[1]
        return
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


def add_host_variant(slug, data, expect, messages, note, source, host=b"example.com"):
    """The same request with a Host field after its request-line (-host)."""
    first, rest = data.split(b"\r\n", 1)
    data2 = first + b"\r\nHost: " + host + b"\r\n" + rest
    add(slug + "-host", "request", data2, expect, messages,
        note + "; derived: a Host field was added after the request-line, since the "
        "HTTP/1.1 original is rejected for its missing Host before anything else matters",
        source + " (variant: Host field added)")


NOHOST = ("h11's test sends this HTTP/1.1 request without a Host field; the profile "
          "rejects that too (RFC 9112 3.2), so the -host variant checks the feature itself")

# ---------------------------------------------------------------------------
# test_io.py
# ---------------------------------------------------------------------------
F = "test_io.py"

# SIMPLE_CASES (test_readers_simple; the same bytes are test_writers_simple's
# output). tr() also feeds each one followed by b"trailing".
s = src(F, "SIMPLE_CASES / test_readers_simple", "request")
d = b"GET /a HTTP/1.1\r\nHost: foo\r\nConnection: close\r\n\r\n"
m = req("GET", "/a", "HTTP/1.1", [("Host", "foo"), ("Connection", "close")])
add("io-simple-get-close", "request", d, "ok", [m],
    "a plain request with Host and Connection: close, no body (RFC 9112 6.3 step 7: length 0)", s)
add("io-simple-get-close-trailing", "request", d + b"trailing", "either", [m],
    "bytes follow a request with Connection: close: the profile allows stopping or going on "
    "(CONFORMANCE.md 3, Connections); going on, 'trailing' is a request cut short by end of "
    "stream (error after 1 message). h11's reader test only checks that it leaves the bytes unread",
    src(F, "SIMPLE_CASES / test_readers_simple", "request followed by b\"trailing\" as tr() does"))

s = src(F, "SIMPLE_CASES / test_readers_simple", "200 with Connection: close")
d = b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n"
add("io-simple-200-close", "response", d, "ok",
    [res("HTTP/1.1", 200, "OK", [("Connection", "close")], "close")],
    "response without Content-Length or Transfer-Encoding: body delimited by end of stream "
    "(RFC 9112 6.3 step 8), here empty", s)
add("io-simple-200-close-trailing", "response", d + b"trailing", "ok",
    [res("HTTP/1.1", 200, "OK", [("Connection", "close")], "close", b"trailing")],
    "close-delimited body: the bytes after the head are the body up to end of stream "
    "(RFC 9112 6.3 step 8); h11's head reader test only checks that it leaves them unread",
    src(F, "SIMPLE_CASES / test_readers_simple", "200 with Connection: close, followed by b\"trailing\""))

s = src(F, "SIMPLE_CASES / test_readers_simple", "200 without fields")
d = b"HTTP/1.1 200 OK\r\n\r\n"
add("io-simple-200-bare", "response", d, "ok",
    [res("HTTP/1.1", 200, "OK", [], "close")],
    "response head without fields: close-delimited body, empty (RFC 9112 6.3 step 8)", s)
add("io-simple-200-bare-trailing", "response", d + b"trailing", "ok",
    [res("HTTP/1.1", 200, "OK", [], "close", b"trailing")],
    "close-delimited body 'trailing' (RFC 9112 6.3 step 8)",
    src(F, "SIMPLE_CASES / test_readers_simple", "200 without fields, followed by b\"trailing\""))

s = src(F, "SIMPLE_CASES / test_readers_simple", "101 with Upgrade: websocket")
d = b"HTTP/1.1 101 Upgrade\r\nUpgrade: websocket\r\n\r\n"
mm = [res("HTTP/1.1", 101, "Upgrade", [("Upgrade", "websocket")], "upgrade")]
add("io-simple-101-websocket", "response", d, "ok", mm,
    "101 Switching Protocols: the connection leaves HTTP/1 after the head (profile framing 1, "
    "RFC 9110 15.2.2)", s)
add("io-simple-101-websocket-trailing", "response", d + b"trailing", "ok", mm,
    "101: the bytes after the head belong to the new protocol and are not decoded "
    "(CONFORMANCE.md 1, framing upgrade)",
    src(F, "SIMPLE_CASES / test_readers_simple", "101 with Upgrade: websocket, followed by b\"trailing\""))

s = src(F, "SIMPLE_CASES / test_readers_simple", "101 without fields")
d = b"HTTP/1.1 101 Upgrade\r\n\r\n"
mm = [res("HTTP/1.1", 101, "Upgrade", [], "upgrade")]
add("io-simple-101-bare", "response", d, "ok", mm,
    "101 without an Upgrade field: the profile switches on any 101 (framing 1); RFC 9110 "
    "15.2.2's 'server MUST generate an Upgrade header field' binds the sender, not the framing", s)
add("io-simple-101-bare-trailing", "response", d + b"trailing", "ok", mm,
    "101: bytes after the head belong to the new protocol",
    src(F, "SIMPLE_CASES / test_readers_simple", "101 without fields, followed by b\"trailing\""))

# test_readers_unusual
T = "test_readers_unusual"
add("io-head-http10-field", "request", b"HEAD /foo HTTP/1.0\r\nSome: header\r\n\r\n", "ok",
    [req("HEAD", "/foo", "HTTP/1.0", [("Some", "header")])],
    "HTTP/1.0 request: no Host needed (the Host rule of the profile is for HTTP/1.1)",
    src(F, T, "reading HTTP/1.0"))
add("io-head-http10-no-fields", "request", b"HEAD /foo HTTP/1.0\r\n\r\n", "ok",
    [req("HEAD", "/foo", "HTTP/1.0", [])],
    "HTTP/1.0 request with no fields at all", src(F, T, "no headers, HTTP/1.0"))
add("io-res-http10-field", "response", b"HTTP/1.0 200 OK\r\nSome: header\r\n\r\n", "ok",
    [res("HTTP/1.0", 200, "OK", [("Some", "header")], "close")],
    "HTTP/1.0 response, close-delimited body (empty)", src(F, T, "HTTP/1.0 response"))
add("io-res-value-inner-spaces", "response", b"HTTP/1.0 200 OK\r\nFoo: a a a a a \r\n\r\n", "ok",
    [res("HTTP/1.0", 200, "OK", [("Foo", "a a a a a")], "close")],
    "single-character words in a value; trailing OWS is not part of the value (RFC 9112 5.1)",
    src(F, T, "single-character header values"))
add("io-res-empty-value", "response", b"HTTP/1.0 200 OK\r\nFoo:\r\n\r\n", "ok",
    [res("HTTP/1.0", 200, "OK", [("Foo", "")], "close")],
    "empty field value (field-value = *field-content, RFC 9110 5.5)", src(F, T, "empty headers"))
add("io-res-whitespace-only-value", "response", b"HTTP/1.0 200 OK\r\nFoo: \t \t \r\n\r\n", "ok",
    [res("HTTP/1.0", 200, "OK", [("Foo", "")], "close")],
    "a value of OWS only reads as empty (RFC 9112 5.1)", src(F, T, "whitespace-only header value"))
add("io-res-no-sp-after-status", "response", b"HTTP/1.0 200\r\nFoo: bar\r\n\r\n", "error", [],
    "differs from h11: h11 tolerates a status-line that ends right after the status code; the "
    "profile's status-line needs the SP before the (possibly empty) reason (RFC 9112 4: "
    "status-line = HTTP-version SP status-code SP [ reason-phrase ])",
    src(F, T, "tolerate broken servers that leave off the response code"))
add("io-res-lf-before-empty-line", "response", b"HTTP/1.1 200 OK\r\nSomeHeader: val\n\r\n", "error", [],
    "differs from h11: h11 accepts a field line ended by a bare LF; the profile requires CRLF "
    "(RFC 9112 2.2; bare LF is an off-by-default option)",
    src(F, T, "tolerate headers line endings, \\n\\r\\n between headers and body"))
add("io-res-lf-only", "response",
    b"HTTP/1.1 200 OK\nSomeHeader1: val1\nSomeHeader2: val2\n\n", "error", [],
    "differs from h11: h11 accepts a head whose lines all end in bare LF; the profile requires "
    "CRLF (RFC 9112 2.2)", src(F, T, "delimited only with \\n"))
add("io-res-mixed-crlf-lf", "response",
    b"HTTP/1.1 200 OK\r\nSomeHeader1: val1\nSomeHeader2: val2\n\r\n", "error", [],
    "differs from h11: h11 accepts CRLF and bare LF mixed; the profile requires CRLF (RFC 9112 2.2)",
    src(F, T, "mixed \\r\\n and \\n"))

FOLD = (b"Host: example.com\r\n"
        b"Some: multi-line\r\n"
        b" header\r\n"
        b"\tnonsense\r\n"
        b"    \t   \t\tI guess\r\n"
        b"Connection: close\r\n"
        b"More-nonsense: in the\r\n"
        b"    last header  \r\n\r\n")
add("io-req-obs-fold", "request", b"HEAD /foo HTTP/1.1\r\n" + FOLD, "error", [],
    "differs from h11: h11 unfolds obs-fold in a request; the profile rejects obs-fold in requests "
    "(RFC 9112 5.2 lets a server reject it with 400; the strict profile does)",
    src(F, T, "obsolete line folding"))
add("io-res-obs-fold", "response", b"HTTP/1.1 200 OK\r\n" + FOLD, "ok",
    [res("HTTP/1.1", 200, "OK", [("Host", "example.com"),
                                 ("Some", "multi-line header nonsense I guess"),
                                 ("Connection", "close"),
                                 ("More-nonsense", "in the last header")], "close")],
    "derived: h11's folded field lines under a status-line. In a response the profile accepts "
    "obs-fold and reads each fold (obs-fold = OWS CRLF RWS, RFC 9112 5.2) as one SP, so the "
    "values are those h11 gives for its request",
    src(F, T, "obsolete line folding", derived="the folded fields in a response"))

d = b"HEAD /foo HTTP/1.1\r\n  folded: line\r\n\r\n"
note = ("a continuation line (leading whitespace) right after the request-line: obs-fold in a "
        "request is an error, and here there is no line to continue (RFC 9112 5.2); h11 rejects it too")
add("io-req-fold-first-line", "request", d, "error", [], note + "; " + NOHOST,
    src(F, T, "continuation line at start of headers"))
add_host_variant("io-req-fold-first-line", d, "error", [],
                 "differs from h11: with a Host line before it, h11 unfolds the continuation line "
                 "into the Host value ('example.com folded: line') and accepts the request; obs-fold "
                 "in a request is an error in the profile (RFC 9112 5.2 lets a server reject it)", src(F, T, "continuation line at start of headers"))

add("io-res-fold-first-line", "response", b"HTTP/1.1 200 OK\r\n  folded: line\r\n\r\n", "error", [],
    "derived: h11's leading continuation line under a status-line. There is no field line for it "
    "to continue: RFC 9112 2.2 lets a recipient reject the message or consume such lines without "
    "processing them; the strict profile takes the reading that leaves no hidden field, rejection "
    "(the profile's acceptance of obs-fold in responses is for folds that continue a field line)",
    src(F, T, "continuation line at start of headers", derived="under a status-line"))

for slug, line, what in [
    ("io-req-space-before-colon", b"foo  : line", "spaces between field name and colon"),
    ("io-req-tab-before-colon", b"foo\t: line", "a tab between field name and colon"),
    ("io-req-empty-field-name", b": line", "an empty field name"),
]:
    d = b"HEAD /foo HTTP/1.1\r\n" + line + b"\r\n\r\n"
    if slug == "io-req-empty-field-name":
        why = "field-name = token, which is at least one tchar (RFC 9110 5.1); h11 rejects it too"
    else:
        why = ("no whitespace is allowed between field name and colon; a server MUST reject it "
               "with 400 (RFC 9112 5.1); h11 rejects it too")
    extra = ", repeated twice in the test" if slug == "io-req-tab-before-colon" else ""
    add(slug, "request", d, "error", [], what + ": " + why + "; " + NOHOST,
        src(F, T, what + extra))
    add_host_variant(slug, d, "error", [], what + ": " + why, src(F, T, what + extra))

# Body readers, wrapped in a head that selects them.
CHUNKED_HEAD = b"POST / HTTP/1.1\r\nHost: example.com\r\nTransfer-Encoding: chunked\r\n\r\n"
CH_HDRS = [("Host", "example.com"), ("Transfer-Encoding", "chunked")]
WRAP_CH = ("h11 feeds these bytes to its ChunkedReader alone; here they follow a request head "
           "with Transfer-Encoding: chunked")


def cl_head(n):
    return b"POST / HTTP/1.1\r\nHost: example.com\r\nContent-Length: %d\r\n\r\n" % n


def cl_hdrs(n):
    return [("Host", "example.com"), ("Content-Length", str(n))]


WRAP_CL = ("h11 feeds the body to its ContentLengthReader alone; here it follows a request head "
           "with that Content-Length")
T = "test_ContentLengthReader"
add("io-cl-0", "request", cl_head(0), "ok",
    [req("POST", "/", "HTTP/1.1", cl_hdrs(0), "length", b"")],
    "Content-Length: 0, empty body (RFC 9112 6.3 step 6); " + WRAP_CL, src(F, T, "length 0"))
add("io-cl-10", "request", cl_head(10) + b"0123456789", "ok",
    [req("POST", "/", "HTTP/1.1", cl_hdrs(10), "length", b"0123456789")],
    "Content-Length: 10 with 10 body bytes; " + WRAP_CL, src(F, T, "length 10"))

T = "test_Http10Reader"
WRAP_10 = ("h11 feeds the body to its Http10Reader (read until close) alone; here it follows an "
           "HTTP/1.0 response head with neither Content-Length nor Transfer-Encoding")
add("io-http10-body-empty", "response", b"HTTP/1.0 200 OK\r\n\r\n", "ok",
    [res("HTTP/1.0", 200, "OK", [], "close")],
    "close-delimited body, empty: end of stream completes it (RFC 9112 6.3 step 8); " + WRAP_10,
    src(F, T, "b\"\" with end of stream"))
add("io-http10-body-asdf", "response", b"HTTP/1.0 200 OK\r\n\r\nasdf", "ok",
    [res("HTTP/1.0", 200, "OK", [], "close", b"asdf")],
    "close-delimited body 'asdf' completed by end of stream; h11 also checks that without end "
    "of stream no EndOfMessage comes, which the dump (always signalling end of stream) cannot "
    "express, so its two 'asdf' tests are this one case; " + WRAP_10,
    src(F, T, "b\"asdf\" without and with end of stream"))

T = "test_ChunkedReader"
add("io-chunked-last-chunk-only", "request", CHUNKED_HEAD + b"0\r\n\r\n", "ok",
    [req("POST", "/", "HTTP/1.1", CH_HDRS, "chunked", b"")],
    "chunked body with only the last chunk (RFC 9112 7.1); " + WRAP_CH, src(F, T, "0\\r\\n\\r\\n"))
add("io-chunked-trailer-only", "request", CHUNKED_HEAD + b"0\r\nSome: header\r\n\r\n", "ok",
    [req("POST", "/", "HTTP/1.1", CH_HDRS, "chunked", b"", [("Some", "header")])],
    "last chunk followed by a trailer field (RFC 9112 7.1.2); " + WRAP_CH,
    src(F, T, "last chunk with trailer"))
add("io-chunked-two-chunks-trailer", "request",
    CHUNKED_HEAD + b"5\r\n01234\r\n10\r\n0123456789abcdef\r\n0\r\nSome: header\r\n\r\n", "ok",
    [req("POST", "/", "HTTP/1.1", CH_HDRS, "chunked", b"012340123456789abcdef", [("Some", "header")])],
    "two chunks (sizes 5 and 0x10) then a trailer; " + WRAP_CH, src(F, T, "two chunks and a trailer"))
add("io-chunked-two-chunks", "request",
    CHUNKED_HEAD + b"5\r\n01234\r\n10\r\n0123456789abcdef\r\n0\r\n\r\n", "ok",
    [req("POST", "/", "HTTP/1.1", CH_HDRS, "chunked", b"012340123456789abcdef")],
    "two chunks, no trailer; " + WRAP_CH, src(F, T, "two chunks"))
add("io-chunked-mixed-case-hex", "request",
    CHUNKED_HEAD + b"aA\r\n" + b"x" * 0xAA + b"\r\n0\r\n\r\n", "ok",
    [req("POST", "/", "HTTP/1.1", CH_HDRS, "chunked", b"x" * 0xAA)],
    "chunk-size in upper- and lowercase hex (HEXDIG is case-insensitive in ABNF, RFC 5234 2.3); "
    + WRAP_CH, src(F, T, "upper and lowercase hex"))
add("io-chunked-size-100-digits", "request", CHUNKED_HEAD + b"9" * 100 + b"\r\nxxx", "error", [],
    "a chunk-size of 100 hex digits does not fit u64: error (profile, chunked bodies). h11 "
    "refuses it too (it takes at most 20 digits). The input also ends inside the chunk, so this "
    "case cannot tell an overflow error from an incomplete one; " + WRAP_CH,
    src(F, T, "refuses arbitrarily long chunk integers"))
add("io-chunked-nul-in-size", "request", CHUNKED_HEAD + b"10\x00\r\nxxx", "error", [],
    "a NUL after the chunk-size: not HEXDIG nor a chunk-ext (RFC 9112 7.1); h11 refuses it too. "
    "The input also ends inside the chunk: see the -complete variant; " + WRAP_CH,
    src(F, T, "refuses garbage in the chunk count"))
add("io-chunked-nul-in-size-complete", "request",
    CHUNKED_HEAD + b"10\x00\r\n0123456789abcdef\r\n0\r\n\r\n", "error", [],
    "derived: the same bad chunk-size line with a full 16-byte chunk and a last chunk, so a "
    "decoder that ignored the NUL would accept the stream instead of failing at end of stream; "
    + WRAP_CH, src(F, T, "refuses garbage in the chunk count", derived="chunk completed and last chunk added"))
add("io-chunked-extensions", "request",
    CHUNKED_HEAD + b"5; hello=there\r\nxxxxx\r\n" + b'0; random="junk"; some=more; canbe=lonnnnngg\r\n\r\n',
    "ok", [req("POST", "/", "HTTP/1.1", CH_HDRS, "chunked", b"xxxxx")],
    "chunk extensions with BWS after ';', token and quoted-string values (RFC 9112 7.1.1); "
    "they are not part of the data; " + WRAP_CH, src(F, T, "handles (and discards) chunk extensions"))
add("io-chunked-ws-after-size", "request", CHUNKED_HEAD + b"5   \t \r\n01234\r\n0\r\n\r\n", "error", [],
    "differs from h11: h11 accepts whitespace after the chunk-size; the profile rejects whitespace "
    "after the size when no extension follows (RFC 9112 7.1: chunk = chunk-size [ chunk-ext ] CRLF; "
    "BWS is only allowed around ';' and '='); " + WRAP_CH,
    src(F, T, "trailing whitespace after the chunk size"))
for slug, data, what in [
    ("io-chunked-bad-terminator", b"3\r\nxxx__1a\r\n", "two bytes other than CRLF after the chunk data"),
    ("io-chunked-bad-terminator-cr", b"3\r\nxxx\r_1a\r\n", "CR followed by a byte other than LF after the chunk data"),
    ("io-chunked-bad-terminator-lf", b"3\r\nxxx_\n1a\r\n", "a byte other than CR before LF after the chunk data"),
]:
    tail = {"io-chunked-bad-terminator": b"3\r\nxxx__0\r\n\r\n",
            "io-chunked-bad-terminator-cr": b"3\r\nxxx\r_0\r\n\r\n",
            "io-chunked-bad-terminator-lf": b"3\r\nxxx_\n0\r\n\r\n"}[slug]
    tname = ("bad chunk termination characters are refused" if slug == "io-chunked-bad-terminator"
             else "confirm we check both bytes individually")
    add(slug, "request", CHUNKED_HEAD + data, "error", [],
        what + ": chunk-data must be followed by exactly CRLF (RFC 9112 7.1; profile); h11 refuses it "
        "too. The input also ends without a last chunk: see the -then-last-chunk variant; " + WRAP_CH,
        src(F, T, tname))
    add(slug + "-then-last-chunk", "request", CHUNKED_HEAD + tail, "error", [],
        "derived: " + what + ", then a last chunk where h11's test has '1a', so a decoder that skips "
        "two bytes without checking them would accept the stream as body 'xxx' instead of failing; "
        + WRAP_CH, src(F, T, tname, derived="'1a\\r\\n' replaced by a last chunk"))

T = "test_reject_garbage_after_request_line"
add("io-res-nul-in-reason", "response", b"HTTP/1.0 200 OK\x00xxxx\r\n\r\n", "error", [],
    "a NUL in the reason-phrase: reason-phrase = 1*( HTAB / SP / VCHAR / obs-text ) "
    "(RFC 9112 4); h11 rejects it too (the test's name says request-line, its bytes are a status-line)",
    src(F, T))
T = "test_reject_garbage_after_response_line"
add("io-req-garbage-after-version", "request", b"HEAD /foo HTTP/1.1 xxxxxx\r\nHost: a\r\n\r\n", "error", [],
    "bytes after the HTTP-version on the request-line (RFC 9112 3: the line ends at the version); "
    "h11 rejects it too (the test's name says response line, its bytes are a request-line)",
    src(F, T))
T = "test_reject_garbage_in_header_line"
add("io-req-nul-in-host", "request", b"HEAD /foo HTTP/1.1\r\nHost: foo\x00bar\r\n\r\n", "error", [],
    "a NUL in a field value (RFC 9110 5.5: a recipient MUST reject or replace it; the profile "
    "rejects); h11 rejects it too", src(F, T))
T = "test_reject_non_vchar_in_path"
for slug, byte, what, exp in [
    ("io-req-target-nul", b"\x00", "NUL", "error"),
    ("io-req-target-sp", b"\x20", "SP", "error"),
    ("io-req-target-del", b"\x7f", "DEL", "error"),
    ("io-req-target-obs-text", b"\xee", "byte 0xEE", "either"),
]:
    d = b"HEAD /" + byte + b" HTTP/1.1\r\nHost: foobar\r\n\r\n"
    if exp == "error":
        msgs = []
        if byte == b"\x20":
            why = ("a SP inside the target makes the line 'HEAD / / HTTP/1.1': three SPs, so the "
                   "version is not where the request-line grammar puts it (RFC 9112 3); h11 rejects it too")
        else:
            why = ("the request-target has no control or DEL bytes (RFC 9112 3.2, RFC 3986 grammar; "
                   "profile); h11 rejects it too")
    else:
        msgs = [req("HEAD", "/" + b2s(byte), "HTTP/1.1", [("Host", "foobar")])]
        why = ("h11 rejects it, one of the two readings the profile allows: bytes 0x80-0xFF in the "
               "request-target are 'either' (the URI grammar has no such bytes, and RFC 9112 3.2 lets a "
               "server answer 400 or redirect); if accepted, the target is kept as sent")
    add(slug, "request", d, exp, msgs, what + " in the request-target: " + why, src(F, T, what))
T = "test_allow_some_garbage_in_cookies"
add("io-req-ctl-in-value", "request",
    b"HEAD /foo HTTP/1.1\r\nHost: foo\r\nSet-Cookie: ___utmvafIumyLc=kUd\x01UpAt; path=/; Max-Age=900\r\n\r\n",
    "error", [],
    "differs from h11: h11 allows control bytes other than NUL, CR, LF in field values for "
    "compatibility (its issue 57); the profile rejects every control byte in a value "
    "(field-value holds VCHAR, SP, HTAB and obs-text only, RFC 9110 5.5)", src(F, T))

# ---------------------------------------------------------------------------
# test_connection.py
# ---------------------------------------------------------------------------
F = "test_connection.py"
PAIR = ("bytes as h11 0.16.0's writer puts them on the wire in the test's ConnectionPair, which "
        "feeds them to the other Connection")

T = "test__body_framing"
FR = ("h11's test calls _body_framing on event objects; here each one is written as wire bytes "
      "(empty reason, as h11 writes)")
for hname, hdrs in [
    ("no-fields", []),
    ("cl", [("Content-Length", "100")]),
    ("te", [("Transfer-Encoding", "chunked")]),
    ("cl-te", [("Content-Length", "100"), ("Transfer-Encoding", "chunked")]),
]:
    head = b"".join(b"%s: %s\r\n" % (n.encode(), v.encode()) for n, v in hdrs)
    for slug, status, methods, why in [
        ("head-200", 200, ["HEAD"], "a response to HEAD has no body whatever its fields say (RFC 9112 6.3 step 1)"),
        ("204", 204, [], "a 204 response has no body whatever its fields say (RFC 9112 6.3 step 1)"),
        ("304", 304, [], "a 304 response has no body whatever its fields say (RFC 9112 6.3 step 1)"),
    ]:
        d = b"HTTP/1.1 %d \r\n" % status + head + b"\r\n"
        extra = ""
        if status == 204 and hdrs:
            extra = ("; a server MUST NOT send Content-Length or Transfer-Encoding in a 204 "
                     "(RFC 9110 8.6, RFC 9112 6.1), but the recipient's framing still ends at the head")
        add("conn-framing-%s-%s" % (slug, hname), "response", d, "ok",
            [res("HTTP/1.1", status, "", hdrs, "none")],
            why + extra + "; " + FR,
            src(F, T, "special cases where the headers are ignored: %s with %s"
                % ({"head-200": "HEAD 200", "204": "204", "304": "304"}[slug],
                   {"no-fields": "no framing fields", "cl": "Content-Length: 100",
                    "te": "Transfer-Encoding: chunked", "cl-te": "both"}[hname])),
            methods=methods)

add("conn-framing-req-te", "request",
    b"GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nHost: example.com\r\n\r\n0\r\n\r\n", "ok",
    [req("GET", "/", "HTTP/1.1", [("Transfer-Encoding", "chunked"), ("Host", "example.com")], "chunked")],
    "request with Transfer-Encoding: chunked (RFC 9112 6.3 step 4); " + FR + ", with an empty "
    "chunked body so the stream is complete", src(F, T, "Transfer-Encoding, request"))
add("conn-framing-req-cl-te", "request",
    b"GET / HTTP/1.1\r\nContent-Length: 100\r\nTransfer-Encoding: chunked\r\nHost: example.com\r\n\r\n0\r\n\r\n",
    "error", [],
    "differs from h11: h11 frames a request with both Content-Length and Transfer-Encoding as "
    "chunked; the profile rejects it (RFC 9112 6.3 step 3: such a message ought to be handled as "
    "an error, and 6.1: a server MAY reject it; the strict profile does, framing 2); " + FR,
    src(F, T, "Transfer-Encoding beats Content-Length, request"))
add("conn-framing-res-te", "response",
    b"HTTP/1.1 200 \r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", "ok",
    [res("HTTP/1.1", 200, "", [("Transfer-Encoding", "chunked")], "chunked")],
    "response with Transfer-Encoding: chunked; " + FR, src(F, T, "Transfer-Encoding, response"))
add("conn-framing-res-cl-te", "response",
    b"HTTP/1.1 200 \r\nContent-Length: 100\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", "ok",
    [res("HTTP/1.1", 200, "", [("Content-Length", "100"), ("Transfer-Encoding", "chunked")], "chunked")],
    "in a response Transfer-Encoding overrides Content-Length (RFC 9112 6.3 step 3; profile "
    "framing 2); " + FR, src(F, T, "Transfer-Encoding beats Content-Length, response"))
add("conn-framing-req-cl", "request",
    b"GET / HTTP/1.1\r\nContent-Length: 100\r\nHost: example.com\r\n\r\n" + b"x" * 100, "ok",
    [req("GET", "/", "HTTP/1.1", [("Content-Length", "100"), ("Host", "example.com")], "length", b"x" * 100)],
    "request with Content-Length: 100 (RFC 9112 6.3 step 6); " + FR + ", with 100 body bytes "
    "('x') so the stream is complete", src(F, T, "Content-Length, request"))
add("conn-framing-res-cl", "response",
    b"HTTP/1.1 200 \r\nContent-Length: 100\r\n\r\n" + b"x" * 100, "ok",
    [res("HTTP/1.1", 200, "", [("Content-Length", "100")], "length", b"x" * 100)],
    "response with Content-Length: 100; " + FR + ", with 100 body bytes ('x')",
    src(F, T, "Content-Length, response"))
add("conn-framing-req-none", "request", b"GET / HTTP/1.1\r\nHost: example.com\r\n\r\n", "ok",
    [req("GET", "/", "HTTP/1.1", [("Host", "example.com")])],
    "request without framing fields: no body (RFC 9112 6.3 step 7); " + FR,
    src(F, T, "no headers, request"))
add("conn-framing-res-none", "response", b"HTTP/1.1 200 \r\n\r\n", "ok",
    [res("HTTP/1.1", 200, "", [], "close")],
    "response without framing fields: read until close (RFC 9112 6.3 step 8); " + FR,
    src(F, T, "no headers, response"))

T = "test_Connection_basics_and_content_length"
add("conn-basics-request", "request",
    b"GET / HTTP/1.1\r\nHost: example.com\r\nContent-Length: 10\r\n\r\n1234567890", "ok",
    [req("GET", "/", "HTTP/1.1", [("Host", "example.com"), ("Content-Length", "10")], "length", b"1234567890")],
    "GET with a 10-byte body sent in two pieces; " + PAIR, src(F, T, "client to server"))
add("conn-basics-response", "response",
    b"HTTP/1.1 100 \r\n\r\nHTTP/1.1 200 \r\nContent-Length: 11\r\n\r\n12345678901", "ok",
    [res("HTTP/1.1", 100, "", [], "none"),
     res("HTTP/1.1", 200, "", [("Content-Length", "11")], "length", b"12345678901")],
    "a 100 (a message of its own, CONFORMANCE.md 1) then the final response; empty reasons with "
    "their SP (RFC 9112 4); " + PAIR, src(F, T, "server to client"))

T = "test_chunked"
add("conn-chunked-request", "request",
    b"GET / HTTP/1.1\r\nHost: example.com\r\nTransfer-Encoding: chunked\r\n\r\n"
    b"a\r\n1234567890\r\n5\r\nabcde\r\n0\r\nhello: there\r\n\r\n", "ok",
    [req("GET", "/", "HTTP/1.1", [("Host", "example.com"), ("Transfer-Encoding", "chunked")],
         "chunked", b"1234567890abcde", [("hello", "there")])],
    "chunked request with a trailer field; " + PAIR, src(F, T, "client to server"))
add("conn-chunked-response", "response",
    b"HTTP/1.1 200 \r\nTransfer-Encoding: chunked\r\n\r\n5\r\n54321\r\n5\r\n12345\r\n0\r\n\r\n", "ok",
    [res("HTTP/1.1", 200, "", [("Transfer-Encoding", "chunked")], "chunked", b"5432112345")],
    "chunked response; " + PAIR, src(F, T, "server to client"))

T = "test_chunk_boundaries"
add("conn-chunk-boundaries", "request",
    b"POST / HTTP/1.1\r\nHost: example.com\r\nTransfer-Encoding: chunked\r\n\r\n"
    b"5\r\nhello\r\n5\r\nhello\r\n5\r\nhello\r\n0\r\n\r\n", "ok",
    [req("POST", "/", "HTTP/1.1", [("Host", "example.com"), ("Transfer-Encoding", "chunked")],
         "chunked", b"hellohellohello")],
    "three chunks fed in pieces by h11's test (the runner's splits do the same); chunk "
    "boundaries are not part of the reduced dump", src(F, T))

T = "test_client_talking_to_http10_server"
add("conn-http10-server-body", "response", b"HTTP/1.0 200 OK\r\n\r\n1234567890", "ok",
    [res("HTTP/1.0", 200, "OK", [], "close", b"1234567890")],
    "HTTP/1.0 response without Content-Length: body until end of stream (RFC 9112 6.3 step 8)",
    src(F, T))

T = "test_server_talking_to_http10_client"
add("conn-http10-client-get", "request", b"GET / HTTP/1.0\r\n\r\n", "ok",
    [req("GET", "/", "HTTP/1.0", [])],
    "HTTP/1.0 request without Host: valid (the Host requirement is for HTTP/1.1)", src(F, T, "GET"))
add("conn-http10-client-post", "request",
    b"POST / HTTP/1.0\r\nContent-Length: 10\r\n\r\n1234567890", "ok",
    [req("POST", "/", "HTTP/1.0", [("Content-Length", "10")], "length", b"1234567890")],
    "HTTP/1.0 POST with Content-Length (sent in two pieces by the test)", src(F, T, "POST with Content-Length"))
add("conn-http10-client-reply", "response",
    b"HTTP/1.1 200 \r\nConnection: close\r\n\r\n12345", "ok",
    [res("HTTP/1.1", 200, "", [("Connection", "close")], "close", b"12345")],
    "the response h11 writes for its HTTP/1.0 client (the test asserts these bytes): "
    "close-delimited body", src(F, T, "bytes written by the server"))

T = "test_automagic_connection_close_handling"
add("conn-close-request", "request",
    b"GET / HTTP/1.1\r\nHost: example.com\r\nConnection: close\r\n\r\n", "ok",
    [req("GET", "/", "HTTP/1.1", [("Host", "example.com"), ("Connection", "close")])],
    "request with Connection: close; " + PAIR, src(F, T, "client to server"))
add("conn-close-204", "response", b"HTTP/1.1 204 \r\nConnection: close\r\n\r\n", "ok",
    [res("HTTP/1.1", 204, "", [("Connection", "close")], "none")],
    "204 has no body (RFC 9112 6.3 step 1); " + PAIR, src(F, T, "server to client"))

T = "test_100_continue"
add("conn-100-continue-request-partial", "request",
    b"GET / HTTP/1.1\r\nHost: example.com\r\nContent-Length: 100\r\nExpect: 100-continue\r\n\r\n12345",
    "error", [],
    "Expect: 100-continue with Content-Length: 100, of which the test's client sends only 5 bytes; "
    "end of stream inside the body is an incomplete message (CONFORMANCE.md 1). h11 checks its "
    "100-continue flags, which the dump does not show; " + PAIR,
    src(F, T, "client goes ahead and sends data anyway"))
add("conn-100-continue-response", "response", b"HTTP/1.1 100 \r\n\r\n", "ok",
    [res("HTTP/1.1", 100, "", [], "none")],
    "differs from h11 in context: a lone 100 (Continue) is a message of its own with no body, and "
    "end of stream after it is between messages (CONFORMANCE.md 1). A client h11 that waits for the final response reports the close "
    "as an error; the dump's end of stream has no notion of a pending request; " + PAIR, src(F, T, "disabled by 100 Continue"))
add("conn-100-continue-final-head", "response",
    b"HTTP/1.1 200 \r\nTransfer-Encoding: chunked\r\n\r\n", "error", [],
    "the test's server sends only the head of a chunked response: end of stream inside the body is "
    "incomplete (CONFORMANCE.md 1); " + PAIR, src(F, T, "disabled by a real response"))

T = "test_max_incomplete_event_size_countermeasure"
endless = b"GET / HTTP/1.0\r\nEndless: " + b"a" * (17 * 1024)
add("conn-endless-field-line", "request", endless, "error", [],
    "a field line that never ends (the test adds 1 KiB at a time until h11's 16 KiB default limit "
    "trips; here 17 KiB then end of stream): an error either for the line limit (profile default "
    "16 KiB) or as incomplete", src(F, T, "infinitely long headers"))
add("conn-endless-field-line-terminated", "request", endless + b"\r\n\r\n", "error", [],
    "derived: the same 17 KiB field line, ended, so only the limit can reject it: one field line "
    "over the profile's 16 KiB default is an error (CONFORMANCE.md 3, limits). Differs from h11, "
    "which accepts it when the whole head arrives at once (its limit only bounds incomplete data)",
    src(F, T, "infinitely long headers", derived="line ended after 17 KiB"))
add("conn-big-field-4000", "request", b"GET / HTTP/1.0\r\nBig: " + b"a" * 4000 + b"\r\n\r\n", "ok",
    [req("GET", "/", "HTTP/1.0", [("Big", "a" * 4000)])],
    "a 4000-byte value is within the profile's default limits (h11's test sets its limit to 5000 "
    "for this)", src(F, T, "max_incomplete_event_size=5000, 4000-byte header"))
add("conn-cl-10000", "request",
    b"GET / HTTP/1.0\r\nContent-Length: 10000\r\n\r\n" + b"a" * 10000, "ok",
    [req("GET", "/", "HTTP/1.0", [("Content-Length", "10000")], "length", b"a" * 10000)],
    "a 10000-byte body is not limited by head limits", src(F, T, "Content-Length: 10000"))
add("conn-pipelined-then-garbage", "request",
    b"GET /1 HTTP/1.1\r\nHost: a\r\n\r\nGET /2 HTTP/1.1\r\nHost: b\r\n\r\n" + b"X" * 2000, "error",
    [req("GET", "/1", "HTTP/1.1", [("Host", "a")]), req("GET", "/2", "HTTP/1.1", [("Host", "b")])],
    "two pipelined requests then 2000 bytes without a line end: h11's test trips its 100-byte "
    "limit; under the profile's defaults the bytes are a request-line cut short by end of stream, "
    "an error after the 2 messages", src(F, T, "max_incomplete_event_size=100, pipelined"))

T = "test_reuse_simple"
add("conn-reuse-requests", "request",
    b"GET / HTTP/1.1\r\nHost: a\r\n\r\nDELETE /foo HTTP/1.1\r\nHost: a\r\n\r\n", "ok",
    [req("GET", "/", "HTTP/1.1", [("Host", "a")]), req("DELETE", "/foo", "HTTP/1.1", [("Host", "a")])],
    "two requests on one connection; " + PAIR, src(F, T, "client to server"))
add("conn-reuse-responses", "response",
    b"HTTP/1.1 200 \r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
    b"HTTP/1.1 404 \r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", "ok",
    [res("HTTP/1.1", 200, "", [("Transfer-Encoding", "chunked")], "chunked"),
     res("HTTP/1.1", 404, "", [("Transfer-Encoding", "chunked")], "chunked")],
    "two chunked responses with empty bodies; " + PAIR + " (h11 rewrites the test's "
    "'transfer-encoding' as 'Transfer-Encoding')", src(F, T, "server to client"))

T = "test_pipelining"
PIPE = (b"GET /1 HTTP/1.1\r\nHost: a.com\r\nContent-Length: 5\r\n\r\n12345"
        b"GET /2 HTTP/1.1\r\nHost: a.com\r\nContent-Length: 5\r\n\r\n67890"
        b"GET /3 HTTP/1.1\r\nHost: a.com\r\n\r\n")
PIPE_M = [req("GET", "/1", "HTTP/1.1", [("Host", "a.com"), ("Content-Length", "5")], "length", b"12345"),
          req("GET", "/2", "HTTP/1.1", [("Host", "a.com"), ("Content-Length", "5")], "length", b"67890"),
          req("GET", "/3", "HTTP/1.1", [("Host", "a.com")])]
add("conn-pipelining", "request", PIPE, "ok", PIPE_M,
    "three pipelined requests in one piece (RFC 9112 9.3.2)", src(F, T, "3 requests all bunched up"))
add("conn-pipelining-then-partial", "request", PIPE + b"SADF", "error", PIPE_M,
    "the test then receives 'SADF' and end of stream: a request-line cut short by end of stream, "
    "an error after the 3 messages (h11 leaves it as trailing data while paused)",
    src(F, T, "3 requests, then b\"SADF\" and end of stream"))

T = "test_protocol_switch"
SW = [
    ("connect", b"CONNECT example.com:443 HTTP/1.1\r\nHost: foo\r\nContent-Length: 1\r\n\r\n",
     [("Host", "foo"), ("Content-Length", "1")], "CONNECT with Content-Length: 1"),
    ("upgrade", b"GET / HTTP/1.1\r\nHost: foo\r\nContent-Length: 1\r\nUpgrade: a, b\r\n\r\n",
     [("Host", "foo"), ("Content-Length", "1"), ("Upgrade", "a, b")], "GET with Upgrade: a, b and Content-Length: 1"),
    ("connect-upgrade", b"CONNECT example.com:443 HTTP/1.1\r\nHost: foo\r\nContent-Length: 1\r\nUpgrade: a, b\r\n\r\n",
     [("Host", "foo"), ("Content-Length", "1"), ("Upgrade", "a, b")], "CONNECT with Upgrade: a, b and Content-Length: 1"),
]
for slug, head, hdrs, what in SW:
    d = head + b"1"
    if slug.startswith("connect"):
        m1 = req("CONNECT", "example.com:443", "HTTP/1.1", hdrs, "upgrade")
        base = ("differs from h11: h11 reads the 1-byte body and then waits for the server to accept "
                "or refuse the switch; in the profile a CONNECT request leaves HTTP/1 right after its "
                "head and its valid Content-Length is ignored (framing 1; RFC 9110 9.3.6: a CONNECT "
                "request has no content), so the byte '1' already belongs to the tunnel")
        add("conn-switch-%s" % slug, "request", d, "ok", [m1], what + ": " + base + "; " + PAIR,
            src(F, T, what + ", client to server"))
        add("conn-switch-%s-tunnel-data" % slug, "request", d + b"123456", "ok", [m1],
            what + ", then the bytes '123456' that the test sends after the switch is accepted: "
            "they belong to the tunnel and are not decoded. " + base,
            src(F, T, what + ", accept case, then b\"123\" b\"456\""))
        add("conn-switch-%s-then-request" % slug, "request", d + b"GET / HTTP/1.0\r\n\r\n", "ok", [m1],
            what + ", then an HTTP/1.0 request that h11's test decodes after the server refuses the "
            "switch; the dump never answers, and in the profile the CONNECT head already left HTTP/1, "
            "so nothing after it is decoded. " + base,
            src(F, T, what + ", pausing in might-switch, then recovery"))
    else:
        m1 = req("GET", "/", "HTTP/1.1", hdrs, "length", b"1")
        base = ("a request carrying Upgrade is an ordinary message and decoding goes on after it "
                "(profile framing 1: only the server's 101 switches protocols, and the dump never answers); "
                "h11 reads the same message and then pauses until its server accepts or refuses")
        add("conn-switch-%s" % slug, "request", d, "ok", [m1], what + ": " + base + "; " + PAIR,
            src(F, T, what + ", client to server"))
        add("conn-switch-%s-tunnel-data" % slug, "request", d + b"123456", "error", [m1],
            what + ", then the bytes '123456' that the test's client sends once the server accepted "
            "the upgrade. Differs from h11, whose server accepted the switch so the bytes are tunnel "
            "data; the dump never answers and does not accept it, so they are decoded as a request-line cut short "
            "by end of stream (error after 1 message). " + base,
            src(F, T, what + ", accept case, then b\"123\" b\"456\""))
        add("conn-switch-%s-then-request" % slug, "request", d + b"GET / HTTP/1.0\r\n\r\n", "ok",
            [m1, req("GET", "/", "HTTP/1.0", [])],
            what + ", then an HTTP/1.0 request (the test decodes it after the server refuses the "
            "switch): " + base, src(F, T, what + ", pausing in might-switch, then recovery"))

add("conn-switch-connect-refused", "response",
    b"HTTP/1.1 404 \r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", "ok",
    [res("HTTP/1.1", 404, "", [("Transfer-Encoding", "chunked")], "chunked")],
    "a 404 to CONNECT is an ordinary response, not a tunnel (RFC 9110 9.3.6: only 2xx); " + PAIR,
    src(F, T, "CONNECT refused with 404, server to client"), methods=["CONNECT"])
add("conn-switch-connect-accepted", "response",
    b"HTTP/1.1 200 \r\ntransfer-encoding: chunked\r\n\r\n123456", "ok",
    [res("HTTP/1.1", 200, "", [("transfer-encoding", "chunked")], "upgrade")],
    "a 2xx to CONNECT: the connection becomes a tunnel after the head and its Transfer-Encoding is "
    "ignored (RFC 9110 9.3.6: a client MUST ignore Content-Length or Transfer-Encoding in a "
    "successful response to CONNECT; profile framing 1); '123456' is tunnel data; " + PAIR,
    src(F, T, "CONNECT accepted with 200, then b\"123\" b\"456\", server to client"), methods=["CONNECT"])
add("conn-switch-upgrade-accepted", "response", b"HTTP/1.1 101 \r\nUpgrade: a\r\n\r\n123456", "ok",
    [res("HTTP/1.1", 101, "", [("Upgrade", "a")], "upgrade")],
    "101 to a GET with Upgrade: the bytes after the head belong to the new protocol; " + PAIR,
    src(F, T, "Upgrade accepted with 101, then b\"123\" b\"456\", server to client"))
add("conn-switch-connect-upgrade-101", "response", b"HTTP/1.1 101 \r\nUpgrade: b\r\n\r\n123456", "ok",
    [res("HTTP/1.1", 101, "", [("Upgrade", "b")], "upgrade")],
    "101 to a CONNECT that also carried Upgrade: a 101 switches protocols whatever the method "
    "(profile framing 1); " + PAIR,
    src(F, T, "CONNECT with Upgrade accepted with 101, then b\"123\" b\"456\", server to client"),
    methods=["CONNECT"])
add("conn-switch-upgrade-refused", "response",
    b"HTTP/1.1 200 \r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", "ok",
    [res("HTTP/1.1", 200, "", [("Transfer-Encoding", "chunked")], "chunked")],
    "a 200 to a GET with Upgrade: the upgrade was refused, ordinary chunked response; " + PAIR,
    src(F, T, "Upgrade refused with 200, server to client"))

T = "test_close_different_states"
add("conn-close-mid-body", "request", b"GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\n", "error", [],
    "the client closes after a head announcing 10 body bytes: end of stream inside the body is "
    "an incomplete message (RFC 9112 8; CONFORMANCE.md 1); " + PAIR,
    src(F, T, "in the middle of sending"))

T = "test_pipelined_close"
add("conn-pipelined-close", "request",
    b"GET /1 HTTP/1.1\r\nHost: a.com\r\nContent-Length: 5\r\n\r\n12345"
    b"GET /2 HTTP/1.1\r\nHost: a.com\r\nContent-Length: 5\r\n\r\n67890", "ok",
    [req("GET", "/1", "HTTP/1.1", [("Host", "a.com"), ("Content-Length", "5")], "length", b"12345"),
     req("GET", "/2", "HTTP/1.1", [("Host", "a.com"), ("Content-Length", "5")], "length", b"67890")],
    "two pipelined requests, then end of stream between messages", src(F, T))

T = "test_sendfile"
add("conn-sendfile-get-11", "request", b"GET / HTTP/1.1\r\nHost: a\r\n\r\n", "ok",
    [req("GET", "/", "HTTP/1.1", [("Host", "a")])],
    "the request the test's server receives before sending a file", src(F, T, "HTTP/1.1"))
add("conn-sendfile-get-10", "request", b"GET / HTTP/1.0\r\nHost: a\r\n\r\n", "ok",
    [req("GET", "/", "HTTP/1.0", [("Host", "a")])],
    "HTTP/1.0 request with a Host field", src(F, T, "HTTP/1.0"))

T = "test_errors"
add("conn-gibberish-request", "request", b"gibberish\r\n\r\n", "error", [],
    "not a request-line (no SP, no version; RFC 9112 3); h11 rejects it too", src(F, T, "server role"))
add("conn-gibberish-response", "response", b"gibberish\r\n\r\n", "error", [],
    "not a status-line (RFC 9112 4); h11 rejects it too", src(F, T, "client role"))
add("conn-400-reply", "response", b"HTTP/1.1 400 \r\nConnection: close\r\n\r\n", "ok",
    [res("HTTP/1.1", 400, "", [("Connection", "close")], "close")],
    "the 400 h11 writes after a bad request (the test asserts these bytes): close-delimited body, "
    "empty", src(F, T, "bytes written by the server"))

T = "test_idle_receive_nothing"
add("conn-idle-nothing-request", "request", b"", "ok", [],
    "no bytes at all: end of stream between messages, nothing decoded", src(F, T, "server role"))
add("conn-idle-nothing-response", "response", b"", "ok", [],
    "no bytes at all: end of stream between messages, nothing decoded", src(F, T, "client role"))

T = "test_connection_drop"
add("conn-drop-mid-request-line", "request", b"GET /", "error", [],
    "end of stream inside a request-line: incomplete message; h11 rejects it too", src(F, T))

T = "test_408_request_timeout"
add("conn-408-unsolicited", "response", b"HTTP/1.1 408 \r\nConnection: close\r\n\r\n", "ok",
    [res("HTTP/1.1", 408, "", [("Connection", "close")], "close")],
    "a 408 sent without a request (the dump reads it as answering GET): close-delimited body, "
    "empty; " + PAIR, src(F, T))

T = "test_empty_request"
add("conn-empty-line-request", "request", b"\r\n", "ok", [],
    "differs from h11: h11 raises on a lone CRLF; the profile skips one empty line before a "
    "request-line (RFC 9112 2.2), after which end of stream comes between messages (nothing "
    "was started), so nothing is decoded and there is no error", src(F, T))
T = "test_empty_response"
add("conn-empty-line-response", "response", b"\r\n", "error", [],
    "no empty line is skipped before a status-line (profile); h11 rejects it too", src(F, T))

T = "test_early_detection_of_invalid_request"
for slug, data, what in [("nul", b"\x00", "a NUL byte"), ("sp", b"\x20", "a SP"),
                         ("tls", b"\x16\x03\x01\x00\xa5", "the start of a TLS ClientHello")]:
    add("conn-early-invalid-request-" + slug, "request", data, "error", [],
        what + " where a request-line should start: not a method token (RFC 9112 3). h11 checks that "
        "it fails before a line end arrives; the corpus only checks that decoding fails",
        src(F, T, repr(data)))
T = "test_early_detection_of_invalid_response"
for slug, data, what in [("nul", b"\x00", "a NUL byte"), ("sp", b"\x20", "a SP"),
                         ("tls", b"\x16\x03\x03\x00\x31", "the start of a TLS ServerHello")]:
    add("conn-early-invalid-response-" + slug, "response", data, "error", [],
        what + " where a status-line should start (RFC 9112 4). h11 checks that it fails before a "
        "line end arrives; the corpus only checks that decoding fails", src(F, T, repr(data)))

T = "test_HEAD_framing_headers"
for method in ("GET", "HEAD"):
    for ver in ("1.1", "1.0"):
        d = b"%s / HTTP/%s\r\nHost: example.com\r\n\r\n" % (method.encode(), ver.encode())
        add("conn-head-framing-%s-%s" % (method.lower(), ver.replace(".", "")), "request", d, "ok",
            [req(method, "/", "HTTP/" + ver, [("Host", "example.com")])],
            "%s request without a body, the request h11's server answers in this test" % method,
            src(F, T, "%s HTTP/%s request" % (method, ver)))
add("conn-head-framing-chunked-to-head", "response",
    b"HTTP/1.1 200 \r\nTransfer-Encoding: chunked\r\n\r\n", "ok",
    [res("HTTP/1.1", 200, "", [("Transfer-Encoding", "chunked")], "none")],
    "a response to HEAD carries the framing fields a GET would get, but has no body (RFC 9112 6.3 "
    "step 1; RFC 9110 9.3.2); the test asserts these bytes for HEAD",
    src(F, T, "bytes written for HEAD, HTTP/1.1 peer"), methods=["HEAD"])
add("conn-head-framing-close-to-head", "response",
    b"HTTP/1.1 200 \r\nConnection: close\r\n\r\n", "ok",
    [res("HTTP/1.1", 200, "", [("Connection", "close")], "none")],
    "a response to HEAD has no body, so it is not close-delimited (RFC 9112 6.3 step 1)",
    src(F, T, "bytes written for HEAD, HTTP/1.0 peer"), methods=["HEAD"])
add("conn-head-framing-chunked-to-get", "response",
    b"HTTP/1.1 200 \r\nTransfer-Encoding: chunked\r\n\r\n", "error", [],
    "the same head answering GET: a chunked body must follow, and end of stream right after the "
    "head is an incomplete message (the test writes only the head)",
    src(F, T, "bytes written for GET, HTTP/1.1 peer"))
add("conn-head-framing-close-to-get", "response",
    b"HTTP/1.1 200 \r\nConnection: close\r\n\r\n", "ok",
    [res("HTTP/1.1", 200, "", [("Connection", "close")], "close")],
    "the same head answering GET: close-delimited body, here empty",
    src(F, T, "bytes written for GET, HTTP/1.0 peer"))

T = "test_special_exceptions_for_lost_connection_in_message_body"
add("conn-lost-in-cl-body", "request",
    b"POST / HTTP/1.1\r\nHost: example.com\r\nContent-Length: 100\r\n\r\n12345", "error", [],
    "end of stream after 5 of 100 body bytes: incomplete message; h11 rejects it too", src(F, T, "Content-Length"))
add("conn-lost-in-chunk", "request",
    b"POST / HTTP/1.1\r\nHost: example.com\r\nTransfer-Encoding: chunked\r\n\r\n8\r\n012345", "error", [],
    "end of stream inside a chunk: incomplete message; h11 rejects it too", src(F, T, "chunked"))

# ---------------------------------------------------------------------------
# test_headers.py (normalize_and_validate: h11 runs it on the fields it
# receives as well as on those it sends). Each field list is written as the
# fields of a request with a Host field.
# ---------------------------------------------------------------------------
F = "test_headers.py"
T = "test_normalize_and_validate"
HW = "h11's test passes this field to normalize_and_validate; here it is written as a field line of a request"
GH = b"GET / HTTP/1.1\r\nHost: example.com\r\n"
H0 = [("Host", "example.com")]
add("hdr-plain", "request", GH + b"foo: bar\r\n\r\n", "ok",
    [req("GET", "/", "HTTP/1.1", H0 + [("foo", "bar")])], "an ordinary field; " + HW, src(F, T, "(foo, bar)"))
for slug, line, what, why in [
    ("hdr-name-trailing-space", b"foo : bar", "a SP between field name and colon",
     "no whitespace between name and colon; a server MUST reject it (RFC 9112 5.1)"),
    ("hdr-name-leading-space", b" foo: bar", "a field line starting with SP",
     "on the wire a line starting with SP is obs-fold (it continues the Host line), an error in "
     "a request (RFC 9112 5.2; profile). Differs from h11 on the wire: h11's reader unfolds it "
     "into the Host value ('example.com foo: bar') and accepts the request (its test only checks "
     "the name handed to normalize_and_validate)"),
    ("hdr-name-inner-space", b"foo bar: baz", "a SP inside the field name",
     "field-name = token (RFC 9110 5.1); a SP ends the name before the colon"),
    ("hdr-name-nul", b"foo\x00bar: baz", "a NUL inside the field name", "field-name = token (RFC 9110 5.1)"),
    ("hdr-name-obs-text", b"foo\xffbar: baz", "byte 0xFF inside the field name", "field-name = token (RFC 9110 5.1)"),
    ("hdr-name-ctl", b"foo\x01bar: baz", "a control byte inside the field name", "field-name = token (RFC 9110 5.1)"),
    ("hdr-value-cr", b"foo: bar\rbaz", "a bare CR inside a field value",
     "a CR not followed by LF is an error (profile; RFC 9112 2.2, RFC 9110 5.5)"),
    ("hdr-value-lf", b"foo: bar\nbaz", "a bare LF inside a field value",
     "a bare LF ends no line in the profile and is an error (RFC 9112 2.2)"),
    ("hdr-value-nul", b"foo: bar\x00baz", "a NUL inside a field value",
     "RFC 9110 5.5: a recipient MUST reject or replace CR, LF, NUL; the profile rejects"),
]:
    peer = "" if slug == "hdr-name-leading-space" else "; h11 rejects it too"
    add(slug, "request", GH + line + b"\r\n\r\n", "error", [], what + ": " + why + peer + "; " + HW,
        src(F, T, what))
for slug, line, what in [
    ("hdr-value-trailing-spaces", b"foo: barbaz  ", "trailing SPs"),
    ("hdr-value-leading-spaces", b"foo:   barbaz", "leading SPs"),
    ("hdr-value-trailing-tab", b"foo: barbaz\t", "a trailing HTAB"),
    ("hdr-value-leading-tab", b"foo:\tbarbaz", "a leading HTAB"),
]:
    add(slug, "request", GH + line + b"\r\n\r\n", "ok",
        [req("GET", "/", "HTTP/1.1", H0 + [("foo", "barbaz")])],
        what + " around a value: on the wire they are OWS, not part of the value (RFC 9112 5.1). "
        "h11's test rejects such a value only when a caller hands it to h11 for sending; h11's "
        "reader strips it the same way; " + HW, src(F, T, "no leading/trailing whitespace: " + what))

PH = b"POST / HTTP/1.1\r\nHost: example.com\r\n"
add("hdr-cl-1", "request", PH + b"Content-Length: 1\r\n\r\nx", "ok",
    [req("POST", "/", "HTTP/1.1", H0 + [("Content-Length", "1")], "length", b"x")],
    "Content-Length: 1 with one body byte ('x', added so the stream is complete); " + HW,
    src(F, T, "Content-Length 1"))
for slug, lines, what in [
    ("hdr-cl-letters", b"Content-Length: asdf\r\n", "Content-Length: asdf"),
    ("hdr-cl-trailing-letter", b"Content-Length: 1x\r\n", "Content-Length: 1x"),
]:
    add(slug, "request", PH + lines + b"\r\nx", "error", [],
        what + ": Content-Length = 1*DIGIT (RFC 9110 8.6); an invalid value is an error in a request "
        "(RFC 9112 6.3 step 5); h11 rejects it too. One body byte follows so a decoder reading a "
        "leading '1' would end without error; " + HW, src(F, T, what))
add("hdr-cl-1-and-2", "request", PH + b"Content-Length: 1\r\nContent-Length: 2\r\n\r\nx", "error", [],
    "two Content-Length lines with different values: error (RFC 9112 6.3 step 5; profile); h11 "
    "rejects it too. One body byte follows so a decoder taking the first value would end without "
    "error; " + HW, src(F, T, "Content-Length 1 and 2"))
add("hdr-cl-0-and-0", "request", PH + b"Content-Length: 0\r\nContent-Length: 0\r\n\r\n", "either",
    [req("POST", "/", "HTTP/1.1", H0 + [("Content-Length", "0"), ("Content-Length", "0")], "length", b"")],
    "two identical Content-Length lines: 'several identical values' may be accepted as one or "
    "rejected (RFC 9110 8.6; profile: either); h11 accepts; " + HW, src(F, T, "Content-Length 0 and 0"))
add("hdr-cl-0-comma-0", "request", PH + b"Content-Length: 0 , 0\r\n\r\n", "either",
    [req("POST", "/", "HTTP/1.1", H0 + [("Content-Length", "0 , 0")], "length", b"")],
    "a Content-Length list of identical values: 'Content-Length: 5, 5' is 'several identical "
    "values' (profile, Connections: either; RFC 9110 8.6); h11 accepts; " + HW,
    src(F, T, "Content-Length \"0 , 0\""))
add("hdr-cl-1-1-2", "request",
    PH + b"Content-Length: 1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nx", "error", [],
    "three Content-Length lines, one of them different: error (RFC 9112 6.3 step 5); h11 rejects "
    "it too; " + HW, src(F, T, "Content-Length 1, 1 and 2"))
add("hdr-cl-list-1-1-2", "request", PH + b"Content-Length: 1 , 1,2\r\n\r\nx", "error", [],
    "a Content-Length list with differing values: error (RFC 9110 8.6, RFC 9112 6.3 step 5); h11 "
    "rejects it too; " + HW, src(F, T, "Content-Length \"1 , 1,2\""))
add("hdr-te-chunked", "request", PH + b"Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n", "ok",
    [req("POST", "/", "HTTP/1.1", H0 + [("Transfer-Encoding", "chunked")], "chunked")],
    "Transfer-Encoding: chunked, with an empty chunked body so the stream is complete; " + HW,
    src(F, T, "Transfer-Encoding chunked"))
add("hdr-te-chunked-mixed-case", "request", PH + b"Transfer-Encoding: cHuNkEd\r\n\r\n0\r\n\r\n", "ok",
    [req("POST", "/", "HTTP/1.1", H0 + [("Transfer-Encoding", "cHuNkEd")], "chunked")],
    "coding names are case-insensitive (RFC 9110 10.1.4 / 7.2 of RFC 9112; profile); the value is "
    "shown as sent; " + HW, src(F, T, "Transfer-Encoding cHuNkEd"))
add("hdr-te-gzip-request", "request", PH + b"Transfer-Encoding: gzip\r\n\r\n", "error", [],
    "a request whose final coding is not chunked: error (RFC 9112 6.3 step 4: the server MUST "
    "respond 400 and close); h11 rejects it too (501); " + HW, src(F, T, "Transfer-Encoding gzip"))
add("hdr-te-chunked-then-gzip-request", "request",
    PH + b"Transfer-Encoding: chunked\r\nTransfer-Encoding: gzip\r\n\r\n0\r\n\r\n", "error", [],
    "two Transfer-Encoding lines make the list 'chunked, gzip': chunked is not the final coding, "
    "an error in a request (RFC 9112 6.3 step 4, 6.1); h11 rejects it too (501). A chunked body "
    "follows so a decoder that took the first line alone would end without error; " + HW,
    src(F, T, "Transfer-Encoding chunked then gzip"))
RH = b"HTTP/1.1 200 OK\r\n"
add("hdr-te-gzip-response", "response", RH + b"Transfer-Encoding: gzip\r\n\r\n", "ok",
    [res("HTTP/1.1", 200, "OK", [("Transfer-Encoding", "gzip")], "close")],
    "differs from h11: h11 refuses any Transfer-Encoding but chunked (501) in either direction; "
    "in a response whose final coding is not chunked the body is read until close (RFC 9112 6.3 "
    "step 4; profile framing 2). Written as a response field; the body here is empty",
    src(F, T, "Transfer-Encoding gzip", derived="as a response field"))
add("hdr-te-chunked-then-gzip-response", "response",
    RH + b"Transfer-Encoding: chunked\r\nTransfer-Encoding: gzip\r\n\r\n", "ok",
    [res("HTTP/1.1", 200, "OK", [("Transfer-Encoding", "chunked"), ("Transfer-Encoding", "gzip")], "close")],
    "differs from h11: h11 refuses it (501); in a response the list 'chunked, gzip' does not end in "
    "chunked, so the body is read until close (RFC 9112 6.3 step 4; profile framing 2). Written as "
    "response fields; the body here is empty",
    src(F, T, "Transfer-Encoding chunked then gzip", derived="as response fields"))

T = "test_get_set_comma_header"
add("hdr-comma-lists", "request",
    GH + b"Connection: close\r\nwhatever: something\r\nconnectiON: fOo,, , BAR\r\n\r\n", "ok",
    [req("GET", "/", "HTTP/1.1", H0 + [("Connection", "close"), ("whatever", "something"),
                                       ("connectiON", "fOo,, , BAR")])],
    "Connection split over two lines, one with empty list elements (RFC 9110 5.6.1); the dump shows "
    "each line as sent, names' case kept; " + HW, src(F, T, "normalize_and_validate part"))

T = "test_has_100_continue"
for slug, ver, val in [("expect-100-continue", "1.1", "100-continue"),
                       ("expect-100-continue-mixed-case", "1.1", "100-Continue"),
                       ("expect-100-continue-http10", "1.0", "100-continue")]:
    add("hdr-" + slug, "request",
        b"GET / HTTP/%s\r\nHost: example.com\r\nExpect: %s\r\n\r\n" % (ver.encode(), val.encode()), "ok",
        [req("GET", "/", "HTTP/" + ver, H0 + [("Expect", val)])],
        "a request with Expect: %s (HTTP/%s); h11 checks whether it waits for 100-continue, which "
        "the dump does not show; the request itself is valid" % (val, ver),
        src(F, T, "Expect %s, HTTP/%s" % (val, ver)))

# ---------------------------------------------------------------------------
# test_events.py (Request validation, which h11's reader applies to every
# request it receives). Each event is written as the request line and fields.
# ---------------------------------------------------------------------------
F = "test_events.py"
T = "test_events"
EW = "h11's test builds a Request event; here it is written as wire bytes"
add("ev-missing-host", "request", b"GET / HTTP/1.1\r\na: b\r\n\r\n", "error", [],
    "HTTP/1.1 request without Host: error (RFC 9112 3.2: a server MUST respond 400); h11 rejects it "
    "too; " + EW, src(F, T, "missing Host"))
add("ev-http10-no-host", "request", b"GET / HTTP/1.0\r\na: b\r\n\r\n", "ok",
    [req("GET", "/", "HTTP/1.0", [("a", "b")])],
    "HTTP/1.0 request without Host: valid; " + EW, src(F, T, "no Host, HTTP/1.0"))
add("ev-host-odd-case", "request", b"GET / HTTP/1.1\r\na: b\r\nhOSt: example.com\r\n\r\n", "ok",
    [req("GET", "/", "HTTP/1.1", [("a", "b"), ("hOSt", "example.com")])],
    "field names are case-insensitive, so 'hOSt' is the Host field; the dump keeps the case; " + EW,
    src(F, T, "Host with weird capitalization"))
add("ev-two-hosts-http11", "request", b"GET / HTTP/1.1\r\nHost: a\r\nHost: a\r\n\r\n", "error", [],
    "two Host field lines: error (RFC 9112 3.2; profile: any request with more than one Host line); "
    "h11 rejects it too; " + EW, src(F, T, "multiple Host, HTTP/1.1"))
add("ev-two-hosts-http10", "request", b"GET / HTTP/1.0\r\nHost: a\r\nHost: a\r\n\r\n", "error", [],
    "two Host field lines in an HTTP/1.0 request: error too (profile); h11 rejects it too; " + EW,
    src(F, T, "multiple Host, HTTP/1.0"))
for slug, c, what in [("nul", b"\x00", "NUL"), ("cr", b"\r", "CR"), ("lf", b"\n", "LF"),
                      ("ff", b"\x0c", "form feed"), ("vt", b"\x0b", "vertical tab")]:
    peer = ("differs from h11 on the wire: h11's reader takes the bare LF as a line end, so the "
            "head ends at the CRLF after it and the request is accepted (its test only checks the "
            "event constructor)" if slug == "lf" else "h11 rejects it too")
    add("ev-value-" + slug, "request",
        b"GET / HTTP/1.0\r\nHost: a\r\nFoo: asd" + c + b"\r\n\r\n", "error", [],
        "a %s at the end of a field value: a value holds VCHAR, SP, HTAB and obs-text only, and a CR "
        "or LF that does not form CRLF is an error (RFC 9110 5.5, RFC 9112 2.2; profile); %s; %s"
        % (what, peer, EW), src(F, T, "header value with %s" % what))
add("ev-value-ctl-and-del", "request", b"GET / HTTP/1.0\r\nHost: a\r\nFoo: asd\x01\x02\x7f\r\n\r\n",
    "error", [],
    "differs from h11: h11 accepts control bytes other than whitespace, NUL, CR, LF in a value 'for "
    "compatibility'; the profile rejects every control byte and DEL (field-value = VCHAR / SP / HTAB "
    "/ obs-text, RFC 9110 5.5); " + EW, src(F, T, "non-whitespace control characters allowed"))
for slug, byte, what, exp in [("nul", b"\x00", "NUL", "error"), ("sp", b"\x20", "SP", "error"),
                              ("del", b"\x7f", "DEL", "error"), ("obs-text", b"\xee", "byte 0xEE", "either")]:
    d = b"GET /" + byte + b" HTTP/1.1\r\nHost: a\r\n\r\n"
    if exp == "error":
        msgs = []
        why = ("the request-target has no whitespace, control or DEL bytes (RFC 9112 3.2; profile); "
               "h11 rejects it too")
    else:
        msgs = [req("GET", "/" + b2s(byte), "HTTP/1.1", [("Host", "a")])]
        why = ("h11 rejects it, one of the two readings the profile allows: bytes 0x80-0xFF in the "
               "request-target are 'either' in the profile")
    add("ev-target-" + slug, "request", d, exp, msgs, what + " in the request-target: " + why + "; " + EW,
        src(F, T, "request target with %s" % what))
add("ev-method-with-spaces", "request", b"GET / HTTP/1.1 /\xee HTTP/1.1\r\nHost: a\r\n\r\n", "error", [],
    "a 'method' holding spaces: the request-line has five parts, not three (RFC 9112 3); h11 "
    "rejects the method too; " + EW, src(F, T, "method \"GET / HTTP/1.1\""))
T = "test_header_casing"
add("ev-header-casing", "request",
    b"GET / HTTP/1.1\r\nHost: example.org\r\nConnection: keep-alive\r\n\r\n", "ok",
    [req("GET", "/", "HTTP/1.1", [("Host", "example.org"), ("Connection", "keep-alive")])],
    "field names are shown with their case as sent (CONFORMANCE.md 1); " + EW, src(F, T))

# ---------------------------------------------------------------------------
# test_receivebuffer.py: test_receivebuffer_for_invalid_delimiter
# ---------------------------------------------------------------------------
F = "test_receivebuffer.py"
T = "test_receivebuffer_for_invalid_delimiter"
add("rb-crlf", "response", b"HTTP/1.1 200 OK\r\nContent-type: text/plain\r\n\r\nSome body", "ok",
    [res("HTTP/1.1", 200, "OK", [("Content-type", "text/plain")], "close", b"Some body")],
    "CRLF-delimited head, close-delimited body", src(F, T, "with_crlf_delimiter"))
for slug, data, pid in [
    ("rb-lf-only", b"HTTP/1.1 200 OK\nContent-type: text/plain\n\nSome body", "with_lf_only_delimiter"),
    ("rb-double-lf", b"HTTP/1.1 200 OK\r\nContent-type: text/plain\n\nSome body", "with_double_lf_before_body"),
    ("rb-mixed", b"HTTP/1.1 200 OK\r\nContent-type: text/plain\r\n\nSome body", "with_mixed_crlf"),
]:
    add(slug, "response", data, "error", [],
        "differs from h11: h11's receive buffer ends lines at a bare LF too and accepts this head; "
        "the profile requires CRLF (RFC 9112 2.2; bare LF is an off-by-default option)",
        src(F, T, pid))


def main():
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))
    with open(os.path.join(here, "h11.json"), "w") as f:
        json.dump(CASES, f, ensure_ascii=True, indent=1)
        f.write("\n")
    counts = {}
    for c in CASES:
        counts[c["expect"]] = counts.get(c["expect"], 0) + 1
    modes = {}
    for c in CASES:
        modes[c["mode"]] = modes.get(c["mode"], 0) + 1
    print("cases: %d %s %s" % (len(CASES), counts, modes))
    print("derived (variants): %d" % sum(1 for c in CASES if "(variant:" in c["source"]))
    print("duplicates dropped: %d" % len(DUPLICATES))
    for s, cid in DUPLICATES:
        print("  dup of %s: %s" % (cid, s))


if __name__ == "__main__":
    main()
