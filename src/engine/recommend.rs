//! `codefit recommend`: the page's answer on the command line, from the same engine calls.
//!
//! The command line cannot drift from the page because it reads its configuration through the
//! page's one decoder: each flag is translated to its URL key (`--ctx 64k` is `ctx=64k`, `--device
//! rtx-5090*2 --device rtx-3090` is `hw=rtx-5090*2,rtx-3090`) and the query is decoded by
//! [`url::decode`]; `--url` hands a shared link's query to it unchanged. The answer is assembled
//! by [`answer`] from [`analyze`], [`headline`], [`launch::for_focus`] and the table's own
//! wording ([`cells`]), exactly what the page shows; the binary only reads the arguments and
//! the clock and prints one of the three renderings.
//!
//! A value given in a flag must be one the page takes as it is: where the decoder would drop
//! or correct it (and say so in a notice), the flag is refused. A `--url` reproduces the page,
//! corrections included: its notices are returned for the binary to print on stderr.

use super::analysis::{Analysis, analyze};
use super::cells;
use super::config::Config;
use super::dataset::Dataset;
use super::date::Date;
use super::freshness;
use super::headline::headline;
use super::launch;
use super::url::{self, Notice};
use serde_json::{Value, json};

/// Rows shown unless `--top` says otherwise.
pub const DEFAULT_TOP: usize = 10;

/// The widest fit cell of the plain-text table, characters: a terminal line stays readable;
/// the whole text is in `--json` and `--markdown`.
const TEXT_FIT_WIDTH: usize = 48;

/// `text` cut to `width` characters, with an ellipsis when cut.
fn clip(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        text.to_string()
    } else {
        let mut cut: String = text.chars().take(width.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }
}

/// The configuration flags, each with the URL key it stands for and its help line. The order
/// is the help's; `--preset` and `--device` both set `hw`.
const CONFIG_FLAGS: [(&str, &str, &str); 11] = [
    (
        "--preset",
        "hw",
        "a hardware preset by id (pro6000, spark, mac512, …)",
    ),
    (
        "--device",
        "hw",
        "a device row, as in the URL: id[*count][~GB in use], or custom:GB:GB/s:u|d; repeatable",
    ),
    ("--runtime", "rt", "llama.cpp | vllm | sglang | mlx"),
    ("--ctx", "ctx", "context per session, e.g. 64k"),
    ("--sessions", "n", "concurrent sessions"),
    (
        "--rank",
        "rank",
        "benchmark (swe, lcb, lcb5, aider, 16x, or an id) or profile id, or w:a-b-c-d",
    ),
    ("--data", "asof", "newest | seed | YYYY-MM-DD"),
    (
        "--min-tok-s",
        "min",
        "decode speed the headline model must reach",
    ),
    ("--ram", "ram", "system RAM for offload, GB"),
    ("--kv", "kv", "KV-cache precision id, e.g. f16, q8_0"),
    ("--quant", "q", "weight format id, or auto"),
];

/// How the answer is printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    Text,
    Json,
    Markdown,
}

/// What the arguments ask for.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// `--help`: print [`usage`].
    Help,
    Run(Box<Request>),
}

/// A run: the configuration read through the page's decoder and how to show the answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    pub config: Config,
    /// The decoder's notices for a `--url` (flags with notices are refused instead).
    pub notices: Vec<Notice>,
    /// The query string the configuration was decoded from.
    pub query: String,
    pub top: usize,
    pub output: Output,
}

/// The help text.
pub fn usage() -> String {
    let mut text = String::from(
        "usage: codefit recommend [options]\n\n\
         The page's answer for a configuration: the headline, the top rows and the launch command.\n\
         With no options, the page's defaults.\n\nConfiguration (the page's URL keys):\n",
    );
    for (flag, key, help) in CONFIG_FLAGS {
        text.push_str(&format!(
            "  {:<22}{help} [{key}]\n",
            format!("{flag} VALUE")
        ));
    }
    text.push_str(&format!(
        "  {:<22}a page URL or its query string, read exactly as the page reads it\n\
         \nOutput:\n  {:<22}rows to show (default {DEFAULT_TOP})\n  {:<22}JSON with stable keys\n  {:<22}a Markdown report\n  {:<22}this help\n",
        "--url URL",
        "--top N",
        "--json",
        "--markdown",
        "-h, --help"
    ));
    text
}

