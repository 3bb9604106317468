//! The engine against published numbers: weights vs GGUF file sizes
//! (src/data/gguf_sizes.json), decode and prefill estimates vs published measurements
//! (src/data/measurements.json). Each test prints every case's error and fails when the median
//! or the worst case passes its bound. The page's method panel shows the same statistics
//! (engine::accuracy).

use codefit::engine::accuracy;
use codefit::engine::calibration::{self, Band};
use codefit::engine::dataset::Dataset;
use codefit::engine::fit::TIGHT_MARGIN;

/// Bounds, justified: GGUF "K" mixes keep some tensors (embeddings, output, attention) at
/// higher precision than the nominal type, and dynamic/imatrix quants vary by uploader, so a
/// single bits-per-weight per type cannot be exact. Across the pairs the median must stay
/// within 3% and the worst within 15% (the worst is GLM-4.5-Air from Ollama's rounded listing
/// of a dynamic quant that keeps more tensors at high precision, plus its extra MTP layer);
/// 90% must be within TIGHT_MARGIN, the margin the page uses to call a fit "tight".
#[test]
fn weights_against_gguf_file_sizes() {
    let ds = Dataset::bundled();
    assert!(ds.file_sizes.len() >= 15);
    let kinds: std::collections::HashSet<&str> =
        ds.file_sizes.iter().map(|s| s.kind.as_str()).collect();
    for k in ["dense", "moe", "mla", "hybrid", "sliding"] {
        assert!(kinds.contains(k), "the fixture covers {k} models");
    }
    let cases = accuracy::weight_cases(ds);
    assert_eq!(
        cases.len(),
        ds.file_sizes.len(),
        "every fixture row names a known model and format"
    );
    for c in &cases {
        println!(
            "{:40} file {:7.1} GB  est {:7.1} GB  {:+6.1}%  {}",
            c.label,
            c.published,
            c.estimate,
            c.error() * 100.0,
            c.source
        );
    }
    let s = accuracy::error_stats(&cases).unwrap();
    println!(
        "weights vs files: median {:.1}%, p90 {:.1}%, worst {:.1}% over {} pairs",
        s.median_abs * 100.0,
        s.p90_abs * 100.0,
        s.worst_abs * 100.0,
        s.cases
    );
    assert!(s.median_abs <= 0.03, "median error {}", s.median_abs);
    assert!(s.worst_abs <= 0.15, "worst error {}", s.worst_abs);
    assert!(
        s.p90_abs <= TIGHT_MARGIN,
        "p90 {} exceeds the tight margin {TIGHT_MARGIN}",
        s.p90_abs
    );
}

/// No measurement may exceed the bandwidth ceiling: that would mean the ceiling's bytes per
/// token are wrong. 10% of slack: two independent vLLM reports of gpt-oss-120b on a DGX Spark
/// (58.5 and 60.7 tok/s) sit 7% and 10% above the ceiling of the checkpoint as OpenAI's card
/// stores it (BF16 attention and output head), which suggests vLLM reads less than that per
/// token there; neither source says speculative decoding was on. Everything else is below.
#[test]
fn no_measurement_beats_the_bandwidth_ceiling() {
    let ds = Dataset::bundled();
    let (decode, _) = calibration::samples(ds);
    assert!(!decode.is_empty());
    for s in &decode {
        println!(
            "{:70} measured {:7.1} ceiling {:7.1}",
            s.label, s.measured_tok_s, s.ceiling_tok_s
        );
        assert!(
            s.ceiling_tok_s >= s.measured_tok_s * 0.90,
            "{}: measured above the ceiling",
            s.label
        );
    }
}

fn show(what: &str, b: &Band) {
    println!(
        "{what}: median {:.0}%, p90 {:.0}%, worst {:.0}% over {} (signed p10 {:+.0}%, p90 {:+.0}%)",
        b.median_abs * 100.0,
        b.p90_abs * 100.0,
        b.worst_abs * 100.0,
        b.cases,
        b.p10 * 100.0,
        b.p90 * 100.0
    );
}

