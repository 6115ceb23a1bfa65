#!/usr/bin/env python3
"""Build tests/corpus/dotnet_httpclient.json: h1wire conformance cases converted
from the functional tests of .NET's HttpClient / SocketsHttpHandler HTTP/1.1
client (https://github.com/dotnet/runtime, MIT licence).

The tests run a loopback server that writes hand-made responses (or builds
them with the LoopbackServer helpers) to test how the client reads them. Only
those response BYTES are taken, with the repository, file, commit and test
name in each case's `source`; no .NET code or prose is copied. Template
responses are expanded for every [InlineData]/[MemberData] row; responses one
connection carries are joined in the order the server writes them.

Two facts of the test helpers decide the bytes:
- the loopback server writes strings with Encoding.ASCII, which turns every
  char above U+007F into `?` (so the C# literal "OK\\x0080" is sent as `OK?`,
  and "\\x1234: \\x5678" as `?: ?`), unless a test gives its own encoding;
- `{DateTimeOffset.UtcNow:R}` is replaced by the fixed date DATE below.

Every expectation is decided by the strict profile (CONFORMANCE.md section 3)
and RFC 9112 / RFC 9110, not by .NET's answer. A small strict reading of the
profile (decode() in common.py, client role; the same reading the undici conversion
uses) computes the messages; every case also states its verdict by hand, and
the script stops if the two disagree.

Usage: dotnet_httpclient_make.py   (no options)
"""
import json
import os
import random
import re

from common import client_verdict

OUT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "dotnet_httpclient.json")
REPO = "dotnet/runtime"
DATE = "Sun, 06 Nov 1994 08:49:37 GMT"

# =====================================================================
# Cases
# =====================================================================

CASES = []
IDS = {}
SEEN = {}
DIFFERS = []      # (id, why)
SKIPPED = {}      # reason -> [test names]
CONVERTED = []    # test sources converted (one per test row / connection)

FT = "src/libraries/System.Net.Http/tests/FunctionalTests/"
CT = "src/libraries/Common/tests/System/Net/Http/"
F = {
    "proto": (CT + "HttpProtocolTests.cs", "05ebb59dbfb8c9db5845a2e03baa8f376c00e86e"),
    "proto-old": (FT + "HttpProtocolTests.cs", "8ddbe2cfa00a51980d86f2fdb65a4d8fe8a66e48"),
    "handler": (CT + "HttpClientHandlerTest.cs", "010c83671de8ba62b7633d2062141a33f27f4316"),
    "headers": (FT + "HttpClientHandlerTest.Headers.cs", "0aeb43fe165d5440b4e56b3c1d8fa9481292b852"),
    "sockets": (FT + "SocketsHttpHandlerTest.cs", "000f104699a6f09484152cfd92534bec53056008"),
    "trailers": ("a test file with class HttpClientHandlerTest_TrailingHeaders_Test (a stored "
                 "copy for which the index gave neither path nor commit)", None),
    "maxheaders": (CT + "HttpClientHandlerTest.MaxResponseHeadersLength.cs", "03d72f7411c47c6fcc0a8842c51755cc43cf9e3f"),
    "respstream": (CT + "ResponseStreamTest.cs", "043a926ba5b923a940fbed019ba9ab98fefa0a1a"),
    "keepalive": (FT + "SocketsHttpHandlerTest.Http1KeepAlive.cs", "141403112b64b0cbc33dd930fb76387ed9cad998"),
    "connect": (FT + "HttpClientHandlerTest.Connect.cs", "3b55b3118fb255010075beb84d511cf5ce5dc48f"),
    "drain": (FT + "HttpClientHandlerTest.ResponseDrain.cs", "3b55b3118fb255010075beb84d511cf5ce5dc48f"),
    "retry": (CT + "HttpRetryProtocolTests.cs", "0aac40ab6bbde2c43778a9d1a0dd9f4e971542b7"),
    "reqretry": (FT + "HttpClientHandlerTest.RequestRetry.cs", "27f79115af2903b8dacafdd36034ae1a84576bad"),
    "zerobyte": (FT + "ResponseStreamZeroByteReadTests.cs", "03fbb885d6d787b295f1ba5efec8039bfed240f9"),
    "loopback": (CT + "LoopbackServer.cs", "005d497587a328b1feab20ef0f4e07b13f6d683a"),
}


def src(key, test, variant=None, helper=False):
    path, commit = F[key]
    if commit:
        s = "%s %s@%s: %s" % (REPO, path, commit[:12], test)
    else:
        s = "%s, %s: %s" % (REPO, path, test)
    if helper:
        lp, lc = F["loopback"]
        s += " (response built by the LoopbackServer helpers, %s@%s)" % (lp, lc[:12])
    if variant:
        s += " (variant: %s)" % variant
    return s


def add(slug, inp, verdict, note, source, methods=(), differs=None, force_either=None, rows=1):
    """rows: how many test sources (InlineData rows / connections) this call converts."""
    if isinstance(inp, str):
        inp = inp.encode("latin-1")
    CONVERTED.append((slug, rows))
    cid = "dotnet_httpclient-" + slug
    key = (inp, tuple(methods))
    if key in SEEN:
        case = SEEN[key]
        assert case["expect"] == verdict, (cid, case["id"])
        case["source"] += "; the same bytes in " + source
        return case
    assert cid not in IDS, cid
    msgs, computed, err, eithers = client_verdict(cid, inp, methods)
    if force_either:
        # the profile's reading is `either` for a reason decode() does not model
        assert computed == "ok", (cid, computed, err)
        computed = "either"
        note = note + " (either: " + force_either + ")"
    assert computed == verdict, (cid, computed, verdict, err, eithers)
    if differs:
        note = "differs from .NET: " + differs + ". " + note
        DIFFERS.append((cid, differs))
    case = {"id": cid, "mode": "response", "methods": list(methods),
            "input": inp.decode("latin-1"), "expect": verdict,
            "messages": msgs, "note": note, "source": source}
    IDS[cid] = case
    SEEN[key] = case
    CASES.append(case)
    return case


def skip(reason, test, n=1):
    SKIPPED.setdefault(reason, []).append((test, n))


SAME = "same verdict as .NET"
SAME_ERR = "same verdict as .NET (HttpRequestException)"
EOS_CLOSE = ("no Content-Length and no Transfer-Encoding: the body is delimited by end of "
             "stream (RFC 9112 6.3 rule 8), which the dump signals")
BARE_LF = ("a bare LF ends a line; the profile requires CRLF (RFC 9112 2.2 lets a recipient "
           "accept a lone LF, the strict profile does not: 'Lines end in CRLF. A bare LF ... "
           "is an error')")
BARE_LF_DIFF = ".NET accepts LF as a line terminator and reads the response"
STATUS_LINE = "RFC 9112 4: status-line = HTTP-version SP status-code SP [ reason-phrase ]"


def ascii_wire(s):
    """Encoding.ASCII.GetBytes as the loopback server sends strings."""
    return "".join(c if ord(c) < 0x80 else "?" for c in s)


def helper_resp(status=200, reason="OK", extra="", content=None, close=False):
    """LoopbackServer.GetHttpResponse"""
    body = content or ""
    return ("HTTP/1.1 %d %s\r\n" % (status, reason) + ("Connection: close\r\n" if close else "")
            + "Date: %s\r\n" % DATE + "Content-Length: %d\r\n" % len(body) + extra + "\r\n" + body)


def generic_resp(status=200, reason="OK", headers=(), content=""):
    """LoopbackServer.Connection.SendResponseAsync(statusCode, IList<HttpHeaderData>, content)"""
    has_cl = any(n.lower() == "content-length" for n, v in headers)
    chunked = any(n.lower() == "transfer-encoding" and v is not None and v.lower() == "chunked"
                  for n, v in headers)
    out = "HTTP/1.1 %d %s\r\n" % (status, reason)
    if not has_cl and not chunked and content is not None:
        out += "Content-length: %d\r\n" % len(content)
    for n, v in headers:
        if v is None:
            continue
        out += "%s: %s\r\n" % (n, v)
    out += "\r\n"
    return out + (content or "")


def handle_request(headers=(), content="", status=200, reason="OK"):
    """LoopbackServer.Connection.HandleRequestAsync: adds Connection: Close and Date"""
    hs = list(headers) + [("Connection", "Close")]
    if not any(n.lower() == "date" for n, v in headers):
        hs.append(("Date", DATE))
    return generic_resp(status, reason, hs, content)


def content_mode(mode, content, close=False):
    """LoopbackServer.GetContentModeResponse"""
    head = "HTTP/1.1 200 OK\r\n" + ("Connection: close\r\n" if close else "") + "Date: %s\r\n" % DATE
    if mode == "ContentLength":
        return head + "Content-Length: %d\r\n\r\n" % len(content) + content
    if mode == "SingleChunk":
        return (head + "Transfer-Encoding: chunked\r\n\r\n"
                + ("%X\r\n%s\r\n" % (len(content), content) if content else "") + "0\r\n\r\n")
    if mode == "BytePerChunk":
        return (head + "Transfer-Encoding: chunked\r\n\r\n"
                + "".join("1\r\n%s\r\n" % c for c in content) + "0\r\n\r\n")
    raise ValueError(mode)


DEFAULT_CLOSE = helper_resp(extra="Connection: close\r\n")  # AcceptConnectionSendResponseAndCloseAsync()

# ===================================================== HttpProtocolTests.cs

add("default-response", DEFAULT_CLOSE, "ok",
    "the loopback server's default response (LoopbackServer.AcceptConnectionSendResponseAndCloseAsync: "
    "Date, Content-Length: 0, Connection: close); these tests check the request the client sends; " + SAME,
    src("proto", "GetAsync_RequestVersion10_Success, GetAsync_RequestVersion11_Success, "
        "GetAsync_PlainHttpRequestOnVersion20Or30_DegradesTo11 (2 rows), CustomMethod_SentUppercasedIfKnown "
        "(9 rows other than HEAD)", helper=True), rows=13)
