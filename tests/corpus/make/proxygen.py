#!/usr/bin/env python3
"""Build tests/corpus/proxygen.json: h1wire corpus cases from proxygen's HTTP/1.x tests.

proxygen (https://github.com/facebook/proxygen, BSD licence, copyright Meta Platforms,
Inc. and affiliates) tests its HTTP/1.x codec in
proxygen/lib/http/codec/test/HTTP1xCodecTest.cpp, and its HTTP/1 sessions in
proxygen/lib/http/session/test/HTTP{Downstream,Upstream}SessionTest.cpp.  Only the byte
strings those tests feed to the codec/session (C++ literals, concatenations rebuilt by
hand) are taken here, with the file and test name in each case's `source`.

Each case's expectation is decided by the strict profile of CONFORMANCE.md section 3
and RFC 9112 / RFC 9110, not by proxygen's answer; where proxygen answers differently
the note says so ("differs from proxygen: ...").

Run: python3 tests/corpus/make/proxygen.py   (writes proxygen.json and proxygen.md beside this script)
"""

import json
import os
from collections import Counter

from common import text as B, req, res

NAME = "proxygen"
REPO = "facebook/proxygen"
CODEC = "proxygen/lib/http/codec/test/HTTP1xCodecTest.cpp"
DOWN = "proxygen/lib/http/session/test/HTTPDownstreamSessionTest.cpp"
UP = "proxygen/lib/http/session/test/HTTPUpstreamSessionTest.cpp"
VERSIONS = {
    CODEC: "the newest stored version, 56 749 chars, 'Meta Platforms' header; the tool did not "
           "report its commit",
    DOWN: "commit 0de55100cfba",
    UP: "commit 0de55100cfba",
}
CODEC_OLD = "commit 2aac691c0ff3"   # an older version (2022), for UTF8Chars' former form

CASES = []
SEEN = {}
SKIPPED = []    # (file, test, reason)
DIFFS = []      # (ids, why) : expectation differs from proxygen's answer
NOHOST = []     # ids of cases that are errors only (first) for a missing Host


def src(fname, test, detail=None, derived=None, version=None):
    s = "%s %s (%s): %s" % (REPO, fname, version or VERSIONS[fname], test)
    if detail:
        s += ", " + detail
    if derived:
        s += " (variant: %s)" % derived
    return s


def add(slug, mode, data, expect, messages, note, source, methods=()):
    if isinstance(data, str):
        data = data.encode("latin-1")
    assert expect in ("ok", "error", "either")
    cid = NAME + "-" + slug
    assert cid not in {c["id"] for c in CASES}, cid
    key = (mode, tuple(methods), data)
    if key in SEEN:
        raise AssertionError("duplicate bytes %s / %s" % (cid, SEEN[key]))
    SEEN[key] = cid
    CASES.append({"id": cid, "mode": mode, "methods": list(methods), "input": B(data),
                  "expect": expect, "messages": messages, "note": note, "source": source})
    return cid


def with_host(data, starts=(0,), host=b"example.com"):
    """Insert a Host line after the request-line starting at each offset in starts."""
    out, prev = b"", 0
    for st in starts:
        eol = data.index(b"\r\n", st) + 2
        out += data[prev:eol] + b"Host: " + host + b"\r\n"
        prev = eol
    return out + data[prev:]


def hostmsgs(msgs, host="example.com"):
    out = []
    for m in msgs:
        m = dict(m)
        m["headers"] = [["Host", host]] + m["headers"]
        out.append(m)
    return out


NOHOST_NOTE = ("differs from proxygen: this HTTP/1.1 request has no Host field; proxygen's codec "
               "does not require one, the profile rejects it (RFC 9112 3.2: a server MUST respond "
               "400 to an HTTP/1.1 request that lacks Host). The -host variant tests what the test "
               "is about")


def rq(slug, data, expect, msgs, note, source, nohost=False, starts=(0,), host=b"example.com",
       orig_msgs=None, orig_note=None, diff=None, peer_ok=True):
    """A request case.  nohost=True: `expect`/`msgs` describe the -host variant (msgs
    written without Host; it is put first in each message), the original (no Host) is
    an error with orig_msgs (default none) before it."""
    if isinstance(data, str):
        data = data.encode("latin-1")
    if not nohost:
        cid = add(slug, "request", data, expect, msgs, note, source)
        if diff:
            DIFFS.append((cid, diff))
        return cid
    if orig_note is None:
        if expect == "error":
            orig_note = ("an HTTP/1.1 request without Host: an error for that alone (RFC 9112 3.2; "
                         "proxygen's codec does not check Host) and also for the reason below (the "
                         "-host variant isolates it)")
        elif peer_ok:
            orig_note = NOHOST_NOTE
            NOHOST.append(NAME + "-" + slug)
        else:
            orig_note = ("an HTTP/1.1 request without Host, an error for that alone (RFC 9112 3.2). "
                         "proxygen's test expects an error too, but for another reason (below); the "
                         "-host variant tests that reason alone")
    add(slug, "request", data, "error", orig_msgs or [],
        orig_note + ". What it is about: " + note, source)
    hd = with_host(data, starts, host)
    cid = add(slug + "-host", "request", hd, expect, hostmsgs(msgs, B(host)),
              "derived: Host: %s inserted after the request-line%s, since the original is rejected "
              "for its missing Host first; %s" % (B(host), "s" if len(starts) > 1 else "", note),
              source + " (variant: Host field added)")
    if diff:
        DIFFS.append((cid, diff))
    return cid


def rs(slug, data, expect, msgs, note, source, methods=(), diff=None):
    cid = add(slug, "response", data, expect, msgs, note, source, methods)
    if diff:
        DIFFS.append((cid, diff))
    return cid


def skip(fname, test, reason):
    SKIPPED.append((fname, test, reason))


LF_NOTE = ("lines end in a bare LF. RFC 9112 2.2 lets a recipient accept a bare LF as a line "
           "terminator, but the strict profile does not (a bare LF is an error; accepting it is a "
           "named option), so the stream is an error; proxygen (http_parser) accepts bare LF")
LF_DIFF = "bare LF line endings: proxygen accepts, the profile rejects (RFC 9112 2.2 'MAY', profile: error)"
CRLF_DERIVED = "bare LF replaced by CRLF"

# ===========================================================================
# HTTP1xCodecTest.cpp
# ===========================================================================
F = CODEC
H_FB = ("Host", "www.facebook.com")

one = b"GET /yeah HTTP/1.1\nHost: www.facebook.com\n\n"
rq("codec-simple-headers", one * 2, "error", [],
   "the same request fed twice to one codec (getSimpleRequestData); " + LF_NOTE,
   src(F, "TestSimpleHeaders"), diff=LF_DIFF)
crlf = one.replace(b"\n", b"\r\n")
rq("codec-simple-headers-crlf", crlf * 2, "ok", [req("GET", "/yeah", headers=[H_FB])] * 2,
   "derived: the same two pipelined requests with CRLF line endings: two GETs without body",
   src(F, "TestSimpleHeaders", derived=CRLF_DERIVED))

