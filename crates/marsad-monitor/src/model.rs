//! What the monitor derives: commitments, their status histories and alerts.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Everything [`derive`](crate::derive) computes from a set of events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct MonitorState {
    /// The latest event date seen (the state is "as of" this date); `None` when no event.
    pub as_of: Option<String>,
    /// Commitments, oldest first (by start date, then id).
    pub commitments: Vec<Commitment>,
    /// Status changes and possible violations, newest first.
    pub alerts: Vec<Alert>,
}

/// What kind of commitment a text announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommitmentKind {
    /// A truce, ceasefire, calm (تهدئة) or suspension of attacks (تعليق الهجمات).
    Truce,
    /// A deadline given to a party (مهلة، إنذار نهائي، أمهل).
    Ultimatum,
    /// A conditional threat (سنفعل كذا إذا / في حال / بشرط ...).
    Threat,
}

impl CommitmentKind {
    /// The lower-case name used in tables and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            CommitmentKind::Truce => "truce",
            CommitmentKind::Ultimatum => "ultimatum",
            CommitmentKind::Threat => "threat",
        }
    }
}

impl fmt::Display for CommitmentKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Status of a commitment. `announced` comes first, `in_force` when it takes effect;
/// `strained` after a possible violation or a met voiding trigger; `broken`, `expired`,
/// `withdrawn` and `fulfilled` are final.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Announced, not yet in effect.
    Announced,
    /// In effect, no unresolved sign of trouble.
    InForce,
    /// In effect, but possibly violated, or a voiding trigger was met.
    Strained,
    /// A committed party violated it (attributed attack on the protected side).
    Broken,
    /// Its deadline or term passed (an ultimatum, or a truce that was strained at the end
    /// of its term).
    Expired,
    /// The committing side ended it (إنهاء الهدنة، استئناف الهجمات ...).
    Withdrawn,
    /// A truce with a term that reached its end in force.
    Fulfilled,
}

impl Status {
    /// The snake-case name used in JSON and the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Announced => "announced",
            Status::InForce => "in_force",
            Status::Strained => "strained",
            Status::Broken => "broken",
            Status::Expired => "expired",
            Status::Withdrawn => "withdrawn",
            Status::Fulfilled => "fulfilled",
        }
    }

    /// Parses [`Status::as_str`] names (and `in force` with a space).
    pub fn parse(s: &str) -> Option<Status> {
        Some(
            match s
                .trim()
                .to_ascii_lowercase()
                .replace([' ', '-'], "_")
                .as_str()
            {
                "announced" => Status::Announced,
                "in_force" => Status::InForce,
                "strained" => Status::Strained,
                "broken" => Status::Broken,
                "expired" => Status::Expired,
                "withdrawn" => Status::Withdrawn,
                "fulfilled" => Status::Fulfilled,
                _ => return None,
            },
        )
    }

    /// True while the commitment is still in effect (in force or strained).
    pub fn is_live(self) -> bool {
        matches!(self, Status::Announced | Status::InForce | Status::Strained)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.as_str().replace('_', " "))
    }
}

/// How sure a match between an event and a commitment is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Certainty {
    /// The event names (or a claim of responsibility names) a committed party.
    Certain,
    /// The event fits the pattern but its perpetrator is unnamed, unclaimed, or only
    /// possibly one of the committed parties (an unnamed faction under the allied-factions
    /// rule).
    Possible,
}

impl Certainty {
    /// The snake-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Certainty::Certain => "certain",
            Certainty::Possible => "possible",
        }
    }
}

/// A party to a commitment: a coded entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Party {
    /// Country or non-state code (IRQ, USA, IGO ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Primary sector (PRM, MIL, GOV ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<String>,
    /// Further sectors.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_sectors: Vec<String>,
    /// PLOVER `identifier_text`: a canonical name (Kataib Hezbollah) or, for a generic
    /// term, its gloss (forces, armed factions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The words of the text that name it.
    pub text: String,
    /// True when `name` identifies one organisation, person or country (an `org`,
    /// `person` or `country` lexicon entry); false for generic terms (القوات العراقية),
    /// which are matched by code and sector instead.
    pub named: bool,
    /// Where the party was found: `actor`, `recipient`, `speaker` (the announcing
    /// speaker), `agree` (the actor of an agreement in the same sentence), `threat`,
    /// `condition`, `claim` or `text` (a mention in the sentence).
    pub via: String,
}

