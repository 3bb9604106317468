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

use crate::ui::app::use_ctx;
use leptos::prelude::*;

#[component]
pub fn ChartsSection() -> impl IntoView {
    let ctx = use_ctx();
    let palette = Memo::new(move |_| Palette::new(ctx.dark.get()));
    let frontier = Signal::derive(move || {
        let p = palette.get();
        ctx.cfg.with(|cfg| {
            ctx.analysis
                .with(|a| frontier::build(ctx.dataset(), cfg, a, &p))
        })
    });
    let budget = Signal::derive(move || {
        let p = palette.get();
        ctx.cfg.with(|cfg| {
            ctx.analysis
                .with(|a| budget::build(ctx.dataset(), cfg, a, &p))
        })
    });
    let scores = Signal::derive(move || {
        let p = palette.get();
        ctx.cfg.with(|cfg| {
            ctx.analysis
                .with(|a| scores::build(ctx.dataset(), cfg, a, &p))
        })
    });
    let breakdown = Signal::derive(move || {
        let p = palette.get();
        ctx.cfg.with(|cfg| {
            ctx.analysis
                .with(|a| breakdown::build(ctx.dataset(), cfg, a, &p))
        })
    });
    let timeline = Signal::derive(move || {
        let p = palette.get();
        ctx.cfg.with(|cfg| {
            ctx.analysis
                .with(|a| timeline::build(ctx.dataset(), cfg, a, &p))
        })
    });
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
