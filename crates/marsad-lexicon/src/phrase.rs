//! Phrase matching over tokenised sentences.
//!
//! Every lexicon (actors, triggers, cues) is a set of phrases: sequences of normalised
//! words. A [`PhraseIndex`] maps a phrase's first word to the phrases that start with it;
//! matching a sentence tries, at each token, the token's clitic segmentations (least
//! stripped first) against that map and then extends word by word. This is the
//! lexicon-driven segmentation described in `marsad_text::clitic`: a split is accepted
//! only when it names something the lexicon knows.
//!
//! A hash map keyed by whole words beats an automaton over characters here, because the
//! unit of matching is a segmented word, not a substring: بالقوات must match قوات while
//! بقوات الأمن must not be read as a substring match of "قوات الأمن" inside another word.

use marsad_text::{Segmentation, TokenKind, TokenizedSentence};
use rustc_hash::FxHashMap;

/// The key under which a lexicon word is indexed: its normalised form without a leading
/// article, when what remains is at least three letters (الله stays whole).
pub fn lexicon_key(norm_word: &str) -> &str {
    match norm_word.strip_prefix("ال") {
        Some(rest) if rest.chars().count() >= 3 => rest,
        _ => norm_word,
    }
}

#[derive(Debug, Clone)]
struct Phrase {
    keys: Box<[Box<str>]>,
    /// Words allowed between the first and second key (verb + subject + fixed words).
    gap: u8,
    entry: u32,
    /// Free bits for the owner (triggers: tense of a verb form, see `morph::PAST`).
    tag: u8,
}

/// A match of one or more lexicon entries that share the same phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhraseMatch {
    /// Index of the first token.
    pub start: usize,
    /// One past the last token of the phrase.
    pub end: usize,
    /// Tokens skipped inside the phrase (a gap), as a token range (empty when none).
    pub gap: (usize, usize),
    /// Entry ids (into the owning lexicon's entry list).
    pub entries: Vec<u32>,
    /// How the first token was segmented.
    pub first_seg: Option<Segmentation>,
    /// Number of words in the phrase.
    pub words: usize,
    /// Tags of the matched phrases, or-ed (triggers: the tense of the verb form).
    pub tag: u8,
}

/// Phrases indexed by their first word.
#[derive(Debug, Default, Clone)]
pub struct PhraseIndex {
    first: FxHashMap<Box<str>, Vec<u32>>,
    phrases: Vec<Phrase>,
}

fn stem_matches(stem: &str, seg: Option<&Segmentation>, key: &str) -> bool {
    if stem == key {
        return true;
    }
    // A pronoun suffix turns ة into ت: حكومته -> حكومة (normalised ه).
    if seg.is_some_and(|s| s.suffix)
        && stem.len() == key.len()
        && stem.ends_with('ت')
        && key.ends_with('ه')
    {
        let n = stem.len() - 'ت'.len_utf8();
        return stem[..n] == key[..n];
    }
    false
}

/// Longest parenthetical skipped inside a gap, in tokens between its commas.
const MAX_PARENTHETICAL: usize = 4;

/// When token `t` is a comma that opens a short parenthetical (، أمس الأربعاء ،), the
/// index of the closing comma.
fn parenthetical_end(s: &TokenizedSentence, t: usize) -> Option<usize> {
    let is_comma = |i: usize| s.tokens[i].kind == TokenKind::Punct && s.norm_of(i) == ",";
    if !is_comma(t) {
        return None;
    }
    (t + 2..(t + 2 + MAX_PARENTHETICAL).min(s.len()))
        .take_while(|&i| is_comma(i) || s.tokens[i].kind != TokenKind::Punct)
        .find(|&i| is_comma(i))
}

impl PhraseIndex {
    pub fn new() -> Self {
        Self::default()
    }

    /// Number of phrases.
    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// Adds a phrase of normalised words; keys are derived with [`lexicon_key`].
    pub fn insert(&mut self, words: &[&str], gap: u8, entry: u32) {
        self.insert_tagged(words, gap, entry, 0)
    }

