//! The page: owns the `Config` signal, derives the `Analysis`, keeps the URL and local
//! storage in sync, and lays out the sections.

use super::api_cost::ApiCostPanel;
use super::browser;
use super::buying::BuyingPanel;
use super::charts::ChartsSection;
use super::compare::ComparePanel;
use super::controls::{
    DataDateControl, HardwarePicker, OwnModelPanel, RankingControls, RuntimeControls,
    WorkloadControls,
};
use super::ctx::{Ctx, use_ctx};
use super::launch::LaunchPanel;
use super::method::MethodPanel;
use super::results::{Headline, ResultsTable};
use super::seed::SeedSnapshot;
use super::tiers::TierTable;
use crate::engine::config::Config;
use crate::engine::dataset::Dataset;
use crate::engine::url::{self, Notice};
use leptos::prelude::*;
/// The commit the page was built from (short hash): scripts/env.sh sets `CODEFIT_COMMIT` from
/// git for every build; "unknown" when the build ran outside a git checkout.
const COMMIT: &str = match option_env!("CODEFIT_COMMIT") {
    Some(c) if !c.is_empty() => c,
    _ => "unknown",
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThemeChoice {
    System,
    Light,
    Dark,
}

/// The starting configuration: a link wins; without one, the last configuration from local
/// storage; corrupt storage is ignored with a notice.
fn initial_config(ds: &Dataset) -> (Config, Vec<Notice>) {
    let q = browser::query();
    if !q.is_empty() {
        return url::decode(ds, &q);
    }
    match browser::load(browser::STORAGE_KEY) {
        Some(saved) => {
            let (cfg, notices) = url::decode(ds, &saved);
            if notices.is_empty() {
                (cfg, Vec::new())
            } else {
                (
                    Config::default(),
                    vec![Notice {
                        key: "storage".into(),
                        message:
                            "Your saved settings could not be read, so the defaults are shown."
                                .into(),
                    }],
                )
            }
        }
        None => (Config::default(), Vec::new()),
    }
}

#[component]
pub fn App() -> impl IntoView {
    let ds = Dataset::bundled();
    let (start, start_notices) = initial_config(ds);
    let cfg = RwSignal::new(start);
    let notices = RwSignal::new(start_notices);
    let theme = RwSignal::new(match browser::load(browser::THEME_KEY).as_deref() {
        Some("light") => ThemeChoice::Light,
        Some("dark") => ThemeChoice::Dark,
        _ => ThemeChoice::System,
    });
    let system_dark = browser::prefers_dark();
    let dark = Memo::new(move |_| match theme.get() {
        ThemeChoice::System => system_dark,
        ThemeChoice::Light => false,
        ThemeChoice::Dark => true,
    });
    let ctx = Ctx::new(cfg, dark, notices);
    provide_context(ctx);

    // Outside world: URL (no history entries) and storage follow the config, once the change
    // is painted (`history.replaceState` and storage writes cost ≈ 15 ms per change in
    // Chromium); a burst of changes writes once.
    let unsaved: StoredValue<Option<String>, LocalStorage> = StoredValue::new_local(None);
    Effect::new(move |_| {
        let q = url::encode(Dataset::bundled(), &cfg.get());
        let first = unsaved
            .try_update_value(|u| u.replace(q).is_none())
            .unwrap_or(false);
        if first {
            browser::after_paint(move || {
                if let Some(q) = unsaved.try_update_value(Option::take).flatten() {
                    browser::replace_query(&q);
                    browser::save(browser::STORAGE_KEY, &q);
                }
            });
        }
    });
    Effect::new(move |_| browser::apply_theme(dark.get()));

    let cycle_theme = move |_| {
        let next = match theme.get_untracked() {
            ThemeChoice::System => {
                if system_dark {
                    ThemeChoice::Light
                } else {
                    ThemeChoice::Dark
                }
            }
            ThemeChoice::Light => ThemeChoice::Dark,
            ThemeChoice::Dark => ThemeChoice::Light,
        };
        theme.set(next);
        browser::save(
            browser::THEME_KEY,
            if next == ThemeChoice::Dark {
                "dark"
            } else {
                "light"
            },
        );
    };

    view! {
        <div class="app" data-ready="true">
            <header class="masthead">
                <div>
                    <h1>"codefit"</h1>
                    <p class="tagline">
                        "Which coding model should you run on your machine, and how far is it from the frontier? "
                        "Every number is computed in your browser from a sourced dataset; estimates say so."
                    </p>
                </div>
                <div class="masthead-actions">
                    <ShareButtons/>
                    <button id="theme-toggle" type="button" on:click=cycle_theme
                        aria-label=move || if dark.get() { "Switch to light theme" } else { "Switch to dark theme" }>
                        {move || if dark.get() { "☀ Light" } else { "☾ Dark" }}
                    </button>
                </div>
            </header>
            <NoticeList/>
            <section class="answer" aria-labelledby="answer-title">
                <h2 id="answer-title" class="visually-hidden">"The answer"</h2>
                <Headline/>
            </section>
            <div class="layout">
                <aside class="controls" aria-label="Settings">
                    <HardwarePicker/>
                    <WorkloadControls/>
                    <RuntimeControls/>
                    <RankingControls/>
                    <OwnModelPanel/>
                    <DataDateControl/>
                </aside>
                <div class="main">
                    <ChartsSection/>
                    <AfterFirstPaint>
                        <ResultsTable/>
                        <LaunchPanel/>
                        <ComparePanel/>
                        <TierTable/>
                        <BuyingPanel/>
                        <ApiCostPanel/>
                        <SeedSnapshot/>
                        <MethodPanel/>
                    </AfterFirstPaint>
                </div>
            </div>
            <footer class="footer">
                <p>
                    "Data: the seed document “Coding Model Quality Benchmarks” (2026-02-18) and the sources linked beside each figure. "
                    "Speeds are ceilings, memory figures are estimates; see “How this is computed”."
                </p>
                <p id="build-info">
                    {format!("codefit {} (commit {COMMIT}) · data as of {}", env!("CARGO_PKG_VERSION"), ds.newest_date())}
                </p>
            </footer>
        </div>
    }
}

/// "Copy link" and, where the browser has it, "Share".
#[component]
fn ShareButtons() -> impl IntoView {
    let copied = RwSignal::new(false);
    let copy = move |_| {
        copied.set(browser::copy_text(&browser::href()));
    };
    let share = move |_| browser::share("codefit", &browser::href());
    view! {
        <button id="copy-link" type="button" on:click=copy>
            {move || if copied.get() { "Link copied" } else { "Copy link" }}
        </button>
        <Show when=browser::can_share>
            <button id="share-link" type="button" on:click=share>"Share"</button>
        </Show>
    }
}

/// Visible, dismissible notices: what the URL decoder or storage had to correct.
#[component]
fn NoticeList() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <Show when=move || !ctx.notices.get().is_empty()>
            <section id="notices" class="notices" role="alert" aria-label="Notices">
                <ul>
                    <For each=move || ctx.notices.get().into_iter().enumerate() key=|(i, n)| (*i, n.key.clone(), n.message.clone()) let:item>
                        <li>
                            <strong>{item.1.key.clone()}</strong>": "{item.1.message.clone()}
                        </li>
                    </For>
                </ul>
                <button type="button" class="dismiss" on:click=move |_| ctx.notices.set(Vec::new())>"Dismiss"</button>
            </section>
        </Show>
    }
}

/// Builds its children once the first frame is painted: the panels below the first viewport
/// (the table under the charts, the command, the comparison, the seed checks, the method) do
/// not delay the headline, and their analyses run after it is on screen.
#[component]
fn AfterFirstPaint(children: ChildrenFn) -> impl IntoView {
    let painted = RwSignal::new(false);
    browser::after_paint(move || painted.set(true));
    view! { <Show when=move || painted.get()>{children()}</Show> }
}
