//! Locative cues: the words that introduce a place.
//!
//! Read leftwards from a place name, a cue is any run of
//!
//! ```text
//! [بين | في | عند | داخل | بـ] [على بعد] [NUMBER UNIT] [DIRECTION] [NEAR [من]] [NOUN] [NISBA] PLACE
//! ```
//!
//! e.g. في مدينة الموصل، قرب بغداد، بالقرب من كركوك، شمال شرقي بعقوبة، على بعد 100 كلم شمال
//! شرقي بغداد، في ريف حلب الشمالي، بمحافظة نينوى، بين منطقتي السماوة والديوانية، في العاصمة
//! العراقية بغداد. All forms are compared after normalisation and clitic segmentation, so
//! بمحافظة, وفي, لمدينة are read as their stems.

use marsad_text::clitic::proclitic as proclitic_flags;
use marsad_text::{TokenKind, TokenizedSentence};

use crate::gazetteer::Gazetteer;

/// The kind of place noun before a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NounCue {
    /// مدينة، بلدة، قرية، مخيم، حي، ضاحية، بلدية، قضاء، ناحية، مديرية: a populated place
    /// (districts are named after their towns; the gazetteer has no ADM2).
    Town,
    /// محافظة، ولاية، إقليم، مقاطعة، إمارة: a first-level division.
    Admin,
    /// منطقة، جزيرة: an area of any size.
    Area,
    /// العاصمة: a capital city.
    Capital,
}

/// The cues found before (and on) a place mention.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cues {
    /// A locative preposition: في، عند، داخل, or بـ (attached to the name or to a cue
    /// word, or written apart).
    pub prep: bool,
    /// Proximity: قرب، بالقرب من، على مقربة من، محيط، أطراف، ضواحي، ريف، مشارف، تخوم،
    /// خارج، حدود، وسط، مركز، قلب.
    pub near: bool,
    /// The proximity word was حدود (حدود أفغانستان، قرب حدود العراق): a border, which has
    /// two sides. Before a country name it does not say in which country the event is, and
    /// [`find_places`](crate::find_places) then clears the other cues (see there).
    pub border: bool,
    /// A compass direction, as written in canonical form: `شمال`, `جنوب شرقي`, ...
    pub direction: Option<String>,
    /// A distance before the direction ("100 كلم شمال"), in kilometres.
    pub distance_km: Option<f64>,
    /// A place noun (مدينة، محافظة ...).
    pub noun: Option<NounCue>,
    /// The noun was a dual (منطقتي، مدينتي): it announces two places.
    pub dual: bool,
    /// بين: the first of two places.
    pub between: bool,
    /// The mention follows a cued mention through و (بين السماوة والديوانية، في بغداد
    /// والبصرة) and shares its cues.
    pub coordinated: bool,
}

impl Cues {
    /// True when some locative cue introduces the mention: what [`resolve_event_place`]
    /// requires.
    ///
    /// [`resolve_event_place`]: crate::resolve_event_place
    pub fn locative(&self) -> bool {
        self.prep
            || self.near
            || self.direction.is_some()
            || self.noun.is_some()
            || self.between
            || self.coordinated
    }
}

