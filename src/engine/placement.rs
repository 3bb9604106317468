//! How a model is split over the devices: whole layers per device (llama.cpp's layer split,
//! proportional to each device's free memory), the rest in system RAM.
//!
//! Several devices are never one pool: each device must hold its own layers' weights and KV
//! cache plus its own overhead, so layer granularity and the smallest card both matter.

use super::hardware::Machine;
use super::memory::RUNTIME_OVERHEAD_GB_PER_DEVICE;

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

#[derive(Clone, Debug, PartialEq)]
pub struct Placement {
    /// One entry per device unit, in the machine's order.
    pub shares: Vec<DeviceShare>,
    /// Layers that did not fit on any device.
    pub rest_layers: u32,
    /// Weights + KV of those layers, GB.
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
            ((u.free_gb() + 1e-9) / per_layer_gb).floor().min(u32::MAX as f64) as u32
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

/// Whether every layer finds a device.
pub fn all_layers_fit(machine: &Machine, weights_gb: f64, kv_gb: f64, layers: u32) -> bool {
    rest_gb(machine, weights_gb, kv_gb, layers) == 0.0
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
            overhead_gb: RUNTIME_OVERHEAD_GB_PER_DEVICE.min(u.usable_gb),
            usable_gb: u.usable_gb,
        })
        .collect();
    let rest_layers = layers.saturating_sub(placed);
    Placement {
        shares,
        rest_layers,
        rest_gb: rest_layers as f64 * per_layer,
    }
}
