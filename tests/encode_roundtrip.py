#!/usr/bin/env python3
"""Round trip of the encode tool over a corpus (Python 3 standard library only).

  python3 tests/encode_roundtrip.py [--dump BIN] [--encode BIN]
                                    [--mode request|response] [--timeout S]
                                    [--verbose] CORPUS_DIR_OR_FILE...

For every case (CONFORMANCE.md section 2) found in the `*.json` files under
the given folders whose mode is the one asked (default `request`) and whose
expect is `ok`, this runs

    dump < input  |  encode  |  dump

(with `--response` and the case's `--method` values for responses) and
reduces both dumps as CONFORMANCE.md section 1 "How two dumps are compared"
says: per message the start line, the header list, the framing (and its
length), the body (all `body` data concatenated), the trailer list and
whether `message_end` was seen; then whether an `error` ended the stream.
The case round-trips when both reductions are equal.

A case whose first dump ends in an error is skipped (and counted): the
encoder only writes valid streams. A case fails when the encoder refuses the
first dump (exit status 1), when a tool breaks its contract (non-zero exit,
malformed output, timeout), or when the reductions differ. Each failure is
listed with its id, the reason and both reductions.

The binaries default to `target/release/examples/dump` and
`target/release/examples/encode` of the crate this script belongs to (under
$CARGO_TARGET_DIR when set); build them first with
`cargo build --release --examples`.

Exit status: 0 when every case checked round-trips, 1 when any fails, 2 for
a tool error: bad arguments, an unreadable corpus, a missing binary, a dump
without `--response` in response mode, or no case checked at all.
"""

import argparse
import json
import os
import subprocess
import sys

FRAMINGS = ("none", "length", "chunked", "close", "upgrade")
MODES = ("request", "response")


class ToolError(Exception):
    """Exit status 2."""


class Malformed(Exception):
    """A dump's output does not follow CONFORMANCE.md section 1."""


# ------------------------------------------------------------------ corpus

def is_bytes_str(value):
    return isinstance(value, str) and all(ord(ch) < 256 for ch in value)


def corpus_files(paths):
    files = []
    for path in paths:
        if os.path.isfile(path):
            files.append(path)
        elif os.path.isdir(path):
            found = []
            for root, dirs, names in os.walk(path):
                dirs.sort()
                found.extend(os.path.join(root, n) for n in names if n.endswith(".json"))
            files.extend(sorted(found))
        else:
            raise ToolError("no such corpus folder or file: %s" % path)
    unique, seen = [], set()
    for f in files:
        key = os.path.realpath(f)
        if key not in seen:
            seen.add(key)
            unique.append(f)
    if not unique:
        raise ToolError("no *.json corpus file under %s" % ", ".join(paths))
    return unique


def load_cases(paths):
    cases = []
    for path in corpus_files(paths):
        try:
            with open(path, encoding="utf-8") as fh:
                data = json.load(fh)
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise ToolError("%s: cannot read corpus: %s" % (path, exc))
        if not isinstance(data, list):
            raise ToolError("%s: a corpus file holds a JSON array of cases" % path)
        for i, raw in enumerate(data):
            where = "%s[%d]" % (path, i)
            if not isinstance(raw, dict):
                raise ToolError("%s: a case must be an object" % where)
            cid = raw.get("id")
            mode = raw.get("mode", "request")
            methods = raw.get("methods", [])
            data_in = raw.get("input")
            if not isinstance(cid, str) or not cid:
                raise ToolError("%s: id must be a non-empty string" % where)
            if mode not in MODES:
                raise ToolError("%s (%s): mode must be request or response" % (where, cid))
            if (not isinstance(methods, list)
                    or not all(isinstance(m, str) and m for m in methods)):
                raise ToolError("%s (%s): methods must be a list of method names"
                                % (where, cid))
            if not is_bytes_str(data_in):
                raise ToolError("%s (%s): input must be a string of code points 0-255"
                                % (where, cid))
            cases.append({"id": cid, "file": path, "mode": mode, "methods": methods,
                          "input": data_in.encode("latin-1"),
                          "expect": raw.get("expect")})
    return cases


# -------------------------------------------------------------- reduction

