//! `marsad train`: rebuilds the learned event filters (`lexicon/model/*.txt`) from gold
//! standard CSV files, and reports their k-fold cross-validated accuracy.
//!
//! For every sentence of the files, the rule-based coder (without any model) codes it; a
//! sentence with a factual candidate event of the file's category becomes a training
//! example, with the coder's features (see `marsad_coder::SentenceFeatures`) and the gold
//! label (`yes` positive, `easy no` / `difficult no` negative), weighted by how decisively
//! the annotators voted (see [`training_target`]). `ambiguous` rows train on the side their
//! votes took but are left out of the cross-validated figures, as `marsad eval` leaves them
//! out.
//! Sentences without a candidate stay predicted negative, so recall is measured over all
//! sentences. The model is an L2-regularised logistic regression fitted by full-batch
//! gradient descent with balanced class weights; folds are whole documents (the sentence
//! id before its last `-`), and cross-validation is repeated over [`REPEATS`] fixed splits
//! (see `assign_folds`), so training is deterministic. The regularisation strength and the
//! decision threshold are chosen by cross-validated F1 over all repeats pooled: the
//! strongest regularisation within [`F1_TOLERANCE`] of the best, then its best threshold.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

use marsad_coder::{Coder, DocumentRef};
use marsad_lexicon::EventModel;
use rustc_hash::FxHashMap;

use crate::eval::{exit_status, read_gsr, report_problems, Confusion, GsrRow, Label};
use crate::{load_lexicon, Fatal};

/// One training sentence.
struct Example {
    id: String,
    text: String,
    doc: String,
    gold: bool,
    /// Counted in the cross-validated figures (false for `ambiguous` rows, which only train).
    /// `gold` is then the side the votes took.
    scored: bool,
    /// Feature indices, or None when the coder found no candidate.
    features: Option<Vec<u32>>,
    /// The coder keeps the sentence's event whatever the model says (a specific report).
    specific: bool,
    /// How much the example counts in training (see [`training_target`]).
    weight: f64,
}

/// id, text, document, (gold label, scored, training weight), features (before the
/// vocabulary is fixed).
type RawExample<'a> = (
    &'a str,
    &'a str,
    String,
    (bool, bool, f64),
    Option<(Vec<String>, bool)>,
);

/// One regularisation strength's repeated cross-validation: best F1 over thresholds, the
/// L2 strength, the chosen threshold and `keep_specific`, its mean confusion, and the
/// out-of-fold probabilities of every repeat.
type CvRun = (f64, f64, (f64, bool), Confusion, Vec<Vec<f64>>);

/// L2 strengths tried by cross-validation.
const L2_GRID: [f64; 5] = [0.3, 1.0, 3.0, 10.0, 30.0];
const ITERATIONS: usize = 400;
/// Features seen in fewer training sentences are dropped.
const MIN_COUNT: usize = 2;

pub struct TrainArgs {
    pub files: Vec<PathBuf>,
    pub out: PathBuf,
    pub folds: usize,
    pub lexicon: Option<PathBuf>,
    /// Where to write the cross-validated prediction of every sentence (JSON lines), for
    /// error analysis.
    pub predictions: Option<PathBuf>,
}

