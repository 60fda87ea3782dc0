//! marsad-coder: Arabic sentences in, PLOVER events out.
//!
//! For each sentence of a document the coder
//!
//! 1. tokenises it (`marsad-text`) and matches the three lexicons (`marsad-lexicon`):
//!    actors, event triggers and cues;
//! 2. builds entity mentions from actor matches ([`mention`]): compositions such as
//!    الحكومة العراقية and lists such as السعودية والإمارات, role references resolved by
//!    the story date (رئيس الحكومة العراقية on 2020-10-11 is Mustafa al-Kadhimi), unknown
//!    named persons and organisations (اللواء سعد معن، حزب ...), and short references
//!    resolved to the entity named earlier in the document ([`coref`]: الكتائب، المتحدث،
//!    الحكومة);
//! 3. reads the sentence's modality ([`modality`]): negation, conditions and provisos with
//!    their text, future and historical cues, reported speech and its speaker;
//! 4. for every trigger, finds actor and recipient from Arabic argument structure
//!    ([`args`]): verb-subject-object and subject-verb order, the genitive of event nouns
//!    (هجوم داعش), prepositions that mark recipients (على، ضد), passives (تعرض X لهجوم،
//!    قتل 5 جنود) and agents (من قبل X);
//! 5. assembles PLOVER records ([`record`]) with evidence offsets into the original text,
//!    applies PLOVER's rule that a conditional conflictual act is a THREATEN, and merges
//!    duplicates within the sentence.
//!
//! The coder is deterministic: the same document gives the same events and ids.

pub mod args;
pub mod coref;
mod features;
pub mod mention;
pub mod modality;
mod reading;
pub mod record;
pub mod size;
pub mod when;

use marsad_lexicon::{ActorKind, CueKind, Lexicon, PhraseMatch, Trigger, TriggerKind};
use marsad_text::{split_sentences, tokenize, SentenceSpan, TokenKind, TokenizedSentence};
pub use record::{
    Attribution, CiteInfo, Condition, Count, Entity, Event, Evidence, Location, Size, TextInfo,
};

use mention::{Ent, Mention};
use modality::Modality;

/// Name and version written into `cite_info.coder`.
pub const CODER: &str = concat!("marsad ", env!("CARGO_PKG_VERSION"));
/// Codebook reference written into `cite_info.codebook`.
pub const CODEBOOK: &str = "plover-marsad-0.1";

/// A document to code.
#[derive(Debug, Clone, Copy)]
pub struct DocumentRef<'a> {
    pub id: &'a str,
    pub text: &'a str,
    /// Story date, YYYY-MM-DD.
    pub date: &'a str,
    pub title: Option<&'a str>,
    pub url: Option<&'a str>,
    pub source: Option<&'a str>,
}

/// One sentence of a coded document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentenceOut {
    pub sequence: u32,
    pub start: u32,
    pub end: u32,
    pub text: String,
}

/// The result of coding one document: all events (factual or not) and its sentences.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CodedDocument {
    pub sentences: Vec<SentenceOut>,
    pub events: Vec<Event>,
    /// Learned-filter features of sentences with a factual candidate event of a category
    /// in [`FILTERED_CATEGORIES`] (what `marsad train` learns from).
    pub features: Vec<SentenceFeatures>,
}

/// Features of one sentence for one category.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentenceFeatures {
    pub sequence: u32,
    pub category: &'static str,
    pub features: Vec<String>,
    /// A factual event of the category is a specific report, kept whatever the filter
    /// says (see `is_specific_report`), so training and cross-validation count it as
    /// predicted.
    pub specific: bool,
}

/// Categories for which a gold standard exists to train a filter on.
pub const FILTERED_CATEGORIES: [&str; 2] = ["ASSAULT", "PROTEST"];

/// True when the event is neither negated nor hypothetical (PLOVER factuality).
pub fn is_factual(e: &Event) -> bool {
    !e.aux_mode
        .iter()
        .any(|m| m == "negation" || m == "hypothetical")
}

/// True when the event belongs in the default output of `marsad code`: neither negated
/// nor hypothetical, and not scored under its category's learned filter threshold
/// (`low_confidence`, see docs/accuracy.md).
pub fn in_default_output(e: &Event) -> bool {
    is_factual(e) && !e.low_confidence
}

/// The event coder. Cheap to share between threads (`&Coder` is `Sync`).
pub struct Coder {
    lex: Lexicon,
    /// Office holders by (country, role), for role references.
    roles: mention::RoleIndex,
}

/// Per-document state: buffers reused across sentences and what the document has named.
#[derive(Default)]
struct Scratch {
    memory: coref::DocMemory,
    tok: TokenizedSentence,
    actor_matches: Vec<PhraseMatch>,
    trigger_matches: Vec<PhraseMatch>,
    cue_matches: Vec<PhraseMatch>,
}

/// One trigger occurrence with its entry.
#[derive(Debug, Clone)]
pub(crate) struct TriggerHit<'a> {
    pub m: PhraseMatch,
    pub trig: &'a Trigger,
    /// Tokens that belong to the trigger (its gap excluded).
    pub tokens: Vec<usize>,
}

impl Coder {
    pub fn new(lex: Lexicon) -> Coder {
        let roles = mention::RoleIndex::build(&lex);
        Coder { lex, roles }
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lex
    }

