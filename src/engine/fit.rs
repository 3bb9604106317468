//! Fit verdicts: does a model fit this machine (as its runtime splits it) at a format, which
//! format is the best that fits, how much goes to system RAM, and the largest context.

use super::dataset::{Dataset, Model, OpenFacts, WeightFormat};
use super::hardware::Machine;
use super::memory::{self, MemoryBreakdown, Workload};
use super::placement::{Placement, place, quick_rest_gb};
use super::runtime::Runtime;

/// Headroom below which a fit is called "tight": the estimate's measured error. The accuracy
/// fixture (tests/accuracy.rs) finds the weights formula within this share of published GGUF
/// file sizes for 90% of the pairs and fails if that stops being true.
pub const TIGHT_MARGIN: f64 = 0.10;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FitStatus {
    /// Every layer sits in device memory.
    Fits,
    /// Some weights sit in system RAM (slower).
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

/// llama.cpp's expert offload (`--n-cpu-moe N`): the routed experts of N layers stay in
/// system RAM while attention, shared weights and the KV cache stay on the GPUs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ExpertOffload {
    pub cpu_layers: u32,
    /// Expert weights in system RAM, GB.
    pub cpu_gb: f64,
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
    pub expert_offload: Option<ExpertOffload>,
    /// Fits, but with less headroom than the estimate's measured error ([`TIGHT_MARGIN`]).
    pub tight: bool,
    /// The context the maths used (the request, capped at the model's maximum).
    pub context_tokens: u32,
    pub context_capped: bool,
}

/// The fit of one model at one format.
pub fn fit_at(
    facts: &OpenFacts<'_>,
    machine: &Machine,
    workload: &Workload,
    format: &WeightFormat,
) -> Fit {
    let context = workload.context_tokens.min(facts.arch.max_context);
    let effective = Workload {
        context_tokens: context,
        ..*workload
    };
    let overhead: f64 = machine
        .units
        .iter()
        .map(|u| u.overhead_gb.min(u.usable_gb))
        .sum();
    let mem = memory::breakdown(facts.params, facts.arch, format, &effective, overhead);
    let placement = place(
        machine,
        mem.weights_gb,
        mem.kv_cache_gb,
        facts.arch.layers,
        facts.arch.attention_heads,
    );
    let free_after: f64 = placement
        .shares
        .iter()
        .map(|s| s.usable_gb - s.used_gb())
        .sum();
    let mut expert_offload = None;
    let (status, headroom, offload) = if machine.units.is_empty() {
        (FitStatus::NoFit, -mem.total_gb(), 0.0)
    } else if placement.rest_gb <= 1e-9 {
        (FitStatus::Fits, free_after, 0.0)
    } else if let Some(x) = expert_offload_for(facts, machine, format, mem.kv_cache_gb) {
        expert_offload = Some(x);
        (
            FitStatus::Offload,
            machine.offload_ram_gb - x.cpu_gb,
            x.cpu_gb,
        )
    } else if machine.runtime == Runtime::LlamaCpp && placement.rest_gb <= machine.offload_ram_gb {
        (
            FitStatus::Offload,
            machine.offload_ram_gb - placement.rest_gb,
            placement.rest_gb,
        )
    } else {
        (
            FitStatus::NoFit,
            machine.offload_ram_gb - placement.rest_gb,
            0.0,
        )
    };
    let tight =
        status == FitStatus::Fits && headroom < TIGHT_MARGIN * (mem.weights_gb + mem.kv_cache_gb);
    Fit {
        status,
        format_id: format.id.clone(),
        memory: mem,
        placement,
        headroom_gb: headroom,
        offload_gb: offload,
        expert_offload,
        tight,
        context_tokens: context,
        context_capped: context < workload.context_tokens,
    }
}

/// The fewest layers whose routed experts must move to system RAM so the rest fits on the
/// devices (llama.cpp only, mixture-of-experts models only). One layer of slack is kept on
/// the devices for layer granularity.
pub fn expert_offload_for(
    facts: &OpenFacts<'_>,
    machine: &Machine,
    format: &WeightFormat,
    kv_gb: f64,
) -> Option<ExpertOffload> {
    if machine.runtime != Runtime::LlamaCpp
        || machine.offload_ram_gb <= 0.0
        || machine.units.is_empty()
    {
        return None;
    }
    let (dense_b, experts_b, _) = memory::moe_split(facts.params, facts.arch)?;
    let bytes_per_b = format.bits_per_weight / 8.0;
    let layers = facts.arch.layers.max(1) as f64;
    let dense_gb = dense_b * bytes_per_b;
    let expert_layer_gb = experts_b * bytes_per_b / layers;
    let layer_gb = (dense_gb + kv_gb) / layers + expert_layer_gb;
    let free = machine.free_gb() - layer_gb;
    let base = dense_gb + kv_gb;
    if base > free {
        return None;
    }
    let on_gpu_layers = ((free - base) / expert_layer_gb.max(1e-12))
        .floor()
        .min(layers);
    let cpu_layers = (layers - on_gpu_layers).max(0.0);
    let cpu_gb = cpu_layers * expert_layer_gb;
    (cpu_layers >= 1.0 && cpu_gb <= machine.offload_ram_gb).then_some(ExpertOffload {
        cpu_layers: cpu_layers as u32,
        cpu_gb,
    })
}

