"""Text helpers shared by every app: diacritic-insensitive search and Vietnamese number words."""

import unicodedata

# "đ" is a letter of its own, not "d" plus a combining mark, so NFD alone does not fold it.
_EXTRA = str.maketrans({"đ": "d", "Đ": "d"})


def fold(text: str | None) -> str:
    """Lower-case, strip Vietnamese diacritics: "Nghị quyết Đất đai" -> "nghi quyet dat dai"."""
    if not text:
        return ""
    text = text.translate(_EXTRA)
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return " ".join(stripped.lower().split())


def search_terms(query: str | None) -> list[str]:
    """Split a user's query into folded words; each must occur in the folded text."""
    return [word for word in fold(query).split(" ") if word]


def pad2(value: int) -> str:
    """Counts under ten carry a leading zero in administrative prose: 5 -> "05", 65 -> "65"."""
    return f"{value:02d}"
