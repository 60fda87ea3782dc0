//! End-to-end tests of the `marsad` command line: `code`, `ingest`, `events`, `stats` and
//! `lexicon`, run as a real process on the repository's `examples/` and on small inputs
//! written here.
//!
//! Only the repository itself is used (never `../shared`), so these pass in a fresh clone.

use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

/// The 16 PLOVER event categories.
const PLOVER: [&str; 16] = [
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
];

/// Date used for the plain-text example, which carries none.
const BASRA_DATE: &str = "2018-07-15";

// ------------------------------------------------------------------ helpers

/// A command-line argument (a string or a path).
type OsArg = std::ffi::OsString;

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

fn articles() -> PathBuf {
    examples().join("articles.jsonl")
}

fn basra_txt() -> PathBuf {
    examples().join("plain-text/ex-basra-protest.txt")
}

/// A `marsad` command that does not inherit a lexicon override from the environment.
fn marsad() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_marsad"));
    c.env_remove("MARSAD_LEXICON");
    c
}

fn run<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Output {
    marsad()
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run marsad")
}

/// Runs marsad with `input` on standard input (written from a thread so that a large
/// output cannot deadlock against a large input).
fn run_stdin<S: AsRef<std::ffi::OsStr>>(args: &[S], input: &[u8]) -> Output {
    let mut child = marsad()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn marsad");
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        stdin.write_all(&input).unwrap();
    });
    let out = child.wait_with_output().expect("wait for marsad");
    writer.join().unwrap();
    out
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn describe(o: &Output) -> String {
    format!(
        "status {:?}\n--- stderr ---\n{}\n--- stdout (start) ---\n{}",
        o.status.code(),
        stderr(o),
        String::from_utf8_lossy(&o.stdout)
            .chars()
            .take(2000)
            .collect::<String>()
    )
}

#[track_caller]
fn assert_status(o: &Output, code: i32) {
    assert_eq!(o.status.code(), Some(code), "{}", describe(o));
}

/// Every stdout line parsed as JSON (and every line must parse).
fn jsonl(o: &Output) -> Vec<Value> {
    stdout(o)
        .lines()
        .enumerate()
        .map(|(i, l)| {
            serde_json::from_str(l)
                .unwrap_or_else(|e| panic!("stdout line {} is not JSON ({e}): {l}", i + 1))
        })
        .collect()
}

fn ids(events: &[Value]) -> BTreeSet<String> {
    events
        .iter()
        .map(|e| str_field(e, "id").to_owned())
        .collect()
}

fn citations(events: &[Value]) -> BTreeSet<String> {
    events
        .iter()
        .map(|e| e["cite_info"]["citation"].as_str().unwrap().to_owned())
        .collect()
}

#[track_caller]
fn str_field<'a>(v: &'a Value, k: &str) -> &'a str {
    v[k].as_str()
        .unwrap_or_else(|| panic!("field {k} is not a string in {v}"))
}

#[track_caller]
fn u64_field(v: &Value, k: &str) -> u64 {
    v[k].as_u64()
        .unwrap_or_else(|| panic!("field {k} is not an unsigned integer in {v}"))
}

#[track_caller]
fn string_list<'a>(v: &'a Value, k: &str) -> Vec<&'a str> {
    v[k].as_array()
        .unwrap_or_else(|| panic!("field {k} is not a list in {v}"))
        .iter()
        .map(|x| {
            x.as_str()
                .unwrap_or_else(|| panic!("{k} holds a non-string in {v}"))
        })
        .collect()
}

/// Document texts by id from a JSONL file.
fn jsonl_texts(path: &Path) -> HashMap<String, String> {
    fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            (
                str_field(&v, "id").to_owned(),
                str_field(&v, "text").to_owned(),
            )
        })
        .collect()
}

/// The text of a `.txt` document as marsad reads it (a leading BOM removed).
fn txt_text(path: &Path) -> String {
    let s = fs::read_to_string(path).unwrap();
    s.strip_prefix('\u{feff}').unwrap_or(&s).to_owned()
}

/// `text[start..end]` counting Unicode scalar values.
#[track_caller]
fn char_slice(text: &str, start: u64, end: u64) -> String {
    assert!(start <= end, "span {start}..{end} is reversed");
    let n = text.chars().count() as u64;
    assert!(
        end <= n,
        "span {start}..{end} runs past the text ({n} chars)"
    );
    text.chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}