q = b"GET /yeah HTTP/1.1\nHost: www.facebook.com\n\nGET /yeah2 HTTP/1.1\nHost: www.facebook.com\n\n"
rq("codec-simple-headers-queue", q, "error", [],
   "two requests in one chained buffer (getSimpleRequestDataQueue); " + LF_NOTE,
   src(F, "TestSimpleHeadersQueue") + "; the same bytes in TestSimpleHeadersQueueWithPause (pausing not expressed)",
   diff=LF_DIFF)
rq("codec-simple-headers-queue-crlf", q.replace(b"\n", b"\r\n"), "ok",
   [req("GET", "/yeah", headers=[H_FB]), req("GET", "/yeah2", headers=[H_FB])],
   "derived: the same two pipelined requests with CRLF line endings",
   src(F, "TestSimpleHeadersQueue", derived=CRLF_DERIVED))
skip(F, "TestSimpleHeadersQueueWithPause",
     "pauses the parser from onMessageComplete and resumes (its bytes are those of TestSimpleHeadersQueue)")

rq("codec-09-req", b"GET /yeah\r\n\r\n", "error", [],
   "differs from proxygen: an HTTP/0.9 request-line ('GET /yeah', no version; the test feeds "
   "'GET /yeah\\r\\n' then '\\r\\n'). proxygen accepts it as an HTTP/0.9 message; RFC 9112 3 "
   "requires request-line = method SP request-target SP HTTP-version, and the profile accepts "
   "only HTTP/1.0 and HTTP/1.1", src(F, "Test09Req"),
   diff="HTTP/0.9 request-line without version: proxygen accepts (HTTP/0.9), the profile rejects")
rq("codec-09-req-vers", b"GET /yeah HTTP/0.9\r\n", "error", [],
   "differs from proxygen: request-line with version HTTP/0.9. proxygen completes it as an "
   "HTTP/0.9 message at once; the profile accepts only HTTP/1.0 and HTTP/1.1 (any other HTTP/x.y "
   "is an error), and the head is not terminated either", src(F, "Test09ReqVers"),
   diff="'HTTP/0.9' version: proxygen accepts, the profile allows only HTTP/1.0 and HTTP/1.1")
rs("codec-09-resp", b"iamtheverymodelofamodernmajorgeneral", "error", [],
   "differs from proxygen: the answer to an HTTP/0.9 request is a bare body with no status-line; "
   "proxygen's upstream codec (having sent a 0.9 request) reads it as an HTTP/0.9 response body "
   "completed by EOF. The dump has no HTTP/0.9 mode and RFC 9112 4 requires a status-line, so "
   "the stream is an error", src(F, "Test09Resp"),
   diff="HTTP/0.9 response (no status-line): proxygen reads it as body, the profile rejects")

rq("codec-keepalive-09", b"GET /yeah\r\n", "error", [],
   "differs from proxygen: HTTP/0.9 request-line (first codec of the test); proxygen accepts it "
   "as HTTP/0.9; the profile requires HTTP/1.0 or HTTP/1.1 (and the head never ends)",
   src(F, "TestKeepalive09_10", "codec1"),
   diff="HTTP/0.9 request-line: proxygen accepts, the profile rejects")
rq("codec-keepalive-10", b"GET /yeah HTTP/1.0\r\n\r\n", "ok", [req("GET", "/yeah", "HTTP/1.0")],
   "an HTTP/1.0 request without fields: Host is required only of HTTP/1.1 (RFC 9112 3.2); no "
   "body (RFC 9112 6.3 step 7). The test then checks the encoder's response (not converted)",
   src(F, "TestKeepalive09_10", "codec2 and codec4 (same bytes)"))
rq("codec-keepalive-10-ka", b"GET /yeah HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", "ok",
   [req("GET", "/yeah", "HTTP/1.0", headers=[("Connection", "keep-alive")])],
   "an HTTP/1.0 request with Connection: keep-alive (RFC 9112 9.3 / Appendix C.2.2); no body",
   src(F, "TestKeepalive09_10", "codec3"))

bad = b"GET /yeah HTTP/1.1\nUser-Agent: Mozilla/5.0 Version/4.0 \x10i\xC7n tho\xA1iSafari/534.30]"
rq("codec-bad-headers", bad, "error", [],
   "a User-Agent value with the control byte 0x10 (and obs-text 0xC7, 0xA1), after a bare-LF "
   "request-line, no Host, and the head never ends: an error for every one of these reasons; "
   "proxygen agrees (400 kErrorParseHeader)", src(F, "TestBadHeaders"))
badc = (b"GET /yeah HTTP/1.1\r\nHost: example.com\r\nUser-Agent: Mozilla/5.0 Version/4.0 "
        b"\x10i\xC7n tho\xA1iSafari/534.30]\r\n\r\n")
rq("codec-bad-headers-ctl", badc, "error", [],
   "derived: the same User-Agent value in a complete, CRLF-terminated head with Host, so only the "
   "control byte 0x10 decides: field-value allows VCHAR, SP, HTAB and obs-text, never other "
   "control bytes (RFC 9110 5.5, profile); the obs-text bytes alone would be fine",
   src(F, "TestBadHeaders", derived="CRLF endings, Host added, head completed"))

ua = "ꪶ𝛸ꫂ_𝐹𝛩𝑅𝐶𝛯_𝑉2".encode("utf-8")
rq("codec-high-ascii-ua", b"GET /yeah HTTP/1.1\r\nUser-Agent: " + ua + b"\r\n\r\n", "ok",
   [req("GET", "/yeah", headers=[("User-Agent", ua)])],
   "a User-Agent value made of UTF-8 bytes (0x80-0xFF): obs-text is allowed in a field value "
   "(RFC 9110 5.5, profile). proxygen with strictValidation=true rejects it (400); its default "
   "accepts", src(F, "TestHighAsciiUA"), nohost=True, peer_ok=False,
   diff="UTF-8 (obs-text) in a field value: proxygen's strictValidation mode rejects, the profile accepts")

nono = "Ñoño".encode("utf-8")
rq("codec-bad-url", b"GET /" + nono + b" HTTP/1.1\r\n\r\n", "either",
   [req("GET", b"/" + nono)],
   "a request-target with raw UTF-8 bytes (0x80-0xFF): not allowed by RFC 3986, but the profile "
   "makes such bytes in a target `either`. proxygen with strictValidation=true rejects (400)",
   src(F, "TestBadURL"), nohost=True, peer_ok=False)

rq("codec-underscore-host", b"CONNECT face_book.facebook.com:443 HTTP/1.1\r\n\r\n", "ok",
   [req("CONNECT", "face_book.facebook.com:443", framing="upgrade")],
   "CONNECT to an authority whose host has '_' (allowed in reg-name: unreserved, RFC 3986 3.2.2); "
   "the connection leaves HTTP/1 after the head (profile: CONNECT request is `upgrade`)",
   src(F, "TestUnderscoreAllowedInHost"), nohost=True, host=b"face_book.facebook.com:443")