pub fn run(args: TrainArgs) -> Result<ExitCode, Fatal> {
    let mut lex = load_lexicon(args.lexicon.as_ref())?;
    lex.models.clear();
    let coder = Coder::new(lex);
    let folds = args.folds.max(2);
    std::fs::create_dir_all(&args.out)?;
    // Malformed rows are reported and left out; the models are still written, but the
    // exit status says that something was skipped.
    let mut skipped = 0;
    for file in &args.files {
        let text =
            std::fs::read_to_string(file).map_err(|e| Fatal(format!("{}: {e}", file.display())))?;
        let gsr = read_gsr(&text).map_err(|e| Fatal(format!("{}: {e}", file.display())))?;
        report_problems(file, &gsr.problems, |p| format!("{}: skipped row", p.line));
        skipped += gsr.problems.len();
        let Some(first) = gsr.rows.first() else {
            return Err(Fatal(format!("{}: no rows", file.display())));
        };
        let category = first.event_type.to_ascii_uppercase();
        let Some(&category) = marsad_coder::FILTERED_CATEGORIES
            .iter()
            .find(|c| **c == category)
        else {
            return Err(Fatal(format!(
                "{}: no filter is trained for {category}",
                file.display()
            )));
        };
        let mut vocab: FxHashMap<String, u32> = FxHashMap::default();
        let mut names: Vec<String> = Vec::new();
        let mut raw: Vec<RawExample> = Vec::new();
        for row in gsr
            .rows
            .iter()
            .filter(|r| r.event_type.eq_ignore_ascii_case(category))
        {
            let (positive, weight) = training_target(row);
            let gold = (positive, row.label != Label::Ambiguous, weight);
            let date = row.date().unwrap_or_default();
            let coded = coder.code(&DocumentRef {
                id: &row.id,
                text: &row.text,
                date: &date,
                title: None,
                url: None,
                source: None,
            });
            let feats = coded
                .features
                .into_iter()
                .find(|f| f.category == category)
                .map(|f| (f.features, f.specific));
            let doc = row
                .id
                .rsplit_once('-')
                .map(|(d, _)| d.to_string())
                .unwrap_or_else(|| row.id.clone());
            raw.push((&row.id, &row.text, doc, gold, feats));
        }
        // Vocabulary: features seen in at least MIN_COUNT candidate sentences.
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for (_, _, _, _, f) in &raw {
            for x in f.iter().flat_map(|(f, _)| f) {
                *counts.entry(x.as_str()).or_default() += 1;
            }
        }
        for (name, n) in &counts {
            if *n >= MIN_COUNT {
                vocab.insert(name.to_string(), names.len() as u32);
                names.push(name.to_string());
            }
        }
        let examples: Vec<Example> = raw
            .iter()
            .map(|(id, text, doc, (gold, scored, weight), f)| Example {
                id: id.to_string(),
                text: text.to_string(),
                doc: doc.clone(),
                gold: *gold,
                scored: *scored,
                weight: *weight,
                features: f
                    .as_ref()
                    .map(|(f, _)| f.iter().filter_map(|x| vocab.get(x).copied()).collect()),
                specific: f.as_ref().is_some_and(|(_, s)| *s),
            })
            .collect();
        let splits: Vec<Vec<usize>> = (0..REPEATS)
            .map(|r| assign_folds(&examples, folds, r))
            .collect();

        // Repeated cross-validation over the L2 grid: (best F1 over thresholds, l2, chosen
        // threshold, its confusion averaged over the repeats, out-of-fold probabilities of
        // every repeat) for every regularisation strength.
        let mut runs: Vec<CvRun> = Vec::new();
        for l2 in L2_GRID {
            let mut oofs = Vec::with_capacity(REPEATS);
            for fold_of in &splits {
                let mut oof = vec![0.0f64; examples.len()];
                for k in 0..folds {
                    let train: Vec<usize> =
                        (0..examples.len()).filter(|&i| fold_of[i] != k).collect();
                    let (w, b) = fit(&examples, &train, names.len(), l2);
                    for i in (0..examples.len()).filter(|&i| fold_of[i] == k) {
                        oof[i] = predict(&examples[i], &w, b);
                    }
                }
                oofs.push(oof);
            }
            let (threshold, keep_specific, conf, top) = best_threshold(&examples, &oofs);
            runs.push((top, l2, (threshold, keep_specific), conf, oofs));
        }
        // The strongest regularisation within the tolerance of the best: a smoother model
        // travels better to news unlike the gold standard's.
        let best_f1 = runs.iter().map(|r| r.0).fold(0.0, f64::max);
        let (_, l2, (threshold, keep_specific), cv, oofs) = runs
            .into_iter()
            .filter(|r| r.0 >= best_f1 - F1_TOLERANCE)
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .expect("grid is not empty");
        if let Some(path) = &args.predictions {
            // Each sentence's out-of-fold probability, averaged over the repeats.
            let oof: Vec<f64> = (0..examples.len())
                .map(|i| oofs.iter().map(|o| o[i]).sum::<f64>() / oofs.len() as f64)
                .collect();
            let mut out = String::new();
            for ((e, p), r) in examples.iter().zip(&oof).zip(&raw) {
                let v = serde_json::json!({"category": category, "id": e.id, "gold": e.gold, "scored": e.scored,
                    "candidate": e.features.is_some(), "p": (p * 1000.0).round() / 1000.0,
                    "predicted": e.predicted(*p, threshold, keep_specific), "specific": e.specific,
                    "weight": (e.weight * 1000.0).round() / 1000.0,
                    "text": e.text, "features": r.4.as_ref().map(|(f, _)| f)});
                out.push_str(&v.to_string());
                out.push('\n');
            }
            let name = path.join(format!("{}.jsonl", category.to_ascii_lowercase()));
            std::fs::create_dir_all(path)?;
            std::fs::write(&name, out)?;
        }
        let all: Vec<usize> = (0..examples.len()).collect();
        let (w, b) = fit(&examples, &all, names.len(), l2);
        let mut weights = FxHashMap::default();
        for (i, name) in names.iter().enumerate() {
            if w[i].abs() >= 1e-4 {
                weights.insert(name.clone(), w[i] as f32);
            }
        }
        let model = EventModel {
            category,
            threshold: threshold as f32,
            keep_specific,
            bias: b as f32,
            weights,
            at: Default::default(),
        };
        let candidates = examples.iter().filter(|e| e.features.is_some()).count();
        let header = format!(
            "marsad learned event filter for {category}; generated by `marsad train`, do not edit by hand.\n\
             Trained on {} ({} labelled sentences, {} with a candidate event, {} trained as positive; {} \
             `ambiguous` rows trained on by their votes, not scored; weighted by the annotators' margin).\n\
             {folds}-fold cross-validation by document, repeated {REPEATS} times with different splits \
             (threshold, keep_specific={keep_specific} and L2={l2} chosen on it; counts are means over the repeats):\n\
             precision {:.3} recall {:.3} F1 {:.3} (tp {} fp {} fn {} tn {}).",
            file.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default(),
            examples.len(),
            candidates,
            examples.iter().filter(|e| e.gold).count(),
            examples.iter().filter(|e| !e.scored).count(),
            cv.precision(),
            cv.recall(),
            cv.f1(),
            cv.tp,
            cv.fp,
            cv.fn_,
            cv.tn
        );
        let out = args
            .out
            .join(format!("{}.txt", category.to_ascii_lowercase()));
        std::fs::write(&out, model.to_text(&header))?;
        println!(
            "{category}: {} sentences ({} ambiguous: trained on by their votes, not scored), {} candidates; {folds}-fold CV ({REPEATS} repeats) precision {:.3} recall {:.3} F1 {:.3} (threshold {:.3}, keep_specific {keep_specific}, L2 {l2}); {} features -> {}",
            examples.len(),
            examples.iter().filter(|e| !e.scored).count(),
            candidates,
            cv.precision(),
            cv.recall(),
            cv.f1(),
            threshold,
            model.weights.len(),
            out.display()
        );
    }
    Ok(exit_status(skipped))
}

