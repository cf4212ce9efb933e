"""A walk of the open council as an anonymous visitor: from the portal's index, the API's root
and schema and the calendar feeds, following every link that stays under the public prefixes
(href and src in HTML, URLs in JSON, the OpenAPI schema's paths), and reading every answer as
text (HTML, JSON, CSV, iCalendar, SVG, the text layer of PDFs, the files inside a zip)."""

from __future__ import annotations

import contextlib
import html
import io
import json
import re
import zipfile
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit

import yaml
from django.core.cache import cache
from django.test import Client
from django.urls import Resolver404, resolve

PREFIXES = ("/cong-khai/", "/api/", "/lich/")
HOST = "testserver"
# A guard against a page that links to ever new query strings (a calendar's next month...):
# the walk reads this many variants of one path, and this many URLs in all.
VARIANTS_PER_PATH = 40
MAX_URLS = 1500
# PDFs larger than this are read as bytes only (the text layer of a big scan costs seconds).
PDF_TEXT_LIMIT = 2_000_000


@dataclass
class Answer:
    url: str
    status: int
    content_type: str
    text: str
    referrer: str
    view_name: str | None


@dataclass
class Walk:
    answers: dict[str, Answer] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)  # exceptions raised by a view
    skipped: list[str] = field(default_factory=list)  # over the limits above

    @property
    def view_names(self) -> set[str]:
        return {a.view_name for a in self.answers.values() if a.view_name and a.status < 400}

    def server_errors(self) -> list[str]:
        found = [
            f"{a.status} {a.url} (linked from {a.referrer or 'the start'})"
            for a in self.answers.values()
            if a.status >= 500
        ]
        return found + self.errors

    def broken_links(self) -> list[str]:
        """Links a public page gives that lead nowhere (the walk's own guesses excepted)."""
        return [
            f"{a.status} {a.url} (linked from {a.referrer})"
            for a in self.answers.values()
            if a.status == 404 and a.referrer and not a.referrer.startswith("(")
        ]


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src", "action") and value:
                self.links.append(value)


def html_links(page: str) -> list[str]:
    parser = _Links()
    parser.feed(page)
    return parser.links


def json_strings(data: Any) -> Iterable[str]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield str(key)
            yield from json_strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from json_strings(value)
    elif isinstance(data, str):
        yield data
    elif data is not None:
        yield str(data)


def _pdf_text(body: bytes) -> str:
    if len(body) > PDF_TEXT_LIMIT:
        return ""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(body))
    parts = [page.extract_text() or "" for page in reader.pages]
    parts += [str(v) for v in (reader.metadata or {}).values()]
    return "\n".join(parts)


def body_text(content_type: str, body: bytes) -> str:
    """Everything a reader of the answer could read, as one text."""
    kind = content_type.split(";")[0].strip().lower()
    if kind == "application/pdf" or body.startswith(b"%PDF-"):
        return _pdf_text(body) + "\n" + body.decode("latin-1")
    if kind in ("application/zip", "application/x-zip-compressed") or body.startswith(
        b"PK\x03\x04"
    ):
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            return "\n".join(
                name + "\n" + body_text("", archive.read(name)) for name in archive.namelist()
            )
    text = body.decode("utf-8", errors="replace")
    if kind == "text/calendar" or text.startswith("BEGIN:VCALENDAR"):
        # RFC 5545 folds long lines: a value may be cut anywhere by CRLF and a space.
        text = re.sub(r"\r?\n[ \t]", "", text).replace("\\,", ",").replace("\\;", ";")
    if "json" in kind:
        with contextlib.suppress(ValueError):
            text += "\n" + "\n".join(json_strings(json.loads(text)))
    if "html" in kind or "xml" in kind:
        text += "\n" + html.unescape(text)
    return text


def _view_name(path: str) -> str | None:
    try:
        return resolve(path).view_name
    except Resolver404:
        return None


