"""The wording of a session's petitions report ("Báo cáo kết quả giám sát việc giải quyết ý kiến,
kiến nghị của cử tri gửi đến kỳ họp thứ N"): figures turned into its sentences and the tables of
its appendix. Each outcome and each level of competence is given with its share of all the
instances (lượt) sent to the session, rounded or truncated as the council chooses. Plain
strings; the template escapes them."""

from __future__ import annotations

from core.rates import rate_text
from council.models import Council
from reports.document import Section, Table, _join, _num, total_last
from reports.selectors import SessionPetitionFigures
from reports.wording import LEVEL_WORDS_OF_PETITIONS, OUTCOME_WORDS, level_word
from reports.wording import count_text as n
from voters.models import VoterPetition

Status = VoterPetition.Status
# The outcomes and levels as sentences name them, shared with the activity report.
LEVEL_WORDS = LEVEL_WORDS_OF_PETITIONS


def session_name(figures: SessionPetitionFigures, council: Council) -> str:
    """ "kỳ họp thứ 9, HĐND tỉnh khóa IX"."""
    return (
        f"kỳ họp thứ {figures.session_number}, HĐND {level_word(council)} khóa {figures.term_roman}"
    )


def _share(part: int, whole: int, council: Council) -> str:
    return rate_text(part, whole, mode=council.rate_rounding)


def session_report_sections(*, figures: SessionPetitionFigures, council: Council) -> list[Section]:
    """Parts I (collection) and II (answers and outcomes) of the report."""
    lw = level_word(council)
    hdnd = f"HĐND {lw}"
    name = session_name(figures, council)
    c, p = figures.contact, figures.petitions
    total = p.instances

    text: list[str] = []
    if p.meetings:
        timings = _join(
            [
                f"{n(c.meetings_before)} cuộc trước kỳ họp"
                + (f" với {n(c.voters_before)} lượt cử tri" if c.voters_before else "")
                if c.meetings_before
                else "",
                f"{n(c.meetings_after)} cuộc sau kỳ họp"
                + (f" với {n(c.voters_after)} lượt cử tri" if c.voters_after else "")
                if c.meetings_after
                else "",
            ]
        )
        text.append(
            f"Trước và sau {name}, các Tổ đại biểu {hdnd} đã tổ chức {n(p.meetings)} cuộc "
            "tiếp xúc cử tri"
            + (f" ({timings})" if timings else "")
            + (f"; tổng số {n(p.voters_attended)} lượt cử tri tham dự" if p.voters_attended else "")
            + "."
        )
    else:
        text.append(f"Trước và sau {name}, chưa ghi nhận cuộc tiếp xúc cử tri nào.")
    if total:
        sentence = (
            f"Thường trực {hdnd} đã tổng hợp {n(total)} lượt ý kiến, kiến nghị của cử tri "
            f"({n(p.petitions)} nội dung sau khi tổng hợp)"
        )
        # Raised at no meeting of the session: sent in writing, or at a meeting not recorded.
        elsewhere = max(total - c.instances_before - c.instances_after, 0)
        split = _join(
            [
                f"trước kỳ họp {n(c.instances_before)} lượt" if c.instances_before else "",
                f"sau kỳ họp {n(c.instances_after)} lượt" if c.instances_after else "",
                f"{n(elsewhere)} lượt tiếp nhận qua các hình thức khác"
                if elsewhere and (c.instances_before or c.instances_after)
                else "",
            ]
        )
        if split:
            sentence += f", trong đó {split}"
        text.append(sentence + ".")
        levels = "; ".join(
            f"{LEVEL_WORDS.get(code, label)} {n(count)} lượt (chiếm {_share(count, total, council)})"
            for code, label, count in p.by_level
            if count
        )
        text.append(f"Phân theo thẩm quyền giải quyết: {levels}.")
        awaiting = total - p.forwarded_instances
        text.append(
            f"Thường trực {hdnd} đã chuyển {n(p.forwarded_instances)} lượt "
            f"(chiếm {_share(p.forwarded_instances, total, council)}) đến các cơ quan có thẩm "
            "quyền xem xét, giải quyết"
            + (f"; còn {n(awaiting)} lượt chưa chuyển" if awaiting else "")
            + "."
        )
    else:
        text.append(f"Chưa ghi nhận ý kiến, kiến nghị nào của cử tri gửi đến {name}.")
    sections = [
        Section("I. TÌNH HÌNH TIẾP XÚC CỬ TRI, TỔNG HỢP Ý KIẾN, KIẾN NGHỊ CỦA CỬ TRI", text)
    ]

    text = []
    counts = {code: count for code, _label, count in p.by_status}
    if p.answered_instances:
        outcomes = "; ".join(
            f"{words} {n(counts[code])} lượt (chiếm {_share(counts[code], total, council)})"
            for code, words in OUTCOME_WORDS.items()
            if counts.get(code)
        )
        text.append(
            f"Đến nay, các cơ quan có thẩm quyền đã trả lời {n(p.answered_instances)} lượt, "
            f"đạt {p.answered_rate} số lượt đã chuyển. Kết quả giải quyết: {outcomes}."
        )
        text.append(
            f"Tỷ lệ ý kiến, kiến nghị đã được giải quyết đạt {p.resolved_rate} tổng số lượt "
            "ý kiến, kiến nghị của cử tri."
        )
    elif p.forwarded_instances:
        text.append("Đến nay, chưa có ý kiến, kiến nghị nào được trả lời.")
    else:
        text.append("Chưa có ý kiến, kiến nghị nào được chuyển đến cơ quan có thẩm quyền.")
    waiting = counts.get(Status.FORWARDED, 0)
    if waiting:
        sentence = (
            f"Còn {n(waiting)} lượt đã chuyển nhưng chưa được trả lời "
            f"(chiếm {_share(waiting, total, council)})"
        )
        if p.unanswered_overdue:
            sentence += f", trong đó {n(p.unanswered_overdue)} kiến nghị đã quá hạn trả lời"
        text.append(sentence + f"; Thường trực {hdnd} tiếp tục theo dõi, đôn đốc.")
    sections.append(Section("II. KẾT QUẢ GIẢI QUYẾT Ý KIẾN, KIẾN NGHỊ CỦA CỬ TRI", text))
    return sections


def session_report_tables(*, figures: SessionPetitionFigures, council: Council) -> list[Table]:
    """The appendix: instances by outcome, by level of competence and by field, each with its
    share of the total, and the total."""
    p = figures.petitions
    total = p.instances
    if not total:
        return []
    headers = ["Nội dung", "Số lượt", "Tỷ lệ"]

    def rows(items: list[tuple[str, int]]) -> list[list[str]]:
        body = [[label, _num(count), _share(count, total, council)] for label, count in items]
        return [*body, ["Tổng số", _num(total), _share(total, total, council)]]

    by_level = [
        (label, count)
        for code, label, count in p.by_level
        # The district level ended on 01/07/2025: its line only where it has petitions.
        if count or code != VoterPetition.Level.DISTRICT
    ]
    tables = [
        ("Theo kết quả giải quyết", rows([(label, count) for _c, label, count in p.by_status])),
        ("Theo thẩm quyền giải quyết", rows(by_level)),
        ("Theo lĩnh vực", rows(list(p.by_field))),
    ]
    # Each ends on its total: not numbered, kept on the page of the line above it.
    return [Table(title, headers, body, total_last(body), figures=2) for title, body in tables]
