#!/usr/bin/env python3
"""One-off import of the helpers' price files (issue 16, parts 3 and 4).

Reads sources/curated/hardware_prices.json and sources/models.dev/api_prices.json (verbatim
copies of the helpers' staging files) and writes src/data/setups.json and
src/data/api_prices.json. Rules (also in src/data/README.md):
- a setup's price needs an https source and a date; a priced entry without them is dropped;
- a setup must name devices the dataset knows (DGX Station has none yet: dropped);
- a null price keeps no kind/date (shown as "price not public");
- an API price from a models.dev snapshot "owner/repo@commit:path" gets a GitHub URL as its
  source and keeps the snapshot string.
"""
import json, pathlib, re, sys

root = pathlib.Path(__file__).resolve().parent.parent
hw = json.loads((root / "sources/curated/hardware_prices.json").read_text())
api = json.loads((root / "sources/models.dev/api_prices.json").read_text())
devices = {d["id"] for d in json.loads((root / "src/data/hardware.json").read_text())["devices"]}

setups, dropped = [], []
for s in hw["setups"]:
    if not s["devices"] or any(d["device"] not in devices for d in s["devices"]):
        dropped.append((s["id"], "names no device the dataset knows"))
        continue
    priced = s["price_usd"] is not None
    if priced and not ((s.get("source") or "").startswith("https://") and s.get("price_date")):
        dropped.append((s["id"], "price without an https source and a date"))
        continue
    out = {
        "id": s["id"],
        "name": s["name"],
        "devices": s["devices"],
        "category": s["category"],
        "price_usd": s["price_usd"],
        "price_kind": s["price_kind"] if priced else None,
        "price_date": s["price_date"] if priced else None,
        "covers": s["covers"],
        "source": s["source"] if priced else None,
        "weak_source": bool(s["weak_source"]),
        "power_w": s["power_w"],
        "power_source": s["power_source"] if s["power_w"] is not None else None,
        "note": s["note"],
    }
    setups.append(out)

note = hw["note"] + " Imported 2026-12-02 by scripts/import_prices.py from sources/curated/hardware_prices.json; dropped: " + "; ".join(f"{i} ({why})" for i, why in dropped) + "."
(root / "src/data/setups.json").write_text(json.dumps({"note": note, "setups": setups}, indent=1, ensure_ascii=False) + "\n")

snap = re.compile(r"^([\w.-]+/[\w.-]+)@([0-9a-f]{7,40}):(.+)$")
prices = []
for p in api["prices"]:
    src = p["source"]
    m = snap.match(src)
    out = dict(p)
    if m:
        out["source"] = f"https://github.com/{m[1]}/blob/{m[2]}/{m[3]}"
        out["snapshot"] = src
    prices.append(out)
(root / "src/data/api_prices.json").write_text(json.dumps({
    "source_repo": api["source_repo"], "commit": api["commit"], "commit_date": api["commit_date"],
    "note": "USD per million tokens, standard tier, imported 2026-12-02 by scripts/import_prices.py from sources/models.dev/api_prices.json (see sources/models.dev/API-PRICES.md).",
    "prices": prices}, indent=1, ensure_ascii=False) + "\n")
print(f"{len(setups)} setups ({sum(s['price_usd'] is not None for s in setups)} priced), dropped {dropped}; {len(prices)} API prices", file=sys.stderr)