    /// Codes a document.
    pub fn code(&self, doc: &DocumentRef) -> CodedDocument {
        let mut out = CodedDocument::default();
        let mut scratch = Scratch::default();
        for (seq, span) in split_sentences(doc.text).iter().enumerate() {
            let text = span.text(doc.text);
            out.sentences.push(SentenceOut {
                sequence: seq as u32,
                start: span.start,
                end: span.end,
                text: text.to_string(),
            });
            self.code_sentence(
                doc,
                seq as u32,
                span,
                &mut scratch,
                &mut out.events,
                &mut out.features,
            );
        }
        out
    }

    fn code_sentence(
        &self,
        doc: &DocumentRef,
        seq: u32,
        span: &SentenceSpan,
        sc: &mut Scratch,
        events: &mut Vec<Event>,
        features_out: &mut Vec<SentenceFeatures>,
    ) {
        let sentence_text = span.text(doc.text);
        if !sentence_text
            .chars()
            .any(|c| ('\u{0620}'..='\u{064A}').contains(&c))
        {
            return;
        }
        tokenize(doc.text, span, &mut sc.tok);
        let s = &sc.tok;
        sc.trigger_matches.clear();
        self.lex.trigger_index.find_all(s, &mut sc.trigger_matches);
        // Actors are read in every sentence: a sentence without an event still names the
        // entities that later references (الكتائب، الحكومة) point back to. Cues and unknown
        // names matter only where there is an event.
        let has_triggers = !sc.trigger_matches.is_empty();
        sc.actor_matches.clear();
        self.lex.actor_index.find_all(s, &mut sc.actor_matches);
        sc.actor_matches
            .retain(|m| reading::word_reads_as_actor(s, m.start, m.first_seg));
        sc.cue_matches.clear();
        if has_triggers {
            self.lex.cue_index.find_all(s, &mut sc.cue_matches);
        }

        let text_of = |a: u32, b: u32| char_slice(sentence_text, span.start, a, b);
        let trigger_tokens = &sc.trigger_matches;
        let is_trigger_token = |t: usize| in_matches(trigger_tokens, t);
        let mut mentions = mention::mentions_with(
            &self.lex,
            Some(&self.roles),
            s,
            &sc.actor_matches,
            doc.date,
            &text_of,
            &is_trigger_token,
        );
        let (lex, cues) = (&self.lex, &sc.cue_matches);
        let is_predicate = |t: usize| is_trigger_token(t) || in_matches(cues, t);
        let is_verb = |t: usize| is_verb_token(lex, trigger_tokens, cues, t);
        if has_triggers {
            mention::unknown_entities(s, &mut mentions, &text_of, &is_verb, &is_predicate);
        }
        // A sector word that opens a quoted name is part of the name of something else
        // (نصب «الجندي البرونزي»، عملية «الرصاص المصبوب»), not a party.
        mentions.retain(|m| {
            !(m.start > 0
                && m.ents.iter().all(|e| e.generic && e.code.is_none())
                && s.tokens[m.start - 1].kind == TokenKind::Punct
                && s.norm_of(m.start - 1) == "\""
                && in_quoted_name(s, m.start - 1))
        });
        sc.memory
            .process(s, seq, &mut mentions, &text_of, &is_predicate);
        if !has_triggers {
            return;
        }
        // Place mentions, found once a sentence has an event and someone asks.
        let mut places: Option<Vec<marsad_geo::PlaceMention>> = None;
        places_in_mentions(s, &mut mentions, &mut places);

        // Triggers, minus those that are part of a multi-word name (الحشد in الحشد الشعبي)
        // and those whose reading needs more clitic stripping than the actor reading of the
        // same word (وزارة is a ministry, not و + زار + ه).
        let mut hits: Vec<TriggerHit> = Vec::new();
        for m in &sc.trigger_matches {
            if mentions
                .iter()
                .any(|mn| mn.named_multiword && m.start >= mn.start && m.start < mn.end)
            {
                continue;
            }
            let trig_cost = m.first_seg.map(|sg| sg.cost()).unwrap_or(0);
            let actor_cheaper = sc.actor_matches.iter().any(|a| {
                a.start == m.start && a.first_seg.map(|sg| sg.cost()).unwrap_or(0) < trig_cost
            });
            if actor_cheaper {
                continue;
            }
            if !reading::word_reads_as_trigger(s, m.start, m.first_seg) {
                continue;
            }
            let tokens: Vec<usize> = (m.start..m.end)
                .filter(|t| !(m.gap.0..m.gap.1).contains(t))
                .collect();
            let mut seen: Vec<&str> = Vec::new();
            for &e in &m.entries {
                let trig = &self.lex.triggers[e as usize];
                if seen.contains(&trig.event) || !reading::clitics_fit(trig, m.first_seg) {
                    continue;
                }
                seen.push(trig.event);
                hits.push(TriggerHit {
                    m: m.clone(),
                    trig,
                    tokens: tokens.clone(),
                });
            }
        }
        // A word inside a gapped phrase (غارة in تشن ... غارة) is not a second trigger.
        let contained: Vec<bool> = (0..hits.len())
            .map(|i| {
                (0..hits.len()).any(|j| {
                    j != i
                        && hits[j].tokens.len() > hits[i].tokens.len()
                        && hits[i].tokens.iter().all(|t| hits[j].tokens.contains(t))
                })
            })
            .collect();
        let mut keep = contained.iter().map(|c| !c);
        hits.retain(|_| keep.next().unwrap());
        if hits.is_empty() {
            return;
        }
        let modality = Modality::read(&self.lex, s, &sc.cue_matches, &hits, &mentions);
        let first_new = events.len();
        let dates = when::SentenceDates::new(s, doc.date);
        for (h_idx, hit) in hits.iter().enumerate() {
            let roles = args::assign(s, &mentions, hit, &hits);
            let md = modality.for_trigger(h_idx);
            let mut event = hit.trig.event.to_string();
            let mut mode = hit.trig.mode.clone();
            let mut aux: Vec<&'static str> = md.aux.clone();
            // PLOVER: a conflictual act promised under a condition is a THREATEN, coded as
            // a single category rather than category + hypothetical.
            if md.consequence_of_condition && is_conflictual(&event) {
                mode = threaten_mode(&event, mode.as_deref()).map(str::to_owned);
                event = "THREATEN".to_string();
                aux.retain(|a| *a != "hypothetical" && *a != "future");
            }
            let mut actor_ents: Vec<&Ent> = roles
                .actor
                .map(|i| mentions[i].ents.iter().collect())
                .unwrap_or_default();
            let recipient_ents: Vec<&Ent> = [roles.recipient, roles.recipient_including]
                .iter()
                .flatten()
                .flat_map(|&i| mentions[i].ents.iter())
                .collect();
            let speaker = md
                .attribution
                .as_ref()
                .and_then(|a| a.speaker.map(|i| &mentions[i]));
            if actor_ents.is_empty()
                && (is_verbal(&event) || speaker_did_it(s, hit, roles.passive, speaker))
            {
                if let Some(sp) = speaker {
                    if Some(sp.start) != roles.recipient.map(|i| mentions[i].start) {
                        actor_ents = sp.ents.iter().collect();
                    }
                }
            }
            let trigger_start = s.tokens[hit.tokens[0]].start;
            let trigger_end = s.tokens[*hit.tokens.last().unwrap()].end;
            let mut evidence = Vec::new();
            let mut event_text = Vec::new();
            // Contiguous runs of trigger tokens.
            let mut run_start = hit.tokens[0];
            for w in 0..hit.tokens.len() {
                let t = hit.tokens[w];
                let next = hit.tokens.get(w + 1).copied();
                if next != Some(t + 1) {
                    let (a, b) = (s.tokens[run_start].start, s.tokens[t].end);
                    let txt = text_of(a, b);
                    event_text.push(txt.clone());
                    evidence.push(Evidence {
                        role: "trigger".into(),
                        text: txt,
                        start: a,
                        end: b,
                    });
                    if let Some(n) = next {
                        run_start = n;
                    }
                }
            }
            let to_entity = |e: &Ent, role: &str, evidence: &mut Vec<Evidence>| -> Entity {
                let txt = text_of(e.start, e.end);
                evidence.push(Evidence {
                    role: role.into(),
                    text: txt.clone(),
                    start: e.start,
                    end: e.end,
                });
                Entity {
                    code: e.code.clone(),
                    sector: e.sectors.first().cloned(),
                    other_sectors: e.sectors.iter().skip(1).cloned().collect(),
                    entity_text: txt,
                    identifier_id: e.wikidata.clone(),
                    identifier_text: e.name.clone(),
                    office: e.office.clone(),
                    resolved: e.resolved,
                    code_from: None,
                }
            };
            let actor: Vec<Entity> = actor_ents
                .iter()
                .map(|e| to_entity(e, "actor", &mut evidence))
                .collect();
            let recipient: Vec<Entity> = recipient_ents
                .iter()
                .map(|e| to_entity(e, "recipient", &mut evidence))
                .collect();
            let condition = md.condition.map(|c| {
                let cue = text_of(c.cue_start, c.cue_end);
                let txt = text_of(c.start, c.end);
                evidence.push(Evidence {
                    role: "condition".into(),
                    text: txt.clone(),
                    start: c.start,
                    end: c.end,
                });
                Condition {
                    cue,
                    text: txt,
                    start: c.start,
                    end: c.end,
                }
            });
            let attribution = md.attribution.as_ref().map(|a| {
                let verb = text_of(a.verb_start, a.verb_end);
                let (st, en, sp) = match a.speaker {
                    Some(i) => {
                        let m = &mentions[i];
                        let first = &m.ents[0];
                        let last = m.ents.last().unwrap();
                        let ent = to_entity(first, "attribution", &mut evidence);
                        (first.start, last.end, Some(ent))
                    }
                    None => (a.verb_start, a.verb_end, None),
                };
                Attribution {
                    verb,
                    speaker: sp,
                    start: st,
                    end: en,
                }
            });
            for cue in &md.cue_spans {
                evidence.push(Evidence {
                    role: "aux_mode".into(),
                    text: text_of(cue.0, cue.1),
                    start: cue.0,
                    end: cue.1,
                });
            }
            aux.sort_unstable();
            aux.dedup();
            let score = if event == hit.trig.event {
                hit.trig.score
            } else {
                marsad_lexicon::plover::score(&event, mode.as_deref())
            };
            let quad = if event == hit.trig.event {
                hit.trig.quad
            } else {
                marsad_lexicon::plover::quad_code(&event)
            };
            let id = event_id(doc.id, seq, &event, trigger_start, trigger_end);
            // When: a date the clause states, else the story date.
            let when = dates.as_ref().and_then(|d| {
                d.for_trigger(hit.tokens[0], &text_of)
                    .or_else(|| governing_date(d, s, &hits, hit.tokens[0], &text_of))
            });
            if let Some(w) = &when {
                evidence.push(Evidence {
                    role: "date".into(),
                    text: w.text.clone(),
                    start: w.start,
                    end: w.end,
                });
            }
            // How many: casualty and arrest counts of material conflict events.
            // Where: the place of the event's clause, not a place inside an actor name.
            let exclude: Vec<(usize, usize)> = [roles.actor, roles.recipient]
                .iter()
                .flatten()
                .map(|&i| (mentions[i].start, mentions[i].end))
                .collect();
            let countries: Vec<String> = actor
                .iter()
                .chain(recipient.iter())
                .filter_map(|e| e.code.clone())
                .collect();
            let gazetteer = marsad_geo::Gazetteer::embedded();
            let places = places.get_or_insert_with(|| marsad_geo::find_places(gazetteer, s));
            let event_loc = marsad_geo::resolve_with_places(
                gazetteer,
                s,
                places,
                hit.tokens[0],
                &countries,
                &exclude,
                &text_of,
            );
            if let Some(l) = &event_loc {
                evidence.push(Evidence {
                    role: "place".into(),
                    text: l.extracted_place.clone(),
                    start: l.start,
                    end: l.end,
                });
            }
            let (mut actor, mut recipient) = (actor, recipient);
            let place_code = event_loc
                .as_ref()
                .map(|l| l.country_code.clone())
                .or_else(|| sentence_country(gazetteer, places));
            if let Some(code) = &place_code {
                for e in actor.iter_mut().chain(recipient.iter_mut()) {
                    place_country(e, code);
                }
                // A protest or an attack that names no target is aimed at the state it
                // takes place in (متظاهرون قطعوا الطريق في البقاع: Lebanon; ضربة جوية في
                // سورية: Syria), as event data conventionally codes it; `code_from: place`
                // says the text did not name it.
                if matches!(event.as_str(), "PROTEST" | "ASSAULT")
                    && recipient.is_empty()
                    && code.len() == 3
                {
                    recipient.push(Entity {
                        code: Some(code.clone()),
                        entity_text: event_loc
                            .as_ref()
                            .map(|l| l.extracted_place.clone())
                            .unwrap_or_default(),
                        identifier_text: Some("the state where the event took place".into()),
                        code_from: Some("place".into()),
                        ..Entity::default()
                    });
                }
            }
            let size = if quad == 4 {
                size::casualties(s, hit.tokens[0], &text_of)
            } else {
                None
            };
            events.push(Event {
                id,
                date: when
                    .as_ref()
                    .map(|w| w.date.clone())
                    .unwrap_or_else(|| doc.date.to_string()),
                date_precision: Some(
                    when.as_ref()
                        .map(|w| w.precision)
                        .unwrap_or("story")
                        .to_string(),
                ),
                story_date: Some(doc.date.to_string()),
                event_loc,
                size,
                confidence: None,
                low_confidence: false,
                event: vec![event],
                actor,
                recipient,
                mode: mode.into_iter().collect(),
                context: hit.trig.context.clone(),
                event_text,
                event_scale: score,
                quad_code: quad,
                text: sentence_text.to_string(),
                text_info: TextInfo {
                    sequence: seq,
                    start: span.start,
                    end: span.end,
                },
                cite_info: CiteInfo {
                    citation: doc.id.to_string(),
                    url: doc.url.map(str::to_owned),
                    title: doc.title.map(str::to_owned),
                    publication: doc.source.map(str::to_owned),
                    language: "ar".into(),
                    coder: CODER.into(),
                    codebook: CODEBOOK.into(),
                },
                aux_mode: aux.iter().map(|a| a.to_string()).collect(),
                condition,
                attribution,
                evidence,
            });
        }
        merge_duplicates(events, first_new);
        for e in events[first_new..].iter_mut() {
            imply_bomber(e);
        }

        // Learned filters: score the sentence for each filtered category it has a
        // factual candidate of.
        for category in FILTERED_CATEGORIES {
            let of_cat: Vec<&Event> = events[first_new..]
                .iter()
                .filter(|e| e.event[0] == category)
                .collect();
            if !of_cat.iter().any(|e| is_factual(e)) {
                continue;
            }
            let feats = features::sentence_features(s, &hits, &modality, &of_cat, category);
            let specific = of_cat
                .iter()
                .any(|e| is_factual(e) && is_specific_report(e));
            if let Some(model) = self.lex.model(category) {
                let p = model.probability(&feats);
                for e in events[first_new..]
                    .iter_mut()
                    .filter(|e| e.event[0] == category)
                {
                    e.confidence = Some((p * 1000.0).round() / 1000.0);
                    e.low_confidence =
                        p < model.threshold && !(model.keep_specific && is_specific_report(e));
                }
            }
            features_out.push(SentenceFeatures {
                sequence: seq,
                category,
                features: feats,
                specific,
            });
        }
    }
}

