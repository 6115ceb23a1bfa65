#!/usr/bin/env python3
"""Build tests/corpus/undici.json: h1wire conformance cases converted from the
test suite of undici (https://github.com/nodejs/undici, MIT licence), the
HTTP/1.1 client of Node.js.

undici's tests start raw TCP servers (or fake sockets) that write hand-made
responses, to test how the client reads them. Only those response BYTES are
taken (with the repository, file, commit and test name in each case's
`source`); no undici code or prose is copied. Where a test writes one
response in several socket writes, the writes are joined (the corpus tools
split inputs every way themselves); where one connection carries several
responses, they are joined in the order the server sends them.

Every expectation is decided by the strict profile (CONFORMANCE.md section 3)
and RFC 9112 / RFC 9110, not by undici's answer. A small strict reading of the
profile (decode() in common.py, client role) computes the messages; every case also
states its verdict by hand, and the script stops if the two disagree.

Usage: undici_make.py   (no options)
"""
import json
import os

from common import client_verdict

OUT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "undici.json")
REPO = "nodejs/undici"

# =====================================================================
# Cases
# =====================================================================

CASES = []
IDS = {}
SEEN = {}
DIFFERS = []   # (id, why)
SKIPPED = {}   # reason -> [test names]

# files read (path -> commit of the stored version that was read)
F = {
    "parser-issues": ("test/parser-issues.js", "09afa777b867"),
    "parser-issues-new": ("test/parser-issues.js", None, "52283295709"),
    "http-100": ("test/http-100.js", "0bd6b3025304"),
    "http-100-new": ("test/http-100.js", None, "70208189120"),
    "boundaries": ("test/client-header-field-boundaries.js", "76ce759d6917"),
    "names": ("test/client-header-names.js", "dc4efc0e825f"),
    "fastpath": ("test/client-content-length-fastpath.js", "763969f8adab"),
    "keepalive": ("test/client-keep-alive.js", "857e988ed9a1"),
    "upgrade": ("test/client-upgrade.js", "92d59edeeda1"),
    "upgrade-crlf": ("a test file (client upgrade CRLF injection)", None, "51838138180"),
    "pool": ("a Pool test file", None, "8584480680"),
    "connect": ("test/client-connect.js", "b19eee64fea9"),
    "i810": ("test/issue-810.js", "0bdca797bbae"),
    "i810-new": ("test/issue-810.js", None, "55615125415"),
    "errors": ("test/client-errors.js", "00121a9a7c1b"),
    "errors-new": ("a test file (\"parser error\", marked `TODO: move to test/node-test/client-connect.js`)", None, "55784102746"),
    "http2": ("a test file (HTTP/2 preface sent to the HTTP/1.1 client)", None, "6128904841"),
    "headermap": ("a test file on response header maps (tests `request drops a __proto__ response "
                  "header ...`, `header map is assembled from field lines split across reads`, ...)", None, "68878335452"),
    "parsing": ("a response-parsing test file (tests `rejects ... past the first 16 bytes`, "
                "`field values lose all surrounding whitespace`, ...)", None, "71098315361"),
}


def src(key, test, variant=None):
    f = F[key]
    if f[1]:
        s = "%s %s@%s: %s" % (REPO, f[0], f[1], test)
    else:
        if f[0].startswith("test/"):
            s = ("%s %s (a newer stored version, for which the index gave no commit; the path "
                 "is that of the file with the same tests): %s" % (REPO, f[0], test))
        else:
            s = ("%s, %s (a stored copy for which the index gave neither path nor commit): %s" % (
                REPO, f[0], test))
    if variant:
        s += " (variant: %s)" % variant
    return s


def add(slug, inp, verdict, note, source, methods=(), differs=None):
    if isinstance(inp, str):
        inp = inp.encode("latin-1")
    cid = "undici-" + slug
    key = (inp, tuple(methods))
    if key in SEEN:
        case = SEEN[key]
        assert case["expect"] == verdict, (cid, case["id"])
        case["source"] += "; the same bytes in " + source
        return case
    assert cid not in IDS, cid
    msgs, computed, err, eithers = client_verdict(cid, inp, methods)
    assert computed == verdict, (cid, computed, verdict, err, eithers)
    if differs:
        note = "differs from undici: " + differs + ". " + note
        DIFFERS.append((cid, differs))
    case = {"id": cid, "mode": "response", "methods": list(methods),
            "input": inp.decode("latin-1"), "expect": verdict,
            "messages": msgs, "note": note, "source": source}
    IDS[cid] = case
    SEEN[key] = case
    CASES.append(case)
    return case


def skip(reason, test):
    SKIPPED.setdefault(reason, []).append(test)


SAME = "same verdict as undici"
STRAY = ("the test writes one CRLF too many after the head (`\\r\\n\\r\\n` after the last "
         "field line), so an empty line follows the complete response. The profile skips "
         "no empty line before a status-line (RFC 9112 2.2 lets only a server skip an "
         "empty line, before a request-line), and RFC 9112 6.3 forbids a client to "
         "process extra data as a separate response: the stream fails after the first "
         "message")
