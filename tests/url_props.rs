//! The URL codec: round trips for generated configs, and total decoding of hostile input.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "test helpers outside #[test] fns: a panic there is a failing test"
)]

use codefit::engine::config::{
    BuyTarget, Config, DataDate, DeviceChoice, DeviceRef, QuantChoice, RankBy,
};
use codefit::engine::dataset::Dataset;
use codefit::engine::date::Date;
use codefit::engine::own_model::{Inputs, OwnModel};
use codefit::engine::runtime::Runtime;
use codefit::engine::url::{decode, encode};
use proptest::prelude::*;

fn arb_config() -> impl Strategy<Value = Config> {
    let ds = Dataset::bundled();
    let devices: Vec<String> = ds.devices.iter().map(|d| d.id.clone()).collect();
    let formats: Vec<String> = ds.weight_formats.iter().map(|f| f.id.clone()).collect();
    let kvs: Vec<String> = ds.kv_formats.iter().map(|f| f.id.clone()).collect();
    let models: Vec<String> = ds.models.iter().map(|m| m.id.clone()).collect();
    let benches: Vec<String> = ds.benchmarks.iter().map(|b| b.id.clone()).collect();
    let device = prop_oneof![
        prop::sample::select(devices).prop_map(DeviceRef::Known),
        (1u32..4096, 10u32..20_000, any::<bool>()).prop_map(|(m, b, u)| DeviceRef::Custom {
            memory_gb: m as f64,
            bandwidth_gb_s: b as f64,
            unified: u
        }),
    ];
    let hardware = prop::collection::vec(
        (device, 1u32..=16).prop_map(|(device, count)| DeviceChoice {
            device,
            count,
            reserved_gb: None,
        }),
        1..6,
    );
    let rank = prop_oneof![
        prop::sample::select(benches).prop_map(RankBy::Bench),
        prop::sample::select(vec!["agentic", "algorithms", "editing", "balanced"])
            .prop_map(|p| RankBy::Profile(p.into())),
        prop::array::uniform4(0u8..=10)
            .prop_filter("some weight", |w| w.iter().any(|x| *x > 0))
            .prop_map(RankBy::Custom),
    ];
    let data = prop_oneof![
        Just(DataDate::Newest),
        Just(DataDate::Seed),
        (2024u32..2027, 1u32..13, 1u32..29)
            .prop_map(|(y, m, d)| DataDate::AsOf(Date::from_ymd(y, m, d).unwrap())),
    ];
    let quant = prop_oneof![
        Just(QuantChoice::Auto),
        prop::sample::select(formats).prop_map(QuantChoice::Fixed)
    ];
    let models2: Vec<String> = ds.models.iter().map(|m| m.id.clone()).collect();
    let extras = (
        prop::sample::select(Runtime::ALL.to_vec()),
        1024u32..=1_048_576,
        prop::option::of((prop::sample::select(models2), 1u32..5000)),
        prop::option::of(hardware_strategy()),
        (
            any::<bool>(),
            0u32..=5000,
            prop::option::of((1u32..=100_000, prop::option::of(0u32..=1000))),
        ),
        costs_strategy(),
    );
    (
        hardware,
        (0u32..2048, prop::option::of(10u32..=100)),
        quant,
        (1024u32..=1_048_576, 1u32..=64, prop::sample::select(kvs)),
        rank,
        (any::<bool>(), any::<bool>(), any::<bool>()),
        prop::option::of(prop::sample::select(models)),
        data,
        extras,
    )
        .prop_map(
            |(
                hardware,
                (ram, share),
                quant,
                (ctx, n, kv),
                rank,
                (p, f, pen),
                selected,
                data,
                (runtime, prompt, cal, cmp, (fp16, min, own), costs),
            )| Config {
                hardware,
                ram_gb: ram as f64,
                gpu_share: share.map(|s| s as f64 / 100.0),
                quant,
                context_tokens: ctx,
                sessions: n,
                kv,
                rank,
                show_proprietary: p,
                only_fits: f,
                penalty: pen,
                selected,
                data,
                runtime,
                prompt_tokens: prompt,
                calibration: cal.map(|(m, t)| (m, t as f64 / 10.0)),
                compare: cmp,
                full_precision: fp16,
                min_tok_s: min as f64 / 10.0,
                own_model: own.map(|(params, score)| own_model(params as f64 / 100.0, score)),
                ..costs
            },
        )
}

/// The buying target and the cost panel's inputs, in the ranges the URL keeps exactly.
fn costs_strategy() -> impl Strategy<Value = Config> {
    let ds = Dataset::bundled();
    let benches: Vec<String> = ds.benchmarks.iter().map(|b| b.id.clone()).collect();
    let open: Vec<String> = ds
        .models
        .iter()
        .filter(|m| m.open_weight)
        .map(|m| m.id.clone())
        .collect();
    let target = prop_oneof![
        (prop::sample::select(benches), 0u32..=100).prop_map(|(bench, v)| BuyTarget::Score {
            bench,
            min_value: v as f64 / 10.0
        }),
        prop::sample::select(open).prop_map(BuyTarget::Model),
    ];
    (
        target,
        (0u64..=10_000_000_000, 0u64..=10_000_000_000),
        (0u32..=1000, 3u32..=200, 0u32..=500, 0u32..=240),
        prop::option::of(0u32..=10_000_000),
    )
        .prop_map(
            |(target, (tin, tout), (cache, life, kwh, hpd), hwp)| Config {
                buy_target: target,
                api_input_tokens_per_day: tin,
                api_output_tokens_per_day: tout,
                api_cached_pct: cache as f64 / 10.0,
                life_years: life as f64 / 10.0,
                kwh_usd: kwh as f64 / 100.0,
                hours_per_day: hpd as f64 / 10.0,
                hardware_price_usd: hwp.map(f64::from),
                ..Config::default()
            },
        )
}

