//! `zonewatch screen` (recruitment-lure screening), `screen eval`, `screen train`, and
//! `zonewatch networks` (ads that share a recruiter's contact, and the survivors and
//! compounds they lead to), over zonewatch-screen.

use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::io::{self, BufReader, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use zonewatch_app::App;
use zonewatch_model::{Body, Kind};
use zonewatch_screen::{
    build_networks, screen_stream, screen_text, InputFormat, OutputFormat, ScreenOptions, Screener,
    Weights,
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

pub fn screen(args: ScreenArgs) -> Result<ExitCode> {
    let screener = screener(args.patterns.as_ref(), args.weights.as_ref())?;
    match args.command {
        Some(ScreenCommand::Eval { file }) => {
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

/// Ads linked by shared contacts; persons whose recruitment ad is in a network;
/// testimonies whose transcript mentions a network's contact (only when the key is
/// unlocked: transcripts are restricted, and their contacts are compared in memory,
/// never stored); and the sites where those persons were held.
pub fn networks(app: &mut App, json: bool, min_ads: usize) -> Result<ExitCode> {
    // Networks name persons and the sites they were held at: internal, never public.
    app.require(zonewatch_app::Action::ReadInternal)?;
    let screener = Screener::new().context("the shipped patterns")?;
    let loaded = app.load_for_export(
        &[Kind::Ad, Kind::Person, Kind::Testimony],
        !app.is_unlocked(),
    )?;
    let mut items = Vec::new();
    let mut person_ad: Vec<(String, String)> = Vec::new();
    let mut custody: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut testimony_person: BTreeMap<String, String> = BTreeMap::new();
    for record in &loaded.records {
        match &record.body {
            Body::Ad(ad) => items.push((
                record.id.clone(),
                Kind::Ad,
                screen_text(&screener, &ad.text).contacts,
            )),
            Body::Person(person) => {
                if let Some(ad) = person.recruitment.as_ref().and_then(|r| r.ad.clone()) {
                    person_ad.push((record.id.clone(), ad));
                }
                custody.insert(
                    record.id.clone(),
                    person.custody.iter().map(|c| c.site.clone()).collect(),
                );
            }
            Body::Testimony(testimony) if testimony.is_usable() => {
                testimony_person.insert(record.id.clone(), testimony.person.clone());
                if let Some(transcript) = &testimony.transcript {
                    items.push((
                        record.id.clone(),
                        Kind::Testimony,
                        screen_text(&screener, transcript).contacts,
                    ));
                }
            }
            _ => {}
        }
    }
    let mut report = Vec::new();
    for network in build_networks(items)
        .into_iter()
        .filter(|n| n.ads.len() >= min_ads)
    {
        let ads: BTreeSet<&str> = network.ads.iter().map(String::as_str).collect();
        let mut persons: BTreeSet<String> = person_ad
            .iter()
            .filter(|(_, ad)| ads.contains(ad.as_str()))
            .map(|(p, _)| p.clone())
            .collect();
        let testimonies: Vec<&str> = network.attached.iter().map(|m| m.id.as_str()).collect();
        persons.extend(
            testimonies
                .iter()
                .filter_map(|t| testimony_person.get(*t).cloned()),
        );
        let sites: BTreeSet<&str> = persons
            .iter()
            .flat_map(|p| custody.get(p).into_iter().flatten())
            .map(String::as_str)
            .collect();
        report.push(serde_json::json!({
            "ads": network.ads,
            "contacts": network.contacts.iter().map(|c| serde_json::json!({"type": c.kind.as_str(), "value": c.value})).collect::<Vec<_>>(),
            "testimonies": testimonies,
            "persons": persons,
            "sites": sites,
        }));
    }
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
    if !app.is_unlocked() {
        eprintln!("note: transcripts are restricted; give the passphrase to link testimonies by the contacts they mention");
    }
    Ok(ExitCode::SUCCESS)
}
