from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from council.models import Council
from resolutions import services
from resolutions.models import Resolution, ResolutionAttachment, ResolutionRelation
from resolutions.services import (
    resolution_attachment_add,
    resolution_next_number,
    resolution_relation_create,
    resolution_relation_delete,
    resolution_update,
)

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200


def test_normative_and_individual_numbers_are_written_as_documents_carry_them(make_resolution):
    normative = make_resolution(number=12, is_normative=True)
    individual = make_resolution(number=45)
    small = make_resolution(number=5)
    assert normative.symbol == "12/2019/NQ-HĐND"
    assert individual.symbol == "45/NQ-HĐND"
    assert small.symbol == "05/NQ-HĐND"
    assert str(normative) == "Nghị quyết số 12/2019/NQ-HĐND"


def test_next_number_follows_separate_sequences_per_kind_and_year(council, make_resolution):
    assert resolution_next_number(council=council, year=2019, is_normative=True) == 1
    make_resolution(number=7, is_normative=True)
    make_resolution(number=40)
    assert resolution_next_number(council=council, year=2019, is_normative=True) == 8
    assert resolution_next_number(council=council, year=2019, is_normative=False) == 41
    assert resolution_next_number(council=council, year=2020, is_normative=True) == 1


def test_shared_sequence_numbers_both_kinds_in_one_series(council, make_resolution):
    council.resolution_sequence = Council.Sequence.SHARED
    council.save()
    first = make_resolution(is_normative=True)
    second = make_resolution()
    assert (first.number, second.number) == (1, 2)
    assert {first.series, second.series} == {Resolution.Series.SHARED}
    with pytest.raises(ValidationError) as exc:
        make_resolution(number=1)  # individual, but 1 is taken in the shared sequence
    assert "đã được dùng" in str(exc.value)


def test_blank_number_takes_the_next_free_one(make_resolution):
    make_resolution(number=3)
    assert make_resolution().number == 4


def test_duplicate_number_is_rejected_with_a_clear_message(make_resolution):
    make_resolution(number=12, is_normative=True, title="Bảng giá đất")
    with pytest.raises(ValidationError) as exc:
        make_resolution(number=12, is_normative=True, title="Hệ số điều chỉnh giá đất")
    message = " ".join(exc.value.message_dict["number"])
    assert "Số 12/2019/NQ-HĐND đã được dùng cho nghị quyết «Bảng giá đất»" in message
    assert "Số tiếp theo còn trống là 13" in message
    # The same number in the other sequence is fine under separate numbering.
    assert make_resolution(number=12).symbol == "12/NQ-HĐND"


def test_a_save_that_loses_the_race_gets_the_duplicate_message_not_a_crash(make_resolution):
    """Two staff pass the duplicate check together; the database constraint stops the second."""
    make_resolution(number=12, is_normative=True, title="Bảng giá đất")
    real_check = services._duplicate_error
    calls = {"n": 0}

    def check_missing_the_other_save(resolution):
        calls["n"] += 1
        return None if calls["n"] == 1 else real_check(resolution)

    with (
        mock.patch.object(services, "_duplicate_error", check_missing_the_other_save),
        mock.patch.object(Resolution, "validate_constraints"),
        pytest.raises(ValidationError) as exc,
    ):
        make_resolution(number=12, is_normative=True, title="Hệ số điều chỉnh giá đất")
    assert "đã được dùng" in " ".join(exc.value.message_dict["number"])
    assert Resolution.objects.filter(number=12, is_normative=True).count() == 1


def test_more_than_half_of_all_delegates_must_vote_for(make_resolution):
    # Ten delegates in the term: five is not more than half.
    with pytest.raises(ValidationError) as exc:
        make_resolution(votes_for=5, delegates_present=9)
    message = " ".join(exc.value.message_dict["votes_for"])
    assert "quá nửa tổng số đại biểu" in message
    assert "cần ít nhất 6" in message
    assert make_resolution(votes_for=6, delegates_present=9).votes_for == 6


