"""The statements of one page, each under EXPLAIN ANALYZE (issue 19: which of a council's
statements grow with the other councils in the database).

    DATABASE_URL=postgres://.../hdnd_nat_all DJANGO_SETTINGS_MODULE=bench.settings \\
        .venv/bin/python -m bench.explain "<council id or name>" /bao-cao/cac-hdnd-xa/?year=2026

Visits the page as staff of that council (bench/measure.py's login, BENCH_USERNAME), captures
its statements, then runs each SELECT (and each server-side cursor's DECLARE, as declared)
again under EXPLAIN (ANALYZE, BUFFERS) and prints them slowest first: execution time, planning
time, the statement and, with --plans, the plan."""

from __future__ import annotations

import argparse
import os
import re
import sys

# A server-side cursor's statement as Django declares it: DECLARE "name" ... FOR SELECT ...
DECLARED = re.compile(r'\s*DECLARE\s+("[^"]+"\s+NO SCROLL CURSOR)\s+WITH HOLD\s+(FOR\s.*)', re.S)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("council")
    parser.add_argument("urls", nargs="+")
    parser.add_argument("--plans", type=int, default=0, help="print the plans of the N slowest")
    parser.add_argument("--width", type=int, default=400, help="characters of each statement")
    args = parser.parse_args()
    os.environ["BENCH_COUNCIL"] = args.council
    os.environ.setdefault("BENCH_USERNAME", "nat-explain")
    from bench.measure import _client, _login_council, _setup

    _setup()
    from django.core.cache import caches
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    client = _client(_login_council())
    for url in args.urls:
        for cache in caches.all():
            cache.clear()
        with CaptureQueriesContext(connection) as captured:
            status = client.get(url).status_code
        rows = []
        with connection.cursor() as cursor:
            for query in captured.captured_queries:
                sql = query["sql"]
                declared = DECLARED.match(sql)
                if not (declared or sql.lstrip().upper().startswith("SELECT")):
                    continue
                # Raw SQL: these are the page's statements as captured, already SQL; the ORM's
                # QuerySet.explain() needs the querysets, which the page built and dropped.
                if declared:
                    # A server-side cursor (QuerySet.iterator(), a form's choices): planned to
                    # return its first rows fast, its plan can differ from the same SELECT's, so
                    # it is explained as declared, inside a transaction of its own.
                    with transaction.atomic():
                        cursor.execute(
                            f"EXPLAIN (ANALYZE, BUFFERS) DECLARE {declared[1]} {declared[2]}"
                        )
                        plan = "\n".join(row[0] for row in cursor.fetchall())
                else:
                    cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
                    plan = "\n".join(row[0] for row in cursor.fetchall())
                execution = float(re.search(r"Execution Time: ([\d.]+)", plan).group(1))
                planning = float(re.search(r"Planning Time: ([\d.]+)", plan).group(1))
                rows.append((execution, planning, sql, plan))
        rows.sort(key=lambda r: -r[0])
        total = sum(r[0] for r in rows)
        print(f"== {url}: HTTP {status}, {len(captured)} statements, {total:.1f} ms executing")
        for i, (execution, planning, sql, plan) in enumerate(rows):
            print(f"{execution:8.2f} ms (+{planning:.2f} planning)  {sql[: args.width]}")
            if i < args.plans:
                print(plan)


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    main()
