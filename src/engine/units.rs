//! Unit conversions and the parsing of numbers people type ("96", "96GB", "1.5 TB", "64k").
//!
//! Parsing is total: every input yields either a value or a message for the user.

/// Bytes in a gigabyte as the dataset uses it (decimal GB, as vendors and GGUF listings do).
pub const BYTES_PER_GB: f64 = 1e9;
/// Bytes in a mebibyte, for recurrent-state sizes that configs give in binary units.
pub const BYTES_PER_MIB: f64 = 1_048_576.0;

/// Parses a memory size in GB: "96", "96 GB", "96gb", "1.5 TB", "512 GiB" (GiB is converted to GB).
pub fn parse_memory_gb(input: &str) -> Result<f64, String> {
    let text = input.trim().to_ascii_lowercase().replace(' ', "");
    if text.is_empty() {
        return Err("enter a size, e.g. 96 or 96 GB".into());
    }
    let (number, factor) = split_unit(
        &text,
        &[
            ("tib", 1024.0 * 1.073_741_824),
            ("tb", 1000.0),
            ("t", 1000.0),
            ("gib", 1.073_741_824),
            ("gb", 1.0),
            ("g", 1.0),
        ],
    );
    let value: f64 = number
        .parse()
        .map_err(|_| format!("“{}” is not a size; try 96 or 1.5 TB", input.trim()))?;
    if !value.is_finite() || value <= 0.0 {
        return Err("the size must be more than zero".into());
    }
    Ok(value * factor)
}

/// Parses a memory bandwidth in GB/s ("936", "936 GB/s") within the range a device can have
/// (`config::MIN_BANDWIDTH_GB_S`..=`config::MAX_BANDWIDTH_GB_S`).
pub fn parse_bandwidth_gb_s(input: &str) -> Result<f64, String> {
    use super::config::{MAX_BANDWIDTH_GB_S, MIN_BANDWIDTH_GB_S};
    let text = input.trim().to_ascii_lowercase().replace(' ', "");
    let number = text.strip_suffix("gb/s").unwrap_or(&text);
    let value: f64 = number
        .parse()
        .map_err(|_| "enter GB/s, e.g. 936".to_string())?;
    if !(MIN_BANDWIDTH_GB_S..=MAX_BANDWIDTH_GB_S).contains(&value) {
        return Err(format!(
            "between {MIN_BANDWIDTH_GB_S} and {MAX_BANDWIDTH_GB_S} GB/s"
        ));
    }
    Ok(value)
}

/// Parses the GPU's share of unified memory typed as a percentage ("75", "75%"): `Ok(None)`
/// for an empty field (the device's own figure), else a fraction within
/// `config::MIN_GPU_SHARE`..=`config::MAX_GPU_SHARE`.
pub fn parse_gpu_share(input: &str) -> Result<Option<f64>, String> {
    use super::config::{MAX_GPU_SHARE, MIN_GPU_SHARE};
    let text = input.trim().trim_end_matches('%').trim();
    if text.is_empty() {
        return Ok(None);
    }
    let pct: f64 = text
        .parse()
        .map_err(|_| "enter a percentage, e.g. 75".to_string())?;
    let share = pct / 100.0;
    if !(MIN_GPU_SHARE..=MAX_GPU_SHARE).contains(&share) {
        return Err(format!(
            "between {:.0} and {:.0}",
            MIN_GPU_SHARE * 100.0,
            MAX_GPU_SHARE * 100.0
        ));
    }
    Ok(Some(share))
}