add("default-response-to-head", DEFAULT_CLOSE, "ok",
    "the default response answering a HEAD request: no body whatever Content-Length says "
    "(RFC 9112 6.3 rule 1); " + SAME,
    src("proto", "CustomMethod_SentUppercasedIfKnown(\"head\", \"HEAD\")", helper=True), methods=["HEAD"])

for minor in (0, 1):
    add("response-version-1-%d" % minor,
        "HTTP/1.%d 200 OK\r\nConnection: close\r\nDate: %s\r\nContent-Length: 0\r\n\r\n" % (minor, DATE), "ok",
        "an HTTP/1.%d status-line; %s" % (minor, SAME),
        src("proto", "GetAsync_ResponseVersion10or11_Success(%d)" % minor))

for minor in (2, 7):
    add("response-version-1-%d" % minor,
        "HTTP/1.%d 200 OK\r\nConnection: close\r\nDate: %s\r\nContent-Length: 0\r\n\r\n" % (minor, DATE), "error",
        "status-line version HTTP/1.%d: the profile accepts only HTTP/1.0 and HTTP/1.1 ('any other "
        "HTTP/x.y is an error'); RFC 9110 6.2 lets a recipient treat a higher minor version as the "
        "highest it supports, the strict profile does not" % minor,
        src("proto", "GetAsync_ResponseUnknownVersion1X_Success(%d)" % minor),
        differs=".NET accepts HTTP/1.%d and reports version 1.%d" % (minor, minor))

for major, minor in ((0, 0), (0, 1), (0, 9), (2, 0), (2, 1), (3, 0), (4, 2)):
    add("bad-response-version-%d-%d" % (major, minor),
        "HTTP/%d.%d 200 OK\r\nConnection: close\r\nDate: %s\r\nContent-Length: 0\r\n\r\n" % (major, minor, DATE),
        "error",
        "status-line version HTTP/%d.%d is not HTTP/1.0 or HTTP/1.1 (profile: any other HTTP/x.y is an "
        "error); %s" % (major, minor, SAME_ERR),
        src("proto", "GetAsyncVersion11_BadResponseVersion_ThrowsOr00(%d, %d)" % (major, minor)))


def success_helper(status_line):
    return ascii_wire(status_line) + "\r\nConnection: close\r\nDate: %s\r\nContent-Length: 0\r\n\r\n" % DATE


STATUS_OK = [
    ("HTTP/1.1 200 OK", "200-ok"), ("HTTP/1.1 200 Sure why not?", "200-sure-why-not"),
    ("HTTP/1.1 200 OK\u0080", "200-ok-x0080"), ("HTTP/1.1 200 O K", "200-o-sp-k"),
    ("HTTP/1.1 201 Created", "201"), ("HTTP/1.1 202 Accepted", "202"),
    ("HTTP/1.1 299 This is not a real status code", "299"), ("HTTP/1.1 345 redirect to nowhere", "345"),
    ("HTTP/1.1 400 Bad Request", "400"), ("HTTP/1.1 500 Internal Server Error", "500"),
    ("HTTP/1.1 555 we just don't like you", "555"), ("HTTP/1.1 600 still valid", "600"),
]
for line, slug in STATUS_OK:
    extra = ""
    if "\u0080" in line:
        extra = (" (the C# literal is \"OK\\x0080\"; the loopback server encodes with ASCII, so the "
                 "byte sent is `?` and the reason is `OK?`, which .NET also expects)")
    add("status-" + slug, success_helper(line), "ok",
        "status-line %r: 3-digit status, SP, reason (any VCHAR/SP/HTAB); %s%s" % (
            ascii_wire(line), STATUS_LINE, "; " + SAME + extra),
        src("proto", "GetAsync_ExpectedStatusCodeAndReason_Success(%r)" % line))

add("status-reason-only-spaces", success_helper("HTTP/1.1 200      "), "ok",
    "reason phrase of five SP after the SP that follows the status code; the reason is everything "
    "after that SP, untrimmed (profile), so it is five spaces; " + SAME + " (it keeps the spaces)",
    src("proto", "GetAsync_ExpectedStatusCodeAndReason_PlatformBehaviorTest(\"HTTP/1.1 200      \")"))
add("status-reason-leading-spaces", success_helper("HTTP/1.1 200      Something"), "ok",
    "reason `     Something` (leading spaces kept, profile: untrimmed); " + SAME,
    src("proto", "GetAsync_ExpectedStatusCodeAndReason_PlatformBehaviorTest(\"HTTP/1.1 200      Something\")"))
add("status-no-sp-no-reason", success_helper("HTTP/1.1 200"), "error",
    "status-line `HTTP/1.1 200` without the SP before the (empty) reason: the profile says the SP "
    "may not be left out (" + STATUS_LINE + "; the SP is not optional)",
    src("proto", "GetAsync_StatusLineNotFollowRFC_SuccessOnCore(\"HTTP/1.1 200\")"),
    differs=".NET accepts it with an empty reason")
add("status-reason-tab", success_helper("HTTP/1.1 200 O\tK"), "ok",
    "HTAB inside the reason is allowed (reason-phrase = 1*( HTAB / SP / VCHAR / obs-text )); " + SAME,
    src("proto", "GetAsync_StatusLineNotFollowRFC_SuccessOnCore(\"HTTP/1.1 200 O\\tK\")"))
add("status-reason-tabs-spaces", success_helper("HTTP/1.1 200 O    \t\t  \t\t\t\t  \t K"), "ok",
    "runs of SP and HTAB inside the reason are kept as they are; " + SAME,
    src("proto", "GetAsync_StatusLineNotFollowRFC_SuccessOnCore(\"HTTP/1.1 200 O    \\t\\t...K\")"))


def throws_helper(s):
    return s + "\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"


INVALID = [
    ("HTTP/1.1 2345", "2345", "four-digit status"),
    ("HTTP/A.1 200 OK", "http-a-1", "version HTTP/A.1 is not HTTP-version"),
    ("HTTP/X.Y.Z 200 OK", "http-x-y-z", "version HTTP/X.Y.Z is not HTTP-version"),
    ("HTTP/0.1 200 OK", "http-0-1", "version HTTP/0.1 is neither HTTP/1.0 nor HTTP/1.1"),
    ("HTTP/3.5 200 OK", "http-3-5", "version HTTP/3.5 is neither HTTP/1.0 nor HTTP/1.1"),
    ("HTTP/1.12 200 OK", "http-1-12", "HTTP-version has one digit after the dot"),
    ("HTTP/12.1 200 OK", "http-12-1", "HTTP-version has one digit before the dot"),
    ("HTTP/1.1 200 O\rK", "reason-cr", "a CR not followed by LF inside the line is an error (profile; RFC 9112 2.2)"),
    ("HTTP/1.A 200 OK", "http-1-a", "version HTTP/1.A is not HTTP-version"),
    ("HTTP/1.1 ", "no-status", "no status code"),
    ("HTTP/1.1 !11", "status-bang11", "status code `!11` is not 3DIGIT"),
    ("HTTP/1.1 a11", "status-a11", "status code `a11` is not 3DIGIT"),
    ("HTTP/1.1 abc", "status-abc", "status code `abc` is not 3DIGIT"),
    ("HTTP/1.1\t\t", "version-tab-tab", "HTAB instead of SP after the version, and no status"),
    ("HTTP/1.1\t", "version-tab", "HTAB instead of SP after the version, and no status"),
    ("HTTP/1.1  ", "version-sp-sp", "two SP and no status"),
    ("HTTP/1.1 200OK", "200ok", "no SP between status code and reason"),
    ("HTTP/1.1 20c", "status-20c", "status code `20c` is not 3DIGIT"),
    ("HTTP/1.1 23", "status-23", "two-digit status"),
    ("HTTP/1.1 2bc", "status-2bc", "status code `2bc` is not 3DIGIT"),
    ("NOTHTTP/1.1", "nothttp", "not a status-line"),
    ("HTTP 1.1 200 OK", "http-sp-1-1", "`HTTP 1.1` is not HTTP-version"),
    ("ABCD/1.1 200 OK", "abcd-1-1", "HTTP-name must be `HTTP`"),
    ("HTTP/1.1", "version-only", "version only, no SP, status or reason"),
    ("HTTP\\1.1 200 OK", "http-backslash", "`HTTP\\1.1` is not HTTP-version"),
    ("NOTHTTP/1.1 200 OK", "nothttp-200", "HTTP-name must be `HTTP`"),
]
for line, slug, why in INVALID:
    add("invalid-status-" + slug, throws_helper(line), "error",
        "status-line %r: %s (%s); %s" % (line, why, STATUS_LINE, SAME_ERR),
        src("proto", "GetAsync_InvalidStatusLine_ThrowsException(%r)" % line))

add("status-reason-bare-lf", success_helper("HTTP/1.1 200 O\n"), "error",
    "the status-line `HTTP/1.1 200 O` ends in a bare LF, followed by the helper's `\\r\\n` (an empty "
    "line); " + BARE_LF,
    src("proto", "GetAsync_ReasonPhraseHasLF_BehaviorDifference"),
    differs=".NET ends the status-line at the LF (reason `O`), takes the following CRLF as the end of "
            "the head and reads the rest to end of stream as the body")
for line, slug in (("HTTP/1.1\t200 OK", "tab-before-status"), ("HTTP/1.1 200\tOK", "tab-before-reason"),
                   ("HTTP/1.1 200\t", "tab-after-status")):
    add("invalid-status-" + slug, throws_helper(line), "error",
        "status-line %r: the separators of the status-line are single SP, never HTAB (%s); %s" % (
            line, STATUS_LINE, SAME_ERR),
        src("proto", "GetAsync_InvalidStatusLine_ThrowsExceptionOnSocketsHttpHandler(%r)" % line))

