#!/usr/bin/env python3
"""Build tests/corpus/aiohttp.json: h1wire corpus cases from aiohttp's parser tests.

aiohttp (https://github.com/aio-libs/aiohttp, Apache-2.0 licence) tests its two
HTTP/1 parsers (the Python one and the C one built on llhttp) with the same
cases in tests/test_http_parser.py. Only the byte streams those tests feed to
HttpRequestParser / HttpResponseParser (and, as derived cases, to its
HttpPayloadParser) are taken here, with the test name in each case's
"source". Each expectation is decided by the strict profile of CONFORMANCE.md
section 3 and RFC 9112 / RFC 9110, not by aiohttp's answer; where aiohttp's
test asserts another answer, the note starts "differs from aiohttp".

Run: python3 tests/corpus/make/aiohttp.py   (writes aiohttp.json beside this script)
"""

import json
import os

REPO = "aio-libs/aiohttp"
PATH = "tests/test_http_parser.py"
NEW = "commit 0002f0964ec4"   # newest stored version (read_file default), 75391 chars
OLD = "commit 70277146d3ac"   # older stored version, 59939 chars: only its extra streams are used

CASES = []
SEEN = {}
DUPLICATES = []   # (source, id of the case with the same stream)
DIFFERS = {}      # id -> one line: why the expectation differs from aiohttp's answer
SKIPPED = {}      # reason -> [test names]

H = ("Host", "example.com")


def b2s(data):
    if isinstance(data, bytes):
        return data.decode("latin-1")
    return data


def src(test, version=NEW, derived=None):
    s = "%s %s (%s): %s" % (REPO, PATH, version, test)
    if derived:
        s += " (variant: %s)" % derived
    return s


def req(method, target, version, headers, framing="none", body=b"", trailers=()):
    return {
        "start": [b2s(method), b2s(target), version],
        "headers": [[b2s(n), b2s(v)] for n, v in headers],
        "framing": framing,
        "body": b2s(body),
        "trailers": [[b2s(n), b2s(v)] for n, v in trailers],
        "complete": True,
    }


def res(version, status, reason, headers, framing, body=b"", trailers=()):
    return {
        "start": [version, str(status), b2s(reason)],
        "headers": [[b2s(n), b2s(v)] for n, v in headers],
        "framing": framing,
        "body": b2s(body),
        "trailers": [[b2s(n), b2s(v)] for n, v in trailers],
        "complete": True,
    }


def add(slug, mode, data, expect, messages, note, source, methods=(), differs=None):
    assert isinstance(data, bytes)
    assert expect in ("ok", "error", "either")
    cid = "aiohttp-" + slug
    key = (mode, tuple(methods), data)
    if key in SEEN:
        DUPLICATES.append((source, SEEN[key]))
        for c in CASES:
            if c["id"] == SEEN[key]:
                c["source"] += "; the same bytes also in " + source.split("): ", 1)[1] + (
                    " (" + source.split(" (", 1)[1].split(")", 1)[0] + ")"
                    if source.split(" (", 1)[1].split(")", 1)[0] != NEW else "")
        return None
    assert cid not in {c["id"] for c in CASES}, cid
    SEEN[key] = cid
    if differs:
        assert note.startswith("differs from aiohttp"), cid
        DIFFERS[cid] = differs
    else:
        assert not note.startswith("differs from aiohttp"), cid
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


def with_host(data, host=b"example.com", every=False):
    """Insert a Host field line after the (first, or every) HTTP/1.1 request-line."""
    marker = b"HTTP/1.1\r\n"
    assert marker in data
    if every:
        return data.replace(marker, marker + b"Host: " + host + b"\r\n")
    i = data.index(marker) + len(marker)
    return data[:i] + b"Host: " + host + b"\r\n" + data[i:]


NOHOST = ("an HTTP/1.1 request without a Host field: an error (RFC 9112 3.2: a server MUST "
          "respond 400 to an HTTP/1.1 request that lacks Host; profile Host rule), whatever else "
          "is in it; the -host variant tests what the aiohttp test is about")
NOHOST_DIFF = ("differs from aiohttp: aiohttp accepts an HTTP/1.1 request without a Host field "
               "(its test asserts the parsed message); RFC 9112 3.2 and the profile's Host rule "
               "reject it; the -host variant tests what the aiohttp test is about")
NOHOST_WHY = "aiohttp accepts an HTTP/1.1 request without Host; RFC 9112 3.2 / profile reject it"
DERIVED = ("; derived: a Host field was added after the request-line, since the original is "
           "rejected for its missing Host before anything else matters")


def needs_host(data):
    head = data.split(b"\r\n\r\n", 1)[0]
    lines = head.split(b"\r\n")
    first = [l for l in lines if l][0] if any(lines) else b""
    if b"HTTP/1.1" not in first:
        return False
    return not any(l.lower().startswith(b"host:") for l in lines[1:])


def rq(slug, data, expect, msgs, note, test, version=NEW, peer_ok=False, differs=None,
       host=b"example.com", every=False, host_expect=None, host_msgs=None):
    """A request case. When it is an HTTP/1.1 request without Host, the original is an
    error and a -host variant carries the feature's expectation (expect/msgs/note).

    peer_ok: aiohttp's test accepts the original bytes (so the missing-Host error differs).
    differs: one line, when the feature expectation itself differs from aiohttp's answer
             (the note must then start with "differs from aiohttp").
    """
    s = src(test, version)
    if needs_host(data):
        if peer_ok:
            n = NOHOST_DIFF
            why = NOHOST_WHY
            if differs:
                why += "; and: " + differs
                n += "; and on the feature itself: " + note[len("differs from aiohttp: "):]
            else:
                n += "; the feature: " + note
        else:
            n = NOHOST + "; aiohttp's test rejects it too" + (
                " (for its own reason; on the feature the -host variant differs from aiohttp)"
                if differs else "") + "; the feature: " + (
                note[len("differs from aiohttp: "):] if differs else note)
            why = None
        add(slug, "request", data, "error", [], n, s, differs=why)
        d2 = with_host(data, host, every)
        add(slug + "-host", "request", d2, host_expect or expect,
            host_msgs if host_msgs is not None else msgs, note + DERIVED,
            src(test, version, derived="Host field added"), differs=differs)
    else:
        add(slug, "request", data, expect, msgs, note, s, differs=differs)


def rs(slug, data, expect, msgs, note, test, version=NEW, methods=(), differs=None, derived=None):
    add(slug, "response", data, expect, msgs, note, src(test, version, derived), methods, differs)


# ---------------------------------------------------------------------------
# Head syntax: field lines
# ---------------------------------------------------------------------------
rq("parse-headers", b"GET /test HTTP/1.1\r\ntest: a line\r\ntest2: data\r\n\r\n", "ok",
   [req("GET", "/test", "HTTP/1.1", [H, ("test", "a line"), ("test2", "data")])],
   "two field lines, no body (RFC 9112 6.3 step 7: a request without CL/TE has length 0)",
   "test_parse_headers", peer_ok=True)

rq("obs-fold-cl", b"GET /test HTTP/1.1\r\ntest: line\r\n Content-Length: 48\r\ntest2: data\r\n\r\n",
   "error", [],
   "obs-fold in a request (a line starting with SP that would smuggle 'Content-Length: 48' into "
   "the previous value): an error in the profile (RFC 9112 5.2 lets a server reject it)",
   "test_reject_obsolete_line_folding")

rq("invalid-character-ctl", b"POST / HTTP/1.1\r\nHost: localhost:8080\r\nSet-Cookie: abc\x01def\r\n\r\n",
   "error", [], "control byte 0x01 in a field value: field-value holds VCHAR, SP, HTAB and obs-text "
   "only (RFC 9110 5.5; profile); aiohttp's C parser rejects it too", "test_invalid_character")

rq("invalid-linebreak", b"GET /world HTTP/1.1\r\nHost: 127.0.0.1\n\r\n", "error", [],
   "a field line ended by a bare LF: lines end in CRLF in the profile (RFC 9112 2.2; bare LF is an "
   "off-by-default option); aiohttp's C parser rejects it too", "test_invalid_linebreak")

rq("cve-2023-37276", b"POST / HTTP/1.1\r\nHost: localhost:8080\r\nX-Abc: \rxTransfer-Encoding: chunked\r\n\r\n",
   "error", [],
   "a CR not followed by LF inside a field value (RFC 9112 2.2: a bare CR is an error; RFC 9110 "
   "5.5): a parser taking the lone CR for a line end would see 'Transfer-Encoding: chunked'; "
   "aiohttp rejects it too", "test_cve_2023_37276")

DELIMS = [("dquote", '"'), ("lparen", "("), ("rparen", ")"), ("comma", ","), ("slash", "/"),
          ("colon", ":"), ("semicolon", ";"), ("lt", "<"), ("eq", "="), ("gt", ">"),
          ("qmark", "?"), ("at", "@"), ("lbracket", "["), ("backslash", "\\"),
          ("rbracket", "]"), ("lbrace", "{"), ("rbrace", "}")]
for name, ch in DELIMS:
    d = ("POST / HTTP/1.1\r\nhead%ser: val\r\n\r\n" % ch).encode()
    t = "test_bad_header_name[%s]" % ch
    if ch == ":":
        rq("bad-header-name-" + name, d, "ok",
           [req("POST", "/", "HTTP/1.1", [H, ("head", "er: val")])],
           "a colon inside what looks like the name: the name ends at the first colon, so this is "
           "field 'head' with value 'er: val' (RFC 9112 5.1), a valid line; POST without CL/TE has "
           "length 0 (RFC 9112 6.3 step 7)", t, peer_ok=True)
    else:
        rq("bad-header-name-" + name, d, "error", [],
           "the delimiter %r in a field name: field-name is a token and %r is not a tchar "
           "(RFC 9110 5.1, 5.6.2)" % (ch, ch), t)

