//! The speed model's free constants, fitted on the measurement fixture, and their errors
//! measured out of sample.
//!
//! Decode: a token takes `t = t_ceiling ÷ efficiency + fixed`, where `t_ceiling` is the
//! bandwidth ceiling's time per token and `fixed` the per-token cost the bandwidth does not
//! explain (kernel launches, synchronisation: it dominates small-active MoE models). Both are
//! fitted per device vendor and runtime by least squares on the published cases (a ratio
//! median where a group has too few cases), with fallbacks to the runtime, the vendor, then
//! everything. Prefill: the share of peak FP16 tensor throughput reached, a median per vendor.
//!
//! Errors are measured by leave-one-device-out cross-validation: every case is estimated with
//! constants fitted on the other devices only, so a device is never in both the fitting and
//! the checking set. The 10th–90th percentile of those errors is the range every estimate
//! carries.

use super::config::{Config, DeviceChoice, DeviceRef};
use super::dataset::Dataset;
use super::runtime::{DeviceFamily, Runtime};
use super::{fit, hardware, memory, speed};

/// Device makers, for fitting: one efficiency per vendor and runtime.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Vendor {
    Nvidia,
    Apple,
    Amd,
    Other,
}

impl Vendor {
    pub fn of(family: DeviceFamily) -> Vendor {
        match family {
            DeviceFamily::Apple => Vendor::Apple,
            DeviceFamily::Amd => Vendor::Amd,
            DeviceFamily::Unknown => Vendor::Other,
            DeviceFamily::NvidiaBlackwell
            | DeviceFamily::NvidiaHopper
            | DeviceFamily::NvidiaAda
            | DeviceFamily::NvidiaAmpere
            | DeviceFamily::NvidiaOlder => Vendor::Nvidia,
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            Vendor::Nvidia => "NVIDIA",
            Vendor::Apple => "Apple",
            Vendor::Amd => "AMD",
            Vendor::Other => "other",
        }
    }
    pub const ALL: [Vendor; 4] = [Vendor::Nvidia, Vendor::Apple, Vendor::Amd, Vendor::Other];
}

/// The decode model for one group: efficiency (share of the ceiling's speed at zero fixed
/// cost) and the fixed cost per token, milliseconds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DecodeFit {
    pub efficiency: f64,
    pub fixed_ms: f64,
    /// Cases the fit rests on (0: the default).
    pub cases: usize,
}

/// Where nothing was measured: the middle of the published cases' share of the ceiling.
pub const DEFAULT_DECODE: DecodeFit = DecodeFit {
    efficiency: 0.55,
    fixed_ms: 0.0,
    cases: 0,
};
/// Where no prefill was measured: a conservative share of peak tensor throughput.
pub const DEFAULT_PREFILL_MFU: f64 = 0.30;
/// Fewest cases a group needs for its own fit; the least-squares fixed cost needs more.
const MIN_GROUP: usize = 3;
const MIN_LEAST_SQUARES: usize = 5;

impl DecodeFit {
    /// Estimated decode speed for a bandwidth ceiling, tok/s.
    pub fn estimate(&self, ceiling_tok_s: f64) -> f64 {
        if !(ceiling_tok_s > 0.0 && ceiling_tok_s.is_finite()) {
            return 0.0;
        }
        1.0 / (1.0 / (ceiling_tok_s * self.efficiency) + self.fixed_ms / 1000.0)
    }
}

/// One published decode measurement with the engine's ceiling for it.
#[derive(Clone, Debug, PartialEq)]
pub struct DecodeSample {
    pub label: String,
    pub source: String,
    pub device: String,
    pub model: String,
    pub vendor: Vendor,
    pub runtime: Runtime,
    pub ceiling_tok_s: f64,
    pub measured_tok_s: f64,
    /// Tokens in the context when measured.
    pub depth: u32,
    /// The model's attention kind (for the per-kind error table).
    pub attention: String,
}

/// One published prefill measurement: the FLOPs the engine counts and the peak it assumes.
#[derive(Clone, Debug, PartialEq)]
pub struct PrefillSample {
    pub label: String,
    pub source: String,
    pub device: String,
    pub vendor: Vendor,
    pub runtime: Runtime,
    /// Seconds the prompt would take at 100% of peak.
    pub ideal_s: f64,
    pub measured_s: f64,
    pub prompt_tokens: u32,
}

