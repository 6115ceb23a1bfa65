#!/usr/bin/env python3
"""Build tests/corpus/tomcat.json: h1wire corpus cases from Apache Tomcat's HTTP/1.1 tests.

Apache Tomcat (https://github.com/apache/tomcat, Apache License 2.0) tests its
HTTP/1.1 connector by writing raw requests to a running server with
SimpleHttpClient (test/org/apache/catalina/startup/SimpleHttpClient.java),
which writes each String part of the request in order through an ISO-8859-1
writer. Only those request bytes are taken here, rebuilt from the Java string
literals, the CR / LF / CRLF constants and the concatenations and loops that
build them. The Host strings of TestHttpParserHost and the chunk-extension
strings of TestChunkExtension (unit tests of Tomcat's parsers) are put into
requests. Each case's expectation is decided by the strict profile
(CONFORMANCE.md section 3) and RFC 9112 / RFC 9110, not by
Tomcat's answer. Where Tomcat answers differently, the note says so
("differs from tomcat: ...").

Run: python3 tests/corpus/make/tomcat.py [-v]   (writes tomcat.json beside this script)
"""

import json
import os
import re
import sys

from common import b2s, req

REPO = "apache/tomcat"
# Stored versions read with the search tool's read_file. A value that is not a
# 40-hex commit says the index named no commit for that version.
VERSIONS = {
    "test/org/apache/coyote/http11/TestHttp11InputBuffer.java":
        "00e7d79d3be7aedf195241a18ceca638cdb11692",
    "test/org/apache/coyote/http11/TestHttp11InputBuffer.java (older)":
        "an older stored version, javax.servlet era (the index gave no commit)",
    "test/org/apache/coyote/http11/TestHttp11InputBufferCRLF.java":
        "05f02f25214a1f7fb641199a8a52b1014c86bd1e",
    "test/org/apache/coyote/http11/TestHttp11Processor.java":
        "00e7d79d3be7aedf195241a18ceca638cdb11692",
    "test/org/apache/coyote/http11/TestHttp11Processor.java (older)":
        "an older stored version (the index gave no commit)",
    "test/org/apache/coyote/http11/filters/TestChunkedInputFilter.java":
        "0196148236b4c391bd57ccb066d746157cf04b41",
    "test/org/apache/tomcat/util/http/parser/TestHttpParserHost.java":
        "87fe4b5015f66ea51a4bd2901d7e21ae3c5f0d83",
    "test/org/apache/tomcat/util/http/parser/TestHttpParserHost.java (older)":
        "071ab90eecda2ff1dc751f0557dca6ead93c41f4",
    "test/org/apache/tomcat/util/http/parser/TestChunkExtension.java":
        "2cb06c34f661ca42f7570bbcc21e99806184bcc5",
}

CASES = []
SEEN = {}
DUPLICATES = []  # (source of the merged stream, id of the case that holds it)
SKIPPED = []     # (file, test, reason)
DIFFERS = {}     # id -> one line: why the expectation differs from tomcat's answer

CR = b"\r"
LF = b"\n"
CRLF = b"\r\n"
# SimpleHttpClient.HTTP_HEADER_CONTENT_TYPE_FORM_URL_ENCODING. The stored versions
# of SimpleHttpClient predate the constant; the older TestChunkedInputFilter
# (commit 2ff74454edb2) writes the same header out as
# "Content-Type: application/x-www-form-urlencoded" + CRLF where the newer one
# uses the constant.
FORM = b"Content-Type: application/x-www-form-urlencoded" + CRLF
# Several tests write "Host: localhost:" + getPort(); the port is chosen at run
# time. 8080 stands for it, as in the tests that write localhost:8080 outright.
PORT = b"8080"


def src(fkey, test, detail=None, derived=None):
    ver = VERSIONS[fkey]
    path = fkey.replace(" (older)", "")
    if re.fullmatch(r"[0-9a-f]{40}", ver):
        s = "%s %s (commit %s): %s" % (REPO, path, ver[:12], test)
    else:
        s = "%s %s (older stored version, %s): %s" % (REPO, path, ver, test)
    if detail:
        s += ", " + detail
    if derived:
        s += " (variant: %s)" % derived
    return s


def short(source):
    s = source.replace(REPO + " ", "")
    path, rest = s.split(" (", 1)
    return path.rsplit("/", 1)[1] + ": " + rest.split("): ", 1)[1]


def add(slug, data, expect, messages, note, source, differs=None, mode="request", methods=()):
    assert isinstance(data, bytes), slug
    assert expect in ("ok", "error", "either"), slug
    cid = "tomcat-" + slug
    key = (mode, tuple(methods), data)
    if key in SEEN:
        DUPLICATES.append((source, SEEN[key]))
        for c in CASES:
            if c["id"] == SEEN[key]:
                c["source"] += "; the same bytes also in " + short(source)
        return SEEN[key]
    assert cid not in {c["id"] for c in CASES}, cid
    SEEN[key] = cid
    if differs:
        note = "differs from tomcat: " + differs + ". " + note
        DIFFERS[cid] = differs
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
    return cid


def skip(fkey, test, reason):
    SKIPPED.append((fkey, test, reason))


HOST_RULE = ("RFC 9112 3.2 / RFC 9110 7.2 and the profile: more than one Host field line, or a "
             "Host value that is not uri-host [\":\" port], is an error")
OBS_FOLD = ("obs-fold (a field line starting with SP/HTAB) in a request is an error (RFC 9112 "
            "5.2 lets a server reject it with 400 or unfold it; the profile rejects)")
BARE_LF = ("a bare LF ends a line: RFC 9112 2.2 lets a recipient accept it, the profile accepts "
           "only CRLF (bare LF is an off-by-default option)")
BARE_CR = ("a CR not followed by LF is an error (RFC 9112 2.2: a bare CR must be rejected or "
           "replaced with SP before processing; the profile rejects)")
NAME_TOKEN = "a field-name is a token (RFC 9110 5.1, 5.6.2)"
VALUE_CHARS = ("a field value holds VCHAR, SP, HTAB and obs-text, never NUL, CR, LF or other "
               "control bytes (RFC 9110 5.5; profile)")
CLOSE_EITHER = ("bytes follow a request that closes the connection (Connection: close): the "
                "profile lets a decoder stop there or go on decoding (either); going on, they are "
                "the listed request")

# ===========================================================================
# TestHttp11InputBuffer.java
# ===========================================================================
F = "test/org/apache/coyote/http11/TestHttp11InputBuffer.java"
FO = F + " (older)"

ABS = b"GET http://localhost:8080/test HTTP/1.1" + CRLF + b"Host: localhost:8080" + CRLF
ABS_START = ("GET", "http://localhost:8080/test", "HTTP/1.1")
HL = ("Host", "localhost:8080")

add("ib-bug48839-obs-fold",
    ABS + b"X-Bug48839: abcd" + CRLF + b"\tefgh" + CRLF + b"Connection: close" + CRLF + CRLF,
    "error", [],
    "a field line 'X-Bug48839: abcd' continued by an obs-fold line starting with HTAB; "
    + OBS_FOLD, src(F, "testBug48839"),
    differs="Tomcat accepts the obs-fold and the servlet sees the value 'abcd\\tefgh' (200)")


def b51557(header_line):
    return (ABS + header_line + CRLF + b"X-Bug51557: abcd" + CRLF + b"Connection: close" + CRLF
            + CRLF)


add("ib-bug51557-valid", b51557(b"X-Bug51557Valid: 1234"), "ok",
    [req(*ABS_START, [HL, ("X-Bug51557Valid", "1234"), ("X-Bug51557", "abcd"),
                      ("Connection", "close")])],
    "absolute-form GET with ordinary fields", src(F, "testBug51557Valid"))
add("ib-bug51557-invalid", b51557(b"X-Bug51557=Invalid: 1234"), "error", [],
    "field name 'X-Bug51557=Invalid': '=' is not a tchar; " + NAME_TOKEN,
    src(F, "testBug51557Invalid"))
add("ib-bug51557-no-colon", b51557(b"X-Bug51557NoColon"), "error", [],
    "a field line without a colon is not a field-line (RFC 9112 5)",
    src(F, "testBug51557NoColon"))

SEPARATORS = b"\t \"(),/:;<=>?@[\\]{}"
for s in SEPARATORS:
    line = b"X-Bug" + bytes([s]) + b"51557: invalid"
    det = "separator 0x%02X (%r)" % (s, chr(s))
    if s == ord(":"):
        add("ib-name-sep-%02x" % s, b51557(line), "ok",
            [req(*ABS_START, [HL, ("X-Bug", "51557: invalid"), ("X-Bug51557", "abcd"),
                              ("Connection", "close")])],
            "'X-Bug:51557: invalid' is the field 'X-Bug' with the value '51557: invalid' (the "
            "first colon ends the name; a value may hold colons)",
            src(F, "testBug51557SeparatorsInName", det))
    elif s in b" \t":
        add("ib-name-sep-%02x" % s, b51557(line), "error", [],
            "whitespace inside a field name: the name is not a token, and the profile treats any "
            "whitespace before the colon as an error (RFC 9112 5.1)",
            src(F, "testBug51557SeparatorsInName", det))
    else:
        add("ib-name-sep-%02x" % s, b51557(line), "error", [],
            "field name with the delimiter %r: not a tchar; %s" % (chr(s), NAME_TOKEN),
            src(F, "testBug51557SeparatorsInName", det))

for i in list(range(31)) + [127]:
    line = b"X-Bug" + bytes([i]) + b"51557: invalid"
    det = "control byte 0x%02X" % i
    if i == 10:
        why = "the LF inside the name ends the line 'X-Bug' early with a bare LF; " + BARE_LF
    elif i == 13:
        why = "the CR inside the name is not followed by LF; " + BARE_CR
    else:
        why = "a control byte is not a tchar; " + NAME_TOKEN
    add("ib-name-ctl-%02x" % i, b51557(line), "error", [],
        "control byte 0x%02X inside a field name: %s" % (i, why),
        src(F, "testBug51557CtlInName", det))

