"""Compile the project's gettext catalogues (locale/*/LC_MESSAGES/*.po) to .mo files with Babel.

The compiled .mo files are committed, so a fresh machine serves translated pages without GNU
gettext. Run this (``make messages``) after editing a .po file; tests/test_translations.py fails
when a committed .mo is out of date.

Babel's ``write_mo`` leaves out fuzzy and untranslated entries like ``msgfmt`` and keeps
``msgctxt`` and plural forms. Its output is deterministic as long as every .po header carries a
``POT-Creation-Date`` (Babel stamps a missing one with the current time).

Not ``pybabel compile``: it checks a python-format ``msgstr[0]`` against the singular ``msgid``
even in a language with one plural form, so it rejects correct Thai plurals
(python-babel/babel#661). tests/test_translations.py checks the placeholders instead.

Usage: python scripts/compile_messages.py [LOCALE_DIR]
"""

import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


def compile_all(locale_dir: Path = LOCALE_DIR) -> None:
    """Write the .mo beside each .po under locale_dir."""
    for po in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
        with po.open("rb") as source:
            catalog = read_po(source, locale=po.parent.parent.name)
        with po.with_suffix(".mo").open("wb") as target:
            write_mo(target, catalog)
        print(f"compiled {po.relative_to(locale_dir)}")


if __name__ == "__main__":
    compile_all(*map(Path, sys.argv[1:]))
