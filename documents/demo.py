"""Demo register of the Lạng Sơn HĐND's 2019 outgoing documents: công văn, thông báo, giấy mời,
kế hoạch and báo cáo registered by hand under "Cấp số", numbered through documents.services in
date order (one cancelled and replaced). Keyed on (series, year, subject): loading twice
changes nothing.

The casework's guidance letters of 2019 (voters.casework.demo) are công văn too, numbered in the
same series CV: so that the series runs in date order, as a register does, the hand-registered
công văn are not numbered here but by the casework's demo, each before the first of its letters
dated after it (entries_issue), the rest after its last."""

from __future__ import annotations

import datetime as dt

from council.models import Council
from documents.models import OutgoingDocument
from documents.services import document_cancel, document_number_issue, series_defaults_ensure

CHAIR = ("Hoàng Văn Nghiệm", "TM. THƯỜNG TRỰC HĐND / CHỦ TỊCH")
VICE = ("Đoàn Thị Hậu", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH")
OFFICE = ("Hà Thị Văn Phòng", "CHÁNH VĂN PHÒNG")
TO_PROVINCE = "Thường trực Tỉnh ủy (b/c);\nUBND tỉnh;\nUBMTTQ Việt Nam tỉnh;\nLưu: VT."
TO_DELEGATES = "Đại biểu HĐND tỉnh;\nCác sở, ban, ngành tỉnh;\nThường trực HĐND, UBND các huyện, thành phố;\nLưu: VT."

# (series code, day, kind label, subject, signer, recipients), in order of issue.
ENTRIES_2019: list[tuple[str, dt.date, str, str, tuple[str, str], str]] = [
    ("KH", dt.date(2019, 1, 10), "Kế hoạch", "Kế hoạch tổ chức các kỳ họp thường lệ năm 2019 của HĐND tỉnh khóa XVI", CHAIR, TO_DELEGATES),
    ("TB", dt.date(2019, 1, 21), "Thông báo kết luận", "Kết luận phiên họp Thường trực HĐND tỉnh tháng 01 năm 2019", VICE, TO_PROVINCE),
    ("CV", dt.date(2019, 2, 18), "Công văn", "V/v đề nghị báo cáo kết quả giải quyết kiến nghị cử tri sau kỳ họp thứ bảy", VICE, "UBND tỉnh;\nLưu: VT."),
    ("KH", dt.date(2019, 3, 4), "Kế hoạch", "Kế hoạch giám sát chuyên đề của Thường trực HĐND tỉnh năm 2019", VICE, TO_DELEGATES),
    ("TB", dt.date(2019, 3, 25), "Thông báo kết luận", "Kết luận phiên họp Thường trực HĐND tỉnh tháng 3 năm 2019", VICE, TO_PROVINCE),
    ("CV", dt.date(2019, 4, 8), "Công văn", "V/v chuẩn bị nội dung kỳ họp giữa năm 2019", CHAIR, "UBND tỉnh;\nCác Ban HĐND tỉnh;\nLưu: VT."),
    ("CV", dt.date(2019, 5, 20), "Công văn chuyển kiến nghị cử tri", "V/v chuyển kiến nghị của cử tri trước kỳ họp thứ tám HĐND tỉnh", VICE, "UBND tỉnh;\nLưu: VT."),
    ("GM", dt.date(2019, 6, 28), "Giấy mời", "Mời dự phiên họp Thường trực HĐND tỉnh chuẩn bị kỳ họp thứ tám", OFFICE, "Như trên;\nLưu: VT."),
    ("BC", dt.date(2019, 7, 1), "Báo cáo", "Báo cáo kết quả hoạt động 6 tháng đầu năm, chương trình công tác 6 tháng cuối năm 2019 của HĐND tỉnh", CHAIR, TO_DELEGATES),
    ("TB", dt.date(2019, 7, 22), "Thông báo kết luận", "Kết luận phiên họp Thường trực HĐND tỉnh tháng 7 năm 2019", VICE, TO_PROVINCE),
    ("GM", dt.date(2019, 9, 9), "Giấy mời", "Mời dự phiên giải trình về công tác quản lý đất đai", OFFICE, "Như trên;\nLưu: VT."),
    ("CV", dt.date(2019, 10, 14), "Công văn", "V/v góp ý dự thảo chương trình giám sát năm 2020 của HĐND tỉnh", VICE, "Các Ban HĐND tỉnh;\nCác Tổ đại biểu HĐND tỉnh;\nLưu: VT."),
    ("BC", dt.date(2019, 11, 25), "Báo cáo", "Báo cáo kết quả giám sát việc giải quyết ý kiến, kiến nghị của cử tri năm 2019", VICE, TO_DELEGATES),
    ("GM", dt.date(2019, 12, 2), "Giấy mời", "Mời dự phiên họp Thường trực HĐND tỉnh tháng 12 năm 2019", OFFICE, "Như trên;\nLưu: VT."),
    ("GM", dt.date(2019, 12, 3), "Giấy mời", "Mời dự phiên họp Thường trực HĐND tỉnh tháng 12 năm 2019 (thay giấy mời đã huỷ)", OFFICE, "Như trên;\nLưu: VT."),
    ("TB", dt.date(2019, 12, 23), "Thông báo", "Thông báo lịch tiếp công dân của đại biểu HĐND tỉnh năm 2020", OFFICE, TO_DELEGATES),
]  # fmt: skip
# The invitation sent with a wrong date and replaced the next day: its number stays, cancelled.
CANCELLED = (
    "Mời dự phiên họp Thường trực HĐND tỉnh tháng 12 năm 2019",
    "Ghi sai thời gian họp; thay bằng giấy mời cấp số ngày 03/12/2019.",
)


# Series another app's demo numbers among its own documents (voters.casework.demo).
SHARED_SERIES = frozenset({"CV"})


def load(*, council: Council) -> None:
    series_defaults_ensure(council=council)
    codes = {code for code, *_rest in ENTRIES_2019} - SHARED_SERIES
    entries_issue(council=council, codes=codes)
    subject, reason = CANCELLED
    wrong = OutgoingDocument.objects.get(council=council, year=2019, subject=subject)
    if not wrong.is_cancelled:
        document_cancel(document=wrong, reason=reason, user=None)


def entries_issue(
    *, council: Council, codes: set[str] | frozenset[str], until: dt.date | None = None
) -> None:
    """Number the demo's hand-registered rows of the series `codes` dated up to `until` (all
    of them without), in date order, those not in the register yet."""
    have = set(
        OutgoingDocument.objects.filter(council=council, year=2019).values_list(
            "series__code", "subject"
        )
    )
    for code, day, kind_label, subject, (signer_name, signer_title), recipients in ENTRIES_2019:
        if code not in codes or (code, subject) in have or (until is not None and day > until):
            continue
        document_number_issue(
            council=council,
            series_code=code,
            date=day,
            subject=subject,
            signer_name=signer_name,
            signer_title=signer_title,
            recipients=recipients,
            kind_label=kind_label,
            user=None,
        )