const PREPS: &[(&str, &str)] = &[("في", "في"), ("عند", "عند"), ("داخل", "داخل")];
const BETWEEN: &[(&str, &str)] = &[("بين", "بين")];
const DIRECTIONS: &[(&str, &str)] = &[
    ("شمال", "شمال"),
    ("شمالي", "شمالي"),
    ("جنوب", "جنوب"),
    ("جنوبي", "جنوبي"),
    ("شرق", "شرق"),
    ("شرقي", "شرقي"),
    ("غرب", "غرب"),
    ("غربي", "غربي"),
];
const NEAR: &[(&str, &str)] = &[
    ("قرب", "قرب"),
    ("مقربه", "مقربة"),
    ("قريبا", "قريبا"),
    ("محيط", "محيط"),
    ("اطراف", "أطراف"),
    ("ضواحي", "ضواحي"),
    ("ريف", "ريف"),
    ("مشارف", "مشارف"),
    ("تخوم", "تخوم"),
    ("خارج", "خارج"),
    ("حدود", "حدود"),
    ("وسط", "وسط"),
    ("مركز", "مركز"),
    ("قلب", "قلب"),
    ("جوار", "جوار"),
];
/// Place nouns: (normalised form, canonical form, kind, dual).
const NOUNS: &[(&str, &str, NounCue, bool)] = &[
    ("مدينه", "مدينة", NounCue::Town, false),
    ("بلده", "بلدة", NounCue::Town, false),
    ("قريه", "قرية", NounCue::Town, false),
    ("مخيم", "مخيم", NounCue::Town, false),
    ("ضاحيه", "ضاحية", NounCue::Town, false),
    ("بلديه", "بلدية", NounCue::Town, false),
    ("قضاء", "قضاء", NounCue::Town, false),
    ("ناحيه", "ناحية", NounCue::Town, false),
    ("مديريه", "مديرية", NounCue::Town, false),
    ("محافظه", "محافظة", NounCue::Admin, false),
    ("ولايه", "ولاية", NounCue::Admin, false),
    ("اقليم", "إقليم", NounCue::Admin, false),
    ("مقاطعه", "مقاطعة", NounCue::Admin, false),
    ("اماره", "إمارة", NounCue::Admin, false),
    ("منطقه", "منطقة", NounCue::Area, false),
    ("جزيره", "جزيرة", NounCue::Area, false),
    ("عاصمه", "العاصمة", NounCue::Capital, false),
    // Airports, ports and universities are named after the town they are in (مطار
    // بغداد الدولي، جامعة الموصل).
    ("مطار", "مطار", NounCue::Town, false),
    ("ميناء", "ميناء", NounCue::Town, false),
    ("جامعه", "جامعة", NounCue::Town, false),
    // A road is named after a town it leads to or from (طريق بيروت - الجنوب): the town
    // is a place, not its government.
    ("طريق", "طريق", NounCue::Town, false),
    ("مدينتي", "مدينتي", NounCue::Town, true),
    ("بلدتي", "بلدتي", NounCue::Town, true),
    ("قريتي", "قريتي", NounCue::Town, true),
    ("مخيمي", "مخيمي", NounCue::Town, true),
    ("ناحيتي", "ناحيتي", NounCue::Town, true),
    ("قضاءي", "قضاءي", NounCue::Town, true),
    ("محافظتي", "محافظتي", NounCue::Admin, true),
    ("ولايتي", "ولايتي", NounCue::Admin, true),
    ("منطقتي", "منطقتي", NounCue::Area, true),
];
/// Units of distance, with their factor to kilometres.
const UNITS: &[(&str, &str, f64)] = &[
    ("كلم", "كلم", 1.0),
    ("كم", "كم", 1.0),
    ("كيلومتر", "كيلومتر", 1.0),
    ("كيلومترا", "كيلومترا", 1.0),
    ("كيلومترات", "كيلومترات", 1.0),
    ("كيلو", "كيلو", 1.0),
    ("ميل", "ميل", 1.609),
    ("ميلا", "ميلا", 1.609),
    ("اميال", "أميال", 1.609),
    ("متر", "متر", 0.001),
    ("مترا", "مترا", 0.001),
    ("امتار", "أمتار", 0.001),
];
/// Words that may stand before a distance: على بعد، على مسافة، نحو، حوالي، قرابة.
const DISTANCE_LEAD: &[&str] = &["علي", "بعد", "مسافه", "نحو", "حوالي", "قرابه"];
/// Nouns of office or mission: a place after them (سفير العراق في واشنطن، مراسلنا في
/// بغداد) describes the actor, not the event.
const OFFICES: &[&str] = &[
    "سفير",
    "سفيره",
    "سفاره",
    "سفارات",
    "سفراء",
    "قنصل",
    "قنصليه",
    "مندوب",
    "ممثل",
    "ممثليه",
    "مبعوث",
    "بعثه",
    "مراسل",
    "مكتب",
    "مدير",
    "رءيس",
    "قاءد",
    "حاكم",
    "محافظ",
    "ملحق",
];

/// Nouns whose complement names a facility or a part of a town, not the town itself:
/// شارع حيفا (in Baghdad), حي الأمان، ساحة التحرير، جامع النوري، دوار الداخلية.
const FACILITIES: &[&str] = &[
    "حي",
    "احياء",
    "شارع",
    "ساحه",
    "ميدان",
    "جامع",
    "مسجد",
    "دوار",
    "جسر",
    "نفق",
    "فندق",
    "مدرسه",
    "برج",
    "مجمع",
    "سوق",
    "ملعب",
];

