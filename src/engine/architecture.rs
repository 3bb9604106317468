//! A model's layers as groups, each with its attention (or recurrent) kind: the shape the
//! memory and prefill maths read. One group per run of identical layers, so a 2026 design is
//! described as it is built: Gemma's sliding layers with wider global layers, Qwen's Gated
//! DeltaNet layers between full-attention ones, Nemotron-H's Mamba-2 blocks, DeepSeek's latent
//! cache with a sparse-attention indexer, layers that reuse another layer's KV cache.
//!
//! The groups are produced by the import's per-`model_type` mappers from a Hugging Face
//! `config.json` (`engine::hf_config`); every number here is a config field or a product of
//! config fields, never a guess.

use serde::{Deserialize, Serialize};

/// Bytes per element of a recurrent state: runtimes keep linear-attention and SSM states at
/// FP32 whatever the KV-cache precision (llama.cpp's `llama_memory_recurrent` logs "R (f32)"
/// and "S (f32)").
pub const RECURRENT_STATE_BYTES_PER_ELEMENT: f64 = 4.0;

/// Mean query/key width per head used for the attention FLOPs of latent attention: DeepSeek-
/// style MLA uses 192-dim query/key heads (128 no-RoPE + 64 RoPE) and 128-dim value heads.
pub const LATENT_ATTENTION_HEAD_WIDTH: f64 = 160.0;

/// What one layer keeps per session, and how it attends.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LayerKind {
    /// Full (grouped-query or multi-head) attention: K and V of every token, `kv_heads` heads
    /// of `head_dim` (V heads of `v_head_dim` where it differs).
    Full {
        kv_heads: u32,
        head_dim: u32,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        v_head_dim: Option<u32>,
        /// Query heads of these layers, where they differ from the model's.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        q_heads: Option<u32>,
        /// Elements per token of a sparse-attention indexer's keys kept beside the full cache
        /// (MiniMax-M3's block-sparse layers), if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        index_dim: Option<u32>,
    },
    /// Sliding-window attention: K and V of the last `window` tokens only.
    Sliding {
        kv_heads: u32,
        head_dim: u32,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        v_head_dim: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        q_heads: Option<u32>,
        window: u32,
    },
    /// Multi-head latent attention: one compressed latent plus one RoPE key per token.
    Latent { kv_lora_rank: u32, rope_dim: u32 },
    /// Latent attention with a sparse-attention indexer (DeepSeek Sparse Attention): the latent
    /// cache plus the indexer's own key of `index_head_dim` per token.
    LatentSparse {
        kv_lora_rank: u32,
        rope_dim: u32,
        index_head_dim: u32,
    },
    /// Attention over a KV cache compressed along the sequence: one entry of `entry_dim`
    /// elements per `ratio` tokens, plus the last `window` tokens uncompressed, plus an
    /// optional indexer key per compressed entry.
    Compressed {
        entry_dim: u32,
        ratio: u32,
        #[serde(default)]
        window: u32,
        #[serde(default)]
        index_head_dim: u32,
    },
    /// Linear attention or a state-space layer (Gated DeltaNet, Mamba-2, KDA): a fixed state of
    /// `state_elements` per session, whatever the context.
    Recurrent { state_elements: u64 },
    /// Reuses the KV cache of an earlier layer (cross-layer KV sharing): nothing of its own.
    SharedKv,
}

impl LayerKind {
    /// Full attention with K and V heads of one size and the model's query heads.
    pub fn full(kv_heads: u32, head_dim: u32) -> LayerKind {
        LayerKind::Full {
            kv_heads,
            head_dim,
            v_head_dim: None,
            q_heads: None,
            index_dim: None,
        }
    }

    /// Sliding-window attention with K and V heads of one size and the model's query heads.
    pub fn sliding(kv_heads: u32, head_dim: u32, window: u32) -> LayerKind {
        LayerKind::Sliding {
            kv_heads,
            head_dim,
            v_head_dim: None,
            q_heads: None,
            window,
        }
    }