STRAY_DIFF = "undici (llhttp) skips CR and LF bytes between responses and accepts the stream"
NOSTRAY = "the extra CRLF after the response removed"
EOS_CLOSE = "the body is delimited by end of stream (no Content-Length, no Transfer-Encoding: RFC 9112 6.3 rule 8), which the dump signals"

# ------------------------------------------------------------ parser-issues.js

add("issue-268-chunks-of-lf",
    "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\n\n\r\n1\r\n\n\r\n",
    "error",
    "a chunked response whose two chunks of size 1 each carry one LF byte as data (a "
    "heartbeat feed); the chunks are valid, but the test leaves the connection open and "
    "never sends the last chunk, so at the dump's end of stream the message is incomplete "
    "(error, no message). undici's test checks only that the headers arrive and no timeout "
    "fires while the body is open; the -completed variant checks the chunk parsing",
    src("parser-issues", "https://github.com/mcollina/undici/issues/268"))
add("issue-268-chunks-of-lf-completed",
    "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\n\n\r\n1\r\n\n\r\n0\r\n\r\n",
    "ok",
    "derived: the stream of the issue-268 test with the last chunk and the empty trailer "
    "section added; chunk data may hold any byte, so the body is two LF bytes; " + SAME,
    src("parser-issues", "https://github.com/mcollina/undici/issues/268",
        "last chunk `0\\r\\n\\r\\n` added"))
add("parser-fail-htt", "HTT/1.1 200 OK\r\n", "error",
    "`HTT/1.1` is not an HTTP-version (RFC 9112 2.3, 4): not a status-line; " + SAME +
    " (HTTPParserError)", src("parser-issues", "parser fail"))
add("split-header-close-delimited", "HTTP/1.1 200 OK\r\nASD: asd,asd\r\n\r\n\r\n", "ok",
    "one field `ASD: asd,asd` (the test writes the head in two pieces, cut inside the name "
    "or inside the value); no Content-Length or Transfer-Encoding, so " + EOS_CLOSE +
    ": the CRLF after the empty line is the body; " + SAME + " (it reads the field and "
    "destroys the body)", src("parser-issues", "split header field"))
add("split-header-close-delimited", "HTTP/1.1 200 OK\r\nASD: asd,asd\r\n\r\n\r\n", "ok", "",
    src("parser-issues", "split header value"))
add("two-responses-small-then-8k",
    b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok" +
    b"HTTP/1.1 200 OK\r\nContent-Length: 8192\r\n\r\n" + b"a" * 8192,
    "ok",
    "two responses on one keep-alive connection, framed by Content-Length: 2 and 8192; " + SAME,
    src("parser-issues-new", "refreshes wasm input view after reallocating parser buffer"))

# ------------------------------------------------------------ http-100.js

add("103-with-body-bytes",
    "HTTP/1.1 103 Early Hints\r\nContent-Length: 1\r\n\r\na\r\n", "error",
    "a 1xx response has no body whatever its Content-Length (RFC 9112 6.3 rule 1, RFC 9110 "
    "15.2): the 103 is a complete message, then `a` cannot start a status-line; " + SAME +
    " (HTTPParserError)", src("http-100", "error 103 body"))
add("100-alone", "HTTP/1.1 100 Early Hints\r\n\r\n", "ok",
    "a lone 100 response (reason `Early Hints`), then the stream ends between messages: the "
    "1xx is a complete message of its own (CONFORMANCE.md section 1) and nothing is cut; RFC "
    "9110 15.2: a client MUST be able to parse 1xx responses it did not expect. That no final "
    "response ever arrives is a matter for the request/response pairing above the decoder",
    src("http-100", "error 100 body"),
    differs="undici's test expects the request to fail with `bad response` on this unsolicited "
    "100 (a newer version of the same file instead ignores an unsolicited 100, see "
    "undici-unsolicited-100-then-200s)")
add("101-unsolicited",
    "HTTP/1.1 101 Switching Protocols\r\nUpgrade: example/1\r\nConnection: Upgrade\r\n\r\n",
    "ok",
    "a 101 response: framing `upgrade`, nothing after the head is decoded (profile, framing "
    "rule 1; RFC 9112 6.3 rule 1). The decoder does not know whether the request asked for an "
    "upgrade; refusing a 101 the client never asked for (RFC 9110 7.8) is the client's "
    "decision, not the decoder's",
    src("http-100", "error 101 upgrade"),
    differs="undici fails the plain GET with `bad upgrade`, because it did not ask to upgrade")
add("unsolicited-100-then-200s",
    "HTTP/1.1 100 Continue\r\n\r\n"
    "HTTP/1.1 200 OK\r\ncontent-length: 5\r\nconnection: keep-alive\r\n\r\nhello"
    "HTTP/1.1 200 OK\r\ncontent-length: 5\r\nconnection: close\r\n\r\nworld",
    "ok",
    "an unsolicited 100 Continue, then the 200 for the first request, then the 200 for the "
    "second request on the same connection (the test's two writes joined); the 100 is a "
    "message of its own and does not use up a request; " + SAME,
    src("http-100-new", "ignore unsolicited 100 Continue response"))
