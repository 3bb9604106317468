//! The command line that serves the selected model with the chosen runtime, matching the
//! engine's placement (split, layers, expert offload, context, sessions, KV precision).
//!
//! Every flag used is listed in [`FLAGS`] with the documentation that defines it; a test
//! checks that generated commands use no other flag.

use super::dataset::{Dataset, Model};
use super::fit::Fit;
use super::hardware::Machine;
use super::memory::Workload;
use super::placement::Mode;
use super::runtime::{Runtime, SGLANG_MEM_FRACTION_STATIC, VLLM_GPU_MEMORY_UTILIZATION};

const LLAMA_DOC: &str = "https://github.com/ggml-org/llama.cpp/blob/master/tools/server/README.md";
const VLLM_DOC: &str = "https://docs.vllm.ai/en/latest/configuration/engine_args.html";
const SGLANG_DOC: &str = "https://docs.sglang.ai/advanced_features/server_arguments.html";
const MLX_DOC: &str = "https://github.com/ml-explore/mlx-lm/blob/main/mlx_lm/SERVER.md";
const MLX_CONVERT_DOC: &str = "https://github.com/ml-explore/mlx-lm/blob/main/README.md";

/// Every flag the commands use: (runtime, flag, documentation).
pub const FLAGS: &[(Runtime, &str, &str)] = &[
    (Runtime::LlamaCpp, "-hf", LLAMA_DOC),
    (Runtime::LlamaCpp, "--model", LLAMA_DOC),
    (Runtime::LlamaCpp, "--ctx-size", LLAMA_DOC),
    (Runtime::LlamaCpp, "--parallel", LLAMA_DOC),
    (Runtime::LlamaCpp, "--n-gpu-layers", LLAMA_DOC),
    (Runtime::LlamaCpp, "--split-mode", LLAMA_DOC),
    (Runtime::LlamaCpp, "--tensor-split", LLAMA_DOC),
    (Runtime::LlamaCpp, "--n-cpu-moe", LLAMA_DOC),
    (Runtime::LlamaCpp, "--cache-type-k", LLAMA_DOC),
    (Runtime::LlamaCpp, "--cache-type-v", LLAMA_DOC),
    (Runtime::LlamaCpp, "--flash-attn", LLAMA_DOC),
    (Runtime::LlamaCpp, "--jinja", LLAMA_DOC),
    (Runtime::LlamaCpp, "--host", LLAMA_DOC),
    (Runtime::LlamaCpp, "--port", LLAMA_DOC),
    (Runtime::LlamaCpp, "--fit", LLAMA_DOC),
    (Runtime::LlamaCpp, "--fit-target", LLAMA_DOC),
    (Runtime::LlamaCpp, "--fit-ctx", LLAMA_DOC),
    (Runtime::Vllm, "--tensor-parallel-size", VLLM_DOC),
    (Runtime::Vllm, "--pipeline-parallel-size", VLLM_DOC),
    (Runtime::Vllm, "--max-model-len", VLLM_DOC),
    (Runtime::Vllm, "--max-num-seqs", VLLM_DOC),
    (Runtime::Vllm, "--gpu-memory-utilization", VLLM_DOC),
    (Runtime::Vllm, "--kv-cache-dtype", VLLM_DOC),
    (Runtime::Vllm, "--quantization", VLLM_DOC),
    (Runtime::Vllm, "--host", VLLM_DOC),
    (Runtime::Vllm, "--port", VLLM_DOC),
    (
        Runtime::Sglang,
        "-m",
        "https://docs.python.org/3/using/cmdline.html#cmdoption-m",
    ),
    (Runtime::Sglang, "--model-path", SGLANG_DOC),
    (Runtime::Sglang, "--tp", SGLANG_DOC),
    (Runtime::Sglang, "--pp-size", SGLANG_DOC),
    (Runtime::Sglang, "--context-length", SGLANG_DOC),
    (Runtime::Sglang, "--mem-fraction-static", SGLANG_DOC),
    (Runtime::Sglang, "--max-running-requests", SGLANG_DOC),
    (Runtime::Sglang, "--kv-cache-dtype", SGLANG_DOC),
    (Runtime::Sglang, "--quantization", SGLANG_DOC),
    (Runtime::Sglang, "--host", SGLANG_DOC),
    (Runtime::Sglang, "--port", SGLANG_DOC),
    (Runtime::Mlx, "--model", MLX_DOC),
    (Runtime::Mlx, "--host", MLX_DOC),
    (Runtime::Mlx, "--port", MLX_DOC),
    (Runtime::Mlx, "--hf-path", MLX_CONVERT_DOC),
    (Runtime::Mlx, "--mlx-path", MLX_CONVERT_DOC),
    (Runtime::Mlx, "-q", MLX_CONVERT_DOC),
    (Runtime::Mlx, "--q-bits", MLX_CONVERT_DOC),
];

