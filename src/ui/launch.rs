//! LaunchPanel: the command that serves the selected model with the chosen runtime, with a
//! copy button, and the per-device placement it follows.

use crate::engine::launch;
use crate::engine::placement::Mode;
use crate::ui::browser;
use crate::ui::ctx::use_ctx;
use crate::ui::visible::{use_visible, while_visible};
use leptos::prelude::*;

#[component]
pub fn LaunchPanel() -> impl IntoView {
    let ctx = use_ctx();
    let ds = ctx.dataset();
    let copied = RwSignal::new(false);
    let cmd = Memo::new(move |_| {
        let sel = ctx.selected.get();
        ctx.analysis.with(|a| {
            let (row, l) = launch::for_focus(ds, a, sel.as_deref())?;
            let fit = row.fit.as_ref()?;
            let split = match fit.placement.mode {
                Mode::Layers if a.machine.units.len() > 1 => format!(
                    "Layer split: {} (by free memory).",
                    fit.placement.shares.iter().enumerate().map(|(i, s)| format!("#{} {} layers", i + 1, s.layers)).collect::<Vec<_>>().join(", ")
                ),
                Mode::Parallel { tensor, pipeline: 1 } if tensor > 1 => format!("Tensor parallel over {tensor} GPUs: each holds 1/{tensor} of every layer; the smallest card bounds the fit."),
                Mode::Parallel { tensor, pipeline } if pipeline > 1 => format!("{pipeline} pipeline stages of {tensor} tensor-parallel GPU(s): each stage holds its share of the layers."),
                _ => String::new(),
            };
            Some((row.model.name.clone(), a.machine.runtime.name(), l.command, l.notes, split, l.fit_command))
        })
    });
    let copy = move |_| {
        if let Some((_, _, c, ..)) = cmd.get_untracked() {
            copied.set(browser::copy_text(&c));
        }
    };
    Effect::new(move |_| {
        cmd.track();
        copied.set(false);
    });
    // One analysis per runtime: only while the table is on screen.
    let table = NodeRef::<leptos::html::Div>::new();
    let visible = use_visible(table);
    let inputs = while_visible(visible, move || ctx.ranked.get());
    let options = Memo::new_with_compare(
        move |_| {
            inputs
                .with(|c| {
                    c.as_ref()
                        .map(|c| crate::engine::runtime_options::runtime_options(ds, c))
                })
                .unwrap_or_default()
        },
        |_, _| true,
    );
    let option_rows = move || {
        let name = |id: &str| {
            ds.model(id)
                .map_or_else(|| id.to_string(), |m| m.name.clone())
        };
        options.with(|opts| {
            opts.iter()
                .map(|o| {
                    let best = o.best.as_ref().map_or_else(|| "nothing fits".to_string(), |(m, v, f)| format!("{} at {f} ({v:.1})", name(m)));
                    view! {
                        <tr>
                            <th scope="row">{o.runtime.name()}</th>
                            <td class="num">{if o.devices == 0 { "—".to_string() } else { format!("{:.0} GB on {}", o.free_gb, o.devices) }}</td>
                            <td>{best}</td>
                            <td>{o.note.clone()}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="card" id="launch" aria-labelledby="launch-title">
            <div class="card-head">
                <h2 id="launch-title">{move || cmd.with(|c| c.as_ref().map_or_else(|| "Launch command".to_string(), |(m, r, ..)| format!("Run {m} with {r}")))}</h2>
                <button id="copy-command" type="button" on:click=copy disabled=move || cmd.with(Option::is_none)>
                    {move || if copied.get() { "Copied" } else { "Copy command" }}
                </button>
            </div>
            {move || cmd.with(|c| match c {
                Some((_, _, command, notes, split, fit_command)) => view! {
                    <pre class="command"><code id="launch-command">{command.clone()}</code></pre>
                    {(!split.is_empty()).then(|| view! { <p class="hint">{split.clone()}</p> })}
                    {fit_command.clone().map(|f| view! {
                        <details class="fit-command">
                            <summary>"Or let llama.cpp place it (--fit, builds since December 2025)"</summary>
                            <pre class="command"><code id="launch-fit-command">{f}</code></pre>
                            <p class="hint">"llama.cpp sets the GPU layers, the split and the experts kept in RAM to its own reading of free memory, keeping 1 GB free per device and never shortening the context below the one asked for. On its documented case (Qwen3.5-35B-A3B Q4_K_M, 16 GB, 64k) it keeps the experts of 17–18 of 40 layers in RAM; the engine's placement of that case agrees within two layers (a test checks it)."</p>
                            <p class="hint"><a href="https://github.com/lmstudio-ai/lmstudio-bug-tracker/issues/1673" target="_blank" rel="noopener noreferrer">"The llama-fit-params output"</a>" · "<a href="https://github.com/ggml-org/llama.cpp/pull/16653" target="_blank" rel="noopener noreferrer">"llama.cpp pull request 16653"</a></p>
                        </details>
                    })}
                    <ul class="notes">{notes.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view()}</ul>
                }.into_any(),
                None => view! { <p class="hint">"Select an open-weight model to get its command."</p> }.into_any(),
            })}
            <h3>"What each runtime can do with this hardware"</h3>
            <div class="table-wrap" node_ref=table>
                <table id="runtime-options">
                    <thead><tr><th scope="col">"Runtime"</th><th scope="col">"Free after its share and overhead"</th><th scope="col">"Best that fits"</th><th scope="col">"How it splits"</th></tr></thead>
                    <tbody>{option_rows}</tbody>
                </table>
            </div>
        </section>
    }
}
