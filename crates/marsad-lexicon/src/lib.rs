//! marsad-lexicon: what marsad knows about Arabic events and actors, as data.
//!
//! Three kinds of lexicon files live under `lexicon/` (format: `docs/lexicon-format.md`):
//! actors (`actors/*.txt`), event triggers (`events/*.txt`) and cues (`cues/*.txt`:
//! negation, conditions, future, reporting verbs). [`Lexicon::load_dir`] reads a directory,
//! validates every line and reports *all* problems with file and line;
//! [`Lexicon::embedded`] uses the copy compiled into the binary. Verb triggers are expanded
//! into their conjugations ([`morph`]) and every form goes into a [`PhraseIndex`] that the
//! coder matches against tokenised sentences.

pub mod model;
pub mod morph;
pub mod phrase;
pub mod plover;
pub mod syntax;

use std::fmt;
use std::path::Path;

use marsad_text::normalize;
pub use model::EventModel;
pub use phrase::{lexicon_key, PhraseIndex, PhraseMatch};
use syntax::{attributes, forms, is_valid_date, records, Record};
pub use syntax::{LexiconError, SourceLine};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// What an actor entry names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorKind {
    Country,
    Capital,
    Demonym,
    Sector,
    Org,
    Person,
}

impl ActorKind {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "country" => Self::Country,
            "capital" => Self::Capital,
            "demonym" => Self::Demonym,
            "sector" => Self::Sector,
            "org" => Self::Org,
            "person" => Self::Person,
            _ => return None,
        })
    }
}

/// One actor lexicon entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    pub kind: ActorKind,
    /// Country or non-state code; `None` for sector terms.
    pub code: Option<String>,
    /// Sector codes, primary first.
    pub sectors: Vec<String>,
    /// Canonical English name (PLOVER `identifier_text`).
    pub name: Option<String>,
    /// Wikidata id (PLOVER `identifier_id`).
    pub wikidata: Option<String>,
    /// Office held (persons).
    pub role: Option<String>,
    /// Dates bounding the role, YYYY-MM-DD.
    pub from: Option<String>,
    pub to: Option<String>,
    /// For a person: the organisation (by its `name`) the person speaks or acts for; the
    /// person is then coded as that organisation (PLOVER codes a spokesman as his group).
    pub org: Option<u32>,
    pub at: SourceLine,
}

impl Actor {
    /// True when the role (and so the sector) applies on `date`.
    pub fn role_applies(&self, date: &str) -> bool {
        self.from.as_deref().is_none_or(|f| f <= date)
            && self.to.as_deref().is_none_or(|t| date <= t)
    }
}

/// Whether a trigger is a conjugated verb or a noun form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TriggerKind {
    Verb,
    Noun,
}

/// One event trigger entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Trigger {
    /// PLOVER category.
    pub event: &'static str,
    pub mode: Option<String>,
    pub kind: TriggerKind,
    /// The recipient may be the direct object (verbs) or the genitive (nouns).
    pub recipient_object: bool,
    /// Prepositions (normalised) that introduce the recipient.
    pub recipient_preps: Vec<String>,
    /// The grammatical subject undergoes the event (تعرض لهجوم).
    pub subject_is_recipient: bool,
    /// The noun's genitive complement is the recipient (اغتيال القائد).
    pub genitive_is_recipient: bool,
    /// The undiacritised verb is often read as a passive (قتل 5 جنود).
    pub passive_likely: bool,
    pub context: Vec<String>,
    pub score: f32,
    pub quad: u8,
    /// The form as written in the lexicon (first form of the line), for explanations.
    pub lemma: String,
    /// The lemma itself begins with ال (التقى، التزم): its matches strip an "article"
    /// that belongs to the verb.
    pub lemma_has_article: bool,
    pub at: SourceLine,
}