/// Decode errors out of sample (leave-one-device-out: each device's cases are estimated with
/// constants fitted on the other devices). Bounds, justified by the fixture as it stands on
/// 2026-12-02 (195 cases on 47 devices under 4 runtimes; over all runtimes the out-of-sample
/// median is 17% and the 90th percentile 54%, llama.cpp alone 16% and 33%): a few points above
/// those, so a regression fails and noise does not. Tighten them as the model improves.
#[test]
fn decode_out_of_sample_is_bounded() {
    const BOUND_MEDIAN: f64 = 0.20;
    const BOUND_P90: f64 = 0.62;
    const BOUND_LLAMA_MEDIAN: f64 = 0.19;
    const BOUND_LLAMA_P90: f64 = 0.38;
    let ds = Dataset::bundled();
    let cal = &ds.calibration;
    for (r, b) in &cal.decode_bands {
        show(&format!("decode OOS {}", r.map_or("all", |r| r.name())), b);
    }
    for (r, b) in &cal.decode_in_sample {
        show(
            &format!("decode in-sample {}", r.map_or("all", |r| r.name())),
            b,
        );
    }
    for (k, b) in &cal.by_attention {
        show(&format!("decode OOS {k}"), b);
    }
    for (label, _, e) in &cal.worst {
        println!("worst: {label} {:+.0}%", e * 100.0);
    }
    let all = cal
        .decode_bands
        .iter()
        .find(|(r, _)| r.is_none())
        .unwrap()
        .1;
    assert!(all.cases >= 150, "{all:?}");
    let llama = cal
        .decode_band(codefit::engine::runtime::Runtime::LlamaCpp)
        .unwrap();
    assert!(
        llama.median_abs <= BOUND_LLAMA_MEDIAN && llama.p90_abs <= BOUND_LLAMA_P90,
        "{llama:?}"
    );
    let (decode, prefill) = calibration::samples(ds);
    let devices: std::collections::HashSet<&str> =
        decode.iter().map(|s| s.device.as_str()).collect();
    let runtimes: std::collections::HashSet<_> = decode.iter().map(|s| s.runtime).collect();
    assert!(
        devices.len() >= 20 && runtimes.len() >= 3 && prefill.len() >= 20,
        "fixture size"
    );
    assert!(all.median_abs <= BOUND_MEDIAN, "{all:?}");
    assert!(all.p90_abs <= BOUND_P90, "{all:?}");
    // Out of sample is never better than in sample by construction of the fit.
    let inside = cal
        .decode_in_sample
        .iter()
        .find(|(r, _)| r.is_none())
        .unwrap()
        .1;
    assert!(
        all.median_abs >= inside.median_abs * 0.8,
        "{all:?} vs {inside:?}"
    );
}

/// Prefill (time to first token) out of sample, leave-one-device-out over the cases with a
/// compute figure for their device. Compute efficiency varies most (Strix Halo under Vulkan/ROCm
/// reaches 5–32% of peak, NVIDIA cards 16–99%), and most cases are a few devices: held out, one
/// is estimated from the others and comes out 2–4× off, so the median is 155% over 42 cases on
/// 2026-12-02. The bound keeps that from getting worse; it is the model's weakest figure.
#[test]
fn prefill_out_of_sample_is_bounded() {
    const BOUND_MEDIAN: f64 = 1.8;
    let ds = Dataset::bundled();
    let b = ds.calibration.prefill_band.expect("prefill cases");
    show("prefill OOS", &b);
    assert!(b.cases >= 20 && b.median_abs <= BOUND_MEDIAN, "{b:?}");
}

/// The range an estimate carries holds the measured value for about 80% of the cases out of
/// sample (the 10th–90th percentile band): never fewer than 60%.
#[test]
fn ranges_hold_most_measurements() {
    let ds = Dataset::bundled();
    let (decode, _) = calibration::samples(ds);
    let cal = &ds.calibration;
    let mut inside = 0;
    for s in &decode {
        let est = cal
            .decode_for(s.vendor, s.runtime)
            .estimate(s.ceiling_tok_s);
        let (lo, hi) = cal.decode_band(s.runtime).unwrap().range(est);
        inside += usize::from((lo..=hi).contains(&s.measured_tok_s));
    }
    let share = inside as f64 / decode.len() as f64;
    println!(
        "{inside} of {} measurements inside their range",
        decode.len()
    );
    assert!(share >= 0.7, "{share}");
}

