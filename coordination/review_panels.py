"""Dashboard panels of the review cycle (manual step 5.6).

Each officer sees their own overdue and soon-due agencies; the supervisors see office-wide counts
by category and by officer, with a link to the report. Items sent back to an officer for changes
are Wagtail's own panel ("your items in moderation", which lists needs-changes states too).
"""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component

from coordination.permissions import can_edit_registry, is_supervisor
from coordination.selectors.review import (
    DUE_SOON,
    OVERDUE,
    office_review,
    officer_review,
)
from coordination.thai_dates import thai_date

LISTING_URL_NAME = "wagtailsnippets_coordination_agency:list"
EDIT_URL_NAME = "wagtailsnippets_coordination_agency:edit"


def _listing_url(**params) -> str:
    return f"{reverse(LISTING_URL_NAME)}?{urlencode(params)}"


def _rows(agencies) -> list[dict]:
    return [
        {
            "name": agency.name_th,
            "url": reverse(EDIT_URL_NAME, args=[agency.pk]),
            "due": thai_date(agency.review_due_at),
        }
        for agency in agencies
    ]


class OfficerReviewPanel(Component):
    """ข้อมูลที่ต้องทบทวน: the signed-in officer's agencies that are overdue or due soon."""

    name = "coordination_officer_review"
    template_name = "coordination/admin/review_panel.html"
    order = 205  # before Wagtail's own workflow panels (210, 220)

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        review = officer_review(user=self.user, now=timezone.now())
        return {
            "review": review,
            "overdue_rows": _rows(review.overdue),
            "due_soon_rows": _rows(review.due_soon),
            "overdue_url": _listing_url(officer="me", review=OVERDUE),
            "due_soon_url": _listing_url(officer="me", review=DUE_SOON),
        }


class OfficeReviewPanel(Component):
    """ภาพรวมการทบทวนข้อมูล: office-wide counts for the supervisors."""

    name = "coordination_office_review"
    template_name = "coordination/admin/review_office_panel.html"
    order = 206

    def get_context_data(self, parent_context=None):
        review = office_review(now=timezone.now())
        listing = reverse(LISTING_URL_NAME)
        return {
            "review": review,
            "listing_url": listing,
            "report_url": reverse("coordination_admin:review_report"),
            "overdue_query": f"review={OVERDUE}",
            "due_soon_query": f"review={DUE_SOON}",
        }


def review_panels_add(request, panels: list) -> None:
    """The panels the signed-in user's role reads (construct_homepage_panels)."""
    user = request.user
    if can_edit_registry(user):
        panels.append(OfficerReviewPanel(user))
    if is_supervisor(user):
        panels.append(OfficeReviewPanel())
