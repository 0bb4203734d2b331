//! The first stage of dyad: turn an input into [`Document`]s.
//!
//! Three inputs are read into one model:
//! - the plain article format (`= Title =`, `== Heading ==`, paragraphs, `- ` list items),
//! - MediaWiki wikitext, rendered to that plain format with its links and citations kept aside,
//! - Wikipedia XML exports and dumps (`.xml`, `.xml.bz2`, multistream too), streamed page by page.
//!
//! A [`Document`] holds the text every later stage points into: all spans are byte offsets into
//! [`Document::text`]. It hands the next stage (segmentation) its headings and blocks.
//!
//! ```
//! let doc = dyad_read::parse_plain("= A–B relations =\n\n== History ==\nThey met in 1900.\n", "example");
//! assert_eq!(doc.title, "A–B relations");
//! assert_eq!(doc.sections[1].path, vec!["History".to_string()]);
//! let block = &doc.blocks[0];
//! assert_eq!(&doc.text[block.span.range()], "They met in 1900.");
//! ```

mod detect;
mod document;
mod dump;
mod error;
mod plain;
mod text;
mod wikitext;

pub use detect::{detect_format, read_bytes, read_path, Documents, InputFormat, ReadOptions};
pub use document::{Block, BlockKind, Citation, Document, Link, Section, Span};
pub use dump::{DumpPage, DumpReader, DumpStats};
pub use error::ReadError;
pub use plain::parse_plain;
pub use text::decode_utf8;
pub use wikitext::parse_wikitext;

/// The longest line a document may have. Longer lines are almost always binary data or a
/// minified blob, and would make every later stage slow for no useful prose.
pub const MAX_LINE_BYTES: usize = 1 << 20;
