"""`manage.py rebuild_agency_index [--no-progress]`: the agencies' search index, built again."""

import time

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from coordination.management.base import RegistryCommand
from coordination.search.bulk_index import agency_index_rebuild


class Command(RegistryCommand):
    help = gettext_lazy(
        "สร้างดัชนีค้นหาของหน่วยงานทั้งหมดใหม่ทีละชุด (หลังกู้คืนฐานข้อมูลหรือเปลี่ยนวิธีตัดคำ) การแก้ไขตามปกติไม่ต้องใช้คำสั่งนี้"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-progress", action="store_true", help=gettext_lazy("ไม่แสดงแถบความคืบหน้า")
        )

    def handle(self, *args, **options):
        started = time.monotonic()
        progress = None if options["no_progress"] else self.progress(_("ทำดัชนีค้นหา"))
        count = agency_index_rebuild(progress=progress)
        self.stdout.write(
            self.style.SUCCESS(
                _("สร้างดัชนีค้นหาใหม่แล้ว %(count)s หน่วยงาน ใน %(seconds)s วินาที")
                % {"count": f"{count:,}", "seconds": f"{time.monotonic() - started:,.0f}"}
            )
        )
