#!/usr/bin/env python3
"""Build tests/corpus/puma.json: h1wire corpus cases from Puma's HTTP/1 tests.

Puma (https://github.com/puma/puma, BSD-3-Clause) keeps the tests of its
Ragel-based (Mongrel-derived) HTTP parser in test/test_http11.rb, and sends raw
request bytes to a live server in test/test_request_invalid.rb,
test/test_request_single.rb and test/test_puma_server*.rb.

Only the byte streams the tests feed to a parser or write to a server socket
are taken (rebuilt from the Ruby string literals, heredocs, interpolation and
string multiplication), plus, as response cases, the exact response bytes
Puma's server tests assert. Each case's expectation is decided by the strict
profile of CONFORMANCE.md section 3 and RFC 9112 / RFC 9110, not by the
peer's answer; where the peer answers differently the note says so
("differs from puma: ...").

Run: python3 tests/corpus/make/puma.py   (writes puma.json beside this script)
"""

import hashlib
import json
import os
import sys
from collections import Counter

from common import b2s

# Stored versions read with the search tool's read_file.
PUMA = "puma/puma"
VERSIONS = {
    (PUMA, "test/test_http11.rb"): "fe585e46223873b0b3278c98dbd4f2d015b1678e",
    (PUMA, "test/test_http10.rb"): "0d785810290b05885c98ccd9654ae659cb2eed64",
    (PUMA, "test/test_request_invalid.rb"): "09e97db6b84235780814340a0ccc9d9330956b41",
    (PUMA, "test/test_request_invalid_multiple.rb"): "00158baf9640631bae0bf19cc0f719b12d7a86cf",
    (PUMA, "test/test_request_single.rb"): "0a77e535bd2810905145830b595fd659a585d3fa",
    (PUMA, "test/test_puma_server.rb"): "0004bb5be4844f7b4ea8a49bfc72db8eef626b90",
    (PUMA, "test/test_puma_server_hijack.rb"): "0e223e324ec00d921e960dc9ffac151e64db2a7b",
}
# test/helpers/test_puma/puma_socket.rb (commit 8904180fe114): GET_10 and GET_11.
GET_10 = b"GET / HTTP/1.0\r\n\r\n"
GET_11 = b"GET / HTTP/1.1\r\n\r\n"

CASES = []
SEEN = {}
CONVERTED = []   # (repo, file, test) of every test whose bytes went into a case
SKIPPED = []     # (repo, file, test, reason)


def src(repo, fname, test, detail=None, derived=None):
    s = "%s %s (commit %s): %s" % (repo, fname, VERSIONS[(repo, fname)][:12], test)
    if detail:
        s += ", " + detail
    if derived:
        s += " (variant: %s)" % derived
    return s


def short(source):
    repo, rest = source.split(" ", 1)
    f, rest = rest.split(" (commit ", 1)
    return "%s %s: %s" % (repo, f, rest.split("): ", 1)[1])


def split_lines(head):
    lines = head.split(b"\r\n")
    while lines and lines[-1] == b"":
        lines.pop()
    return lines


def fields(lines):
    out = []
    for ln in lines:
        n, v = ln.split(b":", 1)
        out.append([b2s(n), b2s(v.strip(b" \t"))])
    return out


def M(head, framing="none", body=b"", trailers=b""):
    """A complete request message from its (valid) head bytes.

    trailers: the trailer section's field lines (bytes, CRLF-separated)."""
    lines = split_lines(head)
    method, target, version = lines[0].split(b" ")
    return {
        "start": [b2s(method), b2s(target), b2s(version)],
        "headers": fields(lines[1:]),
        "framing": framing,
        "body": b2s(body),
        "trailers": fields(split_lines(trailers)) if trailers else [],
        "complete": True,
    }


def R(head, framing, body=b""):
    """A complete response message from its (valid) head bytes."""
    lines = split_lines(head)
    version, status, reason = lines[0].split(b" ", 2)
    return {
        "start": [b2s(version), b2s(status), b2s(reason)],
        "headers": fields(lines[1:]),
        "framing": framing,
        "body": b2s(body),
        "trailers": [],
        "complete": True,
    }


def add(slug, mode, data, expect, messages, note, source, methods=(), prefix="puma-"):
    assert isinstance(data, bytes)
    assert expect in ("ok", "error", "either")
    cid = prefix + slug
    assert cid not in {c["id"] for c in CASES}, cid
    key = (mode, tuple(methods), data)
    rfs = tuple(source.split(" (commit ")[0].split(" ", 1)) + (source.split("): ", 1)[1],)
    if key in SEEN:
        also_id(SEEN[key], source)
        return SEEN[key]
    SEEN[key] = cid
    CONVERTED.append(rfs)
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


def also_id(cid, source):
    for c in CASES:
        if c["id"] == cid:
            c["source"] += "; the same bytes also in " + short(source)
            CONVERTED.append(tuple(source.split(" (commit ")[0].split(" ", 1)) +
                             (source.split("): ", 1)[1],))
            return
    raise KeyError(cid)


def also(slug, source, prefix="puma-"):
    also_id(prefix + slug, source)


def with_host(data, starts=(0,), host=b"example.com"):
    out = b""
    prev = 0
    for st in starts:
        eol = data.index(b"\r\n", st) + 2
        out += data[prev:eol] + b"Host: " + host + b"\r\n"
        prev = eol
    return out + data[prev:]


def add_host(slug, data, expect, messages, note, source, starts=(0,), host=b"example.com",
             prefix="puma-"):
    """The same stream with `Host: <host>` after the request-lines at `starts` (-host)."""
    out = with_host(data, starts, host)
    add(slug + "-host", "request", out, expect, messages,
        "derived: a Host field (%s) was added after the request-line%s that had none, since the "
        "HTTP/1.1 original is rejected for its missing Host before what the test is about can "
        "matter; " % (host.decode(), "s" if len(starts) > 1 else "") + note,
        source + " (variant: Host field added)", prefix=prefix)
    return out


def skip(repo, fname, test, reason):
    SKIPPED.append((repo, fname, test, reason))


NOHOST = ("an HTTP/1.1 request without a Host field: the profile rejects it (RFC 9112 3.2: a "
          "server MUST respond 400 to an HTTP/1.1 request that lacks Host)")
NOHOST_PUMA = NOHOST + "; differs from puma's parser test, which only checks the parse (the " \
    "Ragel parser does not check Host; newer Puma servers reject a missing Host at the client " \
    "level); the -host variant checks the feature itself"
CLOSE_EITHER = ("bytes follow a request that closes the connection (Connection: close, or "
                "HTTP/1.0 without keep-alive): the profile lets a decoder stop there or go on "
                "(either); going on, the trailing bytes are no valid request")
FRAG = ("'#' in the request-target: RFC 9112 3.2 origin-form (absolute-path [\"?\" query]) has no "
        "fragment, so a server may answer 400, or read the target as it is (either; the "
        "profile's own sweep case h1wire-profile-req-target-fragment is either)")
PRINTABLE = ("the target holds visible ASCII that the URI grammar does not allow ('\"', '<', '>'); "
             "the profile only bans whitespace, control and DEL bytes in the request-target, so "
             "it is ok (as in the llhttp corpus' quotes-in-uri case)")
USERINFO = ("userinfo in an absolute-form http target: RFC 9110 4.2.4 says a recipient SHOULD "
            "treat it as an error (it obscures the authority); SHOULD leaves a choice, so either")


