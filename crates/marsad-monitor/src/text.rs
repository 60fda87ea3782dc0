//! Small text helpers: cue words on folded text with offsets back to the original,
//! entity mentions in arbitrary text through the coder's actor lexicon, and durations.

use marsad_coder::mention::{self, Ent};
use marsad_lexicon::Lexicon;
use marsad_text::{fold_char, normalize, tokenize, Folded, SentenceSpan, TokenizedSentence};

/// A text folded character by character (as `marsad_text::normalize` folds it) with the
/// original character index of every folded character.
pub(crate) struct FoldedText {
    chars: Vec<char>,
    orig: Vec<u32>,
}

impl FoldedText {
    pub(crate) fn new(s: &str) -> FoldedText {
        let mut chars = Vec::with_capacity(s.len());
        let mut orig = Vec::with_capacity(s.len());
        for (i, c) in s.chars().enumerate() {
            match fold_char(c) {
                Folded::Drop => {}
                Folded::Char(f) => {
                    let f = if f.is_whitespace() { ' ' } else { f };
                    if f == ' ' && chars.last() == Some(&' ') {
                        continue;
                    }
                    chars.push(f);
                    orig.push(i as u32);
                }
            }
        }
        FoldedText { chars, orig }
    }

    /// Original character offsets `[start, end)` of every occurrence of `needle` (folded
    /// with `normalize` first).
    pub(crate) fn find_all(&self, needle: &str) -> Vec<(u32, u32)> {
        let n: Vec<char> = normalize(needle).chars().collect();
        let mut out = Vec::new();
        if n.is_empty() || n.len() > self.chars.len() {
            return out;
        }
        for i in 0..=self.chars.len() - n.len() {
            if self.chars[i..i + n.len()] == n[..] {
                out.push((self.orig[i], self.orig[i + n.len() - 1] + 1));
            }
        }
        out
    }

    /// The first occurrence of any of `needles` that starts in `[from, to)` (original
    /// offsets), earliest first.
    pub(crate) fn find_any_in(&self, needles: &[&str], from: u32, to: u32) -> Option<(u32, u32)> {
        needles
            .iter()
            .flat_map(|n| self.find_all(n))
            .filter(|&(s, _)| s >= from && s < to)
            .min()
    }

    pub(crate) fn contains_any(&self, needles: &[&str]) -> bool {
        self.find_any_in(needles, 0, u32::MAX).is_some()
    }
}

/// Characters `[a, b)` of `s`.
pub(crate) fn char_slice(s: &str, a: u32, b: u32) -> String {
    s.chars()
        .skip(a as usize)
        .take(b.saturating_sub(a) as usize)
        .collect()
}

/// True when the folded form of `s` contains any of `needles`.
pub(crate) fn has_any(s: &str, needles: &[&str]) -> bool {
    let f = normalize(s);
    needles.iter().any(|n| f.contains(&normalize(n)))
}

// ---------------------------------------------------------------------------- cue words
// Written as in news text; they are folded before matching.

