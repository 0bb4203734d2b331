//! The second stage of dyad: find sentences and tokens in a [`Document`]'s blocks.
//!
//! Sections, paragraphs and list items come from the reader; this crate splits each block into
//! sentences, and sentences into tokens, every piece carrying byte offsets into the document
//! text. It hands the next stages (time, entity, event) a list of [`Sentence`]s to work on.
//!
//! The splitter is rule-based: a sentence ends at `.`, `!` or `?` (plus closing quotes and
//! brackets) followed by space and a sentence start, unless the word before the dot is an
//! abbreviation ("U.S.", "St.", "c.", "No.") or an initial ("H. Tanaka"). The abbreviation
//! lists live in `resources/abbreviations.txt`.
//!
//! ```
//! let doc = dyad_read::parse_plain("Dr. H. Tanaka arrived c. 1550 in the U.S. capital. He left.", "x");
//! let sentences = dyad_segment::sentences(&doc);
//! assert_eq!(sentences.len(), 2);
//! assert_eq!(doc.slice(sentences[1].span), "He left.");
//! ```

mod sentence;
mod token;

pub use sentence::{sentences, split_sentences, Sentence};
pub use token::{tokenize, Token, TokenKind};
