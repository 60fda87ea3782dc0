//! `marsad eval`: accuracy against the OEDA Arabic event gold standard (issue 3).
//!
//! Two measures, one subcommand each:
//!
//! * `marsad eval gsr --type ASSAULT FILE.csv` reads a GSR CSV file (`id, event_type, label,
//!   accept, reject, total, text`) and measures sentence-level detection. Every sentence is
//!   coded as its own document (its id, and the story date found in the id); it is a
//!   predicted positive when the default output of `marsad code` (factual events that pass the
//!   learned filter, see [`in_default_output`]) holds an event of the type. Label `yes` is positive, `easy no` and
//!   `difficult no` are negative, `ambiguous` is left out.
//! * `marsad eval spans --type ASSAULT FILE.json` reads a span file and, for the sentences
//!   where marsad codes a factual event of the type, checks the actor and recipient against
//!   the annotators' country and sector codes and their actor words (see [`gold_of`] for
//!   how the annotators' spans are combined).
//!
//! Sentences whose id holds no date (some PROTEST ids are hashes) are coded with an empty
//! date; only the office of dated office holders depends on it. Malformed rows or entries
//! are reported on stderr with their line or index and skipped; the command then exits
//! with status 1.

use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Subcommand;
use marsad_coder::{in_default_output, is_factual, Coder, DocumentRef, Entity, Event};
use marsad_text::normalize;
use rayon::prelude::*;
use serde_json::{json, Value};

use crate::{load_lexicon, Fatal};

/// The categories the OEDA gold standard annotates.
const EVENT_TYPES: [&str; 2] = ["ASSAULT", "PROTEST"];

#[derive(Subcommand)]
pub enum EvalCommand {
    /// Sentence-level precision/recall on a GSR CSV file.
    Gsr {
        /// ASSAULT or PROTEST.
        #[arg(long = "type")]
        event_type: String,
        /// GSR CSV file (id,event_type,label,accept,reject,total,text).
        file: PathBuf,
        /// Print the figures as one JSON object.
        #[arg(long)]
        json: bool,
        /// Also count events the learned filter scores low (as `marsad code
        /// --include-low-confidence`): the rule-based candidates alone.
        #[arg(long)]
        include_low_confidence: bool,
        /// List up to N false positives and N false negatives.
        #[arg(long, value_name = "N")]
        errors: Option<usize>,
    },
    /// Actor and recipient accuracy on a GSR span JSON file.
    Spans {
        /// ASSAULT or PROTEST.
        #[arg(long = "type")]
        event_type: String,
        /// Span JSON file (a list of sentences with annotators' spans).
        file: PathBuf,
        /// Print the figures as one JSON object.
        #[arg(long)]
        json: bool,
        /// Also count events the learned filter scores low (as `marsad code
        /// --include-low-confidence`): the rule-based candidates alone.
        #[arg(long)]
        include_low_confidence: bool,
        /// List up to N sentences where actor or recipient do not match the gold.
        #[arg(long, value_name = "N")]
        errors: Option<usize>,
    },
}

pub fn run(cmd: EvalCommand, lexicon: Option<&PathBuf>) -> Result<ExitCode, Fatal> {
    match cmd {
        EvalCommand::Gsr {
            event_type,
            file,
            json,
            include_low_confidence,
            errors,
        } => {
            let ty = event_type_arg(&event_type)?;
            let text = read_text(&file)?;
            let gsr = read_gsr(&text).map_err(|e| Fatal(format!("{}: {e}", file.display())))?;
            report_problems(&file, &gsr.problems, |p| format!("{}: skipped row", p.line));
            let coder = Coder::new(load_lexicon(lexicon)?);
            let select = Selection {
                include_low_confidence,
            };
            let report = evaluate_gsr(&coder, &gsr.rows, ty, select, errors.unwrap_or(0));
            warn_if_empty(&file, report.of_type, "rows", ty);
            let skipped = gsr.problems.len();
            let out = if json {
                gsr_json(&report, &file, skipped, errors.is_some()).to_string() + "\n"
            } else {
                gsr_human(&report, &file, skipped)
            };
            print_out(&out)?;
            Ok(exit_status(skipped))
        }
        EvalCommand::Spans {
            event_type,
            file,
            json,
            include_low_confidence,
            errors,
        } => {
            let ty = event_type_arg(&event_type)?;
            let text = read_text(&file)?;
            let spans = read_spans(&text).map_err(|e| Fatal(format!("{}: {e}", file.display())))?;
            report_problems(&file, &spans.problems, |p| {
                format!(" skipped entry {}", p.line)
            });
            let coder = Coder::new(load_lexicon(lexicon)?);
            let select = Selection {
                include_low_confidence,
            };
            let report = evaluate_spans(&coder, &spans.entries, ty, select, errors.unwrap_or(0));
            warn_if_empty(&file, report.of_type, "entries", ty);
            let skipped = spans.problems.len();
            let out = if json {
                spans_json(&report, &file, skipped, errors.is_some()).to_string() + "\n"
            } else {
                spans_human(&report, &file, skipped)
            };
            print_out(&out)?;
            Ok(exit_status(skipped))
        }
    }
}

/// Checks `--type` and returns its canonical (upper-case) spelling.
fn event_type_arg(s: &str) -> Result<&'static str, Fatal> {
    EVENT_TYPES
        .iter()
        .find(|t| t.eq_ignore_ascii_case(s.trim()))
        .copied()
        .ok_or_else(|| {
            Fatal(format!(
                "unknown --type '{s}' (the gold standard covers {})",
                EVENT_TYPES.join(" and ")
            ))
        })
}

fn read_text(file: &Path) -> Result<String, Fatal> {
    std::fs::read_to_string(file).map_err(|e| Fatal(format!("{}: {e}", file.display())))
}

/// Reports skipped rows or entries on stderr: `marsad: FILE:WHERE: MESSAGE`.
pub(crate) fn report_problems(
    file: &Path,
    problems: &[Problem],
    place: impl Fn(&Problem) -> String,
) {
    for p in problems {
        eprintln!("marsad: {}:{}: {}", file.display(), place(p), p.message);
    }
}

fn warn_if_empty(file: &Path, of_type: u64, what: &str, ty: &str) {
    if of_type == 0 {
        eprintln!(
            "marsad: warning: {} holds no {what} of type {ty}",
            file.display()
        );
    }
}