class Crawler:
    def __init__(self, client: Client | None = None) -> None:
        self.client = client or Client(raise_request_exception=True)
        self.walk = Walk()
        self.queue: list[tuple[str, str]] = []
        self.seen: set[str] = set()
        self.variants: dict[str, int] = defaultdict(int)
        self.schema_paths: list[str] = []
        # Each path's documented query parameters: (name, type, enum or None).
        self.schema_queries: dict[str, list[tuple[str, str, list | None]]] = {}

    # --- what to read -----------------------------------------------------------------------

    def _normal(self, link: str, base: str) -> str | None:
        link = link.strip()
        if not link or link.startswith(("#", "mailto:", "tel:", "javascript:", "data:")):
            return None
        parts = urlsplit(urljoin(f"http://{HOST}{base}", link))
        if parts.scheme not in ("http", "https") or parts.hostname not in (HOST, None):
            return None
        if not parts.path.startswith(PREFIXES):
            return None
        return urlunsplit(("", "", parts.path, parts.query, ""))

    def add(self, link: str, *, base: str = "/", referrer: str = "") -> None:
        url = self._normal(link, base)
        if url is None or url in self.seen:
            return
        path = urlsplit(url).path
        if urlsplit(url).query:
            if self.variants[path] >= VARIANTS_PER_PATH:
                self.walk.skipped.append(url)
                return
            self.variants[path] += 1
        self.seen.add(url)
        self.queue.append((url, referrer))

    # --- reading ----------------------------------------------------------------------------

    def _get(self, url: str):
        response = self.client.get(url)
        if response.status_code == 429:
            # The API's anonymous rate limit counts in the cache: the walk is one visitor
            # reading everything at once, not the crowd the limit is for.
            cache.clear()
            response = self.client.get(url)
        return response

    def run(self) -> Walk:
        while self.queue:
            if len(self.walk.answers) >= MAX_URLS:
                self.walk.skipped.extend(url for url, _ in self.queue)
                break
            url, referrer = self.queue.pop(0)
            self.read(url, referrer)
            if not self.queue:
                self._fill_schema_paths()
        return self.walk

    def read(self, url: str, referrer: str) -> None:
        try:
            response = self._get(url)
        except Exception as exc:  # a view's exception is a finding, not the walk's end
            self.walk.errors.append(f"{url} raised {type(exc).__name__}: {exc}")
            return
        content_type = response.get("Content-Type", "")
        body = (
            b"".join(response.streaming_content)
            if getattr(response, "streaming", False)
            else response.content
        )
        path = urlsplit(url).path
        text = body_text(content_type, body) if body else ""
        self.walk.answers[url] = Answer(
            url=url,
            status=response.status_code,
            content_type=content_type,
            text=text,
            referrer=referrer,
            view_name=_view_name(path),
        )
        if response.status_code in (301, 302, 303, 307, 308):
            self.add(response["Location"], base=url, referrer=url)
            return
        if response.status_code >= 400:
            return
        kind = content_type.split(";")[0].strip().lower()
        if "html" in kind:
            for link in html_links(body.decode("utf-8", errors="replace")):
                self.add(link, base=url, referrer=url)
        elif "json" in kind:
            try:
                data = json.loads(body)
            except ValueError:
                return
            self._json_links(data, url)
        if "openapi" in kind or path.startswith("/api/schema"):
            self._schema(body, url)

    def _json_links(self, data: Any, url: str) -> None:
        for value in json_strings(data):
            # A template such as /api/v1/councils/{council_pk}/ describes links, it is not one.
            if value.startswith((f"http://{HOST}/", "/")) and not set(value) & {" ", "{"}:
                self.add(value, base=url, referrer=url)

    # --- the OpenAPI schema -----------------------------------------------------------------

    def _schema(self, body: bytes, url: str) -> None:
        try:
            schema = json.loads(body) if body.lstrip().startswith(b"{") else yaml.safe_load(body)
        except (ValueError, yaml.YAMLError):
            return
        for path, operations in (schema or {}).get("paths", {}).items():
            self.schema_queries[path] = [
                (p["name"], p.get("schema", {}).get("type", ""), p.get("schema", {}).get("enum"))
                for p in (operations.get("get") or {}).get("parameters", [])
                if p.get("in") == "query"
            ]
            if "{" in path:
                self.schema_paths.append(path)
            else:
                self.add(path, base=url, referrer=f"(schema {url})")

    def add_filter_variants(self, word: str) -> None:
        """Each list of the schema read once more per documented filter: every value of a
        choice, both of a yes/no, `word` for a text, and pages of one row (the cursor's next
        links are followed). A filter must narrow what is public, never widen it."""
        for url in [u for u in self.walk.answers if "?" not in u]:
            for template, parameters in self.schema_queries.items():
                if not _template_matches(template, url):
                    continue
                for name, kind, enum in parameters:
                    if name == "cursor":
                        continue
                    if name == "page_size":
                        values: list = [1]
                    elif enum:
                        values = list(enum)
                    elif kind == "boolean":
                        values = ["true", "false"]
                    elif kind == "string":
                        values = [word]
                    else:
                        values = []
                    for value in values:
                        self.add(f"{url}?{name}={value}", referrer=f"(filter of {template})")

    def _fill_schema_paths(self) -> None:
        """The schema's paths with parameters that no link reached, each parameter filled in
        turn with the ids the list above it gave (`/api/v1/councils/{council_pk}/sessions/{id}/`
        from the pks of `/api/v1/councils/`, then of that council's `sessions/`), a few each."""
        answered = [urlsplit(u).path for u in self.walk.answers]
        pending, self.schema_paths = self.schema_paths, []
        for template in pending:
            if any(_template_matches(template, path) for path in answered):
                continue
            filled = self._filled(template)
            if not filled:  # the list above it not read yet: try again when it is
                self.schema_paths.append(template)
            for url in filled:
                self.add(url, referrer=f"(schema {template})")

    def _filled(self, template: str) -> list[str]:
        if "{" not in template:
            return [template]
        head, rest = template.split("{", 1)
        tail = rest.split("}", 1)[1]
        return [
            url
            for value in self._ids_under(head)[:3]
            for url in self._filled(f"{head}{value}{tail}")
        ]

    def _ids_under(self, list_path: str) -> list[Any]:
        ids: list[Any] = []
        for answer in self.walk.answers.values():
            if urlsplit(answer.url).path != list_path or "json" not in answer.content_type:
                continue
            data = _first_json(answer.text)
            rows = data.get("results", data) if isinstance(data, dict) else data
            for row in rows if isinstance(rows, list) else []:
                if isinstance(row, dict):
                    for key in ("pk", "id", "identifier"):
                        if key in row and row[key] not in ids:
                            ids.append(row[key])
                            break
        return ids


def _template_matches(template: str, path: str) -> bool:
    pattern = "^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template)) + "$"
    return re.match(pattern, path) is not None


def _first_json(text: str) -> Any:
    """The JSON document at the head of an answer's text (body_text appends the strings)."""
    try:
        return json.JSONDecoder().raw_decode(text)[0]
    except ValueError:
        return None
