"""The import contract of the `coordination` app (DESIGN.md "Layers", docs/architecture.md).

Each module imports only from its own layer or the layers below, the module-level imports form no
cycle, and an import inside a function is allowed only where a documented cycle with Wagtail or
Django forces one. A cycle that works only because of the order `coordination/models/__init__.py`
happens to import things in fails here, not in production.
"""

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APP = "coordination"

# Bottom to top. A module belongs to the first layer with a matching prefix (the longest
# prefixes are listed first where they differ from their package's layer).
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    (
        "values",
        (
            "coordination",  # the package itself: no code
            "coordination.choices",
            "coordination.display",
            "coordination.geo",
            "coordination.identifiers",
            "coordination.layout",
            "coordination.mail",
            "coordination.outages",
            "coordination.pdf_join",
            "coordination.permissions",
            "coordination.phones",
            "coordination.registry_columns",
            "coordination.registry_files",
            "coordination.roles",
            "coordination.search",  # the package itself: no imports
            "coordination.search.segmenter",
            "coordination.slugs",
            "coordination.text",
            "coordination.thai_dates",
            "coordination.thai_sort",
            "coordination.workflow_messages",
        ),
    ),
    ("models", ("coordination.history", "coordination.models")),
    ("cards: the public data rule and the public and staff projections", ("coordination.cards",)),
    (
        "selectors and services",
        (
            "coordination.search.capped",
            "coordination.search.queries",
            "coordination.selectors",
            "coordination.services",
        ),
    ),
    (
        "search, cache and formats",
        (
            "coordination.cache",
            "coordination.export_columns",
            "coordination.jsonld",
            "coordination.ratelimit",
            "coordination.registry_document",
            "coordination.registry_pdf",
            "coordination.search.backend",
            "coordination.search.bulk_index",
            "coordination.search.indexing",
            "coordination.search.quality",
            "coordination.search.results_cache",
            "coordination.spreadsheets",
            "coordination.vcard",
        ),
    ),
    (
        "views, API, blocks, pages and admin",
        (
            "coordination.admin_guard",
            "coordination.admin_views",
            "coordination.api",
            "coordination.api_http",
            "coordination.apps",
            "coordination.blocks",
            "coordination.compare",
            "coordination.demo",
            "coordination.export_views",
            "coordination.exports",
            "coordination.filters",
            "coordination.forms",
            "coordination.import_views",
            "coordination.inspect_views",
            "coordination.management",
            "coordination.pages",
            "coordination.review_panels",
            "coordination.review_views",
            "coordination.search.admin_views",
            "coordination.search_views",
            "coordination.self_service_admin",
            "coordination.self_service_forms",
            "coordination.self_service_views",
            "coordination.sitemaps",
            "coordination.templatetags",
            "coordination.urls",
            "coordination.views",
            "coordination.viewsets",
            "coordination.wagtail_hooks",
            "coordination.widgets",
            "coordination.workflow_views",
        ),
    ),
]

# Imports inside a function, each forced by a cycle that Wagtail or Django makes, and documented
# where it stands. (importing module, imported module); "*" allows any import in that module.
DOCUMENTED_LAZY_IMPORTS = {
    # AppConfig.ready(): connecting signal receivers once every app is loaded (Django's way).
    ("coordination.apps", "*"),
    # Wagtail's search index reads an agency's text from the model's own methods.
    ("coordination.models.agency", "coordination.search.indexing"),
    # Wagtail renders every preview (the moderation preview too) from the model itself.
    ("coordination.models.agency", "coordination.cards"),
    # Page routing: the views find their page type, the page routes to the views.
    ("coordination.pages", "coordination.views"),
    ("coordination.pages", "coordination.self_service_views"),
}


@dataclass(frozen=True)
class Import:
    module: str
    target: str
    line: int
    lazy: bool


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def app_modules() -> dict[str, Path]:
    return {
        module_name(path): path
        for path in sorted((ROOT / APP).rglob("*.py"))
        if "migrations" not in path.parts
    }


def resolve(name: str, modules) -> str | None:
    """The app module `name` refers to (`pkg.module.attribute` -> `pkg.module`), if any."""
    parts = name.split(".")
    while parts:
        candidate = ".".join(parts)
        if candidate in modules:
            return candidate
        parts.pop()
    return None


def imports_of(module: str, path: Path, modules) -> list[Import]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []

    def visit(node, in_function: bool):
        for child in ast.iter_child_nodes(node):
            nested = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            names = []
            if isinstance(child, ast.Import):
                names = [alias.name for alias in child.names]
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    anchor = package.split(".")[: len(package.split(".")) - child.level + 1]
                    base = ".".join([*anchor, base] if base else anchor)
                names = [f"{base}.{alias.name}" for alias in child.names] or [base]
            for name in names:
                target = resolve(name, modules) or name
                if target != module:
                    found.append(Import(module, target, child.lineno, nested))
            visit(child, nested)

    visit(tree, False)
    return found


def layer_of(module: str) -> int:
    best, best_length = None, -1
    for index, (_name, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            matches = module == prefix or module.startswith(f"{prefix}.")
            # The package entries ("coordination", "coordination.search") name only themselves.
            if prefix in (APP, f"{APP}.search") and module != prefix:
                matches = False
            if matches and len(prefix) > best_length:
                best, best_length = index, len(prefix)
    return best


@pytest.fixture(scope="module")
def graph():
    modules = app_modules()
    return modules, [imp for m, p in modules.items() for imp in imports_of(m, p, modules)]


def test_every_module_has_a_layer(graph):
    modules, _imports = graph
    assert [m for m in modules if layer_of(m) is None] == []


def test_no_module_imports_from_a_layer_above_its_own(graph):
    modules, imports = graph
    upward = [
        f"{imp.module} ({LAYERS[layer_of(imp.module)][0]}) imports {imp.target} "
        f"({LAYERS[layer_of(imp.target)][0]}), line {imp.line}"
        for imp in imports
        if not imp.lazy and imp.target in modules and layer_of(imp.target) > layer_of(imp.module)
    ]
    assert upward == []


def test_module_level_imports_form_no_cycle(graph):
    modules, imports = graph
    edges: dict[str, set[str]] = {module: set() for module in modules}
    for imp in imports:
        if not imp.lazy and imp.target in modules:
            edges[imp.module].add(imp.target)
    cycles = []
    state: dict[str, str] = {}

    def visit(module, trail):
        state[module] = "open"
        for target in sorted(edges[module]):
            if state.get(target) == "open":
                cycles.append(" -> ".join([*trail[trail.index(target) :], target]))
            elif target not in state:
                visit(target, [*trail, target])
        state[module] = "done"

    for module in sorted(modules):
        if module not in state:
            visit(module, [module])
    assert cycles == []


def test_imports_inside_functions_are_only_the_documented_ones(graph):
    _modules, imports = graph
    undocumented = [
        f"{imp.module}:{imp.line} imports {imp.target}"
        for imp in imports
        if imp.lazy
        and (imp.module, imp.target) not in DOCUMENTED_LAZY_IMPORTS
        and (imp.module, "*") not in DOCUMENTED_LAZY_IMPORTS
    ]
    assert undocumented == []
    assert len(DOCUMENTED_LAZY_IMPORTS) <= 5, "a handful at most: see docs/architecture.md"


def test_the_registry_never_imports_the_site(graph):
    _modules, imports = graph
    assert [i for i in imports if i.target == "home" or i.target.startswith("home.")] == []
