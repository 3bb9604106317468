//! The typed dataset: benchmarks, models, scores, hardware and quantization formats,
//! loaded from the JSON files under `src/data/` (embedded at build time) and validated.

use super::architecture::LayerGroup;
use super::date::Date;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
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
    /// An index on a 0–100 scale (a composite, not a pass rate).
    Index,
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
            Unit::Index => format!("{value:.1}"),
        }
    }
}

/// How a date was established: from the figure's own source, or only known to be
/// published by the seed's compilation date (an upper bound).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum DateBasis {
    #[default]
    Source,
    Seed,
}

/// Who produced a score.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Provenance {
    /// Typed by the user for their own model ([`super::own_model`]); never in the dataset files.
    User,
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
            Provenance::User => "your figure",
            Provenance::Vendor => "vendor-reported",
            Provenance::ThirdParty => "third-party",
            Provenance::Leaderboard => "independent leaderboard",
        }
    }
}

#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct Params {
    pub total_b: f64,
    pub active_b: f64,
    pub seed_total_b: Option<f64>,
    pub seed_active_b: Option<f64>,
    pub source: String,
}

/// Mixture-of-experts layout: routed experts per layer, how many a token uses, shared experts.
#[derive(Clone, Copy, Debug, PartialEq, Deserialize, Serialize)]
pub struct Experts {
    pub count: u32,
    pub active: u32,
    #[serde(default)]
    pub shared: u32,
}

/// The parts of a model's weights that formats treat differently: the routed experts of a
/// mixture-of-experts model, the input and output embeddings, and everything else (attention,
/// shared experts, dense feed-forward, norms).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TensorGroup {
    Experts,
    Dense,
    Embeddings,
}

impl TensorGroup {
    pub const ALL: [TensorGroup; 3] = [
        TensorGroup::Experts,
        TensorGroup::Dense,
        TensorGroup::Embeddings,
    ];
    pub fn label(self) -> &'static str {
        match self {
            TensorGroup::Experts => "routed experts",
            TensorGroup::Dense => "dense tensors",
            TensorGroup::Embeddings => "embeddings",
        }
    }
}

fn listed_default() -> bool {
    true
}

fn all_groups() -> Vec<TensorGroup> {
    TensorGroup::ALL.to_vec()
}

/// The token embedding and output head: `vocab × hidden` each, one shared matrix when tied.
#[derive(Clone, Copy, Debug, PartialEq, Deserialize, Serialize)]
pub struct Embeddings {
    pub vocab: u32,
    pub hidden: u32,
    pub tied: bool,
}

impl Embeddings {
    /// One matrix, billions of parameters.
    pub fn matrix_b(&self) -> f64 {
        self.vocab as f64 * self.hidden as f64 / 1e9
    }
    /// Both matrices as stored (one when tied).
    pub fn params_b(&self) -> f64 {
        self.matrix_b() * if self.tied { 1.0 } else { 2.0 }
    }
    /// The part no decode step reads: the input table (one row per token) when untied.
    pub fn unread_b(&self) -> f64 {
        if self.tied { 0.0 } else { self.matrix_b() }
    }
}

/// How the published checkpoint stores one tensor group: which format and how many bits per
/// weight. Resolved when the dataset loads, from the native format and the groups it covers.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredGroup {
    pub format: String,
    pub bits_per_weight: f64,
}

impl Default for StoredGroup {
    fn default() -> Self {
        StoredGroup {
            format: "bf16".into(),
            bits_per_weight: 16.0,
        }
    }
}

/// The checkpoint's storage per tensor group: [experts, dense, embeddings].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stored(pub [StoredGroup; 3]);

impl Stored {
    pub fn group(&self, g: TensorGroup) -> &StoredGroup {
        let [experts, dense, embeddings] = &self.0;
        match g {
            TensorGroup::Experts => experts,
            TensorGroup::Dense => dense,
            TensorGroup::Embeddings => embeddings,
        }
    }
}

