#!/usr/bin/env python3
"""Build tests/corpus/waitress.json: h1wire corpus cases made from the test
messages of waitress's test suite (Pylons/waitress, the Python WSGI server,
Zope Public License 2.1).

Only the test MESSAGES (the bytes the tests feed to the parser, the chunked
receiver, the channel or a live server socket) are taken, with attribution in
each case's "source"; no waitress code or prose is copied. Every expectation
below was decided from the strict profile (CONFORMANCE.md section 3) and
RFC 9112 / RFC 9110, not from waitress's answer and not from h1wire's.
waitress's own answer is recorded in the note wherever it differs.

How a test becomes bytes
  - parser.received(data) / channel.received(data) / sock.send(data): the
    bytes as given (all pieces of one test concatenated in order).
  - parser.parse_header(data): waitress's received() hands parse_header the
    head without its final empty line, so the empty line (CRLF) is appended,
    and CRLF CRLF when the data does not end in CRLF. A head that announces
    chunked also gets an empty chunked body ("0" CRLF CRLF) so that the
    message is whole.
  - crack_first_line(line): line + CRLF CRLF.
  - ChunkedReceiver / FixedStreamReceiver: the test's bytes are the body of a
    request; the head "POST / HTTP/1.1", Host: example.com and
    Transfer-Encoding: chunked (or Content-Length: N) is put before them.
    State that a test sets by hand (all_chunks_received) is written as the
    bytes that produce it (the last chunk "0" CRLF).
Derived variants (their "source" ends in "(variant: ...)"):
  - "-host": a Host field inserted after each HTTP/1.1 request-line that
    lacks one (value example.com, or the absolute-form target's authority);
  - "-http11": waitress's parser tests mostly use the version HTTP/8.4, which
    the profile rejects at once; the variant uses HTTP/1.1 with a Host field;
  - "-end": the test stops inside a chunked body on purpose (the receiver is
    fed a fragment); the variant completes the body with the last chunk so
    that only the feature under test decides.

Input strings: one code point per byte (latin-1), json.dump(ensure_ascii=True).
"""

import json
import os
import string

NAME = "waitress"
REPO = "Pylons/waitress"
OUT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), NAME + ".json")

C_PARSER = "178be4069934"      # tests/test_parser.py (newest stored version read)
C_PARSER_OLD = "fcfe88c49034"  # tests/test_parser.py, older version
C_RECEIVER = "00d91aa49d8c"    # tests/test_receiver.py (and src/waitress/receiver.py)
C_FUNCTIONAL = "0e7bf65174d1"  # tests/test_functional.py
C_CHANNEL = "151a5ff13959"     # tests/test_channel.py

cases = []
by_input = {}
stats = {"merged": []}


def src(path, commit, test):
    return "%s %s @%s: %s" % (REPO, path, commit, test)


def P(test, commit=C_PARSER):
    return src("tests/test_parser.py", commit, test)


def RCV(test):
    return src("tests/test_receiver.py", C_RECEIVER, test)


def F(test):
    return src("tests/test_functional.py", C_FUNCTIONAL, test)


def CH(test):
    return src("tests/test_channel.py", C_CHANNEL, test)


def parse_headers(block):
    """Split a known-valid header block (bytes, CRLF lines, no empty line)
    into [name, value] pairs with OWS trimmed. Used only for messages whose
    validity was decided by hand."""
    out = []
    for line in block.split(b"\r\n"):
        if not line:
            continue
        name, _, value = line.partition(b":")
        out.append([name.decode("latin-1"), value.strip(b" \t").decode("latin-1")])
    return out


def M(head, framing, body=b"", trailers=()):
    """A message from its head bytes (request-line CRLF fields CRLF...)."""
    first, _, rest = head.partition(b"\r\n")
    start = [x.decode("latin-1") for x in first.split(b" ")]
    return {
        "start": start,
        "headers": parse_headers(rest),
        "framing": framing,
        "body": body.decode("latin-1"),
        "trailers": [[a, b] for a, b in trailers],
        "complete": True,
    }


def split_msgs(stream, framings):
    """Messages of a stream of known-valid requests, each framed by
    Content-Length (or none); framings is a list of framing names."""
    msgs = []
    for fr in framings:
        i = stream.index(b"\r\n\r\n")
        head = stream[:i]
        stream = stream[i + 4:]
        hl = dict((k.lower(), v) for k, v in parse_headers(head.partition(b"\r\n")[2]))
        n = int(hl.get("content-length", "0")) if fr == "length" else 0
        body, stream = stream[:n], stream[n:]
        msgs.append(M(head, fr, body))
    return msgs, stream


def add(cid, inp, expect, msgs, note, source, mode="request", methods=()):
    cid = NAME + "-" + cid
    assert expect in ("ok", "error", "either"), cid
    assert all(c["id"] != cid for c in cases), cid
    key = (mode, tuple(methods), inp)
    if key in by_input:
        prev = by_input[key]
        assert prev["expect"] == expect, (cid, prev["id"])
        prev["source"] += "; " + source
        stats["merged"].append((cid, prev["id"]))
        return prev
    c = {
        "id": cid,
        "mode": mode,
        "methods": list(methods),
        "input": inp.decode("latin-1"),
        "expect": expect,
        "messages": msgs,
        "note": note,
        "source": source,
    }
    cases.append(c)
    by_input[key] = c
    return c


def with_host(inp, host=b"example.com"):
    """Insert a Host field after every HTTP/1.1 request-line lacking one."""
    out = b""
    rest = inp
    # only single-request inputs or CRLF-separated pipelines are used here
    first, sep, tail = rest.partition(b"\r\n")
    assert first.endswith(b" HTTP/1.1"), first
    return first + b"\r\nHost: " + host + b"\r\n" + tail


NOHOST = ("the profile rejects this HTTP/1.1 request first for its missing Host "
          "field (RFC 9112 3.2; waitress does not require Host), so the error is "
          "not the one the test is about; the \"-host\" variant has a Host field")
NOHOST_SAME = ("HTTP/1.1 request without Host: an error under the profile "
               "(RFC 9112 3.2) before anything else; waitress does not require Host "
               "but rejects it too, for the reason the test is about; the \"-host\" "
               "variant has a Host field")
V84 = ("HTTP/8.4 is not HTTP/1.0 or HTTP/1.1: the profile rejects the request-line "
       "(RFC 9112 2.3, profile 'any other HTTP/x.y is an error'); waitress's "
       "first-line regex accepts HTTP/8.4 and goes on reading the head; "
       "the \"-http11\" variant uses HTTP/1.1 with a Host field")
VAR_HOST = " (variant: Host field added)"
VAR_11 = " (variant: version HTTP/1.1 and Host field)"
VAR_END = " (variant: chunked body completed)"


def v11(inp):
    first, _, tail = inp.partition(b"\r\n")
    assert first.endswith(b" HTTP/8.4"), first
    return first[:-8] + b"HTTP/1.1\r\nHost: example.com\r\n" + tail


# ---------------------------------------------------------------------------
# tests/test_parser.py, TestHTTPRequestParser (parser.received / parse_header)
# ---------------------------------------------------------------------------

T = "TestHTTPRequestParser."

add("parser-received-get-no-headers", b"HTTP/1.0 GET /foobar\r\n\r\n", "error", [],
    "request-line in the wrong order: the method 'HTTP/1.0' is not a token ('/' is "
    "not a tchar, RFC 9110 5.6.2) and 'GET' is no HTTP-version (RFC 9112 3). "
    "Differs from waitress: its parser completes the request without an error "
    "(the first-line regex does not match and leaves method and version empty; the "
    "test only checks that parsing completes with no headers)",
    P(T + "test_received_get_no_headers"))

add("parser-received-bad-host-header", b"HTTP/1.0 GET /foobar\r\n Host: foo\r\n\r\n",
    "error", [],
    "bad request-line, then a line starting with SP right after it (RFC 9112 2.2: "
    "whitespace between start-line and first field; profile: obs-fold is an error in "
    "requests); waitress answers 400 Bad Request too. The bad request-line decides "
    "first here; waitress-functional-bad-host-header has the same folded Host line "
    "after a valid HTTP/1.0 request-line",
    P(T + "test_received_bad_host_header"))

add("parser-received-duplicate-host-header",
    b"GET / HTTP/1.1\r\nHOST: test1.com\r\nHost: test2.com\r\n\r\n", "error", [],
    "two Host field lines: RFC 9112 3.2 MUST respond 400; profile: more than one Host "
    "field line is an error; waitress rejects it too",
    P(T + "test_received_duplicate_host_header"))

add("parser-received-duplicate-content-length-header",
    b"GET / HTTP/1.1\r\nHost: example.com\r\nContent-Length: 10\r\nContent-Length: 20\r\n\r\n",
    "error", [],
    "two differing Content-Length values: RFC 9112 6.3 (5) unrecoverable framing "
    "error; profile: differing values are an error; waitress rejects it too",
    P(T + "test_received_duplicate_content_length_header"))

