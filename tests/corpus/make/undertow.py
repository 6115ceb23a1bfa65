#!/usr/bin/env python3
"""Build tests/corpus/undertow.json: h1wire corpus cases from Undertow's HTTP/1.1 tests.

Undertow (https://github.com/undertow-io/undertow, Apache License 2.0), the web
server of WildFly, tests its HTTP/1.1 request parser (HttpRequestParser) and its
client's response parser (HttpResponseParser) with byte strings written as Java
string literals, and tests its connector with raw requests written to a socket.
Only those bytes are taken here, rebuilt from the Java literals and
concatenations (String.getBytes() with an ASCII-only literal; getBytes("ISO-8859-1")
where the test says so). Each case's expectation is decided by the strict profile
(CONFORMANCE.md section 3) and RFC 9112 / RFC 9110, not by Undertow's
answer. Where Undertow answers differently, the note says so
("differs from undertow: ...").

Run: python3 tests/corpus/make/undertow.py [-v]   (writes undertow.json beside this script)
"""

import json
import os
import re
import sys

from common import b2s

REPO = "undertow-io/undertow"
T = "core/src/test/java/io/undertow/"
# Stored versions read with the search tool's read_file.
VERSIONS = {
    "server/protocol/http/SimpleParserTestCase.java": "1437543d236613835b569cf630ba1909c4be1004",
    "server/SimpleParserTestCase.java (2012)": "13bfbefbf8a7415844c56d259a5c9e8526890d05",
    "server/protocol/http/ParserResumeTestCase.java": "16647d569d555fb22e2f286fbfb1116d3348cd24",
    "server/ParserResumeTestCase.java (2012)": "02f15891c62a2385cc9615531b8d31374868930d",
    "client/http/ResponseParserResumeTestCase.java": "09d40a13089dbff37f8c76d20a41bf0d0e600d9d",
    "conduits/ChunkSizeTestCase.java": "3b5592abbe76828862a5aa94e4af53a83f36afba",
    "server/RequestParseErrorListenerTestCase.java": "4cc74bf0b47470255bf90890bb6cb838d3a52cd1",
    "server/handlers/BadRequestTestCase.java": "06e026c338babcb9353578337bfd3de3a792e8ba",
    "server/handlers/ChunkedRequestTrailersTestCase.java": "0aebd543382584904eab6653325d436beb3ee2c4",
    "server/handlers/ChunkedRequestTrailersWithLimitsTestCase.java": "97f83de09d2bfd1a96ccc3649dfa03c44a77cba1",
    "server/ParseTimeoutTestCase.java": "046f3707557f084d8f51d826cf6650c893d687f2",
    "server/ConnectionTerminationTestCase.java": "074af569d6143763d12edf031ecac2997b1a6775",
    "server/handlers/HttpTunnelingViaConnectTestCase.java": "0aebd543382584904eab6653325d436beb3ee2c4",
    "server/InvalidHtpRequestTestCase.java": "47a02cc2c592e47fead52444fe7dd51ab3c8b1b4",
    # Versions found by searching for a string in the index, which gave no commit for them.
    "server/ConnectionTerminationTestCase.java (older)": "an older stored version (the index gave no commit for it)",
    "server/handlers/ReceiverTestCase.java": "a stored version (the index gave no commit for it)",
    "../../../../../servlet/src/test/java/io/undertow/servlet/test/errorpage/ServletErrorDispatchTestCase.java":
        "a stored version read without a commit (the index lists commit 50443cb5e293 for this path)",
}

CASES = []
SEEN = {}
DUPLICATES = []  # (source of the merged stream, id of the case that holds it)
SKIPPED = []     # (file, test, reason)
TESTS = set()    # (file, test) of every converted peer test (merged duplicates included)
DIFFERS = {}     # id -> one line: why the expectation differs from undertow's answer


def src(fkey, test, detail=None, derived=None):
    ver = VERSIONS[fkey]
    path = T + fkey.replace(" (2012)", "").replace(" (older)", "")
    if fkey.startswith("../"):
        path = fkey.replace("../", "")
    if re.fullmatch(r"[0-9a-f]{40}", ver):
        s = "%s %s (commit %s): %s" % (REPO, path, ver[:12], test)
    else:
        s = "%s %s (stored version, %s): %s" % (REPO, path, ver, test)
    if detail:
        s += ", " + detail
    if derived:
        s += " (variant: %s)" % derived
    return s


def short(source):
    s = source.replace(REPO + " ", "")
    path, rest = s.split(" (", 1)
    return path.rsplit("/", 1)[1] + " (" + rest


def _f(fields):
    return [[n, v] for n, v in fields]


def req(method, target, headers, framing="none", body="", trailers=(), version="HTTP/1.1", length=None):
    return {"start": [method, target, version], "headers": _f(headers), "framing": framing,
            "body": body, "trailers": _f(trailers), "complete": True}


def resp(status, reason, headers, framing, body="", trailers=(), version="HTTP/1.1"):
    return {"start": [version, status, reason], "headers": _f(headers), "framing": framing,
            "body": body, "trailers": _f(trailers), "complete": True}


def add(slug, data, expect, messages, note, source, differs=None, mode="request", methods=()):
    assert isinstance(data, bytes), slug
    assert expect in ("ok", "error", "either"), slug
    cid = "undertow-" + slug
    if "(variant:" not in source:
        m = re.match(r"^\S+ (\S+) \(.*?\): ([^,(]+)", source)
        TESTS.add((m.group(1), m.group(2).strip()))
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
        note = "differs from undertow: " + differs + ". " + note
        DIFFERS[cid] = differs
    CASES.append({"id": cid, "mode": mode, "methods": list(methods), "input": b2s(data),
                  "expect": expect, "messages": messages, "note": note, "source": source})
    return cid


def skip(fkey, test, reason):
    SKIPPED.append((fkey, test, reason))


def add_host(host=b"example.com"):
    """Insert a Host field line after the first request-line."""
    def f(data):
        i = data.index(b"\r\n") + 2
        return data[:i] + b"Host: " + host + b"\r\n" + data[i:]
    return f


NO_HOST = ("an HTTP/1.1 request without a Host field is an error (RFC 9112 3.2, RFC 9110 7.2; the "
           "profile)")
