#!/usr/bin/env python3
"""Build tests/corpus/elixir.json: h1wire corpus cases from two Elixir HTTP/1.1 stacks.

- Bandit (https://github.com/mtrudel/bandit, MIT licence), an HTTP server: its
  HTTP/1 tests send raw requests over a socket (Transport.send / the test helper
  SimpleHTTP1Client.send, which writes "VERB TARGET HTTP/VERSION\\r\\n", each
  header + "\\r\\n", then "\\r\\n").  Server role: "mode": "request".
- Mint (https://github.com/elixir-mint/mint, Apache-2.0), an HTTP client: its
  HTTP/1 tests hand raw responses to the client (client role: "mode": "response")
  and assert the request bytes its encoder writes (server role).

Only the byte streams of those tests are taken; each case's expectation is
decided by the strict profile of CONFORMANCE.md section 3 and RFC 9112 / 9110,
not by the peer's answer nor by h1wire's.  Where the peer answers differently
the note starts with "differs from Bandit" / "differs from Mint".

Run: python3 tests/corpus/make/elixir.py   (writes elixir.json beside this script)
"""

import json
import os

from common import b2s

FILES = {
    "bp": ("mtrudel/bandit", "test/bandit/http1/protocol_test.exs", "02a7305e699166169e44fadc8063c5d4ca310cde"),
    "br": ("mtrudel/bandit", "test/bandit/http1/request_test.exs", "01c3050be8e3b723741926b9e71a163d0e3b6fc4"),
    "bc": ("mtrudel/bandit", "test/bandit/http1/conn_pipeline_test.exs", "2421b0474961f1817db09e844952571ba5d8e1a4"),
    "mc": ("elixir-mint/mint", "test/mint/http1/conn_test.exs", "015c79ba5d3b8c0777f40a739c7aff199fc85fde"),
    "mr": ("elixir-mint/mint", "test/mint/http1/response_test.exs", "3edf068dd9cb574f059b93e485ad0524a51e791d"),
    "mp": ("elixir-mint/mint", "test/mint/http1/parse_test.exs", "00524bb8c952190f7e2ef2f53fd449af278078ab"),
    "mq": ("elixir-mint/mint", "test/mint/http1/request_test.exs", "3ee9965e8d73a5c80eb2a43ad29c55d16a73c10f"),
}

CASES = []
BY_KEY = {}
IDS = set()
DIFFERS = []   # (id, one line)
SKIPS = {}     # (peer, reason) -> [test names]
MERGED = []
UNSURE = []    # (id, why)


def src(f, test, detail=None, derived=None):
    repo, path, commit = FILES[f]
    s = "%s %s (commit %s): %s" % (repo, path, commit[:12], test)
    if detail:
        s += ", " + detail
    if derived:
        s += " (variant: %s)" % derived
    return s


def skip(peer, reason, *tests):
    SKIPS.setdefault((peer, reason), []).extend(tests)


def parse_head(head, mode):
    """Start line and header list of a head I have decided is valid (CRLF lines).
    In responses an obs-fold line is joined to the previous value with one SP."""
    lines = head.split(b"\r\n")
    start = lines[0]
    if mode == "request":
        m, t, v = start.split(b" ")
        st = [b2s(m), b2s(t), b2s(v)]
    else:
        v, rest = start.split(b" ", 1)
        code, reason = rest.split(b" ", 1)
        st = [b2s(v), b2s(code), b2s(reason)]
    headers = []
    for ln in lines[1:]:
        if ln == b"":
            break
        if ln[:1] in (b" ", b"\t"):
            assert mode == "response"
            n, val = headers[-1]
            headers[-1] = (n, (val.rstrip(b" \t") + b" " + ln.strip(b" \t")).strip(b" \t"))
            continue
        n, val = ln.split(b":", 1)
        headers.append((n, val.strip(b" \t")))
    return st, headers


def M(data, mode="request", framing=None, body=None, trailers=(), length=None, headers=None):
    """One complete message whose head starts data (data may hold more after the head)."""
    i = data.index(b"\r\n\r\n")
    head, rest = data[: i + 2], data[i + 4:]
    st, hs = parse_head(head, mode)
    if headers is not None:
        hs = headers
    if framing is None and mode == "response" and (st[1][0] == "1" or st[1] in ("204", "304")):
        framing = "upgrade" if st[1] == "101" else "none"  # RFC 9112 6.3 rule 1 (profile framing 1)
    if framing is None:
        framing = "none" if mode == "request" else "close"
        for n, v in hs:
            if n.lower() == b"content-length":
                framing = "length"
                if length is None:
                    length = int(v.split(b",")[0].strip())
        for n, v in hs:
            if n.lower() == b"transfer-encoding":
                framing = "chunked"
                length = None
    if body is None:
        if framing == "length":
            body = rest[:length]
        elif framing == "close":
            body = rest
        else:
            body = b""
    out = {
        "start": st,
        "headers": [[b2s(n), b2s(v)] for n, v in hs],
        "framing": framing,
        "body": b2s(body),
        "trailers": [[b2s(n), b2s(v)] for n, v in trailers],
        "complete": True,
    }
    if framing == "length":
        out["length"] = length
    return out


def R(data, **kw):
    kw["mode"] = "response"
    return M(data, **kw)


def add(cid, data, expect, messages, note, source, mode="request", methods=(), differs=None, unsure=None):
    assert expect in ("ok", "error", "either"), cid
    key = (mode, tuple(methods), data)
    if key in BY_KEY:
        c = BY_KEY[key]
        assert c["expect"] == expect, (cid, c["id"])
        c["source"] += "; the same bytes also in " + source
        MERGED.append((c["id"], source))
        return c
    assert cid not in IDS, cid
    IDS.add(cid)
    if differs:
        note = "differs from %s; %s" % (differs, note)
        DIFFERS.append((cid, differs))
    if unsure:
        UNSURE.append((cid, unsure))
    c = {
        "id": cid,
        "mode": mode,
        "methods": list(methods),
        "input": b2s(data),
        "expect": expect,
        "messages": messages,
        "note": note,
        "source": source,
    }
    CASES.append(c)
    BY_KEY[key] = c
    return c


NOHOST = ("an HTTP/1.1 request without a Host field is an error (RFC 9112 3.2: a server MUST respond 400 "
          "to an HTTP/1.1 request that lacks Host; profile Host rule)")
HOSTVAR = ("derived: a Host field was inserted after the request-line because the original is rejected "
           "first for its missing Host, so that this case tests what the original test was written for")
EOS = "the stream ends inside a message: an error at end of stream (the dump signals end of stream after the input)"

# ===========================================================================
# Bandit
# ===========================================================================


def send(verb, target, headers=(), version=b"1.1"):
    """The bytes SimpleHTTP1Client.send/5 writes (test/support/simple_http1_client.ex)."""
    out = b"%s %s HTTP/%s\r\n" % (verb, target, version)
    for h in headers:
        out += h + b"\r\n"
    return out + b"\r\n"


def BP(t, d=None, derived=None):
    return src("bp", t, d, derived)


def BR(t, d=None, derived=None):
    return src("br", t, d, derived)


def BC(t, d=None, derived=None):
    return src("bc", t, d, derived)


def ba(slug, data, expect, msgs, note, source, **kw):
    return add("elixir-bandit-" + slug, data, expect, msgs, note, source, **kw)


# --- malformed header line ---------------------------------------------------
d = b"GET / HTTP/1.1\r\nGARBAGE\r\n\r\n"
ba("garbage-header-line", d, "error", [],
   "a field line without a colon is not a field-line (RFC 9112 5; profile: field-line = field-name \":\" ...); "
   "the request has no Host either; Bandit answers 400", BP("returns a 400 if the request cannot be parsed"))
for t in ["errors are short logged by default", "errors are verbosely logged if so configured",
          "errors are not logged if so configured", "returns a 400 if the request cannot be parsed",
          "it should send `stop` events for malformed requests"]:
    ba("garbage-header-line", d, "error", [], "", BR(t))
d = b"GET / HTTP/1.0\r\nGARBAGE\r\n\r\n"
ba("garbage-header-line-1-0", d, "error", [],
   "HTTP/1.0 request with a field line that has no colon: error (RFC 9112 5); Bandit answers 400",
   BC("returns a 400 if the request cannot be parsed"))

# --- request-line ---------------------------------------------------------------
d = send(b"GET", b"/echo_components", [b"host: localhost"], b"0.9")
ba("version-0-9", d, "error", [],
   "HTTP-version HTTP/0.9 in a request-line: the profile accepts only HTTP/1.0 and HTTP/1.1; Bandit answers 400",
   BP("returns a 400 if the request has an invalid http version"))
ba("version-0-9", d, "error", [], "", BR("returns a 400 if the request has an invalid http version"))

d = b"GET / http/1.1\r\nhost: localhost\r\n\r\n"
ba("version-lowercase", d, "error", [],
   "HTTP-name is case-sensitive \"HTTP\" (RFC 9112 2.3); Bandit answers 400", BP("rejects a lowercase HTTP-version token"))

for verb in [b"PUT", b"DELETE", b"PATCH", b"TRACE"]:
    d = send(verb, b"/echo_method", [b"host: localhost"])
    ba("method-" + verb.decode().lower(), d, "ok", [M(d)],
       "a %s request with no body (no Content-Length, no Transfer-Encoding: length 0, RFC 9112 6.3 rule 7)" % verb.decode(),
       BP("accepts %s requests" % verb.decode()))
d = send(b"get", b"/echo_method", [b"host: localhost"])
ba("method-lowercase", d, "ok", [M(d)],
   "method is a case-sensitive token (RFC 9110 9.1): \"get\" is a valid token, kept as written",
   BP("does not normalize the case of a lowercase method"))

d = send(b"GET", b"a" * (5000 - 14))
ba("request-line-5000", d, "error", [],
   "a 5000-byte request-line whose target 'aaa...' has no leading slash: not origin-form nor any other form "
   "(RFC 9112 3.2) and no Host; with the profile's default 16 KiB line limit the length itself is fine "
   "(Bandit's test sets max_request_line_length 5000 and expects 414)",
   BP("returns 414 for request lines that are too long"))
ba("request-line-5000", d, "error", [], "", BR("returns 414 for request lines that are too long"))

# --- origin-form ----------------------------------------------------------------
ORIGIN_OK = [
    ("origin-host", b"/echo_components", [b"host: banana"],
     ["derives scheme from underlying transport", "derives host from host header",
      "derives port from schema default if no port specified in host header",
      "sets path and query string properly when no query string is present"]),
    ("origin-host-port", b"/echo_components", [b"host: banana:1234"], ["derives port from host header"]),
    ("origin-host-ipv6", b"/echo_components", [b"host: [FEDC:BA98:7654:3210:FEDC:BA98:7654:3210]"],
     ["derives host from host header with ipv6 host"]),
    ("origin-host-ipv6-port", b"/echo_components", [b"host: [::1]:1234"], ["derives host and port from host header with ipv6 host"]),
    ("origin-query", b"/echo_components?a=b", [b"host: banana"], ["sets path and query string properly when query string is present"]),
    ("origin-query-question-marks", b"/echo_components?a=b?c=d", [b"host: banana"],
     ["handles query strings with question mark characters in them"]),
]
for slug, tgt, hs, tests in ORIGIN_OK:
    d = send(b"GET", tgt, hs)
    ba(slug, d, "ok", [M(d)], "origin-form target (RFC 9112 3.2.1) with a valid Host (uri-host [\":\" port], RFC 9110 7.2)",
       BP(tests[0]))
    for t in tests[1:]:
        ba(slug, d, "ok", [], "", BP(t))
    for t in tests:
        ba(slug, d, "ok", [], "", BR(t))

