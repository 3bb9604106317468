//! The seed's claims checked against the engine: its TL;DR table recomputed from its own
//! figures on each tier's hardware (with every disagreement stated), its published speeds beside
//! the engine's estimates, and the models it left out that change the answer.

use super::analysis;
use super::config::{Config, DataDate, preset_devices};
use super::dataset::{Dataset, SeedTierRow};
use super::fit::FitStatus;
use super::rank::{self, Scope};
use super::tiers::{TierPick, best_per_bench, best_per_bench_in};

/// The seed's method: a model "fits" when its quoted memory figure is at most the budget.
/// Returns the best such model per benchmark among the seed's own figures.
pub fn seed_method_best(dataset: &Dataset, budget_gb: f64, bench: &str) -> Option<(String, f64)> {
    let scope = Scope {
        as_of: super::dataset::SEED_DATE,
        seed_only: true,
    };
    dataset
        .models
        .iter()
        .filter(|m| m.open_weight && scope.includes_model(m))
        .filter(|m| m.seed_memory.as_ref().is_some_and(|s| s.gb <= budget_gb))
        .filter_map(|m| {
            rank::pick_score(dataset, scope, &m.id, bench).map(|p| (m.id.clone(), p.points))
        })
        .max_by(|a, b| a.1.total_cmp(&b.1))
}

fn bench_name<'a>(dataset: &'a Dataset, id: &str) -> &'a str {
    dataset
        .benchmark(id)
        .map_or("this benchmark", |b| b.name.as_str())
}

/// One TL;DR row checked two ways.
#[derive(Clone, Debug)]
pub struct SeedRowCheck {
    pub row: SeedTierRow,
    /// The seed's own memory figure for the model is within the budget.
    pub fits_by_seed_figure: bool,
    /// The engine's verdict on the tier's hardware at the configuration's workload.
    pub engine_status: FitStatus,
    pub engine_format: String,
    /// Best per benchmark by the seed's method, and by the engine on the tier's hardware.
    pub seed_method_swe: Option<String>,
    pub seed_method_lcb: Option<String>,
    pub engine_swe: TierPick,
    pub engine_lcb: TierPick,
    /// Why the engine disagrees (empty when it agrees).
    pub disagreements: Vec<String>,
}

/// Recomputes every TL;DR row from the seed's own figures (the seed snapshot), on the
/// tier's preset hardware, at the workload of `base` (context, sessions, KV precision).
pub fn check_seed_tldr(dataset: &Dataset, base: &Config) -> Vec<SeedRowCheck> {
    // The check reads the workload only (`Config::seed_check_inputs`, what the page memoises on).
    let base = &base.seed_check_inputs();
    let name = |id: &str| {
        dataset
            .model(id)
            .map_or_else(|| id.to_string(), |m| m.name.clone())
    };
    dataset
        .seed_claims
        .tldr
        .iter()
        .map(|row| {
            let mut cfg = Config {
                data: DataDate::Seed,
                quant: super::config::QuantChoice::Auto,
                ..base.clone()
            };
            if let Some(p) = dataset.preset(&row.preset) {
                cfg.hardware = preset_devices(p);
            }
            let seed_fig = dataset.model(&row.model).and_then(|m| m.seed_memory.as_ref());
            let fits_by_seed_figure = seed_fig.is_some_and(|s| s.gb <= row.budget_gb as f64);
            let a = analysis::analyze(dataset, &Config { show_proprietary: false, ..cfg.clone() });
            let own = a.rows.iter().find(|r| r.model.id == row.model);
            let engine_status = own.and_then(|r| r.status()).unwrap_or(FitStatus::NoFit);
            let engine_format = own
                .and_then(|r| r.fit.as_ref().map(|f| f.format_id.clone()))
                .unwrap_or_default();
            let seed_method_swe = seed_method_best(dataset, row.budget_gb as f64, "swe_verified").map(|x| x.0);
            let seed_method_lcb = seed_method_best(dataset, row.budget_gb as f64, "lcb_v6").map(|x| x.0);
            let mut picks = best_per_bench_in(dataset, &cfg, &a, &["swe_verified", "lcb_v6"]).into_iter();
            let engine_swe = picks.next().unwrap_or(TierPick { bench: "swe_verified".into(), model: None, points: None, format: None });
            let engine_lcb = picks.next().unwrap_or(TierPick { bench: "lcb_v6".into(), model: None, points: None, format: None });

            let mut disagreements = Vec::new();
            if let Some(s) = seed_fig
                && !fits_by_seed_figure {
                    disagreements.push(format!(
                        "the seed's own figure for {} (~{} GB) is more than the {} GB budget",
                        name(&row.model),
                        s.gb,
                        row.budget_gb
                    ));
                }
            if engine_status != FitStatus::Fits {
                disagreements.push(format!(
                    "on {} the engine finds that {} {} (weights + KV cache + overhead per device)",
                    a.machine.describe(),
                    name(&row.model),
                    engine_status.label()
                ));
            }
            // The models the seed names for this budget (a budget may have several rows).
            let tier: Vec<&str> = dataset
                .seed_claims
                .tldr
                .iter()
                .filter(|r| r.budget_gb == row.budget_gb)
                .map(|r| r.model.as_str())
                .collect();
            let quoted = [(&engine_swe, row.swe_verified.is_some()), (&engine_lcb, row.lcb_v6.is_some())];
            for (pick, quotes) in quoted {
                let Some(best) = pick.model.as_deref() else { continue };
                if quotes && !tier.contains(&best) {
                    disagreements.push(format!(
                        "on {} the best model that fits here is {} ({:.1}, at {}), which the seed does not name for this budget",
                        bench_name(dataset, &pick.bench),
                        name(best),
                        pick.points.unwrap_or_default(),
                        pick.format.as_deref().unwrap_or("?"),
                    ));
                }
            }
            SeedRowCheck {
                row: row.clone(),
                fits_by_seed_figure,
                engine_status,
                engine_format,
                seed_method_swe,
                seed_method_lcb,
                engine_swe,
                engine_lcb,
                disagreements,
            }
        })
        .collect()
}

