#!/usr/bin/env python3
"""Build tests/corpus/response_ends.json: responses where clients and proxies
have disagreed on where a response ends (1xx sequences, answers to HEAD and
CONNECT, 204 and 304 with framing fields, close-delimited bodies, HTTP/1.0
keep-alive, Transfer-Encoding and Content-Length in every combination,
status-line edges, obs-fold, chunk extensions and trailers, pipelined
answers to mixed methods), written as corpus cases (CONFORMANCE.md section
2). Each expectation follows the strict profile (section 3) and RFC 9112 /
9110, decided by hand and checked against h11, httptools and Node's llhttp
with the shared differential tool; `either` marks what the profile leaves
open (the note says what h1wire does). Standard library only."""
import json, os

OUT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "response_ends.json")
SRC = "h1wire: response ends, a review of the client decoder against the strict profile and its peers"
files = {}


def M(start, headers=(), framing="close", body="", trailers=(), length=None):
    v, s, r = start
    m = {"start": [v, str(s), r], "headers": [list(h) for h in headers],
         "framing": framing, "body": body, "trailers": [list(t) for t in trailers],
         "complete": True}
    if length is not None:
        m["length"] = length
    return m


def case(group, id, input, expect, messages, note, methods=()):
    files.setdefault(group, []).append({
        "id": "resp-" + id, "mode": "response", "methods": list(methods),
        "input": input, "expect": expect, "messages": messages,
        "note": note, "source": SRC})


H11 = "HTTP/1.1"
H10 = "HTTP/1.0"
OK = (H11, 200, "OK")
CRLF = "\r\n"


def head(status_line, fields):
    return status_line + CRLF + "".join("%s: %s\r\n" % f for f in fields) + CRLF


def L(n):
    return ("Content-Length", str(n))


TE_CH = ("Transfer-Encoding", "chunked")
FINAL = head("HTTP/1.1 200 OK", [L(2)]) + "ok"
FINAL_M = M(OK, [L(2)], "length", "ok")

# ------------------------------------------------------------------ 1xx
G = "1xx"
case(G, "1xx-100-then-200", head("HTTP/1.1 100 Continue", []) + FINAL, "ok",
     [M((H11, 100, "Continue"), [], "none"), FINAL_M],
     "RFC 9112 6.3 rule 1 / profile framing 1: a 1xx ends with its head; the final response follows")
case(G, "1xx-102-then-200", head("HTTP/1.1 102 Processing", []) + FINAL, "ok",
     [M((H11, 102, "Processing"), [], "none"), FINAL_M],
     "RFC 9110 15.2: 102 is interim, no body (profile framing 1)")
case(G, "1xx-103-three-then-chunked",
     head("HTTP/1.1 103 Early Hints", [("Link", "</a.css>; rel=preload")])
     + head("HTTP/1.1 103 Early Hints", [("Link", "</b.js>; rel=preload")])
     + head("HTTP/1.1 103 Early Hints", [("Link", "</c.png>; rel=preload")])
     + head("HTTP/1.1 200 OK", [TE_CH]) + "3\r\nabc\r\n0\r\n\r\n", "ok",
     [M((H11, 103, "Early Hints"), [("Link", "</a.css>; rel=preload")], "none"),
      M((H11, 103, "Early Hints"), [("Link", "</b.js>; rel=preload")], "none"),
      M((H11, 103, "Early Hints"), [("Link", "</c.png>; rel=preload")], "none"),
      M(OK, [TE_CH], "chunked", "abc")],
     "RFC 9110 15.2: a server may send several 1xx before the final response; each is its own bodiless message")
case(G, "1xx-100-103-103-200",
     head("HTTP/1.1 100 Continue", []) + head("HTTP/1.1 103 Early Hints", [("Link", "</x>")])
     + head("HTTP/1.1 103 Early Hints", [("Link", "</y>")]) + FINAL, "ok",
     [M((H11, 100, "Continue"), [], "none"), M((H11, 103, "Early Hints"), [("Link", "</x>")], "none"),
      M((H11, 103, "Early Hints"), [("Link", "</y>")], "none"), FINAL_M],
     "RFC 9110 15.2: a mix of interim responses, each without body")
case(G, "1xx-100-100-200",
     head("HTTP/1.1 100 Continue", []) + head("HTTP/1.1 100 Continue", []) + FINAL, "ok",
     [M((H11, 100, "Continue"), [], "none"), M((H11, 100, "Continue"), [], "none"), FINAL_M],
     "RFC 9110 15.2: a client must be able to parse one or more 1xx before the final response, even unexpected ones")
case(G, "1xx-103-does-not-use-head-method",
     head("HTTP/1.1 103 Early Hints", [("Link", "</x>")]) + head("HTTP/1.1 200 OK", [L(5)])
     + head("HTTP/1.1 200 OK", [L(3)]) + "abc", "ok",
     [M((H11, 103, "Early Hints"), [("Link", "</x>")], "none"), M(OK, [L(5)], "none"),
      M(OK, [L(3)], "length", "abc")],
     "CONFORMANCE 1: a 1xx other than 101 does not use up a --method entry: the 200 answers HEAD (no body, RFC 9112 6.3 rule 1), the next one GET",
     methods=["HEAD", "GET"])
case(G, "1xx-100-with-cl-no-body",
     head("HTTP/1.1 100 Continue", [L(5)]) + FINAL, "ok",
     [M((H11, 100, "Continue"), [L(5)], "none"), FINAL_M],
     "RFC 9112 6.3 rule 1: a 1xx ends at the empty line regardless of header fields; its Content-Length frames nothing")
case(G, "1xx-100-with-te-chunked-no-body",
     head("HTTP/1.1 100 Continue", [TE_CH]) + FINAL, "ok",
     [M((H11, 100, "Continue"), [TE_CH], "none"), FINAL_M],
     "RFC 9112 6.3 rule 1: a 1xx has no body even with Transfer-Encoding: chunked")
case(G, "1xx-102-with-te-chunked-and-body-desync",
     head("HTTP/1.1 102 Processing", [TE_CH]) + "0\r\n\r\n" + FINAL, "error",
     [M((H11, 102, "Processing"), [TE_CH], "none")],
     "RFC 9112 6.3 rule 1: the 1xx has no body, so '0' is where the next status-line must start: not one")
case(G, "1xx-100-with-cl-and-body-desync",
     head("HTTP/1.1 100 Continue", [L(4)]) + "abcd" + FINAL, "error",
     [M((H11, 100, "Continue"), [L(4)], "none")],
     "RFC 9112 6.3 rule 1: 'abcd' is read as the next status line: invalid (a client honouring CL on 1xx would skip it)")
case(G, "1xx-103-with-invalid-cl",
     head("HTTP/1.1 103 Early Hints", [("Content-Length", "abc")]) + FINAL, "either",
     [M((H11, 103, "Early Hints"), [("Content-Length", "abc")], "none"), FINAL_M],
     "RFC 9112 6.3 rule 1 takes precedence over rule 5 (invalid CL); the profile lists invalid CL under step 3 only: accept or reject")
case(G, "1xx-100-with-conflicting-cl",
     head("HTTP/1.1 100 Continue", [L(1), L(2)]) + FINAL, "either",
     [M((H11, 100, "Continue"), [L(1), L(2)], "none"), FINAL_M],
     "RFC 9112 6.3 rule 1 precedes rule 5; differing CL on a bodiless 1xx: accept or reject")
case(G, "1xx-100-with-chunked-twice",
     head("HTTP/1.1 100 Continue", [("Transfer-Encoding", "chunked, chunked")]) + FINAL, "either",
     [M((H11, 100, "Continue"), [("Transfer-Encoding", "chunked, chunked")], "none"), FINAL_M],
     "RFC 9112 6.3 rule 1 precedes the TE rules; chunked twice on a bodiless 1xx: accept or reject")
case(G, "1xx-http10-100-with-te",
     head("HTTP/1.0 100 Continue", [TE_CH]) + FINAL, "either",
     [M((H10, 100, "Continue"), [TE_CH], "none"), FINAL_M],
     "RFC 9112 6.1: HTTP/1.0 + Transfer-Encoding is faulty framing, but rule 1 gives a 1xx no body: profile lists the 1.0 rule under step 2")
case(G, "1xx-199-unknown-interim",
     head("HTTP/1.1 199 Whatever", [("X", "y")]) + FINAL, "ok",
     [M((H11, 199, "Whatever"), [("X", "y")], "none"), FINAL_M],
     "RFC 9110 15: an unrecognised 1xx is read as a 1xx (interim), no body")
case(G, "1xx-100-empty-reason",
     "HTTP/1.1 100 \r\n\r\n" + FINAL, "ok",
     [M((H11, 100, ""), [], "none"), FINAL_M],
     "RFC 9112 4: reason may be empty, SP kept")
case(G, "1xx-100-no-sp-no-reason",
     "HTTP/1.1 100\r\n\r\n" + FINAL, "error", [],
     "profile: the SP before the reason may not be left out (RFC 9112 4 status-line grammar)")
case(G, "1xx-100-then-crlf-then-200",
     head("HTTP/1.1 103 Early Hints", []) + CRLF + FINAL, "error",
     [M((H11, 103, "Early Hints"), [], "none")],
     "profile: no empty line is skipped before a status-line")
case(G, "1xx-100-at-end-of-stream",
     head("HTTP/1.1 100 Continue", []), "ok",
     [M((H11, 100, "Continue"), [], "none")],
     "CONFORMANCE 1: the stream ends between messages: no error")
case(G, "1xx-100-then-truncated-final",
     head("HTTP/1.1 100 Continue", []) + "HTTP/1.1 200 OK\r\nContent-Len", "error",
     [M((H11, 100, "Continue"), [], "none")],
     "CONFORMANCE 1: stream ends inside a head: incomplete")
case(G, "1xx-100-before-connect-200",
     head("HTTP/1.1 100 Continue", []) + head("HTTP/1.1 200 Connection Established", []) + "\x16\x03\x01tls", "ok",
     [M((H11, 100, "Continue"), [], "none"), M((H11, 200, "Connection Established"), [], "upgrade")],
     "a 1xx does not use up the CONNECT entry; the 2xx that follows opens the tunnel (RFC 9112 6.3 rule 2)",
     methods=["CONNECT"])
case(G, "1xx-with-obs-fold",
     "HTTP/1.1 103 Early Hints\r\nLink: </a>;\r\n rel=preload\r\n\r\n" + FINAL, "ok",
     [M((H11, 103, "Early Hints"), [("Link", "</a>; rel=preload")], "none"), FINAL_M],
     "profile: obs-fold accepted in responses, read as one SP (RFC 9112 5.2)")
case(G, "1xx-interim-then-head-final-chunked",
     head("HTTP/1.1 100 Continue", []) + head("HTTP/1.1 200 OK", [TE_CH]) + FINAL, "ok",
     [M((H11, 100, "Continue"), [], "none"), M(OK, [TE_CH], "none"), FINAL_M],
     "1xx keeps the HEAD entry for the final response: chunked on it frames nothing",
     methods=["HEAD"])
case(G, "1xx-100-http10",
     head("HTTP/1.0 100 Continue", []) + head("HTTP/1.0 200 OK", [L(2)]) + "ok", "ok",
     [M((H10, 100, "Continue"), [], "none"), M((H10, 200, "OK"), [L(2)], "length", "ok")],
     "RFC 9110 15.2: a server must not send 1xx to a 1.0 client, but the syntax is valid; no body")

