#!/usr/bin/env python3
"""Build tests/corpus/jetty.json: h1wire corpus cases from Jetty's HttpParser tests.

Jetty (https://github.com/jetty/jetty.project, Eclipse Public License 2.0 or
Apache License 2.0) keeps the tests of its HTTP/1 parser in
jetty-core/jetty-http/src/test/java/org/eclipse/jetty/http/HttpParserTest.java;
HttpTesterTest.java beside it feeds raw messages to the same parser through
HttpTester. Only the byte streams those tests feed to an HttpParser are taken
here, rebuilt from the Java string literals, text blocks, concatenations,
parameter lists and scenario loops. Each case's expectation is decided by the
strict profile (CONFORMANCE.md section 3) and RFC 9112 / RFC 9110,
not by Jetty's answer. Where Jetty answers differently, the note says so
("differs from jetty: ...").

Run: python3 tests/corpus/make/jetty.py [-v]   (writes jetty.json beside this script)
"""

import json
import os
import sys

from common import b2s, req, line_res as res

REPO = "jetty/jetty.project"
DIR = "jetty-core/jetty-http/src/test/java/org/eclipse/jetty/http/"
# Stored versions read with the search tool's read_file.
VERSIONS = {
    "HttpParserTest.java": "0ac58834a76bb36b6a9ce2b9946687853629a24f",
    "HttpTesterTest.java": "a15af55a56dbe6ea2619074a75bf1414f9ece5e3",
}

CASES = []
SEEN = {}
DUPLICATES = []  # (source of the merged stream, id of the case that holds it)
SKIPPED = []     # (file, test, reason)
DIFFERS = {}     # id -> one line: why the expectation differs from jetty's answer

CRLF = b"\r\n"
LF = b"\n"


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


def add(slug, mode, data, expect, messages, note, source, methods=(), differs=None):
    assert isinstance(data, bytes), slug
    assert expect in ("ok", "error", "either"), slug
    cid = "jetty-" + slug
    key = (mode, tuple(methods), data)
    if key in SEEN:
        DUPLICATES.append((source, SEEN[key]))
        for c in CASES:
            if c["id"] == SEEN[key]:
                c["source"] += "; the same bytes also in " + short(source)
        return SEEN[key]
    # a new stream under an existing id means a stream assumed identical is not
    assert cid not in {c["id"] for c in CASES}, cid
    SEEN[key] = cid
    if differs:
        note = "differs from jetty: " + differs + ". " + note
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


def skip(fname, test, reason):
    SKIPPED.append((fname, test, reason))


def with_host(data, host=b"example.com", starts=(0,)):
    """The request(s) with `Host: <host>` inserted after each request-line at `starts`."""
    out = b""
    prev = 0
    for st in starts:
        eol = data.index(b"\r\n", st) + 2
        out += data[prev:eol] + b"Host: " + host + b"\r\n"
        prev = eol
    return out + data[prev:]


def add_host(slug, data, expect, messages, note, source, host=b"example.com", differs=None):
    add(slug + "-host", "request", with_host(data, host), expect, messages,
        "derived: a Host field (" + b2s(host) + ") was added after the request-line, since the "
        "HTTP/1.1 original is rejected for its missing Host before what the test is about can "
        "matter; " + note, source + " (variant: Host field added)", differs=differs)


NOHOST = ("the Jetty test sends this HTTP/1.1 request without a Host field, which the profile "
          "rejects (RFC 9112 3.2: a server MUST respond 400 to an HTTP/1.1 request that lacks "
          "Host); the -host variant checks the feature itself")

MODES = ("every scenario runs in Jetty's compliance modes STRICT, RFC9110 (the default), RFC7230, "
         "RFC2616, RFC7230_LEGACY and RFC2616_LEGACY; the bytes do not depend on the mode")

LF_WHY = ("bare LF ends the lines of the head: jetty accepts it in the compliance modes that allow "
          "LF_HEADER_TERMINATION (its default mode among them) and answers 'LF line terminator' in "
          "the others; RFC 9112 2.2 lets a recipient accept a bare LF, the profile chooses CRLF only "
          "(bare LF is an off-by-default option)")
LF_NOTE = ("scenario eol=LF: every line of the head ends in a bare LF, which the profile rejects "
           "(RFC 9112 2.2; profile, head syntax) before anything else in the stream matters")
LFCHUNK_WHY = ("the chunk lines end in a bare LF: jetty accepts that in the modes that allow "
               "LF_CHUNK_TERMINATION and reports an early EOF in the others; the profile requires "
               "CRLF after the chunk-size line and the chunk data (RFC 9112 7.1)")
LFCHUNK_NOTE = ("scenario eolChunk=LF: the chunk-size lines, chunk data and trailer section end in "
                "a bare LF, which the profile rejects (RFC 9112 7.1: chunk-data is followed by CRLF)")


def scen(slug, mode, test, build, expect, msgs, note, differs=None, chunk=False, methods=(),
         lf_differs=True, fname="HttpParserTest.java", lfchunk=None, host=None):
    """Add the scenario variants of a parameterized HttpParserTest test.

    build(eol, eol_chunk) -> bytes.  expect/msgs/note/differs are for eol=CRLF (and
    eolChunk=CRLF).  Every eol=LF variant is an error with no message (the first line
    already ends in a bare LF).  lfchunk: (expect, msgs, note, differs) for CRLF/LF, by
    default an error with no message.  host: (expect, msgs, note, host) adds a -host
    variant of the CRLF stream.
    """
    chunks = (CRLF, LF) if chunk else (CRLF,)
    for eol in (CRLF, LF):
        for ec in chunks:
            data = build(eol, ec)
            s = src(fname, test, "scenario eol=%s%s" % (
                "CRLF" if eol == CRLF else "LF",
                (", eolChunk=" + ("CRLF" if ec == CRLF else "LF")) if chunk else ""))
            sl = slug + ("" if eol == CRLF else "-lf") + ("" if ec == CRLF else "-lfchunk")
            if eol == CRLF and ec == CRLF:
                add(sl, mode, data, expect, msgs, note + "; " + MODES, s, methods, differs)
                if host:
                    he, hm, hn, hh = host
                    add_host(slug, data, he, hm, hn, s, hh)
            elif eol == CRLF:
                le, lm, ln, ld = lfchunk or ("error", [], "", LFCHUNK_WHY if lf_differs else None)
                add(sl, mode, data, le, lm, LFCHUNK_NOTE + ". " + (ln or note), s, methods, ld)
            else:
                add(sl, mode, data, "error", [], LF_NOTE + ". The CRLF form: " + note, s,
                    methods, LF_WHY if lf_differs else None)


# ---------------------------------------------------------------------------
# HttpParserTest.java
# ---------------------------------------------------------------------------
F = "HttpParserTest.java"

skip(F, "testHttpMethod", "HttpMethod API (lookAheadGet on method strings), no parser")
skip(F, "httpMethodNameTest", "HttpMethod API (fromString), no parser")

scen("line-mock-ip", "request", "testLineParseMockIP",
     lambda e, c: b"POST /mock/127.0.0.1 HTTP/1.0" + e + e, "ok",
     [req("POST", "/mock/127.0.0.1", "HTTP/1.0", [])],
     "an HTTP/1.0 POST without fields (no Host needed in 1.0) whose path looks like an IP "
     "address; no Content-Length, so no body (RFC 9112 6.3 step 7)")

scen("line-0", "request", "testLineParse0",
     lambda e, c: b"POST /foo HTTP/1.0" + e + e, "ok",
     [req("POST", "/foo", "HTTP/1.0", [])],
     "a minimal HTTP/1.0 POST without fields or body")

HTTP09_WHY = ("jetty reads a request-line without a version as HTTP/0.9 when HTTP_0_9 is allowed "
              "(a non-default violation, set by this test) and rejects it otherwise")
scen("line-1-http09", "request", "testLineParse1Http9",
     lambda e, c: b"GET /999" + e, "error", [],
     "a request-line without an HTTP-version (an HTTP/0.9 simple request): request-line = "
     "method SP request-target SP HTTP-version (RFC 9112 3); the profile accepts only "
     "HTTP/1.0 and HTTP/1.1. testLineParse1 feeds the same bytes with HTTP/0.9 disabled and "
     "expects 'HTTP/0.9 not supported'", differs=HTTP09_WHY)

add("line-2-http09-sp", "request", b"POST /222 \r\n", "error", [],
     "a request-line that ends in SP after the target, without a version; jetty's RFC2616_LEGACY "
     "mode (non-default, used by testLineParse2RFC2616) reads it as HTTP/0.9, testLineParse2 "
     "disables HTTP/0.9 and expects 'HTTP/0.9 not supported'. The profile: no version is an "
     "error (RFC 9112 3)", src(F, "testLineParse2RFC2616", "mode RFC2616_LEGACY"),
    differs="in RFC2616_LEGACY mode jetty accepts it as an HTTP/0.9 request")
scen("line-2-http09-sp", "request", "testLineParse2", lambda e, c: b"POST /222 " + e, "error", [],
     "a request-line that ends in SP after the target, without a version (RFC 9112 3); jetty "
     "disables HTTP/0.9 here and also answers 'HTTP/0.9 not supported'", lf_differs=False)
for e, nm in ((CRLF, "CRLF"), (LF, "LF")):
    add("line-1-http09" + ("" if e == CRLF else "-lf"), "request", b"GET /999" + e, "error", [], "",
        src(F, "testLineParse1", "scenario eol=%s, HTTP/0.9 disabled" % nm))

U0690 = "\u0690".encode("utf-8")
scen("line-3-utf8-target", "request", "testLineParse3",
     lambda e, c: b"POST /fo" + U0690 + b" HTTP/1.0" + e + e, "either",
     [req("POST", b"/fo" + U0690, "HTTP/1.0", [])],
     "the target holds the UTF-8 bytes of U+0690 (0xDA 0x90), which RFC 3986 does not allow "
     "unencoded; the profile: bytes 0x80-0xFF in the request-target are `either`")

scen("line-4-utf8-query", "request", "testLineParse4",
     lambda e, c: b"POST /foo?param=" + U0690 + b" HTTP/1.0" + e + e, "either",
     [req("POST", b"/foo?param=" + U0690, "HTTP/1.0", [])],
     "the query holds the UTF-8 bytes of U+0690 (0xDA 0x90); the profile: bytes 0x80-0xFF in "
     "the request-target are `either`")

scen("line-5-path-params", "request", "testLineParse5",
     lambda e, c: b"GET /ctx/testLoginPage;jsessionid=123456789;other HTTP/1.0" + e + e, "ok",
     [req("GET", "/ctx/testLoginPage;jsessionid=123456789;other", "HTTP/1.0", [])],
     "a target with ';' path parameters (sub-delims are pchar, RFC 3986 3.3)")

