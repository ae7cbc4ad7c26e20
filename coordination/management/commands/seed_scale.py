"""`manage.py seed_scale --agencies N`: synthetic national-scale data for benchmarks."""

from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from coordination.demo.scale import registry_scale_load
from coordination.management.base import RegistryCommand


class Command(RegistryCommand):
    help = gettext_lazy(
        "สร้างข้อมูลสังเคราะห์ระดับประเทศสำหรับทดสอบสมรรถนะ / "
        "Adds N synthetic agencies across every province with contacts, phones, one revision, "
        "an audit-log entry and history rows each, by bulk inserts. Re-runnable: every run ADDS "
        "N more agencies with fresh slugs (scale-NNNNNNNN, numbered after the highest existing "
        "one). The search index is not updated; rebuild it afterwards."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--agencies", type=int, required=True, help=gettext_lazy("จำนวนหน่วยงาน (N)")
        )
        parser.add_argument(
            "--contacts-per-agency",
            type=int,
            default=4,
            help=gettext_lazy("ผู้ประสานงานต่อหน่วยงาน (ค่าเริ่มต้น 4)"),
        )
        parser.add_argument(
            "--batch", type=int, default=2000, help=gettext_lazy("หน่วยงานต่อชุด (ค่าเริ่มต้น 2000)")
        )
        parser.add_argument(
            "--seed", type=int, default=None, help=gettext_lazy("ค่าเริ่มต้นของการสุ่ม (random seed)")
        )

    def handle(self, *args, **options):
        if options["agencies"] < 0 or options["contacts_per_agency"] < 0 or options["batch"] < 1:
            raise CommandError(
                _("--agencies และ --contacts-per-agency ต้องไม่ติดลบ และ --batch ต้องมากกว่า 0")
            )
        self.stdout.write(
            self.style.MIGRATE_HEADING(
                _("seed_scale: %(agencies)s หน่วยงาน ชุดละ %(batch)s")
                % {"agencies": f"{options['agencies']:,}", "batch": f"{options['batch']:,}"}
            )
        )
        result = registry_scale_load(
            agencies=options["agencies"],
            contacts_per_agency=options["contacts_per_agency"],
            batch=options["batch"],
            seed=options["seed"],
            stdout=self.stdout,
        )
        self.stdout.write(
            self.style.SUCCESS(
                _("เสร็จใน %(seconds)s วินาที") % result
                + " / done in {seconds} s: agencies {agencies:,}, contacts {contacts:,}, "
                "phones {phones:,}, revisions {revisions:,}, history rows {history_rows:,} "
                "({first_slug} … {last_slug})".format(**result)
            )
        )
        self.stdout.write(
            self.style.WARNING(
                _("ดัชนีค้นหายังไม่ได้ปรับปรุง: รัน python manage.py update_index")
                + " (the search index was not updated; run `manage.py update_index`)."
            )
        )