/// What a cue signals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CueKind {
    Negation,
    Hypothetical,
    Future,
    Historical,
    Report,
    Denial,
    Modal,
    /// A fixed expression that contains a cue word but is no cue (لا سيما، لا بد): as the
    /// longest match it keeps the shorter cue from firing.
    Neutral,
    /// A condition attached to a commitment that is itself made (بشرط، شريطة، مقابل أن):
    /// the event stays factual and carries the condition.
    Proviso,
}

impl CueKind {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "negation" => Self::Negation,
            "hypothetical" => Self::Hypothetical,
            "future" => Self::Future,
            "historical" => Self::Historical,
            "report" => Self::Report,
            "denial" => Self::Denial,
            "modal" => Self::Modal,
            "proviso" => Self::Proviso,
            "none" => Self::Neutral,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Negation => "negation",
            Self::Hypothetical => "hypothetical",
            Self::Future => "future",
            Self::Historical => "historical",
            Self::Report => "report",
            Self::Denial => "denial",
            Self::Modal => "modal",
            Self::Proviso => "proviso",
            Self::Neutral => "none",
        }
    }
}

/// One cue entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Cue {
    pub kind: CueKind,
    /// The cue follows the trigger it affects (default: precedes it).
    pub after: bool,
    /// How many words away from the trigger the cue may stand.
    pub window: u8,
    pub lemma: String,
    pub at: SourceLine,
}

/// All problems found while loading, each with file and line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconErrors(pub Vec<LexiconError>);

impl fmt::Display for LexiconErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LexiconErrors {}

