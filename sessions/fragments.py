"""Cards that the apps above sessions add to the session page (what a session adopted, its
questioning, the petitions report), so that sessions imports none of them and names none of
their templates. Each app registers its template in its AppConfig.ready(); the page includes
them in ascending `order`, with `session` in the context."""

from __future__ import annotations

_orders: dict[str, int] = {}


def register(*, template: str, order: int) -> None:
    _orders[template] = order


def templates() -> list[str]:
    return sorted(_orders, key=_orders.__getitem__)
