//! The one event schema: the columns of `export --format parquet`, `export --format jsonl`,
//! `query --format jsonl` and the Python package's DataFrames,
//! defined once here. `docs/schema.md` is generated from [`COLUMNS`] ([`markdown_table`]) and a
//! test checks that it is up to date.
//!
//! Names are GDELT 2.0's where GDELT has the field; tidings' own additions follow GDELT's
//! CamelCase. Text columns are never null (an absent value is the empty string, as in GDELT's
//! TSV), so every reader types them as strings whatever the data; numbers are null when unknown.

use crate::actor_code;
use crate::EventRow;
use tidings_event::Event;

/// The type of a column, the same in every export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// 64-bit signed integer.
    Int,
    /// 64-bit float.
    Float,
    /// UTF-8 text, never null.
    Text,
    /// true/false.
    Bool,
}

impl Kind {
    /// The name used in `docs/schema.md`: Arrow's name for the type.
    pub fn arrow_name(self) -> &'static str {
        match self {
            Kind::Int => "int64",
            Kind::Float => "double",
            Kind::Text => "string",
            Kind::Bool => "bool",
        }
    }
}

/// One column of the schema.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub name: &'static str,
    pub kind: Kind,
    /// Null allowed (numbers only: text is never null).
    pub nullable: bool,
    /// GDELT 2.0 has a column of this name and meaning.
    pub gdelt: bool,
    /// A Hive partition folder in the Parquet export (`Year=2020/MonthYear=202010/`), not a column
    /// inside the files.
    pub partition: bool,
    pub meaning: &'static str,
}

const fn col(name: &'static str, kind: Kind, meaning: &'static str) -> Column {
    Column {
        name,
        kind,
        nullable: false,
        gdelt: true,
        partition: false,
        meaning,
    }
}

const fn opt(c: Column) -> Column {
    Column {
        nullable: true,
        ..c
    }
}

const fn own(c: Column) -> Column {
    Column { gdelt: false, ..c }
}

const fn part(c: Column) -> Column {
    Column {
        partition: true,
        ..c
    }
}

use Kind::{Bool, Float, Int, Text};

macro_rules! actor_columns {
    ($n:literal) => {
        [
            col(concat!("Actor", $n, "Code"), Text, "full CAMEO actor code (`CHNGOV`); empty when there is no such actor"),
            col(concat!("Actor", $n, "Name"), Text, "the dictionary's name for the actor, upper case (`UNITED STATES` however the text wrote it; `XI JINPING` for a known person)"),
            col(concat!("Actor", $n, "CountryCode"), Text, "three-letter CAMEO country code"),
            col(concat!("Actor", $n, "KnownGroupCode"), Text, "CAMEO known group (`UNO`, `NAT`)"),
            col(concat!("Actor", $n, "EthnicCode"), Text, "not separated from the code (always empty)"),
            col(concat!("Actor", $n, "Religion1Code"), Text, "CAMEO religion code"),
            col(concat!("Actor", $n, "Religion2Code"), Text, "second religion code"),
            col(concat!("Actor", $n, "Type1Code"), Text, "CAMEO role type (`GOV`, `MIL`, `IGO`)"),
            col(concat!("Actor", $n, "Type2Code"), Text, "second role type"),
            col(concat!("Actor", $n, "Type3Code"), Text, "third role type"),
        ]
    };
}

const A1: [Column; 10] = actor_columns!("1");
const A2: [Column; 10] = actor_columns!("2");

const HEAD: [Column; 5] = [
    col(
        "GLOBALEVENTID",
        Int,
        "the event's id in the store (in `tidings.code`, its row number)",
    ),
    opt(col(
        "SQLDATE",
        Int,
        "day of the event, YYYYMMDD; null when the article is undated (`DateBasis` `undated`)",
    )),
    part(col(
        "MonthYear",
        Int,
        "YYYYMM of SQLDATE, 0 when undated; a partition folder in Parquet",
    )),
    part(col(
        "Year",
        Int,
        "YYYY of SQLDATE, 0 when undated; a partition folder in Parquet",
    )),
    opt(col(
        "FractionDate",
        Float,
        "GDELT's year + ((month - 1) * 30 + day) / 365, four decimals",
    )),
];

