//! Tokenisation with offsets.
//!
//! A sentence becomes a list of [`Token`]s. Each token keeps its original character
//! offsets (document-level) and a range in one shared normalised buffer, so that matching
//! works on folded text while evidence points at the original words. Per-character offsets
//! of the normalised buffer map any sub-span (a stem without its clitics) back to the
//! original text. The buffer is reused across sentences to avoid allocation per token.

use crate::clitic::{segmentations_of, Segmentation};
use crate::normalize::{fold_char, is_arabic_word_char, is_digit, Folded};
use crate::sentence::SentenceSpan;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// An Arabic word.
    Word,
    /// A number (digits with optional decimal or thousands separators).
    Number,
    /// A word in Latin (or another non-Arabic) script.
    Latin,
    /// One punctuation or symbol character.
    Punct,
}

/// One token of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    /// Byte range in [`TokenizedSentence::norm`].
    pub norm_start: u32,
    pub norm_end: u32,
    /// Index of the token's first normalised character in
    /// [`TokenizedSentence::char_offsets`].
    pub norm_char: u32,
    /// Character offsets in the original document.
    pub start: u32,
    pub end: u32,
    /// A preposition or conjunction written apart from its host (لـ«..., بـ "...", و ...).
    pub detached_clitic: bool,
    /// The first hamza on or under alif (أ إ آ) of the word as written, which
    /// normalisation folds away: it tells هنأ (congratulated) from هنا (here), إبعاد
    /// (deportation) from أبعاد (dimensions).
    pub hamza: Option<char>,
    /// Range of this token's segmentations in [`TokenizedSentence::segs`].
    pub seg_start: u32,
    pub seg_end: u32,
}

/// A tokenised sentence; reuse one value across sentences with [`tokenize`].
#[derive(Debug, Default, Clone)]
pub struct TokenizedSentence {
    /// Normalised text of all tokens, concatenated.
    pub norm: String,
    /// For every character of `norm`, its character offset in the original document, plus
    /// one final entry: the end offset of the last token.
    pub char_offsets: Vec<u32>,
    pub tokens: Vec<Token>,
    /// Clitic segmentations of word tokens, least stripped first.
    pub segs: Vec<Segmentation>,
}

impl TokenizedSentence {
    /// The normalised form of token `i`.
    #[inline]
    pub fn norm_of(&self, i: usize) -> &str {
        let t = &self.tokens[i];
        &self.norm[t.norm_start as usize..t.norm_end as usize]
    }

    /// The segmentations of token `i` (empty for non-words).
    #[inline]
    pub fn segs_of(&self, i: usize) -> &[Segmentation] {
        let t = &self.tokens[i];
        &self.segs[t.seg_start as usize..t.seg_end as usize]
    }

