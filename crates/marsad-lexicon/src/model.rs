//! Learned event filters: one logistic-regression model per PLOVER category, stored as a
//! human-readable text file under `lexicon/model/` and rebuilt by `marsad train`.
//!
//! The rule-based coder finds nearly every sentence that reports an event, but also many
//! that only mention one (background, history, commentary, statistics). A model scores the
//! sentence from the coder's own analysis (trigger, tense, definiteness, modality, roles)
//! and its words, and events of that category scoring under the model's threshold are
//! left out of the default output. The file format is line based, fields separated by a
//! tab (shown as `<TAB>`):
//!
//! ```text
//! # comments
//! category<TAB>ASSAULT
//! threshold<TAB>0.45
//! keep_specific<TAB>true
//! bias<TAB>-1.2
//! feature<TAB>trig=قتل<TAB>0.83
//! ```

use rustc_hash::FxHashMap;

use crate::plover;
use crate::syntax::{LexiconError, SourceLine};

/// A logistic-regression filter for one category.
#[derive(Debug, Clone, PartialEq)]
pub struct EventModel {
    pub category: &'static str,
    /// Probability under which an event is left out of the default output.
    pub threshold: f32,
    /// Whether a specific report (place, target, and source or date) is kept whatever its
    /// score; `marsad train` chooses it by cross-validation. Optional in the file (default
    /// true).
    pub keep_specific: bool,
    pub bias: f32,
    pub weights: FxHashMap<String, f32>,
    pub at: SourceLine,
}

impl EventModel {
    /// Probability that a sentence with these features reports an event of the category.
    pub fn probability(&self, features: &[String]) -> f32 {
        let z: f32 = self.bias
            + features
                .iter()
                .filter_map(|f| self.weights.get(f))
                .sum::<f32>();
        1.0 / (1.0 + (-z).exp())
    }

    /// Parses a model file.
    pub fn parse(file: &str, text: &str) -> Result<EventModel, LexiconError> {
        let err = |line: usize, message: String| LexiconError {
            file: file.to_string(),
            line,
            message,
        };
        let mut category = None;
        let mut threshold = None;
        let mut keep_specific = true;
        let mut bias = None;
        let mut weights = FxHashMap::default();
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            if raw.trim().is_empty() || raw.trim_start().starts_with('#') {
                continue;
            }
            let f: Vec<&str> = raw.split('\t').collect();
            let num = |s: &str| s.trim().parse::<f32>().ok().filter(|x| x.is_finite());
            match (f[0], f.len()) {
                ("category", 2) => {
                    category = Some(
                        *plover::CATEGORIES
                            .iter()
                            .find(|c| **c == f[1].trim())
                            .ok_or_else(|| err(line, format!("unknown PLOVER category '{}'", f[1])))?,
                    )
                }
                ("threshold", 2) => {
                    threshold = Some(
                        num(f[1])
                            .filter(|t| (0.0..=1.0).contains(t))
                            .ok_or_else(|| err(line, "threshold must be a number in 0..1".into()))?,
                    )
                }
                ("keep_specific", 2) => {
                    keep_specific = match f[1].trim() {
                        "true" => true,
                        "false" => false,
                        v => return Err(err(line, format!("keep_specific must be true or false, not '{v}'"))),
                    }
                }
                ("bias", 2) => bias = Some(num(f[1]).ok_or_else(|| err(line, "bias must be a number".into()))?),
                ("feature", 3) => {
                    let w = num(f[2]).ok_or_else(|| err(line, format!("weight '{}' is not a number", f[2])))?;
                    if weights.insert(f[1].to_string(), w).is_some() {
                        return Err(err(line, format!("feature '{}' given twice", f[1])));
                    }
                }
                _ => {
                    return Err(err(
                        line,
                        "expected 'category', 'threshold', 'keep_specific', 'bias' (2 tab-separated fields) or 'feature NAME WEIGHT'".into(),
                    ))
                }
            }
        }
        let missing = |what: &str| err(0, format!("model has no '{what}' line"));
        Ok(EventModel {
            category: category.ok_or_else(|| missing("category"))?,
            threshold: threshold.ok_or_else(|| missing("threshold"))?,
            keep_specific,
            bias: bias.ok_or_else(|| missing("bias"))?,
            weights,
            at: SourceLine {
                file: file.to_string(),
                line: 0,
            },
        })
    }

    /// Writes the model in its file format, features sorted for stable diffs.
    pub fn to_text(&self, header: &str) -> String {
        let mut out = String::new();
        for l in header.lines() {
            out.push_str("# ");
            out.push_str(l);
            out.push('\n');
        }
        out.push_str(&format!(
            "category\t{}\nthreshold\t{:.4}\nkeep_specific\t{}\nbias\t{:.6}\n",
            self.category, self.threshold, self.keep_specific, self.bias
        ));
        let mut feats: Vec<(&String, &f32)> = self.weights.iter().collect();
        feats.sort_by(|a, b| a.0.cmp(b.0));
        for (k, w) in feats {
            out.push_str(&format!("feature\t{k}\t{w:.6}\n"));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keep_specific_is_optional_and_checked() {
        let m = EventModel::parse(
            "model/a.txt",
            "category\tASSAULT\nthreshold\t0.5\nbias\t0\n",
        )
        .unwrap();
        assert!(m.keep_specific, "default");
        let m = EventModel::parse(
            "model/a.txt",
            "category\tASSAULT\nthreshold\t0.5\nkeep_specific\tfalse\nbias\t0\n",
        )
        .unwrap();
        assert!(!m.keep_specific);
        let again = EventModel::parse("model/a.txt", &m.to_text("h")).unwrap();
        assert_eq!(again.keep_specific, m.keep_specific);
        let e = EventModel::parse(
            "model/a.txt",
            "category\tASSAULT\nthreshold\t0.5\nkeep_specific\tyes\nbias\t0\n",
        )
        .err()
        .unwrap();
        assert!(
            e.to_string()
                .contains("model/a.txt:3: keep_specific must be true or false"),
            "{e}"
        );
    }

    #[test]
    fn parses_and_scores() {
        let m = EventModel::parse(
            "model/a.txt",
            "# x\ncategory\tASSAULT\nthreshold\t0.5\nbias\t-1\nfeature\ttrig=قتل\t2\n",
        )
        .unwrap();
        assert_eq!(m.category, "ASSAULT");
        let p = m.probability(&["trig=قتل".to_string(), "unknown".to_string()]);
        assert!((p - 1.0 / (1.0 + (-1.0f32).exp())).abs() < 1e-6);
        let again = EventModel::parse("m", &m.to_text("h")).unwrap();
        assert_eq!(again.weights, m.weights);
    }

    #[test]
    fn errors_name_the_line() {
        let e = EventModel::parse("model/a.txt", "category\tASSAULT\nthreshold\t2\n")
            .err()
            .unwrap();
        assert_eq!(
            e.to_string(),
            "model/a.txt:2: threshold must be a number in 0..1"
        );
        let e = EventModel::parse("model/a.txt", "category\tATTACK\n")
            .err()
            .unwrap();
        assert!(e
            .to_string()
            .contains("model/a.txt:1: unknown PLOVER category"));
        let e = EventModel::parse("model/a.txt", "category\tASSAULT\nbias\t0\n")
            .err()
            .unwrap();
        assert!(e.to_string().contains("no 'threshold'"));
    }
}
