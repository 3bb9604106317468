//! models.dev model files (`models/<lab>/<model>.toml`, MIT): release date, open-weights flag,
//! context limit, weight repositories and benchmark figures with their source, date, harness,
//! version, variant and dataset.

use serde::Deserialize;

#[derive(Clone, Debug, Deserialize)]
pub struct ModelFile {
    pub name: String,
    #[serde(default)]
    pub release_date: Option<String>,
    #[serde(default)]
    pub last_updated: Option<String>,
    #[serde(default)]
    pub open_weights: Option<bool>,
    #[serde(default)]
    pub limit: Option<Limit>,
    #[serde(default)]
    pub weights: Vec<Weights>,
    #[serde(default)]
    pub benchmarks: Vec<BenchFigure>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Limit {
    #[serde(default)]
    pub context: Option<u64>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Weights {
    #[serde(default)]
    pub label: Option<String>,
    pub url: String,
}

/// One `[[benchmarks]]` entry, as the file writes it.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct BenchFigure {
    pub name: String,
    pub score: f64,
    #[serde(default)]
    pub metric: Option<String>,
    #[serde(default)]
    pub harness: Option<String>,
    #[serde(default)]
    pub version: Option<String>,
    #[serde(default)]
    pub variant: Option<String>,
    #[serde(default)]
    pub dataset: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub date: Option<String>,
}

/// Parses one model file; an error names the file.
pub fn parse(path: &str, text: &str) -> Result<ModelFile, String> {
    toml::from_str(text).map_err(|e| format!("{path}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Transcribed from models.dev's `models/alibaba/qwen3.6-27b.toml` (trimmed).
    const QWEN: &str = r#"
name = "Qwen3.6 27B"
release_date = "2026-04-22"
last_updated = "2026-04-22"
open_weights = true

[limit]
context = 262_144
output = 65_536

[[weights]]
label = "Hugging Face"
url = "https://huggingface.co/Qwen/Qwen3.6-27B"

[[benchmarks]]
name = "SWE-Bench Verified"
score = 77.2
metric = "resolved"
source = "https://huggingface.co/Qwen/Qwen3.6-27B"
"#;

    #[test]
    fn reads_a_model_file() {
        let m = parse("x.toml", QWEN).unwrap();
        assert_eq!(m.name, "Qwen3.6 27B");
        assert_eq!(m.open_weights, Some(true));
        assert_eq!(m.limit.unwrap().context, Some(262_144));
        assert_eq!(m.benchmarks.len(), 1);
        assert_eq!(m.benchmarks[0].score, 77.2);
        assert_eq!(m.weights[0].url, "https://huggingface.co/Qwen/Qwen3.6-27B");
    }

    #[test]
    fn a_broken_file_names_itself() {
        let e = parse("models/x/y.toml", "name = ").unwrap_err();
        assert!(e.starts_with("models/x/y.toml"), "{e}");
    }
}
