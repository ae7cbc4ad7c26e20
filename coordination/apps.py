from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoordinationConfig(AppConfig):
    """The pluggable registry of internal and external agencies (ทะเบียนข้อมูลพื้นฐานหน่วยงาน)."""

    name = "coordination"
    verbose_name = _("ทะเบียนหน่วยงาน")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from coordination import cache
        from coordination.compare import register_comparison_classes
        from coordination.search.indexing import connect_signals

        connect_signals()
        cache.connect_signals()
        register_comparison_classes()