fn print_out(s: &str) -> Result<(), Fatal> {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    match out.write_all(s.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

pub(crate) fn exit_status(skipped: usize) -> ExitCode {
    if skipped > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

// ---------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------

/// One record of a CSV file: its fields and the 1-based line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvRecord {
    pub line: usize,
    pub fields: Vec<String>,
}

/// A record (or, for a JSON file, an entry) that could not be read, with the 1-based line
/// it starts on (the 0-based index for JSON entries).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub message: String,
}

/// Reads CSV text as RFC 4180 describes it: fields separated by commas, records by `\n`
/// or `\r\n`; a field that starts with `"` is quoted and may hold commas, line breaks and
/// doubled quotes (`""` for `"`). A quote inside an unquoted field is kept as a character.
/// A leading byte-order mark and blank lines are ignored.
///
/// Every record comes back in order, either read or as a [`Problem`]: text after a
/// closing quote (`"a"b`) spoils its record only; a quote left open runs to the end of
/// the text and spoils the record it started.
pub fn read_csv(text: &str) -> Vec<Result<CsvRecord, Problem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut line = 1;
    let mut record_line = 1;
    let mut in_quotes = false;
    let mut field_start = true;
    let mut after_quote = false;
    let mut bad: Option<String> = None;
    let mut chars = text.chars().peekable();

    let mut end_record = |fields: &mut Vec<String>,
                          field: &mut String,
                          after_quote: bool,
                          bad: &mut Option<String>,
                          record_line: usize| {
        if fields.is_empty() && field.is_empty() && !after_quote && bad.is_none() {
            return; // blank line
        }
        fields.push(std::mem::take(field));
        let fields = std::mem::take(fields);
        out.push(match bad.take() {
            Some(message) => Err(Problem {
                line: record_line,
                message,
            }),
            None => Ok(CsvRecord {
                line: record_line,
                fields,
            }),
        });
    };

    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => {
                    in_quotes = false;
                    after_quote = true;
                }
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            ',' => {
                fields.push(std::mem::take(&mut field));
                field_start = true;
                after_quote = false;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                end_record(&mut fields, &mut field, after_quote, &mut bad, record_line);
                line += 1;
                record_line = line;
                field_start = true;
                after_quote = false;
            }
            '"' if field_start => {
                in_quotes = true;
                field_start = false;
            }
            _ => {
                if after_quote && bad.is_none() {
                    bad = Some(format!(
                        "text after the closing quote of field {}",
                        fields.len() + 1
                    ));
                }
                field_start = false;
                field.push(c);
            }
        }
    }
    if in_quotes {
        bad = Some(format!(
            "quoted field {} is never closed (the rest of the file is lost)",
            fields.len() + 1
        ));
    }
    end_record(&mut fields, &mut field, after_quote, &mut bad, record_line);
    out
}

// ---------------------------------------------------------------------------------------
// GSR rows
// ---------------------------------------------------------------------------------------

/// The annotators' verdict on a GSR sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Yes,
    EasyNo,
    DifficultNo,
    Ambiguous,
}

impl Label {
    pub fn parse(s: &str) -> Option<Label> {
        match s.trim().to_ascii_lowercase().as_str() {
            "yes" => Some(Label::Yes),
            "easy no" => Some(Label::EasyNo),
            "difficult no" => Some(Label::DifficultNo),
            "ambiguous" => Some(Label::Ambiguous),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Label::Yes => "yes",
            Label::EasyNo => "easy no",
            Label::DifficultNo => "difficult no",
            Label::Ambiguous => "ambiguous",
        }
    }
}

/// One sentence of a GSR CSV file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GsrRow {
    /// Line of the file the row starts on.
    pub line: usize,
    /// Sentence id, e.g. `AAW_ARB_20071026.0026-2`.
    pub id: String,
    pub event_type: String,
    pub label: Label,
    /// Annotator votes, when the file has these columns.
    pub accept: Option<u32>,
    pub reject: Option<u32>,
    pub total: Option<u32>,
    pub text: String,
}

impl GsrRow {
    /// The story date, from the id.
    pub fn date(&self) -> Option<String> {
        date_from_id(&self.id)
    }
}

/// The rows of a GSR file, and the rows that could not be read.
#[derive(Debug, Default)]
pub struct GsrFile {
    pub rows: Vec<GsrRow>,
    pub problems: Vec<Problem>,
}

/// Reads a GSR CSV file. The header names the columns (any order; `id`, `event_type`,
/// `label` and `text` are required, `accept`, `reject` and `total` optional). Rows with the
/// wrong number of fields, an empty id, an unknown label or non-numeric votes are
/// problems; a missing or unreadable header is an error.
pub fn read_gsr(text: &str) -> Result<GsrFile, String> {
    let mut records = read_csv(text).into_iter();
    let header = match records.next() {
        None => return Err("empty file".into()),
        Some(Err(p)) => return Err(format!("line {}: bad header: {}", p.line, p.message)),
        Some(Ok(h)) => h,
    };
    let names: Vec<String> = header
        .fields
        .iter()
        .map(|f| f.trim().to_ascii_lowercase())
        .collect();
    let col = |name: &str| names.iter().position(|n| n == name);
    let need = |name: &str| col(name).ok_or_else(|| format!("the header has no '{name}' column"));
    let (c_id, c_type, c_label, c_text) = (
        need("id")?,
        need("event_type")?,
        need("label")?,
        need("text")?,
    );
    let (c_accept, c_reject, c_total) = (col("accept"), col("reject"), col("total"));

    let mut file = GsrFile::default();
    for rec in records {
        let rec = match rec {
            Ok(r) => r,
            Err(p) => {
                file.problems.push(p);
                continue;
            }
        };
        let problem = |message: String| Problem {
            line: rec.line,
            message,
        };
        if rec.fields.len() != names.len() {
            file.problems.push(problem(format!(
                "{} fields where the header has {}",
                rec.fields.len(),
                names.len()
            )));
            continue;
        }
        let f = &rec.fields;
        let id = f[c_id].trim().to_string();
        if id.is_empty() {
            file.problems.push(problem("empty id".into()));
            continue;
        }
        let Some(label) = Label::parse(&f[c_label]) else {
            file.problems
                .push(problem(format!("{id}: unknown label '{}'", f[c_label])));
            continue;
        };
        let votes =
            |c: Option<usize>| -> Result<Option<u32>, String> {
                match c {
                    None => Ok(None),
                    Some(c) => f[c].trim().parse::<u32>().map(Some).map_err(|_| {
                        format!("{id}: '{}' in column {} is not a count", f[c], names[c])
                    }),
                }
            };
        let (accept, reject, total) = match (votes(c_accept), votes(c_reject), votes(c_total)) {
            (Ok(a), Ok(r), Ok(t)) => (a, r, t),
            (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => {
                file.problems.push(problem(e));
                continue;
            }
        };
        file.rows.push(GsrRow {
            line: rec.line,
            id,
            event_type: f[c_type].trim().to_string(),
            label,
            accept,
            reject,
            total,
            text: f[c_text].clone(),
        });
    }
    Ok(file)
}

/// The story date of an OEDA sentence id: the first group of exactly eight digits that
/// follows an underscore and forms a real date, as `YYYY-MM-DD`
/// (`AAW_ARB_20071026.0026-2` gives `2007-10-26`). `None` when there is none (hashed ids).
pub fn date_from_id(id: &str) -> Option<String> {
    let b = id.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i - start == 8 && start > 0 && b[start - 1] == b'_' {
            let d = &id[start..i];
            let date = format!("{}-{}-{}", &d[0..4], &d[4..6], &d[6..8]);
            if marsad_input::is_valid_date(&date) {
                return Some(date);
            }
        }
    }
    None
}

