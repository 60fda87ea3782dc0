//! End-to-end tests of `read_inputs` over real files in temporary directories.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use flate2::write::GzEncoder;
use flate2::Compression;
use marsad_input::{read_inputs, Document, InputOptions, Item, Problem};

fn opts(default_date: Option<&str>) -> InputOptions {
    InputOptions {
        default_date: default_date.map(str::to_owned),
        ..InputOptions::default()
    }
}

fn read<P: AsRef<Path>>(paths: &[P], o: &InputOptions) -> (Vec<Document>, Vec<Problem>) {
    let paths: Vec<PathBuf> = paths.iter().map(|p| p.as_ref().to_path_buf()).collect();
    let mut docs = Vec::new();
    let mut problems = Vec::new();
    for item in read_inputs(&paths, o) {
        match item {
            Item::Doc(d) => docs.push(d),
            Item::Problem(p) => problems.push(p),
        }
    }
    (docs, problems)
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn write(path: &Path, bytes: &[u8]) {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(path, bytes).unwrap();
}

fn ids(docs: &[Document]) -> Vec<&str> {
    docs.iter().map(|d| d.id.as_str()).collect()
}

#[test]
fn jsonl_happy_path_with_origins() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.jsonl");
    write(
        &path,
        "{\"id\":\"1\",\"text\":\"اجتمع الوزير\",\"date\":\"2024-01-02\",\"url\":\"u\"}\n\n  \r\n{\"id\":2,\"text\":\"Hello\"}\r\n{\"id\":\"3\",\"text\":\"no newline at end\"}"
            .as_bytes(),
    );
    let (docs, problems) = read(&[&path], &opts(Some("2020-01-01")));
    assert_eq!(problems, []);
    assert_eq!(ids(&docs), ["1", "2", "3"]);
    assert_eq!(docs[0].text, "اجتمع الوزير");
    assert_eq!(docs[0].date.as_deref(), Some("2024-01-02"));
    assert_eq!(docs[0].url.as_deref(), Some("u"));
    assert_eq!(docs[1].date.as_deref(), Some("2020-01-01"));
    let label = path.display().to_string();
    let lines: Vec<_> = docs
        .iter()
        .map(|d| (d.origin.path.clone(), d.origin.line))
        .collect();
    assert_eq!(
        lines,
        [
            (label.clone(), Some(1)),
            (label.clone(), Some(4)),
            (label, Some(5))
        ]
    );
}

#[test]
fn problems_are_reported_once_and_reading_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mixed.jsonl");
    let mut data = Vec::new();
    data.extend_from_slice(b"{\"id\":\"ok1\",\"text\":\"x\"}\n"); // 1
    data.extend_from_slice(b"{\"id\":\"bad json\"\n"); // 2
    data.extend_from_slice(b"{\"id\":\"u\",\"text\":\"\xff\xfe\"}\n"); // 3
    data.extend_from_slice(b"{\"text\":\"no id\"}\n"); // 4
    data.extend_from_slice(b"{\"id\":\"\",\"text\":\"x\"}\n"); // 5
    data.extend_from_slice(b"{\"id\":\"t\"}\n"); // 6
    data.extend_from_slice(b"{\"id\":\"t\",\"text\":\"\"}\n"); // 7
    data.extend_from_slice(b"{\"id\":\"d\",\"text\":\"x\",\"date\":\"2023-02-30\"}\n"); // 8
    data.extend_from_slice(b"{\"id\":\"ok2\",\"text\":\"y\"}\n"); // 9
    write(&path, &data);
    let (docs, problems) = read(&[&path], &opts(Some("2024-01-01")));
    assert_eq!(ids(&docs), ["ok1", "ok2"]);
    let got: Vec<_> = problems
        .iter()
        .map(|p| (p.line, p.reason.as_str()))
        .collect();
    assert_eq!(got.len(), 7, "{problems:#?}");
    assert_eq!(got[0].0, Some(2));
    assert!(got[0].1.starts_with("malformed JSON"));
    assert_eq!(got[1].0, Some(3));
    assert!(got[1].1.starts_with("invalid UTF-8"));
    assert_eq!(got[2], (Some(4), "missing id"));
    assert_eq!(got[3], (Some(5), "empty id"));
    assert_eq!(got[4], (Some(6), "missing text"));
    assert_eq!(got[5], (Some(7), "empty text"));
    assert_eq!(got[6].0, Some(8));
    assert!(got[6].1.starts_with("invalid date \"2023-02-30\""));
    let label = path.display().to_string();
    assert!(problems.iter().all(|p| p.path == label));
    assert_eq!(problems[2].to_string(), format!("{label}:4: missing id"));
}

