#!/usr/bin/env python3
"""Build tests/corpus/beast.json: h1wire conformance cases made from the test
messages of Boost.Beast's HTTP/1 parser tests (https://github.com/boostorg/beast,
Boost Software License 1.0).

Only the test MESSAGES (the bytes handed to Beast's parser) are taken, with
the repository, file, commit and test function in each case's `source`; no
Beast code or prose is copied. C++ string literals are reproduced byte for
byte (adjacent literals joined, escapes resolved; "\\x80\\x81...\\xfe\\xff" is the
seven bytes 80 81 2E 2E 2E FE FF).

How Beast's test helpers map to the corpus:
- parsegrind<P>(msg) / doMatrix: Beast must parse the whole message (split in
  two pieces, then put_eof if the parser needs it) without error: Beast "ok".
- failgrind<P>(msg, err): Beast must fail with err (put_eof is called when the
  bytes ran out without error): Beast "error".
- test_parser<true> / request_parser: "mode": "request"; test_parser<false> /
  response_parser: "mode": "response". The dump's end of stream plays
  put_eof.
- p.skip(true) on a response: the response answers HEAD ("methods": ["HEAD"]).
  On a request (testContentLengthField's check()) there is no corpus
  equivalent: the case is converted as written (the body is then missing) and
  a derived "-body" variant carries the body the Content-Length announces.
- body/header limits and eager(): the profile's defaults (no body limit,
  head 64 KiB). Beast's answer is given for Beast's defaults as well.

Every expectation is decided by the strict profile (CONFORMANCE.md section 3)
and RFC 9112 / RFC 9110, not by Beast's answer and not by h1wire's. A small
strict reading of the profile (decode() in common.py, both roles) computes the
messages; every case also states its verdict by hand and the script stops if
the two disagree.

Derived variants (their `source` ends in "(variant: ...)"):
- "-host": an HTTP/1.1 request that the profile rejects first for its missing
  Host field, with `Host: example.com` inserted after each such request-line;
- "-body": testContentLengthField's skip() cases, with Host and the body;
- "-res": testObsFold's field values sent in a response, where the profile
  accepts obs-fold (the request originals are errors for the fold itself);
- a few others, each explained in its note.

Usage: python3 tests/corpus/make/beast.py   (writes beast.json and beast.md beside it)
"""
import json
import os
import re

from common import HOSTERR, decode

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(HERE, "beast.json")
MD = os.path.join(HERE, "beast.md")
NAME = "beast"
REPO = "boostorg/beast"

FILES = {
    "bp": ("test/beast/http/basic_parser.cpp", "415693aec9cfec0897b8714dd23d66a251ee4204"),
    "fz": ("test/beast/http/message_fuzz.hpp", "04660c613beb459713eec29e03526763865538cd"),
    "pa": ("test/beast/http/parser.cpp", "5866e50438b34fdfd0baff8b6f6785a30d763163"),
    "rd": ("test/beast/http/read.cpp", "42b6387ae45481cad4ef7134a57affb637ffcab5"),
}


def with_host(data):
    """Insert `Host: example.com` after every HTTP/1.1 request-line without Host."""
    out = b""
    rest = data
    while True:
        i = rest.find(b" HTTP/1.1\r\n")
        if i < 0:
            return out + rest
        j = i + len(b" HTTP/1.1\r\n")
        k = rest.find(b"\r\n\r\n", j - 2)
        head = rest[j:k + 2] if k >= 0 else rest[j:]
        if not re.search(rb"(?im)^host:", head):
            out += rest[:j] + b"Host: example.com\r\n"
        else:
            out += rest[:j]
        rest = rest[j:]


# =====================================================================
# Cases
# =====================================================================

CASES = []
IDS = {}
SEEN = {}
DIFFERS = []          # (id, why)
SKIPPED = {}          # reason -> count
CONVERTED = [0]       # peer test calls converted

HOST_NOTE = ("the original is an HTTP/1.1 request without Host, which the profile rejects "
             "(RFC 9112 3.2: a server MUST respond 400 to an HTTP/1.1 request that lacks "
             "Host); Beast's parser does not require Host; the \"-host\" variant tests what "
             "the case is about")
FOLD_REQ = ("obs-fold in a request: the profile rejects it (RFC 9112 5.2 lets a server reject "
            "a request with obs-fold with 400; profile: obs-fold is an error in requests); "
            "Beast accepts it (lenient) and reads each fold as SP")


def src(f, test, variant=None):
    path, commit = FILES[f]
    s = "%s %s@%s: %s" % (REPO, path, commit[:12], test)
    if variant:
        s += " (variant: %s)" % variant
    return s


def skip(reason, n=1):
    SKIPPED[reason] = SKIPPED.get(reason, 0) + n


def slugify(b):
    if isinstance(b, bytes):
        b = b.decode("latin-1")
    s = re.sub(r"[^A-Za-z0-9]+", "-", b).strip("-").lower()
    return s[:40] or "empty"


def _add(cid, mode, inp, verdict, note, source, methods, differs):
    key = (mode, inp, tuple(methods))
    if key in SEEN:
        case = SEEN[key]
        assert case["expect"] == verdict, (cid, case["id"])
        case["source"] += "; the same bytes in " + source
        return case, False
    assert cid not in IDS, cid
    msgs, err, eithers = decode(inp, mode == "request", methods)
    computed = "either" if eithers and err is None else ("error" if err else "ok")
    if eithers and err is not None:
        # an `either` reading earlier in the stream and an error later
        computed = "error"
    assert computed == verdict, (cid, computed, verdict, err, eithers)
    if eithers:
        note += " (either: %s)" % "; ".join(sorted(set(eithers)))
    if differs:
        note = "differs from Beast: " + differs + ". " + note
        DIFFERS.append((cid, differs))
    case = {"id": cid, "mode": mode, "methods": list(methods),
            "input": inp.decode("latin-1"), "expect": verdict,
            "messages": msgs, "note": note, "source": source}
    IDS[cid] = case
    SEEN[key] = case
    CASES.append(case)
    return case, True


def add(slug, mode, inp, verdict, note, source, beast, methods=(), differs=None,
        hv=None, hnote=None, count=True):
    """beast: Beast's answer ("ok"/"error"/None for derived input).
    hv: verdict of the -host variant, required when the profile rejects the
    case first for its missing Host."""
    if isinstance(inp, str):
        inp = inp.encode("latin-1")
    if count:
        CONVERTED[0] += 1
    cid = NAME + "-" + slug
    msgs, err, _ = decode(inp, mode == "request", methods)
    host_first = mode == "request" and err == HOSTERR
    if host_first:
        assert hv is not None, (cid, "needs a -host verdict")
        note = HOST_NOTE + "; " + note
        if beast == "ok" and not differs:
            differs = "Beast accepts this HTTP/1.1 request without Host; the profile rejects it (RFC 9112 3.2)"
    else:
        assert hv is None, (cid, "no -host variant here", err)
    if beast is not None and not differs:
        if (beast == "ok") != (verdict in ("ok", "either")) or (beast == "error" and verdict == "either"):
            raise AssertionError((cid, "verdict differs from Beast; say why", beast, verdict))
    _add(cid, mode, inp, verdict, note, source, methods, differs)
    if host_first:
        hinp = with_host(inp)
        hdiff = None
        if beast == "ok" and hv == "error":
            hdiff = "Beast accepts it, the profile rejects it (why: see the rest of this note)"
        elif beast == "error" and hv in ("ok",):
            hdiff = "Beast rejects it, the profile accepts it (why: see the rest of this note)"
        _add(cid + "-host", mode, hinp, hv,
             "derived: a Host field was added after the request-line, since the HTTP/1.1 "
             "original is rejected for its missing Host before what the test is about can "
             "matter; " + (hnote or note),
             source + " (variant: Host field added)", methods, hdiff)


def Q(slug, inp, verdict, note, f, test, beast, **kw):
    add(slug, "request", inp, verdict, note, src(f, test), beast, **kw)


def S(slug, inp, verdict, note, f, test, beast, methods=(), **kw):
    add(slug, "response", inp, verdict, note, src(f, test), beast, methods=methods, **kw)


SAME = "same verdict as Beast"
CLOSE2 = "runs to end of stream (RFC 9112 6.3 rule 8: no Content-Length and no Transfer-Encoding), which the dump signals"
CLOSE = "no Content-Length and no Transfer-Encoding: the response body runs to end of stream (RFC 9112 6.3 rule 8), which the dump signals"

# ------------------------------------------------------------ testFlatten
T = "basic_parser_test::testFlatten"
Q("flatten-get", "GET / HTTP/1.1\r\n\r\n", "error", "a bare GET", "bp", T, "ok", hv="ok",
  hnote="a GET with no body (framing none); " + SAME)
Q("flatten-post-cl5", "POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\n*****", "error",
  "POST with a 5-byte Content-Length body", "bp", T, "ok", hv="ok",
  hnote="POST with a 5-byte Content-Length body; " + SAME)
S("flatten-403-close", "HTTP/1.1 403 Not Found\r\n\r\n", "ok",
  "a 403 response with no framing field: " + CLOSE + "; the body is empty; " + SAME, "bp", T, "ok")
S("flatten-200-cl5", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n*****", "ok",
  "a 200 response with a 5-byte Content-Length body; " + SAME, "bp", T, "ok")