NO_HOST_DIFF = "Undertow's parser accepts an HTTP/1.1 request without Host (the unit test feeds the parser only)"
HOST_VARIANT = ("derived: a Host field was inserted after the request-line, since the HTTP/1.1 original "
                "is rejected for its missing Host before what the test is about can matter")
OBS_FOLD = ("obs-fold (a field line starting with SP/HTAB) in a request is an error (RFC 9112 5.2 lets "
            "a server reject it with 400 or unfold it; the profile rejects)")
BARE_LF = ("a bare LF ends a line: RFC 9112 2.2 lets a recipient accept it, the profile accepts only "
           "CRLF (bare LF is an off-by-default option)")
BARE_CR = ("a CR not followed by LF is an error (RFC 9112 2.2: a bare CR must be rejected or replaced "
           "with SP; the profile rejects)")
TARGET_CHARS = ("the profile bans only whitespace, control and DEL bytes in a request-target and does "
                "not check RFC 3986 characters or pct-encoding (the tomcat, httparse and gunicorn "
                "corpora read such targets the same way)")

HOST_HDR = ("Host", "www.somehost.net")
FOLD = b"OtherHeader: some\r\n    value\r\n"
NOFOLD = b"OtherHeader: some value\r\n"

# ---------------------------------------------------------------------------
# SimpleParserTestCase (server/protocol/http), newest stored version
# ---------------------------------------------------------------------------
SP = "server/protocol/http/SimpleParserTestCase.java"

# Requests of the form "GET <target> HTTP/1.1\r\n\r\n" (no Host) whose test is about
# how Undertow splits the target into path / path parameters / query.
# (test, target, authority for the Host variant, undertow option used)
TARGET_TESTS = [
    ("testEncodedSlashDisallowed", b"/somepath%2FotherPath", None, "no option: %2F is left undecoded"),
    ("testEncodedSlashAllowed", b"/somepath%2fotherPath", None, "ALLOW_ENCODED_SLASH decodes %2f in the path"),
    ("testEncodedSlashDisallowed_DECODE_FLAG", b"/somepath%2FotherPath", None, "DECODE_SLASH=false"),
    ("testEncodedSlashAllowed_DECODE_FLAG", b"/somepath%2fotherPath", None, "DECODE_SLASH=true"),
    ("testColonSlashInURL", b"/a/http://myurl.com/b/c", None, None),
    ("testColonSlashInFullURL", b"http://foo.com/a/http://myurl.com/b/c", b"foo.com", None),
    ("testMatrixParamFlag", b"/somepath;p1", None, None),
    ("testMatrixParamFlagEndingWithNormalPath", b"/somepath;p1/more", None, None),
    ("testMultipleMatrixParamsOfSameName", b"/somepath;p1=v1;p1=v2", None, None),
    ("testCommaSeparatedParamValues", b"/somepath;p1=v1,v2", None, None),
    ("testServletURLWithPathParam", b"http://localhost:7777/servletContext/aaaa/b;param=1", b"localhost:7777", None),
    ("testServletURLWithPathParamEndingWithNormalPath", b"http://localhost:7777/servletContext/aaaa/b;param=1/cccc", b"localhost:7777", None),
    ("testServletURLWithPathParams", b"http://localhost:7777/servletContext/aa/b;foo=bar;mysessioncookie=mSwrYUX8_e3ukAylNMkg3oMRglB4-YjxqeWqXQsI", b"localhost:7777", None),
    ("testServletPathWithPathParam", b"/servletContext/aaaa/b;param=1", None, None),
    ("testServletPathWithPathParams", b"/servletContext/aa/b;foo=bar;mysessioncookie=mSwrYUX8_e3ukAylNMkg3oMRglB4-YjxqeWqXQsI", None, None),
    ("testRootMatrixParam", b";", None, None),
    ("testMatrixParametersWithQueryString", b"/somepath;p1=v1;p2=v2?q1=v3", None, None),
    ("testMultiLevelMatrixParameter", b"/some;p1=v1/path;p1=v2?q1=v3", None, None),
    ("testServletURLMultiLevelMatrixParameter", b"http://localhost:7777/some;p1=v1/path;p1=v2?q1=v3", b"localhost:7777", None),
    ("testMultiLevelMatrixParameters", b"/some;p1=v1/path;p2=v2?q1=v3", None, None),
    ("testMultiLevelMatrixParameterEndingWithNormalPathAndQuery", b"/some;p1=v1/path;p1=v2/more?q1=v3", None, None),
    ("testServletURLMultiLevelMatrixParameterEndingWithNormalPathAndQuery", b"http://localhost:7777/some;p1=v1/path;p1=v2/more?q1=v3", b"localhost:7777", None),
    ("testFullUrlRootPath", b"http://myurl.com", b"myurl.com", None),
    ("testSth", b"http://myurl.com/goo;foo=bar;blah=foobar", b"myurl.com", None),
    ("testPlusSignVsSpaceEncodingInPath", b"http://myurl.com/+/mypath%20with%20spaces", b"myurl.com", None),
    ("testEmptyQueryParams", b"/clusterbench/requestinfo//?;?=44&test=OK;devil=3&&&&&&&&&&&&&&&&&&&&&&&&&&&&777=666", None, None),
    ("testNonEncodedAsciiCharacters", b"/b\xc3\xa5r", None, "no option: Undertow rejects the unescaped bytes with BadRequestException"),
    ("testNonEncodedAsciiCharactersExplicitlyAllowed", b"/b\xc3\xa5r", None, "ALLOW_UNESCAPED_CHARACTERS_IN_URL accepts them"),
]


def slugify(test):
    s = test[4:] if test.startswith("test") else test
    s = re.sub(r"_", "-", s)
    s = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "-", s)
    s = re.sub(r"(?<=[A-Z])(?=[A-Z][a-z])", "-", s).lower()
    return s


