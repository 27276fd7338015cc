//! Writes generated data to standard output.
//!
//! ```text
//! cargo run -p zonewatch-demo --example generate -- demo > demo.jsonl
//! cargo run --release -p zonewatch-demo --example generate -- bulk 1000000 > bulk.jsonl
//! ```

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result = match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["demo"] => zonewatch_demo::demo_dataset()
            .iter()
            .try_for_each(|record| writeln!(out, "{}", record.to_line()))
            .and_then(|()| out.flush()),
        ["bulk", n] => match n.parse::<usize>() {
            Ok(n) => zonewatch_demo::write_bulk(n, &mut out),
            Err(_) => {
                eprintln!("bulk: expected a number of records, got `{n}`");
                return ExitCode::from(2);
            }
        },
        _ => {
            eprintln!("usage: generate demo | generate bulk N");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
