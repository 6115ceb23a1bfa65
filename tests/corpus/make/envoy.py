#!/usr/bin/env python3
"""Build tests/corpus/envoy.json: h1wire corpus cases from Envoy's HTTP/1 codec tests.

Envoy (https://github.com/envoyproxy/envoy, Apache License 2.0) tests its HTTP/1
codec in test/common/http/http1/ (codec_impl_test.cc, balsa_parser_test.cc,
parser_impl_test.cc).  Only the byte streams those tests feed to the server
(request) or client (response) codec, or to the parsers directly, are taken here,
rebuilt from the C++ literals, StrCat/fmt::format and loops.  Each case's
expectation is decided by the strict profile of CONFORMANCE.md section 3 and
RFC 9112 / RFC 9110, not by Envoy's answer; where Envoy answers differently the
note says so ("differs from Envoy: ...").  Envoy runtime flags and codec options
set by a test do not change the expectation: the note says what Envoy does.

Run: python3 tests/corpus/make/envoy.py   (writes envoy.json beside this script)
"""

import json
import os

from common import b2s, text as B, req, res

REPO = "envoyproxy/envoy"
DIR = "test/common/http/http1/"
# Stored versions read with the search tool's read_file.
VERSIONS = {
    "codec_impl_test.cc": "the newest stored version (198249 chars, parameterized over http-parser and Balsa; the index gave no commit for it)",
    "balsa_parser_test.cc": "f1195d6c029692a54cb64be202efeabc302a04c6",
    "parser_impl_test.cc": "c77400de17f148348731dd613e22777de55f6627",
}
CODEC = "codec_impl_test.cc"
BALSA = "balsa_parser_test.cc"
PIMPL = "parser_impl_test.cc"

CASES = []
SEEN = {}
SKIPPED = []  # (file, test, reason)
DUPLICATES = []


def src(fname, test, detail=None, derived=None):
    v = VERSIONS[fname]
    v = ("commit " + v[:12]) if len(v) == 40 else v
    s = "%s %s%s (%s): %s" % (REPO, DIR, fname, v, test)
    if detail:
        s += ", " + detail
    if derived:
        s += " (variant: %s)" % derived
    return s


def add(slug, mode, data, expect, messages, note, source, methods=()):
    if isinstance(data, str):
        data = data.encode("latin-1")
    assert expect in ("ok", "error", "either")
    cid = "envoy-" + slug
    assert cid not in {c["id"] for c in CASES}, cid
    key = (mode, tuple(methods), data)
    if key in SEEN:
        DUPLICATES.append((source, SEEN[key]))
        for c in CASES:
            if c["id"] == SEEN[key]:
                c["source"] += "; the same bytes also in " + source.split(" (", 1)[0].split("/")[-1] + ": " + source.split("): ", 1)[1]
        return SEEN[key]
    SEEN[key] = cid
    CASES.append({"id": cid, "mode": mode, "methods": list(methods), "input": b2s(data),
                  "expect": expect, "messages": messages, "note": note, "source": source})
    return cid


NOHOST = ("differs from Envoy: the test sends this HTTP/1.1 request without a Host field; Envoy's "
          "codec accepts that (Host is not required by the codec), the profile rejects it (RFC 9112 "
          "3.2: a server MUST respond 400 to an HTTP/1.1 request that lacks Host); the -host "
          "variant tests the feature itself")


def with_host(data, starts=None, host=b"example.com"):
    starts = starts or [0]
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
        if m["start"][2] == "HTTP/1.1" or True:
            m["headers"] = [["Host", host]] + m["headers"]
        out.append(m)
    return out


def rq(slug, data, expect, msgs, note, source, nohost=False, starts=None, host=b"example.com",
       orig_expect="error", orig_msgs=None, orig_note=None):
    """A request case.  With nohost=True, `expect`/`msgs` describe the -host variant
    (msgs written without the Host field, which is put first in each message) and the
    original, lacking Host, is an error (orig_msgs: messages before the first
    Host-less HTTP/1.1 request, default none)."""
    if isinstance(data, str):
        data = data.encode("latin-1")
    if not nohost:
        return add(slug, "request", data, expect, msgs, note, source)
    if orig_note is None and expect == "error":
        orig_note = ("an HTTP/1.1 request without Host, an error for that alone (RFC 9112 3.2; Envoy's codec "
                     "does not check Host) and also for the reason below (the -host variant isolates it)")
    add(slug, "request", data, orig_expect, orig_msgs or [],
        (orig_note or NOHOST) + ". What it is about: " + note, source)
    hd = with_host(data, starts, host)
    add(slug + "-host", "request", hd, expect, hostmsgs(msgs, B(host)),
        "derived: Host: %s inserted after the request-line%s, since the original is rejected for "
        "its missing Host first; %s" % (B(host), "s" if starts and len(starts) > 1 else "", note),
        source + " (variant: Host field added)")


def rq_both(slug, data, note, source, host=b"example.com"):
    """A Host-less HTTP/1.1 request that is an error for another reason too: the
    original, and a -host variant (still an error) so that only that reason decides."""
    rq(slug, data, "error", [], note, source, nohost=True, host=host,
       orig_note="an error for the reason below, and also for its missing Host (RFC 9112 3.2)")


def rs(slug, data, expect, msgs, note, source, methods=()):
    return add(slug, "response", data, expect, msgs, note, source, methods)


def skip(fname, test, reason):
    SKIPPED.append((fname, test, reason))


H = ("Host", "host")

# ===========================================================================
# codec_impl_test.cc: Http1ServerConnectionImplTest (requests)
# ===========================================================================
F = CODEC
TE_CHUNKED = ("transfer-encoding", "chunked")

d = (b"POST / HTTP/1.1\r\ntransfer-encoding: chunked\r\n\r\n6\r\nHello \r\n5\r\nWorld\r\n"
     b"0\r\nhello: world\r\nsecond: header\r\n\r\n")
rq("srv-chunked-trailers", d, "ok",
   [req("POST", "/", headers=[TE_CHUNKED], framing="chunked", body="Hello World",
        trailers=[("hello", "world"), ("second", "header")])],
   "a chunked POST with two trailer fields; Envoy delivers them only with enable_trailers, "
   "otherwise drops them; the dump reports trailers either way", src(F, "RequestWithTrailersKept (expectTrailersTest)"), nohost=True)

d = b"GET / HTTP/1.1\r\nTest:\r\nHello: World\r\n\r\n"
rq("srv-empty-header", d, "ok", [req("GET", "/", headers=[("Test", ""), ("Hello", "World")])],
   "a field with an empty value (RFC 9110 5.5: field-value = *field-content)",
   src(F, "EmptyHeader"), nohost=True)

d = b"GET / HTTP/1.1\r\nHost: host\r\ntransfer-encoding: identity\r\n\r\n"
rq("srv-te-identity", d, "error", [],
   "Transfer-Encoding: identity in a request: 'identity' is no longer a registered coding (RFC "
   "9112 7, profile: any other name is an error, 501) and chunked is not final (RFC 9112 6.3: a "
   "request whose final coding is not chunked is 400); Envoy agrees (501 "
   "http1.invalid_transfer_encoding)", src(F, "IdentityEncodingNoChunked"))

d = b"GET / HTTP/1.1\r\nHost: host\r\ntransfer-encoding: gzip\r\n\r\n"
rq("srv-te-gzip", d, "error", [],
   "Transfer-Encoding: gzip alone in a request: the final coding is not chunked, so the length "
   "cannot be determined (RFC 9112 6.3 step 4, profile: error); Envoy agrees (501)",
   src(F, "UnsupportedEncoding"))

d = b"POST / HTTP/1.1\r\ncontent-length: 1000000\r\n\r\n" + b"0" * 50000
rq("srv-large-body-incomplete", d, "error", [],
   "Content-Length: 1000000 and only 50000 body bytes: the stream ends inside the body, an "
   "error at end of stream (dump contract); Envoy's test only checks that body slices are moved, "
   "not copied, and does not end the stream", src(F, "LargeBodyOptimization"), nohost=True)

d = b"POST / HTTP/1.1\r\ncontent-length: 3\r\n\r\n123"
rq("srv-cl3", d, "ok", [req("POST", "/", headers=[("content-length", "3")], framing="length", body="123")],
   "Content-Length: 3 with a 3-byte body (Envoy's test closes the connection from the headers "
   "callback, which has no corpus equivalent: the stream is decoded in full)",
   src(F, "ContentLengthAllBitsSet"), nohost=True)

CHUNKED_HW = (b"POST / HTTP/1.1\r\ntransfer-encoding: chunked\r\n\r\n6\r\nHello \r\n5\r\nWorld\r\n0\r\n\r\n")
rq("srv-chunked-body", CHUNKED_HW, "ok",
   [req("POST", "/", headers=[TE_CHUNKED], framing="chunked", body="Hello World")],
   "a chunked POST with two chunks; Envoy's ChunkedBodySplitOverTwoDispatches and "
   "ChunkedBodyFragmentedBuffer feed the same bytes in two pieces / one byte per slice (the "
   "runner's split sizes stand for that)", src(F, "ChunkedBody"), nohost=True)
for t in ("ChunkedBodySplitOverTwoDispatches", "ChunkedBodyFragmentedBuffer"):
    DUPLICATES.append((src(F, t), "envoy-srv-chunked-body"))
CASES[-2]["source"] += "; the same bytes also in ChunkedBodySplitOverTwoDispatches, ChunkedBodyFragmentedBuffer"
CASES[-1]["source"] = CASES[-2]["source"] + " (variant: Host field added)"

d = b"POST / HTTP/1.1\r\ntransfer-encoding: Chunked\r\n\r\nb\r\nHello World\r\n0\r\n\r\n"
rq("srv-chunked-case", d, "ok",
   [req("POST", "/", headers=[("transfer-encoding", "Chunked")], framing="chunked", body="Hello World")],
   "transfer-coding names are case-insensitive (RFC 9112 7): 'Chunked' is chunked",
   src(F, "ChunkedBodyCase"), nohost=True)

d = b"POST / HTTP/1.1\r\ntransfer-encoding: chunked\r\n\r\n6\r\nHello \r\ninvalid\r\nWorl"
rq("srv-invalid-chunk-header", d, "error", [],
   "a chunk-size line 'invalid' is not 1*HEXDIG (RFC 9112 7.1); Envoy agrees (HPE_INVALID_CHUNK_SIZE)",
   src(F, "InvalidChunkHeader"), nohost=True)

d = (b"POST / HTTP/1.1\r\nHost: host\r\ntransfer-encoding: identity,chunked\r\n\r\n"
     b"b\r\nHello World\r\n0\r\n\r\n")
rq("srv-te-identity-chunked", d, "error", [],
   "Transfer-Encoding: identity,chunked in a request: identity is not a registered coding (profile: "
   "any other name is an error); Envoy agrees without UHV (501); with UHV Envoy drops 'identity' and "
   "accepts the chunked body", src(F, "IdentityAndChunkedBody"))

for i, (v, what) in enumerate([(b"Host: host \r\n", "a trailing SP"),
                               (b"Host:\thost\t\r\n", "a leading and a trailing HTAB"),
                               (b"Host: \t \t  host\t\t  \t \r\n", "mixed SP/HTAB runs")]):
    rq("srv-host-lws-%d" % (i + 1), b"GET / HTTP/1.1\r\n" + v + b"\r\n", "ok",
       [req("GET", "/", headers=[("Host", "host")])],
       "a Host value with %s around it: OWS around a field value is not part of it (RFC 9112 5, "
       "RFC 9110 5.5), so Host is 'host'; Envoy agrees" % what,
       src(F, "HostWithLWS", "request %d of 3" % (i + 1)))

inner = b"v" + b" " * (32 * 1024) + b"v"
for i, (pre, post) in enumerate([(b" ", b""), (b"  ", b"  ")]):
    d = b"GET / HTTP/1.1\r\nHost: host\r\nheader_field:" + pre + inner + post + b"\r\n\r\n"
    rq("srv-inner-lws-%d" % (i + 1), d, "error", [],
       "differs from Envoy (only by the size limit): a field line of %d bytes (a value 'v', 32768 SPs, 'v'%s). The "
       "profile's default limit for one field line is 16 KiB, so the default decoder rejects it "
       "with its limit error; Envoy's default header limit is 60 KiB and it keeps the inner SPs. "
       "The -short variant tests inner whitespace within the limits" % (
           len(b"header_field:" + pre + inner + post), ", with two SPs before and after" if i else ""),
       src(F, "InnerLWSIsPreserved", "request %d of 2" % (i + 1)))
    inner2 = b"v" + b" " * 8192 + b"v"
    d = b"GET / HTTP/1.1\r\nHost: host\r\nheader_field:" + pre + inner2 + post + b"\r\n\r\n"
    rq("srv-inner-lws-%d-short" % (i + 1), d, "ok",
       [req("GET", "/", headers=[H, ("header_field", inner2)])],
       "derived: the same with 8192 inner SPs (within the 16 KiB line limit): whitespace inside a "
       "field value is kept, only leading/trailing OWS is removed (RFC 9110 5.5); '_' is a tchar",
       src(F, "InnerLWSIsPreserved", "request %d of 2" % (i + 1), "inner run shortened to 8192 SPs"))