for i in list(range(31)) + [127]:
    if i in (9, 10):
        continue  # skipped by the test: HTAB is allowed, LF is the (optional) line end
    line = b"X-Bug51557-Invalid: invalid" + bytes([i]) + b"invalid"
    why = BARE_CR if i == 13 else VALUE_CHARS
    add("ib-value-ctl-%02x" % i, b51557(line), "error", [],
        "control byte 0x%02X inside a field value: %s" % (i, why),
        src(F, "testBug51557CtlInValue", "control byte 0x%02X" % i))

for i in range(128, 255):
    line = b"X-Bug51557-Valid: valid" + bytes([i]) + b"valid"
    add("ib-value-obs-text-%02x" % i, b51557(line), "ok",
        [req(*ABS_START, [HL, ("X-Bug51557-Valid", b"valid" + bytes([i]) + b"valid"),
                          ("X-Bug51557", "abcd"), ("Connection", "close")])],
        "byte 0x%02X (obs-text) inside a field value is allowed (RFC 9110 5.5: field-vchar "
        "includes obs-text)" % i,
        src(F, "testBug51557ObsTextInValue", "byte 0x%02X" % i))

add("ib-bug51557-continuation", b51557(b"X-Bug=51557NoColon: foo" + CRLF + b" bar"), "error", [],
    "field name 'X-Bug=51557NoColon' ('=' is not a tchar) whose value is continued by an "
    "obs-fold line ' bar'; both are errors: " + NAME_TOKEN + "; " + OBS_FOLD,
    src(F, "testBug51557Continuation"))
add("ib-bug51557-boundary-start", b51557(b"=X-Bug51557: invalid"), "error", [],
    "field name starting with '=': " + NAME_TOKEN, src(F, "testBug51557BoundaryStart"))
add("ib-bug51557-boundary-end", b51557(b"X-Bug51557=: invalid"), "error", [],
    "field name ending with '=': " + NAME_TOKEN, src(F, "testBug51557BoundaryEnd"))

NL_REQ = (ABS + b"X-Bug48839: abcd" + CRLF + b"\tefgh" + CRLF + b"Connection: close" + CRLF
          + CRLF)
add("ib-newlines-10", CRLF * 10 + NL_REQ, "error", [],
    "10 empty lines (CRLF) before the request-line: the profile skips at most one (RFC 9112 2.2 "
    "SHOULD ignore at least one); the request also carries an obs-fold line. " + OBS_FOLD,
    src(F, "testNewLines"),
    differs="Tomcat skips the empty lines, accepts the obs-fold and answers 200")
add("ib-newlines-10-nofold", CRLF * 10 + ABS + b"Connection: close" + CRLF + CRLF, "error", [],
    "derived: the testNewLines stream without its obs-fold line, so that only the 10 empty "
    "lines before the request-line are tested: the profile skips at most one",
    src(F, "testNewLines", derived="obs-fold line removed"),
    differs="Tomcat skips any number of leading empty lines (up to its header buffer)")
add("ib-newlines-1-nofold", CRLF + ABS + b"Connection: close" + CRLF + CRLF, "ok",
    [req(*ABS_START, [HL, ("Connection", "close")])],
    "derived: one empty line before the request-line, which the profile skips (RFC 9112 2.2)",
    src(F, "testNewLines", derived="one empty line, obs-fold line removed"))
add("ib-newlines-10000", CRLF * 10000 + NL_REQ, "error", [],
    "10000 empty lines (CRLF) before the request-line: the profile skips at most one",
    src(F, "testNewLinesExcessive"))

add("ib-bug54947-split-crlf",
    b"GET http://localhost:8080/test HTTP/1.1" + CR + LF + b"Host: localhost:8080" + CRLF
    + b"Connection: close" + CRLF + CRLF, "ok",
    [req(*ABS_START, [HL, ("Connection", "close")])],
    "the request-line's CRLF is written in two pieces (CR, then LF with the rest); the "
    "runner's splits stand for the cut", src(F, "testBug54947"))

add("ib-invalid-method-nul",
    b"GET\x00 /test HTTP/1.1" + CRLF + b"Host: localhost:8080" + CRLF + b"Connection: close"
    + CRLF + CRLF, "error", [],
    "NUL inside the method: the method is a token (RFC 9112 3.1)", src(F, "testInvalidMethod"))
add("ib-invalid-http09", b"GET /test" + CR + b" " + LF, "error", [],
    "'GET /test' then CR, SP, LF: a CR not followed by LF, and no HTTP-version (HTTP/0.9 is "
    "not HTTP/1.x); " + BARE_CR, src(F, "testInvalidHttp09"))
add("ib-invalid-eol-request-line-cr",
    b"GET /test HTTP/1.1" + CR + b"Host: localhost:8080" + CRLF + b"Connection: close" + CRLF
    + CRLF, "error", [], "the request-line ends in a bare CR; " + BARE_CR,
    src(F, "testInvalidEndOfRequestLine01"))
add("ib-invalid-header-leading-cr",
    b"GET /test HTTP/1.1" + CRLF + b"Host: localhost:8080" + CRLF + CR + b"X-Header: xxx" + CRLF
    + b"Connection: close" + CRLF + CRLF, "error", [],
    "a field line starts with a CR that no LF follows; " + BARE_CR,
    src(F, "testInvalidHeader01"))
CL_BEL = (b"POST /test HTTP/1.1" + CRLF + b"Host: localhost:8080" + CRLF
          + b"Content-Length: 12\x0734" + CRLF + b"Connection: close" + CRLF + CRLF)
add("ib-invalid-content-length-bel", CL_BEL, "error", [],
    "Content-Length '12<BEL>34': a control byte in a field value, and not 1*DIGIT (RFC 9112 "
    "6.3 step 5: an invalid Content-Length is an unrecoverable error)",
    src(F, "testInvalidContentLength01", "rejectIllegalHeader=false"))
add("ib-invalid-content-length-bel", CL_BEL, "error", [], "",
    src(F, "testInvalidContentLength02", "rejectIllegalHeader=true"))
add("ib-invalid-header-empty-name",
    b"GET /foo HTTP/1.1" + CRLF + b"Host: localhost" + CRLF + b":b" + CRLF + b"X-Dummy:b" + CRLF
    + CRLF, "error", [],
    "a field line ':b' with an empty name: field-name is 1*tchar (RFC 9110 5.1)",
    src(F, "testInvalidHeader02"))

# Tests of an older version (javax.servlet, with rejectIllegalHeader) whose bytes
# are not in the newest version.
add("ib-old-bug59089-obs-text-name",
    ABS + b"X-Header: Ignore" + CRLF + b"X-Header\x82: Broken" + CRLF + CRLF, "error", [],
    "byte 0x82 inside a field name: " + NAME_TOKEN,
    src(FO, "testBug59089", "rejectIllegalHeader=false"),
    differs="Tomcat (rejectIllegalHeader=false) ignores the bad field line and answers 200")
add("ib-old-invalid-eol-request-line-lf",
    b"GET /test HTTP/1.1" + LF + b"Host: localhost:8080" + CRLF + b"Connection: close" + CRLF
    + CRLF, "error", [], "the request-line ends in a bare LF; " + BARE_LF,
    src(FO, "testInvalidEndOfRequestLine02"))
add("ib-old-value-ctl-0a",
    b51557(b"X-Bug51557-Invalid: invalid" + LF + b"invalid"), "error", [],
    "an LF inside a field value ends the line early with a bare LF, and the next line "
    "'invalid' has no colon; " + BARE_LF,
    src(FO, "testBug51557CtlInValue", "control byte 0x0A (later versions skip it)"),
    differs="that older Tomcat ignored the broken field line and answered 200")


# ===========================================================================
# TestHttp11InputBufferCRLF.java: one parameterized test, testBug54947.
# addRequestWithSplits adds each request three times: whole, cut before every LF,
# and one character per write. The cuts only change the writes; the runner's
# split sizes stand for them, so the three are one stream.
# ===========================================================================
F = "test/org/apache/coyote/http11/TestHttp11InputBufferCRLF.java"
SPLITS = ("also written cut before each LF and one byte per write (the runner's splits stand "
          "for those cuts)")
STD_TAIL = b"Host: localhost:8080" + CRLF + b"Connection: close" + CRLF + CRLF
STD_H = [("Host", "localhost:8080"), ("Connection", "close")]


def crlf_case(slug, data, expect, msgs, note, detail, differs=None, split=True):
    add(slug, data, expect, msgs, note + (("; " + SPLITS) if split else ""),
        src(F, "testBug54947", detail), differs=differs)


crlf_case("crlf-ht-separators", b"GET\t/test\tHTTP/1.1" + CRLF + STD_TAIL, "error", [],
          "HTAB instead of SP between the request-line's parts: the request-line takes single "
          "SPs (RFC 9112 3; profile)", "HT in place of SP (valid=true)",
          differs="Tomcat accepts HTAB in place of SP and answers 200", split=False)
crlf_case("crlf-http09", b"GET /test" + CRLF, "error", [],
          "an HTTP/0.9 simple request 'GET /test': no HTTP-version; the profile takes only "
          "HTTP/1.0 and HTTP/1.1 (RFC 9112 2.3, 3)", "HTTP/0.9 request (valid=true)",
          differs="Tomcat serves it as an HTTP/0.9 request")
crlf_case("crlf-http09-sp", b"GET /test " + CRLF, "error", [],
          "'GET /test ' ends in a SP with an empty version: not a request-line (RFC 9112 3)",
          "HTTP/0.9 request with space (valid=false)")
