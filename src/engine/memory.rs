//! Memory a model needs: weights + KV cache (+ recurrent state) + runtime overhead,
//! returned as a breakdown so the page can show where the gigabytes go.

use super::architecture;
use super::config::Config;
use super::dataset::{Architecture, Dataset, KvFormat, Params, TensorGroup, WeightFormat};
use super::runtime::Runtime;
use super::units::BYTES_PER_GB;

/// Memory a runtime takes on each device before any weights: the CUDA/Metal context plus
/// llama.cpp's compute buffers at the default batch size. An assumption (0.3–0.5 GB of
/// context and about 0.5 GB of buffers are typical in llama.cpp logs), checked against
/// published measurements in the accuracy tests.
pub const RUNTIME_OVERHEAD_GB_PER_DEVICE: f64 = 1.0;

/// What the user runs: how long a context, how many concurrent sessions, which KV precision.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Workload {
    pub context_tokens: u32,
    pub sessions: u32,
    pub kv_bytes_per_element: f64,
}

/// Where the memory goes, in GB (10^9 bytes).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct MemoryBreakdown {
    pub weights_gb: f64,
    /// KV cache plus any fixed recurrent state, for all sessions.
    pub kv_cache_gb: f64,
    /// Runtime overhead summed over the devices that hold part of the model.
    pub overhead_gb: f64,
}

impl MemoryBreakdown {
    pub fn total_gb(&self) -> f64 {
        self.weights_gb + self.kv_cache_gb + self.overhead_gb
    }
}

impl Workload {
    pub fn new(context_tokens: u32, sessions: u32, kv: &KvFormat) -> Workload {
        Workload {
            context_tokens,
            sessions,
            kv_bytes_per_element: kv.bytes_per_element,
        }
    }
}

/// The KV-cache precision the runtime will use: the chosen one when the runtime supports it,
/// otherwise FP16 (e.g. vLLM has no Q8_0 cache).
pub fn effective_kv<'a>(dataset: &'a Dataset, cfg: &Config) -> Option<&'a KvFormat> {
    dataset
        .kv_format(&cfg.kv)
        .filter(|k| cfg.runtime.supports_kv(k))
        .or_else(|| dataset.kv_format(super::config::DEFAULT_KV))
}

/// The workload a configuration describes.
pub fn workload_of(dataset: &Dataset, cfg: &Config) -> Workload {
    let kv = effective_kv(dataset, cfg).map_or(2.0, |k| k.bytes_per_element);
    Workload {
        context_tokens: cfg.context_tokens.clamp(
            super::config::MIN_CONTEXT_TOKENS,
            super::config::MAX_CONTEXT_TOKENS,
        ),
        sessions: cfg.sessions.clamp(1, super::config::MAX_SESSIONS),
        kv_bytes_per_element: kv,
    }
}

/// A model's parameters per tensor group, billions: what each format's bits apply to.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TensorSplit {
    /// All routed experts (zero for a dense model).
    pub experts_b: f64,
    /// The routed experts one token uses.
    pub active_experts_b: f64,
    /// Attention, shared experts, dense feed-forward, norms.
    pub dense_b: f64,
    /// Input and output embeddings, where the config gives them (else inside `dense_b`).
    pub embeddings_b: f64,
}

/// Splits the parameters into tensor groups: routed experts from [`moe_split`], embeddings
/// from the architecture (clamped to what is left), the rest dense.
pub fn tensor_split(params: &Params, arch: &Architecture) -> TensorSplit {
    let total = params.total_b.max(0.0);
    let (experts_b, active_experts_b) = match moe_split(params, arch) {
        Some((_, experts, active)) => (experts, active),
        None => (0.0, 0.0),
    };
    let rest = (total - experts_b).max(0.0);
    let embeddings_b = arch
        .embeddings
        .map_or(0.0, |e| e.params_b())
        .clamp(0.0, rest);
    TensorSplit {
        experts_b,
        active_experts_b,
        dense_b: rest - embeddings_b,
        embeddings_b,
    }
}