S("flatten-chunked-ext-trailer",
  "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;x\r\n*****\r\n0\r\nMD5: 0xff30\r\n\r\n", "ok",
  "chunked response: a chunk with a valueless extension `;x` (RFC 9112 7.1.1) and a trailer field MD5; " + SAME,
  "bp", T, "ok")
S("flatten-200-close-body", "HTTP/1.1 200 OK\r\n\r\n*****", "ok",
  "a 200 response whose body '*****' is " + CLOSE2 + "; " + SAME, "bp", T, "ok")

# ------------------------------------------------------------ testObsFold
T = "basic_parser_test::testObsFold"
OBS = [(" x", "x"), ("x", "x"), ("\tx", "x"), (" \tx", "x"), ("\t x", "x"), ("x ", "x"),
       (" x\t", "x"), ("\tx \t", "x"), (" \tx\t ", "x"), ("\t x  \t  ", "x"),
       ("\r\n x", "x"), (" \r\n x", "x"), (" \r\n\tx", "x"), (" \r\n\t x", "x"),
       (" \r\n \tx", "x"), ("  \r\n \r\n \r\n x \t", "x"), ("xy", "xy"), ("\r\n x", "x"),
       ("\r\n  x", "x"), ("\r\n   xy", "xy"), ("\r\n \r\n \r\n x", "x"),
       ("\r\n \r\n  \r\n xy", "xy"), ("x\r\n y", "x y"), ("x\r\n y\r\n z ", "x y z")]
# Beast's list: check("x","x") comes first, then " x", ...; keep Beast's order
OBS = [("x", "x"), (" x", "x")] + OBS[2:]
for i, (s, v) in enumerate(OBS, 1):
    m = "GET / HTTP/1.1\r\nf: " + s + "\r\n\r\n"
    sl = "obsfold-%02d" % i
    fold = "\r\n" in s
    if fold:
        Q(sl, m, "error", "field value %r (Beast expects the value %r); %s" % ("f: " + s, v, FOLD_REQ),
          "bp", T, "ok", differs="Beast accepts obs-fold in a request (value %r); the profile rejects it (RFC 9112 5.2)" % v)
    else:
        Q(sl, m, "error", "field value %r: leading and trailing OWS are not part of the value (RFC 9112 5)" % ("f: " + s),
          "bp", T, "ok", hv="ok",
          hnote="field line %r: the value is %r once leading/trailing OWS is removed (RFC 9112 5); %s" % ("f: " + s, v, SAME))
    # derived: the same field in a response, where the profile accepts obs-fold
    r = "HTTP/1.1 200 OK\r\nf: " + s + "\r\n\r\n"
    add(sl + "-res", "response", r.encode("latin-1"), "ok",
        "derived: Beast's field value sent in a response, where the profile accepts obs-fold and reads "
        "each fold (OWS CRLF RWS, RFC 9112 5.2) as one SP; the value is %r, as Beast expects; " % v + CLOSE,
        src("bp", T, "the field in a response"), None, count=False)

# ------------------------------------------------------------ testCallbacks
T = "basic_parser_test::testCallbacks"
Q("cb-get-ua-cl1", "GET / HTTP/1.1\r\nUser-Agent: test\r\nContent-Length: 1\r\n\r\n*", "error",
  "GET with User-Agent and a 1-byte body", "bp", T, "ok", hv="ok",
  hnote="GET with a 1-byte Content-Length body; " + SAME)
Q("flatten-get", "GET / HTTP/1.1\r\n\r\n", "error", "", "bp", T, "ok", hv="ok", hnote="")
S("cb-100-continue", "HTTP/1.1 100 Continue\r\n\r\n", "ok",
  "a 100 Continue response alone: a 1xx response has no body (RFC 9112 6.3 rule 1) and is a message of its own; " + SAME,
  "bp", T, "ok")
S("cb-200-server-cl1", "HTTP/1.1 200 OK\r\nServer: test\r\nContent-Length: 1\r\n\r\n*", "ok",
  "200 with a 1-byte Content-Length body; " + SAME, "bp", T, "ok")
S("cb-chunked-1", "HTTP/1.1 200 OK\r\nServer: test\r\nTransfer-Encoding: chunked\r\n\r\n1\r\n*\r\n0\r\n\r\n", "ok",
  "chunked response with one 1-byte chunk; " + SAME, "bp", T, "ok")
S("cb-chunked-1-ext", "HTTP/1.1 200 OK\r\nServer: test\r\nTransfer-Encoding: chunked\r\n\r\n1;x\r\n*\r\n0\r\n\r\n", "ok",
  "chunked response, chunk extension `;x` without a value (RFC 9112 7.1.1); " + SAME, "bp", T, "ok")

# ------------------------------------------------------------ testRequestLine
T = "basic_parser_test::testRequestLine"
Q("rl-get-x-10", "GET /x HTTP/1.0\r\n\r\n", "ok", "HTTP/1.0 GET /x: Host is not required in HTTP/1.0; " + SAME, "bp", T, "ok")
Q("rl-method-all-tchar",
  "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz / HTTP/1.0\r\n\r\n", "ok",
  "a method made of every tchar: method = token (RFC 9110 9.1); " + SAME, "bp", T, "ok")
Q("rl-get-10", "GET / HTTP/1.0\r\n\r\n", "ok", "HTTP/1.0 GET /; " + SAME, "bp", T, "ok")
Q("rl-method-g", "G / HTTP/1.1\r\n\r\n", "error", "a one-letter method", "bp", T, "ok", hv="ok",
  hnote="a one-letter method 'G' is a token; " + SAME)
RLBAD = [
    ("lead-tab", "\tGET / HTTP/1.0\r\n\r\n", "a request-line starting with HTAB: the method must be a token (RFC 9112 3)"),
    ("method-ctl", "GET\x01 / HTTP/1.0\r\n\r\n", "a control byte in the method (not a tchar)"),
    ("two-sp-before-target", "GET  / HTTP/1.0\r\n\r\n", "two SPs after the method: request-line = method SP request-target SP HTTP-version (RFC 9112 3), single SPs (profile)"),
    ("target-ctl", "GET \x01 HTTP/1.0\r\n\r\n", "a control byte as the request-target"),
    ("target-ctl2", "GET /\x01 HTTP/1.0\r\n\r\n", "a control byte inside the request-target"),
    ("two-sp-before-version", "GET /  HTTP/1.0\r\n\r\n", "two SPs before the version (single SPs, RFC 9112 3)"),
    ("version-_ttp", "GET / _TTP/1.0\r\n\r\n", "HTTP-version misspelt (RFC 9112 2.3: HTTP-name is case-sensitive \"HTTP\")"),
    ("version-h_tp", "GET / H_TP/1.0\r\n\r\n", "HTTP-version misspelt"),
    ("version-ht_p", "GET / HT_P/1.0\r\n\r\n", "HTTP-version misspelt"),
    ("version-htt_", "GET / HTT_/1.0\r\n\r\n", "HTTP-version misspelt"),
    ("version-http_", "GET / HTTP_1.0\r\n\r\n", "HTTP-version without '/'"),
    ("version-01-2", "GET / HTTP/01.2\r\n\r\n", "HTTP/01.2: HTTP-version = HTTP-name \"/\" DIGIT \".\" DIGIT (RFC 9112 2.3)"),
    ("version-3-45", "GET / HTTP/3.45\r\n\r\n", "HTTP/3.45: not DIGIT.DIGIT"),
    ("version-67-89", "GET / HTTP/67.89\r\n\r\n", "HTTP/67.89: not DIGIT.DIGIT"),
    ("version-x-0", "GET / HTTP/x.0\r\n\r\n", "HTTP/x.0: not DIGIT.DIGIT"),
    ("version-1-x", "GET / HTTP/1.x\r\n\r\n", "HTTP/1.x: not DIGIT.DIGIT"),
    ("version-trailing-sp", "GET / HTTP/1.0 \r\n\r\n", "a SP after the version, before CRLF"),
    ("version-1_0", "GET / HTTP/1_0\r\n\r\n", "HTTP/1_0: not DIGIT.DIGIT"),
    ("bare-lf", "GET / HTTP/1.0\n\r\n\r\n", "the request-line ends in a bare LF: the profile refuses bare LF (lines end in CRLF; RFC 9112 2.2 only allows accepting it)"),
    ("lf-cr-cr", "GET / HTTP/1.0\n\r\r\n\r\n", "the request-line ends in a bare LF, then a lone CR"),
    ("cr-cr-lf", "GET / HTTP/1.0\r\r\n\r\n", "a CR not followed by LF after the version (RFC 9112 2.2: a bare CR is invalid)"),
]
for sl, inp, why in RLBAD:
    Q("rl-bad-" + sl, inp, "error", why + "; " + SAME, "bp", T, "error")

# ------------------------------------------------------------ testStatusLine
T = "basic_parser_test::testStatusLine"
S("sl-status-000", "HTTP/1.0 000 OK\r\n\r\n", "either",
  "status 000: status-code = 3DIGIT (RFC 9112 4) but RFC 9110 15 puts every valid status code in 100-599 "
  "(as status 099 in h1wire's strict_profile corpus); if accepted, " + CLOSE + "; Beast accepts it", "bp", T, "ok")
