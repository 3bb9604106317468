//! OwnModelPanel: paste a Hugging Face `config.json` (and optionally the parameter count, a
//! file size and its format, repositories, your own scores) and the model joins every answer,
//! marked "your model". The engine reads the config (`engine::own_model`); this only holds the
//! form's text and shows what the engine says.

use crate::engine::own_model::{self, Inputs, OwnModel};
use crate::ui::ctx::use_ctx;
use leptos::prelude::*;

#[component]
pub fn OwnModelPanel() -> impl IntoView {
    let ctx = use_ctx();
    let ds = crate::engine::Dataset::bundled();
    let form = RwSignal::new(Inputs::default());
    let errors = RwSignal::new(Vec::<String>::new());
    let current = Memo::new(move |_| ctx.cfg.with(|c| c.own_model.clone()));
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match form.with_untracked(|f| OwnModel::from_inputs(ds, f)) {
            Ok(own) => {
                errors.set(Vec::new());
                ctx.update(|c| {
                    c.own_model = Some(own);
                    c.selected = Some(own_model::ID.to_string());
                });
            }
            Err(e) => errors.set(e),
        }
    };
    let remove = move |_| {
        ctx.update(|c| {
            c.own_model = None;
            if c.selected.as_deref() == Some(own_model::ID) {
                c.selected = None;
            }
            if c.calibration
                .as_ref()
                .is_some_and(|(m, _)| m == own_model::ID)
            {
                c.calibration = None;
            }
        });
    };
    let text = move |id: &'static str,
                     label: &'static str,
                     hint: &'static str,
                     set: fn(&mut Inputs, String)| {
        let hint_id = format!("{id}-hint");
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <input id=id type="text" autocomplete="off" spellcheck="false"
                    aria-describedby=hint_id.clone()
                    on:input=move |ev| { let v = event_target_value(&ev); form.update(|f| set(f, v)) }/>
                <small id=hint_id class="hint">{hint}</small>
            </div>
        }
    };
    let formats = ds
        .weight_formats
        .iter()
        .map(|f| view! { <option value=f.id.clone()>{f.name.clone()}</option> })
        .collect_view();
    let score_fields = ds
        .main_benches
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let name = ds.benchmark(b).map_or(b.clone(), |x| x.short.clone());
            let id = format!("own-score-{b}");
            view! {
                <div class="field">
                    <label for=id.clone()>{name}</label>
                    <input id=id type="text" inputmode="decimal" autocomplete="off"
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            form.update(|f| if let Some(s) = f.scores.get_mut(i) { *s = v });
                        }/>
                </div>
            }
        })
        .collect_view();
    let summary = move || {
        current.get().map(|own| {
            let ds = ctx.dataset();
            let format = ds
                .weight_format(&own.format)
                .map_or(own.format.clone(), |f| f.name.clone());
            let moe = own.experts.map_or(String::new(), |e| {
                format!(", {} experts ({} per token)", e.count, e.active)
            });
            view! {
                <div class="own-summary" id="own-summary" role="status">
                    <p>
                        <strong>{own.name.clone()}</strong>" is in the table as “your model”: "
                        {format!("{} ({}), {} layers{moe}, {:.2}B parameters ({:.2}B active), {}; stored as {format}; context up to {} tokens.",
                            own.name, own.model_type, own.layers, own.total_b, own.active_b, own.params_from.label(), own.max_context)}
                    </p>
                    <p class="hint">"Scores are only those you typed; the link carries the model, so sharing it reproduces the answer."</p>
                    <button type="button" id="own-remove" on:click=remove>"Remove your model"</button>
                </div>
            }
        })
    };
    view! {
        <details class="group own-model" id="own-model" open=current.get_untracked().is_some()>
            <summary>"Your model"</summary>
            <form on:submit=add novalidate>
                <p class="hint">"A model the catalog lacks: paste its Hugging Face config.json. Nothing leaves this page."</p>
                <div class="field">
                    <label for="own-config">"config.json"</label>
                    <textarea id="own-config" rows="6" spellcheck="false" autocomplete="off"
                        aria-describedby="own-config-hint"
                        on:input=move |ev| { let v = event_target_value(&ev); form.update(|f| f.config_json = v) }></textarea>
                    <small id="own-config-hint" class="hint">"The architecture (layers, heads, experts, context) comes from it, read by the same mappers as the catalog's."</small>
                </div>
                {text("own-name", "Name", "Blank: the config's own name.", |f, v| f.name = v)}
                {text("own-total", "Total parameters (B)", "From the model card. Blank: from the file size, or summed from the config where its shapes are standard.", |f, v| f.total_b = v)}
                {text("own-active", "Active parameters (B)", "Mixture-of-experts models only.", |f, v| f.active_b = v)}
                {text("own-file", "File size (GB)", "Optional: the weights file you have, with its format below.", |f, v| f.file_gb = v)}
                <div class="field">
                    <label for="own-format">"Format of your weights"</label>
                    <select id="own-format" on:change=move |ev| { let v = event_target_value(&ev); form.update(|f| f.format = v) }>
                        <option value="">"As the config says (else BF16)"</option>
                        {formats}
                    </select>
                </div>
                {text("own-repo", "Hugging Face repository", "Optional, owner/name: the command names it.", |f, v| f.repo = v)}
                {text("own-gguf", "GGUF repository", "Optional, for llama.cpp's -hf.", |f, v| f.gguf_repo = v)}
                <div class="own-scores" role="group" aria-label="Your scores (optional)">{score_fields}</div>
                <button type="submit" id="own-add">"Add to the table"</button>
                <Show when=move || !errors.get().is_empty()>
                    <ul class="own-errors error" id="own-errors" role="alert">
                        {move || errors.get().into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}
                    </ul>
                </Show>
            </form>
            {summary}
        </details>
    }
}
