//! Speed: the decode ceiling (bandwidth ÷ bytes read per token), a realistic decode estimate
//! (the ceiling × a measured efficiency per device family, or the user's own calibration),
//! and time to first token (prefill is compute-bound).
//!
//! The ceiling is an upper bound; the estimate and the time to first token are estimates.
//! Published measurements are shown beside them, never mixed in.

use super::architecture;
use super::dataset::{Architecture, Dataset, Measurement, Model, OpenFacts, WeightFormat};
use super::fit::Fit;
use super::hardware::Machine;
use super::memory;
use super::placement::Mode;

// The shares of the ceiling decode reaches and of peak compute prefill reaches are fitted on
// the measurement fixture (engine::calibration) and carried by the resolved machine.

/// The pipeline stages of a tensor × pipeline placement: each stage's layers and its devices.
fn stages<'m>(
    machine: &'m Machine,
    fit: &'m Fit,
    tensor: u32,
    pipeline: u32,
) -> impl Iterator<Item = (u32, &'m [super::hardware::DeviceUnit])> + 'm {
    let tp = tensor.max(1) as usize;
    machine
        .units
        .chunks(tp)
        .take(pipeline as usize)
        .enumerate()
        .map(move |(stage, units)| {
            let layers = fit.placement.shares.get(stage * tp).map_or(0, |s| s.layers);
            (layers, units)
        })
}

/// Single-stream decode ceiling in tokens/s. Each generated token reads the active
/// parameters and the session's KV cache once. Under a layer split, layers are read one
/// device after another at each device's bandwidth; under tensor parallelism all GPUs read
/// their shard at once; offloaded weights are read at system-RAM bandwidth.
pub fn decode_ceiling_tok_s(
    facts: &OpenFacts<'_>,
    format: &WeightFormat,
    fit: &Fit,
    machine: &Machine,
    kv_bytes_per_element: f64,
) -> Option<f64> {
    let layers = facts.arch.layers.max(1) as f64;
    let active_gb = memory::active_weights_gb(facts.params, facts.arch, format, machine.runtime);
    let kv_gb =
        memory::kv_cache_gb_per_session(facts.arch, fit.context_tokens, kv_bytes_per_element);
    let mut seconds = 0.0;
    if let Some(x) = fit.expert_offload {
        // Dense part, KV and the on-device experts on the GPUs; the rest of the experts in RAM.
        let s = memory::tensor_split(facts.params, facts.arch);
        let w = memory::weight_bytes(facts.params, facts.arch, format, machine.runtime);
        let active_experts_gb = w.experts_gb * s.active_experts_b / s.experts_b.max(1e-12);
        let cpu_share = x.cpu_layers as f64 / layers;
        let gpu_gb =
            (active_gb - active_experts_gb) + kv_gb + active_experts_gb * (1.0 - cpu_share);
        let gpu_bw = machine
            .units
            .iter()
            .map(|u| u.bandwidth_gb_s)
            .fold(f64::INFINITY, f64::min);
        seconds += gpu_gb / gpu_bw + active_experts_gb * cpu_share / machine.ram_bandwidth_gb_s;
    } else {
        let per_token_gb = active_gb + kv_gb;
        match fit.placement.mode {
            Mode::Parallel { tensor, pipeline } => {
                // Stages run one after another; a stage's GPUs read their shards at once, as
                // fast as its slowest card.
                for (stage_layers, units) in stages(machine, fit, tensor, pipeline) {
                    let slowest = units
                        .iter()
                        .map(|u| u.bandwidth_gb_s)
                        .fold(f64::INFINITY, f64::min);
                    seconds += stage_layers as f64 / layers * per_token_gb
                        / tensor.max(1) as f64
                        / slowest;
                }
            }
            Mode::Layers => {
                for (share, unit) in fit.placement.shares.iter().zip(&machine.units) {
                    seconds += share.layers as f64 / layers * per_token_gb / unit.bandwidth_gb_s;
                }
            }
        }
        if fit.placement.rest_layers > 0 {
            seconds += fit.placement.rest_layers as f64 / layers * per_token_gb
                / leftover_bandwidth_gb_s(machine);
        }
    }
    (seconds > 0.0 && seconds.is_finite()).then(|| 1.0 / seconds)
}

/// Where layers that do not fit the devices are read from: system RAM on a machine with
/// discrete cards; on a unified machine (a Mac, a GB10 box) there is no separate RAM, so the
/// layers past the GPU share still sit in the same unified memory and are read at its bandwidth.
fn leftover_bandwidth_gb_s(machine: &Machine) -> f64 {
    if !machine.units.is_empty() && machine.units.iter().all(|u| u.unified) {
        machine
            .units
            .iter()
            .map(|u| u.bandwidth_gb_s)
            .fold(f64::INFINITY, f64::min)
    } else {
        machine.ram_bandwidth_gb_s
    }
}

/// Floating-point operations to prefill `prompt` tokens: 2 × active parameters per token,
/// plus attention over the prompt (2 × P² × query width per full-attention layer for QKᵀ and
/// AV with a causal mask; window layers attend to at most the window).
pub fn prefill_flops(facts: &OpenFacts<'_>, prompt: u32) -> f64 {
    let p = prompt as f64;
    let linear = 2.0 * facts.params.active_b * 1e9 * p;
    linear + attention_flops(facts.arch, p)
}

fn attention_flops(arch: &Architecture, p: f64) -> f64 {
    architecture::prefill_attention_flops(&arch.layer_groups, p, arch.attention_heads)
}

/// Time to first token for a `prompt`-token request, seconds: prefill FLOPs over the devices'
/// usable compute (layer split: one device after another by its share of layers; tensor
/// parallel: all at once). `None` when a device has no compute figure in the dataset.
pub fn ttft_seconds(
    facts: &OpenFacts<'_>,
    fit: &Fit,
    machine: &Machine,
    prompt: u32,
) -> Option<f64> {
    let flops = prefill_flops(facts, prompt);
    let layers = facts.arch.layers.max(1) as f64;
    let mut seconds = 0.0;
    match fit.placement.mode {
        Mode::Parallel { tensor, pipeline } => {
            for (stage_layers, units) in stages(machine, fit, tensor, pipeline) {
                let slowest = units
                    .iter()
                    .map(|u| u.fp16_tflops.map(|t| t * u.prefill_mfu))
                    .collect::<Option<Vec<f64>>>()?
                    .into_iter()
                    .fold(f64::INFINITY, f64::min);
                seconds +=
                    flops * stage_layers as f64 / layers / tensor.max(1) as f64 / (slowest * 1e12);
            }
        }
        Mode::Layers => {
            for (share, unit) in fit.placement.shares.iter().zip(&machine.units) {
                if share.layers == 0 {
                    continue;
                }
                let usable = unit.fp16_tflops? * unit.prefill_mfu * 1e12;
                seconds += flops * share.layers as f64 / layers / usable;
            }
            // Offloaded layers: llama.cpp streams them to the GPU for large batches, so they
            // are counted at the first device's speed (the PCIe transfer is not modelled).
            let rest = fit.placement.rest_layers as f64;
            if rest > 0.0 {
                let u = machine.units.first()?;
                seconds += flops * rest / layers / (u.fp16_tflops? * u.prefill_mfu * 1e12);
            }
        }
    }
    (seconds > 0.0 && seconds.is_finite()).then_some(seconds)
}

/// The efficiency a user's own measurement implies: measured ÷ ceiling, clamped to (0, 1].
pub fn calibrated_efficiency(measured_tok_s: f64, ceiling_tok_s: f64) -> Option<f64> {
    (measured_tok_s > 0.0 && ceiling_tok_s > 0.0)
        .then(|| (measured_tok_s / ceiling_tok_s).clamp(0.01, 1.0))
}

/// The published measurements taken on exactly this machine (same device, same count), any
/// model: found once per analysis, then split by model with [`of_model`].
pub fn measurements_here<'a>(dataset: &'a Dataset, machine: &Machine) -> Vec<&'a Measurement> {
    let Some(first) = machine.units.first() else {
        return Vec::new();
    };
    let same_devices = machine.units.iter().all(|u| u.id == first.id);
    dataset
        .measurements
        .iter()
        .filter(|m| {
            same_devices
                && m.model.is_some()
                && m.device == first.id
                && m.count as usize == machine.units.len()
        })
        .collect()
}

