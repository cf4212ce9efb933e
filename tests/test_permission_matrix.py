"""The permission matrix: every URL pattern of the project, every role, the expected answer.

Every named URL must be classified below, so a new page cannot ship without someone deciding
who may open it. The demo data provides real objects for the URLs that take an id."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from accounts.services import delegate_account_create, user_create_with_role
from core.roles import Role
from tests.conftest import otp_verify_session
from tests.public_urls import PUBLIC
from tests.test_urls_access import _patterns

pytestmark = pytest.mark.django_db

ROLES = ("leader", "staff", "committee", "admin", "delegate")

# Categories: who is refused (403). Everyone else must get a non-error answer. A delegate's
# login works only in the delegates' room: every secretariat page refuses it.
READ = frozenset({"delegate"})  # every secretariat role reads
WRITE = frozenset({"leader", "committee", "delegate"})  # staff and administrators write
# Committee members may write their own Ban's oversight records.
OWN_BAN = frozenset({"leader", "delegate"})
# Staff, administrators and leaders request the reports.
GENERATE = frozenset({"committee", "delegate"})
SELF = frozenset()  # the user's own account pages
DELEGATE = frozenset({"leader", "staff", "committee", "admin"})  # a delegate's own pages
# Installation-wide reference data (the holiday calendar, the legal time limits): administrators.
ADMIN_ONLY = frozenset({"leader", "staff", "committee", "delegate"})

MATRIX: dict[str, frozenset[str]] = {
    "home": SELF,  # the dashboard; a delegate's login is sent on to the delegates' room
    "delegates:home": DELEGATE,
    "delegates:session": DELEGATE,
    "delegates:accounts": WRITE,
    "delegates:accounts_create": WRITE,
    "delegates:account_link": WRITE,
    "delegates:session_documents": DELEGATE,
    "delegates:session_zip": DELEGATE,
    "delegates:document": DELEGATE,
    "delegates:document_file": DELEGATE,
    "delegates:document_note": DELEGATE,
    "delegates:agendaitem_note": DELEGATE,
    "delegates:documentszip_status": DELEGATE,
    "delegates:documentszip_download": DELEGATE,
    "delegates:my_record": DELEGATE,
    "delegates:my_record_pdf": DELEGATE,
    "delegates:record_table": READ,
    "delegates:record": READ,
    "delegates:record_pdf": READ,
    "delegates:registration_create": DELEGATE,
    "delegates:my_registrations": DELEGATE,
    "delegates:registration_withdraw": DELEGATE,
    "delegates:registration_queue": WRITE,
    "delegates:registration_move": WRITE,
    "delegates:registration_call": WRITE,
    "delegates:registration_record": WRITE,
    "delegates:chair_screen": READ,
    "delegates:chair_queue": READ,
    "password_change": SELF,
    "password_change_done": SELF,
    "otp_verify": SELF,
    "otp_setup": SELF,
    "council_choose": SELF,
    "council:registry": READ,
    "council:unit_merge": WRITE,
    "council:holiday_list": READ,
    "council:holiday_create": ADMIN_ONLY,
    "council:holiday_update": ADMIN_ONLY,
    "council:holiday_delete": ADMIN_ONLY,
    "voters:deadlinerule_list": READ,
    "voters:deadlinerule_create": ADMIN_ONLY,
    "voters:deadlinerule_update": ADMIN_ONLY,
    "voters:retentionrule_update": ADMIN_ONLY,
}
for _model in (
    "council",
    "term",
    "committee",
    "delegategroup",
    "delegate",
    "position",
    "organization",
    "administrativeunit",
    "unitsuccession",
    "intersessionmatter",
    "appraisalrequest",
):
    MATRIX.update({f"council:{_model}_list": READ, f"council:{_model}_detail": READ})
    MATRIX.update({f"council:{_model}_{a}": WRITE for a in ("create", "update", "delete")})
MATRIX.update(
    {
        "sessions:session_list": READ,
        "sessions:session_detail": READ,
        "sessions:agendaitem_attachment": READ,
        "sessions:session_create": WRITE,
        "sessions:session_update": WRITE,
        "sessions:session_delete": WRITE,
        "sessions:attendance_update": WRITE,
        "sessions:agendaitem_create": WRITE,
        "sessions:agendaitem_update": WRITE,
        "sessions:agendaitem_delete": WRITE,
        "sessions:session_documents": READ,
        "sessions:sessiondocument_file": READ,
        "sessions:sessiondocument_receipts": READ,
        "sessions:sessiondocument_create": WRITE,
        "sessions:sessiondocument_update": WRITE,
        "sessions:sessiondocument_replace": WRITE,
        "sessions:sessiondocument_publish": WRITE,
        "resolutions:resolution_list": READ,
        "resolutions:resolution_detail": READ,
        "resolutions:resolution_export_xlsx": READ,
        "resolutions:resolution_export_csv": READ,
        "resolutions:resolutionattachment_download": READ,
        "resolutions:resolutionfield_list": READ,
        "resolutions:review_list": READ,
        "resolutions:review": READ,
        "resolutions:resolutionreview_create": WRITE,
        "resolutions:resolutionreview_update": WRITE,
        "resolutions:resolutionfield_detail": READ,
        "resolutions:resolution_next_number": WRITE,
        "resolutions:resolution_create": WRITE,
        "resolutions:resolution_update": WRITE,
        "resolutions:resolution_delete": WRITE,
        "resolutions:resolutionrelation_create": WRITE,
        "resolutions:resolutionrelation_delete": WRITE,
        "resolutions:resolutionattachment_create": WRITE,
        "resolutions:resolutionattachment_delete": WRITE,
        "resolutions:resolutionfield_create": WRITE,
        "resolutions:resolutionfield_update": WRITE,
        "resolutions:resolutionfield_delete": WRITE,
        "resolutions:delegate_votes": WRITE,
        "resolutions:delegate_votes_import": WRITE,
        "resolutions:delegate_votes_import_confirm": WRITE,
        "oversight:activity_list": READ,
        "oversight:activity_export": READ,
        "oversight:activity_detail": READ,
        "oversight:recommendation_list": READ,
        "oversight:recommendation_export": READ,
        "oversight:recommendation_overdue": READ,
        "oversight:recommendation_detail": READ,
        "oversight:programme_list": READ,
        "oversight:programme_detail": READ,
        "oversight:programme_create": WRITE,
        "oversight:programme_update": WRITE,
        "oversight:programme_delete": WRITE,
        "oversight:programmeitem_create": WRITE,
        "oversight:programmeitem_update": WRITE,
        "oversight:programmeitem_delete": WRITE,
        "voters:index": READ,
        "voters:votermeeting_list": READ,
        "voters:votermeeting_export": READ,
        "voters:votermeeting_detail": READ,
        "voters:votermeeting_minutes": READ,
        "voters:voterpetition_list": READ,
        "voters:voterpetition_export": READ,
        "voters:petition_awaiting": READ,
        "voters:petition_overdue": READ,
        "voters:petition_by_session": READ,
        "voters:petition_template": READ,
        "voters:voterpetition_detail": READ,
        "voters:forwardingbatch_list": READ,
        "voters:forwardingbatch_detail": READ,
        "voters:letter_list": READ,
        "voters:letter_export": READ,
        "voters:letter_detail": READ,
        "voters:citizenreception_list": READ,
        "voters:citizenreception_export": READ,
        "voters:citizenreception_detail": READ,
        "voters:petitionfield_list": READ,
        "voters:petitionfield_detail": READ,
        "voters:votermeeting_create": WRITE,
        "voters:votermeeting_update": WRITE,
        "voters:votermeeting_delete": WRITE,
        "voters:petition_consolidate": WRITE,
        "voters:petition_import": WRITE,
        "voters:petition_import_confirm": WRITE,
        "voters:voterpetition_create": WRITE,
        "voters:voterpetition_update": WRITE,
        "voters:voterpetition_delete": WRITE,
        "voters:voterpetition_action": WRITE,
        "voters:forwardingbatch_create": WRITE,
        "voters:forwardingbatch_update": WRITE,
        "voters:letter_create": WRITE,
        "voters:letter_update": WRITE,
        "voters:letter_delete": WRITE,
        "voters:citizenreception_create": WRITE,
        "voters:citizenreception_update": WRITE,
        "voters:citizenreception_delete": WRITE,
        "voters:petitionfield_create": WRITE,
        "voters:petitionfield_update": WRITE,
        "voters:petitionfield_delete": WRITE,
        # A person's data on request and the register import: staff and administrators only.
        "voters:person_data": WRITE,
        "voters:person_data_json": WRITE,
        "voters:person_data_xlsx": WRITE,
        "voters:case_import": WRITE,
        "voters:case_import_confirm": WRITE,
        "voters:case_import_template": WRITE,
        # Citizen reception: the schedule (no personal data) and the register every secretariat
        # role reads; staff write the schedule and the visits.
        "voters:receptionschedule_list": READ,
        "voters:receptionschedule_create": WRITE,
        "voters:receptionschedule_update": WRITE,
        "voters:receptionschedule_delete": WRITE,
        "voters:receptionvisit_create": WRITE,
        "voters:receptionvisit_update": WRITE,
        "voters:receptionvisit_delete": WRITE,
        "voters:receptionvisit_letter": WRITE,
        "voters:reception_register": READ,
        "voters:reception_register_export": READ,
        "reports:dashboard": READ,
        "reports:communes": READ,
        "reports:annualreport_latest": READ,
        "reports:annualreport_detail": READ,
        "reports:reportrequest_status": READ,
        "reports:reportrequest_download": READ,
        "reports:annualreport_update": WRITE,
        "reports:annualreport_generate": GENERATE,
        "reports:report_new": GENERATE,
        "reports:report_detail": READ,
        "reports:report_update": WRITE,
        "reports:report_generate": GENERATE,
        "reports:session_report_generate": GENERATE,
        # A report's number from the register (staff) and its .docx (as its PDF) (issue 22).
        "reports:report_number": WRITE,
        "reports:report_docx": READ,
        # Routine documents (issue 22): staff issue them and edit the templates; all read.
        "reports:routine_issue": WRITE,
        "reports:routine_pdf": READ,
        "reports:routine_docx": READ,
        "reports:routine_template_list": READ,
        "reports:routine_template_update": WRITE,
        "reports:routine_template_reset": WRITE,
        "reports:invitation_create": WRITE,
        "reports:invitation_detail": READ,
        "reports:invitation_update": WRITE,
        "reports:invitation_docx": READ,
        "reports:invitation_generate": GENERATE,
        "reports:invitationrequest_status": READ,
        "reports:invitationrequest_download": READ,
        # The case workflow (issue 21): every role reads; staff act; the documents' PDF names
        # complainants (personal data), so staff and administrators only.
        "voters:case_list": READ,
        "voters:case_overdue": READ,
        "voters:case_detail": READ,
        "voters:case_intake": WRITE,
        "voters:case_candidates": WRITE,
        "voters:case_update": WRITE,
        "voters:case_follow_up": WRITE,
        "voters:case_answer": WRITE,
        "voters:case_close": WRITE,
        "voters:case_reopen": WRITE,
        "voters:case_document_create": WRITE,
        "voters:letter_process": WRITE,
        "voters:letter_attach": WRITE,
        "reports:casedocument_pdf": WRITE,
        "reports:casedocument_docx": WRITE,
        "documents:outgoingdocument_list": READ,
        "documents:outgoingdocument_export": READ,
        "documents:outgoingdocument_detail": READ,
        "documents:outgoingdocument_file": READ,
        "documents:outgoingdocument_signed": READ,
        "documents:outgoingdocument_create": WRITE,
        "documents:outgoingdocument_update": WRITE,
        "documents:outgoingdocument_cancel": WRITE,
        "documents:outgoingdocument_sign": WRITE,
        "documents:documentseries_list": READ,
        "documents:documentseries_detail": READ,
        "documents:documentseries_create": WRITE,
        "documents:documentseries_update": WRITE,
        "documents:documentseries_defaults": WRITE,
    }
)
for _name in ("activity", "question", "recommendation", "followup"):
    for _action in ("create", "update", "delete"):
        MATRIX[f"oversight:{_name}_{_action}"] = OWN_BAN
# Thường trực's meetings (issue 22): staff write, every secretariat role reads.
MATRIX.update(
    {
        "standing:standingmeeting_list": READ,
        "standing:standingmeeting_detail": READ,
        "standing:conclusiontask_list": READ,
        "standing:conclusiontask_export": READ,
        "standing:conclusiontask_complete": WRITE,
    }
)
for _name in ("standingmeeting", "agendaentry", "conclusion", "conclusiontask"):
    for _action in ("create", "update", "delete"):
        MATRIX[f"standing:{_name}_{_action}"] = WRITE
# Notifications (issue 23): every login's own centre; a line is named in the POST, not the URL.
MATRIX.update(
    {
        "notifications:list": SELF,
        "notifications:bell": SELF,
        "notifications:open": SELF,
        "notifications:read": SELF,
        "notifications:read_all": SELF,
        "notifications:preferences": SELF,
    }
)
# Calendar feeds (issue 24): every login's own page of feed URLs and private keys; the feeds
# open by their URL without a login (tests.public_urls.PUBLIC).
MATRIX["calendars:mine"] = SELF

# URLs outside the matrix, reachable without logging in by design: tests.public_urls.PUBLIC.

# Which model an <int:pk> (or <int:x_pk>) of a URL refers to.
PK_MODELS = {
    "council": "council.Council",
    "term": "council.Term",
    "committee": "council.Committee",
    "delegategroup": "council.DelegateGroup",
    "delegate": "council.Delegate",
    "position": "council.Position",
    "organization": "council.Organization",
    "administrativeunit": "council.AdministrativeUnit",
    "unitsuccession": "council.UnitSuccession",
    "intersessionmatter": "council.InterSessionMatter",
    "appraisalrequest": "council.AppraisalRequest",
    "session": "council_sessions.Session",
    "attendance": "council_sessions.Session",
    "agendaitem": "council_sessions.AgendaItem",
    "sessiondocument": "council_sessions.SessionDocument",
    "document": "council_sessions.SessionDocument",
    "documentszip": "council_sessions.SessionDocumentsZip",
    "resolution": "resolutions.Resolution",
    "resolutionrelation": "resolutions.ResolutionRelation",
    "resolutionattachment": "resolutions.ResolutionAttachment",
    "resolutionfield": "resolutions.ResolutionField",
    "activity": "oversight.OversightActivity",
    "question": "oversight.Question",
    "recommendation": "oversight.OversightRecommendation",
    "followup": "oversight.FollowUp",
    "programme": "oversight.OversightProgramme",
    "programmeitem": "oversight.ProgrammeItem",
    "votermeeting": "voters.VoterMeeting",
    "voterpetition": "voters.VoterPetition",
    "forwardingbatch": "voters.ForwardingBatch",
    "letter": "voters.Letter",
    "citizenreception": "voters.CitizenReception",
    "reception": "voters.CitizenReception",
    "receptionschedule": "voters.ReceptionSchedule",
    "receptionvisit": "voters.ReceptionVisit",
    "petitionfield": "voters.PetitionField",
    "holiday": "council.Holiday",
    "deadlinerule": "voters.DeadlineRule",
    "retentionrule": "voters.RetentionRule",
    "reportrequest": "reports.ReportRequest",
    "report": "reports.AnnualReport",
    "registration": "delegates.Registration",
    "record": "council.Delegate",
    "invitation": "reports.Invitation",
    "invitationrequest": "reports.InvitationRequest",
    "case": "voters.Case",
    "casedocument": "voters.CaseDocument",
    "outgoingdocument": "documents.OutgoingDocument",
    "documentseries": "documents.DocumentSeries",
    "standingmeeting": "standing.StandingMeeting",
    "meeting": "standing.StandingMeeting",
    "agendaentry": "standing.AgendaEntry",
    "conclusion": "standing.Conclusion",
    "conclusiontask": "standing.ConclusionTask",
}


# URLs whose <int:pk> names another model than their prefix says.
URL_PK_MODELS = {
    "resolutionattachment_create": "resolutions.Resolution",
    "registration_create": "council_sessions.Session",
    "registration_queue": "council_sessions.Session",
    "chair_screen": "council_sessions.Session",
    "chair_queue": "council_sessions.Session",
    "delegate_votes": "resolutions.Resolution",
    "delegate_votes_import": "resolutions.Resolution",
    "delegate_votes_import_confirm": "resolutions.Resolution",
    "resolutionrelation_create": "resolutions.Resolution",
    "case_follow_up": "voters.Case",
    "case_document_create": "voters.Case",
}
# The object each URL opens, where the first of its model would not do (a file to download).
URL_OBJECTS: dict[str, int] = {}


def _first_pk(label: str) -> int:
    obj = apps.get_model(label)._default_manager.order_by("pk").first()
    assert obj is not None, f"the matrix needs a {label}"
    return obj.pk


def _files_to_open() -> None:
    """The demo data has no files: give the matrix an agenda document, a meeting's minutes, a
    resolution's attachment and a rendered report, so their URLs answer 200 or 403, never 404
    (a 404 to every role would never check who may open them)."""
    from django.core.files.base import ContentFile

    from reports.models import AnnualReport, ReportRequest
    from resolutions.models import ResolutionAttachment
    from sessions.models import AgendaItem
    from voters.models import VoterMeeting

    URL_OBJECTS.clear()
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    item = AgendaItem.objects.order_by("pk").first()
    item.attachment.save("to-trinh.pdf", ContentFile(pdf), save=True)
    meeting = VoterMeeting.objects.order_by("pk").first()
    meeting.minutes.save("bien-ban.pdf", ContentFile(pdf), save=True)
    resolution = apps.get_model("resolutions.Resolution").objects.order_by("pk").first()
    attachment = ResolutionAttachment(
        resolution=resolution, original_name="nq.pdf", content_type="application/pdf", size=len(pdf)
    )
    attachment.file.save("nq.pdf", ContentFile(pdf), save=True)
    report, _created = AnnualReport.objects.get_or_create(council=resolution.council, year=2019)
    request = ReportRequest(annual_report=report, status=ReportRequest.Status.DONE)
    request.file.save("bao-cao.pdf", ContentFile(pdf), save=True)
    reviewed, review = _commune_review(resolution)
    _invitation_to_open()
    _session_documents(item, pdf)
    _registration_to_open()
    _outgoing_document_to_open(pdf)
    _routine_document_to_open()
    _reception_visit_to_open()
    URL_OBJECTS.update(
        {
            "resolutions:review": reviewed.pk,
            "resolutions:resolutionreview_update": review.pk,
            "sessions:agendaitem_attachment": item.pk,
            "voters:votermeeting_minutes": meeting.pk,
            "resolutions:resolutionattachment_download": attachment.pk,
            "resolutions:resolutionattachment_delete": attachment.pk,
            "reports:reportrequest_download": request.pk,
            "reports:reportrequest_status": request.pk,
        }
    )


def _routine_document_to_open() -> None:
    """A routine document issued from the province's first record of the first kind that has
    one, so the issue page opens a real record and the downloads a real document."""
    from django.core.exceptions import ValidationError

    from core.scoping import of_council
    from reports.routine.issue import routine_document_issue, routine_draft
    from reports.routine.registry import ROUTINE_KINDS

    council = apps.get_model("council.Council").objects.filter(parent=None).order_by("pk").first()
    URL_KWARGS.clear()
    for kind, routine in ROUTINE_KINDS.items():
        sources = of_council(routine.model._default_manager.order_by("pk"), council)
        source = next((s for s in sources[:20] if not routine.may_issue(s)), None)
        if source is None:
            continue
        # Dated as its record (a 2019 batch's letter in 2019), else today.
        day = getattr(source, "date", None)
        draft = routine_draft(routine=routine, source=source, council=council, today=day)
        try:
            entry = routine_document_issue(
                routine=routine, source=source, council=council, draft=draft
            )
        except ValidationError:
            continue
        URL_KWARGS["reports:routine_issue"] = {"kind": kind, "pk": source.pk}
        for name in ("routine_template_update", "routine_template_reset"):
            URL_KWARGS[f"reports:{name}"] = {"kind": kind}
        URL_OBJECTS["reports:routine_pdf"] = entry.pk
        URL_OBJECTS["reports:routine_docx"] = entry.pk
        return
    raise AssertionError("the demo has no record to issue a routine document from")


def _reception_visit_to_open() -> None:
    """A slot of the schedule and a visit at the demo's first reception (the province's), for
    the schedule's and the visits' URLs."""
    import datetime as dt

    from core.services import record_save
    from voters.casework.reception import visit_save
    from voters.models import CitizenReception, ReceptionSchedule, ReceptionVisit

    reception = CitizenReception.objects.select_related("term").order_by("pk").first()
    slot = record_save(
        instance=ReceptionSchedule(
            council=reception.term.council,
            date=reception.date,
            start_time=dt.time(8, 0),
            host_kind=ReceptionSchedule.HostKind.CHAIR,
            host="Chủ tịch HĐND",
            location="Trụ sở tiếp công dân",
        )
    )
    visit = visit_save(
        visit=ReceptionVisit(
            reception=reception, kind="complaint", content="Khiếu nại", citizen_name="Công dân"
        ),
        user=None,
    )
    for name in ("update", "delete"):
        URL_OBJECTS[f"voters:receptionschedule_{name}"] = slot.pk
    for name in ("update", "delete", "letter"):
        URL_OBJECTS[f"voters:receptionvisit_{name}"] = visit.pk


def _outgoing_document_to_open(pdf: bytes) -> None:
    """A register entry of the province with a drafted file and a signed copy, so the download
    URLs answer 200 or 403, never 404."""
    from django.core.files.base import ContentFile
    from django.core.files.uploadedfile import SimpleUploadedFile

    from documents.models import OutgoingDocument
    from documents.services import document_attach_signed_copy

    document = OutgoingDocument.objects.filter(status="issued").order_by("pk").first()
    document.file.save("du-thao.pdf", ContentFile(pdf), save=True)
    document_attach_signed_copy(
        document=document, upload=SimpleUploadedFile("ban-ky.pdf", pdf, "application/pdf")
    )
    for name in (
        "documents:outgoingdocument_detail",
        "documents:outgoingdocument_file",
        "documents:outgoingdocument_signed",
        "documents:outgoingdocument_update",
        "documents:outgoingdocument_cancel",
        "documents:outgoingdocument_sign",
    ):
        URL_OBJECTS[name] = document.pk


def _registration_to_open() -> None:
    """A question of the matrix's delegate (the first) at a session of their term, so the
    registration URLs answer the delegate's own."""
    from delegates.models import Registration

    delegate = apps.get_model("council.Delegate").objects.order_by("pk").first()
    session = apps.get_model("council_sessions.Session").objects.filter(term=delegate.term).first()
    registration = Registration.objects.create(
        session=session,
        delegate=delegate,
        kind=Registration.Kind.QUESTION,
        respondent_position="Giám đốc Sở",
        content="Câu hỏi",
    )
    # The demo's communes have registrations of their own (delegates/demo.py).
    for name in (
        "delegates:registration_withdraw",
        "delegates:registration_move",
        "delegates:registration_call",
        "delegates:registration_record",
    ):
        URL_OBJECTS[name] = registration.pk


