//! Ranking candidates and resolving the place of an event.

use marsad_text::{TokenKind, TokenizedSentence};
use rustc_hash::FxHashSet;

use crate::cues::NounCue;
use crate::gazetteer::{Gazetteer, Place, PlaceKind};
use crate::location::Location;
use crate::mention::{find_places, PlaceMention};

/// Score weights; see [`rank_candidates`].
const W_COUNTRY: f32 = 4.0;
const W_HINT: f32 = 8.0;
const W_ADMIN_CONTEXT: f32 = 2.0;
const W_SENTENCE_COUNTRY: f32 = 1.5;
const W_POPULATION: f32 = 0.5;

/// The part of a candidate's score that needs no context: kind against the cue, size.
pub(crate) fn static_score(p: &Place, noun: Option<NounCue>) -> f32 {
    let kind = match (noun, p.kind) {
        (Some(NounCue::Admin), PlaceKind::Admin1) => 3.0,
        (Some(NounCue::Admin), PlaceKind::Populated) => -1.0,
        (Some(NounCue::Town | NounCue::Capital), PlaceKind::Populated) => 2.0,
        (Some(NounCue::Town | NounCue::Capital), PlaceKind::Admin1) => -2.0,
        (Some(NounCue::Town | NounCue::Capital), PlaceKind::Country) => -3.0,
        (Some(NounCue::Town | NounCue::Capital), PlaceKind::Area) => -1.0,
        // منطقة وزيرستان، في سوات: a district or region named as such.
        (Some(NounCue::Area) | None, PlaceKind::Area) => 1.0,
        // منطقة الرياض: a Saudi region, when there is one of that name.
        (Some(NounCue::Area), PlaceKind::Admin1) => 1.0,
        (None, PlaceKind::Country) => 2.0,
        (None, PlaceKind::Populated) => 1.0,
        (None, PlaceKind::Admin1) => 0.5,
        _ => 0.0,
    };
    let feature = match &*p.feature_code {
        "PPLC" => 0.5,
        "PPLA" => 0.3,
        _ => 0.0,
    };
    kind + W_POPULATION * (p.population.max(1) as f32).log10() + feature
}

/// Ranks the candidates of `mentions[which]`, best first, with their scores.
///
/// The score of a candidate adds:
///
/// * **country**: +4 when its country is one of `countries` (the event's actors and
///   recipients, and the story's country hints); +8 when it is the country the text ties
///   the name to (حمص **السورية**, العاصمة **العراقية** بغداد), −8 when there is such a
///   country and it is another;
/// * **kind against the cue**: after an admin noun (محافظة، ولاية، إقليم) an ADM1 gets +3 and
///   a populated place −1; after منطقة an ADM1 or an area +1; after a town noun (مدينة،
///   بلدة، قرية، قضاء، ناحية، العاصمة) a populated place +2, an area −1, an ADM1 −2, a
///   country −3; with no noun a country gets +2, a populated place or an area +1 and an
///   ADM1 +0.5 (في بغداد is the city, not the governorate);
/// * **size**: 0.5 × log10(population); +0.5 for a capital, +0.3 for an ADM1 seat;
/// * **administrative context**: +2 when the candidate lies in an ADM1 that another
///   unambiguous mention of the sentence names (قضاء الشرقاط **بمحافظة صلاح الدين**), +1.5
///   when it lies in a country another unambiguous mention names.
pub fn rank_candidates(
    g: &Gazetteer,
    mentions: &[PlaceMention],
    which: usize,
    countries: &[String],
) -> Vec<(u32, f32)> {
    let m = &mentions[which];
    let mut admin_ctx: FxHashSet<(&str, &str)> = FxHashSet::default();
    let mut country_ctx: FxHashSet<&str> = FxHashSet::default();
    for (k, other) in mentions.iter().enumerate() {
        if k == which {
            continue;
        }
        if let Some(h) = &other.country_hint {
            country_ctx.insert(h.as_str());
        }
        if other.candidates.len() == 1 {
            let p = g.place(other.candidates[0]);
            country_ctx.insert(&p.country3);
            if p.kind != PlaceKind::Country {
                admin_ctx.insert((&p.country3, &p.admin1_code));
            }
        }
    }
    let mut out: Vec<(u32, f32)> = m
        .candidates
        .iter()
        .map(|&c| {
            let p = g.place(c);
            let mut score = 0.0f32;
            if countries.iter().any(|k| k.as_str() == &*p.country3) {
                score += W_COUNTRY;
            }
            if let Some(h) = &m.country_hint {
                score += if h.as_str() == &*p.country3 {
                    W_HINT
                } else {
                    -W_HINT
                };
            }
            score += static_score(p, m.cues.noun);
            if p.kind != PlaceKind::Country && admin_ctx.contains(&(&*p.country3, &*p.admin1_code))
            {
                score += W_ADMIN_CONTEXT;
            }
            if country_ctx.contains(&*p.country3) {
                score += W_SENTENCE_COUNTRY;
            }
            (c, score)
        })
        .collect();
    out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    out
}