def test_votes_cannot_exceed_delegates_present(make_resolution):
    with pytest.raises(ValidationError) as exc:
        make_resolution(votes_for=8, votes_against=1, votes_abstain=1, delegates_present=9)
    assert "vượt quá số đại biểu có mặt" in " ".join(exc.value.message_dict["delegates_present"])


def test_search_text_is_folded_from_symbol_and_title(make_resolution):
    r = make_resolution(number=3, is_normative=True, title="Quy định giá Đất đai")
    assert r.search_text == "03/2019/nq-hdnd quy dinh gia dat dai"
    r = resolution_update(resolution=r, title="Bảng giá đất")
    assert r.search_text == "03/2019/nq-hdnd bang gia dat"


def test_resolution_outside_any_session_takes_the_term_of_its_date(make_resolution, term):
    r = make_resolution(session=None, adopted_date=dt.date(2018, 3, 1))
    assert r.term == term
    assert r.year == 2018


def test_recording_relations_updates_the_target_status(make_resolution):
    old = make_resolution(number=1, is_normative=True, adopted_date=dt.date(2019, 12, 12))
    amending = make_resolution(number=2, is_normative=True)
    repealing = make_resolution(number=3, is_normative=True)

    resolution_relation_create(source=amending, target=old, kind=ResolutionRelation.Kind.AMENDS)
    old.refresh_from_db()
    assert old.status == Resolution.Status.AMENDED

    relation = resolution_relation_create(
        source=repealing, target=old, kind=ResolutionRelation.Kind.REPEALS
    )
    old.refresh_from_db()
    assert old.status == Resolution.Status.REPEALED

    resolution_relation_delete(relation=relation)
    old.refresh_from_db()
    assert old.status == Resolution.Status.AMENDED


def test_replacing_resolution_sets_replaced_and_cannot_point_at_itself(make_resolution):
    old = make_resolution(number=1)
    new = make_resolution(number=2)
    resolution_relation_create(source=new, target=old, kind=ResolutionRelation.Kind.REPLACES)
    old.refresh_from_db()
    assert old.status == Resolution.Status.REPLACED
    with pytest.raises(ValidationError):
        resolution_relation_create(source=new, target=new, kind=ResolutionRelation.Kind.AMENDS)


def test_a_later_resolution_cannot_be_amended_by_an_earlier_one(make_resolution, session):
    early = make_resolution(number=1, adopted_date=dt.date(2019, 12, 10))
    late = make_resolution(number=2, adopted_date=dt.date(2019, 12, 12))
    with pytest.raises(ValidationError):
        resolution_relation_create(source=early, target=late, kind=ResolutionRelation.Kind.AMENDS)


def test_pdf_attachment_is_stored_under_a_generated_name(make_resolution, media_root):
    r = make_resolution()
    upload = SimpleUploadedFile("NQ 12 ký số.pdf", PDF, content_type="application/pdf")
    attachment = resolution_attachment_add(resolution=r, upload=upload)
    assert attachment.content_type == "application/pdf"
    assert attachment.original_name == "NQ 12 ký số.pdf"
    assert attachment.file.name.startswith("resolutions/")
    assert attachment.file.name.endswith(".pdf")
    assert "ký" not in attachment.file.name
    assert (media_root / attachment.file.name).read_bytes() == PDF


def test_renamed_executable_is_rejected_as_an_attachment(make_resolution, media_root):
    r = make_resolution()
    upload = SimpleUploadedFile("nghi-quyet.pdf", EXE, content_type="application/pdf")
    with pytest.raises(ValidationError) as exc:
        resolution_attachment_add(resolution=r, upload=upload)
    assert "không phải là loại được phép" in str(exc.value)
    assert not ResolutionAttachment.objects.exists()


def test_attachment_over_the_size_limit_is_rejected(make_resolution, media_root, settings):
    settings.UPLOAD_MAX_BYTES = 50
    upload = SimpleUploadedFile("a.pdf", PDF + b"0" * 100)
    with pytest.raises(ValidationError) as exc:
        resolution_attachment_add(resolution=make_resolution(), upload=upload)
    assert "Tệp quá lớn" in str(exc.value)