for slug, tgt, t in [("origin-fragment", b"/echo_components#nope", "ignores fragment when no query string is present"),
                     ("origin-query-fragment", b"/echo_components?a=b#nope", "ignores fragment when query string is present")]:
    d = send(b"GET", tgt, [b"host: banana"])
    ba(slug, d, "either", [M(d)],
       "a '#fragment' in an origin-form target: '#' is not allowed there (RFC 9112 3.2.1 origin-form = "
       "absolute-path [ \"?\" query ]; RFC 9110 4.2.4: fragments are not sent), but it is a visible byte, so a "
       "recipient may reject the request-line (RFC 9112 3.2: invalid request-target SHOULD be answered 400) or "
       "accept it; the profile's own sweep has 'GET /a#b' as either. Bandit accepts and drops the fragment",
       BP(t))
    ba(slug, d, "either", [], "", BR(t))

d = send(b"GET", b"/echo_components")
ba("origin-no-host", d, "error", [], NOHOST + "; Bandit answers 400 as well", BP("returns 400 if no host header set in HTTP/1.1"))
ba("origin-no-host", d, "error", [], "", BR("returns 400 if no host header set in HTTP/1.1"))

d = send(b"GET", b"/echo_components", [], b"1.0")
ba("origin-1-0-no-host", d, "ok", [M(d)], "an HTTP/1.0 request needs no Host (RFC 9112 3.2 applies to HTTP/1.1)",
   BP("sets a blank host if no host header set in HTTP/1.0"))
for t in ["derives port from schema default if no host header set in HTTP/1.0"]:
    ba("origin-1-0-no-host", d, "ok", [], "", BP(t))
for t in ["sets a blank host if no host header set in HTTP/1.0", "derives port from schema default if no host header set in HTTP/1.0"]:
    ba("origin-1-0-no-host", d, "ok", [], "", BR(t))

d = send(b"GET", b"/echo_components", [b"host: banana:-1234"])
ba("origin-host-negative-port", d, "error", [],
   "Host 'banana:-1234': port = *DIGIT (RFC 3986 3.2.3), '-' is not allowed, so the value is not uri-host [\":\" port] "
   "(profile Host rule); Bandit answers 400", BP("returns 400 if port cannot be parsed from host header"))
ba("origin-host-negative-port", d, "error", [], "", BR("returns 400 if port cannot be parsed from host header"))

for slug, tgt, t in [("target-dot-relative", b"./../non_absolute_path", "returns 400 if a non-absolute path is send"),
                     ("target-no-leading-slash", b"path_without_leading_slash", "returns 400 if path has no leading slash")]:
    d = send(b"GET", tgt, [b"host: localhost"])
    ba(slug, d, "error", [],
       "the target fits none of the request-target forms (RFC 9112 3.2: origin-form starts with '/', absolute-form "
       "with 'scheme:', authority-form only for CONNECT); profile: a form mismatch is an error; Bandit answers 400", BP(t))
    ba(slug, d, "error", [], "", BR(t))

# --- absolute-form -------------------------------------------------------------
for slug, tgt, tests_p, tests_r in [
    ("absolute-https-no-host", b"https://banana/echo_components",
     ["uses transport scheme even if it does not match request-line scheme"],
     ["uses request-line scheme even if it does not match the transport"]),
    ("absolute-http-no-host", b"http://banana/echo_components",
     ["does not require a host header set in HTTP/1.1 (RFC9112\u00a73.2.2)"],
     ["does not require a host header set in HTTP/1.1 (RFC9112\u00a73.2.2)"]),
]:
    d = send(b"GET", tgt)
    ba(slug, d, "error", [],
       NOHOST + ", with an absolute-form target too (RFC 9112 3.2: 'A client MUST send a Host header field in all "
       "HTTP/1.1 request messages'; the server MUST answer 400 when it is missing; 3.2.2 only says which of the two "
       "wins when both are present); -host variant below",
       BP(tests_p[0]), differs="Bandit (accepts and takes the host from the target)")
    for t in tests_r:
        ba(slug, d, "error", [], "", BR(t))
    dv = send(b"GET", tgt, [b"Host: banana"])
    ba(slug + "-host", dv, "ok", [M(dv)],
       "absolute-form target with a matching Host field (RFC 9112 3.2.2) (" + HOSTVAR + ")",
       BP(tests_p[0], derived="Host field added"))

ABS = [
    ("absolute-host-differs", b"http://banana/echo_components", [b"host: orange"],
     ["derives host from the URI, even if it differs from host header"],
     "absolute-form target whose authority differs from Host: the server MUST ignore Host and use the target "
     "(RFC 9112 3.2.2); nothing makes the message invalid"),
    ("absolute-ipv6-host-differs", b"http://[FEDC:BA98:7654:3210:FEDC:BA98:7654:3210]/echo_components", [b"host: orange"],
     ["derives ipv6 host from the URI, even if it differs from host header"],
     "absolute-form target with an IPv6 literal authority (RFC 3986 3.2.2) and a different Host: valid (RFC 9112 3.2.2); "
     "the test is tagged :skip in Bandit (an OTP decode_packet bug), its bytes are converted all the same"),
    ("absolute-port-differs", b"http://banana:1234/echo_components", [b"host: banana:2345"],
     ["derives port from the URI, even if it differs from host header"],
     "absolute-form target with a port that differs from the Host port: valid, the target wins (RFC 9112 3.2.2)"),
    ("absolute-host", b"http://banana/echo_components", [b"host: banana"],
     ["derives port from schema default if no port specified in the URI",
      "sets path and query string properly when no query string is present"],
     "absolute-form target with a matching Host (RFC 9112 3.2.2)"),
    ("absolute-query", b"http://banana/echo_components?a=b", [b"host: banana"],
     ["sets path and query string properly when query string is present"],
     "absolute-form target with a query (RFC 9112 3.2.2)"),
    ("absolute-query-question-marks", b"http://banana/echo_components?a=b?c=d", [b"host: banana"],
     ["handles query strings with question mark characters in them"],
     "absolute-form target whose query holds '?' (allowed in query, RFC 3986 3.4)"),
]
for slug, tgt, hs, tests, note in ABS:
    d = send(b"GET", tgt, hs)
    ba(slug, d, "ok", [M(d)], note, BP(tests[0]))
    for t in tests[1:]:
        ba(slug, d, "ok", [], "", BP(t))
    for t in tests:
        ba(slug, d, "ok", [], "", BR(t))

for slug, tgt, t in [("absolute-fragment", b"http://banana/echo_components#nope", "ignores fragment when no query string is present"),
                     ("absolute-query-fragment", b"http://banana/echo_components?a=b#nope", "ignores fragment when query string is present")]:
    d = send(b"GET", tgt, [b"host: banana"])
    ba(slug, d, "error", [],
       "absolute-form target with a '#fragment': absolute-form = absolute-URI (RFC 9112 3.2.2), and absolute-URI "
       "has no fragment (RFC 3986 4.3); the profile's own sweep rejects a fragment in absolute-form (two parsers that "
       "cut the authority/path at '#' differently route differently), unlike origin-form where it is either",
       BP(t, "(absolute-form describe block)"), differs="Bandit (accepts and drops the fragment)")
    ba(slug, d, "error", [], "", BR(t, "(absolute-form describe block)"))

# --- authority-form / asterisk-form ----------------------------------------------
d = send(b"CONNECT", b"www.example.com:80", [b"host: localhost"])
ba("connect-authority", d, "ok", [M(d, framing="upgrade")],
   "CONNECT with an authority-form target host:port (RFC 9112 3.2.3): framing upgrade after the head (profile "
   "framing rule 1); the Host value differs from the target, which the profile does not forbid. The newer test "
   "(protocol_test) has Bandit answer 200; the older one (request_test) had it answer 400 'schemeURI is not supported'",
   BP("accepts authority-form requests when verb is CONNECT"))
ba("connect-authority", d, "ok", [], "", BR("returns 400 for authority-form / CONNECT requests"))
DIFFERS.append(("elixir-bandit-connect-authority", "Bandit in request_test.exs (older version answers 400)"))

d = send(b"GET", b"www.example.com:80", [b"host: localhost"])
ba("get-authority", d, "error", [],
   "authority-form target with GET: only CONNECT takes authority-form (RFC 9112 3.2.3; profile: form must fit the "
   "method); Bandit answers 400", BP("returns 400 for authority request with a non CONNECT verb"))

d = send(b"OPTIONS", b"*", [b"host: localhost:1234"])
ba("options-asterisk", d, "ok", [M(d)], "OPTIONS with asterisk-form (RFC 9112 3.2.4)",
   BP("accepts asterisk-form requests when verb is OPTIONS"))
ba("options-asterisk", d, "ok", [], "", BR("parse global OPTIONS path correctly"))

d = send(b"GET", b"*", [b"host: localhost:1234"])
ba("get-asterisk", d, "either", [M(d)],
   "asterisk-form with a method other than OPTIONS: the profile names this 'either' (RFC 9112 3.2.4 defines '*' "
   "for OPTIONS only); Bandit answers 400, which the profile allows",
   BP("returns 400 for asterisk request with a non OPTIONS verb"))

# --- Host validation -----------------------------------------------------------
d = send(b"GET", b"/echo_components", [b"host: banana", b"host: orange"])
ba("two-hosts-distinct", d, "error", [],
   "two Host field lines: an error (RFC 9112 3.2: more than one Host field line MUST be answered 400; profile Host rule)",
   BP("returns 400 for a request with multiple distinct host headers"))
d = send(b"GET", b"/echo_components", [b"host: banana", b"host: banana"])
ba("two-hosts-identical", d, "error", [],
   "two identical Host field lines are still more than one Host field line: error (RFC 9112 3.2; profile Host rule)",
   BP("returns 400 for a request with multiple host headers, even if identical"))

# --- field syntax --------------------------------------------------------------
for slug, d, t, note in [
    ("value-bare-cr", b"GET /echo_components HTTP/1.1\r\nhost: localhost\r\nx-foo: a\rb\r\n\r\n",
     "rejects a header value containing a bare CR (RFC9110\u00a75.5)",
     "a bare CR inside a field value (RFC 9110 5.5: CR is not allowed in field-value; profile: a CR not followed by LF "
     "is an error); Bandit answers 400"),
    ("value-nul", b"GET /echo_components HTTP/1.1\r\nhost: localhost\r\nx-foo: a\x00b\r\n\r\n",
     "rejects a header value containing a NUL byte (RFC9110\u00a75.5)",
     "NUL inside a field value (RFC 9110 5.5: MUST reject or replace; profile: never NUL); Bandit answers 400"),
    ("space-before-colon", b"GET /echo_components HTTP/1.1\r\nhost: localhost\r\nx-foo : bar\r\n\r\n",
     "rejects whitespace between a field name and its colon (RFC9112\u00a75.1)",
     "whitespace between field-name and colon: MUST be rejected with 400 (RFC 9112 5.1); Bandit answers 400"),
]:
    ba(slug, d, "error", [], note, BP(t))
d = b"GET /echo_components HTTP/1.1\r\nhost: localhost\r\nx-foo: bar\r\n baz\r\n\r\n"
ba("obs-fold", d, "error", [],
   "obs-fold in a request: the profile rejects it (RFC 9112 5.2 lets a server reject with 400 or replace the fold "
   "with SP; the strict profile takes the rejection). Bandit's test accepts either 200 or 400",
   BP("does not silently accept obsolete line folding in a header value (RFC9112\u00a75.2)"))

# --- limits (configured in Bandit's test; the dump uses the profile's defaults) ---
d = send(b"GET", b"/echo_components", [b"host: localhost", b"foo: " + b"a" * (5000 - 6)])
ba("field-line-4999", d, "ok", [M(d)],
   "a 4999-byte field line: within the profile's default 16 KiB line limit (limits are configurable; Bandit's test "
   "configures max_header_length 5000 and expects 431)",
   BP("returns 431 for header lines that are too long"))
