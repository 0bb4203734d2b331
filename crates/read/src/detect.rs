//! Which reader an input needs, decided by content first and extension second.

use crate::document::Document;
use crate::dump::DumpReader;
use crate::error::ReadError;
use crate::text::{check_line_lengths, decode_utf8};
use crate::{parse_plain, parse_wikitext};
use regex::Regex;
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// `= Title =` / `== Heading ==` plain articles.
    Plain,
    /// MediaWiki wikitext of one page.
    Wikitext,
    /// A MediaWiki XML export or dump.
    Xml,
    /// A bzip2-compressed XML dump (single or multistream).
    Bz2Xml,
}

impl std::str::FromStr for InputFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "plain" | "text" | "txt" => Ok(InputFormat::Plain),
            "wikitext" | "wiki" => Ok(InputFormat::Wikitext),
            "xml" => Ok(InputFormat::Xml),
            "bz2" | "xml.bz2" => Ok(InputFormat::Bz2Xml),
            other => Err(format!(
                "unknown input format `{other}` (expected plain, wikitext, xml or bz2)"
            )),
        }
    }
}

/// How to read an input.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// Overrides detection.
    pub format: Option<InputFormat>,
    /// Replace invalid UTF-8 with U+FFFD instead of failing.
    pub lossy: bool,
    /// For dumps: keep only pages whose title matches.
    pub title_filter: Option<Regex>,
}

/// Decide the format from the first bytes and the file name.
pub fn detect_format(head: &[u8], name: &str) -> InputFormat {
    let lower = name.to_ascii_lowercase();
    if head.starts_with(b"BZh") || lower.ends_with(".bz2") {
        return InputFormat::Bz2Xml;
    }
    let text = String::from_utf8_lossy(&head[..head.len().min(4096)]);
    let start = text.trim_start_matches('\u{FEFF}').trim_start();
    if start.starts_with("<?xml") || start.starts_with("<mediawiki") || lower.ends_with(".xml") {
        return InputFormat::Xml;
    }
    if [".wiki", ".wikitext", ".mediawiki"]
        .iter()
        .any(|ext| lower.ends_with(ext))
    {
        return InputFormat::Wikitext;
    }
    if ["[[", "{{", "'''", "<ref"].iter().any(|m| text.contains(m)) {
        return InputFormat::Wikitext;
    }
    InputFormat::Plain
}

/// The documents of one input, in order. Dumps are streamed: pages are read as the iterator is
/// advanced, and an error in one page's text does not stop the pages after it.
pub type Documents = Box<dyn Iterator<Item = Result<Document, ReadError>> + Send>;

/// Open a file and read the documents in it.
pub fn read_path(path: &Path, options: &ReadOptions) -> Result<Documents, ReadError> {
    let io_error = |source| ReadError::Io {
        path: path.to_path_buf(),
        source,
    };
    let metadata = std::fs::metadata(path).map_err(io_error)?;
    if metadata.is_dir() {
        return Err(ReadError::IsDirectory {
            path: path.to_path_buf(),
        });
    }
    let name = path.display().to_string();
    let mut file = File::open(path).map_err(io_error)?;
    let mut head = [0u8; 4096];
    let head_len = read_up_to(&mut file, &mut head).map_err(io_error)?;
    let format = options
        .format
        .unwrap_or_else(|| detect_format(&head[..head_len], &name));
    let file = File::open(path).map_err(io_error)?;
    match format {
        InputFormat::Xml => Ok(dump_documents(
            BufReader::with_capacity(1 << 16, file),
            name,
            options,
        )),
        InputFormat::Bz2Xml => {
            let decoder = bzip2::read::MultiBzDecoder::new(BufReader::new(file));
            Ok(dump_documents(
                BufReader::with_capacity(1 << 16, decoder),
                name,
                options,
            ))
        }
        InputFormat::Plain | InputFormat::Wikitext => {
            let mut bytes = Vec::with_capacity(metadata.len() as usize);
            let mut file = file;
            file.read_to_end(&mut bytes).map_err(io_error)?;
            let doc = text_document(&bytes, &name, format, options)?;
            Ok(Box::new(std::iter::once(Ok(doc))))
        }
    }
}

fn read_up_to(file: &mut File, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match file.read(&mut buf[filled..])? {
            0 => break,
            n => filled += n,
        }
    }
    Ok(filled)
}

/// Read documents from bytes in memory (the bundled article, tests, HTTP uploads).
pub fn read_bytes(bytes: &[u8], name: &str, options: &ReadOptions) -> Result<Documents, ReadError> {
    let format = options
        .format
        .unwrap_or_else(|| detect_format(&bytes[..bytes.len().min(4096)], name));
    match format {
        InputFormat::Xml => Ok(dump_documents(
            std::io::Cursor::new(bytes.to_vec()),
            name.to_string(),
            options,
        )),
        InputFormat::Bz2Xml => Ok(dump_documents(
            BufReader::new(bzip2::read::MultiBzDecoder::new(std::io::Cursor::new(
                bytes.to_vec(),
            ))),
            name.to_string(),
            options,
        )),
        InputFormat::Plain | InputFormat::Wikitext => {
            let doc = text_document(bytes, name, format, options)?;
            Ok(Box::new(std::iter::once(Ok(doc))))
        }
    }
}

fn text_document(
    bytes: &[u8],
    name: &str,
    format: InputFormat,
    options: &ReadOptions,
) -> Result<Document, ReadError> {
    let text = decode_utf8(bytes, name, options.lossy)?;
    let fallback_title = Path::new(name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| name.to_string());
    let mut doc = if format == InputFormat::Wikitext {
        parse_wikitext(&text, &fallback_title)
    } else {
        parse_plain(&text, &fallback_title)
    };
    doc.source = name.to_string();
    Ok(doc)
}

fn dump_documents<R: std::io::BufRead + Send + 'static>(
    reader: R,
    name: String,
    options: &ReadOptions,
) -> Documents {
    let pages = DumpReader::new(reader, &name, options.title_filter.clone());
    Box::new(pages.map(move |page| {
        let page = page?;
        let input = format!("{name}#{}", page.title);
        check_line_lengths(&page.wikitext, &input)?;
        let mut doc = parse_wikitext(&page.wikitext, &page.title);
        doc.source = match page.page_id {
            Some(id) => format!("{name}#{id}"),
            None => input,
        };
        doc.page_id = page.page_id;
        doc.revision_id = page.revision_id;
        Ok(doc)
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detection() {
        assert_eq!(detect_format(b"BZh91AY", "x"), InputFormat::Bz2Xml);
        assert_eq!(detect_format(b"<mediawiki>", "x"), InputFormat::Xml);
        assert_eq!(detect_format(b"'''Italy''' is", "x"), InputFormat::Wikitext);
        assert_eq!(
            detect_format(b"= T =\n== H ==\ntext", "x.txt"),
            InputFormat::Plain
        );
        assert_eq!(detect_format(b"text", "x.wiki"), InputFormat::Wikitext);
    }

    #[test]
    fn format_names() {
        assert_eq!("bz2".parse::<InputFormat>(), Ok(InputFormat::Bz2Xml));
        assert!("pdf".parse::<InputFormat>().is_err());
    }
}
