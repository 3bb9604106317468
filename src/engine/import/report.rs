//! The import's diff report: what was read, every conflict between sources and how it was
//! settled, every curated value that overrides a source, and what could not be mapped.

use super::catalog::Choice;
use crate::engine::dataset::Score;
use std::collections::BTreeMap;
use std::fmt::Write;

/// A curated value that differs from a source's.
#[derive(Clone, Debug)]
pub struct Disagreement {
    pub model: String,
    pub field: String,
    pub source_value: String,
    pub chosen: String,
    pub reason: String,
}

impl Disagreement {
    pub fn new(
        model: &str,
        field: &str,
        source_value: &str,
        chosen: &str,
        reason: Option<&String>,
    ) -> Disagreement {
        Disagreement {
            model: model.into(),
            field: field.into(),
            source_value: source_value.into(),
            chosen: chosen.into(),
            reason: reason
                .cloned()
                .unwrap_or_else(|| "(no reason: an error)".into()),
        }
    }
}

/// Records of one figure that disagree.
#[derive(Clone, Debug)]
pub struct Conflict {
    pub model: String,
    pub bench: String,
    pub variant: Option<String>,
    pub harness: Option<String>,
    /// (value, source, provenance label, date)
    pub records: Vec<(f64, String, &'static str, String)>,
    pub settled: String,
}

impl Conflict {
    pub fn same_source(a: &Score, b: &Score) -> Conflict {
        Conflict {
            model: a.model.clone(),
            bench: a.bench.clone(),
            variant: a.variant.clone(),
            harness: a.harness.clone(),
            records: [a, b]
                .iter()
                .map(|s| (s.value, s.source.clone(), s.provenance.label(), s.as_of.to_string()))
                .collect(),
            settled: "the same source read twice with different values: the curated (seed) record is kept; check the source".into(),
        }
    }
}

#[derive(Debug, Default)]
pub struct Report {
    pub models: usize,
    pub open_models: usize,
    pub scores: usize,
    pub merged: usize,
    pub mapped: Vec<(String, String)>,
    pub inline_arch: Vec<String>,
    pub memory_unknown: Vec<String>,
    pub disagreements: Vec<Disagreement>,
    pub conflicts: Vec<Conflict>,
    pub choices: Vec<Choice>,
    pub unmapped: Vec<String>,
    pub skipped: Vec<(String, String)>,
    pub leaderboard_unmatched: Vec<String>,
}

impl Report {
    /// Groups the final records by (model, benchmark, variant, harness) and lists every group
    /// whose values differ, with the record the ranking rule uses.
    pub fn find_conflicts(&mut self, scores: &[Score], choices: &[Choice]) {
        let mut groups: BTreeMap<(String, String, String, String), Vec<&Score>> = BTreeMap::new();
        for s in scores {
            groups
                .entry((
                    s.model.clone(),
                    s.bench.clone(),
                    s.variant.clone().unwrap_or_default(),
                    s.harness.clone().unwrap_or_default(),
                ))
                .or_default()
                .push(s);
        }
        for ((model, bench, variant, harness), records) in groups {
            let first = records[0].value;
            if records.iter().all(|s| (s.value - first).abs() < 1e-9) {
                continue;
            }
            // The record the ranking uses: its own rule, not a copy of it.
            let chosen = records
                .iter()
                .copied()
                .min_by(|a, b| crate::engine::rank::preferred_first(a, b))
                .unwrap_or(records[0]);
            let dropped: Vec<&Choice> = choices
                .iter()
                .filter(|c| c.model == model && c.bench == bench)
                .collect();
            let mut settled = format!(
                "ranking rule (leaderboard > third-party > vendor, then source-dated, then newest) uses {} from {}",
                chosen.value, chosen.source
            );
            for c in dropped {
                let _ = write!(
                    settled,
                    "; curated choice dropped {} ({})",
                    c.drop_source, c.reason
                );
            }
            self.conflicts.push(Conflict {
                model,
                bench,
                variant: (!variant.is_empty()).then_some(variant),
                harness: (!harness.is_empty()).then_some(harness),
                records: records
                    .iter()
                    .map(|s| {
                        (
                            s.value,
                            s.source.clone(),
                            s.provenance.label(),
                            s.as_of.to_string(),
                        )
                    })
                    .collect(),
                settled,
            });
        }
        // Choices whose conflict is gone entirely (one record left) are still listed.
        for c in choices {
            if !self
                .conflicts
                .iter()
                .any(|x| x.model == c.model && x.bench == c.bench)
            {
                self.conflicts.push(Conflict {
                    model: c.model.clone(),
                    bench: c.bench.clone(),
                    variant: c.variant.clone(),
                    harness: None,
                    records: Vec::new(),
                    settled: format!("curated choice dropped {} ({})", c.drop_source, c.reason),
                });
            }
        }
    }

