"""Every management command of the registry explains itself with `--help`, in Thai."""

import re

import pytest
from django.core.management import get_commands, load_command_class


@pytest.mark.parametrize(
    "name", sorted(name for name, app in get_commands().items() if app == "coordination")
)
def test_help_is_readable(name):
    parser = load_command_class("coordination", name).create_parser("manage.py", name)
    text = parser.format_help()
    assert f"manage.py {name}" in text
    assert re.search(r"[\u0E00-\u0E7F]", text), f"{name} --help has no Thai description"
