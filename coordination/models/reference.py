"""Reference data the registry classifies agencies by."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from coordination.choices import CategoryKind, Scope
from coordination.history import LiveDataHistory
from coordination.models.sorting import ThaiSortKeyField, ThaiSortKeysMixin
from coordination.models.text import TextCleaningMixin


class AgencyCategory(ThaiSortKeysMixin, TextCleaningMixin, models.Model):
    """A category of agency (ประเภทหน่วยงาน), such as a school or a local administrative body."""

    name_th = models.CharField(_("ชื่อประเภท"), max_length=120, unique=True)
    name_sort = ThaiSortKeyField(_("ลำดับตามชื่อ (คำนวณจากชื่อ)"), max_length=150)
    name_en = models.CharField(_("ชื่อประเภท (อังกฤษ)"), max_length=120, blank=True)
    slug = models.SlugField(_("ชื่อย่อใน URL"), max_length=60, unique=True, allow_unicode=True)
    kind = models.CharField(_("ชนิด"), max_length=30, choices=CategoryKind.choices)
    default_scope = models.CharField(
        _("ขอบเขตปกติ"), max_length=10, choices=Scope.choices, default=Scope.EXTERNAL
    )
    sort_order = models.PositiveSmallIntegerField(_("ลำดับ"), default=100)
    review_interval_days = models.PositiveSmallIntegerField(
        _("รอบทบทวนข้อมูล (วัน)"),
        default=365,
        validators=[MinValueValidator(7), MaxValueValidator(3650)],
        help_text=_(
            "ข้อมูลของหน่วยงานประเภทนี้ต้องได้รับการตรวจสอบอย่างน้อยทุกกี่วัน "
            "เช่น โรงเรียนทุกภาคเรียน (180 วัน) หน่วยงานภายนอกทุกปี (365 วัน) "
            "หน่วยงานแต่ละแห่งกำหนดรอบของตนเองแทนได้"
        ),
    )

    history = LiveDataHistory(verbose_name=_("ประวัติประเภทหน่วยงาน"), excluded_fields=["name_sort"])

    class Meta:
        ordering = ["sort_order", "name_sort", "pk"]
        verbose_name = _("ประเภทหน่วยงาน")
        verbose_name_plural = _("ประเภทหน่วยงาน")

    def __str__(self):
        return self.name_th


class SchoolNetwork(ThaiSortKeysMixin, TextCleaningMixin, models.Model):
    """A school network (เครือข่ายสถานศึกษา / กลุ่มโรงเรียน) that groups nearby schools."""

    name_th = models.CharField(_("ชื่อเครือข่าย"), max_length=160, unique=True)
    name_sort = ThaiSortKeyField(_("ลำดับตามชื่อ (คำนวณจากชื่อ)"), max_length=200)
    slug = models.SlugField(_("ชื่อย่อใน URL"), max_length=80, unique=True, allow_unicode=True)
    district_code = models.CharField(_("อำเภอ"), max_length=4, blank=True)
    description = models.TextField(_("คำอธิบาย"), blank=True)

    history = LiveDataHistory(verbose_name=_("ประวัติเครือข่ายสถานศึกษา"), excluded_fields=["name_sort"])

    class Meta:
        ordering = ["name_sort", "pk"]
        verbose_name = _("เครือข่ายสถานศึกษา")
        verbose_name_plural = _("เครือข่ายสถานศึกษา")

    def __str__(self):
        return self.name_th
