//! The device-list codec of the `hw` and `cmp` keys: a preset id, or rows of
//! `device*count~reserved` separated by commas, where a device is a dataset id or
//! `custom:memory_gb:bandwidth_gb_s:u|d` (unified or discrete memory). Decoding is total like
//! the rest of the URL: a row it cannot read is skipped with a notice.

use super::{Notice, fmt_num, notice};
use crate::engine::config::{self, DeviceChoice, DeviceRef, preset_devices};
use crate::engine::dataset::Dataset;

pub(super) fn encode(dataset: &Dataset, devices: &[DeviceChoice]) -> String {
    if let Some(p) = config::matching_preset(dataset, devices) {
        return p.id.clone();
    }
    devices
        .iter()
        .map(|d| {
            let base = match &d.device {
                DeviceRef::Known(id) => id.clone(),
                DeviceRef::Custom {
                    memory_gb,
                    bandwidth_gb_s,
                    unified,
                } => {
                    format!(
                        "custom:{memory_gb}:{bandwidth_gb_s}:{}",
                        if *unified { "u" } else { "d" }
                    )
                }
            };
            let counted = if d.count > 1 {
                format!("{base}*{}", d.count)
            } else {
                base
            };
            match d.reserved_gb {
                Some(r) => format!("{counted}~{}", fmt_num(r)),
                None => counted,
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}

pub(super) fn decode(
    dataset: &Dataset,
    value: &str,
    notices: &mut Vec<Notice>,
) -> Option<Vec<DeviceChoice>> {
    if let Some(p) = dataset.preset(value) {
        return Some(preset_devices(p));
    }
    let mut out = Vec::new();
    for part in value.split(',').filter(|p| !p.is_empty()) {
        if out.len() >= config::MAX_DEVICE_ROWS {
            notices.push(notice(
                "hw",
                format!(
                    "only the first {} device rows are kept",
                    config::MAX_DEVICE_ROWS
                ),
            ));
            break;
        }
        // `device*count~reserved`: GB already in use on each device of the row.
        let (part, reserved_gb) = match part.rsplit_once('~') {
            Some((p, r)) => match r.parse::<f64>().ok().filter(|v| v.is_finite()) {
                Some(v) => {
                    let c = config::clamp_f64(v, 0.0, config::MAX_RESERVED_GB, 0.0);
                    if c != v {
                        notices.push(notice("hw", format!("reserved memory clamped to {c} GB")));
                    }
                    (p, Some(c))
                }
                None => {
                    notices.push(notice(
                        "hw",
                        format!("“{r}” is not a reserved amount in GB; using the default"),
                    ));
                    (p, None)
                }
            },
            None => (part, None),
        };
        let (name, count) = match part.rsplit_once('*') {
            Some((n, c)) => match c.parse::<u32>() {
                Ok(c) if (1..=config::MAX_DEVICE_COUNT).contains(&c) => (n, c),
                Ok(c) if c > config::MAX_DEVICE_COUNT => {
                    notices.push(notice(
                        "hw",
                        format!("device count {c} clamped to {}", config::MAX_DEVICE_COUNT),
                    ));
                    (n, config::MAX_DEVICE_COUNT)
                }
                _ => {
                    notices.push(notice(
                        "hw",
                        format!("“{c}” is not a device count; using 1"),
                    ));
                    (n, 1)
                }
            },
            None => (part, 1),
        };
        let device = if let Some(rest) = name.strip_prefix("custom:") {
            let fields: Vec<&str> = rest.split(':').collect();
            let memory = fields
                .first()
                .and_then(|f| f.parse::<f64>().ok())
                .filter(|v| v.is_finite());
            let bandwidth = fields
                .get(1)
                .and_then(|f| f.parse::<f64>().ok())
                .filter(|v| v.is_finite());
            let unified = fields.get(2) == Some(&"u");
            match (memory, bandwidth) {
                (Some(m), Some(b)) => {
                    let mc =
                        config::clamp_f64(m, config::MIN_MEMORY_GB, config::MAX_MEMORY_GB, 24.0);
                    let bc = config::clamp_f64(
                        b,
                        config::MIN_BANDWIDTH_GB_S,
                        config::MAX_BANDWIDTH_GB_S,
                        500.0,
                    );
                    if mc != m || bc != b {
                        notices.push(notice(
                            "hw",
                            "custom device figures clamped to a sane range",
                        ));
                    }
                    DeviceRef::Custom {
                        memory_gb: mc,
                        bandwidth_gb_s: bc,
                        unified,
                    }
                }
                _ => {
                    notices.push(notice(
                        "hw",
                        format!("custom device “{name}” needs memory and bandwidth"),
                    ));
                    continue;
                }
            }
        } else if dataset.device(name).is_some() {
            DeviceRef::Known(name.to_string())
        } else {
            notices.push(notice("hw", format!("unknown device “{name}”")));
            continue;
        };
        out.push(DeviceChoice {
            device,
            count,
            reserved_gb,
        });
    }
    (!out.is_empty()).then_some(out)
}
