"""The typeface of the PDF reports. NĐ 30/2020 asks for Times New Roman, which may not be shipped
with the app; the app bundles Liberation Serif (static/fonts, SIL OFL), whose letters have the
same widths, so lines and pages break at the same places, and uses Times New Roman wherever the
server has it installed (fontconfig).

settings.REPORT_FONT chooses, at each rendering:
- "auto" (default): Times New Roman when fontconfig lists it, else the bundled font;
- "bundled": always the bundled font (the same PDF on every machine);
- "system": Times New Roman, and an error when the server lacks it.
The PDF says which font it was made with (reports.pdf: its keywords and generator)."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

BUNDLED_FAMILY = "Liberation Serif"  # @font-face in static/css/report.css
SYSTEM_FAMILY = "Times New Roman"
MODES = ("auto", "bundled", "system")


@dataclass(frozen=True)
class ReportFont:
    family: str
    bundled: bool

    @property
    def css_stack(self) -> str:
        """The font-family list of the document and its charts."""
        return f'"{self.family}", serif'

    @property
    def description(self) -> str:
        """What the PDF's metadata says: "Phông chữ: Liberation Serif (kèm theo ứng dụng)"."""
        origin = "kèm theo ứng dụng" if self.bundled else "cài đặt trên máy chủ"
        return f"Phông chữ: {self.family} ({origin})"


def system_font_installed(family: str) -> bool:
    """Whether fontconfig lists `family` itself. Asked by name, not through fc-match, which
    answers with a substitute (Liberation Serif for Times New Roman) when the font is absent.
    No fontconfig tools: not installed."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return False
    # -q: no output, exit status 1 when no font matches.
    result = subprocess.run(
        [fc_list, "-q", f":family={family}"], capture_output=True, timeout=10, check=False
    )
    return result.returncode == 0


def report_font() -> ReportFont:
    """The font of a report rendered now, as settings.REPORT_FONT says."""
    mode = settings.REPORT_FONT
    if mode not in MODES:
        raise ImproperlyConfigured(f"REPORT_FONT must be one of {', '.join(MODES)}, not {mode!r}.")
    bundled = ReportFont(BUNDLED_FAMILY, bundled=True)
    if mode == "bundled":
        return bundled
    if system_font_installed(SYSTEM_FAMILY):
        return ReportFont(SYSTEM_FAMILY, bundled=False)
    if mode == "system":
        raise ImproperlyConfigured(
            f"REPORT_FONT=system, but the font {SYSTEM_FAMILY!r} is not installed on this "
            "server (fc-list lists no such family)."
        )
    return bundled
