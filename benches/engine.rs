//! Engine throughput, natively: rank 10,000 synthetic models (plus the bundled dataset) for
//! one configuration. `cargo bench --bench engine` prints median and spread over 15 runs.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "a benchmark run by hand: a panic is a failed measurement, never a user's crash"
)]

use codefit::engine::{Config, Dataset, analyze, synthetic};
use std::time::Instant;

fn main() {
    let n = std::env::args()
        .filter_map(|a| a.parse::<usize>().ok())
        .next()
        .unwrap_or(10_000);
    let mut ds = Dataset::bundled().clone();
    let (models, scores) = synthetic::models(n);
    ds.extend(models, scores);
    let cfg = Config::default();
    let mut times = Vec::new();
    for _ in 0..15 {
        let t = Instant::now();
        let a = analyze(&ds, &cfg);
        std::hint::black_box(&a);
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "engine-native rank {n} synthetic models: median {:.2} ms (min {:.2}, max {:.2}) over {} runs",
        times[times.len() / 2],
        times[0],
        times[times.len() - 1],
        times.len()
    );
}