crlf_case("crlf-http09-lf", b"GET /test" + LF, "error", [],
          "an HTTP/0.9 simple request ended by a bare LF: no HTTP-version, and " + BARE_LF,
          "HTTP/0.9 request, no optional CR (valid=true)",
          differs="Tomcat serves it as an HTTP/0.9 request")
crlf_case("crlf-http09-sp-lf", b"GET /test " + LF, "error", [],
          "'GET /test ' with an empty version, ended by a bare LF",
          "HTTP/0.9 request with space, no optional CR (valid=false)")
crlf_case("crlf-standard", b"GET /test HTTP/1.1" + CRLF + STD_TAIL, "ok",
          [req("GET", "/test", "HTTP/1.1", STD_H)],
          "a standard HTTP/1.1 request", "standard HTTP/1.1 request (valid=true)")
crlf_case("crlf-version-cr", b"GET /test HTTP/" + CR + b"1.1" + CRLF + STD_TAIL, "error", [],
          "a CR inside the HTTP-version 'HTTP/<CR>1.1'; " + BARE_CR,
          "invalid HTTP protocol (valid=false)")
crlf_case("crlf-target-lt", b"GET /te<st HTTP/1.1" + CRLF + STD_TAIL, "ok",
          [req("GET", "/te<st", "HTTP/1.1", STD_H)],
          "'<' in the request-target: RFC 3986 has no '<' in a path, but the profile bans only "
          "whitespace, control and DEL bytes in a request-target, so the target is delivered "
          "as it is", "invalid HTTP/1.1 request '/te<st' (valid=false)",
          differs="Tomcat rejects '<' in the path with 400 (it checks RFC 3986 characters)")
crlf_case("crlf-query", b"GET /test?a=b HTTP/1.1" + CRLF + STD_TAIL, "ok",
          [req("GET", "/test?a=b", "HTTP/1.1", STD_H)],
          "origin-form target with a query", "query string (valid=true)")
crlf_case("crlf-query-qmark", b"GET /test?a=?b HTTP/1.1" + CRLF + STD_TAIL, "ok",
          [req("GET", "/test?a=?b", "HTTP/1.1", STD_H)],
          "a '?' inside the query is allowed (RFC 3986 3.4)", "query string with ? (valid=true)")
crlf_case("crlf-query-lt", b"GET /test?a=<b HTTP/1.1" + CRLF + STD_TAIL, "ok",
          [req("GET", "/test?a=<b", "HTTP/1.1", STD_H)],
          "'<' in the query: outside RFC 3986's query grammar, but the profile bans only "
          "whitespace, control and DEL bytes in a request-target", "invalid query '?a=<b' "
          "(valid=false)",
          differs="Tomcat rejects '<' in the query with 400 (it checks RFC 3986 characters)")
crlf_case("crlf-lf-only",
          b"GET /test HTTP/1.1" + LF + b"Host: localhost:8080" + LF + b"Connection: close" + LF
          + LF, "error", [],
          "every line of the head ends in a bare LF; " + BARE_LF,
          "standard request using LF rather than CRLF (valid=true)",
          differs="Tomcat accepts a bare LF as line end and answers 200")

# ===========================================================================
# TestHttp11Processor.java
# ===========================================================================
F = "test/org/apache/coyote/http11/TestHttp11Processor.java"
FO = F + " (older)"
RUNTIME = "runs a Java HTTP client (getUrl/headUrl) at run time: no fixed request bytes"

add("proc-get-anything", b"GET /anything HTTP/1.1" + CRLF + b"Host: any" + CRLF + CRLF, "ok",
    [req("GET", "/anything", "HTTP/1.1", [("Host", "any")])],
    "a plain GET (the test checks the server's broken chunked response, which is not a test "
    "literal)", src(F, "testResponseWithErrorChunked"))
add("proc-expect-unknown",
    b"POST /echo-params.jsp HTTP/1.1" + CRLF + b"Host: any" + CRLF + b"Expect: unknown" + CRLF
    + CRLF, "ok",
    [req("POST", "/echo-params.jsp", "HTTP/1.1", [("Host", "any"), ("Expect", "unknown")])],
    "a POST with 'Expect: unknown' and no body (no framing field: length 0). The expectation "
    "is semantics, not syntax: the decoder delivers the request and the server may answer 417 "
    "(RFC 9110 10.1.1)", src(F, "testWithUnknownExpectation"),
    differs="Tomcat answers 417 Expectation Failed, a server decision after a correct parse, "
            "not a decoding error")


def te_cl(te):
    return (b"POST /echo-params.jsp HTTP/1.1" + CRLF + b"Host: any" + CRLF
            + b"Transfer-encoding: " + te + CRLF + b"Content-Length: 9" + CRLF + FORM + CRLF
            + b"test=data")


for te, test in ((b"void", "testWithTEVoid"), (b"buffered", "testWithTEBuffered"),
                 (b"savedrequest", "testWithTESavedRequest"),
                 (b"unsupported", "testWithTEUnsupported")):
    add("proc-te-" + b2s(te), te_cl(te), "error", [],
        "Transfer-Encoding '%s' is not a registered coding (the profile: any other name is an "
        "error, 501), and a request with both Transfer-Encoding and Content-Length is an error "
        "(RFC 9112 6.1, 6.3)" % b2s(te), src(F, test))

add("proc-old-te-identity",
    b"POST /test/echo-params.jsp HTTP/1.1" + CRLF + b"Host: any" + CRLF
    + b"Transfer-encoding: identity" + CRLF + b"Content-Length: 9" + CRLF + FORM
    + b"Connection: close" + CRLF + CRLF + b"test=data", "error", [],
    "Transfer-Encoding 'identity' (no longer registered, RFC 9112 7) together with "
    "Content-Length: both make the request an error under the profile",
    src(FO, "testWithTEIdentity"),
    differs="that older Tomcat ignored 'identity', read the 9-byte body by Content-Length and "
            "answered 200")


def te_chunked(cl, version=b"HTTP/1.1"):
    return (b"POST /test/echo-params.jsp " + version + CRLF + b"Host: any" + CRLF
            + (b"Content-length: 1" + CRLF if cl else b"") + b"Transfer-encoding: chunked" + CRLF
            + FORM + b"Connection: close" + CRLF + CRLF + b"9" + CRLF + b"test=data" + CRLF
            + b"0" + CRLF + CRLF)


add("proc-te-chunked", te_chunked(False), "ok",
    [req("POST", "/test/echo-params.jsp", "HTTP/1.1",
         [("Host", "any"), ("Transfer-encoding", "chunked"),
          ("Content-Type", "application/x-www-form-urlencoded"), ("Connection", "close")],
         "chunked", b"test=data")],
    "a chunked POST with one 9-byte chunk", src(F, "testWithTEChunked"))
add("proc-te-chunked-with-cl", te_chunked(True), "error", [],
    "Content-Length and Transfer-Encoding: chunked in one request: an error (RFC 9112 6.1: a "
    "server MAY reject it or frame it by Transfer-Encoding alone, and MUST close the connection "
    "after it; the profile rejects, since two parsers could frame it differently)",
    src(F, "testWithTEChunkedWithCL"),
    differs="Tomcat ignores the Content-Length ('Should be ignored'), reads the chunked body and "
            "answers 200")
add("proc-te-chunked-http10", te_chunked(False, b"HTTP/1.0"), "error", [],
    "Transfer-Encoding in an HTTP/1.0 request is an error (RFC 9112 6.1: a recipient of an "
    "HTTP/1.0 message with Transfer-Encoding MUST treat its framing as faulty; the profile "
    "rejects it)", src(F, "testWithTEChunkedHttp10"),
    differs="Tomcat decodes the chunked body of the HTTP/1.0 request and answers 200")

PIPE = b"GET /foo HTTP/1.1" + CRLF + b"Host: any" + CRLF + CRLF
add("proc-pipelining", PIPE + PIPE, "ok",
    [req("GET", "/foo", "HTTP/1.1", [("Host", "any")])] * 2,
    "two GETs on one connection (the test writes the request-line and the rest separately, "
    "twice, with pauses; the runner's splits stand for the cuts)", src(F, "testPipelining"))
add("proc-pipelining", PIPE + PIPE, "ok", [], "", src(F, "testPipeliningBug64974"))

ACC = (b"Cache-Control: max-age=0\r\n"
       b"Accept: text/html,application/xhtml+xml,application/xml;q=0.9,image/webp,*/*;q=0.8\r\n")
ACC_H = [("Cache-Control", "max-age=0"),
         ("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,image/webp,*/*;q=0.8")]
LANG = (b"Accept-Encoding: gzip,deflate,sdch\r\n"
        b"Accept-Language: en-US,en;q=0.8,fr;q=0.6,es;q=0.4\r\n")
LANG_H = [("Accept-Encoding", "gzip,deflate,sdch"),
          ("Accept-Language", "en-US,en;q=0.8,fr;q=0.6,es;q=0.4")]
add("proc-bug55772-request1",
    b"GET /async?1 HTTP/1.1\r\nHost: localhost:" + PORT + b"\r\nConnection: keep-alive\r\n" + ACC
    + b"User-Agent: Request1\r\n" + LANG + b"Cookie: something.that.should.not.leak=true\r\n"
    + b"\r\n", "ok",
    [req("GET", "/async?1", "HTTP/1.1",
         [("Host", "localhost:8080"), ("Connection", "keep-alive")] + ACC_H
         + [("User-Agent", "Request1")] + LANG_H
         + [("Cookie", "something.that.should.not.leak=true")])],
    "a browser-like GET with a Cookie (Host port: 8080 stands for getPort())",
    src(F, "testBug55772", "request1 (first connection)"))
