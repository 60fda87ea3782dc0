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

/// Words (light stems) that make a following event noun background to the sentence's
/// own report: after, following, before, since, in response to, because of, during.
const BACKGROUND_LINKS: &[&str] = &[
    "بعد",
    "اثر",
    "عقب",
    "قبل",
    "منذ",
    "اعقاب",
    "خلفيه",
    "تزامن",
    "ردا",
    "جراء",
    "اثناء",
    "خلال",
    "ضد",
    "مكافحه",
    "لمكافحه",
    "تحسبا",
    "مثل",
    "نتيجه",
];
/// Relative pronouns: an event inside a relative clause describes its head noun.
const RELATIVES: &[&str] = &[
    "الذي",
    "التي",
    "الذين",
    "ذين",
    "لذين",
    "اللذين",
    "اللتين",
    "اللذان",
    "اللتان",
];

/// Day number of a `YYYY-MM-DD` date; None when it is not one.
fn day_number(date: &str) -> Option<i64> {
    let (y, m, d) = crate::when::parse_ymd(date)?;
    Some(crate::when::days_from_civil(y, m, d))
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
        // The words around the trigger say whether it is the reported event or a
        // background one: بعد/إثر هجوم، الذي قتل في، عمليات الاغتيال، ضد هجمات.
        let word_at = |t: usize| {
            (s.tokens[t].kind == TokenKind::Word && !s.tokens[t].detached_clitic)
                .then(|| light_stem(s, t))
        };
        let before: Vec<&str> = (at.saturating_sub(3)..at).filter_map(word_at).collect();
        if let Some(w) = before.last() {
            f.push(format!("prev={w}"));
        }
        if before
            .iter()
            .rev()
            .take(2)
            .any(|w| BACKGROUND_LINKS.contains(w))
        {
            f.push("after_link".into());
        }
        if before.iter().any(|w| RELATIVES.contains(w)) {
            f.push("relative_before".into());
        }
        let last = *hit.tokens.last().unwrap_or(&at);
        if let Some(w) = (last + 1..(last + 2).min(s.len())).find_map(word_at) {
            f.push(format!("next={w}"));
        }
        if n_hits == 1 {
            f.push(format!(
                "first_at={}",
                match at {
                    0..=1 => 0,
                    2..=4 => 1,
                    5..=9 => 2,
                    _ => 3,
                }
            ));
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
    if factual
        .iter()
        .any(|e| e.recipient.iter().any(|x| named(&x)))
    {
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
        // How long before the story the event happened: news reports the last days,
        // background recalls months and years.
        if let (Some(at), Some(story)) = (
            day_number(&e.date),
            e.story_date.as_deref().and_then(day_number),
        ) {
            let age = story - at;
            f.push(
                match age {
                    ..=-1 => "age=future",
                    0..=2 => "age=days",
                    3..=9 => "age=week",
                    10..=45 => "age=month",
                    _ => "age=old",
                }
                .into(),
            );
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
            for ent in list.iter().filter(named) {
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
    // A year before the story's year puts the sentence in the past.
    if let Some(story_year) = events
        .first()
        .and_then(|e| e.story_date.as_deref())
        .and_then(|d| d.get(..4))
        .and_then(|y| y.parse::<u32>().ok())
    {
        let old_year = (0..s.len()).any(|t| {
            s.tokens[t].kind == TokenKind::Number
                && s.norm_of(t)
                    .parse::<u32>()
                    .is_ok_and(|y| (1900..story_year).contains(&y))
        });
        if old_year {
            f.push("old_year".into());
        }
    }
    // A chronology item ("* 12 ديسمبر 2005: اغتيال ...") reports a dated event.
    let lead: Vec<usize> = (0..s.len().min(4))
        .filter(|&t| s.tokens[t].kind != TokenKind::Punct || s.norm_of(t) == ":")
        .collect();
    if lead
        .first()
        .is_some_and(|&t| s.tokens[t].kind == TokenKind::Number)
        && lead
            .iter()
            .any(|&t| s.norm_of(t) == ":" || s.tokens[t].kind == TokenKind::Number && t > 0)
    {
        f.push("dated_item".into());
    }
    f.sort_unstable();
    f.dedup();
    f
}

/// The text names the entity: not a party the coder only inferred from the place, which
/// says nothing about whether the sentence reports an event.
fn named(e: &&crate::Entity) -> bool {
    !e.inferred_from_place()
}
