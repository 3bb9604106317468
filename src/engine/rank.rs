//! Benchmark scores and the ranking value: which figure counts, the task profiles and their
//! weights, the quantization penalty, the leaders a gap to the frontier is measured from, and
//! the ranking the engine can use. The analysis (`analysis.rs`) applies them to every model.
//!
//! Rules (stated in the method panel):
//! * a figure counts when it is dated on or before the data date (and, in the seed snapshot,
//!   only when the seed itself gives it);
//! * for one model and benchmark: an independent leaderboard beats a third-party run, which
//!   beats a vendor report; then a figure dated by its own source beats one known only through
//!   the seed; then the newest; across variants (Aider edit formats) the best;
//! * a range ("~87–89%") ranks at its midpoint;
//! * a profile averages its benchmarks' points (0–100) with its weights, over the benchmarks
//!   the model has; a model needs at least half the profile's weight to be ranked.

use super::config::{DataDate, RankBy};
use super::dataset::{Benchmark, Dataset, DateBasis, Model, SEED_DATE, Score};
use super::date::Date;
use serde::Deserialize;

/// Least share of a profile's weight a model must have scores for to be ranked by it.
pub const MIN_PROFILE_COVERAGE: f64 = 0.5;

/// A task profile (`src/data/profiles.json`): weights over the dataset's four main benchmarks.
#[derive(Clone, Debug, Deserialize)]
pub struct Profile {
    pub id: String,
    pub name: String,
    /// Weights for the dataset's `main_benches`, in that order.
    pub weights: [f64; 4],
    pub description: String,
}

/// The profile `id` of the dataset.
pub fn profile<'a>(dataset: &'a Dataset, id: &str) -> Option<&'a Profile> {
    dataset.profiles.iter().find(|p| p.id == id)
}

/// Which figures count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scope {
    pub as_of: Date,
    pub seed_only: bool,
}

impl Scope {
    pub fn of(dataset: &Dataset, data: DataDate) -> Scope {
        match data {
            DataDate::Newest => Scope {
                as_of: dataset.newest_date(),
                seed_only: false,
            },
            DataDate::AsOf(d) => Scope {
                as_of: d,
                seed_only: false,
            },
            DataDate::Seed => Scope {
                as_of: SEED_DATE,
                seed_only: true,
            },
        }
    }
    pub fn includes_model(&self, m: &Model) -> bool {
        m.released <= self.as_of && (!self.seed_only || m.in_seed)
    }
    pub fn includes_score(&self, s: &Score) -> bool {
        s.as_of <= self.as_of && (!self.seed_only || s.in_seed)
    }
}

/// The figure chosen for one model on one benchmark.
#[derive(Clone, Copy, Debug)]
pub struct ScorePick<'a> {
    pub score: &'a Score,
    pub bench: &'a Benchmark,
    /// On the 0–100 scale (a range's midpoint).
    pub points: f64,
    /// Other figures for this model and benchmark that the rule set aside.
    pub alternatives: usize,
}

fn points_of(score: &Score, bench: &Benchmark) -> f64 {
    let value = score.range.map_or(score.value, |[lo, hi]| (lo + hi) / 2.0);
    bench.to_points(value)
}

/// Applies the selection rule to one model's figures on one benchmark.
pub fn pick_score<'a>(
    dataset: &'a Dataset,
    scope: Scope,
    model: &str,
    bench_id: &str,
) -> Option<ScorePick<'a>> {
    let mine: Vec<&Score> = dataset
        .scores_of(model)
        .filter(|s| scope.includes_score(s))
        .collect();
    pick_from(dataset, &mine, bench_id)
}

/// Which of two figures of one model, benchmark and variant counts (the smaller first): best
/// provenance (leaderboard, third-party, vendor); then a figure dated by its own source before
/// one known only through the seed (whose date is an upper bound); then the newest. The import's
/// report names the record this rule picks in every conflict.
pub fn preferred_first(a: &Score, b: &Score) -> std::cmp::Ordering {
    b.provenance
        .cmp(&a.provenance)
        .then((a.date_basis == DateBasis::Seed).cmp(&(b.date_basis == DateBasis::Seed)))
        .then(b.as_of.cmp(&a.as_of))
}

/// The selection rule over one model's figures already in scope.
fn pick_from<'a>(
    dataset: &'a Dataset,
    mine: &[&'a Score],
    bench_id: &str,
) -> Option<ScorePick<'a>> {
    let bench = dataset.benchmark(bench_id)?;
    let mut candidates: Vec<&Score> = mine
        .iter()
        .copied()
        .filter(|s| s.bench == bench_id)
        .collect();
    if candidates.is_empty() {
        return None;
    }
    let total = candidates.len();
    candidates.sort_by(|a, b| a.variant.cmp(&b.variant).then(preferred_first(a, b)));
    candidates.dedup_by(|later, first| later.variant == first.variant);
    let best = candidates
        .into_iter()
        .max_by(|a, b| points_of(a, bench).total_cmp(&points_of(b, bench)))?;
    Some(ScorePick {
        score: best,
        bench,
        points: points_of(best, bench),
        alternatives: total - 1,
    })
}

