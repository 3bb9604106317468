//! llama.cpp's `llama-server`: a GGUF file from the repository that publishes the fit's tag (or
//! a conversion to make), whole layers per device as the placement splits them, experts in
//! system RAM (`--n-cpu-moe`) when the fit offloads them, and beside it the same server placed
//! by llama.cpp's own `--fit`.

use super::{Launch, Request};
use crate::engine::fit::FitStatus;

const LLAMA_DOC: &str = "https://github.com/ggml-org/llama.cpp/blob/master/tools/server/README.md";

/// Every flag the llama.cpp commands use, with the documentation that defines it.
pub(super) const FLAGS: &[(&str, &str)] = &[
    ("-hf", LLAMA_DOC),
    ("--model", LLAMA_DOC),
    ("--ctx-size", LLAMA_DOC),
    ("--parallel", LLAMA_DOC),
    ("--n-gpu-layers", LLAMA_DOC),
    ("--split-mode", LLAMA_DOC),
    ("--tensor-split", LLAMA_DOC),
    ("--n-cpu-moe", LLAMA_DOC),
    ("--cache-type-k", LLAMA_DOC),
    ("--cache-type-v", LLAMA_DOC),
    ("--flash-attn", LLAMA_DOC),
    ("--jinja", LLAMA_DOC),
    ("--host", LLAMA_DOC),
    ("--port", LLAMA_DOC),
    ("--fit", LLAMA_DOC),
    ("--fit-target", LLAMA_DOC),
    ("--fit-ctx", LLAMA_DOC),
];

/// llama.cpp's default free-memory margin per device for `--fit`, MiB (`--fit-target`).
pub const LLAMA_FIT_TARGET_MIB: u32 = 1024;

/// The placement flags llama.cpp's `--fit` chooses itself when they are left unset.
pub(super) const PLACEMENT_FLAGS: [&str; 4] = [
    "--n-gpu-layers",
    "--split-mode",
    "--tensor-split",
    "--n-cpu-moe",
];

/// `--n-gpu-layers` for "every layer": llama.cpp caps it at the model's layer count.
const ALL_LAYERS: u32 = 999;

pub(super) fn launch(r: &Request<'_>) -> Launch {
    let (model, fit) = (r.model, r.fit);
    let (ctx, n) = (r.ctx, r.sessions);
    let mut notes = Vec::new();
    let mut p = vec!["llama-server".to_string()];
    let tag = r
        .format
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
        ALL_LAYERS
    };
    p.push(format!("--n-gpu-layers {gpu_layers}"));
    if r.devices > 1 {
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
    if let Some(kv) = r.kv {
        p.push(format!("--cache-type-k {kv} --cache-type-v {kv}"));
    }
    p.push("--flash-attn on".into());
    p.push("--jinja --host 127.0.0.1 --port 8080".into());
    // The same server placed by llama.cpp itself: everything but the placement flags,
    // plus --fit with its default margin and the context as a floor it must keep.
    let fit_command = (fit.status != FitStatus::NoFit).then(|| {
        let kept: Vec<&str> = p
            .iter()
            .map(String::as_str)
            .filter(|part| !PLACEMENT_FLAGS.iter().any(|f| part.starts_with(f)))
            .collect();
        format!(
            "{} --fit on --fit-target {LLAMA_FIT_TARGET_MIB} --fit-ctx {}",
            kept.join(" "),
            ctx as u64 * n as u64
        )
    });
    Launch {
        command: p.join(" "),
        notes,
        fit_command,
    }
}

#[cfg(test)]
mod tests {
    use super::super::command;
    use super::super::tests::launch_for;
    use crate::engine::analysis;
    use crate::engine::config::{Config, QuantChoice};
    use crate::engine::dataset::Dataset;
    use crate::engine::fixture;

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
}
