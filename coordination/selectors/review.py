"""Reads of the review cycle (manual step 5.6): which agencies are overdue or due soon, for whom.

"Overdue" means the review date (`Agency.review_due_at`, stored and indexed) has passed; "due soon"
that it falls within `REVIEW_DUE_SOON_DAYS` days. Closed agencies are out of the cycle: nobody
needs to keep checking an agency that no longer exists. Every count and list here is an index
range scan on `review_due_at`, whatever the size of the registry.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from coordination.display import person_name
from coordination.models import Agency, AgencyStatus
from coordination.models.agency import REVIEW_DUE_SOON_DAYS
from coordination.roles import OFFICERS

OVERDUE = "overdue"
DUE_SOON = "due_soon"
NOT_DUE = "not_due"
REVIEW_STATUS_CHOICES = [
    (OVERDUE, _("เลยกำหนด")),
    (DUE_SOON, _("ครบกำหนดภายใน 30 วัน")),
    (NOT_DUE, _("ยังไม่ถึงกำหนด")),
]
# How many of each list the dashboard shows before linking to the listing.
DASHBOARD_LIMIT = 10


def agencies_in_review_cycle(queryset: QuerySet[Agency] | None = None) -> QuerySet[Agency]:
    """Agencies that need reviewing at all: every one that is not closed."""
    queryset = Agency.objects.all() if queryset is None else queryset
    return queryset.exclude(status=AgencyStatus.CLOSED)


def agencies_by_review_status(queryset: QuerySet[Agency], status: str, *, now) -> QuerySet[Agency]:
    """`queryset` narrowed to one review status (REVIEW_STATUS_CHOICES) as of `now`."""
    soon = now + timedelta(days=REVIEW_DUE_SOON_DAYS)
    if status == OVERDUE:
        return agencies_in_review_cycle(queryset).filter(review_due_at__lte=now)
    if status == DUE_SOON:
        return agencies_in_review_cycle(queryset).filter(
            review_due_at__gt=now, review_due_at__lte=soon
        )
    if status == NOT_DUE:
        return queryset.filter(
            Q(review_due_at__gt=soon)
            | Q(review_due_at__isnull=True)
            | Q(status=AgencyStatus.CLOSED)
        )
    return queryset


def review_status_of(agency: Agency, *, now) -> str:
    """The review status of one agency (the column, the report)."""
    due = agency.review_due_at
    if agency.status == AgencyStatus.CLOSED or due is None:
        return NOT_DUE
    if due <= now:
        return OVERDUE
    if due <= now + timedelta(days=REVIEW_DUE_SOON_DAYS):
        return DUE_SOON
    return NOT_DUE


def review_status_label(status: str) -> str:
    return str(dict(REVIEW_STATUS_CHOICES).get(status, ""))


def review_officers() -> QuerySet:
    """People who can be made responsible for agencies: active members of the officers' group,
    by name."""
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name=OFFICERS)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def responsible_people() -> QuerySet:
    """Whoever a listing or report can be narrowed to: the officers and anyone (a supervisor,
    a former officer) still responsible for an agency."""
    return (
        get_user_model()
        .objects.filter(
            Q(is_active=True, groups__name=OFFICERS)
            | Q(
                pk__in=Agency.objects.filter(responsible_officer__isnull=False).values(
                    "responsible_officer"
                )
            )
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


@dataclass(frozen=True)
class OfficerReview:
    """One officer's agencies to review: how many, and the first few of each kind."""

    overdue_count: int
    due_soon_count: int
    overdue: list[Agency]
    due_soon: list[Agency]

    @property
    def total(self) -> int:
        return self.overdue_count + self.due_soon_count


def _mine(user) -> QuerySet[Agency]:
    return Agency.objects.filter(responsible_officer=user).order_by("review_due_at", "pk")


def officer_review(*, user, now, limit: int = DASHBOARD_LIMIT) -> OfficerReview:
    """The signed-in officer's overdue and soon-due agencies (four queries)."""
    overdue = agencies_by_review_status(_mine(user), OVERDUE, now=now)
    due_soon = agencies_by_review_status(_mine(user), DUE_SOON, now=now)
    return OfficerReview(
        overdue_count=overdue.count(),
        due_soon_count=due_soon.count(),
        overdue=list(overdue[:limit]),
        due_soon=list(due_soon[:limit]),
    )


