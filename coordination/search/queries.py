"""Thai-aware queries on Wagtail's database search backend, for agencies and pages.

The backend answers *which* objects hold every word of the query (SQLite FTS5 or PostgreSQL
full text over the segmented index); the order is ours, in SQL, so that callers keep a plain
queryset to filter, count and paginate: the exact name first, then names that contain the query,
then names with most of its words, and matches in the body (address, contacts, mission) last.
"""

import re
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.apps import apps
from django.conf import settings
from django.db import connection
from django.db.models import BigIntegerField, Case, F, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Cast, Coalesce, Length, Lower, Replace
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry
from wagtail.search.query import Or, PlainText
from wagtail.search.utils import get_descendants_content_types_pks

from coordination.cards import public_agencies
from coordination.models import Agency
from coordination.search.segmenter import (
    ABBREVIATIONS,
    AGENCY_KIND_ABBREVIATIONS,
    abbreviation_alone,
    expand_abbreviations,
    normalize,
    segment,
)

_COMPACT_DROP = re.compile(r"[\s.\-]+")


@dataclass(frozen=True)
class ParsedQuery:
    """A query as the index sees it.

    `words` come from our dictionary, `plain_words` from PyThaiNLP's own (they differ when the
    registry's names changed since a text was indexed); `compacts` are the query without
    spaces, dots and dashes, as typed and with abbreviations written out, to compare with names.
    `abbreviation` is set when the whole query is one abbreviation ("รร.").
    """

    text: str
    words: tuple[str, ...]
    plain_words: tuple[str, ...]
    compacts: tuple[str, ...]
    abbreviation: str = ""

    def __bool__(self) -> bool:
        return bool(self.words)


def parse_query(q: str) -> ParsedQuery:
    text = normalize(q or "")[:200]
    as_typed = _COMPACT_DROP.sub("", text)
    expanded = _COMPACT_DROP.sub("", normalize(expand_abbreviations(text)))
    return ParsedQuery(
        text=text,
        words=tuple(dict.fromkeys(segment(text).words)),
        plain_words=tuple(dict.fromkeys(segment(text, plain=True).words)),
        compacts=tuple(c for c in dict.fromkeys((as_typed, expanded)) if c),
        abbreviation=abbreviation_alone(text),
    )


def _quoted_safe(words) -> list[str]:
    # A double quote would break SQLite's MATCH syntax; the backends quote everything else.
    return [w for w in (word.replace('"', "") for word in words) if w]


def _backend_query(parsed: ParsedQuery, *, all_but_one: bool = False, raw: bool = False):
    """Every word of the query, as our dictionary and as PyThaiNLP's split it (either will
    do); with `all_but_one`, any one word may be missing; with `raw`, the words as typed too."""

    words = _quoted_safe(parsed.words)
    if all_but_one:
        return Or([PlainText(" ".join(words[:i] + words[i + 1 :])) for i in range(len(words))])
    queries = [PlainText(" ".join(words))]
    plain = _quoted_safe(parsed.plain_words)
    if plain and plain != words:
        queries.append(PlainText(" ".join(plain)))
    if raw:
        as_typed = _quoted_safe(parsed.text.split())
        if as_typed and as_typed != words:
            queries.append(PlainText(" ".join(as_typed)))
    return queries[0] if len(queries) == 1 else Or(queries)


def matching_pks(
    parsed: ParsedQuery, base: QuerySet, *, prefix=False, all_but_one=False, raw=False
):
    """A subquery of primary keys of `base`'s model whose indexed text holds the query's words.

    Intersect it with `base` (on PostgreSQL only the model is taken from it). `prefix` reads
    the last word as the start of a word (the backend's autocomplete: names only).
    """

    backend = get_search_backend()
    query = _backend_query(parsed, all_but_one=all_but_one, raw=raw)
    if connection.vendor == "postgresql":
        return _postgres_matching_pks(backend, query, base.model, prefix=prefix)
    method = backend.autocomplete if prefix else backend.search
    results = method(query, base, order_by_relevance=False)
    return results.get_queryset().order_by().values("pk")