macro_rules! geo_columns {
    ($p:literal, $what:literal) => {
        [
            col(
                concat!($p, "_Type"),
                Int,
                concat!(
                    "1 country, 2 US state, 3 US city, 4 world city, 5 world state; 0 when ",
                    $what,
                    " is unknown"
                ),
            ),
            col(
                concat!($p, "_FullName"),
                Text,
                "place name (`Idlib, Syria`)",
            ),
            col(concat!($p, "_CountryCode"), Text, "FIPS 10-4 country code"),
            col(
                concat!($p, "_ADM1Code"),
                Text,
                "FIPS country and first-level division code",
            ),
            opt(col(
                concat!($p, "_Lat"),
                Float,
                "latitude; null when unknown",
            )),
            opt(col(
                concat!($p, "_Long"),
                Float,
                "longitude; null when unknown",
            )),
            col(
                concat!($p, "_FeatureID"),
                Text,
                "GeoNames id of the place (empty for a place added by hand)",
            ),
        ]
    };
}

const GEO: [[Column; 7]; 3] = [
    geo_columns!(
        "Actor1Geo",
        "Actor1's place (named in or beside its words, else its country's)"
    ),
    geo_columns!("Actor2Geo", "Actor2's place"),
    geo_columns!("ActionGeo", "the place of the act"),
];

const TAIL: [Column; 9] = [
    col("IsRootEvent", Int, "1 when the event is mentioned in the article's lead: the headline or the first three sentences of the body (`sentence_index` 0-3), else 0"),
    col("EventCode", Text, "CAMEO event code, a string with its leading zero (`0873`)"),
    col("EventBaseCode", Text, "first three digits of EventCode"),
    col("EventRootCode", Text, "first two digits of EventCode"),
    col("QuadClass", Int, "1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict"),
    col("GoldsteinScale", Float, "Goldstein value of the code, -10 to +10"),
    col("NumMentions", Int, "mentions of the event in all stored articles"),
    col("NumSources", Int, "distinct sources (URL host, else outlet) among them"),
    col("NumArticles", Int, "distinct articles among them"),
];

const AFTER_GEO: [Column; 8] = [
    col("DATEADDED", Int, "when the event was first stored, YYYYMMDDHHMMSS UTC"),
    col("SOURCEURL", Text, "URL of the first article (without one: its outlet and id)"),
    own(col("Evidence", Text, "the sentence of the first mention, verbatim")),
    own(col("DateBasis", Text, "where SQLDATE comes from: `sentence`, `sentence-month`, `sentence-year`, `history`, `story`, `article`, `given` or `undated` (see `tidings_event::dating`); empty in databases older than schema 2")),
    own(opt(col("PublishedDate", Int, "the first article's publication date, YYYYMMDD; null when unknown"))),
    own(col("PloverType", Text, "PLOVER event type of the code (`CONSULT`, `-` when CAMEO's code has none)")),
    own(col("PloverMode", Text, "PLOVER mode, when the table gives one")),
    own(col("Negated", Bool, "the text says the act did not happen (only with `keep_negated`; the store keeps none)")),
];

const LAST: [Column; 2] = [
    own(col(
        "ArticleID",
        Text,
        "the first article's id (its input `id`, else a content hash)",
    )),
    own(col(
        "CoderVersion",
        Text,
        "version of tidings that coded the event",
    )),
];

/// Every column, in order.
pub const COLUMNS: [Column; 65] = {
    let parts: [&[Column]; 9] = [
        &HEAD, &A1, &A2, &TAIL, &GEO[0], &GEO[1], &GEO[2], &AFTER_GEO, &LAST,
    ];
    let mut out = [HEAD[0]; 65];
    let mut i = 0;
    let mut p = 0;
    while p < parts.len() {
        let mut k = 0;
        while k < parts[p].len() {
            out[i] = parts[p][k];
            i += 1;
            k += 1;
        }
        p += 1;
    }
    assert!(i == 65);
    out
};

/// The tidings version that writes the `CoderVersion` column.
pub const CODER_VERSION: &str = env!("CARGO_PKG_VERSION");

