//! Reading documents for the marsad pipeline.
//!
//! Real corpora are messy: a scrape has a truncated line, an export has a
//! number where a string should be, one file holds a 200 MB line of base64,
//! a directory mixes `.jsonl`, `.txt` and stray `.csv` files. An event coder
//! that stops at the first bad record, or that runs out of memory on one huge
//! line, is useless on such input. This crate therefore turns a list of
//! inputs into a single lazy stream of [`Item`]s, each either a [`Document`]
//! or a [`Problem`], with these guarantees:
//!
//! * **Nothing panics and nothing stops the rest.** Every bad line or file is
//!   reported once, with its path, 1-based line number (for JSONL) and a
//!   reason, and reading goes on. An I/O error ends only the file it occurs
//!   in.
//! * **Bounded memory.** Input is read one line (or one `.txt` file) at a
//!   time; a line longer than [`InputOptions::max_line_bytes`] is consumed in
//!   chunks and dropped without ever being held whole.
//! * **Deterministic order.** Inputs are read in the order given; directories
//!   are walked recursively with entries sorted by name, so two runs over the
//!   same tree give the same stream (and the same output downstream).
//! * **Text is untouched.** Document text is kept byte for byte (no Unicode
//!   normalisation, no trimming), because later stages report character
//!   offsets that must point into the original text. Only a leading UTF-8
//!   byte-order mark is removed from a `.txt` file and a JSONL file's first
//!   line, since it is an encoding artefact rather than content.
//! * **Every document has a valid date.** Events are placed in time, so a
//!   document gets its own `date` if it has one, else
//!   [`InputOptions::default_date`], else it is reported as a problem.
//!
//! Input formats: JSONL (`.jsonl`, `.json`, and any file named explicitly
//! that is not `.txt`), one JSON object per line with `id`, `text` and the
//! optional `date`, `title`, `url`, `source` (other fields are ignored);
//! plain text (`.txt`), one document per file whose id is the file name
//! without `.txt`; gzip-compressed versions of either, recognised by a `.gz`
//! suffix or by the gzip magic bytes; and `-` for standard input.

#![warn(missing_docs)]

mod date;
mod parse;
mod stream;

use std::fmt;
use std::path::PathBuf;

use serde::Serialize;

pub use date::is_valid_date;
pub use parse::parse_jsonl_line;

/// One document ready for coding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Document {
    /// The document's id: the input's `id` (a JSON number is turned into its
    /// decimal string), or the file name without `.txt` for a text file, or
    /// `stdin` for standard input read as text. Never blank.
    pub id: String,
    /// The text exactly as given (no trimming or normalisation; a leading
    /// byte-order mark of a `.txt` file is removed). Never blank.
    pub text: String,
    /// The document's date as `YYYY-MM-DD`: its own, else the default date.
    /// Always `Some` and always a real calendar date for documents coming out
    /// of this crate; an `Option` so that other producers may leave it out.
    pub date: Option<String>,
    /// The optional `title` field (an empty string counts as absent).
    pub title: Option<String>,
    /// The optional `url` field (an empty string counts as absent).
    pub url: Option<String>,
    /// The optional `source` field (an empty string counts as absent).
    pub source: Option<String>,
    /// Where the document was read from.
    pub origin: Origin,
}

/// Where a document was read from, for tracing results back to the input.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Origin {
    /// The file path as given or found while walking a directory;
    /// `<stdin>` for standard input.
    pub path: String,
    /// The 1-based line number in a JSONL input; `None` for a text document.
    pub line: Option<u64>,
}

/// Something wrong with the input: one bad line, document or file.
///
/// Problems are reported and skipped; they never stop the rest of the input.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Problem {
    /// The file path (or `<stdin>`, or a directory that could not be read).
    pub path: String,
    /// The 1-based line number for a JSONL line; `None` for a whole file.
    pub line: Option<u64>,
    /// What is wrong, in words meant for the user.
    pub reason: String,
}

impl fmt::Display for Problem {
    /// Formats as `path:line: reason`, or `path: reason` without a line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path, line, self.reason),
            None => write!(f, "{}: {}", self.path, self.reason),
        }
    }
}

impl std::error::Error for Problem {}

/// How inputs are read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputOptions {
    /// Date (`YYYY-MM-DD`) for documents that carry none: every `.txt`
    /// document and JSONL lines without a `date`. A date in the input always
    /// wins. With `None`, a document without a date is a [`Problem`]. An
    /// invalid default date is never used: such documents are reported too
    /// (check it up front with [`is_valid_date`]).
    pub default_date: Option<String>,
    /// Longest JSONL line, and largest `.txt` document, in bytes. Longer ones
    /// are skipped as problems without being held in memory. Default 16 MiB.
    pub max_line_bytes: usize,
    /// Read standard input (`-`) as one plain-text document (id `stdin`)
    /// instead of as JSONL. Default `false`.
    pub stdin_is_text: bool,
}

impl Default for InputOptions {
    fn default() -> Self {
        InputOptions {
            default_date: None,
            max_line_bytes: 16 * 1024 * 1024,
            stdin_is_text: false,
        }
    }
}

/// One element of the input stream: a document or a problem to report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// A valid document.
    Doc(Document),
    /// A bad line or file, already skipped.
    Problem(Problem),
}

/// Expands inputs (files, directories, "-") into a deterministic stream of documents and problems.
///
/// Inputs are read in the order given, lazily: nothing is opened until the
/// iterator reaches it, and memory stays bounded by one line (or one `.txt`
/// document) whatever the corpus size. The iterator owns copies of its
/// arguments and is `Send`.
///
/// * `-` is standard input, read as JSONL (gzip detected by magic bytes), or
///   as one text document when [`InputOptions::stdin_is_text`] is set.
/// * A directory is walked recursively, entries sorted by name (byte order),
///   taking files whose names end in `.jsonl`, `.jsonl.gz`, `.json`, `.txt`
///   or `.txt.gz` (ASCII case ignored) and silently ignoring everything
///   else. Symbolic links to files are read; links to directories are not
///   followed, so a link cycle cannot make the walk endless.
/// * A file named explicitly is read as text if its name ends in `.txt` or
///   `.txt.gz`, otherwise as JSONL, whatever its extension.
/// * A path that does not exist or cannot be read gives a [`Problem`] and the
///   stream goes on with the next input.
pub fn read_inputs(inputs: &[PathBuf], options: &InputOptions) -> impl Iterator<Item = Item> {
    stream::Inputs::new(inputs, options)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problem_display() {
        let p = Problem {
            path: "a/b.jsonl".into(),
            line: Some(3),
            reason: "empty text".into(),
        };
        assert_eq!(p.to_string(), "a/b.jsonl:3: empty text");
        let p = Problem { line: None, ..p };
        assert_eq!(p.to_string(), "a/b.jsonl: empty text");
    }

    #[test]
    fn default_options() {
        let o = InputOptions::default();
        assert_eq!(o.default_date, None);
        assert_eq!(o.max_line_bytes, 16 * 1024 * 1024);
        assert!(!o.stdin_is_text);
    }

    #[test]
    fn stream_is_send() {
        fn assert_send<T: Send>(_: &T) {}
        let it = read_inputs(&[], &InputOptions::default());
        assert_send(&it);
    }
}