/// Checks one event against the PLOVER record layout and against the document it came
/// from (`docs`: document text by id).
#[track_caller]
fn check_event(e: &Value, docs: &HashMap<String, String>) {
    let obj = e
        .as_object()
        .unwrap_or_else(|| panic!("not an object: {e}"));
    for k in [
        "id",
        "date",
        "event",
        "actor",
        "recipient",
        "mode",
        "context",
        "event_text",
        "event_scale",
        "quad_code",
        "text",
        "text_info",
        "cite_info",
        "aux_mode",
        "evidence",
    ] {
        assert!(obj.contains_key(k), "missing field {k} in {e}");
    }
    assert!(!str_field(e, "id").is_empty(), "empty id in {e}");
    let date = str_field(e, "date");
    assert!(
        date.len() == 10
            && date.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }),
        "date {date} is not YYYY-MM-DD"
    );
    let cats = string_list(e, "event");
    assert!(!cats.is_empty(), "empty event list in {e}");
    for c in &cats {
        assert!(PLOVER.contains(c), "{c} is not a PLOVER category in {e}");
    }
    for k in ["actor", "recipient"] {
        for ent in e[k].as_array().unwrap() {
            assert!(
                ent["entity_text"].is_string(),
                "{k} member without entity_text in {e}"
            );
        }
    }
    string_list(e, "mode");
    string_list(e, "context");
    string_list(e, "event_text");
    assert!(e["event_scale"].is_number(), "event_scale in {e}");
    let quad = u64_field(e, "quad_code");
    assert!((1..=4).contains(&quad), "quad_code {quad} in {e}");

    let cite = &e["cite_info"];
    let citation = str_field(cite, "citation");
    assert_eq!(str_field(cite, "language"), "ar");
    assert!(str_field(cite, "coder").starts_with("marsad"), "{cite}");
    assert!(!str_field(cite, "codebook").is_empty(), "{cite}");

    let doc = docs
        .get(citation)
        .unwrap_or_else(|| panic!("event cites unknown document {citation}"));
    let ti = &e["text_info"];
    u64_field(ti, "sequence");
    let sentence = char_slice(doc, u64_field(ti, "start"), u64_field(ti, "end"));
    assert_eq!(
        sentence,
        str_field(e, "text"),
        "text_info does not slice the sentence out of {citation}"
    );

    let evidence = e["evidence"].as_array().unwrap();
    assert!(!evidence.is_empty(), "no evidence in {e}");
    for ev in evidence {
        assert!(!str_field(ev, "role").is_empty());
        let span = char_slice(doc, u64_field(ev, "start"), u64_field(ev, "end"));
        assert_eq!(
            span,
            str_field(ev, "text"),
            "evidence span does not match the document text in {e}"
        );
    }
    string_list(e, "aux_mode");
}

fn is_factual(e: &Value) -> bool {
    !string_list(e, "aux_mode")
        .iter()
        .any(|m| *m == "negation" || *m == "hypothetical")
}

/// A minimal RFC 4180 reader (quoted fields may hold commas, quotes and newlines).
fn parse_csv(s: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                _ => field.push(c),
            }
        } else {
            match c {
                '"' => quoted = true,
                ',' => row.push(std::mem::take(&mut field)),
                '\n' => {
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                '\r' if chars.peek() == Some(&'\n') => {}
                _ => field.push(c),
            }
        }
    }
    assert!(!quoted, "unterminated quoted CSV field");
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

/// One JSONL line.
fn doc_line(id: &str, date: &str, text: &str) -> String {
    serde_json::json!({"id": id, "date": date, "text": text}).to_string()
}

// Short sentences written for these tests.
const AIR_STRIKE: &str = "قتل ثلاثة أشخاص وأصيب عشرة آخرون أمس في غارة جوية إسرائيلية على غزة.";
const POLICE_ATTACK: &str =
    "هاجم مسلحون مركزا للشرطة في بغداد أمس وقتلوا ثلاثة من عناصرها وأصابوا خمسة آخرين.";

/// Runs `args` with stdout connected to a pipe whose reading end is already closed, as
/// in `marsad ... | head -0` once `head` has exited: every write fails with EPIPE.
///
/// The pipe is the standard input of a first `marsad --version`, which exits without
/// reading it; once it is gone, nothing can read what the command under test writes.
fn run_with_closed_stdout(args: &[OsArg]) -> Output {
    let mut reader = marsad()
        .arg("--version")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let dead_end = reader.stdin.take().unwrap();
    assert!(reader.wait().unwrap().success());
    marsad()
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::from(dead_end))
        .stderr(Stdio::piped())
        .output()
        .unwrap()
}