/// Words that name a truce or a suspension of attacks.
pub(crate) const TRUCE_WORDS: &[&str] = &[
    "هدنة",
    "إطلاق النار",
    "تهدئة",
    "تعليق الهجمات",
    "تعليق هجمات",
    "تعليق العمليات",
    "وقف الهجمات",
    "وقف هجمات",
    "تعليق هجماته",
];
/// Words that make a truce word a commitment: it is announced, decided, agreed, begun,
/// extended or kept (looked for just before the trigger, or in a verb trigger).
pub(crate) const COMMIT_WORDS: &[&str] = &[
    "أعلن",
    "إعلان",
    "تعلن",
    "يعلن",
    "قرر",
    "قرار",
    "اتفق",
    "توصل",
    "وافق",
    "موافقة",
    "بدء",
    "بدأ",
    "سريان",
    "دخول",
    "دخلت",
    "حيز التنفيذ",
    "تمديد",
    "مدد",
    "تمدد",
    "تجديد",
    "التزام",
    "التزم",
    "تلتزم",
    "يلتزم",
    "ملتزم",
    "ستواصل",
    "يواصل",
    "مواصلة",
    "استمرار",
    "علق",
    "علقت",
    "يعلق",
    "تعلق",
    "أوقف",
    "يوقف",
    "توقف",
];
/// Words that make a truce word something else: a reaction (رحب), a call (دعا، طالب، حث،
/// ناشد), a violation (خرق، انتهاك), a collapse or a refusal.
pub(crate) const NOT_COMMIT_WORDS: &[&str] = &[
    "رحب",
    "ترحيب",
    "دعا",
    "دعت",
    "يدعو",
    "تدعو",
    "دعوة",
    "طالب",
    "مطالب",
    "حث",
    "ناشد",
    "خرق",
    "خروقات",
    "انتهاك",
    "انهيار",
    "انهارت",
    "لم يعد",
    "فشل",
    "رفض",
    "يرفض",
    "احترام",
    "انتهاء",
    "انتهت",
    "إنهاء",
    "فقدت معناها",
    "فقد معناه",
];
/// A later statement extends the commitment.
pub(crate) const EXTEND_WORDS: &[&str] = &["تمديد", "مددت", "مدد", "يمدد", "تمدد", "تجديد"];
/// A later statement reaffirms it.
pub(crate) const REAFFIRM_WORDS: &[&str] = &[
    "ستواصل",
    "مواصلة",
    "يواصل",
    "تواصل تعليق",
    "استمرار",
    "الالتزام",
    "ملتزم",
    "متمسك",
];
/// Ending a commitment (with an agreement word, in a REJECT event).
pub(crate) const END_WORDS: &[&str] = &[
    "نسف",
    "إلغاء",
    "ألغى",
    "ألغت",
    "يلغي",
    "إنهاء",
    "أنهى",
    "أنهت",
    "ينهي",
    "انتهاء",
    "انسحب من",
    "انسحاب من",
    "انهيار",
    "تعليق العمل",
];
/// Words for the agreement itself.
pub(crate) const AGREEMENT_WORDS: &[&str] = &["اتفاق", "هدنة", "تهدئة", "تعليق"];
/// Voiding the agreement (inside a threat).
pub(crate) const VOID_WORDS: &[&str] = &[
    "نسف",
    "ستنسف",
    "ينسف",
    "يلغى",
    "سيلغى",
    "يلغي",
    "إلغاء",
    "ينهي",
    "سينهي",
    "ستنهي",
    "إنهاء",
    "ستعود",
    "تعود",
    "العودة",
    "استئناف",
    "ستستأنف",
    "تستأنف",
    "يستأنف",
];
/// Resuming attacks (just before an ASSAULT trigger).
pub(crate) const RESUME_WORDS: &[&str] = &[
    "استئناف",
    "استأنف",
    "يستأنف",
    "تستأنف",
    "ستستأنف",
    "العودة إلى",
    "عودتها إلى",
    "ستعود إلى",
    "تعود إلى",
    "عاودت",
    "معاودة",
];
/// Rockets and shells.
pub(crate) const ROCKET_WORDS: &[&str] = &["صاروخ", "صواريخ", "كاتيوشا", "قذائف", "قذيفة", "هاون"];
/// A claim of responsibility.
pub(crate) const CLAIM_WORDS: &[&str] = &["مسؤوليت", "تبنت", "تبنى", "يتبنى", "تتبنى"];
/// Negation of a claim (no one claimed it).
pub(crate) const NO_CLAIM_WORDS: &[&str] = &[
    "لم تعلن",
    "لم يعلن",
    "لم تتبن",
    "لم يتبن",
    "دون أن تعلن",
    "دون أن يعلن",
    "أي جهة",
    "لا جهة",
    "لم تتضح",
    "مجهول",
];
/// "By anyone" in a condition.
pub(crate) const ANY_ATTACKER_WORDS: &[&str] = &[
    "أي جهة",
    "أو غيرها",
    "أو غيرهم",
    "أيا كان",
    "أيا كانت",
    "أي طرف",
];
/// The clause extends to allies or followers.
pub(crate) const ALLY_WORDS: &[&str] = &[
    "أتباع",
    "حلفاء",
    "حلفاؤ",
    "حلفائ",
    "الموالية لها",
    "الموالية له",
    "أنصار",
    "المتحالفة",
];
/// Attacks in a condition clause.
pub(crate) const ATTACK_WORDS: &[&str] = &[
    "استهدف",
    "استهداف",
    "هجوم",
    "هجمات",
    "هاجم",
    "اعتداء",
    "قصف",
    "ضرب",
    "مداهمة",
    "داهم",
];
/// An inclusive continuation after a condition clause.
pub(crate) const INCLUSION_WORDS: &[&str] = &[
    "من بينها",
    "من بينهم",
    "بما فيها",
    "بما فيهم",
    "بما في ذلك",
    "ومنها",
    "ومنهم",
    "منها",
    "خاصة",
    "لا سيما",
    "ولا سيما",
];
/// Agent markers ("by X").
pub(crate) const BY_WORDS: &[&str] = &["من قبل", "على يد", "بأيدي", "بأوامر من", "بأمر من"];
/// Open-ended deadlines.
pub(crate) const OPEN_WORDS: &[&str] = &["مفتوحة", "حتى إشعار آخر", "غير محددة", "لا توجد مهلة"];

