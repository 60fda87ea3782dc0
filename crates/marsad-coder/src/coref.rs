//! Within-document coreference: short references resolved to the entity they refer to.
//!
//! News names an actor once and then refers back to it with a definite generic noun:
//! أعلنت كتائب حزب الله ... وقال المتحدث باسم الكتائب ... وهدد القيادي .... [`DocMemory`]
//! keeps, per document and across sentences, the entities named so far (organisations,
//! persons, titles composed with an organisation or a country, unknown named entities) and
//! resolves a later short reference to the most recent compatible one, but only when the
//! candidates within the current and the [`WINDOW`] previous sentences name **one**
//! entity: precision comes first, an ambiguous reference stays as it is.
//!
//! | reference (with the article) | resolves to |
//! |---|---|
//! | الكتائب، الحركة، الجماعة، التنظيم، الجبهة، الحزب | an organisation whose name begins with that noun (كتائب حزب الله، حزب الله، حركة ...) |
//! | الميليشيا، المليشيا | an organisation with sector PRM or REB |
//! | المتحدث، الناطق | an entity introduced with a spokesman (المتحدث باسم X، a person whose role is spokesman); else the one organisation named |
//! | القيادي | an individual of a non-government organisation (a person coded as his group, a title + organisation); else the one such organisation |
//! | الحكومة | the country of the government entities named (الحكومة العراقية، رئيس الحكومة مصطفى الكاظمي، بغداد); else the story's dominant country (named at least 3 times and twice as often as any other) |
//! | الوزارة | a ministry named with its country (وزارة الداخلية العراقية) |
//! | الجيش، القوات | the country of the military entities named (القوات العراقية) |
//! | الرئيس | a person whose office is a presidency |
//! | الوزير | a person whose office is a ministry (not prime minister) |
//!
//! A reference is resolved only when it stands alone: definite, not already composed
//! with a country or an organisation (الحكومة العراقية keeps its own country), not
//! followed by an adjective that makes it another entity (الحكومة السابقة، الكتائب
//! المسلحة) or, for a person's title, by a name (الرئيس بخاري) or its owner (القيادي في
//! ...), and not after a quantifier (بعض، إحدى). A reference the actor lexicon does not
//! list (الكتائب، الحركة، التنظيم) becomes a mention only where a noun phrase begins (after
//! a verb, a preposition, a conjunction, punctuation, إن/أن or a demonstrative), not as
//! the genitive of an unknown noun (أنصار التنظيم), where it would take that noun's role. Plurals that usually name a set
//! (الميليشيات، الفصائل، الجماعات) are not resolved. A singular title right before a
//! resolved reference (المتحدث باسم الكتائب، القيادي في الحركة) becomes that entity with the
//! title as its office. A resolved entity keeps the reference's own words as its span
//! (`entity_text`) and takes code, sector and identifier of the antecedent (for الحكومة،
//! الجيش، القوات only the country); it is marked [`Ent::resolved`].
//!
//! The memory learns from every sentence, with or without an event (unknown names only
//! from sentences with one, where [`crate::mention::unknown_entities`] runs).
//!
//! Not handled: pronoun suffixes (عناصره، سفارتها), surnames alone (وأضاف معن), cataphora.

// Non-state codes: no government, army or ministry refers to them.
use marsad_lexicon::plover::NON_STATE_CODES as NON_STATE;
use marsad_lexicon::ActorKind;
use marsad_text::clitic::proclitic;
use marsad_text::{normalize, Segmentation, TokenKind, TokenizedSentence};
use rustc_hash::FxHashMap;

use crate::mention::{
    clitic_chars, governing_prep, is_definite, is_individual_title, name_word, reading, Ent,
    Mention, WordList,
};

/// How many sentences before the current one an antecedent may stand.
pub const WINDOW: u32 = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Want {
    /// An organisation whose name begins with the reference's noun.
    Head,
    Militia,
    Spokesman,
    Leader,
    Government,
    Ministry,
    Army,
    President,
    Minister,
}

