//! SeedSnapshot: the seed document's four tables figure by figure, beside what the engine
//! computes for each (rank and gap in the seed's table, Q4 weights and memory at your workload).

use crate::engine::seed::{self, SEED_FITS_GB};
use crate::ui::ctx::use_ctx;
use crate::ui::visible::{use_visible, while_visible};
use leptos::prelude::*;

#[component]
pub fn SeedSnapshot() -> impl IntoView {
    let ctx = use_ctx();
    let ds = ctx.dataset();
    // Depends only on the workload (context, sessions, KV precision).
    // Computed only while the panel is on screen.
    let panel = NodeRef::<leptos::html::Section>::new();
    let visible = use_visible(panel);
    let workload = while_visible(visible, move || ctx.analysis.with(|a| a.workload));
    let figures = Memo::new(move |_| {
        workload
            .with(|w| w.as_ref().map(|w| seed::seed_figures(ds, w)))
            .unwrap_or_default()
    });
    let gb = |x: Option<f64>| x.map_or_else(|| "—".to_string(), |v| format!("{v:.0} GB"));
    let rows = move || {
        figures.with(|figs| {
            figs.iter()
                .map(|f| {
                    let table = ds.benchmark(&f.bench).map_or(f.bench.clone(), |b| match &f.variant {
                        Some(v) => format!("{} ({v})", b.name),
                        None => b.name.clone(),
                    });
                    let fits = f.q4_total_gb.map_or("—", |t| if t <= SEED_FITS_GB { "yes" } else { "no" });
                    view! {
                        <tr>
                            <td>{table}</td>
                            <td>{f.label.clone()}</td>
                            <td class="num">{f.printed.clone()}</td>
                            <td class="num">{f.rank}</td>
                            <td class="num">{if f.gap_to_leader > 0.0 { format!("−{:.1}", f.gap_to_leader) } else { "leader".into() }}</td>
                            <td class="num">{gb(f.seed_memory_gb)}</td>
                            <td class="num">{gb(f.q4_weights_gb)}</td>
                            <td class="num">{gb(f.q4_total_gb)}</td>
                            <td>{if f.open_weight { fits } else { "API only" }}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="panel" aria-labelledby="seed-title" node_ref=panel>
            <h2 id="seed-title">"The seed snapshot, figure by figure"</h2>
            <p class="hint">{move || format!("Every figure of the seed document (2026-02-18), in its own tables: {} figures. Beside each, what the engine computes: its rank and gap in that table, the Q4_K_M weights the seed's memory column assumes, and weights + KV cache + overhead at your context and sessions (estimate), checked against the seed's 96 GB tier.", figures.with(Vec::len))}</p>
            <div class="table-wrap">
                <table id="seed-figures">
                    <thead><tr>
                        <th scope="col">"Seed table"</th><th scope="col">"Model (seed's name)"</th><th scope="col">"Seed figure"</th>
                        <th scope="col">"Rank"</th><th scope="col">"Gap"</th><th scope="col">"Seed memory"</th>
                        <th scope="col">"Q4 weights (engine)"</th><th scope="col">"Q4 total (engine)"</th><th scope="col">"Fits 96 GB?"</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}