fn median(mut xs: Vec<f64>) -> Option<f64> {
    xs.sort_by(f64::total_cmp);
    let (lower, upper) = xs.split_at(xs.len() / 2);
    // Empty: no median. Odd: the middle value; even: the mean of the two middle values.
    let middle = *upper.first()?;
    Some(if xs.len() % 2 == 1 {
        middle
    } else {
        (lower.last()? + middle) / 2.0
    })
}

/// Fits the decode model on samples: least squares of measured time on ceiling time with a
/// non-negative fixed cost where there are enough cases, else the median ratio.
pub fn fit_decode(samples: &[&DecodeSample]) -> Option<DecodeFit> {
    if samples.is_empty() {
        return None;
    }
    let ratio = || {
        median(
            samples
                .iter()
                .map(|s| s.measured_tok_s / s.ceiling_tok_s)
                .collect(),
        )
        .map(|e| DecodeFit {
            efficiency: e.clamp(0.02, 1.0),
            fixed_ms: 0.0,
            cases: samples.len(),
        })
    };
    if samples.len() < MIN_LEAST_SQUARES {
        return ratio();
    }
    let xs: Vec<f64> = samples.iter().map(|s| 1.0 / s.ceiling_tok_s).collect();
    let ys: Vec<f64> = samples.iter().map(|s| 1.0 / s.measured_tok_s).collect();
    let n = xs.len() as f64;
    let (mx, my) = (xs.iter().sum::<f64>() / n, ys.iter().sum::<f64>() / n);
    let sxx: f64 = xs.iter().map(|x| (x - mx) * (x - mx)).sum();
    let sxy: f64 = xs.iter().zip(&ys).map(|(x, y)| (x - mx) * (y - my)).sum();
    if sxx <= 0.0 {
        return ratio();
    }
    let slope = sxy / sxx;
    let fixed = my - slope * mx;
    if slope >= 1.0 && fixed >= 0.0 {
        Some(DecodeFit {
            efficiency: (1.0 / slope).clamp(0.02, 1.0),
            fixed_ms: fixed * 1000.0,
            cases: samples.len(),
        })
    } else {
        ratio()
    }
}

/// Signed relative errors (estimate ÷ measured − 1) summarised: the range an estimate carries
/// comes from the 10th and 90th percentiles.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Band {
    pub cases: usize,
    pub median_abs: f64,
    pub p90_abs: f64,
    pub worst_abs: f64,
    pub p10: f64,
    pub p90: f64,
}

impl Band {
    pub fn of(errors: &[f64]) -> Option<Band> {
        if errors.is_empty() {
            return None;
        }
        let mut signed = errors.to_vec();
        signed.sort_by(f64::total_cmp);
        let mut abs: Vec<f64> = errors.iter().map(|e| e.abs()).collect();
        abs.sort_by(f64::total_cmp);
        // The nearest-rank percentile of a sorted, non-empty list.
        let at = |v: &[f64], p: f64| {
            v.get((((v.len() - 1) as f64) * p).round() as usize)
                .copied()
        };
        Some(Band {
            cases: errors.len(),
            median_abs: at(&abs, 0.5)?,
            p90_abs: at(&abs, 0.9)?,
            worst_abs: *abs.last()?,
            p10: at(&signed, 0.1)?,
            p90: at(&signed, 0.9)?,
        })
    }
    /// The range of the measured value an estimate implies: estimate ÷ (1 + error) over the
    /// 10th–90th percentile errors.
    pub fn range(&self, estimate: f64) -> (f64, f64) {
        let lo = estimate / (1.0 + self.p90).max(0.05);
        let hi = estimate / (1.0 + self.p10).max(0.05);
        (lo.min(hi), lo.max(hi))
    }
}