BAD_HEADERS = [
    ("cl-minus", "Content-Length: -5", "Content-Length '-5': Content-Length = 1*DIGIT, no sign (RFC 9110 8.6)"),
    ("cl-plus", "Content-Length: +256", "Content-Length '+256': Content-Length = 1*DIGIT, no sign (RFC 9110 8.6)"),
    ("cl-superscript-one", "Content-Length: \N{superscript one}",
     "Content-Length of U+00B9 SUPERSCRIPT ONE (UTF-8 C2 B9): not a DIGIT (RFC 9110 8.6)"),
    ("cl-math-digit-one", "Content-Length: \N{mathematical double-struck digit one}",
     "Content-Length of U+1D7D9 (UTF-8 F0 9D 9F 99), a Unicode decimal digit that int() would take: "
     "not an ASCII DIGIT (RFC 9110 8.6)"),
    ("value-cr", "Foo: abc\rdef", "a CR not followed by LF inside a field value (RFC 9112 2.2; RFC 9110 5.5)"),
    ("value-lf", "Bar: abc\ndef", "a bare LF inside the field line: the profile accepts only CRLF line ends "
     "(RFC 9112 2.2) and 'def' is no field line"),
    ("value-nul", "Baz: abc\x00def", "NUL in a field value (RFC 9110 5.5: MUST reject or replace; profile: error)"),
    ("space-before-colon", "Foo : bar", "whitespace between field name and colon (RFC 9112 5.1: MUST reject with 400)"),
    ("tab-before-colon", "Foo\t: bar", "HTAB between field name and colon (RFC 9112 5.1: MUST reject with 400)"),
    ("name-nonascii", "\xffoo: bar", "field name starting with U+00FF, sent as UTF-8 C3 BF: not a token (RFC 9110 5.1)"),
    ("value-ctl-01", "Foo: abc\x01def", "control byte 0x01 in a field value (RFC 9110 5.5)"),
    ("value-del", "Foo: abc\x7fdef", "DEL (0x7F) in a field value: not VCHAR or obs-text (RFC 9110 5.5)"),
    ("value-ctl-1f", "Foo: abc\x1fdef", "control byte 0x1F in a field value (RFC 9110 5.5)"),
]
for slug, hdr, why in BAD_HEADERS:
    d = ("POST / HTTP/1.1\r\n%s\r\n\r\n" % hdr).encode()
    rq("bad-headers-" + slug, d, "error", [], why, "test_bad_headers[%r]" % hdr)

rq("ctl-in-host", b"GET /test HTTP/1.1\r\nHost: trusted.example\x01@bad.test\r\n\r\n", "error", [],
   "control byte in the Host value (RFC 9110 5.5) which is also not uri-host [':' port] "
   "(profile Host rule)", "test_ctl_host_header_bad_characters")

rq("field-line-0xff-only", b"POST / HTTP/1.1\r\n\xff\r\n\r\n", "error", [],
   "a field line that is one byte 0xFF: no colon and not a token (RFC 9112 5.1); aiohttp's Python "
   "parser rejects it (the test checks its error message)", "test_unpaired_surrogate_in_header_py")

rq("cl-and-te", b"GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nTransfer-Encoding: a\r\n\r\napple\r\n",
   "error", [], "Content-Length together with Transfer-Encoding in a request (profile framing 2; "
   "RFC 9112 6.1 lets a server reject it), and 'a' is no registered coding (profile: 501)",
   "test_content_length_transfer_encoding")

SINGLETONS = ["Content-Length", "Content-Location", "Content-Range", "Content-Type", "ETag", "Host",
              "Max-Forwards", "Server", "Transfer-Encoding", "User-Agent"]
for hdr in SINGLETONS:
    v1, v2 = ("1", "2") if hdr == "Content-Length" else ("value1", "value2")
    d = ("GET /test HTTP/1.1\r\nHost: example.com\r\n%s: %s\r\n%s: %s\r\n\r\n" % (hdr, v1, hdr, v2)).encode()
    t = "test_duplicate_singleton_header_rejected[%s]" % hdr
    slug = "duplicate-" + hdr.lower()
    if hdr == "Content-Length":
        rq(slug, d, "error", [], "two different Content-Length values (RFC 9110 8.6; RFC 9112 6.3 "
           "step 5: unrecoverable framing error)", t)
    elif hdr == "Host":
        rq(slug, d, "error", [], "more than one Host field line (RFC 9112 3.2: MUST respond 400; "
           "profile Host rule)", t)
    elif hdr == "Transfer-Encoding":
        rq(slug, d, "error", [], "Transfer-Encoding 'value1, value2' in a request: no registered "
           "coding, and chunked is not last (profile framing 2: 501/error)", t)
    else:
        rq(slug, d, "ok",
           [req("GET", "/test", "HTTP/1.1", [H, (hdr, v1), (hdr, v2)])],
           "differs from aiohttp: aiohttp rejects a second %s field line (a 'Duplicate' policy of "
           "its own); RFC 9110 5.3 forbids a sender to generate it but sets no recipient rule, and "
           "the profile rejects duplicates only of Host, Content-Length (differing) and framing "
           "fields: %s neither frames nor routes the message, so the request decodes with both "
           "lines" % (hdr, hdr), t,
           differs="aiohttp rejects a duplicate %s; profile/RFC 9110 5.3 have no such recipient rule" % hdr)

rq("duplicate-host-different", b"GET /admin HTTP/1.1\r\nHost: admin.example\r\nHost: public.example\r\n\r\n",
   "error", [], "two Host field lines with different hosts (RFC 9112 3.2; profile Host rule)",
   "test_duplicate_host_header_rejected")

rq("bad-chunk-size-underscore",
   b"GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0_2e\r\n\r\n"
   b"GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\n0\r\n\r\n", "error", [],
   "chunk-size '0_2e' is not 1*HEXDIG (RFC 9112 7.1); a parser reading it as 0 (or through int() "
   "with underscores) would end the body and decode the smuggled second request", "test_bad_chunked")
rq("bad-chunk-size-underscore", b"GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0_2e\r\n\r\n"
   b"GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\n0\r\n\r\n", "error", [], "", "test_bad_chunked_py", OLD)
rq("bad-chunk-size-underscore", b"GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0_2e\r\n\r\n"
   b"GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\n0\r\n\r\n", "error", [], "", "test_bad_chunked_c", OLD)

rq("whitespace-before-first-header", b"GET / HTTP/1.1\r\n\tContent-Length: 1\r\n\r\nX", "error", [],
   "a line starting with HTAB right after the request-line (RFC 9112 2.2: reject, or ignore the "
   "line; profile: a line starting with SP/HTAB inside a request head is an error). In the -host "
   "variant it follows the Host line and is plain obs-fold, also an error",
   "test_whitespace_before_header")

rq("header-name-longline-0xd9",
   b"GET /test HTTP/1.1\r\nTest\xd9Header" + b"A" * 8192 + b": test\r\n\r\n\r\n", "error", [],
   "a field name holding byte 0xD9 (not a tchar, RFC 9110 5.1), 8202 bytes long (under the "
   "profile's 16 KiB line limit, so the name decides)", "test_parse_headers_longline", OLD)

# ---------------------------------------------------------------------------
# Request-line
# ---------------------------------------------------------------------------
rq("unusual-request-line-http13", b"#smol //a HTTP/1.3\r\n\r\n", "error", [],
   "differs from aiohttp: aiohttp's Python parser accepts method '#smol' (a token), target '//a' "
   "and version HTTP/1.3 (its C parser rejects it; the test is xfail there); the profile accepts "
   "only HTTP/1.0 and HTTP/1.1 (RFC 9112 2.3 / 2.5: a server may reject a different minor "
   "version; profile: any other HTTP/x.y is an error)", "test_parse_unusual_request_line",
   differs="aiohttp (Python parser) accepts HTTP/1.3; the profile accepts only HTTP/1.0 and HTTP/1.1")

rq("parse", b"GET /test HTTP/1.1\r\n\r\n", "ok", [req("GET", "/test", "HTTP/1.1", [H])],
   "a request-line and an empty head: GET without body", "test_parse", peer_ok=True)
rq("parse", b"GET /test HTTP/1.1\r\n\r\n", "ok", [], "", "test_parse_delayed (two feeds joined)")
rq("parse", b"GET /test HTTP/1.1\r\n\r\n", "ok", [], "", "test_conn_default_1_1")
rq("parse", b"GET /test HTTP/1.1\r\n\r\n", "ok", [], "", "test_partial_url (two feeds joined)")

rq("parse-body", b"GET /test HTTP/1.1\r\nContent-Length: 4\r\n\r\nbody", "ok",
   [req("GET", "/test", "HTTP/1.1", [H, ("Content-Length", "4")], "length", b"body")],
   "GET with a 4-byte Content-Length body (RFC 9112 6.3 step 6)", "test_parse_body", peer_ok=True)
rq("parse-body-leading-crlf", b"\r\nGET /test HTTP/1.1\r\nContent-Length: 4\r\n\r\nbody", "ok",
   [req("GET", "/test", "HTTP/1.1", [H, ("Content-Length", "4")], "length", b"body")],
   "one empty line before the request-line is skipped (RFC 9112 2.2: SHOULD ignore at least one; "
   "profile: at most one)", "test_parse_body_with_CRLF", peer_ok=True)
rq("headers-multi-feed", b"GET /test HTTP/1.1\r\ntest: line continue\r\n\r\n", "ok",
   [req("GET", "/test", "HTTP/1.1", [H, ("test", "line continue")])],
   "one field line fed in three pieces ('test: line' + ' continue\\r\\n\\r\\n'); joined it is a "
   "single line whose value holds an inner SP, no fold", "test_headers_multi_feed (three feeds joined)",
   peer_ok=True)
rq("headers-split-field", b"GET /test HTTP/1.1\r\ntest: value\r\n\r\n", "ok",
   [req("GET", "/test", "HTTP/1.1", [H, ("test", "value")])],
   "a field name fed in pieces; joined it is one plain field line", "test_headers_split_field (four feeds joined)",
   peer_ok=True)