# 101
case(G, "101-with-upgrade",
     head("HTTP/1.1 101 Switching Protocols", [("Connection", "Upgrade"), ("Upgrade", "websocket")]) + "\x81\x05hello",
     "ok", [M((H11, 101, "Switching Protocols"), [("Connection", "Upgrade"), ("Upgrade", "websocket")], "upgrade")],
     "profile framing 1 / RFC 9110 15.2.2: 101 switches after its head; later bytes are the new protocol")
case(G, "101-without-upgrade-field",
     head("HTTP/1.1 101 Switching Protocols", []) + "xyz",
     "ok", [M((H11, 101, "Switching Protocols"), [], "upgrade")],
     "profile framing 1: 'a 101 response: upgrade' whatever its fields (RFC 9110 15.2.2: the server MUST send Upgrade; the decoder has no offer to check)")
case(G, "101-after-100",
     head("HTTP/1.1 100 Continue", []) + head("HTTP/1.1 101 Switching Protocols", [("Upgrade", "h2c")]) + "PRI *",
     "ok", [M((H11, 100, "Continue"), [], "none"), M((H11, 101, "Switching Protocols"), [("Upgrade", "h2c")], "upgrade")],
     "RFC 9110 15.2: interim 100, then the 101 switches")
case(G, "101-with-cl",
     head("HTTP/1.1 101 Switching Protocols", [("Upgrade", "ws"), L(5)]) + "hello" + FINAL,
     "ok", [M((H11, 101, "Switching Protocols"), [("Upgrade", "ws"), L(5)], "upgrade")],
     "profile framing 1: a 101 upgrades; its Content-Length frames nothing and nothing after the head is decoded")
case(G, "101-with-te-chunked",
     head("HTTP/1.1 101 Switching Protocols", [("Upgrade", "ws"), TE_CH]) + "0\r\n\r\n",
     "ok", [M((H11, 101, "Switching Protocols"), [("Upgrade", "ws"), TE_CH], "upgrade")],
     "profile framing 1: a 101 upgrades whatever Transfer-Encoding says")
case(G, "101-with-invalid-cl",
     head("HTTP/1.1 101 Switching Protocols", [("Upgrade", "ws"), ("Content-Length", "x")]) + "zz",
     "either", [M((H11, 101, "Switching Protocols"), [("Upgrade", "ws"), ("Content-Length", "x")], "upgrade")],
     "RFC 9112 6.3 rule 1/2 precede rule 5; framing fields on a 101 frame nothing: accept or reject")
case(G, "101-to-head",
     head("HTTP/1.1 101 Switching Protocols", [("Upgrade", "ws")]) + "zz",
     "ok", [M((H11, 101, "Switching Protocols"), [("Upgrade", "ws")], "upgrade")],
     "profile framing 1: a 101 upgrades whatever the method", methods=["HEAD"])
case(G, "101-to-connect",
     head("HTTP/1.1 101 Switching Protocols", [("Upgrade", "ws")]) + "zz",
     "ok", [M((H11, 101, "Switching Protocols"), [("Upgrade", "ws")], "upgrade")],
     "profile framing 1: a 101 upgrades", methods=["CONNECT"])
case(G, "101-http10",
     head("HTTP/1.0 101 Switching Protocols", [("Upgrade", "ws")]) + "zz",
     "either", [M((H10, 101, "Switching Protocols"), [("Upgrade", "ws")], "upgrade")],
     "RFC 9110 15.2: no 1xx to a 1.0 client; RFC 9110 7.8: Upgrade in 1.0 is ignored; a client may refuse a 1.0 101")
case(G, "101-then-http-bytes-not-decoded",
     head("HTTP/1.1 101 Switching Protocols", [("Upgrade", "ws")]) + "HTTP/1.1 200 OK\r\n\r\n\x00\x01",
     "ok", [M((H11, 101, "Switching Protocols"), [("Upgrade", "ws")], "upgrade")],
     "CONFORMANCE 1: after upgrade nothing more is decoded, even bytes that look like HTTP")

# ------------------------------------------------------------------ HEAD
G = "head"
NEXT = head("HTTP/1.1 200 OK", [L(3)]) + "abc"
NEXT_M = M(OK, [L(3)], "length", "abc")
case(G, "head-cl-no-body-then-get",
     head("HTTP/1.1 200 OK", [L(100)]) + NEXT, "ok",
     [M(OK, [L(100)], "none"), NEXT_M],
     "RFC 9112 6.3 rule 1: a response to HEAD ends at the empty line whatever Content-Length says", ["HEAD", "GET"])
case(G, "head-chunked-no-body-then-get",
     head("HTTP/1.1 200 OK", [TE_CH]) + NEXT, "ok",
     [M(OK, [TE_CH], "none"), NEXT_M],
     "RFC 9112 6.3 rule 1: no body for a HEAD response even if chunked", ["HEAD", "GET"])
case(G, "head-chunked-with-body-desync",
     head("HTTP/1.1 200 OK", [TE_CH]) + "0\r\n\r\n" + NEXT, "error",
     [M(OK, [TE_CH], "none")],
     "RFC 9112 6.3 rule 1: the chunked body a broken server sends after a HEAD answer is read as a status line", ["HEAD", "GET"])
case(G, "head-cl-with-body-desync",
     head("HTTP/1.1 200 OK", [L(5)]) + "hello" + NEXT, "error",
     [M(OK, [L(5)], "none")],
     "RFC 9112 6.3 rule 1: 'hello' is not a status line", ["HEAD", "GET"])
case(G, "head-no-framing-is-not-close",
     head("HTTP/1.1 200 OK", []) + NEXT, "ok",
     [M(OK, [], "none"), NEXT_M],
     "RFC 9112 6.3 rule 1 precedes rule 8: a HEAD answer without framing fields is not close-delimited", ["HEAD", "GET"])
case(G, "head-http10-no-framing",
     head("HTTP/1.0 200 OK", []) + head("HTTP/1.0 200 OK", [L(3)]) + "abc", "ok",
     [M((H10, 200, "OK"), [], "none"), M((H10, 200, "OK"), [L(3)], "length", "abc")],
     "RFC 9112 6.3 rule 1: HEAD answer, 1.0, no body", ["HEAD", "GET"])
case(G, "head-invalid-cl",
     head("HTTP/1.1 200 OK", [("Content-Length", "abc")]) + NEXT, "either",
     [M(OK, [("Content-Length", "abc")], "none"), NEXT_M],
     "RFC 9112 6.3: rule 1 (HEAD) precedes rule 5 (invalid CL); README: h1wire refuses malformed CL in any message staying in HTTP/1", ["HEAD", "GET"])
case(G, "head-conflicting-cl",
     head("HTTP/1.1 200 OK", [L(5), L(6)]) + NEXT, "either",
     [M(OK, [L(5), L(6)], "none"), NEXT_M],
     "RFC 9112 6.3 rule 1 precedes rule 5", ["HEAD", "GET"])
case(G, "head-te-gzip",
     head("HTTP/1.1 200 OK", [("Transfer-Encoding", "gzip")]) + NEXT, "ok",
     [M(OK, [("Transfer-Encoding", "gzip")], "none"), NEXT_M],
     "RFC 9112 6.3 rule 1: HEAD answer with a non-chunked coding: still no body (not close)", ["HEAD", "GET"])
case(G, "head-te-and-cl",
     head("HTTP/1.1 200 OK", [TE_CH, L(10)]) + NEXT, "ok",
     [M(OK, [TE_CH, L(10)], "none"), NEXT_M],
     "RFC 9112 6.3 rule 1: both framing fields, HEAD: no body", ["HEAD", "GET"])
case(G, "head-http10-te",
     head("HTTP/1.0 200 OK", [TE_CH]) + head("HTTP/1.0 200 OK", [L(3)]) + "abc", "either",
     [M((H10, 200, "OK"), [TE_CH], "none"), M((H10, 200, "OK"), [L(3)], "length", "abc")],
     "RFC 9112 6.1: 1.0 + TE is faulty framing ('treat as faulty ... close the connection after processing'); rule 1 gives no body; README documents refusal", ["HEAD", "GET"])
case(G, "head-404-cl",
     head("HTTP/1.1 404 Not Found", [L(9)]) + NEXT, "ok",
     [M((H11, 404, "Not Found"), [L(9)], "none"), NEXT_M],
     "RFC 9112 6.3 rule 1: any status answering HEAD has no body", ["HEAD", "GET"])
case(G, "head-head-get",
     head("HTTP/1.1 200 OK", [L(10)]) + head("HTTP/1.1 200 OK", [TE_CH]) + NEXT, "ok",
     [M(OK, [L(10)], "none"), M(OK, [TE_CH], "none"), NEXT_M],
     "pipelined HEAD, HEAD, GET: methods taken in order", ["HEAD", "HEAD", "GET"])
case(G, "head-304",
     head("HTTP/1.1 304 Not Modified", [L(10)]) + NEXT, "ok",
     [M((H11, 304, "Not Modified"), [L(10)], "none"), NEXT_M],
     "RFC 9112 6.3 rule 1", ["HEAD", "GET"])
case(G, "head-te-chunked-gzip",
     head("HTTP/1.1 200 OK", [("Transfer-Encoding", "chunked, gzip")]) + NEXT, "ok",
     [M(OK, [("Transfer-Encoding", "chunked, gzip")], "none"), NEXT_M],
     "RFC 9112 6.3 rule 1 before rule 4", ["HEAD", "GET"])
case(G, "head-te-bad-grammar",
     head("HTTP/1.1 200 OK", [("Transfer-Encoding", "chunked gzip")]) + NEXT, "either",
     [M(OK, [("Transfer-Encoding", "chunked gzip")], "none"), NEXT_M],
     "RFC 9112 6.3 rule 1 precedes the TE rules; malformed TE on a HEAD answer: accept or reject", ["HEAD", "GET"])
case(G, "head-lowercase-method-is-not-head",
     head("HTTP/1.1 200 OK", [L(3)]) + "abc", "ok",
     [M(OK, [L(3)], "length", "abc")],
     "RFC 9110 9.1: methods are case-sensitive; 'head' is not HEAD, the response has its body", ["head"])
case(G, "head-cl-dup-identical",
     head("HTTP/1.1 200 OK", [L(7), L(7)]) + NEXT, "either",
     [M(OK, [L(7), L(7)], "none"), NEXT_M],
     "profile: identical duplicates either; HEAD: no body", ["HEAD", "GET"])
case(G, "head-then-close-delimited-get",
     head("HTTP/1.1 200 OK", [L(3)]) + head("HTTP/1.1 200 OK", []) + "tail", "ok",
     [M(OK, [L(3)], "none"), M(OK, [], "close", "tail")],
     "HEAD answer no body; GET answer without framing reads to close (rule 8)", ["HEAD", "GET"])
case(G, "head-cl-huge",
     head("HTTP/1.1 200 OK", [("Content-Length", "18446744073709551615")]) + NEXT, "ok",
     [M(OK, [("Content-Length", "18446744073709551615")], "none"), NEXT_M],
     "RFC 9110 8.6: a HEAD answer's CL gives the GET size; fits u64; no body", ["HEAD", "GET"])
case(G, "head-cl-overflow",
     head("HTTP/1.1 200 OK", [("Content-Length", "18446744073709551616")]) + NEXT, "either",
     [M(OK, [("Content-Length", "18446744073709551616")], "none"), NEXT_M],
     "CL beyond u64 on a HEAD answer: rule 1 precedes rule 5; accept or reject", ["HEAD", "GET"])

