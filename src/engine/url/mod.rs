//! `Config` <-> query string. Versioned (`v=1`), short readable keys, defaults omitted.
//!
//! Decoding is total: any string yields a valid `Config` plus notices naming every key that
//! was unknown, invalid or clamped. It never panics (fuzzed in `tests/url_props.rs`). The
//! device lists of `hw` and `cmp` have their own codec in `devices`.

mod devices;

use super::config::{self, BuyTarget, Config, DataDate, QuantChoice, RankBy};
use super::dataset::Dataset;
use super::date::Date;
use super::own_model::{self, OwnModel};
use super::runtime::Runtime;
use super::units;

/// The query-string format version this build writes.
pub const URL_VERSION: u32 = 1;
/// Longest query string decoded; longer input is cut with a notice.
pub const MAX_QUERY_LEN: usize = 4_096;

/// Short names for benchmarks in the URL.
const BENCH_KEYS: [(&str, &str); 5] = [
    ("swe", "swe_verified"),
    ("lcb", "lcb_v6"),
    ("lcb5", "lcb_v5"),
    ("aider", "aider_polyglot"),
    ("16x", "practical_16x"),
];

/// Something the decoder had to correct; shown to the user, dismissible.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub key: String,
    pub message: String,
}

fn notice(key: &str, message: impl Into<String>) -> Notice {
    Notice {
        key: key.chars().take(40).collect(),
        message: message.into(),
    }
}

