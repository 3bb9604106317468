//! How a runtime splits a model over the devices.
//!
//! * Layer split (llama.cpp, MLX): whole layers per device in proportion to free memory;
//!   what no device holds goes to system RAM.
//! * Tensor parallelism (vLLM, SGLang): every layer sharded equally over N GPUs, so the
//!   smallest card bounds the whole; when N does not divide the attention heads, equal
//!   pipeline stages (layers split evenly) instead.
//!
//! Several devices are never one pool: each device must hold its own share plus its own
//! overhead, so layer granularity and the smallest card both matter.

use super::hardware::Machine;
use super::runtime::Split;

/// One device's share of the model.
#[derive(Clone, Debug, PartialEq)]
pub struct DeviceShare {
    pub layers: u32,
    pub weights_gb: f64,
    pub kv_cache_gb: f64,
    pub overhead_gb: f64,
    pub usable_gb: f64,
}

impl DeviceShare {
    pub fn used_gb(&self) -> f64 {
        self.weights_gb + self.kv_cache_gb + self.overhead_gb
    }
}

/// How the model was split.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Whole layers per device, proportional to free memory.
    Layers,
    /// Tensor parallelism over `size` GPUs.
    Tensor { size: u32 },
    /// Equal pipeline stages over `stages` GPUs.
    Pipeline { stages: u32 },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Placement {
    pub mode: Mode,
    /// One entry per device unit, in the machine's order.
    pub shares: Vec<DeviceShare>,
    /// Layers that did not fit on any device.
    pub rest_layers: u32,
    /// GB that no device can hold (layers left for system RAM, or the overflow of the
    /// fullest shard under tensor or pipeline parallelism).
    pub rest_gb: f64,
}

impl Placement {
    pub fn gpu_layers(&self) -> u32 {
        self.shares.iter().map(|s| s.layers).sum()
    }
}

/// How many layers of `per_layer_gb` each device can hold after its overhead.
fn capacities(machine: &Machine, per_layer_gb: f64) -> impl Iterator<Item = u32> + '_ {
    machine.units.iter().map(move |u| {
        if per_layer_gb <= 0.0 {
            u32::MAX
        } else {
            ((u.free_gb() + 1e-9) / per_layer_gb)
                .floor()
                .min(u32::MAX as f64) as u32
        }
    })
}

/// GB of layers no device can hold: what the split below leaves for system RAM. Exact for
/// that split, and allocation-free (used by the format and context searches).
pub fn rest_gb(machine: &Machine, weights_gb: f64, kv_gb: f64, layers: u32) -> f64 {
    let layers = layers.max(1);
    let per_layer = (weights_gb + kv_gb) / layers as f64;
    let mut total: u64 = 0;
    for cap in capacities(machine, per_layer) {
        total += cap as u64;
        if total >= layers as u64 {
            return 0.0;
        }
    }
    (layers as u64 - total) as f64 * per_layer
}

/// Splits `layers` layers, each `weights_gb / layers + kv_gb / layers` in size, over the
/// machine's devices in proportion to their free memory (llama.cpp's default tensor split),
/// never past what a device can hold; what no device can hold is left for system RAM.
pub fn place_layers(machine: &Machine, weights_gb: f64, kv_gb: f64, layers: u32) -> Placement {
    let layers = layers.max(1);
    let weight_per_layer = weights_gb / layers as f64;
    let kv_per_layer = kv_gb / layers as f64;
    let per_layer = weight_per_layer + kv_per_layer;
    let caps: Vec<u32> = capacities(machine, per_layer).collect();
    let total_cap: u64 = caps.iter().map(|&c| c as u64).sum();
    let counts: Vec<u32> = if total_cap <= layers as u64 {
        caps.clone()
    } else {
        let free: Vec<f64> = machine.units.iter().map(|u| u.free_gb()).collect();
        let total_free: f64 = free.iter().sum::<f64>().max(1e-12);
        let mut counts: Vec<u32> = free
            .iter()
            .zip(&caps)
            .map(|(f, &cap)| ((layers as f64 * f / total_free).floor() as u32).min(cap))
            .collect();
        let mut placed: u32 = counts.iter().sum();
        // Hand out the remainder one layer at a time to the device least full after taking it.
        while placed < layers {
            let next = (0..counts.len())
                .filter(|&i| counts[i] < caps[i])
                .min_by(|&a, &b| {
                    let fa = (counts[a] + 1) as f64 / free[a].max(1e-12);
                    let fb = (counts[b] + 1) as f64 / free[b].max(1e-12);
                    fa.total_cmp(&fb)
                });
            match next {
                Some(i) => {
                    counts[i] += 1;
                    placed += 1;
                }
                None => break,
            }
        }
        counts
    };
    let placed: u32 = counts.iter().sum();
    let shares = machine
        .units
        .iter()
        .zip(&counts)
        .map(|(u, &n)| DeviceShare {
            layers: n,
            weights_gb: n as f64 * weight_per_layer,
            kv_cache_gb: n as f64 * kv_per_layer,
            overhead_gb: u.overhead_gb.min(u.usable_gb),
            usable_gb: u.usable_gb,
        })
        .collect();
    let rest_layers = layers.saturating_sub(placed);
    Placement {
        mode: Mode::Layers,
        shares,
        rest_layers,
        rest_gb: rest_layers as f64 * per_layer,
    }
}

