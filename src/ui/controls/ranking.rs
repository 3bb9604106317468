//! RankingControls: a benchmark or a task profile (with custom weights), and the switches.

use crate::engine::config::{MAX_CUSTOM_WEIGHT, RankBy};
use crate::ui::ctx::use_ctx;
use leptos::prelude::*;

#[component]
pub fn RankingControls() -> impl IntoView {
    let ctx = use_ctx();
    let ds = ctx.dataset();
    let value = move || ctx.cfg.with(|c| c.rank.choice());
    let on_change = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        if let Some(r) = RankBy::from_choice(ds, &v) {
            ctx.update(|c| c.rank = r);
        }
    };
    let is_custom = move || ctx.cfg.with(|c| matches!(c.rank, RankBy::Custom(_)));
    let toggle = move |id: &'static str,
                       label: &'static str,
                       get: fn(&crate::engine::Config) -> bool,
                       set: fn(&mut crate::engine::Config, bool)| {
        view! {
            <div class="field check">
                <input id=id type="checkbox" prop:checked=move || ctx.cfg.with(get)
                    on:change=move |ev| { let on = event_target_checked(&ev); ctx.update(|c| set(c, on)) }/>
                <label for=id>{label}</label>
            </div>
        }
    };
    view! {
        <fieldset class="group" id="ranking">
            <legend>"Ranking"</legend>
            <div class="field">
                <label for="rank">"Rank by"</label>
                <select id="rank" on:change=on_change prop:value=value>
                    <optgroup label="Benchmark">
                        {ds.benchmarks.iter().map(|b| view! { <option value=format!("bench:{}", b.id)>{b.name.clone()}</option> }).collect_view()}
                    </optgroup>
                    <optgroup label="Task profile">
                        {ds.profiles.iter().map(|p| view! { <option value=format!("profile:{}", p.id)>{p.name.clone()}</option> }).collect_view()}
                        <option value="custom">"Custom weights"</option>
                    </optgroup>
                </select>
            </div>
            <Show when=is_custom>
                <div class="weights" role="group" aria-label="Custom weights">
                    {ds.main_benches.iter().enumerate().map(|(i, b)| {
                        let name = ds.benchmark(b).map_or(b.as_str(), |x| x.short.as_str());
                        let id = format!("w-{b}");
                        let current = ctx.cfg.with_untracked(|c| c.rank.custom_weight(i));
                        view! {
                            <div class="field weight">
                                <label for=id.clone()>{name}</label>
                                <input id=id type="number" min="0" max=MAX_CUSTOM_WEIGHT value=current
                                    on:change=move |ev| {
                                        let typed = event_target_value(&ev);
                                        ctx.update(|c| c.rank.set_custom_weight(i, &typed));
                                    }/>
                            </div>
                        }
                    }).collect_view()}
                </div>
            </Show>
            <p class="hint">{move || ctx.cfg.with(|c| match &c.rank {
                RankBy::Profile(id) => crate::engine::rank::profile(ds, id).map_or_else(String::new, |p| p.description.clone()),
                RankBy::Bench(id) => ds.benchmark(id).map_or_else(String::new, |b| b.description.clone()),
                RankBy::Custom(_) => "Weights 0–10 per benchmark; models need scores for half the weight.".to_string(),
            })}</p>
            {move || ctx.analysis.with(|a| a.rank_note.clone()).map(|n| view! { <p class="hint rank-note" id="rank-note" role="status">{n}</p> })}
            {toggle("show-prop", "Show proprietary models as reference", |c| c.show_proprietary, |c, v| c.show_proprietary = v)}
            {toggle("only-fits", "Only models that run on this hardware", |c| c.only_fits, |c, v| c.only_fits = v)}
            {toggle("penalty", "Apply a quantization quality penalty (assumed)", |c| c.penalty, |c, v| c.penalty = v)}
        </fieldset>
    }
}