for slug, m, test in (("codec-head-request", "HEAD", "TestHeadRequestChunkedResponse"),
                      ("codec-get-request", "GET", "TestGetRequestChunkedResponse")):
    d = m.encode() + b" /www.facebook.com HTTP/1.1\nHost: www.facebook.com\n\n"
    rq(slug, d, "error", [],
       "the request part of an encoder test (the chunked response it then writes is not "
       "converted); " + LF_NOTE, src(F, test), diff=LF_DIFF)
    rq(slug + "-crlf", d.replace(b"\n", b"\r\n"), "ok", [req(m, "/www.facebook.com", headers=[H_FB])],
       "derived: the same request with CRLF line endings: a %s without body" % m,
       src(F, test, derived=CRLF_DERIVED))

ch = b"GET /aha HTTP/1.1\n" + b"Host: m.facebook.com\nAccept-Encoding: meflate\n\n"
rq("codec-chunked-headers", ch * 3, "error", [],
   "a request fed in two pieces (request-line, then the fields), three times on one codec; " + LF_NOTE,
   src(F, "TestChunkedHeaders"), diff=LF_DIFF)
rq("codec-chunked-headers-crlf", ch.replace(b"\n", b"\r\n") * 3, "ok",
   [req("GET", "/aha", headers=[("Host", "m.facebook.com"), ("Accept-Encoding", "meflate")])] * 3,
   "derived: the same three pipelined requests with CRLF line endings",
   src(F, "TestChunkedHeaders", derived=CRLF_DERIVED))

POST_FB = b"POST /www.facebook.com HTTP/1.1\r\nHost: www.facebook.com\r\n"
rq("codec-bad-post-100", POST_FB + b"Expect: 100-Continue\r\nContent-Length: 5\r\n\r\nabcdefghij", "error",
   [req("POST", "/www.facebook.com", headers=[H_FB, ("Expect", "100-Continue"), ("Content-Length", "5")],
        framing="length", body="abcde")],
   "Content-Length: 5 followed by 10 bytes: the first 5 are the body (RFC 9112 6.3), 'fghij' "
   "starts a second request that never ends, so an error follows the first message; proxygen agrees "
   "(onError on stream 2)", src(F, "TestBadPost100"))

rq("codec-cl-identical", POST_FB + b"Content-Length: 5\r\nContent-Length: 5\r\n\r\n", "error", [],
   "two identical Content-Length lines (profile: `either`), but the 5 body bytes never come, so "
   "the stream ends inside the message: error whichever reading is taken. proxygen accepts the "
   "head (its test does not end the stream); the -body variant tests the duplicate itself",
   src(F, "TestMultipleIdenticalContentLengthHeaders"))
rq("codec-cl-identical-body", POST_FB + b"Content-Length: 5\r\nContent-Length: 5\r\n\r\nabcde", "either",
   [req("POST", "/www.facebook.com", headers=[H_FB, ("Content-Length", "5"), ("Content-Length", "5")],
        framing="length", body="abcde")],
   "derived: the same with its 5-byte body: several identical Content-Length values may be read "
   "as one or rejected (RFC 9110 8.6, profile: `either`); proxygen accepts",
   src(F, "TestMultipleIdenticalContentLengthHeaders", derived="5-byte body added"))
rq("codec-cl-distinct", POST_FB + b"Content-Length: 5\r\nContent-Length: 6\r\n\r\n", "error", [],
   "two different Content-Length values: unrecoverable framing error (RFC 9112 6.3 step 5); "
   "proxygen agrees (400 before headers complete)", src(F, "TestMultipleDistinctContentLengthHeaders"))

rq("codec-te-chunked", POST_FB + b"Transfer-Encoding: chunked\r\n\r\n", "error", [],
   "Transfer-Encoding: chunked is fine, but no chunk follows and the stream ends inside the body: "
   "an error at end of stream (dump contract). proxygen's test only checks that the head is "
   "accepted (it never ends the stream); the -body variant adds the last chunk",
   src(F, "TestCorrectTransferEncodingHeader"))
rq("codec-te-chunked-body", POST_FB + b"Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n", "ok",
   [req("POST", "/www.facebook.com", headers=[H_FB, ("Transfer-Encoding", "chunked")], framing="chunked")],
   "derived: the same with an empty chunked body (last-chunk and empty trailer section)",
   src(F, "TestCorrectTransferEncodingHeader", derived="last chunk added"))
rq("codec-te-folded", POST_FB + b"Transfer-Encoding: \r\n chunked\r\nContent-Length: 8\r\n\r\n", "error", [],
   "Transfer-Encoding folded onto a continuation line (obs-fold) together with Content-Length: "
   "obs-fold in a request is an error (RFC 9112 5.2, profile), and TE with CL in a request too; "
   "proxygen agrees (400)", src(F, "TestFoldedTransferEncodingHeader"))
rq("codec-te-chunked-zorg", POST_FB + b"Transfer-Encoding: chunked, zorg\r\n\r\n", "error", [],
   "Transfer-Encoding: chunked, zorg in a request: chunked is not the final coding (RFC 9112 6.3: "
   "400) and 'zorg' is not a registered coding (profile: 501); proxygen agrees (400)",
   src(F, "TestBadTransferEncodingHeader"))

rq("codec-chained-body",
   b"POST /test.php HTTP/1.1\r\nHost: www.test.com\r\nContent-Length: 10\r\n\r\nabcde" + b"fghij", "ok",
   [req("POST", "/test.php", headers=[("Host", "www.test.com"), ("Content-Length", "10")],
        framing="length", body="abcdefghij")],
   "a Content-Length body that arrives in two buffers (IOBuf chain); proxygen agrees",
   src(F, "TestChainedBody"))

rs("codec-ignore-upstream-upgrade",
   b"HTTP/1.1 200 OK\r\nConnection: close\r\nUpgrade: h2,h2c\r\n\r\n<!DOCTYPE html>", "ok",
   [res(200, headers=[("Connection", "close"), ("Upgrade", "h2,h2c")], framing="close", body="<!DOCTYPE html>")],
   "a 200 response carrying Upgrade: only a 101 switches protocols (RFC 9110 7.8), so the body "
   "(no Content-Length, no Transfer-Encoding) runs to the end of the stream (RFC 9112 6.3 step 8); "
   "proxygen agrees (15 body bytes)", src(F, "TestIgnoreUpstreamUpgrade"))

rs("codec-websocket-key-error",
   b"HTTP/1.1 200 OK\r\nConnection: upgrade\r\nUpgrade: websocket\r\n\r\n", "ok",
   [res(200, headers=[("Connection", "upgrade"), ("Upgrade", "websocket")], framing="close")],
   "differs from proxygen: a 200 (not 101) answer to a WebSocket upgrade request. proxygen's "
   "codec, having sent the upgrade request, reports an error (no 101 / no Sec-WebSocket-Accept). "
   "At the HTTP/1 message level it is a well-formed 200 whose close-delimited body is empty at "
   "end of stream (RFC 9112 6.3 step 8); refusing the upgrade is the server's right (RFC 9110 7.8) "
   "and failing the handshake is the WebSocket client's business (RFC 6455 4.1), not the decoder's",
   src(F, "WebsocketUpgradeKeyError"),
   diff="200 answer to a WebSocket upgrade request: proxygen errors, the message itself is valid")