/// Reference nouns (stems, without the article); parallel to [`WANTS`].
static ANAPHORS: WordList = WordList::new(&[
    "كتائب",
    "حركة",
    "جماعة",
    "تنظيم",
    "جبهة",
    "حزب",
    "ميليشيا",
    "مليشيا",
    "متحدث",
    "ناطق",
    "قيادي",
    "حكومة",
    "وزارة",
    "جيش",
    "قوات",
    "رئيس",
    "وزير",
]);
const WANTS: [Want; 17] = [
    Want::Head,
    Want::Head,
    Want::Head,
    Want::Head,
    Want::Head,
    Want::Head,
    Want::Militia,
    Want::Militia,
    Want::Spokesman,
    Want::Spokesman,
    Want::Leader,
    Want::Government,
    Want::Ministry,
    Want::Army,
    Want::Army,
    Want::President,
    Want::Minister,
];

/// Words before a reference that make it partitive or indefinite in meaning.
static QUANTIFIERS: WordList = WordList::new(&[
    "بعض",
    "إحدى",
    "أحد",
    "كل",
    "جميع",
    "عدد",
    "مجموعة",
    "معظم",
    "أغلب",
    "غالبية",
    "أي",
    "باقي",
    "بقية",
    "سائر",
]);

/// Adjectives after a reference that make it another entity than the one named before.
static OTHER_ADJ: WordList = WordList::new(&[
    "السابق",
    "السابقة",
    "الأسبق",
    "الجديد",
    "الجديدة",
    "المقبل",
    "المقبلة",
    "القادم",
    "القادمة",
    "المؤقت",
    "المؤقتة",
    "الحالي",
    "الحالية",
    "المنتهية",
    "المستقيل",
    "المستقيلة",
    "الأخرى",
    "الآخر",
    "المسلح",
    "المسلحة",
    "المدعوم",
    "المدعومة",
    "الموالي",
    "الموالية",
    "المعارض",
    "المعارضة",
    "المنافس",
    "المنافسة",
    "الحاكم",
    "الحاكمة",
    "المكلف",
    "المكلفة",
    "المركزية",
    "المحلية",
    "الاتحادية",
    "الشرعية",
    "الموازية",
    "الانتقالية",
]);

/// Time words that may follow a subject without qualifying it (قالت الحكومة الأحد).
static TIME_WORDS: WordList = WordList::new(&[
    "اليوم",
    "الأحد",
    "الاثنين",
    "الثلاثاء",
    "الأربعاء",
    "الخميس",
    "الجمعة",
    "السبت",
    "الليلة",
    "البارحة",
    "الآن",
    "أمس",
    "مساء",
    "صباح",
]);

/// Words after which a noun phrase begins (not the genitive of the word before).
static OPENERS: WordList = WordList::new(&[
    "و", "ف", "ثم", "او", "أن", "إن", "أنّ", "بأن", "لأن", "كما", "هذه", "هذا", "تلك", "ذلك", "لكن",
    "بل", "حتى", "قد", "لقد", "كانت", "كان", "ان",
]);

/// An entity named in the document so far.
#[derive(Debug, Clone)]
struct Item {
    ent: Ent,
    seq: u32,
    /// First word of the name (normalised, without the article), for organisations.
    head: Option<String>,
    /// Introduced as a spokesman.
    spokesman: bool,
    /// The words that named it (normalised).
    words: String,
}

impl Item {
    /// Who the item is: its identifier, else its words, else its country and sector.
    fn identity(&self) -> String {
        let e = &self.ent;
        if let Some(n) = e
            .wikidata
            .as_ref()
            .or(e.name.as_ref())
            .filter(|_| matches!(e.kind, ActorKind::Org | ActorKind::Person))
        {
            return format!("n:{n}");
        }
        if matches!(e.kind, ActorKind::Org | ActorKind::Person) {
            return format!("w:{}", self.words);
        }
        format!("c:{:?}/{:?}", e.code, e.sectors.first())
    }

