//! Benchmark-only hooks, compiled under the `synthetic` feature (never in the shipped page):
//! `?synthetic=N` loads N synthetic models beside the bundled ones, and
//! `codefit_bench_rank(n)` returns the median milliseconds to rank n synthetic models in WASM.

use crate::engine::dataset::BUNDLED;
use crate::engine::{Config, Dataset, analyze, synthetic};
use wasm_bindgen::prelude::*;

/// Installs the enlarged dataset when the URL asks for it; call before the app mounts.
pub fn install_from_query() {
    let q = super::browser::query();
    let n = q
        .split('&')
        .find_map(|kv| kv.strip_prefix("synthetic="))
        .and_then(|v| v.parse::<usize>().ok());
    if let (Some(n), Ok(mut ds)) = (n, Dataset::from_sources(&BUNDLED)) {
        let (m, s) = synthetic::models(n.min(100_000));
        ds.extend(m, s);
        Dataset::install(ds);
    }
}

#[wasm_bindgen]
pub fn codefit_bench_rank(n: u32) -> f64 {
    let Ok(mut ds) = Dataset::from_sources(&BUNDLED) else {
        return f64::NAN;
    };
    let (m, s) = synthetic::models(n as usize);
    ds.extend(m, s);
    let cfg = Config::default();
    let mut times = Vec::new();
    for _ in 0..7 {
        let t = super::browser::now_ms();
        let a = analyze(&ds, &cfg);
        std::hint::black_box(&a);
        times.push(super::browser::now_ms() - t);
    }
    times.sort_by(f64::total_cmp);
    times.get(times.len() / 2).copied().unwrap_or(f64::NAN)
}
