//! Every rule the dataset must obey: identities, sources, dates, ranges, and that the
//! architecture facts agree with the parameter counts. Run by `cargo run -- validate`, by the
//! import on what it writes, and by the tests.

use super::architecture::LayerKind;
use super::dataset::{Dataset, MemoryKind, Model};
use super::date::Date;
use super::runtime::Runtime;
use std::collections::HashSet;

impl Dataset {
    /// Checks every rule a hand-edited dataset must keep; returns one message per problem.
    pub fn validate(&self, today: Date) -> Vec<String> {
        let mut problems = Vec::new();
        let mut seen = HashSet::new();
        for b in &self.benchmarks {
            if !seen.insert(format!("bench:{}", b.id)) {
                problems.push(format!("duplicate benchmark id {}", b.id));
            }
            if !b.url.starts_with("https://") {
                problems.push(format!("benchmark {} has no https source", b.id));
            }
        }
        for (i, b) in self.main_benches.iter().enumerate() {
            if self.benchmark(b).is_none() {
                problems.push(format!("main benchmark {b} is not in benchmarks.json"));
            }
            if self.main_benches.iter().take(i).any(|x| x == b) {
                problems.push(format!("main benchmark {b} is listed twice"));
            }
        }
        for p in &self.profiles {
            if !seen.insert(format!("profile:{}", p.id)) {
                problems.push(format!("duplicate profile id {}", p.id));
            }
            if p.weights.iter().any(|w| !w.is_finite() || *w < 0.0)
                || p.weights.iter().sum::<f64>() <= 0.0
            {
                problems.push(format!(
                    "profile {} needs finite, non-negative weights with a positive sum",
                    p.id
                ));
            }
        }
        if self.profiles.is_empty() {
            problems.push("profiles.json lists no profile".into());
        }
        let mut names = HashSet::new();
        for m in self.models.iter().chain(&self.reference_models) {
            if !seen.insert(format!("model:{}", m.id)) {
                problems.push(format!("duplicate model id {}", m.id));
            }
            let valid_id = !m.id.is_empty()
                && m.id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.');
            if !valid_id {
                problems.push(format!("model id `{}` must be lowercase [a-z0-9.-]", m.id));
            }
            for name in std::iter::once(&m.name).chain(&m.aliases) {
                if !names.insert(name.to_ascii_lowercase()) {
                    problems.push(format!("name or alias `{name}` is used twice"));
                }
            }
            if !m.release_source.starts_with("https://") {
                problems.push(format!("model {} has no https release source", m.id));
            }
            if m.released > today {
                problems.push(format!(
                    "model {} is released in the future ({})",
                    m.id, m.released
                ));
            }
            if m.open_weight {
                problems.extend(self.validate_open_model(m));
            }
        }
        for s in &self.scores {
            let what = format!(
                "score {}/{}/{}",
                s.model,
                s.bench,
                s.variant.as_deref().unwrap_or("-")
            );
            let Some(bench) = self.benchmark(&s.bench) else {
                problems.push(format!("{what}: unknown benchmark"));
                continue;
            };
            let Some(model) = self.model(&s.model) else {
                problems.push(format!("{what}: unknown model"));
                continue;
            };
            if !(0.0..=bench.max).contains(&s.value) || !s.value.is_finite() {
                problems.push(format!(
                    "{what}: value {} out of range 0..{}",
                    s.value, bench.max
                ));
            }
            if let Some([lo, hi]) = s.range
                && !(lo <= s.value && s.value <= hi && hi <= bench.max && lo >= 0.0)
            {
                problems.push(format!("{what}: range {lo}-{hi} does not hold the value"));
            }
            if !s.source.starts_with("https://") {
                problems.push(format!("{what}: no https source"));
            }
            if s.as_of > today {
                problems.push(format!("{what}: dated in the future ({})", s.as_of));
            }
            if s.as_of < model.released {
                problems.push(format!("{what}: dated before the model's release"));
            }
            if s.in_seed && s.seed_label.is_none() {
                problems.push(format!("{what}: a seed figure needs the seed's label"));
            }
            if s.in_seed && !model.in_seed {
                problems.push(format!(
                    "{what}: a seed figure on a model not marked in_seed"
                ));
            }
        }
        let mut keys = HashSet::new();
        for s in &self.scores {
            let key = (&s.model, &s.bench, &s.variant, &s.harness, &s.source);
            if !keys.insert(key) {
                problems.push(format!(
                    "score {}/{} repeated from the same source",
                    s.model, s.bench
                ));
            }
        }
        for d in &self.devices {
            if !seen.insert(format!("device:{}", d.id)) {
                problems.push(format!("duplicate device id {}", d.id));
            }
            if d.memory_gb <= 0.0 || d.bandwidth_gb_s <= 0.0 || !d.source.starts_with("https://") {
                problems.push(format!(
                    "device {} needs memory, bandwidth and a source",
                    d.id
                ));
            }
            if d.price_usd.is_some()
                && !(d.price_usd.is_some_and(|p| p > 0.0)
                    && d.price_source
                        .as_deref()
                        .is_some_and(|s| s.starts_with("https://"))
                    && matches!(d.price_kind.as_deref(), Some("launch_msrp" | "street")))
            {
                problems.push(format!(
                    "device {}: a price needs a positive value, an https source and its kind (launch_msrp or street)",
                    d.id
                ));
            }
            if d.kind == MemoryKind::Unified
                && !matches!(d.gpu_share, Some(s) if s > 0.0 && s <= 1.0)
            {
                problems.push(format!(
                    "unified device {} needs a gpu_share in (0, 1]",
                    d.id
                ));
            }
        }
        for p in &self.presets {
            if !seen.insert(format!("preset:{}", p.id)) {
                problems.push(format!("duplicate preset id {}", p.id));
            }
            for pd in &p.devices {
                if self.device(&pd.device).is_none() || pd.count == 0 {
                    problems.push(format!(
                        "preset {} names unknown device {}",
                        p.id, pd.device
                    ));
                }
            }
        }
        for f in &self.weight_formats {
            if !seen.insert(format!("format:{}", f.id)) {
                problems.push(format!("duplicate weight format {}", f.id));
            }
            if !(1.0..=32.0).contains(&f.bits_per_weight) {
                problems.push(format!("format {} has implausible bits per weight", f.id));
            }
            if f.runtimes
                .iter()
                .any(|r| super::runtime::Runtime::parse(r).is_none())
                || f.runtimes.is_empty()
            {
                problems.push(format!("format {} needs known runtimes", f.id));
            }
            if f.quantizes.is_empty()
                || f.keeps.iter().any(|k| self.weight_format(k).is_none())
                || f.gguf_rest_bits.is_some_and(|b| !(1.0..=16.0).contains(&b))
            {
                problems.push(format!(
                    "format {}: quantizes no tensor group, keeps an unknown format or has implausible GGUF rest bits",
                    f.id
                ));
            }
            // The launch facts: llama.cpp's commands name a GGUF tag; the other facts belong to
            // the runtimes that use them.
            let loads = |r: Runtime| f.runtimes.iter().any(|id| id == r.id());
            let l = &f.launch;
            let serving = loads(Runtime::Vllm) || loads(Runtime::Sglang);
            if (loads(Runtime::LlamaCpp) && l.gguf_tag.as_deref().is_none_or(str::is_empty))
                || (l.quantize_on_load.is_some() && !serving)
                || l.mlx_q_bits
                    .is_some_and(|b| !loads(Runtime::Mlx) || !(2..=8).contains(&b))
            {
                problems.push(format!(
                    "format {}: launch facts need a GGUF tag for llama.cpp, quantize_on_load only for vLLM / SGLang, mlx_q_bits (2–8) only for MLX",
                    f.id
                ));
            }
        }
        for k in &self.kv_formats {
            if !seen.insert(format!("kv:{}", k.id)) {
                problems.push(format!("duplicate KV-cache format {}", k.id));
            }
            if k.cache_dtype
                .iter()
                .any(|(r, v)| !k.runtimes.contains(r) || v.is_empty())
            {
                problems.push(format!(
                    "KV-cache format {}: a cache_dtype names a runtime it does not list, or is empty",
                    k.id
                ));
            }
        }
        for m in &self.measurements {
            let known = self.device(&m.device).is_some()
                && m.model
                    .as_ref()
                    .is_none_or(|id| self.measured_model(id).is_some())
                && m.format
                    .as_ref()
                    .is_none_or(|id| self.weight_format(id).is_some())
                && m.runtime
                    .as_ref()
                    .is_none_or(|r| super::runtime::Runtime::parse(r).is_some());
            let prefill_ok = m.prefill_tok_s.is_none_or(|p| p.is_finite() && p > 0.0);
            if !known
                || m.count == 0
                || !m.decode_tok_s.is_finite()
                || m.decode_tok_s <= 0.0
                || !prefill_ok
            {
                problems.push(format!(
                    "measurement on {} names unknown things or has no speed",
                    m.device
                ));
            }
            if !m.in_seed && !m.source.starts_with("https://") {
                problems.push(format!("measurement on {} has no https source", m.device));
            }
            if m.date > today {
                problems.push(format!(
                    "measurement on {} is dated in the future",
                    m.device
                ));
            }
        }
        for c in &self.memory_cases {
            let positive = [
                c.weights_mib,
                c.kv_mib,
                c.compute_mib,
                c.total_mib,
                c.kv_bytes_per_element,
            ]
            .iter()
            .all(|x| x.is_finite() && *x > 0.0);
            if self.measured_model(&c.model).is_none()
                || !positive
                || c.context_tokens == 0
                || !c.source.starts_with("https://")
                || c.weights_mib + c.kv_mib + c.compute_mib > c.total_mib * 1.001
            {
                problems.push(format!(
                    "memory case for {}: unknown model, a non-positive figure, no https source, or parts above the total",
                    c.model
                ));
            }
        }
        for f in &self.file_sizes {
            if self.model(&f.model).is_none()
                || self.weight_format(&f.format).is_none()
                || f.file_gb <= 0.0
                || !f.source.starts_with("https://")
            {
                problems.push(format!(
                    "file size {} {} names unknown things or has no source",
                    f.model, f.format
                ));
            }
        }
        problems.extend(self.validate_prices(today));
        for row in &self.seed_claims.tldr {
            if self.model(&row.model).is_none() || self.preset(&row.preset).is_none() {
                problems.push(format!(
                    "seed TL;DR row {} names an unknown model or preset",
                    row.label
                ));
            }
        }
        problems
    }