rq("codec-header-value-ws",
   b"GET /status.php HTTP/1.1\r\nHost: www.facebook.com  \r\nX-FB-HEADER: yay \r\n\r\n", "ok",
   [req("GET", "/status.php", headers=[H_FB, ("X-FB-HEADER", "yay")])],
   "trailing whitespace after field values is OWS, not part of the value (RFC 9112 5); proxygen agrees",
   src(F, "TestHeaderValueWhiteSpaces"))

rq("codec-get-root", b"GET / HTTP/1.1\r\n\r\n", "ok", [req("GET", "/")],
   "a minimal HTTP/1.1 GET (the tests check codec state, not the parse)",
   src(F, "DownstreamGoaway") + "; the same bytes in " + DOWN + ": HttpUpgradeNonNativePipeline "
   "(its literal second request; the first is built by proxygen's encoder and not taken)",
   nohost=True)

rs("codec-connect-cr-cr-lf", b"HTTP/1.1 200 OK\r\r\n", "error", [],
   "a status-line ended by CR CR LF, in answer to CONNECT: a CR not followed by LF is an error "
   "(RFC 9112 2.2, profile), and the head never ends anyway. proxygen's test does not check the "
   "parse outcome (it checks closeOnEgressComplete)", src(F, "CloseOnEgressCompleteUpstreamConnect"),
   methods=["CONNECT"])
rs("codec-connect-200", b"HTTP/1.1 200 OK\r\n\r\n", "ok", [res(200, framing="upgrade")],
   "derived: a well-formed 200 to CONNECT: a 2xx response to CONNECT switches to tunnel mode "
   "(RFC 9110 9.3.6, profile: `upgrade`)",
   src(F, "CloseOnEgressCompleteUpstreamConnect", derived="status-line ended by CRLF, empty line added"),
   methods=["CONNECT"])

rq("codec-http10-root", b"GET / HTTP/1.0\r\n\r\n", "ok", [req("GET", "/", "HTTP/1.0")],
   "an HTTP/1.0 GET without fields (no Host needed, no body); the test checks the encoder's "
   "close-delimited response", src(F, "CloseOnEgressCompleteDownstreamResponse"))

wsd = b"GET / HTTP/1.1\r\nConnection:\r\nUpgrade:websocket\r\n\r\n"
rq("codec-websocket-duplicate", wsd * 2, "ok",
   [req("GET", "/", headers=[("Connection", ""), ("Upgrade", "websocket")])] * 2,
   "the same request twice: an empty Connection value and 'Upgrade:websocket' (no space after "
   "the colon is fine, OWS is optional). A request carrying Upgrade is an ordinary message and "
   "decoding goes on after it (profile, RFC 9110 7.8); an empty field value is allowed (RFC 9110 "
   "5.5). proxygen reports one error: its WebSocket check wants 'Connection: upgrade' (a "
   "semantic check above the message syntax)", src(F, "WebsocketUpgradeDuplicate"),
   nohost=True, starts=(0, len(wsd)),
   diff="Upgrade: websocket with an empty Connection field: proxygen errors (WebSocket semantics), the messages are well formed")

huge = b"GET /echo?q=" + b"a" * (84 * 1024) + b" HTTP/1.1\r\nHost: foo\r\n\r\n"
rq("codec-huge-url", huge, "error", [],
   "an 86 KiB request-line: over the profile's default limits (16 KiB per line, 64 KiB head), "
   "its own limit error; proxygen agrees (400)", src(F, "HugeURL"))

esc = b"%c3%91o%c3%b1o"   # folly::uriEscape (ALL mode, lower-case hex) of "Ñoño"
good = b"GET /echo?dl=" + esc + b" HTTP/1.1\r\n\r\n"
badr = b"GET /echo?dl=" + nono + b" HTTP/1.1\r\n\r\n"
rq("codec-utf8-chars", good + badr, "either",
   [req("GET", b"/echo?dl=" + esc), req("GET", b"/echo?dl=" + nono)],
   "a query with the percent-encoded UTF-8 of 'Ñoño' (folly::uriEscape), then the same with raw "
   "UTF-8 bytes: the first is valid, the second has bytes 0x80-0xFF in the target (profile: "
   "`either`; a rejecting decoder still yields the first message). proxygen with "
   "strictValidation=true accepts the first and rejects the second",
   src(F, "UTF8Chars"), nohost=True, starts=(0, len(good)))
rq("codec-utf8-chars-2022", badr + good, "either",
   [req("GET", b"/echo?dl=" + nono), req("GET", b"/echo?dl=" + esc)],
   "the former form of the test (raw UTF-8 first, then percent-encoded), run on the default "
   "codec, where proxygen accepted both (with a TODO saying the first should be an error). Bytes "
   "0x80-0xFF in a target: `either` (a rejecting decoder stops at the first request)",
   src(F, "UTF8Chars", version=CODEC_OLD), nohost=True, starts=(0, len(badr)))

echo = b"GET /echo HTTP/1.1\r\n\r\n"
xcrlf = b"\r" + echo + b"\n" + echo + b"\r\n" + echo + b"\r\n\r\n" + echo + b"\r\n\r\n"
rq("codec-extra-crlf", xcrlf, "error", [],
   "differs from proxygen: stray line breaks before and between four requests: a lone CR, a "
   "lone LF, one CRLF, two CRLFs, and two CRLFs at the end; proxygen skips them all and reads 4 "
   "requests. The stream starts with a CR not followed by LF, an error (RFC 9112 2.2, profile); "
   "the requests also lack Host. The -host variants below take the separators one by one",
   src(F, "ExtraCRLF"),
   diff="stray CR / LF / repeated CRLF around requests: proxygen skips them all, the profile skips at most one CRLF")
E = b"GET /echo HTTP/1.1\r\nHost: example.com\r\n\r\n"
EM = req("GET", "/echo", headers=[("Host", "example.com")])
XS = "derived: ExtraCRLF's requests with Host: example.com added; "
rq("codec-extra-crlf-host", with_host(xcrlf, (1, 1 + len(echo) + 1, 1 + 2 * len(echo) + 3,
                                              1 + 3 * len(echo) + 7)), "error", [],
   XS + "the whole stream: it starts with a lone CR (not followed by LF), an error before any "
   "message (RFC 9112 2.2, profile)", src(F, "ExtraCRLF", derived="Host field added"),
   diff="leading lone CR before a request-line: proxygen skips it, the profile rejects")
rq("codec-extra-crlf-lf", E + b"\n" + E, "error", [EM],
   XS + "a lone LF between two requests: not a CRLF, so not an empty line the server may skip "
   "(RFC 9112 2.2; a bare LF is an error in the profile): error after the first request",
   src(F, "ExtraCRLF", "second separator", derived="Host field added, one separator"),
   diff="lone LF between requests: proxygen skips it, the profile rejects")
