//! The headline answer and the ranked, sortable table. Selecting a row selects the model
//! everywhere (it is `Config::selected`).

use crate::engine::cells::{self, fit_badge};
use crate::engine::dataset::Dataset;
use crate::engine::export;
use crate::engine::freshness;
use crate::engine::headline::headline_dated;
use crate::engine::table;
use crate::engine::units::{format_gb, format_tokens};
use crate::engine::{Analysis, Row, SortKey, sorted_order};
use crate::ui::browser;
use crate::ui::ctx::use_ctx;
use leptos::prelude::*;
use std::collections::HashMap;

#[component]
pub fn Headline() -> impl IntoView {
    let ctx = use_ctx();
    let ds = ctx.dataset();
    // Today is read once: the data's age does not change while the page is open.
    let fresh = freshness::freshness(ds, browser::today().unwrap_or_else(|| ds.newest_date()));
    let age = fresh.label();
    let text = move || ctx.analysis.with(|a| headline_dated(ds, a, &fresh));
    view! {
        <p id="headline" class="headline" aria-live="polite">{text}</p>
        <p id="data-age" class="hint">{format!("Newest source-dated figure: {age}.")}</p>
    }
}

/// The table's columns (for the group rows' `colspan`): rank, model, score, fit, quant,
/// memory, decode, first token, max context, the four main benchmarks, gaps.
const COLUMNS: u32 = 13;

/// Which group of the table a row is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
enum RowGroup {
    #[default]
    Runs,
    Reference,
    NoFit,
}

