//! Golden tests: real-style Arabic news sentences (written for marsad) with the events a
//! careful PLOVER coder finds in them. Format: tests/golden/README.md.
//!
//! Every sentence is coded and every expectation checked; the test prints each failure
//! and fails when the share of fully correct sentences drops below the floor below, or
//! when any sentence marked NONE yields an event (a false event is the worst error an
//! event coder makes). Factuality here is the coder's own (`is_factual`: not negated, not
//! hypothetical); the learned filter is measured on the gold standard instead
//! (docs/accuracy.md), so retraining it cannot move this test.

use marsad_coder::{is_factual, Coder, DocumentRef, Entity, Event};
use marsad_lexicon::Lexicon;
use marsad_text::normalize;

/// Share of sentences whose every expectation must hold (measured: 100/175 = 0.571 on
/// 2026-11-29). Raise it as the coder improves; never lower it to make a change pass.
const PASS_FLOOR: f64 = 0.56;

/// Sentences marked NONE that may still yield a factual event (measured: 3 of 22).
/// Lower it as the coder improves.
const MAX_NONE_VIOLATIONS: usize = 3;

struct Case {
    id: String,
    date: String,
    sentence: String,
    expectations: String,
}

fn cases() -> Vec<Case> {
    let text = include_str!("golden/sentences.txt");
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .map(|l| {
            let f: Vec<&str> = l.split('|').map(str::trim).collect();
            assert_eq!(f.len(), 4, "bad golden line: {l}");
            Case {
                id: f[0].into(),
                date: f[1].into(),
                sentence: f[2].into(),
                expectations: f[3].into(),
            }
        })
        .collect()
}

fn entity_matches(e: &Entity, want: &str) -> bool {
    let (code, sector) = match want.split_once('/') {
        Some((c, s)) => (c, Some(s)),
        None => (want, None),
    };
    let code_ok = code == "*" || e.code.as_deref() == Some(code);
    let sector_ok = match sector {
        None | Some("*") => true,
        Some(s) => e.sector.as_deref() == Some(s) || e.other_sectors.iter().any(|o| o == s),
    };
    code_ok && sector_ok
}

/// Each wanted entity must match a distinct member of the list.
fn list_matches(list: &[Entity], wants: &[&str]) -> bool {
    let mut used = vec![false; list.len()];
    for w in wants {
        match (0..list.len()).find(|&i| !used[i] && entity_matches(&list[i], w)) {
            Some(i) => used[i] = true,
            None => return false,
        }
    }
    true
}

fn event_matches(e: &Event, spec: &str) -> Result<(), String> {
    let mut parts = spec.split_whitespace();
    let cat = parts.next().unwrap();
    if !e.event.iter().any(|c| c == cat) {
        return Err(format!("category {cat}"));
    }
    let mut actors = Vec::new();
    let mut recipients = Vec::new();
    let mut nonfactual = false;
    for p in parts {
        if p == "nonfactual" {
            nonfactual = true;
            continue;
        }
        let (k, v) = p.split_once('=').unwrap_or((p, ""));
        match k {
            "actor" => actors.push(v),
            "recipient" => recipients.push(v),
            "mode" => {
                if !e.mode.iter().any(|m| m == v) {
                    return Err(format!("mode {v}"));
                }
            }
            "aux" => {
                if !e.aux_mode.iter().any(|m| m == v) {
                    return Err(format!("aux {v}"));
                }
            }
            "condition" => {
                let ok = e
                    .condition
                    .as_ref()
                    .is_some_and(|c| normalize(&c.text).contains(&normalize(v)));
                if !ok {
                    return Err(format!("condition containing {v}"));
                }
            }
            "speaker" => {
                let ok = e
                    .attribution
                    .as_ref()
                    .and_then(|a| a.speaker.as_ref())
                    .is_some_and(|s| entity_matches(s, v));
                if !ok {
                    return Err(format!("speaker {v}"));
                }
            }
            other => panic!("unknown golden key {other}"),
        }
    }
    if !list_matches(&e.actor, &actors) {
        return Err(format!("actor {}", actors.join(",")));
    }
    if !list_matches(&e.recipient, &recipients) {
        return Err(format!("recipient {}", recipients.join(",")));
    }
    if nonfactual == is_factual(e) {
        return Err(if nonfactual {
            "should be non-factual".into()
        } else {
            "should be factual".into()
        });
    }
    Ok(())
}

fn describe(e: &Event) -> String {
    let ents = |v: &[Entity]| {
        v.iter()
            .map(|x| {
                format!(
                    "{}/{}",
                    x.code.as_deref().unwrap_or("-"),
                    x.sector.as_deref().unwrap_or("-")
                )
            })
            .collect::<Vec<_>>()
            .join("+")
    };
    format!(
        "{} {:?} actor={} recipient={} aux={:?} trig={:?}",
        e.event.join("+"),
        e.mode,
        ents(&e.actor),
        ents(&e.recipient),
        e.aux_mode,
        e.event_text
    )
}

#[test]
fn golden_sentences() {
    let coder = Coder::new(Lexicon::embedded().expect("embedded lexicon"));
    let cases = cases();
    assert!(cases.len() >= 60, "at least 60 golden sentences");
    let mut passed = 0;
    let mut none_violations = Vec::new();
    let mut report = String::new();
    for c in &cases {
        let doc = DocumentRef {
            id: &c.id,
            text: &c.sentence,
            date: &c.date,
            title: None,
            url: None,
            source: None,
        };
        let events = coder.code(&doc).events;
        let factual: Vec<&Event> = events.iter().filter(|e| is_factual(e)).collect();
        let mut failures = Vec::new();
        if c.expectations == "NONE" {
            if !factual.is_empty() {
                failures.push(format!(
                    "expected no event, got {}",
                    factual
                        .iter()
                        .map(|e| describe(e))
                        .collect::<Vec<_>>()
                        .join("; ")
                ));
                none_violations.push(c.id.clone());
            }
        } else {
            for spec in c
                .expectations
                .split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
            {
                let candidates: Vec<&Event> = events.iter().collect();
                let errs: Vec<String> = candidates
                    .iter()
                    .map(|e| event_matches(e, spec).err().unwrap_or_default())
                    .collect();
                if !errs.iter().any(|e| e.is_empty()) {
                    failures.push(format!("missing [{spec}]"));
                }
            }
        }
        if failures.is_empty() {
            passed += 1;
        } else {
            report.push_str(&format!(
                "{} {}\n    {}\n    got: {}\n",
                c.id,
                c.sentence,
                failures.join("; "),
                events.iter().map(describe).collect::<Vec<_>>().join(" || ")
            ));
        }
    }
    let rate = passed as f64 / cases.len() as f64;
    println!("{report}");
    println!(
        "golden: {passed}/{} sentences fully correct ({:.1}%)",
        cases.len(),
        rate * 100.0
    );
    assert!(
        rate >= PASS_FLOOR,
        "golden pass rate {rate:.3} fell below the floor {PASS_FLOOR}"
    );
    assert!(
        none_violations.len() <= MAX_NONE_VIOLATIONS,
        "false events on {} NONE sentences (at most {MAX_NONE_VIOLATIONS} allowed): {none_violations:?}",
        none_violations.len()
    );
}
