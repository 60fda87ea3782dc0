//! Casualty and arrest counts (issue 4): PLOVER `size`.
//!
//! PLOVER records how many people an event killed, injured or detained. Arabic news states
//! these counts in a handful of constructions, which this module reads from the normalised
//! tokens of the sentence:
//!
//! * a verb or action noun followed by the count: مقتل 5 جنود، قتل ثلاثة أشخاص، أصيب 12
//!   آخرون، اعتقال 14 من عناصرها، لقي 4 مدنيين حتفهم، ألقي القبض على 3، ارتفعت حصيلة
//!   القتلى إلى 30;
//! * the count followed by a casualty noun: سقوط 7 قتلى و20 جريحا، 12 جثة، 5 معتقلين;
//! * the count followed by a person noun and a plural verb: 5 أشخاص قتلوا;
//! * a noun that is its own count: a dual (مقتل جنديين، قتيلان = 2), or a singular person
//!   after a casualty verb (قتل جندي، استشهد فلسطيني = 1), or أحد + a definite plural
//!   (مقتل أحد الجنود = 1);
//! * vague quantities, stored with their lower bound and the qualifier `vague`: عشرات (20),
//!   مئات (200), آلاف (2000), بضعة (3), عشرات الآلاف (20,000).
//!
//! Numbers are read in digits (Arabic-Indic digits are already folded) and in words, with
//! masculine and feminine forms, compounds joined by و (خمسة وعشرون), teens (ثمانية عشر),
//! hundreds (مئة، مائتين، ثلاثمئة) and thousands (ألف، ثلاثة آلاف) — see
//! [`parse_number_words`]. Qualifiers around the number are kept: على الأقل / ما لا يقل عن
//! (`at_least`), نحو / حوالي / قرابة / زهاء / ما يقارب (`about`), أكثر من / ما يزيد عن
//! (`more_than`), أقل من (`less_than`), حتى / ما يصل إلى (`up_to`).
//!
//! # Which counts belong to the event
//!
//! A count is taken from the trigger's clause, and from the clauses linked to it as its
//! outcome (", ما أسفر عن مقتل 5"، "مخلفا 3 قتلى"، "حيث قتل ..."). Clauses end at clause
//! punctuation and at words that open another clause or another event (إن/أن, فيما,
//! بينما, في حين, كما, بعد, إثر, عقب, قبل), so "قتل 3 جنود، فيما اعتقلت الشرطة 10" gives
//! the 10 to the arrest only. When the trigger is itself a casualty word, only counts of
//! the same family are taken: an arrest trigger takes arrests only, a killing or wounding
//! trigger takes dead and injured only. When several cues of one kind are in reach, the
//! one nearest the trigger wins. Numbers that are not people are skipped: numbers inside
//! date expressions (years, days of the month), percentages and fractions, and numbers
//! followed by a unit, weapon, place or money noun (3 صواريخ، 10 كيلومترات).
//!
//! Limitations: several counts of one kind are not added up (قتل 3 جنود و2 مدنيين gives
//! 3); "مقتل وإصابة 10" (dead and injured together) gives 10 injured only; ordinal or
//! spelled-out numbers above the millions are not read.

use crate::record::{Count, Size};
use crate::when::{date_token_spans, Words};
use marsad_text::{TokenKind, TokenizedSentence};
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// Dead, injured and arrested counts stated in the sentence for the event whose trigger is
/// at token `trigger`.
///
/// `text_of(start, end)` returns the original text of document character offsets; each
/// [`Count`] carries the words of the count (qualifier included) and their offsets.
/// Returns `None` when no count is found or `trigger` is out of range. Never panics.
pub fn casualties(
    s: &TokenizedSentence,
    trigger: usize,
    text_of: &dyn Fn(u32, u32) -> String,
) -> Option<Size> {
    if trigger >= s.len() {
        return None;
    }
    let w = Words::new(s);
    let cue_map = cue_map();
    if !(0..w.len()).any(|t| w.flags(t, cue_map) != 0) {
        return None;
    }
    let dates = date_token_spans(&w);
    let cx = Cx { w: &w, dates };
    let (lo, hi) = cx.scope(trigger);
    let own = cx.cue(trigger).map(|c| c.0).or_else(|| {
        // ألقت الشرطة القبض على ...: the trigger is the verb before القبض.
        (w.is(trigger + 1, &["القبض"]))
            .then(|| cx.cue(trigger + 1).map(|c| c.0))
            .flatten()
    });
    let allowed = |k: Kind| match own {
        Some(Kind::Arrested) => k == Kind::Arrested,
        Some(_) => k != Kind::Arrested,
        None => true,
    };
    let mut cues: Vec<(usize, Kind, Style)> = (lo..hi)
        .filter_map(|t| cx.cue(t).map(|(k, st)| (t, k, st)))
        .filter(|c| allowed(c.1))
        .collect();
    cues.sort_by_key(|c| (c.0.abs_diff(trigger), c.0));
    let mut size = Size::default();
    for (t, kind, style) in cues {
        let slot = match kind {
            Kind::Dead => &mut size.dead,
            Kind::Injured => &mut size.injured,
            Kind::Arrested => &mut size.arrested,
        };
        if slot.is_some() {
            continue;
        }
        if let Some(f) = cx.count_for_cue(t, style, lo, hi) {
            let start = s.start_after_prefix(f.start, f.prefix as usize);
            let end = s.tokens[f.end - 1].end;
            *slot = Some(Count {
                value: f.value,
                qualifier: f.qualifier.to_string(),
                text: text_of(start, end),
                start,
                end,
            });
        }
    }
    (size.dead.is_some() || size.injured.is_some() || size.arrested.is_some()).then_some(size)
}

/// Reads a number written in words (or digits) at the start of `words`, which are
/// normalised tokens (see `marsad_text::normalize`): returns its value and how many words
/// it used, or `None` when `words` does not start with a number.
///
/// * digits: `15`, `1,500` (thousands separators), `1.5 مليون`, `5 آلاف`;
/// * units, masculine and feminine: واحد/واحدة, اثنان/اثنين/اثنتين, ثلاثة/ثلاث ... عشرة/عشر;
/// * teens: أحد عشر, اثنا عشر / اثني عشر, ثلاثة عشر ... تسعة عشر;
/// * tens and compounds joined by و (as one word or two): عشرون/عشرين ... تسعون/تسعين,
///   خمسة وعشرون;
/// * hundreds: مئة/مائة, مئتان/مئتين, ثلاثمئة/ثلاثمائة, ثلاث مئة, مئة وخمسون;
/// * thousands and millions: ألف, ألفان, ثلاثة آلاف, خمسة عشر ألفا, مليون;
/// * vague quantities, read as their lower bound: عشرات 20, مئات 200, آلاف 2000, بضعة 3,
///   عشرات الآلاف 20,000.
///
/// Decimals without a multiplier (3.5) and zero are not counts and give `None`.
pub fn parse_number_words(words: &[&str]) -> Option<(u64, usize)> {
    number(words).map(|n| (n.value, n.used))
}

// ---------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------

/// A number read from words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Num {
    value: u64,
    used: usize,
    /// عشرات، مئات، آلاف, بضعة: a lower bound.
    vague: bool,
}

