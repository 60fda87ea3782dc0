//! Place mentions in a tokenised sentence.

use marsad_text::clitic::proclitic;
use marsad_text::TokenizedSentence;

use crate::cues::{self, Cues, NounCue};
use crate::gazetteer::{Gazetteer, Need, PlaceKind};

/// A gazetteer name found in a sentence, with what introduces it.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceMention {
    /// First token of the name (clitics such as و ب ل are inside the token).
    pub start_token: usize,
    /// One past the last token of the name.
    pub end_token: usize,
    /// Character offset (in the document) where the name starts as written, after its
    /// proclitics و ف ب ل ك but with its article (بالموصل -> الموصل; للموصل -> موصل).
    pub name_start: u32,
    /// Character offset one past the name's end.
    pub name_end: u32,
    /// Gazetteer ids of the entries the name may denote, most populous first (rank them
    /// in context with [`rank_candidates`](crate::rank_candidates)).
    pub candidates: Vec<u32>,
    /// The cue words in canonical form and text order, e.g. `في مدينة`, `ب` (attached
    /// preposition), `قرب`, `على بعد 100 كلم شمال شرقي` is given as `100 كلم شمال شرقي`,
    /// `بين منطقتي`; `None` when nothing introduces the name.
    pub cue: Option<String>,
    /// The cues, analysed.
    pub cues: Cues,
    /// First token of the cue (`start_token` when there is none).
    pub cue_start: usize,
    /// A country the text ties the name to: a nisba after it (حمص السورية، طرابلس
    /// اللبنانية), or between a noun and it (العاصمة العراقية بغداد), as ISO3.
    pub country_hint: Option<String>,
    /// Index (in the returned list) of the mention this one is coordinated with by و.
    pub coordinated_with: Option<usize>,
    /// The cue follows an office noun (سفير العراق في واشنطن، مراسلنا في بغداد): the place
    /// describes a person or mission, not an event.
    pub attached_to_actor: bool,
    /// The mention is a generic region noun that a nisba ties to a country, with no name
    /// (في المناطق القبلية الباكستانية، في الأراضي السورية): its only candidate is that
    /// country. Its head is the noun; the nisba is also read as an actor (السورية: Syria),
    /// so only the noun is checked against the actor spans
    /// [`resolve_event_place_excluding`](crate::resolve_event_place_excluding) excludes.
    pub from_nisba: bool,
}