/// One value of a row.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Int(Option<i64>),
    Float(Option<f64>),
    Text(String),
    Bool(bool),
}

impl Value {
    /// The value as JSON: null, a number, a string or a boolean.
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Value::Int(v) => v.map_or(serde_json::Value::Null, Into::into),
            Value::Float(v) => v
                .and_then(serde_json::Number::from_f64)
                .map_or(serde_json::Value::Null, serde_json::Value::Number),
            Value::Text(s) => s.clone().into(),
            Value::Bool(b) => (*b).into(),
        }
    }
}

/// One event as the schema's values, in [`COLUMNS`] order.
pub type Row = Vec<Value>;

/// The fields every source of rows (a stored event, a freshly coded one) gives.
pub struct RowSource<'a> {
    pub id: i64,
    /// YYYYMMDD, none when undated.
    pub sqldate: Option<i64>,
    pub actor1_code: &'a str,
    pub actor1_name: &'a str,
    pub actor2_code: &'a str,
    pub actor2_name: &'a str,
    pub is_root: bool,
    pub event_code: &'a str,
    pub quad_class: u8,
    pub goldstein: f64,
    pub counts: [i64; 3],
    /// GDELT's seven ActionGeo fields as the store keeps them (`#`-joined), or empty.
    pub action_geo: &'a str,
    /// The actors' places, kept as `action_geo` is.
    pub actor1_geo: &'a str,
    pub actor2_geo: &'a str,
    pub date_added: i64,
    pub source_url: &'a str,
    pub evidence: &'a str,
    pub date_basis: &'a str,
    pub published: Option<i64>,
    pub plover: (&'a str, &'a str),
    pub negated: bool,
    pub article_id: &'a str,
    pub coder_version: &'a str,
}

fn text(s: &str) -> Value {
    Value::Text(s.replace(['\t', '\n', '\r'], " "))
}

fn actor(code: &str, name: &str) -> [Value; 10] {
    let c = actor_code::split(code);
    [
        text(code),
        text(if code.is_empty() { "" } else { name }),
        text(&c.country),
        text(&c.known_group),
        text(&c.ethnic),
        text(&c.religion1),
        text(&c.religion2),
        text(&c.type1),
        text(&c.type2),
        text(&c.type3),
    ]
}

/// `20201010` as a date.
pub fn sqldate_to_date(day: i64) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::from_ymd_opt(
        (day / 10000) as i32,
        (day / 100 % 100) as u32,
        (day % 100) as u32,
    )
}

/// `2020-10-10` (or `20201010`) as 20201010; none when it is not a date.
pub fn parse_day(s: &str) -> Option<i64> {
    let s = s.trim();
    let date = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| chrono::NaiveDate::parse_from_str(s, "%Y%m%d"))
        .ok()?;
    Some(crate::ingest::day_number(date))
}

impl RowSource<'_> {
    /// The row, in [`COLUMNS`] order.
    pub fn row(&self) -> Row {
        let date = self.sqldate.and_then(sqldate_to_date);
        let code = self.event_code;
        let base = if code.len() > 3 { &code[..3] } else { code };
        let root = code.get(..2).unwrap_or(code);
        let mut row = Vec::with_capacity(COLUMNS.len());
        row.push(Value::Int(Some(self.id)));
        row.push(Value::Int(date.map(crate::ingest::day_number)));
        // 0, not null, for an undated event: a Hive folder `Year=0` every reader reads (pyarrow
        // cannot turn a null partition, `__HIVE_DEFAULT_PARTITION__`, into pandas)
        let day = date.map_or(0, crate::ingest::day_number);
        row.push(Value::Int(Some(day / 100)));
        row.push(Value::Int(Some(day / 10000)));
        row.push(Value::Float(
            date.map(|d| crate::export::fraction_date(d).parse().unwrap_or(0.0)),
        ));
        row.extend(actor(self.actor1_code, self.actor1_name));
        row.extend(actor(self.actor2_code, self.actor2_name));
        row.push(Value::Int(Some(self.is_root as i64)));
        row.extend([text(code), text(base), text(root)]);
        row.push(Value::Int(Some(self.quad_class as i64)));
        row.push(Value::Float(Some((self.goldstein * 10.0).round() / 10.0)));
        row.extend(self.counts.map(|c| Value::Int(Some(c))));
        for stored in [self.actor1_geo, self.actor2_geo, self.action_geo] {
            row.extend(geo_values(stored));
        }
        row.push(Value::Int(Some(self.date_added)));
        row.push(text(self.source_url));
        row.push(text(self.evidence));
        row.push(text(self.date_basis));
        row.push(Value::Int(self.published));
        row.push(text(self.plover.0));
        row.push(text(self.plover.1));
        row.push(Value::Bool(self.negated));
        row.push(text(self.article_id));
        row.push(text(self.coder_version));
        debug_assert_eq!(row.len(), COLUMNS.len());
        row
    }
}