ba("field-line-4999", d, "ok", [], "", BR("returns 431 for header lines that are too long"))
d = send(b"GET", b"/echo_components", [b"header%d: foo" % i for i in range(1, 41)] + [b"host: localhost"])
ba("41-field-lines", d, "ok", [M(d)],
   "41 field lines, within the profile's default of 100 (Bandit's test configures max_header_count 40 and expects 431)",
   BP("returns 431 for too many header lines"))
ba("41-field-lines", d, "ok", [], "", BR("returns 431 for too many header lines"))

# --- request headers read by the application (requests built by Req / Finch) -----
RECON = ("request built by the HTTP client (Req/Finch over Mint), not written out in the test: reconstructed as "
         "request-line + the headers the test names/asserts, port written as 51000 and Mint's user-agent as "
         "mint/1.7.1 (runtime values)")
d = (b"GET /expect_headers/a//b/c?abc=def HTTP/1.1\r\nhost: localhost:51000\r\nuser-agent: mint/1.7.1\r\n"
     b"x-fruit: banana\r\nx-fruit: mango\r\n\r\n")
ba("repeated-field", d, "ok", [M(d)],
   "a field name repeated on two lines (x-fruit): both lines kept in order (RFC 9110 5.2); an empty path segment "
   "('//') is valid. " + RECON + " (the test asserts this exact header list)", BP("reads headers properly"))
d = b"GET /expect_headers/a//b/c?abc=def HTTP/1.1\r\nhost: localhost:51000\r\nuser-agent: mint/1.7.1\r\nx-fruit: banana\r\n\r\n"
ba("x-fruit", d, "ok", [M(d)], "plain GET with an extra field. " + RECON, BR("reads headers properly"))
d = b"GET /expect_headers/a//b/c?abc=def HTTP/1.1\r\nhost: localhost:51000\r\nX-Fruit: banana\r\nconnection: close\r\n\r\n"
ba("finch-connection-close", d, "ok", [M(d)],
   "a request with Connection: close and nothing after it. " + RECON, BC("creates a conn with correct headers and requested metadata"))

# --- Content-Length ------------------------------------------------------------
SCALE = ("; the test's body sizes are scaled down 1000 times (8,000,000 -> 8,000 bytes) so that the runner's "
         "1-byte split runs stay small; the framing is the same")
BIG = 8_000
body = b"0123456789" * 800
d = b"POST /expect_body HTTP/1.1\r\nhost: localhost:51000\r\ncontent-length: 8000\r\n\r\n" + body
ba("cl-8000", d, "ok", [M(d)], "an 8,000-byte Content-Length body. " + RECON + SCALE, BP("reads a content-length encoded body properly"))
ba("cl-8000", d, "ok", [], "", BR("reads a content-length encoded body properly"))

body = b"a" * BIG
d = b"POST /expect_body_with_multiple_content_length HTTP/1.1\r\nhost: localhost:51000\r\ncontent-length: 8000,8000,8000\r\n\r\n" + body
ba("cl-list-identical", d, "either", [M(d, length=BIG)],
   "Content-Length '8000,8000,8000' (the test's '8000000,8000000,8000000'): a list of identical values, which RFC 9110 8.6 lets a recipient "
   "accept as one value or reject; the profile names it either (Bandit accepts). " + RECON + SCALE,
   BP("reads a content-length with multiple content-lengths encoded body properly"))
ba("cl-list-identical", d, "either", [], "", BR("reads a content-length with multiple content-lengths encoded body properly"))

body = b"a" * 8000
d = (b"POST /expect_body_with_multiple_content_length HTTP/1.1\r\nhost: localhost:51000\r\ncontent-length: 8000\r\n"
     b"content-length: 8000\r\n\r\n" + body)
ba("cl-two-lines-identical", d, "either", [M(d, length=8000)],
   "two Content-Length lines with the same value: the profile names this either (several identical values); "
   "Bandit rejects with 400, which the profile allows. " + RECON,
   BP("rejects a request with multiple separate content length headers, even if identical"))
d = b"POST /expect_body_with_multiple_content_length HTTP/1.1\r\nhost: localhost:51000\r\ncontent-length: 8000,8001,8000\r\n\r\n" + body
ba("cl-list-differing", d, "error", [],
   "Content-Length list with differing values: error (RFC 9112 6.3 rule 5; profile). Bandit answers 400. " + RECON,
   BP("rejects a request with non-matching multiple content lengths"))
ba("cl-list-differing", d, "error", [], "", BR("rejects a request with non-matching multiple content lengths"))
d = b"POST /negative_content_length HTTP/1.1\r\nhost: localhost:51000\r\ncontent-length: -321\r\n\r\n" + b"a" * 1000
ba("cl-negative", d, "error", [],
   "Content-Length '-321': not 1*DIGIT (RFC 9110 8.6; profile: no sign). Bandit answers 400. " + RECON,
   BP("rejects a request with negative content-length"))
ba("cl-negative", d, "error", [], "", BR("rejects a request with negative content-length"))
d = b"POST /expect_body_with_multiple_content_length HTTP/1.1\r\nhost: localhost:51000\r\ncontent-length: foo\r\n\r\n" + body
ba("cl-not-a-number", d, "error", [],
   "Content-Length 'foo': not 1*DIGIT (RFC 9112 6.3 rule 5). Bandit answers 400. " + RECON,
   BP("rejects a request with non-integer content length"))
ba("cl-not-a-number", d, "error", [], "", BR("rejects a request with non-integer content length"))

d = send(b"POST", b"/echo_method", [b"host: localhost", b"content-length: 3", b"transfer-encoding: chunked"])
ba("cl-and-te", d, "error", [],
   "Content-Length and Transfer-Encoding in one request: error (RFC 9112 6.1/6.3 rule 3: ought to be handled as an "
   "error; profile: error in a request); Bandit answers 400",
   BP("rejects a request containing both content-length and transfer-encoding"))

for slug, d, tp, extra in [
    ("cl-5-in-buffer", b"POST /in_buffer_read HTTP/1.1\r\nhost: localhost\r\ncontent-length: 5\r\n\r\nABCDE",
     "handles the case where we ask for less than is already in the buffer", ""),
    ("cl-5-two-sends", b"POST /beyond_buffer_read HTTP/1.1\r\nhost: localhost\r\ncontent-length: 5\r\n\r\nAB" + b"CDE",
     "handles the case where we ask for more than is already in the buffer", " (the body comes in two sends, 'AB' then 'CDE')"),
    ("cl-5-after-head", b"POST /read_one_byte_at_a_time HTTP/1.1\r\nhost: localhost\r\ncontent-length: 5\r\n\r\n" + b"ABCDE",
     "handles the case where we read from the network in smaller chunks than we return", " (head and body in two sends)"),
]:
    ba(slug, d, "ok", [M(d)], "Content-Length 5 body ABCDE" + extra, BP(tp))
    ba(slug, d, "ok", [], "", BR(tp))

d = b"POST /short_body HTTP/1.1\r\nhost: localhost\r\ncontent-length: 5\r\n\r\nABC"
ba("cl-5-short-body", d, "error", [],
   "Content-Length 5 but only 3 bytes before the stream ends: " + EOS + " (Bandit answers 408 after a read timeout)",
   BP("handles the case where the declared content length is longer than what is sent"))
ba("cl-5-short-body", d, "error", [], "", BR("handles the case where the declared content length is longer than what is sent"))

d = b"POST /long_body HTTP/1.1\r\nhost: localhost\r\ncontent-length: 3\r\n\r\nABCDE"
ba("cl-3-long-body", d, "error", [M(d)],
   "Content-Length 3 with 5 bytes sent: the request ends after 'ABC' (RFC 9112 6.3 rule 6) and 'DE' starts the next "
   "request, which the end of stream leaves incomplete: one complete message, then an error. Bandit answers 400 "
   "'Excess body read' for the whole, the same verdict for the stream",
   BR("handles the case where the declared content length is less than what is sent"))

for slug, path, t in [("cl-1000-disconnect", b"/short_body", "reports TransportError when client disconnects during body read"),
                      ("cl-1000-disconnect-drain", b"/send_ok", "reports TransportError when client disconnects during ensure_completed body drain")]:
    d = b"POST " + path + b" HTTP/1.1\r\nhost: localhost\r\ncontent-length: 1000\r\n\r\nABC"
    ba(slug, d, "error", [], "Content-Length 1000, 3 bytes, then the client closes: " + EOS, BP(t))

d = b"POST /close_connection_with_unread_body HTTP/1.1\r\nhost: localhost\r\ncontent-length: 10000000\r\n\r\n"
ba("cl-10000000-no-body", d, "error", [],
   "Content-Length 10000000 and no body before the stream ends: " + EOS + " (Bandit answers early with Connection: close "
   "without reading the body; a decoder still sees an unfinished message)",
   BP("connection: close skips body draining when plug does not read body"))

# --- chunked -------------------------------------------------------------------
d = send(b"POST", b"/expect_case_insensitive_chunked_body", [b"Host: localhost", b"Transfer-encoding: Chunked"]) + b"3\r\n123\r\n" + b"0\r\n\r\n"
ba("te-chunked-mixed-case", d, "ok", [M(d, body=b"123")],
   "transfer-coding names are case-insensitive (RFC 9112 7): 'Chunked' is chunked; body 123",
   BP("reads a chunked body with a non-lowercase transfer-encoding value"))

d = b"POST /expect_tiny_chunked_body HTTP/1.1\r\nhost: localhost:51000\r\ntransfer-encoding: chunked\r\n\r\n3\r\n123\r\n0\r\n\r\n"
ba("chunked-tiny", d, "ok", [M(d, body=b"123")], "a one-chunk chunked body. " + RECON + "; chunks as Mint writes them for a streamed body",
   BP("reads a tiny chunked body properly"))
piece = b"0123456789" * 100
d = (b"POST /expect_chunked_body HTTP/1.1\r\nhost: localhost:51000\r\ntransfer-encoding: chunked\r\n\r\n"
     + (b"3e8\r\n" + piece + b"\r\n") * 8 + b"0\r\n\r\n")
ba("chunked-8x1000", d, "ok", [M(d, body=piece * 8)],
   "eight chunks of 1,000 bytes (hex 3e8; the test's 1,000,000-byte chunks scaled down). " + RECON + "; one chunk per stream element as Mint writes them",
   BP("reads a chunked body properly"))
ba("chunked-8x1000", d, "ok", [], "", BR("reads a chunked body properly"))

H_TE = [b"Host: localhost", b"Transfer-encoding: chunked"]
d = send(b"POST", b"/expect_chunked_body", H_TE) + b"123456789012345\r\n"
ba("chunk-size-15-digits", d, "error", [],
   "chunk-size 123456789012345 (hex, 15 digits) fits u64 and is valid (RFC 9112 7.1), but the stream ends before its "
   "data: " + EOS + ". Bandit answers 400 at once (it refuses chunk sizes of 15+ hex digits); the verdict is the same",
   BP("handles an invalidly large chunk size header"))
d = send(b"POST", b"/expect_chunked_body", H_TE) + b"3\r\nABC\n\r"
ba("chunk-data-lf-cr", d, "error", [],
   "chunk-data followed by LF CR instead of CRLF: error (RFC 9112 7.1; profile: chunk-data is followed by exactly CRLF)",
   BP("handles an invalid chunk end marker"))

r1 = send(b"POST", b"/expect_tiny_chunked_body", H_TE) + b"3\r\n123\r\n" + b"0\r\nTrailer: trailer\r\n\r\n"
r2 = send(b"POST", b"/expect_tiny_chunked_body", H_TE) + b"3\r\n123\r\n" + b"0\r\n\r\n"
ba("chunked-trailer-then-next", r1 + r2, "ok",
   [M(r1, body=b"123", trailers=[(b"Trailer", b"trailer")]), M(r2, body=b"123")],
   "a chunked request with a trailer field 'Trailer: trailer' (a field that neither frames nor routes, so allowed in "
   "the trailer section, RFC 9112 7.1.2), then a second chunked request on the same connection",
   BP("handles trailers (by throwing them on the floor"))

