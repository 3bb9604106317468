//! Fit verdicts: does a model fit this machine (as its runtime splits it) at a format, which
//! format is the best that fits, how much goes to system RAM, and the largest context.

use super::dataset::{Dataset, Model, OpenFacts, TensorGroup, WeightFormat};
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
    /// Fits, but the top of the memory range does not ([`Fit::memory_range_gb`]); without a
    /// measured band, less headroom than [`TIGHT_MARGIN`].
    pub tight: bool,
    /// The range of the weights + KV estimate from its measured error (10th–90th percentile),
    /// GB, overhead included.
    pub memory_range_gb: Option<(f64, f64)>,
    /// The context the maths used (the request, capped at the model's maximum).
    pub context_tokens: u32,
    pub context_capped: bool,
}

/// What sits in system RAM under offload: whole layers (weights with their KV cache), or only
/// the routed experts of `layers` layers under expert offload.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RamShare {
    pub layers: u32,
    pub weights_gb: f64,
    pub kv_cache_gb: f64,
    pub experts_only: bool,
}

impl RamShare {
    /// System RAM left free beside this share, out of the RAM the machine offers for offload.
    pub fn free_gb(&self, offload_ram_gb: f64) -> f64 {
        (offload_ram_gb - self.weights_gb - self.kv_cache_gb).max(0.0)
    }
}

impl Fit {
    /// The system-RAM part of the placement, if any: the breakdown chart, the table and the
    /// command all read it from here.
    pub fn ram_share(&self) -> Option<RamShare> {
        if let Some(x) = self.expert_offload {
            return Some(RamShare {
                layers: x.cpu_layers,
                weights_gb: x.cpu_gb,
                kv_cache_gb: 0.0,
                experts_only: true,
            });
        }
        (self.placement.rest_layers > 0).then(|| {
            let m = &self.memory;
            let wshare = m.weights_gb / (m.weights_gb + m.kv_cache_gb).max(1e-9);
            RamShare {
                layers: self.placement.rest_layers,
                weights_gb: self.placement.rest_gb * wshare,
                kv_cache_gb: self.placement.rest_gb * (1.0 - wshare),
                experts_only: false,
            }
        })
    }
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
    let mem = memory::breakdown(
        facts.params,
        facts.arch,
        format,
        machine.runtime,
        &effective,
        overhead,
    );
    let mut placement = place(
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
        // Every layer stays on the devices; only the experts of `cpu_layers` layers leave.
        expert_offload = Some(x);
        placement = place(
            machine,
            mem.weights_gb - x.cpu_gb,
            mem.kv_cache_gb,
            facts.arch.layers,
            facts.arch.attention_heads,
        );
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
    let estimated = mem.weights_gb + mem.kv_cache_gb;
    let memory_range_gb = machine.memory_band.map(|b| {
        let (lo, hi) = b.range(estimated);
        (lo + mem.overhead_gb, hi + mem.overhead_gb)
    });
    let tight = status == FitStatus::Fits
        && match memory_range_gb {
            Some((_, hi)) => headroom < hi - mem.total_gb(),
            None => headroom < TIGHT_MARGIN * estimated,
        };
    Fit {
        status,
        format_id: format.id.clone(),
        memory: mem,
        placement,
        headroom_gb: headroom,
        offload_gb: offload,
        expert_offload,
        tight,
        memory_range_gb,
        context_tokens: context,
        context_capped: context < workload.context_tokens,
    }
}

/// The fewest layers whose routed experts must move to system RAM so that everything else
/// fits on the devices, each device on its own (llama.cpp only, mixture-of-experts models
/// only): the devices are never pooled, and each holds whole layers, as in [`place`].
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
    memory::moe_split(facts.params, facts.arch)?;
    let w = memory::weight_bytes(facts.params, facts.arch, format, machine.runtime);
    let layers = facts.arch.layers.max(1);
    let expert_layer_gb = w.expert_layer_gb(layers);
    let fits_with = |n: u32| {
        super::placement::rest_gb(
            machine,
            w.total_gb() - n as f64 * expert_layer_gb,
            kv_gb,
            layers,
        ) <= 1e-9
    };
    if expert_layer_gb <= 0.0 || fits_with(0) || !fits_with(layers) {
        return None;
    }
    // Fewer experts in RAM never helps the devices: the smallest n that fits, by bisection.
    let (mut lo, mut hi) = (0, layers);
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if fits_with(mid) { hi = mid } else { lo = mid }
    }
    let cpu_gb = hi as f64 * expert_layer_gb;
    (cpu_gb <= machine.offload_ram_gb).then_some(ExpertOffload {
        cpu_layers: hi,
        cpu_gb,
    })
}

