//! MediaWiki wikitext, rendered to the plain article format.
//!
//! Why not a parser crate: `parse-wiki-text-2` gives a node tree with positions into the
//! *source*, but dyad needs positions into the *rendered prose*, templates expanded to their
//! visible text, and graceful handling of the broken markup real dumps contain (unclosed
//! templates, stray brackets) without losing the page. A two-pass renderer does exactly that:
//! pass one removes what is not prose (comments, references, templates, tables, files) and
//! expands inline templates; pass two renders block structure and inline markup line by line,
//! recording link targets against output offsets.

use crate::document::{Citation, Document, Link, Span};
use crate::plain::parse_plain;

/// Marks where a reference stood, between the passes. A private-use character never typed in
/// wikitext.
const CITATION_MARK: char = '\u{E000}';

/// Render wikitext to a [`Document`] whose text is in the plain article format.
pub fn parse_wikitext(source: &str, title: &str) -> Document {
    let mut citations_raw = Vec::new();
    let stripped = strip_non_prose(source, &mut citations_raw, 0);
    let mut out = RenderOutput::default();
    if !title.is_empty() {
        out.text.push_str("= ");
        out.text.push_str(title);
        out.text.push_str(" =\n\n");
    }
    render_blocks(&stripped, &citations_raw, &mut out);
    let mut doc = parse_plain(&out.text, title);
    doc.title = title.to_string();
    doc.links = out.links;
    doc.citations = out.citations;
    doc
}

#[derive(Default)]
struct RenderOutput {
    text: String,
    links: Vec<Link>,
    citations: Vec<Citation>,
    next_citation: usize,
}

/// Recursion bound for templates that expand to more templates.
const MAX_DEPTH: usize = 8;

/// Pass one: drop comments, references, tables, files and block templates; expand inline
/// templates to their visible text.
fn strip_non_prose(src: &str, citations: &mut Vec<String>, depth: usize) -> String {
    let mut out = String::with_capacity(src.len());
    let bytes = src.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let rest = &src[i..];
        let at_line_start = i == 0 || bytes[i - 1] == b'\n';
        if rest.starts_with("<!--") {
            i += rest.find("-->").map_or(rest.len(), |p| p + 3);
            continue;
        }
        if rest.starts_with('<') {
            if let Some(skip) = skip_tag(rest, citations, &mut out) {
                i += skip;
                continue;
            }
        }
        if rest.starts_with("{|") && at_line_start {
            i += skip_table(rest);
            continue;
        }
        if rest.starts_with("{{") {
            // An unclosed template is kept as text: dropping the rest of the page is worse.
            let Some(end) = matching_close(rest, "{{", "}}") else {
                out.push_str("{{");
                i += 2;
                continue;
            };
            let inner = &rest[2..end - 2];
            if depth < MAX_DEPTH {
                match render_template(inner) {
                    TemplateOutput::Text(text) => {
                        out.push_str(&strip_non_prose(&text, citations, depth + 1))
                    }
                    TemplateOutput::Citation => {
                        citations.push(rest[..end].to_string());
                        out.push(CITATION_MARK);
                    }
                    TemplateOutput::Nothing => {}
                }
            }
            i += end;
            continue;
        }
        if rest.starts_with("[[") {
            let end = matching_close(rest, "[[", "]]").unwrap_or(2);
            let target = rest[2..end.saturating_sub(2).max(2)].trim_start();
            if is_non_prose_link(target) {
                i += end;
                continue;
            }
        }
        if rest.starts_with("__") {
            if let Some(len) = magic_word(rest) {
                i += len;
                continue;
            }
        }
        let ch_len = rest.chars().next().map_or(1, char::len_utf8);
        out.push_str(&rest[..ch_len]);
        i += ch_len;
    }
    out
}

