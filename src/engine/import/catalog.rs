//! The curated catalog (`curated/catalog.json`: which models, where each fact comes from, and
//! every override with its reason) joined with the snapshots into dataset records.

use super::report::{Conflict, Disagreement, Report};
use super::{Files, Output, hf, leaderboards, modelsdev};
use crate::engine::dataset::{
    Architecture, DateBasis, Model, Params, Provenance, Repos, Score, SeedMemory, TensorGroup,
};
use crate::engine::date::Date;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// One model of the catalog: identity and curated facts, plus where the import finds the rest.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub vendor: String,
    /// models.dev file (path under `models.dev/`).
    #[serde(default)]
    pub models_dev: Option<String>,
    /// Hugging Face repository whose `config.json` is under `hf/<repo>/config.json`.
    #[serde(default)]
    pub hf_config: Option<String>,
    /// Names the leaderboards use for this model.
    #[serde(default)]
    pub leaderboard_names: Vec<String>,
    /// Curated values that win over the snapshots; each needs a reason in `reasons`.
    #[serde(default)]
    pub open_weight: Option<bool>,
    #[serde(default)]
    pub released: Option<Date>,
    #[serde(default)]
    pub date_basis: Option<DateBasis>,
    #[serde(default)]
    pub release_source: Option<String>,
    #[serde(default)]
    pub in_seed: bool,
    #[serde(default)]
    pub params: Option<Params>,
    /// Native checkpoint format (a `quants.json` id) for open-weight models.
    #[serde(default)]
    pub native_format: Option<String>,
    /// The tensor groups the checkpoint stores in its native format (needs reasons.native_groups).
    #[serde(default)]
    pub native_groups: Option<Vec<TensorGroup>>,
    /// Context limit over the config's `max_position_embeddings` (needs `reasons.max_context`).
    #[serde(default)]
    pub max_context: Option<u32>,
    /// Architecture written here instead of mapped from a config (needs `reasons.arch`).
    #[serde(default)]
    pub arch: Option<Architecture>,
    #[serde(default)]
    pub memory_unknown: Option<String>,
    #[serde(default)]
    pub seed_memory: Option<SeedMemory>,
    #[serde(default)]
    pub repos: Repos,
    #[serde(default)]
    pub notes: String,
    /// Why each curated value overrides or stands in for a source: key = field name.
    #[serde(default)]
    pub reasons: BTreeMap<String, String>,
}

/// Maps a source's benchmark description to a dataset benchmark id.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BenchRule {
    pub name: String,
    /// Must equal the figure's version; "" means the figure gives none.
    #[serde(default)]
    pub version: Option<String>,
    #[serde(default)]
    pub dataset: Option<String>,
    #[serde(default)]
    pub harness: Option<String>,
    /// Must be the host of the figure's source (e.g. Scale's leaderboard for its own runs).
    #[serde(default)]
    pub host: Option<String>,
    /// The dataset benchmark, or null for "not imported" (with `why`).
    pub bench: Option<String>,
    /// The file writes the harness in `variant` (e.g. "Terminus-2" / "Claude Code"): read it as
    /// the harness.
    #[serde(default)]
    pub variant_is_harness: bool,
    #[serde(default)]
    pub why: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BenchMap {
    pub rules: Vec<BenchRule>,
    /// Hosts whose figures are independent leaderboard runs.
    pub leaderboard_hosts: Vec<String>,
    /// Hosts whose figures are third-party runs or compilations (aggregators).
    pub third_party_hosts: Vec<String>,
    /// Hosts known to carry unreliable or AI-written tables: figures only seen there are marked weak.
    #[serde(default)]
    pub weak_hosts: Vec<String>,
}

/// A curated score (a figure no machine-readable snapshot carries), with its reason.
#[derive(Clone, Debug, Deserialize)]
struct CuratedScore {
    #[serde(flatten)]
    score: Score,
    reason: String,
}

/// A curated settlement of a conflict: drop the record with this source.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub model: String,
    pub bench: String,
    #[serde(default)]
    pub variant: Option<String>,
    pub drop_source: String,
    pub reason: String,
}

/// A snapshot manifest entry: which commit of which repository a file came from.
#[derive(Clone, Debug, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct SnapshotFile {
    pub local: String,
    pub repo: String,
    pub commit: String,
    pub path: String,
    pub licence: String,
}

fn parse<'a, T: Deserialize<'a>>(files: &'a Files, path: &str) -> Result<T, String> {
    let text = files.get(path).ok_or_else(|| format!("{path}: missing"))?;
    serde_json::from_str(text).map_err(|e| format!("{path}: {e}"))
}

