//! The PLOVER event record that marsad emits, with marsad's documented extensions.
//!
//! Field names follow the PLOVER manual's "Data Fields" chapter (`id`, `date`, `event`,
//! `actor`, `recipient`, `mode`, `context`, `event_text`, `event_scale`, `quad_code`,
//! `text`, `text_info`, `cite_info`). The extensions (`aux_mode`, `condition`,
//! `attribution`, `evidence`) carry what PLOVER describes but no coder has emitted:
//! auxiliary modes, the condition an event hangs on, who said it, and the exact words
//! that support each part of the record. All offsets count Unicode scalar values in the
//! *original* document text, so `text[start:end]` in Python reproduces the span.

use serde::{Deserialize, Serialize};

/// One coded event, serialised as one JSON line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Event {
    /// Deterministic id: a hash of the document id, sentence number, category and trigger
    /// offsets, so recoding the same input yields the same ids.
    pub id: String,
    /// Event date, YYYY-MM-DD: resolved from the text (أمس، الثلاثاء الماضي، 15 يناير)
    /// when it says when, else the story date.
    pub date: String,
    /// Extension: how precise `date` is: `day`, `week`, `month` or `year`; `story` when
    /// the text gives no date and the story date is used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_precision: Option<String>,
    /// Extension: the date of the story the event was coded from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub story_date: Option<String>,
    /// PLOVER categories, e.g. `["ASSAULT"]`.
    pub event: Vec<String>,
    /// Entities that initiated the event.
    pub actor: Vec<Entity>,
    /// Entities the event is directed at (may be empty).
    pub recipient: Vec<Entity>,
    /// PLOVER modes of the category, e.g. `["firearms"]`.
    pub mode: Vec<String>,
    /// PLOVER contexts, e.g. `["military"]`.
    pub context: Vec<String>,
    /// The trigger words as they appear in the text.
    pub event_text: Vec<String>,
    /// PLOVER conflict/cooperation score of the category and mode.
    pub event_scale: f32,
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_code: u8,
    /// The sentence the event was coded from, verbatim.
    pub text: String,
    pub text_info: TextInfo,
    pub cite_info: CiteInfo,
    /// PLOVER `event_loc`: where the event happened, when the text says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_loc: Option<Location>,
    /// PLOVER `size`: dead, injured and arrested counts stated in the sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<Size>,
    /// Extension: probability from the category's learned filter that the sentence reports
    /// an event of this category (only for categories with a model).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f32>,
    /// Extension: the learned filter scored the event under its threshold and it is no
    /// specific report, so the default output leaves it out (`--include-nonfactual` keeps
    /// it).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub low_confidence: bool,
    /// Extension: PLOVER auxiliary modes (`negation`, `hypothetical`, `future`, `historical`).
    #[serde(default)]
    pub aux_mode: Vec<String>,
    /// Extension: the condition the event depends on, when hypothetical.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<Condition>,
    /// Extension: the speaker when the event is reported speech.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<Attribution>,
    /// Extension: spans of the original text that support the record.
    #[serde(default)]
    pub evidence: Vec<Evidence>,
}

/// A PLOVER entity object (actor or recipient member).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Entity {
    /// Country ISO 3166 alpha-3 code, or a PLOVER non-state code (IGO, UNO, EUR, NGO, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Primary sector (GOV, MIL, REB, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<String>,
    /// Further sectors that apply (e.g. PRM for a militia that is also REB).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_sectors: Vec<String>,
    /// The words of the text that name the entity.
    pub entity_text: String,
    /// Wikidata id where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identifier_id: Option<String>,
    /// Canonical (English) name of the identified entity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identifier_text: Option<String>,
    /// Office or title (PLOVER `office`), e.g. the role of a person or the title that
    /// named the entity (المتحدث باسم).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office: Option<String>,
    /// Extension: `entity_text` is a short reference (الكتائب، المتحدث، القيادي، الحكومة)
    /// that the coder resolved to an entity named earlier in the same document; `code`,
    /// `sector` and the identifier are that entity's. Written only when true.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub resolved: bool,
    /// Extension: where `code` comes from when the words themselves name no country:
    /// `place` for a generic entity (الشرطة، مدنيين، جنود) placed in the country of the
    /// event's location (`event_loc`), or for the target of a protest or an attack that
    /// names none ([`Entity::inferred_from_place`]). Absent when the text names the country.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_from: Option<String>,
}

impl Entity {
    /// The text does not name this party: it is the state where a protest or an attack
    /// with no stated target took place, inferred from the event's place.
    pub fn inferred_from_place(&self) -> bool {
        self.code_from.as_deref() == Some("place") && self.sector.is_none()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct TextInfo {
    /// 0-based index of the sentence in the document.
    pub sequence: u32,
    /// Character offset of the sentence start in the document text.
    pub start: u32,
    /// Character offset one past the sentence end.
    pub end: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct CiteInfo {
    /// The document id.
    pub citation: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Publisher, from the document's `source` field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publication: Option<String>,
    /// ISO 639-1 language code: always `ar`.
    pub language: String,
    /// `marsad <version>`.
    pub coder: String,
    /// Codebook reference, e.g. `plover-marsad-0.1`.
    pub codebook: String,
}

/// A condition attached to a hypothetical event ("... بشرط أن تقدم الحكومة ...").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Condition {
    /// The cue that introduced it (إذا، في حال، بشرط ...), as written.
    pub cue: String,
    /// The condition clause, as written.
    pub text: String,
    /// Character offsets of the clause in the document.
    pub start: u32,
    pub end: u32,
}

/// The speaker of reported speech ("قال X إن ...").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribution {
    /// The reporting verb as written (قال، أعلن، أكد ...).
    pub verb: String,
    /// The speaker, when recognised.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<Entity>,
    /// Character offsets of the speaker's words (or of the verb when no speaker is found).
    pub start: u32,
    pub end: u32,
}

/// One span of evidence. `role` is `trigger`, `actor`, `recipient`, `condition`,
/// `attribution` or `aux_mode`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub role: String,
    pub text: String,
    pub start: u32,
    pub end: u32,
}

/// PLOVER location object: defined by the place layer (`marsad-geo`), re-exported here.
pub use marsad_geo::Location;

/// PLOVER size object: counts stated for the event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Size {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dead: Option<Count>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub injured: Option<Count>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arrested: Option<Count>,
}

/// A count with its qualifier, as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Count {
    /// The number (for vague quantities, the lower bound: عشرات = 20, مئات = 200).
    pub value: u64,
    /// `exact`, `at_least`, `about`, `more_than`, `less_than`, `up_to`, or `vague`
    /// (عشرات، مئات).
    pub qualifier: String,
    /// The words of the count.
    pub text: String,
    pub start: u32,
    pub end: u32,
}
