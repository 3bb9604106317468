//! The one entry point: `analyze(&Dataset, &Config) -> Analysis`, everything the page shows.
//!
//! It resolves the machine and the workload once, builds one row per model in scope (scores,
//! fit, speed, largest context), measures each row's gap to the leaders, applies the decode
//! model (fitted or the user's calibration), keeps the rows the switches ask for, orders them
//! and picks the headline model at the speed floor. Table sorts are views over its rows.

use super::config::{self, Config, QuantChoice, RankBy};
use super::dataset::{Dataset, Model};
use super::fit::{self, Fit, FitStatus};
use super::hardware::{self, Machine};
use super::memory::{self, Workload};
use super::rank::{self, Leader, Scope, ScorePick};
use super::speed;

/// One model's line in the answer.
#[derive(Clone, Debug)]
pub struct Row<'a> {
    pub model: &'a Model,
    /// None for proprietary models (they do not run locally).
    pub fit: Option<Fit>,
    pub picks: [Option<ScorePick<'a>>; 4],
    /// The ranking value (points, after the penalty when on).
    pub value: Option<f64>,
    /// Before the penalty.
    pub raw_value: Option<f64>,
    pub penalty_pct: f64,
    pub coverage: f64,
    /// Single-stream decode ceiling (upper bound).
    pub decode_tok_s: Option<f64>,
    /// Realistic decode estimate: ceiling × efficiency (family default or calibrated).
    pub decode_est_tok_s: Option<f64>,
    /// Estimated time to first token for the configured prompt, seconds.
    pub ttft_s: Option<f64>,
    /// Published measurements of this model on this machine's devices.
    pub measured: Vec<&'a super::dataset::Measurement>,
    pub max_context: Option<u32>,
    /// Points behind the best open-weight / best proprietary model on the same metric.
    pub gap_open: Option<f64>,
    pub gap_proprietary: Option<f64>,
    /// The fit's format quality (`quality_rank`), for breaking ties in the ranking.
    pub format_quality: u32,
    /// The decode estimate's range (10th–90th percentile of the out-of-sample errors), tok/s.
    pub decode_range: Option<(f64, f64)>,
    /// The time to first token's range, seconds.
    pub ttft_range: Option<(f64, f64)>,
    /// The largest context's range over the memory estimate's range, tokens.
    pub max_context_range: Option<(u32, u32)>,
}

impl Row<'_> {
    pub fn status(&self) -> Option<FitStatus> {
        self.fit.as_ref().map(|f| f.status)
    }
    pub fn runs_locally(&self) -> bool {
        matches!(self.status(), Some(FitStatus::Fits | FitStatus::Offload))
    }
}

/// Everything the page shows, derived from `(Dataset, Config)`.
#[derive(Clone, Debug)]
pub struct Analysis<'a> {
    pub scope: Scope,
    pub machine: Machine,
    pub workload: Workload,
    /// Rows ranked by value (unranked rows last, by name); filtered by the config's switches.
    pub rows: Vec<Row<'a>>,
    /// Index into `rows` of the best model that runs locally.
    pub best: Option<usize>,
    pub best_open: Option<Leader<'a>>,
    pub best_proprietary: Option<Leader<'a>>,
    pub metric: String,
    /// Decode efficiency the estimates use (share of the ceiling), and whether it comes from
    /// the user's own measurement.
    pub efficiency: f64,
    pub calibrated: bool,
    /// The configuration asked for a calibration the engine could not use (model not
    /// running here).
    pub calibration_unused: bool,
    /// The KV precision the user chose but the runtime lacks (FP16 is used instead).
    pub kv_fallback: Option<String>,
    /// Why a fixed weight format was refused (the runtime or hardware cannot load it), if it was.
    pub quant_refusal: Option<String>,
    /// The metric's own scale: 100 for percentages and profiles, 10 for a score out of 10.
    pub metric_max: f64,
    /// Why the ranking differs from the one asked for (all custom weights zero), if it does.
    pub rank_note: Option<String>,
    /// The speed floor the headline model had to reach (estimated tok/s), and whether no
    /// model that runs here reaches it (the headline then names the best below it).
    pub min_tok_s: f64,
    pub below_floor: bool,
    /// The prompt the time-to-first-token estimates are for, tokens.
    pub prompt_tokens: u32,
    /// The decode model the estimates use (fitted, or from the user's measurement) and the
    /// range of its out-of-sample errors.
    pub decode_fit: super::calibration::DecodeFit,
    pub decode_band: Option<super::calibration::Band>,
}