impl Example {
    /// What the coder's default output does with the sentence, given the model's
    /// probability `p` and threshold `th`.
    fn predicted(&self, p: f64, th: f64, keep_specific: bool) -> bool {
        self.features.is_some() && ((keep_specific && self.specific) || p >= th)
    }
}

/// What a row teaches: (positive?, weight). The weight is the annotators' margin,
/// |accept - reject| / total, where the file has vote columns:
/// - a sentence all of them rejected counts fully as a negative;
/// - one they split on 2-2 (a `difficult no`, often a plain report that a near-identical
///   `yes` sentence matches) says nothing about what an event is and does not pull the
///   model; 1-2 counts a third;
/// - an `ambiguous` row goes to the side its votes took: 2-1 is a positive of weight a
///   third, and 0-1 (one annotator, who rejected it: mostly opinion and culture pieces)
///   a negative.
///
/// `yes` is unanimous and counts fully; rows without votes count fully, `ambiguous` ones
/// as positives. Only training is weighted: the cross-validated figures count every scored
/// row by its label.
fn training_target(row: &GsrRow) -> (bool, f64) {
    let votes = match (row.accept, row.reject, row.total) {
        (Some(a), Some(r), Some(t)) if t > 0 => Some((f64::from(a), f64::from(r), f64::from(t))),
        _ => None,
    };
    match (row.label, votes) {
        (Label::Yes, _) => (true, 1.0),
        (Label::EasyNo | Label::DifficultNo, Some((a, r, t))) => (false, (r - a).max(0.0) / t),
        (Label::EasyNo | Label::DifficultNo, None) => (false, 1.0),
        (Label::Ambiguous, Some((a, r, t))) => (a > r, (a - r).abs() / t),
        (Label::Ambiguous, None) => (true, 1.0),
    }
}

/// How many times cross-validation is run, each with a different split of the documents.
/// With a few dozen to a hundred positives, one split's F1 moves by several points when a
/// handful of sentences change folds; averaging over splits makes the chosen threshold and
/// the reported figures less a matter of luck.
const REPEATS: usize = 5;

/// Folds by document: document ids dealt round-robin, in sorted order for repeat 0 and
/// for the others in the order of the FNV-1a hash of "REPEAT:ID", so every split is
/// deterministic and `scripts/gsr-baselines.py` can rebuild the same splits.
fn assign_folds(examples: &[Example], k: usize, repeat: usize) -> Vec<usize> {
    let mut docs: Vec<&str> = examples.iter().map(|e| e.doc.as_str()).collect();
    docs.sort_unstable();
    docs.dedup();
    if repeat > 0 {
        docs.sort_by_cached_key(|d| (fnv1a(format!("{repeat}:{d}").as_bytes()), *d));
    }
    let index: FxHashMap<&str, usize> = docs.iter().enumerate().map(|(i, d)| (*d, i % k)).collect();
    examples.iter().map(|e| index[e.doc.as_str()]).collect()
}

