//! Sentence splitting for Arabic news text.
//!
//! News text scraped from the web is messier than textbook prose: paragraphs are glued with
//! `.,`, quotes run over several clauses, numbers carry decimal points, agency names are
//! abbreviated (أ.ف.ب) and some paragraphs have no final stop at all. The splitter is a
//! single left-to-right scan with a little state (open quotes and parentheses) and a few
//! rules, each one written for one of those cases. Every span is in character offsets of
//! the original text and is trimmed of surrounding whitespace and stray separators.

use crate::normalize::{is_arabic_word_char, is_digit};

/// Sentences longer than this are cut at the last comma or space, so that one
/// unpunctuated page cannot make the coder's work per sentence unbounded.
pub const MAX_SENTENCE_CHARS: usize = 1200;

/// Inside quotes or parentheses a stop does not end the sentence, unless the sentence has
/// already grown this long (an unbalanced quote must not swallow a paragraph).
const QUOTE_HOLD_CHARS: usize = 400;

/// One sentence of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentenceSpan {
    /// Character offset of the first character.
    pub start: u32,
    /// Character offset one past the last character.
    pub end: u32,
    /// Byte offsets of the same span, for slicing the `&str`.
    pub byte_start: usize,
    pub byte_end: usize,
}

impl SentenceSpan {
    /// The sentence text.
    pub fn text<'a>(&self, document: &'a str) -> &'a str {
        &document[self.byte_start..self.byte_end]
    }
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '؟' | '۔' | '…')
}

fn is_closer(c: char) -> bool {
    matches!(c, '»' | ')' | ']' | '”' | '’' | '›' | '"' | '\'')
}

fn is_word_char(c: char) -> bool {
    is_arabic_word_char(c) || c.is_alphabetic()
}

/// Splits `text` into sentences.
pub fn split_sentences(text: &str) -> Vec<SentenceSpan> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let mut out = Vec::new();
    let byte_at = |i: usize| if i < n { chars[i].0 } else { text.len() };

    let mut start = 0usize;
    let mut guillemets = 0u32;
    let mut parens = 0u32;
    let mut in_straight_quote = false;
    let mut last_soft_break: Option<usize> = None;
    let mut i = 0usize;

    let push = |out: &mut Vec<SentenceSpan>, s: usize, e: usize| {
        let (mut s, mut e) = (s, e.min(n));
        while s < e
            && (chars[s].1.is_whitespace()
                || matches!(chars[s].1, ',' | '،' | ';' | '؛' | '-' | '—' | '*' | '•'))
        {
            s += 1;
        }
        while e > s && chars[e - 1].1.is_whitespace() {
            e -= 1;
        }
        // A span of punctuation alone is no sentence.
        if (s..e).any(|k| is_word_char(chars[k].1) || is_digit(chars[k].1)) {
            out.push(SentenceSpan {
                start: s as u32,
                end: e as u32,
                byte_start: byte_at(s),
                byte_end: byte_at(e),
            });
        }
    };

    while i < n {
        let c = chars[i].1;
        match c {
            '\n' | '\r' | '\u{2029}' => {
                push(&mut out, start, i);
                start = i + 1;
                guillemets = 0;
                parens = 0;
                in_straight_quote = false;
                last_soft_break = None;
                i += 1;
                continue;
            }
            '«' => guillemets += 1,
            '»' => guillemets = guillemets.saturating_sub(1),
            '(' => parens += 1,
            ')' => parens = parens.saturating_sub(1),
            '"' => in_straight_quote = !in_straight_quote,
            '،' | ',' | ';' | '؛' => last_soft_break = Some(i + 1),
            // A bullet after a space starts a new item: a headline glued to its story
            // (إسرائيل تغتال 5 في غزة * لندن ـ «الشرق الأوسط»: اغتال ...) or a list entry.
            '*' | '•'
                if i > start
                    && chars[i - 1].1.is_whitespace()
                    && guillemets == 0
                    && parens == 0
                    && !in_straight_quote =>
            {
                push(&mut out, start, i);
                start = i;
                last_soft_break = None;
            }
            c if c.is_whitespace() => last_soft_break = Some(i),
            _ => {}
        }

        if is_terminator(c) && !is_non_boundary_stop(&chars, i) {
            // Take the whole run of stops and closing quotes/brackets.
            let mut j = i + 1;
            while j < n && (is_terminator(chars[j].1) || is_closer(chars[j].1)) {
                match chars[j].1 {
                    '»' => guillemets = guillemets.saturating_sub(1),
                    ')' => parens = parens.saturating_sub(1),
                    '"' => in_straight_quote = !in_straight_quote,
                    _ => {}
                }
                j += 1;
            }
            let held =
                (guillemets > 0 || parens > 0 || in_straight_quote) && i - start < QUOTE_HOLD_CHARS;
            if !held {
                push(&mut out, start, j);
                start = j;
                guillemets = 0;
                parens = 0;
                in_straight_quote = false;
                last_soft_break = None;
            }
            i = j;
            continue;
        }

        if i + 1 - start > MAX_SENTENCE_CHARS {
            let cut = match last_soft_break {
                Some(b) if b > start => b,
                _ => i + 1,
            };
            push(&mut out, start, cut);
            start = cut;
            last_soft_break = None;
        }
        i += 1;
    }
    push(&mut out, start, n);
    out
}

