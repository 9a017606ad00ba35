//! Cleaning: from an [`Article`] to [`CleanText`], headline first, scrape noise dropped.

mod hover_card;
mod rules;
mod teaser;

pub use rules::is_caption_junk;

use crate::Article;

/// Why a piece of text was dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DropRule {
    /// `ALSO READ: ...`, `Read more: ...`, `SEE ALSO: ...`: another story's headline.
    RelatedLink,
    /// Advertising labels, sign-up/share/follow/click prompts, credit lines, markup placeholders.
    Boilerplate,
    /// Photo captions and credits.
    PhotoCredit,
    /// Embedded social-media posts and bare links.
    Embed,
    /// An image's alt text and file name left in the text (`... 1 375542 W91gb8Hj World`).
    CaptionJunk,
    /// A line without letters or digits (`___`, `• • •`).
    Separator,
    /// A paragraph cut off with an ellipsis that the next paragraphs repeat.
    Teaser,
    /// A body paragraph identical to the headline.
    RepeatedHeadline,
    /// A link card inside a paragraph: a name repeated, glued to other stories' headlines, `MORE`.
    LinkCard,
}

impl DropRule {
    /// Short stable label, used as [`crate::Dropped::reason`].
    pub fn label(self) -> &'static str {
        match self {
            DropRule::RelatedLink => "related-story link",
            DropRule::Boilerplate => "site boilerplate",
            DropRule::PhotoCredit => "photo caption or credit",
            DropRule::Embed => "embedded post or bare link",
            DropRule::CaptionJunk => "caption junk",
            DropRule::Separator => "separator",
            DropRule::Teaser => "teaser repeating the lead",
            DropRule::RepeatedHeadline => "repeats the headline",
            DropRule::LinkCard => "inline link card",
        }
    }
}

/// Cleans an article: the headline on the first line, a blank line, then the kept paragraphs
/// separated by blank lines. Each line of the body is one paragraph, its whitespace runs (tabs,
/// no-break spaces) collapsed to single spaces; noise lines are dropped and recorded with their
/// reason.
pub fn clean(article: &Article) -> crate::CleanText {
    let headline = article
        .title
        .as_deref()
        .map(collapse_whitespace)
        .filter(|t| !t.is_empty());
    let mut dropped = Vec::new();
    let mut lines: Vec<String> = article
        .text
        .lines()
        .map(collapse_whitespace)
        .filter(|l| !l.is_empty())
        .collect();
    for line in lines.iter_mut().filter(|l| l.contains(" MORE")) {
        let (kept, cards) = hover_card::strip_hover_cards(line);
        if !cards.is_empty() {
            dropped.extend(
                cards
                    .iter()
                    .map(|card| crate::Dropped::new(card, DropRule::LinkCard)),
            );
            *line = kept;
        }
    }
    let mut kept: Vec<&str> = Vec::with_capacity(lines.len());
    for line in &lines {
        let rule = match &headline {
            Some(h) if same_text(h, line) => Some(DropRule::RepeatedHeadline),
            _ => rules::classify_line(line),
        };
        match rule {
            Some(rule) => dropped.push(crate::Dropped::new(line, rule)),
            None => kept.push(line),
        }
    }
    // Teasers are judged against the paragraphs kept after them.
    let mut paragraphs: Vec<&str> = Vec::with_capacity(kept.len());
    for (i, paragraph) in kept.iter().enumerate() {
        let following = &kept[i + 1..kept.len().min(i + 3)];
        if teaser::is_teaser(paragraph, following) {
            dropped.push(crate::Dropped::new(paragraph, DropRule::Teaser));
        } else {
            paragraphs.push(paragraph);
        }
    }
    let mut text = String::with_capacity(article.text.len() + 64);
    let headline_end = headline.as_ref().map(|h| {
        text.push_str(h);
        h.len()
    });
    for paragraph in paragraphs {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(paragraph);
    }
    crate::CleanText {
        text,
        headline_end,
        dropped,
    }
}

/// Trims a line and turns each run of whitespace (tabs, no-break spaces) into one space.
fn collapse_whitespace(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for word in line.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn same_text(a: &str, b: &str) -> bool {
    let mut a_words = a.split_whitespace();
    let mut b_words = b.split_whitespace();
    loop {
        match (a_words.next(), b_words.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x.eq_ignore_ascii_case(y) => continue,
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read_path;
    use std::path::Path;

    fn seed() -> Article {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/seed/xi-kim-letter-2020-10-11.txt");
        read_path(&path, None).unwrap().next().unwrap().unwrap()
    }

    #[test]
    fn seed_noise_dropped_news_kept() {
        let cleaned = clean(&seed());
        let reasons: Vec<(&str, DropRule)> = cleaned
            .dropped
            .iter()
            .map(|d| (d.text.as_str(), d.rule))
            .collect();
        assert_eq!(reasons.len(), 4, "{reasons:#?}");
        assert!(reasons.contains(&(
            "kim jon un and xi jinping 1 375542 W91gb8Hj World",
            DropRule::CaptionJunk
        )));
        assert!(reasons.contains(&(
            "ALSO READ: Sadyr Japarov appointed as new Kyrgyzstan prime minister",
            DropRule::RelatedLink
        )));
        assert!(reasons.contains(&(
            "ALSO READ: Pakistan bans TikTok over ‘immoral content’",
            DropRule::RelatedLink
        )));
        assert!(reasons
            .iter()
            .any(|(t, r)| t.starts_with("In a congratulatory message") && *r == DropRule::Teaser));

        let headline = "Intend to develop, consolidate China-Korea ties: Xi Jinping to Kim Jong Un";
        assert_eq!(cleaned.headline_end, Some(headline.len()));
        assert!(cleaned.text.starts_with(&format!(
            "{headline}\n\nChina President Xi Jinping has congratulated"
        )));
        let paragraphs: Vec<&str> = cleaned.text.split("\n\n").collect();
        assert_eq!(paragraphs.len(), 6, "headline + 5 paragraphs");
        assert!(paragraphs[5].starts_with("“In recent years I had several meetings"));
        assert!(!cleaned.text.contains("ALSO READ"));
        assert!(!cleaned.text.contains("W91gb8Hj"));
    }

    #[test]
    fn repeated_headline_and_no_title() {
        let mut article = seed();
        article.text = format!(
            "{}\n\nBody line.",
            article.title.clone().unwrap().to_uppercase()
        );
        let cleaned = clean(&article);
        assert_eq!(cleaned.dropped[0].rule, DropRule::RepeatedHeadline);
        article.title = None;
        article.text = "Body line.".into();
        let cleaned = clean(&article);
        assert_eq!(cleaned.text, "Body line.");
        assert_eq!(cleaned.headline_end, None);
    }
}