#[test]
fn no_date_without_default_is_a_problem() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.jsonl");
    write(
        &path,
        b"{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\",\"text\":\"x\",\"date\":\"2024-05-06\"}\n",
    );
    let (docs, problems) = read(&[path], &opts(None));
    assert_eq!(ids(&docs), ["b"]);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].line, Some(1));
    assert_eq!(
        problems[0].reason,
        "no date: give one in the input or with --date"
    );
}

#[test]
fn bom_is_stripped_from_first_line_and_txt() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("bom.jsonl");
    write(&jsonl, b"\xEF\xBB\xBF{\"id\":\"a\",\"text\":\"x\"}\n");
    let txt = dir.path().join("bom.txt");
    write(&txt, "\u{feff}\u{feff}نص".as_bytes());
    let (docs, problems) = read(&[jsonl, txt], &opts(Some("2024-01-01")));
    assert_eq!(problems, []);
    assert_eq!(docs[0].id, "a");
    // Only one leading mark is removed; the rest is text.
    assert_eq!(docs[1].text, "\u{feff}نص");
}

#[test]
fn gzip_by_extension_and_by_magic() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.jsonl.gz");
    // Two concatenated gzip members: MultiGzDecoder reads both.
    let mut data = gz(b"{\"id\":\"a1\",\"text\":\"x\"}\n");
    data.extend(gz(b"{\"id\":\"a2\",\"text\":\"y\"}\n"));
    write(&a, &data);
    let b = dir.path().join("b.jsonl"); // gzip without the suffix
    write(&b, &gz(b"{\"id\":\"b1\",\"text\":\"z\"}\n"));
    let c = dir.path().join("c.txt.gz");
    write(&c, &gz("خبر عاجل\n".as_bytes()));
    let (docs, problems) = read(&[a, b, c], &opts(Some("2024-01-01")));
    assert_eq!(problems, []);
    assert_eq!(ids(&docs), ["a1", "a2", "b1", "c"]);
    assert_eq!(docs[3].text, "خبر عاجل\n");
    assert_eq!(docs[3].origin.line, None);
}

#[test]
fn corrupt_gzip_stops_that_file_only() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.jsonl.gz");
    let mut data = gz(b"{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\",\"text\":\"y\"}\n");
    let cut = data.len() - 12;
    data.truncate(cut);
    write(&bad, &data);
    let not_gz = dir.path().join("plain.jsonl.gz");
    write(&not_gz, b"{\"id\":\"p\",\"text\":\"x\"}\n");
    let good = dir.path().join("good.jsonl");
    write(&good, b"{\"id\":\"g\",\"text\":\"x\"}\n");
    let (docs, problems) = read(
        &[bad.clone(), not_gz.clone(), good],
        &opts(Some("2024-01-01")),
    );
    assert_eq!(docs.last().unwrap().id, "g");
    assert!(!ids(&docs).contains(&"p"));
    assert!(problems
        .iter()
        .any(|p| p.path == bad.display().to_string() && p.reason.starts_with("read error")));
    assert!(problems
        .iter()
        .any(|p| p.path == not_gz.display().to_string() && p.reason.starts_with("read error")));
}