/// How many rows each group holds (before folding).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
struct GroupCounts {
    runs: usize,
    more_reference: usize,
    no_fit: usize,
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
    let show_no_fit = RwSignal::new(false);
    let show_more_reference = RwSignal::new(false);
    // What each model that does not fit would need: one analysis per extra device, so only
    // while that group is open.
    let needs = Memo::new(move |_| {
        show_no_fit.get().then(|| {
            ctx.ranked
                .with(|c| ctx.analysis.with(|a| table::needs(ctx.dataset(), c, a)))
        })
    });
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
    // The rows as plain display values, compared: a change that leaves the table as it was
    // stops here, and the keyed lists below patch only the rows whose values changed. The
    // rows are grouped (`engine::table`): what runs here, the proprietary reference rows, and
    // the models that do not fit, folded, each with what it would need once unfolded.
    let rows = Memo::new(move |_| {
        let (key, desc) = sort.get();
        let limit = if show_all.get() {
            usize::MAX
        } else {
            TABLE_ROWS
        };
        let selected = ctx.selected.get();
        let open_no_fit = show_no_fit.get();
        let open_more = show_more_reference.get();
        let needs = needs.get();
        ctx.analysis.with(|a| {
            let order = sorted_order(&a.rows, key, desc);
            let g = table::group(a, &order, key == SortKey::Rank);
            let view_of = |group: RowGroup, i: usize| {
                a.rows.get(i).map(|r| {
                    let mut v = row_view(ds, a, i, r, selected.as_deref());
                    v.group = group;
                    if let Some(n) = needs.as_ref().and_then(|n| n.get(&r.model.id)) {
                        v.fit_detail = n.describe();
                    }
                    v
                })
            };
            let runs = g
                .runs
                .iter()
                .take(limit)
                .filter_map(|&i| view_of(RowGroup::Runs, i));
            let reference = g
                .reference
                .iter()
                .chain(g.more_reference.iter().filter(|_| open_more))
                .filter_map(|&i| view_of(RowGroup::Reference, i));
            let no_fit = g
                .no_fit
                .iter()
                .filter(|_| open_no_fit)
                .filter_map(|&i| view_of(RowGroup::NoFit, i));
            let views: Vec<RowView> = runs.chain(reference).chain(no_fit).collect();
            let counts = GroupCounts {
                runs: g.runs.len(),
                more_reference: g.more_reference.len(),
                no_fit: g.no_fit.len(),
            };
            (views, counts)
        })
    });
    let counts = Memo::new(move |_| rows.with(|(_, c)| *c));
    let rows = Memo::new(move |_| rows.with(|(v, _)| v.clone()));
    // The keyed lists follow the order of the ids; each row reads its own values from `rows`
    // through a memo, so a row whose values did not change does nothing and a changed row
    // updates its text in place.
    let order_of = move |group: RowGroup| {
        Memo::new(move |_| {
            rows.with(|rs| {
                rs.iter()
                    .filter(|r| r.group == group)
                    .map(|r| r.id.clone())
                    .collect::<Vec<_>>()
            })
        })
    };
    let (runs_order, reference_order, no_fit_order) = (
        order_of(RowGroup::Runs),
        order_of(RowGroup::Reference),
        order_of(RowGroup::NoFit),
    );
    let positions = Memo::new(move |_| {
        rows.with(|rs| {
            rs.iter()
                .enumerate()
                .map(|(i, r)| (r.id.clone(), i))
                .collect::<HashMap<_, _>>()
        })
    });
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
                            {ds.main_bench_ids().into_iter().map(|b| view! { <th scope="col">{ds.benchmark(b).map_or(b, |x| x.short.as_str())}</th> }).collect_view()}
                            <th scope="col">"Gap open / prop."</th>
                        </tr>
                    </thead>
                    <tbody class="group-runs">
                        <tr class="group-head"><th colspan=COLUMNS scope="rowgroup">
                            {move || match counts.get().runs {
                                0 => "Nothing runs here at this context and session count".to_string(),
                                1 => "Runs here: 1 model".to_string(),
                                n => format!("Runs here: {n} models (fits first, then offload)"),
                            }}
                        </th></tr>
                        <For each=move || runs_order.get() key=|id| id.clone() let:id>
                            <ResultRow id rows positions/>
                        </For>
                    </tbody>
                    <tbody class="group-reference">
                        <Show when=move || !reference_order.with(Vec::is_empty)>
                            <tr class="group-head"><th colspan=COLUMNS scope="rowgroup">"Proprietary models, for reference (API only)"</th></tr>
                        </Show>
                        <For each=move || reference_order.get() key=|id| id.clone() let:id>
                            <ResultRow id rows positions/>
                        </For>
                        <Show when=move || { counts.get().more_reference > 0 }>
                            <tr class="group-toggle"><td colspan=COLUMNS>
                                <button id="toggle-reference" type="button"
                                    aria-expanded=move || show_more_reference.get().to_string()
                                    on:click=move |_| show_more_reference.update(|v| *v = !*v)>
                                    {move || if show_more_reference.get() {
                                        "Show only the leaders".to_string()
                                    } else {
                                        format!("Show {} more proprietary models", counts.get().more_reference)
                                    }}
                                </button>
                            </td></tr>
                        </Show>
                    </tbody>
                    <tbody class="group-nofit">
                        <Show when=move || { counts.get().no_fit > 0 }>
                            <tr class="group-toggle"><th colspan=COLUMNS scope="rowgroup">
                                <button id="toggle-nofit" type="button"
                                    aria-expanded=move || show_no_fit.get().to_string()
                                    on:click=move |_| show_no_fit.update(|v| *v = !*v)>
                                    {move || format!("{} {} models that do not fit here, with what each would need",
                                        if show_no_fit.get() { "▾ Hide the" } else { "▸ Show the" }, counts.get().no_fit)}
                                </button>
                            </th></tr>
                        </Show>
                        <For each=move || no_fit_order.get() key=|id| id.clone() let:id>
                            <ResultRow id rows positions/>
                        </For>
                    </tbody>
                </table>
            </div>
            <Show when=move || { !show_all.get() && (counts.get().runs > TABLE_ROWS) }>
                <button id="show-all-rows" type="button" on:click=move |_| show_all.set(true)>
                    {move || format!("Show all {} models that run here (the first {TABLE_ROWS} are shown)", counts.get().runs)}
                </button>
            </Show>
        </section>
    }
}

/// One score cell: the figure, its source and provenance.
#[derive(Clone, Debug, PartialEq, Eq)]
struct ScoreCell {
    shown: String,
    source: String,
    title: String,
    weak: bool,
    provenance: String,
}