add("proc-bug55772-request2",
    b"GET /async?2 HTTP/1.1\r\nHost: localhost:" + PORT + b"\r\nConnection: keep-alive\r\n" + ACC
    + b"User-Agent: Request2\r\n" + LANG + b"\r\n", "ok",
    [req("GET", "/async?2", "HTTP/1.1",
         [("Host", "localhost:8080"), ("Connection", "keep-alive")] + ACC_H
         + [("User-Agent", "Request2")] + LANG_H)],
    "a browser-like GET on a second connection (Host port: 8080 stands for getPort())",
    src(F, "testBug55772", "request2 (second connection)"))


def non2xx(expect):
    return (b"POST /echo HTTP/1.1" + CRLF + b"Host: localhost:" + PORT + CRLF
            + b"Content-Length: 10" + CRLF + (b"Expect: 100-continue" + CRLF if expect else b"")
            + CRLF + b"HelloWorld")


add("proc-non2xx-expect", non2xx(True), "ok",
    [req("POST", "/echo", "HTTP/1.1",
         [("Host", "localhost:8080"), ("Content-Length", "10"), ("Expect", "100-continue")],
         "length", b"HelloWorld")],
    "a POST with Expect: 100-continue whose 10-byte body is sent at once (the client need not "
    "wait for 100, RFC 9110 10.1.1); Host port 8080 stands for getPort()",
    src(F, "testNon2xxResponseWithExpectation"))
add("proc-non2xx-no-expect", non2xx(False), "ok",
    [req("POST", "/echo", "HTTP/1.1", [("Host", "localhost:8080"), ("Content-Length", "10")],
         "length", b"HelloWorld")],
    "a POST with a 10-byte body; Host port 8080 stands for getPort()",
    src(F, "testNon2xxResponseWithoutExpectation"))

B57621 = (b"PUT http://localhost:8080/test HTTP/1.1" + CRLF + b"Host: localhost:8080" + CRLF
          + b"Transfer-encoding: chunked" + CRLF + CRLF + b"2" + CRLF + b"OK" + CRLF + b"0" + CRLF
          + CRLF)
M57621 = req("PUT", "http://localhost:8080/test", "HTTP/1.1",
             [("Host", "localhost:8080"), ("Transfer-encoding", "chunked")], "chunked", b"OK")
add("proc-bug57621", B57621 + B57621, "ok", [M57621, M57621],
    "a chunked PUT (absolute-form target) written in two pieces, cut after the chunk data, "
    "then the same request again on the connection", src(F, "testBug57621a", "delayAsyncThread"))
add("proc-bug57621", B57621 + B57621, "ok", [], "", src(F, "testBug57621b"))

SWALLOW = (b"POST /test HTTP/1.1\r\nHost: localhost:8080\r\nTransfer-Encoding: chunked\r\n\r\n"
           b"2\r\nAB\r\n0\r\n\r\n")
MSW = req("POST", "/test", "HTTP/1.1",
          [("Host", "localhost:8080"), ("Transfer-Encoding", "chunked")], "chunked", b"AB")
add("proc-body-swallowing", SWALLOW + SWALLOW, "ok", [MSW, MSW],
    "two chunked POSTs on one connection, each head written before its body",
    src(F, "testRequestBodySwallowing"))

add("proc-host-multiple-different",
    b"GET /foo HTTP/1.1" + CRLF + b"Host: a" + CRLF + b"Host: b" + CRLF + CRLF, "error", [],
    "two different Host field lines; " + HOST_RULE, src(F, "testMultipleHostHeader01"))
add("proc-host-multiple-same",
    b"GET /foo HTTP/1.1" + CRLF + b"Host: a" + CRLF + b"Host: a" + CRLF + CRLF, "error", [],
    "two identical Host field lines; " + HOST_RULE, src(F, "testMultipleHostHeader02"))
add("proc-host-missing", b"GET /foo HTTP/1.1" + CRLF + CRLF, "error", [],
    "an HTTP/1.1 request without Host (RFC 9112 3.2: a server MUST respond 400)",
    src(F, "testMissingHostHeader"))

IGNORE_HOST = ("the absolute-form target's authority differs from Host: the server MUST ignore "
               "Host and use the target's authority (RFC 9112 3.2.2), so it is no decoding "
               "error")
USERINFO = ("userinfo in an http URI is deprecated: RFC 9110 4.2.4 says a recipient SHOULD treat "
            "it as an error, so a decoder may reject it or accept it (either)")
EMPTY_HOST = "an empty Host value is `either` under the profile"


def abs_host(target, host):
    return b"GET " + target + b" HTTP/1.1" + CRLF + b"Host: " + host + CRLF + CRLF


def abs_msg(target, host):
    return [req("GET", target, "HTTP/1.1", [("Host", host)])]


for n, target, host, exp, note, dif in (
        (1, b"http://a/foo", b"b", "ok", IGNORE_HOST, "Tomcat answers 400 for the inconsistency"),
        (2, b"http://a:8080/foo", b"b:8080", "ok", IGNORE_HOST,
         "Tomcat answers 400 for the inconsistency"),
        (3, b"http://user:pwd@a/foo", b"b", "either",
         USERINFO + "; if accepted, " + IGNORE_HOST, None),
        (4, b"http://a/foo", b"", "either", EMPTY_HOST + "; the target has the authority 'a'",
         None),
        (5, b"http://a:8080/foo", b"", "either",
         EMPTY_HOST + "; the target has the authority 'a:8080'", None),
        (6, b"http://user:pwd@a/foo", b"", "either",
         EMPTY_HOST + "; " + USERINFO, None)):
    add("proc-host-inconsistent-%02d" % n, abs_host(target, host), exp, abs_msg(target, host),
        "absolute-form '%s' with Host '%s': %s" % (b2s(target), b2s(host), note),
        src(F, "testInconsistentHostHeader%02d" % n), differs=dif)
for n, target, host, exp, note in (
        (1, b"http://a/foo", b"a", "ok", "Host equals the target's authority"),
        (2, b"http://a:8080/foo", b"a:8080", "ok", "Host equals the target's authority"),
        (3, b"http://user:pwd@a/foo", b"a", "either", USERINFO)):
    add("proc-host-consistent-%02d" % n, abs_host(target, host), exp, abs_msg(target, host),
        "absolute-form '%s' with Host '%s': %s" % (b2s(target), b2s(host), note),
        src(F, "testConsistentHostHeader%02d" % n))
add("proc-host-blank-01", abs_host(b"/foo", b""), "either", abs_msg(b"/foo", b""),
    "origin-form with an empty Host value: " + EMPTY_HOST, src(F, "testBlankHostHeader01"))
add("proc-host-blank-02", abs_host(b"/foo", b"     "), "either", abs_msg(b"/foo", b""),
    "origin-form with a Host value of only SPs (empty after OWS is removed): " + EMPTY_HOST,
    src(F, "testBlankHostHeader02"))

for n in range(1, 13):
    send_ka = n not in (1, 7)
    data = (b"GET /foo HTTP/1.1" + CRLF + b"Host: localhost:" + PORT + CRLF
            + (b"Connection: keep-alive" + CRLF if send_ka else b"") + CRLF)
    hdrs = [("Host", "localhost:8080")] + ([("Connection", "keep-alive")] if send_ka else [])
    add("proc-keepalive" if send_ka else "proc-keepalive-none", data, "ok",
        [req("GET", "/foo", "HTTP/1.1", hdrs)],
        "a GET %s Connection: keep-alive (the test's connector settings only change the "
        "response); Host port 8080 stands for getPort()" % ("with" if send_ka else "without"),
        src(F, "testKeepAliveHeader%02d" % n))

SLOW = (b"POST /foo HTTP/1.1" + CRLF + b"Host: localhost:" + PORT + CRLF + b"Content-Length: 10"
        + CRLF + CRLF + b"XXXXXXXXXX")
for t in ("testSlowUploadTimeoutWithLongerUploadTimeout",
          "testSlowUploadTimeoutWithoutLongerUploadTimeout"):
    add("proc-slow-upload", SLOW, "ok",
        [req("POST", "/foo", "HTTP/1.1", [("Host", "localhost:8080"), ("Content-Length", "10")],
             "length", b"XXXXXXXXXX")],
        "a POST whose 10-byte body is written after a long pause (the runner's splits stand for "
        "the cut); Host port 8080 stands for getPort()", src(F, t))

for n, value, test, bad in (
        (1, b"identity", "testTEHeaderUnknown01", False),
        (2, b"identity, chunked", "testTEHeaderUnknown02", False),
        (3, b"unknown, chunked", "testTEHeaderUnknown03", False),
        (4, b"void", "testTEHeaderUnknown04", False),
        (5, b"void, chunked", "testTEHeaderUnknown05", False),
        (6, b"void, identity", "testTEHeaderUnknown06", False),
        (7, b"identity, void", "testTEHeaderUnknown07", False),
        (8, b"chunked, void", "testTEHeaderChunkedNotLast01", True)):
    slug = "proc-te-header-" + re.sub(r"[^a-z]+", "-", b2s(value))
    why = ("chunked is not the final coding of a request: RFC 9112 6.3 step 4 (400)" if bad else
           "an unregistered coding ('identity' is no longer registered, RFC 9112 7; 'void' and "
           "'unknown' never were): the profile answers 501")
    add(slug, b"GET /foo HTTP/1.1" + CRLF + b"Host: localhost:" + PORT + CRLF
        + b"Transfer-Encoding: " + value + CRLF + CRLF, "error", [],
        "Transfer-Encoding '%s' in a request: %s; Host port 8080 stands for getPort()"
        % (b2s(value), why), src(F, test))

C100 = (b"POST /foo HTTP/1.1" + CRLF + b"Host: localhost:" + PORT + CRLF + b"Expect: 100-continue"
        + CRLF + b"Content-Length: 10" + CRLF + CRLF + b"0123456789")