    fn has_sector(&self, list: &[&str]) -> bool {
        self.ent.sectors.iter().any(|s| list.contains(&s.as_str()))
    }

    fn state_code(&self) -> Option<&str> {
        self.ent.code.as_deref().filter(|c| !NON_STATE.contains(c))
    }
}

/// What a document has named so far. Create one per document and pass every sentence's
/// mentions, in order, to [`DocMemory::process`].
#[derive(Debug, Default, Clone)]
pub struct DocMemory {
    items: Vec<Item>,
    /// How often each country code was named (resolved references excluded).
    countries: FxHashMap<String, u32>,
}

impl DocMemory {
    pub fn new() -> DocMemory {
        DocMemory::default()
    }

    /// Resolves the short references of one sentence against what came before (and
    /// earlier in the sentence), adding mentions for references that no lexicon entry
    /// matched (الكتائب، الحركة), then remembers the sentence's entities.
    /// `is_predicate` marks trigger and cue tokens.
    pub fn process(
        &mut self,
        s: &TokenizedSentence,
        seq: u32,
        mentions: &mut Vec<Mention>,
        text_of: &dyn Fn(u32, u32) -> String,
        is_predicate: &dyn Fn(usize) -> bool,
    ) {
        let covered =
            |mentions: &[Mention], t: usize| mentions.iter().any(|m| t >= m.start && t < m.end);
        let free_refs: Vec<usize> = (0..s.len())
            .filter(|&t| !covered(mentions, t) && !is_predicate(t) && anaphor_at(s, t).is_some())
            .collect();
        let mut added: Vec<Mention> = Vec::new();
        let mut last_mention: Option<usize> = None;
        let (mut mi, mut fi) = (0, 0);
        while mi < mentions.len() || fi < free_refs.len() {
            let take_mention = fi >= free_refs.len()
                || (mi < mentions.len() && mentions[mi].start <= free_refs[fi]);
            if take_mention {
                self.resolve_mention(s, seq, mentions, mi, text_of, is_predicate);
                self.observe(s, seq, &mentions[mi], text_of);
                last_mention = Some(mi);
                mi += 1;
                continue;
            }
            let t = free_refs[fi];
            fi += 1;
            let Some((want, sg, stem)) = anaphor_at(s, t) else {
                continue;
            };
            if !stands_alone(s, mentions, t, want, is_predicate) {
                continue;
            }
            // A singular title right before (المتحدث باسم الكتائب، القيادي في الحركة).
            let title = last_mention.filter(|&p| {
                let m = &mentions[p];
                let link = m.end == t
                    || (m.end + 1 == t
                        && s.tokens[m.end].kind == TokenKind::Word
                        && matches!(s.norm_of(m.end), "في" | "باسم"));
                link && m.ents.len() == 1
                    && m.ents[0].generic
                    && m.ents[0].code.is_none()
                    && is_individual_title(s, m.start)
            });
            // The genitive of an unknown noun (أنصار التنظيم، قرار الحكومة) is left alone:
            // a new mention there would take the noun's place as subject or object.
            if title.is_none() && sg.proclitics & !proclitic::ARTICLE == 0 && t > 0 {
                let p = t - 1;
                let opens = s.tokens[p].kind != TokenKind::Word
                    || s.tokens[p].detached_clitic
                    || is_predicate(p)
                    || covered(mentions, p)
                    || OPENERS.contains(s.norm_of(p))
                    || governing_prep(s, t, None).is_some();
                if !opens {
                    continue;
                }
            }
            let start = s.start_after_prefix(t, clitic_chars(&sg));
            let own = Ent {
                code: None,
                sectors: Vec::new(),
                name: None,
                wikidata: None,
                office: None,
                start,
                end: s.tokens[t].end,
                generic: true,
                kind: ActorKind::Sector,
                individual: false,
                resolved: false,
            };
            let title_text = title.map(|p| {
                let e = &mentions[p].ents[0];
                text_of(e.start, e.end)
            });
            let Some(mut ent) = self.resolve(want, &stem, seq, &own, title_text, text_of) else {
                continue;
            };
            if let Some(p) = title {
                let m = &mut mentions[p];
                ent.start = m.ents[0].start;
                m.ents[0] = ent;
                m.end = t + 1;
                m.named_multiword = true;
                let m = m.clone();
                self.observe(s, seq, &m, text_of);
            } else {
                let m = Mention {
                    start: t,
                    end: t + 1,
                    ents: vec![ent],
                    prep: governing_prep(s, t, sg.preposition()),
                    named_multiword: false,
                };
                self.observe(s, seq, &m, text_of);
                added.push(m);
            }
        }
        for m in added {
            let at = mentions.partition_point(|x| x.start < m.start);
            mentions.insert(at, m);
        }
    }

