"""`manage.py import_agencies FILE [--dry-run] --user USERNAME [--reason TEXT] [--publish]`."""

import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from coordination.management.base import RegistryCommand
from coordination.search.bulk_index import agency_index_many
from coordination.services.agency_import import (
    RowStatus,
    agency_import_apply,
    agency_import_plan,
    row_status_label,
)


class Command(RegistryCommand):
    help = gettext_lazy(
        "นำเข้าหน่วยงานจากไฟล์ CSV หรือ XLSX (UTF-8, UTF-8 BOM หรือ TIS-620) "
        "การเปลี่ยนแปลงเป็นฉบับร่างที่ส่งเข้าขั้นตอนการอนุมัติในนามผู้นำเข้า "
        "ถ้าไฟล์มีข้อผิดพลาดแม้แถวเดียว จะไม่บันทึกอะไรเลยและจบด้วยสถานะไม่เป็นศูนย์"
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help=gettext_lazy("ไฟล์ .csv หรือ .xlsx"))
        parser.add_argument("--user", required=True, help=gettext_lazy("ชื่อผู้ใช้ของผู้นำเข้า"))
        parser.add_argument("--reason", default="", help=gettext_lazy("เหตุผลของการนำเข้า"))
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=gettext_lazy("แสดงผลที่จะเกิดขึ้นทีละแถว โดยไม่บันทึก"),
        )
        parser.add_argument(
            "--publish",
            action="store_true",
            help=gettext_lazy("เผยแพร่ทันทีโดยไม่ผ่านการอนุมัติ (ผู้ดูแลระบบเท่านั้น ต้องระบุ --reason)"),
        )
        parser.add_argument(
            "--no-progress", action="store_true", help=gettext_lazy("ไม่แสดงแถบความคืบหน้า")
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(_("ไม่พบไฟล์ %(path)s") % {"path": path})
        user = get_user_model().objects.filter(username=options["user"]).first()
        if user is None:
            raise CommandError(_("ไม่พบผู้ใช้ %(user)s") % {"user": options["user"]})
        show_progress = not options["no_progress"]
        plan = agency_import_plan(
            data=path.read_bytes(),
            file_name=path.name,
            progress=self.progress(_("ตรวจสอบ")) if show_progress else None,
        )
        self.report(plan, verbose=options["dry_run"] or plan.has_errors)
        if plan.has_errors:
            raise CommandError(
                _("พบข้อผิดพลาด %(count)s รายการ จึงไม่ได้นำเข้าข้อมูลใด ๆ") % {"count": len(plan.errors)},
                returncode=1,
            )
        if options["dry_run"]:
            self.stdout.write(_("ทดลองนำเข้าเท่านั้น ไม่ได้บันทึกข้อมูล"))
            return
        try:
            result = agency_import_apply(
                plan=plan,
                user=user,
                reason=options["reason"],
                publish=options["publish"],
                progress=self.progress(_("บันทึก")) if show_progress else None,
            )
        except (PermissionDenied, ValidationError) as exc:
            messages = exc.messages if isinstance(exc, ValidationError) else [str(exc)]
            raise CommandError(" ".join(messages), returncode=1) from exc
        agency_index_many(result.index_ids)
        if not result.agency_ids:
            done = _("ไม่มีข้อมูลเปลี่ยนแปลง จึงไม่มีรายการส่งอนุมัติ")
        elif result.published:
            done = _("เผยแพร่แล้ว")
        else:
            done = _("ส่งเข้าขั้นตอนการอนุมัติแล้ว")
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "นำเข้าเรียบร้อย: สร้างใหม่ %(created)s แห่ง เปลี่ยนแปลง %(changed)s แห่ง "
                    "ไม่เปลี่ยนแปลง %(unchanged)s แห่ง (%(done)s)"
                )
                % {
                    "created": f"{len(result.created):,}",
                    "changed": f"{len(result.changed):,}",
                    "unchanged": f"{result.unchanged:,}",
                    "done": done,
                }
            )
        )

    def report(self, plan, *, verbose: bool) -> None:
        out = self.stdout
        for error in plan.file_errors:
            out.write(str(error))
        if verbose:
            for row in plan.rows:
                title = row.name or "—"
                out.write(f"{_('แถว')} {row.row} [{row.status_label}] {title}")
                if row.status == RowStatus.CHANGE:
                    for change in row.changes:
                        out.write(
                            f"    {change.heading}: {change.old or '—'} → {change.new or '—'}"
                        )
                for error in row.errors:
                    out.write(f"    {error}")
        counts = ", ".join(
            f"{row_status_label(status)} {plan.count(status):,}"
            for status in (RowStatus.CREATE, RowStatus.CHANGE, RowStatus.UNCHANGED, RowStatus.ERROR)
        )
        out.write(_("สรุป: %(counts)s") % {"counts": counts})
        sys.stdout.flush()
