//! Event dates from the text (issue 4): relative and explicit date expressions.
//!
//! A news story has a date, but the events it reports usually happened earlier: "قتل 5 جنود
//! أمس", "الثلاثاء الماضي", "في 3 آذار", "15 رمضان 1441 هـ". PLOVER's `date` is the date of
//! the event, so the coder looks for the date expression that belongs to each trigger and
//! resolves it against the story date. This module does both jobs with no calendar
//! dependency: the civil (proleptic Gregorian) arithmetic is the usual days-from-civil /
//! civil-from-days pair, and Hijri dates use the arithmetical (tabular) Islamic calendar.
//!
//! # What is recognised
//!
//! All matching is done on normalised tokens (أ إ آ -> ا, ى -> ي, ة -> ه, digits folded),
//! with a conjunction (و ف) and a preposition (ب ل ك) stripped from the first word, so
//! وأمس, بالأمس, الأحد and يوم الأحد all match.
//!
//! | expression | date | precision |
//! |---|---|---|
//! | أمس, البارحة, الليلة الماضية | story - 1 | day |
//! | أول أمس, أول من أمس, أمس الأول | story - 2 | day |
//! | اليوم | story | day |
//! | غدا, الغد / بعد غد | story + 1 / + 2 | day |
//! | الأحد ... السبت | last such weekday on or before the story date | day |
//! | الثلاثاء الماضي / المقبل | last such weekday strictly before / next strictly after | day |
//! | الأسبوع الماضي / الجاري / المقبل | story - 7 / story / story + 7 | week |
//! | الشهر الماضي / الجاري / المقبل | first day of that month | month |
//! | العام الماضي / الجاري / المقبل | 1 January of that year | year |
//! | يناير الماضي, كانون الثاني الماضي | the most recent January before the story month | month |
//! | قبل (منذ) ثلاثة أيام / أسبوع / شهرين / عامين / أكثر من أسبوع | story minus the duration | day / week / month / year |
//! | 15 يناير 2020, في 3 آذار, 5 أيار/مايو, مايو (أيار) 2019, الأول من يناير | that day | day |
//! | يوم 15 من الشهر الجاري (الماضي) | that day of the story month (previous month) | day |
//! | 15/1/2020, 2020-01-15, 15.1.2020 | that day | day |
//! | عام 2019, في 2019 | 1 January 2019 | year |
//! | 15 رمضان 1441 (هـ), 10 ذو الحجة | tabular Hijri date converted | day |
//!
//! A day and month without a year take the latest year that puts the date on or before the
//! story date (news reports the past), unless the month is marked المقبل/القادم (next
//! occurrence) or الماضي (an earlier month), or a weekday next to it says otherwise
//! ("السبت 25 يوليو" in a story of 21 July 2015 is 25 July 2015, a Saturday).
//!
//! Expressions that name one day twice are read as one: أمس الأحد, اليوم (الاثنين), الأحد 4
//! أكتوبر, الأربعاء الموافق 23/8/1436هـ, 7 صفر 1430هـ الموافق 2 فبراير 2009م; the most
//! specific part gives the date (a Gregorian date over its Hijri equivalent, an explicit
//! date over a weekday). A Hijri year is recognised by هـ, or without it in the range
//! 1340-1500 (Saudi papers write "عام 1436"). Month names alone need a cue that they are a
//! date (a year, a qualifier, or a preceding في / خلال / شهر / مطلع ...), because several
//! of them are also ordinary words (مارس "practised", آب "father", صفر "zero").
//!
//! Dates that are impossible (31 فبراير) are ignored. Expressions introduced by حتى, منذ,
//! قبل, بعد, إلى ... ("until 15 January", "since 2011") describe a bound, not the event's
//! date, and are not used. "قبل ثلاثة أيام من الانتخابات" counts from another event and is
//! not used either; vague durations (قبل أيام، قبل أشهر) are not resolved.
//!
//! # Which expression belongs to the trigger
//!
//! The sentence is cut into clauses at clause punctuation and at words that open a new
//! clause (إن/أن and their forms, فيما, بينما, في حين, كما). A date expression that forms a
//! clause on its own, set off by commas, belongs to the clause before it (the Arabic
//! parenthetical "قال الجيش، أمس، إن ..." dates the saying, not what follows), or to the
//! clause after it when it opens the sentence ("وفي يوم الأحد، قتل ..."). Of the expressions
//! in the trigger's clause, the nearest one after the trigger is taken, else the nearest
//! one before it. Dates in other clauses are ignored: the caller then uses the story date.
//!
//! # Accuracy of Hijri dates
//!
//! The tabular Islamic calendar (30-year cycle with leap years 2, 5, 7, 10, 13, 16, 18, 21,
//! 24, 26, 29, epoch 16 July 622 Julian) approximates the calendars actually used (Umm
//! al-Qura, or local moon sighting); converted dates are usually exact and can be off by
//! one day (rarely two).

use crate::size::parse_number_words;
use marsad_text::{TokenKind, TokenizedSentence};
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::sync::OnceLock;

/// A date expression of the sentence, resolved to a calendar date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedDate {
    /// The resolved date, `YYYY-MM-DD`. For week precision it is the day the expression
    /// points at (story - 7 for الأسبوع الماضي); for month precision the first day of the
    /// month (or the day reached by subtracting months, for قبل شهرين); for year precision
    /// 1 January.
    pub date: String,
    /// `day`, `week`, `month` or `year`.
    pub precision: &'static str,
    /// The words of the expression as written.
    pub text: String,
    /// Character offsets of the expression in the document.
    pub start: u32,
    pub end: u32,
}

/// Finds the date expression that belongs to the trigger at token `trigger` (nearest in
/// the same clause, preferring one after the trigger within the clause, else before) and
/// resolves it against `story_date` (YYYY-MM-DD). `text_of(start,end)` returns original
/// text for char offsets.
///
/// Returns `None` when the clause states no date, when the story date is not a valid
/// date, or when `trigger` is out of range. Never panics.
pub fn resolve_event_date(
    s: &TokenizedSentence,
    trigger: usize,
    story_date: &str,
    text_of: &dyn Fn(u32, u32) -> String,
) -> Option<ResolvedDate> {
    SentenceDates::new(s, story_date)?.for_trigger(trigger, text_of)
}

/// The date expressions of one sentence, found once and then attached to any number of
/// triggers (the coder asks for every event of the sentence).
pub struct SentenceDates<'a> {
    w: Words<'a>,
    exprs: Vec<Expr>,
    seg: Vec<usize>,
}

impl<'a> SentenceDates<'a> {
    /// `None` when the story date is invalid or the sentence states no resolvable date.
    pub fn new(s: &'a TokenizedSentence, story_date: &str) -> Option<SentenceDates<'a>> {
        let story = parse_ymd(story_date)?;
        let w = Words::new(s);
        let exprs = find_expressions(&w, story);
        if !exprs.iter().any(|e| e.date.is_some()) {
            return None;
        }
        let seg = segments(&w, &exprs);
        Some(SentenceDates { w, exprs, seg })
    }

    /// The date of the trigger at token `trigger`: the nearest resolvable expression of its
    /// clause, after it first, else before it.
    pub fn for_trigger(
        &self,
        trigger: usize,
        text_of: &dyn Fn(u32, u32) -> String,
    ) -> Option<ResolvedDate> {
        let s = self.w.s;
        if trigger >= s.len() {
            return None;
        }
        let home = self.seg[trigger];
        let mut after: Option<&Expr> = None;
        let mut before: Option<&Expr> = None;
        for e in &self.exprs {
            if e.date.is_none() || attached_segment(&self.w, &self.seg, e) != home {
                continue;
            }
            if e.start > trigger {
                if after.is_none_or(|a| e.start < a.start) {
                    after = Some(e);
                }
            } else if e.end <= trigger && before.is_none_or(|b| e.end > b.end) {
                before = Some(e);
            }
        }
        let e = after.or(before)?;
        let (ymd, precision) = e.date?;
        let start = s.start_after_prefix(e.start, e.prefix as usize);
        let end = s.tokens[e.end - 1].end;
        Some(ResolvedDate {
            date: format_ymd(ymd),
            precision,
            text: text_of(start, end),
            start,
            end,
        })
    }
}

/// Token ranges `[start, end)` of every date expression of the sentence (resolvable or
/// not); the size module uses them so that day numbers and years are not taken for counts.
pub(crate) fn date_token_spans(w: &Words) -> Vec<(usize, usize)> {
    find_expressions(w, (2000, 6, 15))
        .iter()
        .map(|e| (e.start, e.end))
        .collect()
}

// ---------------------------------------------------------------------------------------
// Civil calendar
// ---------------------------------------------------------------------------------------

/// Bound on day numbers handled, about a million years either side of 1970: keeps every
/// intermediate value far from overflow.
const MAX_DAYS: i64 = 365_000_000;

/// True for leap years of the proleptic Gregorian calendar.
pub fn is_leap_year(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// Number of days of month `m` (1-12) of year `y`; 0 for a month out of range.
pub fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// True when `y-m-d` is a real date.
pub fn is_valid_date(y: i32, m: u32, d: u32) -> bool {
    d >= 1 && d <= days_in_month(y, m)
}

/// Days since 1970-01-01 of the proleptic Gregorian date `y-m-d` (negative before).
/// Out-of-range months and days are not checked; the result is then meaningless but the
/// function does not panic.
pub fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let (m, d) = (m as i64, d as i64);
    let y = y as i64 - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9).rem_euclid(12);
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The proleptic Gregorian date of day `z` since 1970-01-01 (clamped to about a million
/// years either side).
pub fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z.clamp(-MAX_DAYS, MAX_DAYS) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y as i32, m as u32, d as u32)
}

/// Parses a story date `YYYY-MM-DD` (a time part after `T` or a space is ignored).
/// Returns `None` unless it is a real date.
pub fn parse_ymd(s: &str) -> Option<(i32, u32, u32)> {
    let s = s.trim();
    let b = s.as_bytes();
    if b.len() < 10 || (b.len() > 10 && !matches!(b[10], b'T' | b' ')) {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = &b[r];
        if part.iter().all(u8::is_ascii_digit) {
            Some(part.iter().fold(0u32, |a, &c| a * 10 + (c - b'0') as u32))
        } else {
            None
        }
    };
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (y, m, d) = (digits(0..4)? as i32, digits(5..7)?, digits(8..10)?);
    is_valid_date(y, m, d).then_some((y, m, d))
}

/// Day of the week of `y-m-d`: 0 = Sunday (الأحد) ... 6 = Saturday (السبت).
pub fn weekday(y: i32, m: u32, d: u32) -> u32 {
    (days_from_civil(y, m, d) + 4).rem_euclid(7) as u32
}

/// The date `n` days after `ymd` (before when `n` is negative).
pub fn add_days(ymd: (i32, u32, u32), n: i64) -> (i32, u32, u32) {
    civil_from_days(days_from_civil(ymd.0, ymd.1, ymd.2).saturating_add(n))
}

