//! "Your model": a model the catalog does not have, described by its Hugging Face
//! `config.json` (read by the import's own mappers, [`super::hf_config`]) and a few typed
//! facts. It joins the dataset like any other model (table, charts, headline, command,
//! comparison), marked as yours.
//!
//! Three things the maths needs and a config does not say directly:
//! - **the parameter count**: typed (from the model card), or from a file size and its format
//!   (`file GB × 8 / bits per weight`), or summed from the config's matrix shapes for the
//!   standard attention + gated-MLP designs ([`estimate_params`]); which one is recorded and
//!   shown;
//! - **the checkpoint's format**: the config's `quantization_config`, else the format you say
//!   you have, else BF16;
//! - **scores**: only figures you type, shown as yours.
//!
//! In the URL it is `om=1.<base64url of compact JSON>` ([`OwnModel::encode`]): the facts, not
//! the config text, so a shared link reproduces the model in a few hundred characters. The
//! decoder is total: anything malformed or out of range is an error message, never a panic.

use super::architecture::{LayerGroup, LayerKind};
use super::dataset::{
    Architecture, Dataset, DateBasis, Embeddings, Experts, Model, Params, Provenance, Repos, Score,
};
use super::hf_config;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The model id "your model" takes in the dataset, the URL (`sel=own`) and the table.
pub const ID: &str = "own";
/// The version prefix of the URL encoding.
pub const ENCODING_VERSION: &str = "1";
/// Longest name kept.
pub const MAX_NAME_CHARS: usize = 60;
/// The parameter counts accepted, billions: from a 10M-parameter toy to beyond any published
/// model (the catalog's largest is 2.4T).
pub const MIN_PARAMS_B: f64 = 0.01;
pub const MAX_PARAMS_B: f64 = 10_000.0;
/// Largest file size accepted, GB.
pub const MAX_FILE_GB: f64 = 20_000.0;
/// Bounds on the architecture numbers a URL may carry (far beyond any real model; they keep
/// the maths finite on a hand-edited link).
const MAX_LAYERS: u32 = 2_000;
const MAX_DIM: u32 = 1_000_000;
const MAX_STATE_ELEMENTS: u64 = 100_000_000_000;
const MAX_CONTEXT: u32 = 100_000_000;
/// Longest URL value decoded (the whole query is capped at 4 KB as well).
const MAX_ENCODED_CHARS: usize = 3_000;

/// Where the parameter count came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ParamsFrom {
    /// Typed by the user (the model card's figure).
    #[serde(rename = "t")]
    Typed,
    /// From the file size and its format's bits per weight.
    #[serde(rename = "f")]
    FileSize,
    /// Summed from the config's matrix shapes.
    #[serde(rename = "c")]
    Config,
}

impl ParamsFrom {
    pub fn label(self) -> &'static str {
        match self {
            ParamsFrom::Typed => "typed by you",
            ParamsFrom::FileSize => "from your file size and its format (an estimate)",
            ParamsFrom::Config => "summed from config.json's matrix shapes (an estimate)",
        }
    }
}

/// Everything the maths needs about your model; what the URL carries.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OwnModel {
    #[serde(rename = "n")]
    pub name: String,
    #[serde(rename = "mt")]
    pub model_type: String,
    #[serde(rename = "t")]
    pub total_b: f64,
    #[serde(rename = "a")]
    pub active_b: f64,
    #[serde(rename = "p")]
    pub params_from: ParamsFrom,
    #[serde(rename = "l")]
    pub layers: u32,
    #[serde(rename = "g")]
    pub layer_groups: Vec<LayerGroup>,
    #[serde(rename = "h")]
    pub attention_heads: u32,
    #[serde(rename = "c")]
    pub max_context: u32,
    #[serde(rename = "x", default, skip_serializing_if = "Option::is_none")]
    pub experts: Option<Experts>,
    #[serde(rename = "e", default, skip_serializing_if = "Option::is_none")]
    pub embeddings: Option<Embeddings>,
    /// The format the weights are stored in (a dataset weight-format id).
    #[serde(rename = "f")]
    pub format: String,
    /// The file size you gave, GB, if any.
    #[serde(rename = "fg", default, skip_serializing_if = "Option::is_none")]
    pub file_gb: Option<f64>,
    /// The Hugging Face repository of the weights, if you gave one (`owner/name`).
    #[serde(rename = "r", default, skip_serializing_if = "Option::is_none")]
    pub repo: Option<String>,
    /// A GGUF repository for llama.cpp, if you gave one.
    #[serde(rename = "gr", default, skip_serializing_if = "Option::is_none")]
    pub gguf_repo: Option<String>,
    /// Your figures on the dataset's four main benchmarks (points), in their order.
    #[serde(rename = "s", default)]
    pub scores: [Option<f64>; 4],
}