/// Generic nouns of a stretch of land or water that a nisba can tie to a country
/// without naming a place: في المناطق القبلية الباكستانية، في الأراضي السورية، في المياه
/// النيجيرية، في مدينة عراقية. (normalised stem, canonical form, kind). Left out on purpose:
/// حدود (a border has two sides: قرب الحدود الأفغانية may be in Pakistan), العاصمة (the
/// capital itself is named: see `capitals_without_name`), ولاية (also a term of office),
/// and nouns of institutions (سفارة، قوات) or of a side (الجانب الأفغاني، الداخل), which are
/// actors or sides, not stretches of land.
const REGION_NOUNS: &[(&str, &str, NounCue)] = &[
    ("منطقه", "منطقة", NounCue::Area),
    ("مناطق", "مناطق", NounCue::Area),
    ("ارض", "أرض", NounCue::Area),
    ("اراض", "أراض", NounCue::Area),
    ("اراضي", "أراضي", NounCue::Area),
    ("مياه", "مياه", NounCue::Area),
    ("اجواء", "أجواء", NounCue::Area),
    ("ساحل", "ساحل", NounCue::Area),
    ("سواحل", "سواحل", NounCue::Area),
    ("اقليم", "إقليم", NounCue::Admin),
    ("محافظه", "محافظة", NounCue::Admin),
    ("محافظات", "محافظات", NounCue::Admin),
    ("مقاطعه", "مقاطعة", NounCue::Admin),
    ("مدينه", "مدينة", NounCue::Town),
    ("مدن", "مدن", NounCue::Town),
    ("بلده", "بلدة", NounCue::Town),
    ("بلدات", "بلدات", NounCue::Town),
    ("قريه", "قرية", NounCue::Town),
    ("قري", "قرى", NounCue::Town),
];

/// A region noun at token `i` (see `REGION_NOUNS`): its kind, whether it has the article,
/// its proclitic flags, and the characters of its proclitics before the article.
pub(crate) fn region_noun_at(
    s: &TokenizedSentence,
    i: usize,
) -> Option<(NounCue, bool, u8, usize)> {
    let (n, flags) = stem_in(s, i, REGION_NOUNS, |n| n.0, true)?;
    // و ب ل and the article only.
    if flags
        & !(proclitic_flags::ARTICLE
            | proclitic_flags::CONJ_WA
            | proclitic_flags::PREP_BI
            | proclitic_flags::PREP_LI)
        != 0
    {
        return None;
    }
    let article = flags & proclitic_flags::ARTICLE != 0;
    let w = s.norm_of(i);
    let seg = s
        .segs_of(i)
        .iter()
        .find(|seg| !seg.suffix && seg.proclitics == flags && seg.stem(w) == n.0)?;
    let mut strip = seg.prefix_chars as usize;
    if article && flags & proclitic_flags::PREP_LI == 0 {
        strip -= 2; // keep the article: بالمناطق -> المناطق
    }
    Some((n.2, article, flags, strip))
}

/// True when token `i` reads as a nisba adjective (القبلية، الشمالية، الحدودية، الإقليمية،
/// جبلية): a word of at least four letters ending in ـي or ـية, with the article when
/// `article` and without it otherwise (an adjective agrees in definiteness with its noun;
/// منطقة الحماية is a construct, not an adjective), and with no other proclitic.
pub(crate) fn nisba_shaped(s: &TokenizedSentence, i: usize, article: bool) -> bool {
    let tok = &s.tokens[i];
    if tok.kind != TokenKind::Word || tok.detached_clitic {
        return false;
    }
    if has_article(s, i) != article {
        return false;
    }
    let w = s.norm_of(i);
    let want = if article { proclitic_flags::ARTICLE } else { 0 };
    s.segs_of(i).iter().any(|seg| {
        let stem = seg.stem(w);
        !seg.suffix
            && seg.proclitics == want
            && stem.chars().count() >= 4
            && (stem.ends_with('ي') || stem.ends_with("يه"))
    })
}