    /// `setups.json` and `api_prices.json`: ids unique, devices and models known (API prices
    /// only for proprietary models), every price non-negative with an https source and a date
    /// not in the future.
    fn validate_prices(&self, today: Date) -> Vec<String> {
        let mut problems = Vec::new();
        let https = |s: Option<&str>| s.is_some_and(|s| s.starts_with("https://"));
        let mut ids = HashSet::new();
        for s in &self.setups {
            if !ids.insert(s.id.as_str()) {
                problems.push(format!("duplicate setup id {}", s.id));
            }
            if s.devices.is_empty() {
                problems.push(format!("setup {} names no device", s.id));
            }
            for d in &s.devices {
                if self.device(&d.device).is_none() || d.count == 0 {
                    problems.push(format!(
                        "setup {}: unknown device {} or a zero count",
                        s.id, d.device
                    ));
                }
            }
            match s.price_usd {
                Some(p) => {
                    if !(p.is_finite() && p >= 0.0) {
                        problems.push(format!("setup {}: a price must be ≥ 0", s.id));
                    }
                    if !https(s.source.as_deref()) || s.price_kind.is_none() {
                        problems.push(format!(
                            "setup {}: a price needs an https source and its kind",
                            s.id
                        ));
                    }
                    match s.price_date {
                        None => problems.push(format!("setup {}: a price needs a date", s.id)),
                        Some(d) if d > today => {
                            problems.push(format!("setup {}: price dated in the future", s.id))
                        }
                        Some(_) => {}
                    }
                }
                None if s.price_kind.is_some() || s.price_date.is_some() => {
                    problems.push(format!("setup {}: a kind or date without a price", s.id))
                }
                None => {}
            }
            if let Some(w) = s.power_w
                && !(w.is_finite() && w > 0.0 && https(s.power_source.as_deref()))
            {
                problems.push(format!(
                    "setup {}: power needs a positive figure and an https source",
                    s.id
                ));
            }
        }
        let mut models = HashSet::new();
        for p in &self.api_prices {
            if !models.insert(p.model.as_str()) {
                problems.push(format!("API price for {} listed twice", p.model));
            }
            match self.model(&p.model) {
                None => problems.push(format!("API price names unknown model {}", p.model)),
                Some(m) if m.open_weight => problems.push(format!(
                    "API price for {}: only proprietary models are priced",
                    p.model
                )),
                Some(_) => {}
            }
            let figures = [
                Some(p.input_usd_per_mtok),
                Some(p.output_usd_per_mtok),
                p.cache_read_usd_per_mtok,
            ];
            if figures
                .iter()
                .flatten()
                .any(|v| !(v.is_finite() && *v >= 0.0))
            {
                problems.push(format!("API price for {}: prices must be ≥ 0", p.model));
            }
            if !https(Some(&p.source)) || p.provider.is_empty() {
                problems.push(format!(
                    "API price for {} needs a provider and an https source",
                    p.model
                ));
            }
            if p.as_of > today {
                problems.push(format!("API price for {} is dated in the future", p.model));
            }
        }
        problems
    }

