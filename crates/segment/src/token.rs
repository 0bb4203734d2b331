//! Tokens with byte offsets: words, numbers and punctuation.

use dyad_read::Span;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

/// Tokens of `text`, with spans shifted by `base` (the offset of `text` in its document).
///
/// Words keep inner apostrophes and hyphens ("d'Ostiani", "post-war"); numbers keep inner
/// separators ("14,937", "3.5").
///
/// ```
/// let tokens = dyad_segment::tokenize("About 14,937 post-war Japanese.", 0);
/// let texts: Vec<_> = tokens.iter().map(|t| &"About 14,937 post-war Japanese."[t.span.range()]).collect();
/// assert_eq!(texts, ["About", "14,937", "post-war", "Japanese", "."]);
/// ```
pub fn tokenize(text: &str, base: usize) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let kind = if c.is_ascii_digit() {
            TokenKind::Number
        } else if c.is_alphanumeric() {
            TokenKind::Word
        } else {
            tokens.push(Token {
                span: Span::new(base + start, base + start + c.len_utf8()),
                kind: TokenKind::Punct,
            });
            continue;
        };
        let mut end = start + c.len_utf8();
        while let Some(&(i, next)) = chars.peek() {
            let joins = if next.is_alphanumeric() {
                true
            } else if matches!(next, '\'' | '’' | '-' | '.' | ',') {
                let follower = text[i + next.len_utf8()..].chars().next();
                match kind {
                    TokenKind::Number => {
                        matches!(next, '.' | ',') && follower.is_some_and(|f| f.is_ascii_digit())
                    }
                    _ => {
                        matches!(next, '\'' | '’' | '-')
                            && follower.is_some_and(|f| f.is_alphanumeric())
                    }
                }
            } else {
                false
            };
            if !joins {
                break;
            }
            end = i + next.len_utf8();
            chars.next();
        }
        tokens.push(Token {
            span: Span::new(base + start, base + end),
            kind,
        });
    }
    tokens
}