impl Analysis<'_> {
    /// A value on the 0–100 points scale, in the metric's own unit ("70.6%", "8.3/10").
    pub fn show(&self, points: f64) -> String {
        if (self.metric_max - 100.0).abs() < 1e-9 {
            format!("{points:.1}")
        } else {
            format!(
                "{:.2}/{}",
                points * self.metric_max / 100.0,
                self.metric_max
            )
        }
    }
    /// A gap in the metric's own unit.
    pub fn show_gap(&self, points: f64) -> String {
        format!("{:.1}", points * self.metric_max / 100.0)
    }
    pub fn best_row(&self) -> Option<&Row<'_>> {
        self.best.and_then(|i| self.rows.get(i))
    }
    /// The model the page focuses on: the selected one when it runs locally at all (it has
    /// a fit), else the best that runs.
    pub fn focus_row(&self, selected: Option<&str>) -> Option<&Row<'_>> {
        selected
            .and_then(|id| {
                self.rows
                    .iter()
                    .find(|r| r.model.id == id && r.fit.is_some())
            })
            .or_else(|| self.best_row())
    }
}

/// The fixed weight format the configuration asks for, if this runtime can load it on these
/// devices; otherwise `None` (the best format that fits is used) and the reason, which the page
/// shows like the KV fallback.
pub fn effective_quant<'a>(
    dataset: &'a Dataset,
    cfg: &Config,
    machine: &Machine,
) -> (Option<&'a super::dataset::WeightFormat>, Option<String>) {
    let QuantChoice::Fixed(id) = &cfg.quant else {
        return (None, None);
    };
    let Some(format) = dataset.weight_format(id) else {
        return (None, None);
    };
    if !format.runtimes.iter().any(|r| r == machine.runtime.id()) {
        return (
            None,
            Some(format!(
                "{} does not load {}: the best format that fits is used instead",
                machine.runtime.name(),
                format.name
            )),
        );
    }
    if !machine
        .runtime
        .supports_format(format, machine.all_blackwell())
    {
        return (
            None,
            Some(format!(
                "{} needs Blackwell GPUs for every device: the best format that fits is used instead",
                format.name
            )),
        );
    }
    (Some(format), None)
}

/// What every row of one analysis shares: found once, read by [`row_for`] for each model.
#[derive(Clone, Copy)]
struct Setting<'a, 'c> {
    dataset: &'a Dataset,
    cfg: &'c Config,
    scope: Scope,
    machine: &'c Machine,
    workload: &'c Workload,
    fixed: Option<&'a super::dataset::WeightFormat>,
    /// The published measurements taken on this machine.
    here: &'c [&'a super::dataset::Measurement],
}