// ---------------------------------------------------------------------------------------
// Metrics
// ---------------------------------------------------------------------------------------

/// `a / b`, or 0 when `b` is 0.
fn ratio(a: u64, b: u64) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Confusion counts of a binary decision.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Confusion {
    pub tp: u64,
    pub fp: u64,
    pub fn_: u64,
    pub tn: u64,
}

impl Confusion {
    /// Counts one decision.
    pub fn add(&mut self, gold: bool, predicted: bool) {
        match (gold, predicted) {
            (true, true) => self.tp += 1,
            (false, true) => self.fp += 1,
            (true, false) => self.fn_ += 1,
            (false, false) => self.tn += 1,
        }
    }

    /// tp / (tp + fp), 0 when nothing was predicted.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// tp / (tp + fn), 0 when there are no positives.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// Harmonic mean of precision and recall, 0 when both are 0.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    /// fp / (fp + tn): the share of negatives predicted positive, 0 without negatives.
    pub fn fp_rate(&self) -> f64 {
        ratio(self.fp, self.fp + self.tn)
    }

    /// Gold positives.
    pub fn positives(&self) -> u64 {
        self.tp + self.fn_
    }

    /// Gold negatives.
    pub fn negatives(&self) -> u64 {
        self.fp + self.tn
    }
}

/// Hits out of the cases that count.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Ratio {
    pub hits: u64,
    pub total: u64,
}

impl Ratio {
    /// Counts one case when it counts (`Some`), as a hit when `true`.
    pub fn add(&mut self, outcome: Option<bool>) {
        if let Some(hit) = outcome {
            self.total += 1;
            self.hits += u64::from(hit);
        }
    }

    /// hits / total, 0 when nothing counted.
    pub fn rate(&self) -> f64 {
        ratio(self.hits, self.total)
    }
}

// ---------------------------------------------------------------------------------------
// Coding and error cases
// ---------------------------------------------------------------------------------------

/// Codes one sentence as its own document; returns all its events, factual or not.
fn code_sentence(coder: &Coder, id: &str, date: Option<&str>, text: &str) -> Vec<Event> {
    coder
        .code(&DocumentRef {
            id,
            text,
            date: date.unwrap_or(""),
            title: None,
            url: None,
            source: None,
        })
        .events
}

/// Which coded events count as predictions.
#[derive(Debug, Clone, Copy, Default)]
pub struct Selection {
    /// Count events under the learned filter's threshold too.
    pub include_low_confidence: bool,
}

impl Selection {
    fn counts(&self, e: &Event) -> bool {
        if self.include_low_confidence {
            is_factual(e)
        } else {
            in_default_output(e)
        }
    }
}

/// The events of `events` of category `ty` that count as predictions: by default those
/// that `marsad code` prints by default.
fn factual_of_type<'a>(events: &'a [Event], ty: &str, select: Selection) -> Vec<&'a Event> {
    events
        .iter()
        .filter(|e| select.counts(e) && e.event.iter().any(|c| c == ty))
        .collect()
}

/// A sentence listed for error analysis.
#[derive(Debug, Clone)]
pub struct Case {
    pub id: String,
    /// The gold label (gsr) or what did not match (spans).
    pub label: String,
    pub text: String,
    /// Everything marsad coded in the sentence, factual or not.
    pub events: Vec<Event>,
}

fn entity_brief(e: &Entity) -> String {
    let mut s = e.code.clone().unwrap_or_else(|| "---".into());
    let sectors: Vec<&str> = e
        .sector
        .iter()
        .chain(&e.other_sectors)
        .map(String::as_str)
        .collect();
    if !sectors.is_empty() {
        s.push('/');
        s.push_str(&sectors.join("+"));
    }
    let _ = write!(s, "«{}»", e.entity_text);
    s
}

fn entities_brief(v: &[Entity]) -> String {
    if v.is_empty() {
        "-".into()
    } else {
        v.iter().map(entity_brief).collect::<Vec<_>>().join(" ")
    }
}

fn event_brief(e: &Event) -> String {
    let aux = if e.aux_mode.is_empty() {
        "-".to_string()
    } else {
        e.aux_mode.join(",")
    };
    format!(
        "{} actor {} recipient {} aux {} trigger «{}»",
        e.event.join("+"),
        entities_brief(&e.actor),
        entities_brief(&e.recipient),
        aux,
        e.event_text.join(" … ")
    )
}

fn entity_json(e: &Entity) -> Value {
    json!({
        "code": e.code,
        "sector": e.sector,
        "other_sectors": e.other_sectors,
        "text": e.entity_text,
    })
}

fn event_json(e: &Event) -> Value {
    json!({
        "event": e.event,
        "factual": in_default_output(e),
        "actor": e.actor.iter().map(entity_json).collect::<Vec<_>>(),
        "recipient": e.recipient.iter().map(entity_json).collect::<Vec<_>>(),
        "aux_mode": e.aux_mode,
        "trigger": e.event_text,
    })
}

fn case_json(c: &Case) -> Value {
    json!({
        "id": c.id,
        "label": c.label,
        "text": c.text,
        "events": c.events.iter().map(event_json).collect::<Vec<_>>(),
    })
}

fn cases_human(out: &mut String, title: &str, shown: &[Case], of: u64) {
    let _ = writeln!(out, "\n{title} ({} of {of}):", shown.len());
    for c in shown {
        let _ = writeln!(out, "  {} [{}]", c.id, c.label);
        let _ = writeln!(out, "    {}", c.text.replace('\n', " "));
        if c.events.is_empty() {
            let _ = writeln!(out, "    (no events)");
        }
        for e in &c.events {
            let _ = writeln!(out, "    - {}", event_brief(e));
        }
    }
}

// ---------------------------------------------------------------------------------------
// gsr
// ---------------------------------------------------------------------------------------

/// The result of `eval gsr`.
#[derive(Debug, Default)]
pub struct GsrReport {
    pub event_type: String,
    /// Rows read (all types).
    pub rows: u64,
    /// Rows of the evaluated type.
    pub of_type: u64,
    /// Rows of the type labelled `ambiguous` (left out).
    pub ambiguous: u64,
    /// Rows of the type whose id holds no date.
    pub undated: u64,
    /// All positives and negatives.
    pub all: Confusion,
    /// Rows labelled `easy no` (fp and tn only).
    pub easy_no: Confusion,
    /// Rows labelled `difficult no` (fp and tn only).
    pub difficult_no: Confusion,
    pub false_positives: Vec<Case>,
    pub false_negatives: Vec<Case>,
}

