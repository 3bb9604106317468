//! The ranked table as CSV and JSON, for the export buttons.

use super::analysis::Analysis;
use super::dataset::Dataset;
use serde_json::{Value, json};

fn csv_field(text: &str) -> String {
    // Quote every field; a leading = + - @ is prefixed so spreadsheets never run it as a formula.
    let safe = if text.starts_with(['=', '+', '-', '@']) && text.parse::<f64>().is_err() {
        format!("'{text}")
    } else {
        text.to_string()
    };
    format!("\"{}\"", safe.replace('"', "\"\""))
}

fn opt(v: Option<f64>, digits: usize) -> String {
    v.map_or_else(String::new, |x| format!("{x:.digits$}"))
}

/// The table as CSV, one row per model, in ranked order.
pub fn to_csv(dataset: &Dataset, a: &Analysis<'_>) -> String {
    let mut out = String::new();
    let mut header = vec![
        "rank",
        "model",
        "open_weight",
        "fit",
        "format",
        "weights_gb",
        "kv_cache_gb",
        "overhead_gb",
        "headroom_gb",
        "memory_low_gb",
        "memory_high_gb",
        "decode_ceiling_tok_s",
        "decode_est_tok_s",
        "decode_est_low",
        "decode_est_high",
        "ttft_est_s",
        "ttft_low_s",
        "ttft_high_s",
        "max_context_tokens",
        "max_context_low",
        "max_context_high",
        "value_points",
        "gap_open",
        "gap_proprietary",
    ]
    .into_iter()
    .map(String::from)
    .collect::<Vec<_>>();
    for b in &dataset.main_benches {
        header.push(b.to_string());
        header.push(format!("{b}_source"));
    }
    out.push_str(
        &header
            .iter()
            .map(|h| csv_field(h))
            .collect::<Vec<_>>()
            .join(","),
    );
    out.push('\n');
    for (i, r) in a.rows.iter().enumerate() {
        let f = r.fit.as_ref();
        let mut cells = vec![
            if r.value.is_some() {
                (i + 1).to_string()
            } else {
                String::new()
            },
            r.model.name.clone(),
            r.model.open_weight.to_string(),
            f.map_or("proprietary".into(), |f| f.status.label().to_string()),
            f.map_or(String::new(), |f| f.format_id.clone()),
            opt(f.map(|f| f.memory.weights_gb), 2),
            opt(f.map(|f| f.memory.kv_cache_gb), 2),
            opt(f.map(|f| f.memory.overhead_gb), 2),
            opt(f.map(|f| f.headroom_gb), 2),
            opt(f.and_then(|f| f.memory_range_gb).map(|x| x.0), 2),
            opt(f.and_then(|f| f.memory_range_gb).map(|x| x.1), 2),
            opt(r.decode_tok_s, 0),
            opt(r.decode_est_tok_s, 1),
            opt(r.decode_range.map(|x| x.0), 1),
            opt(r.decode_range.map(|x| x.1), 1),
            opt(r.ttft_s, 2),
            opt(r.ttft_range.map(|x| x.0), 2),
            opt(r.ttft_range.map(|x| x.1), 2),
            r.max_context.map_or(String::new(), |c| c.to_string()),
            r.max_context_range
                .map_or(String::new(), |c| c.0.to_string()),
            r.max_context_range
                .map_or(String::new(), |c| c.1.to_string()),
            opt(r.value, 2),
            opt(r.gap_open, 2),
            opt(r.gap_proprietary, 2),
        ];
        for p in &r.picks {
            cells.push(p.map_or(String::new(), |p| p.score.display(p.bench)));
            cells.push(p.map_or(String::new(), |p| p.score.source.clone()));
        }
        out.push_str(
            &cells
                .iter()
                .map(|c| csv_field(c))
                .collect::<Vec<_>>()
                .join(","),
        );
        out.push('\n');
    }
    let _ = dataset;
    out
}

/// The table as JSON, with the data date and the machine.
pub fn to_json(a: &Analysis<'_>) -> String {
    let rows: Vec<Value> = a
        .rows
        .iter()
        .map(|r| {
            let f = r.fit.as_ref();
            json!({
                "model": r.model.id,
                "name": r.model.name,
                "open_weight": r.model.open_weight,
                "fit": f.map(|f| f.status.key()),
                "format": f.map(|f| f.format_id.clone()),
                "memory_gb": f.map(|f| json!({
                    "weights": f.memory.weights_gb,
                    "kv_cache": f.memory.kv_cache_gb,
                    "overhead": f.memory.overhead_gb,
                    "headroom": f.headroom_gb,
                    "offload": f.offload_gb,
                    "total_range": f.memory_range_gb.map(|(lo, hi)| [lo, hi]),
                })),
                "decode_ceiling_tok_s": r.decode_tok_s,
                "decode_estimate_tok_s": r.decode_est_tok_s.map(|e| json!({
                    "value": e,
                    "range": r.decode_range.map(|(lo, hi)| [lo, hi]),
                    "basis": "estimate: fitted on published measurements; range = 10th–90th percentile of the leave-one-device-out errors",
                })),
                "ttft_estimate_s": r.ttft_s.map(|t| json!({
                    "value": t,
                    "range": r.ttft_range.map(|(lo, hi)| [lo, hi]),
                })),
                "max_context_tokens": r.max_context,
                "max_context_range": r.max_context_range.map(|(lo, hi)| [lo, hi]),
                "value_points": r.value,
                "gap_open": r.gap_open,
                "gap_proprietary": r.gap_proprietary,
                "scores": r.picks.iter().flatten().map(|p| json!({
                    "benchmark": p.bench.id,
                    "value": p.score.value,
                    "range": p.score.range,
                    "variant": p.score.variant,
                    "provenance": p.score.provenance.label(),
                    "source": p.score.source,
                    "as_of": p.score.as_of.to_string(),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let doc = json!({
        "data_as_of": a.scope.as_of.to_string(),
        "seed_snapshot": a.scope.seed_only,
        "machine": a.machine.describe(),
        "usable_gb": a.machine.usable_gb(),
        "metric": a.metric,
        "context_tokens": a.workload.context_tokens,
        "sessions": a.workload.sessions,
        "rows": rows,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{analysis, config::Config};

    #[test]
    fn csv_has_a_line_per_row_and_quotes_fields() {
        let ds = Dataset::bundled();
        let a = analysis::analyze(ds, &Config::default());
        let csv = to_csv(ds, &a);
        assert_eq!(csv.lines().count(), a.rows.len() + 1);
        assert!(csv.contains("\"Qwen3-Coder-Next\""));
        assert_eq!(csv_field("=cmd()"), "\"'=cmd()\"");
        assert_eq!(csv_field("-4.5"), "\"-4.5\"");
        let json: Value = serde_json::from_str(&to_json(&a)).unwrap();
        assert_eq!(json["rows"].as_array().unwrap().len(), a.rows.len());
    }
}