def _session_documents(item, pdf: bytes) -> None:
    """A published document of the first agenda item and a built zip of its session, so the
    delegates' document pages answer the delegate (the demo's first delegate, same council)."""
    from django.core.files.base import ContentFile
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.utils import timezone

    from sessions.models import SessionDocument, SessionDocumentsZip
    from sessions.services import session_document_create

    document = session_document_create(
        document=SessionDocument(
            agenda_item=item, title="Tờ trình ma trận", published_at=timezone.now()
        ),
        upload=SimpleUploadedFile("to-trinh.pdf", pdf, content_type="application/pdf"),
    )
    bundle = SessionDocumentsZip(session=item.session, status=SessionDocumentsZip.Status.DONE)
    bundle.file.save("tai-lieu.zip", ContentFile(b"PK\x05\x06" + b"\x00" * 18), save=True)
    # The demo's communes have documents of their own (delegates/demo.py): the first of the
    # table is not the province's, whose logins the matrix uses.
    for name in (
        "sessions:sessiondocument_file",
        "sessions:sessiondocument_receipts",
        "sessions:sessiondocument_update",
        "sessions:sessiondocument_replace",
        "sessions:sessiondocument_publish",
        "delegates:document",
        "delegates:document_file",
        "delegates:document_note",
    ):
        URL_OBJECTS[name] = document.pk
    URL_OBJECTS["delegates:documentszip_status"] = bundle.pk
    URL_OBJECTS["delegates:documentszip_download"] = bundle.pk


