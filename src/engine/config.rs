//! `Config`: the user's whole state, with defaults and the ranges values are clamped to.
//! Everything on screen is derived from `(Dataset, Config)`; the URL is an encoding of it.

use super::date::Date;
use super::runtime::Runtime;

/// Default context: a working size for a coding agent (system prompt, tool definitions,
/// several files and the conversation), not the model's maximum.
pub const DEFAULT_CONTEXT_TOKENS: u32 = 65_536;
pub const MIN_CONTEXT_TOKENS: u32 = 1_024;
/// Default prompt for time to first token: a coding agent's typical first request (system
/// prompt, tool definitions and a few files), 16k tokens.
pub const DEFAULT_PROMPT_TOKENS: u32 = 16_384;
/// Largest calibration speed accepted (tokens/s).
pub const MAX_CALIBRATION_TOK_S: f64 = 10_000.0;
pub const MAX_CONTEXT_TOKENS: u32 = 1_048_576;
pub const MAX_SESSIONS: u32 = 64;
pub const MAX_DEVICE_COUNT: u32 = 16;
/// Most device rows a configuration may hold.
pub const MAX_DEVICE_ROWS: usize = 8;
pub const MAX_MEMORY_GB: f64 = 4_096.0;
pub const MIN_MEMORY_GB: f64 = 1.0;
pub const MAX_BANDWIDTH_GB_S: f64 = 20_000.0;
pub const MIN_BANDWIDTH_GB_S: f64 = 10.0;
pub const MAX_RAM_GB: f64 = 4_096.0;
pub const MIN_GPU_SHARE: f64 = 0.1;
pub const MAX_GPU_SHARE: f64 = 1.0;
/// Default preset: the seed's reference machine, one RTX PRO 6000 (96 GB).
pub const DEFAULT_PRESET: &str = "pro6000";
pub const DEFAULT_KV: &str = "f16";
pub const DEFAULT_RANK: &str = "swe_verified";
/// Largest weight per benchmark in a custom profile.
pub const MAX_CUSTOM_WEIGHT: u8 = 10;

