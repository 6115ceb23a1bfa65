#!/usr/bin/env python3
"""Build tests/corpus/netty.json: h1wire corpus cases from netty's HTTP/1 codec tests.

netty (https://github.com/netty/netty, Apache License 2.0) keeps the tests of
its HTTP/1 codec in codec-http/src/test/java/io/netty/handler/codec/http/.
Only the byte streams those tests feed to a decoder (HttpRequestDecoder,
HttpResponseDecoder, or the decoding half of HttpServerCodec / HttpClientCodec)
are taken here, rebuilt from the Java string literals, concatenations and
loops. Each case's expectation is decided by the strict profile of
CONFORMANCE.md section 3 and RFC 9112 / RFC 9110, not by netty's answer.
Where netty answers differently, the note says so ("differs from netty: ...").

Run: python3 tests/corpus/make/netty.py   (writes netty.json beside this script)
"""

import json
import os
import sys

from common import b2s, req, line_res as res

REPO = "netty/netty"
DIR = "codec-http/src/test/java/io/netty/handler/codec/http/"
# Stored versions read with the search tool's read_file (for each file the
# newest version of the io.netty package the index holds).
VERSIONS = {
    "HttpRequestDecoderTest.java": "017643d82d6901e74928f9f2bc64119258798e7d",
    "HttpResponseDecoderTest.java": "c65251792bc0fcc6c1af4753ee0d1120ceef02b1",
    "HttpInvalidMessageTest.java": "09f1a9defaf6d57da22ae02841b31c1a475c61ae",
    "MultipleContentLengthHeadersTest.java": "246e97d07b6b3d2fc91ca0910b68c76b757b2578",
    "HttpServerCodecTest.java": "08ffc2c05206268d3b221113d44fba43b9ea6df6",
    "HttpClientCodecTest.java": "00540bde4ccd8d0d58d9f938c54764fc8c2bad0f",
    "HttpObjectAggregatorTest.java": "ac3f823cce911b5239f3d01c9f6b44be683b2e48",
    "HttpVersionParsingTest.java": "07640c42100dc1635b6fe922c71557a45bb9a47a",
}

CASES = []
SEEN = {}
DUPLICATES = []  # (source of the merged stream, id of the case that holds it)
SKIPPED = []     # (file, test, reason)


def src(fname, test, detail=None, derived=None):
    s = "%s %s%s (commit %s): %s" % (REPO, DIR, fname, VERSIONS[fname][:12], test)
    if detail:
        s += ", " + detail
    if derived:
        s += " (variant: %s)" % derived
    return s


def short(source):
    """'File.java: test, detail' out of a full source string."""
    s = source.replace(REPO + " " + DIR, "")
    f, rest = s.split(" (commit ", 1)
    return f + ": " + rest.split("): ", 1)[1]


def add(slug, mode, data, expect, messages, note, source, methods=()):
    assert isinstance(data, bytes)
    assert expect in ("ok", "error", "either")
    cid = "netty-" + slug
    assert cid not in {c["id"] for c in CASES}, cid
    key = (mode, tuple(methods), data)
    if key in SEEN:
        DUPLICATES.append((source, SEEN[key]))
        for c in CASES:
            if c["id"] == SEEN[key]:
                c["source"] += "; the same bytes also in " + short(source)
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


def also(slug, source):
    """Record that a test feeds exactly the bytes of an existing case."""
    cid = "netty-" + slug
    for c in CASES:
        if c["id"] == cid:
            c["source"] += "; the same bytes also in " + short(source)
            DUPLICATES.append((source, cid))
            return
    raise KeyError(cid)


def add_host(slug, data, expect, messages, note, source, starts=None, host=b"example.com"):
    """The same request(s) with `Host: example.com` after each request-line (-host).

    starts: byte offsets of the request-lines (default: only the first, at 0).
    """
    starts = starts or [0]
    out = b""
    prev = 0
    for st in starts:
        eol = data.index(b"\r\n", st) + 2
        out += data[prev:eol] + b"Host: " + host + b"\r\n"
        prev = eol
    out += data[prev:]
    add(slug + "-host", "request", out, expect, messages,
        "derived: a Host field was added after the request-line" +
        ("s" if len(starts) > 1 else "") +
        ", since the HTTP/1.1 original is rejected for its missing Host before what the test is "
        "about can matter; " + note,
        source + " (variant: Host field added)")


def skip(fname, test, reason):
    SKIPPED.append((fname, test, reason))


NOHOST = ("the netty test sends this HTTP/1.1 request without a Host field, which the profile "
          "rejects (RFC 9112 3.2: a server MUST respond 400 to an HTTP/1.1 request that lacks "
          "Host; netty's decoder does not check Host); the -host variant checks the feature itself")

H = ("Host", "example.com")

# ---------------------------------------------------------------------------
# HttpRequestDecoderTest.java
# ---------------------------------------------------------------------------
F = "HttpRequestDecoderTest.java"


def create_content(d1, d2):
    return (b"GET /some/path?foo=bar&wibble=eek HTTP/1.1" + b"\r\n" +
            b"Upgrade: WebSocket" + d2 +
            b"Connection: Upgrade" + d1 +
            b"Host: localhost" + d2 +
            b"Accept: */*" + d1 +
            b"Origin: http://localhost:8080" + d1 +
            b"Sec-WebSocket-Key1: 10  28 8V7 8 48     0" + d2 +
            b"Sec-WebSocket-Key2: 8 Xt754O3Q3QW 0   _60" + d1 +
            b"Content-Length: " + b"8" + d2 +
            b"\r\n" +
            b"12345678")


WS_HEADERS = [("Upgrade", "WebSocket"), ("Connection", "Upgrade"), ("Host", "localhost"),
              ("Accept", "*/*"), ("Origin", "http://localhost:8080"),
              ("Sec-WebSocket-Key1", "10  28 8V7 8 48     0"),
              ("Sec-WebSocket-Key2", "8 Xt754O3Q3QW 0   _60"), ("Content-Length", "8")]

CRLF_CONTENT = create_content(b"\r\n", b"\r\n")
LF_CONTENT = create_content(b"\n", b"\n")
MIXED_CONTENT = create_content(b"\r\n", b"\n")

add("req-ws-crlf", "request", CRLF_CONTENT, "ok",
    [req("GET", "/some/path?foo=bar&wibble=eek", "HTTP/1.1", WS_HEADERS, "length", b"12345678")],
    "a WebSocket (hixie-76 style) handshake request with Content-Length: 8 and an 8-byte body. "
    "A request carrying Upgrade is an ordinary message (profile, framing 1: only the server's "
    "101 switches), so its body is framed by Content-Length (RFC 9112 6.3 step 6); inner runs "
    "of spaces in a value are kept. netty's multiple-steps test feeds it in every fragment size; "
    "the runner's split sizes stand for that",
    src(F, "testDecodeWholeRequestAtOnceCRLFDelimiters"))
also("req-ws-crlf", src(F, "testDecodeWholeRequestInMultipleStepsCRLFDelimiters",
                         "fed in fragments of every size"))

add("req-ws-lf", "request", LF_CONTENT, "error", [],
    "differs from netty: every field line ends in a bare LF (the request-line and the final "
    "empty line end in CRLF). netty's test version accepts bare LF line ends (netty's own later "
    "'strict line parsing' default rejects them); the profile requires CRLF (RFC 9112 2.2; bare "
    "LF is an off-by-default option)",
    src(F, "testDecodeWholeRequestAtOnceLFDelimiters"))
also("req-ws-lf", src(F, "testDecodeWholeRequestInMultipleStepsLFDelimiters",
                       "fed in fragments of every size"))

add("req-ws-mixed", "request", MIXED_CONTENT, "error", [],
    "differs from netty: CRLF and bare LF line ends mixed in one head (Upgrade, Host, "
    "Sec-WebSocket-Key1 and Content-Length lines end in bare LF). netty's test version accepts "
    "them; the profile requires CRLF (RFC 9112 2.2)",
    src(F, "testDecodeWholeRequestAtOnceMixedDelimiters"))
also("req-ws-mixed", src(F, "testDecodeWholeRequestInMultipleStepsMixedDelimiters",
                          "fed in fragments of every size"))
also("req-ws-mixed", src(F, "testDecodeWholeRequestAtOnceMixedDelimitersWithIntegerOverflowOnMaxBodySize",
                          "with a max header size of Integer.MAX_VALUE and MAX_VALUE - 1"))

s = src(F, "testMultiLineHeader")
d = (b"GET /some/path HTTP/1.1\r\n" + b"Host: localhost\r\n" + b"MyTestHeader: part1\r\n" +
     b"              newLinePart2\r\n" + b"MyTestHeader2: part21\r\n" +
     b"\t            newLinePart22" + b"\r\n" + b"\r\n")
add("req-obs-fold", "request", d, "error", [],
    "differs from netty: two obs-fold continuation lines (leading SPs, leading HTAB) in a "
    "request; netty unfolds them ('part1 newLinePart2'); the profile rejects obs-fold in "
    "requests (RFC 9112 5.2 lets a server reject it with 400; the strict profile does)", s)

s = src(F, "testEmptyHeaderValue")
d = b"GET /some/path HTTP/1.1\r\n" + b"Host: localhost\r\n" + b"EmptyHeader:\r\n" + b"\r\n"
add("req-empty-value", "request", d, "ok",
    [req("GET", "/some/path", "HTTP/1.1", [("Host", "localhost"), ("EmptyHeader", "")])],
    "a field with an empty value (field-value = *field-content, RFC 9110 5.5); netty agrees", s)

