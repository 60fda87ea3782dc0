//! The derivation: coded events in, commitments with status histories and alerts out.
//!
//! # Order
//!
//! Events are deduplicated by id and sorted by (date, document id, sentence, trigger
//! offset, id), so the result depends only on the *set* of events: arrival order and
//! re-ingestion do not matter. Each document is read once to recognise the commitments
//! it announces (drafts), its claims of responsibility and its statements; then the days
//! are replayed in order. On each day:
//!
//! 1. deadlines and terms that ended before the day lapse (expired / fulfilled);
//! 2. drafts that match no live commitment become new commitments (announced, in force);
//! 3. attacks (ASSAULT, and COERCE raids for voiding triggers) of other documents are
//!    checked against every live commitment: violations, possible violations, met
//!    voiding triggers;
//! 4. statements are applied: drafts that match a live commitment reaffirm or extend it,
//!    withdrawals and announced resumptions end it, new voiding threats are added.
//!
//! Events of the announcing document itself are never checked against the commitment it
//! announces (news articles recount earlier attacks as background).

use std::collections::{BTreeMap, HashSet};

use marsad_coder::{Event, Evidence};
use marsad_lexicon::{ActorKind, Lexicon};
use marsad_text::normalize;

use crate::date::add_days;
use crate::model::*;
use crate::party::{protected_match, push_unique, side_match, trigger_target_match, Names};
use crate::text::*;

/// The commitment monitor: recognises commitments in coded events and follows them.
///
/// It holds the actor lexicon, which it uses to read parties out of condition clauses
/// and sentences (the same lexicon the coder used).
pub struct Monitor<'a> {
    lex: &'a Lexicon,
    names: Names,
}

fn has_cat(e: &Event, c: &str) -> bool {
    e.event.iter().any(|x| x == c)
}

fn has_aux(e: &Event, a: &str) -> bool {
    e.aux_mode.iter().any(|x| x == a)
}

/// Not negated, not hypothetical.
fn asserted(e: &Event) -> bool {
    !has_aux(e, "negation") && !has_aux(e, "hypothetical")
}

/// Asserted, and not about the past or the future: something that happened.
fn happened(e: &Event) -> bool {
    asserted(e) && !has_aux(e, "historical") && !has_aux(e, "future")
}

fn doc_of(e: &Event) -> &str {
    &e.cite_info.citation
}

/// The first trigger span of an event (document offsets), or the sentence start.
fn trigger_span(e: &Event) -> (String, u32, u32) {
    e.evidence
        .iter()
        .filter(|v| v.role == "trigger")
        .min_by_key(|v| v.start)
        .map(|v| (v.text.clone(), v.start, v.end))
        .unwrap_or_else(|| (e.event_text.join(" "), e.text_info.start, e.text_info.start))
}

fn spans<'e>(e: &'e Event, role: &str) -> impl Iterator<Item = &'e Evidence> {
    let role = role.to_string();
    e.evidence.iter().filter(move |v| v.role == role)
}

/// Sentence-relative offset of a document offset.
fn rel(e: &Event, doc_offset: u32) -> u32 {
    doc_offset.saturating_sub(e.text_info.start)
}

fn statement(e: &Event) -> Statement {
    let (trigger, ts, te) = trigger_span(e);
    Statement {
        event_id: e.id.clone(),
        doc_id: doc_of(e).to_string(),
        date: e.date.clone(),
        event: e.event.clone(),
        trigger,
        trigger_start: ts,
        trigger_end: te,
        sentence: e.text.clone(),
        start: e.text_info.start,
        end: e.text_info.end,
        speaker: e.attribution.as_ref().and_then(|a| {
            a.speaker
                .as_ref()
                .map(|s| s.identifier_text.clone().unwrap_or(s.entity_text.clone()))
        }),
    }
}

/// The sentence text between two document offsets, clamped to the sentence.
fn window(e: &Event, from: u32, to: u32) -> String {
    let a = rel(e, from.max(e.text_info.start));
    let b = rel(e, to.min(e.text_info.end));
    char_slice(&e.text, a, b)
}

fn short_hash(s: &str) -> String {
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(s.as_bytes()))[..10].to_string()
}

fn labels(ps: &[Party]) -> String {
    if ps.is_empty() {
        return "unknown".into();
    }
    ps.iter().map(Party::label).collect::<Vec<_>>().join(", ")
}

/// A commitment recognised in one document, before the replay.
#[derive(Debug, Clone)]
struct Draft {
    kind: CommitmentKind,
    doc_id: String,
    date: String,
    seq: u32,
    first_event: String,
    committing: Vec<Party>,
    concerned: Vec<Party>,
    undertaking: Undertaking,
    conditions: Vec<CommitmentCondition>,
    triggers: Vec<VoidingTrigger>,
    deadline: Option<Deadline>,
    statements: Vec<Statement>,
    links: Vec<LinkedEvent>,
    /// The statement extends or reaffirms an earlier commitment.
    renewal: Option<StepKind>,
}

/// A voiding threat made in a document that announces no commitment: it adds a trigger
/// to the speaker's live truce.
#[derive(Debug, Clone)]
struct OrphanTrigger {
    date: String,
    doc_id: String,
    parties: Vec<Party>,
    trigger: VoidingTrigger,
    event_id: String,
}

/// Who claimed (or that no one claimed) the attacks of a sentence.
#[derive(Debug, Clone)]
struct Claim {
    seq: u32,
    by: Option<Party>,
}

#[derive(Default)]
struct Day<'e> {
    drafts: Vec<Draft>,
    checks: Vec<&'e Event>,
    withdrawals: Vec<&'e Event>,
    orphans: Vec<OrphanTrigger>,
}

/// What an attack event says about who attacked whom.
struct AttackView {
    attackers: Vec<Party>,
    /// How the attacker is known: `actor` or `claim`.
    attacker_via: &'static str,
    /// The document says no one claimed it.
    unclaimed: bool,
    targets: Vec<Party>,
    /// Targets read from the sentence, not coded as recipients.
    targets_inferred: bool,
    rockets: bool,
}

