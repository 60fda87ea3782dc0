//! Clitic segmentation.
//!
//! An Arabic written word often carries a conjunction (و ف), a preposition (ب ل ك), the
//! future prefix (س), the article (ال) and an attached pronoun (ه ها هم ...):
//! وبالقوات = و + ب + ال + قوات, للقوات = ل + ال + قوات, هجماتها = هجمات + ها.
//! Without a full morphological analyser the honest answer is a short list of possible
//! splits, ordered from least to most stripped; the lexicon decides which one names
//! something it knows (لبنان stays لبنان because no entry reads بنان). The list is
//! computed on the normalised form (see [`crate::normalize`]).

/// Proclitic flags of a segmentation.
pub mod proclitic {
    pub const CONJ_WA: u8 = 1;
    pub const CONJ_FA: u8 = 1 << 1;
    pub const PREP_BI: u8 = 1 << 2;
    pub const PREP_LI: u8 = 1 << 3;
    pub const PREP_KA: u8 = 1 << 4;
    pub const FUTURE_SA: u8 = 1 << 5;
    pub const ARTICLE: u8 = 1 << 6;
    /// Any preposition.
    pub const PREP: u8 = PREP_BI | PREP_LI | PREP_KA;
}

/// Pronoun suffixes (normalised) that may be stripped from a stem. The first-person
/// singular ي and second-person ك are left out: they are rare in news and collide with
/// the nisba ending (عراقي) and stems ending in ك.
const SUFFIXES: [&str; 7] = ["هما", "ها", "هم", "هن", "كم", "نا", "ه"];

/// One way to read a word as proclitics + stem + suffix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segmentation {
    /// Byte range of the stem within the normalised word.
    pub stem_start: u16,
    pub stem_end: u16,
    /// Number of characters of proclitics before the stem (the article included).
    pub prefix_chars: u8,
    /// [`proclitic`] flags.
    pub proclitics: u8,
    /// True when a pronoun suffix was stripped (so a final ت may stand for ة).
    pub suffix: bool,
}

impl Segmentation {
    /// The stem as a slice of the normalised word.
    pub fn stem<'a>(&self, word: &'a str) -> &'a str {
        &word[self.stem_start as usize..self.stem_end as usize]
    }

    /// How much was stripped; lower is preferred.
    pub fn cost(&self) -> u32 {
        let suffix = if self.suffix { 2 } else { 0 };
        self.prefix_chars as u32 * 2 + suffix
    }

    /// The preposition carried by the word, if any.
    pub fn preposition(&self) -> Option<char> {
        if self.proclitics & proclitic::PREP_BI != 0 {
            Some('ب')
        } else if self.proclitics & proclitic::PREP_LI != 0 {
            Some('ل')
        } else if self.proclitics & proclitic::PREP_KA != 0 {
            Some('ك')
        } else {
            None
        }
    }
}

const MIN_STEM_CHARS: usize = 2;

/// Appends to `out` every segmentation of the normalised word `word`, least stripped
/// first. The unsegmented word is always first.
pub fn segmentations(word: &str, out: &mut Vec<Segmentation>) {
    segmentations_of(word, false, out)
}