# ------------------------------------------------------------------ 204/304/205
G = "nobody"
case(G, "204-cl-then-next",
     head("HTTP/1.1 204 No Content", [L(5)]) + NEXT, "ok",
     [M((H11, 204, "No Content"), [L(5)], "none"), NEXT_M],
     "RFC 9112 6.3 rule 1: 204 ends at the empty line")
case(G, "204-cl-with-body-desync",
     head("HTTP/1.1 204 No Content", [L(5)]) + "hello" + NEXT, "error",
     [M((H11, 204, "No Content"), [L(5)], "none")],
     "RFC 9112 6.3 rule 1: the 5 bytes are read as a status line")
case(G, "204-chunked-then-next",
     head("HTTP/1.1 204 No Content", [TE_CH]) + NEXT, "ok",
     [M((H11, 204, "No Content"), [TE_CH], "none"), NEXT_M],
     "RFC 9112 6.3 rule 1: no body although chunked")
case(G, "204-chunked-with-last-chunk-desync",
     head("HTTP/1.1 204 No Content", [TE_CH]) + "0\r\n\r\n" + NEXT, "error",
     [M((H11, 204, "No Content"), [TE_CH], "none")],
     "RFC 9112 6.3 rule 1: '0' is not a status line")
case(G, "204-cl-0",
     head("HTTP/1.1 204 No Content", [L(0)]), "ok",
     [M((H11, 204, "No Content"), [L(0)], "none")], "RFC 9112 6.3 rule 1")
case(G, "204-invalid-cl",
     head("HTTP/1.1 204 No Content", [("Content-Length", "-1")]) + NEXT, "either",
     [M((H11, 204, "No Content"), [("Content-Length", "-1")], "none"), NEXT_M],
     "rule 1 precedes rule 5: invalid CL on a 204: accept or reject")
case(G, "204-te-gzip",
     head("HTTP/1.1 204 No Content", [("Transfer-Encoding", "gzip")]) + NEXT, "ok",
     [M((H11, 204, "No Content"), [("Transfer-Encoding", "gzip")], "none"), NEXT_M],
     "rule 1 precedes rule 4: no body, not close")
case(G, "204-http10",
     head("HTTP/1.0 204 No Content", []) + head("HTTP/1.0 200 OK", [L(3)]) + "abc", "ok",
     [M((H10, 204, "No Content"), [], "none"), M((H10, 200, "OK"), [L(3)], "length", "abc")],
     "rule 1: 204 no body in 1.0 too")
case(G, "204-http10-te",
     head("HTTP/1.0 204 No Content", [TE_CH]) + head("HTTP/1.0 200 OK", [L(3)]) + "abc", "either",
     [M((H10, 204, "No Content"), [TE_CH], "none"), M((H10, 200, "OK"), [L(3)], "length", "abc")],
     "RFC 9112 6.1 (1.0 + TE faulty) vs rule 1 (no body): README documents refusal")
case(G, "204-204-200",
     head("HTTP/1.1 204 No Content", []) + head("HTTP/1.1 204 No Content", [TE_CH]) + NEXT, "ok",
     [M((H11, 204, "No Content"), [], "none"), M((H11, 204, "No Content"), [TE_CH], "none"), NEXT_M],
     "pipelined bodiless responses")
case(G, "304-cl-then-next",
     head("HTTP/1.1 304 Not Modified", [L(1234), ("ETag", '"x"')]) + NEXT, "ok",
     [M((H11, 304, "Not Modified"), [L(1234), ("ETag", '"x"')], "none"), NEXT_M],
     "RFC 9112 6.3 rule 1 / RFC 9110 8.6: 304's CL is the selected representation's size")
case(G, "304-chunked-then-next",
     head("HTTP/1.1 304 Not Modified", [TE_CH]) + NEXT, "ok",
     [M((H11, 304, "Not Modified"), [TE_CH], "none"), NEXT_M], "rule 1")
case(G, "304-with-body-desync",
     head("HTTP/1.1 304 Not Modified", [L(4)]) + "body" + NEXT, "error",
     [M((H11, 304, "Not Modified"), [L(4)], "none")], "rule 1: 'body' is not a status line")
case(G, "304-te-and-cl",
     head("HTTP/1.1 304 Not Modified", [TE_CH, L(3)]) + NEXT, "ok",
     [M((H11, 304, "Not Modified"), [TE_CH, L(3)], "none"), NEXT_M], "rule 1 before rule 3")
case(G, "304-cl-list-dup",
     head("HTTP/1.1 304 Not Modified", [("Content-Length", "5, 5")]) + NEXT, "either",
     [M((H11, 304, "Not Modified"), [("Content-Length", "5, 5")], "none"), NEXT_M],
     "profile: identical CL values either")
case(G, "205-no-framing-close",
     head("HTTP/1.1 205 Reset Content", []) + "", "ok",
     [M((H11, 205, "Reset Content"), [], "close")],
     "RFC 9112 6.3: 205 is not in rule 1; without framing fields it reads to close (rule 8)")
case(G, "205-cl-0-then-next",
     head("HTTP/1.1 205 Reset Content", [L(0)]) + NEXT, "ok",
     [M((H11, 205, "Reset Content"), [L(0)], "length"), NEXT_M],
     "RFC 9110 15.3.6 + RFC 9112 6.3 rule 6: 205 framed by CL 0")
case(G, "205-cl-3",
     head("HTTP/1.1 205 Reset Content", [L(3)]) + "abc", "ok",
     [M((H11, 205, "Reset Content"), [L(3)], "length", "abc")],
     "RFC 9112 6.3: a 205's framing comes from its fields (content is a sender error only)")
case(G, "status-2040",
     "HTTP/1.1 2040 No Content\r\n\r\n", "error", [],
     "RFC 9112 4: status-code = 3DIGIT followed by SP")
case(G, "status-204-reason-prefix",
     "HTTP/1.1 204No Content\r\n\r\n", "error", [],
     "RFC 9112 4: SP required after the status code")
case(G, "304-to-get-no-fields",
     head("HTTP/1.1 304 Not Modified", []), "ok",
     [M((H11, 304, "Not Modified"), [], "none")], "rule 1")
case(G, "204-to-connect-upgrades",
     head("HTTP/1.1 204 No Content", []) + "tunnel", "ok",
     [M((H11, 204, "No Content"), [], "upgrade")],
     "RFC 9112 6.3 rule 2: any 2xx to CONNECT is a tunnel after the empty line; profile framing 1", ["CONNECT"])

# ------------------------------------------------------------------ close-delimited
G = "close"
case(G, "close-basic",
     head("HTTP/1.1 200 OK", [("Content-Type", "text/plain")]) + "hello world", "ok",
     [M(OK, [("Content-Type", "text/plain")], "close", "hello world")],
     "RFC 9112 6.3 rule 8: no CL, no TE: read to close")
case(G, "close-body-contains-response",
     head("HTTP/1.1 200 OK", []) + NEXT, "ok",
     [M(OK, [], "close", NEXT)],
     "rule 8: everything up to close is body, including bytes that look like a response")
case(G, "close-empty-body",
     head("HTTP/1.1 200 OK", []), "ok", [M(OK, [], "close", "")], "rule 8: empty close-delimited body")
case(G, "close-500",
     head("HTTP/1.1 500 Internal Server Error", []) + "oops", "ok",
     [M((H11, 500, "Internal Server Error"), [], "close", "oops")], "rule 8")
case(G, "close-binary-body",
     head("HTTP/1.1 200 OK", []) + "\x00\r\n\r\r\n\n\xff", "ok",
     [M(OK, [], "close", "\x00\r\n\r\r\n\n\xff")], "rule 8: body bytes are opaque")
case(G, "close-http10",
     head("HTTP/1.0 200 OK", []) + "data", "ok",
     [M((H10, 200, "OK"), [], "close", "data")], "rule 8, HTTP/1.0")
case(G, "close-http10-keepalive-no-cl",
     head("HTTP/1.0 200 OK", [("Connection", "keep-alive")]) + NEXT, "ok",
     [M((H10, 200, "OK"), [("Connection", "keep-alive")], "close", NEXT)],
     "rule 8: keep-alive without a length cannot delimit: body to close")
case(G, "close-te-gzip-with-chunklike-body",
     head("HTTP/1.1 200 OK", [("Transfer-Encoding", "gzip")]) + "5\r\nhello\r\n0\r\n\r\n", "ok",
     [M(OK, [("Transfer-Encoding", "gzip")], "close", "5\r\nhello\r\n0\r\n\r\n")],
     "rule 4: final coding not chunked: read to close; nothing is de-chunked")
case(G, "close-after-1xx",
     head("HTTP/1.1 100 Continue", []) + head("HTTP/1.1 200 OK", []) + "x", "ok",
     [M((H11, 100, "Continue"), [], "none"), M(OK, [], "close", "x")], "rule 1 then rule 8")
case(G, "close-connection-close-chunked",
     head("HTTP/1.1 200 OK", [("Connection", "close"), TE_CH]) + "1\r\na\r\n0\r\n\r\n", "ok",
     [M(OK, [("Connection", "close"), TE_CH], "chunked", "a")],
     "Connection: close does not change framing: chunked")
case(G, "close-connection-close-cl-then-more",
     head("HTTP/1.1 200 OK", [("Connection", "close"), L(1)]) + "a" + NEXT, "either",
     [M(OK, [("Connection", "close"), L(1)], "length", "a"), NEXT_M],
     "RFC 9112 9.6: after a response with close the client closes; bytes after it: stop or go on (profile's request rule mirrored)")
case(G, "close-http10-cl-no-keepalive-then-more",
     head("HTTP/1.0 200 OK", [L(1)]) + "a" + NEXT, "either",
     [M((H10, 200, "OK"), [L(1)], "length", "a"), NEXT_M],
     "RFC 9112 9.3: 1.0 without keep-alive is not persistent; bytes after: stop or go on")
case(G, "cl-truncated-body",
     head("HTTP/1.1 200 OK", [L(10)]) + "abc", "error", [],
     "CONFORMANCE 1: stream ends inside a length body: incomplete (RFC 9112 8)")
case(G, "chunked-truncated-body",
     head("HTTP/1.1 200 OK", [TE_CH]) + "5\r\nab", "error", [],
     "RFC 9112 8: incomplete chunked body")
case(G, "chunked-truncated-no-last-crlf",
     head("HTTP/1.1 200 OK", [TE_CH]) + "0\r\n", "error", [],
     "RFC 9112 7.1: last-chunk then trailer-section CRLF missing: incomplete")
case(G, "truncated-status-line",
     "HTTP/1.1 20", "error", [], "incomplete start line")
case(G, "empty-input",
     "", "ok", [], "no bytes: no messages, no error")
case(G, "close-after-head-answer",
     head("HTTP/1.1 200 OK", [L(4)]) + head("HTTP/1.1 200 OK", []) + "rest", "ok",
     [M(OK, [L(4)], "none"), M(OK, [], "close", "rest")], "rule 1 then rule 8", ["HEAD"])
case(G, "close-trailing-crlf-after-length",
     head("HTTP/1.1 200 OK", [L(1)]) + "a\r\n", "either",
     [M(OK, [L(1)], "length", "a")],
     "profile: no empty line skipped before a status line; a lone CRLF at the end: error or nothing")
