//! DataDateControl: which figures count — the newest, those published by a date, or exactly
//! the seed document's snapshot.

use crate::engine::config::{Config, DataDate};
use crate::engine::dataset::SEED_DATE;
use crate::engine::date::Date;
use crate::ui::ctx::use_ctx;
use crate::ui::visible::{use_visible, while_visible};
use leptos::prelude::*;

#[component]
pub fn DataDateControl() -> impl IntoView {
    let ctx = use_ctx();
    let ds = ctx.dataset();
    let newest = ds.newest_date();
    // Two analyses (the seed snapshot and the figures published by its date): only when
    // something that ranks changes, not on a selection or a data-date switch.
    // Only while the line is on screen.
    let line = NodeRef::<leptos::html::P>::new();
    let visible = use_visible(line);
    let inputs = while_visible(visible, move || ctx.cfg.with(Config::omission_inputs));
    let omissions = Memo::new_with_compare(
        move |_| {
            inputs.with(|c| {
                c.as_ref()
                    .map(|c| std::sync::Arc::new(crate::engine::seed_checks::seed_omissions(ds, c)))
            })
        },
        |_, _| true,
    );
    let mode = move || {
        ctx.cfg.with(|c| match c.data {
            DataDate::Newest => "newest",
            DataDate::AsOf(_) => "date",
            DataDate::Seed => "seed",
        })
    };
    let on_mode = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        ctx.update(|c| {
            c.data = match v.as_str() {
                "seed" => DataDate::Seed,
                "date" => DataDate::AsOf(match c.data {
                    DataDate::AsOf(d) => d,
                    _ => SEED_DATE,
                }),
                _ => DataDate::Newest,
            }
        });
    };
    let date_value = move || {
        ctx.cfg.with(|c| match c.data {
            DataDate::AsOf(d) => d.to_string(),
            _ => newest.to_string(),
        })
    };
    view! {
        <fieldset class="group" id="data-date">
            <legend>"Data as of"</legend>
            <div class="field">
                <label for="data-mode">"Figures"</label>
                <select id="data-mode" on:change=on_mode prop:value=mode>
                    <option value="newest">{format!("Newest ({newest})")}</option>
                    <option value="date">"Published by a date"</option>
                    <option value="seed">{format!("The seed snapshot ({SEED_DATE})")}</option>
                </select>
            </div>
            <p id="seed-omissions" class="hint" node_ref=line>{move || {
                // Empty until the line has been on screen once.
                let Some(o) = omissions.get() else { return String::new() };
                let (left_out, changed) = (&o.0, &o.1);
                let name = |id: Option<&str>| id.and_then(|i| ds.model(i)).map_or_else(|| "nothing".to_string(), |m| m.name.clone());
                let changes: Vec<String> = changed
                    .iter()
                    .map(|(b, seed, asof)| format!("{}: {} instead of {}", ds.benchmark(b).map_or(b.as_str(), |x| x.short.as_str()), name(asof.model.as_deref()), name(seed.model.as_deref())))
                    .collect();
                format!(
                    "{} models published by {SEED_DATE} are not in the seed snapshot. On this hardware they change: {}.",
                    left_out.len(),
                    if changes.is_empty() { "nothing".to_string() } else { changes.join("; ") }
                )
            }}</p>
            <Show when=move || mode() == "date">
                <div class="field">
                    <label for="asof">"Date"</label>
                    <input id="asof" type="date" min="2024-01-01" max=newest.to_string() prop:value=date_value
                        on:change=move |ev| {
                            if let Some(d) = Date::parse(&event_target_value(&ev)) {
                                ctx.update(|c| c.data = DataDate::AsOf(d));
                            }
                        }/>
                </div>
            </Show>
        </fieldset>
    }
}
