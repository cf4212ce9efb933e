"""In-process measurements of one database, run by bench/run.py in a subprocess per database
(the database is chosen by DATABASE_URL when Django starts).

    DATABASE_URL=postgres://.../hdnd_bench_small DJANGO_SETTINGS_MODULE=bench.settings \\
        python -m bench.measure pages --reps 7        # JSON rows on stdout
    ... python -m bench.measure searches              # new (uncached) petition searches
    ... python -m bench.measure report                # annual report: gathering vs rendering
    ... python -m bench.measure cookie                # a logged-in browser's cookies (load test)
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import time
from typing import Any

USERNAME = "do-hieu-nang"
PASSWORD = "Bench-only-2026!"


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    # As a gunicorn worker starts (config/wsgi.py): every view imported, then everything built
    # so far kept out of the garbage collector's full passes.
    import gc

    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018
    gc.freeze()


def _user() -> Any:
    from django.contrib.auth import get_user_model

    from council.roles import Role
    from council.services import user_create_with_role

    existing = get_user_model().objects.filter(username=USERNAME).first()
    return existing or user_create_with_role(username=USERNAME, password=PASSWORD, role=Role.STAFF)


def _council_and_year() -> tuple[Any, int]:
    from django.db.models import Max

    from council.selectors import council_get_current
    from voters.models import VoterPetition

    council = council_get_current()
    last = VoterPetition.objects.filter(term__council=council).aggregate(d=Max("received_date"))
    return council, last["d"].year


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


class QueryCounter:
    """Counts the statements sent to the database (execute_wrapper: independent of DEBUG and of
    the query log that request_started resets)."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)

    def __enter__(self) -> QueryCounter:
        from django.db import connection

        self._cm = connection.execute_wrapper(self)
        self._cm.__enter__()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._cm.__exit__(*exc)

    def __len__(self) -> int:
        return self.count


def _timed(client: Any, url: str, reps: int) -> dict[str, Any]:
    from django.core.cache import cache

    # The first visit after a write: every cache keyed by the data version is cold (dashboard
    # figures, list HTML, row counts, dropdown options). It is also the warm-up.
    cache.clear()
    with QueryCounter() as queries:
        start = time.perf_counter()
        response = client.get(url)
        first_ms = (time.perf_counter() - start) * 1000
    times = []
    for _i in range(reps):
        start = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    return {
        "status": response.status_code,
        "queries": len(queries),
        "first_ms": first_ms,
        "median_ms": statistics.median(times),
        "p95_ms": _p95(times),
    }


def pages(reps: int) -> list[dict[str, Any]]:
    from django.test import Client

    from bench.pages import catalogue

    council, year = _council_and_year()
    client = Client()
    client.force_login(_user())
    rows = []
    for page in catalogue(council=council, year=year):
        row = {"name": page.name, "kind": page.kind, "url": page.url}
        row.update(_timed(client, page.url, reps))
        rows.append(row)
        print(f"  {page.name:34} {row['median_ms']:8.1f} ms  {row['queries']:3} q", file=sys.stderr)
    # One timed run each: an export of a K=50 year (46,676 rows) takes most of a minute.
    rows += exports(client, council, year, reps=1)
    return rows


def searches() -> dict[str, Any]:
    """New searches in a process of their own, as a server worker runs them: after the whole
    `pages` catalogue (its 10,000-row exports included) the same process serves every later
    request 30-40% slower (measured on the small database: 42 ms then 58 ms a search)."""
    from django.test import Client

    client = Client()
    client.force_login(_user())
    return new_searches(client)


def new_searches(client: Any, reps: int = 3) -> dict[str, Any]:
    """bench.pages.NEW_SEARCHES on the petition list, each visited `reps` times with an empty
    cache after a visit of the plain list (its drop-downs and the data version are then cached,
    as for a user who has the list open): the latency of a search nobody has made yet.

    Reported: the median and p95 across queries of each query's median visit (the machine's
    noise, 2 shared cores, moves single visits by +-30%), and the p95 of all visits."""
    from urllib.parse import urlencode

    from django.core.cache import cache
    from django.urls import reverse

    from bench.pages import NEW_SEARCHES

    url = reverse("voters:voterpetition_list")
    visits, counts, per_query = [], set(), {}
    for words in NEW_SEARCHES:
        times = []
        for _i in range(reps):
            cache.clear()
            client.get(url)
            with QueryCounter() as queries:
                start = time.perf_counter()
                response = client.get(f"{url}?{urlencode({'q': words})}")
                times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, words
            counts.add(len(queries))
        visits += times
        per_query[words] = round(statistics.median(times), 1)
    print(f"  new searches: {json.dumps(per_query, ensure_ascii=False)}", file=sys.stderr)
    medians = list(per_query.values())
    return {
        "name": f"new petition searches ({len(NEW_SEARCHES)} queries x {reps}, cold)",
        "kind": "search",
        "url": url,
        "status": 200,
        "queries": max(counts),
        "first_ms": _p95(visits),  # the table's last column: p95 of every single visit
        "median_ms": statistics.median(medians),
        "p95_ms": _p95(medians),
        "per_query_ms": per_query,
    }


