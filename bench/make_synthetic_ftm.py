#!/usr/bin/env python3
"""Synthetic FollowTheMoney lists for the scale benchmarks (issue 16).

Writes N entities as FtM JSON lines, recombined from the development
negatives (../shared/data/negatives), so names keep the scripts and the mix
of the negatives: people (first, middle and last names recombined within one
script, ~0.47 aliases each, birth dates, nationalities, genders), companies
(words and surnames of one script with the legal form of their country) and
vessels (names, valid IMO numbers, flags). Deterministic for a seed. No
entity is one of the negatives, and none is listed: they are the haystack
that true matches must still be found in.

  bench/make_synthetic_ftm.py 1000000 > /tmp/synth-1m.ftm.json
  bench/make_synthetic_ftm.py 100000 --seed 7 --negatives ../shared/data/negatives
"""
import argparse
import csv
import json
import os
import random
import sys
import unicodedata

# The negatives' nationalities as ISO 3166-1 alpha-2 (FtM's country type).
COUNTRY_CODES = {
    "Afghanistan": "af", "Algeria": "dz", "Argentina": "ar", "Australia": "au", "Austria": "at",
    "Azerbaijan": "az", "Bangladesh": "bd", "Belarus": "by", "Belgium": "be", "Bhutan": "bt",
    "Bolivia": "bo", "Bosnia and Herzegovina": "ba", "Botswana": "bw", "Brazil": "br",
    "Brunei": "bn", "Bulgaria": "bg", "Burkina Faso": "bf", "Cambodia": "kh", "Cameroon": "cm",
    "Canada": "ca", "Chile": "cl", "China": "cn", "Colombia": "co", "Costa Rica": "cr",
    "Croatia": "hr", "Cuba": "cu", "Czech Republic": "cz",
    "Democratic Republic of the Congo": "cd", "Denmark": "dk", "Dominican Republic": "do",
    "East Timor": "tl", "Ecuador": "ec", "Egypt": "eg", "El Salvador": "sv", "Ethiopia": "et",
    "Finland": "fi", "France": "fr", "Germany": "de", "Ghana": "gh", "Guatemala": "gt",
    "Honduras": "hn", "Hong Kong": "hk", "India": "in", "Indonesia": "id", "Iran": "ir",
    "Iraq": "iq", "Ireland": "ie", "Israel": "il", "Italy": "it", "Ivory Coast": "ci",
    "Japan": "jp", "Jordan": "jo", "Kazakhstan": "kz", "Kenya": "ke", "Kuwait": "kw",
    "Kyrgyzstan": "kg", "Laos": "la", "Lebanon": "lb", "Malaysia": "my", "Mali": "ml",
    "Mexico": "mx", "Mongolia": "mn", "Montenegro": "me", "Morocco": "ma", "Myanmar": "mm",
    "Nepal": "np", "Netherlands": "nl", "New Zealand": "nz", "Nicaragua": "ni", "Nigeria": "ng",
    "North Macedonia": "mk", "Norway": "no", "Pakistan": "pk", "Panama": "pa", "Paraguay": "py",
    "Peru": "pe", "Philippines": "ph", "Poland": "pl", "Portugal": "pt", "Puerto Rico": "pr",
    "Qatar": "qa", "Russia": "ru", "Rwanda": "rw", "Saudi Arabia": "sa", "Senegal": "sn",
    "Serbia": "rs", "Singapore": "sg", "Slovakia": "sk", "Slovenia": "si", "South Africa": "za",
    "South Korea": "kr", "Spain": "es", "Sri Lanka": "lk", "Sweden": "se", "Switzerland": "ch",
    "Syria": "sy", "Taiwan": "tw", "Tajikistan": "tj", "Tanzania": "tz", "Thailand": "th",
    "Tunisia": "tn", "Turkey": "tr", "Turkmenistan": "tm", "Uganda": "ug", "Ukraine": "ua",
    "United Arab Emirates": "ae", "United Kingdom": "gb", "United States": "us", "Uruguay": "uy",
    "Uzbekistan": "uz", "Venezuela": "ve", "Vietnam": "vn", "Zimbabwe": "zw",
}