/// Codes the rows of type `ty` and counts; keeps up to `max_errors` false positives and
/// as many false negatives (in file order).
pub fn evaluate_gsr(
    coder: &Coder,
    rows: &[GsrRow],
    ty: &str,
    select: Selection,
    max_errors: usize,
) -> GsrReport {
    let mut r = GsrReport {
        event_type: ty.to_string(),
        rows: rows.len() as u64,
        ..GsrReport::default()
    };
    let rows: Vec<&GsrRow> = rows
        .iter()
        .filter(|row| row.event_type.eq_ignore_ascii_case(ty))
        .collect();
    r.of_type = rows.len() as u64;
    let coded: Vec<(Option<String>, Vec<Event>)> = rows
        .par_iter()
        .map(|row| {
            let date = row.date();
            let events = if row.label == Label::Ambiguous {
                Vec::new()
            } else {
                code_sentence(coder, &row.id, date.as_deref(), &row.text)
            };
            (date, events)
        })
        .collect();
    for (row, (date, events)) in rows.into_iter().zip(coded) {
        if date.is_none() {
            r.undated += 1;
        }
        let gold = match row.label {
            Label::Ambiguous => {
                r.ambiguous += 1;
                continue;
            }
            Label::Yes => true,
            Label::EasyNo | Label::DifficultNo => false,
        };
        let predicted = !factual_of_type(&events, ty, select).is_empty();
        r.all.add(gold, predicted);
        match row.label {
            Label::EasyNo => r.easy_no.add(gold, predicted),
            Label::DifficultNo => r.difficult_no.add(gold, predicted),
            _ => {}
        }
        let list = match (gold, predicted) {
            (false, true) => &mut r.false_positives,
            (true, false) => &mut r.false_negatives,
            _ => continue,
        };
        if list.len() < max_errors {
            list.push(Case {
                id: row.id.clone(),
                label: row.label.as_str().to_string(),
                text: row.text.clone(),
                events,
            });
        }
    }
    r
}

fn negatives_json(c: &Confusion) -> Value {
    json!({"count": c.negatives(), "fp": c.fp, "tn": c.tn, "fp_rate": c.fp_rate()})
}

/// The `--json` object of `eval gsr`.
fn gsr_json(r: &GsrReport, file: &Path, skipped: usize, with_errors: bool) -> Value {
    let mut v = json!({
        "command": "gsr",
        "event_type": r.event_type,
        "file": file.display().to_string(),
        "rows": r.rows,
        "rows_of_type": r.of_type,
        "skipped": skipped,
        "undated": r.undated,
        "positives": r.all.positives(),
        "negatives": r.all.negatives(),
        "ambiguous": r.ambiguous,
        "tp": r.all.tp,
        "fp": r.all.fp,
        "fn": r.all.fn_,
        "tn": r.all.tn,
        "precision": r.all.precision(),
        "recall": r.all.recall(),
        "f1": r.all.f1(),
        "easy_no": negatives_json(&r.easy_no),
        "difficult_no": negatives_json(&r.difficult_no),
    });
    if with_errors {
        v["false_positives"] = r.false_positives.iter().map(case_json).collect();
        v["false_negatives"] = r.false_negatives.iter().map(case_json).collect();
    }
    v
}

/// The human report of `eval gsr`.
fn gsr_human(r: &GsrReport, file: &Path, skipped: usize) -> String {
    let mut s = String::new();
    let c = &r.all;
    let _ = writeln!(
        s,
        "{} on {}: {} of {} rows (yes {}, easy no {}, difficult no {}; ambiguous {} left out)",
        r.event_type,
        file.display(),
        r.of_type,
        r.rows,
        c.positives(),
        r.easy_no.negatives(),
        r.difficult_no.negatives(),
        r.ambiguous
    );
    if skipped > 0 {
        let _ = writeln!(s, "  {skipped} malformed rows skipped");
    }
    if r.undated > 0 {
        let _ = writeln!(
            s,
            "  {} rows have no date in their id (coded with an empty date)",
            r.undated
        );
    }
    let _ = writeln!(
        s,
        "precision {:.3}  recall {:.3}  F1 {:.3}",
        c.precision(),
        c.recall(),
        c.f1()
    );
    let _ = writeln!(s, "tp {}  fp {}  fn {}  tn {}", c.tp, c.fp, c.fn_, c.tn);
    for (name, g) in [("easy no", &r.easy_no), ("difficult no", &r.difficult_no)] {
        let _ = writeln!(
            s,
            "{name:<13} fp {:>4} of {:>4}  fp rate {:.3}",
            g.fp,
            g.negatives(),
            g.fp_rate()
        );
    }
    if !r.false_positives.is_empty() {
        cases_human(&mut s, "false positives", &r.false_positives, c.fp);
    }
    if !r.false_negatives.is_empty() {
        cases_human(&mut s, "false negatives", &r.false_negatives, c.fn_);
    }
    s
}

// ---------------------------------------------------------------------------------------
// Span files
// ---------------------------------------------------------------------------------------

/// One annotator's reading of a sentence. Role codes are `None` where the annotator gave
/// none (`"None"`, `null`, empty, missing, or a role that is not an object).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnnotatorSpan {
    pub source_actor: Vec<String>,
    pub target_actor: Vec<String>,
    pub source_main: Option<String>,
    pub source_role: Option<String>,
    pub target_main: Option<String>,
    pub target_role: Option<String>,
}

/// One sentence of a span file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpanEntry {
    /// 0-based position in the file.
    pub index: usize,
    /// The sentence id (`source`); some files hold a publication name instead.
    pub source: String,
    pub text: String,
    pub event_type: String,
    pub spans: Vec<AnnotatorSpan>,
    /// Adjudicated actor and target words, empty when absent.
    pub source_gold: String,
    pub target_gold: String,
}

/// The entries of a span file, and those that could not be read (`line` is the index).
#[derive(Debug, Default)]
pub struct SpanFile {
    pub entries: Vec<SpanEntry>,
    pub problems: Vec<Problem>,
}

/// Reads a span file: a JSON list of sentence objects. A file that is not a JSON list is
/// an error; an entry that cannot be read is a problem (see [`parse_span_entry`]).
pub fn read_spans(text: &str) -> Result<SpanFile, String> {
    let v: Value = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
    let Value::Array(items) = v else {
        return Err("not a JSON list".into());
    };
    let mut file = SpanFile::default();
    for (i, item) in items.iter().enumerate() {
        match parse_span_entry(i, item) {
            Ok(e) => file.entries.push(e),
            Err(message) => file.problems.push(Problem { line: i, message }),
        }
    }
    Ok(file)
}