/// The date `n` months after `ymd` (before when negative), the day clamped to the length
/// of the month reached (31 March - 1 month = 29 February in a leap year).
pub fn add_months(ymd: (i32, u32, u32), n: i64) -> (i32, u32, u32) {
    let n = n.clamp(-12 * 1_000_000, 12 * 1_000_000);
    let total = ymd.0 as i64 * 12 + (ymd.1.clamp(1, 12) as i64 - 1) + n;
    let y = total.div_euclid(12).clamp(-1_000_000, 1_000_000) as i32;
    let m = total.rem_euclid(12) as u32 + 1;
    (y, m, ymd.2.clamp(1, days_in_month(y, m)))
}

/// `YYYY-MM-DD` (years before 1 and after 9999 are written as they are).
pub fn format_ymd((y, m, d): (i32, u32, u32)) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

// ---------------------------------------------------------------------------------------
// Tabular Islamic calendar
// ---------------------------------------------------------------------------------------

/// Julian day number of 1970-01-01.
const JDN_UNIX_EPOCH: i64 = 2_440_588;
/// Julian day number of 1 Muharram 1 AH (16 July 622 Julian), the "civil" epoch.
const JDN_HIJRI_EPOCH: i64 = 1_948_440;

/// True for the 11 leap years of each 30-year cycle (2, 5, 7, 10, 13, 16, 18, 21, 24, 26,
/// 29), in which Dhu al-Hijja has 30 days.
pub fn is_hijri_leap_year(y: i32) -> bool {
    (14 + 11 * y as i64).rem_euclid(30) < 11
}

/// Length of Hijri month `m` in the tabular calendar: 30 for odd months, 29 for even ones,
/// 30 for Dhu al-Hijja of a leap year; 0 out of range.
pub fn hijri_days_in_month(y: i32, m: u32) -> u32 {
    match m {
        12 if is_hijri_leap_year(y) => 30,
        1..=12 if m % 2 == 1 => 30,
        1..=12 => 29,
        _ => 0,
    }
}

/// Days since 1970-01-01 of the tabular Hijri date `y-m-d`.
pub fn hijri_to_days(y: i32, m: u32, d: u32) -> i64 {
    let (y, m, d) = (y as i64, m as i64, d as i64);
    let jdn = d
        + (59 * (m - 1) + 1).div_euclid(2)
        + (y - 1) * 354
        + (3 + 11 * y).div_euclid(30)
        + JDN_HIJRI_EPOCH
        - 1;
    jdn - JDN_UNIX_EPOCH
}

/// The tabular Hijri date of day `z` since 1970-01-01.
pub fn hijri_from_days(z: i64) -> (i32, u32, u32) {
    let z = z.clamp(-MAX_DAYS, MAX_DAYS);
    let jdn = z + JDN_UNIX_EPOCH;
    let mut y = (30 * (jdn - JDN_HIJRI_EPOCH) + 10_646).div_euclid(10_631) as i32;
    while hijri_to_days(y + 1, 1, 1) <= z {
        y += 1;
    }
    while hijri_to_days(y, 1, 1) > z {
        y -= 1;
    }
    let mut m = 12;
    while m > 1 && hijri_to_days(y, m, 1) > z {
        m -= 1;
    }
    let d = (z - hijri_to_days(y, m, 1) + 1) as u32;
    (y, m, d)
}

/// Converts the tabular Hijri date `y-m-d` to a Gregorian date (±1 day of the calendars
/// in use, see the module docs).
pub fn hijri_to_civil(y: i32, m: u32, d: u32) -> (i32, u32, u32) {
    civil_from_days(hijri_to_days(y, m, d))
}

// ---------------------------------------------------------------------------------------
// Token access shared with the size module
// ---------------------------------------------------------------------------------------

/// The tokens of a sentence with, for every word, its normalised form and the forms left
/// when a conjunction (و ف) and a preposition (ب ل ك; لل = ل + ال) are stripped, each with
/// the number of characters stripped.
pub(crate) struct Words<'a> {
    pub s: &'a TokenizedSentence,
    /// Forms of all tokens, least stripped first; token `i` owns
    /// `forms[offs[i]..offs[i + 1]]`.
    forms: Vec<(Cow<'a, str>, u8)>,
    offs: Vec<u32>,
}

impl<'a> Words<'a> {
    pub fn new(s: &'a TokenizedSentence) -> Words<'a> {
        let mut forms = Vec::with_capacity(s.len() * 2);
        let mut offs = Vec::with_capacity(s.len() + 1);
        for i in 0..s.len() {
            offs.push(forms.len() as u32);
            let norm = s.norm_of(i);
            forms.push((Cow::Borrowed(norm), 0u8));
            if s.tokens[i].kind == TokenKind::Word {
                strip_clitics(norm, &mut forms);
            }
        }
        offs.push(forms.len() as u32);
        Words { s, forms, offs }
    }

    /// The forms of token `i` (empty out of range).
    pub fn cores(&self, i: usize) -> &[(Cow<'a, str>, u8)] {
        match (self.offs.get(i), self.offs.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.forms[a as usize..b as usize],
            _ => &[],
        }
    }

    /// Union of the flags that `map` gives the forms of word `i`.
    pub fn flags(&self, i: usize, map: &FxHashMap<&'static str, u16>) -> u16 {
        if self.kind(i) != Some(TokenKind::Word) {
            return 0;
        }
        self.cores(i).iter().fold(0, |acc, (f, _)| {
            acc | map.get(f.as_ref()).copied().unwrap_or(0)
        })
    }

    pub fn len(&self) -> usize {
        self.s.len()
    }

    /// Normalised form of token `i` ("" out of range).
    pub fn norm(&self, i: usize) -> &str {
        if i < self.s.len() {
            self.s.norm_of(i)
        } else {
            ""
        }
    }

    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.s.tokens.get(i).map(|t| t.kind)
    }

    /// When a form of word `i` (clitics stripped or not) is in `forms`: the number of
    /// characters stripped.
    pub fn m(&self, i: usize, forms: &[&str]) -> Option<u8> {
        if self.kind(i)? != TokenKind::Word {
            return None;
        }
        self.cores(i)
            .iter()
            .find(|(f, _)| forms.contains(&f.as_ref()))
            .map(|&(_, p)| p)
    }

    /// True when a form of word `i` is in `forms`.
    pub fn is(&self, i: usize, forms: &[&str]) -> bool {
        self.m(i, forms).is_some()
    }

    /// The value attached to the first form of word `i` found in `table`, with the
    /// number of characters stripped.
    pub fn lookup<T: Copy>(&self, i: usize, table: &[(&str, T)]) -> Option<(T, u8)> {
        if self.kind(i)? != TokenKind::Word {
            return None;
        }
        self.cores(i).iter().find_map(|(f, p)| {
            table
                .iter()
                .find(|(k, _)| *k == f.as_ref())
                .map(|&(_, v)| (v, *p))
        })
    }

    /// True when token `i` is the punctuation `p`.
    pub fn punct(&self, i: usize, p: &str) -> bool {
        self.kind(i) == Some(TokenKind::Punct) && self.norm(i) == p
    }

    /// Value of token `i` when it is a plain integer written in digits.
    pub fn int(&self, i: usize) -> Option<(u64, usize)> {
        if self.kind(i)? != TokenKind::Number {
            return None;
        }
        let n = self.norm(i);
        if n.is_empty() || n.len() > 12 || !n.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        Some((n.parse().ok()?, n.len()))
    }
}

fn strip_clitics<'a>(norm: &'a str, out: &mut Vec<(Cow<'a, str>, u8)>) {
    let long = |r: &str| r.chars().nth(1).is_some();
    let conj = norm.strip_prefix(['و', 'ف']).filter(|r| long(r));
    if let Some(r) = conj {
        out.push((Cow::Borrowed(r), 1));
    }
    for (b, p) in [(Some(norm), 0u8), (conj, 1)] {
        let Some(b) = b else { continue };
        let Some(r) = b.strip_prefix(['ب', 'ل', 'ك']).filter(|r| long(r)) else {
            continue;
        };
        if b.starts_with('ل') && r.starts_with('ل') {
            // لل + x = ل + ال + x
            out.push((Cow::Owned(format!("ا{r}")), p + 1));
        } else {
            out.push((Cow::Borrowed(r), p + 1));
        }
    }
}

/// Flags of the vocabulary map of this module.
const F_START: u16 = 1;
const F_CLAUSE: u16 = 2;

/// Words that may begin a date expression (`F_START`) and words that open a clause
/// (`F_CLAUSE`), for quick rejection of the many tokens that are neither.
fn vocabulary() -> &'static FxHashMap<&'static str, u16> {
    static MAP: OnceLock<FxHashMap<&'static str, u16>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut m: FxHashMap<&'static str, u16> = FxHashMap::default();
        let lists: [&[&'static str]; 12] = [
            YESTERDAY,
            TODAY,
            TOMORROW,
            YAWM,
            DAYPART,
            THIS,
            WEEK_WORD,
            MONTH_WORD,
            YEAR_WORD_DEF,
            YEAR_WORD,
            AGO,
            &["اول", "بعد", "الليله", "في", "خلال"],
        ];
        let mut starts: Vec<&'static str> = lists.iter().flat_map(|l| l.iter().copied()).collect();
        starts.extend(WEEKDAYS.iter().map(|x| x.0));
        starts.extend(ORDINAL_UNITS.iter().map(|x| x.0));
        starts.extend(CIVIL_MONTHS.iter().map(|x| x.0));
        starts.extend(HIJRI_MONTHS.iter().map(|x| x.0));
        starts.extend(TWO_WORD_MONTHS.iter().map(|x| x.0));
        for f in starts {
            *m.entry(f).or_default() |= F_START;
        }
        for &f in CLAUSE_WORDS.iter().chain(["في"].iter()) {
            *m.entry(f).or_default() |= F_CLAUSE;
        }
        m
    })
}

// ---------------------------------------------------------------------------------------
// Vocabulary (normalised forms; a test checks that every entry is normalised)
// ---------------------------------------------------------------------------------------