def target_tests():
    for test, target, authority, opt in TARGET_TESTS:
        data = b"GET " + target + b" HTTP/1.1\r\n\r\n"
        slug = "sp-" + slugify(test)
        source = src(SP, test)
        t = b2s(target)
        high = any(b >= 0x80 for b in target)
        origin = target.startswith(b"/")
        absolute = target.startswith(b"http://")
        if origin:
            form = "origin-form target"
        elif absolute:
            form = "absolute-form target"
        else:
            form = "target"
        optnote = (" Undertow option in the test: %s; the profile does not decode the target, so the "
                   "option changes nothing here." % opt) if opt else ""
        if test == "testNonEncodedAsciiCharacters":
            optnote = (" Undertow rejects bytes 0x80-0xFF in the target unless ALLOW_UNESCAPED_CHARACTERS_IN_URL "
                       "is set (testNonEncodedAsciiCharactersExplicitlyAllowed, same bytes).")
        note = ("%s %r (what the test checks is Undertow's split into path, path parameters and query); %s."
                % (form, t, NO_HOST) + optnote)
        if not origin and not absolute:
            note += (" The target %r is not origin-form, absolute-form or asterisk-form either "
                     "(RFC 9112 3.2): an error on that ground too." % t)
        cid = add(slug, data, "error", [], note, source, differs=NO_HOST_DIFF)
        if cid != "undertow-" + slug:
            continue  # merged duplicate; its variant exists already
        # Host variant
        host = authority or b"example.com"
        hdata = add_host(host)(data)
        hsource = src(SP, test, derived="Host: %s added" % b2s(host))
        headers = [("Host", b2s(host))]
        if not origin and not absolute:
            add(slug + "-host", hdata, "error", [],
                "%s: the request-target %r is not origin-form (\"/...\"), absolute-form or asterisk-form, "
                "and only CONNECT takes authority-form (RFC 9112 3.2; the profile: a form that does not fit "
                "the method is an error)." % (HOST_VARIANT, t),
                hsource, differs="Undertow accepts the target ';' (its test asserts getRequestURI() == \";\"; "
                "the test carries a TODO to decide what should happen)")
        elif high:
            add(slug + "-host", hdata, "either", [req("GET", t, headers)],
                "%s; bytes 0x80-0xFF (UTF-8 of 'a with ring') in the request-target: `either` by the profile "
                "(RFC 9112 3 / RFC 3986 allow only ASCII; a recipient may reject or accept). Undertow rejects "
                "them by default and accepts them with ALLOW_UNESCAPED_CHARACTERS_IN_URL." % HOST_VARIANT,
                hsource)
        else:
            extra = ""
            if absolute:
                extra = (" The Host value is the target's authority (RFC 9112 3.2.2: a client sends Host "
                         "identical to the authority of an absolute-form target).")
                if target == b"http://myurl.com":
                    extra += (" An absolute-URI with an empty path is valid (RFC 3986 3.3 path-abempty); "
                              "Undertow reads the path as '/'.")
            if b"%2" in target and (b"%2F" in target or b"%2f" in target):
                extra += " %2F stays as sent: the codec does not decode the target."
            if b"?;?" in target:
                extra += " ';', '?', '&' and '=' are all allowed in a query (RFC 3986 3.4)."
            add(slug + "-host", hdata, "ok", [req("GET", t, headers)],
                "%s; %s %r is valid (RFC 9112 3.2.1 / 3.2.2, RFC 3986 3.3: ';', '=', ',', ':', '+' and "
                "'@' are pchars).%s" % (HOST_VARIANT, form, t, extra), hsource)


# Tests that run runTest(): GET /somepath, Host, and OtherHeader folded over two lines.
RUNTEST_ERR = [
    ("testLineEndingInsteadOfSpacesAfterVerb", b"GET\r/somepath HTTP/1.1\r\n", BARE_CR + " (here in the request-line, where it stands for the SP after the method)", None),
    ("testLineEndingInsteadOfSpacesAfterPath", b"GET /somepath\rHTTP/1.1\r\n", BARE_CR + " (here in the request-line, where it stands for the SP after the target)", None),
    ("testLineEndingInsteadOfSpacesAfterVerb2", b"GET\n/somepath HTTP/1.1\r\n", "a LF inside the request-line: the line 'GET' ends in a bare LF and has no target or version (RFC 9112 3; the profile rejects bare LF)", None),
    ("testLineEndingInsteadOfSpacesAfterVerb3", b"FOO\n/somepath HTTP/1.1\r\n", "a LF inside the request-line of an unknown method: the line 'FOO' ends in a bare LF and has no target or version", None),
    ("testLineEndingInsteadOfSpacesAfterPath2", b"GET /somepath\nHTTP/1.1\r\n", "a LF inside the request-line: the line 'GET /somepath' ends in a bare LF and has no version", None),
    ("testTabInsteadOfSpaceAfterVerb", b"GET\t/somepath HTTP/1.1\r\n", "HTAB instead of SP after the method: request-line = method SP request-target SP HTTP-version, single SPs (RFC 9112 3), and HTAB is not a tchar", None),
    ("testTabInsteadOfSpaceAfterVerb2", b"FOO\t/somepath HTTP/1.1\r\n", "HTAB instead of SP after an unknown method (RFC 9112 3: single SPs)", None),
    ("testTabInsteadOfSpaceAfterPath", b"GET\t/somepath HTTP/1.1\r\n", "HTAB instead of SP (the test's name says after the path, its bytes put the HTAB after the method)", None),
]
# runTest() requests with a character outside RFC 3986 in the target.
RUNTEST_TARGET = [
    ("testInvalidCharacterInPath", b"/some>path"),
    ("testInvalidCharacterInQueryString1", b"/somepath?foo>f=bar"),
    ("testInvalidCharacterInQueryString2", b"/somepath?foo=ba>r"),
    ("testInvalidCharacterInPathParam1", b"/somepath;foo>f=bar"),
    ("testInvalidCharacterInPathParam2", b"/somepath;foo=ba>r"),
]


