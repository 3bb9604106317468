//! The seed document's own tables, figure by figure: every figure the seed prints (all of its
//! four tables, the LiveCodeBench v5 row and the whole-format Aider row included), beside what
//! the engine computes for it from the dataset: its rank and gap within the seed's table, and,
//! for open-weight models, the Q4 weights the seed's "fits" column assumes and the memory the
//! engine computes at the seed's Q4 with the default workload.

use super::dataset::{Dataset, Score};
use super::memory::{self, Workload};
use super::runtime::Runtime;

/// The seed assumes Q4 weights for its memory column (its words: "at Q4").
pub const SEED_FORMAT: &str = "q4_k_m";
/// The seed's "Fits 96 GB?" column checks this budget.
pub const SEED_FITS_GB: f64 = 96.0;

#[derive(Clone, Debug, PartialEq)]
pub struct SeedFigure {
    pub bench: String,
    pub variant: Option<String>,
    pub label: String,
    pub model_id: String,
    pub open_weight: bool,
    /// As the seed prints it ("~57.6%", "~87–89%").
    pub printed: String,
    /// The value the engine ranks with, in points.
    pub points: f64,
    /// 1-based position within the seed's table (same benchmark and variant).
    pub rank: usize,
    /// Points behind the table's first figure.
    pub gap_to_leader: f64,
    /// The memory figure the seed prints for the model, if any.
    pub seed_memory_gb: Option<f64>,
    /// Engine: weights at Q4_K_M, GB.
    pub q4_weights_gb: Option<f64>,
    /// Engine: weights + KV cache at the given workload (one device's overhead), GB.
    pub q4_total_gb: Option<f64>,
}

/// Every seed figure, grouped by table (benchmark and variant) and sorted within it.
pub fn seed_figures(dataset: &Dataset, workload: &Workload) -> Vec<SeedFigure> {
    let mut seed: Vec<&Score> = dataset.scores.iter().filter(|s| s.in_seed).collect();
    seed.sort_by(|a, b| {
        (&a.bench, &a.variant)
            .cmp(&(&b.bench, &b.variant))
            .then(b.value.total_cmp(&a.value))
            .then(a.model.cmp(&b.model))
    });
    let q4 = dataset.weight_format(SEED_FORMAT);
    let mut out: Vec<SeedFigure> = Vec::with_capacity(seed.len());
    for s in seed {
        let Some(bench) = dataset.benchmark(&s.bench) else {
            continue;
        };
        let model = dataset.model(&s.model);
        let points = bench.to_points(s.value);
        let same_table = |f: &SeedFigure| f.bench == s.bench && f.variant == s.variant;
        let leader = out
            .iter()
            .find(|f| same_table(f))
            .map_or(points, |f| f.points);
        let rank = out.iter().filter(|f| same_table(f)).count() + 1;
        let facts = model.and_then(|m| m.open_facts());
        let (q4_weights_gb, q4_total_gb) = match (facts, q4) {
            (Some(f), Some(fmt)) => {
                let b = memory::breakdown(
                    f.params,
                    f.arch,
                    fmt,
                    Runtime::LlamaCpp,
                    workload,
                    memory::RUNTIME_OVERHEAD_GB_PER_DEVICE,
                );
                (Some(b.weights_gb), Some(b.total_gb()))
            }
            _ => (None, None),
        };
        out.push(SeedFigure {
            bench: s.bench.clone(),
            variant: s.variant.clone(),
            label: s.seed_label.clone().unwrap_or_else(|| s.model.clone()),
            model_id: s.model.clone(),
            open_weight: model.is_some_and(|m| m.open_weight),
            printed: s.display(bench),
            points,
            rank,
            gap_to_leader: leader - points,
            seed_memory_gb: model.and_then(|m| m.seed_memory.as_ref()).map(|m| m.gb),
            q4_weights_gb,
            q4_total_gb,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The seed prints 38 figures (issue 3's count): every one is listed once.
    #[test]
    fn every_seed_figure_is_listed() {
        let ds = Dataset::bundled();
        let w = Workload::new(65_536, 1, ds.kv_format("f16").unwrap());
        let figs = seed_figures(ds, &w);
        assert_eq!(figs.len(), ds.scores.iter().filter(|s| s.in_seed).count());
        assert_eq!(figs.len(), 38);
        // The LiveCodeBench v5 row and the whole-format Aider row are there.
        assert!(figs.iter().any(|f| f.bench == "lcb_v5"));
        assert!(
            figs.iter()
                .any(|f| f.bench == "aider_polyglot" && f.variant.as_deref() == Some("whole"))
        );
        // Within a table the first row leads and ranks count up.
        let swe: Vec<_> = figs.iter().filter(|f| f.bench == "swe_verified").collect();
        assert_eq!(swe[0].rank, 1);
        assert_eq!(swe[0].gap_to_leader, 0.0);
        assert!(
            swe.windows(2)
                .all(|w| w[0].points >= w[1].points && w[1].rank == w[0].rank + 1)
        );
    }
}
