//! Line rules: decide from one line alone whether it is scrape noise, and which kind.

use super::DropRule;

/// The noise kind of `line` (already trimmed), or `None` when it may be news text.
pub fn classify_line(line: &str) -> Option<DropRule> {
    if !line.chars().any(char::is_alphanumeric) {
        return Some(DropRule::Separator);
    }
    // the rules match ASCII phrases, so ASCII lowercasing is enough (and much cheaper)
    let lower = line.to_ascii_lowercase();
    let bare = lower.trim_end_matches(['.', ':', '…', ' ', '!']);
    if is_related_link(&lower) {
        return Some(DropRule::RelatedLink);
    }
    if is_boilerplate(&lower, bare) {
        return Some(DropRule::Boilerplate);
    }
    if is_photo_credit(&lower) {
        return Some(DropRule::PhotoCredit);
    }
    if is_embed(line, &lower) {
        return Some(DropRule::Embed);
    }
    if is_caption_junk(line) {
        return Some(DropRule::CaptionJunk);
    }
    None
}

/// `prefix` at the start of `text`, followed by a non-letter (or the end).
fn starts_with_word(text: &str, prefix: &str) -> bool {
    text.strip_prefix(prefix)
        .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphabetic()))
}

/// Pointers to other stories: `ALSO READ: ...`, `Read more: ...`, `SEE ALSO: ...`, `RELATED: ...`.
fn is_related_link(lower: &str) -> bool {
    const PREFIXES: [&str; 10] = [
        "also read",
        "read more",
        "read also",
        "see also",
        "also see",
        "more on this",
        "related coverage",
        "read or share this story",
        "read the story",
        "read the full",
    ];
    // Labels that announce a link only when followed by a colon.
    const COLON_LABELS: [&str; 14] = [
        "related",
        "related articles",
        "related stories",
        "more",
        "recommended",
        "special coverage",
        "watch",
        "watch live",
        "video",
        "listen",
        "read",
        "don't miss",
        "trending",
        "see",
    ];
    let lower = lower.trim_start_matches(['(', '[', '•', ' ']);
    if PREFIXES.iter().any(|p| starts_with_word(lower, p)) {
        return true;
    }
    lower
        .split_once(':')
        .is_some_and(|(label, _)| COLON_LABELS.contains(&label.trim()))
}

/// Site furniture: advertising labels, sign-up, share, follow and click prompts, credit lines.
fn is_boilerplate(lower: &str, bare: &str) -> bool {
    const WHOLE_LINES: [&str; 22] = [
        "advertisement",
        "advertisement advertisement",
        "ad",
        "advert",
        "sponsored",
        "advertisement continue reading the main story",
        "continue reading the main story",
        "story continued below",
        "continue reading below",
        "continue reading",
        "loading",
        "close",
        "photo",
        "video",
        "image",
        "youtube",
        "newsletter sign-up",
        "share",
        "print",
        "email",
        "comments",
        "sign up for daily newsletters manage newsletters",
    ];
    const PREFIXES: [&str; 19] = [
        "sign up for",
        "subscribe to",
        "subscribe now",
        "click here",
        "click for more",
        "click to",
        "click the",
        "share this article",
        "share all sharing options",
        "share your thoughts",
        "this article is more than",
        "copyright ©",
        "©",
        "enlarge this image",
        "slideshow (",
        "watch the latest video",
        "follow us on",
        "join us on",
        "contributing:",
    ];
    if WHOLE_LINES.contains(&bare) || PREFIXES.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    let words = lower.split_whitespace().count();
    // `[pullquote]`, `[image]`: markup placeholders left by the scraper.
    if lower.starts_with('[') && lower.ends_with(']') && words <= 2 {
        return true;
    }
    // `Follow @handle on Twitter`, `Follow Jane Doe on Facebook and Twitter.`
    if lower.starts_with("follow ")
        && words <= 12
        && ["twitter", "facebook", "instagram", "@"]
            .iter()
            .any(|w| lower.contains(w))
    {
        return true;
    }
    // `Don't see the graphic above? Click here.`
    if words <= 10 && lower.contains("click here") {
        return true;
    }
    // `The Associated Press contributed to this report.`
    words <= 16
        && (lower.contains("contributed to this report")
            || lower.contains("contributed to this story"))
}