/// The least share of the native weights another format must save to be worth converting
/// to: below it the difference is within a file's own overhead (metadata, tensors kept wider).
pub const MIN_SAVING: f64 = 0.02;

/// Formats the best-that-fits search may pick for a model, in the order it tries them: the
/// native checkpoint first (every other format is derived from it, so none is better), then
/// the formats that make the weights strictly smaller, best quality first (the dataset keeps
/// them sorted). Only formats the runtime loads on these devices, and checkpoint-only formats
/// only as the native one. Sizes are compared per tensor group ([`memory::weights_gb`]), so a
/// GGUF K-quant of gpt-oss, which keeps the MXFP4 experts, is judged by what it really
/// saves. When the runtime loads neither the native format nor anything smaller (MLX and an
/// MXFP4-native model), its smallest format is offered instead: the weights must be
/// converted, never refused. Unless `full_precision`, 16-bit formats come after the 8-bit
/// ones ([`EIGHT_BIT`]): where an 8-bit format fits it is chosen over BF16, which reads twice
/// the bytes per token for a difference within benchmark noise.
pub fn candidate_formats<'a>(
    dataset: &'a Dataset,
    facts: &OpenFacts<'a>,
    machine: &'a Machine,
    full_precision: bool,
) -> impl Iterator<Item = &'a WeightFormat> + 'a {
    let native = facts.arch.native_format.as_str();
    let all_blackwell = machine.all_blackwell();
    let loadable = move |f: &WeightFormat| {
        machine.runtime.supports_format(f, all_blackwell) && (!f.checkpoint_only || f.id == native)
    };
    let size = |f: &WeightFormat| memory::weights_gb(facts.params, facts.arch, f, machine.runtime);
    // Each format's loadability and size, once: the rules below read them several times.
    let known: Vec<(&'a WeightFormat, Option<f64>)> = dataset
        .weight_formats
        .iter()
        .map(|f| (f, loadable(f).then(|| size(f))))
        .collect();
    let native_format = dataset.weight_format(native);
    let native_gb = known
        .iter()
        .find(|(f, _)| f.id == native)
        .and_then(|(_, gb)| *gb)
        .or_else(|| native_format.map(size))
        .unwrap_or(f64::INFINITY);
    let native_loadable = native_format.is_some_and(loadable);
    // Another format must save at least [`MIN_SAVING`]: re-quantizing to the same size (AWQ
    // INT4 over gpt-oss's MXFP4 saves 0.8%) or wider buys nothing.
    // A group the checkpoint already stores quantized is never re-quantized to the same width
    // or wider: that loses quality for nothing (AWQ over gpt-oss's MXFP4 experts).
    let requantizes_sideways = |f: &WeightFormat| {
        TensorGroup::ALL.iter().any(|&g| {
            let stored = facts.arch.stored.group(g);
            stored.bits_per_weight < 16.0
                && memory::group_bits(facts.arch, f, g, machine.runtime) >= stored.bits_per_weight
                && !f.keeps.contains(&stored.format)
                && f.quantizes.contains(&g)
        })
    };
    // A loadable format (its size known) that saves enough without re-quantizing sideways.
    let smaller = |f: &WeightFormat, gb: f64| {
        f.id != native && gb < native_gb * (1.0 - MIN_SAVING) && !requantizes_sideways(f)
    };
    let sizes: Vec<(&'a WeightFormat, bool)> = known
        .iter()
        .map(|&(f, gb)| (f, gb.is_some_and(|gb| smaller(f, gb))))
        .collect();
    let any_smaller = sizes.iter().any(|(_, ok)| *ok);
    let fallback = (!native_loadable && !any_smaller)
        .then(|| {
            known
                .iter()
                .filter_map(|&(f, gb)| gb.map(|gb| (f, gb)))
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(f, _)| f)
        })
        .flatten();
    let mut order: Vec<&'a WeightFormat> = native_format
        .filter(|_| native_loadable)
        .into_iter()
        .chain(fallback)
        .chain(sizes.into_iter().filter(|(_, ok)| *ok).map(|(f, _)| f))
        .collect();
    if !full_precision
        && order
            .iter()
            .any(|f| EIGHT_BIT.contains(&f.bits_per_weight.floor()))
    {
        // A stable partition: 16-bit formats move behind the last 8-bit one.
        let last_eight = order
            .iter()
            .rposition(|f| EIGHT_BIT.contains(&f.bits_per_weight.floor()))
            .unwrap_or(0);
        // `last_eight` indexes `order` (which holds an 8-bit format), so the split is in range.
        let tail = order.split_off(last_eight + 1);
        let (wide, rest): (Vec<_>, Vec<_>) =
            order.into_iter().partition(|f| f.bits_per_weight >= 16.0);
        order = rest.into_iter().chain(wide).chain(tail).collect();
    }
    order.into_iter()
}

/// Bits per weight (floored) of the 8-bit formats: FP8 (8.03), Q8_0 and MLX 8-bit (8.5).
/// Their quality is within benchmark noise of BF16 (FP8 recovers over 99% of BF16 accuracy in
/// Red Hat's evaluations; Q8_0 adds about 0.001 to perplexity in llama.cpp's tables).
pub const EIGHT_BIT: std::ops::RangeInclusive<f64> = 8.0..=8.0;

/// How the format is chosen: one fixed format, or the best that fits (16-bit weights only
/// where no 8-bit format is offered, unless `full_precision`).
#[derive(Clone, Copy, Debug)]
pub enum Choice<'a> {
    Fixed(&'a WeightFormat),
    Best { full_precision: bool },
}

impl<'a> From<Option<&'a WeightFormat>> for Choice<'a> {
    fn from(fixed: Option<&'a WeightFormat>) -> Self {
        fixed.map_or(
            Choice::Best {
                full_precision: false,
            },
            Choice::Fixed,
        )
    }
}

