"""Uploads are checked by extension as well as by content and size (core.uploads)."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from core.uploads import validate_document

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_a_pdf_named_pdf_is_accepted():
    assert validate_document(SimpleUploadedFile("nghi-quyet.pdf", PDF)) == "application/pdf"


def test_a_pdf_named_docx_is_refused_for_its_extension():
    with pytest.raises(ValidationError) as exc:
        validate_document(SimpleUploadedFile("nghi-quyet.docx", PDF))
    assert "đuôi không khớp" in str(exc.value)


def test_an_executable_renamed_pdf_is_refused_for_its_content():
    with pytest.raises(ValidationError) as exc:
        validate_document(SimpleUploadedFile("nghi-quyet.pdf", b"MZ\x90\x00\x03" + b"\x00" * 200))
    assert "không phải là loại được phép" in str(exc.value)


def test_a_file_above_the_size_limit_is_refused(settings):
    settings.UPLOAD_MAX_BYTES = 10
    with pytest.raises(ValidationError):
        validate_document(SimpleUploadedFile("nghi-quyet.pdf", PDF))