def runtest_cases():
    rest = b"Host:   www.somehost.net\r\n" + FOLD + b"\r\n"
    for test, line, why, _ in RUNTEST_ERR:
        add("sp-" + slugify(test), line + rest, "error", [],
            "%s. Undertow rejects it too (BadRequestException). The request also folds OtherHeader over two "
            "lines, which the profile rejects as well (%s)." % (why, OBS_FOLD), src(SP, test))
    # testSimpleRequest: the obs-fold is what Undertow accepts.
    add("sp-simple-request", b"GET /somepath HTTP/1.1\r\n" + rest, "error", [],
        "GET with Host and a field value folded over two lines: %s." % OBS_FOLD, src(SP, "testSimpleRequest"),
        differs="Undertow unfolds the value to 'some value' and accepts the request")
    for test, target in RUNTEST_TARGET:
        slug = "sp-" + slugify(test)
        data = b"GET " + target + b" HTTP/1.1\r\n" + rest
        add(slug, data, "error", [],
            "'>' in the request-target %r, in a request whose OtherHeader is folded: the fold alone makes "
            "it an error (%s); the -nofold variant tests the target by itself. Undertow rejects the '>' "
            "(BadRequestException)." % (b2s(target), OBS_FOLD), src(SP, test))
        ndata = b"GET " + target + b" HTTP/1.1\r\nHost:   www.somehost.net\r\n" + NOFOLD + b"\r\n"
        add(slug + "-nofold", ndata, "ok",
            [req("GET", b2s(target), [HOST_HDR, ("OtherHeader", "some value")])],
            "derived: the folded OtherHeader written on one line, so that only the target is tested. "
            "'>' is outside RFC 3986's grammar, but %s; accepted as is." % TARGET_CHARS,
            src(SP, test, derived="OtherHeader unfolded"),
            differs="Undertow rejects '>' in the path, path parameters and query with 400 (it checks URL characters)")
    # testDifferentCaseHeaders
    add("sp-different-case-headers", b"GET /somepath HTTP/1.1\r\nHost: www.somehost.net\r\nhost: other\r\n\r\n",
        "error", [], "two Host field lines ('Host' and 'host', names are case-insensitive): more than one Host "
        "field line is an error (RFC 9112 3.2: a server MUST respond 400 to a request with more than one Host "
        "field line; the profile).", src(SP, "testDifferentCaseHeaders"),
        differs="Undertow accepts the request and keeps both values under one header name (the test asserts [www.somehost.net, other])")
    # testSimpleRequestWithHeaderCaching: four separate parses
    for i, (val, exp) in enumerate([(b"OtherHeader: foo", "foo"), (b"OtherHeader:       foo", "foo"),
                                    (b"OtherHeader:      some value", "some value"),
                                    (b"OtherHeader: some value", "some value")], 1):
        add("sp-header-caching-%d" % i,
            b"GET /somepath HTTP/1.1\r\nHost:   www.somehost.net\r\n" + val + b"\r\n\r\n", "ok",
            [req("GET", "/somepath", [HOST_HDR, ("OtherHeader", exp)])],
            "a plain GET; the leading OWS of the values is not part of them (RFC 9112 5.1). Undertow accepts "
            "it (the test checks its header-value cache across parses).",
            src(SP, "testSimpleRequestWithHeaderCaching", "request %d of 4 (each parsed on its own)" % i))
    # Bare CR / LF line ends
    add("sp-carriage-return-line-ends",
        b"GET /somepath HTTP/1.1\rHost:   www.somehost.net\rOtherHeader: some\r    value\r\r\n", "error", [],
        "lines ended by a bare CR: %s." % BARE_CR, src(SP, "testCarriageReturnLineEnds"),
        differs="Undertow accepts CR alone as a line end (and the fold)")
    add("sp-line-feeds-line-ends",
        b"GET /somepath HTTP/1.1\nHost:   www.somehost.net\nOtherHeader: some\n    value\n\n", "error", [],
        "lines ended by a bare LF: %s; the request also holds an obs-fold (%s)." % (BARE_LF, OBS_FOLD),
        src(SP, "testLineFeedsLineEnds"), differs="Undertow accepts bare LF line ends and unfolds the value")
    add("sp-tab-whitespace",
        b"GET\t/somepath\tHTTP/1.1\nHost: \t www.somehost.net\nOtherHeader:\tsome\n \t  value\n\r\n", "error", [],
        "HTAB instead of SP in the request-line (RFC 9112 3: single SPs), bare LF line ends (%s) and an "
        "obs-fold. The newest Undertow rejects it (BadRequestException); the 2012 version of the test "
        "(server/SimpleParserTestCase.java, same bytes) expected it to be accepted." % BARE_LF,
        src(SP, "testTabWhitespace"))
    lf_rest = b" HTTP/1.1\nHost: \t www.somehost.net\nOtherHeader:\tsome\n \t  value\n\r\n"
    add("sp-canonical-path", b"GET http://www.somehost.net/somepath" + lf_rest, "error", [],
        "absolute-form GET whose lines end in a bare LF: %s; it also folds OtherHeader (%s)." % (BARE_LF, OBS_FOLD),
        src(SP, "testCanonicalPath"), differs="Undertow accepts bare LF and the fold, and reads the path '/somepath'")
    add("sp-no-headers", b"GET /aa HTTP/1.1\n\n\n", "error", [],
        "request-line and empty line ended by bare LF: %s; it also has no Host (%s); a third LF follows."
        % (BARE_LF, NO_HOST), src(SP, "testNoHeaders"),
        differs="Undertow accepts bare LF and a request without Host")
    add("sp-query-params", b"GET http://www.somehost.net/somepath?a=b&b=c&d&e&f=" + lf_rest, "error", [],
        "absolute-form GET with a query; its lines end in a bare LF: %s; it also folds OtherHeader." % BARE_LF,
        src(SP, "testQueryParams"), differs="Undertow accepts bare LF and the fold")
    add("sp-query-params-decode-flag",
        b"GET http://www.somehost.net/somepath?a=b%3e%2F&b=c&d&e&f= HTTP/1.1\nHost: \t www.somehost.net\nOtherHeader:\tsome\n \t value\n\r\n",
        "error", [], "absolute-form GET with pct-encoded query; its lines end in a bare LF: %s; it also folds "
        "OtherHeader. Undertow option in the test: DECODE_SLASH=false." % BARE_LF,
        src(SP, "testQueryParams_DECODE_FLAG"), differs="Undertow accepts bare LF and the fold")
    add("sp-same-http-string-returned",
        b"GET http://www.somehost.net/somepath HTTP/1.1\nHost: \t www.somehost.net\nAccept-Charset:\tsome\n \t  value\n\r\n",
        "error", [], "absolute-form GET whose lines end in a bare LF: %s; it also folds Accept-Charset." % BARE_LF,
        src(SP, "testSameHttpStringReturned"), differs="Undertow accepts bare LF and the fold")


# ---------------------------------------------------------------------------
# The 2012 SimpleParserTestCase (server/), older parser: only streams whose bytes differ
# ---------------------------------------------------------------------------
SP12 = "server/SimpleParserTestCase.java (2012)"