/// Bits per weight of one tensor group of this model at `format` as `runtime` loads it: the
/// checkpoint's own bits when the format is the native one or holds the stored format as it is
/// ([`WeightFormat::keeps`]); the format's bits for a group it quantizes; otherwise the
/// checkpoint's precision. llama.cpp loads GGUF files only: where a format's GGUF files store
/// the checkpoint's BF16 groups narrower ([`WeightFormat::gguf_rest_bits`], gpt-oss's MXFP4
/// GGUFs keep the rest at Q8_0), those bits apply.
pub fn group_bits(
    arch: &Architecture,
    format: &WeightFormat,
    group: TensorGroup,
    runtime: Runtime,
) -> f64 {
    let stored = arch.stored.group(group);
    if format.id == arch.native_format
        && stored.format != format.id
        && let (Runtime::LlamaCpp, Some(bits)) = (runtime, format.gguf_rest_bits)
    {
        return bits.min(stored.bits_per_weight);
    }
    if format.id == arch.native_format
        || format.keeps.contains(&stored.format)
        || !format.quantizes.contains(&group)
    {
        stored.bits_per_weight
    } else {
        format.bits_per_weight
    }
}

/// Weight bytes per group at a format, GB.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WeightBytes {
    pub experts_gb: f64,
    pub dense_gb: f64,
    pub embeddings_gb: f64,
    /// Bytes one decode step reads: the dense part, the output embedding and the routed
    /// experts a token uses.
    pub active_gb: f64,
}

impl WeightBytes {
    pub fn total_gb(&self) -> f64 {
        self.experts_gb + self.dense_gb + self.embeddings_gb
    }
    /// Expert bytes per layer of a model with `layers` layers.
    pub fn expert_layer_gb(&self, layers: u32) -> f64 {
        self.experts_gb / layers.max(1) as f64
    }
}

/// Weights per tensor group: parameters × that group's bits per weight ÷ 8.
pub fn weight_bytes(
    params: &Params,
    arch: &Architecture,
    format: &WeightFormat,
    runtime: Runtime,
) -> WeightBytes {
    let s = tensor_split(params, arch);
    let gb = |b: f64, g: TensorGroup| {
        b * 1e9 * group_bits(arch, format, g, runtime) / 8.0 / BYTES_PER_GB
    };
    let experts_gb = gb(s.experts_b, TensorGroup::Experts);
    let dense_gb = gb(s.dense_b, TensorGroup::Dense);
    let embeddings_gb = gb(s.embeddings_b, TensorGroup::Embeddings);
    // A decode step reads the dense part, the output head (not the input table: one row per
    // token) and the routed experts a token uses.
    let share = |part: f64, whole: f64| {
        if whole > 0.0 {
            (part / whole).min(1.0)
        } else {
            0.0
        }
    };
    let unread = arch.embeddings.map_or(0.0, |e| e.unread_b());
    WeightBytes {
        experts_gb,
        dense_gb,
        embeddings_gb,
        active_gb: experts_gb * share(s.active_experts_b, s.experts_b)
            + dense_gb * share(always_dense_b(params, &s, unread), s.dense_b)
            + embeddings_gb * (1.0 - share(unread, s.embeddings_b)),
    }
}

/// The dense parameters a token reads: all of them for a dense model; for a mixture of
/// experts, what the active count holds beyond the routed experts and the output head.
fn always_dense_b(params: &Params, s: &TensorSplit, unread: f64) -> f64 {
    if s.experts_b <= 0.0 {
        return s.dense_b;
    }
    let head = (s.embeddings_b - unread).max(0.0);
    (params.active_b - s.active_experts_b - head).clamp(0.0, s.dense_b)
}

/// Weights in total, GB.
pub fn weights_gb(
    params: &Params,
    arch: &Architecture,
    format: &WeightFormat,
    runtime: Runtime,
) -> f64 {
    weight_bytes(params, arch, format, runtime).total_gb()
}

