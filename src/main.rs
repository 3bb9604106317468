//! Entry point. In the browser: mount the app. Natively: `cargo run -- validate` checks the
//! dataset (the same rules as the test suite) and prints its counts.

#[cfg(target_arch = "wasm32")]
fn main() {
    codefit::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use codefit::engine::dataset::Dataset;
    use codefit::engine::date::Date;
    let ds = Dataset::bundled();
    let today = std::env::args()
        .nth(2)
        .and_then(|d| Date::parse(&d))
        .unwrap_or_else(|| ds.newest_date());
    let problems = ds.validate(today);
    println!(
        "codefit dataset: {} models, {} scores, {} benchmarks, {} devices, {} presets, {} weight formats, {} KV formats; newest figure {}",
        ds.models.len(),
        ds.scores.len(),
        ds.benchmarks.len(),
        ds.devices.len(),
        ds.presets.len(),
        ds.weight_formats.len(),
        ds.kv_formats.len(),
        ds.newest_date()
    );
    for p in &problems {
        eprintln!("problem: {p}");
    }
    if !problems.is_empty() {
        std::process::exit(1);
    }
}
