//! Which language an article is in (`whatlang`, trigram statistics over its title and first
//! few thousand characters), and the filter that skips articles in other languages, counting them.

use crate::{Article, ReadOptions, Records};

/// Which articles to keep by language.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum LanguageFilter {
    /// Keep every article.
    #[default]
    Any,
    /// Keep articles in this language (ISO 639-3, e.g. `eng`) and those whose language cannot be
    /// told reliably; skip and count the others.
    Only(String),
}

/// The article's language as an ISO 639-3 code (`eng`, `fra`, `deu`), when it can be told reliably
/// from its title and text (at least 20 letters; `whatlang` must call its guess reliable).
pub fn detect_language(article: &Article) -> Option<&'static str> {
    let mut sample = String::with_capacity(4096);
    if let Some(title) = &article.title {
        sample.push_str(title);
        sample.push('\n');
    }
    let mut end = article.text.len().min(4000);
    while !article.text.is_char_boundary(end) {
        end -= 1;
    }
    sample.push_str(&article.text[..end]);
    if sample.chars().filter(|c| c.is_alphabetic()).count() < 20 {
        return None;
    }
    let info = whatlang::detect(&sample)?;
    info.is_reliable().then(|| info.lang().code())
}

/// `records` less the articles in another language than `options.language` asks for, each
/// counted in `options.stats`.
pub fn filter(records: Records, options: &ReadOptions) -> Records {
    let LanguageFilter::Only(wanted) = options.language.clone() else {
        return records;
    };
    let stats = options.stats.clone();
    Box::new(records.filter(move |record| {
        let Ok(article) = record else { return true };
        match detect_language(article) {
            Some(lang) if lang != wanted => {
                if let Some(stats) = &stats {
                    let mut stats = stats.lock().unwrap();
                    *stats.other_language.entry(lang.to_string()).or_default() += 1;
                }
                false
            }
            _ => true,
        }
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Origin;

    fn article(text: &str) -> Article {
        Article {
            id: "a".into(),
            title: None,
            date: None,
            source: None,
            url: None,
            text: text.into(),
            origin: Origin {
                file: "a".into(),
                line: 1,
            },
            warnings: Vec::new(),
        }
    }

    #[test]
    fn tells_english_from_french_and_gives_up_on_scraps() {
        let en = article("The foreign minister met his counterpart in Paris on Monday to discuss the ceasefire and the release of prisoners.");
        let fr = article("Le ministre des affaires étrangères a rencontré son homologue à Paris lundi pour discuter du cessez-le-feu et de la libération des prisonniers.");
        assert_eq!(detect_language(&en), Some("eng"));
        assert_eq!(detect_language(&fr), Some("fra"));
        assert_eq!(detect_language(&article("Xi met Kim.")), None);
    }

    #[test]
    fn other_languages_are_skipped_and_counted() {
        let stats = std::sync::Arc::new(std::sync::Mutex::new(crate::InputStats::default()));
        let options = ReadOptions {
            language: LanguageFilter::Only("eng".into()),
            stats: Some(stats.clone()),
            ..ReadOptions::default()
        };
        let records: Records = Box::new(
            vec![
                Ok(article("The foreign minister met his counterpart in Paris on Monday to discuss the ceasefire.")),
                Ok(article("Der Außenminister traf am Montag seinen Amtskollegen in Paris, um über die Waffenruhe zu sprechen.")),
                Ok(article("Short.")),
            ]
            .into_iter(),
        );
        assert_eq!(filter(records, &options).count(), 2);
        assert_eq!(stats.lock().unwrap().other_language.get("deu"), Some(&1));
    }
}