rq("codec-extra-crlf-crlf", E + b"\r\n" + E, "ok", [EM, EM],
   XS + "one CRLF between two requests: at most one empty line before a request-line is skipped "
   "(RFC 9112 2.2, profile)", src(F, "ExtraCRLF", "third separator", derived="Host field added, one separator"))
rq("codec-extra-crlf-2crlf", E + b"\r\n\r\n" + E, "error", [EM],
   XS + "two CRLFs between two requests: the profile skips at most one empty line, so the "
   "second is read as an (empty, invalid) request-line: error after the first request",
   src(F, "ExtraCRLF", "fourth separator", derived="Host field added, one separator"),
   diff="two empty lines before a request-line: proxygen skips them, the profile skips at most one")
rq("codec-extra-crlf-trailing", E + b"\r\n\r\n", "error", [EM],
   XS + "two CRLFs after the last request, then end of stream: one CRLF after a complete request "
   "is 'between messages' (dump contract), the second is a second empty line, which the profile "
   "does not skip (at most one), so it is read as an invalid request-line",
   src(F, "ExtraCRLF", "trailing separator", derived="Host field added, one separator"),
   diff="two trailing CRLFs after the last request: proxygen ignores them, the profile skips at most one empty line")

rq("codec-get-echo", echo, "ok", [req("GET", "/echo")],
   "a minimal GET (the test then checks that the encoder writes Content-Length last)",
   src(F, "ContentLengthLast"), nohost=True)

hcl = b"POST /echo HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffff\r\n"
rq("codec-huge-chunk-length", hcl, "error", [],
   "a chunk-size of 16 hex f's (2^64-1). proxygen rejects it as too large (400). In the profile "
   "a chunk-size that fits u64 is valid, so a decoder may accept the size; the stream then ends "
   "inside the chunk data, so it is an error all the same (whether a decoder accepts the size "
   "itself cannot be seen without 2^64-1 bytes of data)", src(F, "HugeChunkLength"), nohost=True)
rq("codec-huge-content-length", b"POST /echo HTTP/1.1\r\nContent-Length: ffffffffffffffff\r\n",
   "error", [],
   "Content-Length: ffffffffffffffff is not 1*DIGIT (RFC 9110 8.6), an error (and the head never "
   "ends); proxygen agrees (400)", src(F, "HugeContentLength"), nohost=True)
rq("codec-huge-content-length-complete",
   b"POST /echo HTTP/1.1\r\nHost: example.com\r\nContent-Length: ffffffffffffffff\r\n\r\n", "error", [],
   "derived: the same with Host and the head completed, so only the hex Content-Length decides: "
   "not 1*DIGIT (RFC 9110 8.6), an error",
   src(F, "HugeContentLength", derived="Host added, empty line added"))

rs("codec-trailers-non-chunked",
   b"HTTP/1.1 200 Ok\r\nContent-Length: 10\r\n\r\naaaaaaaaaa0\r\nTrailer-1: trailer\r\n\r\n", "error",
   [res(200, "Ok", headers=[("Content-Length", "10")], framing="length", body="aaaaaaaaaa")],
   "a Content-Length response followed by what looks like a last-chunk and a trailer: the body "
   "is the 10 bytes, then '0' starts a next response whose status-line is invalid: error after "
   "the first message; proxygen agrees (onError on the second message)", src(F, "TrailersNonChunked"))

CTL = b'Foo: "\\\r\\\n"\r\n'   # Foo: "\<CR>\<LF>"<CR><LF>
rq("codec-header-ctls", (b"GET / HTTP/1.1\r\n" + CTL + b"\r\n") * 2, "error", [],
   "a field value holding a raw CR (not followed by LF) and a raw LF: 'Foo: \"\\<CR>\\<LF>\"'. "
   "CR and LF are never allowed in a value and a CR not followed by LF is an error (RFC 9112 2.2, "
   "RFC 9110 5.5). proxygen with strictValidation=false accepts it (value '\"\\<CR>\\<LF>\"'), "
   "then with strictValidation=true rejects the second copy (400)", src(F, "HeaderCtls"),
   nohost=True, starts=(0, 16 + len(CTL) + 2),
   diff="CR/LF inside a field value: proxygen's default (non-strict) codec accepts them, the profile rejects")
rq("codec-header-ctls-middle", b"GET / HTTP/1.1\r\n" + CTL + b"Bar: b\r\n\r\n", "error", [],
   "the same raw CR/LF in a field value followed by another field: error (RFC 9112 2.2, RFC 9110 "
   "5.5); proxygen with strictValidation=true agrees (400)", src(F, "HeaderCtlsMiddle"), nohost=True)
rq("codec-trailer-ctls",
   b"GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n" + CTL + b"\r\n", "error", [],
   "the raw CR/LF in a trailer field value of a chunked GET: trailers follow field syntax (RFC "
   "9112 7.1.2), so an error; proxygen with strictValidation=true agrees (400 after the head)",
   src(F, "TrailerCtls"), nohost=True)

for t, why in [
    ("TestResponseSplit", "round trip through proxygen's encoder (a header value with CRLF is dropped by the encoder)"),
    ("TestO9NoVersion", "checks the bytes the encoder writes"),
    ("TestChunkedUpstream", "checks the bytes the encoder writes"),
    ("Test1xxConnectionHeader", "round trip through proxygen's encoder"),
    ("WebsocketUpgrade", "round trip through proxygen's encoder"),
    ("WebsocketUpgradeHeaderSet", "round trip through proxygen's encoder"),
    ("WebsocketConnectionHeader", "round trip through proxygen's encoder"),
    ("TrailersAndEomAreNotGeneratedWhenNonChunked", "checks the bytes the encoder writes"),
    ("TestChunkResponseSerialization", "round trip through proxygen's encoder"),
    ("TestGenerateEmptyBodyWithEOM", "checks the bytes the encoder writes"),
    ("GenerateExtraHeaders", "round trip through proxygen's encoder"),
    ("Dechunk", "round trip through proxygen's encoder"),
    ("Chunkify", "round trip through proxygen's encoder"),
    ("Chunkify100", "round trip through proxygen's encoder"),
    ("ConnectionHeaderTest/TestConnectionHeaders (6 instantiations)", "round trip through proxygen's encoder"),
]:
    skip(F, t, "encoding (egress) test: " + why)
for t in ("DownstreamImmediateGoaway", "DownstreamErrorGoaway", "GenerateRst", "UpstreamGoaway"):
    skip(F, t, "codec state only, no input bytes")
skip(F, "UpgradeHeaderCaseInsensitive", "calls a helper function (checkForProtocolUpgrade), no input bytes")

# ===========================================================================
# HTTPUpstreamSessionTest.cpp (responses read by an HTTP/1.1 client session)
# ===========================================================================
F = UP
BASIC = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
BM = res(200, headers=[("Transfer-Encoding", "chunked")], framing="chunked")
rs("us-basic", BASIC, "ok", [BM],
   "a chunked 200 with an empty body (testBasicRequest); proxygen agrees",
   src(F, "BasicRequest (testBasicRequest)") + "; the same bytes in TestFirstHeaderByteEventTracker, "
   "WriteTimeoutAfterResponse")