impl<'a> Monitor<'a> {
    /// A monitor reading parties with `lex` (use the coder's lexicon).
    pub fn new(lex: &'a Lexicon) -> Monitor<'a> {
        let names = lex
            .actors
            .iter()
            .filter(|a| {
                matches!(
                    a.kind,
                    ActorKind::Org | ActorKind::Person | ActorKind::Country
                )
            })
            .filter_map(|a| a.name.clone())
            .collect::<HashSet<_>>();
        Monitor {
            lex,
            names: Names(names),
        }
    }

    /// Derives every commitment, its status history and the alerts from `events` (all
    /// stored events, factual or not, in any order). Deterministic: the same set of
    /// events always gives the same state.
    pub fn derive(&self, events: &[Event]) -> MonitorState {
        let mut evs: Vec<&Event> = events.iter().collect();
        evs.sort_by_cached_key(|e| {
            (
                e.date.clone(),
                doc_of(e).to_string(),
                e.text_info.sequence,
                trigger_span(e).1,
                e.id.clone(),
            )
        });
        evs.dedup_by(|a, b| a.id == b.id);

        // Documents, their events in text order.
        let mut docs: BTreeMap<&str, Vec<&Event>> = BTreeMap::new();
        for e in &evs {
            docs.entry(doc_of(e)).or_default().push(e);
        }
        for list in docs.values_mut() {
            list.sort_by_cached_key(|e| (e.text_info.sequence, trigger_span(e).1, e.id.clone()));
        }

        let mut days: BTreeMap<String, Day> = BTreeMap::new();
        let mut claims: BTreeMap<&str, Vec<Claim>> = BTreeMap::new();
        for (doc, list) in &docs {
            let (drafts, orphans) = self.doc_drafts(list);
            for d in drafts {
                days.entry(d.date.clone()).or_default().drafts.push(d);
            }
            for o in orphans {
                days.entry(o.date.clone()).or_default().orphans.push(o);
            }
            claims.insert(doc, self.doc_claims(list));
            for e in list {
                if is_withdrawal(e) {
                    days.entry(e.date.clone()).or_default().withdrawals.push(e);
                } else if happened(e) && (has_cat(e, "ASSAULT") || has_cat(e, "COERCE")) {
                    days.entry(e.date.clone()).or_default().checks.push(e);
                }
            }
        }

        let mut out: Vec<Commitment> = Vec::new();
        for (date, day) in days {
            expire(&mut out, &date);
            let mut deferred = Vec::new();
            for d in day.drafts {
                match find_live(&out, &d) {
                    Some(_) => deferred.push(d),
                    None => out.push(new_commitment(d)),
                }
            }
            for e in &day.checks {
                let doc_claims = claims.get(doc_of(e)).map(Vec::as_slice).unwrap_or(&[]);
                let view = self.attack_view(e, doc_claims);
                for c in out.iter_mut() {
                    if c.status.is_live() && c.doc_id != doc_of(e) {
                        check(c, e, &view);
                    }
                }
            }
            for d in deferred {
                match find_live(&out, &d) {
                    Some(i) => renew(&mut out[i], d),
                    None => out.push(new_commitment(d)),
                }
            }
            for e in &day.withdrawals {
                self.withdraw(&mut out, e);
            }
            for o in day.orphans {
                add_orphan(&mut out, o);
            }
        }

        out.sort_by(|a, b| (&a.start_date, &a.id).cmp(&(&b.start_date, &b.id)));
        let mut alerts: Vec<Alert> = out
            .iter()
            .flat_map(|c| {
                c.history
                    .iter()
                    .filter(|s| s.kind != StepKind::InForce)
                    .map(|s| Alert {
                        id: format!("{}#{}", c.id, s.seq),
                        date: s.date.clone(),
                        commitment_id: c.id.clone(),
                        commitment_kind: c.kind,
                        kind: s.kind,
                        from: s.from,
                        status: s.status,
                        certainty: s.certainty,
                        reason: s.reason.clone(),
                        event_id: s.evidence.as_ref().map(|v| v.event_id.clone()),
                        doc_id: s.evidence.as_ref().map(|v| v.doc_id.clone()),
                    })
            })
            .collect();
        alerts.sort_by(|a, b| {
            (&b.date, &a.commitment_id, b.id.len(), &b.id).cmp(&(
                &a.date,
                &b.commitment_id,
                a.id.len(),
                &a.id,
            ))
        });
        MonitorState {
            as_of: evs.iter().map(|e| e.date.clone()).max(),
            commitments: out,
            alerts,
        }
    }

    /// The parties the text names: a target the coder only inferred from the event's
    /// place (the state an unaimed attack took place in) names no one.
    fn parties(&self, ents: &[marsad_coder::Entity], via: &str) -> Vec<Party> {
        let mut v = Vec::new();
        for e in ents.iter().filter(|e| !e.inferred_from_place()) {
            push_unique(&mut v, self.names.party(e, via));
        }
        v
    }

    fn speaker(&self, e: &Event) -> Option<Party> {
        e.attribution
            .as_ref()
            .and_then(|a| a.speaker.as_ref())
            .map(|s| self.names.party(s, "speaker"))
    }

    /// Mentions of the sentence of `e` starting in `[from, to)` (document offsets), as
    /// parties with their document offsets.
    fn sentence_parties(
        &self,
        e: &Event,
        from: u32,
        to: u32,
        via: &str,
    ) -> Vec<(u32, Party, Option<String>)> {
        let mut out = Vec::new();
        for m in mentions(self.lex, &e.text, &e.date) {
            let start = m.start + e.text_info.start;
            if start < from || start >= to {
                continue;
            }
            for (ent, words) in &m.ents {
                out.push((
                    start,
                    self.names.party_from_ent(ent, words, via),
                    m.prep.clone(),
                ));
            }
        }
        out
    }

    // ------------------------------------------------------------------ documents

    /// The commitments a document announces, and voiding threats it makes about
    /// commitments announced elsewhere.
    fn doc_drafts(&self, doc: &[&Event]) -> (Vec<Draft>, Vec<OrphanTrigger>) {
        let mut drafts: Vec<Draft> = Vec::new();
        for e in doc {
            if let Some(d) = self.truce_draft(e, doc) {
                match drafts
                    .iter_mut()
                    .find(|x| x.kind == CommitmentKind::Truce && compatible(x, &d))
                {
                    Some(x) => merge_draft(x, d),
                    None => drafts.push(d),
                }
            }
        }
        // Committing side still unknown: the document's armed-faction speaker or actor.
        for d in drafts.iter_mut().filter(|d| d.committing.iter().all(vague)) {
            if let Some(p) = doc.iter().find_map(|e| {
                self.speaker(e)
                    .into_iter()
                    .chain(self.parties(&e.actor, "document"))
                    .find(|p| p.named && p.is_armed_faction())
            }) {
                d.committing.push(Party {
                    via: "document".into(),
                    ..p
                });
            }
        }

        // A truce nobody is known to have made cannot be followed.
        drafts.retain(|d| !d.committing.is_empty());
        let mut orphans = Vec::new();
        let mut others: Vec<Draft> = Vec::new();
        let no_truce = drafts.is_empty();
        for e in doc {
            if !has_cat(e, "THREATEN") || has_aux(e, "hypothetical") {
                continue;
            }
            let (trig, ts, te) = trigger_span(e);
            let mut who = self.parties(&e.actor, "threat");
            if let Some(s) = self.speaker(e) {
                if who.iter().all(|p| !p.named) {
                    push_unique(&mut who, s);
                }
            }
            let truce = drafts
                .iter_mut()
                .filter(|d| {
                    d.kind == CommitmentKind::Truce && threat_compatible(&who, &d.committing)
                })
                .min_by_key(|d| {
                    (
                        d.seq > e.text_info.sequence,
                        d.seq.abs_diff(e.text_info.sequence),
                    )
                });
            if has(&e.event_text.join(" "), &["مهلة", "أمهل", "إنذار"]) {
                // Deadline: of the truce's condition, or an ultimatum of its own.
                let negated = has_aux(e, "negation");
                let after = window(e, te, te + 60);
                let stated = if negated {
                    Some((Duration::Open, trig.clone()))
                } else {
                    duration(&window(e, ts, te + 60)).or_else(|| duration(&after))
                };
                let mtrig = e
                    .event_text
                    .iter()
                    .find(|t| has(t, &["مهلة", "أمهل", "إنذار"]))
                    .cloned()
                    .unwrap_or(trig.clone());
                let deadline = |applies: &str| {
                    stated.as_ref().map(|(d, words)| Deadline {
                        text: if negated {
                            format!("{mtrig} (negated: no deadline set)")
                        } else if has(words, &["مهلة"]) {
                            words.clone()
                        } else {
                            format!("{mtrig} {words}")
                        },
                        date: match d {
                            Duration::Days(n) => add_days(&e.date, *n),
                            Duration::Open => None,
                        },
                        open: *d == Duration::Open,
                        applies_to: applies.into(),
                        event_id: e.id.clone(),
                    })
                };
                if let Some(d) = truce {
                    if let Some(dl) = deadline("condition") {
                        let better = match &d.deadline {
                            None => true,
                            Some(old) => old.date.is_none() && dl.date.is_some(),
                        };
                        if better {
                            d.deadline = Some(dl);
                        }
                    }
                    link(&mut d.links, e, "deadline");
                } else if !negated && usable(&who) {
                    let mut d = self.base_draft(e, CommitmentKind::Ultimatum);
                    d.committing = who.clone();
                    d.concerned = self.parties(&e.recipient, "recipient");
                    d.deadline = deadline("term");
                    // Given to nobody known, for no stated time: not an ultimatum to follow.
                    if d.concerned.is_empty()
                        && d.deadline.as_ref().is_none_or(|x| x.date.is_none())
                    {
                        continue;
                    }
                    d.undertaking = self.undertaking(e, CommitmentKind::Ultimatum, &d.concerned);
                    if let Some(c) = self.condition(e) {
                        d.conditions.push(c);
                    }
                    others.push(d);
                }
                continue;
            }
            let Some(cond) = &e.condition else { continue };
            if has_aux(e, "negation") {
                continue;
            }
            if is_voiding(e) {
                let trigger = self.voiding_trigger(e, cond);
                match truce {
                    Some(d) => {
                        if !d.triggers.iter().any(|t| same_trigger(t, &trigger)) {
                            d.triggers.push(trigger);
                        }
                        link(&mut d.links, e, "threat");
                    }
                    None if no_truce => orphans.push(OrphanTrigger {
                        date: e.date.clone(),
                        doc_id: doc_of(e).to_string(),
                        parties: who,
                        trigger,
                        event_id: e.id.clone(),
                    }),
                    None => {}
                }
            } else if let Some(d) = truce.filter(|_| !who.is_empty()) {
                // Another conditional threat of the committing side: linked, not a
                // trigger.
                link(&mut d.links, e, "threat");
            } else if usable(&who) && asserted(e) && !e.recipient.is_empty() {
                let mut d = self.base_draft(e, CommitmentKind::Threat);
                d.committing = who;
                d.concerned = self.parties(&e.recipient, "recipient");
                // The coder may split one threat (أطلقت تحذيراً ... ستغلق سفارتها إذا ...)
                // into several events with the same condition: the last one names the act.
                let siblings: Vec<&&Event> = doc
                    .iter()
                    .filter(|o| {
                        o.id != e.id
                            && has_cat(o, "THREATEN")
                            && o.text_info.sequence == e.text_info.sequence
                            && o.condition.as_ref().map(|c| c.start) == Some(cond.start)
                    })
                    .collect();
                let act = siblings
                    .iter()
                    .copied()
                    .filter(|o| trigger_span(o).1 > ts)
                    .max_by_key(|o| trigger_span(o).1)
                    .copied()
                    .unwrap_or(e);
                d.undertaking = self.undertaking(act, CommitmentKind::Threat, &d.concerned);
                for o in siblings {
                    link(&mut d.links, o, "announcement");
                }
                if let Some(c) = self.condition(e) {
                    d.conditions.push(c);
                }
                match others
                    .iter_mut()
                    .find(|x| x.kind == CommitmentKind::Threat && compatible(x, &d))
                {
                    Some(x) => merge_draft(x, d),
                    None => others.push(d),
                }
            }
        }
        drafts.extend(others);
        (drafts, orphans)
    }

    fn base_draft(&self, e: &Event, kind: CommitmentKind) -> Draft {
        Draft {
            kind,
            doc_id: doc_of(e).to_string(),
            date: e.date.clone(),
            seq: e.text_info.sequence,
            first_event: e.id.clone(),
            committing: Vec::new(),
            concerned: Vec::new(),
            undertaking: Undertaking::default(),
            conditions: Vec::new(),
            triggers: Vec::new(),
            deadline: None,
            statements: vec![statement(e)],
            links: vec![LinkedEvent {
                event_id: e.id.clone(),
                doc_id: doc_of(e).to_string(),
                date: e.date.clone(),
                role: "announcement".into(),
            }],
            renewal: None,
        }
    }

    fn condition(&self, e: &Event) -> Option<CommitmentCondition> {
        let c = e.condition.as_ref()?;
        let mut parties = Vec::new();
        for m in mentions(self.lex, &c.text, &e.date) {
            for (ent, words) in &m.ents {
                push_unique(
                    &mut parties,
                    self.names.party_from_ent(ent, words, "condition"),
                );
            }
        }
        Some(CommitmentCondition {
            cue: c.cue.clone(),
            text: c.text.clone(),
            doc_id: doc_of(e).to_string(),
            start: c.start,
            end: c.end,
            event_id: e.id.clone(),
            parties,
        })
    }

    /// A truce (or suspension) announced by `e`, with what its document adds.
    fn truce_draft(&self, e: &Event, doc: &[&Event]) -> Option<Draft> {
        if !asserted(e) || has_aux(e, "historical") {
            return None;
        }
        let (_, ts, te) = trigger_span(e);
        let is_seed = if has_cat(e, "RETREAT") {
            e.mode.iter().any(|m| m == "ceasefire")
        } else if has_cat(e, "AGREE") || has_cat(e, "CONCEDE") {
            // An agreement on a truce, unless a RETREAT ceasefire of the sentence carries it.
            has(&window(e, ts, te + 40), TRUCE_WORDS)
                && !doc.iter().any(|o| {
                    o.text_info.sequence == e.text_info.sequence
                        && has_cat(o, "RETREAT")
                        && o.mode.iter().any(|m| m == "ceasefire")
                        && asserted(o)
                })
        } else {
            false
        };
        // Only an announced, agreed, decided, begun, extended or kept truce commits: not a
        // welcomed, requested, violated or collapsed one.
        let before = window(e, ts.saturating_sub(45), te);
        let cond_at = e
            .condition
            .as_ref()
            .map(|c| c.start)
            .filter(|&c| c > te)
            .unwrap_or(u32::MAX);
        let around = window(e, ts.saturating_sub(60), (te + 60).min(cond_at));
        if !is_seed
            || (has_cat(e, "RETREAT") && !has(&before, COMMIT_WORDS))
            || has(&around, NOT_COMMIT_WORDS)
        {
            return None;
        }
        let mut d = self.base_draft(e, CommitmentKind::Truce);
        let mut concerned = self.parties(&e.recipient, "recipient");
        let mut committing = self.parties(&e.actor, "actor");
        if committing.is_empty() {
            // The subject the coder did not attach: the last mention before the trigger
            // that no preposition governs, after the speaker (قالت X إن فصائل ... قررت
            // تعليق هجماتها).
            let from = e
                .attribution
                .as_ref()
                .map(|a| a.end)
                .filter(|&a| a < ts)
                .unwrap_or(e.text_info.start)
                .max(ts.saturating_sub(50));
            if let Some((_, p, _)) = self
                .sentence_parties(e, from, ts, "text")
                .into_iter()
                .rev()
                .find(|(_, p, prep)| prep.is_none() && !p.is_unknown())
            {
                committing.push(p);
            }
        }
        if let Some(c) = self.condition(e) {
            d.conditions.push(c);
        }
        // Agreements on the truce in the same sentence (اتفقت فيما بينها على تعليق
        // هجماتها): their actors commit. An agreement elsewhere in the sentence (ملتزمة
        // بوعودها) is about something else.
        for a in doc.iter().filter(|a| {
            let (_, _, ate) = trigger_span(a);
            a.id != e.id
                && a.text_info.sequence == e.text_info.sequence
                && (has_cat(a, "AGREE") || has_cat(a, "CONCEDE"))
                && asserted(a)
                && ((ate <= ts && ts - ate <= 40) || has(&window(a, ate, ate + 40), TRUCE_WORDS))
        }) {
            for p in self.parties(&a.actor, "agree") {
                push_unique(&mut committing, p);
            }
            if concerned.is_empty() {
                concerned = self.parties(&a.recipient, "recipient");
            }
            if let Some(c) = self.condition(a) {
                push_condition(&mut d.conditions, c);
            }
            link(&mut d.links, a, "agreement");
        }
        // The announcing speaker: the committing side when none is coded, one of it when
        // the coded side is an unnamed group of factions and the speaker is a faction.
        if let Some(s) = self.speaker(e) {
            let generic_group = !committing.is_empty()
                && committing
                    .iter()
                    .all(|p| !p.named && (p.is_armed_faction() || p.sector.is_none()));
            if committing.is_empty() || (generic_group && s.is_armed_faction() && s.named) {
                committing.insert(0, s);
                committing.dedup_by(|a, b| a.same(b));
            }
        }
        // Protected side from the sentence: على / ضد / مع X after the trigger.
        if concerned.is_empty() {
            let end = e
                .condition
                .as_ref()
                .map(|c| c.start)
                .unwrap_or(e.text_info.end);
            if let Some((_, p, _)) = self
                .sentence_parties(e, te, end.max(te + 1), "text")
                .into_iter()
                .find(|(_, p, prep)| {
                    matches!(prep.as_deref(), Some("علي" | "ضد" | "مع"))
                        && !committing.iter().any(|c| c.same(p))
                })
            {
                concerned.push(p);
            }
        }
        committing.retain(|p| !concerned.iter().any(|c| c.same(p)));
        d.committing = committing;
        d.concerned = concerned;
        d.undertaking = self.undertaking(e, CommitmentKind::Truce, &d.concerned);
        // A term (لمدة 72 ساعة، حتى إشعار آخر).
        let cond_start = e.condition.as_ref().map(|c| c.start).unwrap_or(u32::MAX);
        if let Some((dur, words)) = duration(&window(e, te, (te + 50).min(cond_start))) {
            d.deadline = Some(Deadline {
                text: words,
                date: match dur {
                    Duration::Days(n) => add_days(&e.date, n),
                    Duration::Open => None,
                },
                open: dur == Duration::Open,
                applies_to: "term".into(),
                event_id: e.id.clone(),
            });
        }
        let around = window(e, ts.saturating_sub(40), te + 10);
        d.renewal = if has(&around, EXTEND_WORDS) {
            Some(StepKind::Extended)
        } else if has(&around, REAFFIRM_WORDS) {
            Some(StepKind::Reaffirmed)
        } else {
            None
        };
        Some(d)
    }

    fn undertaking(&self, e: &Event, kind: CommitmentKind, concerned: &[Party]) -> Undertaking {
        let (trig, mut ts, te) = trigger_span(e);
        let mut end = te;
        if let Some(r) = spans(e, "recipient")
            .filter(|r| r.start >= te && r.start - te < 60)
            .map(|r| r.end)
            .max()
        {
            end = r;
        }
        // Where the condition starts, its cue included (إذا، في حال ...).
        let cond_start = e
            .condition
            .as_ref()
            .map(|c| c.start.saturating_sub(c.cue.chars().count() as u32 + 1))
            .filter(|&c| c > te);
        match kind {
            CommitmentKind::Truce => {}
            CommitmentKind::Threat => {
                // The threatened act: the last trigger before the condition, to the end
                // of its clause (ستغلق سفارتها في بغداد).
                if let Some(last) = spans(e, "trigger")
                    .filter(|t| cond_start.is_none_or(|c| t.start < c))
                    .max_by_key(|t| t.start)
                {
                    ts = last.start;
                }
                end = clause_end(e, ts.max(te.min(ts + 1)), cond_start);
            }
            CommitmentKind::Ultimatum => end = clause_end(e, te, cond_start),
        }
        let text = window(e, ts, end).trim().to_string();
        let w = window(e, ts, end + 20);
        let target = if concerned.is_empty() {
            String::new()
        } else {
            format!(" on {}", labels(concerned))
        };
        let with = target.replacen(" on ", " with ", 1);
        let summary = match kind {
            CommitmentKind::Truce => {
                let weapon = if has(&w, ROCKET_WORDS) { "rocket " } else { "" };
                let t = normalize(&trig);
                if has(&t, &["إطلاق النار", "وقف النار"]) {
                    format!("ceasefire{with}")
                } else if has(&t, &["هدنة"]) {
                    format!("truce{with}")
                } else if has(&t, &["تهدئة"]) {
                    format!("calm (de-escalation){with}")
                } else if has(&t, &["تعليق", "علق"]) {
                    format!("suspend {weapon}attacks{target}")
                } else if has(&t, &["التزم"]) {
                    format!("observe the ceasefire{with}")
                } else {
                    format!("stop {weapon}attacks{target}")
                }
            }
            CommitmentKind::Ultimatum => {
                if concerned.is_empty() {
                    "deadline".to_string()
                } else {
                    format!("deadline for {}", labels(concerned))
                }
            }
            CommitmentKind::Threat => {
                if concerned.is_empty() {
                    "conditional threat".to_string()
                } else {
                    format!("conditional threat against {}", labels(concerned))
                }
            }
        };
        Undertaking {
            summary,
            text,
            start: ts,
            end: end.max(ts),
        }
    }

    /// Reads a voiding trigger out of a threat's condition clause.
    fn voiding_trigger(&self, e: &Event, cond: &marsad_coder::Condition) -> VoidingTrigger {
        // The coder's clause stops at the first comma; an inclusive continuation
        // (، من بينها القوات العراقية ...) belongs to it.
        let s_len = e.text.chars().count() as u32;
        let c_start = rel(e, cond.start);
        let mut c_end = rel(e, cond.end).min(s_len);
        let rest = char_slice(&e.text, c_end, s_len);
        let lead = rest
            .chars()
            .take_while(|c| c.is_whitespace() || matches!(c, '،' | ','))
            .count() as u32;
        let after = char_slice(&rest, lead, lead + 14);
        if INCLUSION_WORDS
            .iter()
            .any(|w| normalize(&after).starts_with(&normalize(w)))
        {
            let tail: String = rest.chars().skip(lead as usize).collect();
            let stop = tail
                .char_indices()
                .find(|(_, c)| matches!(c, '.' | '؛' | ';' | '\n'))
                .map(|(i, _)| tail[..i].chars().count() as u32)
                .unwrap_or(tail.chars().count() as u32);
            c_end += lead + stop;
        }
        let text = char_slice(&e.text, c_start, c_end)
            .trim_end_matches([',', '،', ' '])
            .to_string();
        let folded = FoldedText::new(&text);
        let any_at = folded
            .find_any_in(ANY_ATTACKER_WORDS, 0, u32::MAX)
            .map(|(a, _)| a);
        let includes_allies = folded.contains_any(ALLY_WORDS);
        let mut targets = Vec::new();
        let mut by = Vec::new();
        for m in mentions(self.lex, &text, &e.date) {
            let before = char_slice(&text, m.start.saturating_sub(14), m.start);
            let bf = normalize(&before);
            let by_marker = m.prep.as_deref() == Some("by")
                || BY_WORDS.iter().any(|w| bf.ends_with(&normalize(w)));
            let inclusion = INCLUSION_WORDS.iter().any(|w| bf.ends_with(&normalize(w)));
            let attacker = by_marker || (inclusion && any_at.is_some_and(|a| a < m.start));
            for (ent, words) in &m.ents {
                let p = self.names.party_from_ent(ent, words, "condition");
                if attacker {
                    push_unique(&mut by, p);
                } else {
                    push_unique(&mut targets, p);
                }
            }
        }
        let is_attack = folded.contains_any(ATTACK_WORDS);
        if !is_attack {
            // Not about attacks: keep the parties as named, check nothing automatically.
            by.clear();
        }
        let any_attacker = any_at.is_some() || (is_attack && by.is_empty());
        let summary = if is_attack && !targets.is_empty() {
            let allies = if includes_allies {
                " and its allies"
            } else {
                ""
            };
            let who = match (any_attacker, by.is_empty()) {
                (true, true) => ", by any party".to_string(),
                (true, false) => format!(", by any party, including {}", labels(&by)),
                (false, _) => format!(", by {}", labels(&by)),
            };
            format!("attacks on {}{allies}{who}", labels(&targets))
        } else {
            format!("condition: {text}")
        };
        VoidingTrigger {
            cue: cond.cue.clone(),
            start: c_start + e.text_info.start,
            end: c_end + e.text_info.start,
            text,
            summary,
            targets: if is_attack { targets } else { Vec::new() },
            includes_allies,
            by,
            any_attacker,
            statement: statement(e),
            met: None,
        }
    }

    /// Claims of responsibility (and explicit non-claims) in a document's sentences.
    fn doc_claims(&self, doc: &[&Event]) -> Vec<Claim> {
        let mut out = Vec::new();
        let mut seen = HashSet::new();
        for e in doc {
            if !seen.insert(e.text_info.sequence) {
                continue;
            }
            let f = FoldedText::new(&e.text);
            let Some((a, b)) = f.find_any_in(CLAIM_WORDS, 0, u32::MAX) else {
                continue;
            };
            let before = char_slice(&e.text, a.saturating_sub(30), a);
            let around = char_slice(&e.text, a.saturating_sub(30), b + 20);
            if has(&before, NO_CLAIM_WORDS) || has(&around, &["لم تتبن", "لم يتبن", "أي جهة"])
            {
                out.push(Claim {
                    seq: e.text_info.sequence,
                    by: None,
                });
                continue;
            }
            let ps = self.sentence_parties(e, e.text_info.start, e.text_info.end, "claim");
            let abs_a = a + e.text_info.start;
            let ok = |p: &Party| p.named && !p.is_unknown();
            let by = ps
                .iter()
                .rev()
                .find(|(s, p, _)| *s < abs_a && ok(p))
                .or_else(|| ps.iter().find(|(s, p, _)| *s >= abs_a && ok(p)))
                .map(|(_, p, _)| p.clone());
            if by.is_some() {
                out.push(Claim {
                    seq: e.text_info.sequence,
                    by,
                });
            }
        }
        out
    }

    fn attack_view(&self, e: &Event, claims: &[Claim]) -> AttackView {
        let mut attackers: Vec<Party> = self
            .parties(&e.actor, "actor")
            .into_iter()
            .filter(|p| !p.is_unknown())
            .collect();
        let mut attacker_via = "actor";
        let mut unclaimed = false;
        if attackers.is_empty() {
            // A claim in the sentence, else in the sentence before or after.
            let seq = e.text_info.sequence;
            let same = claims.iter().find(|c| c.seq == seq);
            let near = claims.iter().filter(|c| c.seq.abs_diff(seq) == 1);
            let claim = same
                .or_else(|| near.clone().find(|c| c.by.is_some()))
                .or_else(|| near.clone().next());
            match claim {
                Some(Claim { by: Some(p), .. }) => {
                    attackers.push(p.clone());
                    attacker_via = "claim";
                }
                Some(Claim { by: None, .. }) => unclaimed = true,
                None => {}
            }
        }
        let mut targets = self.parties(&e.recipient, "recipient");
        let mut targets_inferred = false;
        if targets.is_empty() {
            let (_, ts, te) = trigger_span(e);
            let after = spans(e, "actor")
                .map(|a| a.end)
                .filter(|&a| a > ts)
                .max()
                .unwrap_or(te)
                .max(te);
            let found = self.sentence_parties(e, after, e.text_info.end, "text");
            if let Some((first, _, _)) = found
                .iter()
                .find(|(_, p, _)| !attackers.iter().any(|a| a.same(p)))
            {
                let first = *first;
                for (s, p, _) in found {
                    if s == first {
                        push_unique(&mut targets, p);
                    }
                }
                targets_inferred = true;
            }
        }
        let (_, ts, te) = trigger_span(e);
        let rockets = e.mode.iter().any(|m| m == "heavy-weapons")
            || has(&window(e, ts.saturating_sub(20), te + 40), ROCKET_WORDS);
        AttackView {
            attackers,
            attacker_via,
            unclaimed,
            targets,
            targets_inferred,
            rockets,
        }
    }

    fn withdraw(&self, out: &mut [Commitment], e: &Event) {
        let mut who = self.parties(&e.actor, "actor");
        if let Some(s) = self.speaker(e) {
            if who.iter().all(|p| !p.named) {
                push_unique(&mut who, s);
            }
        }
        let recipients = self.parties(&e.recipient, "recipient");
        for c in out.iter_mut() {
            if c.kind != CommitmentKind::Truce || !c.status.is_live() || c.doc_id == doc_of(e) {
                continue;
            }
            if !recipients.is_empty()
                && !c.concerned.is_empty()
                && !recipients
                    .iter()
                    .any(|r| protected_match(&c.concerned, r).is_some())
            {
                continue;
            }
            let best = who
                .iter()
                .filter_map(|p| side_match(&c.committing, p))
                .min_by_key(|(cert, _)| *cert);
            let Some((cert, why)) = best else { continue };
            let what = if has_cat(e, "ASSAULT") {
                "announced the resumption of attacks"
            } else {
                "announced the end of the commitment"
            };
            let (trig, _, _) = trigger_span(e);
            let who_l = labels(&who);
            let (kind, status, role) = match cert {
                Certainty::Certain => (StepKind::Withdrawn, Status::Withdrawn, "withdrawal"),
                Certainty::Possible => (
                    StepKind::PossibleWithdrawal,
                    Status::Strained,
                    "possible_withdrawal",
                ),
            };
            let reason = format!("{who_l} {what} «{trig}»; {why}");
            step(c, &e.date, kind, status, cert, reason, Some(statement(e)));
            link(&mut c.events, e, role);
        }
    }
}

/// Document offset where the clause that starts at `from` ends: the first comma, full stop
/// or semicolon, the condition, or the sentence end; at most about 160 characters, cut
/// at a space.
fn clause_end(e: &Event, from: u32, cond_start: Option<u32>) -> u32 {
    let limit = cond_start.unwrap_or(e.text_info.end).min(e.text_info.end);
    let w = window(e, from, limit);
    let mut n = 0u32;
    let mut last_space = None;
    for c in w.chars() {
        if matches!(c, '،' | ',' | '.' | '؛' | ';') {
            break;
        }
        if c.is_whitespace() {
            last_space = Some(n);
        }
        if n >= 160 {
            n = last_space.unwrap_or(n);
            break;
        }
        n += 1;
    }
    from + n
}

fn has(s: &str, needles: &[&str]) -> bool {
    has_any(s, needles)
}

fn usable(who: &[Party]) -> bool {
    who.iter()
        .any(|p| (p.named || p.code.is_some()) && !p.is_unknown())
}

/// A REJECT that ends an agreement (إنهاء الهدنة، نسف الاتفاق), or an announced
/// resumption of attacks (استئناف هجماتها).
fn is_withdrawal(e: &Event) -> bool {
    if !asserted(e) || has_aux(e, "historical") {
        return false;
    }
    let (trig, ts, te) = trigger_span(e);
    if has_cat(e, "REJECT") {
        let w = format!("{trig} {}", window(e, te, te + 20));
        return has(&w, END_WORDS) && has(&w, AGREEMENT_WORDS);
    }
    if has_cat(e, "ASSAULT") {
        return has(&window(e, ts.saturating_sub(25), ts), RESUME_WORDS);
    }
    false
}

/// A threat to void the agreement: an agreement word and a voiding verb near the trigger,
/// outside the condition clause.
fn is_voiding(e: &Event) -> bool {
    let Some(c) = &e.condition else { return false };
    let (_, ts, te) = trigger_span(e);
    let (a, b) = if c.start >= te {
        (ts, c.start)
    } else {
        (c.end, te.max(c.end + 1))
    };
    let w = window(e, a.saturating_sub(10), b.min(a + 120));
    has(&w, VOID_WORDS) && has(&w, AGREEMENT_WORDS)
}

/// Can a threat by `who` be the committing side's? A certain or possible match, or an
/// unidentified speaker (القيادي، الفصائل without a country).
fn threat_compatible(who: &[Party], committing: &[Party]) -> bool {
    if who.is_empty() || committing.is_empty() {
        return true;
    }
    if who.iter().any(|p| side_match(committing, p).is_some()) {
        return true;
    }
    who.iter().all(|p| !p.named && p.code.is_none())
}

/// A generic party with no country (الفصائل، المتحدث باسم): says little about who it is.
fn vague(p: &Party) -> bool {
    !p.named && p.code.is_none()
}

/// Could two sides be the same? Vague parties are left out; a side with nothing else
/// is unknown and overlaps anything.
fn overlap(a: &[Party], b: &[Party]) -> bool {
    let a: Vec<&Party> = a.iter().filter(|p| !vague(p)).collect();
    let b: Vec<&Party> = b.iter().filter(|p| !vague(p)).collect();
    a.is_empty() || b.is_empty() || a.iter().any(|p| b.iter().any(|q| p.same(q)))
}

fn compatible(x: &Draft, d: &Draft) -> bool {
    x.kind == d.kind && overlap(&x.committing, &d.committing) && overlap(&x.concerned, &d.concerned)
}

fn merge_draft(x: &mut Draft, d: Draft) {
    for p in d.committing {
        push_unique(&mut x.committing, p);
    }
    for p in d.concerned {
        push_unique(&mut x.concerned, p);
    }
    for c in d.conditions {
        push_condition(&mut x.conditions, c);
    }
    for t in d.triggers {
        if !x.triggers.iter().any(|o| same_trigger(o, &t)) {
            x.triggers.push(t);
        }
    }
    if x.deadline.is_none() {
        x.deadline = d.deadline;
    }
    if x.undertaking.summary.is_empty() {
        x.undertaking = d.undertaking;
    }
    x.statements.extend(d.statements);
    for l in d.links {
        if !x.links.iter().any(|o| o.event_id == l.event_id) {
            x.links.push(l);
        }
    }
    x.renewal = x.renewal.max(d.renewal);
}

fn push_condition(list: &mut Vec<CommitmentCondition>, c: CommitmentCondition) {
    let key = normalize(&c.text);
    if !list.iter().any(|o| normalize(&o.text) == key) {
        list.push(c);
    }
}

fn same_trigger(a: &VoidingTrigger, b: &VoidingTrigger) -> bool {
    let keys = |t: &VoidingTrigger| {
        let mut k: Vec<String> = t
            .targets
            .iter()
            .chain(t.by.iter())
            .map(Party::key)
            .collect();
        k.sort();
        (k, t.any_attacker, t.includes_allies)
    };
    if a.targets.is_empty() && b.targets.is_empty() {
        return normalize(&a.text) == normalize(&b.text);
    }
    keys(a) == keys(b)
}

fn link(list: &mut Vec<LinkedEvent>, e: &Event, role: &str) {
    if !list.iter().any(|l| l.event_id == e.id && l.role == role) {
        list.push(LinkedEvent {
            event_id: e.id.clone(),
            doc_id: doc_of(e).to_string(),
            date: e.date.clone(),
            role: role.into(),
        });
    }
}

fn step(
    c: &mut Commitment,
    date: &str,
    kind: StepKind,
    status: Status,
    certainty: Certainty,
    reason: String,
    evidence: Option<Statement>,
) {
    let from = c.status;
    c.history.push(Step {
        seq: c.history.len() as u32,
        date: date.to_string(),
        kind,
        from,
        status,
        certainty,
        reason,
        evidence,
    });
    c.status = status;
}

fn new_commitment(d: Draft) -> Commitment {
    let prefix = match d.kind {
        CommitmentKind::Truce => "tr",
        CommitmentKind::Ultimatum => "ul",
        CommitmentKind::Threat => "th",
    };
    let id = format!(
        "{prefix}-{}",
        short_hash(&format!("{}\u{1f}{}", d.doc_id, d.first_event))
    );
    let covers = d.committing.iter().any(Party::is_armed_faction);
    // Two or more identified parties and no other side: they commit to each other.
    let mutual = d.concerned.is_empty() && d.committing.iter().filter(|p| !vague(p)).count() >= 2;
    let mut c = Commitment {
        id,
        kind: d.kind,
        status: Status::Announced,
        start_date: d.date.clone(),
        doc_id: d.doc_id.clone(),
        committing: d.committing,
        concerned: d.concerned,
        mutual,
        covers_allied_factions: covers,
        undertaking: d.undertaking,
        conditions: d.conditions,
        voiding_triggers: d.triggers,
        deadline: d.deadline,
        statements: d.statements,
        history: Vec::new(),
        events: d.links,
    };
    let first = c.statements.first().cloned();
    let by = labels(&c.committing);
    let verb = match c.kind {
        CommitmentKind::Truce => "commits to",
        CommitmentKind::Ultimatum => "sets a",
        CommitmentKind::Threat => "makes a",
    };
    let mut reason = format!("{by} {verb} {}", c.undertaking.summary);
    if let Some(cond) = c.conditions.first() {
        reason.push_str(&format!(" ({} {})", cond.cue, cond.text));
    }
    if d.renewal.is_some() {
        reason.push_str(" [known from a later statement about it]");
    }
    step(
        &mut c,
        &d.date,
        StepKind::Announced,
        Status::Announced,
        Certainty::Certain,
        reason,
        first.clone(),
    );
    step(
        &mut c,
        &d.date,
        StepKind::InForce,
        Status::InForce,
        Certainty::Certain,
        "takes effect on announcement (no later start stated)".into(),
        first,
    );
    c
}

/// The live commitment a draft restates, if any.
fn find_live(out: &[Commitment], d: &Draft) -> Option<usize> {
    out.iter().position(|c| {
        c.kind == d.kind
            && c.status.is_live()
            && (d.committing.iter().all(vague)
                || d.committing
                    .iter()
                    .any(|p| side_match(&c.committing, p).is_some()))
            && (d.concerned.is_empty()
                || c.concerned.is_empty()
                || d.concerned
                    .iter()
                    .any(|p| protected_match(&c.concerned, p).is_some()))
    })
}

/// A later statement restating a live commitment: reaffirmation or extension.
fn renew(c: &mut Commitment, d: Draft) {
    let same_day_report = d.date == c.start_date && d.renewal.is_none();
    let ev = d.statements.first().cloned();
    for l in &d.links {
        let role = if same_day_report {
            l.role.clone()
        } else if l.role == "announcement" {
            match d.renewal {
                Some(StepKind::Extended) => "extension".into(),
                _ => "reaffirmation".into(),
            }
        } else {
            l.role.clone()
        };
        if !c.events.iter().any(|o| o.event_id == l.event_id) {
            c.events.push(LinkedEvent { role, ..l.clone() });
        }
    }
    for cond in d.conditions {
        push_condition(&mut c.conditions, cond);
    }
    for t in d.triggers {
        if !c.voiding_triggers.iter().any(|o| same_trigger(o, &t)) {
            c.voiding_triggers.push(t);
        }
    }
    c.statements.extend(d.statements);
    if same_day_report {
        return;
    }
    let kind = d.renewal.unwrap_or(StepKind::Reaffirmed);
    if kind == StepKind::Extended {
        if let Some(dl) = d.deadline {
            c.deadline = Some(dl);
        }
    }
    let by = labels(&d.committing);
    let verb = if kind == StepKind::Extended {
        "extends"
    } else {
        "reaffirms"
    };
    let mut reason = format!("{by} {verb} the commitment");
    if c.status == Status::Strained {
        reason.push_str("; back in force");
    }
    if let Some(dl) = &c.deadline {
        if kind == StepKind::Extended {
            reason.push_str(&format!(" ({})", dl.text));
        }
    }
    step(
        c,
        &d.date,
        kind,
        Status::InForce,
        Certainty::Certain,
        reason,
        ev,
    );
}

fn add_orphan(out: &mut [Commitment], o: OrphanTrigger) {
    if let Some(c) = out.iter_mut().find(|c| {
        c.kind == CommitmentKind::Truce
            && c.status.is_live()
            && c.doc_id != o.doc_id
            && threat_compatible(&o.parties, &c.committing)
            && !o.parties.is_empty()
    }) {
        if c.voiding_triggers
            .iter()
            .any(|t| same_trigger(t, &o.trigger))
        {
            return;
        }
        let reason = format!(
            "{} adds a voiding trigger: {}",
            labels(&o.parties),
            o.trigger.summary
        );
        let ev = Some(o.trigger.statement.clone());
        c.events.push(LinkedEvent {
            event_id: o.event_id.clone(),
            doc_id: o.doc_id.clone(),
            date: o.date.clone(),
            role: "threat".into(),
        });
        c.voiding_triggers.push(o.trigger);
        let status = c.status;
        step(
            c,
            &o.date,
            StepKind::TriggerAdded,
            status,
            Certainty::Possible,
            reason,
            ev,
        );
    }
}

/// Lapses every live commitment whose term ended before `date`.
fn expire(out: &mut [Commitment], date: &str) {
    for c in out.iter_mut() {
        let Some(Deadline {
            date: Some(end),
            applies_to,
            text,
            ..
        }) = c.deadline.clone()
        else {
            continue;
        };
        if applies_to != "term" || !c.status.is_live() || end.as_str() >= date {
            continue;
        }
        let (kind, status, why) = match (c.kind, c.status) {
            (CommitmentKind::Truce, Status::InForce) => (
                StepKind::Fulfilled,
                Status::Fulfilled,
                format!("the term ({text}) ended on {end} with the truce in force"),
            ),
            (CommitmentKind::Truce, _) => (
                StepKind::Expired,
                Status::Expired,
                format!("the term ({text}) ended on {end} with the truce strained"),
            ),
            _ => (
                StepKind::Expired,
                Status::Expired,
                format!("the deadline ({text}) passed on {end}"),
            ),
        };
        step(c, &end, kind, status, Certainty::Certain, why, None);
    }
}

/// Checks one attack against one live commitment.
fn check(c: &mut Commitment, e: &Event, v: &AttackView) {
    if c.kind != CommitmentKind::Truce {
        return;
    }
    let (trig, _, _) = trigger_span(e);
    let ev = Some(statement(e));
    let inferred = if v.targets_inferred {
        ", target read from the sentence"
    } else {
        ""
    };
    let weapon = if v.rockets { "rocket attack" } else { "attack" };
    // Violations: ASSAULT on the protected side. A truce that names no protected side (and
    // is not mutual) is listed, but attacks are not checked against it: its scope is
    // unknown.
    if has_cat(e, "ASSAULT") && (c.mutual || !c.concerned.is_empty()) {
        let side: &[Party] = if c.mutual || c.concerned.is_empty() {
            &c.committing
        } else {
            &c.concerned
        };
        let target = v.targets.iter().find_map(|t| {
            if c.mutual {
                side.iter()
                    .any(|p| !vague(p) && p.same(t))
                    .then(|| format!("{} is a party to the truce", t.label()))
            } else if c.concerned.is_empty() {
                Some(format!("{} was attacked", t.label()))
            } else {
                protected_match(side, t)
            }
        });
        if let Some(twhy) = target {
            let open_scope = !c.mutual && c.concerned.is_empty();
            let by = v
                .attackers
                .iter()
                .filter_map(|a| side_match(&c.committing, a).map(|m| (m, a)))
                .filter(|(_, a)| !(c.mutual && v.targets.iter().all(|t| t.same(a))))
                // Without a protected side only a named committed party counts.
                .filter(|((cert, _), _)| !open_scope || *cert == Certainty::Certain)
                .map(|((cert, why), a)| {
                    // A party known only from elsewhere in the document, or a truce with
                    // no protected side: never proof.
                    let weak = open_scope
                        || c.committing
                            .iter()
                            .any(|p| p.same(a) && p.via == "document");
                    let cert = if weak { Certainty::Possible } else { cert };
                    ((cert, why), a)
                })
                .min_by_key(|((cert, _), _)| *cert);
            let how = if v.attacker_via == "claim" {
                "claimed"
            } else {
                "attributed"
            };
            // Unattributed attacks count only against a truce with a protected side, and
            // only when they fit its pattern (rockets, when the truce is about rockets).
            let rocket_truce = has(&c.undertaking.text, ROCKET_WORDS);
            let fits = !open_scope && (!rocket_truce || v.rockets);
            match by {
                Some(((Certainty::Certain, why), a)) => {
                    let reason = format!(
                        "{how} {weapon} «{trig}» by {} on {}{inferred}: {why}; {twhy}",
                        a.label(),
                        labels(&v.targets)
                    );
                    step(
                        c,
                        &e.date,
                        StepKind::Violation,
                        Status::Broken,
                        Certainty::Certain,
                        reason,
                        ev,
                    );
                    link(&mut c.events, e, "violation");
                    return;
                }
                Some(((Certainty::Possible, why), a)) => {
                    let scope = if open_scope {
                        " (the truce names no protected side)"
                    } else {
                        ""
                    };
                    let reason = format!(
                        "{how} {weapon} «{trig}» by {} on {}{inferred}: {why}; {twhy}{scope}",
                        a.label(),
                        labels(&v.targets)
                    );
                    step(
                        c,
                        &e.date,
                        StepKind::PossibleViolation,
                        Status::Strained,
                        Certainty::Possible,
                        reason,
                        ev.clone(),
                    );
                    link(&mut c.events, e, "possible_violation");
                }
                None if v.attackers.is_empty() && fits => {
                    let who = if v.unclaimed {
                        "unclaimed"
                    } else {
                        "unattributed"
                    };
                    let weapon_note = if rocket_truce {
                        ", the weapon the truce names"
                    } else {
                        ""
                    };
                    let reason = format!(
                        "{who} {weapon} «{trig}» on {}{inferred}; fits the truce pattern{weapon_note}; {twhy}; not proof",
                        labels(&v.targets)
                    );
                    step(
                        c,
                        &e.date,
                        StepKind::PossibleViolation,
                        Status::Strained,
                        Certainty::Possible,
                        reason,
                        ev.clone(),
                    );
                    link(&mut c.events, e, "possible_violation");
                }
                _ => {}
            }
        }
    }
    // Voiding triggers: ASSAULT or COERCE (raids, arrests) on the parties they name.
    let mut met: Option<(Certainty, String)> = None;
    for t in c
        .voiding_triggers
        .iter_mut()
        .filter(|t| !t.targets.is_empty())
    {
        let Some((tcert, twhy)) = v
            .targets
            .iter()
            .filter_map(|x| trigger_target_match(&t.targets, t.includes_allies, x))
            .min_by_key(|(cert, _)| *cert)
        else {
            continue;
        };
        let acert = if t.any_attacker || t.by.is_empty() {
            Some(if v.attackers.is_empty() {
                Certainty::Possible
            } else {
                Certainty::Certain
            })
        } else {
            v.attackers
                .iter()
                .filter_map(|a| side_match(&t.by, a).map(|m| m.0))
                .min()
                .or(v.attackers.is_empty().then_some(Certainty::Possible))
        };
        let Some(acert) = acert else { continue };
        let cert = tcert.max(acert);
        let by = if v.attackers.is_empty() {
            "an unidentified attacker".to_string()
        } else {
            labels(&v.attackers)
        };
        let act = if has_cat(e, "ASSAULT") {
            "attack"
        } else {
            "raid/arrest"
        };
        let reason = format!(
            "{act} «{trig}» by {by} on {}{inferred}; {twhy}; trigger: {}",
            labels(&v.targets),
            t.summary
        );
        if t.met.is_none() {
            t.met = Some(TriggerMet {
                date: e.date.clone(),
                event_id: e.id.clone(),
                reason: reason.clone(),
            });
        }
        if met.as_ref().is_none_or(|(c0, _)| cert < *c0) {
            met = Some((cert, reason));
        }
    }
    if let Some((cert, reason)) = met {
        if c.status.is_live() {
            step(
                c,
                &e.date,
                StepKind::TriggerMet,
                Status::Strained,
                cert,
                reason,
                ev,
            );
            link(&mut c.events, e, "trigger_met");
        }
    }
}

#[cfg(test)]
mod tests {
    use marsad_coder::{Attribution, Condition, Entity, Event, Evidence, TextInfo};

