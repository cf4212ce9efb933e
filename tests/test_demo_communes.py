"""The demo's commune councils after the reform (issue 19): load_demo adds, beside Lạng Sơn's
2019, a few commune councils with a year of their work and one login for a commune's staff.
Few tests, because load_demo is slow."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from council import demo as council_demo
from council.models import Committee, Council, Delegate, Position
from council.selectors import province_council
from oversight.models import OversightActivity, OversightRecommendation
from reports.models import AnnualReport
from reports.pdf import annual_report_context
from reports.selectors import annual_figures
from reports.services import report_year_check
from resolutions.models import Resolution
from sessions.models import Session
from voters.models import Letter, VoterMeeting, VoterPetition

pytestmark = pytest.mark.django_db

YEAR = 2026


def _counts() -> dict[str, int]:
    """Every row of the apps the demo writes, their audit trail included."""
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label
        in {"council", "council_sessions", "resolutions", "oversight", "voters", "reports", "auth"}
        # Each run issues the demo administrator a new two-factor enrolment code, and the
        # security log records that; the data itself does not change.
        and model._meta.label != "council.SecurityEvent"
    }


def _communes(province: Council) -> list[Council]:
    return list(Council.objects.filter(parent=province).order_by("name"))


def test_load_demo_adds_commune_councils_with_a_year_of_work_and_loads_idempotently():
    call_command("load_demo", "--with-users", verbosity=0)
    province = province_council()
    assert province.name == "Hội đồng nhân dân tỉnh Lạng Sơn"
    communes = _communes(province)
    assert [c.name for c in communes] == [
        "Hội đồng nhân dân phường Lương Văn Tri",
        "Hội đồng nhân dân xã Lộc Bình",
        "Hội đồng nhân dân xã Thất Khê",
    ]
    for commune in communes:
        commune.full_clean()  # a commune's council belongs to its province's
        assert commune.level == Council.Level.COMMUNE
        assert commune.parent == province
        assert commune.secretariat_name.startswith("Văn phòng HĐND và UBND ")
        term = commune.terms.get()
        assert (term.ordinal, term.roman, term.start_date.year, term.end_date) == (
            1,
            "I",
            YEAR,
            None,
        )
        # Two Ban, the Chair, a vice-chair, the Ban's heads and deputies, 12-20 delegates.
        assert list(Committee.objects.filter(term=term).values_list("name", flat=True)) == [
            "Ban Pháp chế",
            "Ban Kinh tế - Xã hội",
        ]
        assert 12 <= Delegate.objects.filter(term=term).count() <= 20
        roles = sorted(Position.objects.filter(delegate__term=term).values_list("role", flat=True))
        assert roles == sorted(
            ["chair", "vice_chair"] + ["committee_head"] * 2 + ["committee_deputy_head"] * 2
        )
        place = council_demo.locality(commune)  # "xã Lộc Bình"
        assert Delegate.objects.get(term=term, positions__role="chair").job_title == (
            f"Chủ tịch HĐND {place.split()[0]}"
        )
        # A year of work, all of it the commune's own and in 2026.
        sessions = Session.objects.filter(term=term, start_date__year=YEAR)
        assert sessions.count() == 3
        assert set(sessions.values_list("kind", flat=True)) == {"regular", "thematic"}
        # And the next one, in January, planned: the delegates' room's demo (delegates/demo.py).
        upcoming = Session.objects.get(term=term, start_date__year=YEAR + 1)
        assert upcoming.status == Session.Status.PLANNED
        assert Resolution.objects.filter(council=commune, year=YEAR).count() == 8
        assert not Resolution.objects.filter(council=commune).exclude(term=term).exists()
        assert OversightActivity.objects.filter(term=term).count() >= 2
        assert OversightRecommendation.objects.filter(activity__term=term).count() >= 1
        assert VoterMeeting.objects.filter(term=term).count() == 2
        petitions = VoterPetition.objects.filter(term=term)
        assert petitions.count() == 8
        assert len(set(petitions.values_list("status", flat=True))) >= 4
        assert Letter.objects.filter(term=term).count() == 3
        assert AnnualReport.objects.filter(council=commune, year=YEAR).exists()
    # The province's rows stay the province's: its 2019 is untouched.
    assert Session.objects.filter(term__council=province, start_date__year=2019).count() == 5
    assert Resolution.objects.filter(council=province, year=2019).count() == 65

    first = _counts()
    call_command("load_demo", "--with-users", verbosity=0)
    assert _counts() == first


def test_commune_staff_login_sees_its_communes_rows_only():
    call_command("load_demo", "--with-users", verbosity=0)
    province = province_council()
    user = get_user_model().objects.get(username="canbo_locbinh")
    assert user.groups.get().name == "Chuyên viên Văn phòng"
    commune = Council.objects.get(name="Hội đồng nhân dân xã Lộc Bình")
    assert user.profile.council == commune
    client = Client()
    client.force_login(user)

    response = client.get(reverse("sessions:session_list"))
    assert response.status_code == 200
    sessions = Session.objects.filter(term__council=commune)
    assert response.context["table"].paginator.count == sessions.count() == 4  # 3 held, 1 planned
    shown = {row.pk for row in response.context["table"].page.object_list}
    assert shown == set(sessions.values_list("pk", flat=True))

    response = client.get(reverse("resolutions:resolution_list"))
    assert response.status_code == 200
    resolutions = Resolution.objects.filter(council=commune)
    assert response.context["table"].paginator.count == resolutions.count() == 8
    shown = {row.pk for row in response.context["table"].page.object_list}
    assert shown == set(resolutions.values_list("pk", flat=True))

    # None of the province's records opens for the commune's login.
    province_session = Session.objects.filter(term__council=province).first()
    province_resolution = Resolution.objects.filter(council=province).first()
    assert (
        client.get(reverse("sessions:session_detail", args=[province_session.pk])).status_code
        == 404
    )
    assert (
        client.get(
            reverse("resolutions:resolution_detail", args=[province_resolution.pk])
        ).status_code
        == 404
    )
    own = resolutions.first()
    assert client.get(reverse("resolutions:resolution_detail", args=[own.pk])).status_code == 200


def test_each_commune_numbers_its_resolutions_in_its_own_sequence():
    call_command("load_demo", verbosity=0)
    for commune in _communes(province_council()):
        rows = Resolution.objects.filter(council=commune, year=YEAR).order_by(
            "is_normative", "number"
        )
        individual = [r.symbol for r in rows if not r.is_normative]
        normative = [r.symbol for r in rows if r.is_normative]
        assert individual == [f"{n:02d}/NQ-HĐND" for n in range(1, 7)]
        assert normative == ["01/2026/NQ-HĐND", "02/2026/NQ-HĐND"]
        # In order of adoption: a later session's numbers follow an earlier one's.
        by_day = Resolution.objects.filter(council=commune, is_normative=False).order_by(
            "adopted_date", "number"
        )
        assert [r.number for r in by_day] == list(range(1, 7))
        # Voted by more than half of the commune's own delegates.
        seats = Delegate.objects.filter(term__council=commune).count()
        assert all(r.votes_for > seats // 2 for r in rows)


def test_a_communes_2026_report_carries_its_own_header_and_figures():
    call_command("load_demo", verbosity=0)
    commune = Council.objects.get(name="Hội đồng nhân dân xã Lộc Bình")
    assert commune.header_lines == ["HỘI ĐỒNG NHÂN DÂN", "XÃ LỘC BÌNH"]
    report_year_check(council=commune, year=YEAR)  # 2026 lies in the commune's term

    figures = annual_figures(council=commune, year=YEAR)
    assert figures.council_id == commune.pk
    assert (figures.sessions.total, figures.sessions.regular, figures.sessions.thematic) == (
        3,
        2,
        1,
    )
    assert (figures.resolutions.total, figures.resolutions.normative) == (8, 2)
    assert figures.petitions.meetings == 2
    assert figures.petitions.petitions == 8
    assert figures.recommendations.total == 3
    # The province's figures of the same year hold none of the commune's work.
    province_figures = annual_figures(council=province_council(), year=YEAR)
    assert province_figures.resolutions.total == 0
    assert province_figures.petitions.petitions == 0

    report = AnnualReport.objects.get(council=commune, year=YEAR)
    context = annual_report_context(report=report, figures=figures)
    assert context["header_lines"] == ["HỘI ĐỒNG NHÂN DÂN", "XÃ LỘC BÌNH"]
    assert context["number_line"].endswith("/BC-HĐND")
    assert context["place_date"].startswith("Lộc Bình, ngày ")
    assert context["subject"] == "Kết quả hoạt động năm 2026 của Thường trực HĐND xã"
    assert context["recipients"][0].startswith("- Thường trực Đảng ủy xã")
    assert "- Thường trực HĐND tỉnh;" in context["recipients"]
    assert report.signer_name == "Lương Văn Đức"


def test_a_ward_s_report_names_its_level_phuong():
    """The level's word comes from the council's data (Council.level_name), not from the code:
    a ward's report says "phường" wherever a commune's says "xã"."""
    call_command("load_demo", verbosity=0)
    ward = Council.objects.get(name="Hội đồng nhân dân phường Lương Văn Tri")
    assert ward.level_word == "phường"
    report = AnnualReport.objects.get(council=ward, year=YEAR)
    context = annual_report_context(report=report, figures=annual_figures(council=ward, year=YEAR))
    assert context["subject"] == "Kết quả hoạt động năm 2026 của Thường trực HĐND phường"
    assert context["recipients"][0] == "- Thường trực Đảng ủy phường (b/c);"
    assert "xã" not in " ".join(context["recipients"])


def test_the_demo_shows_the_province_reviewing_its_communes_resolutions():
    from resolutions.selectors import ReviewStatus, commune_normative_resolutions

    call_command("load_demo", verbosity=0)
    province = province_council()
    concluded = commune_normative_resolutions(province=province, status=ReviewStatus.CONCLUDED)
    pending = commune_normative_resolutions(province=province, status=ReviewStatus.PENDING)
    communes = province.communes.count()
    assert concluded.count() == communes and pending.count() == communes
    assert {r.review.get_conclusion_display() for r in concluded} == {
        "Phù hợp, không phát hiện nội dung trái pháp luật"
    }
