//! Fit verdicts: does a model fit this machine at a format, which format is the best that
//! fits, and what is the largest context that would fit.

use super::dataset::{Dataset, Model, OpenFacts, WeightFormat};
use super::hardware::Machine;
use super::memory::{self, MemoryBreakdown, Workload};
use super::placement::{Placement, place_layers};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FitStatus {
    /// Every layer sits in device memory.
    Fits,
    /// Some layers sit in system RAM (slower).
    Offload,
    /// Not even with system RAM.
    NoFit,
}

impl FitStatus {
    pub fn label(self) -> &'static str {
        match self {
            FitStatus::Fits => "fits",
            FitStatus::Offload => "fits with offload",
            FitStatus::NoFit => "does not fit",
        }
    }
    pub fn key(self) -> &'static str {
        match self {
            FitStatus::Fits => "fits",
            FitStatus::Offload => "offload",
            FitStatus::NoFit => "nofit",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Fit {
    pub status: FitStatus,
    pub format_id: String,
    pub memory: MemoryBreakdown,
    pub placement: Placement,
    /// GB left on the devices when it fits; negative: GB missing (devices + RAM) when not.
    pub headroom_gb: f64,
    /// GB placed in system RAM.
    pub offload_gb: f64,
    /// The context the maths used (the request, capped at the model's maximum).
    pub context_tokens: u32,
    pub context_capped: bool,
}

/// The fit of one model at one format.
pub fn fit_at(facts: &OpenFacts<'_>, machine: &Machine, workload: &Workload, format: &WeightFormat) -> Fit {
    let context = workload.context_tokens.min(facts.arch.max_context);
    let effective = Workload {
        context_tokens: context,
        ..*workload
    };
    let mem = memory::breakdown(facts.params, facts.arch, format, &effective, machine.units.len());
    let placement = place_layers(machine, mem.weights_gb, mem.kv_cache_gb, facts.arch.layers);
    let free_after: f64 = placement
        .shares
        .iter()
        .map(|s| s.usable_gb - s.used_gb())
        .sum();
    let (status, headroom, offload) = if machine.units.is_empty() {
        (FitStatus::NoFit, -mem.total_gb(), 0.0)
    } else if placement.rest_layers == 0 {
        (FitStatus::Fits, free_after, 0.0)
    } else if placement.rest_gb <= machine.offload_ram_gb {
        (FitStatus::Offload, machine.offload_ram_gb - placement.rest_gb, placement.rest_gb)
    } else {
        (FitStatus::NoFit, machine.offload_ram_gb - placement.rest_gb, 0.0)
    };
    Fit {
        status,
        format_id: format.id.clone(),
        memory: mem,
        placement,
        headroom_gb: headroom,
        offload_gb: offload,
        context_tokens: context,
        context_capped: context < workload.context_tokens,
    }
}

/// Formats the best-that-fits search may pick for a model, best quality first: every
/// format no wider than the model's native one (upcasting buys nothing).
pub fn candidate_formats<'a>(dataset: &'a Dataset, facts: &OpenFacts<'_>) -> Vec<&'a WeightFormat> {
    let native_bits = dataset
        .weight_format(&facts.arch.native_format)
        .map_or(16.0, |f| f.bits_per_weight);
    let mut formats: Vec<&WeightFormat> = dataset
        .weight_formats
        .iter()
        .filter(|f| f.bits_per_weight <= native_bits + 1e-9)
        .collect();
    formats.sort_by(|a, b| b.quality_rank.cmp(&a.quality_rank));
    formats
}

/// The best fit: the highest-quality format that fits in device memory; failing that, the
/// highest-quality one that fits with offload; failing that, the smallest format (with its
/// shortfall). With a fixed format, that format.
pub fn best_fit(
    dataset: &Dataset,
    model: &Model,
    machine: &Machine,
    workload: &Workload,
    fixed: Option<&WeightFormat>,
) -> Option<Fit> {
    let facts = model.open_facts()?;
    if let Some(format) = fixed {
        return Some(fit_at(&facts, machine, workload, format));
    }
    let fits: Vec<Fit> = candidate_formats(dataset, &facts)
        .into_iter()
        .map(|f| fit_at(&facts, machine, workload, f))
        .collect();
    let pick = fits
        .iter()
        .position(|f| f.status == FitStatus::Fits)
        .or_else(|| fits.iter().position(|f| f.status == FitStatus::Offload))
        .unwrap_or(fits.len().saturating_sub(1));
    fits.into_iter().nth(pick)
}

/// The largest context (tokens, to 256-token granularity) at which the model still fits in
/// device memory at this format and session count; `None` if not even the minimum fits.
pub fn largest_context(facts: &OpenFacts<'_>, machine: &Machine, workload: &Workload, format: &WeightFormat) -> Option<u32> {
    const STEP: u32 = 256;
    let fits = |ctx: u32| {
        let w = Workload {
            context_tokens: ctx,
            ..*workload
        };
        fit_at(facts, machine, &w, format).status == FitStatus::Fits
    };
    let max = facts.arch.max_context;
    if !fits(STEP.min(max)) {
        return None;
    }
    if fits(max) {
        return Some(max);
    }
    let (mut lo, mut hi) = (STEP.min(max) / STEP, max / STEP);
    // Invariant: lo*STEP fits, hi*STEP does not.
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if fits(mid * STEP) { lo = mid } else { hi = mid }
    }
    Some(lo * STEP)
}