/// A place's seven values from its stored form (`#`-joined); type 0 and empty when there is none.
fn geo_values(stored: &str) -> [Value; 7] {
    let geo: Vec<&str> = stored.split('#').collect();
    let has_geo = geo.len() == 7;
    let g = |i: usize| if has_geo { geo[i] } else { "" };
    [
        Value::Int(Some(if has_geo {
            g(0).parse().unwrap_or(0)
        } else {
            0
        })),
        text(g(1)),
        text(g(2)),
        text(g(3)),
        Value::Float(g(4).parse().ok()),
        Value::Float(g(5).parse().ok()),
        text(g(6)),
    ]
}

/// A stored event's row.
pub fn stored_row(e: &EventRow) -> Row {
    RowSource {
        id: e.id,
        sqldate: e.date.map(crate::ingest::day_number),
        actor1_code: &e.actor1_code,
        actor1_name: &e.actor1_name,
        actor2_code: &e.actor2_code,
        actor2_name: &e.actor2_name,
        is_root: e.is_root,
        event_code: &e.event_code,
        quad_class: e.quad_class,
        goldstein: e.goldstein,
        counts: [e.num_mentions, e.num_sources, e.num_articles],
        action_geo: &e.action_geo,
        actor1_geo: &e.actor1_geo,
        actor2_geo: &e.actor2_geo,
        date_added: e.date_added,
        source_url: &e.source_url,
        evidence: &e.evidence,
        date_basis: &e.date_basis,
        published: e.published.map(crate::ingest::day_number),
        plover: (&e.plover_type, &e.plover_mode),
        negated: false,
        article_id: &e.article_id,
        coder_version: &e.coder_version,
    }
    .row()
}

/// The article a freshly coded event came from, for [`coded_row`].
pub struct CodedArticle<'a> {
    /// URL, else outlet and id: SOURCEURL.
    pub source_url: &'a str,
    /// Publication date of the article, when the event does not carry one.
    pub published: Option<chrono::NaiveDate>,
    /// When it was coded, YYYYMMDDHHMMSS.
    pub date_added: i64,
}

/// A freshly coded (not stored) event's row: counts of one mention in one article from one source.
/// Actor names are the event's `name` (see `tidings-names` to set them to the dictionary's), else
/// its words, upper case.
pub fn coded_row(id: i64, e: &Event, article: &CodedArticle) -> Row {
    let name = |a: &tidings_event::Actor| {
        a.name
            .clone()
            .unwrap_or_else(|| a.text.clone())
            .trim()
            .to_uppercase()
    };
    let (n1, n2) = (
        name(&e.source),
        e.target.as_ref().map(name).unwrap_or_default(),
    );
    let geo = crate::ingest::action_geo_key(e);
    let geo1 = crate::ingest::geo_key(e.source.geo.as_ref());
    let geo2 = crate::ingest::geo_key(e.target.as_ref().and_then(|t| t.geo.as_ref()));
    let published = e
        .published
        .as_deref()
        .and_then(parse_day)
        .or(article.published.map(crate::ingest::day_number));
    RowSource {
        id,
        sqldate: parse_day(&e.date),
        actor1_code: e.source.code.trim(),
        actor1_name: &n1,
        actor2_code: e.target.as_ref().map_or("", |t| t.code.trim()),
        actor2_name: &n2,
        is_root: crate::ingest::is_lead(e.sentence_index),
        event_code: e.cameo.trim(),
        quad_class: e.quad_class,
        goldstein: e.goldstein as f64,
        counts: [1, 1, 1],
        action_geo: &geo,
        actor1_geo: &geo1,
        actor2_geo: &geo2,
        date_added: article.date_added,
        source_url: article.source_url,
        evidence: &e.sentence,
        date_basis: e.date_basis.as_deref().unwrap_or(""),
        published,
        plover: (&e.plover.event, e.plover.mode.as_deref().unwrap_or("")),
        negated: e.negated,
        article_id: &e.article_id,
        coder_version: CODER_VERSION,
    }
    .row()
}

