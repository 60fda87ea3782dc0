//! The `marsad` command line: code Arabic news into PLOVER events, store them, query them,
//! and measure accuracy.

/// Per-sentence coding makes many small short-lived allocations; mimalloc serves them
/// faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod eval;
mod export;
mod monitor_cmd;
mod output;
mod pipeline;
mod train;

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Args, Parser, Subcommand, ValueEnum};
use marsad_coder::{in_default_output, Coder};
use marsad_input::InputOptions;
use marsad_lexicon::Lexicon;
use marsad_store::{DocumentWrite, EventFilter, SentenceWrite, Store};

#[derive(Parser)]
#[command(name = "marsad", version, about = "Arabic-first political event coder (PLOVER)", long_about = None)]
struct Cli {
    /// Lexicon directory to load instead of the built-in lexicon (see docs/lexicon-format.md).
    #[arg(long, global = true, env = "MARSAD_LEXICON")]
    lexicon: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Code documents and print PLOVER events as JSON lines.
    Code {
        #[command(flatten)]
        input: InputArgs,
        /// Also print the events left out by default: negated and hypothetical ones
        /// (marked in aux_mode), and ASSAULT and PROTEST events that the learned filter
        /// scores under its threshold (marked `low_confidence`; see docs/accuracy.md).
        #[arg(long)]
        include_nonfactual: bool,
    },
    /// Code documents and store them (documents, sentences, events) in the database.
    Ingest {
        #[command(flatten)]
        input: InputArgs,
        #[arg(long, default_value = "marsad.db")]
        db: PathBuf,
    },
    /// List stored events.
    Events {
        #[command(flatten)]
        filter: FilterArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Summarise stored events by type, actor and day.
    Stats {
        #[command(flatten)]
        filter: FilterArgs,
        /// Print the summary as one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Measure accuracy against the OEDA Arabic event gold standard.
    Eval {
        #[command(subcommand)]
        what: eval::EvalCommand,
    },
    /// Rebuild the learned event filters (lexicon/model/*.txt) from gold-standard CSV files
    /// and report their cross-validated accuracy.
    Train {
        /// GSR CSV files (one category each), e.g. ../shared/data/gsr/assault_dev.csv.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Where to write the model files.
        #[arg(long, default_value = "lexicon/model")]
        out: PathBuf,
        /// Number of cross-validation folds.
        #[arg(long, default_value_t = 5)]
        folds: usize,
        /// Directory to write each sentence's cross-validated prediction to (JSON lines).
        #[arg(long)]
        predictions: Option<PathBuf>,
    },
    #[command(flatten)]
    Monitor(monitor_cmd::MonitorCommand),
    /// Export stored events (those with a location) for other tools.
    Export {
        #[command(flatten)]
        filter: FilterArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = export::ExportFormat::Geojson)]
        format: export::ExportFormat,
    },
    /// Validate a lexicon directory and print what it holds.
    Lexicon {
        /// Directory to check (default: the built-in lexicon, or --lexicon).
        dir: Option<PathBuf>,
    },
}

#[derive(Args)]
struct InputArgs {
    /// JSONL (.jsonl, .jsonl.gz) or plain-text (.txt) files, directories, or - for stdin.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Date (YYYY-MM-DD) for documents that carry none (plain text, JSONL without date).
    #[arg(long)]
    date: Option<String>,
    /// Skip documents (JSONL lines or text files) larger than this many bytes.
    #[arg(long, default_value_t = 16 * 1024 * 1024)]
    max_doc_bytes: usize,
    /// Read standard input as one plain-text document instead of JSONL.
    #[arg(long)]
    stdin_text: bool,
}