    use crate::model::*;

    fn ent(code: Option<&str>, sector: &str, name: &str, words: &str) -> Entity {
        Entity {
            code: code.map(Into::into),
            sector: Some(sector.into()),
            entity_text: words.into(),
            identifier_text: Some(name.into()),
            ..Default::default()
        }
    }

    fn kh() -> Entity {
        ent(Some("IRQ"), "PRM", "Kataib Hezbollah", "كتائب حزب الله")
    }
    fn us_forces() -> Entity {
        ent(Some("USA"), "MIL", "forces", "القوات الأميركية")
    }
    fn pmf() -> Entity {
        ent(
            Some("IRQ"),
            "PRM",
            "Popular Mobilization Forces",
            "الحشد الشعبي",
        )
    }

    /// Character offsets of `needle` in `hay`.
    fn find(hay: &str, needle: &str) -> (u32, u32) {
        let b = hay
            .find(needle)
            .unwrap_or_else(|| panic!("{needle} not in {hay}"));
        let a = hay[..b].chars().count() as u32;
        (a, a + needle.chars().count() as u32)
    }

    /// A hand-built event: one sentence (the whole document), the trigger found in it.
    struct B(Event);

    impl B {
        fn new(doc: &str, date: &str, cat: &str, text: &str, trigger: &str) -> B {
            let (s, e) = find(text, trigger);
            B(Event {
                id: format!("{doc}-{cat}-{s}"),
                date: date.into(),
                event: vec![cat.into()],
                event_text: vec![trigger.into()],
                text: text.into(),
                text_info: TextInfo {
                    sequence: 0,
                    start: 0,
                    end: text.chars().count() as u32,
                },
                cite_info: marsad_coder::CiteInfo {
                    citation: doc.into(),
                    language: "ar".into(),
                    ..Default::default()
                },
                evidence: vec![Evidence {
                    role: "trigger".into(),
                    text: trigger.into(),
                    start: s,
                    end: e,
                }],
                ..Default::default()
            })
        }
        fn mode(mut self, m: &str) -> B {
            self.0.mode = vec![m.into()];
            self
        }
        fn actor(mut self, e: Entity) -> B {
            self.push_ev("actor", &e.entity_text);
            self.0.actor.push(e);
            self
        }
        fn recipient(mut self, e: Entity) -> B {
            self.push_ev("recipient", &e.entity_text);
            self.0.recipient.push(e);
            self
        }
        fn push_ev(&mut self, role: &str, words: &str) {
            if let Some(b) = self.0.text.find(words) {
                let a = self.0.text[..b].chars().count() as u32;
                self.0.evidence.push(Evidence {
                    role: role.into(),
                    text: words.into(),
                    start: a,
                    end: a + words.chars().count() as u32,
                });
            }
        }
        fn cond(mut self, cue: &str, clause: &str) -> B {
            let (s, e) = find(&self.0.text, clause);
            self.0.condition = Some(Condition {
                cue: cue.into(),
                text: clause.into(),
                start: s,
                end: e,
            });
            self
        }
        fn speaker(mut self, verb: &str, e: Entity) -> B {
            let (s, en) = find(&self.0.text, &e.entity_text);
            self.0.attribution = Some(Attribution {
                verb: verb.into(),
                speaker: Some(e),
                start: s,
                end: en,
            });
            self
        }
        fn aux(mut self, a: &str) -> B {
            self.0.aux_mode.push(a.into());
            self
        }
        fn seq(mut self, n: u32) -> B {
            self.0.text_info.sequence = n;
            self.0.id = format!("{}-{n}", self.0.id);
            self
        }
    }

