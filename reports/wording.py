"""How Vietnamese administrative documents (Nghị định 30/2020/NĐ-CP) write dates, counts and
shares, and the words reports use for petitions' outcomes and levels of competence."""

from __future__ import annotations

import datetime as dt

from core.periods import Period, PeriodKind
from core.rates import rate_text
from core.text import pad2
from council.models import DISTRICT_LEVEL_END, Council
from voters.casework.figures import CaseFigures
from voters.models import VoterPetition


def vn_date_words(day: dt.date) -> str:
    """ "ngày 05 tháng 02 năm 2019": days under 10 and months 1-2 take a leading zero, so
    "tháng 12" and "tháng 3" stay as they are (NĐ 30/2020, Phụ lục I)."""
    month = pad2(day.month) if day.month <= 2 else str(day.month)
    return f"ngày {pad2(day.day)} tháng {month} năm {day.year}"


def place_date_line(place: str, day: dt.date) -> str:
    """ "Lạng Sơn, ngày 05 tháng 12 năm 2019"."""
    return f"{place}, {vn_date_words(day)}"


def count_text(value: int) -> str:
    """Counts in report prose: 5 -> "05", 65 -> "65", 3200 -> "3.200"."""
    if value < 10:
        return pad2(value)
    return f"{value:,}".replace(",", ".")


def level_word(council: Council) -> str:
    """ "tỉnh" in "HĐND tỉnh", "UBND tỉnh", as the council names its level (Council.level_word)."""
    return council.level_word


def period_phrase(period: Period) -> str:
    """How a sentence of the report opens on its period: "Trong năm 2019", "Trong 6 tháng đầu
    năm 2019", "Trong nhiệm kỳ 2016 - 2021", "Từ ngày 01/01/2019 đến ngày 30/09/2019"."""
    if period.kind == PeriodKind.CUSTOM:
        return period.label[:1].upper() + period.label[1:]
    return f"Trong {period.label}"


def next_period_label(period: Period) -> str:
    """What part III ("Phương hướng, nhiệm vụ …") looks ahead to after `period`."""
    year = period.start.year
    if period.kind == PeriodKind.YEAR:
        return f"năm {year + 1}"
    if period.kind == PeriodKind.FIRST_MONTHS:
        if period.end.month == 6:
            return f"6 tháng cuối năm {year}"
        return f"những tháng cuối năm {year}"
    if period.kind == PeriodKind.SECOND_HALF:
        return f"6 tháng đầu năm {year + 1}"
    if period.kind == PeriodKind.TERM:
        return "nhiệm kỳ tới"
    return "thời gian tới"


# --- voters' petitions: outcomes and levels of competence as sentences name them --------------

Status = VoterPetition.Status

# The outcomes in the order reports give them.
OUTCOME_WORDS = {
    Status.RESOLVED: "đã giải quyết",
    Status.IN_PROGRESS: "đang giải quyết",
    Status.ROADMAP: "có lộ trình giải quyết",
    Status.EXPLAINED: "đã giải thích, thông tin",
    Status.NOT_RESOLVED: "chưa giải quyết",
    Status.CENTRAL_AUTHORITY: "thuộc thẩm quyền Trung ương",
    Status.LOCAL_LOWER_LEVEL: "thuộc thẩm quyền cấp huyện, xã",
    Status.ANSWERED: "đã trả lời, chưa ghi kết quả giải quyết",
}
LEVEL_WORDS_OF_PETITIONS = {
    VoterPetition.Level.CENTRAL: "Trung ương",
    VoterPetition.Level.PROVINCE: "tỉnh",
    VoterPetition.Level.DISTRICT: "huyện",
    VoterPetition.Level.COMMUNE: "xã",
}


def after_district_level(start: dt.date) -> bool:
    """A period that starts once districts were abolished (two-level local government from
    01/07/2025): it has no district level to name."""
    return start > DISTRICT_LEVEL_END