def old_simple_parser():
    rest = b"Host:   www.somehost.net\r\n" + FOLD + b"\r\n"
    add("sp-simple-request", b"GET /somepath HTTP/1.1\r\n" + rest, "error", [], "", src(SP12, "testSimpleRequest"))
    add("sp-carriage-return-line-ends",
        b"GET /somepath HTTP/1.1\rHost:   www.somehost.net\rOtherHeader: some\r    value\r\r\n", "error", [], "",
        src(SP12, "testCarriageReturnLineEnds"))
    add("sp2012-line-feeds-line-ends",
        b"GET /somepath HTTP/1.1\nHost:   www.somehost.net\nOtherHeader: some\n    value\n\r\n", "error", [],
        "lines ended by a bare LF, the empty line by LF CR LF: %s; it also folds OtherHeader (%s)." % (BARE_LF, OBS_FOLD),
        src(SP12, "testLineFeedsLineEnds"), differs="the 2012 parser accepted bare LF line ends and the fold")
    add("sp-tab-whitespace",
        b"GET\t/somepath\tHTTP/1.1\nHost: \t www.somehost.net\nOtherHeader:\tsome\n \t  value\n\r\n", "error", [], "",
        src(SP12, "testTabWhitespace"))
    lf = b"\tHTTP/1.1\nHost: \t www.somehost.net\nOtherHeader:\tsome\n \t  value\n\r\n"
    add("sp2012-canonical-path", b"GET\thttp://www.somehost.net/somepath" + lf, "error", [],
        "HTAB separators in the request-line (RFC 9112 3: single SPs), bare LF line ends (%s) and an obs-fold." % BARE_LF,
        src(SP12, "testCanonicalPath"), differs="the 2012 parser accepted HTAB separators, bare LF and the fold")
    add("sp2012-no-headers", b"GET\t/aa\tHTTP/1.1\n\n\n", "error", [],
        "HTAB separators in the request-line (RFC 9112 3), bare LF line ends (%s), no Host (%s)." % (BARE_LF, NO_HOST),
        src(SP12, "testNoHeaders"), differs="the 2012 parser accepted HTAB separators, bare LF and no Host")
    add("sp2012-query-params", b"GET\thttp://www.somehost.net/somepath?a=b&b=c&d&e&f=" + lf, "error", [],
        "HTAB separators in the request-line (RFC 9112 3), bare LF line ends (%s) and an obs-fold." % BARE_LF,
        src(SP12, "testQueryParams"), differs="the 2012 parser accepted HTAB separators, bare LF and the fold")
    add("sp2012-same-http-string-returned",
        b"GET\thttp://www.somehost.net/somepath\tHTTP/1.1\nHost: \t www.somehost.net\nAccept-Charset:\tsome\n \t  value\n\r\n",
        "error", [], "HTAB separators in the request-line (RFC 9112 3), bare LF line ends (%s) and an obs-fold." % BARE_LF,
        src(SP12, "testSameHttpStringReturned"), differs="the 2012 parser accepted HTAB separators, bare LF and the fold")


# ---------------------------------------------------------------------------
# ParserResumeTestCase / ResponseParserResumeTestCase
# ---------------------------------------------------------------------------
PR = "server/protocol/http/ParserResumeTestCase.java"
PR12 = "server/ParserResumeTestCase.java (2012)"
RPR = "client/http/ResponseParserResumeTestCase.java"
ENC = b"I%C3%B1t%C3%ABrn%C3%A2ti%C3%B4n%C3%A0li%C5%BE%C3%A6ti%C3%B8n"
PR_TARGET = b"http://www.somehost.net/apath+with+spaces%20and%20" + ENC + b"?key1=value1&key2=" + ENC
PR_TAIL = b"Hostee:another\r\nAccept-garbage:   a\r\n\r\ntttt"


def resume_cases():
    data = b"POST " + PR_TARGET + b" HTTP/1.1\r\nHost:   www.somehost.net\r\n" + FOLD + PR_TAIL
    note = ("absolute-form POST whose OtherHeader is folded over two lines: %s. The test feeds the parser the "
            "bytes cut at every offset and one byte at a time; the conformance runner's --split runs stand for "
            "that. The 4 bytes 'tttt' after the head are left unread by the test; here they would start a next "
            "request." % OBS_FOLD)
    for test in ("testMethodSplit", "testOneCharacterAtATime"):
        add("pr-data", data, "error", [], note, src(PR, test),
            differs="Undertow unfolds the value to 'some value' and accepts the head")
    for test in ("testMethodSplit", "testOneCharacterAtATime"):
        add("pr-data", data, "error", [], note, src(PR12, test))
    ndata = b"POST " + PR_TARGET + b" HTTP/1.1\r\nHost:   www.somehost.net\r\n" + NOFOLD + PR_TAIL
    add("pr-data-nofold", ndata, "error",
        [req("POST", b2s(PR_TARGET), [HOST_HDR, ("OtherHeader", "some value"), ("Hostee", "another"),
                                      ("Accept-garbage", "a")])],
        "derived: the folded OtherHeader written on one line, so that the split-and-resume of the head is what "
        "is tested. The POST has neither Content-Length nor Transfer-Encoding, so its body is empty (RFC 9112 "
        "6.3 rule 7) and it is complete at the empty line; 'tttt' then starts a request that the end of stream "
        "cuts off: incomplete, an error after 1 message.",
        src(PR, "testMethodSplit / testOneCharacterAtATime", derived="OtherHeader unfolded"))
    rdata = (b"HTTP/1.1 200 OK\r\nHost:   www.somehost.net\r\n" + FOLD + PR_TAIL)
    for test in ("testMethodSplit", "testOneCharacterAtATime"):
        add("rpr-data", rdata, "ok",
            [resp("200", "OK", [HOST_HDR, ("OtherHeader", "some value"), ("Hostee", "another"),
                                ("Accept-garbage", "a")], "close", body="tttt")],
            "a 200 response whose OtherHeader is folded: obs-fold in a response is accepted and reads as one SP "
            "(RFC 9112 5.2; the profile), so the value is 'some value'. It has neither Content-Length nor "
            "Transfer-Encoding, so its body runs to the end of the stream (RFC 9112 6.3 rule 8): 'tttt', which the "
            "test leaves unread after the head. The conformance runner's --split runs stand for the test's cuts.",
            src(RPR, test), mode="response")