# test100Continue / test100ContinueWithBadClient: the test calls decoder.reset()
# between two writes; the bytes before the reset and those after it are two
# streams (a reset decoder starts from its initial state, like a new connection).
RESET = ("netty's test then calls decoder.reset(), which has no corpus equivalent: the bytes "
         "written before the reset are this stream, and the dump's end of stream comes where "
         "the test resets")
AFTER_RESET = ("the bytes netty's test writes after resetting the decoder, decoded from the "
               "initial state as a stream of their own")
s = src(F, "test100Continue", "bytes before decoder.reset()")
d = b"PUT /file HTTP/1.1\r\n" + b"Expect: 100-continue\r\n" + b"Content-Length: 1048576000\r\n\r\n"
add("req-100-continue-put", "request", d, "error", [],
    "a PUT that announces 1048576000 body bytes with Expect: 100-continue, and no body: the "
    "stream ends inside the body, an error at end of stream (profile, dump contract). " + RESET +
    ". " + NOHOST, s)
add_host("req-100-continue-put", d, "error", [],
         "the head is valid, but the stream still ends inside the 1048576000-byte body (error at "
         "end of stream); netty emits the head and waits", s)

s = src(F, "test100Continue", "bytes after decoder.reset()")
d = b"GET /max-file-size HTTP/1.1\r\n\r\n"
add("req-after-reset-get", "request", d, "error", [],
    AFTER_RESET + ": an HTTP/1.1 GET without any field. " + NOHOST, s)
add_host("req-after-reset-get", d, "ok",
         [req("GET", "/max-file-size", "HTTP/1.1", [H])],
         "a plain GET with no body (RFC 9112 6.3 step 7: length 0)", s)
also("req-after-reset-get", src(F, "test100ContinueWithBadClient", "bytes after decoder.reset()"))

s = src(F, "test100ContinueWithBadClient", "bytes before decoder.reset()")
d = (b"PUT /file HTTP/1.1\r\n" + b"Expect: 100-continue\r\n" + b"Content-Length: 1048576000\r\n\r\n" +
     b"WAY_TOO_LARGE_DATA_BEGINS")
add("req-100-continue-bad-client", "request", d, "error", [],
    "a client that sends body bytes without waiting for 100 Continue; the 25 bytes are the start "
    "of the 1048576000-byte body, and the stream ends inside it (error at end of stream). " +
    RESET + ". " + NOHOST, s)
add_host("req-100-continue-bad-client", d, "error", [],
         "the body is still cut short by end of stream", s)

s = src(F, "testMessagesSplitBetweenMultipleBuffers", "str1 + str2")
d = (b"GET /some/path HTTP/1.1\r\n" + b"Host: localhost1\r\n" + b"\r\n" +
     b"GET /some/other/path HTTP/1.0\r\n" + b"Hos" +
     b"t: localhost2\r\n" + b"content-length: 0\r\n" + b"\r\n")
add("req-split-pipelined", "request", d, "ok",
    [req("GET", "/some/path", "HTTP/1.1", [("Host", "localhost1")]),
     req("GET", "/some/other/path", "HTTP/1.0", [("Host", "localhost2"), ("content-length", "0")],
         "length")],
    "two pipelined requests, the second an HTTP/1.0 one with content-length: 0 (length framing, "
    "empty body; field names are case-insensitive, RFC 9110 5.1); netty's test splits the "
    "stream inside the second Host name, the runner's split sizes cover that", s)

skip(F, "testTooLargeInitialLine", "non-default limit (max initial line 10 bytes)")
skip(F, "testTooLargeHeaders", "non-default limit (max header size 10 bytes)")
skip(F, "testTotalHeaderLimit", "non-default limit (max header size 18 and 19 bytes)")

s = src(F, "testTooLargeInitialLineWithWSOnly")
d = b" " * 20 + b"GET / HTTP/1.1\r\n" + b"Host: localhost1\r\n\r\n"
add("req-leading-spaces", "request", d, "error", [],
    "20 SPs before the request-line. netty's test uses a 15-byte line limit and expects "
    "TooLongHttpLineException; with its default limits netty skips leading whitespace and would "
    "accept. The profile rejects the stream with any limits: a request-line starts with the "
    "method token (RFC 9112 3), and only one empty line (CRLF) may be skipped before it "
    "(RFC 9112 2.2)", s)

s = src(F, "testTooLargeInitialLineWithCRLFOnly")
d = b"\r\n" * 8 + b"GET / HTTP/1.1\r\n" + b"Host: localhost1\r\n\r\n"
add("req-8-empty-lines", "request", d, "error", [],
    "8 empty lines (CRLF) before the request-line. netty's test uses a 15-byte line limit and "
    "expects TooLongHttpLineException; with its default limits netty skips them all and would "
    "accept. The profile skips at most one empty line before a request-line (RFC 9112 2.2 says "
    "'at least one'; the strict profile takes one), so this is an error with any limits", s)

s = src(F, "testInitialLineWithLeadingControlChars")
d = b"\r\n" + b"GET /some/path HTTP/1.1\r\n" + b"Host: localhost\r\n" + b"\r\n"
add("req-one-leading-crlf", "request", d, "ok",
    [req("GET", "/some/path", "HTTP/1.1", [("Host", "localhost")])],
    "one empty line before the request-line is skipped (RFC 9112 2.2: a server SHOULD ignore at "
    "least one empty line received prior to the request-line); netty agrees", s)

for ctl in (0x1c, 0x1d, 0x1e, 0x1f, 0x0c):
    s = src(F, "testHeaderNameStartsWithControlChar%02x" % ctl)
    d = (b"GET /some/path HTTP/1.1\r\n" + b"Host: netty.io\r\n" + bytes([ctl]) +
         b"Transfer-Encoding: chunked\r\n\r\n")
    add("req-name-starts-ctl-%02x" % ctl, "request", d, "error", [],
        "a field name that starts with the control byte 0x%02x ('\\x%02xTransfer-Encoding'): "
        "field-name = token, and a control byte is no tchar (RFC 9110 5.1); a decoder that strips "
        "it would read a chunked request that has no body; netty rejects it too" % (ctl, ctl), s)

for ctl in (0x1c, 0x1d, 0x1e, 0x1f, 0x0c):
    s = src(F, "testHeaderNameEndsWithControlChar%02x" % ctl)
    d = (b"GET /some/path HTTP/1.1\r\n" + b"Host: netty.io\r\n" + b"Transfer-Encoding" +
         bytes([ctl]) + b": chunked\r\n\r\n")
    add("req-name-ends-ctl-%02x" % ctl, "request", d, "error", [],
        "a field name that ends with the control byte 0x%02x before the colon: not a token "
        "(RFC 9110 5.1), and no byte of any kind may stand between name and colon (RFC 9112 5.1); "
        "netty rejects it too" % ctl, s)

s = src(F, "testWhitespace")
d = b"GET /some/path HTTP/1.1\r\n" + b"Transfer-Encoding : chunked\r\n" + b"Host: netty.io\r\n\r\n"
add("req-te-space-before-colon", "request", d, "error", [],
    "SP between field name and colon: a server MUST reject the request with 400 (RFC 9112 5.1); "
    "netty rejects it too", s)

s = src(F, "testWhitespaceInTransferEncoding01")
d = (b"GET /some/path HTTP/1.1\r\n" + b"Transfer-Encoding : chunked\r\n" + b"Content-Length: 1\r\n" +
     b"Host: netty.io\r\n\r\n" + b"a")
add("req-te-space-before-colon-with-cl", "request", d, "error", [],
    "'Transfer-Encoding : chunked' beside Content-Length: 1: whitespace before the colon is an "
    "error (RFC 9112 5.1), and so is TE with CL in a request (profile framing 2); a decoder that "
    "ignored the malformed line would read a 1-byte body, one that trimmed it would read chunked "
    "(the smuggling pattern); netty rejects it too", s)

s = src(F, "testWhitespaceInTransferEncoding02")
d = (b"POST / HTTP/1.1" + b"Transfer-Encoding : chunked\r\n" + b"Host: target.com" +
     b"Content-Length: 65\r\n\r\n" + b"0\r\n\r\n" + b"GET /maliciousRequest HTTP/1.1\r\n" +
     b"Host: evilServer.com\r\n" + b"Foo: x")
add("req-te-space-smuggle-no-crlf", "request", d, "error", [],
    "the Java literals leave out two CRLFs, so the request-line reads 'POST / HTTP/1.1Transfer-"
    "Encoding : chunked' (an invalid HTTP-version, RFC 9112 2.3) and the Host line runs into "
    "'Content-Length: 65'; the stream is rejected at its first line; netty rejects it too", s)

s = src(F, "testHeaderWithNoValueAndMissingColon")
d = (b"GET /some/path HTTP/1.1\r\n" + b"Content-Length: 0\r\n" + b"Host:\r\n" + b"netty.io\r\n\r\n")
add("req-line-without-colon", "request", d, "error", [],
    "'Host:' with an empty value followed by a line 'netty.io' that has no colon: a field line "
    "needs a colon (RFC 9112 5), so the head is invalid whatever one thinks of the empty Host; "
    "netty rejects it too", s)

s = src(F, "testMultipleContentLengthHeaders")
d = b"GET /some/path HTTP/1.1\r\n" + b"Content-Length: 1\r\n" + b"Content-Length: 0\r\n\r\n" + b"b"
add("req-cl-1-and-0", "request", d, "error", [],
    "two Content-Length field lines with different values (1 and 0): an unrecoverable framing "
    "error (RFC 9112 6.3 step 5; profile framing 3); netty rejects it too. " + NOHOST, s)
