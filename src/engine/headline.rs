//! The answer in words: the headline sentence for an analysis (the best model that runs here,
//! its format and expected speed, its gap to the best open-weight and proprietary models) and
//! the notes it carries (a runtime that cannot use the devices, the speed floor).

use super::analysis::Analysis;
use super::dataset::Dataset;
use super::fit::FitStatus;
use super::freshness::Freshness;
use super::rank::Leader;

/// The headline as the page shows it: the sentence and, when the newest data is stale, the
/// warning that says so (`fresh` is computed from today's date, which the caller reads).
pub fn headline_dated(dataset: &Dataset, a: &Analysis<'_>, fresh: &Freshness) -> String {
    let mut text = headline(dataset, a);
    if let Some(w) = fresh.warning(&a.scope, dataset) {
        text.push(' ');
        text.push_str(&w);
    }
    text
}

/// The answer in one sentence (or two), from the analysis.
pub fn headline(dataset: &Dataset, a: &Analysis<'_>) -> String {
    let date = if a.scope.seed_only {
        format!("the seed snapshot ({})", a.scope.as_of)
    } else {
        a.scope.as_of.to_string()
    };
    let machine = format!(
        "{} ({:.0} GB usable)",
        a.machine.describe(),
        a.machine.usable_gb()
    );
    if a.machine.units.is_empty() && !a.machine.unsupported.is_empty() {
        return format!(
            "{} does not run on {}: choose another runtime. Data as of {date}.",
            a.machine.runtime.name(),
            a.machine.unsupported.join(" + ")
        );
    }
    let Some(best) = a.best_row() else {
        return format!(
            "No open-weight model with a {} figure runs on {machine} at this context and session count. Data as of {date}.",
            a.metric
        );
    };
    let Some(value) = best.value else {
        return format!("No ranked model runs on {machine}. Data as of {date}.");
    };
    let f = best.fit.as_ref();
    let format = f
        .and_then(|f| dataset.weight_format(&f.format_id))
        .map_or_else(String::new, |w| format!(" at {}", w.name));
    let offload = if best.status() == Some(FitStatus::Offload) {
        " with offload to system RAM"
    } else {
        ""
    };
    let yours = if best.model.id == super::own_model::ID {
        " (your model; the score is your own figure)"
    } else {
        ""
    };
    let mut text = format!(
        "On {machine}, the best open-weight model for {} is {}{yours}{format}{offload}: {}.",
        a.metric,
        best.model.name,
        a.show(value)
    );
    if let Some(t) = best.decode_est_tok_s {
        text.push_str(&format!(
            " Expect about {} tok/s (estimate).",
            speed_text(t)
        ));
    }
    let gap = |leader: Option<Leader<'_>>, kind: &str| -> Option<String> {
        let l = leader?;
        let g = l.gap(value);
        Some(if l.model.id == best.model.id || g.abs() < 1e-9 {
            format!("the best {kind} model")
        } else if g < 0.0 {
            format!(
                "{} points ahead of the best {kind} model ({}, {})",
                a.show_gap(-g),
                l.model.name,
                a.show(l.value)
            )
        } else {
            format!(
                "{} points behind the best {kind} model ({}, {})",
                a.show_gap(g),
                l.model.name,
                a.show(l.value)
            )
        })
    };
    let parts: Vec<String> = [
        gap(a.best_open, "open-weight"),
        gap(a.best_proprietary, "proprietary"),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !parts.is_empty() {
        text.push_str(&format!(" It is {}.", parts.join(" and ")));
    }
    let floor_text = {
        let mut text = String::new();
        let floor = speed_text(a.min_tok_s);
        if a.below_floor {
            text.push_str(&format!(
                " No model that runs here reaches your {floor} tok/s floor; this is the best-scoring one that runs."
            ));
        } else if let Some(faster_than_floor) = a
            .rows
            .iter()
            .take(a.best.unwrap_or(0))
            .find(|r| r.runs_locally() && r.value.is_some())
        {
            text.push_str(&format!(
                " {} scores higher but runs here at about {} tok/s, below your {floor} tok/s floor.",
                faster_than_floor.model.name,
                faster_than_floor
                    .decode_est_tok_s
                    .map_or_else(|| "?".into(), speed_text)
            ));
        }
        text
    };
    text.push_str(&floor_text);
    text.push_str(&format!(" Data as of {date}."));
    text
}

/// A speed for prose: whole tok/s from 10 up, one decimal below.
fn speed_text(t: f64) -> String {
    if t >= 10.0 {
        format!("{t:.0}")
    } else {
        format!("{t:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::analysis::analyze;
    use crate::engine::config::Config;
    use crate::engine::runtime::Runtime;

    /// Headlines that do not mislead (issue 13, bug 11): a runtime that cannot use the devices
    /// says so instead of "runs on no devices", and an empty machine never shows "-0 GB".
    #[test]
    fn headline_names_an_unusable_runtime_and_never_minus_zero() {
        let ds = Dataset::bundled();
        let cfg = Config {
            runtime: Runtime::Mlx,
            ..Config::with_preset(ds.preset("pro6000").unwrap())
        };
        let h = headline(ds, &analyze(ds, &cfg));
        assert!(
            h.starts_with(
                "MLX does not run on NVIDIA RTX PRO 6000 Blackwell: choose another runtime."
            ),
            "{h}"
        );
        let empty = Config {
            hardware: Vec::new(),
            ..Config::default()
        };
        let h = headline(ds, &analyze(ds, &empty));
        assert!(h.contains("(0 GB usable)") && !h.contains("-0 GB"), "{h}");
    }
}