M100 = req("POST", "/foo", "HTTP/1.1", [("Host", "localhost:8080"), ("Expect", "100-continue"),
                                        ("Content-Length", "10")], "length", b"0123456789")
add("proc-100-continue-no-ack", C100 + C100, "ok", [M100, M100],
    "a POST with Expect: 100-continue and its 10-byte body, written twice on one connection "
    "(the test reconnects only if the first response closes); Host port 8080 stands for "
    "getPort()", src(F, "test100ContinueWithNoAck"))
add("proc-connect-no-port",
    b"CONNECT example.local HTTP/1.1" + CRLF + b"Host: example.local" + CRLF + CRLF, "error", [],
    "CONNECT takes authority-form host:port and the port is required (RFC 9112 3.2.3; "
    "profile); 'example.local' has none. Tomcat answers 501 (CONNECT not implemented): also a "
    "rejection", src(F, "testConnect"))

for t in ("testChunking11NoContentLength", "testNoChunking11NoContentLengthConnectionClose",
          "testBug53677a", "testBug53677b", "testBug59310", "testBug61086"):
    skip(F, t, RUNTIME)

# ===========================================================================
# filters/TestChunkedInputFilter.java
# ===========================================================================
F = "test/org/apache/coyote/http11/filters/TestChunkedInputFilter.java"
ECHO_HEAD = (b"POST /echo-params.jsp HTTP/1.1" + CRLF + b"Host: any" + CRLF
             + b"Transfer-encoding: chunked" + CRLF + FORM + b"Connection: close" + CRLF + CRLF)
ECHO_H = [("Host", "any"), ("Transfer-encoding", "chunked"),
          ("Content-Type", "application/x-www-form-urlencoded"), ("Connection", "close")]


def echo_msg(trailers=(), target="/echo-params.jsp", headers=ECHO_H, body=b"a=0&b=1"):
    return req("POST", target, "HTTP/1.1", headers, "chunked", body, trailers)


def crlf_chunks(e1, e2, e3, e4, e5):
    # the test's two writes, cut inside the first trailer value, joined
    return (ECHO_HEAD + b"3" + e1 + b"a=0" + e2 + b"4" + CRLF + b"&b=1" + CRLF + b"0" + CRLF
            + b"x-trailer1: Test" + b"Value1" + e3 + b"x-trailer2: TestValue2" + e4 + e5)


CUT = "written in two pieces cut inside the first trailer value (the runner's splits stand for it)"
for test in ("testChunkHeaderCRLF", "testChunkCRLF", "testFirstTrailingHeadersCRLF",
             "testSecondTrailingHeadersCRLF", "testEndCRLF"):
    add("chunk-crlf", crlf_chunks(CRLF, CRLF, CRLF, CRLF, CRLF), "ok",
        [echo_msg([("x-trailer1", "TestValue1"), ("x-trailer2", "TestValue2")])],
        "a chunked POST (chunks '3' and '4') with two trailer fields, every line ended by CRLF; "
        + CUT, src(F, test))
for slug, test, args, what in (
        ("chunk-size-line-lf", "testChunkHeaderLF", (LF, CRLF, CRLF, CRLF, CRLF),
         "the first chunk-size line '3' ends in a bare LF"),
        ("chunk-data-lf", "testChunkLF", (CRLF, LF, CRLF, CRLF, CRLF),
         "the first chunk's data is followed by a bare LF instead of CRLF"),
        ("chunk-trailer1-lf", "testFirstTrailingHeadersLF", (CRLF, CRLF, LF, CRLF, CRLF),
         "the first trailer field line ends in a bare LF"),
        ("chunk-trailer2-lf", "testSecondTrailingHeadersLF", (CRLF, CRLF, CRLF, LF, CRLF),
         "the second trailer field line ends in a bare LF"),
        ("chunk-end-lf", "testEndLF", (CRLF, CRLF, CRLF, CRLF, LF),
         "the empty line that ends the trailer section is a bare LF")):
    add(slug, crlf_chunks(*args), "error", [],
        what + ": chunk lines, chunk data and trailer lines end in CRLF (RFC 9112 7.1, 7.1.2); "
        + BARE_LF + "; " + CUT, src(F, test))


def trailer_req(trailer_header):
    return (ECHO_HEAD + b"3" + CRLF + b"a=0" + CRLF + b"4" + CRLF + b"&b=1" + CRLF + b"0" + CRLF
            + trailer_header + CRLF + CRLF)


for test, lim in (("testTrailingHeadersSizeLimitBelowLimit", 17),
                  ("testTrailingHeadersSizeLimitAtLimit", 18),
                  ("testTrailingHeadersSizeLimitAboveLimit", 19)):
    add("chunk-trailer-size", trailer_req(b"x-trailer: Test"), "ok",
        [echo_msg([("x-trailer", "Test")])],
        "a chunked POST with one 15-byte trailer field (19 bytes with its CRLF and the final "
        "CRLF): far below the profile's default 16 KiB trailer-section limit",
        src(F, test, "maxTrailerSize=%d" % lim))
DIFFERS["tomcat-chunk-trailer-size"] = (
    "Tomcat refuses the trailer section when configured with maxTrailerSize 17 or 18 (500), "
    "accepts it at 19; the profile's default trailer limit is 16 KiB")
for c in CASES:
    if c["id"] == "tomcat-chunk-trailer-size":
        c["note"] = "differs from tomcat: " + DIFFERS[c["id"]] + ". " + c["note"]

PIPE2 = (b"x-trailer: Test" + CRLF + CRLF + ECHO_HEAD + b"3" + CRLF + b"a=0" + CRLF + b"4" + CRLF
         + b"&b=1" + CRLF + b"0" + CRLF + b"x-trailer: Test")
add("chunk-trailer-size-pipelining", trailer_req(PIPE2), "either",
    [echo_msg([("x-trailer", "Test")]), echo_msg([("x-trailer", "Test")])],
    "two chunked POSTs back to back (the test puts the second request in the trailer string); "
    "the first one carries Connection: close, so " + CLOSE_EITHER,
    src(F, "testTrailingHeadersSizeLimitPipelining", "maxTrailerSize=19"))


def ext_req(ext):
    return (ECHO_HEAD + b"3" + ext + CRLF + b"a=0" + CRLF + b"4" + CRLF + b"&b=1" + CRLF + b"0"
            + CRLF + CRLF)


for test, n in (("testExtensionSizeLimitOneBelow", 9), ("testExtensionSizeLimitExact", 10),
                ("testExtensionSizeLimitOneOver", 11)):
    ext = b";foo=" + b"x" * (n - 5)
    add("chunk-ext-size-%d" % n, ext_req(ext), "ok", [echo_msg()],
        "chunk extension '%s' (%d bytes) on the first chunk: a valid chunk-ext (RFC 9112 7.1.1), "
        "far below the profile's default 4 KiB chunk-line limit" % (b2s(ext), n),
        src(F, test, "maxExtensionSize=10"),
        differs=("Tomcat, configured with maxExtensionSize 10, refuses the 11-byte extension "
                 "(500); the profile's default limit is 4 KiB") if n == 11 else None)

add("chunk-no-trailers", ext_req(b""), "ok", [echo_msg()],
    "a chunked POST without trailer fields", src(F, "testNoTrailingHeaders"))


def size_req(expect_pass, chunks):
    return (b"POST /echo-params.jsp HTTP/1.1" + CRLF + b"Host: any" + CRLF
            + b"Transfer-encoding: chunked" + CRLF + b"Content-Type: text/plain" + CRLF
            + (b"Connection: close" + CRLF if expect_pass else b"") + CRLF + chunks + b"0" + CRLF
            + CRLF)


SZ_H = [("Host", "any"), ("Transfer-encoding", "chunked"), ("Content-Type", "text/plain")]
SZ_HC = SZ_H + [("Connection", "close")]
add("chunk-size-zero", size_req(True, b""), "ok",
    [req("POST", "/echo-params.jsp", "HTTP/1.1", SZ_HC, "chunked", b"")],
    "a chunked body made of the last chunk only", src(F, "testChunkSizeZero"))
add("chunk-size-absent", size_req(False, CRLF), "error", [],
    "an empty line where the first chunk-size is due: chunk-size is 1*HEXDIG (RFC 9112 7.1)",
    src(F, "testChunkSizeAbsent"))
add("chunk-size-25", size_req(True, b"19" + CRLF + b"Hello World!Hello World!!" + CRLF), "ok",
    [req("POST", "/echo-params.jsp", "HTTP/1.1", SZ_HC, "chunked", b"Hello World!Hello World!!")],
    "chunk-size '19' (hex, 25 bytes)", src(F, "testChunkSizeTwentyFive"))
add("chunk-size-8-digit", size_req(True, b"0000000C" + CRLF + b"Hello World!" + CRLF), "ok",
    [req("POST", "/echo-params.jsp", "HTTP/1.1", SZ_HC, "chunked", b"Hello World!")],
    "chunk-size '0000000C': leading zeros are fine (profile)", src(F, "testChunkSizeEightDigit"))
add("chunk-size-9-digit", size_req(False, b"00000000C" + CRLF + b"Hello World!" + CRLF), "ok",
    [req("POST", "/echo-params.jsp", "HTTP/1.1", SZ_H, "chunked", b"Hello World!")],
    "chunk-size '00000000C' (nine digits, value 12): chunk-size is 1*HEXDIG and leading zeros "
    "are fine as long as the value fits u64 (RFC 9112 7.1; profile)",
    src(F, "testChunkSizeNineDigit"),
    differs="Tomcat refuses a chunk-size of more than 8 hex digits, leading zeros included (500)")