/// Builds one row (fit, scores, value, speed, largest context) for a model.
fn row_for<'a>(setting: Setting<'a, '_>, model: &'a Model) -> Row<'a> {
    let Setting {
        dataset,
        cfg,
        scope,
        machine,
        workload,
        fixed,
        here,
    } = setting;
    let rank::ModelScores {
        picks,
        value: raw_value,
        coverage,
    } = rank::model_scores(dataset, scope, &model.id, &cfg.rank);
    let choice = match fixed {
        Some(f) => fit::Choice::Fixed(f),
        None => fit::Choice::Best {
            full_precision: cfg.full_precision,
        },
    };
    let fit = fit::best_fit(dataset, model, machine, workload, choice);
    let facts = model.open_facts();
    let mut decode = None;
    let mut ttft = None;
    let mut max_context = None;
    let mut max_context_range = None;
    let mut penalty = 0.0;
    if let (Some(f), Some(facts)) = (&fit, &facts) {
        if let Some(format) = dataset.weight_format(&f.format_id) {
            if f.status != FitStatus::NoFit {
                decode = speed::decode_ceiling_tok_s(
                    facts,
                    format,
                    f,
                    machine,
                    workload.kv_bytes_per_element,
                );
                ttft = speed::ttft_seconds(facts, f, machine, cfg.prompt_tokens);
            }
            max_context = fit::largest_context(facts, machine, workload, format);
            max_context_range = max_context
                .and_then(|_| fit::largest_context_range(facts, machine, workload, format));
        }
        if cfg.penalty {
            penalty = rank::penalty_pct(dataset, model, &f.format_id);
        }
    }
    let format_quality = fit
        .as_ref()
        .and_then(|f| dataset.weight_format(&f.format_id))
        .map_or(0, |f| f.quality_rank);
    Row {
        model,
        format_quality,
        fit,
        picks,
        value: raw_value.map(|v| v * (1.0 - penalty / 100.0)),
        raw_value,
        penalty_pct: penalty,
        coverage,
        decode_tok_s: decode,
        decode_est_tok_s: None,
        ttft_s: ttft,
        measured: if model.open_weight {
            speed::of_model(here, model)
        } else {
            Vec::new()
        },
        max_context,
        gap_open: None,
        gap_proprietary: None,
        decode_range: None,
        ttft_range: None,
        max_context_range,
    }
}

/// The whole answer for a configuration.
pub fn analyze<'a>(dataset: &'a Dataset, cfg: &Config) -> Analysis<'a> {
    let (rank, rank_note) = rank::effective_rank(&cfg.rank);
    let adjusted;
    let cfg = if rank_note.is_some() {
        adjusted = Config {
            rank,
            ..cfg.clone()
        };
        &adjusted
    } else {
        cfg
    };
    let scope = Scope::of(dataset, cfg.data);
    let machine = hardware::resolve(dataset, cfg);
    // The fixed format (or its refusal) is the machine's, not a model's: decided once.
    let (fixed, quant_refusal) = effective_quant(dataset, cfg, &machine);
    let workload = memory::workload_of(dataset, cfg);
    // The measurements taken on this machine, found once for every row.
    let here = speed::measurements_here(dataset, &machine);
    let setting = Setting {
        dataset,
        cfg,
        scope,
        machine: &machine,
        workload: &workload,
        fixed,
        here: &here,
    };
    let mut rows: Vec<Row<'a>> = dataset
        .models
        .iter()
        .filter(|m| scope.includes_model(m))
        .map(|m| row_for(setting, m))
        .collect();
    let leader = |open: bool| {
        rank::leader(
            rows.iter()
                .filter(|r| r.model.open_weight == open)
                .map(|r| (r.model, r.raw_value)),
        )
    };
    let best_open = leader(true);
    let best_proprietary = leader(false);
    let calibrated = cfg.calibration.as_ref().and_then(|(id, tok_s)| {
        let ceiling = rows.iter().find(|r| &r.model.id == id)?.decode_tok_s?;
        speed::calibrated_efficiency(*tok_s, ceiling)
    });
    // The user's own measurement replaces the fitted model (a pure share of the ceiling), and
    // its range is what a device's own cases leave.
    let decode = calibrated.map_or(machine.decode, |e| super::calibration::DecodeFit {
        efficiency: e,
        fixed_ms: 0.0,
        cases: 1,
    });
    let efficiency = decode.efficiency;
    let cal = &dataset.calibration;
    let decode_band = if calibrated.is_some() {
        cal.calibrated_band
    } else {
        cal.decode_band(machine.runtime)
    };
    for r in &mut rows {
        r.decode_est_tok_s = r.decode_tok_s.map(|c| decode.estimate(c));
        r.decode_range = r.decode_est_tok_s.zip(decode_band).map(|(e, b)| b.range(e));
        r.ttft_range = r.ttft_s.zip(cal.prefill_band).map(|(t, b)| {
            let (lo, hi) = b.range(1.0 / t);
            (1.0 / hi, 1.0 / lo)
        });
        if let Some(v) = r.value {
            r.gap_open = best_open.map(|l| l.gap(v));
            r.gap_proprietary = best_proprietary.map(|l| l.gap(v));
        }
    }
    rows.retain(|r| {
        (cfg.show_proprietary || r.model.open_weight)
            && (!cfg.only_fits || !r.model.open_weight || r.runs_locally())
    });
    sort_rows(&mut rows);
    // The headline model: the first ranked row that runs here at the speed floor; when none
    // reaches it, the first that runs at all (and the headline says it is below the floor).
    let min_tok_s = config::clamp_f64(
        cfg.min_tok_s,
        0.0,
        config::MAX_MIN_TOK_S,
        config::DEFAULT_MIN_TOK_S,
    );
    let runs = |r: &Row<'_>| r.runs_locally() && r.value.is_some();
    let fast_enough = |r: &Row<'_>| r.decode_est_tok_s.is_none_or(|t| t >= min_tok_s);
    let floor_best = rows.iter().position(|r| runs(r) && fast_enough(r));
    let best = floor_best.or_else(|| rows.iter().position(runs));
    Analysis {
        scope,
        machine,
        workload,
        rows,
        best,
        best_open,
        best_proprietary,
        metric: rank::metric_name(dataset, &cfg.rank),
        efficiency,
        calibrated: calibrated.is_some(),
        calibration_unused: cfg.calibration.is_some() && calibrated.is_none(),
        kv_fallback: memory::effective_kv(dataset, cfg)
            .filter(|k| k.id != cfg.kv)
            .map(|_| cfg.kv.clone()),
        quant_refusal,
        rank_note,
        min_tok_s,
        below_floor: floor_best.is_none() && best.is_some(),
        prompt_tokens: cfg.prompt_tokens,
        decode_fit: decode,
        decode_band,
        metric_max: match &cfg.rank {
            RankBy::Bench(id) => dataset.benchmark(id).map_or(100.0, |b| b.max),
            _ => 100.0,
        },
    }
}

