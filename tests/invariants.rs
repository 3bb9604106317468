//! Invariants of every recommendation (issue 13, section 3), over generated configurations and
//! every row: the command's format is loadable and (where the repository's listing is complete)
//! published; its placement flags reproduce the engine's placement; every number is finite and
//! within physical bounds; the headline names the first row that meets the filters; ties do
//! not depend on the dataset's order.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "test helpers outside #[test] fns: a panic there is a failing test"
)]

use codefit::engine::config::{QuantChoice, RankBy};
use codefit::engine::launch;
use codefit::engine::placement::Mode;
use codefit::engine::{Analysis, Config, Dataset, FitStatus, Row, Runtime, analyze, headline};
use proptest::prelude::*;

/// The presets plus machines with many GPUs (rows of 16 H200, 3 or 6 mixed cards).
fn hardware() -> Vec<String> {
    let ds = Dataset::bundled();
    ds.presets
        .iter()
        .map(|p| p.id.clone())
        .chain(
            [
                "h200*16,h200*16,h200*16,h200*16,h200*16,h200*16,h200*16,h200*16",
                "rtx-3090*6",
                "rtx-pro-6000,rtx-5090,rtx-4090",
                "h200*5",
            ]
            .map(String::from),
        )
        .collect()
}

fn configs() -> impl Strategy<Value = Config> {
    let ds = Dataset::bundled();
    let formats: Vec<String> = ds.weight_formats.iter().map(|f| f.id.clone()).collect();
    (
        prop::sample::select(hardware()),
        prop::sample::select(Runtime::ALL.to_vec()),
        prop::sample::select(vec![8_192u32, 32_768, 65_536, 131_072, 262_144]),
        1u32..=6,
        prop::sample::select(vec!["f16", "q8_0", "fp8"]),
        prop::option::weighted(0.2, prop::sample::select(formats)),
        (
            any::<bool>(),
            prop::sample::select(vec![0.0, 10.0, 30.0]),
            prop::sample::select(vec![0.0, 64.0, 256.0]),
        ),
        prop::sample::select(vec![
            "swe_verified",
            "lcb_v6",
            "terminal_bench_2_0",
            "swe_pro_public",
        ]),
    )
        .prop_map(|(hw, runtime, ctx, n, kv, q, (fp16, min, ram), bench)| {
            let ds = Dataset::bundled();
            let (base, _) = codefit::engine::url::decode(ds, &format!("v=1&hw={hw}"));
            Config {
                runtime,
                context_tokens: ctx,
                sessions: n,
                kv: kv.into(),
                quant: q.map_or(QuantChoice::Auto, QuantChoice::Fixed),
                full_precision: fp16,
                min_tok_s: min,
                ram_gb: ram,
                rank: RankBy::Bench(bench.into()),
                ..base
            }
        })
}

/// The value of `flag` in `command` (the token after it).
fn flag<'c>(command: &'c str, flag: &str) -> Option<&'c str> {
    let mut it = command.split_whitespace();
    while let Some(t) = it.next() {
        if t == flag {
            return it.next();
        }
    }
    None
}

