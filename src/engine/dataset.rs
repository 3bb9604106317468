//! The typed dataset: benchmarks, models, scores, hardware and quantization formats,
//! loaded from the JSON files under `src/data/` (embedded at build time) and validated.

use super::architecture::{LayerGroup, LayerKind};
use super::date::Date;
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// The date the seed document ("Coding Model Quality Benchmarks") was compiled.
pub const SEED_DATE: Date = Date::literal(2026, 2, 18);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// A percentage, 0–100.
    Percent,
    /// A score out of 10.
    Score10,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Benchmark {
    pub id: String,
    pub name: String,
    pub short: String,
    pub unit: Unit,
    pub max: f64,
    pub kind: String,
    pub description: String,
    pub url: String,
}

impl Benchmark {
    /// Converts a raw value to the 0–100 scale used for ranking and gaps.
    pub fn to_points(&self, value: f64) -> f64 {
        value / self.max * 100.0
    }
    /// Formats a raw value in the benchmark's own unit.
    pub fn format_value(&self, value: f64) -> String {
        match self.unit {
            Unit::Percent => format!("{value:.1}%"),
            Unit::Score10 => format!("{value}/10"),
        }
    }
}

/// How a date was established: from the figure's own source, or only known to be
/// published by the seed's compilation date (an upper bound).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum DateBasis {
    #[default]
    Source,
    Seed,
}

/// Who produced a score.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Provenance {
    /// Reported by the model's own lab.
    Vendor,
    /// Another party's run or compilation.
    ThirdParty,
    /// An independent leaderboard with a fixed scaffold.
    Leaderboard,
}

impl Provenance {
    pub fn label(self) -> &'static str {
        match self {
            Provenance::Vendor => "vendor-reported",
            Provenance::ThirdParty => "third-party",
            Provenance::Leaderboard => "independent leaderboard",
        }
    }
}

#[derive(Clone, Debug, Deserialize)]
pub struct Params {
    pub total_b: f64,
    pub active_b: f64,
    pub seed_total_b: Option<f64>,
    pub seed_active_b: Option<f64>,
    pub source: String,
}

/// Mixture-of-experts layout: routed experts per layer, how many a token uses, shared experts.
#[derive(Clone, Copy, Debug, Deserialize)]
pub struct Experts {
    pub count: u32,
    pub active: u32,
    #[serde(default)]
    pub shared: u32,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Architecture {
    pub experts: Option<Experts>,
    /// All transformer layers (what a layer split divides); the groups' counts sum to it.
    pub layers: u32,
    /// The layers as runs of one attention / recurrent kind (see `architecture.rs`).
    pub layer_groups: Vec<LayerGroup>,
    pub attention_heads: u32,
    pub max_context: u32,
    pub native_format: String,
    pub source: String,
}

#[derive(Clone, Debug, Deserialize)]
pub struct SeedMemory {
    pub gb: f64,
    pub format: String,
    pub approx: bool,
}

/// Published repository names for serving a model (Hugging Face ids).
#[derive(Clone, Debug, Default, Deserialize)]
pub struct Repos {
    /// The original weights.
    pub hf: Option<String>,
    /// GGUF files for llama.cpp.
    pub gguf: Option<String>,
    /// An MLX 4-bit conversion.
    pub mlx: Option<String>,
    /// An FP8 checkpoint for vLLM / SGLang.
    pub fp8: Option<String>,
    /// An AWQ 4-bit checkpoint for vLLM / SGLang.
    pub awq: Option<String>,
    pub source: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Model {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub vendor: String,
    pub open_weight: bool,
    pub released: Date,
    #[serde(default)]
    pub date_basis: DateBasis,
    pub release_source: String,
    pub in_seed: bool,
    pub params: Option<Params>,
    pub arch: Option<Architecture>,
    pub seed_memory: Option<SeedMemory>,
    #[serde(default)]
    pub repos: Repos,
    #[serde(default)]
    pub notes: String,
}

/// The facts the memory maths needs; present for every open-weight model (validated).
pub struct OpenFacts<'a> {
    pub params: &'a Params,
    pub arch: &'a Architecture,
}

impl Model {
    pub fn open_facts(&self) -> Option<OpenFacts<'_>> {
        match (&self.params, &self.arch) {
            (Some(params), Some(arch)) if self.open_weight => Some(OpenFacts { params, arch }),
            _ => None,
        }
    }
    /// Whether `name` (case-insensitive) is this model's name, id or one of its aliases.
    pub fn is_called(&self, name: &str) -> bool {
        let name = name.trim();
        self.id.eq_ignore_ascii_case(name)
            || self.name.eq_ignore_ascii_case(name)
            || self.aliases.iter().any(|a| a.eq_ignore_ascii_case(name))
    }
}