/// Everything fitted on the fixture, and the errors measured out of sample.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Calibration {
    decode: Vec<(Option<Vendor>, Option<Runtime>, DecodeFit)>,
    prefill: Vec<(Option<Vendor>, f64, usize)>,
    /// Out-of-sample decode errors per runtime (leave-one-device-out), and over all.
    pub decode_bands: Vec<(Option<Runtime>, Band)>,
    pub prefill_band: Option<Band>,
    /// In-sample decode errors (constants fitted on every case), for comparison.
    pub decode_in_sample: Vec<(Option<Runtime>, Band)>,
    /// Decode errors when a device's other cases calibrate it (what a user's own measurement
    /// buys): leave-one-case-out within each device.
    pub calibrated_band: Option<Band>,
    /// The worst out-of-sample decode cases: (label, source, error).
    pub worst: Vec<(String, String, f64)>,
    /// Out-of-sample decode errors per attention kind.
    pub by_attention: Vec<(String, Band)>,
    /// Memory: the weights formula against published file sizes (it has no fitted constant,
    /// so these errors are out of sample as they stand), and against measured totals.
    pub memory_band: Option<Band>,
    /// The measured-allocation cases: KV formula and total errors, the compute buffers.
    pub memory_cases: MemoryReport,
}

/// One measured allocation with the engine's figures for it, GB.
#[derive(Clone, Debug, PartialEq)]
pub struct MemorySample {
    pub label: String,
    pub source: String,
    pub model: String,
    pub attention: String,
    pub devices: u32,
    pub measured_weights_gb: f64,
    pub measured_kv_gb: f64,
    pub measured_compute_gb: f64,
    pub measured_total_gb: f64,
    pub estimated_kv_gb: f64,
    /// The runtime overhead the engine assumes on those devices.
    pub overhead_gb: f64,
}

impl MemorySample {
    /// The KV formula against the runtime's own allocation.
    pub fn kv_error(&self) -> f64 {
        self.estimated_kv_gb / self.measured_kv_gb.max(1e-9) - 1.0
    }
    /// The total the engine would count (the measured weights, its KV and its overhead) against
    /// the measured weights + KV + compute buffers.
    pub fn total_error(&self) -> f64 {
        (self.measured_weights_gb + self.estimated_kv_gb + self.overhead_gb)
            / self.measured_total_gb.max(1e-9)
            - 1.0
    }
}

/// The memory cases summarised for the method panel and the tests.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MemoryReport {
    pub kv: Option<Band>,
    pub total: Option<Band>,
    /// Compute buffer per device, GB: median and the largest case.
    pub compute_median_gb: f64,
    pub compute_max_gb: f64,
    pub by_attention: Vec<(String, Band)>,
    /// The worst total cases: (label, source, error).
    pub worst: Vec<(String, String, f64)>,
}

/// The dataset's memory cases with the engine's KV and overhead for each.
pub fn memory_samples(dataset: &Dataset) -> Vec<MemorySample> {
    const MIB: f64 = 1_048_576.0 / 1e9;
    dataset
        .memory_cases
        .iter()
        .filter_map(|c| {
            let m = dataset.measured_model(&c.model)?;
            let facts = m.open_facts()?;
            let w = memory::Workload {
                context_tokens: c.context_tokens,
                sessions: c.sessions.max(1),
                kv_bytes_per_element: c.kv_bytes_per_element,
            };
            Some(MemorySample {
                label: format!(
                    "{} at {} tokens × {} on {} device(s) ({})",
                    m.name,
                    c.context_tokens,
                    c.sessions.max(1),
                    c.devices,
                    c.runtime.as_deref().unwrap_or("runtime not stated")
                ),
                source: c.source.clone(),
                model: m.id.clone(),
                attention: super::architecture::describe_kind(&facts.arch.layer_groups),
                devices: c.devices.max(1),
                measured_weights_gb: c.weights_mib * MIB,
                measured_kv_gb: c.kv_mib * MIB,
                measured_compute_gb: c.compute_mib * MIB,
                measured_total_gb: c.total_mib * MIB,
                estimated_kv_gb: memory::kv_cache_gb(facts.arch, &w),
                overhead_gb: memory::RUNTIME_OVERHEAD_GB_PER_DEVICE * c.devices.max(1) as f64,
            })
        })
        .collect()
}