/// The query part of a page URL or query string (`https://…/?v=1&hw=spark#x` → `v=1&hw=spark`).
fn query_of(link: &str) -> &str {
    let link = link.split_once('#').map_or(link, |(q, _)| q);
    match link.split_once('?') {
        Some((_, q)) => q,
        None if link.contains("://") => "",
        None => link,
    }
}

/// A decoder notice as the reason a flag is refused ("…; using the default" is the page's
/// correction, which the command line does not make).
fn refusal(message: &str) -> &str {
    message.split_once("; using").map_or(message, |(m, _)| m)
}

/// Reads `codefit recommend`'s arguments (after the subcommand). `Err` is a message for stderr,
/// and the binary exits 2: an unknown option, a missing or repeated value, a value the decoder
/// would not take as it is.
pub fn parse_args(dataset: &Dataset, args: &[String]) -> Result<Command, String> {
    let mut pairs: Vec<(&'static str, &'static str, String)> = Vec::new();
    let mut devices: Vec<String> = Vec::new();
    let mut link: Option<String> = None;
    let mut top: Option<usize> = None;
    let mut output: Option<Output> = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
            _ => (arg.as_str(), None),
        };
        let mut value = || -> Result<String, String> {
            match inline.clone().or_else(|| rest.next().cloned()) {
                Some(v) => Ok(v),
                None => Err(format!("{flag} needs a value")),
            }
        };
        match flag {
            "-h" | "--help" | "--json" | "--markdown" if inline.is_some() => {
                return Err(format!("{flag} takes no value"));
            }
            "-h" | "--help" => return Ok(Command::Help),
            "--json" | "--markdown" => {
                let o = if flag == "--json" {
                    Output::Json
                } else {
                    Output::Markdown
                };
                if output.is_some_and(|prev| prev != o) {
                    return Err("--json and --markdown are exclusive: choose one".into());
                }
                output = Some(o);
            }
            "--top" => {
                let v = value()?;
                if top.is_some() {
                    return Err("--top is given twice".into());
                }
                top =
                    Some(v.parse::<usize>().ok().filter(|n| *n >= 1).ok_or_else(|| {
                        format!("--top {v}: not a whole number of rows (1 or more)")
                    })?);
            }
            "--url" => {
                let v = value()?;
                if link.is_some() {
                    return Err("--url is given twice".into());
                }
                link = Some(v);
            }
            "--device" => devices.push(value()?),
            _ => {
                let Some(&(static_flag, key, _)) = CONFIG_FLAGS.iter().find(|(f, _, _)| *f == flag)
                else {
                    return Err(format!(
                        "unknown option `{arg}` (see `codefit recommend --help`)"
                    ));
                };
                let v = value()?;
                if pairs.iter().any(|(f, _, _)| *f == flag) {
                    return Err(format!("{flag} is given twice"));
                }
                if flag == "--preset" && dataset.preset(&v).is_none() {
                    return Err(format!(
                        "--preset {v}: no such preset; the presets are {}",
                        dataset
                            .presets
                            .iter()
                            .map(|p| p.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ));
                }
                // `newest` is the page's default: no `asof` key.
                if flag == "--data" && v == "newest" {
                    continue;
                }
                pairs.push((static_flag, key, v));
            }
        }
    }
    if !devices.is_empty() {
        if pairs.iter().any(|(f, _, _)| *f == "--preset") {
            return Err("--preset and --device both set the hardware: choose one".into());
        }
        pairs.push(("--device", "hw", devices.join(",")));
    }
    let top = top.unwrap_or(DEFAULT_TOP);
    let output = output.unwrap_or(Output::Text);
    // One decoder for both: the link's query as it is, or the flags' query.
    let from_link = link.is_some();
    let query = match link {
        Some(link) => {
            if let Some((flag, _, _)) = pairs.first() {
                return Err(format!(
                    "--url reproduces a link exactly; it does not combine with {flag}"
                ));
            }
            query_of(&link).to_string()
        }
        None => pairs
            .iter()
            .map(|(_, key, v)| format!("{key}={}", url::percent_encode(v)))
            .collect::<Vec<_>>()
            .join("&"),
    };
    let (config, notices) = url::decode(dataset, &query);
    if let Some(n) = notices.first().filter(|_| !from_link) {
        let (flag, value) = pairs
            .iter()
            .find(|(_, key, _)| *key == n.key)
            .map_or(("a flag", ""), |(f, _, v)| (*f, v.as_str()));
        return Err(format!("{flag} {value}: {}", refusal(&n.message)));
    }
    Ok(Command::Run(Box::new(Request {
        config,
        notices,
        query,
        top,
        output,
    })))
}

