//! The plain article format: `= Title =`, `== Heading ==` lines, paragraphs and `- ` list items.
//!
//! Wikitext is rendered into this same format, so this parser is the one place where document
//! structure is found.

use crate::document::{Block, BlockKind, Document, Section, Span};

/// Parse text in the plain article format. Never fails: any text is some document.
///
/// The title is the first `= Title =` line when there is one, else `fallback_title`.
pub fn parse_plain(text: &str, fallback_title: &str) -> Document {
    let mut builder = StructureBuilder::new(text.len());
    let mut title: Option<String> = None;
    let mut offset = 0;
    for raw_line in text.split_inclusive('\n') {
        let line_start = offset;
        offset += raw_line.len();
        let line = raw_line.trim_end_matches(['\n', '\r']);
        if let Some((level, title_span)) = heading(line, line_start) {
            builder.flush_paragraph();
            let heading_text = text[title_span.range()].to_string();
            if level == 1 && title.is_none() && builder.sections.len() == 1 {
                title = Some(heading_text);
                continue;
            }
            builder.open_section(level.max(2), heading_text, title_span, line_start);
            continue;
        }
        let trimmed = line.trim();
        if trimmed.is_empty() {
            builder.flush_paragraph();
            continue;
        }
        let lead_ws = line.len() - line.trim_start().len();
        if let Some(marker_len) = list_marker(&line[lead_ws..]) {
            builder.flush_paragraph();
            let item = &line[lead_ws + marker_len..];
            let item_lead = item.len() - item.trim_start().len();
            let start = line_start + lead_ws + marker_len + item_lead;
            let end = line_start + line.trim_end().len();
            if end > start {
                builder.push_block(BlockKind::ListItem, Span::new(start, end));
            }
            continue;
        }
        let start = line_start + lead_ws;
        let end = line_start + line.trim_end().len();
        builder.extend_paragraph(start, end);
    }
    builder.flush_paragraph();
    let (sections, blocks) = builder.finish();
    Document {
        title: title.unwrap_or_else(|| fallback_title.to_string()),
        source: String::new(),
        page_id: None,
        revision_id: None,
        text: text.to_string(),
        sections,
        blocks,
        links: Vec::new(),
        citations: Vec::new(),
    }
}

/// `== Heading ==` (spaces optional): the level and the span of the title text.
fn heading(line: &str, line_start: usize) -> Option<(u8, Span)> {
    let trimmed_end = line.trim_end();
    let level = trimmed_end.bytes().take_while(|&b| b == b'=').count();
    if level == 0 || level > 6 {
        return None;
    }
    let closing = trimmed_end.bytes().rev().take_while(|&b| b == b'=').count();
    if closing != level || trimmed_end.len() <= 2 * level {
        return None;
    }
    let inner = &trimmed_end[level..trimmed_end.len() - level];
    let lead = inner.len() - inner.trim_start().len();
    let inner_trimmed = inner.trim();
    if inner_trimmed.is_empty() {
        return None;
    }
    let start = line_start + level + lead;
    Some((level as u8, Span::new(start, start + inner_trimmed.len())))
}

/// Length of a list marker (`- `, `* `, `# `, `• `) at the start of a line.
fn list_marker(line: &str) -> Option<usize> {
    for marker in ["- ", "* ", "# ", "• "] {
        if line.starts_with(marker) {
            return Some(marker.len());
        }
    }
    None
}

/// Collects sections and blocks while lines are read.
struct StructureBuilder {
    text_len: usize,
    sections: Vec<Section>,
    /// (level, title) of the open headings, outermost first.
    stack: Vec<(u8, String)>,
    blocks: Vec<Block>,
    paragraph: Option<Span>,
}

impl StructureBuilder {
    fn new(text_len: usize) -> StructureBuilder {
        StructureBuilder {
            text_len,
            sections: vec![Section {
                path: Vec::new(),
                level: 1,
                heading: None,
                span: Span::new(0, text_len),
            }],
            stack: Vec::new(),
            blocks: Vec::new(),
            paragraph: None,
        }
    }

    fn open_section(&mut self, level: u8, title: String, title_span: Span, line_start: usize) {
        if let Some(previous) = self.sections.last_mut() {
            previous.span.end = line_start;
        }
        while self.stack.last().is_some_and(|(l, _)| *l >= level) {
            self.stack.pop();
        }
        self.stack.push((level, title));
        self.sections.push(Section {
            path: self.stack.iter().map(|(_, t)| t.clone()).collect(),
            level,
            heading: Some(title_span),
            span: Span::new(line_start, self.text_len),
        });
    }

    fn extend_paragraph(&mut self, start: usize, end: usize) {
        match &mut self.paragraph {
            Some(span) => span.end = end,
            None => self.paragraph = Some(Span::new(start, end)),
        }
    }

    fn flush_paragraph(&mut self) {
        if let Some(span) = self.paragraph.take() {
            self.push_block(BlockKind::Paragraph, span);
        }
    }

    fn push_block(&mut self, kind: BlockKind, span: Span) {
        self.blocks.push(Block {
            kind,
            span,
            section: self.sections.len() - 1,
        });
    }

    fn finish(self) -> (Vec<Section>, Vec<Block>) {
        (self.sections, self.blocks)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_with_and_without_spaces_and_after_a_paragraph() {
        let text = "= T =\nLead.\n==High level visits==\nA visit.\nMore of it.\n=== Sub ===\n- item one\n- item two\n==Other==\n";
        let doc = parse_plain(text, "x");
        assert_eq!(doc.title, "T");
        let paths: Vec<_> = doc.sections.iter().map(|s| s.path.join("/")).collect();
        assert_eq!(
            paths,
            ["", "High level visits", "High level visits/Sub", "Other"]
        );
        let blocks: Vec<_> = doc.blocks.iter().map(|b| doc.slice(b.span)).collect();
        assert_eq!(
            blocks,
            ["Lead.", "A visit.\nMore of it.", "item one", "item two"]
        );
        assert_eq!(doc.blocks[2].kind, BlockKind::ListItem);
        assert_eq!(doc.blocks[2].section, 2);
    }

    #[test]
    fn no_title_line_uses_fallback_and_lone_equals_is_text() {
        let doc = parse_plain("a = b\n==\n", "fallback");
        assert_eq!(doc.title, "fallback");
        assert_eq!(doc.blocks.len(), 1);
    }

    #[test]
    fn empty_text() {
        let doc = parse_plain("", "e");
        assert_eq!(doc.sections.len(), 1);
        assert!(doc.blocks.is_empty());
    }
}
