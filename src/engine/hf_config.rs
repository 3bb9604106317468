//! Hugging Face `config.json` → the architecture facts the memory maths needs, one mapper per
//! `model_type`. The import runs it on the catalog's snapshots; the page runs it on a config a
//! user pastes ("your model", [`super::own_model`]). A field a mapper needs and cannot find is an error naming the field; an
//! unknown `model_type` is an error naming it. Nothing is defaulted that the config does not
//! say (the one exception is the standard `head_dim = hidden_size / num_attention_heads` of
//! transformer configs that omit `head_dim`, which is how the runtimes read them too).

use crate::engine::architecture::{LayerGroup, LayerKind};
use crate::engine::dataset::{Embeddings, Experts};
use serde_json::Value;

/// The `model_type` values (top level or `text_config`) a mapper reads.
pub const MODEL_TYPES: &[&str] = &[
    "llama",
    "mistral",
    "ministral",
    "ministral3",
    "qwen2",
    "qwen3",
    "mistral3",
    "cohere2",
    "qwen3_moe",
    "minimax_m2",
    "minimax",
    "glm4_moe",
    "glm4_moe_lite_nope",
    "mixtral",
    "llama4_text",
    "step3p5",
    "ernie4_5_moe",
    "hunyuan_v1_moe",
    "qwen3_next",
    "qwen3_5",
    "qwen3_5_moe",
    "qwen3_5_text",
    "qwen3_5_moe_text",
    "deepseek_v3",
    "kimi_k2",
    "deepseek_v32",
    "glm_moe_dsa",
    "mistral_large_3",
    "glm4_moe_lite",
    "gpt_oss",
    "gemma3",
    "gemma3_text",
    "gemma4",
    "gemma4_text",
    "nemotron_h",
    "minimax_m3",
    "minimax_m3_vl",
    "deepseek_v4",
    "kimi_linear",
    "mimo_v2_flash",
];

/// What a config gives the dataset.
#[derive(Clone, Debug, PartialEq)]
pub struct Mapped {
    pub model_type: String,
    /// Transformer layers (without MTP / draft layers).
    pub layers: u32,
    pub layer_groups: Vec<LayerGroup>,
    pub attention_heads: u32,
    pub max_context: u32,
    pub experts: Option<Experts>,
    /// Multi-token-prediction layers shipped in the checkpoint (loaded only where the runtime
    /// uses them for speculative decoding).
    pub mtp_layers: u32,
    /// The checkpoint's own quantization (`quantization_config.quant_method`), if any.
    pub quant_method: Option<String>,
    /// `vocab_size`, `hidden_size` and `tie_word_embeddings`; `None` when the config lacks any.
    pub embeddings: Option<Embeddings>,
}

/// The config's text part: multimodal configs nest it under `text_config`.
struct Cfg<'a> {
    v: &'a Value,
    top: &'a Value,
}

impl<'a> Cfg<'a> {
    fn get(&self, key: &str) -> Option<&'a Value> {
        self.v
            .get(key)
            .filter(|x| !x.is_null())
            .or_else(|| self.top.get(key).filter(|x| !x.is_null()))
    }
    fn u(&self, key: &str) -> Result<u32, String> {
        self.opt_u(key)?
            .ok_or_else(|| format!("config.json has no `{key}`"))
    }
    fn opt_u(&self, key: &str) -> Result<Option<u32>, String> {
        match self.get(key) {
            None => Ok(None),
            Some(x) => x
                .as_u64()
                .and_then(|n| u32::try_from(n).ok())
                .map(Some)
                .ok_or_else(|| format!("config.json field `{key}` is not a whole number")),
        }
    }
    fn head_dim(&self) -> Result<u32, String> {
        match self.opt_u("head_dim")? {
            Some(d) => Ok(d),
            None => {
                let hidden = self.u("hidden_size")?;
                let heads = self.u("num_attention_heads")?;
                if heads == 0 || !hidden.is_multiple_of(heads) {
                    return Err("config.json has no `head_dim` and `hidden_size` is not a multiple of `num_attention_heads`".into());
                }
                Ok(hidden / heads)
            }
        }
    }
    fn kv_heads(&self) -> Result<u32, String> {
        self.u("num_key_value_heads")
    }
    fn context(&self) -> Result<u32, String> {
        self.u("max_position_embeddings")
    }
    /// `layer_types` as strings, when the config lists them.
    fn layer_types(&self) -> Result<Option<Vec<String>>, String> {
        match self.get("layer_types") {
            None => Ok(None),
            Some(Value::Array(items)) => items
                .iter()
                .map(|t| {
                    t.as_str()
                        .map(str::to_string)
                        .ok_or_else(|| "config.json `layer_types` holds a non-string".to_string())
                })
                .collect::<Result<Vec<_>, _>>()
                .map(Some),
            Some(_) => Err("config.json `layer_types` is not a list".into()),
        }
    }
}