const YESTERDAY: &[&str] = &["امس", "الامس", "البارحه"];
const TODAY: &[&str] = &["اليوم"];
/// Words after اليوم that make it "the day" of something else.
const NOT_TODAY: &[&str] = &[
    "التالي",
    "نفسه",
    "ذاته",
    "السابق",
    "الاول",
    "الثاني",
    "الثالث",
    "الاخير",
    "الوطني",
    "العالمي",
    "الدولي",
    "الذي",
];
const TOMORROW: &[&str] = &["غدا", "الغد"];
const YAWM: &[&str] = &["يوم"];
/// Parts of the day that may precede a day expression (صباح اليوم، مساء أمس، فجر الأحد).
const DAYPART: &[&str] = &[
    "صباح",
    "مساء",
    "فجر",
    "ظهر",
    "ظهيره",
    "عصر",
    "ليل",
    "ليله",
    "صبيحه",
];
const WEEKDAYS: &[(&str, u32)] = &[
    ("الاحد", 0),
    ("الاثنين", 1),
    ("الاثنان", 1),
    ("الثلاثاء", 2),
    ("الاربعاء", 3),
    ("الخميس", 4),
    ("الجمعه", 5),
    ("السبت", 6),
];
const PAST_Q: &[&str] = &[
    "الماضي",
    "الماضيه",
    "المنصرم",
    "المنصرمه",
    "الفاءت",
    "الفاءته",
];
const NEXT_Q: &[&str] = &["المقبل", "المقبله", "القادم", "القادمه"];
const CURRENT_Q: &[&str] = &["الجاري", "الجاريه", "الحالي", "الحاليه"];
const THIS: &[&str] = &["هذا", "هذه"];
const WEEK_WORD: &[&str] = &["الاسبوع"];
const MONTH_WORD: &[&str] = &["الشهر"];
const YEAR_WORD_DEF: &[&str] = &["العام", "السنه"];
const YEAR_WORD: &[&str] = &["عام", "العام", "سنه", "السنه"];
const AGO: &[&str] = &["قبل", "منذ"];
/// Words that, before a date, make it a bound rather than the event's date.
const BOUND_BEFORE: &[&str] = &[
    "حتي",
    "لغايه",
    "غايه",
    "لحين",
    "منذ",
    "الي",
    "قبل",
    "بعد",
    "قبيل",
    "عشيه",
];
/// Words that show that a bare month name is a date.
const MONTH_CONTEXT: &[&str] = &[
    "في",
    "خلال",
    "شهر",
    "مطلع",
    "اواءل",
    "اواخر",
    "منتصف",
    "اواسط",
    "نهايه",
    "بدايه",
    "مستهل",
    "غضون",
    "اوايل",
];
/// Words that may follow "في 2019" for the number to be read as a year.
const AFTER_YEAR: &[&str] = &[
    "في",
    "علي",
    "من",
    "الي",
    "عندما",
    "حين",
    "بعد",
    "قبل",
    "م",
    "ميلادي",
];
/// Approximation words inside "قبل أكثر من أسبوع".
const APPROX: &[&[&str]] = &[
    &["اكثر", "من"],
    &["اقل", "من"],
    &["ما", "يزيد", "عن"],
    &["ما", "يزيد", "علي"],
    &["ما", "يقارب"],
    &["نحو"],
    &["حوالي"],
    &["قرابه"],
    &["زهاء"],
];
const HIJRI_MARK: &[&str] = &["ه", "هجري", "هجريه", "للهجره"];
const CE_MARK: &[&str] = &["م", "ميلادي", "ميلاديه", "للميلاد"];
/// Words that open a new clause.
const CLAUSE_WORDS: &[&str] = &[
    "ان",
    "انه",
    "انها",
    "انهم",
    "انهما",
    "اننا",
    "فيما",
    "بينما",
    "كما",
    "حين",
];
const CLAUSE_PUNCT: &[&str] = &[",", ";", ":", ".", "?", "!", "\"", "(", ")", "—", "–", "-"];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Cal {
    Civil,
    Hijri,
}

/// Month names and their numbers. Several are also ordinary words (مارس، آب، تموز، نيسان،
/// صفر، رجب), which is why a month alone needs a cue (see the module docs).
const CIVIL_MONTHS: &[(&str, u32)] = &[
    ("يناير", 1),
    ("جانفي", 1),
    ("فبراير", 2),
    ("فيفري", 2),
    ("شباط", 2),
    ("مارس", 3),
    ("اذار", 3),
    ("ابريل", 4),
    ("افريل", 4),
    ("نيسان", 4),
    ("مايو", 5),
    ("ماي", 5),
    ("ايار", 5),
    ("يونيو", 6),
    ("يونيه", 6),
    ("جوان", 6),
    ("حزيران", 6),
    ("يوليو", 7),
    ("يوليه", 7),
    ("جويليه", 7),
    ("تموز", 7),
    ("اغسطس", 8),
    ("اوت", 8),
    ("اب", 8),
    ("سبتمبر", 9),
    ("ايلول", 9),
    ("اكتوبر", 10),
    ("نوفمبر", 11),
    ("نونبر", 11),
    ("ديسمبر", 12),
    ("دجنبر", 12),
];
const HIJRI_MONTHS: &[(&str, u32)] = &[
    ("محرم", 1),
    ("المحرم", 1),
    ("صفر", 2),
    ("رجب", 7),
    ("شعبان", 8),
    ("رمضان", 9),
    ("شوال", 10),
];
/// Two-word month names: first word, second word, calendar, month.
const TWO_WORD_MONTHS: &[(&str, &str, Cal, u32)] = &[
    ("كانون", "الثاني", Cal::Civil, 1),
    ("كانون", "الاول", Cal::Civil, 12),
    ("تشرين", "الاول", Cal::Civil, 10),
    ("تشرين", "الثاني", Cal::Civil, 11),
    ("ربيع", "الاول", Cal::Hijri, 3),
    ("ربيع", "الثاني", Cal::Hijri, 4),
    ("ربيع", "الاخر", Cal::Hijri, 4),
    ("جمادي", "الاولي", Cal::Hijri, 5),
    ("جمادي", "الاول", Cal::Hijri, 5),
    ("جمادي", "الاخره", Cal::Hijri, 6),
    ("جمادي", "الثانيه", Cal::Hijri, 6),
    ("جمادي", "الاخر", Cal::Hijri, 6),
    ("جمادي", "الثاني", Cal::Hijri, 6),
    ("ذو", "القعده", Cal::Hijri, 11),
    ("ذي", "القعده", Cal::Hijri, 11),
    ("ذو", "الحجه", Cal::Hijri, 12),
    ("ذي", "الحجه", Cal::Hijri, 12),
];
/// Ordinal day words (الأول من يناير): units, and the tens that complete them.
const ORDINAL_UNITS: &[(&str, u32)] = &[
    ("الاول", 1),
    ("الحادي", 1),
    ("الثاني", 2),
    ("الثالث", 3),
    ("الرابع", 4),
    ("الخامس", 5),
    ("السادس", 6),
    ("السابع", 7),
    ("الثامن", 8),
    ("التاسع", 9),
    ("العاشر", 10),
    ("العشرين", 20),
    ("الثلاثين", 30),
];
const ORDINAL_TENS: &[(&str, u32)] = &[("عشر", 10), ("والعشرين", 20), ("والثلاثين", 30)];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Unit {
    Hour,
    Day,
    Week,
    Month,
    Year,
}

/// Duration nouns: (form, unit, how many it says by itself: 1 singular, 2 dual, 0 plural).
const UNITS: &[(&str, (Unit, u64))] = &[
    ("ساعه", (Unit::Hour, 1)),
    ("ساعتين", (Unit::Hour, 2)),
    ("ساعتان", (Unit::Hour, 2)),
    ("ساعات", (Unit::Hour, 0)),
    ("يوم", (Unit::Day, 1)),
    ("يوما", (Unit::Day, 1)),
    ("يومين", (Unit::Day, 2)),
    ("يومان", (Unit::Day, 2)),
    ("ايام", (Unit::Day, 0)),
    ("اسبوع", (Unit::Week, 1)),
    ("اسبوعا", (Unit::Week, 1)),
    ("اسبوعين", (Unit::Week, 2)),
    ("اسبوعان", (Unit::Week, 2)),
    ("اسابيع", (Unit::Week, 0)),
    ("شهر", (Unit::Month, 1)),
    ("شهرا", (Unit::Month, 1)),
    ("شهرين", (Unit::Month, 2)),
    ("شهران", (Unit::Month, 2)),
    ("اشهر", (Unit::Month, 0)),
    ("شهور", (Unit::Month, 0)),
    ("عام", (Unit::Year, 1)),
    ("عاما", (Unit::Year, 1)),
    ("عامين", (Unit::Year, 2)),
    ("عامان", (Unit::Year, 2)),
    ("اعوام", (Unit::Year, 0)),
    ("سنه", (Unit::Year, 1)),
    ("سنتين", (Unit::Year, 2)),
    ("سنتان", (Unit::Year, 2)),
    ("سنوات", (Unit::Year, 0)),
    ("سنين", (Unit::Year, 0)),
];

// ---------------------------------------------------------------------------------------
// Expressions
// ---------------------------------------------------------------------------------------

type Ymd = (i32, u32, u32);

/// How specific a day-precision expression is; when two adjacent expressions name the
/// same day (أمس الأحد، الأحد 4 أكتوبر) the more specific one gives the date.
/// A Gregorian date given with its Hijri equivalent ("7 صفر 1430هـ الموافق 2 فبراير
/// 2009م") is taken in its Gregorian form, which is exact.
const RANK_COARSE: u8 = 0;
const RANK_WEEKDAY: u8 = 1;
const RANK_RELATIVE: u8 = 2;
const RANK_HIJRI: u8 = 3;
const RANK_EXPLICIT: u8 = 4;

