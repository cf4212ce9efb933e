"""Charts drawn on the server as SVG strings: the same markup goes into the dashboard and into
the PDF (WeasyPrint runs no JavaScript). Every text is escaped here, so callers may mark the
result safe."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

PALETTE = ("#8b1a1a", "#d19a1e", "#2f6f8f", "#5a8f29", "#7a4f9a", "#8c8c8c")
FONT = "Liberation Serif, Liberation Sans, Times New Roman, serif"


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def bar_chart(
    items: Sequence[tuple[str, int]],
    *,
    title: str,
    width: int = 520,
    label_width: int = 190,
    bar_height: int = 18,
    color: str = PALETTE[0],
    font: str = FONT,
) -> str:
    """Horizontal bars, one per (label, value): long Vietnamese labels stay readable."""
    gap = 6
    top = 4
    height = top + max(len(items), 1) * (bar_height + gap) + 2
    peak = max((value for _label, value in items), default=0) or 1
    room = width - label_width - 48
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'width="100%" viewBox="0 0 {width} {height}" '
        f'font-family="{escape(font)}" font-size="12">',
        f"<title>{escape(title)}</title>",
    ]
    if not items:
        parts.append(f'<text x="0" y="{top + 14}" fill="#6c757d">Chưa có số liệu</text>')
    for index, (label, value) in enumerate(items):
        y = top + index * (bar_height + gap)
        length = round(room * value / peak)
        parts.append(
            f'<text x="{label_width - 6}" y="{y + bar_height - 5}" text-anchor="end">'
            f"<title>{escape(label)}</title>{escape(_clip(label, 34))}</text>"
        )
        parts.append(
            f'<rect x="{label_width}" y="{y}" width="{max(length, 1)}" height="{bar_height}" '
            f'fill="{color}"/>'
        )
        parts.append(
            f'<text x="{label_width + length + 4}" y="{y + bar_height - 5}">{_number(value)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def stacked_bar_chart(
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[int]]],
    *,
    title: str,
    width: int = 520,
    height: int = 220,
    font: str = FONT,
) -> str:
    """Vertical stacked bars (one per category, e.g. a year of the term) with a legend."""
    legend_height = 18 * ((len(series) + 1) // 2)
    plot_top, plot_bottom, left = 14, height - 22 - legend_height, 34
    plot_height = plot_bottom - plot_top
    totals = [sum(values[i] for _name, values in series) for i in range(len(categories))]
    peak = max(totals, default=0) or 1
    slot = (width - left - 8) / max(len(categories), 1)
    bar = min(48.0, slot * 0.6)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'width="100%" viewBox="0 0 {width} {height}" '
        f'font-family="{escape(font)}" font-size="12">',
        f"<title>{escape(title)}</title>",
        f'<line x1="{left}" y1="{plot_bottom}" x2="{width - 4}" y2="{plot_bottom}" '
        f'stroke="#444" stroke-width="1"/>',
        f'<text x="{left - 4}" y="{plot_top + 4}" text-anchor="end" fill="#555">'
        f"{_number(peak)}</text>",
        f'<text x="{left - 4}" y="{plot_bottom}" text-anchor="end" fill="#555">0</text>',
    ]
    for i, category in enumerate(categories):
        x = left + slot * i + (slot - bar) / 2
        y = float(plot_bottom)
        for s, (name, values) in enumerate(series):
            value = values[i]
            if not value:
                continue
            h = plot_height * value / peak
            y -= h
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                f'fill="{PALETTE[s % len(PALETTE)]}"><title>{escape(name)} {escape(category)}: '
                f"{_number(value)}</title></rect>"
            )
        if totals[i]:
            parts.append(
                f'<text x="{x + bar / 2:.1f}" y="{y - 3:.1f}" text-anchor="middle">'
                f"{_number(totals[i])}</text>"
            )
        parts.append(
            f'<text x="{x + bar / 2:.1f}" y="{plot_bottom + 14}" text-anchor="middle">'
            f"{escape(category)}</text>"
        )
    for s, (name, _values) in enumerate(series):
        lx = left + (s % 2) * (width - left) / 2
        ly = plot_bottom + 24 + (s // 2) * 18
        parts.append(
            f'<rect x="{lx:.1f}" y="{ly}" width="11" height="11" '
            f'fill="{PALETTE[s % len(PALETTE)]}"/>'
            f'<text x="{lx + 16:.1f}" y="{ly + 10}">{escape(name)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    svg: str  # escaped markup, safe to insert


def _session_series(trend) -> list[tuple[str, list[int]]]:
    """Regular sessions, then the others named as the law named them on their own day: "bất
    thường" before 01/07/2020, "chuyên đề" after (a span across that day has both)."""
    from sessions.models import thematic_kind_labels

    first = dt.date(trend.years[0], 1, 1)
    last = trend.until or dt.date(trend.years[-1], 12, 31)
    before = list(trend.extraordinary)
    after = [
        thematic - old for (_regular, thematic), old in zip(trend.sessions, before, strict=True)
    ]
    series = [("Kỳ họp thường lệ", [regular for regular, _t in trend.sessions])]
    for label in thematic_kind_labels(first, last):
        series.append((f"Kỳ họp {label}", before if label == "bất thường" else after))
    return series


