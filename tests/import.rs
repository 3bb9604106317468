//! The import pipeline: the committed dataset is exactly the import's output of the committed
//! snapshots and curated files (so nobody hand-edits generated files, and the import is
//! deterministic), and the fixtures' output is pinned.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "test helpers outside #[test] fns: a panic there is a failing test"
)]

use codefit::engine::import;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `src/data/models.json` and `scores.json` are what `cargo run -- import` writes from
/// `sources/`: a hand edit, a stale import or a non-deterministic import would differ.
#[test]
fn committed_dataset_is_the_import_output() {
    let files = import::read_dir(&root().join("sources")).expect("sources/ readable");
    let out = import::run(&files).unwrap_or_else(|e| panic!("import fails: {e:#?}"));
    let read = |p: &str| std::fs::read_to_string(root().join(p)).unwrap();
    assert!(
        out.models_json == read("src/data/models.json"),
        "src/data/models.json is stale: run `cargo run -- import`"
    );
    assert!(
        out.scores_json == read("src/data/scores.json"),
        "src/data/scores.json is stale: run `cargo run -- import`"
    );
    assert!(
        out.snapshots_json == read("sources/SNAPSHOTS.json"),
        "sources/SNAPSHOTS.json is stale"
    );
    assert!(
        out.report_md == read("sources/IMPORT-REPORT.md"),
        "sources/IMPORT-REPORT.md is stale"
    );
    // Idempotent: a second run over the same files gives the same bytes.
    assert_eq!(import::run(&files).unwrap(), out);
}

fn fixture_output() -> import::Output {
    let files = import::read_dir(&root().join("tests/fixtures/import")).unwrap();
    // The pinned output itself is not an input.
    let files = files
        .into_iter()
        .filter(|(p, _)| !p.starts_with("expected/"))
        .collect();
    import::run(&files).unwrap_or_else(|e| panic!("fixture import fails: {e:#?}"))
}

/// Real files, transcribed: models.dev's Qwen3-Coder-30B-A3B and Claude Opus 4.7 files (Opus
/// trimmed to its first entries), Qwen's config.json, and a small catalog. The output is pinned
/// in `tests/fixtures/import/expected/`; what it must show is asserted below, so a change to
/// the pinned files is read, not rubber-stamped.
#[test]
fn fixture_import_is_pinned() {
    let out = fixture_output();
    let dir = root().join("tests/fixtures/import/expected");
    if std::env::var_os("CODEFIT_PIN").is_some() {
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("models.json"), &out.models_json).unwrap();
        std::fs::write(dir.join("scores.json"), &out.scores_json).unwrap();
        std::fs::write(dir.join("report.md"), &out.report_md).unwrap();
    }
    let read = |p: &str| std::fs::read_to_string(dir.join(p)).unwrap();
    assert_eq!(out.models_json, read("models.json"));
    assert_eq!(out.scores_json, read("scores.json"));
    assert_eq!(out.report_md, read("report.md"));
}

#[test]
fn fixture_import_maps_what_the_sources_say() {
    let out = fixture_output();
    let models: serde_json::Value = serde_json::from_str(&out.models_json).unwrap();
    let scores: serde_json::Value = serde_json::from_str(&out.scores_json).unwrap();
    let qwen = &models[0];
    // From config.json: 48 layers, all full attention with 4 KV heads of 128; 128 experts, 8 active.
    assert_eq!(qwen["arch"]["layers"], 48);
    assert_eq!(qwen["arch"]["layer_groups"][0]["kind"], "full");
    assert_eq!(qwen["arch"]["layer_groups"][0]["kv_heads"], 4);
    assert_eq!(qwen["arch"]["layer_groups"][0]["head_dim"], 128);
    assert_eq!(qwen["arch"]["experts"]["count"], 128);
    assert_eq!(qwen["arch"]["max_context"], 262_144);
    // The catalog's release date wins over models.dev's "2025-04", with its reason reported.
    assert_eq!(qwen["released"], "2025-07-31");
    assert!(out.report_md.contains("models.dev writes 2025-04"));
    // Open weights from models.dev.
    assert_eq!(models[1]["open_weight"], false);
    // A model without a config keeps its reason instead of an architecture.
    assert_eq!(
        models[2]["memory_unknown"],
        "memory not computed: no published config"
    );
    assert!(models[2]["arch"].is_null());
    let list = scores.as_array().unwrap();
    let find = |m: &str, b: &str| {
        list.iter()
            .filter(|s| s["model"] == m && s["bench"] == b)
            .collect::<Vec<_>>()
    };
    // openrouter.ai's Artificial Analysis figures are third-party, with the snapshot recorded.
    let aa = find("qwen3-coder-30b-a3b", "aa_coding_index");
    assert_eq!(aa.len(), 1);
    assert_eq!(aa[0]["value"], 19.4);
    assert_eq!(aa[0]["provenance"], "third_party");
    assert_eq!(aa[0]["as_of"], "2026-06-02");
    assert!(
        aa[0]["snapshot"]
            .as_str()
            .unwrap()
            .starts_with("anomalyco/models.dev@f3fc692299671838")
    );
    // Terminal-Bench 2.1 keeps only the Terminus-2 run; agent-product runs are skipped with a reason.
    let tb = find("claude-opus-4.7", "terminal_bench_2_1");
    assert_eq!(tb.len(), 1);
    assert_eq!(tb[0]["harness"], "Terminus-2");
    assert!(out.report_md.contains("agent-product harness runs"));
    // Two sources disagree on Opus 4.7's SWE-Bench Pro: both kept, the conflict reported.
    assert_eq!(find("claude-opus-4.7", "swe_pro_public").len(), 2);
    assert!(
        out.report_md
            .contains("**claude-opus-4.7 / swe_pro_public**"),
        "{}",
        out.report_md
    );
}

/// Files the import cannot read fail with the file and field named, never a guess.
#[test]
fn import_errors_name_the_problem() {
    let mut files = import::read_dir(&root().join("tests/fixtures/import")).unwrap();
    files.retain(|p, _| !p.starts_with("expected/"));
    let config = "hf/Qwen/Qwen3-Coder-30B-A3B-Instruct/config.json".to_string();
    let text = files[&config].replace("\"num_key_value_heads\": 4,", "");
    files.insert(config, text);
    let errors = import::run(&files).unwrap_err();
    assert!(
        errors
            .iter()
            .any(|e| e.contains("qwen3-coder-30b-a3b") && e.contains("num_key_value_heads")),
        "{errors:?}"
    );
}
