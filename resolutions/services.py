"""Writes of the resolution register: numbering, votes, relations between resolutions, files."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import Count, Max
from django.utils.translation import gettext as _

from core.imports import import_finished_send
from core.text import fold
from core.uploads import validate_document
from council.models import Council, Delegate, InterSessionMatter
from council.selectors import term_delegate_count, term_for_date
from resolutions.models import (
    DelegateVote,
    Resolution,
    ResolutionAttachment,
    ResolutionField,
    ResolutionRelation,
    ResolutionReview,
)
from sessions.models import Session

# Strongest effect first: a repealed resolution stays repealed even if it was amended before.
_STATUS_PRECEDENCE = [
    ResolutionRelation.Kind.REPEALS,
    ResolutionRelation.Kind.REPLACES,
    ResolutionRelation.Kind.AMENDS,
]
_RELATION_STATUSES = set(ResolutionRelation.TARGET_STATUS.values())


def resolution_series(*, council: Council, is_normative: bool) -> str:
    """The number sequence a resolution belongs to under the council's numbering style."""
    if council.resolution_sequence == Council.Sequence.SHARED:
        return Resolution.Series.SHARED
    return Resolution.Series.NORMATIVE if is_normative else Resolution.Series.INDIVIDUAL


def resolution_next_number(*, council: Council, year: int, is_normative: bool) -> int:
    """The number the form proposes: one more than the highest used in the year's sequence."""
    series = resolution_series(council=council, is_normative=is_normative)
    highest = Resolution.objects.filter(council=council, year=year, series=series).aggregate(
        n=Max("number")
    )["n"]
    return (highest or 0) + 1


def _duplicate_error(resolution: Resolution) -> ValidationError | None:
    other = (
        Resolution.objects.filter(
            council_id=resolution.council_id,
            year=resolution.year,
            series=resolution.series,
            number=resolution.number,
        )
        .exclude(pk=resolution.pk)
        .first()
    )
    if other is None:
        return None
    free = resolution_next_number(
        council=resolution.council, year=resolution.year, is_normative=resolution.is_normative
    )
    return ValidationError(
        {
            "number": _(
                "Số %(symbol)s đã được dùng cho nghị quyết «%(title)s» (thông qua ngày "
                "%(date)s). Số tiếp theo còn trống là %(free)s."
            )
            % {
                "symbol": other.symbol,
                "title": other.title[:120],
                "date": other.adopted_date.strftime("%d/%m/%Y"),
                "free": free,
            }
        }
    )


def _validate_votes(resolution: Resolution) -> None:
    """A resolution passes only with more than half of all the term's delegates in favour."""
    errors: dict[str, list[str]] = {}
    total = term_delegate_count(term=resolution.term)
    votes = [resolution.votes_for, resolution.votes_against, resolution.votes_abstain]
    if resolution.votes_for is None:
        if any(v is not None for v in votes[1:]) or resolution.delegates_present is not None:
            errors["votes_for"] = [_("Nhập số đại biểu tán thành.")]
    elif total:
        needed = total // 2 + 1
        if resolution.votes_for < needed:
            errors["votes_for"] = [
                _(
                    "Nghị quyết chỉ được thông qua khi quá nửa tổng số đại biểu HĐND tán thành: "
                    "nhiệm kỳ có %(total)s đại biểu nên cần ít nhất %(needed)s phiếu tán thành, "
                    "mới có %(got)s."
                )
                % {"total": total, "needed": needed, "got": resolution.votes_for}
            ]
    present = resolution.delegates_present
    if present is not None:
        if total and present > total:
            errors["delegates_present"] = [
                _("Số đại biểu có mặt (%(present)s) lớn hơn tổng số đại biểu (%(total)s).")
                % {"present": present, "total": total}
            ]
        cast = sum(v or 0 for v in votes)
        if cast > present:
            errors.setdefault("delegates_present", []).append(
                _(
                    "Tổng số phiếu tán thành, không tán thành và không biểu quyết (%(cast)s) "
                    "vượt quá số đại biểu có mặt (%(present)s)."
                )
                % {"cast": cast, "present": present}
            )
    if errors:
        raise ValidationError(errors)


def _prepare(resolution: Resolution) -> None:
    """Derive the fields the user does not type: year, term, series, search text."""
    council = resolution.council
    if resolution.adopted_date is None:
        raise ValidationError({"adopted_date": _("Nhập ngày thông qua.")})
    resolution.year = resolution.adopted_date.year
    if resolution.session_id:
        session = resolution.session
        if session.term.council_id != council.pk:
            raise ValidationError({"session": _("Kỳ họp này không thuộc HĐND đang chọn.")})
        if resolution.adopted_date < session.start_date:
            raise ValidationError(
                {"adopted_date": _("Ngày thông qua không được trước ngày khai mạc kỳ họp.")}
            )
        resolution.term = session.term
    else:
        term = term_for_date(council=council, day=resolution.adopted_date)
        if term is None:
            raise ValidationError(
                {"adopted_date": _("Ngày thông qua không thuộc nhiệm kỳ nào của HĐND.")}
            )
        resolution.term = term
    if not resolution.number:
        resolution.number = resolution_next_number(
            council=council, year=resolution.year, is_normative=resolution.is_normative
        )
    resolution.series = resolution_series(council=council, is_normative=resolution.is_normative)
    resolution.search_text = fold(f"{resolution.symbol} {resolution.title}")