    /// Cached elements per layer for one session of `context` tokens (excluding fixed state).
    pub fn kv_elements(&self, context: f64) -> f64 {
        match *self {
            LayerKind::Full {
                kv_heads,
                head_dim,
                v_head_dim,
                index_dim,
                ..
            } => {
                context
                    * (kv_heads as f64 * (head_dim + v_head_dim.unwrap_or(head_dim)) as f64
                        + index_dim.unwrap_or(0) as f64)
            }
            LayerKind::Sliding {
                kv_heads,
                head_dim,
                v_head_dim,
                window,
                ..
            } => {
                context.min(window as f64)
                    * kv_heads as f64
                    * (head_dim + v_head_dim.unwrap_or(head_dim)) as f64
            }
            LayerKind::Latent {
                kv_lora_rank,
                rope_dim,
            } => context * (kv_lora_rank + rope_dim) as f64,
            LayerKind::LatentSparse {
                kv_lora_rank,
                rope_dim,
                index_head_dim,
            } => context * (kv_lora_rank + rope_dim + index_head_dim) as f64,
            LayerKind::Compressed {
                entry_dim,
                ratio,
                window,
                index_head_dim,
            } => {
                let entries = (context / ratio.max(1) as f64).ceil();
                entries * (entry_dim + index_head_dim) as f64
                    + context.min(window as f64) * entry_dim as f64
            }
            LayerKind::Recurrent { .. } | LayerKind::SharedKv => 0.0,
        }
    }

    /// Fixed state per layer per session, elements (kept at FP32).
    pub fn state_elements(&self) -> f64 {
        match *self {
            LayerKind::Recurrent { state_elements } => state_elements as f64,
            _ => 0.0,
        }
    }

    /// Whether this layer's cache grows with the context (what "attention layers" counts).
    pub fn grows_with_context(&self) -> bool {
        !matches!(
            self,
            LayerKind::Recurrent { .. } | LayerKind::SharedKv | LayerKind::Sliding { .. }
        )
    }

    /// Prefill attention FLOPs for one layer over a `p`-token prompt: QKᵀ and AV with a causal
    /// mask (2 × P² × query width), window layers over at most the window; recurrent layers'
    /// cost is linear in P and small beside the weights', so it is left out.
    pub fn prefill_flops(&self, p: f64, model_q_heads: u32) -> f64 {
        let width = |q: Option<u32>, d: u32| (q.unwrap_or(model_q_heads) * d) as f64;
        match *self {
            LayerKind::Full {
                head_dim, q_heads, ..
            } => 2.0 * p * p * width(q_heads, head_dim),
            LayerKind::Sliding {
                head_dim,
                q_heads,
                window,
                ..
            } => 4.0 * p * p.min(window as f64) * width(q_heads, head_dim),
            LayerKind::Latent { .. } | LayerKind::LatentSparse { .. } => {
                2.0 * p * p * model_q_heads as f64 * LATENT_ATTENTION_HEAD_WIDTH
            }
            LayerKind::Compressed { ratio, window, .. } => {
                let seen = p / ratio.max(1) as f64 + p.min(window as f64);
                4.0 * p * seen * model_q_heads as f64 * LATENT_ATTENTION_HEAD_WIDTH
            }
            LayerKind::Recurrent { .. } | LayerKind::SharedKv => 0.0,
        }
    }

    pub fn label(&self) -> &'static str {
        match self {
            LayerKind::Full { .. } => "full attention",
            LayerKind::Sliding { .. } => "sliding-window attention",
            LayerKind::Latent { .. } => "latent attention (MLA)",
            LayerKind::LatentSparse { .. } => "latent attention with sparse indexer",
            LayerKind::Compressed { .. } => "compressed attention",
            LayerKind::Recurrent { .. } => "linear / recurrent (fixed state)",
            LayerKind::SharedKv => "shared KV (reuses an earlier layer's cache)",
        }
    }

    /// The per-token cache of one layer, in words, for the method panel.
    pub fn formula(&self) -> String {
        match *self {
            LayerKind::Full {
                kv_heads,
                head_dim,
                v_head_dim,
                index_dim,
                ..
            } => {
                let index = index_dim.map_or_else(String::new, |d| format!(" + {d} indexer"));
                format!(
                    "tokens × ({kv_heads} KV heads × ({head_dim} + {}) dims{index})",
                    v_head_dim.unwrap_or(head_dim)
                )
            }
            LayerKind::Sliding {
                kv_heads,
                head_dim,
                v_head_dim,
                window,
                ..
            } => format!(
                "min(tokens, {window}) × {kv_heads} KV heads × ({head_dim} + {}) dims",
                v_head_dim.unwrap_or(head_dim)
            ),
            LayerKind::Latent {
                kv_lora_rank,
                rope_dim,
            } => format!("tokens × ({kv_lora_rank} latent + {rope_dim} RoPE)"),
            LayerKind::LatentSparse {
                kv_lora_rank,
                rope_dim,
                index_head_dim,
            } => format!(
                "tokens × ({kv_lora_rank} latent + {rope_dim} RoPE + {index_head_dim} indexer)"
            ),
            LayerKind::Compressed {
                entry_dim,
                ratio,
                window,
                index_head_dim,
            } => format!(
                "⌈tokens ÷ {ratio}⌉ × ({entry_dim} + {index_head_dim} indexer) + min(tokens, {window}) × {entry_dim}"
            ),
            LayerKind::Recurrent { state_elements } => {
                format!("{state_elements} state elements × 4 bytes, whatever the context")
            }
            LayerKind::SharedKv => "nothing (reuses an earlier layer's cache)".to_string(),
        }
    }
}

