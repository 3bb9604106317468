//! The ranked table as an answer: what runs here first (fits, then offload, in the chosen
//! sort), the proprietary leaders as reference rows, and a folded group of models that do not
//! fit, each saying what it would need ("+14 GB", "a second RTX PRO 6000").

use super::analysis::{self, Analysis};
use super::config::{self, Config, DeviceRef};
use super::dataset::Dataset;
use super::fit::FitStatus;
use std::collections::HashMap;

/// Proprietary rows shown as reference before the rest fold away: the frontier the headline
/// compares with, not a wall of 40 API models.
pub const REFERENCE_ROWS: usize = 5;
/// The most extra devices "what it would need" tries: beyond that, a different machine.
pub const MAX_EXTRA_DEVICES: u32 = 7;

/// Row indices into `Analysis::rows`, per group, each in the table's order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Grouped {
    /// Open-weight models that run here: fits first, then offload.
    pub runs: Vec<usize>,
    /// The first [`REFERENCE_ROWS`] proprietary models in the table's order.
    pub reference: Vec<usize>,
    /// The other proprietary models.
    pub more_reference: Vec<usize>,
    /// Open-weight models that do not fit, or whose memory cannot be computed.
    pub no_fit: Vec<usize>,
}

/// Splits a table order (from [`analysis::sorted_order`]) into the groups. Within "runs",
/// rows that fit come before rows that need offload, each in the given order, unless the
/// table is sorted by something other than rank (then the user's sort holds).
pub fn group(a: &Analysis<'_>, order: &[usize], by_rank: bool) -> Grouped {
    let mut g = Grouped::default();
    let mut offload = Vec::new();
    for &i in order {
        let Some(r) = a.rows.get(i) else { continue };
        match r.status() {
            Some(FitStatus::Fits) => g.runs.push(i),
            Some(FitStatus::Offload) if by_rank => offload.push(i),
            Some(FitStatus::Offload) => g.runs.push(i),
            Some(FitStatus::NoFit) => g.no_fit.push(i),
            None if r.model.open_weight => g.no_fit.push(i),
            None if g.reference.len() < REFERENCE_ROWS => g.reference.push(i),
            None => g.more_reference.push(i),
        }
    }
    g.runs.extend(offload);
    g
}

/// What a model that does not fit would need: the GB missing, and the fewest more devices
/// like the configuration's largest that make it fit (one analysis per extra count, for every
/// row at once). Model ids to (GB short, extra devices or `None` beyond [`MAX_EXTRA_DEVICES`]).
pub fn needs(dataset: &Dataset, cfg: &Config, a: &Analysis<'_>) -> HashMap<String, Need> {
    let mut out: HashMap<String, Need> = a
        .rows
        .iter()
        .filter_map(|r| {
            let f = r.fit.as_ref()?;
            (f.status == FitStatus::NoFit).then(|| {
                (
                    r.model.id.clone(),
                    Need {
                        short_gb: (-f.headroom_gb).max(0.0),
                        extra: None,
                    },
                )
            })
        })
        .collect();
    let Some((row, name)) = largest_row(dataset, cfg) else {
        return out;
    };
    for extra in 1..=MAX_EXTRA_DEVICES {
        if out.values().all(|n| n.extra.is_some()) {
            break;
        }
        let mut more = cfg.clone();
        let Some(choice) = more.hardware.get_mut(row) else {
            break;
        };
        if choice.count + extra > config::MAX_DEVICE_COUNT {
            break;
        }
        choice.count += extra;
        more.only_fits = true;
        more.show_proprietary = false;
        let bigger = analysis::analyze(dataset, &more);
        for r in &bigger.rows {
            if let Some(n) = out.get_mut(&r.model.id)
                && n.extra.is_none()
                && r.status() == Some(FitStatus::Fits)
            {
                n.extra = Some(Extra {
                    count: extra,
                    device: name.clone(),
                });
            }
        }
    }
    out
}

/// The device row with the most memory per device, and its name.
fn largest_row(dataset: &Dataset, cfg: &Config) -> Option<(usize, String)> {
    cfg.hardware
        .iter()
        .enumerate()
        .filter_map(|(i, d)| match &d.device {
            DeviceRef::Known(id) => dataset
                .device(id)
                .map(|dev| (i, dev.memory_gb, dev.name.clone())),
            DeviceRef::Custom { memory_gb, .. } => {
                Some((i, *memory_gb, format!("{memory_gb:.0} GB device")))
            }
        })
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _, name)| (i, name))
}

