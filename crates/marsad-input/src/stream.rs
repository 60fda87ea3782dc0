//! The lazy reader behind [`crate::read_inputs`]: expands paths, opens files
//! (gzip or not), and reads JSONL one bounded line at a time.
//!
//! Nothing here holds more than one line (or one `.txt` document) in memory,
//! and no line is ever held beyond `max_line_bytes`: an over-long line is
//! consumed in buffer-sized chunks and only counted.

use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use flate2::read::MultiGzDecoder;

use crate::parse::{parse_jsonl_line, resolve_date, Fields};
use crate::{InputOptions, Item, Origin, Problem};

/// Label used in origins and problems for standard input.
pub(crate) const STDIN_LABEL: &str = "<stdin>";
/// Document id given to standard input read as one plain-text document.
pub(crate) const STDIN_TEXT_ID: &str = "stdin";

const BUF_CAPACITY: usize = 64 * 1024;
const BOM: &[u8] = b"\xEF\xBB\xBF";

type Reader = Box<dyn BufRead + Send>;

/// What one call to [`read_line_bounded`] found.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum LineRead {
    /// End of input; nothing was read.
    Eof,
    /// A line (without its `\n`) is in the buffer.
    Line,
    /// A line of this many bytes (without its `\n`) was consumed and dropped
    /// because it is longer than the limit.
    TooLong(u64),
}

/// Reads one `\n`-terminated line into `buf` (cleared first, terminator not
/// included), never letting `buf` grow beyond `max` bytes. A longer line is
/// read to its end in the reader's own chunks and reported as
/// [`LineRead::TooLong`].
pub(crate) fn read_line_bounded<R: BufRead + ?Sized>(
    reader: &mut R,
    buf: &mut Vec<u8>,
    max: usize,
) -> io::Result<LineRead> {
    buf.clear();
    let mut total: u64 = 0;
    let mut over = false;
    let mut any = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            break;
        }
        any = true;
        let newline = available.iter().position(|&b| b == b'\n');
        let chunk = &available[..newline.unwrap_or(available.len())];
        total += chunk.len() as u64;
        if !over {
            let needed = buf.len() + chunk.len();
            if needed > max {
                over = true;
                buf.clear();
            } else {
                if needed > buf.capacity() {
                    // Grow geometrically, but never past the limit.
                    let target = (buf.capacity() * 2).max(needed).min(max);
                    buf.reserve_exact(target - buf.len());
                }
                buf.extend_from_slice(chunk);
            }
        }
        let used = chunk.len() + usize::from(newline.is_some());
        reader.consume(used);
        if newline.is_some() {
            break;
        }
    }
    Ok(if !any {
        LineRead::Eof
    } else if over {
        LineRead::TooLong(total)
    } else {
        LineRead::Line
    })
}