def _bstr(ev, key, lineno):
    value = ev.get(key)
    if not is_bytes_str(value):
        raise Malformed("line %d: %s event needs %r as a string of code points 0-255"
                        % (lineno, ev.get("type"), key))
    return value


def _uint(ev, key, lineno):
    value = ev.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise Malformed("line %d: %s event needs %r as a non-negative integer"
                        % (lineno, ev.get("type"), key))
    return value


def reduce_dump(stdout):
    """The dump's JSON Lines -> {"messages": [...], "error": bool}."""
    try:
        text = stdout.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Malformed("output is not UTF-8 (byte %d)" % exc.start)
    messages, error, cur = [], False, None
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            ev = json.loads(line)
        except ValueError:
            raise Malformed("line %d is not JSON: %r" % (lineno, line[:60]))
        if not isinstance(ev, dict) or not isinstance(ev.get("type"), str):
            raise Malformed("line %d is not an event object" % lineno)
        kind = ev["type"]
        if error:
            raise Malformed("line %d: %s event after the error event" % (lineno, kind))
        if kind == "error":
            error = True
        elif kind in ("request", "response"):
            if cur is not None and not cur["message_end"]:
                raise Malformed("line %d: a message before message_end" % lineno)
            if kind == "request":
                start = [_bstr(ev, "method", lineno), _bstr(ev, "target", lineno),
                         _bstr(ev, "version", lineno)]
            else:
                start = [_bstr(ev, "version", lineno), _uint(ev, "status", lineno),
                         _bstr(ev, "reason", lineno)]
            cur = {"start": start, "headers": [], "framing": None, "length": None,
                   "body": "", "trailers": [], "message_end": False}
            messages.append(cur)
        elif kind in ("header", "head_end", "body", "trailer", "message_end"):
            if cur is None or cur["message_end"]:
                raise Malformed("line %d: %s event outside a message" % (lineno, kind))
            if kind == "header":
                if cur["framing"] is not None:
                    raise Malformed("line %d: header after head_end" % lineno)
                cur["headers"].append([_bstr(ev, "name", lineno), _bstr(ev, "value", lineno)])
            elif kind == "head_end":
                if cur["framing"] is not None:
                    raise Malformed("line %d: second head_end" % lineno)
                if ev.get("framing") not in FRAMINGS:
                    raise Malformed("line %d: unknown framing %r" % (lineno, ev.get("framing")))
                cur["framing"] = ev["framing"]
                if cur["framing"] == "length":
                    cur["length"] = _uint(ev, "length", lineno)
            elif cur["framing"] is None:
                raise Malformed("line %d: %s event before head_end" % (lineno, kind))
            elif kind == "body":
                cur["body"] += _bstr(ev, "data", lineno)
            elif kind == "trailer":
                cur["trailers"].append([_bstr(ev, "name", lineno), _bstr(ev, "value", lineno)])
            else:
                cur["message_end"] = True
        else:
            raise Malformed("line %d: unknown event type %r" % (lineno, kind))
    return {"messages": messages, "error": error}


def show(reduction):
    """A reduction, one line per message."""
    if reduction is None:
        return "      (none)"
    lines = ["      " + json.dumps(m) for m in reduction["messages"]]
    lines.append("      error: %s" % ("yes" if reduction["error"] else "no"))
    return "\n".join(lines)


def first_difference(a, b):
    ma, mb = a["messages"], b["messages"]
    for i, (x, y) in enumerate(zip(ma, mb), 1):
        for key in ("start", "headers", "framing", "length", "body", "trailers",
                    "message_end"):
            if x[key] != y[key]:
                return "message %d: %s differs" % (i, key)
    if len(ma) != len(mb):
        return "%d messages, then %d" % (len(ma), len(mb))
    if a["error"] != b["error"]:
        return "error %s, then %s" % (a["error"], b["error"])
    return None


# ----------------------------------------------------------------- running

