//! codefit: which coding model should I run on this machine, and how far is it from the
//! frontier? The pure engine (`engine`) and, in the browser build, the UI (`ui`).

pub mod engine;

#[cfg(target_arch = "wasm32")]
pub mod ui;