add("chunk-size-7fffffff", size_req(True, b"7fFFffFF" + CRLF + b"Hello World!" + CRLF), "error",
    [],
    "chunk-size '7fFFffFF' (2147483647, mixed case) is valid, but only 12 data bytes and "
    "'0\\r\\n\\r\\n' follow: the stream ends inside the chunk data (incomplete)",
    src(F, "testChunkSizeLong"),
    differs="Tomcat's servlet stops after 10 bytes and answers 200 before the body ends; the "
            "dump signals end of stream inside the chunk data")
for slug, size, test in (("chunk-size-80000000", b"80000000", "testChunkSizeIntegerMinValue"),
                         ("chunk-size-ffffffff", b"ffffffff", "testChunkSizeMinusOne")):
    add(slug, size_req(False, size + CRLF + b"Hello World!" + CRLF), "error", [],
        "chunk-size '%s' fits u64, so the size itself is valid under the profile, but only 12 "
        "data bytes and '0\\r\\n\\r\\n' follow: the stream ends inside the chunk data "
        "(incomplete). Tomcat rejects the size as overflowing its int: also an error"
        % b2s(size), src(F, test))

for test, swallow in (("testTrailerHeaderNameNotTokenThrowException", False),
                      ("testTrailerHeaderNameNotTokenSwallowException", True)):
    add("chunk-trailer-name-not-token",
        b"POST / HTTP/1.1" + CRLF + b"Host: localhost" + CRLF + b"Transfer-encoding: chunked"
        + CRLF + FORM + b"Connection: close" + CRLF + CRLF + b"3" + CRLF + b"a=0" + CRLF + b"4"
        + CRLF + b"&b=1" + CRLF + b"0" + CRLF + b"x@trailer: Test" + CRLF + CRLF, "error", [],
        "trailer field name 'x@trailer': '@' is not a tchar (trailer fields have the field-line "
        "syntax, RFC 9112 7.1.2)", src(F, test))
add("chunk-incomplete-body",
    b"POST / HTTP/1.1" + CRLF + b"Host: localhost" + CRLF + b"Transfer-encoding: chunked" + CRLF
    + CRLF + b"3" + CRLF, "error", [],
    "the stream ends after the first chunk-size line (incomplete)",
    src(F, "doTestIncompleteChunkedBody"))
SW = (b"GET / HTTP/1.1" + CRLF + b"Host: localhost" + CRLF + b"Transfer-encoding: chunked" + CRLF
      + CRLF + b"20" + CRLF + b"01234567890123456789012345678901" + CRLF + b"0" + CRLF + CRLF)
MSW2 = req("GET", "/", "HTTP/1.1", [("Host", "localhost"), ("Transfer-encoding", "chunked")],
           "chunked", b"01234567890123456789012345678901")
add("chunk-max-swallow", SW + SW, "ok", [MSW2, MSW2],
    "a GET with a 32-byte chunked body (a GET may carry a body; its framing is the same), sent "
    "twice on one connection", src(F, "doTestMaxSwallowSizeBelow", "maxSwallowSize=1000"))
add("chunk-max-swallow", SW + SW, "ok", [], "",
    src(F, "doTestMaxSwallowSizeAbove", "maxSwallowSize=10"))
DIFFERS["tomcat-chunk-max-swallow"] = (
    "with maxSwallowSize 10 Tomcat drops the connection instead of swallowing the unread body, "
    "so the second request gets no answer; the profile has no such limit")
for c in CASES:
    if c["id"] == "tomcat-chunk-max-swallow":
        c["note"] = "differs from tomcat: " + DIFFERS[c["id"]] + ". " + c["note"]

SPLIT = (b"POST /test HTTP/1.1" + CRLF + b"Host: any" + CRLF + b"Transfer-encoding: chunked" + CRLF
         + FORM + b"Connection: close" + CRLF + CRLF
         + b"7" + CRLF + b"DATA01\n" + CRLF + b"7" + CRLF + b"DATA02\n" + CRLF
         + b"7" + CRLF + b"DATA03\n" + CR + LF + b"7" + CRLF + b"DATA04\n" + CRLF
         + b"13" + CRLF + b"DATA05DATA05DATA05\n" + CRLF + b"0" + CRLF + CRLF)
for test in ("testChunkedSplitWithReader", "testChunkedSplitWithNonBlocking"):
    add("chunk-split-writes", SPLIT, "ok",
        [echo_msg(target="/test", body=b"DATA01\nDATA02\nDATA03\nDATA04\nDATA05DATA05DATA05\n")],
        "a chunked POST whose chunk data end in LF bytes (data, not line ends) and whose writes "
        "are cut between chunk-size and data, between CR and LF after a chunk, and so on; the "
        "runner's splits stand for the cuts", src(F, test))

# ===========================================================================
# parser/TestChunkExtension.java: ChunkExtension.parse is fed the bytes that
# follow the chunk-size (state POST_VALUE). Each string is put after the size
# of the first chunk of a chunked POST.
# ===========================================================================
F = "test/org/apache/tomcat/util/http/parser/TestChunkExtension.java"
EXT_HEAD = (b"POST /echo-params.jsp HTTP/1.1" + CRLF + b"Host: any" + CRLF
            + b"Transfer-encoding: chunked" + CRLF + CRLF)
EXT_MSG = req("POST", "/echo-params.jsp", "HTTP/1.1",
              [("Host", "any"), ("Transfer-encoding", "chunked")], "chunked", b"abc")
EXT_WRAP = ("the string is put right after the chunk-size '3' of a chunked POST whose chunk "
            "data is 'abc' (the test feeds it to ChunkExtension.parse)")
TRAIL_WS = ("whitespace before the CRLF that ends the chunk line, after an extension name or "
            "value: RFC 9112 7.1.1 allows BWS only before ';' and around '='; chunk-ext = *( BWS "
            "\";\" BWS chunk-ext-name [ BWS \"=\" BWS chunk-ext-val ] ), so nothing may follow "
            "the last name or value but CRLF")
TRAIL_WS_DIFF = "Tomcat accepts whitespace after the last extension name or value"
for test, ext, valid, exp, note, dif in (
        ("testEmpty", b"\r\n", True, "ok", "no extension", None),
        ("testInvalid", b"x\r\n", False, "error",
         "'3x': 'x' is not a HEXDIG and no extension starts with it (RFC 9112 7.1)", None),
        ("testNoToken01", b";\r\n", False, "error", "';' without a name", None),
        ("testNoToken02", b" ;\r\n", False, "error", "' ;' without a name", None),
        ("testNoToken03", b"; \r\n", False, "error", "'; ' without a name", None),
        ("testNoToken04", b";\t\r\n", False, "error", "';<HTAB>' without a name", None),
        ("testInvalidToken01", b"; =\r\n", False, "error", "'; =' without a name", None),
        ("testTokenOnly01", b"; abc\r\n", True, "ok",
         "'; abc': BWS after ';' then a name (RFC 9112 7.1.1)", None),
        ("testTokenOnly02", b"; abc \r\n", True, "error", "'; abc ': " + TRAIL_WS, TRAIL_WS_DIFF),
        ("testTokenOnly03", b"; abc  \r\n", True, "error", "'; abc  ': " + TRAIL_WS,
         TRAIL_WS_DIFF),
        ("testTokenOnlyTokenOnly01", b";abc;abc\r\n", True, "ok", "two names", None),
        ("testTokenOnlyTokenOnly02", b"; abc ; abc \r\n", True, "error",
         "'; abc ; abc ': the BWS before the second ';' is allowed, but " + TRAIL_WS,
         TRAIL_WS_DIFF),
        ("testTokenToken01", b";abc=abc\r\n", True, "ok", "name=token", None),
        ("testTokenToken02", b"; abc = abc \r\n", True, "error",
         "'; abc = abc ': BWS around '=' is allowed, but " + TRAIL_WS, TRAIL_WS_DIFF),
        ("testTokenQs01", b"; abc =\"\"\r\n", True, "ok", "name=\"\" (empty quoted-string)", None),
        ("testTokenQs02", b"; abc =\"abc\"\r\n", True, "ok", "name=\"abc\"", None),
        ("testTokenQs03", b"; abc =\"a\tbc\"\r\n", True, "ok",
         "HTAB inside a quoted-string is qdtext (RFC 9110 5.6.4)", None),
        ("testTokenInvalidQs01", b"; abc =\"a\rbc\"\r\n", False, "error",
         "CR inside a quoted-string", None),
        ("testTokenInvalidQs02", b"; abc =\"a\\bc\"\r\n", False, "ok",
         "'\"a\\bc\"': backslash-b is a quoted-pair (RFC 9110 5.6.4: quoted-pair = \"\\\" ( "
         "HTAB / SP / VCHAR / obs-text )), so the quoted-string is valid",
         "Tomcat's ChunkExtension rejects a backslash inside a quoted-string"),
        ("testTokenInvalidQs03", b"; abc =\"a\x7f\"\r\n", False, "error",
         "DEL inside a quoted-string is not qdtext (RFC 9110 5.6.4)", None),
        ("testTokenInvalid01", b"; abc =\r\n", False, "error", "'=' without a value", None),
        ("testTokenInvalid02", b"; abc ==\r\n", False, "error", "'==' (no value)", None),
        ("testTokenInvalid03", b";a=b=c\r\n", False, "error", "'a=b=c': '=' is not a tchar",
         None),
        ("testTokenInvalid04", b";a\"r\n", False, "error",
         "the Java literal is \";a\\\"r\\n\" (a DQUOTE, 'r', LF): a DQUOTE after the name, and "
         "the chunk line ends in a bare LF", None),
        ("testTokenInvalid05", b";a \"r\n", False, "error",
         "the Java literal is \";a \\\"r\\n\": a DQUOTE after 'a ', and the line ends in a bare "
         "LF", None),
        ("testValidValid", b";abc=def;ghi=jkl\r\n", True, "ok", "two name=token pairs", None),
        ("testValidInvalid", b";abc=def;=\r\n", False, "error", "a second ';' without a name",
         None)):
    slug = "ext-" + re.sub(r"(?<!^)(?=[A-Z])|(?<=[a-z])(?=[0-9])", "-", test[4:]).lower()
    add(slug, EXT_HEAD + b"3" + ext + b"abc" + CRLF + b"0" + CRLF + CRLF, exp,
        [EXT_MSG] if exp == "ok" else [],
        "chunk extension %r: %s; %s" % (b2s(ext), note, EXT_WRAP), src(F, test), differs=dif)
    assert (exp == "ok") == valid or dif, test

