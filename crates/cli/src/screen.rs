//! `zonewatch screen` (recruitment-lure screening), `screen eval`, `screen train`, and
//! `zonewatch networks` (ads that share a recruiter's contact, and the survivors and
//! compounds they lead to), over zonewatch-screen.

use std::fs::File;
use std::io::{self, BufReader, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use zonewatch_app::App;
use zonewatch_screen::{
    screen_stream, InputFormat, OutputFormat, ScreenOptions, Screener, Weights,
};

use crate::commands::output_to;
use crate::{ScreenArgs, ScreenCommand, ScreenInput, ScreenOutput};

/// The screener over the shipped data files, an analyst's directory, and weights.
fn screener(patterns: Option<&PathBuf>, weights: Option<&PathBuf>) -> Result<Screener> {
    let mut screener = match patterns {
        Some(dir) => {
            Screener::from_dir(dir).with_context(|| format!("patterns in {}", dir.display()))?
        }
        None => Screener::new().context("the shipped patterns")?,
    };
    if let Some(path) = weights {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let weights =
            Weights::from_toml(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        screener
            .set_weights(&weights)
            .with_context(|| format!("weights in {}", path.display()))?;
    }
    Ok(screener)
}

fn open_input(file: &str) -> Result<Box<dyn io::BufRead + Send>> {
    Ok(if file == "-" {
        Box::new(BufReader::with_capacity(1 << 20, io::stdin()))
    } else {
        Box::new(BufReader::with_capacity(
            1 << 20,
            File::open(file).with_context(|| format!("cannot open {file}"))?,
        ))
    })
}

/// `open_app`: the database, for `screen reindex` (the passphrase given if any).
pub fn screen(args: ScreenArgs, open_app: impl FnOnce() -> Result<App>) -> Result<ExitCode> {
    let screener = || screener(args.patterns.as_ref(), args.weights.as_ref());
    match args.command {
        Some(ScreenCommand::Reindex) => {
            if args.patterns.is_some() || args.weights.is_some() {
                anyhow::bail!(
                    "`screen reindex` stores what the shipped patterns and weights find; \
                     --patterns and --weights are for screening files"
                );
            }
            let mut app = open_app()?;
            let done = app.screening_refresh(true)?;
            app.close()?;
            eprintln!(
                "screened {} ads and {} testimonies' transcripts",
                done.ads, done.testimonies
            );
            if done.testimonies_waiting > 0 {
                eprintln!(
                    "{} testimonies wait for the passphrase: transcripts are restricted",
                    done.testimonies_waiting
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(ScreenCommand::Eval { file }) => {
            let screener = screener()?;
            let metrics = zonewatch_screen::evaluate(&screener, open_input(&file)?)
                .map_err(|e| anyhow::anyhow!("{file}: {e}"))?;
            let c = metrics.confusion;
            println!("labelled texts: {} ({file})", metrics.lines);
            println!(
                "threshold:      score >= {:.2} (level medium or high) counts as lure",
                metrics.threshold
            );
            println!("precision:      {:.3}", metrics.precision);
            println!("recall:         {:.3}", metrics.recall);
            println!("F1:             {:.3}", metrics.f1);
            println!("ROC AUC:        {:.3}", metrics.roc_auc);
            println!();
            println!("                 predicted lure   predicted legit");
            println!(
                "labelled lure    {:>14}   {:>15}",
                c.true_positive, c.false_negative
            );
            println!(
                "labelled legit   {:>14}   {:>15}",
                c.false_positive, c.true_negative
            );
            Ok(ExitCode::SUCCESS)
        }
        Some(ScreenCommand::Train { file, output }) => {
            let screener = screener()?;
            let weights = zonewatch_screen::train(
                &screener,
                open_input(&file)?,
                &format!("fitted by `zonewatch screen train` on {file}"),
            )
            .map_err(|e| anyhow::anyhow!("{file}: {e}"))?;
            let mut out = output_to(&output)?;
            out.write_all(weights.to_toml().as_bytes())?;
            out.flush()?;
            if let Some(path) = output {
                eprintln!(
                    "weights written to {}; use them with --weights {}",
                    path.display(),
                    path.display()
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        None => {
            let screener = screener()?;
            let input = match args.input {
                ScreenInput::Jsonl => InputFormat::Jsonl,
                ScreenInput::Lines => InputFormat::Lines,
                ScreenInput::Csv => InputFormat::Csv {
                    text_column: args
                        .text_column
                        .ok_or_else(|| anyhow::anyhow!("--input csv needs --text-column NAME"))?,
                    id_column: args.id_column,
                },
            };
            let format = match args.format {
                ScreenOutput::Jsonl => OutputFormat::Jsonl,
                ScreenOutput::Table => OutputFormat::Table {
                    color: io::stdout().is_terminal(),
                },
            };
            let options = ScreenOptions {
                input,
                format,
                region: args.region,
                threads: None,
                top: args.top,
            };
            let file = args.file.unwrap_or_else(|| "-".into());
            let stdout = io::stdout().lock();
            match screen_stream(
                &screener,
                open_input(&file)?,
                io::BufWriter::with_capacity(1 << 20, stdout),
                &options,
            ) {
                Ok(summary) => {
                    eprintln!(
                        "screened {} texts: {} high, {} medium, {} low; {} could not be screened",
                        summary.screened, summary.high, summary.medium, summary.low, summary.errors
                    );
                    Ok(ExitCode::SUCCESS)
                }
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
                Err(e) => Err(e).context("screening failed"),
            }
        }
    }
}

/// Ads linked by shared contacts, from the screening stored at import (brought up
/// to date first, see zonewatch-app's `screening`); persons whose recruitment ad is
/// in a network; with the key ring unlocked, testimonies whose transcript mentions a
/// network's contact (linked by keyed hashes, never plain contacts); and the sites
/// where those persons were held.
pub fn networks(app: &mut App, json: bool, min_ads: usize) -> Result<ExitCode> {
    let found = app.networks(min_ads)?;
    let report: Vec<serde_json::Value> = found
        .networks
        .iter()
        .map(|n| {
            serde_json::json!({
                "ads": n.ads,
                "contacts": n.contacts.iter().map(|c| serde_json::json!({"type": c.kind.as_str(), "value": c.value})).collect::<Vec<_>>(),
                "testimonies": n.testimonies,
                "persons": n.persons,
                "sites": n.sites,
            })
        })
        .collect();
    let mut out = io::BufWriter::new(io::stdout().lock());
    if json {
        serde_json::to_writer_pretty(&mut out, &report)?;
        writeln!(out)?;
    } else {
        for (i, n) in report.iter().enumerate() {
            let list = |key: &str| {
                n[key].as_array().map_or_else(String::new, |a| {
                    a.iter()
                        .filter_map(|v| v.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                })
            };
            let contacts: Vec<String> = n["contacts"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|c| {
                    format!(
                        "{} {}",
                        c["type"].as_str().unwrap_or(""),
                        c["value"].as_str().unwrap_or("")
                    )
                })
                .collect();
            writeln!(
                out,
                "network {} — {} ads",
                i + 1,
                n["ads"].as_array().map_or(0, Vec::len)
            )?;
            writeln!(out, "  contacts:    {}", contacts.join(", "))?;
            writeln!(out, "  ads:         {}", list("ads"))?;
            writeln!(out, "  testimonies: {}", list("testimonies"))?;
            writeln!(out, "  persons:     {}", list("persons"))?;
            writeln!(out, "  sites:       {}", list("sites"))?;
        }
    }
    out.flush()?;
    if !found.testimonies_linked {
        eprintln!("note: transcripts are restricted; give the passphrase to link testimonies by the contacts they mention");
    }
    Ok(ExitCode::SUCCESS)
}
