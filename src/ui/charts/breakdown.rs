//! Chart 4: where the selected model's memory goes on each device (weights, KV cache,
//! overhead, free), plus system RAM when layers are offloaded.

use super::palette::{Palette, axis, legend};
use super::view::ChartData;
use crate::engine::config::Config;
use crate::engine::dataset::Dataset;
use crate::engine::rank::Analysis;
use charming::Chart;
use charming::component::Grid;
use charming::element::{AxisType, Tooltip, Trigger};
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
    if fit.placement.rest_layers > 0 {
        cats.push("System RAM".into());
        let per = fit.placement.rest_gb;
        let wshare =
            fit.memory.weights_gb / (fit.memory.weights_gb + fit.memory.kv_cache_gb).max(1e-9);
        w.push(round1(per * wshare));
        kv.push(round1(per * (1.0 - wshare)));
        o.push(0.0);
        free.push(round1((a.machine.offload_ram_gb - per).max(0.0)));
        rows.push(vec![
            "System RAM".into(),
            fit.placement.rest_layers.to_string(),
            format!("{:.1}", per * wshare),
            format!("{:.1}", per * (1.0 - wshare)),
            "0".into(),
            format!("{:.1}", (a.machine.offload_ram_gb - per).max(0.0)),
        ]);
    }
    chart = chart
        .x_axis(axis(p, "", AxisType::Category).data(cats))
        .y_axis(axis(p, "GB (estimate)", AxisType::Value));
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
    ChartData {
        chart,
        caption: format!(
            "{} at {}: {} layers on the devices, {} in system RAM. Each device holds whole layers plus its own overhead.",
            row.model.name,
            fit.format_id,
            fit.placement.gpu_layers(),
            fit.placement.rest_layers
        ),
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