    /// Resolves a generic mention that is a reference (الحكومة) or ends with one after a
    /// title (المتحدث باسم الحكومة).
    fn resolve_mention(
        &self,
        s: &TokenizedSentence,
        seq: u32,
        mentions: &mut [Mention],
        idx: usize,
        text_of: &dyn Fn(u32, u32) -> String,
        is_predicate: &dyn Fn(usize) -> bool,
    ) {
        let m = &mentions[idx];
        if m.ents.len() != 1 || !m.ents[0].generic || m.ents[0].code.is_some() {
            return;
        }
        let last = m.end - 1;
        let Some((want, _, stem)) = anaphor_at(s, last) else {
            return;
        };
        if !stands_alone(s, mentions, last, want, is_predicate) {
            return;
        }
        let m = &mut mentions[idx];
        let title = if m.end - m.start == 1 {
            None
        } else if is_individual_title(s, m.start)
            && matches!(
                want,
                Want::Head | Want::Militia | Want::Government | Want::Ministry
            )
        {
            let e = &m.ents[0];
            Some(text_of(e.start, s.tokens[last - 1].end))
        } else {
            return;
        };
        if let Some(r) = self.resolve(want, &stem, seq, &m.ents[0], title, text_of) {
            m.ents[0] = r;
        }
    }