# ---------------------------------------------------------------------------
# Raw requests written to a socket
# ---------------------------------------------------------------------------
BAD400 = b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
TRAILER_REQ = (b"POST / HTTP/1.1\r\nTrailer:foo, bar\r\nTransfer-Encoding: chunked\r\n\r\n9\r\nabcdefghi\r\n0\r\n"
               b"foo: fooVal\r\n bar: barVal\r\n\r\n")


def socket_cases():
    f = "server/RequestParseErrorListenerTestCase.java"
    add("pel-double-percent", b"GET /somePath?a=%%41 HTTP/1.1\r\nHost: localhost\r\n\r\n", "ok",
        [req("GET", "/somePath?a=%%41", [("Host", "localhost")])],
        "'%%41' in the query is no valid pct-encoding (RFC 3986 2.1), but %s; accepted as is. Undertow's "
        "URL decoder rejects it with 400 after the parser passed it." % TARGET_CHARS,
        src(f, "invalidPercentEncodingInQueryParameterIsReported"),
        differs="Undertow answers 400 (UrlDecodeException while decoding the query)")
    for t in ("aThrowingListenerDoesNotAffectTheResponse", "listenerCanBeCleared"):
        add("pel-double-percent", b"GET /somePath?a=%%41 HTTP/1.1\r\nHost: localhost\r\n\r\n", "ok", [], "", src(f, t))
    add("pel-bad-percent", b"GET /somePath?a=%zz HTTP/1.1\r\nHost: localhost\r\n\r\n", "ok",
        [req("GET", "/somePath?a=%zz", [("Host", "localhost")])],
        "'%%zz' in the query is no valid pct-encoding (RFC 3986 2.1), but %s; accepted as is." % TARGET_CHARS,
        src(f, "malformedPercentEncodedSequenceIsReported"),
        differs="Undertow's parser rejects '%zz' with 400 (BadRequestException)")
    add("pel-valid", b"GET /somePath?a=%41 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", "ok",
        [req("GET", "/somePath?a=%41", [("Host", "localhost"), ("Connection", "close")])],
        "a valid GET with a pct-encoded query and Connection: close; Undertow answers 200.",
        src(f, "validRequestDoesNotNotifyTheListener"))
    add("resp-400-close", BAD400, "ok",
        [resp("400", "Bad Request", [("Content-Length", "0"), ("Connection", "close")], "length")],
        "the 400 response Undertow writes for a request it rejects (the test compares the bytes read from the "
        "socket with it): Content-Length 0, so an empty body (RFC 9112 6.3 rule 6).",
        src(f, "BAD_REQUEST_RESPONSE (expected response)"), mode="response")
    f = "server/handlers/BadRequestTestCase.java"
    add("bad-request-cr-in-target",
        b"POST /\r HTTP/1.1\r\nTrailer:foo, bar\r\nTransfer-Encoding: chunked\r\n\r\n9\r\nabcdefghi\r\n0\r\n"
        b"foo: fooVal\r\n bar: barVal\r\n\r\n", "error", [],
        "a CR inside the request-line, after the target '/': %s; Undertow answers 400 too. (The request also "
        "lacks Host and folds a trailer line, both errors as well.)" % BARE_CR,
        src(f, "testBadRequest"))
    add("resp-400-close", BAD400, "ok", [], "", src(f, "testBadRequest, response1 (expected response)"), mode="response")

    f = "server/handlers/ChunkedRequestTrailersTestCase.java"
    t = "testChunkedRequestsWithTrailers"
    add("trailers-twice", TRAILER_REQ * 2, "error", [],
        "a chunked POST with trailers, sent twice on one connection; %s. With a Host field its trailer section "
        "would still be an error: ' bar: barVal' starts with SP, an obs-fold line in a request's trailer section "
        "(see -host)." % NO_HOST, src(f, t, "the request written twice"),
        differs="the Undertow server accepts these HTTP/1.1 requests without Host and reads the trailer line ' bar: barVal' as a new field 'bar' (the handler echoes foo: fooVal and bar: barVal, status 200)")
    hreq = add_host()(TRAILER_REQ)
    add("trailers-twice-host", hreq * 2, "error", [],
        "%s. The trailer section is 'foo: fooVal' then ' bar: barVal': a line starting with SP inside a "
        "request's trailer section is obs-fold (trailer fields have the syntax of header fields, RFC 9112 7.1.2 "
        "and 5.2), which the profile rejects in requests. So the first request fails in its trailers." % HOST_VARIANT,
        src(f, t, "the request written twice", derived="Host: example.com added"),
        differs="Undertow strips the leading SP and delivers two trailers, foo: fooVal and bar: barVal (the handler echoes them)")
    nreq = hreq.replace(b"\r\n bar: barVal", b"\r\nbar: barVal")
    m = req("POST", "/", [("Host", "example.com"), ("Trailer", "foo, bar"), ("Transfer-Encoding", "chunked")],
            "chunked", "abcdefghi", [("foo", "fooVal"), ("bar", "barVal")])
    add("trailers-twice-host-nofold", nreq * 2, "ok", [m, m],
        "derived: Host added and the leading SP of ' bar: barVal' removed, so that what the test is about, two "
        "trailer fields after the last chunk on a persistent connection, is tested: 2 chunked POSTs, body "
        "'abcdefghi', trailers foo: fooVal and bar: barVal (RFC 9112 7.1.2).",
        src(f, t, "the request written twice", derived="Host added, trailer line unfolded"))
    add("resp-trailer-echo",
        b"HTTP/1.1 200 OK\r\nConnection: keep-alive\r\nContent-Length: 26\r\n\r\nfoo: fooVal\r\nbar: barVal\r\n", "ok",
        [resp("200", "OK", [("Connection", "keep-alive"), ("Content-Length", "26")], "length",
              "foo: fooVal\r\nbar: barVal\r\n")],
        "the response the test expects (the handler echoes the trailers as the body): Content-Length 26 "
        "frames the 26 body bytes exactly (RFC 9112 6.3 rule 6).",
        src(f, t, "response1 / response2 (expected response, identical)"), mode="response")

    f = "server/handlers/ChunkedRequestTrailersWithLimitsTestCase.java"
    add("limits-trailers-folded",
        b"POST / HTTP/1.1\r\nHost: default\r\nTrailer:foo, bar\r\nTransfer-Encoding: chunked\r\n\r\n9\r\nabcdefghi\r\n0\r\n"
        b"foo: fooVal\r\n bar: barVal\r\n\r\n", "error", [],
        "chunked POST whose trailer section holds ' bar: barVal', a line starting with SP: obs-fold in a "
        "request's trailer section, an error (RFC 9112 7.1.2, 5.2; the profile). Undertow, with "
        "MAX_ENTITY_SIZE 20, closes the connection without a response (the test expects nothing back), because "
        "body and trailers together exceed 20 bytes: an error too, for another reason.",
        src(f, "testFailingChunkedRequestsWithTrailers"))
    add("limits-no-trailers",
        b"POST / HTTP/1.1\r\nHost: default\r\nTrailer:foo, bar\r\nTransfer-Encoding: chunked\r\n\r\n9\r\nabcdefghi\r\n0\r\n\r\n",
        "ok", [req("POST", "/", [("Host", "default"), ("Trailer", "foo, bar"), ("Transfer-Encoding", "chunked")],
                   "chunked", "abcdefghi")],
        "chunked POST announcing trailers (Trailer: foo, bar) but sending none: valid (RFC 9110 6.6.2: Trailer "
        "is only a hint). Undertow answers 200 with body 'N/A' (no trailers).",
        src(f, "testPassingChunkedRequestsWithTrailers"))
    add("resp-na", b"HTTP/1.1 200 OK\r\nConnection: keep-alive\r\nContent-Length: 3\r\n\r\nN/A", "ok",
        [resp("200", "OK", [("Connection", "keep-alive"), ("Content-Length", "3")], "length", "N/A")],
        "the response the test expects: Content-Length 3, body 'N/A'.",
        src(f, "testPassingChunkedRequestsWithTrailers, response (expected response)"), mode="response")

    f = "conduits/ChunkSizeTestCase.java"
    msg = (b"POST /hello-servlet/greeting HTTP/1.1\r\nHost: localhost\r\nContent-Type: appication/x-www-form-urlencoded\r\n"
           b"Transfer-Encoding: chunked\r\nConnection: keep-alive\r\n\r\n4000000000000000\r\n")
    msg2 = b"\r\nGET /smuggled HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nConnection: close\r\n\r\n"
    add("chunk-size-2pow62", msg + msg2, "error", [],
        "chunk-size 4000000000000000 (hex, 2^62) fits u64, so it is a valid size (RFC 9112 7.1; the profile: "
        "1*HEXDIG that fits u64): every byte that follows, the CRLF and the 'GET /smuggled' request included, is "
        "chunk data, and the end of stream cuts the chunk off: incomplete, an error with no complete message. "
        "Undertow agrees since the fix the test guards (its chunk state once overflowed on this size and "
        "answered the smuggled request too); it sends no response at all.",
        src(f, "testForgedSmuggling", "msg + msg2 (written one after the other)"))

    f = "server/ParseTimeoutTestCase.java"
    add("parse-timeout-partial-head", b"GET / HTTP/1.1\r\nHost:localhost", "error", [],
        "a head cut off inside its Host field line by the end of stream: incomplete, an error. Undertow "
        "closes the connection when REQUEST_PARSE_TIMEOUT expires.",
        src(f, "testClosingConnectionWhenParsingHeadersForTooLong"))

    f = "server/ConnectionTerminationTestCase.java"
    body = b"hello world\r\n" * 10000
    add("content-length-short-body",
        b"GET / HTTP/1.1\r\nHost:localhost\r\nContent-Length:" + str(len(body)).encode() + b"100\r\n\r\n" + body,
        "error", [],
        "GET with 'Content-Length:130000100' (Java string concatenation: \"...:\" + 130000 + 100) followed by "
        "130000 body bytes, then end of stream: the body is cut off, incomplete, an error with no complete "
        "message (RFC 9112 6.3 rule 6, 8). Undertow ends the exchange when the socket closes.",
        src(f, "testAbnormalRequestTermination"))

    f = "server/ConnectionTerminationTestCase.java (older)"
    add("content-length-short-body-post",
        b"POST / HTTP/1.1\r\nHost:localhost\r\nContent-Length:" + str(len(body)).encode() + b"100\r\n\r\n" + body,
        "error", [],
        "the older form of the test: POST with 'Content-Length:130000100' (\"...:\" + 130000 + 100) and 130000 "
        "body bytes, then end of stream: the body is cut off, incomplete, an error with no complete message.",
        src(f, "testAbnormalRequestTermination"))
    f = "server/handlers/ReceiverTestCase.java"
    add("receiver-short-body",
        b"POST /fullbytes HTTP/1.1\r\nHost:localhost\r\nContent-Length:" + str(len(body)).encode() + b"100\r\n\r\n" + body,
        "error", [],
        "POST with 'Content-Length:130000100' (\"...:\" + 130000 + 100) and 130000 body bytes, then end of stream: "
        "the body is cut off, incomplete, an error with no complete message. Undertow's receiver reports an "
        "IOException to the handler (what the test checks).",
        src(f, "testAsyncReceiveWholeBytesFailed"))
    f = "../../../../../servlet/src/test/java/io/undertow/servlet/test/errorpage/ServletErrorDispatchTestCase.java"
    add("connect-origin-form", b"CONNECT /servletContext/bob.jsp HTTP/1.1\r\nHost:localhost\r\n\r\n", "error", [],
        "CONNECT with an origin-form target: a CONNECT target must be authority-form (host:port) (RFC 9112 3.2.3; "
        "the profile: a target form that does not fit the method is an error, since two parsers that read it "
        "differently route the request differently).",
        src(f, "testSimpleHttpServlet"),
        differs="Undertow accepts it and hands it to the servlet mapped to *.jsp, which answers 405 with a custom reason (the test checks that the error page dispatch keeps it)")

    f = "server/handlers/HttpTunnelingViaConnectTestCase.java"
    add("tunnel-inner-get", b"GET / HTTP/1.1\r\nHost: localhost:7777\r\nConnection: close\r\n\r\n", "ok",
        [req("GET", "/", [("Host", "localhost:7777"), ("Connection", "close")])],
        "the GET written through the CONNECT tunnel; 'localhost:7777' (Undertow's test server default) stands "
        "for target.toHostString(), chosen at run time. The CONNECT request itself is written by Apache "
        "ProxyClient and is not in the test.",
        src(f, "testConnectViaProxy"))

    # InvalidHtpRequestTestCase: requests made by Apache HttpClient from the method / headers the test sets.
    f = "server/InvalidHtpRequestTestCase.java"
    rec = (" The request is rebuilt from what the test gives Apache HttpClient (the method / header fields it "
           "sets, and the Host the client adds, 'localhost:7777' standing for the test server); the other fields "
           "HttpClient adds (User-Agent, Connection, Accept-Encoding) are left out.")
    add("invalid-method-semicolon", b"GET;POST / HTTP/1.1\r\nHost: localhost:7777\r\n\r\n", "error", [],
        "method 'GET;POST': ';' is not a tchar, so the method is no token (RFC 9110 9.1, RFC 9112 3.1); "
        "Undertow answers 400 too." + rec, src(f, "testInvalidCharacterInMethod"))
    add("invalid-header-name-semicolon", b"GET / HTTP/1.1\r\nHost: localhost:7777\r\nfake;header: value\r\n\r\n",
        "error", [], "field name 'fake;header': ';' is not a tchar, so the name is no token (RFC 9110 5.1, "
        "RFC 9112 5); Undertow answers 400 too." + rec, src(f, "testInvalidCharacterInHeader"))
    add("multiple-content-lengths",
        b"GET / HTTP/1.1\r\nHost: localhost:7777\r\nContent-Length: 0\r\nContent-Length: 10\r\n\r\n", "error", [],
        "two Content-Length field lines with different values (0 and 10): an error (RFC 9112 6.3 rule 5; the "
        "profile: differing values are an error). The test expects 400 but is @Ignore'd because HttpClient "
        "will not send it." + rec, src(f, "testMultipleContentLengths (@Ignore)"))
    add("content-length-and-te",
        b"GET / HTTP/1.1\r\nHost: localhost:7777\r\nContent-Length: 0\r\nTransfer-Encoding: chunked\r\n\r\n", "error", [],
        "Content-Length together with Transfer-Encoding in a request: an error (RFC 9112 6.1 / 6.3 rule 3; the "
        "profile). The test expects 400 but is @Ignore'd because HttpClient will not send it." + rec,
        src(f, "testContentLengthAndTransferEncoding (@Ignore)"))
    add("multiple-transfer-encoding",
        b"GET / HTTP/1.1\r\nHost: localhost:7777\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: gzip, chunked\r\n\r\n",
        "error", [],
        "Transfer-Encoding over two field lines: 'chunked' then 'gzip, chunked' is the list chunked, gzip, "
        "chunked, where chunked is applied twice and is not only final: an error (RFC 9112 6.1: a sender MUST "
        "NOT apply chunked more than once; the profile). The test expects 400 but is @Ignore'd because "
        "HttpClient will not send it." + rec, src(f, "testMultipleTransferEncoding (@Ignore)"))