/// A model's ranking value under `rank`, before any quantization penalty:
/// (points, share of the profile's weight covered).
pub fn rank_value(
    dataset: &Dataset,
    picks: &[Option<ScorePick<'_>>; 4],
    extra: Option<&ScorePick<'_>>,
    rank: &RankBy,
) -> (Option<f64>, f64) {
    let weights = match rank {
        RankBy::Bench(id) => {
            let hit = dataset
                .main_benches
                .iter()
                .position(|b| b == id)
                .and_then(|i| picks.get(i))
                .and_then(Option::as_ref)
                .or(extra);
            return (hit.map(|p| p.points), if hit.is_some() { 1.0 } else { 0.0 });
        }
        RankBy::Profile(id) => profile(dataset, id).map_or([0.25; 4], |p| p.weights),
        RankBy::Custom(w) => w.map(f64::from),
    };
    let total: f64 = weights.iter().sum();
    if total <= 0.0 {
        return (None, 0.0);
    }
    let (mut sum, mut covered) = (0.0, 0.0);
    for (w, pick) in weights.iter().zip(picks) {
        if let (true, Some(p)) = (*w > 0.0, pick) {
            sum += w * p.points;
            covered += w;
        }
    }
    let coverage = covered / total;
    if coverage + 1e-9 < MIN_PROFILE_COVERAGE || covered == 0.0 {
        (None, coverage)
    } else {
        (Some(sum / covered), coverage)
    }
}

/// The relative loss (percent) assumed for running `format` instead of the model's native one.
pub fn penalty_pct(dataset: &Dataset, model: &Model, format_id: &str) -> f64 {
    let native = model
        .arch
        .as_ref()
        .and_then(|a| dataset.weight_format(&a.native_format))
        .map_or(0.0, |f| f.penalty_pct);
    let chosen = dataset
        .weight_format(format_id)
        .map_or(0.0, |f| f.penalty_pct);
    (chosen - native).max(0.0)
}

/// One model's figures on the main benchmarks and its value on the ranking metric.
#[derive(Clone, Copy, Debug)]
pub struct ModelScores<'a> {
    /// The figure chosen on each of the dataset's `main_benches`, in that order.
    pub picks: [Option<ScorePick<'a>>; 4],
    /// The ranking value (points) before any quantization penalty.
    pub value: Option<f64>,
    /// The share of the metric's weight the model's figures cover.
    pub coverage: f64,
}

/// Applies the selection rule and the metric to one model's figures in scope.
pub fn model_scores<'a>(
    dataset: &'a Dataset,
    scope: Scope,
    model: &str,
    rank: &RankBy,
) -> ModelScores<'a> {
    let mine: Vec<&Score> = dataset
        .scores_of(model)
        .filter(|s| scope.includes_score(s))
        .collect();
    let picks = dataset
        .main_benches
        .each_ref()
        .map(|b| pick_from(dataset, &mine, b));
    let extra = match rank {
        RankBy::Bench(id) if !dataset.main_benches.contains(id) => pick_from(dataset, &mine, id),
        _ => None,
    };
    let (value, coverage) = rank_value(dataset, &picks, extra.as_ref(), rank);
    ModelScores {
        picks,
        value,
        coverage,
    }
}

/// The best model on the metric among open-weight or among proprietary models: the frontier
/// a row's gap is measured to.
#[derive(Clone, Copy, Debug)]
pub struct Leader<'a> {
    pub model: &'a Model,
    pub value: f64,
}

impl Leader<'_> {
    /// Points a model at `value` is behind this leader (negative: ahead).
    pub fn gap(&self, value: f64) -> f64 {
        self.value - value
    }
}

/// The leader among `candidates` (a model and its value before the penalty). Equal values: the
/// first name, so the leader never depends on the dataset's order.
pub fn leader<'a>(
    candidates: impl IntoIterator<Item = (&'a Model, Option<f64>)>,
) -> Option<Leader<'a>> {
    candidates
        .into_iter()
        .filter_map(|(model, value)| value.map(|value| Leader { model, value }))
        .max_by(|a, b| {
            a.value
                .total_cmp(&b.value)
                .then_with(|| b.model.name.cmp(&a.model.name))
        })
}

/// The metric's display name.
pub fn metric_name(dataset: &Dataset, rank: &RankBy) -> String {
    match rank {
        RankBy::Bench(id) => dataset
            .benchmark(id)
            .map_or_else(|| id.clone(), |b| b.name.clone()),
        RankBy::Profile(id) => {
            profile(dataset, id).map_or_else(|| id.clone(), |p| format!("{} profile", p.name))
        }
        RankBy::Custom(_) => "custom profile".into(),
    }
}

/// The ranking the engine can use: custom weights that are all zero weigh nothing, so the
/// four benchmarks are weighed equally instead, with the reason (shown beside the ranking).
pub fn effective_rank(rank: &RankBy) -> (RankBy, Option<String>) {
    match rank {
        RankBy::Custom(w) if w.iter().all(|x| *x == 0) => (
            RankBy::Custom([1; 4]),
            Some("Every custom weight is zero, so the four benchmarks are weighed equally.".into()),
        ),
        other => (other.clone(), None),
    }
}