NORMAL = "HTTP/1.1 200 OK\nConnection: close\nDate: {DateTimeOffset.UtcNow:R}\nServer: TestServer\nContent-Length: 0\n\n"
add("line-endings-crlf", NORMAL.replace("\n", "\r\n"), "ok",
    "CRLF line ends; the Date value is the literal text `{DateTimeOffset.UtcNow:R}` (the test's string "
    "is not interpolated), a valid field value; " + SAME,
    src("proto", "GetAsync_ResponseHasNormalLineEndings_Success(\"\\r\\n\")"))
add("line-endings-lf", NORMAL, "error",
    "the whole head uses bare LF line ends; " + BARE_LF,
    src("proto", "GetAsync_ResponseHasNormalLineEndings_Success(\"\\n\")"), differs=BARE_LF_DIFF)


def varying_chunks(max_chunk, le):
    rnd = random.Random(42)
    data = bytes(rnd.randrange(256) for _ in range(2000))
    out = b"HTTP/1.1 200 OK" + le + b"Transfer-Encoding: chunked" + le + le
    sent = 0
    while sent < len(data):
        rem = len(data) - sent
        n = rnd.randint(1, max(1, min(rem, max_chunk)))
        out += b"%X" % n + le + data[sent:sent + n] + le
        sent += n
    return out + b"0" + le + le


for mc in (1, 10000):
    for le, lname in ((b"\r\n", "crlf"), (b"\n", "lf")):
        row = "GetAsync_Chunked_VaryingSizeChunks_ReceivedCorrectly(%d, %s, false/true)" % (
            mc, "\"\\r\\n\"" if lname == "crlf" else "\"\\n\"")
        var = ("2000 bytes of data instead of 100000, data and chunk sizes drawn from Python's "
               "random.Random(42) instead of .NET's Random(42)")
        if lname == "crlf":
            add("varying-chunks-max%d-crlf" % mc, varying_chunks(mc, le), "ok",
                "a chunked body of %s chunks (upper-case hex sizes), arbitrary bytes as data; %s" % (
                    "one-byte" if mc == 1 else "random-size", SAME),
                src("proto", row, var), rows=2)
        else:
            add("varying-chunks-max%d-lf" % mc, varying_chunks(mc, le), "error",
                "the same chunked response with bare LF line ends in the head, after each chunk-size and "
                "after each chunk's data; " + BARE_LF + "; chunk-data must be followed by exactly CRLF "
                "(RFC 9112 7.1)",
                src("proto", row, var), differs=BARE_LF_DIFF + " and chunk lines", rows=2)

# ===================================================== HttpClientHandlerTest.cs (Common)

INVALID_HEADERS = [
    (":", "colon-only", "an empty field name (`:` alone) is not a token"),
    ("\u1234: \u5678", "non-ascii-name", "the C# literal \"\\x1234: \\x5678\" is sent through Encoding.ASCII as "
     "`?: ?`; `?` is not a tchar, so the field name is not a token"),
    ("nocolon", "no-colon", "a field line without a colon"),
    ("no colon", "no-colon-space", "a field line without a colon"),
    ("Content-Length      ", "name-spaces-no-colon", "a field line without a colon"),
]
for h, slug, why in INVALID_HEADERS:
    add("invalid-header-" + slug,
        "HTTP/1.1 200 OK\r\n%s\r\nContent-Length: 11\r\n\r\nhello world" % ascii_wire(h), "error",
        "%s (RFC 9110 5.1, RFC 9112 5: field-line = field-name \":\" OWS field-value OWS); %s" % (why, SAME_ERR),
        src("handler", "GetAsync_InvalidHeaderNameValue_ThrowsHttpRequestException(%r)" % h))

add("incomplete-head", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n", "error",
    "the stream ends inside the head (no empty line): incomplete at end of stream; " + SAME_ERR,
    src("handler", "GetAsync_IncompleteData_ThrowsHttpRequestException(failDuringHeaders: true, getString: false/true)"),
    rows=2)
add("incomplete-body", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhe", "error",
    "Content-Length: 5 but only 2 body bytes before end of stream: incomplete (RFC 9112 6.3 rule 5, "
    "8); " + SAME_ERR,
    src("handler", "GetAsync_IncompleteData_ThrowsHttpRequestException(failDuringHeaders: false, getString: false/true)"),
    rows=2)

MANY = [
    ("Access-Control-Allow-Origin:{fold} *", None), ("Access-Control-Expose-Headers:{fold} *", None),
    ("Accept-Patch:{fold} text/example;charset=utf-8", None), ("Accept-Ranges:{fold} bytes", None),
    ("Age: {fold}12", None), ("Authorization: Bearer 63123a47139a49829bcd8d03005ca9d7", None),
    ("Allow: {fold}GET, HEAD", None), ("Alt-Svc:{fold} http/1.1=\"http2.example.com:8001\"; ma=7200", None),
    ("Cache-Control: {fold}max-age=3600", None), ("Connection:{fold} close", None),
    ("Content-Disposition: {fold}attachment;{fold} filename=\"fname.ext\"", None),
    ("Content-Encoding: {fold}gzip", None), ("Content-Language:{fold} da", None),
    ("Content-Location: {fold}/index.htm", None), ("Content-MD5:{fold} Q2hlY2sgSW50ZWdyaXR5IQ==", None),
    ("Content-Range: {fold}bytes {fold}21010-47021/47022", None),
    ("Content-Type: text/html;{fold} charset=utf-8", None), ("Date: Tue, 15 Nov 1994{fold} 08:12:31 GMT", None),
    ("ETag: {fold}\"737060cd8c284d8af7ad3082f209582d\"", None),
    ("Expires: Thu,{fold} 01 Dec 1994 16:00:00 GMT", None),
    ("Last-Modified:{fold} Tue, 15 Nov 1994 12:45:26 GMT", None), ("Link:{fold} </feed>; rel=\"alternate\"", None),
    ("Location:{fold} http://www.w3.org/pub/WWW/People.html", None),
    ("P3P: {fold}CP=\"This is not a P3P policy!\"", None), ("Pragma: {fold}no-cache", None),
    ("Proxy-Authenticate:{fold} Basic", None),
    ("Public-Key-Pins:{fold} max-age=2592000; pin-sha256=\"E9CZ9INDbd+2eRQozYqqbQ2yXLVKB9+xcprMF+44U1g=\"", None),
    ("Retry-After: {fold}120", None), ("Server: {fold}Apache/2.4.1{fold} (Unix)", None),
    ("Set-Cookie: {fold}UserID=JohnDoe; Max-Age=3600; Version=1", None),
    ("Strict-Transport-Security: {fold}max-age=16070400; includeSubDomains", None),
    ("Trailer: {fold}Max-Forwards", None), ("Tk: {fold}?", None),
    ("Upgrade: HTTPS/1.3,{fold} IRC/6.9,{fold} RTA/x11, {fold}websocket", None),
    ("Vary:{fold} Accept-Language", None), ("Via:{fold} 1.0 fred, 1.1 example.com{fold} (Apache/1.1)", None),
    ("Warning:{fold} 199 - \"Miscellaneous warning\" \"Wed, 21 Oct 2015 07:28:00 GMT\"", None),
    ("WWW-Authenticate: {fold}Basic", None), ("X-Frame-Options: {fold}deny", None),
    ("X-WebKit-CSP: default-src 'self'", None),
    ("Refresh: {fold}5; url=http://www.w3.org/pub/WWW/People.html", None),
    ("Server-Timing: serveroperat{fold}ion;dur=1.23", None), ("Status: {fold}200 OK", None),
    ("Timing-Allow-Origin: {fold}<origin>[, <origin>]*", None), ("Upgrade-Insecure-Requests:{fold} 1", None),
    ("X-Content-Duration:{fold} 42.666", None), ("X-Content-Type-Options: {fold}nosniff", None),
    ("X-Powered-By: {fold}PHP/5.4.0", None), ("X-Request-ID:{fold} f058ebd6-02f7-4d3f-942e-904344e8cde5", None),
    ("X-UA-Compatible: {fold}IE=EmulateIE7", None), ("X-XSS-Protection:{fold} 1; mode=block", None),
]


def many_headers(nl, fold):
    return "HTTP/1.1 200 OK" + nl + "".join(l.replace("{fold}", fold) + nl for l, _ in MANY) + nl


for nl, nlname in (("\r\n", "crlf"), ("\n", "lf")):
    for fold, fname in (("", "nofold"), (nl + " ", "fold-sp"), (nl + "\t", "fold-tab"), (nl + "    ", "fold-4sp")):
        row = "GetAsync_ManyDifferentResponseHeaders_ParsedCorrectly(newline %s, fold %s, dribble false/true)" % (
            "\"\\r\\n\"" if nl == "\r\n" else "\"\\n\"", repr(fold))
        if nl == "\n":
            add("many-headers-lf-" + fname, many_headers(nl, fold), "error",
                "53 response fields with bare LF line ends%s; %s" % (
                    "" if not fold else " and obs-fold continuation lines", BARE_LF),
                src("handler", row), differs=BARE_LF_DIFF, rows=2)
        elif not fold:
            add("many-headers-crlf-nofold", many_headers(nl, fold), "ok",
                "53 response fields (from Wikipedia's list), CRLF line ends, no Content-Length: " + EOS_CLOSE +
                " (empty body); " + SAME, src("handler", row), rows=2)
        else:
            add("many-headers-crlf-" + fname, many_headers(nl, fold), "ok",
                "53 response fields, most of them with obs-fold (CRLF followed by %s) inside or at the start "
                "of the value; the profile accepts obs-fold in responses and reads each fold as one SP "
                "(RFC 9112 5.2), so `serveroperat\\r\\n ion` reads `serveroperat ion`; obs-fold = OWS CRLF RWS, so the SP "
                "before the CRLF belongs to the fold and `Content-Range: \\r\\n bytes \\r\\n 21010-...` reads "
                "`bytes 21010-47021/47022` with one SP (a first version of this case expected two SP, "
                "forgetting the OWS in the obs-fold rule; h1wire's answer showed the mistake); no Content-Length: %s; %s" % (
                    {"fold-sp": "one SP", "fold-tab": "one HTAB", "fold-4sp": "four SP"}[fname], EOS_CLOSE, SAME),
                src("handler", row), rows=2)

