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
pub use view::{ChartData, ChartView, Shown};

use crate::engine::{Analysis, Config, Dataset};
use crate::ui::ctx::use_ctx;
use leptos::prelude::*;

/// The signature every chart builder shares.
type Build = fn(&Dataset, &Config, &Analysis<'_>, &Palette) -> ChartData;

#[component]
pub fn ChartsSection() -> impl IntoView {
    let ctx = use_ctx();
    let palette = Memo::new(move |_| Palette::new(ctx.dark.get()));
    // A chart's data, derived from the config (the whole one for the two charts that mark the
    // selected model, the ranked projection for the others), the analysis and the theme: a
    // memo compared on its output, so each change builds every chart once however many places
    // read it, and a chart whose option, caption and table are unchanged stops here.
    let chart = move |build: Build, marks_selection: bool| -> Memo<Shown> {
        let cfg: Signal<Config> = if marks_selection {
            ctx.cfg.into()
        } else {
            ctx.ranked.into()
        };
        Memo::new(move |_| {
            let p = palette.get();
            cfg.with(|cfg| ctx.analysis.with(|a| build(ctx.dataset(), cfg, a, &p)))
                .into()
        })
    };
    let frontier = chart(frontier::build, true);
    let budget = chart(budget::build, false);
    let scores = chart(scores::build, false);
    let breakdown = chart(breakdown::build, true);
    let timeline = chart(timeline::build, false);
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
