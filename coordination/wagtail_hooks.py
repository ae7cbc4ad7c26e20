"""Wiring of the registry into the Wagtail admin; the parts themselves live in viewsets.py."""

from django.urls import include, path
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from coordination import admin_views
from coordination.viewsets import AgencyViewSet, ReferenceDataGroup

register_snippet(AgencyViewSet)


@hooks.register("register_admin_viewset")
def register_reference_data():
    return ReferenceDataGroup()


@hooks.register("register_admin_urls")
def register_registry_admin_urls():
    urls = [path("address.json", admin_views.address_reference, name="address_reference")]
    return [path("coordination/", include((urls, "coordination_admin")))]
