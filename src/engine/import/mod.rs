//! The import: snapshots of public sources + the curated overrides → `models.json` and
//! `scores.json`, a snapshot list and a diff report.
//!
//! Inputs are the files under `sources/` (see `sources/README.md`), handed over as a map of
//! relative path → text, so the import itself never touches the disk or the network and is
//! tested on small fixtures. It is deterministic: the same files give byte-identical output.
//!
//! Order of precedence, per fact:
//! - architecture: the model's Hugging Face `config.json` through its `model_type` mapper
//!   (`hf.rs`); a catalog entry may instead carry the facts inline with a reason, or say why the
//!   memory cannot be computed;
//! - release date, open-weights flag, context: the catalog's own value (with its reason) over
//!   models.dev's; every disagreement is reported;
//! - scores: every record is kept with its provenance; records that disagree (same model,
//!   benchmark, variant and harness, another value) are reported as conflicts, and either a
//!   curated choice drops one (with its reason) or the ranking rule picks (leaderboard over
//!   third-party over vendor, then a source-dated figure, then the newest).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "native-only tool run on committed snapshots: a panic names a broken snapshot, never a user's input"
)]

pub mod catalog;
pub use super::hf_config as hf;
pub mod leaderboards;
pub mod modelsdev;
pub mod report;

use std::collections::BTreeMap;

/// The files the import reads: path relative to `sources/` → text.
pub type Files = BTreeMap<String, String>;

/// What the import writes.
#[derive(Debug, PartialEq)]
pub struct Output {
    /// `src/data/models.json`
    pub models_json: String,
    /// `src/data/scores.json`
    pub scores_json: String,
    /// `sources/SNAPSHOTS.json`: every snapshot file read, with repository, commit and licence.
    pub snapshots_json: String,
    /// `sources/IMPORT-REPORT.md`: counts, conflicts and how each was settled, disagreements,
    /// unmapped benchmark names.
    pub report_md: String,
}

/// Runs the whole import; errors name the file and the field.
pub fn run(files: &Files) -> Result<Output, Vec<String>> {
    catalog::build(files)
}

/// Reads every text file under `dir` into a [`Files`] map (paths relative to `dir`, with `/`).
/// The only disk access of the import, used by the command line.
pub fn read_dir(dir: &std::path::Path) -> Result<Files, String> {
    fn walk(base: &std::path::Path, dir: &std::path::Path, out: &mut Files) -> Result<(), String> {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .filter_map(Result::ok)
            .collect();
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            let path = entry.path();
            if path.is_dir() {
                walk(base, &path, out)?;
            } else if let Ok(text) = std::fs::read_to_string(&path) {
                let rel = path
                    .strip_prefix(base)
                    .map_err(|e| e.to_string())?
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/");
                out.insert(rel, text);
            }
        }
        Ok(())
    }
    let mut files = Files::new();
    walk(dir, dir, &mut files)?;
    Ok(files)
}
