"""Who may read the identity (name, address, phone, ID number) of a letter's sender or of a
reception visit's citizen: decided here and nowhere else. Pages, forms, exports and PDFs ask
these functions; none decides for itself.

The rule. A complainant's or petitioner's identity is ordinary personal data: secretariat staff
and administrators read it (core.roles.can_view_personal_data), each view in the security log
(accounts.security.personal_data_response). A denunciator's identity is a secret: Luật Tố cáo
2018 Điều 9(1)(b) and Điều 47 bind those who receive and handle a denunciation to keep the
denunciator's name, address and handwriting secret; Nghị định 31/2019/NĐ-CP Chương VI says how;
QĐ 774/QĐ-TTg (05/6/2020) lists it as a state secret of level "Mật", which only those assigned
the task may read. So only the keeper of the case reads it: its handler (Case.handler), or,
before a handler is named, whoever entered the record (the officer who received the letter or
recorded the visit; Điều 47 binds the receiver too). Not other staff, not leaders, not Ban
members.

Not administrators either, unless they are the keeper. An administrator's role is technical
(logins, reference data); reading a state secret needs an assignment to the matter, not a
role. An administrator who must read it names someone (or themselves) handler of the case:
that assignment is a recorded change of the case (its history), so the reading is never silent.

Every reading of a secret identity is written to voters.IdentityAccess (view, edit, print,
export). A denied reading is written too, for those whose role would have shown them the
identity were it not a denunciation (staff, administrators): the log then shows who opened the
secret record. Leaders and Ban members see no citizen's identity anywhere, so opening the
page is no attempt and is not logged.

Lists and exports never show a secret identity, even to the keeper: a list is read over
shoulders and on projectors, an export leaves the system (public_value masks it). Never
log an identity in a server log message either: log ids."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from core import roles
from voters.models import IdentityAccess, Letter, ReceptionVisit

Record = Letter | ReceptionVisit
Action = IdentityAccess.Action

MASKED = _("(Được giữ bí mật theo Luật Tố cáo)")


def identity_fields(record: Record | type[Record]) -> tuple[str, ...]:
    """The fields that make the identity: Letter.PERSONAL_FIELDS, ReceptionVisit's."""
    return record.PERSONAL_FIELDS


def is_secret(record: Record) -> bool:
    """A denunciator's identity: the record is a denunciation, or belongs to a denunciation
    case (a complaint attached to a case later classified as a denunciation keeps the case's
    protection). Reads record.case: select it with the record in lists."""
    if record.kind == Letter.Kind.DENUNCIATION:
        return True
    return record.case_id is not None and record.case.kind == Letter.Kind.DENUNCIATION


def keeper_id(record: Record) -> int | None:
    """The one user who may read a secret identity: the case's handler, else whoever entered
    the record (a letter or visit whose case has no handler yet is with its receiver). A
    reception visit linked to no case stays with the officer who recorded it: they heard the
    denunciator in person and know the identity already, so no one new learns it; linking the
    visit to a case hands it to that case's handler, like the case's letters."""
    if record.case_id is not None and record.case.handler_id is not None:
        return record.case.handler_id
    return record.created_by_id


def can_view_identity(user: Any, record: Record) -> bool:
    """Whether `user` may read the identity of this record's sender or citizen (no logging:
    identity_of logs)."""
    if not roles.can_view_personal_data(user):
        return False
    if not is_secret(record):
        return True
    return user.pk is not None and user.pk == keeper_id(record)


def identity_access_record(*, record: Record, user: Any, action: str) -> IdentityAccess:
    """One row of the access log (for callers that render an identity themselves: a PDF that
    prints it, the export of a person's data on request)."""
    target = {"letter": record} if isinstance(record, Letter) else {"visit": record}
    who = user if getattr(user, "is_authenticated", False) else None
    return IdentityAccess.objects.create(user=who, action=action, **target)


def identity_of(record: Record, *, user: Any, action: str = Action.VIEW) -> dict[str, str] | None:
    """The identity's values for `user`, or None when they may not read it. A secret one is
    logged as `action`, a refusal as DENIED (for staff and administrators, see above)."""
    secret = is_secret(record)
    if not can_view_identity(user, record):
        if secret and roles.can_view_personal_data(user):
            identity_access_record(record=record, user=user, action=Action.DENIED)
        return None
    if secret:
        identity_access_record(record=record, user=user, action=action)
    return {name: getattr(record, name) for name in identity_fields(record)}


def identity_shown(
    record: Record, *, user: Any, action: str = Action.VIEW
) -> dict[str, Any] | None:
    """What a record's page shows for each identity field: the values (logged when secret);
    the mask for staff who may read personal data but not this secret; None (the fields left
    out entirely) for roles that read no citizen's identity."""
    values = identity_of(record, user=user, action=action)
    if values is not None:
        return values
    if roles.can_view_personal_data(user):
        return {name: MASKED for name in identity_fields(record)}
    return None


def public_value(record: Record, name: str) -> Any:
    """One identity field as a list or an export shows it (to those who read personal data):
    the value, or the mask for a denunciator, whoever reads (see the module's docstring)."""
    return MASKED if is_secret(record) else getattr(record, name)


def identity_form_restrict(form: Any, *, user: Any, record: Record) -> bool:
    """An edit form of a record whose identity `user` may not read: without the identity's
    fields (a ModelForm leaves fields it does not have untouched, so the edit keeps the
    identity) and with the kind fixed (turning a denunciation into a complaint would show its
    denunciator to every staff member). Returns whether the form was restricted; a form the
    user may read is logged as an EDIT of a secret identity."""
    if record.pk is None:
        return False
    if identity_of(record, user=user, action=Action.EDIT) is not None:
        return False
    for name in identity_fields(record):
        form.fields.pop(name, None)
    if "kind" in form.fields:
        form.fields["kind"].disabled = True
    return True
