//! `robots.txt` as RFC 9309 reads it: groups of rules per user agent, `Allow`/`Disallow` by the
//! longest matching pattern (an `Allow` wins a tie), `*` for any run of characters, `$` for the
//! end of the path. `Crawl-delay` (not in the RFC, common in the wild) is read too.

use std::time::Duration;

/// The rules of one `robots.txt` that apply to one crawler.
#[derive(Debug, Clone, PartialEq)]
pub struct Robots {
    rules: Vec<Rule>,
    /// The group's `Crawl-delay`, if it gives one.
    pub crawl_delay: Option<Duration>,
}

#[derive(Debug, Clone, PartialEq)]
struct Rule {
    allow: bool,
    pattern: String,
}

/// One `User-agent` group as written: its agents, rules and crawl delay.
#[derive(Default)]
struct Group {
    agents: Vec<String>,
    rules: Vec<Rule>,
    crawl_delay: Option<Duration>,
}

impl Robots {
    /// Everything allowed (no `robots.txt`: a 4xx answer).
    pub fn allow_all() -> Robots {
        Robots {
            rules: Vec::new(),
            crawl_delay: None,
        }
    }

    /// Nothing allowed (the server could not say: a 5xx answer or no answer).
    pub fn disallow_all() -> Robots {
        Robots {
            rules: vec![Rule {
                allow: false,
                pattern: "/".into(),
            }],
            crawl_delay: None,
        }
    }

    /// The rules of `text` for the crawler whose product token is `agent` (`tidings`): the groups
    /// naming it (case-insensitively), merged; else the `*` groups; else none (all allowed).
    pub fn parse(text: &str, agent: &str) -> Robots {
        let groups = groups(text);
        let agent = agent.to_ascii_lowercase();
        let named: Vec<&Group> = groups
            .iter()
            .filter(|g| g.agents.contains(&agent))
            .collect();
        let chosen = if named.is_empty() {
            groups
                .iter()
                .filter(|g| g.agents.iter().any(|a| a == "*"))
                .collect()
        } else {
            named
        };
        Robots {
            rules: chosen.iter().flat_map(|g| g.rules.clone()).collect(),
            crawl_delay: chosen.iter().find_map(|g| g.crawl_delay),
        }
    }

    /// Whether `path` (the URL's path and query, `/a/b?c=d`) may be fetched: the longest matching
    /// pattern decides, an `Allow` wins against a `Disallow` as long; no match allows.
    /// `/robots.txt` itself is always allowed.
    pub fn allows(&self, path: &str) -> bool {
        if path == "/robots.txt" {
            return true;
        }
        let mut best: Option<(usize, bool)> = None;
        for rule in &self.rules {
            if !matches(&rule.pattern, path) {
                continue;
            }
            let len = rule.pattern.len();
            best = match best {
                Some((l, allow)) if l > len || (l == len && allow) => Some((l, allow)),
                _ => Some((len, rule.allow)),
            };
        }
        best.is_none_or(|(_, allow)| allow)
    }
}

/// The groups of `text`: consecutive `User-agent` lines open a group, the rules after them belong
/// to it; a `User-agent` line after a rule opens the next group. Unknown lines are ignored.
fn groups(text: &str) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    let mut open = false; // the last group still takes User-agent lines
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let (key, value) = (key.trim().to_ascii_lowercase(), value.trim());
        match key.as_str() {
            "user-agent" => {
                if !open {
                    groups.push(Group::default());
                    open = true;
                }
                let token: String = value
                    .chars()
                    .take_while(|c| c.is_ascii_alphabetic() || *c == '_' || *c == '-' || *c == '*')
                    .collect();
                if let Some(group) = groups.last_mut() {
                    group.agents.push(token.to_ascii_lowercase());
                }
            }
            "allow" | "disallow" => {
                open = false;
                let Some(group) = groups.last_mut() else {
                    continue; // a rule before any User-agent line belongs to no group
                };
                if !value.is_empty() {
                    group.rules.push(Rule {
                        allow: key == "allow",
                        pattern: value.to_string(),
                    });
                }
            }
            "crawl-delay" => {
                open = false;
                if let (Some(group), Ok(secs)) = (groups.last_mut(), value.parse::<f64>()) {
                    if secs.is_finite() && secs >= 0.0 {
                        group.crawl_delay = Some(Duration::from_secs_f64(secs.min(3600.0)));
                    }
                }
            }
            _ => {}
        }
    }
    groups
}

