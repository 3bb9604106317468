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
    /// vLLM / SGLang: `tensor` GPUs share every layer of a stage, `pipeline` stages of
    /// consecutive layers run one after another (`tensor × pipeline` GPUs in use).
    Parallel { tensor: u32, pipeline: u32 },
}

/// The most GPUs tensor parallelism spans: one node's NVLink domain (8 in an HGX / DGX box).
/// Across nodes the serving engines' own guidance is pipeline stages, one per node.
pub const TENSOR_PARALLEL_MAX: u32 = 8;

/// The arrangement of `n` GPUs for a model with `heads` attention heads and `layers` layers:
/// tensor parallelism as wide as possible (at most [`TENSOR_PARALLEL_MAX`], dividing both the
/// GPUs used and the heads), pipeline stages for the rest, never more stages than layers. When
/// no arrangement uses every GPU, the most GPUs that can be used are.
pub fn arrangement(n: u32, heads: u32, layers: u32) -> (u32, u32) {
    let layers = layers.max(1);
    for used in (1..=n.max(1)).rev() {
        for tp in (1..=used.min(TENSOR_PARALLEL_MAX)).rev() {
            if used.is_multiple_of(tp) && heads.is_multiple_of(tp) && used / tp <= layers {
                return (tp, used / tp);
            }
        }
    }
    (1, 1)
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
            // Among devices with room, the first least full after taking one more layer.
            let next = counts
                .iter_mut()
                .zip(&caps)
                .zip(&free)
                .filter(|((count, cap), _)| **count < **cap)
                .min_by(|((a, _), free_a), ((b, _), free_b)| {
                    let fa = (**a + 1) as f64 / free_a.max(1e-12);
                    let fb = (**b + 1) as f64 / free_b.max(1e-12);
                    fa.total_cmp(&fb)
                });
            match next {
                Some(((count, _), _)) => {
                    *count += 1;
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
        Split::Tensor => parallel_shares(machine, weights_gb + kv_gb, layers, attention_heads)
            .map(|(need, _, u)| (need - u.free_gb()).max(0.0))
            .sum(),
    }
}

/// Layers of pipeline stage `i` when `layers` are split evenly over `n` stages (the first
/// stages take the remainder).
fn stage_layers(i: u32, layers: u32, n: u32) -> u32 {
    layers / n.max(1) + u32::from(i < layers % n.max(1))
}

/// Each device's GB and layers under a tensor × pipeline arrangement: stage `i / tensor`
/// holds its share of the layers (the first stages take the extra ones), split evenly over the
/// stage's `tensor` GPUs; GPUs beyond `tensor × pipeline` hold nothing.
fn parallel_shares<'m>(
    machine: &'m Machine,
    total_gb: f64,
    layers: u32,
    heads: u32,
) -> impl Iterator<Item = (f64, u32, &'m super::hardware::DeviceUnit)> + 'm {
    let layers = layers.max(1);
    let (tp, pp) = arrangement(machine.units.len() as u32, heads, layers);
    machine.units.iter().enumerate().map(move |(i, u)| {
        let i = i as u32;
        if i >= tp * pp {
            return (0.0, 0, u);
        }
        let stage = stage_layers(i / tp, layers, pp);
        (
            total_gb * stage as f64 / layers as f64 / tp as f64,
            stage,
            u,
        )
    })
}

/// Tensor × pipeline parallelism over the GPUs ([`arrangement`]): the smallest card of a
/// stage bounds it.
pub fn place_parallel(
    machine: &Machine,
    weights_gb: f64,
    kv_gb: f64,
    layers: u32,
    attention_heads: u32,
) -> Placement {
    let n = machine.units.len() as u32;
    let layers = layers.max(1);
    let total = weights_gb + kv_gb;
    let (tensor, pipeline) = arrangement(n, attention_heads, layers);
    let wshare = if total > 0.0 { weights_gb / total } else { 1.0 };
    let mut rest = 0.0;
    let shares = parallel_shares(machine, total, layers, attention_heads)
        .map(|(need, stage_layers, u)| {
            rest += (need - u.free_gb()).max(0.0);
            DeviceShare {
                layers: stage_layers,
                weights_gb: need * wshare,
                kv_cache_gb: need * (1.0 - wshare),
                overhead_gb: u.overhead_gb.min(u.usable_gb),
                usable_gb: u.usable_gb,
            }
        })
        .collect();
    Placement {
        mode: Mode::Parallel { tensor, pipeline },
        shares,
        rest_layers: 0,
        rest_gb: rest,
    }
}

#[cfg(test)]
mod arrangement_tests {
    use super::*;

    /// Hand-picked arrangements (issue 13, bug 10): 128 GPUs for a 61-layer model with 128 heads
    /// is TP 8 × PP 16, never 128 pipeline stages; six GPUs over 64 heads is TP 2 × PP 3; more
    /// GPUs than stages × 8 can use are left idle rather than given empty stages.
    #[test]
    fn tensor_within_a_node_stages_within_the_layers() {
        assert_eq!(arrangement(128, 128, 61), (8, 16));
        assert_eq!(arrangement(6, 64, 61), (2, 3));
        assert_eq!(arrangement(4, 40, 10), (4, 1));
        assert_eq!(arrangement(3, 64, 61), (1, 3));
        assert_eq!(arrangement(1024, 128, 61), (8, 61));
        assert_eq!(arrangement(0, 64, 61), (1, 1));
    }

    #[test]
    fn every_arrangement_is_valid() {
        for n in 0..=300u32 {
            for heads in [1u32, 12, 40, 64, 96, 128] {
                for layers in [1u32, 2, 7, 61, 94] {
                    let (tp, pp) = arrangement(n, heads, layers);
                    assert!(tp >= 1 && pp >= 1 && tp <= TENSOR_PARALLEL_MAX);
                    assert!(heads.is_multiple_of(tp) && pp <= layers);
                    assert!(tp * pp <= n.max(1), "{n} {heads} {layers}: {tp}×{pp}");
                }
            }
        }
    }
}