/// The measurements of `model` among those taken here (any runtime or format): the
/// "measured" mark beside the estimate.
pub fn of_model<'a>(here: &[&'a Measurement], model: &Model) -> Vec<&'a Measurement> {
    here.iter()
        .copied()
        .filter(|m| m.model.as_deref() == Some(model.id.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::config::Config;
    use crate::engine::{fit, hardware, memory};

    /// On a unified machine, layers past the GPU share are still in unified memory: every layer
    /// is read at the unified bandwidth, so the ceiling is bandwidth ÷ bytes per token. (Charged
    /// at DDR5 offload speed it would be ~9× lower on an M3 Ultra.)
    #[test]
    fn unified_leftover_layers_read_at_unified_bandwidth() {
        let ds = Dataset::bundled();
        let cfg = Config {
            gpu_share: Some(0.5),
            ..Config::with_preset(ds.preset("mac512").unwrap())
        };
        let machine = hardware::resolve(ds, &cfg);
        let w = memory::workload_of(ds, &cfg);
        let facts = ds.model("deepseek-r1").unwrap().open_facts().unwrap();
        let q4 = ds.weight_format("q4_k_m").unwrap();
        let f = fit::fit_at(&facts, &machine, &w, q4);
        assert!(
            f.placement.rest_layers > 0,
            "the test needs leftover layers: {f:?}"
        );
        let ceiling =
            decode_ceiling_tok_s(&facts, q4, &f, &machine, w.kv_bytes_per_element).unwrap();
        let per_token_gb = memory::active_weights_gb(facts.params, facts.arch, q4, machine.runtime)
            + memory::kv_cache_gb_per_session(facts.arch, f.context_tokens, w.kv_bytes_per_element);
        let bw = machine.units[0].bandwidth_gb_s;
        assert!(
            (ceiling * per_token_gb - bw).abs() < bw * 0.01,
            "{ceiling} tok/s"
        );
    }
}
