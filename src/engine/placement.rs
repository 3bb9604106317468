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

/// Splits `layers` layers, each `weights_gb / layers + kv_gb / layers` in size, over the
/// machine's devices. Each next layer goes to the device that would be least full after
/// taking it (which fills devices in proportion to their free memory), as long as it fits.
pub fn place_layers(machine: &Machine, weights_gb: f64, kv_gb: f64, layers: u32) -> Placement {
    let layers = layers.max(1);
    let weight_per_layer = weights_gb / layers as f64;
    let kv_per_layer = kv_gb / layers as f64;
    let per_layer = weight_per_layer + kv_per_layer;
    let free: Vec<f64> = machine.units.iter().map(|u| u.free_gb()).collect();
    let mut counts = vec![0u32; free.len()];
    let mut placed = 0;
    while placed < layers {
        let mut best: Option<(usize, f64)> = None;
        for (i, &cap) in free.iter().enumerate() {
            let after = (counts[i] + 1) as f64 * per_layer;
            if after <= cap + 1e-9 {
                let fill = after / cap;
                if best.is_none_or(|(_, f)| fill < f) {
                    best = Some((i, fill));
                }
            }
        }
        match best {
            Some((i, _)) => {
                counts[i] += 1;
                placed += 1;
            }
            None => break,
        }
    }
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
    let rest_layers = layers - placed;
    Placement {
        shares,
        rest_layers,
        rest_gb: rest_layers as f64 * per_layer,
    }
}