add_host("req-cl-1-and-0", d, "error", [],
         "differing Content-Length values are an error (RFC 9112 6.3 step 5)", s)

s = src(F, "testMultipleContentLengthHeaders2")
d = (b"GET /some/path HTTP/1.1\r\n" + b"Content-Length: 1\r\n" + b"Connection: close\r\n" +
     b"Content-Length: 0\r\n\r\n" + b"b")
add("req-cl-1-close-0", "request", d, "error", [],
    "differing Content-Length values (1 and 0) separated by another field: an error (RFC 9112 6.3 "
    "step 5); netty rejects it too. " + NOHOST, s)
add_host("req-cl-1-close-0", d, "error", [],
         "differing Content-Length values are an error (RFC 9112 6.3 step 5)", s)

s = src(F, "testContentLengthHeaderWithCommaValue")
d = b"GET /some/path HTTP/1.1\r\n" + b"Content-Length: 1,1\r\n\r\n" + b"b"
add("req-cl-1-comma-1", "request", d, "error", [],
    "'Content-Length: 1,1' (a list of identical values). " + NOHOST, s)
add_host("req-cl-1-comma-1", d, "either",
         [req("GET", "/some/path", "HTTP/1.1", [H, ("Content-Length", "1,1")], "length", b"b")],
         "'Content-Length: 1,1': several identical values may be accepted as one or rejected "
         "(RFC 9110 8.6; profile framing 3: either); accepted, the body is 'b'. netty (default, "
         "allowDuplicateContentLengths off) rejects it, which the profile allows", s)

s = src(F, "testMultipleContentLengthHeadersWithFolding")
d = (b"POST / HTTP/1.1\r\n" + b"Host: example.com\r\n" + b"Connection: close\r\n" +
     b"Content-Length: 5\r\n" + b"Content-Length:\r\n" + b"\t6\r\n\r\n" + b"123456")
add("req-cl-folded-second", "request", d, "error", [],
    "a second Content-Length whose value comes on an obs-fold line ('Content-Length:' CRLF "
    "HTAB '6'): obs-fold in a request is an error in the profile (RFC 9112 5.2), and unfolded "
    "the values 5 and 6 differ (RFC 9112 6.3 step 5); netty rejects it too", s)

for sep, sname in ((0x0b, "vt"), (0x0d, "cr")):
    for extra in (False, True):
        s = src(F, "testContentLengthAndTransferEncodingHeadersWith%s" %
                ("VerticalTab" if sep == 0x0b else "CR"), "extraLine=%s" % str(extra).lower())
        d = (b"POST / HTTP/1.1\r\n" + b"Host: example.com\r\n" + b"Connection: close\r\n" +
             b"Content-Length: 9\r\n" + b"Transfer-Encoding:" + bytes([sep]) + b"chunked\r\n\r\n" +
             (b"0\r\n\r\n" if extra else b"") + b"something\r\n\r\n")
        what = ("a vertical tab (0x0b), a control byte a field value may not hold (RFC 9110 5.5)"
                if sep == 0x0b else
                "a bare CR, which may only appear as part of CRLF (RFC 9112 2.2)")
        add("req-te-%s-separator%s" % (sname, "-extra-line" if extra else ""), "request", d, "error", [],
            "'Transfer-Encoding:' + %s + 'chunked' beside Content-Length: 9%s: the head is invalid; "
            "a decoder that took the byte for whitespace would frame by chunked (and with CL, a "
            "request with both is an error too, profile framing 2); netty rejects it too" %
            (what, ", with '0\\r\\n\\r\\n' before the body text" if extra else ""), s)

s = src(F, "testContentLengthHeaderAndChunked")
d = (b"POST / HTTP/1.1\r\n" + b"Host: example.com\r\n" + b"Connection: close\r\n" +
     b"Content-Length: 5\r\n" + b"Transfer-Encoding: chunked\r\n\r\n" + b"0\r\n\r\n")
add("req-cl-and-te", "request", d, "error", [],
    "differs from netty: a request with both Content-Length and Transfer-Encoding: chunked. "
    "netty drops the Content-Length and reads the chunked body (RFC 9112 6.3 step 4 lets a "
    "server do that if it then closes); the profile rejects it (RFC 9112 6.1: 'ought to be "
    "handled as an error'; profile framing 2), the reading that closes the smuggling door", s)

s = src(F, "testOrderOfHeadersWithContentLength")
d = (b"GET /some/path HTTP/1.1\r\n" + b"Host: example.com\r\n" + b"Content-Length: 5\r\n" +
     b"Connection: close\r\n\r\n" + b"hello")
add("req-header-order", "request", d, "ok",
    [req("GET", "/some/path", "HTTP/1.1", [H, ("Content-Length", "5"), ("Connection", "close")],
         "length", b"hello")],
    "field lines are kept in wire order; a GET with a 5-byte body (RFC 9112 6.3 step 6); netty agrees", s)

s = src(F, "testHttpMessageDecoderResult")
d = (b"PUT /some/path HTTP/1.1\r\n" + b"Content-Length: 11\r\n" + b"Connection: close\r\n\r\n" +
     b"Lorem ipsum")
add("req-put-lorem", "request", d, "error", [],
    "a PUT with an 11-byte body (netty's test checks its recorded line and head sizes). " + NOHOST, s)
add_host("req-put-lorem", d, "ok",
         [req("PUT", "/some/path", "HTTP/1.1", [H, ("Content-Length", "11"), ("Connection", "close")],
              "length", b"Lorem ipsum")],
         "a PUT with an 11-byte body", s)

s = src(F, "headerValuesMayBeBracketedByZeroOrMoreWhitespace")
d = (b"GET / HTTP/1.1\r\n" + b"Host:example.com\r\n" + b"X-0-Header:  x0\r\n" +
     b"X-1-Header:\tx1\r\n" + b"X-2-Header: \t x2\r\n" + b"X-3-Header:x3\t \r\n" + b"\r\n")
add("req-ows-variants", "request", d, "ok",
    [req("GET", "/", "HTTP/1.1", [("Host", "example.com"), ("X-0-Header", "x0"), ("X-1-Header", "x1"),
                                  ("X-2-Header", "x2"), ("X-3-Header", "x3")])],
    "OWS around a value is zero or more SP/HTAB and is not part of the value (RFC 9112 5.1, "
    "RFC 9110 5.6.3); netty agrees", s)

s = src(F, "testChunkSizeOverflow")
d = b"PUT /some/path HTTP/1.1\r\n" + b"Transfer-Encoding: chunked\r\n\r\n" + b"8ccccccc\r\n"
add("req-chunk-size-8ccccccc", "request", d, "error", [],
    "a chunk-size of 0x8ccccccc. " + NOHOST, s)
add_host("req-chunk-size-8ccccccc", d, "error", [],
         "the chunk-size 0x8ccccccc (2361183436) fits u64 and is valid for the profile, which "
         "limits only the size line; the stream ends inside that chunk's data, so it is an "
         "error at end of stream. netty rejects the size itself (NumberFormatException: it "
         "keeps chunk sizes in an int); both end in an error, for different reasons", s)

add("req-chunk-size-over-u64-host", "request",
    b"PUT /some/path HTTP/1.1\r\nHost: example.com\r\n" + b"Transfer-Encoding: chunked\r\n\r\n" +
    b"10000000000000000\r\n", "error", [],
    "derived: netty's overflow test with a chunk-size that overflows the profile's integer: "
    "0x10000000000000000 is 2^64, one more than u64 holds; the profile requires the size to fit "
    "u64 (CONFORMANCE.md 3, Chunked bodies), so the size line itself is an error (a decoder that "
    "wraps it to 0 would read the last chunk and smuggle what follows); netty rejects any size "
    "above its int range",
    src(F, "testChunkSizeOverflow", derived="Host field added and the chunk-size replaced by 2^64"))

s = src(F, "testChunkSizeOverflow2")
d = b"PUT /some/path HTTP/1.1\r\n" + b"Transfer-Encoding: chunked\r\n\r\n" + b"bbbbbbbe;\n\r\n"
add("req-chunk-size-bbbbbbbe-semicolon-lf", "request", d, "error", [],
    "a chunk-size line 'bbbbbbbe;' ended by a bare LF. " + NOHOST, s)
add_host("req-chunk-size-bbbbbbbe-semicolon-lf", d, "error", [],
         "the chunk line is invalid twice: ';' must be followed by a chunk-ext-name (a token, "
         "RFC 9112 7.1.1) and the line ends in a bare LF (RFC 9112 7.1 needs CRLF); netty "
         "rejects the size (NumberFormatException: 0xbbbbbbbe overflows its int)", s)

for ver in ["HTP/1.1", "HTTP", "HTTP/1x", "Something/1.1", "HTTP/1", "HTTP/1.11", "HTTP/11.1",
            "HTTP/A.1", "HTTP/1.B"]:
    s = src(F, "testInvalidVersion", "version \"%s\"" % ver)
    d = b"GET / " + ver.encode() + b"\r\nHost: whatever\r\n\r\n"
    slug = ver.lower().replace("/", "-").replace(".", "-")
    add("req-invalid-version-" + slug, "request", d, "error", [],
        "request-line with HTTP-version '%s': HTTP-version = 'HTTP/' DIGIT '.' DIGIT "
        "(RFC 9112 2.3), and the profile accepts only HTTP/1.0 and HTTP/1.1; netty rejects it too" % ver, s)

