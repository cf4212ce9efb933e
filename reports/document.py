"""The wording of the annual report: figures turned into the sentences such reports print
("đã tổ chức 05 kỳ họp (trong đó, có 03 kỳ họp bất thường); ban hành 65 nghị quyết"), and the
tables of its appendix. Plain strings; the template escapes them."""

from __future__ import annotations

from dataclasses import dataclass, field

from council.models import Council
from reports.selectors import AnnualFigures
from reports.wording import count_text as n
from reports.wording import level_word, period_phrase

ACTOR_LABELS = {
    "hdnd": "HĐND",
    "standing": "Thường trực HĐND",
    "committee": "Các Ban HĐND",
    "delegate_group": "Tổ đại biểu HĐND",
    "delegate": "Đại biểu HĐND",
}
KIND_LABELS = {
    "thematic": "Giám sát chuyên đề",
    "inspection": "Kiểm tra",
    "survey": "Khảo sát",
    "explanation": "Phiên giải trình",
    "questioning_session": "Chất vấn tại kỳ họp",
    "questioning_intersession": "Chất vấn giữa hai kỳ họp",
    "report_review": "Xem xét báo cáo",
}


def _join(parts: list[str]) -> str:
    """ "a", "a và b", "a, b và c"."""
    parts = [p for p in parts if p]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " và " + parts[-1]


def paragraphs(text: str) -> list[str]:
    """A narrative field as paragraphs: one per non-empty line."""
    return [line.strip() for line in text.splitlines() if line.strip()]


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: list[str] = field(default_factory=list)


