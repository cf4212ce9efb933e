"""The pages the benchmark and the query-count tests visit, with the budget of each kind.

One catalogue for both, so that what the tests assert is what the benchmark measures."""

from __future__ import annotations

import math
from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse

from council.models import Council
from oversight.models import OversightActivity, OversightProgramme, OversightRecommendation
from resolutions.models import Resolution
from sessions.models import Session
from voters.models import (
    CitizenReception,
    ForwardingBatch,
    Letter,
    VoterMeeting,
    VoterPetition,
)

# Queries per page, identical at every data size (issue 8), counted uncached (issue 18): every
# page also reads the session, the user and the user's roles, which came from caches before.
# The dashboard sets the year before's figures beside the year's (12 aggregate statements for
# both, grouped by year) and adds the panels of what is overdue by agency, the programme and the
# next sessions. A petition search on PostgreSQL sets the planner's settings for its page and,
# inside the tests' transaction, resets them, and reads the page's keys before its rows
# (core.paginators.SearchPaginator): 3 more than other lists. Every page shows the rows of the
# login's council (issue 19): a page that did not read the council before (a session's page)
# reads it once, 11 -> 12 for details. The
# dashboard's casework card (issue 21) is 2 of its 12 aggregate statements.
BUDGETS = {"dashboard": 22, "list": 11, "search": 14, "detail": 12, "form": 11, "export": 10}
# Pages over their kind's budget by design. The session's page carries a card of each floor
# above it (sessions.fragments: what it adopted, its questioning, its petitions report, its
# invitations, issue 20), a query each.
PAGE_BUDGETS = {"session_detail": 13}
PAGE_SIZE = 25


@dataclass(frozen=True)
class Page:
    name: str
    kind: str  # dashboard | list | search | detail | form | export
    url: str

    @property
    def budget(self) -> int:
        return PAGE_BUDGETS.get(self.name, BUDGETS[self.kind])


def _last_page(count: int) -> int:
    return max(1, math.ceil(count / PAGE_SIZE))


def _pk(queryset) -> int | None:
    # The newest row with the most related data is the realistic detail page; "order_by(pk)"
    # keeps the choice the same on every run.
    return queryset.order_by("-pk").values_list("pk", flat=True).first()


# (url name, queryset of the council's rows for the last page, or None when the list has no
# council-wide count worth paging to the end)
LISTS = [
    ("sessions:session_list", lambda c: Session.objects.filter(term__council=c)),
    ("resolutions:resolution_list", lambda c: Resolution.objects.filter(council=c)),
    ("oversight:activity_list", lambda c: OversightActivity.objects.filter(term__council=c)),
    (
        "oversight:recommendation_list",
        lambda c: OversightRecommendation.objects.filter(activity__term__council=c),
    ),
    ("oversight:recommendation_overdue", None),
    ("oversight:programme_list", lambda c: OversightProgramme.objects.filter(term__council=c)),
    ("voters:votermeeting_list", lambda c: VoterMeeting.objects.filter(term__council=c)),
    (
        "voters:voterpetition_list",
        lambda c: VoterPetition.objects.filter(term__council=c, consolidated_into__isnull=True),
    ),
    ("voters:petition_awaiting", None),
    ("voters:petition_overdue", None),
    ("voters:forwardingbatch_list", lambda c: ForwardingBatch.objects.filter(term__council=c)),
    ("voters:letter_list", lambda c: Letter.objects.filter(term__council=c)),
    ("voters:citizenreception_list", lambda c: CitizenReception.objects.filter(term__council=c)),
    ("voters:index", None),
    ("voters:petition_by_session", None),
]
SEARCHES = [
    ("search petitions", "voters:voterpetition_list", "duong"),
    ("search resolutions", "resolutions:resolution_list", "dau tu"),
    ("search activities", "oversight:activity_list", "tong hop"),
    ("search letters", "voters:letter_list", "dat dai"),
]
# New searches (issue 8: "search over 1.5 million petitions, p95 under 100 ms"): each is
# visited once, as a user who has the list open types it, so nothing of that search is cached
# (its page, its matches); the p95 is taken across them. Words of the generated petitions,
# from rare (a kilometre mark, a name) to very common ("de nghi" is in most of them), one to
# four words, with and without diacritics, and words that match nothing.
NEW_SEARCHES = [
    "duong",
    "Đường",
    "de nghi",
    "cau treo suoi",
    "dien ap yeu",
    "giao vien tieu hoc",
    "nha van hoa thon",
    "bai rac",
    "gia suc gia cam",
    "cho nong thon",
    "internet",
    "km12",
    "km12 hong phong",  # tens of matches: within the cap, the page sorted from the matches' keys
    "thon 13",
    "xa hong phong",
    "chuyen doi so",
    "cát sỏi",
    "bồi thường giải phóng mặt bằng",
    "tram y te",
    "nuoc sach",
    "khong co gi",
]

