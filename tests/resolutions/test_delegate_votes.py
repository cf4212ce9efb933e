"""A resolution's vote per delegate: the totals follow the rows, the form, the import."""

from __future__ import annotations

import datetime as dt
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from council.models import Delegate
from resolutions import services
from resolutions.models import DelegateVote, Resolution

pytestmark = pytest.mark.django_db

NAMES = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em"]


@pytest.fixture
def delegates(term) -> list[Delegate]:
    return [
        Delegate.objects.create(term=term, full_name=n, birth_year=1970 + i)
        for i, n in enumerate(NAMES)
    ]


@pytest.fixture
def resolution(council, term, delegates) -> Resolution:
    return services.resolution_create(
        council=council, adopted_date=dt.date(2020, 12, 10), title="Nghị quyết về dự toán"
    )


def _votes(delegates, *choices):
    return {d.pk: c for d, c in zip(delegates, choices, strict=False)}


def test_totals_follow_the_delegates_rows(resolution, delegates):
    services.delegate_votes_save(
        resolution=resolution,
        votes=_votes(delegates, "for", "for", "for", "against", "absent"),
    )
    resolution.refresh_from_db()
    assert (resolution.votes_for, resolution.votes_against, resolution.votes_abstain) == (3, 1, 0)
    assert resolution.delegates_present == 4
    # An edit of the register cannot type other totals over the rows.
    services.resolution_update(resolution=resolution, votes_for=5, delegates_present=5)
    resolution.refresh_from_db()
    assert (resolution.votes_for, resolution.delegates_present) == (3, 4)


def test_a_vote_without_a_majority_saves_nothing(resolution, delegates):
    with pytest.raises(ValidationError):
        services.delegate_votes_save(
            resolution=resolution,
            votes=_votes(delegates, "for", "for", "against", "against", "abstain"),
        )
    assert not DelegateVote.objects.exists()


def test_a_delegate_of_another_term_is_refused(resolution, delegates, other_term_delegate):
    with pytest.raises(ValidationError):
        services.delegate_votes_save(resolution=resolution, votes={other_term_delegate.pk: "for"})


@pytest.fixture
def other_term_delegate(council) -> Delegate:
    from council.models import Term

    term = Term.objects.create(
        council=council, ordinal=10, roman="X", start_date=dt.date(2021, 6, 1)
    )
    return Delegate.objects.create(term=term, full_name="Người Khóa Sau", birth_year=1990)


def test_staff_enter_the_votes_on_the_form(staff_client, resolution, delegates):
    url = reverse("resolutions:delegate_votes", args=[resolution.pk])
    assert staff_client.get(url).status_code == 200
    data = {f"d{d.pk}": "for" for d in delegates}
    assert staff_client.post(url, data).status_code == 302
    resolution.refresh_from_db()
    assert resolution.votes_for == 5


def test_leaders_cannot_enter_votes(leader_client, resolution):
    url = reverse("resolutions:delegate_votes", args=[resolution.pk])
    assert leader_client.get(url).status_code == 403


def _xlsx(rows) -> SimpleUploadedFile:
    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(list(row))
    buffer = BytesIO()
    wb.save(buffer)
    return SimpleUploadedFile("ket-qua.xlsx", buffer.getvalue())


def test_import_a_good_file_then_confirm(staff_client, resolution, delegates):
    url = reverse("resolutions:delegate_votes_import", args=[resolution.pk])
    upload = _xlsx(
        [
            ("Họ và tên", "Biểu quyết"),
            ("Nguyễn Văn An", "Tán thành"),
            ("tran thi binh", "tán thành"),
            ("Lê Văn Cường", "Đồng ý"),
            ("Phạm Thị Dung", "Không biểu quyết"),
        ]
    )
    preview = staff_client.post(url, {"file": upload})
    assert preview.status_code == 200
    assert not DelegateVote.objects.exists()  # nothing before the confirmation
    result = preview.context["result"]
    assert [d.full_name for d in result.missing] == ["Hoàng Văn Em"]
    confirm = reverse("resolutions:delegate_votes_import_confirm", args=[resolution.pk])
    assert staff_client.post(confirm, {"token": preview.context["token"]}).status_code == 302
    resolution.refresh_from_db()
    assert (resolution.votes_for, resolution.votes_abstain, resolution.delegates_present) == (
        3,
        1,
        4,
    )
    assert DelegateVote.objects.get(delegate__full_name="Hoàng Văn Em").choice == "absent"


def test_import_csv_with_bad_rows_saves_nothing(staff_client, resolution, delegates):
    url = reverse("resolutions:delegate_votes_import", args=[resolution.pk])
    text = (
        "Họ và tên;Biểu quyết\n"
        "Nguyễn Văn An;Tán thành\n"
        "Người Lạ;Tán thành\n"
        "Nguyễn Văn An;Tán thành\n"
        "Trần Thị Bình;Có lẽ\n"
    )
    upload = SimpleUploadedFile("ket-qua.csv", text.encode("utf-8"))
    response = staff_client.post(url, {"file": upload})
    errors = [str(e) for e in response.context["errors"]]
    assert any("Dòng 3" in e and "Người Lạ" in e for e in errors)
    assert any("Dòng 4" in e and "đã có ở dòng 2" in e for e in errors)
    assert any("Dòng 5" in e and "Có lẽ" in e for e in errors)
    assert not DelegateVote.objects.exists()
    resolution.refresh_from_db()
    assert resolution.votes_for is None
