"""Numbering in the outgoing register: per council, series and year, from 01 each year, never
a number twice, a cancelled one kept."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction

from council.models import Council
from documents.models import DocumentSeries, OutgoingDocument
from documents.services import (
    DEFAULT_SERIES,
    document_attach_signed_copy,
    document_cancel,
    document_number_issue,
    document_update,
    series_defaults_ensure,
)

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def issue(council, code="TB", day=dt.date(2019, 3, 1), subject="Kết luận phiên họp", **kw):
    values = {
        "signer_name": "Đoàn Thị Hậu",
        "signer_title": "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
        "recipients": "UBND tỉnh;\nLưu: VT.",
        "user": None,
        **kw,
    }
    return document_number_issue(
        council=council, series_code=code, date=day, subject=subject, **values
    )


def other_council() -> Council:
    return Council.objects.create(
        name="Hội đồng nhân dân tỉnh Bên Cạnh",
        short_name="HĐND tỉnh Bên Cạnh",
        place_name="Bên Cạnh",
        header_name="HỘI ĐỒNG NHÂN DÂN\nTỈNH BÊN CẠNH",
        secretariat_name="Văn phòng",
    )


def test_a_new_council_gets_the_usual_series(council):
    codes = list(DocumentSeries.objects.filter(council=council).values_list("code", "symbol"))
    assert codes == [(d.code, d.symbol) for d in DEFAULT_SERIES]
    assert ("TB", "TB-HĐND") in codes and ("CV", "HĐND-VP") in codes


def test_ensuring_the_series_twice_changes_nothing_and_keeps_edits(council):
    series = DocumentSeries.objects.get(council=council, code="GM")
    series.symbol = "GM-TTHĐND"
    series.save()
    DocumentSeries.objects.filter(council=council, code="KH").delete()
    made = series_defaults_ensure(council=council)
    assert [s.code for s in made] == ["KH"]
    assert series_defaults_ensure(council=council) == []
    assert DocumentSeries.objects.get(council=council, code="GM").symbol == "GM-TTHĐND"


def test_numbers_run_per_series_from_one(council):
    first, second = issue(council), issue(council)
    letter = issue(council, code="CV")
    assert (first.number, second.number, letter.number) == (1, 2, 1)
    assert first.reference == "01/TB-HĐND"
    assert letter.reference == "01/HĐND-VP"
    assert str(second) == "Thông báo số 02/TB-HĐND"


def test_each_council_numbers_on_its_own(council):
    neighbour = other_council()
    assert issue(council).number == 1
    assert issue(neighbour).number == 1
    assert issue(council).number == 2


def test_numbers_restart_each_year(council):
    assert issue(council, day=dt.date(2019, 12, 31)).number == 1
    assert issue(council, day=dt.date(2019, 12, 31)).number == 2
    new_year = issue(council, day=dt.date(2020, 1, 1))
    assert (new_year.year, new_year.number) == (2020, 1)


def test_a_series_that_does_not_restart_runs_on(council):
    DocumentSeries.objects.filter(council=council, code="TB").update(yearly_reset=False)
    issue(council, day=dt.date(2019, 12, 31))
    assert issue(council, day=dt.date(2020, 1, 2)).number == 2


def test_a_cancelled_number_is_never_given_again(council):
    first = issue(council)
    document_cancel(document=first, reason="Ghi sai ngày họp", user=None)
    again = issue(council)
    assert again.number == 2
    first.refresh_from_db()
    assert first.is_cancelled and first.cancel_reason == "Ghi sai ngày họp"
    assert first.cancelled_at is not None
    assert OutgoingDocument.objects.filter(council=council).count() == 2


def test_a_cancel_needs_a_reason_and_happens_once(council):
    document = issue(council)
    with pytest.raises(ValidationError):
        document_cancel(document=document, reason="  ", user=None)
    document_cancel(document=document, reason="Trùng nội dung", user=None)
    with pytest.raises(ValidationError):
        document_cancel(document=document, reason="Lần nữa", user=None)


def test_the_database_refuses_a_number_twice_in_a_series_and_year(council):
    document = issue(council)
    twin = OutgoingDocument(
        council=council,
        series=document.series,
        year=2019,
        number=document.number,
        symbol="TB-HĐND",
        date=dt.date(2019, 3, 2),
        subject="Trùng số",
    )
    with pytest.raises(ValidationError):
        twin.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        twin.save()


def test_a_renamed_symbol_applies_to_later_numbers_only(council):
    before = issue(council)
    DocumentSeries.objects.filter(council=council, code="TB").update(symbol="TB-TTHĐND")
    after = issue(council)
    before.refresh_from_db()
    assert (before.reference, after.reference) == ("01/TB-HĐND", "02/TB-TTHĐND")


def test_an_inactive_or_unknown_series_gives_no_number(council):
    DocumentSeries.objects.filter(council=council, code="PC").update(is_active=False)
    with pytest.raises(ValidationError, match="ngừng dùng"):
        issue(council, code="PC")
    with pytest.raises(ValidationError, match="chưa có sổ"):
        issue(council, code="XX")
    assert not OutgoingDocument.objects.exists()


def test_the_number_keeps_its_source_record(council, term):
    document = issue(council, source=term)
    document.refresh_from_db()
    assert document.source == term


def test_update_changes_the_text_never_the_number(council):
    document = issue(council)
    document_update(
        document=document,
        subject="Kết luận phiên họp tháng 3",
        recipients="UBND tỉnh;\nSở Tài chính;\nLưu: VT.",
        signer_name="Hoàng Văn Nghiệm",
        signer_title="CHỦ TỊCH",
        kind_label="Thông báo kết luận",
    )
    document.refresh_from_db()
    assert (document.number, document.year, document.symbol) == (1, 2019, "TB-HĐND")
    assert document.signer_name == "Hoàng Văn Nghiệm"
    assert "thang 3" in document.search_text


def test_a_cancelled_entry_is_not_edited(council):
    document = issue(council)
    document_cancel(document=document, reason="Huỷ", user=None)
    with pytest.raises(ValidationError):
        document_update(
            document=document, subject="x", recipients="", signer_name="", signer_title=""
        )


def test_the_signed_copy_becomes_the_official_file(council, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    draft = SimpleUploadedFile("du-thao.pdf", PDF)
    document = issue(council, upload=draft)
    assert document.official_file == document.file
    assert document.file_name == "du-thao.pdf"
    signed = document_attach_signed_copy(
        document=document, upload=SimpleUploadedFile("ban-ky.pdf", PDF)
    )
    assert signed.official_file == signed.signed_copy
    assert signed.signed_copy_name == "ban-ky.pdf"
    assert signed.signed_copy.name.endswith(".pdf")
    assert "ban-ky" not in signed.signed_copy.name  # stored under a generated name


def test_a_signed_copy_must_be_a_pdf(council, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    document = issue(council)
    with pytest.raises(ValidationError, match="không phải là loại được phép"):
        document_attach_signed_copy(
            document=document, upload=SimpleUploadedFile("ban-ky.pdf", b"MZ\x90\x00 not a pdf")
        )
    document.refresh_from_db()
    assert not document.signed_copy
