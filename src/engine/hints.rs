//! What the browser says about this machine (WebGPU's adapter information where exposed,
//! `navigator.deviceMemory`, the platform), turned into preset suggestions. A suggestion is
//! never applied without a click, and nothing read here leaves the page.
//!
//! Browsers say little, on purpose: WebGPU's `GPUAdapterInfo` gives a vendor and an
//! architecture ("nvidia", "blackwell"), sometimes a description naming the card;
//! `deviceMemory` is capped at 8 GB and rounded; the platform names the OS. So the engine
//! matches a named card exactly when the description has one, and otherwise offers the presets
//! of the vendor and architecture, saying how little it knows.

use super::dataset::Dataset;

/// What the page could read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Hints {
    pub platform: String,
    /// `navigator.deviceMemory`, GB (a rounded lower bound, at most 8).
    pub device_memory_gb: Option<f64>,
    pub gpu_vendor: String,
    pub gpu_architecture: String,
    pub gpu_description: String,
}

/// Presets to offer, with what led to them.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    pub reason: String,
    /// Preset ids, best match first.
    pub presets: Vec<String>,
}

/// Most presets offered at once.
pub const MAX_SUGGESTIONS: usize = 4;

fn norm(text: &str) -> String {
    text.to_ascii_lowercase()
        .replace(['-', '_'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The suggestion for these hints, or `None` when they name nothing the dataset knows.
pub fn suggest(dataset: &Dataset, hints: &Hints) -> Option<Suggestion> {
    let description = norm(&hints.gpu_description);
    // A card the description names (the longest name that matches: "rtx pro 6000 blackwell"
    // before "rtx pro 6000"), stripped of the vendor's prefix.
    let named = dataset
        .devices
        .iter()
        .filter(|d| {
            let name = norm(&d.name);
            let short = name
                .trim_start_matches("nvidia ")
                .trim_start_matches("geforce ")
                .trim_start_matches("amd ")
                .trim_start_matches("intel ")
                .trim_start_matches("apple ");
            !description.is_empty() && !short.is_empty() && description.contains(short)
        })
        .max_by_key(|d| d.name.len());
    let platform = norm(&hints.platform);
    let memory = hints
        .device_memory_gb
        .filter(|g| g.is_finite() && *g > 0.0)
        .map_or_else(String::new, |g| {
            format!("; it reports at least {g:.0} GB of memory (browsers cap this figure at 8)")
        });
    if let Some(device) = named {
        let presets: Vec<String> = dataset
            .presets
            .iter()
            .filter(|p| p.devices.first().is_some_and(|d| d.device == device.id))
            .map(|p| p.id.clone())
            .take(MAX_SUGGESTIONS)
            .collect();
        if !presets.is_empty() {
            return Some(Suggestion {
                reason: format!("Your browser reports a {} GPU{memory}.", device.name),
                presets,
            });
        }
    }
    let vendor = norm(&hints.gpu_vendor);
    let arch = norm(&hints.gpu_architecture);
    let apple = vendor == "apple" || platform.contains("mac");
    let family_of = |family: &str| -> bool {
        if apple {
            family == "apple"
        } else if !arch.is_empty() {
            family == arch
        } else {
            matches!(
                (vendor.as_str(), family),
                ("amd", "amd") | ("intel", "intel")
            )
        }
    };
    if vendor.is_empty() && !apple {
        return None;
    }
    let presets: Vec<String> = dataset
        .presets
        .iter()
        .filter(|p| {
            p.devices.first().is_some_and(|d| {
                dataset
                    .device(&d.device)
                    .and_then(|d| d.family.as_deref())
                    .is_some_and(family_of)
            })
        })
        .map(|p| p.id.clone())
        .take(MAX_SUGGESTIONS)
        .collect();
    if presets.is_empty() {
        return None;
    }
    let what = if apple {
        "an Apple silicon Mac".to_string()
    } else if arch.is_empty() {
        format!("a {} GPU", hints.gpu_vendor.trim())
    } else {
        format!(
            "a {} GPU of the {} architecture",
            hints.gpu_vendor.trim(),
            hints.gpu_architecture.trim()
        )
    };
    Some(Suggestion {
        reason: format!(
            "Your browser reports {what}{memory}, not the model or its memory: pick the one you have."
        ),
        presets,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::dataset::Dataset;

    fn ds() -> &'static Dataset {
        crate::engine::fixture::dataset()
    }

    #[test]
    fn nothing_known_suggests_nothing() {
        assert_eq!(suggest(ds(), &Hints::default()), None);
        let h = Hints {
            gpu_vendor: "frobnitz".into(),
            ..Default::default()
        };
        assert_eq!(suggest(ds(), &h), None);
    }

    #[test]
    fn a_named_card_suggests_its_presets() {
        let ds = ds();
        let card = ds
            .presets
            .iter()
            .find_map(|p| ds.device(&p.devices.first()?.device))
            .unwrap();
        let h = Hints {
            gpu_vendor: "nvidia".into(),
            gpu_description: format!("{} (0x2bb1)", card.name.to_uppercase()),
            ..Default::default()
        };
        let s = suggest(ds, &h).unwrap();
        assert!(s.reason.contains(&card.name), "{s:?}");
        for id in &s.presets {
            let p = ds.preset(id).unwrap();
            assert_eq!(p.devices[0].device, card.id);
        }
    }

    #[test]
    fn a_mac_gets_mac_presets_and_is_told_the_memory_is_unknown() {
        let ds = ds();
        let h = Hints {
            platform: "macOS".into(),
            device_memory_gb: Some(8.0),
            ..Default::default()
        };
        match suggest(ds, &h) {
            Some(s) => {
                assert!(s.reason.contains("Apple silicon"), "{s:?}");
                assert!(s.reason.contains("cap this figure at 8"), "{s:?}");
                assert!(s.presets.len() <= MAX_SUGGESTIONS);
                for id in &s.presets {
                    let d = &ds.preset(id).unwrap().devices[0].device;
                    assert_eq!(ds.device(d).unwrap().family.as_deref(), Some("apple"));
                }
            }
            None => assert!(
                !ds.presets.iter().any(|p| ds
                    .device(&p.devices[0].device)
                    .and_then(|d| d.family.as_deref())
                    == Some("apple")),
                "the fixture has a Mac preset but none was suggested"
            ),
        }
    }
}
