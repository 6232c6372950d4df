#!/usr/bin/env python3
"""Writes crates/claim-rules/tests/fixtures/holidays-golden.json: the national holidays
of Sweden, Germany, the Netherlands and China as the Python `holidays` package lists
them, the independent reference `tests/holidays_golden.rs` checks the Rust sets against.

Run it when a set's rules change or China publishes a year (the tests do not run Python):

    python3 -m venv target/holidays-venv
    target/holidays-venv/bin/pip install holidays==0.108
    target/holidays-venv/bin/python scripts/holidays-golden.py

What is taken from the package, per set:
  * Sweden: categories public + de_facto (Midsummer Eve, Christmas Eve, New Year's Eve),
    1953 (the package's first year, the current rules) to 2100;
  * Germany: nationwide public holidays (no state), 1991 to 2100;
  * the Netherlands: public holidays, 1966 to 2100;
  * China: public holidays of every published year (2001-2026) and the weekend days worked
    instead ("substituted" days in the package's tables).
"""
import datetime
import json
import pathlib
import sys

import holidays
from holidays.countries.china import ChinaStaticHolidays

VERSION = "0.108"
LAST_RULE_YEAR = 2100
CHINA_YEARS = range(2001, 2027)

if holidays.__version__ != VERSION:
    sys.exit(f"holidays {VERSION} is required (found {holidays.__version__}): the fixture "
             "must not change with the package version unnoticed")


def days_off(country, years, **options):
    out = {}
    for year in years:
        listed = country(years=year, **options)
        out[str(year)] = sorted({d.isoformat() for d in listed if d.year == year})
    return out


def china_working_days():
    """Weekend days worked instead of a day off: (day off month, day, worked month, day[, worked year])."""
    worked = {}
    for year, items in ChinaStaticHolidays.special_public_holidays.items():
        if items and isinstance(items[0], int):
            items = (items,)
        for item in items:
            if len(item) >= 4 and isinstance(item[2], int):
                worked_year = item[4] if len(item) == 5 else year
                day = datetime.date(worked_year, item[2], item[3])
                worked.setdefault(str(day.year), set()).add(day.isoformat())
    return {year: sorted(worked.get(str(year), ())) for year in map(str, CHINA_YEARS)}


fixture = {
    "generated_by": "scripts/holidays-golden.py",
    "holidays_version": VERSION,
    "sets": {
        "Sweden": {"days_off": days_off(holidays.SE, range(1953, LAST_RULE_YEAR + 1),
                                       categories=("public", "de_facto"))},
        "Germany": {"days_off": days_off(holidays.DE, range(1991, LAST_RULE_YEAR + 1))},
        "Netherlands": {"days_off": days_off(holidays.NL, range(1966, LAST_RULE_YEAR + 1))},
        "China": {"days_off": days_off(holidays.CN, CHINA_YEARS),
                  "working_days": china_working_days()},
    },
}

path = pathlib.Path(__file__).resolve().parent.parent / \
    "crates/claim-rules/tests/fixtures/holidays-golden.json"
# One year per line keeps the diffs readable when a year changes.
lines = ["{", f'  "generated_by": {json.dumps(fixture["generated_by"])},',
         f'  "holidays_version": {json.dumps(VERSION)},', '  "sets": {']
set_names = list(fixture["sets"])
for i, name in enumerate(set_names):
    lines.append(f'    {json.dumps(name)}: {{')
    kinds = list(fixture["sets"][name])
    for j, kind in enumerate(kinds):
        lines.append(f'      {json.dumps(kind)}: {{')
        years = fixture["sets"][name][kind]
        for k, (year, dates) in enumerate(years.items()):
            comma = "," if k + 1 < len(years) else ""
            lines.append(f'        {json.dumps(year)}: {json.dumps(dates)}{comma}')
        lines.append("      }" + ("," if j + 1 < len(kinds) else ""))
    lines.append("    }" + ("," if i + 1 < len(set_names) else ""))
lines += ["  }", "}"]
path.write_text("\n".join(lines) + "\n")
print(f"wrote {path}")