for suffix, name in ((b"\r", "cr"), (b"\x0b", "vt"), (b"\x0c", "ff")):
    s = src(F, "testHeaderValueWithInvalidSuffix", "suffix \\u%04x" % suffix[0])
    d = b"GET / HTTP/1.1\r\nHost: whatever\r\nTest-Key: test-value" + suffix + b"\r\n\r\n"
    why = ("a CR right before the line's CRLF (a CR not followed by LF, RFC 9112 2.2)" if name == "cr"
           else "the control byte 0x%02x at the end of a value (field-vchar excludes controls, "
                "RFC 9110 5.5)" % suffix[0])
    add("req-value-suffix-" + name, "request", d, "error", [],
        why + "; netty rejects it too", s)

s = src(F, "testLeadingWhitespaceInFirstHeaderName")
d = b"POST / HTTP/1.1\r\n\tContent-Length: 1\r\n\r\nX"
add("req-first-field-leading-tab", "request", d, "error", [],
    "the first field line starts with HTAB: there is no field to continue, and a line that "
    "starts with whitespace there must be rejected or ignored (RFC 9112 2.2); the strict profile "
    "rejects it, netty too. " + NOHOST, s)
add_host("req-first-field-leading-tab", d, "error", [],
         "with Host inserted before it, the HTAB line now continues the Host line: obs-fold in a "
         "request, an error in the profile (RFC 9112 5.2); either way a decoder must not read "
         "'Content-Length: 1' as a field", s)

s = src(F, "testNulInInitialLine")
d = b"GET / HTTP/1.1\r\x00\nHost: whatever\r\n\r\n"
add("req-cr-nul-lf", "request", d, "error", [],
    "a NUL between the CR and LF that end the request-line: a CR not followed by LF is an error "
    "(RFC 9112 2.2), and NUL is never allowed; netty rejects it too", s)

s = src(F, "reentrantClose")
d = (b"GET / HTTP/1.1\r\n" + b"Host: example.com\r\n" + b"Content-Length: 0\r\n" + b"\r\n" +
     b"GET / HTTP/1.1\r\n" + b"Host: example.com\r\n" + b"Content-Length: 0\r\n" + b"\r\n")
m1 = req("GET", "/", "HTTP/1.1", [H, ("Content-Length", "0")], "length")
add("req-two-gets-cl0", "request", d, "ok", [m1, m1],
    "two pipelined GETs with Content-Length: 0; netty's test closes the channel from its handler "
    "after the first message and checks that decoding stops cleanly; the dump never closes, and "
    "decodes both", s)

# ---------------------------------------------------------------------------
# HttpResponseDecoderTest.java
# ---------------------------------------------------------------------------
F = "HttpResponseDecoderTest.java"

