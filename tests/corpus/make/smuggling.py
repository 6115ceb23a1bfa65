#!/usr/bin/env python3
"""Build tests/corpus/smuggling.json: HTTP/1 request-smuggling and response-splitting
vectors from published research, written as h1wire corpus cases (CONFORMANCE.md
section 2). Expectations follow the strict profile (section 3) and RFC 9112/9110,
decided by hand; only the published test messages (bytes) are taken."""
import json, os

OUT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "smuggling.json")
CASES = []
IDS = set()

# ------------------------------------------------------------------ sources
K19 = ("James Kettle, 'HTTP Desync Attacks: Request Smuggling Reborn', PortSwigger Research 2019 "
       "(https://portswigger.net/research/http-desync-attacks-request-smuggling-reborn)")
K22 = ("James Kettle, 'Browser-Powered Desync Attacks', PortSwigger Research 2022 "
       "(https://portswigger.net/research/browser-powered-desync-attacks)")
K25 = ("James Kettle, 'HTTP/1.1 Must Die: The Desync Endgame', PortSwigger Research 2025 "
       "(https://portswigger.net/research/http1-must-die)")
def DBOX(p):
    return ("PortSwigger/http-request-smuggler src/burp/DesyncBox.java (commit 1a9af541), "
            "permutation '%s' (technique of %s)" % (p, K19))
def HIDE(p):
    return ("PortSwigger/http-request-smuggler src/burp/HiddenPair.java (commit 335ccb31), "
            "HideTechnique.%s (parser-discrepancy / 0.CL technique of %s)" % (p, K25))
FUNKY = "w4ke, 'Funky chunks' 2025 (https://w4ke.info/2025/06/18/funky-chunks.html)"
def SMUG(p):
    return ("%s; bytes from PortSwigger/http-request-smuggler src/burp/SmugChunks.java "
            "(commit a7902145) %s" % (FUNKY, p))
def GARDEN(n, kind="server"):
    return ("HTTP Garden (Kallus, Anantharaman, Locasto, Smith; arXiv 2405.17737), "
            "narfindustries/http-garden TROPHIES.md (commit 68698e91), %s bug %s payload" % (kind, n))
def DEFP(m):
    return "defparam/smuggler configs/default.py (commit 43c8386b), mutation '%s'" % m

# ------------------------------------------------------------------ helpers
def b(s):
    return s if isinstance(s, bytes) else s.encode("latin-1")

def M(start, headers, framing, body="", trailers=(), length=None):
    m = {"start": list(start), "headers": [list(h) for h in headers], "framing": framing,
         "body": body, "trailers": [list(t) for t in trailers], "complete": True}
    if length is not None:
        m["length"] = length
    return m

def add(cid, inp, expect, messages, note, source, mode="request", methods=()):
    cid = "smuggling-" + cid
    assert cid not in IDS, cid
    assert expect in ("ok", "error", "either")
    IDS.add(cid)
    CASES.append({"id": cid, "mode": mode, "methods": list(methods),
                  "input": b(inp).decode("latin-1"), "expect": expect,
                  "messages": messages, "note": note, "source": source})

def with_host(inp, host="example.com"):
    """Insert a Host field line after the first request-line."""
    i = inp.index("\r\n") + 2 if "\r\n" in inp else inp.index("\n") + 1
    return inp[:i] + "Host: %s\r\n" % host + inp[i:]

HOST_NOTE = ("variant of the published payload with a Host field added after the request-line, "
             "so the case tests the feature and not the missing Host (RFC 9112 3.2); ")
def add_host(cid, inp, expect, messages, note, source, host="example.com"):
    add(cid + "-host", with_host(inp, host), expect, messages, HOST_NOTE + note,
        source + " (variant: Host field added)")

NOHOST = ("the published payload is an HTTP/1.1 request without Host, which the profile rejects "
          "(RFC 9112 3.2) before anything else matters; the -host variant tests the feature. ")

H = "Host: example.com\r\n"
HV = ("Host", "example.com")
POST = "POST / HTTP/1.1\r\n"
PS = ["POST", "/", "HTTP/1.1"]
GS = ["GET", "/", "HTTP/1.1"]
TEC = "Transfer-Encoding: chunked\r\n"
CH = POST + H + TEC + "\r\n"          # chunked request head
CHH = [HV, ("Transfer-Encoding", "chunked")]
R200 = ["HTTP/1.1", "200", "OK"]
NEXT_RES = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"
NEXT_RES_M = M(R200, [("Content-Length", "0")], "length", "")

CLTE = "TE+CL in a request is an error in the profile (RFC 9112 6.1: a server MAY reject, and the profile does; 6.3 says it 'ought to be handled as an error'). "
TE_ERR = "the profile accepts only registered codings without parameters in a request (chunked, gzip, x-gzip, deflate, compress, x-compress; RFC 9112 6.1/7, 501 otherwise). "
WS_COLON = "whitespace between field name and colon is an error (RFC 9112 5.1: a server MUST reject it with 400). "
OBSFOLD_REQ = "a line starting with SP/HTAB inside a request head is obs-fold, an error in requests (RFC 9112 5.2 allows rejecting it; the profile does). "
BARE_LF = "a bare LF is an error in the profile (RFC 9112 2.2 lets a recipient accept it; the profile makes that an off-by-default option). "
BARE_CR = "a CR not followed by LF is an error (RFC 9112 2.2: a recipient MUST treat a bare CR as invalid or replace it with SP). "
CTL_VAL = "a field value holds VCHAR, SP, HTAB and obs-text only; NUL, CR, LF and other controls are errors (RFC 9110 5.5). "
CHUNK_END = "chunk-data is followed by exactly CRLF (RFC 9112 7.1). "
CL_SYN = "Content-Length is 1*DIGIT fitting u64 (RFC 9110 8.6); anything else is an error. "

# ========================================================= A. CL.TE / TE.CL
smug = "0\r\n\r\nSMUGGLED"
add("clte-classic", POST + H + "Content-Length: %d\r\n" % len(smug) + TEC + "\r\n" + smug, "error", [],
    "CL.TE: a front-end that uses Content-Length forwards 13 bytes; a back-end that uses TE ends the body at '0\\r\\n\\r\\n' "
    "and reads 'SMUGGLED' as the next request. " + CLTE, K19)
tecl = "8\r\nSMUGGLED\r\n0\r\n\r\n"
add("tecl-classic", POST + H + "Content-Length: 3\r\n" + TEC + "\r\n" + tecl, "error", [],
    "TE.CL: a back-end that uses Content-Length: 3 reads '8\\r\\n' and takes 'SMUGGLED...' as the next request. " + CLTE, K19)
add("tecl-te-first", POST + H + TEC + "Content-Length: 3\r\n\r\n" + tecl, "error", [],
    "TE.CL with Transfer-Encoding before Content-Length (a parser that keeps only the last framing field reads CL). " + CLTE, K19)
add("clte-control-cl", POST + H + "Content-Length: %d\r\n\r\n" % len(smug) + smug, "ok",
    [M(PS, [HV, ("Content-Length", "13")], "length", smug)],
    "control for CL.TE: the same body framed only by Content-Length is one message whose body holds the chunk-like bytes.", K19)
add("tecl-control-te", CH + tecl, "ok", [M(PS, CHH, "chunked", "SMUGGLED")],
    "control for TE.CL: the same body framed only by chunked is one message with body 'SMUGGLED'.", K19)
add("clte-http10", "POST / HTTP/1.0\r\nContent-Length: %d\r\n" % len(smug) + TEC + "\r\n" + smug, "error", [],
    "HTTP/1.0 request with Transfer-Encoding (and CL): a 1.0 parser ignores TE and uses CL, a 1.1 parser uses TE; "
    "Transfer-Encoding in an HTTP/1.0 message is an error in the profile (RFC 9112 6.1: a recipient of TE in 1.0 MUST treat the framing as faulty).", 
    "RFC 9112 6.1 (HTTP/1.0 + Transfer-Encoding, a discrepancy class listed by the HTTP Garden paper, arXiv 2405.17737); " + K19)
add("te-http10-only", "POST / HTTP/1.0\r\n" + TEC + "\r\n0\r\n\r\n", "error", [],
    "HTTP/1.0 request with only Transfer-Encoding: chunked is an error (RFC 9112 6.1, 6.3 item 3; profile framing rule 2).",
    "RFC 9112 6.1 note on HTTP/1.0 + TE; HTTP Garden discrepancy class (HTTP/1.0 + TE)")

# ========================================================= B. TE obfuscations (TE.TE)
def te_case(slug, te_lines, expect, note, source, body="0\r\n\r\n", msgs=None, with_cl=False):
    """te_lines: raw bytes of the TE field line(s), each ending in CRLF (or whatever the vector uses)."""
    # attack form: with Content-Length (what the research sends)
    if with_cl:
        inp = POST + H + "Content-Length: %d\r\n" % len(body) + te_lines + "\r\n" + body
        add("te-" + slug + "-cl", inp, "error", [],
            "TE.TE obfuscation sent with Content-Length: a parser that does not see chunked uses CL, one that does uses TE. "
            + note + ("" if expect == "error" else "Here the TE is valid, so CL+TE makes it an error. "), source)
    inp = POST + H + te_lines + "\r\n" + body
    add("te-" + slug, inp, expect, msgs or [],
        "same obfuscated Transfer-Encoding without Content-Length, to test its parsing on its own. " + note, source)

te_case("xchunked", "Transfer-Encoding: xchunked\r\n", "error",
        "Lenient: ignores the unknown coding and falls back to CL, or substring-matches 'chunked'. " + TE_ERR, K19 + "; " + DBOX("lazygrep family"), with_cl=True)

te_case("space-before-colon", "Transfer-Encoding : chunked\r\n", "error",
        "Lenient: trims the name and reads chunked (Netty CVE-2019-16869, llhttp CVE-2021-22959). " + WS_COLON,
        K19 + "; " + DBOX("space1") + "; CVE-2019-16869 (Netty)", with_cl=True)

te_case("tab-before-colon", "Transfer-Encoding\t:\tchunked\r\n", "error",
        "Lenient: trims HTAB from the name. " + WS_COLON, DEFP("tabprefix2"))
te_case("tab-after-colon", "Transfer-Encoding:\tchunked\r\n", "ok",
        "HTAB is OWS, so the value is 'chunked' (RFC 9110 5.6.3). The discrepancy is on the other side: a parser that only skips SP "
        "sees an unknown coding '\\tchunked' and may fall back to CL. ", K19 + "; " + DEFP("tabprefix1"),
        msgs=[M(PS, CHH, "chunked", "")], with_cl=True)

te_case("no-space", "Transfer-Encoding:chunked\r\n", "ok",
        "no OWS after the colon is valid (OWS is optional). ", "postrank-labs/goliath issue #351 (TE variants); " + DBOX("nospace1"),
        msgs=[M(PS, CHH, "chunked", "")])
te_case("two-spaces", "Transfer-Encoding:  chunked\r\n", "ok",
        "two SPs of OWS are trimmed; the value is 'chunked'. ", "postrank-labs/goliath issue #351 (TE variants)",
        msgs=[M(PS, CHH, "chunked", "")])
te_case("tab-suffix", "Transfer-Encoding: chunked\t\r\n", "ok",
        "trailing HTAB is OWS and is trimmed (a parser that compares the raw value sees an unknown coding). ", DBOX("tabsuffix"),
        msgs=[M(PS, CHH, "chunked", "")])
te_case("lower-upper-name", "tRANSFER-ENCODING: chunked\r\n", "ok",
        "field names are case-insensitive (RFC 9110 5.1); a parser that matches the name case-sensitively misses the TE. ",
        "postrank-labs/goliath issue #351; " + DBOX("multiCase"),
        msgs=[M(PS, [HV, ("tRANSFER-ENCODING", "chunked")], "chunked", "")])
