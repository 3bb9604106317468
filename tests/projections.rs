//! The projections of `Config` the page's panels memoise on (`Config::seed_check_inputs`,
//! `Config::omission_inputs`) keep every field their checks read: a check gives the same
//! answer on the projection as on the whole configuration, whatever else is set. If a check
//! starts reading a field its projection drops, its panel would show a stale answer; these
//! tests fail first. They need the seed's claims, so they run on the bundled dataset.

use codefit::engine::config::{Config, DataDate, DeviceChoice, DeviceRef, QuantChoice, RankBy};
use codefit::engine::dataset::Dataset;
use codefit::engine::runtime::Runtime;
use codefit::engine::seed_checks;

/// Configurations that differ from the default in one or several fields each.
fn variants(ds: &Dataset) -> Vec<Config> {
    let d = Config::default();
    let mac = ds
        .presets
        .iter()
        .find(|p| p.id == "mac256")
        .map(Config::with_preset);
    let mut out = vec![
        d.clone(),
        Config {
            context_tokens: 131_072,
            sessions: 3,
            kv: "q8_0".into(),
            ..d.clone()
        },
        Config {
            runtime: Runtime::Vllm,
            penalty: true,
            ram_gb: 128.0,
            ..d.clone()
        },
        Config {
            hardware: vec![DeviceChoice {
                device: DeviceRef::Known("rtx-4090".into()),
                count: 2,
                reserved_gb: Some(1.0),
            }],
            rank: RankBy::Bench("lcb_v6".into()),
            quant: QuantChoice::Fixed("q4_k_m".into()),
            show_proprietary: false,
            only_fits: true,
            selected: Some("qwen3.6-27b".into()),
            data: DataDate::Seed,
            min_tok_s: 40.0,
            full_precision: true,
            ..d.clone()
        },
    ];
    if let Some(m) = mac {
        out.push(Config {
            gpu_share: Some(0.9),
            context_tokens: 65_536,
            ..m
        });
    }
    out
}

/// The seed checks apply `seed_check_inputs` themselves; the page memoises on the same
/// projection. It must drop what the checks set themselves (hardware, data date, the ranking,
/// the selection), so those changes recompute nothing, and keep the workload, which changes
/// the checks' answers.
#[test]
fn the_seed_checks_follow_the_workload_and_nothing_else() {
    let ds = Dataset::bundled();
    let all = variants(ds);
    let d = Config::default();
    let hw_rank_only = all
        .get(3)
        .map(|c| Config {
            context_tokens: d.context_tokens,
            ..c.clone()
        })
        .unwrap_or_default();
    assert_eq!(hw_rank_only.seed_check_inputs(), d.seed_check_inputs());
    let long = Config {
        context_tokens: 262_144,
        sessions: 4,
        ..d.clone()
    };
    assert_ne!(
        format!("{:?}", seed_checks::check_seed_tldr(ds, &long)),
        format!("{:?}", seed_checks::check_seed_tldr(ds, &d)),
        "a 4 × 256k workload should change what the seed's budgets hold"
    );
    for cfg in all {
        let p = cfg.seed_check_inputs();
        assert_eq!(p.seed_check_inputs(), p, "the projection is idempotent");
    }
}

#[test]
fn the_seed_omissions_read_only_their_projection() {
    let ds = Dataset::bundled();
    for cfg in variants(ds) {
        assert_eq!(
            format!("{:?}", seed_checks::seed_omissions(ds, &cfg)),
            format!(
                "{:?}",
                seed_checks::seed_omissions(ds, &cfg.omission_inputs())
            ),
            "omissions differ on their projection for {cfg:?}"
        );
    }
}

#[test]
fn a_preset_is_recognised_only_from_its_own_rows() {
    let ds = Dataset::bundled();
    for p in &ds.presets {
        let rows = codefit::engine::config::preset_devices(p);
        let found = codefit::engine::config::matching_preset(ds, &rows).map(|m| m.id.as_str());
        // Two presets with the same rows would make the picker ambiguous.
        assert_eq!(
            found,
            Some(p.id.as_str()),
            "preset {} is not recognised",
            p.id
        );
        let mut reserved = rows.clone();
        if let Some(first) = reserved.first_mut() {
            first.reserved_gb = Some(3.0);
        }
        assert!(codefit::engine::config::matching_preset(ds, &reserved).is_none());
    }
    assert!(codefit::engine::config::matching_preset(ds, &[]).is_none());
}
