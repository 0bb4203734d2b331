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
            input,
        }) => entities::run(file.as_deref(), format, &input),
        Some(Command::Bench {
            file,
            repeat,
            input,
        }) => bench::run(file.as_deref(), repeat, &input),
        Some(Command::Eval(command)) => eval::run(command),
    }
}