/// Summarises the memory cases. The overhead is an assumption, not a fitted constant (it also
/// holds the CUDA / Metal context the logs do not print), so these errors are out of sample.
pub fn memory_report(samples: &[MemorySample]) -> MemoryReport {
    let kv: Vec<f64> = samples.iter().map(MemorySample::kv_error).collect();
    let total: Vec<f64> = samples.iter().map(MemorySample::total_error).collect();
    let per_device: Vec<f64> = samples
        .iter()
        .map(|s| s.measured_compute_gb / s.devices as f64)
        .collect();
    let mut kinds: Vec<&str> = samples.iter().map(|s| s.attention.as_str()).collect();
    kinds.sort_unstable();
    kinds.dedup();
    let mut worst: Vec<(String, String, f64)> = samples
        .iter()
        .map(|s| (s.label.clone(), s.source.clone(), s.total_error()))
        .collect();
    worst.sort_by(|a, b| b.2.abs().total_cmp(&a.2.abs()));
    worst.truncate(5);
    MemoryReport {
        kv: Band::of(&kv),
        total: Band::of(&total),
        compute_median_gb: median(per_device.clone()).unwrap_or(0.0),
        compute_max_gb: per_device.iter().copied().fold(0.0, f64::max),
        by_attention: kinds
            .into_iter()
            .filter_map(|k| {
                let e: Vec<f64> = samples
                    .iter()
                    .filter(|s| s.attention == k)
                    .map(MemorySample::total_error)
                    .collect();
                Band::of(&e).map(|b| (k.to_string(), b))
            })
            .collect(),
        worst,
    }
}

fn groups_of(samples: &[&DecodeSample]) -> Vec<(Option<Vendor>, Option<Runtime>, DecodeFit)> {
    let mut out = Vec::new();
    let keys: Vec<(Option<Vendor>, Option<Runtime>)> = Vendor::ALL
        .iter()
        .flat_map(|v| Runtime::ALL.iter().map(move |r| (Some(*v), Some(*r))))
        .chain(Runtime::ALL.iter().map(|r| (None, Some(*r))))
        .chain(Vendor::ALL.iter().map(|v| (Some(*v), None)))
        .chain(std::iter::once((None, None)))
        .collect();
    for (v, r) in keys {
        let members: Vec<&DecodeSample> = samples
            .iter()
            .copied()
            .filter(|s| v.is_none_or(|v| s.vendor == v) && r.is_none_or(|r| s.runtime == r))
            .collect();
        let needed = if v.is_none() && r.is_none() {
            1
        } else {
            MIN_GROUP
        };
        if members.len() >= needed
            && let Some(f) = fit_decode(&members)
        {
            out.push((v, r, f));
        }
    }
    out
}

fn prefill_groups(samples: &[&PrefillSample]) -> Vec<(Option<Vendor>, f64, usize)> {
    let mfu = |s: &&PrefillSample| (s.ideal_s / s.measured_s).clamp(0.005, 1.0);
    let mut out = Vec::new();
    for v in Vendor::ALL {
        let xs: Vec<f64> = samples.iter().filter(|s| s.vendor == v).map(mfu).collect();
        if xs.len() >= MIN_GROUP {
            out.push((
                Some(v),
                median(xs.clone()).unwrap_or(DEFAULT_PREFILL_MFU),
                xs.len(),
            ));
        }
    }
    let all: Vec<f64> = samples.iter().map(mfu).collect();
    if let Some(m) = median(all.clone()) {
        out.push((None, m, all.len()));
    }
    out
}

impl Calibration {
    /// The decode model for a vendor and runtime: its own group, else the runtime's, else the
    /// vendor's, else all cases, else the default.
    pub fn decode_for(&self, vendor: Vendor, runtime: Runtime) -> DecodeFit {
        let find = |v: Option<Vendor>, r: Option<Runtime>| {
            self.decode
                .iter()
                .find(|(gv, gr, _)| *gv == v && *gr == r)
                .map(|(_, _, f)| *f)
        };
        find(Some(vendor), Some(runtime))
            .or_else(|| find(None, Some(runtime)))
            .or_else(|| find(Some(vendor), None))
            .or_else(|| find(None, None))
            .unwrap_or(DEFAULT_DECODE)
    }
    /// The share of peak FP16 tensor throughput prefill reaches on a vendor's devices.
    pub fn prefill_mfu(&self, vendor: Vendor) -> f64 {
        self.prefill
            .iter()
            .find(|(v, _, _)| *v == Some(vendor))
            .or_else(|| self.prefill.iter().find(|(v, _, _)| v.is_none()))
            .map_or(DEFAULT_PREFILL_MFU, |(_, m, _)| *m)
    }
    /// The out-of-sample band for a runtime's decode estimates (all runtimes where it has too
    /// few cases of its own).
    pub fn decode_band(&self, runtime: Runtime) -> Option<Band> {
        self.decode_bands
            .iter()
            .find(|(r, b)| *r == Some(runtime) && b.cases >= 5)
            .or_else(|| self.decode_bands.iter().find(|(r, _)| r.is_none()))
            .map(|(_, b)| *b)
    }
    /// The fitted groups, for the method panel: (vendor, runtime, fit).
    pub fn decode_groups(&self) -> &[(Option<Vendor>, Option<Runtime>, DecodeFit)] {
        &self.decode
    }
    pub fn prefill_groups(&self) -> &[(Option<Vendor>, f64, usize)] {
        &self.prefill
    }
}

