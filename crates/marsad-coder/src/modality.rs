//! The modality of each trigger in a sentence: PLOVER auxiliary modes (negation,
//! hypothetical, future, historical), the condition an event depends on, and who is
//! reported as saying it.
//!
//! Cues come from the cue lexicon; their reach is measured in tokens and stops at clause
//! punctuation, because Arabic news chains clauses with commas and و and a cue rarely
//! reaches across them. Conditions are clauses: a cue (إذا، في حال، بشرط) opens a scope
//! that runs to the next clause break. Triggers inside the scope are the condition itself
//! (hypothetical); the trigger the condition is attached to is the one before the cue, or
//! after the scope when the sentence opens with the condition.

use marsad_lexicon::{CueKind, Lexicon, PhraseMatch};
use marsad_text::clitic::proclitic;
use marsad_text::TokenizedSentence;

use crate::mention::Mention;
use crate::{is_clause_break, TriggerHit};

/// A condition clause, in document character offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConditionSpan {
    pub cue_start: u32,
    pub cue_end: u32,
    pub start: u32,
    pub end: u32,
}

/// Reported speech around a trigger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttributionInfo {
    pub verb_start: u32,
    pub verb_end: u32,
    /// Index of the speaker mention.
    pub speaker: Option<usize>,
}

/// Modality of one trigger.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TriggerModality {
    pub aux: Vec<&'static str>,
    pub condition: Option<ConditionSpan>,
    /// The trigger is what happens if a (non-proviso) condition is met.
    pub consequence_of_condition: bool,
    pub attribution: Option<AttributionInfo>,
    /// Character spans of the cues that set an auxiliary mode.
    pub cue_spans: Vec<(u32, u32)>,
}

/// Modality of all triggers of a sentence.
pub struct Modality {
    per_trigger: Vec<TriggerModality>,
}

struct CueHit {
    kind: CueKind,
    start: usize,
    end: usize,
    after: bool,
    window: usize,
    verb: bool,
    /// The cue's first word carries و or ف (وإذا، فإن).
    conj: bool,
}

impl Modality {
    pub fn for_trigger(&self, i: usize) -> &TriggerModality {
        &self.per_trigger[i]
    }

