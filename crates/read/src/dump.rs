//! Wikipedia XML exports and dumps, streamed page by page in constant memory.
//!
//! Only one page's text is held at a time, so a dump of any size reads with the memory of its
//! largest page. Compressed input is decoded with `bzip2`'s multi-stream decoder, which reads
//! both single-stream and multistream (`pages-articles-multistream`) dumps.

use crate::error::ReadError;
use quick_xml::events::Event;
use regex::Regex;
use std::io::BufRead;

/// One page of a dump, before its wikitext is rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DumpPage {
    pub title: String,
    pub namespace: i64,
    pub page_id: Option<u64>,
    pub revision_id: Option<u64>,
    pub redirect: bool,
    pub wikitext: String,
}

/// What a [`DumpReader`] has seen so far.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DumpStats {
    pub pages_seen: u64,
    pub pages_yielded: u64,
    pub redirects_skipped: u64,
    pub other_namespaces_skipped: u64,
    pub filtered_out: u64,
}

/// Streams the article pages (namespace 0, no redirects) of a MediaWiki XML export.
///
/// ```
/// let xml = r#"<mediawiki><page><title>A–B relations</title><ns>0</ns><id>7</id>
///   <revision><id>9</id><text>'''A''' and B.</text></revision></page></mediawiki>"#;
/// let mut reader = dyad_read::DumpReader::new(xml.as_bytes(), "inline.xml", None);
/// let page = reader.next().unwrap().unwrap();
/// assert_eq!((page.title.as_str(), page.page_id, page.revision_id), ("A–B relations", Some(7), Some(9)));
/// assert!(reader.next().is_none());
/// ```
pub struct DumpReader<R: BufRead> {
    xml: quick_xml::Reader<R>,
    buf: Vec<u8>,
    input: String,
    title_filter: Option<Regex>,
    stats: DumpStats,
    root_checked: bool,
    finished: bool,
}

#[derive(Clone, Copy, PartialEq)]
enum Field {
    None,
    Title,
    Namespace,
    PageId,
    RevisionId,
    Text,
}

impl<R: BufRead> DumpReader<R> {
    /// `input` names the source in errors; `title_filter` keeps only pages whose title matches.
    pub fn new(reader: R, input: &str, title_filter: Option<Regex>) -> DumpReader<R> {
        DumpReader {
            xml: quick_xml::Reader::from_reader(reader),
            buf: Vec::with_capacity(64 * 1024),
            input: input.to_string(),
            title_filter,
            stats: DumpStats::default(),
            root_checked: false,
            finished: false,
        }
    }

    pub fn stats(&self) -> DumpStats {
        self.stats
    }

    /// Bytes of XML consumed so far.
    pub fn position(&self) -> u64 {
        self.xml.buffer_position()
    }

    fn error(&self, err: quick_xml::Error) -> ReadError {
        let offset = self.xml.error_position();
        if let quick_xml::Error::Io(io) = &err {
            return ReadError::Compression {
                input: self.input.clone(),
                offset: self.xml.buffer_position(),
                message: io.to_string(),
            };
        }
        ReadError::Xml {
            input: self.input.clone(),
            offset,
            message: err.to_string(),
        }
    }

    /// Read events up to the end of the next `<page>`; `Ok(None)` at the end of the input.
    fn next_page(&mut self) -> Result<Option<DumpPage>, ReadError> {
        let mut page: Option<DumpPage> = None;
        let mut field = Field::None;
        let mut in_revision = false;
        let mut depth_in_page = 0usize;
        loop {
            self.buf.clear();
            let event = match self.xml.read_event_into(&mut self.buf) {
                Ok(event) => event.into_owned(),
                Err(err) => return Err(self.error(err)),
            };
            match event {
                Event::Start(start) | Event::Empty(start) if !self.root_checked => {
                    let name = start.name().as_ref().to_string();
                    if name != "mediawiki" {
                        return Err(ReadError::NotADump {
                            input: self.input.clone(),
                            root: name,
                        });
                    }
                    self.root_checked = true;
                }
                Event::Start(start) => {
                    let name = start.name();
                    let name = name.as_ref();
                    if name == "page" {
                        page = Some(DumpPage {
                            title: String::new(),
                            namespace: 0,
                            page_id: None,
                            revision_id: None,
                            redirect: false,
                            wikitext: String::new(),
                        });
                        depth_in_page = 0;
                        continue;
                    }
                    if page.is_none() {
                        continue;
                    }
                    depth_in_page += 1;
                    field = match name {
                        "title" => Field::Title,
                        "ns" => Field::Namespace,
                        "id" if in_revision && depth_in_page == 2 => Field::RevisionId,
                        "id" if !in_revision && depth_in_page == 1 => Field::PageId,
                        "text" => Field::Text,
                        "revision" => {
                            in_revision = true;
                            Field::None
                        }
                        _ => Field::None,
                    };
                }
                Event::Empty(start) => {
                    if let Some(page) = page.as_mut() {
                        if start.name().as_ref() == "redirect" {
                            page.redirect = true;
                        }
                    }
                }
                Event::End(end) => {
                    let name = end.name();
                    match name.as_ref() {
                        "page" => {
                            if let Some(page) = page.take() {
                                return Ok(Some(page));
                            }
                        }
                        "revision" => in_revision = false,
                        _ => {}
                    }
                    depth_in_page = depth_in_page.saturating_sub(1);
                    field = Field::None;
                }
                Event::Text(text) => {
                    if let Some(page) = page.as_mut() {
                        push_field(page, field, &text.xml10_content());
                    }
                }
                Event::CData(text) => {
                    if let Some(page) = page.as_mut() {
                        push_field(page, field, &text.xml10_content());
                    }
                }
                Event::GeneralRef(reference) => {
                    if let Some(page) = page.as_mut() {
                        let resolved = match reference.resolve_char_ref() {
                            Ok(Some(c)) => c.to_string(),
                            _ => match &*reference {
                                "lt" => "<".into(),
                                "gt" => ">".into(),
                                "amp" => "&".into(),
                                "quot" => "\"".into(),
                                "apos" => "'".into(),
                                other => format!("&{other};"),
                            },
                        };
                        push_field(page, field, &resolved);
                    }
                }
                Event::Eof => {
                    if page.is_some() {
                        return Err(ReadError::Xml {
                            input: self.input.clone(),
                            offset: self.xml.buffer_position(),
                            message: "input ends inside a <page> element".into(),
                        });
                    }
                    if !self.root_checked {
                        return Err(ReadError::NotADump {
                            input: self.input.clone(),
                            root: "(none: empty input)".into(),
                        });
                    }
                    return Ok(None);
                }
                _ => {}
            }
        }
    }
}