/// A stop that does not end a sentence: a decimal point, or the dot of an abbreviation
/// made of single letters (أ.ف.ب, U.S., د. for doctor).
fn is_non_boundary_stop(chars: &[(usize, char)], i: usize) -> bool {
    let c = chars[i].1;
    if c != '.' {
        return false;
    }
    let prev = if i > 0 { Some(chars[i - 1].1) } else { None };
    let next = chars.get(i + 1).map(|x| x.1);
    if let (Some(p), Some(nx)) = (prev, next) {
        if is_digit(p) && is_digit(nx) {
            return true;
        }
    }
    // Single-letter word before the dot.
    if let Some(p) = prev {
        if is_word_char(p) {
            let before = if i >= 2 { Some(chars[i - 2].1) } else { None };
            let single = match before {
                None => true,
                Some(b) => !is_word_char(b) && b != '\u{0640}',
            };
            if single {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<&str> {
        split_sentences(t).iter().map(|s| s.text(t)).collect()
    }

    #[test]
    fn splits_on_stops() {
        assert_eq!(
            texts("قتل جندي. وأصيب آخر! هل هذا صحيح؟ نعم"),
            vec!["قتل جندي.", "وأصيب آخر!", "هل هذا صحيح؟", "نعم"]
        );
    }

    #[test]
    fn handles_scraped_paragraph_joins() {
        let t = "أعلنت الكتائب الهدنة., وعلى الرغم من ذلك، استمرت الهجمات., كما هدد القيادي.";
        assert_eq!(
            texts(t),
            vec![
                "أعلنت الكتائب الهدنة.",
                "وعلى الرغم من ذلك، استمرت الهجمات.",
                "كما هدد القيادي."
            ]
        );
    }

    #[test]
    fn keeps_decimals_and_abbreviations() {
        assert_eq!(
            texts("ارتفع المؤشر 3.5 في المئة. وقالت أ.ف.ب إن الوضع هادئ."),
            vec!["ارتفع المؤشر 3.5 في المئة.", "وقالت أ.ف.ب إن الوضع هادئ."]
        );
        assert_eq!(
            texts("قال د. أحمد إن الجرحى كثر."),
            vec!["قال د. أحمد إن الجرحى كثر."]
        );
    }

    #[test]
    fn keeps_quoted_speech_together() {
        let t = "وقال «لن نتراجع. سنواصل القتال» ثم غادر. وانتهى الاجتماع.";
        assert_eq!(
            texts(t),
            vec![
                "وقال «لن نتراجع. سنواصل القتال» ثم غادر.",
                "وانتهى الاجتماع."
            ]
        );
    }

    #[test]
    fn closing_quote_after_stop_stays_with_sentence() {
        let t = "حذر من أنه \"إذا لم يحترم القرار فسوف نرد\"., وأضاف أن الهجمات ستستمر.";
        assert_eq!(
            texts(t),
            vec![
                "حذر من أنه \"إذا لم يحترم القرار فسوف نرد\".",
                "وأضاف أن الهجمات ستستمر."
            ]
        );
    }

    #[test]
    fn newlines_end_sentences() {
        assert_eq!(
            texts("عنوان الخبر\n\nنص الخبر الأول"),
            vec!["عنوان الخبر", "نص الخبر الأول"]
        );
    }

    #[test]
    fn offsets_are_char_offsets() {
        let t = "قتل جندي. جـرح آخر.";
        let s = split_sentences(t);
        assert_eq!(s.len(), 2);
        let chars: Vec<char> = t.chars().collect();
        let second: String = chars[s[1].start as usize..s[1].end as usize]
            .iter()
            .collect();
        assert_eq!(second, "جـرح آخر.");
    }

    #[test]
    fn caps_runaway_sentences() {
        let t = "كلمة ".repeat(1000);
        let s = split_sentences(&t);
        assert!(s.len() >= 4);
        assert!(s
            .iter()
            .all(|x| (x.end - x.start) as usize <= MAX_SENTENCE_CHARS));
    }

    #[test]
    fn empty_and_punctuation_only() {
        assert!(split_sentences("").is_empty());
        assert!(split_sentences(" ., ... ،").is_empty());
    }

    #[test]
    fn a_bullet_after_a_space_starts_a_new_sentence() {
        let text = "إسرائيل تغتال 5 في غزة  * لندن ـ «الشرق الأوسط»: اغتال الطيران خمسة";
        let got: Vec<&str> = split_sentences(text).iter().map(|s| s.text(text)).collect();
        assert_eq!(
            got,
            vec![
                "إسرائيل تغتال 5 في غزة",
                "لندن ـ «الشرق الأوسط»: اغتال الطيران خمسة"
            ]
        );
        // Inside quotes, and glued to a word, it is no bullet.
        let text = "قال «نحن * هنا» وغادر.";
        assert_eq!(split_sentences(text).len(), 1);
        let text = "* 5 فبراير 2004: محاولة اغتيال في النجف.";
        assert_eq!(split_sentences(text).len(), 1);
    }
}