S("sl-status-012", "HTTP/1.1 012 OK\r\n\r\n", "either",
  "status 012: 3DIGIT but below 100 (RFC 9110 15); it is not a 1xx; if accepted, " + CLOSE + "; Beast accepts it (status 12)",
  "bp", T, "ok")
for code in ("345", "678", "999"):
    S("sl-status-" + code, "HTTP/1.0 %s OK\r\n\r\n" % code, "ok",
      "status %s: status-code = 3DIGIT (RFC 9112 4); an unknown code is handled as its class or as x00 by the "
      "client (RFC 9110 15), not a framing error (as status 600 in h1wire's strict_profile corpus); %s; %s" % (code, CLOSE, SAME),
      "bp", T, "ok")
SLOK = [
    ("reason-tab-x", "HTTP/1.0 200 \tX\r\n\r\n", "reason '\\tX': reason-phrase = 1*( HTAB / SP / VCHAR / obs-text ) (RFC 9112 4), kept untrimmed"),
    ("reason-sp-x", "HTTP/1.1 200  X\r\n\r\n", "reason ' X' (the reason is everything after the SP that follows the status, untrimmed)"),
    ("reason-empty", "HTTP/1.0 200 \r\n\r\n", "an empty reason after the required SP (RFC 9112 4)"),
    ("reason-x-sp", "HTTP/1.1 200 X \r\n\r\n", "reason 'X ' (untrimmed)"),
    ("reason-x-tab", "HTTP/1.1 200 X\t\r\n\r\n", "reason 'X\\t' (untrimmed)"),
    ("reason-obs-text", "HTTP/1.1 200 \x80\x81...\xfe\xff\r\n\r\n", "reason made of obs-text bytes 80 81 FE FF and dots (obs-text is allowed, RFC 9112 4)"),
    ("reason-all-vchar", "HTTP/1.1 200 !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\r\n\r\n", "reason made of every VCHAR"),
]
for sl, inp, why in SLOK:
    S("sl-" + sl, inp, "ok", why + "; " + CLOSE + "; " + SAME, "bp", T, "ok")
SLBAD = [
    ("lead-cr", "\rHTTP/1.0 200 OK\r\n\r\n", "a CR before the status-line (a bare CR; and no empty line is skipped before a status-line, profile)"),
    ("lead-lf", "\nHTTP/1.0 200 OK\r\n\r\n", "an LF before the status-line (a bare LF; no empty line is skipped before a status-line, profile)"),
    ("lead-sp", " HTTP/1.0 200 OK\r\n\r\n", "a SP before the status-line"),
    ("version-_ttp", "_TTP/1.0 200 OK\r\n\r\n", "HTTP-version misspelt"),
    ("version-h_tp", "H_TP/1.0 200 OK\r\n\r\n", "HTTP-version misspelt"),
    ("version-ht_p", "HT_P/1.0 200 OK\r\n\r\n", "HTTP-version misspelt"),
    ("version-htt_", "HTT_/1.0 200 OK\r\n\r\n", "HTTP-version misspelt"),
    ("version-http_", "HTTP_1.0 200 OK\r\n\r\n", "HTTP-version without '/'"),
    ("version-01-2", "HTTP/01.2 200 OK\r\n\r\n", "HTTP/01.2: not DIGIT.DIGIT (RFC 9112 2.3)"),
    ("version-3-45", "HTTP/3.45 200 OK\r\n\r\n", "HTTP/3.45: not DIGIT.DIGIT"),
    ("version-67-89", "HTTP/67.89 200 OK\r\n\r\n", "HTTP/67.89: not DIGIT.DIGIT"),
    ("version-x-0", "HTTP/x.0 200 OK\r\n\r\n", "HTTP/x.0: not DIGIT.DIGIT"),
    ("version-1-x", "HTTP/1.x 200 OK\r\n\r\n", "HTTP/1.x: not DIGIT.DIGIT"),
    ("version-1_0", "HTTP/1_0 200 OK\r\n\r\n", "HTTP/1_0: not DIGIT.DIGIT"),
    ("two-sp-before-status", "HTTP/1.0  200 OK\r\n\r\n", "two SPs before the status code (status-line = HTTP-version SP status-code SP reason-phrase, RFC 9112 4)"),
    ("status-1-digit", "HTTP/1.0 0 OK\r\n\r\n", "a 1-digit status code (status-code = 3DIGIT)"),
    ("status-2-digits", "HTTP/1.0 12 OK\r\n\r\n", "a 2-digit status code (status-code = 3DIGIT)"),
    ("status-4-digits", "HTTP/1.0 3456 OK\r\n\r\n", "a 4-digit status code (status-code = 3DIGIT)"),
    ("no-sp-after-status", "HTTP/1.0 200\r\n\r\n", "no SP after the status code: the SP before the reason may not be left out (RFC 9112 4; profile)"),
    ("reason-bare-lf", "HTTP/1.0 200 \n\r\n\r\n", "the status-line ends in a bare LF (profile: lines end in CRLF)"),
    ("reason-ctl", "HTTP/1.0 200 \x01\r\n\r\n", "a control byte in the reason (RFC 9112 4)"),
    ("reason-del", "HTTP/1.0 200 \x7f\r\n\r\n", "DEL in the reason (not VCHAR, RFC 9112 4)"),
    ("reason-ok-bare-lf", "HTTP/1.0 200 OK\n\r\n\r\n", "the status-line ends in a bare LF (profile: lines end in CRLF)"),
    ("reason-ok-cr-cr", "HTTP/1.0 200 OK\r\r\n\r\n", "a CR not followed by LF ends the reason (RFC 9112 2.2)"),
]
for sl, inp, why in SLBAD:
    S("sl-bad-" + sl, inp, "error", why + "; " + SAME, "bp", T, "error")

# ------------------------------------------------------------ testFields
T = "basic_parser_test::testFields"
FOK = [
    ("empty", "f:\r\n", ""), ("sp", "f: \r\n", ""), ("tab", "f:\t\r\n", ""), ("sp-tab", "f: \t\r\n", ""),
    ("v", "f: v\r\n", "v"), ("tab-v", "f:\tv\r\n", "v"), ("tab-v-sp", "f:\tv \r\n", "v"),
    ("tab-v-tab", "f:\tv\t\r\n", "v"), ("tab-v-tab-sp", "f:\tv\t \r\n", "v"), ("nosp-v", "f:v\r\n", "v"),
    ("name-all-tchar", "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz: v\r\n", "v"),
    ("value-all-vchar-obs-text",
     "f: !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\x80\x81...\xfe\xff\r\n",
     None),
]
for sl, fl, v in FOK:
    Q("fields-" + sl, "GET / HTTP/1.1\r\n" + fl + "\r\n", "error", "field line %r" % fl[:-2], "bp", T, "ok", hv="ok",
      hnote="field line %r: field-line = field-name \":\" OWS field-value OWS (RFC 9112 5); the value%s; %s" % (
          fl[:-2], " is %r" % v if v is not None else " holds every VCHAR and obs-text bytes 80 81 FE FF", SAME))
Q("fields-fold-empty", "GET / HTTP/1.1\r\nf:\r\n \r\n\r\n", "error",
  "an empty value followed by a line holding one SP: " + FOLD_REQ, "bp", T, "ok",
  differs="Beast accepts obs-fold in a request; the profile rejects it (RFC 9112 5.2)")
Q("fields-fold-v-u", "GET / HTTP/1.1\r\nf: v\r\n u\r\n\r\n", "error",
  "value 'v' continued by ' u': " + FOLD_REQ, "bp", T, "ok",
  differs="Beast accepts obs-fold in a request (value 'v u'); the profile rejects it (RFC 9112 5.2)")
FBAD = [
    ("lead-sp", "GET / HTTP/1.1\r\n f: v\r\n\r\n", "a whitespace-preceded line right after the request-line (RFC 9112 2.2: reject, or ignore it; the profile rejects a line starting with SP/HTAB in a request head)"),
    ("lead-tab", "GET / HTTP/1.1\r\n\tf: v\r\n\r\n", "an HTAB-preceded line right after the request-line (RFC 9112 2.2; profile: error in requests)"),
    ("sp-before-colon", "GET / HTTP/1.1\r\nf : v\r\n\r\n", "SP between field name and colon (RFC 9112 5.1: MUST reject with 400)"),
    ("tab-before-colon", "GET / HTTP/1.1\r\nf\t: v\r\n\r\n", "HTAB between field name and colon (RFC 9112 5.1)"),
    ("value-bare-lf", "GET / HTTP/1.1\r\nf: \n\r\n\r\n", "the field line ends in a bare LF (profile: lines end in CRLF)"),
    ("value-cr-sp", "GET / HTTP/1.1\r\nf: v\r \r\n\r\n", "a CR not followed by LF in the field value (RFC 9112 2.2)"),
    ("value-cr-sp-v", "GET / HTTP/1.1\r\nf: \r v\r\n\r\n", "a CR not followed by LF in the field value (RFC 9112 2.2)"),
]
for sl, inp, why in FBAD:
    Q("fields-bad-" + sl, inp, "error", why + "; " + SAME, "bp", T, "error")
Q("fields-bad-cr-sp-lf", "GET / HTTP/1.1\r\n\r \n\r\n\r\n", "error",
  "a CR not followed by LF where the empty line should be (RFC 9112 2.2); " + SAME, "bp", T, "error")

