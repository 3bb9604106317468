//! A small dataset for rule tests (`src/engine/fixtures/`): five open models and two
//! proprietary models shaped to exercise one rule each, four devices, the real format table.
//! Editing the bundled data never breaks a rule test; the fixture is validated like the data.
//!
//! - `dense-27b` (77.0) and `moe-30b` (70.0, 3B active): a slow dense model and a fast MoE;
//! - `oss-120b` (62.0): MXFP4 experts, BF16 rest, a complete one-tag GGUF listing;
//! - `twin-small` / `twin-large` (50.0 each): a tie that only the format rule breaks;
//! - `closed` (90.0) and `closed-mini` (80.0): proprietary, with API prices ($5 / $25 with a
//!   $0.50 cache read; $1 / $4 with no cache price, weak source);
//! - devices: `card24` (display outputs), `card96` (Blackwell), `dc80` (no outputs), `mac128`;
//! - setups: `s-one24` $1,000, `s-two24` $2,000, `s-mac` $4,000 (complete system),
//!   `s-one96` $8,000 (street, weak), `s-dc80` with no price.

use super::config::{Config, DeviceChoice, DeviceRef};
use super::dataset::{Dataset, Sources};
use std::sync::OnceLock;

const SOURCES: Sources<'static> = Sources {
    benchmarks: include_str!("fixtures/benchmarks.json"),
    profiles: include_str!("../data/profiles.json"),
    models: include_str!("fixtures/models.json"),
    scores: include_str!("fixtures/scores.json"),
    hardware: include_str!("fixtures/hardware.json"),
    quants: include_str!("fixtures/quants.json"),
    seed_claims: include_str!("fixtures/seed_claims.json"),
    measurements: include_str!("fixtures/measurements.json"),
    file_sizes: include_str!("fixtures/gguf_sizes.json"),
    reference_models: "[]",
    memory_cases: "[]",
    setups: include_str!("fixtures/setups.json"),
    api_prices: include_str!("fixtures/api_prices.json"),
};

/// The fixture dataset, parsed once.
pub fn dataset() -> &'static Dataset {
    static DS: OnceLock<Dataset> = OnceLock::new();
    DS.get_or_init(|| Dataset::from_sources(&SOURCES).expect("the rule fixture parses"))
}

/// A configuration with `count` of one fixture device and everything else at defaults.
pub fn config(device: &str, count: u32) -> Config {
    Config {
        hardware: vec![DeviceChoice {
            device: DeviceRef::Known(device.into()),
            count,
            reserved_gb: None,
        }],
        ..Config::default()
    }
}

#[test]
fn the_fixture_validates() {
    let today = super::date::Date::literal(2026, 12, 2);
    assert_eq!(dataset().validate(today), Vec::<String>::new());
}