// ---------------------------------------------------------------------------- mentions

/// An entity mention found in a piece of text.
pub(crate) struct TextMention {
    /// Character offsets relative to the text.
    pub start: u32,
    pub ents: Vec<(Ent, String)>,
    /// Governing preposition (normalised), `by` for agent markers.
    pub prep: Option<String>,
}

/// Entity mentions in `text` (any text, e.g. a condition clause), composed as the coder
/// composes them. Offsets are relative to `text`; each entity comes with its words.
pub(crate) fn mentions(lex: &Lexicon, text: &str, date: &str) -> Vec<TextMention> {
    let span = SentenceSpan {
        start: 0,
        end: text.chars().count() as u32,
        byte_start: 0,
        byte_end: text.len(),
    };
    let mut ts = TokenizedSentence::default();
    tokenize(text, &span, &mut ts);
    if ts.is_empty() {
        return Vec::new();
    }
    let mut matches = Vec::new();
    lex.actor_index.find_all(&ts, &mut matches);
    let text_of = |a: u32, b: u32| char_slice(text, a, b);
    mention::mentions(lex, &ts, &matches, date, &text_of, &|_| false)
        .into_iter()
        .map(|m| {
            let start = m
                .ents
                .iter()
                .map(|e| e.start)
                .min()
                .unwrap_or(ts.tokens[m.start].start);
            let ents = m
                .ents
                .into_iter()
                .map(|e| {
                    let words = char_slice(text, e.start, e.end);
                    (e, words)
                })
                .collect();
            TextMention {
                start,
                ents,
                prep: m.prep,
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------- durations

/// A duration or open-ended marker found in a window of text.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Duration {
    Days(i64),
    Open,
}

fn number_word(w: &str) -> Option<i64> {
    if let Ok(n) = w.parse::<i64>() {
        return Some(n);
    }
    Some(match w {
        "واحد" | "واحده" => 1,
        "اثنين" | "اثنان" => 2,
        "ثلاث" | "ثلاثه" => 3,
        "اربع" | "اربعه" => 4,
        "خمس" | "خمسه" => 5,
        "ست" | "سته" => 6,
        "سبع" | "سبعه" => 7,
        "ثماني" | "ثمانيه" => 8,
        "تسع" | "تسعه" => 9,
        "عشر" | "عشره" => 10,
        "عشرين" | "عشرون" => 20,
        "ثلاثين" | "ثلاثون" => 30,
        "اربعين" | "اربعون" => 40,
        "ستين" | "ستون" => 60,
        "تسعين" | "تسعون" => 90,
        _ => return None,
    })
}

/// (days per unit, hours?) of a folded unit word, and whether it is a dual (يومين).
fn unit_word(w: &str) -> Option<(i64, bool, bool)> {
    let w = w
        .strip_prefix('ل')
        .filter(|r| r.chars().count() > 2)
        .unwrap_or(w);
    Some(match w {
        "يوم" | "يوما" | "ايام" => (1, false, false),
        "يومين" | "يومان" => (1, false, true),
        "ساعه" | "ساعات" => (1, true, false),
        "ساعتين" | "ساعتان" => (1, true, true),
        "اسبوع" | "اسبوعا" | "اسابيع" => (7, false, false),
        "اسبوعين" | "اسبوعان" => (7, false, true),
        "شهر" | "شهرا" | "اشهر" | "شهور" => (30, false, false),
        "شهرين" | "شهران" => (30, false, true),
        "سنه" | "عام" | "عاما" => (365, false, false),
        _ => return None,
    })
}

/// The first duration stated in `window` (مهلة 30 يوما، لمدة 72 ساعة، مهلة أسبوعين) or an
/// open-ended marker (مهلة مفتوحة، حتى إشعار آخر), with the words that state it.
pub(crate) fn duration(window: &str) -> Option<(Duration, String)> {
    let folded = FoldedText::new(window);
    let open = folded.find_any_in(OPEN_WORDS, 0, u32::MAX);
    let norm = normalize(window);
    let words: Vec<&str> = norm
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | '"' | '(' | ')'))
        .filter(|w| !w.is_empty())
        .collect();
    let mut found = None;
    for (i, w) in words.iter().enumerate() {
        let Some((per, hours, dual)) = unit_word(w) else {
            continue;
        };
        let n = if dual {
            Some(2)
        } else if i > 0 {
            number_word(words[i - 1])
                .or_else(|| matches!(words[i - 1], "مهله" | "لمده" | "مدتها" | "مده").then_some(1))
        } else {
            None
        };
        if let Some(n) = n {
            let days = if hours { (n + 23) / 24 } else { n * per };
            let first = if dual { i } else { i - 1 };
            found = Some((Duration::Days(days.max(1)), words[first..=i].join(" ")));
            break;
        }
    }
    match (found, open) {
        (Some(d), _) => Some(d),
        (None, Some((a, b))) => Some((Duration::Open, char_slice(window, a, b))),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_search_maps_back_to_original_offsets() {
        let s = "ستنسفُ الاتفاقَ";
        let f = FoldedText::new(s);
        let hits = f.find_all("الاتفاق");
        assert_eq!(hits.len(), 1);
        let (a, b) = hits[0];
        assert_eq!(char_slice(s, a, b), "الاتفاقَ".trim_end_matches('\u{064E}'));
        assert!(f.contains_any(&["نسف"]));
        assert!(!f.contains_any(&["هدنة"]));
    }

    #[test]
    fn durations() {
        assert_eq!(
            duration("مهلة 30 يوما لتقديم جدول"),
            Some((Duration::Days(30), "30 يوما".into()))
        );
        assert_eq!(duration("لمدة 72 ساعة").unwrap().0, Duration::Days(3));
        assert_eq!(duration("مهلة أسبوعين").unwrap().0, Duration::Days(14));
        assert_eq!(duration("مهلة ثلاثة أيام").unwrap().0, Duration::Days(3));
        assert_eq!(duration("مهلة شهر").unwrap().0, Duration::Days(30));
        assert_eq!(
            duration("ضمن مهلة مفتوحة"),
            Some((Duration::Open, "مفتوحة".into()))
        );
        assert_eq!(duration("حتى إشعار آخر").unwrap().0, Duration::Open);
        assert_eq!(duration("جدول زمني للانسحاب"), None);
    }
}