    /// The entity a reference of kind `want` refers to, built on the reference's own
    /// entity `own` (its span); `title` is the text of a title merged with it.
    fn resolve(
        &self,
        want: Want,
        stem: &str,
        seq: u32,
        own: &Ent,
        title: Option<String>,
        text_of: &dyn Fn(u32, u32) -> String,
    ) -> Option<Ent> {
        let near = |it: &&Item| it.seq + WINDOW >= seq;
        let words = text_of(own.start, own.end);
        let head = Some(stem.to_string());
        let non_gov = ["PRM", "REB", "PTY", "OPP", "UAF"];
        let pick = |f: &dyn Fn(&Item) -> bool| -> Option<&Item> {
            unique(self.items.iter().filter(near).filter(|it| f(it)))
        };
        let org = |it: &Item| it.ent.kind == ActorKind::Org;
        let antecedent: Option<&Item> = match want {
            Want::Head => pick(&|it: &Item| org(it) && !it.ent.individual && it.head == head),
            Want::Militia => pick(&|it: &Item| org(it) && it.has_sector(&["PRM", "REB"])),
            Want::Spokesman => tiered(
                pick(&|it: &Item| it.spokesman),
                self.items.iter().filter(near).any(|it| it.spokesman),
                || pick(&|it: &Item| org(it)),
            ),
            Want::Leader => tiered(
                pick(&|it: &Item| it.ent.individual && it.has_sector(&non_gov)),
                self.items
                    .iter()
                    .filter(near)
                    .any(|it| it.ent.individual && it.has_sector(&non_gov)),
                || pick(&|it: &Item| org(it) && it.has_sector(&non_gov)),
            ),
            Want::Government => {
                let cands: Vec<&Item> = self
                    .items
                    .iter()
                    .filter(near)
                    .filter(|it| it.state_code().is_some() && it.has_sector(&["GOV"]))
                    .collect();
                let code = match unique_code(&cands) {
                    Some(c) => Some(c),
                    None if cands.is_empty() => self.dominant_country(),
                    None => None,
                }?;
                return Some(Ent {
                    code: Some(code),
                    generic: false,
                    resolved: true,
                    office: title.or_else(|| own.office.clone()),
                    individual: own.individual,
                    ..own.clone()
                });
            }
            Want::Army => {
                let cands: Vec<&Item> = self
                    .items
                    .iter()
                    .filter(near)
                    .filter(|it| it.state_code().is_some() && it.has_sector(&["MIL"]))
                    .collect();
                let code = unique_code(&cands)?;
                let mut e = own.clone();
                e.code = Some(code);
                e.generic = false;
                e.resolved = true;
                if e.sectors.is_empty() {
                    e.sectors = vec!["MIL".to_string()];
                }
                return Some(e);
            }
            Want::Ministry => pick(&|it: &Item| it.state_code().is_some() && it.head == head),
            Want::President => pick(&|it: &Item| {
                it.ent.kind == ActorKind::Person
                    && it
                        .ent
                        .office
                        .as_deref()
                        .is_some_and(|o| o.to_lowercase().starts_with("president"))
            }),
            Want::Minister => pick(&|it: &Item| {
                it.ent.kind == ActorKind::Person
                    && it.ent.office.as_deref().is_some_and(|o| {
                        let o = o.to_lowercase();
                        (o.contains("minister") || o.starts_with("secretary of"))
                            && !o.contains("prime")
                    })
            }),
        };
        let a = antecedent?;
        let individual = matches!(
            want,
            Want::Spokesman | Want::Leader | Want::President | Want::Minister
        ) || title.is_some();
        let office = match want {
            Want::Spokesman | Want::Leader => title.or(Some(words)),
            _ => title.or_else(|| a.ent.office.clone()),
        };
        Some(Ent {
            start: own.start,
            end: own.end,
            generic: false,
            resolved: true,
            individual,
            office,
            kind: if individual && a.ent.kind == ActorKind::Person {
                ActorKind::Person
            } else {
                a.ent.kind
            },
            ..a.ent.clone()
        })
    }

    /// The country named at least 3 times and at least twice as often as any other.
    fn dominant_country(&self) -> Option<String> {
        let mut v: Vec<(&String, &u32)> = self
            .countries
            .iter()
            .filter(|(c, _)| !NON_STATE.contains(&c.as_str()))
            .collect();
        v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let top = v.first()?;
        let second = v.get(1).map(|x| *x.1).unwrap_or(0);
        (*top.1 >= 3 && *top.1 >= 2 * second).then(|| top.0.clone())
    }

    /// Remembers the named entities of a mention.
    fn observe(
        &mut self,
        s: &TokenizedSentence,
        seq: u32,
        m: &Mention,
        text_of: &dyn Fn(u32, u32) -> String,
    ) {
        for e in &m.ents {
            if e.generic {
                continue;
            }
            if let (Some(c), false) = (&e.code, e.resolved) {
                *self.countries.entry(c.clone()).or_default() += 1;
            }
            let named = matches!(e.kind, ActorKind::Org | ActorKind::Person);
            if !named && (e.code.is_none() || e.sectors.is_empty()) {
                continue; // a country or nationality alone
            }
            if e.resolved {
                // A resolved reference refreshes its antecedent.
                if let Some(prev) = self
                    .items
                    .iter()
                    .rev()
                    .find(|it| same_entity(&it.ent, e))
                    .cloned()
                {
                    self.items.push(Item {
                        seq,
                        ent: Ent {
                            resolved: false,
                            ..prev.ent
                        },
                        ..prev
                    });
                }
                continue;
            }
            let words = text_of(e.start, e.end);
            let mut head = if e.individual {
                None
            } else {
                reference_head(&words)
            };
            // تنظيم داعش: the head noun stands before the name the lexicon matched.
            if e.kind == ActorKind::Org && !e.individual && m.start > 0 {
                let p = m.start - 1;
                if let Some(sg) = reading(s, p, Some(false), |st| {
                    crate::mention::ORG_HEADS.contains(st)
                }) {
                    head = Some(sg.stem(s.norm_of(p)).to_string());
                }
            }
            let role = e.office.as_deref().unwrap_or("");
            let spokesman = role.to_lowercase().contains("spokes") || {
                let n = normalize(role);
                n.contains("متحدث") || n.contains("ناطق")
            };
            self.items.push(Item {
                ent: e.clone(),
                seq,
                head,
                spokesman,
                words: normalize(&words),
            });
        }
    }
}