add("parser-received-duplicate-content-type-header",
    b"GET / HTTP/1.1\r\nHost: example.com\r\nContent-Type: text/plain\r\nContent-Type: text/html\r\n\r\n",
    "ok",
    [M(b"GET / HTTP/1.1\r\nHost: example.com\r\nContent-Type: text/plain\r\nContent-Type: text/html", "none")],
    "two Content-Type field lines. Differs from waitress, which answers 400 "
    "('Duplicate header'): Content-Type neither frames nor routes the message, and "
    "RFC 9110 5.3 only forbids a SENDER to generate a repeated singleton field; the "
    "profile names no such rule for the decoder, which delivers both lines in order "
    "and leaves their meaning to the caller",
    P(T + "test_received_duplicate_content_type_header"))

x = (b"GET /foobar HTTP/1.1\r\nTransfer-Encoding: foo\r\n\r\n"
     b"1d;\r\nThis string has 29 characters\r\n0\r\n\r\n")
add("parser-received-bad-transfer-encoding", x, "error", [], NOHOST_SAME,
    P(T + "test_received_bad_transfer_encoding"))
add("parser-received-bad-transfer-encoding-host", with_host(x), "error", [],
    "Transfer-Encoding 'foo' is not a registered coding: an error in a request "
    "(RFC 9112 6.1: 501; profile: any other name is an error); waitress answers 501 too",
    P(T + "test_received_bad_transfer_encoding") + VAR_HOST)

add("parser-received-nonsense-nothing", b"\r\n\r\n", "error", [],
    "two empty lines and nothing else. Differs from waitress, which strips any "
    "number of leading blank lines and completes an 'empty' request without an "
    "error: RFC 9112 2.2 asks a server to ignore at least one empty line before a "
    "request-line, and the profile skips at most one; the second CRLF stands where "
    "a request-line must start",
    P(T + "test_received_nonsense_nothing"))

x = b"GET /foobar HTTP/8.4\r\n"
add("parser-received-no-doublecr", x, "error", [],
    "the head never ends (end of stream inside the head: incomplete); also HTTP/8.4 "
    "is rejected by the profile; waitress waits for more data (not completed)",
    P(T + "test_received_no_doublecr"))
add("parser-received-no-doublecr-http11", b"GET /foobar HTTP/1.1\r\nHost: example.com\r\n",
    "error", [],
    "the head never ends: end of stream inside the head is an error (incomplete); "
    "waitress waits for more data",
    P(T + "test_received_no_doublecr") + VAR_11)

x = b"GET /foobar HTTP/8.4\r\nX-Foo: 1\r\nX-Foo-Other: 3\r\n\r\n"
add("parser-received-headers-not-too-large-multiple-chunks", x, "error", [], V84,
    P(T + "test_received_headers_not_too_large_multiple_chunks"))
add("parser-received-headers-not-too-large-multiple-chunks-http11", v11(x), "ok",
    [M(v11(x)[:-4], "none")],
    "a head received in two pieces that stays under the limit (the --split runs feed "
    "it in pieces); waitress accepts it (the test sets max_request_header_size just "
    "above the head's size; the profile's default limits are far above it)",
    P(T + "test_received_headers_not_too_large_multiple_chunks") + VAR_11)

x = (b"GET /foobar HTTP/1.1\r\nTransfer-Encoding: chunked\r\nX-Foo: 1\r\n\r\n"
     b"garbage\r\n")
add("parser-received-error-from-parser", x, "error", [], NOHOST_SAME,
    P(T + "test_received_error_from_parser"))
add("parser-received-error-from-parser-host", with_host(x), "error", [],
    "'garbage' is not a chunk-size (1*HEXDIG, RFC 9112 7.1); waitress answers 400 too",
    P(T + "test_received_error_from_parser") + VAR_HOST)

x = (b"GET /foobar HTTP/1.1\r\nTransfer-Encoding: chunked\r\nX-Foo: 1\r\n\r\n"
     b"1d\r\nThis string has 29 characters\r\n0\r\n\r\n")
add("parser-received-chunked-completed-sets-content-length", x, "error", [], NOHOST,
    P(T + "test_received_chunked_completed_sets_content_length"))
add("parser-received-chunked-completed-sets-content-length-host", with_host(x), "ok",
    [M(b"GET /foobar HTTP/1.1\r\nHost: example.com\r\nTransfer-Encoding: chunked\r\nX-Foo: 1",
       "chunked", b"This string has 29 characters")],
    "a chunked request with one 0x1d-byte chunk; waitress accepts it (and sets "
    "CONTENT_LENGTH 29 for the application)",
    P(T + "test_received_chunked_completed_sets_content_length") + VAR_HOST)

x = (b"GET /foobar HTTP/1.1\r\nTransfer-Encoding: chunked\r\nX-Foo: 1\r\n\r\n"
     b"1d;\r\nThis string has 29 characters\r\n0\r\n\r\n")
add("parser-received-chunked-completed-empty-ext", x, "error", [], NOHOST,
    P(T + "test_received_chunked_completed_sets_content_length", C_PARSER_OLD))
add("parser-received-chunked-completed-empty-ext-host", with_host(x), "error", [],
    "chunk-size '1d' followed by a bare ';': chunk-ext needs a chunk-ext-name, a token "
    "of at least one tchar (RFC 9112 7.1.1), so '1d;' is an invalid chunk line. "
    "Differs from waitress at this older version of the test, which accepted it; "
    "waitress's newer test (@%s) sends '1d' without ';' and its receiver now "
    "rejects '1d;' as an invalid chunk extension" % C_PARSER,
    P(T + "test_received_chunked_completed_sets_content_length", C_PARSER_OLD) + VAR_HOST)

# parse_header tests: head without its final empty line
def head(data):
    if data.endswith(b"\r\n"):
        return data + b"\r\n"
    return data + b"\r\n\r\n"


def pcase(slug, data, test, expect84=None, expect11=None, msgs11=None, note=None,
          note11=None, chunked=False, expect=None, msgs=None, host_note=None):
    """One parse_header test. data is what the test passes to parse_header."""
    inp = head(data)
    if chunked:
        inp += b"0\r\n\r\n"
    first = data.split(b"\r\n")[0].split(b"\n")[0].split(b"\r")[0]
    if first.endswith(b" HTTP/8.4"):
        add("parser-" + slug, inp, "error", [], note or V84, P(T + test))
        if expect11 is not None:
            add("parser-" + slug + "-http11", v11(inp), expect11, msgs11 or [], note11,
                P(T + test) + VAR_11)
    elif first.endswith(b" HTTP/1.1"):
        add("parser-" + slug, inp, "error", [], host_note or NOHOST, P(T + test))
        add("parser-" + slug + "-host", with_host(inp), expect11, msgs11 or [], note11,
            P(T + test) + VAR_HOST)
    else:
        add("parser-" + slug, inp, expect, msgs or [], note, P(T + test))


pcase("parse-header-gardenpath", b"GET /foobar HTTP/8.4\r\nfoo: bar\r\n",
      "test_parse_header_gardenpath", expect11="ok",
      msgs11=[M(b"GET /foobar HTTP/1.1\r\nHost: example.com\r\nfoo: bar", "none")],
      note11="one ordinary field; waitress accepts it")

add("parser-parse-header-no-cr-in-headerplus", b"GET /foobar HTTP/8.4", "error", [],
    "a request-line with no line end and then end of stream (incomplete); also "
    "HTTP/8.4 is rejected by the profile. waitress's parse_header raises a "
    "ParsingError on a head with no CRLF (reassembled: the bytes as given, since "
    "the test is about the missing CRLF)",
    P(T + "test_parse_header_no_cr_in_headerplus"))

BADCL = ("Content-Length must be 1*DIGIT (RFC 9112 6.3 (5): an invalid value is an "
         "unrecoverable error; profile: no sign, no spaces); waitress rejects it too "
         "(400 'Content-Length is invalid')")
pcase("parse-header-bad-content-length", b"GET /foobar HTTP/8.4\r\ncontent-length: abc\r\n",
      "test_parse_header_bad_content_length", expect11="error", note11=BADCL)
pcase("parse-header-bad-content-length-plus", b"GET /foobar HTTP/8.4\r\ncontent-length: +10\r\n",
      "test_parse_header_bad_content_length_plus", expect11="error",
      note11="signed Content-Length '+10' (CVE-2022-24761 class): " + BADCL)
pcase("parse-header-bad-content-length-minus", b"GET /foobar HTTP/8.4\r\ncontent-length: -10\r\n",
      "test_parse_header_bad_content_length_minus", expect11="error",
      note11="negative Content-Length '-10': " + BADCL)
pcase("parse-header-multiple-content-length",
      b"GET /foobar HTTP/8.4\r\ncontent-length: 10\r\ncontent-length: 20\r\n",
      "test_parse_header_multiple_content_length", expect11="error",
      note11="two differing Content-Length values: RFC 9112 6.3 (5), profile: an error; "
             "waitress rejects it too ('Duplicate header'; at @%s 'Content-Length is "
             "invalid')" % C_PARSER_OLD)

