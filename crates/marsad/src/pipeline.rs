//! Documents in, coded documents out: reads inputs lazily, codes them in parallel in
//! fixed-size batches (so memory does not grow with the corpus) and hands each coded
//! document, in input order, to a sink.

use marsad_coder::{CodedDocument, Coder, DocumentRef};
use marsad_input::{read_inputs, Document, InputOptions, Item, Problem};
use rayon::prelude::*;
use std::path::PathBuf;

/// Documents coded together; bounds memory and keeps output order.
const BATCH: usize = 256;

/// Running totals of a run.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Totals {
    pub documents: u64,
    pub sentences: u64,
    pub events: u64,
    pub skipped: u64,
    pub bytes: u64,
}

/// Reads `inputs`, codes every document and calls `sink` for each, in input order.
/// Problems are passed to `on_problem` (and counted as skipped).
pub fn run(
    coder: &Coder,
    inputs: &[PathBuf],
    options: &InputOptions,
    mut sink: impl FnMut(&Document, CodedDocument) -> Result<(), String>,
    mut on_problem: impl FnMut(&Problem),
) -> Result<Totals, String> {
    let mut totals = Totals::default();
    let mut batch: Vec<Document> = Vec::with_capacity(BATCH);
    let mut flush = |batch: &mut Vec<Document>, totals: &mut Totals| -> Result<(), String> {
        let coded: Vec<CodedDocument> = batch.par_iter().map(|d| code_one(coder, d)).collect();
        for (doc, c) in batch.drain(..).zip(coded) {
            totals.documents += 1;
            totals.sentences += c.sentences.len() as u64;
            totals.events += c.events.len() as u64;
            totals.bytes += doc.text.len() as u64;
            sink(&doc, c)?;
        }
        Ok(())
    };
    for item in read_inputs(inputs, options) {
        match item {
            Item::Doc(d) => {
                batch.push(d);
                if batch.len() == BATCH {
                    flush(&mut batch, &mut totals)?;
                }
            }
            Item::Problem(p) => {
                totals.skipped += 1;
                on_problem(&p);
            }
        }
    }
    flush(&mut batch, &mut totals)?;
    Ok(totals)
}

/// Codes one document (its date is present: the reader reports documents without one).
pub fn code_one(coder: &Coder, d: &Document) -> CodedDocument {
    coder.code(&DocumentRef {
        id: &d.id,
        text: &d.text,
        date: d.date.as_deref().unwrap_or(""),
        title: d.title.as_deref(),
        url: d.url.as_deref(),
        source: d.source.as_deref(),
    })
}