/// What the form holds, as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Inputs {
    pub config_json: String,
    pub name: String,
    /// Total parameters, billions (blank: from the file size or the config).
    pub total_b: String,
    /// Active parameters per token, billions (mixture-of-experts models).
    pub active_b: String,
    /// The weights file's size, GB, with `format`.
    pub file_gb: String,
    /// The format you have (a weight-format id; blank: the config's own).
    pub format: String,
    pub repo: String,
    pub gguf_repo: String,
    /// Your scores on the four main benchmarks, as typed.
    pub scores: [String; 4],
}

/// A parameter count summed from a config: total and active (the engine's convention: active
/// leaves out the untied input table, which no decode step reads).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ParamEstimate {
    pub total_b: f64,
    pub active_b: f64,
}

fn number(text: &str, what: &str, lo: f64, hi: f64) -> Result<Option<f64>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let v: f64 = t
        .trim_end_matches(['B', 'b', ' '])
        .trim_end_matches("GB")
        .trim()
        .replace(',', ".")
        .parse()
        .map_err(|_| format!("{what}: `{t}` is not a number"))?;
    if !v.is_finite() || v < lo || v > hi {
        return Err(format!("{what}: {v} is outside {lo}–{hi}"));
    }
    Ok(Some(v))
}

fn repo_id(text: &str, what: &str) -> Result<Option<String>, String> {
    let t = text
        .trim()
        .trim_start_matches("https://huggingface.co/")
        .trim_end_matches('/');
    if t.is_empty() {
        return Ok(None);
    }
    let ok = t.len() <= 120
        && t.split('/').count() == 2
        && t.split('/').all(|p| !p.is_empty())
        && t.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./".contains(c));
    if ok {
        Ok(Some(t.to_string()))
    } else {
        Err(format!(
            "{what}: `{t}` is not a Hugging Face repository id (owner/name)"
        ))
    }
}

/// The config's text part (multimodal configs nest it under `text_config`).
fn text_part(top: &Value) -> &Value {
    top.get("text_config").unwrap_or(top)
}

fn field(v: &Value, top: &Value, key: &str) -> Option<u64> {
    v.get(key)
        .and_then(Value::as_u64)
        .or_else(|| top.get(key).and_then(Value::as_u64))
}