def _postgres_matching_pks(backend, query, model, *, prefix: bool):
    """The backend's match on PostgreSQL, written so that its GIN indexes serve it.

    The backend matches ``title || body``, a vector no index holds, so each search reads the
    whole index table (0.8 s at 50,000 agencies); and its generic relation joins on
    ``id::varchar``, which reads the whole model table. Here ``body`` and ``title`` (or
    ``autocomplete``) are matched each, with the backend's own tsquery, and the entries give
    primary keys.
    """

    compiler_class = (
        backend.autocomplete_query_compiler_class if prefix else backend.query_compiler_class
    )
    compiler = compiler_class(model.objects.none(), query)
    tsquery = compiler.build_tsquery(query, config=compiler.get_config(backend))
    condition = Q(autocomplete=tsquery) if prefix else Q(body=tsquery) | Q(title=tsquery)
    return (
        IndexEntry.objects.filter(condition)
        .filter(content_type_id__in=get_descendants_content_types_pks(model))
        .annotate(matched_pk=Cast("object_id", BigIntegerField()))
        .values("matched_pk")
    )


def _compacted(field: str, *chars: str, lower: bool = False):
    expression = F(field)
    if lower:
        expression = Lower(expression)
    for char in chars:
        expression = Replace(expression, Value(char), Value(""))
    return expression


# How each name field is compared with the query: without spaces (and dots, in short names).
AGENCY_NAME_FIELDS = {
    "name_th": _compacted("name_th", " "),
    "short_name": _compacted("short_name", " ", "."),
    "name_en": _compacted("name_en", " ", lower=True),
}


