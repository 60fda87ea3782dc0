//! `marsad truces`, `marsad truce ID` and `marsad alerts`: the truce and commitment
//! monitor (crate `marsad-monitor`) over a marsad database.

use std::collections::BTreeMap;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Subcommand, ValueEnum};
use marsad_lexicon::Lexicon;
use marsad_monitor::{Alert, Commitment, MonitorState, Statement, Status};

use crate::{load_lexicon, Fatal};

/// The monitor's subcommands (flattened into the main command list).
#[derive(Subcommand)]
pub(crate) enum MonitorCommand {
    /// List truces, ultimatums and conditional threats with their parties, conditions,
    /// status and linked events.
    Truces(TrucesArgs),
    /// Show one commitment as a dated timeline with the evidence sentence of each step.
    Truce(TruceArgs),
    /// List status changes and possible violations, newest first.
    Alerts(AlertsArgs),
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum MonitorFormat {
    Table,
    Jsonl,
}

#[derive(Args)]
pub(crate) struct TrucesArgs {
    #[arg(long, default_value = "marsad.db")]
    db: PathBuf,
    /// Only commitments with this status (in_force, strained, broken, expired, withdrawn,
    /// fulfilled).
    #[arg(long)]
    status: Option<String>,
    /// Only this kind (truce, ultimatum, threat).
    #[arg(long)]
    kind: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = MonitorFormat::Table)]
    format: MonitorFormat,
}

#[derive(Args)]
pub(crate) struct TruceArgs {
    #[arg(long, default_value = "marsad.db")]
    db: PathBuf,
    /// Commitment id (or a unique prefix of it), as `marsad truces` prints it.
    id: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = MonitorFormat::Table)]
    format: MonitorFormat,
}

#[derive(Args)]
pub(crate) struct AlertsArgs {
    #[arg(long, default_value = "marsad.db")]
    db: PathBuf,
    /// Only alerts dated on or after this date (YYYY-MM-DD, or a prefix such as YYYY-MM).
    #[arg(long)]
    since: Option<String>,
    /// Print at most this many alerts.
    #[arg(long)]
    limit: Option<usize>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = MonitorFormat::Table)]
    format: MonitorFormat,
}

/// Recomputes the monitor state after an ingest and prints a one-line summary. The events
/// are stored whatever happens here: a failure is reported, and the read commands
/// recompute the state when they find it stale.
pub(crate) fn after_ingest(db: &Path, lex: &Lexicon) -> Result<(), Fatal> {
    let state = match marsad_monitor::refresh(db, lex) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("marsad: warning: the truce monitor was not updated: {e}");
            return Ok(());
        }
    };
    let live = state
        .commitments
        .iter()
        .filter(|c| c.status.is_live())
        .count();
    eprintln!(
        "marsad: monitor: {} commitments ({} in force or strained), {} alerts",
        state.commitments.len(),
        live,
        state.alerts.len()
    );
    Ok(())
}

fn state(db: &Path, lexicon: Option<&PathBuf>) -> Result<MonitorState, Fatal> {
    if !db.exists() {
        return Err(Fatal(format!(
            "no database at {} (run `marsad ingest --db {} INPUT...` first)",
            db.display(),
            db.display()
        )));
    }
    let lex = load_lexicon(lexicon)?;
    Ok(marsad_monitor::load_or_refresh(db, &lex)?)
}

/// Runs a monitor subcommand.
pub(crate) fn run(cmd: MonitorCommand, lexicon: Option<&PathBuf>) -> Result<ExitCode, Fatal> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let r = match cmd {
        MonitorCommand::Truces(a) => {
            let status = match &a.status {
                Some(s) => {
                    Some(Status::parse(s).ok_or_else(|| Fatal(format!("unknown status '{s}'")))?)
                }
                None => None,
            };
            let st = state(&a.db, lexicon)?;
            let list: Vec<&Commitment> = st
                .commitments
                .iter()
                .filter(|c| status.is_none_or(|s| c.status == s))
                .filter(|c| {
                    a.kind
                        .as_deref()
                        .is_none_or(|k| c.kind.as_str().eq_ignore_ascii_case(k.trim()))
                })
                .collect();
            match a.format {
                MonitorFormat::Jsonl => list.iter().try_for_each(|c| jsonl(&mut out, c)),
                MonitorFormat::Table => truces_table(&mut out, &st, &list),
            }
        }
        MonitorCommand::Truce(a) => {
            let st = state(&a.db, lexicon)?;
            let found: Vec<&Commitment> = st
                .commitments
                .iter()
                .filter(|c| c.id.starts_with(a.id.trim()))
                .collect();
            let c = match found.as_slice() {
                [c] => *c,
                [] => return Err(Fatal(format!("no commitment with id '{}'", a.id))),
                many => {
                    let ids: Vec<&str> = many.iter().map(|c| c.id.as_str()).collect();
                    return Err(Fatal(format!(
                        "'{}' matches several commitments: {}",
                        a.id,
                        ids.join(", ")
                    )));
                }
            };
            match a.format {
                MonitorFormat::Jsonl => jsonl(&mut out, c),
                MonitorFormat::Table => timeline(&mut out, c),
            }
        }
        MonitorCommand::Alerts(a) => {
            let st = state(&a.db, lexicon)?;
            let list: Vec<&Alert> = st
                .alerts
                .iter()
                .filter(|x| {
                    a.since
                        .as_deref()
                        .is_none_or(|s| x.date.as_str() >= s.trim())
                })
                .take(a.limit.unwrap_or(usize::MAX))
                .collect();
            match a.format {
                MonitorFormat::Jsonl => list.iter().try_for_each(|x| jsonl(&mut out, x)),
                MonitorFormat::Table => alerts_table(&mut out, &list),
            }
        }
    };
    match r.and_then(|_| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(ExitCode::SUCCESS),
    }
}

