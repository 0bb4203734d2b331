//! Opening inputs: a file of any supported kind, or the bundled article.

use crate::cli::InputArgs;
use anyhow::{Context, Result};
use dyad_read::{read_bytes, read_path, ReadOptions};
use std::path::Path;

/// The bundled default input: the Italy–Japan relations article (CC BY-SA, see corpus/README.md).
pub const BUNDLED_NAME: &str = "bundled:italy-japan-relations.txt";
pub const BUNDLED_TEXT: &str = include_str!("../../../corpus/italy-japan-relations.txt");

pub fn options(args: &InputArgs) -> Result<ReadOptions> {
    let format = args
        .input_format
        .as_deref()
        .map(str::parse)
        .transpose()
        .map_err(anyhow::Error::msg)?;
    let title_filter = args
        .title
        .as_deref()
        .map(regex::Regex::new)
        .transpose()
        .context("--title is not a valid regex")?;
    Ok(ReadOptions {
        format,
        lossy: args.lossy,
        title_filter,
    })
}

/// The documents of `file`, or of the bundled article when there is no file.
pub fn documents(file: Option<&Path>, args: &InputArgs) -> Result<dyad_read::Documents> {
    let options = options(args)?;
    Ok(match file {
        Some(path) => read_path(path, &options)?,
        None => read_bytes(BUNDLED_TEXT.as_bytes(), BUNDLED_NAME, &options)?,
    })
}
