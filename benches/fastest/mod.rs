//! The round-robin mode both benchmarks have:
//! `H1WIRE_MIN_OF=ROUNDS cargo bench --bench NAME [-- FILTER]` times the
//! contenders of each group in turn instead of running criterion: each
//! round runs a batch of every contender (about 2 ms each, the order
//! rotating from round to round), and after `ROUNDS` rounds it prints
//! each contender's fastest batch and its median, the ratios of the
//! fastest batches to h1wire's, and the paired ratios: in each round, the
//! contender's batch over h1wire's batch of the same round, the median
//! of those over the rounds.
//!
//! The two ratios answer slightly different questions. The host's speed
//! changes from one moment to the next (one process timing the same
//! head in 50 ms batches in a row saw 258, 240, 227, 158 and 258 ns:
//! most likely a neighbour on the same core coming and going), and not
//! every contender is slowed alike (code that runs many instructions a
//! cycle seems to lose more when it shares the core). The fastest batches
//! compare the contenders at the host's best moments; the paired ratios
//! at its usual ones, which on a busy host can differ by a fifth.
//!
//! Why: on a shared virtual machine timings swing 1.5-2x within minutes,
//! and criterion times one function after the other, so two contenders of
//! a group can land in different minutes of the host; a ratio between
//! them then says more about the host than about the code. Here every
//! contender of a group is timed in every round, so they see the same
//! minutes, and a ratio from one run is one to trust when a second run
//! agrees. For comparing two builds of h1wire, see `benches/ab.py`.

/// The rounds and the filter when `H1WIRE_MIN_OF` asks for this mode;
/// `None` for criterion.
fn requested() -> Option<(usize, Option<String>)> {
    let rounds = std::env::var("H1WIRE_MIN_OF").ok()?;
    let rounds = rounds.parse().expect("H1WIRE_MIN_OF: a number of rounds");
    // cargo passes `--bench` along; the filter is the other word.
    let filter = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    Some((rounds, filter))
}

/// One contender of a group: its name and one call of what is timed.
pub type Contender<'a> = (&'a str, Box<dyn FnMut() + 'a>);

/// Time the contenders of `group` round-robin for `rounds` rounds (see
/// the module docs) and print one line per contender: its fastest batch
/// and its median batch in nanoseconds per call, then the fastest
/// batch's ratio to h1wire's and to h1wire_head's, and the paired
/// ratios to each, where the group has them (above 1.00: h1wire is
/// faster). The rows are Markdown.
pub fn compare(group: &str, rounds: usize, contenders: &mut [Contender<'_>]) {
    // Two calls each to warm up, then how many calls make about 2 ms.
    let batches: Vec<u64> = contenders
        .iter_mut()
        .map(|(_, run)| {
            run();
            let once = std::time::Instant::now();
            run();
            (2_000_000 / once.elapsed().as_nanos().max(1)).clamp(1, 1_000_000) as u64
        })
        .collect();
    let count = contenders.len();
    let mut times = vec![Vec::with_capacity(rounds); count];
    for round in 0..rounds {
        for turn in 0..count {
            let at = (round + turn) % count;
            let (_, run) = &mut contenders[at];
            let start = std::time::Instant::now();
            for _ in 0..batches[at] {
                run();
            }
            times[at].push(start.elapsed().as_nanos() as f64 / batches[at] as f64);
        }
    }
    let position = |name: &str| contenders.iter().position(|(n, _)| *n == name);
    let (events, head) = (position("h1wire"), position("h1wire_head"));
    // The median over the rounds of contender `at`'s batch over `base`'s.
    let paired = |at: usize, base: usize| {
        median(
            times[at]
                .iter()
                .zip(&times[base])
                .map(|(ours, theirs)| ours / theirs),
        )
    };
    let fastest = |batch_times: &[f64]| batch_times.iter().copied().fold(f64::NAN, f64::min);
    for (at, (name, _)) in contenders.iter().enumerate() {
        let ratios = |base: Option<usize>| match base {
            Some(base) if base != at => (
                format!("{:.2}", fastest(&times[at]) / fastest(&times[base])),
                format!("{:.2}", paired(at, base)),
            ),
            _ => (String::new(), String::new()),
        };
        let (to_events, paired_events) = ratios(events);
        let (to_head, paired_head) = ratios(head);
        println!(
            "| {group} | {name} | {} | {} | {to_events} | {to_head} | {paired_events} | {paired_head} |",
            nanos(fastest(&times[at])),
            nanos(median(times[at].iter().copied())),
        );
    }
}

/// The median of `values` (the upper one of an even count).
fn median(values: impl Iterator<Item = f64>) -> f64 {
    let mut sorted: Vec<f64> = values.collect();
    sorted.sort_by(f64::total_cmp);
    sorted.get(sorted.len() / 2).copied().unwrap_or(f64::NAN)
}

/// A time per call as the README's tables write it.
fn nanos(ns: f64) -> String {
    if ns >= 1_000.0 {
        format!("{:.2} us", ns / 1_000.0)
    } else {
        format!("{ns:.1} ns")
    }
}

/// The header of the tables `compare` prints rows of.
pub fn print_header(rounds: usize) {
    println!("Round-robin, {rounds} rounds (see benches/fastest/mod.rs):");
    println!();
    println!(
        "| input | contender | fastest batch | median batch | contender / h1wire | contender / h1wire_head \
         | paired / h1wire | paired / h1wire_head |"
    );
    println!("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
}

/// A benchmark's `main`: `round_robin(rounds, filter)` when
/// `H1WIRE_MIN_OF` asks for the round-robin mode, else criterion's
/// group `benches` and its summary.
pub fn main(round_robin: impl FnOnce(usize, Option<&str>), benches: impl FnOnce()) {
    match requested() {
        Some((rounds, filter)) => {
            print_header(rounds);
            round_robin(rounds, filter.as_deref());
        }
        None => {
            benches();
            criterion::Criterion::default()
                .configure_from_args()
                .final_summary();
        }
    }
}
