#!/usr/bin/env python3
"""Build tests/corpus/curl.json: h1wire conformance cases converted from the
test suite of curl (https://github.com/curl/curl, the curl licence, an
MIT/X-style licence).

Source: curl's test case files tests/data/testNNNN, read through the search
tool's file index (repository curl/curl). Each test's commit is the one the
index returned for the stored version read; it is kept in each case's
`source`. Only the bytes that curl's test HTTP server (sws) sends to curl
are taken: the <reply> sections <data>, <dataN>, <connect>, <connectN>. They
are copied below as the text of the test file, and rebuilt into bytes the
way curl's harness does (tests/runner.pm prepro() and tests/testutil.pm
subbase64()/subnewlines(), and the attributes of docs/tests/FILEFORMAT.md):

  - variables: %HOSTIP -> 127.0.0.1, %HTTPPORT -> 8990, %TESTNUMBER -> the
    test number (none of them ends up in a converted response);
  - %b64[...]b64%, %hex[...]hex% and %repeat[N x s]% with %XX escapes;
  - crlf="yes" (and the newer crlf="headers") on a <data*> section: the
    harness's guessing rewrite (subnewlines(0, ...)): a status line
    `HTTP/(1.1|1.0|2|3) [1-5]...`, a line `name: value` with a name of
    [a-z0-9_-] and a blank line right after such a line get CRLF; every other
    line keeps its bare LF;
  - base64="yes": the section is base64-decoded; nonewline="yes": the last LF
    is cut;
  - <connect*> sections get no CRLF rewrite (prepro() only rewrites <data*>).

Every expectation is decided by the strict profile of CONFORMANCE.md
section 3 and RFC 9112 / RFC 9110, not by curl's answer. A small strict
reading of the profile (decode() in common.py) computes the messages; every case
also states its verdict by hand (ok / error / either), and the script stops
if the two disagree.

Bare-LF responses: most of curl's replies are written with bare LF line
ends (curl accepts them). They are converted as they are (the profile
refuses a bare LF: error), and each one also gets a derived "-crlf" variant
in which the line ends of the head, of chunk-size lines, after chunk data
and of trailers are CRLF (body bytes are left alone), so that the case
still tests its feature. Replies that are not HTTP/1.x at all (HTTP/0.9
bodies) get no variant: CRLF would not change their verdict.

Tests converted (49): 1 14 34 36 66 80 83 178 206 207 266 365 373 393 394
395 398 415 471 497 498 1033 1115 1116 1124 1125 1154 1164 1170 1172 1266
1267 1274 1277 1416 1417 1429 1430 1431 1432 1433 1466 1473 1479 1480 1482
1483 1484 1499. Read but not converted: 1205, 1060 and 1061 (only the first
16,000 characters of their large stored files could be read before the
session's look-up budget ran out, so their literal bytes are not known in
full).

Usage: curl_make.py   (no options)
"""
import base64
import json
import os
import re

from common import client_verdict

OUT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "curl.json")
REPO = "curl/curl"

HOSTIP = "127.0.0.1"
HTTPPORT = "8990"

TESTS = {}


def D(num, commit, name, command, reply):
    assert num not in TESTS, num
    TESTS[num] = {"commit": commit, "name": name, "command": command, "reply": reply}