/// A ready-to-paste command plus what the user should know about it.
#[derive(Clone, Debug, PartialEq)]
pub struct Launch {
    pub command: String,
    pub notes: Vec<String>,
    /// llama.cpp only: the same server with llama.cpp's own fitting (`--fit on`) instead of the
    /// engine's placement flags; it keeps the requested context (`--fit-ctx`).
    pub fit_command: Option<String>,
}

/// llama.cpp's default free-memory margin per device for `--fit`, MiB (`--fit-target`).
pub const LLAMA_FIT_TARGET_MIB: u32 = 1024;

/// The placement flags llama.cpp's `--fit` chooses itself when they are left unset.
const PLACEMENT_FLAGS: [&str; 4] = [
    "--n-gpu-layers",
    "--split-mode",
    "--tensor-split",
    "--n-cpu-moe",
];

/// The command for `model` at `fit` on `machine`. `None` for proprietary models.
pub fn command(
    dataset: &Dataset,
    model: &Model,
    fit: &Fit,
    machine: &Machine,
    workload: &Workload,
) -> Option<Launch> {
    model.open_facts()?;
    let mut notes = Vec::new();
    let ctx = fit.context_tokens;
    let n = workload.sessions.max(1);
    // The KV flag's value for the workload's precision; none for the runtime's default.
    let kv = dataset
        .kv_formats
        .iter()
        .find(|k| {
            (k.bytes_per_element - workload.kv_bytes_per_element).abs() < 1e-9
                && machine.runtime.supports_kv(k)
        })
        .and_then(|k| k.cache_dtype.get(machine.runtime.id()))
        .map(String::as_str);
    let facts = dataset.weight_format(&fit.format_id).map(|f| &f.launch);
    let hf = model.repos.hf.clone().unwrap_or_else(|| model.id.clone());
    // A published checkpoint already in the fit's format, served as it is.
    let checkpoint = facts
        .and_then(|l| l.checkpoint)
        .and_then(|c| model.repos.checkpoint(c));
    let missing_note = facts
        .and_then(|l| l.missing_checkpoint_note.as_deref())
        .map(|n| n.replace("{model}", &model.name));
    let devices = machine.units.len().max(1);
    let mut fit_command = None;
    let parts: Vec<String> = match machine.runtime {
        Runtime::LlamaCpp => {
            let mut p = vec!["llama-server".to_string()];
            let tag = facts
                .and_then(|l| l.gguf_tag.clone())
                .unwrap_or_else(|| fit.format_id.to_ascii_uppercase());
            match model.repos.gguf_for(&tag) {
                Some((repo, false)) => p.push(format!("-hf {repo}")),
                Some((repo, true)) => p.push(format!("-hf {repo}:{tag}")),
                None => {
                    let base = model.repos.hf.as_deref().unwrap_or(&model.id);
                    let file = format!("{}-{}.gguf", base.rsplit('/').next().unwrap_or(base), tag);
                    notes.push(format!(
                        "No GGUF repository the dataset knows publishes {} at {tag}: convert {base} with llama.cpp's convert_hf_to_gguf.py and llama-quantize to {file}.",
                        model.name
                    ));
                    p.push(format!("--model {file}"));
                }
            }
            // llama-server's context is shared by its slots: each session gets ctx-size / parallel.
            p.push(format!("--ctx-size {}", ctx as u64 * n as u64));
            p.push(format!("--parallel {n}"));
            let gpu_layers = if fit.placement.rest_layers > 0 {
                fit.placement.gpu_layers()
            } else {
                999
            };
            p.push(format!("--n-gpu-layers {gpu_layers}"));
            if devices > 1 {
                let split: Vec<String> = fit
                    .placement
                    .shares
                    .iter()
                    .map(|s| s.layers.to_string())
                    .collect();
                p.push("--split-mode layer".into());
                p.push(format!("--tensor-split {}", split.join(",")));
            }
            if let Some(x) = fit.expert_offload {
                p.push(format!("--n-cpu-moe {}", x.cpu_layers));
            }
            if let Some(kv) = kv {
                p.push(format!("--cache-type-k {kv} --cache-type-v {kv}"));
            }
            p.push("--flash-attn on".into());
            p.push("--jinja --host 127.0.0.1 --port 8080".into());
            // The same server placed by llama.cpp itself: everything but the placement flags,
            // plus --fit with its default margin and the context as a floor it must keep.
            if fit.status != super::fit::FitStatus::NoFit {
                let kept: Vec<&str> = p
                    .iter()
                    .map(String::as_str)
                    .filter(|part| !PLACEMENT_FLAGS.iter().any(|f| part.starts_with(f)))
                    .collect();
                fit_command = Some(format!(
                    "{} --fit on --fit-target {LLAMA_FIT_TARGET_MIB} --fit-ctx {}",
                    kept.join(" "),
                    ctx as u64 * n as u64
                ));
            }
            p
        }
        Runtime::Vllm | Runtime::Sglang => {
            let vllm = machine.runtime == Runtime::Vllm;
            let native = model.arch.as_ref().map(|a| a.native_format.as_str());
            let on_load = facts.and_then(|l| l.quantize_on_load.as_deref());
            let (repo, quant) = if Some(fit.format_id.as_str()) == native {
                // The model's own checkpoint already is this format: serve it as published.
                (hf, None)
            } else if let Some(repo) = checkpoint {
                (repo.to_string(), None)
            } else if on_load.is_some() {
                // Converted while loading: the note goes with `--quantization` below.
                (hf, on_load)
            } else {
                notes.extend(missing_note.clone());
                (hf, None)
            };
            let mut p = if vllm {
                vec![format!("vllm serve {repo}")]
            } else {
                vec![format!(
                    "python -m sglang.launch_server --model-path {repo}"
                )]
            };
            if let Mode::Parallel { tensor, pipeline } = fit.placement.mode {
                if tensor > 1 {
                    p.push(if vllm {
                        format!("--tensor-parallel-size {tensor}")
                    } else {
                        format!("--tp {tensor}")
                    });
                }
                if pipeline > 1 {
                    notes.push(format!(
                        "Tensor parallelism stays within {tensor} GPUs (one node's NVLink domain, dividing the {} attention heads); {pipeline} pipeline stages run one after another.",
                        model.arch.as_ref().map_or(0, |a| a.attention_heads)
                    ));
                    p.push(if vllm {
                        format!("--pipeline-parallel-size {pipeline}")
                    } else {
                        format!("--pp-size {pipeline}")
                    });
                }
                let used = (tensor * pipeline) as usize;
                if used < devices {
                    notes.push(format!(
                        "{used} of the {devices} GPUs are used: no tensor × pipeline arrangement of all of them divides the heads with no more stages than the model's layers."
                    ));
                }
            }
            p.push(if vllm {
                format!("--max-model-len {ctx}")
            } else {
                format!("--context-length {ctx}")
            });
            p.push(if vllm {
                format!("--max-num-seqs {n}")
            } else {
                format!("--max-running-requests {n}")
            });
            p.push(if vllm {
                format!("--gpu-memory-utilization {VLLM_GPU_MEMORY_UTILIZATION:.2}")
            } else {
                format!("--mem-fraction-static {SGLANG_MEM_FRACTION_STATIC:.2}")
            });
            if let Some(kv) = kv {
                p.push(format!("--kv-cache-dtype {kv}"));
            }
            if let Some(q) = quant {
                notes.extend(missing_note);
                p.push(format!("--quantization {q}"));
            }
            p.push(if vllm {
                "--host 127.0.0.1 --port 8000".into()
            } else {
                "--host 127.0.0.1 --port 30000".into()
            });
            p
        }
        Runtime::Mlx => {
            let served = match (checkpoint, facts.and_then(|l| l.mlx_q_bits)) {
                (Some(repo), _) => repo.to_string(),
                // Weights MLX loads as published (BF16).
                (None, None) => hf.clone(),
                (None, Some(bits)) => {
                    let local = format!("./{}-{bits}bit-mlx", hf.rsplit('/').next().unwrap_or(&hf));
                    notes.push(format!("Convert once, then serve the local folder: mlx_lm.convert --hf-path {hf} --mlx-path {local} -q --q-bits {bits}"));
                    local
                }
            };
            if devices > 1 {
                notes.push("Several Macs: MLX's distributed mode (mlx.launch) is set up separately; the command serves one machine.".into());
            }
            vec![
                format!("mlx_lm.server --model {served}"),
                "--host 127.0.0.1 --port 8080".into(),
            ]
        }
    };
    Some(Launch {
        command: parts.join(" "),
        notes,
        fit_command,
    })
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
    use crate::engine::config::{Config, QuantChoice};
    use crate::engine::{analysis, fixture, runtime::Runtime};

    fn launch_for(cfg: &Config, model: &str) -> Launch {
        launch_in(Dataset::bundled(), cfg, model)
    }

    /// The command for `model` under `cfg` on a dataset (the bundled one or the fixture).
    fn launch_in(ds: &Dataset, cfg: &Config, model: &str) -> Launch {
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
                        fit_flags.iter().all(|f| !PLACEMENT_FLAGS.contains(f)),
                        "{:?}",
                        l.fit_command
                    );
                    for flag in flags_in(&l.command).into_iter().chain(fit_flags) {
                        assert!(
                            FLAGS.iter().any(|(rt, f, _)| *rt == runtime && *f == flag),
                            "{}: undocumented flag {flag} in `{}`",
                            runtime.name(),
                            l.command
                        );
                    }
                    for n in &l.notes {
                        for flag in flags_in(n).into_iter().filter(|f| f.starts_with("--")) {
                            assert!(
                                FLAGS.iter().any(|(_, f, _)| *f == flag),
                                "undocumented flag {flag} in note `{n}`"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn llama_cpp_command_matches_the_placement() {
        let ds = Dataset::bundled();
        // Two different cards: a layer split in proportion to free memory.
        let cfg = Config {
            sessions: 2,
            kv: "q8_0".into(),
            ..Config::with_preset(ds.preset("pro6000-5090").unwrap())
        };
        let l = launch_for(&cfg, "qwen3-coder-30b-a3b");
        // BF16 fits too, but Q8_0 is the default where it fits (issue 13, section 2).
        assert!(
            l.command
                .starts_with("llama-server -hf unsloth/Qwen3-Coder-30B-A3B-Instruct-GGUF:Q8_0"),
            "{}",
            l.command
        );
        let full = launch_for(
            &Config {
                full_precision: true,
                ..cfg.clone()
            },
            "qwen3-coder-30b-a3b",
        );
        assert!(full.command.contains("GGUF:BF16"), "{}", full.command);
        assert!(
            l.command.contains("--ctx-size 131072 --parallel 2"),
            "{}",
            l.command
        );
        assert!(
            l.command.contains("--split-mode layer --tensor-split "),
            "{}",
            l.command
        );
        assert!(
            l.command
                .contains("--cache-type-k q8_0 --cache-type-v q8_0")
        );
        // Expert offload for a MoE that does not fit: --n-cpu-moe with the engine's layer count.
        let cfg = Config {
            ram_gb: 256.0,
            quant: QuantChoice::Fixed("q4_k_m".into()),
            ..Config::default()
        };
        let a = analysis::analyze(ds, &cfg);
        let row = a
            .rows
            .iter()
            .find(|r| r.model.id == "minimax-m2.5")
            .unwrap();
        let x = row
            .fit
            .as_ref()
            .unwrap()
            .expert_offload
            .expect("expert offload");
        let l = launch_for(&cfg, "minimax-m2.5");
        assert!(
            l.command.contains(&format!("--n-cpu-moe {}", x.cpu_layers)),
            "{}",
            l.command
        );
    }

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

    /// llama.cpp's own fitting on its documented case (issue 13, section 2): llama-fit-params
    /// for Qwen3.5-35B-A3B at Q4_K_M, 64k context, on a 16 GB RTX 4070 Ti SUPER printed
    /// `-c 65536 -ngl 41` (all 40 layers and the output) with the experts of blocks 22–39 on the
    /// CPU (block 22 in part): 17–18 layers' experts
    /// (https://github.com/lmstudio-ai/lmstudio-bug-tracker/issues/1673). The engine keeps every
    /// layer on the card and sends the experts of about as many layers to RAM, and offers the
    /// `--fit` command beside its own.
    #[test]
    fn placement_agrees_with_llama_fit_params() {
        let ds = Dataset::bundled();
        let cfg = Config {
            hardware: vec![crate::engine::config::DeviceChoice {
                device: crate::engine::config::DeviceRef::Custom {
                    memory_gb: 16.0,
                    bandwidth_gb_s: 672.0,
                    unified: false,
                },
                count: 1,
                reserved_gb: None,
            }],
            ram_gb: 64.0,
            quant: QuantChoice::Fixed("q4_k_m".into()),
            ..Config::default()
        };
        let a = analysis::analyze(ds, &cfg);
        let row = a
            .rows
            .iter()
            .find(|r| r.model.id == "qwen3.5-35b-a3b")
            .unwrap();
        let fit = row.fit.as_ref().unwrap();
        let x = fit.expert_offload.expect("expert offload");
        assert_eq!(fit.placement.rest_layers, 0);
        // Within two layers of the documented 17–18 (the engine gives 16).
        assert!((15..=20).contains(&x.cpu_layers), "{x:?}");
        let l = launch_for(&cfg, "qwen3.5-35b-a3b");
        let f = l.fit_command.expect("a --fit command");
        assert!(
            f.contains("--fit on --fit-target 1024 --fit-ctx 65536") && !f.contains("--n-cpu-moe"),
            "{f}"
        );
    }

    /// Expert offload keeps every layer on the devices (issue 13, bug 8): the command offloads
    /// experts only (`--n-gpu-layers 999` with `--n-cpu-moe`), the placement has no whole
    /// layers in RAM, each device holds what it is given, and what RAM holds is the experts.
    #[test]
    fn expert_offload_is_one_placement_end_to_end() {
        // Fixture: the 30B MoE does not fit one 24 GB card whole at Q4_K_M with 64k of KV, nor
        // two at Q8_0 with 256k: its experts go to RAM layer by layer.
        let ds = fixture::dataset();
        for (count, format, context) in [(1, "q4_k_m", 65_536), (2, "q8_0", 262_144)] {
            let preset = format!("{count}× card24 at {format}");
            let cfg = Config {
                ram_gb: 256.0,
                context_tokens: context,
                quant: QuantChoice::Fixed(format.into()),
                ..fixture::config("card24", count)
            };
            let a = analysis::analyze(ds, &cfg);
            let row = a.rows.iter().find(|r| r.model.id == "moe-30b").unwrap();
            let fit = row.fit.as_ref().unwrap();
            let x = fit.expert_offload.expect("expert offload");
            assert_eq!(fit.placement.rest_layers, 0, "{preset}: {fit:?}");
            let layers = row.model.arch.as_ref().unwrap().layers;
            assert_eq!(fit.placement.gpu_layers(), layers, "{preset}");
            for s in &fit.placement.shares {
                assert!(s.used_gb() <= s.usable_gb + 1e-9, "{preset}: {s:?}");
            }
            let on_devices: f64 = fit.placement.shares.iter().map(|s| s.weights_gb).sum();
            assert!((on_devices + x.cpu_gb - fit.memory.weights_gb).abs() < 1e-6);
            let ram = fit.ram_share().unwrap();
            assert!(ram.experts_only && (ram.weights_gb - x.cpu_gb).abs() < 1e-9);
            let l = command(ds, row.model, fit, &a.machine, &a.workload).unwrap();
            assert!(
                l.command.contains("--n-gpu-layers 999")
                    && l.command.contains(&format!("--n-cpu-moe {}", x.cpu_layers)),
                "{preset}: {}",
                l.command
            );
        }
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
        let cfg = Config {
            runtime: Runtime::Mlx,
            ..Config::with_preset(ds.preset("mac256").unwrap())
        };
        let l = launch_for(&cfg, "qwen3-coder-30b-a3b");
        assert!(
            l.command.starts_with("mlx_lm.server --model "),
            "{}",
            l.command
        );
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