case(G, "close-301",
     head("HTTP/1.1 301 Moved Permanently", [("Location", "http://x/")]) + "<html>", "ok",
     [M((H11, 301, "Moved Permanently"), [("Location", "http://x/")], "close", "<html>")], "rule 8")

# ------------------------------------------------------------------ HTTP/1.0
G = "http10"
case(G, "http10-keepalive-cl-pipelined",
     head("HTTP/1.0 200 OK", [("Connection", "keep-alive"), L(2)]) + "hi"
     + head("HTTP/1.0 200 OK", [L(3)]) + "abc", "ok",
     [M((H10, 200, "OK"), [("Connection", "keep-alive"), L(2)], "length", "hi"),
      M((H10, 200, "OK"), [L(3)], "length", "abc")], "RFC 9112 9.3: 1.0 keep-alive with CL")
case(G, "http10-keepalive-mixed-case",
     head("HTTP/1.0 200 OK", [("Connection", "Keep-Alive"), L(0)]) + NEXT, "ok",
     [M((H10, 200, "OK"), [("Connection", "Keep-Alive"), L(0)], "length"), NEXT_M],
     "RFC 9110 7.6.1: connection options are case-insensitive")
case(G, "http10-te-chunked",
     head("HTTP/1.0 200 OK", [TE_CH]) + "1\r\na\r\n0\r\n\r\n", "error", [],
     "RFC 9112 6.1 / profile framing 2: Transfer-Encoding in HTTP/1.0: error")
case(G, "http10-te-and-cl",
     head("HTTP/1.0 200 OK", [TE_CH, L(3)]) + "abc", "error", [],
     "RFC 9112 6.1: faulty 'even if a Content-Length is present'")
case(G, "http10-cl-and-te",
     head("HTTP/1.0 200 OK", [L(3), TE_CH]) + "abc", "error", [],
     "RFC 9112 6.1, order reversed")
case(G, "http10-te-gzip",
     head("HTTP/1.0 200 OK", [("Transfer-Encoding", "gzip")]) + "abc", "error", [],
     "profile framing 2: any TE in 1.0 is an error")
case(G, "http10-te-identity",
     head("HTTP/1.0 200 OK", [("Transfer-Encoding", "identity")]) + "abc", "error", [],
     "profile framing 2: any TE in 1.0")
case(G, "http10-te-empty",
     "HTTP/1.0 200 OK\r\nTransfer-Encoding: \r\n\r\nabc", "error", [],
     "profile framing 2: the field is present (empty list) in 1.0")
case(G, "http10-304",
     head("HTTP/1.0 304 Not Modified", [L(10)]) + head("HTTP/1.0 200 OK", [L(1)]) + "a", "ok",
     [M((H10, 304, "Not Modified"), [L(10)], "none"), M((H10, 200, "OK"), [L(1)], "length", "a")], "rule 1")
case(G, "http10-cl-dup",
     head("HTTP/1.0 200 OK", [("Content-Length", "2, 2")]) + "hi", "either",
     [M((H10, 200, "OK"), [("Content-Length", "2, 2")], "length", "hi")], "profile: identical CL values either")
case(G, "http10-close-explicit",
     head("HTTP/1.0 200 OK", [("Connection", "close")]) + "all of it", "ok",
     [M((H10, 200, "OK"), [("Connection", "close")], "close", "all of it")], "rule 8")
case(G, "http10-then-http11",
     head("HTTP/1.0 200 OK", [("Connection", "keep-alive"), L(1)]) + "a" + NEXT, "ok",
     [M((H10, 200, "OK"), [("Connection", "keep-alive"), L(1)], "length", "a"), NEXT_M],
     "each response carries its own version")
case(G, "http10-te-in-second-header-line",
     head("HTTP/1.0 200 OK", [L(3), ("X", "y"), ("transfer-encoding", "chunked")]) + "abc", "error", [],
     "RFC 9112 6.1; field names case-insensitive")
case(G, "http10-connect-200-te-ignored",
     head("HTTP/1.0 200 Connection established", [TE_CH]) + "tls", "ok",
     [M((H10, 200, "Connection established"), [TE_CH], "upgrade")],
     "RFC 9110 9.3.6: client MUST ignore CL/TE in a 2xx to CONNECT; README: not read", ["CONNECT"])

# ------------------------------------------------------------------ Transfer-Encoding
G = "te"
BODY_CH = "3\r\nabc\r\n0\r\n\r\n"
def te_case(id, values, body, expect, framing, mbody, note, trailers=()):
    fields = [("Transfer-Encoding", v) for v in values]
    msgs = [M(OK, fields, framing, mbody, trailers)] if expect != "error" else []
    case(G, id, head("HTTP/1.1 200 OK", fields) + body, expect, msgs, note)

te_case("te-gzip-close", ["gzip"], "abc", "ok", "close", "abc",
        "RFC 9112 6.3 rule 4: final coding not chunked: read to close")
te_case("te-chunked-gzip-close", ["chunked, gzip"], BODY_CH, "ok", "close", BODY_CH,
        "rule 4: chunked not final: close; raw bytes")
te_case("te-gzip-chunked", ["gzip, chunked"], BODY_CH, "ok", "chunked", "abc",
        "rule 4: chunked final: chunked")
te_case("te-identity-close", ["identity"], "abc", "ok", "close", "abc",
        "profile framing 2 (response): any coding of the grammar; not chunked: close")
te_case("te-two-lines-chunked-then-gzip", ["chunked", "gzip"], BODY_CH, "ok", "close", BODY_CH,
        "RFC 9110 5.3: lines combine to 'chunked, gzip': chunked not final: close")
te_case("te-two-lines-gzip-then-chunked", ["gzip", "chunked"], BODY_CH, "ok", "chunked", "abc",
        "RFC 9110 5.3: lines combine to 'gzip, chunked'")
te_case("te-chunked-twice-list", ["chunked, chunked"], BODY_CH, "error", None, None,
        "RFC 9112 7: chunked applied twice: error")
te_case("te-chunked-twice-lines", ["chunked", "chunked"], BODY_CH, "error", None, None,
        "RFC 9112 7 across lines: error")
te_case("te-chunked-trailing-comma", ["chunked,"], BODY_CH, "ok", "chunked", "abc",
        "profile: empty list elements ignored (RFC 9110 5.6.1)")
te_case("te-leading-comma-chunked", [", chunked"], BODY_CH, "ok", "chunked", "abc",
        "RFC 9110 5.6.1: empty elements ignored")
te_case("te-empty-value", [""], "abc", "ok", "close", "abc",
        "TE present with an empty list: chunked not final: rule 4 close (profile 'otherwise in a response: close')")
te_case("te-chunked-with-param", ["chunked;foo=bar"], BODY_CH, "either", "chunked", "abc",
        "profile response grammar admits token;param; chunked has no parameters (IANA); README: h1wire refuses chunked with parameters")
te_case("te-quoted-comma-not-split", ['gzip;q="a,chunked"'], "abc", "ok", "close", "abc",
        "profile: commas inside a quoted-string do not split the list: final coding gzip: close")
te_case("te-quoted-then-chunked", ['gzip;q="a,b", chunked'], BODY_CH, "ok", "chunked", "abc",
        "profile grammar: parameter with quoted-string, then chunked final")
te_case("te-space-separated", ["chunked gzip"], "abc", "error", None, None,
        "profile: anything outside the grammar is an error")
te_case("te-chunk-typo", ["chunk"], BODY_CH, "ok", "close", BODY_CH,
        "unknown coding 'chunk' in a response: grammar ok, not chunked: close")
te_case("te-Chunked-case", ["Chunked"], BODY_CH, "ok", "chunked", "abc",
        "RFC 9112 7: coding names are case-insensitive")
te_case("te-CHUNKED-upper", ["CHUNKED"], BODY_CH, "ok", "chunked", "abc", "case-insensitive")
te_case("te-custom-then-chunked", ["x-custom, chunked"], BODY_CH, "ok", "chunked", "abc",
        "profile: response codings by grammar only")
te_case("te-param-bws", ["gzip;q = 1, chunked"], BODY_CH, "error", None, None,
        "profile grammar: no whitespace around '=' in a transfer-parameter")
te_case("te-unterminated-quote", ['gzip;a="x, chunked'], BODY_CH, "error", None, None,
        "profile grammar: unterminated quoted-string")
te_case("te-param-no-value", ["gzip;q, chunked"], BODY_CH, "error", None, None,
        "profile grammar: a parameter is token=value")
te_case("te-chunked-identity", ["chunked, identity"], BODY_CH, "ok", "close", BODY_CH,
        "rule 4: chunked not final")
te_case("te-xchunked", ["xchunked"], BODY_CH, "ok", "close", BODY_CH, "not chunked: close")
te_case("te-chunkedchunked", ["chunkedchunked"], BODY_CH, "ok", "close", BODY_CH, "one token, not chunked: close")
case(G, "te-chunked-tab-ows", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\t\r\n\r\n" + BODY_CH, "ok",
     [M(OK, [TE_CH], "chunked", "abc")], "RFC 9112 5: trailing OWS is not part of the value")
te_case("te-param-ows-semicolon", ["gzip ; q=1, chunked"], BODY_CH, "ok", "chunked", "abc",
        "profile grammar: OWS around ';' allowed")
te_case("te-quoted-escaped-quote", ['gzip;a="x\\",chunked", chunked'], BODY_CH, "ok", "chunked", "abc",
        "quoted-pair keeps the string open past the escaped quote; then chunked final")
te_case("te-bare-comma-list", [",,,"], "abc", "ok", "close", "abc",
        "only empty elements: no coding, chunked not final: close")
te_case("te-nul-in-value", ["chunked\x00"], BODY_CH, "error", None, None,
        "profile: NUL never in a field value")
case(G, "te-space-before-colon",
     "HTTP/1.1 200 OK\r\nTransfer-Encoding : chunked\r\n\r\n" + BODY_CH, "error", [],
     "RFC 9112 5.1: no whitespace between field name and colon: reject")
case(G, "te-underscore-name",
     "HTTP/1.1 200 OK\r\nTransfer_Encoding: chunked\r\n\r\n" + BODY_CH, "ok",
     [M(OK, [("Transfer_Encoding", "chunked")], "close", BODY_CH)],
     "a different field: not Transfer-Encoding; rule 8 close")
case(G, "te-lowercase-name",
     "HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n" + BODY_CH, "ok",
     [M(OK, [("transfer-encoding", "chunked")], "chunked", "abc")], "field names case-insensitive")
case(G, "te-obs-fold-into-chunked",
     "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip,\r\n chunked\r\n\r\n" + BODY_CH, "ok",
     [M(OK, [("Transfer-Encoding", "gzip, chunked")], "chunked", "abc")],
     "profile: obs-fold in a response reads as one SP: 'gzip, chunked'")
case(G, "te-obs-fold-empty-first-line",
     "HTTP/1.1 200 OK\r\nTransfer-Encoding:\r\n chunked\r\n\r\n" + BODY_CH, "ok",
     [M(OK, [("Transfer-Encoding", "chunked")], "chunked", "abc")],
     "profile: fold as one SP gives ' chunked', OWS trimmed: chunked")

# TE + CL
def tecl(id, fields, body, expect, framing, mbody, note, methods=()):
    msgs = [M(OK, fields, framing, mbody)] if expect != "error" else []
    case(G, id, head("HTTP/1.1 200 OK", fields) + body, expect, msgs, note, methods)