# Legal forms by country, as firms write them; others get a common one.
LEGAL_FORMS = {
    "de": ["GmbH", "AG", "GmbH & Co. KG"], "at": ["GmbH", "AG"], "ch": ["AG", "SA", "GmbH"],
    "ru": ["OOO", "AO", "PJSC", "ООО", "АО"], "by": ["OOO", "ОАО"], "ua": ["TOV", "ТОВ", "PrJSC"],
    "kz": ["LLP", "ТОО", "JSC"], "cn": ["Co., Ltd.", "有限公司", "Group Co., Ltd."],
    "hk": ["Limited", "Co., Limited"], "tw": ["Co., Ltd.", "股份有限公司"],
    "jp": ["K.K.", "Co., Ltd.", "株式会社"], "kr": ["Co., Ltd.", "주식회사", "Corporation"],
    "fr": ["SA", "SAS", "SARL"], "es": ["S.A.", "S.L."], "it": ["S.p.A.", "S.r.l."],
    "pt": ["Lda", "S.A."], "br": ["Ltda", "S.A."], "mx": ["S.A. de C.V."], "ar": ["S.A.", "S.R.L."],
    "nl": ["B.V.", "N.V."], "be": ["NV", "BV"], "gb": ["Ltd", "Limited", "PLC", "LLP"],
    "ie": ["Limited", "DAC"], "us": ["LLC", "Inc.", "Corp.", "Corporation", "Co."],
    "ca": ["Inc.", "Ltd."], "au": ["Pty Ltd"], "nz": ["Limited"], "in": ["Pvt Ltd", "Limited"],
    "pk": ["(Private) Limited"], "my": ["Sdn Bhd", "Berhad"], "sg": ["Pte Ltd"],
    "id": ["PT", "Tbk"], "ae": ["FZE", "LLC", "FZCO", "DMCC"], "sa": ["Co.", "LLC"],
    "ir": ["Co.", "PJS", "شرکت"], "tr": ["A.Ş.", "Ltd. Şti."], "pl": ["Sp. z o.o.", "S.A."],
    "cz": ["s.r.o.", "a.s."], "sk": ["s.r.o."], "se": ["AB"], "no": ["AS", "ASA"], "dk": ["A/S", "ApS"],
    "fi": ["Oy", "Oyj"], "vn": ["Co., Ltd.", "JSC"], "th": ["Co., Ltd.", "Public Co., Ltd."],
}
COMMON_FORMS = ["Ltd", "LLC", "Co.", "Company", "Corporation", "Group", "Limited", "JSC"]
BUSINESS_WORDS = [
    "Trading", "Industrial", "Shipping", "Import Export", "Holdings", "Technologies",
    "Development", "Energy", "Logistics", "Investment", "Construction", "Engineering",
    "International", "General Trading", "Petroleum", "Metals", "Chemicals", "Electronics",
    "Marine", "Agro", "Textiles", "Pharma", "Mining", "Capital", "Consulting", "Systems",
    "Commercial", "Foods", "Machinery", "Services", "Global", "Resources", "Partners",
]
VESSEL_WORDS = [
    "STAR", "OCEAN", "PEARL", "FORTUNE", "GLORY", "SPIRIT", "PRIDE", "QUEEN", "PRINCESS",
    "VICTORY", "HARMONY", "EXPRESS", "PIONEER", "ATLANTIC", "PACIFIC", "ORIENT", "DREAM",
    "HOPE", "LUCKY", "GOLDEN", "SILVER", "BLUE", "GREAT", "NEW", "SEA", "RIVER", "WIND",
]
FLAGS = ["pa", "lr", "mh", "hk", "sg", "mt", "bs", "gr", "cy", "km", "tg", "sl", "cm", "vn",
         "id", "my", "ru", "ir", "kp", "tz", "bz", "mn", "pw", "gq"]
VESSEL_TYPES = ["Oil Tanker", "Bulk Carrier", "General Cargo", "Container Ship",
                "Chemical Tanker", "LPG Tanker", "Fishing Vessel", "Tug"]


def script_of(text):
    """The first letter's script, as a coarse key (LATIN, CYRILLIC, ARABIC, HANGUL, CJK...)."""
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            return name.split(" ")[0] if name else "OTHER"
    return "OTHER"


class Pools:
    """Name parts of the negatives grouped by script."""

    def __init__(self, paths):
        self.by_script = {}
        for path in paths:
            with open(path, newline="", encoding="utf-8") as f:
                for row in csv.DictReader(f):
                    full = row["full_name"].strip()
                    if not full:
                        continue
                    script = script_of(full)
                    pool = self.by_script.setdefault(
                        script, {"first": [], "middle": [], "last": [], "rows": [],
                                 "first male": [], "first female": []})
                    pool["rows"].append(row)
                    for part in ("first", "middle", "last"):
                        value = row[part + "_name"].strip()
                        if value:
                            pool[part].append(value)
                            if part == "first" and row["gender"] in ("male", "female"):
                                pool["first " + row["gender"]].append(value)
        self.rows = [r for p in self.by_script.values() for r in p["rows"]]


