//! Command-line flags.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// dyad: dated, typed, sourced events between states, from writing about their relations.
///
/// With no command, extracts the events of the bundled Italy–Japan relations article.
#[derive(Parser, Debug)]
#[command(name = "dyad", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Print the structure of a document (sections, paragraphs, sentences with byte offsets) as JSON.
    Read {
        /// Input file; the bundled article when omitted.
        file: Option<PathBuf>,
        #[command(flatten)]
        input: InputArgs,
    },
    /// Run the whole pipeline and print one JSON object per event.
    Extract {
        /// Input file; the bundled article when omitted.
        file: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "jsonl")]
        format: OutputFormat,
        #[command(flatten)]
        input: InputArgs,
    },
}

#[derive(Args, Debug, Clone, Default)]
pub struct InputArgs {
    /// Override input detection: plain, wikitext, xml or bz2.
    #[arg(long = "input-format")]
    pub input_format: Option<String>,
    /// Replace invalid UTF-8 with U+FFFD instead of stopping.
    #[arg(long)]
    pub lossy: bool,
    /// For dumps: only pages whose title matches this regex (e.g. `relations$`).
    #[arg(long)]
    pub title: Option<String>,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    Jsonl,
    Json,
    Table,
}