LONG = b"/123456789abcdef" * 16 + b"/"
scen("long-url", "request", "testLongURLParse",
     lambda e, c: b"POST " + LONG + b" HTTP/1.0" + e + e, "ok",
     [req("POST", LONG, "HTTP/1.0", [])],
     "a 273-byte target, far below the 16 KiB line limit")

scen("allowed-preamble", "request", "testAllowedLinePreamble",
     lambda e, c: e + e + b"GET / HTTP/1.0" + e, "error", [],
     "two empty lines before the request-line: the profile skips at most one (RFC 9112 2.2 "
     "says a server SHOULD ignore at least one); besides, the head ends after the request-line "
     "without its empty line, so the stream stops inside the message (jetty's test only checks "
     "the request-line)",
     differs="jetty skips any number of empty lines before a request-line")

scen("disallowed-preamble", "request", "testDisallowedLinePreamble",
     lambda e, c: e + b" " + e + b"GET / HTTP/1.0" + e, "error", [],
     "an empty line, then a line holding one SP, before the request-line: SP cannot start a "
     "request-line (jetty: 'Illegal character SPACE')", lf_differs=False)

scen("connect", "request", "testConnect",
     lambda e, c: b"CONNECT 192.168.1.2:80 HTTP/1.1" + e + e, "error", [],
     "CONNECT with an authority-form target (host:port). " + NOHOST + " (jetty's test checks "
     "only the request-line; to a GET without Host jetty answers 'No Host', testNoHost)",
     lf_differs=False,
     host=("ok", [req("CONNECT", "192.168.1.2:80", "HTTP/1.1", [("Host", "192.168.1.2:80")],
                      "upgrade")],
           "a CONNECT with authority-form target: framing upgrade after its head (profile, "
           "framing 1)", b"192.168.1.2:80"))

SIMPLE = [("Host", "localhost"), ("Connection", "close")]
scen("simple", "request", "testSimple",
     lambda e, c: b"GET / HTTP/1.0" + e + b"Host: localhost" + e + b"Connection: close" + e + e,
     "ok", [req("GET", "/", "HTTP/1.0", SIMPLE)],
     "a plain HTTP/1.0 GET with Host and Connection: close")

scen("lowercase-version", "request", "testLowerCaseVersion",
     lambda e, c: b"GET / http/1.1" + e + b"Host: localhost" + e + b"Connection: close" + e + e,
     "error", [],
     "the version is written 'http/1.1': HTTP-name is the case-sensitive \"HTTP\" (RFC 9112 2.3); "
     "the profile accepts only HTTP/1.0 and HTTP/1.1",
     differs="jetty reads 'http/1.1' as HTTP/1.1")

skip(F, "testHeaderCache", "HttpParser.CACHE API (strings), no parser")

NEAR = (lambda e, c: b"GET / HTTP/1.0" + e + b"Host: localhost" + e + b"Connection: closed" + e + e)
scen("cache-near-miss", "request", "testHeaderCacheNearMiss", NEAR, "ok",
     [req("GET", "/", "HTTP/1.0", [("Host", "localhost"), ("Connection", "closed")])],
     "'Connection: closed' (not the cached 'close') is an ordinary value")
for e, nm in ((CRLF, "CRLF"), (LF, "LF")):
    add("cache-near-miss" + ("" if e == CRLF else "-lf"), "request", NEAR(e, e), "error", [], "",
        src(F, "testHeaderCacheSplitNearMiss",
            "scenario eol=%s, fed as two buffers cut inside 'closed' (the runner's splits stand "
            "for that)" % nm))

scen("folded-field", "request", "testFoldedFieldMultiLine",
     lambda e, c: (b"GET / HTTP/1.0" + e + b"Host: localhost" + e + b"Name: value" + e +
                   b" extra" + e + b"Name2: " + e + b"\tvalue2" + e + e), "error", [],
     "obs-fold in a request (a line starting with SP, then one starting with HTAB): the profile "
     "rejects it (RFC 9112 5.2: a server MUST reject or replace it; the profile rejects)",
     differs="the test enables MULTILINE_FIELD_VALUE (non-default) and jetty unfolds the values "
             "to 'value extra' and 'value2'")

scen("ws-in-name", "request", "testWhiteSpaceInName",
     lambda e, c: b"GET / HTTP/1.0" + e + b"Host: localhost" + e + b"N ame: value" + e + e,
     "error", [], "a field name with SP inside ('N ame') is not a token (RFC 9110 5.1)", lf_differs=False)

for e, nm in ((CRLF, "CRLF"), (LF, "LF")):
    add("ws-after-name" + ("" if e == CRLF else "-lf"), "request",
        b"GET / HTTP/1.0" + e + b"Host: localhost" + e + b"Name : value" + e + e, "error", [],
        ("" if e == CRLF else LF_NOTE + ". ") +
        "whitespace between field name and colon: a server MUST reject it (RFC 9112 5.1); jetty "
        "(RFC7230_LEGACY) also rejects it ('Illegal character')",
        src(F, "testWhiteSpaceAfterName", "scenario eol=" + nm + ", mode RFC7230_LEGACY (the "
            "test ignores the scenario's mode)"))

# testHeaderFieldValue: text block "GET / HTTP/1.1\r\nHost: localhost\r\nName: %s\r\n
# Connection: close\r\n\r\n", for RFC7230 and RFC2616 (the same bytes).
HFV = [
    ("value", b"Value", "Value"),
    ("sp-value", b" Value", "Value"),
    ("htab-value", b"\tValue", "Value"),
    ("htab-sp-htab-value", b"\t \tValue", "Value"),
    ("3htab-value", b"\t\t\tValue", "Value"),
    ("value-htab", b"Value\t", "Value"),
    ("inner-htab", b"Va\tlue", "Va\tlue"),
    ("3sp-value", b"   Value", "Value"),
    ("3sp-value-3sp", b"   Value   ", "Value"),
    ("inner-sp", b"V a l u e", "V a l u e"),
    ("sp-inner-sp-sp", b" V a l u e ", "V a l u e"),
    ("mixed-ows", b" \t V a l u e \t ", "V a l u e"),
    ("obs-text-8b", b"\x8bValue", "\x8bValue"),
    ("euro-as-iso", b"(?)Euro", "(?)Euro"),
]
for slug, raw, val in HFV:
    data = (b"GET / HTTP/1.1\r\nHost: localhost\r\nName: " + raw +
            b"\r\nConnection: close\r\n\r\n")
    extra = ""
    if slug == "obs-text-8b":
        extra = "; 0x8B is obs-text, allowed in a field value (RFC 9110 5.5)"
    if slug == "euro-as-iso":
        extra = ("; the test writes '(\u20ac)Euro', which BufferUtil.toBuffer encodes as ISO-8859-1: "
                 "the euro sign becomes '?' (0x3F), so the bytes are '(?)Euro'")
    add("field-value-" + slug, "request", data, "ok",
        [req("GET", "/", "HTTP/1.1", [("Host", "localhost"), ("Name", val),
                                       ("Connection", "close")])],
        "field value %r: leading and trailing SP/HTAB are OWS and not part of the value, inner "
        "ones are kept (RFC 9112 5.1, RFC 9110 5.5)%s" % (b2s(raw), extra),
        src(F, "testHeaderFieldValue", "value %r, modes RFC7230 and RFC2616" % b2s(raw)))

for slug, raw in (("bel", b"\x07Value"), ("del", b"\x7fValue")):
    data = (b"GET / HTTP/1.1\r\nHost: localhost\r\nName: " + raw +
            b"\r\nConnection: close\r\n\r\n")
    add("field-value-" + slug, "request", data, "error", [],
        "a control byte (0x%02X) in a field value: not VCHAR, SP, HTAB or obs-text (RFC 9110 5.5); "
        "jetty also rejects it ('Illegal character CNTL')" % raw[0],
        src(F, "testIllegalFieldCharacter", "value %r, modes RFC7230 and RFC2616" % b2s(raw)))

WSBR = [
    ("sp", b" ", "error", None),
    ("htab", b"\t", "error", None),
    ("lf", b"\n", "error", "jetty skips a bare LF before the request-line"),
    ("cr", b"\r", "error", None),
    ("crlf", b"\r\n", "ok", None),
    ("crlf-crlf", b"\r\n\r\n", "error", "jetty skips any number of empty lines before the "
                                        "request-line"),
    ("crlf-sp-crlf", b"\r\n \r\n", "error", None),
    ("crlf-htab-crlf", b"\r\n\t\r\n", "error", None),
    ("cr-htab-lf", b"\r\t\n", "error", None),
    ("cr-cr-lf", b"\r\r\n", "error", None),
    ("htab-cr-htab-crlf", b"\t\r\t\r\n", "error", None),
    ("sp-htab-sp-cr-sp-htab-sp-lf-lf", b" \t \r \t \n\n", "error", None),
    ("sp-cr-sp-htab-sp-crlf-crlf-crlf", b" \r \t \r\n\r\n\r\n", "error", None),
]
WSBR_MSG = [req("GET", "/", "HTTP/1.1", [("Host", "localhost"), ("Name", "value"),
                                         ("Connection", "close")])]
for slug, ws, exp, diff in WSBR:
    data = ws + (b"GET / HTTP/1.1\r\nHost: localhost\r\nName: value\r\nConnection: close\r\n\r\n")
    if exp == "ok":
        note = ("one empty line (CRLF) before the request-line is skipped (RFC 9112 2.2; profile: "
                "at most one)")
    elif slug == "lf":
        note = ("a bare LF before the request-line: the profile skips at most one empty line and "
                "it must be CRLF (a bare LF is an error, RFC 9112 2.2)")
    elif slug == "crlf-crlf":
        note = "two empty lines before the request-line: the profile skips at most one"
    else:
        note = ("%r before the request-line: SP, HTAB and a CR not followed by LF cannot start a "
                "request or an empty line (RFC 9112 2.2, 3); jetty also rejects it" % b2s(ws))
    add("ws-before-request-" + slug, "request", data, exp, WSBR_MSG if exp == "ok" else [],
        note, src(F, "testWhiteSpaceBeforeRequest", "whitespace %r, modes RFC7230 and RFC2616"
                  % b2s(ws)), differs=diff)

scen("no-value", "request", "testNoValue",
     lambda e, c: (b"GET / HTTP/1.0" + e + b"Host: localhost" + e + b"Name0:  " + e + b"Name1:" +
                   e + b"Authorization:  " + e + b"Authorization:" + e + e), "ok",
     [req("GET", "/", "HTTP/1.0", [("Host", "localhost"), ("Name0", ""), ("Name1", ""),
                                   ("Authorization", ""), ("Authorization", "")])],
     "empty field values, with and without OWS: field-value may be empty (RFC 9110 5.5)")

