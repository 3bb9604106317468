//! The browser UI: thin Leptos components over the engine. They read the `Config` signal and
//! the engine's `Analysis` memo from context, and compute nothing themselves.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "thin views over engine results; the no-panic rule guards the engine, where the computing is"
)]

pub mod api_cost;
pub mod app;
#[cfg(feature = "synthetic")]
pub mod bench;
pub mod browser;
pub mod buying;
pub mod charts;
pub mod compare;
pub mod controls;
pub mod ctx;
pub mod launch;
pub mod method;
pub mod results;
pub mod seed;
pub mod tiers;
pub mod visible;

use leptos::prelude::*;

/// Mounts the app into `#app`, replacing the loading state.
pub fn start() {
    console_error_panic_hook::set_once();
    #[cfg(feature = "synthetic")]
    bench::install_from_query();
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
    else {
        return;
    };
    // Start-up phases as performance marks (the benchmark prints them): the embedded dataset
    // parsed and calibrated, then the first view built.
    browser::mark("codefit:start");
    let _ = crate::engine::Dataset::bundled();
    browser::mark("codefit:dataset");
    root.set_inner_html("");
    let Ok(root) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(root) else {
        return;
    };
    mount_to(root, app::App).forget();
    browser::mark("codefit:mounted");
}