/// Parameters summed from the matrix shapes of a standard decoder (full attention with
/// grouped-query heads, a gated MLP of three matrices, optionally routed experts of the same
/// shape): per layer `q + k + v + o` = hidden × (2·heads + 2·kv_heads) × head_dim, the MLP
/// 3 × hidden × intermediate (or experts × 3 × hidden × expert width plus the router), two
/// norms of `hidden`; plus the embeddings (one or two vocab × hidden matrices) and the final
/// norm. Biases are left out (Qwen2's q/k/v biases are 0.06% of its 7B). Other designs (latent
/// attention, recurrent layers, mixed layer types) are refused with a message: their shapes
/// have too many variants to sum safely, so the count must be typed.
pub fn estimate_params(config_json: &str) -> Result<ParamEstimate, String> {
    let top: Value = serde_json::from_str(config_json).map_err(|e| format!("config.json: {e}"))?;
    let v = text_part(&top);
    let mt = v
        .get("model_type")
        .or_else(|| top.get("model_type"))
        .and_then(Value::as_str)
        .unwrap_or_default();
    const DENSE: &[&str] = &["llama", "mistral", "qwen2", "qwen3"];
    const MOE: &[&str] = &["qwen3_moe", "mixtral"];
    if !DENSE.contains(&mt) && !MOE.contains(&mt) {
        return Err(format!(
            "the parameter count cannot be summed from a `{mt}` config: type it (the model card gives it) or give the file size"
        ));
    }
    let need = |key: &str| -> Result<f64, String> {
        field(v, &top, key)
            .map(|n| n as f64)
            .ok_or_else(|| format!("config.json has no `{key}` (needed to sum the parameters)"))
    };
    let hidden = need("hidden_size")?;
    let layers = need("num_hidden_layers")?;
    let heads = need("num_attention_heads")?;
    let kv_heads = need("num_key_value_heads")?;
    let vocab = need("vocab_size")?;
    let head_dim = match field(v, &top, "head_dim") {
        Some(d) => d as f64,
        None if heads > 0.0 => hidden / heads,
        None => return Err("config.json has no `head_dim` and no heads".into()),
    };
    let tied = v
        .get("tie_word_embeddings")
        .or_else(|| top.get("tie_word_embeddings"))
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let attention = hidden * (2.0 * heads + 2.0 * kv_heads) * head_dim;
    let norms = 2.0 * hidden;
    let (mlp_total, mlp_active) = if MOE.contains(&mt) {
        if v.get("mlp_only_layers")
            .and_then(Value::as_array)
            .is_some_and(|a| !a.is_empty())
        {
            return Err(
                "config.json has dense `mlp_only_layers`: type the parameter count".to_string(),
            );
        }
        let experts = field(v, &top, "num_experts")
            .or_else(|| field(v, &top, "num_local_experts"))
            .map(|n| n as f64)
            .ok_or("config.json has no `num_experts` (needed to sum the parameters)")?;
        let active = need("num_experts_per_tok")?;
        let width = match field(v, &top, "moe_intermediate_size") {
            Some(w) => w as f64,
            None => need("intermediate_size")?,
        };
        let one = 3.0 * hidden * width;
        let router = hidden * experts;
        (experts * one + router, active * one + router)
    } else {
        let one = 3.0 * hidden * need("intermediate_size")?;
        (one, one)
    };
    let matrix = vocab * hidden;
    let embeddings = if tied { matrix } else { 2.0 * matrix };
    let unread = if tied { 0.0 } else { matrix };
    let total = layers * (attention + mlp_total + norms) + embeddings + hidden;
    let active = layers * (attention + mlp_active + norms) + embeddings - unread + hidden;
    Ok(ParamEstimate {
        total_b: total / 1e9,
        active_b: active / 1e9,
    })
}

/// The checkpoint format a config's `quantization_config.quant_method` names, as a dataset
/// weight-format id; `None` for none (16-bit weights).
fn quant_format(method: Option<&str>) -> Result<Option<&'static str>, String> {
    match method {
        None => Ok(None),
        Some("fp8") | Some("compressed-tensors") | Some("modelopt") => Ok(Some("fp8")),
        Some("mxfp4") => Ok(Some("mxfp4")),
        Some("awq") => Ok(Some("awq_int4")),
        Some(other) => Err(format!(
            "config.json's quantization `{other}` is not one codefit knows: choose the format you have"
        )),
    }
}