te_case("uppercase-all", "TRANSFER-ENCODING: CHUNKED\r\n", "ok",
        "names and coding names are case-insensitive (RFC 9110 5.1, 10.1.4); CHUNKED is chunked. ", DBOX("UPPERCASE"),
        msgs=[M(PS, [HV, ("TRANSFER-ENCODING", "CHUNKED")], "chunked", "")])
te_case("chunked-identity", "Transfer-Encoding: chunked, identity\r\n", "error",
        "Lenient: takes the first or any 'chunked' element. identity is not a registered coding any more, and chunked is not final (RFC 9112 6.3: 400). " + TE_ERR,
        DBOX("commaCow") + "; " + K19, with_cl=True)

te_case("identity-chunked", "Transfer-Encoding: identity, chunked\r\n", "error",
        "Lenient: drops 'identity' and decodes chunked, or treats 'identity' as 'no coding' and uses CL. " + TE_ERR, DBOX("cowComma"))
te_case("nested-identity", "Transfer-Encoding: identity, chunked, identity\r\n", "error",
        "chunked inside a list of identity codings. " + TE_ERR, DBOX("nested"))
te_case("dual-chunked-identity", "Transfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n", "error",
        "two TE field lines; a parser that keeps the first reads chunked, one that keeps the last reads identity (CL). " + TE_ERR,
        DBOX("dualchunk") + "; defparam/smuggler issue #30; gunicorn CVE-2024-1135 class (Transfer-Encoding validation)")
te_case("dual-identity-chunked", "Transfer-Encoding: identity\r\nTransfer-Encoding: chunked\r\n", "error",
        "two TE field lines, identity first. " + TE_ERR, DBOX("revdualchunk"))
te_case("dual-chunked-x", "Transfer-Encoding: chunked\r\nTransfer-Encoding: x\r\n", "error",
        "Kettle's 'Transfer-Encoding: x' duplicate: the combined list is 'chunked, x' (unknown coding, chunked not final). " + TE_ERR, K19)
te_case("quoted", "Transfer-Encoding: \"chunked\"\r\n", "error",
        "a parser that strips quotes reads chunked; a quoted string is not a transfer-coding token, and the profile rejects quoted strings in request TE. ", DBOX("quoted"))
te_case("apostrophes", "Transfer-Encoding: 'chunked'\r\n", "error",
        "\"'chunked'\" is a valid token but an unknown coding. " + TE_ERR, DBOX("aposed"))
te_case("chunk-prefix", "Transfer-Encoding: chunk\r\n", "error",
        "a 'lazy grep' for 'chunk' reads chunked. " + TE_ERR, DBOX("lazygrep"))
te_case("cr-suffix", "Transfer-Encoding: chunked\r\r\n", "error",
        "Lenient: strips the CR as whitespace. " + BARE_CR, DBOX("0dsuffix"))
te_case("nul-suffix", "Transfer-Encoding: chunked\x00\r\n", "error",
        "C parsers stop the value at NUL and read chunked. " + CTL_VAL, DBOX("suffix1:0"))
te_case("vt-suffix", "Transfer-Encoding: chunked\x0b\r\n", "error",
        "parsers that trim all isspace() read chunked. " + CTL_VAL, DBOX("suffix1:11"))
te_case("ff-suffix", "Transfer-Encoding: chunked\x0c\r\n", "error",
        "form feed trimmed by isspace()-based parsers. " + CTL_VAL, DBOX("suffix1:12"))
te_case("del-suffix", "Transfer-Encoding: chunked\x7f\r\n", "error",
        "DEL is not VCHAR. " + CTL_VAL, DBOX("suffix1:127"))
te_case("vt-prefix", "Transfer-Encoding: \x0bchunked\r\n", "error",
        "Netty trimmed the vertical tab and read chunked (CVE-2020-7238). " + CTL_VAL,
        "CVE-2020-7238 (Netty), netty/netty PR #9997; " + DEFP("midspace-0b"))
te_case("ff-prefix", "Transfer-Encoding:\x0cchunked\r\n", "error",
        "form feed as the separator after the colon. " + CTL_VAL, DEFP("midspace-0c"))
te_case("xff-prefix", "Transfer-Encoding:\xffchunked\r\n", "error",
        "0xFF in place of the SP: obs-text is allowed in a value but '\\xffchunked' is not a token. " + TE_ERR, DBOX("spaceFF"))
te_case("nbsp-prefix", "Transfer-Encoding:\xa0chunked\r\n", "error",
        "0xA0 (Latin-1 NBSP) is stripped as whitespace by some parsers (Python str.strip). " + TE_ERR, DBOX("unispace"))
te_case("nbsp-both", "Transfer-Encoding: \xa0chunked\xa0\r\n", "error",
        "Tornado stripped \\xa0/\\x85 from values and read chunked. " + TE_ERR, GARDEN(12))
te_case("accent-value", "Transfer-Encoding: ch\x96nked\r\n", "error",
        "a byte 0x96 in the coding name (some parsers fold it to 'u'). " + TE_ERR, DBOX("accentCH"))
te_case("en-dash-value", "Transfer-Encoding: ch\xe2\x80\x93nked\r\n", "error",
        "UTF-8 en dash in the coding name. " + TE_ERR, "postrank-labs/goliath issue #351 (TE variants)")
te_case("accent-name", "Transf\x82r-Encoding: chunked\r\n", "error",
        "0x82 in the field name (a parser that folds it to 'e' sees TE). A field name is a token (RFC 9110 5.1). ", DBOX("accentTE"))
te_case("space-in-name", "Transfer Encoding: chunked\r\n", "error",
        "'Transfer Encoding' is not a token; a parser that maps SP to '-' sees TE. ", DBOX("spacejoin1"))
te_case("backslash-name", "Transfer\\Encoding: chunked\r\n", "error",
        "'\\' is not a tchar. ", DBOX("backslash") + " (Amit Klein, 'HTTP Request Smuggling in 2020')")
te_case("junk-before-colon", "Transfer-Encoding x: chunked\r\n", "error",
        "'Transfer-Encoding x' is not a token (Amit Klein 2020: some parsers cut the name at SP). ", DBOX("spjunk"))
te_case("vt-before-colon", "Transfer-Encoding\x0b: chunked\r\n", "error",
        "control byte between name and colon. ", DEFP("postspace-0b"))
te_case("chunked-chunked", "Transfer-Encoding: chunked, chunked\r\n", "error",
        "chunked applied twice is an error (RFC 9112 6.1: MUST NOT apply chunked more than once); a parser that dedups reads chunked. ",
        "Tornado GHSA-753j-mpmx-qq6g; " + GARDEN(11))
te_case("blegh", "Transfer-Encoding: blegh\r\n", "error",
        "fasthttp treated every unknown coding as chunked. " + TE_ERR, GARDEN(44), body="1\r\nZ\r\n0\r\n\r\n", with_cl=True)

te_case("comma-chunked", "Transfer-Encoding: ,chunked\r\n", "ok",
        "empty list elements are ignored, so ',chunked' is chunked (RFC 9110 5.6.1, profile). Gunicorn/Mongoose/Passenger treated it as an unknown coding (Garden server bug 21). ",
        GARDEN(21) + "; " + GARDEN(9, "transducer"), msgs=[M(PS, [HV, ("Transfer-Encoding", ",chunked")], "chunked", "")], with_cl=True)

te_case("chunked-comma", "Transfer-Encoding: chunked,\r\n", "ok",
        "a trailing empty list element is ignored: 'chunked,' is chunked (profile). ", GARDEN(21) + " (derived: trailing-comma counterpart, not a published payload)",
        msgs=[M(PS, [HV, ("Transfer-Encoding", "chunked,")], "chunked", "")])
te_case("gzip-then-chunked-lines", "Transfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n", "ok",
        "the TE list spans field lines: 'gzip, chunked' ends in chunked (RFC 9110 5.3). Control for the duplicate-TE vectors. ",
        K19 + " (duplicate-TE control)", msgs=[M(PS, [HV, ("Transfer-Encoding", "gzip"), ("Transfer-Encoding", "chunked")], "chunked", "")])
add("te-content-encoding", POST + H + "Content-Encoding: chunked\r\n\r\n0\r\n\r\n", "error",
    [M(PS, [HV, ("Content-Encoding", "chunked")], "none", "")],
    "Content-Encoding is not framing: without CL the request has no body and '0' is the next request-line, which is invalid. "
    "A parser that looks for 'chunked' in any *-Encoding field reads a chunked body.", DBOX("contentEnc"))
add("te-content-encoding-cl", POST + H + "Content-Length: 5\r\nContent-Encoding: chunked\r\n\r\n0\r\n\r\n", "ok",
    [M(PS, [HV, ("Content-Length", "5"), ("Content-Encoding", "chunked")], "length", "0\r\n\r\n", length=5)],
    "Content-Encoding: chunked does not frame the message; Content-Length does.", DBOX("contentEnc"))
add("te-underscore-name-cl", POST + H + "Content-Length: 5\r\nTransfer_Encoding: chunked\r\n\r\n0\r\n\r\n", "ok",
    [M(PS, [HV, ("Content-Length", "5"), ("Transfer_Encoding", "chunked")], "length", "0\r\n\r\n")],
    "'Transfer_Encoding' is a valid but different field name; CL frames. Lenient reading: CGI/WSGI-style servers map '_' and '-' both to HTTP_TRANSFER_ENCODING and read TE.",
    DBOX("underjoin1"))
add("te-pct-name-cl", POST + H + "Content-Length: 5\r\nTransfer-%45ncoding: chunked\r\n\r\n0\r\n\r\n", "ok",
    [M(PS, [HV, ("Content-Length", "5"), ("Transfer-%45ncoding", "chunked")], "length", "0\r\n\r\n")],
    "'Transfer-%45ncoding' is a valid token, not TE (no decoder percent-decodes names); CL frames.", DBOX("encode"))
te_case("connection-hop", "Connection: Transfer-Encoding\r\nTransfer-Encoding: chunked\r\n", "ok",
        "listing TE in Connection makes it hop-by-hop for a proxy (which may strip it and forward CL) but does not change this message's framing. ",
        DBOX("connection"), msgs=[M(PS, [HV, ("Connection", "Transfer-Encoding"), ("Transfer-Encoding", "chunked")], "chunked", "")])
te_case("leading-space-name", "X-Junk: x\r\n Transfer-Encoding: chunked\r\n", "error",
        "Lenient (obs-fold): 'X-Junk: x Transfer-Encoding: chunked' hides TE; others (Netty issue #9571) strip the space and read TE. " + OBSFOLD_REQ,
        K19 + " ('[space]Transfer-Encoding: chunked'); " + DBOX("nameprefix1"), with_cl=True)

te_case("tab-leading-name", "X-Junk: x\r\n\tTransfer-Encoding: chunked\r\n", "error",
        "HTAB-led line after a field: obs-fold. " + OBSFOLD_REQ, DBOX("nameprefix2"))
te_case("first-line-space", " Transfer-Encoding: chunked\r\nX-Junk: x\r\n", "error",
        "whitespace before the first field line (right after the request-line): RFC 9112 2.2 says reject or ignore that line; the profile rejects. ",
        DEFP("nameprefix1") + "; netty/netty issue #9571")
te_case("obs-fold-value", "Transfer-Encoding:\r\n chunked\r\n", "error",
        "value on a folded line: an unfolding parser reads chunked, a line-based one sees an empty TE. " + OBSFOLD_REQ,
        DBOX("tabwrap/linewrapped1") + "; llhttp CVE-2022-32213/CVE-2022-32215 (multi-line TE)", with_cl=True)

te_case("obs-fold-tab", "Transfer-Encoding: \r\n\tchunked\r\n", "error",
        "HTAB fold of the value. " + OBSFOLD_REQ, DBOX("tabwrap"))
