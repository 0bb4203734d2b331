//! TimeML documents (TempEval style): read the DCT and the text, strip annotations, write the
//! text back with TIMEX3 tags — byte for byte the same outside the tags.

use crate::{Timex, TimexType};
use dyad_read::Span;

#[derive(Debug, thiserror::Error)]
pub enum TimemlError {
    #[error("{input}: no <TEXT> element")]
    NoText { input: String },
    #[error("{input}: unclosed tag at byte offset {offset}")]
    UnclosedTag { input: String, offset: usize },
}

/// A TIMEX3 found in an annotated text.
#[derive(Debug, Clone, PartialEq)]
pub struct AnnotatedTimex {
    /// Offsets into [`TimemlDocument::text`].
    pub span: Span,
    pub tid: String,
    pub kind: String,
    pub value: String,
    pub modifier: Option<String>,
}

/// A TimeML document split into the parts a tagger needs.
#[derive(Debug, Clone)]
pub struct TimemlDocument {
    /// Everything up to and including `<TEXT>`.
    pub head: String,
    /// The content of `<TEXT>` with every tag removed (entities stay escaped).
    pub text: String,
    /// From `</TEXT>` to the end, with TLINK, SLINK, ALINK and MAKEINSTANCE elements removed.
    pub tail: String,
    /// The document creation time value, if the document has one.
    pub dct: Option<String>,
    pub dct_tid: Option<String>,
    /// The TIMEX3s that were inside `<TEXT>`.
    pub timexes: Vec<AnnotatedTimex>,
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let needle = format!(" {name}=\"");
    let start = tag.find(&needle)? + needle.len();
    let end = tag[start..].find('"')? + start;
    Some(tag[start..end].to_string())
}

impl TimemlDocument {
    pub fn parse(source: &str, input: &str) -> Result<TimemlDocument, TimemlError> {
        let open = source.find("<TEXT>").ok_or_else(|| TimemlError::NoText {
            input: input.into(),
        })?;
        let content_start = open + "<TEXT>".len();
        let close = source[content_start..]
            .find("</TEXT>")
            .map(|p| p + content_start)
            .ok_or_else(|| TimemlError::NoText {
                input: input.into(),
            })?;
        let (dct, dct_tid) = match (source.find("<DCT>"), source.find("</DCT>")) {
            (Some(a), Some(b)) if a < b => {
                let dct_part = &source[a..b];
                (attribute(dct_part, "value"), attribute(dct_part, "tid"))
            }
            _ => (None, None),
        };
        let raw = &source[content_start..close];
        let mut text = String::with_capacity(raw.len());
        let mut timexes = Vec::new();
        let mut open_timex: Option<(usize, String)> = None;
        let mut i = 0;
        while i < raw.len() {
            let rest = &raw[i..];
            if rest.starts_with('<') {
                let end = rest.find('>').ok_or(TimemlError::UnclosedTag {
                    input: input.into(),
                    offset: content_start + i,
                })?;
                let tag = &rest[..=end];
                if tag.starts_with("<TIMEX3") {
                    open_timex = Some((text.len(), tag.to_string()));
                    if tag.ends_with("/>") {
                        open_timex = None;
                    }
                } else if tag.starts_with("</TIMEX3") {
                    if let Some((start, open_tag)) = open_timex.take() {
                        timexes.push(AnnotatedTimex {
                            span: Span::new(start, text.len()),
                            tid: attribute(&open_tag, "tid").unwrap_or_default(),
                            kind: attribute(&open_tag, "type").unwrap_or_default(),
                            value: attribute(&open_tag, "value").unwrap_or_default(),
                            modifier: attribute(&open_tag, "mod"),
                        });
                    }
                }
                i += end + 1;
                continue;
            }
            let next = rest.find('<').unwrap_or(rest.len());
            text.push_str(&rest[..next]);
            i += next;
        }
        let tail: String = source[close..]
            .split_inclusive('\n')
            .filter(|line| {
                let t = line.trim_start();
                !(t.starts_with("<TLINK")
                    || t.starts_with("<SLINK")
                    || t.starts_with("<ALINK")
                    || t.starts_with("<MAKEINSTANCE"))
            })
            .collect();
        Ok(TimemlDocument {
            head: source[..content_start].to_string(),
            text,
            tail,
            dct,
            dct_tid,
            timexes,
        })
    }

