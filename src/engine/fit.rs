//! Fit verdicts: does a model fit this machine at a format, which format is the best that
//! fits, and what is the largest context that would fit.

use super::dataset::{Dataset, Model, OpenFacts, WeightFormat};
use super::hardware::Machine;
use super::memory::{self, MemoryBreakdown, Workload};
use super::placement::{Placement, all_layers_fit, place_layers, rest_gb};

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
/// The dataset keeps formats sorted best quality first (sorted at load).
pub fn candidate_formats<'a>(dataset: &'a Dataset, facts: &OpenFacts<'_>) -> impl Iterator<Item = &'a WeightFormat> + 'a {
    let native_bits = dataset
        .weight_format(&facts.arch.native_format)
        .map_or(16.0, |f| f.bits_per_weight);
    dataset
        .weight_formats
        .iter()
        .filter(move |f| f.bits_per_weight <= native_bits + 1e-9)
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
    let context = workload.context_tokens.min(facts.arch.max_context);
    let kv = memory::kv_cache_gb(facts.arch, &Workload { context_tokens: context, ..*workload });
    // Allocation-free tests first; one full fit for the chosen format.
    let rest = |f: &WeightFormat| rest_gb(machine, memory::weights_gb(facts.params, f), kv, facts.arch.layers);
    let mut smallest = None;
    let mut offload = None;
    for f in candidate_formats(dataset, &facts) {
        let r = rest(f);
        if r == 0.0 && !machine.units.is_empty() {
            return Some(fit_at(&facts, machine, workload, f));
        }
        if offload.is_none() && r <= machine.offload_ram_gb && !machine.units.is_empty() {
            offload = Some(f);
        }
        smallest = Some(f);
    }
    offload.or(smallest).map(|f| fit_at(&facts, machine, workload, f))
}
/// The largest context (tokens, to 256-token granularity) at which the model still fits in
/// device memory at this format and session count; `None` if not even the minimum fits.
pub fn largest_context(facts: &OpenFacts<'_>, machine: &Machine, workload: &Workload, format: &WeightFormat) -> Option<u32> {
    const STEP: u32 = 256;
    if machine.units.is_empty() {
        return None;
    }
    let weights = memory::weights_gb(facts.params, format);
    let fits = |ctx: u32| {
        let w = Workload {
            context_tokens: ctx,
            ..*workload
        };
        all_layers_fit(machine, weights, memory::kv_cache_gb(facts.arch, &w), facts.arch.layers)
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
