//! Inference runtimes and what each can do: which weight formats and KV-cache precisions it
//! runs, on which devices, how much of each device's memory it may use, and how it splits a
//! model over several devices.

use super::dataset::{KvFormat, WeightFormat};

/// vLLM's default `--gpu-memory-utilization` (share of each GPU it claims).
/// Source: https://docs.vllm.ai/en/latest/configuration/engine_args.html
pub const VLLM_GPU_MEMORY_UTILIZATION: f64 = 0.90;
/// SGLang's `--mem-fraction-static` typical default for large GPUs.
/// Source: https://docs.sglang.ai/advanced_features/server_arguments.html
pub const SGLANG_MEM_FRACTION_STATIC: f64 = 0.88;
/// Memory a serving engine keeps per GPU beyond weights and KV cache inside its share
/// (activations at the maximum batch, CUDA graphs). An assumption, per device.
pub const SERVING_ACTIVATION_GB: f64 = 2.0;
/// llama.cpp / MLX per-device context and compute buffers (see memory.rs).
pub const LOCAL_OVERHEAD_GB: f64 = super::memory::RUNTIME_OVERHEAD_GB_PER_DEVICE;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Runtime {
    LlamaCpp,
    Vllm,
    Sglang,
    Mlx,
}

/// How a runtime spreads one model over several devices.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Split {
    /// Whole layers per device, in proportion to free memory (llama.cpp `--split-mode layer`,
    /// MLX pipeline over several Macs).
    Layers,
    /// Every layer sharded equally over N GPUs (tensor parallelism); falls back to equal
    /// pipeline stages when N does not divide the attention heads.
    Tensor,
}

/// The device families a runtime cares about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeviceFamily {
    NvidiaBlackwell,
    NvidiaHopper,
    NvidiaAda,
    NvidiaAmpere,
    /// Turing, Volta, Pascal and older NVIDIA cards: llama.cpp only here.
    NvidiaOlder,
    Apple,
    Amd,
    /// A custom device: only what runs everywhere is assumed.
    Unknown,
}

impl DeviceFamily {
    pub fn parse(text: Option<&str>) -> DeviceFamily {
        match text.unwrap_or_default() {
            "blackwell" => DeviceFamily::NvidiaBlackwell,
            "hopper" => DeviceFamily::NvidiaHopper,
            "ada" => DeviceFamily::NvidiaAda,
            "ampere" => DeviceFamily::NvidiaAmpere,
            "turing" | "volta" | "pascal" | "maxwell" | "kepler" => DeviceFamily::NvidiaOlder,
            "apple" => DeviceFamily::Apple,
            "amd" => DeviceFamily::Amd,
            _ => DeviceFamily::Unknown,
        }
    }
    pub fn is_nvidia(self) -> bool {
        matches!(
            self,
            DeviceFamily::NvidiaBlackwell
                | DeviceFamily::NvidiaHopper
                | DeviceFamily::NvidiaAda
                | DeviceFamily::NvidiaAmpere
        )
    }
}

impl Runtime {
    pub const ALL: [Runtime; 4] = [
        Runtime::LlamaCpp,
        Runtime::Vllm,
        Runtime::Sglang,
        Runtime::Mlx,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Runtime::LlamaCpp => "llama.cpp",
            Runtime::Vllm => "vllm",
            Runtime::Sglang => "sglang",
            Runtime::Mlx => "mlx",
        }
    }
    pub fn name(self) -> &'static str {
        match self {
            Runtime::LlamaCpp => "llama.cpp",
            Runtime::Vllm => "vLLM",
            Runtime::Sglang => "SGLang",
            Runtime::Mlx => "MLX",
        }
    }
    pub fn parse(id: &str) -> Option<Runtime> {
        Runtime::ALL.into_iter().find(|r| r.id() == id)
    }
    /// Share of a device's usable memory the runtime claims.
    pub fn memory_fraction(self) -> f64 {
        match self {
            Runtime::Vllm => VLLM_GPU_MEMORY_UTILIZATION,
            Runtime::Sglang => SGLANG_MEM_FRACTION_STATIC,
            Runtime::LlamaCpp | Runtime::Mlx => 1.0,
        }
    }
    /// Per-device memory taken before weights and KV cache, within the claimed share.
    pub fn overhead_gb(self) -> f64 {
        match self {
            Runtime::Vllm | Runtime::Sglang => SERVING_ACTIVATION_GB,
            Runtime::LlamaCpp | Runtime::Mlx => LOCAL_OVERHEAD_GB,
        }
    }
    pub fn split(self) -> Split {
        match self {
            Runtime::Vllm | Runtime::Sglang => Split::Tensor,
            Runtime::LlamaCpp | Runtime::Mlx => Split::Layers,
        }
    }
    /// Whether the runtime runs on a device family: llama.cpp everywhere; vLLM and SGLang
    /// on NVIDIA GPUs (their AMD builds are left out here); MLX on Apple silicon only.
    pub fn runs_on(self, family: DeviceFamily) -> bool {
        match self {
            Runtime::LlamaCpp => true,
            Runtime::Vllm | Runtime::Sglang => family.is_nvidia(),
            Runtime::Mlx => family == DeviceFamily::Apple,
        }
    }
    /// Whether the runtime can load `format` on these devices (NVFP4 needs every device to be
    /// Blackwell).
    pub fn supports_format(self, format: &WeightFormat, all_blackwell: bool) -> bool {
        let listed = format.runtimes.iter().any(|r| r == self.id());
        let hardware_ok = match format.requires.as_deref() {
            Some("blackwell") => all_blackwell,
            _ => true,
        };
        listed && hardware_ok
    }
    pub fn supports_kv(self, kv: &KvFormat) -> bool {
        kv.runtimes.iter().any(|r| r == self.id())
    }
}