/// A bombing with no named perpetrator was carried out by someone: PLOVER's unidentified
/// armed party (UAF), written as the device that names it (انفجرت قنبلة، هجوم انتحاري بسيارة
/// مفخخة). Only for factual bombings; `identifier_text` says the party is implied.
fn imply_bomber(e: &mut Event) {
    let bombing = e.event[0] == "ASSAULT"
        && e.mode
            .iter()
            .any(|m| m == "explosives" || m == "suicide-attack");
    if !bombing || !e.actor.is_empty() || !is_factual(e) {
        return;
    }
    // The words must name a device someone placed or drove (a bare انفجار may be an
    // accident).
    const DEVICES: &[&str] = &[
        "عبوه",
        "عبوات",
        "قنبله",
        "قنابل",
        "مفخخه",
        "ملغومه",
        "انتحاري",
        "ناسف",
        "لغم",
        "الغام",
    ];
    let Some(device) = e.event_text.iter().rev().find(|t| {
        let n = marsad_text::normalize(t);
        DEVICES.iter().any(|d| n.contains(d))
    }) else {
        return;
    };
    e.actor.push(Entity {
        sector: Some("UAF".into()),
        entity_text: device.clone(),
        identifier_text: Some("unidentified attackers (implied by the weapon)".into()),
        ..Entity::default()
    });
}