// ------------------------------------------------------------------ code

#[test]
fn code_examples_emit_valid_plover_records() {
    let o = run(&[OsArg::from("code"), articles().into()]);
    assert_status(&o, 0);
    let events = jsonl(&o);
    assert!(
        events.len() >= 20,
        "expected many events from six articles, got {}",
        events.len()
    );
    let docs = jsonl_texts(&articles());
    for e in &events {
        check_event(e, &docs);
    }
    // Every article yields something, and the examples cover many categories.
    assert_eq!(citations(&events), docs.keys().cloned().collect());
    let cats: BTreeSet<&str> = events
        .iter()
        .flat_map(|e| string_list(e, "event"))
        .collect();
    assert!(cats.len() >= 8, "only categories {cats:?}");
    // Event ids are unique.
    assert_eq!(ids(&events).len(), events.len(), "duplicate event ids");
    assert!(
        stderr(&o).contains("6 documents"),
        "summary on stderr: {}",
        stderr(&o)
    );
}

#[test]
fn code_hides_nonfactual_events_unless_asked() {
    let default = run(&[OsArg::from("code"), articles().into()]);
    assert_status(&default, 0);
    let default = jsonl(&default);
    for e in &default {
        assert!(
            is_factual(e),
            "default output holds a negated/hypothetical event: {e}"
        );
    }

    let all = run(&[
        OsArg::from("code"),
        "--include-nonfactual".into(),
        articles().into(),
    ]);
    assert_status(&all, 0);
    let all = jsonl(&all);
    let docs = jsonl_texts(&articles());
    for e in &all {
        check_event(e, &docs);
    }
    let (default_ids, all_ids) = (ids(&default), ids(&all));
    assert!(
        default_ids.is_subset(&all_ids),
        "--include-nonfactual lost events: {:?}",
        default_ids.difference(&all_ids).collect::<Vec<_>>()
    );
    // The extra events are exactly the non-factual ones and those the learned filter
    // scores low.
    let extra: BTreeSet<String> = all
        .iter()
        .filter(|e| !is_factual(e) || e["low_confidence"].as_bool() == Some(true))
        .map(|e| str_field(e, "id").to_owned())
        .collect();
    assert_eq!(
        all_ids
            .difference(&default_ids)
            .cloned()
            .collect::<BTreeSet<_>>(),
        extra
    );
    // The examples contain negated events (see examples/README.md).
    assert!(!extra.is_empty(), "no non-factual events in the examples");
    // Factual events print identically either way.
    let all_by_id: HashMap<&str, &Value> = all.iter().map(|e| (str_field(e, "id"), e)).collect();
    for e in &default {
        assert_eq!(Some(&e), all_by_id.get(str_field(e, "id")));
    }
}

#[test]
fn code_is_deterministic() {
    let args = [
        OsArg::from("code"),
        "--include-nonfactual".into(),
        "--date".into(),
        BASRA_DATE.into(),
        examples().into(),
    ];
    let a = run(&args);
    let b = run(&args);
    assert_status(&a, 0);
    assert_status(&b, 0);
    assert!(!a.stdout.is_empty());
    assert!(a.stdout == b.stdout, "two runs gave different output");
}

#[test]
fn code_plain_text_with_date_uses_file_stem_and_date() {
    let o = run(&[
        OsArg::from("code"),
        "--date".into(),
        BASRA_DATE.into(),
        basra_txt().into(),
    ]);
    assert_status(&o, 0);
    let events = jsonl(&o);
    assert!(!events.is_empty(), "no events from the Basra article");
    let docs = HashMap::from([("ex-basra-protest".to_owned(), txt_text(&basra_txt()))]);
    for e in &events {
        check_event(e, &docs);
        assert_eq!(e["cite_info"]["citation"], "ex-basra-protest");
        assert_eq!(str_field(e, "story_date"), BASRA_DATE);
    }
    assert!(
        events
            .iter()
            .any(|e| string_list(e, "event").contains(&"PROTEST")),
        "the Basra protest article yields no PROTEST event"
    );
}

