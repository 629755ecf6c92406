#!/usr/bin/env python3
"""Per-page development measure of the one-article reader on Gun Violence Archive news (the
pages score_gva.py ingests): runs `sitrep extract` on every page and compares the page's main
(first) event with its incident's structured answer: killed (sum of `best` over casualties with
outcome killed), wounded (the same for wounded), and date (earliest == latest == the incident
day). Prints the three rates and the failure categories; `--rows FILE` writes one TSV line per
page (doc id, status, gold killed, killed, gold wounded, wounded, gold day, earliest..latest).

Run from the repository root: python3 crates/sitrep-extract/dev/gva_pages.py ../shared/data/gva
(the binary is $SITREP_BIN, else target/release/sitrep)."""
import argparse, collections, datetime, gzip, json, os, subprocess, sys, tempfile

ap = argparse.ArgumentParser()
ap.add_argument("dir")
ap.add_argument("--rows")
args = ap.parse_args()
incidents = {}
for line in gzip.open(os.path.join(args.dir, "incidents.jsonl.gz"), "rt"):
    r = json.loads(line)
    incidents[str(r.get("incident_id") or r.get("incident_uri"))] = r
seen = set()
docs = []
for line in gzip.open(os.path.join(args.dir, "documents.jsonl.gz"), "rt"):
    d = json.loads(line)
    g = incidents.get(str(d["incident_id"]))
    # the same selection as score_gva.py: attacks with structured answers, each page once
    if g is None or str(g.get("_frame", "")).startswith("accidental") or d["doc_id"] in seen:
        continue
    seen.add(d["doc_id"])
    docs.append(d)
tmp = tempfile.mkdtemp(prefix="gva-pages-")
src = os.path.join(tmp, "pages.jsonl")
with open(src, "w", encoding="utf-8") as f:
    for d in docs:
        f.write(json.dumps({"id": d["doc_id"], "title": d.get("title"), "published": d.get("dct"), "url": d.get("uri"), "text": d["content"]}) + "\n")
binary = os.environ.get("SITREP_BIN", "target/release/sitrep")
env = dict(os.environ, SITREP_GAZETTEER="")  # as score_gva.py: the built-in gazetteer alone
run = subprocess.run([binary, "extract", "--format", "jsonl", src], capture_output=True, text=True, env=env)
out = {}
for line in run.stdout.splitlines():
    try:
        o = json.loads(line)
    except ValueError:
        continue
    out[o.get("article_id")] = o


def total(e, outcome):
    return sum((c.get("best") or 0) for c in (e.get("casualties") or []) if c.get("outcome") == outcome)


n = k_ok = w_ok = d_ok = 0
cats = collections.Counter()
rows = []
for d in docs:
    g = incidents[str(d["incident_id"])]
    if g.get("num_killed") is None:
        continue
    n += 1
    gk, gw = int(g["num_killed"]), int(g["num_injured"])
    want = datetime.datetime.strptime(g["date"].strip(), "%B %d, %Y").date()
    events = (out.get(d["doc_id"]) or {}).get("events") or []
    if not events:
        cats["no event"] += 1
        rows.append((d["doc_id"], "no_event", gk, "", gw, "", want, ""))
        continue
    e = events[0]
    pk, pw = total(e, "killed"), total(e, "wounded")
    date = e.get("date") or {}
    lo, hi = date.get("earliest"), date.get("latest")
    k_ok += pk == gk
    w_ok += pw == gw
    ok = lo == hi == want.isoformat()
    d_ok += ok
    if pk != gk:
        cats["killed too many" if pk > gk else "killed too few"] += 1
    if pw != gw:
        cats["wounded too many" if pw > gw else "wounded too few"] += 1
    if not ok:
        if lo is None:
            cats["date none"] += 1
        elif lo != hi:
            cats["date range " + ("holding the day" if lo <= want.isoformat() <= hi else "missing the day")] += 1
        else:
            off = (datetime.date.fromisoformat(lo) - want).days
            cats["date a day later" if off == 1 else "date a day earlier" if off == -1 else "date later" if off > 0 else "date earlier"] += 1
    rows.append((d["doc_id"], "ok", gk, pk, gw, pw, want, f"{lo}..{hi}"))
print(f"gva pages {n}: killed {k_ok} ({100 * k_ok / max(n, 1):.1f}%) wounded {w_ok} ({100 * w_ok / max(n, 1):.1f}%) date {d_ok} ({100 * d_ok / max(n, 1):.1f}%)")
for c, v in sorted(cats.items(), key=lambda x: -x[1]):
    print(f"  {c}: {v}")
if args.rows:
    with open(args.rows, "w") as f:
        for r in rows:
            f.write("\t".join(map(str, r)) + "\n")
sys.exit(0 if run.returncode in (0, 2) else 1)
