#!/usr/bin/env python3
"""Time two versions of h1wire against each other in one process.

    python3 benches/ab.py [--base REV] [--rounds N] [--instructions] [INPUT ...]
    python3 benches/ab.py --encode [--base REV] [...] [moved_301 | ok_response_313]

INPUT is a group of benches/decode.rs (mdn_get, browser_get, pipelined_64,
post_form, byte_at_a_time, chunked_64, chunked_4k, ok_response_313; all
of them when none is given). The base is a git revision (HEAD by
default); the candidate is the working tree as it is, uncommitted
changes included.

Why: on a shared virtual machine, separate runs of two bench binaries
swing by up to 2x with the host's load, so "fastest of N" in turn can
still crown the build that happened to run in a quiet minute. Here both
versions are linked into one harness (as two crates, `base` and `cand`)
and each round times a batch of one, then a batch of the other, in
alternating order, so both see the same minute of the host. For every
input and API it prints the 10th percentile and the median of the
per-batch times of each, and the candidate's p10 over the base's.

The inputs are the candidate's `benches/inputs/mod.rs`; the event API
(`decode` in a loop, one more byte per call for byte_at_a_time) and the
at-once APIs (`decode_head`, then `decode_body`) are timed as in
benches/decode.rs, each message's events handed to `black_box`.
Code placement still moves a version by itself: compared with itself
(`--base HEAD` and no change), most cells stay within 3%, but
byte_at_a_time's events once came out 14% apart. So run the null
comparison first, trust a difference only well past what it shows, and
see it again in a second run.

`--encode` times the server's encoder instead, writing the response
heads of benches/encode.rs (moved_301 is its encode_seed_301,
ok_response_313 its encode_ok_313) into a `[u8; 1024]`, from parts
split out of the head's bytes outside the encoder.

`--instructions` also counts instructions per iteration of each with
valgrind's callgrind (the difference between 1,000 and 2,000
iterations, so the harness's setup drops out): steadier than time,
but it is time that decides.

Everything is built under target/ab/ (the copies of the two versions,
renamed, and the harness), so the repository's .cargo/config.toml
applies to it as to the benches. Only the Python standard library.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(REPO, "target", "ab")

HARNESS = r'''
#[allow(dead_code)]
#[path = "../../cand/benches/inputs/mod.rs"]
mod inputs;

use std::hint::black_box;
use std::time::Instant;

macro_rules! version {
    ($name:ident, $krate:ident) => {
        mod $name {
            use $krate::{
                Answering, Body, Config, Decoder, Encoder, Event, Field, Framing, HeadStatus,
                MethodKind, Status, StatusLine, Version,
            };
            use std::hint::black_box;

            fn decoder(response: bool) -> Decoder {
                if response {
                    let mut decoder = Decoder::client(Config::default());
                    decoder
                        .expect_response(MethodKind::Other)
                        .expect("one request in flight");
                    decoder
                } else {
                    Decoder::server(Config::default())
                }
            }

            /// Events up to and including `MessageEnd` (`HeadEnd` with
            /// `head_only`: the response input is a head without its body);
            /// returns the bytes read.
            #[inline(always)]
            fn message_events(decoder: &mut Decoder, input: &[u8], head_only: bool) -> usize {
                let mut at = 0;
                loop {
                    let step = decoder.decode(&input[at..]).expect("valid input");
                    at += step.consumed;
                    match step.status {
                        Status::Event(Event::MessageEnd) => return at,
                        Status::Event(Event::HeadEnd(_)) if head_only => return at,
                        Status::Event(event) => {
                            black_box(event);
                        }
                        _ => panic!("the input ended inside a message"),
                    }
                }
            }

            /// The head `input` (a response head) written by the server's
            /// encoder into `buf`, from its parts as a server has them;
            /// returns its length. The parts are split out of `input` on
            /// every call, outside the encoder, the same in both versions.
            #[inline(never)]
            pub fn encode(parts: &crate::HeadParts<'_>, buf: &mut [u8; 1024]) -> usize {
                let status = StatusLine {
                    version: Version::Http11,
                    status: parts.status,
                    reason: parts.reason,
                };
                let mut fields = [Field::EMPTY; 16];
                for (slot, &(name, value)) in fields.iter_mut().zip(&parts.fields) {
                    *slot = Field { name, value };
                }
                let head = Encoder::server()
                    .response(
                        &status,
                        &fields[..parts.fields.len()],
                        Body::AsFields,
                        Answering::HTTP11,
                        buf,
                    )
                    .expect("the encoder refused the head");
                head.len
            }

            /// One pass over `input` with `api`; returns a tally.
            #[inline(never)]
            pub fn run(api: &str, input: &[u8], response: bool, trickle: bool) -> usize {
                let mut decoder = decoder(response);
                let mut tally = 0;
                match (api, trickle) {
                    ("events", false) => {
                        let mut at = 0;
                        while at < input.len() {
                            at += message_events(&mut decoder, black_box(&input[at..]), response);
                            tally += 1;
                        }
                    }
                    ("events", true) => {
                        let mut consumed = 0;
                        for available in 1..=input.len() {
                            loop {
                                let step = decoder
                                    .decode(black_box(&input[consumed..available]))
                                    .expect("valid input");
                                consumed += step.consumed;
                                match step.status {
                                    Status::Event(event) => {
                                        black_box(event);
                                    }
                                    _ => break,
                                }
                            }
                        }
                        tally += consumed;
                    }
                    ("head", false) => {
                        // As benches/decode.rs: one field array a pass, a
                        // piece array only where a body is read.
                        let mut fields = [Field::EMPTY; 32];
                        let mut rest = black_box(input);
                        while !rest.is_empty() {
                            let head = match decoder.decode_head(rest, &mut fields) {
                                Ok(HeadStatus::Complete(head)) => head,
                                _ => panic!("no whole head"),
                            };
                            tally += head.fields.len();
                            black_box(&head);
                            rest = &rest[head.len..];
                            if head.framing == Framing::None || response {
                                continue;
                            }
                            let mut pieces = [&b""[..]; 64];
                            loop {
                                let read = decoder.decode_body(rest, &mut pieces).expect("valid body");
                                rest = &rest[read.consumed..];
                                black_box(read.pieces);
                                if let Some(Status::Event(Event::MessageEnd)) = read.then {
                                    break;
                                }
                            }
                        }
                    }
                    ("head", true) => {
                        let mut fields = [Field::EMPTY; 32];
                        for available in 1..=input.len() {
                            match decoder.decode_head(black_box(&input[..available]), &mut fields) {
                                Ok(HeadStatus::NeedMore) => {}
                                Ok(HeadStatus::Complete(head)) => {
                                    tally += head.fields.len();
                                    black_box(&head);
                                    break;
                                }
                                _ => panic!("no whole head"),
                            }
                        }
                    }
                    _ => panic!("unknown api {api}"),
                }
                tally
            }
        }
    };
}

/// A response head split into what the encoder is given.
pub struct HeadParts<'a> {
    status: u16,
    reason: &'a [u8],
    fields: Vec<(&'a [u8], &'a [u8])>,
}

fn head_parts(head: &[u8]) -> HeadParts<'_> {
    let mut lines = head.split(|&b| b == b'\n').map(|line| line.strip_suffix(b"\r").unwrap_or(line));
    let status_line = lines.next().expect("a status line");
    let status = std::str::from_utf8(&status_line[9..12]).unwrap().parse().unwrap();
    let fields = lines
        .take_while(|line| !line.is_empty())
        .map(|line| {
            let colon = line.iter().position(|&b| b == b':').expect("a colon");
            (&line[..colon], &line[colon + 2..])
        })
        .collect();
    HeadParts { status, reason: &status_line[13..], fields }
}

version!(base, h1wire_ab_base);
version!(cand, h1wire_ab_cand);

fn compare_encoders(name: &str, rounds: usize, only: Option<String>) {
    let bytes = match name {
        "ok_response_313" => inputs::OK_RESPONSE_313,
        "moved_301" => inputs::MOVED_301,
        _ => panic!("no head {name} to encode"),
    };
    let parts = head_parts(bytes);
    let mut buf = [0u8; 1024];
    // Each version must write the head's very bytes before either is timed.
    for cand in [false, true] {
        buf.fill(0xa5);
        let len = if cand {
            cand::encode(&parts, &mut buf)
        } else {
            base::encode(&parts, &mut buf)
        };
        assert_eq!(&buf[..len], bytes, "{name}: not the same bytes (cand: {cand})");
    }
    let mut run = |cand: bool| {
        if cand {
            cand::encode(black_box(&parts), &mut buf)
        } else {
            base::encode(black_box(&parts), &mut buf)
        }
    };
    if let Some(only) = only {
        for _ in 0..rounds {
            black_box(run(only == "cand"));
        }
        return;
    }
    report(name, "encode", rounds, |cand| {
        black_box(run(cand));
    });
}

/// Time `run(false)` (the base) and `run(true)` (the candidate) in
/// alternating batches of about 200 us and print the summary line.
fn report(name: &str, api: &str, rounds: usize, mut run: impl FnMut(bool)) {
    let start = Instant::now();
    let mut calibrate = 0;
    while start.elapsed().as_micros() < 2_000 {
        run(false);
        calibrate += 1;
    }
    let batch = (calibrate / 10).max(1);
    let mut times = [Vec::new(), Vec::new()];
    for round in 0..rounds {
        for turn in 0..2 {
            let cand = (turn == 0) == (round % 2 == 0);
            let start = Instant::now();
            for _ in 0..batch {
                run(cand);
            }
            times[usize::from(cand)].push(start.elapsed().as_nanos() as f64 / batch as f64);
        }
    }
    let mut summary = Vec::new();
    for version in &mut times {
        version.sort_by(f64::total_cmp);
        summary.push((version[version.len() / 10], version[version.len() / 2]));
    }
    println!(
        "{name:<16} {api:<7} base p10 {:>10.1} ns  med {:>10.1} | cand p10 {:>10.1} ns  med {:>10.1} | cand/base {:.3}",
        summary[0].0, summary[0].1, summary[1].0, summary[1].1, summary[1].0 / summary[0].0
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (name, api) = (args[1].as_str(), args[2].as_str());
    let rounds: usize = args[3].parse().expect("rounds");
    let only = std::env::var("AB_ONLY").ok();
    if api == "encode" {
        return compare_encoders(name, rounds, only);
    }
    let (bytes, trickle, response) = if name == "ok_response_313" {
        (inputs::OK_RESPONSE_313.to_vec(), false, true)
    } else {
        let input = inputs::all()
            .into_iter()
            .find(|input| input.name == name)
            .unwrap_or_else(|| panic!("no input {name}"));
        let trickle = input.feed == inputs::Feed::ByteAtATime;
        (input.bytes, trickle, false)
    };
    let run = |cand: bool| {
        if cand {
            cand::run(api, &bytes, response, trickle)
        } else {
            base::run(api, &bytes, response, trickle)
        }
    };
    if let Some(only) = only {
        // For callgrind: `rounds` passes of one version, nothing timed.
        for _ in 0..rounds {
            black_box(run(only == "cand"));
        }
        return;
    }
    // Both must read the input the same way before either is timed.
    assert_eq!(run(false), run(true), "{name} {api}: the versions disagree");
    report(name, api, rounds, |cand| {
        black_box(run(cand));
    });
}
'''

INPUTS = ["mdn_get", "browser_get", "pipelined_64", "post_form",
          "byte_at_a_time", "chunked_64", "chunked_4k", "ok_response_313"]
# Heads the encoders write (`--encode`).
HEADS = ["moved_301", "ok_response_313"]


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def copy_version(dest, package, rev):
    """The crate at `rev` (None: the working tree) in `dest`, renamed."""
    if os.path.isdir(dest):
        shutil.rmtree(dest)
    os.makedirs(dest)
    if rev is None:
        files = subprocess.run(
            ["git", "ls-files", "-co", "--exclude-standard", "-z"],
            cwd=REPO, check=True, capture_output=True).stdout.decode().split("\0")
        for path in filter(None, files):
            if path.startswith(("fuzz/", "tests/")) or not os.path.isfile(os.path.join(REPO, path)):
                continue
            os.makedirs(os.path.dirname(os.path.join(dest, path)), exist_ok=True)
            shutil.copy2(os.path.join(REPO, path), os.path.join(dest, path))
    else:
        archive = subprocess.run(["git", "archive", rev, "Cargo.toml", "src", "benches"],
                                 cwd=REPO, check=True, capture_output=True).stdout
        run(["tar", "-x", "-C", dest], input=archive)
    # Fresh times: `git archive` and `copy2` keep the files' own times,
    # which may be older than the last build of another version here, and
    # cargo would then take that build for this one.
    now = time.time()
    for root, _, names in os.walk(dest):
        for name in names:
            os.utime(os.path.join(root, name), (now, now))
    manifest = os.path.join(dest, "Cargo.toml")
    text = open(manifest).read()
    text = re.sub(r'(?m)^name = "h1wire"$', f'name = "{package}"', text, count=1)
    # A plain library: no workspace, no dev-dependencies, targets, benches.
    text = re.sub(r"(?ms)^\[workspace\].*?(?=^\[)", "", text)
    text = re.sub(r"(?ms)^\[dev-dependencies\].*?(?=^\[)", "", text)
    text = re.sub(r"(?ms)^\[\[(example|test|bench)\]\].*?(?=^\[|\Z)", "", text)
    text = re.sub(r"(?ms)^\[profile\.[^]]*\].*?(?=^\[|\Z)", "", text)
    text += "\n[lib]\nname = \"%s\"\npath = \"src/lib.rs\"\n" % package
    open(manifest, "w").write(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default="HEAD", help="git revision to compare against")
    parser.add_argument("--rounds", type=int, default=300)
    parser.add_argument("--instructions", action="store_true")
    parser.add_argument("--encode", action="store_true",
                        help="time the response encoder on the benchmark heads instead")
    parser.add_argument("inputs", nargs="*", default=INPUTS)
    args = parser.parse_args()

    os.makedirs(WORK, exist_ok=True)
    copy_version(os.path.join(WORK, "base"), "h1wire_ab_base", args.base)
    copy_version(os.path.join(WORK, "cand"), "h1wire_ab_cand", None)
    harness = os.path.join(WORK, "harness")
    os.makedirs(os.path.join(harness, "src"), exist_ok=True)
    open(os.path.join(harness, "Cargo.toml"), "w").write(
        '[package]\nname = "h1wire-ab"\nversion = "0.0.0"\nedition = "2021"\npublish = false\n\n'
        '[dependencies]\n'
        'h1wire_ab_base = { path = "../base", default-features = false }\n'
        'h1wire_ab_cand = { path = "../cand", default-features = false }\n\n'
        '[profile.release]\ndebug = true\n\n[workspace]\n')
    open(os.path.join(harness, "src", "main.rs"), "w").write(HARNESS)
    run(["cargo", "build", "--release", "--quiet"], cwd=harness)
    binary = os.path.join(harness, "target", "release", "h1wire-ab")

    jobs = [(name, api) for name in args.inputs for api in ("events", "head")]
    if args.encode:
        jobs = [(name, "encode") for name in (args.inputs if args.inputs != INPUTS else HEADS)]
    for name, api in jobs:
        run([binary, name, api, str(args.rounds)])
        if args.instructions:
            counts = [instructions(binary, name, api, only) for only in ("base", "cand")]
            print(f"{'':<16} {api:<7} instructions per pass: base {counts[0]:,}, cand {counts[1]:,}")


def instructions(binary, name, api, only):
    def total(passes):
        out = subprocess.run(
            ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
             binary, name, api, str(passes)],
            env=dict(os.environ, AB_ONLY=only), capture_output=True, text=True).stderr
        return int(re.search(r"refs:\s+([\d,]+)", out).group(1).replace(",", ""))
    return (total(2000) - total(1000)) // 1000


if __name__ == "__main__":
    main()
