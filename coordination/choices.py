"""The registry's fixed choices: values code relies on, with Thai labels for people.

The values layer: models, cards, selectors and the API import these; they import nothing of
the app.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Scope(models.TextChoices):
    INTERNAL = "internal", _("ภายใน")
    EXTERNAL = "external", _("ภายนอก")


class CategoryKind(models.TextChoices):
    """What kind of body a category holds; code relies on these, labels are for people."""

    OFFICE_GROUP = "office_group", _("กลุ่ม/หน่วยในสำนักงาน")
    SCHOOL = "school", _("โรงเรียน")
    SCHOOL_NETWORK = "school_network", _("เครือข่ายสถานศึกษา")
    EDUCATION_OFFICE = "education_office", _("สำนักงานเขตพื้นที่/หน่วยงานการศึกษาอื่น")
    GOVERNMENT = "government", _("ส่วนราชการส่วนกลาง/ส่วนภูมิภาค")
    LOCAL_ADMIN = "local_admin", _("องค์กรปกครองส่วนท้องถิ่น")
    STATE_ENTERPRISE = "state_enterprise", _("รัฐวิสาหกิจ")
    NGO = "ngo", _("องค์กรพัฒนาเอกชน/มูลนิธิ")
    PRIVATE_COMPANY = "private_company", _("บริษัทเอกชน")
    PERSON = "person", _("บุคคล")


class Visibility(models.TextChoices):
    PUBLIC = "public", _("เผยแพร่สาธารณะ")
    INTERNAL = "internal", _("ใช้ภายในเท่านั้น")


class AgencyStatus(models.TextChoices):
    ACTIVE = "active", _("ดำเนินการอยู่")
    CLOSED = "closed", _("ปิด/ยุบเลิก")


# The upper bound of students of each school size band (OBEC's bands), biggest band unbounded.
SIZE_BAND_LIMITS = ((120, "small"), (600, "medium"), (1500, "large"))


class SizeBand(models.TextChoices):
    SMALL = "small", _("ขนาดเล็ก (ไม่เกิน 120 คน)")
    MEDIUM = "medium", _("ขนาดกลาง (121–600 คน)")
    LARGE = "large", _("ขนาดใหญ่ (601–1,500 คน)")
    EXTRA_LARGE = "extra_large", _("ขนาดใหญ่พิเศษ (1,501 คนขึ้นไป)")


class PhoneKind(models.TextChoices):
    OFFICE = "office", _("โทรศัพท์สำนักงาน")
    FAX = "fax", _("โทรสาร")
    MOBILE = "mobile", _("โทรศัพท์เคลื่อนที่")
    HOTLINE = "hotline", _("สายด่วน")


class ContactRole(models.TextChoices):
    HEAD = "head", _("หัวหน้าหน่วยงาน")
    DEPUTY = "deputy", _("รองหัวหน้าหน่วยงาน")
    COORDINATOR = "coordinator", _("ผู้ประสานงาน")
    SARABAN = "saraban", _("งานสารบรรณ")
    OTHER = "other", _("อื่น ๆ")


def size_band_for(students: int) -> SizeBand:
    """The size band of a school with `students` pupils."""
    for limit, band in SIZE_BAND_LIMITS:
        if students <= limit:
            return SizeBand(band)
    return SizeBand.EXTRA_LARGE