const NUM_UNITS: &[(&str, u64)] = &[
    ("واحد", 1),
    ("واحده", 1),
    ("اثنان", 2),
    ("اثنين", 2),
    ("اثنتان", 2),
    ("اثنتين", 2),
    ("ثلاثه", 3),
    ("ثلاث", 3),
    ("اربعه", 4),
    ("اربع", 4),
    ("خمسه", 5),
    ("خمس", 5),
    ("سته", 6),
    ("ست", 6),
    ("سبعه", 7),
    ("سبع", 7),
    ("ثمانيه", 8),
    ("ثماني", 8),
    ("ثمان", 8),
    ("تسعه", 9),
    ("تسع", 9),
    ("عشره", 10),
    ("عشر", 10),
];
/// First words of 11 and 12, which need عشر/عشرة after them.
const TEEN_HEADS: &[(&str, u64)] = &[
    ("احد", 1),
    ("احدي", 1),
    ("اثنا", 2),
    ("اثني", 2),
    ("اثنتا", 2),
    ("اثنتي", 2),
];
const TEEN_TAIL: &[&str] = &["عشر", "عشره"];
const NUM_TENS: &[(&str, u64)] = &[
    ("عشرون", 20),
    ("عشرين", 20),
    ("ثلاثون", 30),
    ("ثلاثين", 30),
    ("اربعون", 40),
    ("اربعين", 40),
    ("خمسون", 50),
    ("خمسين", 50),
    ("ستون", 60),
    ("ستين", 60),
    ("سبعون", 70),
    ("سبعين", 70),
    ("ثمانون", 80),
    ("ثمانين", 80),
    ("تسعون", 90),
    ("تسعين", 90),
];
const NUM_HUNDREDS: &[(&str, u64)] = &[
    ("مءه", 100),
    ("ماءه", 100),
    ("مءتان", 200),
    ("مءتين", 200),
    ("مءتا", 200),
    ("مءتي", 200),
    ("ماءتان", 200),
    ("ماءتين", 200),
    ("ماءتا", 200),
    ("ماءتي", 200),
    ("ثلاثمءه", 300),
    ("ثلاثماءه", 300),
    ("اربعمءه", 400),
    ("اربعماءه", 400),
    ("خمسمءه", 500),
    ("خمسماءه", 500),
    ("ستمءه", 600),
    ("ستماءه", 600),
    ("سبعمءه", 700),
    ("سبعماءه", 700),
    ("ثمانمءه", 800),
    ("ثمانماءه", 800),
    ("ثمانيمءه", 800),
    ("ثمانيماءه", 800),
    ("تسعمءه", 900),
    ("تسعماءه", 900),
];
/// "مئة" after a unit: ثلاث مئة.
const HUNDRED_WORDS: &[&str] = &["مءه", "ماءه"];
/// Numbers that stand alone as thousands or millions.
const NUM_BIG: &[(&str, u64)] = &[
    ("الف", 1_000),
    ("الفا", 1_000),
    ("الفان", 2_000),
    ("الفين", 2_000),
    ("مليون", 1_000_000),
    ("مليونا", 1_000_000),
    ("مليونان", 2_000_000),
    ("مليونين", 2_000_000),
];
/// Multipliers after a number: ثلاثة آلاف، 15 ألفا، 1.5 مليون.
const MULTIPLIERS: &[(&str, u64)] = &[
    ("الف", 1_000),
    ("الفا", 1_000),
    ("الاف", 1_000),
    ("مليون", 1_000_000),
    ("مليونا", 1_000_000),
    ("ملايين", 1_000_000),
    ("مليار", 1_000_000_000),
];
const VAGUE: &[(&str, u64)] = &[
    ("عشرات", 20),
    ("العشرات", 20),
    ("مءات", 200),
    ("ماءات", 200),
    ("المءات", 200),
    ("الماءات", 200),
    ("الاف", 2_000),
    ("الالاف", 2_000),
    ("بضعه", 3),
    ("بضع", 3),
];
/// عشرات الآلاف، مئات الآلاف.
const VAGUE_MULTIPLIERS: &[(&str, u64)] = &[
    ("الاف", 1_000),
    ("الالاف", 1_000),
    ("ملايين", 1_000_000),
    ("الملايين", 1_000_000),
];

fn find(table: &[(&str, u64)], w: &str) -> Option<u64> {
    table.iter().find(|(k, _)| *k == w).map(|&(_, v)| v)
}

/// Digits with optional thousands separators (`1,500`) or a decimal part (`1.5`, only
/// with a multiplier after it): (value, decimal value).
fn digits(w: &str) -> Option<Result<u64, f64>> {
    if w.is_empty() || !w.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if !w
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
    {
        return None;
    }
    if w.contains('.') {
        if w.contains(',') || w.matches('.').count() > 1 {
            return None;
        }
        return w.parse::<f64>().ok().map(Err);
    }
    let groups: Vec<&str> = w.split(',').collect();
    if groups.len() > 1
        && (groups[0].is_empty() || groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3))
    {
        return None;
    }
    let joined: String = groups.concat();
    if joined.len() > 18 {
        return None;
    }
    joined.parse::<u64>().ok().map(Ok)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Last {
    Unit(u64),
    Teen,
    Tens,
    Hundred,
    Big,
}

fn number(words: &[&str]) -> Option<Num> {
    let first = *words.first()?;
    if let Some(d) = digits(first) {
        let mult = words.get(1).and_then(|w| find(MULTIPLIERS, w));
        let value = match (d, mult) {
            (Ok(v), None) => v,
            (Ok(v), Some(m)) => v.checked_mul(m)?,
            (Err(x), Some(m)) => {
                let v = x * m as f64;
                if !v.is_finite() || v >= 1e18 {
                    return None;
                }
                v.round() as u64
            }
            (Err(_), None) => return None,
        };
        if value == 0 {
            return None;
        }
        let used = 1 + usize::from(mult.is_some());
        return Some(Num {
            value,
            used,
            vague: false,
        });
    }
    if let Some(v) = find(VAGUE, first) {
        let mult = words.get(1).and_then(|w| find(VAGUE_MULTIPLIERS, w));
        return Some(Num {
            value: v.checked_mul(mult.unwrap_or(1))?,
            used: 1 + usize::from(mult.is_some()),
            vague: true,
        });
    }
    let is_teen_tail = |i: usize| words.get(i).is_some_and(|w| TEEN_TAIL.contains(w));
    let (mut total, mut cur, mut last, mut i): (u64, u64, Last, usize);
    if let Some(u) = find(NUM_UNITS, first) {
        (total, cur, last, i) = (0, u, Last::Unit(u), 1);
    } else if let Some(u) = find(TEEN_HEADS, first) {
        if !is_teen_tail(1) {
            return None;
        }
        (total, cur, last, i) = (0, 10 + u, Last::Teen, 2);
    } else if let Some(v) = find(NUM_TENS, first) {
        (total, cur, last, i) = (0, v, Last::Tens, 1);
    } else if let Some(v) = find(NUM_HUNDREDS, first) {
        (total, cur, last, i) = (0, v, Last::Hundred, 1);
    } else if let Some(v) = find(NUM_BIG, first) {
        (total, cur, last, i) = (v, 0, Last::Big, 1);
    } else {
        return None;
    }
    while i < words.len() {
        let w = words[i];
        // Followers written without و.
        if let Last::Unit(u) = last {
            if (1..=9).contains(&u) && TEEN_TAIL.contains(&w) {
                cur += 10;
                last = Last::Teen;
                i += 1;
                continue;
            }
            if (3..=9).contains(&u) && HUNDRED_WORDS.contains(&w) {
                cur = cur - u + u * 100;
                last = Last::Hundred;
                i += 1;
                continue;
            }
        }
        if let Some(m) = find(MULTIPLIERS, w) {
            if cur > 0 && last != Last::Big {
                total = total.checked_add(cur.checked_mul(m)?)?;
                cur = 0;
                last = Last::Big;
                i += 1;
                continue;
            }
            break;
        }
        // Pieces joined by و, as a prefix or a separate token.
        let (piece, adv) = if w == "و" {
            match words.get(i + 1) {
                Some(p) => (*p, 2),
                None => break,
            }
        } else if let Some(r) = w.strip_prefix('و') {
            (r, 1)
        } else {
            break;
        };
        if let Some(u) = find(NUM_UNITS, piece) {
            cur += u;
            last = Last::Unit(u);
        } else if let Some(u) = find(TEEN_HEADS, piece) {
            if !is_teen_tail(i + adv) {
                break;
            }
            cur += 10 + u;
            last = Last::Teen;
            i += 1;
        } else if let Some(v) = find(NUM_TENS, piece) {
            cur += v;
            last = Last::Tens;
        } else if let Some(v) = find(NUM_HUNDREDS, piece) {
            cur += v;
            last = Last::Hundred;
        } else if let Some(v) = find(NUM_BIG, piece) {
            total = total.checked_add(v)?;
            last = Last::Big;
        } else {
            break;
        }
        i += adv;
    }
    let value = total.checked_add(cur)?;
    (value > 0).then_some(Num {
        value,
        used: i,
        vague: false,
    })
}