skip("response written by Node's http module (not hand-made bytes)",
     "http-100.js: ignore informational response; 1xx response without timeouts")

# ------------------------------------------------------------ client-header-field-boundaries.js

for slug, name, fields in [
        ("ka-numeric-extension", "numeric extension must not extend timeout", ["timeout=1", "0=max"]),
        ("ka-param-split-across-fields", "parameter names must not span fields", ["time", "out=30"]),
        ("ka-longer-param-name", "longer parameter names do not match", ["x-timeout=30", "timeout=3"]),
        ("ka-uppercase-timeout", "case-insensitive timeout parameter", ["max=2", "TIMEOUT=3"]),
        ("ka-timeout-in-later-field", "timeout in a later field", ["max=2", "timeout=30"]),
        ("ka-empty-field-first", "empty field before timeout", ["", "timeout=3"])]:
    inp = ("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: keep-alive\r\n" +
           "".join("Keep-Alive: %s\r\n" % v for v in fields) + "\r\n")
    extra = ""
    if fields[0] == "":
        extra = "; the first `Keep-Alive:` line has an empty value, which field-value allows " \
                "(RFC 9110 5.5: field-value = *field-content)"
    add(slug, inp, "ok",
        "a 200 with Content-Length: 0 and two Keep-Alive field lines %s (written one per "
        "socket write); the decoder keeps both lines as they are, in order%s; what the "
        "Keep-Alive parameters mean is for the caller; %s" % (
            " and ".join("`%s`" % v for v in fields), extra, SAME),
        src("boundaries", "Keep-Alive field boundaries: " + name))
add("names-values-split-across-reads",
    "HTTP/1.1 200 OK\r\nKeep-Alive: timeout=3\r\nContent-Length: 12\r\nConnection: keep-alive\r\n"
    "X-Note: ab\r\nX-Note: cd\r\n\r\nhello world!", "ok",
    "a response written in 8 pieces cut inside field names and values (joined here); two "
    "X-Note lines stay two header entries; Content-Length: 12 frames `hello world!`; " + SAME,
    src("boundaries", "tracked field names and values may span chunks"))
add("cl-duplicate-same", "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nok",
    "either",
    "two identical Content-Length lines: RFC 9112 6.3 rule 5 and the profile allow accepting "
    "them as one value or rejecting (`either`); undici rejects, which `either` allows",
    src("boundaries", "Content-Length duplicates are rejected: 2/2"))
add("cl-duplicate-differ", "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nok",
    "error",
    "two differing Content-Length values: an unrecoverable framing error (RFC 9112 6.3 rule 5); "
    + SAME, src("boundaries", "Content-Length duplicates are rejected: 2/3"))
add("cl-list-same", "HTTP/1.1 200 OK\r\nContent-Length: 2, 2\r\n\r\nok", "either",
    "`Content-Length: 2, 2`, a list of identical values: the profile counts it as several "
    "identical values (`either`, RFC 9112 6.3 rule 5); undici rejects, which `either` allows",
    src("boundaries", "Content-Length duplicates are rejected: 2, 2"))

# ------------------------------------------------------------ client-header-names.js

add("mixed-case-names-chunked-trailers",
    "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nETAG: \"x\"\r\nx-Custom-Name: custom\r\n"
    "Accept-Ranges: bytes\r\nSet-Cookie: a=1\r\nset-COOKIE: b=2\r\nTransfer-Encoding: chunked\r\n"
    "\r\n2\r\nOK\r\n0\r\nServer-Timing: total;dur=1\r\nX-Trailer: t\r\n\r\n", "ok",
    "field names in mixed case are kept as sent (the dump keeps the case); a chunked body `OK` "
    "and two trailer fields; the test feeds it in one read, one byte per read, and cut after "
    "name prefixes (same bytes); " + SAME,
    src("names", "parsed headers are keyed lowercase and raw headers keep their case: one read / "
        "one byte per read / names cut after a prefix"))
add("304-uppercase-content-length", "HTTP/1.1 304 Not Modified\r\nCONTENT-LENGTH: 5\r\n\r\n",
    "ok",
    "a 304 never has a body (RFC 9112 6.3 rule 1); its Content-Length (name in upper case) is "
    "the length the 200 would have had (RFC 9110 8.6) and does not frame anything; " + SAME +
    " (undici reads the 304, then does not reuse the connection)",
    src("names", "a 304 with a non-zero Content-Length is not reused: whole name / split name"))
add("cl-zero", "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", "ok",
    "a 200 with Content-Length: 0 (the response on the second connection); " + SAME,
    src("names", "a 304 with a non-zero Content-Length is not reused (second connection)"))

# ------------------------------------------------------------ client-content-length-fastpath.js

