//! The method panel's formulas, written from the engine's own terms: every number in a worked
//! example is the value the engine computed (or the constant it used), so the text cannot drift
//! from the maths. The UI only lays the lines out.

use super::analysis::{Analysis, Row};
use super::config;
use super::dataset::{Dataset, TensorGroup};
use super::fit::MIN_SAVING;
use super::hardware::{DISPLAY_RESERVED_GB, RAM_RESERVED_FOR_OS_GB, SYSTEM_RAM_BANDWIDTH_GB_S};
use super::memory;
use super::placement::{Mode, TENSOR_PARALLEL_MAX};
use super::runtime::Runtime;
use super::speed;

/// One line of a worked example: what it computes, how, and the result.
#[derive(Clone, Debug, PartialEq)]
pub struct Term {
    /// A stable key (tests and the page's ids use it).
    pub key: &'static str,
    pub name: &'static str,
    /// The formula with the numbers filled in.
    pub formula: String,
    /// The result the engine uses, as a number and as text.
    pub value: f64,
    pub shown: String,
}

fn gb(x: f64) -> String {
    format!("{x:.2} GB")
}

/// The worked example for one row: weights per tensor group, KV cache per layer group, usable
/// memory and overhead per device, the verdict, and the speed terms.
pub fn worked(dataset: &Dataset, a: &Analysis<'_>, row: &Row<'_>) -> Option<Vec<Term>> {
    let f = row.fit.as_ref()?;
    let facts = row.model.open_facts()?;
    let format = dataset.weight_format(&f.format_id)?;
    let runtime = a.machine.runtime;
    let mut out = Vec::new();

    // Weights, per tensor group.
    let split = memory::tensor_split(facts.params, facts.arch);
    let w = memory::weight_bytes(facts.params, facts.arch, format, runtime);
    let groups = [
        (TensorGroup::Experts, split.experts_b, w.experts_gb),
        (TensorGroup::Dense, split.dense_b, w.dense_gb),
        (TensorGroup::Embeddings, split.embeddings_b, w.embeddings_gb),
    ];
    let parts: Vec<String> = groups
        .iter()
        .filter(|(_, b, _)| *b > 0.0)
        .map(|(g, b, _)| {
            let bits = memory::group_bits(facts.arch, format, *g, runtime);
            format!("{b:.2} B {} × {bits} bits", g.label())
        })
        .collect();
    out.push(Term {
        key: "weights",
        name: "Weights",
        formula: format!("({}) ÷ 8", parts.join(" + ")),
        value: f.memory.weights_gb,
        shown: gb(f.memory.weights_gb),
    });

    // KV cache, per layer group, at the context the fit used.
    let ctx = f.context_tokens as f64;
    let bytes = a.workload.kv_bytes_per_element;
    let mut per_session = 0.0;
    let mut lines = Vec::new();
    for g in &facts.arch.layer_groups {
        let elements = g.count as f64 * g.kind.kv_elements(ctx);
        let state = g.count as f64 * g.kind.state_elements();
        per_session +=
            elements * bytes + state * super::architecture::RECURRENT_STATE_BYTES_PER_ELEMENT;
        lines.push(if state > 0.0 {
            format!(
                "{} layers × {} = {state:.0} state elements × 4 B",
                g.count,
                g.kind.formula()
            )
        } else {
            format!(
                "{} layers × {} = {elements:.0} elements × {bytes} B",
                g.count,
                g.kind.formula()
            )
        });
    }
    let sessions = a.workload.sessions.max(1);
    out.push(Term {
        key: "kv",
        name: "KV cache",
        formula: format!(
            "tokens = {}: {}; per session {}, × {sessions} session(s)",
            f.context_tokens,
            lines.join(" + "),
            gb(per_session / super::units::BYTES_PER_GB)
        ),
        value: f.memory.kv_cache_gb,
        shown: gb(f.memory.kv_cache_gb),
    });

    // Usable memory and overhead, per distinct device.
    let mut seen: Vec<String> = Vec::new();
    let mut usable_parts = Vec::new();
    for u in &a.machine.units {
        let text = format!(
            "{}: {} GB{} × {} {} share{} = {}",
            u.name,
            u.memory_gb,
            if u.unified { " unified" } else { "" },
            runtime.memory_fraction(),
            runtime.name(),
            if u.reserved_gb > 0.0 {
                format!(", at most {} GB − {} GB in use", u.memory_gb, u.reserved_gb)
            } else {
                String::new()
            },
            gb(u.usable_gb)
        );
        if !seen.contains(&text) {
            seen.push(text.clone());
            usable_parts.push(text);
        }
    }
    out.push(Term {
        key: "usable",
        name: "Usable memory",
        formula: usable_parts.join("; "),
        value: a.machine.usable_gb(),
        shown: gb(a.machine.usable_gb()),
    });
    let overhead_each = runtime.overhead_gb();
    out.push(Term {
        key: "overhead",
        name: "Runtime overhead",
        formula: format!(
            "{overhead_each} GB per device ({}) × {} device(s)",
            runtime.name(),
            a.machine.units.len()
        ),
        value: f.memory.overhead_gb,
        shown: gb(f.memory.overhead_gb),
    });
    out.push(Term {
        key: "total",
        name: "Total",
        formula: format!(
            "{} + {} + {}; {} ({:+.1} GB)",
            gb(f.memory.weights_gb),
            gb(f.memory.kv_cache_gb),
            gb(f.memory.overhead_gb),
            f.status.label(),
            f.headroom_gb
        ),
        value: f.memory.total_gb(),
        shown: gb(f.memory.total_gb()),
    });

    // Placement.
    let placement = match (f.placement.mode, f.expert_offload) {
        (_, Some(x)) => format!(
            "every layer on the devices, the routed experts of {} layers ({}) in system RAM",
            x.cpu_layers,
            gb(x.cpu_gb)
        ),
        (Mode::Parallel { tensor, pipeline }, _) => format!(
            "tensor parallel over {tensor} GPU(s) × {pipeline} pipeline stage(s) (tensor parallelism within {TENSOR_PARALLEL_MAX} GPUs, dividing the {} heads; no more stages than {} layers)",
            facts.arch.attention_heads, facts.arch.layers
        ),
        (Mode::Layers, _) => format!(
            "whole layers by free memory: {}{}",
            f.placement
                .shares
                .iter()
                .map(|s| s.layers.to_string())
                .collect::<Vec<_>>()
                .join(" + "),
            if f.placement.rest_layers > 0 {
                format!(" on the devices, {} in system RAM", f.placement.rest_layers)
            } else {
                String::new()
            }
        ),
    };
    out.push(Term {
        key: "placement",
        name: "Placement",
        formula: placement,
        value: f.placement.gpu_layers() as f64,
        shown: format!(
            "{} of {} layers on the devices",
            f.placement.gpu_layers(),
            facts.arch.layers
        ),
    });

    // Speed.
    if let Some(ceiling) = row.decode_tok_s {
        let kv_session = memory::kv_cache_gb_per_session(facts.arch, f.context_tokens, bytes);
        let bandwidths: Vec<String> = a
            .machine
            .units
            .iter()
            .map(|u| format!("{}", u.bandwidth_gb_s))
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        out.push(Term {
            key: "decode_ceiling",
            name: "Decode ceiling",
            formula: format!(
                "bandwidth ({} GB/s{}) ÷ bytes per token (active weights {} + one session's KV cache {}), device by device in layer order",
                bandwidths.join(" / "),
                if f.offload_gb > 0.0 {
                    format!("; system RAM {SYSTEM_RAM_BANDWIDTH_GB_S} GB/s for what is offloaded")
                } else {
                    String::new()
                },
                gb(w.active_gb),
                gb(kv_session)
            ),
            value: ceiling,
            shown: format!("{ceiling:.1} tok/s (an upper bound)"),
        });
        if let Some(est) = row.decode_est_tok_s {
            out.push(Term {
                key: "decode_estimate",
                name: "Decode estimate",
                formula: format!(
                    "{ceiling:.1} tok/s × {} ({})",
                    a.efficiency,
                    if a.calibrated {
                        "your own measurement"
                    } else {
                        "the median share of the ceiling the published measurements reach"
                    }
                ),
                value: est,
                shown: format!("{est:.1} tok/s"),
            });
        }
    }
    if let Some(ttft) = row.ttft_s {
        let flops = speed::prefill_flops(&facts, a.prompt_tokens);
        let compute: Vec<String> = a
            .machine
            .units
            .iter()
            .filter_map(|u| {
                u.fp16_tflops
                    .map(|t| format!("{t} TFLOPS × {:.2}", u.prefill_mfu))
            })
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        out.push(Term {
            key: "ttft",
            name: "Time to first token",
            formula: format!(
                "prefill {:.1} TFLOP ({} prompt tokens: 2 × active parameters per token + attention) ÷ ({})",
                flops / 1e12,
                a.prompt_tokens,
                compute.join(" / ")
            ),
            value: ttft,
            shown: format!("{ttft:.1} s"),
        });
    }
    Some(out)
}