    const TRUCE: &str = "أعلنت كتائب حزب الله تعليق هجماتها الصاروخية على القوات الأميركية، بشرط أن تقدم الحكومة العراقية جدولا زمنيا للانسحاب.";
    const THREAT: &str = "وقال المسؤول الأمني إن الكتائب ستنسف الاتفاق في حال استهدفت قوات الحشد الشعبي من أي جهة كانت، من بينها القوات العراقية.";

    fn truce() -> Vec<Event> {
        vec![
            B::new("d1", "2020-10-11", "RETREAT", TRUCE, "تعليق هجماتها")
                .mode("ceasefire")
                .recipient(us_forces())
                .cond("بشرط أن", "تقدم الحكومة العراقية جدولا زمنيا للانسحاب")
                .speaker("أعلنت", kh())
                .0,
            B::new("d1", "2020-10-11", "THREATEN", THREAT, "ستنسف الاتفاق")
                .seq(1)
                .cond("في حال", "استهدفت قوات الحشد الشعبي من أي جهة كانت")
                .0,
        ]
    }

    fn the_truce(st: &MonitorState) -> &Commitment {
        let t: Vec<&Commitment> = st
            .commitments
            .iter()
            .filter(|c| c.kind == CommitmentKind::Truce)
            .collect();
        assert_eq!(t.len(), 1, "{:#?}", st.commitments);
        t[0]
    }