D(1, "103f190f08c700e106bad01650fcbd59a5c5ec74", "HTTP GET", "http://%HOSTIP:%HTTPPORT/%TESTNUMBER",
"<reply>\n<data crlf=\"yes\">\nHTTP/1.1 200 OK\nDate: Tue, 09 Nov 2010 14:49:00 GMT\nServer: test-server/fake\nLast-Modified: Tue, 13 Jun 2000 12:10:00 GMT\nETag: \"21025-dc7-39462498\"\nAccept-Ranges: bytes\nContent-Length: 6\nConnection: close\nContent-Type: text/html\nFunny-head: yesyes\n\n-foo-\n</data>\n</reply>\n")
D(14, "0c8e88d57e13a56e263b7b2df37f2e6ae6cfa914", "HTTP HEAD with Connection: close", "http://%HOSTIP:%HTTPPORT/want/14 -i --head",
"<reply>\n<data>\nHTTP/1.1 200 OK\nServer: thebest/1.0\nConnection: close\n\n</data>\n</reply>\n")
D(34, "19babb20f6b7ab5cda0e84634d49baa627e025e9", "HTTP GET with chunked Transfer-Encoding", "http://%HOSTIP:%HTTPPORT/%TESTNUMBER",
"<reply>\n<data>\nHTTP/1.1 200 funky chunky!\nServer: fakeit/0.9 fakeitbad/1.0\nTransfer-Encoding: chunked\nConnection: mooo\n\n40\naaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n30\nbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\n21;heresatest=moooo\ncccccccccccccccccccccccccccccccc\n\n0\n\n</data>\n</reply>\n")
D(36, "05e4a3026da7c2dfbd3ed340a01d4a221a721168", "HTTP GET with bad chunked Transfer-Encoding", "http://%HOSTIP:%HTTPPORT/36",
"<reply>\n<data>\nHTTP/1.1 200 funky chunky!\nServer: fakeit/0.9 fakeitbad/1.0\nTransfer-Encoding: chunked\nConnection: mooo\n\n2\na\n\nILLEGAL\nbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\n</data>\n</reply>\n")
D(207, "05e4a3026da7c2dfbd3ed340a01d4a221a721168", "HTTP GET with chunked Transfer-Encoding closed pre-maturely", "http://%HOSTIP:%HTTPPORT/207",
"<reply>\n<data>\nHTTP/1.1 200 funky chunky! swsclose\nServer: fakeit/0.9 fakeitbad/1.0\nTransfer-Encoding: chunked\nConnection: mooo\n\n41\naaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n\n</data>\n</reply>\n")
D(266, "05e4a3026da7c2dfbd3ed340a01d4a221a721168", "HTTP GET with chunked Transfer-Encoding and chunked trailer", "http://%HOSTIP:%HTTPPORT/266 -D log/heads266",
"<reply>\n<data>\nHTTP/1.1 200 funky chunky!\nServer: fakeit/0.9 fakeitbad/1.0\nTransfer-Encoding: chunked\nTrailer: chunky-trailer\nConnection: mooo\n\n40\naaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n30\nbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\n21;heresatest=moooo\ncccccccccccccccccccccccccccccccc\n\n0\nchunky-trailer: header data\n\n</data>\n</reply>\n")
D(365, "3fd80c7b59fd0c3db1ff784c6fb0caf386bdb10f", "HTTP/1.1 with chunked AND Content-Length headers", "http://%HOSTIP:%HTTPPORT/%TESTNUMBER",
"<reply>\n<data>\nHTTP/1.1 200 OK\nDate: Tue, 09 Nov 2010 14:49:00 GMT\nServer: test-server/fake\nContent-Length: 123456\nTransfer-Encoding: chunked\nContent-Type: text/html\nFunny-head: yesyes\n\n10\nchunked data fun\n0\n\n</data>\n</reply>\n")
D(373, "135d3ad2b4a7a75076fcb2739b5d24f417ec1184", "Chunked transfer encoding - Multiple valid chunks with binary zeros.", "http://%HOSTIP:%HTTPPORT/chunked-transfer-encoding/%TESTNUMBER",
"<reply>\n<data>\nHTTP/1.1 200 OK\nDate: Thu, 22 Jul 2010 11:22:33 GMT\nConnection: close\nContent-Type: text/html\nTransfer-Encoding: chunked\nX-Control: swsclose\n\n100\n%repeat[255 x %00]%\n\n100\n%repeat[255 x %00]%\n\n100\n%repeat[255 x %00]%\n\n100\n%repeat[255 x %00]%\n\n0\n\n</data>\n</reply>\n")
D(393, "0ef8ce2b6829665971dd71e2b5a6c78ce6fc12fb", "HTTP max-filesize and out-of-range Content-Length", "http://%HOSTIP:%HTTPPORT/%TESTNUMBER --max-filesize 2000000",
"<reply>\n<data nocheck=\"yes\">\nHTTP/1.1 200 OK swsclose\nDate: Tue, 09 Nov 2010 14:49:00 GMT\nServer: test-server/fake\nLast-Modified: Tue, 13 Jun 2000 12:10:00 GMT\nETag: \"21025-dc7-39462498\"\nAccept-Ranges: bytes\nContent-Length: 36893488147419103232\nConnection: close\nContent-Type: text/html\nFunny-head: yesyes\n\n-foo-\n</data>\n</reply>\n")
D(394, "0c8e88d57e13a56e263b7b2df37f2e6ae6cfa914", "HTTP with rubbish in Content-Length", "http://%HOSTIP:%HTTPPORT/394",
"<reply>\n<data nocheck=\"yes\">\nHTTP/1.1 200 OK swsclose\nDate: Thu, 09 Nov 2010 14:49:00 GMT\nServer: test-server/fake\nLast-Modified: Tue, 13 Jun 2000 12:10:00 GMT\nETag: \"21025-dc7-39462498\"\nAccept-Ranges: bytes\nContent-Length: crap\nConnection: close\nContent-Type: text/html\nFunny-head: yesyes\n\n-foo-\n</data>\n</reply>\n")
D(395, "124198631b042830ba8019bd7842de92c0853fc5", "HTTP and out-of-range Content-Length", "http://%HOSTIP:%HTTPPORT/395",
"<reply>\n<data nocheck=\"yes\">\nHTTP/1.1 200 OK swsclose\nDate: Tue, 09 Nov 2010 14:49:00 GMT\nServer: test-server/fake\nLast-Modified: Tue, 13 Jun 2000 12:10:00 GMT\nETag: \"21025-dc7-39462498\"\nAccept-Ranges: bytes\nContent-Length: 36893488147419103232\nConnection: close\nContent-Type: text/html\nFunny-head: yesyes\n\n-foo-\n</data>\n</reply>\n")
D(415, "164265ff3e87b8f0738d289b862ce3e88c784973", "HTTP response with control code then negative Content-Length", "http://%HOSTIP:%HTTPPORT/%TESTNUMBER",
"<reply>\n<data>\nHTTP/1.1 200 OK swsclose\nDate: Tue, 09 Nov 2010 14:49:00 GMT\nContent-Length: -6\nContent-Type: text/html\nFunny-head: yesyes\n\nmoooooooooooo\n</data>\n</reply>\n")
D(178, "001758760b162e9facdaceea30e05789989f5a31", "simple HTTP GET with negative Content-Length", "http://%HOSTIP:%HTTPPORT/178",
"<reply>\n<data>\nHTTP/1.1 200 OK swsclose\nDate: Thu, 09 Nov 2010 14:49:00 GMT\nContent-Length: -6\nContent-Type: text/html\nFunny-head: yesyes\n\nmoooooooooooo\n</data>\n</reply>\n")
D(1416, "2180c217422810d5dd8bd9b59deb7fc79d4ff730", "HTTP GET with chunked Transfer-Encoding overflowed chunked size", "http://%HOSTIP:%HTTPPORT/%TESTNUMBER",
"<reply>\n<data nocheck=\"yes\">\nHTTP/1.1 200 funky chunky!\nServer: fakeit/0.9 fakeitbad/1.0\nTransfer-Encoding: chunked\nConnection: mooo\n\n12345678123456789\naaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n30\nbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\n21;heresatest=moooo\ncccccccccccccccccccccccccccccccc\n\n0\n\n</data>\n</reply>\n")
D(1417, "4674b552e8e88cdccefe77f6b167c085ee28cbe6", "HTTP GET with chunked encoding and chunked trailer without CRs", "http://%HOSTIP:%HTTPPORT/%TESTNUMBER -D %LOGDIR/heads%TESTNUMBER",
"<reply>\n<data>\nHTTP/1.1 200 funky chunky!\nServer: fakeit/0.9 fakeitbad/1.0\nTransfer-Encoding: chunked\nTrailer: chunky-trailer\nConnection: mooo\n\n40\naaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n30\nbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\n21;heresatest=moooo\ncccccccccccccccccccccccccccccccc\n\n0\nchunky-trailer: header data\n\n</data>\n</reply>\n")
D(1483, "2aea35330fca5a9297e24319532333b4c89e4abd", "HTTP GET with double chunked in TE header", "http://%HOSTIP:%HTTPPORT/%TESTNUMBER -D %LOGDIR/heads%TESTNUMBER",
"<reply>\n<data>\nHTTP/1.1 200 funky chunky!\nServer: fakeit/0.9 fakeitbad/1.0\nTransfer-Encoding: chunked\nTransfer-Encoding: chunked\nConnection: mooo\n\n40\naaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n30\nbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\n21;heresatest=moooo\ncccccccccccccccccccccccccccccccc\n\n0\nchunky-trailer: header data\nanother-header: yes\n\n</data>\n</reply>\n")
D(1499, "539cdb8e7be47eaebeacb711fc51f3dc4f77ff4a", "POST only a part of --data (first 26 byte, remove the cr/lf/crlf's and send it)", "http://%HOSTIP:%HTTPPORT/we/want/%TESTNUMBER --data @%LOGDIR/test%TESTNUMBER.txt!0-25",
"<reply>\n<data>\nHTTP/1.1 200 OK swsclose\nDate: Tue, 09 Nov 2010 14:49:00 GMT\nServer: test-server/fake\n\nblablabla\n\n</data>\n</reply>\n")
D(1116, "2aea35330fca5a9297e24319532333b4c89e4abd", "HTTP GET with chunked trailer without Trailer:", "http://%HOSTIP:%HTTPPORT/%TESTNUMBER -D %LOGDIR/heads%TESTNUMBER",
"<reply>\n<data>\nHTTP/1.1 200 funky chunky!\nServer: fakeit/0.9 fakeitbad/1.0\nTransfer-Encoding: chunked\nConnection: mooo\n\n40\naaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n30\nbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\n21;heresatest=moooo\ncccccccccccccccccccccccccccccccc\n\n0\nchunky-trailer: header data\nanother-header: yes\n\n</data>\n</reply>\n")
D(1124, "1bcfe29a276fd20412bda7fabcd425bfe365bf9c", "HTTP GET gzip+chunked transfer-encoded content", "http://%HOSTIP:%HTTPPORT/1124 --tr-encoding",
"<reply>\n<data base64=\"yes\">\nSFRUUC8xLjEgMjAwIE9LDQpEYXRlOiBNb24sIDI5IE5vdiAyMDI0IDIxOjU2OjUzIEdNVA0KU2Vy\ndmVyOiBTb21ldGhpbmctVEUtZnJpZW5kbHkvMC4xDQpWYXJ5OiBBY2NlcHQtRW5jb2RpbmcNCkNv\nbnRlbnQtVHlwZTogdGV4dC9odG1sOyBjaGFyc2V0PUlTTy04ODU5LTENClRyYW5zZmVyLUVuY29k\naW5nOiBnemlwLCBjaHVua2VkDQoNCjE0DQofiwgIeZ6rQQADbGFsYWxhAMvJzA0KMTgNCktVMORS\nyAHRRlwKEIYxFwAKAnFgGAAAAA0KMA0KDQo=\n</data>\n</reply>\n")
D(1125, "2180c217422810d5dd8bd9b59deb7fc79d4ff730", "HTTP GET transfer-encoding with custom Connection:", "http://%HOSTIP:%HTTPPORT/%TESTNUMBER --tr-encoding -H \"Connection: close\"",
"<reply>\n<data base64=\"yes\">\nSFRUUC8xLjEgMjAwIE9LDQpEYXRlOiBNb24sIDI5IE5vdiAyMDA0IDIxOjU2OjUzIEdNVA0KU2Vy\ndmVyOiBBcGFjaGUvMS4zLjMxIChEZWJpYW4gR05VL0xpbnV4KSBtb2RfZ3ppcC8xLjMuMjYuMWEg\nUEhQLzQuMy45LTEgbW9kX3NzbC8yLjguMjAgT3BlblNTTC8wLjkuN2QgbW9kX3BlcmwvMS4yOQ0K\nVmFyeTogQWNjZXB0LUVuY29kaW5nDQpDb250ZW50LVR5cGU6IHRleHQvaHRtbDsgY2hhcnNldD1J\nU08tODg1OS0xDQpUcmFuc2Zlci1FbmNvZGluZzogZ3ppcA0KQ29udGVudC1MZW5ndGg6IDQ0DQoN\nCh+LCAh5nqtBAANsYWxhbGEAy8nMS1Uw5FLIAdFGXAoQhjEXAAoCcWAYAAAA\n</data>\n</reply>\n")
D(1170, "08583c0576bd7eb3f5512c2eb8e413124da79300", "HTTP GET transfer-encoding with removed Connection:", "http://%HOSTIP:%HTTPPORT/%TESTNUMBER --tr-encoding -H \"Connection:\"",
"<reply>\n<data nocheck=\"yes\">\nHTTP/1.1 200 OK\nDate: Mon, 29 Nov 2004 21:56:53 GMT\nServer: Apache/1.3.31 (Debian GNU/Linux) mod_gzip/1.3.26.1a PHP/4.3.9-1 mod_ssl/2.8.20 OpenSSL/0.9.7d mod_perl/1.29\nVary: Accept-Encoding\nContent-Type: text/html; charset=ISO-8859-1\nTransfer-Encoding: gzip, chunked\n\n2c\n%hex[%1f%8b%08%08%79%9e%ab%41%00%03%6c%61%6c%61%6c%61%00%cb%c9%cc%4b%55%30%e4%52%c8%01%d1%46%5c]hex%\n%hex[%10%86%31%17%00]hex%\n%hex[%02%71%60%18%00%00%00]hex%\n0\n\n</data>\n</reply>\n")
D(1277, "08583c0576bd7eb3f5512c2eb8e413124da79300", "HTTP GET with both content and transfer encoding", "http://%HOSTIP:%HTTPPORT/%TESTNUMBER --tr-encoding --compressed",
"<reply>\n<data>\nHTTP/1.1 200 OK\nDate: Mon, 29 Nov 2004 21:56:53 GMT\nServer: Apache/1.3.31 (Debian GNU/Linux) mod_gzip/1.3.26.1a PHP/4.3.9-1 mod_ssl/2.8.20 OpenSSL/0.9.7d mod_perl/1.29\nVary: Accept-Encoding\nContent-Type: text/html; charset=ISO-8859-1\nTransfer-Encoding: gzip, chunked\nContent-Encoding: deflate\n\n522\n%hex[%1f%8b%08%00%07%81%b0%63%02%ff%01%0b%05%f4%fa%78%da%dd%58%db%6e%e3%36%10%7d%37%90%7f%60%fd%d4%02%b6%6e%b6%13%39%70%b4%28%72%d9%04%cd%36%c1%da%05%ba%4f%06%2d%d1%36%1b%49%14%48%ca%b9%3c%f4%db%3b%94%28%89%b1%1c%af%77%83%be%04%48%62%72%e6%9c%c3%e1%0c%49%93%99%7c%7a%4a%62%b4%21%5c%50%96%9e%75%5d%cb%e9%22%92%86%2c%a2%e9%ea%ac%7b%33%bd%eb%fb%fe%68%dc%77%bb%9f%82%ce%e4%97%8b%bb%f3%d9%b7%fb%4b%94%71%f6%0f%09%65%3f%a6%42%02%10%4d%bf%4d%67%97%5f%50%77%2d%65%76%6a%db%4b%4e%c4%3a%21%58%5a%29%91%f6%02%87%0f%24%8d%ec%65%d2%d7%3c%d1%77%ac%a1%15%c9%a8%0b%a2%5b%5a%41%07%a1%ca%a6%da%4d%6f%4e%a3%c0%3d%76%bd%89%6d%18%4a%44%84%25%99%e3%28%22%80%18%8f%fd%be%e3%f7%3d%17%39%c3%53%c7%3d%f5%c6%13%db%f0%1b%84%3c%53%1f%51%e0%39%ce%b0%ef%3a%7d%d7%47%8e%77%ea%c1%cf%40%53%2a%c4%ab%38%52%9c%90%b9%58%33%2e%83%30%e7%71%1d%8e%61%6f%e3%97%79%1c%17%70%84%d3%08%c5%74%d1%a6%16%10%1d%1e%11%a1%96%3a%67%49%52%52%52%82%24%63%b5%00%c7%fc%19%2d%19%47%61%4c%49%2a%fb%82%46%04%fd%f5%f5%16%49%8e%53%b1%84%8a%5a%30%8b%46%c8%50%de%19%0c%a2%02%e1%72%04%a5%5a%a9%70%55%df%25%8d%89%38%ea%e4%42%75%d4%18%e2%39%95%f8%c9%42%37%12%89%3c%cb%40%5f%a0%eb%d9%ec%be%57%fc%9d%f6%d0%15%b4%8f%3a%57%45%fb%e2%e6%7c%d6%43%b3%cb%db%3f%2f%e1%f3%f6%e2%77%80%5d%dd%dc%5e%f6%8a%e1%3f%df%dd%5f%5f%7e%85%36%0c%f0%48%62%88%a9%94%ea%67%4c%c8%9e%6e%e6%d0]hex%\n%hex[%19%7b%a0%44%14%da%28%cf%62%86%23%18%02%96%5a%9e%90%a8%99%75%0f%65%58%88%47%c6%23%d5%84%c8%d2%3c%59%14%f6%e9%f4%f6%a8%13%12%2e%e9%92%86%50%57%30%fd%41%38%f8%98%28%43%81%6a%3c%c1%08%c5%b4%20%1b%19%7b%24%9c%44%47%9d%c5%73%95%a4%1e%92%6b%f2%66%c6%ab%b2%58%47%9d%d9%1a%a8%08%c3%ef%82%a6%6a%33%09%48%6d%9d%6a%95%60%06%9b%0e%79%ce%51%27%c6%e9%2a%c7%2b%22%8a%18%48%ba%a1%9c%a5%09%0c%20%40%47%97%d0%58%1b%1b%2a%71%4c%e5%f3%5c%84%8c%93%60%74%e2%0f%ad%d1%c9%c4%de%b2%6f%81%33%c2%43%90%0c%06%96%7b%6c%60%2b%f3%16%1a%e6%f3%00%7b%6d%6c%20%0b%93%5e%d7%2c%cb%63%cc%9b%b1%8e%47%63%88%61%08%cb%79%db%d3%22%54%03%ba%03%cb%77%5f%11%5e%87%62%38%ca%60%9c%d1%2b%b4%11%0e%c7%c5%b9%e1%5b%23%67%62%eb%8e%e9%99%87%2c%07%5d%cf%ad%bc%da%f0]hex%\n%hex[%53%0e%e2%0f%6a%8c%31%80%c8%17%22%e4%34%93%70%44%8a%60%a0%4e%87%d7%a6%12%06%a5%4f%c3%f5%5c%ed%e5%e0%82%2c%71%1e%cb%89%6d%1a%4b%18%d4%7f%5e%1d%60%19%94%3d%d8%79%68%56%27%a5%ad%d6%8b%3d%b1%5b%ac%46%6c%cd%12%f2%b6%10%2c%60%ca%4b%15%75%78%da%26%43%eb%d6%02%8d%a6%5c%bd%1c%2e%07%60%ad%a4%68%8d%c8%e2%c5%3b%5c%04%c0%5a%44%d1%1a%91%17%9a%1d%2e%02%60%2d%a2%68%8d%48%b8%86%3d%46%62%b6%3a%5c%aa%a6%68%c1%46%a2%91%e5%59%72%b8%20%80%b5%94%a2%35%22%11%59%1c%2e%02%60%2d%a2%68%8d%08%13%4f%87%8b%00%58%8b%28%9a%51%2f%11%a9%f3%f2%07%6a%56%12%aa%ba%69%ba%b1%cc%73%0e%69%13%24%d0%eb%b7%ea%1a%85%d9%88%1f%28%c9%46%54%c5%d8%08%43%44%dd%1c%0e%57%51%68%2d%53%10%1b%9d%84%72%ce%f8%e1%4a%25%5e%6b%69%b2%59%d7%84%05%55%ad%a0%59%7a%62]hex%\n%hex[%87%1c%a4%e0%cb%cd%cc%fe%1b%9d%c3%e9%01%29%a3%79%82%6e%4b%c7%c4%ae%10%1a%af%be%a7%e4%9c%93%98%d4%99%6b%99%e7%fa%fe%16%9c%58%ae%67%c1%05%e9%0d%f7%1b%6c%75%af%3a%39%76%fc%51%8b%58%5d%b0%da%1c%75%2f%da%7d%71%da%05%2c%e7%62%ef%9a%cc%04%ce%51%02%13%5e%33%39%97%6b%f8%aa%86%9c%b5%4c%25%12%e7%12%6e%32%a2%0e%a9%ec%57%dd%da%a0%4f%60%9c%52%12%a3%a9%24%29%7c%c3%af%26%b6%e9%6c%51%a0%4a%bb%eb%fe%ef%02%af%22%a2%8a%6c%20%5b%74%ce%62%12%dc%3d%a6%84%d7%b8%c2%54%45%6a%9b%a1%56%3d%61%5c%c9%38%4d%68%8a%a5%39%3b%c9%e1%86%50%d4%06]hex%\n%hex[%5a%77%5a%5e%cf%3b%de%e7%1e%ec%e5%ee%73%ba%be%bf%97%eb%ee%1d%17%96%c6%fe%a8%f7%ba%dd%e3%e1%3e%f7%78%2f%d9%1f%ef%f5%3a%7b%dd%ee%e8%3b%71%7f%27%b0%fd%91%0d%5a%63%97%f7%bb%ed%f2%c3%9a%c8%e0%c9%04%0f%31%b8%8e%d6%3a%b5%f1%19%c9%e7%8c%9c%75%39%09%e1%75%a0%6c%ea%25%55%2f%ca%06%67%6e%64%47%0d%b5%cb%b1%93%a8%ef%2d%e0%3e%19%aa%62%ec%74%ed%64%1a%8f%b3%16%75%fb%e1%f6%16%57%52%a9%36%14%d8%e1%ce%8e%7e%d5%b7%a9%df%76%6a%95%d8%7a%a7%35%88%b7%f3%c6%8a%7b%1b%8e%ff%bf%a4%39%3f%9d%b1%e1%e0%9d%19%53%ef%ab%8f%9f%28%d7%1b%8c%dc%77%64%ea%05%9e%62%1f%3f%4b%03%cf%19%9e%bc%23%4b%d7%84%26%11%8e%3f%7e%a2%86%c3%d1%c0%7b%47%a2%c2%3e%3c%f5%c5%cf%e4%c9%b0%e8%b3%be%fe%af%50%d0%a9%9b%cd%7f%c7%fe%03%dd%38%8e%d1%d3%ef%e8%18%0b%05%00%00%0d]hex%\n0\n\n</data>\n</reply>\n")
D(1033, "1bcfe29a276fd20412bda7fabcd425bfe365bf9c", "HTTP GET with 102 response!", "http://%HOSTIP:%HTTPPORT/1033",
"<reply>\n<data>\nHTTP/1.1 102 unexpected huh?!\n\nHTTP/1.1 200 OK\nDate: Thu, 09 Nov 2010 14:49:00 GMT\nServer: test-server/fake\nLast-Modified: Tue, 13 Jun 2000 12:10:00 GMT\nETag: \"21025-dc7-39462498\"\nAccept-Ranges: bytes\nContent-Length: 6\nConnection: close\nContent-Type: text/html\nFunny-head: yesyes\n\n-foo-\n</data>\n</reply>\n")
D(1115, "0c022f37b43fef83136945187826e0d5eeb67b40", "HTTP GET with unexpected 1xx response", "http://%HOSTIP:%HTTPPORT/1115",
"<reply>\n<data>\nHTTP/1.1 104 Experiment\nServer: Microsoft-IIS/5.0\nDate: Sun, 03 Apr 2005 14:57:45 GMT\nX-Powered-By: ASP.NET\n\nHTTP/1.1 200 OK swsbounce\nServer: Microsoft-IIS/6.0\nContent-Type: text/html; charset=iso-8859-1\nContent-Length: 0\n\n</data>\n\n</reply>\n")
D(1480, "2a32b052987659a51fc0590eefd159235be470c1", "HTTP Continue response without final response", "http://%HOSTIP:%HTTPPORT/%TESTNUMBER",
"<reply>\n<data crlf=\"headers\">\nHTTP/1.1 100 Continue\nFoo: Bar\n\nData\nData\nData\n</data>\n</reply>\n")
D(1274, "0b87397f700b0a691c00b16f65e9d81c24f62c65", "HTTP header line folding", "http://%HOSTIP:%HTTPPORT/%TESTNUMBER -D %LOGDIR/out%TESTNUMBER",
"<reply>\n<data nocheck=\"yes\">\nHTTP/1.1 200 OK\nDate: Tue, 09 Nov 2010 14:49:00 GMT\nServer: test-server/\n fake\n folded\nLast-Modified: Tue, 13 Jun 2000 12:10:00 GMT\nETag: \"21025-dc7-39462498\"\nContent-Length: 6\nConnection:                                              \n   close\n\n-foo-\n</data>\n</reply>\n")
D(1473, "0b87397f700b0a691c00b16f65e9d81c24f62c65", "first HTTP header starts with white space", "http://%HOSTIP:%HTTPPORT/%TESTNUMBER",
"<reply>\n<data nocheck=\"yes\">\nHTTP/1.1 200 OK\n Date: Tue, 09 Nov 2010 14:49:00 GMT\nServer: test-server/\nLast-Modified: Tue, 13 Jun 2000 12:10:00 GMT\nETag: \"21025-dc7-39462498\"\nContent-Length: 6\n\n-foo-\n</data>\n</reply>\n")
D(1484, "2aea35330fca5a9297e24319532333b4c89e4abd", "HTTP HEAD with response body to ignore", "-I http://%HOSTIP:%HTTPPORT/%TESTNUMBER --http1.1",
"<reply>\n<data>\nHTTP/1.1 200 OK\nDate: Tue, 09 Nov 2010 14:49:00 GMT\nTransfer-Encoding: chunked\n\nHEAD response with content\n</data>\n</reply>\n")
D(1429, "006ff62d8c51f664c167c6337f009f9f65dd8ea7", "HTTP GET with 4-digit response code", "http://%HOSTIP:%HTTPPORT/1429 --write-out '%{response_code}' --http0.9",
"<reply>\n<data nocheck=\"yes\">\nHTTP/1.1 1234 OK\nDate: Thu, 09 Nov 2010 14:49:00 GMT\nServer: test-server/fake\nLast-Modified: Tue, 13 Jun 2000 12:10:00 GMT\nETag: \"21025-dc7-39462498\"\nAccept-Ranges: bytes\nContent-Length: 6\nConnection: close\nContent-Type: text/html\nFunny-head: yesyes\n\n-foo-\n</data>\n</reply>\n")
D(1430, "0138eb966614869aaace96724b61bb7427310e94", "HTTP GET with negative response code", "http://%HOSTIP:%HTTPPORT/1430",
"<reply>\n<data>\nHTTP/1.1 -12 OK\nDate: Thu, 09 Nov 2010 14:49:00 GMT\nServer: test-server/fake\nLast-Modified: Tue, 13 Jun 2000 12:10:00 GMT\nETag: \"21025-dc7-39462498\"\nAccept-Ranges: bytes\nContent-Length: 6\nConnection: close\nContent-Type: text/html\nFunny-head: yesyes\n\n-foo-\n</data>\n</reply>\n")
D(1431, "1bcfe29a276fd20412bda7fabcd425bfe365bf9c", "HTTP GET with single-digit reponse code", "http://%HOSTIP:%HTTPPORT/1431",
"<reply>\n<data>\nHTTP/1.1 2 OK\nDate: Thu, 09 Nov 2010 14:49:00 GMT\nServer: test-server/fake\nLast-Modified: Tue, 13 Jun 2000 12:10:00 GMT\nETag: \"21025-dc7-39462498\"\nAccept-Ranges: bytes\nContent-Length: 6\nConnection: close\nContent-Type: text/html\nFunny-head: yesyes\n\n-foo-\n</data>\n</reply>\n")
D(1432, "2aea35330fca5a9297e24319532333b4c89e4abd", "HTTP GET with 100-digit response code and survive", "http://%HOSTIP:%HTTPPORT/%TESTNUMBER",
"<reply>\n<data nocheck=\"yes\">\nHTTP/1.1 0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789 OK\nDate: Tue, 09 Nov 2010 14:49:00 GMT\nServer: test-server/fake\nLast-Modified: Tue, 13 Jun 2000 12:10:00 GMT\nETag: \"21025-dc7-39462498\"\nAccept-Ranges: bytes\nContent-Length: 6\nConnection: close\nContent-Type: text/html\nFunny-head: yesyes\n\n-foo-\n</data>\n</reply>\n")
D(1433, "28bf88b7ad33633646d83b843ace957f9feff1d9", "HTTP GET with 100-digit subversion number in response", "http://%HOSTIP:%HTTPPORT/%TESTNUMBER",
"<reply>\n<data nocheck=\"yes\">\nHTTP/1.0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789 200 OK\nDate: Tue, 09 Nov 2010 14:49:00 GMT\nServer: test-server/fake\nLast-Modified: Tue, 13 Jun 2000 12:10:00 GMT\nETag: \"21025-dc7-39462498\"\nAccept-Ranges: bytes\nContent-Length: 6\nConnection: close\nContent-Type: text/html\nFunny-head: yesyes\n\n-foo-\n</data>\n</reply>\n")
D(1466, "0a142efeb3fb83a2a00ef4a1a682ac2074f361e7", "HTTP GET with 3-digit response and only digits in reason", "http://%HOSTIP:%HTTPPORT/%TESTNUMBER",
"<reply>\n<data>\nHTTP/1.1 405 405\nContent-Length: 6\nConnection: close\n\n-foo-\n</data>\n</reply>\n")
D(1267, "07d5099c74fb897adcf73f050a5c3f3886e059ed", "HTTP GET with a invalid HTTP/1 response line start", "http://%HOSTIP:%HTTPPORT/%TESTNUMBER --http0.9",
"<reply>\n<data>\nHTTPr\n</data>\n<servercmd>\nswsclose\n</servercmd>\n</reply>\n")
D(1266, "1a18922121addbe52f771f8d204818adac026cec", "HTTP GET with a single-byte HTTP/0.9 response", "http://%HOSTIP:%HTTPPORT/%TESTNUMBER --http0.9",
"<reply>\n<data>\no\n</data>\n<servercmd>\nswsclose\n</servercmd>\n</reply>\n")
D(1164, "006ff62d8c51f664c167c6337f009f9f65dd8ea7", "HTTP/0.9 GET and all zeroes", "http://%HOSTIP:%HTTPPORT/1164 -w '%{size_download}\\n' --http0.9",
"<reply>\n# perl -e 'print \"swsclose\" . \"\\0\" x 200;' | base64\n# 'swsclose' is there to force server to close after send\n<data nocheck=\"yes\" base64=\"yes\">\nc3dzY2xvc2UAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==\n</data>\n</reply>\n")
D(1172, "0a142efeb3fb83a2a00ef4a1a682ac2074f361e7", "HTTP/0.9 GET response denied", "http://%HOSTIP:%HTTPPORT/%TESTNUMBER --no-http0.9",
"<reply>\n<data>\n-foo- swsclose\n</data>\n</reply>\n")
D(66, "006ff62d8c51f664c167c6337f009f9f65dd8ea7", "HTTP GET without headers in the response", "http://%HOSTIP:%HTTPPORT/66 --http0.9",
"<reply>\n<data>\nno headers swsclose\n</data>\n</reply>\n")
D(398, "2aea35330fca5a9297e24319532333b4c89e4abd", "Reject HTTP/1.1 response with colon-less header", "http://%HOSTIP:%HTTPPORT/%TESTNUMBER",
"<reply>\n\n<data nocheck=\"yes\">\nHTTP/1.1 200 OK\nDate: Tue, 09 Nov 2010 14:49:00 GMT\nServer test-server/fake\nLast-Modified: Tue, 13 Jun 2000 12:10:00 GMT\nETag: \"21025-dc7-39462498\"\nAccept-Ranges: bytes\nContent-Length: 6\nConnection: close\nContent-Type: text/html\nFunny-head: yesyes\n\nhello\n</data>\n</reply>\n")
D(1479, "3cb5693b2cf4f4c99fec9e1c0f1cdbfd05bc84db", "HTTP/1.1 response followed by an HTTP/0.9 response over the same connection", "http://%HOSTIP:%HTTPPORT/%TESTNUMBER http://%HOSTIP:%HTTPPORT/%TESTNUMBER0002",
"<reply>\n<data crlf=\"headers\">\nHTTP/1.1 200 OK\nContent-Length: 5\n\nData\n</data>\n<data2 crlf=\"yes\">\nData\nData\nData\n</data2>\n</reply>\n")
D(471, "2aea35330fca5a9297e24319532333b4c89e4abd", "Reject HTTP/1.1 to HTTP/2 switch on the same connection", "\"http://%HOSTIP:%HTTPPORT/{%TESTNUMBER,%TESTNUMBER0001}\" -o \"%LOGDIR/dumpit#1.dump\"",
"<reply>\n<data nocheck=\"yes\">\nHTTP/1.1 200 OK\nDate: Tue, 09 Nov 2010 14:49:00 GMT\nServer: test-server/fake\nLast-Modified: Tue, 13 Jun 2000 12:10:00 GMT\nETag: \"21025-dc7-39462498\"\nAccept-Ranges: bytes\nContent-Length: 6\nContent-Type: text/html\nFunny-head: yesyes\n\n-foo-\n</data>\n<data1>\nHTTP/2 200 OK\nContent-Type: text/html\nFunny-head: swsclose\nConnection: close\n\ncrap data\n</data1>\n</reply>\n")
D(497, "0f4545bb8b7814078c4368efba121f5d91ad7195", "Reject too large accumulated HTTP response headers", "http://%HOSTIP:%HTTPPORT/%TESTNUMBER",
"<reply>\n<data nocheck=\"yes\">\nHTTP/1.1 200 OK\nDate: Tue, 09 Nov 2010 14:49:00 GMT\nServer: test-server/fake\nLast-Modified: Tue, 13 Jun 2000 12:10:00 GMT\nETag: \"21025-dc7-39462498\"\nAccept-Ranges: bytes\nContent-Length: 6\nConnection: close\nContent-Type: text/html\n%repeat[1750 x Repeat-this-Header-a-large-number-of-times: Dorothy lived in the midst of the great Kansas prairies, with Uncle Henry, who was a farmer, and Aunt Em, who was the farmer\u2019s wife.%0a]%\n-foo-\n</data>\n</reply>\n")
D(1154, "0c8e88d57e13a56e263b7b2df37f2e6ae6cfa914", "HTTP GET with 100K (too long) response header", "http://%HOSTIP:%HTTPPORT/1154",
"<reply>\n<data>\nHTTP/1.1 200 OK\nDate: Thu, 09 Nov 2010 14:49:00 GMT\nServer: test-server/fake\nContent-Length: 6\nConnection: close\nLong: %repeat[102400 x A]%\n\n-foo-\n</data>\n</reply>\n")
D(498, "16027f4241066e0b441d290d8d2be53fe5a06132", "Reject too large HTTP response headers on endless redirects", "http://%HOSTIP:%HTTPPORT/%TESTNUMBER --max-redirs 400 --location",
"<reply>\n<data nocheck=\"yes\">\nHTTP/1.1 301 OK\nDate: Tue, 09 Nov 2010 14:49:00 GMT\nServer: test-server/fake\nLast-Modified: Tue, 13 Jun 2000 12:10:00 GMT\nETag: \"21025-dc7-39462498\"\nAccept-Ranges: bytes\nContent-Length: 6\nLocation: /\nConnection: close\nContent-Type: text/html\n%repeat[1700 x Repeat-this-Header-a-large-number-of-times: Dorothy lived in the midst of the great Kansas prairies, with Uncle Henry, who was a farmer, and Aunt Em, who was the farmer\u2019s wife.%0a]%\n-foo-\n</data>\n</reply>\n")
D(80, "05e4a3026da7c2dfbd3ed340a01d4a221a721168", "HTTP CONNECT with proxytunnel and host Basic authentication", "http://%HOSTIP:%HTTPPORT/we/want/that/page/80 -p -x %HOSTIP:%HTTPPORT --user iam:myself --proxy-user youare:yourself",
"<reply>\n<data>\nHTTP/1.1 200 OK\nDate: Thu, 09 Nov 2010 14:49:00 GMT\nServer: test-server/fake swsclose\nContent-Type: text/html\nFunny-head: yesyes\nContent-Length: 9\n\ncontents\n</data>\n</reply>\n")
D(83, "05e4a3026da7c2dfbd3ed340a01d4a221a721168", "HTTP over proxy-tunnel with site authentication", "http://%HOSTIP:%HTTPPORT/we/want/that/page/83 -p -x %HOSTIP:%HTTPPORT --user iam:myself",
"<reply>\n<data>\nHTTP/1.1 200 OK\nDate: Thu, 09 Nov 2010 14:49:00 GMT\nServer: test-server/fake swsclose\nContent-Type: text/html\nFunny-head: yesyes\nContent-Length: 9\n\ncontents\n</data>\n</reply>\n")
D(206, "1a36923d73bf9c7ac234bdf9aaa1c1eca9fdbc5e", "HTTP proxy CONNECT auth Digest", "http://test.remote.haxx.se.%TESTNUMBER:8990/path/%TESTNUMBER0002 --proxy http://%HOSTIP:%HTTPPORT --proxy-user silly:person --proxy-digest --proxytunnel",
"<reply>\n<servercmd>\nconnection-monitor\nauth_required\n</servercmd>\n\n\n# this is returned first since we get no proxy-auth\n<connect>\nHTTP/1.1 407 Authorization Required to proxy me my dear\nProxy-Authenticate: Digest realm=\"weirdorealm\", nonce=\"12345\"\nContent-Length: 33\n\nAnd you should ignore this data.\n</connect>\n\n# this is returned when we get a GET!\n<data2>\nHTTP/1.1 200 OK\nDate: Tue, 09 Nov 2010 14:49:00 GMT\nContent-Length: 7\nConnection: close\nContent-Type: text/html\nFunny-head: yesyes\n\ndaniel\n</data2>\n\n# then this is returned when we get proxy-auth\n<connect1000>\nHTTP/1.1 200 OK\nServer: no\n\n</connect1000>\n</reply>\n")
D(1482, "07753999e6b853f4ff5d3cad9b04df7415b607a5", "--libcurl resets SSL verification after --next", "http://%HOSTIP:%HTTPPORT/we/want/%TESTNUMBER --libcurl %LOGDIR/test%TESTNUMBER.c --insecure --next http://%HOSTIP:%HTTPPORT/we/want/%TESTNUMBER",
"<reply>\n<data>\nHTTP/1.1 200 OK\nContent-Length: 0\nConnection: close\n\n</data>\n</reply>\n")

