"""Which URL names anyone may open without logging in.

A few fixed pages (login, logout, a delegate's one-time activation link), and the open council
(issue 24): the pages of the public namespaces whose views opt out of the login with
@login_not_required. A view that opts out anywhere else is a mistake the tests report
(tests/test_urls_access.py), so "public" is decided by the view itself, not by a list to keep."""

from __future__ import annotations

from functools import cache

from django.urls import URLPattern, URLResolver, get_resolver

STATIC_PUBLIC = {"login", "logout", "delegates:activate"}  # the one-time link is its own key
PUBLIC_NAMESPACES = ("portal", "opendata", "calendars")


def _named_patterns(resolver=None, namespace: str = ""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _named_patterns(entry, ns)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", entry


def opts_out_of_login(entry: URLPattern) -> bool:
    return getattr(entry.callback, "login_required", True) is False


@cache
def public_names() -> frozenset[str]:
    names = set(STATIC_PUBLIC)
    for name, entry in _named_patterns():
        if name.split(":")[0] in PUBLIC_NAMESPACES and opts_out_of_login(entry):
            names.add(name)
    return frozenset(names)


class _Public:
    """Behaves as the set of public names (`name in PUBLIC`, `names - PUBLIC`), read when first
    used: the URLconf is not loaded when the test modules are imported."""

    def __contains__(self, name: object) -> bool:
        return name in public_names()

    def __rsub__(self, other: set[str]) -> set[str]:
        return set(other) - public_names()

    def __iter__(self):
        return iter(public_names())


PUBLIC = _Public()
