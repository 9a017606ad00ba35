//! Exports: the GDELT 2.0 Events and Mentions tables as tab-separated text (no header line, as
//! GDELT publishes them, unless asked for one), JSON Lines and Parquet ([`Store::export_parquet`])
//! in the one schema of [`crate::columns`].

use crate::actor_code;
use crate::columns;
use crate::{EventRow, MentionRow, QueryFilter, Store, StoreError};
use chrono::Datelike;
use std::io::Write;

/// The 61 columns of the GDELT 2.0 Events table, in order.
pub const GDELT_EVENT_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// The 16 columns of the GDELT 2.0 Mentions table, then the three tidings adds: the sentence and
/// its byte offsets in the cleaned text.
pub const GDELT_MENTION_COLUMNS: [&str; 19] = [
    "GLOBALEVENTID",
    "EventTimeDate",
    "MentionTimeDate",
    "MentionType",
    "MentionSourceName",
    "MentionIdentifier",
    "SentenceID",
    "Actor1CharOffset",
    "Actor2CharOffset",
    "ActionCharOffset",
    "InRawText",
    "Confidence",
    "MentionDocLen",
    "MentionDocTone",
    "MentionDocTranslationInfo",
    "Extras",
    "SentenceText",
    "SentenceStart",
    "SentenceEnd",
];

/// GDELT's FractionDate: year + ((month - 1) * 30 + day) / 365, four decimals (`2007.5041`).
pub fn fraction_date(date: chrono::NaiveDate) -> String {
    let frac = ((date.month() as f64 - 1.0) * 30.0 + date.day() as f64) / 365.0;
    format!("{:.4}", date.year() as f64 + frac)
}

/// A Goldstein value as GDELT writes it: one decimal (`1.0`, `-10.0`, `3.4`).
pub fn goldstein_text(value: f64) -> String {
    format!("{value:.1}")
}

/// Tabs and line breaks inside a field would break the table: they become spaces.
fn field(text: &str) -> String {
    text.replace(['\t', '\n', '\r'], " ")
}

/// A place's eight GDELT columns (Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long,
/// FeatureID) from an `action_geo`, `actor1_geo` or `actor2_geo` column (seven fields joined by
/// `#`, no ADM2Code); type 0 and empty fields when there is no place.
pub fn action_geo_fields(stored: &str) -> Vec<String> {
    let parts: Vec<&str> = stored.split('#').collect();
    if parts.len() != 7 {
        let mut f = vec!["0".to_string()];
        f.extend(std::iter::repeat_n(String::new(), 7));
        return f;
    }
    let mut f: Vec<String> = parts[..4].iter().map(|p| field(p)).collect();
    f.push(String::new()); // ADM2Code: the gazetteer has no second-level divisions
    f.extend(parts[4..].iter().map(|p| field(p)));
    f
}

/// The 61 GDELT fields of one event, as text.
pub fn gdelt_event_fields(e: &EventRow) -> Vec<String> {
    let mut f: Vec<String> = Vec::with_capacity(61);
    f.push(e.id.to_string());
    // an event with no date (`date_basis` undated) has empty date fields
    let date = |format: &str| {
        e.date
            .map(|d| d.format(format).to_string())
            .unwrap_or_default()
    };
    f.push(date("%Y%m%d"));
    f.push(date("%Y%m"));
    f.push(date("%Y"));
    f.push(e.date.map(fraction_date).unwrap_or_default());
    for (code, name) in [
        (&e.actor1_code, &e.actor1_name),
        (&e.actor2_code, &e.actor2_name),
    ] {
        let c = actor_code::split(code);
        f.push(field(code));
        f.push(if code.is_empty() {
            String::new()
        } else {
            field(name)
        });
        f.extend([
            c.country,
            c.known_group,
            c.ethnic,
            c.religion1,
            c.religion2,
            c.type1,
            c.type2,
            c.type3,
        ]);
    }
    f.push(if e.is_root { "1" } else { "0" }.to_string());
    f.push(e.event_code.clone());
    f.push(e.base_code().to_string());
    f.push(e.root_code().to_string());
    f.push(e.quad_class.to_string());
    f.push(goldstein_text(e.goldstein));
    f.push(e.num_mentions.to_string());
    f.push(e.num_sources.to_string());
    f.push(e.num_articles.to_string());
    f.push("0.0".to_string()); // AvgTone: tone is not measured
    f.extend(action_geo_fields(&e.actor1_geo));
    f.extend(action_geo_fields(&e.actor2_geo));
    f.extend(action_geo_fields(&e.action_geo));
    f.push(e.date_added.to_string());
    f.push(field(&e.source_url));
    debug_assert_eq!(f.len(), GDELT_EVENT_COLUMNS.len());
    f
}

