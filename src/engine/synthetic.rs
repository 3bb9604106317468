//! Synthetic models for the benchmark command (ranking throughput, 1,000-model UI timing).
//! Never part of the shipped dataset: the browser build only uses it under the `synthetic`
//! cargo feature, which the benchmark command builds separately.

use super::architecture::{LayerGroup, LayerKind};
use super::dataset::{Architecture, DateBasis, Model, Params, Provenance, Repos, Score};
use super::date::Date;

/// A deterministic generator (xorshift), so every run ranks the same models.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn unit(&mut self) -> f64 {
        (self.next() % 1_000_000) as f64 / 1_000_000.0
    }
}

/// `n` open-weight models with plausible architectures and scores on the four main benchmarks.
pub fn models(n: usize) -> (Vec<Model>, Vec<Score>) {
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let day = Date::literal(2026, 1, 1);
    let mut models = Vec::with_capacity(n);
    let mut scores = Vec::with_capacity(n * 4);
    for i in 0..n {
        let total = 1.0 + rng.unit() * 1000.0;
        let active = (total * (0.03 + rng.unit() * 0.97)).max(0.5);
        let layers = 24 + (rng.next() % 72) as u32;
        let full = |count: u32, kv_heads: u32, head_dim: u32| LayerGroup {
            count,
            kind: LayerKind::full(kv_heads, head_dim),
        };
        let layer_groups = match rng.next() % 4 {
            0 => vec![full(layers, 8, 128)],
            1 => vec![LayerGroup {
                count: layers,
                kind: LayerKind::Latent {
                    kv_lora_rank: 512,
                    rope_dim: 64,
                },
            }],
            2 => vec![
                LayerGroup {
                    count: layers / 2,
                    kind: LayerKind::sliding(8, 64, 128),
                },
                full(layers - layers / 2, 8, 64),
            ],
            _ => vec![
                LayerGroup {
                    count: layers - layers / 4,
                    kind: LayerKind::Recurrent {
                        state_elements: 548_864,
                    },
                },
                full(layers / 4, 2, 256),
            ],
        };
        let id = format!("synthetic-{i}");
        models.push(Model {
            id: id.clone(),
            name: format!("Synthetic {i}"),
            aliases: vec![],
            vendor: "synthetic".into(),
            open_weight: true,
            released: day,
            date_basis: DateBasis::Source,
            release_source: "https://example.invalid/synthetic".into(),
            in_seed: false,
            params: Some(Params {
                total_b: total,
                active_b: active,
                seed_total_b: None,
                seed_active_b: None,
                source: String::new(),
            }),
            arch: Some(Architecture {
                experts: None,
                layers,
                layer_groups,
                attention_heads: 32,
                max_context: 131_072,
                native_format: "bf16".into(),
                native_groups: None,
                embeddings: None,
                stored: Default::default(),
                source: String::new(),
            }),
            seed_memory: None,
            repos: Repos::default(),
            notes: String::new(),
            memory_unknown: None,
            snapshots: Vec::new(),
        });
        for (bench, max) in [
            ("swe_verified", 100.0),
            ("lcb_v6", 100.0),
            ("aider_polyglot", 100.0),
            ("practical_16x", 10.0),
        ] {
            if rng.next().is_multiple_of(5) {
                continue;
            }
            scores.push(Score {
                model: id.clone(),
                bench: bench.into(),
                variant: None,
                value: (rng.unit() * max * 0.9 * 10.0).round() / 10.0,
                range: None,
                approx: false,
                provenance: Provenance::Vendor,
                source: "https://example.invalid/synthetic".into(),
                as_of: day,
                date_basis: DateBasis::Source,
                in_seed: false,
                seed_label: None,
                note: String::new(),
                harness: None,
                snapshot: None,
                weak_source: false,
            });
        }
    }
    (models, scores)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{analysis, config::Config, dataset::Dataset};

    #[test]
    fn synthetic_models_rank_without_problems() {
        let mut ds = Dataset::bundled().clone();
        let (m, s) = models(200);
        ds.extend(m, s);
        let a = analysis::analyze(&ds, &Config::default());
        assert!(a.rows.len() > 200);
        assert!(
            a.rows
                .iter()
                .filter(|r| r.model.vendor == "synthetic" && r.value.is_some())
                .count()
                > 100
        );
    }
}