/// One row of the answer, worded as the page's table words it.
#[derive(Clone, Debug, PartialEq)]
pub struct AnswerRow {
    pub id: String,
    pub name: String,
    /// 1-based; `None` for an unranked row.
    pub rank: Option<usize>,
    /// The weight format's name; `None` for proprietary models.
    pub format: Option<String>,
    /// The fit badge's key (`fits`, `offload`, `nofit`, `proprietary`, `unknown`) and label.
    pub fit_key: &'static str,
    pub fit_label: &'static str,
    /// Headroom, shortfall or offload in words.
    pub fit_detail: Option<String>,
    /// Free GB (negative: short), estimate.
    pub headroom_gb: Option<f64>,
    pub decode_text: String,
    pub decode_tok_s: Option<f64>,
    pub decode_range_tok_s: Option<(f64, f64)>,
    pub score_text: String,
    /// The score in the metric's own unit (points, or out of 10).
    pub score: Option<f64>,
}

/// The launch command for the focus row.
#[derive(Clone, Debug, PartialEq)]
pub struct AnswerLaunch {
    pub model_id: String,
    pub model_name: String,
    pub runtime: &'static str,
    pub runtime_name: &'static str,
    pub command: String,
    pub notes: Vec<String>,
}

/// The page's answer for a configuration, as plain values.
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    /// [`headline`]: the page's sentence.
    pub headline: String,
    /// The staleness warning the page appends to the headline, if the data is stale today.
    pub warning: Option<String>,
    /// [`url::encode`] of the configuration: append it to the page's address after `?`.
    pub config_url: String,
    pub data_date: String,
    pub metric: String,
    pub rows: Vec<AnswerRow>,
    pub launch: Option<AnswerLaunch>,
}

/// Rounds a figure for the JSON output (two decimals: finer is noise in an estimate).
fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// The answer for `cfg` with its first `top` rows; `today` dates the staleness warning.
/// A link with "your model" (`om=`) is answered on the dataset with it added, as the page does.
pub fn answer(dataset: &Dataset, cfg: &Config, today: Date, top: usize) -> Answer {
    match &cfg.own_model {
        Some(own) => {
            let with_own = super::own_model::dataset_with(dataset, own);
            let a = analyze(&with_own, cfg);
            answer_of(&with_own, cfg, &a, today, top)
        }
        None => {
            let a = analyze(dataset, cfg);
            answer_of(dataset, cfg, &a, today, top)
        }
    }
}