    fn validate_open_model(&self, m: &Model) -> Vec<String> {
        let mut problems = Vec::new();
        let Some(facts) = m.open_facts() else {
            // Without the facts the model is listed with its scores and the reason, never
            // guessed; the reason must be there.
            if m.memory_unknown
                .as_deref()
                .is_none_or(|r| r.trim().is_empty())
            {
                problems.push(format!(
                    "open-weight model {} lacks parameters or architecture and gives no memory_unknown reason",
                    m.id
                ));
            }
            return problems;
        };
        let (p, a) = (facts.params, facts.arch);
        if !(p.total_b > 0.0 && p.active_b > 0.0 && p.active_b <= p.total_b) {
            problems.push(format!(
                "model {}: active parameters must be in (0, total]",
                m.id
            ));
        }
        if a.layers == 0 || a.max_context == 0 || a.attention_heads == 0 {
            problems.push(format!(
                "model {}: layers, heads and context must be positive",
                m.id
            ));
        }
        if self.weight_format(&a.native_format).is_none() {
            problems.push(format!(
                "model {}: unknown native format {}",
                m.id, a.native_format
            ));
        }
        if a.native_groups.as_ref().is_some_and(|g| g.is_empty())
            || a.embeddings
                .is_some_and(|e| e.params_b() <= 0.0 || e.params_b() >= p.total_b)
        {
            problems.push(format!(
                "model {}: native_groups is empty or the embeddings are not a part of the parameters",
                m.id
            ));
        }
        if !p.source.starts_with("https://") || !a.source.starts_with("https://") {
            problems.push(format!(
                "model {}: parameters and architecture need https sources",
                m.id
            ));
        }
        let counted: u32 = a.layer_groups.iter().map(|g| g.count).sum();
        let attention_ok = counted == a.layers
            && a.layer_groups.iter().all(|g| {
                g.count > 0
                    && match g.kind {
                        LayerKind::Full {
                            kv_heads, head_dim, ..
                        }
                        | LayerKind::Sliding {
                            kv_heads, head_dim, ..
                        } => kv_heads > 0 && head_dim > 0,
                        // A RoPE part of 0 is a latent cache without a separate RoPE key.
                        LayerKind::Latent { kv_lora_rank, .. } => kv_lora_rank > 0,
                        LayerKind::LatentSparse {
                            kv_lora_rank,
                            index_head_dim,
                            ..
                        } => kv_lora_rank > 0 && index_head_dim > 0,
                        LayerKind::Compressed {
                            entry_dim, ratio, ..
                        } => entry_dim > 0 && ratio > 0,
                        LayerKind::Recurrent { state_elements } => state_elements > 0,
                        LayerKind::SharedKv => true,
                    }
            });
        match a.experts {
            Some(e) => {
                if e.count == 0 || e.active == 0 || e.active >= e.count || p.active_b >= p.total_b {
                    problems.push(format!("model {}: a mixture-of-experts model needs 0 < active experts < experts and active < total parameters", m.id));
                } else if let Some((dense, _, _)) = super::memory::moe_split(p, a) {
                    // The expert counts and the two parameter counts must agree: the implied
                    // always-active part (attention, embeddings, shared experts) lies between
                    // zero and the active count.
                    if !(dense > 0.0 && dense <= p.active_b + 1e-9) {
                        problems.push(format!("model {}: expert counts disagree with total/active parameters (implied dense part {dense:.1}B)", m.id));
                    }
                }
            }
            None => {
                // A dense model reads every weight: model cards round both counts, so they must
                // agree within 2%.
                if (p.active_b - p.total_b).abs() > 0.02 * p.total_b {
                    problems.push(format!("model {}: without expert facts a model is dense, so active and total parameters must agree within 2%", m.id));
                }
            }
        }
        if !attention_ok {
            problems.push(format!("model {}: attention facts are inconsistent", m.id));
        }
        if let Some(sm) = &m.seed_memory
            && (self.weight_format(&sm.format).is_none() || sm.gb <= 0.0)
        {
            problems.push(format!(
                "model {}: seed memory figure needs a known format",
                m.id
            ));
        }
        problems
    }
}

