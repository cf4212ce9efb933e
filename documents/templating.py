"""The placeholders of a document template: "{so_kien_nghi}" in a text the secretariat typed,
filled from the record a document is made from. str.format_map would also read attributes and
indexes ("{x.__class__}") and fail on a stray brace; the texts are typed by users, so this reads
only plain names, leaves any other brace as typed, and says which unknown names a text uses."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


def placeholders_in(text: str) -> list[str]:
    """The placeholder names `text` uses, in order, once each."""
    return list(dict.fromkeys(PLACEHOLDER.findall(text)))


def unknown_placeholders(texts: Iterable[str], known: Iterable[str]) -> list[str]:
    known_set = set(known)
    names = [name for text in texts for name in placeholders_in(text)]
    return [name for name in dict.fromkeys(names) if name not in known_set]


def fill(text: str, values: Mapping[str, str]) -> str:
    """`text` with each known placeholder replaced by its value; an unknown one stays as typed
    (the issue form shows it, and the template page refuses to save it)."""
    return PLACEHOLDER.sub(lambda m: str(values.get(m.group(1), m.group(0))), text)
