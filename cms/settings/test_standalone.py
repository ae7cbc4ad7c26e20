"""A Wagtail site without our `home` app: proves `coordination` is pluggable."""

import copy

from .test import *  # noqa: F403

INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "home"]  # noqa: F405
ROOT_URLCONF = "cms.urls_standalone"
TEMPLATES = copy.deepcopy(TEMPLATES)  # noqa: F405
# Our templates/ (base.html, 404.html, components/) belong to the site, not to the app.
TEMPLATES[0]["DIRS"] = []
TEMPLATES[0]["OPTIONS"]["context_processors"] = [
    processor
    for processor in TEMPLATES[0]["OPTIONS"]["context_processors"]
    if not processor.startswith("home.")
]
# A host without a base template of its own: the registry's pages use the app's site frame.
del COORDINATION_BASE_TEMPLATE  # noqa: F821 (defined by the star import)
