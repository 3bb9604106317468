//! BrowserHint: presets the browser's own hints point to (`engine::hints`), offered as
//! buttons. Nothing is applied without a click, and nothing read leaves the page.

use crate::engine::config::preset_devices;
use crate::engine::hints::{self, Suggestion};
use crate::ui::browser;
use crate::ui::ctx::use_ctx;
use leptos::prelude::*;

#[component]
pub fn BrowserHint() -> impl IntoView {
    let ctx = use_ctx();
    let suggestion = RwSignal::new(None::<Suggestion>);
    let dismissed = RwSignal::new(false);
    // Read after the first paint: the answer does not wait for the adapter.
    browser::after_paint(move || {
        browser::machine_hints(move |h| {
            let _ = suggestion.try_set(hints::suggest(crate::engine::Dataset::bundled(), &h));
        });
    });
    view! {
        <Show when=move || suggestion.with(Option::is_some) && !dismissed.get()>
            <div class="browser-hint" id="browser-hint" role="status">
                <p class="hint">{move || suggestion.with(|s| s.as_ref().map(|s| s.reason.clone()).unwrap_or_default())}
                    " (read in this page only; nothing is sent.)"</p>
                <div class="actions">
                    {move || suggestion.get().map(|s| s.presets.into_iter().filter_map(|id| {
                        let ds = ctx.dataset();
                        let p = ds.preset(&id)?;
                        let name = p.name.clone();
                        let devices = preset_devices(p);
                        Some(view! {
                            <button type="button" class="hint-preset" data-preset=id on:click=move |_| {
                                let d = devices.clone();
                                ctx.update(|c| c.hardware = d);
                                dismissed.set(true);
                            }>{format!("Use {name}")}</button>
                        })
                    }).collect_view())}
                    <button type="button" class="dismiss" on:click=move |_| dismissed.set(true)>"No thanks"</button>
                </div>
            </div>
        </Show>
    }
}
