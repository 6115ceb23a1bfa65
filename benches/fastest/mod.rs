//! The fastest-of-rounds mode both benchmarks have:
//! `H1WIRE_MIN_OF=ROUNDS cargo bench --bench NAME [-- FILTER]` prints each
//! timed call's fastest round of `ROUNDS` (about 20 ms each) instead of
//! running criterion. On a machine whose timings swing 1.5-2x within
//! minutes the minimum is what stays put: for comparing two builds, run
//! both this way, alternating, more than once.

/// The rounds and the filter when `H1WIRE_MIN_OF` asks for this mode;
/// `None` for criterion.
fn requested() -> Option<(usize, Option<String>)> {
    let rounds = std::env::var("H1WIRE_MIN_OF").ok()?;
    let rounds = rounds.parse().expect("H1WIRE_MIN_OF: a number of rounds");
    // cargo passes `--bench` along; the filter is the other word.
    let filter = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    Some((rounds, filter))
}

/// Time `run` (warmed up by two calls) and print its fastest round of
/// `rounds`, in nanoseconds per call, after `id`.
pub fn report(id: &str, rounds: usize, run: &mut dyn FnMut()) {
    run();
    let once = std::time::Instant::now();
    run();
    let per_round = (20_000_000 / once.elapsed().as_nanos().max(1)).clamp(1, 1_000_000);
    let best = (0..rounds)
        .map(|_| {
            let start = std::time::Instant::now();
            for _ in 0..per_round {
                run();
            }
            start.elapsed().as_nanos() as f64 / per_round as f64
        })
        .fold(f64::MAX, f64::min);
    println!("{id:<32} {best:>12.1} ns");
}

/// A benchmark's `main`: `min_of(rounds, filter)` when `H1WIRE_MIN_OF`
/// asks for the fastest-of-rounds mode, else criterion's group
/// `benches` and its summary.
pub fn main(min_of: impl FnOnce(usize, Option<&str>), benches: impl FnOnce()) {
    match requested() {
        Some((rounds, filter)) => min_of(rounds, filter.as_deref()),
        None => {
            benches();
            criterion::Criterion::default()
                .configure_from_args()
                .final_summary();
        }
    }
}