for t in ("CodecHasCorrectStreamErrorIfTrue", "CodecHasCorrectStreamErrorIfFalse",
          "CodecHasDefaultStreamErrorIfNotSet"):
    skip(F, t, "checks a codec setting accessor (stream_error_on_invalid_http_message), not decoding")

rq("srv-http10", b"GET / HTTP/1.0\r\n\r\n", "ok", [req("GET", "/", "HTTP/1.0")],
   "differs from Envoy's default: an HTTP/1.0 request needs no Host (RFC 9112 3.2 requires it of HTTP/1.1 "
   "only) and HTTP/1.0 is a version the profile accepts; Envoy accepts it only with accept_http_10 (default "
   "off: 426 Upgrade Required, see Http10Rejected), and can add a default Host (Http10HostAdded)",
   src(F, "Http10") + "; the same bytes also in Http10HostAdded, Http10AbsoluteNoOp")
rq("srv-http10-absolute", b"GET http://www.somewhere.com/foobar HTTP/1.0\r\n\r\n", "ok",
   [req("GET", "http://www.somewhere.com/foobar", "HTTP/1.0")],
   "differs from Envoy's default: absolute-form target in an HTTP/1.0 request (RFC 9112 3.2.2); Envoy accepts "
   "it only with accept_http_10 (default off: 426) and allow_absolute_url", src(F, "Http10Absolute"))
d = (b"GET /foobar HTTP/1.0\r\nHost: www.somewhere.com\r\nconnection: keep-alive\r\n\r\n"
     b"GET /foobar HTTP/1.1\r\nHost: www.somewhere.com\r\n\r\n")
rq("srv-http10-keepalive-then-11", d, "ok",
   [req("GET", "/foobar", "HTTP/1.0", [("Host", "www.somewhere.com"), ("connection", "keep-alive")]),
    req("GET", "/foobar", "HTTP/1.1", [("Host", "www.somewhere.com")])],
   "an HTTP/1.0 keep-alive request followed by an HTTP/1.1 request on the same connection "
   "(RFC 9112 9.3: 1.0 keep-alive persists); Envoy agrees with accept_http_10 (default off: 426, "
   "differs from Envoy's default)",
   src(F, "Http10MultipleResponses", "the two requests written one after the other"))

for v, slug, eerr in [(b"", "none", None), (b"HTTP/1.0", "10", None), (b"HTTP/1.1", "11", None),
                      (b"HTTP/9.1", "91", None), (b"aHTTP/1.1", "ahttp", "x"),
                      (b"HHTTP/1.1", "hhttp", "x"), (b"HTTPS/1.1", "https", "x"),
                      (b"FTP/1.1", "ftp", "x"), (b"HTTP/1.01", "1-01", "x"),
                      (b"HTTP/A.0", "a-0", "x")]:
    d = b"GET /" + (b" " + v if v else b"") + b"\r\n\r\n"
    s = src(F, "HttpVersion", "version %r" % (v.decode() or "(none: HTTP/0.9 form)"))
    if v == b"HTTP/1.0":
        rq("srv-version-10", d, "ok", [req("GET", "/", "HTTP/1.0")],
           "HTTP/1.0 request-line, no Host needed; Envoy accepts it with accept_http_10 (the test sets it; "
           "default off: 426, differs from Envoy's default)", s)
    elif v == b"HTTP/1.1":
        rq("srv-version-11", d, "ok", [req("GET", "/")], "plain HTTP/1.1 GET", s, nohost=True)
    elif v == b"":
        rq("srv-version-none", d, "error", [],
           "differs from Envoy: 'GET /' with no HTTP-version (an HTTP/0.9 simple request); Envoy "
           "(both parsers) accepts it as a request; the profile requires HTTP-version to be HTTP/1.0 "
           "or HTTP/1.1 (RFC 9112 3: request-line = method SP request-target SP HTTP-version)", s)
    elif v == b"HTTP/9.1":
        rq("srv-version-91", d, "error", [],
           "differs from Envoy: HTTP/9.1 is well-formed HTTP-version syntax (RFC 9112 2.3) but the "
           "profile accepts only HTTP/1.0 and HTTP/1.1 ('any other HTTP/x.y is an error'); Envoy "
           "accepts it (both parsers)", s)
    else:
        rq("srv-version-" + slug, d, "error", [],
           "a malformed HTTP-version %r (RFC 9112 2.3: HTTP-version = \"HTTP\" \"/\" DIGIT \".\" "
           "DIGIT, case-sensitive); Envoy agrees (400)" % v.decode(), s)

for t, tgt, auth in [("Http11AbsolutePath1", b"http://www.somewhere.com/", None),
                     ("Http11AbsolutePath2", b"http://www.somewhere.com/foo/bar", None),
                     ("Http11AbsolutePathWithPort", b"http://www.somewhere.com:4532/foo/bar", None),
                     ("Http11AbsolutePathWithHttps", b"https://www.somewhere.com/foo/bar", None),
                     ("Http11AbsolutePathNoSlash", b"http://www.somewhere.com", None),
                     ("Http11AbsoluteEnabledNoOp", b"/foo/bar", None)]:
    d = b"GET " + tgt + b" HTTP/1.1\r\nHost: bah\r\n\r\n"
    rq("srv-" + t.lower().replace("http11", "abs-").replace("absolutepath", "").replace("absolute", "")
       .strip("-") or "x", d, "ok", [req("GET", tgt.decode(), headers=[("Host", "bah")])],
       ("an absolute-form target (RFC 9112 3.2.2) whose authority differs from the Host field: the "
        "recipient uses the target's authority and ignores Host, which is not an error (RFC 9112 3.2.2, "
        "3.3); the dump reports the target as sent. Envoy agrees with allow_absolute_url (its "
        "default for this codec test)" if tgt[0:1] != b"/" else
        "origin-form request with Host: bah (control of the absolute-form tests)") +
       ("; an absolute URI with an empty path is allowed (RFC 3986 path-abempty)" if tgt.endswith(b".com") else ""),
       src(F, t))

rq("srv-authority-form-get", b"GET www.somewhere.com HTTP/1.1\r\nHost: bah\r\n\r\n", "error", [],
   "GET with an authority-form-like target (no scheme, no leading '/'): only CONNECT takes "
   "authority-form and this is no valid host:port anyway (RFC 9112 3.2, profile); Envoy agrees "
   "(HPE_INVALID_URL)", src(F, "Http11InvalidRequest"))
rq("srv-invalid-trailer", b"POST / HTTP/1.1\r\nHost: host\r\nTransfer-Encoding: chunked\r\n\r\n"
   b"4\r\nbody\r\n0\r\nbadtrailer\r\n\r\n", "error", [],
   "a trailer line without a colon is not a field-line (RFC 9112 5, 7.1.2); Envoy agrees "
   "(HPE_INVALID_HEADER_TOKEN; Balsa checks trailers only with enable_trailers)",
   src(F, "Http11InvalidTrailerPost"))
rq("srv-asterisk-get", b"GET * HTTP/1.1\r\nHost: bah\r\n\r\n", "either",
   [req("GET", "*", headers=[("Host", "bah")])],
   "asterisk-form with GET: RFC 9112 3.2.4 defines '*' for OPTIONS only; the profile makes a "
   "non-OPTIONS asterisk-form target 'either'; Envoy rejects it (400 http1.invalid_url)",
   src(F, "Http11AbsolutePathBad"))

rq("srv-abs-port-too-large", b"GET http://foobar.com:1000000 HTTP/1.1\r\nHost: bah\r\n\r\n", "error", [],
   "an absolute-form target whose port is 1000000: the target's authority replaces Host (RFC 9112 "
   "3.2.2), and the profile rejects a port above 65535 in it as it does in Host (RFC 9110 4.2.1/7.2 "
   "authority); Envoy agrees (http1.invalid_url)", src(F, "Http11AbsolutePortTooLarge"))
rq("srv-sketchy-connection", b"GET / HTTP/1.1\r\nHost: bah\r\nConnection: a,b,c,d,e,f,g,h,i,j,k,l,m\r\n\r\n",
   "ok", [req("GET", "/", headers=[("Host", "bah"), ("Connection", "a,b,c,d,e,f,g,h,i,j,k,l,m")])],
   "differs from Envoy: a Connection field nominating 13 options is well-formed (RFC 9110 7.6.1: "
   "Connection = #connection-option); Envoy rejects it as a policy (more than 10 nominated headers: "
   "http1.connection_header_rejected), which is not a framing or syntax rule of the profile",
   src(F, "SketchyConnectionHeader"))
DUPLICATES.append((src(F, "Http11RelativeOnly"), "envoy-srv-abs-1"))
CASES[[c["id"] for c in CASES].index("envoy-srv-abs-1")]["source"] += \
    "; the same bytes also in Http11RelativeOnly (allow_absolute_url off: Envoy keeps the whole URL as :path)"
rq("srv-options-asterisk", b"OPTIONS * HTTP/1.1\r\nHost: www.somewhere.com\r\n\r\n", "ok",
   [req("OPTIONS", "*", headers=[("Host", "www.somewhere.com")])],
   "asterisk-form with OPTIONS (RFC 9112 3.2.4); Envoy agrees", src(F, "Http11Options"))
DUPLICATES.append((src(F, "SimpleGet"), "envoy-srv-version-11"))
for c in CASES:
    if c["id"] in ("envoy-srv-version-11", "envoy-srv-version-11-host"):
        c["source"] += "; the same bytes also in SimpleGet, FloodProtection (each of its 3 requests)"
rq("srv-bad-request-line", b"bad\r\n", "error", [],
   "'bad' alone is no request-line (RFC 9112 3); Envoy agrees", src(F, "BadRequestNoStream"))
rq("srv-custom-method-incomplete", b"BAD / HTTP/1.1\r\n", "error", [],
   "a request-line with the extension method BAD and nothing after it. The profile accepts any token "
   "method (RFC 9110 9.1), so the error here is only that the stream ends inside the head; Envoy's "
   "http-parser rejects the method itself (HPE_INVALID_METHOD; Balsa accepts it with "
   "allow_custom_methods)", src(F, "RejectCustomMethod"))
rq("srv-custom-method", b"BAD / HTTP/1.1\r\nhost: example.com\r\nfoo: bar\r\n\r\n", "ok",
   [req("BAD", "/", headers=[("host", "example.com"), ("foo", "bar")])],
   "an extension method BAD (a token: RFC 9110 9.1, RFC 9112 3.1); Envoy accepts it only with "
   "Balsa and allow_custom_methods (http-parser: HPE_INVALID_METHOD)",
   src(F, "AllowCustomMethod", "the request-line and the head written one after the other"))
rq("srv-method-braces", b"B{}D / HTTP/1.1\r\n", "error", [],
   "'{' and '}' are not tchar, so B{}D is no method token (RFC 9110 5.6.2); Envoy agrees",
   src(F, "RejectInvalidCharacterInMethod"))
rq("srv-method-gg", b"Gg\r\n", "error", [],
   "'Gg' and a line end: no request-line (the test writes 'G' then 'g\\r\\n'); Envoy agrees",
   src(F, "BadRequestStartedStream", "'G' and 'g\\r\\n' written one after the other"))
skip(F, "FloodProtection", "response-queue flood protection (needs the codec to write responses); "
     "its requests are the bytes of envoy-srv-version-11")
rq("srv-host-uppercase", b"GET / HTTP/1.1\r\nHOST: hello\r\n\r\n", "ok",
   [req("GET", "/", headers=[("HOST", "hello")])],
   "field names are case-insensitive (RFC 9110 5.1): HOST is the Host field; the dump keeps the case",
   src(F, "HostHeaderTranslation"))