impl OwnModel {
    /// Builds your model from the form; every problem is named (several at once).
    pub fn from_inputs(dataset: &Dataset, inputs: &Inputs) -> Result<OwnModel, Vec<String>> {
        let mut errors = Vec::new();
        let mapped = match hf_config::map_config(&inputs.config_json) {
            Ok(m) => Some(m),
            Err(e) => {
                errors.push(e);
                None
            }
        };
        let mut take = |r: Result<Option<f64>, String>| match r {
            Ok(v) => v,
            Err(e) => {
                errors.push(e);
                None
            }
        };
        let total = take(number(
            &inputs.total_b,
            "Total parameters",
            MIN_PARAMS_B,
            MAX_PARAMS_B,
        ));
        let active = take(number(
            &inputs.active_b,
            "Active parameters",
            MIN_PARAMS_B,
            MAX_PARAMS_B,
        ));
        let file_gb = take(number(&inputs.file_gb, "File size", 0.01, MAX_FILE_GB));
        let mut scores = [None; 4];
        for (i, (slot, text)) in scores.iter_mut().zip(&inputs.scores).enumerate() {
            let name = dataset
                .main_benches
                .get(i)
                .and_then(|b| dataset.benchmark(b))
                .map_or("Score", |b| b.name.as_str());
            *slot = take(number(text, name, 0.0, 100.0));
        }
        let repo = repo_id(&inputs.repo, "Repository").unwrap_or_else(|e| {
            errors.push(e);
            None
        });
        let gguf_repo = repo_id(&inputs.gguf_repo, "GGUF repository").unwrap_or_else(|e| {
            errors.push(e);
            None
        });
        let typed_format = inputs.format.trim();
        let chosen = if typed_format.is_empty() {
            None
        } else if let Some(f) = dataset.weight_format(typed_format) {
            Some(f.id.clone())
        } else {
            errors.push(format!(
                "Format: `{typed_format}` is not a format codefit knows"
            ));
            None
        };
        let Some(m) = mapped else {
            return Err(errors);
        };
        let config_format = match quant_format(m.quant_method.as_deref()) {
            Ok(f) => f,
            Err(e) => {
                if chosen.is_none() {
                    errors.push(e);
                }
                None
            }
        };
        let format = chosen
            .or(config_format.map(str::to_string))
            .unwrap_or_else(|| "bf16".to_string());
        if file_gb.is_some() && inputs.format.trim().is_empty() && config_format.is_none() {
            errors.push(
                "File size: say which format the file is in (Q4_K_M, Q8_0, …), or leave it blank"
                    .into(),
            );
        }
        let moe = m.experts.is_some();
        let (total_b, active_b, params_from) = match (total, file_gb) {
            (Some(t), _) => {
                let a = if moe { active } else { Some(t) };
                match a {
                    Some(a) if a <= t => (t, a, ParamsFrom::Typed),
                    Some(_) => {
                        errors.push("Active parameters: more than the total".into());
                        (t, t, ParamsFrom::Typed)
                    }
                    None => {
                        errors.push(format!(
                            "Active parameters: a mixture-of-experts model ({} experts, {} per token) needs the active count too (the model card gives it)",
                            m.experts.map_or(0, |e| e.count),
                            m.experts.map_or(0, |e| e.active)
                        ));
                        (t, t, ParamsFrom::Typed)
                    }
                }
            }
            (None, Some(gb)) => {
                let bits = dataset
                    .weight_format(&format)
                    .map_or(16.0, |f| f.bits_per_weight);
                let t = gb * 8.0 / bits;
                // The active share of a MoE model from the config's shapes where they can be
                // summed, else from a typed active count.
                let share = match (estimate_params(&inputs.config_json), active) {
                    (_, Some(a)) => Some((a / t).min(1.0)),
                    (Ok(e), None) if e.total_b > 0.0 => Some(e.active_b / e.total_b),
                    _ if !moe => Some(1.0),
                    _ => None,
                };
                match share {
                    Some(s) => (t, t * s, ParamsFrom::FileSize),
                    None => {
                        errors.push(
                            "Active parameters: needed for a mixture-of-experts model whose shapes codefit cannot sum".into(),
                        );
                        (t, t, ParamsFrom::FileSize)
                    }
                }
            }
            (None, None) => match estimate_params(&inputs.config_json) {
                Ok(e) => (e.total_b, e.active_b, ParamsFrom::Config),
                Err(e) => {
                    errors.push(e);
                    (0.0, 0.0, ParamsFrom::Config)
                }
            },
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        let name: String = match inputs.name.trim() {
            "" => config_name(&inputs.config_json).unwrap_or_else(|| "Your model".to_string()),
            n => n.to_string(),
        }
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_NAME_CHARS)
        .collect();
        let own = OwnModel {
            name,
            model_type: m.model_type,
            total_b,
            active_b,
            params_from,
            layers: m.layers,
            layer_groups: m.layer_groups,
            attention_heads: m.attention_heads,
            max_context: m.max_context,
            experts: m.experts,
            embeddings: m.embeddings,
            format,
            file_gb,
            repo,
            gguf_repo,
            scores,
        };
        own.check(dataset).map_err(|e| vec![e])?;
        Ok(own)
    }

    /// `1.<base64url(JSON)>`.
    pub fn encode(&self) -> String {
        let json = serde_json::to_string(self).unwrap_or_default();
        format!("{ENCODING_VERSION}.{}", base64url_encode(json.as_bytes()))
    }

    /// The inverse of [`encode`](Self::encode); every failure is a message.
    pub fn decode(dataset: &Dataset, text: &str) -> Result<OwnModel, String> {
        if text.len() > MAX_ENCODED_CHARS {
            return Err("your model's link part is too long".into());
        }
        let body = text
            .strip_prefix(ENCODING_VERSION)
            .and_then(|r| r.strip_prefix('.'))
            .ok_or("your model's link part has an unknown version")?;
        let bytes = base64url_decode(body).ok_or("your model's link part is not base64url")?;
        let mut own: OwnModel = serde_json::from_slice(&bytes)
            .map_err(|_| "your model's link part does not hold a model".to_string())?;
        own.name = own
            .name
            .chars()
            .filter(|c| !c.is_control())
            .take(MAX_NAME_CHARS)
            .collect();
        own.check(dataset)?;
        Ok(own)
    }