#[derive(Clone, Debug, PartialEq)]
pub enum DeviceRef {
    /// A device from the dataset, by id.
    Known(String),
    /// A device the user describes.
    Custom {
        memory_gb: f64,
        bandwidth_gb_s: f64,
        unified: bool,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct DeviceChoice {
    pub device: DeviceRef,
    pub count: u32,
    /// GB already in use on each device of the row (a desktop session, another process);
    /// `None`: the device's default ([`crate::engine::hardware::default_reserved_gb`]).
    pub reserved_gb: Option<f64>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum QuantChoice {
    /// The highest-quality format that fits.
    Auto,
    /// One format for every model (by id).
    Fixed(String),
}

#[derive(Clone, Debug, PartialEq)]
pub enum RankBy {
    /// A single benchmark, by id.
    Bench(String),
    /// A named task profile, by id (`src/data/profiles.json`, `Dataset::profiles`).
    Profile(String),
    /// Custom weights for SWE-bench Verified, LiveCodeBench v6, Aider Polyglot, 16x.
    Custom([u8; 4]),
}

/// Which figures the answers use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DataDate {
    /// Everything in the dataset (the newest date).
    Newest,
    /// Figures published on or before this date.
    AsOf(Date),
    /// Exactly the seed document's own models and figures (2026-02-18).
    Seed,
}

/// The decode speed the headline model must reach by default, estimated tok/s: an agent that
/// writes a 1,000-token edit waits 100 s at this speed, about the limit of interactive work
/// (reading speed is 5–10 tok/s).
pub const DEFAULT_MIN_TOK_S: f64 = 10.0;
/// The most GB a device row may mark as already in use.
pub const MAX_RESERVED_GB: f64 = 256.0;
/// The floor's range in the URL and the controls.
pub const MAX_MIN_TOK_S: f64 = 500.0;

/// What the "what to buy" panel looks for: a score on one benchmark (in the benchmark's own
/// unit, at least `min_value`), or a model that must run.
#[derive(Clone, Debug, PartialEq)]
pub enum BuyTarget {
    Score { bench: String, min_value: f64 },
    Model(String),
}

/// The default target: 70 on SWE-bench Verified, the seed's line for "near-frontier agentic
/// coding" (its 96 GB pick scores 70.6).
pub const DEFAULT_BUY_BENCH: &str = "swe_verified";
pub const DEFAULT_BUY_MIN_VALUE: f64 = 70.0;

/// Input tokens per day of a heavy coding-agent user: an assumption (an agent re-sends its
/// context on every call, so tens of millions of input tokens a day are common), labelled as
/// one on the page.
pub const DEFAULT_API_INPUT_TOKENS_PER_DAY: u64 = 20_000_000;
/// Output tokens per day of the same user (agents write far less than they read): an
/// assumption.
pub const DEFAULT_API_OUTPUT_TOKENS_PER_DAY: u64 = 400_000;
/// Most tokens per day accepted, either way (10 billion).
pub const MAX_API_TOKENS_PER_DAY: u64 = 10_000_000_000;
/// Share of input billed as a cache read, percent. 0 by default: the share depends on the tool
/// and the provider's cache rules, so no cache is assumed unless the user states one.
pub const DEFAULT_API_CACHED_PCT: f64 = 0.0;
pub const MAX_API_CACHED_PCT: f64 = 100.0;
/// Years the hardware's price is spread over: 3, a common depreciation period for computers.
pub const DEFAULT_LIFE_YEARS: f64 = 3.0;
pub const MIN_LIFE_YEARS: f64 = 0.25;
pub const MAX_LIFE_YEARS: f64 = 20.0;
/// Electricity price, US$ per kWh: an assumption near recent US residential averages; set
/// your own tariff.
pub const DEFAULT_KWH_USD: f64 = 0.18;
pub const MAX_KWH_USD: f64 = 5.0;
/// Hours a day the hardware draws its rated power: 8, a working day of agent use.
pub const DEFAULT_HOURS_PER_DAY: f64 = 8.0;
pub const MAX_HOURS_PER_DAY: f64 = 24.0;
/// Largest hardware price a user may type, US$.
pub const MAX_HARDWARE_PRICE_USD: f64 = 10_000_000.0;

#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    pub hardware: Vec<DeviceChoice>,
    /// System RAM that can take offloaded layers (discrete GPUs only); 0 = none.
    pub ram_gb: f64,
    /// Override of the GPU's share of unified memory (Macs, DGX Spark, Strix Halo).
    pub gpu_share: Option<f64>,
    pub quant: QuantChoice,
    pub context_tokens: u32,
    pub sessions: u32,
    pub kv: String,
    pub rank: RankBy,
    pub show_proprietary: bool,
    pub only_fits: bool,
    pub penalty: bool,
    pub selected: Option<String>,
    /// "Data as of": which figures count.
    pub data: DataDate,
    /// The inference runtime the placement, formats and launch command follow.
    pub runtime: Runtime,
    /// Prompt tokens for the time-to-first-token estimate.
    pub prompt_tokens: u32,
    /// A decode speed the user measured: (model id, tokens/s) on this hardware; it sets the
    /// efficiency every other estimate on this hardware uses.
    pub calibration: Option<(String, f64)>,
    /// A second hardware setup to compare with (the one you are thinking of buying).
    pub compare: Option<Vec<DeviceChoice>>,
    /// Allow 16-bit weights where an 8-bit format fits (off: an 8-bit format is within the
    /// measurement noise of BF16 and reads half the bytes per token).
    pub full_precision: bool,
    /// The decode speed (estimated tok/s) the headline model must reach; slower rows are
    /// shown but do not lead unless nothing reaches it.
    pub min_tok_s: f64,
    /// A model the catalog lacks, from a pasted `config.json` ("your model"); the analysis
    /// runs on the dataset with it added ([`super::own_model::dataset_with`]).
    pub own_model: Option<super::own_model::OwnModel>,
    /// The "what to buy" target: the cheapest setups that reach it are listed.
    pub buy_target: BuyTarget,
    /// API usage the cost panel prices: input and output tokens per day, and the share of
    /// input (percent) billed as a cache read.
    pub api_input_tokens_per_day: u64,
    pub api_output_tokens_per_day: u64,
    pub api_cached_pct: f64,
    /// Years the hardware's price is spread over.
    pub life_years: f64,
    /// Electricity price, US$ per kWh.
    pub kwh_usd: f64,
    /// Hours a day the hardware runs at its rated power.
    pub hours_per_day: f64,
    /// A hardware price the user typed (US$); `None`: the matching setup's price, if any.
    pub hardware_price_usd: Option<f64>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            hardware: vec![DeviceChoice {
                device: DeviceRef::Known("rtx-pro-6000".into()),
                count: 1,
                reserved_gb: None,
            }],
            ram_gb: 0.0,
            gpu_share: None,
            quant: QuantChoice::Auto,
            context_tokens: DEFAULT_CONTEXT_TOKENS,
            sessions: 1,
            kv: DEFAULT_KV.into(),
            rank: RankBy::Bench(DEFAULT_RANK.into()),
            show_proprietary: true,
            only_fits: false,
            penalty: false,
            selected: None,
            data: DataDate::Newest,
            runtime: Runtime::LlamaCpp,
            prompt_tokens: DEFAULT_PROMPT_TOKENS,
            calibration: None,
            compare: None,
            full_precision: false,
            min_tok_s: DEFAULT_MIN_TOK_S,
            own_model: None,
            buy_target: BuyTarget::Score {
                bench: DEFAULT_BUY_BENCH.into(),
                min_value: DEFAULT_BUY_MIN_VALUE,
            },
            api_input_tokens_per_day: DEFAULT_API_INPUT_TOKENS_PER_DAY,
            api_output_tokens_per_day: DEFAULT_API_OUTPUT_TOKENS_PER_DAY,
            api_cached_pct: DEFAULT_API_CACHED_PCT,
            life_years: DEFAULT_LIFE_YEARS,
            kwh_usd: DEFAULT_KWH_USD,
            hours_per_day: DEFAULT_HOURS_PER_DAY,
            hardware_price_usd: None,
        }
    }
}

