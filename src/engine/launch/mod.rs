//! The command line that serves the selected model with the chosen runtime, matching the
//! engine's placement (split, layers, expert offload, context, sessions, KV precision).
//!
//! This module holds what every runtime shares: the [`Launch`] result, the request each builder
//! reads (the dataset's launch facts for the fit's format and the KV precision already looked
//! up), and the dispatch. One file per runtime builds its command; vLLM and SGLang share one
//! serving shape (`serving.rs`) and differ in their flags' spelling. Every flag a runtime uses is
//! listed in its file's `FLAGS` with the documentation that defines it ([`flags`]); a test checks
//! that generated commands use no other flag.

mod llama_cpp;
mod mlx;
mod serving;
mod sglang;
mod vllm;

pub use llama_cpp::LLAMA_FIT_TARGET_MIB;

use super::analysis::{Analysis, Row};
use super::dataset::{Dataset, FormatLaunch, Model};
use super::fit::Fit;
use super::hardware::Machine;
use super::memory::Workload;
use super::runtime::Runtime;

/// A ready-to-paste command plus what the user should know about it.
#[derive(Clone, Debug, PartialEq)]
pub struct Launch {
    pub command: String,
    pub notes: Vec<String>,
    /// llama.cpp only: the same server with llama.cpp's own fitting (`--fit on`) instead of the
    /// engine's placement flags; it keeps the requested context (`--fit-ctx`).
    pub fit_command: Option<String>,
}

/// What every builder reads: the model, its fit and the machine, with the dataset's facts for
/// the fit's format and the workload's KV precision already looked up.
struct Request<'a> {
    model: &'a Model,
    fit: &'a Fit,
    /// The launch facts of the fit's format (none when the dataset lacks the format).
    format: Option<&'a FormatLaunch>,
    /// The runtime's KV-cache flag value for the workload's precision; none for its default.
    kv: Option<&'a str>,
    /// Context per session, tokens.
    ctx: u32,
    sessions: u32,
    /// Devices the machine has (at least 1).
    devices: usize,
    /// The original weights' repository (the model id when the dataset has none).
    hf: String,
    /// A published checkpoint already in the fit's format, served as it is.
    checkpoint: Option<&'a str>,
    /// What to say when there is no such checkpoint, with the model's name filled in.
    missing_note: Option<String>,
}

/// The command for `model` at `fit` on `machine`. `None` for proprietary models.
pub fn command(
    dataset: &Dataset,
    model: &Model,
    fit: &Fit,
    machine: &Machine,
    workload: &Workload,
) -> Option<Launch> {
    model.open_facts()?;
    let kv = dataset
        .kv_formats
        .iter()
        .find(|k| {
            (k.bytes_per_element - workload.kv_bytes_per_element).abs() < 1e-9
                && machine.runtime.supports_kv(k)
        })
        .and_then(|k| k.cache_dtype.get(machine.runtime.id()))
        .map(String::as_str);
    let format = dataset.weight_format(&fit.format_id).map(|f| &f.launch);
    let request = Request {
        model,
        fit,
        format,
        kv,
        ctx: fit.context_tokens,
        sessions: workload.sessions.max(1),
        devices: machine.units.len().max(1),
        hf: model.repos.hf.clone().unwrap_or_else(|| model.id.clone()),
        checkpoint: format
            .and_then(|l| l.checkpoint)
            .and_then(|c| model.repos.checkpoint(c)),
        missing_note: format
            .and_then(|l| l.missing_checkpoint_note.as_deref())
            .map(|n| n.replace("{model}", &model.name)),
    };
    Some(match machine.runtime {
        Runtime::LlamaCpp => llama_cpp::launch(&request),
        Runtime::Vllm => serving::launch(&vllm::SERVER, &request),
        Runtime::Sglang => serving::launch(&sglang::SERVER, &request),
        Runtime::Mlx => mlx::launch(&request),
    })
}

/// The command for the model an analysis focuses on (the selected model when it has a fit,
/// else the headline model, [`Analysis::focus_row`]), with that row: what the page's launch
/// panel and `codefit recommend` show. `None` when there is no such row or it is proprietary.
pub fn for_focus<'s>(
    dataset: &Dataset,
    a: &'s Analysis<'_>,
    selected: Option<&str>,
) -> Option<(&'s Row<'s>, Launch)> {
    let row = a.focus_row(selected)?;
    let fit = row.fit.as_ref()?;
    let launch = command(dataset, row.model, fit, &a.machine, &a.workload)?;
    Some((row, launch))
}

/// Every flag `runtime`'s commands use: (flag, documentation).
pub fn flags(runtime: Runtime) -> &'static [(&'static str, &'static str)] {
    match runtime {
        Runtime::LlamaCpp => llama_cpp::FLAGS,
        Runtime::Vllm => vllm::FLAGS,
        Runtime::Sglang => sglang::FLAGS,
        Runtime::Mlx => mlx::FLAGS,
    }
}

/// The flags a command uses (tokens starting with '-').
pub fn flags_in(command: &str) -> Vec<&str> {
    command
        .split_whitespace()
        .filter(|t| t.starts_with('-'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::analysis;
    use crate::engine::config::Config;

    pub(super) fn launch_for(cfg: &Config, model: &str) -> Launch {
        launch_in(Dataset::bundled(), cfg, model)
    }

    /// The command for `model` under `cfg` on a dataset (the bundled one or the fixture).
    pub(super) fn launch_in(ds: &Dataset, cfg: &Config, model: &str) -> Launch {
        let a = analysis::analyze(ds, cfg);
        let row = a.rows.iter().find(|r| r.model.id == model).unwrap();
        command(
            ds,
            row.model,
            row.fit.as_ref().unwrap(),
            &a.machine,
            &a.workload,
        )
        .unwrap()
    }

    #[test]
    fn every_flag_is_documented() {
        let ds = Dataset::bundled();
        for preset in [
            "pro6000",
            "pro6000-5090",
            "pro6000x2",
            "mac256",
            "sparkx2",
            "rtx3090x4",
        ] {
            for runtime in Runtime::ALL {
                let cfg = Config {
                    runtime,
                    ram_gb: 128.0,
                    sessions: 4,
                    ..Config::with_preset(ds.preset(preset).unwrap())
                };
                let a = analysis::analyze(ds, &cfg);
                for r in a.rows.iter().filter(|r| r.fit.is_some()) {
                    let l = command(
                        ds,
                        r.model,
                        r.fit.as_ref().unwrap(),
                        &a.machine,
                        &a.workload,
                    )
                    .unwrap();
                    let fit_flags = l.fit_command.as_deref().map(flags_in).unwrap_or_default();
                    assert!(
                        fit_flags
                            .iter()
                            .all(|f| !llama_cpp::PLACEMENT_FLAGS.contains(f)),
                        "{:?}",
                        l.fit_command
                    );
                    for flag in flags_in(&l.command).into_iter().chain(fit_flags) {
                        assert!(
                            flags(runtime).iter().any(|(f, _)| *f == flag),
                            "{}: undocumented flag {flag} in `{}`",
                            runtime.name(),
                            l.command
                        );
                    }
                    for n in &l.notes {
                        for flag in flags_in(n).into_iter().filter(|f| f.starts_with("--")) {
                            assert!(
                                Runtime::ALL
                                    .into_iter()
                                    .any(|rt| flags(rt).iter().any(|(f, _)| *f == flag)),
                                "undocumented flag {flag} in note `{n}`"
                            );
                        }
                    }
                }
            }
        }
    }
}