#[test]
fn code_plain_text_without_date_is_skipped() {
    let o = run(&[OsArg::from("code"), basra_txt().into()]);
    assert_status(&o, 1);
    assert!(o.stdout.is_empty(), "{}", describe(&o));
    let err = stderr(&o);
    assert!(err.contains("ex-basra-protest.txt"), "{err}");
    assert!(err.contains("date"), "{err}");
}

#[test]
fn code_reports_bad_lines_and_codes_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mixed.jsonl");
    let mut bytes = Vec::new();
    // 1: valid
    bytes.extend(doc_line("good-1", "2021-03-16", AIR_STRIKE).bytes());
    bytes.push(b'\n');
    // 2: malformed JSON (unterminated string)
    bytes.extend(br#"{"id":"broken","date":"2021-03-16","text":"abc"#);
    bytes.push(b'\n');
    // 3: invalid UTF-8 inside the text
    bytes.extend(br#"{"id":"bad-utf8","date":"2021-03-16","text":""#);
    bytes.extend(b"\xff\xfe ");
    bytes.extend(POLICE_ATTACK.bytes());
    bytes.extend(b"\"}\n");
    // 4: no id
    bytes.extend(
        serde_json::json!({"date": "2021-03-16", "text": POLICE_ATTACK})
            .to_string()
            .bytes(),
    );
    bytes.push(b'\n');
    // 5: empty text
    bytes.extend(doc_line("empty", "2021-03-16", "").bytes());
    bytes.push(b'\n');
    // 6: valid
    bytes.extend(doc_line("good-2", "2021-03-17", POLICE_ATTACK).bytes());
    bytes.push(b'\n');
    fs::write(&path, &bytes).unwrap();

    let o = run(&[OsArg::from("code"), path.clone().into()]);
    assert_status(&o, 1);
    let events = jsonl(&o);
    assert_eq!(
        citations(&events),
        BTreeSet::from(["good-1".to_owned(), "good-2".to_owned()]),
        "{}",
        describe(&o)
    );
    let docs = HashMap::from([
        ("good-1".to_owned(), AIR_STRIKE.to_owned()),
        ("good-2".to_owned(), POLICE_ATTACK.to_owned()),
    ]);
    for e in &events {
        check_event(e, &docs);
    }
    // Each document's own date is kept.
    for e in &events {
        let want = if e["cite_info"]["citation"] == "good-1" {
            "2021-03-16"
        } else {
            "2021-03-17"
        };
        assert_eq!(str_field(e, "story_date"), want);
    }
    let err = stderr(&o);
    let name = path.display().to_string();
    for (line, why) in [(2, "JSON"), (3, "UTF-8"), (4, "id"), (5, "empty text")] {
        let tag = format!("{name}:{line}:");
        let msg = err
            .lines()
            .find(|l| l.contains(&tag))
            .unwrap_or_else(|| panic!("no message for line {line}: {err}"));
        assert!(
            msg.contains(why),
            "line {line} message lacks {why:?}: {msg}"
        );
    }
    for line in [1, 6] {
        assert!(
            !err.contains(&format!("{name}:{line}:")),
            "valid line {line} reported: {err}"
        );
    }
    assert!(err.contains("4 skipped"), "{err}");
}

#[test]
fn code_non_arabic_text_yields_nothing_and_no_error() {
    let input = [
        doc_line(
            "english",
            "2021-03-16",
            "Israeli forces launched air strikes on Gaza. Gunmen attacked a police station in Baghdad.",
        ),
        doc_line("chinese", "2021-03-16", "以色列军队对加沙发动空袭。武装分子袭击了巴格达的一个警察局。"),
    ]
    .join("\n");
    let o = run_stdin(&["code", "--include-nonfactual", "-"], input.as_bytes());
    assert_status(&o, 0);
    assert!(o.stdout.is_empty(), "{}", describe(&o));
    let err = stderr(&o);
    assert!(!err.contains("marsad: skipped"), "{err}");
    assert!(err.contains("2 documents"), "{err}");
    assert!(err.contains("0 skipped"), "{err}");
}

#[test]
fn code_walks_directories_in_name_order() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("b-sub/deeper")).unwrap();
    fs::write(
        root.join("a.jsonl"),
        doc_line("from-a", "2021-03-16", AIR_STRIKE) + "\n",
    )
    .unwrap();
    fs::write(root.join("b-sub/deeper/c.txt"), POLICE_ATTACK).unwrap();
    fs::write(
        root.join("d.json"),
        doc_line("from-d", "2021-03-18", POLICE_ATTACK) + "\n",
    )
    .unwrap();
    // Not an input kind: ignored silently while walking.
    fs::write(
        root.join("notes.csv"),
        doc_line("from-csv", "2021-03-16", AIR_STRIKE) + "\n",
    )
    .unwrap();

    let o = run(&[
        OsArg::from("code"),
        "--date".into(),
        "2021-03-17".into(),
        root.into(),
    ]);
    assert_status(&o, 0);
    let events = jsonl(&o);
    let order: Vec<&str> = events
        .iter()
        .map(|e| e["cite_info"]["citation"].as_str().unwrap())
        .fold(Vec::new(), |mut v, c| {
            if v.last() != Some(&c) {
                v.push(c);
            }
            v
        });
    assert_eq!(order, ["from-a", "c", "from-d"], "{}", describe(&o));
    for e in &events {
        let want = match e["cite_info"]["citation"].as_str().unwrap() {
            "from-a" => "2021-03-16",
            "c" => "2021-03-17",
            _ => "2021-03-18",
        };
        assert_eq!(str_field(e, "story_date"), want);
    }
    assert!(stderr(&o).contains("3 documents"), "{}", stderr(&o));
}