impl Config {
    /// The configuration a dataset preset stands for, with everything else at defaults.
    pub fn with_preset(preset: &super::dataset::Preset) -> Config {
        Config {
            hardware: preset_devices(preset),
            ..Config::default()
        }
    }
}

/// The weights "Custom weights" starts from (SWE-bench Verified, LiveCodeBench v6, Aider
/// Polyglot, 16x): agentic repository work first, as the default profile does.
pub const DEFAULT_CUSTOM_WEIGHTS: [u8; 4] = [5, 2, 2, 1];

impl RankBy {
    /// The ranking a choice in the "Rank by" list stands for (`bench:<id>`, `profile:<id>`,
    /// `custom`); `None` for an id the dataset or the profiles do not know.
    pub fn from_choice(dataset: &super::dataset::Dataset, choice: &str) -> Option<RankBy> {
        if let Some(id) = choice.strip_prefix("bench:") {
            dataset.benchmark(id).map(|b| RankBy::Bench(b.id.clone()))
        } else if let Some(id) = choice.strip_prefix("profile:") {
            super::rank::profile(dataset, id).map(|p| RankBy::Profile(p.id.clone()))
        } else {
            (choice == "custom").then_some(RankBy::Custom(DEFAULT_CUSTOM_WEIGHTS))
        }
    }

    /// The list value of this ranking (the inverse of [`RankBy::from_choice`]).
    pub fn choice(&self) -> String {
        match self {
            RankBy::Bench(id) => format!("bench:{id}"),
            RankBy::Profile(id) => format!("profile:{id}"),
            RankBy::Custom(_) => "custom".to_string(),
        }
    }

    /// Sets custom weight `index` from what was typed: a whole number, clamped to
    /// 0..=[`MAX_CUSTOM_WEIGHT`]; anything else is 0 (all zero ranks equally, and says so).
    /// No effect unless the ranking is custom.
    pub fn set_custom_weight(&mut self, index: usize, typed: &str) {
        let weight = typed
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|w| w.is_finite())
            .map_or(0, |w| {
                w.round().clamp(0.0, f64::from(MAX_CUSTOM_WEIGHT)) as u8
            });
        if let RankBy::Custom(ws) = self
            && let Some(slot) = ws.get_mut(index)
        {
            *slot = weight;
        }
    }

    /// Custom weight `index` (0 for other rankings).
    pub fn custom_weight(&self, index: usize) -> u8 {
        match self {
            RankBy::Custom(ws) => ws.get(index).copied().unwrap_or(0),
            _ => 0,
        }
    }
}

impl Config {
    /// What the seed checks read (engine::tiers: the TL;DR rows and the speed claims): the
    /// workload and the runtime settings, never the hardware, the ranking or the data date,
    /// which each check sets itself. Panels memoise on this projection.
    pub fn seed_check_inputs(&self) -> Config {
        Config {
            context_tokens: self.context_tokens,
            sessions: self.sessions,
            kv: self.kv.clone(),
            runtime: self.runtime,
            penalty: self.penalty,
            gpu_share: self.gpu_share,
            ram_gb: self.ram_gb,
            ..Config::default()
        }
    }

    /// What ranking depends on: everything but the selected model and the inputs only the
    /// buying and cost panels read (their target, usage and cost figures). The main analysis
    /// memoises on this, so a selection click or a cost input recomputes nothing there.
    pub fn ranked_inputs(&self) -> Config {
        let d = Config::default();
        Config {
            selected: None,
            buy_target: d.buy_target,
            api_input_tokens_per_day: d.api_input_tokens_per_day,
            api_output_tokens_per_day: d.api_output_tokens_per_day,
            api_cached_pct: d.api_cached_pct,
            life_years: d.life_years,
            kwh_usd: d.kwh_usd,
            hours_per_day: d.hours_per_day,
            hardware_price_usd: d.hardware_price_usd,
            ..self.clone()
        }
    }