b1, b2 = b"A" * (64 * 1024), b"B" * (32 * 1024)
add("pipelined-large-cl-bodies",
    b"HTTP/1.1 200 OK\r\ncontent-length: 65536\r\n\r\n" + b1 +
    b"HTTP/1.1 200 OK\r\ncontent-length: 32768\r\n\r\n" + b2, "ok",
    "two pipelined responses with Content-Length bodies of 65536 and 32768 bytes; the test "
    "cuts the writes so that the second head starts in the packet that ends the first body; "
    + SAME, src("fastpath", "content-length body fast path > pipelined responses sharing "
                "packets, boundaries mid-chunk"))
add("cl-body-16k", b"HTTP/1.1 200 OK\r\ncontent-length: 16384\r\n\r\n" + b"Z" * 16384, "ok",
    "a 16384-byte Content-Length body that ends exactly at the end of the input; " + SAME,
    src("fastpath", "content-length body fast path > exact message boundary at end of packet"))
add("cl-body-truncated-close",
    b"HTTP/1.1 200 OK\r\ncontent-length: 32768\r\nconnection: close\r\n\r\n" + b"T" * 10000,
    "error",
    "Content-Length: 32768 but only 10000 body bytes before the server closes: an incomplete "
    "message (RFC 9112 8: a message shorter than its Content-Length is incomplete), also with "
    "Connection: close; " + SAME + " (UND_ERR_RES_CONTENT_LENGTH_MISMATCH)",
    src("fastpath", "content-length body fast path > truncated fixed-length body errors on "
        "connection close"))
add("cl-body-truncated-keepalive",
    b"HTTP/1.1 200 OK\r\ncontent-length: 32768\r\n\r\n" + b"K" * 10000, "error",
    "Content-Length: 32768 but only 10000 body bytes before end of stream: incomplete "
    "(RFC 9112 8); " + SAME,
    src("fastpath", "content-length body fast path > truncated keep-alive fixed-length body "
        "errors on connection close"))
add("304-with-content-length", "HTTP/1.1 304 Not Modified\r\ncontent-length: 1234\r\n\r\n",
    "ok",
    "a 304 has no body whatever its Content-Length (RFC 9112 6.3 rule 1; RFC 9110 8.6 and 15.4.5: "
    "the Content-Length of a 304 is the length of the representation the 200 would carry)",
    src("fastpath", "content-length body fast path > fast path does not activate for bodyless "
        "304 with content-length"),
    differs="undici fails the request with UND_ERR_RES_CONTENT_LENGTH_MISMATCH because the 304 "
    "carries no bytes although Content-Length is 1234")
add("103-link-then-200-cl",
    b"HTTP/1.1 103 Early Hints\r\nlink: </style.css>; rel=preload\r\n\r\n"
    b"HTTP/1.1 200 OK\r\ncontent-length: 20000\r\n\r\n" + b"i" * 20000, "ok",
    "a 103 Early Hints with a Link field (a message of its own, no body), then the 200 with a "
    "20000-byte Content-Length body; " + SAME,
    src("fastpath", "content-length body fast path > bodies interleaved with 100-continue-free "
        "informational responses"))
skip("response written by Node's http module (not hand-made bytes)",
     "client-content-length-fastpath.js: large fixed-length body split across many packets; "
     "keep-alive reuse after fast path completion; backpressure pause and resume mid-body; "
     "maxResponseSize enforced on fast path body; chunked transfer-encoding is not affected; "
     "headers larger than the slice size parse correctly")

# ------------------------------------------------------------ response-parsing file (id 71098315361)

long_ = "a" * 20
for slug, name, inp, why in [
        ("bare-lf-in-field-value", "a bare LF in a header value",
         "HTTP/1.1 200 OK\r\nX-Long: %s\n%s\r\nContent-Length: 0\r\n\r\n" % (long_, long_),
         "a bare LF inside a field line: lines end in CRLF (profile; RFC 9112 2.2)"),
        ("nul-in-field-value", "a NUL in a header value",
         "HTTP/1.1 200 OK\r\nX-Long: %s\x00%s\r\nContent-Length: 0\r\n\r\n" % (long_, long_),
         "NUL in a field value (RFC 9110 5.5: field values never hold NUL; profile)"),
        ("del-in-field-value", "a DEL in a header value",
         "HTTP/1.1 200 OK\r\nX-Long: %s\x7f%s\r\nContent-Length: 0\r\n\r\n" % (long_, long_),
         "DEL (0x7F) in a field value: not VCHAR, SP, HTAB or obs-text (RFC 9110 5.5; profile)"),
        ("bare-lf-in-reason", "a bare LF in the reason phrase",
         "HTTP/1.1 200 %s\n%s\r\nContent-Length: 0\r\n\r\n" % (long_, long_),
         "a bare LF inside the status-line: lines end in CRLF (profile; RFC 9112 2.2)"),
        ("nul-in-trailer-value", "a NUL in a trailer value",
         "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\nX-Long: %s\x00%s\r\n\r\n"
         % (long_, long_),
         "NUL in a trailer field value (trailer fields have the syntax of header fields, RFC 9112 7.1.2)")]:
    add(slug, inp, "error",
        why + "; the bad byte sits past the first 16 bytes of the line; " + SAME +
        " (HPE_UNEXPECTED_CHARACTER)", src("parsing", "rejects %s past the first 16 bytes" % name))