/// Finds the place names of a sentence.
///
/// Names are matched through clitics with the same index as the lexicon
/// ([`marsad_lexicon::PhraseIndex`]): بالموصل، وبغداد، للبصرة، والديوانية all match, and the
/// longest name wins (مدينة الصدر, شمال سيناء, ريف دمشق are names, not cue + name). A name
/// is kept only when what it needs is there:
///
/// * names that are also ordinary words (listed in `data/gazetteer/common-words.txt`:
///   الجزيرة، البيضاء، حجة، معسكر، الوادي ...) and names that are cue words themselves
///   (الشمال) need a place noun: مدينة البيضاء، محافظة حجة، ولاية معسكر;
/// * populated places under 100,000 inhabitants (other than capitals and ADM1 seats) and
///   names of one or two letters need a locative cue (في، بـ، قرب، شمال، مدينة، بين, or
///   coordination with a cued place);
/// * countries, ADM1 and bigger places match anywhere; without a cue they are reported
///   (cue `None`) but [`resolve_event_place`](crate::resolve_event_place) ignores them.
///
/// `العاصمة` + nisba with no name after it (في العاصمة العراقية) is reported as a mention of
/// that country's capital.
///
/// A generic region noun with a nisba and no name, after a locative cue (في المنطقة
/// القبلية الباكستانية، في الأراضي الفلسطينية، في المياه النيجيرية) is reported as a
/// mention of that country (`from_nisba`; see `regions_with_nisba` in the source and
/// `docs/places.md`).
///
/// حدود before a country (قرب حدود أفغانستان) names a border, which has two sides: the
/// mention is reported with its cues cleared (only `border` set, or داخل حدود, inside the
/// borders, kept), so it is never an event's place.
pub fn find_places(g: &Gazetteer, s: &TokenizedSentence) -> Vec<PlaceMention> {
    let mut matches = Vec::new();
    g.index.find_all(s, &mut matches);
    let mut out: Vec<PlaceMention> = Vec::new();
    for m in matches {
        // Place names take و ب ل and the article, not the future س, ك, ف or a pronoun
        // suffix: سكان is not س + كان (Caen).
        if m.first_seg.is_some_and(|seg| {
            seg.suffix
                || seg.proclitics & (proclitic::FUTURE_SA | proclitic::PREP_KA | proclitic::CONJ_FA)
                    != 0
        }) {
            continue;
        }
        // The name of a street, square, mosque or neighbourhood (شارع حيفا، حي الأمان،
        // ساحة التحرير، جامع النوري) is not the place.
        if m.start > 0 && cues::names_a_facility(s, m.start - 1) {
            continue;
        }
        let scan = cues::scan_left(g, s, m.start);
        let mut cues = scan.cues;
        let mut words = scan.words;
        let mut cue_start = scan.start;
        let flags = m.first_seg.map_or(0, |seg| seg.proclitics);
        let scan_prep = cues.prep;
        if flags & proclitic::PREP_BI != 0 {
            cues.prep = true;
            words.push("ب".into());
        }
        // و after a cued mention: بين السماوة والديوانية، في بغداد و البصرة.
        let mut coordinated_with = None;
        if !cues.locative() {
            if let Some((k, prev)) = out.iter().enumerate().next_back() {
                let joined = (prev.end_token == m.start && flags & proclitic::CONJ_WA != 0)
                    || (prev.end_token + 1 == m.start && cues::lone_wa(s, prev.end_token));
                if joined && prev.cues.locative() {
                    cues = Cues {
                        coordinated: true,
                        ..prev.cues.clone()
                    };
                    cues.between = false;
                    cues.distance_km = None;
                    coordinated_with = Some(k);
                    cue_start = m.start;
                    words = vec!["و".into()];
                }
            }
        }
        let article = flags & proclitic::ARTICLE != 0;
        let bi_only = flags & proclitic::PREP_BI != 0 && {
            let mut without = cues.clone();
            without.prep = scan_prep;
            !without.locative()
        };
        let mut candidates: Vec<u32> = Vec::new();
        for &name in &m.entries {
            let info = g.names[name as usize];
            if info.article != article {
                continue;
            }
            let ok = match info.need {
                Need::Nothing => true,
                // An attached ب alone vouches only for a name with the article (بالموصل):
                // بمشاركة is not ب + a village called مشاركة.
                Need::Cue => cues.locative() && (info.article || !bi_only),
                Need::Noun => cues.noun.is_some(),
                Need::Never => false,
            };
            if ok && !candidates.contains(&info.place) {
                candidates.push(info.place);
            }
        }
        if candidates.is_empty() {
            continue;
        }
        // بين X alone does not vouch for a small place X: a second place must follow
        // with و (بين أوباما و... is about people).
        if cues.between && cues.noun.is_none() && !cues.prep && !places_follow_with_wa(g, s, m.end)
        {
            candidates.retain(|&c| {
                m.entries.iter().any(|&n| {
                    let info = g.names[n as usize];
                    info.place == c && info.need == Need::Nothing
                })
            });
            if candidates.is_empty() {
                continue;
            }
        }
        // حدود before a country (قرب حدود أفغانستان، على حدود العراق): the border has two
        // sides and the phrase does not say on which the event is. Only داخل حدود (inside
        // the borders of) places it in that country.
        if cues.border
            && !words.iter().any(|w| w == "داخل")
            && candidates
                .iter()
                .all(|&c| g.place(c).kind == PlaceKind::Country)
        {
            cues = Cues {
                border: true,
                ..Cues::default()
            };
            coordinated_with = None;
        }
        let country_hint = scan
            .country_hint
            .or_else(|| g.nisba_at(s, m.end).map(|(code, _)| code))
            .or_else(|| country_after(g, s, m.end, &candidates));
        sort_candidates(g, &mut candidates, cues.noun, country_hint.as_deref());
        let attached_to_actor = (cues.prep || cues.near) && cues::after_office(s, cue_start);
        let strip = m.first_seg.map_or(0, |seg| {
            let p = seg.prefix_chars as usize;
            if seg.proclitics & proclitic::ARTICLE != 0 && seg.proclitics & proclitic::PREP_LI == 0
            {
                p - 2
            } else {
                p
            }
        });
        out.push(PlaceMention {
            start_token: m.start,
            end_token: m.end,
            name_start: s.start_after_prefix(m.start, strip),
            name_end: s.tokens[m.end - 1].end,
            candidates,
            cue: (!words.is_empty()).then(|| words.join(" ")),
            cues,
            cue_start,
            country_hint,
            coordinated_with,
            attached_to_actor,
            from_nisba: false,
        });
    }
    capitals_without_name(g, s, &mut out);
    regions_with_nisba(g, s, &mut out);
    out
}

