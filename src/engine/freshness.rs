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