/// Byte length up to and including the `close` that balances the `open` at the start of `s`.
fn matching_close(s: &str, open: &str, close: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = 0;
    while i < s.len() {
        let rest = &s[i..];
        if rest.starts_with(open) {
            depth += 1;
            i += open.len();
        } else if rest.starts_with(close) {
            depth = depth.saturating_sub(1);
            i += close.len();
            if depth == 0 {
                return Some(i);
            }
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    None
}

fn skip_table(s: &str) -> usize {
    let mut depth = 0usize;
    let mut offset = 0;
    for line in s.split_inclusive('\n') {
        let t = line.trim_start();
        if t.starts_with("{|") {
            depth += 1;
        } else if t.starts_with("|}") {
            depth = depth.saturating_sub(1);
            if depth == 0 {
                return offset + line.len();
            }
        }
        offset += line.len();
    }
    s.len()
}

/// Tags whose whole content is not prose.
const DROPPED_ELEMENTS: &[&str] = &[
    "math",
    "gallery",
    "timeline",
    "syntaxhighlight",
    "source",
    "score",
    "imagemap",
    "mapframe",
    "graph",
    "templatedata",
    "references",
    "chem",
    "hiero",
];

/// Handle a tag at the start of `s`. Returns how many bytes to skip, or `None` to keep the
/// text as it is (inline tags are removed in pass two).
fn skip_tag(s: &str, citations: &mut Vec<String>, out: &mut String) -> Option<usize> {
    let name: String = s[1..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    if name.is_empty() {
        return None;
    }
    let tag_end = s.find('>')? + 1;
    let self_closing = s[..tag_end].ends_with("/>");
    if name == "ref" {
        let end = if self_closing {
            tag_end
        } else {
            find_ci(s, "</ref>").map_or(tag_end, |p| p + "</ref>".len())
        };
        citations.push(s[..end].to_string());
        out.push(CITATION_MARK);
        return Some(end);
    }
    if DROPPED_ELEMENTS.contains(&name.as_str()) {
        if self_closing {
            return Some(tag_end);
        }
        let close = format!("</{name}>");
        return Some(find_ci(s, &close).map_or(s.len(), |p| p + close.len()));
    }
    None
}

fn find_ci(haystack: &str, needle: &str) -> Option<usize> {
    let lower = haystack.to_ascii_lowercase();
    lower.find(&needle.to_ascii_lowercase())
}

fn is_non_prose_link(target: &str) -> bool {
    let Some((ns, _)) = target.split_once(':') else {
        return false;
    };
    let ns = ns.trim().to_ascii_lowercase();
    matches!(
        ns.as_str(),
        "file" | "image" | "category" | "media" | "wikipedia" | "wp" | "special"
    ) || (ns.len() == 2 && ns.chars().all(|c| c.is_ascii_lowercase()) && target.len() > 3)
        || (ns.len() == 3 && ns == "simple")
}

fn magic_word(s: &str) -> Option<usize> {
    let end = s[2..].find("__")? + 4;
    let word = &s[2..end - 2];
    (!word.is_empty() && word.chars().all(|c| c.is_ascii_uppercase())).then_some(end)
}

enum TemplateOutput {
    Text(String),
    Citation,
    Nothing,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The visible text of an inline template; everything else (infoboxes, navigation,
/// maintenance tags) is not prose. Unknown templates are dropped: losing a word is better
/// than pouring parameter soup into sentences.
fn render_template(inner: &str) -> TemplateOutput {
    let params = split_params(inner);
    let Some(raw_name) = params.first() else {
        return TemplateOutput::Nothing;
    };
    let name = raw_name
        .trim()
        .trim_start_matches("Template:")
        .replace('_', " ")
        .to_lowercase();
    let positional: Vec<&str> = params[1..]
        .iter()
        .map(|p| p.as_str())
        .filter(|p| !is_named_param(p))
        .map(str::trim)
        .collect();
    let first = positional.first().copied().unwrap_or("");
    let last = positional.last().copied().unwrap_or("");
    let text = |s: &str| TemplateOutput::Text(s.to_string());
    if name.starts_with("cite")
        || name.starts_with("citation")
        || name == "sfn"
        || name == "harvnb"
        || name.starts_with("efn")
        || name == "refn"
    {
        return TemplateOutput::Citation;
    }
    if name.starts_with("lang-") {
        return text(first);
    }
    match name.as_str() {
        "lang" | "transl" | "transliteration" | "script" => text(last),
        "nihongo" | "nihongo2" | "korean" | "zh" | "abbr" | "abbrlink" | "nowrap" | "small"
        | "big" | "em" | "strong" | "sic" | "flag" | "flagcountry" | "flagu" | "keypress"
        | "visible anchor" | "ill" | "interlanguage link" | "vanchor" | "noitalic"
        | "not a typo" | "lang-en" | "linktext" | "math" | "mvar" | "var" | "ship" | "sclass"
        | "hms" | "uss" => match name.as_str() {
            "ship" | "hms" | "uss" => text(&positional.join(" ")),
            _ => text(first),
        },
        "convert" | "cvt" => {
            let unit = positional.get(1).copied().unwrap_or("");
            if unit.is_empty() {
                text(first)
            } else {
                text(&format!("{first} {unit}"))
            }
        }
        "'" | "`" => text("'"),
        "snd" | "spaced ndash" | "ndash" | "en dash" => text("–"),
        "mdash" | "em dash" | "spaced mdash" => text("—"),
        "nbsp" | "sp" | "thinsp" | "space" => text(" "),
        "!" => text("|"),
        "=" => text("="),
        "-" | "clear" | "-\"" => TemplateOutput::Nothing,
        "circa" | "c." | "c" | "ca" => text(&format!("c. {first}")),
        "as of" => text(&format!("As of {}", date_words(&positional))),
        "start date" | "end date" | "birth date" | "death date" | "start date and age"
        | "birth date and age" | "death date and age" | "date" | "dts" | "film date" => {
            text(&date_words(&positional))
        }
        "floruit" | "fl." | "fl" => text(&format!("fl. {first}")),
        "reign" | "r." => text(&format!("r. {}", positional.join("–"))),
        "usd" | "us$" => text(&format!("US${first}")),
        "inflation" | "formatprice" => text(first),
        "frac" => text(&positional.join("/")),
        "quote" | "blockquote" | "quotation" | "cquote" => text(first),
        _ => TemplateOutput::Nothing,
    }
}

/// `1866|8|25` → `25 August 1866`; `1866|8` → `August 1866`; `1866` → `1866`.
fn date_words(parts: &[&str]) -> String {
    let year = parts.first().copied().unwrap_or("");
    let month = parts
        .get(1)
        .and_then(|m| m.parse::<usize>().ok())
        .and_then(|m| MONTHS.get(m.wrapping_sub(1)));
    let day = parts.get(2).and_then(|d| d.parse::<u32>().ok());
    match (month, day) {
        (Some(m), Some(d)) => format!("{d} {m} {year}"),
        (Some(m), None) => format!("{m} {year}"),
        _ => year.to_string(),
    }
}

fn is_named_param(p: &str) -> bool {
    match p.split_once('=') {
        Some((name, _)) => {
            let name = name.trim();
            !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_alphanumeric() || " _-".contains(c))
        }
        None => false,
    }
}

/// Split template content at `|` outside nested `{{ }}` and `[[ ]]`.
fn split_params(inner: &str) -> Vec<String> {
    let mut params = Vec::new();
    let mut current = String::new();
    let mut braces = 0usize;
    let mut brackets = 0usize;
    let mut chars = inner.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = inner[i + c.len_utf8()..].chars().next();
        match (c, next) {
            ('{', Some('{')) | ('[', Some('[')) => {
                if c == '{' {
                    braces += 1
                } else {
                    brackets += 1
                }
                current.push(c);
                current.push(c);
                chars.next();
            }
            ('}', Some('}')) | (']', Some(']')) => {
                if c == '}' {
                    braces = braces.saturating_sub(1)
                } else {
                    brackets = brackets.saturating_sub(1)
                }
                current.push(c);
                current.push(c);
                chars.next();
            }
            ('|', _) if braces == 0 && brackets == 0 => params.push(std::mem::take(&mut current)),
            _ => current.push(c),
        }
    }
    params.push(current);
    params
}

/// Pass two: block structure per line, inline markup within lines.
fn render_blocks(src: &str, citations: &[String], out: &mut RenderOutput) {
    let mut previous_blank = true;
    for line in src.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.chars().all(|c| c == '-' || c == CITATION_MARK) {
            if !previous_blank {
                out.text.push('\n');
            }
            previous_blank = true;
            continue;
        }
        if let Some((level, title)) = wikitext_heading(trimmed) {
            if !previous_blank {
                out.text.push('\n');
            }
            let marks = "=".repeat(level);
            out.text.push_str(&marks);
            out.text.push(' ');
            let mut scratch = RenderOutput {
                next_citation: out.next_citation,
                ..Default::default()
            };
            render_inline(title, citations, &mut scratch);
            out.next_citation = scratch.next_citation;
            out.text.push_str(scratch.text.trim());
            out.text.push(' ');
            out.text.push_str(&marks);
            out.text.push_str("\n\n");
            previous_blank = true;
            continue;
        }
        let list_depth = trimmed
            .chars()
            .take_while(|c| matches!(c, '*' | '#' | ':' | ';'))
            .count();
        if list_depth > 0 {
            let content = trimmed[list_depth..].trim();
            if content.is_empty() {
                continue;
            }
            if !previous_blank {
                out.text.push('\n');
            }
            let is_item = trimmed.starts_with(['*', '#']);
            if is_item {
                out.text.push_str("- ");
            }
            render_inline(content, citations, out);
            out.text.push_str(if is_item { "\n" } else { "\n\n" });
            previous_blank = true;
            continue;
        }
        let before = out.text.len();
        render_inline(trimmed, citations, out);
        if out.text[before..].trim().is_empty() {
            out.text.truncate(before);
            continue;
        }
        out.text.push('\n');
        previous_blank = false;
    }
}

fn wikitext_heading(line: &str) -> Option<(usize, &str)> {
    let level = line.bytes().take_while(|&b| b == b'=').count();
    let closing = line.bytes().rev().take_while(|&b| b == b'=').count();
    if !(2..=6).contains(&level) || closing != level || line.len() <= 2 * level {
        return None;
    }
    Some((level, line[level..line.len() - level].trim()))
}

/// Inline markup: links, external links, bold/italic, HTML tags and entities.
fn render_inline(src: &str, citations: &[String], out: &mut RenderOutput) {
    let mut i = 0;
    while i < src.len() {
        let rest = &src[i..];
        if rest.starts_with(CITATION_MARK) {
            if let Some(wikitext) = citations.get(out.next_citation) {
                out.citations.push(Citation {
                    at: out.text.len(),
                    wikitext: wikitext.clone(),
                });
            }
            out.next_citation += 1;
            i += CITATION_MARK.len_utf8();
            continue;
        }
        if rest.starts_with("''") {
            i += rest.bytes().take_while(|&b| b == b'\'').count().min(5);
            continue;
        }
        if rest.starts_with("[[") {
            if let Some(end) = matching_close(rest, "[[", "]]") {
                let inner = &rest[2..end - 2];
                let (target, label) = match inner.split_once('|') {
                    Some((t, l)) => (t, if l.is_empty() { t } else { l }),
                    None => (inner, inner),
                };
                let trail: String = rest[end..]
                    .chars()
                    .take_while(|c| c.is_alphabetic())
                    .collect();
                let start = out.text.len();
                let mut label_out = RenderOutput::default();
                render_inline(label, &[], &mut label_out);
                out.text.push_str(label_out.text.trim());
                out.text.push_str(&trail);
                let target = normalise_target(target);
                if !target.is_empty() {
                    out.links.push(Link {
                        span: Span::new(start, out.text.len()),
                        target,
                    });
                }
                i += end + trail.len();
                continue;
            }
        }
        if rest.starts_with('[') {
            if let Some(len) = external_link(rest, out) {
                i += len;
                continue;
            }
        }
        if rest.starts_with('<') {
            if let Some(len) = inline_tag(rest, out) {
                i += len;
                continue;
            }
        }
        if rest.starts_with('&') {
            if let Some((len, decoded)) = entity(rest) {
                out.text.push_str(decoded.as_str());
                i += len;
                continue;
            }
        }
        let ch_len = rest.chars().next().map_or(1, char::len_utf8);
        let piece = &rest[..ch_len];
        if piece == "\t" {
            out.text.push(' ');
        } else {
            out.text.push_str(piece);
        }
        i += ch_len;
    }
}

fn normalise_target(target: &str) -> String {
    let target = target
        .split('#')
        .next()
        .unwrap_or("")
        .trim()
        .replace('_', " ");
    let mut chars = target.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `[http://example.org label]` → `label`; a bare bracketed URL renders as nothing.
fn external_link(s: &str, out: &mut RenderOutput) -> Option<usize> {
    let inner_start = 1;
    let lower = s[inner_start..].get(..8)?.to_ascii_lowercase();
    if !(lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("//")) {
        return None;
    }
    let end = s.find(']')?;
    if s[..end].contains('\n') {
        return None;
    }
    let inner = &s[inner_start..end];
    if let Some((_, label)) = inner.split_once(' ') {
        let mut label_out = RenderOutput::default();
        render_inline(label.trim(), &[], &mut label_out);
        out.text.push_str(&label_out.text);
    }
    Some(end + 1)
}

fn inline_tag(s: &str, out: &mut RenderOutput) -> Option<usize> {
    let end = s.find('>')?;
    let tag = &s[1..end];
    let name: String = tag
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    if name.is_empty() || tag.contains('<') {
        return None;
    }
    if name == "br" {
        out.text.push(' ');
    }
    Some(end + 1)
}

fn entity(s: &str) -> Option<(usize, String)> {
    let end = s
        .char_indices()
        .take(12)
        .find(|(_, c)| *c == ';')
        .map(|(i, _)| i)?;
    let name = &s[1..end];
    let decoded = match name {
        "nbsp" | "ensp" | "emsp" | "thinsp" => " ".to_string(),
        "amp" => "&".to_string(),
        "lt" => "<".to_string(),
        "gt" => ">".to_string(),
        "quot" => "\"".to_string(),
        "apos" => "'".to_string(),
        "ndash" => "–".to_string(),
        "mdash" => "—".to_string(),
        "minus" => "−".to_string(),
        "hellip" => "…".to_string(),
        _ => {
            let code = if let Some(hex) = name.strip_prefix("#x").or(name.strip_prefix("#X")) {
                u32::from_str_radix(hex, 16).ok()?
            } else {
                name.strip_prefix('#')?.parse::<u32>().ok()?
            };
            char::from_u32(code)?.to_string()
        }
    };
    Some((end + 1, decoded))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(src: &str) -> Document {
        parse_wikitext(src, "T")
    }

    #[test]
    fn links_keep_text_and_target() {
        let doc = render("The [[Ottoman Empire|Porte]] sent [[Ahmed Vefik Pasha]]s.");
        let block = doc.slice(doc.blocks[0].span);
        assert_eq!(block, "The Porte sent Ahmed Vefik Pashas.");
        assert_eq!(doc.links.len(), 2);
        assert_eq!(doc.slice(doc.links[0].span), "Porte");
        assert_eq!(doc.links[0].target, "Ottoman Empire");
        assert_eq!(doc.slice(doc.links[1].span), "Ahmed Vefik Pashas");
    }

    #[test]
    fn references_and_citation_templates_are_dropped_but_kept() {
        let doc = render("Signed in 1866.<ref name=a>{{cite book|title=X}}</ref> Again.<ref name=a/>{{sfn|Y|2001}}");
        assert_eq!(doc.slice(doc.blocks[0].span), "Signed in 1866. Again.");
        assert_eq!(doc.citations.len(), 3);
        assert_eq!(
            doc.citations[0].at,
            doc.blocks[0].span.start + "Signed in 1866.".len()
        );
    }

    #[test]
    fn templates_tables_files_and_comments() {
        let src = "{{Infobox country\n|name=Italy\n|capital=[[Rome]]\n}}\n'''Italy''' ({{lang-it|Italia}}) is {{convert|301340|km2}} large.<!-- hidden -->\n{| class=wikitable\n|-\n| a || b\n|}\n[[File:Flag.svg|thumb|A [[flag]]]]\nOn {{start date|1866|8|25}} a treaty was signed {{circa|1550}}.\n\n{{Reflist}}\n[[Category:Relations]]";
        let doc = render(src);
        let blocks: Vec<_> = doc.blocks.iter().map(|b| doc.slice(b.span)).collect();
        assert_eq!(
            blocks,
            [
                "Italy (Italia) is 301340 km2 large.",
                "On 25 August 1866 a treaty was signed c. 1550."
            ]
        );
    }

    #[test]
    fn headings_lists_and_external_links() {
        let src = "Lead text.\n==History==\n=== Early ===\n* First [http://x.org item]\n* Second [http://y.org]\n\nMore &ndash; text&nbsp;here.<br/>Done.";
        let doc = render(src);
        let paths: Vec<_> = doc.sections.iter().map(|s| s.path.join("/")).collect();
        assert_eq!(paths, ["", "History", "History/Early"]);
        let blocks: Vec<_> = doc.blocks.iter().map(|b| doc.slice(b.span)).collect();
        assert_eq!(
            blocks,
            [
                "Lead text.",
                "First item",
                "Second",
                "More – text here. Done."
            ]
        );
    }

    #[test]
    fn ampersands_next_to_multibyte_characters() {
        let doc = render("A & ° &nbsp;°C and &amp;日本 & 日本語日本語日本語;");
        assert!(doc.text.contains("A & °  °C and &日本 & 日本語"));
    }

    #[test]
    fn broken_markup_does_not_lose_the_page() {
        let doc = render("Start {{unclosed template and [[broken link\nNext line.");
        assert!(doc.text.contains("Next line."));
        let doc = render("Text [[a|b]] {{ {{ }}");
        assert!(doc.text.contains("Text b"));
    }
}
