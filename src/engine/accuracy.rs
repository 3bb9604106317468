//! How far the weights formula is from published GGUF file sizes. The method panel shows the
//! figures and tests/accuracy.rs bounds them; both call the functions here. The speed
//! estimates' errors are measured in `calibration`.

use super::calibration::Band;
use super::dataset::Dataset;
use super::memory;
use super::runtime::Runtime;

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

/// The cases' errors summarised (median, 90th percentile and worst of the absolute errors,
/// with the signed percentiles), as every other error figure is.
pub fn error_stats(cases: &[Case]) -> Option<Band> {
    Band::of(&cases.iter().map(Case::error).collect::<Vec<_>>())
}