# =====================================================================
# Rebuilding the bytes sws sends (curl's test harness)
# =====================================================================

def _pct(s):
    return re.sub(r"%([0-9A-Fa-f]{2})", lambda m: chr(int(m.group(1), 16)), s)


def subvariables(line, num):
    line = line.replace("%HOSTIP", HOSTIP).replace("%HTTPPORT", HTTPPORT)
    return line.replace("%TESTNUMBER", str(num))


def subbase64(line):
    # testutil.pm subbase64(): %b64[..]b64%, %hex[..]hex%, %repeat[N x s]%
    while True:
        m = re.search(r"%b64\[(.*?)\]b64%", line, re.I)
        if not m:
            break
        enc = base64.b64encode(_pct(m.group(1)).encode("latin-1")).decode("ascii")
        line = line[:m.start()] + enc + line[m.end():]
    while True:
        m = re.search(r"%hex\[(.*?)\]hex%", line, re.I)
        if not m:
            break
        line = line[:m.start()] + _pct(m.group(1)) + line[m.end():]
    while True:
        m = re.search(r"%repeat\[(\d+) x (.*?)\]%", line, re.I)
        if not m:
            break
        line = line[:m.start()] + _pct(m.group(2)) * int(m.group(1)) + line[m.end():]
    return line


