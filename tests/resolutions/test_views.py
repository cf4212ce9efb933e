from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from core.text import fold
from resolutions.models import Resolution, ResolutionAttachment, ResolutionField
from resolutions.services import resolution_attachment_add, resolution_series
from tests.helpers import post_form

from .test_services import EXE, PDF

pytestmark = pytest.mark.django_db


def _form_data(session, **overrides) -> dict:
    data = {
        "is_normative": "on",
        "number": "",
        "adopted_date": "12/12/2019",
        "effective_date": "22/12/2019",
        "session": session.pk,
        "title": "Ban hành Bảng giá đất giai đoạn 2020 - 2024",
        "votes_for": "9",
        "votes_against": "0",
        "votes_abstain": "0",
        "delegates_present": "9",
        "signer": "Hoàng Văn Nghiệm",
        "status": "in_force",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def test_staff_creates_a_resolution_with_the_next_number(staff_client, council, session, delegates):
    response = post_form(
        staff_client, reverse("resolutions:resolution_create"), _form_data(session)
    )
    r = Resolution.objects.get()
    assert response.status_code == 302
    assert response.url == r.get_absolute_url()
    assert r.symbol == "01/2019/NQ-HĐND"
    assert r.term == session.term


def test_the_form_says_why_too_few_votes_do_not_pass(staff_client, session, delegates):
    response = post_form(
        staff_client, reverse("resolutions:resolution_create"), _form_data(session, votes_for="5")
    )
    assert response.status_code == 200
    assert "cần ít nhất 6 phiếu tán thành" in response.content.decode()
    assert not Resolution.objects.exists()


def test_the_form_rejects_a_duplicate_number(staff_client, session, make_resolution):
    make_resolution(number=4, is_normative=True)
    response = post_form(
        staff_client, reverse("resolutions:resolution_create"), _form_data(session, number="4")
    )
    assert response.status_code == 200
    assert "Số 04/2019/NQ-HĐND đã được dùng" in response.content.decode()


def test_staff_edits_a_resolution(staff_client, session, make_resolution):
    r = make_resolution(number=4)
    response = post_form(
        staff_client,
        reverse("resolutions:resolution_update", args=[r.pk]),
        _form_data(session, is_normative=None, number="4", title="Tiêu đề mới về Đất đai"),
    )
    assert response.status_code == 302
    r.refresh_from_db()
    assert r.title == "Tiêu đề mới về Đất đai"
    assert r.search_text == "04/nq-hdnd tieu de moi ve dat dai"


@pytest.mark.parametrize("client_name", ["leader_client", "committee_client"])
def test_leader_and_committee_member_cannot_edit_resolutions(
    request, client_name, session, make_resolution
):
    client = request.getfixturevalue(client_name)
    r = make_resolution()
    for url in [
        reverse("resolutions:resolution_create"),
        reverse("resolutions:resolution_update", args=[r.pk]),
        reverse("resolutions:resolution_delete", args=[r.pk]),
        reverse("resolutions:resolutionrelation_create", args=[r.pk]),
        reverse("resolutions:resolutionattachment_create", args=[r.pk]),
        reverse("resolutions:resolutionfield_create"),
    ]:
        assert client.post(url, _form_data(session)).status_code == 403, url
    assert client.get(r.get_absolute_url()).status_code == 200
    assert client.get(reverse("resolutions:resolution_list")).status_code == 200


def test_anonymous_visitor_is_sent_to_login(client, make_resolution, media_root):
    r = make_resolution()
    a = resolution_attachment_add(resolution=r, upload=SimpleUploadedFile("a.pdf", PDF))
    for url in [
        reverse("resolutions:resolution_list"),
        r.get_absolute_url(),
        reverse("resolutions:resolution_export_xlsx"),
        reverse("resolutions:resolutionattachment_download", args=[a.pk]),
    ]:
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))