scen("res-sp-before-colon", "response", "testTrailingSpacesInHeaderNameNoCustom0",
     lambda e, c: (b"HTTP/1.1 204 No Content" + e + b"Access-Control-Allow-Headers : Origin" + e +
                   b"Other: value" + e + e), "error", [],
     "whitespace between field name and colon in a response: RFC 9112 5.1 requires a proxy to "
     "remove it and a server to reject; the profile rejects it in any message. jetty also "
     "reports 'Illegal character'", lf_differs=False)

scen("no-colon", "request", "testNoColon7230",
     lambda e, c: b"GET / HTTP/1.0" + e + b"Host: localhost" + e + b"Name" + e + e, "error", [],
     "a field line without a colon (jetty's test uses RFC7230_LEGACY and expects 'Illegal "
     "character')", lf_differs=False)

HP_BUILD = (lambda e, c: b"GET / HTTP/1.0" + e + b"Host: localhost" + e + b"Header1: value1" + e +
            b"Header2:   value 2a  " + e + b"Header3: 3" + e + b"Header4:value4" + e +
            b"Server5: notServer" + e + b"HostHeader: notHost" + e + b"Connection: close" + e +
            b"Accept-Encoding: gzip, deflated" + e + b"Accept: unknown" + e + e)


def hp_fields(h2):
    return [("Host", "localhost"), ("Header1", "value1"), ("Header2", h2), ("Header3", "3"),
            ("Header4", "value4"), ("Server5", "notServer"), ("HostHeader", "notHost"),
            ("Connection", "close"), ("Accept-Encoding", "gzip, deflated"), ("Accept", "unknown")]


scen("header-parse-2a", "request", "testHeaderParseCRLF", HP_BUILD, "ok",
     [req("GET", "/", "HTTP/1.0", hp_fields("value 2a"))],
     "ten fields: OWS around values trimmed ('Header2:   value 2a  ' -> 'value 2a'), no OWS after "
     "the colon ('Header4:value4'), names that merely contain Host/Server")
for e, nm in ((CRLF, "CRLF"), (LF, "LF")):
    add("header-parse-2a" + ("" if e == CRLF else "-lf"), "request", HP_BUILD(e, e), "ok", [], "",
        src(F, "testHeaderParseDirect", "scenario eol=%s, from a direct buffer" % nm))

scen("header-parse-2b", "request", "testHeaderParse",
     lambda e, c: (b"GET / HTTP/1.0" + e + b"Host: localhost" + e + b"Header1: value1" + e +
                   b"Header2:   value 2a value 2b  " + e + b"Header3: 3" + e + b"Header4:value4" +
                   e + b"Server5: notServer" + e + b"HostHeader: notHost" + e +
                   b"Connection: close" + e + b"Accept-Encoding: gzip, deflated" + e +
                   b"Accept: unknown" + e + e), "ok",
     [req("GET", "/", "HTTP/1.0", hp_fields("value 2a value 2b"))],
     "ten fields; 'Header2:   value 2a value 2b  ' keeps its inner spaces and loses the OWS")

scen("quoted", "request", "testQuoted",
     lambda e, c: (b"GET / HTTP/1.0" + e + b"Name0: \"value0\"\t" + e + b"Name1: \"value\t1\"" + e +
                   b"Name2: \"value\t2A\",\"value,2B\"\t" + e + e), "ok",
     [req("GET", "/", "HTTP/1.0", [("Name0", "\"value0\""), ("Name1", "\"value\t1\""),
                                   ("Name2", "\"value\t2A\",\"value,2B\"")])],
     "quoted strings with HTAB inside and trailing HTAB as OWS: the field-line parser keeps the "
     "quotes and inner HTAB (RFC 9110 5.5), trims the trailing HTAB")

scen("encoded-header", "request", "testEncodedHeader",
     lambda e, c: (b"GET /foo/" + U0690 + b"/ HTTP/1.0" + e + b"Header1: \xe6 \xe6  " + e +
                   b"Header2: \xff" + e + e), "either",
     [req("GET", b"/foo/" + U0690 + b"/", "HTTP/1.0",
          [("Header1", b"\xe6 \xe6"), ("Header2", b"\xff")])],
     "the target holds UTF-8 bytes (0xDA 0x90: the profile's `either` for bytes 0x80-0xFF in a "
     "target); the field values hold obs-text (0xE6, 0xFF), which is allowed (RFC 9110 5.5), "
     "and trailing SPs, which are OWS")

scen("res-101-upgrade-from", "response", "testResponseBufferUpgradeFrom",
     lambda e, c: (b"HTTP/1.1 101 Upgrade" + e + b"Connection: upgrade" + e + b"Content-Length: 0" +
                   e + b"Sec-WebSocket-Accept: 4GnyoUP4Sc1JD+2pCbNYAhFYVVA" + e + e + b"FOOGRADE"),
     "ok",
     [res("HTTP/1.1", 101, "Upgrade", [("Connection", "upgrade"), ("Content-Length", "0"),
                                       ("Sec-WebSocket-Accept", "4GnyoUP4Sc1JD+2pCbNYAhFYVVA")],
          "upgrade")],
     "a 101 response: the connection leaves HTTP/1 after its head (RFC 9110 15.2.2; profile, "
     "framing 1), so 'FOOGRADE' is not decoded (jetty leaves it in the buffer too)")

for e, nm in ((CRLF, "CRLF"), (LF, "LF")):
    sfx = "" if e == CRLF else "-lf"
    add("bad-method-encoding" + sfx, "request",
        b"G\xe6T / HTTP/1.0" + e + b"Header0: value0" + e + e, "error", [],
        "the method holds 0xE6 (ISO-8859-1 for U+00E6): not a tchar, so not a token (RFC 9110 "
        "9.1); jetty also rejects it", src(F, "testBadMethodEncoding", "scenario eol=" + nm))
    add("bad-version-encoding" + sfx, "request",
        b"GET / H\xe6P/1.0" + e + b"Header0: value0" + e + e, "error", [],
        "the version 'H\\xe6P/1.0' is no HTTP-version (RFC 9112 2.3); jetty also rejects it",
        src(F, "testBadVersionEncoding", "scenario eol=" + nm))
    add("bad-header-encoding" + sfx, "request",
        b"GET / HTTP/1.0" + e + b"H\xe6der0: value0" + e + b"\n\n", "error", [],
        "the field name holds 0xE6, not a tchar (RFC 9110 5.1); the head also ends in bare LFs "
        "(the test writes '\\n\\n' whatever the scenario); jetty also rejects it",
        src(F, "testBadHeaderEncoding", "scenario eol=" + nm))

for ch in "\\@,}{=><)(?\"/][":
    bad = b"Foo" + ch.encode() + b"Bar: value\r\n"
    add("bad-header-name-" + "%02x" % ord(ch), "request", b"GET / HTTP/1.0\r\n" + bad + b"\r\n",
        "error", [],
        "a field name with the delimiter %r inside is not a token (RFC 9110 5.1, 5.6.2); jetty's "
        "default mode also rejects it" % ch,
        src(F, "testBadHeaderNames", "value %r" % b2s(bad)))

scen("header-tab", "request", "testHeaderTab",
     lambda e, c: b"GET / HTTP/1.1" + e + b"Host: localhost" + e + b"Header: value\talternate" + e + e,
     "ok", [req("GET", "/", "HTTP/1.1", [("Host", "localhost"), ("Header", "value\talternate")])],
     "HTAB inside a field value is kept (RFC 9110 5.5)")

scen("case-method", "request", "testCaseSensitiveMethod",
     lambda e, c: (b"gEt / http/1.0" + e + b"Host: localhost" + e + b"Connection: close" + e + e),
     "error", [],
     "the method 'gEt' is a valid token of its own (methods are case-sensitive, RFC 9110 9.1), "
     "but the version is written 'http/1.0' and HTTP-name is case-sensitive (RFC 9112 2.3)",
     differs="the test enables CASE_INSENSITIVE_METHOD (non-default): jetty reads the method as "
             "GET and 'http/1.0' as HTTP/1.0; in LEGACY mode (testCaseSensitiveMethodLegacy) it "
             "keeps 'gEt' and still reads the lowercase version")
add("case-method", "request", b"gEt / http/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n",
    "error", [], "", src(F, "testCaseSensitiveMethodLegacy", "mode LEGACY"))

CIH = b"GET / http/1.0\r\nHOST: localhost\r\ncOnNeCtIoN: ClOsE\r\n\r\n"
add("case-insensitive-header", "request", CIH, "error", [],
    "upper/mixed-case field names ('HOST', 'cOnNeCtIoN') are fine, but the version is written "
    "'http/1.0' and HTTP-name is case-sensitive (RFC 9112 2.3)",
    src(F, "testCaseInsensitiveHeader", "mode RFC7230_LEGACY"),
    differs="jetty reads 'http/1.0' as HTTP/1.0 and accepts the request")
add("case-insensitive-header", "request", CIH, "error", [], "",
    src(F, "testCaseInSensitiveHeaderLegacy", "mode LEGACY with a case-sensitive header cache"))

scen("split-header", "request", "testSplitHeaderParse",
     lambda e, c: (b"SPLIT / HTTP/1.0" + e + b"Host: localhost" + e + b"Header1: value1" + e +
                   b"Header2:   value 2a  " + e + b"Header3: 3" + e + b"Header4:value4" + e +
                   b"Server5: notServer" + e + e), "ok",
     [req("SPLIT", "/", "HTTP/1.0", [("Host", "localhost"), ("Header1", "value1"),
                                     ("Header2", "value 2a"), ("Header3", "3"),
                                     ("Header4", "value4"), ("Server5", "notServer")])],
     "an unknown method 'SPLIT' (any token is a method, RFC 9110 9.1). The test builds "
     "'XXXXSPLIT ...ZZZZ' and parses only the bytes between 'XXXX' and 'ZZZZ', split at every "
     "offset (the runner's split sizes stand for that)")

# --- chunked requests: all HTTP/1.0 -------------------------------------------------------
TE10 = ("the request is HTTP/1.0 and carries Transfer-Encoding: chunked: the profile rejects "
        "Transfer-Encoding in an HTTP/1.0 message (RFC 9112 6.1: the framing MUST be treated as "
        "faulty)")
TE10_WHY = "jetty decodes chunked bodies in HTTP/1.0 requests"
CHUNK_A = ("; also, the first chunk-size line is 'a;', an empty chunk extension, which RFC 9112 "
           "7.1.1 does not allow (chunk-ext-name is a token)")