    pub fn render(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "# Import report\n");
        let _ = writeln!(
            out,
            "Generated by `cargo run -- import`; do not edit by hand.\n"
        );
        let _ = writeln!(
            out,
            "- {} models ({} open-weight), {} score records ({} duplicate records merged)",
            self.models, self.open_models, self.scores, self.merged
        );
        let _ = writeln!(
            out,
            "- architecture from config.json: {}; written in the catalog: {}; memory not computed: {}\n",
            self.mapped.len(),
            self.inline_arch.len(),
            self.memory_unknown.len()
        );
        let _ = writeln!(
            out,
            "## Conflicts between sources ({})\n",
            self.conflicts.len()
        );
        for c in &self.conflicts {
            let _ = writeln!(
                out,
                "- **{} / {}**{}{}",
                c.model,
                c.bench,
                c.variant
                    .as_ref()
                    .map(|v| format!(" ({v})"))
                    .unwrap_or_default(),
                c.harness
                    .as_ref()
                    .map(|h| format!(" [{h}]"))
                    .unwrap_or_default()
            );
            for (v, src, prov, date) in &c.records {
                let _ = writeln!(out, "  - {v} — {prov}, {date}, {src}");
            }
            let _ = writeln!(out, "  - settled: {}", c.settled);
        }
        let _ = writeln!(
            out,
            "\n## Curated values that differ from a source ({})\n",
            self.disagreements.len()
        );
        for d in &self.disagreements {
            let _ = writeln!(
                out,
                "- {} `{}`: source says {}, catalog says {} — {}",
                d.model, d.field, d.source_value, d.chosen, d.reason
            );
        }
        let _ = writeln!(out, "\n## Architecture mappers used\n");
        let mut by_type: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for (id, t) in &self.mapped {
            by_type.entry(t.as_str()).or_default().push(id.as_str());
        }
        for (t, ids) in by_type {
            let _ = writeln!(out, "- `{t}`: {}", ids.join(", "));
        }
        if !self.inline_arch.is_empty() {
            let _ = writeln!(
                out,
                "- written in the catalog (no config in the snapshot): {}",
                self.inline_arch.join(", ")
            );
        }
        if !self.memory_unknown.is_empty() {
            let _ = writeln!(
                out,
                "- memory not computed: {}",
                self.memory_unknown.join(", ")
            );
        }
        fn count(items: &[String]) -> BTreeMap<&str, usize> {
            let mut m: BTreeMap<&str, usize> = BTreeMap::new();
            for i in items {
                *m.entry(i.as_str()).or_default() += 1;
            }
            m
        }
        let _ = writeln!(out, "\n## Benchmark names not imported\n");
        for (name, n) in count(&self.unmapped) {
            let _ = writeln!(
                out,
                "- {name} ({n} figures): no rule in curated/benchmark_map.json"
            );
        }
        let mut skipped: BTreeMap<(&str, &str), usize> = BTreeMap::new();
        for (n, why) in &self.skipped {
            *skipped.entry((n.as_str(), why.as_str())).or_default() += 1;
        }
        for ((name, why), n) in skipped {
            let _ = writeln!(out, "- {name} ({n} figures): skipped — {why}");
        }
        if !self.leaderboard_unmatched.is_empty() {
            let _ = writeln!(out, "\n## Leaderboard rows for no catalog model\n");
            for (name, n) in count(&self.leaderboard_unmatched) {
                let _ = writeln!(out, "- {name} ({n})");
            }
        }
        out
    }
}
