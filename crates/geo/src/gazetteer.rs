//! The gazetteer: places read from a table (`data/places.tsv`, made by
//! `scripts/build-gazetteer.py` from GeoNames), indexed by every name they go by.

use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

use crate::find::{key_of, tokens};

/// What kind of place an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Country,
    /// A first-level division (the table has US states only).
    Division,
    /// A populated place (the table has those of 15,000 people or more).
    City,
}

/// One place of the gazetteer.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// The GeoNames id.
    pub id: u32,
    pub kind: Kind,
    pub name: String,
    /// ISO 3166-1 alpha-2 code of the country the place is in (its own, for a country).
    pub iso2: String,
    /// First-level division code as GeoNames gives it (`GA` for Georgia, US; `12` for Idlib's).
    pub adm1: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub population: u64,
    /// Other names it goes by ("Kiev", "Britain", "U.S.").
    pub alternate_names: Vec<String>,
}

/// What the table says about a country beyond its [`Place`].
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    pub place: usize,
    pub iso3: String,
    /// FIPS 10-4 code (GDELT's country code): `GG` for Georgia, `SY` for Syria.
    pub fips: String,
    pub capital: String,
}

/// A line of a gazetteer table that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GazetteerError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for GazetteerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for GazetteerError {}

/// Places and the names they go by.
#[derive(Debug, Default)]
pub struct Gazetteer {
    places: Vec<Place>,
    countries: HashMap<String, Country>,
    /// US state code -> place index.
    us_states: HashMap<String, usize>,
    /// ISO alpha-3 code -> the country's place index.
    iso3: HashMap<String, usize>,
    /// Lower-cased name (tokens joined by one space) -> place indexes.
    names: HashMap<String, Vec<usize>>,
    /// The most words any name has.
    pub(crate) max_words: usize,
}

const BUILTIN: &str = include_str!("../data/places.tsv");
const FACTS: &str = include_str!("../data/facts.tsv");

