//! WorkloadControls: quantization, context length, concurrent sessions, KV-cache precision.

use super::field::ParsedField;
use crate::engine::config::{self, QuantChoice};
use crate::engine::units::{format_tokens, parse_tokens};
use crate::ui::ctx::use_ctx;
use leptos::prelude::*;

#[component]
pub fn WorkloadControls() -> impl IntoView {
    let ctx = use_ctx();
    let ds = ctx.dataset();
    let quant_value = move || {
        ctx.cfg.with(|c| match &c.quant {
            QuantChoice::Auto => "auto".to_string(),
            QuantChoice::Fixed(id) => id.clone(),
        })
    };
    let on_quant = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        ctx.update(|c| {
            c.quant = if v == "auto" || ds.weight_format(&v).is_none() {
                QuantChoice::Auto
            } else {
                QuantChoice::Fixed(v)
            }
        });
    };
    let initial_ctx = ctx.cfg.with_untracked(|c| format_tokens(c.context_tokens));
    let initial_n = ctx.cfg.with_untracked(|c| c.sessions.to_string());
    let initial_min = ctx.cfg.with_untracked(|c| format!("{}", c.min_tok_s));
    // Formats the chosen runtime cannot load on these devices stay listed, marked and disabled.
    let loadable = move |f: &crate::engine::dataset::WeightFormat| {
        ctx.analysis.with(|a| {
            a.machine
                .runtime
                .supports_format(f, a.machine.all_blackwell())
        })
    };
    let runtime_name = move || ctx.analysis.with(|a| a.machine.runtime.name());
    view! {
        <fieldset class="group" id="workload">
            <legend>"Workload"</legend>
            <div class="field">
                <label for="quant">"Quantization"</label>
                <select id="quant" on:change=on_quant prop:value=quant_value>
                    <option value="auto">"Best that fits (highest quality first)"</option>
                    {ds.weight_formats.iter().map(|f| {
                        let label = {
                            let f = f.clone();
                            move || if loadable(&f) {
                                format!("{} · {} bits/weight", f.name, f.bits_per_weight)
                            } else {
                                format!("{} · not loadable by {} here", f.name, runtime_name())
                            }
                        };
                        let disabled = {
                            let f = f.clone();
                            move || !loadable(&f)
                        };
                        view! { <option value=f.id.clone() disabled=disabled>{label}</option> }
                    }).collect_view()}
                </select>
            </div>
            <ParsedField id="ctx" label="Context per session (tokens)" initial=initial_ctx list="ctx-sizes"
                hint="Default 64k: a working size for a coding agent, not the model's maximum."
                parse=move |t: &str| {
                    let tokens = parse_tokens(t)?;
                    if !(config::MIN_CONTEXT_TOKENS..=config::MAX_CONTEXT_TOKENS).contains(&tokens) {
                        return Err(format!("between {} and {}", format_tokens(config::MIN_CONTEXT_TOKENS), format_tokens(config::MAX_CONTEXT_TOKENS)));
                    }
                    ctx.update(|c| c.context_tokens = tokens);
                    Ok(())
                }/>
            <datalist id="ctx-sizes">
                {["8k", "16k", "32k", "64k", "128k", "256k"].map(|v| view! { <option value=v></option> }).collect_view()}
            </datalist>
            <ParsedField id="sessions" label="Concurrent sessions (sub-agents)" initial=initial_n
                hint="Each session keeps its own KV cache."
                parse=move |t: &str| {
                    let n: u32 = t.trim().parse().map_err(|_| "enter a whole number, e.g. 4".to_string())?;
                    if !(1..=config::MAX_SESSIONS).contains(&n) {
                        return Err(format!("between 1 and {}", config::MAX_SESSIONS));
                    }
                    ctx.update(|c| c.sessions = n);
                    Ok(())
                }/>
            <div class="field check">
                <input id="fp16" type="checkbox" prop:checked=move || ctx.cfg.with(|c| c.full_precision)
                    on:change=move |ev| { let on = event_target_checked(&ev); ctx.update(|c| c.full_precision = on) }/>
                <label for="fp16">"Allow 16-bit weights where an 8-bit format fits"</label>
            </div>
            <ParsedField id="min-speed" label="Minimum decode speed (tok/s)" initial=initial_min
                hint="The headline model must reach it (estimate). Default 10: a 1,000-token edit in under two minutes."
                parse=move |t: &str| {
                    let v: f64 = t.trim().parse().map_err(|_| "enter a number, e.g. 10".to_string())?;
                    if !(0.0..=config::MAX_MIN_TOK_S).contains(&v) {
                        return Err(format!("between 0 and {}", config::MAX_MIN_TOK_S));
                    }
                    ctx.update(|c| c.min_tok_s = v);
                    Ok(())
                }/>
            <div class="field">
                <label for="kv">"KV-cache precision"</label>
                <select id="kv" prop:value=move || ctx.cfg.with(|c| c.kv.clone())
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if ds.kv_format(&v).is_some() { ctx.update(|c| c.kv = v) }
                    }>
                    {ds.kv_formats.iter().map(|k| view! { <option value=k.id.clone()>{format!("{} · {} bytes/element", k.name, k.bytes_per_element)}</option> }).collect_view()}
                </select>
            </div>
        </fieldset>
    }
}