add("chunk-size-trailing-ws", "HTTP/1.1 200 OK\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n"
    "4    \r\ndata\r\n5;somekey=somevalue\r\nhello\r\n7\t ;chunkextension\r\nnetcore\r\n0\r\n\r\n", "error",
    "the first chunk-size line is `4` followed by four SP and no extension; the profile: 'whitespace "
    "after the size with no extension is an error' (RFC 9112 7.1: chunk = chunk-size [ chunk-ext ] CRLF, "
    "BWS only around `;`). The later lines (an extension with a value, HTAB/SP before `;`) are valid",
    src("handler", "GetAsync_NonTraditionalChunkSizes_Accepted"),
    differs=".NET accepts whitespace after the chunk size and reads `datahellonetcore`")
add("chunk-ext-bws", "HTTP/1.1 200 OK\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n"
    "4\r\ndata\r\n5;somekey=somevalue\r\nhello\r\n7\t ;chunkextension\r\nnetcore\r\n0\r\n\r\n", "ok",
    "derived: the same response without the spaces after the first chunk size, so that the case tests "
    "the chunk extensions: `;somekey=somevalue` and `\\t ;chunkextension` (BWS before `;` is allowed, "
    "RFC 9112 7.1.1); the body is `datahellonetcore`; " + SAME,
    src("handler", "GetAsync_NonTraditionalChunkSizes_Accepted", "the four SP after the first chunk size removed"))

for cs, slug, why in (("", "empty", "an empty chunk-size line (missing size)"),
                      ("    ", "spaces", "a chunk-size line of spaces only"),
                      ("10000000000000000", "overflow", "17 hex digits: 2^64, which does not fit u64 (profile: "
                       "chunk-size fits u64); the test leaves the connection open after this line, so even a "
                       "decoder that took the size would end in `incomplete` here"),
                      ("xyz", "non-hex", "`xyz` is not HEXDIG"),
                      ("7gibberish", "gibberish", "`7gibberish`: a size followed by bytes that are neither `;` nor CRLF"),
                      ("7\x0b\x0c", "vt-ff", "VT and FF after the size are not BWS")):
    add("invalid-chunk-size-" + slug,
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n%s\r\n" % cs, "error",
        "%s (RFC 9112 7.1: chunk-size = 1*HEXDIG); %s" % (why, SAME_ERR),
        src("handler", "GetAsync_InvalidChunkSize_ThrowsHttpRequestException(%r)" % cs))

add("chunk-missing-crlf", "HTTP/1.1 200 OK\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n"
    "5\r\nhello0\r\n\r\n", "error",
    "chunk data `hello` is followed by `0\\r` instead of CRLF (RFC 9112 7.1: chunk-data CRLF); " + SAME_ERR,
    src("handler", "GetAsync_InvalidChunkTerminator_ThrowsHttpRequestException"))
add("chunk-size-infinite-spaces", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + " " * 20000, "error",
    "after a chunked head the server sends SP bytes forever (here two of its 10000-byte writes): no "
    "chunk-size, and the line passes the 4 KiB chunk-size-line limit; " + SAME_ERR,
    src("handler", "GetAsync_InfiniteChunkSize_ThrowsHttpRequestException",
        "the endless stream cut after two 10000-byte writes"))
add("content-length-short-slow", "HTTP/1.1 200 OK\r\nDate: %s\r\nContent-Length: 16000\r\n\r\nless than 16000 bytes" % DATE,
    "error",
    "Content-Length: 16000 but 21 body bytes before the end of the input; the test keeps the connection "
    "open and only checks that a partial read returns, the dump signals end of stream: incomplete",
    src("handler", "SendAsync_ReadFromSlowStreamingServer_PartialDataReturned"))

add("well-behaved-stream-chunked", generic_resp(headers=[("Transfer-Encoding", "chunked")])
    + "3\r\nhel\r\n8\r\nlo world\r\n0\r\n\r\n", "ok",
    "chunked body `hello world` in two chunks; " + SAME,
    src("handler", "ReadAsStreamAsync_HandlerProducesWellBehavedResponseStream(chunked: true, ...)", helper=True),
    rows=2)
add("well-behaved-stream-length", generic_resp(headers=[("Content-Length", "11")], content="hello world"), "ok",
    "Content-Length: 11 body; " + SAME,
    src("handler", "ReadAsStreamAsync_HandlerProducesWellBehavedResponseStream(chunked: false, ...)", helper=True),
    rows=2)
add("well-behaved-stream-close", generic_resp(headers=[("Content-Length", None)], content="hello world"), "ok",
    "a head with no framing field, then `hello world`: " + EOS_CLOSE + "; " + SAME,
    src("handler", "ReadAsStreamAsync_HandlerProducesWellBehavedResponseStream(chunked: null, ...)", helper=True))

for code in (99, 1000):
    add("status-code-%d" % code,
        "HTTP/1.1 %d\r\nDate: %s\r\nConnection: close\r\n\r\n" % (code, DATE), "error",
        "status `%d` is not 3DIGIT, and no SP follows it (%s); %s" % (code, STATUS_LINE, SAME_ERR),
        src("handler", "GetAsync_StatusCodeOutOfRange_ExpectedException(%d)" % code))

EXPECTED = "Hello, expecting and continuing world."
add("100-continue-then-200", generic_resp(100, "Continue") + generic_resp(headers=[("Content-Length", str(len(EXPECTED)))])
    + EXPECTED, "ok",
    "a 100 Continue (with `Content-length: 0`, which a 1xx ignores: RFC 9112 6.3 rule 1) then the 200 "
    "with a 38-byte body; the 1xx is a message of its own; " + SAME,
    src("handler", "GetAsync_ExpectContinueTrue_NoContent_StillSendsHeader", helper=True))

INTERIM = [(100, "Continue"), (102, "Processing"), (103, ""), (150, ""), (180, ""), (199, "")]
for code, reason in INTERIM:
    r1 = generic_resp(code, reason, [("Cookie", "ignore_cookie=choco1"), ("Content-type", "text/xml"),
                                     ("Set-Cookie", "hello=world")])
    r2 = generic_resp(code, reason, [("Cookie", "ignore_cookie=choco2"), ("Content-type", "text/plain"),
                                     ("Set-Cookie", "net=core")])
    r3 = generic_resp(200, "OK", [("Cookie", "yummy_cookie=choco"), ("Content-type", "text/html"),
                                  ("Set-Cookie", "theme=light")])
    add("interim-%d-with-headers" % code, r1 + r2 + r3, "ok",
        "two %d responses%s carrying fields, then the final 200, answering one POST; each 1xx is a "
        "message of its own without body (RFC 9112 6.3 rule 1, RFC 9110 15.2); %s (it drops the "
        "interim responses' fields)" % (code, "" if reason else " with an empty reason (`HTTP/1.1 %d \\r\\n`)" % code, SAME),
        src("handler", "SendAsync_1xxResponsesWithHeaders_InterimResponsesHeadersIgnored(%d)" % code, helper=True),
        methods=["POST"])
    add("interim-%d-x3" % code, generic_resp(code, reason) * 3 + generic_resp(), "ok",
        "three %d responses, then a 200, answering one POST that did not ask for 100-continue; the 1xx "
        "responses are messages of their own; %s (it drops them)" % (code, SAME),
        src("handler", "SendAsync_Unexpected1xxResponses_DropAllInterimResponses(%d)" % code, helper=True),
        methods=["POST"])
add("100-continue-x4", generic_resp(100, "Continue") * 4 + generic_resp(), "ok",
    "four 100 Continue responses, then a 200, answering one POST; " + SAME,
    src("handler", "SendAsync_MultipleExpected100Responses_ReceivesCorrectResponse", helper=True), methods=["POST"])
add("no-100-final-with-body", generic_resp(headers=[("Content-Length", "8")]) + "response", "ok",
    "the final response to an Expect: 100-continue POST comes without any 100; " + SAME,
    src("handler", "SendAsync_No100ContinueReceived_RequestBodySentEventually", helper=True), methods=["POST"])
add("101-switching-protocols",
    "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n", "ok",
    "a 101 response: framing upgrade, nothing after its head is HTTP (RFC 9112 6.3 rule 1, RFC 9110 "
    "15.2.2); " + SAME + " (it returns 101 as the final response)",
    src("handler", "SendAsync_101SwitchingProtocolsResponse_Success"))
add("405-custom-reason", "HTTP/1.1 405 Custom description\r\nContent-Length: 0\r\n\r\n", "ok",
    "a non-standard reason phrase; " + SAME,
    src("handler", "GetAsync_CallMethod_ExpectedStatusLine(MethodNotAllowed, \"Custom description\")"))
add("405-empty-reason", "HTTP/1.1 405 \r\nContent-Length: 0\r\n\r\n", "ok",
    "an empty reason after the SP (allowed: the SP is there); " + SAME,
    src("handler", "GetAsync_CallMethod_ExpectedStatusLine(MethodNotAllowed, \"\")"))

# ===================================================== HttpClientHandlerTest.Headers.cs

rnd = random.Random(42)
for name, n in (("Content-Security-Policy", 4618), ("RandomCustomHeader", 12345)):
    value = "".join(rnd.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(n))
    add("large-header-%d" % n, handle_request([(name, value)], content="hello world"), "ok",
        "one %d-byte field value (under the 16 KiB line limit and the 64 KiB head limit), then an "
        "11-byte body; %s" % (n, SAME),
        src("headers", "GetAsync_LargeHeader_Success(%r, %d)" % (name, n),
            "the value's letters drawn from Python's random.Random(42) instead of .NET's Random(42)", helper=True))
add("empty-header-value", generic_resp(headers=[("Date", DATE), ("x-empty", ""), ("x-last", "bye")]), "ok",
    "a field with an empty value (`x-empty: ` with a trailing SP, which is OWS); " + SAME,
    src("headers", "GetAsync_EmptyResponseHeader_Success", helper=True))