for bal in (False, True):
    d = b"GET / HTTP/1.1\r\nHOST: h.com\r\nfoo: \x03\r\n" + (b"\r\n" if bal else b"")
    rq("srv-value-ctl-03" + ("" if bal else "-unterminated"), d, "error", [],
       "a field value holding the control byte 0x03 (RFC 9110 5.5: field-content is VCHAR/SP/HTAB/"
       "obs-text)%s; Envoy agrees (header value contains invalid chars)" % (
           "" if bal else "; this http-parser form of the test also stops before the empty line"),
       src(F, "HeaderInvalidCharsRejection", "Balsa form (with the final CRLF)" if bal else "http-parser form"))
rq("srv-underscore-name", b"GET / HTTP/1.1\r\nHOST: h.com\r\nfoo_bar: bar\r\n\r\n", "ok",
   [req("GET", "/", headers=[("HOST", "h.com"), ("foo_bar", "bar")])],
   "'_' is a tchar, so foo_bar is a valid field name (RFC 9110 5.6.2); Envoy keeps it by default "
   "(ALLOW), and by option drops the field (DROP_HEADER) or rejects the request (REJECT_REQUEST), "
   "policies outside the profile",
   src(F, "HeaderNameWithUnderscoreAllowed") + "; the same bytes also in HeaderNameWithUnderscoreAreDropped, "
   "HeaderNameWithUnderscoreCauseRequestRejected")
rq("srv-host-dquote", b"GET / HTTP/1.1\r\nHOST: h.\"com\r\n\r\n", "error", [],
   "a Host value with a DQUOTE is not uri-host [':' port] (RFC 3986 reg-name has no '\"'; profile); "
   "Envoy agrees (http.invalid_authority)", src(F, "HeaderInvalidAuthority"))

EX = b"GET / HTTP/1.1\r\nHOST: h.com\r\nfoo: barbaz\r\n"
for n in range(len(EX)):
    for bal in (True, False):
        d = EX[:n] + b"\x00" + EX[n:] + (b"\r\n" if bal else b"")
        rq("srv-nul-at-%d%s" % (n, "" if bal else "-unterminated"), d, "error", [],
           "a NUL byte inserted at offset %d of a GET head; NUL is allowed nowhere in a head (RFC 9112 "
           "2.2, 3, 5; RFC 9110 5.5)%s; Envoy agrees" % (
               n, "" if bal else " (this http-parser form also stops before the empty line)"),
           src(F, "HeaderMutateEmbeddedNul", "n=%d, %s" % (n, "Balsa form (with the final CRLF)" if bal else "http-parser form")))

HB = (b"POST / HTTP/1.1\r\ntransfer-encoding: chunked\r\n\r\n6\r\nHello \r\n5\r\nWorld\r\n0\r\n")
TR = b"hello: world\r\nsecond: header\r\n"
for n in range(len(TR)):
    d = HB + TR[:n] + b"\x00" + TR[n:] + b"\r\n"
    rq("srv-trailer-nul-at-%d" % n, d, "error", [],
       "a NUL byte inserted at offset %d of the trailer section of a chunked POST; NUL is allowed "
       "nowhere in a field line (RFC 9112 7.1.2, 5; RFC 9110 5.5); Envoy agrees (with enable_trailers)" % n,
       src(F, "TrailerMutateEmbeddedNul", "n=%d" % n), nohost=True)

for c, cn in ((b"\r", "cr"), (b"\n", "lf")):
    for n in range(1, len(EX)):
        d = EX[:n] + c + EX[n:]
        s = src(F, "HeaderMutateEmbeddedCRLF", "%s inserted at n=%d" % (cn.upper(), n))
        rq("srv-%s-at-%d" % (cn, n), d, "error", [],
           "a %s inserted at offset %d of a GET head that stops before its empty line: an error at end "
           "of stream whatever the %s does; Envoy's test only checks that no CR/LF reaches a header "
           "value (it accepts either outcome)" % (cn.upper(), n, cn.upper()), s)
        rq("srv-%s-at-%d-complete" % (cn, n), d + b"\r\n", "error", [],
           "derived: the same head ended with the empty line, so only the inserted %s decides: every "
           "position makes a bare %s or an empty line that is not CRLF, which the profile rejects (RFC "
           "9112 2.2: lines end in CRLF; a bare CR is invalid)" % (cn.upper(), cn.upper()),
           s + " (variant: final CRLF added)")

rq("srv-post-cl5", b"POST / HTTP/1.1\r\ncontent-length: 5\r\n\r\n12345", "ok",
   [req("POST", "/", headers=[("content-length", "5")], framing="length", body="12345")],
   "POST with Content-Length: 5 and its 5 body bytes (RFC 9112 6.2); CloseDuringHeadersComplete closes "
   "the connection from the headers callback (no corpus equivalent), PostWithContentLengthFragmentedBuffer "
   "feeds one byte per slice (the runner's split sizes stand for that)",
   src(F, "PostWithContentLength") + "; the same bytes also in CloseDuringHeadersComplete, "
   "PostWithContentLengthFragmentedBuffer", nohost=True)
DUPLICATES.append((src(F, "VerifyRequestHeaderTrailerMapMaxLimits"), "envoy-srv-chunked-trailers"))
for c in CASES:
    if c["id"].startswith("envoy-srv-chunked-trailers"):
        c["source"] += "; the same bytes also in VerifyRequestHeaderTrailerMapMaxLimits"

ENCODING = ["HeaderOnlyResponse", "LargeHeaderResponseEncode", "HeaderOnlyResponseTrainProperHeaders",
            "304ResponseTransferEncodingNotAddedWhenContentLengthPresent",
            "304ResponseTransferEncodingContentLengthNotAddedWhenContentLengthNotPresent",
            "HeaderOnlyResponseWith204", "HeaderOnlyResponseWith100Then200", "MetadataTest",
            "ChunkedResponse", "ChunkedResponseWithTrailers", "ContentLengthResponse"]
ENCODING += ["HeadRequestResponse", "HeadChunkedRequestResponse", "UpgradeRequestResponseHeaders"]

d = b"GET / HTTP/1.1\r\n\r\n" * 2
rq("srv-double-request", d, "ok", [req("GET", "/"), req("GET", "/")],
   "two pipelined GETs in one buffer (RFC 9112 9.3.2); Envoy decodes the second after the first "
   "response", src(F, "DoubleRequest"), nohost=True, starts=[0, 18])
for c in CASES:
    if c["id"].startswith("envoy-srv-chunked-trailers"):
        c["source"] += ", RequestWithTrailersDropped (trailers dropped by Envoy)"

for t, conn in (("IgnoreUpgradeH2c", b"Upgrade, HTTP2-Settings"),
                ("IgnoreUpgradeH2cClose", b"Upgrade, Close, HTTP2-Settings"),
                ("IgnoreUpgradeH2cCloseEtc", b"Upgrade, Close, HTTP2-Settings, Etc")):
    d = (b"GET http://www.somewhere.com/ HTTP/1.1\r\nConnection: " + conn +
         b"\r\nUpgrade: h2c\r\nHTTP2-Settings: token64\r\nHost: bah\r\n\r\n")
    rq("srv-" + t.lower().replace("ignoreupgrade", "upgrade-"), d, "ok",
       [req("GET", "http://www.somewhere.com/", headers=[("Connection", conn), ("Upgrade", "h2c"),
                                                        ("HTTP2-Settings", "token64"), ("Host", "bah")])],
       "an h2c upgrade request (absolute-form target): a request carrying Upgrade is an ordinary "
       "message, decoding goes on after it (profile, framing 1); Envoy ignores the h2c upgrade and strips "
       "the upgrade-related fields before passing the request on", src(F, t))

UPG = b"POST / HTTP/1.1\r\nConnection: upgrade\r\nUpgrade: foo\r\ncontent-length:5\r\n\r\n12345abcd"
rq("srv-upgrade-post-cl5", UPG, "error",
   [req("POST", "/", headers=[("Connection", "upgrade"), ("Upgrade", "foo"), ("content-length", "5")],
        framing="length", body="12345")],
   "differs from Envoy: a POST carrying Upgrade: foo with Content-Length: 5, then 'abcd'. The profile "
   "(framing 1) treats a request with Upgrade as an ordinary message: only the server's 101 switches "
   "protocols (RFC 9110 7.8), and the dump never answers; so the body is '12345' and 'abcd' starts a "
   "next request that the end of stream cuts short (error). Envoy's codec treats the bytes after the "
   "head as the upgraded stream and passes '12345' and 'abcd' through",
   src(F, "UpgradeRequest", "the three writes concatenated") + "; the same bytes also in UpgradeRequestWithEarlyData",
   nohost=True)
d = b"POST / HTTP/1.1\r\nConnection: upgrade\r\nUpgrade: foo\r\ntransfer-encoding: chunked\r\n\r\n12345abcd"
rq("srv-upgrade-post-chunked", d, "error", [],
   "differs from Envoy: a chunked POST carrying Upgrade: foo whose 'body' is the raw bytes '12345abcd'. "
   "Under the profile the request is ordinary and chunked, so '12345abcd' is read as a chunk-size "
   "(hex) line that never ends: error at end of stream. Envoy passes the bytes after the head through "
   "as upgrade payload without reading chunks", src(F, "UpgradeRequestWithTEChunked"), nohost=True)
d = b"GET / HTTP/1.1\r\nConnection: upgrade\r\nUpgrade: foo\r\ncontent-length: 0\r\n\r\nabcd"
rq("srv-upgrade-get-cl0", d, "error",
   [req("GET", "/", headers=[("Connection", "upgrade"), ("Upgrade", "foo"), ("content-length", "0")],
        framing="length")],
   "differs from Envoy: a GET carrying Upgrade: foo and Content-Length: 0, then 'abcd'. The request is "
   "ordinary (profile, framing 1), so 'abcd' begins a next request cut short by the end of stream "
   "(error); Envoy passes 'abcd' through as upgrade payload", src(F, "UpgradeRequestWithNoBody"), nohost=True)

CN = ("a CONNECT request: after its head the connection leaves HTTP/1 (profile, framing 1: 'upgrade'); "
      "the bytes after it are tunnel data, not decoded")
rq("srv-connect", b"CONNECT host:80 HTTP/1.1\r\n\r\nabcd", "ok",
   [req("CONNECT", "host:80", framing="upgrade")],
   CN + "; Envoy agrees (it passes 'abcd' through)",
   src(F, "ConnectRequestNoContentLength", "the two writes concatenated") +
   "; the same bytes also in ConnectRequestWithEarlyData", nohost=True, host=b"host:80",
   orig_note="differs from Envoy: an HTTP/1.1 CONNECT without Host; RFC 9112 3.2 requires Host in every "
   "HTTP/1.1 request (RFC 9110 9.3.6's example carries one) and the profile rejects its absence; Envoy's "
   "codec does not require Host; the -host variant adds 'Host: host:80'")
rq("srv-connect-absolute-url", b"CONNECT http://host:80 HTTP/1.1\r\n\r\n", "error", [],
   "CONNECT takes authority-form only (RFC 9112 3.2.3); an absolute-form target is an error; Envoy "
   "agrees", src(F, "ConnectRequestAbsoluteURLNotallowed"), nohost=True, host=b"host:80",
   orig_note="an HTTP/1.1 CONNECT without Host (itself an error, RFC 9112 3.2) whose target is not "
   "authority-form")
rq("srv-connect-te-chunked", b"CONNECT host:80 HTTP/1.1\r\ntransfer-encoding: chunked\r\n\r\n12345abcd",
   "error", [],
   "Transfer-Encoding on a CONNECT request is an error (profile, framing 1; RFC 9110 9.3.6: a CONNECT "
   "request has no content); Envoy agrees (501)", src(F, "ConnectRequestWithTEChunked"), nohost=True,
   host=b"host:80", orig_note="an HTTP/1.1 CONNECT without Host (itself an error, RFC 9112 3.2)")
rq("srv-connect-cl1", b"CONNECT host:80 HTTP/1.1\r\ncontent-length: 1\r\n\r\nabcd", "ok",
   [req("CONNECT", "host:80", headers=[("content-length", "1")], framing="upgrade")],
   "differs from Envoy: a CONNECT with Content-Length: 1. The profile (framing 1) ignores a valid "
   "Content-Length on CONNECT (RFC 9110 9.3.6: CONNECT content has no defined meaning; RFC 9112 6.3 "
   "step 2: a 2xx CONNECT response switches at the end of the head) and switches to the tunnel after "
   "the head; Envoy rejects it ('unsupported content length')",
   src(F, "ConnectRequestWithNonZeroContentLength"), nohost=True, host=b"host:80",
   orig_note="an HTTP/1.1 CONNECT without Host (error, RFC 9112 3.2; Envoy rejects it for its "
   "Content-Length: 1)")