add("ows-trimmed-header-and-trailer",
    "HTTP/1.1 200 OK\r\nX-Spaces:  two\r\nX-Tab: \tspace-tab\r\nX-Both: \t both \t\r\n"
    "Transfer-Encoding: chunked\r\n\r\n0\r\nX-Trailer:  \ttrailer\r\n\r\n", "ok",
    "leading and trailing OWS (SP and HTAB, several) is not part of a field value (RFC 9112 5.1) "
    "in header and trailer fields; the chunked body is empty; " + SAME,
    src("parsing", "field values lose all surrounding whitespace"))
add("http10-response", "HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok", "ok",
    "an HTTP/1.0 response is valid: the profile takes `HTTP/1.0` and `HTTP/1.1`, and RFC 9110 "
    "2.5 / RFC 9112 2.3 let a 1.1 client read a 1.0 response; Content-Length: 2 frames `ok`",
    src("parsing", "rejects an HTTP/1.0 response"),
    differs="this undici test expects HPE_UNSUPPORTED_HTTP_VERSION: the client refuses HTTP/1.0 "
    "responses, a policy of the client, not a framing rule")
add("status-099", "HTTP/1.1 099 Low\r\nContent-Length: 0\r\n\r\n", "either",
    "status 099: status-code is 3DIGIT (RFC 9112 4) but valid codes are 100-599 (RFC 9110 15); "
    "the project's own strict-profile case h1wire-profile-res-status-099 reads this as "
    "`either`; undici rejects (HPE_INVALID_STATUS), which `either` allows",
    src("parsing", "rejects a status code below 100"))
add("upgrade-field-on-200-without-connection",
    "HTTP/1.1 200 OK\r\nUpgrade: h2c\r\nContent-Length: 2\r\n\r\nok", "ok",
    "an Upgrade field on a 200 does not switch protocols (only a 101 does, RFC 9110 7.8; "
    "profile framing rule 1), and no rule ties it to `Connection: upgrade` for the framing: "
    "Content-Length: 2 frames `ok`",
    src("parsing", "Upgrade without Connection: upgrade fails the request, not its body"),
    differs="undici fails the request with HPE_MISSING_CONNECTION_UPGRADE")
add("trailer-field-without-chunked",
    "HTTP/1.1 200 OK\r\nTrailer: X-Checksum\r\nContent-Length: 2\r\n\r\nok", "ok",
    "a Trailer field on a Content-Length response only announces trailers (RFC 9110 6.6.2); "
    "it changes no framing, and no rule makes it an error: Content-Length: 2 frames `ok`",
    src("parsing", "Trailer without chunked encoding fails the request, not its body"),
    differs="undici fails the request with HPE_UNEXPECTED_TRAILERS")
add("empty-lines-between-responses",
    "".join("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\n%d\r\n\r\n" % i for i in range(3)),
    "error",
    "three keep-alive responses, each followed by an empty line (CRLF CRLF after the 1-byte "
    "body). No empty line is skipped before a status-line (profile; RFC 9112 2.2 allows it "
    "only to a server before a request-line), and RFC 9112 6.3 forbids a client to process "
    "extra data after a response: the stream fails after the first response",
    src("parsing", "empty lines between responses do not end a keep-alive connection"),
    differs="undici (llhttp) skips the CRLFs and reads the three responses on one connection")
add("cl-then-garbage", "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/9.9 garbage\r\n\r\n",
    "error",
    "the 200 ends after its 2 body bytes; `HTTP/9.9 garbage` is not a status-line (HTTP/9.9 "
    "is no HTTP/1.x version, no status code): error after one message; " + SAME,
    src("parsing", "a Content-Length response completes before the bytes after it are parsed"))
add("204-then-nul-garbage", "HTTP/1.1 204 No Content\r\n\r\n\x00garbage", "error",
    "a 204 has no body (RFC 9112 6.3 rule 1), so it is complete at its empty line; the NUL and "
    "`garbage` after it do not start a status-line: error after one message; " + SAME,
    src("parsing", "a response without a body completes before the bytes after it are parsed"))
add("upgrade-field-on-200",
    "HTTP/1.1 200 OK\r\nConnection: upgrade\r\nUpgrade: h2c\r\nContent-Length: 2\r\n\r\nok", "ok",
    "Connection: upgrade and Upgrade: h2c on a 200: only a 101 switches protocols (RFC 9110 "
    "7.8), so Content-Length: 2 frames `ok`; " + SAME,
    src("parsing", "Upgrade on a response other than 101 does not switch protocols"))
add("eof-delimited-body", "HTTP/1.1 200 OK\r\n\r\nhello", "ok",
    EOS_CLOSE + "; an HTTP/1.1 response needs no Connection: close for it; " + SAME,
    src("parsing", "a body delimited by EOF completes without Connection: close"))