rq("set-cookie-twice", b"GET /test HTTP/1.1\r\nSet-Cookie: c1=cookie1\r\nSet-Cookie: c2=cookie2\r\n\r\n", "ok",
   [req("GET", "/test", "HTTP/1.1", [H, ("Set-Cookie", "c1=cookie1"), ("Set-Cookie", "c2=cookie2")])],
   "two Set-Cookie field lines, kept in order (RFC 9110 5.3)", "test_parse_headers_multi", peer_ok=True)

for slug, ver, conn, test in [
    ("conn-default-1-0", "1.0", None, "test_conn_default_1_0"),
    ("conn-close", "1.1", "close", "test_conn_close"),
    ("conn-close-1-0", "1.0", "close", "test_conn_close_1_0"),
    ("conn-keep-alive-1-0", "1.0", "keep-alive", "test_conn_keep_alive_1_0"),
    ("conn-keep-alive-1-1", "1.1", "keep-alive", "test_conn_keep_alive_1_1"),
    ("conn-close-keep-alive-list", "1.1", "close, keep-alive", "test_conn_close_comma_list"),
    ("conn-other-1-0", "1.0", "test", "test_conn_other_1_0"),
    ("conn-other-1-1", "1.1", "test", "test_conn_other_1_1"),
]:
    d = ("GET /test HTTP/%s\r\n" % ver).encode()
    hdrs = []
    if conn:
        d += ("connection: %s\r\n" % conn).encode()
        hdrs.append(("connection", conn))
    d += b"\r\n"
    if ver == "1.0":
        rq(slug, d, "ok", [req("GET", "/test", "HTTP/1.0", hdrs)],
           "an HTTP/1.0 request needs no Host (the Host rule is for HTTP/1.1); Connection only "
           "decides persistence, which the dump does not report", test)
    else:
        rq(slug, d, "ok", [req("GET", "/test", "HTTP/1.1", [H] + hdrs)],
           "Connection only decides persistence, which the dump does not report; no body", test,
           peer_ok=True)
rq("conn-close-two-lines", b"GET /test HTTP/1.1\r\nconnection: keep-alive\r\nconnection: close\r\n\r\n", "ok",
   [req("GET", "/test", "HTTP/1.1", [H, ("connection", "keep-alive"), ("connection", "close")])],
   "Connection as two field lines (a list field, RFC 9110 5.3)", "test_conn_close_multiple_headers",
   peer_ok=True)

rq("request-chunked-head-only", b"GET /test HTTP/1.1\r\ntransfer-encoding: chunked\r\n\r\n", "error", [],
   "a chunked request head with nothing after it: end of stream comes inside the body, so the "
   "message is incomplete (error). aiohttp's test never signals end of stream; it only checks the "
   "head (test_http_request_chunked_payload sends the body)", "test_request_chunked",
   peer_ok=True)
rq("te-kelvin-sign", "GET /test HTTP/1.1\r\nTransfer-Encoding: chun\u212aed\r\n\r\n".encode(), "error", [],
   "Transfer-Encoding 'chun\\u212aed' (KELVIN SIGN, UTF-8 E2 84 AA, which Unicode case folding maps "
   "to 'k'): not a registered coding in a request (profile framing 2: error), and never 'chunked'",
   "test_te_header_non_ascii")
rq("upgrade-kelvin-sign", "GET /test HTTP/1.1\r\nUpgrade: websoc\u212aet\r\n\r\n".encode(), "ok",
   [req("GET", "/test", "HTTP/1.1", [H, ("Upgrade", "websoc\u212aet".encode())])],
   "an Upgrade value with obs-text (KELVIN SIGN in UTF-8): a valid value (RFC 9110 5.5); a request "
   "carrying Upgrade is an ordinary message (profile framing 1)", "test_upgrade_header_non_ascii",
   peer_ok=True)
rq("te-chunked-with-cl", b"GET /test HTTP/1.1\r\ncontent-length: 1234\r\ntransfer-encoding: chunked\r\n\r\n",
   "error", [], "Transfer-Encoding together with Content-Length in a request (profile framing 2; "
   "RFC 9112 6.1 lets a server reject it)", "test_request_te_chunked_with_content_length")
rq("te-chunked123", b"GET /test HTTP/1.1\r\ntransfer-encoding: chunked123\r\n\r\n", "error", [],
   "Transfer-Encoding 'chunked123': no registered coding (profile framing 2)", "test_request_te_chunked123")
rq("te-not-chunked", b"GET /test HTTP/1.1\r\nTransfer-Encoding: not, chunked\r\n\r\n1\r\nT\r\n3\r\nest\r\n0\r\n\r\n",
   "error", [],
   "differs from aiohttp: aiohttp decodes the body 'Test' since chunked is last (RFC 9112 6.3 step 4); "
   "but 'not' is no registered coding, and in a request the profile rejects any coding other than "
   "chunked, gzip, x-gzip, deflate, compress, x-compress (RFC 9112 6.1: a server that does not "
   "understand a coding SHOULD respond 501)", "test_request_te_last_chunked", peer_ok=True,
   differs="aiohttp accepts TE 'not, chunked' in a request; profile: unknown coding 'not' is an error (501)")
rq("te-chunked-not", b"GET /test HTTP/1.1\r\nTransfer-Encoding: chunked, not\r\n\r\n1\r\nT\r\n3\r\nest\r\n0\r\n\r\n",
   "error", [], "Transfer-Encoding 'chunked, not' in a request: chunked is not the final coding "
   "(RFC 9112 6.3 step 4: 400) and 'not' is unknown", "test_request_te_first_chunked")

for slug, conn, test in [("conn-upgrade", [("connection", "upgrade")], "test_conn_upgrade"),
                         ("conn-upgrade-list", [("connection", "keep-alive, upgrade")], "test_conn_upgrade_comma_list"),
                         ("conn-upgrade-two-lines", [("connection", "keep-alive"), ("connection", "upgrade")],
                          "test_conn_upgrade_multiple_headers")]:
    d = b"GET /test HTTP/1.1\r\n" + b"".join(("%s: %s\r\n" % c).encode() for c in conn) + b"upgrade: websocket\r\n\r\n"
    rq(slug, d, "ok", [req("GET", "/test", "HTTP/1.1", [H] + conn + [("upgrade", "websocket")])],
       "a request asking to upgrade to websocket: an ordinary message with no body (profile framing "
       "1: only the server's 101 switches protocols)", test, peer_ok=True)
rq("conn-upgrade-without-upgrade", b"GET /test HTTP/1.1\r\nconnection: upgrade\r\n\r\n", "ok",
   [req("GET", "/test", "HTTP/1.1", [H, ("connection", "upgrade")])],
   "Connection: upgrade without an Upgrade field: an ordinary request", "test_bad_upgrade", peer_ok=True)

for slug, val, test in [("ce-empty", b"", "test_compression_empty"),
                        ("ce-deflate", b"deflate", "test_compression_deflate"),
                        ("ce-gzip", b"gzip", "test_compression_gzip"),
                        ("ce-br", b"br", "test_compression_brotli"),
                        ("ce-zstd", b"zstd", "test_compression_zstd"),
                        ("ce-zst-ligature", "z\ufb06d".encode(), "test_compression_non_ascii[zst-ligature]"),
                        ("ce-fl-ligature", "de\ufb02ate".encode(), "test_compression_non_ascii[fl-ligature]"),
                        ("ce-compress", b"compress", "test_compression_unknown")]:
    d = b"GET /test HTTP/1.1\r\ncontent-encoding: " + val + b"\r\n\r\n"
    what = ("an empty Content-Encoding value (the SP after the colon is OWS), valid: field-value = "
            "*field-content" if not val else
            "Content-Encoding %r: content codings do not frame the message" % val.decode("latin-1"))
    if val and max(val) > 0x7F:
        what += " (the value holds obs-text, valid in a field value, RFC 9110 5.5)"
    rq(slug, d, "ok", [req("GET", "/test", "HTTP/1.1", [H, ("content-encoding", val)])],
       what + "; GET without body", test, peer_ok=True)

rq("connect-no-port", b"CONNECT www.google.com HTTP/1.1\r\ncontent-length: 0\r\n\r\n", "error", [],
   "differs from aiohttp: aiohttp takes 'www.google.com' as the CONNECT authority and upgrades; "
   "the profile requires authority-form with a port for CONNECT (RFC 9112 3.2.3: authority-form = "
   "uri-host ':' port; RFC 9110 9.3.6)", "test_url_connect", host=b"www.google.com",
   peer_ok=True, differs="aiohttp accepts CONNECT without a port; RFC 9112 3.2.3 authority-form needs host:port")
rq("connect-no-port", b"CONNECT www.google.com HTTP/1.1\r\ncontent-length: 0\r\n\r\n", "error", [], "",
   "test_headers_connect", host=b"www.google.com")
add("connect-with-port-host", "request",
    b"CONNECT www.google.com:443 HTTP/1.1\r\nHost: www.google.com:443\r\ncontent-length: 0\r\n\r\n", "ok",
    [req("CONNECT", "www.google.com:443", "HTTP/1.1", [("Host", "www.google.com:443"), ("content-length", "0")],
         "upgrade")],
    "CONNECT in authority-form with a port: framing upgrade after the head, the valid "
    "Content-Length: 0 is ignored (profile framing 1); derived: port 443 and Host added to "
    "aiohttp's CONNECT request so that the case tests the CONNECT framing aiohttp's test is about",
    src("test_url_connect", derived="port :443 and Host field added"))

rq("absolute-form", b"GET https://www.google.com/path/to.html HTTP/1.1\r\ncontent-length: 0\r\n\r\n", "ok",
   [req("GET", "https://www.google.com/path/to.html", "HTTP/1.1",
        [("Host", "www.google.com"), ("content-length", "0")], "length")],
   "absolute-form target with GET (RFC 9112 3.2.2), Content-Length 0", "test_url_absolute",
   host=b"www.google.com", peer_ok=True)

