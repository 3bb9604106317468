//! Devices and their usable memory: resolves the user's device rows into concrete units,
//! applies the unified-memory GPU share and describes system RAM for offload.

use super::calibration::Vendor;
use super::config::{self, Config, DeviceChoice, DeviceRef};
use super::dataset::{Dataset, MemoryKind};
use super::runtime::{DeviceFamily, Runtime};

/// System-RAM bandwidth assumed for offloaded layers: dual-channel DDR5-5600,
/// 2 channels × 8 bytes × 5600 MT/s = 89.6 GB/s (theoretical peak).
pub const SYSTEM_RAM_BANDWIDTH_GB_S: f64 = 89.6;
/// System RAM kept for the operating system and the runtime's own process, not for offload.
pub const RAM_RESERVED_FOR_OS_GB: f64 = 8.0;
/// Default GPU share of unified memory when a custom unified device is described:
/// macOS lets the GPU wire about 75% of memory on large-memory Macs by default.
pub const DEFAULT_UNIFIED_GPU_SHARE: f64 = 0.75;

/// One physical device (a preset row of count N becomes N units).
#[derive(Clone, Debug, PartialEq)]
pub struct DeviceUnit {
    /// The dataset id, or "custom".
    pub id: String,
    pub name: String,
    pub memory_gb: f64,
    /// Memory the model may use: all of a discrete card, the GPU share of unified memory,
    /// times the share the runtime claims.
    pub usable_gb: f64,
    /// The runtime's own memory on this device (context, buffers, activations).
    pub overhead_gb: f64,
    /// Memory already in use before the runtime starts (a desktop session, another process).
    pub reserved_gb: f64,
    pub bandwidth_gb_s: f64,
    pub unified: bool,
    pub family: DeviceFamily,
    pub fp16_tflops: Option<f64>,
    /// Share of peak FP16 tensor throughput prefill reaches here (fitted per vendor).
    pub prefill_mfu: f64,
}

/// Memory a desktop session holds on the card that drives the screen, GB: a compositor and a
/// browser at 4K take 0.3–1 GB (nvidia-smi on a GNOME or Windows desktop); applied by default to
/// the first device of a machine when it has display outputs. Change it per device row.
pub const DISPLAY_RESERVED_GB: f64 = 0.5;

/// The memory reserved on a device by default: [`DISPLAY_RESERVED_GB`] on the first device of a
/// machine when it is a discrete card with display outputs; nothing elsewhere (unified machines'
/// GPU share already leaves the system its memory).
pub fn default_reserved_gb(device: &super::dataset::Device, first: bool) -> f64 {
    if first && device.display && device.kind == MemoryKind::Discrete {
        DISPLAY_RESERVED_GB
    } else {
        0.0
    }
}

impl DeviceUnit {
    /// Usable memory left after the runtime's own overhead.
    pub fn free_gb(&self) -> f64 {
        (self.usable_gb - self.overhead_gb).max(0.0)
    }
}

/// The machine a configuration describes, as the chosen runtime sees it.
#[derive(Clone, Debug, PartialEq)]
pub struct Machine {
    pub runtime: Runtime,
    /// Devices the runtime can use (a runtime that does not run on a device leaves it out).
    pub units: Vec<DeviceUnit>,
    /// Devices of the configuration the runtime cannot use (named, for the page).
    pub unsupported: Vec<String>,
    /// System RAM available for offloaded layers (after the OS reserve); 0 on unified machines.
    pub offload_ram_gb: f64,
    pub ram_bandwidth_gb_s: f64,
    /// The decode model fitted for these devices and this runtime (the slowest device's vendor).
    pub decode: super::calibration::DecodeFit,
    /// The memory estimate's error band (published file sizes and measured totals).
    pub memory_band: Option<super::calibration::Band>,
}

impl Machine {
    /// Sum of usable memory over devices (what the page shows as "usable").
    pub fn usable_gb(&self) -> f64 {
        // An empty f64 sum is -0.0, which prints as "-0 GB": never below zero.
        self.units.iter().map(|u| u.usable_gb).sum::<f64>().max(0.0) + 0.0
    }
    /// Sum of memory after per-device overhead.
    pub fn free_gb(&self) -> f64 {
        self.units.iter().map(DeviceUnit::free_gb).sum()
    }
    /// Whether every device is NVIDIA Blackwell (NVFP4 needs it).
    pub fn all_blackwell(&self) -> bool {
        !self.units.is_empty()
            && self
                .units
                .iter()
                .all(|u| u.family == DeviceFamily::NvidiaBlackwell)
    }
    /// A short description: "2× NVIDIA RTX PRO 6000 Blackwell".
    pub fn describe(&self) -> String {
        let mut parts: Vec<(String, usize)> = Vec::new();
        for u in &self.units {
            match parts.iter_mut().find(|(n, _)| *n == u.name) {
                Some((_, count)) => *count += 1,
                None => parts.push((u.name.clone(), 1)),
            }
        }
        let text: Vec<String> = parts
            .into_iter()
            .map(|(n, c)| if c > 1 { format!("{c}× {n}") } else { n })
            .collect();
        if text.is_empty() {
            "no devices".into()
        } else {
            text.join(" + ")
        }
    }
}