/// One date expression: tokens `[start, end)`, characters of clitics to skip in the first
/// token, and the resolved date (`None` for expressions that are not the event's date).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Expr {
    start: usize,
    end: usize,
    prefix: u8,
    date: Option<(Ymd, &'static str)>,
    rank: u8,
    /// The weekday named, for a weekday expression.
    wd: Option<u32>,
    /// Month and day of a Gregorian day-month whose year was inferred, so that a weekday
    /// next to it can correct the year ("السبت 25 يوليو").
    md: Option<(u32, u32)>,
    /// True once two expressions were merged into this one.
    merged: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Qual {
    Past,
    Next,
    Current,
}

fn qualifier(w: &Words, i: usize) -> Option<Qual> {
    if w.is(i, PAST_Q) {
        Some(Qual::Past)
    } else if w.is(i, NEXT_Q) {
        Some(Qual::Next)
    } else if w.is(i, CURRENT_Q) {
        Some(Qual::Current)
    } else {
        None
    }
}

/// All date expressions of the sentence, left to right, not overlapping; adjacent
/// expressions naming one day are merged.
fn find_expressions(w: &Words, story: Ymd) -> Vec<Expr> {
    let mut out: Vec<Expr> = Vec::new();
    let vocab = vocabulary();
    let mut i = 0;
    while i < w.len() {
        if w.kind(i) != Some(TokenKind::Number) && w.flags(i, vocab) & F_START == 0 {
            i += 1;
            continue;
        }
        match parse_at(w, i, story) {
            Some(e) if e.end > i => {
                i = e.end;
                out.push(e);
            }
            _ => i += 1,
        }
    }
    // Merge "أمس الأحد", "الأحد 4 أكتوبر", "الأحد الموافق 4 أكتوبر", "الأحد، 4 أكتوبر",
    // "اليوم (الاثنين)", "7 صفر 1430هـ الموافق 2 فبراير 2009م".
    let mut merged: Vec<Expr> = Vec::with_capacity(out.len());
    for e in out {
        if let Some(prev) = merged.last_mut() {
            let next_to = e.start == prev.end + 1;
            let direct =
                e.start == prev.end || (next_to && w.is(prev.end, &["الموافق", "الموافقه"]));
            let comma = next_to
                && w.punct(prev.end, ",")
                && !prev.merged
                && prev.rank <= RANK_RELATIVE
                && e.rank > prev.rank;
            let paren = next_to
                && w.punct(prev.end, "(")
                && w.punct(e.end, ")")
                && prev.rank <= RANK_RELATIVE
                && e.rank <= RANK_RELATIVE;
            let day = |x: &Expr| matches!(x.date, Some((_, "day")));
            if (direct || comma || paren) && day(prev) && day(&e) {
                let wd = prev.wd.or(e.wd);
                if e.rank > prev.rank {
                    prev.date = e.date;
                    prev.rank = e.rank;
                    prev.md = e.md;
                }
                if let (Some(wd), Some((m, d)), Some((_, p))) = (wd, prev.md, prev.date) {
                    if let Some(ymd) = year_for_weekday(story, m, d, wd) {
                        prev.date = Some((ymd, p));
                    }
                }
                prev.wd = wd;
                prev.end = if paren { e.end + 1 } else { e.end };
                prev.merged = true;
                continue;
            }
        }
        merged.push(e);
    }
    // Bounds: حتى 15 يناير، منذ عام 2011، قبل الأحد.
    for e in &mut merged {
        if e.start > 0 && w.is(e.start - 1, BOUND_BEFORE) {
            e.date = None;
        }
    }
    merged
}

/// The year, within one of the story date, in which `m-d` falls on weekday `wd` (the
/// nearest such date to the story date).
fn year_for_weekday(story: Ymd, m: u32, d: u32, wd: u32) -> Option<Ymd> {
    let z = days_from_civil(story.0, story.1, story.2);
    (story.0 - 1..=story.0 + 1)
        .filter(|&y| is_valid_date(y, m, d) && weekday(y, m, d) == wd)
        .min_by_key(|&y| (days_from_civil(y, m, d) - z).abs())
        .map(|y| (y, m, d))
}

/// The expression starting at token `i`, with the words that may lead it (يوم، صباح،
/// مساء، بعد ظهر ...).
fn parse_at(w: &Words, i: usize, story: Ymd) -> Option<Expr> {
    let mut j = i;
    loop {
        if w.is(j, YAWM) || w.is(j, DAYPART) {
            j += 1;
        } else if w.is(j, &["بعد"]) && w.is(j + 1, &["ظهر"]) {
            j += 2;
        } else {
            break;
        }
        if j - i > 3 {
            return None;
        }
    }
    if j > i {
        // Leading words go with a day: يوم الأحد، مساء أمس، يوم 15 من الشهر الجاري.
        if w.is(j, AGO) {
            return None;
        }
        let mut e = parse_core(w, j, story)?;
        if e.rank < RANK_WEEKDAY {
            return None;
        }
        e.start = i;
        e.prefix = first_prefix(w, i);
        return Some(e);
    }
    parse_core(w, i, story)
}

/// Characters of clitics before the first word of an expression starting at `i` (وأمس,
/// بالأمس): those of the least stripped form that the vocabulary knows.
fn first_prefix(w: &Words, i: usize) -> u8 {
    let all: [&[&str]; 12] = [
        YESTERDAY,
        TODAY,
        TOMORROW,
        YAWM,
        DAYPART,
        THIS,
        WEEK_WORD,
        MONTH_WORD,
        YEAR_WORD,
        AGO,
        &["اول", "بعد", "الليله"],
        MONTH_CONTEXT,
    ];
    for forms in all {
        if let Some(p) = w.m(i, forms) {
            return p;
        }
    }
    if let Some((_, p)) = w.lookup(i, WEEKDAYS) {
        return p;
    }
    if let Some((_, p)) = w.lookup(i, CIVIL_MONTHS) {
        return p;
    }
    if let Some((_, p)) = w.lookup(i, HIJRI_MONTHS) {
        return p;
    }
    for (a, _, _, _) in TWO_WORD_MONTHS {
        if let Some(p) = w.m(i, &[a]) {
            return p;
        }
    }
    0
}

fn parse_core(w: &Words, i: usize, story: Ymd) -> Option<Expr> {
    let prefix = first_prefix(w, i);
    let mk = |end: usize, date: Option<(Ymd, &'static str)>, rank: u8| Expr {
        start: i,
        end,
        prefix,
        date,
        rank,
        ..Expr::default()
    };
    let day = |n: i64| Some((add_days(story, n), "day"));

    // أمس، البارحة، أمس الأول
    if w.is(i, YESTERDAY) {
        if w.is(i + 1, &["الاول"]) {
            return Some(mk(i + 2, day(-2), RANK_RELATIVE));
        }
        return Some(mk(i + 1, day(-1), RANK_RELATIVE));
    }
    // أول أمس، أول من أمس
    if w.is(i, &["اول"]) {
        if w.is(i + 1, YESTERDAY) {
            return Some(mk(i + 2, day(-2), RANK_RELATIVE));
        }
        if w.is(i + 1, &["من"]) && w.is(i + 2, YESTERDAY) {
            return Some(mk(i + 3, day(-2), RANK_RELATIVE));
        }
    }
    if w.is(i, TODAY) && !w.is(i + 1, NOT_TODAY) {
        return Some(mk(i + 1, day(0), RANK_RELATIVE));
    }
    if w.is(i, TOMORROW) {
        return Some(mk(i + 1, day(1), RANK_RELATIVE));
    }
    if w.is(i, &["بعد"]) && w.is(i + 1, &["غد", "غدا"]) {
        return Some(mk(i + 2, day(2), RANK_RELATIVE));
    }
    // الليلة الماضية = last night
    if w.is(i, &["الليله"]) && w.is(i + 1, PAST_Q) {
        return Some(mk(i + 2, day(-1), RANK_RELATIVE));
    }
    // Weekdays.
    if let Some((wd, _)) = w.lookup(i, WEEKDAYS) {
        let sw = weekday(story.0, story.1, story.2);
        let q = qualifier(w, i + 1);
        let back = (sw + 7 - wd) % 7;
        let offset = match q {
            Some(Qual::Past) => -(if back == 0 { 7 } else { back as i64 }),
            Some(Qual::Next) => {
                let fwd = (wd + 7 - sw) % 7;
                if fwd == 0 {
                    7
                } else {
                    fwd as i64
                }
            }
            _ => -(back as i64),
        };
        let end = if matches!(q, Some(Qual::Past | Qual::Next)) {
            i + 2
        } else {
            i + 1
        };
        return Some(Expr {
            wd: Some(wd),
            ..mk(end, day(offset), RANK_WEEKDAY)
        });
    }
    // هذا الأسبوع / الأسبوع الماضي / الشهر المقبل / العام الجاري ...
    {
        let (unit_at, q, end) = if w.is(i, THIS) {
            (i + 1, Some(Qual::Current), i + 2)
        } else {
            (i, qualifier(w, i + 1), i + 2)
        };
        if let Some(q) = q {
            let off: i64 = match q {
                Qual::Past => -1,
                Qual::Current => 0,
                Qual::Next => 1,
            };
            if w.is(unit_at, WEEK_WORD) {
                return Some(mk(
                    end,
                    Some((add_days(story, 7 * off), "week")),
                    RANK_COARSE,
                ));
            }
            if w.is(unit_at, MONTH_WORD) {
                let (y, m, _) = add_months((story.0, story.1, 1), off);
                return Some(mk(end, Some(((y, m, 1), "month")), RANK_COARSE));
            }
            if w.is(unit_at, YEAR_WORD_DEF) {
                return Some(mk(
                    end,
                    Some(((story.0 + off as i32, 1, 1), "year")),
                    RANK_COARSE,
                ));
            }
        }
    }
    if w.is(i, AGO) {
        if let Some(e) = parse_ago(w, i, story) {
            return Some(Expr { prefix, ..e });
        }
    }
    if let Some(e) = parse_day_month(w, i, story) {
        return Some(Expr { prefix, ..e });
    }
    if let Some(e) = parse_numeric(w, i) {
        return Some(e);
    }
    if let Some(e) = parse_month_alone(w, i, story) {
        return Some(Expr { prefix, ..e });
    }
    parse_year(w, i, story)
}

/// قبل ثلاثة أيام، منذ أسبوعين، قبل أكثر من شهر، قبل 48 ساعة.
fn parse_ago(w: &Words, i: usize, story: Ymd) -> Option<Expr> {
    let mut j = i + 1;
    for seq in APPROX {
        if seq.iter().enumerate().all(|(k, f)| w.is(j + k, &[f])) {
            j += seq.len();
            break;
        }
    }
    let (n, end, unit) = if let Some(((unit, n), _)) = w.lookup(j, UNITS) {
        (n, j + 1, unit)
    } else {
        let words: Vec<&str> = (j..w.len().min(j + 8)).map(|k| w.norm(k)).collect();
        let (n, used) = parse_number_words(&words)?;
        let ((unit, _), _) = w.lookup(j + used, UNITS)?;
        (n, j + used + 1, unit)
    };
    // "منذ عام 2012" and "قبل يوم الانتخابات" name a year or a day, not a duration.
    if w.int(end).is_some()
        || (n == 1 && w.kind(end) == Some(TokenKind::Word) && w.norm(end).starts_with("ال"))
    {
        return None;
    }
    // "قبل ثلاثة أيام من الانتخابات" counts from another event.
    let anchored = !w.is(end, &["من"]);
    let date = match (n, unit) {
        _ if !anchored || n > 100_000 => None,
        (0, Unit::Hour) => Some((story, "day")),
        (0, _) => None,
        (n, Unit::Hour) => Some((add_days(story, -((n / 24) as i64)), "day")),
        (n, Unit::Day) => Some((add_days(story, -(n as i64)), "day")),
        (n, Unit::Week) => Some((add_days(story, -7 * n as i64), "week")),
        (n, Unit::Month) => Some((add_months(story, -(n as i64)), "month")),
        (n, Unit::Year) => Some((add_months(story, -12 * n as i64), "year")),
    };
    Some(Expr {
        start: i,
        end,
        prefix: 0,
        date,
        rank: if unit == Unit::Day || unit == Unit::Hour {
            RANK_RELATIVE
        } else {
            RANK_COARSE
        },
        ..Expr::default()
    })
}

/// A month reference after a day or alone.
#[derive(Clone, Copy, Debug)]
enum MonthRef {
    Named(Cal, u32),
    /// الشهر الماضي (-1), الجاري / هذا الشهر (0), المقبل (+1).
    Relative(i64),
}

/// A month name at `j`: calendar, month, end.
fn month_name(w: &Words, j: usize) -> Option<(Cal, u32, usize)> {
    for &(a, b, cal, m) in TWO_WORD_MONTHS {
        if w.is(j, &[a]) && w.is(j + 1, &[b]) {
            return Some((cal, m, j + 2));
        }
    }
    if let Some((m, _)) = w.lookup(j, CIVIL_MONTHS) {
        return Some((Cal::Civil, m, j + 1));
    }
    if let Some((m, _)) = w.lookup(j, HIJRI_MONTHS) {
        return Some((Cal::Hijri, m, j + 1));
    }
    None
}

/// The month reference at `j` and what follows it: (month, end, explicit year, year
/// given as an offset from the story year (من العام الماضي), qualifier).
struct MonthTail {
    month: MonthRef,
    end: usize,
    year: Option<i32>,
    year_off: Option<i32>,
    qual: Option<Qual>,
}

fn month_ref(w: &Words, j: usize) -> Option<MonthTail> {
    // الشهر الماضي / هذا الشهر
    if w.is(j, MONTH_WORD) {
        let off = match qualifier(w, j + 1)? {
            Qual::Past => -1,
            Qual::Current => 0,
            Qual::Next => 1,
        };
        return Some(MonthTail {
            month: MonthRef::Relative(off),
            end: j + 2,
            year: None,
            year_off: None,
            qual: None,
        });
    }
    if w.is(j, THIS) && w.is(j + 1, MONTH_WORD) {
        return Some(MonthTail {
            month: MonthRef::Relative(0),
            end: j + 2,
            year: None,
            year_off: None,
            qual: None,
        });
    }
    let (cal, m, mut k) = month_name(w, j)?;
    // Alternative name: أيار/مايو, مايو (أيار)
    if cal == Cal::Civil {
        if w.punct(k, "/") || w.punct(k, "-") {
            if let Some((Cal::Civil, _, e)) = month_name(w, k + 1) {
                k = e;
            }
        } else if w.punct(k, "(") {
            if let Some((Cal::Civil, _, e)) = month_name(w, k + 1) {
                if w.punct(e, ")") {
                    k = e + 1;
                }
            }
        }
    }
    // Adjacent alternative name without a separator: 26 فبراير شباط.
    if cal == Cal::Civil {
        if let Some((Cal::Civil, _, e)) = month_name(w, k) {
            k = e;
        }
    }
    let mut year = None;
    // تموز (يوليو) عام 2016
    let yk = if w.is(k, YEAR_WORD) && w.int(k + 1).is_some() {
        k + 1
    } else {
        k
    };
    if let Some((y, len)) = w.int(yk) {
        let k = yk;
        let hijri_marked = w.is(k + 1, HIJRI_MARK);
        let ok = match cal {
            Cal::Civil => len == 4 && (1000..=2999).contains(&y) && !hijri_marked,
            Cal::Hijri => (1..=1999).contains(&y) && (hijri_marked || len == 4),
        };
        if ok {
            year = Some(y as i32);
        }
    }
    if year.is_some() {
        k = yk + 1;
        if w.is(k, HIJRI_MARK) || w.is(k, CE_MARK) {
            k += 1;
        }
    }
    let mut year_off = None;
    let mut qual = None;
    if year.is_none() {
        // من العام الماضي / العام الجاري / من هذا العام
        let mut k2 = k;
        if w.is(k2, &["من"]) {
            k2 += 1;
        }
        if w.is(k2, YEAR_WORD_DEF) {
            if let Some(q) = qualifier(w, k2 + 1) {
                year_off = Some(match q {
                    Qual::Past => -1,
                    Qual::Current => 0,
                    Qual::Next => 1,
                });
                k = k2 + 2;
            }
        } else if w.is(k2, THIS) && w.is(k2 + 1, YEAR_WORD_DEF) {
            year_off = Some(0);
            k = k2 + 2;
        }
        if year_off.is_none() {
            qual = qualifier(w, k);
            if qual.is_some() {
                k += 1;
            } else if w.is(k, MONTH_WORD) {
                // 3 أغسطس (آب) الشهر المقبل
                qual = qualifier(w, k + 1);
                if qual.is_some() {
                    k += 2;
                }
            }
        }
    }
    Some(MonthTail {
        month: MonthRef::Named(cal, m),
        end: k,
        year,
        year_off,
        qual,
    })
}

/// Resolves a month reference with an optional day; `None` for impossible dates.
fn resolve_month(t: &MonthTail, day: Option<u32>, story: Ymd) -> Option<(Ymd, &'static str)> {
    let precision = if day.is_some() { "day" } else { "month" };
    let d = day.unwrap_or(1);
    match t.month {
        MonthRef::Relative(off) => {
            let (y, m, _) = add_months((story.0, story.1, 1), off);
            is_valid_date(y, m, d).then_some(((y, m, d), precision))
        }
        MonthRef::Named(Cal::Civil, m) => {
            let y = if let Some(y) = t.year {
                y
            } else if let Some(off) = t.year_off {
                story.0 + off
            } else {
                let ok = |y: i32| is_valid_date(y, m, d);
                match t.qual {
                    Some(Qual::Past) => {
                        let y = if m < story.1 { story.0 } else { story.0 - 1 };
                        (0..8).map(|k| y - k).find(|&y| ok(y))?
                    }
                    Some(Qual::Next) => {
                        let y = if m > story.1 { story.0 } else { story.0 + 1 };
                        (0..8).map(|k| y + k).find(|&y| ok(y))?
                    }
                    Some(Qual::Current) => story.0,
                    None if day.is_some() => (0..9)
                        .map(|k| story.0 + 1 - k)
                        .find(|&y| ok(y) && (y, m, d) <= story)?,
                    None => {
                        if m <= story.1 {
                            story.0
                        } else {
                            story.0 - 1
                        }
                    }
                }
            };
            is_valid_date(y, m, d).then_some(((y, m, d), precision))
        }
        MonthRef::Named(Cal::Hijri, m) => {
            if !(1..=30).contains(&d) || t.year_off.is_some() {
                return None;
            }
            let story_days = days_from_civil(story.0, story.1, story.2);
            let (hy, hm, _) = hijri_from_days(story_days);
            let y = if let Some(y) = t.year {
                y
            } else {
                match t.qual {
                    Some(Qual::Past) => {
                        if m < hm {
                            hy
                        } else {
                            hy - 1
                        }
                    }
                    Some(Qual::Next) => {
                        if m > hm {
                            hy
                        } else {
                            hy + 1
                        }
                    }
                    Some(Qual::Current) => hy,
                    None if day.is_some() => {
                        if hijri_to_days(hy, m, d) <= story_days {
                            hy
                        } else {
                            hy - 1
                        }
                    }
                    None => {
                        if m <= hm {
                            hy
                        } else {
                            hy - 1
                        }
                    }
                }
            };
            Some((hijri_to_civil(y, m, d), precision))
        }
    }
}

/// 15 يناير 2020، في 3 آذار، 15 من الشهر الجاري، الأول من يناير، 15 رمضان 1441 هـ.
fn parse_day_month(w: &Words, i: usize, story: Ymd) -> Option<Expr> {
    let (day, mut j) = if let Some((d, len)) = w.int(i) {
        if len > 2 || !(1..=31).contains(&d) {
            return None;
        }
        (d as u32, i + 1)
    } else {
        let (d, j) = ordinal(w, i)?;
        if !w.is(j, &["من"]) {
            return None;
        }
        (d, j)
    };
    if w.is(j, &["من"]) {
        j += 1;
    }
    let tail = month_ref(w, j)?;
    // An impossible date (31 فبراير) is recognised, so that its words are not read as
    // something else, but gives no date.
    let date = resolve_month(&tail, Some(day), story);
    let (rank, md) = match tail.month {
        MonthRef::Named(Cal::Hijri, _) => (RANK_HIJRI, None),
        MonthRef::Named(Cal::Civil, m)
            if tail.year.is_none() && tail.year_off.is_none() && tail.qual.is_none() =>
        {
            (RANK_EXPLICIT, Some((m, day)))
        }
        _ => (RANK_EXPLICIT, None),
    };
    Some(Expr {
        start: i,
        end: tail.end,
        prefix: 0,
        date,
        rank,
        md,
        ..Expr::default()
    })
}

/// Ordinal day words: الأول، الخامس عشر، الحادي والعشرين، الثلاثين.
fn ordinal(w: &Words, i: usize) -> Option<(u32, usize)> {
    let (u, _) = w.lookup(i, ORDINAL_UNITS)?;
    if u < 10 {
        if let Some((t, _)) = w.lookup(i + 1, ORDINAL_TENS) {
            return Some((u + t, i + 2));
        }
        if w.is(i, &["الحادي"]) {
            return None;
        }
    }
    Some((u, i + 1))
}

/// 15/1/2020، 2020-01-15، 15.1.2020 (and Hijri when the year is 1300-1600 or marked هـ).
fn parse_numeric(w: &Words, i: usize) -> Option<Expr> {
    let (parts, mut end): (Vec<&str>, usize) =
        if w.kind(i) == Some(TokenKind::Number) && w.norm(i).matches('.').count() == 2 {
            (w.norm(i).split('.').collect(), i + 1)
        } else {
            w.int(i)?;
            let sep = ["/", "-", "."].into_iter().find(|p| w.punct(i + 1, p))?;
            w.int(i + 2)?;
            if !w.punct(i + 3, sep) {
                return None;
            }
            w.int(i + 4)?;
            (vec![w.norm(i), w.norm(i + 2), w.norm(i + 4)], i + 5)
        };
    if parts.len() != 3 || parts.iter().any(|p| p.is_empty() || p.len() > 4) {
        return None;
    }
    let num = |p: &str| p.parse::<u32>().ok();
    let (y, m, d) = if parts[0].len() == 4 {
        (num(parts[0])?, num(parts[1])?, num(parts[2])?)
    } else if parts[2].len() == 4 {
        (num(parts[2])?, num(parts[1])?, num(parts[0])?)
    } else {
        return None;
    };
    let hijri = w.is(end, HIJRI_MARK) || (1300..=1600).contains(&y);
    let date = if hijri {
        if !(1..=12).contains(&m) || !(1..=30).contains(&d) {
            return None;
        }
        hijri_to_civil(y as i32, m, d)
    } else {
        if !(1000..=2999).contains(&y) || !is_valid_date(y as i32, m, d) {
            return None;
        }
        (y as i32, m, d)
    };
    if w.is(end, HIJRI_MARK) || w.is(end, CE_MARK) {
        end += 1;
    }
    Some(Expr {
        start: i,
        end,
        prefix: 0,
        date: Some((date, "day")),
        rank: if hijri { RANK_HIJRI } else { RANK_EXPLICIT },
        ..Expr::default()
    })
}

/// يناير الماضي، كانون الثاني 2020، في مارس، رمضان الماضي.
fn parse_month_alone(w: &Words, i: usize, story: Ymd) -> Option<Expr> {
    let (cal, _, _) = month_name(w, i)?;
    let tail = month_ref(w, i)?;
    let marked = tail.year.is_some() || tail.year_off.is_some() || tail.qual.is_some();
    let context = i > 0 && w.is(i - 1, MONTH_CONTEXT);
    if !marked && (cal == Cal::Hijri || !context) {
        return None;
    }
    let date = resolve_month(&tail, None, story);
    Some(Expr {
        start: i,
        end: tail.end,
        prefix: 0,
        date,
        rank: RANK_COARSE,
        ..Expr::default()
    })
}

/// عام 2019، العام 2019، في 2019، عام 1441 هـ.
fn parse_year(w: &Words, i: usize, story: Ymd) -> Option<Expr> {
    let (start, k) = if w.is(i, YEAR_WORD) {
        (i, i + 1)
    } else if w.is(i, &["في", "خلال"]) {
        (i + 1, i + 1)
    } else {
        return None;
    };
    let (y, len) = w.int(k)?;
    if len != 4 || parse_numeric(w, k).is_some() {
        return None;
    }
    // Saudi news often writes Hijri years without هـ (عام 1436); a Gregorian year of the
    // 14th-15th century carries م when it is meant, or is later than the current Hijri
    // year (بني عام 1450).
    let story_hijri_year = hijri_from_days(days_from_civil(story.0, story.1, story.2)).0 as i64;
    let hijri = w.is(k + 1, HIJRI_MARK)
        || ((1340..=1500).contains(&y)
            && y as i64 <= story_hijri_year + 1
            && !w.is(k + 1, CE_MARK));
    if start == k {
        // "في 2019" is a year only when nothing that could be counted follows.
        let next_ok = w.kind(k + 1) != Some(TokenKind::Word) || w.is(k + 1, AFTER_YEAR);
        if !next_ok || !(1900..=2100).contains(&y) {
            return None;
        }
    }
    let mut end = k + 1;
    if w.is(end, HIJRI_MARK) || w.is(end, CE_MARK) {
        end += 1;
    }
    let date = if hijri {
        hijri_to_civil(y as i32, 1, 1)
    } else if (1000..=2999).contains(&y) {
        (y as i32, 1, 1)
    } else {
        return None;
    };
    Some(Expr {
        start,
        end,
        prefix: if start == i { first_prefix(w, i) } else { 0 },
        date: Some((date, "year")),
        rank: RANK_COARSE,
        ..Expr::default()
    })
}

// ---------------------------------------------------------------------------------------
// Clauses
// ---------------------------------------------------------------------------------------

/// Clause number of every token. A clause starts at clause punctuation or at a word that
/// opens a clause; tokens inside a date expression never break a clause.
fn segments(w: &Words, exprs: &[Expr]) -> Vec<usize> {
    let inside = |t: usize| exprs.iter().any(|e| t > e.start && t < e.end);
    let mut seg = Vec::with_capacity(w.len());
    let mut id = 0;
    for t in 0..w.len() {
        if t > 0 && !inside(t) && is_break(w, t) {
            id += 1;
        }
        seg.push(id);
    }
    seg
}

fn is_break(w: &Words, t: usize) -> bool {
    match w.kind(t) {
        Some(TokenKind::Punct) => CLAUSE_PUNCT.contains(&w.norm(t)),
        Some(TokenKind::Word) => {
            w.flags(t, vocabulary()) & F_CLAUSE != 0
                && (w.is(t, CLAUSE_WORDS) || (w.is(t, &["في"]) && w.is(t + 1, &["حين"])))
        }
        _ => false,
    }
}

/// The clause an expression belongs to: its own, unless the expression is a clause by
/// itself (set off by punctuation), which belongs to the clause before it, or to the one
/// after it at the start of the sentence.
fn attached_segment(w: &Words, seg: &[usize], e: &Expr) -> usize {
    let k = seg[e.start];
    let alone = (0..w.len()).filter(|&t| seg[t] == k).all(|t| {
        (t >= e.start && t < e.end)
            || w.kind(t) == Some(TokenKind::Punct)
            || w.is(t, &["في", "و", "يوم"])
    });
    let closed_by_punct = (e.end..w.len())
        .find(|&t| seg[t] != k)
        .is_none_or(|t| w.kind(t) == Some(TokenKind::Punct));
    if !alone || !closed_by_punct {
        return k;
    }
    let last = seg.last().copied().unwrap_or(0);
    if k == 0 {
        if last > 0 {
            1
        } else {
            0
        }
    } else {
        k - 1
    }
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
        fn tok(&self, word: &str) -> usize {
            (0..self.s.len())
                .find(|&i| self.s.norm_of(i) == normalize(word))
                .unwrap_or_else(|| panic!("no token {word}"))
        }
        fn resolve(&self, trigger: &str, story: &str) -> Option<ResolvedDate> {
            let t = self.tok(trigger);
            let text = self.text.clone();
            let text_of = move |a: u32, b: u32| -> String {
                text.chars()
                    .skip(a as usize)
                    .take((b - a) as usize)
                    .collect()
            };
            resolve_event_date(&self.s, t, story, &text_of)
        }
    }

    /// (date, precision, text) of the date for `trigger`.
    fn when(text: &str, trigger: &str, story: &str) -> Option<(String, &'static str, String)> {
        doc(text)
            .resolve(trigger, story)
            .map(|r| (r.date, r.precision, r.text))
    }

    fn date_of(text: &str, trigger: &str, story: &str) -> Option<(String, &'static str)> {
        when(text, trigger, story).map(|(d, p, _)| (d, p))
    }

    fn d(date: &str, p: &'static str) -> Option<(String, &'static str)> {
        Some((date.to_string(), p))
    }

    const STORY: &str = "2020-10-11"; // a Sunday

    // ---- calendar ----

    #[test]
    fn civil_round_trip_and_known_days() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        for z in (-800_000..800_000).step_by(97) {
            let (y, m, d) = civil_from_days(z);
            assert!(is_valid_date(y, m, d));
            assert_eq!(days_from_civil(y, m, d), z);
        }
        assert_eq!(civil_from_days(i64::MAX).0, civil_from_days(MAX_DAYS).0);
    }

    #[test]
    fn weekdays_and_day_arithmetic() {
        assert_eq!(weekday(2020, 10, 11), 0); // Sunday
        assert_eq!(weekday(1970, 1, 1), 4); // Thursday
        assert_eq!(weekday(2024, 2, 29), 4);
        assert_eq!(add_days((2020, 2, 28), 1), (2020, 2, 29));
        assert_eq!(add_days((2019, 2, 28), 1), (2019, 3, 1));
        assert_eq!(add_days((2021, 1, 1), -1), (2020, 12, 31));
        assert_eq!(add_days((2020, 10, 11), -7), (2020, 10, 4));
        assert_eq!(add_months((2020, 10, 11), -2), (2020, 8, 11));
        assert_eq!(add_months((2020, 3, 31), -1), (2020, 2, 29));
        assert_eq!(add_months((2020, 1, 15), -13), (2018, 12, 15));
        let _ = add_days((2020, 1, 1), i64::MIN);
        let _ = add_months((2020, 1, 1), i64::MAX);
        let _ = weekday(i32::MAX, 99, 99);
    }

    #[test]
    fn parses_story_dates() {
        assert_eq!(parse_ymd("2020-10-11"), Some((2020, 10, 11)));
        assert_eq!(parse_ymd(" 2020-10-11T08:00:00Z"), Some((2020, 10, 11)));
        assert_eq!(parse_ymd("2020-02-30"), None);
        assert_eq!(parse_ymd("2020-1-1"), None);
        assert_eq!(parse_ymd("٢٠٢٠-١٠-١١"), None);
        assert_eq!(parse_ymd(""), None);
        assert_eq!(parse_ymd("2020-10-11x"), None);
    }

    #[test]
    fn tabular_hijri_conversion() {
        // 1 Muharram 1 AH = 16 July 622 Julian = 19 July 622 proleptic Gregorian.
        assert_eq!(hijri_to_civil(1, 1, 1), (622, 7, 19));
        // 1 Ramadan 1441 = 24 April 2020 (Umm al-Qura agrees).
        assert_eq!(hijri_to_civil(1441, 9, 1), (2020, 4, 24));
        assert_eq!(hijri_to_civil(1441, 9, 15), (2020, 5, 8));
        // 1 Muharram 1442 = 20 August 2020.
        assert_eq!(hijri_to_civil(1442, 1, 1), (2020, 8, 20));
        for z in (-200_000..200_000).step_by(31) {
            let (y, m, d) = hijri_from_days(z);
            assert!((1..=12).contains(&m) && d >= 1 && d <= hijri_days_in_month(y, m));
            assert_eq!(hijri_to_days(y, m, d), z);
        }
        assert!(is_hijri_leap_year(2) && !is_hijri_leap_year(3));
    }

    #[test]
    fn vocabulary_is_normalised() {
        let lists: [&[&str]; 22] = [
            YESTERDAY,
            TODAY,
            NOT_TODAY,
            TOMORROW,
            YAWM,
            DAYPART,
            PAST_Q,
            NEXT_Q,
            CURRENT_Q,
            THIS,
            WEEK_WORD,
            MONTH_WORD,
            YEAR_WORD_DEF,
            YEAR_WORD,
            AGO,
            BOUND_BEFORE,
            MONTH_CONTEXT,
            AFTER_YEAR,
            HIJRI_MARK,
            CE_MARK,
            CLAUSE_WORDS,
            CLAUSE_PUNCT,
        ];
        let mut all: Vec<&str> = lists.iter().flat_map(|l| l.iter().copied()).collect();
        all.extend(WEEKDAYS.iter().map(|x| x.0));
        all.extend(CIVIL_MONTHS.iter().map(|x| x.0));
        all.extend(HIJRI_MONTHS.iter().map(|x| x.0));
        all.extend(TWO_WORD_MONTHS.iter().flat_map(|x| [x.0, x.1]));
        all.extend(ORDINAL_UNITS.iter().map(|x| x.0));
        all.extend(ORDINAL_TENS.iter().map(|x| x.0));
        all.extend(UNITS.iter().map(|x| x.0));
        all.extend(APPROX.iter().flat_map(|x| x.iter().copied()));
        for f in all {
            assert_eq!(normalize(f), f, "{f} is not normalised");
        }
    }

    // ---- the issue's examples (story date 2020-10-11, a Sunday) ----

    #[test]
    fn issue_examples() {
        assert_eq!(
            date_of("هاجم مسلحون حاجزا للجيش الثلاثاء الماضي.", "هاجم", STORY),
            d("2020-10-06", "day")
        );
        assert_eq!(
            date_of("هاجم مسلحون حاجزا للجيش الأحد.", "هاجم", STORY),
            d("2020-10-11", "day")
        );
        assert_eq!(
            date_of("اعتقلت الشرطة ناشطين في يناير الماضي.", "اعتقلت", STORY),
            d("2020-01-01", "month")
        );
        assert_eq!(
            date_of("اندلعت الاشتباكات قبل شهرين في ريف إدلب.", "اندلعت", STORY),
            d("2020-08-11", "month")
        );
        assert_eq!(
            date_of("قصفت الطائرات مواقع المسلحين أمس.", "قصفت", STORY),
            d("2020-10-10", "day")
        );
    }

    // ---- relative days ----

    #[test]
    fn relative_days() {
        let cases: &[(&str, &str, &str)] = &[
            ("تظاهر المئات البارحة أمام البرلمان.", "تظاهر", "2020-10-10"),
            ("وأمس، تظاهر المئات أمام البرلمان.", "تظاهر", "2020-10-10"),
            ("تظاهر المئات بالأمس أمام البرلمان.", "تظاهر", "2020-10-10"),
            ("تظاهر المئات يوم أمس أمام البرلمان.", "تظاهر", "2020-10-10"),
            (
                "تظاهر المئات مساء أمس أمام البرلمان.",
                "تظاهر",
                "2020-10-10",
            ),
            (
                "تظاهر المئات الليلة الماضية أمام البرلمان.",
                "تظاهر",
                "2020-10-10",
            ),
            (
                "يلتقي الوزير نظيره الأردني اليوم في عمان.",
                "يلتقي",
                "2020-10-11",
            ),
            (
                "يلتقي الوزير نظيره الأردني الیوم في عمان.",
                "يلتقي",
                "2020-10-11",
            ),
            ("التقى الوزير نظيره صباح اليوم.", "التقى", "2020-10-11"),
            ("وقع الانفجار أول أمس في حي الكرادة.", "وقع", "2020-10-09"),
            ("وقع الانفجار أول من أمس في حي الكرادة.", "وقع", "2020-10-09"),
            ("وقع الانفجار أمس الأول في حي الكرادة.", "وقع", "2020-10-09"),
            ("يزور الرئيس بغداد غداً.", "يزور", "2020-10-12"),
            ("يزور الرئيس بغداد بعد غد.", "يزور", "2020-10-13"),
        ];
        for (text, trig, want) in cases {
            assert_eq!(date_of(text, trig, STORY), d(want, "day"), "{text}");
        }
    }

    #[test]
    fn text_and_offsets_point_at_the_original_words() {
        let text = "وقُتل جنديان وأمسِ الأحد في هجوم.";
        let r = doc(text).resolve("وقتل", STORY).unwrap();
        assert_eq!(r.text, "أمسِ الأحد");
        let got: String = text
            .chars()
            .skip(r.start as usize)
            .take((r.end - r.start) as usize)
            .collect();
        assert_eq!(got, r.text);
        assert_eq!(r.date, "2020-10-10");
    }

    // ---- weekdays ----

    #[test]
    fn weekdays() {
        let cases: &[(&str, &str)] = &[
            ("الأحد", "2020-10-11"),
            ("يوم الأحد", "2020-10-11"),
            ("الاثنين", "2020-10-05"),
            ("الثلاثاء", "2020-10-06"),
            ("الأربعاء", "2020-10-07"),
            ("الخميس", "2020-10-08"),
            ("يوم الجمعة", "2020-10-09"),
            ("السبت", "2020-10-10"),
            ("فجر السبت", "2020-10-10"),
            ("الأحد الماضي", "2020-10-04"),
            ("الخميس الماضي", "2020-10-08"),
            ("السبت الفائت", "2020-10-10"),
            ("الثلاثاء المقبل", "2020-10-13"),
            ("الأحد المقبل", "2020-10-18"),
            ("السبت القادم", "2020-10-17"),
        ];
        for (expr, want) in cases {
            let text = format!("شنت الطائرات غارات على المدينة {expr}.");
            assert_eq!(date_of(&text, "شنت", STORY), d(want, "day"), "{expr}");
        }
        // A clitic on the weekday.
        assert_eq!(
            date_of("التقى الوزيران وبالخميس عقدا مؤتمرا.", "التقى", STORY),
            d("2020-10-08", "day")
        );
        // أحد without the article is "one of", not Sunday.
        assert_eq!(date_of("قتل أحد الجنود في الهجوم.", "قتل", STORY), None);
    }

    #[test]
    fn weekday_next_to_a_date_takes_the_explicit_date() {
        let r = when("قتل جندي الأحد 4 أكتوبر في هجوم.", "قتل", STORY).unwrap();
        assert_eq!(
            (r.0.as_str(), r.1, r.2.as_str()),
            ("2020-10-04", "day", "الأحد 4 أكتوبر")
        );
        let r = when(
            "قتل جندي يوم الخميس الموافق 8 أكتوبر في هجوم.",
            "قتل",
            STORY,
        )
        .unwrap();
        assert_eq!(r.0, "2020-10-08");
        let r = when("قتل جندي أمس السبت.", "قتل", STORY).unwrap();
        assert_eq!((r.0.as_str(), r.2.as_str()), ("2020-10-10", "أمس السبت"));
    }

    // ---- weeks, months, years ----

    #[test]
    fn periods() {
        let cases: &[(&str, &str, &str)] = &[
            ("الأسبوع الماضي", "2020-10-04", "week"),
            ("الأسبوع المنصرم", "2020-10-04", "week"),
            ("هذا الأسبوع", "2020-10-11", "week"),
            ("الأسبوع المقبل", "2020-10-18", "week"),
            ("الشهر الماضي", "2020-09-01", "month"),
            ("الشهر الجاري", "2020-10-01", "month"),
            ("الشهر المقبل", "2020-11-01", "month"),
            ("العام الماضي", "2019-01-01", "year"),
            ("السنة الماضية", "2019-01-01", "year"),
            ("هذا العام", "2020-01-01", "year"),
            ("العام المقبل", "2021-01-01", "year"),
        ];
        for (expr, want, p) in cases {
            let text = format!("وقعت الحكومة اتفاقا مع الفصائل {expr}.");
            assert_eq!(date_of(&text, "وقعت", STORY), d(want, p), "{expr}");
        }
    }

    #[test]
    fn named_months_without_day() {
        let cases: &[(&str, &str)] = &[
            ("يناير الماضي", "2020-01-01"),
            ("كانون الثاني الماضي", "2020-01-01"),
            ("أكتوبر الماضي", "2019-10-01"),
            ("تشرين الأول الماضي", "2019-10-01"),
            ("نوفمبر المقبل", "2020-11-01"),
            ("آذار المقبل", "2021-03-01"),
            ("في مارس", "2020-03-01"),
            ("في شهر ديسمبر", "2019-12-01"),
            ("خلال آب", "2020-08-01"),
            ("يونيو 2018", "2018-06-01"),
            ("حزيران 2018", "2018-06-01"),
            ("مايو (أيار) 2019", "2019-05-01"),
            ("أيار/مايو 2019", "2019-05-01"),
            ("في مارس من العام الماضي", "2019-03-01"),
        ];
        for (expr, want) in cases {
            let text = format!("فرضت الحكومة حظر التجول {expr} في العاصمة.");
            assert_eq!(date_of(&text, "فرضت", STORY), d(want, "month"), "{expr}");
        }
        // Month names that are also ordinary words are not dates without a cue.
        assert_eq!(
            date_of("مارس الجيش ضغوطا على المحتجين.", "مارس", STORY),
            None
        );
        assert_eq!(date_of("انتقد الابن آب القائد.", "انتقد", STORY), None);
    }

    #[test]
    fn explicit_days() {
        let cases: &[(&str, &str)] = &[
            ("في 15 يناير 2020", "2020-01-15"),
            ("في 15 كانون الثاني 2020", "2020-01-15"),
            ("في 3 آذار", "2020-03-03"),
            ("في 3 مارس", "2020-03-03"),
            ("في 20 ديسمبر", "2019-12-20"),
            ("في 11 أكتوبر", "2020-10-11"),
            ("في 12 أكتوبر", "2019-10-12"),
            ("في 5 أيار/مايو 2019", "2019-05-05"),
            ("في 5 مايو (أيار) 2019", "2019-05-05"),
            ("يوم 15 من الشهر الجاري", "2020-10-15"),
            ("يوم 28 من الشهر الماضي", "2020-09-28"),
            ("في الأول من يناير", "2020-01-01"),
            ("في الخامس عشر من أيلول", "2020-09-15"),
            ("في الحادي والعشرين من يوليو 2019", "2019-07-21"),
            ("في 15 يناير الماضي", "2020-01-15"),
            ("في 15 أكتوبر المقبل", "2021-10-15"),
            ("في 29 فبراير", "2020-02-29"),
            ("في 15/1/2020", "2020-01-15"),
            ("في 2020-01-15", "2020-01-15"),
            ("في 15-1-2020", "2020-01-15"),
            ("في 15.1.2020", "2020-01-15"),
            ("في ١٥ يناير ٢٠٢٠", "2020-01-15"),
        ];
        for (expr, want) in cases {
            let text = format!("أعلنت الهيئة نتائج الانتخابات {expr} في بيان.");
            assert_eq!(date_of(&text, "أعلنت", STORY), d(want, "day"), "{expr}");
        }
        // 29 February without a year goes back to the last leap year.
        assert_eq!(
            date_of("أعلنت الهيئة النتائج في 29 فبراير.", "أعلنت", "2021-06-01"),
            d("2020-02-29", "day")
        );
    }

    #[test]
    fn news_agency_styles() {
        // Saudi and pan-Arab papers put the weekday in parentheses after اليوم / أمس.
        let r = when(
            "حدد رئيس الوزراء، اليوم (الاثنين)، ملامح استراتيجية جديدة.",
            "حدد",
            "2015-07-20",
        )
        .unwrap();
        assert_eq!(
            (r.0.as_str(), r.2.as_str()),
            ("2015-07-20", "اليوم (الاثنين)")
        );
        let r = when("وقع الانفجار أمس (الأحد) في السوق.", "وقع", "2015-07-20").unwrap();
        assert_eq!((r.0.as_str(), r.2.as_str()), ("2015-07-19", "أمس (الأحد)"));
        // A Hijri date with its Gregorian equivalent: the Gregorian one is exact.
        assert_eq!(
            date_of(
                "وفي 7 صفر 1430هـ الموافق 2 فبراير 2009م أعلنت الوزارة القبض على خلية.",
                "أعلنت",
                STORY
            ),
            d("2009-02-02", "day")
        );
        assert_eq!(
            date_of(
                "أعلنت الوزارة النتائج يوم الأربعاء الموافق 23 / 8 / 1436هـ في بيان.",
                "أعلنت",
                STORY
            ),
            d("2015-06-11", "day")
        );
        // Two dates separated by a comma stay two dates.
        let w = doc("تقام الصلاة الجمعة الموافق 18/8/1436هـ، الجمعة الموافق 25/8/1436هـ.");
        let words = Words::new(&w.s);
        assert_eq!(find_expressions(&words, (2015, 7, 21)).len(), 2);
        // The weekday settles the year of a day and month: 25 July 2015 is a Saturday.
        assert_eq!(
            date_of("تبدأ الجولة السبت 25 يوليو في جدة.", "تبدأ", "2015-07-21"),
            d("2015-07-25", "day")
        );
        assert_eq!(
            date_of("بدأت الجولة الجمعة 25 يوليو في جدة.", "بدأت", "2015-07-21"),
            d("2014-07-25", "day")
        );
        assert_eq!(
            date_of(
                "تدخل الاتفاقية حيز النفاذ في تموز (يوليو) عام 2016.",
                "تدخل",
                STORY
            ),
            d("2016-07-01", "month")
        );
        assert_eq!(
            date_of(
                "يترك بلاتر منصبه في 26 فبراير شباط المقبل.",
                "يترك",
                "2015-07-21"
            ),
            d("2016-02-26", "day")
        );
        // Month names joined by a dash, and "الشهر المقبل" after the month.
        assert_eq!(
            date_of(
                "وقع الانفجار في 12 مايو - أيار 2003م في الرياض.",
                "وقع",
                STORY
            ),
            d("2003-05-12", "day")
        );
        assert_eq!(
            date_of(
                "يلتقي الوزيران يوم 3 أغسطس (آب) الشهر المقبل.",
                "يلتقي",
                "2015-07-22"
            ),
            d("2015-08-03", "day")
        );
        // A Hijri year written without هـ; not when it would be in the future.
        assert_eq!(
            date_of("افتتح المشروع عام 1436 في الرياض.", "افتتح", STORY),
            d("2014-10-25", "year")
        );
        assert_eq!(
            date_of("شيد المنزل عام 1450 في قرية إنجليزية.", "شيد", "2015-07-21"),
            d("1450-01-01", "year")
        );
        // Leading words (يوم، مساء ...) go with days only.
        let r = when("كان أول يوم منذ ستة أسابيع.", "كان", STORY).unwrap();
        assert_eq!(r.2, "منذ ستة أسابيع");
    }

    #[test]
    fn invalid_dates_are_ignored() {
        assert_eq!(
            date_of("أعلنت الهيئة النتائج في 31 فبراير 2020.", "أعلنت", STORY),
            None
        );
        assert_eq!(
            date_of("أعلنت الهيئة النتائج في 32/13/2020.", "أعلنت", STORY),
            None
        );
        assert_eq!(
            date_of("أعلنت الهيئة النتائج في 31 نيسان.", "أعلنت", STORY),
            None
        );
        assert_eq!(
            date_of("أعلنت الهيئة النتائج أمس.", "أعلنت", "2020-13-45"),
            None
        );
        assert_eq!(
            date_of("أعلنت الهيئة النتائج أمس.", "أعلنت", "yesterday"),
            None
        );
    }

    #[test]
    fn years() {
        let cases: &[(&str, &str)] = &[
            ("عام 2019", "2019-01-01"),
            ("العام 2019", "2019-01-01"),
            ("في 2019", "2019-01-01"),
            ("سنة 2015", "2015-01-01"),
        ];
        for (expr, want) in cases {
            let text = format!("انسحبت القوات من المدينة {expr} بعد معارك.");
            assert_eq!(date_of(&text, "انسحبت", STORY), d(want, "year"), "{expr}");
        }
        // A count is not a year.
        assert_eq!(date_of("دمرت الغارات في 2000 منزل.", "دمرت", STORY), None);
    }

    #[test]
    fn hijri_dates() {
        let cases: &[(&str, &str)] = &[
            ("في 15 رمضان 1441", "2020-05-08"),
            ("في 15 رمضان 1441 هـ", "2020-05-08"),
            ("في 15 رمضان 1441هـ", "2020-05-08"),
            // Eid al-Adha 1440 fell on 11 August 2019 in Saudi Arabia; the tabular
            // calendar is one day later (the documented ±1 day).
            ("في 10 ذو الحجة 1440 هـ", "2019-08-12"),
            ("في 10 ذي الحجة 1440", "2019-08-12"),
            ("في 1 محرم 1442", "2020-08-20"),
            ("في 12 ربيع الأول 1442", "2020-10-29"),
            ("في 5 جمادى الآخرة 1441", "2020-01-31"),
            ("في 15 رمضان", "2020-05-08"),
            ("في 1441/9/15 هـ", "2020-05-08"),
        ];
        for (expr, want) in cases {
            let text = format!("أعلنت الوزارة القرار {expr} في بيان.");
            assert_eq!(date_of(&text, "أعلنت", STORY), d(want, "day"), "{expr}");
        }
        assert_eq!(
            date_of("أعلنت الوزارة القرار في رمضان الماضي.", "أعلنت", STORY),
            d("2020-04-24", "month")
        );
        assert_eq!(
            date_of("أعلنت الوزارة القرار عام 1441 هـ.", "أعلنت", STORY),
            d("2019-09-01", "year")
        );
        // صفر ("zero") alone is not a month.
        assert_eq!(date_of("أعلنت الوزارة صفر إصابات.", "أعلنت", STORY), None);
    }

    #[test]
    fn durations_ago() {
        let cases: &[(&str, &str, &str)] = &[
            ("قبل ثلاثة أيام", "2020-10-08", "day"),
            ("قبل 3 أيام", "2020-10-08", "day"),
            ("قبل يومين", "2020-10-09", "day"),
            ("قبل يوم", "2020-10-10", "day"),
            ("منذ ثلاثة أيام", "2020-10-08", "day"),
            ("قبل 48 ساعة", "2020-10-09", "day"),
            ("قبل ساعات", "2020-10-11", "day"),
            ("قبل أسبوع", "2020-10-04", "week"),
            ("قبل أكثر من أسبوع", "2020-10-04", "week"),
            ("قبل أسبوعين", "2020-09-27", "week"),
            ("قبل شهرين", "2020-08-11", "month"),
            ("قبل نحو ثلاثة أشهر", "2020-07-11", "month"),
            ("قبل عامين", "2018-10-11", "year"),
            ("قبل خمس سنوات", "2015-10-11", "year"),
            ("قبل أحد عشر شهرا", "2019-11-11", "month"),
        ];
        for (expr, want, p) in cases {
            let text = format!("اختطف مسلحون الصحفي {expr} في الموصل.");
            assert_eq!(date_of(&text, "اختطف", STORY), d(want, p), "{expr}");
        }
        // Counted from another event, or too vague.
        assert_eq!(
            date_of(
                "اختطف مسلحون الصحفي قبل ثلاثة أيام من الانتخابات.",
                "اختطف",
                STORY
            ),
            None
        );
        assert_eq!(
            date_of("اختطف مسلحون الصحفي قبل أيام.", "اختطف", STORY),
            None
        );
    }

    #[test]
    fn bounds_are_not_event_dates() {
        assert_eq!(
            date_of("مددت الحكومة حظر التجول حتى 15 نوفمبر.", "مددت", STORY),
            None
        );
        assert_eq!(
            date_of("تسيطر الفصائل على المدينة منذ عام 2012.", "تسيطر", STORY),
            None
        );
        assert_eq!(
            date_of("تتواصل الاحتجاجات حتى اليوم.", "تتواصل", STORY),
            None
        );
    }

    // ---- attachment to the trigger ----

    #[test]
    fn date_in_another_clause_is_ignored() {
        let text = "قال الجيش، أمس، إن قواته قتلت 5 مسلحين في ريف حماة.";
        assert_eq!(date_of(text, "قتلت", STORY), None);
        assert_eq!(date_of(text, "قال", STORY), d("2020-10-10", "day"));
        let text = "قال الجيش أمس إن قواته قتلت 5 مسلحين.";
        assert_eq!(date_of(text, "قتلت", STORY), None);
        assert_eq!(date_of(text, "قال", STORY), d("2020-10-10", "day"));
        let text = "قتل 3 جنود في هجوم، فيما اعتقلت الشرطة 10 أشخاص الثلاثاء الماضي.";
        assert_eq!(date_of(text, "قتل", STORY), None);
        assert_eq!(date_of(text, "اعتقلت", STORY), d("2020-10-06", "day"));
    }

    #[test]
    fn parenthetical_date_belongs_to_the_clause_before() {
        let text = "قتل 5 جنود، أمس الأحد، في هجوم على حاجز.";
        assert_eq!(date_of(text, "قتل", "2020-10-12"), d("2020-10-11", "day"));
        let text = "وفي يوم الأحد، قتل 5 جنود في هجوم.";
        assert_eq!(date_of(text, "قتل", STORY), d("2020-10-11", "day"));
    }

    #[test]
    fn prefers_the_date_after_the_trigger() {
        let text = "الأحد الماضي اعتقلت الشرطة ناشطا أمس في بغداد.";
        assert_eq!(date_of(text, "اعتقلت", STORY), d("2020-10-10", "day"));
        let text = "الأحد الماضي اعتقلت الشرطة ناشطا في بغداد.";
        assert_eq!(date_of(text, "اعتقلت", STORY), d("2020-10-04", "day"));
        let text = "اعتقلت الشرطة ناشطا أمس بعد هجوم وقع الخميس الماضي.";
        assert_eq!(date_of(text, "اعتقلت", STORY), d("2020-10-10", "day"));
        assert_eq!(date_of(text, "هجوم", STORY), d("2020-10-08", "day"));
        assert_eq!(date_of("اعتقلت الشرطة ناشطا.", "اعتقلت", STORY), None);
    }

    #[test]
    fn out_of_range_trigger_is_none() {
        let dc = doc("قتل جندي أمس.");
        let f = |_: u32, _: u32| String::new();
        assert_eq!(resolve_event_date(&dc.s, 99, STORY, &f), None);
        let empty = TokenizedSentence::default();
        assert_eq!(resolve_event_date(&empty, 0, STORY, &f), None);
    }

    mod props {
        use super::*;
        use proptest::prelude::*;

        const VOCAB: &[&str] = &[
            "أمس",
            "اليوم",
            "الأحد",
            "الماضي",
            "المقبل",
            "قبل",
            "منذ",
            "من",
            "يناير",
            "كانون",
            "الثاني",
            "رمضان",
            "ذو",
            "الحجة",
            "هـ",
            "عام",
            "في",
            "15",
            "31",
            "2020",
            "1441",
            "/",
            "-",
            ".",
            "،",
            "(",
            ")",
            "أيار",
            "ثلاثة",
            "أيام",
            "شهرين",
            "أكثر",
            "يوم",
            "الشهر",
            "الجاري",
            "الأول",
            "عشر",
            "قتل",
            "إن",
            "وأمس",
            "بالأمس",
            "99999999999999",
            "0",
            "صباح",
            "بعد",
            "غد",
            "الموافق",
            "حتى",
            "31.2.2020",
            "1,500",
        ];

        fn sentence() -> impl Strategy<Value = String> {
            prop_oneof![
                proptest::collection::vec(proptest::sample::select(VOCAB), 0..14)
                    .prop_map(|v| v.join(" ")),
                "[\u{0621}-\u{064A}\u{064B}\u{0660}-\u{0669}0-9 ،./()\\-]{0,40}",
            ]
        }

        proptest! {
            #[test]
            fn never_panics(text in sentence(), story in prop_oneof![
                Just("2020-10-11".to_string()),
                Just("2020-02-29".to_string()),
                Just("0001-01-01".to_string()),
                Just("0560-03-01".to_string()),
                Just("9999-12-31".to_string()),
                "[0-9-]{0,12}",
            ]) {
                let spans = split_sentences(&text);
                let chars: Vec<char> = text.chars().collect();
                let text_of = |a: u32, b: u32| -> String {
                    chars[a as usize..b as usize].iter().collect()
                };
                for span in &spans {
                    let mut s = TokenizedSentence::default();
                    tokenize(&text, span, &mut s);
                    for t in 0..=s.len() {
                        if let Some(r) = resolve_event_date(&s, t, &story, &text_of) {
                            prop_assert!(parse_ymd(&r.date).is_some() || r.date.starts_with('-') || r.date.len() > 10);
                            prop_assert!(r.start <= r.end);
                        }
                    }
                    let _ = date_token_spans(&Words::new(&s));
                }
            }
        }
    }
}