pcase("parse-header-11-te-chunked", b"GET /foobar HTTP/1.1\r\ntransfer-encoding: ChUnKed\r\n",
      "test_parse_header_11_te_chunked", chunked=True, expect11="ok",
      msgs11=[M(b"GET /foobar HTTP/1.1\r\nHost: example.com\r\ntransfer-encoding: ChUnKed", "chunked")],
      note11="transfer-coding names are case-insensitive (RFC 9112 7): 'ChUnKed' is "
             "chunked; waitress agrees. Reassembled with an empty chunked body")

pcase("parse-header-11-te-chunked-with-cl-close-connection",
      b"GET /foobar HTTP/1.1\r\ntransfer-encoding: chunked\r\ncontent-length: 10\r\n",
      "test_parse_header_11_te_chunked_with_cl_close_connection", chunked=True,
      host_note="HTTP/1.1 request without Host (RFC 9112 3.2), and Transfer-Encoding "
                "with Content-Length; an error under the profile for either reason; "
                "the \"-host\" variant has a Host field",
      expect11="error",
      note11="Transfer-Encoding together with Content-Length in a request. Differs "
             "from waitress, which lets chunked override Content-Length, reads the "
             "chunked body and closes the connection afterwards: RFC 9112 6.1 lets a "
             "server either reject such a request or process it with chunked and then "
             "close; the profile takes the reading that closes the smuggling door: "
             "'together with Content-Length in a request: error'")

pcase("parse-header-transfer-encoding-invalid", b"GET /foobar HTTP/1.1\r\ntransfer-encoding: gzip\r\n",
      "test_parse_header_transfer_encoding_invalid", host_note=NOHOST_SAME,
      expect11="error",
      note11="Transfer-Encoding gzip without chunked as final coding: in a request the "
             "length cannot be determined (RFC 9112 6.3 (4): 400); profile: otherwise "
             "in a request: error; waitress answers 501")

pcase("parse-header-transfer-encoding-invalid-multiple",
      b"GET /foobar HTTP/1.1\r\ntransfer-encoding: gzip\r\ntransfer-encoding: chunked\r\n",
      "test_parse_header_transfer_encoding_invalid_multiple", chunked=True,
      expect11="ok",
      msgs11=[M(b"GET /foobar HTTP/1.1\r\nHost: example.com\r\ntransfer-encoding: gzip\r\n"
                b"transfer-encoding: chunked", "chunked")],
      note11="codings gzip, chunked over two field lines: both registered, chunked is "
             "final, so the profile frames the body as chunked and leaves the gzip "
             "coding to the caller. Differs from waitress, which answers 501 because it "
             "implements no coding but chunked (RFC 9112 6.1 lets a server that does "
             "not understand a coding answer 501; that is the server's choice above "
             "the codec, not a framing error). Reassembled with an empty chunked body")

pcase("parse-header-transfer-encoding-invalid-multiple-chunked",
      b"GET /foobar HTTP/1.1\r\ntransfer-encoding: chunked\r\ntransfer-encoding: chunked\r\n",
      "test_parse_header_transfer_encoding_invalid_multiple_chunked", chunked=True,
      host_note=NOHOST_SAME, expect11="error",
      note11="chunked applied twice (RFC 9112 6.1: a sender MUST NOT apply chunked more "
             "than once; profile: error); waitress rejects it too")

pcase("parse-header-transfer-encoding-invalid-whitespace",
      b"GET /foobar HTTP/1.1\r\nTransfer-Encoding:\x85chunked\r\n",
      "test_parse_header_transfer_encoding_invalid_whitespace", chunked=True,
      host_note=NOHOST_SAME, expect11="error",
      note11="byte 0x85 before 'chunked' is obs-text, not OWS (only SP and HTAB are, "
             "RFC 9110 5.6.3), so the coding is '\\x85chunked', not a registered name: "
             "an error in a request; waitress answers 501 too")

pcase("parse-header-transfer-encoding-invalid-unicode",
      b"GET /foobar HTTP/1.1\r\nTransfer-Encoding: chun\xe2\x84\xaaed\r\n",
      "test_parse_header_transfer_encoding_invalid_unicode", chunked=True,
      host_note=NOHOST_SAME, expect11="error",
      note11="the UTF-8 bytes of KELVIN SIGN in 'chunked' must not be case-folded to "
             "'k': not a registered coding, an error in a request; waitress answers 501 too")

pcase("parse-header-11-expect-continue", b"GET /foobar HTTP/1.1\r\nexpect: 100-continue\r\n",
      "test_parse_header_11_expect_continue", expect11="ok",
      msgs11=[M(b"GET /foobar HTTP/1.1\r\nHost: example.com\r\nexpect: 100-continue", "none")],
      note11="Expect: 100-continue is an ordinary field to the decoder; waitress accepts it")

pcase("parse-header-connection-close", b"GET /foobar HTTP/1.1\r\nConnection: close\r\n",
      "test_parse_header_connection_close", expect11="ok",
      msgs11=[M(b"GET /foobar HTTP/1.1\r\nHost: example.com\r\nConnection: close", "none")],
      note11="Connection: close; waitress accepts it")

add("parser-parse-header-lf-only", head(b"GET /foobar HTTP/8.4\nfoo: bar"), "error", [],
    "bare LF ends the request-line (RFC 9112 2.2; profile: a bare LF is an error); "
    "waitress rejects it too (CVE-2019-16785). Reassembled: CRLF CRLF appended",
    P(T + "test_parse_header_lf_only"))
add("parser-parse-header-lf-only-http11",
    b"GET /foobar HTTP/1.1\r\nHost: example.com\r\nfoo: bar\nX: y\r\n\r\n", "error", [],
    "bare LF inside the head after a valid request-line and Host (profile: a bare LF "
    "is an error); waitress rejects a bare LF too",
    P(T + "test_parse_header_lf_only") + VAR_11 + " (bare LF moved after the Host line)")
add("parser-parse-header-cr-only", head(b"GET /foobar HTTP/8.4\rfoo: bar"), "error", [],
    "bare CR ends the request-line (profile: a CR not followed by LF is an error); "
    "waitress rejects it too. Reassembled: CRLF CRLF appended",
    P(T + "test_parse_header_cr_only"))
add("parser-parse-header-cr-only-http11",
    b"GET /foobar HTTP/1.1\r\nHost: example.com\r\nfoo: bar\rX: y\r\n\r\n", "error", [],
    "bare CR inside the head after a valid request-line and Host (profile: error); "
    "waitress rejects a bare CR too",
    P(T + "test_parse_header_cr_only") + VAR_11 + " (bare CR moved after the Host line)")
pcase("parse-header-extra-lf-in-header", b"GET /foobar HTTP/8.4\r\nfoo: \nbar\r\n",
      "test_parse_header_extra_lf_in_header", expect11="error",
      note11="bare LF inside a field value (RFC 9112 2.2, 5; profile: error); waitress "
             "rejects it too ('Bare CR or LF found in header line')")
add("parser-parse-header-extra-lf-in-first-line", head(b"GET /foobar\n HTTP/8.4\r\n"),
    "error", [],
    "bare LF inside the request-line (profile: error); waitress rejects it too",
    P(T + "test_parse_header_extra_lf_in_first_line"))
add("parser-parse-header-extra-lf-in-first-line-http11",
    b"GET /foobar\n HTTP/1.1\r\nHost: example.com\r\n\r\n", "error", [],
    "bare LF inside the request-line (profile: error); waitress rejects it too",
    P(T + "test_parse_header_extra_lf_in_first_line") + VAR_11)
pcase("parse-header-invalid-whitespace", b"GET /foobar HTTP/8.4\r\nfoo : bar\r\n",
      "test_parse_header_invalid_whitespace", expect11="error",
      note11="whitespace between field name and colon: RFC 9112 5.1 MUST reject with "
             "400; waitress rejects it too")
pcase("parse-header-invalid-whitespace-vtab", b"GET /foobar HTTP/1.1\r\nfoo:\x0bbar\r\n",
      "test_parse_header_invalid_whitespace_vtab", host_note=NOHOST_SAME, expect11="error",
      note11="VT (0x0B) in a field value is a control byte, neither OWS nor VCHAR "
             "(RFC 9110 5.5); waitress rejects it too")
pcase("parse-header-invalid-no-colon", b"GET /foobar HTTP/1.1\r\nfoo: bar\r\nnotvalid\r\n",
      "test_parse_header_invalid_no_colon", host_note=NOHOST_SAME, expect11="error",
      note11="a field line without a colon (RFC 9112 5); waitress rejects it too")
pcase("parse-header-invalid-folding-spacing", b"GET /foobar HTTP/1.1\r\nfoo: bar\r\n\t\x0bbaz\r\n",
      "test_parse_header_invalid_folding_spacing", host_note=NOHOST_SAME, expect11="error",
      note11="obs-fold in a request (profile: error, RFC 9112 5.2), and the folded "
             "line holds VT; waitress rejects it for the VT")
pcase("parse-header-invalid-chars", b"GET /foobar HTTP/1.1\r\nfoo: bar\r\nfoo: \x0bbaz\r\n",
      "test_parse_header_invalid_chars", host_note=NOHOST_SAME, expect11="error",
      note11="VT (0x0B) in a field value (RFC 9110 5.5); waitress rejects it too")