/// The GPU's share of a unified memory: the user's (clamped here too, whatever the caller did:
/// NaN falls back to the device's default, infinities and out-of-range values are clamped to
/// [`config::MIN_GPU_SHARE`, `config::MAX_GPU_SHARE`]), else the device's, else the default.
fn unified_share(user: Option<f64>, device: Option<f64>) -> f64 {
    let fallback = device.unwrap_or(DEFAULT_UNIFIED_GPU_SHARE);
    user.map_or(fallback, |s| {
        config::clamp_f64(s, config::MIN_GPU_SHARE, config::MAX_GPU_SHARE, fallback)
    })
}

/// Resolves the configuration's hardware for its runtime. Unknown device ids are skipped
/// (the URL decoder reports them); counts and custom figures are clamped.
pub fn resolve(dataset: &Dataset, cfg: &Config) -> Machine {
    resolve_devices(dataset, cfg, &cfg.hardware)
}

/// Resolves another set of device rows with the configuration's other settings (the
/// comparison setup).
pub fn resolve_devices(dataset: &Dataset, cfg: &Config, hardware: &[DeviceChoice]) -> Machine {
    let runtime = cfg.runtime;
    let mut units: Vec<DeviceUnit> = Vec::new();
    let mut unsupported = Vec::new();
    // What a runtime may use of a device: its claimed share of the memory, and never what is
    // already in use (vLLM's utilisation is of the total, and it checks that much is free).
    let usable = |memory: f64, share: f64, reserved: f64| {
        (memory * share * runtime.memory_fraction())
            .min(memory * share - reserved)
            .max(0.0)
    };
    for choice in hardware.iter().take(config::MAX_DEVICE_ROWS) {
        let count = choice.count.clamp(1, config::MAX_DEVICE_COUNT);
        let first_row = units.is_empty() && unsupported.is_empty();
        let explicit = choice
            .reserved_gb
            .map(|r| config::clamp_f64(r, 0.0, config::MAX_RESERVED_GB, 0.0));
        // The device as the runtime sees it with `reserved` GB already in use.
        let unit_at = |reserved: f64| -> Option<DeviceUnit> {
            match &choice.device {
                DeviceRef::Known(id) => dataset.device(id).map(|d| {
                    let unified = d.kind == MemoryKind::Unified;
                    let share = if unified {
                        unified_share(cfg.gpu_share, d.gpu_share)
                    } else {
                        1.0
                    };
                    DeviceUnit {
                        id: d.id.clone(),
                        name: d.name.clone(),
                        memory_gb: d.memory_gb,
                        usable_gb: usable(d.memory_gb, share, reserved),
                        overhead_gb: runtime.overhead_gb(),
                        reserved_gb: reserved,
                        bandwidth_gb_s: d.bandwidth_gb_s,
                        unified,
                        family: DeviceFamily::parse(d.family.as_deref()),
                        fp16_tflops: d.fp16_tflops,
                        prefill_mfu: dataset
                            .calibration
                            .prefill_mfu(Vendor::of(DeviceFamily::parse(d.family.as_deref()))),
                    }
                }),
                DeviceRef::Custom {
                    memory_gb,
                    bandwidth_gb_s,
                    unified,
                } => {
                    let memory = config::clamp_f64(
                        *memory_gb,
                        config::MIN_MEMORY_GB,
                        config::MAX_MEMORY_GB,
                        24.0,
                    );
                    let share = if *unified {
                        unified_share(cfg.gpu_share, None)
                    } else {
                        1.0
                    };
                    Some(DeviceUnit {
                        id: "custom".into(),
                        name: format!("Custom {memory:.0} GB"),
                        memory_gb: memory,
                        usable_gb: usable(memory, share, reserved),
                        overhead_gb: runtime.overhead_gb(),
                        reserved_gb: reserved,
                        family: DeviceFamily::Unknown,
                        fp16_tflops: None,
                        prefill_mfu: dataset.calibration.prefill_mfu(Vendor::Other),
                        bandwidth_gb_s: config::clamp_f64(
                            *bandwidth_gb_s,
                            config::MIN_BANDWIDTH_GB_S,
                            config::MAX_BANDWIDTH_GB_S,
                            500.0,
                        ),
                        unified: *unified,
                    })
                }
            }
        };
        // An explicit reservation is for every device of the row; the default one only for
        // the machine's first device (the card that drives the screen).
        let default_first = match &choice.device {
            DeviceRef::Known(id) => dataset
                .device(id)
                .map_or(0.0, |d| default_reserved_gb(d, first_row)),
            DeviceRef::Custom { .. } => 0.0,
        };
        let (Some(first), Some(rest)) = (
            unit_at(explicit.unwrap_or(default_first)),
            unit_at(explicit.unwrap_or(0.0)),
        ) else {
            continue;
        };
        // A custom device is assumed to run every runtime but NVFP4 (the user knows it).
        if first.family == DeviceFamily::Unknown || runtime.runs_on(first.family) {
            units.push(first);
            units.extend(std::iter::repeat_n(rest, count as usize - 1));
        } else {
            unsupported.push(first.name.clone());
        }
    }
    let all_unified = !units.is_empty() && units.iter().all(|u: &DeviceUnit| u.unified);
    // Several vendors: the one whose fitted decode is slowest bounds the estimate.
    let decode = units
        .iter()
        .map(|u| {
            dataset
                .calibration
                .decode_for(Vendor::of(u.family), runtime)
        })
        .min_by(|a, b| a.estimate(100.0).total_cmp(&b.estimate(100.0)))
        .unwrap_or_else(|| dataset.calibration.decode_for(Vendor::Other, runtime));
    let ram = config::clamp_f64(cfg.ram_gb, 0.0, config::MAX_RAM_GB, 0.0);
    Machine {
        runtime,
        units,
        unsupported,
        // Offload to system RAM is llama.cpp's; unified machines have no separate RAM.
        offload_ram_gb: if all_unified || runtime != Runtime::LlamaCpp {
            0.0
        } else {
            (ram - RAM_RESERVED_FOR_OS_GB).max(0.0)
        },
        ram_bandwidth_gb_s: SYSTEM_RAM_BANDWIDTH_GB_S,
        decode,
        memory_band: dataset.calibration.memory_band,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The engine does not trust its callers with the GPU share: NaN falls back to the
    /// device's default (a Mac Studio's 256 GB at 75% = 192 GB), +inf and 100 clamp to the
    /// whole memory (256 GB), a negative share to the minimum (10%: 25.6 GB).
    /// A fixture machine from a URL device list.
    fn machine(hw: &str, runtime: Runtime) -> Machine {
        let ds = crate::engine::fixture::dataset();
        let (cfg, notices) = crate::engine::url::decode(ds, &format!("v=1&hw={hw}"));
        assert!(notices.is_empty(), "{notices:?}");
        resolve(ds, &Config { runtime, ..cfg })
    }

    /// Memory already in use (issue 13, section 2): the desktop's 0.5 GB on the first card with
    /// display outputs by default and on no other; an explicit amount on every device of its row,
    /// clamped; vLLM's share of the total still applies where it is the smaller.
    #[test]
    fn reserved_memory_is_judged_per_device() {
        let usable = |m: &Machine| m.units.iter().map(|u| u.usable_gb).collect::<Vec<_>>();
        assert_eq!(usable(&machine("card24", Runtime::LlamaCpp)), vec![23.5]);
        assert_eq!(
            usable(&machine("card24*2", Runtime::LlamaCpp)),
            vec![23.5, 24.0]
        );
        assert_eq!(usable(&machine("dc80", Runtime::LlamaCpp)), vec![80.0]);
        assert_eq!(
            usable(&machine("dc80,card24", Runtime::LlamaCpp)),
            vec![80.0, 24.0]
        );
        assert_eq!(
            usable(&machine("card24*2~2", Runtime::LlamaCpp)),
            vec![22.0, 22.0]
        );
        assert_eq!(usable(&machine("card24~0", Runtime::LlamaCpp)), vec![24.0]);
        // Unified: the GPU share already leaves the system its memory.
        assert_eq!(usable(&machine("mac128", Runtime::LlamaCpp)), vec![96.0]);
        // vLLM claims 90% of the total; it needs that much free, so a larger reservation wins.
        let v = usable(&machine("card96", Runtime::Vllm));
        assert!((v[0] - 86.4).abs() < 1e-9, "{v:?}");
        let v = usable(&machine("card96~20", Runtime::Vllm));
        assert!((v[0] - 76.0).abs() < 1e-9, "{v:?}");
        // Never negative, whatever the caller passes.
        let ds = crate::engine::fixture::dataset();
        for bad in [f64::NAN, f64::INFINITY, -3.0, 1e9] {
            let mut cfg = crate::engine::fixture::config("card24", 1);
            cfg.hardware[0].reserved_gb = Some(bad);
            let u = resolve(ds, &cfg).units[0].usable_gb;
            assert!(u.is_finite() && (0.0..=24.0).contains(&u), "{bad}: {u}");
        }
    }

    #[test]
    fn gpu_share_is_clamped() {
        let ds = Dataset::bundled();
        let usable = |share: f64| {
            let cfg = Config {
                gpu_share: Some(share),
                ..Config::with_preset(ds.preset("mac256").unwrap())
            };
            resolve(ds, &cfg).units[0].usable_gb
        };
        let full = usable(1.0);
        assert!((usable(f64::NAN) - full * 0.75).abs() < 1e-6);
        assert!((usable(f64::INFINITY) - full).abs() < 1e-6);
        assert!((usable(100.0) - full).abs() < 1e-6);
        assert!((usable(-3.0) - full * 0.1).abs() < 1e-6);
        assert!(usable(f64::NAN).is_finite());
    }
}
