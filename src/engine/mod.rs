//! The pure core of codefit: the dataset and every rule that turns it into an answer.
//!
//! Nothing here imports leptos, web-sys or wasm-bindgen: the whole engine builds and is
//! tested natively (`cargo test`), and the UI only calls it.

pub mod accuracy;
pub mod analysis;
pub mod architecture;
pub mod calibration;
pub mod compare;
pub mod config;
pub mod dataset;
pub mod date;
pub mod explain;
pub mod export;
pub mod fit;
#[cfg(test)]
pub mod fixture;
pub mod freshness;
pub mod hardware;
pub mod headline;
/// The import from source snapshots (native only: the page never runs it).
#[cfg(not(target_arch = "wasm32"))]
pub mod import;
pub mod launch;
pub mod memory;
pub mod placement;
pub mod rank;
pub mod runtime;
pub mod runtime_options;
pub mod seed;
pub mod seed_checks;
pub mod speed;
pub mod synthetic;
pub mod tiers;
pub mod timeline;
pub mod units;
pub mod url;
pub mod validate;
