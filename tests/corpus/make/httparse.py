#!/usr/bin/env python3
"""Build tests/corpus/httparse.json: h1wire conformance cases converted from the
test suite of httparse (https://github.com/seanmonstar/httparse, MIT OR
Apache-2.0), release 1.10.1: src/lib.rs (its `tests` module) and tests/uri.rs.

Only the test messages (bytes) are taken from httparse; every expectation is
decided by the strict profile of CONFORMANCE.md section 3 and RFC 9112/9110,
not by httparse's answer. Format: CONFORMANCE.md section 2.
"""
import json
import os
import re

from common import b2s as s, req, line_res as res

OUT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "httparse.json")
REPO = "seanmonstar/httparse"
LIB = REPO + " src/lib.rs (mod tests)"
URI = REPO + " tests/uri.rs"

CASES = []
IDS = set()


def add(cid, mode, inp, expect, messages, note, source, methods=()):
    cid = "httparse-" + cid
    assert cid not in IDS, cid
    assert expect in ("ok", "error", "either")
    assert isinstance(inp, bytes)
    IDS.add(cid)
    CASES.append({"id": cid, "mode": mode, "methods": list(methods),
                  "input": s(inp), "expect": expect, "messages": messages,
                  "note": note, "source": source})


def with_host(inp, host=b"example.com"):
    """Insert a Host field after the request-line, ended like that line
    (CRLF, or a bare LF where the request-line ends in one)."""
    start = len(inp) - len(inp.lstrip(b"\r\n"))
    i = inp.index(b"\n", start) + 1
    eol = b"\r\n" if inp[i - 2:i] == b"\r\n" else b"\n"
    return inp[:i] + b"Host: " + host + eol + inp[i:]


HOST_NOTE = ("the profile rejects this HTTP/1.1 request first for its missing "
             "Host field (RFC 9112 3.2: a server MUST answer 400 to an HTTP/1.1 "
             "request without Host; httparse does not check Host), so the "
             "error here is not the one the test is about; the case "
             "id + \"-host\" has a Host field")
VARIANT = " (variant: Host field added)"
HOSTV_NOTE = ("derived: the httparse case with `Host: example.com` inserted "
              "after the request-line, so that it tests what it was written for")

# ---------------------------------------------------------------- src/lib.rs
# req! macro cases and named tests of the `tests` module.


def lib_req_no_host(slug, test, inp, msg_for_host, what, peer_extra=""):
    """An httparse request case whose only fault under the profile is the
    missing Host field: the case itself (error) and its -host variant (ok)."""
    add(slug, "request", inp, "error", [],
        "differs from httparse, which accepts it (it does not check Host): "
        "%s. %s%s." % (what, HOST_NOTE, peer_extra),
        LIB + ": " + test)
    add(slug + "-host", "request", with_host(inp), "ok", [msg_for_host],
        "%s. %s." % (what, HOSTV_NOTE), LIB + ": " + test + VARIANT)


H = (b"Host", b"example.com")


def pair(slug, test, inp, note, vnote, vexpect="error", vmsgs=()):
    """A request case with no Host field that the profile rejects anyway (the
    note says why), and its -host variant: with a Host field the case tests
    its own feature, whatever a decoder does with a missing Host."""
    add(slug, "request", inp, "error", [],
        note + "; the request also lacks Host (RFC 9112 3.2), the case "
        "id + \"-host\" has one", LIB + ": " + test)
    add(slug + "-host", "request", with_host(inp), vexpect, list(vmsgs),
        vnote + ". " + HOSTV_NOTE, LIB + ": " + test + VARIANT)


lib_req_no_host(
    "request-simple", "test_request_simple", b"GET / HTTP/1.1\r\n\r\n",
    req(b"GET", b"/", headers=[H]), "minimal GET request, no fields")
lib_req_no_host(
    "request-simple-with-query-params", "test_request_simple_with_query_params",
    b"GET /thing?data=a HTTP/1.1\r\n\r\n",
    req(b"GET", b"/thing?data=a", headers=[H]), "origin-form target with a query")
lib_req_no_host(
    "request-simple-with-whatwg-query-params",
    "test_request_simple_with_whatwg_query_params",
    b"GET /thing?data=a^ HTTP/1.1\r\n\r\n",
    req(b"GET", b"/thing?data=a^", headers=[H]),
    "'^' in the query: RFC 3986 has no '^' in a query, but the profile bans "
    "only whitespace, control and DEL bytes in a request-target, so the "
    "target is accepted as is")

add("request-headers", "request",
    b"GET / HTTP/1.1\r\nHost: foo.com\r\nCookie: \r\n\r\n", "ok",
    [req(b"GET", b"/", headers=[(b"Host", b"foo.com"), (b"Cookie", b"")])],
    "two fields, the second with an empty value (field-value may be empty, "
    "RFC 9110 5.5); same answer as httparse",
    LIB + ": test_request_headers")
add("request-headers-optional-whitespace", "request",
    b"GET / HTTP/1.1\r\nHost: \tfoo.com\t \r\nCookie: \t \r\n\r\n", "ok",
    [req(b"GET", b"/", headers=[(b"Host", b"foo.com"), (b"Cookie", b"")])],
    "OWS (SP and HTAB) before and after field values is not part of the value "
    "(RFC 9112 5.1); a value of only OWS is empty; same answer as httparse",
    LIB + ": test_request_headers_optional_whitespace")
lib_req_no_host(
    "request-header-value-htab-short", "test_request_header_value_htab_short",
    b"GET / HTTP/1.1\r\nUser-Agent: some\tagent\r\n\r\n",
    req(b"GET", b"/", headers=[H, (b"User-Agent", b"some\tagent")]),
    "HTAB inside a field value is kept (field-content allows SP/HTAB between "
    "visible characters, RFC 9110 5.5); httparse tests its scalar scanner")
lib_req_no_host(
    "request-header-value-htab-med", "test_request_header_value_htab_med",
    b"GET / HTTP/1.1\r\nUser-Agent: 1234567890some\tagent\r\n\r\n",
    req(b"GET", b"/", headers=[H, (b"User-Agent", b"1234567890some\tagent")]),
    "HTAB inside a longer field value is kept (RFC 9110 5.5); httparse tests "
    "its SSE4.2 scanner")
lib_req_no_host(
    "request-header-value-htab-long", "test_request_header_value_htab_long",
    b"GET / HTTP/1.1\r\nUser-Agent: 1234567890some\t1234567890agent1234567890\r\n\r\n",
    req(b"GET", b"/", headers=[H, (b"User-Agent",
                                   b"1234567890some\t1234567890agent1234567890")]),
    "HTAB inside a 40-byte field value is kept (RFC 9110 5.5); httparse tests "
    "its AVX2 scanner")
lib_req_no_host(
    "request-header-no-space-after-colon", "test_request_header_no_space_after_colon",
    b"GET / HTTP/1.1\r\nUser-Agent:omg-no-space1234567890some1234567890agent1234567890\r\n\r\n",
    req(b"GET", b"/", headers=[H, (b"User-Agent",
                                   b"omg-no-space1234567890some1234567890agent1234567890")]),
    "no OWS after the colon (OWS may be empty, RFC 9112 5.1)")
lib_req_no_host(
    "request-headers-max", "test_request_headers_max",
    b"GET / HTTP/1.1\r\nA: A\r\nB: B\r\nC: C\r\nD: D\r\n\r\n",
    req(b"GET", b"/", headers=[H, (b"A", b"A"), (b"B", b"B"), (b"C", b"C"),
                                (b"D", b"D")]),
    "four one-letter fields (httparse checks that they fill its 4-slot header "
    "array; the profile's limit is 100 field lines)")
add("request-multibyte", "request",
    b"GET / HTTP/1.1\r\nHost: foo.com\r\nUser-Agent: \xe3\x81\xb2\xe3/1.0\r\n\r\n",
    "ok",
    [req(b"GET", b"/", headers=[(b"Host", b"foo.com"),
                                (b"User-Agent", b"\xe3\x81\xb2\xe3/1.0")])],
    "obs-text (bytes 0x80-0xFF, here a cut-off UTF-8 sequence) in a field "
    "value is allowed and kept as bytes (RFC 9110 5.5, profile: a value holds "
    "obs-text); same answer as httparse",
    LIB + ": test_request_multibyte")

PARTIAL_NOTE = ("the input stops inside the request-line or head; the dump "
                "then signals end of stream, so the stream is incomplete: "
                "error (httparse answers Partial, i.e. 'need more bytes', which "
                "is the same reading before end of stream)")
for slug, test, inp in [
        ("request-one-byte-method", "test_request_one_byte_method", b"G"),
        ("request-partial-method", "test_request_partial_method", b"GE"),
        ("request-method-no-delimiter", "test_request_method_no_delimiter", b"GET"),
        ("request-method-only", "test_request_method_only", b"GET "),
        ("request-partial", "test_request_partial", b"GET / HTTP/1.1\r\n\r"),
        ("request-partial-version", "test_request_partial_version", b"GET / HTTP/1."),
        ("request-method-path-no-delimiter", "test_request_method_path_no_delimiter",
         b"GET /"),
        ("request-method-path-only", "test_request_method_path_only", b"GET / "),
        ("request-partial-parses-headers-as-much-as-it-can",
         "test_request_partial_parses_headers_as_much_as_it_can",
         b"GET / HTTP/1.1\r\nHost: yolo\r\n"),
]:
    add(slug, "request", inp, "error", [], PARTIAL_NOTE + ": %r" % s(inp),
        LIB + ": " + test)

add("request-newlines", "request", b"GET / HTTP/1.1\nHost: foo.bar\n\n", "error", [],
    "differs from httparse: lines ending in a bare LF; httparse accepts LF as a "
    "line end (RFC 9112 2.2 lets a recipient do so), but the profile's lines end "
    "in CRLF and a bare LF is an error (accepting it is an off-by-default option)",
    LIB + ": test_request_newlines")
