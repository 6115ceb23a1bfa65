#!/usr/bin/env python3
"""Build tests/corpus/kestrel.json: h1wire corpus cases from ASP.NET Core Kestrel's HTTP/1.1 tests.

Kestrel (https://github.com/dotnet/aspnetcore, src/Servers/Kestrel, MIT licence,
copyright .NET Foundation) keeps its HTTP/1 parser tables in
src/Servers/Kestrel/shared/test/HttpParsingData.cs and feeds them, and inline
strings, to parser unit tests (HttpParserTests, Http1ConnectionTests,
StartLineTests, MessageBodyTests) and to end-to-end tests that write raw bytes
to an in-memory server (BadHttpRequestTests, ChunkedRequestTests, RequestTests).
Only the test MESSAGES (bytes) are taken here, with the file and test name in
each case's source.

Every expectation is decided by the strict profile (CONFORMANCE.md
section 3) and RFC 9112 / RFC 9110. To apply the profile the same way to a few
thousand table rows, the script carries a small reference reading of the
profile (class Ref below: server role only, since every Kestrel message is a
request). Its answer was checked by hand on every case kind; where it answers
differently from Kestrel the case note says "differs from kestrel: ...".

Run: python3 tests/corpus/make/kestrel.py [--full]   (writes tests/corpus/kestrel.json)

Kestrel's table of valid request-lines is a cross product (2 methods x 34
targets x 12 queries x 4 versions, 3,264 lines). By default a covering
subset is written: every target with every version and every query with
every version, the other parts rotating (184 lines), so that CI reads the
corpus in its time budget; `--full` writes the whole product.
"""

import json
import os
import re
import sys

REPO = "dotnet/aspnetcore"
VERSIONS = {
    "HttpParsingData": ("src/Servers/Kestrel/shared/test/HttpParsingData.cs",
                        "02fbb9c82fa0eb7691b54d883d7a54524c3945ff"),
    "HttpParserTests": ("src/Servers/Kestrel/Core/test/HttpParserTests.cs",
                        "2d3c28da0a661345dd072a26181f16090d0f6ce3"),
    "StartLineTests": ("src/Servers/Kestrel/Core/test/StartLineTests.cs",
                       "1e60480a64ed95d6c4000708ef6e760c23c33be7"),
    "MessageBodyTests": ("src/Servers/Kestrel/Core/test/MessageBodyTests.cs",
                         "0baa7a407a54d05478131da028a4203b9ad1204e"),
    "Http1ConnectionTests": ("src/Servers/Kestrel/Core/test/Http1ConnectionTests.cs",
                             "7a71a262dad79730d9e9a874a8d4603b28a41a3d"),
    "BadHttpRequestTests": ("src/Servers/Kestrel/test/InMemory.FunctionalTests/BadHttpRequestTests.cs",
                            "962135137fbf44093aede4ebedae74b9571cbd25"),
    "ChunkedRequestTests": ("src/Servers/Kestrel/test/InMemory.FunctionalTests/ChunkedRequestTests.cs",
                            "962135137fbf44093aede4ebedae74b9571cbd25"),
    "RequestTests": ("src/Servers/Kestrel/test/InMemory.FunctionalTests/RequestTests.cs",
                     "c3556da401b0f6f0ae8a857c129bdb7a21da4768"),
    "UpgradeTests": ("src/Servers/Kestrel/test/InMemory.FunctionalTests/UpgradeTests.cs",
                     "cca91f243918df72a3228817436ab78291684d41"),
    "RequestTargetProcessingTests": ("src/Servers/Kestrel/test/InMemory.FunctionalTests/RequestTargetProcessingTests.cs",
                                     "cca91f243918df72a3228817436ab78291684d41"),
    "StreamBackedTestConnection": ("src/Servers/Kestrel/shared/test/StreamBackedTestConnection.cs",
                                   "051aa954793484f702f55541d95b99146ce35263"),
}

CASES = []
SEEN = {}
DUPS = []        # (source, id it merged into)
SKIPPED = {}     # reason -> list of "File.Test"
DIFFERS = {}     # id -> one line

CRLF = b"\r\n"


def b2s(b):
    return b.decode("latin-1")


def s2b(s):
    """C# string -> bytes as Kestrel's tests write them (ASCII / ISO-8859-1)."""
    return s.encode("latin-1")


def src(fkey, test, detail=None, variant=None):
    path, commit = VERSIONS[fkey]
    s = "%s %s (commit %s): %s" % (REPO, path, commit[:12], test)
    if detail:
        s += ", " + detail
    if variant:
        s += " (variant: %s)" % variant
    return s


def join(*lines):
    """StreamBackedTestConnection.Send / SendAll: string.Join("\\r\\n", lines), ISO-8859-1."""
    return CRLF.join(s2b(x) if isinstance(x, str) else x for x in lines)


def skip(reason, fkey, test, n=1):
    SKIPPED.setdefault(reason, []).append(("%s.%s" % (fkey, test), n))


