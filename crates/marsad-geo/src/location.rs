//! The PLOVER location record.

use serde::{Deserialize, Serialize};

/// PLOVER location object (PLOVER `event_loc`; fields after Mordecai/GeoNames), resolved
/// from an Arabic place mention by [`resolve_event_place`](crate::resolve_event_place).
///
/// Field for field and in serialisation the same as `marsad_coder::record::Location`, so
/// that the coder can use this type (`pub use marsad_geo::Location;`) without marsad-geo
/// depending on the coder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Location {
    /// The place name as written in the text, without its proclitics (بالموصل gives
    /// الموصل). For a distance phrase, the whole phrase: `100 كلم شمال شرقي بغداد`.
    pub extracted_place: String,
    /// Canonical (English, GeoNames) name of the resolved place.
    pub resolved_place: String,
    /// GeoNames id; 0 for a first-level division or an area below it (the gazetteer's
    /// ADM1 and area entries come without one).
    pub geonameid: u64,
    /// Latitude of the resolved place, in degrees. For a place *near* another (قرب X،
    /// شمال X، 100 كلم شمال شرقي X) these are X's coordinates: the event lies near them.
    pub lat: f64,
    /// Longitude, in degrees.
    pub lon: f64,
    /// ISO 3166 alpha-3 code of the country.
    pub country_code: String,
    /// First-level division name, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
    /// GeoNames feature class: `A` (country, ADM1, ADM2), `L` (region) or `P` (populated
    /// place).
    pub feature_class: String,
    /// `PCLI`, `ADM1`, `ADM2`, `RGN`, `PPLC`, `PPLA` or `PPL`.
    pub feature_code: String,
    /// `point` (a populated place), `area` (a district or region below the first-level
    /// division: وزيرستان، سوات; resolution 3, the coordinates of a town inside it),
    /// `admin1`, `country`, or `between` (two places: this one and the first of `also`). A point near a place (قرب بغداد، 100 كلم شمال شرقي
    /// بغداد) is still `point`, with `resolution` 3 and a lower `confidence`.
    pub precision: String,
    /// 5 sub-city, 4 city, 3 district (also: near a city), 2 province, 1 country (PLOVER
    /// `resolution`).
    pub resolution: u8,
    /// How sure the resolution is, 0..1: see
    /// [`resolve_event_place_excluding`](crate::resolve_event_place_excluding). A
    /// distance phrase caps it near 0.5.
    pub confidence: f32,
    /// Character offsets of the mention in the document.
    pub start: u32,
    /// One past the mention's last character.
    pub end: u32,
    /// Further places when the text names several (بين السماوة والديوانية، في بغداد
    /// والبصرة).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<Location>,
}