pcase("parse-header-other-whitespace", b"GET /foobar HTTP/1.1\r\nfoo: \xa0something\x85\r\n",
      "test_parse_header_other_whitespace", expect11="ok",
      msgs11=[M(b"GET /foobar HTTP/1.1\r\nHost: example.com\r\nfoo: \xa0something\x85", "none")],
      note11="bytes 0xA0 and 0x85 are obs-text, allowed in a value and not OWS, so they "
             "are kept (not trimmed); waitress keeps them too")
pcase("parse-header-empty", b"GET /foobar HTTP/1.1\r\nfoo: bar\r\nempty:\r\n",
      "test_parse_header_empty", expect11="ok",
      msgs11=[M(b"GET /foobar HTTP/1.1\r\nHost: example.com\r\nfoo: bar\r\nempty:", "none")],
      note11="an empty field value is valid (RFC 9110 5.5); waitress accepts it")
pcase("parse-header-multiple-values", b"GET /foobar HTTP/1.1\r\nfoo: bar, whatever, more, please, yes\r\n",
      "test_parse_header_multiple_values", expect11="ok",
      msgs11=[M(b"GET /foobar HTTP/1.1\r\nHost: example.com\r\nfoo: bar, whatever, more, please, yes", "none")],
      note11="a list value; waitress accepts it")
FOLD = ("obs-fold in a request: the profile rejects it (RFC 9112 5.2 lets a server "
        "reject with 400 or unfold; the strict profile rejects). Differs from waitress, "
        "which unfolds it into 'bar, whatever, more, please, yes'")
pcase("parse-header-multiple-values-header-folded",
      b"GET /foobar HTTP/1.1\r\nfoo: bar, whatever,\r\n more, please, yes\r\n",
      "test_parse_header_multiple_values_header_folded", expect11="error", note11=FOLD)
pcase("parse-header-multiple-values-header-folded-multiple",
      b"GET /foobar HTTP/1.1\r\nfoo: bar, whatever,\r\n more\r\nfoo: please, yes\r\n",
      "test_parse_header_multiple_values_header_folded_multiple", expect11="error",
      note11=FOLD + " (and joins the second foo line)")
pcase("parse-header-multiple-values-extra-space",
      b"GET /foobar HTTP/1.1\r\nfoo: abrowser/0.001 (C O M M E N T)\r\n",
      "test_parse_header_multiple_values_extra_space", expect11="ok",
      msgs11=[M(b"GET /foobar HTTP/1.1\r\nHost: example.com\r\nfoo: abrowser/0.001 (C O M M E N T)", "none")],
      note11="single SPs inside a value (RFC 7230 erratum 4189: field-content may hold "
             "SP runs); waitress accepts it")
pcase("parse-header-invalid-backtrack-bad",
      b"GET /foobar HTTP/1.1\r\nfoo: bar\r\nfoo: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\x10\r\n",
      "test_parse_header_invalid_backtrack_bad", host_note=NOHOST_SAME, expect11="error",
      note11="control byte 0x10 at the end of a value (RFC 9110 5.5); waitress rejects it "
             "too (the test guards against regex backtracking)")
pcase("parse-header-short-values", b"GET /foobar HTTP/1.1\r\none: 1\r\ntwo: 22\r\n",
      "test_parse_header_short_values", expect11="ok",
      msgs11=[M(b"GET /foobar HTTP/1.1\r\nHost: example.com\r\none: 1\r\ntwo: 22", "none")],
      note11="one- and two-byte values; waitress accepts them")

# Test_get_header_lines.test_get_header_lines_malformed
add("parser-get-header-lines-malformed",
    b"GET / HTTP/1.1\r\n Host: localhost\r\n\r\n", "error", [],
    "the first line after the request-line starts with SP (RFC 9112 2.2: whitespace "
    "between start-line and first field: reject, or ignore the line; profile: obs-fold "
    "in a request is an error); waitress rejects it too. Reassembled: the test passes "
    "only the header block ' Host: localhost' to get_header_lines; the request-line "
    "'GET / HTTP/1.1' was put before it",
    P("Test_get_header_lines.test_get_header_lines_malformed"))

# Test_crack_first_line
CF = "Test_crack_first_line."
add("parser-crack-first-line-matchok", b"GET / HTTP/1.0\r\n\r\n", "ok",
    [M(b"GET / HTTP/1.0", "none")],
    "a plain HTTP/1.0 request-line (no Host needed); waitress accepts it. "
    "Reassembled: line + CRLF CRLF",
    P(CF + "test_crack_first_line_matchok"))
add("parser-crack-first-line-lowercase-method", b"get / HTTP/1.0\r\n\r\n", "ok",
    [M(b"get / HTTP/1.0", "none")],
    "a lower-case method. Differs from waitress, which raises 'Malformed HTTP method': "
    "the method is a case-sensitive token (RFC 9110 9.1) and 'get' is a valid token, "
    "just not the registered GET; the profile asks only 'method is a token'. "
    "Reassembled: line + CRLF CRLF",
    P(CF + "test_crack_first_line_lowercase_method"))
add("parser-crack-first-line-nomatch", b"GET / bleh\r\n\r\n", "error", [],
    "'bleh' is not an HTTP-version (RFC 9112 2.3); waitress's regex does not match "
    "either. Reassembled: line + CRLF CRLF",
    P(CF + "test_crack_first_line_nomatch"))
add("parser-crack-first-line-nomatch-rtsp", b"GET /info?txtAirPlay&txtRAOP RTSP/1.0\r\n\r\n",
    "error", [],
    "an RTSP/1.0 request-line: not HTTP (RFC 9112 2.3); waitress's regex does not match "
    "either. Reassembled: line + CRLF CRLF",
    P(CF + "test_crack_first_line_nomatch"))
add("parser-crack-first-line-missing-version", b"GET /\r\n\r\n", "error", [],
    "an HTTP/0.9-style request-line without version: the profile accepts only HTTP/1.0 "
    "and HTTP/1.1 request-lines (RFC 9112 3). Differs from waitress, whose regex "
    "accepts the line with an empty version. Reassembled: line + CRLF CRLF",
    P(CF + "test_crack_first_line_missing_version"))
add("parser-crack-first-line-bad-method", b"GE\x00 /foobar HTTP/8.4\r\n\r\n", "error", [],
    "NUL in the method (not a tchar) and version HTTP/8.4; waitress's regex does not "
    "match either. Reassembled: line + CRLF CRLF",
    P(CF + "test_crack_first_line_bad_method"))
add("parser-crack-first-line-bad-method-http11", b"GE\x00 /foobar HTTP/1.1\r\nHost: example.com\r\n\r\n",
    "error", [],
    "NUL in the method: not a token (RFC 9110 9.1)",
    P(CF + "test_crack_first_line_bad_method") + VAR_11)
add("parser-crack-first-line-bad-version", b"GET /foobar HTTP/.1.\r\n\r\n", "error", [],
    "'HTTP/.1.' is not DIGIT '.' DIGIT (RFC 9112 2.3); waitress's regex does not match "
    "either. Reassembled: line + CRLF CRLF",
    P(CF + "test_crack_first_line_bad_version"))

# TestHTTPRequestParserIntegration
TI = "TestHTTPRequestParserIntegration."
x = (b"GET /foobar HTTP/8.4\r\nFirstName: mickey\r\nlastname: Mouse\r\n"
     b"content-length: 6\r\n\r\nHello.")
add("parser-integration-simple-get", x, "error", [], V84, P(TI + "testSimpleGET"))
add("parser-integration-simple-get-http11", v11(x), "ok",
    [M(b"GET /foobar HTTP/1.1\r\nHost: example.com\r\nFirstName: mickey\r\nlastname: Mouse\r\n"
       b"content-length: 6", "length", b"Hello.")],
    "a GET with a 6-byte body; waitress accepts it", P(TI + "testSimpleGET") + VAR_11)

x = (b"GET /foo/a+%2B%2F%C3%A4%3D%26a%3Aint?d=b+%2B%2F%3D%26b%3Aint&c+%2B%2F%3D%26c%3Aint=6 HTTP/8.4\r\n"
     b"FirstName: mickey\r\nlastname: Mouse\r\ncontent-length: 10\r\n\r\nHello mickey.")
add("parser-integration-complex-get", x, "error", [], V84, P(TI + "testComplexGET"))
add("parser-integration-complex-get-http11", v11(x), "error",
    [M(b"GET /foo/a+%2B%2F%C3%A4%3D%26a%3Aint?d=b+%2B%2F%3D%26b%3Aint&c+%2B%2F%3D%26c%3Aint=6 HTTP/1.1\r\n"
       b"Host: example.com\r\nFirstName: mickey\r\nlastname: Mouse\r\ncontent-length: 10",
       "length", b"Hello mick")],
    "percent-encoded target and query; Content-Length 10 with 13 bytes sent: the body is "
    "'Hello mick' and 'ey.' starts a next request that never ends (incomplete, an error "
    "after one message); waitress also reads only 10 bytes (the test feeds one request)",
    P(TI + "testComplexGET") + VAR_11)

