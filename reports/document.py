"""The wording of the annual report: figures turned into the sentences such reports print
("đã tổ chức 05 kỳ họp (trong đó, có 03 kỳ họp bất thường); ban hành 65 nghị quyết"), and the
tables of its appendix. Plain strings; the template escapes them."""

from __future__ import annotations

from dataclasses import dataclass, field

from core.periods import Period
from council.models import Council
from oversight.selectors import OversightCounts
from reports.selectors import AnnualFigures
from reports.wording import (
    LEVEL_WORDS_OF_PETITIONS,
    OUTCOME_WORDS,
    after_district_level,
    casework_sentences,
    level_word,
    outcome_words,
    period_phrase,
    share_text,
)
from reports.wording import count_text as n
from resolutions.selectors import ResolutionCounts
from sessions.models import thematic_kind_labels
from sessions.selectors import SessionCounts
from voters.casework.figures import CaseFigures
from voters.models import VoterPetition
from voters.selectors import PetitionStats

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


# How section 2 counts each kind of activity: "cuộc" for visits, "phiên" for sittings.
KIND_WORDS = {
    "thematic": "cuộc giám sát chuyên đề",
    "inspection": "cuộc kiểm tra",
    "survey": "cuộc khảo sát",
    "explanation": "phiên giải trình",
    "questioning_session": "phiên chất vấn tại kỳ họp",
    "questioning_intersession": "phiên chất vấn giữa hai kỳ họp",
    "report_review": "phiên xem xét báo cáo",
}
VISITS = ("thematic", "inspection", "survey")
SITTINGS = ("explanation", "questioning_session", "questioning_intersession", "report_review")


def _kinds(cells: dict[tuple[str, str], int], actor: str, kinds: tuple[str, ...]) -> list[str]:
    """ "02 cuộc giám sát chuyên đề", "01 cuộc kiểm tra" ...: the actor's activities of `kinds`
    that took place, in that order."""
    return [f"{n(cells[actor, k])} {KIND_WORDS[k]}" for k in kinds if cells.get((actor, k))]


def thematic_counts(sessions: SessionCounts, period: Period | None) -> list[tuple[str, int]]:
    """The non-regular sessions by the name the law gave them on their day: ("bất thường", 3)
    in 2019, ("chuyên đề", 2) after 01/07/2020, both for a period across that day."""
    counts = {
        "bất thường": sessions.extraordinary,
        "chuyên đề": sessions.thematic - sessions.extraordinary,
    }
    if period is not None:
        labels = thematic_kind_labels(period.start, period.end)
    else:
        labels = [label for label, count in counts.items() if count] or [sessions.thematic_label]
    return [(label, counts[label]) for label in labels]


def resolution_split(resolutions: ResolutionCounts) -> str:
    """ " (gồm 20 nghị quyết quy phạm pháp luật và 45 nghị quyết cá biệt)", or "" when the split
    is not known. A resolution is individual (cá biệt) unless marked normative, so a period
    where none is marked normative cannot tell "all individual" from "never entered": the
    report then says nothing of a split rather than "gồm 00 nghị quyết quy phạm pháp luật"."""
    r = resolutions
    if not r.normative:
        return ""
    if not r.individual:
        return " (đều là nghị quyết quy phạm pháp luật)"
    return (
        f" (gồm {n(r.normative)} nghị quyết quy phạm pháp luật và "
        f"{n(r.individual)} nghị quyết cá biệt)"
    )