    fn kinds(c: &Commitment) -> Vec<StepKind> {
        c.history.iter().map(|s| s.kind).collect()
    }

    #[test]
    fn a_suspension_with_proviso_and_voiding_threat_is_one_truce_in_force() {
        let st = crate::derive(&truce());
        let c = the_truce(&st);
        assert_eq!(c.status, Status::InForce);
        assert_eq!(c.start_date, "2020-10-11");
        assert_eq!(c.committing.len(), 1);
        assert_eq!(c.committing[0].name.as_deref(), Some("Kataib Hezbollah"));
        assert_eq!(c.committing[0].via, "speaker");
        assert_eq!(c.concerned[0].code.as_deref(), Some("USA"));
        assert_eq!(
            c.undertaking.text,
            "تعليق هجماتها الصاروخية على القوات الأميركية"
        );
        assert!(c
            .undertaking
            .summary
            .starts_with("suspend rocket attacks on"));
        assert_eq!(c.conditions.len(), 1);
        assert_eq!(c.voiding_triggers.len(), 1);
        let t = &c.voiding_triggers[0];
        assert!(t.any_attacker);
        assert_eq!(
            t.targets[0].name.as_deref(),
            Some("Popular Mobilization Forces")
        );
        // The continuation after the coder's clause is read too.
        assert!(t.text.ends_with("من بينها القوات العراقية"), "{}", t.text);
        assert_eq!(t.by[0].code.as_deref(), Some("IRQ"));
        assert_eq!(t.by[0].sector.as_deref(), Some("MIL"));
        assert_eq!(kinds(c), [StepKind::Announced, StepKind::InForce]);
        assert_eq!(st.alerts.len(), 1);
    }

