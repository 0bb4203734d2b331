//! Typed errors of the readers. Each names the input and, where it can, the position.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{path}: is a directory, not a file (give a file, or use `dyad ingest` for directories)"
    )]
    IsDirectory { path: PathBuf },
    #[error("{input}: looks like binary data (NUL byte at byte offset {offset}), not text")]
    Binary { input: String, offset: usize },
    #[error("{input}: invalid UTF-8 at byte offset {offset} (line {line}); pass --lossy to replace bad bytes with U+FFFD")]
    InvalidUtf8 {
        input: String,
        offset: usize,
        line: usize,
    },
    #[error("{input}: line {line} (starting at byte offset {offset}) is {length} bytes long, over the limit of {limit} bytes")]
    LineTooLong {
        input: String,
        line: usize,
        offset: usize,
        length: usize,
        limit: usize,
    },
    #[error("{input}: broken XML near byte offset {offset} of the XML stream: {message}")]
    Xml {
        input: String,
        offset: u64,
        message: String,
    },
    #[error("{input}: compressed stream is truncated or corrupt after {offset} bytes of XML were decoded: {message}")]
    Compression {
        input: String,
        offset: u64,
        message: String,
    },
    #[error("{input}: not a MediaWiki XML export (root element is <{root}>)")]
    NotADump { input: String, root: String },
    #[error("{input}: {message}")]
    Invalid { input: String, message: String },
}
