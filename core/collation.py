"""Names sort as Vietnamese does: Hà before Hoàng, Bế Đức before Bế Thị, Ân after An.

One collation, VIETNAMESE, named on the name columns (db_collation) so every ORDER BY of them
follows it: lists, drop-downs, a table sorted by its header, the admin. On PostgreSQL it is
ICU's Vietnamese ("vi"), created by migration council 0010. SQLite has no ICU: the same name is
a Python comparison registered on every connection (CouncilConfig.ready), which orders as ICU
does: base letters first in the Vietnamese alphabet (a ă â b c d đ e ê … o ô ơ … u ư …), then
tones (none, huyền, hỏi, ngã, sắc, nặng) letter by letter, then lower case before upper case.
Two different strings never compare equal, so uniqueness is unchanged."""

from __future__ import annotations

import functools
import unicodedata
from typing import Any

COLLATION = "vietnamese"
ICU_LOCALE = "vi"

_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
# A base letter and the mark that makes it another letter of the alphabet.
_MODIFIED = {
    ("a", "\u0306"): "ă",
    ("a", "\u0302"): "â",
    ("e", "\u0302"): "ê",
    ("o", "\u0302"): "ô",
    ("o", "\u031b"): "ơ",
    ("u", "\u031b"): "ư",
}
# Tones in dictionary order: huyền, hỏi, ngã, sắc, nặng (none is 0).
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
# ICU's root order of the common punctuation and symbols; all of them before digits and letters.
_PUNCTUATION = "_-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$"
_SPACE, _SYMBOL, _DIGIT, _LETTER = 0, 1000, 2000, 3000


def _primary(base: str) -> int:
    if base.isspace():
        return _SPACE
    if base.isdigit():
        return _DIGIT + unicodedata.digit(base, 0)
    if (rank := _ALPHABET.find(base)) >= 0:
        return _LETTER + rank
    if base.isalpha():  # a letter of another alphabet: after ours, by code point
        return _LETTER + len(_ALPHABET) + ord(base)
    rank = _PUNCTUATION.find(base)
    return _SYMBOL + (rank if rank >= 0 else len(_PUNCTUATION) + ord(base))


@functools.lru_cache(maxsize=8192)
def sort_key(text: str) -> tuple[Any, ...]:
    """(letters, tones, cases, the text itself): compared level by level, as ICU does."""
    letters: list[int] = []
    tones: list[int] = []
    cases: list[int] = []
    for char in unicodedata.normalize("NFD", text):
        if unicodedata.combining(char) and letters:
            rank = letters[-1] - _LETTER
            base = _ALPHABET[rank] if 0 <= rank < len(_ALPHABET) else ""
            if (modified := _MODIFIED.get((base, char))) is not None:
                letters[-1] = _LETTER + _ALPHABET.index(modified)
            else:
                tones[-1] = _TONES.get(char, len(_TONES) + 1)
            continue
        lower = char.lower()
        letters.append(_primary("đ" if lower == "ð" else lower))  # Ð typed for Đ
        tones.append(0)
        cases.append(0 if char == lower else 1)
    return (tuple(letters), tuple(tones), tuple(cases), text)


def compare(a: str, b: str) -> int:
    """SQLite's collation callable: negative, zero (the same text only) or positive."""
    key_a, key_b = sort_key(a), sort_key(b)
    return (key_a > key_b) - (key_a < key_b)


def register_on_sqlite(sender: Any, connection: Any, **kwargs: Any) -> None:
    """connection_created receiver: SQLite connections learn the collation's name."""
    if connection.vendor == "sqlite":
        connection.connection.create_collation(COLLATION, compare)