/// Decodes `%XX` and `+`; invalid escapes are kept literally.
fn percent_decode(text: &str) -> String {
    let mut out = Vec::with_capacity(text.len());
    let mut rest = text.as_bytes();
    while let Some((&b, tail)) = rest.split_first() {
        rest = tail;
        match b {
            b'+' => out.push(b' '),
            b'%' => {
                let escaped = tail
                    .get(..2)
                    .and_then(|hex| std::str::from_utf8(hex).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match escaped {
                    Some(byte) => {
                        out.push(byte);
                        rest = tail.get(2..).unwrap_or_default();
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Encodes characters outside `[A-Za-z0-9._~*:,-]` as `%XX` (a value of the query string).
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"._~*:,-".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn bench_key(id: &str) -> String {
    BENCH_KEYS
        .iter()
        .find(|(_, b)| *b == id)
        .map_or_else(|| id.to_string(), |(k, _)| (*k).to_string())
}

fn bench_from_key<'a>(dataset: &'a Dataset, key: &str) -> Option<&'a str> {
    let id = BENCH_KEYS
        .iter()
        .find(|(k, _)| *k == key)
        .map_or(key, |(_, b)| *b);
    dataset.benchmark(id).map(|b| b.id.as_str())
}

fn encode_rank(rank: &RankBy) -> String {
    match rank {
        RankBy::Bench(id) => bench_key(id),
        RankBy::Profile(id) => id.clone(),
        RankBy::Custom(w) => format!("w:{}-{}-{}-{}", w[0], w[1], w[2], w[3]),
    }
}

fn decode_rank(dataset: &Dataset, value: &str) -> Option<RankBy> {
    if let Some(id) = bench_from_key(dataset, value) {
        return Some(RankBy::Bench(id.to_string()));
    }
    if super::rank::profile(dataset, value).is_some() {
        return Some(RankBy::Profile(value.to_string()));
    }
    let weights = value.strip_prefix("w:")?;
    let parsed: Vec<u8> = weights
        .split('-')
        .map(|w| {
            w.parse::<u8>()
                .ok()
                .filter(|w| *w <= config::MAX_CUSTOM_WEIGHT)
        })
        .collect::<Option<_>>()?;
    let w: [u8; 4] = parsed.try_into().ok()?;
    // All zero is kept: the engine weighs the benchmarks equally and says so.
    Some(RankBy::Custom(w))
}

fn fmt_num(v: f64) -> String {
    format!("{v}")
}

/// Encodes a configuration; defaults are omitted, so the default config is `v=1`.
pub fn encode(dataset: &Dataset, cfg: &Config) -> String {
    let d = Config::default();
    let mut parts = vec![format!("v={URL_VERSION}")];
    let mut push = |k: &str, v: String| parts.push(format!("{k}={}", percent_encode(&v)));
    if cfg.hardware != d.hardware {
        push("hw", devices::encode(dataset, &cfg.hardware));
    }
    if cfg.ram_gb != d.ram_gb {
        push("ram", fmt_num(cfg.ram_gb));
    }
    if let Some(s) = cfg.gpu_share {
        push("share", fmt_num(s));
    }
    if let QuantChoice::Fixed(id) = &cfg.quant {
        push("q", id.clone());
    }
    if cfg.context_tokens != d.context_tokens {
        push("ctx", units::format_tokens(cfg.context_tokens));
    }
    if cfg.sessions != d.sessions {
        push("n", cfg.sessions.to_string());
    }
    if cfg.kv != d.kv {
        push("kv", cfg.kv.clone());
    }
    if cfg.rank != d.rank {
        push("rank", encode_rank(&cfg.rank));
    }
    if cfg.show_proprietary != d.show_proprietary {
        push("prop", if cfg.show_proprietary { "1" } else { "0" }.into());
    }
    if cfg.only_fits != d.only_fits {
        push("fits", if cfg.only_fits { "1" } else { "0" }.into());
    }
    if cfg.penalty != d.penalty {
        push("pen", if cfg.penalty { "1" } else { "0" }.into());
    }
    if let Some(m) = &cfg.selected {
        push("sel", m.clone());
    }
    match cfg.data {
        DataDate::Newest => {}
        DataDate::AsOf(date) => push("asof", date.to_string()),
        DataDate::Seed => push("asof", "seed".into()),
    }
    if cfg.runtime != d.runtime {
        push("rt", cfg.runtime.id().into());
    }
    if cfg.prompt_tokens != d.prompt_tokens {
        push("prompt", units::format_tokens(cfg.prompt_tokens));
    }
    if let Some((model, tok_s)) = &cfg.calibration {
        push("cal", format!("{model}:{}", fmt_num(*tok_s)));
    }
    if let Some(compare) = &cfg.compare {
        push("cmp", devices::encode(dataset, compare));
    }
    if cfg.full_precision != d.full_precision {
        push("fp16", if cfg.full_precision { "1" } else { "0" }.into());
    }
    if cfg.min_tok_s != d.min_tok_s {
        push("min", fmt_num(cfg.min_tok_s));
    }
    if let Some(own) = &cfg.own_model {
        push("om", own.encode());
    }
    if cfg.buy_target != d.buy_target {
        push(
            "bt",
            match &cfg.buy_target {
                BuyTarget::Score { bench, min_value } => {
                    format!("{}:{}", bench_key(bench), fmt_num(*min_value))
                }
                BuyTarget::Model(id) => format!("m:{id}"),
            },
        );
    }
    if cfg.api_input_tokens_per_day != d.api_input_tokens_per_day {
        push("tin", units::format_count(cfg.api_input_tokens_per_day));
    }
    if cfg.api_output_tokens_per_day != d.api_output_tokens_per_day {
        push("tout", units::format_count(cfg.api_output_tokens_per_day));
    }
    let numbers = [
        ("cache", cfg.api_cached_pct, d.api_cached_pct),
        ("life", cfg.life_years, d.life_years),
        ("kwh", cfg.kwh_usd, d.kwh_usd),
        ("hpd", cfg.hours_per_day, d.hours_per_day),
    ];
    for (key, value, default) in numbers {
        if value != default {
            push(key, fmt_num(value));
        }
    }
    if let Some(usd) = cfg.hardware_price_usd {
        push("hwp", fmt_num(usd));
    }
    parts.join("&")
}

/// A token count clamped to the context range, with a notice when clamped; `None` when the
/// text is not a token count.
fn token_count(value: &str, key: &str, what: &str, notices: &mut Vec<Notice>) -> Option<u32> {
    let t = units::parse_tokens(value).ok()?;
    let c = t.clamp(config::MIN_CONTEXT_TOKENS, config::MAX_CONTEXT_TOKENS);
    if c != t {
        notices.push(notice(
            key,
            format!("{what} clamped to {}", units::format_tokens(c)),
        ));
    }
    Some(c)
}

/// A number in `[lo, hi]` from the URL: out of range is clamped with a notice; not a number
/// is `None` (the caller reports it and keeps the default).
fn ranged(
    value: &str,
    key: &str,
    what: &str,
    (lo, hi): (f64, f64),
    notices: &mut Vec<Notice>,
) -> Option<f64> {
    let v = value.parse::<f64>().ok().filter(|v| v.is_finite())?;
    let c = v.clamp(lo, hi);
    if c != v {
        notices.push(notice(key, format!("{what} clamped to {c}")));
    }
    Some(c)
}

/// `swe:70` (a benchmark key or id and a minimum in its unit) or `m:<model id>` (an
/// open-weight model: only those run on hardware).
fn decode_buy_target(dataset: &Dataset, value: &str) -> Option<BuyTarget> {
    if let Some(id) = value.strip_prefix("m:") {
        return dataset
            .model(id)
            .filter(|m| m.open_weight)
            .map(|m| BuyTarget::Model(m.id.clone()));
    }
    let (bench, min) = value.rsplit_once(':')?;
    let bench = dataset.benchmark(bench_from_key(dataset, bench)?)?;
    let min_value = min
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && *v >= 0.0 && *v <= bench.max)?;
    Some(BuyTarget::Score {
        bench: bench.id.clone(),
        min_value,
    })
}

fn parse_bool(v: &str) -> Option<bool> {
    match v {
        "1" | "true" | "on" | "yes" => Some(true),
        "0" | "false" | "off" | "no" => Some(false),
        _ => None,
    }
}

/// Decodes a query string (with or without the leading `?`). Total: never fails.
pub fn decode(dataset: &Dataset, query: &str) -> (Config, Vec<Notice>) {
    let mut cfg = Config::default();
    let mut notices = Vec::new();
    let mut query = query.strip_prefix('?').unwrap_or(query);
    if query.len() > MAX_QUERY_LEN {
        notices.push(notice(
            "url",
            "the link is too long; only its start was read",
        ));
        let mut cut = MAX_QUERY_LEN;
        while !query.is_char_boundary(cut) {
            cut -= 1;
        }
        query = &query[..cut];
    }
    // Your model first: the selection and the calibration may name it, so the rest of the
    // link is read against the dataset with it added.
    let own_text = query
        .split('&')
        .filter_map(|p| p.split_once('='))
        .find(|(k, _)| percent_decode(k) == "om")
        .map(|(_, v)| percent_decode(v));
    let with_own;
    let dataset = match own_text
        .as_deref()
        .map(|t| OwnModel::decode(dataset, t.trim()))
    {
        Some(Ok(own)) => {
            with_own = own_model::dataset_with(dataset, &own);
            cfg.own_model = Some(own);
            &with_own
        }
        Some(Err(e)) => {
            notices.push(notice("om", format!("{e}; it was left out")));
            dataset
        }
        None => dataset,
    };
    let mut seen: Vec<String> = Vec::new();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let key = percent_decode(raw_key);
        let value = percent_decode(raw_value);
        let value = value.trim();
        if seen.contains(&key) {
            notices.push(notice(
                &key,
                format!("“{key}” appears twice; the first is used"),
            ));
            continue;
        }
        seen.push(key.clone());
        let bad = |what: &str| {
            notice(
                &key,
                format!(
                    "“{}” is not a valid {what}; using the default",
                    value.chars().take(40).collect::<String>()
                ),
            )
        };
        match key.as_str() {
            "v" => {
                if value != URL_VERSION.to_string() {
                    notices.push(notice(
                        "v",
                        format!(
                            "link version “{}” is not known; read as version {URL_VERSION}",
                            value.chars().take(10).collect::<String>()
                        ),
                    ));
                }
            }
            "hw" => match devices::decode(dataset, value, &mut notices) {
                Some(rows) => cfg.hardware = rows,
                None if notices.iter().any(|n| n.key == "hw") => {}
                None => notices.push(bad("hardware")),
            },
            "ram" => match units::parse_memory_gb(value)
                .or_else(|e| if value == "0" { Ok(0.0) } else { Err(e) })
            {
                Ok(gb) => {
                    let c = config::clamp_f64(gb, 0.0, config::MAX_RAM_GB, 0.0);
                    if c != gb {
                        notices.push(notice("ram", format!("system RAM clamped to {c} GB")));
                    }
                    cfg.ram_gb = c;
                }
                Err(_) => notices.push(bad("RAM size")),
            },
            "share" => match value.parse::<f64>().ok().filter(|v| v.is_finite()) {
                Some(s) => {
                    let c =
                        config::clamp_f64(s, config::MIN_GPU_SHARE, config::MAX_GPU_SHARE, 0.75);
                    if c != s {
                        notices.push(notice("share", format!("GPU share clamped to {c}")));
                    }
                    cfg.gpu_share = Some(c);
                }
                None => notices.push(bad("GPU share")),
            },
            "q" => {
                if value == "auto" {
                    cfg.quant = QuantChoice::Auto;
                } else if dataset.weight_format(value).is_some() {
                    cfg.quant = QuantChoice::Fixed(value.to_string());
                } else {
                    notices.push(bad("quantization"));
                }
            }
            "ctx" => {
                if let Some(t) = token_count(value, "ctx", "context", &mut notices) {
                    cfg.context_tokens = t;
                } else {
                    notices.push(bad("context length"));
                }
            }
            "n" => match value.parse::<u64>() {
                Ok(n) => {
                    let c = n.clamp(1, config::MAX_SESSIONS as u64) as u32;
                    if c as u64 != n {
                        notices.push(notice("n", format!("sessions clamped to {c}")));
                    }
                    cfg.sessions = c;
                }
                Err(_) => notices.push(bad("session count")),
            },
            "kv" => match dataset.kv_format(value) {
                Some(k) => cfg.kv = k.id.clone(),
                None => notices.push(bad("KV-cache precision")),
            },
            "rank" => match decode_rank(dataset, value) {
                Some(r) => cfg.rank = r,
                None => notices.push(bad("ranking")),
            },
            "min" => match value.parse::<f64>().ok().filter(|v| v.is_finite()) {
                Some(m) => {
                    let c =
                        config::clamp_f64(m, 0.0, config::MAX_MIN_TOK_S, config::DEFAULT_MIN_TOK_S);
                    if c != m {
                        notices.push(notice("min", format!("minimum speed clamped to {c} tok/s")));
                    }
                    cfg.min_tok_s = c;
                }
                None => notices.push(bad("minimum speed (tok/s)")),
            },
            "prop" | "fits" | "pen" | "fp16" => match parse_bool(value) {
                Some(b) => match key.as_str() {
                    "prop" => cfg.show_proprietary = b,
                    "fits" => cfg.only_fits = b,
                    "fp16" => cfg.full_precision = b,
                    _ => cfg.penalty = b,
                },
                None => notices.push(bad("on/off switch")),
            },
            "sel" => match dataset.model(value) {
                Some(m) => cfg.selected = Some(m.id.clone()),
                None => notices.push(bad("model")),
            },
            "asof" => {
                if value == "seed" {
                    cfg.data = DataDate::Seed;
                } else {
                    match Date::parse(value) {
                        Some(d) => cfg.data = DataDate::AsOf(d),
                        None => notices.push(bad("date (YYYY-MM-DD)")),
                    }
                }
            }
            // Read before the loop.
            "om" => {}
            "rt" => match Runtime::parse(value) {
                Some(r) => cfg.runtime = r,
                None => notices.push(bad("runtime (llama.cpp, vllm, sglang, mlx)")),
            },
            "prompt" => {
                if let Some(t) = token_count(value, "prompt", "prompt", &mut notices) {
                    cfg.prompt_tokens = t;
                } else {
                    notices.push(bad("prompt length"));
                }
            }
            "cal" => {
                let parsed = value.rsplit_once(':').and_then(|(m, t)| {
                    let model = dataset.model(m)?;
                    let tok = t.parse::<f64>().ok().filter(|v| {
                        v.is_finite() && *v > 0.0 && *v <= config::MAX_CALIBRATION_TOK_S
                    })?;
                    Some((model.id.clone(), tok))
                });
                match parsed {
                    Some(c) => cfg.calibration = Some(c),
                    None => notices.push(bad("calibration (model:tokens per second)")),
                }
            }
            "cmp" => {
                let before = notices.len();
                let decoded = devices::decode(dataset, value, &mut notices);
                // The device decoder names its notices "hw": these are about the comparison.
                for n in notices.iter_mut().skip(before) {
                    n.key = "cmp".into();
                }
                match decoded {
                    Some(rows) => cfg.compare = Some(rows),
                    None if notices.len() > before => {}
                    None => notices.push(bad("comparison hardware")),
                }
            }
            "bt" => match decode_buy_target(dataset, value) {
                Some(t) => cfg.buy_target = t,
                None => notices.push(bad("buying target (swe:70 or m:model-id)")),
            },
            "tin" | "tout" => match units::parse_count(value) {
                Ok(n) => {
                    let c = n.min(config::MAX_API_TOKENS_PER_DAY);
                    if c != n {
                        notices.push(notice(
                            &key,
                            format!("tokens per day clamped to {}", units::format_count(c)),
                        ));
                    }
                    if key == "tin" {
                        cfg.api_input_tokens_per_day = c;
                    } else {
                        cfg.api_output_tokens_per_day = c;
                    }
                }
                Err(_) => notices.push(bad("number of tokens per day")),
            },
            "cache" | "life" | "kwh" | "hpd" | "hwp" => {
                let (what, range) = match key.as_str() {
                    "cache" => ("cached share (%)", (0.0, config::MAX_API_CACHED_PCT)),
                    "life" => (
                        "hardware life (years)",
                        (config::MIN_LIFE_YEARS, config::MAX_LIFE_YEARS),
                    ),
                    "kwh" => ("electricity price ($/kWh)", (0.0, config::MAX_KWH_USD)),
                    "hpd" => ("hours per day", (0.0, config::MAX_HOURS_PER_DAY)),
                    _ => ("hardware price ($)", (0.0, config::MAX_HARDWARE_PRICE_USD)),
                };
                match ranged(value, &key, what, range, &mut notices) {
                    Some(v) => match key.as_str() {
                        "cache" => cfg.api_cached_pct = v,
                        "life" => cfg.life_years = v,
                        "kwh" => cfg.kwh_usd = v,
                        "hpd" => cfg.hours_per_day = v,
                        _ => cfg.hardware_price_usd = Some(v),
                    },
                    None => notices.push(bad(what)),
                }
            }
            _ => notices.push(notice(
                &key,
                format!(
                    "unknown setting “{}” ignored",
                    key.chars().take(40).collect::<String>()
                ),
            )),
        }
    }
    (cfg, notices)
}
