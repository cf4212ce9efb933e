"""Session documents on the secretariat's side: upload (PDF only), versions, publication,
read receipts (issue 20)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from core.services import record_save
from council.models import Delegate
from sessions import selectors, services
from sessions.models import AgendaItem, SessionDocument
from tests.helpers import post_form

pytestmark = pytest.mark.django_db

# The documents page: the login (session, user, groups, council), the session, its agenda items,
# the documents with their read counts, the term's delegate count.
QUERIES = 8
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def pdf(name: str = "to-trinh.pdf", data: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/pdf")


@pytest.fixture
def item(make_session) -> AgendaItem:
    session = make_session()
    return record_save(instance=AgendaItem(session=session, order=1, title="Tờ trình dự toán"))


def add_document(item: AgendaItem, *, published_at=None, title="Tờ trình số 1", order=1):
    return services.session_document_create(
        document=SessionDocument(
            agenda_item=item, title=title, order=order, published_at=published_at
        ),
        upload=pdf(),
    )


def test_a_document_is_a_pdf_checked_by_its_content(item):
    with pytest.raises(ValidationError) as exc:
        services.session_document_create(
            document=SessionDocument(agenda_item=item, title="Giả PDF"),
            upload=SimpleUploadedFile("gia.pdf", b"MZ\x90\x00 not a pdf at all"),
        )
    assert "upload" in exc.value.message_dict
    assert "không phải là loại được phép" in exc.value.message_dict["upload"][0]
    with pytest.raises(ValidationError):
        services.session_document_create(
            document=SessionDocument(agenda_item=item, title="Sai đuôi"), upload=pdf("a.docx")
        )


def test_replacing_keeps_the_old_version_marked_replaced(item):
    first = add_document(item, published_at=timezone.now())
    second = services.session_document_replace(
        document=first, upload=pdf("moi.pdf"), published_at=timezone.now()
    )
    first.refresh_from_db()
    assert (second.version, second.series, second.agenda_item_id) == (2, first.series, item.pk)
    assert first.is_replaced and not second.is_replaced
    assert list(selectors.published_documents(session=item.session)) == [second]
    with pytest.raises(ValidationError):
        services.session_document_replace(document=first, upload=pdf())


def test_delegates_see_nothing_before_the_publication_time(item):
    now = timezone.now()
    add_document(item, title="Chưa công bố")
    add_document(item, title="Hẹn giờ", published_at=now + dt.timedelta(hours=2))
    published = add_document(item, title="Đã công bố", published_at=now)
    assert list(selectors.published_documents(session=item.session)) == [published]
    later = now + dt.timedelta(hours=3)
    assert {d.title for d in selectors.published_documents(session=item.session, now=later)} == {
        "Hẹn giờ",
        "Đã công bố",
    }


def test_a_scheduled_new_version_leaves_the_old_one_visible_until_its_time(item):
    now = timezone.now()
    first = add_document(item, published_at=now - dt.timedelta(hours=1))
    second = services.session_document_replace(
        document=first, upload=pdf(), published_at=now + dt.timedelta(hours=1)
    )
    assert selectors.published_document_current(document=first) == first
    later = now + dt.timedelta(hours=2)
    assert selectors.published_document_current(document=first, now=later) == second


def test_read_receipts_count_first_and_last_opening(item, term):
    document = add_document(item, published_at=timezone.now())
    delegate = Delegate.objects.create(term=term, full_name="Người Đọc", birth_year=1970)
    Delegate.objects.create(term=term, full_name="Người Chưa Đọc", birth_year=1971)
    t1 = timezone.now()
    services.document_read_record(document=document, delegate=delegate, now=t1)
    services.document_read_record(
        document=document, delegate=delegate, now=t1 + dt.timedelta(minutes=5)
    )
    rows = list(selectors.document_receipts(document=document))
    assert [r.full_name for r in rows] == ["Người Đọc", "Người Chưa Đọc"]
    assert rows[0].open_count == 2 and rows[0].first_opened == t1
    assert rows[0].last_opened == t1 + dt.timedelta(minutes=5)
    assert rows[1].first_opened is None


def test_staff_upload_publish_and_replace_through_the_pages(staff_client, item):
    create = reverse("sessions:sessiondocument_create", args=[item.pk])
    response = post_form(
        staff_client,
        create,
        {
            "kind": "submission",
            "title": "Tờ trình dự toán 2021",
            "order": 1,
            "published_at": "",
            "upload": pdf(),
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    document = SessionDocument.objects.get()
    assert document.publication_state == "draft" and document.file_name == "to-trinh.pdf"

    publish = reverse("sessions:sessiondocument_publish", args=[document.pk])
    assert staff_client.post(publish).status_code == 302
    document.refresh_from_db()
    assert document.publication_state == "published"

    replace = reverse("sessions:sessiondocument_replace", args=[document.pk])
    response = staff_client.post(
        replace, {"upload": pdf("v2.pdf"), "title": "", "published_at": ""}
    )
    assert response.status_code == 302
    assert SessionDocument.objects.filter(series=document.series).count() == 2
    # The old version stays downloadable to staff.
    old = staff_client.get(reverse("sessions:sessiondocument_file", args=[document.pk]))
    assert old.status_code == 200 and b"".join(old.streaming_content) == PDF


def test_staff_replace_refuses_a_file_that_is_not_a_pdf(staff_client, item):
    document = add_document(item)
    replace = reverse("sessions:sessiondocument_replace", args=[document.pk])
    response = staff_client.post(
        replace, {"upload": SimpleUploadedFile("x.pdf", b"GIF89a......"), "published_at": ""}
    )
    assert response.status_code == 200
    assert "không phải là loại được phép" in response.content.decode()


def test_leader_reads_the_receipts_but_cannot_upload(leader_client, item):
    document = add_document(item, published_at=timezone.now())
    assert (
        leader_client.get(reverse("sessions:session_documents", args=[item.session_id])).status_code
        == 200
    )
    receipts = reverse("sessions:sessiondocument_receipts", args=[document.pk])
    assert leader_client.get(receipts).status_code == 200
    assert (
        leader_client.get(reverse("sessions:sessiondocument_create", args=[item.pk])).status_code
        == 403
    )
    assert (
        leader_client.post(
            reverse("sessions:sessiondocument_publish", args=[document.pk])
        ).status_code
        == 403
    )


def test_documents_page_runs_a_fixed_number_of_queries(
    staff_client, item, django_assert_num_queries
):
    for n in range(4):
        add_document(item, title=f"Tài liệu {n}", order=n, published_at=timezone.now())
    url = reverse("sessions:session_documents", args=[item.session_id])
    staff_client.get(url)  # the first request of a login reads more (its last use)
    # The same statements for 4 documents as for 8, with their read counts (no N+1).
    for total in (4, 8):
        with django_assert_num_queries(QUERIES):
            response = staff_client.get(url)
        assert response.content.decode().count("data-document=") == total
        for n in range(4):
            add_document(item, title=f"Thêm {n}", order=9, published_at=timezone.now())