tecl("tecl-cl-first", [L(100), TE_CH], BODY_CH, "ok", "chunked", "abc",
     "RFC 9112 6.3 rule 3 / profile: in a response TE overrides CL")
tecl("tecl-te-first", [TE_CH, L(1)], BODY_CH, "ok", "chunked", "abc", "rule 3: TE overrides CL")
tecl("tecl-gzip-cl", [("Transfer-Encoding", "gzip"), L(3)], "abcdef", "ok", "close", "abcdef",
     "rule 3 then rule 4: CL ignored, read to close")
tecl("tecl-cl-zero-chunked", [L(0), TE_CH], BODY_CH, "ok", "chunked", "abc", "TE overrides CL 0")
tecl("tecl-invalid-cl-with-te", [("Content-Length", "abc"), TE_CH], BODY_CH, "either", "chunked", "abc",
     "RFC 9112 6.3 rule 3 precedes rule 5 (invalid CL only matters without TE); profile lists invalid CL under step 3")
tecl("tecl-conflicting-cl-with-te", [L(1), L(2), TE_CH], BODY_CH, "either", "chunked", "abc",
     "rule 3 precedes rule 5: differing CLs with TE")
tecl("tecl-both-chunked-not-final", [L(3), ("Transfer-Encoding", "chunked, gzip")], "abcdef", "ok", "close", "abcdef",
     "rule 3 overrides CL, rule 4 close")

# ------------------------------------------------------------------ Content-Length
G = "cl"
def cl(id, values, body, expect, mbody, note, rest=""):
    fields = [("Content-Length", v) for v in values]
    msgs = [M(OK, fields, "length", mbody)] if expect != "error" else []
    case(G, id, head("HTTP/1.1 200 OK", fields) + body + rest, expect, msgs, note)
cl("cl-two-lines-identical", ["5", "5"], "hello", "either", "hello", "profile framing 3: identical values either")
cl("cl-list-identical", ["5, 5"], "hello", "either", "hello", "profile: 'Content-Length: 5, 5' either")
cl("cl-list-three", ["5,5,5"], "hello", "either", "hello", "identical list either")
cl("cl-line-and-list", ["5", "5, 5"], "hello", "either", "hello", "identical across line and list: either")
cl("cl-two-lines-differ", ["5", "6"], "hello!", "error", None, "RFC 9112 6.3 rule 5: differing: error")
cl("cl-list-differ", ["5, 6"], "hello!", "error", None, "rule 5: differing list: error")
cl("cl-list-trailing-comma", ["5,"], "hello", "error", None,
   "profile: CL is 1*DIGIT; 'any invalid one is an error'")
cl("cl-empty", [""], "", "error", None, "1*DIGIT: empty invalid")
cl("cl-plus", ["+5"], "hello", "error", None, "no sign")
cl("cl-minus", ["-1"], "", "error", None, "no sign")
cl("cl-hex", ["0x5"], "hello", "error", None, "decimal only")
cl("cl-inner-space", ["1 0"], "0123456789", "error", None, "no spaces inside")
cl("cl-leading-zeros", ["005"], "hello", "ok", "hello", "profile: leading zeros are fine")
cl("cl-u64-max-truncated", ["18446744073709551615"], "abc", "error", None,
   "fits u64, body then cut short: incomplete")
cl("cl-overflow", ["18446744073709551616"], "abc", "error", None, "does not fit u64: error")
cl("cl-exponent", ["1e3"], "abc", "error", None, "1*DIGIT")
cl("cl-zero-and-double-zero", ["0", "00"], "", "either", "",
   "identical decimal values written differently: duplicate (either)", rest="")
cl("cl-decimal-point", ["5.0"], "hello", "error", None, "1*DIGIT")
case(G, "cl-ows-around-value",
     "HTTP/1.1 200 OK\r\nContent-Length: \t5 \t\r\n\r\nhello", "ok",
     [M(OK, [("Content-Length", "5")], "length", "hello")],
     "RFC 9112 5: OWS around the field value is not part of it")
case(G, "cl-space-before-colon",
     "HTTP/1.1 200 OK\r\nContent-Length : 5\r\n\r\nhello", "error", [],
     "RFC 9112 5.1: whitespace before colon: reject")
case(G, "cl-body-longer-then-garbage",
     head("HTTP/1.1 200 OK", [L(3)]) + "abcdef", "error",
     [M(OK, [L(3)], "length", "abc")],
     "after 3 bytes the next status line must start: 'def' is not one")
case(G, "cl-obs-fold-splits-digits",
     "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n 0\r\n\r\n0123456789", "error", [],
     "profile: fold reads as SP: '1 0' is not 1*DIGIT")
case(G, "cl-obs-fold-value-on-next-line",
     "HTTP/1.1 200 OK\r\nContent-Length:\r\n 5\r\n\r\nhello", "ok",
     [M(OK, [("Content-Length", "5")], "length", "hello")],
     "profile: fold as one SP gives ' 5', OWS trimmed: 5")
case(G, "cl-lowercase-upper",
     "HTTP/1.1 200 OK\r\nCONTENT-LENGTH: 2\r\n\r\nhi", "ok",
     [M(OK, [("CONTENT-LENGTH", "2")], "length", "hi")], "names case-insensitive")
case(G, "cl-two-lines-identical-then-next",
     head("HTTP/1.1 200 OK", [L(2), L(2)]) + "hi" + NEXT, "either",
     [M(OK, [L(2), L(2)], "length", "hi"), NEXT_M], "identical duplicates either; pipelined")
case(G, "cl-zero-then-next",
     head("HTTP/1.1 200 OK", [L(0)]) + NEXT, "ok", [M(OK, [L(0)], "length"), NEXT_M], "CL 0: empty body")
case(G, "cl-name-with-suffix",
     "HTTP/1.1 200 OK\r\nContent-Length-X: 5\r\n\r\nhello", "ok",
     [M(OK, [("Content-Length-X", "5")], "close", "hello")], "a different field: rule 8 close")

# ------------------------------------------------------------------ status lines
G = "status"
def st(id, line, expect, start=None, note="", fields=((L(0)),)):
    fields = list(fields)
    inp = line + CRLF + "".join("%s: %s\r\n" % f for f in fields) + CRLF
    msgs = [M(start, fields, "length")] if expect != "error" else []
    case(G, id, inp, expect, msgs, note)
st("status-reason-obs-text", "HTTP/1.1 200 \xc3\xa9\x80\xff", "ok", (H11, 200, "\xc3\xa9\x80\xff"),
   "RFC 9112 4: reason-phrase allows obs-text")
st("status-reason-htab", "HTTP/1.1 200 O\tK", "ok", (H11, 200, "O\tK"), "reason-phrase allows HTAB")
st("status-reason-del", "HTTP/1.1 200 O\x7fK", "error", None, "DEL is not VCHAR: invalid reason")
st("status-reason-ctl-01", "HTTP/1.1 200 O\x01K", "error", None, "control byte in reason")
st("status-reason-nul", "HTTP/1.1 200 \x00", "error", None, "NUL in reason")
st("status-reason-esc", "HTTP/1.1 200 \x1b[31mRED", "error", None, "ESC control byte in reason")
st("status-reason-trailing-spaces", "HTTP/1.1 200 OK  ", "ok", (H11, 200, "OK  "),
   "profile: reason is everything after the SP, untrimmed")
st("status-reason-leading-space", "HTTP/1.1 200  OK", "ok", (H11, 200, " OK"),
   "profile: one SP then reason ' OK'")
st("status-reason-only-spaces", "HTTP/1.1 200   ", "ok", (H11, 200, "  "), "reason of spaces")
st("status-empty-reason", "HTTP/1.1 404 ", "ok", (H11, 404, ""), "RFC 9112 4: [ reason-phrase ]")
st("status-no-sp-no-reason", "HTTP/1.1 404", "error", None, "profile: SP before reason required")
st("status-missing-sp-after-version", "HTTP/1.1200 OK", "error", None, "SP required")
st("status-tab-after-version", "HTTP/1.1\t200 OK", "error", None, "single SP only")
st("status-tab-after-code", "HTTP/1.1 200\tOK", "error", None, "SP required after the code")
st("status-999", "HTTP/1.1 999 Whatever", "ok", (H11, 999, "Whatever"), "3DIGIT; profile accepts 600-999")
st("status-100-with-length", "HTTP/1.1 599 Net", "ok", (H11, 599, "Net"), "3DIGIT 599")
st("status-099", "HTTP/1.1 099 X", "either", (H11, 99, "X"),
   "3DIGIT but outside 100-599: RFC 9110 15 'SHOULD process as 5xx'; profile corpus: either")
st("status-000", "HTTP/1.1 000 X", "either", (H11, 0, "X"), "3DIGIT, outside 100-599: either")
st("status-two-digits", "HTTP/1.1 20 OK", "error", None, "3DIGIT")
st("status-four-digits", "HTTP/1.1 2000 OK", "error", None, "3DIGIT then SP")
st("status-leading-zero-4", "HTTP/1.1 0200 OK", "error", None, "3DIGIT then SP: '020' then '0'")
st("status-alpha", "HTTP/1.1 20a OK", "error", None, "DIGIT")
st("status-fullwidth-digit", "HTTP/1.1 2\xef\xbc\x90\xef\xbc\x90 OK", "error", None, "only ASCII DIGIT")
st("status-plus-sign", "HTTP/1.1 +20 OK", "error", None, "DIGIT")
st("status-space-before-code", "HTTP/1.1  200 OK", "error", None, "single SP")
st("version-1-2", "HTTP/1.2 200 OK", "error", None, "profile: only HTTP/1.0 and HTTP/1.1")
st("version-1-9", "HTTP/1.9 200 OK", "error", None, "profile: only 1.0/1.1")
st("version-2-0", "HTTP/2.0 200 OK", "error", None, "profile: only 1.0/1.1")
st("version-3-0", "HTTP/3 200 OK", "error", None, "HTTP-version = HTTP/DIGIT.DIGIT")
st("version-0-9", "HTTP/0.9 200 OK", "error", None, "profile")
st("version-leading-zero-major", "HTTP/01.1 200 OK", "error", None, "DIGIT.DIGIT exactly")
st("version-leading-zero-minor", "HTTP/1.01 200 OK", "error", None, "DIGIT.DIGIT exactly")
st("version-lowercase", "Http/1.1 200 OK", "error", None, "HTTP-name is case-sensitive (RFC 9112 2.3)")
st("version-space", "HTTP /1.1 200 OK", "error", None, "no space in version")
st("version-missing", "200 OK", "error", None, "status-line starts with HTTP-version")
st("version-icy", "ICY 200 OK", "error", None, "SHOUTcast reply is not HTTP/1")
st("status-line-leading-space", " HTTP/1.1 200 OK", "error", None, "no leading whitespace")
case(G, "status-line-bare-lf",
     "HTTP/1.1 200 OK\nContent-Length: 0\r\n\r\n", "error", [], "profile: bare LF is an error")
case(G, "status-line-lf-before",
     "\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", "error", [], "profile: nothing skipped before a status line")
case(G, "status-reason-bare-cr",
     "HTTP/1.1 200 O\rK\r\nContent-Length: 0\r\n\r\n", "error", [], "profile: CR not followed by LF")
case(G, "status-reason-too-long",
     "HTTP/1.1 200 " + "a" * 17000 + "\r\nContent-Length: 0\r\n\r\n", "error", [],
     "profile limits: one line 16 KiB")