/// True when a gazetteer name joined by و starts at token `i` (والديوانية، و البصرة).
fn places_follow_with_wa(g: &Gazetteer, s: &TokenizedSentence, i: usize) -> bool {
    if i >= s.len() {
        return false;
    }
    let mut scratch = String::new();
    if cues::lone_wa(s, i) {
        return i + 1 < s.len() && g.index.match_at(s, i + 1, &mut scratch).is_some();
    }
    g.index.match_at(s, i, &mut scratch).is_some_and(|m| {
        m.first_seg
            .is_some_and(|seg| seg.proclitics & proclitic::CONJ_WA != 0)
    })
}

/// Orders candidates by their score without sentence context (see
/// [`rank_candidates`](crate::rank_candidates)): the cue's kind, the country the text names,
/// size.
fn sort_candidates(g: &Gazetteer, c: &mut [u32], noun: Option<NounCue>, hint: Option<&str>) {
    let score = |id: u32| {
        let p = g.place(id);
        let hint = match hint {
            Some(h) if h == &*p.country3 => 8.0,
            Some(_) => -8.0,
            None => 0.0,
        };
        crate::resolve::static_score(p, noun) + hint
    };
    c.sort_by(|&a, &b| score(b).total_cmp(&score(a)).then(a.cmp(&b)));
}

/// A country name right after a name none of whose candidates is a country: كردستان
/// العراق، درعا سوريا.
fn country_after(
    g: &Gazetteer,
    s: &TokenizedSentence,
    end: usize,
    candidates: &[u32],
) -> Option<String> {
    if end >= s.len()
        || candidates
            .iter()
            .any(|&c| g.place(c).kind == PlaceKind::Country)
    {
        return None;
    }
    let mut scratch = String::new();
    let m = g.index.match_at(s, end, &mut scratch)?;
    if m.first_seg
        .is_some_and(|seg| seg.proclitics != 0 && seg.proclitics != proclitic::ARTICLE)
    {
        return None;
    }
    m.entries.iter().find_map(|&n| {
        let p = g.place(g.names[n as usize].place);
        (p.kind == PlaceKind::Country).then(|| p.country3.to_string())
    })
}

