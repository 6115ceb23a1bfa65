#!/usr/bin/env bash
# Write seed corpora for the fuzz targets into fuzz/corpus/<target>/.
#
#   fuzz/seed.sh [CORPUS_DIR]
#
# Seeds come from the messages of examples/pipelined.http (each message, and
# the whole stream), from messages built here (GET, POST with Content-Length,
# chunked with extensions and trailers, CONNECT, pipelined, lenient shapes),
# and, when CORPUS_DIR is given and exists, from the "input" of every case of
# every *.json file under it (one code point per byte, Latin-1).
#
# decode_request and differential_httparse take the stream as is;
# split_invariance and limits take a 7-byte header first (config and piece
# sizes, see fuzz/src/input.rs), so each stream is written there with a few
# headers. encode_roundtrip takes message descriptions, not streams (see
# fuzz/src/encode_gen.rs): its seeds are built below from list indices.
# decode_response takes the same header, then the methods the responses
# answer (method runs, see ResponseInput in fuzz/src/input.rs), then a stream
# of responses: the "input" of every case whose mode is "response" in
# CORPUS_DIR, with its "methods", and responses built here (Content-Length,
# chunked with trailers, close-delimited, 1xx before a final response, 101,
# CONNECT tunnels, HEAD, 204/304, obs-fold, pipelined, more than 64 in
# flight, lenient shapes).
# conversation takes scripts of caller actions and peer bytes (see
# fuzz/src/conversation_gen.rs): hand-built ones below (keep-alive,
# pipelining past both depths, 100-continue answered and refused, CONNECT
# refused with 407 then retried and answered 200, 101, close-delimited,
# HTTP/1.0 with and without keep-alive, misuse, small slices, raw fields),
# and the built request and response streams injected as raw peer bytes
# against each connection alone.
# head_agreement takes decode_response's layout with two more flags (client
# role, short field array; see fuzz/fuzz_targets/head_agreement.rs): the
# request streams (no methods) and the response streams (with theirs).
# Seeds are named by their SHA-1, like libFuzzer's own, so running the
# script again adds nothing twice.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
corpus_dir="${1:-}"
if [[ -n "$corpus_dir" && ! -d "$corpus_dir" ]]; then
    echo "seed.sh: no folder $corpus_dir; seeding without it" >&2
    corpus_dir=""
fi

exec python3 - "$here" "$corpus_dir" <<'PY'
import glob, hashlib, json, os, sys

here, corpus_dir = sys.argv[1], sys.argv[2]
out = os.path.join(here, "corpus")


def messages(stream):
    """Cut a stream of well-formed requests into messages (CRLF heads,
    Content-Length or chunked bodies), for seeding only."""
    msgs, p = [], 0
    while p < len(stream):
        end = stream.find(b"\r\n\r\n", p)
        if end < 0:
            msgs.append(stream[p:])
            break
        q = end + 4
        head = stream[p:q].lower()
        if b"transfer-encoding: chunked" in head:
            while True:
                line_end = stream.index(b"\r\n", q)
                size = int(stream[q:line_end].split(b";")[0], 16)
                q = line_end + 2
                if size == 0:
                    q = stream.index(b"\r\n\r\n", q - 2) + 4
                    break
                q += size + 2
        else:
            for line in head.split(b"\r\n"):
                if line.startswith(b"content-length:"):
                    q += int(line.split(b":")[1])
        msgs.append(stream[p:q])
        p = q
    return msgs


streams = []

pipelined = os.path.join(here, "..", "examples", "pipelined.http")
if os.path.exists(pipelined):
    with open(pipelined, "rb") as f:
        whole = f.read()
    streams.append(whole)
    streams.extend(messages(whole))

