//! The context every component reads: the one `Config`, the projections of it that panels
//! memoise on, the engine's `Analysis`, the theme and the notices. `App` provides it once.

use crate::engine::own_model::{self, OwnModel};
use crate::engine::{Analysis, Config, Dataset, Notice, analyze};
use leptos::prelude::*;
use std::cell::RefCell;
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
    /// The bundled dataset, or a copy with "your model" added.
    pub data: Memo<&'static Dataset>,
    pub dark: Memo<bool>,
    pub notices: RwSignal<Vec<Notice>>,
}

impl Ctx {
    /// Derives the memos from the configuration signal.
    pub fn new(cfg: RwSignal<Config>, dark: Memo<bool>, notices: RwSignal<Vec<Notice>>) -> Self {
        let ranked = Memo::new(move |_| cfg.with(Config::ranked_inputs));
        let selected = Memo::new(move |_| cfg.with(|c| c.selected.clone()));
        let own = Memo::new(move |_| cfg.with(|c| c.own_model.clone()));
        let data = Memo::new_with_compare(
            move |_| own.with(|o| o.as_ref().map_or(Dataset::bundled(), with_own)),
            |a, b| a.is_some_and(|a| b.is_some_and(|b| std::ptr::eq(*a, *b))),
        );
        // An analysis has no cheap equality; it is recomputed only when `ranked` changes.
        let analysis = Memo::new_with_compare(
            move |_| ranked.with(|c| Arc::new(analyze(data.get(), c))),
            |_, _| true,
        );
        Self {
            cfg,
            ranked,
            selected,
            analysis,
            data,
            dark,
            notices,
        }
    }
    /// The dataset the answers use (with your model, if any); reading it in a closure tracks it.
    pub fn dataset(&self) -> &'static Dataset {
        self.data.get()
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

thread_local! {
    /// The datasets made with a pasted model, kept for the page's lifetime: an `Analysis`
    /// borrows its dataset for `'static`, and a page sees few distinct pasted models.
    static WITH_OWN: RefCell<Vec<(OwnModel, &'static Dataset)>> = const { RefCell::new(Vec::new()) };
}

/// The bundled dataset with `own` added, made once per distinct model.
fn with_own(own: &OwnModel) -> &'static Dataset {
    WITH_OWN.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some((_, ds)) = cache.iter().find(|(m, _)| m == own) {
            return *ds;
        }
        let ds: &'static Dataset =
            Box::leak(Box::new(own_model::dataset_with(Dataset::bundled(), own)));
        cache.push((own.clone(), ds));
        ds
    })
}