DETAILS = [
    ("sessions:session_detail", lambda c: Session.objects.filter(term__council=c, status="closed")),
    ("resolutions:resolution_detail", lambda c: Resolution.objects.filter(council=c)),
    ("oversight:activity_detail", lambda c: OversightActivity.objects.filter(term__council=c)),
    (
        "oversight:recommendation_detail",
        lambda c: OversightRecommendation.objects.filter(activity__term__council=c),
    ),
    ("oversight:programme_detail", lambda c: OversightProgramme.objects.filter(term__council=c)),
    ("voters:votermeeting_detail", lambda c: VoterMeeting.objects.filter(term__council=c)),
    (
        "voters:voterpetition_detail",
        lambda c: VoterPetition.objects.filter(term__council=c, is_consolidated=True),
    ),
    (
        "voters:forwardingbatch_detail",
        lambda c: ForwardingBatch.objects.filter(term__council=c, session__isnull=False),
    ),
    ("voters:letter_detail", lambda c: Letter.objects.filter(term__council=c)),
    ("voters:citizenreception_detail", lambda c: CitizenReception.objects.filter(term__council=c)),
]

# Forms staff open all day: their drop-downs and checklists grow with the history.
FORMS = [
    ("new petition form", "voters:voterpetition_create"),
    ("new resolution form", "resolutions:resolution_create"),
    ("forwarding letter form", "voters:forwardingbatch_create"),
]


def page_names() -> list[tuple[str, str]]:
    """(name, kind) of every page of the catalogue, known without a database."""
    names = [("dashboard", "dashboard")]
    for url_name, rows in LISTS:
        label = url_name.split(":")[1]
        names.append((f"{label} p1", "list"))
        if rows is not None:
            names.append((f"{label} last", "list"))
    names += [(name, "search") for name, _u, _q in SEARCHES]
    names += [(url_name.split(":")[1], "detail") for url_name, _rows in DETAILS]
    names += [(name, "form") for name, _url_name in FORMS]
    return names


def catalogue(*, council: Council, year: int) -> list[Page]:
    """The dashboard, every list (first and last page), searches, detail pages and the busiest
    forms."""
    pages = [Page("dashboard", "dashboard", f"{reverse('reports:dashboard')}?year={year}")]
    for url_name, rows in LISTS:
        url = reverse(url_name)
        label = url_name.split(":")[1]
        pages.append(Page(f"{label} p1", "list", url))
        if rows is not None:
            last = _last_page(rows(council).count())
            pages.append(Page(f"{label} last", "list", f"{url}?page={last}"))
    for name, url_name, words in SEARCHES:
        pages.append(Page(name, "search", f"{reverse(url_name)}?{urlencode({'q': words})}"))
    for url_name, rows in DETAILS:
        pk = _pk(rows(council))
        if pk is not None:
            pages.append(Page(url_name.split(":")[1], "detail", reverse(url_name, args=[pk])))
    pages += [Page(name, "form", reverse(url_name)) for name, url_name in FORMS]
    return pages


def export_pages(*, council: Council, year: int) -> list[Page]:
    """Excel exports; the benchmark sizes them with ?year= to about 10,000 rows."""
    return [
        Page(
            "export petitions",
            "export",
            f"{reverse('voters:voterpetition_export')}?year={year}",
        ),
        Page("export resolutions", "export", reverse("resolutions:resolution_export_xlsx")),
        Page("export letters", "export", f"{reverse('voters:letter_export')}?year={year}"),
    ]


def province_pages(*, council: Council, year: int) -> list[Page]:
    """A province's pages over its communes (issue 19): the communes' overview of `year` (five
    statements whatever their number) and the review list of their normative resolutions,
    first and last page."""
    from resolutions.selectors import commune_normative_resolutions

    review = reverse("resolutions:review_list")
    last = _last_page(commune_normative_resolutions(province=council).count())
    return [
        Page("communes overview", "list", f"{reverse('reports:communes')}?year={year}"),
        Page("review_list p1", "list", review),
        Page("review_list last", "list", f"{review}?page={last}"),
    ]
