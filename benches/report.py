#!/usr/bin/env python3
"""Turn criterion's estimates into the README's performance table.

    cargo bench --bench decode -- --warm-up-time 1 --measurement-time 3
    cargo bench --bench encode -- --warm-up-time 1 --measurement-time 3
    python3 benches/report.py [target/criterion ...]

or, from the round-robin mode's output (see benches/fastest/mod.rs), run
several times and each run saved to a file:

    H1WIRE_MIN_OF=50 cargo bench --bench decode > run1.md
    python3 benches/report.py run1.md run2.md run3.md ...

Given several result folders (copies of target/criterion after each of
several runs), each time is the median of the runs' medians and the
ratios are computed from those: on a noisy machine one run in three
has a few functions 1.2-2x slow, and the median of three leaves them out.

For every group it prints one row per contender:
the median time per iteration, the throughput of the group's input, and the
ratios against h1wire's event API and against its at-once APIs
(`h1wire_head`: `decode_head` for heads, `decode_body` for bodies, where
the group has it): the other contender's time over
h1wire's, so above 1.0 means h1wire is faster. The decode groups compare decoders of requests, the
encode_* groups writers of one response head (there `copy`, a plain copy of
the finished head, is the floor, so its ratio should be below 1.0, and
`copy_parts` the plainest writer of it from its parts, checking nothing). A group or
contender without results (a bench not run) is left out. Only the Python
standard library is used.

Given round-robin files, each time is the median over the runs of each
contender's fastest batch, and each ratio the median over the runs of
that run's ratio (each run's contenders timed in the same minutes), with
the lowest and highest run beside it; the paired ratios (see
benches/fastest/mod.rs) get two more columns when the files have them.
"""

import json
import os
import statistics
import sys

GROUPS = [
    # benches/decode.rs
    "mdn_get", "browser_get", "pipelined_64", "post_form",
    "byte_at_a_time", "chunked_64", "chunked_4k", "ok_response_313",
    # benches/encode.rs
    "encode_seed_301", "encode_ok_313",
]
CONTENDERS = [
    "h1wire", "h1wire_head",
    # benches/decode.rs
    "httparse", "httparse_naive", "picohttpparser", "floor_safe", "floor_unchecked",
    # benches/encode.rs
    "h1wire_bufmut", "write_fmt", "copy_parts", "copy",
]


def load(root, group, function):
    base = os.path.join(root, group, function, "new")
    try:
        with open(os.path.join(base, "estimates.json")) as f:
            median_ns = json.load(f)["median"]["point_estimate"]
        with open(os.path.join(base, "benchmark.json")) as f:
            throughput = (json.load(f).get("throughput") or {}).get("Bytes")
    except (OSError, ValueError, KeyError):
        return None
    return median_ns, throughput


def human_time(ns):
    if ns >= 1e6:
        return "%.2f ms" % (ns / 1e6)
    if ns >= 1e3:
        return "%.2f us" % (ns / 1e3)
    return "%.1f ns" % ns


def human_rate(nbytes, ns):
    if not nbytes:
        return ""
    gbps = nbytes / ns  # bytes per ns == GB/s
    if gbps >= 1:
        return "%.2f GB/s" % gbps
    return "%.0f MB/s" % (gbps * 1000)


def load_runs(roots, group, function):
    """The median over `roots` of `load`; None if any run lacks it."""
    results = [load(root, group, function) for root in roots]
    if any(r is None for r in results):
        return None
    return statistics.median(r[0] for r in results), results[0][1]


def parse_round_robin(path):
    """{(group, contender): (fastest ns, ratio to h1wire, ratio to
    h1wire_head, paired ratio to h1wire, paired ratio to h1wire_head)};
    the paired ratios are None in files from before they were printed."""
    rows = {}
    for line in open(path):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) not in (6, 8) or cells[0] in ("input", "---"):
            continue
        value, unit = cells[2].split()
        ns = float(value) * {"ns": 1, "us": 1e3, "ms": 1e6}[unit]
        ratios = tuple(float(c) if c else None for c in (cells[4:8] + ["", ""])[:4])
        rows[(cells[0], cells[1])] = (ns,) + ratios
    return rows


def round_robin_table(paths):
    runs = [parse_round_robin(path) for path in paths]
    # Files from before the paired ratios were printed have none.
    paired = any(v[3] is not None or v[4] is not None for run in runs for v in run.values())
    print("| input | contender | fastest batch (median of %d runs) "
          "| contender / h1wire (lowest-highest) "
          "| contender / h1wire_head (lowest-highest) |%s" % (
              len(runs), " paired / h1wire | paired / h1wire_head |" if paired else ""))
    print("| --- | --- | ---: | ---: | ---: |%s" % (" ---: | ---: |" if paired else ""))
    keys = [key for key in runs[0] if all(key in run for run in runs)]
    for group, contender in keys:
        values = [run[(group, contender)] for run in runs]

        def ratio(at):
            got = [v[at] for v in values if v[at] is not None]
            if not got:
                return ""
            return "%.2f (%.2f-%.2f)" % (statistics.median(got), min(got), max(got))
        ns = statistics.median(v[0] for v in values)
        extra = " %s | %s |" % (ratio(3), ratio(4)) if paired else ""
        print("| %s | %s | %s | %s | %s |%s" % (
            group, contender, human_time(ns), ratio(1), ratio(2), extra))


def main():
    if sys.argv[1:] and all(os.path.isfile(arg) for arg in sys.argv[1:]):
        round_robin_table(sys.argv[1:])
        return
    roots = sys.argv[1:] or [os.path.join("target", "criterion")]
    for root in roots:
        if not os.path.isdir(root):
            sys.exit("no criterion results under %s: run the benchmarks first" % root)
    print("| input | contender | time | throughput | contender time / h1wire time "
          "| contender time / h1wire_head time |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for group in GROUPS:
        ours = load_runs(roots, group, "h1wire")
        head = load_runs(roots, group, "h1wire_head")
        for contender in CONTENDERS:
            result = load_runs(roots, group, contender)
            if result is None:
                continue
            ns, nbytes = result

            def ratio(base, name):
                if base is None or contender == name:
                    return ""
                return "%.2f" % (ns / base[0])
            print("| %s | %s | %s | %s | %s | %s |" % (
                group, contender, human_time(ns), human_rate(nbytes, ns),
                ratio(ours, "h1wire"), ratio(head, "h1wire_head")))


if __name__ == "__main__":
    main()
