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

use marsad_lexicon::{ActorKind, TriggerKind};
use marsad_text::clitic::proclitic::{CONJ_FA, CONJ_WA, PREP_BI, PREP_LI};
use marsad_text::{TokenKind, TokenizedSentence};

use crate::mention::{strip_conj, strip_conj_and_article, Mention, SERVED_IN};
use crate::{is_clause_break, TriggerHit};

/// Mention indices chosen for a trigger.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Roles {
    pub actor: Option<usize>,
    pub recipient: Option<usize>,
    /// A second recipient: one the first includes (قتل 15 شخصا بينهم سبعة من الشرطة: the
    /// policemen) or one joined to it by و (قائد فيلق القدس ... ونائب رئيس هيئة الحشد).
    pub recipient_including: Option<usize>,
    /// The verb was read as passive (قتل 5 جنود: five soldiers were killed).
    pub passive: bool,
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
    // A member, or two: عنصرين من الشرطة، فردا من الجيش.
    "عنصر",
    "عنصرا",
    "عنصرين",
    "عنصران",
    "فرد",
    "فردا",
    "فردين",
    "فردان",
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
            let q = strip_conj_and_article(s.norm_of(m.start - 2));
            // After a quantifier or a number من is partitive: اربعة من عناصر الشرطة names
            // the policemen.
            if QUANTIFIERS.contains(&q) || is_number_like(s, m.start - 2) {
                None
            } else {
                Some("من")
            }
        }
        p => p,
    }
}

/// After a count and the noun it counts, في names what they belong to (ما لا يقل عن 28
/// متطوعا في الجيش العراقي are soldiers), so the mention names the victims an event's count
/// announces. Only a body people serve in ([`SERVED_IN`]; not a place: قتل خمسة أشخاص في
/// بغداد، قتل 9 سود في كنيسة); the preposition is a word of its own or a clitic.
fn counted_member(s: &TokenizedSentence, m: &Mention) -> bool {
    let start = m.start;
    if m.prep.as_deref() != Some("في")
        || !m.ents.iter().all(|e| {
            matches!(e.kind, ActorKind::Sector | ActorKind::Org)
                && e.sectors
                    .first()
                    .is_some_and(|x| SERVED_IN.contains(&x.as_str()))
        })
    {
        return false;
    }
    let word = |t: usize| s.tokens[t].kind == TokenKind::Word;
    let prep_word = start >= 1 && word(start - 1) && strip_conj(s.norm_of(start - 1)) == "في";
    let noun = if prep_word {
        start.checked_sub(2)
    } else {
        start.checked_sub(1)
    };
    noun.is_some_and(|n| n >= 1 && word(n) && is_number_like(s, n - 1))
}