def _oversight_paragraphs(o: OversightCounts, *, hdnd: str, in_period: str) -> list[str]:
    """Section 2's count of activities, by actor, naming every kind the appendix (Biểu 2)
    counts for that actor, so each actor's total reads the same in the text and the table. The
    HĐND's questioning at sessions is told in section 1."""
    cells = {(actor, kind): count for actor, kind, count in o.by_actor_kind}
    text = []
    clauses = []
    council = _kinds(
        cells, "hdnd", VISITS + tuple(k for k in SITTINGS if k != "questioning_session")
    )
    if council:
        clauses.append(f"{_join(council)} của {hdnd}")
    visits = _kinds(cells, "standing", VISITS)
    sittings = _kinds(cells, "standing", SITTINGS)
    if visits:
        # The founding document's order: its visits, then "tổ chức" its sittings.
        clauses.append(f"{_join(visits)} của Thường trực {hdnd}")
        if sittings:
            clauses.append("tổ chức " + "; ".join(sittings))
    elif sittings:
        clauses.append(f"Thường trực {hdnd} tổ chức " + "; ".join(sittings))
    if clauses:
        text.append(f"{in_period}, đã tổ chức được " + "; ".join(clauses) + ".")

    committee = []
    if cells.get(("committee", "thematic")):
        per_committee = ", ".join(
            f"{name} {n(count)} cuộc" for name, count in o.committee_by_name if count
        )
        committee.append(
            f"{n(cells['committee', 'thematic'])} cuộc giám sát chuyên đề"
            + (f" ({per_committee})" if per_committee else "")
        )
    committee += _kinds(cells, "committee", VISITS[1:] + SITTINGS)
    if committee:
        text.append(f"Các Ban {hdnd} đã tổ chức {_join(committee)} theo kế hoạch.")
    for actor, who in [
        ("delegate_group", f"Các Tổ đại biểu {hdnd}"),
        ("delegate", f"Đại biểu {hdnd}"),
    ]:
        done = _kinds(cells, actor, VISITS + SITTINGS)
        if done:
            text.append(f"{who} đã tổ chức {_join(done)}.")
    if o.questions_total:
        text.append(
            f"Tại các phiên chất vấn tại kỳ họp và giữa hai kỳ họp, đại biểu đã nêu "
            f"{n(o.questions_total)} câu hỏi chất vấn."
        )
    if not o.total:
        text.append(f"{in_period}, chưa có hoạt động giám sát được ghi nhận.")
    return text


def _petition_paragraphs(
    p: PetitionStats, *, hdnd: str, council: Council, period: Period | None
) -> list[str]:
    """Section 4's petitions: collected, forwarded, answered and resolved, then every outcome and
    every level of competence with its share of all the instances."""
    total = p.instances
    sentence = (
        f"Thường trực {hdnd} đã tổng hợp {n(total)} lượt ý kiến, kiến nghị của cử tri"
        f" ({n(p.petitions)} nội dung sau khi tổng hợp)"
    )
    if not p.forwarded_instances:
        return [sentence + "; chưa chuyển kiến nghị nào đến các cơ quan có thẩm quyền."]
    sentence += (
        f", chuyển {n(p.forwarded_instances)} lượt đến các cơ quan có thẩm quyền xem xét, "
        "giải quyết. Đến nay, "
    )
    if p.answered_instances:
        sentence += f"{n(p.answered_instances)} lượt đã được trả lời (đạt {p.answered_rate}); "
        if p.resolved_instances:
            sentence += f"{n(p.resolved_instances)} lượt đã được giải quyết (đạt {p.resolved_rate})"
        else:
            sentence += "chưa có kiến nghị nào được giải quyết"
    else:
        sentence += "chưa có kiến nghị nào được trả lời"
    if p.unanswered_overdue:
        sentence += (
            f"; còn {n(p.unanswered_overdue)} kiến nghị quá hạn chưa được trả lời, "
            "Thường trực tiếp tục đôn đốc"
        )
    text = [sentence + "."]

    def share(count: int) -> str:
        return share_text(count, total, council)

    counts = {code: count for code, _label, count in p.by_status}
    words = outcome_words(start=period.start) if period is not None else OUTCOME_WORDS
    outcomes = [
        f"{word} {n(counts[code])} lượt (chiếm {share(counts[code])})"
        for code, word in words.items()
        if counts.get(code)
    ]
    if outcomes:
        text.append("Kết quả giải quyết: " + "; ".join(outcomes) + ".")
    waiting = counts.get(VoterPetition.Status.FORWARDED, 0)
    unsent = total - p.forwarded_instances
    pending = _join(
        [
            f"{n(waiting)} lượt đã chuyển, đang chờ trả lời (chiếm {share(waiting)})"
            if waiting
            else "",
            f"{n(unsent)} lượt chưa chuyển (chiếm {share(unsent)})" if unsent else "",
        ]
    )
    if pending:
        text.append(f"Còn {pending}.")
    levels = [
        f"{LEVEL_WORDS_OF_PETITIONS.get(code, label)} {n(count)} lượt (chiếm {share(count)})"
        for code, label, count in p.by_level
        if count
    ]
    if levels:
        text.append("Phân theo thẩm quyền giải quyết: " + "; ".join(levels) + ".")
    return text


