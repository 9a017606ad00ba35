//! `tidings dict lookup --place NAME`: the places a name may be, their scores and why one wins.

use std::fmt::Write;

use crate::find::{key_of, tokens};
use crate::gazetteer::{Gazetteer, Kind};
use crate::Cue;

impl Gazetteer {
    /// A report on a place name: each candidate with its kind, population, coordinates and prior
    /// ([`Gazetteer::prior`]), the one chosen alone, and, with `context` (a text that names it),
    /// what the words around it say ([`Cue`]) and the one chosen there. None when the gazetteer
    /// has no place of that name.
    pub fn explain_name(&self, name: &str, context: Option<&str>) -> Option<String> {
        let name = name.trim();
        let toks = tokens(name);
        let candidates = self.lookup(&key_of(name, &toks));
        if candidates.is_empty() {
            return None;
        }
        let mut out = String::new();
        let _ = writeln!(out, "\"{name}\": {} candidate(s)", candidates.len());
        let mut ranked: Vec<usize> = candidates.to_vec();
        ranked.sort_by(|&a, &b| self.prior(b).total_cmp(&self.prior(a)));
        for &c in &ranked {
            let p = self.place(c);
            let g = self.geo(c, Default::default(), "", "");
            let what = match p.kind {
                Kind::Country => "country".to_string(),
                Kind::Division => "first-level division or region".to_string(),
                Kind::City if self.is_capital(c) => "national capital".to_string(),
                Kind::City => "city".to_string(),
            };
            let _ = writeln!(
                out,
                "  {:<45} {what}, Geo_Type {}, population {}, {:.4},{:.4}, GeoNames id {}: prior {:.1}",
                g.full_name,
                g.geo_type,
                p.population,
                p.lat.unwrap_or(f64::NAN),
                p.lon.unwrap_or(f64::NAN),
                if g.feature_id.is_empty() { "none (added by hand)" } else { &g.feature_id },
                self.prior(c)
            );
        }
        let _ = writeln!(
            out,
            "alone: {} (the highest prior: a country 150, a division 120, a city 40 + 3 x log10(population), + 85 for a national capital)",
            self.geo(ranked[0], Default::default(), "", "").full_name
        );
        if let Some(text) = context {
            out.push_str(&self.explain_in(name, text));
        }
        Some(out)
    }

    /// How a name resolves in a text: its cue and the place chosen with the text's other places.
    fn explain_in(&self, name: &str, text: &str) -> String {
        let sentences = tidings_text_sentences(text);
        let geo = self.article(text, &sentences, 1);
        let found = geo
            .sentences
            .iter()
            .flatten()
            .find(|r| text[r.span.clone()].eq_ignore_ascii_case(name));
        match found {
            Some(r) => {
                let cue = match r.cue {
                    Cue::Bare => "named bare: a country or a national capital is kept, a city is not",
                    Cue::Topic => "after a noun whose place it is (\"the war in\"): what an act is about",
                    Cue::Possessive => "a possessive: most often the actor's words",
                    Cue::Announced => "announced by a word before it (\"in\", \"near\", \"the town of\")",
                    Cue::Dateline => "the dateline",
                };
                format!(
                    "in the text: {} ({cue}); the text's other places in each candidate's country add to its prior\n",
                    self.geo(r.place, Default::default(), "", "").full_name
                )
            }
            None => "in the text: not taken as a place (a person's or an organisation's name, part of a longer name, a manner, or a city with no word announcing it)\n".to_string(),
        }
    }
}

/// The text's sentences, cut where `tidings-text` cuts them.
fn tidings_text_sentences(text: &str) -> Vec<std::ops::Range<usize>> {
    let s = tidings_text::split_sentences(text);
    if s.is_empty() {
        vec![0..text.len()]
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use crate::Gazetteer;

    #[test]
    fn a_lookup_lists_the_candidates_and_the_choice() {
        let gaz = Gazetteer::builtin();
        let r = gaz.explain_name("Georgia", None).unwrap();
        assert!(r.contains("\"Georgia\": "));
        assert!(r
            .lines()
            .nth(1)
            .unwrap()
            .trim_start()
            .starts_with("Georgia "));
        assert!(r.contains("alone: Georgia (the highest prior"));
        assert!(r.contains("Georgia, United States"));
        let r = gaz
            .explain_name(
                "Georgia",
                Some("Police in Atlanta and across Georgia arrested dozens."),
            )
            .unwrap();
        assert!(r.contains("in the text: Georgia, United States"), "{r}");
        let r = gaz.explain_name("Azaz", None).unwrap();
        assert!(r.contains("Azaz, Syria"));
        assert!(r.contains("none (added by hand)"));
        assert!(gaz.explain_name("Narnia", None).is_none());
    }
}
