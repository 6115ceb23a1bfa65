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
# headers. Seeds are named by their SHA-1, like libFuzzer's own, so running
# the script again adds nothing twice.
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

if corpus_dir:
    for path in sorted(glob.glob(os.path.join(corpus_dir, "**", "*.json"), recursive=True)):
        with open(path, encoding="utf-8") as f:
            cases = json.load(f)
        for case in cases if isinstance(cases, list) else []:
            text = case.get("input") if isinstance(case, dict) else None
            if isinstance(text, str):
                try:
                    streams.append(text.encode("latin-1"))
                except UnicodeEncodeError:
                    print(f"seed.sh: skipping a non-Latin-1 input in {path}", file=sys.stderr)


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

for target in sorted(os.listdir(out)):
    print(f"{target}: {len(os.listdir(os.path.join(out, target)))} seeds")
PY