    #[test]
    fn a_claimed_attack_by_the_party_breaks_it_but_not_in_the_announcing_text() {
        let mut evs = truce();
        // Background in the announcing document itself: never a violation.
        evs.push(
            B::new(
                "d1",
                "2020-10-11",
                "ASSAULT",
                "وكانت كتائب حزب الله قصفت القوات الأميركية.",
                "قصفت",
            )
            .seq(2)
            .actor(kh())
            .recipient(us_forces())
            .0,
        );
        assert_eq!(the_truce(&crate::derive(&evs)).status, Status::InForce);
        evs.push(
            B::new(
                "d2",
                "2020-11-05",
                "ASSAULT",
                "قصفت كتائب حزب الله القوات الأميركية بصواريخ كاتيوشا.",
                "قصفت",
            )
            .mode("heavy-weapons")
            .actor(kh())
            .recipient(us_forces())
            .0,
        );
        let st = crate::derive(&evs);
        let c = the_truce(&st);
        assert_eq!(c.status, Status::Broken);
        let last = c.history.last().unwrap();
        assert_eq!(last.kind, StepKind::Violation);
        assert_eq!(last.certainty, Certainty::Certain);
        assert_eq!(st.alerts[0].kind, StepKind::Violation, "newest first");
    }

    #[test]
    fn a_claim_of_responsibility_names_the_attacker() {
        let mut evs = truce();
        evs.push(
            B::new(
                "d2",
                "2020-11-05",
                "ASSAULT",
                "سقطت صواريخ على القوات الأميركية، وأعلنت كتائب حزب الله مسؤوليتها عن الهجوم.",
                "سقطت",
            )
            .recipient(us_forces())
            .0,
        );
        let c = the_truce(&crate::derive(&evs)).clone();
        assert_eq!(c.status, Status::Broken);
        assert!(c.history.last().unwrap().reason.starts_with("claimed"));
    }

