//! `marsad eval`: accuracy against the OEDA Arabic event gold standard (issue 3).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;

use crate::Fatal;

#[derive(Subcommand)]
pub enum EvalCommand {
    /// Sentence-level precision/recall on a GSR CSV file.
    Gsr {
        /// ASSAULT or PROTEST.
        #[arg(long = "type")]
        event_type: String,
        file: PathBuf,
    },
}

pub fn run(_cmd: EvalCommand, _lexicon: Option<&PathBuf>) -> Result<ExitCode, Fatal> {
    Err(Fatal("eval is not implemented yet".into()))
}