/// Clause boundaries for subject search: punctuation, the complementiser أن/إن and the
/// adversative لكن (… لكنه حذر: the subject of حذر is not before لكن).
fn is_boundary(s: &TokenizedSentence, t: usize) -> bool {
    is_clause_break(s, t)
        || (s.tokens[t].kind == TokenKind::Word
            && matches!(
                s.norm_of(t),
                "ان" | "لكن" | "لكنه" | "لكنها" | "ولكن" | "ولكنه" | "ولكنها" | "لكنهم"
                // Subordinators open a clause with its own subject (اصيب 37 شخصا حين
                // انفجرت قنبلة: the people did not set it off).
                | "حين" | "حينما" | "عندما" | "بعدما" | "بينما" | "فيما" | "حيث" | "وحين"
                | "وعندما" | "وبعدما" | "وبينما" | "وفيما" | "وحيث"
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

pub(crate) fn is_number_like(s: &TokenizedSentence, t: usize) -> bool {
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
            | "عده"
            | "بضعه"
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
            | "زهاء"
            | "حوالي"
            | "اكثر"
            | "ما"
    )
}

/// Words that may stand inside a count (ما لا يقل عن 28، اكثر من 20).
const COUNT_FILLERS: &[&str] = &["لا", "يقل", "يزيد", "عن", "من"];

/// One past the count phrase that starts at token `t` (15، ثلاثة، ما لا يقل عن 28، نحو
/// عشرين، and a partitive من after it: اربعة من), or `t` when no count starts there. The
/// victims of a casualty noun or passive verb follow the count (مقتل اربعة من عناصر الشرطة).
pub(crate) fn skip_count(s: &TokenizedSentence, t: usize) -> usize {
    let mut end = t;
    let mut i = t;
    while i < s.len() && i < t + 6 {
        if is_number_like(s, i) {
            end = i + 1;
        } else if !(s.tokens[i].kind == TokenKind::Word && COUNT_FILLERS.contains(&s.norm_of(i))) {
            break;
        }
        i += 1;
    }
    if end > t && end < s.len() && s.tokens[end].kind == TokenKind::Word && s.norm_of(end) == "من"
    {
        end += 1;
    }
    end
}

/// Time words that may follow a verb and its subject before the object (قتلت القوات امس
/// 11 مسلحا).
const TIME_WORDS: &[&str] = &[
    "امس",
    "اليوم",
    "الليله",
    "صباح",
    "مساء",
    "فجر",
    "ليل",
    "ظهر",
    "صباحا",
];

/// The first token from `t` on that is not a time word: a passive verb's count may follow
/// a time adverb (أصيب فجر أمس ثلاثة من عناصر الشرطة، قتل امس سبعة).
fn skip_time(s: &TokenizedSentence, t: usize) -> usize {
    let mut i = t;
    while i < s.len()
        && i < t + 3
        && s.tokens[i].kind == TokenKind::Word
        && TIME_WORDS.contains(&s.norm_of(i))
    {
        i += 1;
    }
    i
}

/// Imperfect verbs that open a descriptive clause after an indefinite noun (موظف بريطاني
/// يعمل في ...، انتحاري يقود سيارة): they describe the noun, they are not its object.
const DESCRIPTIVE_VERBS: &[&str] = &[
    "يعمل",
    "يعملون",
    "تعمل",
    "يعملان",
    "يقيم",
    "يقيمون",
    "تقيم",
    "يحمل",
    "يحملون",
    "تحمل",
    "ينتمي",
    "ينتمون",
    "تنتمي",
    "يستقل",
    "يستقلون",
    "تستقل",
    "يقود",
    "تقود",
    "يرتدي",
    "ترتدي",
    "يرتدون",
    "يسكن",
    "يسكنون",
    "تسكن",
];

/// Whether something that can be a direct object starts at token `p` (skipping time words):
/// a count or a word that is not a preposition, a conjunction or a clause break. Used to
/// tell the passive reading of an undiacritised verb (قتل جندي امريكي في الهجوم: no
/// object) from the active one (قتلت القوات الامريكية 11 مسلحا، ... زعيم التنظيم).
fn object_follows(s: &TokenizedSentence, p: usize, c_end: usize) -> bool {
    let mut i = p;
    while i < c_end.min(s.len()) {
        let t = &s.tokens[i];
        if t.kind == TokenKind::Number {
            return true;
        }
        if t.kind != TokenKind::Word || t.detached_clitic {
            return false;
        }
        let w = s.norm_of(i);
        if TIME_WORDS.contains(&w) {
            i += 1;
            continue;
        }
        if is_number_like(s, i) {
            return true;
        }
        if DESCRIPTIVE_VERBS.contains(&w) {
            return false;
        }
        let prep_clitic = ["ب", "ل", "و", "ف", "ك"].iter().any(|c| w.starts_with(c))
            && s.segs_of(i).iter().any(|sg| sg.proclitics != 0);
        let function = crate::mention::governing_prep(s, i + 1, None).is_some()
            || matches!(
                w,
                "و" | "او"
                    | "ثم"
                    | "حين"
                    | "عندما"
                    | "بعد"
                    | "قبل"
                    | "خلال"
                    | "اثر"
                    | "جراء"
                    | "اثناء"
                    | "الذي"
                    | "التي"
                    | "الذين"
            );
        return !(prep_clitic || function);
    }
    false
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
    // Another trigger between two tokens means they belong to different predicates, unless
    // it says how this event was done (قتلت غارة بطائرة مسيرة قائد ...: ب and a noun of
    // the same category).
    let other_trigger_between = |a: usize, b: usize| {
        hits.iter().any(|o| {
            !std::ptr::eq(o, hit)
                && o.tokens[0] > a.min(b)
                && o.tokens[0] < a.max(b)
                && o.tokens[0] != ts
                && !(o.trig.kind == TriggerKind::Noun
                    && o.trig.event == trig.event
                    && o.m.first_seg.is_some_and(|sg| sg.proclitics & PREP_BI != 0))
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
                && (!want_free || free(i) || counted_member(s, m))
                && !other_trigger_between(te, m.start)
        })
    };
    // Event nouns take a subject from before only when it is the subject of the support
    // verb right before them (شنت القوات هجوما، القوات شنت هجوما).
    // A noun joined by و to what precedes (مقتل اربعة ... وإصابة ستة) continues a list of
    // events: the noun phrase before it is the last one's complement, not a subject.
    let conj_noun = hit
        .m
        .first_seg
        .is_some_and(|sg| sg.proclitics & (CONJ_WA | CONJ_FA) != 0)
        || (ts > 0 && matches!(s.norm_of(ts - 1), "و" | "ف"));
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
                && !other_trigger_between(m.end - 1, ts)
                && !(trig.kind == TriggerKind::Noun && conj_noun)
                // A preposition between (عناصر الشرطة في انفجار عبوة) makes the noun an
                // adjunct of something else, not the object of its subject's support verb.
                && !(trig.kind == TriggerKind::Noun
                    && (m.end..ts).any(|t| {
                        s.tokens[t].kind == TokenKind::Word
                            && crate::mention::governing_prep(s, t + 1, None).is_some()
                    }))
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
        TriggerKind::Verb if is_masdar(s, hit) => {
            // A verb form after ب or ل is its verbal noun (قام مسلحون بخطف موظف، عمدوا
            // لقتل): the noun phrase after it (past a count) is the object, the subject
            // stands before (قام X ب...) or comes from an agent phrase.
            let after_count = skip_count(s, te);
            // The object may be an unknown head noun whose genitive is known (بخطف وكيل
            // وزارة النفط): one plain word, then the mention.
            let head_noun = unknown_head_noun(s, mentions, te);
            let object = (0..mentions.len()).find(|&i| {
                let at = mentions[i].start;
                (at == te || (after_count > te && at == after_count) || (head_noun && at == te + 1))
                    && free(i)
            });
            if let Some(o) = object {
                used.push(o);
            }
            // A trigger whose subject undergoes the event keeps its subject in the gap
            // (بتعرض المرجع الشيعي لمحاولة اغتيال).
            let gap_subject = in_gap.filter(|_| trig.subject_is_recipient);
            roles.recipient = gap_subject.or(object).or_else(|| with_prep(&used));
            roles.actor = agent
                .or_else(|| did_subject(s, mentions, c_start, ts, &used))
                .or_else(|| before(&used));
        }
        TriggerKind::Verb => {
            // A noun phrase right before the verb is its subject even when a count
            // follows (قوات الامن قتلت ثلاثة متشددين): the count is then the object.
            let adjacent_subject = (0..mentions.len()).find(|&i| {
                mentions[i].end == ts && mentions[i].start >= c_start && free(i) && !relative
            });
            // A verb with a plural subject pronoun followed by a count is active: the count
            // is its object (وخطفوا أربعة أوروبيين).
            let plural = plural_subject_suffix(s, ts);
            let count_at = skip_time(s, te);
            let kana = kana_subject(s, mentions, hits, ts);
            let passive = trig.passive_likely
                && is_number_like(s, count_at)
                && adjacent_subject.is_none()
                && kana.is_none()
                && !plural;
            // After أنها / أنهم (إنها استهدفت دورية) the pronoun is the verb's subject: what
            // follows is its object, and the coder gives the act to the speaker.
            let pronoun_subject = ts > 0
                && s.tokens[ts - 1].kind == TokenKind::Word
                && matches!(
                    s.norm_of(ts - 1),
                    "انها" | "انهم" | "انهما" | "بانها" | "بانهم"
                );
            // An attack noun right before the verb is its subject (انفجار سيارة مفخخة
            // استهدفت دورية للشرطة): what follows is the object.
            // One adjective may stand between (انفجارات ضخمة استهدفت سيارات قياديين).
            let adjective_before = ts > 1
                && s.tokens[ts - 1].kind == TokenKind::Word
                && !s.tokens[ts - 1].detached_clitic
                && !is_clause_break(s, ts - 1)
                && crate::mention::governing_prep(s, ts, None).is_none()
                && !mentions.iter().any(|m| m.start < ts && ts <= m.end);
            let event_subject = ts > 0
                && hits.iter().any(|o| {
                    !std::ptr::eq(o, hit)
                        && o.trig.kind == TriggerKind::Noun
                        && o.trig.event == trig.event
                        && (o.tokens.last() == Some(&(ts - 1))
                            || (adjective_before && o.tokens.last() == Some(&(ts - 2))))
                });
            // An attack noun right after the verb is its subject (استهدفت عبوة ناسفة رتلا
            // للتحالف، قتلت غارة أمريكية قائد فيلق القدس): a party named inside it or by the
            // word after it (انتحاري، أمريكية) is the actor; the object follows it.
            let noun_after = hits
                .iter()
                .find(|o| noun_subject_of(s, hit, o))
                .map(|o| (o.tokens[0], o.tokens.last().unwrap() + 1));
            let subject = if passive || pronoun_subject || event_subject {
                None
            } else if let Some((ns, ne)) = noun_after.filter(|_| !relative && !plural) {
                (0..mentions.len()).find(|&i| names_noun_party(&mentions[i], (ns, ne)) && free(i))
            } else if relative {
                antecedent
            } else if trig.passive_likely && is_number_like(s, count_at) && !plural {
                kana.or(adjacent_subject)
            } else if plural {
                // A verb that carries a plural subject pronoun (اغتالوا، يطلقون) has no
                // subject after it: Arabic verbs before their subject stay singular, so
                // what follows is the object (ان مجهولين اغتالوا رجل الدين). Joined by و/ف
                // to an earlier verb, it shares that verb's subject (اقتحم مسلحون مهبطا
                // ... وخطفوا أربعة).
                // A mention in the trigger's gap is then its object (احتجزوا أربعة من
                // الشرطة رهائن), which the object search below finds.
                coordinated_subject(s, mentions, hit, hits)
                    .or(kana)
                    .or_else(|| before(&used))
                    .or_else(|| relative_head(s, mentions, c_start, ts).filter(|&i| free(i)))
            } else {
                // A noun phrase that opens the clause right before the verb is its subject
                // (أعلن الجيش أن قواته قتلت مسلحا: after أن the subject comes first).
                // Otherwise time words and a count may stand between the verb and its
                // subject after it (أصيب فجر أمس ثلاثة من عناصر الشرطة).
                let lead = skip_count(s, count_at) - te;
                kana.or(adjacent_subject.filter(|&i| mentions[i].start == c_start))
                    .or(in_gap)
                    .or_else(|| after(te, NEAR + lead, true, &used))
                    .or_else(|| before(&used))
                    .or_else(|| relative_head(s, mentions, c_start, ts).filter(|&i| free(i)))
            };
            if let Some(subj) = subject {
                used.push(subj);
            }
            let object = if trig.recipient_object || passive {
                // The object follows the subject when the subject follows the verb (in
                // the trigger's gap or after it).
                let after_noun = noun_after.map(|(_, ne)| ne).unwrap_or(te);
                let from = subject
                    .filter(|&i| mentions[i].start > ts)
                    .map(|i| mentions[i].end.max(after_noun))
                    .unwrap_or(after_noun);
                // With no subject after the verb, the object may fill the gap itself
                // (احتجزوا أربعة من الشرطة رهائن).
                let gap_from = subject
                    .filter(|&i| mentions[i].start > ts)
                    .map(|i| mentions[i].end)
                    .unwrap_or(ts + 1);
                (0..mentions.len())
                    .find(|&i| {
                        mentions[i].start >= gap_from
                            && mentions[i].start < hit.m.gap.1
                            && hit.m.gap.0 < hit.m.gap.1
                            && free(i)
                            && !used.contains(&i)
                    })
                    .or_else(|| {
                        // A passive verb's victims follow its count (قتل ما لا يقل عن 28).
                        let reach = if passive {
                            NEAR + 2 + skip_count(s, count_at) - te
                        } else {
                            NEAR
                        };
                        after(from.max(te), reach, true, &used)
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
                // The genitive may carry ل (استهدف انتحاري اجتماعا لقوات الصحوة), and the
                // head noun may itself be another event's trigger.
                (0..mentions.len()).find(|&i| {
                    let m = &mentions[i];
                    m.start == from + 1
                        && from < s.len()
                        && !other_trigger_between(te, from)
                        // A noun trigger may be the head (اجتماعا لقوات الصحوة); a verb
                        // there starts another clause (قتل جنديان واصيب تسعة).
                        && !hits.iter().any(|o| {
                            o.tokens[0] == from && o.trig.kind == TriggerKind::Verb
                        })
                        && s.tokens[from].kind == TokenKind::Word
                        && !s.tokens[from].detached_clitic
                        && crate::mention::governing_prep(s, from, None).is_none()
                        && (free(i) || m.prep.as_deref() == Some("ل"))
                        && !used.contains(&i)
                })
            });
            if let Some(o) = object {
                used.push(o);
            }
            let prep_rcp = with_prep(&used);
            // An undiacritised verb that is often passive, with a subject and nothing that
            // can be its object, is passive: its subject is the victim (سبعة اشخاص قتلوا،
            // قتل جندي امريكي في الهجوم، خطف موظف بريطاني من منزله).
            let passive_subject = trig.passive_likely
                && !passive
                && object.is_none()
                && subject.is_some_and(|i| {
                    let after_subject = if mentions[i].start > ts {
                        mentions[i].end
                    } else {
                        te
                    };
                    !object_follows(s, after_subject, c_end)
                });
            roles.passive = passive || passive_subject;
            if trig.subject_is_recipient || passive_subject {
                roles.recipient = subject;
                roles.actor = agent;
            } else if passive {
                roles.recipient = object;
                roles.actor = agent;
            } else if agent.is_some() {
                // An agent phrase makes the verb passive (خطف موظف على يد مسلحين، قتل شرطي
                // بنيران مسلحين): the subject is who underwent it.
                roles.actor = agent;
                roles.recipient = object.or(subject).or(prep_rcp);
            } else {
                roles.actor = agent.or(subject);
                roles.recipient = object.or(prep_rcp);
            }
        }
        TriggerKind::Noun if hits.iter().any(|o| noun_subject_of(s, o, hit)) => {
            // The subject of a verb of its kind right before it (استهدفت عبوة ناسفة رتلا
            // للتحالف): the verb's event. What follows is the verb's object, not this
            // noun's genitive; only a party inside it or its nationality adjective
            // (هجوم انتحاري، غارة أمريكية) is its own.
            roles.actor = (0..mentions.len()).find(|&i| names_noun_party(&mentions[i], (ts, te)));
        }
        TriggerKind::Noun => {
            // Genitive: right after the noun, or after one unknown word with ل (استهداف رتل
            // للتحالف).
            let genitive = (0..mentions.len()).find(|&i| {
                let m = &mentions[i];
                (m.start == te && (free(i) || m.prep.as_deref() == Some("ل")))
                    // The victims of a casualty noun after their count (مقتل 15 شخصا،
                    // إصابة اربعة من عناصر الشرطة).
                    || (trig.genitive_is_recipient
                        && skip_count(s, te) > te
                        && m.start == skip_count(s, te)
                        && free(i))
                    || (trig.genitive_is_recipient
                        && m.start == te + 1
                        && m.prep.as_deref() == Some("ل")
                        && s.tokens[te].kind == TokenKind::Word
                        && !is_clause_break(s, te))
                    // An unknown head noun whose genitive is known (اختطاف وكيل وزارة
                    // الصحة): the victim is the head, named through its genitive.
                    || (trig.genitive_is_recipient
                        && m.start == te + 1
                        && free(i)
                        && unknown_head_noun(s, mentions, te))
            });
            if let Some(g) = genitive {
                used.push(g);
            }
            let prep_rcp = with_prep(&used);
            if let Some(r) = prep_rcp {
                used.push(r);
            }
            // "Which X carried out" after the noun names its actor before any subject
            // search (قتل جنديان في هجوم نفذه مسلحون: not the soldiers).
            let claimed = claimed_by(s, mentions, te, c_end).filter(|c| !used.contains(c));
            // A noun with ب after an earlier event of its kind in the clause says how that
            // event was done (اغتالوا قائد الشرطة بإطلاق النار على سيارته): it shares
            // that event's subject, and the noun phrase before it is that event's object.
            let means = hit
                .m
                .first_seg
                .is_some_and(|sg| sg.proclitics & PREP_BI != 0)
                && hits.iter().any(|o| {
                    !std::ptr::eq(o, hit)
                        && o.trig.event == trig.event
                        && o.tokens[0] >= c_start
                        && o.tokens[0] < ts
                });
            // After ل the noun is a purpose or what something underwent (تعرضت القاعدة
            // ... لهجوم، تصدى الجيش لهجوم): the noun phrase before it did not do it.
            let governed_by_li = hit
                .m
                .first_seg
                .is_some_and(|sg| sg.proclitics & PREP_LI != 0);
            let before = |used: &[usize]| {
                if means || governed_by_li {
                    None
                } else {
                    before(used)
                }
            };
            if trig.genitive_is_recipient || trig.subject_is_recipient {
                roles.recipient = genitive.or(prep_rcp);
                roles.actor = agent.or(claimed).or_else(|| {
                    if trig.subject_is_recipient {
                        None
                    } else {
                        before(&used)
                    }
                });
            } else {
                roles.actor = agent.or(genitive).or(claimed).or_else(|| before(&used));
                roles.recipient = prep_rcp;
            }
        }
    }
    if trig.event == "PROTEST" {
        protest_parties(s, mentions, (ts, te), &mut roles);
    }
    if trig.event == "ASSAULT" {
        // What passed by when the bomb went off (لدى مرور دورية) was hit; it did nothing.
        let passing = passing_target(s, mentions, te);
        if passing.is_some() && roles.actor == passing {
            roles.actor = None;
            roles.recipient = roles.recipient.or(passing);
        }
    }
    if trig.event == "ASSAULT" && roles.recipient.is_none() {
        if let Some(r) = survivor(s, mentions, ts, c_start) {
            // The survivor stands before the event noun, where its subject search looks.
            if roles.actor == Some(r) {
                roles.actor = None;
            }
            roles.recipient = Some(r);
        } else {
            roles.recipient = passing_target(s, mentions, te)
                .or_else(|| carried(s, mentions, te, c_end))
                .filter(|&r| Some(r) != roles.actor);
        }
    }
    if trig.event == "ASSAULT" && roles.actor.is_none() {
        roles.actor = claimant(s, mentions, te).filter(|&c| Some(c) != roles.recipient);
    }
    if roles.actor.is_some() && roles.actor == roles.recipient {
        roles.recipient = None;
    }
    roles.recipient_including = roles
        .recipient
        .and_then(|r| {
            including(s, mentions, mentions[r].end).or_else(|| {
                // Lists of targets are what attacks and arrests hit; after a verbal
                // event's object a و-phrase is more often the content (طالب الرئيس
                // هادي ... بمواجهة المليشيات وقوات ...).
                (trig.event == "ASSAULT" || trig.event == "COERCE")
                    .then(|| coordinated_object(s, mentions, hits, mentions[r].end))
                    .flatten()
            })
        })
        .filter(|&i| Some(i) != roles.actor);
    // A bare count of victims with the part named (مقتل 13 معظمهم من أفراد الشرطة): the
    // part is the recipient.
    if roles.recipient.is_none() && trig.event == "ASSAULT" {
        let count_end = skip_count(s, skip_time(s, te));
        if count_end > te {
            roles.recipient = including(s, mentions, count_end).filter(|&i| Some(i) != roles.actor);
        }
    }
    roles
}

/// `noun` is an attack noun standing as the subject right after `verb`, a verb of the same
/// category (past time words): استهدفت عبوة ناسفة رتلا، قتلت أمس غارة أمريكية ...
fn noun_subject_of(s: &TokenizedSentence, verb: &TriggerHit, noun: &TriggerHit) -> bool {
    !std::ptr::eq(verb, noun)
        && verb.trig.kind == TriggerKind::Verb
        && noun.trig.kind == TriggerKind::Noun
        && verb.trig.event == noun.trig.event
        // A verb phrase that holds its object (ألقت الشرطة قنابل، أطلق النار) is complete:
        // an attack noun after it is more of the object (قنابل الغاز المسيل للدموع).
        && verb.tokens.len() == 1
        && noun.tokens[0] == skip_time(s, verb.tokens.last().unwrap() + 1)
        && noun.m.first_seg.is_none_or(|sg| sg.preposition().is_none())
}

/// The mention names the party of an attack noun spanning tokens `[ns, ne)`: it lies inside
/// the noun (هجوم انتحاري) or is the nationality adjective right after it (غارة أمريكية).
fn names_noun_party(m: &Mention, (ns, ne): (usize, usize)) -> bool {
    m.start >= ns
        && (m.end <= ne
            || (m.start == ne
                && m.ents
                    .iter()
                    .all(|e| e.kind == marsad_lexicon::ActorKind::Demonym)))
}

/// كان ... قد before a verb frames its subject (وكانت رئيسة الوزراء السابقة، بي نظير بوتو، قد
/// قتلت في هجوم؛ وكان مسلحون قد خطفوا ...): the noun phrase right after كان is the subject
/// of the verb after قد, whatever commas of apposition stand between. كان is looked for
/// among the 12 tokens before the subject's last word, with no verb trigger, complementiser,
/// subordinator or relative pronoun between.
fn kana_subject(
    s: &TokenizedSentence,
    mentions: &[Mention],
    hits: &[TriggerHit],
    ts: usize,
) -> Option<usize> {
    if ts < 3 || strip_conj(s.norm_of(ts - 1)) != "قد" {
        return None;
    }
    let kana = (ts.saturating_sub(14)..ts - 2).rev().find(|&t| {
        s.tokens[t].kind == TokenKind::Word
            && matches!(strip_conj(s.norm_of(t)), "كان" | "كانت" | "كانوا" | "كانا")
    })?;
    let blocked = (kana + 1..ts - 1).any(|t| {
        hits.iter()
            .any(|h| h.trig.kind == TriggerKind::Verb && h.tokens[0] == t)
            || (s.tokens[t].kind == TokenKind::Word
                && matches!(
                    s.norm_of(t),
                    "ان" | "حين" | "عندما" | "الذي" | "التي" | "الذين"
                ))
    });
    if blocked {
        return None;
    }
    (0..mentions.len()).find(|&i| mentions[i].start == kana + 1 && mentions[i].end < ts)
}

/// The head of a relative clause that stands between the clause start and the verb at
/// `ts` (الجنود الذين اقتحموا البلدة أطلقوا النار): the subject of the main verb, which the
/// relative clause's own verb and object stand between.
fn relative_head(
    s: &TokenizedSentence,
    mentions: &[Mention],
    c_start: usize,
    ts: usize,
) -> Option<usize> {
    let r = (c_start + 1..ts.saturating_sub(1))
        .rev()
        .find(|&t| s.tokens[t].kind == TokenKind::Word && RELATIVES.contains(&s.norm_of(t)))?;
    mentions
        .iter()
        .position(|m| m.end == r && m.start >= c_start)
}

/// Words that name part of a group just counted (بينهم، منهم، معظمهم، غالبيتهم).
const INCLUDING: &[&str] = &[
    "بينهم",
    "بينهما",
    "بينهن",
    "منهم",
    "منهما",
    "معظمهم",
    "غالبيتهم",
    "اغلبهم",
    "اكثرهم",
];

/// The mention that names part of the group that ends before token `from`: past a comma,
/// (من) بينهم / معظمهم, a count and a partitive من (قتل 15 شخصا؛ بينهم سبعة من الشرطة،
/// مقتل 13 معظمهم من أفراد الشرطة، لقي 26 شخصا بينهم ستة جنود عراقيين).
fn including(s: &TokenizedSentence, mentions: &[Mention], from: usize) -> Option<usize> {
    let mut t = from;
    while t < s.len() && t < from + 2 && s.tokens[t].kind == TokenKind::Punct {
        t += 1;
    }
    let word = |t: usize| {
        (t < s.len() && s.tokens[t].kind == TokenKind::Word).then(|| strip_conj(s.norm_of(t)))
    };
    if word(t) == Some("من") && word(t + 1).is_some_and(|w| INCLUDING.contains(&w)) {
        t += 1;
    }
    if !word(t).is_some_and(|w| INCLUDING.contains(&w)) {
        return None;
    }
    t += 1;
    let mut at = skip_count(s, t);
    if at == t && word(t) == Some("من") {
        at += 1;
    }
    mentions.iter().position(|m| m.start == at)
}

/// A second target joined by و to the recipient that ends at token `from` (اشتباكات بين
/// الفصائل وقوات النظام; قتلت غارة قائد فيلق القدس قاسم سليماني ونائب رئيس هيئة الحشد
/// الشعبي ...): the mention right after it whose first word carries و, or a list of names
/// right after it, past at most three other mentions (the first target's name) or
/// adjectives with the article (الفصائل المقاتلة), and nothing else.
fn coordinated_object(
    s: &TokenizedSentence,
    mentions: &[Mention],
    hits: &[TriggerHit],
    from: usize,
) -> Option<usize> {
    let is_trigger = |t: usize| hits.iter().any(|h| h.tokens.contains(&t));
    let mut t = from;
    for _ in 0..4 {
        if t >= s.len() || s.tokens[t].kind != TokenKind::Word || is_trigger(t) {
            return None;
        }
        if let Some(i) = mentions.iter().position(|m| m.start == t) {
            let m = &mentions[i];
            let joined = s.norm_of(t).starts_with('و')
                && m.ents.first().is_some_and(|e| e.start > s.tokens[t].start);
            if joined && m.prep.is_none() {
                return Some(i);
            }
            // The first target's name, read as a list with the second (قائد فيلق القدس
            // [قاسم سليماني ونائب رئيس هيئة الحشد ...]): the list holds the second target.
            if m.ents.len() > 1 && m.prep.is_none() {
                return Some(i);
            }
            // A name of the first target the lexicon knows.
            t = m.end;
            continue;
        }
        // An adjective of the first target (الفصائل المقاتلة وقوات النظام): a word with the
        // article and no other clitic.
        if !s.norm_of(t).starts_with("ال") {
            return None;
        }
        t += 1;
    }
    None
}

/// Vehicles (normalised, without the article) and the verbs that say whom they carried.
const VEHICLES: &[&str] = &[
    "سياره",
    "سيارات",
    "حافله",
    "شاحنه",
    "مركبه",
    "عربه",
    "موكب",
    "قافله",
    "زورق",
    "قارب",
];
const CARRYING: &[&str] = &["تقل", "يقل", "تقلهم", "تحمل", "يحمل", "تنقل", "ينقل"];

/// Who rode in the vehicle the attack hit (صاروخ على سيارة تقل ثلاثة من نشطاء سرايا
/// القدس): the people the vehicle carried, past a count, are the target.
fn carried(s: &TokenizedSentence, mentions: &[Mention], te: usize, c_end: usize) -> Option<usize> {
    let word = |t: usize| {
        (t < s.len() && s.tokens[t].kind == TokenKind::Word && !s.tokens[t].detached_clitic)
            .then(|| s.norm_of(t))
    };
    let vehicle = (te..(te + NEAR).min(c_end)).find(|&t| {
        word(t).is_some_and(|w| {
            let w = crate::mention::strip_conj_and_article(w);
            VEHICLES.contains(&w) || w.strip_prefix('ب').is_some_and(|r| VEHICLES.contains(&r))
        })
    })?;
    let mut t = vehicle + 1;
    if word(t).is_some_and(|w| matches!(w, "كانت" | "كان")) {
        t += 1;
    }
    if !word(t).is_some_and(|w| CARRYING.contains(&w)) {
        return None;
    }
    let at = skip_count(s, t + 1);
    (0..mentions.len()).find(|&i| mentions[i].start == at || mentions[i].start == t + 1)
}

/// Claim verbs with a pronoun that refers back to the attack (وقد تبناه تنظيم القاعدة).
const CLAIMED: &[&str] = &["تبناه", "تبناها", "تبنته", "تبنتها", "تبني"];

/// Who claimed the attack later in the sentence, past commas (تعرضت ثكنة لاعتداء أسفر عن
/// مقتل ثلاثة جنود، وقد تبناه «تنظيم القاعدة»): the mention after the claim verb, a
/// quotation mark allowed between.
fn claimant(s: &TokenizedSentence, mentions: &[Mention], te: usize) -> Option<usize> {
    let t = (te..s.len()).find(|&t| {
        s.tokens[t].kind == TokenKind::Word && CLAIMED.contains(&strip_conj(s.norm_of(t)))
    })?;
    let at = if t + 1 < s.len() && s.tokens[t + 1].kind == TokenKind::Punct {
        t + 2
    } else {
        t + 1
    };
    (0..mentions.len()).find(|&i| mentions[i].start == at && mentions[i].prep.is_none())
}

/// The subject of the verb that a verb joined by و/ف continues: the nearest earlier verb
/// trigger of the sentence, and the free mention right after it (VSO) or right before it
/// (SVO).
fn coordinated_subject(
    s: &TokenizedSentence,
    mentions: &[Mention],
    hit: &TriggerHit,
    hits: &[TriggerHit],
) -> Option<usize> {
    let ts = hit.tokens[0];
    let joined = hit
        .m
        .first_seg
        .is_some_and(|sg| sg.proclitics & (CONJ_WA | CONJ_FA) != 0);
    if !joined {
        return None;
    }
    let prev = hits
        .iter()
        .filter(|o| o.trig.kind == TriggerKind::Verb && o.tokens[0] < ts)
        .max_by_key(|o| o.tokens[0])?;
    let (ps, pe) = (prev.tokens[0], prev.tokens.last().map_or(ts, |t| t + 1));
    let free = |i: usize| prep_of(s, &mentions[i]).is_none();
    (0..mentions.len())
        .find(|&i| mentions[i].start == pe && free(i))
        .or_else(|| (0..mentions.len()).find(|&i| mentions[i].end == ps && free(i)))
        .or_else(|| {
            // A subject inside the earlier verb's gap (أطلق مسلحون النار).
            (0..mentions.len()).find(|&i| {
                prev.m.gap.0 < prev.m.gap.1
                    && mentions[i].start >= prev.m.gap.0
                    && mentions[i].end <= prev.m.gap.1
            })
        })
}

/// Whether the verb at token `t` ends in a plural subject pronoun: the past -وا (قتلوا،
/// اغتالوا) or the imperfect -ون (يطلقون).
fn plural_subject_suffix(s: &TokenizedSentence, t: usize) -> bool {
    let w = s.norm_of(t);
    let long = w.chars().count() >= 5;
    long && (w.ends_with("وا") || (w.ends_with("ون") && (w.starts_with('ي') || w.starts_with('ت'))))
}

/// Whether token `t` is a plain word outside any mention that can head a noun phrase whose
/// genitive follows: not a clitic, a clause break, a time word, a count or a preposition.
fn unknown_head_noun(s: &TokenizedSentence, mentions: &[Mention], t: usize) -> bool {
    t + 1 < s.len()
        && s.tokens[t].kind == TokenKind::Word
        && !s.tokens[t].detached_clitic
        && !is_clause_break(s, t)
        && !is_number_like(s, t)
        && !TIME_WORDS.contains(&s.norm_of(t))
        && crate::mention::governing_prep(s, t + 1, None).is_none()
        && !mentions.iter().any(|m| m.start <= t && t < m.end)
}

/// Forms of قام "did", which with ب and a verbal noun makes a periphrastic verb (قام
/// مسلحون بخطف موظف = gunmen abducted an employee).
const DID: &[&str] = &["قام", "قامت", "قاموا", "تقوم", "يقوم", "يقومون"];

/// The subject of قام X ب<verbal noun>: the mention right after قام, in the clause before
/// the verbal noun.
fn did_subject(
    s: &TokenizedSentence,
    mentions: &[Mention],
    c_start: usize,
    ts: usize,
    used: &[usize],
) -> Option<usize> {
    let d = (c_start..ts).rev().find(|&t| {
        s.tokens[t].kind == TokenKind::Word && {
            let w = s.norm_of(t);
            let w = w
                .strip_prefix('و')
                .or_else(|| w.strip_prefix('ف'))
                .unwrap_or(w);
            DID.contains(&w)
        }
    })?;
    // The subject may be a part of a group (قام عدد من جنود المارينز بقتل ...).
    let after = d + 1;
    let part = if after + 1 < ts
        && QUANTIFIERS.contains(&strip_conj_and_article(s.norm_of(after)))
        && s.norm_of(after + 1) == "من"
    {
        after + 2
    } else {
        skip_count(s, after)
    };
    (0..mentions.len()).find(|&i| {
        (mentions[i].start == after || mentions[i].start == part)
            && mentions[i].end <= ts
            && !used.contains(&i)
    })
}

/// Whether a verb trigger is read as its verbal noun: the word carries the preposition ب
/// or ل (بخطف، بقتل، لقتل), which a finite verb cannot take; ل before an imperfect
/// (ليقتل) is the subjunctive, not a preposition.
fn is_masdar(s: &TokenizedSentence, hit: &TriggerHit) -> bool {
    let Some(sg) = hit.m.first_seg else {
        return false;
    };
    let w = s.norm_of(hit.tokens[0]);
    let w = w
        .strip_prefix('و')
        .or_else(|| w.strip_prefix('ف'))
        .unwrap_or(w);
    if sg.proclitics & PREP_BI != 0 && w.starts_with('ب') {
        return true;
    }
    sg.proclitics & PREP_LI != 0
        && w.strip_prefix('ل')
            .is_some_and(|r| !r.starts_with(['ي', 'ت', 'ن', 'ا']))
}

/// Verbs with a pronoun that refers back to an event noun: هجوم نفذه انتحاري، غارة شنتها
/// طائرة، هجوم تبنته طالبان.
const CARRIED_OUT_BY: &[&str] = &[
    "نفذه",
    "نفذها",
    "نفذته",
    "نفذتها",
    "نفذهما",
    "شنه",
    "شنها",
    "شنته",
    "شنتها",
    "تبناه",
    "تبناها",
    "تبنته",
    "تبنتها",
];

/// The actor of an event noun named by a following "which X carried out" (هجوم انتحاري
/// نفذته امرأة): the mention right after such a verb, at most three words after the noun
/// (its adjectives and a place or time word may stand between).
fn claimed_by(
    s: &TokenizedSentence,
    mentions: &[Mention],
    te: usize,
    c_end: usize,
) -> Option<usize> {
    let t = (te..(te + 4).min(c_end))
        .find(|&t| s.tokens[t].kind == TokenKind::Word && CARRIED_OUT_BY.contains(&s.norm_of(t)))?;
    (0..mentions.len()).find(|&i| mentions[i].start == t + 1 && mentions[i].prep.is_none())
}

/// Words before مرور that make it "as X passed" (لدى مرور دورية للشرطة، عند مرور موكب).
const PASSING_CUES: &[&str] = &["لدي", "عند", "اثناء", "خلال", "لحظه"];

/// The target of a bomb or an ambush named by "as X passed" after the trigger (انفجرت سيارة
/// مفخخة لدى مرور دورية للشرطة): the mention right after مرور, or after one word when ل
/// governs it (دورية للجيش الأميركي).
fn passing_target(s: &TokenizedSentence, mentions: &[Mention], te: usize) -> Option<usize> {
    let t = (te..s.len()).find(|&t| {
        t >= 1
            && s.tokens[t].kind == TokenKind::Word
            && s.norm_of(t) == "مرور"
            && PASSING_CUES.contains(&s.norm_of(t - 1))
    })?;
    (0..mentions.len()).find(|&i| {
        let m = &mentions[i];
        (m.start == t + 1 && m.prep.is_none())
            || (m.start == t + 2
                && m.prep.as_deref() == Some("ل")
                && s.tokens[t + 1].kind == TokenKind::Word
                && !is_clause_break(s, t + 1))
    })
}

/// Forms of نجا "survived" (نجا X من محاولة اغتيال، ينجو من انفجار).
const SURVIVED: &[&str] = &["نجا", "ونجا", "نجت", "ونجت", "ينجو", "تنجو", "نجوا", "نجيا"];

/// The survivor of an attack named by نجا X من <trigger>: the first mention after نجا, in
/// the trigger's clause, when من stands right before the trigger.
fn survivor(
    s: &TokenizedSentence,
    mentions: &[Mention],
    ts: usize,
    c_start: usize,
) -> Option<usize> {
    if ts == 0 || s.norm_of(ts - 1) != "من" {
        return None;
    }
    // A parenthetical comma may separate the survivor from من (نجا الوزير سامي المظفر، من
    // انفجار): the clause before the comma is searched too.
    let from = if c_start + 1 == ts && c_start >= 2 && is_clause_break(s, c_start - 1) {
        clause_start(s, c_start - 2)
    } else {
        c_start
    };
    let v = (from..ts)
        .rev()
        .find(|&t| s.tokens[t].kind == TokenKind::Word && SURVIVED.contains(&s.norm_of(t)))?;
    (0..mentions.len()).find(|&i| mentions[i].start > v && mentions[i].end < ts)
}

/// Sectors of the people who take to the streets (متظاهرون، طلاب، عمال، آلاف العراقيين).
const PROTESTER_SECTORS: &[&str] = &["CVL", "LAB", "EDU", "AGR", "OPP", "REF", "JRN", "MED"];

/// Sectors of the authorities a protest is directed at when the sentence names them.
const TARGET_SECTORS: &[&str] = &["GOV", "LEG", "JUD", "MIL", "COP", "ELI"];

/// Fills the parties of a protest that argument structure leaves open. A protest noun
/// (مظاهرة، اعتصام) often stands apart from the people who hold it (خرج الآلاف في مظاهرة،
/// ردد المتظاهرون هتافات ...): the nearest group of protesters in the sentence, not
/// governed by a preposition other than partitive من, is the actor. The recipient is the
/// first authority or state named after the trigger (احتجاجا على قرار الحكومة، أمام السفارة
/// الأمريكية، مطالبين باستقالة رئيس الوزراء): protests are addressed to those who rule.
fn protest_parties(
    s: &TokenizedSentence,
    mentions: &[Mention],
    (ts, te): (usize, usize),
    roles: &mut Roles,
) {
    // A generic group of people, with or without its nationality (المتظاهرون، ستة آلاف
    // مواطن مصري); a named organisation is no crowd.
    let is_protester = |m: &Mention| {
        m.ents.iter().all(|e| {
            e.kind == marsad_lexicon::ActorKind::Sector
                && e.sectors
                    .first()
                    .is_some_and(|x| PROTESTER_SECTORS.contains(&x.as_str()))
        }) || m.ents.iter().all(|e| {
            // A plural nationality alone names people (آلاف المصريين).
            e.kind == marsad_lexicon::ActorKind::Demonym && e.sectors.iter().any(|x| x == "CVL")
        })
    };
    // A party the protest stands at (تظاهر العشرات خارج مبنى البرلمان) is where it was
    // aimed, not who protested, even when the argument search took it for the subject.
    let at_site = |i: usize| {
        matches!(
            head_prep(s, &mentions[i], 0).as_deref(),
            Some("امام" | "حول" | "قرب" | "خارج")
        )
    };
    if let Some(a) = roles
        .actor
        .filter(|&a| at_site(a) && !is_protester(&mentions[a]))
    {
        roles.actor = None;
        if roles.recipient.is_none() {
            roles.recipient = Some(a);
        }
    }
    // Protesters written inside the trigger (أحرق المتظاهرون، ردد المحتجون) are its subject,
    // whatever the argument search found after it (أحرق متظاهرون أعلام إسرائيل).
    let inside = (0..mentions.len())
        .find(|&i| mentions[i].start >= ts && mentions[i].end <= te && is_protester(&mentions[i]));
    if let Some(i) = inside {
        if roles.recipient == Some(i) {
            roles.recipient = None;
        }
        roles.actor = Some(i);
    }
    if roles.actor.is_none() {
        roles.actor = (0..mentions.len())
            .filter(|&i| Some(i) != roles.recipient)
            .filter(|&i| is_protester(&mentions[i]) && prep_of(s, &mentions[i]).is_none())
            .min_by_key(|&i| mentions[i].start.abs_diff(ts));
    }
    if roles.recipient.is_none() {
        let candidate = |i: &usize| Some(*i) != roles.actor && !is_protester(&mentions[*i]);
        roles.recipient = (0..mentions.len())
            .filter(candidate)
            .find(|&i| denounced(s, &mentions[i]))
            .or_else(|| (0..mentions.len()).filter(candidate).find(|&i| at_site(i)));
    }
    if roles.recipient.is_none() {
        roles.recipient = (0..mentions.len()).find(|&i| {
            let m = &mentions[i];
            m.start > ts
                && Some(i) != roles.actor
                && !is_protester(m)
                && m.prep.as_deref() != Some("by")
                // في بيروت says where, not against whom.
                && m.prep.as_deref() != Some("في")
                && m.ents.iter().any(|e| {
                    e.sectors
                        .first()
                        .is_some_and(|x| TARGET_SECTORS.contains(&x.as_str()))
                        || (e.sectors.is_empty() && e.code.is_some())
                })
        });
    }
}

/// Words after which ل names whom a slogan is against (هتافات معادية لإيران، الموت لأمريكا).
const AGAINST_LI: &[&str] = &[
    "معاديه",
    "المعاديه",
    "معادي",
    "المعادي",
    "معاديا",
    "مناهضه",
    "المناهضه",
    "مناهض",
    "المناهض",
    "مناهضا",
    "الموت",
];

/// Flags and effigies that protesters burn or trample (أحرقوا أعلام إسرائيل، العلم الأمريكي).
const FLAG_WORDS: &[&str] = &["علم", "العلم", "اعلام", "الاعلام", "دمي", "دميه", "صور"];

/// Verbs of burning and trampling a flag.
const DESECRATE: &[&str] = &[
    "احرق",
    "احرقوا",
    "احرقت",
    "حرق",
    "حرقوا",
    "يحرقون",
    "احراق",
    "داسوا",
    "مزقوا",
];

/// Protest nouns after which على names what is protested (احتجاجا على انتهاكات الرئيس).
const PROTEST_AGAINST: &[&str] = &[
    "احتجاجا",
    "احتجاج",
    "للاحتجاج",
    "الاحتجاج",
    "تنديدا",
    "احتجاجهم",
];

/// Whether a protest is explicitly against the mention: a slogan or a burnt flag names it
/// (ضد X، معادية لـX، الموت لـX، أحرقوا أعلام X / العلم X-ي), or a protest noun with على
/// (احتجاجا على انتهاكات الرئيس). Where the protest only stands (أمام السفارة، حول مقر
/// السفارة، قرب البرلمان، خارج المحكمة) is the weaker sign the caller tries next.
fn denounced(s: &TokenizedSentence, m: &Mention) -> bool {
    let word = |t: usize| (s.tokens[t].kind == TokenKind::Word).then(|| s.norm_of(t));
    if head_prep(s, m, 0).as_deref() == Some("ضد") {
        return true;
    }
    // احتجاجا على [ما وصفوه ب]انتهاكات X: X within a few words of على, in one clause.
    let protested = (m.start.saturating_sub(6)..m.start).rev().find(|&t| {
        t > 0 && word(t) == Some("علي") && word(t - 1).is_some_and(|w| PROTEST_AGAINST.contains(&w))
    });
    if protested.is_some_and(|t| !(t..m.start).any(|i| is_clause_break(s, i))) {
        return true;
    }
    // The word before the mention, past a detached ل (لـ«إيران»).
    let mut p = m.start;
    if p > 0 && s.tokens[p - 1].detached_clitic {
        p -= 1;
    }
    let Some(prev) = p.checked_sub(1).and_then(word) else {
        return false;
    };
    if m.prep.as_deref() == Some("ل") && AGAINST_LI.contains(&prev) {
        return true;
    }
    FLAG_WORDS.contains(&prev)
        && (p.saturating_sub(4)..p - 1)
            .any(|t| word(t).is_some_and(|w| DESECRATE.contains(&strip_conj(w))))
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
