"""A Wagtail site without our `home` app: proves `coordination` is pluggable."""

import copy

from .test import *  # noqa: F403

INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "home"]  # noqa: F405
ROOT_URLCONF = "cms.urls_standalone"
TEMPLATES = copy.deepcopy(TEMPLATES)  # noqa: F405
TEMPLATES[0]["OPTIONS"]["context_processors"] = [
    processor
    for processor in TEMPLATES[0]["OPTIONS"]["context_processors"]
    if not processor.startswith("home.")
]