    /// Adds a phrase with a tag; the same phrase and entry inserted twice or their tags.
    pub fn insert_tagged(&mut self, words: &[&str], gap: u8, entry: u32, tag: u8) {
        if words.is_empty() {
            return;
        }
        let keys: Box<[Box<str>]> = words.iter().map(|w| Box::from(lexicon_key(w))).collect();
        let id = self.phrases.len() as u32;
        let bucket = self.first.entry(keys[0].clone()).or_default();
        if let Some(&p) = bucket.iter().find(|&&p| {
            self.phrases[p as usize].keys == keys && self.phrases[p as usize].entry == entry
        }) {
            self.phrases[p as usize].tag |= tag;
            return;
        }
        bucket.push(id);
        self.phrases.push(Phrase {
            keys,
            gap: if words.len() > 1 { gap } else { 0 },
            entry,
            tag,
        });
    }

    /// Sorts buckets so that longer phrases are tried first. Call once after inserting.
    pub fn finish(&mut self) {
        let phrases = &self.phrases;
        for bucket in self.first.values_mut() {
            bucket.sort_by_key(|&p| std::cmp::Reverse(phrases[p as usize].keys.len()));
        }
    }

    /// True when some phrase starts with this key.
    pub fn has_first(&self, key: &str) -> bool {
        self.first.contains_key(key)
    }

    /// Candidate stems of token `i`: its segmentations, or the whole token for numbers
    /// and Latin words.
    fn token_matches(&self, s: &TokenizedSentence, i: usize, key: &str) -> bool {
        let tok = &s.tokens[i];
        match tok.kind {
            TokenKind::Word => {
                let w = s.norm_of(i);
                s.segs_of(i)
                    .iter()
                    .any(|seg| stem_matches(seg.stem(w), Some(seg), key))
            }
            TokenKind::Number | TokenKind::Latin => s.norm_of(i) == key,
            TokenKind::Punct => false,
        }
    }

    /// The longest phrase starting at token `i`, if any.
    pub fn match_at(
        &self,
        s: &TokenizedSentence,
        i: usize,
        scratch: &mut String,
    ) -> Option<PhraseMatch> {
        let tok = &s.tokens[i];
        if tok.kind == TokenKind::Punct || tok.detached_clitic {
            return None;
        }
        let w = s.norm_of(i);
        let whole;
        let segs: &[Segmentation] = if tok.kind == TokenKind::Word {
            s.segs_of(i)
        } else {
            whole = [Segmentation {
                stem_start: 0,
                stem_end: w.len() as u16,
                prefix_chars: 0,
                proclitics: 0,
                suffix: false,
            }];
            &whole
        };
        let mut best: Option<PhraseMatch> = None;
        for seg in segs {
            let stem = seg.stem(w);
            let mut bucket = self.first.get(stem);
            if bucket.is_none() && seg.suffix && stem.ends_with('ت') {
                scratch.clear();
                scratch.push_str(&stem[..stem.len() - 'ت'.len_utf8()]);
                scratch.push('ه');
                bucket = self.first.get(scratch.as_str());
            }
            let Some(bucket) = bucket else { continue };
            for &pid in bucket {
                let ph = &self.phrases[pid as usize];
                if let Some(b) = &best {
                    if ph.keys.len() < b.words {
                        break;
                    }
                }
                if let Some((end, gap)) = self.extend(s, i, ph) {
                    match &mut best {
                        Some(b) if b.words == ph.keys.len() && b.end == end && b.gap == gap => {
                            b.tag |= ph.tag;
                            if !b.entries.contains(&ph.entry) {
                                b.entries.push(ph.entry);
                            }
                        }
                        Some(b) if b.words >= ph.keys.len() => {}
                        _ => {
                            best = Some(PhraseMatch {
                                start: i,
                                end,
                                gap,
                                entries: vec![ph.entry],
                                first_seg: (tok.kind == TokenKind::Word).then_some(*seg),
                                words: ph.keys.len(),
                                tag: ph.tag,
                            })
                        }
                    }
                }
            }
            if best.is_some() {
                // Less stripped segmentations win; stop at the first that matches.
                break;
            }
        }
        best
    }

