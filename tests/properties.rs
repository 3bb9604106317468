//! Properties of the engine over many generated inputs.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "test helpers outside #[test] fns: a panic there is a failing test"
)]

use codefit::engine::config::{DeviceChoice, DeviceRef, QuantChoice};
use codefit::engine::fit;
use codefit::engine::{Analysis, Config, Dataset, FitStatus, analyze, hardware, memory};
use proptest::prelude::*;

/// Open-weight models whose memory the engine computes (the others carry a reason instead).
fn open_models() -> Vec<&'static str> {
    Dataset::bundled()
        .models
        .iter()
        .filter(|m| m.open_facts().is_some())
        .map(|m| m.id.as_str())
        .collect()
}

fn custom(memory_gb: f64, count: u32) -> Config {
    Config {
        hardware: vec![DeviceChoice {
            device: DeviceRef::Custom {
                memory_gb,
                bandwidth_gb_s: 1000.0,
                unified: false,
            },
            count,
            reserved_gb: None,
        }],
        ..Config::default()
    }
}

fn status(cfg: &Config, model: &str, format: Option<&str>) -> (FitStatus, f64) {
    let ds = Dataset::bundled();
    let m = ds.model(model).unwrap();
    let fixed = format.and_then(|f| ds.weight_format(f));
    let f = fit::best_fit(
        ds,
        m,
        &hardware::resolve(ds, cfg),
        &memory::workload_of(ds, cfg),
        fixed,
    )
    .unwrap();
    (f.status, f.memory.total_gb())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// More memory never turns a fitting model into a non-fitting one (same format).
    #[test]
    fn more_memory_never_hurts(model in prop::sample::select(open_models()), mem in 8.0f64..600.0, extra in 0.0f64..400.0,
                               count in 1u32..5, ctx in 1024u32..262_144, fmt in prop::sample::select(vec!["q4_k_m", "q8_0", "q2_k", "iq4_xs"])) {
        let small = Config { context_tokens: ctx, ..custom(mem, count) };
        let big = Config { context_tokens: ctx, ..custom(mem + extra, count) };
        let (a, _) = status(&small, model, Some(fmt));
        let (b, _) = status(&big, model, Some(fmt));
        prop_assert!(b <= a, "{model} {fmt}: {a:?} at {mem} GB but {b:?} at {} GB", mem + extra);
    }

    /// Longer context or more sessions never lowers memory.
    #[test]
    fn more_context_never_lowers_memory(model in prop::sample::select(open_models()), ctx in 1024u32..500_000, more in 0u32..300_000,
                                        n in 1u32..8, more_n in 0u32..8) {
        let base = Config { context_tokens: ctx, sessions: n, ..Config::default() };
        let longer = Config { context_tokens: ctx + more, sessions: n + more_n, ..Config::default() };
        let (_, a) = status(&base, model, Some("q4_k_m"));
        let (_, b) = status(&longer, model, Some("q4_k_m"));
        prop_assert!(b >= a - 1e-9);
    }

    /// The best-quant choice never picks a lower-quality format when a higher one fits.
    #[test]
    fn best_quant_is_the_best_that_fits(model in prop::sample::select(open_models()), mem in 8.0f64..1200.0, count in 1u32..4, ctx in 1024u32..200_000) {
        let ds = Dataset::bundled();
        let cfg = Config { context_tokens: ctx, quant: QuantChoice::Auto, ..custom(mem, count) };
        let m = ds.model(model).unwrap();
        let facts = m.open_facts().unwrap();
        let machine = hardware::resolve(ds, &cfg);
        let w = memory::workload_of(ds, &cfg);
        let chosen = fit::best_fit(ds, m, &machine, &w, None).unwrap();
        if chosen.status == FitStatus::Fits {
            // The search order is the preference order (native checkpoint first, then smaller
            // formats by quality): nothing before the chosen format fits.
            for f in fit::candidate_formats(ds, &facts, &machine, false).take_while(|f| f.id != chosen.format_id) {
                prop_assert!(fit::fit_at(&facts, &machine, &w, f).status != FitStatus::Fits,
                    "{model}: chose {} but {} comes first and also fits", chosen.format_id, f.id);
            }
        }
    }

    /// The largest context that fits does fit, and one step more does not.
    #[test]
    fn largest_context_is_tight(model in prop::sample::select(open_models()), mem in 16.0f64..800.0, n in 1u32..6) {
        let ds = Dataset::bundled();
        let cfg = Config { sessions: n, ..custom(mem, 1) };
        let m = ds.model(model).unwrap();
        let facts = m.open_facts().unwrap();
        let machine = hardware::resolve(ds, &cfg);
        let w = memory::workload_of(ds, &cfg);
        let q4 = ds.weight_format("q4_k_m").unwrap();
        if let Some(ctx) = fit::largest_context(&facts, &machine, &w, q4) {
            let at = |c: u32| fit::fit_at(&facts, &machine, &codefit::engine::memory::Workload { context_tokens: c, ..w }, q4).status;
            prop_assert_eq!(at(ctx), FitStatus::Fits);
            if ctx < facts.arch.max_context {
                prop_assert_ne!(at(ctx + 256), FitStatus::Fits);
            }
        }
    }
}