/// The best fit: the first format of [`candidate_formats`] that fits in device memory; failing
/// that, the first that fits with offload; failing that, the smallest format (with its
/// shortfall). With a fixed format, that format.
pub fn best_fit<'f>(
    dataset: &Dataset,
    model: &Model,
    machine: &Machine,
    workload: &Workload,
    choice: impl Into<Choice<'f>>,
) -> Option<Fit> {
    let facts = model.open_facts()?;
    let full_precision = match choice.into() {
        Choice::Fixed(format) => return Some(fit_at(&facts, machine, workload, format)),
        Choice::Best { full_precision } => full_precision,
    };
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
            memory::weights_gb(facts.params, facts.arch, f, machine.runtime),
            kv,
            facts.arch.layers,
            facts.arch.attention_heads,
        )
    };
    let mut smallest = None;
    let mut offload = None;
    for f in candidate_formats(dataset, &facts, machine, full_precision) {
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

/// The largest context over the memory estimate's range: with memory needs at the top of the
/// range (the low end) and at the bottom (the high end), as a device holding `free ÷ ratio`
/// would see them. `None` without a measured band or when the estimate itself has no context.
pub fn largest_context_range(
    facts: &OpenFacts<'_>,
    machine: &Machine,
    workload: &Workload,
    format: &WeightFormat,
) -> Option<(u32, u32)> {
    let band = machine.memory_band?;
    let (lo, hi) = band.range(1.0);
    let scaled = |ratio: f64| {
        let mut m = machine.clone();
        for u in &mut m.units {
            u.usable_gb = u.overhead_gb.min(u.usable_gb) + u.free_gb() / ratio.max(0.05);
        }
        largest_context(facts, &m, workload, format)
    };
    let low = scaled(hi).unwrap_or(0);
    let high = scaled(lo)?;
    Some((low, high))
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
    let weights = memory::weights_gb(facts.params, facts.arch, format, machine.runtime);
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
    use crate::engine::fixture;
    use crate::engine::hardware;
    use crate::engine::runtime::Runtime;

    /// The candidate formats of a fixture model on `count` fixture devices.
    fn ids(model: &str, device: &str, count: u32, runtime: Runtime) -> Vec<String> {
        let ds = fixture::dataset();
        let cfg = Config {
            runtime,
            ..fixture::config(device, count)
        };
        let machine = hardware::resolve(ds, &cfg);
        let facts = ds.model(model).unwrap().open_facts().unwrap();
        candidate_formats(ds, &facts, &machine, cfg.full_precision)
            .map(|f| f.id.clone())
            .collect()
    }

    /// MXFP4 is offered to a model that ships in it (first: its own checkpoint) and to nothing
    /// else (issue 13, bug 5).
    #[test]
    fn mxfp4_only_for_models_that_ship_in_it() {
        let oss = ids("oss-120b", "card96", 1, Runtime::LlamaCpp);
        assert_eq!(oss.first().map(String::as_str), Some("mxfp4"), "{oss:?}");
        assert!(!ids("moe-30b", "card24", 1, Runtime::LlamaCpp).contains(&"mxfp4".to_string()));
    }

    /// vLLM serves the native MXFP4 checkpoint, not an AWQ re-quantization of it (bug 3): AWQ
    /// would re-quantize the MXFP4 experts to the same width.
    #[test]
    fn native_checkpoint_beats_a_same_size_requantization() {
        let v = ids("oss-120b", "card96", 1, Runtime::Vllm);
        assert!(
            v.first().map(String::as_str) == Some("mxfp4") && !v.contains(&"awq_int4".to_string()),
            "{v:?}"
        );
    }

    /// Under MLX an MXFP4-native model gets MLX's narrowest format instead of nothing (bug 2).
    #[test]
    fn mlx_offers_its_narrowest_format_to_mxfp4_models() {
        assert_eq!(
            ids("oss-120b", "mac128", 1, Runtime::Mlx),
            vec!["mlx_4bit".to_string()]
        );
    }

    /// The 8-bit default (issue 13, section 2): BF16 comes after Q8_0 for a BF16 model unless
    /// 16-bit weights are allowed.
    #[test]
    fn eight_bit_before_sixteen_unless_allowed() {
        let ds = fixture::dataset();
        let machine = hardware::resolve(ds, &fixture::config("card96", 1));
        let facts = ds.model("dense-27b").unwrap().open_facts().unwrap();
        let order = |full: bool| -> Vec<String> {
            candidate_formats(ds, &facts, &machine, full)
                .map(|f| f.id.clone())
                .collect()
        };
        assert_eq!(&order(false)[..2], ["q8_0", "bf16"]);
        assert_eq!(&order(true)[..2], ["bf16", "q8_0"]);
    }

    /// A K-quant of the MXFP4 model keeps the experts, so it saves little; the command goes to
    /// the repository whose listing has the tag (issue 13, bug 1).
    #[test]
    fn a_k_quant_of_mxfp4_experts_is_near_the_mxfp4_size() {
        let ds = fixture::dataset();
        let facts = ds.model("oss-120b").unwrap().open_facts().unwrap();
        let w = |id: &str| {
            memory::weights_gb(
                facts.params,
                facts.arch,
                ds.weight_format(id).unwrap(),
                Runtime::LlamaCpp,
            )
        };
        let (q2, mx) = (w("q2_k"), w("mxfp4"));
        assert!(q2 < mx && q2 > mx * 0.95, "Q2_K {q2:.1} vs MXFP4 {mx:.1}");
        let repos = &ds.model("oss-120b").unwrap().repos;
        assert_eq!(repos.gguf_for("Q2_K"), Some(("other/OSS-120B-GGUF", true)));
        assert_eq!(repos.gguf_for("MXFP4"), Some(("org/OSS-120B-GGUF", false)));
    }

    fn weights(model: &str, format: &str, runtime: Runtime) -> f64 {
        let ds = Dataset::bundled();
        let m = ds.model(model).unwrap();
        let f = m.open_facts().unwrap();
        memory::weights_gb(f.params, f.arch, ds.weight_format(format).unwrap(), runtime)
    }

    /// gpt-oss's K-quants keep the MXFP4 experts, so they are about the MXFP4 size, as the
    /// published files are (issue 13, bug 1): unsloth's Q2_K is 58.27 GiB = 62.57 GB, ggml-org's
    /// MXFP4 59.02 GiB = 63.37 GB, OpenAI's checkpoint (BF16 attention and embeddings) 60.8 GiB
    /// = 65.28 GB. Before, Q2_K came out at 43 GB.
    #[test]
    fn gpt_oss_k_quants_keep_the_mxfp4_experts() {
        let near = |got: f64, want: f64| (got - want).abs() <= want * 0.03;
        let q2 = weights("gpt-oss-120b", "q2_k", Runtime::LlamaCpp);
        let gguf = weights("gpt-oss-120b", "mxfp4", Runtime::LlamaCpp);
        let checkpoint = weights("gpt-oss-120b", "mxfp4", Runtime::Vllm);
        assert!(near(q2, 62.57), "Q2_K {q2:.2} GB");
        assert!(near(gguf, 63.37), "MXFP4 GGUF {gguf:.2} GB");
        assert!(near(checkpoint, 65.28), "checkpoint {checkpoint:.2} GB");
    }

    /// On two RTX 3090s (48 GB) gpt-oss-120b does not fit in VRAM at any format, and the
    /// command never asks the MXFP4-only ggml-org repository for another tag.
    #[test]
    fn gpt_oss_120b_on_two_3090s_needs_offload_and_a_published_file() {
        let ds = Dataset::bundled();
        let cfg = Config::with_preset(ds.preset("rtx3090x2").unwrap());
        let a = crate::engine::analysis::analyze(ds, &cfg);
        let row = a
            .rows
            .iter()
            .find(|r| r.model.id == "gpt-oss-120b")
            .unwrap();
        let fit = row.fit.as_ref().unwrap();
        assert_ne!(fit.status, FitStatus::Fits, "{fit:?}");
        let cmd = crate::engine::launch::command(ds, row.model, fit, &a.machine, &a.workload)
            .unwrap()
            .command;
        assert!(!cmd.contains("ggml-org/gpt-oss-120b-GGUF:"), "{cmd}");
    }
}

#[cfg(test)]
mod ram_share_tests {
    use super::RamShare;

    #[test]
    fn free_ram_beside_the_share_is_never_negative() {
        let share = RamShare {
            layers: 4,
            weights_gb: 10.0,
            kv_cache_gb: 2.0,
            experts_only: false,
        };
        assert!((share.free_gb(32.0) - 20.0).abs() < 1e-12);
        assert_eq!(share.free_gb(5.0), 0.0);
    }
}