    /// Every number within its bounds and the layers consistent: what makes the maths finite.
    fn check(&self, dataset: &Dataset) -> Result<(), String> {
        let finite_in = |v: f64, lo: f64, hi: f64| v.is_finite() && (lo..=hi).contains(&v);
        if !finite_in(self.total_b, MIN_PARAMS_B, MAX_PARAMS_B)
            || !finite_in(self.active_b, MIN_PARAMS_B, self.total_b)
        {
            return Err("your model's parameter counts are out of range".into());
        }
        if self.layers == 0 || self.layers > MAX_LAYERS {
            return Err("your model's layer count is out of range".into());
        }
        let counted: u64 = self.layer_groups.iter().map(|g| g.count as u64).sum();
        if counted != self.layers as u64 || self.layer_groups.iter().any(|g| !kind_ok(&g.kind)) {
            return Err("your model's layers are inconsistent".into());
        }
        if self.attention_heads == 0 || self.attention_heads > MAX_DIM {
            return Err("your model's attention heads are out of range".into());
        }
        if self.max_context == 0 || self.max_context > MAX_CONTEXT {
            return Err("your model's context length is out of range".into());
        }
        if self
            .experts
            .is_some_and(|e| e.count == 0 || e.count > MAX_DIM || e.active > e.count)
        {
            return Err("your model's experts are inconsistent".into());
        }
        if self
            .embeddings
            .is_some_and(|e| e.vocab > 100 * MAX_DIM || e.hidden > MAX_DIM)
        {
            return Err("your model's embeddings are out of range".into());
        }
        if dataset.weight_format(&self.format).is_none() {
            return Err(format!("your model's format `{}` is unknown", self.format));
        }
        if self
            .file_gb
            .is_some_and(|g| !finite_in(g, 0.0, MAX_FILE_GB))
        {
            return Err("your model's file size is out of range".into());
        }
        if self
            .scores
            .iter()
            .flatten()
            .any(|s| !finite_in(*s, 0.0, 100.0))
        {
            return Err("your model's scores are out of range".into());
        }
        Ok(())
    }

    /// The dataset model and the scores it carries.
    pub fn to_model(&self, dataset: &Dataset) -> (Model, Vec<Score>) {
        let date = dataset.newest_date();
        let source = "your config.json (pasted on this page)".to_string();
        let model = Model {
            id: ID.to_string(),
            name: self.name.clone(),
            aliases: Vec::new(),
            vendor: "your model".to_string(),
            open_weight: true,
            released: date,
            date_basis: DateBasis::Source,
            release_source: source.clone(),
            in_seed: false,
            params: Some(Params {
                total_b: self.total_b,
                active_b: self.active_b,
                seed_total_b: None,
                seed_active_b: None,
                source: self.params_from.label().to_string(),
            }),
            arch: Some(Architecture {
                experts: self.experts,
                layers: self.layers,
                layer_groups: self.layer_groups.clone(),
                attention_heads: self.attention_heads,
                max_context: self.max_context,
                native_format: self.format.clone(),
                native_groups: None,
                embeddings: self.embeddings,
                source: source.clone(),
                stored: Default::default(),
            }),
            seed_memory: None,
            repos: Repos {
                hf: self.repo.clone(),
                gguf: self.gguf_repo.clone(),
                source: None,
                ..Default::default()
            },
            notes: format!(
                "Your model ({}): parameters {}.",
                self.model_type,
                self.params_from.label()
            ),
            memory_unknown: None,
            snapshots: Vec::new(),
        };
        let scores = dataset
            .main_benches
            .iter()
            .zip(self.scores)
            .filter_map(|(bench, value)| {
                Some(Score {
                    model: ID.to_string(),
                    bench: bench.clone(),
                    variant: None,
                    value: value?,
                    range: None,
                    approx: false,
                    provenance: Provenance::User,
                    source: "typed by you".to_string(),
                    as_of: date,
                    date_basis: DateBasis::Source,
                    in_seed: false,
                    seed_label: None,
                    note: "Your own figure: not checked by codefit.".to_string(),
                    harness: None,
                    snapshot: None,
                    weak_source: true,
                })
            })
            .collect();
        (model, scores)
    }
}