// ---------------------------------------------------------------------------------------
// Cues
// ---------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Dead,
    Injured,
    Arrested,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Style {
    /// The count follows: مقتل 5، اعتقال 14، أصيب 12، حصيلة القتلى إلى 30.
    After,
    /// The count precedes: 7 قتلى، 20 جريحا، 12 جثة.
    Before,
    /// The count and a noun precede a plural verb: 5 أشخاص قتلوا.
    BeforeVerb,
    /// The word is a count of one when no number precedes it: سقوط قتيل.
    Single,
    /// The word is a count of two: قتيلان، جريحين.
    Dual,
}

const CUES: &[(&str, (Kind, Style))] = {
    use Kind::*;
    use Style::*;
    &[
        // Dead.
        ("قتل", (Dead, After)),
        ("قتلت", (Dead, After)),
        ("مقتل", (Dead, After)),
        ("مصرع", (Dead, After)),
        ("استشهد", (Dead, After)),
        ("استشهدت", (Dead, After)),
        ("استشهاد", (Dead, After)),
        ("لقي", (Dead, After)),
        ("لقيت", (Dead, After)),
        ("وفاه", (Dead, After)),
        ("توفي", (Dead, After)),
        ("اغتيال", (Dead, After)),
        ("اغتيل", (Dead, After)),
        ("القتلي", (Dead, After)),
        ("الشهداء", (Dead, After)),
        ("قتلي", (Dead, Before)),
        ("قتيلا", (Dead, Before)),
        ("شهداء", (Dead, Before)),
        ("شهيدا", (Dead, Before)),
        ("جثه", (Dead, Before)),
        ("جثث", (Dead, Before)),
        ("قتيل", (Dead, Single)),
        ("شهيد", (Dead, Single)),
        ("قتيلان", (Dead, Dual)),
        ("قتيلين", (Dead, Dual)),
        ("شهيدان", (Dead, Dual)),
        ("شهيدين", (Dead, Dual)),
        ("جثتان", (Dead, Dual)),
        ("جثتين", (Dead, Dual)),
        ("قتلوا", (Dead, BeforeVerb)),
        ("قتلا", (Dead, BeforeVerb)),
        ("استشهدوا", (Dead, BeforeVerb)),
        ("استشهدا", (Dead, BeforeVerb)),
        ("لقوا", (Dead, BeforeVerb)),
        ("لقيا", (Dead, BeforeVerb)),
        ("توفوا", (Dead, BeforeVerb)),
        ("توفيا", (Dead, BeforeVerb)),
        // Injured.
        ("اصيب", (Injured, After)),
        ("اصيبت", (Injured, After)),
        ("اصابه", (Injured, After)),
        ("جرح", (Injured, After)),
        ("جرحت", (Injured, After)),
        ("الجرحي", (Injured, After)),
        ("المصابين", (Injured, After)),
        ("جرحي", (Injured, Before)),
        ("جريحا", (Injured, Before)),
        ("مصابين", (Injured, Before)),
        ("مصابا", (Injured, Before)),
        ("مصابون", (Injured, Before)),
        ("اصابات", (Injured, Before)),
        ("جريح", (Injured, Single)),
        ("مصاب", (Injured, Single)),
        ("جريحان", (Injured, Dual)),
        ("جريحين", (Injured, Dual)),
        ("مصابان", (Injured, Dual)),
        ("اصيبوا", (Injured, BeforeVerb)),
        ("اصيبا", (Injured, BeforeVerb)),
        ("جرحوا", (Injured, BeforeVerb)),
        ("جرحا", (Injured, BeforeVerb)),
        // Arrested.
        ("اعتقل", (Arrested, After)),
        ("اعتقلت", (Arrested, After)),
        ("اعتقال", (Arrested, After)),
        ("احتجز", (Arrested, After)),
        ("احتجزت", (Arrested, After)),
        ("احتجاز", (Arrested, After)),
        ("توقيف", (Arrested, After)),
        ("اوقف", (Arrested, After)),
        ("اوقفت", (Arrested, After)),
        ("القبض", (Arrested, After)),
        ("المعتقلين", (Arrested, After)),
        ("الموقوفين", (Arrested, After)),
        ("معتقلين", (Arrested, Before)),
        ("معتقلا", (Arrested, Before)),
        ("معتقلون", (Arrested, Before)),
        ("محتجزين", (Arrested, Before)),
        ("محتجزا", (Arrested, Before)),
        ("موقوفين", (Arrested, Before)),
        ("موقوفا", (Arrested, Before)),
        ("اعتقلوا", (Arrested, BeforeVerb)),
        ("اعتقلا", (Arrested, BeforeVerb)),
        ("احتجزوا", (Arrested, BeforeVerb)),
        ("اوقفوا", (Arrested, BeforeVerb)),
    ]
};

/// Every cue form, flagged 1, for quick rejection of the tokens that are not cues.
fn cue_map() -> &'static FxHashMap<&'static str, u16> {
    static MAP: OnceLock<FxHashMap<&'static str, u16>> = OnceLock::new();
    MAP.get_or_init(|| CUES.iter().map(|&(f, _)| (f, 1)).collect())
}

/// Flag of [`break_map`]: a word that opens a clause.
const F_BREAK: u16 = 1;

fn break_map() -> &'static FxHashMap<&'static str, u16> {
    static MAP: OnceLock<FxHashMap<&'static str, u16>> = OnceLock::new();
    MAP.get_or_init(|| {
        BREAK_WORDS
            .iter()
            .chain(["في"].iter())
            .map(|&f| (f, F_BREAK))
            .collect()
    })
}

/// حتفه، مصرعهم ...: what makes لقي a death.
const HATF: &[&str] = &[
    "حتفه",
    "حتفهم",
    "حتفها",
    "حتفهما",
    "حتفهن",
    "مصرعه",
    "مصرعهم",
    "مصرعها",
    "مصرعهما",
];
/// حصيلة / عدد before a casualty noun: the count follows (حصيلة قتلى الهجوم إلى 30).
const TALLY: &[&str] = &["حصيله", "عدد", "ارتفاع", "وصول"];

/// Qualifiers before a number, longest first.
const QUALIFIERS: &[(&[&str], &str)] = &[
    (&["ما", "لا", "يقل", "عن"], "at_least"),
    (&["ما", "لا", "يقل", "علي"], "at_least"),
    (&["لا", "يقل", "عن"], "at_least"),
    (&["علي", "الاقل"], "at_least"),
    (&["ما", "يصل", "الي"], "up_to"),
    (&["ما", "يزيد", "عن"], "more_than"),
    (&["ما", "يزيد", "علي"], "more_than"),
    (&["ما", "يربو", "علي"], "more_than"),
    (&["ما", "يقرب", "من"], "about"),
    (&["ما", "يقارب"], "about"),
    (&["ما", "يناهز"], "about"),
    (&["ما", "يفوق"], "more_than"),
    (&["ما", "يقل", "عن"], "less_than"),
    (&["اكثر", "من"], "more_than"),
    (&["ازيد", "من"], "more_than"),
    (&["اقل", "من"], "less_than"),
    (&["يصل", "الي"], "up_to"),
    (&["يقارب"], "about"),
    (&["يناهز"], "about"),
    (&["نحو"], "about"),
    (&["حوالي"], "about"),
    (&["قرابه"], "about"),
    (&["زهاء"], "about"),
    (&["حتي"], "up_to"),
];

