#!/usr/bin/env python3
"""A bounded load run: wrk against examples/serve.rs, then against nginx
(one worker) serving the same file, on this machine, in the same run.

    python3 tests/peers/load.py target/release/examples/serve [--seconds 5] [--connections 100]

Each run is wrk with 2 threads, the given number of keep-alive connections
and duration, on 127.0.0.1. serve's run must complete at least 20,000
requests with no socket error and no non-2xx response (exit 1 otherwise).
Prints requests per second of each and their ratio (serve / nginx); nginx
is skipped, and said so, when not installed.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

from get_peers import Nginx, nginx_binary

MIN_REQUESTS = 20_000


def wrk(url, seconds, connections):
    proc = subprocess.run(
        ["wrk", "-t2", "-c%d" % connections, "-d%ds" % seconds, "--timeout", "5s", url],
        capture_output=True, text=True, timeout=seconds + 30)
    out = proc.stdout
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    socket_errors = sum(int(n) for n in errors.groups()) if errors else 0
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "requests": requests,
        "rate": rate,
        "socket_errors": socket_errors,
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "raw": out,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("serve")
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=100)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        print("SKIP load run (wrk not installed)")
        return
    root = tempfile.mkdtemp(prefix="h1wire-load-")
    os.chmod(root, 0o755)
    page = os.path.join(root, "index.html")
    with open(page, "wb") as f:
        f.write(b"<!doctype html><title>h1wire</title>" + b"<p>load</p>\n" * 80)
    os.chmod(page, 0o644)
    failed = False
    try:
        serve = subprocess.Popen(
            [args.serve, "--addr", "127.0.0.1:0", "--max-connections", "1024", root],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        try:
            first = serve.stdout.readline()
            addr = first.split("http://", 1)[1].split("/", 1)[0]
            # The per-request log lines go nowhere during the run.
            drain = subprocess.Popen(["cat"], stdin=serve.stdout, stdout=subprocess.DEVNULL)
            ours = wrk("http://%s/index.html" % addr, args.seconds, args.connections)
        finally:
            serve.terminate()
            serve.wait(timeout=10)
            drain.wait(timeout=10)
        print("serve: %d requests, %.0f requests/s, %d socket errors, %d non-2xx"
              % (ours["requests"], ours["rate"], ours["socket_errors"], ours["non_2xx"]))
        if ours["requests"] < MIN_REQUESTS or ours["socket_errors"] or ours["non_2xx"]:
            print(ours["raw"])
            print("FAIL load run: want at least %d requests, no errors" % MIN_REQUESTS)
            failed = True
        if nginx_binary():
            time.sleep(0.5)
            nginx = Nginx(root)
            try:
                theirs = wrk("http://127.0.0.1:%d/index.html" % nginx.port, args.seconds,
                             args.connections)
            finally:
                nginx.stop()
            print("nginx (1 worker): %d requests, %.0f requests/s, %d socket errors, %d non-2xx"
                  % (theirs["requests"], theirs["rate"], theirs["socket_errors"],
                     theirs["non_2xx"]))
            print("serve / nginx: %.2f" % (ours["rate"] / theirs["rate"]))
        else:
            print("SKIP nginx load run (nginx not installed)")
    finally:
        shutil.rmtree(root, ignore_errors=True)
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