x = b"GET https://example.com:8080/foobar HTTP/8.4\r\ncontent-length: 6\r\n\r\nHello."
add("parser-integration-proxy-get", x, "error", [], V84, P(TI + "testProxyGET"))
y = b"GET https://example.com:8080/foobar HTTP/1.1\r\nHost: example.com:8080\r\ncontent-length: 6\r\n\r\nHello."
add("parser-integration-proxy-get-http11", y, "ok",
    [M(y[:-10], "length", b"Hello.")],
    "absolute-form target (RFC 9112 3.2.2) with a matching Host; waitress accepts it",
    P(TI + "testProxyGET") + " (variant: version HTTP/1.1 and Host field, the target's authority)")

x = (b"GET /foobar HTTP/8.4\r\nx-forwarded-for: 10.11.12.13\r\n"
     b"x-forwarded-for: unknown,127.0.0.1\r\nX-Forwarded_for: 255.255.255.255\r\n"
     b"content-length: 6\r\n\r\nHello.")
add("parser-integration-duplicate-headers", x, "error", [], V84, P(TI + "testDuplicateHeaders"))
add("parser-integration-duplicate-headers-http11", v11(x), "ok",
    [M(v11(x)[:-10], "length", b"Hello.")],
    "repeated list fields, and a name with '_' (a tchar, so a valid name; waitress "
    "drops it because it would collide with x-forwarded-for in the WSGI environ); "
    "the decoder delivers all three lines in order",
    P(TI + "testDuplicateHeaders") + VAR_11)

x = b"GET /foobar HTTP/8.4\r\nx-auth_user: bob\r\ncontent-length: 6\r\n\r\nHello."
add("parser-integration-spoofed-headers-dropped", x, "error", [], V84,
    P(TI + "testSpoofedHeadersDropped"))
add("parser-integration-spoofed-headers-dropped-http11", v11(x), "ok",
    [M(v11(x)[:-10], "length", b"Hello.")],
    "field name with '_' is a valid token; waitress drops it from the WSGI environ (an "
    "application-level choice), the decoder delivers it",
    P(TI + "testSpoofedHeadersDropped") + VAR_11)


# ---------------------------------------------------------------------------
# tests/test_receiver.py (FixedStreamReceiver, ChunkedReceiver)
# ---------------------------------------------------------------------------

CHEAD = b"POST / HTTP/1.1\r\nHost: example.com\r\nTransfer-Encoding: chunked\r\n\r\n"
CHEAD_M = b"POST / HTTP/1.1\r\nHost: example.com\r\nTransfer-Encoding: chunked"
WRAP = ("Reassembled: the receiver test's bytes are the body of a chunked POST "
        "(head with Host and Transfer-Encoding: chunked put before them)")
WRAPL = ("Reassembled: the receiver test's bytes follow a POST head with Host and "
         "Content-Length: %d")


def lhead(n):
    return b"POST / HTTP/1.1\r\nHost: example.com\r\nContent-Length: %d\r\n\r\n" % n


TF = "TestFixedStreamReceiver."
add("receiver-fixed-remain-lt-1", lhead(0) + b"a", "error",
    [M(lhead(0)[:-4], "length", b"")],
    "Content-Length 0: the message ends at its head and 'a' starts a next request that "
    "never ends (incomplete); waitress's receiver consumes none of 'a'. " + WRAPL % 0,
    RCV(TF + "test_received_remain_lt_1"))
add("receiver-fixed-remain-lte-datalen", lhead(1) + b"aa", "error",
    [M(lhead(1)[:-4], "length", b"a")],
    "Content-Length 1 with 'aa': the body is 'a', the second 'a' starts a next request "
    "that never ends (incomplete); waitress consumes exactly one byte. " + WRAPL % 1,
    RCV(TF + "test_received_remain_lte_datalen"))
add("receiver-fixed-remain-gt-datalen", lhead(10) + b"aa", "error", [],
    "Content-Length 10 but 2 bytes before end of stream: incomplete; waitress waits for "
    "8 more. " + WRAPL % 10,
    RCV(TF + "test_received_remain_gt_datalen"))

TC = "TestChunkedReceiver."
add("receiver-control-line-notfinished", CHEAD + b"a", "error", [],
    "chunk-size line not finished at end of stream (incomplete); waitress waits. " + WRAP,
    RCV(TC + "test_received_control_line_notfinished"))
add("receiver-control-line-too-long", CHEAD + b"a" * 1025, "error", [],
    "1025 hex digits with no line end: the size does not fit u64 (profile), and the "
    "stream ends inside the line; waitress rejects it as longer than its 1024-byte "
    "control-line limit. " + WRAP,
    RCV(TC + "test_received_control_line_too_long"))
add("receiver-control-line-too-long-with-crlf", CHEAD + b"a" * 1025 + b"\r\n", "error", [],
    "a 1025-hex-digit chunk-size: does not fit u64 (profile: chunk-size fits u64); "
    "waitress rejects it (control line too long). " + WRAP,
    RCV(TC + "test_received_control_line_too_long_with_crlf"))
add("receiver-control-line-finished-garbage-in-input", CHEAD + b"garbage\r\n", "error", [],
    "'garbage' is not a chunk-size (RFC 9112 7.1); waitress rejects it too. " + WRAP,
    RCV(TC + "test_received_control_line_finished_garbage_in_input"))
x = CHEAD + b"a;discard\r\n"
add("receiver-control-line-finished-all-chunks-not-received", x, "error", [],
    "chunk-size 0xa with extension 'discard', then end of stream before the 10 data "
    "bytes (incomplete); waitress waits for them. " + WRAP,
    RCV(TC + "test_received_control_line_finished_all_chunks_not_received"))
add("receiver-control-line-finished-all-chunks-not-received-end",
    x + b"0123456789\r\n0\r\n\r\n", "ok", [M(CHEAD_M, "chunked", b"0123456789")],
    "a valid extension without value ('discard', RFC 9112 7.1.1) is accepted and "
    "ignored; waitress accepts it. " + WRAP,
    RCV(TC + "test_received_control_line_finished_all_chunks_not_received") + VAR_END)
x = CHEAD + b"0;discard\r\n"
add("receiver-control-line-finished-all-chunks-received", x, "error", [],
    "the last chunk with an extension, then end of stream before the trailer section's "
    "empty line (incomplete); waitress waits for it. " + WRAP,
    RCV(TC + "test_received_control_line_finished_all_chunks_received"))
add("receiver-control-line-finished-all-chunks-received-end", x + b"\r\n", "ok",
    [M(CHEAD_M, "chunked", b"")],
    "last chunk '0;discard' then the empty line: an empty chunked body; waitress "
    "accepts it. " + WRAP,
    RCV(TC + "test_received_control_line_finished_all_chunks_received") + VAR_END)
add("receiver-trailer-startswith-crlf", CHEAD + b"0\r\n\r\n", "ok",
    [M(CHEAD_M, "chunked", b"")],
    "last chunk then an empty trailer section; waitress completes. " + WRAP +
    "; the test's all_chunks_received state is written as the last chunk '0' CRLF",
    RCV(TC + "test_received_trailer_startswith_crlf"))
add("receiver-trailer-startswith-lf", CHEAD + b"0\r\n\n", "error", [],
    "a bare LF where the trailer section's empty line belongs (RFC 9112 2.2; profile: a "
    "bare LF is an error); waitress does not complete and waits for more. " + WRAP +
    "; all_chunks_received written as '0' CRLF",
    RCV(TC + "test_received_trailer_startswith_lf"))
add("receiver-trailer-not-finished", CHEAD + b"0\r\na", "error", [],
    "the trailer section is cut by end of stream (incomplete); waitress waits. " + WRAP +
    "; all_chunks_received written as '0' CRLF",
    RCV(TC + "test_received_trailer_not_finished"))
add("receiver-trailer-too-long", CHEAD + b"0\r\n" + b"x" * 65536 + b"y", "error", [],
    "a 65537-byte trailer line without colon or line end: over the profile's 16 KiB "
    "trailer limit, not a field line, and cut by end of stream; waitress rejects it "
    "(its trailer limit is 65536). " + WRAP + "; all_chunks_received written as '0' CRLF, "
    "the test's pre-set trailer bytes written out",
    RCV(TC + "test_received_trailer_too_long"))
add("receiver-trailer-finished", CHEAD + b"0\r\nabc\r\n\r\n", "error", [],
    "trailer line 'abc' has no colon: trailer fields have the syntax of header fields "
    "(RFC 9112 7.1.2, 5; profile: same syntax as header fields). Differs from waitress, "
    "whose receiver does not parse the trailer section and completes the request. "
    + WRAP + "; all_chunks_received written as '0' CRLF",
    RCV(TC + "test_received_trailer_finished"))
x = CHEAD + b"4\r\nWiki\r\n"
add("receiver-chunk-is-properly-terminated", x, "error", [],
    "one chunk, then end of stream before the last chunk (incomplete); waitress keeps "
    "the data and waits. " + WRAP,
    RCV(TC + "test_received_chunk_is_properly_terminated"))