/// [`answer`] from an analysis already made.
pub fn answer_of(
    dataset: &Dataset,
    cfg: &Config,
    a: &Analysis<'_>,
    today: Date,
    top: usize,
) -> Answer {
    let fresh = freshness::freshness(dataset, today);
    // The page's table order: what runs here (fits, then offload), the proprietary leaders,
    // then the rest ([`super::table::group`]).
    let order: Vec<usize> = (0..a.rows.len()).collect();
    let g = super::table::group(a, &order, true);
    let rows = g
        .runs
        .iter()
        .chain(&g.reference)
        .chain(&g.more_reference)
        .chain(&g.no_fit)
        .filter_map(|&i| a.rows.get(i).map(|r| (i, r)))
        .take(top)
        .map(|(i, r)| {
            let (fit_key, fit_label) = cells::fit_badge(r.status(), r.model.open_weight);
            AnswerRow {
                id: r.model.id.clone(),
                name: r.model.name.clone(),
                rank: cells::rank(i, r),
                format: r.fit.as_ref().map(|_| cells::format_name(dataset, r)),
                fit_key,
                fit_label,
                fit_detail: cells::fit_detail(r),
                headroom_gb: r.fit.as_ref().map(|f| f.headroom_gb),
                decode_text: cells::decode_text(r),
                decode_tok_s: r.decode_est_tok_s,
                decode_range_tok_s: r.decode_range,
                score_text: cells::score_text(a, r),
                score: r.value.map(|v| v * a.metric_max / 100.0),
            }
        })
        .collect();
    let launch =
        launch::for_focus(dataset, a, cfg.selected.as_deref()).map(|(row, l)| AnswerLaunch {
            model_id: row.model.id.clone(),
            model_name: row.model.name.clone(),
            runtime: a.machine.runtime.id(),
            runtime_name: a.machine.runtime.name(),
            command: l.command,
            notes: l.notes,
        });
    Answer {
        headline: headline(dataset, a),
        warning: fresh.warning(&a.scope, dataset),
        config_url: url::encode(dataset, cfg),
        data_date: a.scope.as_of.to_string(),
        metric: a.metric.clone(),
        rows,
        launch,
    }
}

impl Answer {
    /// The headline as the page shows it (with the staleness warning when there is one).
    pub fn shown_headline(&self) -> String {
        match &self.warning {
            Some(w) => format!("{} {w}", self.headline),
            None => self.headline.clone(),
        }
    }

    /// The table's cells, one line per row: rank, model, format, fit, decode, score.
    fn cells(&self) -> Vec<[String; 6]> {
        self.rows
            .iter()
            .map(|r| {
                let fit = match &r.fit_detail {
                    Some(d) if !d.is_empty() => format!("{} · {d}", r.fit_label),
                    _ => r.fit_label.to_string(),
                };
                [
                    r.rank.map_or_else(|| "—".into(), |n| n.to_string()),
                    r.name.clone(),
                    r.format.clone().unwrap_or_else(|| "—".into()),
                    fit,
                    r.decode_text.clone(),
                    r.score_text.clone(),
                ]
            })
            .collect()
    }

    fn header(&self) -> [String; 6] {
        [
            "#".into(),
            "Model".into(),
            "Format".into(),
            "Fit".into(),
            "Decode tok/s".into(),
            self.metric.clone(),
        ]
    }

    /// Plain text: the headline, an aligned table, the launch command and the page's link.
    pub fn to_text(&self) -> String {
        let mut out = format!("{}\n\n", self.shown_headline());
        let header = self.header();
        let mut body = self.cells();
        for line in &mut body {
            if let Some(fit) = line.get_mut(3) {
                *fit = clip(fit, TEXT_FIT_WIDTH);
            }
        }
        let mut widths = [0usize; 6];
        for line in std::iter::once(&header).chain(&body) {
            for (w, cell) in widths.iter_mut().zip(line) {
                *w = (*w).max(cell.chars().count());
            }
        }
        for line in std::iter::once(&header).chain(&body) {
            let text: Vec<String> = line
                .iter()
                .zip(widths)
                .enumerate()
                .map(|(i, (cell, w))| {
                    let pad = w.saturating_sub(cell.chars().count());
                    // The rank is right-aligned like the page's number column.
                    if i == 0 {
                        format!("{}{cell}", " ".repeat(pad))
                    } else {
                        format!("{cell}{}", " ".repeat(pad))
                    }
                })
                .collect();
            out.push_str(text.join("  ").trim_end());
            out.push('\n');
        }
        match &self.launch {
            Some(l) => {
                out.push_str(&format!(
                    "\nRun {} with {}:\n  {}\n",
                    l.model_name, l.runtime_name, l.command
                ));
                for n in &l.notes {
                    out.push_str(&format!("  - {n}\n"));
                }
            }
            None => out.push_str("\nNo open-weight model to launch.\n"),
        }
        out.push_str(&format!(
            "\nOn the page: ?{} (data as of {})\n",
            self.config_url, self.data_date
        ));
        out
    }

