"""The register's pages: who may do what, another council's entries not found, uploads checked
with Vietnamese messages, the export read back, the list's statements bounded."""

from __future__ import annotations

import datetime as dt
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from core.roles import Role
from council.models import Council
from documents.models import DocumentSeries, OutgoingDocument
from documents.services import document_cancel, document_number_issue
from tests.helpers import council_client, post_form, xlsx_text

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def issue(council, code="TB", day=dt.date(2019, 3, 1), subject="Kết luận phiên họp", **kw):
    values = {"signer_name": "Đoàn Thị Hậu", "signer_title": "PHÓ CHỦ TỊCH", "recipients": ""}
    return document_number_issue(
        council=council, series_code=code, date=day, subject=subject, user=None, **values | kw
    )


def test_staff_gives_a_number_from_the_form(staff_client, council):
    issue(council)  # 01/TB-HĐND taken already
    url = reverse("documents:outgoingdocument_create")
    page = staff_client.get(url)
    assert "Cấp số văn bản" in page.content.decode()
    series = DocumentSeries.objects.get(council=council, code="TB")
    response = post_form(
        staff_client,
        url,
        {
            "series": series.pk,
            "date": "05/03/2019",
            "kind_label": "Thông báo kết luận",
            "subject": "Kết luận phiên họp Thường trực tháng 3",
            "signer_name": "Đoàn Thị Hậu",
            "signer_title": "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
            "recipients": "UBND tỉnh;\nLưu: VT.",
            "upload": SimpleUploadedFile(
                "du-thao.docx", _docx(), content_type="application/octet-stream"
            ),
        },
    )
    document = OutgoingDocument.objects.get(council=council, number=2)
    assert response.status_code == 302
    assert response["Location"] == document.get_absolute_url()
    assert document.reference == "02/TB-HĐND"
    assert document.file_name == "du-thao.docx"
    detail = staff_client.get(response["Location"]).content.decode()
    assert "Đã cấp số 02/TB-HĐND" in detail
    download = staff_client.get(reverse("documents:outgoingdocument_file", args=[document.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"PK")


def _docx() -> bytes:
    """A minimal .docx (a zip with a Word part), enough for the content check."""
    import zipfile

    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def test_the_form_shows_the_next_numbers_of_this_year(staff_client, council):
    from django.utils import timezone

    issue(council, day=timezone.localdate())
    page = staff_client.get(reverse("documents:outgoingdocument_create")).content.decode()
    assert "02/TB-HĐND" in page  # the thông báo's next
    assert "01/HĐND-VP" in page  # the công văn's first


def test_form_errors_are_in_vietnamese(staff_client, council):
    url = reverse("documents:outgoingdocument_create")
    response = post_form(staff_client, url, {"date": "31/02/2019"})
    errors = response.context["form"].errors
    assert errors["series"] == ["Chọn sổ văn bản."]
    assert errors["subject"] == ["Nhập trích yếu nội dung văn bản."]
    assert errors["date"] == ["Ngày không tồn tại."]
    assert not OutgoingDocument.objects.exists()


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"MZ\x90\x00 this is a program", "ban-ky.pdf", "không phải là loại được phép"),
        (PDF + b"0" * 200, "ban-ky.pdf", "Tệp quá lớn"),
    ],
)
def test_the_signed_copy_is_checked_with_vietnamese_messages(
    staff_client, council, settings, content, name, message
):
    settings.UPLOAD_MAX_BYTES = 150
    document = issue(council)
    url = reverse("documents:outgoingdocument_sign", args=[document.pk])
    response = staff_client.post(url, {"upload": SimpleUploadedFile(name, content)})
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["upload"])
    document.refresh_from_db()
    assert not document.signed_copy


def test_the_signed_copy_uploaded_becomes_the_official_file(staff_client, council):
    leader_client = council_client(council, "lanhdao-doc", Role.LEADER)
    document = issue(council)
    url = reverse("documents:outgoingdocument_sign", args=[document.pk])
    response = staff_client.post(url, {"upload": SimpleUploadedFile("ban-ky.pdf", PDF)})
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.official_file == document.signed_copy
    signed = reverse("documents:outgoingdocument_signed", args=[document.pk])
    download = leader_client.get(signed)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert "ban-ky.pdf" in download["Content-Disposition"]


def test_cancel_asks_a_reason_and_a_confirmation(staff_client, council):
    document = issue(council)
    url = reverse("documents:outgoingdocument_cancel", args=[document.pk])
    page = staff_client.get(url).content.decode()
    assert "không bao giờ được cấp lại" in page
    response = staff_client.post(url, {"reason": ""})
    errors = response.context["form"].errors
    assert errors["reason"] == ["Ghi lý do huỷ văn bản."]
    assert errors["confirm"] == ["Đánh dấu ô xác nhận để huỷ."]
    response = staff_client.post(url, {"reason": "Ghi sai ngày", "confirm": "on"})
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.is_cancelled and document.cancelled_by is not None
    detail = staff_client.get(response["Location"]).content.decode()
    assert "Văn bản đã bị huỷ" in detail and "Ghi sai ngày" in detail
    assert issue(council).number == 2


