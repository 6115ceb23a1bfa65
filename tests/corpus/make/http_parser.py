#!/usr/bin/env python3
"""Build tests/corpus/http_parser.json: h1wire conformance cases converted from
the test suite of nodejs/http-parser (test.c), the C parser Node.js used
before llhttp.

Only the test MESSAGES (the raw bytes) are taken from test.c; every
expectation below is decided from the h1wire strict profile
(CONFORMANCE.md section 3) and RFC 9112 / RFC 9110, not from
http-parser's answer. Where http-parser answers differently the note says
so ("differs from http-parser: ...").

Origin: https://github.com/nodejs/http-parser, file test.c, stored version at
commit fd33f6760598e517601fd8d421647522d2d06122 (MIT licence, copyright
Joyent, Inc. and other Node contributors).
"""

import json
import os

from common import text as s

NAME = "http_parser"
REPO = "nodejs/http-parser"
COMMIT = "fd33f6760598e517601fd8d421647522d2d06122"
SRC = "%s test.c (commit %s)" % (REPO, COMMIT[:12])
OUT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), NAME + ".json")

HOST_NOTE = ("the profile rejects an HTTP/1.1 request without a Host field "
             "(RFC 9112 3.2: a server MUST respond 400 to such a request); "
             "http-parser never checks Host")
DERIVED = ("derived (not http-parser's own input): a Host field was inserted "
           "after each HTTP/1.1 request-line that had none, so that the case "
           "tests what the original was written for; ")
DERIVED_COMPLETE = ("derived (not http-parser's own input): a Host field was "
                    "inserted after the request-line and the head was "
                    "terminated, so that the case tests what the original was "
                    "written for rather than the end of stream; ")

cases = []
ids = set()


def msg(start, headers=(), framing="none", body=b"", trailers=()):
    return {"start": [s(x) for x in start],
            "headers": [[s(n), s(v)] for n, v in headers],
            "framing": framing,
            "body": s(body),
            "trailers": [[s(n), s(v)] for n, v in trailers],
            "complete": True}


def add(cid, mode, raw, expect, messages, note, source, methods=()):
    cid = NAME + "-" + cid
    assert cid not in ids, cid
    assert expect in ("ok", "error", "either")
    assert isinstance(raw, bytes)
    ids.add(cid)
    cases.append({"id": cid, "mode": mode, "methods": list(methods),
                  "input": s(raw), "expect": expect, "messages": messages,
                  "note": note, "source": source})


def with_host(raw, host=b"example.com"):
    """Insert a Host field after the (first) request-line of raw."""
    i = 2 if raw.startswith(b"\r\n") else 0
    j = raw.index(b"\r\n", i) + 2
    return raw[:j] + b"Host: " + host + b"\r\n" + raw[j:]


def host_msg(m, host=b"example.com"):
    m = json.loads(json.dumps(m))
    m["headers"].insert(0, ["Host", s(host)])
    return m


# ---------------------------------------------------------------- requests[]
# Each entry: (slug, macro, name, raw, expect, messages, note, host_variant)
# host_variant: None, or (host, expect, messages, note) for the "-host" case.

GET = b"GET"
H11 = b"HTTP/1.1"
H10 = b"HTTP/1.0"

REQ = []


def R(slug, macro, name, raw, expect, messages, note, hv=None):
    REQ.append((slug, macro, name, raw, expect, messages, note, hv))


# 0 CURL_GET
raw = (b"GET /test HTTP/1.1\r\n"
       b"User-Agent: curl/7.18.0 (i486-pc-linux-gnu) libcurl/7.18.0 OpenSSL/0.9.8g zlib/1.2.3.3 libidn/1.1\r\n"
       b"Host: 0.0.0.0=5000\r\n"
       b"Accept: */*\r\n"
       b"\r\n")
R("curl-get", "CURL_GET", "curl get", raw, "ok",
  [msg((GET, b"/test", H11),
       [(b"User-Agent", b"curl/7.18.0 (i486-pc-linux-gnu) libcurl/7.18.0 OpenSSL/0.9.8g zlib/1.2.3.3 libidn/1.1"),
        (b"Host", b"0.0.0.0=5000"), (b"Accept", b"*/*")])],
  "plain GET; Host value 0.0.0.0=5000 is a valid reg-name ('=' is a sub-delim, RFC 3986 3.2.2), so Host passes the profile's uri-host [\":\" port] check")

# 1 FIREFOX_GET
raw = (b"GET /favicon.ico HTTP/1.1\r\n"
       b"Host: 0.0.0.0=5000\r\n"
       b"User-Agent: Mozilla/5.0 (X11; U; Linux i686; en-US; rv:1.9) Gecko/2008061015 Firefox/3.0\r\n"
       b"Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r\n"
       b"Accept-Language: en-us,en;q=0.5\r\n"
       b"Accept-Encoding: gzip,deflate\r\n"
       b"Accept-Charset: ISO-8859-1,utf-8;q=0.7,*;q=0.7\r\n"
       b"Keep-Alive: 300\r\n"
       b"Connection: keep-alive\r\n"
       b"\r\n")