#[derive(Clone, Debug, PartialEq)]
pub struct Extra {
    pub count: u32,
    pub device: String,
}

/// What one model that does not fit would need.
#[derive(Clone, Debug, PartialEq)]
pub struct Need {
    pub short_gb: f64,
    pub extra: Option<Extra>,
}

impl Need {
    /// "+14 GB · fits with a second RTX PRO 6000" / "+300 GB · more than 7 more …".
    pub fn describe(&self) -> String {
        let gb = format!("+{:.0} GB", self.short_gb.ceil());
        match &self.extra {
            Some(Extra { count: 1, device }) => format!("{gb} · fits with a second {device}"),
            Some(Extra { count, device }) => format!("{gb} · fits with {count} more {device}"),
            None => format!("{gb} · not with up to {MAX_EXTRA_DEVICES} more of these devices"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::fixture;

    #[test]
    fn groups_lead_with_what_runs_and_fold_what_does_not() {
        let ds = fixture::dataset();
        let cfg = fixture::config("card24", 1);
        let a = analysis::analyze(ds, &cfg);
        let order = analysis::sorted_order(&a.rows, analysis::SortKey::Rank, false);
        let g = group(&a, &order, true);
        let status = |i: &usize| a.rows[*i].status();
        assert!(!g.runs.is_empty() && !g.no_fit.is_empty(), "{g:?}");
        // Fits first, then offload; every row in exactly one group.
        let first_offload = g
            .runs
            .iter()
            .position(|i| status(i) == Some(FitStatus::Offload));
        if let Some(p) = first_offload {
            assert!(
                g.runs[p..]
                    .iter()
                    .all(|i| status(i) == Some(FitStatus::Offload))
            );
        }
        assert!(g.no_fit.iter().all(|i| status(i) != Some(FitStatus::Fits)));
        assert!(g.reference.len() <= REFERENCE_ROWS);
        let mut all: Vec<usize> = [&g.runs, &g.reference, &g.more_reference, &g.no_fit]
            .into_iter()
            .flatten()
            .copied()
            .collect();
        all.sort_unstable();
        assert_eq!(all, (0..a.rows.len()).collect::<Vec<_>>());
    }

    /// A model short on one 24 GB card fits on two or more; the need names the count, and
    /// adding that many cards to the configuration really makes it fit.
    #[test]
    fn needs_name_the_missing_gb_and_the_cards_that_close_it() {
        let ds = fixture::dataset();
        let cfg = fixture::config("card24", 1);
        let a = analysis::analyze(ds, &cfg);
        let needs = needs(ds, &cfg, &a);
        assert!(!needs.is_empty());
        for (id, n) in &needs {
            let row = a.rows.iter().find(|r| &r.model.id == id).unwrap();
            assert!((n.short_gb + row.fit.as_ref().unwrap().headroom_gb).abs() < 1e-9);
            if let Some(x) = &n.extra {
                let more = fixture::config("card24", 1 + x.count);
                let b = analysis::analyze(ds, &more);
                let r = b.rows.iter().find(|r| &r.model.id == id).unwrap();
                assert_eq!(r.status(), Some(FitStatus::Fits), "{id} with {x:?}");
                if x.count > 1 {
                    let fewer = fixture::config("card24", x.count);
                    let c = analysis::analyze(ds, &fewer);
                    let r = c.rows.iter().find(|r| &r.model.id == id).unwrap();
                    assert_ne!(r.status(), Some(FitStatus::Fits), "{id}: fewer would do");
                }
            }
        }
        assert!(needs.values().any(|n| n.extra.is_some()), "{needs:?}");
    }

    #[test]
    fn needs_read_plainly() {
        let extra = |count| {
            Some(Extra {
                count,
                device: "RTX PRO 6000".into(),
            })
        };
        let n = Need {
            short_gb: 13.2,
            extra: extra(1),
        };
        assert_eq!(n.describe(), "+14 GB · fits with a second RTX PRO 6000");
        let n = Need {
            short_gb: 100.0,
            extra: extra(3),
        };
        assert_eq!(n.describe(), "+100 GB · fits with 3 more RTX PRO 6000");
        let n = Need {
            short_gb: 900.0,
            extra: None,
        };
        assert!(n.describe().starts_with("+900 GB · not with up to 7"));
    }
}