/// A role code, or `None` for `"None"`, `null`, empty or missing.
fn role_code(role: Option<&Value>, key: &str) -> Option<String> {
    match role?.get(key)? {
        Value::String(s) => {
            let s = s.trim();
            (!s.is_empty() && !s.eq_ignore_ascii_case("none")).then(|| s.to_string())
        }
        _ => None,
    }
}

fn tokens(v: Option<&Value>, what: &str) -> Result<Vec<String>, String> {
    match v {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::String(s)) => Ok(s.split_whitespace().map(str::to_string).collect()),
        Some(Value::Array(a)) => a
            .iter()
            .map(|t| {
                t.as_str()
                    .map(str::to_string)
                    .ok_or_else(|| format!("{what} holds a non-string token"))
            })
            .collect(),
        Some(_) => Err(format!("{what} is not a token list")),
    }
}

fn optional_string(v: &Value, key: &str) -> Result<String, String> {
    match v.get(key) {
        None | Some(Value::Null) => Ok(String::new()),
        Some(Value::String(s)) => Ok(s.trim().to_string()),
        Some(_) => Err(format!("'{key}' is not a string")),
    }
}

/// Reads one entry of a span file. `text`, `event_type` (strings) and `spans` (a list of
/// objects) are required; `source`, `source_gold`, `target_gold` and each span's fields are
/// optional. A role that is not an object (`"UNKNOWN"`, `{}`) gives no codes.
pub fn parse_span_entry(index: usize, v: &Value) -> Result<SpanEntry, String> {
    if !v.is_object() {
        return Err("not an object".into());
    }
    let text = v
        .get("text")
        .and_then(Value::as_str)
        .ok_or("no 'text' string")?
        .to_string();
    let event_type = v
        .get("event_type")
        .and_then(Value::as_str)
        .ok_or("no 'event_type' string")?
        .trim()
        .to_string();
    let Some(Value::Array(raw_spans)) = v.get("spans") else {
        return Err("no 'spans' list".into());
    };
    let mut spans = Vec::with_capacity(raw_spans.len());
    for (j, s) in raw_spans.iter().enumerate() {
        if !s.is_object() {
            return Err(format!("span {j} is not an object"));
        }
        let role = |k: &str| s.get(k).filter(|r| r.is_object());
        spans.push(AnnotatorSpan {
            source_actor: tokens(s.get("source_actor"), &format!("span {j} source_actor"))?,
            target_actor: tokens(s.get("target_actor"), &format!("span {j} target_actor"))?,
            source_main: role_code(role("source_role"), "main"),
            source_role: role_code(role("source_role"), "role"),
            target_main: role_code(role("target_role"), "main"),
            target_role: role_code(role("target_role"), "role"),
        });
    }
    let source = optional_string(v, "source")?;
    Ok(SpanEntry {
        index,
        source: if source.is_empty() {
            format!("#{index}")
        } else {
            source
        },
        text,
        event_type,
        spans,
        source_gold: optional_string(v, "source_gold")?,
        target_gold: optional_string(v, "target_gold")?,
    })
}

/// The gold for one side (actor or recipient) of a sentence; `None` where the gold gives
/// no value.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GoldSide {
    pub country: Option<String>,
    pub sector: Option<String>,
    pub text: Option<String>,
}

/// The gold of a sentence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Gold {
    pub source: GoldSide,
    pub target: GoldSide,
}

/// The value given most often, or `None` when no value is given or the top values tie.
pub fn majority<'a>(values: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let counts = tally(values);
    let top = counts.iter().map(|&(_, n)| n).max()?;
    let mut winners = counts.iter().filter(|&&(_, n)| n == top);
    let (v, _) = winners.next()?;
    winners.next().is_none().then(|| v.to_string())
}

/// The value given most often, ties going to the one given first.
fn plurality<'a>(values: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let counts = tally(values);
    let top = counts.iter().map(|&(_, n)| n).max()?;
    counts
        .into_iter()
        .find(|&(_, n)| n == top)
        .map(|(v, _)| v.to_string())
}

/// Counts values in first-seen order.
fn tally<'a>(values: impl IntoIterator<Item = &'a str>) -> Vec<(&'a str, usize)> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for v in values {
        match counts.iter_mut().find(|(k, _)| *k == v) {
            Some((_, n)) => *n += 1,
            None => counts.push((v, 1)),
        }
    }
    counts
}

/// The gold of a sentence, from its annotators' spans.
///
/// **Codes.** Each of the four codes (actor country = `source_role.main`, actor sector =
/// `source_role.role`, recipient country = `target_role.main`, recipient sector =
/// `target_role.role`) is decided on its own, by majority over the spans that give a
/// value: `"None"`, `null`, empty and missing values (and roles that are not objects) are
/// ignored, the most frequent remaining value is the gold, and a tie between the most
/// frequent values (or no value at all) gives no gold, so the sentence does not count for
/// that code. One annotator's `IRQ` against two `"None"` thus makes `IRQ` the gold.
///
/// **Words.** The actor words are `source_gold` when it is non-empty; otherwise the
/// annotators' `source_actor` tokens joined with spaces, taking the span most often given
/// (ties go to the first annotator's, empty spans are ignored). The recipient words
/// likewise, from `target_gold` and `target_actor`.
pub fn gold_of(entry: &SpanEntry) -> Gold {
    let codes = |f: fn(&AnnotatorSpan) -> &Option<String>| {
        majority(entry.spans.iter().filter_map(|s| f(s).as_deref()))
    };
    let words = |gold: &str, f: fn(&AnnotatorSpan) -> &Vec<String>| -> Option<String> {
        if !gold.trim().is_empty() {
            return Some(gold.trim().to_string());
        }
        let joined: Vec<String> = entry
            .spans
            .iter()
            .map(|s| f(s).join(" ").trim().to_string())
            .filter(|t| !t.is_empty())
            .collect();
        plurality(joined.iter().map(String::as_str))
    };
    Gold {
        source: GoldSide {
            country: codes(|s| &s.source_main),
            sector: codes(|s| &s.source_role),
            text: words(&entry.source_gold, |s| &s.source_actor),
        },
        target: GoldSide {
            country: codes(|s| &s.target_main),
            sector: codes(|s| &s.target_role),
            text: words(&entry.target_gold, |s| &s.target_actor),
        },
    }
}

/// How marsad's entities for one side of a sentence compare with the gold; `None` where
/// the gold gives no value.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SideJudgement {
    pub found: bool,
    pub country: Option<bool>,
    pub sector: Option<bool>,
    pub text: Option<bool>,
}

impl SideJudgement {
    fn failures(&self, side: &str) -> Vec<String> {
        [
            ("country", self.country),
            ("sector", self.sector),
            ("text", self.text),
        ]
        .iter()
        .filter(|(_, ok)| *ok == Some(false))
        .map(|(what, _)| format!("{side} {what}"))
        .collect()
    }
}