/// The seed's speed claim on one device, beside the engine's estimate for the seed's own pick
/// on that device.
#[derive(Clone, Debug)]
pub struct SeedSpeedClaim<'a> {
    pub measurement: &'a super::dataset::Measurement,
    /// (model id, format, estimate tok/s, ceiling tok/s) for the seed's TL;DR pick there.
    pub engine: Option<(String, String, f64, f64)>,
}

/// The seed's published speeds ("69 tok/s Mac vs 134 tok/s PRO 6000 on MoE"), each with the
/// engine's estimate for the model the seed recommends on that hardware, at `base`'s workload.
pub fn seed_speed_claims<'a>(dataset: &'a Dataset, base: &Config) -> Vec<SeedSpeedClaim<'a>> {
    // The workload only, as for the TL;DR check.
    let base = &base.seed_check_inputs();
    dataset
        .measurements
        .iter()
        .filter(|m| m.in_seed)
        .map(|m| {
            let engine = dataset
                .seed_claims
                .tldr
                .iter()
                .find(|row| {
                    dataset.preset(&row.preset).is_some_and(|p| {
                        p.devices.len() == 1
                            && p.devices
                                .iter()
                                .all(|d| d.device == m.device && d.count == m.count)
                    })
                })
                .and_then(|row| {
                    let preset = dataset.preset(&row.preset)?;
                    let cfg = Config {
                        data: DataDate::Seed,
                        selected: None,
                        hardware: preset_devices(preset),
                        ..base.clone()
                    };
                    let a = analysis::analyze(dataset, &cfg);
                    let r = a.rows.iter().find(|r| r.model.id == row.model)?;
                    Some((
                        r.model.id.clone(),
                        r.fit.as_ref()?.format_id.clone(),
                        r.decode_est_tok_s?,
                        r.decode_tok_s?,
                    ))
                });
            SeedSpeedClaim {
                measurement: m,
                engine,
            }
        })
        .collect()
}

/// Models published by the seed's date that the seed left out, and where they change the
/// answer on this hardware: (benchmark, best in the seed snapshot, best with every figure
/// published by 2026-02-18).
pub fn seed_omissions(
    dataset: &Dataset,
    cfg: &Config,
) -> (Vec<String>, Vec<(String, TierPick, TierPick)>) {
    let seed = super::dataset::SEED_DATE;
    let left_out = dataset
        .models
        .iter()
        .filter(|m| !m.in_seed && m.released <= seed)
        .map(|m| m.id.clone())
        .collect();
    let benches = dataset.main_bench_ids();
    let snapshot = best_per_bench(
        dataset,
        &Config {
            data: DataDate::Seed,
            ..cfg.clone()
        },
        &benches,
    );
    let as_of = best_per_bench(
        dataset,
        &Config {
            data: DataDate::AsOf(seed),
            ..cfg.clone()
        },
        &benches,
    );
    let changed = snapshot
        .into_iter()
        .zip(as_of)
        .filter(|(a, b)| a.model != b.model)
        .map(|(a, b)| (a.bench.clone(), a, b))
        .collect();
    (left_out, changed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_speed_claims_sit_beside_estimates() {
        let ds = Dataset::bundled();
        let claims = seed_speed_claims(ds, &Config::default());
        assert_eq!(claims.len(), 2);
        let mac = claims
            .iter()
            .find(|c| c.measurement.device == "m3-ultra-256")
            .unwrap();
        assert_eq!(mac.measurement.decode_tok_s, 69.0);
        let (model, _, est, ceiling) = mac.engine.clone().unwrap();
        assert_eq!(model, "qwen3.5-397b-a17b");
        assert!(est < ceiling && est > 0.0);
        let pro = claims
            .iter()
            .find(|c| c.measurement.device == "rtx-pro-6000")
            .unwrap();
        assert_eq!(
            pro.engine.as_ref().map(|e| e.0.as_str()),
            Some("qwen3-coder-next")
        );
    }

    #[test]
    fn omitted_models_change_small_budgets() {
        let ds = Dataset::bundled();
        let cfg = Config::with_preset(ds.preset("rtx4090").unwrap());
        let (left_out, changed) = seed_omissions(ds, &cfg);
        assert!(left_out.contains(&"devstral-small-2".to_string()));
        let swe = changed.iter().find(|(b, ..)| b == "swe_verified").unwrap();
        assert_eq!(swe.1.model.as_deref(), Some("qwen3-coder-30b-a3b"));
        assert_eq!(swe.2.model.as_deref(), Some("devstral-small-2"));
    }
}
