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
    // "Not in the future" is checked against today's date (or a date given after `validate`).
    let system_today = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()
        .and_then(|d| Date::from_days_since_epoch((d.as_secs() / 86_400) as i64));
    let today = std::env::args()
        .nth(2)
        .and_then(|d| Date::parse(&d))
        .or(system_today)
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
