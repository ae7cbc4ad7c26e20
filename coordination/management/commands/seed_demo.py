"""`manage.py seed_demo`: load the labelled sample data of สพป.อุทัยธานี เขต 1 and print the logins."""

from django.core.management.base import BaseCommand
from wagtail import hooks

from coordination.services.demo import demo_admin_url, registry_demo_load


class Command(BaseCommand):
    help = (
        "โหลดข้อมูลตัวอย่างของ สพป.อุทัยธานี เขต 1 และผู้ใช้ตัวอย่างทุกบทบาท "
        "(รันซ้ำได้: ข้อมูลที่มีอยู่แล้วจะไม่ถูกแก้ไขหรือสร้างซ้ำ). "
        "Loads sample data and demo users; idempotent. Apps add their own sample content "
        'through the Wagtail hook "seed_demo" (a function taking stdout=).'
    )

    def handle(self, *args, **options):
        self.stdout.write(self.style.MIGRATE_HEADING("ทะเบียนหน่วยงาน / Registry sample data"))
        result = registry_demo_load(stdout=self.stdout)
        self.stdout.write(
            f"สร้างใหม่ {result['created']} หน่วยงาน, มีอยู่แล้ว {result['existing']} หน่วยงาน "
            f"(created {result['created']}, already present {result['existing']})"
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
            "ข้อมูลตัวอย่างพร้อมใช้งาน / Demo data is ready",
            f"เข้าสู่ระบบจัดการที่ / Sign in to the admin at: {demo_admin_url()}",
            "",
            f"{'ชื่อผู้ใช้':<{width}}{'รหัสผ่าน':<16}บทบาท",
            f"{'username':<{width}}{'password':<16}role",
        ]
        lines += [
            f"{login['username']:<{width}}{login['password']:<16}{login['role']}"
            for login in logins
        ]
        lines += [
            "",
            "ทุกระเบียนเป็นข้อมูลตัวอย่าง (แท็ก “ข้อมูลตัวอย่าง”) ห้ามใช้รหัสผ่านนี้ในระบบจริง",
            "Every record is sample data (tagged “ข้อมูลตัวอย่าง”); never use these passwords live.",
            rule,
        ]
        self.stdout.write(self.style.SUCCESS("\n".join(lines)))
