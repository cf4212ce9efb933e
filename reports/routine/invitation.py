"""The texts of a session's invitation (giấy mời) that a secretariat edits: the sentences
around the meeting's facts and the default recipients. The invitation itself is written on
its session's page (reports.invitations) and laid out by reports.invitation_document, which
fills these texts once per addressee."""

from __future__ import annotations

from documents.models import DocumentTemplate
from reports.routine.base import TemplateDefaults, TemplateKind

INVITATION = TemplateKind(
    kind=DocumentTemplate.Kind.INVITATION,
    label="Giấy mời kỳ họp",
    defaults=TemplateDefaults(
        series_code="GM",
        doc_type="GIẤY MỜI",
        subject="Dự {ky_hop}",
        opening=(
            "Thường trực HĐND {cap} trân trọng kính mời {nguoi_duoc_moi} tới dự {ky_hop}.\n"
            "Thời gian: khai mạc vào hồi {thoi_gian}.\n"
            "Địa điểm: {dia_diem}."
        ),
        closing="Rất mong được đón tiếp./.",
        recipients="Như trên;\nLưu: VT.",
    ),
    placeholders={
        "nguoi_duoc_moi": "Người được mời của trang giấy mời, ví dụ: Đại biểu Nguyễn Văn An",
        "ky_hop": "Kỳ họp, ví dụ: kỳ họp thứ 9, HĐND tỉnh khóa IX, nhiệm kỳ 2016 - 2021",
        "thoi_gian": "Giờ, thứ, ngày khai mạc (và các ngày họp)",
        "dia_diem": "Địa điểm họp của giấy mời",
    },
)