def outcome_words(*, start: dt.date) -> dict[str, str]:
    """OUTCOME_WORDS for a period starting on `start`: from 01/07/2025 the lower level is the
    commune alone."""
    words = dict(OUTCOME_WORDS)
    if after_district_level(start):
        words[Status.LOCAL_LOWER_LEVEL] = "thuộc thẩm quyền cấp xã"
    return words


def share_text(part: int, whole: int, council: Council) -> str:
    """A count's share of the total, rounded or truncated as the council chooses."""
    return rate_text(part, whole, mode=council.rate_rounding)


# --- complaints, denunciations, petitions and citizen reception (issue 21) --------------------


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def casework_sentences(c: CaseFigures, *, hdnd: str) -> list[str]:
    """The paragraphs of the report's section on citizen reception and letters, from the
    casework's figures (voters.casework.figures): receptions and their register; letters and
    cases received by kind, eligibility, competence, forwarding and results; processing within
    time, follow-ups and overdue answers. A paragraph with nothing to say is left out."""
    n = count_text
    text = []
    if c.receptions:
        text.append(
            f"Thường trực {hdnd} đã tổ chức {n(c.receptions)} buổi tiếp công dân"
            + (f", tiếp {n(c.citizens_received)} lượt công dân" if c.citizens_received else "")
            + (f" với {n(c.reception_cases)} vụ việc" if c.reception_cases else "")
            + "."
            + (
                f" Sổ tiếp công dân ghi {n(c.visits)} lượt tiếp"
                + (
                    f", tiếp nhận {n(c.visit_cases)} vụ việc để xử lý, theo dõi"
                    if c.visit_cases
                    else ""
                )
                + "."
                if c.visits
                else ""
            )
        )
    if c.letters:
        kinds = ", ".join(
            f"{n(count)} đơn {label.lower()}" for _code, label, count in c.letters_by_kind if count
        )
        parts = [f"Tiếp nhận {n(c.letters)} đơn ({n(c.cases)} vụ việc), trong đó {kinds}"]
        if c.group_cases:
            parts.append(f"{n(c.group_cases)} vụ việc đông người")
        reasons = "; ".join(
            f"{n(count)} {label[:1].lower()}{label[1:]}"
            for _code, label, count in c.ineligible_by_reason
        )
        if c.eligible:
            parts.append(
                f"đủ điều kiện xử lý {n(c.eligible)} đơn"
                + (
                    f", không đủ điều kiện {n(c.ineligible)} đơn ({reasons})"
                    if c.ineligible
                    else ""
                )
            )
        else:
            parts.append(f"không đủ điều kiện xử lý {n(c.ineligible)} đơn ({reasons})")
        if c.within_competence:
            parts.append(
                f"{n(c.within_competence)} vụ việc thuộc thẩm quyền của {hdnd}, Thường trực {hdnd}"
            )
        if c.forwarded:
            parts.append(
                f"đã chuyển {n(c.forwarded)} đơn đến cơ quan có thẩm quyền giải quyết"
                + (f", đã có kết quả giải quyết {n(c.answered)} vụ việc" if c.answered else "")
            )
        else:
            parts.append("chưa chuyển đơn nào đến cơ quan có thẩm quyền giải quyết")
        text.append("; ".join(parts) + ".")
    follow = []
    if c.processed:
        follow.append(
            f"xử lý đúng thời hạn {n(c.processed_in_time)}/{n(c.processed)} đơn "
            f"(đạt {c.in_time_rate})"
            + (f", quá hạn {n(c.processed_late)} đơn" if c.processed_late else "")
        )
    if c.processing_overdue:
        follow.append(f"còn {n(c.processing_overdue)} đơn quá hạn chưa xử lý")
    if c.follow_ups:
        follow.append(f"đã đôn đốc {n(c.follow_ups)} lượt việc giải quyết đơn")
    if c.answer_overdue:
        follow.append(f"{n(c.answer_overdue)} vụ việc quá hạn chưa có kết quả giải quyết")
    if follow:
        text.append(_first_upper("; ".join(follow)) + ".")
    return text