/// Singular person nouns: a casualty verb before one of them counts one person.
const PERSON_SG: &[&str] = &[
    "شخص",
    "جندي",
    "مدني",
    "شرطي",
    "عنصر",
    "مسلح",
    "طفل",
    "طفله",
    "امراه",
    "رجل",
    "مواطن",
    "مقاتل",
    "ضابط",
    "قاءد",
    "قيادي",
    "ناشط",
    "ناشطه",
    "صحفي",
    "صحفيه",
    "متظاهر",
    "طالب",
    "طالبه",
    "عامل",
    "مهاجر",
    "لاجء",
    "شاب",
    "فتي",
    "فتاه",
    "سجين",
    "حارس",
    "مسعف",
    "طبيب",
    "مستوطن",
    "معارض",
    "مسءول",
    "زعيم",
    "عسكري",
    "مزارع",
    "صياد",
    "ساءق",
    "عقيد",
    "نقيب",
    "ملازم",
    "رقيب",
    "عريف",
    "مجند",
    "ارهابي",
    "انتحاري",
    "متشدد",
    "مشتبه",
    "متهم",
    "شيخ",
];
/// Singular person nouns whose plural is broken, so that the form in ين/ان is a dual
/// (جنديين، شخصين), unlike مدنيين (a plural too).
const DUAL_OK: &[&str] = &[
    "شخص",
    "جندي",
    "شرطي",
    "عنصر",
    "طفل",
    "طفله",
    "رجل",
    "ضابط",
    "قاءد",
    "طالب",
    "حارس",
    "طبيب",
    "شاب",
    "زعيم",
    "سجين",
    "امراه",
    "فتاه",
    "شيخ",
    "عقيد",
    "نقيب",
    "مجند",
];
/// Words ending in ي that are not nisba adjectives of persons.
const NOT_NISBA: &[&str] = &[
    "حوالي",
    "ثماني",
    "اثني",
    "اثنتي",
    "لدي",
    "عندي",
    "الذي",
    "التي",
    "حتي",
    "علي",
    "الي",
    "يجري",
    "يمضي",
    "انتهي",
    "الماضي",
    "الحالي",
    "الجاري",
    "المحلي",
    "التالي",
];
/// Nouns after a number that show it does not count people.
const NONPERSON: &[&str] = &[
    "صاروخ",
    "صاروخا",
    "صواريخ",
    "قذيفه",
    "قذاءف",
    "غاره",
    "غارات",
    "كيلومتر",
    "كيلومترا",
    "كيلومترات",
    "كلم",
    "كم",
    "متر",
    "مترا",
    "امتار",
    "عام",
    "عاما",
    "اعوام",
    "سنه",
    "سنوات",
    "سنين",
    "شهر",
    "شهرا",
    "اشهر",
    "شهور",
    "يوم",
    "يوما",
    "ايام",
    "ساعه",
    "ساعات",
    "دقيقه",
    "دقاءق",
    "اسبوع",
    "اسبوعا",
    "اسابيع",
    "دولار",
    "دولارا",
    "دولارات",
    "يورو",
    "ريال",
    "ريالا",
    "جنيه",
    "جنيها",
    "دينار",
    "دينارا",
    "ليره",
    "درهم",
    "طن",
    "طنا",
    "اطنان",
    "لتر",
    "كيلوغرام",
    "كغ",
    "بالماءه",
    "بالمءه",
    "منزل",
    "منزلا",
    "منازل",
    "مبني",
    "مباني",
    "سياره",
    "سيارات",
    "مركبه",
    "مركبات",
    "دبابه",
    "دبابات",
    "طاءره",
    "طاءرات",
    "مسيره",
    "مسيرات",
    "هجوم",
    "هجوما",
    "هجمات",
    "عمليه",
    "عمليات",
    "مره",
    "مرات",
    "قريه",
    "قري",
    "موقع",
    "مواقع",
    "مستشفي",
    "مستشفيات",
    "مدينه",
    "مدن",
    "بلده",
    "بلدات",
    "مناطق",
    "نقاط",
    "طلقه",
    "عبوه",
    "عبوات",
    "لغم",
    "الغام",
    "قضيه",
    "قضايا",
    "مليار",
    "نقطه",
    "محافظات",
    "مخيم",
    "مخيمات",
    "سجون",
    "مراكز",
    "حاله",
    "حالات",
];
/// Words before a four-digit number that make it a year.
const YEAR_CONTEXT: &[&str] = &[
    "في",
    "عام",
    "العام",
    "منذ",
    "سنه",
    "السنه",
    "خلال",
    "حتي",
    "مطلع",
    "نهايه",
    "بدايه",
];
/// Words that open a clause or another event.
const BREAK_WORDS: &[&str] = &[
    "ان",
    "انه",
    "انها",
    "انهم",
    "انهما",
    "فيما",
    "بينما",
    "كما",
    "بعد",
    "بعدما",
    "عقب",
    "اثر",
    "قبل",
    "قبيل",
    "لكن",
];
const BREAK_PUNCT: &[&str] = &[",", ";", ":", ".", "?", "!", "\"", "(", ")", "—", "–", "-"];
/// Words that link a clause to the one before as its outcome.
const LINKERS: &[&str] = &[
    "اسفر",
    "اسفرت",
    "ادي",
    "ادت",
    "خلف",
    "خلفت",
    "اوقع",
    "اوقعت",
    "مخلفا",
    "مخلفه",
    "موقعا",
    "موقعه",
    "حيث",
    "متسببا",
    "متسببه",
    "تسبب",
    "تسببت",
];

/// A count found in the tokens: tokens `[start, end)`, characters of clitics to skip in
/// the first, value and qualifier; `nonperson` when the noun after it is not people.
struct Found {
    start: usize,
    prefix: u8,
    end: usize,
    num_end: usize,
    value: u64,
    qualifier: &'static str,
    nonperson: bool,
}

struct Cx<'a> {
    w: &'a Words<'a>,
    dates: Vec<(usize, usize)>,
}