def run(argv, data, timeout):
    """(exit status, stdout, stderr); raises ToolError if argv cannot run."""
    try:
        proc = subprocess.run(argv, input=data, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, b"", b"timed out after %gs" % timeout
    except OSError as exc:
        raise ToolError("cannot run %s: %s" % (argv[0], exc))
    return proc.returncode, proc.stdout, proc.stderr


def first_line(stderr):
    text = stderr.decode("utf-8", "replace").strip()
    return text.splitlines()[0] if text else "(nothing on stderr)"


def check_case(case, args):
    """("ok" | "skipped" | "failed", reason, first reduction, second reduction)."""
    flags = []
    if case["mode"] == "response":
        flags.append("--response")
        for m in case["methods"]:
            flags += ["--method", m]
    code, first_out, err = run([args.dump] + flags, case["input"], args.timeout)
    if code != 0:
        return "failed", "first dump: exit %s: %s" % (code, first_line(err)), None, None
    try:
        first = reduce_dump(first_out)
    except Malformed as exc:
        return "failed", "first dump: %s" % exc, None, None
    if first["error"]:
        return "skipped", "the first dump ends in an error", first, None
    code, wire, err = run([args.encode] + flags, first_out, args.timeout)
    if code != 0:
        return "failed", "encode: exit %s: %s" % (code, first_line(err)), first, None
    code, second_out, err = run([args.dump] + flags, wire, args.timeout)
    if code != 0:
        return "failed", "second dump: exit %s: %s" % (code, first_line(err)), first, None
    try:
        second = reduce_dump(second_out)
    except Malformed as exc:
        return "failed", "second dump: %s" % exc, first, None
    diff = first_difference(first, second)
    if diff is not None:
        return "failed", diff, first, second
    return "ok", None, first, second


def default_binary(name):
    crate = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    target = os.environ.get("CARGO_TARGET_DIR") or os.path.join(crate, "target")
    return os.path.join(target, "release", "examples", name)


def check_binary(path, name):
    if not (os.path.isfile(path) and os.access(path, os.X_OK)):
        raise ToolError("no %s binary at %s (build it with `cargo build --release "
                        "--examples`, or give --%s BIN)" % (name, path, name))


def main(argv):
    parser = argparse.ArgumentParser(
        description="dump | encode | dump round trip over corpus cases")
    parser.add_argument("--dump", default=default_binary("dump"), help="dump binary")
    parser.add_argument("--encode", default=default_binary("encode"), help="encode binary")
    parser.add_argument("--mode", choices=MODES, default="request",
                        help="which cases to run (default: request)")
    parser.add_argument("--timeout", type=float, default=10.0,
                        help="seconds per tool run (default: 10)")
    parser.add_argument("--verbose", action="store_true",
                        help="also list skipped cases")
    parser.add_argument("corpus", nargs="+", metavar="CORPUS_DIR")
    args = parser.parse_args(argv)

    try:
        check_binary(args.dump, "dump")
        check_binary(args.encode, "encode")
        cases = load_cases(args.corpus)
        if args.mode == "response":
            code, _, err = run([args.dump, "--response"], b"", args.timeout)
            if code != 0:
                raise ToolError("dump has no --response yet (%s): nothing checked"
                                % first_line(err))
        chosen = [c for c in cases if c["mode"] == args.mode and c["expect"] == "ok"]
        counts = {"ok": 0, "skipped": 0, "failed": 0}
        for case in chosen:
            verdict, reason, first, second = check_case(case, args)
            counts[verdict] += 1
            if verdict == "failed":
                print("FAIL %s (%s): %s" % (case["id"], case["file"], reason))
                print("  first dump:\n%s" % show(first))
                print("  after encode:\n%s" % show(second))
            elif verdict == "skipped" and args.verbose:
                print("skip %s: %s" % (case["id"], reason))
        print("%d round-tripped, %d skipped (first dump ends in an error), %d failed, "
              "of %d %s cases with expect ok (%d cases read)"
              % (counts["ok"], counts["skipped"], counts["failed"], len(chosen),
                 args.mode, len(cases)))
        if counts["ok"] + counts["failed"] == 0:
            raise ToolError("no %s case with expect ok was checked" % args.mode)
    except ToolError as exc:
        print("encode_roundtrip: %s" % exc, file=sys.stderr)
        return 2
    return 1 if counts["failed"] else 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except BrokenPipeError:
        # The reader of our output went away (`| head`): no report to give.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(2)