rs("us-two", BASIC * 2, "ok", [BM] * 2,
   "two such responses on one connection", src(F, "TwoRequests") + "; the same bytes in TwoRequestsWithPause")
rs("us-ten", BASIC * 10, "ok", [BM] * 10, "ten such responses on one connection", src(F, "10Requests"))
rs("us-three", BASIC * 3, "ok", [BM] * 3, "three such responses on one connection",
   src(F, "SetIngressTimeoutAfterSendEom"))
rs("us-http10-keepalive",
   b"HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-length: 7\r\n\r\ncontent"
   b"HTTP/1.0 200 OK\r\nConnection: close\r\nContent-length: 7\r\n\r\ncontent", "ok",
   [res(200, headers=[("Connection", "keep-alive"), ("Content-length", "7")], framing="length",
        body="content", version="HTTP/1.0"),
    res(200, headers=[("Connection", "close"), ("Content-length", "7")], framing="length",
        body="content", version="HTTP/1.0")],
   "two HTTP/1.0 responses with Content-Length (lower-case 'length' in the name is fine, names "
   "are case-insensitive), the first keep-alive; proxygen agrees (two requests of testBasicRequestHttp10)",
   src(F, "Http10Keepalive"))
rs("us-basic-trailers",
   b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX-Trailer1: foo\r\n\r\n", "ok",
   [res(200, headers=[("Transfer-Encoding", "chunked")], framing="chunked", trailers=[("X-Trailer1", "foo")])],
   "an empty chunked body with one trailer field; proxygen agrees", src(F, "BasicTrailers"))
rs("us-100-continue-keepalive", b"HTTP/1.1 100 Continue\r\n\r\n" + BASIC + BASIC, "ok",
   [res(100, "Continue", framing="none"), BM, BM],
   "a 100 Continue (a message of its own, no body: RFC 9112 6.3 step 1) before the final chunked "
   "200, then the next exchange's 200; proxygen agrees", src(F, "100ContinueKeepalive"))
rs("us-417-keepalive", b"HTTP/1.1 417 Expectation Failed\r\nContent-Length: 0\r\n\r\n" + BASIC, "ok",
   [res(417, "Expectation Failed", headers=[("Content-Length", "0")], framing="length"), BM],
   "a 417 with Content-Length: 0, then the next exchange's chunked 200; proxygen agrees",
   src(F, "417Keepalive"))
rs("us-101-upgrade", b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: http/2.0\r\n\r\nTest Body\r\n", "ok",
   [res(101, "Switching Protocols", headers=[("Upgrade", "http/2.0")], framing="upgrade")],
   "a 101 switches protocols after its head (RFC 9110 15.2.2, profile: `upgrade`); the bytes "
   "after it ('Test Body\\r\\n') belong to the new protocol and are not decoded; proxygen agrees "
   "(passes them up as upgraded data)", src(F, "101Upgrade"))
rs("us-101-h2c", b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\n\r\n", "ok",
   [res(101, "Switching Protocols", headers=[("Upgrade", "h2c")], framing="upgrade")],
   "a 101 to h2c (the HTTP/2 bytes that follow are built by proxygen's encoder and not taken); "
   "proxygen agrees", src(F, "HttpUpgradeNativeH2 (testSimpleUpgrade)") + "; the same bytes in "
   "HttpUpgradeNativeUnknown, HttpUpgradeNativeWhitespace, HttpUpgradeNativeJunk, "
   "HTTPUpstreamRecvStreamTest.UpgradeFlowControl, HttpUpgradePost100Http2")
rs("us-101-unexpected", b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: spdy/3\r\n\r\n", "ok",
   [res(101, "Switching Protocols", headers=[("Upgrade", "spdy/3")], framing="upgrade")],
   "differs from proxygen: a 101 answering a request that asked for no upgrade. proxygen's "
   "session reports an error; a server MUST NOT switch to a protocol the client did not offer "
   "(RFC 9110 7.8), but that is checked against the request by the caller: the dump has no "
   "request, and the profile frames every 101 as `upgrade`", src(F, "HttpUpgrade101Unexpected"),
   diff="unsolicited 101: proxygen errors (session check against its request), the decoder frames it as upgrade")
rs("us-101-missing-upgrade", b"HTTP/1.1 101 Switching Protocols\r\n\r\n", "ok",
   [res(101, "Switching Protocols", framing="upgrade")],
   "differs from proxygen: a 101 without an Upgrade field. RFC 9110 15.2.2 says the server MUST "
   "send Upgrade, and proxygen errors; the profile frames every 101 as `upgrade` (the switch "
   "itself is for the caller to validate against its request)", src(F, "HttpUpgrade101MissingUpgrade"),
   diff="101 without Upgrade field: proxygen errors, the decoder frames it as upgrade")
rs("us-101-bogus", b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: blarf\r\n\r\n", "ok",
   [res(101, "Switching Protocols", headers=[("Upgrade", "blarf")], framing="upgrade")],
   "differs from proxygen: a 101 naming a protocol ('blarf') the request did not offer (it asked "
   "for spdy/3). proxygen errors; matching the protocol against the request is the caller's "
   "check (RFC 9110 7.8), the profile frames every 101 as `upgrade`", src(F, "HttpUpgrade101BogusHeader"),
   diff="101 to a protocol not offered: proxygen errors, the decoder frames it as upgrade")
rs("us-100-then-101",
   b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\n\r\n", "ok",
   [res(100, "Continue", framing="none"),
    res(101, "Switching Protocols", headers=[("Upgrade", "h2c")], framing="upgrade")],
   "a 100 Continue, then a 101 to h2c (answering a POST with Expect: 100-continue); proxygen agrees",
   src(F, "HttpUpgradePost100"))
rs("us-upgrade-on-txn2",
   b"HTTP/1.1 200 Ok\r\nContent-Length: 10\r\n\r\nabcdefghij" + b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n",
   "ok", [res(200, "Ok", headers=[("Content-Length", "10")], framing="length", body="abcdefghij"),
          res(200, headers=[("Content-Length", "0")], framing="length")],
   "two 200 responses with Content-Length (the requests asked for an upgrade, which the server "
   "ignored); proxygen agrees", src(F, "HttpUpgradeOnTxn2"))

# ===========================================================================
# HTTPDownstreamSessionTest.cpp (requests read by an HTTP/1.1 server session)
# ===========================================================================
F = DOWN
HEX = ("Host", "example.com")
rq("ds-http10-absolute", b"GET http://example.com/foo?bar HTTP/1.0\r\n\r\n", "ok",
   [req("GET", "http://example.com/foo?bar", "HTTP/1.0")],
   "an HTTP/1.0 request in absolute-form without fields (RFC 9112 3.2.2); proxygen agrees",
   src(F, "Http10NoHeadersEof"))