te_case("obs-fold-list", "Transfer-Encoding: gzip\r\n , chunked\r\n", "error",
        "a folded list element: unfolded it reads 'gzip , chunked' (chunked), a line parser sees only 'gzip' (not chunked-final, so CL or close). " + OBSFOLD_REQ, "llhttp CVE-2022-32215 (multi-line Transfer-Encoding), bytes built from the advisory description")
te_case("bare-lf-before", "X: X\nTransfer-Encoding: chunked\r\n", "error",
        "Kettle's 'X: X[\\n]Transfer-Encoding': a parser ending lines at LF sees TE, one ending at CRLF sees 'X: X\\nTransfer...' as one value. " + BARE_LF,
        K19 + "; " + DBOX("badsetupLF"), with_cl=True)

te_case("bare-cr-before", "X: X\rTransfer-Encoding: chunked\r\n", "error",
        "a parser that ends lines at CR sees TE. " + BARE_CR, DBOX("badsetupCR") + "; llhttp CVE-2023-30589")
te_case("name-lf-colon", "Transfer-Encoding\n: chunked\r\n", "error",
        "Kettle's split name ('Transfer-Encoding' LF ': chunked'): an LF line ender sees a line without colon and a line with an empty name. " + BARE_LF,
        K19 + "; " + DBOX("gareth1"))
te_case("name-crlf-colon", "Transfer-Encoding\r\n: chunked\r\n", "error",
        "the same split with CRLF: a field line without ':' then one with an empty name; both are errors (RFC 9112 5, RFC 9110 5.1 token). ",
        K19)
te_case("vertwrap", "Transfer-Encoding: \n\x0bchunked\r\n", "error",
        "LF then vertical tab: some parsers treat it as a fold. " + BARE_LF, DBOX("vertwrap"))
te_case("name-continued", "Transfer-\r\nEncoding: chunked\r\n", "error",
        "Passenger joined header names across lines. A field line without ':' is an error. ", GARDEN(37))
te_case("cr-inside-name", "Tra\rnsfer-Encoding: chunked\r\n", "error",
        "CR inside the name. " + BARE_CR, DBOX("0dspam"))
te_case("wrap-0d", "Foo: bar\r\n\rTransfer-Encoding: chunked\r\n", "error",
        "a line starting with a bare CR (CR then 'T'). " + BARE_CR, DBOX("0dwrap"))
# Garden #46: bytes >= 0x80 around Host and TE
add("garden46-high-bytes", "POST / HTTP/1.1\r\nHost: \xffa\xff\r\nTransfer-Encoding: \xffchunked\xff\r\n\r\n1\r\nZ\r\n0\r\n\r\n", "error", [],
    "Bun stripped bytes > 0x80 from value ends, reading Host 'a' and TE chunked. The Host value is not uri-host and '\\xffchunked\\xff' is not a coding: error.",
    GARDEN(46))

# ========================================================= C. Content-Length obfuscations
def cl_case(slug, cl_lines, body, expect, note, source, msgs=None, extra=""):
    add("cl-" + slug, POST + H + cl_lines + extra + "\r\n" + body, expect, msgs or [], note, source)

cl_case("plus", "Content-Length: +5\r\n", "hello", "error",
        "Lenient (Python int(), strtol): +5 is 5. " + CL_SYN, "hyper CVE-2021-32715 (GHSA-f3pg-qwvg-p99c); " + K19 + " (CL obfuscation)")
cl_case("leading-spaces", "Content-Length:    5\r\n", "hello", "ok",
        "leading spaces are OWS and are trimmed: 5. Control for the obfuscations.", K19 + " (CL with leading spaces)",
        msgs=[M(PS, [HV, ("Content-Length", "5")], "length", "hello", length=5)])
cl_case("trailing-spaces", "Content-Length: 5   \r\n", "hello", "ok",
        "trailing OWS is trimmed: 5.", K19 + " (CL whitespace)",
        msgs=[M(PS, [HV, ("Content-Length", "5")], "length", "hello", length=5)])
cl_case("space-inside", "Content-Length: 1 0\r\n", "0123456789", "error",
        "a parser that drops spaces reads 10, one that stops at the space reads 1. " + CL_SYN, K19 + " (CL obfuscation)")
cl_case("list-identical", "Content-Length: 5, 5\r\n", "hello", "either",
        "several identical values may be accepted as one or rejected (RFC 9110 8.6; profile 'either').", K19 + " (CL with commas)",
        msgs=[M(PS, [HV, ("Content-Length", "5, 5")], "length", "hello", length=5)])
cl_case("list-differ", "Content-Length: 5, 0\r\n", "hello", "error",
        "a parser taking the first value reads 5, one taking the last reads 0. Differing values are an error (RFC 9110 8.6, RFC 9112 6.3 item 5).",
        K19 + " (CL with commas)")
cl_case("leading-comma", "Content-Length: ,5\r\n", "hello", "error",
        "a list parser drops the empty element and reads 5; ',5' is not 1*DIGIT and not 'the same value repeated' (RFC 9110 8.6), so error.",
        K19 + " (CL with commas)")
cl_case("trailing-comma", "Content-Length: 5,\r\n", "hello", "error",
        "strtol-style parsers read 5 and ignore ','. Not 1*DIGIT nor a repeated value: error.", K19 + " (CL with commas)")
cl_case("hex", "Content-Length: 0x5\r\n", "hello", "error",
        "strtoll(,,0) reads 0x5 as 5; Akamai forwarded 0x-prefixed CL (Garden transducer bug 1). " + CL_SYN, GARDEN(1, "transducer"))
cl_case("underscore-plus", "Content-Length: +1_0\r\n", "0123456789", "error",
        "Python int() reads '+1_0' as 10 (aiohttp, CPython http.server, Tornado, Werkzeug). " + CL_SYN, GARDEN(10))
cl_case("negative", "Content-Length: -48\r\n", "", "error",
        "a negative length sent Mongoose into a busy loop (CVE-2023-34188). " + CL_SYN, GARDEN(26))
cl_case("empty", "Content-Length: \r\n", "", "error",
        "Go/lighttpd/OLS read an empty CL as 0, Puma as 'read until close'. An empty value is not 1*DIGIT: error.", GARDEN(16) + "; " + GARDEN(38))
cl_case("overflow", "Content-Length: 18446744073709551621\r\n", "hello", "error",
        "2^64+5: a parser that wraps modulo 2^64 reads 5. The value must fit u64 (profile).", "HTTP Garden integer-parsing class; hyper CVE-2021-32715 family")
cl_case("dup-same", "Content-Length: 5\r\nContent-Length: 5\r\n", "hello", "either",
        "two identical Content-Length lines: accept as one or reject (profile 'either').", K19,
        msgs=[M(PS, [HV, ("Content-Length", "5"), ("Content-Length", "5")], "length", "hello", length=5)])
add("cl-garden23-first-wins", "GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 0\r\n\r\nZ", "error", [],
    "H2O/OLS took the first of two differing CLs (1), relayd the last (0): 'Z' is body or the next request. Differing values: error (RFC 9112 6.3 item 5).",
    GARDEN(23))
add("cl-garden33-last-wins", "GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\nContent-Length: 1\r\n\r\nZ", "error", [],
    "fasthttp took the last of two differing CLs. Differing values: error.", GARDEN(33))
add("cl-garden22-relayd", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\nContent-Length: 31\r\n\r\nGET /evil HTTP/1.1\r\nHost: a\r\n\r\n", "error", [],
    "relayd forwarded two CLs preferring the last (31 bytes hide 'GET /evil'); a first-wins back-end sees a second request. Differing values: error.",
    GARDEN(22, "transducer"))
g42 = "GET / HTTP/1.1\r\nContent-Length: \r\nContent-Length: 43\r\n\r\nPOST /evil HTTP/1.1\r\nContent-Length: 18\r\n\r\nGET / HTTP/1.1\r\n\r\n"
add("cl-garden42-empty-then-43", g42, "error", [],
    NOHOST + "WEBrick read the empty CL as 0 and preferred it, HAProxy forwarded it (CVE-2023-40225): an empty CL is invalid, error.", GARDEN(42))
add_host("cl-garden42-empty-then-43", g42, "error", [],
         "an empty CL is invalid (and the two values differ): error.", GARDEN(42))
g29 = "GET / HTTP/1.1\r\nContent-Length: 1Z\r\n\r\nZ"
add("cl-garden29-prefix", g29, "error", [], NOHOST + "Mongoose/OLS read '1Z' as 1. " + CL_SYN, GARDEN(29))
add_host("cl-garden29-prefix", g29, "error", [], "'1Z' is not 1*DIGIT. " + CL_SYN, GARDEN(29))
g32 = "GET / HTTP/1.1\r\nHost: whatever\r\nContent-Length: 010\r\n\r\n01234567"
add("cl-garden32-leading-zero", g32, "error", [],
    "OLS read '010' with strtoll(,,0) as octal 8 and took the 8 bytes as the body. Leading zeros are fine in the profile: the length is 10, "
    "and the stream ends after 8 body bytes, so the message is incomplete at end of stream (error).", GARDEN(32))
add("cl-leading-zero-complete", g32 + "89", "ok",
    [M(GS, [("Host", "whatever"), ("Content-Length", "010")], "length", "0123456789", length=10)],
    "same request with all 10 body bytes: '010' is decimal 10 (RFC 9110 8.6: 1*DIGIT; leading zeros allowed), one message.",
    GARDEN(32) + " (completed body)")
add("cl-garden3-space-before-colon", "GET / HTTP/1.1\r\nHost: whatever\r\nContent-Length : 34\r\n\r\nGET / HTTP/1.1\r\nHost: whatever\r\n\r\n", "error", [],
    "aiohttp/Cheroot/OLS trimmed the name and took 34 bytes of body; a proxy keeping 'Content-Length ' as a different name sees two requests. " + WS_COLON,
    GARDEN(3))
add("cl-garden20-x85-name", "GET / HTTP/1.1\r\nHost: a\r\nContent-Length\x85: 10\r\n\r\n0123456789", "error", [],
    "Gunicorn stripped \\x85 from the name end and read CL 10. A field name is a token: error.", GARDEN(20))
g4 = "GET / HTTP/1.1\r\n\tContent-Length: 1\r\n\r\nX"
add("cl-garden4-tab-first-line", g4, "error", [],
    "aiohttp stripped whitespace before the first field name and read CL 1. Whitespace before the first field line: error (RFC 9112 2.2; profile obs-fold rule).",
    GARDEN(4))
add("cl-garden28-no-colon", "GET / HTTP/1.1\r\nContent-Length 10\r\n\r\n0123456789", "error", [],
    "Mongoose split name and value on SP without ':'. A field line without ':' is an error.", GARDEN(28))
add("cl-netty9866-lf-fold", POST + "Host: example.com\r\nConnection: close\r\nContent-Length: 5\r\nContent-Length:\n6\r\n\r\n0\r\n", "error", [],
    "Netty folded a value across a bare LF without leading whitespace ('Content-Length:' LF '6'). " + BARE_LF,
    "netty/netty issue #9866")
add("cl-obs-fold-request", POST + H + "Content-Length: 5\r\n 0\r\n\r\nhello", "error", [],
    "folded CL: unfolded '5 0' (invalid, or 50 if spaces are dropped), a line parser sees CL 5 and a junk line. " + OBSFOLD_REQ,
    K19 + " (obs-fold on framing fields)")

# ========================================================= D. hidden headers / 0.CL / CL.0 (2022, 2025)
body7 = "ABCDEFG"
def hidden(slug, lines, note, tech):
    add("hide-cl-" + slug, POST + H + lines + "\r\n" + body7, "error", [],
        "0.CL: a front-end that does not see this Content-Length forwards no body, a back-end that does waits for 7 bytes and eats the next request. " + note,
        HIDE(tech))