#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct Architecture {
    pub experts: Option<Experts>,
    /// All transformer layers (what a layer split divides); the groups' counts sum to it.
    pub layers: u32,
    /// The layers as runs of one attention / recurrent kind (see `architecture.rs`).
    pub layer_groups: Vec<LayerGroup>,
    pub attention_heads: u32,
    pub max_context: u32,
    pub native_format: String,
    /// The tensor groups the checkpoint stores in its native format; the others are BF16
    /// (gpt-oss and Kimi K2 ship only their routed experts quantized). Absent: every group the
    /// native format covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub native_groups: Option<Vec<TensorGroup>>,
    /// The embedding matrices, from the config; absent when the config does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub embeddings: Option<Embeddings>,
    pub source: String,
    /// Resolved at load ([`Dataset::resolve`]): how the checkpoint stores each group.
    #[serde(skip)]
    pub stored: Stored,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct SeedMemory {
    pub gb: f64,
    pub format: String,
    pub approx: bool,
}

/// Published repository names for serving a model (Hugging Face ids).
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
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
    /// GGUF repositories whose quant tags are known (`gguf` first where listed, then others
    /// that publish files `gguf` lacks): the command names a repository that publishes the tag.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gguf_files: Vec<GgufFiles>,
}

/// The quant tags one GGUF repository publishes, from its file listing.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct GgufFiles {
    pub repo: String,
    pub tags: Vec<String>,
    /// The listing is the whole repository, so a tag it lacks is not published.
    pub complete: bool,
    pub source: String,
}

impl GgufFiles {
    #[cfg(test)]
    fn fixture(repo: &str, tags: &[&str], complete: bool) -> GgufFiles {
        GgufFiles {
            repo: repo.into(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            complete,
            source: String::new(),
        }
    }
}

impl Repos {
    /// The GGUF repository to ask for `tag` (case-insensitive), and whether the tag is needed:
    /// the first known repository that publishes it; else the main GGUF repository when its
    /// listing is not known to be complete (as before listings existed); else none. A repository
    /// whose complete listing holds that one file set is asked without a tag (llama.cpp then
    /// takes its only file).
    pub fn gguf_for(&self, tag: &str) -> Option<(&str, bool)> {
        let has = |f: &GgufFiles| f.tags.iter().any(|t| t.eq_ignore_ascii_case(tag));
        if let Some(f) = self.gguf_files.iter().find(|f| has(f)) {
            return Some((f.repo.as_str(), !(f.complete && f.tags.len() == 1)));
        }
        let complete = |r: &str| self.gguf_files.iter().any(|f| f.repo == r && f.complete);
        self.gguf
            .as_deref()
            .filter(|main| !complete(main))
            .or_else(|| {
                self.gguf_files
                    .iter()
                    .find(|f| !f.complete)
                    .map(|f| f.repo.as_str())
            })
            .map(|r| (r, true))
    }
    /// The published checkpoint already in a format, if the dataset knows one.
    pub fn checkpoint(&self, kind: CheckpointRepo) -> Option<&str> {
        match kind {
            CheckpointRepo::Fp8 => self.fp8.as_deref(),
            CheckpointRepo::Awq => self.awq.as_deref(),
            CheckpointRepo::Mlx => self.mlx.as_deref(),
        }
    }
}

/// Which of a model's repositories (`repos`) holds a checkpoint already in a weight format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckpointRepo {
    Fp8,
    Awq,
    Mlx,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
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
    /// Why the memory maths cannot run for an open-weight model (no published config, an
    /// attention design no source describes): shown on its row instead of a fit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memory_unknown: Option<String>,
    /// The source snapshots the import took this model's facts from (repository@commit:path).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub snapshots: Vec<String>,
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

#[derive(Clone, Debug, Deserialize, Serialize)]
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
    /// The agent scaffold or harness the figure was run with, where the source names it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub harness: Option<String>,
    /// The snapshot file the import read the figure from (repository@commit:path), or the
    /// curated file that records it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snapshot: Option<String>,
    /// Only one weak source (an aggregator, a single third-party page) has the figure.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub weak_source: bool,
}