rq("sec-websocket-key1", b"GET /test HTTP/1.1\r\nSEC-WEBSOCKET-KEY1: line\r\n\r\n", "ok",
   [req("GET", "/test", "HTTP/1.1", [H, ("SEC-WEBSOCKET-KEY1", "line")])],
   "differs from aiohttp: aiohttp rejects Sec-WebSocket-Key1 (a hixie-76 handshake field, whose "
   "request carried an 8-byte body without Content-Length); for HTTP/1.1 it is an ordinary field and "
   "the request has length 0 (RFC 9112 6.3 step 7)", "test_headers_old_websocket_key1",
   differs="aiohttp rejects Sec-WebSocket-Key1; RFC 9112 6.3: an ordinary field, body length 0")
rq("cl-word", b"GET /test HTTP/1.1\r\ncontent-length: line\r\n\r\n", "error", [],
   "Content-Length 'line': not 1*DIGIT (RFC 9110 8.6; RFC 9112 6.3 step 5)", "test_headers_content_length_err_1")
rq("cl-minus-one", b"GET /test HTTP/1.1\r\ncontent-length: -1\r\n\r\n", "error", [],
   "Content-Length '-1': no sign allowed (RFC 9110 8.6)", "test_headers_content_length_err_2")

# test_invalid_header_spacing: pad1 + name + pad2 + ': value'
PAD = [(b"", "empty"), (b"\x00", "NUL"), (b" ", "SP"), (b"  ", "SPSP"), (b"\n", "LF"),
       (b"\xa0", "NBSP"), (b"\t ", "TABSP")]


def spacing_reason(line):
    """Why 'line' (the bytes before ': value') fails, reading byte by byte."""
    if line[:1] in (b" ", b"\t"):
        return "the field line starts with whitespace: obs-fold / a continuation line in a request head, an error (RFC 9112 2.2, 5.2; profile)"
    for i, c in enumerate(line):
        ch = bytes([c])
        if ch == b"\n":
            return "a bare LF in the head: lines end in CRLF (RFC 9112 2.2; profile)"
        if ch in (b" ", b"\t"):
            return "whitespace between the field name and the colon (RFC 9112 5.1: MUST reject)"
        if ch == b"\x00":
            return "NUL in the field name: not a tchar (RFC 9110 5.1)"
        if ch == b"\xa0":
            return "byte 0xA0 in the field name: not a tchar (RFC 9110 5.1)"
    if line == b"":
        return "an empty field name (field-name = token, RFC 9110 5.1)"
    return None


for p1, n1 in PAD:
    for p2, n2 in PAD:
        for hdr, hn in [(b"", "name-empty"), (b"foo", "with-name")]:
            d = b"GET /test HTTP/1.1\r\n" + p1 + hdr + p2 + b": value\r\n\r\n"
            t = "test_invalid_header_spacing[pre-%s-post-%s-%s]" % (n1, n2, hn)
            slug = "spacing-%s-%s-%s" % (n1.lower(), n2.lower(), hn)
            why = spacing_reason(p1 + hdr + p2)
            if why is None:
                rq(slug, d, "ok", [req("GET", "/test", "HTTP/1.1", [H, ("foo", "value")])],
                   "the one valid entry of aiohttp's spacing matrix: 'foo: value'", t, peer_ok=True)
            else:
                rq(slug, d, "error", [], why, t)

rq("empty-header-name", b"GET /test HTTP/1.1\r\n:test\r\n\r\n", "error", [],
   "an empty field name (RFC 9110 5.1: field-name = token)", "test_empty_header_name")
rq("header-without-colon", b"GET /test HTTP/1.1\r\ntest line\r\n\r\n", "error", [],
   "a field line without a colon (RFC 9112 5.1)", "test_invalid_header")
rq("header-name-brackets", b"GET /test HTTP/1.1\r\ntest[]: line\r\n\r\n", "error", [],
   "'[' and ']' in a field name: not tchars (RFC 9110 5.6.2)", "test_invalid_name")

# ---------------------------------------------------------------------------
# Limits (aiohttp's test parsers use max_line_size = max_field_size = 8190; the
# profile's defaults are 16 KiB per line, 64 KiB per head, 100 field lines).
# ---------------------------------------------------------------------------
LIM = ("the profile's default line limit is 16 KiB (limits are configurable; aiohttp's test "
       "parser is built with max_field_size=max_line_size=8190)")
for size in (40960, 8191):
    d = b"GET /test HTTP/1.1\r\n" + b"t" * size + b":data\r\n\r\n"
    t = "test_max_header_field_size[%d]" % size
    if size > 16384:
        rq("long-field-name-%d" % size, d, "error", [],
           "a field line of %d bytes: over the profile's 16 KiB line limit (its own error kind); "
           "aiohttp rejects it too (LineTooLong)" % (size + 5), t)
    else:
        rq("long-field-name-%d" % size, d, "ok",
           [req("GET", "/test", "HTTP/1.1", [H, (b"t" * size, "data")])],
           "differs from aiohttp: aiohttp's test parser rejects a %d-byte field name (LineTooLong, its "
           "8190-byte limit); the line is %d bytes, under %s" % (size, size + 5, LIM), t,
           differs="8191-byte field name: under the profile's 16 KiB line limit (aiohttp's test limit is 8190)")
rq("field-name-8185", b"GET /test HTTP/1.1\r\n" + b"t" * 8185 + b":data\r\n\r\n", "ok",
   [req("GET", "/test", "HTTP/1.1", [H, (b"t" * 8185, "data")])],
   "an 8185-byte field name, under every limit", "test_max_header_size_under_limit", peer_ok=True)
rq("field-name-8190", b"GET /test HTTP/1.1\r\n" + b"t" * 8190 + b":data\r\n\r\n", "ok",
   [req("GET", "/test", "HTTP/1.1", [H, (b"t" * 8190, "data")])],
   "an 8190-byte field name, under every limit", "test_max_header_field_size_under_limit", OLD, peer_ok=True)
for size in (40960, 8191):
    d = b"GET /test HTTP/1.1\r\ndata:" + b"t" * size + b"\r\n\r\n"
    t = "test_max_header_value_size[%d]" % size
    if size > 16384:
        rq("long-field-value-%d" % size, d, "error", [],
           "a field line of %d bytes: over the profile's 16 KiB line limit; aiohttp rejects it too"
           % (size + 5), t)
    else:
        rq("long-field-value-%d" % size, d, "ok",
           [req("GET", "/test", "HTTP/1.1", [H, ("data", b"t" * size)])],
           "differs from aiohttp: aiohttp's test parser rejects a %d-byte field value (its 8190-byte "
           "limit); the line is %d bytes, under %s" % (size, size + 5, LIM), t,
           differs="8191-byte field value: under the profile's 16 KiB line limit (aiohttp's test limit is 8190)")
rq("field-name-and-value-4100", b"GET /test HTTP/1.1\r\n" + b"t" * 4100 + b":" + b"t" * 4100 + b"\r\n\r\n", "ok",
   [req("GET", "/test", "HTTP/1.1", [H, (b"t" * 4100, b"t" * 4100)])],
   "differs from aiohttp: aiohttp's test parser rejects a field line whose name and value together "
   "exceed 8190 bytes; the line is 8201 bytes, under " + LIM, "test_max_header_combined_size",
   differs="8201-byte field line: under the profile's 16 KiB line limit (aiohttp's test limit is 8190)")
rq("field-value-8185", b"GET /test HTTP/1.1\r\ndata:" + b"A" * 8185 + b"\r\n\r\n", "ok",
   [req("GET", "/test", "HTTP/1.1", [H, ("data", b"A" * 8185)])],
   "an 8185-byte field value, under every limit", "test_max_header_value_size_under_limit", peer_ok=True)
rq("field-value-8190", b"GET /test HTTP/1.1\r\ndata:" + b"A" * 8190 + b"\r\n\r\n", "ok",
   [req("GET", "/test", "HTTP/1.1", [H, ("data", b"A" * 8190)])],
   "an 8190-byte field value, under every limit", "test_max_header_value_size_under_limit", OLD, peer_ok=True)

for size in (40960, 8191):
    d = (b"GET /test HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n" + b"fa0\r\n" + b"b" * 4000
         + b"\r\n0\r\ntest: " + b"t" * size + b"\r\n\r\n")
    t = "test_max_trailer_size[%d]" % size
    if size > 16384:
        rq("long-trailer-%d" % size, d, "error", [],
           "a trailer field line of %d bytes after a 4000-byte chunk: over the profile's 16 KiB "
           "line limit and 16 KiB trailer-section limit; aiohttp rejects it too" % (size + 6), t)
    else:
        rq("long-trailer-%d" % size, d, "ok",
           [req("GET", "/test", "HTTP/1.1", [H, ("Transfer-Encoding", "chunked")], "chunked",
                b"b" * 4000, [("test", b"t" * size)])],
           "differs from aiohttp: aiohttp's test parser rejects an %d-byte trailer value (its 8190-byte "
           "limit); the trailer line is %d bytes and the trailer section about 8.2 KB, under the "
           "profile's 16 KiB line and trailer-section limits" % (size, size + 6), t,
           differs="8197-byte trailer line: under the profile's 16 KiB line/trailer limits (aiohttp's is 8190)")