def imo_number(rng):
    digits = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(5)]
    check = sum(d * w for d, w in zip(digits, range(7, 1, -1))) % 10
    return "IMO" + "".join(map(str, digits)) + str(check)


def person(rng, pools, index):
    template = rng.choice(pools.rows)
    pool = pools.by_script[script_of(template["full_name"])]
    firsts = pool.get("first " + template["gender"]) or pool["first"]
    first = rng.choice(firsts) if firsts else template["first_name"]
    last = rng.choice(pool["last"]) if pool["last"] else template["last_name"]
    middle = rng.choice(pool["middle"]) if pool["middle"] and rng.random() < 0.3 else ""
    # Names written surname first in their script stay so.
    surname_first = template["full_name"].startswith(template["last_name"]) and \
        template["last_name"] != template["first_name"]
    joiner = "" if script_of(template["full_name"]) in ("CJK", "HANGUL") else " "
    parts = [last, first] if surname_first else [first, middle, last]
    name = joiner.join(p for p in parts if p)
    names = [name]
    if rng.random() < 0.47:
        other_first = rng.choice(firsts) if firsts else first
        names.append(joiner.join(p for p in ([last, other_first] if surname_first
                                             else [other_first, last]) if p))
    props = {"name": names, "firstName": [first], "lastName": [last]}
    if middle:
        props["middleName"] = [middle]
    dob = template["date_of_birth"]
    if dob:
        year = int(dob[:4]) + rng.randint(-3, 3)
        props["birthDate"] = [f"{year:04d}{dob[4:]}" if rng.random() < 0.8 else f"{year:04d}"]
    country = COUNTRY_CODES.get(template["nationality"])
    if country:
        props["nationality"] = [country]
    if template["gender"] in ("male", "female"):
        props["gender"] = [template["gender"]]
    return {"id": f"synth-p{index}", "schema": "Person", "properties": props}


def company(rng, pools, index):
    template = rng.choice(pools.rows)
    pool = pools.by_script[script_of(template["full_name"])]
    country = COUNTRY_CODES.get(template["nationality"], "")
    joiner = " "
    stem = rng.choice(pool["last"]) if pool["last"] else template["last_name"]
    forms = LEGAL_FORMS.get(country, COMMON_FORMS)
    if script_of(template["full_name"]) == "LATIN":
        words = [stem] + rng.sample(BUSINESS_WORDS, rng.randint(1, 2))
    else:  # a firm named in its own script: its founders' names and a form in that script if any
        words = [stem] + ([rng.choice(pool["last"])] if pool["last"] else [])
        joiner = "" if script_of(stem) in ("CJK", "HANGUL") else " "
        native = [f for f in forms if script_of(f) == script_of(stem)]
        forms = native or forms
    form = rng.choice(forms)
    name = joiner.join(words)
    props = {"name": [f"{name}{joiner}{form}"]}
    if rng.random() < 0.3:
        props["alias"] = [name]
    if country:
        props["jurisdiction"] = [country]
    if rng.random() < 0.4:
        props["registrationNumber"] = [str(rng.randint(10**7, 10**10))]
    return {"id": f"synth-c{index}", "schema": "Company", "properties": props}


def vessel(rng, pools, index):
    pool = rng.choice(list(pools.by_script.values()))
    words = rng.sample(VESSEL_WORDS, rng.randint(1, 2))
    if pool["last"] and rng.random() < 0.5:
        words.append(rng.choice(pool["last"]).upper())
    props = {"name": [" ".join(words)], "imoNumber": [imo_number(rng)],
             "flag": [rng.choice(FLAGS)], "type": [rng.choice(VESSEL_TYPES)]}
    if rng.random() < 0.3:  # a former name
        props["previousName"] = [" ".join(rng.sample(VESSEL_WORDS, 2))]
    return {"id": f"synth-v{index}", "schema": "Vessel", "properties": props}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="entities to write")
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--negatives", default=os.path.join(here, "..", "..", "shared", "data",
                                                            "negatives"))
    parser.add_argument("--dataset", default="synthetic")
    args = parser.parse_args()
    files = sorted(os.path.join(args.negatives, f) for f in os.listdir(args.negatives)
                   if f.endswith(".csv"))
    if not files:
        sys.exit(f"no negatives (*.csv) in {args.negatives}")
    pools = Pools(files)
    rng = random.Random(args.seed)
    out = sys.stdout
    for i in range(args.count):
        roll = rng.random()
        make = person if roll < 0.70 else company if roll < 0.95 else vessel
        record = make(rng, pools, i)
        record["datasets"] = [args.dataset]
        out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