impl Score {
    /// The value as the seed or source writes it: "~57.6%", "~87-89%", "9.2/10".
    pub fn display(&self, bench: &Benchmark) -> String {
        let tilde = if self.approx { "~" } else { "" };
        match (self.range, bench.unit) {
            (Some([lo, hi]), Unit::Percent) => format!("{tilde}{lo}–{hi}%"),
            (Some([lo, hi]), Unit::Score10) => format!("{tilde}{lo}–{hi}/10"),
            (Some([lo, hi]), Unit::Index) => format!("{tilde}{lo}–{hi}"),
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
    /// Only weak sources (aggregators, single reviews) state these specs: marked on the page.
    #[serde(default)]
    pub weak_source: bool,
    /// The card has display outputs: in a desktop it likely drives the screen, so memory is
    /// reserved for the desktop session by default ([`crate::engine::hardware::DISPLAY_RESERVED_GB`]).
    #[serde(default)]
    pub display: bool,
    /// Offered in the device list. Devices only the measurement fixture needs (older cards,
    /// each Apple chip by GPU core count) are not, but links may still name them.
    #[serde(default = "listed_default")]
    pub listed: bool,
    /// Price in US dollars, what kind ("launch_msrp" or "street"), when and where from.
    pub price_usd: Option<f64>,
    pub price_kind: Option<String>,
    pub price_date: Option<Date>,
    pub price_source: Option<String>,
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

/// What a setup's price is: the vendor's launch price (MSRP) or a dated street price.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PriceKind {
    Launch,
    Street,
}

impl PriceKind {
    pub fn label(self) -> &'static str {
        match self {
            PriceKind::Launch => "launch price",
            PriceKind::Street => "street price",
        }
    }
}

/// What a setup's price pays for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
pub enum Covers {
    /// The graphics cards only: the rest of the computer is extra.
    #[serde(rename = "cards only")]
    CardsOnly,
    /// A whole computer (a Mac, a DGX Spark, a Strix Halo box).
    #[serde(rename = "complete system")]
    CompleteSystem,
}

impl Covers {
    pub fn label(self) -> &'static str {
        match self {
            Covers::CardsOnly => "cards only",
            Covers::CompleteSystem => "complete system",
        }
    }
}

/// A setup a person can buy today (`setups.json`): its devices and, where one is public, its
/// price with kind, date, what it covers and source, and its power draw.
#[derive(Clone, Debug, Deserialize)]
pub struct Setup {
    pub id: String,
    pub name: String,
    pub devices: Vec<PresetDevice>,
    /// "single card", "multi-card build", "Mac", "DGX", "Strix Halo".
    pub category: String,
    /// US dollars; `None`: no public price.
    pub price_usd: Option<f64>,
    pub price_kind: Option<PriceKind>,
    pub price_date: Option<Date>,
    pub covers: Covers,
    pub source: Option<String>,
    /// Only a weak source (an aggregator, a single page, a derived figure) gives the price.
    #[serde(default)]
    pub weak_source: bool,
    /// Power draw in watts (board power or power-supply rating, see the note), with source.
    pub power_w: Option<f64>,
    pub power_source: Option<String>,
    #[serde(default)]
    pub note: String,
}

#[derive(Clone, Debug, Deserialize)]
struct SetupsFile {
    #[serde(rename = "note")]
    _note: String,
    setups: Vec<Setup>,
}