d = send(b"POST", b"/incomplete_chunk_body_within_chunks", H_TE) + b"3\r\n12\r\n"
ba("chunk-short-data", d, "error", [],
   "chunk-size 3 with data '12\\r' and then LF at end of stream: the 3 data bytes are '12\\r' and no CRLF follows; "
   "either way the message is not complete: error (Bandit times out with 408)",
   BP("handles a timing out chunk read in the middle of a chunk"))
d = send(b"POST", b"/incomplete_chunk_body_between_chunks", H_TE) + b"3\r\n123\r\n"
ba("chunked-no-last-chunk", d, "error", [], "one chunk and then end of stream, no last-chunk: " + EOS,
   BP("handles a timing out chunk read in between chunks"))

d = send(b"POST", b"/expect_incomplete_body", [b"host: localhost", b"transfer-encoding: chunked, chunked"]) + b"3\r\nabc\r\n0\r\n\r\n"
ba("te-chunked-twice", d, "error", [],
   "chunked applied twice: error (RFC 9112 6.1: a sender MUST NOT apply chunked more than once; profile)",
   BP("rejects a request with transfer-encoding applied twice"))
d = send(b"POST", b"/expect_incomplete_body", [b"host: localhost", b"transfer-encoding: unknown-coding"]) + b"3\r\nabc\r\n0\r\n\r\n"
ba("te-unknown", d, "error", [],
   "unknown transfer-coding in a request: error (RFC 9112 6.1: 501; profile: only registered codings; and chunked is "
   "not final, so the length cannot be determined, RFC 9112 6.3 rule 4)", BP("rejects an unrecognized transfer-coding"))
d = send(b"POST", b"/expect_tiny_chunked_body", [b"host: localhost", b"transfer-encoding: chunked"]) + b"3;ext=value\r\n123\r\n" + b"0\r\n\r\n"
ba("chunk-ext", d, "ok", [M(d, body=b"123")], "a chunk extension ';ext=value' is ignored (RFC 9112 7.1.1)",
   BP("ignores unrecognized chunk extensions"))
d = send(b"POST", b"/expect_incomplete_body", [b"host: localhost", b"transfer-encoding: chunked"], b"1.0") + b"3\r\nabc\r\n0\r\n\r\n"
ba("te-http-1-0", d, "error", [],
   "Transfer-Encoding in an HTTP/1.0 request: the profile rejects it (RFC 9112 6.1: such a message is treated as having "
   "faulty framing and the connection closed); Bandit answers 400",
   BP("treats a transfer-encoding request from an HTTP/1.0 client as faulty framing"))

# --- pipelining / keep-alive ---------------------------------------------------
r = send(b"GET", b"/echo_components", [b"host: banana"])
ba("three-requests", r * 3, "ok", [M(r)] * 3, "three GET requests on one connection (sent one after the other)",
   BP("closes connection after max_requests is reached"))
ba("three-requests", r * 3, "ok", [], "", BR("closes connection after max_requests is reached"))

r = send(b"GET", b"/echo_components", [b"host: localhost", b"connection: Keep-Alive"], b"1.0")
ba("http-1-0-keep-alive-twice", r * 2, "ok", [M(r)] * 2,
   "two HTTP/1.0 requests with 'Connection: Keep-Alive' (connection options are case-insensitive, RFC 9110 7.6.1): "
   "the connection persists (RFC 9112 9.3), so the second request is decoded too",
   BP("keepalive mixed-case header connections are respected in HTTP/1.0"))
ba("http-1-0-keep-alive-twice", r * 2, "ok", [], "", BR("keepalive mixed-case header connections are respected in HTTP/1.0"))
d = send(b"GET", b"/echo_components", [b"host: localhost", b"connection: keep-alive"], b"1.0")
ba("http-1-0-keep-alive", d, "ok", [M(d)], "an HTTP/1.0 request with 'Connection: keep-alive'",
   BP("keepalive are explicitly signalled in HTTP/1.0"))
d = send(b"GET", b"/echo_components", [b"host: localhost"], b"1.0")
ba("http-1-0-host", d, "ok", [M(d)], "an HTTP/1.0 request with a Host and no Connection field",
   BP("closes the connection by default for HTTP/1.0 requests with no connection header"))
d = send(b"GET", b"/echo_components", [b"host: localhost", b"connection: close"])
ba("connection-close", d, "ok", [M(d)], "an HTTP/1.1 request with 'Connection: close'",
   BP("closes the connection when an HTTP/1.1 client explicitly requests it"))

r = b"GET /send_ok HTTP/1.1\r\nHost: localhost\r\n\r\n"
ba("pipeline-50-get", r * 50, "ok", [M(r)] * 50, "50 pipelined GET requests in one send (RFC 9112 9.3.2)",
   BP("handles pipeline requests"))
r = b"POST /send_ok HTTP/1.1\r\nHost: localhost\r\nContent-Length:3\r\n\r\nABC"
ba("pipeline-50-post", r * 50, "ok", [M(r)] * 50,
   "50 pipelined POST requests, each 'Content-Length:3' (no OWS after the colon is valid, RFC 9112 5) with body ABC",
   BP("handles pipeline requests with unread POST bodies"))

r1 = send(b"POST", b"/echo_method", [b"host: localhost", b"content-length: 6"]) + b"ABCDEF"
r2 = send(b"GET", b"/echo_method", [b"host: banana"])
ba("cl-then-get", r1 + r2, "ok", [M(r1), M(r2)], "a Content-Length request followed by a GET on the same connection",
   BP("unread content length bodies are read before starting a new request"))
ba("cl-then-get", r1 + r2, "ok", [], "", BR("unread content length bodies are read before starting a new request"))
r1 = send(b"POST", b"/echo_method", [b"host: localhost", b"transfer-encoding: chunked"]) + b"6\r\nABCDEF\r\n0\r\n\r\n"
ba("chunked-then-get", r1 + r2, "ok", [M(r1, body=b"ABCDEF"), M(r2)], "a chunked request followed by a GET on the same connection",
   BP("unread chunked bodies are read before starting a new request"))
ba("chunked-then-get", r1 + r2, "ok", [], "", BR("unread chunked bodies are read before starting a new request"))

# --- upgrade -------------------------------------------------------------------
WS = [b"Host: server.example.com", b"Upgrade: WebSocket", b"Connection: Upgrade", b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
      b"Sec-WebSocket-Version: 13"]
UPG = ("a request carrying Upgrade is an ordinary message for the decoder (profile framing rule 1: only the server's 101 "
       "switches protocols), with no body")
for slug, verb, hs, tp, bandit in [
    ("ws-post", b"POST", WS, "returns a 400 and errors loudly in cases where an upgrade is indicated but the connection is not a GET",
     "Bandit answers 400: its WebSocket handshake needs GET"),
    ("ws-upgrade-nope", b"GET", [WS[0], b"Upgrade: NOPE"] + WS[2:],
     "returns a 400 and errors loudly in cases where an upgrade is indicated but upgrade header is incorrect",
     "Bandit answers 400: not a websocket upgrade"),
    ("ws-connection-nope", b"GET", WS[:2] + [b"Connection: NOPE"] + WS[3:],
     "returns a 400 and errors loudly in cases where an upgrade is indicated but connection header is incorrect",
     "Bandit answers 400: Connection lacks 'upgrade'"),
    ("ws-no-key", b"GET", WS[:3] + WS[4:],
     "returns a 400 and errors loudly in cases where an upgrade is indicated but key header is incorrect",
     "Bandit answers 400: no Sec-WebSocket-Key"),
    ("ws-version-99", b"GET", WS[:4] + [b"Sec-WebSocket-Version: 99"],
     "returns a 400 and errors loudly in cases where an upgrade is indicated but version header is incorrect",
     "Bandit answers 400: Sec-WebSocket-Version must be 13"),
    ("ws-handshake", b"GET", WS, "returns a 400 and errors loudly if websocket support is not enabled",
     "Bandit answers 200 (websocket support disabled in that test)"),
]:
    d = send(verb, b"/upgrade_websocket", hs)
    ba(slug, d, "ok", [M(d)],
       UPG + ". " + bandit + ", a check of the WebSocket handshake (RFC 6455 4.2.1) above the HTTP/1 message syntax",
       BP(tp))
    ba(slug, d, "ok", [], "", BR(tp))

# --- the client closes mid-message ----------------------------------------------
for slug, d, f, t in [
    ("eos-in-host-line", b"GET / HTTP/1.1\r\nHost:", "br", "raises an error if client closes while headers are being read"),
    ("eos-in-field-value", b"GET / HTTP/1.1\r\nHost: localhost\r\nFoo: ", "bp", "raises an error if client closes while headers are being read"),
    ("eos-after-field-line", b"GET / HTTP/1.1\r\nfoo: bar\r\n", "br", "it should send `stop` events for timed out requests"),
    ("eos-in-cl-body", send(b"POST", b"/expect_incomplete_body", [b"host: localhost", b"content-length: 6"]) + b"ABC", "bp",
     "raises an error if client closes while body is being read"),
    ("eos-in-chunk", send(b"POST", b"/expect_incomplete_body", [b"host: localhost", b"transfer-encoding: chunked"]) + b"3\r\nAB", "bp",
     "raises an error if client closes mid-chunk without completing the chunked body"),
]:
    ba(slug, d, "error", [], EOS + " (Bandit logs a closed/timeout error)", src(f, t))
ba("eos-in-cl-body", send(b"POST", b"/expect_incomplete_body", [b"host: localhost", b"content-length: 6"]) + b"ABC", "error", [], "",
   BR("raises an error if client closes while body is being read"))

# --- Bandit tests skipped --------------------------------------------------------
PLAIN = "server/Plug behaviour only (response generation, logging, telemetry, process state, timeouts); the request is a plain valid GET/HEAD with nothing for the decoder"
REQ = "Plug API / response behaviour through the Req or Finch client (compression, response framing chosen by Bandit, exceptions, telemetry); no request bytes of parsing interest"
skip("Bandit", PLAIN, *["request_test: " + t for t in [
    "client closure protocol errors are not logged by default", "client closure protocol errors are logged if so configured",
    "closes connection after exception is raised (for safety)", "idle keepalive connections are closed after read_timeout",
    "logger metadata is reset on every request", "process dictionary is reset on every request",
    "gc_every_n_keepalive_requests is respected",
    "sends expected content-length but no body for HEAD requests", "respects provided content-length headers for HEAD responses",
    "replaces any incorrect provided content-length headers for HEAD responses",
    "writes out a response with no content-length header or body for 204 responses",
    "writes out a response with no content-length header or body for 304 responses",
    "does not write out transfer-encoding headers or body for a chunked response to a HEAD request",
    "writes out headers but not body for files requested via HEAD request",
    "does not write out a content-length header or body for files on a 204",
    "does not write out a content-length header or body for files on a 304",
    "sending informational responses", "does not send informational responses to HTTP/1.0 clients", "reading peer data",
    "does not send an error response if the plug has already sent one before raising",
    "it should send `stop` events for normally completing requests",
    "raises an error if client closes while body is being written", "returns an error if client closes while chunked body is being written",
    "raises an error if client closes before sendfile body is being written", "silently exits if client closes during keepalive"]])
skip("Bandit", PLAIN, *["protocol_test: " + t for t in [
    "sends expected content-length but no body for HEAD requests", "respects provided content-length headers for HEAD responses",
    "replaces any incorrect provided content-length headers for HEAD responses",
    "writes out a response with no content-length header or body for 204 responses",
    "writes out a response with content-length header but no body for 304 responses",
    "writes out headers but not body for files requested via HEAD request",
    "does not write out a content-length header or body for files on a 204",
    "write out a content-length header but no body for files on a 304",
    "sending informational responses", "does not send informational responses to HTTP/1.0 clients",
    "does not write out transfer-encoding headers or body for a chunked response to a HEAD request",
    "raises an error if client closes while body is being written", "returns an error if client closes while chunked body is being written",
    "raises an error if client closes before sendfile body is being written", "silently exits if client closes during keepalive",
    "closes connection after exception is raised (for safety)", "idle keepalive connections are closed after read_timeout",
    "responses which contain a connection: close header close the connection"]])