# ------------------------------------------------------------ testConnectionField
T = "basic_parser_test::testConnectionField"
CONN_OK = ["close", ",close", " close", "\tclose", "close,", "close\t", "close", " ,\t,,close,, ,\t,,",
           "\r\n close", "close\r\n ", "any,close", "close,any", "any\r\n ,close", "close\r\n ,any", "close,close",
           "keep-alive", "keep-alive ", "keep-alive\t ", "keep-alive\t ,x", "\r\n keep-alive \t",
           "keep-alive \r\n \t ", "keep-alive\r\n ",
           "upgrade", "upgrade ", "upgrade\t ", "upgrade\t ,x", "\r\n upgrade \t", "upgrade \r\n \t ", "upgrade\r\n ",
           "upgrade,keep-alive", "upgrade,\r\n keep-alive"]
CONN_OK2 = ["x", "x,y", "x ,y", "x\t,y", "keep", ",keep", " keep", "\tnone", "keep,", "keep\t", "keep",
            " ,\t,,keep,, ,\t,,", "\r\n keep", "keep\r\n ", "closet", ",closet", " closet", "\tcloset", "closet,",
            "closet\t", "closet", " ,\t,,closet,, ,\t,,", "\r\n closet", "closet\r\n ", "clog", "key", "uptown",
            "keeper\r\n ", "keep-alively\r\n ", "up\r\n ", "upgrader\r\n ", "none", "\r\n none"]
for i, v in enumerate(CONN_OK + CONN_OK2, 1):
    inp = "GET / HTTP/1.1\r\nConnection: " + v + "\r\n\r\n"
    sl = "conn-%02d-%s" % (i, slugify(v))
    if "\r\n" in v:
        Q(sl, inp, "error", "Connection value %r continued on a folded line; %s" % (v, FOLD_REQ), "bp", T, "ok",
          differs="Beast accepts obs-fold in a request; the profile rejects it (RFC 9112 5.2)")
    else:
        Q(sl, inp, "error", "Connection: %r" % v, "bp", T, "ok", hv="ok",
          hnote="Connection: %r; the Connection options do not change the framing of a request (RFC 9112 6.3); "
                "value trimmed of OWS; %s" % (v, SAME))
for sl, inp, why in [
        ("http11-keepalive", "GET / HTTP/1.1\r\n\r\n", ""),
        ("http10", "GET / HTTP/1.0\r\n\r\n", ""),
]:
    pass
Q("flatten-get", "GET / HTTP/1.1\r\n\r\n", "error", "", "bp", T + " (keep-alive default)", "ok", hv="ok", hnote="")
Q("rl-get-10", "GET / HTTP/1.0\r\n\r\n", "ok", "", "bp", T + " (HTTP/1.0 closes by default)", "ok")
Q("conn-http10-keep-alive", "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", "ok",
  "HTTP/1.0 request with Connection: keep-alive (no Host needed in HTTP/1.0); " + SAME, "bp", T, "ok")
for name, val in [("ConnectioX", "close"), ("Condor", "close"), ("Connect", "close"), ("Connections", "close"),
                  ("Proxy-Connection", "close"), ("Proxy-Connection", "keep-alive"), ("Proxy-Connection", "upgrade"),
                  ("Proxy-ConnectioX", "none"), ("Proxy-Connections", "1"), ("Proxy-Connotes", "see-also")]:
    Q("conn-name-" + slugify(name + "-" + val), "GET / HTTP/1.1\r\n%s: %s\r\n\r\n" % (name, val), "error",
      "a field named %r" % name, "bp", T, "ok", hv="ok",
      hnote="a field %s: %s, an ordinary field for the codec; %s" % (name, val, SAME))
CONN_BAD = ["[", "close[", "close [", "close, upgrade [", "upgrade[]", "keep\r\n -alive", "keep-alive[",
            "keep-alive []", "no[ne]"]
for i, v in enumerate(CONN_BAD, 1):
    inp = "GET / HTTP/1.1\r\nConnection: " + v + "\r\n\r\n"
    sl = "conn-bad-%02d-%s" % (i, slugify(v))
    if "\r\n" in v:
        Q(sl, inp, "error", "Connection value %r with obs-fold; %s; Beast rejects it as a bad value" % (v, FOLD_REQ),
          "bp", T, "error")
    else:
        Q(sl, inp, "error", "Connection: %r, not a list of tokens" % v, "bp", T, "error", hv="ok",
          hnote="Connection: %r is not a comma list of tokens (RFC 9110 7.6.1), but its bytes are valid field-value "
                "bytes (VCHAR, RFC 9112 5) and Connection does not frame the message; the profile checks only field "
                "syntax and framing fields, so the request decodes" % v)

# ------------------------------------------------------------ testContentLengthField
T = "basic_parser_test::testContentLengthField"
for s, v, sl in [("0", 0, "0"), ("00", 0, "00"), ("1", 1, "1"), ("01", 1, "01"), ("9", 9, "9"), ("42 ", 42, "42-sp"),
                 ("42\t", 42, "42-tab"), ("42 \t ", 42, "42-sp-tab-sp"), ("42\r\n \t ", 42, "42-fold")]:
    inp = "GET / HTTP/1.1\r\nContent-Length: " + s + "\r\n\r\n"
    sl = "cl-" + sl
    if "\r\n" in s:
        Q(sl, inp, "error", "Content-Length %r with obs-fold; %s" % (s, FOLD_REQ), "bp", T, "ok",
          differs="Beast accepts obs-fold in a request (Content-Length 42, body skipped by skip(true)); the profile rejects it (RFC 9112 5.2)")
        continue
    hv = "ok" if v == 0 else "error"
    if v == 0:
        hn = "Content-Length %r = %d (leading zeros are fine, profile), no body; %s" % (s, v, SAME)
        hd = None
    else:
        hn = ("Content-Length %r announces %d body bytes and none follow: the stream ends inside the body, an "
              "error at end of stream; Beast's test calls skip(true), so Beast never reads the body; the \"-body\" "
              "variant carries it" % (s, v))
    Q(sl, inp, "error", "Content-Length %r (Beast's test sets skip(true): Beast stops after the head)" % s,
      "bp", T, "ok", hv=hv, hnote=hn)
    if v:
        b = with_host(inp.encode("latin-1")) + b"*" * v
        add(sl + "-body", "request", b, "ok",
            "derived: Host added and the %d-byte body that Content-Length %r announces appended (Beast's test "
            "skips the body); Content-Length = 1*DIGIT (RFC 9110 8.6), OWS around the value is not part of it "
            "(RFC 9112 5)" % (v, s), src("bp", T, "Host field and body added"), "ok", count=False)
for name, val in [("Content-LengtX", "0"), ("Content-Lengths", "many"), ("Content", "full")]:
    Q("cl-name-" + slugify(name), "GET / HTTP/1.1\r\n%s: %s\r\n\r\n" % (name, val), "error",
      "a field named %r" % name, "bp", T, "ok", hv="ok",
      hnote="%s: %s is an ordinary field, not Content-Length; %s" % (name, val, SAME))
Q("cl-twice-0", "GET / HTTP/1.1\r\nContent-Length: 0\r\nContent-Length: 0\r\n\r\n", "error",
  "two Content-Length: 0 lines", "bp", T, "ok", hv="either",
  hnote="two identical Content-Length lines: RFC 9110 8.6 lets a recipient accept several identical values as "
        "one or reject them (profile: either); Beast accepts")
for sl, s, why in [("empty", "", "an empty Content-Length value is not 1*DIGIT (RFC 9110 8.6)"),
                   ("u64-overflow", "18446744073709551616", "2^64 does not fit u64 (profile: an invalid Content-Length is an error)"),
                   ("0-sp-0", "0 0", "'0 0': a space inside the value is not 1*DIGIT"),
                   ("0-sp-1", "0 1", "'0 1': a space inside the value is not 1*DIGIT"),
                   ("comma", ",", "',': not 1*DIGIT"),
                   ("0-comma", "0,", "'0,': not 1*DIGIT and not a list of identical values (an empty element; the profile's either covers only several identical values)")]:
    inp = "GET / HTTP/1.1\r\nContent-Length: " + s + "\r\n\r\n"
    Q("cl-bad-" + sl, inp, "error", why, "bp", T, "error", hv="error", hnote=why + "; " + SAME)
Q("cl-bad-0-then-100", "GET / HTTP/1.1\r\nContent-Length: 0\r\nContent-Length: 100\r\n\r\n", "error",
  "two differing Content-Length values", "bp", T, "error", hv="error",
  hnote="two differing Content-Length values (RFC 9112 6.3 rule 5: unrecoverable error); " + SAME)

# ------------------------------------------------------------ testTransferEncodingField
T = "basic_parser_test::testTransferEncodingField"
CE = ["chunked", "chunked ", "chunked\t", "chunked \t", " chunked", "\tchunked", "chunked,", "chunked ,",
      "chunked, ", ",chunked", ", chunked", " ,chunked", "chunked\r\n ", "\r\n chunked", ",\r\n chunked",
      "\r\n ,chunked", ",\r\n chunked", "gzip, chunked", "gzip, chunked ", "gzip, \r\n chunked"]