class NewlineGuess:
    """testutil.pm subnewlines(0, ...): the harness guesses header lines."""

    def __init__(self):
        self.prevupdate = False

    def __call__(self, line):
        if (re.match(r"HTTP/(1.1|1.0|2|3) [1-5][^\r]*\Z", line)
                or re.match(r"(GET|POST|PUT|DELETE) \S+ HTTP/\d+(\.\d+)?", line)
                or (re.match(r"[a-z0-9_-]+: [^\r]*\Z", line, re.I)
                    and not re.match(r"curl: \(\d+\) ", line))):
            line = re.sub(r"\r*\n", "\r\n", line, count=1)
            self.prevupdate = True
        else:
            if line == "\n" and self.prevupdate:
                line = "\r\n"
            self.prevupdate = False
        return line


SECTION = re.compile(r"^ *<((?:data|connect)\d*)((?: [^>]*)?)>\n(.*?)^ *</\1>",
                     re.M | re.S)


def sections(num):
    """{section name: bytes sent} for one test."""
    t = TESTS[num]
    out = {}
    for m in SECTION.finditer(t["reply"]):
        name, attrs, body = m.group(1), m.group(2), m.group(3)
        crlf = name.startswith("data") and re.search(r'crlf="(yes|headers)"', attrs)
        guess = NewlineGuess()
        lines = []
        for line in body.splitlines(keepends=True):
            assert not line.lstrip().startswith("%if"), (num, name)
            line = subbase64(subvariables(line, num))
            if crlf:
                line = guess(line)
            lines.append(line)
        text = "".join(lines)
        # the file's text is UTF-8 (test 497/498 carry U+2019); a %XX escape
        # gives one byte
        data = _text_bytes(text)
        if 'base64="yes"' in attrs:
            data = base64.b64decode(b"".join(data.split()))
        if 'hex="yes"' in attrs:
            data = bytes.fromhex(data.decode("ascii"))
        if 'nonewline="yes"' in attrs and data.endswith(b"\n"):
            data = data[:-1]
        out[name] = data
    return out


