"""Compile the project's gettext catalogues (locale/**/*.po) to .mo files in pure Python.

The compiled .mo files are committed, so a fresh machine serves translated pages without GNU
gettext. Run this (``make messages``) after editing a .po file; tests/test_translations.py fails
when a committed .mo is out of date.

Like ``msgfmt``: fuzzy, obsolete and untranslated entries are left out; ``msgctxt`` and plural
forms are kept. The output is deterministic (sorted keys, no hash table), so the same .po always
gives the same bytes.

Usage: python scripts/compile_messages.py [--check] [LOCALE_DIR ...]
"""

from __future__ import annotations

import argparse
import ast
import struct
import sys
from dataclasses import dataclass, field
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
MAGIC = 0x950412DE
CONTEXT_SEPARATOR = "\x04"


@dataclass
class Entry:
    """One message of a .po file."""

    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    obsolete: bool = False

    @property
    def translated(self) -> bool:
        return bool(self.msgstr) and all(self.msgstr.values())


def _unquote(text: str, path: Path, lineno: int) -> str:
    text = text.strip()
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        raise ValueError(f"{path}:{lineno}: expected a quoted string, got {text!r}")
    # PO strings use C escapes, which Python's string literal syntax covers.
    return ast.literal_eval(text)


def parse_po(path: Path) -> list[Entry]:
    """The entries of a .po file, in file order (the header is the entry with msgid "")."""
    entries: list[Entry] = []
    entry = Entry()
    started = False
    target: tuple[str, int | None] | None = None

    def finish():
        nonlocal entry, started, target
        if started:
            entries.append(entry)
        entry, started, target = Entry(), False, None

    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            finish()
            continue
        in_msgstr = target is not None and target[0] == "msgstr"
        if line.startswith("#"):
            if in_msgstr:
                finish()
            if line.startswith("#~"):
                entry.obsolete = started = True
            elif line.startswith("#,"):
                entry.flags.update(flag.strip() for flag in line[2:].split(","))
            continue
        if line.startswith('"'):
            if target is None:
                raise ValueError(f"{path}:{lineno}: continuation line without a keyword")
            value = _unquote(line, path, lineno)
            key, index = target
            if key == "msgstr":
                entry.msgstr[index] += value
            else:
                setattr(entry, key, getattr(entry, key) + value)
            continue
        keyword, _, rest = line.partition(" ")
        if keyword in ("msgctxt", "msgid") and in_msgstr:
            finish()
        value = _unquote(rest, path, lineno)
        started = True
        if keyword in ("msgctxt", "msgid", "msgid_plural"):
            setattr(entry, keyword, value)
            target = (keyword, None)
        elif keyword == "msgstr":
            entry.msgstr[0] = value
            target = ("msgstr", 0)
        elif keyword.startswith("msgstr[") and keyword.endswith("]"):
            index = int(keyword[7:-1])
            entry.msgstr[index] = value
            target = ("msgstr", index)
        else:
            raise ValueError(f"{path}:{lineno}: unknown keyword {keyword!r}")
    finish()
    return [e for e in entries if not e.obsolete]


def mo_bytes(entries: list[Entry]) -> bytes:
    """A GNU .mo file (little-endian, no hash table) holding the translated entries."""
    messages: dict[bytes, bytes] = {}
    for entry in entries:
        if "fuzzy" in entry.flags and entry.msgid:
            continue
        if not entry.translated and entry.msgid:
            continue
        key = entry.msgid
        if entry.msgid_plural is not None:
            key += "\0" + entry.msgid_plural
            value = "\0".join(entry.msgstr[i] for i in sorted(entry.msgstr))
        else:
            value = entry.msgstr.get(0, "")
        if entry.msgctxt is not None:
            key = entry.msgctxt + CONTEXT_SEPARATOR + key
        messages[key.encode("utf-8")] = value.encode("utf-8")

    keys = sorted(messages)
    count = len(keys)
    originals_offset = 7 * 4
    translations_offset = originals_offset + count * 8
    strings_offset = translations_offset + count * 8
    originals, translations = [], []
    blob = bytearray()
    for key in keys:
        originals.append((len(key), strings_offset + len(blob)))
        blob += key + b"\0"
    for key in keys:
        value = messages[key]
        translations.append((len(value), strings_offset + len(blob)))
        blob += value + b"\0"
    header = struct.pack(
        "<7I", MAGIC, 0, count, originals_offset, translations_offset, 0, strings_offset
    )
    table = b"".join(struct.pack("<2I", *pair) for pair in originals + translations)
    return header + table + bytes(blob)


def po_files(locale_dirs: list[Path]) -> list[Path]:
    return sorted(p for d in locale_dirs for p in d.glob("*/LC_MESSAGES/*.po"))


def compile_all(locale_dirs: list[Path], *, check: bool = False) -> list[Path]:
    """Write (or, with check, only compare) the .mo beside each .po; returns those that differ."""
    stale = []
    for po in po_files(locale_dirs):
        data = mo_bytes(parse_po(po))
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.read_bytes() == data:
            continue
        stale.append(mo)
        if not check:
            mo.write_bytes(data)
    return stale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("locale_dirs", nargs="*", type=Path, default=[BASE_DIR / "locale"])
    parser.add_argument("--check", action="store_true", help="fail if a .mo is out of date")
    args = parser.parse_args(argv)
    stale = compile_all(args.locale_dirs, check=args.check)
    for mo in stale:
        verb = "out of date" if args.check else "compiled"
        print(f"{verb}: {mo.relative_to(BASE_DIR) if mo.is_relative_to(BASE_DIR) else mo}")
    if args.check and stale:
        return 1
    if not args.check:
        print(f"{len(po_files(args.locale_dirs))} catalogue(s), {len(stale)} compiled")
    return 0


if __name__ == "__main__":
    sys.exit(main())