    /// Markdown: a heading, the headline, a table and the command in a fenced block.
    pub fn to_markdown(&self) -> String {
        let cell = |c: &str| c.replace('|', "\\|");
        let row = |cells: &[String; 6]| {
            format!(
                "| {} |\n",
                cells
                    .iter()
                    .map(|c| cell(c))
                    .collect::<Vec<_>>()
                    .join(" | ")
            )
        };
        let mut out = format!("## codefit recommendation\n\n{}\n\n", self.shown_headline());
        out.push_str(&row(&self.header()));
        out.push_str("| ---: | --- | --- | --- | --- | ---: |\n");
        for line in self.cells() {
            out.push_str(&row(&line));
        }
        if let Some(l) = &self.launch {
            out.push_str(&format!(
                "\nRun {} with {}:\n\n```sh\n{}\n```\n",
                l.model_name, l.runtime_name, l.command
            ));
            for n in &l.notes {
                out.push_str(&format!("\n- {n}"));
            }
            if !l.notes.is_empty() {
                out.push('\n');
            }
        }
        out.push_str(&format!(
            "\nConfiguration: `?{}` · data as of {}\n",
            self.config_url, self.data_date
        ));
        out
    }

    /// JSON with stable keys: `headline`, `warning`, `config_url`, `data_date`, `metric`,
    /// `rows` [{`id`, `name`, `rank`, `format`, `fit` {`status`, `label`, `detail`,
    /// `headroom_gb`}, `decode_tok_s`, `decode_range_tok_s`, `score`, `score_text`}] and
    /// `launch` {`runtime`, `model`, `command`, `notes`} (null when nothing can be launched).
    pub fn to_json_value(&self) -> Value {
        let rows: Vec<Value> = self
            .rows
            .iter()
            .map(|r| {
                json!({
                    "id": r.id,
                    "name": r.name,
                    "rank": r.rank,
                    "format": r.format,
                    "fit": {
                        "status": r.fit_key,
                        "label": r.fit_label,
                        "detail": r.fit_detail,
                        "headroom_gb": r.headroom_gb.map(round2),
                    },
                    "decode_tok_s": r.decode_tok_s.map(round2),
                    "decode_range_tok_s": r.decode_range_tok_s.map(|(lo, hi)| [round2(lo), round2(hi)]),
                    "score": r.score.map(round2),
                    "score_text": r.score_text,
                })
            })
            .collect();
        json!({
            "headline": self.headline,
            "warning": self.warning,
            "config_url": self.config_url,
            "data_date": self.data_date,
            "metric": self.metric,
            "rows": rows,
            "launch": self.launch.as_ref().map(|l| json!({
                "runtime": l.runtime,
                "model": l.model_id,
                "command": l.command,
                "notes": l.notes,
            })),
        })
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.to_json_value()).unwrap_or_default() + "\n"
    }

    /// The rendering `output` asks for.
    pub fn render(&self, output: Output) -> String {
        match output {
            Output::Text => self.to_text(),
            Output::Json => self.to_json(),
            Output::Markdown => self.to_markdown(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::config::{DataDate, DeviceChoice, DeviceRef, QuantChoice, RankBy};
    use crate::engine::fixture;
    use crate::engine::runtime::Runtime;

    const TODAY: Date = Date::literal(2026, 12, 2);

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|a| a.to_string()).collect()
    }

    fn request_in(ds: &Dataset, list: &[&str]) -> Request {
        match parse_args(ds, &args(list)) {
            Ok(Command::Run(r)) => *r,
            other => panic!("{list:?}: {other:?}"),
        }
    }

    fn config_of(list: &[&str]) -> Config {
        request_in(fixture::dataset(), list).config
    }

    fn refused(list: &[&str]) -> String {
        match parse_args(fixture::dataset(), &args(list)) {
            Err(m) => m,
            other => panic!("{list:?} was accepted: {other:?}"),
        }
    }

    fn row(device: &str, count: u32) -> DeviceChoice {
        DeviceChoice {
            device: DeviceRef::Known(device.into()),
            count,
            reserved_gb: None,
        }
    }

    #[test]
    fn no_arguments_are_the_page_defaults() {
        let r = request_in(fixture::dataset(), &[]);
        assert_eq!(r.config, Config::default());
        assert_eq!(
            (r.top, r.output, r.query.as_str()),
            (DEFAULT_TOP, Output::Text, "")
        );
        assert_eq!(
            parse_args(fixture::dataset(), &args(&["--top", "3", "-h"])),
            Ok(Command::Help)
        );
    }

    #[test]
    fn each_flag_sets_its_config_field() {
        let ds = fixture::dataset();
        let d = Config::default();
        let two24 = crate::engine::config::preset_devices(ds.preset("two24").unwrap());
        assert_eq!(config_of(&["--preset", "two24"]).hardware, two24);
        assert_eq!(
            config_of(&["--device", "card24*2", "--device=card96~1.5"]).hardware,
            vec![
                row("card24", 2),
                DeviceChoice {
                    reserved_gb: Some(1.5),
                    ..row("card96", 1)
                }
            ]
        );
        assert_eq!(config_of(&["--runtime", "vllm"]).runtime, Runtime::Vllm);
        assert_eq!(config_of(&["--ctx", "32k"]).context_tokens, 32_768);
        assert_eq!(config_of(&["--ctx=1M"]).context_tokens, 1_048_576);
        assert_eq!(config_of(&["--sessions", "4"]).sessions, 4);
        assert_eq!(
            config_of(&["--rank", "lcb"]).rank,
            RankBy::Bench("lcb_v6".into())
        );
        assert_eq!(
            config_of(&["--rank", "agentic"]).rank,
            RankBy::Profile("agentic".into())
        );
        assert_eq!(
            config_of(&["--rank", "w:1-2-3-4"]).rank,
            RankBy::Custom([1, 2, 3, 4])
        );
        assert_eq!(config_of(&["--data", "seed"]).data, DataDate::Seed);
        assert_eq!(
            config_of(&["--data", "2026-03-01"]).data,
            DataDate::AsOf(Date::literal(2026, 3, 1))
        );
        assert_eq!(config_of(&["--data", "newest"]).data, DataDate::Newest);
        assert_eq!(config_of(&["--min-tok-s", "25"]).min_tok_s, 25.0);
        assert_eq!(config_of(&["--ram", "64"]).ram_gb, 64.0);
        assert_eq!(config_of(&["--kv", "q8_0"]).kv, "q8_0");
        assert_eq!(
            config_of(&["--quant", "q4_k_m"]).quant,
            QuantChoice::Fixed("q4_k_m".into())
        );
        // Each flag changes only its own field.
        assert_eq!(
            Config {
                sessions: d.sessions,
                ..config_of(&["--sessions", "4"])
            },
            d
        );
        let r = request_in(ds, &["--ctx", "32k", "--top", "3", "--markdown"]);
        assert_eq!((r.top, r.output), (3, Output::Markdown));
        assert_eq!(r.query, "ctx=32k");
        assert_eq!(request_in(ds, &["--json"]).output, Output::Json);
    }

    /// A value the page would drop or correct is refused, naming the flag; so are unknown
    /// options, missing values and contradictions.
    #[test]
    fn bad_flags_and_values_are_refused_with_the_flag_named() {
        for (list, says) in [
            (&["--ctx", "abc"][..], "--ctx abc"),
            (&["--sessions", "100"], "sessions clamped to 64"),
            (&["--device", "nope"], "unknown device “nope”"),
            (&["--device", "card24", "--device", "nope"], "--device"),
            (&["--runtime", "foo"], "--runtime foo"),
            (&["--preset", "nope"], "the presets are one24, two24"),
            (&["--rank", "nope"], "--rank nope"),
            (&["--data", "2026-13-40"], "--data"),
            (&["--quant", "nope"], "--quant nope"),
            (&["--kv", "nope"], "--kv nope"),
            (&["--min-tok-s", "fast"], "--min-tok-s fast"),
            (&["--ram", "lots"], "--ram lots"),
            (&["--top", "0"], "--top 0"),
            (&["--bogus"], "unknown option `--bogus`"),
            (&["recommend"], "unknown option `recommend`"),
            (&["--ctx"], "--ctx needs a value"),
            (&["--json=1"], "--json takes no value"),
            (&["--json", "--markdown"], "exclusive"),
            (&["--preset", "one24", "--device", "card24"], "choose one"),
            (
                &["--url", "v=1", "--ctx", "32k"],
                "does not combine with --ctx",
            ),
            (&["--ctx", "32k", "--ctx", "16k"], "--ctx is given twice"),
        ] {
            let m = refused(list);
            assert!(m.contains(says), "{list:?}: {m}");
            assert!(!m.contains("using the default"), "{m}");
        }
    }

    /// `--url` is the page's decoder on the link's query, notices included, whatever the
    /// link's form (a whole address, `?query`, a bare query).
    #[test]
    fn url_is_the_decoder_on_the_query() {
        let ds = fixture::dataset();
        let query = "v=1&hw=two24&ctx=32k&n=99&nope=1";
        let want = url::decode(ds, query);
        assert!(!want.1.is_empty());
        for link in [
            format!("https://example.org/codefit/?{query}#results"),
            format!("?{query}"),
            query.to_string(),
        ] {
            let r = request_in(ds, &["--url", &link, "--json"]);
            assert_eq!(
                (r.config.clone(), r.notices.clone()),
                want.clone(),
                "{link}"
            );
            assert_eq!(r.query, query);
        }
        let bare = request_in(ds, &["--url", "https://example.org/"]);
        assert_eq!(bare.config, Config::default());
        // Flags and the link they encode to give the same configuration.
        let flags = config_of(&["--preset", "two24", "--ctx", "32k", "--runtime", "vllm"]);
        let link = url::encode(ds, &flags);
        assert_eq!(config_of(&["--url", &link]), flags);
    }

    /// The fixture's 96 GB card: the answer's parts are the engine's, in each rendering.
    #[test]
    fn renderings_carry_the_headline_rows_and_command() {
        let ds = fixture::dataset();
        let cfg = fixture::config("card96", 1);
        let a = analyze(ds, &cfg);
        let ans = answer(ds, &cfg, TODAY, 3);
        assert_eq!(ans.headline, headline(ds, &a));
        assert_eq!(ans.rows.len(), 3);
        // The page's table order: what runs here first.
        let ids: Vec<&str> = table_order(&a)
            .into_iter()
            .take(3)
            .map(|i| a.rows[i].model.id.as_str())
            .collect();
        assert_eq!(
            ans.rows.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
            ids
        );
        assert!(
            ans.rows
                .iter()
                .all(|r| r.fit_key == "fits" || r.fit_key == "offload")
        );
        let best = a.best_row().unwrap();
        let cmd = launch::command(
            ds,
            best.model,
            best.fit.as_ref().unwrap(),
            &a.machine,
            &a.workload,
        )
        .unwrap()
        .command;
        assert_eq!(ans.launch.as_ref().unwrap().command, cmd);

        let text = ans.to_text();
        assert!(text.starts_with(&ans.shown_headline()), "{text}");
        assert!(text.contains(&cmd));
        for r in &ans.rows {
            assert!(text.contains(&r.name), "{text}");
        }

        let v: Value = serde_json::from_str(&ans.to_json()).unwrap();
        assert_eq!(v["headline"], ans.headline);
        assert_eq!(v["config_url"], url::encode(ds, &cfg));
        assert_eq!(v["data_date"], a.scope.as_of.to_string());
        assert_eq!(v["launch"]["runtime"], "llama.cpp");
        assert_eq!(v["launch"]["command"], cmd);
        let rows = v["rows"].as_array().unwrap();
        assert_eq!(rows.len(), 3);
        for (j, (r, id)) in rows.iter().zip(&ids).enumerate() {
            assert_eq!(r["id"], *id);
            for key in ["name", "rank", "format", "fit", "decode_tok_s", "score"] {
                assert!(r.get(key).is_some(), "row {j} lacks {key}");
            }
        }
        let first = &rows[0];
        // Its rank is its place in the ranking (proprietary models above it keep theirs).
        assert_eq!(first["rank"], serde_json::json!(ans.rows[0].rank));
        assert_eq!(first["fit"]["status"], ans.rows[0].fit_key);

        let md = ans.to_markdown();
        assert!(md.starts_with("## codefit recommendation\n\n"));
        assert!(md.contains(&ans.shown_headline()));
        assert_eq!(
            md.lines().filter(|l| l.starts_with("| ")).count(),
            1 + 1 + 3
        );
        assert!(md.contains(&format!("```sh\n{cmd}\n```")), "{md}");
        assert!(ans.render(Output::Json).starts_with('{'));
    }

    /// A selected model (`sel`) is the launch's focus, as on the page; a proprietary
    /// selection falls back to the headline model.
    #[test]
    fn the_launch_follows_the_selection() {
        let ds = fixture::dataset();
        let cfg = Config {
            selected: Some("twin-small".into()),
            ..fixture::config("card96", 1)
        };
        let ans = answer(ds, &cfg, TODAY, 1);
        assert_eq!(ans.launch.unwrap().model_id, "twin-small");
    }

    /// The rows in the page's table order: the groups of `table::group`, unfolded.
    fn table_order(a: &Analysis<'_>) -> Vec<usize> {
        let order: Vec<usize> = (0..a.rows.len()).collect();
        let g = crate::engine::table::group(a, &order, true);
        [g.runs, g.reference, g.more_reference, g.no_fit].concat()
    }

    /// On the bundled data, the CLI's answer for a preset is the page's: the headline and the
    /// row order of the analysis of the decoded link, and the headline row's command.
    fn is_the_page_answer(preset: &str) {
        let ds = Dataset::bundled();
        let query = format!("hw={preset}");
        let r = request_in(ds, &["--url", &query, "--json"]);
        let v: Value =
            serde_json::from_str(&answer(ds, &r.config, TODAY, r.top).to_json()).unwrap();
        let cfg = url::decode(ds, &query).0;
        let a = analyze(ds, &cfg);
        assert_eq!(v["headline"], headline(ds, &a));
        let ids: Vec<&str> = table_order(&a)
            .into_iter()
            .take(DEFAULT_TOP)
            .map(|i| a.rows[i].model.id.as_str())
            .collect();
        let got: Vec<&str> = v["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap())
            .collect();
        assert_eq!(got, ids);
        let (_, l) = launch::for_focus(ds, &a, None).unwrap();
        assert_eq!(v["launch"]["command"], l.command);
        // The link opens the page on this configuration.
        assert_eq!(url::decode(ds, v["config_url"].as_str().unwrap()).0, cfg);
        // `--preset` is the same configuration.
        assert_eq!(request_in(ds, &["--preset", preset]).config, cfg);
    }

    /// The seed's reference machine (96 GB discrete).
    #[test]
    fn pro6000_is_the_page_answer() {
        is_the_page_answer("pro6000");
    }

    /// A unified-memory machine with its GPU share (DGX Spark).
    #[test]
    fn spark_is_the_page_answer() {
        is_the_page_answer("spark");
    }

    /// The largest Mac, where a model too big for the discrete cards fits.
    #[test]
    fn mac512_is_the_page_answer() {
        is_the_page_answer("mac512");
    }
}