skip("Bandit", REQ, *["request_test: " + t for t in [
    "runs module plugs", "runs function plugs",
    "it should return 500 and log when unknown exceptions are raised", "it should return the code and not log when known exceptions are raised",
    "it should log known exceptions if so configured", "reads a zero length body properly", "reading request body multiple times works as expected",
    "raises an ArgumentError on unsupported upgrades", "writes out a response with a valid date header",
    "returns user-defined date header instead of internal version",
    "writes out a response with deflate encoding if so negotiated", "writes out a response with gzip encoding if so negotiated",
    "writes out a response with x-gzip encoding if so negotiated", "uses the first matching encoding in accept-encoding",
    "writes out an encoded response for an iolist body", "falls back to no encoding if no encodings provided",
    "does no encoding if content-encoding header already present in response", "does no encoding if a strong etag is present in the response",
    "does content encoding if a weak etag is present in the response", "does no encoding if cache-control: no-transform is present in the response",
    "falls back to no encoding if no encodings match", "falls back to no encoding if compression is disabled",
    "replaces any incorrect provided content-length headers", "writes out a response with zero content-length for 200 responses",
    "writes out a response omitting content-length for HEAD 200 responses", "writes out a response with zero content-length for HEAD 200 responses",
    "writes out a response with zero content-length for 301 responses", "writes out a response with zero content-length for 401 responses",
    "writes out a chunked response", "does not add the transfer-encoding header for 204 responses", "writes out a chunked iolist response",
    "writes out a sent file for the entire file with content length", "writes out a sent file for parts of a file with content length",
    "reading HTTP version", "returns a 500 if the plug raises an exception", "returns a 500 if the plug does not return anything",
    "returns a 500 if the plug does not return a conn", "silently accepts EXIT messages from normally terminating spwaned processes",
    "does not do anything special with EXIT messages from abnormally terminating spwaned processes",
    "it should send `start` events for normally completing requests",
    "it should add req metrics to `stop` events for requests with no request body",
    "it should add req metrics to `stop` events for requests with request body",
    "it should add req metrics to `stop` events for chunked request body",
    "it should add req metrics to `stop` events for requests with content encoding",
    "it should add (some) resp metrics to `stop` events for chunked responses",
    "it should add resp metrics to `stop` events for sendfile responses", "it should send `exception` events for erroring requests"]])
skip("Bandit", REQ, *["protocol_test: " + t for t in [
    "reads a zero length body properly", "replaces any incorrect provided content-length headers",
    "respects plug-provided zero content-length and no body for 304 responses",
    "respects plug-provided nonzero content-length but no body for 304 responses",
    "writes out a response with zero content-length for 200 responses", "writes out a response omitting content-length for HEAD 200 responses",
    "respects plug-provided zero content-length and no body for HEAD 200 responses",
    "respects plug-provided nonzero content-length but no body for HEAD 200 responses",
    "writes out a response with zero content-length for 301 responses", "writes out a response with zero content-length for 401 responses",
    "writes out a sent file for the entire file with content length", "writes out a sent file for parts of a file with content length",
    "writes out a chunked response", "streams a content-length delimited response if content-length is set before chunking",
    "does not add the transfer-encoding header for 204 responses", "writes out a chunked iolist response",
    "writes out a response with deflate encoding if so negotiated", "writes out a response with gzip encoding if so negotiated",
    "writes out a response with x-gzip encoding if so negotiated", "writes out a response with zstd encoding if so negotiated",
    "uses the first matching encoding in response_encodings", "does not indicate content encoding or vary for 204 responses",
    "does not indicate content encoding but indicates vary for 304 responses",
    "does not indicate content encoding but indicates vary for zero byte responses", "writes out an encoded response for an iolist body",
    "deflate encodes chunk responses", "does not gzip encode chunk responses", "falls back to no encoding if no encodings provided",
    "does no encoding if content-encoding header already present in response", "does no encoding if a strong etag is present in the response",
    "does content encoding if a weak etag is present in the response",
    "does no encoding if cache-control: no-transform is present in the response", "falls back to no encoding if no encodings match",
    "falls back to no encoding if compression is disabled", "respects deflate_options", "respects zstd_options",
    "send_chunked streams length-delimited (no chunked encoding) when content-length is set",
    "length-delimited send_chunked is not compressed even when negotiated"]])
skip("Bandit", REQ, "conn_pipeline_test: returns a 500 if the plug raises an exception")

# ===========================================================================
# Mint
# ===========================================================================


def MC(t, d=None, derived=None):
    return src("mc", t, d, derived)


def MR(t, d=None, derived=None):
    return src("mr", t, d, derived)


def MP(t, d=None, derived=None):
    return src("mp", t, d, derived)


def MQ(t, d=None, derived=None):
    return src("mq", t, d, derived)


def mr(slug, data, expect, msgs, note, source, methods=(), **kw):
    return add("elixir-mint-" + slug, data, expect, msgs, note, source, mode="response", methods=methods, **kw)


def mq(slug, data, expect, msgs, note, source, **kw):
    return add("elixir-mint-" + slug, data, expect, msgs, note, source, mode="request", **kw)


# --- conn_test.exs: responses fed to HTTP1.stream/2 (all pieces concatenated) ---
PIECES = "the test feeds the bytes in several pieces; here they are concatenated"
d = b"HTTP/1.1 200 OK\r\n"
mr("status-line-only", d, "error", [],
   "a status-line and nothing more: " + EOS + " (Mint's test only checks the status event it reports before the head ends)",
   MC("status"))
for t in ["partial status", "starting a connection in :passive mode and using recv/3", "changing the connection mode with set_mode/2",
          "controlling_process/2", "error after stream"]:
    mr("status-line-only", d, "error", [], "", MC(t, PIECES if t == "partial status" else None))
mr("status-line-only", d, "error", [], "", MC("returns with 200 OK", "describe status reason"))
d = b"HTTP/1.1 404 Not Found\r\n"
mr("status-line-only-404", d, "error", [], "a status-line and nothing more: " + EOS, MC("returns with 404 Not Found", "describe status reason"))
d = b"HTTP/1.1 200\r\n"
mr("status-line-no-reason-eos", d, "error", [],
   "status-line without the SP before an empty reason (RFC 9112 4: status-line = HTTP-version SP status-code SP "
   "[ reason-phrase ]; profile: the SP may not be left out), and the head never ends",
   MC("returns empty string when reason is not provided", "describe status reason"),
   differs="Mint (accepts 'HTTP/1.1 200' with an empty reason)")

d = b"HTTP/1.1 200 OK\r\n" + b"Foo: Bar\r\nBaz: Boz\r\n\r\n"
mr("two-headers", d, "ok", [R(d)],
   "a 200 with two fields and no Content-Length/Transfer-Encoding: the body is read to end of stream (RFC 9112 6.3 "
   "rule 8), here empty", MC("headers", PIECES))
mr("two-headers", d, "ok", [], "", MC("partial headers", PIECES))
d = b"HTTP/1.1 200 OK\r\nFoo: Bar\r\n\r\n"
mr("one-header", d, "ok", [R(d)], "a 200 with one field, close-delimited empty body", MC("status and headers"))
d = b"HTTP/1.1 200 OK\r\n\r\nBODY1" + b"BODY2"
mr("close-delimited", d, "ok", [R(d)], "no framing field: the body runs to end of stream (RFC 9112 6.3 rule 8), BODY1BODY2",
   MC("body without content-length", PIECES))
d = b"HTTP/1.1 200 OK\r\ncontent-length: 10\r\n\r\n" + b"012345678" + b"9XXX"
mr("cl-10-then-garbage", d, "error", [R(d)],
   "Content-Length 10 body 0123456789; the 'XXX' after it is the start of a next response that the end of stream leaves "
   "incomplete (and 'XXX' is no HTTP-version): one message, then an error (Mint keeps XXX in its buffer)",
   MC("body with content-length", PIECES))
d = b"HTTP/1.1 200 OK\r\n\r\nXXX"
mr("head-then-garbage", d, "error", [R(d, framing="none")],
   "a response to HEAD has no body (RFC 9112 6.3 rule 1); 'XXX' then starts a next response that never completes: "
   "one message, then an error", MC("no body with HEAD request"), methods=["HEAD"])
d = b"HTTP/1.1 200 OK\r\ncontent-length: 1\r\n\r\nX" + b"X"
mr("cl-1-then-x", d, "error", [R(d)],
   "Content-Length 1 body X; the next 'X' is unexpected data (Mint: {:unexpected_data, \"X\"}): one message, then an error",
   MC("status, headers, and body", PIECES))
d = b"HTTP/1.1 200 OK\r\ncontent-length: 1\r\nconnection: close\r\n\r\nX"
mr("cl-1-connection-close", d, "ok", [R(d)], "Content-Length 1 with Connection: close", MC("connection: close"))
d = b"HTTP/1.0 200 OK\r\ncontent-length: 1\r\nconnection: keep-alive\r\n\r\nX"
mr("http-1-0-keep-alive", d, "ok", [R(d)], "HTTP/1.0 response with Content-Length and keep-alive", MC("connection: keep-alive"))
d = b"HTTP/1.0 200 OK\r\ncontent-length: 1\r\n\r\nX"
mr("http-1-0-cl", d, "ok", [R(d)], "HTTP/1.0 response with Content-Length", MC("implicit connection: close on http/1.0"))
d = b"HTTP/1.1 200 OK\r\ncontent-length: 1\r\n\r\nX"
mr("cl-1", d, "ok", [R(d)], "Content-Length 1", MC("implicit connection: keep-alive on http/1.1"))
d = b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\ncontent-length: 3\r\n\r\nX"
mr("cl-2-and-3", d, "error", [],
   "two different Content-Length values: error (RFC 9112 6.3 rule 5; profile); Mint: more_than_one_content_length_header",
   MC("error with multiple content-length headers"))
r = b"HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\nXXXXX"
mr("pipeline-4", r * 4, "ok", [R(r)] * 4, "four Content-Length responses, one after the other (answers to pipelined requests)",
   MC("pipeline", PIECES))
mr("pipeline-4", r * 4, "ok", [], "", MC("pipeline with multiple responses in single message"))
mr("pipeline-4", r * 4, "ok", [], "", MC("pipeline", "describe streaming requests; " + PIECES))
mr("pipeline-2", r * 2, "ok", [R(r)] * 2, "two Content-Length responses, one after the other", MC("open_request_count/1", PIECES))

CH = b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n"
d = CH + b"2\r\n01\r\n2\r\n23\r\n0\r\n\r\nXXX"
mr("chunked-then-garbage", d, "error", [R(d, body=b"0123")],
   "chunked body 0123; the 'XXX' after it starts a next response that never completes: one message, then an error",
   MC("body with chunked transfer-encoding"))
d = CH + b"2\r\n01\r\n2\r\n23\r\n0\r\n\r\n"
mr("chunked", d, "ok", [R(d, body=b"0123")], "chunked body 0123 (the test feeds it one byte at a time)",
   MC("body with chunked transfer-encoding streamed bytewise"))
d = CH + b"2\r\n" + b"01\r\n" + b"2\r\n" + b"23\r\n"
mr("chunked-no-last-chunk", d, "error", [], "two chunks and no last-chunk before the stream ends: " + EOS,
   MC("body with chunked transfer-encoding streamed on chunk boundary", PIECES))
d = CH + b"2meta\r\n01\r\n2\r\n23\r\n0meta\r\nmy-trailer: value\r\n\r\nXXX"
mr("chunk-ext-no-semicolon", d, "error", [],
   "chunk-size line '2meta': after 1*HEXDIG only a chunk-ext (';' ...) may follow (RFC 9112 7.1, 7.1.1), so 'meta' is "
   "an invalid chunk-size line (profile); derived variant -semicolon uses ';meta'",
   MC("body with chunked transfer-encoding with metadata and trailers"),
   differs="Mint (skips anything after the hex digits up to CRLF)")
