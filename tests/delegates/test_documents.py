"""A delegate's session documents: only what was published, of their own council; reading
records the receipt; private notes; the zip of a session's documents (issue 20)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from core.services import record_save
from sessions import services
from sessions.models import (
    AgendaItem,
    DelegateNote,
    DocumentRead,
    SessionDocument,
    SessionDocumentsZip,
)
from tests.delegates.conftest import delegate_login

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
# The delegate's documents list, whatever the number of documents: the login (session, user,
# groups, profile, delegate, term, council), the session, its agenda items, the documents with
# the delegate's receipts and notes in one statement, the delegate's latest zip.
LIST_QUERIES = 11


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def add_document(session, *, title="Tờ trình", published_at="now", item=None, order=1):
    if item is None:
        item = record_save(
            instance=AgendaItem(session=session, order=order, title=f"Nội dung {title}")
        )
    return services.session_document_create(
        document=SessionDocument(
            agenda_item=item,
            title=title,
            order=order,
            published_at=timezone.now() if published_at == "now" else published_at,
        ),
        upload=SimpleUploadedFile(f"{title}.pdf", PDF, content_type="application/pdf"),
    )


def test_delegate_reads_a_published_document_and_the_secretariat_sees_the_receipt(
    delegate, delegate_client, council_session, staff_client, leader_client
):
    document = add_document(council_session, title="Tờ trình dự toán")
    listing = delegate_client.get(reverse("delegates:session_documents", args=[council_session.pk]))
    assert "Tờ trình dự toán" in listing.content.decode()

    page = delegate_client.get(reverse("delegates:document", args=[document.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "vendor/pdfjs/4.10.38/pdf.min.mjs" in html and "<script>" not in html
    inline = delegate_client.get(reverse("delegates:document_file", args=[document.pk]))
    assert inline["Content-Type"] == "application/pdf"
    assert inline["Content-Disposition"].startswith("inline")
    assert b"".join(inline.streaming_content) == PDF

    read = DocumentRead.objects.get(document=document, delegate=delegate)
    assert read.open_count == 1  # the viewer's fetch of the file is not a second opening
    for client in (staff_client, leader_client):
        receipts = client.get(reverse("sessions:sessiondocument_receipts", args=[document.pk]))
        assert f'data-delegate="{delegate.pk}" data-opened="yes"' in receipts.content.decode()


def test_unpublished_scheduled_and_other_council_documents_are_not_found(
    delegate_client, council_session, other_council_session
):
    draft = add_document(council_session, title="Nháp", published_at=None)
    scheduled = add_document(
        council_session, title="Hẹn giờ", published_at=timezone.now() + dt.timedelta(days=1)
    )
    foreign = add_document(other_council_session, title="Tỉnh bạn")
    for document in (draft, scheduled, foreign):
        for name in ("delegates:document", "delegates:document_file"):
            response = delegate_client.get(reverse(name, args=[document.pk]))
            assert response.status_code == 404, (document.title, name)
        response = delegate_client.post(
            reverse("delegates:document_note", args=[document.pk]), {"text": "x"}
        )
        assert response.status_code == 404
    assert not DocumentRead.objects.exists()
    listing = delegate_client.get(
        reverse("delegates:session_documents", args=[council_session.pk])
    ).content.decode()
    assert "Nháp" not in listing and "Hẹn giờ" not in listing
    foreign_list = reverse("delegates:session_documents", args=[other_council_session.pk])
    assert delegate_client.get(foreign_list).status_code == 404
    assert (
        delegate_client.post(
            reverse("delegates:session_zip", args=[other_council_session.pk])
        ).status_code
        == 404
    )


def test_a_replaced_version_asked_for_by_id_leads_to_the_current_one(
    delegate_client, council_session
):
    first = add_document(council_session, title="Dự thảo")
    second = services.session_document_replace(
        document=first,
        upload=SimpleUploadedFile("v2.pdf", PDF),
        published_at=timezone.now(),
    )
    response = delegate_client.get(reverse("delegates:document", args=[first.pk]))
    assert response.status_code == 302
    assert response.url == reverse("delegates:document", args=[second.pk])
    page = delegate_client.get(response.url).content.decode()
    assert "thay thế phiên bản 1" in page


def test_notes_are_private_to_their_delegate(
    delegate, delegate_client, council_session, staff_client, admin_client_, term
):
    document = add_document(council_session)
    note_url = reverse("delegates:document_note", args=[document.pk])
    delegate_client.post(note_url, {"text": "Hỏi về khoản chi 3 tỷ"})
    item_url = reverse("delegates:agendaitem_note", args=[document.agenda_item_id])
    delegate_client.post(item_url, {"text": "Ghi chú nội dung riêng"})
    assert DelegateNote.objects.filter(delegate=delegate).count() == 2
    assert (
        "Hỏi về khoản chi 3 tỷ"
        in delegate_client.get(reverse("delegates:document", args=[document.pk])).content.decode()
    )

    from council.models import Delegate

    other = Delegate.objects.create(term=term, full_name="Đại Biểu Khác", birth_year=1980)
    _user, other_client = delegate_login(other)
    for client in (other_client,):
        for url in (reverse("delegates:document", args=[document.pk]), item_url):
            text = client.get(url).content.decode()
            assert "Hỏi về khoản chi 3 tỷ" not in text and "Ghi chú nội dung riêng" not in text
    for client in (staff_client, admin_client_):
        for url in (reverse("delegates:document", args=[document.pk]), item_url):
            assert client.get(url).status_code == 403
        for url in (note_url, item_url):
            assert client.post(url, {"text": "ghi đè"}).status_code == 403
        for url in (
            reverse("sessions:session_documents", args=[council_session.pk]),
            reverse("sessions:sessiondocument_receipts", args=[document.pk]),
        ):
            assert "Hỏi về khoản chi" not in client.get(url).content.decode()
    # Not in Django's admin either: no registration of the model, nor of a history of it.
    from django.contrib import admin

    assert DelegateNote not in admin.site._registry
    assert not hasattr(DelegateNote, "history")
    # Emptying the text removes the note.
    delegate_client.post(note_url, {"text": "  "})
    assert DelegateNote.objects.filter(delegate=delegate, document=document).count() == 0


def test_documents_list_runs_a_fixed_number_of_queries(
    delegate, delegate_client, council_session, django_assert_num_queries
):
    url = reverse("delegates:session_documents", args=[council_session.pk])
    delegate_client.get(url)  # the first request of a login reads more (its last use)
    for total in (3, 6):
        for n in range(3):
            document = add_document(council_session, title=f"Tài liệu {total}-{n}", order=n)
            services.document_read_record(document=document, delegate=delegate)
        with django_assert_num_queries(LIST_QUERIES):
            response = delegate_client.get(url, HTTP_HX_REQUEST="true")
        assert response.content.decode().count("data-document=") == total


def test_the_zip_holds_the_published_documents_built_in_process_without_a_broker(
    delegate_client, council_session, django_capture_on_commit_callbacks
):
    item = record_save(instance=AgendaItem(session=council_session, order=1, title="Dự toán: 2021"))
    add_document(council_session, title="Tờ trình / dự toán", item=item)
    add_document(council_session, title="Báo cáo thẩm tra", item=item, order=2)
    add_document(council_session, title="Chưa công bố", item=item, published_at=None, order=3)
    with django_capture_on_commit_callbacks(execute=True):
        response = delegate_client.post(reverse("delegates:session_zip", args=[council_session.pk]))
    bundle = SessionDocumentsZip.objects.get()
    assert response.url == reverse("delegates:documentszip_status", args=[bundle.pk])
    assert bundle.status == SessionDocumentsZip.Status.DONE, bundle.error
    fragment = delegate_client.get(response.url, HTTP_HX_REQUEST="true").content.decode()
    assert 'data-status="done"' in fragment and "hx-trigger" not in fragment
    download = delegate_client.get(reverse("delegates:documentszip_download", args=[bundle.pk]))
    archive = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))
    assert sorted(archive.namelist()) == [
        "01 - Dự toán 2021/01 - Tờ trình - Tờ trình dự toán.pdf",
        "01 - Dự toán 2021/02 - Tờ trình - Báo cáo thẩm tra.pdf",
    ]
    assert archive.read(archive.namelist()[0]) == PDF


def test_a_zip_of_another_council_is_not_found(delegate_client, other_council_session):
    bundle = SessionDocumentsZip.objects.create(session=other_council_session)
    for name in ("delegates:documentszip_status", "delegates:documentszip_download"):
        assert delegate_client.get(reverse(name, args=[bundle.pk])).status_code == 404


def test_a_second_claim_of_the_same_zip_builds_nothing(council_session):
    bundle = SessionDocumentsZip.objects.create(session=council_session)
    assert services.documents_zip_build(zip_id=bundle.pk, task_id="t1") is True
    assert services.documents_zip_build(zip_id=bundle.pk, task_id="t2") is False


def test_staff_and_anonymous_cannot_open_the_delegates_document_pages(
    staff_client, council_session
):
    document = add_document(council_session)
    assert staff_client.get(reverse("delegates:document", args=[document.pk])).status_code == 403
    anonymous = Client().get(reverse("delegates:document_file", args=[document.pk]))
    assert anonymous.status_code == 302
