"""A case's outgoing document (issue 22): numbered in the register, written as PDF and .docx
from one description (reports.case_documents.case_document_composed); both files read back
say the register's number, the date, the addressee and the body."""

from __future__ import annotations

import re
from io import BytesIO

import pytest
from django.urls import reverse
from docx import Document

from documents.services import document_number_issue
from reports.case_documents import case_document_composed
from tests.reports.conftest import pdf_text
from tests.voters.casework.workflow_fixtures import *  # noqa: F403 (the fixtures)
from tests.voters.casework.workflow_fixtures import D
from voters.casework import services
from voters.models import CaseDocument, Letter

pytestmark = pytest.mark.django_db


def docx_text(data: bytes) -> str:
    document = Document(BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return re.sub(r"\s+", " ", " ".join(parts))


@pytest.fixture
def slip(receive, body, staff_user) -> CaseDocument:
    letter = services.letter_process(
        letter=receive(),
        handling=Letter.Handling.FORWARDED,
        date=D(2026, 3, 10),
        forwarded_to=body,
        user=staff_user,
    )
    # A slip numbered by hand in the register first: the case's takes the next number.
    document_number_issue(
        council=letter.case.council,
        series_code="PC",
        date=D(2026, 3, 9),
        subject="Phiếu chuyển (cấp số tay)",
        signer_name="",
        signer_title="",
        recipients="UBND tỉnh",
    )
    return services.case_document_issue(
        case=letter.case,
        kind=CaseDocument.Kind.FORWARDING,
        letter=letter,
        date=D(2026, 3, 10),
        signer_name="Hoàng Văn Nghiệm",
        signer_title="Chủ tịch",
        user=staff_user,
    )


EXPECTED = (
    "HỘI ĐỒNG NHÂN DÂN",
    "Số: 02/PC-HĐND",
    "Thử Nghiệm, ngày 10 tháng 3 năm 2026",
    "PHIẾU CHUYỂN ĐƠN",
    "Kính gửi: Ủy ban nhân dân tỉnh Thử Nghiệm",
    "Khiếu nại quyết định thu hồi đất làm đường tránh thành phố",
    "Nơi nhận:",
    "- Như trên;",
    "- Lưu: VT, hồ sơ vụ việc.",
    "TM. THƯỜNG TRỰC HĐND",
    "CHỦ TỊCH",
    "Hoàng Văn Nghiệm",
)


def test_the_composed_document_carries_the_registers_number(slip):
    composed = case_document_composed(document=slip)
    assert composed.number_line == "Số: 02/PC-HĐND"
    assert composed.addressees == ["Ủy ban nhân dân tỉnh Thử Nghiệm"]
    assert composed.doc_type == "PHIẾU CHUYỂN ĐƠN"


def test_the_pdf_and_the_docx_say_the_same(staff_client, slip):
    page = staff_client.get(slip.case.get_absolute_url()).content.decode()
    docx_url = reverse("reports:casedocument_docx", args=[slip.pk])
    assert docx_url in page and "Tải .docx" in page
    pdf = staff_client.get(reverse("reports:casedocument_pdf", args=[slip.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    docx = staff_client.get(docx_url)
    assert docx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert 'filename="phieu-chuyen-don-02-2026.docx"' in docx["Content-Disposition"]
    for text in (pdf_text(pdf.content), docx_text(docx.content)):
        for expected in EXPECTED:
            assert expected in text, expected


def test_the_docx_is_personal_data_as_the_pdf_is(leader_client, slip):
    url = reverse("reports:casedocument_docx", args=[slip.pk])
    assert leader_client.get(url).status_code == 403