/// Photo captions and credits: `(Photo: Reuters)`, `Photo: AP`, `Image copyright AFP Image caption ...`.
fn is_photo_credit(lower: &str) -> bool {
    // `( PHOTOS: ...)`, `Photos: Hide Caption 1 of 9 ...` (a gallery's captions run together).
    if lower.trim_start_matches(['(', ' ']).starts_with("photos:") || lower.contains("hide caption")
    {
        return true;
    }
    const PREFIXES: [&str; 9] = [
        "photo:",
        "photo credit",
        "photograph:",
        "photos:",
        "image copyright",
        "image caption",
        "image source",
        "image:",
        "picture:",
    ];
    if PREFIXES.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    if lower.contains("toggle caption") || lower.contains("photographer: ") {
        return true;
    }
    // A parenthesised credit alone on a line: `(Photo: ...)`, `(AP Photo/Jane Doe)`, `(Getty Images)`.
    if let Some(inner) = lower.strip_prefix('(').and_then(|l| l.strip_suffix(')')) {
        const CREDITS: [&str; 8] = [
            "photo",
            "image",
            "picture",
            "credit",
            "ap photo",
            "file photo",
            "getty",
            "reuters",
        ];
        return CREDITS.iter().any(|c| inner.trim_start().starts_with(c));
    }
    false
}

/// Embedded social-media posts and bare links: `... pic.twitter.com/x — Name (@handle) July 14, 2016`.
fn is_embed(line: &str, lower: &str) -> bool {
    if lower.contains("pic.twitter.com/") {
        return true;
    }
    let single_token = !line.contains(char::is_whitespace);
    if single_token
        && (lower.starts_with("http://")
            || lower.starts_with("https://")
            || lower.starts_with("www."))
    {
        return true;
    }
    // Tweet signature: `— Name (@handle) Month D, YYYY` at the end.
    if let Some(pos) = line.rfind("(@") {
        let tail = &line[pos..];
        let ends_with_year = tail.len() > 6
            && tail.as_bytes()[tail.len() - 4..]
                .iter()
                .all(u8::is_ascii_digit)
            && tail.contains(')');
        return ends_with_year && (line.contains('—') || line.contains("&mdash;"));
    }
    false
}

/// Caption junk: the remains of an image's alt text and file name, such as
/// `kim jon un and xi jinping 1 375542 W91gb8Hj World`, or a stray numeric id (`191023171201830`).
///
/// A line is caption junk when it is short (at most 16 words), has no sentence punctuation, holds an
/// opaque token (letters and digits interleaved at least three times, like `W91gb8Hj`, or a run of
/// five or more digits with no thousands separator) and its words are mostly lowercase (or it has no
/// words at all). Headlines (capitalised words), model names (`MH370`, `F-22`), amounts
/// (`10,000km`) and times never qualify.
pub fn is_caption_junk(line: &str) -> bool {
    if line.contains([
        '.', '?', '!', ',', ':', ';', '"', '“', '”', '(', '@', '/', '#', '$', '%',
    ]) {
        return false;
    }
    let tokens: Vec<&str> = line.split_whitespace().collect();
    if tokens.is_empty() || tokens.len() > 16 {
        return false;
    }
    let mut opaque = 0;
    let (mut words, mut lowercase_words) = (0, 0);
    for token in &tokens {
        if is_opaque_token(token) {
            opaque += 1;
        } else if token.chars().all(char::is_alphabetic) {
            words += 1;
            if token.starts_with(char::is_lowercase) {
                lowercase_words += 1;
            }
        }
    }
    opaque > 0 && (words == 0 || lowercase_words * 2 > words)
}