def test_the_correction_form_edits_the_text_not_the_number(staff_client, council):
    document = issue(council)
    url = reverse("documents:outgoingdocument_update", args=[document.pk])
    response = post_form(
        staff_client,
        url,
        {
            "subject": "Kết luận đã sửa",
            "kind_label": "Thông báo kết luận",
            "signer_name": "Hoàng Văn Nghiệm",
            "signer_title": "CHỦ TỊCH",
            "recipients": "UBND tỉnh",
            "number": 99,
        },
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert (document.subject, document.number) == ("Kết luận đã sửa", 1)


@pytest.mark.parametrize(
    "name", ["outgoingdocument_create", "documentseries_create", "outgoingdocument_update"]
)
def test_leaders_and_committee_members_read_but_do_not_write(
    leader_client, committee_user, client, council, name
):
    document = issue(council)
    url = reverse(f"documents:{name}", args=[document.pk] if name.endswith("update") else [])
    assert leader_client.get(url).status_code == 403
    assert leader_client.post(url, {}).status_code == 403
    for reader in (leader_client,):
        assert reader.get(reverse("documents:outgoingdocument_list")).status_code == 200
        assert reader.get(document.get_absolute_url()).status_code == 200
    client.force_login(committee_user)
    assert client.get(url).status_code == 403
    assert client.get(reverse("documents:documentseries_list")).status_code == 200


def test_a_delegate_opens_none_of_the_register(council, term):
    from accounts.services import delegate_account_create
    from council.models import Delegate

    delegate = Delegate.objects.create(term=term, full_name="Đại biểu A", birth_year=1975)
    user = delegate_account_create(delegate=delegate).user
    from django.test import Client

    client = Client()
    client.force_login(user)
    document = issue(council)
    for url in (
        reverse("documents:outgoingdocument_list"),
        document.get_absolute_url(),
        reverse("documents:outgoingdocument_export"),
        reverse("documents:documentseries_list"),
    ):
        assert client.get(url).status_code == 403, url


def test_another_councils_entries_are_not_found(council):
    neighbour = Council.objects.create(
        name="Hội đồng nhân dân tỉnh Bên Cạnh",
        short_name="HĐND tỉnh Bên Cạnh",
        place_name="Bên Cạnh",
        header_name="HĐND",
        secretariat_name="VP",
    )
    theirs = issue(neighbour, subject="Văn bản của tỉnh bên cạnh")
    mine = issue(council, subject="Văn bản của tỉnh mình")
    client = council_client(council, "chuyenvien-minh")
    for name in (
        "outgoingdocument_detail",
        "outgoingdocument_update",
        "outgoingdocument_cancel",
        "outgoingdocument_sign",
        "outgoingdocument_file",
        "outgoingdocument_signed",
    ):
        assert client.get(reverse(f"documents:{name}", args=[theirs.pk])).status_code == 404
    series = DocumentSeries.objects.get(council=neighbour, code="TB")
    assert client.get(series.get_absolute_url()).status_code == 404
    listing = client.get(reverse("documents:outgoingdocument_list")).content.decode()
    assert mine.subject in listing and theirs.subject not in listing
    # Its series cannot be chosen on the form either.
    response = post_form(
        client,
        reverse("documents:outgoingdocument_create"),
        {"series": series.pk, "date": "01/03/2019", "subject": "Mượn sổ"},
    )
    assert "series" in response.context["form"].errors
    assert not OutgoingDocument.objects.filter(subject="Mượn sổ").exists()


def test_the_list_searches_without_diacritics_and_filters(staff_client, council):
    issue(council, subject="Kết luận phiên họp tháng Ba")
    issue(council, code="CV", subject="V/v chuyển kiến nghị cử tri", signer_name="Hoàng Văn Nghiệm")
    cancelled = issue(council, code="GM", subject="Mời dự họp", day=dt.date(2019, 12, 2))
    document_cancel(document=cancelled, reason="Sai giờ", user=None)
    issue(council, day=dt.date(2020, 1, 5), subject="Thông báo năm mới")
    url = reverse("documents:outgoingdocument_list")

    def subjects(**params):
        response = staff_client.get(url, params)
        return sorted(row.record.subject for row in response.context["table"].rows)

    assert subjects(q="kien nghi cu tri") == ["V/v chuyển kiến nghị cử tri"]
    assert subjects(q="01/hdnd-vp") == ["V/v chuyển kiến nghị cử tri"]
    assert subjects(year=2020) == ["Thông báo năm mới"]
    assert subjects(status="cancelled") == ["Mời dự họp"]
    assert subjects(date_from="01/12/2019", date_to="31/12/2019") == ["Mời dự họp"]
    assert subjects(signer="Hoàng Văn Nghiệm") == ["V/v chuyển kiến nghị cử tri"]
    tb = DocumentSeries.objects.get(council=council, code="TB")
    assert subjects(series=tb.pk, year=2019) == ["Kết luận phiên họp tháng Ba"]
    assert len(subjects(sort="-reference")) == 4


def test_an_empty_register_says_what_to_do(staff_client, council):
    page = staff_client.get(reverse("documents:outgoingdocument_list")).content.decode()
    assert "Sổ văn bản đi chưa có văn bản nào." in page
    assert "Cấp số văn bản" in page


def test_the_list_takes_a_bounded_number_of_statements(
    staff_client, council, django_assert_max_num_queries
):
    for i in range(30):
        issue(council, code=("TB", "CV", "GM")[i % 3], subject=f"Văn bản {i}")
    url = reverse("documents:outgoingdocument_list")
    staff_client.get(url)  # sessions, roles: warmed
    with django_assert_max_num_queries(14) as first:
        staff_client.get(url)
    for i in range(30):
        issue(council, code="KH", subject=f"Kế hoạch {i}")
    with django_assert_max_num_queries(len(first.captured_queries)):
        staff_client.get(url + "?page=2")


def test_the_export_reads_back(staff_client, council):
    issue(council, kind_label="Thông báo kết luận", recipients="UBND tỉnh;\nLưu: VT.")
    issue(council, code="CV", subject='=HYPERLINK("http://x")')
    response = staff_client.get(reverse("documents:outgoingdocument_export"), {"year": 2019})
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(BytesIO(response.content)).active
    rows = [[xlsx_text(c) for c in row] for row in sheet.iter_rows(values_only=True)]
    assert rows[0][:4] == ["Số, ký hiệu", "Số", "Năm", "Ngày văn bản"]
    by_ref = {row[0]: row for row in rows[1:]}
    assert set(by_ref) == {"01/TB-HĐND", "01/HĐND-VP"}
    tb = by_ref["01/TB-HĐND"]
    assert tb[1:3] == [1, 2019]
    assert tb[3].date() == dt.date(2019, 3, 1)
    assert tb[5] == "Thông báo kết luận"
    assert tb[9] == "UBND tỉnh; Lưu: VT."
    assert tb[10] == "Đã cấp số"
    assert by_ref["01/HĐND-VP"][6].startswith("'=")  # a formula stays text


def test_staff_edit_a_series_but_not_its_code(staff_client, council):
    series = DocumentSeries.objects.get(council=council, code="GM")
    url = reverse("documents:documentseries_update", args=[series.pk])
    response = post_form(
        staff_client,
        url,
        {
            "code": "XX",
            "name": "Giấy mời",
            "symbol": "GM-TTHĐND",
            "yearly_reset": "on",
            "is_active": "on",
            "order": 30,
        },
    )
    assert response.status_code == 302
    series.refresh_from_db()
    assert (series.code, series.symbol) == ("GM", "GM-TTHĐND")


def test_a_series_code_is_unique_per_council(staff_client, council):
    response = post_form(
        staff_client,
        reverse("documents:documentseries_create"),
        {"code": "tb", "name": "Thông báo 2", "symbol": "TB2-HĐND", "order": 1},
    )
    assert response.status_code == 200
    assert "HĐND đã có sổ văn bản với mã này." in response.content.decode()
    response = post_form(
        staff_client,
        reverse("documents:documentseries_create"),
        {"code": "TTr", "name": "Tờ trình", "symbol": "TTr-HĐND", "order": 70},
    )
    assert response.status_code == 302
    assert DocumentSeries.objects.filter(council=council, code="TTR").exists()


def test_a_council_without_series_gets_the_usual_ones_from_the_page(staff_client, council):
    DocumentSeries.objects.filter(council=council).delete()
    form = staff_client.get(reverse("documents:outgoingdocument_create")).content.decode()
    assert "Tạo các sổ thường dùng" in form
    response = staff_client.post(reverse("documents:documentseries_defaults"))
    assert response.status_code == 302
    assert DocumentSeries.objects.filter(council=council).count() == 6
    assert staff_client.get(reverse("documents:documentseries_defaults")).status_code == 405


def test_the_menu_links_the_register(staff_client, council):
    page = staff_client.get(reverse("home")).content.decode()
    assert reverse("documents:outgoingdocument_list") in page


def test_a_committee_member_role_is_read_only(committee_user, council, client):
    assert Role.COMMITTEE_MEMBER  # the role the fixture's login has
    client.force_login(committee_user)
    document = issue(council)
    assert client.get(document.get_absolute_url()).status_code == 200
    cancel = reverse("documents:outgoingdocument_cancel", args=[document.pk])
    assert client.post(cancel, {"reason": "x", "confirm": "on"}).status_code == 403
    document.refresh_from_db()
    assert not document.is_cancelled