hidden("space", "Content-Length : 7\r\n", WS_COLON, "SPACE")
hidden("tab", "Content-Length\t: 7\r\n", WS_COLON, "TAB")
hidden("wrap", "Content-Length: \r\n 7\r\n", OBSFOLD_REQ, "WRAP")
hidden("lpad", "X-Junk: x\r\n Content-Length: 7\r\n", OBSFOLD_REQ, "LPAD")
hidden("nwrap", "X-Junk: x\nContent-Length: 7\r\n", BARE_LF, "NWRAP")
hidden("rwrap", "X-Junk: x\rContent-Length: 7\r\n", BARE_CR, "RWRAP")
add("hide-cl-control", POST + H + "Content-Length: 7\r\n\r\n" + body7, "ok",
    [M(PS, [HV, ("Content-Length", "7")], "length", body7, length=7)],
    "control for the hidden-CL probes: a visible Content-Length: 7 with its 7 bytes.", HIDE("(baseline)"))
add("hide-cl-hop", POST + H + "Content-Length: 7\r\nConnection: Content-Length\r\n\r\n" + body7, "ok",
    [M(PS, [HV, ("Content-Length", "7"), ("Connection", "Content-Length")], "length", body7, length=7)],
    "HOP: CL listed in Connection; a proxy that strips hop-by-hop fields drops CL and forwards a bodyless request. Connection does not change framing "
    "for the recipient (RFC 9112 6.3): one message with 7 bytes.", HIDE("HOP"))
add("hide-cl-skiphop", POST + H + "Content-Length: 7\r\nConnection : Content-Length\r\n\r\n" + body7, "error", [],
    "SKIPHOP: 'Connection :' with a space before the colon. " + WS_COLON, HIDE("SKIPHOP"))
add("hide-host-invalid-space", "GET / HTTP/1.1\r\nHost: example.com\r\nHost : foo/bar\r\n\r\n", "error", [],
    "V-H discrepancy probe: a second, invalid Host hidden behind 'Host :'. " + WS_COLON, HIDE("SPACE") + " (Host-invalid canary)")
add("hide-host-invalid-lpad", "GET / HTTP/1.1\r\nHost: example.com\r\nX-Junk: x\r\n Host: foo/bar\r\n\r\n", "error", [],
    "V-H probe: invalid Host hidden in an obs-fold. " + OBSFOLD_REQ, HIDE("LPAD") + " (Host-invalid canary)")
add("host-invalid-visible", "GET / HTTP/1.1\r\nHost: foo/bar\r\n\r\n", "error", [],
    "the canary itself: 'foo/bar' is not uri-host [':' port] (profile Host rule).", K25 + " (Host-invalid canary)")
add("hide-cl-dupe", POST + H + "Content-Length: 7\r\nContent-Length: 7\r\n\r\n" + body7, "either",
    [M(PS, [HV, ("Content-Length", "7"), ("Content-Length", "7")], "length", body7, length=7)],
    "DUPE: two identical CLs: accept as one or reject (profile 'either').", HIDE("DUPE"))
add("hide-cl-under", POST + H + "Content_Length: 7\r\n\r\n" + body7, "error",
    [M(PS, [HV, ("Content_Length", "7")], "none", "")],
    "UNDER: 'Content_Length' is another field; the request has no body and 'ABCDEFG' is the next request-line, which never ends (error). "
    "A CGI-style server maps it to CONTENT_LENGTH and reads 7 bytes.", HIDE("UNDER"))
# Expect-based 0.CL
add("expect-0cl-body-present", POST + H + "Expect: 100-continue\r\nContent-Length: 7\r\nConnection: keep-alive\r\n\r\n" + body7, "ok",
    [M(PS, [HV, ("Expect", "100-continue"), ("Content-Length", "7"), ("Connection", "keep-alive")], "length", body7, length=7)],
    "Expect: 100-continue does not change framing: the 7 bytes are the body whether or not a 100 was sent (RFC 9110 10.1.1). A server that answers "
    "early and then reads the body as a new request desyncs.", K25 + " (0.CL expect detection); " + HIDE("(detect0CLwithExpect)"))
add("expect-obfuscated", POST + H + "Expect: y 100-continue\r\nContent-Length: 7\r\n\r\n" + body7, "ok",
    [M(PS, [HV, ("Expect", "y 100-continue"), ("Content-Length", "7")], "length", body7, length=7)],
    "obfuscated Expect value: framing is still CL 7 (the decoder never guesses from Expect).", K25 + " (Expect obfuscation)")
nxt = "GET / HTTP/1.1\r\nHost: example.com\r\n\r\n"
add("expect-0cl-body-withheld", "GET / HTTP/1.1\r\n" + H + "Expect: 100-continue\r\nContent-Length: 7\r\n\r\n" + nxt, "error",
    [M(GS, [HV, ("Expect", "100-continue"), ("Content-Length", "7")], "length", nxt[:7], length=7)],
    "0.CL: the client withholds the body waiting for 100 and the next request follows; the decoder must take 7 bytes ('GET / H') as body, "
    "so the rest ('TTP/1.1...') is an invalid request-line. This is the strict reading: CL is always honoured; the caller must close after an early response.",
    K25 + " (0.CL)")
cl0 = "GET /hopefully404 HTTP/1.1\r\nX: Y"
add("cl0-static-endpoint", "POST /robots.txt HTTP/1.1\r\n" + H + "Content-Length: %d\r\n\r\n" % len(cl0) + cl0, "ok",
    [M(["POST", "/robots.txt", "HTTP/1.1"], [HV, ("Content-Length", str(len(cl0)))], "length", cl0, length=len(cl0))],
    "CL.0: a back-end endpoint that ignores the body of a static-file request treats the body as the next request. The decoder always reads "
    "Content-Length bytes as body (RFC 9112 6.3 item 6).", K22 + " (CL.0)")
getb = "GET / HTTP/1.1\r\nContent-Length: 10\r\n\r\n1234567890"
add("get-with-body-garden21", getb, "error", [], NOHOST + "relayd stripped the body of a GET but kept its CL.", GARDEN(21, "transducer"))
add_host("get-with-body-garden21", getb, "ok",
         [M(GS, [HV, ("Content-Length", "10")], "length", "1234567890", length=10)],
         "a GET may carry a body: it is framed by CL like any other request (RFC 9110 9.3.1; RFC 9112 6.3). A proxy that drops it must drop CL too.",
         GARDEN(21, "transducer"))
add("get-with-chunked-body", "GET / HTTP/1.1\r\n" + H + TEC + "\r\n5\r\nhello\r\n0\r\n\r\n", "ok",
    [M(GS, CHH, "chunked", "hello")],
    "a GET with a chunked body is framed like any request (RFC 9112 6.3 item 4).", GARDEN(21, "transducer") + " (chunked counterpart)")

# ========================================================= E. head syntax discrepancies (Garden, CVEs)
add("garden2-nul-cr-value", "GET / HTTP/1.1\r\nHost: a\r\nHeader: v\x00\ralue\r\n\r\n", "error", [],
    "aiohttp/Gunicorn/Tornado accepted NUL and CR in values. " + CTL_VAL, GARDEN(2))
add("garden35-nul-truncates", "GET / HTTP/1.1\r\nHost: whatever\r\nTest: test\x00THESE BYTES GET DROPPED\r\nConnection: close\r\n\r\n", "error", [],
    "OLS/libevent cut the value at NUL. " + CTL_VAL, GARDEN(35))
g43 = "GET / HTTP/1.1\r\nEvil: evil\x00\r\n\r\n"
add("garden43-nul-end", g43, "error", [], "WEBrick stripped a trailing NUL. " + CTL_VAL, GARDEN(43))
add("garden-t12-nul-host", "GET / HTTP/1.1\r\nHost: google.com\x00.kallus.org\r\n\r\n", "error", [],
    "HAProxy forwarded NUL in Host; a C back-end reads 'google.com'. NUL in a value (and in uri-host) is an error.", GARDEN(12, "transducer"))
add("garden34-cr-in-value", "GET / HTTP/1.1\r\nHost: whatever\r\nHeader: va\rlue\r\n\r\n", "error", [],
    "OLS accepted CR inside a value. " + BARE_CR, GARDEN(34))
g13 = "GET / HTTP/1.1\r\nVisible: :/\rSmuggled: :)\r\n\r\n"
add("garden13-cr-line-end", g13, "error", [], "CPython http.server/Mongoose end a field line at CR, so 'Smuggled' becomes a field. " + BARE_CR, GARDEN(13))
add_host("garden13-cr-line-end", g13, "error", [], BARE_CR, GARDEN(13))
add("llhttp-cve-2023-30589-cr-te", "POST / HTTP/1.1\r\nHost: localhost:8080\r\nX-Abc: \rxTransfer-Encoding: chunked\r\n\r\n1\r\nA\r\n0\r\n\r\n", "error", [],
    "llhttp (before the fix) took CR as a field-line end, making 'Transfer-Encoding: chunked' a field; a CRLF-only parser sees one X-Abc value. " + BARE_CR,
    "CVE-2023-30589 (llhttp / Node.js, aiohttp); reproducer in google/megalista PR #148")
add("garden-t10-cr-value-proxy", "GET / HTTP/1.1\r\nHost: a\r\nInvalid-Header: this\rvalue\ris\rinvalid\r\n\r\n", "error", [],
    "Google's classic ALB forwarded CRs in values. " + BARE_CR, GARDEN(10, "transducer"))
g30 = "GET / HTTP/1.1\r\nHost: a\r\n\rZGET /evil: HTTP/1.1\r\nHost: a\r\n\r\n"
add("garden30-crlf-cr-x-ends-head", g30, "error", [],
    "llhttp ended the head at CRLF CR <any byte>, so 'GET /evil: HTTP/1.1' became a second request; others read it as a field line. " + BARE_CR,
    GARDEN(30) + "; llhttp fix 6d04465e")
add("garden18-empty-name", "GET / HTTP/1.1\r\n: ignored\r\nHost: whatever\r\n\r\n", "error", [],
    "Go/Gunicorn/llhttp/Tornado accepted an empty field name. A field name is 1*tchar (RFC 9110 5.1).", GARDEN(18))
g27 = "GET / HTTP/1.1\r\n:\r\nI: am chopped off\r\n\r\n"
add("garden27-colon-line", g27, "error", [], "Mongoose ended the head at a ':' line. Empty field name: error.", GARDEN(27))
g19 = "GET / HTTP/1.1\r\nHost: a\r\nUseless:\n\nGET / HTTP/1.1\r\n\r\n"
add("garden19-lf-lf", g19, "error", [],
    "Gunicorn stripped all non-CRLF whitespace after ':' (swallowing '\\n\\n'); an LF-accepting proxy sees the head end there and a second request. " + BARE_LF,
    GARDEN(19))
add("garden-t16-all-lf", "GET / HTTP/1.1\nHost: whatever\nConnection: close\n\n", "error", [],
    "OLS forwarded bare-LF lines unchanged. " + BARE_LF, GARDEN(16, "transducer"))
add("garden-t14-lf-in-name", "GET / HTTP/1.1\r\nHost: whatever\r\nTe\nst: test\r\nConnection: close\r\n\r\n", "error", [],
    "OLS forwarded a field line broken by LF. " + BARE_LF, GARDEN(14, "transducer"))
gt20 = "GET / HTTP/1.1\r\na:b\r\nc\x00\r\n\r\n"
add("garden-t20-nul-line", gt20, "error", [],
    "relayd concatenated a line with NUL (and no colon) into the previous value. A line without ':' and with NUL is an error.", GARDEN(20, "transducer"))
add("garden8-high-byte-name", "GET / HTTP/1.1\r\nHost: a\r\n\xefoo: bar\r\n\r\n", "error", [],
    "aiohttp/Daphne/Mongoose accepted 0xEF in a field name. A field name is a token.", GARDEN(8))
add("garden14-ctl-name", "GET / HTTP/1.1\r\nHost: a\r\n\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f \"(),/;<=>?@[/]{}: whatever\r\n\r\n", "error", [],
    "control bytes and delimiters in a field name (Daphne, Mongoose, Tornado, OLS accepted them). A field name is a token.", GARDEN(14))
