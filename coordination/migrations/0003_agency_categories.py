"""The categories of agency the manual's scope names (reference data, editable later)."""

from django.db import migrations

CATEGORIES = [
    ("กลุ่ม/หน่วยในสำนักงาน", "Office group", "office-group", "office_group", "internal", 10),
    ("โรงเรียน", "School", "school", "school", "internal", 20),
    ("เครือข่ายสถานศึกษา", "School network", "school-network", "school_network", "internal", 30),
    (
        "สำนักงานเขตพื้นที่/หน่วยงานการศึกษาอื่น",
        "Education office",
        "education-office",
        "education_office",
        "external",
        40,
    ),
    (
        "ส่วนราชการส่วนกลาง/ส่วนภูมิภาค",
        "Central or provincial government",
        "government",
        "government",
        "external",
        50,
    ),
    ("องค์กรปกครองส่วนท้องถิ่น", "Local administrative organisation", "local-admin", "local_admin", "external", 60),
    ("รัฐวิสาหกิจ", "State enterprise", "state-enterprise", "state_enterprise", "external", 70),
    ("องค์กรพัฒนาเอกชน/มูลนิธิ", "NGO or foundation", "ngo", "ngo", "external", 80),
    ("บริษัทเอกชน", "Private company", "private-company", "private_company", "external", 90),
    ("บุคคล", "Person", "person", "person", "external", 100),
]


def create_categories(apps, schema_editor):
    AgencyCategory = apps.get_model("coordination", "AgencyCategory")
    for name_th, name_en, slug, kind, scope, order in CATEGORIES:
        AgencyCategory.objects.get_or_create(
            slug=slug,
            defaults={
                "name_th": name_th,
                "name_en": name_en,
                "kind": kind,
                "default_scope": scope,
                "sort_order": order,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("coordination", "0002_roles_and_approval_workflow")]

    operations = [migrations.RunPython(create_categories, migrations.RunPython.noop)]
