"""A person's data on request (quyền của chủ thể dữ liệu: Nghị định 13/2023/NĐ-CP Điều 9, 14;
Luật Bảo vệ dữ liệu cá nhân 2025): staff who read citizens' personal data find a person's
letters and reception visits in their council by name and/or ID number, and hand the person
everything the office holds on them, with dates, case numbers and the purpose or consent
noted on each letter.

A denunciator's letter or visit is found, and exported, only by the one who may read its
identity (voters.casework.identity.can_view_identity): to anyone else a match would say that
this person denounced someone (Luật Tố cáo 2018 Điều 47). Every export is logged: the security
log (counts, never a name) and, for each denunciation it carries, voters.IdentityAccess."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import SecurityEvent
from accounts.security import security_event_record
from core import roles
from core.text import fold, search_terms
from voters.casework.identity import can_view_identity, identity_access_record, is_secret
from voters.models import IdentityAccess, Letter, ReceptionVisit

Record = Letter | ReceptionVisit


@dataclass(frozen=True)
class PersonQuery:
    name: str = ""
    id_number: str = ""

    @property
    def is_empty(self) -> bool:
        return not (search_terms(self.name) or self.id_number_key)

    @property
    def id_number_key(self) -> str:
        """An ID number as written anywhere: without spaces, dots or dashes."""
        return "".join(ch for ch in self.id_number if ch.isalnum()).upper()


@dataclass(frozen=True)
class PersonData:
    query: PersonQuery
    letters: tuple[Letter, ...]
    visits: tuple[ReceptionVisit, ...]

    @property
    def count(self) -> int:
        return len(self.letters) + len(self.visits)


def _id_key(value: str) -> str:
    return "".join(ch for ch in value if ch.isalnum()).upper()


def _matching_pks(rows: Sequence[tuple[int, str, str]], query: PersonQuery) -> list[int]:
    """The rows (pk, name, ID number) whose name holds every word of the query's, without
    diacritics or case ("nguyen van an" finds "Nguyễn Văn An", not "Nguyễn Văn Anh"), and whose
    ID number is the query's; either part may be left out."""
    words = search_terms(query.name)
    key = query.id_number_key
    found = []
    for pk, name, id_number in rows:
        if key and _id_key(id_number) != key:
            continue
        if words and not set(words) <= set(fold(name).split()):
            continue
        found.append(pk)
    return found


def _candidates(qs: QuerySet, name_field: str, id_field: str, query: PersonQuery) -> list[int]:
    # Names are matched in Python: the folded form of a name is personal data, so no column
    # keeps it (Letter.search_text leaves senders out), and SQLite has no unaccent. Only the
    # three columns of the council's named rows are read: 20,000 letters fold in about 0.1 s,
    # for a page opened when a citizen asks.
    rows = qs.exclude(**{name_field: "", id_field: ""}).values_list("pk", name_field, id_field)
    return _matching_pks(list(rows), query)


def person_data(*, council: Any, user: Any, query: PersonQuery) -> PersonData:
    """The letters and visits of the person in `council` whose identity `user` may read,
    oldest first. Nothing for a user who reads no personal data, or an empty query."""
    if query.is_empty or council is None or not roles.can_view_personal_data(user):
        return PersonData(query=query, letters=(), visits=())
    letters = Letter.objects.filter(term__council=council)
    visits = ReceptionVisit.objects.filter(reception__term__council=council)
    letter_pks = _candidates(letters, "sender_name", "sender_id_number", query)
    visit_pks = _candidates(visits, "citizen_name", "citizen_id_number", query)
    found_letters = (
        letters.filter(pk__in=letter_pks)
        .select_related("case", "term", "forwarded_to")
        .order_by("received_date", "pk")
    )
    found_visits = (
        visits.filter(pk__in=visit_pks)
        .select_related("case", "reception", "letter")
        .order_by("reception__date", "pk")
    )
    return PersonData(
        query=query,
        letters=tuple(r for r in found_letters if can_view_identity(user, r)),
        visits=tuple(r for r in found_visits if can_view_identity(user, r)),
    )


