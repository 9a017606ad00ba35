//! Query-string parameters, checked: each bad value is a 400 that names the parameter, the value
//! and what is accepted.

use crate::series::Period;
use crate::ApiError;
use chrono::NaiveDate;
use std::collections::BTreeMap;
use tidings_dict::CameoTable;
use tidings_store::browse::EventSearch;

/// The parameters of one request, by name; a name given twice is refused.
pub struct Params {
    values: BTreeMap<String, String>,
}

/// Longest free-text value (evidence words, place names, actor search).
const MAX_TEXT: usize = 200;

impl Params {
    /// Checks that every name is one of `allowed`.
    pub fn new(pairs: Vec<(String, String)>, allowed: &[&str]) -> Result<Params, ApiError> {
        let mut values = BTreeMap::new();
        for (k, v) in pairs {
            if !allowed.contains(&k.as_str()) {
                return Err(ApiError::bad_request(format!(
                    "unknown parameter `{}`; this route takes: {}",
                    clip(&k),
                    allowed.join(", ")
                )));
            }
            if values.insert(k.clone(), v).is_some() {
                return Err(ApiError::bad_request(format!(
                    "parameter `{k}` is given twice; give it once"
                )));
            }
        }
        Ok(Params { values })
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.values
            .get(name)
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
    }

    /// An actor code: letters and digits, as CAMEO writes them (`CHN`, `USAGOV`), upper-cased.
    pub fn actor(&self, name: &str) -> Result<Option<String>, ApiError> {
        let Some(v) = self.get(name) else {
            return Ok(None);
        };
        if v.len() > 30 || !v.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(ApiError::bad_request(format!(
                "{name}: `{}` is not an actor code; codes are letters and digits such as CHN or \
                 USAGOV (find one by name at /api/actors?q=...)",
                clip(v)
            )));
        }
        Ok(Some(v.to_ascii_uppercase()))
    }

    pub fn date(&self, name: &str) -> Result<Option<NaiveDate>, ApiError> {
        let Some(v) = self.get(name) else {
            return Ok(None);
        };
        NaiveDate::parse_from_str(v, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| {
                ApiError::bad_request(format!(
                    "{name}: `{}` is not a date; write it as YYYY-MM-DD, e.g. 2020-10-10",
                    clip(v)
                ))
            })
    }

    /// A whole number in `lo..=hi`; `what` says what the bound means.
    pub fn number(
        &self,
        name: &str,
        lo: i64,
        hi: i64,
        what: &str,
    ) -> Result<Option<i64>, ApiError> {
        let Some(v) = self.get(name) else {
            return Ok(None);
        };
        let n: i64 = v.parse().map_err(|_| {
            ApiError::bad_request(format!("{name}: `{}` is not a whole number", clip(v)))
        })?;
        if n < lo || n > hi {
            return Err(ApiError::bad_request(format!(
                "{name}: {n} is out of range {lo} to {hi}{what}"
            )));
        }
        Ok(Some(n))
    }

    /// Free text up to [`MAX_TEXT`] characters.
    pub fn text(&self, name: &str) -> Result<Option<String>, ApiError> {
        let Some(v) = self.get(name) else {
            return Ok(None);
        };
        if v.chars().count() > MAX_TEXT {
            return Err(ApiError::bad_request(format!(
                "{name}: the text is longer than {MAX_TEXT} characters; shorten it"
            )));
        }
        Ok(Some(v.to_string()))
    }

    pub fn flag(&self, name: &str) -> Result<bool, ApiError> {
        match self.get(name) {
            None | Some("0") | Some("false") => Ok(false),
            Some("1") | Some("true") => Ok(true),
            Some(v) => Err(ApiError::bad_request(format!(
                "{name}: `{}` is not a flag; use true or false",
                clip(v)
            ))),
        }
    }

    pub fn period(&self) -> Result<Period, ApiError> {
        match self.get("period") {
            None => Ok(Period::Month),
            Some(v) => Period::parse(v).ok_or_else(|| {
                ApiError::bad_request(format!(
                    "period: `{}` is not a period; use day, week, month or year",
                    clip(v)
                ))
            }),
        }
    }

    /// A CAMEO code or root that the code table knows.
    pub fn cameo(&self, cameo: &CameoTable) -> Result<Option<String>, ApiError> {
        let Some(v) = self.get("code") else {
            return Ok(None);
        };
        let well_formed = (2..=4).contains(&v.len()) && v.chars().all(|c| c.is_ascii_digit());
        if !well_formed || !cameo.contains(v) {
            return Err(ApiError::bad_request(format!(
                "code: `{}` is not a CAMEO code in the code table; give a root such as 05 or a \
                 code such as 051 (dictionaries/cameo-codes.txt lists them)",
                clip(v)
            )));
        }
        Ok(Some(v.to_string()))
    }

    /// The CAMEO codes of a PLOVER event type.
    pub fn plover(&self, cameo: &CameoTable) -> Result<Option<Vec<String>>, ApiError> {
        let Some(v) = self.get("plover") else {
            return Ok(None);
        };
        let want = v.to_ascii_uppercase();
        let codes: Vec<String> = cameo
            .codes()
            .into_iter()
            .filter(|c| c.plover_event == want)
            .map(|c| c.code.clone())
            .collect();
        if codes.is_empty() {
            let mut known: Vec<&str> = cameo
                .codes()
                .into_iter()
                .map(|c| c.plover_event.as_str())
                .filter(|p| *p != "-")
                .collect();
            known.sort_unstable();
            known.dedup();
            return Err(ApiError::bad_request(format!(
                "plover: `{}` is not a PLOVER event type; use one of {}",
                clip(v),
                known.join(", ")
            )));
        }
        Ok(Some(codes))
    }

    /// The event filter shared by `/api/events` and `/api/places`.
    pub fn search(&self, cameo: &CameoTable, max_page: usize) -> Result<EventSearch, ApiError> {
        let a = self.actor("a")?;
        let b = self.actor("b")?;
        let dyad = match (a, b) {
            (Some(a), Some(b)) => Some((a, b)),
            (None, None) => None,
            _ => {
                return Err(ApiError::bad_request(
                    "a dyad needs both `a` and `b` (actor codes); for one actor on either side use `actor`",
                ))
            }
        };
        let from = self.date("from")?;
        let to = self.date("to")?;
        if let (Some(f), Some(t)) = (from, to) {
            if f > t {
                return Err(ApiError::bad_request(format!(
                    "from {f} is after to {t}; swap them"
                )));
            }
        }
        let limit = self
            .number(
                "limit",
                1,
                max_page as i64,
                "; the largest page is that, follow next_cursor for more",
            )?
            .unwrap_or(50) as usize;
        Ok(EventSearch {
            actor: self.actor("actor")?,
            dyad,
            both_directions: self.flag("both")?,
            code: self.cameo(cameo)?,
            codes: self.plover(cameo)?,
            quad_class: self
                .number(
                    "quad",
                    1,
                    4,
                    " (QuadClass: 1 verbal cooperation .. 4 material conflict)",
                )?
                .map(|q| q as u8),
            from,
            to,
            place: self.text("place")?,
            text: self.text("text")?,
            before_id: self.number("cursor", 1, i64::MAX, "")?,
            limit,
        })
    }
}

/// A value as quoted back in a message: at most 60 characters.
fn clip(v: &str) -> String {
    let mut s: String = v.chars().take(60).collect();
    if v.chars().count() > 60 {
        s.push('…');
    }
    s
}
