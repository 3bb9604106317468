//! Chart 1: memory needed (log scale) against the score, one point per model; the usable
//! memory as a vertical line; proprietary models as horizontal reference lines. Fit status is
//! carried by colour, symbol shape and legend name.

use super::palette::{Palette, axis, item_tooltip, legend};
use super::view::ChartData;
use crate::engine::{Analysis, Config, Dataset, FitStatus};
use charming::Chart;
use charming::component::Grid;
use charming::datatype::DataPointItem;
use charming::element::{
    AxisType, ItemStyle, Label, LineStyle, LineStyleType, MarkLine, MarkLineData, MarkLineVariant,
    Symbol,
};
use charming::series::Scatter;

pub fn build(_ds: &Dataset, cfg: &Config, a: &Analysis<'_>, p: &Palette) -> ChartData {
    let selected = cfg
        .selected
        .as_deref()
        .or(a.best_row().map(|r| r.model.id.as_str()));
    let classes = [
        (FitStatus::Fits, "Fits", Symbol::Circle, p.fits),
        (
            FitStatus::Offload,
            "Fits with offload",
            Symbol::Triangle,
            p.offload,
        ),
        (FitStatus::NoFit, "Does not fit", Symbol::Rect, p.nofit),
    ];
    // The legend names the three fit classes only (not the memory-range bars), on one line.
    let mut chart = Chart::new()
        .legend(legend(p).data(classes.iter().map(|c| c.1).collect::<Vec<_>>()))
        .tooltip(item_tooltip().formatter("{b}<br/>{a}<br/>memory GB, score: {c}"))
        .grid(Grid::new().left(48).right(24).top(40).bottom(48))
        .x_axis(axis(
            p,
            "Memory needed, GB (log scale, estimate)",
            AxisType::Log,
        ))
        .y_axis(axis(p, &a.metric, AxisType::Value).scale(true));
    // Where a point sits across the log axis (ECharts rounds a log axis out to powers of ten),
    // so its name goes where there is room: to the right near the left edge, to the left near
    // the right edge, above it in between. Overlaps left after that are hidden by ECharts'
    // label layout (the name stays in the tooltip and the data table).
    let totals: Vec<f64> = a
        .rows
        .iter()
        .filter(|r| r.value.is_some())
        .filter_map(|r| r.fit.as_ref().map(|f| f.memory.total_gb().max(0.1)))
        .collect();
    let lo = totals
        .iter()
        .copied()
        .fold(f64::INFINITY, f64::min)
        .log10()
        .floor();
    let hi = totals
        .iter()
        .copied()
        .fold(0.1, f64::max)
        .log10()
        .ceil()
        .max(lo + 1.0);
    let label_at = |gb: f64| {
        let across = (gb.max(0.1).log10() - lo) / (hi - lo);
        if across > 0.55 {
            charming::element::LabelPosition::Left
        } else if across < 0.2 {
            charming::element::LabelPosition::Right
        } else {
            charming::element::LabelPosition::Top
        }
    };
    let mut rows = Vec::new();
    for (i, (status, name, symbol, color)) in classes.into_iter().enumerate() {
        let points: Vec<(charming::element::LabelPosition, DataPointItem)> = a
            .rows
            .iter()
            .filter(|r| r.status() == Some(status))
            .filter_map(|r| {
                let f = r.fit.as_ref()?;
                let v = r.value?;
                let total = f.memory.total_gb();
                rows.push(vec![
                    r.model.name.clone(),
                    format!("{total:.1}"),
                    a.show(v),
                    status.label().to_string(),
                ]);
                let item = DataPointItem::new(vec![
                    (total * 10.0).round() / 10.0,
                    (v * 10.0).round() / 10.0,
                ])
                .name(r.model.name.clone());
                Some((
                    label_at(total),
                    if selected == Some(r.model.id.as_str()) {
                        item.item_style(
                            ItemStyle::new()
                                .color(color)
                                .border_color(p.text)
                                .border_width(3),
                        )
                    } else {
                        item
                    },
                ))
            })
            .collect();
        // One series per label side (the same name: one legend entry, one tooltip name).
        let sides = [
            charming::element::LabelPosition::Right,
            charming::element::LabelPosition::Top,
            charming::element::LabelPosition::Left,
        ];
        let mut all: Vec<Scatter> = sides
            .into_iter()
            .enumerate()
            .filter_map(|(j, side)| {
                let data: Vec<DataPointItem> = points
                    .iter()
                    .filter(|(s, _)| *s == side)
                    .map(|(_, d)| d.clone())
                    .collect();
                (j == 0 || !data.is_empty()).then(|| {
                    Scatter::new()
                        .name(name)
                        .symbol(symbol.clone())
                        .symbol_size(14)
                        .item_style(ItemStyle::new().color(color))
                        .label(
                            Label::new()
                                .show(true)
                                .formatter("{b}")
                                .color(p.muted)
                                .font_size(10)
                                .position(side),
                        )
                        .data(data)
                })
            })
            .collect();
        let mut series = all.remove(0);
        if i == 0 {
            // Reference lines ride on the first series.
            let mut lines = vec![MarkLineVariant::Simple(
                MarkLineData::new()
                    .name(format!("Usable: {:.0} GB", a.machine.usable_gb()))
                    .x_axis(a.machine.usable_gb().max(1.0)),
            )];
            if cfg.show_proprietary {
                for r in a.rows.iter().filter(|r| !r.model.open_weight).take(4) {
                    if let Some(v) = r.value {
                        lines.push(MarkLineVariant::Simple(
                            MarkLineData::new()
                                .name(r.model.name.clone())
                                .y_axis((v * 10.0).round() / 10.0),
                        ));
                    }
                }
            }
            series = series.mark_line(
                MarkLine::new()
                    .symbol(vec![Symbol::None])
                    .line_style(
                        LineStyle::new()
                            .type_(LineStyleType::Dashed)
                            .color(p.proprietary),
                    )
                    // No text on the lines: their names, printed beside 60 labelled points and
                    // each other, overlapped and ran past the plot's right edge. The caption
                    // names each line with its value, and hovering a line shows its name.
                    .label(Label::new().show(false))
                    .data(lines),
            );
        }
        // The memory estimate's range (10th–90th percentile of its measured error) as a
        // horizontal bar through each point.
        let bars: Vec<MarkLineVariant> = a
            .rows
            .iter()
            .filter(|r| r.status() == Some(status))
            .filter_map(|r| {
                let (lo, hi) = r.fit.as_ref()?.memory_range_gb?;
                let y = (r.value? * 10.0).round() / 10.0;
                Some(MarkLineVariant::StartToEnd(
                    MarkLineData::new().coord(vec![(lo.max(0.1) * 10.0).round() / 10.0, y]),
                    MarkLineData::new().coord(vec![(hi * 10.0).round() / 10.0, y]),
                ))
            })
            .collect();
        chart = chart.series(series);
        for more in all {
            chart = chart.series(more);
        }
        if !bars.is_empty() {
            chart = chart.series(
                Scatter::new()
                    .name(format!("{name}: memory range"))
                    .data(Vec::<DataPointItem>::new())
                    .mark_line(
                        MarkLine::new()
                            .symbol(vec![Symbol::None])
                            .silent(true)
                            .line_style(LineStyle::new().color(color).width(2).opacity(0.6))
                            .label(Label::new().show(false))
                            .data(bars),
                    ),
            );
        }
    }
    let references: Vec<String> = if cfg.show_proprietary {
        a.rows
            .iter()
            .filter(|r| !r.model.open_weight)
            .take(4)
            .filter_map(|r| Some(format!("{} {}", r.model.name, a.show(r.value?))))
            .collect()
    } else {
        Vec::new()
    };
    let references = if references.is_empty() {
        String::new()
    } else {
        format!(
            " Horizontal dashed lines, top to bottom: {}.",
            references.join("; ")
        )
    };
    let caption = format!(
        "Each point is a model: memory it needs here (log scale) against its {} value. The dashed vertical line is your usable memory ({:.0} GB).{references} The bar through each point is the memory estimate's range (10th–90th percentile of its error against published file sizes and measured allocations).",
        a.metric,
        a.machine.usable_gb()
    );
    ChartData {
        chart: chart.color(vec![p.fits, p.offload, p.nofit]),
        caption,
        headers: vec![
            "Model".into(),
            "Memory GB".into(),
            a.metric.clone(),
            "Fit".into(),
        ],
        rows,
    }
}
