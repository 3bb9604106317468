//! Chart 3: the benchmark scores of the top models side by side (points, 0–100; the 16x eval
//! is scaled ×10).

use super::palette::{Palette, axis, legend};
use super::view::ChartData;
use crate::engine::{Analysis, Config, Dataset};
use charming::Chart;
use charming::component::Grid;
use charming::datatype::DataPoint;
use charming::element::{AxisLabel, AxisType, Tooltip, Trigger};
use charming::series::Bar;

/// How many models the chart compares.
const TOP_MODELS: usize = 8;

pub fn build(ds: &Dataset, _cfg: &Config, a: &Analysis<'_>, p: &Palette) -> ChartData {
    let top: Vec<_> = a
        .rows
        .iter()
        .filter(|r| r.value.is_some())
        .take(TOP_MODELS)
        .collect();
    let names: Vec<String> = top.iter().map(|r| r.model.name.clone()).collect();
    let mut chart = Chart::new()
        .legend(legend(p))
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .grid(Grid::new().left(40).right(16).top(40).bottom(90))
        .x_axis(
            axis(p, "", AxisType::Category)
                .data(names.clone())
                .axis_label(AxisLabel::new().rotate(30).color(p.muted).interval(0)),
        )
        .y_axis(axis(p, "Points (0–100)", AxisType::Value).min(0).max(100));
    let mut rows: Vec<Vec<String>> = names.iter().map(|n| vec![n.clone()]).collect();
    for (i, bench) in ds.main_bench_ids().into_iter().enumerate() {
        let Some(b) = ds.benchmark(bench) else {
            continue;
        };
        let data: Vec<DataPoint> = top
            .iter()
            .zip(rows.iter_mut())
            .map(|(r, row)| {
                let pick = r.picks.get(i).copied().flatten();
                row.push(pick.map_or("—".into(), |p| p.score.display(p.bench)));
                DataPoint::from(pick.map(|p| (p.points * 10.0).round() / 10.0))
            })
            .collect();
        chart = chart.series(Bar::new().name(b.short.clone()).data(data));
    }
    let mut headers = vec!["Model".to_string()];
    headers.extend(
        ds.main_bench_ids()
            .into_iter()
            .map(|b| ds.benchmark(b).map_or(b.to_string(), |x| x.short.clone())),
    );
    ChartData {
        chart: chart.color(p.series.to_vec()),
        caption: format!(
            "The top {} models by {}, with each of the four benchmarks on a 0–100 scale. Missing bars are missing figures.",
            top.len(),
            a.metric
        ),
        headers,
        rows,
    }
}