/// An event that names where it happened (a town, or a stretch between two), whom it
/// targeted, and who reports it or when it happened. Where the model says so
/// (`keep_specific`, chosen by cross-validation) such a report is kept even when the
/// learned filter scores it low: the filter learned from 1,200 gold sentences in which
/// these specifics are rare, and they are what makes a mention of violence a reported
/// event.
fn is_specific_report(e: &Event) -> bool {
    let located = e
        .event_loc
        .as_ref()
        .is_some_and(|l| matches!(l.precision.as_str(), "point" | "between"));
    let target = e.recipient.iter().any(|r| r.sector.is_some());
    let dated = e.date_precision.as_deref().is_some_and(|p| p != "story");
    located && target && (e.attribution.is_some() || dated)
}

/// Sectors whose members belong to the country they are in: the police, officials,
/// civilians and soldiers of a town are that country's unless the text says otherwise.
/// Armed groups, criminals, refugees, international bodies and unknown parties are not.
const LOCAL_SECTORS: &[&str] = &[
    "COP", "GOV", "MIL", "CVL", "JUD", "LEG", "EDU", "MED", "REL", "LAB", "BUS", "AGR", "JRN",
    "OPP", "PTY", "ELI",
];

/// Gives a generic entity with no country (الشرطة، مدنيين، جنود) the country of the
/// event's place, marked `code_from: place`.
fn place_country(e: &mut Entity, code: &str) {
    let local = e
        .sector
        .as_deref()
        .is_some_and(|x| LOCAL_SECTORS.contains(&x));
    if e.code.is_some() || !local || code.len() != 3 || e.resolved {
        return;
    }
    e.code = Some(code.to_string());
    e.code_from = Some("place".to_string());
}