add("garden41-nbsp-value", "GET /login HTTP/1.1\r\nHost: a\r\nUser: \x85admin\xa0\r\n\r\n", "ok",
    [M(["GET", "/login", "HTTP/1.1"], [("Host", "a"), ("User", "\x85admin\xa0")], "none", "")],
    "obs-text is allowed in a value and only SP/HTAB are OWS: the value keeps its \\x85 and \\xa0 (Waitress stripped them, an ACL bypass).",
    GARDEN(41))
add("llhttp-cve-2024-27982-fold-cl", POST + "Host: localhost\r\nX:\r\n Content-Length: 10\r\n\r\n0123456789", "error", [],
    "a field line starting with SP after 'X:': llhttp read it as a new 'Content-Length' field, a folding parser as X's value. " + OBSFOLD_REQ,
    "CVE-2024-27982 (llhttp / Node.js, 'Content-Length obfuscation'), llhttp PR #348; bytes built from the advisory description")
add("absolute-form-host-conflict", "GET http://a.example/ HTTP/1.1\r\nHost: b.example\r\n\r\n", "ok",
    [M(["GET", "http://a.example/", "HTTP/1.1"], [("Host", "b.example")], "none", "")],
    "absolute-form with a different Host: valid syntax; the server MUST ignore Host and use the target's authority (RFC 9112 3.2.2). The decoder "
    "delivers both; routing on Host instead is the 'host of troubles' discrepancy the caller must avoid.",
    "HTTP Garden discrepancy class (absolute-form vs Host); RFC 9112 3.2.2")
add("absolute-form-userinfo", "GET http://user@a.example/ HTTP/1.1\r\nHost: a.example\r\n\r\n", "either",
    [M(["GET", "http://user@a.example/", "HTTP/1.1"], [("Host", "a.example")], "none", "")],
    "userinfo in an http URI is deprecated (RFC 9110 4.2.4: a recipient SHOULD treat it as an error); parsers that split at '@' differently route "
    "differently. The profile does not name it; RFC allows reject or accept.", "HTTP Garden discrepancy class (URI parsing)")
add("garden9-lf-in-request-line", "GET /\nHTTP/1.1\r\n\r\n", "error", [],
    "aiohttp allowed LF as the separator in the request-line. request-line uses single SPs; " + BARE_LF, GARDEN(9))
add("garden5-version-prefix", "GET /test HTTP/1.32\r\n\r\n", "error", [],
    "aiohttp read 'HTTP/1.32' as HTTP/1.3. Only HTTP/1.0 and HTTP/1.1 are accepted (profile).", GARDEN(5))
add("garden24-version-overflow", "GET / HTTP/4294967295.255\r\n\r\n", "error", [],
    "libevent's 8-bit version overflow. Only HTTP/1.0 and HTTP/1.1.", GARDEN(24))
add("garden15-version-cr", "GET / HTTP/\r\r1.1\r\n\r\n", "error", [], "fasthttp did not validate the version. " + BARE_CR, GARDEN(15))
add("garden6-method-prefix", "G=\":<>(e),[T];?\" /get HTTP/1.1\r\n\r\n", "error", [],
    "aiohttp took the longest valid prefix of the method. A method is a token.", GARDEN(6))
g7 = "GET ! HTTP/1.1\r\n\r\n"
add("garden7-bang-target", g7, "error", [], NOHOST + "aiohttp did not validate targets.", GARDEN(7))
add_host("garden7-bang-target", g7, "error", [],
         "'!' is neither origin-form, absolute-form nor '*' (RFC 9112 3.2; profile target-form rule).", GARDEN(7))
add("garden40-nul-method", "\x00 / HTTP/............0596.7407.\r\n\r\n", "error", [], "Waitress validated neither method nor version.", GARDEN(40))
g48 = ("POST / HTTP/1.1\r\nContent-Length: 0\r\nConnection:keep-alive\r\nHost: a\r\nid: 0\r\n\r\n"
       "POST / HTTP/1.1\r\nHost: a\r\nid: 1\r\nContent-Length: 34\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\nid: 2\r\n\r\n")
add("garden48-pipelined", g48, "ok",
    [M(PS, [("Content-Length", "0"), ("Connection", "keep-alive"), ("Host", "a"), ("id", "0")], "length", "", length=0),
     M(PS, [("Host", "a"), ("id", "1"), ("Content-Length", "34")], "length", "GET / HTTP/1.1\r\nHost: a\r\nid: 2\r\n\r\n", length=34)],
    "Puma read pipelined bytes in its first buffer as the body of a CL:0 request. Strictly: request 1 has an empty body, request 2 has 34 bytes "
    "of body (which look like a request but are not one).", GARDEN(48))
g45 = "GET / HTTP/1.1\r\nConnection: close\r\n\r\nInvalid\r\n\r\n"
add("garden45-after-close", g45, "error", [], NOHOST, GARDEN(45))
add_host("garden45-after-close", g45, "either",
         [M(GS, [HV, ("Connection", "close")], "none", "")],
         "bytes after a request with Connection: close: the decoder may stop, or go on and reject 'Invalid' (profile 'either').", GARDEN(45))

# ========================================================= F. chunked-body ambiguities (funky chunks)
CHC = POST + H + TEC + "Connection: close\r\n\r\n"   # SmugChunks head
CHCH = [HV, ("Transfer-Encoding", "chunked"), ("Connection", "close")]
TERMS = {"lf": "\n", "cr": "\r", "cr-x": "\rX", "cr-cr": "\r\r"}
for tn, t in TERMS.items():
    add("funky-term-ext-" + tn, CHC + "2;" + t + "XX\r\n10\r\n1f\r\nAAAABBBBCCCC\r\n0\r\n\r\nDDDDEEEEFFFF\r\n0\r\n\r\n", "error", [],
        "TERM.EXT: a front-end that ends the chunk line at %r reads 'XX' as data, a back-end that skips the extension to CRLF reads '10' as data "
        "(Kestrel CVE-2025-55315, aiohttp CVE-2024-52304, Go CVE-2025-22871). " % t
        + (BARE_LF if t == "\n" else BARE_CR) + "Inside a chunk extension only ';name[=value]' with BWS is allowed (RFC 9112 7.1.1).",
        SMUG("buildTermExtPayload"))
    add("funky-ext-term-" + tn, CHC + "2;" + t + "XX\r\n22\r\nc\r\nAAAABBBBCCCC\r\n0\r\n\r\nDDDDEEEEFFFF\r\n0\r\n\r\n", "error", [],
        "EXT.TERM (the reverse pair of TERM.EXT). " + (BARE_LF if t == "\n" else BARE_CR), SMUG("buildExtTermPayload"))
te_ctrl_body = "10" + "AAAABBBBCCCC\r\n0\r\n\r\nDDDDEEEEFFFF"
add("funky-term-ext-control", CHC + "2;XX\r\n10\r\n1f\r\nAAAABBBBCCCC\r\n0\r\n\r\nDDDDEEEEFFFF\r\n0\r\n\r\n", "ok",
    [M(PS, CHCH, "chunked", te_ctrl_body)],
    "control for TERM.EXT: with a valid extension ';XX' the chunks are 2 ('10'), 0x1f (31 bytes 'AAAABBBBCCCC\\r\\n0\\r\\n\\r\\nDDDDEEEEFFFF'), then the last chunk.",
    SMUG("buildTermExtPayload, terminator removed"))
SPILL = {"lf": "\n", "cr": "\r", "none": "", "xx": "XX", "cr-x": "\rX", "cr-cr": "\r\r"}
for tn, t in SPILL.items():
    add("funky-term-spill-" + tn, CHC + "5\r\nAAAAA" + t + "c\r\n17\r\nAAAABBBB\r\n0\r\n\r\nCCCCDDDD\r\n0\r\n\r\n", "error", [],
        "TERM.SPILL: chunk-data of 5 followed by %r instead of CRLF; a parser that skips any 2 bytes (h11 GHSA-vqfr-h8mv-ghfj) or accepts %r "
        "reads a different next chunk size than one that spills to CRLF. " % (t, t) + CHUNK_END, SMUG("buildTermSpillPayload"))
    add("funky-spill-term-" + tn, CHC + "5\r\nAAAAA" + t + "1a\r\n8\r\nAAAABBBB\r\n0\r\n\r\nCCCCDDDD\r\n0\r\n\r\n", "error", [],
        "SPILL.TERM (the reverse pair of TERM.SPILL). " + CHUNK_END, SMUG("buildSpillTermPayload"))
add("funky-term-spill-control", CHC + "5\r\nAAAAA\r\nc\r\n17\r\nAAAABBBB\r\n0\r\n\r\nCCCCDDDD\r\n0\r\n\r\n", "either",
    [M(PS, CHCH, "chunked", "AAAAA" + "17\r\nAAAABBBB")],
    "control for TERM.SPILL with a proper CRLF: chunks 5 'AAAAA' and 0xc '17\\r\\nAAAABBBB', last chunk; then 'CCCCDDDD' is not a request-line "
    "The request carries Connection: close, so the bytes after it are 'either' (profile): a decoder may stop there, or decode on and fail on 'CCCCDDDD'.", SMUG("buildTermSpillPayload, CRLF terminator"))
for tn, t in (("lf", "\n"), ("cr", "\r")):
    add("funky-one-two-" + tn, CHC + "2\r\nXX" + t + "12\r\nXX\r\n19\r\nXXAAAABBBB\r\n0\r\n\r\nCCCCDDDD\r\n0\r\n\r\n", "error", [],
        "ONE.TWO: one parser takes %r as the data terminator (1 byte), the other needs 2. " % t + CHUNK_END, SMUG("buildOneTwoPayload"))
    add("funky-two-one-" + tn, CHC + "2\r\nXX" + t + "10\r\n\r\nAAAABBBBCCCCDD\r\n0\r\n\r\n", "error", [],
        "TWO.ONE (reverse of ONE.TWO). " + CHUNK_END, SMUG("buildTwoOnePayload"))
add("funky-zero-two", CHC + "2\r\nXX012\r\nXX\r\n19\r\nXXAAAABBBB\r\n0\r\n\r\nCCCCDDDD\r\n0\r\n\r\n", "error", [],
    "ZERO.TWO: no terminator at all after the data; a parser skipping 2 bytes eats '01'. " + CHUNK_END, SMUG("buildZeroTwoPayload"))
add("funky-two-zero", CHC + "2\r\nxx010\r\n\r\nAAAABBBBCCCCDD\r\n0\r\n\r\n", "error", [],
    "TWO.ZERO (reverse of ZERO.TWO). " + CHUNK_END, SMUG("buildTwoZeroPayload"))
add("funky-last-chunk-lf", CH + "5\r\nhello\r\n0\n\r\n", "error", [],
    "last-chunk line ended by a bare LF ('0\\n\\r\\n'): an LF-accepting parser ends the body, a CRLF parser reads '\\r\\n' oddly. " + BARE_LF,
    FUNKY + " (line terminators in the last chunk)")
add("funky-final-crlf-lf", CH + "5\r\nhello\r\n0\r\n\n", "error", [],
    "the empty line ending the trailer section is a bare LF. " + BARE_LF, FUNKY + " (trailer-section terminator)")
add("funky-size-lf", CH + "5\nhello\r\n0\r\n\r\n", "error", [],
    "Go net/http accepted a bare LF ending the chunk-size line (CVE-2025-22871). " + BARE_LF, "CVE-2025-22871 (Go net/http), golang/go issue #71988")
add("funky-size-cr", CH + "5\rhello\r\n0\r\n\r\n", "error", [], "chunk-size line ended by a bare CR. " + BARE_CR, FUNKY)
add("funky-data-lf-garden-t13", "GET / HTTP/1.1\r\n" + H + TEC + "\r\na\r\n0123456789\n0\r\n\r\n", "error", [],
    "HAProxy accepted a bare LF after chunk-data. " + CHUNK_END, GARDEN(13, "transducer") + " (variant: Host field added)")
