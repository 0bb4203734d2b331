//! The `dyad` command: parse flags, wire the stages together, report errors.

mod cli;
mod commands;
mod input;

use clap::Parser;

// Extraction makes many small, short-lived allocations (spans, names, captures); mimalloc
// serves them markedly faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    let cli = cli::Cli::parse();
    match commands::run(cli) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            // A closed pipe (`dyad extract | head`) is not an error worth reporting.
            if err
                .downcast_ref::<std::io::Error>()
                .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            {
                return std::process::ExitCode::SUCCESS;
            }
            eprintln!("dyad: error: {err:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