case(G, "status-reason-looks-like-header",
     "HTTP/1.1 200 OK Content-Length: 5\r\n\r\nhello", "ok",
     [M((H11, 200, "OK Content-Length: 5"), [], "close", "hello")],
     "the reason is opaque text; no CL field: close")

# ------------------------------------------------------------------ obs-fold / line ends
G = "fold"
case(G, "fold-sp",
     "HTTP/1.1 200 OK\r\nX-A: a\r\n b\r\nContent-Length: 0\r\n\r\n", "ok",
     [M(OK, [("X-A", "a b"), L(0)], "length")], "profile: obs-fold in responses reads as one SP")
case(G, "fold-htab",
     "HTTP/1.1 200 OK\r\nX-A: a\r\n\tb\r\nContent-Length: 0\r\n\r\n", "ok",
     [M(OK, [("X-A", "a b"), L(0)], "length")], "RFC 9112 5.2: obs-fold with HTAB")
case(G, "fold-twice",
     "HTTP/1.1 200 OK\r\nX-A: a\r\n b\r\n  c\r\nContent-Length: 0\r\n\r\n", "ok",
     [M(OK, [("X-A", "a b c"), L(0)], "length")], "two folds, each one SP")
case(G, "fold-looks-like-field",
     "HTTP/1.1 200 OK\r\nX-A: a\r\n Content-Length: 5\r\n\r\nhello", "ok",
     [M(OK, [("X-A", "a Content-Length: 5")], "close", "hello")],
     "the folded 'Content-Length: 5' is part of X-A's value, not a field: close")
case(G, "fold-first-line",
     "HTTP/1.1 200 OK\r\n X-A: a\r\nContent-Length: 0\r\n\r\n", "error", [],
     "RFC 9112 2.2: whitespace before the first field line: reject (or ignore the line); profile rejects")
case(G, "fold-empty-continuation",
     "HTTP/1.1 200 OK\r\nX-A: a\r\n \r\nContent-Length: 0\r\n\r\n", "ok",
     [M(OK, [("X-A", "a"), L(0)], "length")], "fold with empty continuation: 'a ' trimmed")
case(G, "fold-then-bare-lf",
     "HTTP/1.1 200 OK\r\nX-A: a\n b\r\nContent-Length: 0\r\n\r\n", "error", [], "bare LF")
case(G, "fold-in-chunked-trailer",
     head("HTTP/1.1 200 OK", [TE_CH]) + "0\r\nX-T: a\r\n b\r\n\r\n", "ok",
     [M(OK, [TE_CH], "chunked", "", [("X-T", "a b")])],
     "trailers share the field syntax; obs-fold in a response (the project's profile corpus says ok)")
case(G, "fold-in-100",
     "HTTP/1.1 100 Continue\r\nX: a\r\n b\r\n\r\n" + FINAL, "ok",
     [M((H11, 100, "Continue"), [("X", "a b")], "none"), FINAL_M], "obs-fold in an interim response")
case(G, "lf-header-end",
     "HTTP/1.1 200 OK\r\nContent-Length: 0\n\r\n", "error", [], "profile: bare LF")
case(G, "lf-head-end",
     "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\n", "error", [], "profile: bare LF ending the head")
case(G, "lf-only-head",
     "HTTP/1.1 200 OK\nContent-Length: 0\n\n", "error", [], "profile: bare LF")
case(G, "cr-in-value",
     "HTTP/1.1 200 OK\r\nX: a\rb\r\nContent-Length: 0\r\n\r\n", "error", [], "CR not followed by LF")
case(G, "cr-cr-lf",
     "HTTP/1.1 200 OK\r\nX: a\r\r\nContent-Length: 0\r\n\r\n", "error", [], "lone CR before CRLF")
case(G, "cr-line-separator",
     "HTTP/1.1 200 OK\r\nX: a\rContent-Length: 5\r\n\r\nhello", "error", [],
     "lone CR as a line separator (response splitting shape)")
case(G, "nul-in-value",
     "HTTP/1.1 200 OK\r\nX: a\x00b\r\nContent-Length: 0\r\n\r\n", "error", [], "NUL in a field value")
case(G, "ctl-in-value",
     "HTTP/1.1 200 OK\r\nX: a\x0bb\r\nContent-Length: 0\r\n\r\n", "error", [], "VT control in a field value")
case(G, "obs-text-in-value",
     "HTTP/1.1 200 OK\r\nX: caf\xc3\xa9\r\nContent-Length: 0\r\n\r\n", "ok",
     [M(OK, [("X", "caf\xc3\xa9"), L(0)], "length")], "obs-text allowed in values")
case(G, "empty-field-name",
     "HTTP/1.1 200 OK\r\n: v\r\nContent-Length: 0\r\n\r\n", "error", [], "field-name is a token (1*tchar)")
case(G, "field-no-colon",
     "HTTP/1.1 200 OK\r\nNoColon\r\nContent-Length: 0\r\n\r\n", "error", [], "field-line needs ':'")
case(G, "field-name-non-token",
     "HTTP/1.1 200 OK\r\nX{a}: v\r\nContent-Length: 0\r\n\r\n", "error", [], "field-name is a token")
case(G, "empty-value-ok",
     "HTTP/1.1 200 OK\r\nX:\r\nContent-Length: 0\r\n\r\n", "ok",
     [M(OK, [("X", ""), L(0)], "length")], "empty field value")

# ------------------------------------------------------------------ chunked: extensions, trailers
G = "chunked"
def ch(id, body, expect, mbody="", note="", trailers=(), rest="", more=()):
    msgs = [M(OK, [TE_CH], "chunked", mbody, trailers)] + list(more) if expect != "error" else list(more)
    case(G, id, head("HTTP/1.1 200 OK", [TE_CH]) + body + rest, expect, msgs, note)
ch("ext-token", "5;a=b\r\nhello\r\n0\r\n\r\n", "ok", "hello", "RFC 9112 7.1.1: chunk-ext = ;name=value")
ch("ext-name-only", "5;a\r\nhello\r\n0\r\n\r\n", "ok", "hello", "chunk-ext-val optional")
ch("ext-bws-before-semicolon", "5 ;a=b\r\nhello\r\n0\r\n\r\n", "ok", "hello", "RFC 9112 7.1.1: BWS before ';'")
ch("ext-bws-around-eq", "5; a = b\r\nhello\r\n0\r\n\r\n", "ok", "hello", "RFC 9112 7.1.1: BWS around '='")
ch("ext-quoted-semicolon", '5;a="b;c"\r\nhello\r\n0\r\n\r\n', "ok", "hello", "quoted-string value")
ch("ext-quoted-pair", '5;a="b\\"c"\r\nhello\r\n0\r\n\r\n', "ok", "hello", "quoted-pair in quoted-string")
ch("ext-quoted-crlf-inside", '5;a="b\r\nhello\r\n0\r\n\r\n', "error", note="quoted-string cut by CRLF: error")
ch("ext-no-name", "5;\r\nhello\r\n0\r\n\r\n", "error", note="chunk-ext-name required after ';'")
ch("ext-eq-no-name", "5;=b\r\nhello\r\n0\r\n\r\n", "error", note="chunk-ext-name required")
ch("ext-no-value-after-eq", "5;a=\r\nhello\r\n0\r\n\r\n", "error", note="'=' needs a value")
ch("size-trailing-space", "5 \r\nhello\r\n0\r\n\r\n", "error", note="profile: whitespace after the size with no extension")
ch("size-trailing-tab", "5\t\r\nhello\r\n0\r\n\r\n", "error", note="profile: whitespace after size")
ch("ext-value-space-junk", "5;a=b c\r\nhello\r\n0\r\n\r\n", "error", note="value then SP then non-';'")
ch("ext-on-last-chunk", "5\r\nhello\r\n0;end=1\r\n\r\n", "ok", "hello", "extensions on last-chunk")
ch("size-leading-zeros", "0005\r\nhello\r\n000\r\n\r\n", "ok", "hello", "profile: leading zeros fine")
ch("size-0x", "0x5\r\nhello\r\n0\r\n\r\n", "error", note="1*HEXDIG: no 0x")
ch("size-negative", "-5\r\nhello\r\n0\r\n\r\n", "error", note="no sign")
ch("size-plus", "+5\r\nhello\r\n0\r\n\r\n", "error", note="no sign")
ch("size-overflow-17-digits", "10000000000000000\r\nx\r\n0\r\n\r\n", "error", note="does not fit u64")
ch("size-u64-max-truncated", "FFFFFFFFFFFFFFFF\r\nabc", "error", note="fits u64; incomplete")
ch("size-upper-hex", "A\r\n0123456789\r\n0\r\n\r\n", "ok", "0123456789", "HEXDIG case-insensitive")
ch("size-lower-hex", "a\r\n0123456789\r\n0\r\n\r\n", "ok", "0123456789", "HEXDIG")
ch("size-empty", "\r\nhello\r\n0\r\n\r\n", "error", note="1*HEXDIG")
ch("ext-quoted-obs-text", '5;a="\xe9"\r\nhello\r\n0\r\n\r\n', "ok", "hello", "qdtext includes obs-text")
ch("ext-nul", "5;a=\x00\r\nhello\r\n0\r\n\r\n", "error", note="control byte in extension")
ch("ext-invalid-name-char", "5;a@b\r\nhello\r\n0\r\n\r\n", "error", note="name is a token")
ch("ext-multiple", '5;a=b;c="d";e\r\nhello\r\n0\r\n\r\n', "ok", "hello", "several extensions")
ch("ext-too-long", "5;a=" + "x" * 5000 + "\r\nhello\r\n0\r\n\r\n", "error", note="profile limit: chunk-size line 4 KiB")
ch("data-then-lf", "5\r\nhello\n0\r\n\r\n", "error", note="chunk-data followed by exactly CRLF")
ch("data-then-junk", "5\r\nhelloXX0\r\n\r\n", "error", note="chunk-data followed by exactly CRLF")
ch("data-longer-than-size", "3\r\nhello\r\n0\r\n\r\n", "error", note="3 bytes then 'lo' is not CRLF")
ch("size-line-lf", "5\nhello\r\n0\r\n\r\n", "error", note="bare LF ends chunk-size line")
ch("last-chunk-lf", "0\n\r\n", "error", note="bare LF")
ch("last-chunk-bare-lf-end", "0\r\n\n", "error", note="bare LF ending trailer section")
ch("size-cr-only", "5\rhello\r\n0\r\n\r\n", "error", note="lone CR")
ch("multi-chunks", "1\r\na\r\n2\r\nbc\r\n3\r\ndef\r\n0\r\n\r\n", "ok", "abcdef", "several chunks")
ch("trailer-plain", "0\r\nX-T: v\r\n\r\n", "ok", "", "trailer field", trailers=[("X-T", "v")])
ch("trailer-two", "3\r\nabc\r\n0\r\nX-A: 1\r\nX-B: 2\r\n\r\n", "ok", "abc", "two trailers",
   trailers=[("X-A", "1"), ("X-B", "2")])