/// Bytes the active parameters occupy: what one decode step must read.
pub fn active_weights_gb(
    params: &Params,
    arch: &Architecture,
    format: &WeightFormat,
    runtime: Runtime,
) -> f64 {
    weight_bytes(params, arch, format, runtime).active_gb
}

/// KV cache for one session of `context` tokens, in GB. The recurrent state of hybrid
/// models is kept at FP32 whatever the KV precision, as llama.cpp does.
pub fn kv_cache_gb_per_session(
    arch: &Architecture,
    context: u32,
    kv_bytes_per_element: f64,
) -> f64 {
    let (elements, fixed_bytes) = architecture::session_cache(&arch.layer_groups, context);
    (elements * kv_bytes_per_element + fixed_bytes) / BYTES_PER_GB
}

/// KV cache for the whole workload (every session holds its own context).
pub fn kv_cache_gb(arch: &Architecture, workload: &Workload) -> f64 {
    kv_cache_gb_per_session(arch, workload.context_tokens, workload.kv_bytes_per_element)
        * workload.sessions as f64
}

/// The breakdown for a model at a format and workload, with `overhead_gb` of runtime
/// overhead in total (each device pays its own).
pub fn breakdown(
    params: &Params,
    arch: &Architecture,
    format: &WeightFormat,
    runtime: Runtime,
    workload: &Workload,
    overhead_gb: f64,
) -> MemoryBreakdown {
    MemoryBreakdown {
        weights_gb: weights_gb(params, arch, format, runtime),
        kv_cache_gb: kv_cache_gb(arch, workload),
        overhead_gb,
    }
}

