from importlib import import_module

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoordinationConfig(AppConfig):
    """The pluggable registry of internal and external agencies (ทะเบียนข้อมูลพื้นฐานหน่วยงาน)."""

    name = "coordination"
    verbose_name = _("ทะเบียนหน่วยงาน")
    default_auto_field = "django.db.models.BigAutoField"

    def import_models(self):
        super().import_models()
        # Page types are models that render and route (the top layer, with the views and
        # blocks they use), so `coordination.models` cannot import them: load them here, while
        # Django loads every app's models.
        import_module(f"{self.name}.pages")

    def ready(self):
        # Wiring, not a cycle: the app's signal receivers and admin comparisons connect once
        # every app is loaded (Django's documented place for it).
        from wagtail.signals import published

        from coordination import cache, sitemaps
        from coordination.blocks import DirectoryBlock
        from coordination.compare import register_comparison_classes
        from coordination.pages import DirectoryPage
        from coordination.search import results_cache
        from coordination.search.indexing import connect_signals
        from coordination.services.self_service import self_service_published

        connect_signals()
        cache.connect_signals(listing_page_models=[DirectoryPage], listing_blocks=[DirectoryBlock])
        sitemaps.connect_signals()
        results_cache.connect_signals()
        register_comparison_classes()
        published.connect(self_service_published, dispatch_uid="coordination_self_service")
