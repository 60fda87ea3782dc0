//! Actor and recipient of a trigger, from Arabic argument structure.
//!
//! * Verbs: the subject follows the verb (VSO: أطلقت الشرطة النار) or precedes it
//!   (SVO: القوات التركية قصفت); the object follows the subject; prepositions named by the
//!   trigger entry (على، ضد، ل ...) mark the recipient. Verbs whose subject undergoes the
//!   event (تعرض لهجوم) swap roles; likely passives (قتل 5 جنود) take the noun after a
//!   number as the recipient.
//! * Event nouns: the genitive after the noun (هجوم داعش، اغتيال القائد) is the actor or,
//!   for nouns such as اغتيال، مقتل، اعتقال, the recipient; otherwise the subject of the
//!   clause (شنت القوات هجوما) is the actor.
//! * Agents: من قبل X and على يد X name the actor of any trigger.
//!
//! Search stays inside the clause: punctuation and the complementiser أن/إن bound it.

use marsad_lexicon::TriggerKind;
use marsad_text::{TokenKind, TokenizedSentence};

use crate::mention::Mention;
use crate::{is_clause_break, TriggerHit};

/// Mention indices chosen for a trigger.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Roles {
    pub actor: Option<usize>,
    pub recipient: Option<usize>,
}

/// Words after which من is partitive (مجموعة من الفصائل = the factions).
const QUANTIFIERS: &[&str] = &[
    "مجموعه",
    "عدد",
    "عشرات",
    "مءات",
    "الاف",
    "بعض",
    "احد",
    "احدي",
    "جميع",
    "كل",
    "مءات",
    "الكثير",
    "العديد",
    "عناصر",
    "افراد",
    "قوه",
    "وحده",
    "دوريه",
];

/// Relative pronouns (normalised).
const RELATIVES: &[&str] = &[
    "التي",
    "الذي",
    "الذين",
    "اللذين",
    "اللتين",
    "اللذان",
    "اللتان",
    "اللواتي",
    "اللاتي",
];

/// How far (in tokens) a subject or recipient may stand from the trigger.
const NEAR: usize = 4;
const FAR: usize = 10;

/// The effective governing preposition of a mention: partitive من after a quantifier is
/// no preposition.
fn prep_of<'a>(s: &TokenizedSentence, m: &'a Mention) -> Option<&'a str> {
    match m.prep.as_deref() {
        Some("من") if m.start >= 2 => {
            let q = s.norm_of(m.start - 2);
            let q = q
                .strip_prefix('و')
                .filter(|r| r.chars().count() >= 3)
                .unwrap_or(q);
            let q = q
                .strip_prefix("ال")
                .filter(|r| r.chars().count() >= 3)
                .unwrap_or(q);
            if QUANTIFIERS.contains(&q) {
                None
            } else {
                Some("من")
            }
        }
        p => p,
    }
}

/// Clause boundaries for subject search: punctuation, the complementiser أن/إن and the
/// adversative لكن (… لكنه حذر: the subject of حذر is not before لكن).
fn is_boundary(s: &TokenizedSentence, t: usize) -> bool {
    is_clause_break(s, t)
        || (s.tokens[t].kind == TokenKind::Word
            && matches!(
                s.norm_of(t),
                "ان" | "لكن" | "لكنه" | "لكنها" | "ولكن" | "ولكنه" | "ولكنها" | "لكنهم"
            ))
}

/// First token of the clause that contains token `t`.
fn clause_start(s: &TokenizedSentence, t: usize) -> usize {
    let mut i = t;
    while i > 0 && !is_boundary(s, i - 1) {
        i -= 1;
    }
    i
}

/// One past the last token of the clause that contains token `t`.
fn clause_end(s: &TokenizedSentence, t: usize) -> usize {
    let mut i = t;
    while i < s.len() && !is_clause_break(s, i) {
        i += 1;
    }
    i
}