/// Resolves the place of the event whose trigger is at token `trigger`.
///
/// Same as [`resolve_event_place_excluding`] with no excluded spans.
pub fn resolve_event_place(
    g: &Gazetteer,
    s: &TokenizedSentence,
    trigger: usize,
    countries: &[String],
    text_of: &dyn Fn(u32, u32) -> String,
) -> Option<Location> {
    resolve_event_place_excluding(g, s, trigger, countries, &[], text_of)
}

/// Resolves the place of the event whose trigger is at token `trigger`, ignoring place
/// mentions that overlap one of the token ranges `exclude` (`start..end`, e.g. the
/// actor and recipient spans the coder found).
///
/// **Which mention.** Only mentions introduced by a locative cue count (in، بـ، قرب،
/// شمال/جنوب/شرق/غرب، بين X و Y، محافظة، مدينة، بلدة، قضاء، ناحية ...; see
/// [`Cues::locative`](crate::Cues::locative)): a place inside an actor's name (القوات
/// العراقية، قوات سوريا الديمقراطية) or used as a metonym subject (نددت بغداد) has no cue
/// and is never the event place, and a place after an office noun (سفير العراق في
/// واشنطن) describes the actor and is skipped, as is a country after حدود (قرب حدود
/// أفغانستان: either side of the border). A region noun with a nisba (في الأراضي السورية)
/// is excluded only when its noun is in an `exclude` span, not its nisba. Among the rest,
/// the nearest to the trigger wins, counting tokens from the trigger to the cue, plus 8
/// for each clause boundary crossed (a comma, a colon, أن/إن، حيث، بينما، فيما، كما) and 3
/// when the place comes before the trigger; a sentence boundary (. ; ? !) or a bracket is
/// never crossed, and nothing farther than 30 counts.
///
/// **Which entry.** The mention's candidates are ranked by [`rank_candidates`] with
/// `countries` (ISO3 codes of the event's actors and recipients and of the story).
///
/// **The record.** `extracted_place` is the name as written (proclitics و ب ل dropped),
/// or the whole phrase for a distance (`100 كلم شمال شرقي بغداد`); `start`/`end` are its
/// character offsets (`text_of(start, end)` gives the original text). `precision` is
/// `point` (populated place, PLOVER resolution 4), `area` (a district or region, 3),
/// `admin1` (2) or `country` (1: a country, or a region noun with a nisba such as في
/// الأراضي السورية), and
/// `between` for بين X و Y, with Y in `also`; places coordinated with و (في بغداد والبصرة)
/// also go to `also`. A direction, a proximity word or a distance (قرب بغداد، شمال
/// بغداد، 100 كلم شمال شرقي بغداد) keeps the reference place and its coordinates - the
/// event is near it, not at it - with resolution 3 and a lower confidence.
///
/// **Confidence** (0..1) multiplies: the cue (place noun 0.9, other cue 0.8, بين or
/// coordination 0.75); the competition between candidates (1 with one candidate,
/// otherwise 0.5 + 0.5 × (1 − e^(−margin/2)) with the score margin between the first two);
/// 0.8 when `countries` is not empty and the place is in none of them (unless the text
/// names its country); 0.85 near, 0.8 for a direction, 0.6 for a distance. One candidate
/// in the expected country after في gives 0.8; مدينة X gives 0.9.
pub fn resolve_event_place_excluding(
    g: &Gazetteer,
    s: &TokenizedSentence,
    trigger: usize,
    countries: &[String],
    exclude: &[(usize, usize)],
    text_of: &dyn Fn(u32, u32) -> String,
) -> Option<Location> {
    if trigger >= s.len() {
        return None;
    }
    let mentions = find_places(g, s);
    resolve_with_places(g, s, &mentions, trigger, countries, exclude, text_of)
}