/// True when token `i` has the article (possibly after و ب ل) in some reading.
pub(crate) fn has_article(s: &TokenizedSentence, i: usize) -> bool {
    s.tokens[i].kind == TokenKind::Word
        && s.segs_of(i)
            .iter()
            .any(|seg| !seg.suffix && seg.proclitics & proclitic_flags::ARTICLE != 0)
}

/// True when token `i` is a facility noun in construct (no article): the name after it
/// is part of the facility's name.
pub(crate) fn names_a_facility(s: &TokenizedSentence, i: usize) -> bool {
    stem_in(s, i, FACILITIES, |f| f, false).is_some()
}

/// True when `key` (a normalised word without article) is one of the cue words: a name
/// that reads like one (الشمال، المنطقة) needs a place noun.
pub(crate) fn is_cue_word(key: &str) -> bool {
    PREPS.iter().any(|p| p.0 == key)
        || BETWEEN.iter().any(|p| p.0 == key)
        || DIRECTIONS.iter().any(|p| p.0 == key)
        || NEAR.iter().any(|p| p.0 == key)
        || NOUNS.iter().any(|p| p.0 == key)
}

/// The first form of `table` that is a stem of token `i`, with the token's proclitic
/// flags for that reading. `article` allows the article (القرب، المدينة).
fn stem_in<'a, T>(
    s: &TokenizedSentence,
    i: usize,
    table: &'a [T],
    form: impl Fn(&T) -> &str,
    article: bool,
) -> Option<(&'a T, u8)> {
    let tok = &s.tokens[i];
    if tok.kind != TokenKind::Word || tok.detached_clitic {
        return None;
    }
    let w = s.norm_of(i);
    for seg in s.segs_of(i) {
        if seg.suffix || (!article && seg.proclitics & proclitic_flags::ARTICLE != 0) {
            continue;
        }
        let stem = seg.stem(w);
        if let Some(t) = table.iter().find(|t| form(t) == stem) {
            return Some((t, seg.proclitics));
        }
    }
    None
}

/// True when token `i` is a detached preposition ب (بـ "...") or a lone و.
fn detached(s: &TokenizedSentence, i: usize, letter: &str) -> bool {
    s.tokens[i].detached_clitic && s.norm_of(i) == letter
}

fn number_at(s: &TokenizedSentence, i: usize) -> Option<f64> {
    if s.tokens[i].kind != TokenKind::Number {
        return None;
    }
    s.norm_of(i).replace(',', "").parse().ok()
}

/// The cues before the name starting at token `start`.
pub(crate) struct Scan {
    pub cues: Cues,
    /// First token of the cue (== `start` when none).
    pub start: usize,
    /// Canonical cue words, in text order.
    pub words: Vec<String>,
    /// A nisba between the noun and the name (العاصمة العراقية بغداد).
    pub country_hint: Option<String>,
}