ch("trailer-content-length", "0\r\nContent-Length: 5\r\n\r\n", "error", note="profile: framing field in trailers")
ch("trailer-content-length-lower", "0\r\ncontent-length: 0\r\n\r\n", "error", note="profile: framing field (case-insensitive)")
ch("trailer-transfer-encoding", "0\r\nTransfer-Encoding: chunked\r\n\r\n", "error", note="profile: framing field in trailers")
ch("trailer-host", "0\r\nHost: evil\r\n\r\n", "error", note="profile: Host routes: error in trailers")
ch("trailer-space-before-colon", "0\r\nX-T : v\r\n\r\n", "error", note="field syntax in trailers")
ch("trailer-nul", "0\r\nX-T: a\x00\r\n\r\n", "error", note="NUL in trailer value")
ch("trailer-no-colon", "0\r\nbogus\r\n\r\n", "error", note="trailer field-line needs ':'")
ch("trailer-then-next-response", "0\r\nX-T: v\r\n\r\n", "ok", "", "pipelined after trailers",
   trailers=[("X-T", "v")], rest=NEXT, more=[NEXT_M])
ch("last-chunk-then-crlf-then-next", "0\r\n\r\n", "error", "", "profile: no empty line before a status line",
   rest="\r\n" + NEXT, more=[M(OK, [TE_CH], "chunked", "")])
ch("trailer-looks-like-response", "0\r\nHTTP/1.1 200 OK\r\n\r\n", "error",
   note="a status line in the trailer section is not a field line")
ch("chunked-then-next", "3\r\nabc\r\n0\r\n\r\n", "ok", "abc", "pipelined after chunked", rest=NEXT, more=[NEXT_M])
ch("zero-size-mid-chunks-ends", "0\r\n\r\n", "ok", "", "last chunk alone: empty chunked body",
   rest="", more=[])
ch("ext-bws-tab-around-semicolon", "5\t;\ta=b\r\nhello\r\n0\r\n\r\n", "ok", "hello", "BWS includes HTAB")
ch("data-crlf-in-data", "4\r\n\r\n\r\n\r\n0\r\n\r\n", "ok", "\r\n\r\n", "chunk data is opaque, even CRLF")

# ------------------------------------------------------------------ pipelining / methods
G = "methods"
case(G, "pipe-get-head-get",
     head("HTTP/1.1 200 OK", [L(5)]) + "hello" + head("HTTP/1.1 200 OK", [L(5)]) + NEXT, "ok",
     [M(OK, [L(5)], "length", "hello"), M(OK, [L(5)], "none"), NEXT_M],
     "methods in order: GET body, HEAD none, GET body", ["GET", "HEAD", "GET"])
case(G, "pipe-head-chunked-get-chunked",
     head("HTTP/1.1 200 OK", [TE_CH]) + head("HTTP/1.1 200 OK", [TE_CH]) + BODY_CH, "ok",
     [M(OK, [TE_CH], "none"), M(OK, [TE_CH], "chunked", "abc")],
     "HEAD answer no body, GET answer chunked", ["HEAD", "GET"])
case(G, "connect-200-tunnel",
     head("HTTP/1.1 200 Connection Established", []) + "\x16\x03\x01\x02\x00", "ok",
     [M((H11, 200, "Connection Established"), [], "upgrade")],
     "RFC 9112 6.3 rule 2: 2xx to CONNECT: tunnel after the empty line", ["CONNECT"])
case(G, "connect-407-then-get",
     head("HTTP/1.1 407 Proxy Authentication Required", [L(5)]) + "hello" + NEXT, "ok",
     [M((H11, 407, "Proxy Authentication Required"), [L(5)], "length", "hello"), NEXT_M],
     "non-2xx to CONNECT is an ordinary response framed by CL; uses up the CONNECT entry", ["CONNECT", "GET"])
case(G, "connect-200-cl-ignored",
     head("HTTP/1.1 200 OK", [L(5)]) + "hello" + NEXT, "ok",
     [M(OK, [L(5)], "upgrade")],
     "RFC 9110 9.3.6: client MUST ignore CL in a 2xx to CONNECT", ["CONNECT"])
case(G, "connect-200-te-ignored",
     head("HTTP/1.1 200 OK", [TE_CH]) + BODY_CH, "ok",
     [M(OK, [TE_CH], "upgrade")], "RFC 9110 9.3.6: ignore TE", ["CONNECT"])
case(G, "connect-200-invalid-cl-ignored",
     head("HTTP/1.1 200 OK", [("Content-Length", "abc")]) + "x", "ok",
     [M(OK, [("Content-Length", "abc")], "upgrade")], "RFC 9110 9.3.6: ignored, so not invalid", ["CONNECT"])
case(G, "connect-200-chunked-twice-ignored",
     head("HTTP/1.1 200 OK", [("Transfer-Encoding", "chunked, chunked")]) + "x", "ok",
     [M(OK, [("Transfer-Encoding", "chunked, chunked")], "upgrade")], "RFC 9110 9.3.6: ignored", ["CONNECT"])
case(G, "connect-299",
     head("HTTP/1.1 299 Odd", []) + "x", "ok", [M((H11, 299, "Odd"), [], "upgrade")],
     "rule 2: any 2xx", ["CONNECT"])
case(G, "connect-300-close",
     head("HTTP/1.1 300 Multiple Choices", []) + "x", "ok",
     [M((H11, 300, "Multiple Choices"), [], "close", "x")], "not 2xx: rule 8", ["CONNECT"])
case(G, "connect-http10-200",
     head("HTTP/1.0 200 Connection established", []) + "x", "ok",
     [M((H10, 200, "Connection established"), [], "upgrade")], "rule 2 in 1.0", ["CONNECT"])
case(G, "head-connect-get",
     head("HTTP/1.1 200 OK", [L(10)]) + head("HTTP/1.1 200 OK", []) + NEXT, "ok",
     [M(OK, [L(10)], "none"), M(OK, [], "upgrade")],
     "HEAD none, CONNECT tunnel; nothing after is decoded", ["HEAD", "CONNECT", "GET"])
case(G, "get-connect-407-chunked-get",
     head("HTTP/1.1 200 OK", [L(0)]) + head("HTTP/1.1 407 Auth", [TE_CH]) + BODY_CH + NEXT, "ok",
     [M(OK, [L(0)], "length"), M((H11, 407, "Auth"), [TE_CH], "chunked", "abc"), NEXT_M],
     "CONNECT refused: framed normally; next answers GET", ["GET", "CONNECT", "GET"])
case(G, "head-head-desync-chunk",
     head("HTTP/1.1 200 OK", [TE_CH]) + "5\r\nhello\r\n0\r\n\r\n" + NEXT, "error",
     [M(OK, [TE_CH], "none")], "HEAD answer has no body: '5' is not a status line", ["HEAD", "GET"])
case(G, "methods-run-out-default-get",
     head("HTTP/1.1 200 OK", [L(1)]) + head("HTTP/1.1 200 OK", [L(1)]) + "a", "ok",
     [M(OK, [L(1)], "none"), M(OK, [L(1)], "length", "a")],
     "CONFORMANCE 1: responses without a --method answer GET", ["HEAD"])
case(G, "post-like-get",
     head("HTTP/1.1 201 Created", [L(2)]) + "ok", "ok",
     [M((H11, 201, "Created"), [L(2)], "length", "ok")], "POST answer framed like GET", ["POST"])
case(G, "connect-101",
     head("HTTP/1.1 101 Switching Protocols", [("Upgrade", "x")]) + "x", "ok",
     [M((H11, 101, "Switching Protocols"), [("Upgrade", "x")], "upgrade")], "101 upgrades", ["CONNECT"])
case(G, "head-1xx-head",
     head("HTTP/1.1 100 Continue", []) + head("HTTP/1.1 200 OK", [L(3)])
     + head("HTTP/1.1 103 Early Hints", []) + head("HTTP/1.1 200 OK", [L(3)]) + NEXT, "ok",
     [M((H11, 100, "Continue"), [], "none"), M(OK, [L(3)], "none"),
      M((H11, 103, "Early Hints"), [], "none"), M(OK, [L(3)], "none"), NEXT_M],
     "interim responses interleaved with HEAD answers do not shift the method queue", ["HEAD", "HEAD", "GET"])
case(G, "get-close-swallows-head-answer",
     head("HTTP/1.1 200 OK", []) + head("HTTP/1.1 200 OK", [L(5)]), "ok",
     [M(OK, [], "close", head("HTTP/1.1 200 OK", [L(5)]))],
     "GET answer without framing reads to close, swallowing what looks like the next answer", ["GET", "HEAD"])
case(G, "connect-204-tunnel",
     head("HTTP/1.1 204 No Content", [L(3)]) + "abc", "ok",
     [M((H11, 204, "No Content"), [L(3)], "upgrade")], "rule 2: 2xx to CONNECT tunnels", ["CONNECT"])
case(G, "connect-100-then-407-then-get",
     head("HTTP/1.1 100 Continue", []) + head("HTTP/1.1 407 Auth", [L(1)]) + "a" + NEXT, "ok",
     [M((H11, 100, "Continue"), [], "none"), M((H11, 407, "Auth"), [L(1)], "length", "a"), NEXT_M],
     "1xx keeps the CONNECT entry; 407 uses it", ["CONNECT", "GET"])
case(G, "head-then-connect-200-bytes-after",
     head("HTTP/1.1 200 OK", [TE_CH]) + head("HTTP/1.1 200 OK", [L(0)]) + "HTTP/1.1 500 X\r\n\r\n", "ok",
     [M(OK, [TE_CH], "none"), M(OK, [L(0)], "upgrade")], "tunnel bytes not decoded", ["HEAD", "CONNECT"])
case(G, "many-head-answers",
     head("HTTP/1.1 200 OK", [L(1)]) * 35 + NEXT, "ok",
     [M(OK, [L(1)], "none")] * 35 + [NEXT_M],
     "more in-flight methods than the decoder holds at once (31): the dump feeds the rest as answers come",
     ["HEAD"] * 35 + ["GET"])
case(G, "options-star",
     head("HTTP/1.1 200 OK", [("Allow", "GET, HEAD"), L(0)]), "ok",
     [M(OK, [("Allow", "GET, HEAD"), L(0)], "length")], "OPTIONS answered like GET", ["OPTIONS"])


# ================================================================== batch 2: limits, folds in framing fields, numbers
G = "edge"
def pad_fields(total):
    """field lines (name, value) whose lines with CRLF sum to exactly total bytes (each line <= 16384)"""
    out = []
    i = 0
    while total > 0:
        name = "X-P%d" % i
        over = len(name) + 2 + 2  # ': ' + CRLF
        take = min(total, 16000)
        if total - take and total - take < over + 1:
            take -= over + 1
        out.append((name, "a" * (take - over)))
        total -= take
        i += 1
    return out

# head exactly 64 KiB (65536 bytes, line ends included), and one byte more
sl = "HTTP/1.1 200 OK\r\n"
fixed = len(sl) + len("Content-Length: 0\r\n") + 2
pf = pad_fields(65536 - fixed)
h = sl + "".join("%s: %s\r\n" % f for f in pf) + "Content-Length: 0\r\n\r\n"
assert len(h) == 65536, len(h)
case(G, "limit-head-exactly-64k", h + NEXT, "ok", [M(OK, pf + [L(0)], "length"), NEXT_M],
     "profile limits: head 64 KiB is the largest accepted (crate Limits doc: line ends included)")
pf2 = list(pf); pf2[0] = (pf2[0][0], pf2[0][1] + "a")
h2 = sl + "".join("%s: %s\r\n" % f for f in pf2) + "Content-Length: 0\r\n\r\n"
assert len(h2) == 65537
case(G, "limit-head-64k-plus-1", h2, "error", [], "profile limits: head over 64 KiB: its own error")
# status line exactly 16384 and 16385
r = "r" * (16384 - 13)
case(G, "limit-status-line-exactly-16k", "HTTP/1.1 200 " + r + "\r\nContent-Length: 0\r\n\r\n", "ok",
     [M((H11, 200, r), [L(0)], "length")], "profile limits: one line 16 KiB accepted at the bound (without CRLF)")