add("long-header-line-cut", "HTTP/1.1 200 OK\r\nX-Long: " + "a" * 2048, "error",
    "the stream ends inside a 2048-byte field line: incomplete. undici's test sets "
    "maxHeaderSize to 1024 and expects UND_ERR_HEADERS_OVERFLOW; the corpus has no such "
    "option (the default line limit is 16 KiB), but the verdict is an error either way",
    src("parsing", "an incomplete header line longer than maxHeaderSize overflows"))
add("chunked-ext-and-trailer",
    "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-Custom-Header: Value\r\n"
    "Transfer-Encoding: chunked\r\nTrailer: X-Checksum\r\n\r\n5;ext=1\r\nhello\r\n6\r\n world\r\n"
    "0\r\nX-Checksum: abc\r\n\r\n", "ok",
    "a chunked body with a chunk extension `;ext=1` (RFC 9112 7.1.1) and a trailer field; the "
    "test splits it into two reads at every offset (the corpus tools do the same); " + SAME,
    src("parsing", "a response split across two reads at any offset parses the same"))
add("cl-body-split-then-pipelined",
    "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n0123456789HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc",
    "ok",
    "a 10-byte Content-Length body written in three pieces, the last of which also carries the "
    "next pipelined response; " + SAME,
    src("parsing", "a Content-Length body split across reads is followed by a pipelined response"))

# ------------------------------------------------------------ client-keep-alive.js

for slug, tests, value in [
        ("keepalive-timeout-2s", ["keep-alive header"], "timeout=2s"),
        ("keepalive-timeout-1s", ["keep-alive header 0", "keep-alive header 1"], "timeout=1s"),
        ("keepalive-timeout-2", ["keep-alive header no postfix"], "timeout=2"),
        ("keepalive-bad-param", ["keep-alive not timeout"], "timeoutasdasd=1s"),
        ("keepalive-timeout-30s", ["keep-alive threshold", "keep-alive max keepalive"], "timeout=30s")]:
    head = ("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nKeep-Alive: %s\r\n"
            "Connection: keep-alive\r\n\r\n" % value)
    for i, t in enumerate(tests):
        add(slug, head + "\r\n", "error",
            "a 200 with Content-Length: 0, `Keep-Alive: %s` and Connection: keep-alive; %s" % (value, STRAY),
            src("keepalive", t), differs=STRAY_DIFF if i == 0 else None)
        add(slug + "-no-stray-crlf", head, "ok",
            "derived: the response of the test without its extra CRLF; `Keep-Alive: %s` is an "
            "ordinary field for the decoder; %s" % (value, SAME),
            src("keepalive", t, NOSTRAY))
head = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
add("connection-close-stray-crlf", head + "\r\n", "error",
    "a 200 with Content-Length: 0 and Connection: close; " + STRAY + ". The profile's `either` "
    "for bytes after a message that closes the connection is written for requests; in the "
    "client role the dump decodes on (as jetty-res-seek-eof reads it), so the CRLF is an error",
    src("keepalive", "connection close"), differs=STRAY_DIFF + " (and closes the connection)")
add("connection-close-no-stray-crlf", head, "ok",
    "derived: the response of the test without its extra CRLF; " + SAME,
    src("keepalive", "connection close", NOSTRAY))
skip("response written by Node's http module (not hand-made bytes)",
     "client-keep-alive.js: Disable keep alive")

# ------------------------------------------------------------ client-upgrade.js / pool.js

UP = "HTTP/1.1 101\r\nhello: world\r\nconnection: upgrade\r\nupgrade: websocket\r\n\r\nBody"
NOSP = ("the status-line `HTTP/1.1 101` has no SP after the status code: status-line = "
        "HTTP-version SP status-code SP [ reason-phrase ] (RFC 9112 4); the reason may be empty "
        "but its SP may not be left out (profile), so the stream fails at the first line")
NOSP_DIFF = "undici (llhttp) accepts a status-line without the SP before the (empty) reason"
for i, t in enumerate(["basic upgrade", "basic upgrade promise", "basic upgrade2",
                       "basic aborted after res", "basic upgrade error"]):
    add("101-no-reason-sp", UP, "error", NOSP + "; the -sp variant tests the upgrade itself",
        src("upgrade", t), differs=NOSP_DIFF if i == 0 else None)
    add("101-no-reason-sp-sp", UP.replace("101\r\n", "101 \r\n", 1), "ok",
        "derived: SP added after the status code (empty reason); a 101 switches protocols: "
        "framing `upgrade`, and `Body` belongs to the new protocol (profile framing rule 1); "
        + SAME, src("upgrade", t, "SP added after the status code"))
add("101-no-reason-sp", UP, "error", "", src("pool", "pool upgrade promise"))
add("101-no-reason-sp-sp", UP.replace("101\r\n", "101 \r\n", 1), "ok", "",
    src("pool", "pool upgrade promise", "SP added after the status code"))
UPE = "HTTP/1.1 101\r\nhello: world\r\nconnection: upgrade\r\n\r\nBody"
add("101-no-upgrade-field", UPE, "error",
    NOSP + "; undici fails this response too, for its missing Upgrade field", src("upgrade", "upgrade error"))
