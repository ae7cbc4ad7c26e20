"""`manage.py seed_demo`: load the labelled sample data of สพป.อุทัยธานี เขต 1 and print the logins."""

import unicodedata

from django.test import override_settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks

from coordination.demo.registry import demo_admin_url, registry_demo_load
from coordination.management.base import RegistryCommand


class Command(RegistryCommand):
    help = gettext_lazy(
        "โหลดข้อมูลตัวอย่างของ สพป.อุทัยธานี เขต 1 และผู้ใช้ตัวอย่างทุกบทบาท "
        "(รันซ้ำได้: ข้อมูลที่มีอยู่แล้วจะไม่ถูกแก้ไขหรือสร้างซ้ำ) / "
        "Loads sample data and demo users; idempotent. Other apps add their sample content "
        'through the Wagtail hook "seed_demo" (a function taking stdout=).'
    )

    def handle(self, *args, **options):
        # Sample data never e-mails anyone: starting the demo workflow would notify the demo
        # director through whatever mail server the site is configured with.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
            self._load()

    def _load(self):
        self.stdout.write(self.style.MIGRATE_HEADING(_("ทะเบียนหน่วยงาน / Registry sample data")))
        result = registry_demo_load(stdout=self.stdout)
        self.stdout.write(
            _("สร้างใหม่ %(created)d หน่วยงาน, มีอยู่แล้ว %(existing)d หน่วยงาน") % result
            + f" (created {result['created']}, already present {result['existing']})"
        )
        for fn in hooks.get_hooks("seed_demo"):
            fn(stdout=self.stdout)
        self._print_logins(result["logins"])

    def _print_logins(self, logins: list[dict]) -> None:
        width = max(len(login["username"]) for login in logins) + 2
        rule = "=" * 72
        lines = [
            "",
            rule,
            _("ข้อมูลตัวอย่างพร้อมใช้งาน") + " / Demo data is ready",
            _("เข้าสู่ระบบจัดการที่") + f" / Sign in to the admin at: {demo_admin_url()}",
            "",
            f"{_pad(_('ชื่อผู้ใช้'), width)}{_pad(_('รหัสผ่าน'), 16)}{_('บทบาท')}",
            f"{'username':<{width}}{'password':<16}role",
        ]
        lines += [
            f"{login['username']:<{width}}{login['password']:<16}{login['role']}"
            for login in logins
        ]
        lines += [
            "",
            _("ทุกระเบียนเป็นข้อมูลตัวอย่าง (แท็ก “ข้อมูลตัวอย่าง”) ห้ามใช้รหัสผ่านนี้ในระบบจริง"),
            "Every record is sample data (tagged “ข้อมูลตัวอย่าง”); never use these passwords live.",
            rule,
        ]
        self.stdout.write(self.style.SUCCESS("\n".join(lines)))


def _pad(text: str, width: int) -> str:
    """Left-align by display width: Thai vowel and tone marks take no column of their own."""
    columns = sum(1 for char in text if unicodedata.category(char) not in ("Mn", "Me"))
    return text + " " * max(width - columns, 1)
