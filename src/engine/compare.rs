//! Two hardware setups side by side: what each runs at best per benchmark, the score gained,
//! speed and time-to-first-token differences, and the models the upgrade unlocks.

use super::analysis::{self, Analysis};
use super::config::Config;
use super::dataset::Dataset;
use super::tiers::{self, TierPick};

/// One benchmark on both setups.
#[derive(Clone, Debug, PartialEq)]
pub struct BenchComparison {
    pub bench: String,
    pub a: TierPick,
    pub b: TierPick,
    /// Points gained on B (negative: lost).
    pub gain: Option<f64>,
}

/// Speed of one model on both setups.
#[derive(Clone, Debug, PartialEq)]
pub struct SpeedComparison {
    pub model: String,
    pub decode_a: Option<f64>,
    pub decode_b: Option<f64>,
    pub ttft_a: Option<f64>,
    pub ttft_b: Option<f64>,
}

#[derive(Clone, Debug)]
pub struct Comparison<'a> {
    pub a: Analysis<'a>,
    pub b: Analysis<'a>,
    pub benches: Vec<BenchComparison>,
    /// Open-weight models that run on B but not on A, and the other way round.
    pub unlocked: Vec<String>,
    pub lost: Vec<String>,
    /// The best model on A and the best on B, each measured on both setups.
    pub speeds: Vec<SpeedComparison>,
}

/// Benchmarks compared: every benchmark with at least one open-weight figure in scope.
fn compared_benches(dataset: &Dataset, a: &Analysis<'_>) -> Vec<String> {
    dataset
        .benchmarks
        .iter()
        .filter(|b| {
            dataset.scores.iter().any(|s| {
                s.bench == b.id
                    && a.scope.includes_score(s)
                    && dataset.model(&s.model).is_some_and(|m| m.open_weight)
            })
        })
        .map(|b| b.id.clone())
        .collect()
}

/// Compares the configuration's hardware (A) with its comparison hardware (B).
pub fn compare<'a>(dataset: &'a Dataset, cfg: &Config) -> Option<Comparison<'a>> {
    let other = cfg.compare.clone()?;
    let cfg_b = Config {
        hardware: other,
        compare: None,
        ..cfg.clone()
    };
    let a = analysis::analyze(dataset, cfg);
    let b = analysis::analyze(dataset, &cfg_b);
    let ids = compared_benches(dataset, &a);
    let id_refs: Vec<&str> = ids.iter().map(String::as_str).collect();
    let picks_a = tiers::best_per_bench_in(dataset, cfg, &a, &id_refs);
    let picks_b = tiers::best_per_bench_in(dataset, &cfg_b, &b, &id_refs);
    let benches = picks_a
        .into_iter()
        .zip(picks_b)
        .map(|(pa, pb)| BenchComparison {
            bench: pa.bench.clone(),
            gain: match (pa.points, pb.points) {
                (Some(x), Some(y)) => Some(y - x),
                (None, Some(y)) => Some(y),
                (Some(x), None) => Some(-x),
                (None, None) => None,
            },
            a: pa,
            b: pb,
        })
        .collect();
    let runs =
        |an: &Analysis<'_>, id: &str| an.rows.iter().any(|r| r.model.id == id && r.runs_locally());
    let open: Vec<&str> = a
        .rows
        .iter()
        .filter(|r| r.model.open_weight)
        .map(|r| r.model.id.as_str())
        .collect();
    let unlocked = open
        .iter()
        .filter(|id| runs(&b, id) && !runs(&a, id))
        .map(|s| s.to_string())
        .collect();
    let lost = open
        .iter()
        .filter(|id| runs(&a, id) && !runs(&b, id))
        .map(|s| s.to_string())
        .collect();
    let mut speed_models: Vec<String> = [a.best_row(), b.best_row()]
        .into_iter()
        .flatten()
        .map(|r| r.model.id.clone())
        .collect();
    speed_models.dedup();
    let speeds = speed_models
        .into_iter()
        .map(|id| {
            let on = |an: &Analysis<'_>| {
                an.rows
                    .iter()
                    .find(|r| r.model.id == id && r.runs_locally())
                    .map(|r| (r.decode_est_tok_s, r.ttft_s))
            };
            let (da, ta) = on(&a).unwrap_or((None, None));
            let (db, tb) = on(&b).unwrap_or((None, None));
            SpeedComparison {
                model: id,
                decode_a: da,
                decode_b: db,
                ttft_a: ta,
                ttft_b: tb,
            }
        })
        .collect();
    Some(Comparison {
        a,
        b,
        benches,
        unlocked,
        lost,
        speeds,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::config::{DataDate, preset_devices};

    /// The seed's upgrade: 96 GB → PRO 6000 + 5090, seed snapshot, SWE-Bench Verified. The
    /// engine finds MiniMax-M2.5 unlocked (at Q2_K on the two cards), +9.6 points.
    #[test]
    fn upgrade_from_96_to_128() {
        let ds = Dataset::bundled();
        let cfg = Config {
            data: DataDate::Seed,
            compare: Some(preset_devices(ds.preset("pro6000-5090").unwrap())),
            ..Config::default()
        };
        let c = compare(ds, &cfg).unwrap();
        let swe = c
            .benches
            .iter()
            .find(|b| b.bench == "swe_verified")
            .unwrap();
        assert_eq!(swe.a.model.as_deref(), Some("qwen3-coder-next"));
        assert_eq!(swe.b.model.as_deref(), Some("minimax-m2.5"));
        assert!((swe.gain.unwrap() - 9.6).abs() < 1e-6);
        assert!(c.unlocked.contains(&"minimax-m2.5".to_string()));
        assert!(c.lost.is_empty());
        assert!(
            c.speeds
                .iter()
                .any(|s| s.model == "minimax-m2.5" && s.decode_a.is_none() && s.decode_b.is_some())
        );
    }
}