rq("srv-connect-cl0", b"CONNECT host:80 HTTP/1.1\r\ncontent-length: 0\r\n\r\nabcd", "ok",
   [req("CONNECT", "host:80", headers=[("content-length", "0")], framing="upgrade")],
   CN + "; Content-Length: 0 on it is ignored; Envoy agrees",
   src(F, "ConnectRequestWithZeroContentLength"), nohost=True, host=b"host:80",
   orig_note="differs from Envoy: an HTTP/1.1 CONNECT without Host (RFC 9112 3.2); Envoy's codec does "
   "not require Host")
skip(F, "WatermarkTest", "write-buffer watermarks (no decoding)")
for n in (0, 1, 100):
    d = (b"POST / HTTP/1.1\r\nHost: foo\r\ntransfer-encoding: chunked\r\ncontent-length: %d\r\n\r\n"
         b"6\r\nHello \r\n5\r\nWorld\r\n0\r\n\r\n" % n)
    rq("srv-te-and-cl-%d" % n, d, "error", [],
       "Transfer-Encoding: chunked together with Content-Length: %d in a request: the classic smuggling "
       "pair; the profile rejects it (RFC 9112 6.1: a server MAY reject, and the profile does; 6.3 step 3). "
       "Envoy rejects it by default (http1.content_length_and_chunked_not_allowed); with the "
       "allow_chunked_length option (the ...Allow... test) it drops Content-Length and reads the chunked "
       "body" % n,
       src(F, "TestSmugglingDisallowChunkedContentLength%d" % n) +
       "; the same bytes also in TestSmugglingAllowChunkedContentLength%d (allow_chunked_length on)" % n)
for t in ("LoadShedPointCanCloseConnectionOnDispatchOfNewStream",
          "LoadShedPointCanCloseConnectionOnDispatchOfContinuingStream"):
    skip(F, t, "overload manager load shedding (no decoding)")

d = (b"POST / HTTP/1.1\r\nHost: host\r\nAccept-Language: en\r\nConnection: keep-alive\r\n"
     b"Unfinished-Header: Not-Finished-Value")
rq("srv-partial-head", d, "error", [],
   "a POST head that stops inside a field line: an error at end of stream (dump contract); Envoy's "
   "test dumps its state at that point, without ending the stream",
   src(F, "ShouldDumpParsedAndPartialHeadersWithoutAllocatingMemoryIfProcessingHeaders"))
d = b"POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nHello" + b"GarbageDataShouldNotBeDumped"
rq("srv-cl5-then-garbage", d, "error",
   [req("POST", "/", headers=[("Content-Length", "5")], framing="length", body="Hello")],
   "a POST with a 5-byte body, then 'GarbageDataShouldNotBeDumped', which starts a next request-line "
   "that never ends (error at end of stream); Envoy's test dumps state from the body callback",
   src(F, "ShouldDumpDispatchBufferWithoutAllocatingMemory", "the two slices concatenated"), nohost=True)

# ===========================================================================
# codec_impl_test.cc: Http1ClientConnectionImplTest (responses)
# ===========================================================================
for n in (0, 1, 100):
    d = (b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\ncontent-length: %d\r\n\r\n"
         b"6\r\nHello \r\n5\r\nWorld\r\n0\r\n\r\n" % n)
    rs("res-te-and-cl-%d" % n, d, "ok",
       [res(200, headers=[TE_CHUNKED, ("content-length", str(n))], framing="chunked", body="Hello World")],
       "differs from Envoy: a response with Transfer-Encoding: chunked and Content-Length: %d. In a "
       "response Transfer-Encoding overrides Content-Length (RFC 9112 6.3 step 3; profile, framing 2), "
       "so the body is the chunked 'Hello World'. Envoy rejects it by default ('both Content-Length and "
       "Transfer-Encoding are set'); with allow_chunked_length it drops Content-Length and agrees" % n,
       src(F, "TestResponseSplit%d (testClientAllowChunkedContentLength)" % n) +
       "; the same bytes also in TestResponseSplitAllowChunkedLength%d (allow_chunked_length on)" % n)
ENCODING += ["SimpleGet (client)", "SimpleGetWithHeaderCasing", "FullyQualifiedGet",
             "FullyQualifiedGetMissingScheme", "FullyQualifiedGetMissingHost", "HostHeaderTranslate",
             "Reset"]
rs("res-503-cl0", b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n", "ok",
   [res(503, "Service Unavailable", [("Content-Length", "0")], "length")],
   "a 503 with Content-Length: 0; Envoy agrees",
   src(F, "EmptyBodyResponse503") + "; the same bytes also in FlowControlReadDisabledReenable")
rs("res-premature-408", b"HTTP/1.1 408 Request Timeout\r\nConnection: Close\r\n\r\n", "ok",
   [res(408, "Request Timeout", [("Connection", "Close")], "close")],
   "a 408 with neither Content-Length nor Transfer-Encoding: its body runs to the end of the stream "
   "(RFC 9112 6.3 step 8), here empty. Envoy's test sends it before any request and expects a "
   "'premature response' error, which is a connection-state check the dump (which pairs every response "
   "with a GET) does not model", src(F, "PrematureResponse"))
rs("res-200-cl0", b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", "ok",
   [res(200, headers=[("Content-Length", "0")], framing="length")],
   "a 200 with Content-Length: 0", src(F, "EmptyBodyResponse200"))
rs("res-head-cl20", b"HTTP/1.1 200 OK\r\nContent-Length: 20\r\n\r\n", "ok",
   [res(200, headers=[("Content-Length", "20")], framing="none")],
   "a response to HEAD has no body whatever its Content-Length says (RFC 9112 6.3 step 1); Envoy agrees",
   src(F, "HeadRequest"), methods=["HEAD"])
rs("res-204", b"HTTP/1.1 204 OK\r\n\r\n", "ok", [res(204, framing="none")],
   "a 204 has no body (RFC 9112 6.3 step 1)", src(F, "204Response"))
rs("res-204-cl20", b"HTTP/1.1 204 OK\r\nContent-Length: 20\r\n\r\n", "ok",
   [res(204, headers=[("Content-Length", "20")], framing="none")],
   "differs from Envoy: a 204 with Content-Length: 20. A server MUST NOT send it (RFC 9110 8.6), but "
   "the recipient's framing is fixed by the status (RFC 9112 6.3 step 1; profile, framing 1: no body), "
   "so nothing is misread; Envoy rejects the response", src(F, "204ResponseContentLengthNotAllowed"))
rs("res-204-cl0", b"HTTP/1.1 204 OK\r\nContent-Length: 0\r\n\r\n", "ok",
   [res(204, headers=[("Content-Length", "0")], framing="none")],
   "a 204 with Content-Length: 0, no body; Envoy agrees", src(F, "204ResponseWithContentLength0"))
rs("res-204-te", b"HTTP/1.1 204 OK\r\nTransfer-Encoding: chunked\r\n\r\n", "ok",
   [res(204, headers=[("Transfer-Encoding", "chunked")], framing="none")],
   "differs from Envoy: a 204 with Transfer-Encoding: chunked. A server MUST NOT send it (RFC 9112 6.1), "
   "but a 204 has no body whatever its fields say (RFC 9112 6.3 step 1; profile, framing 1); Envoy "
   "rejects the response", src(F, "204ResponseTransferEncodingNotAllowed"))
R200 = b"HTTP/1.1 200 OK\r\n\r\n"
for t, pre, lst in (("ContinueHeaders", b"HTTP/1.1 100 Continue\r\n\r\n", [(100, "Continue")]),
                    ("ProcessingHeaders", b"HTTP/1.1 102 Processing\r\n\r\n", [(102, "Processing")]),
                    ("EarlyHintHeaders", b"HTTP/1.1 103 Early Hints\r\n\r\n", [(103, "Early Hints")]),
                    ("MultipleContinueHeaders", b"HTTP/1.1 100 Continue\r\n\r\n" * 2,
                     [(100, "Continue"), (100, "Continue")])):
    rs("res-" + t.lower().replace("headers", "") + "-then-200", pre + R200, "ok",
       [res(s, r, framing="none") for s, r in lst] + [res(200, framing="close")],
       "interim 1xx response(s) (no body, RFC 9112 6.3 step 1) before the final 200, whose body has "
       "no framing field and runs to the end of the stream (here empty); Envoy agrees",
       src(F, t, "the writes concatenated"))
rs("res-199", b"HTTP/1.1 199 Unknown\r\n\r\n", "ok", [res(199, "Unknown", framing="none")],
   "differs from Envoy: 199 is a 1xx (informational) status: no body (RFC 9112 6.3 step 1, RFC 9110 "
   "15.2), and a final response would still be awaited; Envoy treats an unknown 1xx as the final "
   "response (decodeHeaders, body read to close)", src(F, "Unsupported1xxHeader"))
rs("res-101-te", b"HTTP/1.1 101 Switching Protocols\r\nTransfer-Encoding: chunked\r\n\r\n", "ok",
   [res(101, "Switching Protocols", [("Transfer-Encoding", "chunked")], "upgrade")],
   "differs from Envoy: a 101 with Transfer-Encoding: chunked. A server MUST NOT send it (RFC 9112 6.1), "
   "but after a 101 the connection leaves HTTP/1 (profile, framing 1: 'upgrade', decided before "
   "Transfer-Encoding); Envoy rejects it", src(F, "101ResponseTransferEncodingNotAllowed"))
ENCODING += ["BadEncodeParams"]
d = (b"HTTP/1.1 200 OK\r\n\r\ntransfer-encoding: chunked\r\n\r\nb\r\nHello World\r\n0\r\n"
     b"hello: world\r\nsecond: header\r\n\r\n")
rs("res-empty-head-then-text", d, "ok", [res(200, framing="close", body=d[19:])],
   "the head ends right after the status-line (CRLF CRLF), so no framing field: the rest, which looks "
   "like a Transfer-Encoding field and a chunked body, is the close-delimited body (RFC 9112 6.3 step "
   "8); Envoy reads it the same way", src(F, "ResponseWithTrailers"))
rs("res-cl20-no-body", b"HTTP/1.1 200 OK\r\nContent-Length: 20\r\n\r\n", "error", [],
   "a 200 to a GET announcing 20 body bytes and sending none: the stream ends inside the body (error "
   "at end of stream); Envoy's test checks the request encoding of a giant path and does not end the "
   "stream", src(F, "GiantPath"))
UPR = b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: upgrade\r\nUpgrade: websocket\r\n\r\n"
UPH = [("Content-Length", "5"), ("Connection", "upgrade"), ("Upgrade", "websocket")]
rs("res-200-upgrade-no-body", UPR, "error", [],
   "a 200 (not 101) carrying Upgrade, Content-Length: 5 and no body: the stream ends inside the body; "
   "Envoy's test sends it with no request outstanding (premature response)", src(F, "PrematureUpgradeResponse"))
rs("res-200-upgrade", UPR + b"12345abcd", "error", [res(200, headers=UPH, framing="length", body="12345")],
   "differs from Envoy: a 200 carrying Connection: upgrade / Upgrade: websocket to a GET that asked for "
   "an upgrade. Only 101 switches protocols (RFC 9110 7.8, 15.2.2; profile, framing 1), so this 200 has "
   "the 5-byte body '12345' and 'abcd' starts a next response that the end of stream cuts short "
   "(error). Envoy's client codec treats it as an upgrade and passes '12345' and 'abcd' through",
   src(F, "UpgradeResponse", "the three writes concatenated") + "; the same bytes also in UpgradeResponseWithEarlyData")
rs("res-connect-200-cl5", b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n12345abcd", "ok",
   [res(200, headers=[("Content-Length", "5")], framing="upgrade")],
   "a 2xx response to CONNECT: the tunnel starts right after the head and its Content-Length is "
   "ignored (RFC 9112 6.3 step 2; profile, framing 1); Envoy agrees (it passes '12345' and 'abcd' on)",
   src(F, "ConnectResponse", "the three writes concatenated"), methods=["CONNECT"])
rs("res-connect-200", b"HTTP/1.1 200 OK\r\n\r\n12345abcd", "ok", [res(200, framing="upgrade")],
   "a 2xx response to CONNECT: tunnel data follows the head (RFC 9112 6.3 step 2); Envoy agrees",
   src(F, "ConnectResponseWithEarlyData"), methods=["CONNECT"])