pair("request-empty-lines-prefix", "test_request_empty_lines_prefix",
     b"\r\n\r\nGET / HTTP/1.1\r\n\r\n",
     "differs from httparse: two empty lines before the request-line; httparse "
     "skips any number, the profile skips at most one (RFC 9112 2.2: a server "
     "SHOULD ignore at least one; the profile fixes it at one)",
     "differs from httparse: two empty lines before the request-line; the "
     "profile skips at most one: still an error, for the empty lines alone")
pair("request-empty-lines-prefix-lf-only", "test_request_empty_lines_prefix_lf_only",
     b"\n\nGET / HTTP/1.1\n\n",
     "differs from httparse: two bare-LF empty lines before the request-line "
     "and bare-LF line ends; httparse skips them and accepts LF line ends, the "
     "profile's lines end in CRLF (a bare LF is an error) and at most one empty "
     "line is skipped",
     "differs from httparse: bare-LF empty lines and line ends (the Host line "
     "ends in LF like the others): an error under the profile")
pair("request-path-backslash", "test_request_path_backslash",
     b"\n\nGET /\\?wayne\\=5 HTTP/1.1\n\n",
     "differs from httparse: httparse tests backslashes in the target, but "
     "the input starts with bare-LF empty lines and uses LF line ends, which "
     "the profile rejects first (CRLF line ends; at most one empty line); a "
     "backslash is itself a visible byte the profile allows in a target",
     "differs from httparse: bare-LF empty lines and line ends: an error "
     "under the profile, whatever the target")
add("request-with-invalid-token-delimiter", "request",
    b"GET\n/ HTTP/1.1\r\nHost: foo.bar\r\n\r\n", "error", [],
    "a LF where the SP after the method belongs: request-line = method SP "
    "request-target SP HTTP-version (RFC 9112 3); same answer as httparse "
    "(Token error)",
    LIB + ": test_request_with_invalid_token_delimiter")
add("request-with-invalid-but-short-version", "request",
    b"GET / HTTP/1!", "error", [],
    "'HTTP/1!' can never become HTTP/1.0 or HTTP/1.1 (and the stream ends); "
    "same answer as httparse (Version error)",
    LIB + ": test_request_with_invalid_but_short_version")
pair("request-with-empty-method", "test_request_with_empty_method",
     b" / HTTP/1.1\r\n\r\n",
     "empty method (the line starts with SP): method = token = 1*tchar "
     "(RFC 9110 9.1); same answer as httparse (Token error)",
     "empty method: still an error")
pair("request-with-empty-path", "test_request_with_empty_path",
     b"GET  HTTP/1.1\r\n\r\n",
     "empty request-target (two SPs): request-line = method SP request-target "
     "SP HTTP-version with single SPs and a non-empty target (RFC 9112 3); same "
     "answer as httparse (Token error)",
     "empty request-target: still an error")
pair("request-with-empty-method-and-path", "test_request_with_empty_method_and_path",
     b"  HTTP/1.1\r\n\r\n",
     "empty method and request-target; same answer as httparse (Token error)",
     "empty method and request-target: still an error")

# res! macro cases
add("response-simple", "response", b"HTTP/1.1 200 OK\r\n\r\n", "ok",
    [res("HTTP/1.1", 200, b"OK", framing="close")],
    "minimal 200 response, no fields: with neither Transfer-Encoding nor "
    "Content-Length the body runs to end of stream (RFC 9112 6.3 rule 8), here "
    "empty; httparse parses the head only",
    LIB + ": test_response_simple")
add("response-newlines", "response",
    b"HTTP/1.0 403 Forbidden\nServer: foo.bar\n\n", "error", [],
    "differs from httparse: status-line and field lines end in a bare LF; "
    "httparse accepts LF line ends, the profile's lines end in CRLF (bare LF "
    "is an error, accepting it is an option)",
    LIB + ": test_response_newlines")
add("response-reason-missing", "response", b"HTTP/1.1 200 \r\n\r\n", "ok",
    [res("HTTP/1.1", 200, b"", framing="close")],
    "empty reason-phrase after the SP (allowed, RFC 9112 4); body to end of "
    "stream, empty; same answer as httparse",
    LIB + ": test_response_reason_missing")
add("response-reason-missing-no-space", "response", b"HTTP/1.1 200\r\n\r\n",
    "error", [],
    "differs from httparse: no SP after the status code; httparse accepts it "
    "(reason \"\"), but status-line = HTTP-version SP status-code SP "
    "[reason-phrase] (RFC 9112 4) and the profile says the SP before the "
    "reason may not be left out",
    LIB + ": test_response_reason_missing_no_space")
add("response-reason-missing-no-space-with-headers", "response",
    b"HTTP/1.1 200\r\nFoo: bar\r\n\r\n", "error", [],
    "differs from httparse: no SP after the status code (then a field); "
    "httparse accepts it, the profile requires the SP before the reason "
    "(RFC 9112 4)",
    LIB + ": test_response_reason_missing_no_space_with_headers")
add("response-reason-with-space-and-tab", "response",
    b"HTTP/1.1 101 Switching Protocols\t\r\n\r\n", "ok",
    [res("HTTP/1.1", 101, b"Switching Protocols\t", framing="upgrade")],
    "reason-phrase with SP and a trailing HTAB (reason-phrase = 1*( HTAB / SP / "
    "VCHAR / obs-text ), RFC 9112 4): the reason is everything after the SP, "
    "untrimmed; a 101 response leaves HTTP/1 (framing upgrade, profile framing "
    "rule 1); same reason as httparse",
    LIB + ": test_response_reason_with_space_and_tab")
add("response-reason-with-obsolete-text-byte", "response",
    b"HTTP/1.1 200 X\xFFZ\r\n\r\n", "ok",
    [res("HTTP/1.1", 200, b"X\xffZ", framing="close")],
    "differs from httparse in the value only: obs-text (0xFF) in the "
    "reason-phrase is allowed (RFC 9112 4); httparse accepts the response but "
    "reports an empty reason as a fallback, the dump reports the reason bytes "
    "as received (the profile: the reason is everything after the SP)",
    LIB + ": test_response_reason_with_obsolete_text_byte")
add("response-reason-with-nul-byte", "response", b"HTTP/1.1 200 \x00\r\n\r\n",
    "error", [],
    "NUL in the reason-phrase (not HTAB/SP/VCHAR/obs-text, RFC 9112 4); same "
    "answer as httparse (Status error)",
    LIB + ": test_response_reason_with_nul_byte")
for slug, test, inp in [
        ("response-version-missing-space", "test_response_version_missing_space",
         b"HTTP/1.1"),
        ("response-code-missing-space", "test_response_code_missing_space",
         b"HTTP/1.1 200"),
        ("response-partial-parses-headers-as-much-as-it-can",
         "test_response_partial_parses_headers_as_much_as_it_can",
         b"HTTP/1.1 200 OK\r\nServer: yolo\r\n"),
]:
    add(slug, "response", inp, "error", [],
        PARTIAL_NOTE.replace("request-line", "status-line") + ": %r" % s(inp),
        LIB + ": " + test)
add("response-empty-lines-prefix-lf-only", "response",
    b"\n\nHTTP/1.1 200 OK\n\n", "error", [],
    "differs from httparse: empty (bare LF) lines before the status-line and a "
    "bare LF line end; httparse skips them, the profile skips no empty line "
    "before a status-line and requires CRLF line ends",
    LIB + ": test_response_empty_lines_prefix_lf_only")
add("response-no-cr", "response",
    b"HTTP/1.0 200\nContent-type: text/html\n\n", "error", [],
    "differs from httparse: bare LF line ends and no SP after the status code; "
    "httparse accepts both, the profile rejects both (CRLF line ends; SP before "
    "the reason, RFC 9112 4)",
    LIB + ": test_response_no_cr")

# partial_permutations: every prefix of a request
PP = b"GET / HTTP/1.1\r\n\r\n"
for i in range(len(PP)):
    if i == 0:
        add("partial-permutations-00", "request", b"", "ok", [],
            "the empty prefix: a stream that ends before any byte ends between "
            "messages, which is no error and no message (CONFORMANCE.md "
            "section 1); httparse answers Partial (it has no end of stream)",
            LIB + ": partial_permutations (prefix of length 0)")
    else:
        add("partial-permutations-%02d" % i, "request", PP[:i], "error", [],
            "a prefix of %d bytes of %r: the stream ends inside the message, "
            "so it is incomplete: error (httparse answers Partial for every "
            "prefix)" % (i, s(PP)),
            LIB + ": partial_permutations (prefix of length %d)" % i)

# header name / colon
add("response-whitespace-between-header-name-and-colon", "response",
    b"HTTP/1.1 200 OK\r\nAccess-Control-Allow-Credentials : true\r\nBread: baguette\r\n\r\n",
    "error", [],
    "SP between field name and colon: RFC 9112 5.1 says a server MUST reject "
    "it and a proxy MUST remove it; the profile makes any whitespace before "
    "the colon an error in both directions. httparse rejects it by default "
    "(same answer); its options allow_spaces_after_header_name_in_responses "
    "(accepts the field) and ignore_invalid_headers_in_responses (drops the "
    "line) are converted with the strict expectation",
    LIB + ": test_forbid_response_with_whitespace_between_header_name_and_colon, "
    "test_allow_response_with_whitespace_between_header_name_and_colon, "
    "test_ignore_header_line_with_whitespaces_after_header_name_in_response")
add("request-whitespace-between-header-name-and-colon", "request",
    b"GET / HTTP/1.1\r\nHost : localhost\r\n\r\n", "error", [],
    "SP between field name and colon in a request: a server MUST reject it "
    "with 400 (RFC 9112 5.1); httparse rejects it by default (same answer); "
    "its option ignore_invalid_headers_in_requests (drops the line) is "
    "converted with the strict expectation",
    LIB + ": test_forbid_request_with_whitespace_between_header_name_and_colon, "
    "test_ignore_header_line_with_whitespaces_after_header_name_in_request")