    /// What the "what to buy" panel reads: the workload (runtime, context, sessions, KV,
    /// prompt, penalty, precision, speed floor, data date, ranking for the leaders); never the
    /// hardware, the selection, the comparison or the cost inputs, so changing the machine or
    /// the cost inputs recomputes no setup.
    pub fn buying_inputs(&self) -> Config {
        Config {
            context_tokens: self.context_tokens,
            sessions: self.sessions,
            kv: self.kv.clone(),
            runtime: self.runtime,
            prompt_tokens: self.prompt_tokens,
            penalty: self.penalty,
            full_precision: self.full_precision,
            quant: self.quant.clone(),
            min_tok_s: self.min_tok_s,
            data: self.data,
            ..Config::default()
        }
    }

    /// What the API-cost panel reads besides the analysis: the usage and the hardware's
    /// cost inputs, and the hardware (to find its setup's price and power).
    pub fn cost_inputs(&self) -> Config {
        Config {
            hardware: self.hardware.clone(),
            api_input_tokens_per_day: self.api_input_tokens_per_day,
            api_output_tokens_per_day: self.api_output_tokens_per_day,
            api_cached_pct: self.api_cached_pct,
            life_years: self.life_years,
            kwh_usd: self.kwh_usd,
            hours_per_day: self.hours_per_day,
            hardware_price_usd: self.hardware_price_usd,
            ..Config::default()
        }
    }

    /// What the seed-omission check reads (engine::tiers::seed_omissions): everything that
    /// ranks except the data date and the selection, which it does not use.
    pub fn omission_inputs(&self) -> Config {
        Config {
            data: DataDate::Newest,
            selected: None,
            ..self.clone()
        }
    }
}

/// The preset whose device rows these are (memory in use left at its default), if any.
pub fn matching_preset<'a>(
    dataset: &'a super::dataset::Dataset,
    hardware: &[DeviceChoice],
) -> Option<&'a super::dataset::Preset> {
    dataset
        .presets
        .iter()
        .find(|p| preset_devices(p).as_slice() == hardware)
}

/// The device rows of a preset.
pub fn preset_devices(preset: &super::dataset::Preset) -> Vec<DeviceChoice> {
    device_rows(&preset.devices)
}

/// Device rows for dataset devices (a preset's or a setup's), memory in use at its default.
pub fn device_rows(devices: &[super::dataset::PresetDevice]) -> Vec<DeviceChoice> {
    devices
        .iter()
        .map(|d| DeviceChoice {
            device: DeviceRef::Known(d.device.clone()),
            count: d.count,
            reserved_gb: None,
        })
        .collect()
}

/// Clamps a number into `[lo, hi]`; NaN becomes `fallback`.
pub fn clamp_f64(value: f64, lo: f64, hi: f64, fallback: f64) -> f64 {
    if value.is_nan() {
        fallback
    } else {
        value.clamp(lo, hi)
    }
}

#[cfg(test)]
mod rank_choice_tests {
    use super::*;
    use crate::engine::fixture;

    #[test]
    fn a_rank_choice_round_trips_and_unknown_ids_are_refused() {
        let ds = fixture::dataset();
        let bench = ds.benchmarks.first().map(|b| RankBy::Bench(b.id.clone()));
        for r in bench.into_iter().chain([
            RankBy::Profile(ds.profiles[0].id.clone()),
            RankBy::Custom(DEFAULT_CUSTOM_WEIGHTS),
        ]) {
            assert_eq!(RankBy::from_choice(ds, &r.choice()), Some(r.clone()));
        }
        assert_eq!(RankBy::from_choice(ds, "bench:nope"), None);
        assert_eq!(RankBy::from_choice(ds, "profile:nope"), None);
        assert_eq!(RankBy::from_choice(ds, ""), None);
    }

    #[test]
    fn custom_weights_are_clamped_whole_numbers() {
        let mut r = RankBy::Custom(DEFAULT_CUSTOM_WEIGHTS);
        for (typed, want) in [
            ("7", 7),
            (" 3.6 ", 4),
            ("99", MAX_CUSTOM_WEIGHT),
            ("-2", 0),
            ("x", 0),
            ("NaN", 0),
            ("1e9", MAX_CUSTOM_WEIGHT),
        ] {
            r.set_custom_weight(1, typed);
            assert_eq!(r.custom_weight(1), want, "typed {typed:?}");
        }
        r.set_custom_weight(9, "5");
        assert_eq!(r, RankBy::Custom([5, MAX_CUSTOM_WEIGHT, 2, 1]));
        let mut b = RankBy::Bench("x".into());
        b.set_custom_weight(0, "5");
        assert_eq!(b, RankBy::Bench("x".into()));
    }
}
