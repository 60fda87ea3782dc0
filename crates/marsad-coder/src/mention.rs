//! Entity mentions: actor lexicon matches combined into PLOVER entities.
//!
//! Arabic names a political actor by composition: a sector term plus a country adjective
//! (القوات العراقية), a sector term plus a country in idafa (حكومة العراق), a title plus a
//! person (رئيس الحكومة مصطفى الكاظمي), a role of an organisation (المتحدث باسم كتائب حزب
//! الله), and lists joined by و. This module turns the raw lexicon matches of a sentence
//! into [`Mention`]s: one or more entities with their spans and the preposition that
//! governs the mention (which the argument finder needs).

use marsad_lexicon::{Actor, ActorKind, Lexicon, PhraseMatch};
use marsad_text::{TokenKind, TokenizedSentence};

/// One entity inside a mention.
#[derive(Debug, Clone, PartialEq)]
pub struct Ent {
    pub code: Option<String>,
    pub sectors: Vec<String>,
    pub name: Option<String>,
    pub wikidata: Option<String>,
    pub office: Option<String>,
    /// Character span in the document (clitics excluded).
    pub start: u32,
    pub end: u32,
    /// The entry is only a sector term (no country, no name).
    pub generic: bool,
}

/// A noun phrase that names one entity or a list of them.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Token range.
    pub start: usize,
    pub end: usize,
    pub ents: Vec<Ent>,
    /// Governing preposition (normalised), e.g. "علي", "ضد", "ل", "ب", or "by" for the
    /// agent markers من قبل / على يد.
    pub prep: Option<String>,
    /// The mention is a named entity spanning several words (a trigger inside it is part
    /// of a name, not an event).
    pub named_multiword: bool,
}

/// Standalone preposition words (normalised) that govern a following noun phrase.
const PREP_WORDS: &[&str] = &[
    "علي",
    "ضد",
    "الي",
    "في",
    "من",
    "مع",
    "عن",
    "لدي",
    "بين",
    "نحو",
    "تجاه",
    "باتجاه",
    "حتي",
    "عبر",
    "داخل",
    "امام",
    "بحق",
];

/// The preposition governing a noun phrase that starts at token `i` whose first token
/// carries the clitic `clitic_prep`.
pub fn governing_prep(
    s: &TokenizedSentence,
    i: usize,
    clitic_prep: Option<char>,
) -> Option<String> {
    if let Some(c) = clitic_prep {
        return Some(c.to_string());
    }
    if i == 0 {
        return None;
    }
    let prev = i - 1;
    let t = &s.tokens[prev];
    if t.detached_clitic {
        let n = s.norm_of(prev);
        if n != "و" && n != "ف" {
            return Some(n.to_string());
        }
        return None;
    }
    if t.kind != TokenKind::Word {
        return None;
    }
    let p = strip_conj(s.norm_of(prev));
    // Agent markers: من قبل X، على يد X.
    if (p == "قبل" || p == "يد") && prev >= 1 {
        let pp = strip_conj(s.norm_of(prev - 1));
        if (p == "قبل" && pp == "من") || (p == "يد" && pp == "علي") {
            return Some("by".into());
        }
    }
    if PREP_WORDS.contains(&p) {
        return Some(p.to_string());
    }
    None
}

fn strip_conj(w: &str) -> &str {
    if w.chars().count() > 2 {
        w.strip_prefix('و')
            .or_else(|| w.strip_prefix('ف'))
            .unwrap_or(w)
    } else {
        w
    }
}

fn is_conj_token(s: &TokenizedSentence, i: usize) -> bool {
    s.tokens[i].kind == TokenKind::Word && matches!(s.norm_of(i), "و" | "او" | "ف")
}

/// Picks the entry of a match: named entries before generic sector terms, then the first.
fn pick<'a>(lex: &'a Lexicon, m: &PhraseMatch) -> &'a Actor {
    m.entries
        .iter()
        .map(|&e| &lex.actors[e as usize])
        .min_by_key(|a| match a.kind {
            ActorKind::Org | ActorKind::Person => 0,
            ActorKind::Country => 1,
            ActorKind::Capital => 2,
            ActorKind::Demonym => 3,
            ActorKind::Sector => 4,
        })
        .expect("a match has at least one entry")
}

