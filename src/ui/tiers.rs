//! TierTable: the seed's TL;DR recomputed for its budgets and for the user's own hardware,
//! with every disagreement shown.

use crate::engine::Config;
use crate::engine::seed_checks::{self, check_seed_tldr};
use crate::engine::tiers;
use crate::ui::ctx::use_ctx;
use crate::ui::visible::{use_visible, while_visible};
use leptos::prelude::*;

#[component]
pub fn TierTable() -> impl IntoView {
    let ctx = use_ctx();
    let ds = ctx.dataset();
    let name = move |id: Option<&str>| {
        id.and_then(|i| ds.model(i))
            .map_or_else(|| "—".to_string(), |m| m.name.clone())
    };
    // The seed checks depend only on the workload settings (`Config::seed_check_inputs`), and
    // run only while the panel is on screen: recompute when those change there.
    let panel = NodeRef::<leptos::html::Section>::new();
    let visible = use_visible(panel);
    let workload = while_visible(visible, move || ctx.cfg.with(Config::seed_check_inputs));
    let checks = Memo::new_with_compare(
        move |_| {
            workload
                .with(|w| w.as_ref().map(|w| check_seed_tldr(ds, w)))
                .unwrap_or_default()
        },
        |_, _| true,
    );
    let rows = move || {
        checks
            .get()
            .into_iter()
            .map(|c| {
                let agrees = c.disagreements.is_empty();
                view! {
                    <tr class:disagree=!agrees>
                        <th scope="row">{c.row.label.clone()}</th>
                        <td>{format!("{} ({}, SWE {} · LCB {})", name(Some(&c.row.model)), c.row.memory_text,
                            c.row.swe_verified.map_or("—".into(), |v| format!("{v}%")), c.row.lcb_v6.map_or("—".into(), |v| format!("{v}%")))}</td>
                        <td>{format!("{} ({})", c.engine_status.label(), c.engine_format)}</td>
                        <td>{format!("{} / {}", name(c.engine_swe.model.as_deref()), name(c.engine_lcb.model.as_deref()))}</td>
                        <td>{if agrees { view! { <span class="badge fits">"✔ agrees"</span> }.into_any() } else {
                            view! { <ul class="reasons">{c.disagreements.iter().map(|d| view! { <li>{d.clone()}</li> }).collect_view()}</ul> }.into_any()
                        }}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let own = move || {
        ctx.analysis.with(|a| {
            let picks = ctx.ranked.with(|cfg| tiers::best_per_bench_in(ds, cfg, a, &ds.main_bench_ids()));
            let machine = a.machine.describe();
            let usable = a.machine.usable_gb();
            picks
                .into_iter()
                .map(|p| {
                    let bench = ds.benchmark(&p.bench).map_or(p.bench.clone(), |b| b.name.clone());
                    view! {
                        <tr>
                            <th scope="row">{format!("Your hardware: {machine} ({usable:.0} GB)")}</th>
                            <td>{bench}</td>
                            <td>{name(p.model.as_deref())}</td>
                            <td>{p.format.unwrap_or_else(|| "—".into())}</td>
                            <td class="num">{p.points.map_or("—".into(), |v| format!("{v:.1}"))}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let seed_speeds = move || {
        workload.with(|w| {
            w.iter()
                .flat_map(|w| seed_checks::seed_speed_claims(ds, w))
                .map(|c| {
                    let device = ds.device(&c.measurement.device).map_or_else(|| c.measurement.device.clone(), |d| d.name.clone());
                    let engine = c.engine.map_or_else(
                        || "no estimate".to_string(),
                        |(m, f, est, ceiling)| format!("the engine estimates ≈ {est:.0} tok/s (ceiling {ceiling:.0}) for the seed's pick there, {} at {f}", name(Some(&m))),
                    );
                    view! { <li>{format!("Seed: {:.0} tok/s on {device} (published; model not named). {engine}. {}", c.measurement.decode_tok_s, c.measurement.note)}</li> }
                })
                .collect_view()
        })
    };
    view! {
        <section class="card" aria-labelledby="tiers-title" node_ref=panel>
            <h2 id="tiers-title">"Memory tiers: the seed's TL;DR, recomputed"</h2>
            <p class="hint">"Each row of the seed's table, checked on the tier's hardware with your workload (context, sessions, KV precision, runtime, GPU share, offload RAM, penalty), using only the seed's own figures. Where the engine disagrees it says why."</p>
            <div class="table-wrap">
                <table id="tiers">
                    <thead><tr>
                        <th scope="col">"Seed tier"</th><th scope="col">"Seed's pick"</th><th scope="col">"Engine: that pick"</th>
                        <th scope="col">"Engine's best SWE / LCB"</th><th scope="col">"Verdict"</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <h3>"The seed's speed claims beside the engine's estimates"</h3>
            <ul id="seed-speeds">{seed_speeds}</ul>
            <h3>"Your budget"</h3>
            <div class="table-wrap">
                <table id="own-tier">
                    <thead><tr><th scope="col">"Hardware"</th><th scope="col">"Benchmark"</th><th scope="col">"Best that fits"</th><th scope="col">"Format"</th><th scope="col">"Points"</th></tr></thead>
                    <tbody>{own}</tbody>
                </table>
            </div>
        </section>
    }
}