impl Gazetteer {
    /// The gazetteer compiled into tidings, read once: `crates/geo/data/places.tsv` (from
    /// GeoNames), `crates/geo/data/facts.tsv` (regions and small famous places added by hand), and
    /// the seats of government of `dictionaries/countries.txt` as names of their capitals ("the
    /// White House", "the Kremlin").
    pub fn builtin() -> &'static Gazetteer {
        static GAZ: OnceLock<Gazetteer> = OnceLock::new();
        GAZ.get_or_init(|| {
            let mut g = Gazetteer::parse(BUILTIN, "crates/geo/data/places.tsv")
                .and_then(|mut g| {
                    g.add_table(FACTS, "crates/geo/data/facts.tsv")?;
                    Ok(g)
                })
                .unwrap_or_else(|e| panic!("the built-in gazetteer is broken: {e}"));
            for (seat, iso3) in &crate::words::CountryWords::builtin().seats {
                g.add_seat(seat, iso3);
            }
            g
        })
    }

    /// Reads a table in the format of `data/places.tsv`; `origin` names it in errors.
    pub fn parse(text: &str, origin: &str) -> Result<Gazetteer, GazetteerError> {
        let mut g = Gazetteer::default();
        g.add_table(text, origin)?;
        Ok(g)
    }

    /// Gives the capital of the country with ISO alpha-3 code `iso3` the name of a seat of
    /// government in it ("Kremlin" for Moscow); a country without a capital in the table is left.
    pub fn add_seat(&mut self, seat: &str, iso3: &str) {
        let Some(&country) = self.iso3.get(iso3) else {
            return;
        };
        let iso2 = self.places[country].iso2.clone();
        let Some(capital) = (0..self.places.len())
            .filter(|&i| self.places[i].iso2 == iso2 && self.is_capital(i))
            .max_by_key(|&i| self.places[i].population)
        else {
            return;
        };
        let seat = seat.strip_prefix("the ").unwrap_or(seat);
        let toks = tokens(seat);
        if toks.is_empty() {
            return;
        }
        let key = key_of(seat, &toks);
        // a seat that is a place of its own ("Ramallah") stays that place
        if self.names.contains_key(&key) {
            return;
        }
        self.max_words = self.max_words.max(toks.len());
        self.names.insert(key, vec![capital]);
    }

    /// Adds the places of a table in the format of `data/places.tsv`; `origin` names it in errors.
    pub fn add_table(&mut self, text: &str, origin: &str) -> Result<(), GazetteerError> {
        let g = self;
        let mut iso3_fips: Vec<(String, String, String, String)> = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let err = |message: String| GazetteerError {
                file: origin.to_string(),
                line: n + 1,
                message,
            };
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() != 12 {
                return Err(err(format!(
                    "{} tab-separated fields, expected 12 (kind, geonameid, name, iso2, iso3, fips, adm1, lat, lon, population, capital, alternate names)",
                    f.len()
                )));
            }
            let kind = match f[0] {
                "C" => Kind::Country,
                "A" => Kind::Division,
                "P" => Kind::City,
                other => {
                    return Err(err(format!(
                        "kind {other:?} is not C (country), A (division) or P (place)"
                    )))
                }
            };
            let id: u32 = f[1]
                .parse()
                .map_err(|_| err(format!("geonameid {:?} is not a number", f[1])))?;
            let name = f[2].trim();
            if name.is_empty() {
                return Err(err("the name is empty".into()));
            }
            if f[3].len() != 2 {
                return Err(err(format!(
                    "country code {:?} is not a two-letter ISO code",
                    f[3]
                )));
            }
            let coord = |s: &str, what: &str, limit: f64| -> Result<Option<f64>, GazetteerError> {
                if s.is_empty() {
                    return Ok(None);
                }
                match s.parse::<f64>() {
                    Ok(v) if v.abs() <= limit => Ok(Some(v)),
                    _ => Err(err(format!("{what} {s:?} is not a number within ±{limit}"))),
                }
            };
            let lat = coord(f[7], "latitude", 90.0)?;
            let lon = coord(f[8], "longitude", 180.0)?;
            let population: u64 = f[9]
                .parse()
                .map_err(|_| err(format!("population {:?} is not a whole number", f[9])))?;
            let alternate_names: Vec<String> = f[11]
                .split(';')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect();
            let index = g.places.len();
            g.places.push(Place {
                id,
                kind,
                name: name.to_string(),
                iso2: f[3].to_string(),
                adm1: f[6].to_string(),
                lat,
                lon,
                population,
                alternate_names,
            });
            match kind {
                Kind::Country => iso3_fips.push((
                    f[3].to_string(),
                    f[4].to_string(),
                    f[5].to_string(),
                    f[10].to_string(),
                )),
                Kind::Division if f[3] == "US" => {
                    g.us_states.insert(f[6].to_string(), index);
                }
                _ => {}
            }
            g.index_names(index);
        }
        for (iso2, iso3, fips, capital) in iso3_fips {
            let place = g
                .places
                .iter()
                .position(|p| p.kind == Kind::Country && p.iso2 == iso2)
                .expect("pushed above");
            g.iso3.insert(iso3.clone(), place);
            g.countries.insert(
                iso2,
                Country {
                    place,
                    iso3,
                    fips,
                    capital,
                },
            );
        }
        Ok(())
    }

    fn index_names(&mut self, index: usize) {
        let p = &self.places[index];
        let mut keys: Vec<String> = Vec::new();
        for name in std::iter::once(&p.name).chain(&p.alternate_names) {
            // "the Ukraine", "the Emirates": the article is not part of the name
            let name = name.strip_prefix("the ").unwrap_or(name);
            let toks = tokens(name);
            if toks.is_empty() {
                continue;
            }
            let key = key_of(name, &toks);
            self.max_words = self.max_words.max(toks.len());
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
        for key in keys {
            self.names.entry(key).or_default().push(index);
        }
    }

    pub fn places(&self) -> &[Place] {
        &self.places
    }

    pub fn place(&self, index: usize) -> &Place {
        &self.places[index]
    }

    /// The places a lower-cased name (words joined by single spaces) may be.
    pub fn lookup(&self, key: &str) -> &[usize] {
        self.names.get(key).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The country with this ISO alpha-2 code.
    pub fn country(&self, iso2: &str) -> Option<&Country> {
        self.countries.get(iso2)
    }

    /// The place index of the country with this ISO alpha-3 code (an actor code's country).
    pub fn country_place(&self, iso3: &str) -> Option<usize> {
        self.iso3.get(iso3).copied()
    }

    /// Whether the place is the capital of its country.
    pub fn is_capital(&self, index: usize) -> bool {
        let p = &self.places[index];
        p.kind == Kind::City
            && self
                .countries
                .get(&p.iso2)
                .is_some_and(|c| c.capital == p.name)
    }

    /// The place as GDELT's geography fields give it, named at `span` by `text`.
    pub fn geo(
        &self,
        index: usize,
        span: tidings_event::Span,
        text: &str,
        basis: &str,
    ) -> tidings_event::Geo {
        let p = &self.places[index];
        let country = self.countries.get(&p.iso2);
        let fips = country.map(|c| c.fips.clone()).unwrap_or_default();
        let country_name = country
            .map(|c| self.places[c.place].name.clone())
            .unwrap_or_default();
        let state_name = |code: &str| {
            self.us_states
                .get(code)
                .map(|&i| self.places[i].name.clone())
        };
        let adm1_code = if p.adm1.is_empty() {
            fips.clone()
        } else {
            format!("{fips}{}", p.adm1)
        };
        let (geo_type, full_name) = match (p.kind, p.iso2 == "US") {
            (Kind::Country, _) => (1, p.name.clone()),
            (Kind::Division, true) => (2, format!("{}, {country_name}", p.name)),
            (Kind::Division, false) => (5, format!("{}, {country_name}", p.name)),
            (Kind::City, true) => match state_name(&p.adm1) {
                Some(state) => (3, format!("{}, {state}, {country_name}", p.name)),
                None => (3, format!("{}, {country_name}", p.name)),
            },
            (Kind::City, false) => (4, format!("{}, {country_name}", p.name)),
        };
        tidings_event::Geo {
            geo_type,
            full_name,
            country_code: fips,
            adm1_code,
            lat: p.lat,
            long: p.lon,
            // a place added by hand without a GeoNames id has none
            feature_id: if p.id == 0 {
                String::new()
            } else {
                p.id.to_string()
            },
            span,
            text: text.to_string(),
            geo_basis: basis.to_string(),
        }
    }
}