/// A pasted model (Qwen2.5-7B's config) with a parameter count to 0.01B and one score to 0.1.
fn own_model(total_b: f64, swe: Option<u32>) -> OwnModel {
    let inputs = Inputs {
        config_json: include_str!("../e2e/fixtures/qwen2.5-7b-instruct.config.json").into(),
        total_b: total_b.to_string(),
        scores: [
            swe.map(|s| (s as f64 / 10.0).to_string())
                .unwrap_or_default(),
            String::new(),
            String::new(),
            String::new(),
        ],
        ..Default::default()
    };
    OwnModel::from_inputs(Dataset::bundled(), &inputs).unwrap()
}

fn hardware_strategy() -> impl Strategy<Value = Vec<DeviceChoice>> {
    let devices: Vec<String> = Dataset::bundled()
        .devices
        .iter()
        .map(|d| d.id.clone())
        .collect();
    prop::collection::vec(
        (
            prop::sample::select(devices),
            1u32..=16,
            prop::option::of(0u32..=2560),
        )
            .prop_map(|(id, count, reserved)| DeviceChoice {
                device: DeviceRef::Known(id),
                count,
                // Memory already in use, to 0.1 GB: it must survive the round trip.
                reserved_gb: reserved.map(|r| r as f64 / 10.0),
            }),
        1..4,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn decode_encode_round_trips(cfg in arb_config()) {
        let ds = Dataset::bundled();
        let query = encode(ds, &cfg);
        let (back, notices) = decode(ds, &query);
        prop_assert!(notices.is_empty(), "{query}: {notices:?}");
        prop_assert_eq!(back, cfg);
    }
}

/// 100,000 random and mutated query strings: decoding never panics and always yields a
/// config that encodes and decodes again without notices.
#[test]
fn hostile_queries_never_panic() {
    let ds = Dataset::bundled();
    let seeds = [
        "v=1&hw=pro6000x2&q=auto&ctx=64k&n=4&rank=swe",
        "v=1&hw=rtx-3090*4,custom:96:800:u&ram=128&share=0.9&q=q4_k_m&kv=q8_0&rank=w:6-0-3-1&prop=0&fits=1&pen=1&sel=gpt-oss-120b&asof=2026-02-18",
        "v=1&rt=vllm&prompt=32k&cal=gpt-oss-120b:45.5&cmp=pro6000x2,rtx-5090*2",
        "hw=%ZZ%&ctx=1e309&n=-1&rank=&asof=seed",
        "v=1&bt=swe:70&tin=20M&tout=400k&cache=50&life=3&kwh=0.3&hpd=8&hwp=4000",
    ];
    let alphabet: Vec<char> = "=&%*,:.-_ 0123456789abcdefkmqvxzAZ?+\u{e9}\u{1F600}\0"
        .chars()
        .collect();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let (mut noticed, mut changed) = (0usize, 0usize);
    for i in 0..100_000 {
        let seed = seeds[i % seeds.len()];
        let mut chars: Vec<char> = seed.chars().collect();
        let edits = 1 + (next() % 8) as usize;
        for _ in 0..edits {
            let pos = (next() as usize) % (chars.len() + 1);
            let c = alphabet[(next() as usize) % alphabet.len()];
            match next() % 3 {
                0 => chars.insert(pos, c),
                1 if pos < chars.len() => chars[pos] = c,
                _ if pos < chars.len() => {
                    chars.remove(pos);
                }
                _ => chars.push(c),
            }
        }
        let query: String = if i % 10 == 0 {
            (0..(next() % 200))
                .map(|_| alphabet[(next() as usize) % alphabet.len()])
                .collect()
        } else {
            chars.into_iter().collect()
        };
        let (cfg, first) = decode(ds, &query);
        let (again, notices) = decode(ds, &encode(ds, &cfg));
        assert!(notices.is_empty(), "{query:?} -> {notices:?}");
        assert_eq!(again, cfg, "{query:?}");
        noticed += usize::from(!first.is_empty());
        changed += usize::from(cfg != Config::default());
    }
    // The fuzz reaches both sides of the decoder: a good share of the inputs must be corrected
    // with a notice, and a good share must still set something (a mutation that breaks every
    // input, or none, would test nothing).
    assert!(
        noticed > 50_000,
        "only {noticed} of 100,000 inputs gave a notice"
    );
    assert!(
        changed > 50_000,
        "only {changed} of 100,000 inputs changed the configuration"
    );
}

#[test]
fn defaults_encode_to_the_version_only() {
    let ds = Dataset::bundled();
    assert_eq!(encode(ds, &Config::default()), "v=1");
    let cfg = Config {
        hardware: codefit::engine::config::preset_devices(ds.preset("pro6000x2").unwrap()),
        sessions: 4,
        ..Config::default()
    };
    assert_eq!(encode(ds, &cfg), "v=1&hw=pro6000x2&n=4");
}

#[test]
fn invalid_values_fall_back_with_named_notices() {
    let ds = Dataset::bundled();
    let (cfg, notices) = decode(
        ds,
        "?v=1&hw=warp-drive&ctx=lots&n=999&bogus=1&asof=2026-13-01",
    );
    assert_eq!(cfg.hardware, Config::default().hardware);
    assert_eq!(cfg.context_tokens, Config::default().context_tokens);
    assert_eq!(cfg.sessions, 64, "clamped");
    assert_eq!(cfg.data, DataDate::Newest);
    let keys: Vec<&str> = notices.iter().map(|n| n.key.as_str()).collect();
    for k in ["hw", "ctx", "n", "bogus", "asof"] {
        assert!(keys.contains(&k), "no notice for {k}: {notices:?}");
    }
}