    /// Matches the rest of phrase `ph` after its first word at token `i`.
    fn extend(
        &self,
        s: &TokenizedSentence,
        i: usize,
        ph: &Phrase,
    ) -> Option<(usize, (usize, usize))> {
        let mut j = i + 1;
        let mut gap = (j, j);
        for (k, key) in ph.keys.iter().enumerate().skip(1) {
            if k == 1 && ph.gap > 0 {
                let mut found = None;
                let mut limit = (j + ph.gap as usize + 1).min(s.len());
                let mut t = j;
                while t < limit {
                    if self.token_matches(s, t, key) {
                        found = Some(t);
                        break;
                    }
                    // A short parenthetical between commas (شنت طائرات، فجر الأربعاء، غارات)
                    // is skipped without counting against the gap.
                    if let Some(close) = parenthetical_end(s, t) {
                        limit = (limit + close + 1 - t).min(s.len());
                        t = close + 1;
                        continue;
                    }
                    // Punctuation closes a gap, except a comma inside the widest gaps
                    // (يحمّل مسؤولون أميركيون كتائب حزب الله، مسؤولية ...).
                    if s.tokens[t].kind == TokenKind::Punct && !(ph.gap >= 6 && s.norm_of(t) == ",")
                    {
                        break;
                    }
                    t += 1;
                }
                let t = found?;
                gap = (j, t);
                j = t + 1;
                continue;
            }
            if j >= s.len() || !self.token_matches(s, j, key) {
                return None;
            }
            j += 1;
        }
        Some((j, gap))
    }

    /// All non-overlapping longest matches, left to right.
    pub fn find_all(&self, s: &TokenizedSentence, out: &mut Vec<PhraseMatch>) {
        let mut scratch = String::new();
        let mut i = 0;
        while i < s.len() {
            if let Some(m) = self.match_at(s, i, &mut scratch) {
                // A gapped phrase does not hide what stands in its gap.
                i = if m.gap.0 < m.gap.1 { i + 1 } else { m.end };
                out.push(m);
            } else {
                i += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use marsad_text::{normalize, split_sentences, tokenize};

    fn sent(text: &str) -> TokenizedSentence {
        let spans = split_sentences(text);
        let mut t = TokenizedSentence::default();
        tokenize(text, &spans[0], &mut t);
        t
    }

    fn index(phrases: &[(&str, u8)]) -> PhraseIndex {
        let mut ix = PhraseIndex::new();
        for (e, (p, gap)) in phrases.iter().enumerate() {
            let n = normalize(p);
            let words: Vec<&str> = n.split(' ').collect();
            ix.insert(&words, *gap, e as u32);
        }
        ix.finish();
        ix
    }

    #[test]
    fn matches_through_clitics() {
        let ix = index(&[("القوات الأميركية", 0), ("القوات", 0)]);
        for text in ["وبالقوات الأميركية", "للقوات الأميركية", "قوات أميركية"]
        {
            let mut out = Vec::new();
            ix.find_all(&sent(text), &mut out);
            assert_eq!(out.len(), 1, "{text}");
            assert_eq!(out[0].entries, vec![0], "{text}");
        }
    }

    #[test]
    fn longest_wins() {
        let ix = index(&[("حزب", 0), ("حزب الله", 0), ("كتائب حزب الله", 0)]);
        let mut out = Vec::new();
        ix.find_all(&sent("أعلنت كتائب حزب الله"), &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].entries, vec![2]);
        assert_eq!((out[0].start, out[0].end), (1, 4));
    }

    #[test]
    fn ta_marbuta_before_suffix() {
        let ix = index(&[("الحكومة", 0)]);
        let mut out = Vec::new();
        ix.find_all(&sent("قال إن حكومته ترفض"), &mut out);
        assert_eq!(out.len(), 1);
    }

    #[test]
    fn gap_between_verb_and_fixed_words() {
        let ix = index(&[("أطلقت النار", 3)]);
        let mut out = Vec::new();
        ix.find_all(&sent("أطلقت الشرطة العراقية النار على المحتجين"), &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].gap, (1, 3));
        assert_eq!(out[0].end, 4);
        let mut out = Vec::new();
        ix.find_all(&sent("أطلقت الحكومة، النار"), &mut out);
        assert!(out.is_empty(), "punctuation closes a gap");
    }

    #[test]
    fn unsegmented_reading_wins() {
        let ix = index(&[("بنان", 0), ("لبنان", 0)]);
        let mut out = Vec::new();
        ix.find_all(&sent("زار لبنان"), &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].entries, vec![1]);
    }
}
