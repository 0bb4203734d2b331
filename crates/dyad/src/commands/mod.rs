//! One module per subcommand.

/// `println!` that returns an error instead of panicking when stdout is closed
/// (`dyad eval … | head`).
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout().lock(), $($arg)*)?
    }};
}

mod bench;
mod entities;
mod eval;
mod extract;
pub mod kb;
mod read;
mod tag;

use crate::cli::{Cli, Command, InputArgs, OutputFormat};
use anyhow::Result;

pub fn run(cli: Cli) -> Result<()> {
    match cli.command {
        None => extract::run(None, OutputFormat::Table, false, &InputArgs::default()),
        Some(Command::Read { file, input }) => read::run(file.as_deref(), &input),
        Some(Command::Extract {
            file,
            format,
            facts,
            input,
        }) => extract::run(file.as_deref(), format, facts, &input),
        Some(Command::Tag {
            file,
            dct,
            mode,
            format,
            input,
        }) => tag::run(file.as_deref(), dct, mode, format, &input),
        Some(Command::Entities {
            file,
            format,
            stored,
            db,
            input,
        }) => {
            if stored {
                kb::stored_entities(&db, format == crate::cli::EntityFormat::Jsonl)
            } else {
                entities::run(file.as_deref(), format, &input)
            }
        }
        Some(Command::Bench {
            file,
            repeat,
            pipeline_only,
            input,
        }) => bench::run(file.as_deref(), repeat, pipeline_only, &input),
        Some(Command::Eval(command)) => eval::run(command),
        Some(Command::Ingest { paths, db, input }) => kb::ingest(&paths, &db, &input),
        Some(Command::Timeline { a, b, query }) => kb::timeline(&a, &b, &query),
        Some(Command::Events { actor, query }) => kb::events(&actor, &query),
        Some(Command::Search {
            query,
            limit,
            json,
            db,
        }) => kb::search(&query, limit, json, &db),
        Some(Command::Dyads { json, db }) => kb::dyads(json, &db),
        Some(Command::Facts {
            fact,
            state,
            limit,
            db,
        }) => kb::facts(fact.as_deref(), state.as_deref(), limit, &db),
        Some(Command::Show { id, json, db }) => kb::show(id, json, &db),
        Some(Command::Export {
            format,
            actor,
            out,
            query,
        }) => kb::export(&format, &actor, out.as_deref(), &query),
        Some(Command::Serve { addr, db }) => {
            let store_path = kb::db_path(&db);
            drop(kb::open_store(&db)?);
            dyad_serve::serve(&addr, &store_path)
        }
    }
}