    /// Original character offset where token `i` starts once `prefix_chars` normalised
    /// characters (its proclitics) are skipped.
    pub fn start_after_prefix(&self, i: usize, prefix_chars: usize) -> u32 {
        let t = &self.tokens[i];
        let len = self.norm_of(i).chars().count();
        if prefix_chars == 0 || prefix_chars >= len {
            return t.start;
        }
        self.char_offsets[t.norm_char as usize + prefix_chars]
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    fn clear(&mut self) {
        self.norm.clear();
        self.char_offsets.clear();
        self.tokens.clear();
        self.segs.clear();
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Arabic,
    Digit,
    Latin,
    Space,
    Other,
}

fn class(c: char) -> Class {
    if is_arabic_word_char(c) {
        Class::Arabic
    } else if is_digit(c) {
        Class::Digit
    } else if c.is_whitespace() || matches!(fold_char(c), Folded::Drop) {
        Class::Space
    } else if c.is_alphanumeric() {
        Class::Latin
    } else {
        Class::Other
    }
}

/// Tokenises the sentence `span` of `document` into `out` (cleared first).
pub fn tokenize(document: &str, span: &SentenceSpan, out: &mut TokenizedSentence) {
    out.clear();
    let text = &document[span.byte_start..span.byte_end];
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    let mut i = 0usize;
    while i < n {
        let c = chars[i];
        let cls = class(c);
        let mut j = i + 1;
        let kind = match cls {
            Class::Space => {
                i += 1;
                continue;
            }
            Class::Arabic => {
                while j < n && class(chars[j]) == Class::Arabic {
                    j += 1;
                }
                TokenKind::Word
            }
            Class::Digit => {
                while j < n {
                    if is_digit(chars[j]) {
                        j += 1;
                    } else if matches!(chars[j], '.' | ',' | '٫' | '٬')
                        && j + 1 < n
                        && is_digit(chars[j + 1])
                    {
                        j += 2;
                    } else {
                        break;
                    }
                }
                TokenKind::Number
            }
            Class::Latin => {
                while j < n && class(chars[j]) == Class::Latin {
                    j += 1;
                }
                TokenKind::Latin
            }
            Class::Other => TokenKind::Punct,
        };
        let norm_start = out.norm.len() as u32;
        let norm_char = out.char_offsets.len() as u32;
        for (k, &ch) in chars[i..j].iter().enumerate() {
            if let Folded::Char(f) = fold_char(ch) {
                out.norm.push(f);
                out.char_offsets.push(span.start + (i + k) as u32);
            }
        }
        let norm_end = out.norm.len() as u32;
        if norm_end == norm_start {
            // Only diacritics or marks: nothing to match.
            i = j;
            continue;
        }
        let norm = &out.norm[norm_start as usize..norm_end as usize];
        let detached_clitic =
            kind == TokenKind::Word && matches!(norm, "ب" | "ل" | "ك" | "و" | "ف");
        let seg_start = out.segs.len() as u32;
        if kind == TokenKind::Word && !detached_clitic {
            // Segmentation ranges are relative to the token's norm. The buffers are split
            // borrows of `out`, so no copy of the word is needed.
            let TokenizedSentence {
                norm: buf, segs, ..
            } = &mut *out;
            // The last letter as written (diacritics after it skipped) tells a ta
            // marbuta from a pronoun ه once both are normalised to ه.
            let ta_marbuta = chars[i..j]
                .iter()
                .rev()
                .find(|&&c| matches!(fold_char(c), Folded::Char(_)))
                .is_some_and(|&c| c == 'ة');
            segmentations_of(
                &buf[norm_start as usize..norm_end as usize],
                ta_marbuta,
                segs,
            );
        }
        let seg_end = out.segs.len() as u32;
        let hamza = chars[i..j]
            .iter()
            .copied()
            .find(|c| matches!(c, 'أ' | 'إ' | 'آ'));
        out.tokens.push(Token {
            kind,
            hamza,
            norm_start,
            norm_end,
            norm_char,
            start: span.start + i as u32,
            end: span.start + j as u32,
            detached_clitic,
            seg_start,
            seg_end,
        });
        i = j;
    }
    out.char_offsets.push(span.end);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentence::split_sentences;

    fn tok(text: &str) -> TokenizedSentence {
        let spans = split_sentences(text);
        let mut t = TokenizedSentence::default();
        tokenize(text, &spans[0], &mut t);
        t
    }

    fn slice(text: &str, s: u32, e: u32) -> String {
        text.chars()
            .skip(s as usize)
            .take((e - s) as usize)
            .collect()
    }

    #[test]
    fn ta_marbuta_is_no_pronoun_suffix() {
        // لوحة (a painting) and لوحه (brandished it) normalise alike; only the second
        // may be read as stem + ه.
        let stems = |text: &str| -> Vec<String> {
            let t = tok(text);
            let w = t.norm_of(0);
            t.segs_of(0).iter().map(|g| g.stem(w).to_string()).collect()
        };
        let painting = stems("لوحة");
        let brandished = stems("لوحه");
        assert!(!painting.contains(&"لوح".to_string()), "{painting:?}");
        assert!(brandished.contains(&"لوح".to_string()), "{brandished:?}");
        // Diacritics after the ta marbuta do not hide it.
        assert!(!stems("لوحةٌ").contains(&"لوح".to_string()));
    }

    #[test]
    fn hamza_as_written_is_kept() {
        let t = tok("هنأ هنا الإبعاد الأبعاد");
        let h: Vec<Option<char>> = t.tokens.iter().map(|k| k.hamza).collect();
        assert_eq!(h, vec![Some('أ'), None, Some('إ'), Some('أ')]);
        assert_eq!(t.norm_of(0), t.norm_of(1));
    }

    #[test]
    fn words_numbers_punct() {
        let text = "قُتل ٢٥ شخصاً، وأصيب 3.5 آخرون (رويترز).";
        let t = tok(text);
        let norms: Vec<&str> = (0..t.len()).map(|i| t.norm_of(i)).collect();
        assert_eq!(
            norms,
            vec![
                "قتل",
                "25",
                "شخصا",
                ",",
                "واصيب",
                "3.5",
                "اخرون",
                "(",
                "رويترز",
                ")",
                "."
            ]
        );
        assert_eq!(t.tokens[1].kind, TokenKind::Number);
        for tk in &t.tokens {
            assert!(!slice(text, tk.start, tk.end).is_empty());
        }
        assert_eq!(slice(text, t.tokens[0].start, t.tokens[0].end), "قُتل");
    }

    #[test]
    fn detached_prepositions() {
        let text = "قال لـ«الشرق الأوسط» إن خلايا بـ \"الكاتيوشا\" نشطت.";
        let t = tok(text);
        let detached: Vec<&str> = (0..t.len())
            .filter(|&i| t.tokens[i].detached_clitic)
            .map(|i| t.norm_of(i))
            .collect();
        assert_eq!(detached, vec!["ل", "ب"]);
    }

    #[test]
    fn prefix_offsets_map_back() {
        let text = "وبالقوات الأميركية";
        let t = tok(text);
        let seg = t
            .segs_of(0)
            .iter()
            .find(|s| s.stem(t.norm_of(0)) == "قوات")
            .copied()
            .unwrap();
        let start = t.start_after_prefix(0, seg.prefix_chars as usize);
        assert_eq!(slice(text, start, t.tokens[0].end), "قوات");
    }

    #[test]
    fn diacritics_keep_offsets() {
        let text = "هَاجَمَ مُسَلَّحُونَ";
        let t = tok(text);
        assert_eq!(t.norm_of(0), "هاجم");
        assert_eq!(t.norm_of(1), "مسلحون");
        assert_eq!(slice(text, t.tokens[1].start, t.tokens[1].end), "مُسَلَّحُونَ");
    }

    #[test]
    fn latin_tokens() {
        let t = tok("نقلت CNN عن مصادر");
        assert_eq!(t.tokens[1].kind, TokenKind::Latin);
        assert_eq!(t.norm_of(1), "cnn");
    }
}
