//! RuntimeControls: the inference runtime, the prompt size for time to first token, and the
//! calibration with a speed the user measured.

use super::field::ParsedField;
use crate::engine::Runtime;
use crate::engine::config::{self, MAX_CALIBRATION_TOK_S};
use crate::engine::units::{format_tokens, parse_tokens};
use crate::ui::ctx::use_ctx;
use leptos::prelude::*;

#[component]
pub fn RuntimeControls() -> impl IntoView {
    let ctx = use_ctx();
    let ds = ctx.dataset();
    let initial_prompt = ctx.cfg.with_untracked(|c| format_tokens(c.prompt_tokens));
    let initial_tok = ctx.cfg.with_untracked(|c| {
        c.calibration
            .as_ref()
            .map(|(_, t)| t.to_string())
            .unwrap_or_default()
    });
    let cal_model = RwSignal::new(
        ctx.cfg
            .with_untracked(|c| c.calibration.as_ref().map(|(m, _)| m.clone()))
            .unwrap_or_else(|| "gpt-oss-120b".into()),
    );
    let cal_tok = RwSignal::new(
        ctx.cfg
            .with_untracked(|c| c.calibration.as_ref().map(|(_, t)| *t)),
    );
    let apply = move || {
        let model = cal_model.get_untracked();
        let tok = cal_tok.get_untracked();
        ctx.update(|c| {
            c.calibration = tok
                .filter(|_| ds.model(&model).is_some())
                .map(|t| (model.clone(), t))
        });
    };
    let status = move || {
        ctx.analysis.with(|a| {
            let unsupported = if a.machine.unsupported.is_empty() {
                String::new()
            } else {
                format!(" {} cannot run {}: {}.", a.machine.runtime.name(), if a.machine.unsupported.len() == 1 { "this device" } else { "these devices" }, a.machine.unsupported.join(", "))
            };
            let range = a.decode_band.map_or_else(String::new, |b| format!(" Ranges: the 10th–90th percentile of the out-of-sample errors ({:+.0}% to {:+.0}%).", b.p10 * 100.0, b.p90 * 100.0));
            let eff = if a.calibrated {
                format!("Speed estimates use your measurement: {:.0}% of the bandwidth ceiling.{range}", a.efficiency * 100.0)
            } else if a.calibration_unused {
                "Your measurement is not used: that model does not run on this hardware.".to_string()
            } else {
                format!("Speed estimates: {:.0}% of the bandwidth ceiling plus {:.1} ms per token, fitted on {} published measurements for these devices and this runtime.{range}", a.decode_fit.efficiency * 100.0, a.decode_fit.fixed_ms, a.decode_fit.cases)
            };
            let kv = a.kv_fallback.as_ref().map_or_else(String::new, |k| {
                format!(" {} has no {k} KV cache: FP16 is used.", a.machine.runtime.name())
            });
            let quant = a.quant_refusal.as_ref().map_or_else(String::new, |r| format!(" {r}."));
            format!("{eff}{unsupported}{kv}{quant}")
        })
    };
    view! {
        <fieldset class="group" id="runtime-group">
            <legend>"Runtime and speed"</legend>
            <div class="field">
                <label for="runtime">"Runtime"</label>
                <select id="runtime" prop:value=move || ctx.cfg.with(|c| c.runtime.id())
                    on:change=move |ev| if let Some(r) = Runtime::parse(&event_target_value(&ev)) { ctx.update(|c| c.runtime = r) }>
                    {Runtime::ALL.map(|r| view! { <option value=r.id()>{r.name()}</option> }).collect_view()}
                </select>
            </div>
            <ParsedField id="prompt" label="Prompt for time to first token (tokens)" initial=initial_prompt
                hint="Coding agents send long prompts: 16k–64k is typical."
                parse=move |t: &str| {
                    let tokens = parse_tokens(t)?;
                    if !(config::MIN_CONTEXT_TOKENS..=config::MAX_CONTEXT_TOKENS).contains(&tokens) {
                        return Err(format!("between {} and {}", format_tokens(config::MIN_CONTEXT_TOKENS), format_tokens(config::MAX_CONTEXT_TOKENS)));
                    }
                    ctx.update(|c| c.prompt_tokens = tokens);
                    Ok(())
                }/>
            <details class="calibration" open=ctx.cfg.with_untracked(|c| c.calibration.is_some())>
                <summary>"Calibrate with your own measurement"</summary>
                <div class="field">
                    <label for="cal-model">"Model you measured"</label>
                    <select id="cal-model" prop:value=move || cal_model.get() on:change=move |ev| { cal_model.set(event_target_value(&ev)); apply(); }>
                        {ds.models.iter().filter(|m| m.open_weight).map(|m| view! { <option value=m.id.clone()>{m.name.clone()}</option> }).collect_view()}
                    </select>
                </div>
                <ParsedField id="cal-tok" label="Its decode speed here (tokens/s)" initial=initial_tok
                    hint="Same hardware, runtime and format as shown in its row. Empty to clear."
                    parse=move |t: &str| {
                        let t = t.trim().trim_end_matches("tok/s").trim();
                        if t.is_empty() { cal_tok.set(None); apply(); return Ok(()); }
                        let v: f64 = t.parse().map_err(|_| "enter tokens per second, e.g. 42".to_string())?;
                        if !(v > 0.0 && v <= MAX_CALIBRATION_TOK_S) { return Err(format!("between 0 and {MAX_CALIBRATION_TOK_S}")); }
                        cal_tok.set(Some(v));
                        apply();
                        Ok(())
                    }/>
            </details>
            <p id="speed-basis" class="hint" aria-live="polite">{status}</p>
        </fieldset>
    }
}
