//! Memory tiers: the best model per benchmark that fits a configuration's hardware, and the
//! best achievable score against a memory budget (the budget chart's step curve).

use super::analysis;
use super::config::Config;
use super::dataset::Dataset;
use super::fit::FitStatus;
use super::memory;
use super::rank::{self, Scope};

/// The best model that fits one budget on one benchmark.
#[derive(Clone, Debug, PartialEq)]
pub struct TierPick {
    pub bench: String,
    pub model: Option<String>,
    pub points: Option<f64>,
    pub format: Option<String>,
}

/// Best fitting open-weight model per benchmark for a configuration (its hardware and
/// workload; its ranking is ignored). One analysis serves every benchmark: fits do not depend
/// on the benchmark.
pub fn best_per_bench(dataset: &Dataset, cfg: &Config, benches: &[&str]) -> Vec<TierPick> {
    let a = analysis::analyze(
        dataset,
        &Config {
            show_proprietary: false,
            only_fits: true,
            ..cfg.clone()
        },
    );
    best_per_bench_in(dataset, cfg, &a, benches)
}

/// As [`best_per_bench`], from an analysis already made for this hardware and workload.
pub fn best_per_bench_in(
    dataset: &Dataset,
    cfg: &Config,
    a: &analysis::Analysis<'_>,
    benches: &[&str],
) -> Vec<TierPick> {
    best_per_bench_where(dataset, cfg, a, benches, |_| true)
}

/// As [`best_per_bench_in`], among the fitting rows `keep` accepts (the buying panel keeps
/// those that reach the speed floor).
pub fn best_per_bench_where(
    dataset: &Dataset,
    cfg: &Config,
    a: &analysis::Analysis<'_>,
    benches: &[&str],
    keep: impl Fn(&analysis::Row<'_>) -> bool,
) -> Vec<TierPick> {
    benches
        .iter()
        .map(|bench| {
            let best = a
                .rows
                .iter()
                .filter(|r| r.model.open_weight && r.status() == Some(FitStatus::Fits))
                .filter(|r| keep(r))
                .filter_map(|r| {
                    let p = rank::pick_score(dataset, a.scope, &r.model.id, bench)?;
                    let f = r.fit.as_ref()?;
                    let loss = if cfg.penalty {
                        rank::penalty_pct(dataset, r.model, &f.format_id)
                    } else {
                        0.0
                    };
                    Some((r, f, p.points * (1.0 - loss / 100.0)))
                })
                .fold(
                    None::<(&analysis::Row<'_>, &super::fit::Fit, f64)>,
                    |best, x| match best {
                        Some(b) if b.2 >= x.2 => Some(b),
                        _ => Some(x),
                    },
                );
            TierPick {
                bench: (*bench).to_string(),
                model: best.map(|(r, _, _)| r.model.id.clone()),
                points: best.map(|(_, _, v)| v),
                format: best.map(|(_, f, _)| f.format_id.clone()),
            }
        })
        .collect()
}

/// One step of the best-achievable-score curve: from `memory_gb` on, `points` is reachable.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub memory_gb: f64,
    pub points: f64,
    pub model: String,
    pub format: String,
}

/// Best achievable score on `bench` against a memory budget, as a step curve: for every
/// open-weight model with a score and every format it may run at, the memory it needs on one
/// device (weights + KV cache at the configuration's workload + one device's overhead);
/// then the running best. With the penalty on, each format's assumed loss is applied.
pub fn budget_curve(dataset: &Dataset, cfg: &Config, bench: &str) -> Vec<Step> {
    let scope = Scope::of(dataset, cfg.data);
    let workload = memory::workload_of(dataset, cfg);
    // The runtime and device families decide which formats exist; the budget is one device.
    let machine = super::hardware::resolve(dataset, cfg);
    let mut points: Vec<Step> = Vec::new();
    for m in dataset
        .models
        .iter()
        .filter(|m| m.open_weight && scope.includes_model(m))
    {
        let (Some(facts), Some(pick)) = (
            m.open_facts(),
            rank::pick_score(dataset, scope, &m.id, bench),
        ) else {
            continue;
        };
        let ctx = workload.context_tokens.min(facts.arch.max_context);
        let w = super::memory::Workload {
            context_tokens: ctx,
            ..workload
        };
        for f in super::fit::candidate_formats(dataset, &facts, &machine, cfg.full_precision) {
            let need = super::memory::breakdown(
                facts.params,
                facts.arch,
                f,
                cfg.runtime,
                &w,
                cfg.runtime.overhead_gb(),
            )
            .total_gb();
            let loss = if cfg.penalty {
                rank::penalty_pct(dataset, m, &f.id)
            } else {
                0.0
            };
            points.push(Step {
                memory_gb: need,
                points: pick.points * (1.0 - loss / 100.0),
                model: m.id.clone(),
                format: f.id.clone(),
            });
        }
    }
    points.sort_by(|a, b| a.memory_gb.total_cmp(&b.memory_gb));
    let mut steps: Vec<Step> = Vec::new();
    for p in points {
        if steps.last().is_none_or(|s| p.points > s.points + 1e-9) {
            steps.push(p);
        }
    }
    steps
}
