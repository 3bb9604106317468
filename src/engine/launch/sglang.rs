//! SGLang's `python -m sglang.launch_server`: the shared serving command (`serving.rs`) in
//! SGLang's spelling.

use super::serving::Server;
use crate::engine::runtime::SGLANG_MEM_FRACTION_STATIC;

const SGLANG_DOC: &str = "https://docs.sglang.ai/advanced_features/server_arguments.html";

/// Every flag the SGLang commands use, with the documentation that defines it.
pub(super) const FLAGS: &[(&str, &str)] = &[
    (
        "-m",
        "https://docs.python.org/3/using/cmdline.html#cmdoption-m",
    ),
    ("--model-path", SGLANG_DOC),
    ("--tp", SGLANG_DOC),
    ("--pp-size", SGLANG_DOC),
    ("--context-length", SGLANG_DOC),
    ("--mem-fraction-static", SGLANG_DOC),
    ("--max-running-requests", SGLANG_DOC),
    ("--kv-cache-dtype", SGLANG_DOC),
    ("--quantization", SGLANG_DOC),
    ("--host", SGLANG_DOC),
    ("--port", SGLANG_DOC),
];

pub(super) const SERVER: Server = Server {
    launcher: "python -m sglang.launch_server --model-path",
    tensor_flag: "--tp",
    pipeline_flag: "--pp-size",
    context_flag: "--context-length",
    sessions_flag: "--max-running-requests",
    memory_flag: "--mem-fraction-static",
    memory_fraction: SGLANG_MEM_FRACTION_STATIC,
    kv_flag: "--kv-cache-dtype",
    quantization_flag: "--quantization",
    port: 30000,
};

#[cfg(test)]
mod tests {
    use super::super::tests::launch_for;
    use crate::engine::config::Config;
    use crate::engine::dataset::Dataset;
    use crate::engine::runtime::Runtime;

    /// SGLang spells everything its own way, the FP8 KV cache included (`fp8_e4m3`, the value
    /// quants.json gives it); the fit is FP8, so the command serves the model's published FP8
    /// checkpoint (its `repos.fp8`), tensor parallel over both cards.
    #[test]
    fn sglang_command_uses_its_own_spelling() {
        let ds = Dataset::bundled();
        let cfg = Config {
            runtime: Runtime::Sglang,
            kv: "fp8".into(),
            ..Config::with_preset(ds.preset("pro6000x2").unwrap())
        };
        let l = launch_for(&cfg, "qwen3-coder-30b-a3b");
        assert!(
            l.command.starts_with(
                "python -m sglang.launch_server --model-path Qwen/Qwen3-Coder-30B-A3B-Instruct-FP8 --tp 2 --context-length 65536 --max-running-requests 1 --mem-fraction-static 0.88 --kv-cache-dtype fp8_e4m3"
            ),
            "{}",
            l.command
        );
        assert!(l.command.ends_with("--host 127.0.0.1 --port 30000"));
    }
}