H = b"Host: example.com\r\n"
built = [
    b"GET / HTTP/1.1\r\n" + H + b"\r\n",
    b"GET /index.html?q=1&r=%20 HTTP/1.1\r\n" + H + b"Accept: */*\r\nUser-Agent: fuzz/1.0\r\n\r\n",
    b"GET / HTTP/1.0\r\n\r\n",
    b"GET http://example.com/a HTTP/1.1\r\nHost: example.com\r\n\r\n",
    b"OPTIONS * HTTP/1.1\r\n" + H + b"\r\n",
    b"HEAD / HTTP/1.1\r\nHost: [::1]:8080\r\nConnection: close\r\n\r\n",
    b"\r\nGET / HTTP/1.1\r\n" + H + b"\r\n",
    b"POST /form HTTP/1.1\r\n" + H + b"Content-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello",
    b"POST / HTTP/1.1\r\n" + H + b"Content-Length: 0\r\n\r\n",
    b"PUT /up HTTP/1.1\r\n" + H + b"Transfer-Encoding: chunked\r\nTrailer: Digest\r\n\r\n"
    b"7;part=1\r\nMozilla\r\n11 ; name = \"q \\\" v\" ; x\r\nDeveloper Network\r\n"
    b"0;last\r\nDigest: sha-256=abc\r\nX-T: 1\r\n\r\n",
    b"POST / HTTP/1.1\r\n" + H + b"Transfer-Encoding: gzip, chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
    b"POST / HTTP/1.1\r\n" + H + b"Transfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n"
    b"000a\r\n0123456789\r\n0000\r\n\r\n",
    b"CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n\x16\x03\x01\x00\xa5binary",
    b"GET /1 HTTP/1.1\r\n" + H + b"\r\nPOST /2 HTTP/1.1\r\n" + H + b"Content-Length: 3\r\n\r\nabc"
    b"GET /3 HTTP/1.1\r\n" + H + b"\r\n\r\nDELETE /4 HTTP/1.0\r\n\r\n",
    # Shapes the strict profile refuses and the lenient options or limits care about.
    b"GET / HTTP/1.1\nHost: a\n\n",
    b"GET / HTTP/1.1\r\nHost: a\r\nX-Folded: one\r\n two\r\n\tthree\r\n\r\n",
    b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3, 3\r\nContent-Length: 3\r\n\r\nabc",
    b"GET /caf\xc3\xa9 HTTP/1.1\r\nHost: a\r\n\r\n",
    b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
    b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\nabc\n0\n\n",
    b"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
    b"GET / HTTP/1.1\r\nHost: user@a\r\n\r\n",
    b"GET / HTTP/1.1\r\nHost : a\r\n\r\n",
    b"GET / HTTP/2.0\r\nHost: a\r\n\r\n",
    b"GET / HTTP/1.1\r\nHost: a\r\n" + b"".join(b"F%d: %s\r\n" % (i, b"v" * i) for i in range(12)) + b"\r\n",
    b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
    + b"".join(b"%x;%s\r\n%s\r\n" % (n, b"e" * n, b"d" * n) for n in range(1, 9))
    + b"0\r\n" + b"".join(b"T%d: %s\r\n" % (i, b"t" * 5 * i) for i in range(6)) + b"\r\n",
]
streams.extend(built)

# (stream, methods) pairs for decode_response; methods are names.
response_streams = []

if corpus_dir:
    for path in sorted(glob.glob(os.path.join(corpus_dir, "**", "*.json"), recursive=True)):
        with open(path, encoding="utf-8") as f:
            cases = json.load(f)
        for case in cases if isinstance(cases, list) else []:
            text = case.get("input") if isinstance(case, dict) else None
            if isinstance(text, str):
                try:
                    stream = text.encode("latin-1")
                except UnicodeEncodeError:
                    print(f"seed.sh: skipping a non-Latin-1 input in {path}", file=sys.stderr)
                    continue
                streams.append(stream)
                if case.get("mode") == "response":
                    methods = case.get("methods") or []
                    response_streams.append((stream, [str(m) for m in methods]))