dv = CH + b"2;meta\r\n01\r\n2\r\n23\r\n0;meta\r\nmy-trailer: value\r\n\r\nXXX"
mr("chunk-ext-no-semicolon-semicolon", dv, "error", [R(dv, body=b"0123", trailers=[(b"my-trailer", b"value")])],
   "derived: 'meta' written as a valid chunk extension ';meta' so the case tests the trailers: chunked body 0123, trailer "
   "my-trailer: value, then 'XXX' starts a response that never completes: one message, then an error",
   MC("body with chunked transfer-encoding with metadata and trailers", derived="';' added before the chunk extensions"))
d = CH + b"2meta\r\n01\r\n2\r\n23\r\n0meta\r\n" + b"my-trailer: value\r\ncontent-type: application/json\r\n\r\n"
mr("trailer-content-type-bad-ext", d, "error", [],
   "chunk-size line '2meta' without ';' is invalid (RFC 9112 7.1.1); derived variant -semicolon uses ';meta'",
   MC("unallowed trailer headers are removed from the trailer headers"),
   differs="Mint (skips anything after the hex digits up to CRLF)")
dv = CH + b"2;meta\r\n01\r\n2\r\n23\r\n0;meta\r\n" + b"my-trailer: value\r\ncontent-type: application/json\r\n\r\n"
mr("trailer-content-type-bad-ext-semicolon", dv, "ok",
   [R(dv, body=b"0123", trailers=[(b"my-trailer", b"value"), (b"content-type", b"application/json")])],
   "derived: ';meta' chunk extensions; a Content-Type trailer field neither frames nor routes the message, so the profile "
   "delivers it as a trailer (Mint drops it from its trailer list as a field not allowed in trailers, RFC 9110 6.5.1 "
   "leaves that to the recipient)",
   MC("unallowed trailer headers are removed from the trailer headers", derived="';' added before the chunk extensions"))

TRAIL = b"\x82\x0a\x00\xff\x13\x37\r\n\x7f\x80\x01HTTP"
d = b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: WebSocket\r\nConnection: Upgrade\r\n\r\n" + TRAIL
mr("101-then-data", d, "ok", [R(d, framing="upgrade", body=b"")],
   "a 101 response: framing upgrade, nothing after its head is decoded (profile framing rule 1). The test appends 5 to 20 "
   "random bytes; a fixed 16-byte sample is used here",
   MC("body following a 101 switching-protocols"))

d = CH.replace(b"chunked", b"custom, chunked") + b"2\r\n01\r\n2\r\n23\r\n0\r\n\r\nXXX"
mr("te-custom-chunked", d, "error", [R(d, body=b"0123")],
   "Transfer-Encoding 'custom, chunked' in a response: chunked is the final coding, so the body is chunked (RFC 9112 "
   "6.3 rule 4; profile: in a response any token coding is allowed); body 0123, then 'XXX' never completes: one message "
   "then an error", MC("do not chunk if unknown transfer-encoding"),
   differs="Mint (does not dechunk when it does not know every coding: reads the rest as close-delimited raw data)")

d = b"HTTP/1.0 200 OK\r\n\r\nfoo"
mr("http-1-0-close-delimited", d, "ok", [R(d)], "HTTP/1.0 response with no framing field: body 'foo' read to end of stream",
   MC("receive response until connection is closed using recv/3"))

# --- conn_test.exs: request bytes Mint's encoder writes (request_string turns LF into CRLF) ---
ENC = ("request bytes Mint writes, as the test asserts them (the heredoc's LF become CRLF through request_string); "
       "the port (runtime) is written as 51000 and Mint's version as 1.7.1")
UA = b"user-agent: mint/1.7.1"
HP = b"host: localhost:51000"


def enc(lines, body=b""):
    return b"".join(l + b"\r\n" for l in lines) + b"\r\n" + body


d = enc([b"GET / HTTP/1.1", HP, UA])
mq("enc-get", d, "ok", [M(d)], "a plain GET. " + ENC, MC("host header includes port"))
mq("enc-get", d, "ok", [], "", MC("content-length header is not added for empty body"))
d = enc([b"GET / HTTP/1.1", b"host: localhost", UA])
mq("enc-get-default-port", d, "ok", [M(d)], "a plain GET, Host without port. " + ENC, MC("host header does not include port if it is the scheme's default"))
d = enc([b"GET / HTTP/1.1", b"content-length: 4", HP, UA], b"body")
mq("enc-cl-4", d, "ok", [M(d)], "GET with Content-Length 4 body 'body'. " + ENC, MC("content-length header is added if not present"))
d = enc([b"GET / HTTP/1.1", HP, UA, b"content-length: 10"], b"body")
mq("enc-cl-10-body-4", d, "error", [],
   "Content-Length 10 but a 4-byte body before the stream ends: " + EOS + ". " + ENC,
   MC("overridden content-length header"))
d = enc([b"GET / HTTP/1.1", b"content-length: 4", HP, b"user-agent: myapp/1.0"], b"body")
mq("enc-user-agent", d, "ok", [M(d)], "GET with Content-Length body. " + ENC, MC("overridden user-agent header"))
d = enc([b"GET / HTTP/1.1", b"User-Agent: myapp/1.0", b"Host: localhost", b"Content-Length: 4"], b"body")
mq("enc-mixed-case", d, "ok", [M(d)], "field names in mixed case (case kept). " + ENC, MC("non lower case headers"))
d = enc([b"GET / HTTP/1.1", b"Content-Length: 4", b"Host: localhost:51000", b"User-Agent: myapp/1.0"], b"body")
mq("enc-mixed-case-defaults", d, "ok", [M(d)], "field names in mixed case. " + ENC, MC("non lower case headers using defaults"))
d = enc([b"GET / HTTP/1.1", b"User-Agent: myapp/1.0", b"Host: localhost", b"TRANSFER-ENCODING: identity"])
mq("enc-te-identity", d, "error", [],
   "Transfer-Encoding 'identity' in a request: identity is no longer a registered coding (RFC 9112 removed it) and "
   "chunked is not final, so the profile rejects the request (RFC 9112 6.3 rule 4: 400). " + ENC,
   MC("non lower case headers identity transfer encoding"),
   differs="Mint (writes Transfer-Encoding: identity as a way to stream an undelimited request body)")
d = enc([b"GET / HTTP/1.1", b"User-Agent: myapp/1.0", b"Host: localhost", b"TRANSFER-ENCODING: gzip,chunked"])
mq("enc-te-gzip-chunked-head-only", d, "error", [],
   "a valid 'gzip,chunked' request head, but the chunked body never comes before the stream ends (the test sends no body): "
   + EOS + ". " + ENC, MC("non lower case headers gzip encoding"))
for tgt, exp, note, uns in [
    (b"", "error", "an empty request-target leaves two SPs in the request-line: error (RFC 9112 3; profile: single SPs)", None),
    (b"/ /", "error", "a SP inside the request-target gives a four-part request-line: error (RFC 9112 3: no whitespace in the target)", None),
    (b"/%foo", "either",
     "'%fo' is not a pct-encoded triplet (RFC 3986 2.1), so the target does not match origin-form; RFC 9112 3.2 says an "
     "invalid request-target SHOULD get a 400 (or a 301 to a fixed target), so rejecting is allowed, and the profile's "
     "byte rule (no whitespace, control or DEL) does not reject it: either",
     "the profile only names byte classes for the target; invalid pct-encoding read as either"),
    (b"/foo%x", "either", "'%x' is not a pct-encoded triplet (RFC 3986 2.1): as for '/%foo', either",
     "the profile only names byte classes for the target; invalid pct-encoding read as either"),
]:
    d = enc([b"GET " + tgt + b" HTTP/1.1", b"content-length: 4", HP, UA], b"body")
    slug = {b"": "empty", b"/ /": "space", b"/%foo": "pct-foo", b"/foo%x": "foo-pct-x"}[tgt]
    mq("enc-target-" + slug, d, exp, [M(d)] if exp == "either" else [],
       note + ". Mint refuses this target unless skip_target_validation is set; this test sets it and asserts these bytes. " + ENC,
       MC("target validation may be skipped based on connection options", "target %r" % tgt.decode()), unsure=uns)
skip("Mint", "encoder-side validation: the request is refused before any byte is written",
     "conn_test: targets are validated by default", "request_test: invalid request target",
     "request_test: invalid header name", "request_test: invalid header value")

d = enc([b"GET / HTTP/1.1", b"transfer-encoding: chunked", HP, UA]) + b"5\r\nhello\r\n" + b"0\r\n\r\n"
mq("enc-chunked-implicit", d, "ok", [M(d, body=b"hello")], "chunked request body 'hello' (head, chunk and last-chunk in three writes). " + ENC,
   MC("transfer-encoding is set to chunked if not set already, and content is chunked"))
d = enc([b"GET / HTTP/1.1", HP, UA, b"transfer-encoding: chunked"]) + b"hello"
mq("enc-chunked-user-data", d, "error", [],
   "Transfer-Encoding: chunked but the body bytes are 'hello', which is no chunk-size line (RFC 9112 7.1: chunk-size "
   "is 1*HEXDIG; 'h' is not a hex digit): error. Mint passes the caller's bytes through unchanged; the test only checks "
   "the bytes. " + ENC, MC("if transfer-encoding is already set to chunked, we let the user do the chunking"))
d = enc([b"GET / HTTP/1.1", HP, UA, b"transfer-encoding: gzip,chunked"]) + b"5\r\nhello\r\n" + b"0\r\n\r\n"
mq("enc-gzip-chunked", d, "ok", [M(d, body=b"hello")],
   "Transfer-Encoding 'gzip,chunked': registered codings, chunked final (profile); the decoder delivers the chunked "
   "data as is ('hello'; gzip is left to the caller). " + ENC,
   MC("transfer-encoding is set to chunked if present but not chunked/identity"))
d = enc([b"GET / HTTP/1.1", HP, UA, b"transfer-encoding: identity"]) + b"hello"
mq("enc-te-identity-body", d, "error", [],
   "Transfer-Encoding 'identity' in a request, then 'hello': identity is not a registered coding and chunked is not "
   "final: error (RFC 9112 6.3 rule 4; profile). " + ENC,
   MC("transfer-encoding is not set to chunked if already set to identity"),
   differs="Mint (sends an identity-coded, undelimited request body)")
d = enc([b"GET / HTTP/1.1", HP, UA, b"content-length: 5"])
mq("enc-cl-5-head-only", d, "error", [], "Content-Length 5 and no body before the stream ends (the test sends none): " + EOS + ". " + ENC,
   MC("transfer-encoding is not set if content-length is present"))
d = enc([b"GET / HTTP/1.1", b"transfer-encoding: chunked", HP, UA])
mq("enc-chunked-head-only", d, "error", [], "a chunked request head and no chunk before the stream ends: " + EOS + ". " + ENC,
   MC("sending an empty chuunk with chunked transfer-encoding is a no-op"))
d = enc([b"POST / HTTP/1.1", b"transfer-encoding: chunked", HP, UA]) + b"0\r\nmy-trailer: some value\r\nmy-other-trailer: some other value\r\n\r\n"
mq("enc-trailers", d, "ok",
   [M(d, body=b"", trailers=[(b"my-trailer", b"some value"), (b"my-other-trailer", b"some other value")])],
   "chunked request with an empty body and two trailer fields. " + ENC,
   MC("sending trailer headers with implicit chunked transfer-encoding"))