def _text_bytes(text):
    # characters from the file itself are UTF-8; characters made by %XX
    # escapes are single bytes (all of them are below 0x100, the file's own
    # non-ASCII character U+2019 is above)
    return b"".join(ch.encode("utf-8") if ord(ch) > 0xff else ch.encode("latin-1")
                    for ch in text)


# =====================================================================
# The "-crlf" variant: a lenient, curl-like pass that rewrites the line
# ends of the framing (status line, field lines, blank line, chunk-size
# lines, the line end after chunk data, trailers) to CRLF and leaves the
# body bytes alone.
# =====================================================================

def _line(data, pos):
    i = data.find(b"\n", pos)
    if i < 0:
        return data[pos:], len(data), False
    line = data[pos:i]
    if line.endswith(b"\r"):
        line = line[:-1]
    return line, i + 1, True


def _rest_lines(data, pos):
    """Everything left: every line end becomes CRLF."""
    out = []
    while pos < len(data):
        line, pos, nl = _line(data, pos)
        out.append(line + (b"\r\n" if nl else b""))
    return b"".join(out)


def crlfify(data, methods=()):
    out = []
    pos = 0
    mi = 0
    while pos < len(data):
        if not data.startswith(b"HTTP/", pos):
            out.append(_rest_lines(data, pos))
            break
        line, pos, nl = _line(data, pos)
        out.append(line + (b"\r\n" if nl else b""))
        m = re.match(rb"HTTP/\S+ +(\d+)", line)
        code = int(m.group(1)) if m else None
        fields = []
        while pos < len(data):
            line, pos, nl = _line(data, pos)
            out.append(line + (b"\r\n" if nl else b""))
            if line == b"":
                break
            fields.append(line)
        if code is None:
            out.append(_rest_lines(data, pos))
            break
        if 100 <= code < 200 and code != 101:
            continue
        method = methods[mi] if mi < len(methods) else "GET"
        mi += 1
        if method == "HEAD" or code in (204, 304):
            continue
        if code == 101 or (method == "CONNECT" and 200 <= code < 300):
            out.append(data[pos:])
            break
        te = b",".join(f.split(b":", 1)[1] for f in fields
                       if f.split(b":", 1)[0].strip().lower() == b"transfer-encoding")
        cl = [f.split(b":", 1)[1].strip() for f in fields
              if f.split(b":", 1)[0].strip().lower() == b"content-length"]
        if te.strip():
            if te.split(b",")[-1].strip().lower() != b"chunked":
                out.append(data[pos:])
                break
            while pos < len(data):
                line, pos, nl = _line(data, pos)
                out.append(line + (b"\r\n" if nl else b""))
                try:
                    size = int(line.split(b";")[0].strip(), 16)
                except ValueError:
                    out.append(_rest_lines(data, pos))
                    return b"".join(out)
                if size == 0:
                    while pos < len(data):
                        line, pos, nl = _line(data, pos)
                        out.append(line + (b"\r\n" if nl else b""))
                        if line == b"":
                            break
                    break
                out.append(data[pos:pos + size])
                pos += size
                if data.startswith(b"\r\n", pos):
                    out.append(b"\r\n")
                    pos += 2
                elif data.startswith(b"\n", pos):
                    out.append(b"\r\n")
                    pos += 1
            continue
        if cl and cl[0].isdigit():
            n = int(cl[0])
            out.append(data[pos:pos + n])
            pos += n
            continue
        out.append(data[pos:])
        break
    return b"".join(out)