/// Ranked rows first (value descending; among equals, models that run locally first), then
/// unranked rows by name.
pub fn sort_rows(rows: &mut Vec<Row<'_>>) {
    // Sort indices, then move each row once: rows are large, and moving them in the sort
    // itself dominated ranking time for thousands of models.
    let mut keyed: Vec<(usize, &Row<'_>)> = rows.iter().enumerate().collect();
    keyed.sort_by(|(_, a), (_, b)| compare_rows(a, b));
    let order: Vec<usize> = keyed.into_iter().map(|(i, _)| i).collect();
    let mut slots: Vec<Option<Row<'_>>> = rows.drain(..).map(Some).collect();
    rows.extend(
        order
            .into_iter()
            .filter_map(|i| slots.get_mut(i).and_then(Option::take)),
    );
}

/// Equal scores are broken as a practitioner would: the model that runs locally, then the
/// higher-quality format (a Q6_K fit over a Q2_K squeeze), then the faster decode, then more
/// headroom; the name only last, so the order never depends on the dataset's order.
fn compare_rows(a: &Row<'_>, b: &Row<'_>) -> std::cmp::Ordering {
    let speed = |r: &Row<'_>| r.decode_tok_s.unwrap_or(0.0);
    let headroom = |r: &Row<'_>| r.fit.as_ref().map_or(f64::NEG_INFINITY, |f| f.headroom_gb);
    match (a.value, b.value) {
        (Some(x), Some(y)) => y
            .total_cmp(&x)
            .then(b.runs_locally().cmp(&a.runs_locally()))
            .then(b.format_quality.cmp(&a.format_quality))
            .then(speed(b).total_cmp(&speed(a)))
            .then(headroom(b).total_cmp(&headroom(a)))
            .then(a.model.name.cmp(&b.model.name)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.model.name.cmp(&b.model.name),
    }
}

/// Columns the ranked table can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    Rank,
    Model,
    Fit,
    Memory,
    Speed,
    Context,
}

/// Row order for a table sort; ties keep the ranked order. Rows without the sorted figure go last.
pub fn sorted_order(rows: &[Row<'_>], key: SortKey, descending: bool) -> Vec<usize> {
    if key == SortKey::Rank && !descending {
        return (0..rows.len()).collect();
    }
    let figure = |r: &Row<'_>| -> Option<f64> {
        match key {
            SortKey::Rank => None,
            SortKey::Model => None,
            SortKey::Fit => r.fit.as_ref().map(|f| f.headroom_gb),
            SortKey::Memory => r.fit.as_ref().map(|f| f.memory.total_gb()),
            SortKey::Speed => r.decode_tok_s,
            SortKey::Context => r.max_context.map(f64::from),
        }
    };
    let mut keyed: Vec<(usize, &Row<'_>)> = rows.iter().enumerate().collect();
    keyed.sort_by(|&(a, ra), &(b, rb)| {
        let ord = match key {
            SortKey::Rank => a.cmp(&b),
            SortKey::Model => ra
                .model
                .name
                .to_lowercase()
                .cmp(&rb.model.name.to_lowercase()),
            _ => match (figure(ra), figure(rb)) {
                (Some(x), Some(y)) => x.total_cmp(&y),
                (Some(_), None) => return std::cmp::Ordering::Less,
                (None, Some(_)) => return std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            },
        };
        if descending { ord.reverse() } else { ord }
    });
    keyed.into_iter().map(|(i, _)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::headline::headline;
    use crate::engine::runtime::Runtime;

    #[test]
    fn unsupported_kv_precision_falls_back_to_fp16() {
        let ds = Dataset::bundled();
        let cfg = Config {
            runtime: Runtime::Vllm,
            kv: "q8_0".into(),
            ..Config::default()
        };
        let a = analyze(ds, &cfg);
        assert_eq!(a.kv_fallback.as_deref(), Some("q8_0"));
        assert_eq!(a.workload.kv_bytes_per_element, 2.0);
    }

    /// A fixed format the runtime or hardware cannot load is refused with a reason, and the
    /// best format that fits is used (issue 13, bug 4): NVFP4 on an Ada card, a GGUF type
    /// under vLLM.
    #[test]
    fn unloadable_fixed_format_is_refused_with_a_reason() {
        let ds = Dataset::bundled();
        let cfg = |preset: &str, runtime: Runtime, q: &str| Config {
            runtime,
            quant: QuantChoice::Fixed(q.into()),
            ..Config::with_preset(ds.preset(preset).unwrap())
        };
        let a = analyze(ds, &cfg("rtx4090", Runtime::LlamaCpp, "nvfp4"));
        assert!(
            a.quant_refusal
                .as_deref()
                .is_some_and(|r| r.contains("llama.cpp does not load NVFP4")),
            "{:?}",
            a.quant_refusal
        );
        assert!(
            a.rows
                .iter()
                .filter_map(|r| r.fit.as_ref())
                .all(|f| f.format_id != "nvfp4")
        );
        let a = analyze(ds, &cfg("rtx4090", Runtime::Vllm, "nvfp4"));
        assert!(
            a.quant_refusal
                .as_deref()
                .is_some_and(|r| r.contains("needs Blackwell")),
            "{:?}",
            a.quant_refusal
        );
        let a = analyze(ds, &cfg("pro6000", Runtime::Vllm, "q4_k_m"));
        assert!(a.quant_refusal.is_some());
        assert!(
            a.rows
                .iter()
                .filter_map(|r| r.fit.as_ref())
                .all(|f| f.format_id != "q4_k_m")
        );
        // A loadable fixed format is kept, with no refusal.
        let a = analyze(ds, &cfg("pro6000", Runtime::LlamaCpp, "q4_k_m"));
        assert!(a.quant_refusal.is_none());
        let row = a.rows.iter().find(|r| r.model.id == "qwen3.6-27b").unwrap();
        assert_eq!(row.fit.as_ref().unwrap().format_id, "q4_k_m");
    }

    /// Ties in score are broken by format quality, then decode, then headroom, never by name
    /// (issue 13, bug 9). Fixture: two models at 50.0 on a 96 GB card; the small one fits at
    /// Q8_0, the large one at Q4_K_M. By name "Twin Large" would win; by format, "Twin Small".
    #[test]
    fn ties_prefer_the_better_format_then_speed() {
        let ds = crate::engine::fixture::dataset();
        let cfg = Config {
            min_tok_s: 0.0,
            ..crate::engine::fixture::config("card96", 1)
        };
        let a = analyze(ds, &cfg);
        let twins: Vec<&Row<'_>> = a
            .rows
            .iter()
            .filter(|r| r.model.id.starts_with("twin"))
            .collect();
        assert_eq!(twins.len(), 2);
        assert!(
            twins
                .iter()
                .all(|r| r.runs_locally() && r.value == Some(50.0))
        );
        assert_eq!(
            twins[0].model.id,
            "twin-small",
            "{:?}",
            twins
                .iter()
                .map(|r| (&r.model.id, r.format_quality))
                .collect::<Vec<_>>()
        );
        assert!(twins[0].format_quality > twins[1].format_quality);
        // On the bundled presets too: no running row with the best row's score has a better
        // format, or the same format and a faster decode.
        let ds = Dataset::bundled();
        for p in &ds.presets {
            let a = analyze(ds, &Config::with_preset(p));
            let Some(best) = a.best_row() else { continue };
            for r in a
                .rows
                .iter()
                .filter(|r| r.runs_locally() && r.value == best.value)
                .filter(|r| r.decode_est_tok_s.is_none_or(|t| t >= a.min_tok_s))
            {
                assert!(
                    r.format_quality < best.format_quality
                        || (r.format_quality == best.format_quality
                            && r.decode_tok_s.unwrap_or(0.0) <= best.decode_tok_s.unwrap_or(0.0)),
                    "{}: {} should not lose to {}",
                    p.id,
                    r.model.id,
                    best.model.id
                );
            }
        }
    }

    /// The speed floor (issue 13, section 2). Fixture: on the 128 GB Mac the dense 27B scores
    /// higher but decodes under 10 tok/s, so the fast MoE leads and the headline says why; with
    /// the floor at 0 the dense model leads; with a floor nothing reaches, the best that runs
    /// leads and the headline says so. The headline states the expected speed.
    #[test]
    fn the_headline_model_reaches_the_speed_floor() {
        let ds = crate::engine::fixture::dataset();
        let base = crate::engine::fixture::config("mac128", 1);
        let a = analyze(ds, &base);
        let best = a.best_row().unwrap();
        assert_eq!(best.model.id, "moe-30b");
        assert!(best.decode_est_tok_s.unwrap() >= 10.0 && !a.below_floor);
        let skipped = a.rows.iter().find(|r| r.model.id == "dense-27b").unwrap();
        assert!(skipped.value > best.value && skipped.decode_est_tok_s.unwrap() < 10.0);
        let h = headline(ds, &a);
        assert!(
            h.contains("tok/s (estimate)")
                && h.contains("Dense 27B scores higher but runs here at about"),
            "{h}"
        );
        let id = |min: f64| {
            let a = analyze(
                ds,
                &Config {
                    min_tok_s: min,
                    ..base.clone()
                },
            );
            a.best_row().unwrap().model.id.clone()
        };
        assert_eq!(id(0.0), "dense-27b");
        let high = analyze(
            ds,
            &Config {
                min_tok_s: 500.0,
                ..base.clone()
            },
        );
        assert!(high.below_floor);
        assert_eq!(high.best_row().unwrap().model.id, "dense-27b");
        assert!(headline(ds, &high).contains("reaches your 500 tok/s floor"));
        // The engine clamps a floor it is given: NaN is the default floor, a negative one none.
        assert_eq!(id(f64::NAN), "moe-30b");
        assert_eq!(id(-5.0), "dense-27b");
    }

    /// All custom weights at zero (issue 13, bug 11): the engine weighs the four benchmarks
    /// equally and says so, instead of a headline claiming no model has a figure.
    #[test]
    fn all_zero_custom_weights_rank_equally_and_say_so() {
        let ds = Dataset::bundled();
        let zero = analyze(
            ds,
            &Config {
                rank: RankBy::Custom([0; 4]),
                ..Config::default()
            },
        );
        let equal = analyze(
            ds,
            &Config {
                rank: RankBy::Custom([1; 4]),
                ..Config::default()
            },
        );
        assert!(zero.rank_note.is_some() && equal.rank_note.is_none());
        assert!(zero.best.is_some());
        assert_eq!(headline(ds, &zero), headline(ds, &equal));
        let ids = |a: &Analysis<'_>| {
            a.rows
                .iter()
                .map(|r| r.model.id.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&zero), ids(&equal));
    }
}
