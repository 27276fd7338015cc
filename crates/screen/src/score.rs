//! Scoring: logistic regression over binary features (one per signal code, and three
//! from the contacts), its weights file, levels, evaluation and training.
//!
//! score = 1 / (1 + e^-(bias + Σ weight_f · x_f)), x_f ∈ {0, 1}.

use crate::{screen_text, Screener};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::io::BufRead;

/// `high` | `medium` | `low`, from the score and the thresholds in the weights file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Low,
    Medium,
    High,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::High => "high",
            Level::Medium => "medium",
            Level::Low => "low",
        }
    }
}

/// The weights file (`data/weights.toml`).
#[derive(Clone, Debug, PartialEq)]
pub struct Weights {
    /// What the weights were fitted or set from, in words. Written at the top of the
    /// file.
    pub fitted_from: String,
    pub bias: f64,
    /// Feature name -> weight. A feature not listed weighs 0.
    pub weights: BTreeMap<String, f64>,
    /// `high` at or above this score.
    pub high: f64,
    /// `medium` at or above this score (and below `high`); also the threshold at which
    /// [`evaluate`] counts a text as predicted lure.
    pub medium: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WeightsFile {
    fitted_from: String,
    bias: f64,
    levels: LevelsFile,
    weights: BTreeMap<String, f64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LevelsFile {
    high: f64,
    medium: f64,
}

impl Weights {
    pub fn from_toml(text: &str) -> Result<Weights, String> {
        let file: WeightsFile = toml::from_str(text).map_err(|e| e.to_string())?;
        let (high, medium) = (file.levels.high, file.levels.medium);
        if !(0.0 < medium && medium <= high && high <= 1.0) {
            return Err(format!(
                "levels: expected 0 < medium <= high <= 1, got medium {medium}, high {high}"
            ));
        }
        if !file.bias.is_finite() || file.weights.values().any(|w| !w.is_finite()) {
            return Err("weights must be finite numbers".to_string());
        }
        Ok(Weights {
            fitted_from: file.fitted_from,
            bias: file.bias,
            weights: file.weights,
            high,
            medium,
        })
    }

    /// The weights file text: provenance first, then levels and weights.
    pub fn to_toml(&self) -> String {
        let mut out = String::new();
        out.push_str("# zonewatch screening weights: logistic regression over binary features\n");
        out.push_str(
            "# (one per signal code, and contact_messenger, contact_phone, contact_wallet).\n",
        );
        out.push_str(
            "# score = 1 / (1 + exp(-(bias + sum of the weights of the features present)))\n",
        );
        out.push_str("# See docs/SCREENING.md. Written by `zonewatch screen train`.\n\n");
        out.push_str("fitted_from = \"\"\"\n");
        out.push_str(
            &self
                .fitted_from
                .replace('\\', "\\\\")
                .replace("\"\"\"", "\\\"\\\"\\\""),
        );
        if !self.fitted_from.ends_with('\n') {
            out.push('\n');
        }
        out.push_str("\"\"\"\n\n");
        out.push_str(&format!(
            "bias = {:.4}\n\n[levels]\nhigh = {}\nmedium = {}\n\n[weights]\n",
            self.bias, self.high, self.medium
        ));
        for (name, w) in &self.weights {
            out.push_str(&format!("{name} = {w:.4}\n"));
        }
        out
    }

    pub fn level(&self, score: f64) -> Level {
        if score >= self.high {
            Level::High
        } else if score >= self.medium {
            Level::Medium
        } else {
            Level::Low
        }
    }
}

/// Why a labelled file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("line {line}: {message}")]
    Line { line: usize, message: String },
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("no labelled lines: expected JSON Lines with \"text\" and \"label\" (lure or legit)")]
    Empty,
}

#[derive(Deserialize)]
struct Labelled {
    text: String,
    label: String,
}

/// Reads JSON Lines of `{"text": ..., "label": "lure" | "legit"}` (other fields are
/// ignored; blank lines skipped). Returns (text, is_lure).
pub fn read_labelled(reader: impl BufRead) -> Result<Vec<(String, bool)>, EvalError> {
    let mut out = Vec::new();
    for (n, line) in reader.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let l: Labelled = serde_json::from_str(&line).map_err(|e| EvalError::Line {
            line: n + 1,
            message: format!("{e}"),
        })?;
        let lure = match l.label.as_str() {
            "lure" => true,
            "legit" => false,
            other => {
                return Err(EvalError::Line {
                    line: n + 1,
                    message: format!("label {other:?}: expected \"lure\" or \"legit\""),
                })
            }
        };
        out.push((l.text, lure));
    }
    if out.is_empty() {
        return Err(EvalError::Empty);
    }
    Ok(out)
}

/// Counts of predictions against labels; "positive" is lure.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Confusion {
    pub true_positive: u64,
    pub false_positive: u64,
    pub true_negative: u64,
    pub false_negative: u64,
}