impl Cx<'_> {
    fn in_date(&self, t: usize) -> bool {
        self.dates.iter().any(|&(a, b)| t >= a && t < b)
    }

    fn is_break(&self, t: usize) -> bool {
        let w = self.w;
        if self.in_date(t) {
            return false;
        }
        match w.kind(t) {
            Some(TokenKind::Punct) => BREAK_PUNCT.contains(&w.norm(t)),
            Some(TokenKind::Word) => {
                w.flags(t, break_map()) & F_BREAK != 0
                    && (w.is(t, BREAK_WORDS) || (w.is(t, &["في"]) && w.is(t + 1, &["حين"])))
            }
            _ => false,
        }
    }

    /// True when the clause starting at `t` is the outcome of the one before it.
    fn linked(&self, mut t: usize) -> bool {
        let w = self.w;
        while w.is(t, &["و", "قد", "وقد"]) {
            t += 1;
        }
        if w.is(t, &["ما", "مما"]) {
            t += 1;
        }
        w.is(t, LINKERS)
    }

    /// Tokens `[lo, hi)` in reach of the trigger: its clause and the clauses linked to it.
    fn scope(&self, trigger: usize) -> (usize, usize) {
        let n = self.w.len();
        let mut lo = trigger;
        while lo > 0 && !self.is_break(lo) {
            lo -= 1;
        }
        let mut hi = trigger + 1;
        loop {
            while hi < n && !self.is_break(hi) {
                hi += 1;
            }
            if hi < n && self.w.kind(hi) == Some(TokenKind::Punct) && self.linked(hi + 1) {
                hi += 1;
                continue;
            }
            break;
        }
        (lo, hi)
    }

    /// The casualty cue at token `t`, if any.
    fn cue(&self, t: usize) -> Option<(Kind, Style)> {
        let w = self.w;
        if w.flags(t, cue_map()) == 0 {
            return None;
        }
        let ((kind, style), _) = w.lookup(t, CUES)?;
        if w.is(t, &["القبض"]) && !w.is(t + 1, &["علي"]) {
            return None;
        }
        if w.is(t, &["لقي", "لقيت", "لقوا", "لقيا"]) && !(t + 1..t + 7).any(|k| w.is(k, HATF))
        {
            return None;
        }
        // بجرح، لجرح: the noun "wound", not the verb.
        if w.m(t, &["جرح", "جرحت"])
            .is_some_and(|p| p > u8::from(w.norm(t).starts_with('و')))
        {
            return None;
        }
        Some((kind, style))
    }

    /// A number (with its qualifiers) starting at token `j`.
    fn count_at(&self, j: usize) -> Option<Found> {
        let w = self.w;
        if self.in_date(j) || w.kind(j) == Some(TokenKind::Punct) {
            return None;
        }
        let mut k = j;
        let mut qual = None;
        let mut prefix = 0;
        for (seq, q) in QUALIFIERS {
            if seq.iter().enumerate().all(|(x, f)| w.is(j + x, &[f])) {
                prefix = w.m(j, &[seq[0]]).unwrap_or(0);
                qual = Some(*q);
                k = j + seq.len();
                break;
            }
        }
        if self.in_date(k) {
            return None;
        }
        // A year that the date reader did not take: "قمعت في 2009 الحركات".
        if let Some((y, 4)) = w.int(k) {
            if (1900..=2100).contains(&y) && k > 0 && w.is(k - 1, YEAR_CONTEXT) {
                return None;
            }
        }
        let rest: Vec<&str> = (k + 1..w.len().min(k + 8))
            .take_while(|&t| w.kind(t) != Some(TokenKind::Punct))
            .map(|t| w.norm(t))
            .collect();
        // The first word may carry a conjunction or preposition (وثلاثة، بعشرات).
        let forms: Vec<(String, u8)> = match w.kind(k)? {
            TokenKind::Number => vec![(w.norm(k).to_string(), 0)],
            TokenKind::Word => {
                let mut v = vec![(w.norm(k).to_string(), 0)];
                for (f, p) in core_forms(w, k) {
                    v.push((f, p));
                }
                v
            }
            _ => return None,
        };
        let (num, first_prefix) = forms.iter().find_map(|(f, p)| {
            let mut words: Vec<&str> = Vec::with_capacity(rest.len() + 1);
            words.push(f.as_str());
            words.extend(rest.iter().copied());
            number(&words).map(|n| (n, *p))
        })?;
        if k == j {
            prefix = first_prefix;
        }
        let num_end = k + num.used;
        if num_end > k + 1 && (k + 1..num_end).any(|t| self.in_date(t)) {
            return None;
        }
        let mut qualifier = if num.vague {
            "vague"
        } else {
            qual.unwrap_or("exact")
        };
        // Trailing على الأقل / تقريبا, right after the number or after its noun.
        let mut end = num_end;
        for at in [num_end, num_end + 1] {
            if w.is(at, &["علي"]) && w.is(at + 1, &["الاقل"]) {
                if qualifier == "exact" {
                    qualifier = "at_least";
                }
                end = at + 2;
                break;
            }
            if w.is(at, &["تقريبا"]) {
                if qualifier == "exact" {
                    qualifier = "about";
                }
                end = at + 1;
                break;
            }
        }
        Some(Found {
            start: j,
            prefix,
            end,
            num_end,
            value: num.value,
            qualifier,
            nonperson: self.nonperson(num_end),
        })
    }

    /// True when the token after a number shows that it does not count people.
    fn nonperson(&self, t: usize) -> bool {
        let w = self.w;
        if ["%", "/", ":", "."]
            .iter()
            .any(|p| w.punct(t, p) && w.int(t + 1).is_some())
            || w.punct(t, "%")
        {
            return true;
        }
        if w.is(t, &["في"]) && w.is(t + 1, &["الماءه", "المءه"]) {
            return true;
        }
        let t = if w.is(t, &["من"]) { t + 1 } else { t };
        if w.kind(t) != Some(TokenKind::Word) {
            return false;
        }
        let bare = w.norm(t).strip_prefix("ال").unwrap_or(w.norm(t));
        w.is(t, NONPERSON) || NONPERSON.contains(&bare)
    }

    /// The count for the cue at `t`.
    fn count_for_cue(&self, t: usize, style: Style, lo: usize, hi: usize) -> Option<Found> {
        let w = self.w;
        let definite = w.norm(t).starts_with("ال") || w.norm(t).starts_with("لل");
        match style {
            Style::After => {
                if definite {
                    // عشرات القتلى، مئات المعتقلين
                    if let Some(f) = self.before(t, lo, false) {
                        return Some(f);
                    }
                }
                let from = if w.is(t, &["القبض"]) {
                    t + 2
                } else {
                    t + 1
                };
                self.after(from, hi).or_else(|| self.singular(from, t))
            }
            Style::Before | Style::Single | Style::Dual => {
                if let Some(f) = self.before(t, lo, false) {
                    return Some(f);
                }
                let prefix = w.lookup(t, CUES).map_or(0, |x| x.1);
                match style {
                    Style::Dual => return Some(self.self_count(t, prefix, 2)),
                    Style::Single => return Some(self.self_count(t, prefix, 1)),
                    _ => {}
                }
                if t > lo && w.is(t - 1, TALLY) {
                    return self.after(t + 1, hi);
                }
                None
            }
            Style::BeforeVerb => self.before(t, lo, true).or_else(|| {
                // A dual noun right before the verb: شرطيان قتلا.
                if t <= lo {
                    return None;
                }
                let p = dual_person(w, t - 1)?;
                Some(self.self_count(t - 1, p, 2))
            }),
        }
    }

    /// A count ending right before the cue at `t` (or before a noun and the cue when
    /// `noun_between`).
    fn before(&self, t: usize, lo: usize, noun_between: bool) -> Option<Found> {
        let from = lo.max(t.saturating_sub(8));
        (from..t).find_map(|k| {
            let f = self.count_at(k)?;
            let fits = f.num_end == t
                || (noun_between && (f.num_end + 1 == t || f.end == t) && !f.nonperson);
            fits.then_some(f)
        })
    }

    /// The first count in a few tokens from `from`: a number, a dual noun or أحد + a
    /// definite plural. Stops at another cue and gives up at a count of things.
    fn after(&self, from: usize, hi: usize) -> Option<Found> {
        let w = self.w;
        for j in from..hi.min(from + 7) {
            if self.cue(j).is_some() {
                return None;
            }
            if self.in_date(j) {
                continue;
            }
            if let Some(f) = self.count_at(j) {
                return (!f.nonperson).then_some(f);
            }
            if let Some(p) = dual_person(w, j) {
                return Some(self.self_count(j, p, 2));
            }
            if j == from && w.is(j, &["احد", "احدي"]) && w.norm(j + 1).starts_with("ال") {
                return Some(self.self_count(j, w.m(j, &["احد", "احدي"]).unwrap_or(0), 1));
            }
        }
        None
    }

    /// One person named right after a casualty verb: قتل جندي، استشهد فلسطيني.
    fn singular(&self, from: usize, cue: usize) -> Option<Found> {
        let w = self.w;
        if self.w.norm(cue).starts_with("ال") {
            return None;
        }
        let n = w.norm(from);
        let bare = n.strip_prefix("ال").unwrap_or(n);
        let bare = bare
            .strip_suffix('ا')
            .filter(|b| PERSON_SG.contains(b))
            .unwrap_or(bare);
        let person = w.kind(from) == Some(TokenKind::Word)
            && (PERSON_SG.contains(&bare) || (bare == n && is_nisba(n)));
        person.then(|| self.self_count(from, 0, 1))
    }

    /// A word that is its own count (`prefix` characters of clitics skipped).
    fn self_count(&self, t: usize, prefix: u8, value: u64) -> Found {
        Found {
            start: t,
            prefix,
            end: t + 1,
            num_end: t + 1,
            value,
            qualifier: "exact",
            nonperson: false,
        }
    }
}