def results_sections(*, figures: AnnualFigures, council: Council, other_work: str) -> list[Section]:
    """Part I of the report, "Kết quả hoạt động", in the order of brief §3.6."""
    lw = level_word(council)
    hdnd = f"HĐND {lw}"
    if figures.period is not None:
        in_period = period_phrase(figures.period)
    else:
        in_period = f"Trong năm {figures.year}" if figures.year else "Trong nhiệm kỳ"
    sections = []

    text: list[str] = []
    s, r = figures.sessions, figures.resolutions
    if s is not None:
        sentence = f"{in_period}, Hội đồng nhân dân {lw} đã tổ chức {n(s.total)} kỳ họp"
        if s.thematic:
            sentence += f" (trong đó, có {n(s.thematic)} kỳ họp {s.thematic_label})"
        if r is not None:
            sentence += f"; ban hành {n(r.total)} nghị quyết"
            if r.total:
                sentence += (
                    f" (gồm {n(r.normative)} nghị quyết quy phạm pháp luật và "
                    f"{n(r.individual)} nghị quyết cá biệt)"
                )
        text.append(sentence + ".")
    o = figures.oversight
    if o is not None and o.questioning_at_sessions:
        text.append(
            f"Tại các kỳ họp, HĐND {lw} đã tổ chức {n(o.questioning_at_sessions)} phiên chất vấn; "
            "các vị đại biểu đã thảo luận, chất vấn sôi nổi, thẳng thắn."
        )
    if s is not None and s.total:
        text.append(
            f"Thường trực {hdnd} đã chủ động phối hợp với UBND {lw}, Ban Thường trực UBMTTQ "
            f"Việt Nam {lw} chuẩn bị chu đáo nội dung, chương trình các kỳ họp; các Ban {hdnd} "
            "thẩm tra các báo cáo, tờ trình, dự thảo nghị quyết trình kỳ họp theo quy định."
        )
    sections.append(Section("1. Công tác chuẩn bị, tổ chức kỳ họp", text))

    text = []
    if o is not None:
        clauses = []
        if o.hdnd_thematic:
            clauses.append(f"{n(o.hdnd_thematic)} cuộc giám sát chuyên đề của {hdnd}")
        standing = _join(
            [
                f"{n(o.standing_thematic)} cuộc giám sát chuyên đề" if o.standing_thematic else "",
                f"{n(o.standing_inspections)} cuộc kiểm tra" if o.standing_inspections else "",
                f"{n(o.standing_surveys)} cuộc khảo sát" if o.standing_surveys else "",
            ]
        )
        if standing:
            clauses.append(f"{standing} của Thường trực {hdnd}")
        if o.explanation_hearings:
            clauses.append(f"tổ chức {n(o.explanation_hearings)} phiên giải trình")
        if o.questioning_between_sessions:
            clauses.append(f"{n(o.questioning_between_sessions)} phiên chất vấn giữa hai kỳ họp")
        if clauses:
            text.append(f"{in_period}, đã tổ chức được " + "; ".join(clauses) + ".")
        if o.committee_thematic:
            per_committee = ", ".join(
                f"{name} {n(count)} cuộc" for name, count in o.committee_by_name if count
            )
            text.append(
                f"Các Ban {hdnd} đã tổ chức {n(o.committee_thematic)} cuộc giám sát chuyên đề"
                + (f" ({per_committee})" if per_committee else "")
                + " theo kế hoạch."
            )
        if o.questions_total:
            text.append(
                f"Tại các phiên chất vấn tại kỳ họp và giữa hai kỳ họp, đại biểu đã nêu "
                f"{n(o.questions_total)} câu hỏi chất vấn."
            )
        if not (clauses or o.committee_thematic):
            text.append(f"{in_period}, chưa có hoạt động giám sát được ghi nhận.")
    rc = figures.recommendations
    if rc is not None and rc.total:
        done = sum(count for code, _label, count in rc.by_status if code == "done")
        sentence = (
            f"Sau giám sát, chất vấn, giải trình đã có {n(rc.total)} kiến nghị gửi các cơ quan, "
            f"đơn vị; trong đó {n(done)} kiến nghị đã được thực hiện xong"
        )
        if rc.overdue:
            sentence += f", {n(rc.overdue)} kiến nghị quá hạn chưa thực hiện xong"
        text.append(sentence + "; Thường trực, các Ban tiếp tục theo dõi, đôn đốc.")
    sections.append(Section("2. Hoạt động giám sát", text))

    st = figures.standing
    text = []
    if st.intersession_matters:
        text.append(
            f"Thường trực {hdnd} đã phối hợp xem xét, cho ý kiến đối với "
            f"{n(st.intersession_matters)} nội dung phát sinh giữa hai kỳ họp do UBND {lw} trình"
            + (
                f" (đã có ý kiến đối với {n(st.intersession_matters_answered)} nội dung)"
                if st.intersession_matters_answered != st.intersession_matters
                else ""
            )
            + "; việc giải quyết được thực hiện kịp thời, đúng quy định."
        )
    if st.appraisals:
        text.append(
            f"Tham mưu, phục vụ xem xét, thẩm định {n(st.appraisals)} báo cáo, tờ trình do các "
            "cơ quan chuẩn bị trình cấp có thẩm quyền xem xét."
        )
    if not text:
        text.append(f"{in_period}, không phát sinh nội dung phải giải quyết giữa hai kỳ họp.")
    sections.append(Section("3. Điều hòa, phối hợp; giải quyết công việc giữa hai kỳ họp", text))

    p = figures.petitions
    text = []
    if p is not None:
        if p.meetings:
            text.append(
                f"Đại biểu {hdnd} đã tổ chức {n(p.meetings)} cuộc tiếp xúc cử tri"
                + (f" với {n(p.voters_attended)} lượt cử tri tham dự" if p.voters_attended else "")
                + "."
            )
        if p.instances:
            sentence = (
                f"Thường trực {hdnd} đã tổng hợp {n(p.instances)} lượt ý kiến, kiến nghị của cử tri"
                f" ({n(p.petitions)} nội dung sau khi tổng hợp), chuyển {n(p.forwarded_instances)} "
                "lượt đến các cơ quan có thẩm quyền xem xét, giải quyết. Đến nay, "
                f"{n(p.answered_instances)} lượt đã được trả lời (đạt {p.answered_rate}); "
                f"{n(p.resolved_instances)} lượt đã được giải quyết (đạt {p.resolved_rate})"
            )
            if p.unanswered_overdue:
                sentence += (
                    f"; còn {n(p.unanswered_overdue)} kiến nghị quá hạn chưa được trả lời, "
                    "Thường trực tiếp tục đôn đốc"
                )
            text.append(sentence + ".")
        if not text:
            text.append(f"{in_period}, chưa ghi nhận cuộc tiếp xúc cử tri, kiến nghị của cử tri.")
    sections.append(
        Section("4. Tiếp xúc cử tri; tổng hợp, đôn đốc giải quyết kiến nghị của cử tri", text)
    )

    lt = figures.letters
    text = []
    if lt is not None:
        if lt.receptions:
            text.append(
                f"Thường trực {hdnd} đã tổ chức {n(lt.receptions)} buổi tiếp công dân"
                + (f" với {n(lt.citizens_received)} lượt công dân" if lt.citizens_received else "")
                + "."
            )
        if lt.letters:
            kinds = ", ".join(
                f"{n(count)} {label.lower()}" for _c, label, count in lt.by_kind if count
            )
            text.append(
                f"Tiếp nhận {n(lt.letters)} đơn thư"
                + (f" ({kinds})" if kinds else "")
                + f"; đã chuyển {n(lt.forwarded)} đơn đến cơ quan có thẩm quyền giải quyết "
                "và theo dõi, đôn đốc việc giải quyết theo quy định."
            )
        if not text:
            text.append(f"{in_period}, chưa ghi nhận đơn thư, lượt tiếp công dân.")
    sections.append(
        Section("5. Tiếp công dân, xử lý đơn thư khiếu nại, tố cáo, kiến nghị, phản ánh", text)
    )

    if other_work.strip():
        sections.append(Section("6. Công tác khác", paragraphs(other_work)))
    return sections