def _invitation_to_open() -> None:
    """An invitation of the demo's first session, to one guest: its PDF renders in a blink."""
    from reports.invitations import invitation_new, invitation_save
    from sessions.models import Session

    invitation = invitation_new(session=Session.objects.order_by("pk").first())
    invitation.meeting_place = invitation.meeting_place or "Hội trường"
    invitation.all_delegates, invitation.guests = False, "Đồng chí Bí thư Tỉnh ủy"
    invitation_save(invitation=invitation)
    # ... and its PDF, rendered, for the render's status and download URLs.
    from django.core.files.base import ContentFile

    from reports.models import InvitationRequest

    rendered = InvitationRequest(invitation=invitation, status=InvitationRequest.Status.DONE)
    rendered.file.save("giay-moi.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=True)


def _commune_review(province_resolution):
    """A commune council of the demo province with a normative resolution under review, and
    another not received yet (the review URLs open only the province's communes' ones)."""
    import datetime as dt

    from core.services import record_save
    from council.models import Council, Delegate, Term
    from resolutions.models import ResolutionReview
    from resolutions.services import resolution_create, resolution_review_save
    from sessions.models import Session

    province = province_resolution.council
    commune = record_save(
        instance=Council(
            name="HĐND xã Ma Trận",
            short_name="HĐND xã Ma Trận",
            level="commune",
            parent=province,
            place_name="Ma Trận",
            header_name="HỘI ĐỒNG NHÂN DÂN\nXÃ MA TRẬN",
            secretariat_name="Văn phòng xã Ma Trận",
        )
    )
    term = Term.objects.create(
        council=commune, ordinal=1, roman="I", start_date=dt.date(2021, 6, 1)
    )
    for i in range(7):
        Delegate.objects.create(term=term, full_name=f"Đại biểu {i}", birth_year=1980)
    day = dt.date(2026, 3, 20)
    session = record_save(
        instance=Session(term=term, number=1, kind="thematic", start_date=day, end_date=day)
    )
    made = [
        resolution_create(
            council=commune,
            title=title,
            session=session,
            adopted_date=day,
            is_normative=True,
            votes_for=6,
        )
        for title in ("Quy định mức chi A", "Quy định mức chi B")
    ]
    review = resolution_review_save(
        review=ResolutionReview(resolution=made[0], received_date=dt.date(2026, 3, 25))
    )
    URL_OBJECTS["resolutions:resolutionreview_create"] = made[1].pk
    return made[0], review


# URLs whose arguments are not a record's pk (a routine document's kind and its source).
URL_KWARGS: dict[str, dict[str, object]] = {}


def _url(name: str, route: str) -> str:
    if name in URL_KWARGS:
        return reverse(name, kwargs=URL_KWARGS[name])
    short = name.split(":")[-1]
    kwargs: dict[str, object] = {}
    for part in route.split("<")[1:]:
        _conv, _, rest = part.partition(":")
        key = rest.partition(">")[0]
        if key in ("pk", "resolution_pk") and name in URL_OBJECTS:
            kwargs[key] = URL_OBJECTS[name]
        elif key == "pk":
            kwargs[key] = _first_pk(URL_PK_MODELS.get(short) or PK_MODELS[short.rsplit("_", 1)[0]])
        elif key.endswith("_pk"):
            kwargs[key] = _first_pk(PK_MODELS[key.removesuffix("_pk")])
        elif key == "year":
            kwargs[key] = 2019
        else:
            kwargs[key] = "compile" if key == "action" else "x"
    return reverse(name, kwargs=kwargs)


def test_every_url_is_classified_in_the_matrix():
    names = {name for name, _route, _e in _patterns() if not name.startswith("admin:")} - PUBLIC
    assert sorted(names - set(MATRIX)) == [], "new URLs: decide who may open them"
    assert sorted(set(MATRIX) - names) == [], "stale entries"


def _clients() -> dict[str, Client]:
    committee = apps.get_model("council.Committee").objects.filter(code="kinh_te_ngan_sach").first()
    users = {
        "leader": user_create_with_role(
            username="m-leader", password="x-long-password-1", role=Role.LEADER
        ),
        "staff": user_create_with_role(
            username="m-staff", password="x-long-password-1", role=Role.STAFF
        ),
        "committee": user_create_with_role(
            username="m-committee",
            password="x-long-password-1",
            role=Role.COMMITTEE_MEMBER,
            committee=committee,
        ),
        "admin": user_create_with_role(
            username="m-admin", password="x-long-password-1", role=Role.ADMIN
        ),
    }
    users["delegate"] = delegate_account_create(
        delegate=apps.get_model("council.Delegate").objects.order_by("pk").first()
    ).user
    clients = {}
    for role, user in users.items():
        client = Client()
        client.force_login(user)
        if role == "admin":
            otp_verify_session(client, user)
        clients[role] = client
    return clients


def test_every_url_answers_each_role_as_the_matrix_says(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", verbosity=0)
    _files_to_open()
    clients = _clients()
    anonymous = Client()
    login = reverse("login")
    failures = []
    for name, route, _entry in _patterns():
        if name.startswith("admin:") or name in PUBLIC:
            continue
        url = _url(name, route)
        response = anonymous.get(url)
        if response.status_code != 302 or not response.url.startswith(login):
            failures.append(f"anonymous {name} {url}: {response.status_code}")
        refused = MATRIX[name]
        for role in ROLES:
            client = clients[role]
            # POST-only actions answer 405 to GET before checking anything: ask with POST.
            response = client.get(url)
            if response.status_code == 405:
                response = client.post(url, {})
            code = response.status_code
            if code == 404:  # the object is there: a 404 would hide the permission check
                failures.append(f"{role} {name} {url}: 404")
            elif role in refused:
                if code != 403:
                    failures.append(f"{role} {name} {url}: expected 403, got {code}")
            elif code == 403 and not (MATRIX[name] is OWN_BAN and role == "committee"):
                failures.append(f"{role} {name} {url}: refused but should be allowed")
            elif code >= 500 or (code == 302 and response.url.startswith(login)):
                failures.append(f"{role} {name} {url}: {code}")
    assert failures == []


def test_django_admin_is_for_administrators_only():
    clients = _clients()
    assert clients["admin"].get(reverse("admin:index")).status_code == 200
    for role in ("leader", "staff", "committee"):
        assert clients[role].get(reverse("admin:index")).status_code == 302


def test_committee_members_write_questions_and_follow_ups_of_their_own_ban_only(
    committee_client, committee, other_committee, organization, term
):
    """The matrix lets a committee member be refused an oversight URL (the first record may be
    another Ban's): here both Bans' questions and follow-ups are asked for by name."""
    import datetime as dt

    from oversight.models import (
        Actor,
        FollowUp,
        Kind,
        OversightActivity,
        OversightRecommendation,
        Question,
    )
    from oversight.services import (
        activity_save,
        follow_up_save,
        question_save,
        recommendation_save,
    )
    from tests.helpers import post_form

    def records(ban):
        activity = activity_save(
            activity=OversightActivity(
                term=term,
                actor=Actor.COMMITTEE,
                committee=ban,
                kind=Kind.QUESTIONING_INTERSESSION,
                topic=f"Chất vấn của {ban.name}",
                start_date=dt.date(2019, 5, 6),
            )
        )
        question = question_save(
            question=Question(activity=activity, content=f"Câu hỏi của {ban.name}")
        )
        recommendation = recommendation_save(
            recommendation=OversightRecommendation(
                activity=activity, content=f"Kiến nghị của {ban.name}", addressee=organization
            )
        )
        follow_up = follow_up_save(
            follow_up=FollowUp(
                recommendation=recommendation, date=dt.date(2019, 9, 1), kind="reminder"
            )
        )
        return activity, question, recommendation, follow_up

    own = records(committee)
    other = records(other_committee)

    def urls(activity, question, recommendation, follow_up):
        return {
            "question_create": reverse("oversight:question_create", args=[activity.pk]),
            "question_update": reverse("oversight:question_update", args=[question.pk]),
            "question_delete": reverse("oversight:question_delete", args=[question.pk]),
            "followup_create": reverse("oversight:followup_create", args=[recommendation.pk]),
            "followup_update": reverse("oversight:followup_update", args=[follow_up.pk]),
            "followup_delete": reverse("oversight:followup_delete", args=[follow_up.pk]),
        }

    for name, url in urls(*own).items():
        assert committee_client.get(url).status_code == 200, name
    for name, url in urls(*other).items():
        assert committee_client.get(url).status_code == 403, name
        assert committee_client.post(url, {}).status_code == 403, name

    # Writes follow the same rule: their own Ban's question changes, the other's does not.
    _activity, question, _rec, follow_up = own
    response = post_form(
        committee_client,
        reverse("oversight:question_update", args=[question.pk]),
        {
            "order": question.order,
            "content": "Câu hỏi đã sửa",
            "answer_mode": "at_sitting",
            "satisfied": "unknown",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    question.refresh_from_db()
    assert question.content == "Câu hỏi đã sửa"
    response = committee_client.post(reverse("oversight:followup_delete", args=[follow_up.pk]))
    assert response.status_code == 302
    assert not FollowUp.objects.filter(pk=follow_up.pk).exists()
    other_question, other_follow_up = other[1], other[3]
    assert Question.objects.get(pk=other_question.pk).content.startswith("Câu hỏi của")
    assert FollowUp.objects.filter(pk=other_follow_up.pk).exists()
