//! The serving shape vLLM and SGLang share: the published checkpoint in the fit's format (or the
//! original weights, converted while loading where the runtime can), tensor × pipeline
//! parallelism as the placement arranges it, the context and session caps, the memory share the
//! engine assumed, and the KV precision. Each runtime's file spells the flags.

use super::{Launch, Request};
use crate::engine::placement::Mode;

/// How one serving runtime spells the shared command.
pub(super) struct Server {
    /// The command up to the model repository.
    pub launcher: &'static str,
    pub tensor_flag: &'static str,
    pub pipeline_flag: &'static str,
    pub context_flag: &'static str,
    pub sessions_flag: &'static str,
    /// The flag for the share of each GPU the runtime claims, and the share the engine assumed.
    pub memory_flag: &'static str,
    pub memory_fraction: f64,
    pub kv_flag: &'static str,
    pub quantization_flag: &'static str,
    /// The runtime's default port.
    pub port: u16,
}

pub(super) fn launch(s: &Server, r: &Request<'_>) -> Launch {
    let (model, fit) = (r.model, r.fit);
    let mut notes = Vec::new();
    let native = model.arch.as_ref().map(|a| a.native_format.as_str());
    let on_load = r.format.and_then(|l| l.quantize_on_load.as_deref());
    let (repo, quant) = if Some(fit.format_id.as_str()) == native {
        // The model's own checkpoint already is this format: serve it as published.
        (r.hf.clone(), None)
    } else if let Some(repo) = r.checkpoint {
        (repo.to_string(), None)
    } else if on_load.is_some() {
        // Converted while loading: the note goes with the quantization flag below.
        (r.hf.clone(), on_load)
    } else {
        notes.extend(r.missing_note.clone());
        (r.hf.clone(), None)
    };
    let mut p = vec![format!("{} {repo}", s.launcher)];
    if let Mode::Parallel { tensor, pipeline } = fit.placement.mode {
        if tensor > 1 {
            p.push(format!("{} {tensor}", s.tensor_flag));
        }
        if pipeline > 1 {
            notes.push(format!(
                "Tensor parallelism stays within {tensor} GPUs (one node's NVLink domain, dividing the {} attention heads); {pipeline} pipeline stages run one after another.",
                model.arch.as_ref().map_or(0, |a| a.attention_heads)
            ));
            p.push(format!("{} {pipeline}", s.pipeline_flag));
        }
        let used = (tensor * pipeline) as usize;
        let devices = r.devices;
        if used < devices {
            notes.push(format!(
                "{used} of the {devices} GPUs are used: no tensor × pipeline arrangement of all of them divides the heads with no more stages than the model's layers."
            ));
        }
    }
    p.push(format!("{} {}", s.context_flag, r.ctx));
    p.push(format!("{} {}", s.sessions_flag, r.sessions));
    p.push(format!("{} {:.2}", s.memory_flag, s.memory_fraction));
    if let Some(kv) = r.kv {
        p.push(format!("{} {kv}", s.kv_flag));
    }
    if let Some(q) = quant {
        notes.extend(r.missing_note.clone());
        p.push(format!("{} {q}", s.quantization_flag));
    }
    p.push(format!("--host 127.0.0.1 --port {}", s.port));
    Launch {
        command: p.join(" "),
        notes,
        fit_command: None,
    }
}
