//! Human and machine output formats for the CLI.

use std::io::{self, Write};
use std::time::Duration;

use marsad_coder::{Entity, Event};
use marsad_lexicon::{ActorKind, Lexicon};
use marsad_store::{Counts, Stats};

use crate::pipeline::Totals;

/// The closing summary of `code` and `ingest`, on stderr.
pub fn summary(t: &Totals, elapsed: Duration) {
    let secs = elapsed.as_secs_f64().max(1e-9);
    eprintln!(
        "marsad: {} documents, {} sentences, {} events, {} skipped in {:.2}s ({:.0} docs/s, {:.0} sentences/s, {:.2} MB/s)",
        t.documents,
        t.sentences,
        t.events,
        t.skipped,
        secs,
        t.documents as f64 / secs,
        t.sentences as f64 / secs,
        t.bytes as f64 / 1e6 / secs
    );
}

pub fn jsonl(out: &mut impl Write, events: &[Event]) -> io::Result<()> {
    for e in events {
        serde_json::to_writer(&mut *out, e)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

fn entities(v: &[Entity]) -> String {
    v.iter()
        .map(|e| {
            let code = e.code.as_deref().unwrap_or("---");
            match &e.sector {
                Some(s) => format!("{code}/{s}"),
                None => code.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join("+")
}

fn names(v: &[Entity]) -> String {
    v.iter()
        .map(|e| e.entity_text.as_str())
        .collect::<Vec<_>>()
        .join(" + ")
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

pub fn csv(out: &mut impl Write, events: &[Event]) -> io::Result<()> {
    writeln!(out, "id,date,event,mode,actor,actor_text,recipient,recipient_text,aux_mode,condition,event_text,citation,sentence")?;
    for e in events {
        let row = [
            e.id.clone(),
            e.date.clone(),
            e.event.join(";"),
            e.mode.join(";"),
            entities(&e.actor),
            names(&e.actor),
            entities(&e.recipient),
            names(&e.recipient),
            e.aux_mode.join(";"),
            e.condition
                .as_ref()
                .map(|c| c.text.clone())
                .unwrap_or_default(),
            e.event_text.join(" | "),
            e.cite_info.citation.clone(),
            e.text.clone(),
        ];
        writeln!(
            out,
            "{}",
            row.iter()
                .map(|f| csv_field(f))
                .collect::<Vec<_>>()
                .join(",")
        )?;
    }
    Ok(())
}

fn clip(s: &str, n: usize) -> String {
    let c: Vec<char> = s.chars().collect();
    if c.len() <= n {
        s.to_string()
    } else {
        c[..n].iter().collect::<String>() + "…"
    }
}

pub fn table(out: &mut impl Write, events: &[Event]) -> io::Result<()> {
    writeln!(
        out,
        "{:<10}  {:<9}  {:<14}  {:<16}  {:<16}  {:<12}  trigger | actor text",
        "date", "event", "mode", "actor", "recipient", "aux"
    )?;
    for e in events {
        writeln!(
            out,
            "{:<10}  {:<9}  {:<14}  {:<16}  {:<16}  {:<12}  {} | {}",
            e.date,
            e.event.join("+"),
            clip(&e.mode.join("+"), 14),
            clip(&entities(&e.actor), 16),
            clip(&entities(&e.recipient), 16),
            e.aux_mode.join("+"),
            clip(&e.event_text.join(" … "), 30),
            clip(&names(&e.actor), 40),
        )?;
    }
    writeln!(out, "({} events)", events.len())
}

pub fn stats(out: &mut impl Write, c: &Counts, s: &Stats) -> io::Result<()> {
    writeln!(
        out,
        "documents {}  sentences {}  events {}  (selected: {})",
        c.documents, c.sentences, c.events, s.total
    )?;
    for (title, rows) in [
        ("by type", &s.by_type),
        ("by actor", &s.by_actor),
        ("by day", &s.by_day),
    ] {
        writeln!(out, "\n{title}:")?;
        for (k, n) in rows
            .iter()
            .take(if title == "by day" { usize::MAX } else { 30 })
        {
            writeln!(out, "  {k:<12} {n:>8}")?;
        }
    }
    Ok(())
}

pub fn lexicon_summary(out: &mut impl Write, lex: &Lexicon) -> io::Result<()> {
    let count = |k: ActorKind| lex.actors.iter().filter(|a| a.kind == k).count();
    writeln!(out, "lexicon OK: {} files", lex.files)?;
    writeln!(
        out,
        "actors: {} entries ({} countries, {} capitals, {} demonyms, {} sector terms, {} organisations, {} persons), {} indexed forms",
        lex.actors.len(),
        count(ActorKind::Country),
        count(ActorKind::Capital),
        count(ActorKind::Demonym),
        count(ActorKind::Sector),
        count(ActorKind::Org),
        count(ActorKind::Person),
        lex.actor_index.len()
    )?;
    let mut by_cat: Vec<(&str, usize)> = marsad_lexicon::plover::CATEGORIES
        .iter()
        .map(|c| (*c, lex.triggers.iter().filter(|t| t.event == *c).count()))
        .collect();
    by_cat.sort_by_key(|(c, _)| *c);
    writeln!(
        out,
        "triggers: {} entries, {} indexed forms (conjugations included)",
        lex.triggers.len(),
        lex.trigger_index.len()
    )?;
    for (c, n) in by_cat {
        writeln!(out, "  {c:<10} {n}")?;
    }
    writeln!(
        out,
        "cues: {} entries, {} indexed forms",
        lex.cues.len(),
        lex.cue_index.len()
    )?;
    Ok(())
}
