//! ComparePanel: today's hardware against the one you are thinking of buying.

use crate::engine::compare::compare;
use crate::engine::config::{matching_preset, preset_devices};
use crate::ui::ctx::use_ctx;
use crate::ui::visible::{use_visible, while_visible};
use leptos::prelude::*;

#[component]
pub fn ComparePanel() -> impl IntoView {
    let ctx = use_ctx();
    let ds = ctx.dataset();
    let name = move |id: Option<&str>| {
        id.and_then(|i| ds.model(i))
            .map_or_else(|| "—".to_string(), |m| m.name.clone())
    };
    let selected = move || {
        ctx.cfg.with(|c| {
            c.compare.as_ref().map_or_else(
                || "none".to_string(),
                |hw| matching_preset(ds, hw).map_or_else(|| "custom".into(), |p| p.id.clone()),
            )
        })
    };
    let on_change = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        ctx.update(|c| c.compare = ds.preset(&v).map(preset_devices));
    };
    // Two analyses (today's hardware and the other one): only when what ranks changes.
    // Only while the panel is on screen.
    let panel = NodeRef::<leptos::html::Section>::new();
    let visible = use_visible(panel);
    let inputs = while_visible(visible, move || ctx.ranked.get());
    let comparison = Memo::new_with_compare(
        move |_| {
            inputs.with(|cfg| {
                cfg.as_ref()
                    .and_then(|cfg| compare(ds, cfg))
                    .map(std::sync::Arc::new)
            })
        },
        |_, _| true,
    );
    let body = move || {
        let c = comparison.get()?;
        let fmt = |v: Option<f64>, unit: &str| {
            v.map_or_else(|| "—".to_string(), |x| format!("{x:.1}{unit}"))
        };
        let rows = c.benches.iter().map(|b| {
            let bench = ds.benchmark(&b.bench).map_or(b.bench.clone(), |x| x.name.clone());
            view! {
                <tr>
                    <th scope="row">{bench}</th>
                    <td>{format!("{} {}", name(b.a.model.as_deref()), fmt(b.a.points, ""))}</td>
                    <td>{format!("{} {}", name(b.b.model.as_deref()), fmt(b.b.points, ""))}</td>
                    <td class="num">{b.gain.map_or_else(|| "—".into(), |g| format!("{g:+.1}"))}</td>
                </tr>
            }
        }).collect_view();
        let speeds = c.speeds.iter().map(|s| view! {
            <li>{format!("{}: decode ≈ {} → {} tok/s (estimate), first token {} → {}",
                name(Some(&s.model)), fmt(s.decode_a, ""), fmt(s.decode_b, ""), fmt(s.ttft_a, " s"), fmt(s.ttft_b, " s"))}</li>
        }).collect_view();
        let unlocked = if c.unlocked.is_empty() {
            "none".to_string()
        } else {
            c.unlocked
                .iter()
                .map(|m| name(Some(m)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let lost = (!c.lost.is_empty()).then(|| {
            c.lost
                .iter()
                .map(|m| name(Some(m)))
                .collect::<Vec<_>>()
                .join(", ")
        });
        Some(view! {
            <p class="hint">{format!("A: {} ({:.0} GB usable) · B: {} ({:.0} GB usable), same workload and runtime.",
                c.a.machine.describe(), c.a.machine.usable_gb(), c.b.machine.describe(), c.b.machine.usable_gb())}</p>
            <div class="table-wrap">
                <table id="compare-table">
                    <thead><tr><th scope="col">"Benchmark"</th><th scope="col">"Best on A"</th><th scope="col">"Best on B"</th><th scope="col">"Gain (points)"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p id="compare-unlocked"><strong>"Unlocked by B: "</strong>{unlocked}</p>
            {lost.map(|l| view! { <p id="compare-lost"><strong>"Runs on A but not on B: "</strong>{l}</p> })}
            <ul id="compare-speeds">{speeds}</ul>
        })
    };
    view! {
        <section class="card" id="compare" aria-labelledby="compare-title" node_ref=panel>
            <h2 id="compare-title">"Compare with another setup"</h2>
            <div class="field inline">
                <label for="compare-preset">"Setup B"</label>
                <select id="compare-preset" on:change=on_change prop:value=selected>
                    <option value="none">"No comparison"</option>
                    {ds.presets.iter().map(|p| view! { <option value=p.id.clone()>{p.name.clone()}</option> }).collect_view()}
                    <option value="custom" disabled=true>"Custom (from the link)"</option>
                </select>
            </div>
            {body}
        </section>
    }
}
