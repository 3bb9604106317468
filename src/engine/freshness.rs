//! How old the data is: the newest source-dated figure, its age against today's date (which
//! the caller passes in: the engine reads no clock), the newest figure of each benchmark, and
//! the warning the headline carries when the data is stale.

use super::dataset::{Dataset, DateBasis};
use super::date::Date;
use super::rank::Scope;

/// Past this many days without a newer figure the headline says the data may be out of date:
/// labs and leaderboards publish new coding figures every few weeks, so two months without
/// one means the frontier has probably moved.
pub const STALE_AFTER_DAYS: i64 = 60;

#[derive(Clone, Debug, PartialEq)]
pub struct Freshness {
    /// The newest figure dated by its own source.
    pub newest: Date,
    /// Days from `newest` to today (0 when the clock is behind the data).
    pub age_days: i64,
    pub stale: bool,
    /// Per benchmark id: its newest figure and how that date is known.
    pub per_bench: Vec<(String, Date, DateBasis)>,
}

pub fn freshness(dataset: &Dataset, today: Date) -> Freshness {
    let newest = dataset
        .scores
        .iter()
        .filter(|s| s.date_basis == DateBasis::Source)
        .map(|s| s.as_of)
        .max()
        .unwrap_or(super::dataset::SEED_DATE);
    let age_days = (today.days_since_epoch() - newest.days_since_epoch()).max(0);
    let per_bench = dataset
        .benchmarks
        .iter()
        .filter_map(|b| {
            dataset
                .newest_score_date(&b.id)
                .map(|(d, basis)| (b.id.clone(), d, basis))
        })
        .collect();
    Freshness {
        newest,
        age_days,
        stale: age_days > STALE_AFTER_DAYS,
        per_bench,
    }
}

impl Freshness {
    /// "data as of 2026-11-28, 3 days ago"
    pub fn label(&self) -> String {
        let ago = match self.age_days {
            0 => "today".to_string(),
            1 => "1 day ago".to_string(),
            n => format!("{n} days ago"),
        };
        format!("data as of {}, {ago}", self.newest)
    }

    /// The headline's warning, only for the newest data (a chosen past date or the seed
    /// snapshot is old on purpose).
    pub fn warning(&self, scope: &Scope, dataset: &Dataset) -> Option<String> {
        let newest_view = !scope.seed_only && scope.as_of >= dataset.newest_date();
        (newest_view && self.stale).then(|| {
            format!(
                "The data may be out of date: its newest figure is {} days old (from {}).",
                self.age_days, self.newest
            )
        })
    }
}

/// How well a benchmark covers the catalog: the facts behind the choice of the default ranking
/// benchmark (the one with the most open-weight figures that still separates models).
#[derive(Clone, Debug, PartialEq)]
pub struct Coverage {
    pub bench: String,
    pub models: usize,
    pub open_models: usize,
    /// Population standard deviation of each model's newest figure, in points.
    pub spread_points: f64,
    pub newest: Date,
}

/// One row per benchmark with figures, most open-weight figures first.
pub fn coverage(dataset: &Dataset) -> Vec<Coverage> {
    let mut out: Vec<Coverage> = dataset
        .benchmarks
        .iter()
        .filter_map(|b| {
            // The newest figure per model (several sources may report one).
            let mut newest: Vec<(&str, f64, Date)> = Vec::new();
            for s in dataset.scores.iter().filter(|s| s.bench == b.id) {
                let points = b.to_points(s.value);
                match newest.iter_mut().find(|(m, _, _)| *m == s.model) {
                    Some(e) if s.as_of > e.2 => *e = (&s.model, points, s.as_of),
                    Some(_) => {}
                    None => newest.push((&s.model, points, s.as_of)),
                }
            }
            if newest.is_empty() {
                return None;
            }
            let n = newest.len() as f64;
            let mean = newest.iter().map(|e| e.1).sum::<f64>() / n;
            let var = newest.iter().map(|e| (e.1 - mean).powi(2)).sum::<f64>() / n;
            Some(Coverage {
                bench: b.id.clone(),
                models: newest.len(),
                open_models: newest
                    .iter()
                    .filter(|e| dataset.model(e.0).is_some_and(|m| m.open_weight))
                    .count(),
                spread_points: var.sqrt(),
                newest: newest
                    .iter()
                    .map(|e| e.2)
                    .max()
                    .unwrap_or(super::dataset::SEED_DATE),
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.open_models
            .cmp(&a.open_models)
            .then(a.bench.cmp(&b.bench))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The default ranking benchmark is the one with the most open-weight figures, and it
    /// separates models (a spread of several points), as the method panel says.
    #[test]
    fn default_benchmark_has_the_most_open_figures() {
        let ds = Dataset::bundled();
        let c = coverage(ds);
        assert_eq!(c[0].bench, crate::engine::config::DEFAULT_RANK);
        assert!(c[0].spread_points > 5.0, "{:?}", c[0]);
        assert!(c.windows(2).all(|w| w[0].open_models >= w[1].open_models));
    }

    /// 61 days after the newest figure the data is stale; 60 is not.
    #[test]
    fn stale_after_sixty_days() {
        let ds = Dataset::bundled();
        let newest = freshness(ds, crate::engine::dataset::SEED_DATE).newest;
        let day = |n: i64| Date::from_days_since_epoch(newest.days_since_epoch() + n).unwrap();
        assert!(!freshness(ds, day(STALE_AFTER_DAYS)).stale);
        let f = freshness(ds, day(STALE_AFTER_DAYS + 1));
        assert!(f.stale && f.age_days == STALE_AFTER_DAYS + 1);
        assert!(f.label().ends_with("61 days ago"));
    }
}
