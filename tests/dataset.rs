//! The bundled dataset loads, validates, and holds every figure of the seed document.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "test helpers outside #[test] fns: a panic there is a failing test"
)]

use codefit::engine::dataset::{Dataset, SEED_DATE};
use codefit::engine::date::Date;

/// The day this suite was written; the validation below also runs against the real clock.
const TODAY: Date = Date::literal(2026, 11, 25);

fn system_today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    Date::from_days_since_epoch((secs / 86_400) as i64).unwrap()
}

#[test]
fn bundled_dataset_loads_and_validates() {
    let ds = Dataset::bundled();
    let problems = ds.validate(system_today().max(TODAY));
    assert!(problems.is_empty(), "dataset problems: {problems:#?}");
    assert!(
        ds.models.len() >= 25 && ds.scores.len() >= 40,
        "dataset looks truncated"
    );
}

#[test]
fn validation_catches_broken_records() {
    let ds = Dataset::bundled();
    let mut broken = ds.clone();
    broken.scores[0].value = 180.0;
    broken.scores[1].source = "not a link".into();
    broken.models[0].released = Date::literal(2027, 1, 1);
    let dup = broken.models[1].clone();
    broken.models.push(dup);
    let problems = broken.validate(TODAY);
    assert!(
        problems.iter().any(|p| p.contains("out of range")),
        "{problems:?}"
    );
    assert!(
        problems.iter().any(|p| p.contains("no https source")),
        "{problems:?}"
    );
    assert!(
        problems.iter().any(|p| p.contains("in the future")),
        "{problems:?}"
    );
    assert!(
        problems.iter().any(|p| p.contains("duplicate model id")),
        "{problems:?}"
    );
}

/// The launch facts per format are data, so the rules keep them usable: a format llama.cpp loads
/// names its GGUF tag, and a KV precision's flag value belongs to a runtime that runs it.
#[test]
fn validation_catches_broken_launch_facts() {
    let mut broken = Dataset::bundled().clone();
    let q4 = broken
        .weight_formats
        .iter_mut()
        .find(|f| f.id == "q4_k_m")
        .unwrap();
    q4.launch.gguf_tag = None;
    let fp8 = broken
        .kv_formats
        .iter_mut()
        .find(|k| k.id == "fp8")
        .unwrap();
    fp8.cache_dtype.insert("llama.cpp".into(), "fp8".into());
    let problems = broken.validate(TODAY);
    assert!(
        problems
            .iter()
            .any(|p| p.contains("q4_k_m") && p.contains("GGUF tag")),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.contains("KV-cache format fp8") && p.contains("cache_dtype")),
        "{problems:?}"
    );
}

#[test]
fn seed_date_literal_is_a_real_date() {
    assert_eq!(Date::parse("2026-02-18"), Some(SEED_DATE));
}

/// Every figure in the seed's four tables, as the seed writes it: (seed label, benchmark,
/// variant, value). The dataset must hold each one, marked as a seed figure.
const SEED_FIGURES: &[(&str, &str, Option<&str>, f64)] = &[
    ("Claude Opus 4.5", "swe_verified", None, 80.9),
    ("MiniMax-M2.5", "swe_verified", None, 80.2),
    ("Claude Opus 4.6", "swe_verified", None, 80.8),
    ("GPT-5.2", "swe_verified", None, 80.0),
    ("Claude Sonnet 4.5", "swe_verified", None, 77.2),
    ("Qwen3.5-397B-A17B", "swe_verified", None, 76.4),
    ("Gemini 3 Pro", "swe_verified", None, 76.2),
    ("GPT-5", "swe_verified", None, 74.9),
    ("DeepSeek-V3.2", "swe_verified", None, 73.0),
    ("Qwen3-Coder-Next-80B", "swe_verified", None, 70.6),
    ("GPT-OSS-120B", "swe_verified", None, 62.4),
    ("DeepSeek-R1-0528", "swe_verified", None, 57.6),
    ("Qwen3-Coder-30B-A3B", "swe_verified", None, 51.0),
    ("GPT-4o", "swe_verified", None, 33.2),
    ("GPT-5 / GPT-5.2", "lcb_v6", None, 88.0),
    ("Claude Opus 4.5", "lcb_v6", None, 87.0),
    ("Qwen3.5-397B-A17B", "lcb_v6", None, 83.6),
    ("GPT-OSS-120B", "lcb_v6", None, 83.2),
    ("DeepSeek-V3", "lcb_v6", None, 73.3),
    ("Gemini 2.5 Pro", "lcb_v5", None, 70.4),
    ("MiniMax-M2.5", "lcb_v6", None, 65.0),
    ("Claude Opus 4.5", "aider_polyglot", None, 89.4),
    ("GPT-5", "aider_polyglot", None, 88.0),
    ("Gemini 2.5 Pro", "aider_polyglot", None, 83.1),
    ("Claude Sonnet 4.5", "aider_polyglot", None, 78.8),
    ("DeepSeek-R1", "aider_polyglot", None, 71.4),
    ("GPT-OSS-120B", "aider_polyglot", Some("diff"), 68.4),
    ("DeepSeek-V3", "aider_polyglot", Some("whole"), 55.0),
    ("GPT-OSS-120B", "aider_polyglot", Some("whole"), 41.8),
    ("Claude Opus 4", "practical_16x", None, 9.2),
    ("Claude Sonnet 4", "practical_16x", None, 8.75),
    ("Grok 4", "practical_16x", None, 8.4),
    ("GPT-OSS-120B", "practical_16x", None, 8.3),
    ("GPT-4.1", "practical_16x", None, 8.2),
    ("Gemini 2.5 Pro", "practical_16x", None, 7.25),
    ("Qwen3-Coder", "practical_16x", None, 6.8),
    ("DeepSeek-V3", "practical_16x", None, 6.7),
];