/// Layer placement: two different cards are not one pool. 48 GB of layers do not fit on
/// 2 × 24 GB cards once each card pays its own overhead, though 48 ≤ 2 × 24.
#[test]
fn several_cards_are_not_one_pool() {
    let ds = Dataset::bundled();
    let cfg = custom(24.0, 2);
    let machine = hardware::resolve(ds, &cfg);
    assert_eq!(machine.usable_gb(), 48.0);
    let p = codefit::engine::placement::place_layers(&machine, 46.0, 1.0, 48);
    assert!(p.rest_layers > 0, "{p:?}");
    let p = codefit::engine::placement::place_layers(&machine, 40.0, 2.0, 48);
    assert_eq!(p.rest_layers, 0);
    assert_eq!(p.shares[0].layers + p.shares[1].layers, 48);
    assert!(p.shares.iter().all(|s| s.used_gb() <= s.usable_gb + 1e-9));
}

/// A PRO 6000 (96 GB) and a 5090 (32 GB) take layers in proportion to their free memory.
#[test]
fn mixed_cards_split_by_free_memory() {
    let ds = Dataset::bundled();
    let cfg = Config::with_preset(ds.preset("pro6000-5090").unwrap());
    let machine = hardware::resolve(ds, &cfg);
    let p = codefit::engine::placement::place_layers(&machine, 100.0, 10.0, 62);
    let (big, small) = (p.shares[0].layers as f64, p.shares[1].layers as f64);
    assert_eq!(big + small, 62.0);
    assert!((big / small - 95.0 / 31.0).abs() < 0.35, "{big} vs {small}");
}

/// Unified memory: the GPU share limits what a Mac can use, and raising it changes the answer.
#[test]
fn unified_share_matters() {
    let ds = Dataset::bundled();
    let base = Config::with_preset(ds.preset("mac256").unwrap());
    assert!((hardware::resolve(ds, &base).usable_gb() - 192.0).abs() < 1e-9);
    let raised = Config {
        gpu_share: Some(0.9),
        ..base.clone()
    };
    assert!((hardware::resolve(ds, &raised).usable_gb() - 230.4).abs() < 1e-9);
    let q3 = Some("q3_k_m");
    assert_eq!(status(&base, "qwen3.5-397b-a17b", q3).0, FitStatus::NoFit);
    assert_eq!(status(&raised, "qwen3.5-397b-a17b", q3).0, FitStatus::Fits);
}

/// The decode ceiling is bandwidth ÷ bytes per token: GPT-OSS-120B's MXFP4 GGUF under
/// llama.cpp on one RTX PRO 6000 (1792 GB/s), 64k context. Routed experts: (116.8 − 5.1 −
/// 0.5791 input table) / (1 − 4/128) = 114.705B, of which 4/128 = 3.5845B per token at 4.25
/// bits = 1.9043 GB; the rest a token reads (0.9363B attention + 0.5791B output head) at the
/// GGUF's Q8_0, 8.5 bits = 1.6102 GB; KV of one session at 64k = (18 × 65,536 + 18 × 128) ×
/// 2048 B = 2.4204 GB; 1792 / 5.9349 = 301.9 tok/s.
#[test]
fn decode_ceiling_hand_computed() {
    let ds = Dataset::bundled();
    let a = analyze(ds, &Config::default());
    let row = a
        .rows
        .iter()
        .find(|r| r.model.id == "gpt-oss-120b")
        .unwrap();
    let tok_s = row.decode_tok_s.unwrap();
    assert!((tok_s - 301.9).abs() < 0.2, "{tok_s}");
}

/// The quantization penalty is off by default and, when on, lowers a quantized model's value
/// by the format's assumed loss relative to its native format.
#[test]
fn penalty_applies_relative_to_native_format() {
    let ds = Dataset::bundled();
    let on = analyze(
        ds,
        &Config {
            penalty: true,
            quant: QuantChoice::Fixed("q4_k_m".into()),
            ..Config::default()
        },
    );
    let off = analyze(
        ds,
        &Config {
            quant: QuantChoice::Fixed("q4_k_m".into()),
            ..Config::default()
        },
    );
    let get = |a: &Analysis, id: &str| {
        a.rows
            .iter()
            .find(|r| r.model.id == id)
            .unwrap()
            .value
            .unwrap()
    };
    assert!(
        (get(&on, "qwen3-coder-next") - 70.6 * 0.97).abs() < 1e-9,
        "BF16 native: 3% at Q4_K_M"
    );
    assert!((get(&off, "qwen3-coder-next") - 70.6).abs() < 1e-9);
}

/// Profiles: a model needs half the profile's weight to be ranked, and missing benchmarks
/// are reported as coverage.
#[test]
fn profile_coverage_rule() {
    let ds = Dataset::bundled();
    let cfg = Config {
        rank: codefit::engine::config::RankBy::Profile("balanced".into()),
        data: codefit::engine::config::DataDate::Seed,
        ..Config::default()
    };
    let a = analyze(ds, &cfg);
    let oss = a
        .rows
        .iter()
        .find(|r| r.model.id == "gpt-oss-120b")
        .unwrap();
    assert_eq!(oss.coverage, 1.0);
    // (62.4 + 83.2 + 68.4 + 83) / 4 = 74.25
    assert!((oss.value.unwrap() - 74.25).abs() < 1e-9);
    let next = a
        .rows
        .iter()
        .find(|r| r.model.id == "qwen3-coder-next")
        .unwrap();
    assert_eq!(next.coverage, 0.25);
    assert!(next.value.is_none(), "one benchmark of four is not enough");
}