/// Whether `pattern` matches the start of `path`: `*` matches any run of characters, a final `$`
/// anchors the pattern at the end of the path.
fn matches(pattern: &str, path: &str) -> bool {
    let (pattern, anchored) = match pattern.strip_suffix('$') {
        Some(p) => (p, true),
        None => (pattern, false),
    };
    let mut pieces = pattern.split('*');
    let first = pieces.next().unwrap_or("");
    let Some(mut rest) = path.strip_prefix(first) else {
        return false;
    };
    let pieces: Vec<&str> = pieces.collect();
    if pieces.is_empty() {
        return !anchored || rest.is_empty();
    }
    for (i, piece) in pieces.iter().enumerate() {
        let last = i + 1 == pieces.len();
        if last && anchored {
            return rest.ends_with(piece);
        }
        match rest.find(piece) {
            Some(at) => rest = &rest[at + piece.len()..],
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_group_naming_the_agent_wins_over_star() {
        let text = "User-agent: *\nDisallow: /\n\nUser-agent: Tidings/0.1\nDisallow: /private/\n";
        let robots = Robots::parse(text, "tidings");
        assert!(robots.allows("/news/a.html"));
        assert!(!robots.allows("/private/x"));
        let other = Robots::parse(text, "otherbot");
        assert!(!other.allows("/news/a.html"));
    }

    #[test]
    fn groups_for_one_agent_merge_and_agents_share_a_group() {
        let text = "User-agent: a\nUser-agent: tidings\nDisallow: /x\n\nUser-agent: tidings\nDisallow: /y\n# c\nUser-agent: *\nDisallow: /z\n";
        let robots = Robots::parse(text, "tidings");
        assert!(!robots.allows("/x1"));
        assert!(!robots.allows("/y"));
        assert!(robots.allows("/z"));
    }

    #[test]
    fn longest_match_decides_and_allow_wins_a_tie() {
        let text = "User-agent: *\nDisallow: /news/\nAllow: /news/world/\nDisallow: /news/world/secret\nAllow: /tie\nDisallow: /tie\n";
        let robots = Robots::parse(text, "tidings");
        assert!(!robots.allows("/news/local.html"));
        assert!(robots.allows("/news/world/a.html"));
        assert!(!robots.allows("/news/world/secret.html"));
        assert!(robots.allows("/tie"));
        assert!(robots.allows("/other"));
    }

    #[test]
    fn wildcards_and_end_anchors() {
        let text = "User-agent: *\nDisallow: /*.pdf$\nDisallow: /*?print=\nDisallow: /a*b*c\nAllow: /exact$\nDisallow: /exact\n";
        let robots = Robots::parse(text, "tidings");
        assert!(!robots.allows("/files/report.pdf"));
        assert!(robots.allows("/files/report.pdf.html"));
        assert!(!robots.allows("/story?print=yes&id=1"));
        assert!(robots.allows("/story?id=1"));
        assert!(!robots.allows("/a-x-b-y-c-z"));
        assert!(robots.allows("/a-x-c-b"));
        assert!(robots.allows("/exact"));
        assert!(!robots.allows("/exact/more"));
    }

    #[test]
    fn empty_disallow_comments_and_junk_allow_everything() {
        let text = "Disallow: /before-any-group\nUser-agent: * # all\nDisallow:\nnonsense line\nSitemap: https://x/s.xml\n";
        let robots = Robots::parse(text, "tidings");
        assert!(robots.allows("/anything"));
        assert!(robots.allows("/before-any-group"));
        assert!(Robots::parse("", "tidings").allows("/"));
    }

    #[test]
    fn crawl_delay_and_the_fixed_answers() {
        let robots = Robots::parse("User-agent: *\nCrawl-delay: 1.5\nDisallow: /p", "tidings");
        assert_eq!(robots.crawl_delay, Some(Duration::from_millis(1500)));
        assert!(Robots::allow_all().allows("/x"));
        assert!(!Robots::disallow_all().allows("/x"));
        assert!(Robots::disallow_all().allows("/robots.txt"));
    }
}
