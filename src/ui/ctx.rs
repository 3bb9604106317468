//! The context every component reads: the one `Config`, the projections of it that panels
//! memoise on, the engine's `Analysis`, the theme and the notices. `App` provides it once.

use crate::engine::{Analysis, Config, Dataset, Notice, analyze};
use leptos::prelude::*;
use std::sync::Arc;

/// What every component may read: the one source of truth and what derives from it.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub cfg: RwSignal<Config>,
    /// The configuration without the selected model and the buying and cost panels' own
    /// inputs (`Config::ranked_inputs`): what ranking depends on. Panels that do not show the
    /// selection memoise on this, so a selection click recomputes nothing.
    pub ranked: Memo<Config>,
    /// The selected model's id (a click in the table or a chart).
    pub selected: Memo<Option<String>>,
    pub analysis: Memo<Arc<Analysis<'static>>>,
    pub dark: Memo<bool>,
    pub notices: RwSignal<Vec<Notice>>,
}

impl Ctx {
    /// Derives the memos from the configuration signal.
    pub fn new(cfg: RwSignal<Config>, dark: Memo<bool>, notices: RwSignal<Vec<Notice>>) -> Self {
        let ranked = Memo::new(move |_| cfg.with(Config::ranked_inputs));
        let selected = Memo::new(move |_| cfg.with(|c| c.selected.clone()));
        // An analysis has no cheap equality; it is recomputed only when `ranked` changes.
        let analysis = Memo::new_with_compare(
            move |_| ranked.with(|c| Arc::new(analyze(Dataset::bundled(), c))),
            |_, _| true,
        );
        Self {
            cfg,
            ranked,
            selected,
            analysis,
            dark,
            notices,
        }
    }
    pub fn dataset(&self) -> &'static Dataset {
        Dataset::bundled()
    }
    /// Applies a change to the configuration.
    pub fn update(&self, f: impl FnOnce(&mut Config)) {
        self.cfg.update(f);
    }
}

/// The context App provides; every component is mounted under App.
pub fn use_ctx() -> Ctx {
    expect_context::<Ctx>()
}