for v in ("Thu, 01 Dec 1994 16:00:00 GMT", "-1", "0"):
    add("expires-" + re.sub(r"[^a-z0-9]+", "-", v.lower()).strip("-"), handle_request([("Expires", v)]), "ok",
        "an Expires field `%s` (an invalid date is a field semantics matter, not framing); %s" % (v, SAME),
        src("headers", "SendAsync_Expires_Success(%r)" % v, helper=True))
add("accept-encoding-in-response", handle_request([("Accept-Encoding", "identity,gzip")]), "ok",
    "a request field name in a response is still a valid field; " + SAME,
    src("headers", "SendAsync_RequestHeaderInResponse_Success(\"Accept-Encoding\", \"identity,gzip\")", helper=True))
add("zero-length-header-name", handle_request([("", "foo")]), "error",
    "a field line `: foo` with an empty name (field-name = token, 1*tchar); " + SAME_ERR,
    src("headers", "SendAsync_WithZeroLengthHeaderName_Throws", helper=True))

NON_ASCII = [
    ("foo", "ascii", ", ", ["bar"]),
    ("header-0", "utf-8", ", ", ["\U0001F603", "\U0001F648\U0001F649\U0001F64A"]),
    ("Cache-Control", "utf-8", ", ", ["no-cache"]),
    ("header-1", "utf-8", ", ", ["\U0001F603"]),
    ("Some-Header1", "latin-1", ", ", ["\U0001F603", "UTF8-best-fit-to-latin1"]),
    ("Some-Header2", "latin-1", ", ", ["\u00FF", "\u00C4nd", "Ascii\u00A9"]),
    ("Some-Header3", "ascii", ", ", ["\u00FF", "\u00C4nd", "Ascii\u00A9", "Latin1-best-fit-to-ascii"]),
    ("header-2", "utf-8", ", ", ["\U0001F648\U0001F649\U0001F64A"]),
    ("header-3", "utf-8", ", ", ["\uFFFD"]),
    ("header-4", "utf-8", ", ", ["\U0001F648\U0001F649\U0001F64A", "\U0001F603"]),
    ("Cookie", "utf-8", "; ", ["Cookies", "\U0001F36A", "everywhere"]),
    ("Set-Cookie", "utf-8", ", ", ["\U0001F1F8\U0001F1EE"]),
    ("header-5", "utf-8", ", ", ["\U0001F648\U0001F649\U0001F64A", "foo", "\U0001F603", "bar"]),
    ("bar", "utf-8", ", ", ["foo"]),
    ("Location", "latin-1", ", ", ["\u00D0\u00A4"]),
]
na = [(n, sep.join(vals).encode(enc, "replace").decode("latin-1")) for n, enc, sep, vals in NON_ASCII]
add("non-ascii-header-values", handle_request(na), "ok",
    "field values holding UTF-8 and Latin-1 bytes (0x80-0xFF are obs-text, allowed in a value: RFC 9110 "
    "5.5), and `?` where the test's encoder could not encode a character; " + SAME,
    src("headers", "SendAsync_CustomResponseEncodingSelector_CanReceiveNonAsciiHeaderValues", helper=True))
add("te-chunked-and-content-length",
    generic_resp(headers=[("Content-Length", "33"), ("Transfer-Encoding", "chunked")])
    + "5\r\nhello\r\n5\r\nworld\r\n3\r\nyay\r\n0\r\n\r\n", "either",
    "Content-Length: 33 and Transfer-Encoding: chunked in one response: Transfer-Encoding overrides "
    "Content-Length (RFC 9112 6.3 rule 3, profile), and RFC 9112 6.3 adds that such a message 'ought to "
    "be handled as an error'; `either` as in h1wire's own case h1wire-profile-res-te-cl-resp; if "
    "accepted, the body is `helloworldyay`; .NET reads it as chunked",
    src("headers", "SendAsync_ContentLengthAndTransferEncodingHeaders_IgnoreContentLength", helper=True))

# ===================================================== SocketsHttpHandlerTest.cs

add("content-length-foo", "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nfoo", "ok",
    "a Content-Length: 3 response; " + SAME,
    src("sockets", "ReadAheadTaskOnConnectionReuse_ExceptionsAreObserved (first response); "
        "PlaintextStreamFilter_CustomStream_Success (the stream the filter returns)"), rows=2)


def trailers_resp(trailer_hdr, trailers, cors_first=True):
    return ("HTTP/1.1 200 OK\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n"
            + (("Trailer: %s\r\n" % trailer_hdr) if trailer_hdr else "") + "\r\n4\r\ndata\r\n0\r\n"
            + "".join("%s: %s\r\n" % t for t in trailers) + "\r\n")


T3 = [("MyCoolTrailerHeader", "amazingtrailer"), ("Accept-encoding", "identity,gzip"), ("Hello", "World")]
T2 = [("MyCoolTrailerHeader", "amazingtrailer"), ("Hello", "World")]
for inc in (False, True):
    add("trailers-3%s" % ("-declared" if inc else ""), trailers_resp("MyCoolTrailerHeader, Hello" if inc else None, T3), "ok",
        "a chunked body `data` with three trailer fields%s; %s" % (
            " (announced in a Trailer field)" if inc else "", SAME),
        src("sockets", "SocketsHttpHandler_Http1_TrailingHeaders_Test.GetAsyncDefaultCompletionOption_TrailingHeaders_Available(%s)" % str(inc).lower()))
    add("trailers-2%s" % ("-declared" if inc else ""), trailers_resp("MyCoolTrailerHeader, Hello" if inc else None, T2), "ok",
        "a chunked body `data` with two trailer fields%s; %s" % (
            " (announced in a Trailer field)" if inc else "", SAME),
        src("trailers", "GetAsyncDefaultCompletionOption_TrailingHeaders_Available(%s)" % str(inc).lower()))
add("trailers-headers-read", trailers_resp("MyCoolTrailerHeader", T2), "ok",
    "a chunked body with two trailer fields, one of them not announced in Trailer (allowed); " + SAME,
    src("sockets", "SocketsHttpHandler_Http1_TrailingHeaders_Test.GetAsyncResponseHeadersReadOption_TrailingHeaders_Available")
    + "; the same bytes in " + src("trailers", "GetAsyncResponseHeadersReadOption_TrailingHeaders_Available"), rows=2)
add("trailers-none", trailers_resp("MyCoolTrailerHeader", []), "ok",
    "a Trailer field announces a trailer that never comes; the trailer section is empty; " + SAME,
    src("sockets", "SocketsHttpHandler_Http1_TrailingHeaders_Test.GetAsync_NoTrailingHeaders_EmptyCollection")
    + "; the same bytes in " + src("trailers", "GetAsync_NoTrailingHeaders_EmptyCollection"), rows=2)


def trailer_limit(total):
    sb = "HTTP/1.1 200 OK\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n"
    rem = total - len(sb)
    sb += "0\r\n"
    line = "Test: value"
    while rem > len(line) * 2:
        sb += line + "\r\n"
        rem -= len(line) + 2
    sb += "Test: " + "a" * (rem - len("Test: \r\n\r\n")) + "\r\n\r\n"
    return sb


