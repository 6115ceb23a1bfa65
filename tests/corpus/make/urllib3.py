#!/usr/bin/env python3
"""Build tests/corpus/urllib3.json: h1wire corpus cases from urllib3's tests.

urllib3 (https://github.com/urllib3/urllib3) is released under the MIT licence.
Only the test MESSAGES are taken: the raw responses its socket-level tests'
servers write (joined where a test writes one response in several sends), the
chunked fixtures of test_response.py wrapped in the status line and fields the
test gives, and the requests whose bytes a test checks. No urllib3 code or
prose is copied. Expectations follow the strict profile of CONFORMANCE.md
section 3 and RFC 9112 / RFC 9110, not urllib3's answer; where urllib3 answers
differently the note starts with "differs from urllib3".

Run: python3 tests/corpus/make/urllib3.py   (writes urllib3.json beside it)
"""

import json
import os
import zlib

NAME = "urllib3"
REPO = "urllib3/urllib3"

FILES = {
    "SL": ("test/with_dummyserver/test_socketlevel.py", "0046a557b6717534c9e842e47d573c1e96996537"),
    "CT": ("test/with_dummyserver/test_chunked_transfer.py", "0019edd160e6b200ec114f138ca1a04e92834800"),
    "RS": ("test/test_response.py", "01655214e22bd0af287278f7499d8df6423e44eb"),
    "HS": ("test/with_dummyserver/test_header_space.py", "04559fdfdbca915f58521530074f4a4c5b349205"),
    "HD": ("test/with_dummyserver/test_headers.py", "e30689aa050a21d6c70708db2c400523e7fb474f"),
    "HB": ("test/with_dummyserver/test_header_bytes.py", "4dda1525e292ecbc6a8cf58e8f464f758658db6c"),
    "UB": ("test/test_header_bytes.py", "4dda1525e292ecbc6a8cf58e8f464f758658db6c"),
}

# Placeholders for values that vary per run in the peer's tests.
HOSTPORT = b"localhost:8080"            # the dummy server's host:ephemeral port
UA = b"python-urllib3/2.0.0"            # _get_default_user_agent()

CASES = []
SEEN = {}
DUPS = []
SKIPPED = {}

RECON = ("request bytes reconstructed: the test checks %s; the rest of the head is what "
         "urllib3's HTTPConnection.request() writes (request-line, Host, Accept-Encoding: identity "
         "from http.client's putrequest, then the framing field, User-Agent, the caller's fields), "
         "with the ephemeral port written as 8080 and the User-Agent version as 2.0.0")


def b2s(b):
    return b.decode("latin-1") if isinstance(b, bytes) else b


def src(f, test, detail=None):
    path, commit = FILES[f]
    s = "%s %s@%s: %s" % (REPO, path, commit[:12], test)
    if detail:
        s += " (%s)" % detail
    return s


def skip(reason, f, *tests):
    for t in tests:
        SKIPPED.setdefault(reason, []).append("%s: %s" % (FILES[f][0], t))


def msg(start, headers=(), framing="none", body=b"", trailers=()):
    return {
        "start": [b2s(x) for x in start],
        "headers": [[b2s(n), b2s(v)] for n, v in headers],
        "framing": framing,
        "body": b2s(body),
        "trailers": [[b2s(n), b2s(v)] for n, v in trailers],
        "complete": True,
    }


def res(status, reason, headers=(), framing="close", body=b"", version="HTTP/1.1", trailers=()):
    return msg([version, str(status), reason], headers, framing, body, trailers)


def req(method, target, headers=(), framing="none", body=b"", trailers=()):
    return msg([method, target, "HTTP/1.1"], headers, framing, body, trailers)


def add(slug, mode, data, expect, messages, note, source, methods=()):
    assert isinstance(data, bytes), slug
    assert expect in ("ok", "error", "either")
    key = (mode, tuple(methods), data)
    if key in SEEN:
        cid = SEEN[key]
        DUPS.append((source, cid))
        for c in CASES:
            if c["id"] == cid:
                c["source"] += "; the same bytes in " + source.replace(REPO + " ", "")
        return
    cid = NAME + "-" + slug
    assert cid not in {c["id"] for c in CASES}, cid
    SEEN[key] = cid
    CASES.append({
        "id": cid, "mode": mode, "methods": list(methods), "input": b2s(data),
        "expect": expect, "messages": messages, "note": note, "source": source,
    })


def dup(mode, data, source, methods=()):
    key = (mode, tuple(methods), data)
    assert key in SEEN, source
    add("dup", mode, data, "ok", [], "", source, methods)


def parse_fields(block):
    """'Name: value\\r\\n' lines -> [(name, trimmed value)] (only for well-formed blocks)."""
    out = []
    for line in block.split(b"\r\n"):
        if line:
            n, v = line.split(b":", 1)
            out.append((n, v.strip(b" \t")))
    return out


# ===========================================================================
# test_socketlevel.py
# ===========================================================================
F = "SL"

# --- TestCookies ---------------------------------------------------------------
T = "TestCookies.test_multi_setcookie"
d = b"HTTP/1.1 200 OK\r\nSet-Cookie: foo=1\r\nSet-Cookie: bar=1\r\n\r\n"
add("multi-setcookie", "response", d, "ok",
    [res(200, "OK", [("Set-Cookie", "foo=1"), ("Set-Cookie", "bar=1")])],
    "two Set-Cookie field lines are kept as two lines (RFC 9110 5.3 exception for Set-Cookie); no "
    "framing field: the empty body runs to end of stream (RFC 9112 6.3 rule 8)", src(F, T))

skip("TLS handshake test, no HTTP response bytes", F,
     "TestSNI.test_hostname_in_first_request_packet",
     "TestALPN.test_alpn_protocol_in_first_request_packet",
     "TestClientCerts.test_missing_client_certs_raises_error",
     "TestClientCerts.test_load_keyfile_with_invalid_password",
     "TestClientCerts.test_load_invalid_cert_file",
     "TestSocketClosing.test_socket_close_socket_then_file",
     "TestSocketClosing.test_socket_close_stays_open_with_makefile_open",
     "TestProxyManager.test_tunnel_sets_http_11_alpn",
     "TestSSL.test_load_verify_locations_exception",
     "TestSSL.test_ssl_custom_validation_failure_terminates")

# --- TestClientCerts: fixed bytes inside TLS -------------------------------------
d = (b"HTTP/1.1 200 OK\r\nServer: testsocket\r\nConnection: close\r\n"
     b"Content-Length: 6\r\n\r\nValid!")
add("client-certs-valid", "response", d, "ok",
    [res(200, "OK", [("Server", "testsocket"), ("Connection", "close"), ("Content-Length", "6")],
         "length", b"Valid!")],
    "a 6-byte Content-Length body with Connection: close (the test sends it inside TLS; only the "
    "HTTP bytes are taken)", src(F, "TestClientCerts.test_client_certs_two_files"))
for t in ["TestClientCerts.test_client_certs_one_file",
          "TestClientCerts.test_client_cert_with_string_password",
          "TestClientCerts.test_client_cert_with_bytes_password"]:
    dup("response", d, src(F, t))