    #[test]
    fn unattributed_and_allied_attacks_are_possible_violations_others_are_not() {
        let mut evs = truce();
        // ISIS attacking US forces is not a violation of the militias' truce.
        evs.push(
            B::new(
                "d2",
                "2020-10-14",
                "ASSAULT",
                "هاجم تنظيم داعش القوات الأميركية.",
                "هاجم",
            )
            .actor(ent(Some("IMG"), "REB", "Islamic State", "تنظيم داعش"))
            .recipient(us_forces())
            .0,
        );
        assert_eq!(the_truce(&crate::derive(&evs)).status, Status::InForce);
        // An unclaimed attack on the US embassy.
        evs.push(
            B::new(
                "d3",
                "2020-10-15",
                "ASSAULT",
                "سقطت صواريخ على السفارة الأميركية ولم تعلن أي جهة مسؤوليتها.",
                "سقطت",
            )
            .mode("heavy-weapons")
            .recipient(ent(
                Some("USA"),
                "GOV",
                "ambassador / embassy",
                "السفارة الأميركية",
            ))
            .0,
        );
        let st = crate::derive(&evs);
        let c = the_truce(&st);
        assert_eq!(c.status, Status::Strained);
        let s = c.history.last().unwrap();
        assert_eq!(s.kind, StepKind::PossibleViolation);
        assert_eq!(s.certainty, Certainty::Possible);
        assert!(s.reason.contains("unclaimed"), "{}", s.reason);
        // An unnamed Iraqi militia: possible under the allied-factions rule.
        evs.push(
            B::new(
                "d4",
                "2020-10-16",
                "ASSAULT",
                "قصفت ميليشيا عراقية القوات الأميركية.",
                "قصفت",
            )
            .actor(ent(Some("IRQ"), "PRM", "militia", "ميليشيا عراقية"))
            .recipient(us_forces())
            .0,
        );
        let st = crate::derive(&evs);
        let c = the_truce(&st);
        assert_eq!(c.status, Status::Strained);
        let s = c.history.last().unwrap();
        assert_eq!(s.kind, StepKind::PossibleViolation);
        assert!(s.reason.contains("allied-factions rule"), "{}", s.reason);
    }

    #[test]
    fn a_raid_on_the_protected_faction_meets_the_voiding_trigger() {
        let mut evs = truce();
        evs.push(
            B::new(
                "d2",
                "2020-10-18",
                "COERCE",
                "داهمت القوات العراقية مقرا للحشد الشعبي.",
                "داهمت",
            )
            .mode("seize")
            .actor(ent(Some("IRQ"), "MIL", "forces", "القوات العراقية"))
            .recipient(pmf())
            .0,
        );
        let c = the_truce(&crate::derive(&evs)).clone();
        assert_eq!(c.status, Status::Strained);
        assert_eq!(c.history.last().unwrap().kind, StepKind::TriggerMet);
        assert_eq!(c.history.last().unwrap().certainty, Certainty::Certain);
        assert_eq!(
            c.voiding_triggers[0].met.as_ref().unwrap().date,
            "2020-10-18"
        );
    }