/// The kind a `layer_types` entry names, from the mapper's table; an entry the table does not
/// know is an error naming it.
fn kind_for(entry: &str, table: &[(&str, &LayerKind)]) -> Result<LayerKind, String> {
    table
        .iter()
        .find(|(name, _)| *name == entry)
        .map(|(_, kind)| (*kind).clone())
        .ok_or_else(|| format!("config.json `layer_types` has unknown `{entry}`"))
}

/// Runs of equal kinds, in layer order, merged into groups (order of first appearance).
fn group(kinds: Vec<LayerKind>) -> Vec<LayerGroup> {
    let mut groups: Vec<LayerGroup> = Vec::new();
    for k in kinds {
        match groups.iter_mut().find(|g| g.kind == k) {
            Some(g) => g.count += 1,
            None => groups.push(LayerGroup { count: 1, kind: k }),
        }
    }
    groups
}

fn experts(
    c: &Cfg<'_>,
    count_keys: &[&str],
    active_keys: &[&str],
) -> Result<Option<Experts>, String> {
    let find = |keys: &[&str]| -> Result<Option<u32>, String> {
        for k in keys {
            if let Some(v) = c.opt_u(k)? {
                return Ok(Some(v));
            }
        }
        Ok(None)
    };
    match find(count_keys)? {
        None | Some(0) | Some(1) => Ok(None),
        Some(count) => {
            let active = find(active_keys)?.ok_or_else(|| {
                format!(
                    "config.json has experts but no `{}`",
                    active_keys
                        .first()
                        .copied()
                        .unwrap_or("num_experts_per_tok")
                )
            })?;
            let shared = find(&["n_shared_experts", "num_shared_experts"])?.unwrap_or(0);
            Ok(Some(Experts {
                count,
                active,
                shared,
            }))
        }
    }
}

/// Gated DeltaNet state per layer: value heads × key dim × value dim, plus the short
/// convolution's (kernel − 1) past inputs over the q, k and v channels.
fn gated_deltanet_state(c: &Cfg<'_>) -> Result<u64, String> {
    let v_heads = c.u("linear_num_value_heads")? as u64;
    let k_heads = c.u("linear_num_key_heads")? as u64;
    let k_dim = c.u("linear_key_head_dim")? as u64;
    let v_dim = c.u("linear_value_head_dim")? as u64;
    let kernel = c.u("linear_conv_kernel_dim")? as u64;
    Ok(
        v_heads * k_dim * v_dim
            + kernel.saturating_sub(1) * (2 * k_heads * k_dim + v_heads * v_dim),
    )
}

/// Some configs store a nested block as the text of a Python dict
/// (`"{'full_attn_layers': [4, 8], 'use_x': True}"`): read it as JSON. Only the literal forms
/// configs use are accepted (quotes, True/False/None); anything else is an error naming `key`.
fn nested(c: &Cfg<'_>, key: &str) -> Result<Value, String> {
    match c.get(key) {
        None => Err(format!("config.json has no `{key}`")),
        Some(Value::String(text)) => {
            let json = text
                .replace('\'', "\"")
                .replace("True", "true")
                .replace("False", "false")
                .replace("None", "null");
            serde_json::from_str(&json)
                .map_err(|e| format!("config.json `{key}` is not a readable dict: {e}"))
        }
        Some(v) => Ok(v.clone()),
    }
}

