"""Retention of personal data: what is past its period, the dry run, the anonymisation and its
log, the command and the weekly task (voters.casework.retention)."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from council.models import Council, Term
from voters import services, tasks
from voters.casework.figures import case_figures
from voters.casework.retention import personal_data_anonymise, retention_due, years_before
from voters.models import (
    AnonymisationRun,
    Case,
    CaseDocument,
    CitizenReception,
    Letter,
    ReceptionVisit,
    RetentionRule,
)
from voters.selectors import letter_stats_of_years

pytestmark = pytest.mark.django_db

D = dt.date
TODAY = D(2025, 6, 1)
Kind = Letter.Kind


@pytest.fixture
def rules(db):
    """The periods these tests rely on, whatever a data migration seeds."""
    years = {"complaint": 5, "denunciation": 10, "petition_feedback": 5, "reception": 5}
    for category, n in years.items():
        RetentionRule.objects.update_or_create(category=category, defaults={"years": n})
    return years


def _letter(term, *, received, kind=Kind.COMPLAINT, name="Nguyễn Văn An", case=None, user=None):
    letter = Letter(
        term=term,
        received_date=received,
        kind=kind,
        summary=f"Khiếu nại việc thu hồi đất của {received:%Y}",
        sender_name=name,
        sender_address="Thôn Đông, xã Thử",
        sender_phone="0912345678",
        sender_id_number="001080001234",
        case=case,
    )
    return services.letter_save(letter=letter, user=user)


def _close(case: Case, *, day: dt.date | None) -> Case:
    # Engineer B's workflow service closes cases; until then the row is set as closing leaves it.
    Case.objects.filter(pk=case.pk).update(status=Case.Status.CLOSED, closed_date=day)
    case.refresh_from_db()
    return case


def _reception(term, *, day, visitors="Trần Thị Bình, thôn Tây", persons=2):
    return CitizenReception.objects.create(
        term=term, date=day, host="Chủ tịch HĐND", persons=persons, cases=1, visitors=visitors
    )


def _visit(reception, *, case=None, name="Lê Văn Cường"):
    return ReceptionVisit.objects.create(
        reception=reception,
        citizen_name=name,
        citizen_address="Xóm Bắc",
        citizen_id_number="002080005678",
        kind="complaint",
        content="Trình bày việc bồi thường đất",
        case=case,
    )


@pytest.fixture
def world(term, rules, staff_user):
    """Past retention on TODAY: an old complaint (two letters) and a closed case without a closing
    date whose last letter is old; an old reception day and its visit. Not past it: a recent
    complaint, an old denunciation (10 years), an open case and its visit at the old reception,
    a recent reception."""
    old = _letter(term, received=D(2017, 3, 1), user=staff_user)
    again = _letter(term, received=D(2017, 4, 2), case=old.case, user=staff_user)
    _close(old.case, day=D(2019, 1, 10))
    undated = _letter(term, received=D(2017, 5, 5), kind=Kind.PETITION_FEEDBACK)
    _close(undated.case, day=None)
    recent = _letter(term, received=D(2020, 10, 1))
    _close(recent.case, day=D(2021, 3, 1))
    denunciation = _letter(term, received=D(2017, 3, 1), kind=Kind.DENUNCIATION)
    _close(denunciation.case, day=D(2019, 1, 10))
    still_open = _letter(term, received=D(2017, 6, 1))
    old_reception = _reception(term, day=D(2018, 3, 1))
    old_visit = _visit(old_reception)
    open_visit = _visit(old_reception, case=still_open.case, name="Phạm Thị Dung")
    new_reception = _reception(term, day=D(2021, 4, 1))
    new_visit = _visit(new_reception)
    return {
        "old": old,
        "again": again,
        "undated": undated,
        "recent": recent,
        "denunciation": denunciation,
        "still_open": still_open,
        "old_reception": old_reception,
        "old_visit": old_visit,
        "open_visit": open_visit,
        "new_reception": new_reception,
        "new_visit": new_visit,
    }


def _identities() -> dict:
    return {
        "letters": sorted(Letter.objects.values_list("pk", *Letter.PERSONAL_FIELDS)),
        "visits": sorted(ReceptionVisit.objects.values_list("pk", *ReceptionVisit.PERSONAL_FIELDS)),
        "receptions": sorted(CitizenReception.objects.values_list("pk", "visitors")),
    }


def test_the_day_retention_ends_is_the_same_day_years_later_and_28_february_for_a_leap_day():
    assert years_before(D(2025, 6, 1), 5) == D(2020, 6, 1)
    assert years_before(D(2024, 2, 29), 5) == D(2019, 2, 28)


def test_retention_due_selects_only_closed_cases_and_receptions_past_their_period(world):
    due = retention_due(today=TODAY)

    assert due.cases == {
        "complaint": (world["old"].case_id,),
        "denunciation": (),
        "petition_feedback": (world["undated"].case_id,),
    }
    assert due.undated_cases == (world["undated"].case_id,)
    assert due.letters == (world["old"].pk, world["again"].pk, world["undated"].pk)
    assert due.visits == (world["old_visit"].pk,)
    assert due.receptions == ()  # its other visit's case is still open
    assert due.missing_rules == ()


def test_a_case_closed_exactly_its_period_ago_is_due_and_a_day_later_is_not(world):
    _close(world["recent"].case, day=D(2020, 6, 1))
    assert world["recent"].case_id in retention_due(today=TODAY).cases["complaint"]

    _close(world["recent"].case, day=D(2020, 6, 2))
    assert world["recent"].case_id not in retention_due(today=TODAY).cases["complaint"]


def test_dry_run_changes_nothing_and_reports_what_a_run_would_anonymise(world):
    before = _identities()

    report = personal_data_anonymise(today=TODAY, dry_run=True)

    assert report.dry_run
    assert report.counts == {
        "complaint": 1,
        "denunciation": 0,
        "petition_feedback": 1,
        "letters": 3,
        "visits": 1,
        "receptions": 0,
    }
    assert report.ids["letters"] == (world["old"].pk, world["again"].pk, world["undated"].pk)
    assert _identities() == before
    assert not Letter.objects.filter(anonymised_at__isnull=False).exists()
    assert not Case.objects.filter(anonymised_at__isnull=False).exists()
    run = AnonymisationRun.objects.get(pk=report.run_id)
    assert run.dry_run and run.counts == report.counts and run.today == TODAY


def test_a_run_blanks_identities_past_retention_only_and_keeps_every_figure(world, council):
    figures_before = letter_stats_of_years(council=council, years=[2017, 2018, 2020, 2021])
    casework_before = [case_figures(council=council, year=y, today=TODAY) for y in (2017, 2018)]
    summaries_before = sorted(Letter.objects.values_list("pk", "summary", "kind", "case_id"))

    report = personal_data_anonymise(today=TODAY, dry_run=False)

    for key in ("old", "again", "undated"):
        letter = Letter.objects.get(pk=world[key].pk)
        assert [getattr(letter, f) for f in Letter.PERSONAL_FIELDS] == ["", "", "", ""]
        assert letter.anonymised_at is not None
    for key in ("recent", "denunciation", "still_open"):
        letter = Letter.objects.get(pk=world[key].pk)
        assert letter.sender_name and letter.sender_id_number
        assert letter.anonymised_at is None
    old_visit = ReceptionVisit.objects.get(pk=world["old_visit"].pk)
    assert (old_visit.citizen_name, old_visit.citizen_id_number, old_visit.content) == (
        "",
        "",
        "Trình bày việc bồi thường đất",
    )
    assert ReceptionVisit.objects.get(pk=world["open_visit"].pk).citizen_name == "Phạm Thị Dung"
    assert ReceptionVisit.objects.get(pk=world["new_visit"].pk).citizen_name == "Lê Văn Cường"
    assert set(Case.objects.filter(anonymised_at__isnull=False).values_list("pk", flat=True)) == {
        world["old"].case_id,
        world["undated"].case_id,
    }
    assert not report.dry_run and report.counts["letters"] == 3
    assert letter_stats_of_years(council=council, years=[2017, 2018, 2020, 2021]) == (
        figures_before
    )
    assert [case_figures(council=council, year=y, today=TODAY) for y in (2017, 2018)] == (
        casework_before
    )
    assert sorted(Letter.objects.values_list("pk", "summary", "kind", "case_id")) == (
        summaries_before
    )


def test_a_reception_day_past_retention_loses_its_visitors_in_the_audit_trail_too(world):
    ReceptionVisit.objects.filter(pk=world["open_visit"].pk).delete()
    reception = world["old_reception"]
    reception.summary = "Tiếp định kỳ"
    reception.save()  # a second version in the audit trail, still naming the visitors
    assert reception.history.exclude(visitors="").exists()

    report = personal_data_anonymise(today=TODAY, dry_run=False)

    assert report.ids["receptions"] == (reception.pk,)
    reception.refresh_from_db()
    assert reception.visitors == "" and reception.persons == 2
    assert not reception.history.exclude(visitors="").exists()
    assert CitizenReception.objects.get(pk=world["new_reception"].pk).visitors


def test_anonymising_twice_changes_nothing_the_second_time(world):
    personal_data_anonymise(today=TODAY, dry_run=False)
    stamps = sorted(Letter.objects.values_list("pk", "anonymised_at"))
    identities = _identities()

    second = personal_data_anonymise(today=TODAY, dry_run=False)

    assert second.total == 0
    assert sorted(Letter.objects.values_list("pk", "anonymised_at")) == stamps
    assert _identities() == identities
    assert AnonymisationRun.objects.count() == 2


def test_a_category_without_a_rule_is_never_anonymised(world):
    RetentionRule.objects.filter(category="complaint").delete()

    report = personal_data_anonymise(today=TODAY, dry_run=False)

    assert report.missing_rules == ("complaint",)
    assert report.counts["complaint"] == 0
    assert Letter.objects.get(pk=world["old"].pk).sender_name == "Nguyễn Văn An"


def test_the_log_of_a_run_holds_counts_and_ids_never_a_name(world):
    report = personal_data_anonymise(today=TODAY, dry_run=True)

    logged = str(AnonymisationRun.objects.values("counts", "ids").get(pk=report.run_id))
    assert "Nguyễn" not in logged and "001080001234" not in logged


def test_the_command_dry_run_prints_what_would_go_and_changes_nothing(world):
    before = _identities()
    out = StringIO()

    call_command("anonymise_personal_data", "--dry-run", "--date", "01/06/2025", stdout=out)

    text = out.getvalue()
    assert "Sẽ ẩn danh" in text
    assert "Vụ việc khiếu nại đã kết thúc: 1" in text
    assert f"Đơn thư: 3 (mã số {world['old'].pk}, {world['again'].pk}" in text
    assert "Nguyễn Văn An" not in text
    assert _identities() == before


def test_the_command_with_council_leaves_other_councils_alone(world, council):
    other = Council.objects.create(name="Hội đồng nhân dân tỉnh Bên Cạnh", short_name="HĐND BC")
    other_term = Term.objects.create(
        council=other, ordinal=9, roman="IX", start_date=D(2016, 6, 1), end_date=D(2021, 5, 31)
    )
    theirs = _letter(other_term, received=D(2017, 3, 1), name="Hoàng Văn Em")
    _close(theirs.case, day=D(2019, 1, 10))
    out = StringIO()

    call_command(
        "anonymise_personal_data", "--council", str(council.pk), "--date", "01/06/2025", stdout=out
    )

    assert "Đã ẩn danh" in out.getvalue()
    assert Letter.objects.get(pk=world["old"].pk).sender_name == ""
    assert Letter.objects.get(pk=theirs.pk).sender_name == "Hoàng Văn Em"
    assert AnonymisationRun.objects.get().council == council


def test_the_command_refuses_an_unknown_council(world):
    with pytest.raises(CommandError, match="Không tìm thấy HĐND"):
        call_command("anonymise_personal_data", "--council", "Không có", stdout=StringIO())


def test_the_weekly_task_anonymises_what_is_past_retention_today(world):
    tasks.anonymise_personal_data.delay()  # in-process on the laptop and in these settings

    run = AnonymisationRun.objects.get()
    assert not run.dry_run and run.user is None and run.council is None
    assert Letter.objects.get(pk=world["old"].pk).sender_name == ""
    assert Letter.objects.get(pk=world["still_open"].pk).sender_name == "Nguyễn Văn An"


def test_the_weekly_task_is_scheduled():
    from django.conf import settings

    tasks_scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "voters.tasks.anonymise_personal_data" in tasks_scheduled


def test_a_run_takes_the_complainants_name_and_address_out_of_their_cases_documents(world):
    # A forwarding slip of a complaint names the complainant in its stored text (its PDF is
    # rendered from it); the recent case's slip keeps its name, its time has not come.
    from council.models import Organization
    from voters.casework.services import case_document_issue

    body = Organization.objects.create(name="Sở Tài nguyên và Môi trường thử")
    old = case_document_issue(
        case=world["old"].case,
        kind=CaseDocument.Kind.FORWARDING,
        letter=world["old"],
        date=D(2017, 3, 10),
        recipient=body,
        user=None,
    )
    recent = case_document_issue(
        case=world["recent"].case,
        kind=CaseDocument.Kind.FORWARDING,
        letter=world["recent"],
        date=D(2020, 10, 9),
        recipient=body,
        user=None,
    )
    assert "Nguyễn Văn An" in old.body and "Thôn Đông, xã Thử" in old.body

    personal_data_anonymise(today=TODAY, dry_run=False)

    old.refresh_from_db()
    assert "Nguyễn Văn An" not in old.body and "Thôn Đông" not in old.body
    assert "[đã ẩn danh]" in old.body
    assert all("Nguyễn Văn An" not in h.body for h in old.history.all())
    recent.refresh_from_db()
    assert "Nguyễn Văn An" in recent.body