OBS = ("differs from httparse's default: httparse rejects obs-fold unless "
       "allow_obsolete_multiline_headers_in_responses is set; the profile "
       "accepts obs-fold in responses and reads the value as if each fold "
       "(OWS CRLF RWS, RFC 9112 5.2) were one SP, then trims OWS")
add("response-obsolete-line-folding-at-start", "response",
    b"HTTP/1.1 200 OK\r\nLine-Folded-Header: \r\n   \r\n hello there\r\n\r\n", "ok",
    [res("HTTP/1.1", 200, b"OK", headers=[(b"Line-Folded-Header", b"hello there")])],
    OBS + ": two folds (the first continuation line holds only SPs) before "
    "the text; the leading SPs are OWS, so the value is \"hello there\" "
    "(httparse with the option gives the same)",
    LIB + ": test_forbid_response_with_obsolete_line_folding_at_start, "
    "test_allow_response_with_obsolete_line_folding_at_start")
add("response-obsolete-line-folding-at-end", "response",
    b"HTTP/1.1 200 OK\r\nLine-Folded-Header: hello there\r\n   \r\n \r\n\r\n", "ok",
    [res("HTTP/1.1", 200, b"OK", headers=[(b"Line-Folded-Header", b"hello there")])],
    OBS + ": two whitespace-only continuation lines after the text; the "
    "trailing SPs are OWS, so the value is \"hello there\" (httparse with "
    "the option gives the same)",
    LIB + ": test_forbid_response_with_obsolete_line_folding_at_end, "
    "test_allow_response_with_obsolete_line_folding_at_end")
add("response-obsolete-line-folding-in-middle", "response",
    b"HTTP/1.1 200 OK\r\nLine-Folded-Header: hello  \r\n \r\n there\r\n\r\n", "ok",
    [res("HTTP/1.1", 200, b"OK", headers=[(b"Line-Folded-Header", b"hello  there")])],
    OBS + ": between \"hello\" and \"there\" lie two obs-folds, \"  CRLF SP\" "
    "and \"CRLF SP\" (OWS cannot hold a CRLF, so they cannot be one fold); "
    "each reads as one SP, so the value is \"hello\" SP SP \"there\" (httparse "
    "with the option keeps the raw bytes \"hello  \\r\\n \\r\\n there\"; RFC 9112 "
    "5.2 asks a user agent to replace each obs-fold with one or more SP)",
    LIB + ": test_forbid_response_with_obsolete_line_folding_in_middle, "
    "test_allow_response_with_obsolete_line_folding_in_middle")
add("response-obsolete-line-folding-in-empty-header", "response",
    b"HTTP/1.1 200 OK\r\nLine-Folded-Header:   \r\n \r\n \r\n\r\n", "ok",
    [res("HTTP/1.1", 200, b"OK", headers=[(b"Line-Folded-Header", b"")])],
    OBS + ": a value made only of OWS and folds is empty (httparse with the "
    "option gives the same)",
    LIB + ": test_forbid_response_with_obsolete_line_folding_in_empty_header, "
    "test_allow_response_with_obsolete_line_folding_in_empty_header")

# test_chunk_size: each parse_chunk_size input becomes a chunked request body
# after this head (the chunk-size line is httparse's; the data, its CRLF and
# the last chunk are added where the size allows, to finish the message).
CH = b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
CHT = LIB + ": test_chunk_size, parse_chunk_size(%s)"
CHN = "chunk-size line %s from httparse's parse_chunk_size test, in a chunked request body"


def chunked(body=b"", trailers=()):
    return req(b"POST", b"/", headers=[(b"Host", b"a"), (b"Transfer-Encoding", b"chunked")],
               framing="chunked", body=body, trailers=trailers)


add("chunk-size-0", "request", CH + b"0\r\n\r\n", "ok", [chunked()],
    (CHN % "\"0\"") + ": the last chunk, then an empty trailer section; an empty "
    "body; same reading as httparse (size 0)", CHT % 'b"0\\r\\n"')
D12 = b"chunk" + b"0123456789abc"
add("chunk-size-12", "request", CH + b"12\r\n" + D12 + b"\r\n0\r\n\r\n", "ok",
    [chunked(D12)],
    (CHN % "\"12\"") + ": hex 12 = 18 bytes of data (httparse's \"chunk\" "
    "followed by 13 added bytes), then the last chunk; same size as httparse (18)",
    CHT % 'b"12\\r\\nchunk"')