/// [`resolve_event_place_excluding`] with the sentence's place mentions already found by
/// [`find_places`], so that a sentence with several events looks for places once.
pub fn resolve_with_places(
    g: &Gazetteer,
    s: &TokenizedSentence,
    mentions: &[PlaceMention],
    trigger: usize,
    countries: &[String],
    exclude: &[(usize, usize)],
    text_of: &dyn Fn(u32, u32) -> String,
) -> Option<Location> {
    if trigger >= s.len() {
        return None;
    }
    let mut best: Option<(usize, usize)> = None; // (cost, mention)
    for (k, m) in mentions.iter().enumerate() {
        if !m.cues.locative() || m.cues.coordinated || m.attached_to_actor {
            continue;
        }
        if m.cue_start <= trigger && trigger < m.end_token {
            continue;
        }
        // A region noun with a nisba (في الأراضي السورية) is excluded only by its noun: the
        // nisba alone may be read as an actor.
        let head_end = if m.from_nisba {
            m.start_token + 1
        } else {
            m.end_token
        };
        if exclude
            .iter()
            .any(|&(a, b)| a < head_end && m.start_token < b)
        {
            continue;
        }
        let Some(cost) = distance_cost(s, trigger, m.cue_start, m.end_token) else {
            continue;
        };
        if best.is_none_or(|(c, _)| cost < c) {
            best = Some((cost, k));
        }
    }
    let (_, head) = best?;
    let group: Vec<usize> = std::iter::once(head)
        .chain(
            mentions
                .iter()
                .enumerate()
                .filter(|(_, m)| m.coordinated_with.is_some())
                .scan(head, |last, (k, m)| {
                    (m.coordinated_with == Some(*last)).then(|| {
                        *last = k;
                        k
                    })
                }),
        )
        .collect();
    let (mut main, kind) = location(g, s, mentions, head, countries, None, text_of);
    // Places named together are of one kind: بين منطقتي السماوة والديوانية are two towns,
    // not a town and a governorate.
    let mut also: Vec<Location> = group[1..]
        .iter()
        .map(|&k| location(g, s, mentions, k, countries, Some(kind), text_of).0)
        .collect();
    if mentions[head].cues.between && !also.is_empty() {
        also.truncate(1);
        main.precision = "between".into();
        main.resolution = main.resolution.min(also[0].resolution);
        main.confidence = round2(main.confidence.min(also[0].confidence) * 0.75 / 0.8);
    }
    main.also = also;
    Some(main)
}

fn round2(x: f32) -> f32 {
    (x * 100.0).round() / 100.0
}

/// Token distance from the trigger to a mention, with clause penalties; `None` across a
/// sentence boundary or too far.
fn distance_cost(s: &TokenizedSentence, trigger: usize, start: usize, end: usize) -> Option<usize> {
    let (lo, hi, before) = if start > trigger {
        (trigger + 1, start, false)
    } else {
        (end, trigger, true)
    };
    let mut cost = hi.saturating_sub(lo) + 1;
    for i in lo..hi {
        let w = s.norm_of(i);
        match s.tokens[i].kind {
            TokenKind::Punct => match w {
                "." | ";" | "?" | "!" | "(" | ")" | "[" | "]" => return None,
                "," | ":" | "-" => cost += 8,
                _ => {}
            },
            TokenKind::Word => {
                if matches!(w, "ان" | "حيث" | "بينما" | "فيما" | "كما" | "وان" | "لان")
                {
                    cost += 8;
                }
            }
            _ => {}
        }
    }
    if before {
        cost += 3;
    }
    (cost <= 30).then_some(cost)
}

