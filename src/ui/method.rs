//! MethodPanel: how every figure is computed, with the selected model's numbers filled in,
//! the assumptions, the seed's caveats, and the sources.

use crate::engine::explain;
use crate::engine::rank::MIN_PROFILE_COVERAGE;
use crate::ui::ctx::use_ctx;
use leptos::prelude::*;

#[component]
pub fn MethodPanel() -> impl IntoView {
    let ctx = use_ctx();
    let ds = ctx.dataset();
    // The worked example and the runtime's rules come from the engine (engine::explain): the
    // page lays them out and computes nothing.
    let worked = move || {
        let sel = ctx.selected.get();
        ctx.analysis.with(|a| {
            let row = a.focus_row(sel.as_deref())?;
            let terms = explain::worked(ds, a, row)?;
            let facts = row.model.open_facts()?;
            Some(view! {
                <h3>{format!("Worked example: {}", row.model.name)}</h3>
                <ul class="formulas" id="worked">
                    {terms.into_iter().map(|t| view! {
                        <li data-term=t.key><strong>{t.name}</strong>{format!(" = {} = {}", t.formula, t.shown)}</li>
                    }).collect_view()}
                </ul>
                <p class="hint">{format!("Architecture: {} ({}); parameters: {} (source linked).", crate::engine::architecture::describe(&facts.arch.layer_groups), facts.arch.source, facts.params.source)}</p>
                {(!row.model.notes.is_empty()).then(|| view! { <p class="note">{row.model.notes.clone()}</p> })}
            })
        })
    };
    let rules = move || {
        ctx.analysis
            .with(|a| explain::rules(ds, a))
            .into_iter()
            .map(|t| view! { <li>{t}</li> })
            .collect_view()
    };
    let accuracy = {
        use crate::engine::accuracy;
        let pct = |x: f64| format!("{:.0}%", x * 100.0);
        let cal = &ds.calibration;
        let weights = accuracy::error_stats(&accuracy::weight_cases(ds));
        let band = |b: &crate::engine::calibration::Band| {
            format!(
                "median {}, 90th percentile {}, worst {} over {} cases",
                pct(b.median_abs),
                pct(b.p90_abs),
                pct(b.worst_abs),
                b.cases
            )
        };
        let name = |r: Option<crate::engine::Runtime>| r.map_or("all runtimes", |r| r.name());
        let mut lines: Vec<String> = vec![weights.map_or_else(
            || "Weights vs GGUF file sizes: no cases".to_string(),
            |s| format!("Weights vs published GGUF file sizes: median error {}, 90th percentile {}, worst {} over {} files", pct(s.median_abs), pct(s.p90_abs), pct(s.worst_abs), s.cases),
        )];
        for (r, b) in &cal.decode_bands {
            let inside = cal
                .decode_in_sample
                .iter()
                .find(|(x, _)| x == r)
                .map_or_else(String::new, |(_, i)| {
                    format!(
                        " (in sample: median {}, 90th percentile {})",
                        pct(i.median_abs),
                        pct(i.p90_abs)
                    )
                });
            lines.push(format!(
                "Decode, {} — out of sample (leave-one-device-out): {}{inside}",
                name(*r),
                band(b)
            ));
        }
        for (k, b) in &cal.by_attention {
            lines.push(format!("Decode, {k} models, out of sample: {}", band(b)));
        }
        let mem = &cal.memory_cases;
        if let (Some(kv), Some(total)) = (&mem.kv, &mem.total) {
            lines.push(format!(
                "KV cache formula vs runtimes' printed allocations: {}",
                band(kv)
            ));
            lines.push(format!("Memory total (measured weights + the engine's KV cache and overhead) vs weights + KV + compute buffers the runtimes printed: {}; compute buffers per device: median {:.2} GB, largest {:.1} GB", band(total), mem.compute_median_gb, mem.compute_max_gb));
            for (k, b) in &mem.by_attention {
                lines.push(format!("Memory total, {k} models: {}", band(b)));
            }
        }
        if let Some(b) = &cal.prefill_band {
            lines.push(format!(
                "Prefill (time to first token), out of sample: {}",
                band(b)
            ));
        }
        if let (Some(own), Some(all)) = (
            &cal.calibrated_band,
            cal.decode_band(crate::engine::Runtime::LlamaCpp),
        ) {
            lines.push(format!("With your own measurement of one model on your hardware, the decode range goes from {} to {} around the estimate to {} to {} (measured on the fixture: a device's other cases predicting each case, {}); it narrows most where one model family dominates what you run.", pct(all.p10), pct(all.p90), pct(own.p10), pct(own.p90), band(own)));
        }
        lines.push(format!("A fit is “tight” when the top of its memory range (the 10th–90th percentile error above) would not fit; where no range is measured, when its headroom is under {} of weights + KV cache.", pct(crate::engine::fit::TIGHT_MARGIN)));
        let worst = cal.worst.iter().map(|(label, source, e)| view! {
            <li><a href=source.clone() target="_blank" rel="noopener noreferrer">{label.clone()}</a>{format!(": {:+.0}%", e * 100.0)}</li>
        }).collect_view();
        view! {
            {lines.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}
            <li>"Worst decode cases out of sample:"<ul id="worst-cases">{worst}</ul></li>
        }
    };
    view! {
        <section class="card method" id="method" aria-labelledby="method-title">
            <h2 id="method-title">"How this is computed"</h2>
            {worked}
            <h3>"Formulas and assumptions"</h3>
            <ul>
                <li>"Memory = weights + KV cache + runtime overhead. Weights = Σ over tensor groups (routed experts, dense tensors, embeddings) of parameters × that group's bits per weight ÷ 8 (bits include scale overhead). A format quantizes the groups it names and keeps the rest at the checkpoint's precision (AWQ, FP8 and NVFP4 leave the embeddings BF16); a GGUF K-quant of gpt-oss copies its MXFP4 experts, so it is about the MXFP4 size. GB = 10⁹ bytes."</li>
                <li>"KV cache, summed over the model's layer groups (from its config.json): full attention caches K and V per KV head per token; latent attention (DeepSeek, Kimi, GLM-5) the latent plus the RoPE key, plus the sparse-attention indexer's key where there is one; sliding-window layers only the window; compressed attention (DeepSeek V4) one entry per 4 or 128 tokens plus the window; linear / state-space layers (Gated DeltaNet, Mamba-2, KDA) a fixed FP32 state per session; layers that share another layer's cache nothing. A model whose config could not be sourced shows “memory not computed” and why, never a guess."</li>
                <li>"Several devices are never one pool: whole layers are split across devices in proportion to their free memory, and each device must hold its layers and its own overhead."</li>
                <li>"Speed: a single-stream decode ceiling, memory bandwidth ÷ bytes read per token. Real decode reaches a fraction of it."</li>
                {rules}
                <li>"Equal scores: the model that runs locally first, then the higher-quality format (a Q6_K fit beats a Q2_K squeeze), then the faster decode, then more headroom; the name only last."</li>
                <li>"A fixed format the runtime or the devices cannot load (NVFP4 off Blackwell, a GGUF type under vLLM) is refused, with the reason beside the runtime, and the best format that fits is used. MXFP4 is gpt-oss's own checkpoint format: it is offered only to models that ship in it."</li>
                <li>"Scores: a figure counts if dated on or before the data date. For one model and benchmark, an independent leaderboard beats a third-party run, which beats a vendor report; then the newest; across Aider edit formats, the best. A range ranks at its midpoint."</li>
                <li>{format!("Profiles average the benchmarks' points (0–100; the 16x eval × 10) with their weights over the benchmarks a model has; a model needs {:.0}% of the weight to be ranked.", MIN_PROFILE_COVERAGE * 100.0)}</li>
                <li>{format!("Quantization penalty (off by default): {}", ds.penalty_note)}</li>
            </ul>
            <h3>"Accuracy against published numbers"</h3>
            <ul id="accuracy">{accuracy}</ul>
            <h3>"The seed's caveats"</h3>
            <ul>
                <li>"Benchmark versions matter: LiveCodeBench v5 and v6 are different benchmarks and are never ranked together."</li>
                <li>"SWE-Bench scores depend on the agent scaffold; the same model can move by ±10% between frameworks."</li>
                <li>"Quantization degrades quality (the seed cites 1–5% at Q4, rarely measured)."</li>
                <li>"The seed's “fits” assumes Q4 weights and ignores the KV cache; the engine includes both."</li>
                <li>"The seed contradicts itself in places (e.g. its 10.3-point gap is to Claude Opus 4.5, not to MiniMax-M2.5, which is 9.6 points ahead); the tier table shows each disagreement."</li>
            </ul>
            <h3>"Which benchmark ranks by default"</h3>
            {
                let cov = crate::engine::freshness::coverage(ds);
                let name = |id: &str| ds.benchmark(id).map_or(id.to_string(), |b| b.name.clone());
                let lead = cov.first().map(|c| format!("{} ranks by default: it has figures for the most open-weight models ({} of {} models, spread {:.1} points), so the answer exists on most hardware. Benchmarks with fewer open-weight figures separate today's frontier as well or better but leave most local models unranked; pick one under Ranking.", name(&c.bench), c.open_models, c.models, c.spread_points)).unwrap_or_default();
                view! {
                    <p id="default-bench">{lead}</p>
                    <div class="table-wrap"><table id="bench-coverage">
                        <thead><tr><th scope="col">"Benchmark"</th><th scope="col">"Models"</th><th scope="col">"Open-weight"</th><th scope="col">"Spread (points, s.d.)"</th><th scope="col">"Newest figure"</th></tr></thead>
                        <tbody>{cov.iter().map(|c| view! { <tr><td>{name(&c.bench)}</td><td class="num">{c.models}</td><td class="num">{c.open_models}</td><td class="num">{format!("{:.1}", c.spread_points)}</td><td>{c.newest.to_string()}</td></tr> }).collect_view()}</tbody>
                    </table></div>
                }
            }
            <h3>"Benchmarks"</h3>
            <ul>
                {ds.benchmarks.iter().map(|b| {
                    let newest = match ds.newest_score_date(&b.id) {
                        Some((d, crate::engine::dataset::DateBasis::Source)) => format!("newest dated figure {d}"),
                        Some((d, crate::engine::dataset::DateBasis::Seed)) => format!("figures known only by the seed date, {d}"),
                        None => "no figures".into(),
                    };
                    view! { <li><a href=b.url.clone() target="_blank" rel="noopener noreferrer">{b.name.clone()}</a>{format!(" — {} ({newest})", b.description)}</li> }
                }).collect_view()}
            </ul>
        </section>
    }
}