    /// The document with `timexes` (spans into [`Self::text`]) as its only annotations.
    pub fn write(&self, timexes: &[Timex]) -> String {
        let mut out =
            String::with_capacity(self.head.len() + self.text.len() * 2 + self.tail.len());
        out.push_str(&self.head);
        let mut cursor = 0;
        let mut next_tid = 1;
        for timex in timexes {
            if timex.span.start < cursor || timex.span.end > self.text.len() {
                continue;
            }
            out.push_str(&self.text[cursor..timex.span.start]);
            while self.dct_tid.as_deref() == Some(&format!("t{next_tid}")) {
                next_tid += 1;
            }
            out.push_str(&timex3_open(timex, &format!("t{next_tid}")));
            next_tid += 1;
            out.push_str(&self.text[timex.span.range()]);
            out.push_str("</TIMEX3>");
            cursor = timex.span.end;
        }
        out.push_str(&self.text[cursor..]);
        out.push_str(&self.tail);
        out
    }
}

fn escape_attribute(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

/// `<TIMEX3 tid="t1" type="DATE" value="1866-08-25">` with `mod`, `quant`, `freq` and
/// `temporalFunction` where they apply.
pub fn timex3_open(timex: &Timex, tid: &str) -> String {
    let mut tag = format!(
        "<TIMEX3 tid=\"{tid}\" type=\"{}\" value=\"{}\"",
        timex.kind.as_str(),
        escape_attribute(&timex.value)
    );
    for (name, value) in [
        ("mod", &timex.modifier),
        ("quant", &timex.quant),
        ("freq", &timex.freq),
    ] {
        if let Some(value) = value {
            tag.push_str(&format!(" {name}=\"{}\"", escape_attribute(value)));
        }
    }
    if timex.anchored && timex.kind != TimexType::Duration {
        tag.push_str(" temporalFunction=\"true\"");
    }
    tag.push('>');
    tag
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "<?xml version=\"1.0\" ?>\n<TimeML>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-02-27\" functionInDocument=\"CREATION_TIME\">02/27/1998</TIMEX3></DCT>\n<TEXT>\nHe <EVENT eid=\"e1\" class=\"OCCURRENCE\">left</EVENT> <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-02-26\">yesterday</TIMEX3> &amp; came back.\n</TEXT>\n<MAKEINSTANCE eventID=\"e1\" eiid=\"ei1\"/>\n<TLINK lid=\"l1\" relType=\"BEFORE\"/>\n</TimeML>\n";

    #[test]
    fn parse_and_rewrite() {
        let doc = TimemlDocument::parse(DOC, "x.tml").unwrap();
        assert_eq!(doc.dct.as_deref(), Some("1998-02-27"));
        assert_eq!(doc.text, "\nHe left yesterday &amp; came back.\n");
        assert_eq!(doc.timexes.len(), 1);
        assert_eq!(&doc.text[doc.timexes[0].span.range()], "yesterday");
        let written = doc.write(&[]);
        assert!(written.contains("<TEXT>\nHe left yesterday &amp; came back.\n</TEXT>\n</TimeML>"));
        assert!(!written.contains("TLINK") && !written.contains("MAKEINSTANCE"));
        let timex = Timex {
            span: doc.timexes[0].span,
            kind: TimexType::Date,
            value: "1998-02-26".into(),
            modifier: None,
            quant: None,
            freq: None,
            anchored: true,
            rule: String::new(),
        };
        let written = doc.write(&[timex]);
        assert!(written.contains("He left <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-02-26\" temporalFunction=\"true\">yesterday</TIMEX3> &amp;"));
        let reparsed = TimemlDocument::parse(&written, "y.tml").unwrap();
        assert_eq!(reparsed.text, doc.text);
    }
}