fn host(url: &str) -> &str {
    let rest = url.split("://").nth(1).unwrap_or(url);
    let h = rest.split('/').next().unwrap_or(rest);
    h.strip_prefix("www.").unwrap_or(h)
}

fn host_in(url: &str, hosts: &[String]) -> bool {
    let h = host(url);
    hosts
        .iter()
        .any(|x| h == x || h.ends_with(&format!(".{x}")))
}

impl BenchMap {
    fn rule_for(&self, f: &modelsdev::BenchFigure) -> Option<&BenchRule> {
        let matches = |want: &Option<String>, have: &Option<String>| match want {
            None => true,
            Some(w) if w.is_empty() => have.is_none(),
            Some(w) => have.as_deref() == Some(w.as_str()),
        };
        self.rules.iter().find(|r| {
            r.name == f.name
                && matches(&r.version, &f.version)
                && matches(&r.dataset, &f.dataset)
                && matches(&r.harness, &f.harness)
                && r.host.as_ref().is_none_or(|h| {
                    f.source
                        .as_deref()
                        .is_some_and(|s| host_in(s, std::slice::from_ref(h)))
                })
        })
    }
    pub fn provenance(&self, source: &str) -> Provenance {
        if host_in(source, &self.leaderboard_hosts) {
            Provenance::Leaderboard
        } else if host_in(source, &self.third_party_hosts) {
            Provenance::ThirdParty
        } else {
            Provenance::Vendor
        }
    }
}

/// The models.dev manifest: file → commit.
#[derive(Deserialize)]
struct MdManifest {
    repo: String,
    files: Vec<MdManifestFile>,
}
#[derive(Deserialize)]
struct MdManifestFile {
    path: String,
    commit: String,
}

/// The HF manifests: repo → where the copy was found.
#[derive(Deserialize)]
struct HfManifest {
    files: Vec<HfManifestFile>,
}
#[derive(Deserialize)]
struct HfManifestFile {
    hf_repo: String,
    copied_from: String,
}

pub fn snapshot_id(repo: &str, commit: &str, path: &str) -> String {
    format!("{repo}@{commit}:{path}")
}