/// Formats the best-that-fits search may pick for a model, best quality first (the dataset
/// keeps them sorted): formats the runtime loads on these devices, no wider than the model's
/// native one (upcasting or re-quantizing to the same size buys nothing), and checkpoint-only
/// formats only when they are the native one. When the runtime loads neither the native format
/// nor anything narrower (MLX and an MXFP4-native model), its narrowest format is offered
/// instead: the weights must be converted, never refused.
pub fn candidate_formats<'a>(
    dataset: &'a Dataset,
    facts: &OpenFacts<'_>,
    machine: &'a Machine,
) -> impl Iterator<Item = &'a WeightFormat> + 'a {
    let native = facts.arch.native_format.clone();
    let native_bits = dataset
        .weight_format(&native)
        .map_or(16.0, |f| f.bits_per_weight);
    let all_blackwell = machine.all_blackwell();
    let loadable = move |f: &WeightFormat, native: &str| {
        machine.runtime.supports_format(f, all_blackwell) && (!f.checkpoint_only || f.id == native)
    };
    let narrowest = dataset
        .weight_formats
        .iter()
        .filter(|f| loadable(f, &native))
        .map(|f| f.bits_per_weight)
        .fold(f64::INFINITY, f64::min);
    // Another format must be strictly narrower than the native one: re-quantizing to the same
    // size (AWQ INT4 over gpt-oss's MXFP4) or wider buys nothing. When nothing loadable is
    // narrower and the native format itself cannot be loaded, the runtime's narrowest is offered.
    let native_loadable = dataset
        .weight_format(&native)
        .is_some_and(|f| loadable(f, &native));
    let limit = if native_loadable || narrowest < native_bits - 1e-9 {
        native_bits - 1e-9
    } else {
        narrowest + 1e-9
    };
    dataset
        .weight_formats
        .iter()
        .filter(move |f| loadable(f, &native) && (f.id == native || f.bits_per_weight < limit))
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
    let kv = memory::kv_cache_gb(
        facts.arch,
        &Workload {
            context_tokens: context,
            ..*workload
        },
    );
    // Allocation-free tests first; one full fit for the chosen format.
    let rest = |f: &WeightFormat| {
        quick_rest_gb(
            machine,
            memory::weights_gb(facts.params, f),
            kv,
            facts.arch.layers,
            facts.arch.attention_heads,
        )
    };
    let mut smallest = None;
    let mut offload = None;
    for f in candidate_formats(dataset, &facts, machine) {
        let r = rest(f);
        if r <= 1e-9 && !machine.units.is_empty() {
            return Some(fit_at(&facts, machine, workload, f));
        }
        let offloadable = (machine.runtime == Runtime::LlamaCpp && r <= machine.offload_ram_gb)
            || expert_offload_for(&facts, machine, f, kv).is_some();
        if offload.is_none() && offloadable && !machine.units.is_empty() {
            offload = Some(f);
        }
        smallest = Some(f);
    }
    offload
        .or(smallest)
        .map(|f| fit_at(&facts, machine, workload, f))
}

/// The largest context (tokens, to 256-token granularity) at which the model still fits in
/// device memory at this format and session count; `None` if not even the minimum fits.
pub fn largest_context(
    facts: &OpenFacts<'_>,
    machine: &Machine,
    workload: &Workload,
    format: &WeightFormat,
) -> Option<u32> {
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
        quick_rest_gb(
            machine,
            weights,
            memory::kv_cache_gb(facts.arch, &w),
            facts.arch.layers,
            facts.arch.attention_heads,
        ) <= 1e-9
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

#[cfg(test)]
mod candidate_tests {
    use super::*;
    use crate::engine::config::Config;
    use crate::engine::hardware;
    use crate::engine::runtime::Runtime;

    fn ids(model: &str, preset: &str, runtime: Runtime) -> Vec<String> {
        let ds = Dataset::bundled();
        let cfg = Config {
            runtime,
            ..Config::with_preset(ds.preset(preset).unwrap())
        };
        let machine = hardware::resolve(ds, &cfg);
        let facts = ds.model(model).unwrap().open_facts().unwrap();
        candidate_formats(ds, &facts, &machine)
            .map(|f| f.id.clone())
            .collect()
    }

    /// MXFP4 is offered to gpt-oss (its checkpoint) and to nothing else (issue 13, bug 5).
    #[test]
    fn mxfp4_only_for_models_that_ship_in_it() {
        assert!(ids("gpt-oss-120b", "pro6000", Runtime::LlamaCpp).contains(&"mxfp4".to_string()));
        assert!(
            !ids("qwen3-coder-30b-a3b", "rtx4090", Runtime::LlamaCpp)
                .contains(&"mxfp4".to_string())
        );
    }

    /// vLLM serves gpt-oss's native MXFP4 checkpoint, not an AWQ re-quantization of it (bug 3).
    #[test]
    fn native_checkpoint_beats_a_same_size_requantization() {
        let v = ids("gpt-oss-120b", "pro6000", Runtime::Vllm);
        assert!(
            v.contains(&"mxfp4".to_string()) && !v.contains(&"awq_int4".to_string()),
            "{v:?}"
        );
    }

    /// Under MLX an MXFP4-native model gets MLX's narrowest format instead of nothing (bug 2).
    #[test]
    fn mlx_offers_its_narrowest_format_to_mxfp4_models() {
        assert_eq!(
            ids("gpt-oss-120b", "m4max128", Runtime::Mlx),
            vec!["mlx_4bit".to_string()]
        );
    }
}