/// The GDELT Mentions fields of one mention, plus the sentence and its offsets.
pub fn gdelt_mention_fields(m: &MentionRow) -> Vec<String> {
    let (kind, identifier) = match &m.url {
        Some(url) => ("1", url.clone()),
        None => ("2", format!("{} {}", m.source_name, m.input_id)), // 2 = CITATIONONLY
    };
    vec![
        m.event_id.to_string(),
        m.event_added.to_string(),
        m.mention_added.to_string(),
        kind.to_string(),
        field(&m.source_name),
        field(&identifier),
        (m.sentence_index + 1).to_string(),
        m.actor1_offset.to_string(),
        m.actor2_offset.to_string(),
        "-1".to_string(), // ActionCharOffset: the verb's position is not recorded
        "1".to_string(),  // InRawText: coded from the article text itself
        String::new(),    // Confidence: not estimated
        m.doc_len.to_string(),
        "0.0".to_string(), // MentionDocTone: not measured
        String::new(),
        String::new(),
        field(&m.sentence),
        m.span_start.to_string(),
        m.span_end.to_string(),
    ]
}

impl Store {
    /// The GDELT 2.0 Events table, tab-separated, no header line. Returns the number of rows.
    pub fn export_gdelt_events(&self, out: &mut impl Write) -> Result<usize, StoreError> {
        let mut n = 0;
        self.for_each_event(&QueryFilter::default(), |e| {
            writeln!(out, "{}", gdelt_event_fields(&e).join("\t"))?;
            n += 1;
            Ok(())
        })?;
        out.flush()?;
        Ok(n)
    }

    /// The GDELT 2.0 Mentions table (16 columns) plus sentence, start and end, tab-separated.
    pub fn export_gdelt_mentions(&self, out: &mut impl Write) -> Result<usize, StoreError> {
        let mut n = 0;
        self.for_each_mention(|m| {
            writeln!(out, "{}", gdelt_mention_fields(&m).join("\t"))?;
            n += 1;
            Ok(())
        })?;
        out.flush()?;
        Ok(n)
    }

    /// The GDELT Events table's header line (for `--header`; GDELT's own files have none).
    pub fn write_gdelt_header(out: &mut impl Write) -> std::io::Result<()> {
        writeln!(out, "{}", GDELT_EVENT_COLUMNS.join("\t"))
    }

    /// One JSON object per event in the schema of [`crate::columns`] (the same columns as the
    /// Parquet export); the mentions are `--format mentions`.
    pub fn export_jsonl(&self, out: &mut impl Write) -> Result<usize, StoreError> {
        let mut n = 0;
        self.for_each_event(&QueryFilter::default(), |e| {
            writeln!(out, "{}", columns::row_json(&columns::stored_row(&e)))?;
            n += 1;
            Ok(())
        })?;
        out.flush()?;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn fraction_dates_match_gdelt() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        assert_eq!(fraction_date(d(2007, 7, 4)), "2007.5041");
        assert_eq!(fraction_date(d(2016, 7, 1)), "2016.4959");
    }

    #[test]
    fn goldstein_has_one_decimal() {
        assert_eq!(goldstein_text(1.0), "1.0");
        assert_eq!(goldstein_text(-10.0), "-10.0");
        assert_eq!(goldstein_text(3.4f32 as f64), "3.4");
    }
}
