"""The agency snippet: one row per body the office coordinates with."""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import CharField, Exists, OuterRef, Prefetch
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    PreviewableMixin,
    Revision,
    RevisionMixin,
    WorkflowMixin,
    WorkflowState,
)
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from coordination import geo
from coordination.choices import AgencyStatus, PhoneKind, Scope, SizeBand, Visibility
from coordination.history import WAGTAIL_BOOKKEEPING_FIELDS, LiveDataHistory
from coordination.identifiers import (
    obec_code_validator,
    school_code_validator,
    smis_code_validator,
    tax_id_validator,
)
from coordination.models.reference import AgencyCategory, SchoolNetwork
from coordination.models.rules import IDENTIFIER_FIELDS, agency_errors, agency_free_slug
from coordination.models.sorting import ThaiSortKeyField, ThaiSortKeysMixin
from coordination.models.text import TextCleaningMixin
from coordination.phones import phone_clean_fields


def _indexing():
    """coordination.search.indexing, imported on first use.

    Wagtail's search index reads an indexed model's text from the model's own methods, and the
    agency's text is its public card's, built a layer above the models: one of the few documented
    lazy imports (docs/architecture.md).
    """
    from coordination.search import indexing

    return indexing


class AgencyTag(TaggedItemBase):
    content_object = ParentalKey("coordination.Agency", related_name="tagged_items")

    class Meta:
        verbose_name = _("แท็กหน่วยงาน")


# Days between reviews when neither the agency nor its category says (never, in practice).
REVIEW_INTERVAL_FALLBACK = 365
# "Due soon": the review falls due within this many days.
REVIEW_DUE_SOON_DAYS = 30


class AgencyQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def review_overdue(self, now):
        """Agencies whose review date has passed (an index range scan on review_due_at)."""
        return self.filter(review_due_at__lte=now)

    def review_due_soon(self, now, days: int = REVIEW_DUE_SOON_DAYS):
        """Agencies whose review falls due within `days` (not yet overdue)."""
        return self.filter(review_due_at__gt=now, review_due_at__lte=now + timedelta(days=days))

    def with_admin_status(self):
        """Fetch what the status column reads (workflow, schedule) for all rows at once."""
        return self.prefetch_related(
            Prefetch(
                "workflow_states",
                queryset=WorkflowState.objects.active().select_related("current_task_state__task"),
                to_attr="_current_workflow_states",
            )
        ).annotate(
            _approved_schedule=Exists(
                Revision.objects.filter(
                    base_content_type=ContentType.objects.get_for_model(self.model),
                    object_id=Cast(OuterRef("pk"), output_field=CharField()),
                    approved_go_live_at__isnull=False,
                )
            )
        )


