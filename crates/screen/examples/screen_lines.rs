//! Screens the lines of standard input and prints FORMAT.md's Screening JSON Lines,
//! or a table with `--table` (a stand-in for `zonewatch screen` while developing).
//!
//!     cargo run -p zonewatch-screen --example screen_lines -- [--table] [--lines] [--region TH] < ads.jsonl
use std::io::{self, IsTerminal};

/// The zonewatch binary's allocator (crates/cli/src/main.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use zonewatch_screen::{screen_stream, InputFormat, OutputFormat, ScreenOptions, Screener};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let screener = Screener::new()?;
    let mut options = ScreenOptions::default();
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--table" => {
                options.format = OutputFormat::Table {
                    color: io::stdout().is_terminal(),
                }
            }
            "--lines" => options.input = InputFormat::Lines,
            "--region" => {
                i += 1;
                options.region = args.get(i).cloned();
            }
            "--threads" => {
                i += 1;
                options.threads = args.get(i).and_then(|t| t.parse().ok());
            }
            "--top" => {
                i += 1;
                options.top = args.get(i).and_then(|t| t.parse().ok());
            }
            other => return Err(format!("unknown argument {other}").into()),
        }
        i += 1;
    }
    // Large reads: fewer system calls than stdin's 8 KiB buffer.
    let stdin = io::BufReader::with_capacity(1 << 20, io::stdin().lock());
    let stdout = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let summary = screen_stream(&screener, stdin, stdout, &options)?;
    eprintln!(
        "screened {} records ({} bytes): {} high, {} medium, {} low, {} errors",
        summary.screened, summary.bytes, summary.high, summary.medium, summary.low, summary.errors
    );
    Ok(())
}
