//! Decode speed ceiling: memory bandwidth ÷ bytes read per generated token.
//!
//! Always a ceiling (an upper bound), never a prediction: real decode reaches a fraction of it.

use super::dataset::{OpenFacts, WeightFormat};
use super::fit::Fit;
use super::hardware::Machine;
use super::memory;

/// Single-stream decode ceiling in tokens/s. Each generated token reads the active
/// parameters and the session's KV cache once; layers on a device are read at that
/// device's bandwidth, offloaded layers at system-RAM bandwidth, one after another.
pub fn decode_ceiling_tok_s(facts: &OpenFacts<'_>, format: &WeightFormat, fit: &Fit, machine: &Machine, kv_bytes_per_element: f64) -> Option<f64> {
    let layers = facts.arch.layers.max(1) as f64;
    let per_token_gb = memory::active_weights_gb(facts.params, format)
        + memory::kv_cache_gb_per_session(facts.arch, fit.context_tokens, kv_bytes_per_element);
    let mut seconds = 0.0;
    for (share, unit) in fit.placement.shares.iter().zip(&machine.units) {
        seconds += share.layers as f64 / layers * per_token_gb / unit.bandwidth_gb_s;
    }
    if fit.placement.rest_layers > 0 {
        seconds += fit.placement.rest_layers as f64 / layers * per_token_gb / machine.ram_bandwidth_gb_s;
    }
    (seconds > 0.0 && seconds.is_finite()).then(|| 1.0 / seconds)
}