class Agency(
    ThaiSortKeysMixin,
    TextCleaningMixin,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    ClusterableModel,
):
    """An internal or external agency (หน่วยงาน) whose basic data the office keeps (manual step 5.2).

    A versioned snippet: officers edit drafts, supervisors approve them in the order of the chain
    of command (step 5.3), and only the published, public state reaches the website (step 5.5).
    """

    name_th = models.CharField(_("ชื่อหน่วยงาน (ไทย)"), max_length=255)
    name_sort = ThaiSortKeyField(_("ลำดับตามชื่อ (คำนวณจากชื่อ)"), max_length=300, db_index=True)
    name_en = models.CharField(_("ชื่อหน่วยงาน (อังกฤษ)"), max_length=255, blank=True)
    short_name = models.CharField(
        _("ชื่อย่อ"), max_length=60, blank=True, help_text=_("เช่น สพป.อท.1, อบจ.อุทัยธานี")
    )
    slug = models.SlugField(
        _("ชื่อใน URL"),
        max_length=120,
        unique=True,
        allow_unicode=True,
        blank=True,
        help_text=_(
            "ระบบกรอกให้โดยอัตโนมัติจากชื่อภาษาไทย (ถอดเป็นอักษรโรมันตามหลักเกณฑ์ของ"
            "ราชบัณฑิตยสภา) แก้ไขได้ ใช้ในที่อยู่หน้าเว็บของหน่วยงาน "
            "เช่น /directory/rong-rian-ban-nong-chang/"
        ),
    )
    scope = models.CharField(
        _("ขอบเขต"), max_length=10, choices=Scope.choices, default=Scope.EXTERNAL, db_index=True
    )
    category = models.ForeignKey(
        AgencyCategory, verbose_name=_("ประเภท"), on_delete=models.PROTECT, related_name="agencies"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("สังกัด/หน่วยงานแม่"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        help_text=_("เช่น กลุ่มในสำนักงาน หรือเครือข่ายที่โรงเรียนสังกัด"),
    )
    mission = RichTextField(
        _("ภารกิจและอำนาจหน้าที่"),
        blank=True,
        features=["bold", "italic", "ol", "ul", "link", "h3", "h4"],
    )

    # Address (ที่อยู่): codes are DOPA codes from geothai.
    house_no = models.CharField(_("เลขที่"), max_length=30, blank=True)
    moo = models.CharField(_("หมู่ที่"), max_length=10, blank=True)
    road = models.CharField(_("ถนน/ซอย"), max_length=120, blank=True)
    province_code = models.CharField(_("จังหวัด"), max_length=2, blank=True, db_index=True)
    district_code = models.CharField(_("อำเภอ/เขต"), max_length=4, blank=True, db_index=True)
    district_sort = ThaiSortKeyField(_("ลำดับตามอำเภอ (คำนวณจากชื่ออำเภอ)"), max_length=100)
    subdistrict_code = models.CharField(_("ตำบล/แขวง"), max_length=6, blank=True)
    postcode = models.CharField(_("รหัสไปรษณีย์"), max_length=5, blank=True)
    latitude = models.DecimalField(
        _("ละติจูด"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("ลองจิจูด"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )

    # Contact channels (การติดต่อ); typed phones are AgencyPhone rows.
    email = models.EmailField(_("อีเมลทั่วไป"), blank=True)
    email_saraban = models.EmailField(
        _("อีเมลสารบรรณ"), blank=True, help_text=_("อีเมลรับหนังสือราชการ")
    )
    website = models.URLField(_("เว็บไซต์"), blank=True)
    facebook_url = models.URLField(_("เพจ Facebook"), blank=True)
    line_oa = models.CharField(_("LINE Official Account"), max_length=60, blank=True)

    # Identifiers (รหัสหน่วยงาน).
    school_code = models.CharField(
        _("รหัสโรงเรียน 10 หลัก"), max_length=10, blank=True, validators=[school_code_validator]
    )
    smis_code = models.CharField(
        _("รหัส SMIS 8 หลัก"), max_length=8, blank=True, validators=[smis_code_validator]
    )
    obec_code = models.CharField(
        _("รหัส สพฐ. 6 หลัก"), max_length=6, blank=True, validators=[obec_code_validator]
    )
    tax_id = models.CharField(
        _("เลขประจำตัวผู้เสียภาษี"), max_length=13, blank=True, validators=[tax_id_validator]
    )

    # School facts (ข้อมูลสถานศึกษา).
    size_band = models.CharField(
        _("ขนาดโรงเรียน"), max_length=12, choices=SizeBand.choices, blank=True
    )
    students = models.PositiveIntegerField(_("จำนวนนักเรียน"), null=True, blank=True)
    teachers = models.PositiveIntegerField(_("จำนวนครู"), null=True, blank=True)
    school_network = models.ForeignKey(
        SchoolNetwork,
        verbose_name=_("เครือข่ายสถานศึกษา"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="schools",
    )
    teaches_kindergarten = models.BooleanField(_("เปิดสอนระดับอนุบาล"), default=False)
    teaches_primary = models.BooleanField(_("เปิดสอนระดับประถมศึกษา"), default=False)
    teaches_lower_secondary = models.BooleanField(
        _("เปิดสอนระดับมัธยมศึกษาตอนต้น (ขยายโอกาส)"), default=False
    )

    # Status and publication (สถานะและการเผยแพร่).
    status = models.CharField(
        _("สถานะ"),
        max_length=10,
        choices=AgencyStatus.choices,
        default=AgencyStatus.ACTIVE,
        db_index=True,
    )
    closed_reason = models.CharField(_("เหตุที่ปิด/ยุบเลิก"), max_length=255, blank=True)
    successor = models.ForeignKey(
        "self",
        verbose_name=_("หน่วยงานที่รับช่วงต่อ"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="predecessors",
    )
    visibility = models.CharField(
        _("การเผยแพร่"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.PUBLIC,
        db_index=True,
        help_text=_("“ใช้ภายในเท่านั้น” จะไม่แสดงหน่วยงานนี้บนเว็บไซต์สาธารณะ"),
    )
    tags = ClusterTaggableManager(through=AgencyTag, blank=True, verbose_name=_("แท็ก"))
    last_verified_at = models.DateTimeField(_("ตรวจสอบข้อมูลล่าสุดเมื่อ"), null=True, blank=True)
    last_verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ตรวจสอบโดย"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    review_interval_days = models.PositiveSmallIntegerField(
        _("รอบทบทวนข้อมูล (วัน)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(7), MaxValueValidator(3650)],
        help_text=_("เว้นว่างไว้เพื่อใช้รอบทบทวนของประเภทหน่วยงาน"),
    )
    # Bookkeeping of the review cycle (manual step 5.6), kept on the live row and never taken
    # from a revision (with_content_json): verifying needs no approval, because nothing public
    # changes, and publishing an older draft must not undo a later verification.
    responsible_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("เจ้าหน้าที่ผู้รับผิดชอบ"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("สร้างเมื่อ"), default=timezone.now, editable=False)
    # last_verified_at (or created_at, if never verified) plus the review interval; stored and
    # indexed so that "overdue" and "due soon" are index range scans at national scale.
    review_due_at = models.DateTimeField(
        _("ครบกำหนดทบทวนข้อมูล"), null=True, editable=False, db_index=True
    )

    objects = AgencyQuerySet.as_manager()

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="agency")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="agency",
        for_concrete_model=False,
    )

    history = LiveDataHistory(
        verbose_name=_("ประวัติหน่วยงาน"),
        # The sort keys are derived from the name and district, which the history keeps; the
        # review's due date from the verification date and the interval.
        excluded_fields=[
            *WAGTAIL_BOOKKEEPING_FIELDS,
            "name_sort",
            "district_sort",
            "review_due_at",
            "created_at",
        ],
        user_related_name="+",
    )

    # Thai text is indexed as segmented copies; coordination/search/indexing.py updates the index
    # (after commit too, so that phones and contacts saved after the agency are in it).
    search_auto_update = False
    search_fields = [
        index.SearchField("search_name", boost=10),
        index.AutocompleteField("search_name"),
        index.SearchField("name_en", boost=3),
        index.AutocompleteField("name_en"),
        index.SearchField("search_identifiers", boost=8),
        index.SearchField("search_place", boost=2),
        index.SearchField("search_people", boost=2),
        index.SearchField("search_body"),
        index.FilterField("id"),
        index.FilterField("scope"),
        index.FilterField("category"),
        index.FilterField("district_code"),
        index.FilterField("visibility"),
        index.FilterField("status"),
        index.FilterField("live"),
    ]

    preview_modes = [
        ("both", _("บัตรสาธารณะและบัตรเจ้าหน้าที่ เทียบกัน")),
        ("public", _("บัตรสาธารณะ")),
        ("staff", _("บัตรเจ้าหน้าที่")),
    ]
    default_preview_mode = "both"

    class Meta:
        ordering = ["name_sort", "pk"]
        verbose_name = _("หน่วยงาน")
        verbose_name_plural = _("หน่วยงาน")
        # The public listing's two orders (by name; by district, then name), so that a page of
        # them, however deep, is read from an index (coordination.selectors.directory).
        indexes = [
            models.Index(
                fields=["live", "visibility", "name_sort", "id"], name="agency_public_by_name"
            ),
            models.Index(
                fields=["live", "visibility", "district_sort", "district_code", "name_sort", "id"],
                name="agency_public_by_district",
            ),
            # Identifiers are checked for clashes on every save and matched on import: without
            # an index each lookup reads the whole table (200-280 ms a publish at 50,000).
            *(models.Index(fields=[name], name=f"agency_{name}") for name in IDENTIFIER_FIELDS),
        ]

    def __str__(self):
        return self.name_th

    # The district key sorts the district's Thai name (directory grouped by district).
    thai_sort_sources = {"name_sort": "name_th", "district_sort": "district_code"}

    def thai_sort_text(self, source: str) -> str:
        if source == "district_code":
            return geo.district_name(self.district_code)
        return super().thai_sort_text(source)

    @property
    def revisions(self):
        return self._revisions

    @classmethod
    def get_indexed_objects(cls):
        return _indexing().agency_indexed_objects(super().get_indexed_objects())

    def search_name(self) -> str:
        return _indexing().agency_name_text(self)

    def search_identifiers(self) -> str:
        return _indexing().agency_identifier_text(self)

    def search_place(self) -> str:
        return _indexing().agency_place_text(self)

    def search_people(self) -> str:
        return _indexing().agency_people_text(self)

    def search_body(self) -> str:
        return _indexing().agency_body_text(self)

    @property
    def approved_schedule(self) -> bool:
        # Annotated by AgencyQuerySet.with_admin_status() so listings don't query per row.
        if hasattr(self, "_approved_schedule"):
            return self._approved_schedule
        return super().approved_schedule

    @property
    def province_name(self) -> str:
        return geo.province_name(self.province_code)

    @property
    def district_name(self) -> str:
        return geo.district_name(self.district_code)

    @property
    def subdistrict_name(self) -> str:
        return geo.subdistrict_name(self.subdistrict_code)

    # Fields of the live row that a revision never brings back (see with_content_json).
    REVIEW_BOOKKEEPING_FIELDS = (
        "last_verified_at",
        "last_verified_by_id",
        "responsible_officer_id",
        "created_at",
        "review_due_at",
    )

    @property
    def review_interval(self) -> int:
        """Days between reviews: the agency's own interval, else its category's."""
        if self.review_interval_days:
            return self.review_interval_days
        category = self.category if self.category_id else None
        return category.review_interval_days if category else REVIEW_INTERVAL_FALLBACK

    def review_due_fill(self, category_intervals: dict[int, int] | None = None) -> None:
        """Set review_due_at from the verification date (or creation) and the interval.

        Writes that skip `save()` (bulk_create) call this first; `category_intervals` (category
        id -> days) spares them a query per row.
        """
        if self.review_interval_days:
            days = self.review_interval_days
        elif category_intervals is not None and self.category_id in category_intervals:
            days = category_intervals[self.category_id]
        else:
            days = self.review_interval
        base = self.last_verified_at or self.created_at or timezone.now()
        self.review_due_at = base + timedelta(days=days)

    def review_overdue_at(self, now) -> bool:
        return self.review_due_at is not None and self.review_due_at <= now

    def save(self, *args, **kwargs):
        self.review_due_fill()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "review_due_at" not in update_fields:
            kwargs["update_fields"] = [*update_fields, "review_due_at"]
        super().save(*args, **kwargs)

    def publish(self, revision, *args, **kwargs):
        """Publish `revision` in one transaction: the live row and its phones and contacts together.

        Wagtail's publish of a snippet revision is not atomic (its page publish is): the agency
        row and each child row would commit on their own, a failure half-way leaving a live agency
        with half its contacts, and each commit scheduling its own search index update.
        """
        with transaction.atomic():
            return super().publish(revision, *args, **kwargs)

    def with_content_json(self, content):
        obj = super().with_content_json(content)
        for name in self.REVIEW_BOOKKEEPING_FIELDS:
            setattr(obj, name, getattr(self, name))
        return obj

    def clean(self):
        super().clean()
        if not self.slug:
            # Officers type the Thai name; the Latin URL is made for them (editable).
            self.slug = agency_free_slug(self)
        if errors := agency_errors(self):
            raise ValidationError(errors)

    def get_preview_template(self, request, mode_name):
        return f"coordination/preview/agency_{mode_name}.html"

    def get_preview_context(self, request, mode_name):
        # Wagtail renders every preview (the editor's, the approvers' moderation preview) from
        # the model itself, and what it shows are the cards, a layer above the models: one of
        # the few documented lazy imports (docs/architecture.md).
        from coordination.cards import agency_public_view, agency_staff_view

        context = super().get_preview_context(request, mode_name)
        context["public_card"] = agency_public_view(self)
        context["staff_card"] = agency_staff_view(self)
        return context


class AgencyPhone(TextCleaningMixin, Orderable):
    """A typed phone number of an agency, with its extension (ต่อ)."""

    agency = ParentalKey(Agency, related_name="phones", on_delete=models.CASCADE)
    kind = models.CharField(_("ชนิด"), max_length=10, choices=PhoneKind.choices, default="office")
    number = models.CharField(
        _("หมายเลข"),
        max_length=40,
        help_text=_("เช่น 056-511-061 ต่อ 12 — ระบบจะจัดรูปแบบให้"),
    )
    label = models.CharField(_("หมายเหตุ"), max_length=80, blank=True)
    is_public = models.BooleanField(_("เผยแพร่สาธารณะ"), default=True)

    history = LiveDataHistory(
        verbose_name=_("ประวัติหมายเลขโทรศัพท์"),
        is_live=lambda phone: getattr(getattr(phone, "agency", None), "live", False),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("หมายเลขโทรศัพท์")
        verbose_name_plural = _("หมายเลขโทรศัพท์")

    def __str__(self):
        return f"{self.get_kind_display()} {self.number}"

    def clean(self):
        super().clean()
        phone_clean_fields(self, "number")
