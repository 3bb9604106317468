//! The frontier over time: at every date a figure appeared, the best proprietary model, the
//! best open-weight model and the best that runs on the configuration's hardware.

use super::analysis;
use super::dataset::Dataset;
use super::rank::{self, Scope};

/// One date of the frontier-over-time chart: the best score published by then.
#[derive(Clone, Debug, PartialEq)]
pub struct FrontierPoint {
    pub date: super::date::Date,
    pub proprietary: Option<(String, f64)>,
    pub open: Option<(String, f64)>,
    /// The best open-weight model that runs on the configuration's hardware (fit as today).
    pub fits: Option<(String, f64)>,
}

/// The frontier on `bench` at every date a figure or a model appeared (up to the data date):
/// best proprietary, best open-weight, and best that runs on this machine. Whether a model
/// runs comes from `analysis` (the hardware and workload do not change with the date).
pub fn frontier_timeline(
    dataset: &Dataset,
    analysis: &analysis::Analysis<'_>,
    bench: &str,
) -> Vec<FrontierPoint> {
    let end = analysis.scope;
    let mut dates: Vec<super::date::Date> = dataset
        .scores
        .iter()
        .filter(|s| s.bench == bench && end.includes_score(s))
        .map(|s| s.as_of)
        .collect();
    dates.sort();
    dates.dedup();
    let runs: std::collections::HashSet<&str> = analysis
        .rows
        .iter()
        .filter(|r| r.runs_locally())
        .map(|r| r.model.id.as_str())
        .collect();
    dates
        .into_iter()
        .map(|date| {
            let scope = Scope {
                as_of: date,
                seed_only: end.seed_only,
            };
            let mut point = FrontierPoint {
                date,
                proprietary: None,
                open: None,
                fits: None,
            };
            for m in dataset.models.iter().filter(|m| scope.includes_model(m)) {
                let Some(p) = rank::pick_score(dataset, scope, &m.id, bench) else {
                    continue;
                };
                let better =
                    |slot: &Option<(String, f64)>| slot.as_ref().is_none_or(|(_, v)| p.points > *v);
                if m.open_weight {
                    if better(&point.open) {
                        point.open = Some((m.id.clone(), p.points));
                    }
                    if runs.contains(m.id.as_str()) && better(&point.fits) {
                        point.fits = Some((m.id.clone(), p.points));
                    }
                } else if better(&point.proprietary) {
                    point.proprietary = Some((m.id.clone(), p.points));
                }
            }
            point
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::config::{Config, DataDate};

    #[test]
    fn the_frontier_only_moves_up_and_ends_at_the_leaders() {
        let ds = Dataset::bundled();
        let cfg = Config {
            data: DataDate::Seed,
            ..Config::default()
        };
        let a = analysis::analyze(ds, &cfg);
        let t = frontier_timeline(ds, &a, "swe_verified");
        assert!(t.len() >= 5);
        for w in t.windows(2) {
            let up = |x: &Option<(String, f64)>, y: &Option<(String, f64)>| match (x, y) {
                (Some((_, a)), Some((_, b))) => b >= a,
                (Some(_), None) => false,
                _ => true,
            };
            assert!(
                up(&w[0].proprietary, &w[1].proprietary)
                    && up(&w[0].open, &w[1].open)
                    && up(&w[0].fits, &w[1].fits)
            );
        }
        let last = t.last().unwrap();
        assert_eq!(
            last.proprietary.as_ref().map(|x| x.0.as_str()),
            Some("claude-opus-4.5")
        );
        assert_eq!(
            last.open.as_ref().map(|x| x.0.as_str()),
            Some("minimax-m2.5")
        );
        assert_eq!(
            last.fits.as_ref().map(|x| x.0.as_str()),
            Some("qwen3-coder-next")
        );
    }
}