/// Reads the cues leftwards from the name starting at token `start`.
pub(crate) fn scan_left(g: &Gazetteer, s: &TokenizedSentence, start: usize) -> Scan {
    let mut scan = Scan {
        cues: Cues::default(),
        start,
        words: Vec::new(),
        country_hint: None,
    };
    let mut words_rev: Vec<String> = Vec::new();
    let mut j = start;
    let floor = start.saturating_sub(9);
    // A nisba right before the name, after a noun: العاصمة العراقية بغداد.
    if j >= 2 {
        if let Some((code, end)) = g.nisba_at(s, j - 1) {
            if end == j && stem_in(s, j - 2, NOUNS, |n| n.0, true).is_some() {
                scan.country_hint = Some(code);
                j -= 1;
            }
        }
    }
    let mut pending_direction: Vec<&str> = Vec::new();
    while j > floor {
        let i = j - 1;
        let tok = &s.tokens[i];
        if tok.kind == TokenKind::Punct {
            break;
        }
        let prep_bi = |flags: u8| flags & proclitic_flags::PREP_BI != 0;
        if detached(s, i, "ب") {
            scan.cues.prep = true;
            words_rev.push("بـ".into());
            j = i;
            break;
        }
        if let Some((p, flags)) = stem_in(s, i, PREPS, |p| p.0, false) {
            if flags & (proclitic_flags::PREP | proclitic_flags::FUTURE_SA) != 0 {
                break;
            }
            scan.cues.prep = true;
            words_rev.push(p.1.into());
            j = i;
            break;
        }
        if let Some((b, _)) = stem_in(s, i, BETWEEN, |b| b.0, false) {
            scan.cues.between = true;
            words_rev.push(b.1.into());
            j = i;
            break;
        }
        if scan.cues.noun.is_none() && scan.cues.direction.is_none() && !scan.cues.near {
            // A noun in construct takes no article (مدينة الموصل); العاصمة is in apposition.
            if let Some((n, flags)) = stem_in(s, i, NOUNS, |n| n.0, true)
                .filter(|(n, f)| n.2 == NounCue::Capital || f & proclitic_flags::ARTICLE == 0)
            {
                scan.cues.noun = Some(n.2);
                scan.cues.dual = n.3;
                scan.cues.prep |= prep_bi(flags);
                words_rev.push(n.1.into());
                j = i;
                continue;
            }
        }
        if scan.cues.direction.is_none() {
            // بالقرب takes the article; the others are nouns in construct (حرس الحدود
            // بالمنطقة is not near it).
            if let Some((n, flags)) = stem_in(s, i, NEAR, |n| n.0, true)
                .filter(|(n, f)| n.0 == "قرب" || f & proclitic_flags::ARTICLE == 0)
            {
                scan.cues.near = true;
                scan.cues.border |= n.0 == "حدود";
                scan.cues.prep |= prep_bi(flags);
                words_rev.push(n.1.into());
                j = i;
                continue;
            }
            // بالقرب من، على مقربة من، قريبا من
            if s.norm_of(i) == "من" && i > floor {
                if let Some((n, flags)) = stem_in(s, i - 1, &NEAR[..3], |n| n.0, true) {
                    scan.cues.near = true;
                    scan.cues.prep |= prep_bi(flags);
                    words_rev.push("من".into());
                    words_rev.push(n.1.into());
                    j = i - 1;
                    continue;
                }
            }
        }
        if pending_direction.len() < 2 {
            if let Some((d, flags)) = stem_in(s, i, DIRECTIONS, |d| d.0, false) {
                pending_direction.push(d.1);
                scan.cues.prep |= prep_bi(flags);
                words_rev.push(d.1.into());
                j = i;
                continue;
            }
        }
        // NUMBER UNIT before a direction.
        if !pending_direction.is_empty() && scan.cues.distance_km.is_none() && i > floor {
            if let Some((u, _)) = stem_in(s, i, UNITS, |u| u.0, false) {
                if let Some(n) = number_at(s, i - 1) {
                    scan.cues.distance_km = Some(n * u.2);
                    words_rev.push(u.1.into());
                    words_rev.push(s.norm_of(i - 1).into());
                    j = i - 1;
                    // على بعد، نحو ...
                    while j > floor && DISTANCE_LEAD.contains(&s.norm_of(j - 1)) {
                        j -= 1;
                    }
                    continue;
                }
            }
        }
        break;
    }
    if !pending_direction.is_empty() {
        pending_direction.reverse();
        scan.cues.direction = Some(pending_direction.join(" "));
    }
    words_rev.reverse();
    scan.words = words_rev;
    scan.start = j;
    scan
}

/// True when an office noun (سفير، مراسل، ممثل ...) stands within three words before
/// token `cue_start` with no punctuation between: the place then describes that person
/// or mission.
pub fn after_office(s: &TokenizedSentence, cue_start: usize) -> bool {
    for i in (cue_start.saturating_sub(3)..cue_start).rev() {
        if s.tokens[i].kind == TokenKind::Punct {
            return false;
        }
        let w = s.norm_of(i);
        if s.segs_of(i)
            .iter()
            .any(|seg| OFFICES.contains(&seg.stem(w)))
        {
            return true;
        }
    }
    false
}

/// The place noun at token `i` (for العاصمة + nisba without a name).
pub(crate) fn capital_noun_at(s: &TokenizedSentence, i: usize) -> bool {
    stem_in(s, i, NOUNS, |n| n.0, true).is_some_and(|(n, _)| n.2 == NounCue::Capital)
}

/// True when token `i` is a lone و (a conjunction written apart).
pub(crate) fn lone_wa(s: &TokenizedSentence, i: usize) -> bool {
    detached(s, i, "و")
}