/// An announcing (or later) statement: one coded event with the sentence that supports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Statement {
    /// The event id.
    pub event_id: String,
    /// The document id.
    pub doc_id: String,
    /// The event date.
    pub date: String,
    /// PLOVER categories of the event.
    pub event: Vec<String>,
    /// Trigger words.
    pub trigger: String,
    /// Character offsets of the (first) trigger in the document.
    pub trigger_start: u32,
    /// One past the trigger's end.
    pub trigger_end: u32,
    /// The sentence, verbatim.
    pub sentence: String,
    /// Character offsets of the sentence in the document.
    pub start: u32,
    /// One past the sentence end.
    pub end: u32,
    /// Who said it (the attributed speaker's identifier or words), when reported speech.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
}

/// What is committed to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Undertaking {
    /// A short English summary, e.g. "suspend rocket attacks on forces (USA MIL)".
    pub summary: String,
    /// The Arabic words that say it, e.g. تعليق هجماتها الصاروخية على القوات الأميركية.
    pub text: String,
    /// Character offsets of `text` in the announcing document.
    pub start: u32,
    /// One past the end.
    pub end: u32,
}

/// A condition attached to a commitment (a proviso: بشرط أن ...; or the condition of a
/// threat: إذا / في حال ...).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct CommitmentCondition {
    /// The cue as written (بشرط أن، إذا، في حال ...).
    pub cue: String,
    /// The condition clause as written.
    pub text: String,
    /// Document and offsets of the clause.
    pub doc_id: String,
    /// Start offset.
    pub start: u32,
    /// End offset.
    pub end: u32,
    /// The event that carried it.
    pub event_id: String,
    /// Parties the clause names (e.g. the Iraqi government).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<Party>,
}

/// A trigger that, by the committing side's own word, voids the commitment ("we will
/// blow up the agreement if the PMF is targeted, by anyone, including Iraqi forces").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct VoidingTrigger {
    /// The condition cue (في حال، إذا ...).
    pub cue: String,
    /// The condition clause, extended over an inclusive continuation (من بينها ...)
    /// that the coder's clause leaves out.
    pub text: String,
    /// Document offsets of `text`.
    pub start: u32,
    /// End offset.
    pub end: u32,
    /// A short English summary.
    pub summary: String,
    /// The parties whose being attacked meets the trigger.
    pub targets: Vec<Party>,
    /// The clause extends the protection to the targets' allies or followers (وأتباعها،
    /// وحلفاؤها، والفصائل الموالية لها): any armed faction (PRM/REB) of the targets'
    /// countries counts as a target.
    pub includes_allies: bool,
    /// The attackers the clause names (من قبل القوات العراقية، من بينها ...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub by: Vec<Party>,
    /// An attack by anyone meets the trigger (من أي جهة كانت، أو غيرها).
    pub any_attacker: bool,
    /// The threat that set the trigger.
    pub statement: Statement,
    /// The first event that met the trigger, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub met: Option<TriggerMet>,
}

/// When and how a voiding trigger was met.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct TriggerMet {
    /// Date of the event.
    pub date: String,
    /// The event id.
    pub event_id: String,
    /// Why the event meets the trigger.
    pub reason: String,
}

/// A deadline or term.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Deadline {
    /// The words that state it (مهلة 30 يوما، مهلة مفتوحة، لمدة 72 ساعة).
    pub text: String,
    /// The date it falls on, when the text gives a duration or date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Explicitly open-ended (مهلة مفتوحة، حتى إشعار آخر، لا توجد مهلة محددة).
    pub open: bool,
    /// What it bounds: `term` (the commitment lapses then: a truce's duration, an
    /// ultimatum's deadline) or `condition` (time given to meet the commitment's
    /// condition; informative only).
    pub applies_to: String,
    /// The event that stated it.
    pub event_id: String,
}