/// `W91gb8Hj` (letters and digits interleaved three or more times) or `375542` (5+ digits).
fn is_opaque_token(token: &str) -> bool {
    if !token.chars().all(|c| c.is_ascii_alphanumeric()) {
        return false;
    }
    let mut switches = 0;
    let mut longest_digit_run = 0;
    let mut digit_run = 0;
    let mut previous_is_digit: Option<bool> = None;
    for c in token.chars() {
        let is_digit = c.is_ascii_digit();
        if previous_is_digit.is_some_and(|p| p != is_digit) {
            switches += 1;
        }
        digit_run = if is_digit { digit_run + 1 } else { 0 };
        longest_digit_run = longest_digit_run.max(digit_run);
        previous_is_digit = Some(is_digit);
    }
    switches >= 3 || longest_digit_run >= 5
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn related_links_dropped() {
        for line in [
            "ALSO READ: Sadyr Japarov appointed as new Kyrgyzstan prime minister",
            "Also read: Pakistan bans TikTok",
            "READ MORE: Taliban responds to Trump's Afghan strategy",
            "Read more",
            "SEE ALSO: Kerry lands in Beijing to pressure China on North Korea",
            "RELATED: Boston Bomb Suspect Captured Alive in Backyard Boat",
            "More:97-year-old veteran Paratrooper skydives for D-Day 75th anniversary",
            "Read or Share this story: http://usat.ly/1R5eUBs",
            "WATCH: Here are five ways North Korea is funding its nuclear program",
        ] {
            assert_eq!(classify_line(line), Some(DropRule::RelatedLink), "{line}");
        }
    }

    #[test]
    fn boilerplate_credits_and_embeds_dropped() {
        for (line, rule) in [
            ("Advertisement", DropRule::Boilerplate),
            ("ADVERTISEMENT", DropRule::Boilerplate),
            ("Story Continued Below", DropRule::Boilerplate),
            ("Subscribe to our newsletter", DropRule::Boilerplate),
            ("Click here to read more", DropRule::Boilerplate),
            ("Follow us on Twitter @CNNOpinion.", DropRule::Boilerplate),
            ("Follow @OrenDorell on Twitter", DropRule::Boilerplate),
            ("The Associated Press contributed to this report.", DropRule::Boilerplate),
            ("[pullquote]", DropRule::Boilerplate),
            ("(Photo: Reuters)", DropRule::PhotoCredit),
            ("(AP Photo/Hussein Malla)", DropRule::PhotoCredit),
            ("Photo: Farah Abdi Warsameh/AP", DropRule::PhotoCredit),
            ("Image copyright AFP Image caption Winter is setting in", DropRule::PhotoCredit),
            ("___", DropRule::Separator),
            ("• • •", DropRule::Separator),
            (
                "I have never been to Prague. pic.twitter.com/CMil9Rha3D — Michael Cohen (@MichaelCohen212) January 11, 2017",
                DropRule::Embed,
            ),
            ("https://twitter.com/Cernovich/status/899809485031473153", DropRule::Embed),
        ] {
            assert_eq!(classify_line(line), Some(rule), "{line}");
        }
    }

    #[test]
    fn caption_junk_dropped() {
        for line in [
            "kim jon un and xi jinping 1 375542 W91gb8Hj World",
            "191023171201830",
            "modi xi summit 2 88211 k3Jd9aQ1",
        ] {
            assert!(is_caption_junk(line), "{line}");
            assert_eq!(classify_line(line), Some(DropRule::CaptionJunk));
        }
    }

    #[test]
    fn news_text_kept() {
        for line in [
            "China President Xi Jinping has congratulated Kim Jong Un on the founding anniversary.",
            "Day 2 Of G-7 Meeting Focuses On Climate Change, Terrorism",
            "AirAsia and MH370 cases are very different",
            "The minimum range is 5,500km (3,400 miles), although most fly about 10,000km or more",
            "Update 10:02PM EDT",
            "Video posted Wednesday shows people carrying limp bodies",
            "More than 104,000 Americans are dead in a pandemic.",
            "Related by marriage",
            "Photographs were released later on Sunday.",
            "Readers may remember the 2015 agreement.",
            "Advertisers fled the network in 2019.",
            "michael barbaro",
            "Follow-up talks are planned for March.",
        ] {
            assert_eq!(classify_line(line), None, "{line}");
        }
    }
}
