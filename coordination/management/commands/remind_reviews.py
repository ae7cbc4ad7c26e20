"""`manage.py remind_reviews [--dry-run]`: e-mail each officer one Thai digest of the agencies
they keep that are overdue for review or due within 30 days (manual step 5.6).

Safe to run from cron as often as you like: an officer gets at most one digest per day (the
office's date, TIME_ZONE), recorded in `ReviewReminder` in the transaction that sends it, so a
second run the same day, or a concurrent one, sends nothing more. Nobody with nothing due gets
anything. Exit status 0 unless sending fails.
"""

from urllib.parse import urljoin

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from coordination.display import person_name
from coordination.management.base import RegistryCommand
from coordination.models import ReviewReminder
from coordination.selectors.review import OVERDUE, ReviewDigest, review_digests
from coordination.services.review import review_reminder_claim
from coordination.thai_dates import thai_date

EDIT_URL_NAME = "wagtailsnippets_coordination_agency:edit"
LISTING_URL_NAME = "wagtailsnippets_coordination_agency:list"


def _admin_url(path: str) -> str:
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "") or ""
    return urljoin(base.rstrip("/") + "/", path.lstrip("/"))


def _rows(agencies) -> list[dict]:
    return [
        {
            "name": agency.name_th,
            "due": thai_date(agency.review_due_at),
            "url": _admin_url(reverse(EDIT_URL_NAME, args=[agency.pk])),
        }
        for agency in agencies
    ]


def digest_message(digest: ReviewDigest) -> EmailMessage:
    """The e-mail of one officer's digest, in Thai."""
    body = render_to_string(
        "coordination/email/review_digest.txt",
        {
            "name": person_name(digest.user),
            "overdue": _rows(digest.overdue),
            "due_soon": _rows(digest.due_soon),
            "listing_url": _admin_url(f"{reverse(LISTING_URL_NAME)}?officer=me&review={OVERDUE}"),
        },
    )
    subject = _("ข้อมูลหน่วยงานที่ต้องทบทวน: เลยกำหนด %(overdue)d แห่ง ครบกำหนดเร็ว ๆ นี้ %(soon)d แห่ง") % {
        "overdue": len(digest.overdue),
        "soon": len(digest.due_soon),
    }
    return EmailMessage(subject=subject, body=body, to=[digest.user.email])


class Command(RegistryCommand):
    help = gettext_lazy(
        "ส่งอีเมลสรุปหน่วยงานที่เลยกำหนดหรือครบกำหนดทบทวนภายใน 30 วัน "
        "ให้เจ้าหน้าที่ผู้รับผิดชอบแต่ละคน วันละไม่เกินหนึ่งฉบับ"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=gettext_lazy("แสดงว่าจะส่งอีเมลถึงใคร โดยไม่ส่งและไม่บันทึก"),
        )

    def handle(self, *args, **options):
        with translation.override(settings.LANGUAGE_CODE):
            self._remind(dry_run=options["dry_run"])

    def _remind(self, *, dry_run: bool):
        now = timezone.now()
        today = timezone.localdate(now)
        digests = review_digests(now=now)
        already = set(
            ReviewReminder.objects.filter(sent_on=today).values_list("user_id", flat=True)
        )
        sent = skipped = 0
        for digest in digests:
            who = f"{person_name(digest.user)} <{digest.user.email}>"
            counts = {"overdue": len(digest.overdue), "soon": len(digest.due_soon)}
            if digest.user.pk in already:
                skipped += 1
                self.stdout.write(_("ข้าม %(who)s: ส่งแล้ววันนี้") % {"who": who})
                continue
            if dry_run:
                self.stdout.write(
                    _("จะส่งถึง %(who)s: เลยกำหนด %(overdue)d แห่ง ครบกำหนดภายใน 30 วัน %(soon)d แห่ง")
                    % {"who": who, **counts}
                )
                for row in _rows(digest.overdue) + _rows(digest.due_soon):
                    self.stdout.write(f"  - {row['name']} ({row['due']})")
                continue
            with transaction.atomic():
                claimed = review_reminder_claim(
                    user=digest.user,
                    on=today,
                    overdue=counts["overdue"],
                    due_soon=counts["soon"],
                )
                if not claimed:
                    skipped += 1
                    self.stdout.write(_("ข้าม %(who)s: ส่งแล้ววันนี้") % {"who": who})
                    continue
                # A failed send raises and rolls the record back: the next run tries again.
                digest_message(digest).send(fail_silently=False)
            sent += 1
            self.stdout.write(
                _("ส่งถึง %(who)s: เลยกำหนด %(overdue)d แห่ง ครบกำหนดภายใน 30 วัน %(soon)d แห่ง")
                % {"who": who, **counts}
            )
        if dry_run:
            summary = _("ทดลองเท่านั้น: จะส่ง %(count)d ฉบับ (ข้าม %(skipped)d คนที่ได้รับแล้ววันนี้)")
            self.stdout.write(summary % {"count": len(digests) - skipped, "skipped": skipped})
        else:
            summary = _("ส่งอีเมลแจ้งเตือนแล้ว %(sent)d ฉบับ ข้าม %(skipped)d คนที่ได้รับแล้ววันนี้")
            self.stdout.write(self.style.SUCCESS(summary % {"sent": sent, "skipped": skipped}))
