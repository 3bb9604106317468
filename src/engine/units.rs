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
}
