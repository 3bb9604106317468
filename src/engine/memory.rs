//! Memory a model needs: weights + KV cache (+ recurrent state) + runtime overhead,
//! returned as a breakdown so the page can show where the gigabytes go.

use super::architecture;
use super::dataset::{Architecture, KvFormat, Params, WeightFormat};
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

/// Weights: parameters × bits per weight ÷ 8.
pub fn weights_gb(params: &Params, format: &WeightFormat) -> f64 {
    params.total_b * 1e9 * format.bits_per_weight / 8.0 / BYTES_PER_GB
}

/// Bytes the active parameters occupy: what one decode step must read.
pub fn active_weights_gb(params: &Params, format: &WeightFormat) -> f64 {
    params.active_b * 1e9 * format.bits_per_weight / 8.0 / BYTES_PER_GB
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
    workload: &Workload,
    overhead_gb: f64,
) -> MemoryBreakdown {
    MemoryBreakdown {
        weights_gb: weights_gb(params, format),
        kv_cache_gb: kv_cache_gb(arch, workload),
        overhead_gb,
    }
}

/// A mixture-of-experts model's parameters split into the part every token uses (attention,
/// embeddings, shared experts) and the routed experts: with E experts of which k are routed
/// per token, total = dense + experts and active = dense + experts × k / E.
/// Returns (dense, all routed experts, routed experts active per token), in billions.
pub fn moe_split(params: &Params, arch: &Architecture) -> Option<(f64, f64, f64)> {
    let e = arch.experts?;
    let routed_share = e.active as f64 / e.count.max(1) as f64;
    if routed_share >= 1.0 {
        return None;
    }
    let experts =
        ((params.total_b - params.active_b) / (1.0 - routed_share)).clamp(0.0, params.total_b);
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
            &w,
            RUNTIME_OVERHEAD_GB_PER_DEVICE,
        )
    }

    fn within(actual: f64, expected: f64, tolerance: f64) -> bool {
        (actual - expected).abs() <= expected * tolerance
    }

    /// Grouped-query: Qwen3-Coder-30B-A3B, Q4_K_M, 32k context, FP16 KV.
    /// weights = 30.5e9 × 4.85 / 8 = 18.490625e9 B = 18.49 GB
    /// KV = 48 layers × 32,768 tokens × (2 × 4 heads × 128 dims) × 2 B = 3,221,225,472 B = 3.22 GB
    #[test]
    fn gqa_hand_computed() {
        let b = case("qwen3-coder-30b-a3b", "q4_k_m", 32_768);
        assert!(within(b.weights_gb, 18.49, 0.05), "{b:?}");
        assert!(within(b.kv_cache_gb, 3.221, 0.05), "{b:?}");
        assert!(within(b.total_gb(), 18.49 + 3.221 + 1.0, 0.05), "{b:?}");
    }

    /// Latent attention: DeepSeek-V3, Q4_K_M, 64k context.
    /// weights = 671e9 × 4.85 / 8 = 406.79 GB
    /// KV = 61 layers × 65,536 × (512 latent + 64 rope) × 2 B = 4,605,345,792 B = 4.61 GB
    /// (a grouped-query cache of 128 heads × 128 dims would be 36× larger: the test would catch it)
    #[test]
    fn mla_hand_computed() {
        let b = case("deepseek-v3", "q4_k_m", 65_536);
        assert!(within(b.weights_gb, 406.79, 0.05), "{b:?}");
        assert!(within(b.kv_cache_gb, 4.605, 0.01), "{b:?}");
    }

    /// Sparse latent attention: DeepSeek-V3.2 keeps the indexer's 128-dim key beside the latent.
    /// KV = 61 × 65,536 × (512 + 64 + 128) × 2 B = 5,628,755,968 B = 5.63 GB
    #[test]
    fn sparse_latent_hand_computed() {
        let b = case("deepseek-v3.2", "q4_k_m", 65_536);
        assert!(within(b.kv_cache_gb, 5.6288, 0.01), "{b:?}");
    }

    /// Hybrid: Qwen3-Coder-Next, Q4_K_M, 256k context: only 12 of 48 layers keep a KV cache.
    /// weights = 80e9 × 4.85 / 8 = 48.5 GB
    /// KV = 12 × 262,144 × (2 × 2 × 256) × 2 B = 6,442,450,944 B = 6.44 GB, + 75 MiB state = 6.52 GB
    #[test]
    fn hybrid_hand_computed() {
        let b = case("qwen3-coder-next", "q4_k_m", 262_144);
        assert!(within(b.weights_gb, 48.5, 0.05), "{b:?}");
        assert!(within(b.kv_cache_gb, 6.521, 0.05), "{b:?}");
    }

    /// Sliding window: GPT-OSS-120B, MXFP4, 128k context: 18 full layers keep every token,
    /// 18 windowed layers keep 128.
    /// weights = 116.8e9 × 4.25 / 8 = 62.05 GB
    /// KV = (18 × 131,072 + 18 × 128) × (2 × 8 × 64) × 2 B = 4,836,556,800 B = 4.84 GB
    #[test]
    fn sliding_hand_computed() {
        let b = case("gpt-oss-120b", "mxfp4", 131_072);
        assert!(within(b.weights_gb, 62.05, 0.05), "{b:?}");
        assert!(within(b.kv_cache_gb, 4.8366, 0.05), "{b:?}");
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