add("funky-ext-bws-before-semicolon", CH + "5 ;a=b\r\nhello\r\n0\r\n\r\n", "ok", [M(PS, CHH, "chunked", "hello")],
    "SP before ';' is BWS, allowed (RFC 9112 7.1.1; profile). Control for the chunk-size whitespace cases.", FUNKY + " (chunk-size with spaces)")
add("funky-ext-htab-bws", CH + "5\t;\ta\t=\tb\r\nhello\r\n0\r\n\r\n", "ok", [M(PS, CHH, "chunked", "hello")],
    "HTAB as BWS around ';' and '=' is allowed.", FUNKY + " (chunk-size with spaces)")
add("funky-size-trailing-space", CH + "5 \r\nhello\r\n0\r\n\r\n", "error", [],
    "whitespace after the size with no extension is an error (profile); a parser that trims it reads 5, one that requires hex-only reads garbage.",
    FUNKY + " (chunk-size with spaces)")
add("funky-size-leading-space", CH + "   5\r\nhello\r\n0\r\n\r\n", "error", [],
    "leading whitespace before the size (relayd/Pound accepted and forwarded it). chunk-size is 1*HEXDIG.", GARDEN(24, "transducer"))
add("funky-size-inner-space", CH + "1 0\r\n0123456789abcdef\r\n0\r\n\r\n", "error", [],
    "'1 0': a parser stopping at SP reads 1, one dropping spaces reads 0x10. chunk-size is 1*HEXDIG.", FUNKY + " (chunk-size with spaces)")
add("funky-size-overflow-hyper", CH + "f0000000000000003\r\nabc\r\n0\r\n\r\n", "error", [],
    "17 hex digits: a 64-bit accumulator that wraps reads 3 (hyper CVE-2021-32714). The size must fit u64 (profile).",
    "hyper CVE-2021-32714 (GHSA-5h46-h7hh-c6x9); " + FUNKY + " (oversized chunk sizes)")
add("funky-size-overflow-wrap-zero", CH + "10000000000000000\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: example.com\r\n\r\n", "error", [],
    "2^64 wraps to 0 in a 64-bit accumulator, ending the body so the rest is a second request. Does not fit u64: error.",
    FUNKY + " (oversized chunk sizes)")
add("funky-size-huge-fits", CH + "ffffffffffffffed\r\nhello\r\n0\r\n\r\n", "error", [],
    "nginx CVE-2013-2028 class: a size that fits u64 but goes negative as a signed value. Valid per the profile, so the body is still "
    "incomplete at end of stream: error (incomplete).", "CVE-2013-2028 (nginx chunked size)")
add("funky-size-leading-zeros", CH + "0000000000000000005\r\nhello\r\n0\r\n\r\n", "ok", [M(PS, CHH, "chunked", "hello")],
    "19 digits with leading zeros: the value 5 fits u64; leading zeros are fine (profile). A parser that caps digits at 16 rejects it.",
    FUNKY + " (oversized chunk sizes, control)")
for slug, sz, src in (("0x", "0x5", GARDEN(25) + " (strtoll 0x)"), ("plus", "+5", GARDEN(25) + " (strtoll +); waitress CVE-2022-24761 class (int()-parsed chunk sizes)"),
                      ("minus-0x0", "-0x0", GARDEN(19, "transducer")), ("underscore", "0_5", GARDEN(1)),
                      ("junk-suffix", "5these-bytes-never-get-validated", GARDEN(7, "transducer"))):
    add("chunk-size-" + slug, CH + sz + "\r\nhello\r\n0\r\n\r\n", "error", [],
        "'%s': strtoll/int()/longest-prefix parsers read a size. chunk-size is 1*HEXDIG (RFC 9112 7.1)." % sz, src)
g1 = "GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0_2e\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\n0\r\n\r\n"
add("garden1-chunk-size-underscore", g1, "error", [],
    "Python int('0_2e', 16) is 0x2e: aiohttp/Gunicorn/Tornado read 46 bytes of body, a longest-prefix proxy reads the last chunk '0'. chunk-size is 1*HEXDIG.",
    GARDEN(1) + "; " + GARDEN(22))
add("garden17-empty-chunk-size", "GET / HTTP/1.1\r\nHost: whatever\r\nTransfer-Encoding: chunked\r\n\r\n\r\n\r\n", "error", [],
    "Go/hyper/Mongoose read an empty chunk-size as 0. chunk-size is 1*HEXDIG.", GARDEN(17))
add("garden-t2-letters", POST + "Host: a\r\nTransfer-Encoding: chunked\r\n\r\nZ\r\nZZ\r\nZZZ\r\n\r\n", "error", [],
    "Akamai forwarded non-hex chunk sizes. chunk-size is 1*HEXDIG.", GARDEN(2, "transducer"))
add("garden47-invalid-then-request", POST + "Host: whatever\r\nTransfer-Encoding: chunked\r\n\r\nINVALID!!!\r\nGET / HTTP/1.1\r\nHost: whatever\r\n\r\n", "error", [],
    "Cheroot kept the connection after an invalid chunk and parsed the next request from the following line. After an error nothing more is decoded (profile).",
    GARDEN(47))
add("garden31-cr-cr-chunk-line", "GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\r;ABCD\r\n34\r\nE\r\n0\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\n0\r\n\r\n", "error", [],
    "llhttp ended a chunk line at CR <any byte>. " + BARE_CR, GARDEN(31))
add("garden-t3-cr-before-semicolon", POST + "Host: server.my-domain.cool\r\nTransfer-Encoding: chunked\r\n\r\n2\r\r;a\r\n02\r\n41\r\n0\r\n\r\nGET /bad_path/pwned HTTP/1.1\r\nHost: a\r\nContent-Length: 430\r\n\r\n0\r\n\r\nGET / HTTP/1.1\r\nHost: server.my-domain.cool\r\n\r\n", "error", [],
    "Akamai/ATS/Google ALB forwarded CR in the BWS before ';'. " + BARE_CR, GARDEN(3, "transducer"))
add("garden-t36-akamai-cr-ext", "POST /abc HTTP/1.1\r\nTransfer-Encoding: chunked\r\nHost: h2o.http-garden.us\r\n\r\n41;a=b\r\r" + "X" * 65 + "\r\n0\r\n\r\nGET /bad_path/pwned HTTP/1.1\r\nHost: a\r\nContent-Length: 412\r\n\r\n0\r\n\r\nGET /def HTTP/1.1\r\nHost: h2o.http-garden.us\r\n\r\n", "error", [],
    "Akamai forwarded CR after a chunk extension. " + BARE_CR, GARDEN(36))
add("garden-t17-extra-crlf", POST + "Host: a\r\nTransfer-Encoding: chunked\r\n\r\n17\r\n0\r\n\r\nGET / HTTP/1.1\r\n\r\n\r\n\r\n0\r\n\r\n", "error", [],
    "OLS tolerated an extra CRLF before the last chunk when de-chunking. After chunk 0x17 the next chunk-size line is empty: error.", GARDEN(17, "transducer"))
add("chunk-ext-nul", CH + "5;\x00ext\r\nhello\r\n0\r\n\r\n", "error", [],
    "NUL in a chunk extension (C parsers stop scanning there). chunk-ext-name is a token.", FUNKY + " (chunk-extension bytes)")
add("chunk-ext-quoted-crlf", CH + "1;a=\"x\r\nZ\"\r\nZ\r\n0\r\n\r\n", "error", [],
    "a quoted extension value containing CRLF: a quote-aware parser keeps scanning, a line parser ends the line inside the quotes. qdtext excludes CR/LF (RFC 9110 5.6.4).",
    FUNKY + " (quoted-string chunk extensions)")
add("chunk-ext-quoted-ok", CH + "1;a=\"x;y=z\"\r\nZ\r\n0\r\n\r\n", "ok", [M(PS, CHH, "chunked", "Z")],
    "a quoted extension value containing ';' and '=' is valid (RFC 9112 7.1.1); control for the quoted case.", FUNKY + " (quoted-string chunk extensions)")
add("chunk-ext-lf-value", CH + "2;foo\nbar\r\nXX\r\n0\r\n\r\n", "error", [],
    "LF inside an extension after its name (the fasthttp / Gunicorn / aiohttp fixes). " + BARE_LF,
    "valyala/fasthttp PR #1899; benoitc/gunicorn PR #3327; aiohttp CVE-2024-52304")
hdata = "5\r\nAAAAA"
add("h11-any-two-bytes", CH + hdata + "XX0\r\n\r\n", "error", [],
    "h11 up to 0.14 accepted any two bytes after chunk-data. " + CHUNK_END, "h11 GHSA-vqfr-h8mv-ghfj (CVE-2025-43859)")
add("pound-oversized-chunk", CH + "5\r\nAAAAAXXX\r\n0\r\n\r\n", "error", [],
    "chunk-data longer than its size (Pound forwarded it). " + CHUNK_END, "graygnuorg/pound PR #43")
add("chunk-control-valid", CH + "5\r\nAAAAA\r\n0\r\n\r\n", "ok", [M(PS, CHH, "chunked", "AAAAA")],
    "control for the chunk-data terminator cases.", "h11 GHSA-vqfr-h8mv-ghfj (control)")
# Trailers
g39 = "GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX:POST / HTTP/1.1\r\n\r\n"
add("garden39-trailer-request", g39, "error", [], NOHOST + "Puma ended the body at CRLF + any 2 bytes.", GARDEN(39) + "; CVE-2023-40175 (Puma)")
add_host("garden39-trailer-request", g39, "ok",
         [M(GS, CHH, "chunked", "", trailers=[("X", "POST / HTTP/1.1")])],
         "'X:POST / HTTP/1.1' is a valid trailer field; Puma (CVE-2023-40175) ended the body early and read 'POST / HTTP/1.1' as a request.",
         GARDEN(39))
add("trailer-content-length", CH + "5\r\nhello\r\n0\r\nContent-Length: 5\r\n\r\n", "error", [],
    "a trailer that frames the message: a proxy that merges trailers into the head re-frames it. Forbidden trailer (profile; RFC 9110 6.5.1).",
    FUNKY + " (trailers)")
add("trailer-transfer-encoding", CH + "5\r\nhello\r\n0\r\nTransfer-Encoding: chunked\r\n\r\n", "error", [],
    "Transfer-Encoding in the trailer section: forbidden trailer (profile).", FUNKY + " (trailers)")
add("trailer-host", CH + "5\r\nhello\r\n0\r\nHost: evil.example\r\n\r\n", "error", [],
    "Host in the trailer section: forbidden (routing) trailer (profile).", FUNKY + " (trailers)")
add("trailer-bare-lf", CH + "5\r\nhello\r\n0\r\nX: y\n\r\n", "error", [], "trailer line ended by bare LF. " + BARE_LF, FUNKY + " (trailers)")
add("trailer-valid", CH + "5\r\nhello\r\n0\r\nX-Checksum: abc\r\n\r\n", "ok",
    [M(PS, CHH, "chunked", "hello", trailers=[("X-Checksum", "abc")])], "control: an ordinary trailer field.", FUNKY + " (trailers, control)")
add("garden-bonus3-byte-after", "GET / HTTP/1.1\r\nHost: whatever\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n\x00", "error",
    [M(GS, [("Host", "whatever"), ("Transfer-Encoding", "chunked")], "chunked", "")],
    "a NUL byte after a complete chunked request (crashed OpenBSD httpd): the next request-line is invalid.", GARDEN("bonus 3", "bonus"))

# ========================================================= G. responses (splitting, framing)
def res(cid, inp, expect, msgs, note, source, methods=()):
    add("res-" + cid, inp, expect, msgs, note, source, mode="response", methods=methods)