fn check_commands(ds: &Dataset, a: &Analysis<'_>) -> Result<(), TestCaseError> {
    let m = &a.machine;
    for row in a.rows.iter().filter(|r| r.fit.is_some()) {
        let fit = row.fit.as_ref().unwrap();
        let id = &row.model.id;
        let format = ds.weight_format(&fit.format_id).unwrap();
        // A format the runtime loads on these devices.
        if !m.units.is_empty() {
            prop_assert!(
                m.runtime.supports_format(format, m.all_blackwell()),
                "{id}: {} under {:?}",
                format.id,
                m.runtime
            );
        }
        let Some(l) = launch::command(ds, row.model, fit, m, &a.workload) else {
            continue;
        };
        let cmd = &l.command;
        let arch = row.model.arch.as_ref().unwrap();
        match m.runtime {
            Runtime::LlamaCpp => {
                // A repository with a complete listing is asked only for a tag it publishes.
                if let Some(hf) = flag(cmd, "-hf") {
                    let (repo, tag) = hf.split_once(':').map_or((hf, None), |(r, t)| (r, Some(t)));
                    if let Some(files) = row
                        .model
                        .repos
                        .gguf_files
                        .iter()
                        .find(|f| f.repo == repo && f.complete)
                    {
                        match tag {
                            Some(t) => prop_assert!(
                                files.tags.iter().any(|x| x.eq_ignore_ascii_case(t)),
                                "{id}: {cmd}"
                            ),
                            None => prop_assert!(
                                files.tags.len() == 1
                                    && files.tags[0].eq_ignore_ascii_case(&fit.format_id),
                                "{id}: {cmd}"
                            ),
                        }
                    }
                }
                // The placement flags reproduce the placement.
                let ngl: u32 = flag(cmd, "--n-gpu-layers").unwrap().parse().unwrap();
                if fit.placement.rest_layers > 0 {
                    prop_assert_eq!(ngl, fit.placement.gpu_layers(), "{}: {}", id, cmd);
                } else {
                    prop_assert_eq!(ngl, 999, "{}: {}", id, cmd);
                }
                match fit.expert_offload {
                    Some(x) => {
                        let n = x.cpu_layers.to_string();
                        prop_assert_eq!(flag(cmd, "--n-cpu-moe"), Some(n.as_str()));
                        prop_assert_eq!(
                            fit.placement.rest_layers,
                            0,
                            "whole layers and experts both offloaded: {}",
                            cmd
                        );
                    }
                    None => prop_assert!(flag(cmd, "--n-cpu-moe").is_none(), "{}", cmd),
                }
                if m.units.len() > 1 {
                    let split: Vec<u32> = flag(cmd, "--tensor-split")
                        .unwrap()
                        .split(',')
                        .map(|x| x.parse().unwrap())
                        .collect();
                    let shares: Vec<u32> = fit.placement.shares.iter().map(|s| s.layers).collect();
                    prop_assert_eq!(split, shares, "{}", cmd);
                }
                prop_assert!(fit.placement.gpu_layers() + fit.placement.rest_layers == arch.layers);
            }
            Runtime::Vllm | Runtime::Sglang => {
                let (tp_flag, pp_flag) = if m.runtime == Runtime::Vllm {
                    ("--tensor-parallel-size", "--pipeline-parallel-size")
                } else {
                    ("--tp", "--pp-size")
                };
                let tp: u32 = flag(cmd, tp_flag).map_or(1, |v| v.parse().unwrap());
                let pp: u32 = flag(cmd, pp_flag).map_or(1, |v| v.parse().unwrap());
                if let Mode::Parallel { tensor, pipeline } = fit.placement.mode {
                    prop_assert_eq!((tp, pp), (tensor, pipeline), "{}", cmd);
                }
                prop_assert!(
                    arch.attention_heads % tp == 0 && pp <= arch.layers,
                    "{id}: {cmd}"
                );
                prop_assert!((tp * pp) as usize <= m.units.len().max(1), "{id}: {cmd}");
            }
            Runtime::Mlx => {}
        }
    }
    Ok(())
}