def results_sections(*, figures: AnnualFigures, council: Council, other_work: str) -> list[Section]:
    """Part I of the report, "Kết quả hoạt động", in the order of brief §3.6. A figure of 0 is
    written as reports write it ("chưa có …"), never "00 …"."""
    lw = level_word(council)
    hdnd = f"HĐND {lw}"
    if figures.period is not None:
        in_period = period_phrase(figures.period)
    else:
        in_period = f"Trong năm {figures.year}" if figures.year else "Trong nhiệm kỳ"
    sections = []

    text: list[str] = []
    s, r, o = figures.sessions, figures.resolutions, figures.oversight
    if s is not None:
        if s.total:
            sentence = f"{in_period}, Hội đồng nhân dân {lw} đã tổ chức {n(s.total)} kỳ họp"
            kinds = _join(
                [
                    f"{n(count)} kỳ họp {label}"
                    for label, count in thematic_counts(s, figures.period)
                    if count
                ]
            )
            if kinds:
                sentence += f" (trong đó, có {kinds})"
        else:
            sentence = f"{in_period}, Hội đồng nhân dân {lw} chưa tổ chức kỳ họp nào"
        if r is not None:
            if r.total:
                sentence += f"; ban hành {n(r.total)} nghị quyết" + resolution_split(r)
            else:
                sentence += "; chưa ban hành nghị quyết nào"
        text.append(sentence + ".")
    at_sessions = dict(((a, k), c) for a, k, c in o.by_actor_kind) if o is not None else {}
    questioning = at_sessions.get(("hdnd", "questioning_session"), 0)
    if questioning:
        text.append(
            f"Tại các kỳ họp, HĐND {lw} đã tổ chức {n(questioning)} phiên chất vấn; "
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
        text += _oversight_paragraphs(o, hdnd=hdnd, in_period=in_period)
    rc = figures.recommendations
    if rc is not None and rc.total:
        done = sum(count for code, _label, count in rc.by_status if code == "done")
        sentence = (
            f"Sau giám sát, chất vấn, giải trình đã có {n(rc.total)} kiến nghị gửi các cơ quan, "
            "đơn vị; trong đó "
            + (
                f"{n(done)} kiến nghị đã được thực hiện xong"
                if done
                else "chưa có kiến nghị nào được thực hiện xong"
            )
        )
        if rc.overdue:
            sentence += f", {n(rc.overdue)} kiến nghị quá hạn chưa thực hiện xong"
        text.append(sentence + "; Thường trực, các Ban tiếp tục theo dõi, đôn đốc.")
    rv = figures.reviews
    if rv is not None and (rv.received or rv.concluded or rv.pending):
        sentence = (
            f"Thường trực {hdnd} đã tiếp nhận {n(rv.received)} nghị quyết quy phạm pháp luật "
            f"của HĐND cấp xã để rà soát; đã kết luận đối với {n(rv.concluded)} nghị quyết"
        )
        asked = [
            f"đề nghị sửa đổi, bổ sung {n(rv.amend)} nghị quyết" if rv.amend else "",
            f"đề nghị bãi bỏ {n(rv.annul)} nghị quyết" if rv.annul else "",
        ]
        if any(asked):
            sentence += " (trong đó " + ", ".join(a for a in asked if a) + ")"
        if rv.pending:
            sentence += f"; {n(rv.pending)} nghị quyết đang được xem xét"
        text.append(sentence + ".")
    sections.append(Section("2. Hoạt động giám sát", text))

    st = figures.standing
    text = []
    if st.intersession_matters:
        answered = st.intersession_matters_answered
        text.append(
            f"Thường trực {hdnd} đã phối hợp xem xét, cho ý kiến đối với "
            f"{n(st.intersession_matters)} nội dung phát sinh giữa hai kỳ họp do UBND {lw} trình"
            + (
                ""
                if answered == st.intersession_matters
                else f" (đã có ý kiến đối với {n(answered)} nội dung)"
                if answered
                else " (chưa có ý kiến đối với nội dung nào)"
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
            text += _petition_paragraphs(p, hdnd=hdnd, council=council, period=figures.period)
        if not text:
            text.append(f"{in_period}, chưa ghi nhận cuộc tiếp xúc cử tri, kiến nghị của cử tri.")
    sections.append(
        Section("4. Tiếp xúc cử tri; tổng hợp, đôn đốc giải quyết kiến nghị của cử tri", text)
    )

    lt = figures.letters
    text = []
    if figures.cases is not None:
        text = casework_sentences(figures.cases, hdnd=hdnd)
        if not text:
            text.append(f"{in_period}, chưa ghi nhận đơn thư, lượt tiếp công dân.")
    elif lt is not None:
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
                + (
                    f"; đã chuyển {n(lt.forwarded)} đơn đến cơ quan có thẩm quyền giải quyết "
                    "và theo dõi, đôn đốc việc giải quyết theo quy định."
                    if lt.forwarded
                    else "; chưa chuyển đơn nào đến cơ quan có thẩm quyền giải quyết."
                )
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
    # Per row: "" a line of its own, numbered (STT); "sub" an "of which" line that breaks down
    # the line above it; "total" the table's total. Neither of the last two is numbered, and
    # both stay on the page of the line above them (report.css).
    kinds: tuple[str, ...] = ()
    figures: int = 1  # the last columns that hold figures (centred)

    @property
    def grouped(self) -> bool:
        """Whether its first column names groups of the lines beside it (kept on one line)."""
        return len(self.headers) - self.figures >= 2

    @property
    def lines(self) -> list[tuple[str, str, list[str]]]:
        """(STT, kind, cells) of each row, as _tables.html prints them."""
        lines, number = [], 0
        for index, row in enumerate(self.rows):
            kind = self.kinds[index] if index < len(self.kinds) else ""
            if not kind:
                number += 1
            lines.append((str(number) if not kind else "", kind, row))
        return lines


def total_last(rows: list[list[str]]) -> tuple[str, ...]:
    """The kinds of a table whose last row is its total."""
    return ("",) * (len(rows) - 1) + ("total",)


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


def appendix_tables(*, figures: AnnualFigures, council: Council) -> list[Table]:
    """The statistical appendix (phụ lục biểu): the breakdowns behind part I, each line as the
    text counts it."""
    tables = []
    s, r = figures.sessions, figures.resolutions
    if s is not None or r is not None:
        rows = []
        if s is not None:
            rows += [["Kỳ họp", "Tổng số", _num(s.total)], ["", "Thường lệ", _num(s.regular)]]
            rows += [
                ["", label.capitalize(), _num(count)]
                for label, count in thematic_counts(s, figures.period)
            ]
        if r is not None:
            rows.append(["Nghị quyết", "Tổng số", _num(r.total)])
            if resolution_split(r):
                rows += [
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
        rows, kinds = [], []
        for actor, kind, count in by_actor:
            rows.append([ACTOR_LABELS.get(actor, actor), KIND_LABELS.get(kind, kind), _num(count)])
            kinds.append("")
            if (actor, kind) == ban_thematic:
                # Right under the line they break down, marked "of which" and not numbered: a
                # reader adding up the column counted the Bans' supervisions twice otherwise.
                for name, count_ in o.committee_by_name:
                    rows.append(["Các Ban HĐND", f"Trong đó: {name}", _num(count_)])
                    kinds.append("sub")
        rows.append(["Tổng số", "", _num(o.total)])
        kinds.append("total")
        tables.append(
            Table(
                "Hoạt động giám sát",
                ["Chủ thể", "Hình thức", "Số cuộc"],
                _grouped(rows),
                tuple(kinds),
            )
        )
    rc = figures.recommendations
    if rc is not None and rc.total:
        rows = [[label, _num(count)] for _c, label, count in rc.by_status]
        rows += [
            ["Tổng số", _num(rc.total)],
            ["Trong đó: quá hạn chưa thực hiện xong", _num(rc.overdue)],
        ]
        kinds = ("",) * len(rc.by_status) + ("total", "sub")
        tables.append(Table("Kiến nghị sau giám sát", ["Tình trạng", "Số kiến nghị"], rows, kinds))
    p = figures.petitions
    if p is not None and p.instances:
        tables.append(_petitions_table(p, council=council, period=figures.period))
    c = figures.cases
    if c is not None and (c.letters or c.receptions):
        tables.append(_casework_table(c))
    if c is not None and c.cases:
        tables.append(_cases_table(c, council=council))
    lt = figures.letters
    if c is None and lt is not None and (lt.letters or lt.receptions):
        rows = [[label, _num(count)] for _c, label, count in lt.by_kind]
        rows += [
            ["Tổng số đơn thư", _num(lt.letters)],
            ["Đã chuyển cơ quan có thẩm quyền", _num(lt.forwarded)],
            ["Buổi tiếp công dân", _num(lt.receptions)],
            ["Lượt công dân được tiếp", _num(lt.citizens_received)],
        ]
        tables.append(Table("Tiếp công dân, đơn thư", ["Nội dung", "Số lượng"], rows))
    return tables


def _casework_table(c: CaseFigures) -> Table:
    """Biểu 5: letters by kind and their total, the cases they make (of which group letters),
    eligibility, forwarding and results, processing within time; receptions and their
    register. What is overdue is in the prose: it is counted on the day the report is made."""
    rows = [[label, _num(count)] for _c, label, count in c.letters_by_kind]
    kinds = [""] * len(rows)

    def add(label: str, value: int, kind: str = "") -> None:
        rows.append([label, _num(value)])
        kinds.append(kind)

    add("Tổng số đơn thư", c.letters)
    add("Số vụ việc", c.cases)
    add("Trong đó: vụ việc đông người", c.group_cases, "sub")
    add("Đơn đủ điều kiện xử lý", c.eligible)
    add("Đơn không đủ điều kiện xử lý", c.ineligible)
    add("Vụ việc thuộc thẩm quyền của HĐND", c.within_competence)
    add("Đã chuyển cơ quan có thẩm quyền", c.forwarded)
    add("Vụ việc đã có kết quả giải quyết", c.answered)
    add("Đơn xử lý đúng thời hạn", c.processed_in_time)
    add("Đơn xử lý quá hạn", c.processed_late)
    add("Lượt đôn đốc", c.follow_ups)
    add("Buổi tiếp công dân", c.receptions)
    add("Lượt công dân được tiếp", c.citizens_received)
    add("Vụ việc tiếp nhận qua tiếp công dân", c.visit_cases)
    return Table("Tiếp công dân, đơn thư", ["Nội dung", "Số lượng"], rows, tuple(kinds))


def _cases_table(c: CaseFigures, *, council: Council) -> Table:
    """Biểu 6: the cases received by kind, field and locality (the unit as it was on the day of
    the first letter), each with its share of the cases, and the total."""

    def line(group: str, label: str, count: int) -> list[str]:
        return [group, label, _num(count), share_text(count, c.cases, council)]

    rows = [line("Theo loại", label, count) for _code, label, count in c.cases_by_kind]
    rows += [line("Theo lĩnh vực", name, count) for _pk, name, count in c.by_field]
    rows += [line("Theo địa bàn", name, count) for _pk, name, count in c.by_locality]
    rows.append(["Tổng số", "", _num(c.cases), share_text(c.cases, c.cases, council)])
    return Table(
        "Vụ việc khiếu nại, tố cáo, kiến nghị, phản ánh",
        ["Phân loại", "Nội dung", "Số vụ việc", "Tỷ lệ"],
        _grouped(rows),
        ("",) * (len(rows) - 1) + ("total",),
        figures=2,
    )


def _petitions_table(p: PetitionStats, *, council: Council, period: Period | None) -> Table:
    """Biểu 4: the instances by outcome, by field and by level of competence, each with its
    share of the total (the council's rounding), the total, and the two rates of the text."""
    total = p.instances

    def line(group: str, label: str, count: int) -> list[str]:
        return [group, label, _num(count), share_text(count, total, council)]

    status_labels = dict(VoterPetition.Status.choices)
    if period is not None and after_district_level(period.start):
        status_labels[VoterPetition.Status.LOCAL_LOWER_LEVEL] = "Thuộc thẩm quyền cấp xã"
    rows = [
        line("Theo kết quả giải quyết", str(status_labels.get(code, label)), count)
        for code, label, count in p.by_status
    ]
    rows += [line("Theo lĩnh vực", name, count) for name, count in p.by_field]
    rows += [
        line("Theo thẩm quyền", label, count)
        for code, label, count in p.by_level
        # Every level the period had: no district line once districts were abolished.
        if count
        or not (
            code == VoterPetition.Level.DISTRICT
            and period is not None
            and after_district_level(period.start)
        )
    ]
    rows.append(["Tổng số", "", _num(total), share_text(total, total, council)])
    kinds = ("",) * (len(rows) - 1) + ("total",)
    rows += [
        [
            "Tỷ lệ",
            "Đã trả lời / đã chuyển",
            f"{_num(p.answered_instances)}/{_num(p.forwarded_instances)}",
            p.answered_rate,
        ],
        [
            "",
            "Đã giải quyết / tổng số",
            f"{_num(p.resolved_instances)}/{_num(total)}",
            p.resolved_rate,
        ],
    ]
    kinds += ("", "")
    return Table(
        "Ý kiến, kiến nghị của cử tri (lượt)",
        ["Phân loại", "Nội dung", "Số lượt", "Tỷ lệ"],
        _grouped(rows),
        kinds,
        figures=2,
    )