#[derive(Args)]
struct FilterArgs {
    #[arg(long, default_value = "marsad.db")]
    db: PathBuf,
    /// PLOVER category, e.g. ASSAULT.
    #[arg(long = "type")]
    event_type: Option<String>,
    /// Actor code (IRQ), Wikidata id, English name or Arabic name.
    #[arg(long)]
    actor: Option<String>,
    /// Country code of actor or recipient.
    #[arg(long)]
    country: Option<String>,
    /// Earliest event date (YYYY-MM-DD).
    #[arg(long)]
    since: Option<String>,
    /// Latest event date (YYYY-MM-DD).
    #[arg(long)]
    until: Option<String>,
    /// Full-text search (Arabic, normalised) in the event's sentence.
    #[arg(long)]
    text: Option<String>,
    /// Include the events left out by default: negated, hypothetical, and those the
    /// learned filter scores low (as `marsad code --include-nonfactual`).
    #[arg(long)]
    include_nonfactual: bool,
    /// Return at most this many events.
    #[arg(long)]
    limit: Option<usize>,
    /// Place of the event: GeoNames id, English name (Mosul) or Arabic name (الموصل).
    #[arg(long)]
    place: Option<String>,
    /// Only events with a place inside this box (degrees; MINLON > MAXLON crosses the
    /// antimeridian).
    #[arg(long, value_name = "MINLON,MINLAT,MAXLON,MAXLAT", value_parser = export::parse_bbox, allow_hyphen_values = true)]
    bbox: Option<(f64, f64, f64, f64)>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Table,
    Jsonl,
    Csv,
}

impl FilterArgs {
    fn filter(&self) -> EventFilter {
        EventFilter {
            event_type: self.event_type.clone(),
            actor: self.actor.clone(),
            country: self.country.clone(),
            since: self.since.clone(),
            until: self.until.clone(),
            text: self.text.clone(),
            include_nonfactual: self.include_nonfactual,
            limit: self.limit,
            place: self.place.clone(),
            bbox: self.bbox,
        }
    }
}

/// A failure that ends the command (exit status 2).
struct Fatal(String);

impl<E: std::fmt::Display> From<E> for Fatal {
    fn from(e: E) -> Self {
        Fatal(e.to_string())
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(Fatal(msg)) => {
            eprintln!("marsad: {msg}");
            ExitCode::from(2)
        }
    }
}

pub(crate) fn load_lexicon(dir: Option<&PathBuf>) -> Result<Lexicon, Fatal> {
    let lex = match dir {
        Some(d) => Lexicon::load_dir(d),
        None => Lexicon::embedded(),
    };
    lex.map_err(|e| Fatal(format!("invalid lexicon:\n{e}")))
}

fn input_options(a: &InputArgs) -> Result<InputOptions, Fatal> {
    if let Some(d) = &a.date {
        if !marsad_input::is_valid_date(d) {
            return Err(Fatal(format!(
                "--date '{d}' is not a valid YYYY-MM-DD date"
            )));
        }
    }
    Ok(InputOptions {
        default_date: a.date.clone(),
        max_line_bytes: a.max_doc_bytes,
        stdin_is_text: a.stdin_text,
    })
}