/// A row as one JSON object, keys in column order.
pub fn row_json(row: &Row) -> String {
    let mut out = String::from("{");
    for (i, (c, v)) in COLUMNS.iter().zip(row).enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&serde_json::to_string(c.name).unwrap_or_default());
        out.push(':');
        out.push_str(&v.to_json().to_string());
    }
    out.push('}');
    out
}

/// The schema as the Markdown table of `docs/schema.md`.
pub fn markdown_table() -> String {
    let mut out =
        String::from("| # | column | type | null | GDELT | meaning |\n|---|---|---|---|---|---|\n");
    for (i, c) in COLUMNS.iter().enumerate() {
        let mut kind = c.kind.arrow_name().to_string();
        if c.partition {
            kind.push_str(" (partition)");
        }
        out.push_str(&format!(
            "| {} | `{}` | {} | {} | {} | {} |\n",
            i + 1,
            c.name,
            kind,
            if c.nullable { "yes" } else { "no" },
            if c.gdelt { "yes" } else { "tidings" },
            c.meaning
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_text_is_never_nullable() {
        let mut names: Vec<&str> = COLUMNS.iter().map(|c| c.name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), COLUMNS.len());
        assert!(COLUMNS
            .iter()
            .all(|c| !(c.kind == Kind::Text && c.nullable)));
    }

    #[test]
    fn gdelt_columns_keep_gdelt_names() {
        for c in COLUMNS.iter().filter(|c| c.gdelt) {
            assert!(
                crate::export::GDELT_EVENT_COLUMNS.contains(&c.name),
                "{} is not a GDELT column",
                c.name
            );
        }
    }

    #[test]
    fn codes_stay_strings_and_undated_is_null() {
        let row = RowSource {
            id: 7,
            sqldate: None,
            actor1_code: "USAGOV",
            actor1_name: "UNITED STATES",
            actor2_code: "",
            actor2_name: "X",
            is_root: true,
            event_code: "0873",
            quad_class: 1,
            goldstein: 3.4000001,
            counts: [1, 1, 1],
            action_geo: "",
            actor1_geo: "1#Syria#SY#SY#35.0#38.0#163843",
            actor2_geo: "",
            date_added: 20260101000000,
            source_url: "u",
            evidence: "e",
            date_basis: "undated",
            published: None,
            plover: ("AID", ""),
            negated: false,
            article_id: "a",
            coder_version: CODER_VERSION,
        }
        .row();
        let json: serde_json::Value = serde_json::from_str(&row_json(&row)).unwrap();
        assert_eq!(json["EventCode"], "0873");
        assert_eq!(json["EventBaseCode"], "087");
        assert_eq!(json["SQLDATE"], serde_json::Value::Null);
        assert_eq!(
            (json["Year"].as_i64(), json["MonthYear"].as_i64()),
            (Some(0), Some(0))
        );
        assert_eq!(json["Actor2Name"], "");
        assert_eq!(json["Actor1Type1Code"], "GOV");
        assert_eq!(json["GoldsteinScale"], 3.4);
        assert_eq!(json["ActionGeo_Type"], 0);
        assert_eq!(json["Actor1Geo_Type"], 1);
        assert_eq!(json["Actor1Geo_CountryCode"], "SY");
        assert_eq!(json["Actor1Geo_Lat"], 35.0);
        assert_eq!(json["Actor2Geo_Lat"], serde_json::Value::Null);
    }
}
