//! The four linked charts. `view.rs` wraps one ECharts instance (created once, updated in
//! place, resized with the window, disposed on unmount); one file per chart builds its option
//! from the engine's analysis.

mod breakdown;
mod budget;
mod frontier;
mod palette;
mod scores;
mod timeline;
mod view;

pub use palette::Palette;
pub use view::{ChartData, ChartView};

use crate::engine::{Analysis, Config, Dataset};
use crate::ui::app::use_ctx;
use leptos::prelude::*;

/// The signature every chart builder shares.
type Build = fn(&Dataset, &Config, &Analysis<'_>, &Palette) -> ChartData;

#[component]
pub fn ChartsSection() -> impl IntoView {
    let ctx = use_ctx();
    let palette = Memo::new(move |_| Palette::new(ctx.dark.get()));
    // A chart's data, derived from the config, the analysis and the theme: a memo, so each
    // change builds every chart once however many places read it (the option, the caption, the
    // label and the data table read it; as a derived signal each read rebuilt it). The output
    // has no equality, so every recomputation counts as a change.
    let chart = move |build: Build| -> Signal<ChartData> {
        Memo::new_with_compare(
            move |_| {
                let p = palette.get();
                ctx.cfg
                    .with(|cfg| ctx.analysis.with(|a| build(ctx.dataset(), cfg, a, &p)))
            },
            |_, _| true,
        )
        .into()
    };
    let frontier = chart(frontier::build);
    let budget = chart(budget::build);
    let scores = chart(scores::build);
    let breakdown = chart(breakdown::build);
    let timeline = chart(timeline::build);
    view! {
        <section class="charts" aria-label="Charts">
            <ChartView id="chart-frontier" kind="frontier" title="Memory needed vs score" data=frontier/>
            <ChartView id="chart-budget" kind="budget" title="Best achievable score vs memory budget" data=budget/>
            <ChartView id="chart-scores" kind="scores" title="Top models across benchmarks" data=scores/>
            <ChartView id="chart-breakdown" kind="breakdown" title="Memory breakdown per device" data=breakdown/>
            <ChartView id="chart-timeline" kind="timeline" title="The frontier over time" data=timeline/>
        </section>
    }
}
