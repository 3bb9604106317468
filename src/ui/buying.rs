//! BuyingPanel: what to buy. Every setup for sale with its best model per main benchmark at
//! the user's workload and its dated, sourced price; then the cheapest setups that reach a
//! target and what each step up unlocks. The engine (`engine::buying`) computes; this words it.

use crate::engine::buying::{self, Reverse, SetupAnswer, Speed, StepUp};
use crate::engine::config::{self, BuyTarget, Config};
use crate::engine::dataset::Setup;
use crate::engine::units::{format_usd, parse_amount};
use crate::ui::controls::field::ParsedField;
use crate::ui::ctx::use_ctx;
use crate::ui::visible::{use_visible, while_visible};
use leptos::prelude::*;
use std::sync::Arc;

/// "≈ 45 tok/s (30–60) · first token 3.2 s (2.1–5.0)", every figure an estimate.
fn speed_text(s: &Speed) -> String {
    let decode = s.decode_tok_s.map_or_else(
        || "decode —".to_string(),
        |d| match s.decode_range {
            Some((lo, hi)) => format!("≈ {d:.0} tok/s ({lo:.0}–{hi:.0})"),
            None => format!("≈ {d:.0} tok/s"),
        },
    );
    let ttft = s.ttft_s.map_or_else(String::new, |t| match s.ttft_range {
        Some((lo, hi)) => format!(" · first token {t:.1} s ({lo:.1}–{hi:.1})"),
        None => format!(" · first token {t:.1} s"),
    });
    format!("{decode}{ttft}")
}

/// The price cell: amount, kind, date, what it covers, source link and a weak-source mark.
#[component]
fn PriceCell(setup: &'static Setup) -> impl IntoView {
    match (setup.price_usd, setup.source.as_deref()) {
        (Some(usd), Some(src)) => view! {
            <td class="price">
                <strong>{format_usd(usd)}</strong>
                <small class="hint">{format!(
                    "{}, {} · {}",
                    setup.price_kind.map_or("price", |k| k.label()),
                    setup.price_date.map_or_else(|| "undated".to_string(), |d| d.to_string()),
                    setup.covers.label()
                )}</small>
                <a class="source" href=src.to_string() target="_blank" rel="noopener">"source"</a>
                {setup.weak_source.then(|| view! { " " <span class="badge tight" title="only a weak source (one non-vendor page, an aggregator or a derived figure) gives this price">"weak source"</span> })}
            </td>
        }
        .into_any(),
        _ => view! { <td class="price"><span class="hint">"price not public"</span></td> }.into_any(),
    }
}