add("receiver-chunk-is-properly-terminated-end", x + b"0\r\n\r\n", "ok",
    [M(CHEAD_M, "chunked", b"Wiki")],
    "a chunk whose data is followed by CRLF; waitress accepts it. " + WRAP,
    RCV(TC + "test_received_chunk_is_properly_terminated") + VAR_END)
add("receiver-chunk-not-properly-terminated", CHEAD + b"4\r\nWikibadchunk\r\n", "error", [],
    "chunk-data not followed by CRLF (RFC 9112 7.1; profile: exactly CRLF); waitress "
    "rejects it too ('Chunk not properly terminated'). " + WRAP,
    RCV(TC + "test_received_chunk_not_properly_terminated"))
add("receiver-multiple-chunks",
    CHEAD + b"4\r\nWiki\r\n5\r\npedia\r\nE\r\n in\r\n\r\nchunks.\r\n0\r\n\r\n", "ok",
    [M(CHEAD_M, "chunked", b"Wikipedia in\r\n\r\nchunks.")],
    "three chunks, one holding CRLF CRLF in its data, upper-case hex 'E'; waitress "
    "accepts it. The --split runs cover the split of test_received_multiple_chunks_split. "
    + WRAP,
    RCV(TC + "test_received_multiple_chunks"))
add("receiver-multiple-chunks-split",
    CHEAD + b"4\r\nWiki\r\n5\r\npedia\r\nE\r\n in\r\n\r\nchunks.\r\n0\r\n\r\n", "ok", [],
    "", RCV(TC + "test_received_multiple_chunks_split") + " (fed as '4 CRLF Wiki CR' and the rest)")

TP = "TestChunkedReceiverParametrized."
for ext, slug, note, exp in [
    (b"\n", "lf", "a bare LF after ';' (profile: a bare LF is an error; chunk-ext-name "
                   "needs a tchar)", "error"),
    (b"invalid=", "empty-value", "'invalid=' with no value: chunk-ext-val is token or "
                                "quoted-string, at least one byte (RFC 9112 7.1.1)", "error"),
    (b"\r", "cr", "a bare CR after ';' (profile: a CR not followed by LF is an error)", "error"),
    (b"invalid = true", "bws", None, "ok"),
]:
    x = CHEAD + b"4;" + ext + b"\r\ntest\r\n"
    t = "test_received_invalid_extensions[%r]" % ext
    if exp == "error":
        add("receiver-invalid-extension-" + slug, x, "error", [],
            note + "; waitress rejects it too ('Invalid chunk extension'). " + WRAP, RCV(TP + t))
        add("receiver-invalid-extension-" + slug + "-end", x + b"0\r\n\r\n", "error", [],
            note + "; waitress rejects it too. " + WRAP, RCV(TP + t) + VAR_END)
    else:
        add("receiver-invalid-extension-" + slug, x, "error", [],
            "the stream ends after the chunk, before the last chunk (incomplete); the "
            "'-end' variant tests the extension itself. " + WRAP, RCV(TP + t))
        add("receiver-invalid-extension-" + slug + "-end", x + b"0\r\n\r\n", "ok",
            [M(CHEAD_M, "chunked", b"test")],
            "extension 'invalid = true' with SP around '=': RFC 9112 7.1.1 writes "
            "chunk-ext as *( BWS \";\" BWS chunk-ext-name [ BWS \"=\" BWS chunk-ext-val ] ) "
            "and the profile allows BWS around ';' and '=', so this is a valid "
            "extension. Differs from waitress, which rejects it ('Invalid chunk "
            "extension'; its CHUNK_EXT_RE allows no whitespace). " + WRAP,
            RCV(TP + t) + VAR_END)

for ext in [b"test", b"valid=true", b"valid=true;other=true"]:
    slug = ext.decode().replace("=", "-").replace(";", "-")
    x = CHEAD + b"4;" + ext + b"\r\ntest\r\n"
    t = "test_received_valid_extensions[%r]" % ext
    add("receiver-valid-extension-" + slug, x, "error", [],
        "valid extension, but the stream ends before the last chunk (incomplete); "
        "waitress accepts the chunk and waits. " + WRAP, RCV(TP + t))
    add("receiver-valid-extension-" + slug + "-end", x + b"0\r\n\r\n", "ok",
        [M(CHEAD_M, "chunked", b"test")],
        "valid chunk extension(s) (RFC 9112 7.1.1), ignored by the decoder; waitress "
        "accepts it. " + WRAP, RCV(TP + t) + VAR_END)

add("receiver-chunk-size-hex-too-long", CHEAD + b"f" * 17 + b"\r\n", "error", [],
    "17 hex digits 'f': 2^68-1 does not fit u64 (profile); waitress rejects more than 16 "
    "hex digits ('Invalid chunk size'). " + WRAP,
    RCV(TP + "test_received_chunk_size_hex_too_long"))

for sz in [b"0x04", b"+0x04", b"x04", b"+04", b" 04", b" 0x04"]:
    slug = sz.decode().replace("+", "plus").replace(" ", "sp")
    add("receiver-invalid-size-" + slug, CHEAD + sz + b"\r\ntest\r\n", "error", [],
        "chunk-size %r is not 1*HEXDIG (RFC 9112 7.1; no '0x' prefix, no sign, no "
        "leading whitespace; CVE-2022-24761 class); waitress rejects it too "
        "('Invalid chunk size'). " % sz.decode() + WRAP,
        RCV(TP + "test_received_invalid_size[%r]" % sz))


# ---------------------------------------------------------------------------
# tests/test_functional.py (bytes sent over a socket to a live server)
# ---------------------------------------------------------------------------

E = "EchoTests."
F10 = "an HTTP/1.0 request needs no Host field"


def ok1(cid, inp, note, source, framing="length"):
    msgs, rest = split_msgs(inp, [framing])
    assert rest == b"", cid
    add(cid, inp, "ok", msgs, note, source)


ok1("functional-date-and-server", b"GET / HTTP/1.0\r\nContent-Length: 0\r\n\r\n",
    "an HTTP/1.0 GET with Content-Length 0 (%s); waitress answers 200" % F10,
    F(E + "test_date_and_server") + "; same bytes in test_send_empty_body, "
    "test_multiple_requests_without_body")
add("functional-bad-host-header", b"GET / HTTP/1.0\r\n Host: 0\r\n\r\n", "error", [],
    "a line starting with SP right after the request-line (RFC 9112 2.2: reject, or "
    "ignore the line; profile: obs-fold in a request is an error); waitress answers 400 too",
    F(E + "test_bad_host_header"))
ok1("functional-send-with-body", b"GET / HTTP/1.0\r\nContent-Length: 5\r\n\r\nhello",
    "HTTP/1.0 GET with a 5-byte body; waitress echoes it",
    F(E + "test_send_with_body") + "; same bytes in test_multiple_requests_with_body")
d = b"Echo\r\nthis\r\nplease"
ok1("functional-without-crlf",
    b"GET / HTTP/1.0\r\nConnection: close\r\nContent-Length: %d\r\n\r\n%s" % (len(d), d),
    "a body with CRLFs inside and no CRLF at its end, framed by Content-Length; "
    "waitress echoes it", F(E + "test_without_crlf"))
body = b"This string has 32 characters.\r\n" * 32
ok1("functional-large-body", b"GET / HTTP/1.0\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body),
    "HTTP/1.0 GET with a 1024-byte body; waitress echoes it", F(E + "test_large_body"))

x = b"GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
add("functional-chunking-request-without-content", x, "error", [], NOHOST,
    F(E + "test_chunking_request_without_content"))
add("functional-chunking-request-without-content-host", with_host(x), "ok",
    [M(b"GET / HTTP/1.1\r\nHost: example.com\r\nTransfer-Encoding: chunked", "chunked")],
    "a chunked request with only the last chunk; waitress accepts it",
    F(E + "test_chunking_request_without_content") + VAR_HOST)

s = b"This string has 32 characters.\r\n"
x = b"GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n" + (b"20\r\n" + s + b"\r\n") * 12 + b"0\r\n\r\n"
add("functional-chunking-request-with-content", x, "error", [], NOHOST,
    F(E + "test_chunking_request_with_content"))
add("functional-chunking-request-with-content-host", with_host(x), "ok",
    [M(b"GET / HTTP/1.1\r\nHost: example.com\r\nTransfer-Encoding: chunked", "chunked", s * 12)],
    "twelve 0x20-byte chunks (each holding a CRLF in its data); waitress accepts it",
    F(E + "test_chunking_request_with_content") + VAR_HOST)

TE = b"GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
for slug, tail, note in [
    ("broken-chunked-encoding", b"20\r\n" + s + b"\r\ngarbage\r\n",
     "'garbage' where the next chunk-size belongs (RFC 9112 7.1); waitress answers 400 too"),
    ("broken-chunked-encoding-invalid-hex", b"0x20\r\n" + s + b"\r\n",
     "chunk-size '0x20' is not 1*HEXDIG (CVE-2022-24761 class); waitress answers 400 too"),
    ("broken-chunked-encoding-invalid-extension", b"20;invalid=\r\n" + s + b"\r\n",
     "chunk extension 'invalid=' without value (RFC 9112 7.1.1); waitress answers 400 too"),
    ("broken-chunked-encoding-missing-chunk-end", b"20\r\n" + s + b"garbage",
     "chunk-data followed by 'garbage' instead of CRLF (RFC 9112 7.1); waitress answers "
     "400 too ('Chunk not properly terminated')"),
]:
    test = "test_" + slug.replace("-", "_")
    add("functional-" + slug, TE + tail, "error", [], NOHOST_SAME, F(E + test))
    add("functional-" + slug + "-host", with_host(TE + tail), "error", [], note,
        F(E + test) + VAR_HOST)

