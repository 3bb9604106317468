//! Chart 5: the frontier over time for the chosen benchmark — best proprietary, best
//! open-weight, and best that runs on this hardware, as step lines by date.

use super::palette::{Palette, axis, legend};
use super::view::ChartData;
use crate::engine::config::RankBy;
use crate::engine::timeline::frontier_timeline;
use crate::engine::{Analysis, Config, Dataset};
use charming::Chart;
use charming::component::Grid;
use charming::datatype::DataPointItem;
use charming::element::{AxisType, LineStyle, LineStyleType, Step, Symbol, Tooltip, Trigger};
use charming::series::Line;

/// The benchmark the timeline follows: the ranking benchmark, or SWE-Bench Verified for a profile.
fn bench_of(cfg: &Config) -> &str {
    match &cfg.rank {
        RankBy::Bench(id) => id,
        _ => "swe_verified",
    }
}

/// Which of a point's three leaders a line follows.
type Pick = fn(&crate::engine::timeline::FrontierPoint) -> &Option<(String, f64)>;

pub fn build(ds: &Dataset, cfg: &Config, a: &Analysis<'_>, p: &Palette) -> ChartData {
    let bench = bench_of(cfg);
    let points = frontier_timeline(ds, a, bench);
    let name = |id: &str| {
        ds.model(id)
            .map_or_else(|| id.to_string(), |m| m.name.clone())
    };
    let mut rows = Vec::new();
    let series_of = |pick: Pick| -> Vec<DataPointItem> {
        points
            .iter()
            .filter_map(|pt| {
                pick(pt).as_ref().map(|(m, v)| {
                    DataPointItem::new(vec![
                        pt.date.to_string().into(),
                        charming::datatype::CompositeValue::from((v * 10.0).round() / 10.0),
                    ])
                    .name(name(m))
                })
            })
            .collect()
    };
    for pt in &points {
        let cell = |x: &Option<(String, f64)>| {
            x.as_ref()
                .map_or("—".to_string(), |(m, v)| format!("{} {v:.1}", name(m)))
        };
        rows.push(vec![
            pt.date.to_string(),
            cell(&pt.proprietary),
            cell(&pt.open),
            cell(&pt.fits),
        ]);
    }
    let bench_name = ds
        .benchmark(bench)
        .map_or(bench.to_string(), |b| b.name.clone());
    let mut chart = Chart::new()
        .legend(legend(p))
        .tooltip(
            Tooltip::new()
                .trigger(Trigger::Item)
                .formatter("{a}<br/>{b}<br/>date, points: {c}"),
        )
        .grid(Grid::new().left(48).right(24).top(40).bottom(48))
        .x_axis(axis(p, "Date the figure was published", AxisType::Time))
        .y_axis(axis(p, &format!("{bench_name} (points)"), AxisType::Value).scale(true));
    let lines: [(&str, Pick, &str, LineStyleType); 3] = [
        (
            "Best proprietary",
            |pt| &pt.proprietary,
            p.proprietary,
            LineStyleType::Dashed,
        ),
        (
            "Best open-weight",
            |pt| &pt.open,
            p.series[0],
            LineStyleType::Solid,
        ),
        (
            "Best on your hardware",
            |pt| &pt.fits,
            p.fits,
            LineStyleType::Solid,
        ),
    ];
    for (label, pick, color, style) in lines {
        chart = chart.series(
            Line::new()
                .name(label)
                .step(Step::End)
                .symbol(Symbol::Circle)
                .symbol_size(5)
                .line_style(LineStyle::new().color(color).width(2).type_(style))
                .data(series_of(pick)),
        );
    }
    ChartData {
        chart: chart.color(vec![p.proprietary, p.series[0], p.fits]),
        caption: format!(
            "{bench_name}: the best figure published by each date, for proprietary models, open-weight models, and open-weight models that run on your hardware. The gap between the lines is the distance to the frontier."
        ),
        headers: vec![
            "Date".into(),
            "Best proprietary".into(),
            "Best open-weight".into(),
            "Best on your hardware".into(),
        ],
        rows,
    }
}