/// How well the scores separate lures from legitimate ads on one labelled file.
#[derive(Clone, Debug, PartialEq)]
pub struct Metrics {
    pub lines: u64,
    /// A text is predicted lure when its score is at least this (the `medium` level).
    pub threshold: f64,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub roc_auc: f64,
    pub confusion: Confusion,
}

/// Area under the ROC curve: the chance that a random lure scores above a random
/// legitimate ad (ties count one half).
fn roc_auc(scored: &mut [(f64, bool)]) -> f64 {
    scored.sort_by(|a, b| a.0.total_cmp(&b.0));
    let positives = scored.iter().filter(|s| s.1).count() as f64;
    let negatives = scored.len() as f64 - positives;
    if positives == 0.0 || negatives == 0.0 {
        return f64::NAN;
    }
    // Sum of ranks of the positives, with tied scores sharing their mean rank.
    let mut rank_sum = 0.0;
    let mut i = 0;
    while i < scored.len() {
        let mut j = i;
        while j < scored.len() && scored[j].0 == scored[i].0 {
            j += 1;
        }
        let mean_rank = (i + 1 + j) as f64 / 2.0;
        rank_sum += scored[i..j].iter().filter(|s| s.1).count() as f64 * mean_rank;
        i = j;
    }
    (rank_sum - positives * (positives + 1.0) / 2.0) / (positives * negatives)
}

/// Screens every labelled text and measures the scores against the labels.
pub fn evaluate(screener: &Screener, reader: impl BufRead) -> Result<Metrics, EvalError> {
    let data = read_labelled(reader)?;
    let threshold = screener.config().weights.medium;
    let mut c = Confusion::default();
    let mut scored = Vec::with_capacity(data.len());
    for (text, lure) in &data {
        let score = screen_text(screener, text).score;
        scored.push((score, *lure));
        match (score >= threshold, *lure) {
            (true, true) => c.true_positive += 1,
            (true, false) => c.false_positive += 1,
            (false, false) => c.true_negative += 1,
            (false, true) => c.false_negative += 1,
        }
    }
    let ratio = |a: u64, b: u64| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let precision = ratio(c.true_positive, c.true_positive + c.false_positive);
    let recall = ratio(c.true_positive, c.true_positive + c.false_negative);
    let f1 = if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    Ok(Metrics {
        lines: data.len() as u64,
        threshold,
        precision,
        recall,
        f1,
        roc_auc: roc_auc(&mut scored),
        confusion: c,
    })
}

/// Training settings: plain batch gradient descent on the mean log-loss with an L2
/// penalty on the weights (not the bias).
#[derive(Clone, Copy, Debug)]
pub struct TrainOptions {
    pub epochs: usize,
    pub learning_rate: f64,
    pub l2: f64,
}

impl Default for TrainOptions {
    fn default() -> TrainOptions {
        TrainOptions {
            epochs: 4000,
            learning_rate: 0.5,
            l2: 0.01,
        }
    }
}

/// Fits weights on a labelled file. The levels are kept from the screener's current
/// weights; `fitted_from` should say what the data was.
pub fn train(
    screener: &Screener,
    reader: impl BufRead,
    fitted_from: &str,
) -> Result<Weights, EvalError> {
    train_with(screener, reader, fitted_from, TrainOptions::default())
}

pub fn train_with(
    screener: &Screener,
    reader: impl BufRead,
    fitted_from: &str,
    options: TrainOptions,
) -> Result<Weights, EvalError> {
    let data = read_labelled(reader)?;
    let rows: Vec<(Vec<f64>, f64)> = data
        .iter()
        .map(|(text, lure)| {
            (
                screener.features(&screen_text(screener, text)),
                if *lure { 1.0 } else { 0.0 },
            )
        })
        .collect();
    let names = screener.feature_names();
    let d = names.len();
    let n = rows.len() as f64;
    let mut w = vec![0.0; d];
    let mut b = 0.0;
    for _ in 0..options.epochs {
        let mut gw = vec![0.0; d];
        let mut gb = 0.0;
        for (x, y) in &rows {
            let z = b + x.iter().zip(&w).map(|(a, c)| a * c).sum::<f64>();
            let p = 1.0 / (1.0 + (-z).exp());
            let err = p - y;
            gb += err;
            for (g, xi) in gw.iter_mut().zip(x) {
                *g += err * xi;
            }
        }
        b -= options.learning_rate * gb / n;
        for (wi, gi) in w.iter_mut().zip(&gw) {
            *wi -= options.learning_rate * (gi / n + options.l2 * *wi);
        }
    }
    let current = &screener.config().weights;
    Ok(Weights {
        fitted_from: fitted_from.to_string(),
        bias: round4(b),
        weights: names
            .into_iter()
            .zip(w)
            .map(|(name, wi)| (name, round4(wi)))
            .collect(),
        high: current.high,
        medium: current.medium,
    })
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auc_counts_ties_as_half() {
        let mut s = vec![(0.9, true), (0.1, false), (0.5, true), (0.5, false)];
        assert!((roc_auc(&mut s) - 0.875).abs() < 1e-9);
    }
}