D3086D = (b"0123456789abcdef" * (0x3086d // 16 + 1))[:0x3086d]
add("chunk-size-3086d", "request", CH + b"3086d\r\n" + D3086D + b"\r\n0\r\n\r\n", "ok",
    [chunked(D3086D)],
    (CHN % "\"3086d\"") + ": lowercase hex 3086d = 198765 bytes of data (added), "
    "then the last chunk; same size as httparse (198765)",
    CHT % 'b"3086d\\r\\n"')
add("chunk-size-3735ab1-ext-foo-bar", "request", CH + b"3735AB1;foo bar*\r\nhello",
    "error", [],
    "differs from httparse: " + (CHN % "\"3735AB1;foo bar*\"") + ": the extension \"foo bar*\" is not "
    "chunk-ext = *( BWS \";\" BWS chunk-ext-name [ BWS \"=\" BWS chunk-ext-val ] ) "
    "(RFC 9112 7.1.1): after the name \"foo\" only \"=\", \";\" or the CRLF may "
    "follow; httparse skips any bytes after \";\" and "
    "reads size 57891505. The 57 MB of data that size announces cannot be "
    "carried here, so the input stops after 5 bytes of data and a decoder that "
    "accepted the extension also ends in an error (incomplete): the case "
    "\"-small\" has the same extension on a 5-byte chunk",
    CHT % 'b"3735AB1;foo bar*\\r\\n"')
add("chunk-size-3735ab1-ext-foo-bar-small", "request",
    CH + b"5;foo bar*\r\nhello\r\n0\r\n\r\n", "error", [],
    "differs from httparse: derived from its chunk-size line \"3735AB1;foo bar*\" with the size "
    "made 5 so that the whole message fits: the extension \"foo bar*\" is "
    "invalid (RFC 9112 7.1.1: a name may be followed only by BWS \"=\" value, "
    "another \";\" or the CRLF); httparse ignores every "
    "byte after \";\"",
    CHT % 'b"3735AB1;foo bar*\\r\\n"' + " (variant: size 5)")
add("chunk-size-3735ab1-bws-ext-baz", "request", CH + b"3735ab1 ; baz \r\nhello",
    "error", [],
    "differs from httparse: " + (CHN % "\"3735ab1 ; baz \"") + ": BWS before and after \";\" is allowed "
    "(RFC 9112 7.1.1, profile), but BWS after an extension name may only come "
    "before \"=\"; here SP follows \"baz\" and then the CRLF, so the line is "
    "invalid; httparse accepts it (size 57891505). The "
    "announced 57 MB of data cannot be carried, so the input stops after 5 "
    "bytes of data: see the case \"-small\"",
    CHT % 'b"3735ab1 ; baz \\r\\n"')
add("chunk-size-3735ab1-bws-ext-baz-small", "request",
    CH + b"5 ; baz \r\nhello\r\n0\r\n\r\n", "error", [],
    "differs from httparse: derived from its chunk-size line \"3735ab1 ; baz \" with the size "
    "made 5: BWS around \";\" is fine, but the SP after the extension name "
    "\"baz\" is followed by the CRLF, not by \"=\" (RFC 9112 7.1.1: chunk-ext-name "
    "[ BWS \"=\" BWS chunk-ext-val ]); httparse accepts it",
    CHT % 'b"3735ab1 ; baz \\r\\n"' + " (variant: size 5)")
add("chunk-size-77a65-cr-eof", "request", CH + b"77a65\r", "error", [],
    (CHN % "\"77a65\\r\"") + ": the stream ends after the CR of the chunk-size "
    "line, so the message is incomplete (httparse: Partial)",
    CHT % 'b"77a65\\r"')
add("chunk-size-ab-eof", "request", CH + b"ab", "error", [],
    (CHN % "\"ab\"") + ": the stream ends inside the chunk-size line, so the "
    "message is incomplete (httparse: Partial)", CHT % 'b"ab"')
add("chunk-size-567f8a-bare-cr", "request", CH + b"567f8a\rfoo", "error", [],
    (CHN % "\"567f8a\\rfoo\"") + ": a CR not followed by LF ends the size line "
    "(the profile: a CR not followed by LF is an error); same answer as "
    "httparse (InvalidChunkSize; httparse lists this input twice)",
    CHT % 'b"567f8a\\rfoo"')
add("chunk-size-567xf8a", "request", CH + b"567xf8a\r\n", "error", [],
    (CHN % "\"567xf8a\"") + ": 'x' is not a HEXDIG and no \";\" came before "
    "it; same answer as httparse (InvalidChunkSize)", CHT % 'b"567xf8a\\r\\n"')
add("chunk-size-u64-max", "request", CH + b"ffffffffffffffff\r\nhello", "error", [],
    (CHN % "\"ffffffffffffffff\"") + ": 2^64-1 fits u64, so the size is valid "
    "(profile: chunk-size fits u64; httparse: size u64::MAX), but that much "
    "data cannot follow: the input ends after 5 bytes of data, an incomplete "
    "message. The case only checks that the largest size is handled without "
    "a crash (an overflow rejection also ends in an error)",
    CHT % 'b"ffffffffffffffff\\r\\n"')
for slug, line in [("chunk-size-1-then-16-f-overflow", b"1ffffffffffffffff"),
                   ("chunk-size-a-then-16-f-overflow", b"Affffffffffffffff"),
                   ("chunk-size-17-f-overflow", b"fffffffffffffffff")]:
    add(slug, "request", CH + line + b"\r\nhello\r\n0\r\n\r\n", "error", [],
        (CHN % ('"%s"' % s(line))) + ": 17 significant hex digits do not fit "
        "u64 (profile: chunk-size fits u64); same answer as httparse "
        "(InvalidChunkSize). A decoder that wrapped the value would also fail "
        "here (the wrapped size is 2^64-1 and the data is short)",
        CHT % ('b"%s\\r\\n"' % s(line)))

# status-line / request-line delimiters
add("response-multiple-space-delimiters", "response",
    b"HTTP/1.1   200  OK\r\n\r\n", "error", [],
    "several SPs between the parts of the status-line: status-line = "
    "HTTP-version SP status-code SP reason-phrase with single SPs (RFC 9112 4; "
    "the profile: single SPs); httparse rejects it by default (same answer); "
    "its option allow_multiple_spaces_in_response_status_delimiters (accepts "
    "it) is converted with the strict expectation",
    LIB + ": test_forbid_response_with_multiple_space_delimiters, "
    "test_allow_response_with_multiple_space_delimiters")
add("response-weird-whitespace-delimiters", "response",
    b"HTTP/1.1 200\rOK\r\n\r\n", "error", [],
    "a bare CR in place of the SP after the status code (the profile: a CR not "
    "followed by LF is an error; RFC 9112 4 lets a recipient parse such "
    "whitespace leniently, the profile does not); same answer as httparse, "
    "with and without allow_multiple_spaces_in_response_status_delimiters",
    LIB + ": test_forbid_response_with_weird_whitespace_delimiters, "
    "test_still_forbid_response_with_weird_whitespace_delimiters")
pair("request-multiple-space-delimiters",
     "test_forbid_request_with_multiple_space_delimiters, "
     "test_allow_request_with_multiple_space_delimiters",
     b"GET  /    HTTP/1.1\r\n\r\n",
     "several SPs between the parts of the request-line: the profile requires "
     "single SPs (RFC 9112 3 lets a recipient accept other whitespace, the "
     "profile does not); httparse rejects it by default (same answer); its "
     "option allow_multiple_spaces_in_request_line_delimiters (accepts it) is "
     "converted with the strict expectation",
     "several SPs in the request-line: still an error")
pair("request-weird-whitespace-delimiters",
     "test_forbid_request_with_weird_whitespace_delimiters, "
     "test_still_forbid_request_with_weird_whitespace_delimiters",
     b"GET\r/\rHTTP/1.1\r\n\r\n",
     "bare CRs in place of the SPs of the request-line (a CR not followed by LF "
     "is an error); same answer as httparse, with and without "
     "allow_multiple_spaces_in_request_line_delimiters",
     "bare CRs as request-line delimiters: still an error")
pair("request-multiple-spaces-and-bad-path",
     "test_request_with_multiple_spaces_and_bad_path",
     b"GET   /foo ohno HTTP/1.1\r\n\r\n",
     "several SPs after the method, and a SP inside what would be the target "
     "(\"/foo ohno\"), so the line has four parts; httparse with "
     "allow_multiple_spaces_in_request_line_delimiters also rejects it "
     "(Version error): same answer",
     "several SPs and a SP inside the target: still an error")
pair("request-del-in-path", "test_request_with_del_in_path",
     b"GET   /foo\x7Fohno HTTP/1.1\r\n\r\n",
     "several SPs after the method and a DEL (0x7F) in the target: the "
     "profile bans DEL in a request-target and needs single SPs; httparse "
     "(with allow_multiple_spaces_in_request_line_delimiters) also rejects it "
     "(Token error): same answer",
     "several SPs and DEL in the target: still an error")

# test_all_utf8_char_in_paths: a sample of its byte sequences (the test walks
# every 2-, 3- and 4-byte sequence of bytes 0x80-0xFF after "GET /").
UTF8 = [
    ("2-byte-valid-c3-a9", b"\xc3\xa9", True),
    ("2-byte-invalid-80-80", b"\x80\x80", False),
    ("2-byte-invalid-overlong-c0-af", b"\xc0\xaf", False),
    ("3-byte-valid-e2-80-99", b"\xe2\x80\x99", True),
    ("3-byte-invalid-surrogate-ed-a0-80", b"\xed\xa0\x80", False),
    ("3-byte-invalid-overlong-e0-80-80", b"\xe0\x80\x80", False),
    ("4-byte-valid-f0-9f-92-96", b"\xf0\x9f\x92\x96", True),
    ("4-byte-invalid-f4-90-80-80", b"\xf4\x90\x80\x80", False),
    ("4-byte-invalid-ff-ff-ff-ff", b"\xff\xff\xff\xff", False),
]
for slug, seq, valid in UTF8:
    inp = b"GET /" + seq + b" HTTP/1.1\r\n\r\n"
    peer = ("httparse accepts it (valid UTF-8)" if valid else
            "httparse rejects it (not valid UTF-8: Token error)")
    pair("all-utf8-char-in-paths-" + slug, "test_all_utf8_char_in_paths (a sample)",
         inp,
         ("differs from httparse: " if valid else "") +
         "bytes %s after \"GET /\": bytes 0x80-0xFF in a request-target are "
         "`either` under the profile, but the request has no Host field, so "
         "it is an error whatever the decoder does with the target; %s"
         % (seq.hex(" "), peer),
         "bytes %s in the target: the profile leaves bytes 0x80-0xFF in a "
         "request-target open (`either`: the URI grammar has none, RFC 9112 "
         "3.2 lets a server answer 400 or redirect) and does not look at UTF-8 "
         "validity; %s" % (seq.hex(" "), peer),
         vexpect="either",
         vmsgs=[req(b"GET", b"/" + seq, headers=[H])])

add("response-with-spaces-in-code", "response", b"HTTP/1.1 99 200 OK\r\n\r\n",
    "error", [],
    "a two-digit status code: status-code = 3DIGIT (RFC 9112 4); same answer "
    "as httparse (Status error, with "
    "allow_multiple_spaces_in_response_status_delimiters)",
    LIB + ": test_response_with_spaces_in_code")

# header-name and header-value tests (each input once; the tests that run the
# same input under httparse's options are listed in "source")
RESP_NOTE_OPT = (" httparse's options (allow_spaces_after_header_name_in_responses, "
                 "allow_obsolete_multiline_headers_in_responses, "
                 "ignore_invalid_headers_in_responses) are converted with the "
                 "strict expectation")
REQ_NOTE_OPT = (" httparse's option ignore_invalid_headers_in_requests (drops the "
                "bad line) is converted with the strict expectation")

add("response-with-empty-header-name", "response",
    b"HTTP/1.1 200 OK\r\n: hello\r\nBread: baguette\r\n\r\n", "error", [],
    "a field line with an empty name: field-name = token, 1 or more tchar "
    "(RFC 9110 5.1); httparse rejects it (same answer), and with "
    "ignore_invalid_headers_in_responses drops the line." + RESP_NOTE_OPT,
    LIB + ": test_response_with_empty_header_name")
pair("request-with-empty-header-name", "test_request_with_empty_header_name",
     b"GET / HTTP/1.1\r\n: hello\r\nBread: baguette\r\n\r\n",
     "a field line with an empty name (field-name = token, RFC 9110 5.1); same "
     "answer as httparse (HeaderName error)." + REQ_NOTE_OPT,
     "a field line with an empty name: still an error")
pair("request-with-whitespace-between-header-name-and-colon",
     "test_request_with_whitespace_between_header_name_and_colon",
     b"GET / HTTP/1.1\r\nAccess-Control-Allow-Credentials  : true\r\nBread: baguette\r\n\r\n",
     "two SPs between field name and colon: a server MUST reject it (RFC 9112 "
     "5.1); same answer as httparse, which rejects it even with its "
     "response-only options set",
     "whitespace before the colon: still an error")
add("response-with-invalid-char-between-header-name-and-colon", "response",
    b"HTTP/1.1 200 OK\r\nAccess-Control-Allow-Credentials\xFF  : true\r\nBread: baguette\r\n\r\n",
    "error", [],
    "a 0xFF byte and SPs between field name and colon: not a token and "
    "whitespace before the colon (RFC 9110 5.1, RFC 9112 5.1); httparse rejects "
    "it (same answer), and with ignore_invalid_headers_in_responses drops the "
    "line." + RESP_NOTE_OPT,
    LIB + ": test_response_with_invalid_char_between_header_name_and_colon")
pair("request-with-invalid-char-between-header-name-and-colon",
     "test_request_with_invalid_char_between_header_name_and_colon",
     b"GET / HTTP/1.1\r\nAccess-Control-Allow-Credentials\xFF  : true\r\nBread: baguette\r\n\r\n",
     "a 0xFF byte and SPs between field name and colon; same answer as "
     "httparse (HeaderName error)." + REQ_NOTE_OPT,
     "a 0xFF byte and SPs before the colon: still an error")
add("response-header-line-with-missing-colon", "response",
    b"HTTP/1.1 200 OK\r\nAccess-Control-Allow-Credentials\r\nBread: baguette\r\n\r\n",
    "error", [],
    "a field line without a colon (field-line = field-name \":\" OWS field-value "
    "OWS, RFC 9112 5); httparse rejects it (same answer), and with "
    "ignore_invalid_headers_in_responses drops the line." + RESP_NOTE_OPT,
    LIB + ": test_ignore_header_line_with_missing_colon_in_response")
pair("request-header-line-with-missing-colon",
     "test_ignore_header_line_with_missing_colon_in_request",
     b"GET / HTTP/1.1\r\nAccess-Control-Allow-Credentials\r\nBread: baguette\r\n\r\n",
     "a field line without a colon (RFC 9112 5); same answer as httparse "
     "(HeaderName error)." + REQ_NOTE_OPT,
     "a field line without a colon: still an error")
add("response-header-with-missing-colon-with-folding", "response",
    b"HTTP/1.1 200 OK\r\nAccess-Control-Allow-Credentials   \r\n hello\r\nBread: baguette\r\n\r\n",
    "error", [],
    "a field name followed by SPs and no colon, then a continuation line: the "
    "first line is no field line (no colon), so there is nothing to fold into; "
    "httparse rejects it even with allow_obsolete_multiline_headers and "
    "allow_spaces_after_header_name (same answer), and with "
    "ignore_invalid_headers_in_responses drops both lines." + RESP_NOTE_OPT,
    LIB + ": test_response_header_with_missing_colon_with_folding")
pair("request-header-with-missing-colon-with-folding",
     "test_request_header_with_missing_colon_with_folding",
     b"GET / HTTP/1.1\r\nAccess-Control-Allow-Credentials   \r\n hello\r\nBread: baguette\r\n\r\n",
     "a field name with SPs and no colon, then an obs-fold line (obs-fold is an "
     "error in requests anyway); same answer as httparse (HeaderName error)."
     + REQ_NOTE_OPT,
     "no colon, then an obs-fold line: still an error")
add("response-header-with-nul-in-header-name", "response",
    b"HTTP/1.1 200 OK\r\nAccess-Control-Allow-Cred\0entials: hello\r\nBread: baguette\r\n\r\n",
    "error", [],
    "NUL inside a field name (not a tchar, RFC 9110 5.1); same answer as "
    "httparse, with and without ignore_invalid_headers_in_responses",
    LIB + ": test_response_header_with_nul_in_header_name")
pair("request-header-with-nul-in-header-name", "test_request_header_with_nul_in_header_name",
     b"GET / HTTP/1.1\r\nAccess-Control-Allow-Cred\0entials: hello\r\nBread: baguette\r\n\r\n",
     "NUL inside a field name; same answer as httparse, with and without "
     "ignore_invalid_headers_in_requests",
     "NUL inside a field name: still an error")
add("response-header-with-cr-in-header-name", "response",
    b"HTTP/1.1 200 OK\r\nAccess-Control-Allow-Cred\rentials: hello\r\nBread: baguette\r\n\r\n",
    "error", [],
    "a bare CR inside a field name (not a tchar; a CR not followed by LF is an "
    "error); same answer as httparse, with and without "
    "ignore_invalid_headers_in_responses",
    LIB + ": test_header_with_cr_in_header_name (response)")
pair("request-header-with-cr-in-header-name", "test_header_with_cr_in_header_name (request)",
     b"GET / HTTP/1.1\r\nAccess-Control-Allow-Cred\rentials: hello\r\nBread: baguette\r\n\r\n",
     "a bare CR inside a field name; same answer as httparse, with and without "
     "ignore_invalid_headers_in_requests",
     "a bare CR inside a field name: still an error")
add("response-header-with-nul-in-whitespace-before-colon", "response",
    b"HTTP/1.1 200 OK\r\nAccess-Control-Allow-Credentials   \0: hello\r\nBread: baguette\r\n\r\n",
    "error", [],
    "SPs and a NUL between field name and colon; same answer as httparse, "
    "with allow_spaces_after_header_name_in_responses and "
    "ignore_invalid_headers_in_responses",
    LIB + ": test_header_with_nul_in_whitespace_before_colon (response)")
pair("request-header-with-nul-in-whitespace-before-colon",
     "test_header_with_nul_in_whitespace_before_colon (request)",
     b"GET / HTTP/1.1\r\nAccess-Control-Allow-Credentials   \0: hello\r\nBread: baguette\r\n\r\n",
     "SPs and a NUL between field name and colon; same answer as httparse, "
     "with ignore_invalid_headers_in_requests",
     "SPs and NUL before the colon: still an error")
add("response-header-with-nul-in-value", "response",
    b"HTTP/1.1 200 OK\r\nAccess-Control-Allow-Credentials: hell\0o\r\nBread: baguette\r\n\r\n",
    "error", [],
    "NUL in a field value (RFC 9110 5.5: a recipient of NUL in a value MUST "
    "reject the message or replace it with SP; the profile: never NUL); same "
    "answer as httparse, with and without ignore_invalid_headers_in_responses",
    LIB + ": test_header_with_nul_in_value (response)")
pair("request-header-with-nul-in-value", "test_header_with_nul_in_value (request)",
     b"GET / HTTP/1.1\r\nAccess-Control-Allow-Credentials: hell\0o\r\nBread: baguette\r\n\r\n",
     "NUL in a field value (RFC 9110 5.5; the profile: never NUL); same answer "
     "as httparse, with and without ignore_invalid_headers_in_requests",
     "NUL in a field value: still an error")
add("response-header-with-invalid-char-in-value", "response",
    b"HTTP/1.1 200 OK\r\nAccess-Control-Allow-Credentials: hell\x01o\r\nBread: baguette\r\n\r\n",
    "error", [],
    "a control byte 0x01 in a field value (the profile: a value holds VCHAR, "
    "SP, HTAB and obs-text only); httparse rejects it (same answer), and with "
    "ignore_invalid_headers_in_responses drops the line." + RESP_NOTE_OPT,
    LIB + ": test_header_with_invalid_char_in_value (response)")
pair("request-header-with-invalid-char-in-value",
     "test_header_with_invalid_char_in_value (request)",
     b"GET / HTTP/1.1\r\nAccess-Control-Allow-Credentials: hell\x01o\r\nBread: baguette\r\n\r\n",
     "a control byte 0x01 in a field value; httparse rejects it (same answer)."
     + REQ_NOTE_OPT,
     "0x01 in a field value: still an error")
add("response-header-with-invalid-char-in-value-with-folding", "response",
    b"HTTP/1.1 200 OK\r\nAccess-Control-Allow-Credentials: hell\x01o  \n world!\r\nBread: baguette\r\n\r\n",
    "error", [],
    "a control byte 0x01 in a field value, whose line then ends in a bare LF "
    "followed by a continuation line: both the 0x01 and the bare LF are errors "
    "under the profile; httparse rejects it (same answer), and with "
    "ignore_invalid_headers_in_responses drops the lines." + RESP_NOTE_OPT,
    LIB + ": test_header_with_invalid_char_in_value_with_folding (response)")
pair("request-header-with-invalid-char-in-value-with-folding",
     "test_header_with_invalid_char_in_value_with_folding (request)",
     b"GET / HTTP/1.1\r\nAccess-Control-Allow-Credentials: hell\x01o  \n world!\r\nBread: baguette\r\n\r\n",
     "0x01 in a field value, a bare LF and a continuation line; httparse "
     "rejects it (same answer)." + REQ_NOTE_OPT,
     "0x01, a bare LF and a continuation line: still an error")

add("response-with-space-before-first-header", "response",
    b"HTTP/1.1 200 OK\r\n Space-Before-Header: hello there\r\n\r\n", "either",
    [res("HTTP/1.1", 200, b"OK", headers=[])],
    "a whitespace-preceded line between the status-line and the first field: "
    "RFC 9112 2.2 says a recipient MUST either reject the message or ignore "
    "each such line (and following whitespace-preceded lines) without "
    "processing it; it is no obs-fold (there is no field before it), so the "
    "profile's obs-fold rule does not apply and the RFC's two readings remain: "
    "`either`, and if accepted the line is dropped (no field, body to end of "
    "stream). httparse rejects it by default; with "
    "allow_space_before_first_header_name it reads the line as a field "
    "Space-Before-Header, which the RFC does not allow (that reading would "
    "fail this case)",
    LIB + ": test_forbid_response_with_space_before_first_header, "
    "test_allow_response_response_with_space_before_first_header")
add("response-no-space-after-colon", "response",
    b"HTTP/1.1 200 OK\r\nfoo:bar\r\n\r\n", "ok",
    [res("HTTP/1.1", 200, b"OK", headers=[(b"foo", b"bar")])],
    "no OWS after the colon (OWS may be empty, RFC 9112 5.1); body to end of "
    "stream, empty; same answer as httparse",
    LIB + ": test_no_space_after_colon")
pair("request-with-leading-space", "test_request_with_leading_space",
     b" GET / HTTP/1.1\r\nfoo:bar\r\n\r\n",
     "a SP before the method: the request-line starts with the method token "
     "(RFC 9112 3); same answer as httparse (Token error)",
     "a SP before the method: still an error")
pair("request-with-invalid-method", "test_request_with_invalid_method",
     b"P()ST / HTTP/1.1\r\nfoo:bar\r\n\r\n",
     "\"(\" and \")\" are delimiters, not tchar, so P()ST is not a token "
     "(RFC 9110 5.6.2, 9.1); same answer as httparse (Token error)",
     "a method that is not a token: still an error")
add("utf8-in-path-ok", "request",
    b"GET /test?post=I\xE2\x80\x99msorryIforkedyou HTTP/1.1\r\nHost: example.org\r\n\r\n",
    "either",
    [req(b"GET", b"/test?post=I\xe2\x80\x99msorryIforkedyou",
         headers=[(b"Host", b"example.org")])],
    "UTF-8 bytes (E2 80 99) in the query of the target: bytes 0x80-0xFF in a "
    "request-target are `either` under the profile (the URI grammar has none; "
    "RFC 9112 3.2 lets a server answer 400 or redirect); httparse accepts it",
    LIB + ": test_utf8_in_path_ok")
add("bad-utf8-in-path", "request",
    b"GET /test?post=I\xE2msorryIforkedyou HTTP/1.1\r\nHost: example.org\r\n\r\n",
    "either",
    [req(b"GET", b"/test?post=I\xe2msorryIforkedyou",
         headers=[(b"Host", b"example.org")])],
    "a lone 0xE2 (not valid UTF-8) in the target: the profile leaves bytes "
    "0x80-0xFF in a request-target open (`either`) and does not look at UTF-8 "
    "validity; httparse rejects it (Token error), which `either` allows",
    LIB + ": test_bad_utf8_in_path")

# Skipped: test_method_within_buffer only checks that the returned method
# string points inside the input buffer (a memory property with no corpus
# equivalent); its input is test_request_simple's, converted above.
URI_CASES = [
    ('urltest_001', b'GET /bar;par?b HTTP/1.1\r\nHost: foo\r\n\r\n', 'ok'),
    ('urltest_002', b'GET /x HTTP/1.1\r\nHost: test\r\n\r\n', 'ok'),
    ('urltest_003', b'GET /x HTTP/1.1\r\nHost: test\r\n\r\n', 'ok'),
    ('urltest_004', b'GET /foo/foo.com HTTP/1.1\r\nHost: example.org\r\n\r\n', 'ok'),
    ('urltest_005', b'GET /foo/:foo.com HTTP/1.1\r\nHost: example.org\r\n\r\n', 'ok'),
    ('urltest_006', b'GET /foo/foo.com HTTP/1.1\r\nHost: example.org\r\n\r\n', 'ok'),
    ('urltest_007', b'GET  foo.com HTTP/1.1\r\nHost: \r\n\r\n', 'Token'),
    ('urltest_008', b'GET /%20b%20?%20d%20 HTTP/1.1\r\nHost: f\r\n\r\n', 'ok'),
    ('urltest_009', b'GET x x HTTP/1.1\r\nHost: \r\n\r\n', 'Version'),
    ('urltest_010', b'GET /c HTTP/1.1\r\nHost: f\r\n\r\n', 'ok'),
    ('urltest_011', b'GET /c HTTP/1.1\r\nHost: f\r\n\r\n', 'ok'),
    ('urltest_012', b'GET /c HTTP/1.1\r\nHost: f\r\n\r\n', 'ok'),
    ('urltest_013', b'GET /c HTTP/1.1\r\nHost: f\r\n\r\n', 'ok'),
    ('urltest_014', b'GET /c HTTP/1.1\r\nHost: f\r\n\r\n', 'ok'),
    ('urltest_015', b'GET /foo/bar HTTP/1.1\r\nHost: example.org\r\n\r\n', 'ok'),
    ('urltest_016', b'GET /foo/bar HTTP/1.1\r\nHost: example.org\r\n\r\n', 'ok'),
    ('urltest_017', b'GET /foo/:foo.com/ HTTP/1.1\r\nHost: example.org\r\n\r\n', 'ok'),
    ('urltest_018', b'GET /foo/:foo.com/ HTTP/1.1\r\nHost: example.org\r\n\r\n', 'ok'),
    ('urltest_019', b'GET /foo/: HTTP/1.1\r\nHost: example.org\r\n\r\n', 'ok'),
    ('urltest_020', b'GET /foo/:a HTTP/1.1\r\nHost: example.org\r\n\r\n', 'ok'),
    ('urltest_021', b'GET /foo/:/ HTTP/1.1\r\nHost: example.org\r\n\r\n', 'ok'),
    ('urltest_022', b'GET /foo/:/ HTTP/1.1\r\nHost: example.org\r\n\r\n', 'ok'),
    ('urltest_023', b'GET /foo/: HTTP/1.1\r\nHost: example.org\r\n\r\n', 'ok'),
    ('urltest_024', b'GET /foo/bar HTTP/1.1\r\nHost: example.org\r\n\r\n', 'ok'),
    ('urltest_025', b'GET /foo/bar HTTP/1.1\r\nHost: example.org\r\n\r\n', 'ok'),
    ('urltest_026', b'GET /foo/bar HTTP/1.1\r\nHost: example.org\r\n\r\n', 'ok'),
    ('urltest_027', b'GET /foo/bar HTTP/1.1\r\nHost: example.org\r\n\r\n', 'ok'),
    ('urltest_028', b'GET /foo/bar HTTP/1.1\r\nHost: example.org\r\n\r\n', 'ok'),
    ('urltest_029', b'GET /foo/:23 HTTP/1.1\r\nHost: example.org\r\n\r\n', 'ok'),
    ('urltest_030', b'GET /:23 HTTP/1.1\r\nHost: example.org\r\n\r\n', 'ok'),
    ('urltest_031', b'GET /foo/:: HTTP/1.1\r\nHost: example.org\r\n\r\n', 'ok'),
    ('urltest_032', b'GET /foo/::23 HTTP/1.1\r\nHost: example.org\r\n\r\n', 'ok'),
    ('urltest_033', b'GET /d HTTP/1.1\r\nHost: c\r\n\r\n', 'ok'),
    ('urltest_034', b'GET /foo/:@c:29 HTTP/1.1\r\nHost: example.org\r\n\r\n', 'ok'),
    ('urltest_035', b'GET //@ HTTP/1.1\r\nHost: foo.com\r\n\r\n', 'ok'),
    ('urltest_036', b'GET /b:c/d@foo.com/ HTTP/1.1\r\nHost: a\r\n\r\n', 'ok'),
    ('urltest_037', b'GET /bar.com/ HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_038', b'GET /////// HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_039', b'GET ///////bar.com/ HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_040', b'GET //:///// HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_041', b'GET /foo HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_042', b'GET /bar HTTP/1.1\r\nHost: foo\r\n\r\n', 'ok'),
    ('urltest_043', b'GET /path;a??e HTTP/1.1\r\nHost: foo\r\n\r\n', 'ok'),
    ('urltest_044', b'GET /abcd?efgh?ijkl HTTP/1.1\r\nHost: foo\r\n\r\n', 'ok'),
    ('urltest_045', b'GET /abcd HTTP/1.1\r\nHost: foo\r\n\r\n', 'ok'),
    ('urltest_046', b'GET /foo/[61:24:74]:98 HTTP/1.1\r\nHost: example.org\r\n\r\n', 'ok'),
    ('urltest_047', b'GET /foo/[61:27]/:foo HTTP/1.1\r\nHost: example.org\r\n\r\n', 'ok'),
    ('urltest_048', b'GET /example.com/ HTTP/1.1\r\nHost: example.org\r\n\r\n', 'ok'),
    ('urltest_049', b'GET /example.com/ HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_050', b'GET /example.com/ HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_051', b'GET /example.com/ HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_052', b'GET /example.com/ HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_053', b'GET /example.com/ HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_054', b'GET /example.com/ HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_055', b'GET /foo/example.com/ HTTP/1.1\r\nHost: example.org\r\n\r\n', 'ok'),
    ('urltest_056', b'GET example.com/ HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_057', b'GET example.com/ HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_058', b'GET example.com/ HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_059', b'GET example.com/ HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_060', b'GET example.com/ HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_061', b'GET /a/b/c HTTP/1.1\r\nHost: example.org\r\n\r\n', 'ok'),
    ('urltest_062', b'GET /a/%20/c HTTP/1.1\r\nHost: example.org\r\n\r\n', 'ok'),
    ('urltest_063', b'GET /a%2fc HTTP/1.1\r\nHost: example.org\r\n\r\n', 'ok'),
    ('urltest_064', b'GET /a/%2f/c HTTP/1.1\r\nHost: example.org\r\n\r\n', 'ok'),
    ('urltest_065', b'GET /foo/bar HTTP/1.1\r\nHost: example.org\r\n\r\n', 'ok'),
    ('urltest_066', b'GET text/html,test HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_067', b'GET 1234567890 HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_068', b'GET /c:/foo/bar.html HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_069', b'GET /c:////foo/bar.html HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_070', b'GET /C:/foo/bar HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_071', b'GET /C:/foo/bar HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_072', b'GET /C:/foo/bar HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_073', b'GET /file HTTP/1.1\r\nHost: server\r\n\r\n', 'ok'),
    ('urltest_074', b'GET /file HTTP/1.1\r\nHost: server\r\n\r\n', 'ok'),
    ('urltest_075', b'GET /file HTTP/1.1\r\nHost: server\r\n\r\n', 'ok'),
    ('urltest_076', b'GET /foo/bar.txt HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_077', b'GET /home/me HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_078', b'GET /test HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_079', b'GET /test HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_080', b'GET /tmp/mock/test HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_081', b'GET /tmp/mock/test HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_082', b'GET /foo HTTP/1.1\r\nHost: example.com\r\n\r\n', 'ok'),
    ('urltest_083', b'GET /.foo HTTP/1.1\r\nHost: example.com\r\n\r\n', 'ok'),
    ('urltest_084', b'GET /foo/ HTTP/1.1\r\nHost: example.com\r\n\r\n', 'ok'),
    ('urltest_085', b'GET /foo/ HTTP/1.1\r\nHost: example.com\r\n\r\n', 'ok'),
    ('urltest_086', b'GET /foo/ HTTP/1.1\r\nHost: example.com\r\n\r\n', 'ok'),
    ('urltest_087', b'GET /foo/ HTTP/1.1\r\nHost: example.com\r\n\r\n', 'ok'),
    ('urltest_088', b'GET /foo/..bar HTTP/1.1\r\nHost: example.com\r\n\r\n', 'ok'),
    ('urltest_089', b'GET /foo/ton HTTP/1.1\r\nHost: example.com\r\n\r\n', 'ok'),
    ('urltest_090', b'GET /a HTTP/1.1\r\nHost: example.com\r\n\r\n', 'ok'),
    ('urltest_091', b'GET /ton HTTP/1.1\r\nHost: example.com\r\n\r\n', 'ok'),
    ('urltest_092', b'GET /foo/ HTTP/1.1\r\nHost: example.com\r\n\r\n', 'ok'),
    ('urltest_093', b'GET /foo/%2e%2 HTTP/1.1\r\nHost: example.com\r\n\r\n', 'ok'),
    ('urltest_094', b'GET /%2e.bar HTTP/1.1\r\nHost: example.com\r\n\r\n', 'ok'),
    ('urltest_095', b'GET // HTTP/1.1\r\nHost: example.com\r\n\r\n', 'ok'),
    ('urltest_096', b'GET /foo/ HTTP/1.1\r\nHost: example.com\r\n\r\n', 'ok'),
    ('urltest_097', b'GET /foo/bar/ HTTP/1.1\r\nHost: example.com\r\n\r\n', 'ok'),
    ('urltest_098', b'GET /foo HTTP/1.1\r\nHost: example.com\r\n\r\n', 'ok'),
    ('urltest_099', b'GET /%20foo HTTP/1.1\r\nHost: example.com\r\n\r\n', 'ok'),
    ('urltest_100', b'GET /foo% HTTP/1.1\r\nHost: example.com\r\n\r\n', 'ok'),
    ('urltest_101', b'GET /foo%2 HTTP/1.1\r\nHost: example.com\r\n\r\n', 'ok'),
    ('urltest_102', b'GET /foo%2zbar HTTP/1.1\r\nHost: example.com\r\n\r\n', 'ok'),
    ('urltest_103', b'GET /foo%2%C3%82%C2%A9zbar HTTP/1.1\r\nHost: example.com\r\n\r\n', 'ok'),
    ('urltest_104', b'GET /foo%41%7a HTTP/1.1\r\nHost: example.com\r\n\r\n', 'ok'),
    ('urltest_105', b'GET /foo%C2%91%91 HTTP/1.1\r\nHost: example.com\r\n\r\n', 'ok'),
    ('urltest_106', b'GET /foo%00%51 HTTP/1.1\r\nHost: example.com\r\n\r\n', 'ok'),
    ('urltest_107', b'GET /(%28:%3A%29) HTTP/1.1\r\nHost: example.com\r\n\r\n', 'ok'),
    ('urltest_108', b'GET /%3A%3a%3C%3c HTTP/1.1\r\nHost: example.com\r\n\r\n', 'ok'),
    ('urltest_109', b'GET /foobar HTTP/1.1\r\nHost: example.com\r\n\r\n', 'ok'),
    ('urltest_110', b'GET //foo//bar HTTP/1.1\r\nHost: example.com\r\n\r\n', 'ok'),
    ('urltest_111', b'GET /%7Ffp3%3Eju%3Dduvgw%3Dd HTTP/1.1\r\nHost: example.com\r\n\r\n', 'ok'),
    ('urltest_112', b'GET /@asdf%40 HTTP/1.1\r\nHost: example.com\r\n\r\n', 'ok'),
    ('urltest_113', b'GET /%E4%BD%A0%E5%A5%BD%E4%BD%A0%E5%A5%BD HTTP/1.1\r\nHost: example.com\r\n\r\n', 'ok'),
    ('urltest_114', b'GET /%E2%80%A5/foo HTTP/1.1\r\nHost: example.com\r\n\r\n', 'ok'),
    ('urltest_115', b'GET /%EF%BB%BF/foo HTTP/1.1\r\nHost: example.com\r\n\r\n', 'ok'),
    ('urltest_116', b'GET /%E2%80%AE/foo/%E2%80%AD/bar HTTP/1.1\r\nHost: example.com\r\n\r\n', 'ok'),
    ('urltest_117', b'GET /foo?bar=baz HTTP/1.1\r\nHost: www.google.com\r\n\r\n', 'ok'),
    ('urltest_118', b'GET /foo?bar=baz HTTP/1.1\r\nHost: www.google.com\r\n\r\n', 'ok'),
    ('urltest_119', b'GET test HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_120', b'GET /foo%2Ehtml HTTP/1.1\r\nHost: www\r\n\r\n', 'ok'),
    ('urltest_121', b'GET /foo/html HTTP/1.1\r\nHost: www\r\n\r\n', 'ok'),
    ('urltest_122', b'GET /foo HTTP/1.1\r\nHost: www.google.com\r\n\r\n', 'ok'),
    ('urltest_123', b'GET /example.com/ HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_124', b'GET /example.com/ HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_125', b'GET /example.com/ HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_126', b'GET /example.com/ HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_127', b'GET /example.com/ HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_128', b'GET /example.com/ HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_129', b'GET example.com/ HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_130', b'GET example.com/ HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_131', b'GET example.com/ HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_132', b'GET example.com/ HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_133', b'GET example.com/ HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_134', b'GET /test.txt HTTP/1.1\r\nHost: www.example.com\r\n\r\n', 'ok'),
    ('urltest_135', b'GET /test.txt HTTP/1.1\r\nHost: www.example.com\r\n\r\n', 'ok'),
    ('urltest_136', b'GET /test.txt HTTP/1.1\r\nHost: www.example.com\r\n\r\n', 'ok'),
    ('urltest_137', b'GET /test.txt HTTP/1.1\r\nHost: www.example.com\r\n\r\n', 'ok'),
    ('urltest_138', b'GET /aaa/test.txt HTTP/1.1\r\nHost: www.example.com\r\n\r\n', 'ok'),
    ('urltest_139', b'GET /test.txt HTTP/1.1\r\nHost: www.example.com\r\n\r\n', 'ok'),
    ('urltest_140', b'GET /%E4%B8%AD/test.txt HTTP/1.1\r\nHost: www.example.com\r\n\r\n', 'ok'),
    ('urltest_141', b'GET /... HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_142', b'GET /a HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_143', b'GET /%EF%BF%BD?%EF%BF%BD HTTP/1.1\r\nHost: x\r\n\r\n', 'ok'),
    ('urltest_144', b'GET /bar HTTP/1.1\r\nHost: example.com\r\n\r\n', 'ok'),
    ('urltest_145', b'GET test HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_146', b'GET x@x.com HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_147', b'GET , HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_148', b'GET blank HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_149', b'GET test?test HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_150', b'GET /%60%7B%7D?`{} HTTP/1.1\r\nHost: h\r\n\r\n', 'ok'),
    ('urltest_151', b'GET /?%27 HTTP/1.1\r\nHost: host\r\n\r\n', 'ok'),
    ('urltest_152', b"GET /?' HTTP/1.1\r\nHost: host\r\n\r\n", 'ok'),
    ('urltest_153', b'GET /some/path HTTP/1.1\r\nHost: example.org\r\n\r\n', 'ok'),
    ('urltest_154', b'GET /smth HTTP/1.1\r\nHost: example.org\r\n\r\n', 'ok'),
    ('urltest_155', b'GET /some/path HTTP/1.1\r\nHost: example.org\r\n\r\n', 'ok'),
    ('urltest_156', b'GET /pa/i HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_157', b'GET /i HTTP/1.1\r\nHost: ho\r\n\r\n', 'ok'),
    ('urltest_158', b'GET /pa/i HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_159', b'GET /i HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_160', b'GET /i HTTP/1.1\r\nHost: ho\r\n\r\n', 'ok'),
    ('urltest_161', b'GET /i HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_162', b'GET /i HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_163', b'GET /i HTTP/1.1\r\nHost: ho\r\n\r\n', 'ok'),
    ('urltest_164', b'GET /i HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_165', b'GET /pa/pa?i HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_166', b'GET /pa?i HTTP/1.1\r\nHost: ho\r\n\r\n', 'ok'),
    ('urltest_167', b'GET /pa/pa?i HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_168', b'GET sd HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_169', b'GET sd/sd HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_170', b'GET /pa/pa HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_171', b'GET /pa HTTP/1.1\r\nHost: ho\r\n\r\n', 'ok'),
    ('urltest_172', b'GET /pa/pa HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_173', b'GET /x HTTP/1.1\r\nHost: %C3%B1\r\n\r\n', 'ok'),
    ('urltest_174', b'GET \\.\\./ HTTP/1.1\r\n\r\n', 'ok'),
    ('urltest_175', b'GET :a@example.net HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_176', b'GET %NBD HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_177', b'GET %1G HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_178', b'GET /relative_import.html HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', 'ok'),
    ('urltest_179', b'GET /?foo=%7B%22abc%22 HTTP/1.1\r\nHost: facebook.com\r\n\r\n', 'ok'),
    ('urltest_180', b'GET /jqueryui@1.2.3 HTTP/1.1\r\nHost: localhost\r\n\r\n', 'ok'),
    ('urltest_181', b'GET /path?query HTTP/1.1\r\nHost: host\r\n\r\n', 'ok'),
    ('urltest_182', b'GET /foo/bar?a=b&c=d HTTP/1.1\r\nHost: example.org\r\n\r\n', 'ok'),
    ('urltest_183', b'GET /foo/bar??a=b&c=d HTTP/1.1\r\nHost: example.org\r\n\r\n', 'ok'),
    ('urltest_184', b'GET /foo/bar HTTP/1.1\r\nHost: example.org\r\n\r\n', 'ok'),
    ('urltest_185', b'GET /baz?qux HTTP/1.1\r\nHost: foo.bar\r\n\r\n', 'ok'),
    ('urltest_186', b'GET /baz?qux HTTP/1.1\r\nHost: foo.bar\r\n\r\n', 'ok'),
    ('urltest_187', b'GET /baz?qux HTTP/1.1\r\nHost: foo.bar\r\n\r\n', 'ok'),
    ('urltest_188', b'GET /baz?qux HTTP/1.1\r\nHost: foo.bar\r\n\r\n', 'ok'),
    ('urltest_189', b'GET /baz?qux HTTP/1.1\r\nHost: foo.bar\r\n\r\n', 'ok'),
    ('urltest_190', b'GET /C%3A/ HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_191', b'GET /C%7C/ HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_192', b'GET /C:/Users/Domenic/Dropbox/GitHub/tmpvar/jsdom/test/level2/html/files/pix/submit.gif HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_193', b'GET /C:/ HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_194', b'GET /C:/ HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_195', b'GET /d: HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_196', b'GET /d:/ HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_197', b'GET /test?test HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_198', b'GET /test?test HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_199', b'GET /test?x HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_200', b'GET /test?x HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_201', b'GET /test?test HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_202', b'GET /test?test HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_203', b'GET /?fox HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_204', b'GET /localhost//cat HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_205', b'GET /localhost//cat HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_206', b'GET /mouse HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_207', b'GET /pig HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_208', b'GET /pig HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_209', b'GET /pig HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_210', b'GET /localhost//pig HTTP/1.1\r\nHost: lion\r\n\r\n', 'ok'),
    ('urltest_211', b'GET /rooibos HTTP/1.1\r\nHost: tea\r\n\r\n', 'ok'),
    ('urltest_212', b'GET /?chai HTTP/1.1\r\nHost: tea\r\n\r\n', 'ok'),
    ('urltest_213', b'GET /C: HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_214', b'GET /C: HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_215', b'GET /C: HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_216', b'GET /C:/ HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_217', b'GET /C:/ HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_218', b'GET /C:/ HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_219', b'GET /dir/C HTTP/1.1\r\nHost: host\r\n\r\n', 'ok'),
    ('urltest_220', b'GET /dir/C|a HTTP/1.1\r\nHost: host\r\n\r\n', 'ok'),
    ('urltest_221', b'GET /c:/foo/bar HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_222', b'GET /c:/foo/bar HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_223', b'GET /c:/foo/bar HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_224', b'GET /c:/foo/bar HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_225', b'GET /C:/ HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_226', b'GET /C:/ HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_227', b'GET /C:/ HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_228', b'GET /C:/ HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_229', b'GET /C:/ HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_230', b'GET /?q=v HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_231', b'GET ?x HTTP/1.1\r\nHost: %C3%B1\r\n\r\n', 'ok'),
    ('urltest_232', b'GET ?x HTTP/1.1\r\nHost: %C3%B1\r\n\r\n', 'ok'),
    ('urltest_233', b'GET // HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_234', b'GET //x/ HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_235', b'GET /someconfig;mode=netascii HTTP/1.1\r\nHost: foobar.com\r\n\r\n', 'ok'),
    ('urltest_236', b'GET /Index.ut2 HTTP/1.1\r\nHost: 10.10.10.10\r\n\r\n', 'ok'),
    ('urltest_237', b'GET /0?baz=bam&qux=baz HTTP/1.1\r\nHost: somehost\r\n\r\n', 'ok'),
    ('urltest_238', b'GET /sup HTTP/1.1\r\nHost: host\r\n\r\n', 'ok'),
    ('urltest_239', b'GET /foo/bar.git HTTP/1.1\r\nHost: github.com\r\n\r\n', 'ok'),
    ('urltest_240', b'GET /channel?passwd HTTP/1.1\r\nHost: myserver.com\r\n\r\n', 'ok'),
    ('urltest_241', b'GET /foo.bar.org?type=TXT HTTP/1.1\r\nHost: fw.example.org\r\n\r\n', 'ok'),
    ('urltest_242', b'GET /ou=People,o=JNDITutorial HTTP/1.1\r\nHost: localhost\r\n\r\n', 'ok'),
    ('urltest_243', b'GET /foo/bar HTTP/1.1\r\nHost: github.com\r\n\r\n', 'ok'),
    ('urltest_244', b'GET ietf:rfc:2648 HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_245', b'GET joe@example.org,2001:foo/bar HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_246', b'GET /path HTTP/1.1\r\nHost: H%4fSt\r\n\r\n', 'ok'),
    ('urltest_247', b'GET https://example.com:443/ HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_248', b'GET d3958f5c-0777-0845-9dcf-2cb28783acaf HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_249', b'GET /test?%22 HTTP/1.1\r\nHost: example.org\r\n\r\n', 'ok'),
    ('urltest_250', b'GET /test HTTP/1.1\r\nHost: example.org\r\n\r\n', 'ok'),
    ('urltest_251', b'GET /test?%3C HTTP/1.1\r\nHost: example.org\r\n\r\n', 'ok'),
    ('urltest_252', b'GET /test?%3E HTTP/1.1\r\nHost: example.org\r\n\r\n', 'ok'),
    ('urltest_253', b'GET /test?%E2%8C%A3 HTTP/1.1\r\nHost: example.org\r\n\r\n', 'ok'),
    ('urltest_254', b'GET /test?%23%23 HTTP/1.1\r\nHost: example.org\r\n\r\n', 'ok'),
    ('urltest_255', b'GET /test?%GH HTTP/1.1\r\nHost: example.org\r\n\r\n', 'ok'),
    ('urltest_256', b'GET /test?a HTTP/1.1\r\nHost: example.org\r\n\r\n', 'ok'),
    ('urltest_257', b'GET /test?a HTTP/1.1\r\nHost: example.org\r\n\r\n', 'ok'),
    ('urltest_258', b'GET /test-a-colon-slash.html HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_259', b'GET /test-a-colon-slash-slash.html HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_260', b'GET /test-a-colon-slash-b.html HTTP/1.1\r\nHost: \r\n\r\n', 'ok'),
    ('urltest_261', b'GET /test-a-colon-slash-slash-b.html HTTP/1.1\r\nHost: b\r\n\r\n', 'ok'),
    ('urltest_262', b'GET /test?a HTTP/1.1\r\nHost: example.org\r\n\r\n', 'ok'),
    ('urltest_nvidia', b'GET /nvidia_web_services/controller.gfeclientcontent.php/com.nvidia.services.GFEClientContent.getShieldReady/{"gcV":"2.2.2.0","dID":"1341","osC":"6.20","is6":"1","lg":"1033","GFPV":"389.08","isO":"1","sM":"16777216"} HTTP/1.0\r\nHost: gfwsl.geforce.com\r\n\r\n', 'ok'),
]

# --------------------------------------------------------------- tests/uri.rs
# Every req! case of tests/uri.rs: (test name, input, httparse's answer).
# The expectation is decided below from the profile, rule by rule.
SCHEME = re.compile(rb"^[A-Za-z][A-Za-z0-9+.\-]*://")


def uri_case(name, inp, peer):
    line, _, rest = inp.partition(b"\r\n")
    parts = line.split(b" ")
    num = name.split("_", 1)[1]
    src = URI + ": " + name
    peer_txt = ("httparse accepts it" if peer == "ok" else
                "httparse rejects it (%s error)" % peer)
    if len(parts) != 3 or not all(parts):
        add("urltest-" + num, "request", inp, "error", [],
            "request-line %r is not method SP request-target SP HTTP-version "
            "with single SPs (RFC 9112 3): error; %s" % (s(line), peer_txt), src)
        return
    method, target, version = parts
    fields = []
    for fl in rest.split(b"\r\n"):
        if not fl:
            break
        n, _, v = fl.partition(b":")
        fields.append((n, v.strip(b" \t")))
    hosts = [v for n, v in fields if n.lower() == b"host"]
    bad = [b for b in target if b <= 0x20 or b == 0x7F]
    high = [b for b in target if b >= 0x80]
    assert not bad and not high, name   # none in httparse 1.10.1's uri.rs
    if target.startswith(b"/"):
        form = "origin-form"
    elif SCHEME.match(target):
        form = "absolute-form"
    else:
        form = None
    if form is None:
        why = ("the request-target %r is neither origin-form (\"/...\") nor "
               "absolute-form (\"scheme://...\") nor asterisk-form, and only "
               "CONNECT takes authority-form (RFC 9112 3.2; the profile: a form "
               "that does not fit the method is an error, since two parsers "
               "that read the target differently route the request differently)"
               % s(target))
        if target[:1] == b"\\":
            why += "; a backslash does not make it origin-form"
        if re.match(rb"^[A-Za-z][A-Za-z0-9+.\-]*:", target):
            why += ("; RFC 3986's absolute-URI grammar (scheme \":\" hier-part) "
                    "does match it, but the profile reads absolute-form as "
                    "\"scheme://...\", a URI with an authority, which an HTTP "
                    "request-target needs; and its Host is empty")
        if not hosts and version == b"HTTP/1.1":
            why += "; the request also lacks Host, but the target is rejected first"
        add("urltest-" + num, "request", inp, "error", [],
            "differs from httparse: %s; httparse only checks the target's "
            "bytes and accepts it" % why if peer == "ok" else
            "%s; %s" % (why, peer_txt), src)
        if not hosts and version == b"HTTP/1.1":
            add("urltest-" + num + "-host", "request", with_host(inp), "error", [],
                "differs from httparse: the target %r is not origin-form, "
                "absolute-form or asterisk-form (RFC 9112 3.2): still an error "
                "with a Host field; httparse accepts it. %s"
                % (s(target), HOSTV_NOTE), src + VARIANT)
        return
    msg = req(method, target, version.decode(), headers=fields)
    what = "%s target %r" % (form, s(target))
    if form == "origin-form" and any(c in target for c in b"\"<>[\\]^`{|}"):
        what += (" (it holds bytes outside RFC 3986's URI grammar, which the "
                 "profile accepts: it bans only whitespace, control and DEL "
                 "bytes in a target)")
    if re.search(rb"%(?![0-9A-Fa-f]{2})", target):
        what += (" (a '%' not followed by two hex digits is no valid pct-encoding "
                 "in RFC 3986; the profile does not check pct-encoding, it bans "
                 "only whitespace, control and DEL bytes)")
    if version == b"HTTP/1.1" and not hosts:
        raise AssertionError(name)   # not met in this file
    if hosts and hosts[0] == b"":
        add("urltest-" + num, "request", inp, "either", [msg],
            "%s with an empty Host field value: the profile makes an empty Host "
            "`either` (RFC 9110 7.2 has a client send an empty Host when the "
            "target URI has no authority; for an origin server it is otherwise "
            "invalid)%s; %s" % (what, "; with absolute-form the server ignores Host "
                                "(RFC 9112 3.2.2)" if form == "absolute-form" else "",
                                peer_txt), src)
        return
    hv = hosts[0] if hosts else b""
    hnote = ""
    if b"%" in hv:
        hnote = ("; Host %r is a reg-name with pct-encoded octets, which uri-host "
                 "allows (RFC 3986 3.2.2)" % s(hv))
    if version == b"HTTP/1.0":
        hnote += "; HTTP/1.0"
    add("urltest-" + num, "request", inp, "ok", [msg],
        "%s%s: accepted; %s" % (what, hnote, peer_txt), src)


for _name, _inp, _peer in URI_CASES:
    uri_case(_name, _inp, _peer)

with open(OUT, "w") as f:
    json.dump(CASES, f, ensure_ascii=True, indent=1)
    f.write("\n")
print("%d cases -> %s" % (len(CASES), OUT))