fn run(cli: Cli) -> Result<ExitCode, Fatal> {
    match cli.command {
        Command::Code {
            input,
            include_nonfactual,
        } => {
            let coder = Coder::new(load_lexicon(cli.lexicon.as_ref())?);
            let opts = input_options(&input)?;
            let stdout = io::stdout();
            let mut out = BufWriter::new(stdout.lock());
            let started = Instant::now();
            let mut printed = 0u64;
            let totals = pipeline::run(
                &coder,
                &input.inputs,
                &opts,
                |_, coded| {
                    for e in coded
                        .events
                        .iter()
                        .filter(|e| include_nonfactual || in_default_output(e))
                    {
                        printed += 1;
                        serde_json::to_writer(&mut out, e).map_err(|e| e.to_string())?;
                        out.write_all(b"\n").map_err(|e| e.to_string())?;
                    }
                    Ok(())
                },
                |p| eprintln!("marsad: skipped {p}"),
            );
            let totals = match totals {
                // The summary counts the events written, not those left out by default.
                Ok(t) => pipeline::Totals {
                    events: printed,
                    ..t
                },
                Err(e) if e.contains("Broken pipe") => return Ok(ExitCode::SUCCESS),
                Err(e) => return Err(Fatal(e)),
            };
            if let Err(e) = out.flush() {
                if e.kind() == io::ErrorKind::BrokenPipe {
                    return Ok(ExitCode::SUCCESS);
                }
                return Err(e.into());
            }
            output::summary(&totals, started.elapsed());
            Ok(if totals.skipped > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Ingest { input, db } => {
            let coder = Coder::new(load_lexicon(cli.lexicon.as_ref())?);
            let opts = input_options(&input)?;
            let mut store = Store::open(&db)?;
            let progress = if io::stderr().is_terminal() {
                let pb = indicatif::ProgressBar::new_spinner();
                pb.set_style(
                    indicatif::ProgressStyle::with_template(
                        "{spinner} {elapsed_precise} {human_pos} documents {msg}",
                    )
                    .unwrap(),
                );
                pb
            } else {
                indicatif::ProgressBar::hidden()
            };
            let started = Instant::now();
            let mut pending: Vec<DocumentWrite> = Vec::new();
            let mut events_so_far = 0u64;
            let totals = pipeline::run(
                &coder,
                &input.inputs,
                &opts,
                |doc, coded| {
                    events_so_far += coded.events.len() as u64;
                    pending.push(DocumentWrite {
                        id: doc.id.clone(),
                        date: doc.date.clone(),
                        title: doc.title.clone(),
                        url: doc.url.clone(),
                        source: doc.source.clone(),
                        sentences: coded
                            .sentences
                            .into_iter()
                            .map(|s| SentenceWrite {
                                sequence: s.sequence,
                                start: s.start,
                                end: s.end,
                                text: s.text,
                            })
                            .collect(),
                        events: coded.events,
                    });
                    progress.inc(1);
                    progress.set_message(format!("{events_so_far} events"));
                    if pending.len() >= 256 {
                        store.write_batch(&pending).map_err(|e| e.to_string())?;
                        pending.clear();
                    }
                    Ok(())
                },
                |p| progress.suspend(|| eprintln!("marsad: skipped {p}")),
            )
            .map_err(Fatal)?;
            store.write_batch(&pending)?;
            progress.finish_and_clear();
            output::summary(&totals, started.elapsed());
            let counts = store.counts()?;
            eprintln!(
                "marsad: database {} now holds {} documents, {} sentences, {} events",
                db.display(),
                counts.documents,
                counts.sentences,
                counts.events
            );
            monitor_cmd::after_ingest(&db, coder.lexicon())?;
            Ok(if totals.skipped > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Events { filter, format } => {
            let store = open_existing(&filter.db)?;
            let events = store.events(&filter.filter())?;
            let stdout = io::stdout();
            let mut out = BufWriter::new(stdout.lock());
            let r = match format {
                Format::Jsonl => output::jsonl(&mut out, &events),
                Format::Csv => output::csv(&mut out, &events),
                Format::Table => output::table(&mut out, &events),
            };
            match r.and_then(|_| out.flush()) {
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(e.into()),
                _ => Ok(ExitCode::SUCCESS),
            }
        }
        Command::Stats { filter, json } => {
            let store = open_existing(&filter.db)?;
            let stats = store.stats(&filter.filter())?;
            let counts = store.counts()?;
            let stdout = io::stdout();
            let mut out = stdout.lock();
            let r = if json {
                let v = serde_json::json!({"counts": counts, "stats": stats});
                writeln!(out, "{v}")
            } else {
                output::stats(&mut out, &counts, &stats)
            };
            match r.and_then(|_| out.flush()) {
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(e.into()),
                _ => Ok(ExitCode::SUCCESS),
            }
        }
        Command::Eval { what } => eval::run(what, cli.lexicon.as_ref()),
        Command::Monitor(cmd) => monitor_cmd::run(cmd, cli.lexicon.as_ref()),
        Command::Train {
            files,
            out,
            folds,
            predictions,
        } => train::run(train::TrainArgs {
            files,
            out,
            folds,
            predictions,
            lexicon: cli.lexicon.clone(),
        }),
        Command::Export { filter, format } => {
            let store = open_existing(&filter.db)?;
            let events = store.events(&filter.filter())?;
            let stdout = io::stdout();
            let mut out = BufWriter::new(stdout.lock());
            let r = match format {
                export::ExportFormat::Geojson => export::geojson(&mut out, &events).map(|_| ()),
            };
            match r.and_then(|_| out.flush()) {
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(e.into()),
                _ => Ok(ExitCode::SUCCESS),
            }
        }
        Command::Lexicon { dir } => {
            let lex = load_lexicon(dir.as_ref().or(cli.lexicon.as_ref()))?;
            let stdout = io::stdout();
            let mut out = stdout.lock();
            match output::lexicon_summary(&mut out, &lex).and_then(|_| out.flush()) {
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(e.into()),
                _ => Ok(ExitCode::SUCCESS),
            }
        }
    }
}

fn open_existing(db: &std::path::Path) -> Result<Store, Fatal> {
    if !db.exists() {
        return Err(Fatal(format!(
            "no database at {} (run `marsad ingest --db {} INPUT...` first)",
            db.display(),
            db.display()
        )));
    }
    Ok(Store::open(db)?)
}