def _day(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def _case_number(record: Record) -> str:
    return record.case.number if record.case_id else ""


# One table for both kinds of record: (header, value of a letter, value of a visit). The export's
# sheet has every column; the JSON gives each record the columns its kind has (None: not its).
Getter = Callable[[Any], Any] | None
COLUMNS: tuple[tuple[Any, Getter, Getter], ...] = (
    (gettext_lazy("Loại bản ghi"), lambda r: _("Đơn thư"), lambda r: _("Lượt tiếp công dân")),
    (gettext_lazy("Ngày"), lambda r: r.received_date, lambda r: r.reception.date),
    (gettext_lazy("Vụ việc số"), _case_number, _case_number),
    (gettext_lazy("Loại"), lambda r: r.get_kind_display(), lambda r: r.get_kind_display()),
    (
        gettext_lazy("Nguồn đơn, nơi tiếp"),
        lambda r: r.get_channel_display(),
        lambda r: r.reception.location,
    ),
    (gettext_lazy("Nội dung"), lambda r: r.summary, lambda r: r.content),
    (gettext_lazy("Họ tên"), lambda r: r.sender_name, lambda r: r.citizen_name),
    (gettext_lazy("Địa chỉ"), lambda r: r.sender_address, lambda r: r.citizen_address),
    (gettext_lazy("Số điện thoại"), lambda r: r.sender_phone, None),
    (gettext_lazy("Số CCCD/CMND"), lambda r: r.sender_id_number, lambda r: r.citizen_id_number),
    (gettext_lazy("Đủ điều kiện xử lý"), lambda r: _("Có") if r.eligible else _("Không"), None),
    (gettext_lazy("Lý do không đủ điều kiện"), lambda r: r.get_ineligible_reason_display(), None),
    (
        gettext_lazy("Hướng xử lý, trả lời"),
        lambda r: r.get_handling_display(),
        lambda r: r.response,
    ),
    (gettext_lazy("Chuyển đến"), lambda r: str(r.forwarded_to or ""), None),
    (gettext_lazy("Ngày chuyển"), lambda r: r.forwarded_date, None),
    (gettext_lazy("Kết quả giải quyết"), lambda r: r.result, None),
    (gettext_lazy("Mục đích, sự đồng ý xử lý dữ liệu cá nhân"), lambda r: r.consent_note, None),
)


def export_headers() -> list[str]:
    return [str(header) for header, _letter, _visit in COLUMNS]


def export_rows(data: PersonData) -> list[list[Any]]:
    """The sheet's rows: every letter, then every visit, each oldest first."""
    rows = [[get(r) if get else "" for _h, get, _v in COLUMNS] for r in data.letters]
    rows += [[get(r) if get else "" for _h, _l, get in COLUMNS] for r in data.visits]
    return rows


def export_json(data: PersonData, *, council: Any, user: Any) -> str:
    def record(r: Record, which: int) -> dict[str, Any]:
        out = {}
        for column in COLUMNS:
            get = column[which]
            if get is not None:
                value = get(r)
                out[str(column[0])] = _day(value) if isinstance(value, dt.date) else value
        return out

    document = {
        str(_("Dữ liệu cá nhân theo yêu cầu")): {
            str(_("Cơ quan")): str(council),
            str(_("Họ tên được tìm")): data.query.name,
            str(_("Số CCCD/CMND được tìm")): data.query.id_number,
            str(_("Ngày xuất")): _day(timezone.localdate()),
            str(_("Người xuất")): user.get_username(),
        },
        str(_("Đơn thư")): [record(r, 1) for r in data.letters],
        str(_("Lượt tiếp công dân")): [record(r, 2) for r in data.visits],
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


@transaction.atomic
def person_data_export_log(*, request: Any, data: PersonData, file_format: str) -> None:
    """An export leaves the system: the security log says who took how much (counts only), and
    each denunciator's identity it carries is an EXPORT in the identity access log."""
    for record in (*data.letters, *data.visits):
        if is_secret(record):
            identity_access_record(
                record=record, user=request.user, action=IdentityAccess.Action.EXPORT
            )
    security_event_record(
        kind=SecurityEvent.Kind.EXPORT,
        request=request,
        detail=_("Dữ liệu cá nhân theo yêu cầu (%(fmt)s): %(l)s đơn, %(v)s lượt tiếp")
        % {"fmt": file_format, "l": len(data.letters), "v": len(data.visits)},
    )