def test_attachment_is_served_as_a_download_to_logged_in_users(
    leader_client, make_resolution, media_root
):
    r = make_resolution()
    a = resolution_attachment_add(resolution=r, upload=SimpleUploadedFile("NQ 01.pdf", PDF))
    response = leader_client.get(reverse("resolutions:resolutionattachment_download", args=[a.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content) == PDF


def test_upload_form_rejects_a_renamed_executable(staff_client, make_resolution, media_root):
    r = make_resolution()
    response = post_form(
        staff_client,
        reverse("resolutions:resolutionattachment_create", args=[r.pk]),
        {"kind": "signed", "upload": SimpleUploadedFile("nghi-quyet.pdf", EXE)},
    )
    assert response.status_code == 200
    assert "không phải là loại được phép" in response.content.decode()
    assert not ResolutionAttachment.objects.exists()


def test_relation_recorded_from_the_page_shows_on_both_detail_pages(staff_client, make_resolution):
    old = make_resolution(number=1, is_normative=True, title="Quy định cũ")
    new = make_resolution(number=2, is_normative=True, title="Quy định mới")
    response = post_form(
        staff_client,
        reverse("resolutions:resolutionrelation_create", args=[new.pk]),
        {"kind": "replaces", "target": old.pk, "note": ""},
    )
    assert response.status_code == 302
    old.refresh_from_db()
    assert old.status == Resolution.Status.REPLACED
    source_page = staff_client.get(new.get_absolute_url()).content.decode()
    target_page = staff_client.get(old.get_absolute_url()).content.decode()
    assert "Thay thế" in source_page and "01/2019/NQ-HĐND" in source_page
    assert "Bị thay thế bởi" in target_page and "02/2019/NQ-HĐND" in target_page


def _bulk_register(council, term, count: int) -> None:
    field = ResolutionField.objects.create(name="Đất đai")
    rows = []
    for n in range(1, count + 1):
        r = Resolution(
            council=council,
            term=term,
            number=n,
            year=2019,
            is_normative=n % 3 == 0,
            adopted_date=dt.date(2019, 1, 1) + dt.timedelta(days=n % 300),
            title=f"Nghị quyết số {n} về đất đai",
            field=field,
        )
        r.series = resolution_series(council=council, is_normative=r.is_normative)
        r.number = n
        r.search_text = fold(f"{r.symbol} {r.title}")
        rows.append(r)
    Resolution.objects.bulk_create(rows)


@pytest.mark.postgres  # counts the planner settings of a search page (PostgreSQL only)
@pytest.mark.parametrize("count", [10, 500])
def test_register_query_count_does_not_grow_with_rows(
    count, staff_client, council, term, django_assert_num_queries
):
    _bulk_register(council, term, count)
    url = reverse("resolutions:resolution_list") + "?q=dat+dai&sort=-adopted_date"
    staff_client.get(url)  # the session's first request reads more
    # Same count for 10 and for 500 rows: the session, the user, his roles, the current
    # council, the filter's drop-downs, the matches of the search, the page's keys among them,
    # the planner settings of a search page (core.paginators.SearchPaginator), the 25 rows with
    # their relations joined, and (inside the test's transaction only) resetting the settings.
    with django_assert_num_queries(EXPECTED_REGISTER_QUERIES):
        response = staff_client.get(url)
    assert response.status_code == 200
    assert response.content.decode().count("/nghi-quyet/") >= min(count, 25)


# The session, the user and his roles (3), the current council (1), the search's matches (1),
# the page's keys among them (1), the planner settings (1), the page's rows (1), resetting the
# settings (1), the filter's drop-downs of terms, sessions and fields (3).
EXPECTED_REGISTER_QUERIES = 12


def test_export_xlsx_contains_the_filtered_register_with_vietnamese_headers(
    staff_client, make_resolution
):
    make_resolution(number=1, is_normative=True, title="Bảng giá đất đai")
    make_resolution(number=7, title="Dự toán ngân sách")
    response = staff_client.get(
        reverse("resolutions:resolution_export_xlsx") + "?is_normative=true"
    )
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("Số, ký hiệu", "Ngày thông qua", "Ngày có hiệu lực", "Trích yếu")
    assert len(rows) == 2
    assert rows[1][0] == "01/2019/NQ-HĐND"
    assert rows[1][1].date() == dt.date(2019, 12, 12)
    assert rows[1][3] == "Bảng giá đất đai"
    assert rows[1][4] == "Quy phạm pháp luật"
    assert rows[1][-1] == "Còn hiệu lực"


def test_export_csv_reads_back(staff_client, make_resolution):
    make_resolution(number=7, title="Dự toán ngân sách")
    response = staff_client.get(reverse("resolutions:resolution_export_csv") + "?q=du+toan")
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][0] == "Số, ký hiệu"
    assert rows[1][:2] == ["07/NQ-HĐND", "12/12/2019"]


def test_register_links_from_the_dashboard_filter(staff_client, make_resolution):
    field = ResolutionField.objects.create(name="Giám sát")
    make_resolution(number=1, is_normative=True, title="Quy định A")
    make_resolution(number=2, field=field, title="Chương trình giám sát")
    response = staff_client.get(
        reverse("resolutions:resolution_list")
        + f"?year=2019&is_normative=false&status=in_force&field={field.pk}"
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Chương trình giám sát" in page
    assert "Quy định A" not in page


def test_field_taxonomy_is_editable_by_staff(staff_client):
    response = post_form(
        staff_client,
        reverse("resolutions:resolutionfield_create"),
        {"name": "Đầu tư công", "order": 2},
    )
    assert response.status_code == 302
    assert ResolutionField.objects.filter(name="Đầu tư công").exists()


def test_an_edit_based_on_a_stale_copy_is_refused(staff_client, session, make_resolution):
    r = make_resolution(number=4, title="Bản đầu")
    url = reverse("resolutions:resolution_update", args=[r.pk])
    form_page = staff_client.get(url).content.decode()
    assert 'name="version_token"' in form_page
    stale_token = r.updated_at.isoformat()
    from resolutions.services import resolution_update

    resolution_update(resolution=Resolution.objects.get(pk=r.pk), title="Người khác đã sửa")
    response = staff_client.post(
        url,
        _form_data(
            session, is_normative=None, number="4", title="Bản của tôi", version_token=stale_token
        ),
    )
    assert response.status_code == 200
    assert "CHƯA được lưu" in response.content.decode()
    r.refresh_from_db()
    assert r.title == "Người khác đã sửa"


def _options(body: str, name: str) -> set[int]:
    import re

    select = re.search(rf'<select name="{name}".*?</select>', body, re.S)
    assert select, name
    return {int(pk) for pk in re.findall(r'value="(\d+)"', select.group(0))}


def test_the_form_offers_the_sessions_of_the_adoption_dates_term(
    staff_client, council, term, session, make_resolution, organization
):
    """Sessions and inter-session matters of the term of the adoption date (asked for with
    ?adopted_date= when the user types one: static/js/app.js), else of the latest term, and
    whatever the resolution has; any session of the council is still accepted."""
    from council.models import InterSessionMatter, Term
    from sessions.models import Session

    later = Term.objects.create(
        council=council, ordinal=10, roman="X", start_date=dt.date(2021, 6, 1)
    )
    recent = Session.objects.create(
        term=later, number=2, start_date=dt.date(2022, 7, 1), end_date=dt.date(2022, 7, 2)
    )
    old_matter = InterSessionMatter.objects.create(
        term=term,
        received_date=dt.date(2019, 3, 1),
        subject="Điều chỉnh dự toán",
        submitted_by=organization,
    )
    url = reverse("resolutions:resolution_create")
    body = staff_client.get(url).content.decode()
    assert _options(body, "session") == {recent.pk}  # no date yet: the latest term
    assert _options(body, "ratified_matters") == set()
    assert 'data-follows="adopted_date"' in body
    body = staff_client.get(url, {"adopted_date": "12/12/2019"}).content.decode()
    assert _options(body, "session") == {session.pk}
    assert _options(body, "ratified_matters") == {old_matter.pk}
    assert 'value="12/12/2019"' in body  # the date typed stays in the form
    assert _options(staff_client.get(url, {"adopted_date": "31/02/2019"}).content.decode(),
                    "session") == {recent.pk}  # fmt: skip
    # Editing keeps the resolution's own session on offer, whatever the term.
    resolution = make_resolution()
    edit = reverse("resolutions:resolution_update", args=[resolution.pk])
    body = staff_client.get(edit, {"adopted_date": "01/08/2022"}).content.decode()
    assert _options(body, "session") == {recent.pk, session.pk}
    # A session outside the offered ones is still a valid choice (the service checks dates).
    response = post_form(
        staff_client, url, _form_data(session, adopted_date="12/12/2019", number="7")
    )
    assert response.status_code == 302, response.content.decode()[:2000]
