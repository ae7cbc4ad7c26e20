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