rs("res-connect-400", b"HTTP/1.1 400 OK\r\n\r\n12345abcd", "ok",
   [res(400, framing="close", body="12345abcd")],
   "a non-2xx response to CONNECT is an ordinary response; without framing fields its body runs to "
   "the end of the stream (RFC 9112 6.3 step 8); Envoy agrees", src(F, "ConnectRejected"), methods=["CONNECT"])
skip(F, "WatermarkTest (client)", "write-buffer watermarks (no decoding)")
rs("res-two-responses", b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\nHTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n",
   "ok", [res(200, headers=[("Content-Length", "0")], framing="length"),
          res(400, "Bad Request", [("Content-Length", "0")], "length")],
   "two complete responses one after the other; the dump pairs each with a GET. Envoy's test sent "
   "only one request, so it answers the second with a 'premature response' error, a request/response "
   "bookkeeping check outside the decoder", src(F, "HighwatermarkMultipleResponses", "the two writes concatenated"))
for c in CASES:
    if c["id"] == "envoy-res-200-cl0":
        c["source"] += "; the same bytes also in LowWatermarkDuringClose"

TPRE = b"POST / HTTP/1.1\r\nHost: host\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nbody\r\n0\r\n"
TH = [H, ("Transfer-Encoding", "chunked")]
Q60 = b"q" * (60 * 1024)
rq("srv-trailer-60k", TPRE + b"big: " + Q60 + b"\r\n\r\n\r\n", "error", [],
   "a chunked POST whose one trailer field line is 61445 bytes: above the profile's default limits "
   "(one field line 16 KiB, trailer section 16 KiB), so its limit error; Envoy rejects it above its "
   "60 KiB limit (http-parser with enable_trailers only; Balsa always)",
   src(F, "LargeTrailersRejected (testTrailersExceedLimit)") + "; the same bytes also in LargeTrailersRejectedIgnored")
rq("srv-trailer-60k-name", TPRE + b"bigfield" + Q60, "error", [],
   "a trailer line of 61448 bytes with no colon and no end: over the line limit, and the stream ends "
   "inside the trailer section anyway; Envoy agrees", src(F, "LargeTrailerFieldRejected (testTrailersExceedLimit)"))
rq("srv-trailer-60k-name-value", TPRE + b"bigfield" + Q60 + b": value\r\n\r\n\r\n", "error", [],
   "a trailer field whose name is 61448 bytes: over the profile's 16 KiB line limit; Envoy rejects it "
   "with Balsa, and with http-parser only when trailers are enabled",
   src(F, "LargeTrailerFieldRejectedIgnored (testTrailersExceedLimit)"))


def frag(n):
    return b"".join(b"header%d: \r\n" % i for i in range(n))


rq("srv-101-trailers", TPRE + frag(101) + b"\r\n\r\n", "ok",
   [req("POST", "/", headers=TH, framing="chunked", body="body",
        trailers=[("header%d" % i, "") for i in range(101)])],
   "a chunked POST with 101 empty trailer fields (%d bytes), then the empty line and a lone CRLF "
   "(between messages). The profile's trailer limit is its size (16 KiB), which this is within; its "
   "'100 field lines' limit is read here as a limit of the header section (see the report). Envoy "
   "rejects more than 100 trailers when trailers are enabled and ignores them otherwise" % len(frag(101)),
   src(F, "ManyTrailersRejected (testTrailersExceedLimit)") + "; the same bytes also in ManyTrailersIgnored")
rq("srv-url-60k", b"GET /" + Q60 + b" HTTP/1.1\r\n", "error", [],
   "a request-line of 61454 bytes: over the profile's 16 KiB line limit (and the stream ends in the "
   "head); Envoy agrees (headers size exceeds limit)", src(F, "LargeRequestUrlRejected"))
rq("srv-header-60k", b"GET / HTTP/1.1\r\nbig: " + Q60 + b"\r\n\r\n", "error", [],
   "a field line of 61445 bytes: over the profile's 16 KiB line limit; Envoy agrees (its limit is 60 "
   "KiB for the whole head)", src(F, "LargeRequestHeadersRejected (testRequestHeadersExceedLimit)"))
rq("srv-101-headers", b"GET / HTTP/1.1\r\n" + frag(101) + b"\r\n", "error", [],
   "101 field lines: over the profile's default limit of 100 field lines; Envoy agrees (default 100)",
   src(F, "ManyRequestHeadersRejected (testRequestHeadersExceedLimit)"))
rq("srv-60-1k-headers-unterminated", b"GET / HTTP/1.1\r\n" + (b"big: " + b"q" * 1024 + b"\r\n") * 60, "error", [],
   "60 field lines of 1031 bytes and no empty line: 61876 bytes of head, under the profile's 64 KiB "
   "head limit but the stream ends inside the head (error); Envoy's 60 KiB limit rejects the 60th line",
   src(F, "LargeRequestHeadersSplitRejected", "the 61 writes concatenated"))
rq("srv-100-then-101st-header", b"GET / HTTP/1.1\r\n" + frag(100) + b"header101:\r\n\r\n", "error", [],
   "101 field lines: over the profile's default limit of 100; Envoy agrees",
   src(F, "ManyRequestHeadersSplitRejected", "the writes concatenated"))
rq("srv-header-1m", b"GET / HTTP/1.1\r\nbig: " + b"q" * (1024 * 1024) + b"\r\n\r\n", "error", [],
   "a field line of 1 MiB: over the profile's default 16 KiB line limit (a configurable limit); Envoy "
   "accepts it with max_request_headers_kb = 4096", src(F, "LargeRequestHeadersAccepted (testRequestHeadersAccepted)"))
rq("srv-150-headers", b"GET / HTTP/1.1\r\n" + frag(150) + b"\r\n", "error", [],
   "150 field lines: over the profile's default limit of 100 (configurable); Envoy accepts them with "
   "max_request_headers_count = 150", src(F, "ManyRequestHeadersAccepted (testRequestHeadersAccepted)"))
for t in ("LargeRequestHeadersRejectedBeyondMaxConfigurable", "LargeRequestHeadersSplitRejectedMaxConfigurable",
          "LargeRequestHeadersAcceptedMaxConfigurable", "ManyLargeRequestHeadersAccepted"):
    skip(F, t, "a 4-8 MiB head whose outcome is set by a non-default Envoy limit; under the profile's "
         "default limits it is the same line-limit error as envoy-srv-header-60k / srv-header-1m")
rq("srv-get-host-a", b"GET / HTTP/1.1\r\nhost: a.com\r\n\r\n", "ok",
   [req("GET", "/", headers=[("host", "a.com")])], "a plain GET with Host",
   src(F, "RuntimeLazyReadDisableTest"))
rq("srv-pipelined-a-b", b"GET / HTTP/1.1\r\nhost: a.com\r\n\r\nGET / HTTP/1.1\r\nhost: b.com\r\n\r\n", "ok",
   [req("GET", "/", headers=[("host", "a.com")]), req("GET", "/", headers=[("host", "b.com")])],
   "two pipelined GETs in one write (RFC 9112 9.3.2); Envoy reads the first and disables reading until "
   "it is answered", src(F, "PipedRequestWithSingleEvent"))
rq("srv-pipelined-a-a", b"GET / HTTP/1.1\r\nhost: a.com\r\n\r\n" * 2, "ok",
   [req("GET", "/", headers=[("host", "a.com")])] * 2,
   "two pipelined GETs in two writes", src(F, "PipedRequestWithMutipleEvent", "the two writes concatenated"))
rq("srv-utf8-path-hxxp", "GET /δ¶/δt/pope?q=1#narf HXXP/1.1\r\n\r\n".encode("utf-8"), "error", [],
   "a target with raw UTF-8 bytes and a '#fragment', and the version 'HXXP/1.1': the version alone "
   "makes it an error (RFC 9112 2.3); Envoy agrees (Balsa; http-parser with UHV accepts it)",
   src(F, "Utf8Path"))
R0 = b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n"
rs("res-80k-value-unterminated", R0 + b"big: " + b"q" * (80 * 1024), "error", [],
   "a response head with an 81925-byte field line that never ends: over the profile's 16 KiB line "
   "limit, and the stream ends inside the head; Envoy agrees (80 KiB response head limit)",
   src(F, "ResponseHeadersWithLargeValueRejected", "the writes concatenated") +
   "; the same bytes also in ResponseHeadersWithLargeFieldRejected")
rs("res-79k-value-no-end", R0 + b"big: " + b"q" * (79 * 1024) + b"\r\n", "error", [],
   "a response field line of 80901 bytes (over the profile's 16 KiB line limit) and no empty line "
   "(the stream ends inside the head); Envoy accepts the line (under its 80 KiB limit) and waits",
   src(F, "LargeResponseHeadersAccepted", "the writes concatenated"))
ENCODING += ["LargeMethodRequestEncode", "LargePathRequestEncode", "LargeHeaderRequestEncode",
             "BadEncodeInvalidParams"]
rs("res-101-headers", R0 + frag(101) + b"\r\n", "ok" if False else "error", [],
   "102 field lines in a response head: over the profile's default limit of 100; Envoy agrees",
   src(F, "ManyResponseHeadersRejected", "the writes concatenated"))
rs("res-150-headers", R0 + frag(150) + b"\r\n", "error", [],
   "151 field lines: over the profile's default limit of 100 (configurable); Envoy accepts them with "
   "max_response_headers_count = 152", src(F, "ManyResponseHeadersAccepted", "the writes concatenated"))
d = b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n6\r\nHello \r\n5\r\nWorld\r\n0\r\nhello: world\r\nsecond: header\r\n\r\n"
rs("res-chunked-trailers", d, "ok",
   [res(200, headers=[TE_CHUNKED], framing="chunked", body="Hello World",
        trailers=[("hello", "world"), ("second", "header")])],
   "a chunked response with two trailer fields (RFC 9112 7.1.2); Envoy agrees (enable_trailers)",
   src(F, "VerifyResponseHeaderTrailerMapMaxLimits"))
rs("res-partial-head", b"HTTP/1.1 200 OK\r\nserver: foo\r\nContent-Length: 8", "error", [],
   "a response head that stops inside a field line (error at end of stream); Envoy's test dumps its state",
   src(F, "ShouldDumpParsedAndPartialHeadersWithoutAllocatingMemoryIfProcessingHeaders (client)"))
rs("res-cl5-then-garbage", b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nHello" + b"GarbageDataShouldNotBeDumped",
   "error", [res(200, headers=[("Content-Length", "5")], framing="length", body="Hello")],
   "a 200 with a 5-byte body, then bytes that are no status-line (RFC 9112 4): error after the first "
   "response; Envoy agrees (extraneous data)",
   src(F, "ShouldDumpDispatchBufferWithoutAllocatingMemory (client)", "the two slices concatenated"))
rs("res-cl1-no-body", b"HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\n", "error", [],
   "Content-Length: 1 and no body byte: the stream ends inside the body; Envoy's test does not end the stream",
   src(F, "ShouldDumpCorrespondingRequestWithoutAllocatingMemory"))

