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
        /// Print the standing facts (missions, nationals abroad) as JSON lines instead.
        #[arg(long)]
        facts: bool,
        #[command(flatten)]
        input: InputArgs,
    },
    /// Tag temporal expressions (TIMEX3). TimeML input (.tml) is written back with new TIMEX3
    /// tags and otherwise unchanged.
    Tag {
        file: Option<PathBuf>,
        /// Document creation time (YYYY-MM-DD); TimeML input carries its own.
        #[arg(long)]
        dct: Option<String>,
        /// news: relative dates count from the DCT; narrative: from the date the text has reached.
        /// Without it, TimeML input is judged by its text and DCT (history far before the DCT is
        /// a narrative); other input is a narrative.
        #[arg(long)]
        mode: Option<String>,
        #[arg(long, value_enum)]
        format: Option<TagFormat>,
        #[command(flatten)]
        input: InputArgs,
    },
    /// List every entity mention (states, places, people, organisations, treaties, wars) with
    /// span, type, canonical name and ids.
    Entities {
        file: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "jsonl")]
        format: EntityFormat,
        /// List the entities stored in the knowledge base instead (with mention counts).
        #[arg(long)]
        stored: bool,
        #[command(flatten)]
        db: DbArgs,
        #[command(flatten)]
        input: InputArgs,
    },
    /// Measure the throughput of each stage (MB/s) on the bundled article or a file.
    Bench {
        file: Option<PathBuf>,
        /// Repeat the input this many times.
        #[arg(long, default_value_t = 50)]
        repeat: usize,
        /// Time only the whole pipeline in batches (as an ingest runs it), e.g. under a
        /// profiler.
        #[arg(long)]
        pipeline_only: bool,
        #[command(flatten)]
        input: InputArgs,
    },
    /// Add documents (files, directories, wikitext, XML dumps, .bz2) to the knowledge base.
    Ingest {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        db: DbArgs,
        #[command(flatten)]
        input: InputArgs,
    },
    /// Events between two states in date order (names, demonyms or ISO alpha-3 codes).
    Timeline {
        a: String,
        b: String,
        #[command(flatten)]
        query: QueryArgs,
    },
    /// Stored events, filtered.
    Events {
        /// A state taking part (repeatable: all must take part).
        #[arg(long)]
        actor: Vec<String>,
        #[command(flatten)]
        query: QueryArgs,
    },
    /// Full-text search over stored sentences (FTS5 syntax), with highlighted snippets.
    Search {
        query: String,
        #[arg(long, default_value_t = 20)]
        limit: usize,
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        db: DbArgs,
    },
    /// Standing facts of the knowledge base: missions, nationals abroad, memberships (JSON lines).
    Facts {
        /// Only this type: mission, population or membership.
        #[arg(long, value_parser = ["mission", "population", "membership"])]
        fact: Option<String>,
        /// Only facts naming this state (ISO 3166-1 alpha-3) in any role.
        #[arg(long)]
        state: Option<String>,
        #[arg(long, default_value_t = 1000)]
        limit: usize,
        #[command(flatten)]
        db: DbArgs,
    },
    /// Pairs of states with event counts and a cooperation–conflict index per decade.
    Dyads {
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        db: DbArgs,
    },
    /// One stored event with its evidence sentences and provenance.
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        db: DbArgs,
    },
    /// Export stored events: json, jsonl, csv, timeml, timelinejs, graphml, plover.
    Export {
        #[arg(long)]
        format: String,
        /// A state taking part (repeatable).
        #[arg(long)]
        actor: Vec<String>,
        /// Write to this file instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
        #[command(flatten)]
        query: QueryArgs,
    },
    /// Serve the knowledge base: HTTP JSON API and web UI.
    Serve {
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: String,
        #[command(flatten)]
        db: DbArgs,
    },
    /// Evaluation against gold annotations.
    #[command(subcommand)]
    Eval(EvalCommand),
}

#[derive(Subcommand, Debug)]
pub enum EvalCommand {
    /// Score entity mentions per type (P/R/F1) on an annotated corpus (the bundled one by
    /// default: crates/entity/resources/examples.txt).
    Entities {
        /// An annotated corpus in the same format.
        #[arg(long)]
        corpus: Option<PathBuf>,
        /// Print every miss and spurious mention.
        #[arg(long)]
        errors: bool,
    },
    /// Score extracted events (and facts) against gold JSON lines: detection and fully-correct
    /// P/R/F1, a confusion table of kinds, every miss and false alarm.
    Events {
        /// Gold events (`*.events.jsonl`).
        #[arg(long)]
        gold: PathBuf,
        /// Gold facts (`*.facts.jsonl`); defaults to the events file's sibling.
        #[arg(long)]
        facts: Option<PathBuf>,
        /// The article; the bundled one when omitted.
        file: Option<PathBuf>,
        /// Print only the figures.
        #[arg(long)]
        quiet: bool,
        #[command(flatten)]
        input: InputArgs,
    },
    /// Score TIMEX3 annotations TempEval-3 style: strict/relaxed span P/R/F1, value and type F1.
    ///
    /// With --system, scores the files of that directory against the gold ones; without it,
    /// tags the gold files' text itself and scores that (the one-step form).
    Timex {
        /// Directory (searched recursively) or file of gold .tml files.
        #[arg(long)]
        gold: PathBuf,
        /// Directory of system .tml files with the same names.
        #[arg(long)]
        system: Option<PathBuf>,
        /// Anchoring mode for the one-step form: news, narrative, or auto (each file by its
        /// text and DCT).
        #[arg(long, default_value = "auto")]
        mode: String,
        /// Print a row for each file.
        #[arg(long)]
        per_file: bool,
        /// Print every miss, spurious match, extent and value error.
        #[arg(long)]
        errors: bool,
        /// Print the scores as JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntityFormat {
    Jsonl,
    Table,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum TagFormat {
    Timeml,
    Jsonl,
}

/// Where the knowledge base is.
#[derive(Args, Debug, Clone, Default)]
pub struct DbArgs {
    /// Database file (default: $DYAD_DB, else ./dyad.db; created from the bundled article when
    /// missing).
    #[arg(long)]
    pub db: Option<PathBuf>,
}

#[derive(Args, Debug, Clone, Default)]
pub struct QueryArgs {
    /// Earliest year.
    #[arg(long)]
    pub from: Option<i64>,
    /// Latest year.
    #[arg(long)]
    pub to: Option<i64>,
    /// Kinds, comma-separated (alliance,treaty).
    #[arg(long)]
    pub kind: Option<String>,
    /// Full-text query over the evidence sentences.
    #[arg(long)]
    pub q: Option<String>,
    #[arg(long)]
    pub limit: Option<usize>,
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub db: DbArgs,
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
