//! The import pipeline: the committed dataset is exactly the import's output of the committed
//! snapshots and curated files (so nobody hand-edits generated files, and the import is
//! deterministic), and the fixtures' output is pinned.

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