#[test]
fn txt_documents() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("خبر-1.txt");
    write(&a, "  قال المتحدث \r\n".as_bytes());
    let (docs, problems) = read(&[&a], &opts(Some("2024-02-03")));
    assert_eq!(problems, []);
    assert_eq!(docs[0].id, "خبر-1");
    assert_eq!(docs[0].text, "  قال المتحدث \r\n");
    assert_eq!(docs[0].date.as_deref(), Some("2024-02-03"));
    assert_eq!(docs[0].origin.path, a.display().to_string());
    assert_eq!(docs[0].origin.line, None);
    assert_eq!(
        (&docs[0].title, &docs[0].url, &docs[0].source),
        (&None, &None, &None)
    );

    // No default date: a problem without a line number.
    let (docs, problems) = read(&[&a], &opts(None));
    assert_eq!(docs, []);
    assert_eq!(
        problems[0].to_string(),
        format!(
            "{}: no date: give one in the input or with --date",
            a.display()
        )
    );
}

#[test]
fn txt_problems() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    write(&empty, b" \n");
    let bad = dir.path().join("bad.txt");
    write(&bad, b"ok\xc3(");
    let big = dir.path().join("big.txt");
    write(&big, &[b'x'; 101]);
    let big_gz = dir.path().join("big.txt.gz");
    write(&big_gz, &gz(&[b'y'; 5000]));
    let fits = dir.path().join("fits.txt");
    write(&fits, &[b'z'; 100]);
    let o = InputOptions {
        max_line_bytes: 100,
        ..opts(Some("2024-01-01"))
    };
    let (docs, problems) = read(&[empty, bad, big, big_gz, fits], &o);
    assert_eq!(ids(&docs), ["fits"]);
    let reasons: Vec<_> = problems.iter().map(|p| p.reason.as_str()).collect();
    assert_eq!(
        reasons,
        [
            "empty text",
            "invalid UTF-8 at byte 3 of the text",
            "file is 101 bytes, over the limit of 100",
            "text is 5000 bytes, over the limit of 100",
        ]
    );
    assert!(problems.iter().all(|p| p.line.is_none()));
}

#[test]
fn directory_walk_is_recursive_sorted_and_filtered() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let line = |id: &str| format!("{{\"id\":\"{id}\",\"text\":\"x\"}}\n");
    write(&root.join("b.jsonl"), line("b").as_bytes());
    write(&root.join("a/z.txt"), b"text");
    write(&root.join("a/y.json"), line("a/y").as_bytes());
    write(
        &root.join("a/deeper/x.jsonl.gz"),
        &gz(line("a/deeper/x").as_bytes()),
    );
    write(&root.join("c.txt.gz"), &gz(b"text"));
    write(&root.join("ab.jsonl"), line("ab").as_bytes());
    write(&root.join("notes.md"), b"ignored");
    write(&root.join("data.csv"), b"ignored");
    write(&root.join("d.json.gz"), b"ignored");
    write(&root.join("e/.hidden/none.csv"), b"ignored");
    let o = opts(Some("2024-01-01"));
    let (docs, problems) = read(&[root.to_path_buf()], &o);
    assert_eq!(problems, []);
    assert_eq!(ids(&docs), ["a/deeper/x", "a/y", "z", "ab", "b", "c"]);
    // Same stream twice.
    let (again, _) = read(&[root.to_path_buf()], &o);
    assert_eq!(docs, again);
}

#[cfg(unix)]
#[test]
fn directory_symlink_cycle_is_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(&root.join("a.jsonl"), b"{\"id\":\"a\",\"text\":\"x\"}\n");
    std::os::unix::fs::symlink(root, root.join("loop")).unwrap();
    std::os::unix::fs::symlink(root.join("a.jsonl"), root.join("link.jsonl")).unwrap();
    let (docs, problems) = read(&[root.to_path_buf()], &opts(Some("2024-01-01")));
    assert_eq!(problems, []);
    assert_eq!(ids(&docs), ["a", "a"]);
}

