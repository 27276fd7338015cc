#!/usr/bin/env python3
"""Writes a generated, fictional v1 dataset for the report benchmark to stdout:
PERSONS persons and SITES sites, with what a report reads about them (status
observations, raids and rescues, testimonies, incidents). Seeded: the same every time.

    python3 bench/report_dataset.py [PERSONS] [SITES] > data.jsonl
"""
import json
import random
import sys

persons = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
sites = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
rng = random.Random(20261128)
out = sys.stdout
dump = lambda o: out.write(json.dumps(o, ensure_ascii=False, separators=(",", ":")) + "\n")

NATIONALITIES = ["VN", "ID", "TH", "MM", "CN", "PH", "MY", "LK", "BD", "KE", "IN", "NP"]
CHANNELS = ["facebook", "telegram", "instagram", "tiktok", "whatsapp", "line", "agency", "personal_contact"]
PROVINCES = [("Preah Sihanouk", 10.63, 103.52), ("Koh Kong", 11.6, 103.0), ("Banteay Meanchey", 13.6, 102.98),
             ("Svay Rieng", 11.08, 105.8), ("Kampot", 10.6, 104.18), ("Pursat", 12.53, 103.9),
             ("Phnom Penh", 11.56, 104.92), ("Oddar Meanchey", 14.16, 103.5)]
INCIDENTS = ["beating", "confinement", "threat", "forced_criminality", "document_confiscation",
             "withheld_wages", "debt_bondage", "electric_shock", "sale_or_transfer", "torture", "death"]
CODES = ["ilo.deception", "ilo.restriction_of_movement", "ilo.isolation", "ilo.intimidation_threats",
         "ilo.retention_of_documents", "ilo.excessive_overtime", "ilo.abusive_conditions",
         "tip.act.transportation", "tip.means.deception", "slavery.ownership_claim"]
STATUSES = ["operating"] * 6 + ["closed", "under_construction"]

dump({"kind": "source", "id": "rb-source", "title": "Report benchmark data (generated, fictional)", "type": "other"})


def month(rng):
    return f"{rng.randint(2021, 2025)}-{rng.randint(1, 12):02d}"


def day(rng):
    return f"{month(rng)}-{rng.randint(1, 28):02d}"


for s in range(sites):
    name, lat, lon = PROVINCES[s % len(PROVINCES)]
    dump({"kind": "site", "id": f"rb-site-{s}", "name": f"Benchmark site {s} (fictional)",
          "category": "scam_compound" if s % 2 == 0 else "suspected_site", "country": "KH", "admin1": name,
          "lat": round(lat + rng.uniform(-0.3, 0.3), 5), "lon": round(lon + rng.uniform(-0.3, 0.3), 5)})
    dump({"kind": "site_status", "id": f"rb-obs-{s}-1", "site": f"rb-site-{s}", "date": month(rng),
          "status": rng.choice(STATUSES), "basis": rng.choice(["field_visit", "satellite_imagery", "media"])})
    if s % 3 == 0:
        dump({"kind": "intervention", "id": f"rb-raid-{s}", "site": f"rb-site-{s}", "date": day(rng),
              "type": rng.choice(["raid", "rescue"]), "persons_removed": rng.randint(0, 300)})
        dump({"kind": "site_status", "id": f"rb-obs-{s}-2", "site": f"rb-site-{s}", "date": month(rng),
              "status": rng.choice(STATUSES), "basis": "satellite_imagery"})

for p in range(persons):
    pid = f"rb-person-{p}"
    person = {"kind": "person", "id": pid, "alias": f"Person {p} (fictional)",
              "roles": ["survivor"] if p % 10 == 0 else ["victim"], "nationality": rng.choice(NATIONALITIES),
              "age_at_entry": rng.randint(15, 45),
              "recruitment": {"channel": rng.choice(CHANNELS)},
              "custody": [{"site": f"rb-site-{rng.randrange(sites)}"}]}
    dump(person)
    if p % 10 == 0:
        codes = sorted(set(rng.sample(CODES, rng.randint(1, 4))))
        dump({"kind": "testimony", "id": f"rb-t-{p}", "person": pid, "date": day(rng),
              "consent": "withdrawn" if p % 70 == 0 else "anonymous_use",
              "findings": [{"code": c} for c in codes]})
    if p % 5 == 0:
        dump({"kind": "incident", "id": f"rb-inc-{p}", "type": rng.choice(INCIDENTS), "date": month(rng),
              "site": f"rb-site-{rng.randrange(sites)}", "victims": [pid]})