fn u32_list(v: &Value, key: &str) -> Result<Vec<u32>, String> {
    v.get(key)
        .and_then(Value::as_array)
        .ok_or_else(|| format!("config.json has no list `{key}`"))?
        .iter()
        .map(|x| {
            x.as_u64()
                .and_then(|n| u32::try_from(n).ok())
                .ok_or_else(|| format!("config.json `{key}` holds a non-integer"))
        })
        .collect()
}

fn field_u(v: &Value, block: &str, key: &str) -> Result<u32, String> {
    v.get(key)
        .and_then(Value::as_u64)
        .and_then(|n| u32::try_from(n).ok())
        .ok_or_else(|| format!("config.json `{block}` has no `{key}`"))
}

/// Maps one `config.json` text.
pub fn map_config(text: &str) -> Result<Mapped, String> {
    let top: Value = serde_json::from_str(text).map_err(|e| format!("config.json: {e}"))?;
    let model_type = top
        .get("model_type")
        .and_then(Value::as_str)
        .ok_or("config.json has no `model_type`")?
        .to_string();
    let inner = top.get("text_config").unwrap_or(&top);
    let c = Cfg {
        v: inner,
        top: &top,
    };
    let quant_method = top
        .get("quantization_config")
        .and_then(|q| q.get("quant_method"))
        .and_then(Value::as_str)
        .map(str::to_string);
    let text_type = inner
        .get("model_type")
        .and_then(Value::as_str)
        .unwrap_or(&model_type)
        .to_string();
    let layers = match c.u("num_hidden_layers") {
        Ok(n) => n,
        // Nemotron 3 Ultra lists its blocks instead of counting them (its mapper counts).
        Err(_) if text_type == "nemotron_h" && c.get("layers_block_type").is_some() => 0,
        Err(e) => return Err(e),
    };
    let heads = c.u("num_attention_heads")?;
    let mtp_layers = c
        .opt_u("num_nextn_predict_layers")?
        .or(c.opt_u("mtp_num_hidden_layers")?)
        .unwrap_or(0);
    let (layer_groups, experts) = match text_type.as_str() {
        // Dense transformers with full attention on every layer (a sliding window, where the
        // config enables one, applies to every layer).
        "llama" | "mistral" | "ministral" | "ministral3" | "qwen2" | "qwen3" | "mistral3"
        | "cohere2" => {
            let kind = match (
                c.opt_u("sliding_window")?,
                c.get("use_sliding_window").and_then(Value::as_bool),
            ) {
                (Some(window), Some(true)) | (Some(window), None)
                    if text_type == "mistral" && window < c.context()? =>
                {
                    LayerKind::Sliding {
                        kv_heads: c.kv_heads()?,
                        head_dim: c.head_dim()?,
                        v_head_dim: None,
                        q_heads: None,
                        window,
                    }
                }
                _ => LayerKind::full(c.kv_heads()?, c.head_dim()?),
            };
            (
                vec![LayerGroup {
                    count: layers,
                    kind,
                }],
                None,
            )
        }
        "qwen3_moe" | "minimax_m2" | "minimax" | "glm4_moe" | "glm4_moe_lite_nope" | "mixtral"
        | "llama4_text" | "step3p5" | "ernie4_5_moe" | "hunyuan_v1_moe" => (
            vec![LayerGroup {
                count: layers,
                kind: LayerKind::full(c.kv_heads()?, c.head_dim()?),
            }],
            experts(
                &c,
                &[
                    "num_experts",
                    "n_routed_experts",
                    "num_local_experts",
                    "moe_num_experts",
                ],
                &["num_experts_per_tok", "moe_k"],
            )?,
        ),
        // Hybrid Gated DeltaNet + gated full attention.
        "qwen3_next" | "qwen3_5" | "qwen3_5_moe" | "qwen3_5_text" | "qwen3_5_moe_text" => {
            let state = gated_deltanet_state(&c)?;
            let attn = LayerKind::full(c.kv_heads()?, c.head_dim()?);
            let linear = LayerKind::Recurrent {
                state_elements: state,
            };
            let kinds = match c.layer_types()? {
                Some(types) => types
                    .iter()
                    .map(|t| {
                        kind_for(
                            t,
                            &[("linear_attention", &linear), ("full_attention", &attn)],
                        )
                    })
                    .collect::<Result<Vec<_>, _>>()?,
                None => {
                    let every = c.u("full_attention_interval")?.max(1);
                    (0..layers)
                        .map(|i| {
                            if (i + 1) % every == 0 {
                                attn.clone()
                            } else {
                                linear.clone()
                            }
                        })
                        .collect()
                }
            };
            let ex = experts(&c, &["num_experts"], &["num_experts_per_tok"])?;
            (group(kinds), ex)
        }
        // Multi-head latent attention (DeepSeek V3 / R1, Kimi K2), with the sparse-attention
        // indexer where the config has one (DeepSeek V3.2, GLM-5).
        "deepseek_v3" | "kimi_k2" | "deepseek_v32" | "glm_moe_dsa" | "mistral_large_3"
        | "glm4_moe_lite" => {
            let rank = c.u("kv_lora_rank")?;
            let rope = c.u("qk_rope_head_dim")?;
            let latent = LayerKind::Latent {
                kv_lora_rank: rank,
                rope_dim: rope,
            };
            let kinds: Vec<LayerKind> = match c.opt_u("index_head_dim")? {
                None => vec![latent; layers as usize],
                Some(index) => {
                    let sparse = LayerKind::LatentSparse {
                        kv_lora_rank: rank,
                        rope_dim: rope,
                        index_head_dim: index,
                    };
                    // GLM-5.2: `indexer_types` marks the layers that keep their own indexer keys
                    // ("full") and those that reuse an earlier layer's ("shared").
                    match c.get("indexer_types") {
                        None => vec![sparse; layers as usize],
                        Some(v) => {
                            let list = match v {
                                Value::String(_) => nested(&c, "indexer_types")?,
                                other => other.clone(),
                            };
                            let types = list
                                .as_array()
                                .ok_or("config.json `indexer_types` is not a list")?;
                            if types.len() != layers as usize {
                                return Err(format!(
                                    "config.json `indexer_types` lists {} layers, `num_hidden_layers` is {layers}",
                                    types.len()
                                ));
                            }
                            types
                                .iter()
                                .map(|t| match t.as_str() {
                                    Some("full") => Ok(sparse.clone()),
                                    Some("shared") => Ok(latent.clone()),
                                    other => Err(format!(
                                        "config.json `indexer_types` has unknown {other:?}"
                                    )),
                                })
                                .collect::<Result<_, String>>()?
                        }
                    }
                }
            };
            (
                group(kinds),
                experts(&c, &["n_routed_experts"], &["num_experts_per_tok"])?,
            )
        }
        // Alternating sliding / full attention with the same head shape.
        "gpt_oss" => {
            let window = c.u("sliding_window")?;
            let (kv, hd) = (c.kv_heads()?, c.head_dim()?);
            let types = c.layer_types()?.ok_or("config.json has no `layer_types`")?;
            let (sliding, full) = (LayerKind::sliding(kv, hd, window), LayerKind::full(kv, hd));
            let kinds = types
                .iter()
                .map(|t| {
                    kind_for(
                        t,
                        &[("sliding_attention", &sliding), ("full_attention", &full)],
                    )
                })
                .collect::<Result<Vec<_>, _>>()?;
            (
                group(kinds),
                experts(
                    &c,
                    &["num_local_experts"],
                    &["num_experts_per_tok", "experts_per_token"],
                )?,
            )
        }
        // Gemma 3 / 4: sliding layers and global layers, the global ones with their own head
        // size and KV heads where the config gives them; layers past
        // `num_kv_shared_layers` reuse earlier caches.
        "gemma3" | "gemma3_text" | "gemma4" | "gemma4_text" => {
            let window = c.u("sliding_window")?;
            let kv = c.kv_heads()?;
            let hd = c.head_dim()?;
            let global_hd = c.opt_u("global_head_dim")?.unwrap_or(hd);
            let global_kv = c.opt_u("num_global_key_value_heads")?.unwrap_or(kv);
            let types = match c.layer_types()? {
                Some(t) => t,
                None => {
                    let pattern = c.u("sliding_window_pattern")?.max(1);
                    (0..layers)
                        .map(|i| {
                            if (i + 1) % pattern == 0 {
                                "full_attention".to_string()
                            } else {
                                "sliding_attention".to_string()
                            }
                        })
                        .collect()
                }
            };
            let shared = c.opt_u("num_kv_shared_layers")?.unwrap_or(0) as usize;
            let first_shared = types.len().saturating_sub(shared);
            let (sliding, global) = (
                LayerKind::sliding(kv, hd, window),
                LayerKind::full(global_kv, global_hd),
            );
            let kinds = types
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    if i >= first_shared {
                        return Ok(LayerKind::SharedKv);
                    }
                    kind_for(
                        t,
                        &[("sliding_attention", &sliding), ("full_attention", &global)],
                    )
                })
                .collect::<Result<Vec<_>, String>>()?;
            (
                group(kinds),
                experts(
                    &c,
                    &["num_experts"],
                    &["top_k_experts", "num_experts_per_tok"],
                )?,
            )
        }
        // Nemotron-H: a pattern string of Mamba-2 (M), attention (*), MLP (-) and MoE (E) blocks.
        "nemotron_h" => {
            // Either a pattern string or (Nemotron 3 Ultra) a `layers_block_type` list.
            let pattern: String = match c.get("hybrid_override_pattern").and_then(Value::as_str) {
                Some(p) => p.to_string(),
                None => {
                    let list = match c.get("layers_block_type") {
                        Some(Value::String(_)) => nested(&c, "layers_block_type")?,
                        Some(v) => v.clone(),
                        None => return Err("config.json has neither `hybrid_override_pattern` nor `layers_block_type`".into()),
                    };
                    list.as_array()
                        .ok_or("config.json `layers_block_type` is not a list")?
                        .iter()
                        .map(|b| match b.as_str() {
                            Some("mamba") => Ok('M'),
                            Some("attention") => Ok('*'),
                            Some("moe") => Ok('E'),
                            Some("mlp") => Ok('-'),
                            other => Err(format!(
                                "config.json `layers_block_type` has unknown block {other:?}"
                            )),
                        })
                        .collect::<Result<String, String>>()?
                }
            };
            let m_heads = c.u("mamba_num_heads")? as u64;
            let m_dim = c.u("mamba_head_dim")? as u64;
            let d_state = c.u("ssm_state_size")? as u64;
            let groups = c.u("n_groups")? as u64;
            let kernel = c.u("conv_kernel")? as u64;
            let inner = m_heads * m_dim;
            let state = inner * d_state + kernel.saturating_sub(1) * (inner + 2 * groups * d_state);
            let (kv, hd) = (c.kv_heads()?, c.head_dim()?);
            let kinds: Vec<LayerKind> = pattern
                .chars()
                .filter_map(|ch| match ch {
                    'M' => Some(Ok(LayerKind::Recurrent {
                        state_elements: state,
                    })),
                    '*' => Some(Ok(LayerKind::full(kv, hd))),
                    '-' | 'E' => None,
                    other => Some(Err(format!(
                        "config.json `hybrid_override_pattern` has unknown block `{other}`"
                    ))),
                })
                .collect::<Result<_, _>>()?;
            // The pattern lists every block; only mixers (Mamba, attention) are layers here.
            let ex = experts(&c, &["n_routed_experts"], &["num_experts_per_tok"])?;
            let mapped_layers = kinds.len() as u32;
            return Ok(Mapped {
                model_type,
                layers: mapped_layers,
                layer_groups: group(kinds),
                attention_heads: heads,
                max_context: c.context()?,
                experts: ex,
                mtp_layers,
                quant_method,
                embeddings: embeddings(&c)?,
            });
        }
        // MiniMax-M3: GQA on every layer; the block-sparse layers also keep the indexer's keys
        // (`sparse_num_index_heads` × `sparse_index_dim` per token; index values disabled).
        "minimax_m3" | "minimax_m3_vl" => {
            let sparse = nested(&c, "sparse_attention_config")?;
            let freq = u32_list(&sparse, "sparse_attention_freq")?;
            if freq.len() != layers as usize {
                return Err(format!(
                    "config.json `sparse_attention_freq` lists {} layers, `num_hidden_layers` is {layers}",
                    freq.len()
                ));
            }
            let index = field_u(&sparse, "sparse_attention_config", "sparse_num_index_heads")?
                * field_u(&sparse, "sparse_attention_config", "sparse_index_dim")?;
            let (kv, hd) = (c.kv_heads()?, c.head_dim()?);
            let kinds = freq
                .iter()
                .map(|&f| match f {
                    0 => LayerKind::full(kv, hd),
                    _ => LayerKind::Full {
                        kv_heads: kv,
                        head_dim: hd,
                        v_head_dim: None,
                        q_heads: None,
                        index_dim: Some(index),
                    },
                })
                .collect();
            (
                group(kinds),
                experts(&c, &["num_local_experts"], &["num_experts_per_tok"])?,
            )
        }
        // DeepSeek V4: one shared latent of `num_key_value_heads` × `head_dim` per entry; each
        // layer compresses its cache `compress_ratios[i]` tokens to an entry and keeps the last
        // `sliding_window` tokens uncompressed, compressed layers with an indexer key of
        // `index_head_dim` per entry. A ratio of 0 is counted as an uncompressed cache of every
        // token (an upper bound: the config does not say whether such a layer keeps only the
        // window). The list has one entry more than the layers (the MTP layer): only the first
        // `num_hidden_layers` are the model's.
        "deepseek_v4" => {
            let ratios = u32_list(c.v, "compress_ratios")?;
            if ratios.len() < layers as usize {
                return Err(format!(
                    "config.json `compress_ratios` lists {} layers, `num_hidden_layers` is {layers}",
                    ratios.len()
                ));
            }
            let entry = c.kv_heads()? * c.head_dim()?;
            let window = c.u("sliding_window")?;
            let index = c.u("index_head_dim")?;
            let kinds = ratios
                .iter()
                .take(layers as usize)
                .map(|&r| match r {
                    0 => LayerKind::Latent {
                        kv_lora_rank: entry,
                        rope_dim: 0,
                    },
                    r => LayerKind::Compressed {
                        entry_dim: entry,
                        ratio: r,
                        window,
                        index_head_dim: index,
                    },
                })
                .collect();
            (
                group(kinds),
                experts(&c, &["n_routed_experts"], &["num_experts_per_tok"])?,
            )
        }
        // Kimi Linear (Kimi K3): latent-attention layers at `full_attn_layers` and Kimi Delta
        // Attention layers at `kda_layers` (1-based), each KDA layer with a state of heads ×
        // head_dim × head_dim plus the short convolution's (kernel − 1) inputs over q, k and v.
        "kimi_linear" => {
            let lin = nested(&c, "linear_attn_config")?;
            let full_at = u32_list(&lin, "full_attn_layers")?;
            let kda_at = u32_list(&lin, "kda_layers")?;
            let h = field_u(&lin, "linear_attn_config", "num_heads")? as u64;
            let d = field_u(&lin, "linear_attn_config", "head_dim")? as u64;
            let kernel = field_u(&lin, "linear_attn_config", "short_conv_kernel_size")? as u64;
            let state = h * d * d + kernel.saturating_sub(1) * 3 * h * d;
            let mla = LayerKind::Latent {
                kv_lora_rank: c.u("kv_lora_rank")?,
                rope_dim: c.u("qk_rope_head_dim")?,
            };
            let mut kinds = Vec::with_capacity(layers as usize);
            for i in 1..=layers {
                match (full_at.contains(&i), kda_at.contains(&i)) {
                    (true, false) => kinds.push(mla.clone()),
                    (false, true) => kinds.push(LayerKind::Recurrent {
                        state_elements: state,
                    }),
                    _ => {
                        return Err(format!(
                            "config.json `linear_attn_config` puts layer {i} in neither or both of `full_attn_layers` and `kda_layers`"
                        ));
                    }
                }
            }
            (
                group(kinds),
                experts(
                    &c,
                    &["num_experts"],
                    &["num_experts_per_token", "num_experts_per_tok"],
                )?,
            )
        }
        // MiMo-V2-Flash: `hybrid_layer_pattern` 0 = full attention, 1 = sliding window, each
        // with its own KV heads (`swa_*` for the window layers) and 192-dim keys / 128-dim values.
        "mimo_v2_flash" => {
            let pattern = u32_list(c.v, "hybrid_layer_pattern")?;
            if pattern.len() != layers as usize {
                return Err(format!(
                    "config.json `hybrid_layer_pattern` lists {} layers, `num_hidden_layers` is {layers}",
                    pattern.len()
                ));
            }
            let full_kind = LayerKind::Full {
                kv_heads: c.kv_heads()?,
                head_dim: c.head_dim()?,
                v_head_dim: Some(c.u("v_head_dim")?),
                q_heads: None,
                index_dim: None,
            };
            let swa = LayerKind::Sliding {
                kv_heads: c.u("swa_num_key_value_heads")?,
                head_dim: c.u("swa_head_dim")?,
                v_head_dim: Some(c.u("swa_v_head_dim")?),
                q_heads: Some(c.u("swa_num_attention_heads")?),
                window: c.u("sliding_window")?,
            };
            let kinds = pattern
                .iter()
                .map(|&k| match k {
                    0 => Ok(full_kind.clone()),
                    1 => Ok(swa.clone()),
                    other => Err(format!(
                        "config.json `hybrid_layer_pattern` has unknown kind {other}"
                    )),
                })
                .collect::<Result<Vec<_>, _>>()?;
            (
                group(kinds),
                experts(&c, &["n_routed_experts"], &["num_experts_per_tok"])?,
            )
        }
        other => {
            return Err(format!(
                "no mapper for model_type `{other}` (codefit reads: {})",
                MODEL_TYPES.join(", ")
            ));
        }
    };
    let counted: u32 = layer_groups.iter().map(|g| g.count).sum();
    if counted != layers {
        return Err(format!(
            "config.json: `layer_types` lists {counted} layers but `num_hidden_layers` is {layers}"
        ));
    }
    Ok(Mapped {
        model_type,
        layers,
        layer_groups,
        attention_heads: heads,
        max_context: c.context()?,
        experts,
        mtp_layers,
        quant_method,
        embeddings: embeddings(&c)?,
    })
}