/// What the place names of the sentence say about its mentions (the places are found
/// only when a mention needs them):
/// - residents of a named place (سكان بغداد، أهالي دارفور، أبناء الفلوجة) are people of
///   its state;
/// - an office with no country placed in a town (مدير مكتب وزير الداخلية في رام الله)
///   belongs to the town's state;
/// - so does an office in construct with a town or province that needs no cue to be a
///   place (شرطة كركوك، محافظ البصرة، مستشفى بعقوبة): the head has no article and the
///   name follows it directly;
/// - an organisation the lexicon does not know, named after a place (مجلس إنقاذ ديالى)
///   belongs to the place's state;
/// - a capital or a country named as where something happened (جنوب بغداد، وسط دمشق،
///   مدينة غزة) is a place, not its government: it is no party to the event.
fn places_in_mentions(
    s: &TokenizedSentence,
    mentions: &mut Vec<Mention>,
    places: &mut Option<Vec<marsad_geo::PlaceMention>>,
) {
    let residents = |m: &Mention| {
        m.end == m.start + 1
            && m.ents.len() == 1
            && m.ents[0].generic
            && m.ents[0].code.is_none()
            && matches!(
                mention::strip_conj_and_article(s.norm_of(m.start)),
                "سكان" | "اهالي" | "ابناء"
            )
    };
    let state_name = |m: &Mention| {
        m.ents
            .iter()
            .all(|e| matches!(e.kind, ActorKind::Capital | ActorKind::Country))
    };
    let placed = |m: &Mention| {
        m.ents.iter().all(|e| e.generic && e.code.is_none())
            && m.end < s.len()
            && s.norm_of(m.end) == "في"
            && marsad_geo::after_office(s, m.end)
    };
    let gazetteer = marsad_geo::Gazetteer::embedded();
    let owned = |m: &Mention| {
        m.ents.iter().all(|e| e.generic && e.code.is_none())
            && m.end < s.len()
            && !mention::is_definite(s, m.end - 1)
            && gazetteer.name_starts_at(s, m.end)
    };
    // An organisation the lexicon does not know, named after a place (مجلس إنقاذ ديالى).
    let named_after_place = |m: &Mention| {
        m.ents.len() == 1
            && m.ents[0].kind == ActorKind::Org
            && m.ents[0].code.is_none()
            && m.ents[0].name.is_none()
            && (m.start..m.end).any(|t| gazetteer.name_starts_at(s, t))
    };
    if !mentions
        .iter()
        .any(|m| residents(m) || placed(m) || owned(m) || named_after_place(m) || state_name(m))
    {
        return;
    }
    let found = places.get_or_insert_with(|| marsad_geo::find_places(gazetteer, s));
    for m in mentions.iter_mut() {
        let from_construct = !residents(m) && !placed(m) && owned(m);
        let at = if residents(m) {
            found.iter().position(|p| p.start_token == m.end)
        } else if placed(m) {
            // The place describes the office (marsad_geo marks it attached to an actor).
            found
                .iter()
                .position(|p| p.attached_to_actor && p.cue_start == m.end)
        } else if from_construct {
            found
                .iter()
                .position(|p| p.start_token == m.end && p.cue.is_none())
        } else if named_after_place(m) {
            found
                .iter()
                .position(|p| p.start_token > m.start && p.end_token <= m.end)
        } else {
            None
        };
        let Some(k) = at else {
            continue;
        };
        if let Some(&(best, _)) = marsad_geo::rank_candidates(gazetteer, found, k, &[]).first() {
            let place = gazetteer.place(best);
            if place.kind == marsad_geo::PlaceKind::Country && from_construct {
                // A country after an office is its owner, which the lexicon reads.
                continue;
            }
            for e in &mut m.ents {
                e.code = Some(place.country3.to_string());
            }
        }
    }
    mentions.retain(|m| {
        !state_name(m)
            || !found.iter().any(|p| {
                p.start_token <= m.start
                    && m.end <= p.end_token
                    && !p.attached_to_actor
                    && (p.cues.near || p.cues.direction.is_some() || p.cues.noun.is_some())
            })
    });
}

