"""No double records: a create form carries a one-time token issued when the page is rendered,
and the record is saved only by the transaction that claims it. The claim is an INSERT into a
unique column, so a second submission of the same page (a double click, two requests at once,
a POST sent again from the browser's history) fails on the constraint; on PostgreSQL the second
INSERT waits for the first transaction and fails once it commits. The second request is then
sent to the record the first one saved."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable
from typing import Any, TypeVar

from django import forms
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils import timezone
from django.utils.translation import gettext as _

from core.forms import apply_validation_error
from core.models import FormSubmission

FORM_TOKEN_FIELD = "form_token"
# Claimed tokens are kept this long: a page left open in a tab over a weekend and submitted
# again is still recognised. The rows are tiny (a province saves hundreds of records a day).
KEEP_FOR = dt.timedelta(days=7)

M = TypeVar("M", bound=models.Model)


def new_form_token() -> str:
    return secrets.token_urlsafe(24)


def add_form_token(form: forms.BaseForm) -> None:
    """Give a create form its hidden one-time token. A form shown again after an error keeps
    the submitted one (it was not claimed: the transaction rolled back)."""
    # Not required and no length limit here: a missing or forged token is refused by the
    # claim with a message the user sees (errors of a hidden field are easily not shown).
    form.fields[FORM_TOKEN_FIELD] = forms.CharField(widget=forms.HiddenInput, required=False)
    form.initial.setdefault(FORM_TOKEN_FIELD, new_form_token())


class SubmissionRefused(Exception):
    """The form's token does not allow a new record; nothing was saved."""


class MissingFormToken(SubmissionRefused):
    def __init__(self) -> None:
        super().__init__(
            _(
                "Biểu mẫu này không có mã gửi (trang đã cũ hoặc không đầy đủ) nên bản ghi "
                "CHƯA được lưu. Hãy kiểm tra lại rồi bấm Lưu lần nữa."
            )
        )


class DuplicateSubmission(SubmissionRefused):
    def __init__(self, submission: FormSubmission | None) -> None:
        self.submission = submission
        super().__init__(
            _(
                "Biểu mẫu này đã được gửi; bản ghi tạo từ lần gửi đó không còn nên lần gửi "
                "này CHƯA được lưu. Nếu vẫn muốn lưu, bấm Lưu lần nữa."
            )
        )

    @property
    def record(self) -> models.Model | None:
        return _saved_record(self.submission)


def _saved_record(submission: FormSubmission | None) -> models.Model | None:
    """What a claimed submission saved, if it still exists and has a page."""
    if submission is None or submission.content_type_id is None:
        return None
    model = ContentType.objects.get_for_id(submission.content_type_id).model_class()
    if model is None or not hasattr(model, "get_absolute_url"):
        return None
    return model._default_manager.filter(pk=submission.object_id).first()


TOKEN_MAX_LENGTH = FormSubmission._meta.get_field("token").max_length


def _claim(*, token: str | None, user: Any) -> FormSubmission:
    if not token or len(token) > TOKEN_MAX_LENGTH:
        raise MissingFormToken
    try:
        # A savepoint: the failed INSERT must not abort the caller's transaction on PostgreSQL
        # before the first submission is read below.
        with transaction.atomic():
            return FormSubmission.objects.create(
                token=token, user=user if getattr(user, "is_authenticated", False) else None
            )
    except IntegrityError:
        raise DuplicateSubmission(FormSubmission.objects.filter(token=token).first()) from None


@transaction.atomic
def form_submission_save(*, token: str | None, user: Any, save: Callable[[], M]) -> M:
    """Claim the form's token, then save(): both in one transaction (the caller's, when it has
    one), so the claim is undone if the save fails and the record is never saved unclaimed.
    Raises MissingFormToken or DuplicateSubmission instead of saving."""
    submission = _claim(token=token, user=user)
    record = save()
    submission.content_type = ContentType.objects.get_for_model(record)
    submission.object_id = record.pk
    submission.save(update_fields=["content_type", "object_id"])
    # Opportunistic clean-up, after the commit so that it holds no lock of the save's: one
    # DELETE walking the created_at index, which finds nothing most of the time.
    transaction.on_commit(form_submissions_purge)
    return record


def form_submissions_purge(*, older_than: dt.timedelta = KEEP_FOR) -> int:
    """Forget tokens claimed longer ago than `older_than`; returns how many."""
    deleted, _by_model = FormSubmission.objects.filter(
        created_at__lt=timezone.now() - older_than
    ).delete()
    return deleted


def _sent_to_record(request: HttpRequest, record: models.Model) -> HttpResponse:
    messages.info(
        request,
        _(
            "Biểu mẫu này đã được gửi và «%(obj)s» đã được lưu; không lưu thêm bản ghi thứ "
            "hai. Muốn nhập bản ghi khác, hãy mở biểu mẫu mới."
        )
        % {"obj": record},
    )
    return HttpResponseRedirect(record.get_absolute_url())


def answer_repeated_submission(request: HttpRequest, form: forms.BaseForm) -> HttpResponse | None:
    """For a create form that did not validate: if its token was claimed already, this is the
    same page sent again after it saved (its values now clash with the saved record, e.g. a
    number already taken), so the user is sent to that record rather than shown an error."""
    if not form.is_bound or FORM_TOKEN_FIELD not in form.fields:
        return None
    token = form.data.get(form.add_prefix(FORM_TOKEN_FIELD))
    record = _saved_record(FormSubmission.objects.filter(token=token).first() if token else None)
    return _sent_to_record(request, record) if record is not None else None


def answer_refused_submission(
    request: HttpRequest, form: forms.BaseForm, exc: SubmissionRefused
) -> HttpResponse | None:
    """A repeated submission goes to the record the first one saved. Otherwise (no token, or
    the first record is gone) the form gets the reason and a fresh token, so that saving again,
    knowingly, saves once; the caller shows the form again (None)."""
    record = exc.record if isinstance(exc, DuplicateSubmission) else None
    if record is not None:
        return _sent_to_record(request, record)
    form.add_error(None, str(exc))
    form.data = form.data.copy()
    form.data[form.add_prefix(FORM_TOKEN_FIELD)] = new_form_token()
    return None


def create_once(
    request: HttpRequest, form: forms.BaseForm, save: Callable[[], M]
) -> tuple[M | None, HttpResponse | None]:
    """A function view's create form, guarded as core.views' create views are (its token added
    by the caller with add_form_token): (record, None) once saved; (None, response) when the
    request is answered otherwise (a repeated submission sent to what the first one saved);
    (None, None) to show the form again (a GET, or errors now on the form)."""
    if request.method != "POST":
        return None, None
    if not form.is_valid():
        return None, answer_repeated_submission(request, form)
    token = form.cleaned_data[FORM_TOKEN_FIELD]
    try:
        return form_submission_save(token=token, user=request.user, save=save), None
    except SubmissionRefused as exc:
        return None, answer_refused_submission(request, form, exc)
    except ValidationError as exc:
        apply_validation_error(form, exc)
        return None, None