@dataclass(frozen=True)
class ReviewCountRow:
    label: str
    overdue: int
    due_soon: int
    # The listing's query string that shows these agencies ("category=3", "officer=7").
    query: str = ""


@dataclass(frozen=True)
class OfficeReview:
    by_category: list[ReviewCountRow] = field(default_factory=list)
    by_officer: list[ReviewCountRow] = field(default_factory=list)

    @property
    def overdue(self) -> int:
        return sum(row.overdue for row in self.by_category)

    @property
    def due_soon(self) -> int:
        return sum(row.due_soon for row in self.by_category)


def _counted(queryset: QuerySet[Agency], *, now, key: str):
    soon = now + timedelta(days=REVIEW_DUE_SOON_DAYS)
    return (
        agencies_in_review_cycle(queryset)
        .filter(review_due_at__lte=soon)
        .order_by()
        .values(key)
        .annotate(
            overdue=Count("pk", filter=Q(review_due_at__lte=now)),
            due_soon=Count("pk", filter=Q(review_due_at__gt=now)),
        )
    )


def office_review(*, now) -> OfficeReview:
    """Office-wide counts of overdue and soon-due agencies by category and by responsible
    officer, for the supervisors (three queries)."""
    by_category = []
    rows = _counted(Agency.objects.all(), now=now, key="category_id").values(
        "category_id", "category__name_th", "category__sort_order", "overdue", "due_soon"
    )
    for row in sorted(rows, key=lambda r: (r["category__sort_order"] or 0, r["category_id"] or 0)):
        by_category.append(
            ReviewCountRow(
                label=row["category__name_th"] or str(_("ไม่ระบุประเภท")),
                overdue=row["overdue"],
                due_soon=row["due_soon"],
                query=f"category={row['category_id']}" if row["category_id"] else "",
            )
        )
    officer_rows = list(_counted(Agency.objects.all(), now=now, key="responsible_officer_id"))
    people = get_user_model().objects.in_bulk(
        [row["responsible_officer_id"] for row in officer_rows if row["responsible_officer_id"]]
    )
    by_officer = []
    for row in officer_rows:
        person = people.get(row["responsible_officer_id"])
        by_officer.append(
            ReviewCountRow(
                label=person_name(person) if person else str(_("ยังไม่มีผู้รับผิดชอบ")),
                overdue=row["overdue"],
                due_soon=row["due_soon"],
                query=f"officer={person.pk}" if person else "officer=none",
            )
        )
    by_officer.sort(key=lambda row: (-row.overdue, -row.due_soon, row.label))
    return OfficeReview(by_category=by_category, by_officer=by_officer)


@dataclass(frozen=True)
class ReviewDigest:
    """What one officer's reminder e-mail lists."""

    user: object
    overdue: list[Agency]
    due_soon: list[Agency]


def review_digests(*, now) -> list[ReviewDigest]:
    """Each active officer with an e-mail address and something overdue or due soon, with
    those agencies, soonest first (two queries, whatever the number of officers)."""
    soon = now + timedelta(days=REVIEW_DUE_SOON_DAYS)
    agencies = (
        agencies_in_review_cycle()
        .filter(
            review_due_at__lte=soon,
            responsible_officer__is_active=True,
            responsible_officer__email__gt="",
        )
        .order_by("responsible_officer_id", "review_due_at", "pk")
        .only("pk", "name_th", "review_due_at", "responsible_officer_id", "status")
    )
    grouped: dict[int, tuple[list, list]] = {}
    for agency in agencies:
        overdue, due_soon = grouped.setdefault(agency.responsible_officer_id, ([], []))
        (overdue if agency.review_due_at <= now else due_soon).append(agency)
    people = get_user_model().objects.in_bulk(list(grouped))
    return [
        ReviewDigest(user=people[pk], overdue=overdue, due_soon=due_soon)
        for pk, (overdue, due_soon) in grouped.items()
        if pk in people
    ]
