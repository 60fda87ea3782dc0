//! Truce and commitment monitor for marsad.
//!
//! Analysts want to know which truces and commitments are in force, between whom, on
//! what conditions, and which later events honour or break them. This crate reads the
//! coded PLOVER events of marsad and answers that.
//!
//! # What it recognises
//!
//! * **Truces** (kind `truce`): RETREAT events of mode `ceasefire` (هدنة، وقف إطلاق
//!   النار، تهدئة، تعليق الهجمات، علّق هجماته ...) whose preceding words announce,
//!   decide, agree, begin, extend or keep them (أعلن، قرر، اتفق، بدء، سريان، تمديد،
//!   ستواصل ...), and AGREE / CONCEDE events whose trigger is followed by such words;
//!   never when the truce is welcomed, requested, violated, refused or declared over
//!   nearby (رحب، دعا، طالب، خرق، انتهاك، رفض، انهيار، انتهاء ...), nor when negated,
//!   hypothetical or historical. The committing side is the event's actor (or, when the
//!   coder attached none, the ungoverned mention just before the trigger), the actors of
//!   agreements on it in the same sentence (اتفقت فيما بينها على تعليق هجماتها), and
//!   the announcing speaker when the actor is missing or only an unnamed group of
//!   factions; as a last resort the document's named armed-faction speaker or actor. A
//!   truce nobody is known to have made is dropped. The concerned (protected) side is
//!   the recipient, or the party after على / ضد / مع; with no such side and two or more
//!   identified parties, the truce is mutual. The proviso (بشرط أن ...) is kept as a
//!   condition; a term (لمدة 72 ساعة، حتى إشعار آخر) as the deadline. Several
//!   announcements of one truce in one document make one commitment.
//! * **Voiding triggers**: conditional THREATEN events of the same document by the same
//!   side (or by an unidentified speaker) that threaten the agreement itself (ستنسف
//!   الاتفاق / سيلغى الاتفاق في حال ...). The parties are read out of the condition
//!   clause with the actor lexicon: targets (قوات الحشد الشعبي), attackers (من قبل X،
//!   من بينها X، بأوامر من X), "by anyone" (من أي جهة كانت، أو غيرها) and "and its
//!   allies" (وأتباعها، وحلفاؤها).
//! * **Ultimatums** (kind `ultimatum`): THREATEN events on مهلة / أمهل / إنذار by an
//!   identified actor, given to a recipient or with a duration read after the trigger
//!   (مهلة 30 يوما → start + 30 days). In a document that announces a truce, the
//!   deadline is attached to the truce's condition instead.
//! * **Conditional threats** (kind `threat`): other THREATEN events with a condition,
//!   an identified actor (named, or with a country) and a recipient.
//!
//! # How it follows them
//!
//! [`Monitor::derive`] replays all events by date (see the `derive` module docs for the
//! exact order). Each later attack is checked against every live commitment:
//!
//! * an ASSAULT by a committed party (named in the event, or by a claim of
//!   responsibility in its document: أعلنت مسؤوليتها، تبنت) on the protected side is a
//!   **violation**: the commitment is `broken`;
//! * an ASSAULT on the protected side by an unnamed faction that the allied-factions rule
//!   covers, or with no attacker at all (unclaimed Katyusha fire on the US embassy) when
//!   it fits the truce (rockets, if the truce is about rockets), is a **possible
//!   violation**: the commitment becomes `strained`, with the reason, never `broken`;
//! * a truce that names no protected side and is not mutual is listed and followed
//!   (reaffirmed, extended, withdrawn, expired) but attacks are not checked against it:
//!   its scope is unknown;
//! * an ASSAULT or COERCE (raid, arrest) on a party named in a voiding trigger, by an
//!   attacker the trigger covers, **meets the trigger**: `strained`;
//! * a later announcement of the same truce by the committing side **reaffirms** it, or
//!   **extends** it (تمديد، مددت ...): back `in_force`;
//! * a REJECT ending the agreement (إنهاء الهدنة، نسف الاتفاق) or an announced resumption
//!   of attacks (استئناف هجماتها) by the committing side **withdraws** it;
//! * a term that ends makes a truce `fulfilled` (in force) or `expired` (strained); an
//!   ultimatum's deadline makes it `expired`.
//!
//! The party-matching rules (named vs generic parties, the allied-factions rule, the
//! protected side) are documented in the `party` module. The state is a pure function
//! of the set of events: re-ingesting documents, or ingesting them in any order, gives
//! the same state.
//!
//! # Storage
//!
//! [`refresh`] derives the state from every stored event and writes it into the same
//! SQLite file, in the monitor's own tables ([`db`]), in one transaction; `marsad
//! ingest` calls it after every ingest, and `marsad truces`, `truce` and `alerts` read
//! it (recomputing it first if the events changed since).

#![warn(missing_docs)]

mod date;
pub mod db;
mod derive;
mod model;
mod party;
mod text;

use std::sync::OnceLock;

use marsad_coder::Event;
use marsad_lexicon::Lexicon;

pub use db::{
    derive_from_store, load, load_or_refresh, refresh, save, MonitorError, MONITOR_SCHEMA_VERSION,
};
pub use derive::Monitor;
pub use model::*;

/// [`Monitor::derive`] with the built-in lexicon.
///
/// # Panics
///
/// If the built-in lexicon is invalid (a build error caught by marsad's own tests).
pub fn derive(events: &[Event]) -> MonitorState {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    let lex = LEX.get_or_init(|| Lexicon::embedded().expect("the built-in lexicon is valid"));
    Monitor::new(lex).derive(events)
}