def skips():
    client = "the request is made by Apache HttpClient and the test checks the handler's application behaviour; no raw bytes"
    for fk, tests in [
        ("server/protocol/http/ContentOverrunTestCase.java", ["testContentOn204", "testContentPastContentLength"]),
        ("server/NewlineInHeadersTestCase.java", ["testNewlineInHeaders"]),
        ("server/EncodedEncodedSlashTestCase.java", ["testSlashNotDecoded", "testSlashDecoded"]),
        ("server/handlers/ChunkedRequestNotConsumedTestCase.java", ["testChunkedRequestNotConsumed"]),
        ("server/handlers/ChunkedRequestTransferCodingTestCase.java", ["testChunkedRequest", "testMaxRequestSizeChunkedRequest"]),
        ("server/handlers/HttpContinueConduitWrappingHandlerTestCase.java",
         ["testHttpContinueRejected", "testHttpContinueAccepted", "testHttpContinueAcceptedWithChunkedRequest"]),
        ("server/handlers/FixedLengthRequestTestCase.java", ["testFixedLengthRequest", "testMaxRequestSizeFixedLengthRequest"]),
        ("server/handlers/HttpContinueTestCase.java", ["testHttpContinueRejected", "testHttpContinueAccepted"]),
        ("server/handlers/ReceiverTestCase.java", ["the HttpClient-based receive tests (doTest / runTest; only the later part of the file was read)"]),
        ("server/handlers/LotsOfHeadersRequestTestCase.java",
         ["testLotsOfHeadersInRequest_Default_Ok", "testLotsOfHeadersInRequest_Default_BadRequest",
          "testLotsOfHeadersInRequest_MaxHeaders_Ok", "testLotsOfHeadersInRequest_MaxHeaders_BadRequest"]),
    ]:
        for t in tests:
            skip(fk, t, client)
    skip("client/http/HttpClientTestCase.java", "(whole file)",
         "Undertow's client against Undertow's server: responses are generated at run time, no raw bytes")
    skip("conduits/ChunkedStreamSinkConduitTest.java", "testChunkedStreamSinkConduit",
         "encoder (sink) test: checks the count of bytes written and flushes, no parser input")


