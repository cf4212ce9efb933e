"""In-process measurements of one database, every page uncached (issue 18).

bench/run.py starts one of these per database (DATABASE_URL chooses it when Django starts) and
alternates its requests between them. One JSON request a line on stdin, one JSON answer a line
on stdout:

    ["pages"]          -> [[name, kind], ...]: bench.pages.catalogue of this database
    ["searches"]       -> bench.pages.NEW_SEARCHES
    ["get", name]      -> {"ms", "queries", "status"}: one visit of that page, caches emptied
    ["search", words]  -> the same for the petition list searched for `words`
    ["export", rows]   -> the same for the petition export of `rows` rows, and its peak memory
    ["report"]         -> the same for the annual report of the last year, and its gathering

BENCH_COUNCIL (an id or a name) makes the login staff of that council (bench/councils.py,
issue 19: a province's or a commune's login; BENCH_USERNAME names it) and the catalogue that
council's; BENCH_PROVINCE_PAGES=1 adds the province's pages over its communes.
"""

from __future__ import annotations

import json
import os
import sys
import time
import tracemalloc
from typing import Any
from urllib.parse import urlencode

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


def _login_council() -> Any:
    """BENCH_COUNCIL (a council's id or name, issue 19): the council whose staff the login is
    (its UserProfile.council), else None: the login of an installation's province."""
    from council.selectors import council_lookup

    key = os.environ.get("BENCH_COUNCIL")
    if not key:
        return None
    council = council_lookup(key=key)
    if council is None:
        raise SystemExit(f"BENCH_COUNCIL: no one council «{key}»")
    return council


def _client(council: Any = None) -> Any:
    from django.contrib.auth import get_user_model
    from django.test import Client

    from accounts.services import user_create_with_role
    from core.roles import Role

    username = os.environ.get("BENCH_USERNAME", USERNAME)
    user = get_user_model().objects.filter(username=username).first() or user_create_with_role(
        username=username, password=PASSWORD, role=Role.STAFF, council=council
    )
    client = Client()
    client.force_login(user)
    return client


def _council_and_year(council: Any = None) -> tuple[Any, int]:
    from django.db.models import Max

    from council.selectors import province_council
    from voters.models import VoterPetition

    council = council or province_council()
    last = VoterPetition.objects.filter(term__council=council).aggregate(d=Max("received_date"))
    return council, last["d"].year


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


def _empty_caches(client: Any) -> None:
    """Every cache emptied, as the first visit after a write finds them. Only the user's session
    is put back where it lives in a cache: the user stays logged in."""
    from django.conf import settings
    from django.core.cache import caches

    key = getattr(client.session, "cache_key", None)  # cache and cached_db sessions
    sessions = caches[settings.SESSION_CACHE_ALIAS]
    session = sessions.get(key) if key else None
    for cache in caches.all():
        cache.clear()
    if session is not None:
        sessions.set(key, session, settings.SESSION_COOKIE_AGE)


def visit(client: Any, url: str) -> dict[str, Any]:
    """One timed request of `url` (its whole body read), every cache emptied before it."""
    _empty_caches(client)
    with QueryCounter() as queries:
        start = time.perf_counter()
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        ms = (time.perf_counter() - start) * 1000
    return {"ms": ms, "queries": queries.count, "status": response.status_code, "bytes": len(body)}


def export(client: Any, council: Any, rows: int) -> dict[str, Any]:
    """The petition export of the newest `rows` rows, built as the export view builds it (the
    columns voters.exports declares), timed, then again under tracemalloc for its peak memory
    (tracemalloc slows Python down: the two are not measured together)."""
    from core.exports import headers, xlsx_response
    from core.exports import rows as export_rows
    from voters import exports, selectors

    def build() -> int:
        qs = selectors.petition_queryset(council=council, related=()).order_by(
            "-received_date", "-pk"
        )
        columns = exports.PETITION_COLUMNS
        response = xlsx_response(
            filename="bench",
            headers=headers(columns),
            rows=export_rows(columns, qs.values(*exports.PETITION_FIELDS)[:rows]),
        )
        return len(b"".join(response) if response.streaming else response.content)

    _empty_caches(client)
    with QueryCounter() as queries:
        start = time.perf_counter()
        size = build()
        seconds = time.perf_counter() - start
    tracemalloc.start()
    build()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "ms": seconds * 1000,
        "queries": queries.count,
        "status": 200,
        "bytes": size,
        "peak_mib": peak / 2**20,
    }


def report(client: Any, council: Any, year: int) -> dict[str, Any]:
    """The annual report of `year` as the worker renders it: figures (SQL), then the PDF."""
    from core.periods import Period
    from reports.pdf import annual_report_pdf
    from reports.selectors import annual_figures
    from reports.services import period_report_new

    _empty_caches(client)
    period = Period.year(year)
    start = time.perf_counter()
    annual_figures(council=council, period=period)
    gathered = time.perf_counter() - start
    _empty_caches(client)
    with QueryCounter() as queries:
        start = time.perf_counter()
        pdf, _figures = annual_report_pdf(report=period_report_new(council=council, period=period))
        seconds = time.perf_counter() - start
    return {
        "ms": seconds * 1000,
        "queries": queries.count,
        "status": 200,
        "gather_ms": gathered * 1000,
        "bytes": len(pdf),
    }


def serve() -> None:
    """Answer bench/run.py until stdin closes. Django may print on stdout: answers go to the
    stdout this process started with, everything else to stderr."""
    answers, sys.stdout = sys.stdout, sys.stderr
    _setup()
    from django.urls import reverse

    from bench.pages import NEW_SEARCHES, catalogue, province_pages

    login_council = _login_council()
    client = _client(login_council)
    council, year = _council_and_year(login_council)
    pages = {page.name: page for page in catalogue(council=council, year=year)}
    if os.environ.get("BENCH_PROVINCE_PAGES"):  # the communes' overview and review list
        pages.update({page.name: page for page in province_pages(council=council, year=year)})
    search_url = reverse("voters:voterpetition_list")
    for line in sys.stdin:
        what, *args = json.loads(line)
        if what == "pages":
            answer: Any = [[page.name, page.kind] for page in pages.values()]
        elif what == "searches":
            answer = NEW_SEARCHES
        elif what == "get":
            answer = visit(client, pages[args[0]].url)
        elif what == "search":
            answer = visit(client, f"{search_url}?{urlencode({'q': args[0]})}")
        elif what == "export":
            answer = export(client, council, args[0])
        elif what == "report":
            answer = report(client, council, year)
        else:
            raise ValueError(what)
        answers.write(json.dumps(answer) + "\n")
        answers.flush()


if __name__ == "__main__":
    serve()