def rand_data(mn, mx, readable=True):
    """Puma's `rand_data` helper made deterministic.

    Ruby: count = min + ((rand(max)+1)*10); res = "#{count}/" + SHA1 hexdigest *
    (count/40) (readable) or SHA1 binary digest * (count/20). Here rand(max)
    is taken as max/2 and rand(count*100) as count*50."""
    count = mn + ((mx // 2) + 1) * 10
    seed = str(count * 50).encode()
    res = str(count).encode() + b"/"
    if readable:
        res += hashlib.sha1(seed).hexdigest().encode() * (count // 40)
    else:
        res += hashlib.sha1(seed).digest() * (count // 20)
    return res


def has_ctl(b):
    return any(x < 0x20 and x != 0x09 or x == 0x7f for x in b)


# ===========================================================================
# puma test/test_http11.rb
# ===========================================================================
F = "test/test_http11.rb"


def s11(test, detail=None):
    return src(PUMA, F, test, detail)


d = b"GET /?a=1 HTTP/1.1\r\n\r\n"
add("http11-parse-simple", "request", d, "error", [],
    "a GET with a query and no fields; " + NOHOST_PUMA, s11("test_parse_simple"))
also("http11-parse-simple", s11("test_parse_chunked", "the same bytes fed in two pieces "
                                "('GET /?a=1 ' then the rest); the runner's split sizes stand for that"))
h = add_host("http11-parse-simple", d, "ok", [M(with_host(d))],
             "a GET with a query, no body (RFC 9112 6.3: a request without Content-Length or "
             "Transfer-Encoding has length 0)", s11("test_parse_simple"))

d = b"GET /admin/users?search=%27%%27 HTTP/1.1\r\n\r\n"
add("http11-escaping-in-query", "request", d, "error", [],
    "a query holding '%%' (not a pct-encoded triplet); " + NOHOST_PUMA,
    s11("test_parse_escaping_in_query"))
add_host("http11-escaping-in-query", d, "ok", [M(with_host(d))],
         "'%%27' in the query is not valid pct-encoding (RFC 3986 2.1), but the profile only bans "
         "whitespace, control and DEL bytes in the target; the decoder does not decode "
         "pct-encoding, so it passes the target through; puma agrees",
         s11("test_parse_escaping_in_query"))

d = b"GET http://192.168.1.96:3000/api/v1/matches/test?1=1 HTTP/1.1\r\n\r\n"
add("http11-absolute-uri", "request", d, "error", [],
    "an absolute-form target with an IPv4 host and port; still an HTTP/1.1 request without "
    "Host, which RFC 9112 3.2 rejects even in absolute-form (a client MUST send Host); "
    "differs from puma's parser test", s11("test_parse_absolute_uri"))
add_host("http11-absolute-uri", d, "ok", [M(with_host(d, host=b"192.168.1.96:3000"))],
         "absolute-form GET (RFC 9112 3.2.2), with a Host equal to its authority",
         s11("test_parse_absolute_uri"), host=b"192.168.1.96:3000")

d = b"GET / HTTP/1.1\r\naaaaaaaaaaaaa:++++++++++\r\n\r\n"
add("http11-strange-headers", "request", d, "error", [],
    "a field 'aaaaaaaaaaaaa' with value '++++++++++' and no OWS after the colon; " + NOHOST_PUMA,
    s11("test_parse_dumbfuck_headers"))
add_host("http11-strange-headers", d, "ok", [M(with_host(d))],
         "the name is a token, the value is VCHARs, OWS after ':' is optional (RFC 9112 5); "
         "puma agrees", s11("test_parse_dumbfuck_headers"))

add("http11-parse-error", "request", b"GET / SsUTF/1.1", "error", [],
    "the version is 'SsUTF/1.1' (RFC 9112 2.3: HTTP-version = 'HTTP/' DIGIT '.' DIGIT) and the "
    "stream ends inside the request-line; puma agrees (error)",
    s11("test_parse_error", "as in the other stored versions of the file"))
add("http11-parse-error-crlf", "request", b"GET / SsUTF/1.1\r\n", "error", [],
    "the version 'SsUTF/1.1' is not HTTP-version (RFC 9112 2.3); puma agrees",
    s11("test_parse_error", "this version appends CRLF to the bad request-line"))

d = b"GET /forums/1/topics/2375?page=1#posts-17408 HTTP/1.1\r\n\r\n"
add("http11-fragment-in-uri", "request", d, "error", [],
    "a fragment in the target; " + NOHOST_PUMA, s11("test_fragment_in_uri"))
add_host("http11-fragment-in-uri", d, "either", [M(with_host(d))],
         FRAG + "; puma accepts and splits off FRAGMENT", s11("test_fragment_in_uri"))

d = b"GET /forums/1/path;stillpath/2375?page=1 HTTP/1.1\r\n\r\n"
add("http11-semicolon-in-path", "request", d, "error", [],
    "';' inside the path; " + NOHOST_PUMA, s11("test_semicolon_in_path"))
add_host("http11-semicolon-in-path", d, "ok", [M(with_host(d))],
         "';' is a sub-delim allowed in a path segment (RFC 3986 3.3); puma agrees",
         s11("test_semicolon_in_path"))

path = b"/" + rand_data(7000, 100)
d = b"GET " + path + b" HTTP/1.1\r\n\r\n"
add("http11-uri-path-7k", "request", d, "error", [],
    "a %d-byte path (puma's random rand_data(7000, 100), fixed here); " % len(path) + NOHOST_PUMA,
    s11("test_max_uri_path_length", "first request (path under puma's 8192 limit)"))
add_host("http11-uri-path-7k", d, "ok", [M(with_host(d))],
         "a %d-byte path: the request-line is under the profile's 16 KiB line limit; puma agrees"
         % len(path), s11("test_max_uri_path_length", "first request"))

path = b"/" + rand_data(9000, 100)
d = b"GET " + path + b" HTTP/1.1\r\n\r\n"
add("http11-uri-path-9k", "request", d, "error", [],
    "a %d-byte path (rand_data(9000, 100), fixed here); " % len(path) + NOHOST,
    s11("test_max_uri_path_length", "second request (path over puma's 8192 limit)"))
add_host("http11-uri-path-9k", d, "ok", [M(with_host(d))],
         "differs from puma: puma limits REQUEST_PATH to 8192 bytes and rejects this %d-byte path; "
         "the profile's only bound is the 16 KiB line limit (a configurable limit), which this "
         "request-line stays under" % len(path), s11("test_max_uri_path_length", "second request"))

for c in (0, 9):
    name = b"X-" + rand_data(1024, 1024 + c * 1024)
    d = b"GET /" + rand_data(10, 120) + b" HTTP/1.1\r\n" + name + b": Test\r\n\r\n"
    add("http11-horrible-name-c%d" % c, "request", d, "error", [],
        "a %d-byte field name that contains '/' (rand_data puts 'count/' in front of the hex): "
        "'/' is not a tchar (RFC 9110 5.1)%s; puma agrees (error). Case for c = %d of the test's "
        "10 random rounds (c = 0 and 9 taken, random values fixed)"
        % (len(name), ", and the line is over the 16 KiB line limit" if len(name) > 16384 else "", c),
        s11("test_horrible_queries", "large header names, round c = %d" % c))

for c in (0, 9):
    val = rand_data(1024, 1024 + c * 1024, False)
    assert has_ctl(val)
    d = b"GET /" + rand_data(10, 120) + b" HTTP/1.1\r\nX-Test: " + val + b"\r\n\r\n"
    add("http11-horrible-value-c%d" % c, "request", d, "error", [],
        "a %d-byte value made of repeated binary SHA-1 digests, which hold control bytes (and "
        "maybe CR/LF/NUL): a field value allows no control byte but HTAB (RFC 9110 5.5)%s; puma "
        "agrees (error). Round c = %d of 10 (random values fixed)"
        % (len(val), ", and the line is over the 16 KiB limit" if len(val) > 16384 else "", c),
        s11("test_horrible_queries", "large mangled field values, round c = %d" % c))

# (The test sends 80 * 1024 lines, 1.1 MB; 5 * 1024 of them, 70 KiB, are
# past the same limits.)
d = b"GET /" + rand_data(10, 120) + b" HTTP/1.1\r\n" + b"X-Test: test\r\n" * (5 * 1024)
add("http11-horrible-many-fields", "request", d, "error", [],
    "5120 'X-Test: test' field lines (70 KiB; the test sends 81920, 1.1 MB) and no end of head: "
    "over the profile's head limit (64 KiB) and field-line limit (100), and the stream ends "
    "inside the head; puma agrees",
    s11("test_horrible_queries", "large headers"))

for c in (0, 9):
    d = (b"GET " + rand_data(1024, 1024 + c * 1024, False) + b" " +
         rand_data(1024, 1024 + c * 1024, False) + b"\r\n\r\n")
    add("http11-horrible-garbage-c%d" % c, "request", d, "error", [],
        "a request-line whose target and version are binary garbage (control bytes in the target, "
        "no HTTP-version): RFC 9112 3; puma agrees. Round c = %d of 10 (random values fixed)" % c,
        s11("test_horrible_queries", "random garbage, round c = %d" % c))

d = b"GET / HTTP/1.1\r\nX-Strip-Me: \t Strip This \t      \r\n\r\n"
add("http11-trims-whitespace", "request", d, "error", [],
    "a value with SP/HTAB before and after; " + NOHOST_PUMA, s11("test_trims_whitespace_from_headers"))
add_host("http11-trims-whitespace", d, "ok", [M(with_host(d))],
         "leading and trailing OWS is not part of the value (RFC 9112 5.1): 'Strip This'; puma "
         "agrees", s11("test_trims_whitespace_from_headers"))

d = b"GET / HTTP/1.1\r\nHost: localhost:8080\r\nDummy: x\nDummy2: y\r\n\r\n"
add("http11-newline-smuggler", "request", d, "error", [],
    "a field line ended by a bare LF ('Dummy: x\\nDummy2: y'): the profile requires CRLF (RFC "
    "9112 2.2; bare LF is an off-by-default option); puma agrees (error)",
    s11("test_newline_smuggler"))
d = b"GET / HTTP/1.1\r\nHost: localhost:8080\r\nDummy: x\r\nDummy: y\nDummy2: z\r\n\r\n"
add("http11-newline-smuggler-two", "request", d, "error", [],
    "the second 'Dummy' line ends in a bare LF: error (RFC 9112 2.2); puma agrees",
    s11("test_newline_smuggler_two"))
d = b"GET / HTTP/1.1\r\nHost: localhost:8080\r\nDummy: Valid\tValue\r\n\r\n"
add("http11-htab-in-value", "request", d, "ok", [M(d)],
    "an HTAB inside a value is field-content (RFC 9110 5.5) and is kept; puma agrees",
    s11("test_htab_in_header_val"))

skip(PUMA, F, "test_get_const_length",
     "JRuby-only test of the parser's length constants read from the environment; its request "
     "comes from an integration helper, not from the test")

# ===========================================================================
# puma test/test_http10.rb
# ===========================================================================
F10 = "test/test_http10.rb"
add("http10-parse-simple", "request", GET_10, "ok", [M(GET_10)],
    "an HTTP/1.0 GET with no fields: Host is only required in HTTP/1.1 (RFC 9112 3.2); puma "
    "agrees", src(PUMA, F10, "test_parse_simple"))

# ===========================================================================
# puma test/test_request_invalid.rb (and test_request_invalid_multiple.rb, same bytes)
# GET_PREFIX has no Host field.
# ===========================================================================
FI = "test/test_request_invalid.rb"
FIM = "test/test_request_invalid_multiple.rb"
GP0 = b"GET / HTTP/1.1\r\nConnection: close\r\n"
CHUNKED = b"1\r\nH\r\n4\r\nello\r\n5\r\nWorld\r\n0\r\n\r\n"
PROBE = ("(after puma's error response the test writes GET_11 to check that the connection was "
         "closed; that probe is not part of this stream)")


def si(test, detail=None):
    return src(PUMA, FI, test, detail)


def alsoim(slug, test):
    also(slug, src(PUMA, FIM, test))


d = b"GET /" + b"a" * 8500 + b" HTTP/1.1\r\n\r\n"
add("inv-oversize-path", "request", d, "error", [],
    "an 8501-byte path; " + NOHOST + " " + PROBE, si("test_oversize_path"))
alsoim("inv-oversize-path", "test_oversize_path")
add_host("inv-oversize-path", d, "ok", [M(with_host(d))],
         "differs from puma: puma answers 400 to a path over its 8192-byte REQUEST_PATH limit; "
         "the profile's bound is the 16 KiB line limit, which this request-line stays under",
         si("test_oversize_path"))

d = GET_11 + b"GET /" + b"a" * 8500 + b" HTTP/1.1\r\n\r\n"
add("inv-oversize-path-keep-alive", "request", d, "error", [],
    "differs from puma (200 for the first request): GET_11 then the 8501-byte path on the same "
    "connection; the first request already lacks Host (" + NOHOST + ") " + PROBE, si("test_oversize_path_keep_alive"))
alsoim("inv-oversize-path-keep-alive", "test_oversize_path_keep_alive")
h = with_host(d, (0, len(GET_11)))
add_host("inv-oversize-path-keep-alive", d, "ok",
         [M(h[:h.index(b"\r\n\r\n") + 4]), M(h[h.index(b"\r\n\r\n") + 4:])],
         "differs from puma (200 then 400): both requests are valid for the profile (the second "
         "request-line is under the 16 KiB line limit)", si("test_oversize_path_keep_alive"),
         starts=(0, len(GET_11)))

d = GP0 + b"Content-Length: 5\r\nContent-Length: 5\r\n\r\nHello\r\n\r\n"
add("inv-cl-multiple", "request", d, "error", [],
    "two 'Content-Length: 5' lines; " + NOHOST, si("test_content_length_multiple"))
alsoim("inv-cl-multiple", "test_content_length_multiple")
h = with_host(d)
add_host("inv-cl-multiple", d, "either", [M(h[:h.index(b"\r\n\r\n") + 4], "length", b"Hello")],
         "puma rejects it (400), which the profile allows too: two identical Content-Length "
         "values may be accepted as one or rejected (RFC 9112 6.3 step 5; profile: either); " +
         CLOSE_EITHER + " (a second empty line)",
         si("test_content_length_multiple"))

for n, v in ((1, b"5.01"), (2, b"+5"), (3, b"5 test")):
    d = GP0 + b"Content-Length: " + v + b"\r\n\r\nHello\r\n\r\n"
    add("inv-cl-bad-%d" % n, "request", d, "error", [],
        "Content-Length '%s' is not 1*DIGIT (RFC 9112 6.2), and the request lacks Host; puma "
        "agrees (400); test_request_single.rb has the case with a Host field" % v.decode(),
        si("test_content_length_bad_characters_%d" % n))
    alsoim("inv-cl-bad-%d" % n, "test_content_length_bad_characters_%d" % n)

d = GET_11 + GP0 + b"Content-Length: 5.01\r\n\r\nHello\r\n\r\n"
add("inv-cl-bad-keep-alive", "request", d, "error", [],
    "differs from puma (200 for the first request): GET_11 then a request with Content-Length "
    "'5.01' on the same connection; the first already lacks Host (RFC 9112 3.2). " + PROBE, si("test_content_length_bad_characters_1_keep_alive"))
alsoim("inv-cl-bad-keep-alive", "test_content_length_bad_characters_1_keep_alive")
h = with_host(d, (0, len(GET_11)))
add_host("inv-cl-bad-keep-alive", d, "error", [M(h[:h.index(b"\r\n\r\n") + 4])],
         "the first GET is valid; the second has Content-Length '5.01', not 1*DIGIT (RFC 9112 "
         "6.2): error after one message; puma agrees (200, then 400)",
         si("test_content_length_bad_characters_1_keep_alive"), starts=(0, len(GET_11)))

TE_CASES = [
    ("inv-te-chunked-not-last", "test_transfer_encoding_chunked_not_last",
     b"Transfer-Encoding: chunked\r\nTransfer-Encoding: gzip",
     "Transfer-Encoding lines make the list 'chunked, gzip': chunked is not the final coding of "
     "a request (RFC 9112 6.3 step 4: 400)"),
    ("inv-te-chunked-multiple", "test_transfer_encoding_chunked_multiple",
     b"Transfer-Encoding: chunked\r\nTransfer-Encoding: gzip\r\nTransfer-Encoding: chunked",
     "'chunked, gzip, chunked': chunked applied twice (RFC 9112 7.1: MUST NOT apply chunked more "
     "than once)"),
    ("inv-te-invalid-single", "test_transfer_encoding_invalid_single",
     b"Transfer-Encoding: xchunked",
     "'xchunked' is not a registered coding (profile: unknown coding in a request is an error, "
     "501; RFC 9112 6.1)"),
    ("inv-te-invalid-multiple", "test_transfer_encoding_invalid_multiple",
     b"Transfer-Encoding: x_gzip\r\nTransfer-Encoding: gzip\r\nTransfer-Encoding: chunked",
     "'x_gzip' is not a registered coding (profile: error, 501)"),
    ("inv-te-single-not-chunked", "test_transfer_encoding_single_not_chunked",
     b"Transfer-Encoding: gzip",
     "'gzip' without a final chunked in a request: the length cannot be determined (RFC 9112 "
     "6.3 step 4: 400)"),
]
for slug, test, te, why in TE_CASES:
    d = GP0 + te + b"\r\n\r\n" + CHUNKED
    add(slug, "request", d, "error", [],
        why + "; the request also lacks Host; puma agrees (error); test_request_single.rb has "
        "the case with a Host field", si(test))
    alsoim(slug, test)

CH_CASES = [
    (1, b"5.01", b"Hello", "'5.01' is not 1*HEXDIG (RFC 9112 7.1)"),
    (2, b"+5", b"Hello", "'+5' is not 1*HEXDIG"),
    (3, b"5 bad", b"Hello", "'5 bad': whitespace then a word that is no chunk-ext (';' needed)"),
    (4, b"0xA", b"HelloHello", "'0xA': the 'x' is not a HEXDIG"),
]
for n, size, data, why in CH_CASES:
    d = GP0 + b"Transfer-Encoding: chunked\r\n\r\n1\r\nh\r\n" + size + b"\r\n" + data + b"\r\n0\r\n\r\n"
    add("inv-chunk-size-bad-%d" % n, "request", d, "error", [],
        "second chunk-size " + why + "; the request also lacks Host; puma agrees (error); "
        "test_request_single.rb has the case with a Host field",
        si("test_chunked_size_bad_characters_%d" % n))
    alsoim("inv-chunk-size-bad-%d" % n, "test_chunked_size_bad_characters_%d" % n)

for n, size, why in ((1, b"4", "4 < 5: 'd' then 'World' continues where CRLF must follow the "
                      "chunk-data (RFC 9112 7.1)"),
                     (2, b"6", "6 > 5: the chunk-data eats 'World\\r', and '\\n0' is not CRLF")):
    d = (GP0 + b"Transfer-Encoding: chunked\r\n\r\n" + b"5\r\nHello\r\n" + size + b"\r\nWorld\r\n" +
         b"0\r\n\r\n")
    add("inv-chunk-size-mismatch-%d" % n, "request", d, "error", [],
        "chunk size " + why + "; the request also lacks Host; puma agrees (error)",
        si("test_chunked_size_mismatch_%d" % n))
    alsoim("inv-chunk-size-mismatch-%d" % n, "test_chunked_size_mismatch_%d" % n)

for n, hdrs in ((1, [b"X-FORWARDED-FOR: 1.1.1.1", b"X-FORWARDED-FOR: 2.2.2.2",
                     b"X_FORWARDED-FOR: 3.3.3.3", b"Content-Length: 5"]),
                (2, [b"X_FORWARDED-FOR: 3.3.3.3", b"X-FORWARDED-FOR: 2.2.2.2",
                     b"X-FORWARDED-FOR: 1.1.1.1", b"Content-Length: 5"])):
    d = GP0 + b"\r\n".join(hdrs) + b"\r\n\r\nHello\r\n\r\n"
    add("inv-underscore-header-%d" % n, "request", d, "error", [],
        "a field name with '_' among X-FORWARDED-FOR lines; " + NOHOST +
        "; differs from puma (it answers 200: the test server checks env only)",
        si("test_underscore_header_%d" % n))
    alsoim("inv-underscore-header-%d" % n, "test_underscore_header_%d" % n)
    h = with_host(d)
    add_host("inv-underscore-header-%d" % n, d, "either",
             [M(h[:h.index(b"\r\n\r\n") + 4], "length", b"Hello")],
             "'X_FORWARDED-FOR' is a valid token (RFC 9110 5.1: '_' is a tchar) and a field "
             "distinct from X-FORWARDED-FOR; puma drops it from env when an X-FORWARDED-FOR "
             "exists (an application mapping, not a parse error); the body is 'Hello' "
             "(Content-Length 5); " + CLOSE_EITHER + " (a second empty line)",
             si("test_underscore_header_%d" % n))

for t in ("__test_http_11_req_oversize_content_length", "__test_http_11_req_oversize_chunked",
          "__test_http_11_req_oversize_no_content_length"):
    skip(PUMA, FI, t, "disabled in puma (the method name starts with '__', so it never runs)")
    skip(PUMA, FIM, t, "disabled in puma (the method name starts with '__', so it never runs)")

# ===========================================================================
# puma test/test_request_single.rb (GET_PREFIX has Host: test.com)
# ===========================================================================
FS = "test/test_request_single.rb"
GP = b"GET / HTTP/1.1\r\nHost: test.com\r\nConnection: close\r\n"


def ss(test, detail=None):
    return src(PUMA, FS, test, detail)


def head_of(data, n=1):
    """The bytes of the first n heads (up to and including the n-th CRLFCRLF)."""
    i = -4
    for _ in range(n):
        i = data.index(b"\r\n\r\n", i + 4)
    return data[:i + 4]


d = b"GET /?a=1 HTTP/1.1\r\nHost: test.com\r\n\r\n"
add("single-method", "request", d, "ok", [M(d)], "a plain GET with Host; puma agrees",
    ss("test_method"))

d = b"QUERY / HTTP/1.1\r\nHost: test.com\r\n\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"
add("single-query-method", "request", d, "error", [M(head_of(d))],
    "the QUERY method (a token, RFC 9110 9.1) with a head that ends right after Host: the "
    "Content-Type/Content-Length lines come after the empty line, so they start a second "
    "'request' whose request-line 'Content-Type: application/json' is no method SP target SP "
    "version (':' is not a tchar): error after one message. Puma's test only reads the first "
    "request (QUERY) and never looks at the rest", ss("test_query_method"))

d = b"GET /puma/request HTTP/1.1\r\nHost: test.com\r\n\r\n"
add("single-path-plain", "request", d, "ok", [M(d)], "puma agrees", ss("test_path_plain"))
d = b"GET /puma/request?query=books&sort=price&order=asc HTTP/1.1\r\nHost: test.com\r\n\r\n"
add("single-path-with-query", "request", d, "ok", [M(d)], "a query with '&' and '='; puma agrees",
    ss("test_path_with_query"))
for t in ("test_query", "test_uri", "test_PROTOCOL_1_1"):
    also("single-path-with-query", ss(t))
d = b"GET /puma/request?query=books&sort=price&order=asc HTTP/1.0\r\n\r\n"
add("single-protocol-1-0", "request", d, "ok", [M(d)],
    "HTTP/1.0 without Host (Host is an HTTP/1.1 requirement); puma agrees", ss("test_PROTOCOL_1_0"))

add("single-maybe-ssl", "request", b"a_}{n", "error", [],
    "'a_}{n': '}' and '{' are not tchars, and there is no request-line end; puma agrees (it "
    "guesses a TLS handshake)", ss("test_maybe_ssl"))

d = b"GEt /?a=1 HTTP/1.1\r\nHost: test.com\r\n\r\n"
add("single-method-lower-case", "request", d, "ok", [M(d)],
    "differs from puma (400 'Bad method GEt'): a method is any token (RFC 9110 9.1, RFC 9112 "
    "3.1), case-sensitive, so 'GEt' is a valid (unknown) method; rejecting it is the "
    "application's choice (501), not a parse error. The profile sweep has the same reading "
    "(h1wire-profile-req-lower-method: ok)", ss("test_method_lower_case"))

d = b"PUMA /?a=1 HTTP/1.1\r\nHost: test.com\r\n\r\n"
add("single-method-non-standard", "request", d, "ok", [M(d)],
    "differs from puma (501 'PUMA method is not supported', from its list of supported methods): "
    "'PUMA' is a token, so the message parses; 501 for an unknown method is a server policy "
    "(RFC 9110 9.1), not a decoding error", ss("test_method_non_standard"))

d = b"POST /?a=1 HTTP/1.1\r\nHost: test.com\r\n\r\n"
add("single-method-post-no-body", "request", d, "ok", [M(d)],
    "differs from puma (501, from a server option): a POST with neither Content-Length nor "
    "Transfer-Encoding: length 0 (RFC 9112 6.3 step 7). "
    "Puma's test configures supported_http_methods = HEAD, GET and expects 501, a server option "
    "the corpus has no equivalent for; the bytes themselves are a valid request",
    ss("test_method_user_not_allowed"))

d = b"GET /\x1b?a=1 HTTP/1.1\r\nHost: test.com\r\n\r\n"
add("single-path-non-printable", "request", d, "error", [],
    "ESC (0x1B) in the path: a control byte in the request-target (profile; RFC 9112 3.2); "
    "puma agrees", ss("test_path_non_printable"))
d = b"GET /?a=\x1b1 HTTP/1.1\r\nHost: test.com\r\n\r\n"
add("single-query-non-printable", "request", d, "error", [],
    "ESC (0x1B) in the query: control byte in the target; puma agrees",
    ss("test_query_non_printable"))
add("single-protocol-lower-case", "request", b"GET /test?a=1 http/1.1\r\n\r\n", "error", [],
    "'http/1.1': HTTP-name is case-sensitive %x48.54.54.50 (RFC 9112 2.3); puma agrees",
    ss("test_protocol_prefix_lower_case"))
add("single-protocol-suffix", "request", b"GET /test?a=1 HTTP/1.a\r\n\r\n", "error", [],
    "'HTTP/1.a': the minor version must be a DIGIT (RFC 9112 2.3); puma agrees",
    ss("test_protocol_suffix"))

d = b"GET /test1 HTTP/1.1\r\nHost: test.com\r\n" + b"a" * 257 + b": val\r\n\r\n"
add("single-oversize-field-name", "request", d, "ok", [M(d)],
    "differs from puma (error: FIELD_NAME over its 256-byte limit): a 257-byte token name is "
    "valid, and the line is far under the profile's 16 KiB line limit", ss("test_header_name"))

d = b"GET /test1 HTTP/1.1\r\nHost: test.com\r\ntest: " + b"a" * (80 * 1024 + 1) + b"\r\n\r\n"
add("single-oversize-field-value", "request", d, "error", [],
    "an 81921-byte value: the field line is over the profile's default 16 KiB line limit (its "
    "own error kind); puma agrees (error: FIELD_VALUE over 80 KiB)", ss("test_header_value"))

d = b"GET /#" + b"a" * 1025 + b" HTTP/1.1\r\nHost: test.com\r\n\r\n"
add("single-oversize-fragment", "request", d, "either", [M(d)],
    FRAG + ". Puma answers an error for its 1024-byte FRAGMENT limit; the line is under the "
    "profile's 16 KiB limit, so only the fragment makes it either", ss("test_request_fragment"))

hdrs = (b"a" * 256 + b": " + b"a" * (2048 - 256) + b"\r\n") * 56
d = b"GET / HTTP/1.1\r\nHost: test.com\r\n" + hdrs + b"\r\n"
add("single-oversize-headers", "request", d, "error", [],
    "56 field lines of 2052 bytes (114 KB of head): over the profile's default 64 KiB head limit "
    "(its own error kind); puma agrees (HEADER over 112 KiB)", ss("test_headers"))

d = b"GET /?" + b"a" * (5 * 1024) + b"=" + b"b" * (5 * 1024) + b" HTTP/1.1\r\nHost: test.com\r\n\r\n"
add("single-oversize-query", "request", d, "ok", [M(d)],
    "differs from puma (error: QUERY_STRING over its 10 KiB limit): the 10 KB request-line is "
    "under the profile's 16 KiB line limit", ss("test_query_string"))

d = b"GET /" + b"a" * (8 * 1024) + b" HTTP/1.1\r\nHost: test.com\r\n\r\n"
add("single-oversize-path", "request", d, "ok", [M(d)],
    "differs from puma (error: REQUEST_PATH over its 8192 limit): an 8193-byte path keeps the "
    "line under the profile's 16 KiB limit", ss("test_request_path"))

d = (b"GET /" + b"a" * 6 * 1024 + b"?" + b"a" * 3 * 1024 + b"=" + b"a" * 3 * 1024 +
     b" HTTP/1.1\r\nHost: test.com\r\n\r\n")
add("single-oversize-uri", "request", d, "ok", [M(d)],
    "differs from puma (error: REQUEST_URI over its 12 KiB limit): the 12 KB request-line is "
    "under the profile's 16 KiB line limit", ss("test_request_uri"))

body = b"a" * 200000
d = (b"GET / HTTP/1.1\r\nHost: test.com\r\nConnection: Keep-Alive\r\nContent-Length: 200000\r\n\r\n" +
     body)
add("single-content-length-200k", "request", d, "ok", [M(head_of(d), "length", body)],
    "differs from puma (413, from a server option): a GET with a 200000-byte Content-Length body. Puma's test sets http_content_length_limit "
    "(65 KiB) and expects 413; that server option has no corpus equivalent and the profile sets "
    "no body limit, so the message is valid", ss("test_content_length_exceeded"))

part = b"%x\r\n" % 20000 + b"a" * 20000 + b"\r\n"
d = (b"GET / HTTP/1.1\r\nHost: test.com\r\nConnection: Keep-Alive\r\nTransfer-Encoding: chunked\r\n\r\n" +
     part * 10 + b"0\r\n\r\n")
add("single-chunked-200k", "request", d, "ok", [M(head_of(d), "chunked", b"a" * 200000)],
    "differs from puma (413, from a server option): ten 20000-byte chunks (size '4e20'). Puma's test sets http_content_length_limit (65 KiB) "
    "and expects 413, a server option with no corpus equivalent; the stream is valid",
    ss("test_content_length_exceeded_chunked"))

d = b"GET / HTTP/1.1\r\nHost: test.com\r\nContent-Length: 11\r\n\r\nHello World"
add("single-content", "request", d, "ok", [M(head_of(d), "length", b"Hello World")],
    "a GET with an 11-byte body; puma agrees", ss("test_content"))

d = ("GET / HTTP/1.1\nHost: test.com\nTransfer-Encoding: chunked\n\n11\nTransfer-Encoding\n9\n"
     "Puma Test\n11\nTransfer-Encoding\n0\n\n").replace("\n", "\r\n").encode()
add("single-content-chunked", "request", d, "ok",
    [M(head_of(d), "chunked", b"Transfer-EncodingPuma TestTransfer-Encoding")],
    "chunks of 0x11, 9 and 0x11 bytes whose data spell field names; puma agrees",
    ss("test_content_chunked"))

d = b"GET / HTTP/1.1\r\nHost: test.com\r\nx_forwarded_for: 1.1.1.1\r\nContent-Length: 11\r\n\r\nHello World"
add("single-underscore-single", "request", d, "ok", [M(head_of(d), "length", b"Hello World")],
    "a field name with '_' (a tchar, RFC 9110 5.1); puma agrees (and records it); the "
    "_disallowed test sets allow_underscore_headers = false, a server option that drops the "
    "field from env, not a parse error", ss("test_underscore_single"))
also("single-underscore-single", ss("test_underscore_single_disallowed"))

d = ("GET / HTTP/1.1\nHost: test.com\nx-forwarded_for: 2.2.2.2\nx-forwarded-for: 1.1.1.1\n"
     "Content-Length: 11\n\nHello World\n").replace("\n", "\r\n").rstrip().encode()
add("single-underscore-header-1", "request", d, "ok", [M(head_of(d), "length", b"Hello World")],
    "x-forwarded_for and x-forwarded-for are two distinct valid fields; puma agrees",
    ss("test_underscore_header_1"))

d = ("GET / HTTP/1.1\nHost: test.com\nx-forwarded-for: 1.1.1.1\nx_forwarded_for: 2.2.2.2\n"
     "Content-Length: 11\n\nHello World\n").replace("\n", "\r\n").rstrip().encode()
add("single-underscore-collision", "request", d, "ok", [M(head_of(d), "length", b"Hello World")],
    "two distinct valid fields (one with '_'); puma's test sets allow_underscore_headers = false "
    "(drops the '_' one from env), a server option; the bytes are valid",
    ss("test_underscore_collision_disallowed"))

for n, hdrs in ((2, [b"X-FORWARDED-FOR: 1.1.1.1", b"X-FORWARDED-FOR: 2.2.2.2",
                     b"X_FORWARDED-FOR: 3.3.3.3", b"Content-Length: 5"]),
                (3, [b"X_FORWARDED-FOR: 3.3.3.3", b"X-FORWARDED-FOR: 2.2.2.2",
                     b"X-FORWARDED-FOR: 1.1.1.1", b"Content-Length: 5"])):
    d = GP + b"\r\n".join(hdrs) + b"\r\n\r\nHello\r\n\r\n"
    add("single-underscore-header-%d" % n, "request", d, "either",
        [M(head_of(d), "length", b"Hello")],
        "'X_FORWARDED-FOR' is a valid token; body 'Hello' (Content-Length 5); puma accepts the "
        "request; " + CLOSE_EITHER + " (a second empty line)", ss("test_underscore_header_%d" % n))

for slug, test, d, why in (
        ("single-default-port", "test_default_port", b"GET / HTTP/1.0\r\nHost: example.com\r\n\r\n",
         "HTTP/1.0 with a Host"),
        ("single-host-and-port", "test_hostname_and_port",
         b"GET / HTTP/1.0\r\nHost: example.com:456\r\n\r\n", "Host with a port"),
        ("single-host-ipv4-port", "test_host_ipv4_port",
         b"GET / HTTP/1.0\r\nHost: 123.123.123.123:456\r\n\r\n", "an IPv4 Host with a port"),
        ("single-host-ipv6-port", "test_ipv6_port",
         b"GET / HTTP/1.0\r\nHost: [::ffff:127.0.0.1]:9292\r\n\r\n",
         "an IP-literal Host (IPv6 with an embedded IPv4, RFC 3986 3.2.2) and a port"),
        ("single-xfp", "test_respect_x_forwarded_proto",
         b"GET / HTTP/1.0\r\nhost: example.com\r\nx-forwarded-proto: https,http\r\n\r\n",
         "lower-case field names"),
        ("single-x-forwarded-ssl", "test_respect_x_forwarded_ssl_on",
         b"GET / HTTP/1.0\r\nhost: example.com\r\nx-forwarded-ssl: on\r\n\r\n", "lower-case names"),
        ("single-x-forwarded-scheme", "test_respect_x_forwarded_scheme",
         b"GET / HTTP/1.0\r\nhost: example.com\r\nx-forwarded-scheme: https\r\n\r\n",
         "lower-case names")):
    add(slug, "request", d, "ok", [M(d)], why + "; puma agrees", ss(test))

also("http10-parse-simple", ss("test_host_header_missing_http10"))
d = b"GET / HTTP/1.0\r\nHost:\r\n\r\n"
add("single-host-empty-http10", "request", d, "either", [M(d)],
    "an empty Host value: the profile makes an empty Host either (RFC 9112 3.2 allows an empty "
    "Host when the target URI has no authority); puma accepts it for HTTP/1.0",
    ss("test_host_header_empty_http10"))
d = b"GET / HTTP/1.0\r\nHost: \r\n\r\n"
add("single-host-whitespace-http10", "request", d, "either", [M(d)],
    "a Host value of one SP, empty once OWS is removed: either (profile); puma accepts it for "
    "HTTP/1.0", ss("test_host_header_whitespace_http10"))

US_ERR = ("differs from puma (400 'Underscores are not allowed in HTTP framing headers', with "
          "allow_underscore_headers true or false): '%s' is a valid token and a field distinct "
          "from the framing field (RFC 9110 5.1); puma rejects it because its CGI env maps '_' and "
          "'-' to the same key, which is an application concern")
for hname in (b"Content_Length", b"content_length", b"CONTENT_LENGTH", b"Transfer_Encoding",
              b"transfer_encoding", b"TRANSFER_ENCODING"):
    d = GP + hname + b": 0\r\n\r\n"
    slug = "single-underscore-framing-" + hname.decode().lower().replace("_", "-") + \
        ("-" + hname.decode() if hname.decode() != hname.decode().lower() else "")
    slug = slug.replace("_", "-").lower()
    if hname == b"Content_Length":
        slug = "single-underscore-framing-cl-mixed"
    elif hname == b"content_length":
        slug = "single-underscore-framing-cl-lower"
    elif hname == b"CONTENT_LENGTH":
        slug = "single-underscore-framing-cl-upper"
    elif hname == b"Transfer_Encoding":
        slug = "single-underscore-framing-te-mixed"
    elif hname == b"transfer_encoding":
        slug = "single-underscore-framing-te-lower"
    else:
        slug = "single-underscore-framing-te-upper"
    add(slug, "request", d, "ok", [M(d)],
        US_ERR % hname.decode() + "; the GET has no Content-Length/Transfer-Encoding, so no body",
        ss("test_underscore_framing_%s_allowed_true" % hname.decode()))
    also(slug, ss("test_underscore_framing_%s_allowed_false" % hname.decode()))

UF = [
    ("both", b"Content_Length: 11\r\nTransfer_Encoding: chunked", "either", None),
    ("transfer_encoding_list", b"Transfer_Encoding: gzip \t , \t chunked", "either", None),
    ("empty_content_length", b"Content_Length:", "either", None),
    ("empty_transfer_encoding", b"Transfer_Encoding:", "either", None),
    ("duplicate_content_length", b"Content_Length: 0\r\nContent_Length: 11", "either", None),
    ("duplicate_transfer_encoding", b"Transfer_Encoding: chunked\r\nTransfer_Encoding: identity",
     "either", None),
    ("standard_content_length_first", b"Content-Length: 11\r\nContent_Length: 0", "ok", "length"),
    ("standard_content_length_last", b"Content_Length: 0\r\nContent-Length: 11", "ok", "length"),
    ("standard_content_length_with_transfer_encoding",
     b"Content-Length: 11\r\nTransfer_Encoding: chunked", "ok", "length"),
    ("standard_transfer_encoding_first", b"Transfer-Encoding: chunked\r\nTransfer_Encoding: identity",
     "error", "chunked"),
    ("standard_transfer_encoding_last", b"Transfer_Encoding: identity\r\nTransfer-Encoding: chunked",
     "error", "chunked"),
    ("standard_transfer_encoding_with_content_length",
     b"Transfer-Encoding: chunked\r\nContent_Length: 0", "error", "chunked"),
]
for name, hd, exp, fr in UF:
    d = GP + hd + b"\r\n\r\nHello World"
    slug = "single-underscore-framing-" + name.replace("_", "-")
    if fr is None:
        msgs = [M(head_of(d))]
        note = ("differs from puma (400 for underscore framing fields): the '_' names are valid "
                "tokens, distinct from Content-Length/Transfer-Encoding, so they do not frame the "
                "message: a GET with no body; then 'Hello World' follows; " + CLOSE_EITHER)
    elif fr == "length":
        msgs = [M(head_of(d), "length", b"Hello World")]
        note = ("differs from puma (400): only the real Content-Length: 11 frames the message, the "
                "'_' field is an ordinary field; body 'Hello World'")
    else:
        msgs = []
        note = ("puma answers 400 for the '_' field; the profile reaches an error too, for another "
                "reason: the real Transfer-Encoding: chunked frames the body, and 'Hello World' is "
                "no chunk-size line (RFC 9112 7.1)")
    add(slug, "request", d, exp, msgs, note, ss("test_underscore_framing_%s" % name))

d = b"GET / HTTP/1.1\r\nHost: test.com\r\nno-return: 10\nContent-Length: 11\r\n\r\nHello World"
add("single-malformed-no-return", "request", d, "error", [],
    "a bare LF ends the 'no-return' line (RFC 9112 2.2: CRLF required); puma agrees",
    ss("test_malformed_headers_no_return"))
d = b"GET / HTTP/1.1\r\nHost: test.com\r\nno-newline: 10\rContent-Length: 11\r\n\r\nHello World"
add("single-malformed-no-newline", "request", d, "error", [],
    "a bare CR inside a field line ('10\\rContent-Length'): a CR not followed by LF is an error "
    "(RFC 9112 2.2; profile); puma agrees", ss("test_malformed_headers_no_newline"))

add("single-missing-host", "request", GET_11, "error", [],
    NOHOST + "; puma's test_request_single agrees (400 'Missing Host header'). The server and "
    "hijack tests listed in 'source' send the same bytes as GET_11 and expect 200 (differs from "
    "puma there: either their GET_11 carries a Host, or that server did not check it); the -host "
    "variant is the with-Host reading", ss("test_missing_host_http11"))
add_host("single-missing-host", GET_11, "ok", [M(with_host(GET_11))], "a plain GET",
         ss("test_missing_host_http11"))
d = b"GET / HTTP/1.1\r\nHost:\r\n\r\n"
add("single-empty-host", "request", d, "either", [M(d)],
    "an empty Host value in HTTP/1.1: the profile makes it either (RFC 9112 3.2: a client sends "
    "an empty Host when the target URI has no authority); puma rejects it (400 'Invalid Host "
    "header')", ss("test_empty_host_http11"))
d = b"GET / HTTP/1.1\r\nHost: \r\n\r\n"
add("single-whitespace-host", "request", d, "either", [M(d)],
    "a Host of one SP, empty once OWS is removed: either (profile); puma rejects it (400)",
    ss("test_whitespace_host_http11"))

d = GP + b"Content-Length: 5\r\nContent-Length: 5\r\n\r\nHello\r\n\r\n"
add("single-cl-multiple", "request", d, "either", [M(head_of(d), "length", b"Hello")],
    "puma rejects it (400 'Invalid Content-Length: \"5, 5\"'), which the profile allows too: "
    "two identical Content-Length values may be accepted as one or rejected (RFC 9112 6.3 step "
    "5; profile: either); " + CLOSE_EITHER +
    " (a second empty line)", ss("test_multiple"))
for n, v in ((1, b"5.01"), (2, b"+5"), (3, b"5 test")):
    d = GP + b"Content-Length: " + v + b"\r\n\r\nHello\r\n\r\n"
    add("single-cl-bad-%d" % n, "request", d, "error", [],
        "Content-Length '%s' is not 1*DIGIT (RFC 9112 6.2, 6.3 step 5: 400); puma agrees"
        % v.decode(), ss("test_bad_characters_%d" % n))

for n, size, data, why in CH_CASES:
    d = GP + b"Transfer-Encoding: chunked\r\n\r\n1\r\nh\r\n" + size + b"\r\n" + data + b"\r\n0\r\n\r\n"
    add("single-chunk-size-bad-%d" % n, "request", d, "error", [],
        "second chunk-size " + why + "; puma agrees", ss("test_chunked_size_bad_characters_%d" % n))
for n, size, why in ((1, b"4", "4 < 5: the byte after the 4 data bytes is 'd', not CR (RFC 9112 7.1)"),
                     (2, b"6", "6 > 5: after 'World\\r' comes '\\n0', not CRLF")):
    d = (GP + b"Transfer-Encoding: chunked\r\n\r\n" + b"5\r\nHello\r\n" + size + b"\r\nWorld\r\n" +
         b"0\r\n\r\n")
    add("single-chunk-size-mismatch-%d" % n, "request", d, "error", [],
        "chunk size " + why + "; puma agrees", ss("test_chunked_size_mismatch_%d" % n))
d = GP + b"Transfer-Encoding: chunked\r\n\r\n\r\n\r\n"
add("single-chunk-size-empty", "request", d, "error", [],
    "an empty chunk-size line: chunk-size is 1*HEXDIG (RFC 9112 7.1); puma agrees",
    ss("test_chunked_size_empty"))
for slug, test, te, why in TE_CASES:
    d = GP + te + b"\r\n\r\n" + CHUNKED
    add(slug.replace("inv-", "single-"), "request", d, "error", [], why + "; puma agrees", ss(test.replace("transfer_encoding_", "")))

d1 = b"GET / HTTP/1.1\r\nHost: test.com\r\nConnection: Keep-Alive\r\n\r\n"
d2 = b"GET /next HTTP/1.1\r\nHost: test.com\r\n\r\n"
add("single-reset-two-requests", "request", d1 + d2, "ok", [M(d1), M(d2)],
    "two pipelined GETs (the first with Connection: Keep-Alive); puma agrees (the test's "
    "http_content_length_limit does not concern these bodiless requests)",
    ss("test_reset_clears_error_status_code"))

d = b"GET / HTTP/1.1\r\nHost: test.com\r\n\r\n"
add("single-get-host", "request", d, "ok", [M(d)], "a plain GET with Host; puma agrees",
    ss("test_peerip_unmaps_ipv4_mapped_ipv6"))
for t in ("test_remote_addr_header_fallback_unmaps_ipv4_mapped_ipv6", "test_peerip_preserves_plain_ipv4",
          "test_peerip_preserves_native_ipv6"):
    also("single-get-host", ss(t))

# ===========================================================================
# puma test/test_puma_server.rb
# ===========================================================================
FP = "test/test_puma_server.rb"


def sp(test, detail=None):
    return src(PUMA, FP, test, detail)


also("http10-parse-simple", sp("test_http10_req_to_http10_resp", "GET_10"))
also("single-missing-host", sp("test_http11_req_to_http11_resp", "GET_11"))
GET11_NOTE = ("; the stored helper (test/helpers/test_puma/puma_socket.rb) defines GET_11 as "
              "'GET / HTTP/1.1\\r\\n\\r\\n', without Host (differs from puma's test, which "
              "expects a 200 for it: that Puma version either sends GET_11 with a Host or does "
              "not require one)")

d = b"GET / HTTP/1.0\r\nConnection: close\r\n\r\n"
add("server-http10-close", "request", d, "ok", [M(d)], "an HTTP/1.0 GET with Connection: close; "
    "puma agrees", sp("test_streaming_body"))

d = b"GET / HTTP/1.1\r\nHost: [::ffff:127.0.0.1]:40001\r\n\r\n"
add("server-host-ipv6-mapped", "request", d, "ok", [M(d)],
    "an IP-literal Host with a port (the test interpolates its ephemeral port; 40001 here); "
    "puma agrees", sp("test_file_body"))

for t in ("test_file_to_path", "test_pipe_body_http11"):
    also("single-missing-host", sp(t, "GET_11 (the default request)"))
also("http10-parse-simple", sp("test_pipe_body_http10", "GET_10"))

for slug, test, n in (("server-put-body-15k", "test_request_body_small", 15 * 1024),
                      ("server-put-body-70k", "test_request_body_large", 70 * 1024)):
    body = b"x" * n
    d = b"PUT / HTTP/1.0\r\nContent-Length: %d\r\n\r\n" % n + body
    add(slug, "request", d, "ok", [M(head_of(d), "length", body)],
        "an HTTP/1.0 PUT with a %d-byte body; puma agrees" % n, sp(test))

d = b"PUT / HTTP/1.0\r\nContent-Length: 30\r\n\r\n" + b"1" * 15 + b"1" * 15
add("server-put-body-two-writes", "request", d, "ok", [M(head_of(d), "length", b"1" * 30)],
    "a 30-byte body sent in two writes of 15 (the runner's splits stand for that); puma agrees",
    sp("test_proper_stringio_body"))

d = b"PUT / HTTP/1.0\r\n\r\nHello"
add("server-put-10-then-data", "request", d, "either", [M(head_of(d))],
    "an HTTP/1.0 PUT without Content-Length: a request has no body then (RFC 9112 6.3 step 7); "
    "'Hello' follows; " + CLOSE_EITHER + " ('Hello' is an unfinished request-line). Puma's app "
    "takes over the socket here", sp("test_puma_socket"))

also("http10-parse-simple", sp("test_very_large_return", "GET_10"))
d = b"HEAD / HTTP/1.0\r\n\r\n"
add("server-head-10", "request", d, "ok", [M(d)], "an HTTP/1.0 HEAD; puma agrees",
    sp("test_HEAD_has_no_body"))
for t in ("test_GET_with_empty_body_has_sane_chunking", "test_early_hints_works",
          "test_early_hints_are_ignored_if_connection_lost", "test_early_hints_is_off_by_default",
          "test_GET_with_no_body_has_sane_chunking", "test_HEAD_returns_content_headers",
          "test_status_hook_fires_when_server_changes_states", "test_empty_header_values",
          "test_newline_splits", "test_newline_splits_in_early_hint"):
    also("server-head-10", sp(t))
for suffix in ("cr", "lf", "crlf"):
    for t in ("test_prevent_response_splitting_headers_%s", "test_prevent_response_splitting_headers_early_hint_%s",
              "test_prevent_content_length_injection_%s"):
        also("server-head-10", sp(t % suffix, "the request; the response is only checked for a "
                                  "missing 'Cookie: hack' header"))

d1 = b"GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n"
d2 = b"GET / HTTP/1.1\r\nHost: test.com\r\nConnection: close\r\n\r\n"
add("server-back-to-back-no-content", "request", d1 + d2, "ok", [M(d1, "length"), M(d2)],
    "two pipelined GETs, the first with Content-Length: 0 (framing length, empty body); puma "
    "agrees", sp("test_back_to_back_no_content"))
d1 = b"GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\n\r\n"
d2 = b"GET / HTTP/1.1\r\nHost: test.com\r\nContent-Length: 0\r\n\r\n"
add("server-back-to-back-content", "request", d1 + b"a" + d2, "ok",
    [M(d1, "length", b"a"), M(d2, "length")],
    "two pipelined GETs with bodies 'a' and ''; puma agrees", sp("test_back_to_back_content"))

h = b"GET / HTTP/1.1\r\nHost: test.com\r\nTransfer-Encoding: chunked\r\n\r\n"
d = (h + b"1\r\nh\r\n4\r\nello\r\n0\r\n\r\n" + h + b"4\r\ngood\r\n3\r\nbye\r\n0\r\n\r\n" +
     h + b"1\r\nH\r\n4\r\nello\r\n0\r\n\r\n")
add("server-back-to-back-chunked", "request", d, "ok",
    [M(h, "chunked", b"hello"), M(h, "chunked", b"goodbye"), M(h, "chunked", b"Hello")],
    "three chunked GETs on one connection (two written together, the third after the answers); "
    "puma agrees", sp("test_back_to_back_chunked"))

d = b"GET / HTTP/1.1\r\nHost: test.com\r\nConnection: close\r\n\r\n"
add("server-get-close", "request", d, "ok", [M(d)], "a GET with Connection: close; puma agrees",
    sp("test_custom_http_codes_11"))
for t in ("test_http_11_close_with_body", "test_http_11_close_without_body",
          "test_Expect_100_continue_callback_not_called_without_expect"):
    also("server-get-close", sp(t))
for t in ("test_doesnt_print_backtrace_in_production", "test_force_shutdown_custom_error_message",
          "test_lowlevel_error_message", "test_force_shutdown_error_default", "test_prints_custom_error",
          "test_leh_gets_env_as_well", "test_leh_has_status", "test_custom_http_codes_10",
          "test_lowlevel_error_body_close", "test_http10_connection_header_no_queue",
          "test_supported_http_methods_empty", "test_drain_on_shutdown", "test_not_drain_on_shutdown",
          "test_open_connection_wait", "test_open_connection_wait_no_queue"):
    also("http10-parse-simple", sp(t, "GET_10 or the same bytes"))
for t in ("test_lowlevel_error_message_without_backtrace", "test_chunked_encoding",
          "test_http11_connection_header_no_queue", "test_streaming_enum_body_1",
          "test_streaming_enum_body_2", "test_empty_body_array_content_length_0",
          "test_empty_body_array_no_content_length", "test_empty_body_enum",
          "test_update_thread_pool_min_max"):
    also("single-missing-host", sp(t, "GET_11"))

d = (b"POST / HTTP/1.1\r\nHost: test.com\r\nContent-Type: text/plain\r\nContent-Length: 19\r\n\r\n" +
     b"hello world foo bar")
add("server-post-19", "request", d, "ok", [M(head_of(d), "length", b"hello world foo bar")],
    "differs from puma (413, from a server option): a POST with a 19-byte body. Puma's test sets http_content_length_limit: 10 and expects 413, "
    "a server option with no corpus equivalent; the profile sets no body limit",
    sp("test_request_payload_too_large"))
d = (b"GET / HTTP/1.1\r\nHost: test.com\r\nConnection: Keep-Alive\r\nContent-Length: 17\r\n\r\n" +
     b"hello world foo bar")
add("server-cl-17-sent-19", "request", d, "error",
    [M(head_of(d), "length", b"hello world foo b")],
    "differs from puma (413 for the first request, from a server option): Content-Length 17 but 19 bytes follow: the body is 'hello world foo b', and 'ar' starts a "
    "next request that the stream cuts short (error at end of stream, after one message). "
    "Puma's test (http_content_length_limit: 10, a server option) expects 413 and a close",
    sp("test_http_11_keep_alive_with_large_payload"))

d = b"POST / HTTP/1.1\r\nHost: test.com\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\n"
add("server-post-body-missing", "request", d, "error", [],
    "a POST announcing 5 body bytes, and the stream ends after the head: the message is cut "
    "short (error at end of stream, dump contract). Puma answers 408 once its first-data timeout "
    "passes (the test only sends 'Hello' if no answer came)", sp("test_timeout_in_data_phase"))
also("server-post-body-missing", sp("test_timeout_data_no_queue"))

d = (b"POST / HTTP/1.1\r\nHost: test.com\r\nContent-Type: text/plain\r\nContent-Length: 11\r\n\r\n" +
     b"hello" + b"world" + b"!")
add("server-post-body-in-pieces", "request", d, "ok", [M(head_of(d), "length", b"helloworld!")],
    "an 11-byte body written in three pieces with pauses (the runner's splits stand for the "
    "pieces); puma agrees", sp("test_no_timeout_after_data_received"))
also("server-post-body-in-pieces", sp("test_no_timeout_after_data_received_no_queue"))

d = (b"POST / HTTP/1.1\r\nHost: test.com\r\nContent-Type: text/plain\r\nContent-Length: 12\r\n\r\n" +
     b"hello world!")
add("server-post-12", "request", d, "ok", [M(head_of(d), "length", b"hello world!")],
    "a POST with a 12-byte body (written at once or in two pieces around an idle pause); puma "
    "agrees", sp("test_idle_timeout_before_first_request_data"))
for t in ("test_idle_timeout_between_first_request_data", "test_idle_timeout_after_first_request",
          "test_idle_timeout_between_request_data", "test_idle_timeout_between_requests"):
    also("server-post-12", sp(t))
skip(PUMA, FP, "test_idle_timeout_before_first_request",
     "no request bytes reach a parser (the connection is refused)")

d = b"GET / HTTP/1.1\r\nHost: test.com\r\nConnection: Keep-Alive\r\n\r\n"
add("server-get-keep-alive", "request", d, "ok", [M(d)], "puma agrees",
    sp("test_http_11_keep_alive_with_body"))
also("server-get-keep-alive", sp("test_http_11_keep_alive_without_body"))
for t in ("test_http_11_enable_keep_alives_by_default", "test_http_11_enable_keep_alives_true",
          "test_http_11_enable_keep_alives_false", "test_lowlevel_error_handler_response"):
    also("single-get-host", sp(t))

d = b"GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n"
add("server-http10-keep-alive", "request", d, "ok", [M(d)], "puma agrees",
    sp("test_http_10_keep_alive_with_body"))
also("server-http10-keep-alive", sp("test_http_10_keep_alive_without_body"))
also("server-http10-close", sp("test_http_10_close_with_body"))
also("server-http10-close", sp("test_http_10_close_without_body"))

d = b"GET / HTTP/1.1\r\nHost: test.com\r\nConnection: close\r\nExpect: 100-continue\r\n\r\n"
add("server-expect-100", "request", d, "ok", [M(d)],
    "Expect: 100-continue on a GET with no body; puma agrees (answers 100 then 200)",
    sp("test_Expect_100"))
d = b"GET /upload HTTP/1.1\r\nHost: test.com\r\nConnection: close\r\nExpect: 100-continue\r\n\r\n"
add("server-expect-100-upload", "request", d, "ok", [M(d)], "puma agrees",
    sp("test_Expect_100_continue_callback_false_sends_continue"))
d = b"POST / HTTP/1.1\r\nHost: test.com\r\nContent-Length: 10\r\nExpect: 100-continue\r\n\r\n"
add("server-expect-100-no-body", "request", d, "error", [],
    "differs from puma's test (the server answers from its continue_callback and never reads "
    "a body): a POST announcing 10 bytes with Expect: 100-continue, and no body before end of stream: "
    "the message is cut short (error, dump contract). Puma's continue_callback answers before "
    "reading the body, which the corpus cannot express",
    sp("test_Expect_100_continue_callback_response_skips_body"))
for t in ("test_Expect_100_continue_callback_can_reject",
          "test_Expect_100_continue_callback_response_body_is_closed",
          "test_Expect_100_continue_callback_raising_is_a_500"):
    also("server-expect-100-no-body", sp(t))

d = (b"GET / HTTP/1.1\r\nHost: test.com\r\nConnection: close\r\nTransfer-Encoding: gzip,chunked\r\n\r\n"
     b"1\r\nh\r\n4\r\nello\r\n0\r\n\r\n")
add("server-te-gzip-chunked", "request", d, "ok", [M(head_of(d), "chunked", b"hello")],
    "'gzip,chunked': registered codings, chunked last (RFC 9112 6.1, 6.3 step 4); the decoder "
    "removes only the chunked framing (the body bytes stay as sent); puma agrees",
    sp("test_chunked_request"))
r = b"GET / HTTP/1.1\r\nHost: test.com\r\nTransfer-Encoding: gzip,chunked\r\n\r\n1\r\nh\r\n4\r\nello\r\n0\r\n\r\n"
add("server-te-gzip-chunked-twice", "request", r + r, "ok",
    [M(head_of(r), "chunked", b"hello"), M(head_of(r), "chunked", b"hello")],
    "the same gzip,chunked request twice on one connection; puma agrees",
    sp("test_two_back_to_back_chunked_have_different_tempfile"))

H_CLTE = b"GET / HTTP/1.1\r\nHost: test.com\r\nConnection: close\r\nContent-Length: 200\r\nTransfer-Encoding: chunked\r\n\r\n"
CHUNK_SIZE = 16 * 1024  # Puma::Const::CHUNK_SIZE in the stored lib/puma/const.rb
size = CHUNK_SIZE + 4096 - len(H_CLTE) - 6 - 1
d = H_CLTE + b"%x\r\n" % size + b"." * size + b"\r\n0\r\n\r\n"
add("server-large-chunked-cl-te", "request", d, "error", [],
    "differs from puma (200; it ignores Content-Length when chunked is present): a request with "
    "both Content-Length and Transfer-Encoding is an error (profile; RFC 9112 6.1: a server MAY "
    "reject it and MUST close the connection; 6.3 step 3 calls it a smuggling vector). "
    "CHUNK_SIZE is taken as 16 KiB (the stored lib/puma/const.rb); the chunk size only "
    "matters to puma's buffer edge", sp("test_large_chunked_request"))

d = H_CLTE + b"1;t=" + b"x" * (4096 + 2) + b"\r\n1\r\nh\r\n4\r\nello\r\n0\r\n\r\n"
add("server-chunk-ext-too-long-cl-te", "request", d, "error", [],
    "Content-Length with Transfer-Encoding (an error by itself, profile), and a 4102-byte chunk "
    "extension over the 4 KiB chunk-line limit (MAX_CHUNK_HEADER_SIZE taken as 4096); puma "
    "agrees (400)", sp("test_chunked_request_invalid_extension_header_length"))

d = (b"GET / HTTP/1.1\r\nHost: test.com\r\nConnection: Keep-Alive\r\nTransfer-Encoding: chunked\r\n\r\n1;" +
     b"*" * 1024 * 10 + b"\r\nh\r\n4\r\nello\r\n0\r\n\r\n")
add("server-chunk-ext-too-long-split", "request", d, "error", [],
    "a chunk-size line '1;' followed by 10 KiB of '*' (a token, so a well-formed extension "
    "name) sent in 1 KiB writes: over the profile's 4 KiB chunk-line limit (its own error kind); "
    "puma agrees (400 after 5 KiB; this stream is what the test writes if nothing stops it)",
    sp("test_chunked_request_invalid_extension_header_length_split"))

hc = b"GET / HTTP/1.1\r\nHost: test.com\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n"
d = hc + b"1\r\nh\r\n4\r\nello\r\n0\r\n\r\n"
add("server-chunked-close", "request", d, "ok", [M(hc, "chunked", b"hello")],
    "a chunked GET written in two pieces around a pause (the runner's splits stand for the "
    "pause points); puma agrees", sp("test_chunked_request_pause_before_value"))
for t in ("test_chunked_request_pause_between_chunks", "test_chunked_request_pause_mid_count",
          "test_chunked_request_pause_before_count_newline", "test_chunked_request_pause_mid_value",
          "test_request_body_wait_chunked"):
    also("server-chunked-close", sp(t))

hput = b"PUT /path HTTP/1.1\r\nHost: test.com\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n"
part1 = b"a" * 4200
d = hput + b"%x\r\n" % 4200 + part1 + b"\r\n1\r\nb\r\n0\r\n\r\n"
add("server-chunked-4200", "request", d, "ok", [M(hput, "chunked", part1 + b"b")],
    "a 0x1068-byte chunk then a 1-byte chunk (the test pauses between the CR and LF after the "
    "second size); puma agrees", sp("test_chunked_request_pause_between_cr_lf_after_size_of_second_chunk"))
d = hput + b"5\r\nhello\r\n0\r\n\r\n"
add("server-chunked-put-hello", "request", d, "ok", [M(hput, "chunked", b"hello")],
    "puma agrees (the test pauses inside the CRLF after the chunk-data)",
    sp("test_chunked_request_pause_between_closing_cr_lf"))
also("server-chunked-put-hello", sp("test_chunked_request_pause_before_closing_cr_lf"))

ht = b"GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nHost: test.com\r\n\r\n"
d = ht + b"0\r\n" + b"X-Trailer: value\r\n\r\n" + GET_11
add("server-trailer-then-get11", "request", d, "error",
    [M(ht, "chunked", b"", b"X-Trailer: value")],
    "an empty chunked body with a trailer field X-Trailer, then GET_11" + GET11_NOTE + ": the "
    "second request lacks Host (RFC 9112 3.2), an error after one message. Puma's test expects "
    "two 200s, so the GET_11 of that Puma version must carry a Host (the -host variant)",
    sp("test_chunked_request_pause_after_last_chunk_1"))
add_host("server-trailer-then-get11", d, "ok",
         [M(ht, "chunked", b"", b"X-Trailer: value"), M(with_host(GET_11))],
         "a chunked request with a trailer, then a GET; puma agrees",
         sp("test_chunked_request_pause_after_last_chunk_1"), starts=(len(d) - len(GET_11),))

d = ht + b"5\r\nhello\r\n6\r\n\nworld\r\n0\r\n" + b"X-Trailer: value\r\n\r\n" + GET_11
add("server-trailer-lf-data-then-get11", "request", d, "error",
    [M(ht, "chunked", b"hello\nworld", b"X-Trailer: value")],
    "chunk-data may hold any byte: the second chunk is the 6 bytes '\\nworld'; a trailer; then "
    "GET_11" + GET11_NOTE + ", which lacks Host: error after one message",
    sp("test_chunked_request_pause_after_last_chunk_2"))
add_host("server-trailer-lf-data-then-get11", d, "ok",
         [M(ht, "chunked", b"hello\nworld", b"X-Trailer: value"), M(with_host(GET_11))],
         "chunk-data '\\nworld' (6 bytes), a trailer, then a GET; puma agrees",
         sp("test_chunked_request_pause_after_last_chunk_2"), starts=(len(d) - len(GET_11),))

body = b""
for i in range(9):
    body += b"400\r\n" + str(i).encode() + b"x" * 1023 + b"\r\n"
d = hc + body + b"0\r\n\r\n"
add("server-chunked-9x1k", "request", d, "ok",
    [M(hc, "chunked", b"".join(str(i).encode() + b"x" * 1023 for i in range(9)))],
    "nine 0x400-byte chunks (puma issue 3337: a read that ends inside the size '40'); the "
    "runner's splits cut inside the hex size too; puma agrees",
    sp("test_chunked_body_pause_within_chunk_size_hex"))

d = (b"GET / HTTP/1.1\r\nHost: test.com\r\nConnection: close\r\nTransfer-Encoding: Chunked\r\n\r\n"
     b"1\r\nh\r\n4\r\nello\r\n0\r\n\r\n")
add("server-te-chunked-capital", "request", d, "ok", [M(head_of(d), "chunked", b"hello")],
    "'Chunked': coding names are case-insensitive (RFC 9112 7); puma agrees",
    sp("test_chunked_request_header_case"))

hk = b"GET / HTTP/1.1\r\nHost: test.com\r\nConnection: Keep-Alive\r\nTransfer-Encoding: chunked\r\n\r\n"
d = hk + b"1\r\nh\r\n4\r\nello\r\n0\r\n\r\n"
add("server-chunked-keep-alive", "request", d, "ok", [M(hk, "chunked", b"hello")], "puma agrees",
    sp("test_chunked_keep_alive"))
d2 = d + hk + b"4\r\ngood\r\n3\r\nbye\r\n0\r\n\r\n"
add("server-chunked-keep-alive-two", "request", d2, "ok",
    [M(hk, "chunked", b"hello"), M(hk, "chunked", b"goodbye")],
    "two chunked requests on one connection (the first one's final CRLF is written as CR and LF "
    "apart); puma agrees", sp("test_chunked_keep_alive_two_back_to_back"))

hx = (b"GET / HTTP/1.1\r\nHost: test.com\r\nX-Forwarded-For: 127.0.0.1\r\nConnection: Keep-Alive\r\n"
      b"Transfer-Encoding: chunked\r\n\r\n")
req20 = hx + b"1\r\nh\r\n4\r\nello\r\n0\r\n\r\n"
add("server-chunked-twenty", "request", req20 * 20, "ok", [M(hx, "chunked", b"hello")] * 20,
    "twenty identical chunked requests pipelined in one write; puma agrees (its max_keep_alive "
    "of 21 lets all through)", sp("test_chunked_keep_alive_twenty_back_to_back"))
hx2 = hx.replace(b"127.0.0.1", b"127.0.0.2")
d = req20 + hx2 + b"4\r\ngood\r\n3\r\nbye\r\n0\r\n\r\n"
add("server-chunked-two-xff", "request", d, "ok",
    [M(hx, "chunked", b"hello"), M(hx2, "chunked", b"goodbye")],
    "two chunked requests with different X-Forwarded-For values; puma agrees",
    sp("test_chunked_keep_alive_two_back_to_back_with_set_remote_address"))

d = GET_11 * 3
add("server-get11-x3", "request", d, "error", [],
    "GET_11 three times on one connection" + GET11_NOTE + "; the first lacks Host (RFC 9112 "
    "3.2). Puma's test (max_keep_alive 2) checks that the server closes after the second",
    sp("test_close_socket_after_max_keepalive_requests"))
add_host("server-get11-x3", d, "ok", [M(with_host(GET_11))] * 3,
         "three pipelined GETs; the close after two is puma's max_keep_alive server option, not a "
         "decoding matter", sp("test_close_socket_after_max_keepalive_requests"),
         starts=(0, len(GET_11), 2 * len(GET_11)))

d = b"POST / HTTP/1.1\r\nHost: test.com\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nh" + b"ello"
add("server-post-hello-two-writes", "request", d, "ok", [M(head_of(d), "length", b"hello")],
    "a 5-byte body written as 'h' then 'ello'; puma agrees", sp("test_request_body_wait"))

d = b"GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n" + b"GET / HTTP/1.0\r\n\r\n"
add("server-http10-keep-alive-then-get", "request", d, "ok",
    [M(b"GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"), M(GET_10)],
    "HTTP/1.0 with keep-alive, then a plain HTTP/1.0 GET on the same connection; puma agrees",
    sp("test_http10_connection_header_queue"))

d = GET_11 + b"GET / HTTP/1.1\r\nHost: test.com\r\nConnection: close\r\n\r\n"
add("server-get11-then-close", "request", d, "error", [],
    "GET_11" + GET11_NOTE + ", then a GET with Connection: close; the first lacks Host",
    sp("test_http11_connection_header_queue", "first connection"))
add_host("server-get11-then-close", d, "ok",
         [M(with_host(GET_11)), M(b"GET / HTTP/1.1\r\nHost: test.com\r\nConnection: close\r\n\r\n")],
         "two pipelined GETs; puma agrees", sp("test_http11_connection_header_queue", "first connection"))
d = b"GET / HTTP/1.1\r\nHost: test.com\r\n\r\n" + b"GET / HTTP/1.1\r\nHost: test.com\r\nConnection: close\r\n\r\n"
add("server-get-then-close", "request", d, "ok",
    [M(b"GET / HTTP/1.1\r\nHost: test.com\r\n\r\n"),
     M(b"GET / HTTP/1.1\r\nHost: test.com\r\nConnection: close\r\n\r\n")],
    "two GETs, the second with Connection: close; puma agrees",
    sp("test_http11_connection_header_queue", "second connection"))

also("single-missing-host", sp("test_client_quick_close_no_lowlevel_error_handler_call", "GET_11"))
add("server-partial-request-line", "request", b"GET / HTTP", "error", [],
    "the stream ends inside the request-line: error at end of stream (dump contract); puma "
    "closes without calling its error handler",
    sp("test_client_quick_close_no_lowlevel_error_handler_call", "third connection"))

d = GET_11 + GET_11
add("server-get11-x2", "request", d, "error", [],
    "two GET_11 written at once" + GET11_NOTE + "; the first lacks Host. The test is about "
    "closing a buffered keep-alive request during shutdown",
    sp("test_shutdown_with_buffered_keep_alive_request"))
also("server-get11-x2", sp("test_restart_with_buffered_keep_alive_request"))
add_host("server-get11-x2", d, "ok", [M(with_host(GET_11))] * 2,
         "two pipelined GETs (puma answers one and closes during shutdown, a server matter)",
         sp("test_shutdown_with_buffered_keep_alive_request"), starts=(0, len(GET_11)))
also("single-missing-host", sp("test_shutdown_with_late_keep_alive_request", "GET_11, then GET_11 late"))
also("single-missing-host", sp("test_restart_with_late_keep_alive_request", "GET_11, then GET_11 late"))

d = b"GET / HTTP/1.1\r\nHost: test.com\r\nX-Remote-IP: 1.2.3.4\r\n\r\n"
add("server-x-remote-ip", "request", d, "ok", [M(d)], "puma agrees", sp("test_remote_address_header"))
also("single-get-host", sp("test_remote_address_header", "second request"))

d = b"PROPFIND / HTTP/1.0\r\n\r\n"
add("server-propfind", "request", d, "ok", [M(d)],
    "a WebDAV method (a token); puma accepts it because the test lists it in "
    "supported_http_methods (a server option); by default puma answers 501",
    sp("test_supported_http_methods_match"))
also("http10-parse-simple", sp("test_supported_http_methods_no_match", "GET_10 (puma: 501 by option)"))
d = b"YOUR_SPECIAL_METHOD / HTTP/1.0\r\n\r\n"
add("server-special-method", "request", d, "ok", [M(d)],
    "'YOUR_SPECIAL_METHOD' is a token (RFC 9110 9.1); puma accepts it with "
    "supported_http_methods: :any (a server option; by default 501)",
    sp("test_supported_http_methods_accept_all"))

PROXY = ("puma reads a PROXY protocol v1 line only with its remote_address: :proxy_protocol "
         "option; the corpus has no PROXY-protocol option, and as HTTP/1.1 the line is no "
         "request-line (method 'PROXY', target 'TCP4', then more SP-separated words instead of "
         "one HTTP-version: RFC 9112 3): error")
d = b"PROXY TCP4 1.2.3.4 127.0.0.1 10000 80\r\n" + GET_10
add("server-proxy-v1-tcp4", "request", d, "error", [], "differs from puma (200 with the option): " + PROXY,
    sp("test_proxy_protocol", "first connection"))
d = b"PROXY TCP6 fd00::1 ::1 10000 80\r\n" + GET_10
add("server-proxy-v1-tcp6", "request", d, "error", [], "differs from puma (200 with the option): " + PROXY,
    sp("test_proxy_protocol", "second and third connections"))
d = b"PROXY " + b"A" * (107 - 6)
add("server-proxy-v1-no-crlf", "request", d, "error", [],
    "'PROXY ' and 101 'A' with no line end (PROXY_PROTOCOL_V1_MAX_LENGTH taken as 107, the "
    "protocol's limit): the stream ends inside a request-line; puma closes the connection too",
    sp("test_proxy_protocol_rejects_line_without_crlf_at_max_length"))
d = b"GET /" + b"a" * 107 + b" HTTP/1.0\r\n\r\n"
add("server-path-107", "request", d, "ok", [M(d)],
    "an ordinary request longer than a PROXY line (107 taken as PROXY_PROTOCOL_V1_MAX_LENGTH); "
    "puma agrees", sp("test_proxy_protocol_allows_non_proxy_requests_over_max_length"))
body = b"prefix\nPROXY TCP4 1.1.1.1 2.2.2.2 3 4\r\nsuffix"
d = b"POST / HTTP/1.1\r\nHost: test.com\r\nContent-Length: %d\r\n\r\n" % len(body) + body
add("server-proxy-line-in-body", "request", d, "ok", [M(head_of(d), "length", body)],
    "a body that holds a PROXY line: body bytes are opaque; puma agrees",
    sp("test_proxy_protocol_ignores_embedded_proxy_line_in_http_body"))
d = (b"PROXY TCP4 1.2.3.4 127.0.0.1 10000 80\r\nGET /one HTTP/1.1\r\nHost: test.com\r\n\r\n" +
     b"PROXY TCP4 127.0.0.1 127.0.0.1 10000 80\r\nGET /two HTTP/1.1\r\nHost: test.com\r\nConnection: close\r\n\r\n")
add("server-proxy-v1-twice", "request", d, "error", [],
    "puma (option on) accepts the first PROXY line and answers 400 to the second; without the "
    "option: " + PROXY, sp("test_proxy_protocol_only_parses_first_request_on_connection"))
d = (b"PROXY TCP4 1.2.3.4 127.0.0.1 10000 80\r\nGET /one HTTP/1.1\r\nHost: test.com\r\n\r\n" +
     b"PROXY /two HTTP/1.1\r\nHost: test.com\r\nConnection: close\r\n\r\n")
add("server-proxy-v1-then-proxy-method", "request", d, "error", [],
    "differs from puma (option on: 200 twice): " + PROXY + ". (After it, 'PROXY /two HTTP/1.1' "
    "would be a valid request with the method PROXY.)",
    sp("test_proxy_protocol_allows_proxy_http_method_on_keep_alive"))
d = b"PROXY /two HTTP/1.1\r\nHost: test.com\r\nConnection: close\r\n\r\n"
add("server-proxy-method", "request", d, "ok", [M(d)],
    "'PROXY' used as an HTTP method (a token) in an ordinary request; puma agrees (the test's "
    "second request, taken alone)",
    sp("test_proxy_protocol_allows_proxy_http_method_on_keep_alive", "second request alone"))

d = ("GET / HTTP/1.1\nHost: localhost\nContent-Length:\n\nGET / HTTP/1.1\nHost: localhost\n\n"
     ).replace("\n", "\r\n").encode()
add("server-cl-empty", "request", d, "error", [],
    "an empty Content-Length value is not 1*DIGIT (RFC 9112 6.2, 6.3 step 5); puma agrees (400)",
    sp("test_cl_empty_string"))

d = ("GET / HTTP/1.1\nTransfer-Encoding: chunked\nHost: whatever\n\n0\nX:POST / HTTP/1.1\n"
     "Host: whatever\n\nGET / HTTP/1.1\nHost: whatever\n\n").replace("\n", "\r\n").encode()
add("server-crlf-trailer-smuggle", "request", d, "error", [],
    "differs from puma (two 200s): after the last chunk, 'X:POST / HTTP/1.1' and 'Host: "
    "whatever' are the trailer section of the first request; a Host field in a trailer is an "
    "error (profile: a trailer field that frames or routes the message; RFC 9110 6.5.1 forbids "
    "routing fields in trailers). Puma discards the trailers and answers both requests",
    sp("test_crlf_trailer_smuggle"))

d = ("POST /search HTTP/1.1\nHost: vulnerable-website.com\nContent-Type: application/x-www-form-urlencoded\n"
     "Content-Length: 4\nTransfer-Encoding: chunked\n\n7b\nGET /404 HTTP/1.1\nHost: vulnerable-website.com\n"
     "Content-Type: application/x-www-form-urlencoded\nContent-Length: 144\n\nx=\n0\n\n"
     ).replace("\n", "\r\n").encode()
add("server-cl-te-smuggle", "request", d, "error", [],
    "differs from puma (200: it lets chunked override Content-Length and reads the 0x7b-byte "
    "chunk): Content-Length with Transfer-Encoding in a request is an error (profile; RFC 9112 "
    "6.1 allows rejecting it and requires closing the connection, 6.3 step 3)",
    sp("test_cl_and_te_smuggle"))

for name, header in (("content_length", b"Content_Length: 0"),
                     ("transfer_encoding", b"Transfer_Encoding: chunked")):
    nm = name.replace("_", "-")
    pst = b"POST /invalid HTTP/1.1\r\nHost: test.com\r\n" + header + b"\r\n\r\n"
    d = pst + GET_11
    add("server-underscore-framing-%s" % nm, "request", d, "error", [M(pst)],
        "differs from puma (400 for the underscore framing field): '%s' is a valid field that "
        "does not frame the message, so the POST has no body (RFC 9112 6.3 step 7); then "
        "GET_11%s lacks Host: error after one message" % (header.split(b":")[0].decode(), GET11_NOTE),
        sp("test_underscore_framing_%s_queue_requests_true" % name))
    also("server-underscore-framing-%s" % nm, sp("test_underscore_framing_%s_queue_requests_false" % name))
    add_host("server-underscore-framing-%s" % nm, d, "ok", [M(pst), M(with_host(GET_11))],
             "differs from puma (400): the POST has no body, the '_' field does not frame it; "
             "then a GET", sp("test_underscore_framing_%s_queue_requests_true" % name),
             starts=(len(pst),))
    d = GET_11 + pst + GET_11
    add("server-underscore-framing-%s-pipelined" % nm, "request", d, "error", [],
        "GET_11%s, then the POST with '%s', then GET_11; the first request already lacks Host"
        % (GET11_NOTE, header.split(b":")[0].decode()),
        sp("test_underscore_framing_%s_pipelined" % name))
    add_host("server-underscore-framing-%s-pipelined" % nm, d, "ok",
             [M(with_host(GET_11)), M(pst), M(with_host(GET_11))],
             "differs from puma (200, 400): three valid requests; the POST has no body",
             sp("test_underscore_framing_%s_pipelined" % name),
             starts=(0, len(GET_11) + len(pst)))
    pe = b"POST /invalid HTTP/1.1\r\nHost: test.com\r\n" + header + b"\r\n" + b"Expect: 100-continue\r\n\r\n"
    d = GET_11 + pe
    add("server-underscore-framing-%s-fragmented" % nm, "request", d, "error", [],
        "GET_11%s, then a POST with '%s' and Expect: 100-continue written in two pieces; the first "
        "request lacks Host" % (GET11_NOTE, header.split(b":")[0].decode()),
        sp("test_underscore_framing_%s_keep_alive_fragmented" % name))
    add_host("server-underscore-framing-%s-fragmented" % nm, d, "ok", [M(with_host(GET_11)), M(pe)],
             "differs from puma (200, 400): a GET, then a POST whose '_' field does not frame it "
             "(no body; Expect: 100-continue with no body is harmless)",
             sp("test_underscore_framing_%s_keep_alive_fragmented" % name), starts=(0,))

for t, why in (
        ("test_allow_underscore_headers_defaults_to_true_when_option_is_absent", "no request bytes"),
        ("test_eof_on_connection_close_is_not_logged_as_an_error", "no request bytes (connect and close)"),
        ("test_shutdown_requests", "server shutdown timing; its requests are built by a helper "
         "(test/helpers/test_puma/shutdown_requests.rb), not in the test"),
        ("test_force_shutdown", "server shutdown timing; its requests are built by a helper, not in the test"),
        ("test_accept_emfile", "no request bytes"), ("test_accept_econnaborted", "no request bytes"),
        ("test_idle_connections_closed_immediately_on_shutdown", "no request bytes"),
        ("test_run_stop_thread_safety", "no request bytes"), ("test_command_ignored_before_run", "no request bytes"),
        ("test_custom_io_selector", "no request bytes"),
        ("test_form_data_encoding_windows_bom", "request bytes are generated by curl, not in the test"),
        ("test_form_data_encoding_windows", "request bytes are generated by curl, not in the test"),
        ("test_auto_trim_with_variable_pool_size", "no request bytes"),
        ("test_auto_trim_with_fixed_pool_size", "no request bytes"),
        ("test_stats_ok_before_run", "no request bytes"),
        ("test_update_thread_pool_min_max_warns_if_min_greater_than_max", "no request bytes"),
        ("test_update_thread_pool_min_max_warns_if_min_less_than_zero", "no request bytes"),
        ("test_update_thread_pool_min_max_allows_min_zero", "no request bytes")):
    skip(PUMA, FP, t, why)

# ---- responses asserted byte for byte in test_puma_server.rb (client role)
RS = "the exact response bytes puma's test asserts, decoded in the client role"


def addr(slug, data, messages, note, source, methods=()):
    add(slug, "response", data, "ok", messages, RS + "; " + note, source, methods)


d = b"HTTP/1.1 750 Upgraded to Awesome\r\nDone: Yep!\r\n\r\n"
addr("res-750-close", d, [R(d, "close")],
     "status 750 is 3DIGIT (RFC 9112 4: any three digits parse); no Content-Length or "
     "Transfer-Encoding, so the body runs to end of stream (RFC 9112 6.3 step 8): empty",
     sp("test_puma_socket", "response written by the app"))
d = b"HTTP/1.0 200 OK\r\nfoo: Bar\r\ncontent-length: 5\r\n\r\n"
addr("res-head-cl-5", d, [R(d, "none")],
     "a response to HEAD: no body whatever Content-Length says (RFC 9112 6.3 step 1)",
     sp("test_HEAD_has_no_body"), ("HEAD",))
d = b"HTTP/1.0 200 OK\r\ncontent-length: 0\r\n\r\n"
addr("res-head-cl-0", d, [R(d, "none")], "a response to HEAD (no body)",
     sp("test_GET_with_empty_body_has_sane_chunking"), ("HEAD",))
also("res-head-cl-0", sp("test_GET_with_no_body_has_sane_chunking"))
r1 = b"HTTP/1.1 200 OK\r\ncontent-length: 4\r\n\r\n"
r2 = b"HTTP/1.1 200 OK\r\nconnection: close\r\ncontent-length: 4\r\n\r\n"
addr("res-back-to-back-no-content", r1 + b"ok 1" + r2 + b"ok 2",
     [R(r1, "length", b"ok 1"), R(r2, "length", b"ok 2")], "two responses framed by Content-Length",
     sp("test_back_to_back_no_content"))
addr("res-back-to-back-content", r1 + b"ok 1" + r1 + b"ok 2",
     [R(r1, "length", b"ok 1"), R(r1, "length", b"ok 2")], "two responses framed by Content-Length",
     sp("test_back_to_back_content"))
r5 = b"HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\n"
r7 = b"HTTP/1.1 200 OK\r\ncontent-length: 7\r\n\r\n"
addr("res-back-to-back-chunked", r5 + b"hello" + r7 + b"goodbye" + r5 + b"Hello",
     [R(r5, "length", b"hello"), R(r7, "length", b"goodbye"), R(r5, "length", b"Hello")],
     "three responses on one connection", sp("test_back_to_back_chunked"))
d103 = b"HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload; as=style\r\nLink: </script.js>; rel=preload\r\n\r\n"
d200 = b"HTTP/1.0 200 OK\r\nx-hello: World\r\ncontent-length: 12\r\n\r\n"
addr("res-103-then-head-200", d103 + d200, [R(d103, "none"), R(d200, "none")],
     "a 103 interim response (its own message, no body, does not use up the HEAD entry), then "
     "the final response to HEAD with Content-Length 12 and no body",
     sp("test_early_hints_works"), ("HEAD",))
addr("res-head-200-cl-12", d200, [R(d200, "none")], "a response to HEAD",
     sp("test_early_hints_is_off_by_default"), ("HEAD",))
d = b"HTTP/1.0 449 CUSTOM\r\ncontent-length: 0\r\n\r\n"
addr("res-449-10", d, [R(d, "length")], "an unregistered status code with a custom reason",
     sp("test_custom_http_codes_10"))
d = b"HTTP/1.1 449 CUSTOM\r\nconnection: close\r\ncontent-length: 0\r\n\r\n"
addr("res-449-11", d, [R(d, "length")], "an unregistered status code", sp("test_custom_http_codes_11"))
d = b"HTTP/1.0 200 OK\r\ncontent-type: application/pdf\r\ncontent-length: 4242\r\n\r\n"
addr("res-head-cl-4242", d, [R(d, "none")], "a response to HEAD announcing 4242 bytes, none sent",
     sp("test_HEAD_returns_content_headers"), ("HEAD",))
d = b"HTTP/1.1 200 OK\r\ncontent-type: plain/text\r\nconnection: close\r\ncontent-length: 5\r\n\r\n"
addr("res-11-close-hello", d + b"hello", [R(d, "length", b"hello")], "Content-Length body",
     sp("test_http_11_close_with_body"))
d = b"HTTP/1.0 200 OK\r\ncontent-type: plain/text\r\ncontent-length: 5\r\n\r\n"
addr("res-10-hello", d + b"hello", [R(d, "length", b"hello")], "Content-Length body",
     sp("test_http_10_close_with_body"))
d = b"HTTP/1.0 204 No Content\r\nconnection: keep-alive\r\n\r\n"
addr("res-10-204-keep-alive", d, [R(d, "none")], "204 has no body (RFC 9112 6.3 step 1)",
     sp("test_http_10_keep_alive_without_body"))
d = b"HTTP/1.0 204 No Content\r\n\r\n"
addr("res-10-204", d, [R(d, "none")], "204 has no body", sp("test_http_10_close_without_body"))
d100 = b"HTTP/1.1 100 Continue\r\n\r\n"
dok = b"HTTP/1.1 200 OK\r\nconnection: close\r\ncontent-length: 0\r\n\r\n"
addr("res-100-then-200", d100 + dok, [R(d100, "none"), R(dok, "length")],
     "100 Continue (a message of its own), then the final response", sp("test_Expect_100"))
also("res-100-then-200", sp("test_Expect_100_continue_callback_false_sends_continue"))
addr("res-200-close-cl-0", dok, [R(dok, "length")], "an empty Content-Length body",
     sp("test_chunked_request"))
for t in ("test_large_chunked_request", "test_chunked_request_pause_before_value",
          "test_chunked_request_pause_between_chunks", "test_chunked_request_pause_mid_count",
          "test_chunked_request_pause_before_count_newline", "test_chunked_request_pause_mid_value",
          "test_chunked_request_pause_between_cr_lf_after_size_of_second_chunk",
          "test_chunked_request_pause_between_closing_cr_lf",
          "test_chunked_request_pause_before_closing_cr_lf", "test_chunked_body_pause_within_chunk_size_hex",
          "test_chunked_request_header_case"):
    also("res-200-close-cl-0", sp(t, "response"))
d0 = b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n"
addr("res-200-cl-0-twice", d0 * 2, [R(d0, "length")] * 2, "two empty Content-Length responses",
     sp("test_chunked_request_pause_after_last_chunk_1", "responses"))
also("res-200-cl-0-twice", sp("test_chunked_request_pause_after_last_chunk_2", "responses"))
also("res-200-cl-0-twice", sp("test_two_back_to_back_chunked_have_different_tempfile", "both responses"))
exp = b""
msgs = []
for i in range(20):
    hd = b"HTTP/1.1 200 OK\r\ncontent-length: %d\r\n\r\n" % (len(str(i + 1)) + 8)
    exp += hd + b"Request_%d" % (i + 1)
    msgs.append(R(hd, "length", b"Request_%d" % (i + 1)))
addr("res-twenty", exp, msgs, "twenty pipelined responses", sp("test_chunked_keep_alive_twenty_back_to_back"))
d = b"HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n"
addr("res-400-close", d, [R(d, "length")], "an error response with an empty body",
     sp("test_chunked_request_invalid_extension_header_length"))
d = b"HTTP/1.1 400 Bad Request\r\nConnection: close\r\ncontent-length: 0\r\n\r\n"
addr("res-400-close-capital", d, [R(d, "length")], "an error response with an empty body",
     sp("test_chunked_request_invalid_extension_header_length_split"))
d = b"HTTP/1.0 200 OK\r\nx-empty-header: \r\ncontent-length: 0\r\n\r\n"
addr("res-head-empty-value", d, [R(d, "none")],
     "a field whose value is empty once the SP is removed; a response to HEAD",
     sp("test_empty_header_values"), ("HEAD",))
d = b"HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n"
addr("res-404-cl-0", d, [R(d, "length")], "STATUS_CODES[404] is 'Not Found'",
     sp("test_empty_body_array_content_length_0"))
also("res-404-cl-0", sp("test_empty_body_array_no_content_length"))
d = b"HTTP/1.1 404 Not Found\r\ntransfer-encoding: chunked\r\n\r\n"
addr("res-404-chunked-empty", d + b"0\r\n\r\n", [R(d, "chunked")], "an empty chunked body",
     sp("test_empty_body_enum"))

# ===========================================================================
# puma test/test_puma_server_hijack.rb
# ===========================================================================
FH = "test/test_puma_server_hijack.rb"
for t in ("test_full_hijack_body_close", "test_101_body", "test_101_header"):
    also("single-missing-host", src(PUMA, FH, t, "the request only; the echo bytes written after "
                                     "the app hijacks the socket are not HTTP and are not taken"))
for t in ("test_partial_hijack_body_closes_body", "test_partial_hijack_header_closes_body_correct_precedence"):
    also("single-missing-host", src(PUMA, FH, t, "both connections send GET / HTTP/1.1 without Host"))
also("server-http10-close", src(PUMA, FH, "test_http_10_header_with_content_length"))
d = b"HTTP/1.0 200 OK\r\nContent-Length: 5\r\n\r\n"
addr("res-hijack-cl-5", d + b"abcde", [R(d, "length", b"abcde")],
     "the body written by the hijacking app in two pieces", src(PUMA, FH, "test_http_10_header_with_content_length"))


def main():
    out = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "puma.json")
    with open(out, "w") as f:
        json.dump(CASES, f, ensure_ascii=True, indent=1)
        f.write("\n")
    ex = Counter(c["expect"] for c in CASES)
    print("cases", len(CASES), dict(ex))
    print("by mode", dict(Counter(c["mode"] for c in CASES)))
    print("derived -host", sum(1 for c in CASES if c["id"].endswith("-host")))
    tests = set(CONVERTED)
    print("tests converted (distinct repo/file/test)", len(tests))
    print("skipped", len(SKIPPED), Counter(r for *_, r in SKIPPED))


if __name__ == "__main__":
    main()


def stats():
    """Counts for puma.md: tests per file (converted into a case / skipped)."""
    conv = {}
    for repo, f, t in CONVERTED:
        conv.setdefault((repo, f), set()).add(t.split(" (variant")[0].split(", ")[0])
    sk = {}
    for repo, f, t, r in SKIPPED:
        sk.setdefault((repo, f), set()).add(t)
    for key in VERSIONS:
        print("%-50s converted %3d  skipped %2d" % (key[0] + " " + key[1], len(conv.get(key, ())),
                                                    len(sk.get(key, ()))))
    print("total tests converted", sum(len(v) for v in conv.values()),
          "skipped", sum(len(v) for v in sk.values()))
    for c in CASES:
        n = c["note"]
        i = n.find("differs from")
        if i >= 0:
            print("DIFF", c["id"], "|", c["expect"], "|", n[i:i + 230].split(". ")[0])


if __name__ == "__main__" and "--stats" in sys.argv:
    stats()