def chunk_body(c, tail):
    return (b"a;" + c + b"0123456789" + c + b"1a" + c + b"ABCDEFGHIJKLMNOPQRSTUVWXYZ" + c +
            b"0" + c + tail)


CHUNK_PARSE = (lambda e, c: b"GET /chunk HTTP/1.0" + e + b"Header1: value1" + e +
               b"Transfer-Encoding: chunked" + e + e + chunk_body(c, c))
scen("chunk-parse", "request", "testChunkParse", CHUNK_PARSE, "error", [],
     "a chunked GET (chunks of 10 and 26 bytes, then the last chunk). " + TE10 + CHUNK_A,
     differs=TE10_WHY, chunk=True)
d = CHUNK_PARSE(CRLF, CRLF).replace(b"HTTP/1.0\r\n", b"HTTP/1.1\r\nHost: localhost\r\n", 1)
add("chunk-parse-http11", "request", d, "error", [],
    "derived: the request made HTTP/1.1 with a Host field, so that the chunked body itself is "
    "decoded: the first chunk-size line 'a;' ends in an empty chunk extension; chunk-ext = *( BWS "
    "\";\" BWS chunk-ext-name [ BWS \"=\" BWS chunk-ext-val ] ) and chunk-ext-name is a token "
    "(RFC 9112 7.1.1), so it is an error (the profile's own case '5;' is one too)",
    src(F, "testChunkParse", "scenario eol=CRLF, eolChunk=CRLF",
        derived="HTTP/1.1 with a Host field"),
    differs="jetty ignores the empty chunk extension and decodes the 36-byte body")

scen("bad-chunk-length", "request", "testBadChunkLength",
     lambda e, c: (b"GET /chunk HTTP/1.0" + e + b"Header1: value1" + e +
                   b"Transfer-Encoding: chunked" + e + e + b"a;" + c + b"0123456789" + c + b"xx" +
                   c + b"ABCDEFGHIJKLMNOPQRSTUVWXYZ" + c + b"0" + c + e), "error", [],
     "the second chunk-size is 'xx', not HEXDIG (jetty: early EOF, the message never completes). "
     "" + TE10 + CHUNK_A, chunk=True, lf_differs=False)

scen("bad-te-chunked-identity", "request", "testBadTransferEncoding",
     lambda e, c: (b"GET /chunk HTTP/1.0" + e + b"Header1: value1" + e +
                   b"Transfer-Encoding: chunked, identity" + e + e + chunk_body(c, e)),
     "error", [],
     "'Transfer-Encoding: chunked, identity': chunked is not the final coding and identity is no "
     "registered coding any more (RFC 9112 6.1, 7; profile framing 2); Transfer-Encoding in "
     "HTTP/1.0 is an error as well. jetty also rejects it ('Bad Transfer-Encoding')", chunk=True, lf_differs=False)

scen("chunk-trailer", "request", "testChunkParseTrailer",
     lambda e, c: (b"GET /chunk HTTP/1.0" + e + b"Header1: value1" + e +
                   b"Transfer-Encoding: chunked" + e + e +
                   chunk_body(c, b"Trailer: value" + c + e)), "error", [],
     "a chunked body with one trailer field 'Trailer: value'. " + TE10 + CHUNK_A,
     differs=TE10_WHY, chunk=True)

scen("chunk-trailers", "request", "testChunkParseTrailers",
     lambda e, c: (b"GET /chunk HTTP/1.0" + e + b"Transfer-Encoding: chunked" + e + e +
                   chunk_body(c, b"Trailer: value" + e + b"Foo: bar" + e + e)), "error", [],
     "a chunked body with two trailer fields (their lines end in the scenario's eol, not "
     "eolChunk). " + TE10 + CHUNK_A, differs=TE10_WHY, chunk=True)

scen("chunk-bad-trailer", "request", "testChunkParseBadTrailer",
     lambda e, c: (b"GET /chunk HTTP/1.0" + e + b"Header1: value1" + e +
                   b"Transfer-Encoding: chunked" + e + e + chunk_body(c, b"Trailer: value")),
     "error", [],
     "the stream ends inside the trailer section ('Trailer: value' without a line end), then EOF: "
     "incomplete (jetty: early EOF). " + TE10 + CHUNK_A, chunk=True, lf_differs=False)

scen("chunk-no-trailer", "request", "testChunkParseNoTrailer",
     lambda e, c: (b"GET /chunk HTTP/1.0" + e + b"Header1: value1" + e +
                   b"Transfer-Encoding: chunked" + e + e + chunk_body(c, b"")),
     "error", [],
     "the stream ends right after the last chunk '0' line, without the empty line that ends the "
     "trailer section (RFC 9112 7.1), then EOF: incomplete. " + TE10 + CHUNK_A,
     differs="jetty completes the message at EOF after the last-chunk line and decodes chunked "
             "bodies in HTTP/1.0", chunk=True)

add("start-eof", "request", b"", "ok", [],
    "no bytes at all, then end of stream: nothing to decode, no error (jetty reports an early EOF "
    "but no bad message)", src(F, "testStartEOF"))

scen("early-eof", "request", "testEarlyEOF",
     lambda e, c: b"GET /uri HTTP/1.0" + e + b"Content-Length: 20" + e + e + b"0123456789",
     "error", [],
     "Content-Length: 20 with only 10 body bytes, then end of stream: incomplete (RFC 9112 8); "
     "jetty also reports an early EOF", lf_differs=False)

scen("chunk-early-eof", "request", "testChunkEarlyEOF",
     lambda e, c: (b"GET /chunk HTTP/1.0" + e + b"Header1: value1" + e +
                   b"Transfer-Encoding: chunked" + e + e + b"a;" + c + b"0123456789" + c),
     "error", [],
     "the stream ends after the first chunk: incomplete (jetty: early EOF). " + TE10 + CHUNK_A,
     chunk=True, lf_differs=False)

MULTI = (lambda e, c: b"GET /mp HTTP/1.0" + e + b"Connection: Keep-Alive" + e + b"Header1: value1" +
         e + b"Transfer-Encoding: chunked" + e + e + chunk_body(c, e) +
         b"POST /foo HTTP/1.0" + e + b"Connection: Keep-Alive" + e + b"Header2: value2" + e +
         b"Content-Length: 0" + e + e +
         b"PUT /doodle HTTP/1.0" + e + b"Connection: close" + e + b"Header3: value3" + e +
         b"Content-Length: 10" + e + e + b"0123456789" + e)
scen("multi-parse", "request", "testMultiParse", MULTI, "error", [],
     "three pipelined HTTP/1.0 requests (chunked GET with keep-alive, POST with Content-Length: "
     "0, PUT with a 10-byte body and Connection: close, then a stray line end). The first one "
     "already fails: " + TE10 + CHUNK_A, differs=TE10_WHY, chunk=True)
for e, en in ((CRLF, "CRLF"), (LF, "LF")):
    for c, cn in ((CRLF, "CRLF"), (LF, "LF")):
        add("multi-parse", "request", MULTI(e, c), "error", [], "",
            src(F, "testMultiParseEarlyEOF",
                "scenario eol=%s, eolChunk=%s; fed as two buffers with atEOF() between them, the "
                "second still decoded (the runner's splits stand for the cut)" % (en, cn)))

# --- responses ------------------------------------------------------------------------------
R200C = [("Content-Length", "10"), ("Content-Type", "text/plain")]
TRAIL_CRLF = ("the stream then ends in a CRLF where the next status-line would start: the "
              "profile skips no empty line before a status-line, so that is an error after the "
              "complete response(s)")
TRAIL_WHY = "jetty skips empty lines before a status-line (see testCRLFAfterResponse*)"

scen("res-parse-0", "response", "testResponseParse0",
     lambda e, c: (b"HTTP/1.1 200 Correct" + e + b"Content-Length: 10" + e +
                   b"Content-Type: text/plain" + e + e + b"0123456789" + e), "error",
     [res("HTTP/1.1", 200, "Correct", R200C, "length", b"0123456789")],
     "a 200 with a 10-byte body (jetty's test only looks at that response); " + TRAIL_CRLF,
     differs=TRAIL_WHY)

scen("res-parse-1", "response", "testResponseParse1",
     lambda e, c: b"HTTP/1.1 304 Not-Modified" + e + b"Connection: close" + e + e, "ok",
     [res("HTTP/1.1", 304, "Not-Modified", [("Connection", "close")], "none")],
     "a 304 has no body (RFC 9112 6.3 step 1)")

scen("res-parse-2", "response", "testResponseParse2",
     lambda e, c: (b"HTTP/1.1 204 No-Content" + e + b"Header: value" + e + e +
                   b"HTTP/1.1 200 Correct" + e + b"Content-Length: 10" + e +
                   b"Content-Type: text/plain" + e + e + b"0123456789" + e), "error",
     [res("HTTP/1.1", 204, "No-Content", [("Header", "value")], "none"),
      res("HTTP/1.1", 200, "Correct", R200C, "length", b"0123456789")],
     "a 204 (no body) and a 200 with a 10-byte body on one stream; " + TRAIL_CRLF,
     differs=TRAIL_WHY)

scen("res-parse-3-no-sp", "response", "testResponseParse3",
     lambda e, c: (b"HTTP/1.1 200" + e + b"Content-Length: 10" + e + b"Content-Type: text/plain" +
                   e + e + b"0123456789" + e), "error", [],
     "the status-line 'HTTP/1.1 200' has no SP after the status code: status-line = HTTP-version "
     "SP status-code SP [ reason-phrase ] (RFC 9112 4); the SP may not be left out (profile)",
     differs="jetty accepts a status-line without the SP and reports no reason")

scen("res-parse-4-empty-reason", "response", "testResponseParse4",
     lambda e, c: (b"HTTP/1.1 200 " + e + b"Content-Length: 10" + e + b"Content-Type: text/plain" +
                   e + e + b"0123456789" + e), "error",
     [res("HTTP/1.1", 200, "", R200C, "length", b"0123456789")],
     "'HTTP/1.1 200 ' has the SP and an empty reason, which is valid (RFC 9112 4); " + TRAIL_CRLF,
     differs=TRAIL_WHY)

scen("res-eof-content", "response", "testResponseEOFContent",
     lambda e, c: (b"HTTP/1.1 200 " + e + b"Content-Type: text/plain" + e + e + b"0123456789" + e),
     "ok", [res("HTTP/1.1", 200, "", [("Content-Type", "text/plain")], "close", b"0123456789\r\n")],
     "a response without Content-Length or Transfer-Encoding: the body runs to the end of the "
     "stream (RFC 9112 6.3 step 8), the final CRLF included")