@dataclass(frozen=True)
class Table:
    title: str
    headers: list[str]
    rows: list[list[str]]


def _grouped(rows: list[list[str]]) -> list[list[str]]:
    """A group's label printed on its first row only, as tables in reports do."""
    previous = None
    result = []
    for row in rows:
        first = row[0]
        result.append(["" if first and first == previous else first, *row[1:]])
        previous = first or previous
    return result


def _num(value: int) -> str:
    """Counts in tables: 1.234 (no leading zero, which belongs to prose)."""
    return f"{value:,}".replace(",", ".")


ACTOR_ORDER = list(ACTOR_LABELS)


def appendix_tables(*, figures: AnnualFigures) -> list[Table]:
    """The statistical appendix (phụ lục biểu): the breakdowns behind part I."""
    tables = []
    s, r = figures.sessions, figures.resolutions
    if s is not None or r is not None:
        rows = []
        if s is not None:
            rows += [
                ["Kỳ họp", "Tổng số", _num(s.total)],
                ["", "Thường lệ", _num(s.regular)],
                ["", s.thematic_label.capitalize(), _num(s.thematic)],
            ]
        if r is not None:
            rows += [
                ["Nghị quyết", "Tổng số", _num(r.total)],
                ["", "Quy phạm pháp luật", _num(r.normative)],
                ["", "Cá biệt", _num(r.individual)],
            ]
            rows += [["Theo lĩnh vực", name, _num(count)] for name, count in r.by_field]
            rows += [
                ["Theo tình trạng hiệu lực", label, _num(count)]
                for _c, label, count in r.by_status
                if count
            ]
        tables.append(
            Table("Kỳ họp và nghị quyết", ["Nội dung", "Chi tiết", "Số lượng"], _grouped(rows))
        )
    o = figures.oversight
    if o is not None:
        ban_thematic = ("committee", "thematic")
        cells = list(o.by_actor_kind)
        if o.committee_by_name and not any((a, k) == ban_thematic for a, k, _n in cells):
            cells.append((*ban_thematic, 0))  # the line the Bans' breakdown hangs under
        by_actor = sorted(
            cells,
            key=lambda row: (ACTOR_ORDER.index(row[0]) if row[0] in ACTOR_ORDER else 99, row[1]),
        )
        rows = []
        for actor, kind, count in by_actor:
            rows.append([ACTOR_LABELS.get(actor, actor), KIND_LABELS.get(kind, kind), _num(count)])
            if (actor, kind) == ban_thematic:
                # Right under the line they break down, and marked "of which": appended after
                # the Tổ đại biểu lines without a mark, a reader adding up the column counted
                # the Bans' supervisions twice and the total looked wrong.
                rows += [
                    ["Các Ban HĐND", f"Trong đó: {name}", _num(n)]
                    for name, n in o.committee_by_name
                ]
        rows.append(["Tổng số", "", _num(o.total)])
        tables.append(
            Table("Hoạt động giám sát", ["Chủ thể", "Hình thức", "Số cuộc"], _grouped(rows))
        )
    rc = figures.recommendations
    if rc is not None and rc.total:
        rows = [[label, _num(count)] for _c, label, count in rc.by_status]
        rows += [["Quá hạn chưa thực hiện xong", _num(rc.overdue)], ["Tổng số", _num(rc.total)]]
        tables.append(Table("Kiến nghị sau giám sát", ["Tình trạng", "Số kiến nghị"], rows))
    p = figures.petitions
    if p is not None and p.instances:
        rows = [["Theo kết quả giải quyết", label, _num(count)] for _c, label, count in p.by_status]
        rows += [["Theo lĩnh vực", name, _num(count)] for name, count in p.by_field]
        rows += [
            ["Theo thẩm quyền", label, _num(count)] for _c, label, count in p.by_level if count
        ]
        rows += [
            ["Tỷ lệ", "Đã trả lời / đã chuyển", p.answered_rate],
            ["", "Đã giải quyết / tổng số", p.resolved_rate],
        ]
        tables.append(
            Table(
                "Ý kiến, kiến nghị của cử tri (lượt)",
                ["Phân loại", "Nội dung", "Số lượt"],
                _grouped(rows),
            )
        )
    lt = figures.letters
    if lt is not None and (lt.letters or lt.receptions):
        rows = [[label, _num(count)] for _c, label, count in lt.by_kind]
        rows += [
            ["Tổng số đơn thư", _num(lt.letters)],
            ["Đã chuyển cơ quan có thẩm quyền", _num(lt.forwarded)],
            ["Buổi tiếp công dân", _num(lt.receptions)],
            ["Lượt công dân được tiếp", _num(lt.citizens_received)],
        ]
        tables.append(Table("Tiếp công dân, đơn thư", ["Nội dung", "Số lượng"], rows))
    return tables
