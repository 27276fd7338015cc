//! Fits the scoring weights on a labelled file and prints the weights file, then the
//! metrics of the fitted weights on each evaluation file given (a stand-in for
//! `zonewatch screen train` / `screen eval` while developing).
//!
//!     cargo run -p zonewatch-screen --example train_weights -- TRAIN.jsonl "fitted from ..." [EVAL.jsonl ...] > weights.toml
use std::fs::File;
use std::io::BufReader;
use zonewatch_screen::{evaluate, train, Screener};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(path), Some(from)) = (args.first(), args.get(1)) else {
        return Err("usage: train_weights TRAIN.jsonl FITTED_FROM [EVAL.jsonl ...]".into());
    };
    let mut screener = Screener::new()?;
    let weights = train(&screener, BufReader::new(File::open(path)?), from)?;
    print!("{}", weights.to_toml());
    screener.set_weights(&weights)?;
    for eval in std::iter::once(path).chain(&args[2..]) {
        let m = evaluate(&screener, BufReader::new(File::open(eval)?))?;
        eprintln!(
            "{eval}: {} lines, threshold {}: precision {:.3} recall {:.3} F1 {:.3} ROC AUC {:.3}; TP {} FP {} TN {} FN {}",
            m.lines, m.threshold, m.precision, m.recall, m.f1, m.roc_auc,
            m.confusion.true_positive, m.confusion.false_positive, m.confusion.true_negative, m.confusion.false_negative
        );
    }
    Ok(())
}