/// The name a config gives itself (`_name_or_path`'s last part), if any.
fn config_name(config_json: &str) -> Option<String> {
    let top: Value = serde_json::from_str(config_json).ok()?;
    let path = top.get("_name_or_path")?.as_str()?;
    let last = path.trim_end_matches('/').rsplit('/').next()?.trim();
    (!last.is_empty()).then(|| last.to_string())
}

fn kind_ok(kind: &LayerKind) -> bool {
    let d = |v: u32| v <= MAX_DIM;
    let od = |v: Option<u32>| v.is_none_or(d);
    match kind {
        LayerKind::Full {
            kv_heads,
            head_dim,
            v_head_dim,
            q_heads,
            index_dim,
        } => d(*kv_heads) && d(*head_dim) && od(*v_head_dim) && od(*q_heads) && od(*index_dim),
        LayerKind::Sliding {
            kv_heads,
            head_dim,
            v_head_dim,
            q_heads,
            window,
        } => {
            d(*kv_heads)
                && d(*head_dim)
                && od(*v_head_dim)
                && od(*q_heads)
                && *window <= MAX_CONTEXT
        }
        LayerKind::Latent {
            kv_lora_rank,
            rope_dim,
        } => d(*kv_lora_rank) && d(*rope_dim),
        LayerKind::LatentSparse {
            kv_lora_rank,
            rope_dim,
            index_head_dim,
        } => d(*kv_lora_rank) && d(*rope_dim) && d(*index_head_dim),
        LayerKind::Compressed {
            entry_dim,
            ratio,
            window,
            index_head_dim,
        } => d(*entry_dim) && d(*ratio) && *window <= MAX_CONTEXT && d(*index_head_dim),
        LayerKind::Recurrent { state_elements } => *state_elements <= MAX_STATE_ELEMENTS,
        LayerKind::SharedKv => true,
    }
}

/// The dataset with your model added (a copy: the bundled dataset is never changed). A base
/// that already holds a model with the id [`ID`] is returned unchanged.
pub fn dataset_with(base: &Dataset, own: &OwnModel) -> Dataset {
    let mut ds = base.clone();
    if base.model(ID).is_none() {
        let (model, scores) = own.to_model(base);
        ds.extend(vec![model], scores);
    }
    ds
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding (RFC 4648 §5).
fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk.first().copied().unwrap_or(0),
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let sextets = [(n >> 18) & 63, (n >> 12) & 63, (n >> 6) & 63, n & 63];
        for s in sextets.iter().take(chunk.len() + 1) {
            if let Some(&c) = B64.get(*s as usize) {
                out.push(c as char);
            }
        }
    }
    out
}

fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for c in text.trim_end_matches('=').bytes() {
        let v = B64.iter().position(|&b| b == c)? as u32;
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(((acc >> bits) & 0xFF) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::fixture;

    /// Qwen/Qwen2.5-7B-Instruct's config.json as published (not in any catalog of ours).
    pub const QWEN25_7B: &str = include_str!("../../e2e/fixtures/qwen2.5-7b-instruct.config.json");

    fn inputs(total: &str) -> Inputs {
        Inputs {
            config_json: QWEN25_7B.to_string(),
            total_b: total.to_string(),
            ..Default::default()
        }
    }

    /// By hand: embeddings 2 × 152,064 × 3,584 = 1,089,994,752; per layer attention
    /// 3,584 × (2·28 + 2·4) × 128 = 29,360,128, MLP 3 × 3,584 × 18,944 = 203,685,888, norms
    /// 7,168: 233,053,184 per layer, × 28 = 6,525,489,152; final norm 3,584. Total
    /// 7,615,487,488: the card's "7.61B".
    #[test]
    fn parameters_summed_from_a_dense_config() {
        let e = estimate_params(QWEN25_7B).unwrap();
        assert!((e.total_b - 7.615_487_488).abs() < 1e-12, "{e:?}");
        // Active leaves out the untied input table (152,064 × 3,584).
        assert!((e.active_b - (7.615_487_488 - 0.544_997_376)).abs() < 1e-12);
    }

    /// Qwen3-Coder-30B-A3B's shapes sum to its card's 30.5B total.
    #[test]
    fn parameters_summed_from_a_moe_config() {
        let text = r#"{"model_type":"qwen3_moe","hidden_size":2048,"num_hidden_layers":48,
            "num_attention_heads":32,"num_key_value_heads":4,"head_dim":128,"vocab_size":151936,
            "moe_intermediate_size":768,"num_experts":128,"num_experts_per_tok":8,
            "tie_word_embeddings":false,"max_position_embeddings":262144}"#;
        let e = estimate_params(text).unwrap();
        assert!((e.total_b - 30.53).abs() < 0.01, "{e:?}");
        assert!(e.active_b < 3.4 && e.active_b > 2.9, "{e:?}");
    }

    #[test]
    fn other_designs_ask_for_the_count() {
        let e = estimate_params(r#"{"model_type":"deepseek_v3"}"#).unwrap_err();
        assert!(e.contains("type it"), "{e}");
    }

    #[test]
    fn a_pasted_config_becomes_a_model_with_its_facts() {
        let ds = fixture::dataset();
        let own = OwnModel::from_inputs(ds, &inputs("")).unwrap();
        assert_eq!(own.name, "Qwen2.5-7B-Instruct");
        assert_eq!(own.layers, 28);
        assert_eq!(own.params_from, ParamsFrom::Config);
        assert_eq!(own.format, "bf16");
        assert_eq!(
            own.layer_groups,
            vec![LayerGroup {
                count: 28,
                kind: LayerKind::full(4, 128)
            }]
        );
        let typed = OwnModel::from_inputs(ds, &inputs("7.61")).unwrap();
        assert_eq!((typed.total_b, typed.active_b), (7.61, 7.61));
        assert_eq!(typed.params_from, ParamsFrom::Typed);
    }

    #[test]
    fn problems_are_named_together() {
        let ds = fixture::dataset();
        let bad = Inputs {
            config_json: r#"{"model_type":"qwen3","num_hidden_layers":2}"#.into(),
            total_b: "lots".into(),
            format: "q9_z".into(),
            ..Default::default()
        };
        let errors = OwnModel::from_inputs(ds, &bad).unwrap_err();
        let all = errors.join(" | ");
        assert!(all.contains("num_attention_heads"), "{all}");
        assert!(all.contains("`lots` is not a number"), "{all}");
        assert!(all.contains("`q9_z`"), "{all}");
        let unknown = Inputs {
            config_json: r#"{"model_type":"frob","num_hidden_layers":2,"num_attention_heads":2}"#
                .into(),
            ..Default::default()
        };
        let e = OwnModel::from_inputs(ds, &unknown).unwrap_err().join(" ");
        assert!(e.contains("`frob`") && e.contains("qwen3"), "{e}");
    }

    #[test]
    fn a_moe_model_needs_its_active_count_when_typed() {
        let ds = fixture::dataset();
        let text = r#"{"model_type":"qwen3_moe","hidden_size":2048,"num_hidden_layers":4,
            "num_attention_heads":32,"num_key_value_heads":4,"head_dim":128,"vocab_size":1000,
            "moe_intermediate_size":768,"num_experts":128,"num_experts_per_tok":8,
            "tie_word_embeddings":false,"max_position_embeddings":4096}"#;
        let e = OwnModel::from_inputs(
            ds,
            &Inputs {
                config_json: text.into(),
                total_b: "30".into(),
                ..Default::default()
            },
        )
        .unwrap_err()
        .join(" ");
        assert!(e.contains("active count"), "{e}");
    }

    /// A file of 4.85-bit Q4_K_M weights of 4.6 GB holds 4.6e9 × 8 / 4.85 parameters.
    #[test]
    fn parameters_from_a_file_size() {
        let ds = fixture::dataset();
        let own = OwnModel::from_inputs(
            ds,
            &Inputs {
                file_gb: "4.6".into(),
                format: "q4_k_m".into(),
                ..inputs("")
            },
        )
        .unwrap();
        let bits = ds.weight_format("q4_k_m").unwrap().bits_per_weight;
        assert!((own.total_b - 4.6 * 8.0 / bits).abs() < 1e-12);
        assert_eq!(own.params_from, ParamsFrom::FileSize);
        assert_eq!(own.format, "q4_k_m");
        let no_format = OwnModel::from_inputs(
            ds,
            &Inputs {
                file_gb: "4.6".into(),
                ..inputs("")
            },
        )
        .unwrap_err();
        assert!(
            no_format.join(" ").contains("which format"),
            "{no_format:?}"
        );
    }

    #[test]
    fn the_url_encoding_round_trips_and_the_decoder_is_total() {
        let ds = fixture::dataset();
        let own = OwnModel::from_inputs(
            ds,
            &Inputs {
                scores: ["55.5".into(), String::new(), String::new(), String::new()],
                repo: "https://huggingface.co/Qwen/Qwen2.5-7B-Instruct".into(),
                ..inputs("7.61")
            },
        )
        .unwrap();
        let text = own.encode();
        assert!(text.starts_with("1."), "{text}");
        assert!(text.len() < 600, "{} chars", text.len());
        assert_eq!(OwnModel::decode(ds, &text).unwrap(), own);
        for bad in ["", "1.", "2.abc", "1.!!!", "1.e30=", &"1.".repeat(2000)] {
            assert!(OwnModel::decode(ds, bad).is_err(), "{bad}");
        }
        // Well-formed JSON with absurd numbers is refused, not computed.
        let mut absurd = own.clone();
        absurd.total_b = f64::MAX;
        let json = serde_json::to_string(&absurd).unwrap();
        let text = format!("1.{}", base64url_encode(json.as_bytes()));
        assert!(OwnModel::decode(ds, &text).is_err());
        let mut wrong_layers = own;
        wrong_layers.layers = 29;
        let json = serde_json::to_string(&wrong_layers).unwrap();
        let text = format!("1.{}", base64url_encode(json.as_bytes()));
        assert!(OwnModel::decode(ds, &text).is_err());
    }

    #[test]
    fn base64url_matches_rfc_4648_vectors() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64url_encode(plain.as_bytes()), coded);
            assert_eq!(base64url_decode(coded).unwrap(), plain.as_bytes());
        }
        assert_eq!(base64url_encode(&[0xfb, 0xff]), "-_8");
    }

    #[test]
    fn the_dataset_gains_one_model_with_its_scores() {
        let ds = fixture::dataset();
        let own = OwnModel::from_inputs(
            ds,
            &Inputs {
                scores: ["40".into(), String::new(), String::new(), String::new()],
                ..inputs("7.61")
            },
        )
        .unwrap();
        let with = dataset_with(ds, &own);
        assert_eq!(with.models.len(), ds.models.len() + 1);
        let m = with.model(ID).unwrap();
        assert!(m.open_facts().is_some());
        assert_eq!(with.scores_of(ID).count(), 1);
        // The dataset's rules hold, except that a pasted model has no https sources.
        let problems = with.validate(crate::engine::Date::literal(2026, 12, 2));
        assert!(problems.iter().all(|p| p.contains("https")), "{problems:?}");
        // Adding twice never duplicates.
        let again = dataset_with(&with, &own);
        assert_eq!(again.models.len(), with.models.len());
    }

    /// The analysis sees your model like any other. On one 24 GB card at 32k tokens, FP16 KV, llama.cpp, the best that fits is the 8-bit Q8_0:
    /// weights 7.61e9 × 8.5 / 8 = 8.085625 GB; KV 28 layers × 2 × 4 heads × 128 × 2 B × 32,768
    /// = 1.879048192 GB; overhead 1 GB; total 10.964673192 GB.
    #[test]
    fn the_analysis_fits_your_model_by_hand() {
        let base = fixture::dataset();
        let own = OwnModel::from_inputs(
            base,
            &Inputs {
                scores: ["30".into(), String::new(), String::new(), String::new()],
                ..inputs("7.61")
            },
        )
        .unwrap();
        let ds = dataset_with(base, &own);
        let cfg = crate::engine::Config {
            context_tokens: 32_768,
            own_model: Some(own),
            ..fixture::config("card24", 1)
        };
        let a = crate::engine::analyze(&ds, &cfg);
        let row = a.rows.iter().find(|r| r.model.id == ID).unwrap();
        let fit = row.fit.as_ref().unwrap();
        assert_eq!(fit.format_id, "q8_0");
        assert!(
            (fit.memory.weights_gb - 8.085_625).abs() < 1e-9,
            "{:?}",
            fit.memory
        );
        assert!((fit.memory.kv_cache_gb - 1.879_048_192).abs() < 1e-9);
        assert!((fit.memory.total_gb() - 10.964_673_192).abs() < 1e-9);
        assert_eq!(row.value, Some(30.0));
        // The link carries it, and `sel=own` is read against the dataset with it.
        let query = crate::engine::url::encode(
            base,
            &crate::engine::Config {
                selected: Some(ID.into()),
                ..cfg.clone()
            },
        );
        let (back, notices) = crate::engine::url::decode(base, &query);
        assert_eq!(notices, Vec::new(), "{query}");
        assert_eq!(back.own_model, cfg.own_model);
        assert_eq!(back.selected.as_deref(), Some(ID));
    }
}
