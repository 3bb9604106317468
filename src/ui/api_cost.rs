//! ApiCostPanel: what the same work costs on an API, a month, beside the user's hardware
//! spread over its life plus its power. Every input is editable; every result is an estimate;
//! every price shows its source and date. The engine (`engine::api_cost`) computes.

use crate::engine::api_cost::{self, DAYS_PER_MONTH, PriceFrom, Usage};
use crate::engine::config::{self, Config};
use crate::engine::units::{format_count, format_usd, parse_amount, parse_count};
use crate::ui::controls::field::ParsedField;
use crate::ui::ctx::use_ctx;
use crate::ui::visible::{use_visible, while_visible};
use leptos::prelude::*;
use std::sync::Arc;

/// `$5 in · $25 out · $0.50 cached` per million tokens.
fn rates(p: &crate::engine::dataset::ApiPrice) -> String {
    let cache = p
        .cache_read_usd_per_mtok
        .map_or_else(|| "no cache price".to_string(), |c| format!("${c} cached"));
    format!(
        "${} in · ${} out · {cache}",
        p.input_usd_per_mtok, p.output_usd_per_mtok
    )
}

#[component]
pub fn ApiCostPanel() -> impl IntoView {
    let ctx = use_ctx();
    let ds = ctx.dataset();
    let panel = NodeRef::<leptos::html::Section>::new();
    let visible = use_visible(panel);
    // The usage and cost inputs (and the hardware, for its setup); the leader and scores come
    // from the page's one analysis. Recomputed only while on screen.
    let inputs = while_visible(visible, move || ctx.cfg.with(Config::cost_inputs));
    let rank = Memo::new(move |_| ctx.cfg.with(|c| c.rank.clone()));
    let lines = Memo::new_with_compare(
        move |_| {
            let usage = inputs.with(|c| c.as_ref().map(Usage::of))?;
            Some(Arc::new(ctx.analysis.with(|a| {
                rank.with(|r| api_cost::api_costs(ds, a, r, usage))
            })))
        },
        |_, _| true,
    );
    let hardware = Memo::new_with_compare(
        move |_| inputs.with(|c| c.as_ref().map(|c| Arc::new(api_cost::hardware_cost(ds, c)))),
        |_, _| true,
    );
    let initial = ctx.cfg.with_untracked(|c| {
        (
            format_count(c.api_input_tokens_per_day),
            format_count(c.api_output_tokens_per_day),
            format!("{}", c.api_cached_pct),
            format!("{}", c.life_years),
            format!("{}", c.kwh_usd),
            format!("{}", c.hours_per_day),
            c.hardware_price_usd
                .map_or_else(String::new, |p| format!("{p}")),
        )
    });
    let tokens = move |t: &str| -> Result<u64, String> {
        let n = parse_count(t)?;
        if n > config::MAX_API_TOKENS_PER_DAY {
            return Err(format!(
                "at most {} tokens a day",
                format_count(config::MAX_API_TOKENS_PER_DAY)
            ));
        }
        Ok(n)
    };
    let ranged = move |t: &str, lo: f64, hi: f64, unit: &str| -> Result<f64, String> {
        let v = parse_amount(t)?;
        if !(lo..=hi).contains(&v) {
            return Err(format!("between {lo} and {hi} {unit}"));
        }
        Ok(v)
    };
    let metric = move || ctx.analysis.with(|a| a.metric.clone());
    let rows = move || {
        let Some(lines) = lines.get() else {
            return Vec::new();
        };
        lines
            .iter()
            .map(|l| {
                let score = l.value.map_or_else(|| "—".to_string(), |v| format!("{v:.1}"));
                let model = format!(
                    "{}{}",
                    l.model.name,
                    if l.leader { " (the headline's best proprietary)" } else { "" }
                );
                match (l.price, l.bill) {
                    (Some(p), Some(b)) => view! {
                        <tr data-model=l.model.id.clone() data-monthly=format!("{:.2}", b.total_usd())>
                            <th scope="row">{model}</th>
                            <td class="num">{score}</td>
                            <td>{rates(p)}<small class="hint">{format!(" per million tokens, {}", p.provider)}</small></td>
                            <td class="src">
                                <a class="source" href=p.source.clone() target="_blank" rel="noopener">"source"</a>
                                {format!(" as of {}", p.as_of)}
                                {p.weak_source.then(|| view! { " " <span class="badge tight">"weak source"</span> })}
                                {(!p.tier_note.is_empty()).then(|| view! { <small class="hint note">{p.tier_note.clone()}</small> })}
                            </td>
                            <td class="num monthly"><strong>{format_usd(b.total_usd())}</strong>
                                <small class="hint">{format!("input {} · cached {} · output {}{}", format_usd(b.input_usd), format_usd(b.cached_usd), format_usd(b.output_usd),
                                    if b.cache_unpriced { " (cached input at the input price)" } else { "" })}</small>
                            </td>
                        </tr>
                    }
                    .into_any(),
                    _ => view! {
                        <tr data-model=l.model.id.clone()>
                            <th scope="row">{model}</th>
                            <td class="num">{score}</td>
                            <td colspan="3" class="hint">"no API price in the dataset"</td>
                        </tr>
                    }
                    .into_any(),
                }
            })
            .collect::<Vec<_>>()
    };
    let hardware_view = move || {
        let h = hardware.get()?;
        let machine = ctx.analysis.with(|a| a.machine.describe());
        let price = match (h.price_from, h.price_usd, h.setup) {
            (PriceFrom::Typed, Some(p), _) => format!("{} (the price you typed)", format_usd(p)),
            (PriceFrom::Setup, Some(p), Some(s)) => format!(
                "{} ({}, {}, {}; setup “{}”)",
                format_usd(p),
                s.price_kind.map_or("price", |k| k.label()),
                s.price_date.map_or_else(String::new, |d| d.to_string()),
                s.covers.label(),
                s.name
            ),
            _ => "unknown: this hardware matches no priced setup; type its price above".to_string(),
        };
        let source = h
            .setup
            .filter(|_| h.price_from == PriceFrom::Setup)
            .and_then(|s| s.source.clone())
            .map(|src| view! { " " <a class="source" href=src target="_blank" rel="noopener">"source"</a> });
        let amort = h.amortised_usd_month.map_or_else(
            || "—".to_string(),
            |a| {
                format!(
                    "{} a month over {} years (estimate)",
                    format_usd(a),
                    h.life_years
                )
            },
        );
        let power = match (h.power_w, h.power_usd_month) {
            (Some(w), Some(p)) => format!(
                "{w:.0} W × {} h a day × {DAYS_PER_MONTH:.0} days ÷ 1000 × ${}/kWh = {} a month (estimate; rated power, an upper bound{})",
                h.hours_per_day,
                h.kwh_usd,
                format_usd(p),
                if h.setup
                    .is_some_and(|s| s.covers == crate::engine::dataset::Covers::CardsOnly)
                {
                    ", cards only"
                } else {
                    ""
                }
            ),
            _ => "unknown (no power figure for this hardware)".to_string(),
        };
        let total = h.total_usd_month().map_or_else(
            || "unknown until the price is known".to_string(),
            |t| format!("{} a month (estimate)", format_usd(t)),
        );
        Some(view! {
            <dl class="hw-cost" id="hw-cost">
                <dt>"Your hardware"</dt><dd>{machine}</dd>
                <dt>"Price"</dt><dd id="hw-price">{price}{source}</dd>
                <dt>"Spread over its life"</dt><dd>{amort}</dd>
                <dt>"Power"</dt><dd>{power}</dd>
                <dt>"Hardware total"</dt><dd id="hw-total"><strong>{total}</strong></dd>
            </dl>
        })
    };
    let (tin, tout, cache, life, kwh, hpd, hwp) = initial;
    view! {
        <section class="card api-cost" aria-labelledby="api-cost-title" node_ref=panel>
            <h2 id="api-cost-title">"What the same work costs on an API"</h2>
            <p class="hint">
                {move || format!("Monthly cost (estimate) = {DAYS_PER_MONTH:.0} days × tokens a day × price per million tokens ÷ 1,000,000, with the cached share of input at the cache-read price. Models: the headline's best proprietary model on {}, then the others with a price, best-scoring first. The default use (20M input, 0.4M output tokens a day) is an assumption for a heavy coding-agent user: type your own.", metric())}
            </p>
            <div class="cost-inputs">
                <ParsedField id="tin" label="Input tokens a day" initial=tin hint="e.g. 20M or 400k (decimal)"
                    parse=move |t: &str| { let n = tokens(t)?; ctx.update(|c| c.api_input_tokens_per_day = n); Ok(()) }/>
                <ParsedField id="tout" label="Output tokens a day" initial=tout
                    parse=move |t: &str| { let n = tokens(t)?; ctx.update(|c| c.api_output_tokens_per_day = n); Ok(()) }/>
                <ParsedField id="cache" label="Cached share of input (%)" initial=cache hint="0 assumes no cache hits"
                    parse=move |t: &str| { let v = ranged(t, 0.0, config::MAX_API_CACHED_PCT, "%")?; ctx.update(|c| c.api_cached_pct = v); Ok(()) }/>
                <ParsedField id="life" label="Hardware life (years)" initial=life
                    parse=move |t: &str| { let v = ranged(t, config::MIN_LIFE_YEARS, config::MAX_LIFE_YEARS, "years")?; ctx.update(|c| c.life_years = v); Ok(()) }/>
                <ParsedField id="kwh" label="Electricity ($ per kWh)" initial=kwh hint="an assumption: use your tariff"
                    parse=move |t: &str| { let v = ranged(t, 0.0, config::MAX_KWH_USD, "$/kWh")?; ctx.update(|c| c.kwh_usd = v); Ok(()) }/>
                <ParsedField id="hpd" label="Hours a day at full power" initial=hpd
                    parse=move |t: &str| { let v = ranged(t, 0.0, config::MAX_HOURS_PER_DAY, "hours")?; ctx.update(|c| c.hours_per_day = v); Ok(()) }/>
                <ParsedField id="hwp" label="Hardware price ($, optional)" initial=hwp hint="empty: the matching setup's price"
                    parse=move |t: &str| {
                        if t.trim().is_empty() {
                            ctx.update(|c| c.hardware_price_usd = None);
                            return Ok(());
                        }
                        let v = ranged(t, 0.0, config::MAX_HARDWARE_PRICE_USD, "$")?;
                        ctx.update(|c| c.hardware_price_usd = Some(v));
                        Ok(())
                    }/>
            </div>
            <div class="table-wrap">
                <table id="api-costs">
                    <thead><tr>
                        <th scope="col">"Model"</th><th scope="col">{metric}</th><th scope="col">"API price"</th>
                        <th scope="col">"Source, date"</th><th scope="col">"A month (estimate)"</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {hardware_view}
        </section>
    }
}