def rank_by_name(queryset: QuerySet, parsed: ParsedQuery, *, fields: dict, then=()) -> QuerySet:
    """Order `queryset` by how well its names match the query, then by `then`.

    `fields` maps each name field to the expression it is compared by. Annotates
    `search_closeness` (0 an exact name, 1 a name that contains the query, 2 otherwise) and
    `search_hits` (how many of the query's words the names contain).
    """
    aliases = {f"_search_{name}": expression for name, expression in fields.items()}
    queryset = queryset.alias(**aliases)

    def in_names(lookup, value):
        return reduce(or_, (Q(**{f"{alias}__{lookup}": value}) for alias in aliases))

    exact = reduce(or_, (in_names("exact", c) for c in parsed.compacts))
    contains = reduce(or_, (in_names("contains", c) for c in parsed.compacts))
    closeness = Case(
        When(exact, then=Value(0)),
        When(contains, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    hits = Value(0)
    for word in parsed.words:
        hits = hits + Case(
            When(in_names("contains", word), then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
    return queryset.annotate(search_closeness=closeness, search_hits=hits).order_by(
        "search_closeness", "-search_hits", *then
    )


def _name_ranked(queryset: QuerySet, parsed: ParsedQuery) -> QuerySet:
    return rank_by_name(
        queryset, parsed, fields=AGENCY_NAME_FIELDS, then=(Length("name_th"), "name_sort", "pk")
    )


def _agency_matches(scope: QuerySet, parsed: ParsedQuery, base: QuerySet) -> QuerySet:
    """Agencies of `scope` that hold every word of the query.

    A long query whose words no single name holds also brings agencies that hold all but one
    ("โรงเรียนบ้านหนองฉางวิทยา": one word too many); a query whose last word matches nothing is
    read as still being typed ("หนองฉ").
    """
    words = len(parsed.words)
    pks = matching_pks(parsed, base)
    matched = scope.filter(pk__in=pks)
    if words >= 3:
        named = _name_ranked(matched, parsed).filter(search_hits=words)
        if named.exists():
            return matched
        return scope.filter(pk__in=matching_pks(parsed, base, all_but_one=True))
    if not parsed.words[-1][:1].isalpha() or _holds_any(scope, pks):
        return matched
    return scope.filter(pk__in=matching_pks(parsed, base, prefix=True))


def _holds_any(scope: QuerySet, pks) -> bool:
    """Whether `scope` holds any of `pks` (a `matching_pks` subquery).

    Asked from the matches' side. `scope.filter(pk__in=pks).exists()` lets PostgreSQL plan its
    LIMIT 1 as a walk through the scope that compares each row with every match: 7–13 s for
    "โรงเรียน" (16,000 matches) at 50,000 agencies, found by the load test (docs/benchmarks.md).
    From the matches' side each match is one primary-key lookup: 10 ms.
    """
    key = "matched_pk" if connection.vendor == "postgresql" else "pk"
    return pks.filter(**{f"{key}__in": scope.values("pk")}).exists()


def _agency_kind_matches(scope: QuerySet, abbreviation: str) -> QuerySet:
    """Agencies of the kind an abbreviation typed alone names ("รร." the schools, "กฟภ." the
    Provincial Electricity Authority): the full form starts the Thai name, or the abbreviation
    starts the agency's own short name. Words in addresses, contacts and duties don't count."""
    return scope.alias(_kind_short_name=AGENCY_NAME_FIELDS["short_name"]).filter(
        Q(name_th__startswith=ABBREVIATIONS[abbreviation])
        | Q(_kind_short_name__startswith=abbreviation)
    )


def agency_search(queryset: QuerySet, q, *, public: bool) -> QuerySet:
    """Agencies of `queryset` that match the Thai-aware query `q`, best match first.

    Returns a queryset, so callers filter, count and paginate it as usual. With `public=True`
    matches are also limited to `public_agencies()` (the public data rule); with
    `public=False` the caller's queryset decides (the admin finds drafts and internal agencies).
    """

    parsed = q if isinstance(q, ParsedQuery) else parse_query(q)
    if not parsed:
        return queryset.none()
    base = public_agencies() if public else Agency.objects.all()
    scope = (queryset & base) if public else queryset
    if parsed.abbreviation in AGENCY_KIND_ABBREVIATIONS:
        return _name_ranked(_agency_kind_matches(scope, parsed.abbreviation), parsed)
    return _name_ranked(_agency_matches(scope, parsed, base), parsed)


def agency_suggest(q: str, *, limit: int = 8) -> list[dict]:
    """Public agencies whose names start the way `q` is typed, for the search box's suggestions."""

    parsed = parse_query(q)
    if not parsed:
        return []
    base = public_agencies()
    matched = base.filter(pk__in=matching_pks(parsed, base, prefix=True))
    return list(_name_ranked(matched, parsed).values("name_th", "short_name", "slug")[:limit])


def news_page_models() -> list:
    """The page models the site search lists under "news" (setting COORDINATION_SEARCH_NEWS_MODELS,
    "app_label.ModelName" labels; none by default); other pages are "pages". Missing ones skip."""
    models = []
    for label in getattr(settings, "COORDINATION_SEARCH_NEWS_MODELS", ()):
        try:
            models.append(apps.get_model(label))
        except (LookupError, ValueError):
            continue
    return models


def _page_date_lookup(model) -> str | None:
    """The lookup from `Page` to `model.search_date_field` (e.g. "newspage__date"), or None."""

    field = getattr(model, "search_date_field", None)
    if not field:
        return None
    # Multi-table inheritance: Page -> ... -> model, each step a reverse one-to-one link.
    chain = [m for m in reversed(model._meta.get_parent_list()) if issubclass(m, Page)]
    steps = [m._meta.model_name for m in chain if m is not Page] + [model._meta.model_name]
    return "__".join([*steps, field])


def page_search(q, *, news: bool) -> QuerySet:
    """Live, public pages matching `q`: news pages (`news=True`) or all other pages, title
    matches first, then the newest.

    Annotates `search_date`: the page's own date (`search_date_field`, a news item's date) where
    its model has one, so news are shown and ordered by the date of the news, not by when the
    page happened to be published.
    """

    parsed = q if isinstance(q, ParsedQuery) else parse_query(q)
    if not parsed:
        return Page.objects.none()
    base = Page.objects.live().public()
    news_models = news_page_models()
    if news:
        if not news_models:
            return Page.objects.none()
        base = base.type(*news_models)
    elif news_models:
        base = base.not_type(*news_models)
    matched = base.filter(pk__in=matching_pks(parsed, base, raw=True))
    lookups = [lookup for lookup in map(_page_date_lookup, news_models) if lookup]
    if news and lookups:
        date = Coalesce(*map(F, lookups)) if len(lookups) > 1 else F(lookups[0])
        matched = matched.annotate(search_date=date)
        newest = (F("search_date").desc(nulls_last=True), "-first_published_at")
    else:
        newest = ("-first_published_at",)
    return rank_by_name(
        matched,
        parsed,
        fields={"title": _compacted("title", " ", lower=True)},
        then=(*newest, "title", "pk"),
    )