for nh, nt in ((129, 0), (0, 129), (64, 65)):
    d = (b"GET /test HTTP/1.1\r\nTransfer-Encoding: chunked"
         + b"".join(b"\r\nHeader-%d: Value" % i for i in range(nh))
         + b"\r\n\r\n4\r\ntest\r\n0"
         + b"".join(b"\r\nTrailer-%d: Value" % i for i in range(nt))
         + b"\r\n\r\n")
    t = "test_max_headers[%d-%d]" % (nh, nt)
    slug = "many-fields-%d-%d" % (nh, nt)
    hdrs = [H, ("Transfer-Encoding", "chunked")] + [("Header-%d" % i, "Value") for i in range(nh)]
    trs = [("Trailer-%d" % i, "Value") for i in range(nt)]
    if nh == 129:
        rq(slug, d, "error", [],
           "%d field lines in the head (%d with the -host variant's Host): over the profile's "
           "default of 100 field lines (its own error kind); aiohttp (max_headers=128) rejects it "
           "too" % (nh + 1, nh + 2), t)
    elif nh == 0:
        rq(slug, d, "ok",
           [req("GET", "/test", "HTTP/1.1", hdrs, "chunked", b"test", trs)],
           "differs from aiohttp: aiohttp (max_headers=128) rejects 129 trailer fields ('Too many "
           "trailers'); the profile limits the trailer section by size (16 KiB; here about 2.5 KB), "
           "and its 100-field-line limit is read as a limit on the head", t,
           differs="129 trailer fields (2.5 KB): the profile bounds trailers by size only (reading of '100 field lines' as a head limit)")
    else:
        rq(slug, d, "ok",
           [req("GET", "/test", "HTTP/1.1", hdrs, "chunked", b"test", trs)],
           "differs from aiohttp: aiohttp (max_headers=128) counts head and trailer fields together "
           "(65 + 65 = 130 > 128) and rejects; the profile's 100 field lines is a limit per head "
           "(66 with Host here), and the trailer section (65 lines, about 1.3 KB) is bounded by size", t,
           differs="65 head + 65 trailer fields: each section is under the profile's limits (aiohttp counts both together)")

for size in (40965, 8191):
    d = b"HTTP/1.1 200 Ok\r\ndata: test\r\n " + b"T" * (size - 5) + b"\r\n\r\n"
    t = "test_max_header_value_size_continuation[%d]" % size
    if size > 16384:
        rs("long-folded-value-%d" % size, d, "error", [],
           "a folded field whose continuation line alone is %d bytes: over the profile's 16 KiB "
           "line limit; aiohttp rejects it too" % (size - 4), t)
    else:
        rs("long-folded-value-%d" % size, d, "ok",
           [res("HTTP/1.1", 200, "Ok", [("data", b"test " + b"T" * (size - 5))], "close")],
           "differs from aiohttp: aiohttp's test parser rejects the folded value (over its 8190-byte "
           "limit); obs-fold in a response is accepted and read as one SP (RFC 9112 5.2; profile) and "
           "the folded field line, about 8.2 KB, is under the profile's 16 KiB line limit; "
           "close-delimited empty body", t,
           differs="folded 8.2 KB response field: under the profile's 16 KiB line limit (aiohttp's is 8190)")
for n, ver in ((8179, NEW), (8185, OLD)):
    rs("folded-value-%d" % n, b"HTTP/1.1 200 Ok\r\ndata: test\r\n " + b"A" * n + b"\r\n\r\n", "ok",
       [res("HTTP/1.1", 200, "Ok", [("data", b"test " + b"A" * n)], "close")],
       "obs-fold in a response: accepted, the fold reads as one SP (RFC 9112 5.2; profile); "
       "close-delimited empty body", "test_max_header_value_size_continuation_under_limit", ver)

rq("get-path", b"GET /path HTTP/1.1\r\n\r\n", "ok", [req("GET", "/path", "HTTP/1.1", [H])],
   "a minimal GET", "test_http_request_parser", peer_ok=True)
rq("bad-request-line-getpath", b"getpath \r\n\r\n", "error", [],
   "'getpath ' is no request-line: no target, no version (RFC 9112 3)", "test_http_request_bad_status_line")
for raw, name in (("\N{mathematical double-struck digit one}".encode(), "utf8digit"),
                  ("\N{superscript one}".encode(), "utf8number"),
                  ("\N{superscript one}".encode("latin-1"), "latin1number")):
    rq("version-minor-" + name, b"GET /digit HTTP/1." + raw + b"\r\n\r\n", "error", [],
       "HTTP version 'HTTP/1.' followed by non-ASCII bytes %s: HTTP-version = 'HTTP/' DIGIT '.' "
       "DIGIT (RFC 9112 2.3)" % raw.hex(" "), "test_http_request_bad_status_line_number[%s]" % name)
rq("version-ligature-separator", b"GET /ligature HTTP/1" + "\ufdfa".encode() + b"1\r\n\r\n", "error", [],
   "'HTTP/1' + U+FDFA (UTF-8 EF B7 BA) + '1' in place of 'HTTP/1.1' (RFC 9112 2.3)",
   "test_http_request_bad_status_line_separator")
rq("request-line-lf-ff", b"GET\n/path\fHTTP/1.1\r\n\r\n", "error", [],
   "a request-line split by LF and FF instead of SP: only single SPs separate its parts (RFC 9112 3; "
   "profile), and a bare LF is an error", "test_http_request_bad_status_line_whitespace")

for slug, conn, test in (("data-after-close", "close", "test_http_request_message_after_close"),
                         ("data-after-close-list", "close, keep-alive",
                          "test_http_request_message_after_close_comma_list")):
    d = ("GET / HTTP/1.1\r\nConnection: %s\r\n\r\nInvalid\r\n\r\n" % conn).encode()
    rq(slug, d, "either", [req("GET", "/", "HTTP/1.1", [H, ("Connection", conn)])],
       "bytes after a request with Connection: close: the profile allows stopping or decoding on "
       "(CONFORMANCE.md 3, Connections); decoding on, 'Invalid' is no request-line (error after one "
       "message). aiohttp stops with an error 'Data after Connection: close', one of these readings",
       test)

rq("upgrade-then-raw-data",
   b"GET /test HTTP/1.1\r\nconnection: upgrade\r\nupgrade: websocket\r\n\r\nsome raw data", "error",
   [req("GET", "/test", "HTTP/1.1", [H, ("connection", "upgrade"), ("upgrade", "websocket")])],
   "differs from aiohttp: aiohttp switches to the upgraded protocol at the end of the request head "
   "and hands 'some raw data' over as its tail; in the profile a request carrying Upgrade is an "
   "ordinary message and decoding goes on (framing 1: only the server's 101 switches protocols), so "
   "'some raw data' is read as the next request and the stream ends inside it (error after one "
   "message)", "test_http_request_upgrade", peer_ok=True,
   differs="aiohttp upgrades on the request's Upgrade field; profile framing 1: decoding goes on, 'some raw data' is a bad request")
rq("upgrade-unknown-with-body",
   b"POST / HTTP/1.1\r\nConnection: Upgrade\r\nContent-Length: 2\r\nUpgrade: unknown\r\n"
   b"Content-Type: application/json\r\n\r\n{}", "ok",
   [req("POST", "/", "HTTP/1.1", [H, ("Connection", "Upgrade"), ("Content-Length", "2"),
                                  ("Upgrade", "unknown"), ("Content-Type", "application/json")],
        "length", b"{}")],
   "a POST with Upgrade and a 2-byte body: an ordinary message (profile framing 1), its body "
   "'{}' framed by Content-Length", "test_http_request_upgrade_unknown", peer_ok=True)

rq("utf8-request-line",
   b"GET /P\xc3\xbcnktchen\xa0\xef\xb7 HTTP/1.1\r\n" + "sTeP:  \N{latin small letter sharp s}nek\t\N{no-break space}  \r\n\r\n".encode(),
   "either",
   [req("GET", b"/P\xc3\xbcnktchen\xa0\xef\xb7", "HTTP/1.1",
        [H, ("sTeP", "\N{latin small letter sharp s}nek\t\N{no-break space}".encode())])],
   "bytes 0x80-0xFF in the request-target (UTF-8, a lone 0xA0 and a truncated sequence): "
   "'either' in the profile (RFC 9112 3.2 lets a server refuse them). If accepted, the value of "
   "sTeP loses its leading and trailing SPs (OWS) but keeps the inner HTAB and the UTF-8 NBSP "
   "(C2 A0, which is not OWS). aiohttp's Python parser accepts it (its C parser rejects the target)",
   "test_http_request_parser_utf8_request_line", peer_ok=True)
rq("utf8-value", "GET /path HTTP/1.1\r\nx-test:тест\r\n\r\n".encode(), "ok",
   [req("GET", "/path", "HTTP/1.1", [H, ("x-test", "тест".encode())])],
   "UTF-8 bytes in a field value: obs-text, valid (RFC 9110 5.5)", "test_http_request_parser_utf8", peer_ok=True)
rq("cp1251-value", "GET /path HTTP/1.1\r\nx-test:тест\r\n\r\n".encode("cp1251"), "ok",
   [req("GET", "/path", "HTTP/1.1", [H, ("x-test", "тест".encode("cp1251"))])],
   "cp1251 bytes (F2 E5 F1 F2) in a field value: obs-text, valid (RFC 9110 5.5)",
   "test_http_request_parser_non_utf8", peer_ok=True)
rq("two-slashes", b"GET //path HTTP/1.1\r\n\r\n", "ok", [req("GET", "//path", "HTTP/1.1", [H])],
   "origin-form '//path' (absolute-path = 1*( '/' segment ), segments may be empty, RFC 9112 3.2.1)",
   "test_http_request_parser_two_slashes", peer_ok=True)

for name, ch in DELIMS:
    d = ch.encode() + b'ET" /get HTTP/1.1\r\n\r\n'
    rq("bad-method-" + name, d, "error", [],
       "method %r: '%s' and '\"' are not tchars, a method is a token (RFC 9110 9.1, 5.6.2)" % (ch + 'ET"', ch),
       "test_http_request_parser_bad_method[%s]" % ch)
rq("version-ht-11", b"GET //get HT/11\r\n\r\n", "error", [],
   "version 'HT/11' (RFC 9112 2.3: HTTP-version = 'HTTP/' DIGIT '.' DIGIT)", "test_http_request_parser_bad_version")
rq("version-1-32", b"GET /test HTTP/1.32\r\n\r\n", "error", [],
   "version 'HTTP/1.32': two digits after the dot (RFC 9112 2.3)", "test_http_request_parser_bad_version_number")
rq("target-bang", b"GET ! HTTP/1.1\r\n\r\n", "error", [],
   "target '!' is none of origin-form, absolute-form or asterisk-form for GET (RFC 9112 3.2; profile: "
   "a mismatch is an error)", "test_http_request_parser_bad_ascii_uri")