/// The country of the places the sentence locates things in (في تلعفر، شمال العراق) when
/// the event's own place is not resolved: the best reading of every place introduced by
/// a locative cue, outside actor names, when all agree on one country.
fn sentence_country(
    g: &marsad_geo::Gazetteer,
    places: &[marsad_geo::PlaceMention],
) -> Option<String> {
    let mut found: Option<&str> = None;
    for (k, m) in places.iter().enumerate() {
        if !m.cues.locative() || m.attached_to_actor {
            continue;
        }
        let ranked = marsad_geo::rank_candidates(g, places, k, &[]);
        let Some(&(best, _)) = ranked.first() else {
            continue;
        };
        let c = &*g.place(best).country3;
        match found {
            Some(f) if f != c => return None,
            _ => found = Some(c),
        }
    }
    found.map(str::to_string)
}

/// Token `t` is inside one of `matches` (outside its gap).
pub(crate) fn in_matches(matches: &[PhraseMatch], t: usize) -> bool {
    matches
        .iter()
        .any(|m| t >= m.start && t < m.end && !(m.gap.0..m.gap.1).contains(&t))
}

/// Token `t` begins an event verb or a verb of saying (whose subject may be an unknown
/// name: قال محمد علي، المسؤول في ...).
pub(crate) fn is_verb_token(
    lex: &Lexicon,
    triggers: &[PhraseMatch],
    cues: &[PhraseMatch],
    t: usize,
) -> bool {
    triggers.iter().any(|m| {
        t == m.start
            && m.entries
                .iter()
                .any(|&e| lex.triggers[e as usize].kind == TriggerKind::Verb)
    }) || cues.iter().any(|m| {
        t == m.start
            && m.entries
                .iter()
                .any(|&e| matches!(lex.cues[e as usize].kind, CueKind::Report | CueKind::Denial))
    })
}

/// Categories whose conditional promise is a THREATEN.
fn is_conflictual(event: &str) -> bool {
    matches!(
        event,
        "ASSAULT" | "COERCE" | "SANCTION" | "MOBILIZE" | "REJECT" | "PROTEST"
    )
}

/// The trigger is a verb whose subject is the pronoun of a complementiser (قالت الحركة إنها
/// استهدفت ...، أكد الحلف أنه قتل 150 متمردا): the one who reports the act claims it.
/// Masculine singular أنه before a verb read as passive is impersonal (قالت الشرطة إنه
/// قتل ثلاثة: three were killed), so it claims nothing, unless the speaker is one armed
/// force or group with a masculine head (أكد الحلف أنه قتل 150 متمردا، أعلن الجيش أنه قتل
/// 20 مسلحا): a force reports what it did, an official what happened.
fn speaker_did_it(
    s: &TokenizedSentence,
    hit: &TriggerHit,
    passive: bool,
    speaker: Option<&Mention>,
) -> bool {
    let ts = hit.tokens[0];
    if hit.trig.kind != TriggerKind::Verb || ts == 0 || s.tokens[ts - 1].kind != TokenKind::Word {
        return false;
    }
    let armed_force = || {
        speaker.is_some_and(|sp| {
            // أنه agrees with a masculine head (الجيش، الحلف), not with الشرطة or القوات.
            let head = mention::strip_conj_and_article(s.norm_of(sp.start));
            !head.ends_with('ه')
                && !head.ends_with("ات")
                && sp.ents.len() == 1
                && !sp.ents[0].individual
                && sp.ents[0]
                    .sectors
                    .first()
                    .is_some_and(|x| ARMED_SECTORS.contains(&x.as_str()))
        })
    };
    match s.norm_of(ts - 1) {
        "انه" | "بانه" => !passive || armed_force(),
        "انها" | "انهم" | "انهما" | "بانها" | "بانهم" => true,
        _ => false,
    }
}