#[cfg(test)]
mod profile_rules {
    use crate::engine::fixture;

    #[test]
    fn profiles_and_main_benchmarks_are_checked() {
        let mut ds = fixture::dataset().clone();
        assert!(
            ds.validate(crate::engine::dataset::SEED_DATE)
                .iter()
                .all(|p| !p.contains("profile") && !p.contains("main benchmark"))
        );
        ds.main_benches[3] = "nope".into();
        ds.main_benches[1] = ds.main_benches[0].clone();
        if let Some(p) = ds.profiles.first_mut() {
            p.weights = [0.0, -1.0, 0.0, 0.0];
        }
        let dup = ds.profiles[1].clone();
        ds.profiles.push(dup);
        let problems = ds.validate(crate::engine::dataset::SEED_DATE).join("\n");
        assert!(
            problems.contains("main benchmark nope is not in benchmarks.json"),
            "{problems}"
        );
        assert!(problems.contains("is listed twice"), "{problems}");
        assert!(
            problems.contains("needs finite, non-negative weights"),
            "{problems}"
        );
        assert!(problems.contains("duplicate profile id"), "{problems}");
    }
}

#[cfg(test)]
mod price_rules {
    use crate::engine::dataset::PresetDevice;
    use crate::engine::date::Date;
    use crate::engine::fixture;