rq("target-0xff", b"GET \xff HTTP/1.1\r\n\r\n", "error", [],
   "target of one byte 0xFF: not origin-form (no leading '/'), absolute-form or asterisk-form, so the "
   "form rule makes it an error whatever the reading of 0x80-0xFF bytes (RFC 9112 3.2)",
   "test_http_request_parser_bad_nonascii_uri")
for size in (40965, 8191):
    path = b"t" * (size - 5)
    d = b"GET /path" + path + b" HTTP/1.1\r\n\r\n"
    t = "test_http_request_max_status_line[%d]" % size
    if size > 16384:
        rq("long-target-%d" % size, d, "error", [],
           "a request-line of %d bytes: over the profile's 16 KiB line limit (its own error kind); "
           "aiohttp rejects it too" % (len(d) - 4), t)
    else:
        rq("long-target-%d" % size, d, "ok", [req("GET", b"/path" + path, "HTTP/1.1", [H])],
           "differs from aiohttp: aiohttp's test parser rejects this %d-byte request-line (its 8190-byte "
           "limit); it is under %s" % (len(d) - 4, LIM), t,
           differs="8200-byte request-line: under the profile's 16 KiB line limit (aiohttp's is 8190)")
for n, ver in ((8172, NEW), (8185, OLD)):
    rq("target-%d" % (n + 5), b"GET /path" + b"t" * n + b" HTTP/1.1\r\n\r\n", "ok",
       [req("GET", b"/path" + b"t" * n, "HTTP/1.1", [H])],
       "a %d-byte target, under every limit" % (n + 5), "test_http_request_max_status_line_under_limit", ver,
       peer_ok=True)

# ---------------------------------------------------------------------------
# Responses
# ---------------------------------------------------------------------------
rs("res-utf8-value", "HTTP/1.1 200 Ok\r\nx-test:тест\r\n\r\n".encode(), "ok",
   [res("HTTP/1.1", 200, "Ok", [("x-test", "тест".encode())], "close")],
   "UTF-8 field value (obs-text); no CL/TE: close-delimited body, empty (RFC 9112 6.3 step 8)",
   "test_http_response_parser_utf8")
rs("res-empty-reason", "HTTP/1.1 200 \r\nx-test:тест\r\n\r\n".encode(), "ok",
   [res("HTTP/1.1", 200, "", [("x-test", "тест".encode())], "close")],
   "status-line with SP and an empty reason (RFC 9112 4: reason-phrase is optional, the SP is not)",
   "test_http_response_parser_utf8_without_reason")
rs("res-obs-fold", b"HTTP/1.1 200 Ok\r\ntest: line\r\n continue\r\n\r\n", "ok",
   [res("HTTP/1.1", 200, "Ok", [("test", "line continue")], "close")],
   "obs-fold in a response: accepted, the fold reads as one SP (RFC 9112 5.2; profile)",
   "test_http_response_parser_obs_line_folding")
rs("res-obs-fold", b"HTTP/1.1 200 Ok\r\ntest: line\r\n continue\r\n\r\n", "ok", [], "",
   "test_http_response_parser_strict_obs_line_folding (dev mode: aiohttp rejects)")
for size in (40962, 8191):
    reason = b"t" * (size - 2)
    d = b"HTTP/1.1 200 Ok" + reason + b"\r\n\r\n"
    t = "test_http_response_parser_bad_status_line_too_long[%d]" % size
    if size > 16384:
        rs("long-reason-%d" % size, d, "error", [],
           "a status-line of %d bytes: over the profile's 16 KiB line limit; aiohttp rejects it too"
           % (len(d) - 4), t)
    else:
        rs("long-reason-%d" % size, d, "ok", [res("HTTP/1.1", 200, b"Ok" + reason, [], "close")],
           "differs from aiohttp: aiohttp's test parser rejects this %d-byte status-line (its 8190-byte "
           "limit); it is under %s; close-delimited empty body" % (len(d) - 4, LIM), t,
           differs="8204-byte status-line: under the profile's 16 KiB line limit (aiohttp's is 8190)")
for n, ver in ((8177, NEW), (8190, OLD)):
    rs("reason-%d" % n, b"HTTP/1.1 200 " + b"O" * n + b"\r\n\r\n", "ok",
       [res("HTTP/1.1", 200, b"O" * n, [], "close")],
       "a %d-byte reason phrase, under every limit; close-delimited empty body" % n,
       "test_http_response_parser_status_line_under_limit", ver)
rs("res-version-ht-11", b"HT/11 200 Ok\r\n\r\n", "error", [], "version 'HT/11' (RFC 9112 2.3)",
   "test_http_response_parser_bad_version")
rs("res-version-12-3", b"HTTP/12.3 200 Ok\r\n\r\n", "error", [],
   "version 'HTTP/12.3' (RFC 9112 2.3: one DIGIT each side)", "test_http_response_parser_bad_version_number")
rs("res-no-reason-no-sp", b"HTTP/1.1 200\r\n\r\n", "error", [],
   "differs from aiohttp: aiohttp accepts a status-line that ends after the status code; the "
   "profile needs the SP before the (possibly empty) reason (RFC 9112 4: status-line = "
   "HTTP-version SP status-code SP [ reason-phrase ])", "test_http_response_parser_no_reason",
   differs="aiohttp accepts 'HTTP/1.1 200' with no SP after the code; RFC 9112 4 / profile require it")
rs("res-ctl-in-value", b"HTTP/1.1 200 test\r\nFoo: abc\x01def\r\n\r\n", "error", [],
   "differs from aiohttp: aiohttp accepts control byte 0x01 in a response field value (lenient "
   "outside dev mode; its dev-mode C parser rejects it); the profile allows no control bytes in a "
   "value, in either direction (RFC 9110 5.5)", "test_http_response_parser_lenient_headers",
   differs="aiohttp (default mode) accepts 0x01 in a response field value; RFC 9110 5.5 / profile reject it")
rs("res-ctl-in-value", b"HTTP/1.1 200 test\r\nFoo: abc\x01def\r\n\r\n", "error", [], "",
   "test_http_response_parser_strict_headers (dev mode)")
rs("res-nul-in-value", b"HTTP/1.1 200 OK\r\nFoo: abc\x00def\r\n\r\n", "error", [],
   "NUL in a response field value (RFC 9110 5.5); aiohttp rejects it too",
   "test_http_response_parser_null_byte_in_header_value")
rs("res-bare-lf", b"HTTP/1.0 200 OK\nFoo: abc\nBar: def\n\nBODY\n", "error", [],
   "differs from aiohttp: aiohttp accepts a response head whose lines end in bare LF ('dodgy "
   "servers'); the profile requires CRLF (RFC 9112 2.2 allows a recipient to accept bare LF; the "
   "strict profile makes that an off-by-default option)", "test_http_response_parser_bad_crlf",
   differs="aiohttp accepts bare-LF line ends in a response head; the profile requires CRLF (RFC 9112 2.2 option off)")
rs("res-chunk-size-trailing-sp",
   b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5 \r\nabcde\r\n0\r\n\r\n", "error", [],
   "differs from aiohttp: aiohttp (default, lax mode) reads '5 ' as chunk-size 5; in the profile "
   "whitespace after the chunk-size with no extension is an error (RFC 9112 7.1: chunk-size "
   "[ chunk-ext ] CRLF; BWS only around ';' and '='). aiohttp's dev-mode parsers reject it",
   "test_http_response_parser_bad_chunked_lax",
   differs="aiohttp (lax mode) accepts chunk-size '5 '; RFC 9112 7.1 / profile: SP after the size is an error")