fn same_entity(a: &Ent, b: &Ent) -> bool {
    a.code == b.code && a.name == b.name && a.wikidata == b.wikidata && a.sectors == b.sectors
}

/// The most recent of `items` when they all name one entity.
fn unique<'a>(items: impl Iterator<Item = &'a Item>) -> Option<&'a Item> {
    let mut last: Option<&Item> = None;
    let mut id: Option<String> = None;
    for it in items {
        let i = it.identity();
        match &id {
            Some(x) if *x != i => return None,
            _ => id = Some(i),
        }
        last = Some(it);
    }
    last
}

/// The first tier when it has candidates (resolved or ambiguous), else the second.
fn tiered<'a>(
    first: Option<&'a Item>,
    first_has_candidates: bool,
    second: impl FnOnce() -> Option<&'a Item>,
) -> Option<&'a Item> {
    if first_has_candidates {
        first
    } else {
        second()
    }
}

/// The one state code of the items, if they agree.
fn unique_code(items: &[&Item]) -> Option<String> {
    let mut code: Option<&str> = None;
    for it in items {
        let c = it.state_code()?;
        match code {
            Some(x) if x != c => return None,
            _ => code = Some(c),
        }
    }
    code.map(str::to_owned)
}

/// First word of a name, normalised, without the article.
fn reference_head(words: &str) -> Option<String> {
    let n = normalize(words);
    let first = n.split(' ').next()?;
    let first = first
        .strip_prefix("ال")
        .or_else(|| first.strip_prefix("لل"))
        .filter(|r| r.chars().count() >= 3)
        .unwrap_or(first);
    Some(first.to_string())
}

/// The reference at token `t` (with the article), with its reading.
fn anaphor_at(s: &TokenizedSentence, t: usize) -> Option<(Want, Segmentation, String)> {
    if s.tokens[t].kind != TokenKind::Word {
        return None;
    }
    let sg = reading(s, t, Some(true), |st| ANAPHORS.contains(st))?;
    let stem = sg.stem(s.norm_of(t));
    let i = ANAPHORS.position(stem)?;
    Some((WANTS[i], sg, stem.to_string()))
}

/// The reference at `t` is not partitive and not qualified into another entity.
fn stands_alone(
    s: &TokenizedSentence,
    mentions: &[Mention],
    t: usize,
    want: Want,
    is_predicate: &dyn Fn(usize) -> bool,
) -> bool {
    if t > 0 && s.tokens[t - 1].kind == TokenKind::Word {
        let p = s.norm_of(t - 1);
        let p = if p.chars().count() > 3 {
            p.strip_prefix('و').unwrap_or(p)
        } else {
            p
        };
        if QUANTIFIERS.contains(p) {
            return false;
        }
    }
    let n = t + 1;
    if n >= s.len() || s.tokens[n].kind != TokenKind::Word {
        return true;
    }
    let w = s.norm_of(n);
    let individual = matches!(
        want,
        Want::Spokesman | Want::Leader | Want::President | Want::Minister
    );
    if individual && (matches!(w, "في" | "باسم") || w.starts_with("لل")) {
        return false; // القيادي في ...: someone's official, named after
    }
    if individual
        && name_word(s, mentions, n, true, is_predicate)
        && !s.segs_of(n).iter().any(|sg| sg.suffix)
    {
        return false; // الرئيس بخاري: a title before a name the lexicon does not know
    }
    if !is_definite(s, n) || TIME_WORDS.contains(w) {
        return true;
    }
    let nisba = w.ends_with('ي')
        || w.ends_with("يه")
        || w.ends_with("يون")
        || w.ends_with("يين")
        || w.ends_with("يات");
    !(nisba || OTHER_ADJ.contains(w))
}

