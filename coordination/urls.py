"""Public routes of the registry that are not Wagtail pages."""

from django.urls import path

from coordination import views

app_name = "coordination"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
]