for i, v in enumerate(CE, 1):
    inp = "GET / HTTP/1.1\r\nTransfer-Encoding: " + v + "\r\n\r\n0\r\n\r\n"
    sl = "te-%02d-%s" % (i, slugify(v))
    if "\r\n" in v:
        Q(sl, inp, "error", "Transfer-Encoding %r continued on a folded line; %s" % (v, FOLD_REQ), "bp", T, "ok",
          differs="Beast accepts obs-fold in a request (and reads chunked); the profile rejects it (RFC 9112 5.2)")
    else:
        Q(sl, inp, "error", "Transfer-Encoding: %r and an empty chunked body" % v, "bp", T, "ok", hv="ok",
          hnote="Transfer-Encoding: %r: chunked is the final coding (empty list elements are ignored, RFC 9110 5.6.1; "
                "gzip is a registered coding) so the body is chunked, here just the last chunk; %s" % (v, SAME))
TEX = [("gzip", "a request whose only coding is gzip: chunked is not final, RFC 9112 6.3 rule 4 (MUST respond 400 and close)"),
       ("chunked, gzip", "chunked is not the final coding of a request (RFC 9112 6.3 rule 4)"),
       ("chunked\r\n , gzip", None), ("chunked,\r\n gzip", None), ("chunked,\r\n ,gzip", None),
       ("bigchunked", "'bigchunked' is not a registered coding (profile: 501 error) and chunked is not final (RFC 9112 6.3 rule 4)"),
       ("chunk\r\n ked", None), ("bar\r\n ley chunked", None), ("barley\r\n chunked", None)]
for i, (v, why) in enumerate(TEX, 1):
    inp = "GET / HTTP/1.1\r\nTransfer-Encoding: " + v + "\r\n\r\n"
    sl = "te-notchunked-%d-%s" % (i, slugify(v))
    if why is None:
        Q(sl, inp, "error", "Transfer-Encoding %r with obs-fold; %s" % (v, FOLD_REQ), "bp", T, "ok",
          differs="Beast accepts obs-fold in a request (and, chunked not being final, reads no body); the profile rejects it (RFC 9112 5.2)")
    else:
        Q(sl, inp, "error", "Transfer-Encoding: %r" % v, "bp", T, "ok", hv="error",
          hnote=why + "; Beast accepts it (no chunked framing)")
for name, val in [("Transfer-EncodinX", "none"), ("Transfer-Encodings", "2"), ("Transfer-Encoded", "false")]:
    Q("te-name-" + slugify(name), "GET / HTTP/1.1\r\n%s: %s\r\n\r\n" % (name, val), "error",
      "a field named %r" % name, "bp", T, "ok", hv="ok",
      hnote="%s: %s is an ordinary field; %s" % (name, val, SAME))
S("te-cl-response-no-body", "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n", "error",
  "a response with both Content-Length and Transfer-Encoding: chunked, and no body: Transfer-Encoding "
  "overrides Content-Length (RFC 9112 6.3 rule 3), so a chunked body must follow and the stream ends before "
  "its last chunk (error at end of stream); Beast rejects the head itself (bad_transfer_encoding); same verdict",
  "bp", T, "error")
add("te-cl-response-complete", "response",
    b"HTTP/1.1 200 OK\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", "either",
    "derived: the same head with an empty chunked body: RFC 9112 6.3 rule 3 says Transfer-Encoding overrides "
    "Content-Length but such a message 'ought to be handled as an error' (as h1wire-profile-res-te-cl-resp); "
    "Beast rejects it (bad_transfer_encoding)",
    src("bp", T, "the last chunk appended"), None, count=False)

# ------------------------------------------------------------ testUpgradeField
T = "basic_parser_test::testUpgradeField"
for name, val in [("Upgrade", ""), ("Upgrade", " "), ("Upgrade", " yes"), ("Up", " yes"), ("UpgradX", " none"),
                  ("Upgrades", " 2"), ("Upsample", " 4x")]:
    fl = name + ":" + val
    Q("upgrade-" + slugify(fl) + ("-sp" if val == " " else ""), "GET / HTTP/1.1\r\n" + fl + "\r\n\r\n", "error",
      "field line %r" % fl, "bp", T, "ok", hv="ok",
      hnote="field line %r: a request carrying Upgrade (not CONNECT) is an ordinary message (profile framing 1; "
            "only a 101 response switches protocols, RFC 9110 7.8); framing none; %s" % (fl, SAME))
Q("upgrade-websocket", "GET / HTTP/1.1\r\nConnection: upgrade\r\nUpgrade: WebSocket\r\n\r\n", "error",
  "a WebSocket upgrade request", "bp", T, "ok", hv="ok",
  hnote="a WebSocket upgrade request is an ordinary message for the decoder: only the server's 101 switches "
        "protocols (profile framing 1); " + SAME)

# ------------------------------------------------------------ testPartial
T = "basic_parser_test::testPartial"
Q("partial-10-fields", "GET / HTTP/1.1\r\n" + "".join("%s: %d\r\n" % (c, i) for i, c in enumerate("abcdefghij")) + "\r\n",
  "error", "ten fields a..j", "bp", T, "ok", hv="ok", hnote="ten fields a: 0 ... j: 9; " + SAME)

# ------------------------------------------------------------ testLimits (profile defaults)
T = "basic_parser_test::testLimits"
LIM = "Beast's test sets a %s the corpus has no option for; with the profile's defaults (and Beast's) the message is valid"
Q("flatten-post-cl2", "POST / HTTP/1.1\r\nContent-Length: 2\r\n\r\n**", "error",
  "POST with a 2-byte body (" + (LIM % "header_limit(10) / body_limit(1)") + ")", "bp", T, "ok", hv="ok",
  hnote="POST with a 2-byte body; " + (LIM % "header_limit(10) / body_limit(1)"))
Q("limits-head-cut", "POST / HTTP/1.1\r\nfield: value\r\n", "error",
  "the head is never finished (no empty line): error at end of stream; Beast's test stops it earlier with "
  "header_limit(18); same verdict", "bp", T, "error")
Q("limits-chunked-trailer", "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nfield: value\r\n\r\n", "error",
  "a chunked POST with only the last chunk and a trailer field", "bp", T, "ok", hv="ok",
  hnote="a chunked POST: last chunk, then trailer 'field: value' (RFC 9112 7.1.2); " + (LIM % "header_limit(47)"))
S("limits-res-close-2", "HTTP/1.1 200 OK\r\n\r\n**", "ok",
  "a 200 response whose body '**' " + CLOSE2 + "; " + (LIM % "body_limit(1)"), "bp", T, "ok")
Q("limits-chunked-2", "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n**\r\n0\r\n\r\n", "error",
  "a chunked POST with one 2-byte chunk", "bp", T, "ok", hv="ok",
  hnote="a chunked POST with one 2-byte chunk; " + (LIM % "body_limit(1)"))

# ------------------------------------------------------------ testBody
T = "basic_parser_test::testBody"
S("body-chunked-abcd",
  "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: application/octet-stream\r\n\r\n4\r\nabcd\r\n0\r\n\r\n",
  "ok", "chunked response with one 4-byte chunk; " + SAME, "bp", T, "ok")
EXPIRES = ("HTTP/1.1 200 OK\r\nServer: test\r\nExpect: Expires, MD5-Fingerprint\r\nTransfer-Encoding: chunked\r\n\r\n"
           "5\r\n*****\r\n2;a;b=1;c=\"2\"\r\n--\r\n0;d;e=3;f=\"4\"\r\nExpires: never\r\nMD5-Fingerprint: -\r\n\r\n")
S("body-chunked-ext-trailers", EXPIRES, "ok",
  "chunked response: chunk extensions with token and quoted-string values on a data chunk and on the last "
  "chunk (RFC 9112 7.1.1), then two trailer fields; body '*****--'; " + SAME, "bp", T, "ok")
Q("body-get-cl1", "GET / HTTP/1.1\r\nContent-Length: 1\r\n\r\n1", "error", "GET with a 1-byte body", "bp", T, "ok",
  hv="ok", hnote="GET with a 1-byte Content-Length body '1'; " + SAME)
S("body-http10-close-hello", "HTTP/1.0 200 OK\r\n\r\nhello", "ok",
  "HTTP/1.0 response, body 'hello' " + CLOSE2 + "; " + SAME, "bp", T, "ok")
Q("body-get-cl10", "GET / HTTP/1.1\r\nContent-Length: 10\r\n\r\n1234567890", "error",
  "GET with a 10-byte body (Beast feeds it in three buffers)", "bp", T, "ok", hv="ok",
  hnote="GET with a 10-byte Content-Length body; " + SAME)
Q("rl-get-10", "GET / HTTP/1.0\r\n\r\n", "ok", "", "bp", T + " (request without framing has no body)", "ok")
Q("flatten-get", "GET / HTTP/1.1\r\n\r\n", "error", "", "bp", T + " (request without framing has no body)", "ok",
  hv="ok", hnote="")
S("body-http10-close-empty", "HTTP/1.0 200 OK\r\n\r\n", "ok",
  "HTTP/1.0 200 with no framing field: " + CLOSE + "; here it is empty; Beast's test shows the parser waits for "
  "end of stream (need_eof), which the dump gives; " + SAME, "bp", T, "ok")
S("body-http10-304", "HTTP/1.0 304 Not Modified\r\n\r\n", "ok",
  "a 304 response has no body (RFC 9112 6.3 rule 1); " + SAME, "bp", T, "ok")
S("body-chunked-empty", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", "ok",
  "chunked response with only the last chunk (Beast feeds the head and the last chunk separately); " + SAME,
  "bp", T, "ok")