/// Memory against allocations runtimes printed (src/data/memory_cases.json: weights, KV cache
/// and compute buffers from llama.cpp and ik_llama.cpp logs, 18 cases across dense, MoE, latent,
/// sliding-window and hybrid models). The overhead is an assumption, not fitted, so these
/// errors are out of sample. Bounds from the cases on 2026-12-02: the KV formula is exact in
/// the median and the total (measured weights + the engine's KV + its overhead) within 3% in
/// the median and 5% at the 90th percentile (bounds: 5% and 10%); the misses are runtime choices the engine does
/// not model (ik_llama.cpp's extra MLA cache for Kimi K2, LM Studio's full-size sliding-window
/// cache, 5–6 GB compute buffers per GPU on 15-GPU DeepSeek runs).
#[test]
fn memory_against_measured_allocations() {
    let ds = Dataset::bundled();
    let samples = calibration::memory_samples(ds);
    for s in &samples {
        println!(
            "{:72} KV {:+5.0}%  total {:+5.1}%  compute/device {:.2} GB",
            s.label,
            s.kv_error() * 100.0,
            s.total_error() * 100.0,
            s.measured_compute_gb / s.devices as f64
        );
    }
    let r = &ds.calibration.memory_cases;
    let kinds: std::collections::HashSet<&str> =
        r.by_attention.iter().map(|(k, _)| k.as_str()).collect();
    assert!(samples.len() >= 15, "{} cases", samples.len());
    for k in [
        "full attention",
        "latent",
        "sliding window",
        "hybrid linear",
    ] {
        assert!(kinds.contains(k), "memory cases cover {k}");
    }
    let kv = r.kv.unwrap();
    let total = r.total.unwrap();
    show("KV formula", &kv);
    show("total", &total);
    assert!(kv.median_abs <= 0.01, "{kv:?}");
    assert!(
        total.median_abs <= 0.05 && total.p90_abs <= 0.10,
        "{total:?}"
    );
}

/// Decode depends on context depth: the KV cache is read every token (sliding-window and
/// latent layers read less). For every device, model, format and runtime measured at several
/// depths, the estimate's slowdown from the shallowest to each deeper point is compared with
/// the measured one. On 2026-12-02 the median ratio error is 11% over 31 pairs; bound: 15%.
#[test]
fn decode_slows_with_depth_as_measured() {
    let ds = Dataset::bundled();
    let (decode, _) = calibration::samples(ds);
    let mut groups: std::collections::BTreeMap<
        (String, String, String),
        Vec<&calibration::DecodeSample>,
    > = Default::default();
    for s in &decode {
        groups
            .entry((
                s.device.clone(),
                s.model.clone(),
                format!("{:?}", s.runtime),
            ))
            .or_default()
            .push(s);
    }
    let mut errors = Vec::new();
    for (key, mut g) in groups {
        g.sort_by_key(|s| s.depth);
        let (first, last) = (g[0], g[g.len() - 1]);
        if last.depth < first.depth + 4096 {
            continue;
        }
        for s in g.iter().skip(1).filter(|s| s.depth >= first.depth + 4096) {
            let measured = s.measured_tok_s / first.measured_tok_s;
            let cal = &ds.calibration;
            let fit = cal.decode_for(s.vendor, s.runtime);
            let estimated = fit.estimate(s.ceiling_tok_s) / fit.estimate(first.ceiling_tok_s);
            println!(
                "{key:?} {} → {} tokens: measured ×{measured:.2}, estimated ×{estimated:.2}",
                first.depth, s.depth
            );
            errors.push((estimated / measured - 1.0).abs());
        }
    }
    errors.sort_by(f64::total_cmp);
    assert!(errors.len() >= 20, "depth sweeps: {} pairs", errors.len());
    let median = errors[errors.len() / 2];
    println!(
        "depth: median ratio error {:.0}% over {} pairs",
        median * 100.0,
        errors.len()
    );
    assert!(median <= 0.15, "{median}");
}