/// Wraps a byte source in a buffered reader, decompressing it when its name
/// says gzip or its first two bytes are the gzip magic number.
fn open_stream(mut inner: Box<dyn Read + Send>, gz_by_name: bool) -> io::Result<Reader> {
    let mut magic = [0u8; 2];
    let mut n = 0;
    while n < magic.len() {
        match inner.read(&mut magic[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    let is_gz = (n == 2 && magic == [0x1f, 0x8b]) || (gz_by_name && n > 0);
    let rejoined = io::Cursor::new(magic[..n].to_vec()).chain(inner);
    Ok(if is_gz {
        Box::new(BufReader::with_capacity(
            BUF_CAPACITY,
            MultiGzDecoder::new(rejoined),
        ))
    } else {
        Box::new(BufReader::with_capacity(BUF_CAPACITY, rejoined))
    })
}

/// How a file is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Jsonl,
    Text,
}

/// The suffixes picked up when walking a directory, with how each is read.
const WALKED_SUFFIXES: [(&str, Kind); 5] = [
    (".jsonl", Kind::Jsonl),
    (".jsonl.gz", Kind::Jsonl),
    (".json", Kind::Jsonl),
    (".txt", Kind::Text),
    (".txt.gz", Kind::Text),
];

fn ends_with_ignore_case(name: &str, suffix: &str) -> bool {
    name.len() >= suffix.len()
        && name.as_bytes()[name.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Kind of a file met while walking a directory; `None` means "not ours".
fn walked_kind(path: &Path) -> Option<Kind> {
    let name = file_name(path);
    WALKED_SUFFIXES
        .iter()
        .find(|(suffix, _)| ends_with_ignore_case(&name, suffix))
        .map(|&(_, kind)| kind)
}

/// Kind of a file named on the command line: plain text for `.txt` and
/// `.txt.gz`, JSONL for anything else (the user asked for it by name).
fn explicit_kind(path: &Path) -> Kind {
    let name = file_name(path);
    if ends_with_ignore_case(&name, ".txt") || ends_with_ignore_case(&name, ".txt.gz") {
        Kind::Text
    } else {
        Kind::Jsonl
    }
}

fn is_gz_name(path: &Path) -> bool {
    ends_with_ignore_case(&file_name(path), ".gz")
}

/// The id of a `.txt` / `.txt.gz` document: its file name without those
/// suffixes.
fn text_id(path: &Path) -> String {
    let name = file_name(path);
    for suffix in [".txt.gz", ".txt"] {
        if ends_with_ignore_case(&name, suffix) {
            return name[..name.len() - suffix.len()].to_owned();
        }
    }
    name
}

fn label(path: &Path) -> String {
    path.display().to_string()
}

fn problem(path: &str, line: Option<u64>, reason: impl Into<String>) -> Item {
    Item::Problem(Problem {
        path: path.to_owned(),
        line,
        reason: reason.into(),
    })
}

/// Work still to do, kept as a stack (next item last).
enum Pending {
    Stdin,
    /// A path given by the caller: a file of any name, or a directory.
    Given(PathBuf),
    Dir(PathBuf),
    File(PathBuf, Kind),
    Report(Item),
}

/// A JSONL source being read line by line.
struct JsonlSource {
    reader: Reader,
    label: String,
    line_no: u64,
    buf: Vec<u8>,
}

impl JsonlSource {
    fn next_item(&mut self, options: &InputOptions) -> Option<Item> {
        loop {
            self.line_no += 1;
            match read_line_bounded(&mut self.reader, &mut self.buf, options.max_line_bytes) {
                Err(e) => {
                    // Stop this source: its next call finds the end.
                    self.reader = Box::new(io::empty());
                    return Some(problem(
                        &self.label,
                        Some(self.line_no),
                        format!("read error: {e}; the rest of this file is skipped"),
                    ));
                }
                Ok(LineRead::Eof) => return None,
                Ok(LineRead::TooLong(n)) => {
                    return Some(problem(
                        &self.label,
                        Some(self.line_no),
                        format!(
                            "line is {n} bytes, over the limit of {}",
                            options.max_line_bytes
                        ),
                    ))
                }
                Ok(LineRead::Line) => {
                    let mut line = &self.buf[..];
                    if self.line_no == 1 {
                        line = line.strip_prefix(BOM).unwrap_or(line);
                    }
                    if let Some(item) = parse_jsonl_line(line, &self.label, self.line_no, options) {
                        return Some(item);
                    }
                }
            }
        }
    }
}

/// The iterator returned by [`crate::read_inputs`].
pub(crate) struct Inputs {
    options: InputOptions,
    pending: Vec<Pending>,
    current: Option<JsonlSource>,
}

impl Inputs {
    pub(crate) fn new(inputs: &[PathBuf], options: &InputOptions) -> Self {
        let pending = inputs
            .iter()
            .rev()
            .map(|p| {
                if p.as_os_str() == "-" {
                    Pending::Stdin
                } else {
                    Pending::Given(p.clone())
                }
            })
            .collect();
        Inputs {
            options: options.clone(),
            pending,
            current: None,
        }
    }

    /// Queues a directory's entries, sorted by name, in front of what is
    /// already pending. Subdirectories are walked; symbolic links to
    /// directories are not followed (so a link cycle cannot loop forever).
    fn expand_dir(&mut self, dir: &Path) -> Option<Item> {
        let entries = match fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) => {
                return Some(problem(
                    &label(dir),
                    None,
                    format!("cannot read directory: {e}"),
                ))
            }
        };
        let mut found: Vec<(std::ffi::OsString, Pending)> = Vec::new();
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    // No name to sort by; report these first.
                    found.push((
                        std::ffi::OsString::new(),
                        Pending::Report(problem(
                            &label(dir),
                            None,
                            format!("cannot list directory entry: {e}"),
                        )),
                    ));
                    continue;
                }
            };
            let path = entry.path();
            let name = entry.file_name();
            let file_type = match entry.file_type() {
                Ok(t) => t,
                Err(e) => {
                    found.push((
                        name,
                        Pending::Report(problem(&label(&path), None, format!("cannot read: {e}"))),
                    ));
                    continue;
                }
            };
            let is_dir = file_type.is_dir();
            // Links to files are read; links to directories are skipped.
            let is_file = file_type.is_file()
                || (file_type.is_symlink() && fs::metadata(&path).is_ok_and(|m| m.is_file()));
            if is_dir {
                found.push((name, Pending::Dir(path)));
            } else if is_file {
                if let Some(kind) = walked_kind(&path) {
                    found.push((name, Pending::File(path, kind)));
                }
            }
        }
        found.sort_by(|a, b| a.0.cmp(&b.0));
        self.pending
            .extend(found.into_iter().rev().map(|(_, pending)| pending));
        None
    }

    /// Handles one pending entry; returns an item when it yields one at once.
    fn start(&mut self, pending: Pending) -> Option<Item> {
        match pending {
            Pending::Report(item) => Some(item),
            Pending::Stdin => {
                let stdin: Box<dyn Read + Send> = Box::new(io::stdin());
                if self.options.stdin_is_text {
                    Some(self.text_item(STDIN_LABEL, STDIN_TEXT_ID.to_owned(), stdin, false))
                } else {
                    self.start_jsonl(STDIN_LABEL.to_owned(), stdin, false)
                }
            }
            Pending::Given(path) => match fs::metadata(&path) {
                Err(e) => Some(problem(&label(&path), None, format!("cannot read: {e}"))),
                Ok(meta) if meta.is_dir() => self.expand_dir(&path),
                Ok(_) => {
                    let kind = explicit_kind(&path);
                    self.start_file(&path, kind)
                }
            },
            Pending::Dir(path) => self.expand_dir(&path),
            Pending::File(path, kind) => self.start_file(&path, kind),
        }
    }

    fn start_file(&mut self, path: &Path, kind: Kind) -> Option<Item> {
        let name = label(path);
        let file = match File::open(path) {
            Ok(f) => f,
            Err(e) => return Some(problem(&name, None, format!("cannot open: {e}"))),
        };
        let gz = is_gz_name(path);
        match kind {
            Kind::Jsonl => self.start_jsonl(name, Box::new(file), gz),
            Kind::Text => {
                if !gz {
                    // Refuse an oversized plain file before reading any of it.
                    let max = self.options.max_line_bytes;
                    match file.metadata() {
                        Ok(m) if m.is_file() && m.len() > max as u64 => {
                            return Some(problem(
                                &name,
                                None,
                                format!("file is {} bytes, over the limit of {max}", m.len()),
                            ))
                        }
                        _ => {}
                    }
                }
                Some(self.text_item(&name, text_id(path), Box::new(file), gz))
            }
        }
    }

    fn start_jsonl(
        &mut self,
        label: String,
        source: Box<dyn Read + Send>,
        gz: bool,
    ) -> Option<Item> {
        match open_stream(source, gz) {
            Ok(reader) => {
                self.current = Some(JsonlSource {
                    reader,
                    label,
                    line_no: 0,
                    buf: Vec::new(),
                });
                None
            }
            Err(e) => Some(problem(&label, None, format!("read error: {e}"))),
        }
    }

    /// Reads a whole source as one plain-text document (bounded by
    /// `max_line_bytes`).
    fn text_item(&self, name: &str, id: String, source: Box<dyn Read + Send>, gz: bool) -> Item {
        let max = self.options.max_line_bytes;
        let bytes = match open_stream(source, gz).and_then(|r| read_bounded(r, max)) {
            Ok(Ok(bytes)) => bytes,
            Ok(Err(total)) => {
                return problem(
                    name,
                    None,
                    format!("text is {total} bytes, over the limit of {max}"),
                )
            }
            Err(e) => return problem(name, None, format!("read error: {e}")),
        };
        let mut text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                return problem(
                    name,
                    None,
                    format!(
                        "invalid UTF-8 at byte {} of the text",
                        e.utf8_error().valid_up_to() + 1
                    ),
                )
            }
        };
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
        }
        if id.trim().is_empty() {
            return problem(name, None, "empty id: the file name gives no id");
        }
        if text.trim().is_empty() {
            return problem(name, None, "empty text");
        }
        let date = match resolve_date(None, &self.options) {
            Ok(d) => d,
            Err(reason) => return problem(name, None, reason),
        };
        let fields = Fields {
            id,
            text,
            date: Some(date),
            title: None,
            url: None,
            source: None,
        };
        Item::Doc(fields.into_document(Origin {
            path: name.to_owned(),
            line: None,
        }))
    }
}