/// Compares one side of a sentence with the gold. `lists` holds that side's entities for
/// each of marsad's events; a sentence is credited when any event gets it right. Country:
/// an entity has the gold code. Sector: an entity has the gold sector as primary or other
/// sector. Text: the gold words are inside the entities' words joined with spaces, both
/// normalised ([`normalize()`]).
pub fn judge_side(lists: &[&[Entity]], gold: &GoldSide) -> SideJudgement {
    let any_entity = |pred: &dyn Fn(&Entity) -> bool| lists.iter().any(|l| l.iter().any(pred));
    let eq = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b.trim());
    SideJudgement {
        found: lists.iter().any(|l| !l.is_empty()),
        country: gold
            .country
            .as_deref()
            .map(|g| any_entity(&|e: &Entity| e.code.as_deref().is_some_and(|c| eq(c, g)))),
        sector: gold.sector.as_deref().map(|g| {
            any_entity(&|e: &Entity| e.sector.iter().chain(&e.other_sectors).any(|s| eq(s, g)))
        }),
        text: gold
            .text
            .as_deref()
            .map(normalize)
            .filter(|g| !g.is_empty())
            .map(|g| {
                lists.iter().any(|l| {
                    let joined: Vec<&str> = l.iter().map(|e| e.entity_text.as_str()).collect();
                    normalize(&joined.join(" ")).contains(&g)
                })
            }),
    }
}

/// The figures for one side (actor or recipient).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct SideMetrics {
    /// Sentences where marsad names at least one entity on this side (of those coded).
    pub found: Ratio,
    pub country: Ratio,
    pub sector: Ratio,
    pub text: Ratio,
}

impl SideMetrics {
    fn add(&mut self, j: &SideJudgement) {
        self.found.add(Some(j.found));
        self.country.add(j.country);
        self.sector.add(j.sector);
        self.text.add(j.text);
    }
}

/// The result of `eval spans`.
#[derive(Debug, Default)]
pub struct SpansReport {
    pub event_type: String,
    /// Entries read (all types).
    pub entries: u64,
    /// Entries of the evaluated type.
    pub of_type: u64,
    /// Entries of the type whose source holds no date.
    pub undated: u64,
    /// Entries where marsad codes a factual event of the type.
    pub coded: u64,
    /// Coded entries with more than one such event.
    pub several_events: u64,
    pub actor: SideMetrics,
    pub recipient: SideMetrics,
    pub mismatches: Vec<Case>,
    /// Coded entries with at least one check failed.
    pub mismatched: u64,
}

/// `IRQ/MIL«words»`, with `?` for a code the gold does not give; `-` when it gives nothing.
fn gold_brief(g: &GoldSide) -> String {
    if *g == GoldSide::default() {
        return "-".into();
    }
    let mut s = format!(
        "{}/{}",
        g.country.as_deref().unwrap_or("?"),
        g.sector.as_deref().unwrap_or("?")
    );
    if let Some(t) = &g.text {
        let _ = write!(s, "«{t}»");
    }
    s
}

/// Codes the entries of type `ty` and compares; keeps up to `max_errors` mismatches.
pub fn evaluate_spans(
    coder: &Coder,
    entries: &[SpanEntry],
    ty: &str,
    select: Selection,
    max_errors: usize,
) -> SpansReport {
    let mut r = SpansReport {
        event_type: ty.to_string(),
        entries: entries.len() as u64,
        ..SpansReport::default()
    };
    let entries: Vec<&SpanEntry> = entries
        .iter()
        .filter(|e| e.event_type.eq_ignore_ascii_case(ty))
        .collect();
    r.of_type = entries.len() as u64;
    let coded: Vec<(Option<String>, Vec<Event>)> = entries
        .par_iter()
        .map(|e| {
            let date = date_from_id(&e.source);
            let events = code_sentence(coder, &e.source, date.as_deref(), &e.text);
            (date, events)
        })
        .collect();
    for (entry, (date, events)) in entries.into_iter().zip(coded) {
        if date.is_none() {
            r.undated += 1;
        }
        let hits = factual_of_type(&events, ty, select);
        if hits.is_empty() {
            continue;
        }
        r.coded += 1;
        if hits.len() > 1 {
            r.several_events += 1;
        }
        let gold = gold_of(entry);
        let actors: Vec<&[Entity]> = hits.iter().map(|e| e.actor.as_slice()).collect();
        let recipients: Vec<&[Entity]> = hits.iter().map(|e| e.recipient.as_slice()).collect();
        let a = judge_side(&actors, &gold.source);
        let t = judge_side(&recipients, &gold.target);
        r.actor.add(&a);
        r.recipient.add(&t);
        let mut failed = a.failures("actor");
        failed.extend(t.failures("recipient"));
        if failed.is_empty() {
            continue;
        }
        r.mismatched += 1;
        if r.mismatches.len() < max_errors {
            r.mismatches.push(Case {
                id: format!("{} (#{})", entry.source, entry.index),
                label: format!(
                    "wrong {}; gold actor {} recipient {}",
                    failed.join(", "),
                    gold_brief(&gold.source),
                    gold_brief(&gold.target)
                ),
                text: entry.text.clone(),
                events,
            });
        }
    }
    r
}

fn ratio_json(x: &Ratio) -> Value {
    json!({"hits": x.hits, "total": x.total, "rate": x.rate()})
}

fn side_json(m: &SideMetrics) -> Value {
    json!({
        "found": ratio_json(&m.found),
        "country": ratio_json(&m.country),
        "sector": ratio_json(&m.sector),
        "text": ratio_json(&m.text),
    })
}

/// The `--json` object of `eval spans`.
fn spans_json(r: &SpansReport, file: &Path, skipped: usize, with_errors: bool) -> Value {
    let mut v = json!({
        "command": "spans",
        "event_type": r.event_type,
        "file": file.display().to_string(),
        "entries": r.entries,
        "entries_of_type": r.of_type,
        "skipped": skipped,
        "undated": r.undated,
        "coded": r.coded,
        "coverage": ratio(r.coded, r.of_type),
        "several_events": r.several_events,
        "mismatched": r.mismatched,
        "actor": side_json(&r.actor),
        "recipient": side_json(&r.recipient),
    });
    if with_errors {
        v["mismatches"] = r.mismatches.iter().map(case_json).collect();
    }
    v
}

