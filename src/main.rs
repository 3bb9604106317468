//! Entry point. In the browser: mount the app. Natively:
//! - `cargo run -- validate [YYYY-MM-DD]` checks the dataset (the same rules as the test
//!   suite) and prints its counts;
//! - `cargo run -- import [--check]` regenerates `src/data/models.json` and `scores.json`,
//!   `sources/SNAPSHOTS.json` and `sources/IMPORT-REPORT.md` from the snapshots and curated
//!   files under `sources/` (`--check` only compares and fails when they differ);
//! - `cargo run -- recommend [options]` prints the page's answer for a configuration (the
//!   headline, the top rows and the launch command) as text, `--json` or `--markdown`; the
//!   flags are the page's URL keys (`--preset spark`, `--ctx 128k`, `--url '<link>'`) and go
//!   through the page's decoder (`engine::recommend`). Bad options exit 2; `--help` lists them.

#[cfg(target_arch = "wasm32")]
fn main() {
    codefit::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = match args.first().map(String::as_str) {
        Some("import") => native::import(args.iter().any(|a| a == "--check")),
        Some("recommend") => native::recommend(args.get(1..).unwrap_or_default()),
        Some("validate") | None => native::validate(args.get(1).map(String::as_str)),
        Some(other) => {
            eprintln!(
                "unknown command `{other}`: use `validate [date]`, `import [--check]` or `recommend [options]`"
            );
            2
        }
    };
    std::process::exit(code);
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use codefit::engine::import;
    use codefit::engine::recommend::{self, Command};
    use codefit::engine::{Dataset, Date};
    use std::path::Path;

    fn today(arg: Option<&str>) -> Option<Date> {
        let system_today = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .ok()
            .and_then(|d| Date::from_days_since_epoch((d.as_secs() / 86_400) as i64));
        arg.and_then(Date::parse).or(system_today)
    }

    /// `recommend`: parse, answer, print. Notices of a `--url` go to stderr.
    pub fn recommend(args: &[String]) -> i32 {
        let ds = Dataset::bundled();
        let request = match recommend::parse_args(ds, args) {
            Ok(Command::Help) => {
                print!("{}", recommend::usage());
                return 0;
            }
            Ok(Command::Run(r)) => *r,
            Err(message) => {
                eprintln!("codefit recommend: {message}");
                return 2;
            }
        };
        for n in &request.notices {
            eprintln!("notice ({}): {}", n.key, n.message);
        }
        let today = today(None).unwrap_or_else(|| ds.newest_date());
        let answer = recommend::answer(ds, &request.config, today, request.top);
        print!("{}", answer.render(request.output));
        0
    }

    pub fn validate(date: Option<&str>) -> i32 {
        let ds = Dataset::bundled();
        // "Not in the future" is checked against today's date (or the date given).
        let today = today(date).unwrap_or_else(|| ds.newest_date());
        let problems = ds.validate(today);
        println!(
            "codefit dataset: {} models, {} scores, {} benchmarks, {} devices, {} presets, {} weight formats, {} KV formats; newest figure {}",
            ds.models.len(),
            ds.scores.len(),
            ds.benchmarks.len(),
            ds.devices.len(),
            ds.presets.len(),
            ds.weight_formats.len(),
            ds.kv_formats.len(),
            ds.newest_date()
        );
        for p in &problems {
            eprintln!("problem: {p}");
        }
        i32::from(!problems.is_empty())
    }

    pub fn import(check: bool) -> i32 {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let files = match import::read_dir(&root.join("sources")) {
            Ok(f) => f,
            Err(e) => {
                eprintln!("import: {e}");
                return 1;
            }
        };
        let out = match import::run(&files) {
            Ok(o) => o,
            Err(errors) => {
                for e in errors {
                    eprintln!("import: {e}");
                }
                return 1;
            }
        };
        let targets = [
            ("src/data/models.json", &out.models_json),
            ("src/data/scores.json", &out.scores_json),
            ("sources/SNAPSHOTS.json", &out.snapshots_json),
            ("sources/IMPORT-REPORT.md", &out.report_md),
        ];
        let mut stale = 0;
        for (rel, text) in targets {
            let path = root.join(rel);
            let current = std::fs::read_to_string(&path).unwrap_or_default();
            if current == *text {
                continue;
            }
            if check {
                eprintln!(
                    "import --check: {rel} is not the import's output (run `cargo run -- import`)"
                );
                stale += 1;
            } else if let Err(e) = std::fs::write(&path, text) {
                eprintln!("import: writing {rel}: {e}");
                return 1;
            } else {
                println!("import: wrote {rel}");
            }
        }
        if !check {
            println!("import: report in sources/IMPORT-REPORT.md");
        }
        i32::from(stale > 0)
    }
}