/// The embedding matrices from the config; `None` unless vocabulary, hidden size and the
/// tying flag are all stated (transformers' default for the flag differs by model class, so an
/// absent flag is not guessed).
fn embeddings(c: &Cfg<'_>) -> Result<Option<Embeddings>, String> {
    let tied = match c.get("tie_word_embeddings") {
        None => return Ok(None),
        Some(v) => v
            .as_bool()
            .ok_or("config.json field `tie_word_embeddings` is not true or false")?,
    };
    Ok(match (c.opt_u("vocab_size")?, c.opt_u("hidden_size")?) {
        (Some(vocab), Some(hidden)) => Some(Embeddings {
            vocab,
            hidden,
            tied,
        }),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_model_type_is_named() {
        let e = map_config(
            r#"{"model_type":"frobnicator","num_hidden_layers":2,"num_attention_heads":2}"#,
        )
        .unwrap_err();
        assert!(e.contains("frobnicator"), "{e}");
    }

    #[test]
    fn missing_field_is_named() {
        let e = map_config(r#"{"model_type":"qwen3","num_hidden_layers":2,"num_attention_heads":2,"head_dim":64,"max_position_embeddings":100}"#)
            .unwrap_err();
        assert!(e.contains("num_key_value_heads"), "{e}");
    }
}
