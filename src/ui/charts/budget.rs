//! Chart 2: the best achievable score against a memory budget, a step curve per benchmark,
//! with the user's budget marked: how much quality each extra GB buys.

use super::palette::{Palette, axis, legend};
use super::view::ChartData;
use crate::engine::tiers::budget_curve;
use crate::engine::{Analysis, Config, Dataset};
use charming::Chart;
use charming::component::Grid;
use charming::datatype::DataPointItem;
use charming::element::{
    AxisType, Label, LineStyle, LineStyleType, MarkLine, MarkLineData, MarkLineVariant, Step,
    Symbol, Tooltip, Trigger,
};
use charming::series::Line;

/// Right end of the curves: the largest budget drawn (GB).
const MAX_BUDGET_GB: f64 = 2048.0;

pub fn build(ds: &Dataset, cfg: &Config, a: &Analysis<'_>, p: &Palette) -> ChartData {
    let mut chart = Chart::new()
        .legend(legend(p))
        .tooltip(
            Tooltip::new()
                .trigger(Trigger::Item)
                .formatter("{a}<br/>{b}<br/>from GB, points: {c}"),
        )
        .grid(Grid::new().left(48).right(24).top(40).bottom(48))
        .x_axis(
            axis(
                p,
                "Memory budget, GB (log scale, one device)",
                AxisType::Log,
            )
            .min(4)
            .max(MAX_BUDGET_GB),
        )
        .y_axis(axis(p, "Best score that fits (points)", AxisType::Value).scale(true));
    let mut rows = Vec::new();
    for (i, bench) in ds.main_bench_ids().into_iter().enumerate() {
        let Some(b) = ds.benchmark(bench) else {
            continue;
        };
        let steps = budget_curve(ds, cfg, bench);
        let mut data: Vec<DataPointItem> = steps
            .iter()
            .map(|s| {
                let name = ds
                    .model(&s.model)
                    .map_or(s.model.clone(), |m| m.name.clone());
                rows.push(vec![
                    b.short.clone(),
                    name.clone(),
                    s.format.clone(),
                    format!("{:.1}", s.memory_gb),
                    format!("{:.1}", s.points),
                ]);
                DataPointItem::new(vec![
                    (s.memory_gb * 10.0).round() / 10.0,
                    (s.points * 10.0).round() / 10.0,
                ])
                .name(name)
            })
            .collect();
        if let Some(last) = steps.last() {
            let name = ds
                .model(&last.model)
                .map_or(last.model.clone(), |m| m.name.clone());
            data.push(
                DataPointItem::new(vec![MAX_BUDGET_GB, (last.points * 10.0).round() / 10.0])
                    .name(name),
            );
        }
        let mut line = Line::new()
            .name(b.short.clone())
            .step(Step::End)
            .symbol(Symbol::Circle)
            .symbol_size(6)
            .line_style(LineStyle::new().color(p.series[i % 4]).width(2))
            .data(data);
        if i == 0 {
            line = line.mark_line(
                MarkLine::new()
                    .symbol(vec![Symbol::None])
                    .line_style(
                        LineStyle::new()
                            .type_(LineStyleType::Dashed)
                            .color(p.capacity),
                    )
                    // No text on the line: on a phone it ran into the legend. The caption
                    // says what it is; hovering it shows its name.
                    .label(Label::new().show(false))
                    .data(vec![MarkLineVariant::Simple(
                        MarkLineData::new()
                            .name(format!("Your budget: {:.0} GB", a.machine.usable_gb()))
                            .x_axis(a.machine.usable_gb().max(1.0)),
                    )]),
            );
        }
        chart = chart.series(line);
        // Each step's memory is an estimate: a bar over its range (the memory estimate's
        // 10th–90th percentile error) shows where the step may really fall.
        if let Some(band) = ds.calibration.memory_band {
            let (lo, hi) = band.range(1.0);
            let bars: Vec<MarkLineVariant> = steps
                .iter()
                .map(|s| {
                    let y = (s.points * 10.0).round() / 10.0;
                    MarkLineVariant::StartToEnd(
                        MarkLineData::new()
                            .coord(vec![(s.memory_gb * lo * 10.0).round() / 10.0, y]),
                        MarkLineData::new()
                            .coord(vec![(s.memory_gb * hi * 10.0).round() / 10.0, y]),
                    )
                })
                .collect();
            if !bars.is_empty() {
                chart = chart.series(
                    Line::new()
                        .name(format!("{} range", b.short))
                        .data(Vec::<DataPointItem>::new())
                        .mark_line(
                            MarkLine::new()
                                .symbol(vec![Symbol::None])
                                .silent(true)
                                .line_style(
                                    LineStyle::new()
                                        .color(p.series[i % 4])
                                        .width(4)
                                        .opacity(0.35),
                                )
                                .label(Label::new().show(false))
                                .data(bars),
                        ),
                );
            }
        }
    }
    ChartData {
        chart: chart.color(p.series.to_vec()),
        caption: format!(
            "For each benchmark, the best score any open-weight model reaches within a memory budget (weights + KV cache at {} tokens × {} session(s) + overhead, one device). Each step is a model or format becoming reachable; the pale bar at each step is the range of its memory estimate. The dashed vertical line is your budget ({:.0} GB usable).",
            a.workload.context_tokens,
            a.workload.sessions,
            a.machine.usable_gb()
        ),
        headers: vec![
            "Benchmark".into(),
            "Model".into(),
            "Format".into(),
            "From GB".into(),
            "Points".into(),
        ],
        rows,
    }
}