#[derive(Clone, Debug, Deserialize)]
pub struct Score {
    pub model: String,
    pub bench: String,
    pub variant: Option<String>,
    pub value: f64,
    pub range: Option<[f64; 2]>,
    pub approx: bool,
    pub provenance: Provenance,
    pub source: String,
    pub as_of: Date,
    #[serde(default)]
    pub date_basis: DateBasis,
    pub in_seed: bool,
    pub seed_label: Option<String>,
    #[serde(default)]
    pub note: String,
}

impl Score {
    /// The value as the seed or source writes it: "~57.6%", "~87-89%", "9.2/10".
    pub fn display(&self, bench: &Benchmark) -> String {
        let tilde = if self.approx { "~" } else { "" };
        match (self.range, bench.unit) {
            (Some([lo, hi]), Unit::Percent) => format!("{tilde}{lo}–{hi}%"),
            (Some([lo, hi]), Unit::Score10) => format!("{tilde}{lo}–{hi}/10"),
            (None, _) => format!("{tilde}{}", bench.format_value(self.value)),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MemoryKind {
    /// A graphics card with its own memory.
    Discrete,
    /// CPU and GPU share one memory (Apple silicon, DGX Spark, Strix Halo).
    Unified,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Device {
    pub id: String,
    pub name: String,
    pub memory_gb: f64,
    pub bandwidth_gb_s: f64,
    pub kind: MemoryKind,
    pub source: String,
    pub released: Date,
    /// Share of unified memory the GPU may use by default.
    pub gpu_share: Option<f64>,
    #[serde(default)]
    pub note: String,
    /// Device family for runtime support: blackwell, hopper, ada, ampere, apple, amd.
    pub family: Option<String>,
    /// Dense FP16 tensor throughput (no sparsity), TFLOPS, with its source.
    pub fp16_tflops: Option<f64>,
    pub compute_source: Option<String>,
    /// "withdrawn" when the configuration can no longer be bought.
    pub availability: Option<String>,
    pub availability_note: Option<String>,
    pub availability_source: Option<String>,
    pub availability_date: Option<Date>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct PresetDevice {
    pub device: String,
    pub count: u32,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Preset {
    pub id: String,
    pub name: String,
    pub devices: Vec<PresetDevice>,
    /// The seed's VRAM tier this preset stands for, if any.
    pub seed_tier_gb: Option<u32>,
    #[serde(default)]
    pub note: String,
}

#[derive(Clone, Debug, Deserialize)]
struct HardwareFile {
    devices: Vec<Device>,
    presets: Vec<Preset>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct WeightFormat {
    pub id: String,
    pub name: String,
    pub bits_per_weight: f64,
    pub family: String,
    /// Higher is better quality; the best-that-fits search walks this order.
    pub quality_rank: u32,
    /// Assumed relative score loss in percent against BF16, used only when the penalty is on.
    pub penalty_pct: f64,
    pub source: String,
    #[serde(default)]
    pub note: String,
    /// Runtimes that load this format (runtime ids, see runtime.rs).
    #[serde(default)]
    pub runtimes: Vec<String>,
    /// Hardware the format needs ("blackwell" for NVFP4).
    pub requires: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct KvFormat {
    pub id: String,
    pub name: String,
    pub bytes_per_element: f64,
    pub source: String,
    #[serde(default)]
    pub runtimes: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
struct QuantFile {
    weights: Vec<WeightFormat>,
    kv_cache: Vec<KvFormat>,
    penalty_source: String,
    penalty_note: String,
}

/// A claim the seed makes in its TL;DR table: at this budget, this model is best.
#[derive(Clone, Debug, Deserialize)]
pub struct SeedTierRow {
    pub budget_gb: u32,
    pub label: String,
    pub preset: String,
    pub model: String,
    pub swe_verified: Option<f64>,
    pub lcb_v6: Option<f64>,
    pub memory_text: String,
}

/// A published speed measurement: the fixture the estimates are checked against, and the
/// "measured" figures the table shows beside the estimates.
#[derive(Clone, Debug, Deserialize)]
pub struct Measurement {
    pub model: Option<String>,
    pub format: Option<String>,
    pub device: String,
    pub count: u32,
    pub runtime: Option<String>,
    pub decode_tok_s: f64,
    pub prefill_tok_s: Option<f64>,
    pub prompt_tokens: Option<u32>,
    /// Tokens in the context when decode was measured.
    pub context: Option<u32>,
    pub source: String,
    pub date: Date,
    pub in_seed: bool,
    #[serde(default)]
    pub note: String,
}

/// A published GGUF file size: the fixture the weights formula is checked against.
#[derive(Clone, Debug, Deserialize)]
pub struct FileSize {
    pub model: String,
    pub format: String,
    pub file_gb: f64,
    pub source: String,
    /// dense | moe | mla | hybrid | sliding
    pub kind: String,
}

#[derive(Clone, Debug, Deserialize)]
struct FileSizes {
    sizes: Vec<FileSize>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct SeedClaims {
    pub tldr: Vec<SeedTierRow>,
}

static DATASET: OnceLock<Dataset> = OnceLock::new();

/// Everything the engine knows, immutable once loaded.
#[derive(Clone, Debug)]
pub struct Dataset {
    pub benchmarks: Vec<Benchmark>,
    pub models: Vec<Model>,
    pub scores: Vec<Score>,
    pub devices: Vec<Device>,
    pub presets: Vec<Preset>,
    pub weight_formats: Vec<WeightFormat>,
    pub kv_formats: Vec<KvFormat>,
    pub penalty_source: String,
    pub penalty_note: String,
    pub seed_claims: SeedClaims,
    pub measurements: Vec<Measurement>,
    pub file_sizes: Vec<FileSize>,
    /// Score positions per model id, built at load time.
    score_index: HashMap<String, Vec<usize>>,
}

/// The JSON texts a dataset is built from.
pub struct Sources<'a> {
    pub benchmarks: &'a str,
    pub models: &'a str,
    pub scores: &'a str,
    pub hardware: &'a str,
    pub quants: &'a str,
    pub seed_claims: &'a str,
    pub measurements: &'a str,
    pub file_sizes: &'a str,
}

/// The files under `src/data/`, embedded at build time.
pub const BUNDLED: Sources<'static> = Sources {
    benchmarks: include_str!("../data/benchmarks.json"),
    models: include_str!("../data/models.json"),
    scores: include_str!("../data/scores.json"),
    hardware: include_str!("../data/hardware.json"),
    quants: include_str!("../data/quants.json"),
    seed_claims: include_str!("../data/seed_claims.json"),
    measurements: include_str!("../data/measurements.json"),
    file_sizes: include_str!("../data/gguf_sizes.json"),
};

impl Dataset {
    /// Parses the JSON texts; an error names the file and the problem.
    pub fn from_sources(src: &Sources<'_>) -> Result<Dataset, String> {
        fn parse<'a, T: Deserialize<'a>>(name: &str, text: &'a str) -> Result<T, String> {
            serde_json::from_str(text).map_err(|e| format!("{name}: {e}"))
        }
        let hardware: HardwareFile = parse("hardware.json", src.hardware)?;
        let mut quants: QuantFile = parse("quants.json", src.quants)?;
        // Best quality first: the best-that-fits search walks this order.
        quants
            .weights
            .sort_by_key(|f| std::cmp::Reverse(f.quality_rank));
        let scores: Vec<Score> = parse("scores.json", src.scores)?;
        let mut score_index: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, s) in scores.iter().enumerate() {
            score_index.entry(s.model.clone()).or_default().push(i);
        }
        Ok(Dataset {
            benchmarks: parse("benchmarks.json", src.benchmarks)?,
            models: parse("models.json", src.models)?,
            scores,
            score_index,
            devices: hardware.devices,
            presets: hardware.presets,
            weight_formats: quants.weights,
            kv_formats: quants.kv_cache,
            penalty_source: quants.penalty_source,
            penalty_note: quants.penalty_note,
            seed_claims: parse("seed_claims.json", src.seed_claims)?,
            measurements: parse("measurements.json", src.measurements)?,
            file_sizes: parse::<FileSizes>("gguf_sizes.json", src.file_sizes)?.sizes,
        })
    }

    /// The bundled dataset, parsed once. The `expect` is on embedded data only, and the
    /// test `bundled_dataset_loads_and_validates` proves it loads.
    pub fn bundled() -> &'static Dataset {
        DATASET.get_or_init(|| Dataset::from_sources(&BUNDLED).expect("bundled dataset parses"))
    }

    /// Replaces the dataset `bundled()` returns, before its first use (the benchmark
    /// command's synthetic-model switch). Returns false when it was already in use.
    pub fn install(dataset: Dataset) -> bool {
        DATASET.set(dataset).is_ok()
    }

    /// Every figure for one model.
    pub fn scores_of<'s>(&'s self, model: &str) -> impl Iterator<Item = &'s Score> + 's {
        self.score_index
            .get(model)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.scores.get(i))
    }

    /// Adds models and scores (the benchmark's synthetic-dataset switch uses this).
    pub fn extend(&mut self, models: Vec<Model>, scores: Vec<Score>) {
        self.models.extend(models);
        for s in scores {
            self.score_index
                .entry(s.model.clone())
                .or_default()
                .push(self.scores.len());
            self.scores.push(s);
        }
    }

    pub fn benchmark(&self, id: &str) -> Option<&Benchmark> {
        self.benchmarks.iter().find(|b| b.id == id)
    }
    pub fn model(&self, id: &str) -> Option<&Model> {
        self.models.iter().find(|m| m.id == id)
    }
    /// Finds a model by id, canonical name or alias.
    pub fn model_named(&self, name: &str) -> Option<&Model> {
        self.models.iter().find(|m| m.is_called(name))
    }
    pub fn device(&self, id: &str) -> Option<&Device> {
        self.devices.iter().find(|d| d.id == id)
    }
    pub fn preset(&self, id: &str) -> Option<&Preset> {
        self.presets.iter().find(|p| p.id == id)
    }
    pub fn weight_format(&self, id: &str) -> Option<&WeightFormat> {
        self.weight_formats.iter().find(|f| f.id == id)
    }
    pub fn kv_format(&self, id: &str) -> Option<&KvFormat> {
        self.kv_formats.iter().find(|f| f.id == id)
    }
    /// The newest date of any figure in the dataset: the default "data as of".
    pub fn newest_date(&self) -> Date {
        let scores = self.scores.iter().map(|s| s.as_of);
        let models = self.models.iter().map(|m| m.released);
        scores.chain(models).max().unwrap_or(SEED_DATE)
    }
    /// The newest figure per benchmark, so a frozen leaderboard shows as frozen: the newest
    /// figure dated by its own source, or (when there is none) the seed date with its basis.
    pub fn newest_score_date(&self, bench: &str) -> Option<(Date, DateBasis)> {
        let of = |basis: DateBasis| {
            self.scores
                .iter()
                .filter(|s| s.bench == bench && s.date_basis == basis)
                .map(|s| s.as_of)
                .max()
        };
        of(DateBasis::Source)
            .map(|d| (d, DateBasis::Source))
            .or_else(|| of(DateBasis::Seed).map(|d| (d, DateBasis::Seed)))
    }

    /// Checks every rule a hand-edited dataset must keep; returns one message per problem.
    pub fn validate(&self, today: Date) -> Vec<String> {
        let mut problems = Vec::new();
        let mut seen = HashSet::new();
        for b in &self.benchmarks {
            if !seen.insert(format!("bench:{}", b.id)) {
                problems.push(format!("duplicate benchmark id {}", b.id));
            }
            if !b.url.starts_with("https://") {
                problems.push(format!("benchmark {} has no https source", b.id));
            }
        }
        let mut names = HashSet::new();
        for m in &self.models {
            if !seen.insert(format!("model:{}", m.id)) {
                problems.push(format!("duplicate model id {}", m.id));
            }
            let valid_id = !m.id.is_empty()
                && m.id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.');
            if !valid_id {
                problems.push(format!("model id `{}` must be lowercase [a-z0-9.-]", m.id));
            }
            for name in std::iter::once(&m.name).chain(&m.aliases) {
                if !names.insert(name.to_ascii_lowercase()) {
                    problems.push(format!("name or alias `{name}` is used twice"));
                }
            }
            if !m.release_source.starts_with("https://") {
                problems.push(format!("model {} has no https release source", m.id));
            }
            if m.released > today {
                problems.push(format!(
                    "model {} is released in the future ({})",
                    m.id, m.released
                ));
            }
            if m.open_weight {
                problems.extend(self.validate_open_model(m));
            }
        }
        for s in &self.scores {
            let what = format!(
                "score {}/{}/{}",
                s.model,
                s.bench,
                s.variant.as_deref().unwrap_or("-")
            );
            let Some(bench) = self.benchmark(&s.bench) else {
                problems.push(format!("{what}: unknown benchmark"));
                continue;
            };
            let Some(model) = self.model(&s.model) else {
                problems.push(format!("{what}: unknown model"));
                continue;
            };
            if !(0.0..=bench.max).contains(&s.value) || !s.value.is_finite() {
                problems.push(format!(
                    "{what}: value {} out of range 0..{}",
                    s.value, bench.max
                ));
            }
            if let Some([lo, hi]) = s.range
                && !(lo <= s.value && s.value <= hi && hi <= bench.max && lo >= 0.0)
            {
                problems.push(format!("{what}: range {lo}-{hi} does not hold the value"));
            }
            if !s.source.starts_with("https://") {
                problems.push(format!("{what}: no https source"));
            }
            if s.as_of > today {
                problems.push(format!("{what}: dated in the future ({})", s.as_of));
            }
            if s.as_of < model.released {
                problems.push(format!("{what}: dated before the model's release"));
            }
            if s.in_seed && s.seed_label.is_none() {
                problems.push(format!("{what}: a seed figure needs the seed's label"));
            }
            if s.in_seed && !model.in_seed {
                problems.push(format!(
                    "{what}: a seed figure on a model not marked in_seed"
                ));
            }
        }
        let mut keys = HashSet::new();
        for s in &self.scores {
            let key = (&s.model, &s.bench, &s.variant, &s.source);
            if !keys.insert(key) {
                problems.push(format!(
                    "score {}/{} repeated from the same source",
                    s.model, s.bench
                ));
            }
        }
        for d in &self.devices {
            if !seen.insert(format!("device:{}", d.id)) {
                problems.push(format!("duplicate device id {}", d.id));
            }
            if d.memory_gb <= 0.0 || d.bandwidth_gb_s <= 0.0 || !d.source.starts_with("https://") {
                problems.push(format!(
                    "device {} needs memory, bandwidth and a source",
                    d.id
                ));
            }
            if d.kind == MemoryKind::Unified
                && !matches!(d.gpu_share, Some(s) if s > 0.0 && s <= 1.0)
            {
                problems.push(format!(
                    "unified device {} needs a gpu_share in (0, 1]",
                    d.id
                ));
            }
        }
        for p in &self.presets {
            if !seen.insert(format!("preset:{}", p.id)) {
                problems.push(format!("duplicate preset id {}", p.id));
            }
            for pd in &p.devices {
                if self.device(&pd.device).is_none() || pd.count == 0 {
                    problems.push(format!(
                        "preset {} names unknown device {}",
                        p.id, pd.device
                    ));
                }
            }
        }
        for f in &self.weight_formats {
            if !seen.insert(format!("format:{}", f.id)) {
                problems.push(format!("duplicate weight format {}", f.id));
            }
            if !(1.0..=32.0).contains(&f.bits_per_weight) {
                problems.push(format!("format {} has implausible bits per weight", f.id));
            }
            if f.runtimes
                .iter()
                .any(|r| super::runtime::Runtime::parse(r).is_none())
                || f.runtimes.is_empty()
            {
                problems.push(format!("format {} needs known runtimes", f.id));
            }
        }
        for m in &self.measurements {
            let known = self.device(&m.device).is_some()
                && m.model.as_ref().is_none_or(|id| self.model(id).is_some())
                && m.format
                    .as_ref()
                    .is_none_or(|id| self.weight_format(id).is_some())
                && m.runtime
                    .as_ref()
                    .is_none_or(|r| super::runtime::Runtime::parse(r).is_some());
            if !known || m.count == 0 || m.decode_tok_s.is_nan() || m.decode_tok_s <= 0.0 {
                problems.push(format!(
                    "measurement on {} names unknown things or has no speed",
                    m.device
                ));
            }
            if !m.in_seed && !m.source.starts_with("https://") {
                problems.push(format!("measurement on {} has no https source", m.device));
            }
            if m.date > today {
                problems.push(format!(
                    "measurement on {} is dated in the future",
                    m.device
                ));
            }
        }
        for f in &self.file_sizes {
            if self.model(&f.model).is_none()
                || self.weight_format(&f.format).is_none()
                || f.file_gb <= 0.0
                || !f.source.starts_with("https://")
            {
                problems.push(format!(
                    "file size {} {} names unknown things or has no source",
                    f.model, f.format
                ));
            }
        }
        for row in &self.seed_claims.tldr {
            if self.model(&row.model).is_none() || self.preset(&row.preset).is_none() {
                problems.push(format!(
                    "seed TL;DR row {} names an unknown model or preset",
                    row.label
                ));
            }
        }
        problems
    }

    fn validate_open_model(&self, m: &Model) -> Vec<String> {
        let mut problems = Vec::new();
        let Some(facts) = m.open_facts() else {
            problems.push(format!(
                "open-weight model {} lacks parameters or architecture",
                m.id
            ));
            return problems;
        };
        let (p, a) = (facts.params, facts.arch);
        if !(p.total_b > 0.0 && p.active_b > 0.0 && p.active_b <= p.total_b) {
            problems.push(format!(
                "model {}: active parameters must be in (0, total]",
                m.id
            ));
        }
        if a.layers == 0 || a.max_context == 0 || a.attention_heads == 0 {
            problems.push(format!(
                "model {}: layers, heads and context must be positive",
                m.id
            ));
        }
        if self.weight_format(&a.native_format).is_none() {
            problems.push(format!(
                "model {}: unknown native format {}",
                m.id, a.native_format
            ));
        }
        if !p.source.starts_with("https://") || !a.source.starts_with("https://") {
            problems.push(format!(
                "model {}: parameters and architecture need https sources",
                m.id
            ));
        }
        let counted: u32 = a.layer_groups.iter().map(|g| g.count).sum();
        let attention_ok = counted == a.layers
            && a.layer_groups.iter().all(|g| {
                g.count > 0
                    && match g.kind {
                        LayerKind::Full {
                            kv_heads, head_dim, ..
                        }
                        | LayerKind::Sliding {
                            kv_heads, head_dim, ..
                        } => kv_heads > 0 && head_dim > 0,
                        LayerKind::Latent {
                            kv_lora_rank,
                            rope_dim,
                        } => kv_lora_rank > 0 && rope_dim > 0,
                        LayerKind::LatentSparse {
                            kv_lora_rank,
                            index_head_dim,
                            ..
                        } => kv_lora_rank > 0 && index_head_dim > 0,
                        LayerKind::Compressed {
                            entry_dim, ratio, ..
                        } => entry_dim > 0 && ratio > 0,
                        LayerKind::Recurrent { state_elements } => state_elements > 0,
                        LayerKind::SharedKv => true,
                    }
            });
        match a.experts {
            Some(e) => {
                if e.count == 0 || e.active == 0 || e.active >= e.count || p.active_b >= p.total_b {
                    problems.push(format!("model {}: a mixture-of-experts model needs 0 < active experts < experts and active < total parameters", m.id));
                } else if let Some((dense, _, _)) = super::memory::moe_split(p, a) {
                    // The expert counts and the two parameter counts must agree: the implied
                    // always-active part (attention, embeddings, shared experts) lies between
                    // zero and the active count.
                    if !(dense > 0.0 && dense <= p.active_b + 1e-9) {
                        problems.push(format!("model {}: expert counts disagree with total/active parameters (implied dense part {dense:.1}B)", m.id));
                    }
                }
            }
            None => {
                // A dense model reads every weight: model cards round both counts, so they must
                // agree within 2%.
                if (p.active_b - p.total_b).abs() > 0.02 * p.total_b {
                    problems.push(format!("model {}: without expert facts a model is dense, so active and total parameters must agree within 2%", m.id));
                }
            }
        }
        if !attention_ok {
            problems.push(format!("model {}: attention facts are inconsistent", m.id));
        }
        if let Some(sm) = &m.seed_memory
            && (self.weight_format(&sm.format).is_none() || sm.gb <= 0.0)
        {
            problems.push(format!(
                "model {}: seed memory figure needs a known format",
                m.id
            ));
        }
        problems
    }
}
