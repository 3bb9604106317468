//! Chart 4: where the selected model's memory goes on each device (weights, KV cache,
//! overhead, free), plus system RAM when layers are offloaded.

use super::palette::{Palette, axis, legend};
use super::view::ChartData;
use crate::engine::{Analysis, Config, Dataset};
use charming::Chart;
use charming::component::Grid;
use charming::element::{
    AxisType, Label, LineStyle, MarkLine, MarkLineData, MarkLineVariant, Symbol, Tooltip, Trigger,
};
use charming::series::Bar;

pub fn build(_ds: &Dataset, cfg: &Config, a: &Analysis<'_>, p: &Palette) -> ChartData {
    let row = a.focus_row(cfg.selected.as_deref());
    let mut chart = Chart::new()
        .legend(legend(p))
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .grid(Grid::new().left(48).right(16).top(40).bottom(60));
    let Some(row) = row else {
        return ChartData {
            chart,
            caption: "Select an open-weight model to see its memory breakdown.".into(),
            headers: vec![],
            rows: vec![],
        };
    };
    let Some(fit) = row.fit.as_ref() else {
        return ChartData {
            chart,
            caption: format!(
                "{} is proprietary: it does not run locally.",
                row.model.name
            ),
            headers: vec![],
            rows: vec![],
        };
    };
    let mut cats = Vec::new();
    let (mut w, mut kv, mut o, mut free) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut rows = Vec::new();
    for (i, (share, unit)) in fit
        .placement
        .shares
        .iter()
        .zip(&a.machine.units)
        .enumerate()
    {
        cats.push(format!(
            "#{} {}",
            i + 1,
            unit.name.replace("NVIDIA ", "").replace("GeForce ", "")
        ));
        let left = (share.usable_gb - share.used_gb()).max(0.0);
        w.push(round1(share.weights_gb));
        kv.push(round1(share.kv_cache_gb));
        o.push(round1(share.overhead_gb));
        free.push(round1(left));
        rows.push(vec![
            format!("#{} {}", i + 1, unit.name),
            share.layers.to_string(),
            format!("{:.1}", share.weights_gb),
            format!("{:.1}", share.kv_cache_gb),
            format!("{:.1}", share.overhead_gb),
            format!("{:.1}", left),
        ]);
    }
    if let Some(ram) = fit.ram_share() {
        let label = if ram.experts_only {
            "System RAM (experts)"
        } else {
            "System RAM"
        };
        let left = ram.free_gb(a.machine.offload_ram_gb);
        cats.push(label.into());
        w.push(round1(ram.weights_gb));
        kv.push(round1(ram.kv_cache_gb));
        o.push(0.0);
        free.push(round1(left));
        rows.push(vec![
            label.into(),
            ram.layers.to_string(),
            format!("{:.1}", ram.weights_gb),
            format!("{:.1}", ram.kv_cache_gb),
            "0".into(),
            format!("{left:.1}"),
        ]);
    }
    chart = chart
        .x_axis(axis(p, "", AxisType::Category).data(cats))
        .y_axis(axis(p, "GB (estimate)", AxisType::Value));
    // The estimate's range per device: weights + KV scaled by the memory range, plus overhead.
    let ranges: Vec<MarkLineVariant> = fit
        .memory_range_gb
        .map(|(lo, hi)| {
            let est = fit.memory.weights_gb + fit.memory.kv_cache_gb;
            let total_overhead = fit.memory.overhead_gb;
            let (rlo, rhi) = (
                (lo - total_overhead) / est.max(1e-9),
                (hi - total_overhead) / est.max(1e-9),
            );
            fit.placement
                .shares
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    let wk = s.weights_gb + s.kv_cache_gb;
                    MarkLineVariant::StartToEnd(
                        MarkLineData::new().coord(vec![i as f64, round1(wk * rlo + s.overhead_gb)]),
                        MarkLineData::new().coord(vec![i as f64, round1(wk * rhi + s.overhead_gb)]),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    for (name, data, color) in [
        ("Weights", w, p.series[0]),
        ("KV cache", kv, p.series[1]),
        ("Overhead", o, p.muted),
        ("Free", free, p.grid),
    ] {
        chart = chart.series(
            Bar::new()
                .name(name)
                .stack("mem")
                .data(data)
                .item_style(charming::element::ItemStyle::new().color(color)),
        );
    }
    if !ranges.is_empty() {
        chart = chart.series(
            Bar::new()
                .name("Estimate range")
                .data(Vec::<f64>::new())
                .mark_line(
                    MarkLine::new()
                        .symbol(vec![Symbol::None])
                        .silent(true)
                        .line_style(LineStyle::new().color(p.text).width(3))
                        .label(Label::new().show(false))
                        .data(ranges),
                ),
        );
    }
    ChartData {
        chart,
        caption: match fit.ram_share() {
            Some(r) if r.experts_only => format!(
                "{} at {}: all {} layers on the devices, the routed experts of {} layers in system RAM (--n-cpu-moe). Each device holds whole layers plus its own overhead.",
                row.model.name,
                fit.format_id,
                fit.placement.gpu_layers(),
                r.layers
            ),
            _ => format!(
                "{} at {}: {} layers on the devices, {} in system RAM. Each device holds whole layers plus its own overhead; the dark bar is the range of its estimated use (10th–90th percentile of the memory estimate's measured error).",
                row.model.name,
                fit.format_id,
                fit.placement.gpu_layers(),
                fit.placement.rest_layers
            ),
        },
        headers: vec![
            "Device".into(),
            "Layers".into(),
            "Weights GB".into(),
            "KV GB".into(),
            "Overhead GB".into(),
            "Free GB".into(),
        ],
        rows,
    }
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}