#[test]
fn every_seed_figure_is_present_with_its_source() {
    let ds = Dataset::bundled();
    for &(label, bench, variant, value) in SEED_FIGURES {
        let hit = ds.scores.iter().find(|s| {
            s.in_seed
                && s.seed_label.as_deref() == Some(label)
                && s.bench == bench
                && s.variant.as_deref() == variant
                && (s.value - value).abs() < 1e-9
        });
        let s = hit
            .unwrap_or_else(|| panic!("missing seed figure {label} {bench} {variant:?} {value}"));
        assert!(s.source.starts_with("https://"), "{label}: no source");
    }
    // The combined "GPT-5 / GPT-5.2 ~87-89%" row is one record per model, each with the range.
    let combined: Vec<_> = ds
        .scores
        .iter()
        .filter(|s| s.seed_label.as_deref() == Some("GPT-5 / GPT-5.2"))
        .collect();
    assert_eq!(combined.len(), 2);
    assert!(
        combined
            .iter()
            .all(|s| s.range == Some([87.0, 89.0]) && s.approx)
    );
    // Nothing else is marked as a seed figure.
    let seed_records = ds.scores.iter().filter(|s| s.in_seed).count();
    assert_eq!(
        seed_records,
        SEED_FIGURES.len() + 1,
        "one seed row became two records (GPT-5 and GPT-5.2)"
    );
}

#[test]
fn seed_aliases_resolve_without_merging_releases() {
    let ds = Dataset::bundled();
    assert_eq!(
        ds.model_named("Qwen3-Coder-Next-80B")
            .map(|m| m.id.as_str()),
        Some("qwen3-coder-next")
    );
    assert_eq!(
        ds.model_named("Qwen3-Coder-Next").map(|m| m.id.as_str()),
        Some("qwen3-coder-next")
    );
    assert_eq!(
        ds.model_named("DeepSeek-R1").map(|m| m.id.as_str()),
        Some("deepseek-r1")
    );
    assert_eq!(
        ds.model_named("DeepSeek-R1-0528").map(|m| m.id.as_str()),
        Some("deepseek-r1-0528")
    );
    assert_eq!(
        ds.model_named("Qwen3-Coder").map(|m| m.id.as_str()),
        Some("qwen3-coder-480b-a35b")
    );
}

#[test]
fn lcb_v5_is_never_ranked_as_v6() {
    let ds = Dataset::bundled();
    let v5 = ds
        .scores
        .iter()
        .find(|s| s.model == "gemini-2.5-pro" && s.bench.starts_with("lcb"))
        .unwrap();
    assert_eq!(v5.bench, "lcb_v5");
}

#[test]
fn seed_parameter_counts_that_differ_from_model_cards_are_kept() {
    let ds = Dataset::bundled();
    let p = ds.model("gpt-oss-120b").unwrap().params.as_ref().unwrap();
    assert_eq!((p.seed_total_b, p.seed_active_b), (Some(120.0), Some(20.0)));
    assert!(
        (p.total_b - 116.8).abs() < 0.1 && (p.active_b - 5.1).abs() < 0.1,
        "the maths uses the model card"
    );
}

#[test]
fn validation_checks_architecture_against_parameter_counts() {
    let ds = Dataset::bundled();
    let mut broken = ds.clone();
    let i = broken
        .models
        .iter()
        .position(|m| m.id == "qwen3-coder-30b-a3b")
        .unwrap();
    // Drop the expert facts: 30.5B total / 3.3B active can no longer be a dense model.
    broken.models[i].arch.as_mut().unwrap().experts = None;
    let j = broken
        .models
        .iter()
        .position(|m| m.id == "gpt-oss-120b")
        .unwrap();
    // With 120 of 128 experts active, 5.1B active out of 116.8B leaves no room for a dense part.
    broken.models[j]
        .arch
        .as_mut()
        .unwrap()
        .experts
        .as_mut()
        .unwrap()
        .active = 120;
    let problems = broken.validate(TODAY);
    assert!(
        problems
            .iter()
            .any(|p| p.contains("qwen3-coder-30b-a3b") && p.contains("dense")),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.contains("gpt-oss-120b") && p.contains("expert counts disagree")),
        "{problems:?}"
    );
}