#[test]
fn inputs_keep_their_order_and_missing_paths_are_problems() {
    let dir = tempfile::tempdir().unwrap();
    let b = dir.path().join("b.jsonl");
    write(&b, b"{\"id\":\"b\",\"text\":\"x\"}\n");
    let a = dir.path().join("a.data"); // any name given explicitly is JSONL
    write(&a, b"{\"id\":\"a\",\"text\":\"x\"}\n");
    let missing = dir.path().join("missing.jsonl");
    let (docs, problems) = read(&[b, missing.clone(), a], &opts(Some("2024-01-01")));
    assert_eq!(ids(&docs), ["b", "a"]);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].path, missing.display().to_string());
    assert_eq!(problems[0].line, None);
    assert!(problems[0].reason.starts_with("cannot read"));
}

#[test]
fn stream_is_lazy_in_input_order() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.jsonl");
    write(&a, b"{\"id\":\"a\",\"text\":\"x\"}\n");
    let later = dir.path().join("later.jsonl");
    let mut it = read_inputs(&[a, later.clone()], &opts(Some("2024-01-01")));
    assert!(matches!(it.next(), Some(Item::Doc(d)) if d.id == "a"));
    // Created after the stream started: still read, because files are opened
    // only when reached.
    write(&later, b"{\"id\":\"late\",\"text\":\"x\"}\n");
    assert!(matches!(it.next(), Some(Item::Doc(d)) if d.id == "late"));
    assert_eq!(it.next(), None);
    assert_eq!(it.next(), None);
}

const HUGE_PREFIX: &[u8] = b"{\"id\":\"huge\",\"text\":\"";

#[test]
fn huge_line_is_skipped_and_next_line_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.jsonl");
    {
        let file = fs::File::create(&path).unwrap();
        let mut w = std::io::BufWriter::new(file);
        w.write_all(b"{\"id\":\"before\",\"text\":\"x\"}\n")
            .unwrap();
        w.write_all(HUGE_PREFIX).unwrap();
        let chunk = vec![b'a'; 1 << 20];
        for _ in 0..50 {
            w.write_all(&chunk).unwrap();
        }
        w.write_all(b"\"}\n").unwrap();
        w.write_all(b"{\"id\":\"after\",\"text\":\"y\"}\n").unwrap();
        w.flush().unwrap();
    }
    let o = InputOptions {
        max_line_bytes: 64 * 1024,
        ..opts(Some("2024-01-01"))
    };
    let (docs, problems) = read(&[&path], &o);
    assert_eq!(ids(&docs), ["before", "after"]);
    assert_eq!(docs[1].origin.line, Some(3));
    let expected_len = HUGE_PREFIX.len() + 50 * (1 << 20) + 2;
    assert_eq!(
        problems,
        [Problem {
            path: path.display().to_string(),
            line: Some(2),
            reason: format!("line is {expected_len} bytes, over the limit of 65536"),
        }]
    );
}

#[test]
fn huge_gzip_line_is_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.jsonl.gz");
    let mut e = GzEncoder::new(Vec::new(), Compression::fast());
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..20 {
        e.write_all(&chunk).unwrap();
    }
    e.write_all(b"\n{\"id\":\"after\",\"text\":\"y\"}\n")
        .unwrap();
    write(&path, &e.finish().unwrap());
    let o = InputOptions {
        max_line_bytes: 1000,
        ..opts(Some("2024-01-01"))
    };
    let (docs, problems) = read(&[path], &o);
    assert_eq!(ids(&docs), ["after"]);
    assert_eq!(problems.len(), 1);
    assert_eq!(
        problems[0].reason,
        format!("line is {} bytes, over the limit of 1000", 20 << 20)
    );
}

#[test]
fn empty_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.jsonl");
    write(&empty, b"");
    let empty_gz = dir.path().join("empty.jsonl.gz");
    write(&empty_gz, b"");
    let sub = dir.path().join("sub");
    fs::create_dir(&sub).unwrap();
    let (docs, problems) = read(&[empty, empty_gz, sub], &opts(None));
    assert_eq!((docs, problems), (vec![], vec![]));
    assert_eq!(read_inputs(&[], &opts(None)).count(), 0);
}