d = b"Default: Don't keep me alive"
ok1("functional-keepalive-http-10", b"GET / HTTP/1.0\r\nContent-Length: %d\r\n\r\n%s" % (len(d), d),
    "HTTP/1.0 request whose body looks like a field line; framed by Content-Length; "
    "waitress answers 200", F(E + "test_keepalive_http_10"))
d = b"Keep me alive"
ok1("functional-keepalive-http10-explicit",
    b"GET / HTTP/1.0\r\nConnection: Keep-Alive\r\nContent-Length: %d\r\n\r\n%s" % (len(d), d),
    "HTTP/1.0 with Connection: Keep-Alive; waitress answers 200 and keeps the connection",
    F(E + "test_keepalive_http10_explicit"))
for slug, conn, d in [("keepalive-http-11", b"", b"Default: Keep me alive"),
                      ("keepalive-http11-explicit", b"Connection: keep-alive\r\n", b"Default: Keep me alive"),
                      ("keepalive-http11-connclose", b"Connection: close\r\n", b"Don't keep me alive")]:
    x = b"GET / HTTP/1.1\r\n" + conn + b"Content-Length: %d\r\n\r\n%s" % (len(d), d)
    test = "test_" + slug.replace("-", "_")
    add("functional-" + slug, x, "error", [], NOHOST, F(E + test))
    y = with_host(x)
    msgs, rest = split_msgs(y, ["length"])
    add("functional-" + slug + "-host", y, "ok", msgs,
        "HTTP/1.1 request with a Content-Length body; waitress answers 200",
        F(E + test) + VAR_HOST)

ok1("functional-proxy-headers",
    b"GET / HTTP/1.0\r\nContent-Length: 0\r\nHost: www.google.com:8080\r\n"
    b"X-Forwarded-For: 192.168.1.1\r\nX-Forwarded-Proto: https\r\nX-Forwarded-Port: 5000\r\n\r\n",
    "HTTP/1.0 with Host and X-Forwarded-* fields (ordinary fields to the decoder); "
    "waitress answers 200", F(E + "test_proxy_headers"))

# PipeliningTests
x = b""
for n in range(25):
    b_ = b"Response #%d\r\n" % (n + 1)
    conn = b"keep-alive" if n + 1 < 25 else b"close"
    x += b"GET / HTTP/1.0\r\nConnection: %s\r\nContent-Length: %d\r\n\r\n%s" % (conn, len(b_), b_)
msgs, rest = split_msgs(x, ["length"] * 25)
assert rest == b""
add("functional-pipelining", x, "ok", msgs,
    "25 pipelined HTTP/1.0 requests (keep-alive, the last one close), each body ending "
    "in CRLF; waitress answers all 25 in order",
    F("PipeliningTests.test_pipelining"))

# ExpectContinueTests
d = b"I have expectations"
x = (b"GET / HTTP/1.1\r\nConnection: close\r\nContent-Length: %d\r\nExpect: 100-continue\r\n\r\n%s"
     % (len(d), d))
add("functional-expect-continue", x, "error", [], NOHOST,
    F("ExpectContinueTests.test_expect_continue"))
y = with_host(x)
add("functional-expect-continue-host", y, "ok", split_msgs(y, ["length"])[0],
    "Expect: 100-continue with the body sent at once; the decoder reads the body by "
    "Content-Length whether or not 100 Continue was sent; waitress sends 100 Continue "
    "then 200", F("ExpectContinueTests.test_expect_continue") + VAR_HOST)

# BadContentLengthTests / WriteCallbackTests / NoContentLengthTests: the
# request bytes; a test that sends again on a kept-alive connection gives a
# two-request stream. A send after the server closed (send_check_error) only
# probes the closed connection and is not part of the stream.
KA = b"Connection: Keep-Alive\r\nContent-Length: 0\r\n\r\n"
for path, twice, tests in [
    (b"/short_body", False, ["BadContentLengthTests.test_short_body", "WriteCallbackTests.test_short_body"]),
    (b"/long_body", True, ["BadContentLengthTests.test_long_body", "WriteCallbackTests.test_long_body"]),
    (b"/equal_body", True, ["WriteCallbackTests.test_equal_body"]),
    (b"/no_content_length", False, ["WriteCallbackTests.test_no_content_length"]),
]:
    one = b"GET " + path + b" HTTP/1.0\r\n" + KA
    x = one * (2 if twice else 1)
    msgs, rest = split_msgs(x, ["length"] * (2 if twice else 1))
    slug = path.decode().strip("/").replace("_", "-")
    add("functional-badcl-" + slug, x, "ok", msgs,
        ("HTTP/1.0 keep-alive request with Content-Length 0%s; the test is about "
         "waitress's response to an application that writes a wrong length")
        % (", sent twice on the same connection" if twice else ""),
        "; ".join(F(t) for t in tests))

letters = string.ascii_letters.encode()
for path, ver, twice, test in [
    (b"/", b"1.0", False, "test_http10_generator"),
    (b"/list", b"1.0", True, "test_http10_list"),
    (b"/list_lentwo", b"1.0", False, "test_http10_listlentwo"),
    (b"/", b"1.1", False, "test_http11_generator"),
    (b"/list", b"1.1", True, "test_http11_list"),
    (b"/list_lentwo", b"1.1", False, "test_http11_listlentwo"),
]:
    conn = b"Connection: Keep-Alive\r\n" if ver == b"1.0" else b""
    one = b"GET " + path + b" HTTP/" + ver + b"\r\n" + conn + b"Content-Length: %d\r\n\r\n" % len(letters) + letters
    n = 2 if twice else 1
    slug = "nocl-" + test[5:].replace("_", "-")
    src_ = F("NoContentLengthTests." + test)
    what = ("a request with a 52-byte body%s; the test is about waitress's response "
            "framing" % (", sent twice on the same connection" if twice else ""))
    if ver == b"1.0":
        x = one * n
        add("functional-" + slug, x, "ok", split_msgs(x, ["length"] * n)[0], what, src_)
    else:
        x = one * n
        add("functional-" + slug, x, "error", [], NOHOST, src_)
        y = with_host(one) * n
        add("functional-" + slug + "-host", y, "ok", split_msgs(y, ["length"] * n)[0],
            what, src_ + VAR_HOST)

# TooLargeTests: the server runs with max_request_header_size=1000 and
# max_request_body_size=1000; the tests send a request and 1050 surplus bytes.
TL = "TooLargeTests."
A = b"a" * 1050
AFTER_CLOSE = ("1050 surplus 'a' bytes follow a request that closes the connection "
               "(profile: bytes after such a request are 'either': stop, or go on "
               "decoding, where they are a request that never ends)")
AFTER_KA = ("1050 surplus 'a' bytes follow on a kept-alive connection: they start a "
            "next request whose head never ends (incomplete: an error after one "
            "message); waitress reads them as a head too and answers 431 when they "
            "pass its 1000-byte header limit")

x = b"GET / HTTP/1.0\r\nContent-Length: 5\r\n\r\n" + A
add("functional-toolarge-wrong-cl-http10", x, "either",
    [M(b"GET / HTTP/1.0\r\nContent-Length: 5", "length", b"aaaaa")],
    "Content-Length 5: the body is 'aaaaa'; " + AFTER_CLOSE + " (HTTP/1.0 without "
    "keep-alive); waitress answers the first request and closes",
    F(TL + "test_request_body_too_large_with_wrong_cl_http10"))
x = b"GET / HTTP/1.0\r\nContent-Length: 5\r\nConnection: Keep-Alive\r\n\r\n" + A
add("functional-toolarge-wrong-cl-http10-keepalive", x, "error",
    [M(b"GET / HTTP/1.0\r\nContent-Length: 5\r\nConnection: Keep-Alive", "length", b"aaaaa")],
    "Content-Length 5: the body is 'aaaaa'; " + AFTER_KA,
    F(TL + "test_request_body_too_large_with_wrong_cl_http10_keepalive"))
x = b"GET / HTTP/1.0\r\n\r\n" + A
add("functional-toolarge-no-cl-http10", x, "either", [M(b"GET / HTTP/1.0", "none")],
    "no framing field: a request has no body (RFC 9112 6.3 (7)); " + AFTER_CLOSE +
    " (HTTP/1.0 without keep-alive); waitress answers and closes",
    F(TL + "test_request_body_too_large_with_no_cl_http10"))
x = b"GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n" + A
add("functional-toolarge-no-cl-http10-keepalive", x, "error",
    [M(b"GET / HTTP/1.0\r\nConnection: Keep-Alive", "none")],
    "no framing field: no body; " + AFTER_KA,
    F(TL + "test_request_body_too_large_with_no_cl_http10_keepalive"))