/// Like [`segmentations`], for a word whose original spelling ends in ة when
/// `ta_marbuta` is true: normalisation writes that ة as ه, which is then no pronoun
/// suffix (لوحة is a painting, not لوّح + ه).
pub fn segmentations_of(word: &str, ta_marbuta: bool, out: &mut Vec<Segmentation>) {
    let first = out.len();
    // Prefixes are single letters, compared as chars (this runs for every word).
    let conjs: [(Option<char>, u8); 3] = [
        (None, 0),
        (Some('و'), proclitic::CONJ_WA),
        (Some('ف'), proclitic::CONJ_FA),
    ];
    let preps: [(Option<char>, u8); 5] = [
        (None, 0),
        (Some('ب'), proclitic::PREP_BI),
        (Some('ل'), proclitic::PREP_LI),
        (Some('ك'), proclitic::PREP_KA),
        (Some('س'), proclitic::FUTURE_SA),
    ];
    let strip = |w: &'_ str, c: Option<char>| -> Option<usize> {
        match c {
            None => Some(0),
            Some(c) => w.starts_with(c).then(|| c.len_utf8()),
        }
    };
    // Only words ending in ه, ا, م, ن can carry one of the pronoun suffixes.
    let may_have_suffix = matches!(word.chars().next_back(), Some('ه' | 'ا' | 'م' | 'ن'));
    for (conj, conj_flag) in conjs {
        let Some(n1) = strip(word, conj) else {
            continue;
        };
        let rest1 = &word[n1..];
        for (prep, prep_flag) in preps {
            let Some(n2) = strip(rest1, prep) else {
                continue;
            };
            let rest2 = &rest1[n2..];
            // Article: ال, or the ل of لل after the preposition ل (ل + ال = لل).
            let mut arts: [(Option<&str>, u8); 2] = [(Some(rest2), 0), (None, 0)];
            if prep_flag == proclitic::PREP_LI {
                if let Some(r) = rest2.strip_prefix('ل') {
                    arts[1] = (Some(r), proclitic::ARTICLE);
                }
            } else if prep_flag != proclitic::FUTURE_SA {
                if let Some(r) = rest2.strip_prefix('ا').and_then(|r| r.strip_prefix('ل')) {
                    arts[1] = (Some(r), proclitic::ARTICLE);
                }
            }
            for (rest3, art_flag) in arts {
                let Some(rest3) = rest3 else { continue };
                let flags = conj_flag | prep_flag | art_flag;
                let stem_start = word.len() - rest3.len();
                // Every proclitic is one letter (the article two).
                let prefix_chars = (conj_flag != 0) as usize
                    + (prep_flag != 0) as usize
                    + if art_flag != 0 {
                        if prep_flag == proclitic::PREP_LI {
                            1
                        } else {
                            2
                        }
                    } else {
                        0
                    };
                push(
                    out,
                    word,
                    stem_start,
                    word.len(),
                    prefix_chars,
                    flags,
                    false,
                );
                // Pronoun suffixes do not follow the article.
                if art_flag == 0 && may_have_suffix {
                    for suf in SUFFIXES {
                        if ta_marbuta && suf == "ه" {
                            continue;
                        }
                        if let Some(stem) = rest3.strip_suffix(suf) {
                            push(
                                out,
                                word,
                                stem_start,
                                stem_start + stem.len(),
                                prefix_chars,
                                flags,
                                true,
                            );
                        }
                    }
                }
            }
        }
    }
    out[first..].sort_by_key(|s| s.cost());
}

fn push(
    out: &mut Vec<Segmentation>,
    word: &str,
    start: usize,
    end: usize,
    prefix_chars: usize,
    flags: u8,
    suffix: bool,
) {
    if word[start..end].chars().nth(MIN_STEM_CHARS - 1).is_none() || end > u16::MAX as usize {
        return;
    }
    out.push(Segmentation {
        stem_start: start as u16,
        stem_end: end as u16,
        prefix_chars: prefix_chars.min(u8::MAX as usize) as u8,
        proclitics: flags,
        suffix,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(w: &str) -> Vec<String> {
        let mut v = Vec::new();
        segmentations(w, &mut v);
        v.iter().map(|s| s.stem(w).to_string()).collect()
    }

    #[test]
    fn unsegmented_first() {
        assert_eq!(stems("لبنان")[0], "لبنان");
    }

    #[test]
    fn strips_conjunction_preposition_article() {
        let s = stems("وبالقوات");
        assert!(s.contains(&"قوات".to_string()));
        let s = stems("للقوات");
        assert!(s.contains(&"قوات".to_string()));
        let s = stems("القوات");
        assert_eq!(s[1], "قوات");
    }

    #[test]
    fn strips_pronoun_suffix() {
        assert!(stems("هجماتها").contains(&"هجمات".to_string()));
        assert!(stems("وقواتهم").contains(&"قوات".to_string()));
    }

    #[test]
    fn future_prefix_only_without_article() {
        assert!(stems("سيهاجم").contains(&"يهاجم".to_string()));
    }

    #[test]
    fn flags_preposition() {
        let w = "بالهجوم";
        let mut v = Vec::new();
        segmentations(w, &mut v);
        let seg = v.iter().find(|s| s.stem(w) == "هجوم").unwrap();
        assert_eq!(seg.preposition(), Some('ب'));
        assert!(seg.proclitics & proclitic::ARTICLE != 0);
    }

    #[test]
    fn never_yields_one_letter_stems() {
        let mut v = Vec::new();
        segmentations("وله", &mut v);
        assert!(v.iter().all(|s| s.stem("وله").chars().count() >= 2));
    }

    #[test]
    fn ordered_by_cost() {
        let mut v = Vec::new();
        segmentations("وبالقواتهم", &mut v);
        assert!(v.windows(2).all(|w| w[0].cost() <= w[1].cost()));
    }
}