/// One table row as the page shows it: every value already formatted. Equal values mean an
/// unchanged row, which the keyed list keeps as it is.
#[derive(Clone, Debug, PartialEq, Eq)]
struct RowView {
    id: String,
    group: RowGroup,
    name: String,
    kind: String,
    selected: bool,
    badge_class: &'static str,
    badge: &'static str,
    tight: bool,
    fit_detail: String,
    rank: String,
    value: String,
    format: String,
    memory: String,
    capped: bool,
    speed: String,
    measured: Vec<(String, String, String)>,
    ttft: String,
    max_context: String,
    scores: Vec<Option<ScoreCell>>,
    gaps: String,
}

fn row_view(
    ds: &Dataset,
    a: &Analysis<'_>,
    i: usize,
    r: &Row<'_>,
    selected: Option<&str>,
) -> RowView {
    let (badge_class, badge) = fit_badge(r.status(), r.model.open_weight);
    let f = r.fit.as_ref();
    let fit_detail = cells::fit_detail(r);
    let speed = cells::decode_text(r);
    let secs = |t: f64| {
        if t < 10.0 {
            format!("{t:.1}")
        } else {
            format!("{t:.0}")
        }
    };
    let ttft = match (r.ttft_s, r.ttft_range) {
        (Some(t), Some((lo, hi))) => format!("≈ {} s, {}–{} est.", secs(t), secs(lo), secs(hi)),
        (Some(t), None) => format!("{} s est.", secs(t)),
        _ => "—".to_string(),
    };
    let measured = r
        .measured
        .iter()
        .map(|m| {
            let title = format!(
                "{} · {} · {} · {}",
                m.runtime.as_deref().unwrap_or("runtime not stated"),
                m.format.as_deref().unwrap_or("format not stated"),
                m.date,
                m.note
            );
            (
                format!("measured {:.0} tok/s", m.decode_tok_s),
                m.source.clone(),
                title,
            )
        })
        .collect();
    let memory = f.map_or_else(
        || "—".into(),
        |f| {
            let range = f
                .memory_range_gb
                .map_or_else(String::new, |(lo, hi)| format!(" ({lo:.0}–{hi:.0})"));
            format!(
                "{:.1} + {:.1} + {:.1} = {}{range}",
                f.memory.weights_gb,
                f.memory.kv_cache_gb,
                f.memory.overhead_gb,
                format_gb(f.memory.total_gb())
            )
        },
    );
    let gaps = match (r.gap_open, r.gap_proprietary) {
        (Some(o), Some(p)) => format!("{} / {}", a.show_gap(o), a.show_gap(p)),
        (Some(o), None) => format!("{} / —", a.show_gap(o)),
        _ => "—".into(),
    };
    let scores = r
        .picks
        .iter()
        .map(|p| {
            p.as_ref().map(|p| ScoreCell {
                shown: p.score.display(p.bench),
                source: p.score.source.clone(),
                title: format!(
                    "{} · {} · {}{}{}{}",
                    p.score.provenance.label(),
                    p.score.as_of,
                    p.score
                        .variant
                        .as_deref()
                        .map_or(String::new(), |v| format!("{v} · ")),
                    p.score
                        .harness
                        .as_deref()
                        .map_or(String::new(), |h| format!("harness {h} · ")),
                    if p.score.weak_source {
                        "single weak source · "
                    } else {
                        ""
                    },
                    if p.alternatives > 0 {
                        format!("{} other figure(s) set aside", p.alternatives)
                    } else {
                        String::new()
                    }
                ),
                weak: p.score.weak_source,
                provenance: format!("prov prov-{:?}", p.score.provenance).to_lowercase(),
            })
        })
        .collect();
    RowView {
        group: RowGroup::Runs,
        id: r.model.id.clone(),
        name: r.model.name.clone(),
        kind: format!(
            "{} · {}",
            r.model.vendor,
            if r.model.open_weight {
                "open"
            } else {
                "proprietary"
            }
        ),
        selected: selected == Some(r.model.id.as_str()),
        badge_class,
        badge,
        tight: f.is_some_and(|f| f.tight),
        fit_detail: fit_detail.unwrap_or_default(),
        rank: cells::rank_text(i, r),
        value: cells::score_text(a, r),
        format: cells::format_name(ds, r),
        memory,
        capped: f.is_some_and(|f| f.context_capped),
        speed,
        measured,
        ttft,
        max_context: r.max_context.map_or_else(
            || "—".into(),
            |c| match r.max_context_range {
                Some((lo, hi)) if (lo, hi) != (c, c) => {
                    format!(
                        "{} ({}–{})",
                        format_tokens(c),
                        format_tokens(lo),
                        format_tokens(hi)
                    )
                }
                _ => format_tokens(c),
            },
        ),
        scores,
        gaps,
    }
}