for slug, h, ka, test in [
    ("wrong-cl-http11", b"Content-Length: 5\r\n", True, "test_request_body_too_large_with_wrong_cl_http11"),
    ("wrong-cl-http11-connclose", b"Content-Length: 5\r\nConnection: close\r\n", False,
     "test_request_body_too_large_with_wrong_cl_http11_connclose"),
    ("no-cl-http11", b"", True, "test_request_body_too_large_with_no_cl_http11"),
    ("no-cl-http11-connclose", b"Connection: close\r\n", False,
     "test_request_body_too_large_with_no_cl_http11_connclose"),
]:
    x = b"GET / HTTP/1.1\r\n" + h + b"\r\n" + A
    add("functional-toolarge-" + slug, x, "error", [], NOHOST, F(TL + test))
    y = with_host(x)
    hd = y[:y.index(b"\r\n\r\n")]
    m = M(hd, "length" if b"Content-Length" in h else "none",
          b"aaaaa" if b"Content-Length" in h else b"")
    if ka:
        add("functional-toolarge-" + slug + "-host", y, "error", [m],
            ("Content-Length 5: the body is 'aaaaa'; " if b"Content-Length" in h else
             "no framing field: no body; ") + AFTER_KA, F(TL + test) + VAR_HOST)
    else:
        add("functional-toolarge-" + slug + "-host", y, "either", [m],
            ("Content-Length 5: the body is 'aaaaa'; " if b"Content-Length" in h else
             "no framing field: no body; ") + AFTER_CLOSE +
            " (Connection: close); waitress answers and closes", F(TL + test) + VAR_HOST)

rep = b"20;\r\n" + s
x = b"GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n" + rep * ((1050 // len(rep)) + 1)
add("functional-toolarge-chunked-encoding", x, "error", [], NOHOST_SAME,
    F(TL + "test_request_body_too_large_chunked_encoding"))
add("functional-toolarge-chunked-encoding-host", with_host(x), "error", [],
    "chunk line '20;' has an empty extension name (RFC 9112 7.1.1), and each chunk's "
    "data runs into the next chunk line without CRLF (RFC 9112 7.1); the stream also "
    "ends inside the body. waitress answers 413 here because the test's server has a "
    "1000-byte body limit (its receiver also rejects '20;' and the missing CRLF)",
    F(TL + "test_request_body_too_large_chunked_encoding") + VAR_HOST)

# InternalServerErrorTests, InternalServerErrorTestsWithTraceback,
# FileWrapperTests: plain GETs; the tests are about waitress's responses.
APP = "the test is about waitress's response when the application fails or streams a file"
for path, ver, close, n, test in [
    (b"/before_start_response", b"1.0", False, 1, "InternalServerErrorTests.test_before_start_response_http_10"),
    (b"/before_start_response", b"1.1", False, 1, "InternalServerErrorTests.test_before_start_response_http_11"),
    (b"/before_start_response", b"1.1", True, 1, "InternalServerErrorTests.test_before_start_response_http_11_close"),
    (b"/after_start_response", b"1.0", False, 1, "InternalServerErrorTests.test_after_start_response_http10"),
    (b"/after_start_response", b"1.1", False, 1, "InternalServerErrorTests.test_after_start_response_http11"),
    (b"/after_start_response", b"1.1", True, 1, "InternalServerErrorTests.test_after_start_response_http11_close"),
    (b"/after_write_cb", b"1.1", False, 1, "InternalServerErrorTests.test_after_write_cb"),
    (b"/in_generator", b"1.1", False, 1, "InternalServerErrorTests.test_in_generator"),
    (b"/", b"1.0", False, 1, "InternalServerErrorTestsWithTraceback.test_expose_tracebacks_http_10"),
    (b"/", b"1.1", False, 1, "InternalServerErrorTestsWithTraceback.test_expose_tracebacks_http_11"),
    (b"/filelike", b"1.1", False, 2, "FileWrapperTests.test_filelike_http11"),
    (b"/filelike_nocl", b"1.1", False, 2, "FileWrapperTests.test_filelike_nocl_http11"),
    (b"/filelike_shortcl", b"1.1", False, 2, "FileWrapperTests.test_filelike_shortcl_http11"),
    (b"/filelike_longcl", b"1.1", False, 2, "FileWrapperTests.test_filelike_longcl_http11"),
    (b"/notfilelike", b"1.1", False, 2, "FileWrapperTests.test_notfilelike_http11"),
    (b"/notfilelike_iobase", b"1.1", False, 2, "FileWrapperTests.test_notfilelike_iobase_http11"),
    (b"/notfilelike_nocl", b"1.1", False, 1, "FileWrapperTests.test_notfilelike_nocl_http11"),
    (b"/notfilelike_shortcl", b"1.1", False, 2, "FileWrapperTests.test_notfilelike_shortcl_http11"),
    (b"/notfilelike_longcl", b"1.1", False, 1, "FileWrapperTests.test_notfilelike_longcl_http11"),
    (b"/filelike", b"1.0", False, 1, "FileWrapperTests.test_filelike_http10"),
    (b"/filelike_nocl", b"1.0", False, 1, "FileWrapperTests.test_filelike_nocl_http10"),
    (b"/notfilelike", b"1.0", False, 1, "FileWrapperTests.test_notfilelike_http10"),
    (b"/notfilelike_nocl", b"1.0", False, 1, "FileWrapperTests.test_notfilelike_nocl_http10"),
]:
    cls, _, tname = test.partition(".")
    slug = ("ise-" if cls.startswith("Internal") else "filewrapper-") + tname[5:].replace("_", "-")
    one = b"GET " + path + b" HTTP/" + ver + b"\r\n" + (b"Connection: close\r\n" if close else b"") + b"\r\n"
    sent = "%s, sent %s on one connection" % (APP, "twice" if n == 2 else "once")
    if ver == b"1.0":
        add("functional-" + slug, one, "ok", [M(one[:-4], "none")],
            "a plain HTTP/1.0 GET (%s); %s" % (F10, APP), F(test))
    else:
        x = one * n
        add("functional-" + slug, x, "error", [], NOHOST, F(test))
        y = with_host(one) * n
        add("functional-" + slug + "-host", y, "ok", [M(with_host(one)[:-4], "none")] * n,
            "a plain HTTP/1.1 GET; " + sent, F(test) + VAR_HOST)


# ---------------------------------------------------------------------------
# tests/test_channel.py
# ---------------------------------------------------------------------------

x = b"GET / HTTP/1.1\r\n\r\n"
add("channel-received", x, "error", [], NOHOST, CH("TestHTTPChannel.test_received"))
add("channel-received-host", with_host(x), "ok", [M(with_host(x)[:-4], "none")],
    "the smallest HTTP/1.1 GET with Host; waitress queues one request",
    CH("TestHTTPChannel.test_received") + VAR_HOST)
x = b"GET /sleep HTTP/1.1\r\nHost: localhost:8080\r\n\r\n"
add("channel-client-disconnect", x, "ok", [M(x[:-4], "none")],
    "a GET with Host (lines joined with CRLF by the test's _send); the test is about "
    "client disconnection; waitress queues one request",
    CH("TestHTTPChannelLookahead.test_client_disconnect") + "; same bytes in "
    "test_client_disconnect_immediate")
x = (b"POST / HTTP/1.1\r\nHost: localhost:8080\r\nContent-Length: 1\r\n\r\nx\r\n"
     b"POST / HTTP/1.1\r\nHost: localhost:8080\r\nContent-Length: 1\r\nExpect: 100-continue\r\n\r\n"
     b"x")
add("channel-lookahead-continue", x, "ok",
    [M(b"POST / HTTP/1.1\r\nHost: localhost:8080\r\nContent-Length: 1", "length", b"x"),
     M(b"POST / HTTP/1.1\r\nHost: localhost:8080\r\nContent-Length: 1\r\nExpect: 100-continue",
       "length", b"x")],
    "two pipelined POSTs; the test's _send ends every line with CRLF, so the 1-byte body "
    "'x' is followed by a CRLF before the second request-line: one empty line before a "
    "request-line is skipped (RFC 9112 2.2, profile); the second body 'x' is sent after "
    "the 100 Continue. waitress serves both",
    CH("TestHTTPChannelLookahead.test_lookahead_continue"))


# ---------------------------------------------------------------------------

def main():
    # the merged duplicate of receiver-multiple-chunks must not be a case
    with open(OUT, "w") as f:
        json.dump(cases, f, ensure_ascii=True, indent=1)
        f.write("\n")
    cnt = {"ok": 0, "error": 0, "either": 0}
    for c in cases:
        cnt[c["expect"]] += 1
    var = [c for c in cases if "(variant:" in c["source"].split("; ")[0]]
    print("cases:", len(cases), cnt)
    print("derived variants:", len(var),
          {k: sum(1 for c in var if c["expect"] == k) for k in cnt})
    for k in ("-host", "-http11", "-end"):
        print("  ", k, sum(1 for c in var if c["id"].endswith(k)))
    print("merged identical inputs:", stats["merged"])


if __name__ == "__main__":
    main()