# =====================================================================
# Cases
# =====================================================================

CASES = []
IDS = {}
SEEN = {}
DIFFERS = []   # (id, why) where the expectation differs from curl's answer

BARE = ("curl's reply is written with bare LF line ends and curl accepts them "
        "(its HTTP/1 parser takes LF as a line end); the profile refuses a bare "
        "LF (RFC 9112 2.2 lets a recipient accept a lone LF; the strict profile "
        "does not: lines end in CRLF), so the stream fails at the first line end; "
        "the -crlf variant tests what the curl test is about")
BARE_SHORT = ("curl's reply is written with bare LF line ends, which the profile "
              "refuses (RFC 9112 2.2; profile: lines end in CRLF)")
VARIANT = ("derived: curl's reply with CRLF line ends in the head, the chunk-size "
           "lines, after chunk data and in the trailers (body bytes unchanged)")
NOT_HTTP1 = ("not an HTTP/1.x response: the profile accepts only a status-line "
             "`HTTP-version SP 3DIGIT SP reason` (RFC 9112 4) and has no HTTP/0.9 "
             "reading")


def src(num, parts, variant=None):
    t = TESTS[num]
    s = "%s tests/data/test%d@%s (%s): %s" % (
        REPO, num, t["commit"][:12], t["name"],
        " + ".join("<reply><%s>" % p for p in parts))
    if variant:
        s += " (variant: %s)" % variant
    return s


def add(slug, inp, verdict, note, source, methods=(), differs=None):
    cid = "curl-" + slug
    key = (inp, tuple(methods))
    if key in SEEN:
        # the same bytes in another curl test: one case, both sources
        case = SEEN[key]
        assert case["expect"] == verdict, (cid, case["id"])
        case["source"] += "; the same bytes in " + source
        return case
    assert cid not in IDS, cid
    msgs, computed, err, eithers = client_verdict(cid, inp, methods)
    assert computed == verdict, (cid, computed, verdict, err, eithers)
    if differs:
        note = "differs from curl: " + differs + "; " + note
        DIFFERS.append((cid, differs))
    case = {"id": cid, "mode": "response", "methods": list(methods),
            "input": inp.decode("latin-1"), "expect": verdict,
            "messages": msgs, "note": note, "source": source}
    IDS[cid] = case
    SEEN[key] = case
    CASES.append(case)
    return case


def stream(num, parts):
    sec = sections(num)
    return b"".join(sec[p] for p in parts)


def T(num, slug, note, verdict_crlf, parts=("data",), methods=(),
      differs_bare=None, differs_crlf=None, crlf_note=None, bare_msgs_note=""):
    """A bare-LF curl reply: the case as written (error) and its -crlf variant."""
    inp = stream(num, parts)
    fixed = crlfify(inp, methods)
    assert fixed != inp, num
    if num in CURL_FAILS:
        why = BARE_SHORT + "; " + note + "; curl fails on this reply too, for the reason the test is about"
        dif = None
    else:
        why = BARE_SHORT + "; " + note + "; " + BARE
        dif = differs_bare or "curl accepts the bare LF line ends"
    add(slug, inp, "error", why, src(num, parts), methods, differs=dif)
    add(slug + "-crlf", fixed, verdict_crlf, VARIANT + "; " + (crlf_note or note),
        src(num, parts, "CRLF line ends"), methods, differs=differs_crlf)


def A(num, slug, verdict, note, parts=("data",), methods=(), differs=None):
    """A curl reply taken as it is (no variant)."""
    add(slug, stream(num, parts), verdict, note, src(num, parts), methods, differs)


SAME = "same answer as curl"
# tests whose curl run is expected to fail (errorcode in <verify>)
CURL_FAILS = {36, 207, 393, 394, 398, 415, 471, 497, 498, 1154, 1416, 1432, 1433}

# ---------------------------------------------------------------- framing

A(1, "get-content-length", "ok",
  "a 200 response with Content-Length: 6 and a 6-byte body (crlf=\"yes\" gives the "
  "head CRLF line ends); " + SAME)

T(14, "head-connection-close",
  "response to a HEAD request (curl -I): no body whatever the fields say "
  "(RFC 9112 6.3 rule 1)", "ok", methods=("HEAD",),
  crlf_note="response to a HEAD request (curl -I) with Connection: close and no "
  "framing field: no body (RFC 9112 6.3 rule 1); " + SAME)