# ===========================================================================
# Reference reading of the strict profile (requests only)
# ===========================================================================
TCHAR = set(b"!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
HEX = set(b"0123456789abcdefABCDEF")
DIGIT = set(b"0123456789")
REGNAME = set(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+;=")
TE_OK = {b"chunked", b"gzip", b"x-gzip", b"deflate", b"compress", b"x-compress"}
U64 = (1 << 64) - 1


class Err(Exception):
    def __init__(self, why):
        Exception.__init__(self, why)
        self.why = why


class Incomplete(Err):
    def __init__(self):
        Err.__init__(self, "stream ends inside a message")


def valid_uri_host(v):
    """Host value: uri-host [":" port], no userinfo, no whitespace, no list."""
    if v.startswith(b"["):
        end = v.find(b"]")
        if end < 0:
            return False
        lit = v[1:end]
        if not lit or not all(c in HEX or c in b":." for c in lit):
            return False
        rest = v[end + 1:]
        if rest == b"":
            return True
        if not rest.startswith(b":"):
            return False
        port = rest[1:]
    else:
        if b":" in v:
            host, port = v.rsplit(b":", 1)
        else:
            host, port = v, None
        if host == b"":
            return False
        i = 0
        while i < len(host):
            c = host[i]
            if c == ord("%"):
                if len(host) < i + 3 or host[i + 1] not in HEX or host[i + 2] not in HEX:
                    return False
                i += 3
                continue
            if c not in REGNAME:
                return False
            i += 1
        if port is None:
            return True
    if port == b"":
        return True
    if not all(c in DIGIT for c in port):
        return False
    return int(port) <= 65535


def check_target(method, t, flags):
    """Request-target form against the method (profile, RFC 9112 3.2)."""
    for c in t:
        if c < 0x21 or c == 0x7F:
            raise Err("control, SP or DEL byte in the request-target")
    if any(c >= 0x80 for c in t):
        flags.append("target bytes 0x80-0xFF (profile: either)")
    if method == b"CONNECT":
        m = re.fullmatch(rb"(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9\-._~%!$&'()*+;=]+):([0-9]+)", t)
        if not m:
            raise Err("a CONNECT target must be authority-form host:port (RFC 9112 3.2.3)")
        return
    if t == b"*":
        if method != b"OPTIONS":
            flags.append("asterisk-form with a method other than OPTIONS (profile: either)")
        return
    if t.startswith(b"/"):
        return
    m = re.match(rb"([A-Za-z][A-Za-z0-9+\-.]*)://", t)
    if m:
        rest = t[m.end():]
        auth = re.split(rb"[/?#]", rest, maxsplit=1)[0]
        if b"@" in auth:
            flags.append("userinfo in an absolute-form target (RFC 9110 4.2.4 SHOULD reject: either)")
            auth = auth.rsplit(b"@", 1)[1]
        if auth.startswith(b"["):
            host = auth[:auth.find(b"]") + 1] if b"]" in auth else auth
        else:
            host = auth.rsplit(b":", 1)[0] if b":" in auth else auth
        if host == b"":
            raise Err("absolute-form with an empty host: RFC 9110 4.2.1, an http(s) URI with an "
                      "empty host MUST be rejected as invalid")
        return
    raise Err("the request-target is not origin-, absolute- or asterisk-form (RFC 9112 3.2); "
              "authority-form is for CONNECT only")


class Ref:
    """Decode a request stream; returns (messages, error_or_None, flags_by_message)."""

    def __init__(self, data):
        self.d = data
        self.p = 0

    def need(self, n):
        if self.p + n > len(self.d):
            raise Incomplete()

    def line(self, limit):
        """One CRLF-terminated line; bare LF / bare CR are errors."""
        start = self.p
        i = start
        while True:
            if i >= len(self.d):
                raise Incomplete()
            c = self.d[i]
            if c == 0x0A:
                raise Err("bare LF (the profile accepts only CRLF, RFC 9112 2.2)")
            if c == 0x0D:
                if i + 1 >= len(self.d):
                    raise Incomplete()
                if self.d[i + 1] != 0x0A:
                    raise Err("CR not followed by LF (RFC 9112 2.2)")
                ln = self.d[start:i]
                if len(ln) + 2 > limit:
                    raise Err("line longer than the profile's limit")
                self.p = i + 2
                return ln
            i += 1
            if i - start > limit:
                raise Err("line longer than the profile's limit")

    def fields(self, limit_lines, trailer):
        out = []
        total = 0
        first = True
        while True:
            ln = self.line(16 * 1024)
            total += len(ln) + 2
            if ln == b"":
                return out
            if ln[:1] in (b" ", b"\t"):
                raise Err("a field line starting with SP/HTAB (obs-fold, or whitespace before the "
                          "first field): an error in a request (RFC 9112 5.2, 2.2)")
            first = False
            if b":" not in ln:
                raise Err("a field line without a colon (RFC 9112 5)")
            name, value = ln.split(b":", 1)
            if not name or not all(c in TCHAR for c in name):
                raise Err("field-name is not a token, or whitespace before the colon "
                          "(RFC 9112 5.1, RFC 9110 5.1)")
            for c in value:
                if not (c == 0x09 or 0x20 <= c <= 0x7E or c >= 0x80):
                    raise Err("NUL or a control byte in a field value (RFC 9110 5.5)")
            out.append((name, value.strip(b" \t")))
            if len(out) > limit_lines:
                raise Err("more field lines than the profile's default limit (100)")
            if trailer and total > 16 * 1024:
                raise Err("trailer section over the profile's limit")

    def message(self):
        flags = []
        ln = self.line(16 * 1024)
        parts = ln.split(b" ")
        if len(parts) != 3:
            raise Err("request-line is not method SP request-target SP HTTP-version with single "
                      "SPs (RFC 9112 3)")
        method, target, version = parts
        if not method or not all(c in TCHAR for c in method):
            raise Err("method is not a token (RFC 9110 9.1)")
        if version not in (b"HTTP/1.0", b"HTTP/1.1"):
            raise Err("HTTP-version is not HTTP/1.0 or HTTP/1.1 (profile; RFC 9112 2.3)")
        if target == b"":
            raise Err("empty request-target")
        check_target(method, target, flags)
        headers = self.fields(100, False)
        low = [(n.lower(), v) for n, v in headers]
        hosts = [v for n, v in low if n == b"host"]
        if version == b"HTTP/1.1" and not hosts:
            raise Err("HTTP/1.1 request without Host (RFC 9112 3.2, RFC 9110 7.2)")
        if len(hosts) > 1:
            raise Err("more than one Host field line (RFC 9110 7.2)")
        if hosts:
            if hosts[0] == b"":
                flags.append("empty Host value (profile: either)")
            elif not valid_uri_host(hosts[0]):
                raise Err("Host value is not uri-host [\":\" port] (RFC 9110 7.2; profile)")
        tes = [v for n, v in low if n == b"transfer-encoding"]
        cls = [v for n, v in low if n == b"content-length"]
        conn = b",".join(v for n, v in low if n == b"connection").lower()
        tokens = [x.strip(b" \t") for x in conn.split(b",")]
        closes = (b"close" in tokens) or (version == b"HTTP/1.0" and b"keep-alive" not in tokens)
        clen = None
        if cls:
            vals = []
            for v in cls:
                for x in v.split(b","):
                    x = x.strip(b" \t")
                    if not x or not all(c in DIGIT for c in x) or int(x) > U64:
                        raise Err("invalid Content-Length (RFC 9112 6.3; profile)")
                    vals.append(int(x))
            if len(set(vals)) > 1:
                raise Err("differing Content-Length values (RFC 9112 6.3)")
            if len(vals) > 1:
                flags.append("several identical Content-Length values (profile: either)")
            clen = vals[0]
        msg = {"start": [b2s(method), b2s(target), b2s(version)],
               "headers": [[b2s(n), b2s(v)] for n, v in headers],
               "framing": "none", "body": "", "trailers": [], "complete": True}
        if method == b"CONNECT":
            if tes:
                raise Err("Transfer-Encoding on a CONNECT request (profile)")
            msg["framing"] = "upgrade"
            return msg, flags, True, True
        if tes:
            if version == b"HTTP/1.0":
                raise Err("Transfer-Encoding in an HTTP/1.0 message (profile; RFC 9112 6.1)")
            if cls:
                raise Err("Transfer-Encoding together with Content-Length in a request "
                          "(RFC 9112 6.1, 6.3; profile)")
            codings = []
            for v in tes:
                for x in v.split(b","):
                    x = x.strip(b" \t")
                    if x:
                        codings.append(x.lower())
            for x in codings:
                if x not in TE_OK:
                    raise Err("Transfer-Encoding coding %r is not registered or has parameters: "
                              "error (profile, 501)" % b2s(x))
            if not codings or codings[-1] != b"chunked":
                raise Err("chunked is not the final transfer coding of a request (RFC 9112 6.3)")
            if codings.count(b"chunked") > 1:
                raise Err("chunked applied twice (RFC 9112 7)")
            msg["framing"] = "chunked"
            body, trailers = self.chunked()
            msg["body"] = b2s(body)
            msg["trailers"] = [[b2s(n), b2s(v)] for n, v in trailers]
            return msg, flags, closes, False
        if clen is not None:
            msg["framing"] = "length"
            self.need(clen)
            msg["body"] = b2s(self.d[self.p:self.p + clen])
            self.p += clen
            return msg, flags, closes, False
        return msg, flags, closes, False

    def chunked(self):
        body = b""
        while True:
            ln = self.line(4 * 1024)
            i = 0
            while i < len(ln) and ln[i] in HEX:
                i += 1
            if i == 0:
                raise Err("chunk-size is not 1*HEXDIG (RFC 9112 7.1)")
            size = int(ln[:i], 16)
            if size > U64:
                raise Err("chunk-size does not fit u64 (profile)")
            self.chunk_ext(ln[i:])
            if size == 0:
                trailers = self.fields(10 ** 9, True)
                for n, v in trailers:
                    if n.lower() in (b"content-length", b"transfer-encoding", b"host"):
                        raise Err("a trailer field that frames or routes the message "
                                  "(Content-Length, Transfer-Encoding, Host): error (profile)")
                return body, trailers
            self.need(size)
            body += self.d[self.p:self.p + size]
            self.p += size
            self.need(1)
            if self.d[self.p] != 0x0D:
                raise Err("chunk-data not followed by CRLF (RFC 9112 7.1)")
            self.need(2)
            if self.d[self.p + 1] != 0x0A:
                raise Err("chunk-data not followed by CRLF (RFC 9112 7.1)")
            self.p += 2

    @staticmethod
    def chunk_ext(e):
        """chunk-ext = *( BWS ";" BWS name [ BWS "=" BWS ( token / quoted-string ) ] )."""
        i = 0
        n = len(e)

        def ws(i):
            while i < n and e[i] in b" \t":
                i += 1
            return i

        def token(i):
            j = i
            while j < n and e[j] in TCHAR:
                j += 1
            if j == i:
                raise Err("chunk extension name/value is not a token (RFC 9112 7.1.1)")
            return j

        if n and e[0] in b" \t" and b";" not in e:
            raise Err("whitespace after the chunk-size with no extension (profile)")
        while i < n:
            i = ws(i)
            if i >= n or e[i] != ord(";"):
                raise Err("bad chunk extension syntax (RFC 9112 7.1.1)")
            i = ws(i + 1)
            i = token(i)
            j = ws(i)
            if j < n and e[j] == ord("="):
                i = ws(j + 1)
                if i < n and e[i] == ord('"'):
                    i += 1
                    while True:
                        if i >= n:
                            raise Err("unterminated quoted-string in a chunk extension")
                        c = e[i]
                        if c == ord('"'):
                            i += 1
                            break
                        if c == ord("\\"):
                            if i + 1 >= n or not (e[i + 1] in b"\t " or 0x21 <= e[i + 1] <= 0x7E
                                                  or e[i + 1] >= 0x80):
                                raise Err("bad quoted-pair in a chunk extension")
                            i += 2
                            continue
                        if not (c in b"\t " or c == 0x21 or 0x23 <= c <= 0x5B or 0x5D <= c <= 0x7E
                                or c >= 0x80):
                            raise Err("bad byte in a quoted chunk extension value")
                        i += 1
                else:
                    i = token(i)
            else:
                if j < n and e[j] != ord(";"):
                    raise Err("bad chunk extension syntax (RFC 9112 7.1.1)")

    def run(self):
        """All messages under the 'accept every either' reading, plus the flags."""
        msgs = []
        flags = []
        err = None
        while True:
            if self.d.startswith(CRLF, self.p):
                self.p += 2
            if self.p >= len(self.d):
                break
            try:
                m, f, closes, stop = self.message()
            except Err as ex:
                err = ex.why
                break
            msgs.append(m)
            flags.append(f)
            if stop:
                break
            if closes and self.p < len(self.d) and self.d[self.p:] != CRLF:
                flags[-1] = flags[-1] + ["bytes after a request that closes the connection "
                                         "(profile: either, stop or go on decoding)"]
        return msgs, err, flags


def decide(data):
    msgs, err, flags = Ref(data).run()
    anyflag = [f for fl in flags for f in fl]
    if err is None:
        return ("either" if anyflag else "ok"), msgs, err, anyflag
    # an error: 'either' when an earlier, complete message carries an either point (a decoder
    # that takes the strict reading there fails sooner, with fewer messages)
    return ("either" if anyflag else "error"), msgs, err, anyflag


# ===========================================================================
# Adding cases
# ===========================================================================

def add(slug, data, source, what, kestrel=None, why_k=None, expect=None, messages=None):
    """kestrel: Kestrel's answer ('ok'/'error'/None); why_k: one line on Kestrel's reading."""
    assert isinstance(data, bytes), slug
    cid = "kestrel-" + slug
    key = data
    if key in SEEN:
        DUPS.append((source, SEEN[key]))
        for c in CASES:
            if c["id"] == SEEN[key]:
                c["source"] += "; the same bytes also in " + source.split(" (commit")[0].rsplit("/", 1)[1] \
                    + ": " + source.split("): ", 1)[1]
        return SEEN[key]
    assert cid not in {c["id"] for c in CASES}, cid
    exp, msgs, err, flags = decide(data)
    if expect is not None:
        assert expect == exp, (cid, expect, exp, err, flags)
    note = what
    if err:
        note += ". Profile: " + ("error after %d message(s): %s" % (len(msgs), err))
    if flags:
        note += ". Either point(s): " + "; ".join(sorted(set(flags)))
    if exp == "ok" or (exp == "either" and not err):
        note += ". Profile: accepted as %d message(s)" % len(msgs)
    differs = None
    if kestrel == "ok" and exp == "error":
        differs = why_k or "Kestrel accepts"
    elif kestrel == "error" and exp == "ok":
        differs = why_k or "Kestrel rejects"
    elif kestrel is not None and exp == "either" and why_k:
        note += ". Kestrel: " + why_k
    if differs:
        note = "differs from kestrel: " + differs + ". " + note
        DIFFERS[cid] = differs
    CASES.append({"id": cid, "mode": "request", "methods": [], "input": b2s(data),
                  "expect": exp, "messages": msgs, "note": note, "source": source})
    return cid


def only_host_missing(data):
    msgs, err, flags = Ref(data).run()
    return err is not None and err.startswith("HTTP/1.1 request without Host")


def with_host(data, host=b"example.com"):
    """Insert a Host field line after every request-line (the first line of the stream)."""
    i = data.find(b"\n")
    if i < 0:
        return None
    eol = b"\r\n" if data[i - 1:i] == b"\r" else b"\n"
    return data[:i + 1] + b"Host: " + host + eol + data[i + 1:]


def authority_host(target):
    m = re.match(rb"[A-Za-z][A-Za-z0-9+\-.]*://([^/?#]*)", target)
    if not m:
        return b"example.com"
    a = m.group(1).rsplit(b"@", 1)[-1]
    if a == b"" or a.startswith(b":"):
        return b"example.com"
    return a


def slug_of(s, n=40):
    s = re.sub(r"[^A-Za-z0-9]+", "-", s).strip("-").lower()
    return s[:n].strip("-") or "x"


# ===========================================================================
# HttpParsingData tables
# ===========================================================================
METHODS = ["GET", "CUSTOM"]
PATHS = ["/", "/abc", "/abc/de/f", "/%20", "/a%20", "/%20a", "/a/b%20c", "/%C3%A5", "/a%C3%A5a",
         "/%C3%A5/bc", "/%25", "/%25%30%30", "/%%2000", "/%2F", "http://host/abs/path",
         "http://host/abs/path/", "http://host/a%20b%20c/", "https://host/abs/path",
         "https://host/abs/path/", "https://host:22/abs/path", "https://user@host:9080/abs/path",
         "http://host/", "http://host", "https://host/", "https://host", "http://user@host/",
         "http://127.0.0.1/", "http://user@127.0.0.1/", "http://user@127.0.0.1:8080/",
         "http://127.0.0.1:8080/", "http://[::1]", "http://[::1]/path", "http://[::1]:8080/",
         "http://user@[::1]:8080/"]
QUERIES = ["", "?", "?arg1=val1", "?arg1=a%20b", "?%A", "?%20=space", "?%C3%A5=val",
           "?path=/home", "?path=/%C3%A5/", "?question=what?", "?%00", "?arg=%00"]
VERSIONS_RL = ["HTTP/1.0", "HTTP/1.1", " HTTP/1.1", "   HTTP/1.1"]

PD = "HttpParsingData"
HPT = "HttpParserTests"
H1C = "Http1ConnectionTests"
BHR = "BadHttpRequestTests"


def line_case(slug, line, source, what, kestrel, why_k=None, line_only=False):
    """A request-line test. line_only: the peer writes only the line (BadHttpRequestTests);
    otherwise the line is ended with an empty line (the parser unit test stops after it).
    A '-host' variant adds 'Host: <authority or example.com>' and the end of the head."""
    target = line.split(b" ")[1] if line.count(b" ") >= 2 else b""
    host = authority_host(target)
    if line_only:
        add(slug, line, source, what + " (the request-line alone, as the test writes it: the "
            "stream ends inside the head)", kestrel="error")
        v = line + b"Host: " + host + CRLF + CRLF
        add(slug + "-host", v, source.replace("):", "):", 1) + " (variant: Host field and end of "
            "head added)", what, kestrel, why_k)
        return
    data = line + CRLF
    cid = add(slug, data, source + " (the line ended by an empty line)", what,
              kestrel if not only_host_missing(data) else "error", why_k)
    if only_host_missing(data):
        v = line + b"Host: " + host + CRLF + CRLF
        add(slug + "-host", v, source + " (variant: Host field added)", what, kestrel, why_k)


def tables():
    # --- RequestLineValidData: HttpParserTests.ParsesRequestLine and
    #     Http1ConnectionTests.TakeStartLineSetsHttpProtocolProperties
    full = "--full" in sys.argv
    # The covering subset (see the module's doc): (target, version) and
    # (query, version) pairs each once, method and the other part rotating.
    cover = set()
    for pi in range(len(PATHS)):
        for vi in range(len(VERSIONS_RL)):
            cover.add(((pi + vi) % len(METHODS), pi, (pi + vi) % len(QUERIES), vi))
    for qi in range(len(QUERIES)):
        for vi in range(len(VERSIONS_RL)):
            cover.add(((qi + vi + 1) % len(METHODS), (qi * 3 + vi) % len(PATHS), qi, vi))
    for mi, m in enumerate(METHODS):
        for pi, p in enumerate(PATHS):
            for qi, q in enumerate(QUERIES):
                for vi, v in enumerate(VERSIONS_RL):
                    if not full and (mi, pi, qi, vi) not in cover:
                        continue
                    line = s2b("%s %s%s %s\r\n" % (m, p, q, v))
                    slug = "valid-%s-p%02d-q%02d-v%d" % (m.lower(), pi, qi, vi)
                    why = None
                    if v.startswith(" "):
                        why = ("Kestrel accepts extra SPs before the HTTP-version (its "
                               "RequestLineValidData); the request-line has single SPs "
                               "(RFC 9112 3)")
                    line_case(slug, line,
                              src(HPT, "ParsesRequestLine", "RequestLineValidData %r" % b2s(line)),
                              "valid request-line table row: method %s, target %s%s, version %r"
                              % (m, p, q, v), "ok", why)
    # --- RequestLineDotSegmentData: Http1ConnectionTests.TakeStartLineRemovesDotSegmentsFromTarget
    for i, l in enumerate([
            "GET /a/../b HTTP/1.1\r\n", "GET /%61/../%62 HTTP/1.1\r\n", "GET /a/%2E%2E/b HTTP/1.1\r\n",
            "GET /%61/%2E%2E/%62 HTTP/1.1\r\n", "GET /a?p=/a/../b HTTP/1.1\r\n",
            "GET /a?p=/a/%2E%2E/b HTTP/1.1\r\n", "GET http://example.com/a/../b HTTP/1.1\r\n",
            "GET http://example.com/%61/../%62 HTTP/1.1\r\n",
            "GET http://example.com/a/%2E%2E/b HTTP/1.1\r\n",
            "GET http://example.com/%61/%2E%2E/%62 HTTP/1.1\r\n",
            "GET http://example.com/a?p=/a/../b HTTP/1.1\r\n",
            "GET http://example.com/a?p=/a/%2E%2E/b HTTP/1.1\r\n",
            "GET http://example.com?p=/a/../b HTTP/1.1\r\n",
            "GET http://example.com?p=/a/%2E%2E/b HTTP/1.1\r\n",
            "OPTIONS * HTTP/1.1\r\n", "CONNECT www.example.com HTTP/1.1\r\n"]):
        why = None
        if l.startswith("CONNECT"):
            why = ("Kestrel accepts a CONNECT target without a port; authority-form is "
                   "uri-host \":\" port (RFC 9112 3.2.3), the port is required")
        line_case("dot-%02d-%s" % (i, slug_of(l.split(" ")[1], 30)), s2b(l),
                  src(H1C, "TakeStartLineRemovesDotSegmentsFromTarget",
                      "RequestLineDotSegmentData %r" % l),
                  "dot segments in a target (the decoder passes the target through; Kestrel "
                  "normalises the path)", "ok", why)
    # --- RequestLineIncompleteData: ParseRequestLineReturnsFalseWhenGivenIncompleteRequestLines
    #     (and ...DoesNotConsumeIncompleteRequestLine, same data)
    for i, l in enumerate(["G", "GE", "GET", "GET ", "GET /", "GET / ", "GET / H", "GET / HT",
                           "GET / HTT", "GET / HTTP", "GET / HTTP/", "GET / HTTP/1", "GET / HTTP/1.",
                           "GET / HTTP/1.1", "GET / HTTP/1.1\r"]):
        add("incomplete-line-%02d" % i, s2b(l),
            src(HPT, "ParseRequestLineReturnsFalseWhenGivenIncompleteRequestLines",
                "RequestLineIncompleteData %r" % l),
            "a request-line cut short: the parser needs more bytes; with end of stream after it "
            "the message is incomplete", "error")
    skip("same data as another converted test", HPT, "ParseRequestLineDoesNotConsumeIncompleteRequestLine", 15)
    # --- RequestLineInvalidData (+ MethodWithNonTokenCharData as "{m} / HTTP/1.0\r\n"):
    #     HttpParserTests.ParseRequestLineThrowsOnInvalidRequestLine and
    #     BadHttpRequestTests.TestInvalidRequestLines (which writes the line alone)
    inv = ["G\r\n", "GE\r\n", "GET\r\n", "GET \r\n", "GET /\r\n", "GET / \r\n", "GET/HTTP/1.1\r\n",
           "GET /HTTP/1.1\r\n", " \r\n", "  \r\n", "/ HTTP/1.1\r\n", " / HTTP/1.1\r\n", "/ \r\n",
           "GET  \r\n", "GET  HTTP/1.0\r\n", "GET  HTTP/1.1\r\n", "GET / \n", "GET / HTTP/1.0\n",
           "GET / HTTP/1.1\n", "GET / HTTP/1.0\rA\n", "GET / HTTP/1.1\ra\n", "GET  / HTTP/1.1\r\n",
           "GET   / HTTP/1.1\r\n", "GET  /  HTTP/1.1\r\n", "GET   /   HTTP/1.1\r\n",
           "GET / HTTP/1.1 \r\n", "GET / HTTP/1.1  \r\n", "GET / H\r\n", "GET / HT\r\n",
           "GET / HTT\r\n", "GET / HTTP\r\n", "GET / HTTP/\r\n", "GET / HTTP/1\r\n",
           "GET / HTTP/1.\r\n", "GET / HTTP/1.1a\n", "GET / HTTP/1.1a\r\n", "GET / HTTP/1.1ab\r\n",
           "GET / hello\r\n", "GET? / HTTP/1.1\r\n", "GET ? HTTP/1.1\r\n", "GET /a?b=cHTTP/1.1\r\n",
           "GET /a%20bHTTP/1.1\r\n", "GET /a%20b?c=dHTTP/1.1\r\n", "GET %2F HTTP/1.1\r\n",
           "GET %00 HTTP/1.1\r\n", "GET /?d=Bad UrlToAccept HTTP/1.1\r\n", "CUSTOM \r\n",
           "CUSTOM /\r\n", "CUSTOM / \r\n", "CUSTOM /HTTP/1.1\r\n", "CUSTOM  \r\n",
           "CUSTOM  HTTP/1.0\r\n", "CUSTOM  HTTP/1.1\r\n", "CUSTOM / \n", "CUSTOM / HTTP/1.0\n",
           "CUSTOM / HTTP/1.1\n", "CUSTOM / HTTP/1.0\rA\n", "CUSTOM / HTTP/1.1\ra\n",
           "CUSTOM  / HTTP/1.1\r\n", "CUSTOM   / HTTP/1.1\r\n", "CUSTOM  /  HTTP/1.1\r\n",
           "CUSTOM   /   HTTP/1.1\r\n", "CUSTOM / HTTP/1.1 \r\n", "CUSTOM / HTTP/1.1  \r\n",
           "CUSTOM / H\r\n", "CUSTOM / HT\r\n", "CUSTOM / HTT\r\n", "CUSTOM / HTTP\r\n",
           "CUSTOM / HTTP/\r\n", "CUSTOM / HTTP/1\r\n", "CUSTOM / HTTP/1.\r\n", "CUSTOM / HTTP/1.1a\n",
           "CUSTOM / HTTP/1.1a\r\n", "CUSTOM / HTTP/1.1ab\r\n", "CUSTOM / H\n", "CUSTOM / HT\n",
           "CUSTOM / HTT\n", "CUSTOM / HTTP\n", "CUSTOM / HTTP/\n", "CUSTOM / HTTP/1\n",
           "CUSTOM / HTTP/1.\n", "CUSTOM / hello\r\n", "CUSTOM / hello\n", "CUSTOM ? HTTP/1.1\r\n",
           "CUSTOM /a?b=cHTTP/1.1\r\n", "CUSTOM /a%20bHTTP/1.1\r\n", "CUSTOM /a%20b?c=dHTTP/1.1\r\n",
           "CUSTOM %2F HTTP/1.1\r\n", "CUSTOM %00 HTTP/1.1\r\n",
           "CUSTOM /?d=Bad UrlToAccept HTTP/1.1\r\n"]
    nontoken = ["(", ")", "<", ">", "@", ",", ";", ":", "\\", "\"", "/", "[", "]", "?", "=", "{",
                "}", "get@", "post=", "[0x00]", "\0", "\0GET", "G\0T", "GET\0"]
    inv += ["%s / HTTP/1.0\r\n" % m for m in nontoken]
    for i, l in enumerate(inv):
        line_case("invalid-line-%03d-%s" % (i, slug_of(l, 24)), s2b(l),
                  src(BHR, "TestInvalidRequestLines", "RequestLineInvalidData %r" % l)
                  + "; also HttpParserTests.ParseRequestLineThrowsOnInvalidRequestLine",
                  "invalid request-line table row %r" % l, "error",
                  line_only=True)
    # LF-terminated lines: ParseRequestLineThrowsOnInvalidRequestLineLineFeedTerminator (strict)
    # and ParseRequestSucceedsOnInvalidRequestLineLineFeedTerminator (quirk mode option)
    for l in ["GET / HTTP/1.0\n", "GET / HTTP/1.1\n", "CUSTOM / HTTP/1.0\n", "CUSTOM / HTTP/1.1\n"]:
        pass  # the same strings are rows of RequestLineInvalidData above (merged)
    skip("lenient option (Kestrel's LF-terminator quirk mode) on bytes converted strictly elsewhere",
         HPT, "ParseRequestSucceedsOnInvalidRequestLineLineFeedTerminator", 4)
    skip("same data as another converted test", HPT,
         "ParseRequestLineThrowsOnInvalidRequestLineLineFeedTerminator", 4)
    # MethodWithNonTokenCharData: "{m} / HTTP/1.1\r\n" (ParseRequestLineThrowsOnNonTokenCharsInCustomMethod)
    for i, m in enumerate(nontoken):
        l = "%s / HTTP/1.1\r\n" % m
        line_case("nontoken-method-%02d-%s" % (i, slug_of(m, 10)), s2b(l),
                  src(HPT, "ParseRequestLineThrowsOnNonTokenCharsInCustomMethod",
                      "MethodWithNonTokenCharData %r" % m)
                  + ("; also Http1ConnectionTests.TakeStartLineThrowsOnNullCharInMethod"
                     if "\0" in m else ""),
                  "method %r holds a byte that is not a tchar" % m, "error", line_only=True)
    # UnrecognizedHttpVersionData: HttpParserTests / BadHttpRequestTests
    for i, v in enumerate(["http/1.0", "http/1.1", "HTTP/1.2", "HTTP/3.0", "8charact"]):
        l = "GET / %s\r\n" % v
        line_case("version-%d-%s" % (i, slug_of(v)), s2b(l),
                  src(BHR, "TestInvalidRequestLinesWithUnrecognizedVersion", "%r" % v)
                  + "; also HttpParserTests.ParseRequestLineThrowsOnUnrecognizedHttpVersion",
                  "HTTP-version %r (HTTP-name is case-sensitive, RFC 9112 2.3; the profile "
                  "takes HTTP/1.0 and HTTP/1.1 only)" % v, "error", line_only=True)
    # TargetWithEncodedNullCharData: Http1ConnectionTests.TakeStartLineThrowsOnEncodedNullCharInTarget,
    # BadHttpRequestTests.TestInvalidRequestLines
    for i, t in enumerate(["/%00", "/%00%00", "/%E8%00%84", "/%E8%85%00", "/%F3%00%82%86",
                           "/%F3%85%00%82", "/%F3%85%82%00"]):
        l = "GET %s HTTP/1.1\r\n" % t
        line_case("encoded-nul-%d" % i, s2b(l),
                  src(BHR, "TestInvalidRequestLines", "TargetWithEncodedNullCharData %r" % t)
                  + "; also Http1ConnectionTests.TakeStartLineThrowsOnEncodedNullCharInTarget",
                  "a percent-encoded NUL in the target", "error",
                  "Kestrel percent-decodes the path and rejects %00; on the wire '%00' is three "
                  "valid target bytes (pct-encoded, RFC 3986 2.1): the decoder does not decode "
                  "the target", line_only=True)
    # TargetWithNullCharData (+ QueryStringWithNullCharData)
    for i, t in enumerate(["\0", "/\0", "/\0\0", "/%C8\0", "/?\0=a", "/?a=\0"]):
        l = "GET %s HTTP/1.1\r\n" % t
        line_case("nul-target-%d" % i, s2b(l),
                  src(BHR, "TestInvalidRequestLines", "TargetWithNullCharData %r" % t)
                  + "; also Http1ConnectionTests.TakeStartLineThrowsOnNullCharInTarget / "
                  "TakeStartLineThrowsOnNullCharInQueryString",
                  "a raw NUL byte in the target", "error", line_only=True)
    # TargetInvalidData: Http1ConnectionTests.TakeStartLineThrowsWhenRequestTargetIsInvalid
    tinv = [("GET", "http://"), ("GET", "http:/"), ("GET", "https:/"), ("GET", "http:///"),
            ("GET", "https://"), ("GET", "http:////"), ("GET", "http://:80"),
            ("GET", "http://:80/abc"), ("GET", "http://user@"), ("GET", "http://user@/abc"),
            ("GET", "http://abc%20xyz/abc"), ("GET", "http://%20/abc?query=%0A"),
            ("GET", "otherscheme://host/"), ("GET", "ws://host/"), ("GET", "wss://host/"),
            ("OPTIONS", "**"), ("GET", "../../"), ("GET", "..\\.")]
    for i, (m, t) in enumerate(tinv):
        l = "%s %s HTTP/1.1\r\n" % (m, t)
        why = None
        if "%20" in t:
            why = ("Kestrel percent-decodes the authority and rejects the space; '%20' is a "
                   "pct-encoded reg-name (RFC 3986 3.2.2), valid on the wire")
        elif "://host/" in t:
            why = ("Kestrel accepts only http and https in absolute-form; RFC 9112 3.2.2 "
                   "absolute-form is any absolute-URI, and the profile reads it as scheme://...")
        line_case("target-invalid-%02d-%s" % (i, slug_of(t, 24)), s2b(l),
                  src(H1C, "TakeStartLineThrowsWhenRequestTargetIsInvalid",
                      "TargetInvalidData (%r, %r)" % (m, t)),
                  "request-target %r that Kestrel rejects" % t, "error", why)
    # MethodNotAllowedRequestLine: Http1ConnectionTests.TakeStartLineThrowsWhenMethodNotAllowed
    ms = ["GET", "PUT", "DELETE", "POST", "HEAD", "TRACE", "PATCH", "CONNECT", "OPTIONS", "CUSTOM"]
    for m in ms:
        if m != "OPTIONS":
            l = "%s * HTTP/1.1\r\n" % m
            line_case("not-allowed-asterisk-%s" % m.lower(), s2b(l),
                      src(H1C, "TakeStartLineThrowsWhenMethodNotAllowed",
                          "MethodNotAllowedRequestLine %r" % l),
                      "asterisk-form with %s (Kestrel: 405)" % m, "error",
                      "Kestrel answers 405: asterisk-form with a method other than OPTIONS is "
                      "either by the profile (SSDP M-SEARCH *)")
    for m in ms:
        if m != "CONNECT":
            l = "%s www.example.com:80 HTTP/1.1\r\n" % m
            line_case("not-allowed-authority-%s" % m.lower(), s2b(l),
                      src(H1C, "TakeStartLineThrowsWhenMethodNotAllowed",
                          "MethodNotAllowedRequestLine %r" % l),
                      "authority-form with %s (Kestrel: 405)" % m, "error")


# ===========================================================================
# Header tables (RequestHeaderInvalidData & co.)
# ===========================================================================
HDR_INVALID = [
    "Header: line1\r\n line2\r\n\r\n", "Header: line1\r\n\tline2\r\n\r\n",
    "Header: line1\r\n  line2\r\n\r\n", "Header: line1\r\n \tline2\r\n\r\n",
    "Header: line1\r\n\t line2\r\n\r\n", "Header: line1\r\n\t\tline2\r\n\r\n",
    "Header: line1\r\n \t\t line2\r\n\r\n", "Header: line1\r\n \t \t line2\r\n\r\n",
    "Header-1: multi\r\n line\r\nHeader-2: value2\r\n\r\n",
    "Header-1: value1\r\nHeader-2: multi\r\n line\r\n\r\n",
    "Header-1: value1\r\n Header-2: value2\r\n\r\n", "Header-1: value1\r\n\tHeader-2: value2\r\n\r\n",
    "Header-1: value1\r\r\n", "Header-1: val\rue1\r\n", "Header-1: value1\rHeader-2: value2\r\n\r\n",
    "Header-1: value1\r\nHeader-2: value2\r\r\n", "Header-1: value1\r\nHeader-2: v\ralue2\r\n",
    "Header-1: Value__\rVector16________Vector32\r\n",
    "Header-1: Value___Vector16\r________Vector32\r\n",
    "Header-1: Value___Vector16_______\rVector32\r\n",
    "Header-1: Value___Vector16________Vector32\r\r\n",
    "Header-1: Value___Vector16________Vector32_\r\r\n",
    "Header-1: Value___Vector16________Vector32Value___Vector16_______\rVector32\r\n",
    "Header-1: Value___Vector16________Vector32Value___Vector16________Vector32\r\r\n",
    "Header-1: Value___Vector16________Vector32Value___Vector16________Vector32_\r\r\n",
    "Header-1 value1\r\n\r\n", "Header-1 value1\r\nHeader-2: value2\r\n\r\n",
    "Header-1: value1\r\nHeader-2 value2\r\n\r\n", "HeaderValue1\r\n\r\n",
    " Header: value\r\n\r\n", "\tHeader: value\r\n\r\n", " Header-1: value1\r\nHeader-2: value2\r\n\r\n",
    "\tHeader-1: value1\r\nHeader-2: value2\r\n\r\n",
    "Header : value\r\n\r\n", "Header\t: value\r\n\r\n", "Header\r: value\r\n\r\n",
    "Header_\rVector16: value\r\n\r\n", "Header__Vector16\r: value\r\n\r\n",
    "Header__Vector16_\r: value\r\n\r\n", "Header_\rVector16________Vector32: value\r\n\r\n",
    "Header__Vector16________Vector32\r: value\r\n\r\n",
    "Header__Vector16________Vector32_\r: value\r\n\r\n",
    "Header__Vector16________Vector32Header_\rVector16________Vector32: value\r\n\r\n",
    "Header__Vector16________Vector32Header__Vector16________Vector32\r: value\r\n\r\n",
    "Header__Vector16________Vector32Header__Vector16________Vector32_\r: value\r\n\r\n",
    "Header 1: value1\r\nHeader-2: value2\r\n\r\n", "Header 1 : value1\r\nHeader-2: value2\r\n\r\n",
    "Header 1\t: value1\r\nHeader-2: value2\r\n\r\n", "Header 1\r: value1\r\nHeader-2: value2\r\n\r\n",
    "Header-1: value1\r\nHeader 2: value2\r\n\r\n", "Header-1: value1\r\nHeader-2 : value2\r\n\r\n",
    "Header-1: value1\r\nHeader-2\t: value2\r\n\r\n",
    "Header-1: value1\r\nHeader-2: value2\r\n\r\r", "Header-1: value1\r\nHeader-2: value2\r\n\r ",
    "Header-1: value1\r\nHeader-2: value2\r\n\r \n", "Header-1: value1\r\nHeader-2\t: value2 \n",
    ": value\r\n\r\n", ":a\r\n",
]
HDR_INVALID_LF = ["Header: value\n\r\n", "Header-1: value1\nHeader-2: value2\r\n\r\n",
                  "Header-1: value1\r\nHeader-2: value2\n\r\n", ":a\n"]


def header_block_case(slug, block, source, what, kestrel, why_k=None, frame_host=False):
    """frame_host False: the bytes BadHttpRequestTests writes, 'GET / HTTP/1.1\\r\\n' + block
    (no Host) with a '-host' variant; True: a parser unit test's block put after
    'GET / HTTP/1.1\\r\\nHost: example.com\\r\\n' (no Host of its own in the block)."""
    if frame_host:
        has_host = re.match(rb"(?i)(^|.*\n)host:", block, re.S)
        head = b"GET / HTTP/1.1\r\n" + (b"" if has_host else b"Host: example.com\r\n")
        return add(slug, head + block, source + (" (block after 'GET / HTTP/1.1' + Host)"
                   if not has_host else " (block after 'GET / HTTP/1.1')"), what, kestrel, why_k)
    data = b"GET / HTTP/1.1\r\n" + block
    add(slug, data, source, what, "error")
    add(slug + "-host", with_host(data), source + " (variant: Host field added)", what, kestrel,
        why_k)


def headers():
    for i, h in enumerate(HDR_INVALID):
        header_block_case("hdr-invalid-%02d-%s" % (i, slug_of(h, 24)), s2b(h),
                          src(BHR, "TestInvalidHeaders", "RequestHeaderInvalidData %r" % h)
                          + "; also HttpParserTests.ParseHeadersThrowsOnInvalidRequestHeaders "
                          "(+ WithGratuitouslySplitBuffers)",
                          "invalid field block %r (Kestrel: 400)" % h, "error")
    for i, h in enumerate(HDR_INVALID_LF):
        header_block_case("hdr-invalid-lf-%d" % i, s2b(h),
                          src(HPT, "ParseHeadersThrowsOnInvalidRequestHeadersLineFeedTerminator",
                              "RequestHeaderInvalidDataLineFeedTerminator %r" % h),
                          "bare LF in the field block %r (Kestrel strict mode: 400)" % h, "error",
                          frame_host=True)
    skip("same data as another converted test (split buffers)", HPT,
         "ParseHeadersThrowsOnInvalidRequestHeadersWithGratuitouslySplitBuffersLineFeedTerminator", 4)
    # ParseHeadersReturnsFalseWhenGivenIncompleteHeaders (+ DoesNotConsumeIncompleteHeader)
    inc = ["\r", "H", "He", "Hea", "Head", "Heade", "Header", "Header:", "Header: ", "Header: v",
           "Header: va", "Header: val", "Header: valu", "Header: value", "Header: value\r",
           "Header: value\r\n", "Header: value\r\n\r", "Header-1: value1\r\nH",
           "Header-1: value1\r\nHe", "Header-1: value1\r\nHea", "Header-1: value1\r\nHead",
           "Header-1: value1\r\nHeade", "Header-1: value1\r\nHeader", "Header-1: value1\r\nHeader-",
           "Header-1: value1\r\nHeader-2", "Header-1: value1\r\nHeader-2:",
           "Header-1: value1\r\nHeader-2: ", "Header-1: value1\r\nHeader-2: v",
           "Header-1: value1\r\nHeader-2: va", "Header-1: value1\r\nHeader-2: val",
           "Header-1: value1\r\nHeader-2: valu", "Header-1: value1\r\nHeader-2: value",
           "Header-1: value1\r\nHeader-2: value2", "Header-1: value1\r\nHeader-2: value2\r",
           "Header-1: value1\r\nHeader-2: value2\r\n", "Header-1: value1\r\nHeader-2: value2\r\n\r"]
    for i, h in enumerate(inc):
        header_block_case("hdr-incomplete-%02d" % i, s2b(h),
                          src(HPT, "ParseHeadersReturnsFalseWhenGivenIncompleteHeaders", "%r" % h),
                          "a field block cut short; with end of stream after it the message is "
                          "incomplete", "error", frame_host=True)
    skip("same data as another converted test", HPT, "ParseHeadersDoesNotConsumeIncompleteHeader", 15)
    header_block_case("hdr-incomplete-host-conn", b"Host: \r\nConnection: keep-alive\r",
                      src(HPT, "ParseHeaderLineIncompleteData", "'Host: \\r\\nConnection: keep-alive\\r'")
                      + "; also ParseHeaderLineIncompleteDataWithGratuitouslySplitBuffers",
                      "a field block cut short after a CR", "error", frame_host=True)
    # VerifyHeader: "Header:{raw}\r\n" then the head ends
    header_block_case("hdr-no-leading-ws", b"Header:value\r\n\r\n",
                      src(HPT, "ParseHeadersCanReadHeaderValueWithoutLeadingWhitespace"),
                      "a field value with no OWS after the colon", "ok", frame_host=True)
    for i, v in enumerate([" value", "  value", "\tvalue", " \tvalue", "\t value", "\t\tvalue",
                           "\t\t value", " \t\tvalue", " \t\t value", " \t \t value"]):
        header_block_case("hdr-leading-ws-%d" % i, s2b("Header:%s\r\n\r\n" % v),
                          src(HPT, "ParseHeadersDoesNotIncludeLeadingWhitespaceInHeaderValue", "%r" % v),
                          "leading OWS is not part of the value", "ok", frame_host=True)
    for i, v in enumerate(["value ", "value\t", "value \t", "value\t ", "value\t\t", "value\t\t ",
                           "value \t\t", "value \t\t ", "value \t \t "]):
        header_block_case("hdr-trailing-ws-%d" % i, s2b("Header:%s\r\n\r\n" % v),
                          src(HPT, "ParseHeadersDoesNotIncludeTrailingWhitespaceInHeaderValue", "%r" % v),
                          "trailing OWS is not part of the value", "ok", frame_host=True)
    for i, v in enumerate(["one two three", "one  two  three", "one\ttwo\tthree", "one two\tthree",
                           "one\ttwo three", "one \ttwo \tthree", "one\t two\t three",
                           "one \ttwo\t three"]):
        header_block_case("hdr-inner-ws-%d" % i, s2b("Header:%s\r\n\r\n" % v),
                          src(HPT, "ParseHeadersPreservesWhitespaceWithinHeaderValue", "%r" % v),
                          "whitespace inside a value is kept", "ok", frame_host=True)
    for i, h in enumerate(["Cookie: \r\n\r\n", "Cookie:\r\n\r\n", "Cookie: \r\nConnection: close\r\n\r\n",
                           "Cookie:\r\nConnection: close\r\n\r\n", "Connection: close\r\nCookie: \r\n\r\n",
                           "Connection: close\r\nCookie:\r\n\r\n", "a:b\r\n\r\n", "a: b\r\n\r\n"]):
        header_block_case("hdr-empty-value-%d" % i, s2b(h),
                          src(HPT, "ParseHeadersCanParseEmptyHeaderValues", "%r" % h),
                          "empty field values and one-letter names", "ok", frame_host=True)
    lf_sets = [
        ("ParseHeadersCantParseSingleLineFeedWihtoutLineFeedTerminatorEnabled",
         ["Cookie: \n\r\n", "Cookie:\n\r\n", "Cookie: \nConnection: close\r\n\r\n",
          "Cookie: \r\nConnection: close\n\r\n", "Cookie:\nConnection: close\r\n\r\n",
          "Cookie:\r\nConnection: close\n\r\n", "Connection: close\nCookie: \r\n\r\n",
          "Connection: close\r\nCookie: \n\r\n", "Connection: close\nCookie:\r\n\r\n",
          "Connection: close\r\nCookie:\n\r\n", "a:b\n\r\n", "a: b\n\r\n", "a:b\n\n", "a: b\n\n"],
         "error"),
        ("ParseHeadersCantEndWithLineFeedTerminator",
         ["a: b\r\n\n", "a: b\n\n", "a: b\nc: d\r\n\n", "a: b\nc: d\n\n"], "error"),
        ("ParseHeadersCanEndAfterLineFeedTerminator",
         ["a:b\n\r\n", "a: b\n\r\n", "a: b\nc: d\n\r\n", "a: b\nc: d\n\n", "a: b\n\n"], "ok"),
        ("ParseHeadersCanParseSingleLineFeedWithLineFeedTerminatorEnabled",
         ["Cookie: \n\r\n"], "ok"),
        ("ParseHeadersWithGratuitouslySplitBuffersQuirkMode",
         ["Host:\nConnection: keep-alive\r\n\r\n", "Host:\r\nConnection: keep-alive\n\r\n",
          "A:B\nB: C\r\n\r\n", "A:B\r\nB: C\n\r\n", "Host:\r\nConnection: keep-alive\n\n"], "ok"),
    ]
    n = 0
    for test, blocks, kans in lf_sets:
        for h in blocks:
            lenient = kans == "ok"
            header_block_case("hdr-lf-%02d" % n, s2b(h),
                              src(HPT, test, "%r" % h),
                              "bare LF line ends in the field block" +
                              (" (Kestrel test runs its LF-terminator quirk option; converted "
                               "with the strict expectation)" if lenient else
                               " (Kestrel strict mode: 400)"),
                              "ok" if lenient else "error",
                              "Kestrel's quirk mode accepts bare LF; the profile accepts only CRLF "
                              "(RFC 9112 2.2; bare LF is an off-by-default option)" if lenient else None,
                              frame_host=True)
            n += 1
    skip("lenient option (LF-terminator quirk mode) on the same bytes as a strict test",
         HPT, "ParseHeadersCanParseSingleLineFeedWithLineFeedTerminatorEnabled", 9)
    for i, h in enumerate(["Host:\r\nConnection: keep-alive\r\n\r\n", "A:B\r\nB: C\r\n\r\n"]):
        header_block_case("hdr-split-%d" % i, s2b(h),
                          src(HPT, "ParseHeadersWithGratuitouslySplitBuffers", "%r" % h),
                          "a field block fed one byte per segment (the runner's split runs do the "
                          "same)", "ok", frame_host=True)
    header_block_case("hdr-consumed-at-end", b"Header: value\r\n\r\n",
                      src(HPT, "ParseHeadersConsumesBytesCorrectlyAtEnd",
                          "'Header: value\\r\\n\\r' then '\\r\\n' (the CR re-sent)"),
                      "the end of the head arrives in two reads", "ok", frame_host=True)
    # ExceptionDetailNotIncludedWhenLogLevelInformationNotEnabled
    line_case("detail-percent-target", b"GET % HTTP/1.1\r\n",
              src(HPT, "ExceptionDetailNotIncludedWhenLogLevelInformationNotEnabled", "'GET % HTTP/1.1'"),
              "target '%' is not origin-form", "error", line_only=True)
    # StartOfPathNotFound
    add("start-of-path-not-found", b"GET \n", src(HPT, "StartOfPathNotFound", "'GET \\n'"),
        "request-line 'GET ' ended by a bare LF", "error")
    # ParseRequestLineTlsOverHttp
    add("tls-over-http", bytes([0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0xfc, 0x03, 0x03, 0x03,
                                0xca, 0xe0, 0xfd, 0x0a]),
        src(HPT, "ParseRequestLineTlsOverHttp"),
        "a TLS ClientHello sent to a plain HTTP/1 port", "error")
    add("split-line-without-newline", b"GET /", src(HPT, "ParseRequestLineSplitBufferWithoutNewLineDoesNotUpdateConsumed",
                                                   "'GET ' + '/' in two segments"),
        "a request-line cut short", "error")


# ===========================================================================
# StartLineTests
# ===========================================================================
SLT = "StartLineTests"


def startline():
    line_case("sl-origin", b"POST /path%20with%20spaces?q=123&w=xyzw1 HTTP/1.1\r\n",
              src(SLT, "InOriginForm"), "origin-form with a query", "ok")
    line_case("sl-authority", b"CONNECT example.com:1234 HTTP/1.1\r\n", src(SLT, "InAuthorityForm"),
              "CONNECT in authority-form (upgrade after the head)", "ok")
    line_case("sl-absolute-connect", b"CONNECT http://localhost/path1?q=123&w=xyzw HTTP/1.1\r\n",
              src(SLT, "InAbsoluteForm"), "CONNECT with an absolute-form target", "ok",
              "Kestrel's parser takes an absolute-form target with CONNECT; CONNECT takes "
              "authority-form only (RFC 9112 3.2.3; profile: a form mismatch is an error)")
    line_case("sl-asterisk", b"OPTIONS * HTTP/1.1\r\n", src(SLT, "InAsteriskForm"),
              "OPTIONS in asterisk-form", "ok")
    line_case("sl-origin-2", b"POST /a%20path%20with%20spaces?q=123&w=xyzw12 HTTP/1.1\r\n",
              src(SLT, "DifferentFormsWorkTogether"), "origin-form", "ok")
    for i, t in enumerate(["/abs/path", "/", "/path", "/?q=123&w=xyz", "/path?q=123&w=xyz",
              "/path%20with%20space?q=abc%20123", "/path1?q=123&w=xyzw"]):
        line_case("sl-originforms-%d-%s" % (i, slug_of(t, 30)), s2b("GET %s HTTP/1.1\r\n" % t),
                  src(SLT, "OriginForms", "%r" % t), "origin-form target", "ok")
    for i, t in enumerate(["http://localhost/abs/path", "https://localhost/abs/path", "https://localhost:22/abs/path",
              "https://differenthost/abs/path", "http://localhost/", "http://root@contoso.com/path",
              "http://root:password@contoso.com/path", "https://localhost/", "http://localhost",
              "http://127.0.0.1/", "http://[::1]/", "http://[::1]:8080/", "http://localhost?q=123&w=xyz",
              "http://localhost/?q=123&w=xyz", "http://localhost/path?q=123&w=xyz",
              "http://localhost/path%20with%20space?q=abc%20123", "http://localhost/path1?q=123&w=xyzw"]):
        line_case("sl-absforms-%02d-%s" % (i, slug_of(t, 40)), s2b("GET %s HTTP/1.1\r\n" % t),
                  src(SLT, "AbsoluteForms", "%r" % t), "absolute-form target", "ok")
    skip("string interning / object identity of the parsed fields (API behaviour)", SLT,
         "AsteriskForms and the rest of the file past what was converted", 1)


# ===========================================================================
# Http1ConnectionTests (other than the tables)
# ===========================================================================

def http1conn():
    header_block_case("utf8-header-value", b"Header: Fran\xc3\xa7ois\r\n\r\n",
                      src(H1C, "TakeMessageHeadersSucceedsWhenHeaderValueContainsUTF8"),
                      "a UTF-8 field value (obs-text bytes)", "ok", frame_host=True)
    header_block_case("latin1-header-value", b"Header: Fran\xe7ois\r\n\r\n",
                      src(H1C, "TakeMessageHeadersThrowsWhenHeaderValueContainsExtendedASCII"),
                      "a Latin-1 byte 0xE7 in a field value", "error",
                      "Kestrel decodes values as UTF-8 by default and throws on invalid UTF-8; "
                      "obs-text (0x80-0xFF) is allowed in a field value (RFC 9110 5.5; profile)",
                      frame_host=True)
    add("unwrapped-empty-host", b"GET / HTTP/1.1\r\nHost:\r\n\r\n",
        src(H1C, "RequestProcessingTaskIsUnwrapped"), "GET with an empty Host value", "ok")
    add("consumes-request-empty-host",
        b"POST / HTTP/1.1\r\nHost:\r\nConnection: close\r\ncontent-length: 1\r\n\r\n",
        src(H1C, "ConsumesRequestWhenApplicationDoesNotConsumeIt"),
        "Content-Length 1 with no body byte before end of stream (the mock body is consumed "
        "by the test; on the wire the body is missing)", None)
    add("http10-no-host", b"GET / HTTP/1.0\r\n\r\n", src(H1C, "Http10HostHeaderNotRequired",
                                                        "request built from the headers the test sets"),
        "HTTP/1.0 without Host", "ok")
    add("http10-host", b"GET / HTTP/1.0\r\nHost: localhost:5000\r\n\r\n",
        src(H1C, "Http10HostHeaderAllowed", "request built from the headers the test sets"),
        "HTTP/1.0 with Host", "ok")
    add("http11-empty-host", b"GET / HTTP/1.1\r\nHost: \r\n\r\n",
        src(H1C, "Http11EmptyHostHeaderAccepted", "request built from the headers the test sets"),
        "HTTP/1.1 with an empty Host value (Kestrel accepts)", "ok")
    add("http11-host", b"GET / HTTP/1.1\r\nHost: localhost:5000\r\n\r\n",
        src(H1C, "Http11ValidHostHeadersAccepted", "request built from the headers the test sets"),
        "HTTP/1.1 with Host", "ok")
    for v in ("1.0", "1.1"):
        add("bad-host-format-%s" % v.replace(".", ""), s2b("GET / HTTP/%s\r\nHost: a=b\r\n\r\n" % v),
            src(BHR, "BadRequestFor%sBadHostHeaderFormat" % v.replace(".", "")[:2])
            + "; also Http1ConnectionTests.BadRequestFor%sBadHostHeaderFormat" % v.replace(".", "")[:2],
            "Host value 'a=b'", "error",
            "Kestrel rejects 'a=b'; '=' is a sub-delim and 'a=b' a valid reg-name "
            "(RFC 3986 3.2.2), so uri-host accepts it")
    # AcceptsHeadersAcrossSends: "GET / HTTP/1.0\r\n" + N0 + N1 headers + "\r\n"
    for a, b_ in [(1, 1), (5, 5), (100, 100), (600, 100), (700, 1), (1, 700)]:
        hs = "".join("Header-%d: value%d\r\n" % (i, i) for i in range(a + b_))
        data = s2b("GET / HTTP/1.0\r\n" + hs + "\r\n")
        add("headers-across-sends-%d-%d" % (a, b_), data,
            src(H1C, "AcceptsHeadersAcrossSends", "(%d, %d), MaxRequestHeaderCount raised to %d"
                % (a, b_, a + b_)),
            "%d field lines sent in two writes (Kestrel raises its header-count limit to fit; "
            "converted with the profile's default limit of 100 field lines)" % (a + b_),
            "ok" if a + b_ <= 100 else None)
    skip("same data as another converted test", H1C, "KeepsSameHeaderCollectionAcrossSends", 6)
    skip("Kestrel option / limit in its own units (MaxRequestHeadersTotalSize, "
         "MaxRequestHeaderCount, MaxRequestLineSize)", H1C,
         "TakeMessageHeadersThrowsWhenHeadersExceedTotalSizeLimit, ...ExceedCountLimit, "
         "...DoesNotCountAlreadyConsumedBytesTowardsSizeLimit, ResetResetsHeaderLimits, "
         "TakeStartLineThrowsWhenTooLong", 5)
    skip("API / response / app behaviour (no request bytes, or bytes not the subject)", H1C,
         "Reset*, TraceIdentifier*, Throws*AfterResponseStarted, Configuring*DataRate, "
         "InitializeStreamsResetsStreams, ParseRequestStartsRequestHeadersTimeout, "
         "ProcessRequestsAsyncEnablesKeepAliveTimeout, Write*, ManuallySettingTransferEncoding*, "
         "RequestAbortedToken*, ThrowsWhenMaxRequestBodySize*, ExceptionDetailNotIncluded", 30)


# ===========================================================================
# MessageBodyTests
# ===========================================================================
MBT = "MessageBodyTests"


def messagebody():
    for v in ("1.0", "1.1"):
        hv = "" if v == "1.0" else "Host: example.com\r\n"
        add("mb-content-length-%s" % v.replace(".", ""),
            s2b("POST / HTTP/%s\r\n%sContent-Length: 5\r\n\r\nHello" % (v, hv)),
            src(MBT, "CanReadFromContentLength", "HTTP/%s; head built from HeaderContentLength = \"5\"" % v),
            "Content-Length body", "ok")
    skip("same data as another converted test (other read APIs)", MBT,
         "CanReadFromContentLengthPipeApis, CanTryReadFromContentLengthPipeApis, "
         "CanReadAsyncFromContentLength, ReadAsyncWithoutAdvance..., TryReadWithoutAdvance..., "
         "TryReadReturnsCompletedResultAfterReadingEntireContentLength, CopyToAsyncDoesNotCompletePipeReader, "
         "ConsumeAsync*", 16)
    CH = b"POST / HTTP/1.1\r\nHost: example.com\r\nTransfer-Encoding: chunked\r\n\r\n"
    hb = "head built from HeaderTransferEncoding = \"chunked\""
    add("mb-chunked", CH + b"5\r\nHello\r\n0\r\n\r\n", src(MBT, "CanReadFromChunkedEncoding", hb),
        "a chunked body", "ok")
    skip("same data as another converted test (other read APIs)", MBT,
         "CanReadAsyncFromChunkedEncoding, TryReadReturnsCompletedResultAfterReadingEntireChunk", 2)
    add("mb-bad-chunk-prefix", CH + b"gg", src(MBT, "BadChunkPrefixThrowsBadRequestException", hb),
        "chunk-size 'gg' is not HEXDIG", "error")
    add("mb-chunk-size-12-digits", CH + b"012345678910",
        src(MBT, "WritingChunkOverMaxChunkSizeThrowsBadRequest", hb + "; the loop writes 0..10"),
        "a 12-digit chunk-size cut short (Kestrel rejects more than 8 hex digits; the profile "
        "takes any size that fits u64, and the stream ends inside the size line)", "error")
    add("mb-chunk-size-12-digits-leading-zeros", CH + b"000000000005\r\nHello\r\n0\r\n\r\n",
        src(MBT, "WritingChunkOverMaxChunkSizeThrowsBadRequest", hb, variant="a complete body "
            "with a 12-digit chunk-size, leading zeros"),
        "a chunk-size of 12 hex digits, 5 with leading zeros", "error",
        "Kestrel rejects a chunk-size longer than 8 hex digits (its own int limit); the profile "
        "takes 1*HEXDIG that fits u64 and leading zeros are fine")
    add("mb-invalid-chunk-suffix", CH + b"1\r\nh0\r\n\rn",
        src(MBT, "InvalidChunkSuffixThrowsBadRequest", hb + "; bytes '1','\\r','\\n','h','0','\\r','\\n','\\r','n'"),
        "chunk-data 'h' followed by '0' instead of CRLF", "error")
    add("mb-incomplete-chunk-ext", CH + b"5;\r\0\r\r\r\nHello\r\n0\r\n\r\n",
        src(MBT, "ReadExitsGivenIncompleteChunkedExtension", hb),
        "chunk extension ';' followed by CR NUL CR CR before the CRLF", "ok",
        "Kestrel skips the extension bytes up to the CRLF and reads 'Hello'; a chunk-ext is "
        "';' token [= token / quoted-string] (RFC 9112 7.1.1), and a bare CR or NUL is never "
        "allowed in it")
    add("mb-chunk-prefix-80000000", CH + b"80000000\r\n",
        src(MBT, "ReadThrowsGivenChunkPrefixGreaterThanMaxInt", hb),
        "chunk-size 0x80000000 (over Kestrel's int limit, fits u64), then end of stream inside "
        "the chunk", "error")
    add("mb-chunk-prefix-9-digits", CH + b"012345678\r",
        src(MBT, "ReadThrowsGivenChunkPrefixGreaterThan8Bytes", hb),
        "a 9-digit chunk-size line cut short after CR", "error")
    for v in ("1.0", "1.1"):
        hv = "" if v == "1.0" else "Host: example.com\r\n"
        add("mb-connection-upgrade-%s" % v.replace(".", ""),
            s2b("GET / HTTP/%s\r\n%sConnection: upgrade\r\n\r\nHello" % (v, hv)),
            src(MBT, "CanReadFromRemainingData", "HTTP/%s; head built from HeaderConnection = \"upgrade\"" % v)
            + "; also CanReadAsyncFromRemainingData",
            "'Connection: upgrade' with no Upgrade field and no body framing, then 'Hello' and end "
            "of stream", "ok",
            "Kestrel hands the bytes after the head to the app as an upgraded stream; the profile: "
            "a request carrying Upgrade/Connection: upgrade is an ordinary message (only a 101 "
            "switches), so 'Hello' starts the next request and the stream ends inside it")
        add("mb-no-content-length-%s" % v.replace(".", ""),
            s2b("GET / HTTP/%s\r\n%s\r\nHello" % (v, hv)),
            src(MBT, "ReadFromNoContentLengthReturnsZero", "HTTP/%s; empty HttpRequestHeaders" % v)
            + "; also ReadAsyncFromNoContentLengthReturnsZero",
            "a request with neither Content-Length nor Transfer-Encoding has no body; 'Hello' "
            "starts the next request and the stream ends inside it", None)
    add("mb-large-block", b"POST / HTTP/1.0\r\nContent-Length: 8197\r\n\r\n" + b"a" * 8192 + b"Hello",
        src(MBT, "CanHandleLargeBlocks", "HTTP/1.0, Content-Length 8197"),
        "an 8197-byte Content-Length body", "ok")
    add("mb-final-coding-not-chunked",
        b"POST / HTTP/1.1\r\nHost: example.com\r\nTransfer-Encoding: chunked, not-chunked\r\n\r\n",
        src(MBT, "ForThrowsWhenFinalTransferCodingIsNotChunked"),
        "Transfer-Encoding 'chunked, not-chunked'", "error")
    for m in ("POST", "PUT"):
        add("mb-no-length-11-%s" % m.lower(), s2b("%s / HTTP/1.1\r\nHost: example.com\r\n\r\n" % m),
            src(MBT, "ForReturnsZeroLengthWhenNoContentLengthOrTransferEncodingIsSetHttp11", m),
            "HTTP/1.1 %s with no body framing: no body" % m, "ok")
        add("mb-no-length-10-%s" % m.lower(), s2b("%s / HTTP/1.0\r\n\r\n" % m),
            src(BHR, "BadRequestIfMethodRequiresLengthButNoContentLengthInHttp10Request", m)
            + "; also MessageBodyTests.ForThrowsWhenMethodRequiresLengthButNoContentLengthSetHttp10",
            "HTTP/1.0 %s with no Content-Length" % m, "error",
            "Kestrel answers 400 (411 semantics) for an HTTP/1.0 POST/PUT without "
            "Content-Length; RFC 9112 6.3 rule 7: a request with neither field has a zero-length "
            "body, which the profile follows (framing none)")
    for i, c in enumerate(("keep-alive, upgrade", "Keep-Alive, Upgrade", "upgrade, keep-alive", "Upgrade, Keep-Alive")):
        add("mb-conn-upgrade-keepalive-%d" % i, s2b(
            "GET / HTTP/1.1\r\nHost: example.com\r\nConnection: %s\r\n\r\nHello" % c),
            src(MBT, "ConnectionUpgradeKeepAlive", "HeaderConnection = %r" % c),
            "Connection lists upgrade; 'Hello' follows the head", "ok",
            "Kestrel reads 'Hello' as upgraded-stream data; the profile decodes it as the start "
            "of a next request (no 101 on the wire), which end of stream cuts short")
    add("mb-upgrade-cl-zero", b"GET / HTTP/1.1\r\nHost: example.com\r\nConnection: Upgrade, Keep-Alive\r\n"
        b"Content-Length: 0\r\n\r\nHello",
        src(MBT, "UpgradeConnectionAcceptsContentLengthZero"),
        "Connection: Upgrade with Content-Length: 0, then 'Hello'", "ok",
        "Kestrel reads 'Hello' as upgraded-stream data; the profile decodes it as the start of a "
        "next request, cut short by end of stream")
    add("mb-chunked-two-chunks", CH + b"5\r\nHello\r\n1\r\nH\r\n0\r\n\r\n",
        src(MBT, "CompleteForChunkedAllowsConsumeToWork", hb), "two chunks", "ok")
    add("mb-content-length-two-writes", b"POST / HTTP/1.1\r\nHost: example.com\r\nContent-Length: 5\r\n\r\naasdf",
        src(MBT, "CompleteForContentLengthAllowsConsumeToWork", "head built from HeaderContentLength = \"5\"; 'a' + 'asdf'"),
        "a Content-Length body in two writes", "ok")
    add("mb-cl-end-of-stream", b"POST / HTTP/1.1\r\nHost: example.com\r\nContent-Length: 5\r\n\r\n",
        src(MBT, "UnexpectedEndOfRequestContentIsRepeatedlyThrownForContentLengthBody"),
        "end of stream before any of the 5 body bytes", "error")
    add("mb-cl-end-of-stream-1", b"POST / HTTP/1.1\r\nHost: example.com\r\nContent-Length: 5\r\n\r\n\x00",
        src(MBT, "UnexpectedEndOfRequestContentIsRepeatedlyThrownForContentLengthBodyAfterExaminingButNotConsumingBytes"),
        "end of stream after 1 of 5 body bytes", "error")
    add("mb-chunked-end-of-stream", CH, src(MBT, "UnexpectedEndOfRequestContentIsRepeatedlyThrownForChunkedBody"),
        "end of stream before the first chunk", "error")
    add("mb-chunked-incomplete", CH + b"5\r\nHello\r\n1\r\nH\r\n",
        src(MBT, "CompleteForChunkedDoesNotCompleteConnectionPipeMakesReadThrow", hb),
        "end of stream before the last chunk", "error")
    skip("API / timeout / logging / cancellation behaviour of the body reader", MBT,
         "PumpAsync*, ReadAsyncThrowsOnTimeout, ConsumeAsyncCompletesAndDoesNotThrowOnTimeout, "
         "CopyToAsyncThrowsOnTimeout, Logs*, PausesAndResumesRequestBodyTimeoutOnBackpressure, "
         "OnlyEnforcesRequestBodyTimeoutAfterFirstRead, DoesNotEnforceRequestBodyTimeoutOnUpgradeRequests, "
         "CancelPendingRead* (4), TryReadDoesNotReturnCompletedReadResultFromUpgradeStreamUntilCompleted, "
         "TryReadDoesReturnsCompletedReadResultForZeroContentLength, CompleteForContentLengthDoesNotComplete..., "
         "CompleteForUpgradeDoesNotComplete..., CompleteForZeroByteBodyDoesNotComplete..., "
         "ConsumeAsyncAbortsConnectionInputAfterStartingTryReadWithoutAdvance", 20)


# ===========================================================================
# BadHttpRequestTests (functional)
# ===========================================================================

def badrequest():
    for i, (h, name) in enumerate([(b"Hea\0der: value", "nul-name"), (b"Header: va\0lue", "nul-value"),
                                   (b"Head\x80r: value", "0x80-name"), (b"Header: valu\x80", "0x80-value")]):
        data = b"GET / HTTP/1.1\r\n" + h + b"\r\n\r\n"
        add("bad-header-%s" % name, data,
            src(BHR, "BadRequestWhenHeaderNameContainsNonASCIIOrNullCharacters", repr(b2s(h))),
            "field line %r (written ISO-8859-1)" % b2s(h), "error")
        why = None
        if name == "0x80-value":
            why = ("Kestrel rejects byte 0x80 in a field value; obs-text (0x80-0xFF) is allowed "
                   "in a value (RFC 9110 5.5; profile)")
        add("bad-header-%s-host" % name, with_host(data),
            src(BHR, "BadRequestWhenHeaderNameContainsNonASCIIOrNullCharacters", repr(b2s(h)),
                variant="Host field added"),
            "field line %r" % b2s(h), "error", why)
    for v in ("NaN", "-1"):
        add("cl-invalid-%s" % slug_of(v), s2b("POST / HTTP/1.1\r\nHost:\r\nContent-Length: %s\r\n\r\n" % v),
            src(BHR, "BadRequestIfContentLengthInvalid", v), "Content-Length %r" % v, "error")
        add("cl-invalid-%s-host" % slug_of(v),
            s2b("POST / HTTP/1.1\r\nHost: example.com\r\nContent-Length: %s\r\n\r\n" % v),
            src(BHR, "BadRequestIfContentLengthInvalid", v, variant="Host value filled in"),
            "Content-Length %r" % v, "error")
    line_case("rejects-get-asterisk", b"GET * HTTP/1.1\r\n", src(BHR, "RejectsIncorrectMethods", "'GET *'"),
              "GET in asterisk-form (Kestrel: 405)", "error",
              "Kestrel answers 405; asterisk-form with a method other than OPTIONS is either by the "
              "profile", line_only=True)
    line_case("rejects-get-authority", b"GET www.host.com HTTP/1.1\r\n",
              src(BHR, "RejectsIncorrectMethods", "'GET www.host.com'"),
              "GET in authority-form (Kestrel: 405)", "error", line_only=True)
    add("host-missing", b"GET / HTTP/1.1\r\n\r\n", src(BHR, "BadRequestIfHostHeaderMissing"),
        "HTTP/1.1 request without Host", "error")
    add("host-multiple", b"GET / HTTP/1.1\r\nHost: localhost\r\nHost: localhost\r\n\r\n",
        src(BHR, "BadRequestIfMultipleHostHeaders"), "two identical Host field lines", "error")
    hinv = ["", "   ", "contoso.com:4000", "contoso.com/", "not-contoso.com", "user@password:contoso.com",
            "user@contoso.com", "http://contoso.com/", "http://contoso.com"]
    rows = []
    for h in hinv:
        rows.append(("GET http://contoso.com/", h))
        rows.append(("CONNECT contoso.com", h))
    rows += [("GET https://contoso.com:443/", "contoso.com:5000"), ("CONNECT contoso.com:443", "contoso.com:5000")]
    for i, (t, h) in enumerate(rows):
        data = s2b("%s HTTP/1.1\r\nHost: %s\r\n\r\n" % (t, h))
        exp, _, err, _ = decide(data)
        why = None
        if exp == "ok":
            why = ("Kestrel requires Host to match the absolute-form/authority target; RFC 9112 "
                   "3.2.2: with absolute-form the Host field is ignored (replaced by the target's "
                   "authority), and a valid Host that differs is no error (profile)")
        add("host-mismatch-%02d-%s" % (i, slug_of(t + "-" + h, 40)), data,
            src(BHR, "BadRequestIfHostHeaderDoesNotMatchRequestTarget", "HostHeaderInvalidData (%r, %r)" % (t, h)),
            "target %r with Host %r (Kestrel: 400)" % (t, h), "error", why)
    for i, (t, hh) in enumerate([("http://www.foo.com", "Host: www.foo.comConnection: keep-alive"),
                                 ("http://www.foo.com/", "Host: www.notfoo.com"),
                                 ("http://www.foo.com:80", "Host: www.notfoo.com"),
                                 ("http://www.foo.com:5129", "Host: www.foo.com"),
                                 ("http://www.foo.com:5129", "Host: www.foo.com:5128")]):
        add("host-override-%d" % i, s2b("GET %s HTTP/1.1\r\n%s\r\n\r\n" % (t, hh)),
            src(BHR, "CanOptOutOfBadRequestIfHostHeaderDoesNotMatchRequestTarget", "(%r, %r), "
                "AllowHostHeaderOverride = true" % (t, hh)),
            "absolute-form %r with %r (Kestrel, with its AllowHostHeaderOverride option, uses the "
            "target's authority: 200)" % (t, hh), "ok",
            "Kestrel (with the option) answers 200 and replaces Host; 'www.foo.comConnection: "
            "keep-alive' holds SP and is not uri-host [\":\" port] (RFC 9110 7.2: a Host with an "
            "invalid value is 400)" if i == 0 else None)
    add("bad-target-question", b"GET ? HTTP/1.1\r\n\r\n", src(BHR, "BadRequestLogsAreNotHigherThanDebug"),
        "target '?'", "error")
    add("request-splitting", b"GET /\r\0x0ALocation:http://www.contoso.com/ HTTP/1.1\r\nHost:\r\n\r\n",
        src(BHR, "TestRequestSplitting", "C# \"\\x0D\\0x0A\" is CR, NUL, 'x0A'"),
        "CR NUL in the request-line (a response-splitting probe)", "error")
    add("http2-preface", b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", src(BHR, "BadRequestForHttp2",
                                                                 "Http2Connection.ClientPreface"),
        "the HTTP/2 connection preface on an HTTP/1 connection (Kestrel answers with an HTTP/2 "
        "GOAWAY)", "error")
    line_case("abs-target-non-ascii", b"GET http://localhost/\xff\xff\xff HTTP/1.1\r\n",
              src(BHR, "BadRequestForAbsoluteFormTargetWithNonAsciiChars"),
              "bytes 0xFF in an absolute-form target (Kestrel: 400)", "error",
              "Kestrel rejects non-ASCII target bytes; the profile leaves bytes 0x80-0xFF in a "
              "target open (either)", line_only=True)
    FUNNY = ["POST / HTTP/1.1", "Host:", "Content-Length: 5", "", "funny"]
    for i, x in enumerate(["\r", "\n", "\r\n", "\n\r", "\n\n", "\r\n\r\n", "\r\r\r\r\r"]):
        for hv in ("", "-host"):
            lines = [l if not (hv and l == "Host:") else "Host: example.com" for l in FUNNY]
            data = join(*(lines + [x])) + join(*lines)
            add("extra-lines-between-%d%s" % (i, hv), data,
                src(BHR, "ExtraLinesBetweenRequestsIgnored", "%r" % x,
                    variant="Host value filled in" if hv else None),
                "two Content-Length requests with CRLF + %r between them (Kestrel skips any "
                "number of CR/LF)" % x, "ok",
                "Kestrel ignores the extra CR/LF bytes and answers both requests; the profile "
                "skips at most one CRLF before a request-line (RFC 9112 2.2: at least one) and "
                "a bare CR or LF is an error")
        if x == "\n\n":
            continue
        for hv in ("", "-host"):
            lines = [l if not (hv and l == "Host:") else "Host: example.com" for l in FUNNY]
            data = join(*(lines + [x]))
            add("extra-lines-end-%d%s" % (i, hv), data,
                src(BHR, "ExtraLinesAtEndOfConnectionIgnored", "%r" % x,
                    variant="Host value filled in" if hv else None),
                "a request followed by CRLF + %r and end of stream" % x, "ok",
                "Kestrel ignores trailing CR/LF bytes; the profile treats one CRLF after a message "
                "as between messages, and anything more (a second empty line, a bare CR or LF) as "
                "the start of a malformed request")
    for hv in ("", "-host"):
        lines = [l if not (hv and l == "Host:") else "Host: example.com" for l in FUNNY]
        data = join(*(lines + ["", "", "", "POST /"])) + join(*([" HTTP/1.1"] + lines[1:]))
        add("extra-lines-adjacent%s" % hv, data,
            src(BHR, "ExtraLinesIgnoredBetweenAdjacentRequests", variant="Host value filled in" if hv else None),
            "three CRLFs between two requests, the second request-line split across writes", "ok",
            "Kestrel skips the empty lines; the profile skips at most one")


# ===========================================================================
# ChunkedRequestTests & RequestTests (functional)
# ===========================================================================
CRT = "ChunkedRequestTests"
RQT = "RequestTests"


def fill_host(lines):
    out = []
    for l in lines:
        if l == "Host:":
            l = "Host: example.com"
        elif l.startswith("Host:\r\n"):
            l = "Host: example.com" + l[5:]
        elif "\r\nHost:\r\n" in l:
            l = l.replace("\r\nHost:\r\n", "\r\nHost: example.com\r\n")
        out.append(l)
    return out


def functional(slug, lines_list, source, what, kestrel, why_k=None):
    """lines_list: list of lists of C# strings, each written with Send/SendAll (joined by CRLF);
    the writes are concatenated. Adds the case and, if it has an empty 'Host:', a '-host'
    variant with 'Host: example.com'."""
    data = b"".join(join(*ls) for ls in lines_list)
    add(slug, data, source, what, kestrel, why_k)
    if any(fill_host(ls) != ls for ls in lines_list):
        data2 = b"".join(join(*fill_host(ls)) for ls in lines_list)
        add(slug + "-host", data2, source + " (variant: Host value filled in)", what, kestrel, why_k)


def chunked_tests():
    body = ["5", "Hello", "6", " World", "0", "", ""]
    functional("http10-transfer-encoding", [["POST / HTTP/1.0", "Host:", "Transfer-Encoding: chunked", ""] + body],
               src(CRT, "Http10TransferEncoding") + "; also Http10TransferEncodingPipes",
               "HTTP/1.0 request with Transfer-Encoding: chunked", "ok",
               "Kestrel decodes the chunked body of an HTTP/1.0 request; Transfer-Encoding in "
               "an HTTP/1.0 message is an error (RFC 9112 6.1: the recipient MUST treat the "
               "framing as faulty; profile)")
    functional("http10-keepalive-transfer-encoding",
               [["POST / HTTP/1.0", "Host:", "Transfer-Encoding: chunked", "Connection: keep-alive", "",
                 "5", "Hello", "6", " World", "0", "", "POST / HTTP/1.0", "Content-Length: 7", "", "Goodbye"]],
               src(CRT, "Http10KeepAliveTransferEncoding"),
               "HTTP/1.0 keep-alive chunked request, then an HTTP/1.0 Content-Length request", "ok",
               "Kestrel decodes both; Transfer-Encoding in HTTP/1.0 is an error (RFC 9112 6.1; profile)")
    functional("body-consumed-automatically",
               [["POST / HTTP/1.1", "Host:", "Content-Length: 5", "", "HelloPOST / HTTP/1.1", "Host:",
                 "Transfer-Encoding: chunked", "", "C", "HelloChunked", "0", "", "POST / HTTP/1.1",
                 "Host:", "Content-Length: 7", "", "Goodbye"]],
               src(CRT, "RequestBodyIsConsumedAutomaticallyIfAppDoesntConsumeItFully"),
               "three pipelined requests: Content-Length, chunked, Content-Length", "ok")
    def trailer_seq(ext):
        seq = ["POST / HTTP/1.1", "Host:", "Transfer-Encoding: chunked", "", "C" + ext, "HelloChunked",
               "0" + ext, ""]
        for i in range(1, 10):
            seq += ["POST / HTTP/1.1", "Host:", "Transfer-Encoding: chunked"] + \
                   (["Trailer: X-Trailer-Header"] if not ext else []) + \
                   ["", "C" + ext, "HelloChunk%02d" % i, "0" + ext, "X-Trailer-Header: " + "a" * i, ""]
        seq += ["POST / HTTP/1.1", "Host:", "Content-Length: 7", "", "Goodbye"]
        return seq
    functional("trailing-headers", [trailer_seq("")],
               src(CRT, "TrailingHeadersAreParsed") + "; also TrailingHeadersAreParsedWithPipe",
               "11 pipelined requests: chunked, 9 chunked with a trailer field, Content-Length", "ok")
    functional("extensions-ignored", [trailer_seq(";hello there")],
               src(CRT, "ExtensionsAreIgnored"),
               "chunk-size lines 'C;hello there' and '0;hello there'", "ok",
               "Kestrel ignores everything after ';' up to CRLF; 'hello there' is not "
               "chunk-ext-name [= value] (RFC 9112 7.1.1: a token, and after it only BWS '=' or "
               "BWS ';'), so the first chunk-size line is an error")
    for lim in ("TrailingHeadersCountTowardsHeadersTotalSizeLimit", "TrailingHeadersCountTowardsHeaderCountLimit"):
        functional("trailers-limit-%s" % ("size" if "Size" in lim else "count"),
                   [["POST / HTTP/1.1", "Host:", "Transfer-Encoding: chunked", "Header: value", "", "2", "42",
                     "0", "Trailing-Header: trailing-value", "", ""]],
                   src(CRT, lim, "Kestrel limit lowered to fail here (431)"),
                   "a chunked request with one trailer field (Kestrel lowers a header limit so "
                   "the trailer exceeds it; converted with the profile's default limits)", None)
    functional("invalid-length", [["POST / HTTP/1.1", "Host:", "Transfer-Encoding: chunked", "", "Cii"]],
               src(CRT, "InvalidLengthResultsIn400"), "chunk-size line 'Cii'", "error")
    functional("invalid-sized-data", [["POST / HTTP/1.1", "Host:", "Transfer-Encoding: chunked", "", "C",
                                        "HelloChunkedIn"]],
               src(CRT, "InvalidSizedDataResultsIn400"), "14 data bytes for a 12-byte chunk", "error")
    for i, (te, cl) in enumerate([("not-chunked", None), ("not-chunked", "22"),
                                  ("chunked, not-chunked", None), ("chunked, not-chunked", "22")]):
        ls = ["POST / HTTP/1.1", "Host:", "Transfer-Encoding: " + te] + (["Content-Length: " + cl] if cl else []) + \
             ["", "C", "hello, world", "0", "", ""]
        functional("te-not-final-%d" % i, [ls], src(CRT, "ChunkedNotFinalTransferCodingResultsIn400",
                                                     "connection %d" % (i + 1)),
                   "Transfer-Encoding %r%s" % (te, " with Content-Length 22" if cl else ""), "error")
    functional("closing-mid-chunk-prefix", [["POST / HTTP/1.1", "Host:", "Transfer-Encoding: chunked", "", "1"]],
               src(CRT, "ClosingConnectionMidChunkPrefixThrows"), "end of stream inside a chunk-size line", "error")
    functional("cancel-pending-read", [["POST / HTTP/1.1", "Host:", "Transfer-Encoding: chunked", "", "1", "H"],
                                       ["4", "ello", "0", "", ""]],
               src(CRT, "ChunkedRequestCallCancelPendingReadWorks", "SendAll then Send"),
               "two writes: '...1\\r\\nH' then '4\\r\\nello\\r\\n0\\r\\n\\r\\n'; joined, the CRLF after "
               "chunk-data 'H' is missing", "ok",
               "the test passes because the app answers after reading 'H' and never reads on; on "
               "the wire chunk-data 'H' is followed by '4', not CRLF (RFC 9112 7.1)")
    functional("chunked-1-4", [["POST / HTTP/1.1", "Host:", "Transfer-Encoding: chunked", "", "1", "H", "4",
                                "ello", "0", "", ""]],
               src(CRT, "ChunkedRequestCallCompleteThrowsExceptionOnRead")
               + "; also ChunkedRequestCallCompleteDoesNotCauseException (first write)",
               "chunks of 1 and 4 bytes", "ok")
    functional("chunked-complete-then-empty", [["POST / HTTP/1.1", "Host:", "Transfer-Encoding: chunked", "",
                                                "1", "H", "4", "ello", "0", "", ""],
                                               ["POST / HTTP/1.1", "Host:", "Transfer-Encoding: chunked", "",
                                                "0", "", ""]],
               src(CRT, "ChunkedRequestCallCompleteDoesNotCauseException", "both writes"),
               "a chunked request, then one with an empty chunked body", "ok")
    functional("chunked-1", [["POST / HTTP/1.1", "Host:", "Transfer-Encoding: chunked", "", "1", "H", "0", "", ""]],
               src(CRT, "ChunkedRequestCallCompleteWithExceptionCauses500"), "one 1-byte chunk", "ok")


AI = [0]


def request_tests():
    functional("read-cancelled", [["POST / HTTP/1.1", "Host:", "Connection: keep-alive", "Content-Length: 11",
                                   "", ""], ["Hello "]],
               src(RQT, "RequestBodyReadAsyncCanBeCancelled"),
               "Content-Length 11 with only 6 body bytes before end of stream (the app cancels "
               "its read)", None)
    functional("upgrade-keepalive", [["GET / HTTP/1.1", "Host:\r\nConnection: keep-alive, upgrade", "", "abc"]],
               src(RQT, "CanUpgradeRequestWithConnectionKeepAliveUpgradeHeader"),
               "Connection: keep-alive, upgrade and 'abc' after the head", "ok",
               "Kestrel switches protocols (101) and gives 'abc' to the app; with no 101 on the "
               "wire the profile decodes 'abc' as the start of a next request, cut short")
    for t in ["http://localhost/abs/path", "https://localhost/abs/path", "https://localhost:22/abs/path",
              "https://differenthost/abs/path", "http://localhost/", "http://root@contoso.com/path",
              "http://root:password@contoso.com/path", "https://localhost/", "http://localhost",
              "http://127.0.0.1/", "http://[::1]/", "http://[::1]:8080/", "http://localhost?q=123&w=xyz",
              "http://localhost/?q=123&w=xyz", "http://localhost/path?q=123&w=xyz",
              "http://localhost/path%20with%20space?q=abc%20123"]:
        AI[0] += 1
        # host = Uri.Authority (+ ":" + Port when the port is the scheme's default); Authority
        # drops userinfo and a default port
        m = re.match(r"(https?)://(?:[^@/?]*@)?(\[[^\]]*\]|[^:/?]*)(?::(\d+))?", t)
        scheme, h, port = m.group(1), m.group(2), m.group(3)
        default = "80" if scheme == "http" else "443"
        if port is None or port == default:
            host = h + ":" + default
        else:
            host = h + ":" + port
        functional("absolute-form-%02d-%s" % (AI[0], slug_of(t, 40)), [["GET %s HTTP/1.1" % t, "Content-Length: 0",
                                                          "Host: %s" % host, "", ""]],
                   src(RQT, "CanHandleRequestsWithUrlInAbsoluteForm", "%r" % t),
                   "absolute-form GET with Content-Length: 0 and Host %r" % host, "ok")
    functional("http11-kept-alive", [["GET / HTTP/1.1", "Host:", "", "GET / HTTP/1.1", "Host:", "Connection: close",
                                      "Content-Length: 7", "", "Goodbye"]],
               src(RQT, "Http11KeptAliveByDefault"), "two pipelined requests, the second closes", "ok")
    functional("http10-not-kept-alive-1", [["GET / HTTP/1.0", "", ""]], src(RQT, "Http10NotKeptAliveByDefault",
                                                                           "connection 1"),
               "HTTP/1.0 GET", "ok")
    functional("http10-not-kept-alive-2", [["POST / HTTP/1.0", "Content-Length: 11", "", "Hello World"]],
               src(RQT, "Http10NotKeptAliveByDefault", "connection 2"), "HTTP/1.0 POST with a body", "ok")
    functional("http10-keepalive", [["GET / HTTP/1.0", "Connection: keep-alive", "", "POST / HTTP/1.0",
                                     "Content-Length: 7", "", "Goodbye"]],
               src(RQT, "Http10KeepAlive"), "HTTP/1.0 keep-alive, then a second request", "ok")
    functional("http10-keepalive-no-cl", [["GET / HTTP/1.0", "Connection: keep-alive", "", ""],
                                          ["POST / HTTP/1.0", "Connection: keep-alive", "Content-Length: 7", "",
                                           "Goodbye"]],
               src(RQT, "Http10KeepAliveNotHonoredIfResponseContentLengthNotSet"),
               "two HTTP/1.0 keep-alive requests", "ok")
    functional("http10-keepalive-cl", [["POST / HTTP/1.0", "Content-Length: 11", "Connection: keep-alive", "",
                                        "Hello World"],
                                       ["POST / HTTP/1.0", "Connection: keep-alive", "Content-Length: 11", "",
                                        "Hello Again"],
                                       ["POST / HTTP/1.0", "Content-Length: 7", "", "Goodbye"]],
               src(RQT, "Http10KeepAliveHonoredIfResponseContentLengthSet"), "three HTTP/1.0 requests", "ok")
    functional("expect-100", [["POST / HTTP/1.1", "Host:", "Expect: 100-continue", "Connection: close",
                               "Content-Length: 11", "\r\n"], ["Hello World"]],
               src(RQT, "Expect100ContinueHonored"),
               "Expect: 100-continue; the head ends in CRLF CRLF (the last line is \"\\r\\n\", "
               "joined after a CRLF), then the body", "ok")
    functional("zero-cl-close-11", [["GET / HTTP/1.1", "Host:", "Connection: close", "", ""]],
               src(RQT, "ZeroContentLengthAssumedOnNonKeepAliveRequestsWithoutContentLengthOrTransferEncodingHeader",
                   "connection 1") + "; also ...PipeReader", "GET with Connection: close and no body", "ok")
    functional("zero-cl-http10", [["GET / HTTP/1.0", "Host:", "", ""]],
               src(RQT, "ZeroContentLengthAssumedOnNonKeepAliveRequestsWithoutContentLengthOrTransferEncodingHeader",
                   "connection 2") + "; also ...PipeReader", "HTTP/1.0 GET with an empty Host", "ok")
    functional("cl-http10-hello", [["POST / HTTP/1.0", "Host:", "Content-Length: 5", "", "hello"]],
               src(RQT, "ContentLengthReadAsyncPipeReader") + "; also ContentLengthReadAsyncPipeReaderBufferRequestBody, "
               "NonKeepAliveRequestNotConsumedByAppCompletes", "HTTP/1.0 POST with a 5-byte body", "ok")
    functional("fin-before-complete-1", [["POST / HTTP/1.1"]],
               src(RQT, "ConnectionClosesWhenFinReceivedBeforeRequestCompletes", "connection 1"),
               "a request-line without CRLF, then end of stream", "error")
    functional("fin-before-complete-2", [["POST / HTTP/1.1", "Host:", "Content-Length: 7"]],
               src(RQT, "ConnectionClosesWhenFinReceivedBeforeRequestCompletes", "connection 2"),
               "a head cut short, then end of stream", "error")
    functional("headers-reset", [["GET / HTTP/1.1", "Host:", "", "GET / HTTP/1.1", "Host:", "", ""]],
               src(RQT, "RequestHeadersAreResetOnEachRequest"), "two pipelined GETs", "ok")
    functional("upgrade-not-kept-alive", [["GET / HTTP/1.1", "Host:", "Connection: Upgrade", "", "Hello World"]],
               src(RQT, "UpgradeRequestIsNotKeptAliveOrChunked"),
               "Connection: Upgrade then 'Hello World'", "ok",
               "Kestrel switches protocols and echoes the bytes; with no 101 on the wire the "
               "profile decodes them as a next request, cut short by end of stream")
    functional("upgraded-not-consumed", [["GET / HTTP/1.1", "Host:", "Connection: upgrade", "", "hello"]],
               src(RQT, "UpgradedRequestNotConsumedByAppCompletes"),
               "Connection: upgrade then 'hello'", "ok",
               "Kestrel switches protocols; the profile decodes 'hello' as a next request, cut short")
    functional("upgrade-min-rate", [["GET / HTTP/1.1", "Host:", "Connection: upgrade", "", "a"], ["b"]],
               src(RQT, "DoesNotEnforceRequestBodyMinimumDataRateOnUpgradedRequest"),
               "Connection: upgrade then 'a', 'b'", "ok",
               "Kestrel switches protocols; the profile decodes 'ab' as a next request, cut short")
    req_data = ["GET / HTTP/1.1\r\nHost:\r\n"] * 20 + ["GET / HTTP/1.1\r\nHost:\r\nContent-Length: 7\r\nConnection: close\r\n\r\nGoodbye"]
    functional("reused-across-requests", [req_data], src(RQT, "HeadersAndStreamsAreReusedAcrossRequests"),
               "21 pipelined requests", "ok")
    for i, (t, h) in enumerate([("OPTIONS *", ""), ("GET /pub/WWW/", ""), ("GET /pub/WWW/", "   "),
                                ("GET /pub/WWW/", "."), ("GET /pub/WWW/", "www.example.org"),
                                ("GET http://localhost/", "localhost"), ("GET http://localhost:80/", "localhost:80"),
                                ("GET https://localhost/", "localhost"), ("GET https://localhost:443/", "localhost:443"),
                                ("CONNECT asp.net:80", "asp.net:80"), ("CONNECT asp.net:443", "asp.net:443"),
                                ("CONNECT user-images.githubusercontent.com:443",
                                 "user-images.githubusercontent.com:443")]):
        functional("host-valid-%02d-%s" % (i, slug_of(t + "-" + h, 40)),
                   [["%s HTTP/1.1" % t, "Host: %s" % h, "", ""]],
                   src(RQT, "MatchesValidRequestTargetAndHostHeader", "HostHeaderData (%r, %r)" % (t, h)),
                   "target %r with Host %r (Kestrel: 200)" % (t, h), "ok")
    functional("consumes-cl", [["POST / HTTP/1.1", "Host:", "Content-Length: 5", "", "hello"],
                               ["POST / HTTP/1.1", "Host:", "Content-Length: 5", "", "world"]],
               src(RQT, "ServerConsumesKeepAliveContentLengthRequest"), "two Content-Length requests", "ok")
    functional("consumes-chunked", [["POST / HTTP/1.1", "Host:", "Transfer-Encoding: chunked", "", "5", "hello",
                                     "5", "world", "0", "Trailer: value", "", ""],
                                    ["POST / HTTP/1.1", "Host:", "Content-Length: 5", "", "world"]],
               src(RQT, "ServerConsumesKeepAliveChunkedRequest"),
               "a chunked request with a trailer field, then a Content-Length request", "ok")
    functional("sync-reads", [["POST / HTTP/1.1", "Host:", "Content-Length: 5", "", "Hello"]],
               src(RQT, "SynchronousReadsDisallowedByDefault") + "; also SynchronousReadsAllowedByOptIn, "
               "SynchronousReadsCanBeDisallowedGlobally, SynchronousReadsCanBeAllowedGlobally, "
               "ContentLengthRequestCallCompleteThrowsExceptionOnRead, ContentLengthCallCompleteWithExceptionCauses500",
               "POST with a 5-byte body", "ok")
    functional("cl-cancel-pending", [["POST / HTTP/1.1", "Host:", "Content-Length: 5", "", "H"], ["ello"]],
               src(RQT, "ContentLengthRequestCallCancelPendingReadWorks"), "a body in two writes", "ok")
    skip("HttpClientSlim requests (no fixed bytes) / app behaviour", RQT,
         "StreamsAreNotPersistedAcrossRequests, PipesAreNotPersisted* (2), AppCanSetTraceIdentifier, "
         "TraceIdentifierIsUnique", 5)


UPT = "UpgradeTests"
RTP = "RequestTargetProcessingTests"
# StreamBackedTestConnection.SendEmptyGet* (joined by CRLF, ISO-8859-1)
EMPTY_GET_UPGRADE = ["GET / HTTP/1.1", "Host:", "Connection: Upgrade", "", ""]
EMPTY_GET_UPGRADE_KA = ["GET / HTTP/1.1", "Host:", "Connection: Upgrade, keep-alive", "", ""]
UP_WHY = ("Kestrel sends 101 and hands the following bytes to the app; with no 101 on the wire a "
          "request carrying Connection: Upgrade is an ordinary message (profile), so the bytes "
          "after it are decoded as a next request")


def upgrade_tests():
    functional("up-empty-get-upgrade", [EMPTY_GET_UPGRADE],
               src(UPT, "ResponseThrowsAfterUpgrade", "StreamBackedTestConnection.SendEmptyGetWithUpgrade")
               + "; also UpgradeCannotBeCalledMultipleTimes, DoesNotThrowOnFin, DoesNotThrowGivenCanceledReadResult, "
               "AcceptsRequestWithNoContentLengthAndUpgrade (connection 2)",
               "GET with Connection: Upgrade and no body", "ok")
    functional("up-body-empty-after-upgrade", [EMPTY_GET_UPGRADE, ["Custom protocol send\r\n"]],
               src(UPT, "RequestBodyAlwaysEmptyAfterUpgrade"),
               "GET with Connection: Upgrade, then the line 'Custom protocol send'", "ok", UP_WHY)
    functional("up-cl-and-upgrade", [["POST / HTTP/1.1", "Host:", "Content-Length: 1", "Connection: Upgrade", "", "A"]],
               src(UPT, "AcceptsRequestWithContentLengthAndUpgrade"),
               "POST with Content-Length: 1 and Connection: Upgrade", "ok")
    functional("up-cl0-and-upgrade", [["POST / HTTP/1.1", "Host:", "Content-Length: 0", "Connection: Upgrade, keep-alive",
                                       "", ""]],
               src(UPT, "AcceptsRequestWithNoContentLengthAndUpgrade", "connection 1"),
               "POST with Content-Length: 0 and Connection: Upgrade, keep-alive", "ok")
    functional("up-chunked-and-upgrade", [["POST / HTTP/1.1", "Host:", "Transfer-Encoding: chunked", "Connection: Upgrade",
                                           "", "B", "Hello World", "0", "", ""]],
               src(UPT, "AcceptsRequestWithChunkedEncodingAndUpgrade"),
               "chunked POST with Connection: Upgrade", "ok")
    functional("up-upgrade-keepalive", [EMPTY_GET_UPGRADE_KA],
               src(UPT, "RejectsUpgradeWhenLimitReached", "SendEmptyGetWithUpgradeAndKeepAlive"),
               "GET with Connection: Upgrade, keep-alive", "ok")
    functional("up-two-without-101", [EMPTY_GET_UPGRADE, EMPTY_GET_UPGRADE],
               src(UPT, "DoesNotCloseConnectionWithout101Response"),
               "two GETs with Connection: Upgrade on one connection (the first answered 200)", "ok")
    skip("same data as another converted test", UPT, "ThrowsWhenUpgradingNonUpgradableRequest (SendEmptyGet)", 1)


def target_tests():
    functional("rt-not-normalized", [["GET /%41%CC%8A/A/../B/%41%CC%8A HTTP/1.1", "Host:", "", ""]],
               src(RTP, "RequestPathIsNotNormalized"), "pct-encoded UTF-8 and a dot segment in the path", "ok")
    for i, t in enumerate(["/", "/.", "/..", "/./.", "/./..", "/../.", "/../..", "/path", "/path?foo=1&bar=2",
                           "/hello%20world", "/hello%20world?foo=1&bar=2", "/base/path", "/base/path?foo=1&bar=2",
                           "/base/hello%20world", "/base/hello%20world?foo=1&bar=2"]):
        functional("rt-raw-target-%02d" % i, [["GET %s HTTP/1.1" % t, "Host:", "", ""]],
                   src(RTP, "RequestFeatureContainsRawTarget", "%r" % t), "origin-form target %r" % t, "ok")
    functional("rt-options-asterisk", [["OPTIONS * HTTP/1.1", "Host: ", "", ""]],
               src(RTP, "NonPathRequestTargetSetInRawTarget", "(Options, '*')"),
               "OPTIONS * with an empty Host", "ok")
    functional("rt-connect-host", [["CONNECT host HTTP/1.1", "Host: host", "", ""]],
               src(RTP, "NonPathRequestTargetSetInRawTarget", "(Connect, 'host')"),
               "CONNECT with target 'host' (no port)", "ok",
               "Kestrel accepts a CONNECT target without a port; authority-form is uri-host \":\" "
               "port (RFC 9112 3.2.3), the port is required")


def main():
    tables()
    headers()
    startline()
    http1conn()
    messagebody()
    badrequest()
    chunked_tests()
    request_tests()
    upgrade_tests()
    target_tests()
    out = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "kestrel.json")
    with open(out, "w") as f:
        json.dump(CASES, f, ensure_ascii=True, indent=1)
    cnt = {}
    for c in CASES:
        cnt[c["expect"]] = cnt.get(c["expect"], 0) + 1
    print("cases", len(CASES), cnt, "dups", len(DUPS), "differs", len(DIFFERS))
    for r, l in SKIPPED.items():
        print("skip", sum(n for _, n in l), r)
    if "-v" in sys.argv:
        for k, v in DIFFERS.items():
            print(k, ":", v)


if __name__ == "__main__":
    main()