/// Reads at most `max` bytes; `Ok(Err(total))` when there are more, after
/// counting (not storing) the rest.
fn read_bounded(reader: Reader, max: usize) -> io::Result<Result<Vec<u8>, u64>> {
    let mut limited = reader.take(max as u64 + 1);
    let mut bytes = Vec::new();
    limited.read_to_end(&mut bytes)?;
    if bytes.len() <= max {
        return Ok(Ok(bytes));
    }
    let seen = bytes.len() as u64;
    drop(bytes);
    let mut rest = limited.into_inner();
    let more = io::copy(&mut rest, &mut io::sink())?;
    Ok(Err(seen + more))
}

impl Iterator for Inputs {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(source) = &mut self.current {
                match source.next_item(&self.options) {
                    Some(item) => return Some(item),
                    None => self.current = None,
                }
            }
            let pending = self.pending.pop()?;
            if let Some(item) = self.start(pending) {
                return Some(item);
            }
        }
    }
}

impl std::iter::FusedIterator for Inputs {}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader producing `len` copies of `b'a'` then `tail`, without ever
    /// holding them all.
    struct Generated {
        left: u64,
        tail: io::Cursor<Vec<u8>>,
    }

    impl Read for Generated {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            if self.left == 0 {
                return self.tail.read(out);
            }
            let n = out.len().min(self.left as usize);
            out[..n].fill(b'a');
            self.left -= n as u64;
            Ok(n)
        }
    }

    #[test]
    fn huge_line_is_counted_not_held() {
        let max = 4096;
        let mut reader = BufReader::with_capacity(
            BUF_CAPACITY,
            Generated {
                left: 50_000_000,
                tail: io::Cursor::new(b"\nnext\nlast".to_vec()),
            },
        );
        let mut buf = Vec::new();
        assert_eq!(
            read_line_bounded(&mut reader, &mut buf, max).unwrap(),
            LineRead::TooLong(50_000_000)
        );
        assert!(buf.capacity() <= max, "buffer grew to {}", buf.capacity());
        assert_eq!(
            read_line_bounded(&mut reader, &mut buf, max).unwrap(),
            LineRead::Line
        );
        assert_eq!(buf, b"next");
        assert_eq!(
            read_line_bounded(&mut reader, &mut buf, max).unwrap(),
            LineRead::Line
        );
        assert_eq!(buf, b"last");
        assert_eq!(
            read_line_bounded(&mut reader, &mut buf, max).unwrap(),
            LineRead::Eof
        );
    }

    #[test]
    fn line_limit_is_inclusive_and_buffer_stays_bounded() {
        let data = b"abcd\nabcde\n\nabc".to_vec();
        let mut reader = BufReader::with_capacity(2, &data[..]);
        let mut buf = Vec::new();
        let mut seen = Vec::new();
        loop {
            match read_line_bounded(&mut reader, &mut buf, 4).unwrap() {
                LineRead::Eof => break,
                LineRead::Line => seen.push(String::from_utf8(buf.clone()).unwrap()),
                LineRead::TooLong(n) => seen.push(format!("too long {n}")),
            }
            assert!(buf.capacity() <= 4);
        }
        assert_eq!(seen, ["abcd", "too long 5", "", "abc"]);
    }

    #[test]
    fn names_and_kinds() {
        assert_eq!(walked_kind(Path::new("a/b.jsonl")), Some(Kind::Jsonl));
        assert_eq!(walked_kind(Path::new("b.JSONL.GZ")), Some(Kind::Jsonl));
        assert_eq!(walked_kind(Path::new("b.json")), Some(Kind::Jsonl));
        assert_eq!(walked_kind(Path::new("b.txt")), Some(Kind::Text));
        assert_eq!(walked_kind(Path::new("b.txt.gz")), Some(Kind::Text));
        assert_eq!(walked_kind(Path::new("b.csv")), None);
        assert_eq!(walked_kind(Path::new("b.json.gz")), None);
        assert_eq!(walked_kind(Path::new("b.gz")), None);
        assert_eq!(explicit_kind(Path::new("b.ndjson")), Kind::Jsonl);
        assert_eq!(explicit_kind(Path::new("b.txt.gz")), Kind::Text);
        assert_eq!(text_id(Path::new("dir/خبر.1.txt")), "خبر.1");
        assert_eq!(text_id(Path::new("dir/x.TXT.gz")), "x");
    }
}