scen("res-304-cl", "response", "testResponse304WithContentLength",
     lambda e, c: b"HTTP/1.1 304 found" + e + b"Content-Length: 10" + e + e, "ok",
     [res("HTTP/1.1", 304, "found", [("Content-Length", "10")], "none")],
     "a 304 with Content-Length: 10 has no body all the same (RFC 9112 6.3 step 1)")

scen("res-101-te", "response", "testResponse101WithTransferEncoding",
     lambda e, c: (b"HTTP/1.1 101 switching protocols" + e + b"Transfer-Encoding: chunked" + e + e),
     "ok", [res("HTTP/1.1", 101, "switching protocols", [("Transfer-Encoding", "chunked")],
                "upgrade")],
     "a 101 with Transfer-Encoding: chunked: a 101 ends HTTP/1 after its head whatever its "
     "fields (profile, framing 1, which comes before Transfer-Encoding); jetty also reads no "
     "content")

for st in ("xxx", "0", "00", "50", "050", "0200", "1000", "2xx"):
    data = b"HTTP/1.1 %s %s\r\nContent-Length:0\r\n\r\n" % (st.encode(), st.encode())
    s = src(F, "testBadResponseStatus", "status %r" % st)
    if st == "050":
        add("res-bad-status-" + st, "response", data, "either",
            [res("HTTP/1.1", "050", "050", [("Content-Length", "0")], "length")],
            "'050' matches status-code = 3DIGIT (RFC 9112 4) but lies outside 100-599, which RFC "
            "9110 15 calls invalid while asking a client to treat it as 5xx: reject or accept "
            "(the project's own profile case for 099 is `either` too)", s,
            differs=None)
    else:
        add("res-bad-status-" + st, "response", data, "error", [],
            "status code %r is not 3DIGIT (RFC 9112 4); jetty also answers 'Bad status'" % st, s)

scen("res-reason-iso-8859-1", "response", "testResponseReasonIso88591",
     lambda e, c: b"HTTP/1.1 302 d\xe9plac\xe9 temporairement" + e + b"Content-Length: 0" + e + e,
     "ok", [res("HTTP/1.1", 302, b"d\xe9plac\xe9 temporairement", [("Content-Length", "0")],
                "length")],
     "a reason-phrase with ISO-8859-1 bytes (0xE9): obs-text is allowed in it (RFC 9112 4)")

scen("res-seek-eof", "response", "testSeekEOF",
     lambda e, c: (b"HTTP/1.1 200 OK" + e + b"Content-Length: 0" + e + b"Connection: close" + e + e +
                   e + b"HTTP/1.1 400 OK" + e), "error",
     [res("HTTP/1.1", 200, "OK", [("Content-Length", "0"), ("Connection", "close")], "length")],
     "a 200 with Connection: close, then an empty line and the start of a 400 response. The "
     "dump decodes on after a response (the profile's `either` for bytes after a closing "
     "message is written for requests); the empty line cannot start a status-line, and the 400 "
     "is cut short anyway, so the stream ends in an error after the 200",
     differs="jetty closes the parser after the Connection: close response and discards the rest")

for slug, test, line in (("no-uri", "testNoURI", b"GET"), ("no-uri-2", "testNoURI2", b"GET ")):
    scen(slug, "request", test,
         lambda e, c, line=line: (line + e + b"Content-Length: 0" + e + b"Connection: close" + e + e),
         "error", [], "a request-line %r without a target (RFC 9112 3); jetty also answers "
         "'No URI'" % b2s(line), lf_differs=False)

scen("unknown-version", "request", "testUnknownRequestVersion",
     lambda e, c: b"GET / HTTP" + e + b"Host: localhost" + e + e, "error", [],
     "the version 'HTTP' has no '/1.x' (RFC 9112 2.3); jetty also answers 'Unknown Version'",
     lf_differs=False)

for e, nm in ((CRLF, "CRLF"), (LF, "LF")):
    add("res-unknown-version" + ("" if e == CRLF else "-lf"), "response",
        b"HPPT/7.7 200 OK" + e + b"Content-Length: 0" + e + b"Connection: close" + e + e, "error",
        [], ("" if e == CRLF else "scenario eol=LF, bare LF line ends as well. ") +
        "the status-line starts 'HPPT/7.7', no HTTP-version (RFC 9112 2.3); jetty also answers "
        "'Unknown Version'", src(F, "testUnknownResponseVersion", "scenario eol=" + nm))

scen("res-no-status", "response", "testNoStatus",
     lambda e, c: b"HTTP/1.1" + e + b"Content-Length: 0" + e + b"Connection: close" + e + e,
     "error", [], "a status-line without a status code (RFC 9112 4); jetty also answers 'No "
     "Status'", lf_differs=False)
scen("res-no-status-2", "response", "testNoStatus2",
     lambda e, c: b"HTTP/1.1 " + e + b"Content-Length: 0" + e + b"Connection: close" + e + e,
     "error", [], "a status-line 'HTTP/1.1 ' without a status code (RFC 9112 4); jetty also "
     "answers 'No Status'", lf_differs=False)

for e, nm in ((CRLF, "CRLF"), (LF, "LF")):
    sfx = "" if e == CRLF else "-lf"
    pre = "" if e == CRLF else "scenario eol=LF, bare LF line ends as well. "
    add("bad-version-hppt" + sfx, "request",
        b"GET / HPPT/7.7" + e + b"Content-Length: 0" + e + b"Connection: close" + e + e, "error", [],
        pre + "the version 'HPPT/7.7' is no HTTP-version (RFC 9112 2.3); jetty also answers "
        "'Unknown Version'", src(F, "testBadRequestVersion", "scenario eol=%s, first stream" % nm))
    add("bad-version-1-01" + sfx, "request",
        b"GET / HTTP/1.01" + e + b"Content-Length: 0" + e + b"Connection: close" + e + e, "error",
        [], pre + "the version 'HTTP/1.01' has two minor digits: HTTP-version = HTTP-name \"/\" "
        "DIGIT \".\" DIGIT (RFC 9112 2.3); jetty also answers 'Unknown Version'",
        src(F, "testBadRequestVersion", "scenario eol=%s, second stream" % nm))
    add("bad-cr" + sfx, "request",
        b"GET / HTTP/1.0" + e + b"Content-Length: 0\rConnection: close\r\r", "error", [],
        pre + "field lines end in a bare CR (no LF): a CR not followed by LF is an error (RFC 9112 "
        "2.2); jetty also answers 'Bad EOL'",
        src(F, "testBadCR", "scenario eol=%s, first stream" % nm))
add("bad-cr-request-line", "request", b"GET / HTTP/1.0\rContent-Length: 0\rConnection: close\r\r",
    "error", [], "every line, the request-line too, ends in a bare CR (RFC 9112 2.2); jetty also "
    "answers 'Bad EOL'", src(F, "testBadCR", "second stream (the same in every scenario)"))

for v in ("abc", "1.5", "9" * 46, "-10", "+10", "1.0", "1,0", "10,", "10A"):
    data = (b"GET /test HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + v.encode() +
            b"\r\n\r\n1234567890\r\n")
    add("bad-cl-" + ("46-nines" if v == "9" * 46 else v.replace(".", "dot").replace(",", "comma")
                     .replace("+", "plus").replace("-", "minus")), "request", data, "error", [],
        "Content-Length %r is not 1*DIGIT fitting u64 (RFC 9110 8.6; profile framing 3)%s; "
        "jetty rejects it too (the test runs jetty's non-default RFC2616_LEGACY mode, which "
        "allows identical repeated values; the strict expectation applies)" % (
            v, ", it overflows u64" if v == "9" * 46 else
            (": '10,' is a list with an empty element and the profile accepts only 1*DIGIT or "
             "identical values" if v == "10," else "")),
        src(F, "testBadContentLengths", "value %r" % v))

for i, v in enumerate((b" 10 ", b"10 ", b" 10", b"\t10", b"\t10\t", b"10\t", b" \t \t \t 10")):
    data = (b"GET /test HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + v +
            b"\r\n\r\n1234567890\n")
    add("cl-ows-%d" % (i + 1), "request", data, "error",
        [req("GET", "/test", "HTTP/1.1", [("Host", "localhost"), ("Content-Length", "10")],
             "length", b"1234567890")],
        "Content-Length with OWS around it (%r after the colon): OWS is not part of the value, so "
        "it is 10 and the 10-byte body is read (RFC 9112 5.1). The text block then ends in a bare "
        "LF after the body, where the next request would start: an error after the complete "
        "request (jetty's test stops after the first message)" % b2s(v),
        src(F, "testContentLengthWithOWS", "value %r" % b2s(v)),
        differs="jetty skips a bare LF before a request-line (testWhiteSpaceBeforeRequest), so it "
                "would read past the stray LF")

for i, v in enumerate((b" chunked ", b"chunked ", b" chunked", b"\tchunked", b"\tchunked\t",
                       b"chunked\t", b" \t \t \t chunked")):
    data = (b"GET /test HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: " + v +
            b"\r\n\r\n1\r\nX\r\n0\r\n\r\n")
    add("te-ows-%d" % (i + 1), "request", data, "ok",
        [req("GET", "/test", "HTTP/1.1", [("Host", "localhost"), ("Transfer-Encoding", "chunked")],
             "chunked", b"X")],
        "Transfer-Encoding with OWS around 'chunked' (%r after the colon): the value is 'chunked' "
        "(RFC 9112 5.1), a one-byte chunked body" % b2s(v),
        src(F, "testTransferEncodingWithOWS", "value %r" % b2s(v)))

for i, v in enumerate((b" testhost ", b"testhost ", b" testhost", b"\ttesthost", b"\ttesthost\t",
                       b"testhost\t", b" \t \t \t testhost")):
    data = b"GET /test HTTP/1.1\r\nHost: " + v + b"\r\n\r\n"
    add("host-ows-%d" % (i + 1), "request", data, "ok",
        [req("GET", "/test", "HTTP/1.1", [("Host", "testhost")])],
        "Host with OWS around it (%r after the colon): the value is 'testhost' (RFC 9112 5.1)"
        % b2s(v), src(F, "testHostWithOWS", "value %r" % b2s(v)))

for slug, test, a, b in (("cl-2-then-1", "testMultipleContentLengthWithLargerThenCorrectValue", 2, 1),
                         ("cl-1-then-2", "testMultipleContentLengthWithCorrectThenLargerValue", 1, 2)):
    scen(slug, "request", test,
         lambda e, c, a=a, b=b: (b"POST / HTTP/1.1" + e + b"Content-Length: %d" % a + e +
                                 b"Content-Length: %d" % b + e + b"Connection: close" + e + e + b"X"),
         "error", [], lf_differs=False, note=
         "two Content-Length lines with different values (%d, %d): an unrecoverable error (RFC "
         "9112 6.3 step 5); jetty also answers 'Multiple Content-Lengths'. " % (a, b) + NOHOST,
         host=("error", [], "differing Content-Length values (%d, %d) are an error (RFC 9112 6.3 "
               "step 5)" % (a, b), b"example.com"))

