//! A row of the answer in words: its rank, fit badge and headroom or shortfall, format, decode
//! estimate and score, worded once for the page's ranked table and the command line
//! (`codefit recommend`), so the two cannot say a row differently.

use super::analysis::{Analysis, Row};
use super::dataset::Dataset;
use super::fit::FitStatus;
use super::units::format_gb;

/// The fit badge: a CSS class key and its label (symbol and words, so colour is never the only
/// carrier of the meaning).
pub fn fit_badge(status: Option<FitStatus>, open_weight: bool) -> (&'static str, &'static str) {
    match status {
        None if open_weight => ("unknown", "? memory not computed"),
        Some(FitStatus::Fits) => ("fits", "✔ fits"),
        Some(FitStatus::Offload) => ("offload", "◐ offload"),
        Some(FitStatus::NoFit) => ("nofit", "✖ does not fit"),
        None => ("proprietary", "API only"),
    }
}

/// What the badge qualifies: the headroom, the shortfall, what is offloaded, or why the memory
/// is unknown; `None` for proprietary models.
pub fn fit_detail(row: &Row<'_>) -> Option<String> {
    row.model.memory_unknown.clone().or_else(|| {
        row.fit.as_ref().map(|f| match f.status {
            FitStatus::NoFit => format!("short {}", format_gb(-f.headroom_gb)),
            FitStatus::Offload => match f.expert_offload {
                Some(x) => format!(
                    "experts of {} layers in RAM ({})",
                    x.cpu_layers,
                    format_gb(x.cpu_gb)
                ),
                None => format!("{} in RAM", format_gb(f.offload_gb)),
            },
            FitStatus::Fits if f.tight => format!(
                "tight: {} free, within the estimate's error",
                format_gb(f.headroom_gb)
            ),
            FitStatus::Fits => format!("{} free", format_gb(f.headroom_gb)),
        })
    })
}

/// The decode estimate, its range and the bandwidth ceiling: "≈ 42, 35–50 est. (≤ 60)".
pub fn decode_text(row: &Row<'_>) -> String {
    match (row.decode_est_tok_s, row.decode_tok_s, row.decode_range) {
        (Some(e), Some(c), Some((lo, hi))) => format!("≈ {e:.0}, {lo:.0}–{hi:.0} est. (≤ {c:.0})"),
        (Some(e), Some(c), None) => format!("≈ {e:.0} est. (≤ {c:.0})"),
        _ => "—".into(),
    }
}

/// The score on the ranking metric in its own unit, with the quantization penalty when one
/// applies; a partly covered profile or a missing score says so.
pub fn score_text(a: &Analysis<'_>, row: &Row<'_>) -> String {
    let value = row.value.map(|v| a.show(v)).unwrap_or_else(|| {
        if row.coverage > 0.0 && row.coverage < 1.0 {
            format!("{:.0}% of profile", row.coverage * 100.0)
        } else {
            "no score".into()
        }
    });
    let penalty = if row.penalty_pct > 0.0 && row.value.is_some() {
        format!(" (−{:.1}% quant.)", row.penalty_pct)
    } else {
        String::new()
    };
    format!("{value}{penalty}")
}

/// The rank of the row at `index` of the analysis (1-based); `None` for an unranked row.
pub fn rank(index: usize, row: &Row<'_>) -> Option<usize> {
    row.value.map(|_| index + 1)
}

/// The rank as shown: the number, or "—" for an unranked row.
pub fn rank_text(index: usize, row: &Row<'_>) -> String {
    rank(index, row).map_or_else(|| "—".into(), |r| r.to_string())
}

/// The name of the weight format the row's fit uses, or "—".
pub fn format_name(dataset: &Dataset, row: &Row<'_>) -> String {
    row.fit
        .as_ref()
        .and_then(|f| dataset.weight_format(&f.format_id))
        .map_or_else(|| "—".into(), |w| w.name.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::analysis::analyze;
    use crate::engine::fixture;

    /// On the fixture's 24 GB card the big models do not fit (a shortfall), a small one fits
    /// with headroom, and the proprietary model is "API only" with no detail and no speed.
    #[test]
    fn fit_and_speed_words_follow_the_fit() {
        let ds = fixture::dataset();
        let a = analyze(ds, &fixture::config("card24", 1));
        let row = |id: &str| a.rows.iter().find(|r| r.model.id == id).unwrap();
        let big = row("oss-120b");
        assert_eq!(fit_badge(big.status(), true).0, "nofit");
        assert!(fit_detail(big).unwrap().starts_with("short "));
        assert_eq!(decode_text(big), "—");
        let small = row("twin-small");
        assert_eq!(small.status(), Some(FitStatus::Fits));
        assert!(fit_detail(small).unwrap().ends_with(" free"));
        assert!(
            decode_text(small).starts_with("≈ "),
            "{}",
            decode_text(small)
        );
        let prop = a.rows.iter().find(|r| !r.model.open_weight).unwrap();
        assert_eq!(fit_badge(prop.status(), false), ("proprietary", "API only"));
        assert_eq!(fit_detail(prop), None);
        assert_eq!(format_name(ds, prop), "—");
    }
}