T(1484, "head-chunked-with-body",
  "a response to HEAD (curl -I) that says Transfer-Encoding: chunked and then "
  "sends 27 bytes of text anyway", "error", methods=("HEAD",),
  crlf_note="a response to HEAD (curl -I) that says Transfer-Encoding: chunked "
  "and then sends 27 bytes of text: a response to HEAD has no body (RFC 9112 6.3 "
  "rule 1, RFC 9110 9.3.2), so the head is a complete message and the bytes after "
  "it must start the next response; `HEAD response with content` is no "
  "status-line: error after the one HEAD message",
  differs_crlf="curl ignores the body bytes sent after a HEAD response (and does "
  "not reuse the connection); the profile decodes on, and the next bytes are no "
  "status-line")

T(1499, "close-delimited",
  "a 200 response with no Content-Length and no Transfer-Encoding: the body runs "
  "to the end of the stream (RFC 9112 6.3 rule 8)", "ok",
  crlf_note="a 200 response with no Content-Length and no Transfer-Encoding: the "
  "body (`blablabla` and two LFs) runs to the end of the stream (RFC 9112 6.3 "
  "rule 8); " + SAME)

T(80, "proxytunnel-get",
  "the response to a GET sent through a CONNECT tunnel (curl -p -x): Content-Length: "
  "9, body `contents` and LF", "ok",
  crlf_note="the response to the GET sent through a CONNECT tunnel (curl -p -x): "
  "Content-Length: 9 and a 9-byte body; " + SAME)
add("proxytunnel-get", stream(83, ("data",)), "error", "", src(83, ("data",)))
add("proxytunnel-get-crlf", crlfify(stream(83, ("data",))), "ok", "",
    src(83, ("data",), "CRLF line ends"))

T(1482, "content-length-zero",
  "a 200 response with Content-Length: 0 and Connection: close", "ok",
  crlf_note="a 200 response with Content-Length: 0 and Connection: close: an "
  "empty body; " + SAME)

# ---------------------------------------------------------------- chunked

T(34, "chunked",
  "a chunked body of three chunks (40, 30 and 21 hex), one with a chunk extension "
  "`;heresatest=moooo`, then the last chunk", "ok",
  crlf_note="a chunked body of three chunks (0x40, 0x30 and 0x21 bytes; the last "
  "one's data ends in the LF that the test file puts there), one with the chunk "
  "extension `;heresatest=moooo` (RFC 9112 7.1.1), then the last chunk and an "
  "empty trailer section; " + SAME)

T(36, "chunked-illegal-size",
  "a chunked body whose second chunk-size line is `ILLEGAL`", "error",
  crlf_note="a chunked body whose second chunk-size line is `ILLEGAL`: not "
  "1*HEXDIG (RFC 9112 7.1): error; " + SAME + " (error 56)")

T(207, "chunked-closed-early",
  "a chunked body cut off by the server closing the connection after the first "
  "chunk (no last chunk)", "error",
  crlf_note="a chunked body cut off by the end of stream after the first chunk, "
  "with no last chunk: incomplete, error; " + SAME + " (error 18, partial file)")

T(266, "chunked-trailer",
  "a chunked body with a trailer field `chunky-trailer: header data` announced "
  "by `Trailer:`", "ok",
  crlf_note="a chunked body followed by the trailer field `chunky-trailer: header "
  "data` (announced by `Trailer: chunky-trailer`); a trailer field that neither "
  "frames nor routes the message is delivered as a trailer; " + SAME)
# test 1417 ("chunked trailer without CRs") sends the very same bytes
add("chunked-trailer", stream(1417, ("data",)), "error", "", src(1417, ("data",)))
add("chunked-trailer-crlf", crlfify(stream(1417, ("data",))), "ok", "",
    src(1417, ("data",), "CRLF line ends"))

T(1116, "chunked-trailers-undeclared",
  "a chunked body with two trailer fields and no `Trailer:` field announcing "
  "them", "ok",
  crlf_note="a chunked body with two trailer fields (`chunky-trailer`, "
  "`another-header`) and no `Trailer:` field: a recipient does not need the "
  "announcement (RFC 9110 6.6.2); " + SAME)

T(373, "chunked-binary-zeros",
  "four 256-byte chunks of NUL bytes (each data ends in the LF the test file "
  "puts after %repeat[255 x %00]%)", "ok",
  crlf_note="four 0x100-byte chunks, each 255 NUL bytes and an LF, then the last "
  "chunk: chunk data is opaque, NUL bytes included; " + SAME)

T(1170, "chunked-gzip",
  "Transfer-Encoding: gzip, chunked with one 0x2c-byte chunk of gzip data", "ok",
  crlf_note="`Transfer-Encoding: gzip, chunked`: chunked is the final coding, so "
  "the body is chunked (RFC 9112 6.3 rule 4); one 0x2c-byte chunk of gzip data "
  "(the LFs between the %hex[] lines are part of it); the dump does not undo the "
  "gzip coding; " + SAME)

T(1277, "chunked-gzip-content-encoding",
  "Transfer-Encoding: gzip, chunked and Content-Encoding: deflate, one 0x522-byte "
  "chunk", "ok",
  crlf_note="`Transfer-Encoding: gzip, chunked` with `Content-Encoding: deflate`: "
  "chunked framing, one 0x522-byte chunk (the LFs between the %hex[] lines are "
  "part of it); codings are not undone by the dump; " + SAME)

A(1124, "chunked-gzip-crlf-base64", "ok",
  "`Transfer-Encoding: gzip, chunked` (the test gives the bytes in base64, with "
  "CRLF line ends): chunked framing with chunks of 0x14 and 0x18 bytes (RFC 9112 "
  "6.3 rule 4); " + SAME)

T(1416, "chunked-size-overflow",
  "a chunk size of 17 hex digits (12345678123456789)", "error",
  crlf_note="the chunk-size `12345678123456789` (17 hex digits, 0x12345678123456789) "
  "does not fit 64 bits: the profile's chunk-size must fit u64: error; " + SAME +
  " (error 56)")

T(1483, "chunked-twice",
  "two `Transfer-Encoding: chunked` field lines", "error",
  crlf_note="two `Transfer-Encoding: chunked` field lines make the list `chunked, "
  "chunked`: chunked applied twice, which RFC 9112 6.1 forbids (a sender MUST NOT "
  "apply chunked more than once) and the profile makes an error",
  differs_crlf="curl accepts the two `Transfer-Encoding: chunked` lines and reads "
  "the body once as chunked")

T(365, "chunked-and-content-length",
  "a response with both `Content-Length: 123456` and `Transfer-Encoding: chunked`",
  "either",
  crlf_note="a response with both `Content-Length: 123456` and `Transfer-Encoding: "
  "chunked`: Transfer-Encoding overrides Content-Length (RFC 9112 6.3 rule 3), "
  "and the RFC adds that such a message ought to be handled as an error: `either`, "
  "and if accepted the body is chunked (`chunked data fun`), as curl reads it")

A(1125, "te-gzip-and-content-length", "either",
  "a response with `Transfer-Encoding: gzip` and `Content-Length: 44` (bytes given "
  "in base64, CRLF line ends): Transfer-Encoding overrides Content-Length, and with "
  "chunked not the final coding a response body runs to the end of the stream "
  "(RFC 9112 6.3 rules 3 and 4); the RFC also says a message with both ought to be "
  "handled as an error: `either`, and if accepted it is close-delimited (here the "
  "44 gzip bytes are all that follow)",
  differs="curl (with --tr-encoding) reads the 44 bytes that Content-Length "
  "announces; the profile reads to the end of the stream, which here gives the "
  "same 44 bytes")

# ---------------------------------------------------------------- Content-Length

T(394, "content-length-rubbish",
  "`Content-Length: crap`", "error",
  crlf_note="`Content-Length: crap` is not 1*DIGIT (RFC 9110 8.6): an invalid "
  "Content-Length is an error (RFC 9112 6.3 rule 5); " + SAME + " (error 8)")

T(395, "content-length-too-large",
  "`Content-Length: 36893488147419103232` (2^65)", "error",
  crlf_note="`Content-Length: 36893488147419103232` is 2^65, which does not fit 64 "
  "bits: the profile's Content-Length must fit u64, else it is invalid and an "
  "error (RFC 9112 6.3 rule 5)",
  differs_crlf="test 395 expects curl to succeed (no error code in its "
  "<verify>); test 393, with --max-filesize, expects error 63")
add("content-length-too-large", stream(393, ("data",)), "error", "", src(393, ("data",)))
add("content-length-too-large-crlf", crlfify(stream(393, ("data",))), "error", "",
    src(393, ("data",), "CRLF line ends"))

T(415, "content-length-negative",
  "`Content-Length: -6`", "error",
  crlf_note="`Content-Length: -6`: a sign is not allowed (1*DIGIT, RFC 9110 8.6): "
  "invalid Content-Length, error (RFC 9112 6.3 rule 5); " + SAME + " (error 8); "
  "the test's name speaks of a control code before the length, but the stored "
  "file shows none")

T(178, "content-length-negative-old",
  "`Content-Length: -6` (the older test, with another Date)", "error",
  crlf_note="`Content-Length: -6`: a sign is not allowed (1*DIGIT, RFC 9110 8.6): "
  "invalid Content-Length, error (RFC 9112 6.3 rule 5)",
  differs_crlf="the stored version of test 178 expects curl to succeed (no error "
  "code in its <verify>); test 415, with the same field, expects error 8")