res("te-cl", "HTTP/1.1 200 OK\r\nContent-Length: 100\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n" + NEXT_RES, "either",
    [M(R200, [("Content-Length", "100"), ("Transfer-Encoding", "chunked")], "chunked", "hello"), NEXT_RES_M],
    "CL and TE in a response: TE overrides CL (RFC 9112 6.3 item 3; profile), though the RFC says it 'ought to be handled as an error'. "
    "A CL-reading client takes 100 bytes and swallows the next response.", K19 + " (response role)")
res("te-xchunked-cl", "HTTP/1.1 200 OK\r\nTransfer-Encoding: xchunked\r\nContent-Length: 5\r\n\r\nhello" + NEXT_RES, "ok",
    [M(R200, [("Transfer-Encoding", "xchunked"), ("Content-Length", "5")], "close", "hello" + NEXT_RES)],
    "an unknown final coding in a response: TE overrides CL and the body runs to close (RFC 9112 6.3 item 3). A client that ignores the unknown TE "
    "and uses CL sees a second response (response splitting).", K19 + " (response role)")
res("te-chunked-identity", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, identity\r\n\r\n5\r\nhello\r\n0\r\n\r\n" + NEXT_RES, "ok",
    [M(R200, [("Transfer-Encoding", "chunked, identity")], "close", "5\r\nhello\r\n0\r\n\r\n" + NEXT_RES)],
    "chunked is not the final coding, so the response is close-delimited (RFC 9112 6.3 item 3); a client that de-chunks sees a second response.",
    DBOX("commaCow") + " (response role)")
res("te-space-before-colon", "HTTP/1.1 200 OK\r\nTransfer-Encoding : chunked\r\n\r\n0\r\n\r\n", "error", [],
    "whitespace before the colon in a response: error in the profile (RFC 9112 5.1: a proxy MUST remove it before forwarding; the decoder rejects).",
    K19 + " (response role)")
res("te-obs-fold", "HTTP/1.1 200 OK\r\nTransfer-Encoding:\r\n chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", "ok",
    [M(R200, [("Transfer-Encoding", "chunked")], "chunked", "hello")],
    "obs-fold in a response is accepted and read as one SP (profile; RFC 9112 5.2), so the value is 'chunked'. A line-based client sees an empty TE and reads to close.",
    DBOX("tabwrap") + " (response role)")
res("cl-obs-fold", "HTTP/1.1 200 OK\r\nContent-Length:\r\n 5\r\n\r\nhello" + NEXT_RES, "ok",
    [M(R200, [("Content-Length", "5")], "length", "hello", length=5), NEXT_RES_M],
    "folded Content-Length in a response: unfolded to ' 5', trimmed to 5 (profile: fold reads as one SP).", K19 + " (obs-fold on framing fields, response role)")
res("cl-obs-fold-split", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n 0\r\n\r\nhello", "error", [],
    "folded CL '5 0' in a response: not 1*DIGIT after unfolding (a line parser reads 5). Error.", K19 + " (obs-fold on framing fields, response role)")
res("bare-lf-head", "HTTP/1.1 200 OK\nContent-Length: 5\n\nhello", "error", [], "response head with bare LFs. " + BARE_LF, GARDEN(16, "transducer") + " (response role)")
res("bare-cr-injection", "HTTP/1.1 200 OK\r\nSet-Cookie: a=b\rContent-Length: 0\r\n\r\n", "error", [],
    "a CR injected in a value (response splitting by CR): a CR-ending client sees a Content-Length field. " + BARE_CR, GARDEN(13) + " (response role)")
res("lf-injection", "HTTP/1.1 200 OK\r\nSet-Cookie: a=b\nContent-Length: 0\r\n\r\n", "error", [],
    "an LF injected in a value (response splitting by LF). " + BARE_LF, K19 + " (response splitting)")
res("cl-plus", "HTTP/1.1 200 OK\r\nContent-Length: +5\r\n\r\nhello", "error", [], CL_SYN, "hyper CVE-2021-32715 (response role)")
res("cl-list-identical", "HTTP/1.1 200 OK\r\nContent-Length: 5, 5\r\n\r\nhello", "either",
    [M(R200, [("Content-Length", "5, 5")], "length", "hello", length=5)], "identical CL values in a response (profile 'either').", K19)
res("cl-differ", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 0\r\n\r\nhello" + NEXT_RES, "error", [],
    "differing CLs in a response: a first-wins client and a last-wins proxy split the stream differently. Error (RFC 9112 6.3 item 5).", GARDEN(23) + " (response role)")
res("http10-te", "HTTP/1.0 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", "error", [],
    "Transfer-Encoding in an HTTP/1.0 response: error (RFC 9112 6.1).", "RFC 9112 6.1; HTTP/1.0 + TE class (response role)")
res("head-cl-no-body", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n" + NEXT_RES, "ok",
    [M(R200, [("Content-Length", "5")], "none", ""), NEXT_RES_M],
    "a response to HEAD has no body whatever its Content-Length (RFC 9112 6.3 item 1). A client that reads 5 bytes desyncs the response queue.",
    K22 + " (HEAD desync)", methods=["HEAD"])
res("head-te-no-body", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + NEXT_RES, "ok",
    [M(R200, [("Transfer-Encoding", "chunked")], "none", ""), NEXT_RES_M],
    "a chunked-announced response to HEAD carries no chunks (RFC 9112 6.3 item 1); the next bytes are the next response.",
    K22 + " (HEAD desync)", methods=["HEAD"])
res("head-with-body-sent", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello" + NEXT_RES, "error",
    [M(R200, [("Content-Length", "5")], "none", "")],
    "a server that wrongly sends a body after a HEAD answer: the decoder takes no body, so 'hello' starts the next status-line, an error. "
    "A client that reads the body would instead stay in sync with this server but not with a correct one.", K22 + " (HEAD desync)", methods=["HEAD", "GET"])
res("head-close-no-body", "HTTP/1.1 200 OK\r\n\r\n", "ok", [M(R200, [], "none", "")],
    "a HEAD answer without framing fields is bodyless, not close-delimited.", K22 + " (HEAD desync)", methods=["HEAD"])
res("204-with-body", "HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\nhello" + NEXT_RES, "error",
    [M(["HTTP/1.1", "204", "No Content"], [("Content-Length", "5")], "none", "")],
    "204 has no body (RFC 9112 6.3 item 1): the 5 bytes start the next status-line, an error. A client honouring CL on 204 swallows them.",
    K22 + " (bodiless statuses)")
res("304-with-body", "HTTP/1.1 304 Not Modified\r\nContent-Length: 5\r\n\r\nhello" + NEXT_RES, "error",
    [M(["HTTP/1.1", "304", "Not Modified"], [("Content-Length", "5")], "none", "")],
    "304 has no body: the 5 bytes are the next (invalid) status-line.", K22 + " (bodiless statuses)")
res("100-with-body", "HTTP/1.1 100 Continue\r\nContent-Length: 5\r\n\r\nhello" + NEXT_RES, "error",
    [M(["HTTP/1.1", "100", "Continue"], [("Content-Length", "5")], "none", "")],
    "a 1xx has no body: the 5 bytes are not a status-line. A client that reads CL on the 100 stays with the body instead.",
    K25 + " (Expect / 100-continue desync)")
res("100-with-chunked", "HTTP/1.1 100 Continue\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + NEXT_RES, "error",
    [M(["HTTP/1.1", "100", "Continue"], [("Transfer-Encoding", "chunked")], "none", "")],
    "a chunked-announced 1xx: no body, so '0' is read as a status-line (error).", K25 + " (Expect / 100-continue desync)")
res("100-then-200", "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", "ok",
    [M(["HTTP/1.1", "100", "Continue"], [], "none", ""), M(R200, [("Content-Length", "5")], "length", "hello", length=5)],
    "control: 100 then the final response to the same request (the 1xx uses no --method entry).", K25 + " (Expect, control)")
res("103-then-head", "HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n" + NEXT_RES, "ok",
    [M(["HTTP/1.1", "103", "Early Hints"], [("Link", "</a.css>; rel=preload")], "none", ""),
     M(R200, [("Content-Length", "5")], "none", ""), NEXT_RES_M],
    "a 1xx before a HEAD answer does not use up the HEAD entry: the 200 is the HEAD answer (no body), then the GET answer.",
    K25 + " (1xx handling)", methods=["HEAD", "GET"])
res("101-upgrade", "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nContent-Length: 5\r\n\r\n\x81\x05hello", "ok",
    [M(["HTTP/1.1", "101", "Switching Protocols"], [("Upgrade", "websocket"), ("Connection", "Upgrade"), ("Content-Length", "5")], "upgrade", "")],
    "101 leaves HTTP/1 whatever its Content-Length; the bytes after the head belong to the new protocol (RFC 9110 15.2.2).", K22 + " (upgrade tunnelling)")
res("connect-200-with-cl", "HTTP/1.1 200 Connection Established\r\nContent-Length: 5\r\n\r\nhello", "ok",
    [M(["HTTP/1.1", "200", "Connection Established"], [("Content-Length", "5")], "upgrade", "")],
    "a 2xx to CONNECT starts a tunnel and its CL/TE are ignored (RFC 9110 9.3.6, RFC 9112 6.3 item 2).", K22 + " (CONNECT tunnelling)", methods=["CONNECT"])
res("close-delimited-split", "HTTP/1.1 200 OK\r\nX: y\r\n\r\n" + NEXT_RES, "ok",
    [M(R200, [("X", "y")], "close", NEXT_RES)],
    "no framing field: the body runs to end of stream and contains the injected response (RFC 9112 6.3 item 8). A client that expects length "
    "framing would read a second response.", K19 + " (response splitting, close-delimited)")
res("http10-close-delimited", "HTTP/1.0 200 OK\r\n\r\n" + NEXT_RES, "ok",
    [M(["HTTP/1.0", "200", "OK"], [], "close", NEXT_RES)], "HTTP/1.0 close-delimited response containing a response-shaped body.",
    K19 + " (response splitting, close-delimited)")
res("length-then-extra-crlf", NEXT_RES + "\r\n" + NEXT_RES, "error", [NEXT_RES_M],
    "an empty line between responses: no empty line is skipped before a status-line (profile), so a stray CRLF (e.g. from an over-long body) is an error.",
    K19 + " (response queue)")
res("chunked-term-spill", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nAAAAAXX\r\n0\r\n\r\n", "error", [],
    "TERM.SPILL in a response body. " + CHUNK_END, SMUG("buildTermSpillPayload (response role)"))
res("chunked-ext-lf", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2;\nXX\r\n0\r\n\r\n", "error", [],
    "TERM.EXT in a response body. " + BARE_LF, SMUG("buildTermExtPayload (response role)"))
res("trailer-content-length", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\nContent-Length: 10\r\n\r\n", "error", [],
    "a framing trailer in a response: forbidden (profile).", FUNKY + " (trailers, response role)")
res("size-overflow", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nf0000000000000005\r\nhello\r\n0\r\n\r\n", "error", [],
    "chunk size overflow in a response (hyper CVE-2021-32714 class).", "hyper CVE-2021-32714 (response role)")
res("te-xchunked-no-cl", "HTTP/1.1 200 OK\r\nTransfer-Encoding: xchunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", "ok",
    [M(R200, [("Transfer-Encoding", "xchunked")], "close", "5\r\nhello\r\n0\r\n\r\n")],
    "an unknown coding in a response is close-delimited (profile), not chunked.", K19 + " (response role)")
res("te-quoted-chunked", "HTTP/1.1 200 OK\r\nTransfer-Encoding: \"chunked\"\r\n\r\n0\r\n\r\n", "error", [],
    "a bare quoted string is not a transfer-coding (token *(;param)) in a response: error.", DBOX("quoted") + " (response role)")

# ========================================================= H. extra vectors (limits, quoted-pair, routing)
add("chunk-ext-over-limit", CH + "1;" + "a" * 5000 + "\r\nZ\r\n0\r\n\r\n", "error", [],
    "an unbounded chunk extension (Node CVE-2024-22019, Go CVE-2023-39326): the chunk-size line with its extensions is limited to 4 KiB by default (profile limits).",
    "CVE-2024-22019 (Node.js / llhttp, unbounded chunk extension); " + FUNKY)