/// Forms of word `t` with a conjunction or preposition stripped.
fn core_forms(w: &Words, t: usize) -> Vec<(String, u8)> {
    let n = w.norm(t);
    let mut out = Vec::new();
    if let Some(r) = n.strip_prefix(['و', 'ف', 'ب']) {
        if r.chars().count() >= 2 {
            out.push((r.to_string(), 1));
            if let Some(r2) = r.strip_prefix('ب') {
                if r2.chars().count() >= 2 {
                    out.push((r2.to_string(), 2));
                }
            }
        }
    }
    out
}

/// A nisba adjective used as a person noun: فلسطيني، عراقي.
fn is_nisba(word: &str) -> bool {
    word.ends_with('ي')
        && word.chars().count() >= 4
        && !word.starts_with("ال")
        && !NOT_NISBA.contains(&word)
        && !NONPERSON.contains(&word)
}

/// When word `t` is a dual person noun (جنديين، شخصان، امرأتين، فلسطينيان, also after و):
/// the characters of clitics before it.
fn dual_person(w: &Words, t: usize) -> Option<u8> {
    if w.kind(t) != Some(TokenKind::Word) {
        return None;
    }
    let n = w.norm(t);
    if is_dual_word(n) {
        return Some(0);
    }
    let r = n.strip_prefix(['و', 'ف'])?;
    is_dual_word(r).then_some(1)
}