fn check_numbers(a: &Analysis<'_>) -> Result<(), TestCaseError> {
    let m = &a.machine;
    let hardware: f64 = m.units.iter().map(|u| u.memory_gb).sum();
    prop_assert!(
        m.usable_gb().is_finite() && m.usable_gb() >= 0.0 && m.usable_gb() <= hardware + 1e-9
    );
    for u in &m.units {
        prop_assert!(
            u.usable_gb >= 0.0 && u.usable_gb <= u.memory_gb + 1e-9,
            "{u:?}"
        );
    }
    for row in &a.rows {
        if let Some(f) = &row.fit {
            let mem = &f.memory;
            for x in [
                mem.weights_gb,
                mem.kv_cache_gb,
                mem.overhead_gb,
                f.headroom_gb,
                f.offload_gb,
            ] {
                prop_assert!(x.is_finite(), "{}: {f:?}", row.model.id);
            }
            prop_assert!(mem.weights_gb > 0.0 && mem.kv_cache_gb >= 0.0 && f.offload_gb >= 0.0);
            if f.status == FitStatus::Fits {
                for s in &f.placement.shares {
                    prop_assert!(s.used_gb() <= s.usable_gb + 1e-6, "{}: {s:?}", row.model.id);
                }
                prop_assert!(mem.total_gb() <= m.usable_gb() + 1e-6);
            }
        }
        // Every range brackets its estimate.
        if let (Some(c), Some((lo, hi))) = (row.max_context, row.max_context_range) {
            prop_assert!(lo <= c && c <= hi, "{}: {c} not in {lo}–{hi}", row.model.id);
        }
        if let (Some(e), Some((lo, hi))) = (row.decode_est_tok_s, row.decode_range) {
            prop_assert!(
                lo <= e * (1.0 + 1e-9) && e <= hi * (1.0 + 1e-9),
                "{}: {e} not in {lo}–{hi}",
                row.model.id
            );
        }
        if let Some(f) = &row.fit
            && let Some((lo, hi)) = f.memory_range_gb
        {
            prop_assert!(lo <= f.memory.total_gb() + 1e-9 && f.memory.total_gb() <= hi + 1e-9);
        }
        for x in [row.decode_tok_s, row.decode_est_tok_s, row.ttft_s]
            .into_iter()
            .flatten()
        {
            prop_assert!(x.is_finite() && x > 0.0, "{}: {x}", row.model.id);
        }
        if let (Some(c), Some(e)) = (row.decode_tok_s, row.decode_est_tok_s) {
            prop_assert!(e <= c + 1e-9);
        }
    }
    Ok(())
}

fn check_headline(ds: &Dataset, a: &Analysis<'_>, cfg: &Config) -> Result<(), TestCaseError> {
    let runs = |r: &&Row<'_>| r.runs_locally() && r.value.is_some();
    let fast = |r: &&Row<'_>| r.decode_est_tok_s.is_none_or(|t| t >= cfg.min_tok_s);
    let expected = a
        .rows
        .iter()
        .filter(runs)
        .find(fast)
        .or_else(|| a.rows.iter().find(runs));
    prop_assert_eq!(
        a.best_row().map(|r| &r.model.id),
        expected.map(|r| &r.model.id)
    );
    if let Some(best) = a.best_row() {
        let h = headline(ds, a);
        prop_assert!(h.contains(&best.model.name), "{h}");
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(160))]

    #[test]
    fn every_recommendation_holds(cfg in configs()) {
        let ds = Dataset::bundled();
        let a = analyze(ds, &cfg);
        check_commands(ds, &a)?;
        check_numbers(&a)?;
        check_headline(ds, &a, &cfg)?;
    }

    /// Ties resolve by the documented rule, so the order of the dataset's models changes
    /// nothing.
    #[test]
    fn ranking_is_independent_of_dataset_order(cfg in configs(), seed in any::<u64>()) {
        let ds = Dataset::bundled();
        let mut shuffled = ds.clone();
        // A deterministic shuffle (xorshift) of the models.
        let mut x = seed | 1;
        for i in (1..shuffled.models.len()).rev() {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            shuffled.models.swap(i, (x % (i as u64 + 1)) as usize);
        }
        let ids = |a: &Analysis<'_>| a.rows.iter().map(|r| r.model.id.clone()).collect::<Vec<_>>();
        let a = analyze(ds, &cfg);
        let b = analyze(&shuffled, &cfg);
        prop_assert_eq!(ids(&a), ids(&b));
        prop_assert_eq!(headline(ds, &a), headline(&shuffled, &b));
    }
}