s = src(F, "testMaxHeaderSize1")
a = b"a" * (8192 // 2 - 4)
d = b"HTTP/1.1 200 OK\r\n" + b"A:" + a + b"\r\n" + b"B:" + a + b"\r\n" + b"\r\n"
add("res-two-4k-fields", "response", d, "ok",
    [res("HTTP/1.1", 200, "OK", [("A", b2s(a)), ("B", b2s(a))], "close")],
    "two field lines of 4094 bytes each (values of 4092 'a'); netty's test feeds them in pieces "
    "with an 8192-byte head limit and expects success; under the profile's default limits "
    "(16 KiB a line, 64 KiB a head) they are fine too. No framing field: the body is read to "
    "end of stream (RFC 9112 6.3 step 8), here empty", s)
skip(F, "testMaxHeaderSize2", "non-default limit (fails only at netty's 8192-byte head limit)")
skip(F, "testTotalHeaderLimit", "non-default limit (max header size 18 and 19 bytes)")

s = src(F, "testResponseChunked")
data64 = bytes(range(64))
d = (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" +
     (b"40" + b"\r\n" + data64 + b"\r\n") * 10 + b"0\r\n\r\n")
add("res-chunked-10x64", "response", d, "ok",
    [res("HTTP/1.1", 200, "OK", [("Transfer-Encoding", "chunked")], "chunked", data64 * 10)],
    "ten chunks of 64 bytes (0x00..0x3f, so the data holds CR, LF and NUL bytes) and the last "
    "chunk; chunk-data is opaque (RFC 9112 7.1); netty agrees", s)
also("res-chunked-10x64", src(F, "testResponseChunkedExceedMaxChunkSize",
                               "netty's maxChunkSize 32 only cuts the content into pieces"))

s = src(F, "testResponseChunkedWithValidUncommonPatterns")
head = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
d = (head + b"  1 \r\n" + b"\x00" + b"\r\n" + b"  1\x00\r\n" + b"\x00" + b"\r\n" +
     b"  1;\r\n" + b"\x00" + b"\r\n" + b"0\r\n\r\n")
add("res-chunk-size-leading-spaces", "response", d, "error", [],
    "differs from netty: chunk-size lines '  1 ', '  1\\x00' and '  1;'. netty calls these "
    "'valid uncommon patterns' and accepts all three; the profile rejects the first already: "
    "chunk-size = 1*HEXDIG with nothing before it, whitespace after the size with no extension "
    "is an error, a NUL is never allowed, and ';' needs an extension name (RFC 9112 7.1, 7.1.1)", s)

s = src(F, "testResponseChunkedWithControlChars")
d = head + b"  1 \r\n" + b"\x00" + b"\r\n" + b"0\r\n\r\n"
add("res-chunk-size-spaces-around", "response", d, "error", [],
    "differs from netty: chunk-size line '  1 ' (SPs before and after the size); netty accepts "
    "it; the profile rejects it (chunk-size = 1*HEXDIG, RFC 9112 7.1; whitespace after the size "
    "with no extension is an error)", s)

skip(F, "testResponseDisallowPartialChunks",
     "random chunk data (java.util.Random) and a delivery option (allowPartialChunks=false)")

s = src(F, "testClosureWithoutContentLength1")
d = b"HTTP/1.1 200 OK\r\n\r\n"
add("res-200-no-fields", "response", d, "ok",
    [res("HTTP/1.1", 200, "OK", [], "close")],
    "a 200 without framing fields: its body runs to end of stream (RFC 9112 6.3 step 8), here "
    "empty; netty agrees (it emits the last content at close)", s)
also("res-200-no-fields", src(F, "testLastResponseWithEmptyHeaderAndEmptyContent"))

s = src(F, "testClosureWithoutContentLength2")
d = b"HTTP/1.1 200 OK\r\n\r\n12345678"
add("res-200-close-body", "response", d, "ok",
    [res("HTTP/1.1", 200, "OK", [], "close", b"12345678")],
    "a close-delimited body of 8 bytes completed by end of stream (RFC 9112 6.3 step 8); netty agrees", s)

s = src(F, "testPrematureClosureWithChunkedEncoding1")
d = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
add("res-chunked-closed-after-head", "response", d, "error", [],
    "a chunked response whose connection closes right after the head: the message is incomplete "
    "(RFC 9112 8); netty emits no last chunk either", s)

s = src(F, "testPrematureClosureWithChunkedEncoding2")
d = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n8\r\n12345678"
add("res-chunked-closed-in-chunk", "response", d, "error", [],
    "the connection closes after the data of the first chunk, before its CRLF and the last "
    "chunk: incomplete (RFC 9112 8); netty emits no last chunk either", s)

s = src(F, "testLastResponseWithoutContentLengthHeader")
d = b"HTTP/1.1 200 OK\r\n\r\n" + b"\x00" * 1024
add("res-200-close-1024-nul", "response", d, "ok",
    [res("HTTP/1.1", 200, "OK", [], "close", b"\x00" * 1024)],
    "a close-delimited body of 1024 NUL bytes (RFC 9112 6.3 step 8); netty agrees", s)

s = src(F, "testLastResponseWithHeaderRemoveTrailingSpaces")
d = (b"HTTP/1.1 200 OK\r\nX-Header: h2=h2v2; Expires=Wed, 09-Jun-2021 10:18:14 GMT       \r\n\r\n" +
     b"\x00" * 1024)
add("res-value-trailing-spaces", "response", d, "ok",
    [res("HTTP/1.1", 200, "OK", [("X-Header", "h2=h2v2; Expires=Wed, 09-Jun-2021 10:18:14 GMT")],
         "close", b"\x00" * 1024)],
    "trailing SPs after a value are OWS, not part of it (RFC 9112 5.1); netty agrees", s)

s = src(F, "testResetContentResponseWithTransferEncoding")
d = b"HTTP/1.1 205 Reset Content\r\n" + b"Transfer-Encoding: chunked\r\n" + b"\r\n" + b"0\r\n" + b"\r\n"
add("res-205-chunked-empty", "response", d, "ok",
    [res("HTTP/1.1", 205, "Reset Content", [("Transfer-Encoding", "chunked")], "chunked")],
    "a 205 with Transfer-Encoding: chunked and only the last chunk. 205 is not among the "
    "responses that never have a body (HEAD, 1xx, 204, 304; RFC 9112 6.3 step 1), so its "
    "framing is chunked; RFC 9110 15.3.6 forbids a server to send content in it, and here there "
    "is none; netty agrees", s)

s = src(F, "testLastResponseWithTrailingHeader")
d = (b"HTTP/1.1 200 OK\r\n" + b"Transfer-Encoding: chunked\r\n" + b"\r\n" + b"0\r\n" +
     b"Set-Cookie: t1=t1v1\r\n" + b"Set-Cookie: t2=t2v2; Expires=Wed, 09-Jun-2021 10:18:14 GMT\r\n" +
     b"\r\n")
add("res-chunked-trailers", "response", d, "ok",
    [res("HTTP/1.1", 200, "OK", [("Transfer-Encoding", "chunked")], "chunked", b"",
         [("Set-Cookie", "t1=t1v1"), ("Set-Cookie", "t2=t2v2; Expires=Wed, 09-Jun-2021 10:18:14 GMT")])],
    "an empty chunked body with two trailer fields after the last chunk (RFC 9112 7.1.2); "
    "netty agrees", s)
also("res-chunked-trailers", src(F, "testLastResponseWithTrailingHeaderFragmented",
                                  "fed in fragments of every size"))

s = src(F, "testResponseWithContentLength")
data10 = bytes(range(10))
d = b"HTTP/1.1 200 OK\r\n" + b"Content-Length: 10\r\n" + b"\r\n" + data10
add("res-cl-10", "response", d, "ok",
    [res("HTTP/1.1", 200, "OK", [("Content-Length", "10")], "length", data10)],
    "a 10-byte body (bytes 0x00..0x09) framed by Content-Length (RFC 9112 6.3 step 6); netty agrees", s)
also("res-cl-10", src(F, "testResponseWithContentLengthFragmented", "head fed in fragments of every size"))

s = src(F, "testOrderOfHeadersWithContentLength")
d = (b"HTTP/1.1 200 OK\r\n" + b"Content-Type: text/plain; charset=UTF-8\r\n" + b"Content-Length: 5\r\n" +
     b"Connection: close\r\n\r\n" + b"hello")
add("res-header-order", "response", d, "ok",
    [res("HTTP/1.1", 200, "OK", [("Content-Type", "text/plain; charset=UTF-8"), ("Content-Length", "5"),
                                 ("Connection", "close")], "length", b"hello")],
    "field lines kept in wire order; a 5-byte body; netty agrees", s)

WS101 = (b"HTTP/1.1 101 WebSocket Protocol Handshake\r\n" + b"Upgrade: WebSocket\r\n" +
         b"Connection: Upgrade\r\n" + b"Sec-WebSocket-Origin: http://localhost:8080\r\n" +
         b"Sec-WebSocket-Location: ws://localhost/some/path\r\n" + b"\r\n" + b"1234567812345678")
WS101_MSG = res("HTTP/1.1", 101, "WebSocket Protocol Handshake",
                [("Upgrade", "WebSocket"), ("Connection", "Upgrade"),
                 ("Sec-WebSocket-Origin", "http://localhost:8080"),
                 ("Sec-WebSocket-Location", "ws://localhost/some/path")], "upgrade")
s = src(F, "testWebSocketResponse")
add("res-101-hixie76", "response", WS101, "ok", [WS101_MSG],
    "differs from netty: a 101 answering a hixie-76 WebSocket handshake, followed by 16 bytes. "
    "netty special-cases this old draft and reads the 16 bytes as HTTP content of the 101; the "
    "profile ends HTTP/1 after any 101's head (RFC 9110 15.2.2, 7.8: the connection switches "
    "protocols right after the empty line), so the 16 bytes belong to the new protocol and are "
    "not decoded", s)

s = src(F, "testWebSocketResponseWithDataFollowing")
d = WS101 + bytes([1, 2, 3, 4])
add("res-101-hixie76-data-following", "response", d, "ok", [WS101_MSG],
    "differs from netty: as res-101-hixie76, with 4 more bytes; netty reads 16 bytes as content "
    "of the 101 and passes the 4 on as raw bytes; for the profile all 20 bytes after the head "
    "belong to the new protocol (RFC 9110 7.8)", s)

s = src(F, "testGarbageHeaders", "the data written twice, as the test does")
g = (b"<html>\r\n" + b"<head><title>400 Bad Request</title></head>\r\n" +
     b"<body bgcolor=\"white\">\r\n" + b"<center><h1>400 Bad Request</h1></center>\r\n" +
     b"<hr><center>nginx/1.1.19</center>\r\n" + b"</body>\r\n" + b"</html>\r\n")
add("res-html-no-status-line", "response", g + g, "error", [],
    "an HTML page where a status-line should be (the response of a server that answered without "
    "one): not a status-line (RFC 9112 4); netty fails it too (a '999 Unknown' message marked "
    "failed) and discards the rest", s)

GARBAGE = [
    ("testGarbageChunk", "not-hex", b"NOT_A_CHUNK_LENGTH\r\n", "a chunk-size line with no hex digit"),
    ("testWhiteSpaceGarbageChunk", "sp", b" \r\n", "a chunk-size line of one SP"),
    ("testLeadingWhiteSpacesSemiColonGarbageChunk", "sp-semicolon", b"  ;\r\n",
     "a chunk-size line '  ;' with no digit"),
    ("testControlCharGarbageChunk", "nul", b"\x00\r\n", "a chunk-size line of one NUL"),
    ("testLeadingWhiteSpacesControlCharGarbageChunk", "sp-nul", b"  \x00\r\n",
     "a chunk-size line '  \\x00' with no digit"),
    ("testGarbageChunkAfterWhiteSpaces", "sp-12345n1", b"  12345N1 ;\r\n",
     "a chunk-size line '  12345N1 ;' (leading SPs, a non-hex 'N')"),
]
for test, slug, line, what in GARBAGE:
    s = src(F, test)
    d = b"HTTP/1.1 200 OK\r\n" + b"Transfer-Encoding: chunked\r\n\r\n" + line
    add("res-garbage-chunk-" + slug, "response", d, "error", [],
        what + ": chunk-size = 1*HEXDIG (RFC 9112 7.1); netty fails it too (a failed last chunk)", s)

s = src(F, "testConnectionClosedBeforeHeadersReceived")
d = b"HTTP/1.1 200 OK\r\n"
add("res-closed-after-status-line", "response", d, "error", [],
    "the connection closes after the status-line, before the end of the head: incomplete; "
    "netty reports PrematureChannelClosureException", s)

s = src(F, "testTrailerWithEmptyLineInSeparateBuffer")
d = (b"HTTP/1.1 200 OK\r\n" + b"Transfer-Encoding: chunked\r\n" + b"Trailer: My-Trailer\r\n" +
     b"\r\n" + b"0\r\n" + b"My-Trailer: 42\r\n" + b"\r\n")
add("res-trailer-field", "response", d, "ok",
    [res("HTTP/1.1", 200, "OK", [("Transfer-Encoding", "chunked"), ("Trailer", "My-Trailer")],
         "chunked", b"", [("My-Trailer", "42")])],
    "a Trailer-announced trailer field after the last chunk (RFC 9112 7.1.2); netty's test feeds "
    "the empty line in separate writes, which the runner's splits cover; netty agrees", s)

s = src(F, "testWhitespace")
d = b"HTTP/1.1 200 OK\r\n" + b"Transfer-Encoding : chunked\r\n" + b"Host: netty.io\n\r\n"
add("res-te-space-before-colon", "response", d, "error", [],
    "differs from netty: 'Transfer-Encoding : chunked' and a Host line ended by a bare LF in a "
    "response. netty's response decoder strips the whitespace before the colon, takes bare LF "
    "as a line end and accepts (chunked framing); the profile rejects whitespace between name and "
    "colon in any message (RFC 9112 5.1) and bare LF (RFC 9112 2.2)", s)
d2 = b"HTTP/1.1 200 OK\r\n" + b"Transfer-Encoding : chunked\r\n" + b"Host: netty.io\r\n\r\n"
add("res-te-space-before-colon-crlf", "response", d2, "error", [],
    "derived: netty's stream with the bare LF made CRLF, so that only the SP before the colon "
    "is wrong; differs from netty, whose response decoder strips it and reads chunked. RFC 9112 "
    "5.1: no whitespace is allowed between field name and colon; a proxy MUST remove it from a "
    "response, but a decoder that reads the field as Transfer-Encoding frames the body "
    "differently from one that does not, so the strict profile rejects it",
    src(F, "testWhitespace", derived="the bare LF after the Host value replaced by CRLF"))

s = src(F, "testHttpMessageDecoderResult")
d = (b"HTTP/1.1 200 OK\r\n" + b"Content-Length: 11\r\n" + b"Connection: close\r\n\r\n" + b"Lorem ipsum")
add("res-lorem", "response", d, "ok",
    [res("HTTP/1.1", 200, "OK", [("Content-Length", "11"), ("Connection", "close")], "length",
         b"Lorem ipsum")],
    "an 11-byte body framed by Content-Length; netty agrees (its test checks line and head sizes)", s)

s = src(F, "testStatusWithoutReasonPhrase")
d = b"HTTP/1.1 200 \r\n" + b"Content-Length: 0\r\n\r\n"
add("res-empty-reason", "response", d, "ok",
    [res("HTTP/1.1", 200, "", [("Content-Length", "0")], "length")],
    "an empty reason-phrase after the SP (status-line = HTTP-version SP status-code SP "
    "[ reason-phrase ], RFC 9112 4); netty agrees", s)

for ctl in (0x1c, 0x1d, 0x1e, 0x1f, 0x0c):
    s = src(F, "testHeaderNameStartsWithControlChar%02x" % ctl)
    d = (b"HTTP/1.1 200 OK\r\n" + b"Host: netty.io\r\n" + bytes([ctl]) +
         b"Transfer-Encoding: chunked\r\n\r\n")
    add("res-name-starts-ctl-%02x" % ctl, "response", d, "error", [],
        "a response field name that starts with the control byte 0x%02x: not a token "
        "(RFC 9110 5.1); netty rejects it too" % ctl, s)

for ctl in (0x1c, 0x1d, 0x1e, 0x1f, 0x0c):
    s = src(F, "testHeaderNameEndsWithControlChar%02x" % ctl)
    d = (b"HTTP/1.1 200 OK\r\n" + b"Host: netty.io\r\n" + b"Transfer-Encoding" + bytes([ctl]) +
         b": chunked\r\n\r\n")
    add("res-name-ends-ctl-%02x" % ctl, "response", d, "error", [],
        "a response field name that ends with the control byte 0x%02x before the colon: not a "
        "token (RFC 9110 5.1, RFC 9112 5.1); netty rejects it too" % ctl, s)

for ver in ["HTP/1.1", "HTTP", "HTTP/1x", "Something/1.1", "HTTP/1", "HTTP/1.11", "HTTP/11.1",
            "HTTP/A.1", "HTTP/1.B"]:
    s = src(F, "testInvalidVersion", "version \"%s\"" % ver)
    slug = ver.lower().replace("/", "-").replace(".", "-")
    d = ver.encode() + b" 200 OK\n\r\nHost: whatever\r\n\r\n"
    add("res-invalid-version-" + slug, "response", d, "error", [],
        "status-line with HTTP-version '%s', ended by a bare LF (the test's literal is "
        "'\\n\\r\\n'): both are errors (RFC 9112 2.3, 2.2); netty rejects it too" % ver, s)
    d2 = ver.encode() + b" 200 OK\r\nHost: whatever\r\n\r\n"
    add("res-invalid-version-%s-crlf" % slug, "response", d2, "error", [],
        "derived: netty's stream with the status-line ended by CRLF, so that only the "
        "HTTP-version '%s' is wrong (RFC 9112 2.3; the profile accepts only HTTP/1.0 and HTTP/1.1)" % ver,
        src(F, "testInvalidVersion", "version \"%s\"" % ver,
            derived="the bare LF after the status-line replaced by CRLF"))

# ---------------------------------------------------------------------------
# HttpInvalidMessageTest.java
# ---------------------------------------------------------------------------
F = "HttpInvalidMessageTest.java"
RANDOM = ("; the 4 GiB of random bytes the test writes afterwards (to check they are discarded) "
          "are not part of the case")

s = src(F, "testRequestWithBadInitialLine")
d = b"GET / HTTP/1.0 with extra\r\n"
add("req-extra-after-version", "request", d, "error", [],
    "a request-line with words after the HTTP-version: request-line = method SP request-target "
    "SP HTTP-version (RFC 9112 3); netty rejects it too" + RANDOM, s)
also("req-extra-after-version", src("HttpObjectAggregatorTest.java", "testBadRequest"))

s = src(F, "testRequestWithBadHeader")
d = (b"GET /maybe-something HTTP/1.0\r\n" + b"Good_Name: Good Value\r\n" + b"Bad=Name: Bad Value\r\n" +
     b"\r\n")
add("req-name-with-equals", "request", d, "error", [],
    "an HTTP/1.0 request with a field name 'Bad=Name': '=' is no tchar (RFC 9110 5.1); netty "
    "rejects it too" + RANDOM, s)

s = src(F, "testResponseWithBadInitialLine")
d = b"HTTP/1.0 BAD_CODE Bad Server\r\n"
add("res-non-numeric-status", "response", d, "error", [],
    "a status-line whose status-code is 'BAD_CODE': status-code = 3DIGIT (RFC 9112 4); netty "
    "rejects it too" + RANDOM, s)
also("res-non-numeric-status", src("HttpObjectAggregatorTest.java", "testBadResponse"))

s = src(F, "testResponseWithBadHeader")
d = (b"HTTP/1.0 200 Maybe OK\r\n" + b"Good_Name: Good Value\r\n" + b"Bad=Name: Bad Value\r\n" + b"\r\n")
add("res-name-with-equals", "response", d, "error", [],
    "a response field name 'Bad=Name': not a token (RFC 9110 5.1); netty rejects it too" + RANDOM, s)

s = src(F, "testBadChunk")
d = b"GET / HTTP/1.0\r\n" + b"Transfer-Encoding: chunked\r\n\r\n" + b"BAD_LENGTH\r\n"
add("req-http10-chunked-bad-size", "request", d, "error", [],
    "an HTTP/1.0 request with Transfer-Encoding: chunked and a chunk-size line 'BAD_LENGTH'. "
    "The profile rejects it at the head already: Transfer-Encoding in an HTTP/1.0 message means "
    "faulty framing (RFC 9112 6.1; profile framing 2); netty accepts the head and fails at the "
    "chunk-size, so both end in an error" + RANDOM, s)

# ---------------------------------------------------------------------------
# MultipleContentLengthHeadersTest.java
# ---------------------------------------------------------------------------
F = "MultipleContentLengthHeadersTest.java"
for same in (False, True):
    for single in (False, True):
        second = b"1" if same else b"2"
        if single:
            cl = b"Content-Length: 1, " + second + b"\r\n\r\n"
        else:
            cl = b"Content-Length: 1\r\n" + b"Content-Length: " + second + b"\r\n\r\n"
        d = b"PUT /some/path HTTP/1.1\r\n" + cl + b"ab"
        s = src(F, "testMultipleContentLengthHeadersBehavior",
                "sameValue=%s, singleField=%s (for allowDuplicateContentLengths false and true)" %
                (str(same).lower(), str(single).lower()))
        form = "'Content-Length: 1, %s' (one field line)" % second.decode() if single else \
            "'Content-Length: 1' and 'Content-Length: %s' (two field lines)" % second.decode()
        slug = "req-cl-%s-%s" % ("same" if same else "differ", "one-line" if single else "two-lines")
        add(slug, "request", d, "error", [], form + ", body bytes 'ab'. " + NOHOST, s)
        if same:
            hdrs = [H, ("Content-Length", "1, 1")] if single else \
                [H, ("Content-Length", "1"), ("Content-Length", "1")]
            add_host(slug, d, "either",
                     [req("PUT", "/some/path", "HTTP/1.1", hdrs, "length", b"a")],
                     form + ": several identical Content-Length values may be accepted as one or "
                     "rejected (RFC 9110 8.6; profile framing 3 and Connections: either). "
                     "Accepted, the body is 'a' and the 'b' after it starts a next request that "
                     "end of stream cuts short, so the stream still ends in an error after one "
                     "message; rejected, it ends in an error before any. netty rejects it by "
                     "default and accepts it with allowDuplicateContentLengths (body 'a'), both "
                     "allowed", s)
        else:
            add_host(slug, d, "error", [],
                     form + ": differing Content-Length values are an unrecoverable error "
                     "(RFC 9112 6.3 step 5); netty rejects it with or without "
                     "allowDuplicateContentLengths", s)

s = src(F, "testDanglingComma")
d = (b"GET /some/path HTTP/1.1\r\n" + b"Content-Length: 1,\r\n" + b"Connection: close\r\n\r\n" + b"ab")
add("req-cl-dangling-comma", "request", d, "error", [],
    "'Content-Length: 1,' (a trailing comma). " + NOHOST, s)
add_host("req-cl-dangling-comma", d, "error", [],
         "'Content-Length: 1,': Content-Length = 1*DIGIT (RFC 9110 8.6); the only other form the "
         "RFC lets a recipient accept is a list of identical values, and '1,' is neither (an "
         "empty element is not a value), so the profile's 'any invalid one is an error' applies; "
         "netty rejects it too", s)

# ---------------------------------------------------------------------------
# HttpServerCodecTest.java
# ---------------------------------------------------------------------------
F = "HttpServerCodecTest.java"

s = src(F, "testUnfinishedChunkedHttpRequestIsLastFlag")
d = b"PUT /test HTTP/1.1\r\n" + b"Content-Length: 10000\r\n" + b"\r\n" + b"a" * 5000
add("req-cl-10000-half-body", "request", d, "error", [],
    "a PUT announcing 10000 body bytes of which 5000 arrive before the connection closes: "
    "incomplete (RFC 9112 8); netty emits the 5000 bytes and no last content. " + NOHOST, s)
add_host("req-cl-10000-half-body", d, "error", [],
         "the body is cut short by end of stream (RFC 9112 8)", s)

s = src(F, "test100Continue")
d = (b"PUT /upload-large HTTP/1.1\r\n" + b"Expect: 100-continue\r\n" + b"Content-Length: 1\r\n\r\n" +
     bytes([42]))
add("req-expect-100-cl1", "request", d, "error", [],
    "a PUT with Expect: 100-continue and a 1-byte body ('*', byte 42) sent after netty's "
    "aggregator answers 100 Continue. " + NOHOST, s)
add_host("req-expect-100-cl1", d, "ok",
         [req("PUT", "/upload-large", "HTTP/1.1", [H, ("Expect", "100-continue"), ("Content-Length", "1")],
              "length", b"*")],
         "Expect does not change framing: a 1-byte body (RFC 9110 10.1.1, RFC 9112 6.3 step 6)", s)

s = src(F, "testChunkedHeadResponse", "the request")
d = b"HEAD / HTTP/1.1\r\n\r\n"
add("req-head-no-fields", "request", d, "error", [],
    "an HTTP/1.1 HEAD without any field (the tests then check the encoder's chunked HEAD "
    "response, which is not decoded here). " + NOHOST, s)
add_host("req-head-no-fields", d, "ok", [req("HEAD", "/", "HTTP/1.1", [H])],
         "a HEAD request has no body unless framed (RFC 9112 6.3 step 7)", s)
also("req-head-no-fields", src(F, "testChunkedHeadFullHttpResponse", "the request"))

s = src(F, "testConnectionClosedAfterResponseWhenBothTransferEncodingAndContentLength")
d = (b"POST / HTTP/1.1\r\n" + b"Host: example.com\r\n" + b"Content-Length: 5\r\n" +
     b"Transfer-Encoding: chunked\r\n\r\n" + b"0\r\n\r\n")
add("req-cl-and-te-keepalive", "request", d, "error", [],
    "differs from netty: Content-Length and Transfer-Encoding: chunked on one request (without "
    "Connection: close). netty reads it as chunked and closes the connection after its response "
    "(what RFC 9112 6.3 step 4 asks of a server that does process it); the profile rejects it "
    "(RFC 9112 6.1; profile framing 2)", s)


def gets(rng, head_at=None):
    out = b""
    msgs = []
    for i in rng:
        m = "HEAD" if i == head_at else "GET"
        out += m.encode() + b" /" + str(i).encode() + b" HTTP/1.1\r\nHost: a\r\n\r\n"
        msgs.append(req(m, "/" + str(i), "HTTP/1.1", [("Host", "a")]))
    return out, msgs


s = src(F, "testInterleavedRequestResponseAcrossOverflow", "both inbound writes")
d1, m1 = gets(range(0, 30))
d2, m2 = gets(range(30, 45), head_at=44)
add("req-45-pipelined", "request", d1 + d2, "ok", m1 + m2,
    "45 pipelined requests (GET /0 .. GET /43, then HEAD /44), each with Host: a and no body, "
    "written in two batches of 30 and 15; netty's test is about matching its responses to the "
    "requests' methods; the decoding is plain pipelining (RFC 9112 9.3.2)", s)

s = src(F, "testGetMethodHasNormalBody")
d = b"GET / HTTP/1.1\r\nHost: a\r\n\r\n"
add("req-get-host-a", "request", d, "ok", [req("GET", "/", "HTTP/1.1", [("Host", "a")])],
    "a minimal GET with a one-letter Host; netty agrees", s)

s = src(F, "testPostMethodHasNormalBody")
d = b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n"
add("req-post-cl0", "request", d, "ok",
    [req("POST", "/", "HTTP/1.1", [("Host", "a"), ("Content-Length", "0")], "length")],
    "a POST with Content-Length: 0 (length framing, empty body); netty agrees", s)

s = src(F, "testOverflowDrainsBeforeInlineRefill")
d, m = gets(range(0, 34), head_at=33)
add("req-34-pipelined", "request", d, "ok", m,
    "34 pipelined requests (GET /0 .. GET /32, then HEAD /33); plain pipelining (RFC 9112 9.3.2)", s)

skip(F, "testPollFromEmptyQueueReturnsNone", "no bytes decoded (encoder only)")

# ---------------------------------------------------------------------------
# HttpClientCodecTest.java
# ---------------------------------------------------------------------------
F = "HttpClientCodecTest.java"
EMPTY_RESPONSE = b"HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n"
RESPONSE = (b"HTTP/1.0 200 OK\r\n" + b"Date: Fri, 31 Dec 1999 23:59:59 GMT\r\n" +
            b"Content-Type: text/html\r\n" + b"Content-Length: 28\r\n" + b"\r\n" +
            b"<html><body></body></html>\r\n")
INCOMPLETE_CHUNKED_RESPONSE = (b"HTTP/1.1 200 OK\r\n" + b"Content-Type: text/plain\r\n" +
                               b"Transfer-Encoding: chunked\r\n" + b"\r\n" + b"5\r\n" + b"first\r\n" +
                               b"6\r\n" + b"second\r\n" + b"0\r\n")
CHUNKED_RESPONSE = INCOMPLETE_CHUNKED_RESPONSE + b"\r\n"
RESPONSE_HEADERS = [("Date", "Fri, 31 Dec 1999 23:59:59 GMT"), ("Content-Type", "text/html"),
                    ("Content-Length", "28")]

s = src(F, "testConnectWithResponseContent", "response to CONNECT")
add("res-connect-200-with-cl", "response", RESPONSE, "ok",
    [res("HTTP/1.0", 200, "OK", RESPONSE_HEADERS, "upgrade")],
    "a 2xx response to CONNECT carrying Content-Length: 28 and 28 bytes: the connection becomes "
    "a tunnel right after the head, and a client MUST ignore Content-Length in a successful "
    "response to CONNECT (RFC 9110 9.3.6; RFC 9112 6.3 step 2; profile framing 1), so the 28 "
    "bytes are tunnel data; netty (parseHttpAfterConnectRequest off) passes them on raw too",
    s, methods=["CONNECT"])

s = src(F, "testFailsNotOnRequestResponseChunked")
add("res-chunked-first-second", "response", CHUNKED_RESPONSE, "ok",
    [res("HTTP/1.1", 200, "OK", [("Content-Type", "text/plain"), ("Transfer-Encoding", "chunked")],
         "chunked", b"firstsecond")],
    "a chunked body of two chunks ('first', 'second'); netty agrees", s)

skip(F, "testFailsOnMissingResponse", "no bytes decoded (end of stream with no response)")

s = src(F, "testFailsOnIncompleteChunkedResponse")
add("res-chunked-no-final-crlf", "response", INCOMPLETE_CHUNKED_RESPONSE, "error", [],
    "a chunked body that ends after the last-chunk line '0' CRLF, without the empty line that "
    "ends the trailer section (RFC 9112 7.1): incomplete at end of stream; netty reports "
    "PrematureChannelClosureException", s)

s = src(F, "testServerCloseSocketInputProvidesData", "the bytes the test server writes to the client")
d = (b"HTTP/1.0 200 OK\r\n" + b"Date: Fri, 31 Dec 1999 23:59:59 GMT\r\n" + b"Content-Type: text/html\r\n\r\n" +
     b"<html><body>hello half closed!</body></html>\r\n")
add("res-http10-close-delimited", "response", d, "ok",
    [res("HTTP/1.0", 200, "OK", [("Date", "Fri, 31 Dec 1999 23:59:59 GMT"), ("Content-Type", "text/html")],
         "close", b"<html><body>hello half closed!</body></html>\r\n")],
    "an HTTP/1.0 response without Content-Length whose server shuts down its output: the body "
    "runs to end of stream (RFC 9112 6.3 step 8); netty agrees (the test runs over a real "
    "socket; the request bytes its client sends come from netty's encoder and are not taken)", s)

s = src(F, "testContinueParsingAfterConnect / testPassThroughAfterConnect",
        "EMPTY_RESPONSE to CONNECT, then RESPONSE to GET")
add("res-connect-200-then-response", "response", EMPTY_RESPONSE + RESPONSE, "ok",
    [res("HTTP/1.0", 200, "OK", [("Content-Length", "0")], "upgrade")],
    "a 2xx response to CONNECT, then the bytes of a second response. After the CONNECT's 2xx the "
    "connection is a tunnel (RFC 9110 9.3.6; profile framing 1), so the second response is "
    "tunnel data and is not decoded. netty does the same by default (testPassThroughAfterConnect); "
    "with its non-default option parseHttpAfterConnectRequest it decodes the second response "
    "(testContinueParsingAfterConnect), which the profile has no option for",
    s, methods=["CONNECT"])

s = src(F, "testDecodesFinalResponseAfterSwitchingProtocols")
d = (b"HTTP/1.1 101 Switching Protocols\r\n" + b"Connection: Upgrade\r\n" +
     b"Upgrade: TLS/1.2, HTTP/1.1\r\n\r\n" + RESPONSE)
add("res-101-tls-then-response", "response", d, "ok",
    [res("HTTP/1.1", 101, "Switching Protocols",
         [("Connection", "Upgrade"), ("Upgrade", "TLS/1.2, HTTP/1.1")], "upgrade")],
    "differs from netty: a 101 with 'Upgrade: TLS/1.2, HTTP/1.1' followed by a plain-text final "
    "response. netty sees HTTP/1.1 in the Upgrade list and goes on decoding, so it reads the "
    "second response; the profile ends HTTP/1 after any 101 (RFC 9110 15.2.2, 7.8: after the "
    "101's empty line the connection speaks the protocol switched to, here TLS first), so the "
    "bytes after the head are not decoded", s)

also("res-101-hixie76", src(F, "testWebSocket00Response"))

s = src(F, "testWebDavResponse")
d = (b"HTTP/1.1 102 Processing\r\n" + b"Status-URI: Status-URI:http://status.com; 404\r\n" + b"\r\n" +
     b"1234567812345678")
M102 = res("HTTP/1.1", 102, "Processing", [("Status-URI", "Status-URI:http://status.com; 404")], "none")
add("res-102-then-garbage", "response", d, "error", [M102],
    "differs from netty: a 102 (interim, never a body, RFC 9110 15.2) followed by 16 bytes. Both "
    "agree the 102 has no body; the 16 bytes then start the next response, which is no "
    "status-line and is cut short by end of stream, an error; netty keeps them buffered and "
    "reports nothing at close", s)

s = src(F, "testInformationalResponseKeepsPairsInSync", "responses to HEAD then GET")
d = (b"HTTP/1.1 102 Processing\r\n" + b"Status-URI: Status-URI:http://status.com; 404\r\n" + b"\r\n" +
     b"HTTP/1.1 200 OK\r\n" + b"Content-Length: 8\r\n" + b"\r\n" + b"12345678")
add("res-head-102-then-200", "response", d, "error",
    [M102, res("HTTP/1.1", 200, "OK", [("Content-Length", "8")], "none")],
    "differs from netty: the client sends HEAD, receives a 102, sends GET and receives a 200 "
    "with Content-Length: 8 and 8 bytes. netty pairs the 102 with the HEAD, so the 200 answers "
    "the GET and has an 8-byte body. A 1xx is interim and the request still awaits its final "
    "response (RFC 9110 15.2; dump contract: a 1xx does not use up a --method entry), so the 200 "
    "is the final response to the HEAD: no body (RFC 9112 6.3 step 1), and '12345678' starts the "
    "next response, which is no status-line and is cut short: an error after two messages",
    s, methods=["HEAD"])

s = src(F, "testMultipleResponses")
d = b"HTTP/1.1 200 OK\r\n" + b"Content-Length: 0\r\n\r\n"
add("res-two-200-cl0", "response", d + d, "ok",
    [res("HTTP/1.1", 200, "OK", [("Content-Length", "0")], "length")] * 2,
    "two responses with Content-Length: 0 back to back (netty's test sent one GET; the dump "
    "takes every response as answering GET); netty decodes both", s)

skip(F, "testWriteThroughAfterUpgrade", "no bytes decoded (encoder pass-through)")

# ---------------------------------------------------------------------------
# HttpObjectAggregatorTest.java (only the tests that feed bytes to a decoder)
# ---------------------------------------------------------------------------
F = "HttpObjectAggregatorTest.java"

s = src(F, "testOversizedRequestWithContentLengthAndDecoder")
p1 = b"PUT /upload HTTP/1.1\r\n" + b"Content-Length: 5\r\n\r\n"
p2 = b"PUT /upload HTTP/1.1\r\n" + b"Content-Length: 2\r\n\r\n"
d = p1 + bytes([1, 2, 3, 4]) + bytes([5]) + p2 + bytes([1]) + bytes([2])
add("req-two-puts-binary", "request", d, "error", [],
    "two pipelined PUTs with binary bodies (5 bytes 01..05, then 01 02); netty's aggregator "
    "refuses the first as too large for its 4-byte limit (413) and lets the decoder skip its "
    "body. " + NOHOST, s)
add_host("req-two-puts-binary", d, "ok",
         [req("PUT", "/upload", "HTTP/1.1", [H, ("Content-Length", "5")], "length", bytes([1, 2, 3, 4, 5])),
          req("PUT", "/upload", "HTTP/1.1", [H, ("Content-Length", "2")], "length", bytes([1, 2]))],
         "two PUTs with Content-Length bodies", s, starts=[0, len(p1) + 5])

s = src(F, "testUnsupportedExpectHeaderExpectation", "close=true, and close=false before the reset")
d = b"GET / HTTP/1.1\r\n" + b"Expect: chocolate=yummy\r\n" + b"Content-Length: 100\r\n\r\n"
RESET_AGG = ("netty's aggregator answers 417 and resets the decoder, which has no corpus "
             "equivalent: the bytes before the reset are this stream, and the dump's end of "
             "stream comes where the reset happens")
add("req-expect-chocolate", "request", d, "error", [],
    "a GET with an unknown expectation ('Expect: chocolate=yummy') announcing 100 body bytes "
    "that never come: incomplete at end of stream. The Expect value does not change framing "
    "(RFC 9110 10.1.1: a server MAY answer 417; that is not the decoder's business). " +
    RESET_AGG + ". " + NOHOST, s)
add_host("req-expect-chocolate", d, "error", [],
         "the 100-byte body is still cut short by end of stream", s)

s = src(F, "testUnsupportedExpectHeaderExpectation", "close=false, bytes after the reset")
d = b"GET / HTTP/1.1\r\n\r\n"
add("req-after-reset-get-root", "request", d, "error", [],
    AFTER_RESET + " (reset here by the aggregator): an HTTP/1.1 GET without fields. " + NOHOST, s)
add_host("req-after-reset-get-root", d, "ok", [req("GET", "/", "HTTP/1.1", [H])],
         "a plain GET", s)

s = src(F, "testValidRequestWith100ContinueAndDecoder")
d = b"GET /upload HTTP/1.1\r\n" + b"Expect: 100-continue\r\n" + b"Content-Length: 0\r\n\r\n"
add("req-expect-100-cl0", "request", d, "error", [],
    "a GET with Expect: 100-continue and Content-Length: 0. " + NOHOST, s)
add_host("req-expect-100-cl0", d, "ok",
         [req("GET", "/upload", "HTTP/1.1", [H, ("Expect", "100-continue"), ("Content-Length", "0")],
              "length")],
         "Expect: 100-continue with an empty Content-Length body; the decoder reports the field "
         "as received (netty's aggregator removes it after answering 100)", s)

s = src(F, "testOversizedRequestWith100ContinueAndDecoder", "bytes before the reset")
d = b"PUT /upload HTTP/1.1\r\n" + b"Expect: 100-continue\r\n" + b"Content-Length: 100\r\n\r\n"
add("req-expect-100-cl100", "request", d, "error", [],
    "a PUT with Expect: 100-continue announcing 100 bytes that never come (netty's aggregator "
    "refuses it with 413 at its 4-byte limit): incomplete at end of stream. " + RESET_AGG +
    ". " + NOHOST, s)
add_host("req-expect-100-cl100", d, "error", [],
         "the 100-byte body is cut short by end of stream", s)
also("req-expect-100-cl100", src(F, "testOversizedRequestWith100ContinueAndDecoderCloseConnection"))

s = src(F, "testOversizedRequestWith100ContinueAndDecoder", "bytes after the reset")
d = b"GET /max-upload-size HTTP/1.1\r\n\r\n"
add("req-after-reset-get-max-upload", "request", d, "error", [],
    AFTER_RESET + " (reset here by the aggregator): an HTTP/1.1 GET without fields. " + NOHOST, s)
add_host("req-after-reset-get-max-upload", d, "ok", [req("GET", "/max-upload-size", "HTTP/1.1", [H])],
         "a plain GET", s)

for t in ["testAggregate", "testAggregateWithTrailer", "testOversizedRequest",
          "testOversizedRequestWithoutKeepAlive", "testOversizedRequestWithContentLength",
          "testOversizedResponse", "testAggregateTransferEncodingChunked",
          "testOversizedRequestWith100Continue", "testRequestAfterOversized100ContinueAndDecoder",
          "testReplaceAggregatedRequest", "testReplaceAggregatedResponse",
          "testSelectiveRequestAggregation", "testSelectiveResponseAggregation"]:
    skip(F, t, "feeds message objects, not bytes")
for t in ["testInvalidConstructorUsage", "testInvalidMaxCumulationBufferComponents",
          "testSetMaxCumulationBufferComponentsAfterInit"]:
    skip(F, t, "constructor/configuration API, no bytes")

# ---------------------------------------------------------------------------
# HttpVersionParsingTest.java: HttpVersion API only, no decoder
# ---------------------------------------------------------------------------
F = "HttpVersionParsingTest.java"
for t in ["testStandardVersions", "testLowerCaseProtocolNameNonStrict", "testMixedCaseProtocolNameNonStrict",
          "testCustomLowerCaseProtocolNonStrict", "testCustomVersionNonStrict", "testCustomVersionStrict",
          "testCustomVersionStrictFailsOnLongVersion", "testInvalidFormatMissingSlash",
          "testInvalidFormatWhitespaceInProtocol", "testLeadingNulInStrictValueOfIsRejected",
          "testTrailingNulInStrictValueOfIsRejected", "testLeadingControlCharInStrictValueOfIsRejected",
          "testLeadingSpaceInStrictValueOfIsRejected", "testLeadingNulInNonStrictValueOfIsRejected",
          "testStandardVersionsStillResolveAfterFix", "httpVersionMustRejectIllegalTokens"]:
    skip(F, t, "HttpVersion API (strings, not bytes fed to a decoder)")


# Originals that netty accepts and the profile rejects only for the missing Host.
NETTY_ACCEPTS_NO_HOST = ["req-after-reset-get", "req-put-lorem", "req-expect-100-cl1", "req-head-no-fields",
                         "req-two-puts-binary", "req-after-reset-get-root", "req-expect-100-cl0",
                         "req-after-reset-get-max-upload"]
for c in CASES:
    if c["id"][len("netty-"):] in NETTY_ACCEPTS_NO_HOST:
        c["note"] = ("differs from netty (missing Host): netty's decoder accepts this request; " +
                     c["note"])


def main():
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out = os.path.join(here, "netty.json")
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))
    for c in CASES:
        c["input"].encode("latin-1")
        if c["expect"] == "ok":
            assert c["messages"], c["id"]
    with open(out, "w") as f:
        json.dump(CASES, f, ensure_ascii=True, indent=1)
        f.write("\n")
    if "-v" in sys.argv:
        from collections import Counter
        print("cases", len(CASES), Counter(c["expect"] for c in CASES),
              Counter(c["mode"] for c in CASES))
        print("derived", sum(1 for c in CASES if "(variant:" in c["source"]))
        print("merged duplicates", len(DUPLICATES))
        print("skipped", len(SKIPPED), Counter(r for _, _, r in SKIPPED))
    print("wrote %s (%d cases)" % (out, len(CASES)))


if __name__ == "__main__":
    main()
