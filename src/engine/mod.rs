//! The pure core of codefit: the dataset and every rule that turns it into an answer.
//!
//! The one entry point is [`analyze`]: `analyze(&Dataset, &Config) -> Analysis`, everything
//! the page shows. The UI keeps the user's [`Config`], calls it in one memo and renders the
//! [`Analysis`]; the binary validates and imports the [`Dataset`], and `recommend` prints the
//! same answer on the command line ([`recommend`]). The items re-exported below
//! are what they use most; the rest is reached through its module.
//!
//! Data flows one way through three layers, and the modules are declared in that order:
//!
//! 1. **Inputs**: the dataset (loaded, validated, dated, imported), the user's configuration
//!    and its URL encoding, dates and units, and the facts about hardware and runtimes.
//! 2. **Physics**: what a model needs and gets on a machine: its layers' shape, memory,
//!    placement over the devices, the fit, speed, and the speed model's calibration.
//! 3. **Answers**: scores and the ranking, the analysis that assembles them for every model,
//!    and what the page derives from it: the headline, tiers, the timeline, the seed checks,
//!    runtime options and launch commands, comparisons, what to buy and what an API costs,
//!    explanations and exports, and the command line's answer.
//!
//! Nothing here imports leptos, web-sys or wasm-bindgen: the whole engine builds and is
//! tested natively (`cargo test`), and the UI only calls it.

// 1. Inputs.

/// The typed dataset and its loading; filtering by data date.
pub mod dataset;

/// Every rule the data must obey (run by `validate`, the import and the tests).
pub mod validate;

/// How old the data is, and the staleness warning.
pub mod freshness;

/// Hugging Face `config.json` -> architecture facts (the import's mappers; also the page's
/// "your model").
pub mod hf_config;

/// A model the user describes by pasting its `config.json`: its facts, its URL encoding, and
/// the dataset with it added.
pub mod own_model;

/// The import from source snapshots (native only: the page never runs it).
#[cfg(not(target_arch = "wasm32"))]
pub mod import;

/// Synthetic models for the benchmark command.
pub mod synthetic;

/// A small dataset for rule tests.
#[cfg(test)]
pub mod fixture;

/// `Config`: the user's whole state, with defaults and clamping ranges.
pub mod config;

/// `Config` <-> query string (versioned; decoding never fails, it reports notices).
pub mod url;

/// Calendar dates of the dataset.
pub mod date;

/// Unit conversions and the parsing of typed numbers.
pub mod units;

/// What the browser says about the machine, as preset suggestions (never applied unasked).
pub mod hints;

/// Devices, device pools and their usable memory.
pub mod hardware;

/// The inference runtimes and what each can load, run on and claim.
pub mod runtime;

// 2. Physics.

/// A model's layers as groups: the shape the memory and prefill maths read.
pub mod architecture;

/// Weights + KV cache + overhead -> `MemoryBreakdown`; the workload a configuration describes.
pub mod memory;

/// How a runtime splits a model over the devices: per-device shares.
pub mod placement;

/// Fit status, the best format that fits, offload, the largest context.
pub mod fit;

/// Decode and prefill estimates from bandwidth and compute.
pub mod speed;

/// The speed model's constants fitted on the measurements, with their errors.
pub mod calibration;

/// How far the weights formula is from published file sizes.
pub mod accuracy;

// 3. Answers.

/// Benchmark scores, task profiles, weights, the leaders and the effective ranking.
pub mod rank;

/// `analyze(&Dataset, &Config) -> Analysis`: the one entry point.
pub mod analysis;

/// The ranked table's groups: what runs here, reference rows, what does not fit and its need.
pub mod table;

/// The answer in one sentence, with its notes.
pub mod headline;

/// The best model per benchmark for a configuration, and the budget curve.
pub mod tiers;

/// The frontier over time.
pub mod timeline;

/// The seed document's own tables, figure by figure.
pub mod seed;

/// The seed's TL;DR, speed claims and omissions checked against the engine.
pub mod seed_checks;

/// Every runtime on the configuration's hardware, side by side.
pub mod runtime_options;

/// The command line that serves a model as the engine placed it, one builder per runtime.
pub mod launch;

/// A row of the answer in words (fit, headroom, speed, score), for the table and the CLI.
pub mod cells;

/// `codefit recommend`: command-line flags to a `Config` through the URL decoder, and the
/// page's answer (headline, top rows, launch command) as text, JSON or Markdown.
pub mod recommend;

/// Two hardware setups side by side.
pub mod compare;

/// What to buy: the best model per benchmark on every setup for sale, with its price, and
/// the cheapest setups that reach a target.
pub mod buying;

/// What the same work costs on an API, beside the hardware's price over its life and power.
pub mod api_cost;

/// The method panel's formulas, from the engine's own terms.
pub mod explain;

/// The ranked table as CSV and JSON.
pub mod export;

pub use analysis::{Analysis, Row, SortKey, analyze, sorted_order};
pub use config::Config;
pub use dataset::Dataset;
pub use date::Date;
pub use fit::FitStatus;
pub use headline::headline;
pub use runtime::Runtime;
pub use url::Notice;