add("chunk-ext-under-limit", CH + "1;" + "a" * 3000 + "\r\nZ\r\n0\r\n\r\n", "ok", [M(PS, CHH, "chunked", "Z")],
    "control: a 3000-byte extension is under the 4 KiB default limit.", "CVE-2024-22019 (control)")
add("trailer-section-over-limit", CH + "0\r\n" + "".join("X-T%03d: %s\r\n" % (i, "v" * 100) for i in range(200)) + "\r\n", "error", [],
    "an unbounded trailer section (Puma CVE-2024-21647): the trailer section is limited to 16 KiB by default (profile limits).",
    "CVE-2024-21647 (Puma, unbounded chunked trailers)")
add("chunk-ext-quoted-pair", CH + "1;a=\"x\\\"y\"\r\nZ\r\n0\r\n\r\n", "ok", [M(PS, CHH, "chunked", "Z")],
    "a quoted-pair (backslash-quote) inside a quoted extension value is valid (RFC 9110 5.6.4); a parser that ends the string at the first '\"' sees junk after it.",
    FUNKY + " (quoted-string chunk extensions)")
add("chunk-ext-quoted-pair-cr", CH + "1;a=\"x\\\r\nZ\"\r\nZ\r\n0\r\n\r\n", "error", [],
    "a backslash followed by CR inside a quoted extension value: quoted-pair excludes CR (RFC 9110 5.6.4), and a parser that 'escapes' it keeps scanning past the line end.",
    FUNKY + " (quoted-string chunk extensions)")
add("chunk-ext-empty-value", CH + "5;a=\r\nhello\r\n0\r\n\r\n", "error", [],
    "'=' with no value: chunk-ext-val is token / quoted-string (RFC 9112 7.1.1).", FUNKY + " (chunk-extension syntax)")
add("chunk-ext-empty-name", CH + "5;=b\r\nhello\r\n0\r\n\r\n", "error", [],
    "an extension with no name: chunk-ext-name is a token (RFC 9112 7.1.1).", FUNKY + " (chunk-extension syntax)")
add("chunk-ext-several", CH + "5;a=b;c;d=\"e\"\r\nhello\r\n0\r\n\r\n", "ok", [M(PS, CHH, "chunked", "hello")],
    "several extensions on one chunk are valid; control for the extension-syntax cases.", FUNKY + " (chunk-extension syntax, control)")
apache = "GET /categories/1%20HTTP/1.1%0d%0aHost:%20localhost%0d%0a%0d%0aGET%20/SMUGGLED HTTP/1.1\r\n" + H + "\r\n"
add("apache-cve-2023-25690-encoded-crlf", apache, "ok",
    [M(["GET", "/categories/1%20HTTP/1.1%0d%0aHost:%20localhost%0d%0a%0d%0aGET%20/SMUGGLED", "HTTP/1.1"], [HV], "none", "")],
    "percent-encoded CRLF in a target is just target bytes: one request. Apache mod_rewrite/mod_proxy decoded it into the proxied request-line and split "
    "it into two requests (CVE-2023-25690); the decoder must never decode the target.",
    "CVE-2023-25690 (Apache httpd mod_proxy request splitting); payload shape from the public PoC")
add("raw-cr-in-target", "GET /a\rb HTTP/1.1\r\n" + H + "\r\n", "error", [],
    "a raw CR inside the request-target (the unencoded form of the CVE-2023-25690 splice): " + BARE_CR, "CVE-2023-25690 (raw counterpart)")
add("http09-request", "GET /\r\n\r\n", "error", [],
    "an HTTP/0.9 simple request (no version): parsers that accept it answer with a bare body, which desyncs a response queue. The profile's request-line needs HTTP/1.0 or HTTP/1.1.",
    GARDEN(9) + " (HTTP/0.9 class)")
add("host-of-troubles-dup", "GET / HTTP/1.1\r\nHost: a.example\r\nHost: b.example\r\n\r\n", "error", [],
    "two Host lines: a first-wins front-end and a last-wins back-end route to different hosts. More than one Host line is an error (RFC 9112 3.2: 400).",
    "Chen et al., 'Host of Troubles', ACM CCS 2016")
add("host-of-troubles-fold", "GET / HTTP/1.1\r\nHost: a.example\r\n b.example\r\n\r\n", "error", [],
    "a folded Host value ('a.example b.example' when unfolded). " + OBSFOLD_REQ, "Chen et al., 'Host of Troubles', ACM CCS 2016")
add("cl-vt-prefix", POST + H + "Content-Length:\x0b5\r\n\r\nhello", "error", [],
    "vertical tab as the separator before a CL value (isspace()-trimming parsers read 5). " + CTL_VAL, DEFP("midspace-0b (applied to Content-Length)"))
res("te-chunked-twice-lines", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", "error", [],
    "chunked listed twice in a response (over two lines): error (RFC 9112 6.1; profile 'chunked applied twice').", GARDEN(25, "transducer") + " (response role)")
res("te-gzip-chunked-control", "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n" + NEXT_RES, "ok",
    [M(R200, [("Transfer-Encoding", "gzip, chunked")], "chunked", "abc"), NEXT_RES_M],
    "control: chunked final after gzip frames the response; the next response follows.", K19 + " (response role, control)")
res("funky-chunk-size-lf", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\nhello\r\n0\r\n\r\n", "error", [],
    "bare LF ending a chunk-size line in a response (Go CVE-2025-22871 class). " + BARE_LF, "CVE-2025-22871 (response role)")

add("te-empty-cl", POST + H + "Transfer-Encoding: \r\nContent-Length: 5\r\n\r\nhello", "error", [],
    "an empty Transfer-Encoding with CL: a parser that ignores the empty field uses CL, one that sees TE present refuses CL. " + CLTE,
    K19 + " (empty TE); llhttp test 'POST with empty Transfer-Encoding and Content-Length'")
add("te-empty", POST + H + "Transfer-Encoding: \r\n\r\n", "error", [],
    "a request whose Transfer-Encoding lists no coding: chunked is not final, so the length cannot be determined (RFC 9112 6.3 item 3: 400).", K19 + " (empty TE)")
add("te-only-commas", POST + H + "Transfer-Encoding: ,\r\n\r\n", "error", [],
    "only empty list elements: no coding, chunked not final (400).", GARDEN(21) + " (derived: empty-element counterpart, not a published payload)")
h2c = "GET / HTTP/1.1\r\n" + H + "Upgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\nConnection: Upgrade, HTTP2-Settings\r\n\r\n"
add("h2c-upgrade-then-preface", h2c + "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", "error",
    [M(GS, [HV, ("Upgrade", "h2c"), ("HTTP2-Settings", "AAMAAABkAARAAAAAAAIAAAAA"), ("Connection", "Upgrade, HTTP2-Settings")], "none", "")],
    "a request asking for an h2c upgrade is an ordinary message: only the server's 101 switches protocols (profile framing rule 1). A proxy that "
    "forwards the upgrade and then tunnels blindly lets the client talk past it (h2c smuggling); the decoder keeps reading HTTP/1 and the "
    "HTTP/2 preface is an invalid request (HTTP/2.0).", "Jake Miller (Bishop Fox), 'h2c Smuggling: Request Smuggling Via HTTP/2 Cleartext', 2020")
res("te-identity-cl", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nTransfer-Encoding: identity\r\n\r\nhello" + NEXT_RES, "ok",
    [M(R200, [("Content-Length", "5"), ("Transfer-Encoding", "identity")], "close", "hello" + NEXT_RES)],
    "'identity' is a (no longer registered) coding in a response: TE is present and chunked is not final, so TE overrides CL and the body runs to close "
    "(RFC 9112 6.3 item 3). A client that reads 'identity' as 'no TE' uses CL 5 and sees a second response.", DBOX("dualchunk/cowComma") + " (response role)")
res("te-empty-cl", "HTTP/1.1 200 OK\r\nTransfer-Encoding: \r\nContent-Length: 5\r\n\r\nhello" + NEXT_RES, "either",
    [M(R200, [("Transfer-Encoding", ""), ("Content-Length", "5")], "close", "hello" + NEXT_RES)],
    "an empty TE in a response: the field is present with an empty list (RFC 9112 6.1 '#transfer-coding' allows it), so the body runs to close; "
    "a client ignoring the empty TE uses CL. The profile's 'anything else is an error' may also cover an empty value, so reject is allowed too.",
    K19 + " (empty TE, response role)")
res("first-line-space", "HTTP/1.1 200 OK\r\n Content-Length: 5\r\n\r\nhello", "either",
    [M(R200, [], "close", "hello")],
    "whitespace before the first field line of a response: RFC 9112 2.2 says reject, or consume the line without processing it (then there is no "
    "CL and the body runs to close). A client that strips the space reads CL 5. There is no previous line to fold into, so obs-fold does not apply.",
    K19 + " ('[space]Transfer-Encoding', response role); " + DBOX("nameprefix1"))
res("fold-hides-cl", "HTTP/1.1 200 OK\r\nX: a\r\n\tContent-Length: 5\r\n\r\nhello" + NEXT_RES, "ok",
    [M(R200, [("X", "a Content-Length: 5")], "close", "hello" + NEXT_RES)],
    "obs-fold in a response is accepted and read as one SP: 'Content-Length: 5' is part of X's value, so the body runs to close. A client that "
    "treats the HTAB line as a new field reads CL 5 and a second response.", DBOX("nameprefix2") + " (response role)")
res("te-chunked-param", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked;q=1\r\n\r\n0\r\n\r\n", "either",
    [M(R200, [("Transfer-Encoding", "chunked;q=1")], "chunked", "")],
    "a parameter on chunked in a response: the syntax fits the profile's response rule, but RFC 9112 7.1 says parameters on chunked SHOULD be "
    "treated as an error. Accept (chunked) or reject.", "Http11Probe SMUG-CHUNKED-WITH-PARAMS (https://mda2av.github.io/Http11Probe/docs/smuggling/chunked-with-params), response role")

add("garden-t4-double-space", "POST /  HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1\r0\n", "error", [],
    "Pound forwarded a request with a double SP in the request-line and an invalid chunk without its body. request-line uses single SPs (profile).",
    GARDEN(4, "transducer"))
add("garden-t11-haproxy-empty-cl", "GET / HTTP/1.1\r\nhost: whatever\r\ncontent-length: \r\ncontent-length: 59\r\n\r\nPOST /evil HTTP/1.1\r\nhost: whatever\r\ncontent-length: 34\r\n\r\nGET / HTTP/1.1\r\nhost: whatever\r\n\r\n", "error", [],
    "HAProxy forwarded an empty CL followed by CL 59 (CVE-2023-40225); a back-end reading the empty one as 0 sees 'POST /evil' as a request. An empty CL is invalid: error.",
    GARDEN(11, "transducer") + "; CVE-2023-40225 (HAProxy)")
g11 = "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nZ\r\n0\r\n\r\n"
add("garden11-double-te-lines", g11, "error", [],
    NOHOST + "Tornado treated two 'Transfer-Encoding: chunked' lines as no body (GHSA-753j-mpmx-qq6g).", GARDEN(11))
add_host("garden11-double-te-lines", g11, "error", [],
         "two TE lines combine to 'chunked, chunked': chunked applied twice is an error (RFC 9112 6.1). Tornado read no body, Pound forwarded both lines.",
         GARDEN(11) + "; " + GARDEN(25, "transducer"))

if __name__ == "__main__":
    with open(OUT, "w") as fh:
        json.dump(CASES, fh, ensure_ascii=True, indent=1)
        fh.write("\n")
    from collections import Counter
    c = Counter(x["expect"] for x in CASES)
    m = Counter(x["mode"] for x in CASES)
    print(len(CASES), dict(c), dict(m))