Q("body-cl1-missing", "GET / HTTP/1.1\r\nContent-Length: 1\r\n\r\n", "error",
  "Content-Length: 1 and no body", "bp", T, "error", hv="error",
  hnote="Content-Length: 1 and the stream ends before the body: error at end of stream (Beast: partial_message); " + SAME)

# ------------------------------------------------------------ issues
S("body-chunked-abcd", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: application/octet-stream\r\n\r\n4\r\nabcd\r\n0\r\n\r\n",
  "ok", "", "bp", "basic_parser_test::testIssue430", "ok")
Q("issue452-trailing-bytes", "GET / HTTP/1.1\r\n\r\ndie!", "error", "a GET followed by the bytes 'die!'", "bp",
  "basic_parser_test::testIssue452", "ok", hv="error",
  hnote="a GET with no body, then 'die!' and end of stream: the GET is complete (framing none); the next request "
        "is cut short ('die!' is not a request-line and ends the stream), so the stream ends in an error after one "
        "message; Beast's test only checks that the first request is done after put() and never parses 'die!', "
        "and its answer for the first message is the same")
S("issue496-chunk-size-leading-zeros",
  "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: application/octet-stream\r\n\r\n0004\r\nabcd\r\n0\r\n\r\n",
  "ok", "chunk-size 0004 (leading zeros are fine, profile); body 'abcd'; " + SAME, "bp", "basic_parser_test::testIssue496", "ok")
S("issue692-101-cl", "HTTP/1.1 101 Switching Protocols\r\nContent-Length: 2147483648\r\n\r\n", "ok",
  "a 101 response with a large Content-Length: a 101 switches protocols (framing upgrade, RFC 9112 6.3 rule 1; "
  "RFC 9110 15.2.2), its Content-Length does not frame anything; " + SAME, "bp", "basic_parser_test::testIssue692", "ok")

# ------------------------------------------------------------ testFuzz: chunk extensions on the last chunk
T = "basic_parser_test::testFuzz via chunkExtensionsTest (message_fuzz.hpp)"
GOOD = ["", ";x", ";x;y", ";x=y", ";x;y=z", " ;x", "\t;x", " \t;x", "\t ;x", " ; x", " ;\tx", "\t ; \tx",
        ";x= y", " ;x= y", " ; x= y", ';x="\\""', ';x="\\\\"', ';x;y=z;z="\\"";p="\\\\";q="1\\"2\\\\"']
BAD = [" ", ";", "=", " ;", "; ", " ; ", " ; x ", ";x =", ";x = ", ";x=="]
seen = {}
for kind, lst in (("good", GOOD), ("bad", BAD)):
    for i, e in enumerate(lst, 1):
        inp = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0" + e + "\r\n\r\n"
        sl = "chunkext-%s-%02d" % (kind, i)
        if kind == "good":
            S(sl, inp, "ok", "last chunk '0%s': chunk-ext = *( BWS \";\" BWS ext-name [ BWS \"=\" BWS ext-value ] ) "
              "(RFC 9112 7.1.1; profile: BWS allowed around ';' and '='); %s" % (e, SAME), "fz", T, "ok")
        else:
            S(sl, inp, "error", "last chunk '0%s': %s; %s" % (
                e, {" ": "whitespace after the size with no extension (profile)",
                    ";": "';' with no ext-name", "=": "'=' with no ';' or name",
                    " ;": "';' with no ext-name", "; ": "';' with no ext-name",
                    " ; ": "';' with no ext-name", " ; x ": "whitespace after an ext-name that has no '=' (BWS only comes before ';' or '=')",
                    ";x =": "'=' with no ext-value", ";x = ": "'=' with no ext-value",
                    ";x==": "'==' is not '=' ext-value"}[e], SAME), "fz", T, "error")

# ------------------------------------------------------------ testRegression1
REG1 = bytes([
    0x4C,0x4F,0x43,0x4B,0x20,0x2F,0x25,0x65,0x37,0x6C,0x59,0x3B,0x2F,0x3B,0x3B,0x25,0x30,0x62,0x38,0x3D,0x70,0x2F,0x72,0x20,
    0x48,0x54,0x54,0x50,0x2F,0x31,0x2E,0x31,0x0D,0x0A,0x41,0x63,0x63,0x65,0x70,0x74,0x2D,0x45,0x6E,0x63,0x6F,0x64,0x69,0x6E,
    0x67,0x3A,0x0D,0x0A,0x09,0x20,0xEE,0x0D,0x0A,0x4F,0x72,0x69,0x67,0x69,0x6E,0x61,0x6C,0x2D,0x4D,0x65,0x73,0x73,0x61,0x67,
    0x65,0x2D,0x49,0x44,0x3A,0xEB,0x09,0x09,0x09,0x09,0xFF,0xFF,0xFF,0xFF,0xFF,0xFF,0xFF,0xFF,0x3A,0x20,0x0D,0x0A,0x09,0x20,
    0xF7,0x44,0x9B,0xA5,0x06,0x9F,0x0D,0x0A,0x52,0x65,0x73,0x65,0x6E,0x74,0x2D,0x44,0x61,0x74,0x65,0x3A,0xF4,0x0D,0x0A,0x41,
    0x6C,0x74,0x2D,0x53,0x76,0x63,0x3A,0x20,0x0D,0x0A,0x54,0x72,0x61,0x69,0x6C,0x65,0x72,0x3A,0x20,0x20,0x09,0x20,0x20,0x20,
    0x0D,0x0A,0x4C,0x69,0x73,0x74,0x2D,0x49,0x44,0x3A,0xA6,0x6B,0x86,0x09,0x09,0x20,0x09,0x0D,0x0A,0x41,0x6C,0x74,0x65,0x72,
    0x6E,0x61,0x74,0x65,0x2D,0x52,0x65,0x63,0x69,0x70,0x69,0x65,0x6E,0x74,0x3A,0xF3,0x13,0xE3,0x22,0x9D,0xEF,0xFB,0x84,0x71,
    0x4A,0xCC,0xBC,0x96,0xF7,0x5B,0x72,0xF1,0xF2,0x0D,0x0A,0x4C,0x6F,0x63,0x61,0x74,0x69,0x6F,0x6E,0x3A,0x20,0x0D,0x0A,0x41,
    0x63,0x63,0x65,0x70,0x74,0x2D,0x41,0x64,0x64,0x69,0x74,0x69,0x6F,0x6E,0x73,0x3A,0x20,0x0D,0x0A,0x4D,0x4D,0x48,0x53,0x2D,
    0x4F,0x72,0x69,0x67,0x69,0x6E,0x61,0x74,0x6F,0x72,0x2D,0x50,0x4C,0x41,0x44,0x3A,0x20,0x0D,0x0A,0x4F,0x72,0x69,0x67,0x69,
    0x6E,0x61,0x6C,0x2D,0x53,0x65,0x6E,0x64,0x65,0x72,0x3A,0x20,0x0D,0x0A,0x4F,0x72,0x69,0x67,0x69,0x6E,0x61,0x6C,0x2D,0x53,
    0x65,0x6E,0x64,0x65,0x72,0x3A,0x0D,0x0A,0x50,0x49,0x43,0x53,0x2D,0x4C,0x61,0x62,0x65,0x6C,0x3A,0x0D,0x0A,0x20,0x09,0x0D,
    0x0A,0x49,0x66,0x3A,0x20,0x40,0xC1,0x50,0x5C,0xD6,0xC3,0x86,0xFC,0x8D,0x5C,0x7C,0x96,0x45,0x0D,0x0A,0x4D,0x4D,0x48,0x53,
    0x2D,0x45,0x78,0x65,0x6D,0x70,0x74,0x65,0x64,0x2D,0x41,0x64,0x64,0x72,0x65,0x73,0x73,0x3A,0x0D,0x0A,0x49,0x6E,0x6A,0x65,
    0x63,0x74,0x69,0x6F,0x6E,0x2D,0x49,0x6E,0x66,0x6F,0x3A,0x20,0x0D,0x0A,0x43,0x6F,0x6E,0x74,0x65,0x74,0x6E,0x2D,0x4C,0x65,
    0x6E,0x67,0x74,0x68,0x3A,0x20,0x30,0x0D,0x0A,0x0D,0x0A])
Q("regression1-fuzz-crash", REG1, "error",
  "a fuzzer-found request (LOCK /%e7lY;/;;%0b8=p/r): its second line 'Accept-Encoding:' is followed by an "
  "obs-fold line (HTAB SP 0xEE), an error in a request (RFC 9112 5.2; profile); later lines carry more "
  "folds and the control bytes 0x06 and 0x13 in field values, also errors (RFC 9112 5); " + SAME,
  "bp", "basic_parser_test::testRegression1", "error")

# ------------------------------------------------------------ testIssue1734 (large chunks)
T = "basic_parser_test::testIssue1734"
c1 = "x" * (2 * 8192 + 1)
c2 = "x" * ((8192 + 2) + (8192 + 1))
S("issue1734-large-chunks",
  "HTTP/1.1 200 OK\r\nServer: test\r\nTransfer-Encoding: chunked\r\n\r\n" + "%x\r\n%s\r\n" % (len(c1), c1)
  + "%x\r\n%s\r\n" % (len(c2), c2) + "0\r\n\r\n", "ok",
  "chunked response with two chunks of 16385 (0x4001) and 16387 (0x4003) bytes (sizes from Beast's "
  "max_stack_buffer = 8192, written in lower-case hex by std::hex); " + SAME, "bp", T, "ok")