fn ent_from(lex: &Lexicon, a: &Actor, start: u32, end: u32, date: &str) -> Ent {
    let generic = a.kind == ActorKind::Sector;
    if let Some(org) = a.org.map(|o| &lex.actors[o as usize]) {
        // A person who speaks or fights for an organisation is coded as it.
        return Ent {
            code: org.code.clone(),
            sectors: org.sectors.clone(),
            name: org.name.clone(),
            wikidata: org.wikidata.clone(),
            office: a.role.clone().or_else(|| a.name.clone()),
            start,
            end,
            generic,
        };
    }
    let mut sectors = a.sectors.clone();
    let mut office = a.role.clone();
    if a.kind == ActorKind::Person && !a.role_applies(date) {
        // Out of office: the person is still identified, but as a former official.
        sectors = vec!["ELI".to_string()];
        office = None;
    }
    Ent {
        code: a.code.clone(),
        sectors,
        name: a.name.clone(),
        wikidata: a.wikidata.clone(),
        office,
        start,
        end,
        generic,
    }
}

/// Builds the mentions of a sentence from its actor matches.
pub fn mentions(
    lex: &Lexicon,
    s: &TokenizedSentence,
    matches: &[PhraseMatch],
    date: &str,
    text_of: &dyn Fn(u32, u32) -> String,
    is_trigger_token: &dyn Fn(usize) -> bool,
) -> Vec<Mention> {
    // 1. One simple mention per match.
    struct Raw<'a> {
        m: &'a PhraseMatch,
        actor: &'a Actor,
        start_char: u32,
    }
    let raws: Vec<Raw> = matches
        .iter()
        .map(|m| {
            let prefix = m.first_seg.map(|sg| clitic_chars(&sg)).unwrap_or(0);
            Raw {
                m,
                actor: pick(lex, m),
                start_char: s.start_after_prefix(m.start, prefix),
            }
        })
        .collect();

    // 2. Compose sector terms with what names their owner, and titles with persons.
    let mut composed: Vec<Mention> = Vec::new();
    let mut k = 0;
    while k < raws.len() {
        let r = &raws[k];
        let prep = governing_prep(s, r.m.start, r.m.first_seg.and_then(|sg| sg.preposition()));
        let mut ent = ent_from(lex, r.actor, r.start_char, s.tokens[r.m.end - 1].end, date);
        let mut end = r.m.end;
        let mut named_multiword = r.actor.kind != ActorKind::Sector && r.m.words > 1;
        // Sector term (or a person's title) followed by its owner: allow one unknown word
        // (مسؤولون أمنيون عراقيون) and the linking words باسم / في.
        let mut j = k + 1;
        while j < raws.len() && ent.generic {
            let next = &raws[j];
            let between = next.m.start - end;
            // What may stand between: باسم / في before the organisation or person the
            // term belongs to (المتحدث باسم الكتائب), or one adjective before a nationality
            // (مسؤولون أمنيون عراقيون). Anything else is another noun phrase.
            let owner = matches!(next.actor.kind, ActorKind::Org | ActorKind::Person);
            let nationality = next.actor.kind == ActorKind::Demonym;
            let linking_ok = (end..next.m.start).all(|t| {
                s.tokens[t].kind == TokenKind::Word && !is_conj_token(s, t) && {
                    let w = s.norm_of(t);
                    (owner && (w == "باسم" || w == "في")) || (nationality && between <= 1)
                }
            });
            let next_prep = next.m.first_seg.and_then(|sg| sg.preposition());
            if between > 2 || !linking_ok || next_prep.is_some_and(|p| p != 'ل') {
                break;
            }
            let n = ent_from(
                lex,
                next.actor,
                next.start_char,
                s.tokens[next.m.end - 1].end,
                date,
            );
            match next.actor.kind {
                ActorKind::Org | ActorKind::Person => {
                    // The organisation or person identifies the entity; the title is kept
                    // as an office.
                    let office = text_of(ent.start, ent.end);
                    ent = Ent {
                        start: ent.start,
                        office: n.office.clone().or(Some(office)),
                        ..n
                    };
                    named_multiword = true;
                }
                ActorKind::Sector => {
                    // Two sector terms (قوات الأمن): the more specific second one wins
                    // unless it is a plain noun of place.
                    ent.sectors = merge_sectors(&n.sectors, &ent.sectors);
                }
                ActorKind::Country | ActorKind::Capital | ActorKind::Demonym => {
                    ent.code = n.code.clone();
                    ent.generic = false;
                }
            }
            ent.end = n.end;
            end = next.m.end;
            j += 1;
        }
        // A title followed by the person's name (الرئيس التركي رجب طيب أردوغان): one
        // entity, the person's.
        if j < raws.len()
            && raws[j].m.start == end
            && raws[j].actor.kind == ActorKind::Person
            && r.actor.kind == ActorKind::Sector
        {
            let n = ent_from(
                lex,
                raws[j].actor,
                raws[j].start_char,
                s.tokens[raws[j].m.end - 1].end,
                date,
            );
            let office = text_of(ent.start, ent.end);
            ent = Ent {
                start: ent.start,
                office: n.office.clone().or(Some(office)),
                ..n
            };
            end = raws[j].m.end;
            named_multiword = true;
            j += 1;
        }
        // A country, demonym or organisation directly followed by a demonym (جيش الاحتلال
        // الإسرائيلي is one match, but الحشد الشعبي العراقي is org + demonym): the demonym
        // only confirms the country.
        while j < raws.len()
            && raws[j].m.start == end
            && raws[j].actor.kind == ActorKind::Demonym
            && !ent.generic
        {
            if ent.code.is_none() {
                ent.code = raws[j].actor.code.clone();
            }
            ent.end = s.tokens[raws[j].m.end - 1].end;
            end = raws[j].m.end;
            j += 1;
        }
        // A nationality adjective after an unknown noun (على المنشآت الأميركية) names that
        // noun: the mention starts at the noun and takes the noun's preposition.
        let nationality = r.actor.kind == ActorKind::Demonym && r.actor.sectors.is_empty();
        let (start, prep) = if nationality && end == r.m.end && prep.is_none() && r.m.start > 0 {
            let noun = r.m.start - 1;
            let is_noun = s.tokens[noun].kind == TokenKind::Word
                && !is_trigger_token(noun)
                && !s.tokens[noun].detached_clitic
                && !is_conj_token(s, noun)
                && composed.last().is_none_or(|m| m.end <= noun);
            if is_noun {
                ent.start = s.tokens[noun].start;
                ent.generic = false;
                let w = s.norm_of(noun);
                let clitic = ["بال", "لل", "كال", "وبال", "ولل"]
                    .iter()
                    .find(|p| w.starts_with(*p) && w.chars().count() > p.chars().count() + 2)
                    .map(|p| {
                        if p.contains('ب') {
                            'ب'
                        } else if p.contains('ك') {
                            'ك'
                        } else {
                            'ل'
                        }
                    });
                (noun, governing_prep(s, noun, clitic))
            } else {
                (r.m.start, prep)
            }
        } else {
            (r.m.start, prep)
        };
        // A plural nationality standing alone names people: آلاف العراقيين.
        if nationality && start == r.m.start && end == r.m.end && ent.sectors.is_empty() {
            let w = s.norm_of(r.m.end - 1);
            if w.ends_with("يون") || w.ends_with("يين") || w.ends_with("يات") {
                ent.sectors.push("CVL".to_string());
            }
        }
        composed.push(Mention {
            start,
            end,
            ents: vec![ent],
            prep,
            named_multiword,
        });
        k = j;
    }

    // 3. Lists: X و Y (و as its own word or as a clitic on Y), X، Y و Z.
    let mut out: Vec<Mention> = Vec::new();
    for m in composed {
        if let Some(last) = out.last_mut() {
            let joined_by_clitic = m.start == last.end && starts_with_wa(s, m.start);
            let joined_by_word = m.start == last.end + 1 && is_conj_token(s, last.end);
            let same_prep = m.prep.is_none() || m.prep == last.prep || joined_by_clitic;
            if (joined_by_clitic || joined_by_word) && same_prep {
                last.end = m.end;
                last.ents.extend(m.ents);
                last.named_multiword |= m.named_multiword;
                continue;
            }
        }
        out.push(m);
    }
    out
}

fn merge_sectors(primary: &[String], secondary: &[String]) -> Vec<String> {
    let mut v: Vec<String> = primary.to_vec();
    for s in secondary {
        if !v.contains(s) {
            v.push(s.clone());
        }
    }
    v
}

/// Characters of conjunction and preposition clitics (the article is kept in spans).
fn clitic_chars(seg: &marsad_text::Segmentation) -> usize {
    use marsad_text::clitic::proclitic::*;
    let mut n = 0;
    if seg.proclitics & (CONJ_WA | CONJ_FA) != 0 {
        n += 1;
    }
    if seg.proclitics & (PREP_BI | PREP_KA) != 0 {
        n += 1;
    }
    if seg.proclitics & PREP_LI != 0 && seg.proclitics & ARTICLE == 0 {
        n += 1;
    }
    n
}

fn starts_with_wa(s: &TokenizedSentence, i: usize) -> bool {
    s.segs_of(i)
        .iter()
        .any(|sg| sg.proclitics & marsad_text::clitic::proclitic::CONJ_WA != 0)
        && s.norm_of(i).starts_with('و')
}