R("firefox-get", "FIREFOX_GET", "firefox get", raw, "ok",
  [msg((GET, b"/favicon.ico", H11),
       [(b"Host", b"0.0.0.0=5000"),
        (b"User-Agent", b"Mozilla/5.0 (X11; U; Linux i686; en-US; rv:1.9) Gecko/2008061015 Firefox/3.0"),
        (b"Accept", b"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),
        (b"Accept-Language", b"en-us,en;q=0.5"),
        (b"Accept-Encoding", b"gzip,deflate"),
        (b"Accept-Charset", b"ISO-8859-1,utf-8;q=0.7,*;q=0.7"),
        (b"Keep-Alive", b"300"),
        (b"Connection", b"keep-alive")])],
  "browser GET with eight header fields; Host 0.0.0.0=5000 is a valid reg-name")

# 2 DUMBFUCK
raw = b"GET /dumbfuck HTTP/1.1\r\naaaaaaaaaaaaa:++++++++++\r\n\r\n"
m = msg((GET, b"/dumbfuck", H11), [(b"aaaaaaaaaaaaa", b"++++++++++")])
R("plus-value", "DUMBFUCK", "dumbfuck", raw, "error", [],
  "field with no OWS after the colon and a value of '+' characters; differs from http-parser (accepts): " + HOST_NOTE,
  (b"example.com", "ok", [host_msg(m)], "field with no OWS after the colon and a value of '+' characters"))

# 3 FRAGMENT_IN_URI
raw = b"GET /forums/1/topics/2375?page=1#posts-17408 HTTP/1.1\r\n\r\n"
m = msg((GET, b"/forums/1/topics/2375?page=1#posts-17408", H11))
R("fragment-in-uri", "FRAGMENT_IN_URI", "fragment in url", raw, "error", [],
  "request-target with a '#fragment'; differs from http-parser (accepts): " + HOST_NOTE,
  (b"example.com", "ok", [host_msg(m)],
   "request-target with a '#fragment': the URI grammar of origin-form has no fragment, but the profile only bans whitespace, control and DEL bytes in the target (and the llhttp corpus accepts the same target), so it is passed through"))

# 4 GET_NO_HEADERS_NO_BODY
raw = b"GET /get_no_headers_no_body/world HTTP/1.1\r\n\r\n"
m = msg((GET, b"/get_no_headers_no_body/world", H11))
R("get-no-headers-no-body", "GET_NO_HEADERS_NO_BODY", "get no headers no body", raw, "error", [],
  "HTTP/1.1 request with no header fields at all; differs from http-parser (accepts): " + HOST_NOTE,
  (b"example.com", "ok", [host_msg(m)], "GET with only a Host field: framing none"))

# 5 GET_ONE_HEADER_NO_BODY
raw = b"GET /get_one_header_no_body HTTP/1.1\r\nAccept: */*\r\n\r\n"
m = msg((GET, b"/get_one_header_no_body", H11), [(b"Accept", b"*/*")])
R("get-one-header-no-body", "GET_ONE_HEADER_NO_BODY", "get one header no body", raw, "error", [],
  "HTTP/1.1 request with one header field; differs from http-parser (accepts): " + HOST_NOTE,
  (b"example.com", "ok", [host_msg(m)], "GET with one field and no body: framing none"))

# 6 GET_FUNKY_CONTENT_LENGTH
raw = b"GET /get_funky_content_length_body_hello HTTP/1.0\r\nconTENT-Length: 5\r\n\r\nHELLO"
R("get-funky-content-length", "GET_FUNKY_CONTENT_LENGTH", "get funky content length body hello", raw, "ok",
  [msg((GET, b"/get_funky_content_length_body_hello", H10), [(b"conTENT-Length", b"5")], "length", b"HELLO")],
  "field names are case-insensitive: conTENT-Length frames a 5-byte body on an HTTP/1.0 GET (no Host needed in HTTP/1.0); the name keeps its case")

# 7 POST_IDENTITY_BODY_WORLD
raw = (b"POST /post_identity_body_world?q=search#hey HTTP/1.1\r\n"
       b"Accept: */*\r\n"
       b"Transfer-Encoding: identity\r\n"
       b"Content-Length: 5\r\n"
       b"\r\n"
       b"World")
TE_ID_NOTE = ("differs from http-parser (accepts, reading 'identity' as no coding and framing by Content-Length): "
              "the profile rejects a request carrying both Transfer-Encoding and Content-Length (RFC 9112 6.1: "
              "a server MAY reject it and MUST close; the profile chooses rejection), and 'identity' is no longer "
              "a registered transfer coding (RFC 9112 7; profile: any other name is an error, 501)")
R("post-identity-body-world", "POST_IDENTITY_BODY_WORLD", "post identity body world", raw, "error", [],
  "Transfer-Encoding: identity together with Content-Length in a request; " + TE_ID_NOTE + "; the request also has no Host field",
  (b"example.com", "error", [], "Transfer-Encoding: identity together with Content-Length in a request; " + TE_ID_NOTE))

# 8 POST_CHUNKED_ALL_YOUR_BASE
raw = (b"POST /post_chunked_all_your_base HTTP/1.1\r\n"
       b"Transfer-Encoding: chunked\r\n"
       b"\r\n"
       b"1e\r\nall your base are belong to us\r\n"
       b"0\r\n"
       b"\r\n")
m = msg((b"POST", b"/post_chunked_all_your_base", H11), [(b"Transfer-Encoding", b"chunked")], "chunked",
        b"all your base are belong to us")
R("post-chunked-all-your-base", "POST_CHUNKED_ALL_YOUR_BASE", "post - chunked body: all your base are belong to us",
  raw, "error", [], "chunked POST with one lowercase-hex chunk (1e); differs from http-parser (accepts): " + HOST_NOTE,
  (b"example.com", "ok", [host_msg(m)], "chunked POST with one chunk whose size is lowercase hex (1e = 30)"))

# 9 TWO_CHUNKS_MULT_ZERO_END
raw = (b"POST /two_chunks_mult_zero_end HTTP/1.1\r\n"
       b"Transfer-Encoding: chunked\r\n"
       b"\r\n"
       b"5\r\nhello\r\n"
       b"6\r\n world\r\n"
       b"000\r\n"
       b"\r\n")
m = msg((b"POST", b"/two_chunks_mult_zero_end", H11), [(b"Transfer-Encoding", b"chunked")], "chunked", b"hello world")
R("two-chunks-mult-zero-end", "TWO_CHUNKS_MULT_ZERO_END", "two chunks ; triple zero ending", raw, "error", [],
  "chunked body whose last chunk is written 000; differs from http-parser (accepts): " + HOST_NOTE,
  (b"example.com", "ok", [host_msg(m)], "two chunks and a last chunk written '000' (leading zeros are fine, RFC 9112 7.1 last-chunk = 1*\"0\")"))

# 10 CHUNKED_W_TRAILING_HEADERS
raw = (b"POST /chunked_w_trailing_headers HTTP/1.1\r\n"
       b"Transfer-Encoding: chunked\r\n"
       b"\r\n"
       b"5\r\nhello\r\n"
       b"6\r\n world\r\n"
       b"0\r\n"
       b"Vary: *\r\n"
       b"Content-Type: text/plain\r\n"
       b"\r\n")
m = msg((b"POST", b"/chunked_w_trailing_headers", H11), [(b"Transfer-Encoding", b"chunked")], "chunked", b"hello world",
        [(b"Vary", b"*"), (b"Content-Type", b"text/plain")])
R("chunked-w-trailing-headers", "CHUNKED_W_TRAILING_HEADERS", "chunked with trailing headers. blech.", raw, "error", [],
  "chunked body with a trailer section (Vary, Content-Type); differs from http-parser (accepts): " + HOST_NOTE,
  (b"example.com", "ok", [host_msg(m)],
   "chunked body with two trailer fields; neither frames nor routes the message, so both are delivered as trailers (http-parser reports them as ordinary headers)"))

# 11 CHUNKED_W_BULLSHIT_AFTER_LENGTH
raw = (b"POST /chunked_w_bullshit_after_length HTTP/1.1\r\n"
       b"Transfer-Encoding: chunked\r\n"
       b"\r\n"
       b"5; ihatew3;whatthefuck=aretheseparametersfor\r\nhello\r\n"
       b"6; blahblah; blah\r\n world\r\n"
       b"0\r\n"
       b"\r\n")
m = msg((b"POST", b"/chunked_w_bullshit_after_length", H11), [(b"Transfer-Encoding", b"chunked")], "chunked", b"hello world")
R("chunked-w-extensions", "CHUNKED_W_BULLSHIT_AFTER_LENGTH", "with bullshit after the length", raw, "error", [],
  "chunk extensions with BWS after ';'; differs from http-parser (accepts): " + HOST_NOTE,
  (b"example.com", "ok", [host_msg(m)],
   "chunk extensions '; ihatew3;whatthefuck=...' and '; blahblah; blah': each is BWS ';' BWS token [= token], valid per RFC 9112 7.1.1"))

# 12 WITH_QUOTES
raw = b'GET /with_"stupid"_quotes?foo="bar" HTTP/1.1\r\n\r\n'
m = msg((GET, b'/with_"stupid"_quotes?foo="bar"', H11))
R("with-quotes", "WITH_QUOTES", "with quotes", raw, "error", [],
  "DQUOTE bytes in the request-target; differs from http-parser (accepts): " + HOST_NOTE,
  (b"example.com", "ok", [host_msg(m)],
   "DQUOTE bytes in the request-target: not in the URI grammar, but the profile only bans whitespace, control and DEL bytes in the target (same reading as the llhttp corpus), so it is accepted as is"))

# 13 APACHEBENCH_GET
raw = (b"GET /test HTTP/1.0\r\n"
       b"Host: 0.0.0.0:5000\r\n"
       b"User-Agent: ApacheBench/2.3\r\n"
       b"Accept: */*\r\n\r\n")
R("apachebench-get", "APACHEBENCH_GET", "apachebench get", raw, "ok",
  [msg((GET, b"/test", H10), [(b"Host", b"0.0.0.0:5000"), (b"User-Agent", b"ApacheBench/2.3"), (b"Accept", b"*/*")])],
  "HTTP/1.0 GET without Content-Length: framing none (a request body is never delimited by end of stream, RFC 9112 6.3 rule 7)")

# 14 QUERY_URL_WITH_QUESTION_MARK_GET
raw = b"GET /test.cgi?foo=bar?baz HTTP/1.1\r\n\r\n"
m = msg((GET, b"/test.cgi?foo=bar?baz", H11))
R("query-url-with-question-mark", "QUERY_URL_WITH_QUESTION_MARK_GET", "query url with question mark", raw, "error", [],
  "a second '?' inside the query; differs from http-parser (accepts): " + HOST_NOTE,
  (b"example.com", "ok", [host_msg(m)], "a second '?' inside the query is allowed (RFC 3986 query = *( pchar / \"/\" / \"?\" ))"))

# 15 PREFIX_NEWLINE_GET
raw = b"\r\nGET /test HTTP/1.1\r\n\r\n"
m = msg((GET, b"/test", H11))
R("prefix-newline-get", "PREFIX_NEWLINE_GET", "newline prefix get", raw, "error", [],
  "one CRLF before the request-line (skipped by the profile); differs from http-parser (accepts): " + HOST_NOTE,
  (b"example.com", "ok", [host_msg(m)], "one empty line before the request-line is skipped (RFC 9112 2.2, profile: at most one)"))

# 16 UPGRADE_REQUEST
raw = (b"GET /demo HTTP/1.1\r\n"
       b"Host: example.com\r\n"
       b"Connection: Upgrade\r\n"
       b"Sec-WebSocket-Key2: 12998 5 Y3 1  .P00\r\n"
       b"Sec-WebSocket-Protocol: sample\r\n"
       b"Upgrade: WebSocket\r\n"
       b"Sec-WebSocket-Key1: 4 @1  46546xW%0l 1 5\r\n"
       b"Origin: http://example.com\r\n"
       b"\r\n"
       b"Hot diggity dogg")
UPG_HDRS = [(b"Host", b"example.com"), (b"Connection", b"Upgrade"),
            (b"Sec-WebSocket-Key2", b"12998 5 Y3 1  .P00"), (b"Sec-WebSocket-Protocol", b"sample"),
            (b"Upgrade", b"WebSocket"), (b"Sec-WebSocket-Key1", b"4 @1  46546xW%0l 1 5"),
            (b"Origin", b"http://example.com")]
UPG_NOTE = ("differs from http-parser (stops after the head and hands the rest over as upgrade data): in the profile a "
            "request carrying Upgrade (not CONNECT) is an ordinary message and decoding goes on, since only the "
            "server's 101 switches protocols (RFC 9110 7.8); the bytes after it are read as the next request-line, "
            "which is not valid")
R("upgrade-request", "UPGRADE_REQUEST", "upgrade request", raw, "error",
  [msg((GET, b"/demo", H11), UPG_HDRS)],
  "GET with Connection: Upgrade / Upgrade: WebSocket followed by 16 bytes of the new protocol; " + UPG_NOTE)

# 17 CONNECT_REQUEST
raw = (b"CONNECT 0-home0.netscape.com:443 HTTP/1.0\r\n"
       b"User-agent: Mozilla/1.1N\r\n"
       b"Proxy-authorization: basic aGVsbG86d29ybGQ=\r\n"
       b"\r\n"
       b"some data\r\n"
       b"and yet even more data")
CONNECT_HDRS = [(b"User-agent", b"Mozilla/1.1N"), (b"Proxy-authorization", b"basic aGVsbG86d29ybGQ=")]
R("connect-request", "CONNECT_REQUEST", "connect request", raw, "ok",
  [msg((b"CONNECT", b"0-home0.netscape.com:443", H10), CONNECT_HDRS, "upgrade")],
  "HTTP/1.0 CONNECT with authority-form target: framing upgrade after the head; the tunnel bytes that follow are not decoded")

# 18 REPORT_REQ
raw = b"REPORT /test HTTP/1.1\r\n\r\n"
m = msg((b"REPORT", b"/test", H11))
R("report-request", "REPORT_REQ", "report request", raw, "error", [],
  "WebDAV REPORT method; differs from http-parser (accepts): " + HOST_NOTE,
  (b"example.com", "ok", [host_msg(m)], "REPORT is a token, so a valid method"))

# 19 NO_HTTP_VERSION
raw = b"GET /\r\n\r\n"
R("no-http-version", "NO_HTTP_VERSION", "request with no http version", raw, "error", [],
  "differs from http-parser (accepts it as an HTTP/0.9 request): the profile's request-line is method SP request-target SP HTTP-version and only HTTP/1.0 and HTTP/1.1 are accepted (RFC 9112 3)")

# 20 MSEARCH_REQ
raw = (b"M-SEARCH * HTTP/1.1\r\n"
       b"HOST: 239.255.255.250:1900\r\n"
       b"MAN: \"ssdp:discover\"\r\n"
       b"ST: \"ssdp:all\"\r\n"
       b"\r\n")
R("m-search-request", "MSEARCH_REQ", "m-search request", raw, "either",
  [msg((b"M-SEARCH", b"*", H11), [(b"HOST", b"239.255.255.250:1900"), (b"MAN", b"\"ssdp:discover\""), (b"ST", b"\"ssdp:all\"")])],
  "SSDP M-SEARCH with asterisk-form: the profile makes asterisk-form with a method other than OPTIONS 'either' (RFC 9112 3.2.4 defines it only for OPTIONS); http-parser accepts. The field name HOST satisfies the Host requirement (names are case-insensitive)")

# 21 LINE_FOLDING_IN_HEADER
raw = (b"GET / HTTP/1.1\r\n"
       b"Line1:   abc\r\n"
       b"\tdef\r\n"
       b" ghi\r\n"
       b"\t\tjkl\r\n"
       b"  mno \r\n"
       b"\t \tqrs\r\n"
       b"Line2: \t line2\t\r\n"
       b"Line3:\r\n"
       b" line3\r\n"
       b"Line4: \r\n"
       b" \r\n"
       b"Connection:\r\n"
       b" close\r\n"
       b"\r\n")
FOLD_NOTE = ("lenient behaviour in http-parser, converted with the strict expectation: obs-fold (a line starting "
             "with SP/HTAB inside the head) is an error in requests (profile; RFC 9112 5.2 lets a server reject it "
             "with 400); differs from http-parser, which unfolds the values")
R("line-folding-in-header", "LINE_FOLDING_IN_HEADER", "line folding in header value", raw, "error", [],
  "field values continued with obs-fold; " + FOLD_NOTE + "; the request also has no Host field",
  (b"example.com", "error", [], "field values continued with obs-fold; " + FOLD_NOTE))

# 22 QUERY_TERMINATED_HOST
raw = b"GET http://hypnotoad.org?hail=all HTTP/1.1\r\n\r\n"
m = msg((GET, b"http://hypnotoad.org?hail=all", H11))
R("query-terminated-host", "QUERY_TERMINATED_HOST", "host terminated by a query string", raw, "error", [],
  "absolute-form target whose authority ends at '?'; differs from http-parser (accepts): " + HOST_NOTE + " (also with absolute-form, RFC 9112 3.2.2)",
  (b"hypnotoad.org", "ok", [host_msg(m, b"hypnotoad.org")],
   "absolute-form target with an empty path and a query (valid absolute-URI); Host is the target's authority"))

# 23 QUERY_TERMINATED_HOSTPORT
raw = b"GET http://hypnotoad.org:1234?hail=all HTTP/1.1\r\n\r\n"
m = msg((GET, b"http://hypnotoad.org:1234?hail=all", H11))
R("query-terminated-hostport", "QUERY_TERMINATED_HOSTPORT", "host:port terminated by a query string", raw, "error", [],
  "absolute-form target host:port ending at '?'; differs from http-parser (accepts): " + HOST_NOTE,
  (b"hypnotoad.org:1234", "ok", [host_msg(m, b"hypnotoad.org:1234")],
   "absolute-form target with host:port, an empty path and a query; Host is the target's authority"))

# 24 SPACE_TERMINATED_HOSTPORT
raw = b"GET http://hypnotoad.org:1234 HTTP/1.1\r\n\r\n"
m = msg((GET, b"http://hypnotoad.org:1234", H11))
R("space-terminated-hostport", "SPACE_TERMINATED_HOSTPORT", "host:port terminated by a space", raw, "error", [],
  "absolute-form target that is only scheme://host:port; differs from http-parser (accepts): " + HOST_NOTE,
  (b"hypnotoad.org:1234", "ok", [host_msg(m, b"hypnotoad.org:1234")],
   "absolute-form target with host:port and an empty path; Host is the target's authority"))

# 25 PATCH_REQ
raw = (b"PATCH /file.txt HTTP/1.1\r\n"
       b"Host: www.example.com\r\n"
       b"Content-Type: application/example\r\n"
       b"If-Match: \"e0023aa4e\"\r\n"
       b"Content-Length: 10\r\n"
       b"\r\n"
       b"cccccccccc")
R("patch-request", "PATCH_REQ", "PATCH request", raw, "ok",
  [msg((b"PATCH", b"/file.txt", H11), [(b"Host", b"www.example.com"), (b"Content-Type", b"application/example"),
                                       (b"If-Match", b"\"e0023aa4e\""), (b"Content-Length", b"10")], "length", b"cccccccccc")],
  "PATCH with a 10-byte Content-Length body")

# 26 CONNECT_CAPS_REQUEST
raw = (b"CONNECT HOME0.NETSCAPE.COM:443 HTTP/1.0\r\n"
       b"User-agent: Mozilla/1.1N\r\n"
       b"Proxy-authorization: basic aGVsbG86d29ybGQ=\r\n"
       b"\r\n")
R("connect-caps-request", "CONNECT_CAPS_REQUEST", "connect caps request", raw, "ok",
  [msg((b"CONNECT", b"HOME0.NETSCAPE.COM:443", H10), CONNECT_HDRS, "upgrade")],
  "CONNECT with an upper-case authority: framing upgrade, nothing follows")

# 27 UTF8_PATH_REQ (compiled in non-strict builds, the default)
raw = b"GET /\xce\xb4\xc2\xb6/\xce\xb4t/pope?q=1#narf HTTP/1.1\r\nHost: github.com\r\n\r\n"
R("utf-8-path", "UTF8_PATH_REQ", "utf-8 path request", raw, "either",
  [msg((GET, b"/\xce\xb4\xc2\xb6/\xce\xb4t/pope?q=1#narf", H11), [(b"Host", b"github.com")])],
  "raw UTF-8 bytes (0x80-0xFF) in the request-target: the profile makes them 'either' (not in the URI grammar; RFC 9112 3.2 lets the server answer 400 or redirect); http-parser accepts in its default non-strict build")

# 28 HOSTNAME_UNDERSCORE
raw = (b"CONNECT home_0.netscape.com:443 HTTP/1.0\r\n"
       b"User-agent: Mozilla/1.1N\r\n"
       b"Proxy-authorization: basic aGVsbG86d29ybGQ=\r\n"
       b"\r\n")
R("hostname-underscore", "HOSTNAME_UNDERSCORE", "hostname underscore", raw, "ok",
  [msg((b"CONNECT", b"home_0.netscape.com:443", H10), CONNECT_HDRS, "upgrade")],
  "CONNECT to a host name containing '_' (unreserved in reg-name, RFC 3986 3.2.2): framing upgrade")

# 29 EAT_TRAILING_CRLF_NO_CONNECTION_CLOSE
raw = (b"POST / HTTP/1.1\r\n"
       b"Host: www.example.com\r\n"
       b"Content-Type: application/x-www-form-urlencoded\r\n"
       b"Content-Length: 4\r\n"
       b"\r\n"
       b"q=42\r\n")
R("eat-trailing-crlf-no-connection-close", "EAT_TRAILING_CRLF_NO_CONNECTION_CLOSE",
  "eat CRLF between requests, no \"Connection: close\" header", raw, "ok",
  [msg((b"POST", b"/", H11), [(b"Host", b"www.example.com"), (b"Content-Type", b"application/x-www-form-urlencoded"),
                              (b"Content-Length", b"4")], "length", b"q=42")],
  "a CRLF after a complete request: a lone CRLF between messages is not an error (RFC 9112 2.2, dump contract)")

# 30 EAT_TRAILING_CRLF_WITH_CONNECTION_CLOSE
raw = (b"POST / HTTP/1.1\r\n"
       b"Host: www.example.com\r\n"
       b"Content-Type: application/x-www-form-urlencoded\r\n"
       b"Content-Length: 4\r\n"
       b"Connection: close\r\n"
       b"\r\n"
       b"q=42\r\n")
R("eat-trailing-crlf-with-connection-close", "EAT_TRAILING_CRLF_WITH_CONNECTION_CLOSE",
  "eat CRLF between requests even if \"Connection: close\" is set", raw, "either",
  [msg((b"POST", b"/", H11), [(b"Host", b"www.example.com"), (b"Content-Type", b"application/x-www-form-urlencoded"),
                              (b"Content-Length", b"4"), (b"Connection", b"close")], "length", b"q=42")],
  "a CRLF after a request that closes the connection: bytes after such a request are 'either' in the profile (stop, or go on decoding; RFC 9112 9.6); going on, the lone CRLF is between messages")

# 31 PURGE_REQ
raw = b"PURGE /file.txt HTTP/1.1\r\nHost: www.example.com\r\n\r\n"
R("purge-request", "PURGE_REQ", "PURGE request", raw, "ok",
  [msg((b"PURGE", b"/file.txt", H11), [(b"Host", b"www.example.com")])],
  "PURGE (a cache extension method) is a token, so a valid method")

# 32 SEARCH_REQ
raw = b"SEARCH / HTTP/1.1\r\nHost: www.example.com\r\n\r\n"
R("search-request", "SEARCH_REQ", "SEARCH request", raw, "ok",
  [msg((b"SEARCH", b"/", H11), [(b"Host", b"www.example.com")])],
  "SEARCH method")

# 33 PROXY_WITH_BASIC_AUTH
raw = b"GET http://a%12:b!&*$@hypnotoad.org:1234/toto HTTP/1.1\r\n\r\n"
m = msg((GET, b"http://a%12:b!&*$@hypnotoad.org:1234/toto", H11))
R("proxy-with-basic-auth", "PROXY_WITH_BASIC_AUTH", "host:port and basic_auth", raw, "error", [],
  "absolute-form target with userinfo; differs from http-parser (accepts): " + HOST_NOTE,
  (b"hypnotoad.org:1234", "ok", [host_msg(m, b"hypnotoad.org:1234")],
   "absolute-form target with userinfo 'a%12:b!&*$@': the profile forbids userinfo only in Host and bans only whitespace/control/DEL in the target (same reading as the llhttp corpus); RFC 9110 4.2.4 says a sender MUST NOT generate it and a recipient SHOULD treat it as an error, which the profile does not adopt; Host is the target's host:port"))

# 34 LINE_FOLDING_IN_HEADER_WITH_LF
raw = (b"GET / HTTP/1.1\n"
       b"Line1:   abc\n"
       b"\tdef\n"
       b" ghi\n"
       b"\t\tjkl\n"
       b"  mno \n"
       b"\t \tqrs\n"
       b"Line2: \t line2\t\n"
       b"Line3:\n"
       b" line3\n"
       b"Line4: \n"
       b" \n"
       b"Connection:\n"
       b" close\n"
       b"\n")
R("line-folding-in-header-with-lf", "LINE_FOLDING_IN_HEADER_WITH_LF", "line folding in header value (LF)", raw, "error", [],
  "lenient behaviour in http-parser, converted with the strict expectation: every line ends in a bare LF (profile: a bare LF is an error, RFC 9112 2.2 allows but does not require accepting it) and the values use obs-fold (an error in requests); differs from http-parser, which accepts")

# 35 CONNECTION_MULTI
raw = (b"GET /demo HTTP/1.1\r\n"
       b"Host: example.com\r\n"
       b"Connection: Something,\r\n"
       b" Upgrade, ,Keep-Alive\r\n"
       b"Sec-WebSocket-Key2: 12998 5 Y3 1  .P00\r\n"
       b"Sec-WebSocket-Protocol: sample\r\n"
       b"Upgrade: WebSocket\r\n"
       b"Sec-WebSocket-Key1: 4 @1  46546xW%0l 1 5\r\n"
       b"Origin: http://example.com\r\n"
       b"\r\n"
       b"Hot diggity dogg")
R("connection-multi", "CONNECTION_MULTI", "multiple connection header values with folding", raw, "error", [],
  "Connection value continued with obs-fold; " + FOLD_NOTE + " (and it also stops after the head for the Upgrade)")

# 36 CONNECTION_MULTI_LWS
raw = (b"GET /demo HTTP/1.1\r\n"
       b"Connection: keep-alive, upgrade\r\n"
       b"Upgrade: WebSocket\r\n"
       b"\r\n"
       b"Hot diggity dogg")
m = msg((GET, b"/demo", H11), [(b"Connection", b"keep-alive, upgrade"), (b"Upgrade", b"WebSocket")])
R("connection-multi-lws", "CONNECTION_MULTI_LWS", "multiple connection header values with folding and lws", raw, "error", [],
  "Connection: keep-alive, upgrade with Upgrade, then new-protocol bytes; differs from http-parser (upgrade): " + HOST_NOTE,
  (b"example.com", "error", [host_msg(m)], "Connection: keep-alive, upgrade with Upgrade, then new-protocol bytes; " + UPG_NOTE))

# 37 CONNECTION_MULTI_LWS_CRLF
raw = (b"GET /demo HTTP/1.1\r\n"
       b"Connection: keep-alive, \r\n upgrade\r\n"
       b"Upgrade: WebSocket\r\n"
       b"\r\n"
       b"Hot diggity dogg")
R("connection-multi-lws-crlf", "CONNECTION_MULTI_LWS_CRLF", "multiple connection header values with folding and lws (CRLF)",
  raw, "error", [], "Connection value continued with obs-fold; " + FOLD_NOTE + "; the request also has no Host field",
  (b"example.com", "error", [], "Connection value continued with obs-fold; " + FOLD_NOTE))

# 38 UPGRADE_POST_REQUEST
raw = (b"POST /demo HTTP/1.1\r\n"
       b"Host: example.com\r\n"
       b"Connection: Upgrade\r\n"
       b"Upgrade: HTTP/2.0\r\n"
       b"Content-Length: 15\r\n"
       b"\r\n"
       b"sweet post body"
       b"Hot diggity dogg")
R("upgrade-post-request", "UPGRADE_POST_REQUEST", "upgrade post request", raw, "error",
  [msg((b"POST", b"/demo", H11), [(b"Host", b"example.com"), (b"Connection", b"Upgrade"), (b"Upgrade", b"HTTP/2.0"),
                                  (b"Content-Length", b"15")], "length", b"sweet post body")],
  "POST with Upgrade and a 15-byte body, then new-protocol bytes; " + UPG_NOTE)

# 39 CONNECT_WITH_BODY_REQUEST
raw = (b"CONNECT foo.bar.com:443 HTTP/1.0\r\n"
       b"User-agent: Mozilla/1.1N\r\n"
       b"Proxy-authorization: basic aGVsbG86d29ybGQ=\r\n"
       b"Content-Length: 10\r\n"
       b"\r\n"
       b"blarfcicle")
R("connect-with-body", "CONNECT_WITH_BODY_REQUEST", "connect with body request", raw, "ok",
  [msg((b"CONNECT", b"foo.bar.com:443", H10), CONNECT_HDRS + [(b"Content-Length", b"10")], "upgrade")],
  "CONNECT with a valid Content-Length: the profile ignores it (framing upgrade after the head, the 10 bytes belong to the tunnel); http-parser also hands them over as upgrade data")

# 40 LINK_REQUEST
raw = (b"LINK /images/my_dog.jpg HTTP/1.1\r\n"
       b"Host: example.com\r\n"
       b"Link: <http://example.com/profiles/joe>; rel=\"tag\"\r\n"
       b"Link: <http://example.com/profiles/sally>; rel=\"tag\"\r\n"
       b"\r\n")
R("link-request", "LINK_REQUEST", "link request", raw, "ok",
  [msg((b"LINK", b"/images/my_dog.jpg", H11), [(b"Host", b"example.com"),
                                               (b"Link", b"<http://example.com/profiles/joe>; rel=\"tag\""),
                                               (b"Link", b"<http://example.com/profiles/sally>; rel=\"tag\"")])],
  "LINK method (a token) with two Link field lines, kept as two fields in order")

# 41 UNLINK_REQUEST
raw = (b"UNLINK /images/my_dog.jpg HTTP/1.1\r\n"
       b"Host: example.com\r\n"
       b"Link: <http://example.com/profiles/sally>; rel=\"tag\"\r\n"
       b"\r\n")
R("unlink-request", "UNLINK_REQUEST", "unlink request", raw, "ok",
  [msg((b"UNLINK", b"/images/my_dog.jpg", H11), [(b"Host", b"example.com"),
                                                 (b"Link", b"<http://example.com/profiles/sally>; rel=\"tag\"")])],
  "UNLINK method (a token)")

REQ_BY_MACRO = {}
for (slug, macro, name, raw, expect, messages, note, hv) in REQ:
    src = '%s: requests[] %s ("%s")' % (SRC, macro, name)
    add("req-" + slug, "request", raw, expect, messages, note, src)
    if hv:
        host, hexp, hmsgs, hnote = hv
        add("req-" + slug + "-host", "request", with_host(raw, host), hexp, hmsgs, DERIVED + hnote,
            src + " (variant: Host field added)")
    REQ_BY_MACRO[macro] = (raw, expect, messages, hv)


# --------------------------------------------------------------- responses[]
# (slug, macro, name, raw, expect, messages, note, head_ok, head_msg)
# head_ok/head_msg describe the head alone, for the skip-body (HEAD) variant.
RES = []
S11 = b"HTTP/1.1"
S10 = b"HTTP/1.0"


def P(slug, macro, name, raw, expect, messages, note, head_ok=True, head_msg=None):
    if head_ok and head_msg is None:
        head_msg = messages[0]
    RES.append((slug, macro, name, raw, expect, messages, note, head_ok, head_msg))


# 0 GOOGLE_301
body = (b"<HTML><HEAD><meta http-equiv=\"content-type\" content=\"text/html;charset=utf-8\">\n"
        b"<TITLE>301 Moved</TITLE></HEAD><BODY>\n"
        b"<H1>301 Moved</H1>\n"
        b"The document has moved\n"
        b"<A HREF=\"http://www.google.com/\">here</A>.\r\n"
        b"</BODY></HTML>\r\n")
assert len(body) == 219
raw = (b"HTTP/1.1 301 Moved Permanently\r\n"
       b"Location: http://www.google.com/\r\n"
       b"Content-Type: text/html; charset=UTF-8\r\n"
       b"Date: Sun, 26 Apr 2009 11:11:49 GMT\r\n"
       b"Expires: Tue, 26 May 2009 11:11:49 GMT\r\n"
       b"X-$PrototypeBI-Version: 1.6.0.3\r\n"
       b"Cache-Control: public, max-age=2592000\r\n"
       b"Server: gws\r\n"
       b"Content-Length:  219  \r\n"
       b"\r\n") + body
P("google-301", "GOOGLE_301", "google 301", raw, "ok",
  [msg((S11, b"301", b"Moved Permanently"),
       [(b"Location", b"http://www.google.com/"), (b"Content-Type", b"text/html; charset=UTF-8"),
        (b"Date", b"Sun, 26 Apr 2009 11:11:49 GMT"), (b"Expires", b"Tue, 26 May 2009 11:11:49 GMT"),
        (b"X-$PrototypeBI-Version", b"1.6.0.3"), (b"Cache-Control", b"public, max-age=2592000"),
        (b"Server", b"gws"), (b"Content-Length", b"219")], "length", body)],
  "'$' in a field name (a tchar) and 'Content-Length:  219  ' with OWS on both sides: the value is 219 after OWS is removed (RFC 9112 5); http-parser's own table keeps the trailing OWS ('219  '), the dump contract trims it")

# 1 NO_CONTENT_LENGTH_RESPONSE
body = (b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        b"<SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\">\n"
        b"  <SOAP-ENV:Body>\n"
        b"    <SOAP-ENV:Fault>\n"
        b"       <faultcode>SOAP-ENV:Client</faultcode>\n"
        b"       <faultstring>Client Error</faultstring>\n"
        b"    </SOAP-ENV:Fault>\n"
        b"  </SOAP-ENV:Body>\n"
        b"</SOAP-ENV:Envelope>")
raw = (b"HTTP/1.1 200 OK\r\n"
       b"Date: Tue, 04 Aug 2009 07:59:32 GMT\r\n"
       b"Server: Apache\r\n"
       b"X-Powered-By: Servlet/2.5 JSP/2.1\r\n"
       b"Content-Type: text/xml; charset=utf-8\r\n"
       b"Connection: close\r\n"
       b"\r\n") + body
P("no-content-length", "NO_CONTENT_LENGTH_RESPONSE", "no content-length response", raw, "ok",
  [msg((S11, b"200", b"OK"), [(b"Date", b"Tue, 04 Aug 2009 07:59:32 GMT"), (b"Server", b"Apache"),
                              (b"X-Powered-By", b"Servlet/2.5 JSP/2.1"), (b"Content-Type", b"text/xml; charset=utf-8"),
                              (b"Connection", b"close")], "close", body)],
  "response with neither Content-Length nor Transfer-Encoding: framing close, the body runs to end of stream (http-parser: message_complete_on_eof)")

# 2 NO_HEADERS_NO_BODY_404
raw = b"HTTP/1.1 404 Not Found\r\n\r\n"
P("404-no-headers-no-body", "NO_HEADERS_NO_BODY_404", "404 no headers no body", raw, "ok",
  [msg((S11, b"404", b"Not Found"), [], "close")],
  "404 with no fields: framing close, empty body completed by end of stream (http-parser: message_complete_on_eof)")

# 3 NO_REASON_PHRASE
raw = b"HTTP/1.1 301\r\n\r\n"
P("no-reason-phrase", "NO_REASON_PHRASE", "301 no response phrase", raw, "error", [],
  "differs from http-parser (accepts): the status-line is HTTP-version SP status-code SP [reason-phrase] (RFC 9112 4); the profile lets the reason be empty but not the SP before it",
  head_ok=False)

# 4 TRAILING_SPACE_ON_CHUNKED_BODY
raw = (b"HTTP/1.1 200 OK\r\n"
       b"Content-Type: text/plain\r\n"
       b"Transfer-Encoding: chunked\r\n"
       b"\r\n"
       b"25  \r\n"
       b"This is the data in the first chunk\r\n"
       b"\r\n"
       b"1C\r\n"
       b"and this is the second one\r\n"
       b"\r\n"
       b"0  \r\n"
       b"\r\n")
P("trailing-space-on-chunked-body", "TRAILING_SPACE_ON_CHUNKED_BODY", "200 trailing space on chunked body", raw, "error", [],
  "lenient behaviour in http-parser, converted with the strict expectation: chunk-size lines '25  ' and '0  ' carry spaces with no extension; the profile makes whitespace after the size without an extension an error (RFC 9112 7.1: chunk-size [ chunk-ext ] CRLF, BWS only before ';'); differs from http-parser, which accepts",
  head_msg=msg((S11, b"200", b"OK"), [(b"Content-Type", b"text/plain"), (b"Transfer-Encoding", b"chunked")], "chunked"))

# 5 NO_CARRIAGE_RET
raw = (b"HTTP/1.1 200 OK\n"
       b"Content-Type: text/html; charset=utf-8\n"
       b"Connection: close\n"
       b"\n"
       b"these headers are from http://news.ycombinator.com/")
P("no-carriage-ret", "NO_CARRIAGE_RET", "no carriage ret", raw, "error", [],
  "lenient behaviour in http-parser, converted with the strict expectation: every head line ends in a bare LF; the profile makes a bare LF an error (RFC 9112 2.2 allows but does not require accepting it); differs from http-parser, which accepts",
  head_ok=False)

# 6 PROXY_CONNECTION
raw = (b"HTTP/1.1 200 OK\r\n"
       b"Content-Type: text/html; charset=UTF-8\r\n"
       b"Content-Length: 11\r\n"
       b"Proxy-Connection: close\r\n"
       b"Date: Thu, 31 Dec 2009 20:55:48 +0000\r\n"
       b"\r\n"
       b"hello world")
P("proxy-connection", "PROXY_CONNECTION", "proxy connection", raw, "ok",
  [msg((S11, b"200", b"OK"), [(b"Content-Type", b"text/html; charset=UTF-8"), (b"Content-Length", b"11"),
                              (b"Proxy-Connection", b"close"), (b"Date", b"Thu, 31 Dec 2009 20:55:48 +0000")],
       "length", b"hello world")],
  "Content-Length body with a Proxy-Connection field (no framing meaning)")

# 7 UNDERSTORE_HEADER_KEY
raw = (b"HTTP/1.1 200 OK\r\n"
       b"Server: DCLK-AdSvr\r\n"
       b"Content-Type: text/xml\r\n"
       b"Content-Length: 0\r\n"
       b"DCLK_imp: v7;x;114750856;0-0;0;17820020;0/0;21603567/21621457/1;;~okv=;dcmt=text/xml;;~cs=o\r\n\r\n")
P("underscore-header-key", "UNDERSTORE_HEADER_KEY", "underscore header key", raw, "ok",
  [msg((S11, b"200", b"OK"), [(b"Server", b"DCLK-AdSvr"), (b"Content-Type", b"text/xml"), (b"Content-Length", b"0"),
                              (b"DCLK_imp", b"v7;x;114750856;0-0;0;17820020;0/0;21603567/21621457/1;;~okv=;dcmt=text/xml;;~cs=o")],
       "length", b"")],
  "'_' in a field name (a tchar); Content-Length 0")

# 8 BONJOUR_MADAME_FR
raw = (b"HTTP/1.0 301 Moved Permanently\r\n"
       b"Date: Thu, 03 Jun 2010 09:56:32 GMT\r\n"
       b"Server: Apache/2.2.3 (Red Hat)\r\n"
       b"Cache-Control: public\r\n"
       b"Pragma: \r\n"
       b"Location: http://www.bonjourmadame.fr/\r\n"
       b"Vary: Accept-Encoding\r\n"
       b"Content-Length: 0\r\n"
       b"Content-Type: text/html; charset=UTF-8\r\n"
       b"Connection: keep-alive\r\n"
       b"\r\n")
P("bonjourmadame-fr", "BONJOUR_MADAME_FR", "bonjourmadame.fr", raw, "ok",
  [msg((S10, b"301", b"Moved Permanently"),
       [(b"Date", b"Thu, 03 Jun 2010 09:56:32 GMT"), (b"Server", b"Apache/2.2.3 (Red Hat)"), (b"Cache-Control", b"public"),
        (b"Pragma", b""), (b"Location", b"http://www.bonjourmadame.fr/"), (b"Vary", b"Accept-Encoding"),
        (b"Content-Length", b"0"), (b"Content-Type", b"text/html; charset=UTF-8"), (b"Connection", b"keep-alive")],
       "length", b"")],
  "a field with an empty value ('Pragma: ') is its own field and is not merged with the next one")

# 9 RES_FIELD_UNDERSCORE
raw = (b"HTTP/1.1 200 OK\r\n"
       b"Date: Tue, 28 Sep 2010 01:14:13 GMT\r\n"
       b"Server: Apache\r\n"
       b"Cache-Control: no-cache, must-revalidate\r\n"
       b"Expires: Mon, 26 Jul 1997 05:00:00 GMT\r\n"
       b".et-Cookie: PlaxoCS=1274804622353690521; path=/; domain=.plaxo.com\r\n"
       b"Vary: Accept-Encoding\r\n"
       b"_eep-Alive: timeout=45\r\n"
       b"_onnection: Keep-Alive\r\n"
       b"Transfer-Encoding: chunked\r\n"
       b"Content-Type: text/html\r\n"
       b"Connection: close\r\n"
       b"\r\n"
       b"0\r\n\r\n")
P("field-underscore", "RES_FIELD_UNDERSCORE", "field underscore", raw, "ok",
  [msg((S11, b"200", b"OK"),
       [(b"Date", b"Tue, 28 Sep 2010 01:14:13 GMT"), (b"Server", b"Apache"), (b"Cache-Control", b"no-cache, must-revalidate"),
        (b"Expires", b"Mon, 26 Jul 1997 05:00:00 GMT"),
        (b".et-Cookie", b"PlaxoCS=1274804622353690521; path=/; domain=.plaxo.com"), (b"Vary", b"Accept-Encoding"),
        (b"_eep-Alive", b"timeout=45"), (b"_onnection", b"Keep-Alive"), (b"Transfer-Encoding", b"chunked"),
        (b"Content-Type", b"text/html"), (b"Connection", b"close")], "chunked", b"")],
  "field names starting with '.' and '_' (tchars) that mimic Set-Cookie/Keep-Alive/Connection carry no meaning; chunked body with only the last chunk")

# 10 NON_ASCII_IN_STATUS_LINE
raw = (b"HTTP/1.1 500 Ori\xc3\xabntatieprobleem\r\n"
       b"Date: Fri, 5 Nov 2010 23:07:12 GMT+2\r\n"
       b"Content-Length: 0\r\n"
       b"Connection: close\r\n"
       b"\r\n")
P("non-ascii-in-status-line", "NON_ASCII_IN_STATUS_LINE", "non-ASCII in status line", raw, "ok",
  [msg((S11, b"500", b"Ori\xc3\xabntatieprobleem"), [(b"Date", b"Fri, 5 Nov 2010 23:07:12 GMT+2"), (b"Content-Length", b"0"),
                                                    (b"Connection", b"close")], "length", b"")],
  "UTF-8 bytes (obs-text) in the reason phrase are allowed (RFC 9112 4: reason-phrase = 1*( HTAB / SP / VCHAR / obs-text ))")

# 11 HTTP_VERSION_0_9
raw = b"HTTP/0.9 200 OK\r\n\r\n"
P("http-version-0-9", "HTTP_VERSION_0_9", "http version 0.9", raw, "error", [],
  "differs from http-parser (accepts, reading to end of stream): the profile accepts only HTTP/1.0 and HTTP/1.1; HTTP/0.9 has no status-line at all",
  head_ok=False)

# 12 NO_CONTENT_LENGTH_NO_TRANSFER_ENCODING_RESPONSE
raw = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nhello world"
P("no-content-length-no-transfer-encoding", "NO_CONTENT_LENGTH_NO_TRANSFER_ENCODING_RESPONSE",
  "neither content-length nor transfer-encoding response", raw, "ok",
  [msg((S11, b"200", b"OK"), [(b"Content-Type", b"text/plain")], "close", b"hello world")],
  "neither Content-Length nor Transfer-Encoding: framing close, the body is read until end of stream (RFC 9112 6.3 rule 8)")

# 13 NO_BODY_HTTP10_KA_200
raw = b"HTTP/1.0 200 OK\r\nConnection: keep-alive\r\n\r\n"
P("no-body-http10-ka-200", "NO_BODY_HTTP10_KA_200", "HTTP/1.0 with keep-alive and EOF-terminated 200 status", raw, "ok",
  [msg((S10, b"200", b"OK"), [(b"Connection", b"keep-alive")], "close")],
  "HTTP/1.0 200 with keep-alive but no length: still framed by end of stream (close); the empty body ends at end of stream")

# 14 NO_BODY_HTTP10_KA_204
raw = b"HTTP/1.0 204 No content\r\nConnection: keep-alive\r\n\r\n"
P("no-body-http10-ka-204", "NO_BODY_HTTP10_KA_204", "HTTP/1.0 with keep-alive and a 204 status", raw, "ok",
  [msg((S10, b"204", b"No content"), [(b"Connection", b"keep-alive")], "none")],
  "204 never has a body: framing none")

# 15 NO_BODY_HTTP11_KA_200
raw = b"HTTP/1.1 200 OK\r\n\r\n"
P("no-body-http11-ka-200", "NO_BODY_HTTP11_KA_200", "HTTP/1.1 with an EOF-terminated 200 status", raw, "ok",
  [msg((S11, b"200", b"OK"), [], "close")],
  "HTTP/1.1 200 with no length: framing close, empty body ended by end of stream")

# 16 NO_BODY_HTTP11_KA_204
raw = b"HTTP/1.1 204 No content\r\n\r\n"
P("no-body-http11-ka-204", "NO_BODY_HTTP11_KA_204", "HTTP/1.1 with a 204 status", raw, "ok",
  [msg((S11, b"204", b"No content"), [], "none")], "204: framing none")

# 17 NO_BODY_HTTP11_NOKA_204
raw = b"HTTP/1.1 204 No content\r\nConnection: close\r\n\r\n"
P("no-body-http11-noka-204", "NO_BODY_HTTP11_NOKA_204", "HTTP/1.1 with a 204 status and keep-alive disabled", raw, "ok",
  [msg((S11, b"204", b"No content"), [(b"Connection", b"close")], "none")],
  "204 with Connection: close: framing none")

# 18 NO_BODY_HTTP11_KA_CHUNKED_200
raw = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
P("no-body-http11-ka-chunked-200", "NO_BODY_HTTP11_KA_CHUNKED_200", "HTTP/1.1 with chunked endocing and a 200 response", raw, "ok",
  [msg((S11, b"200", b"OK"), [(b"Transfer-Encoding", b"chunked")], "chunked")],
  "chunked body made of the last chunk only")

# 19 SPACE_IN_FIELD_RES (non-strict builds, the default)
raw = (b"HTTP/1.1 200 OK\r\n"
       b"Server: Microsoft-IIS/6.0\r\n"
       b"X-Powered-By: ASP.NET\r\n"
       b"en-US Content-Type: text/xml\r\n"
       b"Content-Type: text/xml\r\n"
       b"Content-Length: 16\r\n"
       b"Date: Fri, 23 Jul 2010 18:45:38 GMT\r\n"
       b"Connection: keep-alive\r\n"
       b"\r\n"
       b"<xml>hello</xml>")
P("field-space", "SPACE_IN_FIELD_RES", "field space", raw, "error", [],
  "lenient behaviour in http-parser (non-strict build), converted with the strict expectation: 'en-US Content-Type' is not a token (field-name = token, RFC 9110 5.1); differs from http-parser, which accepts the name with its space",
  head_ok=False)

# 20 AMAZON_COM
loc = (b"http://www.amazon.com/Dan-Brown/e/B000AP9DSU/ref=s9_pop_gw_al1?_encoding=UTF8&refinementId=618073011"
       b"&pf_rd_m=ATVPDKIKX0DER&pf_rd_s=center-2&pf_rd_r=0SHYY5BZXN3KR20BNFAY&pf_rd_t=101&pf_rd_p=1263340922&pf_rd_i=507846")
p3p = (b"policyref=\"http://www.amazon.com/w3c/p3p.xml\",CP=\"CAO DSP LAW CUR ADM IVAo IVDo CONo OTPo OUR DELi PUBi "
       b"OTRi BUS PHY ONL UNI PUR FIN COM NAV INT DEM CNT STA HEA PRE LOC GOV OTC \"")
raw = (b"HTTP/1.1 301 MovedPermanently\r\n"
       b"Date: Wed, 15 May 2013 17:06:33 GMT\r\n"
       b"Server: Server\r\n"
       b"x-amz-id-1: 0GPHKXSJQ826RK7GZEB2\r\n"
       b"p3p: " + p3p + b"\r\n"
       b"x-amz-id-2: STN69VZxIFSz9YJLbz1GDbxpbjG6Qjmmq5E3DxRhOUw+Et0p4hr7c/Q8qNcx4oAD\r\n"
       b"Location: " + loc + b"\r\n"
       b"Vary: Accept-Encoding,User-Agent\r\n"
       b"Content-Type: text/html; charset=ISO-8859-1\r\n"
       b"Transfer-Encoding: chunked\r\n"
       b"\r\n"
       b"1\r\n"
       b"\n\r\n"
       b"0\r\n"
       b"\r\n")
P("amazon-com", "AMAZON_COM", "amazon.com", raw, "ok",
  [msg((S11, b"301", b"MovedPermanently"),
       [(b"Date", b"Wed, 15 May 2013 17:06:33 GMT"), (b"Server", b"Server"), (b"x-amz-id-1", b"0GPHKXSJQ826RK7GZEB2"),
        (b"p3p", p3p), (b"x-amz-id-2", b"STN69VZxIFSz9YJLbz1GDbxpbjG6Qjmmq5E3DxRhOUw+Et0p4hr7c/Q8qNcx4oAD"),
        (b"Location", loc), (b"Vary", b"Accept-Encoding,User-Agent"), (b"Content-Type", b"text/html; charset=ISO-8859-1"),
        (b"Transfer-Encoding", b"chunked")], "chunked", b"\n")],
  "a 1-byte chunk whose data is a bare LF, followed by CRLF: chunk-data is opaque, so the LF is body, not a line end")

# 21 EMPTY_REASON_PHRASE_AFTER_SPACE
raw = b"HTTP/1.1 200 \r\n\r\n"
P("empty-reason-phrase-after-space", "EMPTY_REASON_PHRASE_AFTER_SPACE", "empty reason phrase after space", raw, "ok",
  [msg((S11, b"200", b""), [], "close")],
  "empty reason phrase after the SP is valid (RFC 9112 4); no length: framing close, empty body at end of stream")

# 22 CONTENT_LENGTH_X
raw = (b"HTTP/1.1 200 OK\r\n"
       b"Content-Length-X: 0\r\n"
       b"Transfer-Encoding: chunked\r\n"
       b"\r\n"
       b"2\r\n"
       b"OK\r\n"
       b"0\r\n"
       b"\r\n")
P("content-length-x", "CONTENT_LENGTH_X", "Content-Length-X", raw, "ok",
  [msg((S11, b"200", b"OK"), [(b"Content-Length-X", b"0"), (b"Transfer-Encoding", b"chunked")], "chunked", b"OK")],
  "a field named Content-Length-X is not Content-Length (names match whole, not by prefix): framing chunked")

UPG101 = [(b"Connection", b"upgrade"), (b"Upgrade", b"h2c")]
UP101_NOTE = ("differs from http-parser (reads the body by its %s, then hands over the rest as upgrade data): in the "
              "profile a 101 response is 'upgrade' before any Content-Length/Transfer-Encoding is considered "
              "(framing rule 1; RFC 9110 15.2.2: the connection switches immediately after the empty line that "
              "ends the 101 response), so the bytes after the head belong to the new protocol")

# 23 HTTP_101_RESPONSE_WITH_UPGRADE_HEADER
raw = b"HTTP/1.1 101 Switching Protocols\r\nConnection: upgrade\r\nUpgrade: h2c\r\n\r\nproto"
P("101-with-upgrade", "HTTP_101_RESPONSE_WITH_UPGRADE_HEADER", "HTTP 101 response with Upgrade header", raw, "ok",
  [msg((S11, b"101", b"Switching Protocols"), UPG101, "upgrade")],
  "101 Switching Protocols: framing upgrade, the bytes after the head are not decoded")

# 24 HTTP_101_RESPONSE_WITH_UPGRADE_HEADER_AND_CONTENT_LENGTH
raw = (b"HTTP/1.1 101 Switching Protocols\r\nConnection: upgrade\r\nUpgrade: h2c\r\nContent-Length: 4\r\n\r\n"
       b"body" b"proto")
P("101-with-upgrade-and-content-length", "HTTP_101_RESPONSE_WITH_UPGRADE_HEADER_AND_CONTENT_LENGTH",
  "HTTP 101 response with Upgrade and Content-Length header", raw, "ok",
  [msg((S11, b"101", b"Switching Protocols"), UPG101 + [(b"Content-Length", b"4")], "upgrade")],
  "101 with Content-Length: 4; " + (UP101_NOTE % "Content-Length") + "; RFC 9110 8.6: a server MUST NOT send Content-Length in a 1xx response")

# 25 HTTP_101_RESPONSE_WITH_UPGRADE_HEADER_AND_TRANSFER_ENCODING
raw = (b"HTTP/1.1 101 Switching Protocols\r\nConnection: upgrade\r\nUpgrade: h2c\r\nTransfer-Encoding: chunked\r\n\r\n"
       b"2\r\nbo\r\n2\r\ndy\r\n0\r\n\r\n" b"proto")
P("101-with-upgrade-and-transfer-encoding", "HTTP_101_RESPONSE_WITH_UPGRADE_HEADER_AND_TRANSFER_ENCODING",
  "HTTP 101 response with Upgrade and Transfer-Encoding header", raw, "ok",
  [msg((S11, b"101", b"Switching Protocols"), UPG101 + [(b"Transfer-Encoding", b"chunked")], "upgrade")],
  "101 with Transfer-Encoding: chunked; " + (UP101_NOTE % "chunked coding") + "; RFC 9112 6.1: a server MUST NOT send Transfer-Encoding in a 1xx response")

# 26 HTTP_200_RESPONSE_WITH_UPGRADE_HEADER
raw = b"HTTP/1.1 200 OK\r\nConnection: upgrade\r\nUpgrade: h2c\r\n\r\nbody"
P("200-with-upgrade", "HTTP_200_RESPONSE_WITH_UPGRADE_HEADER", "HTTP 200 response with Upgrade header", raw, "ok",
  [msg((S11, b"200", b"OK"), UPG101, "close", b"body")],
  "a 200 response with Upgrade fields does not switch protocols: no length, so framing close and the body runs to end of stream")

# 27 HTTP_200_RESPONSE_WITH_UPGRADE_HEADER_AND_CONTENT_LENGTH
raw = b"HTTP/1.1 200 OK\r\nConnection: upgrade\r\nUpgrade: h2c\r\nContent-Length: 4\r\n\r\nbody"
P("200-with-upgrade-and-content-length", "HTTP_200_RESPONSE_WITH_UPGRADE_HEADER_AND_CONTENT_LENGTH",
  "HTTP 200 response with Upgrade and Content-Length header", raw, "ok",
  [msg((S11, b"200", b"OK"), UPG101 + [(b"Content-Length", b"4")], "length", b"body")],
  "a 200 response with Upgrade fields is ordinary: 4-byte Content-Length body")

# 28 HTTP_200_RESPONSE_WITH_UPGRADE_HEADER_AND_TRANSFER_ENCODING
raw = (b"HTTP/1.1 200 OK\r\nConnection: upgrade\r\nUpgrade: h2c\r\nTransfer-Encoding: chunked\r\n\r\n"
       b"2\r\nbo\r\n2\r\ndy\r\n0\r\n\r\n")
P("200-with-upgrade-and-transfer-encoding", "HTTP_200_RESPONSE_WITH_UPGRADE_HEADER_AND_TRANSFER_ENCODING",
  "HTTP 200 response with Upgrade and Transfer-Encoding header", raw, "ok",
  [msg((S11, b"200", b"OK"), UPG101 + [(b"Transfer-Encoding", b"chunked")], "chunked", b"body")],
  "a 200 response with Upgrade fields is ordinary: chunked body 'bo' + 'dy'")

RES_BY_MACRO = {}
for (slug, macro, name, raw, expect, messages, note, head_ok, head_msg) in RES:
    src = '%s: responses[] %s ("%s")' % (SRC, macro, name)
    add("res-" + slug, "response", raw, expect, messages, note, src)
    RES_BY_MACRO[macro] = (raw, expect, messages)

# test_message_connect(): every response again, with an on_headers_complete
# callback that returns 1 ("skip the body", what a client does for HEAD);
# the test only checks that one message was seen and that it had no body.
for (slug, macro, name, raw, expect, messages, note, head_ok, head_msg) in RES:
    src = ('%s: test_message_connect(&responses[%s]) ("%s"): headers_complete callback returns 1 (skip body), '
           'expressed as a response to HEAD' % (SRC, macro, name))
    base = ("http-parser's test_message_connect re-parses this response with a callback that tells the parser to skip "
            "the body (what a client does after HEAD); here that is the response to a HEAD request (--method HEAD). ")
    if not head_ok:
        add("res-" + slug + "-skipbody", "response", raw, "error", [],
            base + "The head itself is invalid in the profile (see the case without -skipbody), so the method does not matter; differs from http-parser (accepts)",
            src, methods=["HEAD"])
        continue
    status = int(head_msg["start"][1])
    hm = json.loads(json.dumps(head_msg))
    hm["body"] = ""
    hm["trailers"] = []
    hm["framing"] = "upgrade" if status == 101 else "none"
    end = raw.index(b"\r\n\r\n") + 4
    rest = raw[end:]
    if status == 101:
        add("res-" + slug + "-skipbody", "response", raw, "ok", [hm],
            base + "A 101 response is 'upgrade' whatever the request method; the bytes after the head are not decoded",
            src, methods=["HEAD"])
    elif not rest:
        add("res-" + slug + "-skipbody", "response", raw, "ok", [hm],
            base + "A response to HEAD has no body (RFC 9112 6.3 rule 1), whatever its framing fields say; nothing follows the head",
            src, methods=["HEAD"])
    else:
        add("res-" + slug + "-skipbody", "response", raw, "error", [hm],
            base + "A response to HEAD has no body (RFC 9112 6.3 rule 1), so the bytes after the head (this response's body in the GET case) are read as the next status-line, which they are not: error after one message. http-parser's test stops looking after the first message and ignores that error",
            src, methods=["HEAD"])


# ---------------------------------------------------------------- test_simple
def simple_src(fn, what):
    return '%s: %s %s' % (SRC, fn, what)


# response versions (test_simple_type ... HTTP_RESPONSE)
for slug, raw in [("htp", b"HTP/1.1 200 OK\r\n\r\n"), ("01-1", b"HTTP/01.1 200 OK\r\n\r\n"),
                  ("11-1", b"HTTP/11.1 200 OK\r\n\r\n"), ("1-01", b"HTTP/1.01 200 OK\r\n\r\n"),
                  ("tab", b"HTTP/1.1\t200 OK\r\n\r\n")]:
    what = "HTAB instead of SP after the version" if slug == "tab" else "malformed HTTP-version"
    add("res-version-" + slug, "response", raw, "error", [],
        what + " in a status-line (HTTP-version = \"HTTP/\" DIGIT \".\" DIGIT, single SP separators, RFC 9112 2.3/4); http-parser also rejects (HPE_INVALID_VERSION)",
        simple_src("test_simple_type", "%r, HPE_INVALID_VERSION, HTTP_RESPONSE" % raw.decode("latin-1")))

for slug, raw in [("htp", b"GET / HTP/1.1\r\n\r\n"), ("01-1", b"GET / HTTP/01.1\r\n\r\n"),
                  ("11-1", b"GET / HTTP/11.1\r\n\r\n"), ("1-01", b"GET / HTTP/1.01\r\n\r\n")]:
    add("req-version-" + slug, "request", raw, "error", [],
        "malformed HTTP-version in a request-line (RFC 9112 2.3); http-parser also rejects (HPE_INVALID_VERSION)",
        simple_src("test_simple", "%r, HPE_INVALID_VERSION" % raw.decode("latin-1")))

# Extended characters
raw = b"GET / HTTP/1.1\r\nTest: D\xc3\xbcsseldorf\r\n"
src = simple_src("test_simple", "\"Extended characters\" (GET with 'Test: D\\xc3\\xbcsseldorf'), HPE_OK")
add("req-extended-characters", "request", raw, "error", [],
    "UTF-8 (obs-text) in a field value; the input stops before the empty line that ends the head, so at end of stream it is an incomplete message (and it has no Host); http-parser's test never signals end of stream and only checks that no error occurred, so it passes there",
    src)
add("req-extended-characters-host-complete", "request", with_host(raw) + b"\r\n", "ok",
    [msg((GET, b"/", H11), [(b"Host", b"example.com"), (b"Test", b"D\xc3\xbcsseldorf")])],
    DERIVED_COMPLETE + "obs-text (0x80-0xFF) in a field value is allowed (RFC 9110 5.5)",
    src + " (variant: Host field added, head terminated)")

# Well-formed but incomplete
raw = (b"GET / HTTP/1.1\r\n"
       b"Content-Type: text/plain\r\n"
       b"Content-Length: 6\r\n"
       b"\r\n"
       b"fooba")
src = simple_src("test_simple", "\"Well-formed but incomplete\" (Content-Length: 6, 5 body bytes), HPE_OK")
add("req-well-formed-but-incomplete", "request", raw, "error", [],
    "a 6-byte Content-Length with 5 body bytes: the stream ends inside the body, so the message is incomplete (error) at end of stream; http-parser's test never signals end of stream and only checks that the bytes seen so far raise no error. The request also has no Host",
    src)
add("req-well-formed-but-incomplete-host", "request", with_host(raw), "error", [],
    DERIVED + "a 6-byte Content-Length with 5 body bytes: the message is incomplete at end of stream (error), now for that reason only",
    src + " (variant: Host field added)")

all_methods = ["DELETE", "GET", "HEAD", "POST", "PUT", "OPTIONS", "TRACE", "COPY", "LOCK", "MKCOL", "MOVE",
               "PROPFIND", "PROPPATCH", "SEARCH", "UNLOCK", "BIND", "REBIND", "UNBIND", "ACL", "REPORT",
               "MKACTIVITY", "CHECKOUT", "MERGE", "M-SEARCH", "NOTIFY", "SUBSCRIBE", "UNSUBSCRIBE", "PATCH",
               "PURGE", "MKCALENDAR", "LINK", "UNLINK"]
for mth in all_methods:
    raw = mth.encode() + b" / HTTP/1.1\r\n\r\n"
    src = simple_src("test_simple", "all_methods[] \"%s\": \"%s / HTTP/1.1\\r\\n\\r\\n\", HPE_OK" % (mth, mth))
    slug = mth.lower()
    add("req-method-" + slug, "request", raw, "error", [],
        "method %s with no header fields; differs from http-parser (accepts): %s" % (mth, HOST_NOTE), src)
    add("req-method-" + slug + "-host", "request", with_host(raw), "ok",
        [msg((mth.encode(), b"/", H11), [(b"Host", b"example.com")])],
        DERIVED + "%s is a token, so a valid method (RFC 9110 9.1: method = token); no body: framing none" % mth,
        src + " (variant: Host field added)")

bad_methods = ["ASDF", "C******", "COLA", "GEM", "GETA", "M****", "MKCOLA", "PROPPATCHA", "PUN", "PX", "SA",
               "hello world"]
for mth in bad_methods:
    raw = mth.encode() + b" / HTTP/1.1\r\n\r\n"
    src = simple_src("test_simple", "bad_methods[] \"%s\": \"%s / HTTP/1.1\\r\\n\\r\\n\", HPE_INVALID_METHOD" % (mth, mth))
    slug = mth.lower().replace("*", "x").replace(" ", "-")
    if mth == "hello world":
        add("req-bad-method-" + slug, "request", raw, "error", [],
            "'hello world / HTTP/1.1': the request-line has three SPs; read as method 'hello', target 'world' (not origin-form, RFC 9112 3.2) and version '/ HTTP/1.1' it is invalid in every way; http-parser also rejects (HPE_INVALID_METHOD)",
            src)
        continue
    add("req-bad-method-" + slug, "request", raw, "error", [],
        "http-parser rejects %s as an unknown method (HPE_INVALID_METHOD); the profile rejects this input only because the HTTP/1.1 request has no Host field (RFC 9112 3.2)" % mth,
        src)
    add("req-bad-method-" + slug + "-host", "request", with_host(raw), "ok",
        [msg((mth.encode(), b"/", H11), [(b"Host", b"example.com")])],
        DERIVED + "differs from http-parser (rejects %s, which is not in its fixed method list): %s is a token ('*' is a tchar), and any token is a method (RFC 9110 9.1: method = token; profile: method is a token)" % (mth, mth),
        src + " (variant: Host field added)")

# illegal header field name line folding
raw = b"GET / HTTP/1.1\r\nname\r\n : value\r\n\r\n"
src = simple_src("test_simple", "\"illegal header field name line folding\", HPE_INVALID_HEADER_TOKEN")
add("req-field-name-folding", "request", raw, "error", [],
    "a field line 'name' without a colon, continued by ' : value': not a field-line (RFC 9112 5); http-parser also rejects (HPE_INVALID_HEADER_TOKEN)",
    src)
add("req-field-name-folding-host", "request", with_host(raw), "error", [],
    DERIVED + "a field line 'name' without a colon, continued by ' : value': not a field-line (RFC 9112 5), and obs-fold is an error in requests anyway",
    src + " (variant: Host field added)")

# dumbfuck2: a PEM certificate folded over many lines
cert_lines = [
    b"MIIFbTCCBFWgAwIBAgICH4cwDQYJKoZIhvcNAQEFBQAwcDELMAkGA1UEBhMCVUsx",
    b"ETAPBgNVBAoTCGVTY2llbmNlMRIwEAYDVQQLEwlBdXRob3JpdHkxCzAJBgNVBAMT",
    b"AkNBMS0wKwYJKoZIhvcNAQkBFh5jYS1vcGVyYXRvckBncmlkLXN1cHBvcnQuYWMu",
    b"dWswHhcNMDYwNzI3MTQxMzI4WhcNMDcwNzI3MTQxMzI4WjBbMQswCQYDVQQGEwJV",
    b"SzERMA8GA1UEChMIZVNjaWVuY2UxEzARBgNVBAsTCk1hbmNoZXN0ZXIxCzAJBgNV",
    b"BAcTmrsogriqMWLAk1DMRcwFQYDVQQDEw5taWNoYWVsIHBhcmQYJKoZIhvcNAQEB",
    b"BQADggEPADCCAQoCggEBANPEQBgl1IaKdSS1TbhF3hEXSl72G9J+WC/1R64fAcEF",
    b"W51rEyFYiIeZGx/BVzwXbeBoNUK41OK65sxGuflMo5gLflbwJtHBRIEKAfVVp3YR",
    b"gW7cMA/s/XKgL1GEC7rQw8lIZT8RApukCGqOVHSi/F1SiFlPDxuDfmdiNzL31+sL",
    b"0iwHDdNkGjy5pyBSB8Y79dsSJtCW/iaLB0/n8Sj7HgvvZJ7x0fr+RQjYOUUfrePP",
    b"u2MSpFyf+9BbC/aXgaZuiCvSR+8Snv3xApQY+fULK/xY8h8Ua51iXoQ5jrgu2SqR",
    b"wgA7BUi3G8LFzMBl8FRCDYGUDy7M6QaHXx1ZWIPWNKsCAwEAAaOCAiQwggIgMAwG",
    b"A1UdEwEB/wQCMAAwEQYJYIZIAYb4QgHTTPAQDAgWgMA4GA1UdDwEB/wQEAwID6DAs",
    b"BglghkgBhvhCAQ0EHxYdVUsgZS1TY2llbmNlIFVzZXIgQ2VydGlmaWNhdGUwHQYD",
    b"VR0OBBYEFDTt/sf9PeMaZDHkUIldrDYMNTBZMIGaBgNVHSMEgZIwgY+AFAI4qxGj",
    b"loCLDdMVKwiljjDastqooXSkcjBwMQswCQYDVQQGEwJVSzERMA8GA1UEChMIZVNj",
    b"aWVuY2UxEjAQBgNVBAsTCUF1dGhvcml0eTELMAkGA1UEAxMCQ0ExLTArBgkqhkiG",
    b"9w0BCQEWHmNhLW9wZXJhdG9yQGdyaWQtc3VwcG9ydC5hYy51a4IBADApBgNVHRIE",
    b"IjAggR5jYS1vcGVyYXRvckBncmlkLXN1cHBvcnQuYWMudWswGQYDVR0gBBIwEDAO",
    b"BgwrBgEEAdkvAQEBAQYwPQYJYIZIAYb4QgEEBDAWLmh0dHA6Ly9jYS5ncmlkLXN1",
    b"cHBvcnQuYWMudmT4sopwqlBWsvcHViL2NybC9jYWNybC5jcmwwPQYJYIZIAYb4QgEDBDAWLmh0",
    b"dHA6Ly9jYS5ncmlkLXN1cHBvcnQuYWMudWsvcHViL2NybC9jYWNybC5jcmwwPwYD",
    b"VR0fBDgwNjA0oDKgMIYuaHR0cDovL2NhLmdyaWQt5hYy51ay9wdWIv",
    b"Y3JsL2NhY3JsLmNybDANBgkqhkiG9w0BAQUFAAOCAQEAS/U4iiooBENGW/Hwmmd3",
    b"XCy6Zrt08YjKCzGNjorT98g8uGsqYjSxv/hmi0qlnlHs+k/3Iobc3LjS5AMYr5L8",
    b"UO7OSkgFFlLHQyC9JzPfmLCAugvzEbyv4Olnsr8hbxF1MbKZoQxUZtMVu29wjfXk",
    b"hTeApBv7eaKCWpSp7MCbvgzm74izKhu3vlDk9w6qVrxePfGgpKPqfHiOoGhFnbTK",
    b"wTC6o2xq5y0qZ03JonF7OJspEd3I5zKY3E+ov7/ZhW6DqT8UFvsAdjvQbXyhV8Eu",
    b"Yhixw1aKEPzNjNowuIseVogKOLXxWI5vAi5HgXdS0/ES5gDGsABo4fqovUKlgop3",
    b"RA==",
    b"-----END CERTIFICATE-----",
]
raw = (b"GET / HTTP/1.1\r\n"
       b"X-SSL-Bullshit:   -----BEGIN CERTIFICATE-----\r\n"
       + b"".join(b"\t" + l + b"\r\n" for l in cert_lines)
       + b"\r\n")
src = simple_src("test_simple", "dumbfuck2 (X-SSL-Bullshit certificate folded over 31 lines), HPE_OK")
add("req-folded-certificate", "request", raw, "error", [],
    "a PEM certificate in a field value continued over 31 obs-fold lines; " + FOLD_NOTE + "; the request also has no Host field",
    src)
add("req-folded-certificate-host", "request", with_host(raw), "error", [],
    DERIVED + "a PEM certificate in a field value continued over 31 obs-fold lines; " + FOLD_NOTE,
    src + " (variant: Host field added)")

# corrupted_connection / corrupted_header_name
raw = (b"GET / HTTP/1.1\r\n"
       b"Host: www.example.com\r\n"
       b"Connection\r\x1b5\xd5eep-Alive\r\n"
       b"Accept-Encoding: gzip\r\n"
       b"\r\n")
add("req-corrupted-connection", "request", raw, "error", [],
    "a field name 'Connection' followed by CR, ESC, '5', 0xD5: a CR not followed by LF and a line without a colon; http-parser also rejects (HPE_INVALID_HEADER_TOKEN)",
    simple_src("test_simple", "corrupted_connection, HPE_INVALID_HEADER_TOKEN"))
raw = (b"GET / HTTP/1.1\r\n"
       b"Host: www.example.com\r\n"
       b"X-Some-Header\r\x1b5\xd5eep-Alive\r\n"
       b"Accept-Encoding: gzip\r\n"
       b"\r\n")
add("req-corrupted-header-name", "request", raw, "error", [],
    "a field name 'X-Some-Header' followed by CR, ESC, '5', 0xD5: a CR not followed by LF and a line without a colon; http-parser also rejects (HPE_INVALID_HEADER_TOKEN)",
    simple_src("test_simple", "corrupted_header_name, HPE_INVALID_HEADER_TOKEN"))


# ----------------------------------------------------- header field conditions
REQ_LINE = b"GET / HTTP/1.1\r\n"
RES_LINE = b"HTTP/1.1 200 OK\r\n"

# test_double_content_length_error
tail = b"Content-Length: 0\r\nContent-Length: 1\r\n\r\n"
src = "%s: test_double_content_length_error(%s)"
DCL = "two Content-Length field lines with different values (0 and 1): an error (RFC 9112 6.3 rule 5, profile: differing values are an error); http-parser also rejects (HPE_UNEXPECTED_CONTENT_LENGTH)"
add("req-double-content-length", "request", REQ_LINE + tail, "error", [], DCL + "; the request also has no Host field",
    src % (SRC, "HTTP_REQUEST"))
add("req-double-content-length-host", "request", with_host(REQ_LINE + tail), "error", [], DERIVED + DCL,
    src % (SRC, "HTTP_REQUEST") + " (variant: Host field added)")
add("res-double-content-length", "response", RES_LINE + tail, "error", [], DCL, src % (SRC, "HTTP_RESPONSE"))

# test_chunked_content_length_error
tail = b"Transfer-Encoding: chunked\r\nContent-Length: 1\r\n\r\n"
src = "%s: test_chunked_content_length_error(%s)"
add("req-chunked-content-length", "request", REQ_LINE + tail, "error", [],
    "Transfer-Encoding: chunked together with Content-Length in a request: an error (profile; RFC 9112 6.1 lets a server reject it and 6.3 calls it a possible smuggling attempt); http-parser also rejects (HPE_UNEXPECTED_CONTENT_LENGTH); the request also has no Host field",
    src % (SRC, "HTTP_REQUEST"))
add("req-chunked-content-length-host", "request", with_host(REQ_LINE + tail), "error", [],
    DERIVED + "Transfer-Encoding: chunked together with Content-Length in a request: an error (profile; RFC 9112 6.1/6.3); http-parser also rejects",
    src % (SRC, "HTTP_REQUEST") + " (variant: Host field added)")
add("res-chunked-content-length", "response", RES_LINE + tail, "error", [],
    "Transfer-Encoding: chunked together with Content-Length in a response: the profile reads it as chunked (Transfer-Encoding overrides Content-Length, RFC 9112 6.3 rule 3), so the head is accepted; the stream then ends before the last chunk, which is the error here. http-parser rejects the head itself (HPE_UNEXPECTED_CONTENT_LENGTH): same outcome, different reason; see the -complete variant",
    src % (SRC, "HTTP_RESPONSE"))
add("res-chunked-content-length-complete", "response", RES_LINE + tail + b"0\r\n\r\n", "ok",
    [msg((S11, b"200", b"OK"), [(b"Transfer-Encoding", b"chunked"), (b"Content-Length", b"1")], "chunked")],
    "derived (not http-parser's own input): the last chunk was appended. Differs from http-parser (HPE_UNEXPECTED_CONTENT_LENGTH): in a response Transfer-Encoding overrides Content-Length (RFC 9112 6.3 rule 3; profile: 'in a response, Transfer-Encoding overrides any Content-Length'), so this is a chunked response with an empty body",
    src % (SRC, "HTTP_RESPONSE") + " (variant: last chunk appended)")

# test_header_cr_no_lf_error
tail = b"Foo: 1\rBar: 1\r\n\r\n"
src = "%s: test_header_cr_no_lf_error(%s)"
CRNOLF = "a CR inside a field line not followed by LF ('Foo: 1\\rBar: 1'): an error (profile: a CR not followed by LF is an error; RFC 9112 2.2); http-parser also rejects (HPE_LF_EXPECTED)"
add("req-header-cr-no-lf", "request", REQ_LINE + tail, "error", [], CRNOLF, src % (SRC, "HTTP_REQUEST"))
add("req-header-cr-no-lf-host", "request", with_host(REQ_LINE + tail), "error", [], DERIVED + CRNOLF,
    src % (SRC, "HTTP_REQUEST") + " (variant: Host field added)")
add("res-header-cr-no-lf", "response", RES_LINE + tail, "error", [], CRNOLF, src % (SRC, "HTTP_RESPONSE"))

# test_invalid_header_field_token_error / test_invalid_header_field_content_error
for fn, slug, tail, what, err in [
        ("test_invalid_header_field_token_error", "invalid-field-token-at", b"Fo@: Failure",
         "'@' in a field name (not a tchar, RFC 9110 5.1)", "HPE_INVALID_HEADER_TOKEN"),
        ("test_invalid_header_field_token_error", "invalid-field-token-ctl", b"Foo\x01\test: Bar",
         "a 0x01 byte and an HTAB in a field name (not tchars)", "HPE_INVALID_HEADER_TOKEN"),
        ("test_invalid_header_field_content_error", "invalid-field-value-01", b"Foo: F\x01ailure",
         "a 0x01 control byte in a field value (RFC 9110 5.5: field-vchar is VCHAR / obs-text)", "HPE_INVALID_HEADER_TOKEN"),
        ("test_invalid_header_field_content_error", "invalid-field-value-02", b"Foo: B\x02ar",
         "a 0x02 control byte in a field value (RFC 9110 5.5)", "HPE_INVALID_HEADER_TOKEN")]:
    shown = tail.decode("latin-1").encode("unicode_escape").decode("ascii")
    for role, line, mode in (("HTTP_REQUEST", REQ_LINE, "request"), ("HTTP_RESPONSE", RES_LINE, "response")):
        pre = "req-" if mode == "request" else "res-"
        srcx = '%s: %s(%s) -> test_invalid_header_%s(%s, "%s")' % (
            SRC, fn, role, "field" if "token" in fn else "content", role, shown)
        add(pre + slug, mode, line + tail, "error", [],
            what + "; http-parser also rejects (%s). The input stops inside the field line (the peer feeds no line end), so it is also incomplete at end of stream; see the -complete variant" % err,
            srcx)
        if mode == "request":
            add(pre + slug + "-complete", mode, with_host(line + tail + b"\r\n\r\n"), "error", [],
                DERIVED_COMPLETE + what + ": an error",
                srcx + " (variant: Host field added, head terminated)")
        else:
            add(pre + slug + "-complete", mode, line + tail + b"\r\n\r\n", "error", [],
                "derived (not http-parser's own input): the head was terminated, so that the case tests the field and not the end of stream; " + what + ": an error",
                srcx + " (variant: head terminated)")


# -------------------------------------------------------- overflow conditions
line = b"header-key: header-value\r\n"
add("req-header-overflow", "request", b"GET / HTTP/1.1\r\n" + line * 10000, "error", [],
    "10000 field lines (260 KB) with no end of head: the profile's limits (100 field lines, 64 KiB head) are exceeded, an error of its own kind; http-parser also rejects (HPE_HEADER_OVERFLOW, its 80 KB limit). The peer feeds the lines until the error; this input holds all 10000",
    "%s: test_header_overflow_error(HTTP_REQUEST)" % SRC)
add("res-header-overflow", "response", b"HTTP/1.0 200 OK\r\n" + line * 10000, "error", [],
    "10000 field lines (260 KB) in a response head: the profile's limits (100 field lines, 64 KiB head) are exceeded; http-parser also rejects (HPE_HEADER_OVERFLOW)",
    "%s: test_header_overflow_error(HTTP_RESPONSE)" % SRC)

for n in (1000, 100000):
    head = b"POST / HTTP/1.0\r\nConnection: Keep-Alive\r\nContent-Length: %d\r\n\r\n" % n
    add("req-no-overflow-long-body-%d" % n, "request", head + b"a" * n + head, "error",
        [msg((b"POST", b"/", H10), [(b"Connection", b"Keep-Alive"), (b"Content-Length", b"%d" % n)], "length", b"a" * n)],
        "an HTTP/1.0 keep-alive POST with a %d-byte body, then the head of a second request whose body never comes: the first message is complete, the second is incomplete at end of stream (error). http-parser's test checks only that the bytes fed raise no error (it never signals end of stream)" % n,
        "%s: test_no_overflow_long_body(HTTP_REQUEST, %d)" % (SRC, n))
    head = b"HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: %d\r\n\r\n" % n
    add("res-no-overflow-long-body-%d" % n, "response", head + b"a" * n + head, "error",
        [msg((S10, b"200", b"OK"), [(b"Connection", b"Keep-Alive"), (b"Content-Length", b"%d" % n)], "length", b"a" * n)],
        "an HTTP/1.0 keep-alive 200 with a %d-byte body, then the head of a second response whose body never comes: one complete message, then incomplete at end of stream (error); http-parser's test never signals end of stream" % n,
        "%s: test_no_overflow_long_body(HTTP_RESPONSE, %d)" % (SRC, n))

for slug, num, peer_ok, what in [
        ("2p64-div10", b"1844674407370955160", True, "2^64/10 - 1 (fits u64)"),
        ("u64-max", b"18446744073709551615", False, "2^64 - 1 (the largest u64)"),
        ("2p64", b"18446744073709551616", False, "2^64 (does not fit u64)")]:
    raw = b"HTTP/1.1 200 OK\r\nContent-Length: " + num + b"\r\n\r\n"
    if slug == "2p64":
        note = "Content-Length %s: an invalid Content-Length (profile: 1*DIGIT that fits u64), an error; http-parser also rejects (HPE_INVALID_CONTENT_LENGTH)" % what
    elif peer_ok:
        note = "Content-Length %s is valid, so the head is accepted; the body never comes, so the message is incomplete at end of stream (error). http-parser's test expects no error because it never signals end of stream" % what
    else:
        note = "Content-Length %s fits u64, so the profile accepts the head; the body never comes, so the message is incomplete at end of stream (error). http-parser rejects the value itself (HPE_INVALID_CONTENT_LENGTH: it uses 2^64-1 as a 'no length' marker): same outcome, different reason" % what
    add("res-content-length-" + slug, "response", raw, "error", [], note,
        "%s: test_header_content_length_overflow_error() Content-Length: %s" % (SRC, num.decode()))

for slug, num, what in [
        ("2p64-div16", b"FFFFFFFFFFFFFFE", "2^64/16 - 1 (fits u64)"),
        ("u64-max", b"FFFFFFFFFFFFFFFF", "2^64 - 1 (the largest u64)"),
        ("2p64", b"10000000000000000", "2^64 (does not fit u64)")]:
    raw = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + num + b"\r\n..."
    if slug == "2p64":
        note = "chunk-size %s: the profile requires the size to fit u64, an error; http-parser also rejects (HPE_INVALID_CONTENT_LENGTH)" % what
    elif slug == "u64-max":
        note = "chunk-size %s fits u64, so the profile accepts the size line; the stream ends 3 bytes into the chunk, so the message is incomplete at end of stream (error). http-parser rejects the size itself (HPE_INVALID_CONTENT_LENGTH): same outcome, different reason" % what
    else:
        note = "chunk-size %s is valid; the stream ends 3 bytes into the chunk, so the message is incomplete at end of stream (error). http-parser's test expects no error because it never signals end of stream" % what
    add("res-chunk-size-" + slug, "response", raw, "error", [], note,
        "%s: test_chunk_content_length_overflow_error() chunk-size %s" % (SRC, num.decode()))

# test_header_nread_value
raw = b"GET / HTTP/1.1\r\nheader: value\nhdr: value\r\n"
src = "%s: test_header_nread_value()" % SRC
add("req-header-nread-bare-lf", "request", raw, "error", [],
    "lenient behaviour in http-parser, converted with the strict expectation: a field line ending in a bare LF (profile: an error; RFC 9112 2.2 allows but does not require accepting it); the input also stops before the end of the head and has no Host field. Differs from http-parser, which accepts the bytes and counts them (nread)",
    src)
add("req-header-nread-bare-lf-host-complete", "request", with_host(raw) + b"\r\n", "error", [],
    DERIVED_COMPLETE + "a field line ending in a bare LF: an error in the profile (RFC 9112 2.2 allows but does not require accepting it); differs from http-parser, which accepts",
    src + " (variant: Host field added, head terminated)")


# ------------------------------------------------------------ test_scan triples
def pipe(macros, table):
    return b"".join(table[mc][0] for mc in macros)


# responses
raw = pipe(["TRAILING_SPACE_ON_CHUNKED_BODY", "NO_BODY_HTTP10_KA_204", "NO_REASON_PHRASE"], RES_BY_MACRO)
add("res-scan-1", "response", raw, "error", [],
    "three pipelined responses; the first already fails (chunk-size '25  ' with trailing spaces, an error in the profile), so nothing is complete; differs from http-parser, which accepts all three",
    "%s: test_scan(responses[TRAILING_SPACE_ON_CHUNKED_BODY], responses[NO_BODY_HTTP10_KA_204], responses[NO_REASON_PHRASE])" % SRC)
raw = pipe(["BONJOUR_MADAME_FR", "UNDERSTORE_HEADER_KEY", "NO_CARRIAGE_RET"], RES_BY_MACRO)
add("res-scan-2", "response", raw, "error",
    [RES_BY_MACRO["BONJOUR_MADAME_FR"][2][0], RES_BY_MACRO["UNDERSTORE_HEADER_KEY"][2][0]],
    "three pipelined responses: two Content-Length: 0 responses, then one whose lines end in bare LF (an error in the profile); differs from http-parser, which accepts all three",
    "%s: test_scan(responses[BONJOUR_MADAME_FR], responses[UNDERSTORE_HEADER_KEY], responses[NO_CARRIAGE_RET])" % SRC)


def pipe_host(macros):
    out = b""
    msgs = []
    for mc in macros:
        raw, expect, messages, hv = REQ_BY_MACRO[mc]
        if hv:
            out += with_host(raw, hv[0])
        else:
            out += raw
    return out


for i, (macros, ok_msgs, exp_h, note_h) in enumerate([
        (["GET_NO_HEADERS_NO_BODY", "GET_ONE_HEADER_NO_BODY", "GET_NO_HEADERS_NO_BODY"], None, "ok",
         "three pipelined GETs without bodies"),
        (["POST_CHUNKED_ALL_YOUR_BASE", "POST_IDENTITY_BODY_WORLD", "GET_FUNKY_CONTENT_LENGTH"], None, "error",
         "a chunked POST, then a POST with Transfer-Encoding: identity and Content-Length (an error in the profile: TE+CL in a request, and 'identity' is not a registered coding), so only the first is complete; differs from http-parser, which accepts all three"),
        (["TWO_CHUNKS_MULT_ZERO_END", "CHUNKED_W_TRAILING_HEADERS", "CHUNKED_W_BULLSHIT_AFTER_LENGTH"], None, "ok",
         "three pipelined chunked POSTs (last chunk '000', a trailer section, chunk extensions)"),
        (["QUERY_URL_WITH_QUESTION_MARK_GET", "PREFIX_NEWLINE_GET", "CONNECT_REQUEST"], None, "ok",
         "a GET, one empty line then a GET, then an HTTP/1.0 CONNECT that leaves HTTP/1 (framing upgrade; the tunnel bytes are not decoded)")]):
    n = i + 1
    raw = pipe(macros, REQ_BY_MACRO)
    src = "%s: test_scan(%s)" % (SRC, ", ".join("requests[%s]" % mc for mc in macros))
    add("req-scan-%d" % n, "request", raw, "error", [],
        "three pipelined requests; the first is an HTTP/1.1 request without a Host field, so the stream fails before any message completes; differs from http-parser (accepts all three): " + HOST_NOTE,
        src)
    hraw = pipe_host(macros)
    hmsgs = []
    for mc in macros:
        raw1, expect1, messages1, hv1 = REQ_BY_MACRO[mc]
        if hv1:
            if hv1[1] != "ok":
                break
            hmsgs.extend(hv1[2])
        else:
            if expect1 != "ok":
                break
            hmsgs.extend(messages1)
    add("req-scan-%d-host" % n, "request", hraw, exp_h, hmsgs, DERIVED + note_h, src + " (variant: Host field added)")


with open(OUT, "w") as f:
    json.dump(cases, f, ensure_ascii=True, indent=1)
    f.write("\n")

counts = {}
for c in cases:
    counts[c["expect"]] = counts.get(c["expect"], 0) + 1
derived = sum(1 for c in cases if "variant:" in c["source"])
print("%d cases (%s); %d derived variants" % (len(cases), ", ".join("%s %d" % kv for kv in sorted(counts.items())), derived))