rq("ds-single-bytes",
   b"GET /somepath.php?param=foo HTTP/1.1\r\nHost: example.com\r\nConnection: close\r\n\r\n", "ok",
   [req("GET", "/somepath.php?param=foo", headers=[HEX, ("Connection", "close")])],
   "a GET with Connection: close, fed one byte at a time (the runner's split sizes stand for "
   "that) or as movable/chained buffers; proxygen agrees",
   src(F, "SingleBytes") + "; the same bytes in EarlyAbort, MovableBuffer, MovableBufferChained, "
   "MovableBufferMultiple, MovableBufferChainedEmptyBuffer")
rq("ds-single-bytes-body",
   b"POST /somepath.php?param=foo HTTP/1.1\r\nHost: example.com\r\nMyHeader: FooBar\r\n"
   b"Content-Length: 5\r\n\r\n12345", "ok",
   [req("POST", "/somepath.php?param=foo", headers=[HEX, ("MyHeader", "FooBar"), ("Content-Length", "5")],
        framing="length", body="12345")],
   "a POST with a 5-byte body, fed one byte at a time; proxygen agrees", src(F, "SingleBytesWithBody"))
rq("ds-split-body",
   b"POST / HTTP/1.1\r\nHost: example.com\r\nContent-Length: 10\r\n\r\n12345" + b"abcde", "ok",
   [req("POST", "/", headers=[HEX, ("Content-Length", "10")], framing="length", body="12345abcde")],
   "a Content-Length body in two reads; proxygen agrees", src(F, "SplitBody"))
pc = (b"POST http://example.com/cgi-bin/foo.aspx?abc&def HTTP/1.1\r\nHost: example.com\r\nContent-Type: text/pla"
      b"in; charset=utf-8\r\nTransfer-encoding: chunked\r\n\r"
      b"\n3\r\nbar\r\n22\r\n0123456789abcdef\nfedcba9876543210\n\r\n3\r"
      b"\nfoo\r\n0\r\n\r\n")
rq("ds-post-chunked", pc, "ok",
   [req("POST", "http://example.com/cgi-bin/foo.aspx?abc&def",
        headers=[HEX, ("Content-Type", "text/plain; charset=utf-8"), ("Transfer-encoding", "chunked")],
        framing="chunked", body="bar0123456789abcdef\nfedcba9876543210\nfoo")],
   "an absolute-form chunked POST in four reads cut inside a field value and between CR and LF; "
   "chunk sizes 3, 0x22 (34 bytes holding bare LFs, which are data) and 3; proxygen agrees",
   src(F, "PostChunked"))
mm = (b"POST / HTTP/1.1\r\nHost: example.com\r\nContent-Length: 10\r\n\r\nfoo"
      b"bar9876POST /foo HTTP/1.1\r\nHost: exa"
      b"mple.com\r\nConnection: close\r\nTrans"
      b"fer-encoding: chunked\r\n\r\n"
      b"a\r\nsome "
      b"data\n\r\n0\r\n\r\n")
rq("ds-multi-message", mm, "ok",
   [req("POST", "/", headers=[HEX, ("Content-Length", "10")], framing="length", body="foobar9876"),
    req("POST", "/foo", headers=[HEX, ("Connection", "close"), ("Transfer-encoding", "chunked")],
        framing="chunked", body="some data\n")],
   "two pipelined POSTs (Content-Length 10, then chunked with Connection: close) in six reads; "
   "proxygen agrees", src(F, "MultiMessage"))
cp = b"".join(b"GET /echo HTTP/1.1\r\nHost: jojo\r\nId: %d\r\n\r\n" % i for i in range(1, 5))
rq("ds-client-pipelined", cp, "ok",
   [req("GET", "/echo", headers=[("Host", "jojo"), ("Id", str(i))]) for i in range(1, 5)],
   "four pipelined GETs in one read; proxygen agrees", src(F, "ClientPipelined"))
rq("ds-connect", b"CONNECT test HTTP/1.1\r\n\r\n12345" + b"abcde", "error", [],
   "differs from proxygen: CONNECT with target 'test', which has no port. RFC 9112 3.2.3: the "
   "CONNECT target is authority-form, uri-host \":\" port, port required (profile: error). "
   "proxygen accepts it (and no Host) and tunnels '12345abcde'",
   src(F, "Connect") + "; the same bytes in ConnectRejected", nohost=True, host=b"test",
   orig_note="an error for its target without port (below) and for its missing Host (RFC 9112 3.2)",
   diff="CONNECT target without port ('test'): proxygen accepts, the profile rejects (RFC 9112 3.2.3)")
DIFFS.append(("proxygen-ds-connect", "CONNECT target without port ('test') and no Host: proxygen accepts, the profile rejects"))
rq("ds-connect-port", b"CONNECT test:443 HTTP/1.1\r\nHost: test:443\r\n\r\n12345abcde", "ok",
   [req("CONNECT", "test:443", headers=[("Host", "test:443")], framing="upgrade")],
   "derived: the same CONNECT with a port and a Host: the head is followed by tunnel data, which "
   "is not decoded (profile: CONNECT request is `upgrade`)",
   src(F, "Connect", derived="port 443 and Host added"))
rq("ds-upgrade-native-extra", b"GET / HTTP/1.1\r\nUpgrade: spdy/3\r\n\r\n", "ok",
   [req("GET", "/", headers=[("Upgrade", "spdy/3")])],
   "a GET carrying Upgrade: spdy/3 is an ordinary message (only a 101 switches; the dump keeps "
   "decoding). In proxygen's test it is pipelined after an upgrade request, so proxygen has "
   "already switched to SPDY and rejects it; alone it is a plain GET",
   src(F, "HttpUpgradeNativeExtra", "the literal pipelined request (the first, encoder-built, is not taken)"),
   nohost=True, peer_ok=False)
rq("ds-garbage-char", b"?", "error", [],
   "a lone '?' where a request-line should start: '?' is not a tchar, so no method (RFC 9110 "
   "5.6.2): error; proxygen agrees (400). The requests before it are built by proxygen's encoder "
   "and not taken", src(F, "HttpWithAckTimingPipelineError") + "; the same byte in HttpWithAckTimingConnError")
rq("ds-malformed-lf", b"\n" * 90000, "error", [],
   "90000 bare LFs: a bare LF is an error in the profile (RFC 9112 2.2 lets a server ignore "
   "empty lines before a request-line, the profile at most one CRLF); proxygen closes the "
   "connection", src(F, "HttpMalformedPkt1"))
rq("ds-write-timeout-pipeline",
   b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\nGET / HTTP/1.1\r\nHost: localhost\r\n\r\n", "ok",
   [req("GET", "/", headers=[("Host", "localhost")])] * 2,
   "two pipelined GETs; proxygen agrees", src(F, "WriteTimeoutPipeline"))


