//! The KV-cache formula of each attention kind against allocations runtimes printed (llama.cpp
//! and ik_llama.cpp logs quoted in public issues and posts; `tests/fixtures/kv_allocations.json`
//! keeps each quote with its source). Full attention (dense and MoE GQA), latent attention
//! (MLA, which these runtimes cache as one 576-element latent) and the hybrid Gated DeltaNet
//! models (KV on the full-attention layers plus a fixed FP32 recurrent state) are covered.

use codefit::engine::dataset::Dataset;
use codefit::engine::memory;
use codefit::engine::units::BYTES_PER_MIB;
use serde_json::Value;

/// llama.cpp allocates exactly what the formula counts for these kinds (no padding at these
/// context sizes), so 0.5% covers only the logs' rounding to 2 decimals.
const TOLERANCE: f64 = 0.005;

#[test]
fn kv_formulas_reproduce_published_allocations() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/kv_allocations.json"
    ))
    .unwrap();
    let fixture: Value = serde_json::from_str(&text).unwrap();
    let ds = Dataset::bundled();
    let cases = fixture["cases"].as_array().unwrap();
    assert!(cases.len() >= 9);
    for c in cases {
        let id = c["model"].as_str().unwrap();
        let arch = ds
            .model(id)
            .and_then(|m| m.arch.as_ref())
            .unwrap_or_else(|| panic!("{id} has no architecture"));
        let bytes = match c["kv_type"].as_str().unwrap() {
            "f16" => 2.0,
            "q8_0" => ds.kv_format("q8_0").unwrap().bytes_per_element,
            other => panic!("kv type {other}"),
        };
        let ctx = c["context_tokens"].as_u64().unwrap() as u32;
        let (elements, state_bytes) =
            codefit::engine::architecture::session_cache(&arch.layer_groups, ctx);
        let kv_mib = elements * bytes / BYTES_PER_MIB;
        let want = c["kv_mib"].as_f64().unwrap();
        assert!(
            (kv_mib - want).abs() <= want * TOLERANCE,
            "{id} at {ctx}: {kv_mib:.2} MiB, log says {want} ({})",
            c["source"]
        );
        if let Some(r) = c["recurrent_mib"].as_f64() {
            let state_mib = state_bytes / BYTES_PER_MIB;
            assert!(
                (state_mib - r).abs() <= r * TOLERANCE,
                "{id}: recurrent {state_mib:.2} MiB, log says {r}"
            );
        }
        // The engine's per-session figure is the same sum (GB).
        let per_session = memory::kv_cache_gb_per_session(arch, ctx, bytes);
        assert!((per_session * 1e9 - (elements * bytes + state_bytes)).abs() < 1.0);
    }
}