add("101-no-upgrade-field-sp", UPE.replace("101\r\n", "101 \r\n", 1), "ok",
    "derived: SP added after the status code. A 101 without an Upgrade field breaks RFC 9110 "
    "15.2.2 (the server MUST send Upgrade), but the profile makes every 101 `upgrade` and "
    "names no error for a missing field: framing `upgrade`, `Body` is not decoded",
    src("upgrade", "upgrade error", "SP added after the status code"),
    differs="undici rejects a 101 that carries no Upgrade field")
add("101-switching-protocols-websocket",
    "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n", "ok",
    "a 101 with Upgrade: websocket: framing `upgrade`; the test is about the request side "
    "(undici refuses a protocol value holding CRLF before sending anything); the response "
    "is valid",
    src("upgrade-crlf", "CRLF injection in upgrade header via CRLF sequence"))
skip("response written by Node's http module (not hand-made bytes)",
     "client-upgrade.js: upgrade wait for empty pipeline (the first response; its 101 is "
     "the same bytes as basic upgrade, not added again)")

# ------------------------------------------------------------ client-connect.js (CONNECT)

add("connect-200-tunnel", "HTTP/1.1 200 Connection established\r\n\r\nBody", "ok",
    "a 2xx response to CONNECT: the connection becomes a tunnel after the empty line (RFC 9112 "
    "6.3 rule 2; profile: `upgrade`); `Body`, the echo of the tunnel bytes, is not decoded; "
    + SAME, src("connect", "basic connect"), methods=("CONNECT",))
add("connect-200-tunnel", "HTTP/1.1 200 Connection established\r\n\r\nBody", "ok", "",
    src("connect", "connect wait for empty pipeline / basic connect error"), methods=("CONNECT",))
add("connect-300-not-a-tunnel", "HTTP/1.1 300 Connection established\r\n\r\n", "ok",
    "a 300 response to CONNECT is not a tunnel: only a 2xx is (RFC 9112 6.3 rule 2; RFC 9110 "
    "9.3.6). Without Content-Length or Transfer-Encoding its body runs to end of stream (RFC "
    "9112 6.3 rule 8): here empty",
    src("connect", "connect >=300 should not error"), methods=("CONNECT",),
    differs="undici hands over the socket for a 300 to CONNECT as it does for a 200 (its test "
    "checks statusCode 300 and a socket)")

# ------------------------------------------------------------ issue-810.js

add("issue-810-cl-shorter-than-data", "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\n11111\r\n",
    "error",
    "Content-Length: 1 while the server sends `11111` and CRLF: the response ends after one "
    "byte (RFC 9112 6.3 rule 6), and `1111` cannot start a status-line: error after one "
    "message; " + SAME + " (the first request succeeds, the next read fails with HTTPParserError)",
    src("i810", "https://github.com/mcollina/undici/issues/810 (first connection)"))
for t in ["https://github.com/mcollina/undici/issues/810 no pipelining",
          "https://github.com/mcollina/undici/issues/810 pipelining",
          "https://github.com/mcollina/undici/issues/810 pipelining 2"]:
    add("issue-810-cl-shorter-than-data", "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\n11111\r\n",
        "error", "", src("i810", t))
add("issue-810-cl-shorter-than-data", "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\n11111\r\n",
    "error", "", src("i810-new", "https://github.com/mcollina/undici/issues/810 (writeMalformedResponse)"))
add("issue-810-cl-zero-stray-crlf", "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n\r\n", "error",
    "the response on the second connection: a 200 with Content-Length: 0, then an extra CRLF "
    "in its own write; " + STRAY.replace("the test writes one CRLF too many after the head "
    "(`\\r\\n\\r\\n` after the last field line), so an", "an"),
    src("i810", "https://github.com/mcollina/undici/issues/810 (second connection)"),
    differs=STRAY_DIFF)
add("cl-zero", "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", "ok", "",
    src("i810-new", "https://github.com/mcollina/undici/issues/810 (writeEmptyResponse, the "
        "newer version without the extra CRLF)"))

# ------------------------------------------------------------ client-errors.js and others

add("parser-error-garbage", "asd\n\r213123", "error",
    "`asd` and a bare LF: not a status-line; " + SAME + " (HTTPParserError)",
    src("errors", "parser error"))
add("parser-error-garbage", "asd\n\r213123", "error", "", src("errors-new", "parser error"))
add("http2-preface-as-response", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", "error",
    "the HTTP/2 connection preface where a status-line must be: not an HTTP/1.x status-line "
    "(RFC 9112 4); " + SAME + " (HTTPParserError)",
    src("http2", "an HTTP/2 server answers the HTTP/1.1 client (unknownProtocol handler)"))

# ------------------------------------------------------------ header-map file (id 68878335452)