def main():
    target_tests()
    runtest_cases()
    old_simple_parser()
    resume_cases()
    socket_cases()
    skips()
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out = os.path.join(here, "undertow.json")
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))
    for c in CASES:
        c["input"].encode("latin-1")
        assert c["note"], c["id"]
        if c["expect"] == "ok":
            assert c["messages"], c["id"]
    with open(out, "w") as fh:
        json.dump(CASES, fh, ensure_ascii=True, indent=1)
        fh.write("\n")
    if "-v" in sys.argv:
        from collections import Counter
        print("cases", len(CASES), Counter(c["expect"] for c in CASES))
        print("by mode", Counter((c["mode"], c["expect"]) for c in CASES))
        print("derived", sum(1 for c in CASES if "(variant:" in c["source"]),
              Counter(c["expect"] for c in CASES if "(variant:" in c["source"]))
        print("merged duplicates", len(DUPLICATES))
        print("skipped", len(SKIPPED), Counter(r[:40] for _, _, r in SKIPPED))
        print("differs", len(DIFFERS))
        print("peer tests converted", len(TESTS), Counter(f for f, _ in TESTS))
        for cid, why in DIFFERS.items():
            print("  %s: %s" % (cid, why))
    print("wrote %s (%d cases)" % (out, len(CASES)))


if __name__ == "__main__":
    main()
