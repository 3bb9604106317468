//! What to buy: for every setup a person can buy today (`setups.json`), the best model per
//! benchmark it runs at the user's workload and speed floor, with its format, speed and price;
//! and the reverse question: the cheapest setups that reach a target (a score on a benchmark,
//! or a model that must run), with what each step up the price list unlocks.
//!
//! One analysis per setup ([`analysis::analyze`] on the user's workload with the setup's
//! devices), read by [`tiers::best_per_bench_where`]: no second copy of the fit logic. The
//! answers carry figures and reasons; the page words them.

use super::analysis::{self, Row};
use super::config::{self, BuyTarget, Config};
use super::dataset::{Dataset, Setup};
use super::tiers;

/// A setup's answers differ from a target by less than this many points only by rounding.
const POINTS_EPSILON: f64 = 1e-9;

/// The speed figures of one model on one setup, from its analysis row (estimates).
#[derive(Clone, Debug, PartialEq)]
pub struct Speed {
    pub decode_tok_s: Option<f64>,
    pub decode_range: Option<(f64, f64)>,
    pub ttft_s: Option<f64>,
    pub ttft_range: Option<(f64, f64)>,
}

impl Speed {
    fn of(row: &Row<'_>) -> Speed {
        Speed {
            decode_tok_s: row.decode_est_tok_s,
            decode_range: row.decode_range,
            ttft_s: row.ttft_s,
            ttft_range: row.ttft_range,
        }
    }
}

/// The best model on one benchmark that fits a setup and reaches the speed floor.
#[derive(Clone, Debug, PartialEq)]
pub struct Pick {
    pub bench: String,
    pub model: Option<String>,
    /// Points (after the penalty when on).
    pub points: Option<f64>,
    pub format: Option<String>,
    pub speed: Option<Speed>,
}

/// A model that fits a setup and reaches the speed floor.
#[derive(Clone, Debug, PartialEq)]
pub struct Runnable {
    pub model: String,
    pub format: String,
    pub speed: Speed,
}

/// Everything the page shows for one setup at the user's workload.
#[derive(Clone, Debug, PartialEq)]
pub struct SetupAnswer {
    pub setup: String,
    /// The runtime runs on at least one of the setup's devices.
    pub runs: bool,
    /// Devices the runtime cannot use (names), if any.
    pub unsupported: Vec<String>,
    /// Memory the runtime can use on the devices it runs on, GB.
    pub usable_gb: f64,
    /// Best per benchmark, for every benchmark of the dataset (main benchmarks first).
    pub picks: Vec<Pick>,
    /// Every open-weight model that fits and reaches the floor, best format as the analysis
    /// chose it.
    pub runnable: Vec<Runnable>,
}

impl SetupAnswer {
    pub fn pick(&self, bench: &str) -> Option<&Pick> {
        self.picks.iter().find(|p| p.bench == bench)
    }
    pub fn runnable(&self, model: &str) -> Option<&Runnable> {
        self.runnable.iter().find(|r| r.model == model)
    }
}

/// The user's configuration on a setup's devices: the same workload (runtime, context,
/// sessions, KV, prompt, penalty, formats, speed floor, data date), the setup's hardware with
/// default memory in use, no offload RAM or GPU-share override (both belong to the user's own
/// machine), no calibration (it was measured on that machine) and no comparison.
pub fn setup_config(cfg: &Config, setup: &Setup) -> Config {
    Config {
        hardware: config::device_rows(&setup.devices),
        ram_gb: 0.0,
        gpu_share: None,
        calibration: None,
        compare: None,
        selected: None,
        show_proprietary: false,
        only_fits: true,
        ..cfg.clone()
    }
}

/// The benchmarks a setup answer covers: the main four first, then the others.
fn benches(dataset: &Dataset) -> Vec<&str> {
    let mut ids: Vec<&str> = dataset.main_bench_ids().to_vec();
    for b in &dataset.benchmarks {
        if !ids.contains(&b.id.as_str()) {
            ids.push(&b.id);
        }
    }
    ids
}