add("proto-named-fields",
    "HTTP/1.1 200 OK\r\n__proto__: pwned\r\n__PROTO__: repeated\r\nconstructor: built-in\r\n"
    "Content-Length: 2\r\nContent-Type: text/Plain\r\nX-Test: First\r\nx-TEST: Second\r\n"
    "connection: close\r\n\r\nOK", "ok",
    "`__proto__` and `constructor` are valid field-name tokens (RFC 9110 5.1); every field line "
    "is kept in order with its case; Content-Length: 2 frames `OK`. undici drops `__proto__` "
    "from the header map it builds, a matter of its JavaScript API, not of the wire; " + SAME
    + " (the response is accepted)",
    src("headermap", "request drops a __proto__ response header and keeps other shadowing names"))
add("proto-named-trailers",
    "HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\ntrailer: __proto__, constructor, X-Test\r\n"
    "connection: close\r\n\r\n2\r\nOK\r\n0\r\n__proto__: trailer\r\n__PROTO__: repeated-trailer\r\n"
    "constructor: built-in-trailer\r\nX-Test: First\r\nx-TEST: Second\r\n\r\n", "ok",
    "a chunked body `OK` and five trailer fields, two of them named `__proto__` in two cases; "
    "none frames or routes the message, so all are delivered; " + SAME + " (it drops "
    "`__proto__` from its trailer map only)",
    src("headermap", "request drops a __proto__ response trailer and keeps other shadowing names"))
add("103-repeated-fields-then-chunked-200",
    "HTTP/1.1 103 Early Hints\r\nX-Hint: First\r\nx-HINT: Second\r\n\r\n"
    "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nTrailer: X-Trailer\r\nConnection: close\r\n"
    "X-Test: First\r\nx-TEST: Second\r\n\r\n2\r\nOK\r\n0\r\nX-Trailer: First\r\nx-TRAILER: Second\r\n\r\n",
    "ok",
    "a 103 with a field repeated in two cases (a message of its own), then a chunked 200 with "
    "repeated header and trailer fields; " + SAME,
    src("headermap", "dispatch receives lowercase informational headers, final headers and trailers"))
add("101-with-extra-fields",
    "HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: Test\r\nX-Test: First\r\n"
    "x-TEST: Second\r\n\r\n", "ok",
    "a 101 with Upgrade: Test and a repeated field: framing `upgrade`; " + SAME,
    src("headermap", "GET onUpgrade receives a lowercase HeaderMap"))
add("connect-200-with-fields",
    "HTTP/1.1 200 Connection Established\r\nX-Test: First\r\nx-TEST: Second\r\n\r\n", "ok",
    "a 2xx to CONNECT with a repeated field: the tunnel starts after the empty line (RFC 9112 "
    "6.3 rule 2; profile `upgrade`); " + SAME,
    src("headermap", "CONNECT onUpgrade receives a lowercase HeaderMap"), methods=("CONNECT",))
add("repeated-fields-split-bytewise",
    "HTTP/1.1 200 OK\r\nX-A: 1\r\nCONTENT-LENGTH: 2\r\nX-Header-Name-Longer-Than-One-Simd-Block: "
    "Long Value\r\nx-a: 2\r\nToString: Str\r\n__Proto__: dropped\r\nX-A: 3\r\n\r\nOK", "ok",
    "a response fed one byte per read (the corpus tools split every way too); an upper-case "
    "CONTENT-LENGTH frames `OK`; every field line is kept; " + SAME,
    src("headermap", "header map is assembled from field lines split across reads"))
add("uppercase-cl-body-cut", "HTTP/1.1 200 OK\r\nCONTENT-LENGTH: 4\r\nConnection: close\r\n\r\nOK",
    "error",
    "CONTENT-LENGTH: 4 (field names are case-insensitive, RFC 9110 5.1) but the stream ends "
    "after 2 body bytes: incomplete (RFC 9112 8); " + SAME + " (ResponseContentLengthMismatchError)",
    src("headermap", "a split upper-case Content-Length is tracked for early close"))
add("names-cut-after-prefix",
    "HTTP/1.1 200 OK\r\nAccept-Ranges: bytes\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n"
    "ETAG: \"x\"\r\n\r\nOK", "ok",
    "a response written in four pieces cut after the name prefixes `Accept`, `Content` and "
    "`ETAG` (joined here); " + SAME,
    src("headermap", "a name cut after a well-known prefix is completed by the next read"))
skip("no wire bytes (a synthetic dispatcher calls the handler directly)",
     "header-map file: request drops __proto__ from synthesized trailers")


def main():
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))
    with open(OUT, "w") as f:
        json.dump(CASES, f, ensure_ascii=True, indent=1)
        f.write("\n")
    n = {"ok": 0, "error": 0, "either": 0}
    for c in CASES:
        n[c["expect"]] += 1
    derived = sum(1 for c in CASES if "(variant:" in c["source"])
    print("cases: %d (ok %d, error %d, either %d); derived variants: %d" % (
        len(CASES), n["ok"], n["error"], n["either"], derived))
    print("differ from undici: %d" % len(DIFFERS))
    for cid, why in DIFFERS:
        print("  %s: %s" % (cid, why))
    for k, v in SKIPPED.items():
        print("skipped (%s): %s" % (k, " | ".join(v)))


if __name__ == "__main__":
    main()
