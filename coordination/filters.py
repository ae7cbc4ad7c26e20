"""Filters of the admin agency listing and of the internal view log."""

import django_filters
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef, Value
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_filters.fields import ModelChoiceField
from wagtail.admin.filters import WagtailFilterSet
from wagtail.models import WorkflowState

from coordination import geo
from coordination.display import person_name
from coordination.models import Agency, AgencyCategory, InternalViewLog, Scope, Visibility
from coordination.selectors.review import (
    REVIEW_STATUS_CHOICES,
    agencies_by_review_status,
    responsible_people,
)

STATUS_CHOICES = [
    ("draft", _("ฉบับร่าง (ยังไม่เผยแพร่)")),
    ("live", _("เผยแพร่แล้ว")),
    ("changes", _("เผยแพร่แล้ว มีการแก้ไขรอเผยแพร่")),
    ("in_moderation", _("รออนุมัติ")),
    ("locked", _("ถูกล็อก")),
]


def _in_moderation():
    return Exists(
        WorkflowState.objects.filter(
            base_content_type_id=OuterRef("_base_ct"),
            object_id=OuterRef("pk_str"),
            status=WorkflowState.STATUS_IN_PROGRESS,
        )
    )


class AgencyFilterSet(WagtailFilterSet):
    scope = django_filters.ChoiceFilter(label=_("ขอบเขต"), choices=Scope.choices)
    category = django_filters.ModelChoiceFilter(
        label=_("ประเภท"), queryset=AgencyCategory.objects.all()
    )
    district_code = django_filters.ChoiceFilter(label=_("อำเภอ"), choices=[])
    status = django_filters.ChoiceFilter(
        label=_("สถานะการเผยแพร่"), choices=STATUS_CHOICES, method="filter_status"
    )
    visibility = django_filters.ChoiceFilter(label=_("การเผยแพร่"), choices=Visibility.choices)
    review = django_filters.ChoiceFilter(
        label=_("สถานะการทบทวน"), choices=REVIEW_STATUS_CHOICES, method="filter_review"
    )
    officer = django_filters.ChoiceFilter(
        label=_("เจ้าหน้าที่ผู้รับผิดชอบ"), choices=[], method="filter_officer"
    )

    class Meta:
        model = Agency
        fields = ["scope", "category", "district_code", "status", "visibility", "review", "officer"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["officer"].extra["choices"] = officer_choices()
        codes = (
            Agency.objects.exclude(district_code="")
            .order_by()
            .values_list("district_code", flat=True)
            .distinct()
        )
        self.filters["district_code"].extra["choices"] = geo.district_options(codes)

    def filter_review(self, queryset, name, value):
        return agencies_by_review_status(queryset, value, now=timezone.now())

    def filter_officer(self, queryset, name, value):
        return agencies_of_officer(queryset, value, user=getattr(self.request, "user", None))

    def filter_status(self, queryset, name, value):
        if value == "draft":
            return queryset.filter(live=False)
        if value == "live":
            return queryset.filter(live=True, has_unpublished_changes=False)
        if value == "changes":
            return queryset.filter(live=True, has_unpublished_changes=True)
        if value == "in_moderation":
            content_type = ContentType.objects.get_for_model(Agency)
            return queryset.annotate(
                _base_ct=Value(content_type.pk), pk_str=Cast("pk", output_field=CharField())
            ).filter(_in_moderation())
        if value == "locked":
            return queryset.filter(locked=True)
        return queryset


OFFICER_ME = "me"
OFFICER_NONE = "none"


def officer_choices() -> list[tuple[str, str]]:
    """ "ของฉัน", "ยังไม่มีผู้รับผิดชอบ", then each officer by name (one query)."""
    return [
        (OFFICER_ME, _("ของฉัน")),
        (OFFICER_NONE, _("ยังไม่มีผู้รับผิดชอบ")),
        *((str(person.pk), person_name(person)) for person in responsible_people()),
    ]


def agencies_of_officer(queryset, value: str, *, user):
    """The agencies kept by the officer chosen in an "officer" filter."""
    if value == OFFICER_ME:
        return queryset.filter(responsible_officer=user) if user else queryset.none()
    if value == OFFICER_NONE:
        return queryset.filter(responsible_officer__isnull=True)
    if value.isdigit():
        return queryset.filter(responsible_officer_id=int(value))
    return queryset


class PersonChoiceField(ModelChoiceField):
    """A choice of users, each shown by name (not by login)."""

    def label_from_instance(self, obj):
        return person_name(obj)


class PersonFilter(django_filters.ModelChoiceFilter):
    field_class = PersonChoiceField


class InternalViewLogFilterSet(WagtailFilterSet):
    user = PersonFilter(
        label=_("ผู้เปิดดู"),
        queryset=get_user_model()
        .objects.filter(pk__in=InternalViewLog.objects.values("user"))
        .order_by("first_name", "last_name", "username"),
    )

    class Meta:
        model = InternalViewLog
        fields = ["user", "viewed_at"]