/// 64-bit FNV-1a: a fixed, portable hash for shuffling documents into folds.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

fn predict(e: &Example, w: &[f64], b: f64) -> f64 {
    match &e.features {
        None => 0.0,
        Some(f) => sigmoid(b + f.iter().map(|&i| w[i as usize]).sum::<f64>()),
    }
}

/// Fits weights and bias on the candidate examples in `idx`.
fn fit(examples: &[Example], idx: &[usize], dim: usize, l2: f64) -> (Vec<f64>, f64) {
    let cand: Vec<&Example> = idx
        .iter()
        .map(|&i| &examples[i])
        .filter(|e| e.features.is_some())
        .collect();
    let n = cand.len().max(1) as f64;
    let pos = cand.iter().filter(|e| e.gold).count().max(1) as f64;
    let neg = (cand.len() as f64 - pos).max(1.0);
    let (wp, wn) = (n / (2.0 * pos), n / (2.0 * neg));
    let mut w = vec![0.0f64; dim];
    let mut b = 0.0f64;
    // Adam on the mean weighted log-loss plus L2 / n.
    let (mut mw, mut vw) = (vec![0.0f64; dim], vec![0.0f64; dim]);
    let (mut mb, mut vb) = (0.0f64, 0.0f64);
    let (lr, b1, b2, eps): (f64, f64, f64, f64) = (0.05, 0.9, 0.999, 1e-8);
    let mut grad = vec![0.0f64; dim];
    for t in 1..=ITERATIONS {
        grad.iter_mut().for_each(|g| *g = 0.0);
        let mut gb = 0.0;
        for e in &cand {
            let f = e.features.as_ref().unwrap();
            let p = sigmoid(b + f.iter().map(|&i| w[i as usize]).sum::<f64>());
            let (y, cw) = if e.gold { (1.0, wp) } else { (0.0, wn) };
            let cw = cw * e.weight;
            let d = cw * (p - y) / n;
            gb += d;
            for &i in f {
                grad[i as usize] += d;
            }
        }
        for i in 0..dim {
            grad[i] += l2 * w[i] / n;
        }
        let (c1, c2) = (1.0 - b1.powi(t as i32), 1.0 - b2.powi(t as i32));
        for i in 0..dim {
            mw[i] = b1 * mw[i] + (1.0 - b1) * grad[i];
            vw[i] = b2 * vw[i] + (1.0 - b2) * grad[i] * grad[i];
            w[i] -= lr * (mw[i] / c1) / ((vw[i] / c2).sqrt() + eps);
        }
        mb = b1 * mb + (1.0 - b1) * gb;
        vb = b2 * vb + (1.0 - b2) * gb * gb;
        b -= lr * (mb / c1) / ((vb / c2).sqrt() + eps);
    }
    (w, b)
}

/// F1 differences smaller than this are noise with a hundred-odd positives (its standard
/// error is about 0.03). Among regularisation strengths that close to the best, the
/// strongest is taken: a smoother model travels better to news unlike the gold standard's.
const F1_TOLERANCE: f64 = 0.02;

/// The threshold and `keep_specific` (whether specific reports are kept whatever their
/// score) with the best F1 over all scored examples (non-candidates predicted negative)
/// and all repeats pooled, the confusion counts averaged over the repeats (rounded), and
/// that F1. Specific reports are kept unless leaving them to the model is better by more
/// than [`F1_TOLERANCE`]: they are what makes a report in news unlike the gold standard's
/// (a place, a target, a source or a date), which the model has seen too few of.
fn best_threshold(examples: &[Example], oofs: &[Vec<f64>]) -> (f64, bool, Confusion, f64) {
    let best_for = |keep_specific: bool| {
        let mut best = (0.5, keep_specific, Confusion::default(), 0.0);
        for step in 1..40 {
            let th = step as f64 * 0.025;
            let mut c = Confusion::default();
            for p in oofs {
                for (e, &pi) in examples.iter().zip(p).filter(|(e, _)| e.scored) {
                    c.add(e.gold, e.predicted(pi, th, keep_specific));
                }
            }
            if c.f1() > best.3 {
                best = (th, keep_specific, c, c.f1());
            }
        }
        best
    };
    let (kept, left) = (best_for(true), best_for(false));
    let (th, keep_specific, c, f1) = if left.3 > kept.3 + F1_TOLERANCE {
        left
    } else {
        kept
    };
    let r = oofs.len().max(1) as u64;
    let mean = |x: u64| (x + r / 2) / r;
    let averaged = Confusion {
        tp: mean(c.tp),
        fp: mean(c.fp),
        fn_: mean(c.fn_),
        tn: mean(c.tn),
    };
    (th, keep_specific, averaged, f1)
}
