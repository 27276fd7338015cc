//! Recall and false-positive rate on the real corpus (crates/screen/corpus/) at the
//! `medium` level: a text counts as flagged when its score is at least the medium
//! threshold of the weights in use.
//!
//!     cargo run -p zonewatch-screen --example corpus_eval [-- --list] [LURES.jsonl LEGIT.jsonl]
//!
//! Prints the counts overall, for verbatim and paraphrased items, and per language;
//! `--list` prints each item's id, level, score and signs.
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufRead, BufReader};
use zonewatch_screen::{Level, Screener};

struct Item {
    id: String,
    text: String,
    language: String,
    verbatim: bool,
}

fn read(path: &str) -> Result<Vec<Item>, Box<dyn std::error::Error>> {
    let mut out = Vec::new();
    for line in BufReader::new(File::open(path)?).lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(&line)?;
        let s = |k: &str| v[k].as_str().unwrap_or("").to_string();
        out.push(Item {
            id: s("id"),
            text: s("text"),
            language: s("language"),
            verbatim: v["verbatim"].as_bool().unwrap_or(false),
        });
    }
    Ok(out)
}

#[derive(Default)]
struct Count {
    flagged: usize,
    total: usize,
}

impl Count {
    fn add(&mut self, flagged: bool) {
        self.total += 1;
        self.flagged += usize::from(flagged);
    }
    fn show(&self) -> String {
        let share = if self.total == 0 {
            0.0
        } else {
            self.flagged as f64 / self.total as f64
        };
        format!("{}/{} = {:.3}", self.flagged, self.total, share)
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let list = args.iter().any(|a| a == "--list");
    args.retain(|a| a != "--list");
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
    let lures = args
        .first()
        .cloned()
        .unwrap_or(format!("{dir}/lures.jsonl"));
    let legit = args
        .get(1)
        .cloned()
        .unwrap_or(format!("{dir}/legitimate.jsonl"));
    let screener = Screener::new()?;
    for (name, path) in [
        ("lures (recall)", &lures),
        ("legitimate (false positives)", &legit),
    ] {
        let mut all = Count::default();
        let mut by_kind: BTreeMap<&str, Count> = BTreeMap::new();
        let mut by_lang: BTreeMap<String, Count> = BTreeMap::new();
        for item in read(path)? {
            let s = screener.screen(&item.text, None);
            let flagged = s.level >= Level::Medium;
            all.add(flagged);
            by_kind
                .entry(if item.verbatim {
                    "verbatim"
                } else {
                    "paraphrase"
                })
                .or_default()
                .add(flagged);
            by_lang
                .entry(item.language.clone())
                .or_default()
                .add(flagged);
            if list {
                let mut codes: Vec<&str> = s.signals.iter().map(|x| &*x.code).collect();
                codes.dedup();
                let contacts: Vec<String> = s
                    .contacts
                    .iter()
                    .map(|c| format!("{}:{}", c.kind.as_str(), c.value))
                    .collect();
                println!(
                    "{} {:6} {:.4} {} {}",
                    item.id,
                    s.level.as_str(),
                    s.score,
                    codes.join(","),
                    contacts.join(" ")
                );
            }
        }
        println!("{name}: at medium or above {}", all.show());
        for (k, c) in &by_kind {
            println!("  {k}: {}", c.show());
        }
        let langs: Vec<String> = by_lang
            .iter()
            .map(|(l, c)| format!("{l} {}", c.show()))
            .collect();
        println!("  by language: {}", langs.join("; "));
    }
    Ok(())
}