#[cfg(test)]
mod tests {
    use crate::test_support::{code, event};
    use crate::Entity;

    const DATE: &str = "2020-10-11";

    fn actor(ev: &[crate::Event], seq: u32, cat: &str) -> Entity {
        let e = event(ev, seq, cat);
        e.actor
            .first()
            .cloned()
            .unwrap_or_else(|| panic!("no actor: {e:#?}"))
    }

    fn speaker(ev: &[crate::Event], seq: u32) -> Entity {
        ev.iter()
            .filter(|e| e.text_info.sequence == seq)
            .find_map(|e| e.attribution.as_ref().and_then(|a| a.speaker.clone()))
            .unwrap_or_else(|| panic!("no speaker in sentence {seq}: {ev:#?}"))
    }

    #[test]
    fn kataib_spokesman_and_official() {
        let ev = code(
            "أعلنت كتائب حزب الله تعليق هجماتها على القوات الأمريكية. وقال المتحدث باسم الكتائب \
             إن الهدنة مشروطة بانسحاب القوات الأمريكية. وهدد القيادي باستهداف السفارة الأمريكية.",
            DATE,
        );
        let sp = speaker(&ev, 1);
        assert_eq!(sp.identifier_text.as_deref(), Some("Kataib Hezbollah"));
        assert_eq!(sp.entity_text, "المتحدث باسم الكتائب");
        assert_eq!(sp.office.as_deref(), Some("المتحدث باسم"));
        assert!(sp.resolved);
        let a = actor(&ev, 2, "THREATEN");
        assert_eq!(a.identifier_text.as_deref(), Some("Kataib Hezbollah"));
        assert_eq!(
            (a.code.as_deref(), a.sector.as_deref()),
            (Some("IRQ"), Some("PRM"))
        );
        assert_eq!(a.entity_text, "القيادي");
        assert!(a.resolved);
        // Resolution is visible in the JSON record, and absent when false.
        let json = serde_json::to_string(&a).unwrap();
        assert!(json.contains("\"resolved\":true"), "{json}");
        let first = actor(&ev, 0, "RETREAT");
        assert!(!serde_json::to_string(&first).unwrap().contains("resolved"));
    }

    #[test]
    fn official_through_a_person_coded_as_his_group() {
        let ev = code(
            "أكد أبو علي العسكري أن الاتفاق ما زال قائما. كما هدد القيادي بنسف الاتفاق.",
            DATE,
        );
        let a = actor(&ev, 1, "THREATEN");
        assert_eq!(a.identifier_text.as_deref(), Some("Kataib Hezbollah"));
        assert!(a.resolved);
    }

    #[test]
    fn government_after_a_named_government() {
        let ev = code(
            "رفضت الحكومة العراقية الاتهامات الأمريكية. وهددت الحكومة بطرد السفير الأمريكي.",
            DATE,
        );
        let a = actor(&ev, 1, "THREATEN");
        assert_eq!(
            (a.code.as_deref(), a.sector.as_deref()),
            (Some("IRQ"), Some("GOV"))
        );
        assert_eq!(a.entity_text, "الحكومة");
        assert!(a.resolved);
    }