/// The location record of mention `k`, and the kind of the entry chosen. `like`: the
/// kind of the place it is named with, preferred (+1.5).
fn location(
    g: &Gazetteer,
    s: &TokenizedSentence,
    mentions: &[PlaceMention],
    k: usize,
    countries: &[String],
    like: Option<PlaceKind>,
    text_of: &dyn Fn(u32, u32) -> String,
) -> (Location, PlaceKind) {
    let m = &mentions[k];
    let mut ranked = rank_candidates(g, mentions, k, countries);
    if let Some(kind) = like {
        for r in &mut ranked {
            if g.place(r.0).kind == kind {
                r.1 += 1.5;
            }
        }
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    }
    let (mut id, top) = ranked[0];
    let mut fallback = false;
    // The text names a country none of the candidates lies in (كردستان العراق): the
    // event is placed in that country.
    if let Some(h) = &m.country_hint {
        if g.place(id).country3.as_ref() != h.as_str() {
            if let Some(c) = g.country(h) {
                id = c;
                fallback = true;
            }
        }
    }
    let p = g.place(id);
    let cues = &m.cues;
    let mut conf: f32 = if cues.coordinated || cues.between {
        0.75
    } else if cues.noun.is_some() {
        0.9
    } else {
        0.8
    };
    if fallback {
        conf *= 0.5;
    } else if ranked.len() > 1 {
        let margin = top - ranked[1].1;
        conf *= 0.5 + 0.5 * (1.0 - (-margin / 2.0).exp());
    }
    let in_countries = countries.iter().any(|c| c.as_str() == &*p.country3);
    if !countries.is_empty() && !in_countries && m.country_hint.is_none() {
        conf *= 0.8;
    }
    let offset = cues.distance_km.is_some() || cues.direction.is_some() || cues.near;
    if cues.distance_km.is_some() {
        conf *= 0.6;
    } else if cues.direction.is_some() {
        conf *= 0.8;
    } else if cues.near {
        conf *= 0.85;
    }
    let (precision, mut resolution) = match p.kind {
        PlaceKind::Populated => ("point", 4u8),
        PlaceKind::Admin1 => ("admin1", 2),
        PlaceKind::Country => ("country", 1),
        PlaceKind::Area => ("area", 3),
    };
    if offset && p.kind == PlaceKind::Populated {
        resolution = 3;
    }
    let mut start = m.name_start;
    let end = m.name_end;
    if cues.distance_km.is_some() {
        start = s.tokens[m.cue_start].start;
        // Skip على بعد / نحو before the number.
        if let Some(i) =
            (m.cue_start..m.start_token).find(|&i| s.tokens[i].kind == TokenKind::Number)
        {
            start = s.tokens[i].start;
        }
    }
    let province = match p.kind {
        PlaceKind::Country => None,
        PlaceKind::Admin1 => Some(p.name.to_string()),
        PlaceKind::Populated | PlaceKind::Area => {
            (!p.admin1.is_empty()).then(|| p.admin1.to_string())
        }
    };
    let loc = Location {
        extracted_place: text_of(start, end),
        resolved_place: p.name.to_string(),
        geonameid: p.geonameid,
        lat: p.lat,
        lon: p.lon,
        country_code: p.country3.to_string(),
        province,
        feature_class: p.feature_class.to_string(),
        feature_code: p.feature_code.to_string(),
        precision: precision.into(),
        resolution,
        confidence: round2(conf),
        start,
        end,
        also: Vec::new(),
    };
    (loc, p.kind)
}