case(G, "limit-status-line-16k-plus-1", "HTTP/1.1 200 " + r + "r\r\nContent-Length: 0\r\n\r\n", "error", [],
     "profile limits: line over 16 KiB")
# field line exactly 16384 / 16385
v = "v" * (16384 - 3)
case(G, "limit-field-line-exactly-16k", "HTTP/1.1 200 OK\r\nX: " + v + "\r\nContent-Length: 0\r\n\r\n", "ok",
     [M(OK, [("X", v), L(0)], "length")], "profile limits: field line of 16 KiB accepted")
case(G, "limit-field-line-16k-plus-1", "HTTP/1.1 200 OK\r\nX: " + v + "v\r\nContent-Length: 0\r\n\r\n", "error", [],
     "profile limits: field line over 16 KiB")
# folded field: each physical line short, the field as a whole over the line limit
a9 = "a" * 9000
case(G, "limit-folded-field-over-16k", "HTTP/1.1 200 OK\r\nX: " + a9 + "\r\n " + a9 + "\r\nContent-Length: 0\r\n\r\n", "error", [],
     "crate Limits doc: a folded field counts as one line (18006 bytes > 16 KiB)")
a8 = "a" * 8000
case(G, "limit-folded-field-under-16k", "HTTP/1.1 200 OK\r\nX: " + a8 + "\r\n " + a8 + "\r\nContent-Length: 0\r\n\r\n", "ok",
     [M(OK, [("X", a8 + " " + a8), L(0)], "length")], "folded field of 16006 bytes: within the line limit")
# field count
f100 = [("X-%d" % i, "v") for i in range(99)] + [L(0)]
case(G, "limit-100-fields", head("HTTP/1.1 200 OK", f100) + NEXT, "ok", [M(OK, f100, "length"), NEXT_M],
     "profile limits: 100 field lines accepted")
f101 = [("X-%d" % i, "v") for i in range(100)] + [L(0)]
case(G, "limit-101-fields", head("HTTP/1.1 200 OK", f101), "error", [], "profile limits: 101 field lines")
case(G, "limit-fields-per-head-not-per-exchange",
     head("HTTP/1.1 103 Early Hints", f100[:99]) + head("HTTP/1.1 200 OK", f100), "ok",
     [M((H11, 103, "Early Hints"), f100[:99], "none"), M(OK, f100, "length")],
     "limits apply per head: a 1xx with 99 fields then a final with 100")
# chunk line exactly 4096 / 4097
e = "5;a=" + "x" * (4096 - 4)
ch("limit-chunk-line-exactly-4k", e + "\r\nhello\r\n0\r\n\r\n", "ok", "hello", "profile limits: chunk-size line 4 KiB accepted at the bound")
ch("limit-chunk-line-4k-plus-1", e + "x\r\nhello\r\n0\r\n\r\n", "error", note="profile limits: chunk-size line over 4 KiB")
# trailer section exactly 16384 (line ends and final CRLF included) / 16385
tv = "t" * (16384 - 7)  # "T: " + value + CRLF + CRLF
case("chunked", "resp-placeholder", "", "ok", [], "x") ; files["chunked"].pop()
ch("limit-trailers-exactly-16k", "0\r\nT: " + tv + "\r\n\r\n", "ok", "", "profile limits: trailer section 16 KiB accepted",
   trailers=[("T", tv)])
ch("limit-trailers-16k-plus-1", "0\r\nT: " + tv + "t\r\n\r\n", "error", note="profile limits: trailer section over 16 KiB")
# many interim responses
case(G, "many-103", head("HTTP/1.1 103 Early Hints", [("Link", "</x>")]) * 200 + FINAL, "ok",
     [M((H11, 103, "Early Hints"), [("Link", "</x>")], "none")] * 200 + [FINAL_M],
     "RFC 9110 15.2: any number of 1xx; no profile limit on them")
# numbers with leading zeros past 16/20 digits
case(G, "cl-many-leading-zeros", head("HTTP/1.1 200 OK", [("Content-Length", "0" * 30 + "5")]) + "hello", "ok",
     [M(OK, [("Content-Length", "0" * 30 + "5")], "length", "hello")],
     "profile: CL leading zeros are fine; the value 5 fits u64")
ch("size-many-leading-zeros", "0" * 30 + "5\r\nhello\r\n" + "0" * 20 + "\r\n\r\n", "ok", "hello",
   "profile: chunk-size leading zeros are fine; the value fits u64")
case(G, "cl-u64-max-head", head("HTTP/1.1 200 OK", [("Content-Length", "0018446744073709551615")]), "ok",
     [M(OK, [("Content-Length", "0018446744073709551615")], "none")], "fits u64 with leading zeros; HEAD: no body", ["HEAD"])
# folds inside framing fields
case(G, "te-fold-inside-quoted", 'HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip;q="a\r\n b", chunked\r\n\r\n' + BODY_CH, "ok",
     [M(OK, [("Transfer-Encoding", 'gzip;q="a b", chunked')], "chunked", "abc")],
     "profile: a fold reads as one SP, also inside a quoted-string")
case(G, "te-fold-before-semicolon", "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n ;q=1, chunked\r\n\r\n" + BODY_CH, "ok",
     [M(OK, [("Transfer-Encoding", "gzip ;q=1, chunked")], "chunked", "abc")], "fold as SP: OWS before ';'")
case(G, "te-fold-after-eq", "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip;q=\r\n 1, chunked\r\n\r\n" + BODY_CH, "error", [],
     "fold as SP gives 'q= 1': the profile grammar has no whitespace after '='")
case(G, "te-fold-trailing-empty", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n \r\n\r\n" + BODY_CH, "ok",
     [M(OK, [TE_CH], "chunked", "abc")], "fold of nothing: trailing OWS trimmed")
case(G, "cl-fold-trailing-empty", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\t\r\n\r\nhello", "ok",
     [M(OK, [L(5)], "length", "hello")], "fold of nothing: '5' after trimming")
case(G, "cl-fold-list-dup", "HTTP/1.1 200 OK\r\nContent-Length: 5,\r\n 5\r\n\r\nhello", "either",
     [M(OK, [("Content-Length", "5, 5")], "length", "hello")], "fold as SP: '5, 5': identical values either")
case(G, "cl-list-empty-element", "HTTP/1.1 200 OK\r\nContent-Length: 5,,5\r\n\r\nhello", "either",
     [M(OK, [("Content-Length", "5,,5")], "length", "hello")],
     "RFC 9110 5.6.1 ignores empty list elements, RFC 9112 6.3 rule 5 accepts identical lists; strict may refuse")
# field syntax odds
case(G, "value-del", "HTTP/1.1 200 OK\r\nX: a\x7fb\r\nContent-Length: 0\r\n\r\n", "error", [],
     "profile: no control bytes in a value; DEL is not VCHAR (RFC 9110 5.5 field-vchar)")
case(G, "name-del", "HTTP/1.1 200 OK\r\nX\x7f: v\r\nContent-Length: 0\r\n\r\n", "error", [], "field-name is a token")
case(G, "name-slash", "HTTP/1.1 200 OK\r\nX/Y: v\r\nContent-Length: 0\r\n\r\n", "error", [], "'/' is not a tchar")
case(G, "name-obs-text", "HTTP/1.1 200 OK\r\nX\xe9: v\r\nContent-Length: 0\r\n\r\n", "error", [], "field-name is a token (ASCII)")
case(G, "name-tab-before-colon", "HTTP/1.1 200 OK\r\nContent-Length\t: 5\r\n\r\nhello", "error", [],
     "RFC 9112 5.1: no whitespace between field name and colon")
case(G, "connect-407-http10-te", head("HTTP/1.0 407 Auth", [TE_CH]) + BODY_CH, "error", [],
     "a non-2xx answer to CONNECT stays in HTTP/1: 1.0 + TE is an error (profile framing 2)", ["CONNECT"])
case(G, "connect-100-http10-te-then-200", head("HTTP/1.1 100 Continue", []) + head("HTTP/1.0 200 OK", [TE_CH]) + "x", "ok",
     [M((H11, 100, "Continue"), [], "none"), M((H10, 200, "OK"), [TE_CH], "upgrade")],
     "RFC 9110 9.3.6: framing fields of a 2xx to CONNECT are ignored", ["CONNECT"])
case(G, "upgrade-header-on-200-not-switch", head("HTTP/1.1 200 OK", [("Connection", "upgrade"), ("Upgrade", "h2c"), L(2)]) + "hi" + NEXT, "ok",
     [M(OK, [("Connection", "upgrade"), ("Upgrade", "h2c"), L(2)], "length", "hi"), NEXT_M],
     "only a 101 switches (RFC 9110 7.8); a 200 carrying Upgrade is framed by CL and decoding goes on")
case(G, "head-then-101", head("HTTP/1.1 200 OK", [L(9)]) + head("HTTP/1.1 101 Switching Protocols", [("Upgrade", "ws")]) + "zz", "ok",
     [M(OK, [L(9)], "none"), M((H11, 101, "Switching Protocols"), [("Upgrade", "ws")], "upgrade")],
     "HEAD answer, then a 101", ["HEAD", "GET"])
case(G, "status-line-only-eof", "HTTP/1.1 200 OK\r\n", "error", [], "stream ends inside a head")
case(G, "status-line-cr-eof", "HTTP/1.1 200 OK\r", "error", [], "stream ends inside a head")
case(G, "lone-cr-eof", "\r", "either", [], "profile: nothing is skipped before a status line; a lone CR at EOF is an error or nothing")
case(G, "lone-crlf-eof", "\r\n", "either", [], "profile: no empty line skipped before a status line; between-messages CRLF rule is for requests")

case("te", "resp-tecl-empty-te-with-cl", "HTTP/1.1 200 OK\r\nContent-Length: 3\r\nTransfer-Encoding: \r\n\r\nabc" + NEXT, "either",
     [M(OK, [L(3), ("Transfer-Encoding", "")], "close", "abc" + NEXT)],
     "profile framing 2: TE present (no coding) overrides CL in a response; chunked not final: close, which h1wire does; RFC 9112 6.3 rule 3 says such a message 'ought to be handled as an error', which every peer does (smuggling-res-te-empty-cl is either too)")
files["te"][-1]["id"] = "resp-tecl-empty-te-with-cl"
case("te", "x", "HTTP/1.1 200 OK\r\nContent-Length: 3\r\nTransfer-Encoding: identity\r\n\r\nabc" + NEXT, "ok",
     [M(OK, [L(3), ("Transfer-Encoding", "identity")], "close", "abc" + NEXT)],
     "profile framing 2: in a response TE overrides CL; identity is not chunked: close")
files["te"][-1]["id"] = "resp-tecl-identity-with-cl"

if __name__ == "__main__":
    cases = [c for group in files.values() for c in group]
    ids = [c["id"] for c in cases]
    assert len(ids) == len(set(ids)), "duplicate ids"
    with open(OUT, "w") as fh:
        json.dump(cases, fh, ensure_ascii=True, indent=1)
        fh.write("\n")
    from collections import Counter
    print(len(cases), dict(Counter(c["expect"] for c in cases)))