/// The split the machine's runtime uses.
pub fn place(
    machine: &Machine,
    weights_gb: f64,
    kv_gb: f64,
    layers: u32,
    attention_heads: u32,
) -> Placement {
    match machine.runtime.split() {
        Split::Layers => place_layers(machine, weights_gb, kv_gb, layers),
        Split::Tensor => place_parallel(machine, weights_gb, kv_gb, layers, attention_heads),
    }
}

/// Allocation-free: GB no device can hold under the machine's runtime split.
pub fn quick_rest_gb(
    machine: &Machine,
    weights_gb: f64,
    kv_gb: f64,
    layers: u32,
    attention_heads: u32,
) -> f64 {
    match machine.runtime.split() {
        Split::Layers => rest_gb(machine, weights_gb, kv_gb, layers),
        Split::Tensor => {
            let n = machine.units.len().max(1) as u32;
            parallel_shares(machine, weights_gb + kv_gb, layers, attention_heads, n)
                .map(|(need, u)| (need - u.free_gb()).max(0.0))
                .sum()
        }
    }
}

/// Each device's GB under tensor parallelism (equal shards) or, when `n` does not divide the
/// heads, equal pipeline stages (the first stages take the extra layers).
/// Layers of pipeline stage `i` when `layers` are split evenly over `n` stages (the first
/// stages take the remainder).
fn stage_layers(i: usize, layers: u32, n: u32) -> u32 {
    layers / n + u32::from((i as u32) < layers % n)
}

fn parallel_shares<'m>(
    machine: &'m Machine,
    total_gb: f64,
    layers: u32,
    heads: u32,
    n: u32,
) -> impl Iterator<Item = (f64, &'m super::hardware::DeviceUnit)> + 'm {
    let tensor = heads.is_multiple_of(n);
    let layers = layers.max(1);
    machine.units.iter().enumerate().map(move |(i, u)| {
        let need = if tensor {
            total_gb / n as f64
        } else {
            total_gb * stage_layers(i, layers, n) as f64 / layers as f64
        };
        (need, u)
    })
}

/// Tensor parallelism over every GPU (or equal pipeline stages when the GPU count does not
/// divide the attention heads): the smallest card bounds the whole.
pub fn place_parallel(
    machine: &Machine,
    weights_gb: f64,
    kv_gb: f64,
    layers: u32,
    attention_heads: u32,
) -> Placement {
    let n = machine.units.len().max(1) as u32;
    let layers = layers.max(1);
    let total = weights_gb + kv_gb;
    let tensor = attention_heads.is_multiple_of(n);
    let wshare = if total > 0.0 { weights_gb / total } else { 1.0 };
    let mut rest = 0.0;
    let shares = parallel_shares(machine, total, layers, attention_heads, n)
        .enumerate()
        .map(|(i, (need, u))| {
            rest += (need - u.free_gb()).max(0.0);
            DeviceShare {
                layers: if tensor {
                    layers
                } else {
                    stage_layers(i, layers, n)
                },
                weights_gb: need * wshare,
                kv_cache_gb: need * (1.0 - wshare),
                overhead_gb: u.overhead_gb.min(u.usable_gb),
                usable_gb: u.usable_gb,
            }
        })
        .collect();
    Placement {
        mode: if tensor {
            Mode::Tensor { size: n }
        } else {
            Mode::Pipeline { stages: n }
        },
        shares,
        rest_layers: 0,
        rest_gb: rest,
    }
}
