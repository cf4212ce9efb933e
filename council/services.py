"""Writes of the council registry that change more than one record. A registry record on its
own is saved by core.services.record_save."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from council.models import AdministrativeUnit, UnitSuccession


@transaction.atomic
def unit_merge(
    *,
    predecessors: Sequence[AdministrativeUnit],
    effective_date: dt.date,
    legal_basis: str = "",
    successor: AdministrativeUnit | None = None,
    new_unit: AdministrativeUnit | None = None,
) -> AdministrativeUnit:
    """Units rearranged into one on `effective_date` (NQ 1672/NQ-UBTVQH15: thị trấn Lộc Bình,
    Khánh Xuân, Đồng Bục and Hữu Khánh became xã Lộc Bình on 01/07/2025). The successor is an
    existing unit that takes the others in, or `new_unit`, valid from that day. Each
    predecessor ends the day before and is linked to the successor; nothing is deleted, so the
    records that name an old unit (a 2019 meeting in its district) keep naming it."""
    if (successor is None) == (new_unit is None):
        raise ValidationError(
            _("Chọn đơn vị nhận sáp nhập hoặc nhập tên đơn vị mới (một trong hai).")
        )
    if not predecessors:
        raise ValidationError({"predecessors": _("Chọn ít nhất một đơn vị được sắp xếp.")})
    last_day = effective_date - dt.timedelta(days=1)
    problems = [
        _("«%(unit)s» không còn hiệu lực vào ngày %(day)s, trước ngày sắp xếp.")
        % {"unit": unit, "day": last_day.strftime("%d/%m/%Y")}
        for unit in predecessors
        if not unit.is_valid_on(last_day)
    ]
    if successor is not None and any(unit.pk == successor.pk for unit in predecessors):
        problems.append(_("Đơn vị nhận sáp nhập không thể đồng thời là đơn vị được sắp xếp."))
    if problems:
        raise ValidationError({"predecessors": problems})
    if successor is not None and not successor.is_valid_on(effective_date):
        raise ValidationError(
            {"successor": _("Đơn vị nhận sáp nhập phải còn hiệu lực vào ngày sắp xếp.")}
        )
    if new_unit is not None:
        new_unit.valid_from, new_unit.valid_to = effective_date, None
        new_unit.full_clean()
        new_unit.save()
        successor = new_unit
    for unit in predecessors:
        unit.valid_to = last_day
        unit.full_clean()
        unit.save()
        link = UnitSuccession(
            predecessor=unit,
            successor=successor,
            effective_date=effective_date,
            legal_basis=legal_basis,
        )
        link.full_clean()
        link.save()
    return successor
