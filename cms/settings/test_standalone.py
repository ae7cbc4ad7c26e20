"""A Wagtail site without our `home` app: proves `coordination` is pluggable."""

from .test import *  # noqa: F403

INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "home"]  # noqa: F405
ROOT_URLCONF = "cms.urls_standalone"