skip("Mint", "client API behaviour with no bytes on the wire (options, socket state, errors raised by the client)",
     *["conn_test: " + t for t in [
         "unknown message", "Mint.HTTP.is_connection_message/2 guard works with HTTP1 connections",
         "raises error connecting with invalid optional_responses params", "close/1",
         "close/1 an already closed connection with default inet_backend does not cause error",
         "close/1 an already closed connection with socket inet_backend does not cause error",
         "request/5 returns an error if the connection is closed", "connect/4 raises if :mode is not :active/:passive",
         "connect/4 raises if :log is not a boolean", "sending trailer headers with non-chunked transfer-encoding is an error",
         "sending unallowed trailer headers is an error", "returns a positive integer for an active streaming request",
         "returns the cached sndbuf value"]])

# --- request_test.exs: Request.encode/5 ---
ENC2 = "request bytes Request.encode/5 returns, as the test asserts them (LF -> CRLF via request_string); Mint's version written as 1.7.1"
d = enc([b"GET / HTTP/1.1", b"host: example.com", UA, b"foo: bar"])
mq("encode-header", d, "ok", [M(d)], "a GET with an extra field. " + ENC2, MQ("with header"))
d = enc([b"GET / HTTP/1.1", b"host: example.com", UA, b"content-length: 4"], b"BODY")
mq("encode-body", d, "ok", [M(d)], "GET with Content-Length 4 body BODY. " + ENC2, MQ("with body"))
d = enc([b"GET / HTTP/1.1", b"host: example.com", UA, b"content-length: 10"], b"BODY")
mq("encode-cl-10-body-4", d, "error", [], "Content-Length 10 with a 4-byte body before the stream ends: " + EOS + ". " + ENC2,
   MQ("with overridden content-length"))
d = enc([b"GET / HTTP/1.1", b"host: example.com", b"content-length: 4", b"user-agent: myapp/1.0"], b"BODY")
mq("encode-user-agent", d, "ok", [M(d)], "GET with Content-Length body. " + ENC2, MQ("with overridden user-agent"))
mq("encode-user-agent", d, "ok", [], "", MQ("override with non-lowercase key"))

# --- response_test.exs: decode_status_line/1 -----------------------------------
TAILCL = b"Content-Length: 0\r\n\r\n"
SLWRAP = ("the status-line of a decode_status_line/1 unit test, completed into a response by the field line "
          "'Content-Length: 0' and the empty line")
T = "decode_status_line/1: valid status lines"
for slug, line, exp, reason, note, differs in [
    ("sl-200-ok", b"HTTP/1.1 200 OK\r\n", "ok", None, "a plain status-line", None),
    ("sl-1-0-404", b"HTTP/1.0 404 Not Found\r\n", "ok", None, "HTTP/1.0 status-line with a two-word reason", None),
    ("sl-lf", b"HTTP/1.1 200 OK\n", "error", None,
     "the status-line ends in a bare LF: the profile rejects it (lines end in CRLF; RFC 9112 2.2 only MAY accept LF)",
     "Mint (accepts a bare LF line end)"),
    ("sl-204-no-sp", b"HTTP/1.1 204\r\n", "error", None,
     "no SP after the status code: the SP before the (empty) reason may not be left out (RFC 9112 4; profile)",
     "Mint (accepts, empty reason)"),
    ("sl-204-empty-reason", b"HTTP/1.1 204 \r\n", "ok", b"", "empty reason after the SP; a 204 has no body whatever its Content-Length (RFC 9112 6.3 rule 1), so framing none", None),
    ("sl-reason-trailing-sp", b"HTTP/1.1 200 OK \r\n", "ok", b"OK ", "the reason is everything after the SP, untrimmed: 'OK '", None),
    ("sl-reason-leading-sp", b"HTTP/1.1 200  OK\r\n", "ok", b" OK",
     "two SPs after the code: the first separates, the reason is ' OK' (reason-phrase may hold SP, RFC 9112 4)", None),
    ("sl-reason-tab", b"HTTP/1.1 200 A\tB\r\n", "ok", b"A\tB", "HTAB inside the reason (RFC 9112 4)", None),
    ("sl-reason-obs-text", b"HTTP/1.1 200 caf\xe9\r\n", "ok", b"caf\xe9", "obs-text 0xE9 in the reason (RFC 9112 4)", None),
    ("sl-http-1-9-999", b"HTTP/1.9 999 X\r\n", "error", None,
     "HTTP/1.9: the profile accepts only HTTP/1.0 and HTTP/1.1 (any other HTTP/x.y is an error); status 999 alone would be fine",
     "Mint (accepts any HTTP/1.x)"),
]:
    d = line + TAILCL
    if exp == "ok":
        mm = R(d)
        if reason is not None:
            assert mm["start"][2] == b2s(reason), slug
        msgs = [mm]
    else:
        msgs = []
    mr(slug, d, exp, msgs, note + " (" + SLWRAP + ")", MR(T, "line %r" % b2s(line)), differs=differs)

# the same lines as written, with 'rest' after them (the unit test's remainder)
d = b"HTTP/1.1 200 OK\r\nrest"
mr("sl-200-ok-rest", d, "error", [],
   "the first unit-test input as written: a status-line then 'rest', which starts a field line that never ends: " + EOS,
   MR(T, "line 'HTTP/1.1 200 OK\\r\\nrest' as written"))

T = "decode_status_line/1: incomplete status lines"
mr("sl-incomplete-empty", b"", "ok", [], "empty input: the stream ends between messages, nothing is decoded (no error)",
   MR(T, "line ''"))
for i, line in enumerate([b"H", b"HTTP/1.", b"HTTP/1.1 20", b"HTTP/1.1 200", b"HTTP/1.1 200 OK\r"]):
    mr("sl-incomplete-%d" % (i + 1), line, "error", [], "a status-line cut short: " + EOS, MR(T, "line %r" % b2s(line)))

T = "decode_status_line/1: invalid status lines"
INV = [
    (b"\r\nHTTP/1.1 200 OK\r\n", "an empty line before the status-line: the profile skips none in responses"),
    (b"HTTP/1.1 2000 OK\r\n", "a four-digit status code: status-code = 3DIGIT (RFC 9112 4)"),
    (b"HTTP/1.1 99 OK\r\n", "a two-digit status code: status-code = 3DIGIT (RFC 9112 4)"),
    (b"HTTP/1.1 0200 OK\r\n", "a four-digit status code '0200'"),
    (b"HTTP/2.0 200 OK\r\n", "HTTP/2.0 in an HTTP/1 status-line: only HTTP/1.0 and HTTP/1.1"),
    (b"HTTP/0.9 200 OK\r\n", "HTTP/0.9: only HTTP/1.0 and HTTP/1.1"),
    (b"HTTP/01.1 200 OK\r\n", "HTTP-version = HTTP-name '/' DIGIT '.' DIGIT (RFC 9112 2.3): '01.1' is not"),
    (b"HTTP/1.01 200 OK\r\n", "HTTP-version has one DIGIT after the dot (RFC 9112 2.3)"),
    (b"HTTP/1.10 200 OK\r\n", "HTTP-version has one DIGIT after the dot (RFC 9112 2.3)"),
    (b"http/1.1 200 OK\r\n", "HTTP-name is case-sensitive (RFC 9112 2.3)"),
    (b"HTTP/1.1  200 OK\r\n", "two SPs before the status code (RFC 9112 4: single SP)"),
    (b"HTTP/1.1 200OK\r\n", "no SP between the status code and the reason"),
    (b"HTTP/1.1 2x0 OK\r\n", "a non-digit in the status code"),
    (b"HTTP/1.1 200 O\x00K\r\n", "NUL in the reason (reason-phrase = 1*( HTAB / SP / VCHAR / obs-text ), RFC 9112 4)"),
    (b"HTTP/1.1 200 OK\r\r\n", "a CR not followed by LF ends the reason (profile: bare CR is an error)"),
    (b"HTTP/1.1 200 OK\rX\r\n", "a bare CR inside the reason (profile: bare CR is an error)"),
]
for i, (line, why) in enumerate(INV):
    mr("sl-invalid-%02d" % (i + 1), line + TAILCL, "error", [], why + "; Mint rejects it too (" + SLWRAP + ")",
       MR(T, "line %r" % b2s(line)))
d = b"HTTP/1.1 099 OK\r\n" + TAILCL
mr("sl-status-099", d, "either", [R(d)],
   "status code 099 is 3DIGIT, so the status-line is well formed (RFC 9112 4), but it lies outside 100-599 (RFC 9110 "
   "15: an invalid status code, to be treated as 5xx); a 0xx code could also be read as informational by one parser "
   "and final by another, and the profile's own sweep has 'HTTP/1.1 099' as either. Mint rejects it, which either allows "
   "(" + SLWRAP + ")", MR(T, "line 'HTTP/1.1 099 OK\\r\\n'"))

# --- response_test.exs: decode_header/2 -----------------------------------------
SL = b"HTTP/1.1 200 OK\r\n"
HWRAP = ("the field line(s) of a decode_header/2 unit test placed after 'HTTP/1.1 200 OK' and followed by the empty line, "
         "so the body is read to end of stream (empty); the unit test's trailing 'X' (the next line's first byte) is dropped")


def hdr(slug, frag, exp, headers, note, test, detail, differs=None, unsure=None):
    d = SL + frag + b"\r\n"
    msgs = [R(d, headers=headers)] if exp != "error" else []
    mr(slug, d, exp, msgs, note + " (" + HWRAP + ")", MR(test, detail), differs=differs, unsure=unsure)


T = "decode_header/2: end of the header section"
d = SL + b"\r\nbody"
mr("hdr-eoh-crlf", d, "ok", [R(d)], "status-line, empty line, then 'body' read to end of stream",
   MR(T, "input '\\r\\nbody' after a status-line"))
d = SL + b"\nbody"
mr("hdr-eoh-lf", d, "error", [], "the empty line is a bare LF: profile rejects bare LF (RFC 9112 2.2 MAY accept is not taken)",
   MR(T, "input '\\nbody' after a status-line"), differs="Mint (accepts a bare LF line end)")

T = "decode_header/2: lowercases names and trims values"
hdr("hdr-content-type", b"Content-Type: text/plain\r\n", "ok", [(b"Content-Type", b"text/plain")],
    "a plain field line (names keep their case in the dump; Mint lowercases them)", T, "Content-Type")
hdr("hdr-ows-trim", b"A:   x y  \t\r\n", "ok", [(b"A", b"x y")], "leading and trailing OWS are not part of the value (RFC 9112 5)", T, "A:   x y  \\t")
hdr("hdr-empty-value", b"A:\r\n", "ok", [(b"A", b"")], "an empty field value is valid (RFC 9110 5.5)", T, "A:")
hdr("hdr-ows-only-value", b"A: \t \r\n", "ok", [(b"A", b"")], "a value of OWS only is empty", T, "A: \\t ")
hdr("hdr-location", b"Location: http://x.y:8080/p\r\n", "ok", [(b"Location", b"http://x.y:8080/p")],
    "colons inside the value are value bytes", T, "Location")

T = "decode_header/2: accepts LF-only line endings"
hdr("hdr-lf", b"A: b\n", "error", None, "a field line ending in a bare LF: the profile rejects it (RFC 9112 2.2)", T, "A: b\\n",
    differs="Mint (accepts a bare LF line end)")

T = "decode_header/2: replaces obsolete line folds with a space"
hdr("hdr-fold", b"A: b\r\n c\r\n", "ok", [(b"A", b"b c")],
    "obs-fold in a response: accepted, the fold reads as one SP (profile; RFC 9112 5.2)", T, "A: b\\r\\n c")
hdr("hdr-fold-lf", b"A: b \t\r\n\t c\n", "error", None,
    "obs-fold with OWS around it, but the continuation line ends in a bare LF: error (profile: bare LF)", T, "A: b \\t\\r\\n\\t c\\n",
    differs="Mint (accepts the bare LF; reads 'b c')")
hdr("hdr-fold-empty-first", b"A:\r\n b\r\n", "ok", [(b"A", b"b")],
    "an empty first line folded onto ' b': the fold is one SP, trimmed as leading OWS: 'b'", T, "A:\\r\\n b")