/// Parses a token count: "65536", "64k", "64 K", "1M" (k = 1024 tokens, as context sizes are quoted).
pub fn parse_tokens(input: &str) -> Result<u32, String> {
    let text = input.trim().to_ascii_lowercase().replace(' ', "");
    if text.is_empty() {
        return Err("enter a token count, e.g. 64k".into());
    }
    let (number, factor) = split_unit(&text, &[("m", 1_048_576.0), ("k", 1024.0)]);
    let value: f64 = number
        .parse()
        .map_err(|_| format!("“{}” is not a token count; try 32k", input.trim()))?;
    let tokens = value * factor;
    if !tokens.is_finite() || tokens < 1.0 {
        return Err("the context must be at least one token".into());
    }
    if tokens > u32::MAX as f64 {
        return Err("that context is larger than any model supports".into());
    }
    Ok(tokens.round() as u32)
}

/// Formats a token count the way context sizes are quoted: 65536 → "64k", 1000 → "1000".
pub fn format_tokens(tokens: u32) -> String {
    if tokens >= 1_048_576 && tokens.is_multiple_of(1_048_576) {
        format!("{}M", tokens / 1_048_576)
    } else if tokens >= 1024 && tokens.is_multiple_of(1024) {
        format!("{}k", tokens / 1024)
    } else {
        tokens.to_string()
    }
}

/// Formats GB with a precision that suits the size.
pub fn format_gb(gb: f64) -> String {
    if !gb.is_finite() {
        "—".into()
    } else if gb.abs() >= 100.0 {
        format!("{gb:.0} GB")
    } else if gb.abs() >= 10.0 {
        format!("{gb:.1} GB")
    } else {
        format!("{gb:.2} GB")
    }
}

/// Parses a decimal count people type for API usage: "20M", "400k", "1.5B", "20000000"
/// (k = 10³, M = 10⁶, B = 10⁹: API prices are per million tokens in decimal units, unlike the
/// context sizes above). Non-negative; rounded to a whole number.
pub fn parse_count(input: &str) -> Result<u64, String> {
    let text = input.trim().to_ascii_lowercase().replace([' ', ','], "");
    if text.is_empty() {
        return Err("enter a number of tokens, e.g. 20M or 400k".into());
    }
    let (number, factor) = split_unit(&text, &[("b", 1e9), ("m", 1e6), ("k", 1e3)]);
    let value: f64 = number
        .parse()
        .map_err(|_| format!("“{}” is not a number of tokens; try 20M", input.trim()))?;
    let count = value * factor;
    if !count.is_finite() || count < 0.0 {
        return Err("the number of tokens cannot be negative".into());
    }
    if count > u64::MAX as f64 / 2.0 {
        return Err("that is too many tokens".into());
    }
    Ok(count.round() as u64)
}

/// A count in the shortest decimal form [`parse_count`] reads back exactly: "20M", "400k".
pub fn format_count(count: u64) -> String {
    if count >= 1_000_000_000 && count.is_multiple_of(1_000_000) {
        format!("{}M", count / 1_000_000)
    } else if count >= 1_000_000 && count.is_multiple_of(100_000) {
        format!("{}M", count as f64 / 1e6)
    } else if count >= 1_000 && count.is_multiple_of(1_000) {
        format!("{}k", count / 1_000)
    } else {
        count.to_string()
    }
}

/// Parses a plain non-negative number, optionally with a unit the field names ("$", "%",
/// "years", "h", "/kWh" are ignored).
pub fn parse_amount(input: &str) -> Result<f64, String> {
    let text = input
        .trim()
        .to_ascii_lowercase()
        .replace([' ', ',', '$', '%'], "");
    let text = ["years", "year", "yrs", "y", "/kwh", "kwh", "h"]
        .iter()
        .find_map(|u| text.strip_suffix(u))
        .unwrap_or(&text);
    if text.is_empty() {
        return Err("enter a number".into());
    }
    let value: f64 = text
        .parse()
        .map_err(|_| format!("“{}” is not a number", input.trim()))?;
    if !value.is_finite() || value < 0.0 {
        return Err("enter a number of 0 or more".into());
    }
    Ok(value)
}