# --- TestSocketClosing -----------------------------------------------------------
def plain(body, length=None):
    n = len(body) if length is None else length
    return (b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n" % n) + body


def plain_msg(body, length=None):
    n = len(body) if length is None else length
    return res(200, "OK", [("Content-Type", "text/plain"), ("Content-Length", str(n))], "length", body)


T = "TestSocketClosing.test_recovery_when_server_closes_connection"
for i in (0, 1):
    b = b"Response %d" % i
    add("recovery-response-%d" % i, "response", plain(b), "ok", [plain_msg(b)],
        "a Content-Length body, then the server closes (connection %d of the test)" % (i + 1),
        src(F, T, "connection %d" % (i + 1)))

skip("timeout/retry/connection test with no response bytes", F,
     "TestSocketClosing.test_connection_refused",
     "TestSocketClosing.test_connection_read_timeout",
     "TestSocketClosing.test_read_timeout_dont_retry_method_not_in_allowlist",
     "TestSocketClosing.test_https_connection_read_timeout",
     "TestProxyManager.test_retries")

T = "TestSocketClosing.test_timeout_errors_cause_retries"
add("retry-response-2", "response", plain(b"Response 2"), "ok", [plain_msg(b"Response 2")],
    "a Content-Length body on the retried connection (the first connection gets no bytes)",
    src(F, T, "second connection"))

T = "TestSocketClosing.test_delayed_body_read_timeout"
add("delayed-body", "response", plain(b"Hi"), "ok", [plain_msg(b"Hi")],
    "the head and the 2-byte body are written in two sends with a pause (the test checks urllib3's "
    "read timeout in between); joined, the response is complete", src(F, T, "the two sends joined"))

T = "TestSocketClosing.test_delayed_body_read_timeout_with_preload"
d = plain(b"", 2)
add("content-length-2-no-body", "response", d, "error", [],
    "Content-Length: 2 but the server closes after the head: the message is incomplete "
    "(RFC 9112 8: a Content-Length body cut short by close is incomplete)", src(F, T))
dup("response", d, src(F, "TestSocketClosing.test_connection_cleanup_on_read_timeout"))

T = "TestSocketClosing.test_incomplete_response"
d = plain(b"Re", 8)
add("incomplete-content-length", "response", d, "error", [],
    "Content-Length: 8 but only 2 body bytes before close: incomplete (RFC 9112 8); urllib3 also "
    "raises ProtocolError", src(F, T))
dup("response", d, src(F, "TestSocketClosing.test_connection_cleanup_on_protocol_error_during_read"))

T = "TestSocketClosing.test_retry_weird_http_version"
b = b"bad http 0.5 response"
d = (b"HTTP/0.5 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n" % len(b)) + b
add("http-0-5-status-line", "response", d, "error", [],
    "status-line version HTTP/0.5: only HTTP/1.0 and HTTP/1.1 are accepted (profile: any other "
    "HTTP/x.y is an error; RFC 9112 2.3); urllib3 raises BadStatusLine and retries",
    src(F, T, "first connection"))
add("retry-foo", "response", plain(b"foo"), "ok", [plain_msg(b"foo")],
    "a 3-byte Content-Length body", src(F, T, "second connection"))

T = "TestSocketClosing.test_connection_closed_on_read_timeout_preload_false"
CH_HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
CH_FIELDS = [("Content-Type", "text/plain"), ("Transfer-Encoding", "chunked")]
d = CH_HEAD + b"8\r\n12345678\r\n"
add("chunked-no-last-chunk", "response", d, "error", [],
    "a chunked body that stops after one chunk (no last chunk) before close: incomplete "
    "(RFC 9112 7.1, 8)", src(F, T, "first connection"))
d = CH_HEAD + b"8\r\n12345678\r\n0\r\n\r\n"
add("chunked-8", "response", d, "ok", [res(200, "OK", CH_FIELDS, "chunked", b"12345678")],
    "a complete chunked body of one 8-byte chunk", src(F, T, "second connection"))
dup("response", d, src(F, "TestSocketClosing.test_release_conn_param_is_respected_after_timeout_retry",
                       "second connection; the first gets no bytes"))

T = "TestSocketClosing.test_closing_response_actually_closes_connection"
d = plain(b"", 0)
add("content-length-0", "response", d, "ok", [plain_msg(b"", 0)],
    "Content-Length: 0: an empty body, the message ends with the head", src(F, T))

# --- TestProxyManager ----------------------------------------------------------------
T = "TestProxyManager.test_simple"
r = (b"GET http://google.com/ HTTP/1.1\r\nHost: google.com\r\nAccept-Encoding: identity\r\n"
     b"Accept: */*\r\nUser-Agent: " + UA + b"\r\n\r\n")
add("proxy-absolute-form", "request", r, "ok",
    [req("GET", "http://google.com/", [("Host", "google.com"), ("Accept-Encoding", "identity"),
                                       ("Accept", "*/*"), ("User-Agent", UA)])],
    "a request to a forward proxy: absolute-form target with a Host equal to its authority "
    "(RFC 9112 3.2.2); the test checks the set of lines (their order is not fixed: the lines "
    "are written in the order the test lists them; User-Agent version written as 2.0.0)",
    src(F, T, "request the proxy receives"))
add("proxy-echo", "response",
    (b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n" % len(r)) + r, "ok",
    [res(200, "OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(r)))], "length", r)],
    "the echo server's response: a Content-Length body holding the request bytes",
    src(F, T, "echo response"))

T = "TestProxyManager.test_headers"
r = (b"GET http://www.google.com/ HTTP/1.1\r\nHost: www.google.com\r\nAccept-Encoding: identity\r\n"
     b"Accept: */*\r\nFor The Proxy: YEAH!\r\nUser-Agent: " + UA + b"\r\n\r\n")
add("proxy-header-name-with-spaces", "request", r, "error", [],
    "differs from urllib3: the proxy header 'For The Proxy' has spaces in its name; urllib3 sends it "
    "as is and the test checks that the line 'For The Proxy: YEAH!' arrives. field-name is a token "
    "(RFC 9110 5.1) and the profile rejects whitespace in a name or before the colon "
    "(RFC 9112 5.1: a server MUST reject such a message with 400). " +
    RECON % "only the line 'For The Proxy: YEAH!\\r\\n'",
    src(F, T, "request the proxy receives"))
add("proxy-echo-spaced-name", "response",
    (b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n" % len(r)) + r, "ok",
    [res(200, "OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(r)))], "length", r)],
    "the echo server's response; the invalid field line is only body data here",
    src(F, T, "echo response"))

T = "TestProxyManager.test_connect_reconn"
d = b"HTTP/1.1 200 Connection Established\r\n\r\n"
add("connect-200", "response", d, "ok",
    [res(200, "Connection Established", [], "upgrade")],
    "a 2xx response to CONNECT: the connection becomes a tunnel after the head (RFC 9112 6.3 "
    "rule 2, RFC 9110 9.3.6)", src(F, T, "tunnel established"), methods=["CONNECT"])
dup("response", d, src(F, "TestProxyManager.test_connect_ipv6_addr"), methods=["CONNECT"])
add("connect-403", "response", b"HTTP/1.1 403 Forbidden\r\n\r\n", "ok",
    [res(403, "Forbidden", [], "close")],
    "a non-2xx response to CONNECT is an ordinary response: no framing field, so the (empty) body "
    "runs to end of stream (RFC 9112 6.3 rules 2 and 8)", src(F, T, "wrong CONNECT target branch"),
    methods=["CONNECT"])
add("405-allow-connect", "response", b"HTTP/1.1 405 Method not allowed\r\nAllow: CONNECT\r\n\r\n", "ok",
    [res(405, "Method not allowed", [("Allow", "CONNECT")], "close")],
    "a 405 answering a request that is not CONNECT: close-delimited empty body",
    src(F, T, "not-CONNECT branch"))
d = (b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n\r\nHi")
add("tunnelled-hi", "response", d, "ok",
    [res(200, "OK", [("Content-Type", "text/plain"), ("Content-Length", "2"), ("Connection", "close")],
         "length", b"Hi")],
    "the response inside the tunnel (sent over TLS; the HTTP bytes are taken)",
    src(F, T, "response inside the tunnel"))
dup("response", d, src(F, "TestProxyManager.test_connect_ipv6_addr", "response inside the tunnel"))
r = b"CONNECT localhost:443 HTTP/1.1\r\nHost: localhost:443\r\n\r\n"
add("connect-request", "request", r, "ok",
    [req("CONNECT", "localhost:443", [("Host", "localhost:443")], "upgrade")],
    "CONNECT with an authority-form target (RFC 9112 3.2.3): the head is followed by the tunnel. "
    "The test checks that the request starts with 'CONNECT localhost:443'; the Host line is what "
    "http.client's _tunnel writes", src(F, T, "CONNECT request the proxy receives"))
r = (b"CONNECT [2001:4998:c:a06::2:4008]:443 HTTP/1.1\r\n"
     b"Host: [2001:4998:c:a06::2:4008]:443\r\n\r\n")
add("connect-request-ipv6", "request", r, "ok",
    [req("CONNECT", "[2001:4998:c:a06::2:4008]:443", [("Host", "[2001:4998:c:a06::2:4008]:443")],
         "upgrade")],
    "CONNECT to an IPv6 literal: authority-form with the IP-literal in brackets and a port "
    "(RFC 9112 3.2.3, RFC 3986 3.2.2). The test checks the request-line prefix; Host as http.client "
    "writes it", src(F, "TestProxyManager.test_connect_ipv6_addr", "CONNECT request"))

T = "TestProxyManager.test_https_proxymanager_connected_to_http_proxy"
d = b"HTTP/1.0 501 Not Implemented\r\nConnection: close\r\n\r\n"
add("http10-501-close", "response", d, "ok",
    [res(501, "Not Implemented", [("Connection", "close")], "close", version="HTTP/1.0")],
    "an HTTP/1.0 501 with no framing field: close-delimited empty body (the test's client sent a "
    "TLS ClientHello; the bytes are read here as a response to a plain request)",
    src(F, T, "target_scheme=http"))
dup("response", d, src(F, T, "target_scheme=https"))
T = "TestProxyManager.test_proxy_status_not_ok"
add("connect-501", "response", d, "ok",
    [res(501, "Not Implemented", [("Connection", "close")], "close", version="HTTP/1.0")],
    "a 501 to CONNECT: not 2xx, so no tunnel; close-delimited empty body (RFC 9112 6.3)",
    src(F, T), methods=["CONNECT"])
T = "TestProxyManager.test_early_eof_doesnt_cause_infinite_loop"
add("connect-head-cut", "response", b"HTTP/1.0 200 OK\r\n", "error", [],
    "the proxy closes after the status-line, before the empty line that ends the head: incomplete",
    src(F, T), methods=["CONNECT"])
T = "TestProxyManager.test_header_longer_than_maxline"
d = b"HTTP/1.0 200 OK\r\nThis-Header-Is-Too-Long: Way-Too-Long\r\n\r\n"
add("connect-200-long-field", "response", d, "ok",
    [res(200, "OK", [("This-Header-Is-Too-Long", "Way-Too-Long")], "upgrade", version="HTTP/1.0")],
    "differs from urllib3 (as tested): the test patches http.client's line limit to 17 bytes, so "
    "the 38-byte field line fails with LineTooLong; with the profile's default limits (16 KiB a "
    "line) it is a valid 2xx answer to CONNECT, which opens the tunnel (limits are configurable, "
    "CONFORMANCE.md 3)", src(F, T), methods=["CONNECT"])
T = "TestProxyManager.test_debuglevel"
d = b"HTTP/1.0 200 OK\r\nExample-Header: Example-Value\r\n\r\n"
add("connect-200-http10", "response", d, "ok",
    [res(200, "OK", [("Example-Header", "Example-Value")], "upgrade", version="HTTP/1.0")],
    "an HTTP/1.0 2xx answer to CONNECT: tunnel after the head (RFC 9112 6.3 rule 2)",
    src(F, T), methods=["CONNECT"])

# --- TestSSL ----------------------------------------------------------------------
skip("TLS: the HTTP bytes are sent outside the TLS session on purpose", F,
     "TestSSL.test_ssl_failure_midway_through_conn")
skip("body of 2 GiB, too large for a corpus case", F,
     "TestSSL.test_requesting_large_resources_via_ssl")
T = "TestSSL.test_ssl_read_timeout"
add("content-length-10-cut", "response", plain(b"Hi-", 10), "error", [],
    "Content-Length: 10 but only 3 body bytes before close: incomplete (RFC 9112 8)", src(F, T))
T = "TestSSL.test_ssl_failed_fingerprint_verification"
d = plain(b"Hello")
add("hello", "response", d, "ok", [plain_msg(b"Hello")], "a 5-byte Content-Length body", src(F, T))
dup("response", d, src(F, "TestSSL.test_ssl_load_default_certs_when_empty"))
dup("response", d, src(F, "TestSSL.test_ssl_dont_load_default_certs_when_given"))
T = "TestSSL.test_retry_ssl_error"
add("success", "response", plain(b"Success"), "ok", [plain_msg(b"Success")],
    "a 7-byte Content-Length body (the first response of the test is sent outside TLS on purpose "
    "and is not taken)", src(F, T, "retried request"))

# --- TestErrorWrapping ----------------------------------------------------------------
T = "TestErrorWrapping.test_bad_statusline"
add("bad-status-line", "response", b"HTTP/1.1 Omg What Is This?\r\nContent-Length: 0\r\n\r\n", "error", [],
    "status-code is 3DIGIT (RFC 9112 4): 'Omg' is not; urllib3 also raises ProtocolError", src(F, T))
T = "TestErrorWrapping.test_unknown_protocol"
add("http-1000", "response", b"HTTP/1000 200 OK\r\nContent-Length: 0\r\n\r\n", "error", [],
    "HTTP-version is 'HTTP/' DIGIT '.' DIGIT (RFC 9112 2.3): 'HTTP/1000' is not one", src(F, T))

# --- TestHeaders -------------------------------------------------------------------------
T = "TestHeaders.test_httplib_headers_case_insensitive"
d = b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\nContent-type: text/plain\r\n\r\n"
add("content-type-case", "response", d, "ok",
    [res(200, "OK", [("Content-Length", "0"), ("Content-type", "text/plain")], "length")],
    "field names keep their case as sent ('Content-type'); an empty Content-Length body", src(F, T))
dup("response", d, src("HD", "TestHeaders.test_httplib_headers_case_insensitive"))

T = "TestHeaders.start_parsing_handler"
d = b"HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n"
add("204-content-length-0", "response", d, "ok",
    [res(204, "No Content", [("Content-Length", "0")], "none")],
    "a 204 never has a body (RFC 9112 6.3 rule 1), whatever its Content-Length says",
    src(F, T, "used by test_headers_are_sent_with_the_original_case, test_ua_header_can_be_overridden, "
        "test_request_headers_are_sent_in_the_original_order, test_request_host_header_ignores_fqdn_dot"))
dup("response", d, src("HD", "TestHeaders.test_headers_are_sent_with_the_original_case"))
skip("request checked only as a dict of parsed fields, not as bytes (its response is converted)", F,
     "TestHeaders.test_headers_are_sent_with_the_original_case",
     "TestHeaders.test_ua_header_can_be_overridden",
     "TestHeaders.test_request_headers_are_sent_in_the_original_order",
     "TestHeaders.test_request_host_header_ignores_fqdn_dot")
skip("request checked only as a dict of parsed fields, not as bytes (its response is converted)", "HD",
     "TestHeaders.test_headers_are_sent_with_the_original_case")

T = "TestHeaders.test_response_headers_are_returned_in_the_original_order"
xs = [(b"X-Header-%d" % i, b"%d" % i) for i in reversed(range(16))]
d = b"HTTP/1.1 200 OK\r\n" + b"\r\n".join(n + b": " + v for n, v in xs) + b"\r\n"
add("head-without-empty-line", "response", d, "error", [],
    "differs from urllib3: the server writes 16 field lines and closes without the empty line that "
    "ends the head; http.client takes end of stream as the end of the head and the test passes. "
    "A head is ended only by CRLF CRLF (RFC 9112 2.1); end of stream inside a head is an incomplete "
    "message (CONFORMANCE.md 1)", src(F, T))

T = "TestHeaders.test_headers_sent_with_add"
SRV = b"HTTP/1.1 200 OK\r\nServer: example.com\r\nContent-Length: 0\r\n\r\n"
add("server-content-length-0", "response", SRV, "ok",
    [res(200, "OK", [("Server", "example.com"), ("Content-Length", "0")], "length")],
    "an empty Content-Length body", src(F, T, "response"))
ADD = [(b"A", b"1"), (b"A", b"4"), (b"C", b"3, 5"), (b"C", b"6"), (b"B", b"2"), (b"B", b"3")]


def u3req(method, framing_field=(), user=(), body=b"", ua_first=True):
    """A head as urllib3 2.x HTTPConnection.request() writes it."""
    fields = [(b"Host", HOSTPORT), (b"Accept-Encoding", b"identity")] + list(framing_field)
    fields += [(b"User-Agent", UA)] + list(user)
    return (method + b" / HTTP/1.1\r\n" + b"".join(n + b": " + v + b"\r\n" for n, v in fields)
            + b"\r\n" + body), fields


for slug, method, body_type in [("get", b"GET", None), ("post", b"POST", None),
                                ("post-bytes", b"POST", "bytes"), ("post-bytes-io", b"POST", "bytes-io")]:
    if body_type is None and method == b"GET":
        ff, body, fr, bd = [], b"", "none", b""
    elif body_type is None:
        ff, body, fr, bd = [(b"Content-Length", b"0")], b"", "length", b""
    elif body_type == "bytes":
        ff, body, fr, bd = [(b"Content-Length", b"7")], b"my-body", "length", b"my-body"
    else:
        ff, body, fr, bd = [(b"Transfer-Encoding", b"chunked")], b"d\r\nbytes-io-body\r\n0\r\n\r\n", \
            "chunked", b"bytes-io-body"
    r, fields = u3req(method, ff, ADD, body)
    add("headers-add-" + slug, "request", r, "ok", [req(b2s(method), "/", fields, fr, bd)],
        "repeated field lines and a combined value 'C: 3, 5' are kept in order as sent; " +
        RECON % "the lines 'A: 1\\r\\nA: 4\\r\\nC: 3, 5\\r\\nC: 6\\r\\nB: 2\\r\\nB: 3' and the end of the "
        "stream (%s)" % {None: "the empty line", "bytes": "'\\r\\n\\r\\nmy-body'",
                         "bytes-io": "the last chunk after 'bytes-io-body'"}[body_type],
        src(F, T, "method_type=%s, body_type=%s" % (b2s(method), body_type)))

# --- TestBrokenHeaders ------------------------------------------------------------------
BH = b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\nContent-type: text/plain\r\n"
for slug, t, lines, what in [
    ("empty-field-name", "test_header_without_name", [b": Value", b"Another: Header"],
     "the line ': Value' has an empty field-name"),
    ("lone-colon", "test_header_without_name_or_value", [b":", b"Another: Header"],
     "the line ':' has an empty field-name"),
    ("line-without-colon", "test_header_without_colon_or_value", [b"Broken Header", b"Another: Header"],
     "the line 'Broken Header' has no colon"),
]:
    add(slug, "response", BH + b"\r\n".join(lines) + b"\r\n\r\n", "error", [],
        "differs from urllib3: %s; http.client's header parser records a defect, urllib3 only logs "
        "'Failed to parse headers' and returns the response. A field-line is field-name ':' ... with "
        "field-name a token of at least one tchar (RFC 9110 5.1, RFC 9112 5); anything else in the "
        "head is invalid and the profile rejects it" % what, src(F, "TestBrokenHeaders." + t))

# --- TestHeaderParsingContentType --------------------------------------------------------
for slug, t, v in [("content-type-text-plain", "test_header_text_plain", b"text/plain"),
                   ("content-type-rfc822", "test_header_message_rfc822", b"message/rfc822")]:
    add(slug, "response", b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\nContent-type: " + v + b"\r\n\r\n",
        "ok", [res(200, "OK", [("Content-Length", "0"), ("Content-type", v)], "length")],
        "a plain Content-type value (%s) after Content-Length: 0; the value has no framing meaning"
        % b2s(v), src(F, "TestHeaderParsingContentType." + t))

# --- TestHEAD ----------------------------------------------------------------------------------
T = "TestHEAD.test_chunked_head_response_does_not_hang"
add("head-chunked", "response",
    b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-type: text/plain\r\n\r\n", "ok",
    [res(200, "OK", [("Transfer-Encoding", "chunked"), ("Content-type", "text/plain")], "none")],
    "a response to HEAD has no body whatever its Transfer-Encoding says (RFC 9112 6.3 rule 1)",
    src(F, T), methods=["HEAD"])
T = "TestHEAD.test_empty_head_response_does_not_hang"
d = b"HTTP/1.1 200 OK\r\nContent-Length: 256\r\nContent-type: text/plain\r\n\r\n"
add("head-content-length-256", "response", d, "ok",
    [res(200, "OK", [("Content-Length", "256"), ("Content-type", "text/plain")], "none")],
    "a response to HEAD has no body whatever its Content-Length says (RFC 9112 6.3 rule 1)",
    src(F, T), methods=["HEAD"])

# --- TestStream -----------------------------------------------------------------------------
T = "TestStream.test_stream_none_unchunked_response_does_not_hang"
add("hello-world", "response",
    b"HTTP/1.1 200 OK\r\nContent-Length: 12\r\nContent-type: text/plain\r\n\r\nhello, world", "ok",
    [res(200, "OK", [("Content-Length", "12"), ("Content-type", "text/plain")], "length", b"hello, world")],
    "a 12-byte Content-Length body", src(F, T))
T = "TestStream.test_large_compressed_stream"
c = zlib.compressobj(6, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
gz = c.compress(b"x" * 296085) + c.flush()
add("gzip-content-length", "response",
    (b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\nContent-Encoding: gzip\r\n\r\n" % len(gz)) + gz, "ok",
    [res(200, "OK", [("Content-Length", str(len(gz))), ("Content-Encoding", "gzip")], "length", gz)],
    "a gzip body of %d bytes framed by Content-Length; Content-Encoding does not change the framing "
    "(the body bytes are built as the test builds them, with zlib level 6)" % len(gz), src(F, T))

# --- TestBadContentLength ------------------------------------------------------------------------
T = "TestBadContentLength.test_enforce_content_length_get"
add("content-length-22-body-12", "response",
    b"HTTP/1.1 200 OK\r\nContent-Length: 22\r\nContent-type: text/plain\r\n\r\nhello, world", "error", [],
    "Content-Length: 22 but 12 body bytes before close: incomplete (RFC 9112 8); urllib3 also "
    "raises ProtocolError '12 bytes read, 10 more expected'", src(F, T))
T = "TestBadContentLength.test_enforce_content_length_no_body"
add("head-content-length-22", "response",
    b"HTTP/1.1 200 OK\r\nContent-Length: 22\r\nContent-type: text/plain\r\n\r\n", "ok",
    [res(200, "OK", [("Content-Length", "22"), ("Content-type", "text/plain")], "none")],
    "a response to HEAD: no body, so Content-Length: 22 is not a promise of body bytes "
    "(RFC 9112 6.3 rule 1, RFC 9110 8.6)", src(F, T, "HEAD request"), methods=["HEAD"])

# --- TestRetryPoolSizeDrainFail ----------------------------------------------------------------------
T = "TestRetryPoolSizeDrainFail.test_pool_size_retry_drain_fail"
add("404-content-length-1000-no-body", "response",
    b"HTTP/1.1 404 NOT FOUND\r\nContent-Length: 1000\r\nContent-Type: text/plain\r\n\r\n", "error", [],
    "Content-Length: 1000 and the server closes after the head: incomplete (RFC 9112 8)",
    src(F, T, "sent on both connections"))

# --- TestBrokenPipe ------------------------------------------------------------------------------------
T = "TestBrokenPipe.test_ignore_broken_pipe_errors"
add("404-close-10", "response",
    b"HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 10\r\n\r\nxxxxxxxxxx", "ok",
    [res(404, "Not Found", [("Connection", "close"), ("Content-Length", "10")], "length", b"x" * 10)],
    "a 404 with a 10-byte Content-Length body and Connection: close (sent before the client has "
    "finished its request)", src(F, T, "sent on both connections"))

# --- TestMultipartResponse -------------------------------------------------------------------------------
T = "TestMultipartResponse.test_multipart_assert_header_parsing_no_defects"
mp = (b"--36eeb8c4e26d842a\r\nContent-Type: text/plain\r\n\r\n1\r\n--36eeb8c4e26d842a--\r\n")
assert len(mp) == 73
add("multipart-404", "response",
    b"HTTP/1.1 404 Not Found\r\nServer: example.com\r\n"
    b"Content-Type: multipart/mixed; boundary=36eeb8c4e26d842a\r\nContent-Length: 73\r\n\r\n" + mp, "ok",
    [res(404, "Not Found", [("Server", "example.com"),
                            ("Content-Type", "multipart/mixed; boundary=36eeb8c4e26d842a"),
                            ("Content-Length", "73")], "length", mp)],
    "a multipart body framed by Content-Length: the CRLFs and field-like lines inside the body are "
    "body data, not fields", src(F, T, "sent on both connections"))

# --- TestContentFraming -----------------------------------------------------------------------------------
for t in ["TestContentFraming.test_content_length_0_by_default",
          "TestContentFraming.test_chunked_specified",
          "TestContentFraming.test_chunked_not_specified",
          "TestContentFraming.test_framing_set_via_headers"]:
    dup("response", SRV, src(F, t, "response"))

T = "TestContentFraming.test_content_length_0_by_default"
for m in (b"POST", b"PUT", b"PATCH"):
    for cl in (None, 0):
        if cl is None:
            r, fields = u3req(m, [(b"Content-Length", b"0")])
        else:
            r, fields = u3req(m, [], [(b"Content-Length", b"0")])
        add("cl0-default-%s-%s" % (b2s(m).lower(), "none" if cl is None else "0"), "request", r, "ok",
            [req(b2s(m), "/", fields, "length")],
            "a %s without body carries Content-Length: 0 (RFC 9110 8.6: a user agent SHOULD send it "
            "when a body is expected); %s" % (b2s(m), RECON % "'Content-Length: 0\\r\\n' and no "
                                             "Transfer-Encoding"),
            src(F, T, "method=%s, content_length=%s" % (b2s(m), cl)))

CH10 = b"a\r\nxxxxxxxxxx\r\n0\r\n\r\n"
for m in (b"POST", b"PUT", b"PATCH"):
    r, fields = u3req(m, [(b"Transfer-Encoding", b"chunked")], body=CH10)
    T = "TestContentFraming.test_chunked_specified"
    add("chunked-%s" % b2s(m).lower(), "request", r, "ok",
        [req(b2s(m), "/", fields, "chunked", b"x" * 10)],
        "a chunked request body of one 10-byte chunk; " +
        RECON % "the body '\\r\\n\\r\\na\\r\\nxxxxxxxxxx\\r\\n0\\r\\n\\r\\n', Transfer-Encoding: chunked, "
        "no Content-Length, and exactly 5 colons (so these 4 fields)",
        src(F, T, "method=%s, chunked=True, body_type=file" % b2s(m)))
    for ch, bt in [(True, "generator"), (True, "bytes"), (False, "file"), (False, "generator")]:
        dup("request", r, src(F, T, "method=%s, chunked=%s, body_type=%s" % (b2s(m), ch, bt)))
    T = "TestContentFraming.test_chunked_not_specified"
    for bt in ("file", "generator", "file_text"):
        dup("request", r, src(F, T, "method=%s, body_type=%s" % (b2s(m), bt)))
    r, fields = u3req(m, [(b"Content-Length", b"10")], body=b"x" * 10)
    add("content-length-10-%s" % b2s(m).lower(), "request", r, "ok",
        [req(b2s(m), "/", fields, "length", b"x" * 10)],
        "a 10-byte Content-Length request body; " +
        RECON % "'Content-Length: 10\\r\\n', no Transfer-Encoding, the stream ending in "
        "'\\r\\n\\r\\nxxxxxxxxxx' and exactly 5 colons",
        src(F, T, "method=%s, body_type=bytes" % b2s(m)))
    dup("request", r, src(F, T, "method=%s, body_type=bytearray" % b2s(m)))
skip("parametrization skipped by the peer itself (pytest.skip)", F,
     "TestContentFraming.test_chunked_specified[POST/PUT/PATCH, chunked=False, body_type=bytes] (3)")

T = "TestContentFraming.test_framing_set_via_headers"
for tr_name, tr in [("lower", bytes.lower), ("title", bytes.title), ("upper", bytes.upper)]:
    r, fields = u3req(b"POST", [], [(tr(b"content-length"), b"10")], b"xxxxxxxx")
    add("framing-cl10-body8-%s" % tr_name, "request", r, "error", [],
        "differs from urllib3 (as tested): the caller's '%s: 10' field with an 8-byte body; urllib3 "
        "sends it as is and the test passes as soon as the 8 bytes arrive. The stream then ends 2 "
        "bytes short of the Content-Length: an incomplete request (RFC 9112 6.2, 8; the dump's end "
        "of stream inside a body is an error). %s" %
        (b2s(tr(b"content-length")), RECON % "that the stream ends in ': 10\\r\\n\\r\\nxxxxxxxx'"),
        src(F, T, "header=content-length, header_transform=str.%s" % tr_name))
    r, fields = u3req(b"POST", [], [(tr(b"transfer-encoding"), b"chunked")], b"8\r\nxxxxxxxx\r\n0\r\n\r\n")
    add("framing-te-chunked-%s" % tr_name, "request", r, "ok",
        [req("POST", "/", fields, "chunked", b"xxxxxxxx")],
        "the caller's '%s: chunked' field: the name is case-insensitive (RFC 9110 5.1), the body is "
        "chunked; %s" % (b2s(tr(b"transfer-encoding")),
                         RECON % "that the stream ends in ': chunked\\r\\n\\r\\n8\\r\\nxxxxxxxx\\r\\n0\\r\\n\\r\\n'"),
        src(F, T, "header=transfer-encoding, header_transform=str.%s" % tr_name))

# ===========================================================================
# test_chunked_transfer.py (urllib3 1.x era text)
# ===========================================================================
F = "CT"
d = b"HTTP/1.1 200 OK\r\nContent-type: text/plain\r\nContent-Length: 0\r\n\r\n"
add("chunked-handler-response", "response", d, "ok",
    [res(200, "OK", [("Content-type", "text/plain"), ("Content-Length", "0")], "length")],
    "an empty Content-Length body", src(F, "TestChunkedTransfer.start_chunked_handler",
                                         "used by the chunked request tests"))

RECON1 = ("request bytes reconstructed: the test checks %s; the head is what urllib3 1.x "
          "request_chunked() writes (request-line, Host unless given, Accept-Encoding: identity, the "
          "caller's fields, Transfer-Encoding: chunked), with the ephemeral port written as 8080")


def u3chunked(chunks, user=(), host=True):
    fields = []
    if host:
        fields.append((b"Host", HOSTPORT))
    fields.append((b"Accept-Encoding", b"identity"))
    fields += list(user)
    fields.append((b"Transfer-Encoding", b"chunked"))
    body = b"".join(b"%x\r\n%s\r\n" % (len(c), c) for c in chunks if c) + b"0\r\n\r\n"
    return (b"GET / HTTP/1.1\r\n" + b"".join(n + b": " + v + b"\r\n" for n, v in fields) + b"\r\n"
            + body), fields


CHUNKS = [b"foo", b"bar", b"", b"bazzzzzzzzzzzzzzzzzzzzzz"]
r, fields = u3chunked(CHUNKS, [(b"DNT", b"1")])
add("get-chunked-chunks", "request", r, "ok",
    [req("GET", "/", fields, "chunked", b"".join(CHUNKS))],
    "a GET with a chunked body of 3 chunks (the empty one is not sent: it would be the last chunk); "
    "a request body on GET is framed like any other (RFC 9112 6.3 rule 4); " +
    RECON1 % "the chunk-size and chunk-data lines of the body",
    src(F, "TestChunkedTransfer.test_chunks"))
for slug, t, data in [("get-chunked-bytes", "test_bytestring_body", b"thisshouldbeonechunk\r\nasdf"),
                      ("get-chunked-utf8", "test_unicode_body",
                       u"thisshouldbeonechunk\r\n\u00e4\u00f6\u00fc\u00df".encode("utf-8"))]:
    r, fields = u3chunked([data])
    add(slug, "request", r, "ok", [req("GET", "/", fields, "chunked", data)],
        "one chunk of %d bytes whose data holds CRLF%s: chunk-data is counted, not scanned for line "
        "ends (RFC 9112 7.1); " % (len(data), " and UTF-8 bytes" if "utf8" in slug else "") +
        RECON1 % "the size line (hex of the length), the data and the last chunk",
        src(F, "TestChunkedTransfer." + t))
r, fields = u3chunked([])
add("get-chunked-empty", "request", r, "ok", [req("GET", "/", fields, "chunked", b"")],
    "a chunked body with only the last chunk '0\\r\\n\\r\\n': an empty body; " +
    RECON1 % "that the body is exactly '0\\r\\n\\r\\n'", src(F, "TestChunkedTransfer.test_empty_body"))
for t in ("test_empty_string_body", "test_empty_iterable_body"):
    dup("request", r, src(F, "TestChunkedTransfer." + t))
r, fields = u3chunked(CHUNKS, [(b"Host", b"test.org")], host=False)
add("get-chunked-caller-host", "request", r, "ok",
    [req("GET", "/", fields, "chunked", b"".join(CHUNKS))],
    "the caller's Host replaces the default one: exactly one Host line (RFC 9112 3.2); " +
    RECON1 % "that one Host line is sent", src(F, "TestChunkedTransfer.test_removes_duplicate_host_header"))
r, fields = u3chunked(CHUNKS)
add("get-chunked-default-host", "request", r, "ok",
    [req("GET", "/", fields, "chunked", b"".join(CHUNKS))],
    "the default Host line, one only; " + RECON1 % "that one Host line is sent",
    src(F, "TestChunkedTransfer.test_provides_default_host_header"))
add("404-no-framing", "response", b"HTTP/1.1 404 Not Found\r\n\r\n", "ok",
    [res(404, "Not Found", [], "close")],
    "a 404 with no framing field: close-delimited empty body (RFC 9112 6.3 rule 8)",
    src(F, "TestChunkedTransfer.test_preserve_chunked_on_retry", "sent on both connections"))
add("301-location", "response", b"HTTP/1.1 301 Moved Permanently\r\nLocation: /redirect\r\n\r\n", "ok",
    [res(301, "Moved Permanently", [("Location", "/redirect")], "close")],
    "a 301 with no framing field: close-delimited empty body",
    src(F, "TestChunkedTransfer.test_preserve_chunked_on_redirect", "first connection"))
add("200-no-framing", "response", b"HTTP/1.1 200 OK\r\n\r\n", "ok",
    [res(200, "OK", [], "close")],
    "a 200 with no field at all: close-delimited empty body",
    src(F, "TestChunkedTransfer.test_preserve_chunked_on_redirect", "second connection"))

# ===========================================================================
# test_response.py (urllib3 1.x era text): chunked fixtures and length tests.
# The status line 'HTTP/1.1 200 OK' and the field lines are written from the
# test's headers dict, in its order and case.
# ===========================================================================
F = "RS"
WRAP = ("; the status-line 'HTTP/1.1 200 OK' is added and the fields are the test's headers dict, "
        "in its order and case")


def rs(fields, body):
    return b"HTTP/1.1 200 OK\r\n" + b"".join(n + b": " + v + b"\r\n" for n, v in fields) + b"\r\n" + body


def enc(chunks, fmt):
    return b"".join(fmt(c) for c in list(chunks) + [b""])


STD = lambda c: b"%X\r\n" % len(c) + c + b"\r\n"
TEc = [(b"transfer-encoding", b"chunked")]

T = "TestResponse.test_length_w_valid_header"
add("rs-content-length-5", "response", rs([(b"content-length", b"5")], b"12345"), "ok",
    [res(200, "OK", [("content-length", "5")], "length", b"12345")],
    "a 5-byte Content-Length body" + WRAP, src(F, T))
T = "TestResponse.test_length_w_bad_header"
for slug, v in [("foo", b"foo"), ("minus-10", b"-10")]:
    add("rs-content-length-" + slug, "response", rs([(b"content-length", v)], b"12345"), "error", [],
        "differs from urllib3: Content-Length '%s' is not 1*DIGIT; urllib3 ignores it "
        "(length_remaining None) and reads to close. RFC 9112 6.3 rule 5: an invalid Content-Length "
        "in a response is an unrecoverable framing error; the profile rejects any invalid value"
        % b2s(v) + WRAP, src(F, T, "content-length %s" % b2s(v)))
T = "TestResponse.test_length_when_chunked"
add("rs-cl-and-te-unchunked-body", "response",
    rs([(b"content-length", b"5"), (b"transfer-encoding", b"chunked")], b"12345"), "error", [],
    "Content-Length and Transfer-Encoding: chunked together: Transfer-Encoding overrides "
    "(RFC 9112 6.3 rule 3), so '12345' is read as a chunk-size line that never ends; urllib3 "
    "also ignores the Content-Length (the test checks only that)" + WRAP, src(F, T))
T = "TestResponse.test_length_with_multiple_content_lengths"
add("rs-content-length-5-5-5", "response", rs([(b"content-length", b"5, 5, 5")], b"abcde"), "either",
    [res(200, "OK", [("content-length", "5, 5, 5")], "length", b"abcde")],
    "a Content-Length list of identical values: a recipient MAY accept it as one value (RFC 9110 8.6), "
    "so the profile allows either reading; urllib3 accepts it as 5" + WRAP, src(F, T, "'5, 5, 5'"))
add("rs-content-length-5-42", "response", rs([(b"content-length", b"5, 42")], b"abcde"), "error", [],
    "differing Content-Length values: an error (RFC 9110 8.6, RFC 9112 6.3 rule 5); urllib3 raises "
    "InvalidHeader too" + WRAP, src(F, T, "'5, 42'"))

T = "TestResponse.test_mock_transfer_encoding_chunked"
st = [b"fo", b"o", b"bar"]
add("rs-chunked-fo-o-bar", "response", rs(TEc, enc(st, STD)), "ok",
    [res(200, "OK", TEc, "chunked", b"".join(st))],
    "a chunked body of three chunks and the last chunk (MockChunkedEncodingResponse writes '%X\\r\\n' "
    "data '\\r\\n' for each, then '0\\r\\n\\r\\n')" + WRAP, src(F, T))
T = "TestResponse.test_mock_gzipped_transfer_encoding_chunked_decoded"
c = zlib.compressobj(6, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
gz = c.compress(b"foobar") + c.flush()
fl = TEc + [(b"content-encoding", b"gzip")]
add("rs-chunked-gzip-2-byte-chunks", "response",
    rs(fl, enc([gz[i:i + 2] for i in range(0, len(gz), 2)], STD)), "ok",
    [res(200, "OK", fl, "chunked", gz)],
    "a gzip body cut into 2-byte chunks; the decoder delivers the coded bytes, Content-Encoding is "
    "not its business" + WRAP, src(F, T))
T = "TestResponse.test_mock_transfer_encoding_chunked_custom_read"
st = [b"foooo", b"bbbbaaaaar"]
d = rs(TEc, enc(st, STD))
add("rs-chunked-5-a", "response", d, "ok", [res(200, "OK", TEc, "chunked", b"".join(st))],
    "chunks of 5 and 10 bytes (upper-case hex size 'A')" + WRAP, src(F, T))
dup("response", d, src(F, "TestResponse.test_mock_transfer_encoding_chunked_unlmtd_read"))
T = "TestResponse.test_invalid_chunks"
add("rs-chunk-size-zzz", "response", rs(TEc, enc(st, lambda c: b"ZZZ\r\n" + c + b"\r\n")), "error", [],
    "chunk-size 'ZZZ' is not HEXDIG (RFC 9112 7.1); urllib3 raises ProtocolError too" + WRAP, src(F, T))
T = "TestResponse.test_chunked_response_without_crlf_on_end"
st = [b"foo", b"bar", b"baz"]
add("rs-chunked-no-final-crlf", "response",
    rs(TEc, enc(st, lambda c: b"%X\r\n" % len(c) + c + (b"\r\n" if c else b""))), "error", [],
    "differs from urllib3: the stream ends after the last-chunk line '0\\r\\n', without the empty line "
    "that ends the trailer section; urllib3 returns the three chunks. chunked-body ends in "
    "last-chunk trailer-section CRLF (RFC 9112 7.1); end of stream before it is an incomplete "
    "message (CONFORMANCE.md 1)" + WRAP, src(F, T))
T = "TestResponse.test_chunked_response_with_extensions"
st = [b"foo", b"bar"]
add("rs-chunk-extensions", "response",
    rs(TEc, enc(st, lambda c: b"%X;asd=qwe\r\n" % len(c) + c + b"\r\n")), "ok",
    [res(200, "OK", TEc, "chunked", b"foobar")],
    "every chunk, the last one too, carries the extension ';asd=qwe' (chunk-ext = ';' name '=' token, "
    "RFC 9112 7.1.1); extensions are ignored" + WRAP, src(F, T))
T = "TestResponse.test_chunked_head_response"
add("rs-head-chunked", "response", rs(TEc, b""), "ok", [res(200, "OK", TEc, "none")],
    "a chunked response to HEAD: no body (RFC 9112 6.3 rule 1)" + WRAP, src(F, T), methods=["HEAD"])
skip("HTTPResponse API or body-only fixture (content decoding, streaming, io), no HTTP/1 framing", F,
     *["TestLegacyResponse.test_getheaders", "TestLegacyResponse.test_getheader"] +
     ["TestResponse.test_" + n for n in (
         "cache_content default none preload no_preload decode_bad_data reference_read decode_deflate "
         "decode_deflate_case_insensitve chunked_decoding_deflate chunked_decoding_deflate2 "
         "chunked_decoding_gzip decode_gzip_multi_member decode_gzip_error decode_gzip_swallow_garbage "
         "chunked_decoding_gzip_swallow_garbage body_blob io io_closed_consistently io_bufferedreader "
         "streaming streaming_tell gzipped_streaming gzipped_streaming_tell "
         "deflate_streaming_tell_intermediate_point deflate_streaming deflate2_streaming empty_stream "
         "length_no_header length_after_read mock_httpresponse_stream read_not_chunked_response_as_chunks "
         "get_case_insensitive_headers retries geturl geturl_retries").split()])

# ===========================================================================
# test_header_space.py
# ===========================================================================
F = "HS"


def hs(line, loc):
    return (b"HTTP/1.1 200 OK\r\n" + (line if loc == "start" else b"") + b"Content-Length: 0\r\n" +
            (line if loc == "middle" else b"") + b"Connection: close\r\n" +
            (line if loc == "end" else b"") + b"\r\n")


def hs_fields(name, value, loc):
    f = [("Content-Length", "0"), ("Connection", "close")]
    i = {"start": 0, "middle": 1, "end": 2}[loc]
    f.insert(i, (name, value))
    return f


for t, line, value, what in [
    ("test_normal_header", b"Qwe-Asd: qweasd\r\n", "qweasd", "an ordinary field line"),
    ("test_2_spaces_after_colon", b"Qwe-Asd:  qweasd\r\n", "qweasd",
     "two SP after the colon are OWS, not part of the value (RFC 9112 5.1)"),
    ("test_space_in_header_value", b"Qwe-Asd: qwe asd\r\n", "qwe asd",
     "an SP inside the value is part of it (RFC 9110 5.5)"),
    ("test_space_after_header_value", b"Qwe-Asd: qweasd \r\n", "qweasd",
     "a trailing SP is OWS and is not part of the value (RFC 9112 5.1)"),
]:
    for loc in ("start", "middle", "end"):
        add("hs-%s-%s" % (t[5:].replace("_", "-"), loc), "response", hs(line, loc), "ok",
            [res(200, "OK", hs_fields("Qwe-Asd", value, loc), "length")],
            "%s, placed %s the other fields" % (what, {"start": "before", "middle": "between",
                                                       "end": "after"}[loc]),
            src(F, "TestHeaderSpace." + t, "header_loc=%s" % loc))

T = "TestHeaderSpace.test_space_before_header"
add("hs-space-before-header-middle", "response", hs(b" Qwe-Asd: qweasd\r\n", "middle"), "error", [],
    "a line starting with SP after 'Content-Length: 0' is obs-fold (RFC 9112 5.2); the profile unfolds "
    "it in a response, which makes the Content-Length value '0 Qwe-Asd: qweasd', not 1*DIGIT: a "
    "framing error (RFC 9112 6.3 rule 5). urllib3 raises InvalidHeader too",
    src(F, T, "header_loc=middle"))
add("hs-space-before-header-end", "response", hs(b" Qwe-Asd: qweasd\r\n", "end"), "ok",
    [res(200, "OK", [("Content-Length", "0"), ("Connection", "close Qwe-Asd: qweasd")], "length")],
    "differs from urllib3: a line starting with SP after 'Connection: close' is obs-fold (RFC 9112 "
    "5.2). urllib3 sees the CRLF that http.client leaves in the folded value and raises "
    "InvalidHeader; the profile accepts obs-fold in a response and reads each fold as one SP, so "
    "Connection is 'close Qwe-Asd: qweasd' (RFC 9112 5.2: a user agent MUST replace each obs-fold "
    "with SP before interpreting the value)", src(F, T, "header_loc=end"))
add("hs-space-before-header-start", "response", hs(b" Qwe-Asd: qweasd\r\n", "start"), "either",
    [res(200, "OK", [("Content-Length", "0"), ("Connection", "close")], "length")],
    "a line starting with SP right after the status-line, with no field before it to fold into. "
    "RFC 9112 2.2: a recipient MUST either reject the message or consume each such line without "
    "processing it, so both readings are allowed (the profile's obs-fold rule presumes a field to "
    "continue). The test's docstring records that urllib3 (http.client) drops the line and returns "
    "the other two fields; the test's loop leaves this position out",
    src(F, T, "header_loc=start, described in the docstring, not run"))
for t, line, what in [
    ("space_in_header_name", b"Qwe -Asd: qweasd\r\n", "a SP inside the field-name"),
    ("space_before_colon", b"Qwe-Asd : qweasd\r\n", "a SP between the field-name and the colon"),
]:
    for loc in ("start", "middle", "end"):
        add("hs-%s-%s" % (t.replace("_", "-"), loc), "response", hs(line, loc), "error", [],
            ("" if loc == "start" else "differs from urllib3 (per the peer's comments): ") +
            "%s: field-name is a token and no whitespace is allowed between it and the colon "
            "(RFC 9110 5.1, RFC 9112 5.1: a proxy MUST remove it, a server MUST reject; the profile "
            "rejects it in both roles). The test is commented out in the peer's file: its comments "
            "record that http.client raises at 'start' and, at 'middle' and 'end', silently drops "
            "this line and the ones after it" % what,
            src(F, "TestHeaderSpace.test_%s (commented out)" % t, "header_loc=%s" % loc))

# ===========================================================================
# test_headers.py (nose-era text): the broken-header streams differ from
# test_socketlevel.py's (each line already ends in CRLF before the join).
# ===========================================================================
F = "HD"
BH = b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\nContent-type: text/plain\r\n"
for slug, t, lines, what in [
    ("old-empty-field-name", "test_header_without_name", [b": Value\r\n", b"Another: Header\r\n"],
     "the line ': Value' (an empty field-name) is followed by an empty line, so the head ends there "
     "and 'Another: Header' would start the next response"),
    ("old-lone-colon", "test_header_without_name_or_value", [b":\r\n", b"Another: Header\r\n"],
     "the line ':' (an empty field-name), then an empty line"),
    ("old-line-without-colon", "test_header_without_colon_or_value", [b"Broken Header", b"Another: Header"],
     "the line 'Broken Header' has no colon, and the head never gets its empty line"),
]:
    add(slug, "response", BH + b"\r\n".join(lines) + b"\r\n", "error", [],
        "differs from urllib3: %s; urllib3 logs 'Failed to parse headers' and returns the response. "
        "A field-line needs a token field-name and a colon (RFC 9110 5.1, RFC 9112 5)" % what,
        src(F, "TestBrokenHeaders." + t))
dup("response", b"HTTP/1.1 200 OK\r\nSet-Cookie: foo=1\r\nSet-Cookie: bar=1\r\n\r\n",
    src(F, "TestCookies.test_multi_setcookie"))

# ===========================================================================
# test_header_bytes.py (with_dummyserver)
# ===========================================================================
F = "HB"
T = "TestBinaryHeaderWire.test_connect_preserves_duplicate_binary_proxy_headers"
add("connect-200-bare", "response", b"HTTP/1.1 200 OK\r\n\r\n", "ok", [res(200, "OK", [], "upgrade")],
    "a 2xx answer to CONNECT with no field: tunnel after the head (RFC 9112 6.3 rule 2)",
    src(F, T, "response"), methods=["CONNECT"])
r = b"CONNECT example.com:443 HTTP/1.1\r\nX-Raw: \x80\r\nX-Raw: \xff\r\nHost: example.com:443\r\n\r\n"
add("connect-obs-text-fields", "request", r, "ok",
    [req("CONNECT", "example.com:443", [("X-Raw", b"\x80"), ("X-Raw", b"\xff"),
                                        ("Host", "example.com:443")], "upgrade")],
    "two field lines whose values are single obs-text bytes (0x80, 0xFF), allowed in a value "
    "(RFC 9110 5.5); the request-line and Host are what http.client's _tunnel writes (Host after the "
    "tunnel fields); the test checks 'X-Raw: \\x80\\r\\nX-Raw: \\xff\\r\\n'",
    src(F, T, "CONNECT request"))
T = "TestBinaryHeaderWire.test_combined_bytes_are_sent_without_transcoding"
for slug, v in [("empty", b""), ("latin1", b"Sch\xf6nefeld/1.18.0"), ("80ff", b"\x80\xff")]:
    r, fields = u3req(b"GET", [], [(b"X-Raw", v + b", next"), (b"X-Text", b"unchanged")])
    add("raw-value-" + slug, "request", r, "ok", [req("GET", "/", fields)],
        "a combined value %r with obs-text bytes kept as sent (RFC 9110 5.5); " % b2s(v + b", next") +
        RECON % "the lines 'X-Raw: <value>, next\\r\\n' and 'X-Text: unchanged\\r\\n'",
        src(F, T, "value=%r" % v))
    echo = (b"HTTP/1.1 200 OK\r\nContent-Length: " + str(len(r)).encode() +
            b"\r\nConnection: close\r\n\r\n" + r)
    add("raw-value-echo-" + slug, "response", echo, "ok",
        [res(200, "OK", [("Content-Length", str(len(r))), ("Connection", "close")], "length", r)],
        "the echo response: the request bytes, obs-text included, as a Content-Length body",
        src(F, T, "echo response, value=%r" % v))

skip("HTTPHeaderDict / HTTPResponse API test, no HTTP/1 message as bytes", "UB",
     "TestHTTPHeaderBytes.test_single_value_preserves_octets",
     "TestHTTPHeaderBytes.test_multiple_values_and_copy",
     "TestHTTPHeaderBytes.test_mixed_values_fail_without_mutating_existing_header",
     "TestHTTPHeaderBytes.test_mapping_operations_preserve_binary_and_text_fields",
     "TestHTTPHeaderBytes.test_empty_binary_value_and_replacement",
     "TestHTTPHeaderBytes.test_response_decodes_binary_metadata_without_changing_header_values",
     "TestHTTPHeaderBytes.test_binary_redirect_and_retry_metadata")


def main():
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    with open(os.path.join(here, NAME + ".json"), "w") as f:
        json.dump(CASES, f, ensure_ascii=True, indent=1)
        f.write("\n")
    counts, modes = {}, {}
    for c in CASES:
        counts[c["expect"]] = counts.get(c["expect"], 0) + 1
        k = "%s/%s" % (c["mode"], c["expect"])
        modes[k] = modes.get(k, 0) + 1
    print("cases: %d %s" % (len(CASES), counts))
    print("by mode/expect: %s" % sorted(modes.items()))
    print("differs from urllib3: %d" % sum(1 for c in CASES if "differs from urllib3" in c["note"]))
    print("duplicates merged: %d" % len(DUPS))
    print("skipped:")
    for reason, tests in SKIPPED.items():
        print("  %s: %d" % (reason, len(tests)))


if __name__ == "__main__":
    main()