#[test]
fn code_reads_jsonl_from_stdin() {
    let input = fs::read(articles()).unwrap();
    let from_stdin = run_stdin(&["code", "-"], &input);
    assert_status(&from_stdin, 0);
    let from_file = run(&[OsArg::from("code"), articles().into()]);
    assert_status(&from_file, 0);
    assert!(!from_stdin.stdout.is_empty());
    assert!(
        from_stdin.stdout == from_file.stdout,
        "stdin and file input code differently"
    );
}

#[test]
fn code_reads_stdin_as_text_when_asked() {
    let o = run_stdin(
        &["code", "--stdin-text", "--date", "2021-03-16", "-"],
        AIR_STRIKE.as_bytes(),
    );
    assert_status(&o, 0);
    let events = jsonl(&o);
    assert!(!events.is_empty(), "{}", describe(&o));
    let docs = HashMap::from([("stdin".to_owned(), AIR_STRIKE.to_owned())]);
    for e in &events {
        check_event(e, &docs);
    }
}

#[test]
fn code_missing_path_is_reported_and_the_rest_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-file.jsonl");
    let o = run(&[
        OsArg::from("code"),
        missing.clone().into(),
        articles().into(),
    ]);
    assert_status(&o, 1);
    let err = stderr(&o);
    assert!(err.contains("no-such-file.jsonl"), "{err}");
    assert_eq!(
        citations(&jsonl(&o)),
        jsonl_texts(&articles()).into_keys().collect()
    );

    let o = run(&[OsArg::from("code"), missing.into()]);
    assert_status(&o, 1);
    assert!(o.stdout.is_empty());
    assert!(stderr(&o).contains("no-such-file.jsonl"), "{}", stderr(&o));
}

#[test]
fn code_invalid_date_is_fatal() {
    for bad in ["2018-13-01", "2021-02-29", "15/07/2018", "yesterday"] {
        let o = run(&[
            OsArg::from("code"),
            "--date".into(),
            bad.into(),
            articles().into(),
        ]);
        assert_status(&o, 2);
        assert!(o.stdout.is_empty(), "--date {bad}: {}", describe(&o));
        assert!(stderr(&o).contains(bad), "--date {bad}: {}", stderr(&o));
    }
}

#[test]
fn code_offsets_count_unicode_scalar_values() {
    // Characters outside the BMP (emoji, a flag, mathematical letters), diacritics,
    // CRLF and blank lines before and between events: offsets must still be counted in
    // scalar values of the untouched text.
    let texts = [
        (
            "astral",
            "😀🇮🇶 عاجل: شَنَّتِ القواتُ الإسرائيليةُ غاراتٍ جويةً على غزة.\r\nوقال الجيش العراقي إنه اعتقل خمسة مسلحين في الموصل.",
        ),
        (
            "mixed",
            "Breaking 𝔸𝔹ℂ news — هاجم مسلحون مركزا للشرطة في بغداد، وأصيب ٣ عناصر.\n\nوطالبت الأمم المتحدة بوقف إطلاق النار.",
        ),
    ];
    let input: String = texts
        .iter()
        .map(|(id, t)| doc_line(id, "2021-03-16", t) + "\n")
        .collect();
    let o = run_stdin(&["code", "--include-nonfactual", "-"], input.as_bytes());
    assert_status(&o, 0);
    let events = jsonl(&o);
    let docs: HashMap<String, String> = texts
        .iter()
        .map(|(id, t)| (id.to_string(), t.to_string()))
        .collect();
    assert_eq!(
        citations(&events),
        docs.keys().cloned().collect(),
        "{}",
        describe(&o)
    );
    for e in &events {
        check_event(e, &docs);
    }
}