def _derive_vote_totals(resolution: Resolution) -> bool:
    """When the resolution has per-delegate votes, its totals are theirs (whatever a form
    typed): for, against, abstain, and present = all but the absent. Returns whether it had
    rows. The register, its exports and the annual report read these stored totals."""
    if resolution.pk is None:
        return False
    counts = dict(
        DelegateVote.objects.filter(resolution=resolution)
        .values_list("choice")
        .annotate(n=Count("pk"))
        .order_by()
    )
    if not counts:
        return False
    choice = DelegateVote.Choice
    resolution.votes_for = counts.get(choice.FOR, 0)
    resolution.votes_against = counts.get(choice.AGAINST, 0)
    resolution.votes_abstain = counts.get(choice.ABSTAIN, 0)
    resolution.delegates_present = (
        resolution.votes_for + resolution.votes_against + resolution.votes_abstain
    )
    return True


def _save(
    resolution: Resolution, *, ratified_matters: Iterable[InterSessionMatter] | None
) -> Resolution:
    _prepare(resolution)
    _derive_vote_totals(resolution)
    duplicate = _duplicate_error(resolution)
    if duplicate is not None:
        raise duplicate
    _validate_votes(resolution)
    resolution.full_clean()
    try:
        # A savepoint: two staff saving the same number at once pass the check above together;
        # the unique constraint lets one through and the other lands here.
        with transaction.atomic():
            resolution.save()
    except IntegrityError:
        duplicate = _duplicate_error(resolution)
        if duplicate is None:
            raise
        raise duplicate from None
    if ratified_matters is not None:
        resolution.ratified_matters.set(ratified_matters)
    return resolution


@transaction.atomic
def resolution_create(
    *,
    council: Council,
    adopted_date: dt.date,
    title: str,
    is_normative: bool = False,
    number: int | None = None,
    session: Session | None = None,
    effective_date: dt.date | None = None,
    field: ResolutionField | None = None,
    votes_for: int | None = None,
    votes_against: int | None = None,
    votes_abstain: int | None = None,
    delegates_present: int | None = None,
    signer: str = "",
    status: str = Resolution.Status.IN_FORCE,
    is_public: bool = True,
    ratified_matters: Iterable[InterSessionMatter] | None = None,
    user: Any = None,
) -> Resolution:
    resolution = Resolution(
        council=council,
        number=number or 0,
        is_normative=is_normative,
        session=session,
        adopted_date=adopted_date,
        effective_date=effective_date,
        title=title.strip(),
        field=field,
        votes_for=votes_for,
        votes_against=votes_against,
        votes_abstain=votes_abstain,
        delegates_present=delegates_present,
        signer=signer,
        status=status,
        is_public=is_public,
    )
    if user is not None and getattr(user, "is_authenticated", False):
        resolution.created_by = user
    return _save(resolution, ratified_matters=ratified_matters)


_UPDATABLE = {
    "number",
    "is_normative",
    "session",
    "adopted_date",
    "effective_date",
    "title",
    "field",
    "votes_for",
    "votes_against",
    "votes_abstain",
    "delegates_present",
    "signer",
    "status",
    "is_public",
}


@transaction.atomic
def resolution_update(
    *,
    resolution: Resolution,
    ratified_matters: Iterable[InterSessionMatter] | None = None,
    user: Any = None,
    **changes: Any,
) -> Resolution:
    unknown = set(changes) - _UPDATABLE
    if unknown:
        raise TypeError(f"resolution_update() cannot change {sorted(unknown)}")
    for name, value in changes.items():
        setattr(resolution, name, value)
    return _save(resolution, ratified_matters=ratified_matters)


def _refresh_target_status(target: Resolution) -> None:
    kinds = set(target.incoming_relations.values_list("kind", flat=True))
    status = next(
        (ResolutionRelation.TARGET_STATUS[k] for k in _STATUS_PRECEDENCE if k in kinds), None
    )
    if status is None:
        # No relation left: only a status that came from a relation goes back to "in force".
        if target.status not in _RELATION_STATUSES:
            return
        status = Resolution.Status.IN_FORCE
    if target.status != status:
        target.status = status
        target.save(update_fields=["status", "updated_at"])