fn is_dual_word(n: &str) -> bool {
    for suf in ["ين", "ان"] {
        if let Some(stem) = n.strip_suffix(suf) {
            if DUAL_OK.contains(&stem) {
                return true;
            }
            // امرأتين، طفلتين: ة becomes ت before the dual ending.
            if let Some(st) = stem.strip_suffix('ت') {
                let fem = format!("{st}ه");
                if DUAL_OK.contains(&fem.as_str()) {
                    return true;
                }
            }
            if suf == "ان" && is_nisba(stem) {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use marsad_text::{normalize, split_sentences, tokenize};

    struct Doc {
        text: String,
        s: TokenizedSentence,
    }

    fn doc(text: &str) -> Doc {
        let spans = split_sentences(text);
        let mut s = TokenizedSentence::default();
        tokenize(text, &spans[0], &mut s);
        Doc {
            text: text.to_string(),
            s,
        }
    }

    impl Doc {
        fn size(&self, trigger: &str) -> Option<Size> {
            let t = (0..self.s.len())
                .find(|&i| self.s.norm_of(i) == normalize(trigger))
                .unwrap_or_else(|| panic!("no token {trigger}"));
            let text = self.text.clone();
            let text_of = move |a: u32, b: u32| -> String {
                text.chars()
                    .skip(a as usize)
                    .take((b - a) as usize)
                    .collect()
            };
            casualties(&self.s, t, &text_of)
        }
    }

    /// (value, qualifier) of each kind.
    type Brief = (
        Option<(u64, String)>,
        Option<(u64, String)>,
        Option<(u64, String)>,
    );

    fn brief(text: &str, trigger: &str) -> Brief {
        let b = |c: &Option<Count>| c.as_ref().map(|c| (c.value, c.qualifier.clone()));
        match doc(text).size(trigger) {
            Some(s) => (b(&s.dead), b(&s.injured), b(&s.arrested)),
            None => (None, None, None),
        }
    }

    fn c(v: u64, q: &str) -> Option<(u64, String)> {
        Some((v, q.to_string()))
    }

    fn dead(text: &str, trigger: &str) -> Option<(u64, String)> {
        brief(text, trigger).0
    }

    // ---- numbers ----

    fn num(s: &str) -> Option<(u64, usize)> {
        let n = normalize(s);
        let words: Vec<&str> = n.split(' ').collect();
        parse_number_words(&words)
    }

    #[test]
    fn number_words() {
        let cases: &[(&str, u64, usize)] = &[
            ("واحد", 1, 1),
            ("واحدة", 1, 1),
            ("اثنان", 2, 1),
            ("اثنين", 2, 1),
            ("اثنتين", 2, 1),
            ("ثلاثة", 3, 1),
            ("ثلاث", 3, 1),
            ("أربع نساء", 4, 1),
            ("ثمانية", 8, 1),
            ("ثماني", 8, 1),
            ("عشرة", 10, 1),
            ("عشر", 10, 1),
            ("أحد عشر", 11, 2),
            ("إحدى عشرة", 11, 2),
            ("اثنا عشر", 12, 2),
            ("اثني عشر", 12, 2),
            ("ثمانية عشر جنديا", 18, 2),
            ("تسع عشرة", 19, 2),
            ("عشرون", 20, 1),
            ("عشرين", 20, 1),
            ("تسعين", 90, 1),
            ("خمسة وعشرون", 25, 2),
            ("خمسة و عشرون", 25, 3),
            ("ثلاثة وأربعين شخصا", 43, 2),
            ("مئة", 100, 1),
            ("مائة", 100, 1),
            ("مئتان", 200, 1),
            ("مئتين", 200, 1),
            ("مائتي", 200, 1),
            ("ثلاثمئة", 300, 1),
            ("ثلاثمائة", 300, 1),
            ("ثلاث مئة", 300, 2),
            ("مئة وخمسون", 150, 2),
            ("مائة وخمسة عشر", 115, 3),
            ("ألف", 1000, 1),
            ("ألفان", 2000, 1),
            ("ثلاثة آلاف", 3000, 2),
            ("خمسة عشر ألفا", 15_000, 3),
            ("ألف وخمسمائة", 1500, 2),
            ("مليون", 1_000_000, 1),
            ("15", 15, 1),
            ("١٥", 15, 1),
            ("1,500", 1500, 1),
            ("5 آلاف", 5000, 2),
            ("1.5 مليون", 1_500_000, 2),
            ("عشرات", 20, 1),
            ("مئات", 200, 1),
            ("آلاف", 2000, 1),
            ("عشرات الآلاف", 20_000, 2),
            ("بضعة", 3, 1),
        ];
        for (s, v, used) in cases {
            assert_eq!(num(s), Some((*v, *used)), "{s}");
        }
        for s in [
            "",
            "أحد",
            "3.5",
            "0",
            "قتل",
            "وخمسة",
            "الاثنين",
            "1,50",
            "99999999999999999999",
        ] {
            assert_eq!(num(s), None, "{s}");
        }
    }

    #[test]
    fn vocabulary_is_normalised() {
        let mut all: Vec<&str> = Vec::new();
        for t in [
            NUM_UNITS,
            TEEN_HEADS,
            NUM_TENS,
            NUM_HUNDREDS,
            NUM_BIG,
            MULTIPLIERS,
            VAGUE,
            VAGUE_MULTIPLIERS,
        ] {
            all.extend(t.iter().map(|x| x.0));
        }
        for l in [
            TEEN_TAIL,
            HUNDRED_WORDS,
            HATF,
            TALLY,
            YEAR_CONTEXT,
            PERSON_SG,
            DUAL_OK,
            NOT_NISBA,
            NONPERSON,
            BREAK_WORDS,
            BREAK_PUNCT,
            LINKERS,
        ] {
            all.extend(l.iter().copied());
        }
        all.extend(CUES.iter().map(|x| x.0));
        all.extend(QUALIFIERS.iter().flat_map(|x| x.0.iter().copied()));
        for f in all {
            assert_eq!(normalize(f), f, "{f} is not normalised");
        }
    }

    // ---- the constructions ----

    #[test]
    fn dead_counts() {
        assert_eq!(
            dead("أعلن الجيش مقتل 5 جنود في هجوم على حاجز.", "مقتل"),
            c(5, "exact")
        );
        assert_eq!(
            dead("قتل ثلاثة أشخاص في انفجار سيارة مفخخة.", "قتل"),
            c(3, "exact")
        );
        assert_eq!(
            dead("قُتل ٢٥ شخصاً في غارات على إدلب.", "قتل"),
            c(25, "exact")
        );
        assert_eq!(
            dead("لقي 4 مدنيين حتفهم في قصف على المدينة.", "لقي"),
            c(4, "exact")
        );
        assert_eq!(dead("لقي جندي حتفه في انفجار لغم.", "لقي"), c(1, "exact"));
        assert_eq!(
            dead("استشهد 3 فلسطينيين برصاص الاحتلال في جنين.", "استشهد"),
            c(3, "exact")
        );
        assert_eq!(
            dead("استشهد فلسطيني برصاص الاحتلال.", "استشهد"),
            c(1, "exact")
        );
        assert_eq!(dead("سقط 6 شهداء في القصف.", "سقط"), c(6, "exact"));
        assert_eq!(
            dead("أعلنت الشرطة مصرع سبعة أشخاص في الحادث.", "مصرع"),
            c(7, "exact")
        );
        assert_eq!(
            dead("أعلنت الشرطة العثور على 12 جثة في مقبرة جماعية.", "العثور"),
            c(12, "exact")
        );
        assert_eq!(
            dead("ارتفعت حصيلة القتلى إلى 30 في تفجير السوق.", "ارتفعت"),
            c(30, "exact")
        );
        assert_eq!(
            dead("ارتفعت حصيلة قتلى التفجير إلى 31.", "ارتفعت"),
            c(31, "exact")
        );
        assert_eq!(
            dead("قالت الشرطة إن خمسة أشخاص قتلوا في الهجوم.", "قتلوا"),
            c(5, "exact")
        );
        assert_eq!(dead("قتل جندي في هجوم قرب كركوك.", "قتل"), c(1, "exact"));
        assert_eq!(
            dead("قتل أحد الجنود في هجوم قرب كركوك.", "قتل"),
            c(1, "exact")
        );
        assert_eq!(dead("قتل الجندي في هجوم.", "قتل"), c(1, "exact"));
    }

    #[test]
    fn dead_and_injured_together() {
        assert_eq!(
            brief("قتل ثلاثة أشخاص وأصيب 12 آخرون في انفجار.", "قتل"),
            (c(3, "exact"), c(12, "exact"), None)
        );
        assert_eq!(
            brief(
                "استهدف هجوم انتحاري سوقا شعبيا أسفر عن سقوط 7 قتلى و20 جريحا.",
                "هجوم"
            ),
            (c(7, "exact"), c(20, "exact"), None)
        );
        assert_eq!(
            brief(
                "شن مسلحون هجوما على حاجز للجيش، ما أسفر عن مقتل خمسة جنود وإصابة اثنين آخرين.",
                "هجوما"
            ),
            (c(5, "exact"), c(2, "exact"), None)
        );
        assert_eq!(
            brief("انفجرت عبوة ناسفة، مخلفة قتيلين وثلاثة جرحى.", "انفجرت"),
            (c(2, "exact"), c(3, "exact"), None)
        );
        assert_eq!(
            brief("أصيب 15 شخصا بجروح في الاشتباكات.", "أصيب"),
            (None, c(15, "exact"), None)
        );
        assert_eq!(
            brief("أعلنت الوزارة إصابة جندي في القصف.", "إصابة"),
            (None, c(1, "exact"), None)
        );
        assert_eq!(
            brief("أسفر القصف عن مقتل جنديين وجرح مدني.", "القصف"),
            (c(2, "exact"), c(1, "exact"), None)
        );
        assert_eq!(
            brief("سقط قتيل وجريحان في إطلاق نار.", "إطلاق"),
            (c(1, "exact"), c(2, "exact"), None)
        );
        assert_eq!(
            brief("خلف الانفجار 40 مصابا.", "الانفجار"),
            (None, c(40, "exact"), None)
        );
    }

    #[test]
    fn arrests() {
        let arrested = |t: &str, trig: &str| brief(t, trig).2;
        assert_eq!(
            arrested("أعلنت الداخلية اعتقال 14 من عناصرها في البصرة.", "اعتقال"),
            c(14, "exact")
        );
        assert_eq!(
            arrested("اعتقلت قوات الأمن 23 متظاهرا في بغداد.", "اعتقلت"),
            c(23, "exact")
        );
        assert_eq!(
            arrested("ألقت الشرطة القبض على ثلاثة مشتبه بهم.", "ألقت"),
            c(3, "exact")
        );
        assert_eq!(
            arrested("ألقي القبض على عشرة أشخاص في المداهمة.", "ألقي"),
            c(10, "exact")
        );
        assert_eq!(
            arrested("احتجزت السلطات صحفيين اثنين.", "احتجزت"),
            c(2, "exact")
        );
        assert_eq!(
            arrested("تم توقيف 6 أشخاص في العملية.", "توقيف"),
            c(6, "exact")
        );
        assert_eq!(
            arrested("أوقفت الشرطة شخصين في المطار.", "أوقفت"),
            c(2, "exact")
        );
        assert_eq!(
            arrested("أطلقت السلطات سراح 9 معتقلين.", "أطلقت"),
            c(9, "exact")
        );
        assert_eq!(
            arrested("نفذت القوات حملة احتجاز طالت 8 ناشطين.", "حملة"),
            c(8, "exact")
        );
        assert_eq!(
            arrested("أكدت المصادر أن 4 أشخاص اعتقلوا في الحملة.", "اعتقلوا"),
            c(4, "exact")
        );
    }

    #[test]
    fn vague_counts() {
        assert_eq!(dead("سقط عشرات القتلى في القصف.", "سقط"), c(20, "vague"));
        assert_eq!(dead("أسفر القصف عن مقتل العشرات.", "القصف"), c(20, "vague"));
        assert_eq!(
            brief("نفذت الشرطة حملة اعتقال مئات الناشطين.", "حملة").2,
            c(200, "vague")
        );
        assert_eq!(
            brief("اعتقلت السلطات آلاف المحتجين.", "اعتقلت").2,
            c(2000, "vague")
        );
        assert_eq!(
            brief("اعتقلت السلطات عشرات الآلاف منذ الانقلاب.", "اعتقلت").2,
            c(20_000, "vague")
        );
        assert_eq!(dead("قتل بضعة جنود في الكمين.", "قتل"), c(3, "vague"));
    }

    #[test]
    fn qualifiers() {
        let cases: &[(&str, u64, &str)] = &[
            ("مقتل 5 جنود على الأقل", 5, "at_least"),
            ("مقتل ما لا يقل عن 12 شخصا", 12, "at_least"),
            ("مقتل نحو 40 شخصا", 40, "about"),
            ("مقتل حوالي 40 شخصا", 40, "about"),
            ("مقتل حوالى 40 شخصا", 40, "about"),
            ("مقتل قرابة 40 شخصا", 40, "about"),
            ("مقتل زهاء 40 شخصا", 40, "about"),
            ("مقتل ما يقارب 40 شخصا", 40, "about"),
            ("مقتل أكثر من 100 شخص", 100, "more_than"),
            ("مقتل ما يزيد عن مئة شخص", 100, "more_than"),
            ("مقتل أقل من عشرة أشخاص", 10, "less_than"),
            ("مقتل حتى 50 شخصا", 50, "up_to"),
            ("مقتل ما يصل إلى 50 شخصا", 50, "up_to"),
        ];
        for (expr, v, q) in cases {
            let text = format!("أفادت مصادر طبية {expr} في القصف.");
            assert_eq!(dead(&text, "مقتل"), c(*v, q), "{expr}");
        }
        assert_eq!(
            dead("سقط أكثر من 20 قتيلا في الهجوم.", "سقط"),
            c(20, "more_than")
        );
        assert_eq!(
            dead("سقط 20 قتيلا على الأقل في الهجوم.", "سقط"),
            c(20, "at_least")
        );
    }

    #[test]
    fn count_text_and_offsets() {
        let text = "أفادت مصادر بمقتل نحو ٤٠ شخصاً على الأقل في القصف.";
        let sz = doc(text).size("بمقتل").unwrap();
        let d = sz.dead.unwrap();
        assert_eq!(d.text, "نحو ٤٠ شخصاً على الأقل");
        let got: String = text
            .chars()
            .skip(d.start as usize)
            .take((d.end - d.start) as usize)
            .collect();
        assert_eq!(got, d.text);
        assert_eq!((d.value, d.qualifier.as_str()), (40, "about"));
        let sz = doc("قتل جنديان في الهجوم.").size("قتل").unwrap();
        assert_eq!(sz.dead.unwrap().text, "جنديان");
    }

    #[test]
    fn duals_and_singulars() {
        assert_eq!(
            dead("أعلن الجيش مقتل جنديين في كمين.", "مقتل"),
            c(2, "exact")
        );
        assert_eq!(dead("قتل شخصان في حادث إطلاق نار.", "قتل"), c(2, "exact"));
        assert_eq!(dead("قتلت امرأتين في القصف.", "قتلت"), c(2, "exact"));
        assert_eq!(dead("سقط قتيلان في الاشتباك.", "سقط"), c(2, "exact"));
        assert_eq!(dead("قتل مسلح جنديين في الهجوم.", "قتل"), c(2, "exact"));
        // مدنيين is a plural as well as a dual: no count.
        assert_eq!(dead("أعلن الجيش مقتل مدنيين في القصف.", "مقتل"), None);
        assert_eq!(
            dead("أعلن الجيش مقتل مدني في القصف.", "مقتل"),
            c(1, "exact")
        );
    }

    // ---- what must not be taken ----

    #[test]
    fn counts_of_things_are_not_people() {
        assert_eq!(
            brief("أطلق المسلحون 3 صواريخ على القاعدة.", "أطلق"),
            (None, None, None)
        );
        assert_eq!(
            brief("قتل المسلحون بـ3 صواريخ على بعد 10 كيلومترات.", "قتل").0,
            None
        );
        assert_eq!(
            brief("قتل جنود في كمين على بعد 10 كيلومترات من الحدود.", "قتل").0,
            None
        );
        assert_eq!(brief("اعتقل ناشطون عام 2019.", "اعتقل").2, None);
        assert_eq!(brief("اعتقل 15% من المشاركين.", "اعتقل").2, None);
        assert_eq!(
            brief(
                "اعتقلت الحركة التي قمعت في 2009 الحركات المتطرفة.",
                "اعتقلت"
            )
            .2,
            None
        );
        assert_eq!(
            brief("قتل في 15 يناير 2020 ثلاثة جنود.", "قتل").0,
            c(3, "exact")
        );
        assert_eq!(
            brief("شنت الطائرات 20 غارة على المدينة.", "شنت"),
            (None, None, None)
        );
    }

    #[test]
    fn counts_of_other_events_are_not_taken() {
        let text = "قتل 3 جنود في هجوم، فيما اعتقلت الشرطة 10 أشخاص.";
        assert_eq!(brief(text, "قتل"), (c(3, "exact"), None, None));
        assert_eq!(brief(text, "اعتقلت"), (None, None, c(10, "exact")));
        let text = "اعتقلت الشرطة 5 أشخاص بعد اشتباكات أسفرت عن مقتل 2.";
        assert_eq!(brief(text, "اعتقلت"), (None, None, c(5, "exact")));
        assert_eq!(brief(text, "اشتباكات"), (c(2, "exact"), None, None));
        let text = "قتل 4 جنود واعتقل 7 مسلحين في العملية.";
        assert_eq!(brief(text, "قتل"), (c(4, "exact"), None, None));
        assert_eq!(brief(text, "واعتقل"), (None, None, c(7, "exact")));
        let text = "قال المتحدث إن 6 أشخاص قتلوا في الهجوم.";
        assert_eq!(brief(text, "قال"), (None, None, None));
    }

    #[test]
    fn out_of_range_trigger_is_none() {
        let d = doc("قتل جندي.");
        let f = |_: u32, _: u32| String::new();
        assert_eq!(casualties(&d.s, 42, &f), None);
        assert_eq!(casualties(&TokenizedSentence::default(), 0, &f), None);
    }

    mod props {
        use super::*;
        use proptest::prelude::*;

        const VOCAB: &[&str] = &[
            "قتل",
            "مقتل",
            "قتلى",
            "جريحا",
            "أصيب",
            "اعتقال",
            "القبض",
            "على",
            "الأقل",
            "نحو",
            "أكثر",
            "من",
            "ما",
            "لا",
            "يقل",
            "عن",
            "5",
            "١٢",
            "1,500",
            "3.5",
            "0",
            "99999999999999999999",
            "خمسة",
            "وعشرون",
            "و",
            "عشر",
            "أحد",
            "اثنا",
            "مئة",
            "آلاف",
            "ألف",
            "عشرات",
            "جنديين",
            "جندي",
            "لقي",
            "حتفهم",
            "صواريخ",
            "%",
            "،",
            ".",
            "/",
            "فيما",
            "أسفر",
            "حصيلة",
            "إلى",
            "قتلوا",
            "شخصا",
            "يناير",
            "2020",
            "عام",
            "بضعة",
            "ثلاثمئة",
            "مليار",
            "ملايين",
            "وشرطيين",
            "قتيلان",
        ];

        fn sentence() -> impl Strategy<Value = String> {
            prop_oneof![
                proptest::collection::vec(proptest::sample::select(VOCAB), 0..16)
                    .prop_map(|v| v.join(" ")),
                "[\u{0621}-\u{064A}\u{064B}\u{0660}-\u{0669}0-9 ،.%/()\\-]{0,40}",
            ]
        }

        proptest! {
            #[test]
            fn never_panics(text in sentence()) {
                let chars: Vec<char> = text.chars().collect();
                let text_of = |a: u32, b: u32| -> String {
                    chars[a as usize..b as usize].iter().collect()
                };
                for span in &split_sentences(&text) {
                    let mut s = TokenizedSentence::default();
                    tokenize(&text, span, &mut s);
                    for t in 0..=s.len() {
                        if let Some(sz) = casualties(&s, t, &text_of) {
                            for c in [sz.dead, sz.injured, sz.arrested].into_iter().flatten() {
                                prop_assert!(c.start <= c.end);
                                prop_assert!(c.value > 0);
                            }
                        }
                    }
                }
            }

            #[test]
            fn number_words_never_panic(words in proptest::collection::vec(proptest::sample::select(VOCAB), 0..8)) {
                let norm: Vec<String> = words.iter().map(|w| normalize(w)).collect();
                let refs: Vec<&str> = norm.iter().map(String::as_str).collect();
                if let Some((v, used)) = parse_number_words(&refs) {
                    prop_assert!(v > 0 && used >= 1 && used <= refs.len());
                }
            }
        }
    }
}
