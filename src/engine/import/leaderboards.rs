//! Independent leaderboards whose data is public in a repository: their rows for catalog
//! models become scores with provenance "leaderboard". `curated/leaderboards.json` says how to
//! read each file (under `leaderboards/`, with its repository, commit and licence): the
//! benchmark id it feeds and the fields that hold the model name, the score and the date.
//! JSON and YAML files are read.

use super::Files;
use super::catalog::{SnapshotFile, json_value, snapshot_id};
use crate::engine::dataset::{DateBasis, Provenance, Score};
use crate::engine::date::Date;
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;

#[derive(Debug, Default)]
pub struct Imported {
    pub scores: Vec<Score>,
    pub snapshots: Vec<SnapshotFile>,
    /// Model names on a leaderboard that no catalog entry claims.
    pub unmatched: Vec<String>,
}

/// How to read one leaderboard file (a JSON array of row objects, or an object holding one).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Board {
    /// File under `leaderboards/`.
    pub local: String,
    pub repo: String,
    pub path: String,
    pub commit: String,
    pub licence: String,
    /// Dataset benchmark id the rows feed.
    pub bench: String,
    /// The page a reader can check the row on.
    pub url: String,
    /// JSON pointer to the rows array ("" for the whole file).
    #[serde(default)]
    pub rows: String,
    pub model_field: String,
    pub score_field: String,
    /// Multiply the score by this (1 for percentages, 100 for fractions).
    #[serde(default = "one")]
    pub score_scale: f64,
    #[serde(default)]
    pub date_field: Option<String>,
    /// Used when rows carry no date: the commit date of the snapshot.
    pub commit_date: Date,
    #[serde(default)]
    pub harness_field: Option<String>,
    /// The harness every row uses, when the board fixes one.
    #[serde(default)]
    pub harness: Option<String>,
    #[serde(default)]
    pub variant_field: Option<String>,
}

fn one() -> f64 {
    1.0
}

#[derive(Deserialize)]
struct Manifest {
    boards: Vec<Board>,
}

fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn number_of(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().trim_end_matches('%').parse().ok(),
        _ => None,
    }
}

/// Reads every board of the manifest; `names` maps a lower-cased leaderboard name to a model id.
pub fn import(files: &Files, names: &BTreeMap<String, String>) -> Result<Imported, Vec<String>> {
    let mut out = Imported::default();
    const BOARDS: &str = "curated/leaderboards.json";
    if !files.contains_key(BOARDS) {
        return Ok(out);
    }
    let manifest: Manifest =
        serde_json::from_value(json_value(files, BOARDS).map_err(|e| vec![e])?)
            .map_err(|e| vec![format!("{BOARDS}: {e}")])?;
    let mut errors = Vec::new();
    for b in &manifest.boards {
        let local = format!("leaderboards/{}", b.local);
        let parsed = if local.ends_with(".yml") || local.ends_with(".yaml") {
            files
                .get(&local)
                .ok_or_else(|| format!("{local}: missing"))
                .and_then(|t| serde_yaml::from_str::<Value>(t).map_err(|e| format!("{local}: {e}")))
        } else {
            json_value(files, &local)
        };
        let doc = match parsed {
            Ok(v) => v,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        let Some(Value::Array(rows)) = doc.pointer(&b.rows) else {
            errors.push(format!("{local}: no row array at `{}`", b.rows));
            continue;
        };
        let snapshot = snapshot_id(&b.repo, &b.commit, &b.path);
        out.snapshots.push(SnapshotFile {
            local: local.clone(),
            repo: b.repo.clone(),
            commit: b.commit.clone(),
            path: b.path.clone(),
            licence: b.licence.clone(),
        });
        for (i, row) in rows.iter().enumerate() {
            let Some(name) = row.get(&b.model_field).and_then(text_of) else {
                errors.push(format!("{local}: row {i} has no `{}`", b.model_field));
                continue;
            };
            let Some(model) = names.get(&name.to_ascii_lowercase()) else {
                out.unmatched.push(format!("{} ({})", name, b.bench));
                continue;
            };
            let Some(score) = row.get(&b.score_field).and_then(number_of) else {
                errors.push(format!(
                    "{local}: row {i} ({name}) has no number in `{}`",
                    b.score_field
                ));
                continue;
            };
            let date = b
                .date_field
                .as_ref()
                .and_then(|f| row.get(f))
                .and_then(text_of)
                .and_then(|s| Date::parse(s.get(..10).unwrap_or(&s)));
            let harness = b
                .harness_field
                .as_ref()
                .and_then(|f| row.get(f))
                .and_then(text_of)
                .or_else(|| b.harness.clone());
            let variant = b
                .variant_field
                .as_ref()
                .and_then(|f| row.get(f))
                .and_then(text_of);
            out.scores.push(Score {
                model: model.clone(),
                bench: b.bench.clone(),
                variant,
                value: (score * b.score_scale * 100.0).round() / 100.0,
                range: None,
                approx: false,
                provenance: Provenance::Leaderboard,
                source: b.url.clone(),
                as_of: date.unwrap_or(b.commit_date),
                date_basis: DateBasis::Source,
                in_seed: false,
                seed_label: None,
                note: if date.is_some() {
                    format!("Leaderboard row `{name}`.")
                } else {
                    format!("Leaderboard row `{name}`; the row has no date: dated by the snapshot's commit.")
                },
                harness,
                snapshot: Some(snapshot.clone()),
                weak_source: false,
            });
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}
