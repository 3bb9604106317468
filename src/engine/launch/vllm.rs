//! vLLM's `vllm serve`: the shared serving command (`serving.rs`) in vLLM's spelling.

use super::serving::Server;
use crate::engine::runtime::VLLM_GPU_MEMORY_UTILIZATION;

const VLLM_DOC: &str = "https://docs.vllm.ai/en/latest/configuration/engine_args.html";

/// Every flag the vLLM commands use, with the documentation that defines it.
pub(super) const FLAGS: &[(&str, &str)] = &[
    ("--tensor-parallel-size", VLLM_DOC),
    ("--pipeline-parallel-size", VLLM_DOC),
    ("--max-model-len", VLLM_DOC),
    ("--max-num-seqs", VLLM_DOC),
    ("--gpu-memory-utilization", VLLM_DOC),
    ("--kv-cache-dtype", VLLM_DOC),
    ("--quantization", VLLM_DOC),
    ("--host", VLLM_DOC),
    ("--port", VLLM_DOC),
];

pub(super) const SERVER: Server = Server {
    launcher: "vllm serve",
    tensor_flag: "--tensor-parallel-size",
    pipeline_flag: "--pipeline-parallel-size",
    context_flag: "--max-model-len",
    sessions_flag: "--max-num-seqs",
    memory_flag: "--gpu-memory-utilization",
    memory_fraction: VLLM_GPU_MEMORY_UTILIZATION,
    kv_flag: "--kv-cache-dtype",
    quantization_flag: "--quantization",
    port: 8000,
};

#[cfg(test)]
mod tests {
    use super::super::tests::{launch_for, launch_in};
    use crate::engine::analysis;
    use crate::engine::config::Config;
    use crate::engine::dataset::Dataset;
    use crate::engine::fixture;
    use crate::engine::runtime::Runtime;

    /// Eight rows of 16 data-centre GPUs under vLLM (issue 13, bug 10; the report was 128 H200
    /// for DeepSeek-V3): the fixture's 80-layer, 64-head model gets TP 8 × PP 16, not 128
    /// pipeline stages.
    #[test]
    fn many_gpus_get_tensor_times_pipeline_within_the_layers() {
        let ds = fixture::dataset();
        let cfg = Config {
            runtime: Runtime::Vllm,
            hardware: (0..8)
                .map(|_| crate::engine::config::DeviceChoice {
                    device: crate::engine::config::DeviceRef::Known("dc80".into()),
                    count: 16,
                    reserved_gb: None,
                })
                .collect(),
            ..Config::default()
        };
        let l = launch_in(ds, &cfg, "twin-large");
        assert!(
            l.command.contains("--tensor-parallel-size 8")
                && l.command.contains("--pipeline-parallel-size 16"),
            "{}",
            l.command
        );
    }

    #[test]
    fn vllm_command_uses_tensor_parallel_and_real_repos() {
        let ds = Dataset::bundled();
        let cfg = Config {
            runtime: Runtime::Vllm,
            kv: "fp8".into(),
            ..Config::with_preset(ds.preset("pro6000x2").unwrap())
        };
        let l = launch_for(&cfg, "qwen3-coder-30b-a3b");
        assert!(
            l.command
                .starts_with("vllm serve Qwen/Qwen3-Coder-30B-A3B-Instruct"),
            "{}",
            l.command
        );
        assert!(l.command.contains("--tensor-parallel-size 2"));
        assert!(l.command.contains("--max-model-len 65536"));
        assert!(l.command.contains("--kv-cache-dtype fp8"));
    }

    /// vLLM serves a native quantized checkpoint as published, with no "quantize it first" note
    /// (issue 13, bug 3): gpt-oss-120b's MXFP4 and Kimi K2.6's INT4.
    #[test]
    fn vllm_serves_native_checkpoints() {
        let ds = Dataset::bundled();
        for (preset, model, repo) in [
            ("pro6000", "gpt-oss-120b", "openai/gpt-oss-120b"),
            ("h200x8", "kimi-k2.6", "moonshotai/Kimi-K2.6"),
        ] {
            let cfg = Config {
                runtime: Runtime::Vllm,
                ..Config::with_preset(ds.preset(preset).unwrap())
            };
            let a = analysis::analyze(ds, &cfg);
            let row = a.rows.iter().find(|r| r.model.id == model).unwrap();
            let f = row.fit.as_ref().unwrap();
            assert_eq!(
                Some(f.format_id.as_str()),
                row.model.arch.as_ref().map(|a| a.native_format.as_str()),
                "{model}"
            );
            let l = launch_for(&cfg, model);
            assert!(
                l.command.starts_with(&format!("vllm serve {repo}")),
                "{}",
                l.command
            );
            assert!(
                l.notes.iter().all(|n| !n.contains("quantize it")),
                "{:?}",
                l.notes
            );
        }
    }
}
