//! Every runtime on the configuration's hardware, side by side: the memory it can use after its
//! share and overhead, how it splits the model, and its best open-weight model on the metric.
//! One analysis per runtime; the launch panel shows the table beside the command.

use super::analysis::analyze;
use super::config::Config;
use super::dataset::Dataset;

/// What each runtime can do with the configuration's hardware: usable memory after the
/// runtime's share and overhead, and its best open-weight model on the ranking metric.
#[derive(Clone, Debug, PartialEq)]
pub struct RuntimeOption {
    pub runtime: super::runtime::Runtime,
    pub devices: usize,
    pub free_gb: f64,
    pub best: Option<(String, f64, String)>,
    pub note: String,
}

pub fn runtime_options(dataset: &Dataset, cfg: &Config) -> Vec<RuntimeOption> {
    super::runtime::Runtime::ALL
        .into_iter()
        .map(|runtime| {
            let c = Config {
                runtime,
                show_proprietary: false,
                only_fits: true,
                selected: None,
                ..cfg.clone()
            };
            let a = analyze(dataset, &c);
            let best = a.best_row().and_then(|r| {
                Some((
                    r.model.id.clone(),
                    r.value?,
                    r.fit.as_ref()?.format_id.clone(),
                ))
            });
            let split = match runtime.split() {
                super::runtime::Split::Layers => "layers split by free memory",
                super::runtime::Split::Tensor => {
                    "every layer sharded equally: the smallest card bounds it"
                }
            };
            let note = if a.machine.units.is_empty() {
                format!("{} does not run on this hardware", runtime.name())
            } else if a.machine.units.len() > 1 {
                split.to_string()
            } else {
                String::new()
            };
            RuntimeOption {
                runtime,
                devices: a.machine.units.len(),
                free_gb: a.machine.free_gb(),
                best,
                note,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::config::DataDate;
    use crate::engine::runtime::Runtime;

    /// The seed's "PRO 6000 + RTX 5090 = 128 GB" tier per runtime (seed snapshot, SWE-Bench):
    /// llama.cpp splits layers over 95 + 31 GB and runs MiniMax-M2.5 at Q2_K; vLLM and SGLang
    /// shard every layer equally, so the 32 GB card caps each shard at 26.8 GB (53.6 GB in
    /// all): MiniMax-M2.5 is out of reach and the best they run is Qwen3-Coder-Next at NVFP4
    /// (45 GB of weights; both cards are Blackwell); MLX does not run on NVIDIA.
    #[test]
    fn pro6000_plus_5090_per_runtime() {
        let ds = Dataset::bundled();
        let cfg = Config {
            data: DataDate::Seed,
            ..Config::with_preset(ds.preset("pro6000-5090").unwrap())
        };
        let opts = runtime_options(ds, &cfg);
        let get = |r: Runtime| opts.iter().find(|o| o.runtime == r).unwrap();
        assert_eq!(
            get(Runtime::LlamaCpp)
                .best
                .as_ref()
                .map(|b| (b.0.as_str(), b.2.as_str())),
            Some(("minimax-m2.5", "q2_k"))
        );
        // 96 − 0.5 (the desktop on the first card) − 1 plus 32 − 1.
        assert!((get(Runtime::LlamaCpp).free_gb - 125.5).abs() < 1e-6);
        let vllm = get(Runtime::Vllm);
        assert_eq!(
            vllm.best.as_ref().map(|b| (b.0.as_str(), b.2.as_str())),
            Some(("qwen3-coder-next", "nvfp4"))
        );
        // 0.9 × 96 − 2 plus 0.9 × 32 − 2: the sum looks large, but each shard gets at most 26.8.
        assert!((vllm.free_gb - 111.2).abs() < 1e-6);
        assert!(vllm.note.contains("smallest card"));
        assert_eq!(get(Runtime::Mlx).devices, 0);
    }
}