/// US dollars for the page: "$1,234" at and above $100, cents below.
pub fn format_usd(usd: f64) -> String {
    if !usd.is_finite() {
        return "—".into();
    }
    if usd.abs() < 100.0 {
        return format!("${usd:.2}");
    }
    let whole = usd.round() as i64;
    let digits = whole.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    format!("{}${out}", if whole < 0 { "-" } else { "" })
}

fn split_unit<'a>(text: &'a str, units: &[(&str, f64)]) -> (&'a str, f64) {
    for (suffix, factor) in units {
        if let Some(number) = text.strip_suffix(suffix) {
            return (number, *factor);
        }
    }
    (text, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bandwidth_and_share_inputs() {
        assert_eq!(parse_bandwidth_gb_s(" 936 GB/s"), Ok(936.0));
        assert_eq!(parse_bandwidth_gb_s("1792"), Ok(1792.0));
        assert!(parse_bandwidth_gb_s("fast").is_err());
        assert!(parse_bandwidth_gb_s("5").is_err());
        assert!(parse_bandwidth_gb_s("NaN").is_err());
        assert_eq!(parse_gpu_share(""), Ok(None));
        assert_eq!(parse_gpu_share("75%"), Ok(Some(0.75)));
        assert_eq!(parse_gpu_share(" 100 "), Ok(Some(1.0)));
        assert!(parse_gpu_share("5").is_err());
        assert!(parse_gpu_share("150").is_err());
        assert!(parse_gpu_share("most").is_err());
    }

    #[test]
    fn memory_inputs() {
        assert_eq!(parse_memory_gb("96"), Ok(96.0));
        assert_eq!(parse_memory_gb(" 96 GB "), Ok(96.0));
        assert_eq!(parse_memory_gb("1.5 TB"), Ok(1500.0));
        assert!((parse_memory_gb("512GiB").unwrap() - 549.755_813_888).abs() < 1e-6);
        assert!(parse_memory_gb("lots").is_err());
        assert!(parse_memory_gb("-4").is_err());
        assert!(parse_memory_gb("").is_err());
        assert!(parse_memory_gb("NaN").is_err());
    }

    #[test]
    fn token_inputs() {
        assert_eq!(parse_tokens("64k"), Ok(65_536));
        assert_eq!(parse_tokens("65536"), Ok(65_536));
        assert_eq!(parse_tokens("1M"), Ok(1_048_576));
        assert!(parse_tokens("0").is_err());
        assert!(parse_tokens("99999999999").is_err());
        assert_eq!(format_tokens(65_536), "64k");
        assert_eq!(format_tokens(1000), "1000");
    }

    #[test]
    fn count_amount_and_money() {
        assert_eq!(parse_count("20M"), Ok(20_000_000));
        assert_eq!(parse_count(" 400k "), Ok(400_000));
        assert_eq!(parse_count("1.5B"), Ok(1_500_000_000));
        assert_eq!(parse_count("2,500"), Ok(2_500));
        assert_eq!(parse_count("0"), Ok(0));
        assert!(parse_count("-1").is_err() && parse_count("lots").is_err());
        assert!(parse_count("").is_err() && parse_count("NaN").is_err());
        for c in [
            0,
            999,
            400_000,
            20_000_000,
            1_500_000,
            2_000_000_000,
            123_456,
        ] {
            assert_eq!(parse_count(&format_count(c)), Ok(c), "{c}");
        }
        assert_eq!(format_count(20_000_000), "20M");
        assert_eq!(format_count(400_000), "400k");
        assert_eq!(parse_amount("$0.18/kWh"), Ok(0.18));
        assert_eq!(parse_amount("3 years"), Ok(3.0));
        assert_eq!(parse_amount("8h"), Ok(8.0));
        assert!(parse_amount("-3").is_err() && parse_amount("x").is_err());
        assert_eq!(format_usd(1234.4), "$1,234");
        assert_eq!(format_usd(12.345), "$12.35");
        assert_eq!(format_usd(1_000_000.0), "$1,000,000");
    }
}