#[component]
pub fn BuyingPanel() -> impl IntoView {
    let ctx = use_ctx();
    let ds = ctx.dataset();
    let name = move |id: &str| {
        ds.model(id)
            .map_or_else(|| id.to_string(), |m| m.name.clone())
    };
    let bench_name = move |id: &str| {
        ds.benchmark(id)
            .map_or_else(|| id.to_string(), |b| b.name.clone())
    };
    // One analysis per setup, only while the panel is on screen and only when the workload
    // (`Config::buying_inputs`) changes: the hardware, selection and cost inputs do not count.
    let panel = NodeRef::<leptos::html::Section>::new();
    let visible = use_visible(panel);
    let inputs = while_visible(visible, move || ctx.cfg.with(Config::buying_inputs));
    let answers =
        Memo::new(move |_| inputs.with(|c| c.as_ref().map(|c| Arc::new(buying::answers(ds, c)))));
    let target = Memo::new(move |_| ctx.cfg.with(|c| c.buy_target.clone()));
    let reverse = Memo::new(move |_| {
        answers.with(|a| {
            a.as_ref()
                .map(|a| Arc::new(target.with(|t| buying::cheapest(ds, a, t))))
        })
    });
    let answer_of = move |id: &str| -> Option<SetupAnswer> {
        answers.with(|a| {
            a.as_ref()
                .and_then(|a| a.iter().find(|x| x.setup == id).cloned())
        })
    };
    let runtime = move || ctx.cfg.with(|c| c.runtime.name());
    let floor = move || ctx.cfg.with(|c| c.min_tok_s);

    let setup_row = move |setup: &'static Setup| {
        let cells = move || {
            let Some(a) = answer_of(&setup.id) else {
                return view! { <td colspan="4" class="hint">"…"</td> }.into_any();
            };
            if !a.runs {
                return view! { <td colspan="4" class="hint unusable">{format!("{} cannot use {}", runtime(), a.unsupported.join(", "))}</td> }.into_any();
            }
            let note = (!a.unsupported.is_empty())
                .then(|| format!("{} cannot use {}; ", runtime(), a.unsupported.join(", ")));
            ds.main_bench_ids()
                .into_iter()
                .map(|b| {
                    let pick = a.pick(b).cloned();
                    let note = note.clone();
                    match pick.and_then(|p| Some((p.model.clone()?, p)) ) {
                        Some((model, p)) => view! {
                            <td>
                                {note.map(|n| view! { <small class="hint">{n}</small> })}
                                <span class="pick">{name(&model)}</span>
                                <small>{format!(" · {} · {:.1}", p.format.clone().unwrap_or_default(), p.points.unwrap_or(0.0))}</small>
                                <small class="hint speed">{p.speed.as_ref().map(speed_text).unwrap_or_default()}</small>
                            </td>
                        }.into_any(),
                        None => view! { <td class="hint">{format!("nothing with a figure fits at ≥ {} tok/s", floor())}</td> }.into_any(),
                    }
                })
                .collect_view()
                .into_any()
        };
        view! {
            <tr data-setup=setup.id.clone()>
                <th scope="row">{setup.name.clone()}<small class="hint">{setup.category.clone()}</small></th>
                <PriceCell setup=setup/>
                {cells}
            </tr>
        }
    };

    // The target form: kind, benchmark and minimum, or a model; the speed floor.
    let kind = move || {
        ctx.cfg.with(|c| match c.buy_target {
            BuyTarget::Score { .. } => "score",
            BuyTarget::Model(_) => "model",
        })
    };
    let on_kind = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        ctx.update(|c| {
            c.buy_target = if v == "model" {
                let best = ds
                    .models
                    .iter()
                    .find(|m| m.open_weight)
                    .map(|m| m.id.clone())
                    .unwrap_or_default();
                BuyTarget::Model(
                    c.selected
                        .clone()
                        .filter(|s| ds.model(s).is_some_and(|m| m.open_weight))
                        .unwrap_or(best),
                )
            } else {
                BuyTarget::Score {
                    bench: config::DEFAULT_BUY_BENCH.into(),
                    min_value: config::DEFAULT_BUY_MIN_VALUE,
                }
            }
        });
    };
    let bench_value = move || {
        ctx.cfg.with(|c| match &c.buy_target {
            BuyTarget::Score { bench, .. } => bench.clone(),
            _ => String::new(),
        })
    };
    let on_bench = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        if let Some(b) = ds.benchmark(&v) {
            ctx.update(|c| {
                let min = match &c.buy_target {
                    BuyTarget::Score { min_value, .. } => min_value.min(b.max),
                    _ => config::DEFAULT_BUY_MIN_VALUE.min(b.max),
                };
                c.buy_target = BuyTarget::Score {
                    bench: b.id.clone(),
                    min_value: min,
                };
            });
        }
    };
    let model_value = move || {
        ctx.cfg.with(|c| match &c.buy_target {
            BuyTarget::Model(m) => m.clone(),
            _ => String::new(),
        })
    };
    let on_model = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        if ds.model(&v).is_some_and(|m| m.open_weight) {
            ctx.update(|c| c.buy_target = BuyTarget::Model(v));
        }
    };
    let initial_min = ctx.cfg.with_untracked(|c| match &c.buy_target {
        BuyTarget::Score { min_value, .. } => format!("{min_value}"),
        BuyTarget::Model(_) => format!("{}", config::DEFAULT_BUY_MIN_VALUE),
    });
    let initial_floor = ctx.cfg.with_untracked(|c| format!("{}", c.min_tok_s));
    let mut benches: Vec<&'static crate::engine::dataset::Benchmark> = ds
        .main_bench_ids()
        .iter()
        .filter_map(|b| ds.benchmark(b))
        .collect();
    benches.extend(
        ds.benchmarks
            .iter()
            .filter(|b| !ds.main_benches.contains(&b.id)),
    );
    let mut open: Vec<&'static crate::engine::dataset::Model> =
        ds.models.iter().filter(|m| m.open_weight).collect();
    open.sort_by_key(|m| m.name.to_lowercase());

    let step_text = move |s: &buying::Step, r: &Reverse| match &s.step_up {
        Some(StepUp::Cheapest) => "the cheapest that reaches it".to_string(),
        Some(StepUp::Higher { model, points }) => format!(
            "unlocks {} at {points:.1} on {}",
            name(model),
            bench_name(&r.bench)
        ),
        Some(StepUp::Faster { decode_tok_s }) => {
            format!("same best score, faster: ≈ {decode_tok_s:.0} tok/s")
        }
        Some(StepUp::NoGain) => "no higher score or speed (more memory only)".to_string(),
        None => "—".to_string(),
    };
    let reverse_rows = move |priced: bool| {
        reverse.with(|r| {
            let Some(r) = r.as_ref() else { return Vec::new() };
            let list = if priced { &r.priced } else { &r.unpriced };
            list.iter()
                .filter_map(|s| {
                    let setup = ds.setup(&s.setup)?;
                    Some(view! {
                        <tr data-setup=s.setup.clone() data-price=s.price_usd.map(|p| p.to_string()).unwrap_or_default()>
                            <th scope="row">{setup.name.clone()}</th>
                            <PriceCell setup=setup/>
                            <td>{name(&s.model)}<small>{format!(" · {}", s.format)}</small>
                                {s.points.map(|p| view! { <small>{format!(" · best {}: {p:.1}", ds.benchmark(&r.bench).map_or("", |b| b.short.as_str()))}</small> })}</td>
                            <td class="num">{speed_text(&s.speed)}</td>
                            <td>{step_text(s, r)}</td>
                        </tr>
                    })
                })
                .collect::<Vec<_>>()
        })
    };
    let summary = move || {
        reverse.with(|r| {
            let r = r.as_ref()?;
            let what = ctx.cfg.with(|c| match &c.buy_target {
                BuyTarget::Score { bench, min_value } => format!("≥ {min_value} on {}", bench_name(bench)),
                BuyTarget::Model(m) => format!("running {}", name(m)),
            });
            Some(if r.priced.is_empty() && r.unpriced.is_empty() {
                format!("No setup reaches {what} at ≥ {} tok/s (estimate) with your workload.", floor())
            } else {
                format!("{} priced setups reach {what} at ≥ {} tok/s (estimates), cheapest first; {} more without a public price.", r.priced.len(), floor(), r.unpriced.len())
            })
        })
    };

    view! {
        <section class="card buying" aria-labelledby="buying-title" node_ref=panel>
            <h2 id="buying-title">"What to buy"</h2>
            <p class="hint">
                "The seed's “Implications for Hardware Decisions”, recomputed: every setup you can buy today, with your workload (runtime, context, sessions, KV precision, prompt, penalty, speed floor, data date). "
                "Each cell is the best open-weight model that fits and reaches your speed floor, its format and points, and its decode speed and time to first token (estimates, with their range). "
                "Prices are US$, dated and sourced; a launch price is the vendor's at launch, a street price a dated retail figure; “cards only” excludes the rest of the computer, so compare like with like."
            </p>
            <div class="table-wrap">
                <table id="buy-setups">
                    <thead><tr>
                        <th scope="col">"Setup"</th><th scope="col">"Price"</th>
                        {ds.main_bench_ids().into_iter().map(|b| view! { <th scope="col">{bench_name(b)}</th> }).collect_view()}
                    </tr></thead>
                    <tbody>
                        <For each=move || ds.setups.iter() key=|s| s.id.clone() let:setup>
                            {setup_row(setup)}
                        </For>
                    </tbody>
                </table>
            </div>
            <h3>"The cheapest setup for a target"</h3>
            <div class="buy-target">
                <div class="field">
                    <label for="bt-kind">"Target"</label>
                    <select id="bt-kind" on:change=on_kind prop:value=kind>
                        <option value="score">"A score on a benchmark"</option>
                        <option value="model">"Run a model"</option>
                    </select>
                </div>
                <Show when=move || kind() == "score">
                    <div class="field">
                        <label for="bt-bench">"Benchmark"</label>
                        <select id="bt-bench" on:change=on_bench prop:value=bench_value>
                            {benches.iter().map(|b| view! { <option value=b.id.clone()>{b.name.clone()}</option> }).collect_view()}
                        </select>
                    </div>
                    <ParsedField id="bt-min" label="At least (the benchmark's unit)" initial=initial_min.clone()
                        parse=move |t: &str| {
                            let v = parse_amount(t)?;
                            ctx.update(|c| {
                                if let BuyTarget::Score { bench, .. } = &c.buy_target {
                                    let max = ds.benchmark(bench).map_or(100.0, |b| b.max);
                                    c.buy_target = BuyTarget::Score { bench: bench.clone(), min_value: v.min(max) };
                                }
                            });
                            Ok(())
                        }/>
                </Show>
                <Show when=move || kind() == "model">
                    <div class="field">
                        <label for="bt-model">"Model"</label>
                        <select id="bt-model" on:change=on_model prop:value=model_value>
                            {open.iter().map(|m| view! { <option value=m.id.clone()>{m.name.clone()}</option> }).collect_view()}
                        </select>
                    </div>
                </Show>
                <ParsedField id="bt-floor" label="Minimum decode speed (tok/s, estimate)" initial=initial_floor
                    hint="The same speed floor as the headline's."
                    parse=move |t: &str| {
                        let v = parse_amount(t)?;
                        if v > config::MAX_MIN_TOK_S {
                            return Err(format!("at most {} tok/s", config::MAX_MIN_TOK_S));
                        }
                        ctx.update(|c| c.min_tok_s = v);
                        Ok(())
                    }/>
            </div>
            <p id="buy-summary" role="status">{summary}</p>
            <div class="table-wrap">
                <table id="buy-reverse">
                    <thead><tr><th scope="col">"Setup"</th><th scope="col">"Price"</th><th scope="col">"Reaches it with"</th><th scope="col">"Speed (estimate)"</th><th scope="col">"Step up unlocks"</th></tr></thead>
                    <tbody>{move || reverse_rows(true)}</tbody>
                    <tbody class="unpriced">{move || reverse_rows(false)}</tbody>
                </table>
            </div>
        </section>
    }
}