def exports(client: Any, council: Any, year: int, reps: int) -> list[dict[str, Any]]:
    """The petition export view for the last year, and the export of exactly 10,000 rows
    (as many as there are, on a database with fewer) built the way the view builds them."""
    from council.exports import xlsx_response
    from voters import selectors

    rows = []
    url = f"/cu-tri/kien-nghi/xuat-excel/?year={year}"
    row = {"name": f"export petitions ?year={year}", "kind": "export", "url": url}
    row.update(_timed(client, url, reps))
    row["rows"] = (
        selectors.petition_queryset(council=council)
        .filter(received_date__year=year, consolidated_into__isnull=True)
        .count()
    )
    rows.append(row)

    def ten_thousand() -> int:
        qs = selectors.petition_queryset(council=council).order_by("-received_date", "-pk")[:10_000]
        data = [
            (
                p.pk,
                p.received_date,
                p.content,
                p.instances,
                p.session.number if p.session else "",
                str(p.field or ""),
                p.get_level_display(),
                str(p.responsible_org or ""),
                str(p.committee or ""),
                p.get_status_display(),
                p.batch.number if p.batch else "",
                p.batch.date if p.batch else None,
                p.answer_number,
                p.answer_date,
                p.consolidated_into_id or "",
            )
            for p in qs
        ]
        response = xlsx_response(filename="bench", headers=[str(i) for i in range(15)], rows=data)
        _body = b"".join(response) if response.streaming else response.content
        return len(data)

    times = []
    for _i in range(reps):
        with QueryCounter() as queries:
            start = time.perf_counter()
            count = ten_thousand()
            times.append((time.perf_counter() - start) * 1000)
    rows.append(
        {
            "name": "export 10,000 petitions",
            "kind": "export",
            "url": "(xlsx_response, petition_queryset)",
            "status": 200,
            "queries": len(queries),
            "median_ms": statistics.median(times),
            "p95_ms": _p95(times),
            "rows": count,
        }
    )
    return rows


def report(year: int | None) -> dict[str, Any]:
    """The annual report of one year: gathering (SQL) against rendering (template, PDF)."""
    import datetime as dt

    from django.template.loader import render_to_string

    from council.periods import Period
    from reports.models import AnnualReport
    from reports.pdf import _static_root, _url_fetcher, annual_report_context
    from reports.selectors import annual_figures, term_trend
    from reports.services import period_report_new

    council, last = _council_and_year()
    year = year or last
    report_row = AnnualReport.objects.filter(council=council, year=year).first() or (
        period_report_new(council=council, period=Period.year(year))
    )
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    with QueryCounter() as queries:
        figures = annual_figures(council=council, year=year)
        from council.selectors import term_for_date

        term = term_for_date(council=council, day=dt.date(year, 12, 31))
        if term is not None:
            term_trend(council=council, term=term)
    gathered = time.perf_counter()
    context = annual_report_context(report=report_row, figures=figures)
    html = render_to_string("reports/pdf/annual_report.html", context)
    templated = time.perf_counter()
    from weasyprint import HTML

    pdf = HTML(
        string=html, base_url=_static_root().resolve().as_uri() + "/", url_fetcher=_url_fetcher()
    ).write_pdf()
    done = time.perf_counter()
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "year": year,
        "gather_s": gathered - start,
        "gather_queries": len(queries),
        "template_s": templated - gathered,
        "pdf_s": done - templated,
        "total_s": done - start,
        "gather_share": (gathered - start) / (done - start),
        "pdf_bytes": len(pdf),
        "peak_rss_mib": rss_after / 1024,
        "rss_growth_mib": (rss_after - rss_before) / 1024,
    }


def appendix(rows: int) -> dict[str, Any]:
    """A 2,000-row appendix table through the report's own stylesheet and fonts: does WeasyPrint
    stay within a minute? (The current report has aggregate tables only.)"""
    from reports.pdf import _static_root, _url_fetcher

    css = (_static_root() / "css").resolve()
    stylesheet = next(iter(sorted(css.glob("*report*.css"))), None)
    link = f'<link rel="stylesheet" href="{stylesheet.as_uri()}">' if stylesheet else ""
    body = "".join(
        f"<tr><td>{i}</td><td>Đề nghị đầu tư sửa chữa tuyến đường số {i} đi qua xã</td>"
        f"<td>{i % 3 + 1}</td><td>Đã giải quyết</td></tr>"
        for i in range(rows)
    )
    html = (
        f"<html><head><meta charset='utf-8'>{link}</head><body><table>{body}</table></body></html>"
    )
    from weasyprint import HTML

    start = time.perf_counter()
    pdf = HTML(
        string=html, base_url=_static_root().resolve().as_uri() + "/", url_fetcher=_url_fetcher()
    ).write_pdf()
    return {
        "rows": rows,
        "seconds": time.perf_counter() - start,
        "pdf_bytes": len(pdf),
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def cookie() -> str:
    from django.test import Client

    client = Client()
    client.force_login(_user())
    client.get("/")  # as a browser has it after logging in: the CSRF cookie too
    return "; ".join(f"{name}={morsel.value}" for name, morsel in client.cookies.items())


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=["pages", "searches", "report", "appendix", "cookie"])
    parser.add_argument("--reps", type=int, default=7)
    parser.add_argument("--year", type=int, default=None)
    parser.add_argument("--rows", type=int, default=2000)
    args = parser.parse_args(argv)
    _setup()
    if args.what == "pages":
        print(json.dumps(pages(args.reps)))
    elif args.what == "searches":
        print(json.dumps([searches()]))
    elif args.what == "report":
        print(json.dumps(report(args.year)))
    elif args.what == "appendix":
        print(json.dumps(appendix(args.rows)))
    else:
        print(cookie())


if __name__ == "__main__":
    main()