#[test]
fn code_skips_oversized_document_and_codes_the_next() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.jsonl");
    let filler = format!("{POLICE_ATTACK} ");
    let big_text = filler.repeat(3_000_000 / filler.len() + 1);
    assert!(big_text.len() > 3_000_000);
    let content = format!(
        "{}\n{}\n",
        doc_line("huge", "2021-03-16", &big_text),
        doc_line("small", "2021-03-16", AIR_STRIKE)
    );
    fs::write(&path, content).unwrap();

    let o = run(&[
        OsArg::from("code"),
        "--max-doc-bytes".into(),
        "1000000".into(),
        path.clone().into(),
    ]);
    assert_status(&o, 1);
    let events = jsonl(&o);
    assert_eq!(
        citations(&events),
        BTreeSet::from(["small".to_owned()]),
        "{}",
        describe(&o)
    );
    let err = stderr(&o);
    let tag = format!("{}:1:", path.display());
    assert!(
        err.lines()
            .any(|l| l.contains(&tag) && l.contains("1000000")),
        "no message naming line 1 and the limit: {err}"
    );
    assert!(!err.contains(&format!("{}:2:", path.display())), "{err}");
}

#[test]
fn code_exits_cleanly_when_stdout_is_closed() {
    let o = run_with_closed_stdout(&["code".into(), articles().into()]);
    assert_status(&o, 0);
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
}

// ------------------------------------------------------------------ store

/// A temporary database with the whole `examples/` directory ingested.
struct Db {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

impl Db {
    fn ingested() -> Db {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.db");
        let o = ingest(&path);
        assert_status(&o, 0);
        Db { _dir: dir, path }
    }

    fn run(&self, cmd: &str, extra: &[&str]) -> Output {
        let mut args: Vec<OsArg> = vec![cmd.into(), "--db".into(), self.path.clone().into()];
        args.extend(extra.iter().map(OsArg::from));
        run(&args)
    }

    fn events(&self, extra: &[&str]) -> Vec<Value> {
        let mut args = vec!["--format", "jsonl"];
        args.extend_from_slice(extra);
        let o = self.run("events", &args);
        assert_status(&o, 0);
        jsonl(&o)
    }

