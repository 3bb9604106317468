//! The built binary's `recommend` command as a user runs it: exit codes, the three outputs,
//! and that it answers what the engine answers for the same link.

#![allow(
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "test helpers outside #[test] fns: a panic there is a failing test"
)]

use codefit::engine::{Dataset, analyze, headline, table, url};
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_codefit"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// No options: the page's defaults (the seed's reference machine), the headline first, then
/// the table and the command.
#[test]
fn no_options_print_the_default_answer() {
    let o = run(&["recommend"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let ds = Dataset::bundled();
    let want = headline(ds, &analyze(ds, &url::decode(ds, "").0));
    let out = stdout(&o);
    assert!(out.starts_with(&want), "{out}");
    assert!(
        out.contains("Decode tok/s") && out.contains("llama-server"),
        "{out}"
    );
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
}

/// `--json` on a link: parseable, the stable keys, the engine's headline for that link.
#[test]
fn json_has_the_stable_keys_and_the_engine_answer() {
    let o = run(&[
        "recommend",
        "--url",
        "?hw=spark&ctx=128k",
        "--json",
        "--top",
        "5",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    let ds = Dataset::bundled();
    let a = analyze(ds, &url::decode(ds, "hw=spark&ctx=128k").0);
    assert_eq!(v["headline"], headline(ds, &a));
    assert_eq!(v["config_url"], "v=1&hw=spark&ctx=128k");
    assert_eq!(v["data_date"], a.scope.as_of.to_string());
    let rows = v["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), 5);
    // The page's table order: what runs here first, then the proprietary leaders.
    let order: Vec<usize> = (0..a.rows.len()).collect();
    let g = table::group(&a, &order, true);
    let want: Vec<usize> = [g.runs, g.reference, g.more_reference, g.no_fit].concat();
    for (r, &i) in rows.iter().zip(&want) {
        assert_eq!(r["id"], a.rows[i].model.id);
        for key in ["name", "rank", "format", "fit", "decode_tok_s", "score"] {
            assert!(r.get(key).is_some(), "{key}");
        }
    }
    assert_eq!(v["launch"]["runtime"], "llama.cpp");
    assert!(
        v["launch"]["command"]
            .as_str()
            .is_some_and(|c| c.contains("--ctx-size 131072")),
        "{}",
        v["launch"]
    );
}

/// `--markdown`: a heading, the headline, a table with a header and the rows, the command in
/// a fenced block.
#[test]
fn markdown_has_heading_table_and_fenced_command() {
    let o = run(&[
        "recommend",
        "--preset",
        "mac512",
        "--runtime",
        "mlx",
        "--markdown",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let md = stdout(&o);
    assert!(md.starts_with("## codefit recommendation\n"), "{md}");
    assert!(md.contains("On Apple"), "{md}");
    assert!(
        md.contains("| # | Model | Format | Fit | Decode tok/s |"),
        "{md}"
    );
    assert_eq!(md.lines().filter(|l| l.starts_with("| ")).count(), 2 + 10);
    assert!(md.contains("```sh\nmlx_lm.server"), "{md}");
}

/// Bad options exit 2 with the reason on stderr and nothing on stdout; a link's corrections
/// are notices on stderr and the answer still prints; `--help` exits 0.
#[test]
fn exit_codes_and_messages() {
    for (args, says) in [
        (&["recommend", "--ctx", "lots"][..], "--ctx lots"),
        (
            &["recommend", "--frobnicate"],
            "unknown option `--frobnicate`",
        ),
        (&["recommend", "--device", "rtx-9999"], "unknown device"),
        (&["recommend", "--top"], "--top needs a value"),
    ] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains(says), "{args:?}: {}", stderr(&o));
        assert!(o.stdout.is_empty());
    }
    let o = run(&["recommend", "--url", "hw=spark&nope=1", "--json"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stderr(&o).contains("unknown setting “nope” ignored"),
        "{}",
        stderr(&o)
    );
    assert!(serde_json::from_str::<serde_json::Value>(&stdout(&o)).is_ok());
    let o = run(&["recommend", "--help"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).starts_with("usage: codefit recommend"));
    for flag in [
        "--preset",
        "--device",
        "--runtime",
        "--ctx",
        "--url",
        "--json",
        "--markdown",
    ] {
        assert!(stdout(&o).contains(flag), "{flag}");
    }
}

/// A shared link with "your model" (a pasted config.json) gives the same model to the command
/// line: its row is there with the page's memory maths (Qwen2.5-7B at Q8_0, 32k: 11.0 GB).
#[test]
fn a_link_with_your_model_answers_with_it() {
    use codefit::engine::own_model::{Inputs, OwnModel};
    let ds = Dataset::bundled();
    let own = OwnModel::from_inputs(
        ds,
        &Inputs {
            config_json: include_str!("../e2e/fixtures/qwen2.5-7b-instruct.config.json").into(),
            total_b: "7.61".into(),
            scores: ["99".into(), String::new(), String::new(), String::new()],
            ..Default::default()
        },
    )
    .expect("the fixture config maps");
    let query = format!("ctx=32k&om={}", own.encode());
    let o = run(&["recommend", "--url", &query, "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("\"id\":\"own\"") || out.contains("\"id\": \"own\""),
        "{out}"
    );
    assert!(out.contains("Qwen2.5-7B-Instruct (your model"), "{out}");
}