    pub(crate) fn read(
        lex: &Lexicon,
        s: &TokenizedSentence,
        cue_matches: &[PhraseMatch],
        hits: &[TriggerHit],
        mentions: &[Mention],
    ) -> Modality {
        let mut per: Vec<TriggerModality> = vec![TriggerModality::default(); hits.len()];
        let cues: Vec<CueHit> = cue_matches
            .iter()
            .filter(|m| !hits.iter().any(|h| h.tokens.contains(&m.start)))
            .map(|m| {
                let c = &lex.cues[m.entries[0] as usize];
                CueHit {
                    kind: c.kind,
                    start: m.start,
                    end: m.end,
                    after: c.after,
                    window: c.window as usize,
                    verb: is_verb_cue(lex, m),
                    conj: m.first_seg.is_some_and(|sg| {
                        sg.proclitics & (proclitic::CONJ_WA | proclitic::CONJ_FA) != 0
                    }),
                }
            })
            .collect();
        let trig_start: Vec<usize> = hits.iter().map(|h| h.tokens[0]).collect();
        let trig_end: Vec<usize> = hits.iter().map(|h| h.tokens.last().unwrap() + 1).collect();
        let span = |a: usize, b: usize| (s.tokens[a].start, s.tokens[b - 1].end);
        let breaks_between =
            |a: usize, b: usize| (a.min(b)..a.max(b)).any(|t| is_clause_break(s, t));

        // Questions: nothing asked about has happened.
        let question = (0..s.len()).any(|t| s.norm_of(t) == "?")
            || (!s.is_empty() && s.norm_of(0).trim_start_matches('و') == "هل");

        for (h, hit) in hits.iter().enumerate() {
            let (ts, te) = (trig_start[h], trig_end[h]);
            let md = &mut per[h];
            if question {
                md.aux.push("hypothetical");
            }
            // The future prefix on the trigger itself: سيهاجم.
            if hit
                .m
                .first_seg
                .is_some_and(|sg| sg.proclitics & proclitic::FUTURE_SA != 0)
            {
                md.aux.push("future");
            }
            for c in &cues {
                let near_before =
                    !c.after && c.end <= ts && ts - c.end <= c.window && !breaks_between(c.end, ts);
                let near_after = c.after
                    && c.start >= te
                    && c.start - te <= c.window
                    && !breaks_between(te, c.start);
                // The nearest trigger after a negation is the one it negates.
                let first_after_cue = !hits
                    .iter()
                    .enumerate()
                    .any(|(o, _)| o != h && trig_start[o] >= c.end && trig_start[o] < ts);
                // A negated verb negates its object too (لم تشن القوات الأمريكية أي غارة),
                // so negation reaches further, up to a clause break or أن.
                let negation_reach = !c.after
                    && c.end <= ts
                    && ts - c.end <= c.window.max(6)
                    && !breaks_between(c.end, ts)
                    && !(c.end..ts).any(|t| s.norm_of(t) == "ان");
                match c.kind {
                    CueKind::Negation if (negation_reach && first_after_cue) || near_after => {
                        md.aux.push("negation");
                        md.cue_spans.push(span(c.start, c.end));
                    }
                    CueKind::Denial if c.end <= ts => {
                        md.aux.push("negation");
                        md.cue_spans.push(span(c.start, c.end));
                    }
                    CueKind::Future if near_before || near_after => {
                        md.aux.push("future");
                        md.cue_spans.push(span(c.start, c.end));
                    }
                    CueKind::Historical if near_before || near_after => {
                        md.aux.push("historical");
                        md.cue_spans.push(span(c.start, c.end));
                    }
                    CueKind::Modal if near_before => {
                        md.aux.push("hypothetical");
                        md.cue_spans.push(span(c.start, c.end));
                    }
                    _ => {}
                }
            }
        }

        // Conditions.
        let conds: Vec<&CueHit> = cues
            .iter()
            .filter(|c| matches!(c.kind, CueKind::Hypothetical | CueKind::Proviso))
            .collect();
        let mut prev_scope_end = 0usize;
        for (ci, c) in conds.iter().enumerate() {
            let mut scope_end = c.end;
            while scope_end < s.len() && !is_clause_break(s, scope_end) {
                scope_end += 1;
            }
            if scope_end <= c.end {
                continue;
            }
            let next_cond_start = conds.get(ci + 1).map(|n| n.start).unwrap_or(s.len());
            let scope_end = scope_end.min(next_cond_start.max(c.end + 1));
            let (cs, ce) = span(c.start, c.end);
            let (ss, se) = span(c.end, scope_end);
            let cond = ConditionSpan {
                cue_start: cs,
                cue_end: ce,
                start: ss,
                end: se,
            };
            // A condition opens its sentence (إذا ..., فـ ...) when it stands first or
            // after و / ف / أما; after a comma it qualifies what precedes it.
            let opens_clause =
                c.start == 0 || matches!(s.norm_of(c.start - 1), "و" | "ف" | "اما") || c.conj;
            // A trailing condition qualifies the clause before it and the one before
            // that at most (X اتفقت على تعليق هجماتها على القوات، بشرط ...).
            let mut reach_back = c.start;
            let mut breaks = 0;
            while reach_back > 0 {
                if is_clause_break(s, reach_back - 1) {
                    breaks += 1;
                    if breaks == 2 {
                        break;
                    }
                }
                reach_back -= 1;
            }
            for h in 0..hits.len() {
                let ts = trig_start[h];
                let md = &mut per[h];
                if ts >= c.end && ts < scope_end {
                    md.aux.push("hypothetical");
                    md.cue_spans.push((cs, ce));
                } else {
                    let governed = if opens_clause {
                        ts >= scope_end && ts < next_cond_start
                    } else {
                        ts < c.start && ts >= prev_scope_end.max(reach_back)
                    };
                    if governed && md.condition.is_none() {
                        md.condition = Some(cond);
                        md.consequence_of_condition = c.kind == CueKind::Hypothetical;
                        if c.kind == CueKind::Hypothetical
                            && !matches!(hits[h].trig.event, "THREATEN" | "REQUEST" | "ACCUSE")
                        {
                            // What would happen if the condition is met has not happened.
                            md.aux.push("hypothetical");
                        }
                    }
                }
            }
            prev_scope_end = scope_end;
        }

        // Reported speech.
        let reports: Vec<&CueHit> = cues
            .iter()
            .filter(|c| c.kind == CueKind::Report || c.kind == CueKind::Denial)
            .collect();
        for h in 0..hits.len() {
            let ts = trig_start[h];
            let te = trig_end[h];
            let r = reports
                .iter()
                .filter(|r| (!r.after && r.end <= ts) || (r.after && r.start >= te))
                .min_by_key(|r| if r.after { r.start - te } else { ts - r.end });
            if let Some(r) = r {
                let speaker = find_speaker(s, mentions, r.start, r.end, r.verb);
                per[h].attribution = Some(AttributionInfo {
                    verb_start: s.tokens[r.start].start,
                    verb_end: s.tokens[r.end - 1].end,
                    speaker,
                });
            }
        }
        for md in &mut per {
            md.aux.sort_unstable();
            md.aux.dedup();
        }
        Modality { per_trigger: per }
    }
}

fn is_verb_cue(lex: &Lexicon, m: &PhraseMatch) -> bool {
    // Verb cues are conjugated; a word cue is listed as written. The lexicon keeps the
    // distinction only as the phrase gap, so ask the cue's lemma: verbs contain '/'.
    lex.cues[m.entries[0] as usize].lemma.contains('/')
}

/// The speaker of a reporting verb (or of بحسب / وفقا ل): the mention right after it
/// (قال المتحدث ...), else the subject before it (الكتائب أعلنت ...).
fn find_speaker(
    s: &TokenizedSentence,
    mentions: &[Mention],
    start: usize,
    end: usize,
    verb: bool,
) -> Option<usize> {
    let after = mentions.iter().position(|m| {
        m.start >= end && m.start <= end + 3 && m.prep.as_deref().is_none_or(|p| p == "ل" && !verb)
    });
    if after.is_some() {
        return after;
    }
    if !verb {
        return None;
    }
    mentions
        .iter()
        .enumerate()
        .rev()
        .find(|(_, m)| {
            m.end <= start
                && start - m.end <= 2
                && m.prep.is_none()
                && !(m.end..start).any(|t| is_clause_break(s, t))
        })
        .map(|(i, _)| i)
}