    fn stats(&self) -> Value {
        let o = self.run("stats", &["--json"]);
        assert_status(&o, 0);
        serde_json::from_str(stdout(&o).trim()).expect("stats --json prints one JSON object")
    }
}

fn ingest(db: &Path) -> Output {
    run(&[
        OsArg::from("ingest"),
        "--db".into(),
        db.into(),
        "--date".into(),
        BASRA_DATE.into(),
        examples().into(),
    ])
}

/// `code` over the same input as [`Db::ingested`].
fn code_examples(include_nonfactual: bool) -> Vec<Value> {
    let mut args = vec![OsArg::from("code"), "--date".into(), BASRA_DATE.into()];
    if include_nonfactual {
        args.push("--include-nonfactual".into());
    }
    args.push(examples().into());
    let o = run(&args);
    assert_status(&o, 0);
    jsonl(&o)
}

/// Events as a set of canonical JSON strings (order-independent comparison).
fn as_set(events: &[Value]) -> BTreeSet<String> {
    events.iter().map(Value::to_string).collect()
}

#[test]
fn store_returns_what_code_prints() {
    let db = Db::ingested();
    let stored = db.events(&[]);
    let coded = code_examples(false);
    assert!(!coded.is_empty());
    assert_eq!(ids(&stored), ids(&coded));
    assert_eq!(as_set(&stored), as_set(&coded), "stored events differ");

    let stored_all = db.events(&["--include-nonfactual"]);
    let coded_all = code_examples(true);
    assert_eq!(ids(&stored_all), ids(&coded_all));
    assert_eq!(as_set(&stored_all), as_set(&coded_all));

    // Both the JSONL articles and the plain-text one were stored.
    let cites = citations(&stored);
    assert!(cites.contains("ex-basra-protest"), "{cites:?}");
    assert!(cites.contains("ex-iraq-convoy-2021-03"), "{cites:?}");
}

#[test]
fn store_stats_counts_and_reingest_is_idempotent() {
    let db = Db::ingested();
    let first = db.stats();
    let counts = &first["counts"];
    // The six JSONL articles and the plain-text one.
    let documents = jsonl_texts(&articles()).len() as u64 + 1;
    assert_eq!(u64_field(counts, "documents"), documents, "{first}");
    assert_eq!(
        u64_field(counts, "events"),
        code_examples(true).len() as u64,
        "{first}"
    );
    assert_eq!(
        u64_field(&first["stats"], "total"),
        code_examples(false).len() as u64,
        "{first}"
    );
    assert!(u64_field(counts, "sentences") > 0);

    let o = ingest(&db.path);
    assert_status(&o, 0);
    let second = db.stats();
    assert_eq!(
        first["counts"], second["counts"],
        "re-ingest changed counts"
    );
    assert_eq!(first, second);
    assert_eq!(
        db.events(&["--include-nonfactual"]).len() as u64,
        u64_field(counts, "events")
    );
}

#[test]
fn store_type_filter() {
    let db = Db::ingested();
    let assaults = db.events(&["--type", "ASSAULT"]);
    assert!(!assaults.is_empty());
    for e in &assaults {
        assert!(
            string_list(e, "event").contains(&"ASSAULT"),
            "--type ASSAULT returned {e}"
        );
    }
    let expected: BTreeSet<String> = code_examples(false)
        .iter()
        .filter(|e| string_list(e, "event").contains(&"ASSAULT"))
        .map(|e| str_field(e, "id").to_owned())
        .collect();
    assert_eq!(ids(&assaults), expected);
}

#[test]
fn store_csv_has_header_and_one_row_per_event() {
    let db = Db::ingested();
    let events = db.events(&[]);
    let o = db.run("events", &["--format", "csv"]);
    assert_status(&o, 0);
    let rows = parse_csv(&stdout(&o));
    let header = &rows[0];
    assert_eq!(header[0], "id");
    for col in ["date", "event", "actor", "citation", "sentence"] {
        assert!(
            header.iter().any(|h| h == col),
            "no {col} column: {header:?}"
        );
    }
    let body = &rows[1..];
    assert_eq!(body.len(), events.len());
    for r in body {
        assert_eq!(r.len(), header.len(), "ragged row {r:?}");
    }
    let csv_ids: BTreeSet<String> = body.iter().map(|r| r[0].clone()).collect();
    assert_eq!(csv_ids, ids(&events));
    // The sentence column round-trips through CSV quoting.
    let col = header.iter().position(|h| h == "sentence").unwrap();
    let by_id: HashMap<&str, &Value> = events.iter().map(|e| (str_field(e, "id"), e)).collect();
    for r in body {
        assert_eq!(r[col], str_field(by_id[r[0].as_str()], "text"));
    }
}

#[test]
fn store_table_has_count_footer() {
    let db = Db::ingested();
    let n = db.events(&[]).len();
    let o = db.run("events", &[]);
    assert_status(&o, 0);
    let out = stdout(&o);
    assert_eq!(
        out.lines().last(),
        Some(format!("({n} events)").as_str()),
        "{out}"
    );
    // Header, one line per event, footer.
    assert_eq!(out.lines().count(), n + 2);

    let o = db.run("events", &["--type", "ASSAULT", "--limit", "2"]);
    assert_status(&o, 0);
    assert_eq!(stdout(&o).lines().last(), Some("(2 events)"));
}

#[test]
fn store_text_search() {
    let db = Db::ingested();
    // A place named only in the convoy article.
    let found = db.events(&["--text", "الديوانية", "--include-nonfactual"]);
    assert!(!found.is_empty(), "--text الديوانية found nothing");
    for e in &found {
        assert!(str_field(e, "text").contains("الديوانية"), "{e}");
    }
    assert_eq!(
        citations(&found),
        BTreeSet::from(["ex-iraq-convoy-2021-03".to_owned()])
    );
    // Search is on folded text: ta marbuta written as ha finds the same events.
    assert_eq!(
        ids(&db.events(&["--text", "الديوانيه", "--include-nonfactual"])),
        ids(&found)
    );
    // A word in no sentence finds nothing.
    assert!(db.events(&["--text", "طوكيو"]).is_empty());
    // FTS syntax in user input is searched as text, never an error.
    let o = db.run("events", &["--text", "\"الديوانية OR NEAR(*"]);
    assert_status(&o, 0);
}

#[test]
fn store_missing_db_is_fatal() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.db");
    for cmd in ["events", "stats"] {
        let o = run(&[OsArg::from(cmd), "--db".into(), missing.clone().into()]);
        assert_status(&o, 2);
        assert!(o.stdout.is_empty());
        let err = stderr(&o);
        assert!(err.contains("no database"), "{cmd}: {err}");
        assert!(err.contains("nope.db"), "{cmd}: {err}");
        assert!(!missing.exists(), "{cmd} created the database");
    }
}

