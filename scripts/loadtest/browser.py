"""What the load test's simulated people read off a page, as a browser would.

Plain functions over HTML and JSON with no import of locust or Django, so the suite can check them
against the real views (tests/test_loadtest.py) without gevent patching the test process.
"""

import json
import re
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]
QUALITY_QUERIES = ROOT / "coordination" / "search" / "quality_queries.json"
# Queries that match most of a national registry: the slow end of search (docs/benchmarks.md).
BROAD_QUERIES = ("โรงเรียน", "งานสารบรรณ")
# The paragraph the load test writes into an agency's mission; replaced, not appended, on each
# save, so repeated runs do not grow the text.
EDIT_MARKER = "ทดสอบโหลด: "
EDIT_BLOCK_KEY = "ldtst"
AGENCY_EDIT_LINK = re.compile(r"/admin/snippets/coordination/agency/edit/(\d+)/")


def quality_queries() -> list[str]:
    """The Thai queries of the search quality set, in file order."""
    return [query["q"] for query in json.loads(QUALITY_QUERIES.read_text("utf-8"))["queries"]]


def csrf_token(html: str) -> str:
    """The CSRF token a page's form carries (empty if it has none)."""
    field = BeautifulSoup(html, "html.parser").find("input", attrs={"name": "csrfmiddlewaretoken"})
    return field.get("value", "") if field else ""


def form_data(html: str, form_id: str) -> list[tuple[str, str]]:
    """The fields the form `form_id` submits when its default button is clicked.

    A browser's rules: disabled controls, buttons and unchecked boxes are not sent, a checked box
    without a value sends "on", a single select sends its selected option (or its first),
    a textarea loses the one newline after its start tag, and controls inside a <template> (an
    inline formset's blank row) do not exist. Controls outside the form with `form="<id>"`
    belong to it.
    """
    soup = BeautifulSoup(html, "html.parser")
    form = soup.find("form", id=form_id)
    if form is None:
        return []
    controls = [
        control
        for control in soup.find_all(["input", "select", "textarea"])
        if control.get("form") == form_id
        or (control.get("form") is None and form in control.parents)
    ]
    data = []
    for control in controls:
        name = control.get("name")
        if not name or control.has_attr("disabled") or control.find_parent("template"):
            continue
        if control.name == "textarea":
            text = control.get_text()
            data.append((name, text[1:] if text.startswith("\n") else text))
        elif control.name == "select":
            options = control.find_all("option")
            chosen = [option for option in options if option.has_attr("selected")]
            if not chosen and options and not control.has_attr("multiple"):
                chosen = options[:1]
            data += [(name, option.get("value", option.get_text())) for option in chosen]
        else:
            kind = control.get("type", "text").lower()
            if kind in {"submit", "button", "image", "reset", "file"}:
                continue
            if kind in {"checkbox", "radio"}:
                if control.has_attr("checked"):
                    data.append((name, control.get("value", "on")))
                continue
            data.append((name, control.get("value", "")))
    return data


def with_mission_note(data: list[tuple[str, str]], note: str) -> list[tuple[str, str]]:
    """`data` with the agency's mission (Draftail's contentstate JSON) carrying `note`.

    The load test's paragraph is the one keyed EDIT_BLOCK_KEY: replaced if there, else added.
    """
    changed = []
    for name, value in data:
        if name == "mission":
            state = json.loads(value) if value.strip() else {"blocks": [], "entityMap": {}}
            blocks = [block for block in state["blocks"] if block.get("key") != EDIT_BLOCK_KEY]
            blocks.append(
                {
                    "key": EDIT_BLOCK_KEY,
                    "type": "unstyled",
                    "depth": 0,
                    "text": EDIT_MARKER + note,
                    "inlineStyleRanges": [],
                    "entityRanges": [],
                    "data": {},
                }
            )
            value = json.dumps({**state, "blocks": blocks}, ensure_ascii=False)
        changed.append((name, value))
    return changed


def form_errors(html: str) -> str:
    """The error messages a re-rendered form shows, joined (for a failed save's report)."""
    soup = BeautifulSoup(html, "html.parser")
    found = soup.select(".error-message, .errorlist, .help-critical, [role=alert]")
    return " | ".join(" ".join(node.get_text().split()) for node in found)[:500]


def agency_edit_ids(html: str) -> list[int]:
    """The agencies an admin listing links to for editing, in order, without repeats."""
    return list(dict.fromkeys(int(pk) for pk in AGENCY_EDIT_LINK.findall(html)))


def select_options(html: str, name: str) -> list[str]:
    """The non-empty option values of the select named `name`."""
    select = BeautifulSoup(html, "html.parser").find("select", attrs={"name": name})
    if select is None:
        return []
    return [value for option in select.find_all("option") if (value := option.get("value"))]


def last_page(html: str, parameter: str = "page") -> int:
    """The highest page a listing's pagination links to (1 without pagination)."""
    # ";" ends "&amp;", as an ampersand is written in HTML.
    numbers = re.findall(rf"[?&;]{parameter}=(\d+)", html)
    return max((int(number) for number in numbers), default=1)