def figure_charts(figures, trend=None, *, font: str = FONT) -> list[Chart]:
    """The charts shared by the dashboard and the PDF: each shows a share (a breakdown of the
    period's figures) or a trend (the term's years); a chart without data is left out, and no
    chart adds up figures of unlike units (activities and lượt each get their own)."""
    from reports.document import ACTOR_LABELS

    charts: dict[str, str] = {}
    r = figures.resolutions
    if r is not None and r.by_field:
        charts["resolutions_by_field"] = bar_chart(
            list(r.by_field), title="Nghị quyết theo lĩnh vực", font=font
        )
    o = figures.oversight
    if o is not None and o.total:
        per_actor: dict[str, int] = {}
        for actor, _kind, count in o.by_actor_kind:
            label = ACTOR_LABELS.get(actor, actor)
            per_actor[label] = per_actor.get(label, 0) + count
        charts["oversight_by_actor"] = bar_chart(
            list(per_actor.items()),
            title="Hoạt động giám sát theo chủ thể",
            color=PALETTE[2],
            font=font,
        )
    p = figures.petitions
    if p is not None and p.instances:
        charts["petitions_by_status"] = bar_chart(
            [(label, count) for _c, label, count in p.by_status],
            title="Kiến nghị cử tri theo kết quả giải quyết (lượt)",
            color=PALETTE[3],
            font=font,
        )
    if trend is not None and trend.years:
        categories = [str(y) for y in trend.years]
        charts["trend_sessions"] = stacked_bar_chart(
            categories, _session_series(trend), title="Kỳ họp qua các năm của nhiệm kỳ", font=font
        )
        normative = [a for a, _b in trend.resolutions]
        if any(normative):
            resolution_series = [
                ("Nghị quyết quy phạm pháp luật", normative),
                ("Nghị quyết cá biệt", [b for _a, b in trend.resolutions]),
            ]
        else:
            # None marked normative: the split is not known (reports.document.resolution_split),
            # so the bars are not called "cá biệt".
            resolution_series = [("Nghị quyết", [a + b for a, b in trend.resolutions])]
        charts["trend_resolutions"] = stacked_bar_chart(
            categories, resolution_series, title="Nghị quyết qua các năm của nhiệm kỳ", font=font
        )
        # Activities (cuộc, phiên) and petitions (lượt) are never added up: one chart each, each
        # on its own scale.
        charts["trend_oversight"] = stacked_bar_chart(
            categories,
            [("Hoạt động giám sát", list(trend.oversight))],
            title="Hoạt động giám sát qua các năm",
            font=font,
        )
        charts["trend_petitions"] = stacked_bar_chart(
            categories,
            [("Kiến nghị của cử tri (lượt)", list(trend.petitions))],
            title="Kiến nghị của cử tri qua các năm (lượt)",
            font=font,
        )
    titles = {
        "resolutions_by_field": "Nghị quyết theo lĩnh vực",
        "oversight_by_actor": "Hoạt động giám sát theo chủ thể",
        "petitions_by_status": "Kiến nghị của cử tri theo kết quả giải quyết (lượt)",
        "trend_sessions": "Kỳ họp qua các năm của nhiệm kỳ",
        "trend_resolutions": "Nghị quyết qua các năm của nhiệm kỳ",
        "trend_oversight": "Hoạt động giám sát qua các năm của nhiệm kỳ (cuộc, phiên)",
        "trend_petitions": "Kiến nghị của cử tri qua các năm của nhiệm kỳ (lượt)",
    }
    return [Chart(key, titles[key], svg) for key, svg in charts.items()]