    #[test]
    fn government_is_not_resolved_when_ambiguous_or_qualified() {
        // Two governments named: ambiguous.
        let ev = code(
            "رفضت الحكومة العراقية الاتهامات. وانتقدت الحكومة الإيرانية الموقف الأمريكي. \
             وهددت الحكومة بطرد السفير.",
            DATE,
        );
        let a = actor(&ev, 2, "THREATEN");
        assert_eq!(a.code, None);
        assert!(!a.resolved);
        // A government with its own country keeps it.
        let ev = code(
            "رفضت الحكومة العراقية الاتهامات. وهددت الحكومة السورية بطرد السفير.",
            DATE,
        );
        assert_eq!(actor(&ev, 1, "THREATEN").code.as_deref(), Some("SYR"));
        // الحكومة السابقة is another government.
        let ev = code(
            "رفضت الحكومة العراقية الاتهامات. وهددت الحكومة السابقة بطرد السفير.",
            DATE,
        );
        assert!(!actor(&ev, 1, "THREATEN").resolved);
    }

    #[test]
    fn minister_after_a_named_minister() {
        let ev = code(
            "التقى وزير الخارجية الإيراني محمد جواد ظريف نظيره العراقي. وهدد الوزير بالرد على \
             أي هجوم.",
            DATE,
        );
        let a = actor(&ev, 1, "THREATEN");
        assert_eq!(a.identifier_text.as_deref(), Some("Mohammad Javad Zarif"));
        assert_eq!(a.entity_text, "الوزير");
    }

    #[test]
    fn group_words_prefer_the_organisation_they_head() {
        let ev = code(
            "اتهمت عصائب أهل الحق وكتائب حزب الله القوات الأمريكية بقصف مواقعها. وهددت \
             الكتائب بالرد.",
            DATE,
        );
        let a = actor(&ev, 1, "THREATEN");
        assert_eq!(a.identifier_text.as_deref(), Some("Kataib Hezbollah"));
        // الميليشيا: two militias named, no guess.
        let ev = code(
            "اتهمت عصائب أهل الحق وكتائب حزب الله القوات الأمريكية بقصف مواقعها. وهددت \
             الميليشيا بالرد.",
            DATE,
        );
        assert!(event(&ev, 1, "THREATEN").actor.iter().all(|a| !a.resolved));
        // One militia named: resolved.
        let ev = code(
            "اتهمت عصائب أهل الحق القوات الأمريكية بقصف مواقعها. وهددت الميليشيا بالرد.",
            DATE,
        );
        let a = actor(&ev, 1, "THREATEN");
        assert_eq!(a.identifier_text.as_deref(), Some("Asa'ib Ahl al-Haq"));
    }

    #[test]
    fn unknown_organisation_as_antecedent() {
        let ev = code(
            "أعلنت جبهة التحرير الوطني رفضها للاتفاق. وهددت الجبهة بالانسحاب من الحكومة.",
            DATE,
        );
        let a = actor(&ev, 1, "THREATEN");
        assert_eq!(a.sector.as_deref(), Some("REB"));
        assert_eq!(a.entity_text, "الجبهة");
        assert!(a.resolved);
    }

    #[test]
    fn spokesman_is_resolved_only_when_one_group_is_named() {
        let ev = code(
            "اتهمت حماس إسرائيل بخرق الهدنة. وقال المتحدث إن الهجوم على غزة جريمة.",
            DATE,
        );
        assert_eq!(speaker(&ev, 1).identifier_text.as_deref(), Some("Hamas"));
        let ev = code(
            "اتهمت حماس حركة فتح بخرق الاتفاق. وقال المتحدث إن الهجوم على غزة جريمة.",
            DATE,
        );
        let sp = speaker(&ev, 1);
        assert!(!sp.resolved && sp.code.is_none(), "{sp:?}");
    }

    #[test]
    fn antecedent_out_of_reach() {
        let ev = code(
            "أعلنت كتائب حزب الله تعليق هجماتها. وقال مسؤولون إن الوضع هادئ. وأكد شهود أن \
             الطرق مفتوحة. وقالت مصادر إن الأسواق عادت للعمل. وأضافت المصادر أن المدارس \
             مفتوحة. وهدد القيادي بالتصعيد.",
            DATE,
        );
        assert!(!actor(&ev, 5, "THREATEN").resolved);
    }
}
