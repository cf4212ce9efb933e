"""What several browser tests share: logging in through the page, and the address of every
list of the application (found in the URL configuration, so a new list is checked too)."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, get_resolver, reverse

from core.views import RecordListView
from tests.conftest import PASSWORD


def login(page, username: str) -> None:
    page.goto("/dang-nhap/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(lambda url: "/dang-nhap/" not in url)


def list_urls() -> list[str]:
    """Every page built on core.views.RecordListView (the lists with a table and filters)."""
    names: list[str] = []

    def walk(patterns, namespace: str | None) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, pattern.namespace or namespace)
            elif isinstance(pattern, URLPattern) and not pattern.pattern.converters:
                view = getattr(pattern.callback, "view_class", None)
                if view is not None and issubclass(view, RecordListView):
                    names.append(f"{namespace}:{pattern.name}")

    walk(get_resolver().url_patterns, None)
    return [reverse(name) for name in names]
