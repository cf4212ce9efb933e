"""Many councils in one database (issue 19), run by hand on PostgreSQL: one council's pages in a
database that holds one province and its communes, and in one that holds every province of the
country and their communes, measured side by side.

    .venv/bin/python bench/councils.py                 # build both, then measure
    .venv/bin/python bench/councils.py --reuse         # measure the databases already built
    .venv/bin/python bench/councils.py --reuse --sizes # and print their sizes

single (hdnd_nat_single): the first province of `generate_data --provinces` and its 98 communes.
national (hdnd_nat_all): 34 provinces and 3,321 communes (the first 23 provinces 98 each, the
others 97), the first province and its communes the same rows as in `single` (one seed: the
same texts, counts and dates; other ids). 5 years; a province at K=1, a commune at 1/50.

Measured as bench/run.py measures (bench/measure.py processes, one per database and login, every
cache emptied before each timed request, requests alternating between the databases one by
one): the province's catalogue of bench/pages.py as staff of the first province (a login whose
UserProfile.council is that province), with its communes' overview and review list; then the
catalogue of one commune council as its own staff. Printed: median, p95 and queries of each page
in both databases and the ratio national / single. Building runs under `nice -n 10`."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))

from bench.run import NICE, PYTHON, Measurer, _env, _psql, interleaved  # noqa: E402

SEED = 1
YEARS = 5
# label: (database, generate_data options)
DATABASES = {
    "single": ("hdnd_nat_single", ["--provinces", "1", "--communes-per-province", "98"]),
    "national": ("hdnd_nat_all", ["--provinces", "34", "--communes", "3321"]),
}
PROVINCE = "Hội đồng nhân dân tỉnh Tổng Hợp 1"  # bench.generator.province_name(SEED, 0)
COMMUNE = "Hội đồng nhân dân xã Tam Thanh (Tổng Hợp 1)"  # commune_council_name("Tổng Hợp 1", 1)
RATIO_LIMIT = 1.2
OVERVIEW_TARGET_MS = 300
TABLES = [
    ("council_council", "councils"),
    ("council_term", "terms"),
    ("council_delegate", "delegates"),
    ("council_sessions_session", "sessions"),
    ("council_sessions_attendance", "attendances"),
    ("resolutions_resolution", "resolutions"),
    ("oversight_oversightactivity", "activities"),
    ("oversight_oversightrecommendation", "recommendations"),
    ("voters_votermeeting", "meetings"),
    ("voters_voterpetition", "petitions"),
    ("voters_petitionstatuschange", "petition status changes"),
    ("voters_letter", "letters"),
    ("council_organization", "organisations"),
]


def build(db: str, options: list[str], scale: float, commune_scale: float) -> None:
    print(f"== building {db}: {' '.join(options)}", flush=True)
    _psql(f'DROP DATABASE IF EXISTS "{db}"')
    _psql(f'CREATE DATABASE "{db}"')
    manage = [*NICE, PYTHON, "manage.py"]
    subprocess.run([*manage, "migrate", "-v0"], cwd=ROOT, env=_env(db), check=True)
    subprocess.run(
        [*manage, "generate_data", "--years", str(YEARS), "--scale", str(scale),
         "--commune-scale", str(commune_scale), "--seed", str(SEED), *options, "-v2"],
        cwd=ROOT, env=_env(db), check=True,
    )  # fmt: skip
    _psql("VACUUM ANALYZE", db)


def _scalar(sql: str, db: str) -> str:
    out = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-qAtc", sql, db],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    return out.stdout.strip()


def sizes(db: str) -> dict[str, str]:
    """Rows of the main tables (exact counts) and the database's size on disk."""
    found = {label: _scalar(f"SELECT count(*) FROM {table}", db) for table, label in TABLES}
    found["database size"] = _scalar(f"SELECT pg_size_pretty(pg_database_size('{db}'))", db)
    found["petitions table + indexes"] = _scalar(
        "SELECT pg_size_pretty(pg_total_relation_size('voters_voterpetition'))", db
    )
    return found


def table(results: dict, labels: list[str]) -> str:
    lines = [
        "| page | single median / p95 ms | national median / p95 ms | p95 ratio | queries |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for (_what, name), by_label in results.items():
        a, b = (by_label[label] for label in labels)
        ratio = b["p95_ms"] / a["p95_ms"]
        mark = f"**{ratio:.2f}**" if ratio > RATIO_LIMIT else f"{ratio:.2f}"
        queries = (
            str(a["queries"])
            if a["queries"] == b["queries"]
            else f"**{a['queries']} / {b['queries']}**"
        )
        status = "" if a["status"] == b["status"] == 200 else f" (HTTP {a['status']}/{b['status']})"
        lines.append(
            f"| {name}{status} | {a['median_ms']:.0f} / {a['p95_ms']:.0f} | "
            f"{b['median_ms']:.0f} / {b['p95_ms']:.0f} | {mark} | {queries} |"
        )
    return "\n".join(lines)


def measure(login: str, council: str, extra: dict[str, str], rounds: int) -> dict:
    labels = list(DATABASES)
    env = {"BENCH_COUNCIL": council, "BENCH_USERNAME": login, **extra}
    measurers = {label: Measurer(DATABASES[label][0], env) for label in labels}
    try:
        catalogues = {label: dict(m.ask("pages")) for label, m in measurers.items()}
        names = [n for n in catalogues["single"] if all(n in c for c in catalogues.values())]
        return interleaved(measurers, [("get", name) for name in names], rounds)
    finally:
        for measurer in measurers.values():
            measurer.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuse", action="store_true", help="measure the databases as they are")
    parser.add_argument("--sizes", action="store_true", help="print the databases' sizes")
    parser.add_argument("--rounds", type=int, default=20, help="timed visits of each page")
    parser.add_argument("--scale", type=float, default=1.0, help="a province's K")
    parser.add_argument("--commune-scale", type=float, default=0.02)
    parser.add_argument("--only", choices=["province", "commune"], help="one login's pages")
    parser.add_argument("--json", type=Path, help="also write every summary here")
    args = parser.parse_args()

    if not args.reuse:
        for db, options in DATABASES.values():
            build(db, options, args.scale, args.commune_scale)
    if args.sizes or not args.reuse:
        for label, (db, _options) in DATABASES.items():
            print(f"{label} ({db}): {json.dumps(sizes(db), ensure_ascii=False)}", flush=True)
    loads = [os.getloadavg()]
    labels = list(DATABASES)
    results = {}
    if args.only in (None, "province"):
        print("== the province's pages, as its staff", file=sys.stderr, flush=True)
        results["province"] = measure(
            "nat-tinh", PROVINCE, {"BENCH_PROVINCE_PAGES": "1"}, args.rounds
        )
        print(f"\nProvince ({PROVINCE}), as its staff\n", flush=True)
        print(table(results["province"], labels), flush=True)
    if args.only in (None, "commune"):
        print("== one commune's pages, as its staff", file=sys.stderr, flush=True)
        results["commune"] = measure("nat-xa", COMMUNE, {}, args.rounds)
        print(f"\nCommune ({COMMUNE}), as its staff\n", flush=True)
        print(table(results["commune"], labels), flush=True)
    loads.append(os.getloadavg())
    print(f"\nload average (1, 5, 15 min) at the start and the end: {loads}")
    if args.json:
        flat = {who: {name: v for (_w, name), v in pages.items()} for who, pages in results.items()}
        flat["load_average"] = loads
        args.json.write_text(json.dumps(flat, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