fn is_number_like(s: &TokenizedSentence, t: usize) -> bool {
    if t >= s.len() {
        return false;
    }
    if s.tokens[t].kind == TokenKind::Number {
        return true;
    }
    let w = s.norm_of(t);
    let w = w
        .strip_prefix('و')
        .filter(|r| r.chars().count() >= 3)
        .unwrap_or(w);
    matches!(
        w,
        "عشرات"
            | "مءات"
            | "الاف"
            | "اثنان"
            | "اثنين"
            | "ثلاثه"
            | "اربعه"
            | "خمسه"
            | "سته"
            | "سبعه"
            | "ثمانيه"
            | "تسعه"
            | "عشره"
            | "عشرين"
            | "ثلاثين"
            | "اربعين"
            | "خمسين"
            | "نحو"
            | "قرابه"
            | "حوالي"
            | "اكثر"
            | "ما"
    )
}

/// Assigns actor and recipient mentions to one trigger.
pub(crate) fn assign(
    s: &TokenizedSentence,
    mentions: &[Mention],
    hit: &TriggerHit,
    hits: &[TriggerHit],
) -> Roles {
    let ts = hit.tokens[0];
    let te = hit.tokens.last().unwrap() + 1;
    let trig = hit.trig;
    let c_start = clause_start(s, ts);
    let c_end = clause_end(s, te.min(s.len().saturating_sub(1)).max(ts));
    // Another trigger between two tokens means they belong to different predicates.
    let other_trigger_between = |a: usize, b: usize| {
        hits.iter().any(|o| {
            !std::ptr::eq(o, hit)
                && o.tokens[0] > a.min(b)
                && o.tokens[0] < a.max(b)
                && o.tokens[0] != ts
        })
    };
    let free = |i: usize| prep_of(s, &mentions[i]).is_none();

    let mut roles = Roles::default();
    let mut used: Vec<usize> = Vec::new();

    // Agent markers in the clause after the trigger, before any other predicate.
    let agent = (0..mentions.len()).find(|&i| {
        mentions[i].start >= te
            && mentions[i].start < c_end
            && mentions[i].prep.as_deref() == Some("by")
            && !other_trigger_between(te, mentions[i].start)
    });
    // A relative clause (الفصائل التي تستهدف ...): the subject is the antecedent.
    let relative = ts > 0 && RELATIVES.contains(&s.norm_of(ts - 1));
    let antecedent = if relative {
        (0..mentions.len()).find(|&i| mentions[i].end + 1 == ts)
    } else {
        None
    };

    // Mentions inside the trigger's gap (أطلقت الشرطة النار) are its subject.
    let in_gap = (0..mentions.len()).find(|&i| {
        mentions[i].start >= hit.m.gap.0
            && mentions[i].end <= hit.m.gap.1
            && hit.m.gap.0 < hit.m.gap.1
    });

    let after = |from: usize, limit: usize, want_free: bool, used: &[usize]| {
        (0..mentions.len()).find(|&i| {
            let m = &mentions[i];
            m.start >= from
                && m.start < (from + limit).min(c_end)
                && !used.contains(&i)
                && (!want_free || free(i))
                && !other_trigger_between(te, m.start)
        })
    };
    // Event nouns take a subject from before only when it is the subject of the support
    // verb right before them (شنت القوات هجوما، القوات شنت هجوما).
    let reach = if trig.kind == TriggerKind::Noun {
        2
    } else {
        FAR
    };
    let before = |used: &[usize]| {
        (0..mentions.len()).rev().find(|&i| {
            let m = &mentions[i];
            m.end <= ts
                && m.start >= c_start
                && ts - m.end <= reach
                && free(i)
                && !used.contains(&i)
                && !other_trigger_between(m.end, ts)
        })
    };
    let with_prep = |used: &[usize]| {
        (0..mentions.len()).find(|&i| {
            let m = &mentions[i];
            m.start >= te
                && m.start < (te + FAR).min(c_end)
                && !used.contains(&i)
                && head_prep(s, m, te)
                    .as_deref()
                    .is_some_and(|p| trig.recipient_preps.iter().any(|rp| rp == p))
        })
    };

    match trig.kind {
        TriggerKind::Verb => {
            let passive = trig.passive_likely && is_number_like(s, te);
            let subject = if passive {
                None
            } else if relative {
                antecedent
            } else {
                in_gap
                    .or_else(|| after(te, NEAR, true, &used))
                    .or_else(|| before(&used))
            };
            if let Some(subj) = subject {
                used.push(subj);
            }
            let object = if trig.recipient_object || passive {
                // The object follows the subject when the subject follows the verb (in
                // the trigger's gap or after it).
                let from = subject
                    .filter(|&i| mentions[i].start > ts)
                    .map(|i| mentions[i].end)
                    .unwrap_or(te);
                (0..mentions.len())
                    .find(|&i| {
                        mentions[i].start >= from
                            && mentions[i].end <= hit.m.gap.1
                            && hit.m.gap.0 < hit.m.gap.1
                            && free(i)
                            && !used.contains(&i)
                    })
                    .or_else(|| {
                        after(
                            from.max(te),
                            if passive { NEAR + 2 } else { NEAR },
                            true,
                            &used,
                        )
                    })
            } else {
                None
            };
            // The object may be a noun whose genitive names the party (رفضت الكتائب
            // دعوة الحكومة، أدانت اقتحام القوات): one unknown word, then the mention.
            let object = object.or_else(|| {
                if !trig.recipient_object || passive {
                    return None;
                }
                let from = subject
                    .filter(|&i| mentions[i].start > ts)
                    .map(|i| mentions[i].end)
                    .unwrap_or(te);
                (0..mentions.len()).find(|&i| {
                    let m = &mentions[i];
                    m.start == from + 1
                        && from < s.len()
                        && s.tokens[from].kind == TokenKind::Word
                        && !s.tokens[from].detached_clitic
                        && crate::mention::governing_prep(s, from, None).is_none()
                        && free(i)
                        && !used.contains(&i)
                })
            });
            if let Some(o) = object {
                used.push(o);
            }
            let prep_rcp = with_prep(&used);
            if trig.subject_is_recipient {
                roles.recipient = subject;
                roles.actor = agent;
            } else if passive {
                roles.recipient = object;
                roles.actor = agent;
            } else {
                roles.actor = agent.or(subject);
                roles.recipient = object.or(prep_rcp);
            }
        }
        TriggerKind::Noun => {
            // Genitive: right after the noun, or after one unknown word with ل (استهداف رتل
            // للتحالف).
            let genitive = (0..mentions.len()).find(|&i| {
                let m = &mentions[i];
                (m.start == te && (free(i) || m.prep.as_deref() == Some("ل")))
                    || (trig.genitive_is_recipient
                        && m.start == te + 1
                        && m.prep.as_deref() == Some("ل")
                        && s.tokens[te].kind == TokenKind::Word
                        && !is_clause_break(s, te))
            });
            if let Some(g) = genitive {
                used.push(g);
            }
            let prep_rcp = with_prep(&used);
            if let Some(r) = prep_rcp {
                used.push(r);
            }
            if trig.genitive_is_recipient || trig.subject_is_recipient {
                roles.recipient = genitive.or(prep_rcp);
                roles.actor = agent.or_else(|| {
                    if trig.subject_is_recipient {
                        None
                    } else {
                        before(&used)
                    }
                });
            } else {
                roles.actor = agent.or(genitive).or_else(|| before(&used));
                roles.recipient = prep_rcp;
            }
        }
    }
    if roles.actor.is_some() && roles.actor == roles.recipient {
        roles.recipient = None;
    }
    roles
}

/// The preposition that governs a mention through the noun it completes: in
/// على مواقع لحركة حماس the mention لحركة حماس (genitive ل) belongs to مواقع, which على
/// governs. Walks back over at most two unknown words to the head noun.
fn head_prep(s: &TokenizedSentence, m: &Mention, te: usize) -> Option<String> {
    if m.prep.as_deref().is_some_and(|p| p != "ل") {
        return m.prep.clone();
    }
    let mut t = m.start;
    for _ in 0..2 {
        if t == 0 || t - 1 < te {
            break;
        }
        let p = t - 1;
        if s.tokens[p].kind != TokenKind::Word || s.tokens[p].detached_clitic {
            break;
        }
        if let Some(prep) = crate::mention::governing_prep(s, p, None) {
            if prep != "by" {
                return Some(prep);
            }
        }
        t = p;
    }
    m.prep.clone()
}