/// Kinds of steps in a commitment's history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepKind {
    /// The announcement.
    Announced,
    /// The commitment takes effect.
    InForce,
    /// A later statement by the committing side reaffirms it.
    Reaffirmed,
    /// A later statement extends it.
    Extended,
    /// An attack that fits the pattern but is unattributed or only possibly by a party.
    PossibleViolation,
    /// An attributed attack by a committed party on the protected side.
    Violation,
    /// An event meets a voiding trigger.
    TriggerMet,
    /// A later statement adds a voiding trigger.
    TriggerAdded,
    /// The committing side ends it or resumes attacks.
    Withdrawn,
    /// A statement that possibly ends it (the speaker is only possibly a committed party).
    PossibleWithdrawal,
    /// The deadline or term passed.
    Expired,
    /// The term ended with the commitment in force.
    Fulfilled,
}

impl StepKind {
    /// The snake-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            StepKind::Announced => "announced",
            StepKind::InForce => "in_force",
            StepKind::Reaffirmed => "reaffirmed",
            StepKind::Extended => "extended",
            StepKind::PossibleViolation => "possible_violation",
            StepKind::Violation => "violation",
            StepKind::TriggerMet => "trigger_met",
            StepKind::TriggerAdded => "trigger_added",
            StepKind::Withdrawn => "withdrawn",
            StepKind::PossibleWithdrawal => "possible_withdrawal",
            StepKind::Expired => "expired",
            StepKind::Fulfilled => "fulfilled",
        }
    }
}

impl fmt::Display for StepKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.as_str().replace('_', " "))
    }
}

/// One step of a commitment's status history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    /// 0-based position in the history.
    pub seq: u32,
    /// Date of the step (the event's date, or the deadline for expiries).
    pub date: String,
    /// What happened.
    pub kind: StepKind,
    /// Status before the step.
    pub from: Status,
    /// Status after the step.
    pub status: Status,
    /// How sure the link between the event and the commitment is.
    pub certainty: Certainty,
    /// A one-line reason.
    pub reason: String,
    /// The event that caused the step (none for expiries).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Statement>,
}

/// An event linked to a commitment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkedEvent {
    /// The event id.
    pub event_id: String,
    /// Its document.
    pub doc_id: String,
    /// Its date.
    pub date: String,
    /// Its role: `announcement`, `agreement`, `threat`, `deadline`, `reaffirmation`,
    /// `extension`, `violation`, `possible_violation`, `trigger_met`, `withdrawal`,
    /// `possible_withdrawal`.
    pub role: String,
}

/// A commitment announced by a text, with its status history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Commitment {
    /// Deterministic id: kind prefix (`tr-`, `ul-`, `th-`) and a hash of the announcing
    /// document and event.
    pub id: String,
    /// Truce, ultimatum or threat.
    pub kind: CommitmentKind,
    /// Current status (the last step's).
    pub status: Status,
    /// Date of the announcement (start date).
    pub start_date: String,
    /// The announcing document.
    pub doc_id: String,
    /// The side that commits (truce), threatens (threat) or sets the deadline
    /// (ultimatum).
    pub committing: Vec<Party>,
    /// The side the commitment concerns: protected by a truce, threatened, or given the
    /// deadline.
    pub concerned: Vec<Party>,
    /// A mutual truce between the committing parties (no separate concerned side).
    pub mutual: bool,
    /// The allied-factions rule applies: the committing side holds an armed faction
    /// (PRM/REB), so unnamed factions of the same countries are possible parties.
    pub covers_allied_factions: bool,
    /// What is committed.
    pub undertaking: Undertaking,
    /// Conditions attached.
    pub conditions: Vec<CommitmentCondition>,
    /// Triggers that void it, by the committing side's word.
    pub voiding_triggers: Vec<VoidingTrigger>,
    /// Deadline or term, when stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<Deadline>,
    /// The announcing statements (several when the text repeats the announcement).
    pub statements: Vec<Statement>,
    /// Status history, oldest first.
    pub history: Vec<Step>,
    /// Every event linked to the commitment, in date order.
    pub events: Vec<LinkedEvent>,
}

/// A status change or possible violation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alert {
    /// `<commitment id>#<step>`.
    pub id: String,
    /// Date of the step.
    pub date: String,
    /// The commitment.
    pub commitment_id: String,
    /// Its kind.
    pub commitment_kind: CommitmentKind,
    /// What happened.
    pub kind: StepKind,
    /// Status before.
    pub from: Status,
    /// Status after.
    pub status: Status,
    /// How sure the link is.
    pub certainty: Certainty,
    /// A one-line reason.
    pub reason: String,
    /// The event that caused it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// Its document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_id: Option<String>,
}
