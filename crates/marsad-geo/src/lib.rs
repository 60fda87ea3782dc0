//! marsad-geo: where events happen.
//!
//! Three parts:
//!
//! * a **gazetteer** ([`Gazetteer`]) compiled into the library from
//!   `data/gazetteer/places.tsv`, which `scripts/build-gazetteer.py` derives from GeoNames
//!   (geonames.org, CC BY 4.0): every country, the first-level divisions (ADM1) of the Arab
//!   world, Iran, Turkey, Afghanistan and Pakistan, and every populated place with an
//!   Arabic name and at least 1,000 inhabitants in those countries (15,000 elsewhere),
//!   plus a few districts and regions news names as places (وزيرستان، سوات);
//! * **place mentions** ([`find_places`]): gazetteer names found in a tokenised sentence
//!   through clitics (بالموصل، وبغداد، للبصرة), with the locative cue that introduces them
//!   (في، قرب، شمال، محافظة، مدينة، بين ... و، "100 كلم شمال شرقي") and what follows them
//!   (a nisba such as السورية that names the country), and generic region nouns that a
//!   nisba ties to a country (في المناطق القبلية الباكستانية، في الأراضي السورية);
//! * **event locations** ([`resolve_event_place`]): the one place tied to an event
//!   trigger, resolved to one gazetteer entry and returned as a PLOVER [`Location`].
//!
//! The matching and ranking rules are documented on the functions and in
//! `docs/places.md`.
//!
//! ```
//! use marsad_geo::{find_places, Gazetteer};
//! use marsad_text::{split_sentences, tokenize, TokenizedSentence};
//!
//! let text = "انفجرت سيارة مفخخة بالموصل.";
//! let mut s = TokenizedSentence::default();
//! tokenize(text, &split_sentences(text)[0], &mut s);
//! let g = Gazetteer::embedded();
//! let m = &find_places(g, &s)[0];
//! assert_eq!(g.place(m.candidates[0]).name.as_ref(), "Mosul");
//! assert_eq!(m.cue.as_deref(), Some("ب"));
//! ```

#![warn(missing_docs)]

mod cues;
mod gazetteer;
mod location;
mod mention;
mod resolve;

pub use cues::{after_office, Cues, NounCue};
pub use gazetteer::{Gazetteer, Place, PlaceKind};
pub use location::Location;
pub use mention::{find_places, PlaceMention};
pub use resolve::{
    rank_candidates, resolve_event_place, resolve_event_place_excluding, resolve_with_places,
};
