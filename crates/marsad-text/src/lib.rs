//! marsad-text: the Arabic text layer.
//!
//! The layer is built as three stages, each usable alone:
//!
//! 1. [`normalize`] folds the many spellings of one Arabic word (diacritics, tatweel, alef
//!    and hamza seats, alef maqsura, ta marbuta, Persian letters, Arabic-Indic digits,
//!    Arabic punctuation) to one matching form, character by character, so that every
//!    normalised character maps back to a character of the original text.
//! 2. [`sentence`] splits real news text into sentences, coping with scraped artefacts
//!    (`.,` paragraph joins), quotes, parentheses, numbers and abbreviations.
//! 3. [`token`] cuts a sentence into word, number and punctuation tokens, keeps each
//!    token's normalised form and original offsets, and [`clitic`] lists the ways a word
//!    can be split into proclitics (و ف ب ل ك س ال), stem and pronoun suffix.
//!
//! Offsets everywhere count Unicode scalar values (Rust `char`s) from the start of the
//! document, which is what Python's `str` indexing counts: `text[start:end]` reproduces a
//! span.

pub mod clitic;
pub mod normalize;
pub mod sentence;
pub mod token;

pub use clitic::{segmentations, Segmentation};
pub use normalize::{fold_char, normalize, Folded};
pub use sentence::{split_sentences, SentenceSpan};
pub use token::{tokenize, Token, TokenKind, TokenizedSentence};