/// Sectors of forces and armed groups, which report their own operations.
const ARMED_SECTORS: &[&str] = &["MIL", "COP", "REB", "INS", "UAF", "PRM", "SPY"];

/// Verbal categories, whose actor is the speaker when the sentence names no other.
fn is_verbal(event: &str) -> bool {
    matches!(
        event,
        "AGREE" | "CONSULT" | "SUPPORT" | "CONCEDE" | "REQUEST" | "ACCUSE" | "REJECT" | "THREATEN"
    )
}

fn threaten_mode(event: &str, mode: Option<&str>) -> Option<&'static str> {
    match (event, mode) {
        ("ASSAULT", _) | ("MOBILIZE", _) => Some("violence"),
        ("COERCE", Some("arrest")) => Some("arrest"),
        ("COERCE", Some("restrict" | "curfew" | "censor")) => Some("restrict"),
        ("SANCTION", Some("expel")) | ("COERCE", Some("deport")) => Some("expel"),
        ("SANCTION", _) | ("REJECT", _) => Some("relations"),
        _ => None,
    }
}

/// Merges events of one sentence that repeat the same category between the same
/// parties with the same modality (هجوم ... استهدف in one sentence is one attack).
fn merge_duplicates(events: &mut Vec<Event>, from: usize) {
    let key = |e: &Event| {
        let codes = |v: &[Entity]| {
            v.iter()
                .map(|x| format!("{:?}/{:?}", x.code, x.sector))
                .collect::<Vec<_>>()
                .join(",")
        };
        (
            e.event.clone(),
            codes(&e.actor),
            codes(&e.recipient),
            e.aux_mode.clone(),
        )
    };
    // An event that leaves a side open repeats a same-category event of the sentence
    // that fills it (أطلقت أمريكا تحذيرا ... من أنها ستغلق سفارتها إذا ...; تعرضت أبوظبي
    // لهجوم بطائرات مسيرة تبناه الحوثيون), when the sides both name agree.
    // A side is open when it is empty or holds only the state inferred from the place.
    let open = |v: &[Entity]| v.iter().all(Entity::inferred_from_place);
    let same_party = |a: &[Entity], b: &[Entity]| {
        a.iter()
            .any(|x| b.iter().any(|y| x.entity_text == y.entity_text))
    };
    // Events whose sides cross (the soldiers are the target of مواجهات بين الشباب والجنود
    // but the attackers of أطلقوا النار) are two events, not one.
    let same_but_actorless = |a: &Event, b: &Event| {
        let (ka, kb) = (key(a), key(b));
        a.event == b.event
            && a.aux_mode == b.aux_mode
            && !same_party(&a.actor, &b.recipient)
            && !same_party(&b.actor, &a.recipient)
            && (a.actor.is_empty() || b.actor.is_empty() || ka.1 == kb.1)
            && (open(&a.recipient) || open(&b.recipient) || ka.2 == kb.2)
    };
    let mut i = from;
    while i < events.len() {
        let k = key(&events[i]);
        if let Some(j) =
            (from..i).find(|&j| key(&events[j]) == k || same_but_actorless(&events[j], &events[i]))
        {
            let mut dup = events.remove(i);
            let keep = &mut events[j];
            // One party cannot be both sides (سبعة أشخاص قتلوا في انفجار: the victims of
            // قتلوا are no attacker of انفجار).
            if keep.actor.is_empty()
                && !dup.actor.is_empty()
                && !same_party(&dup.actor, &keep.recipient)
            {
                std::mem::swap(&mut keep.actor, &mut dup.actor);
                take_evidence(keep, &dup, "actor");
            }
            if open(&keep.recipient)
                && !open(&dup.recipient)
                && !same_party(&dup.recipient, &keep.actor)
            {
                std::mem::swap(&mut keep.recipient, &mut dup.recipient);
                take_evidence(keep, &dup, "recipient");
            }
            // Keep the more informative of the two, and both triggers as evidence.
            for t in dup.event_text {
                if !keep.event_text.contains(&t) {
                    keep.event_text.push(t);
                }
            }
            for ev in &dup.evidence {
                if ev.role == "trigger" && !keep.evidence.contains(ev) {
                    keep.evidence.push(ev.clone());
                }
            }
            // The more specific of two modes names the weapon: bombs that turn out to be
            // tear gas (ألقت الشرطة قنابل الغاز المسيل للدموع) are crowd control, an air
            // strike by a drone (غارة أمريكية بطائرة مسيرة) is a drone strike.
            let has = |m: &[String], x: &str| m.iter().any(|y| y == x);
            let refines = (has(&dup.mode, "crowd-control") && has(&keep.mode, "explosives"))
                || (has(&dup.mode, "drone") && has(&keep.mode, "aerial"));
            if keep.mode.is_empty() || refines {
                keep.mode = dup.mode;
                keep.event_scale = dup.event_scale;
            }
            if keep.condition.is_none() {
                if let Some(c) = dup.condition {
                    keep.evidence.extend(
                        dup.evidence
                            .iter()
                            .filter(|e| e.role == "condition")
                            .cloned(),
                    );
                    keep.condition = Some(c);
                }
            }
        } else {
            i += 1;
        }
    }
}