/// The rules and constants the answers use for this runtime, each from the engine's own
/// constants.
pub fn rules(dataset: &Dataset, a: &Analysis<'_>) -> Vec<String> {
    let r = a.machine.runtime;
    let mut out = vec![
        format!(
            "Runtime overhead under {}: {} GB per device ({}).",
            r.name(),
            r.overhead_gb(),
            match r {
                Runtime::Vllm | Runtime::Sglang =>
                    "activations at the maximum batch and CUDA graphs, inside the runtime's share (assumed)",
                Runtime::LlamaCpp | Runtime::Mlx =>
                    "the CUDA / Metal context and compute buffers at the default batch (assumed)",
            }
        ),
        format!(
            "Memory share: {} claims {:.0}% of each device's memory{}; memory already in use (a desktop: {DISPLAY_RESERVED_GB} GB by default on the first card with display outputs) is never counted as free.",
            r.name(),
            r.memory_fraction() * 100.0,
            match r {
                Runtime::Vllm => " (--gpu-memory-utilization)",
                Runtime::Sglang => " (--mem-fraction-static)",
                _ => "",
            }
        ),
        "Unified memory (Macs, DGX Spark, Strix Halo): only the GPU share is usable (75% by default; adjustable); system RAM does not add to it.".into(),
    ];
    if r == Runtime::LlamaCpp {
        out.push(format!(
            "Offload (llama.cpp): a mixture-of-experts model keeps every layer on the devices and moves the routed experts of the fewest layers to system RAM (--n-cpu-moe); other models move whole layers. System RAM counts after {RAM_RESERVED_FOR_OS_GB} GB for the OS and is read at {SYSTEM_RAM_BANDWIDTH_GB_S} GB/s."
        ));
    }
    out.push(format!(
        "Best that fits: the model's own checkpoint first, then formats that make the weights at least {:.0}% smaller, best quality first; a group already quantized is never re-quantized to the same width. Unless 16-bit weights are allowed, an 8-bit format is chosen over BF16 where it fits.",
        MIN_SAVING * 100.0
    ));
    out.push(format!(
        "Speed floor: the headline model must reach {} tok/s (estimated); a higher-scoring model below it is named, not recommended. Default {} tok/s.",
        a.min_tok_s,
        config::DEFAULT_MIN_TOK_S
    ));
    let cal = &dataset.calibration;
    let groups: Vec<String> = cal
        .decode_groups()
        .iter()
        .filter(|(v, r, _)| v.is_some() && r.is_some())
        .map(|(v, r, f)| {
            format!(
                "{} under {}: {:.2} of the ceiling + {:.1} ms per token ({} cases)",
                v.map_or("all", |v| v.name()),
                r.map_or("all", |r| r.name()),
                f.efficiency,
                f.fixed_ms,
                f.cases
            )
        })
        .collect();
    out.push(format!(
        "Decode estimate = 1 ÷ (1 ÷ (ceiling × efficiency) + fixed cost per token), fitted on the published measurements per device vendor and runtime (falling back to the runtime's, then the vendor's, then all cases): {}. Here: {:.2} and {:.1} ms.",
        if groups.is_empty() { "no group has enough cases".to_string() } else { groups.join("; ") },
        a.decode_fit.efficiency,
        a.decode_fit.fixed_ms
    ));
    out.push(format!(
        "Prefill reaches {} of peak FP16 tensor throughput (median of the published cases per vendor).",
        cal.prefill_groups()
            .iter()
            .map(|(v, m, n)| format!("{} {m:.2} ({n} cases)", v.map_or("all", |v| v.name())))
            .collect::<Vec<_>>()
            .join(", ")
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::analysis;
    use crate::engine::config::{Config, QuantChoice};

    fn terms(cfg: &Config, model: &str) -> Vec<Term> {
        let ds = Dataset::bundled();
        let a = analysis::analyze(ds, cfg);
        let row = a.rows.iter().find(|r| r.model.id == model).unwrap();
        worked(ds, &a, row).unwrap()
    }

    fn term<'t>(t: &'t [Term], key: &str) -> &'t Term {
        t.iter()
            .find(|t| t.key == key)
            .unwrap_or_else(|| panic!("no {key} in {t:?}"))
    }

    /// The panel's numbers are the engine's (issue 13, bug 12): vLLM's overhead is its 2 GB per
    /// device, not llama.cpp's 1 GB; the KV line adds up to the fit's KV cache, sliding layers
    /// at their window; the weights line to the fit's weights.
    #[test]
    fn worked_example_is_the_engine_s_numbers() {
        let ds = Dataset::bundled();
        let vllm = Config {
            runtime: Runtime::Vllm,
            ..Config::default()
        };
        let t = terms(&vllm, "gpt-oss-120b");
        assert!(
            term(&t, "overhead")
                .formula
                .starts_with("2 GB per device (vLLM)")
        );
        let a = analysis::analyze(ds, &vllm);
        assert!(rules(ds, &a)[0].contains("2 GB per device"));
        let local = Config {
            quant: QuantChoice::Auto,
            ..Config::default()
        };
        let t = terms(&local, "gpt-oss-120b");
        assert!(
            term(&t, "overhead")
                .formula
                .starts_with("1 GB per device (llama.cpp)")
        );
        // 18 sliding layers × min(tokens, 128) and 18 full layers × tokens, at 64k.
        let kv = term(&t, "kv");
        assert!(
            kv.formula.contains("18 layers × min(tokens, 128)"),
            "{}",
            kv.formula
        );
        assert!(
            kv.formula
                .contains(&format!("= {:.0} elements", 18.0 * 128.0 * 8.0 * 128.0)),
            "{}",
            kv.formula
        );
        let a = analysis::analyze(ds, &local);
        let row = a
            .rows
            .iter()
            .find(|r| r.model.id == "gpt-oss-120b")
            .unwrap();
        let f = row.fit.as_ref().unwrap();
        assert_eq!(kv.value, f.memory.kv_cache_gb);
        assert_eq!(term(&t, "weights").value, f.memory.weights_gb);
        assert!(
            term(&t, "weights")
                .formula
                .contains("routed experts × 4.25 bits")
        );
        assert_eq!(term(&t, "total").value, f.memory.total_gb());
        assert_eq!(term(&t, "decode_ceiling").value, row.decode_tok_s.unwrap());
        assert_eq!(
            term(&t, "decode_estimate").value,
            row.decode_est_tok_s.unwrap()
        );
        assert!(row.ttft_s.is_none() && t.iter().all(|t| t.key != "ttft"));
        // A device with a compute figure gets the time to first token, the engine's own.
        let c = Config::with_preset(ds.preset("rtx5090").unwrap());
        let t = terms(&c, "qwen3.6-27b");
        let a = analysis::analyze(ds, &c);
        let row = a.rows.iter().find(|r| r.model.id == "qwen3.6-27b").unwrap();
        assert_eq!(term(&t, "ttft").value, row.ttft_s.unwrap());
        assert!(term(&t, "usable").formula.contains("0.5 GB in use"));
    }
}
