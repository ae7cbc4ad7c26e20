"""`manage.py request_confirmation --agency SLUG | --overdue [--user USERNAME] [--email ADDRESS]`.

E-mails agencies a single-use link to confirm or correct their own data (valid 30 days). With
`--overdue`, every agency whose review is overdue and that has no open link yet: safe to run from
cron, it does not send a second link while the first one is open.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from coordination.management.base import RegistryCommand
from coordination.models import Agency
from coordination.selectors.self_service import agencies_without_open_link
from coordination.services.self_service import (
    confirmation_request_send,
    confirmation_requests_send,
    public_base_url,
)


class Command(RegistryCommand):
    help = gettext_lazy(
        "ส่งอีเมลขอให้หน่วยงานยืนยันข้อมูลของตนเอง พร้อมลิงก์ที่ใช้ได้ครั้งเดียวภายใน 30 วัน "
        "ระบุ --agency SLUG สำหรับหน่วยงานเดียว หรือ --overdue สำหรับทุกหน่วยงานที่เลยกำหนดทบทวนข้อมูล"
    )

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--agency", metavar="SLUG", help=gettext_lazy("ชื่อใน URL ของหน่วยงาน"))
        which.add_argument(
            "--overdue",
            action="store_true",
            help=gettext_lazy("ทุกหน่วยงานที่เลยกำหนดทบทวนข้อมูลและยังไม่มีลิงก์ที่รอตอบ"),
        )
        parser.add_argument(
            "--user", help=gettext_lazy("ชื่อผู้ใช้ของเจ้าหน้าที่ผู้ส่ง (ผู้รับเรื่องเมื่อหน่วยงานแก้ไข)")
        )
        parser.add_argument(
            "--email", help=gettext_lazy("ส่งถึงอีเมลนี้แทนอีเมลของหน่วยงาน (ใช้กับ --agency)")
        )
        parser.add_argument(
            "--no-progress", action="store_true", help=gettext_lazy("ไม่แสดงแถบความคืบหน้า")
        )

    def handle(self, *args, **options):
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(_("ไม่พบผู้ใช้ %(user)s") % {"user": options["user"]})
        base_url = public_base_url()
        if options["agency"]:
            agency = Agency.objects.filter(slug=options["agency"]).first()
            if agency is None:
                raise CommandError(_("ไม่พบหน่วยงาน %(slug)s") % {"slug": options["agency"]})
            if options["email"]:
                link = confirmation_request_send(
                    agency=agency, email=options["email"], user=user, base_url=base_url
                )
                self.stdout.write(
                    self.style.SUCCESS(
                        _("ส่งลิงก์ถึง %(email)s แล้ว (%(agency)s)")
                        % {"email": link.email, "agency": agency.name_th}
                    )
                )
                return
            agencies = [agency]
        else:
            if options["email"]:
                raise CommandError(_("--email ใช้ได้กับ --agency เท่านั้น"))
            overdue = Agency.objects.review_overdue(timezone.now()).order_by("name_sort", "pk")
            agencies = agencies_without_open_link(overdue, now=timezone.now())
        progress = None if options["no_progress"] else self.progress(_("ส่งอีเมล"))
        result = confirmation_requests_send(
            agencies, user=user, base_url=base_url, progress=progress
        )
        for agency in result.skipped:
            self.stdout.write(_("ไม่ได้ส่ง: %(agency)s ไม่มีอีเมล") % {"agency": agency.name_th})
        self.stdout.write(
            self.style.SUCCESS(
                _("ส่งลิงก์ขอให้ยืนยันข้อมูลแล้ว %(sent)s หน่วยงาน ไม่มีอีเมล %(skipped)s หน่วยงาน")
                % {"sent": f"{len(result.sent):,}", "skipped": f"{len(result.skipped):,}"}
            )
        )
        if options["agency"] and result.skipped:
            raise CommandError(_("หน่วยงานนี้ไม่มีอีเมล ระบุ --email"), returncode=1)
