from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The office's public website pages."""

    name = "home"
    verbose_name = _("เว็บไซต์สำนักงาน")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from home.signals import connect_signals

        connect_signals()
        use_buddhist_era_date_pickers()


def use_buddhist_era_date_pickers():
    """Every admin date and date-time picker shows the Buddhist Era date beside it.

    Registered in ready(), before Wagtail builds any admin form: a form class built earlier (the
    system checks build the page forms) would keep Wagtail's plain pickers.
    """
    from django.db import models
    from wagtail.admin.forms.models import register_form_field_override

    from coordination.widgets import BuddhistEraDateInput, BuddhistEraDateTimeInput

    register_form_field_override(models.DateField, override={"widget": BuddhistEraDateInput})
    register_form_field_override(
        models.DateTimeField, override={"widget": BuddhistEraDateTimeInput}
    )
