"""Helpers shared by the corpus scripts in this folder (tests/corpus/make/*.py).

Each script writes one JSON corpus file in tests/corpus/ (format: CONFORMANCE.md
section 2). What several scripts need in the same form lives here, once:

- a small strict reference reader of HTTP/1 messages, both roles, following
  the strict profile (CONFORMANCE.md section 3) and RFC 9112: decode(), with
  Bad, Incomplete, the byte classes (TCHAR, TOK), the profile's default
  limits, field-line, transfer-coding, Content-Length, Host, request-line and
  chunked-body reading. Scripts use it to compute a case's messages and to
  check the verdict stated by hand (client_verdict() for the response-only
  scripts);
- small case-building helpers: b2s()/text() (bytes to the corpus string
  form), req()/res()/line_res() (a complete message of a case),
  block_fields() (the fields of a CRLF-separated header block).

Scripts are run as `python3 tests/corpus/make/NAME.py` from any folder and
import this module from their own folder. Standard library only.
"""
import re

# =====================================================================
# A strict reading of the profile (CONFORMANCE.md section 3), both roles
# =====================================================================

TCHAR = frozenset(b"!#$%&'*+-.^_`|~0123456789"
                  b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
TOK = rb"[!#$%&'*+\-.^_`|~0-9A-Za-z]+"
LINE_MAX = 16 * 1024
HEAD_MAX = 64 * 1024
FIELDS_MAX = 100
CHUNK_LINE_MAX = 4 * 1024
TRAILER_MAX = 16 * 1024
U64 = 2 ** 64 - 1
HOSTERR = "HTTP/1.1 request without Host"


class Bad(Exception):
    pass


class Incomplete(Bad):
    pass


def token(b):
    return len(b) > 0 and all(c in TCHAR for c in b)


def value_ok(b):
    return all(c == 9 or 0x20 <= c <= 0x7e or c >= 0x80 for c in b)


def ows(b):
    return b.strip(b" \t")


class Reader:
    def __init__(self, data):
        self.data = data
        self.pos = 0

    def line(self, limit, what):
        d = self.data
        i = d.find(b"\n", self.pos)
        end = len(d) if i < 0 else i
        cr = d.find(b"\r", self.pos, end)
        if cr >= 0 and cr != end - 1:
            raise Bad("CR not followed by LF in the %s" % what)
        if i < 0:
            if end - self.pos > limit:
                raise Bad("%s too long" % what)
            raise Incomplete("end of stream inside the %s" % what)
        if cr != end - 1:
            raise Bad("bare LF ends the %s" % what)
        line = d[self.pos:end - 1]
        if len(line) > limit:
            raise Bad("%s too long" % what)
        self.pos = i + 1
        return line


def fields(r, limit_total, what, allow_fold, eithers):
    """Field lines up to the empty line: [[name, raw value]].

    allow_fold (a response head): obs-fold is accepted, and whitespace-preceded
    lines before the first field are ignored as RFC 9112 2.2 allows (`either`:
    the RFC lets a recipient reject them instead). Otherwise both are errors."""
    out = []
    start = r.pos
    count = 0
    while True:
        line = r.line(LINE_MAX, what + " line")
        if r.pos - start > limit_total:
            raise Bad("%s too large" % what)
        if line == b"":
            return out
        if line[:1] in (b" ", b"\t"):
            if not out:
                if not allow_fold:
                    raise Bad("whitespace-preceded line before the first field")
                eithers.append("whitespace-preceded line before the first field")
                continue
            if not allow_fold:
                raise Bad("obs-fold")
            cont = ows(line)
            if not value_ok(cont):
                raise Bad("bad byte in a folded value")
            # obs-fold = OWS CRLF RWS (RFC 9112 5.2): the OWS before the CRLF
            # belongs to the fold too, and the whole fold reads as one SP
            out[-1][1] = out[-1][1].rstrip(b" \t") + b" " + cont
            continue
        count += 1
        if count > FIELDS_MAX:
            raise Bad("too many field lines")
        name, sep, value = line.partition(b":")
        if not sep or not token(name):
            raise Bad("field name is not a token (or no colon)")
        if not value_ok(value):
            raise Bad("control byte in a field value")
        out.append([name, value])


def split_list(b):
    """Split a field value on commas outside quoted strings."""
    items, cur, q, esc = [], b"", False, False
    for c in b:
        ch = bytes([c])
        if q:
            cur += ch
            if esc:
                esc = False
            elif ch == b"\\":
                esc = True
            elif ch == b'"':
                q = False
        elif ch == b'"':
            q = True
            cur += ch
        elif ch == b",":
            items.append(cur)
            cur = b""
        else:
            cur += ch
    if q:
        raise Bad("unterminated quoted string")
    items.append(cur)
    return [ows(i) for i in items if ows(i)]


RES_CODING = re.compile(rb"(" + TOK + rb")(?:[ \t]*;[ \t]*" + TOK + rb"=(?:" + TOK +
                        rb"|\"(?:[^\"\\]|\\.)*\"))*\Z")
REQ_CODINGS = (b"chunked", b"gzip", b"x-gzip", b"deflate", b"compress", b"x-compress")
CHUNK = re.compile(rb"([0-9A-Fa-f]+)((?:[ \t]*;[ \t]*" + TOK + rb"(?:[ \t]*=[ \t]*(?:" + TOK +
                   rb"|\"(?:[^\"\\]|\\.)*\"))?)*)\Z")
FORBIDDEN_TRAILERS = (b"content-length", b"transfer-encoding", b"host")


def content_length(cl, eithers):
    vals = []
    for v in cl:
        for item in ows(v).split(b","):
            item = ows(item)
            if not re.fullmatch(rb"[0-9]+", item) or int(item) > U64:
                raise Bad("invalid Content-Length")
            vals.append(int(item))
    if len(set(vals)) > 1:
        raise Bad("differing Content-Length values")
    if len(vals) > 1:
        eithers.append("several identical Content-Length values")
    return vals[0]


def framing(request, version, fields, eithers):
    """RFC 9112 6.3 steps 2-4 (the caller has done step 1): (framing, length)."""
    te = [v for n, v in fields if n.lower() == b"transfer-encoding"]
    cl = [v for n, v in fields if n.lower() == b"content-length"]
    if te:
        if version == b"HTTP/1.0":
            raise Bad("Transfer-Encoding in HTTP/1.0")
        if request and cl:
            raise Bad("Transfer-Encoding with Content-Length in a request")
        codings = []
        for v in te:
            for item in split_list(ows(v)):
                if request:
                    if item.lower() not in REQ_CODINGS:
                        raise Bad("unknown or parameterised transfer-coding in a request")
                    codings.append(item.lower())
                else:
                    m = RES_CODING.match(item)
                    if not m:
                        raise Bad("bad transfer-coding")
                    codings.append(m.group(1).lower())
        if codings.count(b"chunked") > 1:
            raise Bad("chunked applied twice")
        if codings and codings[-1] == b"chunked":
            if cl:
                eithers.append("Transfer-Encoding and Content-Length in a response")
            return "chunked", None
        if request:
            raise Bad("request Transfer-Encoding does not end in chunked")
        if cl:
            eithers.append("Transfer-Encoding and Content-Length in a response")
        return "close", None
    if cl:
        return "length", content_length(cl, eithers)
    return ("none", 0) if request else ("close", None)


HOST_RE = re.compile(rb"(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9\-._~!$&'()*+,;=%]*)(?::([0-9]*))?\Z")


def check_host(version, fields, eithers):
    hosts = [v for n, v in fields if n.lower() == b"host"]
    if not hosts:
        if version == b"HTTP/1.1":
            raise Bad(HOSTERR)
        return
    if len(hosts) > 1:
        raise Bad("more than one Host")
    h = ows(hosts[0])
    if h == b"":
        eithers.append("empty Host")
        return
    m = HOST_RE.match(h)
    if not m:
        raise Bad("bad Host value")
    host, port = m.group(1), m.group(2)
    if port is not None:
        if port == b"" or int(port) > 65535 or host == b"":
            raise Bad("bad Host port")


def request_line(line, eithers):
    m = re.fullmatch(rb"([^ ]+) ([^ ]+) (HTTP/1\.[01])", line, re.S)
    if not m:
        raise Bad("bad request-line")
    method, target, version = m.groups()
    if not token(method):
        raise Bad("method is not a token")
    if any(c <= 0x20 or c == 0x7f for c in target):
        raise Bad("whitespace/control byte in the request-target")
    if any(c >= 0x80 for c in target):
        eithers.append("obs-text in the request-target")
    if method == b"CONNECT":
        if not re.fullmatch(rb"[^/?#@]+:[0-9]+", target):
            raise Bad("CONNECT target not authority-form")
    elif target == b"*":
        if method != b"OPTIONS":
            eithers.append("asterisk-form with a method other than OPTIONS")
    elif not (target.startswith(b"/") or re.match(rb"[A-Za-z][A-Za-z0-9+.\-]*://", target)):
        raise Bad("request-target form does not fit the method")
    return method, target, version


def chunked(r, data, eithers):
    """A chunked body after its head: (body bytes, trailer fields)."""
    body = []
    while True:
        line = r.line(CHUNK_LINE_MAX, "chunk-size line")
        cm = CHUNK.match(line)
        if not cm:
            raise Bad("bad chunk-size line")
        size = int(cm.group(1), 16)
        if size > U64:
            raise Bad("chunk size does not fit u64")
        if size == 0:
            break
        if len(data) - r.pos < size:
            raise Incomplete("end of stream inside chunk data")
        body.append(data[r.pos:r.pos + size])
        r.pos += size
        if len(data) - r.pos < 2:
            if data[r.pos:] in (b"", b"\r"):
                raise Incomplete("end of stream after chunk data")
            raise Bad("chunk data not followed by CRLF")
        if data[r.pos:r.pos + 2] != b"\r\n":
            raise Bad("chunk data not followed by CRLF")
        r.pos += 2
    trailers = fields(r, TRAILER_MAX, "trailer section", False, eithers)
    for n, v in trailers:
        if n.lower() in FORBIDDEN_TRAILERS:
            raise Bad("framing/routing field in the trailers")
    return b"".join(body), trailers


def pairs(fields):
    return [[n.decode("latin-1"), ows(v).decode("latin-1")] for n, v in fields]


def decode(data, request, methods=()):
    """Read a stream of requests (request true) or of responses answering
    `methods` (GET where none is left) -> (messages, error reason or None,
    [either reasons])."""
    r = Reader(data)
    msgs, eithers = [], []
    mi = 0
    closing = False
    try:
        while r.pos < len(data):
            if request:
                if data[r.pos:r.pos + 2] == b"\r\n":
                    r.pos += 2
                    if r.pos >= len(data):
                        break
                elif data[r.pos:] == b"\r":
                    raise Incomplete("end of stream after a CR")
                if closing:
                    eithers.append("bytes after a request that closes the connection")
                head_start = r.pos
                line = r.line(LINE_MAX, "request-line")
                method, target, version = request_line(line, eithers)
                head = fields(r, HEAD_MAX, "head", False, eithers)
                if r.pos - head_start > HEAD_MAX:
                    raise Bad("head too large")
                check_host(version, head, eithers)
                start = [method.decode("latin-1"), target.decode("latin-1"), version.decode()]
                msg = {"start": start, "headers": pairs(head), "framing": None,
                       "body": "", "trailers": [], "complete": True}
                if method == b"CONNECT":
                    if any(n.lower() == b"transfer-encoding" for n, v in head):
                        raise Bad("Transfer-Encoding on CONNECT")
                    cl = [v for n, v in head if n.lower() == b"content-length"]
                    if cl:
                        content_length(cl, eithers)
                    msg["framing"] = "upgrade"
                    msgs.append(msg)
                    return msgs, None, eithers
                kind, length = framing(True, version, head, eithers)
                conn = b",".join(v for n, v in head if n.lower() == b"connection").lower()
                opts = [ows(o) for o in conn.split(b",")]
                if b"close" in opts or (version == b"HTTP/1.0" and b"keep-alive" not in opts):
                    closing = True
            else:
                head_start = r.pos
                line = r.line(LINE_MAX, "status-line")
                m = re.fullmatch(rb"(HTTP/1\.[01]) ([0-9]{3}) (.*)", line, re.S)
                if not m:
                    raise Bad("bad status-line")
                version, code, reason = m.groups()
                if not value_ok(reason):
                    raise Bad("control byte in the reason")
                status = int(code)
                if status < 100:
                    eithers.append("status code below 100")
                head = fields(r, HEAD_MAX, "head", True, eithers)
                if r.pos - head_start > HEAD_MAX:
                    raise Bad("head too large")
                msg = {"start": [version.decode(), code.decode(), reason.decode("latin-1")],
                       "headers": pairs(head), "framing": None, "body": "",
                       "trailers": [], "complete": True}
                if 100 <= status < 200 and status != 101:
                    msg["framing"] = "none"
                    msgs.append(msg)
                    continue
                method = methods[mi] if mi < len(methods) else "GET"
                mi += 1
                if status == 101 or (method == "CONNECT" and 200 <= status < 300):
                    msg["framing"] = "upgrade"
                    msgs.append(msg)
                    return msgs, None, eithers
                if method == "HEAD" or status in (204, 304):
                    msg["framing"] = "none"
                    msgs.append(msg)
                    continue
                kind, length = framing(False, version, head, eithers)
            msg["framing"] = kind
            if kind == "length":
                if len(data) - r.pos < length:
                    raise Incomplete("end of stream inside a Content-Length body")
                msg["body"] = data[r.pos:r.pos + length].decode("latin-1")
                r.pos += length
            elif kind == "close":
                msg["body"] = data[r.pos:].decode("latin-1")
                r.pos = len(data)
            elif kind == "chunked":
                body, trailers = chunked(r, data, eithers)
                msg["body"] = body.decode("latin-1")
                msg["trailers"] = pairs(trailers)
            msgs.append(msg)
    except Bad as e:
        return msgs, str(e), eithers
    return msgs, None, eithers


def client_verdict(cid, inp, methods=()):
    """decode() in the client role -> (messages, computed verdict, error,
    eithers). A stream with an `either` reading must not also fail."""
    msgs, err, eithers = decode(inp, False, methods)
    if eithers:
        assert err is None, (cid, err, eithers)
        return msgs, "either", err, eithers
    return msgs, ("error" if err else "ok"), err, eithers


# =====================================================================
# Case building
# =====================================================================

def b2s(data):
    """bytes -> the corpus string form: one code point per byte (Latin-1)."""
    return data.decode("latin-1")


def text(x):
    """b2s() for bytes; a str is already in the corpus form and stays as is."""
    return b2s(x) if isinstance(x, bytes) else x


def text_pairs(fields):
    return [[text(n), text(v)] for n, v in fields]


def req(method, target, version="HTTP/1.1", headers=(), framing="none", body=b"", trailers=()):
    """A complete request message of a case (bytes or str in every place)."""
    return {"start": [text(method), text(target), text(version)],
            "headers": text_pairs(headers), "framing": framing, "body": text(body),
            "trailers": text_pairs(trailers), "complete": True}


def res(status, reason="OK", headers=(), framing="close", body=b"", trailers=(), version="HTTP/1.1"):
    """A complete response message of a case (bytes or str in every place)."""
    return {"start": [text(version), str(status), text(reason)],
            "headers": text_pairs(headers), "framing": framing, "body": text(body),
            "trailers": text_pairs(trailers), "complete": True}


def line_res(version, status, reason, headers=(), framing="close", body=b"", trailers=()):
    """res() with its first arguments in the order of the status-line."""
    return res(status, reason, headers, framing, body, trailers, version)


def block_fields(block):
    """The field lines of a CRLF-separated header block -> [[name, value]]
    (values without surrounding OWS); empty lines are passed over."""
    out = []
    for line in block.split(b"\r\n"):
        if not line:
            continue
        name, _, value = line.partition(b":")
        out.append([name.decode("latin-1"), value.strip(b" \t").decode("latin-1")])
    return out