for slug, test, l1, l2 in (("te-then-cl", "testTransferEncodingChunkedThenContentLength",
                            b"Transfer-Encoding: chunked", b"Content-Length: 1"),
                           ("cl-then-te", "testContentLengthThenTransferEncodingChunked",
                            b"Content-Length: 1", b"Transfer-Encoding: chunked")):
    scen(slug, "request", test,
         lambda e, c, l1=l1, l2=l2: (b"POST /chunk HTTP/1.1" + e + b"Host: localhost" + e + l1 + e +
                                     l2 + e + e + b"1" + c + b"X" + c + b"0" + c + e),
         "error", [],
         "a request with both Transfer-Encoding: chunked and Content-Length: 1: the profile "
         "rejects it (RFC 9112 6.1: a server MAY reject it and MUST close after it; 6.3 step 3 "
         "calls it a smuggling vector)",
         differs="the test enables TRANSFER_ENCODING_WITH_CONTENT_LENGTH (non-default) and jetty "
                 "reads the body as chunked ('X')", chunk=True)

HOSTREQ = (lambda host: lambda e, c: (b"GET / HTTP/1.1" + e + b"Host: " + host + e +
                                      b"Connection: close" + e + e))
for slug, test, host in (("host", "testHost", b"host"), ("ip-host", "testIPHost", b"192.168.0.1"),
                         ("ipv6-host", "testIPv6Host", b"[::1]"),
                         ("host-port", "testHostPort", b"myhost:8888"),
                         ("ip-host-port", "testIPHostPort", b"192.168.0.1:8888"),
                         ("ipv6-host-port", "testIPv6HostPort", b"[::1]:8888")):
    scen(slug, "request", test, HOSTREQ(host), "ok",
         [req("GET", "/", "HTTP/1.1", [("Host", host), ("Connection", "close")])],
         "a valid Host %r: uri-host [ \":\" port ] (RFC 9110 7.2)" % b2s(host))

scen("bad-ipv6-host", "request", "testBadIPv6Host", HOSTREQ(b"[::1"), "error", [],
     "Host '[::1' misses the closing bracket of its IP-literal (RFC 3986 3.2.2); jetty also "
     "rejects it", lf_differs=False)

scen("empty-host", "request", "testEmptyHostPort", HOSTREQ(b""), "either",
     [req("GET", "/", "HTTP/1.1", [("Host", ""), ("Connection", "close")])],
     "an empty Host value ('Host:'): RFC 9110 7.2 allows it when the target URI has no authority; "
     "the profile makes it `either`; jetty accepts it")

scen("uri-host-11", "request", "testUriHost11",
     lambda e, c: b"GET http://host/ HTTP/1.1" + e + b"Connection: close" + e + e, "error", [],
     "an absolute-form target in HTTP/1.1 does not stand in for the Host field: a server MUST "
     "reject an HTTP/1.1 request without Host (RFC 9112 3.2); jetty also answers 'No Host'",
     lf_differs=False,
     host=("ok", [req("GET", "http://host/", "HTTP/1.1", [("Host", "host"), ("Connection", "close")])],
           "absolute-form target with a matching Host field", b"host"))

scen("uri-host-10", "request", "testUriHost10",
     lambda e, c: b"GET http://host/ HTTP/1.0" + e + e, "ok",
     [req("GET", "http://host/", "HTTP/1.0", [])],
     "an absolute-form target in HTTP/1.0, which needs no Host field")

scen("no-host", "request", "testNoHost",
     lambda e, c: b"GET / HTTP/1.1" + e + b"Connection: close" + e + e, "error", [],
     "an HTTP/1.1 request without a Host field: a server MUST reject it (RFC 9112 3.2); jetty "
     "also answers 'No Host'", lf_differs=False)

# badHostHeaderSource: the test writes "\n" line ends; the -crlf variants use CRLF.
BAD_HOSTS = [
    (":80", "a port with an empty host"),
    ("host:", None),
    ("127.0.0.1:", None),
    ("[0::0::0::0::1", "an IP-literal without its closing bracket"),
    ("0::0::0::0::1]", "':' and ']' outside an IP-literal"),
    ("[0::0::0::0::1]:", "an IPv6 literal with more than one '::' (RFC 3986 3.2.2)"),
    ("[0::0::0::1]", "an IPv6 literal with more than one '::' (RFC 3986 3.2.2)"),
    ("[0::0::0::1]:80", "an IPv6 literal with more than one '::' (RFC 3986 3.2.2)"),
    ("0:1:2:3:4:5:6", "':' in an unbracketed host"),
    ("host:xxx", "a port that is not digits"),
    ("127.0.0.1:xxx", "a port that is not digits"),
    ("[0::0::0::0::1]:xxx", "a bad IPv6 literal and a port that is not digits"),
    ("host:-80", "a port with a sign"),
    ("127.0.0.1:-80", "a port with a sign"),
    ("[0::0::0::0::1]:-80", "a bad IPv6 literal and a port with a sign"),
    ("127.0.0.1:65536", "a port above 65535"),
    ("a b c d", "whitespace"),
    ("a\to\tz", "HTAB"),
    ("hosta, hostb, hostc", "a list, with whitespace"),
    ("[ab:cd:ef:gh:ij:kl:mn]", "non-hex groups in an IPv6 literal"),
    ("Group - Machine", "whitespace"),
    ("<calculated when request is sent>", "whitespace and '<', '>'"),
    ("[link](https://example.org/)", "'[' outside an IP-literal, '/'"),
    ("example.org/zed", "'/'"),
    ("| ping 127.0.0.1 -n 10", "whitespace and '|'"),
    ("%uf%80%ff%xx%uffff", "'%' not followed by two HEXDIG"),
    ("[${jndi${:-:}ldap${:-:}]", "no IPv6 literal, '{', '}'"),
    ("[${jndi:ldap://example.org:59377/nessus}]", "no IPv6 literal, '{', '}', '/'"),
    ("${ip}", "'{', '}'"),
    ("' *; host xyz.hacking.pro; '", "whitespace"),
    ("'/**/OR/**/1/**/=/**/1", "'/'"),
    ("AND (SELECT 1 FROM(SELECT COUNT(*),CONCAT('x',(SELECT (ELT(1=1,1))),'x',FLOOR(RAND(0)*2))x "
     "FROM INFORMATION_SCHEMA.CHARACTER_SETS GROUP BY x)a)", "whitespace"),
]
for i, (h, why) in enumerate(BAD_HOSTS):
    hb = h.encode("latin-1")
    s = src(F, "testBadHostReject", "value %r" % h)
    lf = b"GET / HTTP/1.1\nHost: " + hb + b"\nConnection: close\n\n"
    cr = lf.replace(b"\n", b"\r\n")
    slug = "bad-host-%02d" % (i + 1)
    add(slug, "request", lf, "error", [],
        "jetty's bad-Host test writes bare LF line ends, which the profile rejects (RFC 9112 2.2) "
        "before the Host value matters; the -crlf variant tests Host %r itself" % h, s,
        differs="jetty's default mode accepts bare LF line ends (it then rejects the Host value)")
    add("bad-host-%02d" % (i + 1), "request", lf, "error", [], "",
        src(F, "testBadHostAllow", "value %r, mode RFC7230 with UNSAFE_HOST_HEADER" % h))
    if why is None:
        add(slug + "-crlf", "request", cr, "ok",
            [req("GET", "/", "HTTP/1.1", [("Host", hb), ("Connection", "close")])],
            "derived: the same request with CRLF line ends. Host %r has an empty port: port = "
            "*DIGIT (RFC 3986 3.2.3) may be empty, so uri-host [ \":\" port ] matches (RFC 9110 "
            "7.2); the project's profile case 'Host: a:' is ok as well" % h,
            s + " (variant: CRLF line ends)",
            differs="jetty rejects a Host with an empty port ('Bad Authority'); with "
                    "UNSAFE_HOST_HEADER (testBadHostAllow) it accepts it")
    else:
        add(slug + "-crlf", "request", cr, "error", [],
            "derived: the same request with CRLF line ends. Host %r is not uri-host [ \":\" port ] "
            "(RFC 9110 7.2, RFC 3986 3.2.2/3.2.3): %s; a server MUST answer 400 to an invalid Host "
            "(RFC 9112 3.2); jetty rejects it too (and accepts it with the non-default "
            "UNSAFE_HOST_HEADER, testBadHostAllow)" % (h, why),
            s + " (variant: CRLF line ends)")

DUP_HOSTS = [
    ("different", b"Host: hosta\nHost: hostb\nHost: hostc"),
    ("same", b"Host: foo\nHost: foo"),
    ("separated", b"Host: bar\nX-Zed: zed\nHost: bar"),
]
for slug, hl in DUP_HOSTS:
    lf = b"GET / HTTP/1.1\n" + hl + b"\nConnection: close\n\n"
    s = src(F, "testDuplicateHostReject", "value %r" % b2s(hl))
    add("dup-host-" + slug, "request", lf, "error", [],
        "jetty's duplicate-Host test writes bare LF line ends, which the profile rejects (RFC "
        "9112 2.2) before the fields matter; the -crlf variant tests the duplicate Host itself", s,
        differs="jetty's default mode accepts bare LF line ends (it then answers 'Duplicate Host "
                "Header'; with the non-default DUPLICATE_HOST_HEADERS it accepts the request)")
    add("dup-host-" + slug, "request", lf, "error", [], "",
        src(F, "testDuplicateHostAllow", "value %r, mode RFC7230 with DUPLICATE_HOST_HEADERS"
            % b2s(hl)))
    add("dup-host-" + slug + "-crlf", "request", lf.replace(b"\n", b"\r\n"), "error", [],
        "derived: the same request with CRLF line ends. More than one Host field line: a server "
        "MUST answer 400 (RFC 9112 3.2); the profile rejects it even with identical values; jetty "
        "too (it accepts them with the non-default DUPLICATE_HOST_HEADERS, testDuplicateHostAllow)",
        s + " (variant: CRLF line ends)")