fn push_field(page: &mut DumpPage, field: Field, text: &str) {
    match field {
        Field::Title => page.title.push_str(text),
        Field::Text => page.wikitext.push_str(text),
        Field::Namespace => page.namespace = text.trim().parse().unwrap_or(page.namespace),
        Field::PageId => page.page_id = text.trim().parse().ok(),
        Field::RevisionId => page.revision_id = text.trim().parse().ok(),
        Field::None => {}
    }
}

impl<R: BufRead> Iterator for DumpReader<R> {
    type Item = Result<DumpPage, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.finished {
            match self.next_page() {
                Ok(Some(page)) => {
                    self.stats.pages_seen += 1;
                    if page.redirect
                        || page
                            .wikitext
                            .trim_start()
                            .to_ascii_uppercase()
                            .starts_with("#REDIRECT")
                    {
                        self.stats.redirects_skipped += 1;
                        continue;
                    }
                    if page.namespace != 0 {
                        self.stats.other_namespaces_skipped += 1;
                        continue;
                    }
                    if let Some(filter) = &self.title_filter {
                        if !filter.is_match(&page.title) {
                            self.stats.filtered_out += 1;
                            continue;
                        }
                    }
                    self.stats.pages_yielded += 1;
                    return Some(Ok(page));
                }
                Ok(None) => self.finished = true,
                Err(err) => {
                    // An XML or stream error leaves the parser in an unknown state: stop.
                    self.finished = true;
                    return Some(Err(err));
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/">
  <siteinfo><sitename>Wikipedia</sitename><namespaces><namespace key="0" /></namespaces></siteinfo>
  <page><title>A &amp; B</title><ns>0</ns><id>1</id>
    <revision><id>11</id><contributor><id>99</id></contributor><text xml:space="preserve">A text &lt;ref&gt;x&lt;/ref&gt;.</text></revision></page>
  <page><title>Redirected</title><ns>0</ns><id>2</id><redirect title="A &amp; B" />
    <revision><id>12</id><text>#REDIRECT [[A &amp; B]]</text></revision></page>
  <page><title>Talk:A</title><ns>1</ns><id>3</id><revision><id>13</id><text>talk</text></revision></page>
  <page><title>C–D relations</title><ns>0</ns><id>4</id><revision><id>14</id><text>C and D.</text></revision></page>
</mediawiki>"#;

    #[test]
    fn streams_articles_only() {
        let mut reader = DumpReader::new(SAMPLE.as_bytes(), "s.xml", None);
        let pages: Vec<_> = reader.by_ref().map(|p| p.unwrap()).collect();
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0].title, "A & B");
        assert_eq!(pages[0].page_id, Some(1));
        assert_eq!(pages[0].revision_id, Some(11));
        assert_eq!(pages[0].wikitext, "A text <ref>x</ref>.");
        let stats = reader.stats();
        assert_eq!(
            (stats.redirects_skipped, stats.other_namespaces_skipped),
            (1, 1)
        );
    }

    #[test]
    fn title_filter() {
        let filter = Regex::new("relations$").unwrap();
        let pages: Vec<_> = DumpReader::new(SAMPLE.as_bytes(), "s.xml", Some(filter))
            .map(|p| p.unwrap().title)
            .collect();
        assert_eq!(pages, ["C–D relations"]);
    }

    #[test]
    fn broken_xml_is_an_error_with_position() {
        let broken = "<mediawiki><page><title>A</title><ns>0</ns></revision></page></mediawiki>";
        let results: Vec<_> = DumpReader::new(broken.as_bytes(), "b.xml", None).collect();
        let err = results.last().unwrap().as_ref().unwrap_err().to_string();
        assert!(
            err.contains("b.xml") && err.contains("byte offset"),
            "{err}"
        );
    }

    #[test]
    fn truncated_xml_and_wrong_root() {
        let truncated = "<mediawiki><page><title>A</title><ns>0</ns><revision><text>abc";
        let results: Vec<_> = DumpReader::new(truncated.as_bytes(), "t.xml", None).collect();
        assert!(results.iter().any(|r| r.is_err()));
        let results: Vec<_> = DumpReader::new("<html></html>".as_bytes(), "h.xml", None).collect();
        assert!(matches!(results[0], Err(ReadError::NotADump { .. })));
    }
}