@transaction.atomic
def resolution_relation_create(
    *,
    source: Resolution,
    target: Resolution,
    kind: str,
    effective_date: dt.date | None = None,
    note: str = "",
    user: Any = None,
) -> ResolutionRelation:
    """Record that `source` amends / replaces / repeals `target`, and update target's status."""
    if target.adopted_date > source.adopted_date:
        raise ValidationError(
            {
                "target": _(
                    "Nghị quyết %(target)s thông qua sau nghị quyết %(source)s nên không thể bị "
                    "nó sửa đổi, thay thế hay bãi bỏ."
                )
                % {"target": target.symbol, "source": source.symbol}
            }
        )
    relation = ResolutionRelation(
        source=source,
        target=target,
        kind=kind,
        effective_date=effective_date or source.effective_date or source.adopted_date,
        note=note,
    )
    if user is not None and getattr(user, "is_authenticated", False):
        relation.created_by = user
    relation.full_clean()
    relation.save()
    _refresh_target_status(target)
    return relation


@transaction.atomic
def resolution_relation_delete(*, relation: ResolutionRelation) -> None:
    target = relation.target
    relation.delete()
    _refresh_target_status(target)


@transaction.atomic
def resolution_attachment_add(
    *,
    resolution: Resolution,
    upload: UploadedFile,
    kind: str = ResolutionAttachment.Kind.SIGNED,
    user: Any = None,
) -> ResolutionAttachment:
    """Check the content (not the extension) and size, then store under a generated name."""
    mime = validate_document(upload)
    attachment = ResolutionAttachment(
        resolution=resolution,
        kind=kind,
        original_name=(upload.name or "tep")[:255],
        content_type=mime,
        size=upload.size or 0,
    )
    if user is not None and getattr(user, "is_authenticated", False):
        attachment.created_by = user
    attachment.file = upload
    attachment.full_clean()
    attachment.save()
    return attachment


@transaction.atomic
def resolution_attachment_delete(*, attachment: ResolutionAttachment) -> None:
    storage, name = attachment.file.storage, attachment.file.name
    attachment.delete()
    # Remove the file only once the row is gone for good.
    transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def resolution_review_save(*, review: ResolutionReview) -> ResolutionReview:
    """Record that the province received a commune council's normative resolution for review,
    or its conclusion."""
    resolution = review.resolution
    if resolution.council.parent_id is None or not resolution.is_normative:
        raise ValidationError(_("Chỉ rà soát nghị quyết quy phạm pháp luật của HĐND cấp xã."))
    if review.received_date and review.received_date < resolution.adopted_date:
        raise ValidationError(
            {"received_date": _("Ngày nhận không được trước ngày thông qua nghị quyết.")}
        )
    review.full_clean()
    review.save()
    return review


@transaction.atomic
def delegate_votes_save(
    *, resolution: Resolution, votes: dict[int, str], user: Any = None
) -> list[DelegateVote]:
    """Record how each delegate of the resolution's term voted ({delegate id: choice}), in
    place of what was recorded before (a delegate left out has no row), and set the
    resolution's totals from the rows. All or nothing: a vote that breaks the resolution's
    rules (fewer than half the term's delegates in favour) saves none of it."""
    valid = set(DelegateVote.Choice.values)
    bad = sorted({c for c in votes.values() if c not in valid})
    if bad:
        raise ValidationError(_("Biểu quyết không hợp lệ: %(v)s.") % {"v": ", ".join(bad)})
    term_delegates = set(
        Delegate.objects.filter(term_id=resolution.term_id).values_list("pk", flat=True)
    )
    strangers = set(votes) - term_delegates
    if strangers:
        raise ValidationError(_("Có đại biểu không thuộc nhiệm kỳ của nghị quyết."))
    # Lock the resolution: two saves of its votes at once would mix their rows.
    resolution = (
        Resolution.objects.select_for_update()
        .select_related("council", "term")
        .get(pk=resolution.pk)
    )
    existing = {v.delegate_id: v for v in DelegateVote.objects.filter(resolution=resolution)}
    for delegate_id, vote in existing.items():
        if delegate_id not in votes:
            vote.delete()
    saved = []
    for delegate_id, choice in votes.items():
        vote = existing.get(delegate_id)
        if vote is None:
            vote = DelegateVote(resolution=resolution, delegate_id=delegate_id, choice=choice)
            if user is not None and getattr(user, "is_authenticated", False):
                vote.created_by = user
            vote.save()
        elif vote.choice != choice:
            vote.choice = choice
            vote.save(update_fields=["choice", "updated_at"])
        saved.append(vote)
    if not _derive_vote_totals(resolution):
        # Every row removed: the totals typed before stay as they were.
        return saved
    _validate_votes(resolution)
    resolution.save(
        update_fields=[
            "votes_for",
            "votes_against",
            "votes_abstain",
            "delegates_present",
            "updated_at",
        ]
    )
    return saved


@transaction.atomic
def delegate_votes_import(
    *, resolution: Resolution, votes: dict[int, str], user: Any
) -> list[DelegateVote]:
    """The vote per delegate read from a spreadsheet (resolutions.vote_imports): saved as
    delegate_votes_save saves a typed one, then announced (core.imports) once committed."""
    saved = delegate_votes_save(resolution=resolution, votes=votes, user=user)
    import_finished_send(
        sender=DelegateVote,
        user=user,
        item=resolution,
        what=_("biểu quyết của đại biểu"),
        count=len(saved),
        url=resolution.get_absolute_url(),
    )
    return saved