# ------------------------------------------------------------ testChunkedOverflow
T = "basic_parser_test::testChunkedOverflow"
S("chunk-size-2p64", "HTTP/1.1 200 OK\r\nServer: test\r\nTransfer-Encoding: chunked\r\n\r\n10000000000000000\r\ndata...",
  "error", "chunk-size 0x10000000000000000 does not fit u64 (profile); " + SAME + " (bad_chunk)", "bp", T, "error")
S("chunk-size-max-u64-cut",
  "HTTP/1.1 200 OK\r\nServer: test\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nx\r\nFFFFFFFFFFFFFFFF\r\ndata...",
  "error", "a 1-byte chunk, then chunk-size 0xFFFFFFFFFFFFFFFF (fits u64, valid) with only 7 data bytes before "
  "end of stream: error at end of stream; Beast answers body_limit with its default limit, and with no body "
  "limit takes the 27 bytes and waits for more (the test never ends the stream); same verdict", "bp", T, "error")

# ------------------------------------------------------------ testChunkedBodySize
S("chunked-wikipedia",
  "HTTP/1.1 200 OK\r\nServer: test\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nWiki\r\n5\r\npedia\r\nE\r\n in\r\n\r\nchunks.\r\n0\r\n\r\n",
  "ok", "chunked response; the third chunk (E = 14 bytes) holds CRLFs inside its data: body "
  "'Wikipedia in\\r\\n\\r\\nchunks.' (23 bytes); Beast accepts it with body_limit(23) and rejects it with "
  "body_limit(22): with the profile's defaults (no body limit) it is valid", "bp", "basic_parser_test::testChunkedBodySize", "ok")
Q("flatten-post-cl5", "POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\n*****", "error", "", "bp",
  "basic_parser_test::testUnlimitedBody", "ok", hv="ok", hnote="")
S("flatten-200-cl5", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n*****", "ok", "", "bp",
  "basic_parser_test::testIssue2201 (Beast's test sets body_limit(3) and expects body_limit; with the "
  "defaults the response is valid)", "ok")

# ------------------------------------------------------------ parser.cpp
T = "parser_test::testParse"
S("parser-http10-close-hello-world", "HTTP/1.0 200 OK\r\nServer: test\r\n\r\nHello, world!", "ok",
  "HTTP/1.0 response, body 'Hello, world!' " + CLOSE2 + "; " + SAME, "pa", T, "ok")
S("body-chunked-ext-trailers", EXPIRES, "ok", "", "pa", T, "ok")
S("parser-http10-cl5", "HTTP/1.0 200 OK\r\nServer: test\r\nContent-Length: 5\r\n\r\n*****", "ok",
  "HTTP/1.0 response with a 5-byte Content-Length body; " + SAME, "pa", T, "ok")
Q("parser-get-ua", "GET / HTTP/1.1\r\nUser-Agent: test\r\n\r\n", "error", "GET with User-Agent", "pa", T, "ok",
  hv="ok", hnote="GET with User-Agent, no body; " + SAME)
Q("parser-ows-value", "GET / HTTP/1.1\r\nUser-Agent: test\r\nX: \t x \t \r\n\r\n", "error",
  "field 'X: \\t x \\t '", "pa", T, "ok", hv="ok",
  hnote="field 'X: \\t x \\t ': the value is 'x' without its leading and trailing OWS (RFC 9112 5); " + SAME)
Q("cb-get-ua-cl1", "GET / HTTP/1.1\r\nUser-Agent: test\r\nContent-Length: 1\r\n\r\n*", "error", "", "pa",
  T + " (eager)", "ok", hv="ok", hnote="")
PUTCH = ("PUT / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1\r\n*\r\n0;d;e=3;f=\"4\"\r\n"
         "Expires: never\r\nMD5-Fingerprint: -\r\n")
Q("parser-put-chunked-final", PUTCH + "\r\n", "error", "a chunked PUT with a last-chunk extension and two trailers",
  "pa", T + " (partial parsing of final chunk, whole stream)", "ok", hv="ok",
  hnote="a chunked PUT: one 1-byte chunk, a last chunk with extensions, two trailer fields; " + SAME)
Q("parser-put-chunked-final-cut", PUTCH, "error", "the same PUT without the final empty line", "pa",
  T + " (partial parsing of final chunk, before the final CRLF)", "error", hv="error",
  hnote="the trailer section is never ended by its empty line: error at end of stream; Beast answers need_more "
        "at that point (it waits for the final CRLF), which is what end of stream turns into an error")
S("parser-skip-head", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n*****", "error",
  "Beast's test sets skip(true), read here as a response to HEAD: the response has no body whatever its "
  "Content-Length (RFC 9112 6.3 rule 1; RFC 9110 9.3.2), so '*****' is where the next response would start; "
  "it is not a status-line and the stream ends inside it: one message, then an error. Beast's test puts the "
  "bytes once and checks only that the message is done after its head; it never reads '*****' as a new "
  "response", "pa", T + " (skip body)", "ok", methods=("HEAD",),
  differs="Beast stops after the HEAD response's head and leaves '*****' unread; the dump decodes on and finds "
          "no status-line there")
add("parser-skip-head-nobody", "response", b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n", "ok",
    "derived: the skip(true) response without the 5 bytes, answering HEAD: no body (RFC 9112 6.3 rule 1), one "
    "complete message; Beast accepts it with skip(true)", src("pa", T + " (skip body)", "body bytes removed"),
    "ok", methods=("HEAD",), count=False)
Q("parser-get-ua", "GET / HTTP/1.1\r\nUser-Agent: test\r\n\r\n", "error", "", "pa", "parser_test::testNeedMore",
  "ok", hv="ok", hnote="")
Q("gotsome-g", "G", "error", "a stream of one byte 'G': it ends inside the request-line (error at end of stream); "
  "Beast answers need_more, and its test never ends the stream", "pa", "parser_test::testGotSome", "error")
S("issue1187-301-close", "HTTP/1.1 301 Moved Permanently\r\nLocation: https://www.ebay.com\r\n\r\n\r\n", "ok",
  "a 301 with no framing field followed by CRLF: " + CLOSE + "; so the body is the 2 bytes CRLF; Beast's test "
  "checks that the parser waits for end of stream (need_eof); " + SAME, "pa", "parser_test::testIssue1187", "ok")
T = "parser_test::testIssue1880"
S("issue1880-cl-0-twice", "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nContent-Length: 0\r\n\r\n", "either",
  "two identical Content-Length lines: RFC 9110 8.6 lets a recipient accept them as one value or reject "
  "(profile: either); Beast accepts", "pa", T, "ok")
S("issue1880-cl-0-1", "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nContent-Length: 1\r\n\r\n", "error",
  "differing Content-Length values (RFC 9112 6.3 rule 5); " + SAME, "pa", T, "error")
S("issue1880-cl-list-000", "HTTP/1.1 200 OK\r\nContent-Length: 0, 0, 0\r\n\r\n", "either",
  "Content-Length: 0, 0, 0, a list of identical values (RFC 9110 8.6: MAY accept; profile: either); Beast accepts",
  "pa", T, "ok")
S("issue1880-cl-list-001", "HTTP/1.1 200 OK\r\nContent-Length: 0, 0, 1\r\n\r\n", "error",
  "Content-Length: 0, 0, 1, differing values; " + SAME, "pa", T, "error")
S("issue1880-cl-list-000-then-1", "HTTP/1.1 200 OK\r\nContent-Length: 0, 0, 0\r\nContent-Length: 1\r\n\r\n",
  "error", "differing Content-Length values across two lines; " + SAME, "pa", T, "error")

# ------------------------------------------------------------ read.cpp
T = "read_test::testThrow"
Q("read-get-x", "GET / X", "error", "'GET / X' and end of stream: not a request-line (and cut short); Beast "
  "throws; " + SAME, "rd", T, "error")
CHR = ("GET / HTTP/1.1\r\nHost: localhost\r\nUser-Agent: test\r\nTransfer-Encoding: chunked\r\n\r\n"
       "10\r\n****************\r\n0\r\n\r\n")
Q("read-chunked-16", CHR, "ok", "a chunked GET with one 16-byte chunk (0x10); " + SAME, "rd",
  "read_test::testBufferOverflow (1024-byte buffer; with a 10-byte buffer Beast answers buffer_overflow, a "
  "caller buffer limit the corpus has no equivalent for)", "ok")
T = "read_test::testFailures"
Q("read-http10-empty-field", "GET / HTTP/1.0\r\nHost: localhost\r\nUser-Agent: test\r\nEmpty:\r\n\r\n", "ok",
  "HTTP/1.0 GET with an empty field value 'Empty:' (field-value may be empty, RFC 9110 5.5); " + SAME, "rd", T, "ok")
Q("read-get-cl2", "GET / HTTP/1.1\r\nHost: localhost\r\nUser-Agent: test\r\nContent-Length: 2\r\n\r\n**", "ok",
  "GET with a 2-byte Content-Length body; " + SAME, "rd", T, "ok")
