//! How far the estimates are from published numbers: the weights formula against GGUF file
//! sizes, decode estimates against measured tok/s. The method panel shows these figures and
//! tests/accuracy.rs bounds them; both call the functions here.

use super::config::{Config, DeviceChoice, DeviceRef};
use super::dataset::Dataset;
use super::runtime::Runtime;
use super::{fit, hardware, memory, speed};

/// Error statistics over a set of cases (relative errors, 0.05 = 5%).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ErrorStats {
    pub cases: usize,
    pub median: f64,
    pub p90: f64,
    pub worst: f64,
}

fn stats(mut errors: Vec<f64>) -> Option<ErrorStats> {
    if errors.is_empty() {
        return None;
    }
    errors.sort_by(f64::total_cmp);
    let at = |p: f64| errors[(((errors.len() - 1) as f64) * p).round() as usize];
    Some(ErrorStats {
        cases: errors.len(),
        median: at(0.5),
        p90: at(0.9),
        worst: errors[errors.len() - 1],
    })
}

/// One case: what was published, what the engine estimates.
#[derive(Clone, Debug, PartialEq)]
pub struct Case {
    pub label: String,
    pub published: f64,
    pub estimate: f64,
    pub source: String,
}

impl Case {
    pub fn error(&self) -> f64 {
        (self.estimate - self.published) / self.published
    }
}

/// Weights (parameters × bits ÷ 8) against every published GGUF file size.
pub fn weight_cases(dataset: &Dataset) -> Vec<Case> {
    dataset
        .file_sizes
        .iter()
        .filter_map(|f| {
            let m = dataset.model(&f.model)?;
            let format = dataset.weight_format(&f.format)?;
            Some(Case {
                label: format!("{} {}", m.name, format.name),
                published: f.file_gb,
                estimate: memory::weights_gb(
                    m.params.as_ref()?,
                    m.arch.as_ref()?,
                    format,
                    Runtime::LlamaCpp,
                ),
                source: f.source.clone(),
            })
        })
        .collect()
}

/// Decode estimates against every published measurement that names its model, format and
/// runtime, grouped as (llama.cpp, serving engines).
pub fn decode_cases(dataset: &Dataset) -> (Vec<Case>, Vec<Case>) {
    let mut local = Vec::new();
    let mut serving = Vec::new();
    for m in &dataset.measurements {
        let (Some(model), Some(format), Some(runtime)) = (
            m.model.as_deref().and_then(|id| dataset.model(id)),
            m.format.as_deref().and_then(|id| dataset.weight_format(id)),
            m.runtime.as_deref().and_then(Runtime::parse),
        ) else {
            continue;
        };
        let Some(facts) = model.open_facts() else {
            continue;
        };
        let cfg = Config {
            hardware: vec![DeviceChoice {
                device: DeviceRef::Known(m.device.clone()),
                count: m.count,
                reserved_gb: None,
            }],
            runtime,
            context_tokens: m.context.unwrap_or(2048).max(1024),
            ..Config::default()
        };
        let machine = hardware::resolve(dataset, &cfg);
        let w = memory::Workload {
            context_tokens: cfg.context_tokens,
            sessions: 1,
            kv_bytes_per_element: 2.0,
        };
        let f = fit::fit_at(&facts, &machine, &w, format);
        let Some(ceiling) = speed::decode_ceiling_tok_s(&facts, format, &f, &machine, 2.0) else {
            continue;
        };
        let case = Case {
            label: format!(
                "{} {} on {}×{} ({})",
                model.name,
                format.name,
                m.count,
                m.device,
                runtime.name()
            ),
            published: m.decode_tok_s,
            estimate: machine.decode.estimate(ceiling),
            source: m.source.clone(),
        };
        if runtime == Runtime::LlamaCpp {
            local.push(case)
        } else {
            serving.push(case)
        }
    }
    (local, serving)
}

pub fn error_stats(cases: &[Case]) -> Option<ErrorStats> {
    stats(cases.iter().map(|c| c.error().abs()).collect())
}