#[test]
fn ingest_stores_good_documents_and_reports_bad_ones() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    fs::write(
        &input,
        format!(
            "{}\nnot json\n{}\n",
            doc_line("good-1", "2021-03-16", AIR_STRIKE),
            doc_line("good-2", "2021-03-17", POLICE_ATTACK)
        ),
    )
    .unwrap();
    let db = dir.path().join("x.db");
    let o = run(&[
        OsArg::from("ingest"),
        "--db".into(),
        db.clone().into(),
        input.clone().into(),
    ]);
    assert_status(&o, 1);
    assert!(
        stderr(&o).contains(&format!("{}:2:", input.display())),
        "{}",
        stderr(&o)
    );
    let o = run(&[
        OsArg::from("stats"),
        "--db".into(),
        db.into(),
        "--json".into(),
    ]);
    assert_status(&o, 0);
    let v: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(u64_field(&v["counts"], "documents"), 2, "{v}");
}

#[test]
fn events_exits_cleanly_when_stdout_is_closed() {
    let db = Db::ingested();
    for format in ["jsonl", "csv", "table"] {
        let o = run_with_closed_stdout(&[
            "events".into(),
            "--db".into(),
            db.path.clone().into(),
            "--format".into(),
            format.into(),
        ]);
        assert_status(&o, 0);
        assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
    }
}

// ------------------------------------------------------------------ lexicon

#[test]
fn lexicon_builtin_is_ok() {
    let o = run(&["lexicon"]);
    assert_status(&o, 0);
    let out = stdout(&o);
    assert!(out.starts_with("lexicon OK"), "{out}");
    for c in PLOVER {
        assert!(
            out.lines().any(|l| l.split_whitespace().next() == Some(c)),
            "no trigger count for {c}: {out}"
        );
    }
}

#[test]
fn lexicon_broken_file_is_fatal_and_located() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("actors")).unwrap();
    fs::write(
        dir.path().join("actors/a.txt"),
        "country | iraq | - | العراق |\n",
    )
    .unwrap();

    let as_arg = run(&[OsArg::from("lexicon"), dir.path().into()]);
    let as_flag = run(&[
        OsArg::from("--lexicon"),
        dir.path().into(),
        "code".into(),
        articles().into(),
    ]);
    for o in [&as_arg, &as_flag] {
        assert_status(o, 2);
        assert!(o.stdout.is_empty(), "{}", describe(o));
        let err = stderr(o);
        assert!(err.contains("a.txt:1"), "{err}");
        assert!(err.contains("iraq"), "{err}");
    }

    // The environment variable is the same as the flag.
    let o = marsad()
        .env("MARSAD_LEXICON", dir.path())
        .arg("lexicon")
        .output()
        .unwrap();
    assert_status(&o, 2);
    assert!(stderr(&o).contains("a.txt:1"), "{}", stderr(&o));
}

// ------------------------------------------------------------------ known bugs
//
// These pin CLI bugs found while writing this file; remove the `ignore` once fixed.

#[test]
fn lexicon_exits_cleanly_when_stdout_is_closed() {
    let o = run_with_closed_stdout(&["lexicon".into()]);
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
    assert_status(&o, 0);
}

#[test]
fn stats_exits_cleanly_when_stdout_is_closed() {
    let db = Db::ingested();
    let o = run_with_closed_stdout(&["stats".into(), "--db".into(), db.path.clone().into()]);
    assert_status(&o, 0);
    assert!(!stderr(&o).contains("Broken pipe"), "{}", stderr(&o));
}