fn fitted(decode: &[&DecodeSample], prefill: &[&PrefillSample]) -> Calibration {
    Calibration {
        decode: groups_of(decode),
        prefill: prefill_groups(prefill),
        ..Calibration::default()
    }
}

/// Fits the constants on every sample and measures the errors by leave-one-device-out.
/// `memory_errors` are the memory estimate's signed errors against published figures.
pub fn calibrate(
    decode: &[DecodeSample],
    prefill: &[PrefillSample],
    memory_errors: &[f64],
) -> Calibration {
    let all_d: Vec<&DecodeSample> = decode.iter().collect();
    let all_p: Vec<&PrefillSample> = prefill.iter().collect();
    let mut cal = fitted(&all_d, &all_p);
    let err = |c: &Calibration, s: &DecodeSample| {
        c.decode_for(s.vendor, s.runtime).estimate(s.ceiling_tok_s) / s.measured_tok_s - 1.0
    };
    // Out of sample: each device's cases estimated with constants fitted without it.
    let mut devices: Vec<&str> = decode.iter().map(|s| s.device.as_str()).collect();
    devices.sort_unstable();
    devices.dedup();
    let mut oos: Vec<(&DecodeSample, f64)> = Vec::new();
    for d in &devices {
        let train: Vec<&DecodeSample> = decode.iter().filter(|s| s.device != *d).collect();
        let c = fitted(&train, &[]);
        for s in decode.iter().filter(|s| s.device == *d) {
            oos.push((s, err(&c, s)));
        }
    }
    let band_for = |pick: &dyn Fn(&DecodeSample) -> bool, errs: &[(&DecodeSample, f64)]| {
        Band::of(
            &errs
                .iter()
                .filter(|(s, _)| pick(s))
                .map(|(_, e)| *e)
                .collect::<Vec<_>>(),
        )
    };
    let in_sample: Vec<(&DecodeSample, f64)> = decode.iter().map(|s| (s, err(&cal, s))).collect();
    for r in Runtime::ALL.into_iter().map(Some).chain([None]) {
        let pick = move |s: &DecodeSample| r.is_none_or(|r| s.runtime == r);
        if let Some(b) = band_for(&pick, &oos) {
            cal.decode_bands.push((r, b));
        }
        if let Some(b) = band_for(&pick, &in_sample) {
            cal.decode_in_sample.push((r, b));
        }
    }
    let mut kinds: Vec<&str> = decode.iter().map(|s| s.attention.as_str()).collect();
    kinds.sort_unstable();
    kinds.dedup();
    for k in kinds {
        if let Some(b) = band_for(&|s: &DecodeSample| s.attention == k, &oos) {
            cal.by_attention.push((k.to_string(), b));
        }
    }
    let mut worst: Vec<(String, String, f64)> = oos
        .iter()
        .map(|(s, e)| (s.label.clone(), s.source.clone(), *e))
        .collect();
    worst.sort_by(|a, b| b.2.abs().total_cmp(&a.2.abs()));
    // One line per case label (a run listed by two sources is one case to look at).
    let mut labels = std::collections::HashSet::new();
    worst.retain(|w| labels.insert(w.0.clone()));
    worst.truncate(5);
    cal.worst = worst;
    // A device's own measurement: each case estimated from the device's other cases (same
    // runtime), as a user's calibration does.
    let mut own = Vec::new();
    for s in decode {
        let others: Vec<&DecodeSample> = decode
            .iter()
            .filter(|o| o.device == s.device && o.runtime == s.runtime && !std::ptr::eq(*o, s))
            .collect();
        if let Some(e) = median(
            others
                .iter()
                .map(|o| o.measured_tok_s / o.ceiling_tok_s)
                .collect(),
        ) {
            own.push(s.ceiling_tok_s * e / s.measured_tok_s - 1.0);
        }
    }
    cal.calibrated_band = Band::of(&own);
    // Prefill: leave-one-device-out as well.
    let mut pdev: Vec<&str> = prefill.iter().map(|s| s.device.as_str()).collect();
    pdev.sort_unstable();
    pdev.dedup();
    let mut perr = Vec::new();
    for d in pdev {
        let train: Vec<&PrefillSample> = prefill.iter().filter(|s| s.device != d).collect();
        let c = fitted(&[], &train);
        for s in prefill.iter().filter(|s| s.device == d) {
            let est_s = s.ideal_s / c.prefill_mfu(s.vendor);
            // Errors in speed terms: estimated tok/s ÷ measured tok/s − 1.
            perr.push(s.measured_s / est_s - 1.0);
        }
    }
    cal.prefill_band = Band::of(&perr);
    cal.memory_band = Band::of(memory_errors);
    cal
}