# ParseUrl: Envoy feeds each request-line alone.  The line alone is an incomplete
# head (error at end of stream); the -complete variant adds a Host line and the
# empty line so that only the target decides.
import re
URL_OK = "ok"
VALID_LINES = [
    ("GET http://www.somewhere.com HTTP/1.1\r\n", "ok", "an absolute-form http URI with an empty path (RFC 3986 path-abempty)"),
    ("GET scheme://$,www]][-_..!~'(&=+.com/path HTTP/1.1\r\n", "error",
     "'[' and ']' may appear in an authority only around an IP-literal (RFC 3986 3.2.2), so this authority "
     "is no valid host: two parsers would route it differently"),
    ("GET foo:///www.this.is.not.host.but.path.com HTTP/1.1\r\n", "either",
     "an absolute-URI with an empty authority (scheme foo): valid RFC 3986 syntax but no host to route to; "
     "like an empty Host value (profile: either), a recipient may accept or reject it"),
    ("GET http://www/* HTTP/1.1\r\n", "ok", "host 'www' and path '/*' ('*' is a sub-delim, allowed in a segment)"),
    ("GET http://www?query HTTP/1.1\r\n", "ok", "host 'www', empty path and a query"),
    ("GET http://www*?query HTTP/1.1\r\n", "ok", "host 'www*' ('*' is a sub-delim, allowed in reg-name) and a query"),
    ("GET http://?query?more##fragment??more#? HTTP/1.1\r\n", "error",
     "an http URI with an empty host, which a recipient MUST reject (RFC 9110 4.2.1), and '#' (a fragment is "
     "not part of a request-target, RFC 9112 3.2)"),
    ("GET http://@ HTTP/1.1\r\n", "error",
     "an http URI with an (empty) userinfo and an empty host: RFC 9110 4.2.1 (empty host: MUST reject) and "
     "4.2.4 (userinfo: SHOULD treat as an error)"),
    ("GET http://@www@]@[]@?#?# HTTP/1.1\r\n", "error",
     "several '@', '[' ']' outside an IP-literal and '#': no valid authority (RFC 3986 3.2), a fragment"),
    ("GET http://* HTTP/1.1\r\n", "ok", "host '*' is syntactically a reg-name ('*' is a sub-delim, RFC 3986 3.2.2)"),
    ("GET /path HTTP/1.1\r\n", "ok", "origin-form"),
    ("GET /path?query HTTP/1.1\r\n", "ok", "origin-form with a query"),
    ("GET * HTTP/1.1\r\n", "either", "asterisk-form with GET (profile: either; RFC 9112 3.2.4 defines it for OPTIONS)"),
    ("GET ** HTTP/1.1\r\n", "error", "'**' is neither asterisk-form ('*' alone) nor origin-form, absolute-form (RFC 9112 3.2)"),
    ("GET *path@@/foo?# HTTP/1.1\r\n", "error", "starts with '*' but is not asterisk-form, nor any other form (RFC 9112 3.2)"),
    ("GET /@@path& HTTP/1.1\r\n", "ok", "origin-form: '@' and '&' are pchar (RFC 3986 3.3)"),
    ("GET http://host://this.is.path.com HTTP/1.1\r\n", "either",
     "authority 'host:' with an empty port (RFC 3986 allows port = *DIGIT, empty) and path '//this.is.path.com': "
     "valid URI syntax, but an authority with an empty port is no usable Host (the profile does not name it; "
     "see the report)"),
    ("CONNECT www.somewhere.com HTTP/1.1\r\n", "error",
     "CONNECT requires authority-form with a port (RFC 9112 3.2.3: host ':' port; profile)"),
    ("CONNECT http://there.is.no.scheme.com HTTP/1.1\r\n", "error",
     "CONNECT takes authority-form only; 'http://there...' is absolute-form (RFC 9112 3.2.3)"),
]
INVALID_LINES = [
    ("GET www.somewhere.com HTTP/1.1\r\n", "not origin-form (no leading '/') nor absolute-form; authority-form is for CONNECT only"),
    ("GET http!://www.somewhere.com HTTP/1.1\r\n", "'http!' is no scheme (RFC 3986 3.1), so no absolute-form, and no other form"),
    ("GET 0ttp:/\r\n", "no HTTP-version, and '0ttp' is no scheme (it must start with a letter)"),
    ("GET http:/www.somewhere.com HTTP/1.1\r\n", "an http URI without an authority ('http:/'): RFC 9110 4.2.1 requires a host"),
    ("GET http:://www.somewhere.com HTTP/1.1\r\n", "'http::' has no authority: an http URI needs one (RFC 9110 4.2.1)"),
    ("GET http/somewhere HTTP/1.1\r\n", "no leading '/' and no scheme ':': no form of RFC 9112 3.2"),
    ("GET http://www@@ HTTP/1.1\r\n", "userinfo 'www@' cannot hold '@' and the host is empty (RFC 3986 3.2.1; RFC 9110 4.2.1)"),
    ("GET http://www@w@w@@ HTTP/1.1\r\n", "several '@' in the authority: no valid userinfo/host split"),
    ("GET http://www@]@[]@# HTTP/1.1\r\n", "several '@', stray '[' ']' and a '#'"),
    ("GET http://www.hash#mark.com HTTP/1.1\r\n", "a '#' fragment in the target (not allowed by RFC 9112 3.2; it would "
     "make the authority 'www.hash' for one parser and 'www.hash#mark.com' for another)"),
    ("GET # HTTP/1.1\r\n", "'#' is no request-target"),
    ("GET ? HTTP/1.1\r\n", "'?' is no request-target (origin-form starts with '/')"),
    ("GET ?query HTTP/1.1\r\n", "'?query' is no request-target (origin-form starts with '/')"),
    ("GET ?#query#@@ HTTP/1.1\r\n", "no leading '/', and '#'"),
    ("GET @ HTTP/1.1\r\n", "'@' is no request-target"),
]


def url_slug(line):
    t = line.split(" ")[1] if line.count(" ") >= 2 else line.split(" ", 1)[1].strip()
    s = re.sub(r"[^a-z0-9]+", "-", (line.split(" ")[0] + "-" + t).lower()).strip("-")
    return s or "x"


USED = set()
for i, (line, exp, why) in enumerate([(l, e, w) for l, e, w in VALID_LINES] +
                                     [(l, "error", w) for l, w in INVALID_LINES]):
    valid = i < len(VALID_LINES)
    d = line.encode()
    slug = "url-%02d-%s" % (i + 1, url_slug(line))[:40]
    s = src(F, "ParseUrl", "%s %r" % ("kValidFirstLines" if valid else "kInvalidFirstLines", line.strip()))
    rq(slug, d, "error", [],
       "the request-line alone, as Envoy's test feeds it: the stream ends inside the head, an error at end of "
       "stream whatever the target is. Envoy's URL check %s it; the -complete variant tests the target" %
       ("accepts" if valid else "rejects (HPE_INVALID_URL)"), s)
    parts = line.strip().split(" ")
    if len(parts) != 3:
        # no complete variant for a line without HTTP-version
        continue
    meth, tgt, ver = parts
    m = re.match(r"^[a-z]+://([A-Za-z0-9.-]+(:[0-9]+)?)(/|\?|$)", tgt)
    host = m.group(1) if m else ("www.somewhere.com" if meth == "CONNECT" and "." in tgt and "/" not in tgt else "example.com")
    if meth == "CONNECT":
        host = "example.com"
    cd = d + b"Host: " + host.encode() + b"\r\n\r\n"
    framing = "upgrade" if meth == "CONNECT" else "none"
    msgs = [req(meth, tgt, headers=[("Host", host)], framing=framing)] if exp != "error" else []
    agree = (exp == "error") != valid or exp == "either"
    note = ("derived: the request-line completed with 'Host: %s' and the empty line. %s; " % (host, why) +
            {"ok": "the profile accepts it", "error": "the profile rejects it", "either": "either reading is allowed"}[exp] +
            ("" if agree else " (differs from Envoy, whose URL parser %s it)" % ("accepts" if valid else "rejects")) +
            ("; Envoy %s it" % ("accepts" if valid else "rejects") if agree else ""))
    add(slug + "-complete", "request", cd, exp, msgs, note, s + " (variant: Host field and empty line added)")

rs("res-http10-cl0", b"HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n", "ok",
   [res(200, headers=[("Content-Length", "0")], framing="length", version="HTTP/1.0")],
   "an HTTP/1.0 status-line; Envoy agrees", src(F, "ResponseHttpVersion", "HTTP/1.0") +
   "; the same bytes also in HttpVersion (client), 'HTTP/1.0'")
for c in CASES:
    if c["id"] == "envoy-res-200-cl0":
        c["source"] += ", ResponseHttpVersion (HTTP/1.1), HttpVersion (client, 'HTTP/1.1')"
for v, slug in [(b"HTTP/9.1", "91"), (b"aHTTP/1.1", "ahttp"), (b"HHTTP/1.1", "hhttp"), (b"HTTPS/1.1", "https"),
                (b"FTP/1.1", "ftp"), (b"HTTP/1.01", "1-01"), (b"HTTP/A.0", "a-0")]:
    d = v + b" 200 OK\r\nContent-Length: 0\r\n\r\n"
    s = src(F, "HttpVersion (client)", "version %r" % v.decode())
    if v == b"HTTP/9.1":
        rs("res-version-91", d, "error", [],
           "differs from Envoy: a status-line with HTTP/9.1; the profile accepts only HTTP/1.0 and HTTP/1.1 "
           "('any other HTTP/x.y is an error'); Envoy accepts it (both parsers)", s)
    else:
        rs("res-version-" + slug, d, "error", [],
           "a malformed HTTP-version %r in a status-line (RFC 9112 2.3, 4); Envoy agrees" % v.decode(), s)
rs("res-304-cl2-blah", b"HTTP/1.1 304 Not Modified\r\nContent-Length: 2\r\n\r\nblah", "error",
   [res(304, "Not Modified", [("Content-Length", "2")], "none")],
   "a 304 has no body whatever its Content-Length says (RFC 9112 6.3 step 1), so 'blah' must start a next "
   "response and is no status-line: error after the 304; Envoy agrees ('extraneous data after response complete')",
   src(F, "304WithBody"))
for c in CASES:
    if c["id"] in ("envoy-srv-version-11", "envoy-srv-version-11-host"):
        c["source"] += ", ValidMethodFirstCharacter ('G' then 'ET / HTTP/1.1\\r\\n\\r\\n'), FirstReadEOF (server)"
rq("srv-first-byte-e", b"E", "error", [],
   "a stream of the single byte 'E': it ends inside the request-line (error at end of stream). The profile "
   "takes any token as a method, so 'E' alone is not wrong; Envoy rejects it at once (no known method "
   "starts with 'E'; Balsa with UHV waits)", src(F, "InvalidMethodFirstCharacter"))
rs("res-first-byte-i", b"I", "error", [],
   "a response stream of the single byte 'I': no status-line can start so (RFC 9112 4), and the stream ends "
   "anyway; Envoy agrees", src(F, "InvalidResponseFirstCharacter"))
rs("res-200-close-foo", b"HTTP/1.1 200 OK\r\n\r\nfoo", "ok", [res(200, framing="close", body="foo")],
   "a 200 without framing fields: its body 'foo' runs to the end of the stream (RFC 9112 6.3 step 8); "
   "Envoy agrees (its test first feeds an empty read)", src(F, "FirstReadEOF (client)"))
rq("srv-eof-in-method", b"GET", "error", [],
   "the stream ends after 'GET' (inside the request-line): error at end of stream; Envoy agrees "
   "(HPE_INVALID_EOF_STATE)", src(F, "EOFDuringHeaders"))
rs("res-eof-in-version", b"HTT", "error", [],
   "the response stream ends after 'HTT': error at end of stream; Envoy agrees", src(F, "EOFDuringHeaders (client)"))
rq("srv-eof-in-chunk", b"POST / HTTP/1.1\r\ntransfer-encoding: chunked\r\n\r\n9\r\nfoo", "error", [],
   "the stream ends after 3 of the 9 bytes of a chunk: error at end of stream; Envoy agrees",
   src(F, "EOFDuringChunkedBody"), nohost=True)
rs("res-eof-in-chunk", b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n9\r\nfoo", "error", [],
   "a chunked response that ends after 3 of the 9 bytes of a chunk: error at end of stream (the end of "
   "stream does not complete a chunked body); Envoy agrees", src(F, "EOFDuringChunkedBody (client)"))
rq("srv-eof-in-cl-body", b"POST / HTTP/1.1\r\ncontent-length: 9\r\n\r\nfoo", "error", [],
   "the stream ends after 3 of 9 Content-Length body bytes: error at end of stream; Envoy agrees",
   src(F, "EOFDuringContentLengthBody"), nohost=True)
rs("res-eof-in-cl-body", b"HTTP/1.1 200 OK\r\ncontent-length: 9\r\n\r\nfoo", "error", [],
   "a response that ends after 3 of 9 Content-Length body bytes: error at end of stream; Envoy agrees",
   src(F, "EOFDuringContentLengthBody (client)"))
rq("srv-post-no-length-then-foo", b"POST / HTTP/1.1\r\n\r\nfoo", "error", [req("POST", "/")],
   "a POST with neither Content-Length nor Transfer-Encoding has no body (RFC 9112 6.3 step 7), so 'foo' "
   "starts a next request that the end of stream cuts short (error after the POST); Envoy agrees (it "
   "leaves 'foo' unread)", src(F, "NoContentLengthRequest"), nohost=True)
for c in CASES:
    if c["id"] == "envoy-res-200-close-foo":
        c["source"] += ", NoContentLengthResponse (each of its two responses, separated by an end of stream)"
rq("srv-empty-field-name", b"GET / HTTP/1.1\r\n: value-for-empty-key\r\nHost: host\r\n\r\n", "error", [],
   "a field line with an empty name (field-name = token, 1*tchar: RFC 9110 5.1); Envoy agrees",
   src(F, "EmptyFieldName"))