/// One setup's answer at the user's workload.
pub fn answer(dataset: &Dataset, cfg: &Config, setup: &Setup) -> SetupAnswer {
    let c = setup_config(cfg, setup);
    let a = analysis::analyze(dataset, &c);
    let floor = a.min_tok_s;
    let fast = |r: &Row<'_>| r.decode_est_tok_s.is_none_or(|t| t >= floor);
    let picks = tiers::best_per_bench_where(dataset, &c, &a, &benches(dataset), fast)
        .into_iter()
        .map(|p| {
            let speed = p
                .model
                .as_deref()
                .and_then(|id| a.rows.iter().find(|r| r.model.id == id))
                .map(Speed::of);
            Pick {
                bench: p.bench,
                model: p.model,
                points: p.points,
                format: p.format,
                speed,
            }
        })
        .collect();
    let runnable = a
        .rows
        .iter()
        .filter(|r| r.model.open_weight && r.status() == Some(super::fit::FitStatus::Fits))
        .filter(|r| fast(r))
        .filter_map(|r| {
            Some(Runnable {
                model: r.model.id.clone(),
                format: r.fit.as_ref()?.format_id.clone(),
                speed: Speed::of(r),
            })
        })
        .collect();
    SetupAnswer {
        setup: setup.id.clone(),
        runs: !a.machine.units.is_empty(),
        unsupported: a.machine.unsupported.clone(),
        usable_gb: a.machine.usable_gb(),
        picks,
        runnable,
    }
}

/// Every setup's answer, in the dataset's order.
pub fn answers(dataset: &Dataset, cfg: &Config) -> Vec<SetupAnswer> {
    dataset
        .setups
        .iter()
        .map(|s| answer(dataset, cfg, s))
        .collect()
}

/// What a step up the price list brings over the setup before it.
#[derive(Clone, Debug, PartialEq)]
pub enum StepUp {
    /// The cheapest setup that reaches the target.
    Cheapest,
    /// A higher best score on the step's benchmark, with the model that scores it.
    Higher { model: String, points: f64 },
    /// The same best score, with the step's model decoding faster (estimated tok/s).
    Faster { decode_tok_s: f64 },
    /// No higher score and no faster decode: more memory or devices only.
    NoGain,
}

/// A setup that reaches the target.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub setup: String,
    pub price_usd: Option<f64>,
    /// The model that reaches the target here: the best on the benchmark, or the target model.
    pub model: String,
    pub format: String,
    /// The best points on the step's benchmark here.
    pub points: Option<f64>,
    /// The best model on the step's benchmark here (the target model's setups may run better).
    pub best_model: Option<String>,
    pub speed: Speed,
    /// What it brings over the previous priced step; `None` for setups without a price.
    pub step_up: Option<StepUp>,
}

/// The answer to the reverse question.
#[derive(Clone, Debug, PartialEq)]
pub struct Reverse {
    /// The benchmark the steps compare on: the target's, or the first main benchmark when the
    /// target is a model.
    pub bench: String,
    /// The target in points (score targets), for the page's wording.
    pub min_points: Option<f64>,
    /// Setups with a price that reach the target, cheapest first.
    pub priced: Vec<Step>,
    /// Setups without a public price that reach it, by name.
    pub unpriced: Vec<Step>,
}