/// The human report of `eval spans`.
fn spans_human(r: &SpansReport, file: &Path, skipped: usize) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} spans on {}: {} of {} sentences; marsad codes a factual {} in {} ({:.3}), {} of them with several",
        r.event_type,
        file.display(),
        r.of_type,
        r.entries,
        r.event_type,
        r.coded,
        ratio(r.coded, r.of_type),
        r.several_events
    );
    if skipped > 0 {
        let _ = writeln!(s, "  {skipped} malformed entries skipped");
    }
    if r.undated > 0 {
        let _ = writeln!(
            s,
            "  {} sentences have no date in their id (coded with an empty date)",
            r.undated
        );
    }
    let _ = writeln!(
        s,
        "(over the sentences marsad codes; country, sector and words only where the gold gives them)"
    );
    let cell = |x: &Ratio| format!("{:>3}/{:<3} {:.3}", x.hits, x.total, x.rate());
    let _ = writeln!(
        s,
        "{:<10} {:<16} {:<16} {:<16} {:<16}",
        "", "found", "country", "sector", "words in span"
    );
    for (name, m) in [("actor", &r.actor), ("recipient", &r.recipient)] {
        let _ = writeln!(
            s,
            "{name:<10} {:<16} {:<16} {:<16} {:<16}",
            cell(&m.found),
            cell(&m.country),
            cell(&m.sector),
            cell(&m.text)
        );
    }
    let _ = writeln!(
        s,
        "{} of {} coded sentences have a mismatch",
        r.mismatched, r.coded
    );
    if !r.mismatches.is_empty() {
        cases_human(&mut s, "mismatches", &r.mismatches, r.mismatched);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(r: &Result<CsvRecord, Problem>) -> Vec<&str> {
        r.as_ref()
            .unwrap()
            .fields
            .iter()
            .map(String::as_str)
            .collect()
    }

    #[test]
    fn csv_plain_and_quoted_fields() {
        let recs = read_csv("a,b,c\n1,\"x, y\",3\n");
        assert_eq!(recs.len(), 2);
        assert_eq!(fields(&recs[0]), ["a", "b", "c"]);
        assert_eq!(fields(&recs[1]), ["1", "x, y", "3"]);
        assert_eq!(recs[1].as_ref().unwrap().line, 2);
    }

    #[test]
    fn csv_doubled_quotes_and_empty_fields() {
        let recs = read_csv("\"he said \"\"no\"\"\",,\"\"\n");
        assert_eq!(fields(&recs[0]), ["he said \"no\"", "", ""]);
        // A quote inside an unquoted field is a character.
        let recs = read_csv("a\"b,c");
        assert_eq!(fields(&recs[0]), ["a\"b", "c"]);
    }

    #[test]
    fn csv_newlines_in_quotes_keep_line_numbers() {
        let text = "id,text\n1,\"line one\nline two, still\r\nthree\"\n2,next\r\n\n3,last";
        let recs = read_csv(text);
        assert_eq!(recs.len(), 4);
        assert_eq!(
            fields(&recs[1]),
            ["1", "line one\nline two, still\r\nthree"]
        );
        assert_eq!(recs[1].as_ref().unwrap().line, 2);
        assert_eq!(fields(&recs[2]), ["2", "next"]);
        assert_eq!(recs[2].as_ref().unwrap().line, 5);
        // The blank line 6 is skipped; no newline at the end of the text.
        assert_eq!(fields(&recs[3]), ["3", "last"]);
        assert_eq!(recs[3].as_ref().unwrap().line, 7);
    }

    #[test]
    fn csv_bom_is_ignored() {
        let recs = read_csv("\u{feff}id,text\n");
        assert_eq!(fields(&recs[0]), ["id", "text"]);
    }

    #[test]
    fn csv_malformed_records_are_reported_and_reading_goes_on() {
        let recs = read_csv("1,\"ab\"c,d\n2,ok\n3,\"never closed\n4,x\n");
        assert_eq!(recs.len(), 3);
        let p = recs[0].as_ref().unwrap_err();
        assert_eq!(p.line, 1);
        assert!(p.message.contains("field 2"), "{}", p.message);
        assert_eq!(fields(&recs[1]), ["2", "ok"]);
        let p = recs[2].as_ref().unwrap_err();
        assert_eq!(p.line, 3);
        assert!(p.message.contains("never closed"), "{}", p.message);
    }

    const GSR: &str = "id,event_type,label,accept,reject,total,text\n\
        AAW_ARB_20071026.0026-2,ASSAULT,yes,3,0,3,\"هاجم مسلحون، قرية\"\n\
        AAW_ARB_20071026.0026-3,ASSAULT,difficult no,1,2,3,نص\n\
        AAW_ARB_20071026.0026-4,ASSAULT,maybe,1,2,3,نص\n\
        AAW_ARB_20071026.0026-5,ASSAULT,yes,x,2,3,نص\n\
        AAW_ARB_20071026.0026-6,ASSAULT,yes,3\n\
        abc_1,PROTEST,Easy No,0,3,3,\"قال \"\"لا\"\"\nثم\"\n";

    #[test]
    fn gsr_rows_and_problems() {
        let f = read_gsr(GSR).unwrap();
        assert_eq!(f.rows.len(), 3);
        let r = &f.rows[0];
        assert_eq!(r.id, "AAW_ARB_20071026.0026-2");
        assert_eq!(r.label, Label::Yes);
        assert_eq!((r.accept, r.reject, r.total), (Some(3), Some(0), Some(3)));
        assert_eq!(r.text, "هاجم مسلحون، قرية");
        assert_eq!(r.date().as_deref(), Some("2007-10-26"));
        assert_eq!(f.rows[1].label, Label::DifficultNo);
        let last = &f.rows[2];
        assert_eq!((last.label, last.line), (Label::EasyNo, 7));
        assert_eq!(last.text, "قال \"لا\"\nثم");
        assert_eq!(last.date(), None);
        let lines: Vec<usize> = f.problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [4, 5, 6]);
        assert!(f.problems[0].message.contains("maybe"));
        assert!(f.problems[2].message.contains("4 fields"));
    }

    #[test]
    fn gsr_header_must_name_the_columns() {
        assert!(read_gsr("").is_err());
        assert!(read_gsr("id,label,text\n")
            .unwrap_err()
            .contains("event_type"));
        // Optional vote columns, any order.
        let f = read_gsr("text,label,event_type,id\nنص,ambiguous,PROTEST,x\n").unwrap();
        assert_eq!(f.rows[0].label, Label::Ambiguous);
        assert_eq!(f.rows[0].accept, None);
    }

    #[test]
    fn date_from_sentence_id() {
        assert_eq!(
            date_from_id("AAW_ARB_20071026.0026-2").as_deref(),
            Some("2007-10-26")
        );
        assert_eq!(
            date_from_id("AFP_ARB_20080229.0001").as_deref(),
            Some("2008-02-29")
        );
        assert_eq!(date_from_id("AAW_ARB_20071399.0026-2"), None);
        assert_eq!(date_from_id("AAW_ARB_2007102.0026"), None);
        assert_eq!(date_from_id("20071026.0026"), None);
        assert_eq!(date_from_id("e6874d82b9c4d0106356e6aa_36"), None);
        assert_eq!(date_from_id("As-Safir (Arabic)"), None);
    }

    #[test]
    fn confusion_arithmetic() {
        let c = Confusion {
            tp: 6,
            fp: 2,
            fn_: 4,
            tn: 88,
        };
        assert!((c.precision() - 0.75).abs() < 1e-12);
        assert!((c.recall() - 0.6).abs() < 1e-12);
        assert!((c.f1() - 2.0 * 0.75 * 0.6 / 1.35).abs() < 1e-12);
        assert!((c.fp_rate() - 2.0 / 90.0).abs() < 1e-12);
        assert_eq!((c.positives(), c.negatives()), (10, 90));

        let zero = Confusion::default();
        assert_eq!(
            (zero.precision(), zero.recall(), zero.f1(), zero.fp_rate()),
            (0.0, 0.0, 0.0, 0.0)
        );
        let mut c = Confusion::default();
        for (g, p) in [(true, true), (true, false), (false, true), (false, false)] {
            c.add(g, p);
        }
        assert_eq!(
            c,
            Confusion {
                tp: 1,
                fp: 1,
                fn_: 1,
                tn: 1
            }
        );
        // No true positive: precision and recall are 0, so is F1.
        let c = Confusion {
            tp: 0,
            fp: 3,
            fn_: 2,
            tn: 0,
        };
        assert_eq!(c.f1(), 0.0);
    }

    #[test]
    fn ratio_counts_only_what_counts() {
        let mut r = Ratio::default();
        r.add(Some(true));
        r.add(None);
        r.add(Some(false));
        r.add(Some(true));
        assert_eq!((r.hits, r.total), (2, 3));
        assert!((r.rate() - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(Ratio::default().rate(), 0.0);
    }

    #[test]
    fn majority_rule() {
        assert_eq!(majority(["IRQ", "IRQ", "USA"]).as_deref(), Some("IRQ"));
        assert_eq!(majority(["IRQ"]).as_deref(), Some("IRQ"));
        assert_eq!(majority(["IRQ", "USA"]), None);
        assert_eq!(majority(Vec::<&str>::new()), None);
        assert_eq!(plurality(["a b", "c", "c", "a b"]).as_deref(), Some("a b"));
    }

    fn entry(v: Value) -> SpanEntry {
        parse_span_entry(0, &v).unwrap()
    }

    #[test]
    fn gold_majority_ignores_none_and_missing() {
        let e = entry(json!({
            "source": "AAW_ARB_20070104.0071-8",
            "text": "وخطفت الحركة عشرات العاملين الاجانب",
            "event_type": "ASSAULT",
            "spans": [
                {"source_actor": ["الحركة"], "target_actor": ["العاملين", "الاجانب"],
                 "source_role": {"main": "None", "role": "REB"},
                 "target_role": {"main": "INT", "role": "CVL"}},
                {"source_actor": ["الحركة"], "target_actor": ["العاملين"],
                 "source_role": {"main": "IRQ", "role": null},
                 "target_role": {"main": "USA", "role": "CVL"}},
                {"source_actor": ["عشرات"], "target_actor": ["العاملين", "الاجانب"],
                 "source_role": "UNKNOWN",
                 "target_role": {}},
                {"source_actor": [], "verb": ["وخطفت"]}
            ],
            "source_gold": "",
            "target_gold": "العاملين"
        }));
        assert_eq!(e.spans.len(), 4);
        assert_eq!(e.spans[2].source_main, None);
        let g = gold_of(&e);
        // One IRQ against "None", an unknown role and a missing one: IRQ.
        assert_eq!(g.source.country.as_deref(), Some("IRQ"));
        assert_eq!(g.source.sector.as_deref(), Some("REB"));
        // INT against USA: a tie, no gold.
        assert_eq!(g.target.country, None);
        assert_eq!(g.target.sector.as_deref(), Some("CVL"));
        // Words: the span given most often, unless the adjudicated words are there.
        assert_eq!(g.source.text.as_deref(), Some("الحركة"));
        assert_eq!(g.target.text.as_deref(), Some("العاملين"));
    }

    #[test]
    fn malformed_span_entries() {
        assert!(parse_span_entry(0, &json!([1])).is_err());
        assert!(parse_span_entry(0, &json!({"event_type": "ASSAULT", "spans": []})).is_err());
        assert!(parse_span_entry(0, &json!({"text": "x", "event_type": "ASSAULT"})).is_err());
        let bad_span = json!({"text": "x", "event_type": "ASSAULT", "spans": [3]});
        assert!(parse_span_entry(0, &bad_span)
            .unwrap_err()
            .contains("span 0"));
        let bad_tokens = json!({"text": "x", "event_type": "ASSAULT",
            "spans": [{"source_actor": [1]}]});
        assert!(parse_span_entry(0, &bad_tokens).is_err());
        let f = read_spans(r#"[{"text": "x", "event_type": "PROTEST", "spans": []}, 5]"#).unwrap();
        assert_eq!(f.entries.len(), 1);
        assert_eq!(f.entries[0].source, "#0");
        assert_eq!(f.problems[0].line, 1);
        assert!(read_spans("{}").is_err());
    }

    fn ent(code: Option<&str>, sectors: &[&str], text: &str) -> Entity {
        Entity {
            code: code.map(str::to_string),
            sector: sectors.first().map(|s| s.to_string()),
            other_sectors: sectors.iter().skip(1).map(|s| s.to_string()).collect(),
            entity_text: text.to_string(),
            ..Entity::default()
        }
    }

    #[test]
    fn judging_a_side() {
        let a = [ent(Some("IRQ"), &["GOV"], "الحكومة العراقية")];
        let b = [
            ent(None, &["REB", "PRM"], "المسلحين"),
            ent(Some("SYR"), &[], "سوريا"),
        ];
        let gold = GoldSide {
            country: Some("SYR".into()),
            sector: Some("PRM".into()),
            text: Some("الحكومة العراقيّة".into()),
        };
        let j = judge_side(&[&a, &b], &gold);
        assert_eq!(
            j,
            SideJudgement {
                found: true,
                country: Some(true),
                sector: Some(true),
                text: Some(true),
            }
        );
        let j = judge_side(&[&a], &gold);
        assert_eq!(
            (j.country, j.sector, j.text),
            (Some(false), Some(false), Some(true))
        );
        // Words inside the joined span of one event.
        let gold = GoldSide {
            text: Some("المسلحين سوريا".into()),
            ..GoldSide::default()
        };
        let j = judge_side(&[&a, &b], &gold);
        assert_eq!((j.country, j.sector, j.text), (None, None, Some(true)));
        let j = judge_side(&[], &gold);
        assert_eq!((j.found, j.text), (false, Some(false)));
    }

    #[test]
    fn event_type_argument() {
        assert_eq!(event_type_arg("assault").ok(), Some("ASSAULT"));
        assert_eq!(event_type_arg("PROTEST").ok(), Some("PROTEST"));
        assert!(event_type_arg("COERCE").is_err());
    }
}