rq("srv-te-chunked-twice", b"POST / HTTP/1.1\r\nHost: foo.bar\r\nTransfer-Encoding: chunked\r\n"
   b"Transfer-Encoding: chunked\r\n\r\n", "error", [],
   "two Transfer-Encoding: chunked lines make the list 'chunked, chunked': chunked applied twice is an "
   "error (RFC 9112 7: a sender MUST NOT apply chunked more than once; profile); Envoy agrees (501)",
   src(F, "MultipleTransferEncoding"))
for c in CASES:
    if c["id"] == "envoy-srv-http10":
        c["source"] += ", Http10Rejected (accept_http_10 off: Envoy answers 426 Upgrade Required)"
for mode, pre in (("res", b"HTTP/1.1 200 OK\r\n"), ("srv", b"GET / HTTP/1.1\r\n")):
    who = " (client)" if mode == "res" else ""
    fn = rs if mode == "res" else (lambda slug, d, e, m, n, s: rq_both(slug, d, n, s))
    fn(mode + "-name-bracket", pre + b"fo[o: bar\r\n\r\n", "error", [],
       "'[' is not a tchar, so 'fo[o' is no field-name (RFC 9110 5.6.2)%s; Envoy agrees" %
       (" (the request also lacks Host)" if mode == "srv" else ""), src(F, "SeparatorInHeaderName" + who))
    fn(mode + "-name-space", pre + b"fo o: bar\r\n\r\n", "error", [],
       "a SP inside a field-name: 'fo o' is no token and the line no field-line (RFC 9112 5)%s; Envoy agrees "
       "(Balsa always; http-parser only in its strict mode, off with UHV)" %
       (" (the request also lacks Host)" if mode == "srv" else ""), src(F, "SpaceInHeaderName" + who))
    fn(mode + "-name-utf8", pre + "föö: bar\r\n\r\n".encode("utf-8"), "error", [],
       "bytes 0xC3 0xB6 in a field-name: not tchar (RFC 9110 5.6.2)%s; Envoy agrees" %
       (" (the request also lacks Host)" if mode == "srv" else ""), src(F, "ExtendedAsciiInHeaderName" + who))
    fn(mode + "-value-ctl-12", pre + b"foo: \x12\r\n\r\n", "error", [],
       "the control byte 0x12 in a field value (RFC 9110 5.5)%s; Envoy agrees" %
       (" (the request also lacks Host)" if mode == "srv" else ""), src(F, "Char22InHeaderValue" + who))
d = b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nfoo\r\n\r\n"
rs("res-cl-3-3", d, "either", [res(200, headers=[("Content-Length", "3"), ("Content-Length", "3")],
                                  framing="length", body="foo")],
   "two identical Content-Length lines: 'several identical values' (profile: either; RFC 9112 6.3 step 5 "
   "lets a recipient accept them as one). Read as one, the body is 'foo' and the CRLF CRLF after it is "
   "no status-line (no empty line is skipped before a status-line), so even that reading ends in an error "
   "after the first response; Envoy rejects it (HPE_UNEXPECTED_CONTENT_LENGTH)",
   src(F, "MultipleContentLength (client)"))
d = b"GET / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nfoo\r\n\r\n"
rq("srv-cl-3-3", d, "either", [req("GET", "/", headers=[("Content-Length", "3"), ("Content-Length", "3")],
                                  framing="length", body="foo")],
   "two identical Content-Length lines (profile: either). Read as one, the body is 'foo', one CRLF after "
   "it is skipped and the second empty line is an error (at most one empty line is skipped before a "
   "request-line), so both readings end in an error; Envoy rejects the request (HPE_UNEXPECTED_CONTENT_LENGTH)",
   src(F, "MultipleContentLength"), nohost=True,
   orig_note="an HTTP/1.1 request without Host: an error (RFC 9112 3.2); Envoy rejects it too, for the "
   "duplicate Content-Length")
CH3 = b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n3\r\nfoo\r\n0\r\n"
rs("res-trailer-no-colon", CH3 + b"invalid-trailer-line\r\n\r\n", "error", [],
   "a trailer line without a colon is no field-line (RFC 9112 7.1.2, 5); Envoy agrees",
   src(F, "MalformedTrailerLine (client)"))
rs("res-trailer-name-utf8", CH3 + "föö: bar\r\n\r\n".encode("utf-8"), "error", [],
   "non-tchar bytes (UTF-8 of 'ö') in a trailer field-name (RFC 9110 5.6.2); Envoy agrees",
   src(F, "InvalidCharacterInTrailerName (client)"))
FOLD = b"Multi-Line-Header: \r\n  foo\r\n  bar\r\n\t\tbaz\r\n"
rq("srv-obs-fold", b"GET / HTTP/1.1\r\n" + FOLD + b"\r\n", "error", [],
   "differs from Envoy's http-parser: a field value continued over three obs-fold lines in a request. The "
   "profile rejects obs-fold in requests (RFC 9112 5.2 lets a server reject it with 400). Envoy's "
   "http-parser accepts it ('foo  bar\\t\\tbaz'); Balsa rejects it. (The request also lacks Host; the "
   "-host variant has one)", src(F, "ObsFold"))
rq("srv-obs-fold-host", b"GET / HTTP/1.1\r\nHost: example.com\r\n" + FOLD + b"\r\n", "error", [],
   "derived: the same with Host: example.com, so only the obs-fold decides: error (RFC 9112 5.2; profile)",
   src(F, "ObsFold", derived="Host field added"))
rs("res-obs-fold", b"HTTP/1.1 200 OK\r\n" + FOLD + b"Content-Length: 0\r\n\r\n", "ok",
   [res(200, headers=[("Multi-Line-Header", "foo bar baz"), ("Content-Length", "0")], framing="length")],
   "obs-fold in a response is accepted, each fold (OWS CRLF RWS, RFC 9112 5.2) reading as one SP, so the "
   "value is 'foo bar baz' after trimming. Envoy's http-parser keeps the whitespace of the continuation "
   "lines ('foo  bar\\t\\tbaz'), which RFC 9112 5.2 also permits (one or more SP); the profile fixes one SP per fold",
   src(F, "ObsFold (client)"))
rq_both("srv-value-nul", b"GET / HTTP/1.1\r\nkey: value has \x00null character\r\n\r\n",
   "a NUL in a field value (RFC 9110 5.5: MUST reject or replace; profile: error) (the request also lacks "
   "Host); Envoy agrees", src(F, "ValueWithNullCharacter"))
rs("res-value-nul", b"HTTP/1.1 200 OK\r\nkey: value has \x00null character\r\nContent-Length: 0\r\n\r\n",
   "error", [], "a NUL in a response field value (RFC 9110 5.5; profile); Envoy agrees",
   src(F, "ValueWithNullCharacter (client)"))

# ===========================================================================
# balsa_parser_test.cc (BalsaParser fed directly; request role)
# ===========================================================================
F = BALSA
TOK = b"!#$%&'*+-.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ^_`abcdefghijklmnopqrstuvwxyz|~"
rq("balsa-name-all-tchar", b"GET / HTTP/1.1\r\n" + TOK + b": value\r\n\r\n", "ok",
   [req("GET", "/", headers=[(TOK, "value")])],
   "a field-name made of every tchar (RFC 9110 5.6.2); Balsa accepts it",
   src(F, "BalsaParserHeaderNameValidationTest.ParsesHeaderNameContainingEveryTokenCharacter"), nohost=True)
for ch in [0x00, 0x20, 0x22, 0x28, 0x29, 0x2C, 0x2F, 0x3B, 0x3C, 0x3D, 0x3E, 0x3F, 0x40, 0x5B, 0x5C, 0x5D,
           0x7B, 0x7D, 0x7F, 0x80, 0xFF]:
    rq_both("balsa-name-bad-%02x" % ch, b"GET / HTTP/1.1\r\nbad" + bytes([ch]) + b"name: value\r\n\r\n",
            "the byte 0x%02X inside a field-name: not a tchar (RFC 9110 5.6.2; %s), so no field-line; "
            "Balsa agrees" % (ch, "a delimiter" if 0x20 < ch < 0x7F else "a control, SP, DEL or non-ASCII byte"),
            src(F, "BalsaParserHeaderNameValidationTest.RejectsInvalidTokenCharactersInHeaderNames",
                "character 0x%02X" % ch))
rq_both("balsa-name-utf8", b"GET / HTTP/1.1\r\nf\xc3\xb6o: value\r\n\r\n",
        "UTF-8 bytes C3 B6 inside a field-name: not tchar (RFC 9110 5.6.2); Balsa agrees (HPE_INVALID_HEADER_TOKEN)",
        src(F, "BalsaParserHeaderNameValidationTest.RejectsHighBitHeaderNameCharacterAfterParsing"))
rq("balsa-method-all-tchar", TOK + b" / HTTP/1.1\r\nhost: example.com\r\n\r\n", "ok",
   [req(TOK, "/", headers=[("host", "example.com")])],
   "a method made of every tchar: method = token (RFC 9110 9.1, RFC 9112 3.1); Balsa accepts it with "
   "custom methods allowed", src(F, "BalsaParserMethodValidationTest.ParsesCustomMethodContainingEveryTokenCharacter"))

# ===========================================================================
# parser_impl_test.cc (HttpParserImpl fed directly)
# ===========================================================================
F = PIMPL
for c in CASES:
    if c["id"] in ("envoy-srv-version-11", "envoy-srv-version-11-host"):
        c["source"] += "; also in parser_impl_test.cc: RequestParserImplTest.TestExecute"
DUPLICATES.append((src(F, "RequestParserImplTest.TestExecute"), "envoy-srv-version-11"))
d = b"POST / HTTP/1.1\r\nContent-Length: 003\r\n\r\n"
rq("pimpl-cl-003", d, "error", [],
   "Content-Length: 003 (leading zeros are fine: 1*DIGIT, profile) but the 3 body bytes never come: error "
   "at end of stream; Envoy's parser reports length 3 and waits for the body",
   src(F, "RequestParserImplTest.TestContentLength"), nohost=True)
rq("pimpl-cl-003-body", with_host(d) + b"abc", "ok",
   [req("POST", "/", headers=[("Host", "example.com"), ("Content-Length", "003")], framing="length", body="abc")],
   "derived: with Host and the 3 body bytes: Content-Length 003 is 3 (leading zeros are fine, profile; "
   "RFC 9110 8.6: 1*DIGIT)", src(F, "RequestParserImplTest.TestContentLength", derived="Host field and 3 body bytes added"))
d = b"POST / HTTP/1.1\r\nContent-Length: 003\r\nContent-Length: 001\r\n"
rq("pimpl-cl-003-001", d, "error", [],
   "two differing Content-Length values (3 and 1) (RFC 9112 6.3 step 5: unrecoverable error; profile); the head "
   "is also unfinished; Envoy agrees (HPE_UNEXPECTED_CONTENT_LENGTH)", src(F, "RequestParserImplTest.TestErrorName"))
rq("pimpl-cl-003-001-complete", with_host(d) + b"\r\nabc", "error", [],
   "derived: the same head completed with Host, the empty line and 3 body bytes: the differing Content-Length "
   "values alone make it an error (RFC 9112 6.3 step 5; profile)",
   src(F, "RequestParserImplTest.TestErrorName", derived="Host field, empty line and body added"))
d = b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\na\r\n0\r\n\r\n"
rq("pimpl-chunk-a", d, "error", [],
   "a chunk of size 0xa (10) followed by only 5 bytes ('0\\r\\n\\r\\n' are chunk data here): the stream ends "
   "inside the chunk, an error at end of stream; Envoy's test only checks that the parser saw chunked "
   "(http-parser returns no error for an unfinished message)", src(F, "RequestParserImplTest.TestChunked"), nohost=True)
rs("res-200-empty-close", b"HTTP/1.1 200 OK\r\n\r\n", "ok", [res(200, framing="close")],
   "a 200 without framing fields: its body runs to the end of the stream, here empty (RFC 9112 6.3 step 8)",
   src(F, "ResponseParserImplTest.TestStatus"))