fn jsonl<T: serde::Serialize>(out: &mut impl Write, v: &T) -> io::Result<()> {
    let mut line = serde_json::to_string(v).map_err(io::Error::other)?;
    line.push('\n');
    out.write_all(line.as_bytes())
}

fn parties(ps: &[marsad_monitor::Party]) -> String {
    if ps.is_empty() {
        return "(not stated)".into();
    }
    ps.iter()
        .map(|p| {
            if p.text.is_empty() {
                p.label()
            } else {
                format!("{} «{}»", p.label(), p.text)
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn header(out: &mut impl Write, c: &Commitment) -> io::Result<()> {
    writeln!(
        out,
        "{}  {}  {}  since {}  (document {})",
        c.id,
        c.kind,
        c.status.to_string().to_uppercase(),
        c.start_date,
        c.doc_id
    )?;
    let allied = if c.covers_allied_factions {
        "  [allied-factions rule applies]"
    } else {
        ""
    };
    writeln!(out, "  committing:  {}{allied}", parties(&c.committing))?;
    let concerned = if c.mutual {
        "(mutual)".to_string()
    } else {
        parties(&c.concerned)
    };
    writeln!(out, "  concerning:  {concerned}")?;
    writeln!(
        out,
        "  undertaking: {} «{}»",
        c.undertaking.summary, c.undertaking.text
    )?;
    for cond in &c.conditions {
        writeln!(out, "  condition:   {} {}", cond.cue, cond.text)?;
    }
    for t in &c.voiding_triggers {
        let met = match &t.met {
            Some(m) => format!("MET {} ({})", m.date, m.event_id),
            None => "not met".into(),
        };
        writeln!(out, "  voided if:   {}  [{met}]", t.summary)?;
        writeln!(out, "               «{} {}»", t.cue, t.text)?;
    }
    if let Some(d) = &c.deadline {
        let when = match (&d.date, d.open) {
            (Some(date), _) => date.clone(),
            (None, true) => "open-ended".into(),
            (None, false) => "unspecified".into(),
        };
        writeln!(
            out,
            "  deadline:    {when} «{}» (bounds the {})",
            d.text, d.applies_to
        )?;
    }
    Ok(())
}

fn truces_table(out: &mut impl Write, st: &MonitorState, list: &[&Commitment]) -> io::Result<()> {
    if list.is_empty() {
        return writeln!(out, "no commitments");
    }
    for (i, c) in list.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        header(out, c)?;
        let mut roles: BTreeMap<&str, usize> = BTreeMap::new();
        for l in &c.events {
            *roles.entry(l.role.as_str()).or_default() += 1;
        }
        let summary: Vec<String> = roles.iter().map(|(r, n)| format!("{n} {r}")).collect();
        writeln!(out, "  events:      {}", summary.join(", "))?;
        for l in &c.events {
            writeln!(
                out,
                "               {}  {:<19} {}  ({})",
                l.date, l.role, l.event_id, l.doc_id
            )?;
        }
        if let Some(s) = c.history.last() {
            writeln!(out, "  last step:   {} {}: {}", s.date, s.kind, s.reason)?;
        }
    }
    if let Some(a) = &st.as_of {
        writeln!(out, "\n(as of {a}, the latest stored event date)")?;
    }
    Ok(())
}

/// The sentence with the trigger marked ⟦…⟧.
fn marked(s: &Statement) -> String {
    let a = s.trigger_start.saturating_sub(s.start) as usize;
    let b = s.trigger_end.saturating_sub(s.start) as usize;
    let chars: Vec<char> = s.sentence.chars().collect();
    if a >= b || b > chars.len() {
        return s.sentence.clone();
    }
    let pre: String = chars[..a].iter().collect();
    let mid: String = chars[a..b].iter().collect();
    let post: String = chars[b..].iter().collect();
    format!("{pre}⟦{mid}⟧{post}")
}

fn timeline(out: &mut impl Write, c: &Commitment) -> io::Result<()> {
    header(out, c)?;
    writeln!(out, "  timeline:")?;
    let mut shown: Option<&str> = None;
    for s in &c.history {
        let change = if s.from == s.status || s.seq == 0 {
            s.status.to_string()
        } else {
            format!("{} -> {}", s.from, s.status)
        };
        writeln!(
            out,
            "  {}  {:<19} [{change}] ({})",
            s.date,
            s.kind.to_string(),
            s.certainty.as_str()
        )?;
        writeln!(out, "              {}", s.reason)?;
        match &s.evidence {
            Some(ev) if shown == Some(ev.event_id.as_str()) => {
                writeln!(out, "              evidence: the same statement")?;
            }
            Some(ev) => {
                writeln!(
                    out,
                    "              evidence: {} chars {}-{}, event {}",
                    ev.doc_id, ev.start, ev.end, ev.event_id
                )?;
                writeln!(out, "              «{}»", marked(ev))?;
                shown = Some(ev.event_id.as_str());
            }
            None => {}
        }
    }
    Ok(())
}

fn alerts_table(out: &mut impl Write, list: &[&Alert]) -> io::Result<()> {
    if list.is_empty() {
        return writeln!(out, "no alerts");
    }
    for a in list {
        let change = if a.from == a.status {
            a.status.to_string()
        } else {
            format!("{} -> {}", a.from, a.status)
        };
        writeln!(
            out,
            "{}  {}  {:<19} {:<24} {:<8}  {}",
            a.date,
            a.commitment_id,
            a.kind.to_string(),
            change,
            a.certainty.as_str(),
            a.reason
        )?;
    }
    Ok(())
}