/// The decode and prefill samples of the dataset's measurements: each with the engine's
/// ceiling (or ideal prefill time) on its device, runtime, format and context depth.
pub fn samples(dataset: &Dataset) -> (Vec<DecodeSample>, Vec<PrefillSample>) {
    let mut decode = Vec::new();
    let mut prefill = Vec::new();
    for m in &dataset.measurements {
        let (Some(model), Some(format), Some(runtime)) = (
            m.model.as_deref().and_then(|id| dataset.measured_model(id)),
            m.format.as_deref().and_then(|id| dataset.weight_format(id)),
            m.runtime.as_deref().and_then(Runtime::parse),
        ) else {
            continue;
        };
        let Some(facts) = model.open_facts() else {
            continue;
        };
        let depth = m.context.unwrap_or(0);
        let cfg = Config {
            hardware: vec![DeviceChoice {
                device: DeviceRef::Known(m.device.clone()),
                count: m.count,
                reserved_gb: Some(0.0),
            }],
            runtime,
            ..Config::default()
        };
        let machine = hardware::resolve(dataset, &cfg);
        let Some(unit) = machine.units.first() else {
            continue;
        };
        let w = memory::Workload {
            context_tokens: depth.max(1),
            sessions: 1,
            kv_bytes_per_element: 2.0,
        };
        let f = fit::fit_at(&facts, &machine, &w, format);
        let vendor = Vendor::of(unit.family);
        let label = format!(
            "{} {} on {}×{} ({}{})",
            model.name,
            format.name,
            m.count,
            unit.name,
            runtime.name(),
            if depth > 0 {
                format!(", {depth} tokens deep")
            } else {
                String::new()
            }
        );
        let attention = super::architecture::describe_kind(&facts.arch.layer_groups);
        if let Some(ceiling) = speed::decode_ceiling_tok_s(&facts, format, &f, &machine, 2.0)
            && !m.speculative
        {
            decode.push(DecodeSample {
                label: label.clone(),
                source: m.source.clone(),
                device: m.device.clone(),
                model: model.id.clone(),
                vendor,
                runtime,
                ceiling_tok_s: ceiling,
                measured_tok_s: m.decode_tok_s,
                depth,
                attention: attention.clone(),
            });
        }
        if let (Some(pp), Some(p), Some(tflops)) =
            (m.prefill_tok_s, m.prompt_tokens, unit.fp16_tflops)
            && pp > 0.0
            && p > 0
        {
            let flops = speed::prefill_flops(&facts, p);
            let peak = tflops * 1e12 * machine.units.len() as f64;
            prefill.push(PrefillSample {
                label,
                source: m.source.clone(),
                device: m.device.clone(),
                vendor,
                runtime,
                ideal_s: flops / peak,
                measured_s: p as f64 / pp,
                prompt_tokens: p,
            });
        }
    }
    (decode, prefill)
}
