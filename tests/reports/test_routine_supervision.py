"""The supervision plan (reports.routine.supervision_plan) and the report of a supervision's
results with its recommendations (reports.routine.supervision_report): their texts from an
oversight activity and the council, the sections numbered whatever the template keeps, the
recommendations grouped and tabled, the activity taking the register's numbers, and both files
read back."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from council.models import Delegate, Organization
from documents.composition import Composed
from documents.models import OutgoingDocument
from documents.services import series_defaults_ensure
from oversight.models import Actor, Kind, OversightActivity, OversightRecommendation
from oversight.selectors import activity_document_facts
from oversight.services import activity_save, recommendation_save
from reports.routine import issue, registry, supervision_plan, supervision_report
from reports.routine.base import Issued
from tests.reports.conftest import pdf_text

pytestmark = pytest.mark.django_db

D = dt.date
PLAN_DAY = D(2019, 4, 25)
PLAN = supervision_plan.ROUTINE
REPORT = supervision_report.ROUTINE
TOPIC = "Giám sát việc thực hiện chính sách hỗ trợ học sinh bán trú"
FINDINGS = (
    "Các cơ quan đã triển khai kịp thời chính sách hỗ trợ học sinh bán trú.\n"
    "- Một số trường chưa bảo đảm chỗ ở cho học sinh."
)
RECOMMENDATIONS = [
    ("finance", "Bố trí đủ kinh phí hỗ trợ tiền ăn cho học sinh bán trú", D(2019, 9, 30)),
    ("education", "Rà soát, sửa chữa nhà ở bán trú xuống cấp", D(2019, 12, 31)),
    ("finance", "Hướng dẫn thanh quyết toán kinh phí hỗ trợ năm 2018", None),
    ("education", "Bổ sung nhân viên cấp dưỡng cho trường phổ thông dân tộc bán trú", None),
    ("education", "Kiểm tra việc chi trả gạo hỗ trợ học sinh", D(2019, 10, 15)),
    ("finance", "Ưu tiên vốn đầu tư công cho ký túc xá học sinh", D(2020, 3, 31)),
    ("education", "Tăng cường quản lý học sinh ngoài giờ học", D(2019, 11, 30)),
]


@pytest.fixture
def organizations(db) -> dict[str, Organization]:
    return {
        "finance": Organization.objects.create(name="Sở Tài chính", kind="department"),
        "education": Organization.objects.create(name="Sở Giáo dục và Đào tạo", kind="department"),
    }


@pytest.fixture
def members(term, committee) -> list[Delegate]:
    return [
        Delegate.objects.create(
            term=term, full_name="Hoàng Văn Thử", job_title="Trưởng Ban Văn hóa - Xã hội"
        ),
        Delegate.objects.create(term=term, full_name="Lương Thị Nghiệm"),
    ]


@pytest.fixture
def activity(term, committee, organizations, members, staff_user) -> OversightActivity:
    """A thematic supervision of the Thường trực, a Ban in charge, two bodies supervised, two
    members, its results recorded."""
    series_defaults_ensure(council=term.council)
    return activity_save(
        activity=OversightActivity(
            term=term,
            actor=Actor.STANDING,
            committee=committee,
            kind=Kind.THEMATIC_SUPERVISION,
            topic=TOPIC,
            establishing_number="Quyết định số 15/QĐ-HĐND ngày 20/3/2019",
            start_date=D(2019, 5, 6),
            end_date=D(2019, 5, 17),
            notes=FINDINGS,
        ),
        supervised_organizations=list(organizations.values()),
        members=members,
        user=staff_user,
    )


def _recommend(activity, organizations, rows=RECOMMENDATIONS) -> list[OversightRecommendation]:
    return [
        recommendation_save(
            recommendation=OversightRecommendation(
                activity=activity, addressee=organizations[key], content=content, deadline=day
            )
        )
        for key, content, day in rows
    ]


def _issued(reference="05/KH-HĐND", day=PLAN_DAY) -> Issued:
    return Issued(
        reference=reference,
        number_line=f"Số: {reference}",
        place_date=f"Thử Nghiệm, ngày {day.day:02d} tháng {day.month} năm {day.year}",
        date=day,
        header_lines=["HỘI ĐỒNG NHÂN DÂN", "TỈNH THỬ NGHIỆM"],
    )


def _draft(routine, council, activity, day=PLAN_DAY):
    return issue.routine_draft(routine=routine, source=activity, council=council, today=day)


def _texts(composed: Composed) -> list[str]:
    return [block.text for block in composed.blocks if block.text]


def _headings(composed: Composed) -> list[str]:
    return [block.text for block in composed.blocks if block.kind == "heading"]


# --- registry and drafts -----------------------------------------------------------------


def test_both_are_registered_under_their_template_kinds():
    assert registry.routine_kind("supervision_plan") is PLAN
    assert registry.routine_kind("supervision_report") is REPORT
    assert (PLAN.defaults.series_code, PLAN.defaults.doc_type) == ("KH", "KẾ HOẠCH")
    assert (REPORT.defaults.series_code, REPORT.defaults.doc_type) == ("BC", "BÁO CÁO")
    assert PLAN.model is OversightActivity and REPORT.model is OversightActivity


def test_every_placeholder_the_defaults_use_is_documented_and_filled(council, activity):
    from documents.templating import placeholders_in

    for routine in (PLAN, REPORT):
        d = routine.defaults
        used = placeholders_in(" ".join([d.subject, d.opening, d.closing, d.recipients]))
        known = {**issue.COMMON_PLACEHOLDERS, **routine.placeholders}
        assert set(used) <= set(known), routine.kind
        values = routine.values(activity)
        assert set(routine.placeholders) == set(values)
        draft = _draft(routine, council, activity)
        for text in (draft.subject, draft.opening, draft.closing, *draft.recipients):
            assert "{" not in text, (routine.kind, text)


def test_plan_draft_names_the_basis_the_body_and_the_topic(council, activity):
    draft = _draft(PLAN, council, activity)
    assert draft.subject == TOPIC
    assert draft.doc_type == "KẾ HOẠCH"
    assert draft.addressees == []
    assert "Thực hiện Quyết định số 15/QĐ-HĐND ngày 20/3/2019;" in draft.opening
    assert (
        "Thường trực HĐND tỉnh ban hành Kế hoạch giám sát việc thực hiện chính sách hỗ trợ "
        "học sinh bán trú như sau:" in draft.opening
    )
    assert "Văn phòng HĐND tỉnh Thử Nghiệm" in draft.closing
    assert draft.recipients[:3] == [
        "Thường trực HĐND tỉnh;",
        "Các Ban của HĐND tỉnh;",
        "UBND tỉnh;",
    ]


def test_report_draft_carries_the_recorded_results_for_the_clerk_to_complete(council, activity):
    draft = _draft(REPORT, council, activity)
    assert draft.subject == ("Kết quả giám sát việc thực hiện chính sách hỗ trợ học sinh bán trú")
    assert (
        "Thực hiện Quyết định số 15/QĐ-HĐND ngày 20/3/2019, từ ngày 06/05/2019 đến ngày "
        "17/05/2019, Thường trực HĐND tỉnh đã tiến hành giám sát việc thực hiện chính sách"
        in draft.opening
    )
    assert "Sở Giáo dục và Đào tạo, Sở Tài chính" in draft.opening
    assert draft.opening.endswith(FINDINGS)


def test_the_councils_own_level_word_and_body(council, activity, committee):
    council.level_name = "đặc khu"
    council.save()
    draft = _draft(PLAN, council, activity)
    assert "Thường trực HĐND đặc khu ban hành" in draft.opening
    assert "UBND đặc khu;" in draft.recipients

    activity.actor = Actor.COMMITTEE
    activity_save(activity=activity)
    assert PLAN.values(activity)["chu_the"] == "Ban Kinh tế - Ngân sách HĐND đặc khu"
    activity.actor = Actor.COUNCIL
    activity_save(activity=activity)
    assert PLAN.values(activity)["chu_the"] == "Đoàn giám sát của HĐND đặc khu"


def test_a_topic_without_its_form_word_gets_it_and_a_basis_falls_back(council, activity):
    activity.topic = "Việc quản lý khoáng sản"
    activity.kind = Kind.SURVEY
    activity.establishing_number = ""
    activity_save(activity=activity)
    values = PLAN.values(activity)
    assert values["chuyen_de"] == "Khảo sát việc quản lý khoáng sản"
    assert values["chuyen_de_thuong"] == "khảo sát việc quản lý khoáng sản"
    assert values["can_cu"] == "Chương trình công tác năm 2019 của Thường trực HĐND tỉnh"


# --- the plan's layout -------------------------------------------------------------------


def test_plan_compose_lays_out_four_sections_with_the_activitys_facts(council, activity):
    composed = PLAN.compose(
        source=activity, draft=_draft(PLAN, council, activity), issued=_issued()
    )
    assert _headings(composed) == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. NỘI DUNG, ĐỐI TƯỢNG, PHẠM VI GIÁM SÁT",
        "III. PHƯƠNG THỨC, THỜI GIAN GIÁM SÁT",
        "IV. TỔ CHỨC THỰC HIỆN",
    ]
    texts = _texts(composed)
    for expected in (
        f"1. Nội dung: {TOPIC}.",
        "2. Đối tượng chịu sự giám sát:",
        "- Sở Giáo dục và Đào tạo;",
        "- Sở Tài chính.",
        "3. Phạm vi: trên địa bàn tỉnh Thử Nghiệm.",
        "1. Chủ thể giám sát: Thường trực HĐND tỉnh; Ban Kinh tế - Ngân sách HĐND tỉnh chủ "
        "trì tham mưu.",
        "2. Thành phần Đoàn giám sát:",
        "- Hoàng Văn Thử, Trưởng Ban Văn hóa - Xã hội;",
        "- Lương Thị Nghiệm.",
        "4. Thời gian: từ ngày 06/05/2019 đến ngày 17/05/2019.",
    ):
        assert expected in texts, expected
    assert composed.number_line == "Số: 05/KH-HĐND"
    assert composed.doc_type == "KẾ HOẠCH"
    assert composed.subject == TOPIC
    assert composed.header_lines == ["HỘI ĐỒNG NHÂN DÂN", "TỈNH THỬ NGHIỆM"]
    assert composed.addressees == []
    assert composed.recipients[-1] == "- Lưu: VT."
    assert composed.signature.authority == "TM. THƯỜNG TRỰC HĐND"
    assert composed.appendix is None
    assert composed.title == "Kế hoạch giám sát số 05/KH-HĐND"
    assert Composed.from_json(composed.to_json()) == composed


def test_sections_are_numbered_in_the_order_the_template_keeps_them(council, activity):
    """A template without section I (and a closing still saying "IV.") numbers on: I, II, III."""
    draft = _draft(PLAN, council, activity)
    draft = replace(draft, opening="Thực hiện chương trình công tác năm 2019;")
    composed = PLAN.compose(source=activity, draft=draft, issued=_issued())
    assert _headings(composed) == [
        "I. NỘI DUNG, ĐỐI TƯỢNG, PHẠM VI GIÁM SÁT",
        "II. PHƯƠNG THỨC, THỜI GIAN GIÁM SÁT",
        "III. TỔ CHỨC THỰC HIỆN",
    ]


def test_plan_may_issue_for_a_supervision_naming_whom_it_supervises(term, activity):
    assert PLAN.may_issue(activity) == ""
    bare = activity_save(
        activity=OversightActivity(
            term=term, actor=Actor.STANDING, kind=Kind.THEMATIC_SUPERVISION,
            topic="Giám sát", start_date=D(2019, 5, 6),
        )
    )  # fmt: skip
    assert "chưa ghi cơ quan chịu sự giám sát" in PLAN.may_issue(bare)
    bare.kind = Kind.QUESTIONING_INTERSESSION
    activity_save(activity=bare)
    assert "Chỉ lập văn bản này" in PLAN.may_issue(bare)
    assert "Chỉ lập văn bản này" in REPORT.may_issue(bare)


# --- the report's layout -----------------------------------------------------------------


def test_report_lists_each_recommendation_by_addressee_without_appendix_when_few(
    council, activity, organizations
):
    _recommend(activity, organizations, RECOMMENDATIONS[:3])
    composed = REPORT.compose(
        source=activity, draft=_draft(REPORT, council, activity), issued=_issued("07/BC-HĐND")
    )
    assert _headings(composed) == ["I. KẾT QUẢ GIÁM SÁT", "II. KIẾN NGHỊ"]
    texts = _texts(composed)
    start = texts.index("II. KIẾN NGHỊ")
    assert texts[start + 1 : start + 7] == [
        "1. Đối với Sở Tài chính:",
        "- Bố trí đủ kinh phí hỗ trợ tiền ăn cho học sinh bán trú (thời hạn thực hiện: "
        "30/09/2019).",
        "- Hướng dẫn thanh quyết toán kinh phí hỗ trợ năm 2018.",
        "2. Đối với Sở Giáo dục và Đào tạo:",
        "- Rà soát, sửa chữa nhà ở bán trú xuống cấp (thời hạn thực hiện: 31/12/2019).",
        texts[start + 6],
    ]
    assert texts[start + 6].startswith("Trên đây là báo cáo kết quả giám sát việc")
    assert "Các cơ quan đã triển khai kịp thời chính sách hỗ trợ học sinh bán trú." in texts
    assert "- Một số trường chưa bảo đảm chỗ ở cho học sinh." in texts
    assert composed.appendix is None
    assert composed.doc_type == "BÁO CÁO"
    assert composed.title == "Báo cáo kết quả giám sát số 07/BC-HĐND"


def test_many_recommendations_are_tabled_in_an_appendix_too(council, activity, organizations):
    _recommend(activity, organizations)
    composed = REPORT.compose(
        source=activity,
        draft=_draft(REPORT, council, activity),
        issued=_issued("07/BC-HĐND", D(2019, 5, 24)),
    )
    assert "Danh sách 07 kiến nghị tại Phụ lục kèm theo Báo cáo này." in _texts(composed)
    appendix = composed.appendix
    assert appendix.title == "PHỤ LỤC"
    assert appendix.note == (
        "(Kèm theo Báo cáo số 07/BC-HĐND ngày 24/05/2019 của Thường trực HĐND tỉnh)"
    )
    (table,) = composed.tables()
    assert table.columns == ["STT", "Cơ quan thực hiện", "Nội dung kiến nghị", "Thời hạn"]
    assert table.rows[0] == [
        "1", "Sở Tài chính", "Bố trí đủ kinh phí hỗ trợ tiền ăn cho học sinh bán trú", "30/09/2019",
    ]  # fmt: skip
    assert table.rows[2] == [
        "3", "Sở Tài chính", "Hướng dẫn thanh quyết toán kinh phí hỗ trợ năm 2018", "",
    ]  # fmt: skip
    assert [row[0] for row in table.rows] == [str(n) for n in range(1, 8)]


def test_report_may_issue_once_finished_or_with_recommendations(activity, organizations):
    assert REPORT.may_issue(activity) == ""
    activity.end_date = None
    activity_save(activity=activity)
    assert "chưa kết thúc" in REPORT.may_issue(activity)
    _recommend(activity, organizations, RECOMMENDATIONS[:1])
    assert REPORT.may_issue(activity) == ""


def test_the_facts_read_in_four_queries_however_many_rows(
    activity, organizations, django_assert_num_queries
):
    fresh = OversightActivity.objects.get(pk=activity.pk)
    with django_assert_num_queries(4):
        facts = activity_document_facts(activity=fresh)
        [r.addressee.name for r in facts.recommendations]
    _recommend(activity, organizations)
    with django_assert_num_queries(4):
        facts = activity_document_facts(activity=fresh)
        names = [r.addressee.name for r in facts.recommendations]
        bodies = (facts.activity.committee.name, facts.council.level_word)
    assert len(names) == 7
    assert bodies == ("Ban Kinh tế - Ngân sách", "tỉnh")


def test_compose_writes_nothing_and_reads_a_bounded_number_of_statements(
    council, activity, organizations
):
    draft = _draft(REPORT, council, activity)
    _recommend(activity, organizations, RECOMMENDATIONS[:1])
    with CaptureQueriesContext(connection) as few:
        REPORT.compose(source=activity, draft=draft, issued=_issued())
    _recommend(activity, organizations, RECOMMENDATIONS[1:])
    with CaptureQueriesContext(connection) as many:
        REPORT.compose(source=activity, draft=draft, issued=_issued())
        PLAN.compose(source=activity, draft=_draft(PLAN, council, activity), issued=_issued())
    assert len(few) == 4
    statements = [q["sql"].split()[0].upper() for q in many.captured_queries]
    assert set(statements) == {"SELECT"}


# --- issued, and read back from both files ----------------------------------------------


def _docx_text(data: bytes) -> str:
    from docx import Document

    document = Document(BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    for section in document.sections:
        parts.extend(p.text for p in section.header.paragraphs)
    return re.sub(r"\s+", " ", "\n".join(parts))


def _both_files(entry: OutgoingDocument) -> list[tuple[str, str]]:
    from reports.routine.render import composed_pdf

    composed = Composed.from_json(OutgoingDocument.objects.get(pk=entry.pk).content)
    # pypdf reads a kerned "IV." as "IV ."
    files = [("pdf", pdf_text(composed_pdf(composed)).replace(" .", "."))]
    try:
        from reports.routine.docx import composed_docx
    except ImportError:  # the .docx writer not landed yet: the PDF alone (_docx_checked skips)
        return files
    files.append(("docx", _docx_text(composed_docx(composed))))
    return files


def _docx_checked(files: list[tuple[str, str]]) -> str:
    if "docx" not in dict(files):
        pytest.skip("reports.routine.docx is not there yet: the PDF alone was read back")
    return dict(files)["docx"]


def test_issued_plan_reads_back_and_the_activity_takes_its_number(council, activity, staff_user):
    draft = _draft(PLAN, council, activity)
    draft = replace(draft, signer_name="Nguyễn Văn Chủ Tịch")
    entry = issue.routine_document_issue(
        routine=PLAN, source=activity, council=council, draft=draft, user=staff_user
    )
    assert entry.reference == "01/KH-HĐND"
    assert entry.kind_label == "Kế hoạch giám sát"
    assert entry.source == activity
    assert OversightActivity.objects.get(pk=activity.pk).plan_number == "01/KH-HĐND"

    files = _both_files(entry)
    for name, text in files:
        for expected in (
            "HỘI ĐỒNG NHÂN DÂN",
            "Số: 01/KH-HĐND",
            "Thử Nghiệm, ngày 25 tháng 4 năm 2019",
            "KẾ HOẠCH",
            TOPIC,
            "I. MỤC ĐÍCH, YÊU CẦU",
            "II. NỘI DUNG, ĐỐI TƯỢNG, PHẠM VI GIÁM SÁT",
            "- Sở Giáo dục và Đào tạo;",
            "III. PHƯƠNG THỨC, THỜI GIAN GIÁM SÁT",
            "- Hoàng Văn Thử, Trưởng Ban Văn hóa - Xã hội;",
            "4. Thời gian: từ ngày 06/05/2019 đến ngày 17/05/2019.",
            "IV. TỔ CHỨC THỰC HIỆN",
            "- Thường trực HĐND tỉnh;",
            "- Các cơ quan, đơn vị chịu sự giám sát;",
            "- Lưu: VT.",
            "TM. THƯỜNG TRỰC HĐND",
            "CHỦ TỊCH",
            "Nguyễn Văn Chủ Tịch",
        ):
            assert expected in text, (name, expected)
    _docx_checked(files)


def test_issued_report_reads_back_with_every_recommendation(
    council, activity, organizations, staff_user
):
    _recommend(activity, organizations)
    draft = _draft(REPORT, council, activity, day=D(2019, 5, 24))
    entry = issue.routine_document_issue(
        routine=REPORT, source=activity, council=council, draft=draft, user=staff_user
    )
    assert entry.reference == "01/BC-HĐND"
    activity = OversightActivity.objects.get(pk=activity.pk)
    assert (activity.result_report_number, activity.result_report_date) == (
        "01/BC-HĐND",
        D(2019, 5, 24),
    )

    files = _both_files(entry)
    for name, text in files:
        for expected in (
            "Số: 01/BC-HĐND",
            "Thử Nghiệm, ngày 24 tháng 5 năm 2019",
            "BÁO CÁO",
            "Kết quả giám sát việc thực hiện chính sách hỗ trợ học sinh bán trú",
            "I. KẾT QUẢ GIÁM SÁT",
            "Một số trường chưa bảo đảm chỗ ở cho học sinh.",
            "II. KIẾN NGHỊ",
            "1. Đối với Sở Tài chính:",
            "2. Đối với Sở Giáo dục và Đào tạo:",
            "- Đại biểu HĐND tỉnh;",
            "- Lưu: VT.",
            "TM. THƯỜNG TRỰC HĐND",
            "PHỤ LỤC",
            "(Kèm theo Báo cáo số 01/BC-HĐND ngày 24/05/2019 của Thường trực HĐND tỉnh)",
            "Nội dung kiến nghị",
        ):
            assert expected in text, (name, expected)
        for _, content, day in RECOMMENDATIONS:
            assert text.count(content) == 2, (name, content)  # in the body and the appendix
            if day:
                assert f"{day:%d/%m/%Y}" in text
    docx = _docx_checked(files)
    assert (
        "1 | Sở Tài chính | Bố trí đủ kinh phí hỗ trợ tiền ăn cho học sinh bán trú | 30/09/2019"
        in docx
    )


def test_a_refused_report_takes_no_number(council, activity):
    activity.end_date = None
    activity_save(activity=activity)
    with pytest.raises(ValidationError, match="chưa kết thúc"):
        issue.routine_document_issue(
            routine=REPORT,
            source=activity,
            council=council,
            draft=_draft(REPORT, council, activity),
        )
    assert not OutgoingDocument.objects.exists()


# --- the activity's page -----------------------------------------------------------------


def test_activity_page_offers_both_documents_and_lists_those_issued(
    council, activity, staff_user, staff_client
):
    page = staff_client.get(activity.get_absolute_url())
    html = page.content.decode()
    for kind in ("supervision_plan", "supervision_report"):
        assert reverse("reports:routine_issue", args=[kind, activity.pk]) in html
    assert "Lập kế hoạch giám sát" in html
    assert "Lập báo cáo kết quả giám sát" in html

    entry = issue.routine_document_issue(
        routine=PLAN,
        source=activity,
        council=council,
        draft=_draft(PLAN, council, activity),
        user=staff_user,
    )
    html = staff_client.get(activity.get_absolute_url()).content.decode()
    assert entry.get_absolute_url() in html
    assert "Kế hoạch giám sát số 01/KH-HĐND" in html


def test_the_issue_page_opens_for_an_activity(activity, staff_client):
    page = staff_client.get(
        reverse("reports:routine_issue", args=["supervision_plan", activity.pk])
    )
    assert page.status_code == 200
    assert TOPIC in page.content.decode()