    #[test]
    fn extension_restores_and_withdrawal_ends() {
        let mut evs = truce();
        evs.push(
            B::new(
                "d2",
                "2020-10-15",
                "ASSAULT",
                "سقطت صواريخ على القوات الأميركية.",
                "سقطت",
            )
            .recipient(us_forces())
            .0,
        );
        evs.push(
            B::new(
                "d3",
                "2020-10-25",
                "RETREAT",
                "أعلنت كتائب حزب الله تمديد الهدنة مع القوات الأميركية.",
                "الهدنة",
            )
            .mode("ceasefire")
            .speaker("أعلنت", kh())
            .0,
        );
        let c = the_truce(&crate::derive(&evs)).clone();
        assert_eq!(c.status, Status::InForce);
        assert_eq!(
            kinds(&c),
            [
                StepKind::Announced,
                StepKind::InForce,
                StepKind::PossibleViolation,
                StepKind::Extended
            ]
        );
        evs.push(
            B::new(
                "d4",
                "2020-11-10",
                "REJECT",
                "أعلنت كتائب حزب الله إنهاء الهدنة مع القوات الأميركية.",
                "إنهاء الهدنة",
            )
            .actor(kh())
            .recipient(us_forces())
            .0,
        );
        let c = the_truce(&crate::derive(&evs)).clone();
        assert_eq!(c.status, Status::Withdrawn);
    }

    #[test]
    fn an_announced_resumption_of_attacks_withdraws_it_and_is_not_an_attack() {
        let mut evs = truce();
        evs.push(
            B::new(
                "d2",
                "2020-11-10",
                "ASSAULT",
                "أعلنت كتائب حزب الله استئناف هجماتها على القوات الأميركية.",
                "هجماتها",
            )
            .recipient(us_forces())
            .speaker("أعلنت", kh())
            .0,
        );
        let c = the_truce(&crate::derive(&evs)).clone();
        assert_eq!(c.status, Status::Withdrawn);
        assert_eq!(c.history.last().unwrap().kind, StepKind::Withdrawn);
    }

    #[test]
    fn the_state_does_not_depend_on_order_or_duplicates() {
        let mut evs = truce();
        evs.push(
            B::new(
                "d2",
                "2020-10-15",
                "ASSAULT",
                "سقطت صواريخ على القوات الأميركية.",
                "سقطت",
            )
            .recipient(us_forces())
            .0,
        );
        evs.push(
            B::new(
                "d3",
                "2020-10-18",
                "ASSAULT",
                "هاجمت القوات العراقية الحشد الشعبي.",
                "هاجمت",
            )
            .actor(ent(Some("IRQ"), "MIL", "forces", "القوات العراقية"))
            .recipient(pmf())
            .0,
        );
        evs.push(
            B::new(
                "d4",
                "2020-11-05",
                "ASSAULT",
                "قصفت كتائب حزب الله القوات الأميركية.",
                "قصفت",
            )
            .actor(kh())
            .recipient(us_forces())
            .0,
        );
        let forward = crate::derive(&evs);
        let mut rev = evs.clone();
        rev.reverse();
        assert_eq!(crate::derive(&rev), forward);
        let mut twice = evs.clone();
        twice.extend(evs.iter().cloned());
        twice.rotate_left(3);
        assert_eq!(crate::derive(&twice), forward);
        assert_eq!(the_truce(&forward).status, Status::Broken);
    }

    #[test]
    fn an_ultimatum_expires_after_its_deadline() {
        let u = "منحت كتائب حزب الله مهلة 30 يوما للحكومة العراقية لتقديم جدول زمني للانسحاب.";
        let mut evs = vec![
            B::new("d1", "2020-10-12", "THREATEN", u, "مهلة")
                .mode("relations")
                .actor(kh())
                .recipient(ent(Some("IRQ"), "GOV", "government", "للحكومة العراقية"))
                .0,
        ];
        let st = crate::derive(&evs);
        assert_eq!(st.commitments.len(), 1);
        let c = &st.commitments[0];
        assert_eq!(c.kind, CommitmentKind::Ultimatum);
        assert_eq!(c.status, Status::InForce);
        let d = c.deadline.as_ref().unwrap();
        assert_eq!(d.date.as_deref(), Some("2020-11-11"));
        assert_eq!(d.text, "مهلة 30 يوما");
        // Any later event moves the clock past the deadline.
        evs.push(B::new("d2", "2020-11-20", "ASSAULT", "وقع هجوم في الموصل.", "هجوم").0);
        let st = crate::derive(&evs);
        let c = &st.commitments[0];
        assert_eq!(c.status, Status::Expired);
        assert_eq!(c.history.last().unwrap().date, "2020-11-11");
    }

    #[test]
    fn a_truce_with_a_term_is_fulfilled_when_it_ends_in_force() {
        let t = "أعلنت كتائب حزب الله هدنة لمدة 72 ساعة مع القوات الأميركية.";
        let evs = vec![
            B::new("d1", "2020-10-11", "RETREAT", t, "هدنة")
                .mode("ceasefire")
                .speaker("أعلنت", kh())
                .0,
            B::new("d2", "2020-10-20", "ASSAULT", "وقع هجوم في الموصل.", "هجوم").0,
        ];
        let st = crate::derive(&evs);
        let c = the_truce(&st);
        assert_eq!(
            c.deadline.as_ref().unwrap().date.as_deref(),
            Some("2020-10-14")
        );
        assert_eq!(c.status, Status::Fulfilled);
        assert!(
            c.undertaking.summary.starts_with("truce with"),
            "{}",
            c.undertaking.summary
        );
    }

    #[test]
    fn negated_hypothetical_and_historical_announcements_are_not_commitments() {
        for aux in ["negation", "hypothetical", "historical"] {
            let evs = vec![
                B::new("d1", "2020-10-11", "RETREAT", TRUCE, "تعليق هجماتها")
                    .mode("ceasefire")
                    .recipient(us_forces())
                    .speaker("أعلنت", kh())
                    .aux(aux)
                    .0,
            ];
            assert!(crate::derive(&evs).commitments.is_empty(), "{aux}");
        }
    }

    #[test]
    fn a_voiding_threat_in_a_later_document_adds_a_trigger() {
        let mut evs = truce();
        evs.truncate(1);
        evs.push(
            B::new("d2", "2020-10-13", "THREATEN", "قال كتائب حزب الله إن الهدنة سيلغى العمل بها إذا هاجمت القوات العراقية الحشد الشعبي.", "قال")
                .actor(kh())
                .cond("إذا", "هاجمت القوات العراقية الحشد الشعبي")
                .0,
        );
        let c = the_truce(&crate::derive(&evs)).clone();
        assert_eq!(c.voiding_triggers.len(), 1);
        assert_eq!(c.history.last().unwrap().kind, StepKind::TriggerAdded);
        assert_eq!(c.status, Status::InForce);
    }

    #[test]
    fn a_welcomed_or_violated_truce_is_not_a_commitment() {
        for (text, trig) in [
            (
                "رحبت جامعة الدول العربية بالهدنة الإنسانية في اليمن.",
                "بالهدنة",
            ),
            ("اتهمت الحكومة الحوثيين بخرق الهدنة في تعز.", "الهدنة"),
            (
                "وكان من المقرر بدء سريان الهدنة اليوم لكنها انهارت.",
                "الهدنة",
            ),
        ] {
            let evs = vec![
                B::new("d1", "2015-07-26", "RETREAT", text, trig)
                    .mode("ceasefire")
                    .actor(kh())
                    .0,
            ];
            assert!(crate::derive(&evs).commitments.is_empty(), "{text}");
        }
    }

    #[test]
    fn a_truce_with_no_protected_side_is_listed_but_attacks_are_not_checked() {
        let evs = vec![
            B::new(
                "d1",
                "2020-10-11",
                "RETREAT",
                "أعلنت كتائب حزب الله هدنة شاملة.",
                "هدنة",
            )
            .mode("ceasefire")
            .speaker("أعلنت", kh())
            .0,
            B::new(
                "d2",
                "2020-10-12",
                "ASSAULT",
                "قصفت كتائب حزب الله القوات الأميركية.",
                "قصفت",
            )
            .actor(kh())
            .recipient(us_forces())
            .0,
        ];
        let st = crate::derive(&evs);
        let c = the_truce(&st);
        assert!(c.concerned.is_empty() && !c.mutual);
        assert_eq!(c.status, Status::InForce);
    }

    #[test]
    fn a_mutual_truce_is_broken_by_either_party_attacking_the_other() {
        let houthis = ent(Some("YEM"), "REB", "Ansar Allah (Houthis)", "الحوثيون");
        let government = ent(Some("YEM"), "GOV", "government", "الحكومة اليمنية");
        let evs = vec![
            B::new(
                "d1",
                "2015-07-26",
                "AGREE",
                "اتفق الحوثيون والحكومة اليمنية على هدنة إنسانية.",
                "اتفق",
            )
            .actor(houthis.clone())
            .actor(government.clone())
            .0,
            B::new(
                "d2",
                "2015-07-28",
                "ASSAULT",
                "هاجم الحوثيون الحكومة اليمنية في تعز.",
                "هاجم",
            )
            .actor(houthis)
            .recipient(government)
            .0,
        ];
        let st = crate::derive(&evs);
        let c = the_truce(&st);
        assert!(c.mutual, "{c:#?}");
        assert_eq!(c.status, Status::Broken);
    }
}