/// The loaded lexicon.
#[derive(Debug, Default, Clone)]
pub struct Lexicon {
    pub actors: Vec<Actor>,
    pub actor_index: PhraseIndex,
    pub triggers: Vec<Trigger>,
    pub trigger_index: PhraseIndex,
    pub cues: Vec<Cue>,
    pub cue_index: PhraseIndex,
    /// Learned event filters (`model/*.txt`), at most one per category.
    pub models: Vec<EventModel>,
    /// Number of files read.
    pub files: usize,
    /// `org=` references waiting for all files to be read.
    pending_orgs: Vec<(u32, String, SourceLine)>,
    /// Where each trigger form was first listed, by category, kind and normalised form,
    /// while loading: a form listed twice for one category is an error.
    trigger_forms: rustc_hash::FxHashMap<(&'static str, bool, String), SourceLine>,
}

const ACTOR_ATTRS: &[&str] = &["name", "wikidata", "role", "from", "to", "org", "note"];
const TRIGGER_ATTRS: &[&str] = &[
    "recipient",
    "subject",
    "genitive",
    "passive",
    "gap",
    "context",
    "score",
    "quad",
    "note",
];
const CUE_ATTRS: &[&str] = &["scope", "window", "note"];

fn words(form: &str) -> Vec<String> {
    normalize(form)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

impl Lexicon {
    /// The learned filter for `category`, if any.
    pub fn model(&self, category: &str) -> Option<&EventModel> {
        self.models.iter().find(|m| m.category == category)
    }

    /// The lexicon compiled into the binary from the repository's `lexicon/` folder.
    pub fn embedded() -> Result<Lexicon, LexiconErrors> {
        let files: Vec<(String, String)> = embedded::EMBEDDED
            .iter()
            .map(|(p, t)| (format!("lexicon/{p}"), t.to_string()))
            .collect();
        Self::from_files(&files)
    }

    /// Loads every `*.txt` file under `dir` (recursively, in sorted order). Files under
    /// `actors/`, `events/` and `cues/` are read as their kind; others are an error.
    pub fn load_dir(dir: &Path) -> Result<Lexicon, LexiconErrors> {
        let mut paths = Vec::new();
        collect(dir, &mut paths).map_err(|e| {
            LexiconErrors(vec![LexiconError {
                file: dir.display().to_string(),
                line: 0,
                message: e.to_string(),
            }])
        })?;
        paths.sort();
        let mut files = Vec::new();
        let mut errors = Vec::new();
        for p in paths {
            let shown = p.display().to_string();
            match std::fs::read(&p) {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(t) => files.push((shown, t)),
                    Err(e) => errors.push(LexiconError {
                        file: shown,
                        line: 0,
                        message: format!("not UTF-8 (byte {})", e.utf8_error().valid_up_to()),
                    }),
                },
                Err(e) => errors.push(LexiconError {
                    file: shown,
                    line: 0,
                    message: e.to_string(),
                }),
            }
        }
        if files.is_empty() && errors.is_empty() {
            errors.push(LexiconError {
                file: dir.display().to_string(),
                line: 0,
                message: "no lexicon files (*.txt under actors/, events/, cues/)".into(),
            });
        }
        if !errors.is_empty() {
            return Err(LexiconErrors(errors));
        }
        Self::from_files(&files)
    }

    /// Builds a lexicon from `(path, contents)` pairs; the path decides the kind.
    pub fn from_files(files: &[(String, String)]) -> Result<Lexicon, LexiconErrors> {
        let mut lex = Lexicon::default();
        let mut errors = Vec::new();
        for (path, text) in files {
            let norm_path = path.replace('\\', "/");
            let result = if norm_path.contains("actors/") {
                lex.load_actors(path, text)
            } else if norm_path.contains("events/") {
                lex.load_triggers(path, text)
            } else if norm_path.contains("cues/") {
                lex.load_cues(path, text)
            } else if norm_path.contains("model/") {
                EventModel::parse(path, text)
                    .map(|m| lex.models.push(m))
                    .map_err(|e| vec![e])
            } else {
                Err(vec![LexiconError {
                    file: path.clone(),
                    line: 0,
                    message: "lexicon files must be under actors/, events/, cues/ or model/".into(),
                }])
            };
            lex.files += 1;
            if let Err(mut e) = result {
                errors.append(&mut e);
            }
        }
        for (i, m) in lex.models.iter().enumerate() {
            if lex.models[..i].iter().any(|o| o.category == m.category) {
                errors.push(LexiconError {
                    file: m.at.file.clone(),
                    line: 0,
                    message: format!("a second model for {}", m.category),
                });
            }
        }
        for (id, name, at) in std::mem::take(&mut lex.pending_orgs) {
            let org = lex
                .actors
                .iter()
                .position(|a| a.kind == ActorKind::Org && a.name.as_deref() == Some(name.as_str()));
            match org {
                Some(o) => lex.actors[id as usize].org = Some(o as u32),
                None => errors.push(LexiconError {
                    file: at.file,
                    line: at.line,
                    message: format!("org '{name}' is not the name of any org entry"),
                }),
            }
        }
        if !errors.is_empty() {
            return Err(LexiconErrors(errors));
        }
        lex.trigger_forms = Default::default();
        lex.actor_index.finish();
        lex.trigger_index.finish();
        lex.cue_index.finish();
        Ok(lex)
    }

    fn load_actors(&mut self, file: &str, text: &str) -> Result<(), Vec<LexiconError>> {
        let recs = records(file, text, 5).map_err(|e| vec![e])?;
        let mut errors = Vec::new();
        for rec in &recs {
            if let Err(e) = self.actor_record(rec) {
                errors.push(e);
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    fn actor_record(&mut self, rec: &Record) -> Result<(), LexiconError> {
        let f = &rec.fields;
        let kind = ActorKind::parse(f[0]).ok_or_else(|| {
            rec.error(format!(
                "unknown actor kind '{}' (country, capital, demonym, sector, org, person)",
                f[0]
            ))
        })?;
        let code = match f[1] {
            "-" | "" => None,
            c if c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()) => Some(c.to_string()),
            c => {
                return Err(rec.error(format!(
                    "code '{c}' is not a 3-letter upper-case code or '-'"
                )))
            }
        };
        if kind != ActorKind::Sector
            && code.is_none()
            && matches!(
                kind,
                ActorKind::Country | ActorKind::Capital | ActorKind::Demonym
            )
        {
            return Err(rec.error(format!("a {} entry needs a country code", f[0])));
        }
        let mut sectors = Vec::new();
        if !matches!(f[2], "-" | "") {
            for s in f[2].split(',').map(str::trim) {
                if !plover::SECTORS.contains(&s) {
                    return Err(rec.error(format!("unknown sector '{s}'")));
                }
                sectors.push(s.to_string());
            }
        }
        if kind == ActorKind::Sector && sectors.is_empty() {
            return Err(rec.error("a sector entry needs a sector code"));
        }
        let mut actor = Actor {
            kind,
            code,
            sectors,
            name: None,
            wikidata: None,
            role: None,
            from: None,
            to: None,
            org: None,
            at: rec.at.clone(),
        };
        let mut org_name = None;
        for (k, v) in attributes(rec, f[4], ACTOR_ATTRS)? {
            match k {
                "name" => actor.name = Some(v.to_string()),
                "wikidata" => {
                    if !(v.starts_with('Q')
                        && v.len() > 1
                        && v[1..].bytes().all(|b| b.is_ascii_digit()))
                    {
                        return Err(
                            rec.error(format!("wikidata id '{v}' is not Q followed by digits"))
                        );
                    }
                    actor.wikidata = Some(v.to_string())
                }
                "role" => actor.role = Some(v.to_string()),
                "org" => {
                    if kind != ActorKind::Person {
                        return Err(rec.error("only a person entry may name an org"));
                    }
                    org_name = Some(v.to_string())
                }
                "from" | "to" => {
                    if !is_valid_date(v) {
                        return Err(
                            rec.error(format!("{k} date '{v}' is not a valid YYYY-MM-DD date"))
                        );
                    }
                    if k == "from" {
                        actor.from = Some(v.to_string())
                    } else {
                        actor.to = Some(v.to_string())
                    }
                }
                _ => {}
            }
        }
        let id = self.actors.len() as u32;
        let mut n_forms = 0;
        for form in forms(rec, f[3])? {
            let mut variants = if kind == ActorKind::Demonym {
                morph::nisba_forms(form)
            } else {
                vec![form.to_string()]
            };
            // Generic terms and nationalities also occur as indefinite accusatives
            // (قتل 11 مسلحا، جنديا عراقيا); names do not decline that way.
            if matches!(kind, ActorKind::Sector | ActorKind::Demonym) {
                variants.extend(morph::accusative_form(form));
            }
            for v in variants {
                let w = words(&v);
                if w.is_empty() {
                    return Err(rec.error(format!("form '{form}' has no letters")));
                }
                let refs: Vec<&str> = w.iter().map(String::as_str).collect();
                self.actor_index.insert(&refs, 0, id);
                n_forms += 1;
            }
        }
        if n_forms == 0 {
            return Err(rec.error("no forms"));
        }
        if let Some(o) = org_name {
            self.pending_orgs.push((id, o, rec.at.clone()));
        }
        self.actors.push(actor);
        Ok(())
    }

    fn load_triggers(&mut self, file: &str, text: &str) -> Result<(), Vec<LexiconError>> {
        let recs = records(file, text, 5).map_err(|e| vec![e])?;
        let mut errors = Vec::new();
        for rec in &recs {
            if let Err(e) = self.trigger_record(rec) {
                errors.push(e);
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    fn trigger_record(&mut self, rec: &Record) -> Result<(), LexiconError> {
        let f = &rec.fields;
        let event = *plover::CATEGORIES
            .iter()
            .find(|c| **c == f[0])
            .ok_or_else(|| rec.error(format!("unknown PLOVER category '{}'", f[0])))?;
        let mode = match f[1] {
            "-" | "" => None,
            m if plover::modes(event).contains(&m) => Some(m.to_string()),
            m => {
                return Err(rec.error(format!(
                    "'{m}' is not a mode of {event} (modes: {})",
                    plover::modes(event).join(", ")
                )))
            }
        };
        let kind = match f[2] {
            "verb" => TriggerKind::Verb,
            "noun" => TriggerKind::Noun,
            k => return Err(rec.error(format!("unknown trigger kind '{k}' (verb or noun)"))),
        };
        let mut t = Trigger {
            event,
            mode: mode.clone(),
            kind,
            recipient_object: kind == TriggerKind::Verb,
            recipient_preps: if kind == TriggerKind::Noun {
                vec![normalize("على"), normalize("ضد")]
            } else {
                vec![]
            },
            subject_is_recipient: false,
            genitive_is_recipient: false,
            passive_likely: false,
            context: Vec::new(),
            score: plover::score(event, mode.as_deref()),
            quad: plover::quad_code(event),
            lemma: String::new(),
            lemma_has_article: false,
            at: rec.at.clone(),
        };
        let mut gap = 3u8;
        for (k, v) in attributes(rec, f[4], TRIGGER_ATTRS)? {
            match k {
                "recipient" => {
                    t.recipient_object = false;
                    t.recipient_preps.clear();
                    for p in v.split([',', '،']).map(str::trim).filter(|p| !p.is_empty()) {
                        if p == "object" {
                            t.recipient_object = true;
                        } else if p == "none" {
                        } else {
                            t.recipient_preps.push(normalize(p));
                        }
                    }
                }
                "subject" => match v {
                    "actor" => t.subject_is_recipient = false,
                    "recipient" => t.subject_is_recipient = true,
                    _ => {
                        return Err(
                            rec.error(format!("subject must be actor or recipient, not '{v}'"))
                        )
                    }
                },
                "genitive" => match v {
                    "actor" => t.genitive_is_recipient = false,
                    "recipient" => t.genitive_is_recipient = true,
                    _ => {
                        return Err(
                            rec.error(format!("genitive must be actor or recipient, not '{v}'"))
                        )
                    }
                },
                "passive" => match v {
                    "likely" => t.passive_likely = true,
                    "no" => t.passive_likely = false,
                    _ => return Err(rec.error(format!("passive must be likely or no, not '{v}'"))),
                },
                "gap" => {
                    gap = v
                        .parse()
                        .ok()
                        .filter(|g| *g <= 12)
                        .ok_or_else(|| rec.error(format!("gap '{v}' is not 0-12")))?
                }
                "context" => {
                    for c in v.split(',').map(str::trim) {
                        if !plover::CONTEXTS.contains(&c) {
                            return Err(rec.error(format!("unknown PLOVER context '{c}'")));
                        }
                        t.context.push(c.to_string());
                    }
                }
                "score" => {
                    t.score = v
                        .parse()
                        .ok()
                        .filter(|s: &f32| (-10.0..=10.0).contains(s))
                        .ok_or_else(|| {
                            rec.error(format!("score '{v}' is not a number in -10..10"))
                        })?
                }
                "quad" => {
                    t.quad = v
                        .parse()
                        .ok()
                        .filter(|q| (1..=4).contains(q))
                        .ok_or_else(|| rec.error(format!("quad '{v}' is not 1-4")))?
                }
                _ => {}
            }
        }
        let id = self.triggers.len() as u32;
        let all = forms(rec, f[3])?;
        for form in &all {
            let key = (event, kind == TriggerKind::Verb, normalize(form));
            if let Some(first) = self.trigger_forms.get(&key) {
                return Err(rec.error(format!(
                    "{event} {} '{form}' is already listed at {}:{}",
                    f[2], first.file, first.line
                )));
            }
            self.trigger_forms.insert(key, rec.at.clone());
        }
        t.lemma = all[0].to_string();
        t.lemma_has_article = normalize(all[0]).starts_with("ال");
        for form in all {
            for (phrase, tag) in expand_form(rec, kind, form)? {
                let refs: Vec<&str> = phrase.iter().map(String::as_str).collect();
                let gap = if kind == TriggerKind::Verb { gap } else { 0 };
                self.trigger_index.insert_tagged(&refs, gap, id, tag);
            }
        }
        self.triggers.push(t);
        Ok(())
    }

    fn load_cues(&mut self, file: &str, text: &str) -> Result<(), Vec<LexiconError>> {
        let recs = records(file, text, 4).map_err(|e| vec![e])?;
        let mut errors = Vec::new();
        for rec in &recs {
            if let Err(e) = self.cue_record(rec) {
                errors.push(e);
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    fn cue_record(&mut self, rec: &Record) -> Result<(), LexiconError> {
        let f = &rec.fields;
        let kind = CueKind::parse(f[0]).ok_or_else(|| {
            rec.error(format!(
                "unknown cue '{}' (negation, hypothetical, proviso, future, historical, report, denial, modal, none)",
                f[0]
            ))
        })?;
        let tkind = match f[1] {
            "word" => TriggerKind::Noun,
            "verb" => TriggerKind::Verb,
            k => return Err(rec.error(format!("unknown cue kind '{k}' (word or verb)"))),
        };
        let mut cue = Cue {
            kind,
            after: false,
            window: 4,
            lemma: String::new(),
            at: rec.at.clone(),
        };
        for (k, v) in attributes(rec, f[3], CUE_ATTRS)? {
            match k {
                "scope" => match v {
                    "before" => cue.after = false,
                    "after" => cue.after = true,
                    _ => return Err(rec.error(format!("scope must be before or after, not '{v}'"))),
                },
                "window" => {
                    cue.window = v
                        .parse()
                        .ok()
                        .filter(|w| *w <= 30)
                        .ok_or_else(|| rec.error(format!("window '{v}' is not 0-30")))?
                }
                _ => {}
            }
        }
        let id = self.cues.len() as u32;
        let all = forms(rec, f[2])?;
        cue.lemma = all[0].to_string();
        for form in all {
            for (phrase, tag) in expand_form(rec, tkind, form)? {
                let refs: Vec<&str> = phrase.iter().map(String::as_str).collect();
                let gap = if tkind == TriggerKind::Verb { 2 } else { 0 };
                self.cue_index.insert_tagged(&refs, gap, id, tag);
            }
        }
        self.cues.push(cue);
        Ok(())
    }
}

/// Expands one form into normalised word sequences with their tense tags
/// ([`morph::PAST`] | [`morph::PRESENT`], 0 for nouns): a verb's conjugations followed by
/// its fixed words, or the noun form itself.
fn expand_form(
    rec: &Record,
    kind: TriggerKind,
    form: &str,
) -> Result<Vec<(Vec<String>, u8)>, LexiconError> {
    match kind {
        TriggerKind::Noun => {
            if form.contains('/') {
                return Err(rec.error(format!("noun form '{form}' contains '/': is it a verb?")));
            }
            let w = words(form);
            if w.is_empty() {
                return Err(rec.error(format!("form '{form}' has no letters")));
            }
            Ok(vec![(w, 0)])
        }
        TriggerKind::Verb => {
            let mut parts = form.split_whitespace();
            let spec = parts.next().unwrap_or("");
            let rest: Vec<String> = parts.flat_map(words).collect();
            let conj = morph::conjugate_tagged(spec).map_err(|e| rec.error(e))?;
            Ok(conj
                .into_iter()
                .map(|(v, tag)| {
                    let mut w = words(&v);
                    w.extend(rest.iter().cloned());
                    (w, tag)
                })
                .collect())
        }
    }
}

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) -> std::io::Result<()> {
    for e in std::fs::read_dir(dir)? {
        let p = e?.path();
        if p.is_dir() {
            collect(&p, out)?;
        } else if p.extension().is_some_and(|e| e == "txt") {
            out.push(p);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex(files: &[(&str, &str)]) -> Result<Lexicon, LexiconErrors> {
        let v: Vec<(String, String)> = files
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        Lexicon::from_files(&v)
    }

    #[test]
    fn loads_all_three_kinds() {
        let l = lex(&[
            ("actors/a.txt", "country | IRQ | - | العراق | name=Iraq; wikidata=Q796\ndemonym | IRQ | - | عراقي |\n"),
            ("events/e.txt", "ASSAULT | firearms | verb | أطلق/يطلق النار | recipient=على\n"),
            ("cues/c.txt", "negation | word | لم، لن |\n"),
        ])
        .unwrap();
        assert_eq!(l.actors.len(), 2);
        assert_eq!(l.triggers[0].recipient_preps, vec![normalize("على")]);
        assert!(l.trigger_index.len() > 20, "conjugations generated");
        assert_eq!(l.cue_index.len(), 2);
        assert!(l.actor_index.len() >= 8, "nisba forms generated");
    }

    #[test]
    fn errors_name_file_and_line_and_are_all_reported() {
        let e = lex(&[
            (
                "actors/a.txt",
                "# c\ncountry | IRQ | - | العراق |\ncountry | iraq | - | العراق |\n",
            ),
            (
                "events/e.txt",
                "ASSAULT | shooting | verb | قتل/يقتل |\nATTACK | - | noun | هجوم |\n",
            ),
        ])
        .err()
        .unwrap();
        let s = e.to_string();
        assert!(s.contains("actors/a.txt:3: code 'iraq'"), "{s}");
        assert!(
            s.contains("events/e.txt:1: 'shooting' is not a mode of ASSAULT"),
            "{s}"
        );
        assert!(
            s.contains("events/e.txt:2: unknown PLOVER category 'ATTACK'"),
            "{s}"
        );
    }

    #[test]
    fn a_trigger_form_listed_twice_for_one_category_is_an_error() {
        let e = lex(&[
            ("events/a.txt", "ASSAULT | - | noun | هجوم، اعتداء |\n"),
            (
                "events/b.txt",
                "ASSAULT | firearms | noun | إطلاق نار |\nASSAULT | - | noun | الاعتداء، اعتداء |\n",
            ),
        ])
        .err()
        .unwrap();
        let s = e.to_string();
        assert!(
            s.contains("events/b.txt:2: ASSAULT noun 'اعتداء' is already listed at events/a.txt:1"),
            "{s}"
        );
        // The same form in another category, or as a verb and a noun, is no duplicate.
        lex(&[
            ("events/a.txt", "ASSAULT | - | noun | هجوم |\n"),
            ("events/b.txt", "THREATEN | - | noun | هجوم |\n"),
        ])
        .unwrap();
    }

    #[test]
    fn bad_verb_spec_is_reported() {
        let e = lex(&[("events/e.txt", "ASSAULT | - | verb | قتل |\n")])
            .err()
            .unwrap();
        assert!(e.to_string().contains("events/e.txt:1: verb"));
    }

    #[test]
    fn embedded_lexicon_loads() {
        let l = Lexicon::embedded().unwrap_or_else(|e| panic!("embedded lexicon invalid:\n{e}"));
        assert!(l.files > 0);
    }

    #[test]
    fn person_org_links_by_name() {
        let l = lex(&[(
            "actors/p.txt",
            "org | IRQ | PRM | كتائب حزب الله | name=Kataib Hezbollah\nperson | IRQ | PRM | أبو علي العسكري | org=Kataib Hezbollah\n",
        )])
        .unwrap();
        assert_eq!(l.actors[1].org, Some(0));
        let e = lex(&[("actors/p.txt", "person | IRQ | PRM | فلان | org=Nobody\n")])
            .err()
            .unwrap();
        assert!(e.to_string().contains("actors/p.txt:1: org 'Nobody'"));
    }

    #[test]
    fn role_dates() {
        let l = lex(&[(
            "actors/p.txt",
            "person | IRQ | GOV | مصطفى الكاظمي | from=2020-05-07; to=2022-10-27\n",
        )])
        .unwrap();
        assert!(l.actors[0].role_applies("2020-10-11"));
        assert!(!l.actors[0].role_applies("2019-01-01"));
    }
}