/// The date of the clause that governs the trigger's clause, when the trigger's own clause
/// states none: كما أصدر مكتبه، الثلاثاء الماضي، وثيقة تتضمن تشكيل لجنة تحقيق — the
/// committee is dated by the verb it is the object of. Walks back over at most 12 tokens,
/// stopping at a complementiser (أن/إن) or another trigger.
fn governing_date(
    dates: &when::SentenceDates,
    s: &TokenizedSentence,
    hits: &[TriggerHit],
    trigger: usize,
    text_of: &dyn Fn(u32, u32) -> String,
) -> Option<when::ResolvedDate> {
    let mut t = trigger;
    for _ in 0..12 {
        if t == 0 {
            return None;
        }
        t -= 1;
        if s.norm_of(t) == "ان" || hits.iter().any(|h| h.tokens.contains(&t)) {
            return None;
        }
        if s.tokens[t].kind == TokenKind::Word {
            if let Some(d) = dates.for_trigger(t, text_of) {
                return Some(d);
            }
        }
    }
    None
}

/// Replaces `keep`'s evidence of `role` with `from`'s.
fn take_evidence(keep: &mut Event, from: &Event, role: &str) {
    keep.evidence.retain(|e| e.role != role);
    keep.evidence
        .extend(from.evidence.iter().filter(|e| e.role == role).cloned());
}

/// Deterministic event id from the document id, sentence, category and trigger offsets.
pub fn event_id(doc_id: &str, seq: u32, event: &str, start: u32, end: u32) -> String {
    let key = format!("{doc_id}\u{1f}{seq}\u{1f}{event}\u{1f}{start}\u{1f}{end}");
    format!("mrs-{:032x}", xxhash_rust::xxh3::xxh3_128(key.as_bytes()))
}

/// Original text of the character span `[a, b)` inside a sentence starting at character
/// `sentence_start` of the document.
fn char_slice(sentence: &str, sentence_start: u32, a: u32, b: u32) -> String {
    let (a, b) = ((a - sentence_start) as usize, (b - sentence_start) as usize);
    sentence.chars().skip(a).take(b.saturating_sub(a)).collect()
}

pub(crate) fn is_clause_break(s: &TokenizedSentence, i: usize) -> bool {
    s.tokens[i].kind == TokenKind::Punct
        && match s.norm_of(i) {
            "\"" => !in_quoted_name(s, i),
            w => matches!(w, "," | ";" | ":" | "." | "?" | "!" | "(" | ")" | "-" | "—"),
        }
}

/// The quotation mark at `i` opens or closes a short quoted name inside a noun phrase
/// (جنود «المارينز»، من جماعة «عسكر جنقوي»): one to five words after a word, which do not
/// break the clause as quoted speech does. Marks pair up in text order.
fn in_quoted_name(s: &TokenizedSentence, i: usize) -> bool {
    let is_quote = |k: usize| s.tokens[k].kind == TokenKind::Punct && s.norm_of(k) == "\"";
    let opening = (0..i).filter(|&k| is_quote(k)).count() % 2 == 0;
    let pair = if opening {
        (i + 1..s.len()).find(|&k| is_quote(k)).map(|c| (i, c))
    } else {
        (0..i).rev().find(|&k| is_quote(k)).map(|o| (o, i))
    };
    let Some((open, close)) = pair else {
        return false;
    };
    open > 0
        && s.tokens[open - 1].kind == TokenKind::Word
        && (2..=6).contains(&(close - open))
        && (open + 1..close).all(|k| s.tokens[k].kind == TokenKind::Word)
}

pub(crate) fn _mention_of(mentions: &[Mention], tok: usize) -> Option<usize> {
    mentions.iter().position(|m| tok >= m.start && tok < m.end)
}

/// Shared test helpers: one coder for all unit tests.
#[cfg(test)]
pub(crate) mod test_support {
    use super::*;
    use std::sync::OnceLock;

    pub(crate) fn coder() -> &'static Coder {
        static CODER: OnceLock<Coder> = OnceLock::new();
        CODER.get_or_init(|| Coder::new(Lexicon::embedded().expect("embedded lexicon")))
    }

    /// All events (factual or not) of a one-document text.
    pub(crate) fn code(text: &str, date: &str) -> Vec<Event> {
        coder()
            .code(&DocumentRef {
                id: "t",
                text,
                date,
                title: None,
                url: None,
                source: None,
            })
            .events
    }

    /// The first event of category `cat` in sentence `seq`.
    pub(crate) fn event<'a>(events: &'a [Event], seq: u32, cat: &str) -> &'a Event {
        events
            .iter()
            .find(|e| e.text_info.sequence == seq && e.event[0] == cat)
            .unwrap_or_else(|| panic!("no {cat} in sentence {seq}: {events:#?}"))
    }
}