REASONS = [
 ("envoy-srv-version-none", "'GET /' with no HTTP-version (HTTP/0.9 form): Envoy accepts, profile requires HTTP/1.0 or 1.1"),
 ("envoy-srv-version-91", "request version HTTP/9.1: Envoy accepts, profile allows only HTTP/1.0 and HTTP/1.1"),
 ("envoy-res-version-91", "status-line version HTTP/9.1: same"),
 ("envoy-srv-http10, envoy-srv-version-10, envoy-srv-http10-absolute, envoy-srv-http10-keepalive-then-11",
  "HTTP/1.0 requests: the tests set accept_http_10; Envoy's default answers 426, the profile accepts HTTP/1.0"),
 ("envoy-srv-sketchy-connection", "Connection nominating 13 tokens: Envoy rejects as policy (>10), well-formed per RFC 9110 7.6.1"),
 ("envoy-srv-inner-lws-1, envoy-srv-inner-lws-2", "a 32 KiB field line: over the profile's default 16 KiB line limit; Envoy (60 KiB limit) accepts"),
 ("envoy-srv-header-1m, envoy-srv-150-headers, envoy-res-150-headers", "over the profile's default limits; Envoy accepts with raised limits set by the test"),
 ("envoy-srv-upgrade-post-cl5(-host), envoy-srv-upgrade-post-chunked(-host), envoy-srv-upgrade-get-cl0(-host)",
  "requests carrying Upgrade: Envoy passes the following bytes through as upgrade payload; the profile keeps decoding HTTP/1 (only a 101 switches)"),
 ("envoy-srv-connect-cl1-host", "CONNECT with Content-Length: 1: Envoy rejects, the profile ignores a valid Content-Length on CONNECT and switches"),
 ("envoy-res-te-and-cl-0, -1, -100", "response with Transfer-Encoding: chunked and Content-Length: Envoy rejects by default, the profile lets TE override CL in responses"),
 ("envoy-res-204-cl20", "204 with Content-Length: 20: Envoy rejects, the profile reads no body (RFC 9112 6.3 step 1)"),
 ("envoy-res-204-te", "204 with Transfer-Encoding: chunked: same"),
 ("envoy-res-101-te", "101 with Transfer-Encoding: chunked: Envoy rejects, the profile switches (upgrade)"),
 ("envoy-res-199", "199 is informational (no body, a final response still awaited); Envoy treats it as the final response"),
 ("envoy-res-200-upgrade", "200 with Upgrade to an upgrade request: Envoy switches, the profile decodes the 5-byte body and then errors on 'abcd'"),
 ("envoy-res-obs-fold", "obs-fold in a response: Envoy's http-parser keeps the continuation whitespace ('foo  bar\\t\\tbaz'), the profile reads one SP per fold ('foo bar baz')"),
 ("envoy-srv-obs-fold, envoy-srv-obs-fold-host", "obs-fold in a request: Envoy's http-parser accepts it, the profile rejects it (Balsa agrees with the profile)"),
 ("envoy-srv-asterisk-get, envoy-url-13-get-complete", "'GET *': Envoy rejects, the profile says either"),
 ("envoy-res-cl-3-3, envoy-srv-cl-3-3-host", "two identical Content-Length lines: Envoy rejects, the profile says either"),
 ("envoy-srv-custom-method", "extension method BAD: Envoy's http-parser rejects unknown methods (Balsa accepts only with allow_custom_methods), the profile takes any token"),
 ("envoy-res-premature-408, envoy-res-two-responses", "responses with no (or no more) outstanding request: Envoy's 'premature response' check is connection bookkeeping; the dump pairs every response with a GET and accepts them"),
]


def write_md(path):
    from collections import Counter

    def kind(c):
        s = c["source"]
        if c["id"].endswith("-host") and "(variant: Host field added)" in s:
            return "host"
        return "derived" if "(variant:" in s else "own"
    cnt = Counter((kind(c), c["mode"], c["expect"]) for c in CASES)
    fileof = lambda c: c["source"].split(" ")[1].split("/")[-1]
    byfile = Counter((fileof(c), kind(c) == "own") for c in CASES)
    nohost = [c["id"] for c in CASES if c["note"].startswith(NOHOST[:60]) or
              c["note"].startswith("differs from Envoy: an HTTP/1.1 CONNECT without Host")]
    url_diff = [c["id"] for c in CASES if "url-" in c["id"] and c["id"].endswith("-complete")
                and "differs from Envoy" in c["note"]]
    skip_reasons = Counter(r.split(";")[0].split(" (")[0] for f, t, r in SKIPPED)
    L = []
    A = L.append
    A("## Envoy (HTTP/1 codec: http-parser and Balsa)\n")
    A("### Origin and licence\n")
    A("These cases come from the unit tests of the HTTP/1 codec of **Envoy** (https://github.com/envoyproxy/envoy), "
      "the CNCF proxy. Envoy is released under the Apache License 2.0, copyright the Envoy Project Authors; the full "
      "text is in Envoy's `LICENSE` file. Only the test messages (the bytes the tests feed to the codec or to the "
      "parsers) are taken, with the file and test name in each case's `source`; no Envoy code or prose is copied.\n")
    A("Files read through the search index (`test/common/http/http1/`):\n")
    A("| file | version used |\n| --- | --- |")
    A("| `codec_impl_test.cc` | the newest stored version (198 249 characters; tests "
      "parameterized over `HttpParser` and `BalsaParser`, with the UHV shim). The tool did not report its commit. "
      "The listing's nominal commit `e1436e5c6458` and the version `006b5c7a3440` that `read_file` returned by path are "
      "older (2019-2020, pre-Balsa) versions and were not used |")
    A("| `balsa_parser_test.cc` | `f1195d6c029692a54cb64be202efeabc302a04c6` |")
    A("| `parser_impl_test.cc` | `c77400de17f148348731dd613e22777de55f6627` |\n")
    A("`make/envoy.py` writes `envoy.json` and this section (`envoy.md`); it has no dependencies.\n")
    A("### How the tests were turned into streams\n")
    A("- **Role.** Bytes dispatched to `ServerConnectionImpl` (or to a request parser) are `request` cases. Bytes "
      "dispatched to `ClientConnectionImpl` are `response` cases, with `methods` `HEAD` or `CONNECT` where the test's "
      "request used them.")
    A("- **Several dispatches** on one codec are concatenated into one stream. The runner's split sizes stand for the "
      "slicing tests (`...FragmentedBuffer`, `...SplitOverTwoDispatches`). Where a test ends with an empty dispatch "
      "(EOF), that is the dump's end of stream. Byte-identical streams are merged into one case whose `source` lists "
      "every test (%d merges)." % len(DUPLICATES))
    A("- **End of stream.** Envoy's tests mostly do not signal EOF. A test that feeds only a request-line, a partial "
      "head or part of a body is therefore `error` here (the dump ends the stream), and the notes say so. For the "
      "`ParseUrl` request-lines and the `HeaderMutateEmbeddedCRLF` heads, a **`-complete`** variant adds what is "
      "missing (a Host line and the empty line; the final CRLF), so that only the target or the inserted byte decides.")
    A("- **Options and runtime flags** (`allow_absolute_url`, `allow_chunked_length`, `accept_http_10`, "
      "`allow_custom_methods`, `headers_with_underscores_action`, `enable_trailers`, header limits, UHV) do not change "
      "the expectation. The note says what Envoy does with and without them. Some tests feed the two parsers "
      "different bytes (`HeaderInvalidCharsRejection` and `HeaderMutateEmbeddedNul` add a final CRLF for Balsa); both "
      "streams are converted.")
    A("- **Missing Host.** Envoy's codec does not require Host, so many HTTP/1.1 requests in its tests have none, and "
      "the profile rejects them first. Each such request is repeated as `<id>-host`, with `Host: example.com` (or the "
      "CONNECT authority `host:80`) after the request-line. A Host-less request that is an error for another reason "
      "too (bad field names, control bytes, obs-fold, ...) also gets a `-host` variant, still `error`, so that only "
      "the feature under test decides.")
    A("- Other derived cases: `envoy-srv-inner-lws-*-short` (the inner-whitespace test within the 16 KiB line limit), "
      "`envoy-pimpl-cl-003-body`, `envoy-pimpl-cl-003-001-complete`.\n")
    A("### Counts\n")
    A("- **Test functions: 215** (codec_impl_test.cc 206, balsa_parser_test.cc 4, parser_impl_test.cc 5): **converted "
      "177**, **skipped 38**. A test that runs once per parser counts once; tests with the same name in the server and "
      "the client fixture count twice.")
    A("- **Cases: %d** (request %d, response %d): ok %d, error %d, either %d." % (
        len(CASES), sum(c["mode"] == "request" for c in CASES), sum(c["mode"] == "response" for c in CASES),
        sum(c["expect"] == "ok" for c in CASES), sum(c["expect"] == "error" for c in CASES),
        sum(c["expect"] == "either" for c in CASES)))
    A("")
    A("| | ok | error | either |\n| --- | ---: | ---: | ---: |")
    for k, lab in (("own", "Envoy's own streams"), ("host", "`-host` variants"), ("derived", "other derived variants")):
        for m in ("request", "response"):
            r = [cnt[(k, m, e)] for e in ("ok", "error", "either")]
            if sum(r):
                A("| %s, %s | %d | %d | %d |" % (lab, m, r[0], r[1], r[2]))
    A("")
    A("- By file (own + derived): codec_impl_test.cc %d + %d, balsa_parser_test.cc %d + %d, parser_impl_test.cc %d + %d." % (
        byfile[(CODEC, True)], byfile[(CODEC, False)], byfile[(BALSA, True)], byfile[(BALSA, False)],
        byfile[(PIMPL, True)], byfile[(PIMPL, False)]))
    A("- Generated families: `HeaderMutateEmbeddedNul` (a NUL at each of 42 offsets, two forms: 84 cases), "
      "`TrailerMutateEmbeddedNul` (30 offsets, with `-host`: 60), `HeaderMutateEmbeddedCRLF` (CR or LF at 41 offsets, "
      "with `-complete`: 164), `ParseUrl` (34 request-lines, 33 `-complete`), "
      "`RejectsInvalidTokenCharactersInHeaderNames` (21 bytes, with `-host`: 42).")
    A("- **Skipped (%d), by reason:**" % (len(SKIPPED) + len(ENCODING)))
    A("  - encoding tests (the codec writes a request or response; what it decodes, if anything, is a plain request "
      "covered elsewhere): %d (%s)" % (len(ENCODING), ", ".join(ENCODING)))
    for r, n in sorted(skip_reasons.items(), key=lambda x: -x[1]):
        ts = [t for f, t, rr in SKIPPED if rr.split(";")[0].split(" (")[0] == r]
        A("  - %s: %d (%s)" % (r, n, ", ".join(ts)))
    A("")
    A("### Cases whose expectation differs from Envoy's answer\n")
    A("Envoy's answer here is that of its default configuration unless the line says otherwise.\n")
    A("- **Missing Host (%d cases).** Envoy's codec accepts an HTTP/1.1 request without Host; RFC 9112 3.2 and the "
      "profile reject it. Each has a `-host` counterpart: %s." % (len(nohost), ", ".join("`%s`" % i for i in nohost)))
    for ids, why in REASONS:
        A("- `%s`: %s." % (ids, why))
    A("- `ParseUrl` `-complete` variants where the profile's verdict differs from Envoy's URL parser (each note says "
      "why): %s." % ", ".join("`%s`" % i for i in url_diff))
    A("- **End of stream only.** Many tests stop inside a message without signalling EOF (the `ParseUrl` "
      "request-lines, `GiantPath`, `PrematureUpgradeResponse`, the `ShouldDump*` tests, `LargeBodyOptimization`, "
      "`TestChunked`, `TestContentLength`, `RejectCustomMethod`, ...). Envoy's test sees no error yet; the dump's end "
      "of stream makes them `error`. These are not differences of reading and are not listed one by one.")
    with open(path, "w") as f:
        f.write("\n".join(L) + "\n")


# ===========================================================================
def main():
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))
    for c in CASES:
        if c["expect"] == "error":
            assert all(m.get("complete", True) for m in c["messages"])
    with open(os.path.join(here, "envoy.json"), "w") as f:
        json.dump(CASES, f, ensure_ascii=True, indent=1)
    write_md(os.path.join(here, "envoy.md"))
    from collections import Counter
    print("cases:", len(CASES), dict(Counter(c["expect"] for c in CASES)))
    print("by mode:", dict(Counter((c["mode"], c["expect"]) for c in CASES)))
    print("derived:", sum("(variant:" in c["source"] for c in CASES))
    print("skipped:", len(SKIPPED) + len(ENCODING), "encoding:", len(ENCODING))
    print("duplicates merged:", len(DUPLICATES))


if __name__ == "__main__":
    main()
