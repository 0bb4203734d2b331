//! The document model shared by all readers: text plus the structure found in it.

use serde::Serialize;
use std::ops::Range;

/// A half-open byte range `[start, end)` into a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// Whether the two spans share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// A section of a document: the lead (empty path) or the text under a heading.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    /// Heading titles from the top level down, e.g. `["History", "The World Wars"]`.
    pub path: Vec<String>,
    /// 2 for `== H ==`, 3 for `=== H ===`; 1 for the lead.
    pub level: u8,
    /// Where the heading's title text stands, if the section has a heading.
    pub heading: Option<Span>,
    /// From the start of the heading line to the start of the next heading line (or the end).
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    Paragraph,
    ListItem,
}

/// A paragraph or a list item: the unit sentences are split within.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Block {
    pub kind: BlockKind,
    pub span: Span,
    /// Index into [`Document::sections`].
    pub section: usize,
}

/// An internal wikitext link: its visible text in the document and the page it points to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Link {
    pub span: Span,
    pub target: String,
}

/// A reference (`<ref>…</ref>` or a citation template) dropped from the prose.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Citation {
    /// Where in the text the reference was attached (the byte after the cited words).
    pub at: usize,
    pub wikitext: String,
}

/// One input document, ready for segmentation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    pub title: String,
    /// Where it came from: a path, `bundled:…`, or `dump-path#page-id`.
    pub source: String,
    pub page_id: Option<u64>,
    pub revision_id: Option<u64>,
    /// The text all spans point into. For the plain format it is the input itself.
    pub text: String,
    /// Section 0 is the lead; the others follow in document order.
    pub sections: Vec<Section>,
    pub blocks: Vec<Block>,
    pub links: Vec<Link>,
    pub citations: Vec<Citation>,
}

impl Document {
    /// The text of a span, or `""` when the span is not valid for this document.
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or("")
    }

    /// The section a byte offset falls in.
    pub fn section_at(&self, offset: usize) -> usize {
        self.sections
            .iter()
            .rposition(|s| s.span.start <= offset)
            .unwrap_or(0)
    }
}