GOOD_HOSTS = [
    ("whatever-com-123", b"whatever.com:123", "ok", None),
    ("myhost-com", b"myhost.com", "ok", None),
    ("colon-colon", b"::", "error",
     "jetty accepts 'Host: ::' (its test calls it a fake IPv6 value)"),
    ("a-b-c-d", b"a-b-c-d", "ok", None),
    ("comma-list", b"hosta,hostb,hostc", "error",
     "jetty accepts commas in a Host value"),
    ("ipv6-port", b"[fde3:827b:ea49:0:893:8016:e3ac:9778]:444", "ok", None),
    ("ipv6", b"[fde3:827b:ea49:0:893:8016:e3ac:9778]", "ok", None),
]
for slug, hv, exp, diff in GOOD_HOSTS:
    lf = b"GET / HTTP/1.1\nHost: " + hv + b"\nConnection: close\n\n"
    s = src(F, "testGoodHost", "value %r" % ("Host: " + b2s(hv)))
    add("good-host-" + slug, "request", lf, "error", [],
        "jetty's good-Host test writes bare LF line ends, which the profile rejects (RFC 9112 2.2) "
        "before the Host value matters; the -crlf variant tests Host %r itself" % b2s(hv), s,
        differs="jetty's default mode accepts bare LF line ends and this Host value")
    if exp == "ok":
        note = "Host %r is a valid uri-host [ \":\" port ] (RFC 9110 7.2)" % b2s(hv)
    elif slug == "colon-colon":
        note = ("Host '::' is neither a reg-name (':' is not allowed in one) nor an IP-literal "
                "(IPv6 needs brackets in a URI host, RFC 3986 3.2.2), nor host:port with a "
                "non-empty host (profile: an empty host is an error)")
    else:
        note = ("Host 'hosta,hostb,hostc' is a comma-separated list; reg-name allows ',' as a "
                "sub-delim (RFC 3986 3.2.2), but the profile rejects a Host value that is a list "
                "(recipients that split it on commas read different authorities)")
    add("good-host-" + slug + "-crlf", "request", lf.replace(b"\n", b"\r\n"), exp,
        [req("GET", "/", "HTTP/1.1", [("Host", hv), ("Connection", "close")])] if exp == "ok" else [],
        "derived: the same request with CRLF line ends. " + note, s + " (variant: CRLF line ends)",
        differs=diff)

skip(F, "testRequestMaxHeaderBytesURITooLong",
     "outcome set by a non-default size limit (a valid request refused at maxHeaderBytes=5)")
skip(F, "testRequestMaxHeaderBytesCumulative",
     "outcome set by a non-default size limit (a valid request refused at maxHeaderBytes=64)")

scen("cached-field-insensitive", "request", "testInsensitiveCachedField",
     lambda e, c: b"GET / HTTP/1.1" + e + b"Content-Type: text/plain;Charset=UTF-8" + e + e,
     "error", [],
     "a Content-Type value that matches a cached field case-insensitively. " + NOHOST +
     " (jetty's test checks only the parsed field; to a GET without Host jetty answers 'No "
     "Host', testNoHost)", lf_differs=False,
     host=("ok", [req("GET", "/", "HTTP/1.1", [("Host", "example.com"),
                                               ("Content-Type", "text/plain;Charset=UTF-8")])],
           "the value is reported as received (jetty's header cache hands back its cached, "
           "lowercase 'text/plain;charset=utf-8', a reading of the value, not of the bytes)",
           b"example.com"))

scen("cached-field-dynamic", "request", "testDynamicCachedField",
     lambda e, c: b"GET / HTTP/1.1" + e + b"Host: www.smh.com.au" + e + e, "ok",
     [req("GET", "/", "HTTP/1.1", [("Host", "www.smh.com.au")])],
     "a plain GET (jetty parses it twice with a reset between, to check its field cache)")

scen("parse-request", "request", "testParseRequest",
     lambda e, c: (b"GET / HTTP/1.1" + e + b"Host: localhost" + e + b"Header1: value1" + e +
                   b"Connection: close" + e + b"Accept-Encoding: gzip, deflated" + e +
                   b"Accept: unknown" + e + e), "ok",
     [req("GET", "/", "HTTP/1.1", [("Host", "localhost"), ("Header1", "value1"),
                                   ("Connection", "close"), ("Accept-Encoding", "gzip, deflated"),
                                   ("Accept", "unknown")])],
     "a GET with five fields")

scen("http2-preface", "request", "testHTTP2Preface",
     lambda e, c: b"PRI * HTTP/2.0" + e + e + b"SM" + e + e, "error", [],
     "the HTTP/2 connection preface: version HTTP/2.0 is not HTTP/1.0 or HTTP/1.1, an error for "
     "an HTTP/1 decoder (profile; RFC 9113 3.4 is for a server that speaks HTTP/2 with prior "
     "knowledge)",
     differs="jetty reports 'PRI * HTTP/2.0' as a complete message so that its connection can "
             "switch to HTTP/2")

# --- handler-return tests: the parser pauses when a callback returns true; the final result
# is the same as without pausing (the runner's splits stand for the stops and resumes).
PAUSE = ("jetty's test has a handler callback return true (or messageComplete return false) so "
         "that parseNext stops after each event; the stream decodes the same without those stops")

scen("http09-pause", "request", "testForHTTP09HeaderCompleteTrueDoesNotEmitContentComplete",
     lambda e, c: b"GET /path" + e, "error", [],
     "a request-line without HTTP-version (HTTP/0.9): an error (RFC 9112 3). " + PAUSE,
     differs="the test uses RFC2616_LEGACY mode (non-default), in which jetty accepts HTTP/0.9")

CL0 = lambda e, c: b"HTTP/1.1 200 OK" + e + b"Content-Length: 0" + e + e
scen("res-cl0", "response", "testForContentLengthZeroHeaderCompleteTrueDoesNotEmitContentComplete",
     CL0, "ok", [res("HTTP/1.1", 200, "OK", [("Content-Length", "0")], "length")],
     "a 200 with Content-Length: 0. " + PAUSE)
for e, nm in ((CRLF, "CRLF"), (LF, "LF")):
    add("res-cl0" + ("" if e == CRLF else "-lf"), "response", CL0(e, e), "ok", [], "",
        src(F, "testForContentLengthZeroContentCompleteTrueDoesNotEmitMessageComplete",
            "scenario eol=" + nm))

CH0 = (lambda e, c: b"HTTP/1.1 200 OK" + e + b"Transfer-Encoding: chunked" + e + e + b"0" + c + e)
scen("res-chunked-empty", "response",
     "testForEmptyChunkedContentHeaderCompleteTrueDoesNotEmitContentComplete", CH0, "ok",
     [res("HTTP/1.1", 200, "OK", [("Transfer-Encoding", "chunked")], "chunked")],
     "a 200 with an empty chunked body (only the last chunk and the empty line). " + PAUSE,
     chunk=True)
for e, en in ((CRLF, "CRLF"), (LF, "LF")):
    for c, cn in ((CRLF, "CRLF"), (LF, "LF")):
        add("res-chunked-empty" + ("" if e == CRLF else "-lf") + ("" if c == CRLF else "-lfchunk"),
            "response", CH0(e, c), "ok", [], "",
            src(F, "testForEmptyChunkedContentContentCompleteTrueDoesNotEmitMessageComplete",
                "scenario eol=%s, eolChunk=%s" % (en, cn)))

scen("res-cl0-then-field-line", "response", "testHeaderAfterContentLengthZeroContentCompleteTrue",
     lambda e, c: b"HTTP/1.1 200 OK" + e + b"Content-Length: 0" + e + e + b"Header: Foobar" + e,
     "error", [res("HTTP/1.1", 200, "OK", [("Content-Length", "0")], "length")],
     "a 200 with Content-Length: 0, then the bytes 'Header: Foobar' and a line end, which cannot "
     "start a status-line: an error after the 200 (jetty's test leaves them in the buffer). "
     + PAUSE)

scen("res-cl1-then-field-line", "response", "testSmallContentLengthContentCompleteTrue",
     lambda e, c: b"HTTP/1.1 200 OK" + e + b"Content-Length: 1" + e + e + b"0" + b"Header: Foobar" + e,
     "error", [res("HTTP/1.1", 200, "OK", [("Content-Length", "1")], "length", b"0")],
     "a 200 with a 1-byte body '0', then 'Header: Foobar' and a line end, which cannot start a "
     "status-line: an error after the 200 (jetty's test leaves them in the buffer). " + PAUSE)

scen("res-cl1", "response", "testHeaderAfterSmallContentLengthContentCompleteTrue",
     lambda e, c: b"HTTP/1.1 200 OK" + e + b"Content-Length: 1" + e + e + b"0", "ok",
     [res("HTTP/1.1", 200, "OK", [("Content-Length", "1")], "length", b"0")],
     "a 200 with a 1-byte body. " + PAUSE)

scen("res-eof-body", "response", "testEOFContentContentCompleteTrue",
     lambda e, c: b"HTTP/1.1 200 OK" + e + e + b"0", "ok",
     [res("HTTP/1.1", 200, "OK", [], "close", b"0")],
     "a 200 without framing fields: the body '0' runs to the end of the stream (RFC 9112 6.3 "
     "step 8). " + PAUSE)

scen("res-head", "response", "testHEADRequestHeaderCompleteTrue",
     lambda e, c: b"HTTP/1.1 200 OK" + e + e, "ok",
     [res("HTTP/1.1", 200, "OK", [], "none")],
     "a 200 answering HEAD (jetty: setHeadResponse(true)) has no body (RFC 9112 6.3 step 1). "
     + PAUSE, methods=("HEAD",))

scen("res-304", "response", "testNoContentHeaderCompleteTrue",
     lambda e, c: b"HTTP/1.1 304 Not Modified" + e + e, "ok",
     [res("HTTP/1.1", 304, "Not Modified", [], "none")],
     "a 304 without fields has no body. " + PAUSE)

CRLFS = (lambda e, c: b"HTTP/1.1 304 Not Modified" + e + e + e + e + b"HTTP/1.1 200 OK" + e +
         b"Content-Length: 0" + e + e + e + e + b"HTTP/1.1 303 See Other" + e +
         b"Content-Length: 0" + e + e)
scen("res-crlf-between", "response", "testCRLFAfterResponseHeaderCompleteTrue", CRLFS, "error",
     [res("HTTP/1.1", 304, "Not Modified", [], "none")],
     "three responses (304, 200, 303) with two empty lines between each pair: the profile skips "
     "no empty line before a status-line (RFC 9112 2.2 allows ignoring empty lines only before a "
     "request-line), so the stream fails after the 304. " + PAUSE,
     differs="jetty skips empty lines before a status-line and reads all three responses")
for t in ("testCRLFAfterResponseContentCompleteTrue", "testCRLFAfterResponseMessageCompleteFalse"):
    for e, nm in ((CRLF, "CRLF"), (LF, "LF")):
        add("res-crlf-between" + ("" if e == CRLF else "-lf"), "response", CRLFS(e, e), "error",
            [], "", src(F, t, "scenario eol=" + nm))