# ===========================================================================
# parser/TestHttpParserHost.java: Host.parse (testHost) and readHostIPv4 /
# readHostIPv6 (testHostType) on one list of strings. Each string is sent as the
# Host value of a GET.
# ===========================================================================
F = "test/org/apache/tomcat/util/http/parser/TestHttpParserHost.java"
FO = F + " (older)"

DEC = r"(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9][0-9]|[0-9])"
IPV4 = r"(?:%s\.%s\.%s\.%s)" % (DEC, DEC, DEC, DEC)
H16 = r"[0-9A-Fa-f]{1,4}"
LS32 = r"(?:%s:%s|%s)" % (H16, H16, IPV4)
IPV6 = "(?:" + "|".join([
    r"(?:%s:){6}%s" % (H16, LS32),
    r"::(?:%s:){5}%s" % (H16, LS32),
    r"(?:%s)?::(?:%s:){4}%s" % (H16, H16, LS32),
    r"(?:(?:%s:){0,1}%s)?::(?:%s:){3}%s" % (H16, H16, H16, LS32),
    r"(?:(?:%s:){0,2}%s)?::(?:%s:){2}%s" % (H16, H16, H16, LS32),
    r"(?:(?:%s:){0,3}%s)?::%s:%s" % (H16, H16, H16, LS32),
    r"(?:(?:%s:){0,4}%s)?::%s" % (H16, H16, LS32),
    r"(?:(?:%s:){0,5}%s)?::%s" % (H16, H16, H16),
    r"(?:(?:%s:){0,6}%s)?::" % (H16, H16)]) + ")"
REGNAME = r"(?:[A-Za-z0-9\-._~!$&'()*+;=]|%[0-9A-Fa-f]{2})*"  # sub-delims minus ',' (no list)
HOST_RE = re.compile(r"(?:\[%s\]|%s|%s)(?::([0-9]*))?\Z" % (IPV6, IPV4, REGNAME))


def host_expect(value):
    """The profile's reading of a Host value (cross-check of the hand-written list)."""
    if value.strip(" \t") == "":
        return "either"
    m = HOST_RE.match(value)
    if not m:
        return "error"
    host = value[:m.start(1) - 1] if m.group(1) is not None else value
    if m.group(1) is not None and (host == "" or (m.group(1) and int(m.group(1)) > 65535)):
        return "error"
    return "ok"


# (value, tomcat accepts, expectation under the profile, note)
REG = "a reg-name (RFC 3986 3.2.2: unreserved, pct-encoded and sub-delims)"
REG_T = (REG + ", which uri-host allows; Tomcat checks it as a DNS name (RFC 1123 labels) and "
         "refuses it")
