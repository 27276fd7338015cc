//! Reads a CSV sheet (with or without a mapping) and prints v1 JSON Lines, or the
//! validation report (row, line, column, problem) and exits 1, writing no line:
//! all or nothing, like the JSON Lines import.
//!
//! ```text
//! cargo run -p zonewatch-interop --example csv_import -- --kind site [--map MAP.toml] SHEET.csv
//! ```

use std::error::Error;
use std::fs;
use std::process::ExitCode;

use zonewatch_interop::{csv_to_v1, Mapping};
use zonewatch_model::Kind;

fn main() -> Result<ExitCode, Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let usage = "usage: csv_import --kind KIND [--map MAP.toml] SHEET.csv";
    let sheet = args.last().ok_or(usage)?;
    let mapping = match value("--map") {
        Some(path) => {
            let text = fs::read_to_string(&path)?;
            match Mapping::from_toml(&text) {
                Ok(mapping) => Some(mapping),
                Err(errors) => {
                    for error in errors {
                        eprintln!("{path}: {error}");
                    }
                    return Ok(ExitCode::FAILURE);
                }
            }
        }
        None => None,
    };
    let kind = match (value("--kind"), &mapping) {
        (Some(kind), _) => Kind::parse(&kind).ok_or(format!("unknown kind `{kind}`"))?,
        (None, Some(mapping)) => mapping.kind(),
        (None, None) => return Err(usage.into()),
    };
    let file = fs::File::open(sheet)?;
    let rows = match csv_to_v1(file, kind, mapping.as_ref()) {
        Ok(rows) => rows,
        Err(error) => {
            eprintln!("{sheet}: {error}");
            return Ok(ExitCode::FAILURE);
        }
    };
    let mut lines = Vec::new();
    let mut problems = 0;
    for row in rows {
        match row.result {
            Ok(line) => lines.push(line),
            Err(errors) => {
                for error in errors {
                    eprintln!("{sheet}: {error}");
                    problems += 1;
                }
            }
        }
    }
    if problems > 0 {
        eprintln!("{sheet}: {problems} problems; nothing written");
        return Ok(ExitCode::FAILURE);
    }
    for line in lines {
        println!("{line}");
    }
    Ok(ExitCode::SUCCESS)
}