/// A generic region noun with a nisba and no name, introduced by a locative cue: في
/// المناطق القبلية الباكستانية، في الأراضي السورية، في المياه الإقليمية الإيرانية، في مدينة
/// عراقية. The nisba says the country and nothing finer, so the mention's only candidate is
/// that country.
///
/// The phrase is `NOUN [ADJ [ADJ]] NISBA`: a noun of `REGION_NOUNS` (منطقة، مناطق، أراضي،
/// مياه، أجواء، ساحل، إقليم، محافظة، مدينة، بلدة، قرية and their plurals), at most two
/// nisba-shaped adjectives (القبلية، الشمالية الغربية، الحدودية), then a demonym of the
/// lexicon, each agreeing with the noun in definiteness (المنطقة الحدودية الباكستانية، منطقة
/// قبلية باكستانية; منطقة الحماية التركية is a construct, not this). Not read as one
/// country: two nisbas (المناطق الأفغانية الباكستانية، الأراضي السورية والعراقية), a noun
/// with no locative cue before it (القوات الباكستانية، شهدت المناطق السورية ...), and
/// anything overlapping a place name (منطقة وزيرستان).
fn regions_with_nisba(g: &Gazetteer, s: &TokenizedSentence, out: &mut Vec<PlaceMention>) {
    let mut added = Vec::new();
    for i in 0..s.len().saturating_sub(1) {
        let Some((kind, article, flags, strip)) = cues::region_noun_at(s, i) else {
            continue;
        };
        let mut j = i + 1;
        while j < s.len() && j <= i + 2 && g.nisba_at(s, j).is_none() {
            if !cues::nisba_shaped(s, j, article) {
                break;
            }
            j += 1;
        }
        let Some((code, end)) = g.nisba_at(s, j) else {
            continue;
        };
        if cues::has_article(s, j) != article || g.nisba_at(s, end).is_some() {
            continue;
        }
        if out.iter().any(|m| m.start_token < end && m.end_token > i) {
            continue;
        }
        let Some(country) = g.country(&code) else {
            continue;
        };
        let scan = cues::scan_left(g, s, i);
        let mut cues = scan.cues;
        cues.prep |= flags & proclitic::PREP_BI != 0;
        if !cues.locative() || cues.border {
            continue;
        }
        cues.noun = Some(kind);
        let mut words = scan.words;
        if flags & proclitic::PREP_BI != 0 {
            words.push("ب".into());
        }
        let attached_to_actor = (cues.prep || cues.near) && cues::after_office(s, scan.start);
        added.push(PlaceMention {
            start_token: i,
            end_token: end,
            name_start: s.start_after_prefix(i, strip),
            name_end: s.tokens[end - 1].end,
            candidates: vec![country],
            cue: (!words.is_empty()).then(|| words.join(" ")),
            cues,
            cue_start: scan.start,
            country_hint: Some(code),
            coordinated_with: None,
            attached_to_actor,
            from_nisba: true,
        });
    }
    merge_added(out, added);
}

/// في العاصمة العراقية (no name after it): the capital of that country.
fn capitals_without_name(g: &Gazetteer, s: &TokenizedSentence, out: &mut Vec<PlaceMention>) {
    let mut added = Vec::new();
    for i in 0..s.len().saturating_sub(1) {
        if !cues::capital_noun_at(s, i) {
            continue;
        }
        let Some((code, end)) = g.nisba_at(s, i + 1) else {
            continue;
        };
        if out
            .iter()
            .any(|m| m.start_token < end + 1 && m.end_token > i)
        {
            continue; // a name follows (العاصمة العراقية بغداد) or overlaps
        }
        let Some(capital) = g.capital(&code) else {
            continue;
        };
        let scan = cues::scan_left(g, s, i);
        let mut cues = scan.cues;
        cues.noun = Some(NounCue::Capital);
        let mut words = scan.words;
        words.push("العاصمة".into());
        let attached_to_actor = (cues.prep || cues.near) && cues::after_office(s, scan.start);
        added.push(PlaceMention {
            start_token: i,
            end_token: end,
            name_start: s.tokens[i].start,
            name_end: s.tokens[end - 1].end,
            candidates: vec![capital],
            cue: Some(words.join(" ")),
            cues,
            cue_start: scan.start,
            country_hint: Some(code),
            coordinated_with: None,
            attached_to_actor,
            from_nisba: false,
        });
    }
    merge_added(out, added);
}

/// Adds mentions found after the name scan, in text order; indices may move, so the
/// coordination links are recomputed by position.
fn merge_added(out: &mut Vec<PlaceMention>, added: Vec<PlaceMention>) {
    if added.is_empty() {
        return;
    }
    out.extend(added);
    out.sort_by_key(|m| m.start_token);
    for (k, m) in out.iter_mut().enumerate() {
        if m.coordinated_with.is_some() {
            m.coordinated_with = k.checked_sub(1);
        }
    }
}