IP6 = "an IP-literal (RFC 3986 3.2.2)"
IP6_BAD = "not an IPv6address (RFC 3986 3.2.2), and '[' / ']' have no place in a reg-name"
HOSTS = [
    # IPv4 - valid
    ("127.0.0.1", True, "ok", "IPv4address"), ("127.0.0.1:8080", True, "ok", "IPv4address:port"),
    ("0.0.0.0", True, "ok", "IPv4address"), ("0.0.0.0:8080", True, "ok", "IPv4address:port"),
    # IPv4 - invalid (Tomcat)
    (".0.0.0", False, "ok", REG_T), ("0..0.0", False, "ok", REG_T),
    ("0]", False, "error", "']' is not allowed in a reg-name"),
    # Domain Name - valid
    ("0", True, "ok", REG), ("0.0", True, "ok", REG), ("0.0:8080", True, "ok", REG + ", port"),
    ("0.0.0", True, "ok", REG), ("0.0.0:8080", True, "ok", REG + ", port"),
    ("0.00.0.0", True, "ok", REG + " (not an IPv4address: '00')"),
    ("0.00.0.0:8080", True, "ok", REG + ", port"),
    ("256.0.0.0", True, "ok", REG + " (256 is no dec-octet)"),
    ("256.0.0.0:8080", True, "ok", REG + ", port"),
    ("0.256.0.0", True, "ok", REG), ("0.256.0.0:8080", True, "ok", REG + ", port"),
    ("0.0.256.0", True, "ok", REG), ("0.0.256.0:8080", True, "ok", REG + ", port"),
    ("0.0.0.256", True, "ok", REG), ("0.0.0.256:8080", True, "ok", REG + ", port"),
    ("0.a.0.0", True, "ok", REG), ("0.a.0.0:8080", True, "ok", REG + ", port"),
    ("localhost", True, "ok", REG), ("localhost:8080", True, "ok", REG + ", port"),
    ("4294967295.localhost", True, "ok", REG), ("4294967295.com", True, "ok", REG),
    ("tomcat.apache.org", True, "ok", REG), ("tomcat.apache.org:8080", True, "ok", REG + ", port"),
    ("0.0.0.com", True, "ok", REG), ("0.0.0.com:8080", True, "ok", REG + ", port"),
    ("0.0.0.0.com", True, "ok", REG), ("0.0.0.0.com:8080", True, "ok", REG + ", port"),
    ("foo.0.0.com", True, "ok", REG), ("foo.0.0.com:8080", True, "ok", REG + ", port"),
    ("1foo.0.0.com", True, "ok", REG), ("1foo.0.0.com:8080", True, "ok", REG + ", port"),
    ("foo1.0.0.com", True, "ok", REG), ("foo1.0.0.com:8080", True, "ok", REG + ", port"),
    ("1foo1.0.0.com", True, "ok", REG), ("1foo1.0.0.com:8080", True, "ok", REG + ", port"),
    ("1-foo.0.0.com", True, "ok", REG), ("1-foo.0.0.com:8080", True, "ok", REG + ", port"),
    ("1--foo.0.0.com", True, "ok", REG), ("1--foo.0.0.com:8080", True, "ok", REG + ", port"),
    ("foo.0.0.1com", True, "ok", REG), ("foo.0.0.1com:8080", True, "ok", REG + ", port"),
    ("foo.0.0.com1", True, "ok", REG), ("foo.0.0.com1:8080", True, "ok", REG + ", port"),
    ("foo.0.0.1com1", True, "ok", REG), ("foo.0.0.1com1:8080", True, "ok", REG + ", port"),
    ("foo.0.0.1-com", True, "ok", REG), ("foo.0.0.1-com:8080", True, "ok", REG + ", port"),
    ("foo.0.0.1--com", True, "ok", REG), ("foo.0.0.1--com:8080", True, "ok", REG + ", port"),
    ("com", True, "ok", REG), ("com:8080", True, "ok", REG + ", port"),
    ("0com", True, "ok", REG), ("0com:8080", True, "ok", REG + ", port"),
    ("0.0.0com", True, "ok", REG), ("0.0.0com:8080", True, "ok", REG + ", port"),
    ("0.0.0.0com", True, "ok", REG), ("0.0.0.0com:8080", True, "ok", REG + ", port"),
    ("123", True, "ok", REG), ("123:8080", True, "ok", REG + ", port"),
    ("foo.bar.0com", True, "ok", REG), ("foo.bar.0com:8080", True, "ok", REG + ", port"),
    ("myapp-t.mydomain.com", True, "ok", REG),
    ("myapp-t.mydomain.com:8080", True, "ok", REG + ", port"),
    ("myapp-t.my-domain.com", True, "ok", REG),
    ("myapp-t.my-domain.com:8080", True, "ok", REG + ", port"),
    ("myapp-t.my-domain.c-om", True, "ok", REG),
    ("myapp-t.my-domain.c-om:8080", True, "ok", REG + ", port"),
    ("gateway.demo-ilt-latest-demo:9000", True, "ok", REG + ", port"),
    # Domain Name with trailing dot - valid
    ("0.0.0.", True, "ok", REG + " with a trailing dot"),
    ("myapp-t.mydomain.com.", True, "ok", REG + " with a trailing dot"),
    ("myapp-t.mydomain.com.:8080", True, "ok", REG + " with a trailing dot, port"),
    ("foo.bar.", True, "ok", REG + " with a trailing dot"),
    ("foo.bar.:8080", True, "ok", REG + " with a trailing dot, port"),
    # Domain Name - invalid (Tomcat)
    (".", False, "ok", REG_T), (".:8080", False, "ok", REG_T + " (with a port)"),
    (".foo.bar", False, "ok", REG_T), ("-foo.bar", False, "ok", REG_T),
    ("foo.bar-", False, "ok", REG_T), ("foo.bar-:8080", False, "ok", REG_T + " (with a port)"),
    ("^foo.bar", False, "error", "'^' is not allowed in a reg-name (RFC 3986 3.2.2)"),
    ("foo-.bar", False, "ok", REG_T), ("f*oo.bar", False, "ok", REG_T + " ('*' is a sub-delim)"),
    ("foo..bar", False, "ok", REG_T), ("foo.-bar", False, "ok", REG_T),
    ("foo.^bar", False, "error", "'^' is not allowed in a reg-name (RFC 3986 3.2.2)"),
    ("foo.b*ar", False, "ok", REG_T + " ('*' is a sub-delim)"),
    # IPv6 - valid
    ("[::1]", True, "ok", IP6), ("[::1]:8080", True, "ok", IP6 + ", port"),
    ("[1::1]", True, "ok", IP6), ("[1::1]:8080", True, "ok", IP6 + ", port"),
    ("[A::A]", True, "ok", IP6), ("[A::A]:8080", True, "ok", IP6 + ", port"),
    ("[A:0::A]", True, "ok", IP6), ("[A:0::A]:8080", True, "ok", IP6 + ", port"),
    ("[1234:5678:90AB:CDEF:1234:5678:90AB:CDEF]", True, "ok", IP6),
    ("[1234:5678:90AB:CDEF:1234:5678:90AB:CDEF]:8080", True, "ok", IP6 + ", port"),
    ("[::5678:90AB:CDEF:1234:5678:90AB:CDEF]:8080", True, "ok", IP6 + " ('::' then 7 groups)"),
    ("[1234:5678:90AB:CDEF:1234:5678:90AB::]:8080", True, "ok", IP6 + " (7 groups then '::')"),
    ("[0:0:0:0:0:0:0:0]", True, "ok", IP6), ("[0:0:0:0:0:0:0:0]:8080", True, "ok", IP6 + ", port"),
    ("[::127.0.0.1]", True, "ok", IP6 + " with an IPv4 tail"),
    ("[::127.0.0.1]:8080", True, "ok", IP6 + " with an IPv4 tail, port"),
    ("[1::127.0.0.1]", True, "ok", IP6 + " with an IPv4 tail"),
    ("[1::127.0.0.1]:8080", True, "ok", IP6 + " with an IPv4 tail, port"),
    ("[A::127.0.0.1]", True, "ok", IP6 + " with an IPv4 tail"),
    ("[A::127.0.0.1]:8080", True, "ok", IP6 + " with an IPv4 tail, port"),
    ("[A:0::127.0.0.1]", True, "ok", IP6 + " with an IPv4 tail"),
    ("[A:0::127.0.0.1]:8080", True, "ok", IP6 + " with an IPv4 tail, port"),
    ("[1234:5678:90AB:CDEF:1234:5678:127.0.0.1]", True, "ok", IP6 + " (6 groups + IPv4)"),
    ("[1234:5678:90AB:CDEF:1234:5678:127.0.0.1]:8080", True, "ok",
     IP6 + " (6 groups + IPv4), port"),
    ("[::5678:90AB:CDEF:1234:5678:127.0.0.1]:8080", True, "ok", IP6 + " ('::' 5 groups + IPv4)"),
    ("[0:0:0:0:0:0:127.0.0.1]", True, "ok", IP6 + " (6 groups + IPv4)"),
    ("[0:0:0:0:0:0:127.0.0.1]:8080", True, "ok", IP6 + " (6 groups + IPv4), port"),
    ("[::1.2.3.4]", True, "ok", IP6 + " with an IPv4 tail"),
    # IPv6 - invalid
    ("[1234:5678:90AB:CDEF:1234:127.0.0.1]", False, "error", "5 groups + IPv4 without '::': "
     + IP6_BAD),
    ("[1234:5678:90AB:CDEF:1234:5678:127.0.0.1", False, "error", "no closing ']': " + IP6_BAD),
    ("[0::0::0]", False, "error", "two '::': " + IP6_BAD),
    ("[0:0:G:0:0:0:0:0]", False, "error", "'G' is no HEXDIG: " + IP6_BAD),
    ("[00000:0:0:0:0:0:0:0]", False, "error", "a 5-digit group (h16 is 1*4HEXDIG): " + IP6_BAD),
    ("[1234:5678:90AB:CDEF:1234:5678:90AB:]", False, "error", "a trailing single ':': " + IP6_BAD),
    ("[1234:5678:90AB:CDEF:1234:5678:90AB:CDEF", False, "error", "no closing ']': " + IP6_BAD),
    ("[::127.00.0.1]", False, "error", "'00' is no dec-octet: " + IP6_BAD),
    ("[0::0::127.0.0.1]", False, "error", "two '::': " + IP6_BAD),
    ("[0:0:G:0:0:0:127.0.0.1]", False, "error", "'G' is no HEXDIG: " + IP6_BAD),
    ("[00000:0:0:0:0:0:127.0.0.1]", False, "error", "a 5-digit group: " + IP6_BAD),
    ("[1::127..0.1]", False, "error", "'127..0.1' is no IPv4address: " + IP6_BAD),
    ("[1::127..0.1]:8080", False, "error", "'127..0.1' is no IPv4address: " + IP6_BAD),
    ("[1::127.a.0.1]", False, "error", "'127.a.0.1' is no IPv4address: " + IP6_BAD),
    ("[1::127.a.0.1]:8080", False, "error", "'127.a.0.1' is no IPv4address: " + IP6_BAD),
    ("[1::127.-.0.1]", False, "error", "'127.-.0.1' is no IPv4address: " + IP6_BAD),
    ("[1::127.-.0.1]:8080", False, "error", "'127.-.0.1' is no IPv4address: " + IP6_BAD),
    ("[::1]'", False, "error", "a \"'\" after the IP-literal: only ':' port may follow"),
    ("[:2222:3333:4444:5555:6666:7777:8888]", False, "error", "a leading single ':': " + IP6_BAD),
    ("[1111:::3333:4444:5555:6666:7777:8888]", False, "error", "':::': " + IP6_BAD),
    ("::1]", False, "error", "no opening '[': not uri-host [\":\" port]"),
    ("[1111:2222:3333:4444:5555:6666:7777:8888:9999]", False, "error", "9 groups: " + IP6_BAD),
    ("[1111:2222:3333:4444:5555:6666:7777:1.2.3.4]", False, "error",
     "7 groups + IPv4 (9 in all): " + IP6_BAD),
    ("[1111:2222:3333]", False, "error", "3 groups without '::': " + IP6_BAD),
    # invalid ports
    ("localhost:x", False, "error", "port is *DIGIT (RFC 3986 3.2.3)"),
    ("localhost:-1", False, "error", "port is *DIGIT (RFC 3986 3.2.3)"),
    ("127.0.0.1:x", False, "error", "port is *DIGIT (RFC 3986 3.2.3)"),
    ("127.0.0.1:-1", False, "error", "port is *DIGIT (RFC 3986 3.2.3)"),
    ("[::1]:x", False, "error", "port is *DIGIT (RFC 3986 3.2.3)"),
    ("[::1]:-1", False, "error", "port is *DIGIT (RFC 3986 3.2.3)"),
]
# Strings of the older version (readHostIPv4 / readHostDomainName / readHostIPv6)
# that the newest version no longer lists.
HOSTS_OLD = [
    ("01.02.03.04", True, "ok", REG + " (not an IPv4address: leading zeros); that Tomcat "
     "read it as IPv4"),
    ("2foo.bar", False, "ok", REG + "; that Tomcat refused a label starting with a digit "
     "(the newest accepts it)"),
    ("foo.2bar", False, "ok", REG + "; that Tomcat refused a label starting with a digit "
     "(the newest accepts it)"),
    ("[a::01.02.03.04]", False, "error", "'01' is no dec-octet: " + IP6_BAD),
]


def host_slug(value):
    s = value.lower().replace("[", "v6-").replace("^", "caret").replace("*", "star")
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")[:32].strip("-")
    return s or "dot"


for lst, fk in ((HOSTS, F), (HOSTS_OLD, FO)):
    for n, (value, tomcat_ok, exp, why) in enumerate(lst):
        assert host_expect(value) == exp, (value, host_expect(value), exp)
        v = value.encode("latin-1")
        data = b"GET /foo HTTP/1.1" + CRLF + b"Host: " + v + CRLF + CRLF
        dif = None
        if tomcat_ok and exp == "error":
            dif = "Tomcat accepts the Host value"
        elif not tomcat_ok and exp == "ok":
            dif = "Tomcat refuses the Host value (400)"
        slug = "host-%s%03d-%s" % ("old-" if fk == FO else "", n, host_slug(value))
        add(slug, data, exp,
            [req("GET", "/foo", "HTTP/1.1", [("Host", v)])] if exp == "ok" else [],
            "Host value '%s': %s; %s" % (value, why, HOST_RULE),
            src(fk, "testHost / testHostType", "input \"%s\" (Tomcat: %s)"
                % (value, "valid" if tomcat_ok else "IllegalArgumentException")),
            differs=dif)

# ===========================================================================
# Files of the folders that were read but give no request bytes
# ===========================================================================
NOT_TAKEN = [
    ("test/org/apache/tomcat/util/http/parser/TestHttpParser.java",
     "unit tests of character classes (isToken, isAbsolutePathRelaxed, ...) and unquote: no "
     "messages"),
    ("test/org/apache/tomcat/util/http/parser/TestHttpParser2.java",
     "Authorization: Digest parameter parsing: no framing or head syntax"),
]


def main():
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out = os.path.join(here, "tomcat.json")
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))
    for c in CASES:
        c["input"].encode("latin-1")
        assert c["note"], c["id"]
        if c["expect"] == "ok":
            assert c["messages"], c["id"]
    with open(out, "w") as f:
        json.dump(CASES, f, ensure_ascii=True, indent=1)
        f.write("\n")
    if "-v" in sys.argv:
        from collections import Counter
        print("cases", len(CASES), Counter(c["expect"] for c in CASES))
        print("derived", sum(1 for c in CASES if "(variant:" in c["source"]))
        print("by file", Counter(c["source"].split(" ")[1].rsplit("/", 1)[1] for c in CASES))
        print("merged duplicates", len(DUPLICATES))
        print("skipped", len(SKIPPED), [(t, r) for _, t, r in SKIPPED])
        print("differs", len(DIFFERS))
    print("wrote %s (%d cases)" % (out, len(CASES)))


if __name__ == "__main__":
    main()
