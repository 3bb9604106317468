//! MLX's `mlx_lm.server`: a published MLX conversion in the fit's format, the original weights
//! MLX loads as they are, or a one-time `mlx_lm.convert` to a local folder.

use super::{Launch, Request};

const MLX_DOC: &str = "https://github.com/ml-explore/mlx-lm/blob/main/mlx_lm/SERVER.md";
const MLX_CONVERT_DOC: &str = "https://github.com/ml-explore/mlx-lm/blob/main/README.md";

/// Every flag the MLX commands and their conversion notes use, with the documentation.
pub(super) const FLAGS: &[(&str, &str)] = &[
    ("--model", MLX_DOC),
    ("--host", MLX_DOC),
    ("--port", MLX_DOC),
    ("--hf-path", MLX_CONVERT_DOC),
    ("--mlx-path", MLX_CONVERT_DOC),
    ("-q", MLX_CONVERT_DOC),
    ("--q-bits", MLX_CONVERT_DOC),
];

pub(super) fn launch(r: &Request<'_>) -> Launch {
    let hf = &r.hf;
    let mut notes = Vec::new();
    let served = match (r.checkpoint, r.format.and_then(|l| l.mlx_q_bits)) {
        (Some(repo), _) => repo.to_string(),
        // Weights MLX loads as published (BF16).
        (None, None) => hf.clone(),
        (None, Some(bits)) => {
            let local = format!("./{}-{bits}bit-mlx", hf.rsplit('/').next().unwrap_or(hf));
            notes.push(format!("Convert once, then serve the local folder: mlx_lm.convert --hf-path {hf} --mlx-path {local} -q --q-bits {bits}"));
            local
        }
    };
    if r.devices > 1 {
        notes.push("Several Macs: MLX's distributed mode (mlx.launch) is set up separately; the command serves one machine.".into());
    }
    Launch {
        command: [
            format!("mlx_lm.server --model {served}"),
            "--host 127.0.0.1 --port 8080".into(),
        ]
        .join(" "),
        notes,
        fit_command: None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::launch_for;
    use crate::engine::config::Config;
    use crate::engine::dataset::Dataset;
    use crate::engine::runtime::Runtime;

    /// MLX serves a Mac's model with mlx_lm.
    #[test]
    fn mlx_command_serves_with_mlx_lm() {
        let ds = Dataset::bundled();
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
}