# ===========================================================================
def write_md(path):
    L = []
    A = L.append
    n = len(CASES)
    own = [c for c in CASES if "(variant:" not in c["source"]]
    der = [c for c in CASES if "(variant:" in c["source"]]
    byexp = Counter(c["expect"] for c in CASES)
    A("## proxygen (Meta's HTTP/1.x codec and sessions)\n")
    A("### Origin and licence\n")
    A("These cases come from the unit tests of **proxygen** (https://github.com/facebook/proxygen), Meta's "
      "HTTP library (its `HTTP1xCodec` is built on a fork of http_parser). proxygen is released under the BSD "
      "licence, copyright Meta Platforms, Inc. and affiliates; the full text is in its `LICENSE` file. Only "
      "the test messages (the byte strings the tests feed to the codec or session) are taken, with the file "
      "and test name in each case's `source`; no proxygen code or prose is copied.\n")
    A("| file | version used |\n| --- | --- |")
    A("| `%s` | the newest stored version (56 749 characters, 'Meta Platforms' "
      "header, has the strictValidation tests). The tool did not report its commit. The listing's commit "
      "`2aac691c0ff3` (an older, 50 176-character version) was read too, for the former form of `UTF8Chars` |" % CODEC)
    A("| `%s` | `0de55100cfbac11393fe2f4750a3d320e6b2eff6` (154 641 characters; the index's newest copy is "
      "161 742 characters and was not read) |" % DOWN)
    A("| `%s` | `0de55100cfbac11393fe2f4750a3d320e6b2eff6` (97 645 characters) |" % UP)
    A("")
    A("`proxygen_make.py` writes `proxygen.json` and this section (`proxygen.md`); it has no dependencies.\n")
    A("### How the tests were turned into streams\n")
    A("- **Role.** Bytes given to a `DOWNSTREAM` codec or a downstream session are `request` cases; bytes "
      "given to an `UPSTREAM` codec or session are `response` cases, with `methods` `CONNECT` where the "
      "test's request was a CONNECT.")
    A("- **Several `onIngress` calls / read events** on one codec or session are concatenated into one "
      "stream (the runner's split sizes stand for the slicing). Byte-identical streams are one case whose "
      "`source` lists every test.")
    A("- **End of stream.** proxygen's codec tests do not signal EOF. A test that stops inside a message "
      "(`TestCorrectTransferEncodingHeader`, `TestMultipleIdenticalContentLengthHeaders`, `HugeChunkLength`, "
      "...) is therefore `error` here; a derived variant completes the message where that is what the test "
      "is about (`-body`, `-complete`).")
    A("- **Options.** `strictValidation` (set by some tests) does not change the expectation; the note says "
      "what proxygen does with and without it.")
    A("- **Missing Host.** proxygen's codec does not require Host. Each HTTP/1.1 request without Host is "
      "repeated as `<id>-host` with `Host: example.com` (or the CONNECT authority) after each request-line; "
      "where the request is an error for another reason too, the `-host` variant stays `error`.")
    A("- **Bare LF.** Several codec tests write their requests with bare LF line endings (http_parser "
      "accepts them). They are converted with the strict expectation (`error`), and a `-crlf` variant with "
      "CRLF endings tests what the test is about.")
    A("- **Session tests.** From the two session test files only HTTP/1 tests with literal byte strings were "
      "taken. Requests and responses those files build with proxygen's own encoder (`sendRequest(getGetRequest())`, "
      "`getResponseBuf`, ...), and the HTTP/2, SPDY and mock-codec tests, are not converted and not counted "
      "below. Where a stream mixes literal and encoder-built bytes, only the literal part is taken (the "
      "note says so).")
    A("")
    A("### Counts\n")
    conv_codec = sorted({c["source"].split("): ", 1)[1].split(",")[0].split(" (")[0].split(";")[0]
                         for c in own if CODEC in c["source"]})
    A("- `HTTP1xCodecTest.cpp`: **%d tests**: converted **%d**, skipped **%d** (a parameterized test counts once)." % (
        len(conv_codec) + len(SKIPPED), len(conv_codec), len(SKIPPED)))
    A("- Session tests converted (HTTP/1 tests with literal bytes): `HTTPUpstreamSessionTest.cpp` %d "
      "streams, `HTTPDownstreamSessionTest.cpp` %d streams (tests with identical bytes merged)." % (
          sum(UP in c["source"] for c in own), sum(DOWN in c["source"] for c in own)))
    A("- **Cases: %d** (request %d, response %d): ok %d, error %d, either %d; proxygen's own streams %d, "
      "derived variants %d (`-host` %d, `-crlf` %d, other %d)." % (
        n, sum(c["mode"] == "request" for c in CASES), sum(c["mode"] == "response" for c in CASES),
        byexp["ok"], byexp["error"], byexp["either"], len(own), len(der),
        sum(c["id"].endswith("-host") for c in der), sum(c["id"].endswith("-crlf") for c in der),
        sum(not (c["id"].endswith("-host") or c["id"].endswith("-crlf")) for c in der)))
    A("")
    A("| | ok | error | either |\n| --- | ---: | ---: | ---: |")
    for lab, group in (("own, request", [c for c in own if c["mode"] == "request"]),
                       ("own, response", [c for c in own if c["mode"] == "response"]),
                       ("derived, request", [c for c in der if c["mode"] == "request"]),
                       ("derived, response", [c for c in der if c["mode"] == "response"])):
        e = Counter(c["expect"] for c in group)
        if group:
            A("| %s | %d | %d | %d |" % (lab, e["ok"], e["error"], e["either"]))
    A("")
    A("- **Skipped (%d, all in `HTTP1xCodecTest.cpp`), by reason:**" % len(SKIPPED))
    reasons = Counter(r.split(":")[0] for f, t, r in SKIPPED)
    for r, k in reasons.most_common():
        A("  - %s: %d (%s)" % (r, k, ", ".join(t for f, t, rr in SKIPPED if rr.split(":")[0] == r)))
    A("")
    A("### Cases whose expectation differs from proxygen's answer\n")
    A("proxygen's answer is its default codec's unless the line says otherwise (`strictValidation`).\n")
    A("- **Missing Host (%d cases).** proxygen accepts an HTTP/1.1 request without Host; RFC 9112 3.2 and "
      "the profile reject it. Each has a `-host` counterpart: %s." % (len(NOHOST), ", ".join("`%s`" % i for i in NOHOST)))
    for cid, why in DIFFS:
        A("- `%s`: %s." % (cid, why))
    A("- **End of stream only** (not a different reading): `proxygen-codec-te-chunked`, "
      "`proxygen-codec-cl-identical`, `proxygen-codec-huge-chunk-length(-host)`: proxygen's test accepts the "
      "head and never ends the stream; the dump's end of stream makes them `error`.")
    with open(path, "w") as f:
        f.write("\n".join(L) + "\n")


def main():
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))
    with open(os.path.join(here, NAME + ".json"), "w") as f:
        json.dump(CASES, f, ensure_ascii=True, indent=1)
    write_md(os.path.join(here, NAME + ".md"))
    print("cases:", len(CASES), dict(Counter(c["expect"] for c in CASES)))
    print("by mode:", dict(Counter((c["mode"], c["expect"]) for c in CASES)))
    print("skipped:", len(SKIPPED))


if __name__ == "__main__":
    main()
