//! Line handling shared by every PETRARCH file kind: `#` comments, `<!-- ... -->` comment blocks,
//! `_` word connectors, and the `[...]` code brackets.

use crate::format::DictError;
use crate::words::Words;

/// The content lines of a PETRARCH file: (1-based line number, line without its comment, right-trimmed).
/// Leading whitespace is kept (actor code lines are tab-indented). `<!-- ... -->` blocks, which may
/// span lines, are dropped.
pub fn content_lines(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut in_xml_comment = false;
    for (i, raw) in text.lines().enumerate() {
        let trimmed = raw.trim_start();
        if in_xml_comment {
            if raw.contains("-->") {
                in_xml_comment = false;
            }
            continue;
        }
        if trimmed.starts_with("<!") {
            if !trimmed.contains("-->") && !trimmed.trim_end().ends_with('>') {
                in_xml_comment = true;
            }
            continue;
        }
        let line = match raw.find('#') {
            Some(p) => &raw[..p],
            None => raw,
        };
        let line = line.trim_end();
        if !line.trim().is_empty() {
            out.push((i + 1, line));
        }
    }
    out
}

/// A PETRARCH phrase (`NEW_ZEALAND`, `CARAS GALADHON`, `U.S._`) as normalized words joined by
/// spaces, and whether it ended in `_` (exact: no automatic plural).
pub fn phrase(raw: &str) -> (String, bool) {
    let raw = raw.trim();
    let exact = raw.ends_with('_');
    let spaced = raw.replace('_', " ");
    (Words::new(&spaced).joined(), exact)
}

/// Splits `TEXT [CODE] rest` into the text before the first bracket and the bracket contents.
/// Returns None for the codes when there is no bracket; an error when a bracket is not closed.
pub fn split_codes(line: &str) -> Result<(&str, Vec<&str>), String> {
    let Some(open) = line.find('[') else {
        return Ok((line, Vec::new()));
    };
    let head = &line[..open];
    let mut codes = Vec::new();
    let mut rest = &line[open..];
    while let Some(o) = rest.find('[') {
        let Some(c) = rest[o..].find(']') else {
            return Err("`[` without a closing `]`".into());
        };
        codes.push(rest[o + 1..o + c].trim());
        rest = &rest[o + c + 1..];
    }
    Ok((head, codes))
}

/// Builds a [`DictError`].
pub fn err(file: &str, line: usize, reason: impl Into<String>) -> DictError {
    DictError {
        file: file.to_string(),
        line,
        reason: reason.into(),
    }
}

/// Words that are also common English words when written in lower case: PETRARCH dictionaries are all
/// in capitals, so a one-word entry among these (`US`, `IT`, `WHO`) keeps its capitals and only
/// matches capitals in the text.
pub fn is_common_word(w: &str) -> bool {
    matches!(
        w,
        "a" | "am"
            | "an"
            | "and"
            | "are"
            | "as"
            | "at"
            | "be"
            | "but"
            | "by"
            | "can"
            | "do"
            | "for"
            | "he"
            | "her"
            | "him"
            | "his"
            | "i"
            | "if"
            | "in"
            | "is"
            | "it"
            | "its"
            | "may"
            | "me"
            | "my"
            | "no"
            | "not"
            | "of"
            | "on"
            | "or"
            | "our"
            | "out"
            | "say"
            | "she"
            | "so"
            | "the"
            | "to"
            | "up"
            | "us"
            | "was"
            | "we"
            | "who"
            | "will"
            | "with"
            | "you"
            | "all"
            | "one"
            | "new"
            | "had"
            | "has"
            | "aid"
            | "man"
            | "men"
            | "guard"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_comments_and_comment_blocks() {
        let text = "<!-- one line -->\n<!--\n# inside\n-->\nARNOR_ [ARN] # note\n\n\t[GON]\n";
        assert_eq!(
            content_lines(text),
            vec![(5, "ARNOR_ [ARN]"), (7, "\t[GON]")]
        );
    }

    #[test]
    fn phrases_and_codes() {
        assert_eq!(phrase("NEW_ZEALAND"), ("new zealand".to_string(), false));
        assert_eq!(phrase("U.S._"), ("u.s.".to_string(), true));
        assert_eq!(phrase("BARAD-DUR"), ("barad dur".to_string(), false));
        assert_eq!(
            split_codes("GOLLUM [HOB <950601] x").unwrap(),
            ("GOLLUM ", vec!["HOB <950601"])
        );
        assert!(split_codes("X [ARN").is_err());
    }
}