    /// Each rule of `validate_prices` fires on one broken copy of the fixture's price files.
    #[test]
    fn setups_and_api_prices_are_checked() {
        let today = Date::literal(2026, 12, 2);
        let mut ds = fixture::dataset().clone();
        assert!(ds.validate(today).is_empty());
        let dup = ds.setups[0].clone();
        ds.setups.push(dup);
        ds.setups[1].devices.push(PresetDevice {
            device: "nope".into(),
            count: 1,
        });
        ds.setups[2].price_usd = Some(-1.0);
        ds.setups[3].source = None;
        ds.setups[0].price_date = Some(Date::literal(2027, 1, 1));
        ds.setups[4].price_date = Some(Date::literal(2025, 1, 1));
        ds.api_prices[0].input_usd_per_mtok = -2.0;
        ds.api_prices[1].model = "dense-27b".into();
        let mut unknown = ds.api_prices[0].clone();
        unknown.model = "ghost".into();
        unknown.source = "example.org".into();
        unknown.as_of = Date::literal(2027, 1, 1);
        ds.api_prices.push(unknown);
        let problems = ds.validate(today).join("\n");
        for want in [
            "duplicate setup id s-one24",
            "setup s-two24: unknown device nope",
            "setup s-mac: a price must be ≥ 0",
            "setup s-one96: a price needs an https source",
            "setup s-one24: price dated in the future",
            "setup s-dc80: a kind or date without a price",
            "API price for closed: prices must be ≥ 0",
            "API price for dense-27b: only proprietary models are priced",
            "API price names unknown model ghost",
            "API price for ghost needs a provider and an https source",
            "API price for ghost is dated in the future",
        ] {
            assert!(problems.contains(want), "missing {want:?} in\n{problems}");
        }
    }
}