# ---------------------------------------------------------------- 1xx

T(1033, "102-then-200",
  "an unexpected `102` interim response before the final 200", "ok",
  crlf_note="a `102 unexpected huh?!` interim response (a message of its own, no "
  "body) before the final 200 with Content-Length: 6 (RFC 9110 15.2); " + SAME)

T(1115, "104-with-fields-then-200",
  "an interim `104 Experiment` with three fields before a 200", "ok",
  crlf_note="an interim response with an unassigned 1xx code (104) and three "
  "fields, then a 200 with Content-Length: 0: a client must be able to parse 1xx "
  "responses it does not know (RFC 9110 15.2); " + SAME)

A(1480, "100-without-final-response", "error",
  "a `100 Continue` with a field (head with CRLF line ends, crlf=\"headers\"), then "
  "`Data` lines instead of a final response: the 100 is a complete message, the "
  "next bytes are no status-line: error after one message; " + SAME + " (error 8)")

# ---------------------------------------------------------------- fields

T(1274, "obs-fold",
  "obs-fold: `Server:` continued on two lines and `Connection:` (46 spaces, then a "
  "line `   close`)", "ok",
  crlf_note="obs-fold in a response: `Server: test-server/` continued by ` fake` "
  "and ` folded`, and `Connection:` with 46 spaces continued by `   close`; the "
  "profile accepts obs-fold in responses and reads each fold as one SP (RFC 9112 "
  "5.2), so the values are `test-server/ fake folded` and `close` (OWS trimmed); "
  "curl accepts it too (it keeps the folded lines in its header output)")

T(1473, "ws-before-first-field",
  "the line after the status-line starts with a space (` Date: ...`)", "either",
  crlf_note="the first line after the status-line starts with SP: it cannot be "
  "obs-fold (there is no field to continue); RFC 9112 2.2 says a recipient MUST "
  "either reject the message or ignore each whitespace-preceded line: `either`, "
  "and if accepted the ` Date:` line is dropped; curl (built-in parser) accepts it, "
  "the test's hyper build rejected it")

T(398, "colon-less-field",
  "a field line without a colon (`Server test-server/fake`)", "error",
  crlf_note="a field line without a colon (`Server test-server/fake`): field-line "
  "= field-name \":\" ... (RFC 9112 5): error; " + SAME + " (error 8)")

T(1154, "field-line-100k",
  "a field line `Long: ` with 102400 `A`", "error",
  crlf_note="one field line of 102406 bytes (`Long: ` and 102400 `A`): above the "
  "profile's 16 KiB limit for one line: error; " + SAME + " (error 27; curl caps "
  "one header line at 100 KB)")

T(497, "head-300k",
  "a head of 1760 field lines (about 307 KB), with no empty line before `-foo-`",
  "error",
  crlf_note="a head of 1759 field lines and about 307 KB, 1750 of them the same "
  "`Repeat-this-Header...` line (it carries U+2019 as UTF-8 bytes, obs-text), and "
  "no empty line before `-foo-`: above the profile's limits of 100 field lines and "
  "64 KiB per head: error; " + SAME + " (error 56: curl caps the response headers "
  "at 300 KB)")

T(498, "head-300k-301",
  "a 301 head of 1710 field lines (about 298 KB)", "error",
  crlf_note="a 301 head of 1710 field lines and about 298 KB (1700 of them the "
  "same long line) and no empty line before `-foo-`: above the profile's limits of "
  "100 field lines and 64 KiB per head: error; " + SAME + " (curl follows the "
  "redirect until its total of response headers passes 6 MB: error 56)")

# ---------------------------------------------------------------- status line

T(1466, "reason-only-digits",
  "`HTTP/1.1 405 405`: a reason made of digits", "ok",
  crlf_note="`HTTP/1.1 405 405`: the reason-phrase is any text, digits included "
  "(RFC 9112 4); " + SAME)

T(1429, "status-4-digits",
  "a 4-digit status code (`HTTP/1.1 1234 OK`)", "error",
  crlf_note="`HTTP/1.1 1234 OK`: status-code is exactly 3DIGIT followed by SP "
  "(RFC 9112 4): error",
  differs_crlf="curl, run with --http0.9, accepts the reply: the test expects "
  "exit 0, the whole reply (head included) on stdout and a response code of 123")

T(1430, "status-negative",
  "a negative status code (`HTTP/1.1 -12 OK`)", "error",
  crlf_note="`HTTP/1.1 -12 OK`: status-code is 3DIGIT (RFC 9112 4): error",
  differs_crlf="the stored version of the test expects curl to succeed (no "
  "error code in its <verify>)")

T(1431, "status-1-digit",
  "a single-digit status code (`HTTP/1.1 2 OK`)", "error",
  crlf_note="`HTTP/1.1 2 OK`: status-code is 3DIGIT (RFC 9112 4): error",
  differs_crlf="the stored version of the test expects curl to succeed (no "
  "error code in its <verify>)")

T(1432, "status-100-digits",
  "a 100-digit status code", "error",
  crlf_note="a status code of 100 digits: status-code is 3DIGIT followed by SP "
  "(RFC 9112 4): error; " + SAME + " (error 1)")

T(1433, "version-100-digit-minor",
  "`HTTP/1.0123...` (a 100-digit minor version)", "error",
  crlf_note="`HTTP/1.0123...789 200 OK`: HTTP-version is `HTTP/` DIGIT `.` DIGIT, "
  "and only HTTP/1.0 and HTTP/1.1 are accepted (RFC 9112 2.3, profile): error; " +
  SAME + " (error 1)")

A(1267, "http09-httpr", "error",
  "`HTTPr` and LF, closed: " + NOT_HTTP1 + "; curl with --http0.9 reads it as an "
  "HTTP/0.9 body",
  differs="curl (--http0.9) accepts it as an HTTP/0.9 response")
A(1266, "http09-one-byte", "error",
  "a single byte `o` and LF, then close: " + NOT_HTTP1,
  differs="curl (--http0.9) accepts it as a one-byte HTTP/0.9 response")
A(1164, "http09-zeros", "error",
  "`swsclose` and 200 NUL bytes (base64 in the test), then close: " + NOT_HTTP1 +
  "; the stream also ends with no line end at all",
  differs="curl (--http0.9) accepts the 208 bytes as an HTTP/0.9 body")
A(66, "http09-no-headers", "error",
  "`no headers swsclose` and LF: " + NOT_HTTP1,
  differs="curl (--http0.9) accepts it as an HTTP/0.9 response")
A(1172, "http09-denied", "error",
  "`-foo- swsclose` and LF: " + NOT_HTTP1 + "; " + SAME + " (--no-http0.9: error 1)")

# ---------------------------------------------------------------- several responses

A(1479, "http11-then-http09", "error",
  "two responses on one connection (curl fetches two URLs): a 200 with "
  "Content-Length: 5 (head with CRLF line ends, crlf=\"headers\"), then `Data` "
  "lines (crlf=\"yes\" leaves them with LF): the second is no status-line, so an "
  "error after one message; " + SAME + " (error 8)",
  parts=("data", "data2"))

T(471, "http11-then-http2",
  "two responses on one connection: a 200 with Content-Length: 6, then one whose "
  "status-line is `HTTP/2 200 OK`", "error", parts=("data", "data1"),
  crlf_note="two responses on one connection: a 200 with Content-Length: 6, then "
  "`HTTP/2 200 OK`: HTTP/2 is not an HTTP/1.x version (RFC 9112 2.3, profile: "
  "any other HTTP/x.y is an error): error after one message; " + SAME +
  " (error 8)")

# ---------------------------------------------------------------- CONNECT

T(206, "connect-407-then-200",
  "two CONNECT responses on one proxy connection: a 407 with Content-Length: 33 "
  "and a body to skip, then a 200", "ok", parts=("connect", "connect1000"),
  methods=("CONNECT", "CONNECT"),
  crlf_note="two CONNECT responses on one proxy connection: a 407 with "
  "Content-Length: 33 (its body is read and skipped: only a 2xx turns the "
  "connection into a tunnel, RFC 9110 9.3.6), then a `200 OK` that switches "
  "the connection to the tunnel (framing upgrade, nothing after it is decoded); " +
  SAME)

T(206, "connect-tunnel-get",
  "the response to the GET sent through the tunnel: 200 with Content-Length: 7",
  "ok", parts=("data2",),
  crlf_note="the response to the GET sent through the tunnel that test 206 opens: "
  "a 200 with Content-Length: 7 (`daniel` and LF); " + SAME)


def main():
    with open(OUT, "w") as f:
        json.dump(CASES, f, ensure_ascii=True, indent=1)
        f.write("\n")
    n = {"ok": 0, "error": 0, "either": 0}
    for c in CASES:
        n[c["expect"]] += 1
    derived = sum(1 for c in CASES if "(variant:" in c["source"])
    print("tests used: %d" % len(TESTS))
    print("cases: %d (ok %d, error %d, either %d); derived -crlf: %d" % (
        len(CASES), n["ok"], n["error"], n["either"], derived))
    print("differ from curl: %d" % len(DIFFERS))


if __name__ == "__main__":
    main()
