//! Character folding for matching.
//!
//! Arabic news writes one word in many ways: with or without short vowels, with أ or ا,
//! with ى or ي at the end, ة or ه, مسؤول or مسئول, Arabic-Indic or ASCII digits. Matching
//! must see one form; evidence must still point at the original text. Folding is therefore
//! defined per character (a character folds to zero or one character), which keeps an
//! exact map from the normalised text back to the original.

/// What one original character becomes in the matching form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Folded {
    /// The character is kept, possibly replaced by its canonical form.
    Char(char),
    /// The character carries no matching information (a diacritic, tatweel, a
    /// direction mark or a zero-width joiner) and is dropped.
    Drop,
}

/// Folds one character to its matching form.
///
/// * diacritics (harakat, shadda, sukun, tanween, superscript alef, Quranic marks),
///   tatweel, zero-width (non-)joiners and direction marks are dropped;
/// * أ إ آ ٱ -> ا, ى ی -> ي, ة ۀ ە -> ه, ؤ ئ -> ء (so مسؤول and مسئول meet),
///   Persian/Urdu ک گ -> ك, پ -> ب, چ -> ج, ڤ -> ف;
/// * Arabic-Indic and Persian digits -> ASCII digits;
/// * Arabic comma, semicolon, question mark, percent, decimal and thousands separators ->
///   ASCII; guillemets « » -> `"`;
/// * ASCII letters are lower-cased.
#[inline]
pub fn fold_char(c: char) -> Folded {
    use Folded::{Char, Drop};
    match c {
        // Fast path: ASCII.
        'A'..='Z' => Char(c.to_ascii_lowercase()),
        '\0'..='\x7f' => Char(c),
        // Diacritics and marks.
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => Drop,
        '\u{06D6}'..='\u{06ED}' if !matches!(c, '\u{06E5}' | '\u{06E6}') => Drop,
        '\u{0610}'..='\u{061A}' => Drop,
        '\u{200B}'..='\u{200F}' | '\u{061C}' | '\u{FEFF}' | '\u{202A}'..='\u{202E}' => Drop,
        '\u{2066}'..='\u{2069}' => Drop,
        // Letters.
        'أ' | 'إ' | 'آ' | 'ٱ' | '\u{0672}' | '\u{0673}' => Char('ا'),
        'ى' | 'ی' | 'ێ' | 'ې' => Char('ي'),
        'ة' | 'ۀ' | 'ە' | 'ۂ' | 'ۃ' => Char('ه'),
        'ؤ' | 'ئ' | '\u{0675}' | '\u{0676}' | '\u{0678}' => Char('ء'),
        'ک' | 'ڪ' | 'گ' => Char('ك'),
        'پ' => Char('ب'),
        'چ' => Char('ج'),
        'ڤ' | 'ڨ' => Char('ف'),
        'ژ' => Char('ز'),
        // Digits.
        '\u{0660}'..='\u{0669}' => Char(char::from(b'0' + (c as u32 - 0x0660) as u8)),
        '\u{06F0}'..='\u{06F9}' => Char(char::from(b'0' + (c as u32 - 0x06F0) as u8)),
        // Punctuation.
        '،' | '٬' => Char(','),
        '؛' => Char(';'),
        '؟' => Char('?'),
        '٪' => Char('%'),
        '٫' => Char('.'),
        '۔' => Char('.'),
        '«' | '»' | '“' | '”' | '„' | '″' => Char('"'),
        '‘' | '’' | '‹' | '›' => Char('\''),
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => Char(' '),
        _ => Char(c),
    }
}

/// Normalises a whole string for matching: folds every character, drops what folds to
/// nothing and collapses runs of whitespace to one space (trimmed at both ends).
///
/// Used for lexicon forms, search queries and stored search text; the coder folds
/// tokens itself so that it keeps offsets.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        match fold_char(c) {
            Folded::Drop => {}
            Folded::Char(f) if f.is_whitespace() => pending_space = !out.is_empty(),
            Folded::Char(f) => {
                if pending_space {
                    out.push(' ');
                    pending_space = false;
                }
                out.push(f);
            }
        }
    }
    out
}

/// True for characters that belong inside an Arabic word (letters, diacritics, tatweel,
/// zero-width joiners).
#[inline]
pub fn is_arabic_word_char(c: char) -> bool {
    matches!(c,
        '\u{0620}'..='\u{064A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{066E}'..='\u{066F}'
        | '\u{0670}'..='\u{06D3}'
        | '\u{06D5}'
        | '\u{06D6}'..='\u{06ED}'
        | '\u{06EE}'..='\u{06EF}'
        | '\u{06FA}'..='\u{06FF}'
        | '\u{0610}'..='\u{061A}'
        | '\u{200C}' | '\u{200D}')
}

/// True for Arabic-Indic, Persian and ASCII digits.
#[inline]
pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_alef_forms_and_hamza_seats() {
        assert_eq!(normalize("أإآٱا"), "ااااا");
        assert_eq!(normalize("مسؤول"), normalize("مسئول"));
    }

    #[test]
    fn drops_diacritics_and_tatweel() {
        assert_eq!(normalize("قُتِلَ"), "قتل");
        assert_eq!(normalize("يُحترم"), "يحترم");
        assert_eq!(normalize("الـقوات"), "القوات");
        assert_eq!(normalize("يحمّل"), "يحمل");
    }

    #[test]
    fn folds_final_letters() {
        assert_eq!(normalize("ألغى"), "الغي");
        assert_eq!(normalize("الحكومة"), "الحكومه");
    }

    #[test]
    fn folds_digits_and_punctuation() {
        assert_eq!(normalize("٢٠٢٠ ۱۲"), "2020 12");
        assert_eq!(normalize("نعم، لا؛ لماذا؟ ٥٪"), "نعم, لا; لماذا? 5%");
        assert_eq!(normalize("«بيان»"), "\"بيان\"");
    }

    #[test]
    fn folds_persian_letters() {
        assert_eq!(normalize("کرکوک"), "كركوك");
        assert_eq!(normalize("ی"), "ي");
    }

    #[test]
    fn collapses_whitespace() {
        assert_eq!(normalize("  كتائب \t حزب\u{00A0}الله \n"), "كتاءب حزب الله");
        assert_eq!(normalize(""), "");
    }

    #[test]
    fn latin_is_lowercased() {
        assert_eq!(normalize("Reuters"), "reuters");
    }
}
