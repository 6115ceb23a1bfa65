#!/usr/bin/env python3
"""A bounded load run: wrk against examples/serve.rs (and tokio_serve.rs,
and the proxy in front of nginx, when given), then against nginx (one
worker) serving the same file, on this machine, in the same run; and
against nginx with its open-file cache on (`open_file_cache_valid 1s`, the
trade serve's own stat cache makes by default), for the like-for-like
figure.

    python3 tests/peers/load.py target/release/examples/serve \
        [--tokio-serve target/release/examples/tokio_serve] \
        [--proxy target/release/examples/proxy] [--seconds 5] [--connections 100] \
        [--rounds 1]

Each run is wrk with one thread and the given number of keep-alive
connections for the given time, on 127.0.0.1. With two or more CPUs and
taskset, the servers (nginx too; the proxy shares CPU 0 with it) run on
CPU 0 and wrk on CPU 1, so that each server has one core, as nginx's one
worker has (and wrk does not steal it). Every
run of ours must complete at least 1,000 requests (a server that keeps
answering under load: not a speed bound, which a busy host would make
flaky) with no socket error and no non-2xx response (exit 1 otherwise).
Prints requests per second of each and the ratios to nginx, for people
to read; nginx is skipped, and said so, when not installed.

With --rounds N, every server and nginx run in turn N times and the
medians are compared, and so is each round's pair (the median of the
rounds' ratios): this host's speed drifts by a quarter within minutes,
so one run of each can be off by as much as the difference being
measured. Every other round, nginx runs before ours: whichever runs
first in a round was measured a few percent faster (two builds of
serve, alternating), so an even N gives neither side that edge.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from statistics import median

from get_peers import Nginx, nginx_binary

# Liveness, not speed: the servers do tens of thousands a second here.
MIN_REQUESTS = 1_000
PIN = shutil.which("taskset") is not None and (os.cpu_count() or 1) >= 2


def pinned(cpu, args):
    return ["taskset", "-c", str(cpu), *args] if PIN else list(args)


def wrk(url, seconds, connections):
    proc = subprocess.run(
        pinned(1, ["wrk", "-t1", "-c%d" % connections, "-d%ds" % seconds, "--timeout", "5s", url]),
        capture_output=True, text=True, timeout=seconds + 30)
    out = proc.stdout
    found = re.search(r"(\d+) requests in", out)
    if not found:
        raise RuntimeError("wrk: %s %s" % (out, proc.stderr))
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "requests": int(found.group(1)),
        "rate": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "socket_errors": sum(int(n) for n in errors.groups()) if errors else 0,
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "raw": out,
    }


class Ours:
    """One of our servers, on a free port, logging to a file (as nginx
    writes its access log)."""

    def __init__(self, args):
        import time
        self.log = tempfile.NamedTemporaryFile(prefix="h1wire-load-log-")
        self.proc = subprocess.Popen(pinned(0, args), stdout=self.log,
                                     stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        first = ""
        while "http://" not in first:
            if time.monotonic() > deadline or self.proc.poll() is not None:
                raise RuntimeError("%s did not start" % args[0])
            time.sleep(0.02)
            with open(self.log.name) as f:
                first = f.readline()
        self.addr = first.split("http://", 1)[1].split("/", 1)[0]

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=10)
        self.log.close()


def report(name, result):
    print("%-22s %8d requests, %8.0f requests/s, %d socket errors, %d non-2xx"
          % (name, result["requests"], result["rate"], result["socket_errors"],
             result["non_2xx"]))
    ok = (result["requests"] >= MIN_REQUESTS and not result["socket_errors"]
          and not result["non_2xx"])
    if not ok:
        print(result["raw"])
        print("FAIL %s: want at least %d requests and no errors" % (name, MIN_REQUESTS))
    return ok


def one_round(args, root, rates, nginx_first=False):
    """Each of our servers, and nginx (then the proxy in front of it, then
    nginx with its open-file cache), ours first unless nginx_first;
    appends each one's requests per second to rates[name]. False when one
    of ours failed."""
    runs = [run_ours, run_nginx]
    if nginx_first:
        runs.reverse()
    ok = True
    for run in runs:
        ok &= run(args, root, rates)
    return ok


def measure(args, url, rates, key, label):
    """wrk against url, its rate appended to rates[key]; whether the run
    met the bar (see report)."""
    result = wrk(url, args.seconds, args.connections)
    rates.setdefault(key, []).append(result["rate"])
    return report(label, result)


def run_ours(args, root, rates):
    """serve, and tokio_serve if given."""
    ok = True
    ours = [("serve", [args.serve, "--addr", "127.0.0.1:0", "--max-connections", "1024", root])]
    if args.tokio_serve:
        ours.append(("tokio_serve", [args.tokio_serve, "--addr", "127.0.0.1:0", root]))
    for name, command in ours:
        server = Ours(command)
        try:
            ok &= measure(args, "http://%s/index.html" % server.addr, rates, name, name)
        finally:
            server.stop()
    return ok


def run_nginx(args, root, rates):
    """nginx as installed, the proxy in front of it if given, and nginx
    with its open-file cache; nothing without nginx. (nginx's own runs do
    not fail the load run: it is the yardstick.)"""
    ok = True
    if not nginx_binary():
        return ok
    # (key, label, config added, whether the proxy runs in front of it)
    runs = (("nginx", "nginx (1 worker)", "", bool(args.proxy)),
            ("nginx_cached", "nginx, open_file_cache", NGINX_FILE_CACHE, False))
    for key, label, extra, proxied in runs:
        nginx = Nginx(root, launcher=pinned(0, []), http_extra=extra)
        try:
            measure(args, "http://127.0.0.1:%d/index.html" % nginx.port, rates, key, label)
            if proxied:
                proxy = Ours([args.proxy, "--listen", "127.0.0.1:0", "--upstream",
                              "127.0.0.1:%d" % nginx.port])
                try:
                    ok &= measure(args, "http://%s/index.html" % proxy.addr, rates, "proxy",
                                  "proxy -> nginx")
                finally:
                    proxy.stop()
        finally:
            nginx.stop()
    return ok


# nginx's open-file cache, checked as often as serve's stat cache.
NGINX_FILE_CACHE = "open_file_cache max=64; open_file_cache_valid 1s;"


def compare(rates, name, against, label):
    """Print rates[name] against rates[against]."""
    ours, theirs = median(rates[name]), median(rates[against])
    if len(rates[name]) > 1:
        print("%s: median %.0f requests/s, %s %.0f" % (name, ours, label, theirs))
        # Each round's own pair, run seconds apart: the host's slow and
        # fast minutes fall on both alike.
        paired = median([a / b for a, b in zip(rates[name], rates[against])])
        print("%s / %s: %.2f (round by round: %.2f)" % (name, label, ours / theirs, paired))
    else:
        print("%s / %s: %.2f" % (name, label, ours / theirs))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("serve")
    parser.add_argument("--tokio-serve")
    parser.add_argument("--proxy")
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        print("SKIP load run (wrk not installed)")
        return
    print("servers on CPU 0, wrk on CPU 1" if PIN else "no pinning (one CPU or no taskset)")
    root = tempfile.mkdtemp(prefix="h1wire-load-")
    os.chmod(root, 0o755)
    page = os.path.join(root, "index.html")
    with open(page, "wb") as f:
        f.write(b"<!doctype html><title>h1wire</title>" + b"<p>load</p>\n" * 80)
    os.chmod(page, 0o644)
    ok = True
    rates = {}
    try:
        for round_ in range(args.rounds):
            if args.rounds > 1:
                print("round %d of %d" % (round_ + 1, args.rounds))
            # Every other round nginx goes first: a run goes a few
            # percent faster first in its round than after another.
            ok &= one_round(args, root, rates, nginx_first=round_ % 2 == 1)
        if len(rates.get("nginx", [])) == args.rounds:
            for name in ("serve", "tokio_serve", "proxy"):
                if name in rates:
                    compare(rates, name, "nginx", "nginx")
            for name in ("serve", "tokio_serve"):
                if name in rates:
                    compare(rates, name, "nginx_cached", "nginx open_file_cache")
        else:
            print("SKIP nginx load run (nginx not installed)")
    finally:
        shutil.rmtree(root, ignore_errors=True)
    if not ok:
        sys.exit(1)


if __name__ == "__main__":
    main()
