//! `marsad export`: stored events in formats for other tools.
//!
//! `--format geojson` writes one GeoJSON FeatureCollection (RFC 7946) of the events that
//! have a location: each event is a Feature whose geometry is the Point `[lon, lat]` of
//! its `event_loc` and whose properties are `id`, `date`, `event`, `mode`, `actor` and
//! `recipient` (codes), `place` (resolved name), `place_text` (as written), `geonameid`,
//! `country_code`, `precision`, `place_confidence`, `also` (names of further places, for
//! بين X و Y), `event_text` and `citation`. Events without a location are left out.

use std::io::{self, Write};

use clap::ValueEnum;
use marsad_coder::{Entity, Event};
use serde_json::{json, Value};

/// Export formats.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ExportFormat {
    /// A GeoJSON FeatureCollection of the events with a location.
    Geojson,
}

/// Parses `--bbox MINLON,MINLAT,MAXLON,MAXLAT`.
pub fn parse_bbox(s: &str) -> Result<(f64, f64, f64, f64), String> {
    let v: Vec<f64> = s
        .split(',')
        .map(|x| x.trim().parse::<f64>())
        .collect::<Result<_, _>>()
        .map_err(|_| format!("'{s}' is not four comma-separated numbers"))?;
    let [min_lon, min_lat, max_lon, max_lat] = v[..] else {
        return Err(format!("'{s}' is not MINLON,MINLAT,MAXLON,MAXLAT"));
    };
    if !(-180.0..=180.0).contains(&min_lon) || !(-180.0..=180.0).contains(&max_lon) {
        return Err("longitudes must lie between -180 and 180".into());
    }
    if !(-90.0..=90.0).contains(&min_lat) || !(-90.0..=90.0).contains(&max_lat) {
        return Err("latitudes must lie between -90 and 90".into());
    }
    if min_lat > max_lat {
        return Err("MINLAT is greater than MAXLAT".into());
    }
    Ok((min_lon, min_lat, max_lon, max_lat))
}

fn codes(v: &[Entity]) -> Vec<Value> {
    v.iter()
        .map(|e| e.code.as_deref().map_or(Value::Null, Value::from))
        .collect()
}

/// The GeoJSON Feature of an event, when it has a location with coordinates.
pub fn feature(e: &Event) -> Option<Value> {
    let loc = e.event_loc.as_ref()?;
    if !(loc.lat.is_finite() && loc.lon.is_finite()) {
        return None;
    }
    Some(json!({
        "type": "Feature",
        "id": e.id,
        "geometry": {"type": "Point", "coordinates": [loc.lon, loc.lat]},
        "properties": {
            "id": e.id,
            "date": e.date,
            "event": e.event,
            "mode": e.mode,
            "actor": codes(&e.actor),
            "recipient": codes(&e.recipient),
            "place": loc.resolved_place,
            "place_text": loc.extracted_place,
            "geonameid": loc.geonameid,
            "country_code": loc.country_code,
            "precision": loc.precision,
            "place_confidence": loc.confidence,
            "also": loc.also.iter().map(|a| a.resolved_place.as_str()).collect::<Vec<_>>(),
            "event_text": e.event_text,
            "citation": e.cite_info.citation,
        }
    }))
}

/// Writes `events` (those with a location) as one FeatureCollection; returns how many
/// features were written.
pub fn geojson(out: &mut impl Write, events: &[Event]) -> io::Result<usize> {
    out.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[")?;
    let mut n = 0;
    for f in events.iter().filter_map(feature) {
        if n > 0 {
            out.write_all(b",\n")?;
        } else {
            out.write_all(b"\n")?;
        }
        serde_json::to_writer(&mut *out, &f)?;
        n += 1;
    }
    out.write_all(b"\n]}\n")?;
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use marsad_coder::record::Location;

    fn event(loc: Option<Location>) -> Event {
        Event {
            id: "e1".into(),
            date: "2024-05-01".into(),
            event: vec!["ASSAULT".into()],
            actor: vec![Entity {
                code: Some("IRQ".into()),
                ..Default::default()
            }],
            event_text: vec!["هجوم".into()],
            event_loc: loc,
            ..Default::default()
        }
    }

    #[test]
    fn points_are_lon_lat() {
        let loc = Location {
            extracted_place: "الموصل".into(),
            resolved_place: "Mosul".into(),
            geonameid: 99072,
            lat: 36.335,
            lon: 43.119,
            country_code: "IRQ".into(),
            precision: "point".into(),
            ..Default::default()
        };
        let mut buf = Vec::new();
        let n = geojson(&mut buf, &[event(Some(loc)), event(None)]).unwrap();
        assert_eq!(n, 1);
        let v: Value = serde_json::from_slice(&buf).unwrap();
        assert_eq!(v["type"], "FeatureCollection");
        let f = &v["features"][0];
        assert_eq!(f["geometry"]["coordinates"], json!([43.119, 36.335]));
        assert_eq!(f["properties"]["place"], "Mosul");
        assert_eq!(f["properties"]["actor"], json!(["IRQ"]));
        assert_eq!(v["features"].as_array().unwrap().len(), 1);
    }

    #[test]
    fn empty_collection_is_valid_json() {
        let mut buf = Vec::new();
        assert_eq!(geojson(&mut buf, &[]).unwrap(), 0);
        let v: Value = serde_json::from_slice(&buf).unwrap();
        assert_eq!(v["features"], json!([]));
    }

    #[test]
    fn bbox_parses_and_checks() {
        assert_eq!(
            parse_bbox("38.8,29,48.6,37.4"),
            Ok((38.8, 29.0, 48.6, 37.4))
        );
        assert_eq!(
            parse_bbox("170,-25,-170,-10"),
            Ok((170.0, -25.0, -170.0, -10.0))
        );
        assert!(parse_bbox("1,2,3").is_err());
        assert!(parse_bbox("a,b,c,d").is_err());
        assert!(parse_bbox("0,50,10,40").is_err());
        assert!(parse_bbox("0,-95,10,40").is_err());
    }
}