/// One proprietary model's API price (`api_prices.json`), USD per million tokens.
#[derive(Clone, Debug, Deserialize)]
pub struct ApiPrice {
    pub model: String,
    pub provider: String,
    pub input_usd_per_mtok: f64,
    pub output_usd_per_mtok: f64,
    /// Cached input; `None`: the provider lists no cache price (cached input costs as input).
    pub cache_read_usd_per_mtok: Option<f64>,
    #[serde(default)]
    pub tier_note: String,
    pub source: String,
    pub as_of: Date,
    #[serde(default)]
    pub weak_source: bool,
    /// The models.dev snapshot file the figure comes from (repository@commit:path), if any.
    #[serde(default)]
    pub snapshot: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
struct ApiPricesFile {
    prices: Vec<ApiPrice>,
}

#[derive(Clone, Debug, Deserialize)]
struct HardwareFile {
    devices: Vec<Device>,
    presets: Vec<Preset>,
    #[serde(default, rename = "display_note")]
    _display_note: String,
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
    /// A checkpoint format, not a quantization target: only models that ship in it use it
    /// (MXFP4 GGUFs are gpt-oss's own weights), so the search offers it only as the native format.
    #[serde(default)]
    pub checkpoint_only: bool,
    /// The tensor groups converting to this format quantizes; the others keep the checkpoint's
    /// precision (AWQ and FP8 leave the embeddings at BF16). Absent: all of them.
    #[serde(default = "all_groups")]
    pub quantizes: Vec<TensorGroup>,
    /// Checkpoint formats this one holds as they are instead of re-quantizing them (a GGUF
    /// K-quant of gpt-oss copies its MXFP4 experts and quantizes only the rest).
    #[serde(default)]
    pub keeps: Vec<String>,
    /// Bits per weight at which this format's GGUF files store the groups the checkpoint keeps
    /// in BF16 (ggml-org's MXFP4 GGUFs of gpt-oss keep them at Q8_0); absent: as the checkpoint.
    #[serde(default)]
    pub gguf_rest_bits: Option<f64>,
    /// The source for `quantizes` / `keeps` / `gguf_rest_bits`.
    #[serde(default)]
    pub groups_note: String,
    /// How the runtimes' commands fetch and name this format (`launch/`).
    #[serde(default)]
    pub launch: FormatLaunch,
}

/// What a launch command needs to know about a weight format. Absent fields: nothing special
/// (the original weights are served as they are).
#[derive(Clone, Debug, Default, Deserialize)]
pub struct FormatLaunch {
    /// llama.cpp: the GGUF file tag (`-hf repo:TAG`, `name-TAG.gguf`). Absent: the id in
    /// capitals, the way llama.cpp names its quantization types.
    pub gguf_tag: Option<String>,
    /// The model repository holding a checkpoint already in this format, served as published.
    pub checkpoint: Option<CheckpointRepo>,
    /// vLLM / SGLang: the `--quantization` value that converts the original weights while
    /// loading, when there is no such checkpoint.
    pub quantize_on_load: Option<String>,
    /// The command's note when there is no such checkpoint (`{model}` stands for the model's
    /// name); it goes beside `--quantization` when the weights are converted while loading.
    pub missing_checkpoint_note: Option<String>,
    /// MLX: the bits `mlx_lm.convert -q --q-bits` quantizes the original weights to.
    pub mlx_q_bits: Option<u32>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct KvFormat {
    pub id: String,
    pub name: String,
    pub bytes_per_element: f64,
    pub source: String,
    #[serde(default)]
    pub runtimes: Vec<String>,
    /// The value each runtime's KV-cache flag takes for this precision (llama.cpp's
    /// `--cache-type-k/-v`, vLLM's and SGLang's `--kv-cache-dtype`), by runtime id. A runtime not
    /// listed runs this precision by default, with no flag.
    #[serde(default)]
    pub cache_dtype: BTreeMap<String, String>,
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
    /// The runtime's version or build where the source states it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub runtime_version: Option<String>,
    /// Speculative decoding (a draft model or MTP head) was on: not a plain decode case.
    #[serde(default)]
    pub speculative: bool,
    /// Only one weak source (an aggregator, an unverifiable page) has the figure.
    #[serde(default)]
    pub weak_source: bool,
}

/// A measured allocation: what a runtime's log printed for one model at one context (weights
/// on the devices, KV cache, compute buffers), MiB. The memory fixture.
#[derive(Clone, Debug, Deserialize)]
pub struct MemoryCase {
    pub model: String,
    pub runtime: Option<String>,
    pub format: Option<String>,
    pub context_tokens: u32,
    pub sessions: u32,
    pub kv_bytes_per_element: f64,
    pub devices: u32,
    pub weights_mib: f64,
    pub kv_mib: f64,
    pub compute_mib: f64,
    pub total_mib: f64,
    pub source: String,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub quote: String,
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
    /// The four main benchmarks, in display order (`profiles.json`): the table's score
    /// columns, the custom weights and the profiles' weights follow this order.
    pub main_benches: [String; 4],
    /// The task profiles (`profiles.json`).
    pub profiles: Vec<super::rank::Profile>,
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
    /// Measured allocations (weights, KV, compute buffers) from runtime logs.
    pub memory_cases: Vec<MemoryCase>,
    /// Models measured in the accuracy fixture but not ranked (no coding benchmark figures).
    pub reference_models: Vec<Model>,
    /// Setups a person can buy, with their prices (`setups.json`).
    pub setups: Vec<Setup>,
    /// Proprietary models' API prices (`api_prices.json`).
    pub api_prices: Vec<ApiPrice>,
    /// The speed model's constants fitted on the measurements, with their out-of-sample errors.
    pub calibration: super::calibration::Calibration,
    /// Score positions per model id, built at load time.
    score_index: HashMap<String, Vec<usize>>,
}

/// `profiles.json`: the main benchmarks and the task profiles over them.
#[derive(Deserialize)]
struct ProfilesFile {
    main_benchmarks: [String; 4],
    profiles: Vec<super::rank::Profile>,
}

/// The JSON texts a dataset is built from.
pub struct Sources<'a> {
    pub benchmarks: &'a str,
    pub profiles: &'a str,
    pub models: &'a str,
    pub scores: &'a str,
    pub hardware: &'a str,
    pub quants: &'a str,
    pub seed_claims: &'a str,
    pub measurements: &'a str,
    pub file_sizes: &'a str,
    pub reference_models: &'a str,
    pub memory_cases: &'a str,
    pub setups: &'a str,
    pub api_prices: &'a str,
}

/// The files under `src/data/`, embedded at build time.
pub const BUNDLED: Sources<'static> = Sources {
    benchmarks: include_str!("../data/benchmarks.json"),
    profiles: include_str!("../data/profiles.json"),
    models: include_str!("../data/models.json"),
    scores: include_str!("../data/scores.json"),
    hardware: include_str!("../data/hardware.json"),
    quants: include_str!("../data/quants.json"),
    seed_claims: include_str!("../data/seed_claims.json"),
    measurements: include_str!("../data/measurements.json"),
    file_sizes: include_str!("../data/gguf_sizes.json"),
    reference_models: include_str!("../data/reference_models.json"),
    memory_cases: include_str!("../data/memory_cases.json"),
    setups: include_str!("../data/setups.json"),
    api_prices: include_str!("../data/api_prices.json"),
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
        let profiles: ProfilesFile = parse("profiles.json", src.profiles)?;
        let mut dataset = Dataset {
            benchmarks: parse("benchmarks.json", src.benchmarks)?,
            main_benches: profiles.main_benchmarks,
            profiles: profiles.profiles,
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
            reference_models: parse("reference_models.json", src.reference_models)?,
            memory_cases: parse("memory_cases.json", src.memory_cases)?,
            setups: parse::<SetupsFile>("setups.json", src.setups)?.setups,
            api_prices: parse::<ApiPricesFile>("api_prices.json", src.api_prices)?.prices,
            calibration: Default::default(),
        };
        let mut models = std::mem::take(&mut dataset.models);
        dataset.resolve(&mut models);
        dataset.models = models;
        let mut reference = std::mem::take(&mut dataset.reference_models);
        dataset.resolve(&mut reference);
        dataset.reference_models = reference;
        let (decode, prefill) = super::calibration::samples(&dataset);
        let mut memory: Vec<f64> = super::accuracy::weight_cases(&dataset)
            .iter()
            .map(|c| c.error())
            .collect();
        let totals = super::calibration::memory_samples(&dataset);
        memory.extend(totals.iter().map(|t| t.total_error()));
        dataset.calibration = super::calibration::calibrate(&decode, &prefill, &memory);
        dataset.calibration.memory_cases = super::calibration::memory_report(&totals);
        Ok(dataset)
    }

    /// Fills each architecture's [`Stored`]: a group the checkpoint keeps in its native format
    /// (the groups `native_groups` names, or all, that the format covers) has that format's
    /// bits; every other group is BF16. An unknown native format leaves BF16 (validation
    /// reports it).
    pub fn resolve(&self, models: &mut [Model]) {
        for a in models.iter_mut().filter_map(|m| m.arch.as_mut()) {
            let native = self.weight_format(&a.native_format);
            a.stored = Stored(TensorGroup::ALL.map(|g| match native {
                Some(f)
                    if f.quantizes.contains(&g)
                        && a.native_groups.as_ref().is_none_or(|n| n.contains(&g)) =>
                {
                    StoredGroup {
                        format: f.id.clone(),
                        bits_per_weight: f.bits_per_weight,
                    }
                }
                _ => StoredGroup::default(),
            }));
        }
    }

    /// The bundled dataset, parsed once. The `expect` is on embedded data only, and the
    /// test `bundled_dataset_loads_and_validates` proves it loads.
    #[allow(
        clippy::expect_used,
        reason = "embedded data: tests/dataset.rs bundled_dataset_loads_and_validates proves it parses"
    )]
    pub fn bundled() -> &'static Dataset {
        DATASET.get_or_init(|| Dataset::from_sources(&BUNDLED).expect("bundled dataset parses"))
    }

    /// Replaces the dataset `bundled()` returns, before its first use (the benchmark
    /// command's synthetic-model switch). Returns false when it was already in use.
    pub fn install(dataset: Dataset) -> bool {
        DATASET.set(dataset).is_ok()
    }

    /// The main benchmarks' ids, for APIs that take `&[&str]`.
    pub fn main_bench_ids(&self) -> [&str; 4] {
        self.main_benches.each_ref().map(String::as_str)
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
    pub fn extend(&mut self, mut models: Vec<Model>, scores: Vec<Score>) {
        self.resolve(&mut models);
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
    /// A model a measurement names: a catalog model or a reference model of the fixture.
    pub fn measured_model(&self, id: &str) -> Option<&Model> {
        self.model(id)
            .or_else(|| self.reference_models.iter().find(|m| m.id == id))
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
    pub fn setup(&self, id: &str) -> Option<&Setup> {
        self.setups.iter().find(|s| s.id == id)
    }
    /// A model's API price, if the dataset has one.
    pub fn api_price(&self, model: &str) -> Option<&ApiPrice> {
        self.api_prices.iter().find(|p| p.model == model)
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
}

#[cfg(test)]
mod repo_tests {
    use super::*;

    fn repos(main: Option<&str>, files: Vec<GgufFiles>) -> Repos {
        Repos {
            gguf: main.map(str::to_string),
            gguf_files: files,
            ..Repos::default()
        }
    }

    /// A tag goes to a repository that publishes it; a complete single-file repository is asked
    /// without a tag; a repository known to lack the tag is never asked for it (issue 13, bug 1).
    #[test]
    fn the_command_asks_a_repository_that_publishes_the_tag() {
        let r = repos(
            Some("org/m-GGUF"),
            vec![
                GgufFiles::fixture("org/m-GGUF", &["MXFP4"], true),
                GgufFiles::fixture("other/m-GGUF", &["Q2_K", "Q8_0"], false),
            ],
        );
        assert_eq!(r.gguf_for("mxfp4"), Some(("org/m-GGUF", false)));
        assert_eq!(r.gguf_for("Q2_K"), Some(("other/m-GGUF", true)));
        // Unknown tag: not the complete repository, the incomplete listing may have it.
        assert_eq!(r.gguf_for("Q6_K"), Some(("other/m-GGUF", true)));
        let only = repos(
            Some("org/m-GGUF"),
            vec![GgufFiles::fixture("org/m-GGUF", &["MXFP4"], true)],
        );
        assert_eq!(only.gguf_for("Q2_K"), None);
        // No listing at all: the main repository, tagged, as before listings existed.
        assert_eq!(
            repos(Some("a/b"), vec![]).gguf_for("Q4_K_M"),
            Some(("a/b", true))
        );
        assert_eq!(repos(None, vec![]).gguf_for("Q4_K_M"), None);
    }
}
