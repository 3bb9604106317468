//! The headline answer and the ranked, sortable table. Selecting a row selects the model
//! everywhere (it is `Config::selected`).

use crate::engine::export;
use crate::engine::freshness;
use crate::engine::units::{format_gb, format_tokens};
use crate::engine::{FitStatus, MAIN_BENCHES, SortKey, headline, sorted_order};
use crate::ui::app::use_ctx;
use crate::ui::browser;
use leptos::prelude::*;

#[component]
pub fn Headline() -> impl IntoView {
    let ctx = use_ctx();
    let ds = ctx.dataset();
    // Today is read once: the data's age does not change while the page is open.
    let fresh = freshness::freshness(ds, browser::today().unwrap_or_else(|| ds.newest_date()));
    let age = fresh.label();
    let text = move || {
        ctx.analysis.with(|a| {
            let mut t = headline(ds, a);
            if let Some(w) = fresh.warning(&a.scope, ds) {
                t.push(' ');
                t.push_str(&w);
            }
            t
        })
    };
    view! {
        <p id="headline" class="headline" aria-live="polite">{text}</p>
        <p id="data-age" class="hint">{format!("Newest source-dated figure: {age}.")}</p>
    }
}

fn fit_badge(status: Option<FitStatus>, open_weight: bool) -> (&'static str, &'static str) {
    match status {
        None if open_weight => ("unknown", "? memory not computed"),
        Some(FitStatus::Fits) => ("fits", "✔ fits"),
        Some(FitStatus::Offload) => ("offload", "◐ offload"),
        Some(FitStatus::NoFit) => ("nofit", "✖ does not fit"),
        None => ("proprietary", "API only"),
    }
}

/// Rows the table renders before "Show all": a long table costs far more to lay out than to
/// rank, and nobody reads past the first hundred models.
const TABLE_ROWS: usize = 100;