for mx, total in ((1024, 1023), (1024, 1024), (1024, 1025), (1048576, 1048576), (1048576, 1048577)):
    big = total > 16 * 1024
    peer_ok = total <= mx
    add("trailers-size-%d" % total, trailer_limit(total), "error" if big else "ok",
        ("an empty chunked body with a trailer section of about %d bytes (many `Test: value` lines); "
         "the profile limits the trailer section to 16 KiB by default, so %s" % (
             total, "this one is an error (limit)" if big else "this one is accepted"))
        + ("" if (big != peer_ok) else "; " + SAME)
        + ("; .NET's verdict here comes from MaxResponseHeadersLength = %d KiB, which the test sets (head and "
           "trailers share it)" % (mx // 1024)),
        src("sockets", "GetAsync_TrailingHeadersLimitExceeded_Throws(%d, %d)" % (mx, total)),
        differs=(None if big != peer_ok else
                 ".NET %s it with its limit set to %d KiB; the profile's default trailer limit is 16 KiB" % (
                     "accepts" if peer_ok else "rejects", mx // 1024)))

FORBIDDEN = [("Age", "1"), ("Authorization", "Basic YWxhZGRpbjpvcGVuc2VzYW1l"), ("Cache-Control", "no-cache"),
             ("Content-Encoding", "gzip"), ("Content-Length", "22"), ("Content-type", "foo/bar"),
             ("Content-Range", "bytes 200-1000/67589"), ("Date", "Wed, 21 Oct 2015 07:28:00 GMT"),
             ("Expect", "100-continue"), ("Expires", "Wed, 21 Oct 2015 07:28:00 GMT"), ("Host", "foo"),
             ("If-Match", "Wed, 21 Oct 2015 07:28:00 GMT"), ("If-Modified-Since", "Wed, 21 Oct 2015 07:28:00 GMT"),
             ("If-None-Match", "*"), ("If-Range", "Wed, 21 Oct 2015 07:28:00 GMT"),
             ("If-Unmodified-Since", "Wed, 21 Oct 2015 07:28:00 GMT"), ("Location", "/index.html"),
             ("Max-Forwards", "2"), ("Pragma", "no-cache"), ("Range", "5/10"), ("Retry-After", "20"),
             ("Set-Cookie", "foo=bar"), ("TE", "boo"), ("Transfer-Encoding", "chunked"),
             ("Transfer-Encoding", "gzip"), ("Vary", "*"), ("Warning", "300 - \"Be Warned!\"")]
for name, value in FORBIDDEN:
    inp = ("HTTP/1.1 200 OK\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n"
           "Trailer: Set-Cookie, MyCoolTrailerHeader, %s, Hello\r\n\r\n4\r\ndata\r\n0\r\n"
           "Set-Cookie: yummy\r\nMyCoolTrailerHeader: amazingtrailer\r\n%s: %s\r\nServer: Loopback\r\n%s: %s\r\n\r\n"
           % (name, name, value, name, value))
    slug = "trailer-" + re.sub(r"[^a-z0-9]+", "-", (name + "-" + value).lower()).strip("-")[:40]
    row = "GetAsync_ForbiddenTrailingHeaders_Ignores(%r, %r)" % (name, value)
    source = src("sockets", "SocketsHttpHandler_Http1_TrailingHeaders_Test." + row) + "; the same bytes in " + src("trailers", row)
    if name.lower() in ("content-length", "transfer-encoding", "host"):
        add(slug, inp, "error",
            "the trailer section holds `%s: %s` (twice); a trailer field that frames or routes the message "
            "(Content-Length, Transfer-Encoding, Host) is an error in the profile (RFC 9110 6.5.1: a "
            "sender must not put such fields in trailers; the profile rejects them so that nobody merges "
            "them into the head)" % (name, value), source,
            differs=".NET accepts the response and drops the `%s` trailer (it is not in TrailingHeaders)" % name, rows=2)
    else:
        add(slug, inp, "ok",
            "a chunked body with five trailer fields, `%s: %s` twice among them; the profile forbids only "
            "Content-Length, Transfer-Encoding and Host in trailers, so the stream is valid and every "
            "trailer is listed; .NET accepts it too (it hides the `%s` trailer from TrailingHeaders, a "
            "semantic choice above the codec)" % (name, value, name), source, rows=2)

for mx, n in ((None, 63 * 1024), (None, 65 * 1024), (1, 100), (1, 1024)):
    inp = "HTTP/1.1 200 OK%s\r\n\r\n" % ("a" * n)
    limit = (mx or 64) * 1024
    peer_ok = n < limit
    if n > 16 * 1024:
        verdict = "error"
        note = ("a status-line of %d bytes (reason `OK` followed by %d `a`); it passes the profile's 16 KiB "
                "limit for one line%s" % (len(inp) - 4, n, "" if n < 64 * 1024 else " and the 64 KiB head limit"))
    else:
        verdict = "ok"
        note = ("a %d-byte reason phrase, under the profile's line limit; no framing field: %s" % (n + 2, EOS_CLOSE))
    differs = None
    if peer_ok != (verdict == "ok"):
        differs = ".NET %s it (MaxResponseHeadersLength %s)" % (
            "accepts" if peer_ok else "rejects", "default 64 KiB" if mx is None else "set to %d KiB by the test" % mx)
    else:
        note += "; " + SAME
    add("status-line-%d" % n, inp, verdict, note,
        src("sockets", "SocketsHttpHandler_HttpClientHandler_MaxResponseHeadersLength_Http11.LargeStatusLine_ThrowsException(%s, %d)"
            % ("null" if mx is None else mx, n)), differs=differs)

big = "abcdefghijklmnopqrstuvwxyz" * 1000
add("101-then-raw-bytes", "HTTP/1.1 101 Switching Protocols\r\nDate: %s\r\n\r\n" % DATE
    + "abcdefghijklmnopqrstuvwxyz" + big, "ok",
    "a 101 head, then 26026 bytes of the new protocol: framing upgrade, the bytes after the head are not "
    "decoded (CONFORMANCE.md section 1); " + SAME,
    src("sockets", "SocketsHttpHandler_ConnectionUpgrade_Test.UpgradeConnection_ReturnsReadableAndWritableStream",
        "the server's later writes appended in order"))

KEEP = helper_resp()
add("two-keepalive-responses", KEEP + KEEP, "ok",
    "two Content-Length: 0 responses on one connection; " + SAME,
    src("sockets", "SocketsHttpHandler_HttpClientHandler_ConnectionPooling_Test.MultipleIterativeRequests_SameConnectionReused"))
add("helper-response-keepalive", KEEP, "ok",
    "the helper's keep-alive response (Date, Content-Length: 0); " + SAME,
    src("sockets", "SmallConnectionTimeout_SubsequentRequestUsesDifferentConnection (2 rows x 2 connections), "
        "SmallConnectionLifetimeWithMaxConnections_PendingRequestUsesDifferentConnection (2 rows, first connection)",
        helper=True), rows=6)
add("default-response", DEFAULT_CLOSE, "ok", "",
    src("sockets", "ServerDisconnectsAfterInitialRequest_SubsequentRequestUsesDifferentConnection (2 connections), "
        "ServerSendsConnectionClose_SubsequentRequestUsesDifferentConnection (2 connections)"), rows=4)
add("connection-close-no-length", "HTTP/1.1 200 OK\r\nConnection: close\r\nDate: %s\r\n\r\n" % DATE, "ok",
    "Connection: close and no framing field: " + EOS_CLOSE + " (empty body); " + SAME,
    src("sockets", "SmallConnectionLifetimeWithMaxConnections_PendingRequestUsesDifferentConnection (2 rows, second connection)",
        helper=True), rows=2)
add("garbage-after-response", helper_resp() + "here is a bunch of garbage", "error",
    "a complete Content-Length: 0 response, then `here is a bunch of garbage`, which is not a "
    "status-line: the stream fails after the first message (RFC 9112 6.3: a client must not treat extra "
    "data as a response); same verdict as .NET in effect (it takes the first response and does not reuse "
    "the connection)",
    src("sockets", "ServerSendsGarbageAfterInitialRequest_SubsequentRequestUsesDifferentConnection (first connection)",
        helper=True))
add("helper-response-close", helper_resp(close=True), "ok",
    "the helper's response with Connection: close first; " + SAME,
    src("sockets", "ServerSendsGarbageAfterInitialRequest_SubsequentRequestUsesDifferentConnection (second connection)",
        helper=True))
add("helper-response-hello-world", helper_resp(content="hello world"), "ok",
    "Content-Length: 11 body `hello world`; " + SAME,
    src("sockets", "ConnectionsPooledThenDisposed_NoUnobservedTaskExceptions(false/true)", helper=True), rows=2)
add("407-then-200", "HTTP/1.1 407 Proxy Auth Required\r\nDate: %s\r\nProxy-Authenticate: Basic\r\nContent-Length: 0\r\n\r\n" % DATE
    + helper_resp(content="OK"), "ok",
    "a 407 with Content-Length: 0, then a 200 with body `OK`, on one connection (the proxy answers two "
    "absolute-form GETs); " + SAME,
    src("sockets", "ProxyAuth_SameConnection_Succeeds", helper=True))

LOC = [("http://a/", b"http://a/"), ("http://a/asdasd", b"http://a/asdasd"),
       ("http://a/\u00A2", b"http://a/\xc2\xa2"), ("http://a/\u20AC", b"http://a/\xe2\x82\xac"),
       ("http://a/\U00010348", b"http://a/\xf0\x90\x8d\x88"), ("http://a/\u0105\u015B\u0107", b"http://a/\xc4\x85\xc5\x9b\xc4\x87"),
       ("http://a/%C2%80", b"http://a/\x80"), ("http://a/\u00C3(", b"http://a/\xc3\x28"), ("http://a/\u00C2", b"http://a/\xc2")]
for i, (exp, loc) in enumerate(LOC):
    inp = (b"HTTP/1.1 301 Moved Permanently\r\nConnection: close\r\nTransfer-Encoding: chunked\r\nLocation: "
           + loc + b"\r\nServer: Loopback\r\n\r\n0\r\n\r\n")
    add("location-bytes-%d" % (i + 1), inp, "ok",
        "a Location value with the bytes %s (bytes 0x80-0xFF are obs-text, allowed in a field value, RFC "
        "9110 5.5); the codec reports the bytes, decoding them as UTF-8 or Latin-1 is the caller's business; "
        "%s" % (repr(loc[9:]), SAME),
        src("sockets", "SocketsHttpHandlerTest_LocationHeader.LocationHeader_DecodesUtf8_Success(%r)" % exp))

WS = [("foo ", "bar "), ("foo", " bar"), ("foo", "bar\t"), ("foo", "\tbar"), ("foo ", " bar "), ("foo", "\tbar\t"),
      ("foo", "\t bar \t"), ("foo  ", " \t bar  \r\n ")]
for i, (n, v) in enumerate(WS):
    inp = handle_request([(n, v)])
    row = "SocketsHttpHandlerTest_HttpClientHandlerTest_Headers_Http11.ResponseHeaders_ExtraWhitespace_Trimmed(%r, %r)" % (n, v)
    if n != n.rstrip():
        add("ws-before-colon-%d" % (i + 1), inp, "error",
            "the field line `%s: %s` has whitespace between the field name and the colon: an error in the "
            "profile (RFC 9112 5.1: 'No whitespace is allowed between the field name and colon ... a server "
            "MUST reject ... a proxy MUST remove'; the profile rejects it in both roles)%s" % (
                n, v.replace("\r\n", "\\r\\n"),
                "; the value also ends in CRLF SP, which makes the next line an obs-fold of a single SP" if "\r\n" in v else ""),
            src("sockets", row, helper=True),
            differs=".NET strips the whitespace and reads the field `foo: bar`")
    else:
        add("ows-around-value-%d" % (i + 1), inp, "ok",
            "the field value %r has OWS (SP/HTAB) before and/or after it, which is not part of the value "
            "(RFC 9112 5.1), so the value is `bar`; %s" % (v, SAME),
            src("sockets", row, helper=True))

# ===================================================== HttpClientHandlerTest.MaxResponseHeadersLength.cs


def large_headers(size):
    b = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n"
    for i in range(24):
        b += "Custom-%04d: 1234567890123456789012345\r\n" % i
    b += "Custom-24: "
    b += "c" * (size - (len(b) + 4))
    b += "\r\n\r\n"
    assert len(b) == size
    return b


for mx in (None, 1, 31, 128):
    actual = mx or 64
    for delta, peer_ok in ((-1, True), (0, True), (1, False)):
        size = actual * 1024 + delta
        inp = large_headers(size)
        line = size - inp.index("Custom-24") - 2 - 2
        if line > 16 * 1024:
            verdict = "error"
            why = ("the last field line is %d bytes, over the profile's 16 KiB limit for one field line%s" % (
                line, " (and the head is over 64 KiB)" if size > 64 * 1024 else ""))
        else:
            verdict = "ok"
            why = "a %d-byte head, under the profile's limits (line 16 KiB, head 64 KiB)" % size
        differs = None
        if peer_ok != (verdict == "ok"):
            differs = ".NET %s it with MaxResponseHeadersLength %s; the profile's defaults decide here" % (
                "accepts" if peer_ok else "rejects", "at its default 64 KiB" if mx is None else "set to %d KiB" % mx)
        add("many-headers-size-%d" % size, inp, verdict,
            "26 field lines making a head of exactly %d bytes; %s%s" % (size, why, "" if differs else "; " + SAME),
            src("maxheaders", "ThresholdExceeded_ThrowsException(%d bytes, %s, %s)" % (
                size, "null" if mx is None else mx, str(peer_ok).lower())), differs=differs)

add("infinite-header-value", "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nMyInfiniteHeader: " + "s" * 80000, "error",
    "a field value that never ends (here five of the server's 16000-byte writes): the head passes the "
    "16 KiB line limit and the 64 KiB head limit; " + SAME_ERR,
    src("maxheaders", "InfiniteSingleHeader_ThrowsException", "the endless stream cut after five 16000-byte writes"))

# ===================================================== ResponseStreamTest.cs

CONTENT = "This is some response content."


def transfer(ttype, terr):
    th = ""
    if ttype == "ContentLength":
        th = "Content-Length: %d\r\n" % (len(CONTENT) + (42 if terr == "ContentLengthTooLarge" else 0))
    elif ttype == "Chunked":
        th = "Transfer-Encoding: chunked\r\n"
    out = "HTTP/1.1 200 OK\r\nDate: %s\r\nContent-Type: text/plain\r\n%s\r\n" % (DATE, th)
    if ttype == "Chunked":
        out += "%x\r\n" % (len(CONTENT) + (42 if terr == "ChunkSizeTooLarge" else 0)) + CONTENT + "\r\n"
        if terr != "MissingChunkTerminator":
            out += "0\r\n\r\n"
    else:
        out += CONTENT
    return out


add("stream-close-delimited", transfer("None", "None"), "ok",
    "no framing field: " + EOS_CLOSE + "; " + SAME,
    src("respstream", "ReadAsStreamAsync_ValidServerResponse_Success(None, None), "
        "ReadAsStreamAsync_StreamCanReadIsFalseAfterDispose(None, None)"), rows=2)
add("stream-content-length", transfer("ContentLength", "None"), "ok",
    "Content-Length: 30 body; " + SAME,
    src("respstream", "ReadAsStreamAsync_ValidServerResponse_Success(ContentLength, None), "
        "ReadAsStreamAsync_StreamCanReadIsFalseAfterDispose(ContentLength, None)"), rows=2)
add("stream-chunked", transfer("Chunked", "None"), "ok",
    "one chunk of 0x1e bytes (lower-case hex) and the last chunk; " + SAME,
    src("respstream", "ReadAsStreamAsync_ValidServerResponse_Success(Chunked, None), "
        "ReadAsStreamAsync_StreamCanReadIsFalseAfterDispose(Chunked, None)"), rows=2)
add("stream-content-length-too-large", transfer("ContentLength", "ContentLengthTooLarge"), "error",
    "Content-Length: 72 with 30 body bytes before end of stream: incomplete; " + SAME + " (IOException)",
    src("respstream", "ReadAsStreamAsync_InvalidServerResponse_ThrowsIOException(ContentLength, ContentLengthTooLarge)"))
add("stream-chunk-missing-last", transfer("Chunked", "MissingChunkTerminator"), "error",
    "a chunk, then end of stream without the last chunk: incomplete; " + SAME + " (IOException)",
    src("respstream", "ReadAsStreamAsync_InvalidServerResponse_ThrowsIOException(Chunked, MissingChunkTerminator)"))
add("stream-chunk-size-too-large", transfer("Chunked", "ChunkSizeTooLarge"), "error",
    "chunk size 0x48 (72) but only 37 bytes follow before end of stream: incomplete; " + SAME + " (IOException)",
    src("respstream", "ReadAsStreamAsync_InvalidServerResponse_ThrowsIOException(Chunked, ChunkSizeTooLarge)"))

# ===================================================== SocketsHttpHandlerTest.Http1KeepAlive.cs

NOT_PERSISTENT = ("the first response is HTTP/1.0 without the keep-alive connection option, so RFC 9112 9.3 "
                  "says the connection closes after it; the profile makes the bytes after a request that "
                  "closes the connection `either` and is silent on responses; read the same way here: a "
                  "decoder may stop or go on decoding")
add("http10-x3", "HTTP/1.0 200 OK\r\nContent-Length: 1\r\n\r\n1HTTP/1.0 200 OK\r\nContent-Length: 1\r\n\r\n2"
    "HTTP/1.0 200 OK\r\nContent-Length: 1\r\n\r\n3", "either",
    "three HTTP/1.0 responses with Content-Length: 1 on one connection; .NET reuses the connection; if "
    "decoded, three messages", src("keepalive", "Http10Response_ConnectionIsReusedFor10And11"),
    force_either=NOT_PERSISTENT)
add("http10-keepalive-timeout-1", "HTTP/1.0 200 OK\r\nKeep-Alive: timeout=1\r\nContent-Length: 1\r\n\r\n1", "ok",
    "an HTTP/1.0 response with a Keep-Alive field; " + SAME,
    src("keepalive", "Http10ResponseWithKeepAliveTimeout_ConnectionRecycledAfterTimeout (first connection)"))
add("default-response", DEFAULT_CLOSE, "ok", "",
    src("keepalive", "Http10ResponseWithKeepAliveTimeout_ConnectionRecycledAfterTimeout (second connection), "
        "Http10ResponseWithKeepAlive_ConnectionNotReusedForShortTimeoutOrMax0 (5 rows that do not reuse, second connection)",
        helper=True), rows=6)
HR = handle_request()
for ka, reuse in (("timeout=1000", True), ("timeout=30", True), ("timeout=0", False), ("foo, bar=baz, timeout=30", True),
                  ("foo, bar=baz, timeout=0", False), ("timeout=-1", True), ("timeout=abc", True), ("max=1", True),
                  ("max=0", False), ("max=-1", True), ("max=abc", True), ("timeout=30, max=1", True),
                  ("timeout=30, max=0", False), ("timeout=0, max=1", False), ("timeout=0, max=0", False)):
    first = "HTTP/1.0 200 OK\r\nKeep-Alive: %s\r\nContent-Length: 1\r\n\r\n1" % ka
    slug = "http10-keepalive-" + re.sub(r"[^a-z0-9]+", "-", ka.lower().replace("=-", "=minus")).strip("-")
    row = "Http10ResponseWithKeepAlive_ConnectionNotReusedForShortTimeoutOrMax0(%r, %s)" % (ka, str(reuse).lower())
    if reuse:
        add(slug + "-then-11", first + HR, "either",
            "an HTTP/1.0 response with `Keep-Alive: %s` (a Keep-Alive field, but no `Connection: "
            "keep-alive`), then on the same connection an HTTP/1.1 Content-length: 0 response; if decoded, "
            "two messages; .NET reuses the connection" % ka,
            src("keepalive", row, helper=True), force_either=NOT_PERSISTENT)
    else:
        add(slug, first, "ok",
            "an HTTP/1.0 response with `Keep-Alive: %s`; the Keep-Alive parameters are connection "
            "management above the codec; %s (it does not reuse the connection)" % (ka, SAME),
            src("keepalive", row + " (first connection)"))
for ka in ("timeout=1", "timeout=0", "max=1", "max=0"):
    add("http11-keepalive-" + re.sub(r"[^a-z0-9]+", "-", ka), "HTTP/1.1 200 OK\r\nKeep-Alive: %s\r\nContent-Length: 1\r\n\r\n1" % ka
        + HR, "ok",
        "an HTTP/1.1 response with `Keep-Alive: %s` (persistent by default), then a second response on "
        "the same connection; %s" % (ka, SAME),
        src("keepalive", "Http11ResponseWithKeepAlive_KeepAliveIsIgnored(%r)" % ka, helper=True))

# ===================================================== HttpClientHandlerTest.Connect.cs

add("connect-200-tunnel", helper_resp() + "hello client\ngoodbye client\n", "ok",
    "a 2xx answering CONNECT switches to the tunnel: framing upgrade whatever its Content-Length says "
    "(RFC 9110 9.3.6, RFC 9112 6.3 rule 2), and the bytes the server then writes through the tunnel are "
    "not decoded; " + SAME,
    src("connect", "ConnectMethod_Success", "the tunnel lines the server writes appended, with LF line ends",
        helper=True), methods=["CONNECT"])
add("connect-403", helper_resp(403, "Forbidden", content="error"), "ok",
    "a 403 answering CONNECT is an ordinary response with a Content-Length body; " + SAME,
    src("connect", "ConnectMethod_Fails", helper=True), methods=["CONNECT"])

# ===================================================== HttpClientHandlerTest.ResponseDrain.cs

for mode in ("ContentLength", "SingleChunk", "BytePerChunk"):
    r = content_mode(mode, "Hello world!")
    add("drain-hello-%s" % mode.lower(), r + r, "ok",
        "two identical responses (%s framing, body `Hello world!`) on one connection; %s" % (mode, SAME),
        src("drain", "GetAsync_DisposeBeforeReadingToEnd_DrainsRequestsAndReusesConnection(%s)" % mode, helper=True))
for total, read, mode in ((0, 0, "ContentLength"), (0, 0, "SingleChunk"), (1, 0, "ContentLength"), (1, 0, "SingleChunk"),
                          (1, 0, "BytePerChunk"), (2, 1, "ContentLength"), (2, 1, "SingleChunk"), (2, 1, "BytePerChunk"),
                          (10, 1, "ContentLength"), (10, 1, "SingleChunk"), (10, 1, "BytePerChunk"),
                          (100, 10, "ContentLength"), (100, 10, "SingleChunk"), (100, 10, "BytePerChunk"),
                          (1000, 950, "ContentLength"), (1000, 950, "SingleChunk"), (1000, 950, "BytePerChunk"),
                          (10000, 9500, "ContentLength"), (10000, 9500, "SingleChunk"), (10000, 9500, "BytePerChunk")):
    r = content_mode(mode, "a" * total)
    add("drain-%d-%s" % (total, mode.lower()), r + r, "ok",
        "two identical responses (%s framing, %d-byte body of `a`%s) on one connection; %s" % (
            mode, total, ", so the chunked body is the last chunk alone" if total == 0 and mode == "SingleChunk" else "", SAME),
        src("drain", "GetAsyncWithMaxConnections_DisposeBeforeReadingToEnd_DrainsRequestsAndReusesConnection(%d, %d, %s)"
            % (total, read, mode), helper=True))

# ===================================================== retry tests

SIMPLE = "Hello World\r\n"
add("response-then-close", helper_resp(content=SIMPLE), "ok",
    "a Content-Length: 13 response, then the server closes the connection after reading the next request "
    "without answering it: end of stream between messages, nothing more to report (CONFORMANCE.md "
    "section 1); that a pending request got no answer is the client's business (.NET retries it); " + SAME,
    src("retry", "GetAsync_RetryOnConnectionClosed_Success (first connection), "
        "PostAsyncExpect100Continue_FailsAfterContentSendStarted_Throws", helper=True)
    + "; the same bytes in " + src("reqretry", "GetAsyncOnExistingConnection_RetryOnConnectionClosed_Success "
                                   "(first connection), PostAsyncExpect100Continue_FailsAfterContentSendStarted_Throws",
                                   helper=True), rows=4)
add("response-close-hello", helper_resp(content=SIMPLE, extra="Connection: close\r\n"), "ok",
    "Content-Length: 13 body and Connection: close; " + SAME,
    src("retry", "GetAsync_RetryOnConnectionClosed_Success (second connection)", helper=True)
    + "; the same bytes in " + src("reqretry", "GetAsyncOnNewConnection_RetryOnConnectionClosed_Success, "
                                   "GetAsyncOnExistingConnection_RetryOnConnectionClosed_Success (second connection)",
                                   helper=True), rows=3)
add("empty-stream", "", "ok",
    "the server reads the request and closes the connection without a byte of response: the stream ends "
    "before any message starts, which the dump reports as nothing (CONFORMANCE.md section 1: end of "
    "stream between messages prints nothing); .NET fails (or retries) the request because it awaited a "
    "response, a decision above the codec",
    src("reqretry", "GetAsyncOnNewConnection_RetryOnConnectionClosed_Success (first connection), "
        "GetAsync_RetryUntilLimitExceeded_ThrowsHttpRequestException (4 connections)"), rows=5)

# ===================================================== ResponseStreamZeroByteReadTests.cs

add("zero-byte-close", "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nHello", "ok",
    "Connection: close and no framing field: " + EOS_CLOSE + "; body `Hello`; " + SAME,
    src("zerobyte", "Http1CloseResponseStreamZeroByteReadTest.ZeroByteRead_IssuesZeroByteReadOnUnderlyingStream "
        "(every readMode/useSsl row sends the same bytes)"))
add("zero-byte-101-raw", "HTTP/1.1 101 Switching Protocols\r\n\r\nHello", "ok",
    "a 101 with no fields, then `Hello` in the new protocol: framing upgrade, `Hello` is not decoded; " + SAME,
    src("zerobyte", "Http1RawResponseStreamZeroByteReadTest.ZeroByteRead_IssuesZeroByteReadOnUnderlyingStream"))
add("zero-byte-content-length", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nHello", "ok",
    "Content-Length: 5 body `Hello`; " + SAME,
    src("zerobyte", "Http1ContentLengthResponseStreamZeroByteReadTest.ZeroByteRead_IssuesZeroByteReadOnUnderlyingStream"))
for cls, body, slug in (("Http1SingleChunkResponseStreamZeroByteReadTest", "5\r\nHello\r\n", "single-chunk"),
                        ("Http1MultiChunkResponseStreamZeroByteReadTest",
                         "".join("1\r\n%s\r\n" % ch for ch in "Hello"), "multi-chunk")):
    head = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
    add("zero-byte-" + slug, head + body, "error",
        "a chunked body `Hello` (%s) whose last chunk never comes: the test stops after reading the five "
        "bytes, the dump signals end of stream inside the body: incomplete" % (
            "one chunk" if slug == "single-chunk" else "five one-byte chunks"),
        src("zerobyte", cls + ".ZeroByteRead_IssuesZeroByteReadOnUnderlyingStream"))
    add("zero-byte-" + slug + "-completed", head + body + "0\r\n\r\n", "ok",
        "derived: the same response with the last chunk and an empty trailer section added, so that the "
        "case tests the chunk parsing; body `Hello`; " + SAME,
        src("zerobyte", cls + ".ZeroByteRead_IssuesZeroByteReadOnUnderlyingStream", "last chunk `0\\r\\n\\r\\n` added"))
add("zero-byte-content-length-4", generic_resp(headers=[("Content-Length", "4")]).encode("latin-1") + bytes([42, 1, 2, 3]), "ok",
    "Content-Length: 4 body of the bytes 0x2A 0x01 0x02 0x03 (written in three pieces); " + SAME,
    src("zerobyte", "ResponseStreamZeroByteReadTestBase.ZeroByteRead_BlocksUntilDataIsAvailable(true/false), HTTP/1.1 class",
        helper=True), rows=2)

# ===================================================== skipped

skip("huge bodies (100 kB to 4 MB) in drain tests: the same framing as the converted smaller rows",
     "HttpClientHandlerTest.ResponseDrain.cs: GetAsyncLargeRequestWithMaxConnections_DisposeBeforeReadingToEnd_... (6 rows), "
     "GetAsyncWithMaxConnections_DisposeBeforeReadingToEnd_KillsConnection (6 rows); SocketsHttpHandlerTest.cs: "
     "..._DrainsRequestsUnderMaxDrainSizeAndReusesConnection (3 rows), ..._DisposeLargerThanMaxDrainSize_KillsConnection "
     "(3 rows), ..._DrainTakesLongerThanTimeout_KillsConnection (3 rows)", 21)
skip("performance tests streaming 64 MB of header bytes with a raised MaxResponseHeadersLength",
     "SocketsHttpHandlerTest.cs: LargeHeaders_TrickledOverTime_ProcessedEfficiently (8 rows)", 8)
skip("timeouts, cancellation, dispose while reading",
     "HttpClientHandlerTest.cs: Dispose_DisposingHandlerCancelsActiveOperationsWithoutResponses, "
     "ReadAsStreamAsync_StreamingCancellation, ReadAsStreamAsync_Cancellation; SocketsHttpHandlerTest.cs: "
     "ReadBodyCanceled_CallsDisposeAsyncOnConnectCallbackStream", 4)
skip("HTTP/2, HTTP/3, TLS, SOCKS/proxy tunnelling, ConnectCallback/PlaintextStreamFilter plumbing (whole classes, not counted test by test)",
     "SocketsHttpHandlerTest.cs: Http2*/Http3* classes, Proxy_Https_Succeeds, ConnectCallback_* , PlaintextStreamFilter_* "
     "(other than CustomStream), SslOptions_*, Http2Connection_DroppedWhenDowngradingToHttp11WhenAtMaxConnections", 0)
skip("client-side request validation only (no response is read)",
     "HttpProtocolTests.cs: GetAsync_RequestVersion0X_ThrowsNotSupportedException (3 rows), "
     "GetAsync_UnknownRequestVersion_ThrowsException (5 rows); HttpClientHandlerTest.cs: "
     "SendAsync_TransferEncodingSetButNoRequestContent_Throws, PostAsync_ThrowFromContentCopy_RequestFails (4 rows), "
     "SendAsync_Expect100Continue_RequestBodyFails_ThrowsContentException; SocketsHttpHandlerTest.cs: "
     "SocketsHttpHandler_RequestValidationTest (6), RequestContentLengthMismatch (4 rows)", 24)
skip("responses built by GenericLoopbackServer helpers whose code was not read (exact bytes unknown)",
     "HttpClientHandlerTest.cs: GetAsync_ServerNeedsNonStandardAuthAndSetCredential_StatusCodeUnauthorized (2 rows), "
     "ReadAsStreamAsync_EmptyResponseBody_HandlerProducesWellBehavedResponseStream, PostAsync_ManyDifferentRequestHeaders_SentCorrectly, "
     "GetAsync_IPv6LinkLocalAddressUri_Success, GetAsync_IPBasedUri_Success; HttpClientHandlerTest.Headers.cs: tests of request "
     "headers answered by HandleRequestAsync(HttpStatusCode.OK) with no response fields", 7)

# =====================================================================


def main():
    for c in CASES:
        if not c["note"]:
            raise SystemExit("empty note: " + c["id"])
    with open(OUT, "w") as f:
        json.dump(CASES, f, ensure_ascii=True, indent=1)
        f.write("\n")
    counts = {"ok": 0, "error": 0, "either": 0}
    for c in CASES:
        counts[c["expect"]] += 1
    rows = sum(n for _, n in CONVERTED)
    print("cases: %d (%s); test sources converted: %d" % (len(CASES), ", ".join("%s %d" % kv for kv in counts.items()), rows))
    print("derived variants: %d" % sum(1 for c in CASES if "(variant:" in c["source"]))
    print("skipped:")
    for reason, tests in SKIPPED.items():
        n = sum(n for _, n in tests)
        print("  %s  %s" % (n if n else "-", reason))
    print("differs from .NET: %d" % len(DIFFERS))
    for cid, why in DIFFERS:
        print("  %s: %s" % (cid, why))


if __name__ == "__main__":
    main()