/// One row of the ranked table, for the model `id`: its values come from `rows` through a
/// memo, so only what changed is patched. Clicking the model's name selects it everywhere.
#[component]
fn ResultRow(
    id: String,
    rows: Memo<Vec<RowView>>,
    positions: Memo<HashMap<String, usize>>,
) -> impl IntoView {
    let ctx = use_ctx();
    let key = id.clone();
    let row = Memo::new(move |_| {
        positions.with(|p| {
            p.get(&key)
                .and_then(|&i| rows.with(|rs| rs.get(i).cloned()))
        })
    });
    let text = move |f: fn(&RowView) -> String| {
        move || row.with(|r| r.as_ref().map(f).unwrap_or_default())
    };
    let flag = move |f: fn(&RowView) -> bool| move || row.with(|r| r.as_ref().is_some_and(f));
    let measured = Memo::new(move |_| {
        row.with(|r| r.as_ref().map(|r| r.measured.clone()).unwrap_or_default())
    });
    let scores =
        Memo::new(move |_| row.with(|r| r.as_ref().map(|r| r.scores.clone()).unwrap_or_default()));
    let badge_class = move || row.with(|r| r.as_ref().map_or("", |r| r.badge_class));
    let ds = ctx.dataset();
    let bench_labels: Vec<String> = ds
        .main_bench_ids()
        .into_iter()
        .map(|b| ds.benchmark(b).map_or(b.to_string(), |x| x.short.clone()))
        .collect();
    let select_id = id.clone();
    let is_own = id == crate::engine::own_model::ID;
    view! {
        <tr data-model=id class:own=is_own class:selected=flag(|r| r.selected) class=move || format!("row-{}", badge_class())
            aria-selected=move || if flag(|r| r.selected)() { "true" } else { "false" }>
            <td class="num rank" data-label="#">{text(|r| r.rank.clone())}</td>
            <th scope="row">
                <button type="button" class="model-link" on:click=move |_| { let s = select_id.clone(); ctx.update(|c| c.selected = Some(s)) }>{text(|r| r.name.clone())}</button>
                <small class="kind">{text(|r| r.kind.clone())}</small>
            </th>
            <td class="num value" data-label="Score">{text(|r| r.value.clone())}</td>
            <td data-label="Fit"><span class=move || format!("badge {}", badge_class()) class:tight=flag(|r| r.tight)>{move || row.with(|r| r.as_ref().map_or("", |r| r.badge))}</span><small>{text(|r| r.fit_detail.clone())}</small></td>
            <td data-label="Quant">{text(|r| r.format.clone())}</td>
            <td class="num" data-label="Memory (W + KV + O)">{text(|r| r.memory.clone())}{move || flag(|r| r.capped)().then_some(" (context capped at model max)")}</td>
            <td class="num" data-label="Decode tok/s">{text(|r| r.speed.clone())}{move || measured.get().into_iter().map(|(label, source, title)| {
                view! { <a class="measured" href=source target="_blank" rel="noopener noreferrer" title=title>{label}</a> }
            }).collect_view()}</td>
            <td class="num" data-label="First token">{text(|r| r.ttft.clone())}</td>
            <td class="num" data-label="Max context">{text(|r| r.max_context.clone())}</td>
            {move || scores.get().into_iter().zip(bench_labels.clone()).map(|(cell, label)| match cell {
                Some(c) => view! {
                    <td class="num" data-label=label><a href=c.source target="_blank" rel="noopener noreferrer" title=c.title>{c.shown}</a>
                        {c.weak.then(|| view! { <abbr class="weak" title="only one weak source (an aggregator page) has this figure">"?"</abbr> })}
                        <span class=c.provenance aria-hidden="true"></span></td>
                }
                .into_any(),
                None => view! { <td class="num muted" data-label=label>"—"</td> }.into_any(),
            }).collect_view()}
            <td class="num" data-label="Gap open / prop.">{text(|r| r.gaps.clone())}</td>
        </tr>
    }
}