#[component]
pub fn ResultsTable() -> impl IntoView {
    let ctx = use_ctx();
    let ds = ctx.dataset();
    let sort = RwSignal::new((SortKey::Rank, false));
    let show_all = RwSignal::new(false);
    let header = move |key: SortKey, label: &'static str, default_desc: bool| {
        let aria = move || {
            let (k, d) = sort.get();
            if k != key {
                "none"
            } else if d {
                "descending"
            } else {
                "ascending"
            }
        };
        view! {
            <th scope="col" aria-sort=aria>
                <button type="button" class="sort" on:click=move |_| sort.update(|(k, d)| {
                    if *k == key { *d = !*d } else { *k = key; *d = default_desc }
                })>{label}</button>
            </th>
        }
    };
    let rows = move || {
        let (key, desc) = sort.get();
        let selected = ctx.cfg.with(|c| c.selected.clone());
        ctx.analysis.with(|a| {
            sorted_order(&a.rows, key, desc)
                .into_iter()
                .take(if show_all.get() { usize::MAX } else { TABLE_ROWS })
                .filter_map(|i| a.rows.get(i).map(|r| (i, r)))
                .map(|(i, r)| {
                    let id = r.model.id.clone();
                    let is_sel = selected.as_deref() == Some(id.as_str());
                    let (cls, label) = fit_badge(r.status(), r.model.open_weight);
                    let f = r.fit.as_ref();
                    let fit_detail = r.model.memory_unknown.clone().or_else(|| f.map(|f| match f.status {
                        FitStatus::NoFit => format!("short {}", format_gb(-f.headroom_gb)),
                        FitStatus::Offload => match f.expert_offload {
                            Some(x) => format!("experts of {} layers in RAM ({})", x.cpu_layers, format_gb(x.cpu_gb)),
                            None => format!("{} in RAM", format_gb(f.offload_gb)),
                        },
                        FitStatus::Fits if f.tight => format!("tight: {} free, within the estimate's error", format_gb(f.headroom_gb)),
                        FitStatus::Fits => format!("{} free", format_gb(f.headroom_gb)),
                    }));
                    let speed = match (r.decode_est_tok_s, r.decode_tok_s, r.decode_range) {
                        (Some(e), Some(c), Some((lo, hi))) => format!("≈ {e:.0}, {lo:.0}–{hi:.0} est. (≤ {c:.0})"),
                        (Some(e), Some(c), None) => format!("≈ {e:.0} est. (≤ {c:.0})"),
                        _ => "—".into(),
                    };
                    let secs = |t: f64| if t < 10.0 { format!("{t:.1}") } else { format!("{t:.0}") };
                    let ttft = match (r.ttft_s, r.ttft_range) {
                        (Some(t), Some((lo, hi))) => format!("≈ {} s, {}–{} est.", secs(t), secs(lo), secs(hi)),
                        (Some(t), None) => format!("{} s est.", secs(t)),
                        _ => "—".to_string(),
                    };
                    let measured = r.measured.iter().map(|m| {
                        let label = format!("measured {:.0} tok/s", m.decode_tok_s);
                        let title = format!("{} · {} · {} · {}", m.runtime.as_deref().unwrap_or("runtime not stated"), m.format.as_deref().unwrap_or("format not stated"), m.date, m.note);
                        view! { <a class="measured" href=m.source.clone() target="_blank" rel="noopener noreferrer" title=title>{label}</a> }
                    }).collect_view();
                    let format = f.and_then(|f| ds.weight_format(&f.format_id)).map(|w| w.name.clone());
                    let memory = f.map(|f| {
                        let range = f.memory_range_gb.map_or_else(String::new, |(lo, hi)| format!(" ({:.0}–{:.0})", lo, hi));
                        format!("{:.1} + {:.1} + {:.1} = {}{range}", f.memory.weights_gb, f.memory.kv_cache_gb, f.memory.overhead_gb, format_gb(f.memory.total_gb()))
                    });
                    let capped = f.is_some_and(|f| f.context_capped);
                    let rank_text = if r.value.is_some() { (i + 1).to_string() } else { "—".into() };
                    let value = r.value.map(|v| a.show(v)).unwrap_or_else(|| {
                        if r.coverage > 0.0 && r.coverage < 1.0 { format!("{:.0}% of profile", r.coverage * 100.0) } else { "no score".into() }
                    });
                    let gaps = match (r.gap_open, r.gap_proprietary) {
                        (Some(o), Some(p)) => format!("{} / {}", a.show_gap(o), a.show_gap(p)),
                        (Some(o), None) => format!("{} / —", a.show_gap(o)),
                        _ => "—".into(),
                    };
                    let scores = r.picks.iter().map(|p| match p {
                        Some(p) => {
                            let title = format!("{} · {} · {}{}{}{}", p.score.provenance.label(), p.score.as_of,
                                p.score.variant.as_deref().map_or(String::new(), |v| format!("{v} · ")),
                                p.score.harness.as_deref().map_or(String::new(), |h| format!("harness {h} · ")),
                                if p.score.weak_source { "single weak source · " } else { "" },
                                if p.alternatives > 0 { format!("{} other figure(s) set aside", p.alternatives) } else { String::new() });
                            let weak = p.score.weak_source;
                            view! { <td class="num"><a href=p.score.source.clone() target="_blank" rel="noopener noreferrer" title=title>{p.score.display(p.bench)}</a>
                                {weak.then(|| view! { <abbr class="weak" title="only one weak source (an aggregator page) has this figure">"?"</abbr> })}
                                <span class=format!("prov prov-{:?}", p.score.provenance).to_lowercase() aria-hidden="true"></span></td> }.into_any()
                        }
                        None => view! { <td class="num muted">"—"</td> }.into_any(),
                    }).collect_view();
                    let select_id = id.clone();
                    let name = r.model.name.clone();
                    let kind = if r.model.open_weight { "open" } else { "proprietary" };
                    view! {
                        <tr data-model=id.clone() class:selected=is_sel class=format!("row-{cls}") aria-selected=if is_sel { "true" } else { "false" }>
                            <td class="num">{rank_text}</td>
                            <th scope="row">
                                <button type="button" class="model-link" on:click=move |_| { let s = select_id.clone(); ctx.update(|c| c.selected = Some(s)) }>{name}</button>
                                <small class="kind">{format!("{} · {kind}", r.model.vendor)}</small>
                            </th>
                            <td class="num value">{value}{(r.penalty_pct > 0.0 && r.value.is_some()).then(|| format!(" (−{:.1}% quant.)", r.penalty_pct))}</td>
                            <td><span class=format!("badge {cls}") class:tight=f.is_some_and(|f| f.tight)>{label}</span><small>{fit_detail.unwrap_or_default()}</small></td>
                            <td>{format.unwrap_or_else(|| "—".into())}</td>
                            <td class="num">{memory.unwrap_or_else(|| "—".into())}{capped.then_some(" (context capped at model max)")}</td>
                            <td class="num">{speed}{measured}</td>
                            <td class="num">{ttft}</td>
                            <td class="num">{r.max_context.map_or_else(|| "—".into(), |c| match r.max_context_range {
                                Some((lo, hi)) if (lo, hi) != (c, c) => format!("{} ({}–{})", format_tokens(c), format_tokens(lo), format_tokens(hi)),
                                _ => format_tokens(c),
                            })}</td>
                            {scores}
                            <td class="num">{gaps}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let export_csv = move |_| {
        ctx.analysis
            .with(|a| browser::download_text("codefit.csv", "text/csv", &export::to_csv(ds, a)))
    };
    let export_json = move |_| {
        ctx.analysis.with(|a| {
            browser::download_text("codefit.json", "application/json", &export::to_json(a))
        })
    };
    view! {
        <section class="card" aria-labelledby="table-title">
            <div class="card-head">
                <h2 id="table-title">"Ranked models"</h2>
                <div class="actions">
                    <button id="export-csv" type="button" on:click=export_csv>"CSV"</button>
                    <button id="export-json" type="button" on:click=export_json>"JSON"</button>
                </div>
            </div>
            <p class="hint">{move || ctx.analysis.with(|a| format!("Ranked by {}. Memory = weights + KV cache + overhead (GB, estimate). Decode: an estimate (≈) and the bandwidth ceiling (≤), single stream; published measurements beside them. First token: estimated prefill time for your prompt. Gap = points behind the best open-weight / best proprietary model.", a.metric))}</p>
            <div class="table-wrap">
                <table id="results">
                    <caption class="visually-hidden">"Models ranked for this configuration"</caption>
                    <thead>
                        <tr>
                            {header(SortKey::Rank, "#", false)}
                            {header(SortKey::Model, "Model", false)}
                            <th scope="col">"Score"</th>
                            {header(SortKey::Fit, "Fit", true)}
                            <th scope="col">"Quant"</th>
                            {header(SortKey::Memory, "Memory W + KV + O", false)}
                            {header(SortKey::Speed, "Decode tok/s", true)}
                            <th scope="col">"First token"</th>
                            {header(SortKey::Context, "Max context", true)}
                            {MAIN_BENCHES.iter().map(|b| view! { <th scope="col">{ds.benchmark(b).map_or(*b, |x| x.short.as_str())}</th> }).collect_view()}
                            <th scope="col">"Gap open / prop."</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <Show when=move || !show_all.get() && ctx.analysis.with(|a| a.rows.len() > TABLE_ROWS)>
                <button id="show-all-rows" type="button" on:click=move |_| show_all.set(true)>
                    {move || ctx.analysis.with(|a| format!("Show all {} models (the first {TABLE_ROWS} are shown)", a.rows.len()))}
                </button>
            </Show>
        </section>
    }
}