/// The cheapest setups that reach `target` at the floor the answers were made with.
pub fn cheapest(dataset: &Dataset, answers: &[SetupAnswer], target: &BuyTarget) -> Reverse {
    let (bench, min_points) = match target {
        BuyTarget::Score { bench, min_value } => (
            bench.clone(),
            Some(
                dataset
                    .benchmark(bench)
                    .map_or(*min_value, |b| b.to_points(*min_value)),
            ),
        ),
        BuyTarget::Model(_) => (
            dataset
                .main_benches
                .first()
                .cloned()
                .unwrap_or_else(|| "swe_verified".into()),
            None,
        ),
    };
    let mut priced: Vec<(&Setup, Step)> = Vec::new();
    let mut unpriced: Vec<(&Setup, Step)> = Vec::new();
    for ans in answers {
        let Some(setup) = dataset.setup(&ans.setup) else {
            continue;
        };
        let best = ans.pick(&bench);
        let reached = match target {
            BuyTarget::Score { .. } => best
                .filter(|p| {
                    p.points
                        .zip(min_points)
                        .is_some_and(|(v, m)| v >= m - POINTS_EPSILON)
                })
                .and_then(|p| {
                    Some((
                        p.model.clone()?,
                        p.format.clone()?,
                        p.speed.clone().or_else(|| {
                            ans.runnable(p.model.as_deref()?).map(|r| r.speed.clone())
                        })?,
                    ))
                }),
            BuyTarget::Model(id) => ans
                .runnable(id)
                .map(|r| (r.model.clone(), r.format.clone(), r.speed.clone())),
        };
        let Some((model, format, speed)) = reached else {
            continue;
        };
        let step = Step {
            setup: setup.id.clone(),
            price_usd: setup.price_usd,
            model,
            format,
            points: best.and_then(|p| p.points),
            best_model: best.and_then(|p| p.model.clone()),
            speed,
            step_up: None,
        };
        if setup.price_usd.is_some() {
            priced.push((setup, step));
        } else {
            unpriced.push((setup, step));
        }
    }
    priced.sort_by(|(a, x), (b, y)| {
        x.price_usd
            .unwrap_or(f64::INFINITY)
            .total_cmp(&y.price_usd.unwrap_or(f64::INFINITY))
            .then_with(|| a.name.cmp(&b.name))
    });
    unpriced.sort_by(|(a, _), (b, _)| a.name.cmp(&b.name));
    let mut priced: Vec<Step> = priced.into_iter().map(|(_, s)| s).collect();
    // The bar a step must clear: the best points so far, and the fastest decode at them.
    let mut bar: Option<(f64, f64)> = None;
    for s in &mut priced {
        let points = s.points.unwrap_or(0.0);
        let decode = s.speed.decode_tok_s.unwrap_or(0.0);
        let higher = bar.is_some_and(|(p, _)| points > p + POINTS_EPSILON);
        let level = bar.is_some_and(|(p, _)| points >= p - POINTS_EPSILON);
        s.step_up = Some(match bar {
            None => StepUp::Cheapest,
            Some(_) if higher => StepUp::Higher {
                model: s.best_model.clone().unwrap_or_default(),
                points,
            },
            Some((_, d)) if level && decode > d + POINTS_EPSILON => StepUp::Faster {
                decode_tok_s: decode,
            },
            Some(_) => StepUp::NoGain,
        });
        bar = Some(match bar {
            None => (points, decode),
            Some(_) if higher => (points, decode),
            Some((p, d)) if level => (p, d.max(decode)),
            Some(b) => b,
        });
    }
    Reverse {
        bench,
        min_points,
        priced,
        unpriced: unpriced.into_iter().map(|(_, s)| s).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::fixture;
    use proptest::prelude::*;

    fn target(min: f64) -> BuyTarget {
        BuyTarget::Score {
            bench: "swe_verified".into(),
            min_value: min,
        }
    }

    /// On the fixture at the default workload (64k context, one session, FP16 KV, llama.cpp,
    /// 10 tok/s floor): the 24 GB card runs the MoE (70.0) at Q4-class formats; the 128 GB Mac
    /// runs the dense 27B (77.0) too but under the floor, so its pick is the MoE; the 96 GB
    /// Blackwell card runs the dense 27B above the floor (1792 GB/s).
    #[test]
    fn each_setup_gets_its_best_model_at_the_floor() {
        let ds = fixture::dataset();
        let cfg = Config::default();
        let all = answers(ds, &cfg);
        assert_eq!(all.len(), ds.setups.len());
        let best = |id: &str| {
            let a = all.iter().find(|a| a.setup == id).unwrap();
            let p = a.pick("swe_verified").unwrap();
            (p.model.clone(), p.points)
        };
        assert_eq!(best("s-one96"), (Some("dense-27b".into()), Some(77.0)));
        assert_eq!(best("s-mac"), (Some("moe-30b".into()), Some(70.0)));
        // Every pick is a model that runs there at the floor, with its speed.
        for a in &all {
            for p in &a.picks {
                if let Some(m) = &p.model {
                    let r = a.runnable(m).unwrap();
                    assert!(r.speed.decode_tok_s.is_none_or(|t| t >= 10.0));
                    assert_eq!(p.speed.as_ref(), Some(&r.speed));
                }
            }
        }
        // The same call as the tier table's for that hardware (no floor): one fit logic.
        let mac = ds.setup("s-mac").unwrap();
        let no_floor = Config {
            min_tok_s: 0.0,
            ..Config::default()
        };
        let a = answer(ds, &no_floor, mac);
        let tier = tiers::best_per_bench(ds, &setup_config(&no_floor, mac), &["swe_verified"]);
        assert_eq!(a.pick("swe_verified").unwrap().model, tier[0].model);
        assert_eq!(tier[0].model.as_deref(), Some("dense-27b"));
    }

    /// MLX runs only on Apple devices: every other setup says the runtime cannot use it.
    #[test]
    fn a_setup_the_runtime_cannot_use_says_so() {
        let ds = fixture::dataset();
        let cfg = Config {
            runtime: crate::engine::Runtime::Mlx,
            ..Config::default()
        };
        let all = answers(ds, &cfg);
        for a in &all {
            let mac = a.setup == "s-mac";
            assert_eq!(a.runs, mac, "{}", a.setup);
            assert_eq!(a.unsupported.is_empty(), mac, "{}", a.setup);
            if !mac {
                assert!(a.picks.iter().all(|p| p.model.is_none()));
            }
        }
    }

    /// ≥ 70 on SWE at the default workload: the $1,000 24 GB card already runs the dense 27B
    /// (77.0) at Q4-class formats above the floor, so it is the cheapest; two of them split it
    /// (slower: no gain); the Mac's pick is the MoE (70.0: no gain); the $8,000 Blackwell card
    /// runs the dense model faster; the unpriced dc80 is listed after. ≥ 75: the Mac drops out.
    #[test]
    fn the_cheapest_setups_that_reach_a_score() {
        let ds = fixture::dataset();
        let all = answers(ds, &Config::default());
        let r = cheapest(ds, &all, &target(70.0));
        let ids: Vec<&str> = r.priced.iter().map(|s| s.setup.as_str()).collect();
        assert_eq!(ids, ["s-one24", "s-two24", "s-mac", "s-one96"]);
        let ups: Vec<&StepUp> = r.priced.iter().filter_map(|s| s.step_up.as_ref()).collect();
        assert!(matches!(
            ups.as_slice(),
            [
                StepUp::Cheapest,
                StepUp::NoGain,
                StepUp::NoGain,
                StepUp::Faster { .. }
            ]
        ));
        assert_eq!(r.priced[0].model, "dense-27b");
        assert_eq!(r.min_points, Some(70.0));
        let unpriced: Vec<&str> = r.unpriced.iter().map(|s| s.setup.as_str()).collect();
        assert_eq!(unpriced, ["s-dc80"]);
        assert!(r.unpriced.iter().all(|s| s.step_up.is_none()));
        let high = cheapest(ds, &all, &target(75.0));
        assert!(high.priced.iter().all(|s| s.points >= Some(75.0)));
        assert!(!high.priced.iter().any(|s| s.setup == "s-mac"));
        // A model target: every listed setup runs that model at the floor.
        let m = cheapest(ds, &all, &BuyTarget::Model("moe-30b".into()));
        assert_eq!(m.priced.first().map(|s| s.setup.as_str()), Some("s-one24"));
        assert!(m.priced.iter().all(|s| s.model == "moe-30b"));
        // Nothing reaches 99.
        assert!(cheapest(ds, &all, &target(99.0)).priced.is_empty());
    }

    /// Step-ups on hand-made answers (prices from the fixture's setups): 60 points at $1,000;
    /// 60 points faster at $2,000; 80 points at $4,000; 70 points at $8,000 (lower: no gain).
    #[test]
    fn each_step_up_says_what_it_unlocks() {
        let ds = fixture::dataset();
        let made = |setup: &str, model: &str, points: f64, tok_s: f64| SetupAnswer {
            setup: setup.into(),
            runs: true,
            unsupported: Vec::new(),
            usable_gb: 0.0,
            picks: vec![Pick {
                bench: "swe_verified".into(),
                model: Some(model.into()),
                points: Some(points),
                format: Some("q4_k_m".into()),
                speed: Some(Speed {
                    decode_tok_s: Some(tok_s),
                    decode_range: None,
                    ttft_s: None,
                    ttft_range: None,
                }),
            }],
            runnable: Vec::new(),
        };
        let all = [
            made("s-one96", "b", 70.0, 90.0),
            made("s-mac", "a", 80.0, 20.0),
            made("s-two24", "c", 60.0, 30.0),
            made("s-one24", "c", 60.0, 10.0),
        ];
        let r = cheapest(ds, &all, &target(50.0));
        let ups: Vec<StepUp> = r.priced.iter().filter_map(|s| s.step_up.clone()).collect();
        assert_eq!(
            ups,
            [
                StepUp::Cheapest,
                StepUp::Faster { decode_tok_s: 30.0 },
                StepUp::Higher {
                    model: "a".into(),
                    points: 80.0
                },
                StepUp::NoGain,
            ]
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// Whatever the workload and target, the list is sorted by price and every listed
        /// setup reaches the target at the floor; no unlisted priced setup reaches it.
        #[test]
        fn the_reverse_list_is_sorted_and_every_setup_meets_the_target(
            ctx in 1024u32..=262_144,
            sessions in 1u32..=8,
            floor in 0u32..=80,
            min in 0u32..=100,
            model_target in any::<bool>(),
        ) {
            let ds = fixture::dataset();
            let cfg = Config {
                context_tokens: ctx,
                sessions,
                min_tok_s: f64::from(floor),
                ..Config::default()
            };
            let all = answers(ds, &cfg);
            let t = if model_target {
                BuyTarget::Model("moe-30b".into())
            } else {
                target(f64::from(min))
            };
            let r = cheapest(ds, &all, &t);
            for w in r.priced.windows(2) {
                prop_assert!(w[0].price_usd <= w[1].price_usd);
            }
            for s in r.priced.iter().chain(&r.unpriced) {
                prop_assert!(s.speed.decode_tok_s.is_none_or(|d| d >= f64::from(floor)));
                match &t {
                    BuyTarget::Score { .. } => prop_assert!(s.points >= Some(f64::from(min))),
                    BuyTarget::Model(id) => prop_assert_eq!(&s.model, id),
                }
            }
            let listed: Vec<&str> = r.priced.iter().map(|s| s.setup.as_str()).collect();
            for a in &all {
                let meets = match &t {
                    BuyTarget::Score { .. } => a
                        .pick("swe_verified")
                        .and_then(|p| p.points)
                        .is_some_and(|p| p >= f64::from(min)),
                    BuyTarget::Model(id) => a.runnable(id).is_some(),
                };
                let priced = ds.setup(&a.setup).and_then(|s| s.price_usd).is_some();
                prop_assert_eq!(meets && priced, listed.contains(&a.setup.as_str()));
            }
        }
    }
}