for t in ("test_http_response_parser_bad_chunked_strict_py (dev mode)",
          "test_http_response_parser_bad_chunked_strict_c (dev mode)"):
    rs("res-chunk-size-trailing-sp",
       b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5 \r\nabcde\r\n0\r\n\r\n", "error", [], "", t)
rs("res-te-notchunked",
   b"HTTP/1.1 200 OK\r\nTransfer-Encoding: notchunked\r\n\r\n1\r\nT\r\n3\r\nest\r\n0\r\n\r\n", "ok",
   [res("HTTP/1.1", 200, "OK", [("Transfer-Encoding", "notchunked")], "close",
        b"1\r\nT\r\n3\r\nest\r\n0\r\n\r\n")],
   "a response whose Transfer-Encoding does not end in chunked: the body runs to end of stream "
   "(RFC 9112 6.3 step 4; profile framing 2: 'notchunked' is a token, so close)",
   "test_http_response_parser_notchunked")
rs("res-te-not-chunked",
   b"HTTP/1.1 200 OK\r\nTransfer-Encoding: not, chunked\r\n\r\n1\r\nT\r\n3\r\nest\r\n0\r\n\r\n", "ok",
   [res("HTTP/1.1", 200, "OK", [("Transfer-Encoding", "not, chunked")], "chunked", b"Test")],
   "a response with Transfer-Encoding 'not, chunked': chunked is last, so the body is chunked "
   "(RFC 9112 6.3 step 4); in a response any token coding is accepted (profile framing 2)",
   "test_http_response_parser_last_chunked")
rs("res-htt-1", b"HTT/1\r\n\r\n", "error", [], "'HTT/1' is no status-line (RFC 9112 4)",
   "test_http_response_parser_bad")
rs("res-status-99", b"HTTP/1.1 99 test\r\n\r\n", "error", [], "status code '99': status-code = 3DIGIT (RFC 9112 4)",
   "test_http_response_parser_code_under_100")
rs("res-status-9999", b"HTTP/1.1 9999 test\r\n\r\n", "error", [], "status code '9999': status-code = 3DIGIT (RFC 9112 4)",
   "test_http_response_parser_code_above_999")
rs("res-status-ttt", b"HTTP/1.1 ttt test\r\n\r\n", "error", [], "status code 'ttt': not digits (RFC 9112 4)",
   "test_http_response_parser_code_not_int")
for raw, name in (("\N{mathematical double-struck digit one}".encode(), "utf8digit"),
                  ("\N{superscript one}".encode(), "utf8number"),
                  ("\N{superscript one}".encode("latin-1"), "latin1number")):
    rs("res-status-" + name, b"HTTP/1.1 20" + raw + b" test\r\n\r\n", "error", [],
       "status code '20' + non-ASCII bytes %s: status-code = 3DIGIT (RFC 9112 4)" % raw.hex(" "),
       "test_http_response_parser_code_not_ascii[%s]" % name)

# ---------------------------------------------------------------------------
# Chunked request bodies (the tests feed the head, then the body, to one parser)
# ---------------------------------------------------------------------------
CH = b"GET /test HTTP/1.1\r\ntransfer-encoding: chunked\r\n\r\n"
CHH = [H, ("transfer-encoding", "chunked")]
rq("chunked-dataline", CH + b"4\r\ndata\r\n4\r\nline\r\n0\r\n\r\n", "ok",
   [req("GET", "/test", "HTTP/1.1", CHH, "chunked", b"dataline")],
   "a chunked request body of two chunks (RFC 9112 7.1)", "test_http_request_chunked_payload (feeds joined)",
   peer_ok=True)
rq("chunked-then-chunked-head",
   CH + b"4\r\ndata\r\n4\r\nline\r\n0\r\n\r\nPOST /test2 HTTP/1.1\r\ntransfer-encoding: chunked\r\n\r\n", "error",
   [req("GET", "/test", "HTTP/1.1", CHH, "chunked", b"dataline")],
   "a complete chunked request, then the head of a second chunked request and end of stream: the "
   "second message is incomplete (error after one message). aiohttp's test stops before end of "
   "stream and checks that the second body is still open. In the -host variant Host is added "
   "after both request-lines", "test_http_request_chunked_payload_and_next_message (feeds joined)",
   every=True, peer_ok=True)
rq("chunked-trailer-split", CH + b"4\r\ndata\r\n4\r\nline\r\n0\r\ntest: test\r\n\r\n", "ok",
   [req("GET", "/test", "HTTP/1.1", CHH, "chunked", b"dataline", [("test", "test")])],
   "chunked body with a trailer field, fed in many small pieces (CRLFs split) by aiohttp; the "
   "dump's --split runs cover that", "test_http_request_chunked_payload_chunks (feeds joined)", peer_ok=True)
rq("chunk-ext-name", CH + b"4;test\r\ndata\r\n4\r\nline\r\n0\r\ntest: test\r\n\r\n", "ok",
   [req("GET", "/test", "HTTP/1.1", CHH, "chunked", b"dataline", [("test", "test")])],
   "a chunk extension without value ';test' (RFC 9112 7.1.1: chunk-ext-val is optional)",
   "test_parse_chunked_payload_chunk_extension (feeds joined)", peer_ok=True)
rq("chunked-two-trailers",
   b"GET /test HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n4\r\ntest\r\n0\r\ntest: trailer\r\nsecond: test trailer\r\n\r\n",
   "ok", [req("GET", "/test", "HTTP/1.1", [H, ("Transfer-Encoding", "chunked")], "chunked", b"test",
              [("test", "trailer"), ("second", "test trailer")])],
   "chunked body with two trailer fields (RFC 9112 7.1.2)", "test_request_chunked_with_trailer", peer_ok=True)
rq("chunked-bad-trailer-lf",
   b"GET /test HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nbad\ntrailer\r\n\r\n", "error", [],
   "a bare LF inside the trailer section ('bad\\ntrailer'): lines end in CRLF, and 'bad' is no "
   "field line (RFC 9112 7.1.2, 2.2)", "test_request_chunked_reject_bad_trailer")
rq("post-no-length", b"POST /test HTTP/1.1\r\n\r\n", "ok", [req("POST", "/test", "HTTP/1.1", [H])],
   "POST without Content-Length or Transfer-Encoding: length 0 (RFC 9112 6.3 step 7)",
   "test_parse_no_length_or_te_on_post", peer_ok=True)
rq("put-no-length", b"PUT / HTTP/1.1\r\n\r\n", "ok", [req("PUT", "/", "HTTP/1.1", [H])],
   "PUT without Content-Length or Transfer-Encoding: length 0 (RFC 9112 6.3 step 7)",
   "test_parse_no_length_payload", peer_ok=True)
rq("chunk-ext-bare-lf",
   b"GET / HTTP/1.1\r\nHost: localhost:5001\r\nTransfer-Encoding: chunked\r\n\r\n2;\nxx\r\n4c\r\n0\r\n\r\n"
   b"GET /admin HTTP/1.1\r\nHost: localhost:5001\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", "error", [],
   "a chunk-size line '2;' ended by a bare LF (and an empty extension name): chunk lines end in CRLF "
   "and chunk-ext needs a token (RFC 9112 7.1, 7.1.1); a parser ending the line at the LF reads a "
   "different body and a smuggled 'GET /admin'; aiohttp rejects it too",
   "test_parse_chunked_payload_with_lf_in_extensions")

# ---------------------------------------------------------------------------
# Response bodies
# ---------------------------------------------------------------------------
rs("res-head-cl-10", b"HTTP/1.1 200 Ok\r\ncontent-length: 10\r\n\r\n", "ok",
   [res("HTTP/1.1", 200, "Ok", [("content-length", "10")], "none")],
   "a response with Content-Length: 10 to a HEAD request has no body (RFC 9112 6.3 step 1); "
   "aiohttp's response_with_body=False is expressed as methods: [HEAD]",
   "test_parse_payload_response_without_body", methods=("HEAD",))
rs("res-cl-4-then-partial", b"HTTP/1.1 200 Ok\r\ncontent-length: 4\r\n\r\ndataHT", "error",
   [res("HTTP/1.1", 200, "Ok", [("content-length", "4")], "length", b"data")],
   "a 4-byte body 'data', then 'HT': the start of a next response cut short by end of stream "
   "(error after one message). aiohttp's test checks the body and never signals end of stream",
   "test_parse_length_payload (feeds joined)")
rs("res-two-cl", b"HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\nfirstHTTP/1.1 200 OK\r\ncontent-length: 6\r\n\r\nsecond", "ok",
   [res("HTTP/1.1", 200, "OK", [("content-length", "5")], "length", b"first"),
    res("HTTP/1.1", 200, "OK", [("content-length", "6")], "length", b"second")],
   "two Content-Length responses back to back on one connection", "test_parse_content_length_payload_multiple (feeds joined)")
rs("res-cl-then-chunked",
   b"HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\nfirstHTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n6\r\nsecond\r\n0\r\n\r\n", "ok",
   [res("HTTP/1.1", 200, "OK", [("content-length", "5")], "length", b"first"),
    res("HTTP/1.1", 200, "OK", [("transfer-encoding", "chunked")], "chunked", b"second")],
   "a Content-Length response, then a chunked one", "test_parse_content_length_than_chunked_payload (feeds joined)")
SECOND = b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n6\r\nsecond\r\n0\r\n\r\n"
SECOND_M = res("HTTP/1.1", 200, "OK", [("transfer-encoding", "chunked")], "chunked", b"second")
for code in (204, 304, 101, 102):
    d = ("HTTP/1.1 %d OK\r\n" % code).encode() + b"transfer-encoding: chunked\r\n\r\n" + SECOND
    first = [("transfer-encoding", "chunked")]
    t = "test_parse_chunked_payload_empty_body_than_another_chunked[%d] (feeds joined)" % code
    if code == 101:
        rs("res-%d-te-then-chunked" % code, d, "ok", [res("HTTP/1.1", 101, "OK", first, "upgrade")],
           "differs from aiohttp: aiohttp treats this 101 (without Upgrade) as an empty message and "
           "decodes the next response; in the profile any 101 switches protocols (framing 1; RFC 9110 "
           "15.2.2), so the bytes after its head belong to the new protocol and are not decoded", t,
           differs="aiohttp decodes a second response after a 101; profile framing 1: a 101 is upgrade, nothing more decoded")
    else:
        kind = {204: "204 (No Content)", 304: "304 (Not Modified)", 102: "102, a 1xx,"}[code]
        rs("res-%d-te-then-chunked" % code, d, "ok",
           [res("HTTP/1.1", code, "OK", first, "none"), SECOND_M],
           "a %s response has no body even with Transfer-Encoding: chunked (RFC 9112 6.3 step 1; "
           "RFC 9112 6.1 forbids the sender's TE, the framing still ignores it), then a chunked 200"
           % kind + (" (a 1xx is a message of its own)" if code == 102 else ""), t)
rs("res-chunked-split", b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nfirst\r\n6\r\nsecond\r\n0\r\n\r\n", "ok",
   [res("HTTP/1.1", 200, "OK", [("Transfer-Encoding", "chunked")], "chunked", b"firstsecond")],
   "a chunked response that aiohttp feeds in pieces cut at the CRLF after chunk data; the dump's "
   "--split runs cover the cuts", "test_parse_chunked_payload_split_chunks (feeds joined)")

# ---------------------------------------------------------------------------
# URIs
# ---------------------------------------------------------------------------
for uri in ("/path%23frag", "/path%2523frag", "/path?key=value%23frag", "/path?key=value%2523frag",
            "/path#frag%20", "/path#frag%2520"):
    slug = "uri-" + uri.strip("/").replace("?", "-q-").replace("#", "-frag-").replace("%", "pct").replace("=", "-")
    frag = "#" in uri
    rq(slug, ("GET %s HTTP/1.1\r\n\r\n" % uri).encode(), "ok",
       [req("GET", uri, "HTTP/1.1", [H])],
       "origin-form target %r, percent-encoding kept as sent" % uri
       + (" ('#' is not in RFC 3986's path or query; the profile's form rule checks the form's "
          "start and forbids only whitespace, control and DEL bytes, as the shared llhttp corpus "
          "reads it)" if frag else ""),
       "test_parse_uri_percent_encoded[%s]" % uri, peer_ok=True)
rq("uri-utf8", "GET /путь?ключ=знач#фраг HTTP/1.1\r\n\r\n".encode(), "either",
   [req("GET", "/путь?ключ=знач#фраг".encode(), "HTTP/1.1", [H])],
   "raw UTF-8 bytes in the request-target: 'either' in the profile (bytes 0x80-0xFF in the target). "
   "aiohttp's Python parser accepts it, its C parser rejects it (the test is xfail there)",
   "test_parse_uri_utf8", peer_ok=True)
Q = "/%D0%BF%D1%83%D1%82%D1%8C?%D0%BA%D0%BB%D1%8E%D1%87=%D0%B7%D0%BD%D0%B0%D1%87#%D1%84%D1%80%D0%B0%D0%B3"
rq("uri-utf8-percent-encoded", ("GET %s HTTP/1.1\r\n\r\n" % Q).encode(), "ok",
   [req("GET", Q, "HTTP/1.1", [H])],
   "a percent-encoded UTF-8 target with query and '#' fragment, all ASCII", "test_parse_uri_utf8_percent_encoded",
   peer_ok=True)
rq("method-get1", b"GET1 /test HTTP/1.1\r\n\r\n", "ok", [req("GET1", "/test", "HTTP/1.1", [H])],
   "differs from aiohttp: aiohttp's C parser (llhttp) rejects the unknown method 'GET1'; a method is "
   "any token (RFC 9110 9.1, 5.6.2), and an unknown one is the application's 501, not a parse error",
   "test_parse_bad_method_for_c_parser_raises",
   differs="aiohttp's C parser rejects method GET1; RFC 9110 9.1: any token is a method")

# ---------------------------------------------------------------------------
# HttpPayloadParser tests (body bytes with no head): derived, each body put after
# a head that selects the same reader (POST + Host with Content-Length or chunked;
# a 200 response without framing fields for the read-until-EOF reader).
# ---------------------------------------------------------------------------
PL = "body bytes fed to HttpPayloadParser, put after a head selecting the same reader"
CHUNK_HEAD = b"POST / HTTP/1.1\r\nHost: example.com\r\nTransfer-Encoding: chunked\r\n\r\n"
CHUNK_HDRS = [H, ("Transfer-Encoding", "chunked")]
T = "TestParsePayload."
add("payload-eof", "response", b"HTTP/1.1 200 OK\r\n\r\ndata", "ok",
    [res("HTTP/1.1", 200, "OK", [], "close", b"data")],
    "a body read to end of stream: a response without CL/TE is close-delimited (RFC 9112 6.3 step 8); derived",
    src(T + "test_parse_eof_payload", derived=PL))
add("payload-cl-short", "request", b"POST / HTTP/1.1\r\nHost: example.com\r\nContent-Length: 4\r\n\r\nda", "error", [],
    "Content-Length 4 but the stream ends after 2 bytes: incomplete (RFC 9112 6.3 step 5, 8.: a "
    "recipient MUST consider the message incomplete); derived",
    src(T + "test_parse_length_payload_eof", derived=PL))
add("payload-chunk-size-blah", "request", CHUNK_HEAD + b"blah\r\n", "error", [],
    "chunk-size 'blah' is not 1*HEXDIG (RFC 9112 7.1); derived",
    src(T + "test_parse_chunked_payload_size_error", derived=PL))
add("payload-chunk-data-too-long", "request", CHUNK_HEAD + b"4\r\nHello\r\n0\r\n\r\n", "error", [],
    "chunk-size 4 but 5 data bytes: after 'Hell' comes 'o', not the CRLF that must follow "
    "chunk-data (RFC 9112 7.1); derived",
    src(T + "test_parse_chunked_payload_size_data_mismatch", derived=PL))
add("payload-chunk-data-too-short", "request", CHUNK_HEAD + b"6\r\nHello\r\n0\r\n\r\n", "error", [],
    "chunk-size 6 but 5 data bytes: the 6 bytes are 'Hello\\r', then '\\n0' is not CRLF (RFC 9112 7.1); derived",
    src(T + "test_parse_chunked_payload_size_data_mismatch_too_short", derived=PL))
for t in ("test_parse_chunked_payload_split_end", "test_parse_chunked_payload_split_end2"):
    add("payload-chunked-asdf", "request", CHUNK_HEAD + b"4\r\nasdf\r\n0\r\n\r\n", "ok",
        [req("POST", "/", "HTTP/1.1", CHUNK_HDRS, "chunked", b"asdf")],
        "a one-chunk body and the last chunk; aiohttp feeds the final CRLF (or its LF) apart, which "
        "the dump's --split runs cover; derived", src(T + t + " (feeds joined)", derived=PL))
for t in ("test_parse_chunked_payload_split_end_trailers", "test_parse_chunked_payload_split_end_trailers2",
          "test_parse_chunked_payload_split_end_trailers3", "test_parse_chunked_payload_split_end_trailers4"):
    add("payload-chunked-content-md5-trailer", "request",
        CHUNK_HEAD + b"4\r\nasdf\r\n0\r\nContent-MD5: 912ec803b2ce49e4a541068d495ab570\r\n\r\n", "ok",
        [req("POST", "/", "HTTP/1.1", CHUNK_HDRS, "chunked", b"asdf",
             [("Content-MD5", "912ec803b2ce49e4a541068d495ab570")])],
        "a chunked body with a Content-MD5 trailer field, fed in pieces by aiohttp; derived",
        src(T + t + " (feeds joined)", derived=PL))
add("payload-cl-2-then-45", "request", b"POST / HTTP/1.1\r\nHost: example.com\r\nContent-Length: 2\r\n\r\n1245", "error",
    [req("POST", "/", "HTTP/1.1", [H, ("Content-Length", "2")], "length", b"12")],
    "Content-Length 2: the body is '12'; '45' is the start of a next request, cut short by end of "
    "stream (error after one message). aiohttp's test checks that '45' is returned as the tail; derived",
    src(T + "test_http_payload_parser_length", derived=PL))

SKIPPED["no wire bytes (module import check, mocked decompressor, length 0 with no input)"] = [
    "test_c_parser_loaded", "TestParsePayload.test_http_payload_parser_length_zero",
    "TestDeflateBuffer.test_feed_data", "TestDeflateBuffer.test_feed_data_err", "TestDeflateBuffer.test_feed_eof",
    "TestDeflateBuffer.test_feed_eof_err_deflate", "TestDeflateBuffer.test_feed_eof_no_err_gzip",
    "TestDeflateBuffer.test_feed_eof_no_err_brotli", "TestDeflateBuffer.test_feed_eof_no_err_zstandard",
    "TestDeflateBuffer.test_empty_body", "TestDeflateBuffer.test_streaming_decompress_large_payload"]
SKIPPED["content-coding decompression of a body (the corpus does not decode content codings)"] = [
    "TestParsePayload.test_http_payload_parser_deflate", "TestParsePayload.test_http_payload_parser_deflate_no_hdrs",
    "TestParsePayload.test_http_payload_parser_deflate_light", "TestParsePayload.test_http_payload_parser_deflate_split",
    "TestParsePayload.test_http_payload_parser_deflate_split_err", "TestParsePayload.test_http_payload_brotli",
    "TestParsePayload.test_http_payload_zstandard", "TestParsePayload.test_http_payload_zstandard_multi_frame",
    "TestParsePayload.test_http_payload_zstandard_multi_frame_chunked",
    "TestParsePayload.test_http_payload_zstandard_frame_split_mid_chunk",
    "TestParsePayload.test_http_payload_zstandard_many_small_frames"]


def main():
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))
    for c in CASES:
        assert c["note"], c["id"]
    with open(os.path.join(here, "aiohttp.json"), "w") as f:
        json.dump(CASES, f, ensure_ascii=True, indent=1)
        f.write("\n")
    counts, modes = {}, {}
    for c in CASES:
        counts[c["expect"]] = counts.get(c["expect"], 0) + 1
        modes[c["mode"]] = modes.get(c["mode"], 0) + 1
    der = [c for c in CASES if "(variant:" in c["source"]]
    print("cases: %d %s %s" % (len(CASES), counts, modes))
    dc = {}
    for c in der:
        dc[c["expect"]] = dc.get(c["expect"], 0) + 1
    print("derived (variants): %d %s; -host: %d" % (len(der), dc, sum(1 for c in der if c["id"].endswith("-host"))))
    print("duplicates merged: %d" % len(DUPLICATES))
    print("differs: %d" % len(DIFFERS))
    for r, l in SKIPPED.items():
        print("skipped %d: %s" % (len(l), r))