/// A run of `count` layers of one kind.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct LayerGroup {
    pub count: u32,
    #[serde(flatten)]
    pub kind: LayerKind,
}

/// Per-session cache of a stack of layer groups at `context` tokens: (elements that scale with
/// the KV precision, fixed state bytes).
pub fn session_cache(groups: &[LayerGroup], context: u32) -> (f64, f64) {
    let ctx = context as f64;
    groups.iter().fold((0.0, 0.0), |(elements, state), g| {
        let n = g.count as f64;
        (
            elements + n * g.kind.kv_elements(ctx),
            state + n * g.kind.state_elements() * RECURRENT_STATE_BYTES_PER_ELEMENT,
        )
    })
}

/// Prefill attention FLOPs over all groups for a `p`-token prompt.
pub fn prefill_attention_flops(groups: &[LayerGroup], p: f64, model_q_heads: u32) -> f64 {
    groups
        .iter()
        .map(|g| g.count as f64 * g.kind.prefill_flops(p, model_q_heads))
        .sum()
}

/// The attention kind of a whole model, for error tables: hybrid linear, compressed, latent,
/// sliding window or full attention.
pub fn describe_kind(groups: &[LayerGroup]) -> String {
    let any = |f: fn(&LayerKind) -> bool| groups.iter().any(|g| f(&g.kind));
    if any(|k| matches!(k, LayerKind::Recurrent { .. })) {
        "hybrid linear"
    } else if any(|k| matches!(k, LayerKind::Compressed { .. })) {
        "compressed"
    } else if any(|k| matches!(k, LayerKind::Latent { .. } | LayerKind::LatentSparse { .. })) {
        "latent"
    } else if any(|k| matches!(k, LayerKind::Sliding { .. })) {
        "sliding window"
    } else {
        "full attention"
    }
    .to_string()
}

/// A one-line description: "36 Gated DeltaNet/recurrent + 12 full attention".
pub fn describe(groups: &[LayerGroup]) -> String {
    groups
        .iter()
        .map(|g| format!("{} × {}", g.count, g.kind.label()))
        .collect::<Vec<_>>()
        .join(" + ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 48 full layers × 1,000 tokens × 4 heads × (128 + 128) = 49,152,000 elements.
    #[test]
    fn full_attention_counts_k_and_v() {
        let g = [LayerGroup {
            count: 48,
            kind: LayerKind::full(4, 128),
        }];
        assert_eq!(session_cache(&g, 1000), (49_152_000.0, 0.0));
    }

    /// A window caps the cache: 10 layers × min(1,000, 128) × 8 × 128 = 1,310,720.
    #[test]
    fn sliding_caps_at_the_window() {
        let g = [LayerGroup {
            count: 10,
            kind: LayerKind::sliding(8, 64, 128),
        }];
        assert_eq!(session_cache(&g, 1000).0, 1_310_720.0);
        assert_eq!(session_cache(&g, 100).0, 1_024_000.0);
    }

    /// Compressed: ratio 4 over 1,000 tokens = 250 entries × (512 + 128) + 128 window × 512.
    #[test]
    fn compressed_divides_by_the_ratio() {
        let kind = LayerKind::Compressed {
            entry_dim: 512,
            ratio: 4,
            window: 128,
            index_head_dim: 128,
        };
        assert_eq!(kind.kv_elements(1000.0), 250.0 * 640.0 + 128.0 * 512.0);
    }

    /// Recurrent state does not grow with context and is FP32; shared layers add nothing.
    #[test]
    fn recurrent_state_is_fixed_and_shared_is_free() {
        let g = [
            LayerGroup {
                count: 3,
                kind: LayerKind::Recurrent {
                    state_elements: 1000,
                },
            },
            LayerGroup {
                count: 5,
                kind: LayerKind::SharedKv,
            },
        ];
        assert_eq!(session_cache(&g, 10), (0.0, 12_000.0));
        assert_eq!(session_cache(&g, 100_000), (0.0, 12_000.0));
    }

    /// The latent cache with an indexer is the latent cache plus one indexer key per token.
    #[test]
    fn sparse_latent_adds_the_indexer() {
        let mla = LayerKind::Latent {
            kv_lora_rank: 512,
            rope_dim: 64,
        };
        let dsa = LayerKind::LatentSparse {
            kv_lora_rank: 512,
            rope_dim: 64,
            index_head_dim: 128,
        };
        assert_eq!(dsa.kv_elements(10.0) - mla.kv_elements(10.0), 1280.0);
    }
}