OK = b"HTTP/1.1 200 OK\r\n"
built_responses = [
    (OK + b"Content-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello", []),
    (OK + b"Content-Length: 0\r\n\r\n", []),
    (OK + b"Transfer-Encoding: chunked\r\nTrailer: Digest\r\n\r\n"
     b"7;part=1\r\nMozilla\r\n11 ; name = \"q \\\" v\" ; x\r\nDeveloper Network\r\n"
     b"0;last\r\nDigest: sha-256=abc\r\nX-T: 1\r\n\r\n", []),
    (OK + b"Transfer-Encoding: gzip, chunked\r\nContent-Length: 99\r\n\r\n5\r\nhello\r\n0\r\n\r\n", []),
    (OK + b"Transfer-Encoding: x;q=\"a, chunked\"\r\nTransfer-Encoding: ,chunked,\r\n\r\n0\r\n\r\n", []),
    (OK + b"Content-Type: text/plain\r\n\r\nread until the peer closes", []),
    (OK + b"Transfer-Encoding: gzip\r\n\r\n\x1f\x8b\x08\x00", []),
    (b"HTTP/1.0 200 OK\r\nServer: old\r\n\r\n<html></html>", []),
    (b"HTTP/1.1 100 Continue\r\n\r\n" + OK + b"Content-Length: 2\r\n\r\nok", ["POST"]),
    (b"HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n"
     b"HTTP/1.1 100 Continue\r\n\r\n" + OK + b"Content-Length: 0\r\n\r\n", ["HEAD"]),
    (b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n"
     b"\x81\x05hello", []),
    (b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\n\r\nPRI *", ["HEAD"]),
    (b"HTTP/1.1 200 Connection Established\r\n\r\n\x16\x03\x01\x00\xa5", ["CONNECT"]),
    (b"HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 4\r\n\r\ndeny"
     b"HTTP/1.1 204 No Content\r\nTransfer-Encoding: chunked\r\n\r\ntunnel", ["CONNECT", "CONNECT"]),
    (OK + b"Content-Length: 1234\r\n\r\n" + OK + b"Transfer-Encoding: chunked\r\n\r\n", ["HEAD", "HEAD"]),
    (OK + b"Content-Length: 1234\r\n\r\n" + OK + b"Content-Length: 3\r\n\r\nabc", ["HEAD", "GET"]),
    (b"HTTP/1.1 304 Not Modified\r\nETag: \"x\"\r\nContent-Length: 10\r\n\r\n"
     b"HTTP/1.1 204 No Content\r\nContent-Length: 10\r\n\r\n" + OK + b"Content-Length: 1\r\n\r\nx", []),
    (OK + b"X-Folded: one\r\n two\r\n\tthree\r\nContent-Length: 0\r\n\r\n", []),
    (OK + b"X-Empty-Start:\r\n folded\r\nContent-Length:\r\n 2\r\n\r\nhi", []),
    (OK + b"Transfer-Encoding: chunked\r\n\r\n0\r\nX-T: a\r\n b\r\n\r\n", []),
    (OK + b"Content-Length: 3\r\n\r\nabc"
     + b"HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"
     + b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\n"
     + b"HTTP/1.0 500 Internal Server Error\r\n\r\nbye", ["GET", "POST", "HEAD"]),
    (b"HTTP/1.1 204 \r\n\r\n" * 64 + OK + b"Content-Length: 3\r\n\r\n" + OK + b"Content-Length: 3\r\n\r\nabc",
     ["GET"] * 64 + ["HEAD"]),
    (b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n" * 70, ["HEAD"] * 66 + ["CONNECT"]),
    # Reasons and status lines at the edges.
    (b"HTTP/1.1 200 \r\nContent-Length: 0\r\n\r\n", []),
    (b"HTTP/1.1 599 Ori\xc3\xabntatie\tprobleem \r\nContent-Length: 0\r\n\r\n", []),
    (b"HTTP/1.1 999 \r\n\r\n", []),
    (b"HTTP/1.1 099 X\r\n\r\n", []),
    (b"HTTP/1.1 301\r\n\r\n", []),
    (b"\r\nHTTP/1.1 200 OK\r\n\r\n", []),
    (b"HTTP/2.0 200 OK\r\n\r\n", []),
    # Shapes the strict profile refuses and the lenient options care about.
    (b"HTTP/1.1 200 OK\nContent-Length: 2\n\nok", []),
    (OK + b"Content-Length: 3, 3\r\nContent-Length: 3\r\n\r\nabc", []),
    (OK + b"Content-Length: 3\r\nContent-Length: 4\r\n\r\nabcd", []),
    (OK + b"Transfer-Encoding: chunked\r\n\r\n0\r\nContent-Length: 5\r\nHost: a\r\n\r\n", []),
    (b"HTTP/1.0 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", []),
    (OK + b"Transfer-Encoding: chunked, chunked\r\n\r\n0\r\n\r\n", []),
    (OK + b"Transfer-Encoding: chunked;q=1\r\n\r\n0\r\n\r\n", []),
    (OK + b"Transfer-Encoding: gzip ; q = 1 , chunked\r\n\r\n0\r\n\r\n", []),
    (OK + b"Transfer-Encoding: gzip,\r\n chunked\r\n\r\n0\r\n\r\n", []),
    (OK + b"Transfer-Encoding: chunked\r\n\r\n5\nhello\n0\n\n", []),
    (OK + b"Transfer-Encoding: chunked\r\n\r\n"
     + b"".join(b"%x;%s\r\n%s\r\n" % (n, b"e" * n, b"d" * n) for n in range(1, 9))
     + b"0\r\n" + b"".join(b"T%d: %s\r\n" % (i, b"t" * 5 * i) for i in range(6)) + b"\r\n", []),
    (OK + b"".join(b"F%d: %s\r\n" % (i, b"v" * i) for i in range(12)) + b"Content-Length: 0\r\n\r\n", []),
]
response_streams.extend(built_responses)


def header(flags, limits=(0, 0, 0, 0, 0), sizes=()):
    assert len(sizes) <= 32
    return bytes([flags, *limits, len(sizes), *sizes])


def small_limits(stream):
    """Limits near the stream's own sizes, so seeds sit at the bounds."""
    head_end = stream.find(b"\r\n\r\n")
    head = head_end + 4 if head_end >= 0 else len(stream)
    lines = stream[:head].split(b"\r\n")
    longest = max((len(l) for l in lines), default=0)
    return (min(head // 2, 255), min(longest, 255), max(len(lines) - 3, 0) % 16, 8, 32)


def structured(stream, target):
    """The headers each stream gets in split_invariance and limits (which
    always reads the limits of bytes 1-5: there, the stream's own sizes and
    each of them one less)."""
    lim = small_limits(stream)
    if target == "limits":
        tighter = tuple(max(v - 1, 0) for v in lim)
        return [
            header(0x00, lim, sizes=(1,)),
            header(0x0F, lim, sizes=(3, 0, 7, 64)),
            header(0x00, tighter, sizes=(5,)),
            header(0x0F, tighter, sizes=(2, 11)),
        ]
    return [
        header(0x00, sizes=(1,)),
        header(0x0F, sizes=(3, 0, 7, 64)),
        header(0x10, lim, sizes=(5,)),
        header(0x1F, lim, sizes=(2, 11)),
    ]


def write(target, data):
    folder = os.path.join(out, target)
    os.makedirs(folder, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def method_runs(methods):
    """The methods as the runs of ResponseInput: a count byte, then one
    byte per run (bits 7-6 the method, bits 5-0 the run length - 1)."""
    codes = [{"HEAD": 1, "CONNECT": 2}.get(m, 0) for m in methods]
    runs = []
    for c in codes:
        if runs and runs[-1][0] == c and runs[-1][1] < 64:
            runs[-1][1] += 1
        else:
            runs.append([c, 1])
    assert len(runs) < 16, "too many method runs for one seed"
    return bytes([len(runs)] + [c << 6 | (n - 1) for c, n in runs])


def response_headers(stream):
    """The headers each response stream gets: strict whole and byte-wise,
    every lenient option (framing_trailers included) with a split, and
    limits near the stream's own sizes."""
    lim = small_limits(stream)
    return [
        header(0x00),
        header(0x00, sizes=(1,)),
        header(0x2F, sizes=(3, 0, 7, 64)),
        header(0x10, lim, sizes=(5,)),
        header(0x3F, lim, sizes=(2, 11)),
    ]


seen = set()
for s in streams:
    if s in seen:
        continue
    seen.add(s)
    write("decode_request", s)
    write("differential_httparse", s)
    for target in ("split_invariance", "limits"):
        for h in structured(s, target):
            write(target, h + s)
    # head_agreement: the server role, no methods (a zero run count).
    for h in structured(s, "split_invariance"):
        write("head_agreement", h + b"\x00" + s)
    write("head_agreement", bytes([0x80, 0, 0, 3, 0, 0, 0, 0]) + s)

seen = set()
for s, methods in response_streams:
    if (s, tuple(methods)) in seen:
        continue
    seen.add((s, tuple(methods)))
    for h in response_headers(s):
        write("decode_response", h + method_runs(methods) + s)
        # head_agreement: the client role (0x40), and once with a short
        # field array (0x80 | 0x40, byte 3 % 8 entries).
        write("head_agreement", bytes([h[0] | 0x40]) + h[1:] + method_runs(methods) + s)
    write("head_agreement", bytes([0xC0, 0, 0, 2, 0, 0, 1, 3]) + method_runs(methods) + s)

# encode_roundtrip: message descriptions (layout in fuzz/src/encode_gen.rs).
# Indices used here, by list: METHODS GET 0, POST 1, HEAD 2, CONNECT 3,
# OPTIONS 4; TARGETS "/" 0, "/a?b=c" 1, "*" 2, "http://example.com/x" 3,
# "example.com:443" 4; STATUSES 200 0, 204 2, 304 5, 101 7, 404 11;
# REASONS "OK" 0, "" 1, "Not Found" 2; PAIRS Host: example.com 0,
# Content-Length: 0 1, Content-Length: 5 2, Transfer-Encoding: chunked 3,
# Accept: */* 4, Upgrade: websocket 35, X-T: 1 37, Digest: sha-256=abc 38.
RESPONSE, SMALL, MISUSE, SECOND, IGNORED_FRAMING = 0x01, 0x02, 0x04, 0x08, 0x10
AS_FIELDS, EMPTY, CHUNKED, STREAMED, UNTIL_CLOSE = [0], [1], [3], [4], [5]


def length(n):
    return [2, n]


def raw_field(name, value):
    assert len(name) < 64 and len(value) < 64
    return bytes([0x80, 0xC0 + len(name)]) + name + bytes([0xC0 + len(value)]) + value


def describe(start, fields=(), body=AS_FIELDS, pieces=(), trailers=(), flags=0, small=0, split=()):
    """start: request() or response(); fields and trailers: PAIRS indices
    or raw_field() bytes."""
    def field(f):
        return bytes([f]) if isinstance(f, int) else f
    kind, start = start
    out = bytes([kind | flags, small, len(split), *split]) + bytes(start)
    out += bytes([len(fields)]) + b"".join(field(f) for f in fields)
    out += bytes(body)
    out += bytes([len(pieces)]) + b"".join(bytes([len(p)]) + p for p in pieces)
    out += bytes([len(trailers)]) + b"".join(field(f) for f in trailers)
    return out


def request(method, target, http11=True):
    return 0, [method, target, 1 if http11 else 0]


def response(status, reason, http11=True, answering="other", request11=True):
    method = {"other": 0, "head": 1, "connect": 2}[answering]
    if status >= 0xC0:  # a raw status code
        status = [0xC0, *status.to_bytes(2, "big")]
    else:
        status = [status]
    return RESPONSE, [*status, reason, (1 if http11 else 0) | method << 1 | (8 if request11 else 0)]


GET11, POST11 = request(0, 0), request(1, 1)
OK11 = response(0, 0)
encode_seeds = [
    describe(GET11, [0]),
    describe(request(0, 0, http11=False)),
    describe(POST11, [0, 4], length(5), [b"hel", b"lo"]),
    describe(POST11, [0, 2], AS_FIELDS, [b"hello"], flags=SMALL, small=20),
    describe(POST11, [0], CHUNKED, [b"Mozilla", b"Developer Network"], [37, 38], split=(3, 0, 7)),
    describe(POST11, [0, 3], AS_FIELDS, [b"abc", b"", b"de"], [37], flags=SMALL | SECOND, small=40),
    describe(POST11, [0], STREAMED, [b"x" * 40], split=(1,)),
    describe(POST11, [0], length(3), [b"abcdef"]),
    describe(POST11, [0], length(10), [b"abc"], flags=MISUSE | SECOND),
    describe(POST11, [0], [6, 0], [b"abc"]),
    describe(request(3, 4), [0], flags=MISUSE),
    describe(request(4, 2), [0], EMPTY, flags=SECOND),
    describe(request(0, 3), [0, raw_field(b"X-Raw", b"a\r\nb")]),
    describe(request(1, 0, http11=False), [], CHUNKED, [b"abc"]),
    describe(OK11, [4], STREAMED, [b"hello, ", b"world"], [37], flags=SMALL, small=9),
    describe(response(0, 0, request11=False), [], STREAMED, [b"hello"]),
    describe(response(0, 1), [], UNTIL_CLOSE, [b"bye"], flags=MISUSE),
    describe(response(5, 0, answering="head"), [0], length(5), flags=SECOND),
    describe(response(0, 0, answering="head"), [2], AS_FIELDS, [b"x"]),
    describe(response(7, 1), [35], flags=MISUSE),
    describe(response(0, 0, answering="connect"), [], EMPTY, [b"tunnel"]),
    describe(response(2, 0), [], EMPTY, flags=SECOND | MISUSE),
    describe(response(11, 2), [2], AS_FIELDS, [b"he", b"llo"], flags=SMALL | SECOND, small=3),
    describe(response(500, 0), [3], AS_FIELDS, [b"abc"], [raw_field(b"X-Raw", b"1")]),
    describe(response(1000, 0), []),
    describe(OK11, [raw_field(b"Content-Type", b"text/plain"), 2, 3]),
    describe(response(2, 0), [1], flags=IGNORED_FRAMING | SECOND),
    describe(response(0, 0, answering="connect"), [3], flags=IGNORED_FRAMING),
    describe(request(3, 4), [0, 2], flags=IGNORED_FRAMING | MISUSE),
]
for s in encode_seeds:
    write("encode_roundtrip", s)


# conversation: scripts of caller actions and peer bytes (layout in
# fuzz/src/conversation_gen.rs; the lists below mirror its tables, by index).
METHOD_TARGETS = [("GET", "/"), ("POST", "/a?b"), ("HEAD", "/"), ("CONNECT", "example.com:443"),
                  ("OPTIONS", "*"), ("GET", "http://example.com/"), ("PUT", "/up"), ("DELETE", "/x"),
                  ("GET", "example.com:443"), ("CONNECT", "/")]
REQUEST_FIELDS = [("Connection", "close"), ("Connection", "keep-alive"), ("Connection", "upgrade"),
                  ("Connection", "Upgrade, close"), ("Connection", "keep-alive, upgrade"),
                  ("Upgrade", "websocket"), ("Upgrade", "h2c"), ("Expect", "100-continue"),
                  ("Content-Length", "3"), ("Content-Length", "0"), ("Transfer-Encoding", "chunked"),
                  ("Transfer-Encoding", "gzip, chunked"), ("Accept", "*/*"), ("Trailer", "X-T"),
                  ("Host", "other.example")]
RESPONSE_FIELDS = [("Connection", "close"), ("Connection", "keep-alive"), ("Connection", "upgrade"),
                   ("Upgrade", "websocket"), ("Content-Length", "3"), ("Content-Length", "0"),
                   ("Transfer-Encoding", "chunked"), ("Server", "fuzz"), ("Content-Type", "text/plain"),
                   ("Keep-Alive", "timeout=5")]
TRAILERS = [("X-T", "1"), ("Digest", "sha-256=abc"), ("Content-Length", "1"), ("Host", "a")]
STATUSES = [100, 101, 103, 200, 200, 201, 204, 206, 304, 400, 404, 407, 417, 500, 599, 999, 99, 1000, 0]
PAIR, SERVER_ALONE, CLIENT_ALONE = 0, 2, 3
AS_FIELDS, EMPTY, CHUNKED, STREAMED, UNTIL_CLOSE = 0, 1, 3, 4, 5
VEC, SLICE, SMALL = 0, 1, 2


def length(n):
    assert n < 32
    return 2 | n << 3


def fidx(table, f):
    if isinstance(f, tuple) and len(f) == 2 and isinstance(f[0], bytes):  # raw
        name, value = f
        return bytes([len(table), len(name)]) + name + bytes([len(value)]) + value
    return bytes([table.index(f)])


def fields(table, fs):
    assert len(fs) < 5
    return bytes([len(fs)]) + b"".join(fidx(table, f) for f in fs)


def tail(api, size, whole, trailers):
    out = bytes([size]) if api == SMALL else b""
    if whole is not None:
        out += bytes([len(whole)]) + whole
        if trailers:
            out += bytes([len(trailers)]) + b"".join(fidx(TRAILERS, t) for t in trailers)
    return out


def req(method="GET", target="/", http10=False, no_host=False, fs=(), body=AS_FIELDS,
        api=VEC, size=0, whole=None, trailers=()):
    flags = (1 if http10 else 0) | (2 if no_host else 0) | api << 3
    flags |= 0x20 if whole is not None else 0
    flags |= 0x40 if trailers else 0
    return (bytes([0, METHOD_TARGETS.index((method, target)), flags]) + fields(REQUEST_FIELDS, fs)
            + bytes([body]) + tail(api, size, whole, trailers))


def resp(status=200, http10=False, reason=0, fs=(), body=AS_FIELDS, api=VEC, size=0, whole=None,
         trailers=()):
    flags = (1 if http10 else 0) | reason << 1 | api << 3
    flags |= 0x20 if whole is not None else 0
    flags |= 0x40 if trailers else 0
    return (bytes([3, STATUSES.index(status), flags]) + fields(RESPONSE_FIELDS, fs)
            + bytes([body]) + tail(api, size, whole, trailers))


def piece(side, data, slice_api=False):
    assert len(data) < 64
    return bytes([1 if side == "client" else 4, len(data) | (0x80 if slice_api else 0)]) + data


def end(side, trailers=(), api=VEC, size=0):
    out = bytes([2 if side == "client" else 5, len(trailers) | api << 2])
    out += b"".join(fidx(TRAILERS, t) for t in trailers)
    return out + (bytes([size]) if api == SMALL else b"")


def pump(side, chunk=0):
    return bytes([6 if side == "server" else 7, chunk])


def closes(side):
    """`side` closes its writing side."""
    return bytes([8 if side == "client" else 9])


def inject(side, data):
    assert len(data) < 256
    return bytes([10 if side == "server" else 11, len(data)]) + data


def script(*actions, mode=PAIR, server_depth=0, client_depth=0, flags=0):
    return bytes([mode | flags, server_depth | client_depth << 4]) + b"".join(actions)


C, S = "client", "server"


def injected(side, stream):
    """Raw bytes toward `side`, in pieces of at most 255 bytes, each read."""
    out = b""
    for at in range(0, len(stream), 255):
        out += inject(side, stream[at:at + 255]) + pump(side)
    return out


UPGRADE = [("Upgrade", "websocket"), ("Connection", "upgrade")]
conversation_seeds = [
    # Keep-alive: GET, POST with a body, chunked answer with trailers, then a closing GET.
    script(req(whole=b""), pump(S), resp(body=length(5), whole=b"hello"), pump(C),
           req("POST", "/a?b", body=length(3), whole=b"abc"), pump(S),
           resp(body=CHUNKED, whole=b"hi", trailers=[("X-T", "1")]), pump(C),
           req("PUT", "/up", body=STREAMED, whole=b"data", trailers=[("Digest", "sha-256=abc")]), pump(S, 7), pump(S),
           resp(204, whole=b""), pump(C),
           req(fs=[("Connection", "close")], whole=b""), pump(S), resp(whole=b"bye", body=length(3)), pump(C),
           req(whole=b"")),
    # Pipelining: three requests, the client holds 2 in flight, the server reads 1 ahead.
    script(req(whole=b""), req("HEAD", "/", whole=b""), req("POST", "/a?b", body=length(3), whole=b"abc"),
           pump(S), resp(body=length(5), whole=b"hello"), pump(S), resp(body=length(5), whole=b""), pump(S),
           pump(C), req("DELETE", "/x", whole=b""), pump(S), resp(404, body=EMPTY, whole=b""), pump(S),
           resp(body=STREAMED, whole=b"x"), pump(C, 9), pump(C), closes(C), closes(S),
           server_depth=1, client_depth=2),
    # 100-continue: the head, a 100, then the body and the final response.
    script(req("POST", "/a?b", fs=[("Expect", "100-continue")], body=length(3)), pump(S),
           resp(100, body=EMPTY, whole=b""), pump(C), piece(C, b"abc"), end(C), pump(S),
           resp(201, body=EMPTY, whole=b""), pump(C), req(whole=b""), pump(S)),
    # 100-continue refused: a final response before the body closes the connection.
    script(req("PUT", "/up", fs=[("Expect", "100-continue")], body=length(3)), pump(S),
           resp(417, body=EMPTY, whole=b""), pump(C), piece(C, b"abc"), end(C), pump(S), req(whole=b""),
           resp(200, whole=b"")),
    # CONNECT refused with 407 and retried, then a tunnel.
    script(req("CONNECT", "example.com:443", whole=b""), pump(S), req(whole=b""),
           resp(407, body=length(4), whole=b"deny"), pump(C), pump(S),
           req("CONNECT", "example.com:443", whole=b""), pump(S), resp(200, body=EMPTY, whole=b""), pump(C),
           req(whole=b""), resp(200, whole=b"")),
    # The CONNECT answered before the client ended it.
    script(req("CONNECT", "example.com:443"), pump(S), resp(407, body=length(4), whole=b"deny"),
           pump(C), end(C), req(whole=b""), pump(S)),
    # 101: an Upgrade offer switched; nothing more is HTTP/1.
    script(req(fs=UPGRADE, whole=b""), pump(S), resp(101, fs=UPGRADE, whole=b""), pump(C), pump(S),
           req(whole=b""), resp(200, whole=b"")),
    # An Upgrade offer answered 200: HTTP/1 goes on.
    script(req(fs=UPGRADE, whole=b""), req(whole=b""), pump(S), resp(200, body=length(2), whole=b"no"),
           pump(C), req(whole=b""), pump(S), resp(whole=b""), pump(C)),
    # A 101 before the body of the request that offered it.
    script(req("POST", "/a?b", fs=UPGRADE, body=length(3)), pump(S), resp(101, fs=UPGRADE, whole=b""),
           pump(C), piece(C, b"abc"), end(C), pump(S)),
    # A 103 and a 100 before the final response.
    script(req(whole=b""), pump(S), resp(103, fs=[("Server", "fuzz")], whole=b""), resp(100, whole=b""),
           resp(200, body=length(2), whole=b"ok"), pump(C)),
    # Close-delimited response: read to the end of the stream.
    script(req(whole=b""), pump(S), resp(body=UNTIL_CLOSE, whole=b"bye"), pump(C), closes(S), req(whole=b"")),
    # HTTP/1.0 without keep-alive: the exchange closes.
    script(req(http10=True, whole=b""), pump(S), resp(http10=True, body=length(2), whole=b"ok"), pump(C),
           req(http10=True, whole=b""), pump(S)),
    # HTTP/1.0 with keep-alive, twice, then a 1xx refused to it.
    script(req(http10=True, fs=[("Connection", "keep-alive")], whole=b""), pump(S),
           resp(body=length(2), whole=b"ok"), pump(C),
           req(http10=True, fs=[("Connection", "keep-alive")], whole=b""), pump(S), resp(100, whole=b""),
           resp(body=STREAMED, whole=b"streamed"), pump(C), closes(S)),
    # Misuse: a response with nothing to answer, a body outside a message, ends twice.
    script(resp(whole=b""), piece(C, b"x"), end(S), req(whole=b"abc"), end(C), pump(S),
           resp(101, whole=b""), resp(whole=b""), resp(whole=b"")),
    # Slices, some too small.
    script(req(fs=[("Accept", "*/*")], api=SMALL, size=10, whole=b""), pump(S),
           resp(body=CHUNKED, api=SMALL, size=7, whole=b"abc", trailers=[("X-T", "1")]),
           pump(C), req("POST", "/a?b", body=CHUNKED, api=SLICE), piece(C, b"hello", slice_api=True),
           end(C, [("X-T", "1"), ("Digest", "sha-256=abc")], api=SMALL, size=3), pump(S),
           resp(304, body=length(9), api=SLICE, whole=b""), pump(C)),
    # Raw fields, a peer closing mid-message.
    script(req(fs=[(b"X-Raw", b"v"), (b"Bad Name", b"x")], whole=b""), req(fs=[(b"X-Raw", b"ok")], body=length(5)),
           piece(C, b"ab"), closes(C), resp(whole=b""), resp(400, whole=b""), pump(C)),
]
# Raw bytes against each connection alone.
for stream in streams[:40]:
    conversation_seeds.append(script(injected(S, stream), resp(body=length(2), whole=b"ok"), pump(S),
                                     resp(whole=b""), pump(S), closes(C), mode=SERVER_ALONE))
for stream, methods in built_responses[:30]:
    actions = b""
    for m in (methods or ["GET"])[:3]:
        target = {"HEAD": ("HEAD", "/"), "CONNECT": ("CONNECT", "example.com:443"), "POST": ("POST", "/a?b")}.get(m, ("GET", "/"))
        actions += req(*target, whole=b"")
    conversation_seeds.append(script(actions, injected(C, stream), closes(S), mode=CLIENT_ALONE))
# Raw bytes in a wired conversation.
conversation_seeds.append(script(req(whole=b""), inject(S, b"GET / HTTP/1.1\r\n\r\n"), pump(S), resp(whole=b""),
                                 inject(C, b"HTTP/1.1 200 OK\r\n\r\n"), pump(C)))
for s in conversation_seeds:
    write("conversation", s)

for target in sorted(os.listdir(out)):
    print(f"{target}: {len(os.listdir(os.path.join(out, target)))} seeds")
PY