/// A mixture-of-experts model's parameters split into the part every token uses (attention,
/// output head, shared experts), the input embedding table and the routed experts: with E
/// experts of which k are routed per token, total = dense + unread + experts and active =
/// dense + experts × k / E, where `unread` is the untied input table (model cards count it in
/// the total, not in the active count: gpt-oss-120b's 114.7B of experts come out exactly).
/// Returns (dense incl. embeddings, all routed experts, routed experts active per token), in
/// billions.
pub fn moe_split(params: &Params, arch: &Architecture) -> Option<(f64, f64, f64)> {
    let e = arch.experts?;
    let routed_share = e.active as f64 / e.count.max(1) as f64;
    if routed_share >= 1.0 {
        return None;
    }
    let unread = arch.embeddings.map_or(0.0, |e| e.unread_b());
    let experts = ((params.total_b - params.active_b - unread) / (1.0 - routed_share))
        .clamp(0.0, params.total_b);
    let dense = params.total_b - experts;
    Some((dense, experts, experts * routed_share))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::dataset::Dataset;

    fn case(model: &str, format: &str, context: u32) -> MemoryBreakdown {
        let ds = Dataset::bundled();
        let m = ds.model(model).unwrap();
        let facts = m.open_facts().unwrap();
        let w = Workload::new(context, 1, ds.kv_format("f16").unwrap());
        breakdown(
            facts.params,
            facts.arch,
            ds.weight_format(format).unwrap(),
            Runtime::LlamaCpp,
            &w,
            RUNTIME_OVERHEAD_GB_PER_DEVICE,
        )
    }

    /// The formulas are exact: hand-computed figures must match to rounding (one part in 10⁹),
    /// so a wrong term (a missing group, a wrong width) cannot hide inside a tolerance.
    fn exact(actual: f64, expected: f64) -> bool {
        (actual - expected).abs() <= expected.abs() * 1e-9
    }

    /// Grouped-query: Qwen3-Coder-30B-A3B, Q4_K_M (every tensor group at 4.85 bits), 32k, FP16 KV.
    /// weights = 30.5e9 × 4.85 / 8 = 18.490625e9 B
    /// KV = 48 layers × 32,768 tokens × (2 × 4 heads × 128 dims) × 2 B = 3,221,225,472 B
    #[test]
    fn gqa_hand_computed() {
        let b = case("qwen3-coder-30b-a3b", "q4_k_m", 32_768);
        assert!(exact(b.weights_gb, 18.490625), "{b:?}");
        assert!(exact(b.kv_cache_gb, 3.221225472), "{b:?}");
        assert!(exact(b.total_gb(), 18.490625 + 3.221225472 + 1.0), "{b:?}");
    }

    /// Latent attention: DeepSeek-V3, Q4_K_M, 64k context. Its FP8 experts and dense tensors and
    /// its BF16 embeddings all become 4.85-bit.
    /// weights = 671e9 × 4.85 / 8 = 406.79375e9 B
    /// KV = 61 layers × 65,536 × (512 latent + 64 rope) × 2 B = 4,605,345,792 B
    /// (a grouped-query cache of 128 heads × 128 dims would be 36× larger: the test would catch it)
    #[test]
    fn mla_hand_computed() {
        let b = case("deepseek-v3", "q4_k_m", 65_536);
        assert!(exact(b.weights_gb, 406.79375), "{b:?}");
        assert!(exact(b.kv_cache_gb, 4.605345792), "{b:?}");
    }

    /// Sparse latent attention: DeepSeek-V3.2 keeps the indexer's 128-dim key beside the latent.
    /// KV = 61 × 65,536 × (512 + 64 + 128) × 2 B = 5,628,755,968 B
    #[test]
    fn sparse_latent_hand_computed() {
        let b = case("deepseek-v3.2", "q4_k_m", 65_536);
        assert!(exact(b.kv_cache_gb, 5.628755968), "{b:?}");
    }

    /// Hybrid: Qwen3-Coder-Next, Q4_K_M, 256k context: only 12 of 48 layers keep a KV cache.
    /// weights = 80e9 × 4.85 / 8 = 48.5e9 B
    /// KV = 12 × 262,144 × (2 × 2 × 256) × 2 B = 6,442,450,944 B, + recurrent state
    /// 36 × 546,133 elements × 4 B = 78,643,152 B: 6,521,094,096 B
    #[test]
    fn hybrid_hand_computed() {
        let b = case("qwen3-coder-next", "q4_k_m", 262_144);
        assert!(exact(b.weights_gb, 48.5), "{b:?}");
        assert!(exact(b.kv_cache_gb, 6.521094096), "{b:?}");
    }

    /// Sliding window and MXFP4 experts: GPT-OSS-120B's MXFP4 GGUF, 128k context.
    /// Routed experts E = (116.8 − 5.1 − 0.57913344 untied input table) / (1 − 4/128)
    ///   = 114.70541064516129B at 4.25 bits; the other 2.09458935483871B (attention, router,
    ///   both embeddings) at the GGUF's Q8_0, 8.5 bits:
    /// weights = 114.70541064516129e9 × 4.25 / 8 + 2.09458935483871e9 × 8.5 / 8 = 63.16275059…e9 B
    /// KV = (18 × 131,072 + 18 × 128) × (2 × 8 × 64) × 2 B = 4,836,556,800 B
    #[test]
    fn sliding_hand_computed() {
        let b = case("gpt-oss-120b", "mxfp4", 131_072);
        let experts: f64 = (116.8 - 5.1 - 0.57913344) / (1.0 - 4.0 / 128.0);
        let weights = experts * 4.25 / 8.0 + (116.8 - experts) * 8.5 / 8.0;
        assert!((weights - 63.162750596).abs() < 1e-8);
        assert!(exact(b.weights_gb, weights), "{b:?}");
        assert!(exact(b.kv_cache_gb, 4.8365568), "{b:?}");
    }

    #[test]
    fn kv_scales_with_sessions_and_precision() {
        let ds = Dataset::bundled();
        let facts = ds
            .model("qwen3-coder-30b-a3b")
            .unwrap()
            .open_facts()
            .unwrap();
        let f16 = Workload::new(32_768, 1, ds.kv_format("f16").unwrap());
        let q8x4 = Workload::new(32_768, 4, ds.kv_format("q8_0").unwrap());
        let ratio = kv_cache_gb(facts.arch, &q8x4) / kv_cache_gb(facts.arch, &f16);
        assert!((ratio - 4.0 * 1.0625 / 2.0).abs() < 1e-9);
    }
}
