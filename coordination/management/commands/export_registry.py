"""`manage.py export_registry --format csv|xlsx|vcf|pdf [--audience public|staff] --output FILE`:
the registry as a file, with progress on stderr.

The data are today's, and the document says so ("ข้อมูล ณ วันที่"): there is no `--as-of`. It once
took a date and only printed it over today's data; a registry as it stood on a past day would have
to be rebuilt from the history of every agency, contact and phone, which no export does yet.
"""

from urllib.parse import urljoin

from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Site

from coordination.exports import (
    ExportRequest,
    csv_export,
    html_export,
    pdf_export,
    vcf_export,
    xlsx_export,
)
from coordination.management.base import RegistryCommand
from coordination.selectors.directory import DirectoryFilters, agency_url, directory_base_url
from coordination.selectors.exports import ExportAudience


class Command(RegistryCommand):
    help = gettext_lazy(
        "ส่งออกทะเบียนหน่วยงานเป็นไฟล์ CSV, XLSX, vCard หรือ PDF "
        "(ค่าเริ่มต้น: ข้อมูลเผยแพร่สาธารณะ; --audience staff: ข้อมูลทั้งหมดสำหรับบุคลากร)"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--format", required=True, choices=["csv", "xlsx", "vcf", "pdf", "html"]
        )
        parser.add_argument("--audience", choices=["public", "staff"], default="public")
        parser.add_argument(
            "--drafts",
            action="store_true",
            help=gettext_lazy("รวมฉบับร่าง (เฉพาะ --audience staff)"),
        )
        parser.add_argument("--output", required=True, help=gettext_lazy("ไฟล์ที่จะเขียน"))
        for name in ("q", "scope", "category", "district"):
            parser.add_argument(f"--{name}", default="", help=gettext_lazy("ตัวกรองของสมุดรายชื่อ"))

    def handle(self, *args, **options):
        fmt = options["format"]
        staff = options["audience"] == "staff"
        if fmt == "vcf" and staff:
            raise CommandError(_("ไฟล์ vCard มีเฉพาะข้อมูลเผยแพร่สาธารณะ"))
        if options["drafts"] and not staff:
            raise CommandError(_("--drafts ใช้ได้กับ --audience staff เท่านั้น"))
        export = ExportRequest(
            filters=DirectoryFilters.from_query(
                {name: options[name] for name in ("q", "scope", "category", "district")}
            ),
            audience=ExportAudience(staff=staff, drafts=options["drafts"]),
            progress=self._progress,
        )
        output = options["output"]
        if fmt in ("xlsx", "pdf"):
            with open(output, "wb") as target:
                (xlsx_export if fmt == "xlsx" else pdf_export)(export, target)
        elif fmt == "html":
            with open(output, "w", encoding="utf-8") as target:
                target.write(html_export(export))
        else:
            chunks = (
                csv_export(export) if fmt == "csv" else vcf_export(export, url_of=_agency_url_of())
            )
            with open(output, "wb") as target:
                for chunk in chunks:
                    target.write(chunk)
        self.stderr.write("")
        self.stdout.write(_("เขียน %(path)s แล้ว") % {"path": output})

    def _progress(self, count: int) -> None:
        self.stderr.write(_("\rหน่วยงาน %(count)s") % {"count": f"{count:,}"}, ending="")
        self.stderr.flush()


def _agency_url_of():
    """Agency page addresses on the default site, for the vCards' URL and SOURCE."""
    site = Site.objects.filter(is_default_site=True).first()
    root = site.root_url if site is not None else ""
    directory_url = directory_base_url()
    return lambda slug: urljoin(root + "/", agency_url(directory_url, slug))