Q("read-chunked-16", CHR, "ok", "", "rd", T, "ok")
S("read-http10-close-empty", "HTTP/1.0 200 OK\r\nServer: test\r\n\r\n", "ok",
  "HTTP/1.0 response with no framing field: " + CLOSE + " (empty here); " + SAME, "rd", T, "ok")
S("read-http10-close-3", "HTTP/1.0 200 OK\r\nServer: test\r\n\r\n***", "ok",
  "HTTP/1.0 response, body '***' " + CLOSE2 + "; " + SAME, "rd", T, "ok")
S("read-cl3", "HTTP/1.1 200 OK\r\nServer: test\r\nContent-Length: 3\r\n\r\n***", "ok",
  "200 with a 3-byte Content-Length body; " + SAME, "rd", T, "ok")
S("read-res-chunked-16", "HTTP/1.1 200 OK\r\nServer: test\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n****************\r\n0\r\n\r\n",
  "ok", "chunked response with one 16-byte chunk (0x10); " + SAME, "rd", T, "ok")
Q("read-get-cl0", "GET / HTTP/1.1\r\nHost: localhost\r\nUser-Agent: test\r\nContent-Length: 0\r\n\r\n", "ok",
  "GET with Content-Length: 0; " + SAME, "rd", "read_test::testRead", "ok")
Q("read-empty-stream", "", "ok",
  "an empty stream: it ends between messages, so the dump prints nothing and there is no error (CONFORMANCE.md 1: "
  "a stream that ends between messages prints nothing)", "rd", "read_test::testEof", "error",
  differs="Beast's read() answers end_of_stream when the stream closes before any byte of a message; that is the "
          "read API telling the caller no message came, not a parse error; the dump contract reads a stream "
          "that ends between messages as a clean end")
Q("flatten-get", "GET / HTTP/1.1\r\n\r\n", "error", "", "rd", "read_test::testIoService", "ok", hv="ok", hnote="")
S("body-chunked-abcd", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: application/octet-stream\r\n\r\n4\r\nabcd\r\n0\r\n\r\n",
  "ok", "", "rd", "read_test::testRegression430 / testReadGrind", "ok")
S("body-chunked-ext-trailers", EXPIRES, "ok", "", "rd", "read_test::testReadGrind", "ok")
T = "read_test::testReadSomeHeader"
HDR = "GET /foo HTTP/1.1\r\nConnection: Keep-Alive\r\nContent-Length: 6\r\n\r\n"
Q("read-some-header", HDR + "Hello!", "error", "GET /foo with a 6-byte body", "rd", T, "ok", hv="ok",
  hnote="GET /foo, Connection: Keep-Alive, a 6-byte body 'Hello!'; " + SAME)
Q("read-some-header-cut", HDR[:-1], "error",
  "the head without its last byte (LF), then end of stream: the stream ends inside the head; Beast: partial_message; "
  + SAME, "rd", T, "error")
Q("read-some-header-x3", (HDR + "Hello!") * 3, "error", "three pipelined GET /foo requests with bodies", "rd", T,
  "ok", hv="ok", hnote="three pipelined GET /foo requests, each with a 6-byte body (RFC 9112 9.3.2); " + SAME)

# ------------------------------------------------------------ skipped
skip("basic_parser_test::testIssue1211 / testIssue1267: unit tests of the internal parse_dec / parse_hex "
     "functions on bare strings (no message)", 19 + 9)
skip("basic_parser_test::testFuzz: random mutations of the chunk-extension messages (no fixed bytes; the "
     "fixed messages are converted)", 1)
skip("rfc7230.cpp: tests of the list helpers (param_list, ext_list, token_list, opt_token_list) on bare "
     "strings, not whole header values of a message", 4)
skip("parser_test::testIssue818 (message object reuse) and read_test::testAsioHandlerInvoke / testCancellation / "
     "testAwaitableCompiles (API behaviour, no message bytes)", 5)
skip("read_test::testRead fail_count loops (fault injection on the same message, converted once)", 0)


def main():
    with open(OUT, "w") as f:
        json.dump(CASES, f, ensure_ascii=True, indent=1)
        f.write("\n")
    counts = {"ok": 0, "error": 0, "either": 0}
    for c in CASES:
        counts[c["expect"]] += 1
    nreq = sum(1 for c in CASES if c["mode"] == "request")
    nres = len(CASES) - nreq
    nhost = sum(1 for c in CASES if c["id"].endswith("-host"))
    nder = sum(1 for c in CASES if "(variant:" in c["source"] and not c["id"].endswith("-host"))
    lines = []
    lines.append("## Boost.Beast (HTTP/1 parser tests)")
    lines.append("")
    lines.append("### Origin and licence")
    lines.append("")
    lines.append("These cases come from the tests of the HTTP/1 parser of **Boost.Beast** "
                 "(https://github.com/boostorg/beast), released under the Boost Software License 1.0. "
                 "Only the test messages are taken (the bytes handed to Beast's parser), with the file, "
                 "commit and test function in each case's `source`. No Beast code or prose is copied.")
    lines.append("")
    lines.append("| file | commit |")
    lines.append("| --- | --- |")
    for k, (p, c) in FILES.items():
        lines.append("| `%s` | `%s` |" % (p, c))
    lines.append("")
    lines.append("`test_parser.hpp` (commit f995fd41a3c8) was read to understand the helpers; `rfc7230.cpp` "
                 "(be82630fe8b9) was read and skipped (see below).")
    lines.append("")
    lines.append("### How the tests map to cases")
    lines.append("")
    lines.append("- `parsegrind` / `doMatrix` (Beast must accept) and `failgrind` (Beast must fail with a "
                 "given error) become one case each; `test_parser<true>` is `request`, "
                 "`test_parser<false>` is `response`. Beast's `put_eof` is the dump's end of stream.")
    lines.append("- `skip(true)` on a response is read as a response to HEAD (`methods`). On requests "
                 "(testContentLengthField) the case is kept as written and a `-body` variant adds the body.")
    lines.append("- Body/header limits and `eager` are left at the profile's defaults; a limit test becomes "
                 "the plain message, and the note names the limit Beast's test set.")
    lines.append("- The same bytes in several tests are one case whose `source` lists every test.")
    lines.append("- Beast's parser does not require Host, so most of its HTTP/1.1 requests are rejected "
                 "by the profile first for a missing Host; each such case has a `-host` variant with "
                 "`Host: example.com` after the request-line.")
    lines.append("- `-res` variants send testObsFold's field values in a response, where the profile "
                 "accepts obs-fold and reads each fold as one SP (the request originals are errors).")
    lines.append("")
    lines.append("### Counts")
    lines.append("")
    lines.append("- peer test calls converted: **%d** (the same bytes in several tests counted once per test call)"
                 % CONVERTED[0])
    lines.append("- cases: **%d** (%d request, %d response): ok %d, error %d, either %d"
                 % (len(CASES), nreq, nres, counts["ok"], counts["error"], counts["either"]))
    lines.append("  - of which derived: %d `-host` variants, %d other variants (`-res`, `-body`, `te-cl-response-complete`, `parser-skip-head-nobody`)"
                 % (nhost, nder))
    lines.append("- skipped:")
    for reason, n in SKIPPED.items():
        if n:
            lines.append("  - %d: %s" % (n, reason))
    lines.append("")
    lines.append("### Cases whose expectation differs from Beast's answer")
    lines.append("")
    groups = {}
    for cid, why in DIFFERS:
        if why.startswith("Beast accepts it, the profile") or why.startswith("Beast rejects it, the profile"):
            why = why.split(" (why")[0] + ": " + IDS[cid]["note"].split("matter; ", 1)[1].split(". derived")[0]
        groups.setdefault(why, []).append(cid)
    lines.append("%d cases; cases with the same reason are grouped. Each case's `note` starts with "
                 "\"differs from Beast\"." % len(DIFFERS))
    lines.append("")
    for why, ids in groups.items():
        if len(ids) == 1:
            lines.append("- `%s`: %s" % (ids[0], why))
        else:
            lines.append("- %s (%d cases): %s" % (why, len(ids), ", ".join("`%s`" % i for i in ids)))
    lines.append("")
    lines.append("### Readings to check")
    lines.append("")
    lines.append("- `beast-conn-bad-*-host`: a Connection value that is not a token list (`[`, `close[`, ...) "
                 "is accepted: the profile checks field-value bytes and framing fields only; Beast rejects it.")
    lines.append("- `beast-sl-status-000`, `beast-sl-status-012`: `either`, following h1wire's own "
                 "strict_profile case for status 099; 345/678/999 are `ok` as status 600 there.")
    lines.append("- `beast-cl-bad-0-comma`: `Content-Length: 0,` is an error (not a list of identical "
                 "values), as in the smuggling, jetty and netty conversions.")
    lines.append("- `beast-te-cl-response-complete`: TE + CL in a response is `either`, following "
                 "h1wire-profile-res-te-cl-resp, although the profile text says TE overrides CL.")
    lines.append("- `beast-parser-skip-head`: Beast's `skip(true)` read as answering HEAD, so the 5 body "
                 "bytes become a bad next response.")
    lines.append("")
    with open(MD, "w") as f:
        f.write("\n".join(lines))
    print("%d cases (%d request, %d response); ok %d error %d either %d; %d differ from Beast; converted %d"
          % (len(CASES), nreq, nres, counts["ok"], counts["error"], counts["either"], len(DIFFERS), CONVERTED[0]))


if __name__ == "__main__":
    main()