for part, first, second in (
        ("1", (b"HTTP/1.1 304 Not Modified", []),
         (b"HTTP/1.1 200 OK", [b"Content-Length: 0"])),
        ("2", (b"HTTP/1.1 200 OK", [b"Content-Length: 0"]),
         (b"HTTP/1.1 303 See Other", [b"Content-Length: 0"]))):
    def build(e, c, first=first, second=second):
        return (first[0] + e + b"".join(f + e for f in first[1]) + e + b" " + second[0] + e +
                b"".join(f + e for f in second[1]) + e)
    m1 = (res("HTTP/1.1", 304, "Not Modified", [], "none") if part == "1" else
          res("HTTP/1.1", 200, "OK", [("Content-Length", "0")], "length"))
    for e, nm in ((CRLF, "CRLF"), (LF, "LF")):
        sl = "res-sp-before-status-" + part + ("" if e == CRLF else "-lf")
        s = src(F, "testSPAfterResponseMessageCompleteFalse",
                "scenario eol=%s, %s stream" % (nm, "first" if part == "1" else "second"))
        if e == CRLF:
            add(sl, "response", build(e, e), "error", [m1],
                "a complete response, then a single SP before the next status-line: SP cannot "
                "start a status-line (RFC 9112 4), an error after the first response; jetty also "
                "reports a bad message. " + PAUSE, s)
        else:
            add(sl, "response", build(e, e), "error", [], LF_NOTE, s, differs=LF_WHY)

scen("ws-in-parameter", "request", "testWhiteSpaceInParameter",
     lambda e, c: (b"GET / HTTP/1.1" + e + b"Host: localhost" + e + b"Name: value;param = bad" + e +
                   b"Connection: close" + e + b"Content-Length: 0" + e + e), "ok",
     [req("GET", "/", "HTTP/1.1", [("Host", "localhost"), ("Name", "value;param = bad"),
                                   ("Connection", "close"), ("Content-Length", "0")], "length")],
     "a field value with spaces around '=' in a parameter: a valid field value for the field-line "
     "grammar (RFC 9110 5.5); whether 'param = bad' is a valid parameter is up to the field's "
     "own grammar, which jetty checks later (getValueList, WHITESPACE_IN_PARAMETER), not while "
     "parsing")

skip(F, "testHttpHeaderValueParseCsv", "HttpHeaderValue API (strings), no parser")

HS = (b"\n\n\nGET   /uri   HTTP/1.0\r\nHost: localhost\r\nUnknown-Blank-Field:      \r\n"
      b"Field-With-Trailing-Whitespace:    value       \r\nField-With-Just-LF: value\n"
      b"Connection-Partial-Cache-Hit: value\r\nContent-Length: 0\r\n\r\n")
add("header-size", "request", HS, "error", [],
    "three bare-LF empty lines before the request-line (the text block's blank lines), runs of "
    "SPs between the request-line's parts and a field line ended by a bare LF: each is an error "
    "(RFC 9112 2.2, 3; the profile skips at most one CRLF and requires single SPs). jetty's test "
    "(RFC2616 mode, non-default) only checks the head length it counted",
    src(F, "testHeaderSize", "mode RFC2616"),
    differs="jetty in RFC2616 mode skips the leading LFs, accepts multiple SPs and bare LF, and "
            "parses the request")

# ---------------------------------------------------------------------------
# HttpTesterTest.java: HttpTester.parseRequest / parseResponse feed a HttpParser.
# ---------------------------------------------------------------------------
F = "HttpTesterTest.java"
HT = ("HttpTester parses only the first message; the whole string is converted, so what "
      "follows it is decoded too")
BADNEXT = ("the second request-line 'GET /some/other/request /HTTP/1.x' has '/HTTP/1.x' as "
           "its version, not an HTTP-version (RFC 9112 2.3), so the stream ends in an error after "
           "the first request")
skip(F, "testExampleUsage", "not a @Test; talks to www.google.com, no fixed bytes")

add("tester-get-10", "request",
    b"GET /uri HTTP/1.0\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n"
    b"GET /some/other/request /HTTP/1.0\r\nHost: localhost\r\n\r\n", "error",
    [req("GET", "/uri", "HTTP/1.0", [("Host", "localhost"), ("Connection", "keep-alive")])],
    "an HTTP/1.0 GET with keep-alive, then a second request; " + BADNEXT + ". " + HT,
    src(F, "testGetRequestBuffer10"))
add("tester-get-11", "request",
    b"GET /uri HTTP/1.1\r\nHost: localhost\r\n\r\n"
    b"GET /some/other/request /HTTP/1.1\r\nHost: localhost\r\n\r\n", "error",
    [req("GET", "/uri", "HTTP/1.1", [("Host", "localhost")])],
    "an HTTP/1.1 GET, then a second request; " + BADNEXT + ". " + HT,
    src(F, "testGetRequestBuffer11"))
add("tester-post-10", "request",
    b"POST /uri HTTP/1.0\r\nHost: localhost\r\nConnection: keep-alive\r\nContent-Length: 16\r\n\r\n"
    b"0123456789ABCDEF\r\nGET /some/other/request /HTTP/1.0\r\nHost: localhost\r\n\r\n", "error",
    [req("POST", "/uri", "HTTP/1.0", [("Host", "localhost"), ("Connection", "keep-alive"),
                                      ("Content-Length", "16")], "length", b"0123456789ABCDEF")],
    "an HTTP/1.0 POST with a 16-byte body and keep-alive, a CRLF (one empty line before a "
    "request-line is skipped), then a second request; " + BADNEXT + ". " + HT,
    src(F, "testPostRequestBuffer10"))
add("tester-post-11", "request",
    b"POST /uri HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n"
    b"A\r\n0123456789\r\n6\r\nABCDEF\r\n0\r\n\r\n"
    b"GET /some/other/request /HTTP/1.1\r\nHost: localhost\r\n\r\n", "error",
    [req("POST", "/uri", "HTTP/1.1", [("Host", "localhost"), ("Transfer-Encoding", "chunked")],
         "chunked", b"0123456789ABCDEF")],
    "a chunked POST (uppercase chunk-size 'A'), then a second request; " + BADNEXT + ". " + HT,
    src(F, "testPostRequestBuffer11"))
add("tester-res-eof", "response",
    b"HTTP/1.1 200 OK\r\nHeader: value\r\nConnection: close\r\n\r\n0123456789ABCDEF", "ok",
    [res("HTTP/1.1", 200, "OK", [("Header", "value"), ("Connection", "close")], "close",
         b"0123456789ABCDEF")],
    "a response without framing fields: the body runs to the end of the stream (RFC 9112 6.3 "
    "step 8)", src(F, "testResponseEOFBuffer"))
add("tester-res-length", "response",
    b"HTTP/1.1 200 OK\r\nHeader: value\r\nContent-Length: 16\r\n\r\n0123456789ABCDEF"
    b"HTTP/1.1 200 OK\r\n\r\n", "ok",
    [res("HTTP/1.1", 200, "OK", [("Header", "value"), ("Content-Length", "16")], "length",
         b"0123456789ABCDEF"),
     res("HTTP/1.1", 200, "OK", [], "close")],
    "a 200 with a 16-byte body, then a second 200 without framing fields, whose (empty) body "
    "runs to the end of the stream. " + HT, src(F, "testResponseLengthBuffer"))
add("tester-res-chunked", "response",
    b"HTTP/1.1 200 OK\r\nHeader: value\r\nTransfer-Encoding: chunked\r\n\r\n"
    b"A\r\n0123456789\r\n6\r\nABCDEF\r\n0\r\n\r\nHTTP/1.1 200 OK\r\n\r\n", "ok",
    [res("HTTP/1.1", 200, "OK", [("Header", "value"), ("Transfer-Encoding", "chunked")], "chunked",
         b"0123456789ABCDEF"),
     res("HTTP/1.1", 200, "OK", [], "close")],
    "a chunked 200, then a second 200 without framing fields, whose (empty) body runs to the "
    "end of the stream. " + HT, src(F, "testResponseChunkedBuffer"))
RI = (b"HTTP/1.1 200 OK\r\nHeader: value\r\nTransfer-Encoding: chunked\r\n\r\n"
      b"A\r\n0123456789\r\n6\r\nABCDEF\r\n0\r\n\r\n"
      b"HTTP/1.1 400 OK\r\nNext: response\r\nContent-Length: 16\r\n\r\n0123456789ABCDEF")
add("tester-responses", "response", RI, "ok",
    [res("HTTP/1.1", 200, "OK", [("Header", "value"), ("Transfer-Encoding", "chunked")], "chunked",
         b"0123456789ABCDEF"),
     res("HTTP/1.1", 400, "OK", [("Next", "response"), ("Content-Length", "16")], "length",
         b"0123456789ABCDEF")],
    "a chunked 200 and a 400 with a 16-byte body, read one after the other from an input stream",
    src(F, "testResponsesInput"))
add("tester-responses", "response", RI, "ok", [], "",
    src(F, "testResponsesSplitInput", "written in three pieces cut inside the chunk data and "
        "the second body (the runner's splits stand for that)"))

# ---------------------------------------------------------------------------
# Files of the folder that were read but feed no test bytes to an HttpParser
# ---------------------------------------------------------------------------
NOT_TAKEN = [
    ("HttpGeneratorServerHTTPTest.java", "parses what HttpGenerator wrote at run time (not a "
     "test literal)"),
]


def main():
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out = os.path.join(here, "jetty.json")
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))
    for c in CASES:
        c["input"].encode("latin-1")
        assert c["note"], c["id"]
    with open(out, "w") as f:
        json.dump(CASES, f, ensure_ascii=True, indent=1)
        f.write("\n")
    if "-v" in sys.argv:
        from collections import Counter
        print("cases", len(CASES), Counter(c["expect"] for c in CASES),
              Counter(c["mode"] for c in CASES))
        for m in ("request", "response"):
            print(" ", m, Counter(c["expect"] for c in CASES if c["mode"] == m))
        print("derived", sum(1 for c in CASES if "(variant:" in c["source"]),
              Counter(c["source"].rsplit("(variant: ", 1)[1] for c in CASES
                      if "(variant:" in c["source"]))
        print("by file", Counter(c["source"].split(DIR)[1].split(" ")[0] for c in CASES))
        print("merged duplicates", len(DUPLICATES))
        print("skipped", len(SKIPPED), Counter(r for _, _, r in SKIPPED))
        print("differs", len(DIFFERS))
    print("wrote %s (%d cases)" % (out, len(CASES)))


if __name__ == "__main__":
    main()