pub fn build(files: &Files) -> Result<Output, Vec<String>> {
    let mut errors = Vec::new();
    let mut report = Report::default();
    let catalog: Vec<Entry> = parse(files, "curated/catalog.json").map_err(|e| vec![e])?;
    let bench_map: BenchMap = parse(files, "curated/benchmark_map.json").map_err(|e| vec![e])?;
    let curated: Vec<CuratedScore> = parse(files, "curated/scores.json").map_err(|e| vec![e])?;
    let choices: Vec<Choice> = parse(files, "curated/choices.json").map_err(|e| vec![e])?;
    // The repository snapshot's manifest first, then the manifest of files taken newer from
    // the file index: a later manifest's commit wins for the same path.
    let mut md_commit: BTreeMap<String, String> = BTreeMap::new();
    let mut md_repo = "anomalyco/models.dev".to_string();
    for name in [
        "models.dev/MANIFEST.mirror.json",
        "models.dev/MANIFEST.json",
    ] {
        if files.contains_key(name) {
            let m: MdManifest = parse(files, name).map_err(|e| vec![e])?;
            md_repo = m.repo;
            for f in m.files {
                md_commit.insert(f.path, f.commit);
            }
        }
    }
    let mut hf_from: BTreeMap<String, String> = BTreeMap::new();
    for (path, _) in files.range("hf/".to_string()..) {
        if !path.starts_with("hf/") {
            break;
        }
        if path.starts_with("hf/MANIFEST") && path.ends_with(".json") {
            let m: HfManifest = parse(files, path).map_err(|e| vec![e])?;
            for f in m.files {
                hf_from.insert(f.hf_repo, f.copied_from);
            }
        }
    }
    let mut snapshots: BTreeSet<SnapshotFile> = BTreeSet::new();
    let mut models = Vec::new();
    let mut scores: Vec<Score> = Vec::new();
    let mut ids = BTreeSet::new();

    for e in &catalog {
        if !ids.insert(e.id.clone()) {
            errors.push(format!("curated/catalog.json: model id {} twice", e.id));
        }
        let mut snaps = Vec::new();
        let md = match &e.models_dev {
            None => None,
            Some(p) => {
                let local = format!("models.dev/{p}");
                match files.get(&local) {
                    None => {
                        errors.push(format!("{}: models.dev file {local} missing", e.id));
                        None
                    }
                    Some(text) => match modelsdev::parse(&local, text) {
                        Err(err) => {
                            errors.push(err);
                            None
                        }
                        Ok(m) => {
                            let commit =
                                md_commit.get(p.as_str()).map_or("unknown", String::as_str);
                            let id = snapshot_id(&md_repo, commit, p);
                            snapshots.insert(SnapshotFile {
                                local: local.clone(),
                                repo: md_repo.clone(),
                                commit: commit.to_string(),
                                path: p.clone(),
                                licence: "MIT".into(),
                            });
                            snaps.push(id.clone());
                            Some((m, id, commit.to_string(), p.clone()))
                        }
                    },
                }
            }
        };
        let md_file_url =
            |commit: &str, path: &str| format!("https://github.com/{md_repo}/blob/{commit}/{path}");
        // Open weights: the catalog may only repeat or override (with a reason).
        let md_open = md.as_ref().and_then(|(m, ..)| m.open_weights);
        let open_weight = match (e.open_weight, md_open) {
            (Some(c), Some(s)) if c != s => {
                if !e.reasons.contains_key("open_weight") {
                    errors.push(format!(
                        "{}: open_weight differs from models.dev without a reason",
                        e.id
                    ));
                }
                report.disagreements.push(Disagreement::new(
                    &e.id,
                    "open_weight",
                    &s.to_string(),
                    &c.to_string(),
                    e.reasons.get("open_weight"),
                ));
                c
            }
            (Some(c), _) => c,
            (None, Some(s)) => s,
            (None, None) => {
                errors.push(format!(
                    "{}: open_weight unknown (no models.dev file, no catalog value)",
                    e.id
                ));
                false
            }
        };
        // Release date. models.dev sometimes gives only a month ("2025-04"): that is never
        // turned into a day; the catalog must then give the date.
        let md_raw = md.as_ref().and_then(|(m, ..)| m.release_date.clone());
        let md_date = md_raw.as_deref().and_then(Date::parse);
        let (released, release_source) = match (e.released, &md_raw) {
            (Some(c), raw) => {
                if let Some(raw) = raw
                    && !c.to_string().starts_with(raw.as_str())
                {
                    report.disagreements.push(Disagreement::new(
                        &e.id,
                        "released",
                        raw,
                        &c.to_string(),
                        e.reasons.get("released"),
                    ));
                    if !e.reasons.contains_key("released") {
                        errors.push(format!(
                            "{}: released differs from models.dev without a reason",
                            e.id
                        ));
                    }
                }
                (c, e.release_source.clone())
            }
            (None, Some(raw)) => match (md_date, md.as_ref()) {
                (Some(d), Some((_, _, commit, path))) => (
                    d,
                    e.release_source
                        .clone()
                        .or_else(|| Some(md_file_url(commit, path))),
                ),
                _ => {
                    errors.push(format!("{}: models.dev gives the release only as `{raw}`: the catalog needs `released`", e.id));
                    (Date::literal(2000, 1, 1), None)
                }
            },
            (None, None) => {
                errors.push(format!("{}: no release date", e.id));
                (Date::literal(2000, 1, 1), None)
            }
        };
        let release_source = release_source.unwrap_or_default();
        // Architecture.
        let mut arch = None;
        let mut memory_unknown = e.memory_unknown.clone();
        if open_weight {
            if let Some(repo) = &e.hf_config {
                let local = format!("hf/{repo}/config.json");
                match files.get(&local) {
                    None => errors.push(format!("{}: {local} missing", e.id)),
                    Some(text) => match hf::map_config(text) {
                        Err(err) => errors.push(format!("{}: {local}: {err}", e.id)),
                        Ok(m) => {
                            let from = hf_from.get(repo).cloned().unwrap_or_default();
                            let (src_repo, commit, path) = split_copy(&from);
                            snapshots.insert(SnapshotFile {
                                local: local.clone(),
                                repo: src_repo.clone(),
                                commit: commit.clone(),
                                path: path.clone(),
                                licence: "model licence (config.json is a published fact sheet)"
                                    .into(),
                            });
                            snaps.push(format!("huggingface.co/{repo}/config.json via {from}"));
                            if e.native_groups.is_some() && !e.reasons.contains_key("native_groups")
                            {
                                errors.push(format!(
                                    "{}: native_groups needs reasons.native_groups",
                                    e.id
                                ));
                            }
                            let Some(native) = e.native_format.clone() else {
                                errors.push(format!("{}: native_format missing", e.id));
                                continue;
                            };
                            arch = Some(Architecture {
                                experts: m.experts,
                                layers: m.layers,
                                layer_groups: m.layer_groups,
                                attention_heads: m.attention_heads,
                                max_context: match e.max_context {
                                    Some(c) => {
                                        if !e.reasons.contains_key("max_context") {
                                            errors.push(format!("{}: max_context override needs reasons.max_context", e.id));
                                        }
                                        report.disagreements.push(Disagreement::new(
                                            &e.id,
                                            "max_context",
                                            &m.max_context.to_string(),
                                            &c.to_string(),
                                            e.reasons.get("max_context"),
                                        ));
                                        c
                                    }
                                    None => m.max_context,
                                },
                                native_format: native,
                                native_groups: e.native_groups.clone(),
                                embeddings: m.embeddings,
                                stored: Default::default(),
                                source: format!(
                                    "https://huggingface.co/{repo}/blob/main/config.json"
                                ),
                            });
                            report.mapped.push((e.id.clone(), m.model_type.clone()));
                        }
                    },
                }
            } else if let Some(a) = &e.arch {
                if !e.reasons.contains_key("arch") {
                    errors.push(format!("{}: inline arch needs reasons.arch", e.id));
                }
                if e.native_groups.is_some() && !e.reasons.contains_key("native_groups") {
                    errors.push(format!(
                        "{}: native_groups needs reasons.native_groups",
                        e.id
                    ));
                }
                let mut a = a.clone();
                a.native_groups = e.native_groups.clone().or(a.native_groups);
                arch = Some(a);
                report.inline_arch.push(e.id.clone());
            } else if memory_unknown.is_none() {
                errors.push(format!(
                    "{}: open-weight model with no hf_config, no arch and no memory_unknown reason",
                    e.id
                ));
            }
            // Without parameter counts the maths cannot run even with a mapped layout: the
            // catalog's reason stands (and the layout is not shown as if it were usable).
            if arch.is_some() && e.params.is_none() && memory_unknown.is_some() {
                arch = None;
            }
            if arch.is_some() {
                memory_unknown = None;
            } else {
                report.memory_unknown.push(e.id.clone());
            }
        }
        let params = if open_weight { e.params.clone() } else { None };
        if open_weight && arch.is_some() && params.is_none() {
            errors.push(format!(
                "{}: open-weight model with an architecture needs params",
                e.id
            ));
        }
        models.push(Model {
            id: e.id.clone(),
            name: e.name.clone(),
            aliases: e.aliases.clone(),
            vendor: e.vendor.clone(),
            open_weight,
            released,
            date_basis: e.date_basis.unwrap_or_default(),
            release_source,
            in_seed: e.in_seed,
            params,
            arch,
            seed_memory: e.seed_memory.clone(),
            repos: e.repos.clone(),
            notes: e.notes.clone(),
            memory_unknown,
            snapshots: snaps,
        });
        // Scores from models.dev.
        if let Some((m, snap, commit, path)) = &md {
            for f in &m.benchmarks {
                let Some(rule) = bench_map.rule_for(f) else {
                    report.unmapped.push(describe_figure(f));
                    continue;
                };
                let Some(bench) = &rule.bench else {
                    report.skipped.push((describe_figure(f), rule.why.clone()));
                    continue;
                };
                let source = f
                    .source
                    .clone()
                    .unwrap_or_else(|| md_file_url(commit, path));
                let (as_of, note) = match f.date.as_deref().and_then(Date::parse) {
                    Some(d) => (d, String::new()),
                    None => (
                        released,
                        "The source gives no date: dated by the model's release.".to_string(),
                    ),
                };
                let (variant, harness) = if rule.variant_is_harness {
                    (None, f.variant.clone().or_else(|| f.harness.clone()))
                } else {
                    (f.variant.clone(), f.harness.clone())
                };
                scores.push(Score {
                    model: e.id.clone(),
                    bench: bench.clone(),
                    variant,
                    value: f.score,
                    range: None,
                    approx: false,
                    provenance: bench_map.provenance(&source),
                    weak_source: host_in(&source, &bench_map.weak_hosts),
                    source,
                    as_of,
                    date_basis: DateBasis::Source,
                    in_seed: false,
                    seed_label: None,
                    note,
                    harness,
                    snapshot: Some(snap.clone()),
                });
            }
        }
    }

    // Leaderboards.
    let names: BTreeMap<String, String> = catalog
        .iter()
        .flat_map(|e| {
            e.leaderboard_names
                .iter()
                .map(move |n| (n.to_ascii_lowercase(), e.id.clone()))
        })
        .collect();
    match leaderboards::import(files, &names) {
        Ok(lb) => {
            scores.extend(lb.scores);
            snapshots.extend(lb.snapshots);
            report.leaderboard_unmatched = lb.unmatched;
        }
        Err(errs) => errors.extend(errs),
    }

    // Curated scores.
    for c in curated {
        if c.reason.trim().is_empty() {
            errors.push(format!(
                "curated/scores.json: {}/{} needs a reason",
                c.score.model, c.score.bench
            ));
        }
        let mut s = c.score;
        s.snapshot = Some("curated/scores.json".into());
        scores.push(s);
    }

    // Records from two snapshots with the same source and value are one figure.
    scores.sort_by_key(score_key);
    let mut deduped: Vec<Score> = Vec::with_capacity(scores.len());
    for s in scores {
        match deduped.last_mut() {
            Some(prev)
                if prev.model == s.model
                    && prev.bench == s.bench
                    && prev.variant == s.variant
                    && prev.harness == s.harness
                    && prev.source == s.source =>
            {
                if (prev.value - s.value).abs() > 1e-9 {
                    report.conflicts.push(Conflict::same_source(prev, &s));
                }
                // Keep the seed's record (the seed snapshot needs it), else the first.
                if s.in_seed && !prev.in_seed {
                    *prev = s;
                }
                report.merged += 1;
            }
            _ => deduped.push(s),
        }
    }
    // Choices drop a record, with their reason.
    for ch in &choices {
        let before = deduped.len();
        deduped.retain(|s| {
            !(s.model == ch.model
                && s.bench == ch.bench
                && s.variant == ch.variant
                && s.source == ch.drop_source)
        });
        if deduped.len() == before {
            errors.push(format!(
                "curated/choices.json: nothing to drop for {}/{} from {}",
                ch.model, ch.bench, ch.drop_source
            ));
        }
        report.choices.push(ch.clone());
    }
    // A figure whose only source is a weak host is marked, whichever file brought it.
    for s in &mut deduped {
        s.weak_source |= host_in(&s.source, &bench_map.weak_hosts);
    }
    report.find_conflicts(&deduped, &choices);
    let known: BTreeSet<&str> = models.iter().map(|m| m.id.as_str()).collect();
    for s in &deduped {
        if !known.contains(s.model.as_str()) {
            errors.push(format!("score for unknown model {}", s.model));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    report.models = models.len();
    report.open_models = models.iter().filter(|m| m.open_weight).count();
    report.scores = deduped.len();
    let snapshots: Vec<SnapshotFile> = snapshots.into_iter().collect();
    Ok(Output {
        models_json: to_json(&models),
        scores_json: to_json(&deduped),
        snapshots_json: to_json(&snapshots),
        report_md: report.render(),
    })
}

fn score_key(s: &Score) -> (String, String, String, String, String, bool) {
    (
        s.model.clone(),
        s.bench.clone(),
        s.variant.clone().unwrap_or_default(),
        s.harness.clone().unwrap_or_default(),
        s.source.clone(),
        !s.in_seed,
    )
}

/// "github:owner/name:path@commit" → (owner/name, commit, path); anything else is a page.
fn split_copy(from: &str) -> (String, String, String) {
    if let Some(rest) = from.strip_prefix("github:")
        && let Some((repo_path, commit)) = rest.rsplit_once('@')
        && let Some((repo, path)) = repo_path.split_once(':')
    {
        return (repo.to_string(), commit.to_string(), path.to_string());
    }
    (from.to_string(), String::new(), String::new())
}

fn describe_figure(f: &modelsdev::BenchFigure) -> String {
    let mut s = f.name.clone();
    for (k, v) in [
        ("version", &f.version),
        ("harness", &f.harness),
        ("dataset", &f.dataset),
    ] {
        if let Some(v) = v {
            s.push_str(&format!(" {k}={v}"));
        }
    }
    s
}

/// Pretty JSON with one space of indent, a trailing newline: stable and diff-friendly.
pub fn to_json<T: Serialize>(value: &T) -> String {
    let mut buf = Vec::new();
    let fmt = serde_json::ser::PrettyFormatter::with_indent(b" ");
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, fmt);
    value
        .serialize(&mut ser)
        .expect("dataset records serialize");
    let mut s = String::from_utf8(buf).expect("serde_json writes UTF-8");
    s.push('\n');
    s
}

/// Reads a JSON value for the leaderboards module.
pub fn json_value(files: &Files, path: &str) -> Result<Value, String> {
    parse(files, path)
}
