"""The workflow's two approval steps become ChainOfCommandApprovalTask (a proxy of Wagtail's group
approval task, same table): nobody approves a change they submitted or last edited."""

from django.db import migrations

from coordination.roles import FINAL_APPROVAL_TASK, FIRST_APPROVAL_TASK

STEPS = [FIRST_APPROVAL_TASK, FINAL_APPROVAL_TASK]


def _switch(apps, *, to_model: str, from_app: str, from_model: str) -> None:
    content_type_model = apps.get_model("contenttypes", "ContentType")
    task_model = apps.get_model("wagtailcore", "Task")
    to_app = "coordination" if to_model == "chainofcommandapprovaltask" else "wagtailcore"
    target, _ = content_type_model.objects.get_or_create(app_label=to_app, model=to_model)
    source = content_type_model.objects.filter(app_label=from_app, model=from_model).first()
    if source is not None:
        task_model.objects.filter(name__in=STEPS, content_type=source).update(content_type=target)


def forwards(apps, schema_editor):
    _switch(
        apps,
        to_model="chainofcommandapprovaltask",
        from_app="wagtailcore",
        from_model="groupapprovaltask",
    )


def backwards(apps, schema_editor):
    _switch(
        apps,
        to_model="groupapprovaltask",
        from_app="coordination",
        from_model="chainofcommandapprovaltask",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("coordination", "0014_fill_review_cycle"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="ChainOfCommandApprovalTask",
            fields=[],
            options={
                "verbose_name": "ขั้นตอนอนุมัติโดยกลุ่ม (ผู้เสนออนุมัติเองไม่ได้)",
                "verbose_name_plural": "ขั้นตอนอนุมัติโดยกลุ่ม (ผู้เสนออนุมัติเองไม่ได้)",
                "proxy": True,
                "indexes": [],
                "constraints": [],
            },
            bases=("wagtailcore.groupapprovaltask",),
        ),
        migrations.RunPython(forwards, backwards),
    ]
