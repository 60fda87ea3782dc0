//! Features of a sentence for the learned event filters (`marsad_lexicon::EventModel`).
//!
//! The features describe what the rule-based analysis saw — which trigger, verb or noun,
//! past or present, definite or not, under which cues, with or without actor and
//! recipient — plus the sentence's light stems (clitics removed), so that a small linear
//! model can learn which mentions of violence or protest are reports of an event. The
//! same function serves training (`marsad train`) and coding, so they cannot drift apart.

use marsad_lexicon::{morph, TriggerKind};
use marsad_text::clitic::proclitic;
use marsad_text::{TokenKind, TokenizedSentence};

use crate::modality::Modality;
use crate::record::Event;
use crate::TriggerHit;

/// The light stem of word token `i`: conjunction, preposition and article removed, the
/// pronoun suffix kept (so the feature does not depend on the lexicon).
fn light_stem(s: &TokenizedSentence, i: usize) -> &str {
    let w = s.norm_of(i);
    s.segs_of(i)
        .iter()
        .filter(|g| {
            !g.suffix && g.proclitics & proclitic::FUTURE_SA == 0 && g.stem(w).chars().count() >= 3
        })
        .max_by_key(|g| g.prefix_chars)
        .map(|g| g.stem(w))
        .unwrap_or(w)
}

/// Features of the sentence for `category`, given its trigger hits, their modality and
/// the events of the category coded from it.
pub(crate) fn sentence_features(
    s: &TokenizedSentence,
    hits: &[TriggerHit],
    modality: &Modality,
    events: &[&Event],
    category: &str,
) -> Vec<String> {
    let mut f: Vec<String> = Vec::with_capacity(96);
    let mut prev: Option<&str> = None;
    for i in 0..s.len() {
        // Word pairs carry what single words cannot: أسفر عن، لقي حتفه، بجروح.
        let cur = (s.tokens[i].kind == TokenKind::Word && !s.tokens[i].detached_clitic)
            .then(|| light_stem(s, i));
        if let (Some(a), Some(b)) = (prev, cur) {
            f.push(format!("b={a}_{b}"));
        }
        prev = cur;
        match s.tokens[i].kind {
            TokenKind::Word if !s.tokens[i].detached_clitic => {
                f.push(format!("w={}", light_stem(s, i)))
            }
            TokenKind::Number => f.push("num".into()),
            _ => {}
        }
        if s.norm_of(i) == "?" {
            f.push("question".into());
        }
        if s.norm_of(i) == "\"" {
            f.push("quote".into());
        }
    }
    let mut n_hits = 0;
    for (h, hit) in hits.iter().enumerate() {
        if hit.trig.event != category {
            f.push(format!("other={}", hit.trig.event));
            continue;
        }
        n_hits += 1;
        f.push(format!("trig={}", marsad_text::normalize(&hit.trig.lemma)));
        match hit.trig.kind {
            TriggerKind::Verb => {
                f.push("verb".into());
                let tense = match hit.m.tag {
                    morph::PAST => "past",
                    morph::PRESENT => "present",
                    _ => "ambiguous",
                };
                f.push(format!("tense={tense}"));
            }
            TriggerKind::Noun => {
                f.push("noun".into());
                let definite = hit
                    .m
                    .first_seg
                    .is_some_and(|g| g.proclitics & proclitic::ARTICLE != 0);
                f.push(if definite {
                    "definite".into()
                } else {
                    "indefinite".into()
                });
            }
        }
        if hit.m.first_seg.is_some_and(|g| g.preposition().is_some()) {
            f.push("trig_prep".into());
        }
        let at = hit.tokens[0];
        f.push(format!(
            "trig_pos={}",
            match at {
                0..=2 => 0,
                3..=7 => 1,
                _ => 2,
            }
        ));
        // كان ... قد / وكانت: background in the past perfect.
        if (at.saturating_sub(4)..at).any(|t| {
            matches!(
                s.norm_of(t),
                "كان" | "كانت" | "وكان" | "وكانت" | "كانوا" | "وكانوا"
            )
        }) {
            f.push("kana_before".into());
        }
        let md = modality.for_trigger(h);
        for a in &md.aux {
            f.push(format!("aux={a}"));
        }
        if md.attribution.is_some() {
            f.push("attributed".into());
        }
        if md.condition.is_some() {
            f.push("conditioned".into());
        }
    }
    f.push(format!("hits={}", n_hits.min(3)));
    let factual: Vec<&&Event> = events.iter().filter(|e| crate::is_factual(e)).collect();
    f.push(format!("factual={}", factual.len().min(3)));
    if factual.iter().any(|e| !e.actor.is_empty()) {
        f.push("has_actor".into());
    }
    if factual.iter().any(|e| !e.recipient.is_empty()) {
        f.push("has_recipient".into());
    }
    for e in &factual {
        for m in &e.mode {
            f.push(format!("mode={m}"));
        }
        if let Some(l) = &e.event_loc {
            f.push(format!("place={}", l.precision));
        }
        if let Some(p) = &e.date_precision {
            f.push(format!("date={p}"));
        }
        if let Some(size) = &e.size {
            for (what, c) in [
                ("dead", &size.dead),
                ("injured", &size.injured),
                ("arrested", &size.arrested),
            ] {
                if c.is_some() {
                    f.push(format!("size={what}"));
                }
            }
        }
        for (role, list) in [("actor", &e.actor), ("recipient", &e.recipient)] {
            for ent in list.iter() {
                f.push(format!(
                    "{role}_sector={}",
                    ent.sector.as_deref().unwrap_or("none")
                ));
                if ent.code.is_some() {
                    f.push(format!("{role}_coded"));
                }
            }
        }
    }
    f.push(format!("len={}", (s.len() / 10).min(6)));
    f.sort_unstable();
    f.dedup();
    f
}