hdr("hdr-fold-blank-line", b"A: b\r\n \r\n c\r\n", "ok", [(b"A", b"b  c")],
    "two folds with a whitespace-only line between them: obs-fold = OWS CRLF RWS (RFC 9112 5.2) matches twice, each read "
    "as one SP, giving 'b  c' (two SPs). Mint collapses them to 'b c'", T, "A: b\\r\\n \\r\\n c",
    differs="Mint (reads 'b c': one SP for the whole run)",
    unsure="whether a whitespace-only continuation line is two folds (two SPs) or one; the profile says 'each fold'")

T = "decode_header/2: needs the next byte to know whether a line is folded"
for frag, det in [(b"A: b\r\n", "A: b\\r\\n"), (b"A: b\r\n c\r\n", "A: b\\r\\n c\\r\\n")]:
    d = SL + frag
    mr("hdr-next-byte-" + ("plain" if b" c" not in frag else "fold"), d, "error", [],
       "the head stops after a field line with no empty line: " + EOS + " (Mint returns :more)", MR(T, det + " alone after a status-line"))
d = SL + b"A: b\r\n\r\n"
mr("hdr-a-b", d, "ok", [R(d)], "one field line then the empty line (the unit test's end-of-input flag is the end of stream here)",
   MR(T, "A: b\\r\\n with eof"))
d = SL + b"A: b\n\r\n"
mr("hdr-a-b-lf-eof", d, "error", [], "the field line ends in a bare LF: error (profile)", MR(T, "A: b\\n with eof"),
   differs="Mint (accepts a bare LF line end)")

T = "decode_header/2: incomplete lines"
line = b"Content-Type: text/plain\r\nContent-Length: 12345\r\n\r\n"
for size in range(0, len(b"Content-Type: text/plain\r\n")):
    d = SL + line[:size]
    mr("hdr-incomplete-%02d" % size, d, "error", [], "the head is cut after %d bytes of a field line: %s" % (size, EOS),
       MR(T, "prefix of %d bytes" % size))
d = SL + line + b"x" * 12345
mr("hdr-incomplete-full", d, "ok", [R(d)],
   "the whole input of the unit test, completed with the 12345-byte body its Content-Length announces",
   MR(T, "the full line, body added"))

T = "decode_header/2: names and values across word boundaries"
for ns in range(1, 21):
    for vs in range(0, 21):
        name, value = b"a" * ns, b"b" * vs
        hdr("hdr-wb-n%02d-v%02d" % (ns, vs), name + b": " + value + b"\r\n", "ok", [(name, value)],
            "field name of %d bytes, value of %d bytes" % (ns, vs), T, "name_size %d, value_size %d, '#{name}: #{value}'" % (ns, vs))
        hdr("hdr-wb-n%02d-v%02d-tab" % (ns, vs), name + b":\t" + value + b"\tc\r\n", "ok", [(name, (value + b"\tc").lstrip(b"\t"))],
            "HTAB as OWS after the colon and HTAB inside the value", T,
            "name_size %d, value_size %d, '#{name}:\\t#{value}\\tc'" % (ns, vs))

T = "decode_header/2: all tchars are allowed in names"
tch = b"!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
hdr("hdr-all-tchars", tch + b": v\r\n", "ok", [(tch, b"v")], "every tchar in a field name (RFC 9110 5.6.2)", T, "all tchars")

T = "decode_header/2: invalid names"
hdr("hdr-empty-name", b": v\r\n", "error", None, "empty field name: field-name = token (1*tchar)", T, "': v'")
hdr("hdr-leading-sp", b" A: v\r\n", "error", None,
    "whitespace between the start-line and the first field line: RFC 9112 2.2 lets a recipient reject the message or "
    "drop such lines; the profile takes the rejection (it is neither a field-line nor an obs-fold of a previous field)",
    T, "' A: v'")
hdr("hdr-no-colon", b"no colon here\r\n", "error", None, "a field line without a colon", T, "'no colon here'")
SEPS = [ord(c) for c in "\"(),/;<=>?@[\\]{} \t"] + [0x01, 0x7F, 0x80, 0xFF]
for sep in SEPS:
    for pos in range(0, 17):
        name = b"a" * pos + bytes([sep]) + b"b"
        hdr("hdr-bad-name-%02x-%02d" % (sep, pos), name + b": v\r\n", "error", None,
            "byte 0x%02X in a field name is not a tchar (RFC 9110 5.6.2)%s" % (
                sep, "; at position 0 a SP/HTAB also makes it a whitespace-led line after the start-line" if pos == 0 and sep in (0x20, 0x09) else
                ("; whitespace before the colon MUST be rejected (RFC 9112 5.1)" if sep in (0x20, 0x09) else "")),
            T, "separator 0x%02X at position %d" % (sep, pos))

T = "decode_header/2: invalid values"
hdr("hdr-value-bare-cr", b"A: b\rc\r\n", "error", None, "a bare CR inside a value (RFC 9110 5.5; profile)", T, "A: b\\rc")
for byte in [0x00, 0x01, 0x0B, 0x1F, 0x7F]:
    for pos in range(0, 17):
        value = b"v" * pos + bytes([byte]) + b"w"
        hdr("hdr-bad-value-%02x-%02d" % (byte, pos), b"A: " + value + b"\r\n", "error", None,
            "control byte 0x%02X in a field value (RFC 9110 5.5: field-vchar is VCHAR / obs-text; profile: no control bytes)" % byte,
            T, "byte 0x%02X at position %d" % (byte, pos))

T = "decode_header/2: obs-text and HTAB are allowed in values"
for pos in range(0, 17):
    value = b"x" + b"v" * pos + b"\t\x80\xc3\xa9\xffw"
    hdr("hdr-obs-text-%02d" % pos, b"A: " + value + b"\r\n", "ok", [(b"A", value)],
        "HTAB and obs-text (0x80-0xFF) inside a value (RFC 9110 5.5)", T, "position %d" % pos)
skip("Mint", "property-based test with randomly generated input (no fixed bytes)",
     "response_test: decodes generated header lines", "parse_test: token_list_downcase returns an empty list if there's no token",
     "parse_test: token_list_downcase parses lists of tokens and downcases them")

# --- parse_test.exs: value parsers, each value placed in a response ---------------
PWRAP = "the value of a Mint.HTTP1.Parse unit test placed in a response field line"
T = "content_length_header/1"
for slug, v, exp, note, differs in [
    ("cl-0", b"0", "ok", "Content-Length 0", None),
    ("cl-100", b"100", "ok", "Content-Length 100 with a 100-byte body", None),
    ("cl-200-trailing-ows", b"200  ", "ok", "Content-Length '200  ': trailing OWS is not part of the value (RFC 9112 5), so 200", None),
    ("cl-foo", b"foo", "error", "Content-Length 'foo' is not 1*DIGIT (RFC 9110 8.6): error (RFC 9112 6.3 rule 5)", None),
    ("cl-minus-10", b"-10", "error", "Content-Length '-10': no sign allowed (RFC 9110 8.6; profile)", None),
]:
    n = int(v.strip()) if exp == "ok" else 0
    d = SL + b"content-length: " + v + b"\r\n\r\n" + b"x" * (n if exp == "ok" else 10)
    mr("parse-" + slug, d, exp, [R(d)] if exp == "ok" else [], note + " (" + PWRAP + ", body added)", MP(T, "value %r" % b2s(v)))
T = "connection_header/1"
for slug, v, exp, note, differs in [
    ("conn-close", b"close", "ok", "Connection: close", None),
    ("conn-close-ows", b"close  ", "ok", "Connection 'close  ': trailing OWS trimmed", None),
    ("conn-keep-alive", b"Keep-Alive", "ok", "Connection: Keep-Alive", None),
    ("conn-list", b"keep-alive, Upgrade", "ok", "Connection list 'keep-alive, Upgrade' on a 200 (no switch: only 101 upgrades)", None),
    ("conn-list-ows", b"keep-alive,  Upgrade  ", "ok", "Connection list with OWS", None),
    ("conn-lf", b"\n", "error", "a Connection value that is a bare LF: the line breaks with a bare LF (profile: error)", None),
    ("conn-empty", b"", "ok",
     "an empty Connection value: field values may be empty (RFC 9110 5.5) and an empty list is valid for a #list "
     "(RFC 9110 5.6.1); nothing about framing depends on it", "Mint (its Connection parser returns :empty_token_list)"),
]:
    d = SL + b"connection: " + v + b"\r\ncontent-length: 0\r\n\r\n"
    mr("parse-" + slug, d, exp, [R(d)] if exp == "ok" else [], note + " (" + PWRAP + ", with Content-Length: 0)",
       MP(T, "value %r" % b2s(v)), differs=differs)
T = "transfer_encoding_header/1"
for slug, v, exp, body, dec, note, differs, uns in [
    ("te-deflate", b"deflate", "ok", b"abc", b"abc",
     "Transfer-Encoding deflate in a response: chunked is not final, so the body is read to end of stream (RFC 9112 6.3 rule 4)", None, None),
    ("te-deflate-ows", b"deflate  ", "ok", b"abc", b"abc", "Transfer-Encoding 'deflate  ': close-delimited as above", None, None),
    ("te-gzip-chunked", b"gzip, Chunked", "ok", b"3\r\nabc\r\n0\r\n\r\n", b"abc", "Transfer-Encoding 'gzip, Chunked': chunked final (case-insensitive)", None, None),
    ("te-gzip-chunked-ows", b"gzip,   Chunked  ", "ok", b"3\r\nabc\r\n0\r\n\r\n", b"abc", "Transfer-Encoding with OWS around the comma", None, None),
    ("te-lf", b"\n", "error", b"abc", None, "a Transfer-Encoding value that is a bare LF: bare LF line end (profile: error)", None, None),
    ("te-empty", b"", "ok", b"abc", b"abc",
     "an empty Transfer-Encoding value in a response: an empty list (empty elements are ignored, profile), so chunked is "
     "not final and the body is read to end of stream (RFC 9112 6.3 rule 4)",
     "Mint (its parser returns :empty_token_list)",
     "an empty Transfer-Encoding in a response read as 'present, not chunked' (close); a reader could also call it invalid"),
]:
    d = SL + b"transfer-encoding: " + v + b"\r\n\r\n" + body
    fr = "chunked" if b"hunked" in v else "close"
    mr("parse-" + slug, d, exp, [R(d, framing=fr, body=dec)] if exp == "ok" else [],
       note + " (" + PWRAP + ", body added)", MP(T, "value %r" % b2s(v)), differs=differs, unsure=uns)
skip("Mint", "unit tests of a token-list helper with no field context",
     "parse_test: token_list_downcase parses practical examples",
     "parse_test: token_list_downcase throws {:mint, :invalid_token_list} for invalid tokens")


def main():
    out = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "elixir.json")
    with open(out, "w") as f:
        json.dump(CASES, f, ensure_ascii=True, indent=None)
        f.write("\n")
    for peer in ("bandit", "mint"):
        cs = [c for c in CASES if c["id"].startswith("elixir-" + peer)]
        cnt = lambda e: sum(1 for c in cs if c["expect"] == e)
        print("%s: %d cases (request %d, response %d) ok %d error %d either %d; derived %d" % (
            peer, len(cs), sum(c["mode"] == "request" for c in cs), sum(c["mode"] == "response" for c in cs),
            cnt("ok"), cnt("error"), cnt("either"), sum("(variant:" in c["source"] for c in cs)))
    print("merged duplicates:", len(MERGED))
    for (p, r), ts in SKIPS.items():
        print("skip %s %3d  %s" % (p, len(ts), r))
    print("differs:")
    for i, w in DIFFERS:
        print("  ", i, "--", w)
    print("unsure:")
    for i, w in UNSURE:
        print("  ", i, "--", w)


if __name__ == "__main__":
    main()