if __name__ == "__main__":
    main()


def stats():
    """Counts for aiohttp.md (run: python3 -c 'import aiohttp_make as m; m.stats()')."""
    orig = [c for c in CASES if "(variant:" not in c["source"]]
    host = [c for c in CASES if "(variant: Host field added)" in c["source"]]
    other = [c for c in CASES if "(variant:" in c["source"] and c not in host]
    def cnt(l):
        r = {}
        for c in l:
            k = (c["mode"], c["expect"])
            r[k] = r.get(k, 0) + 1
        return dict(sorted(r.items()))
    print("peer streams:", len(orig), cnt(orig))
    print("-host variants:", len(host), cnt(host))
    print("other derived:", len(other), cnt(other), [c["id"] for c in other])
    dup_orig = [s for s, _ in DUPLICATES if "(variant:" not in s]
    dup_pl = [s for s, _ in DUPLICATES if "(variant: body bytes fed" in s]
    print("dups: peer-stream sources merged", len(dup_orig), "payload sources merged", len(dup_pl))
    for s, cid in DUPLICATES:
        if "Host field added" not in s:
            print("   ", cid, "<-", s.split("): ", 1)[1], "|", s.split(" (", 1)[1].split(")")[0])
    new_tests = len([c for c in orig if NEW in c["source"].split("): ")[0]]) + len([s for s in dup_orig if NEW in s.split("): ")[0]])
    old_tests = len([c for c in orig if OLD in c["source"].split("): ")[0]]) + len([s for s in dup_orig if OLD in s.split("): ")[0]])
    print("test instances from NEW:", new_tests, "from OLD:", old_tests)
    print("payload-derived test instances:", len([c for c in other if "body bytes fed" in c["source"]]) + len(dup_pl))


def differs_md():
    """The differs list of aiohttp.md."""
    for cid, why in DIFFERS.items():
        print("- `%s`: %s" % (cid, why))
