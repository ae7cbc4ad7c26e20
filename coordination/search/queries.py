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
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce, Length, Lower, Replace

from coordination.search.segmenter import expand_abbreviations, normalize, segment

# Page models listed under "news" on the site search (app_label.ModelName); others are "pages".
DEFAULT_NEWS_MODELS = ("home.NewsPage",)
_COMPACT_DROP = re.compile(r"[\s.\-]+")


@dataclass(frozen=True)
class ParsedQuery:
    """A query as the index sees it.

    `words` come from our dictionary, `plain_words` from PyThaiNLP's own (they differ when the
    registry's names changed since a text was indexed); `compacts` are the query without
    spaces, dots and dashes, as typed and with abbreviations written out, to compare with names.
    """

    text: str
    words: tuple[str, ...]
    plain_words: tuple[str, ...]
    compacts: tuple[str, ...]

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
    )


def _quoted_safe(words) -> list[str]:
    # A double quote would break SQLite's MATCH syntax; the backends quote everything else.
    return [w for w in (word.replace('"', "") for word in words) if w]


def _backend_query(parsed: ParsedQuery, operator: str, *, raw: bool = False):
    from wagtail.search.query import Or, PlainText

    words = _quoted_safe(parsed.words)
    queries = [PlainText(" ".join(words), operator=operator)]
    plain = _quoted_safe(parsed.plain_words)
    if plain and plain != words:
        queries.append(PlainText(" ".join(plain), operator=operator))
    if raw:
        as_typed = _quoted_safe(parsed.text.split())
        if as_typed and as_typed != words:
            queries.append(PlainText(" ".join(as_typed), operator=operator))
    return queries[0] if len(queries) == 1 else Or(queries)


def matching_pks(parsed: ParsedQuery, base: QuerySet, *, operator="and", prefix=False, raw=False):
    """A subquery of the primary keys of `base` whose indexed text holds the query's words.

    `prefix` takes the last word as the start of a word (the backend's autocomplete, names
    only); `raw` also tries the words as typed, for pages whose model indexes no Thai copy.
    """
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    method = backend.autocomplete if prefix else backend.search
    results = method(_backend_query(parsed, operator, raw=raw), base, order_by_relevance=False)
    return results.get_queryset().order_by().values("pk")


def _compacted(field: str):
    expression = Lower(Coalesce(field, Value("")))
    for char in (" ", ".", "-"):
        expression = Replace(expression, Value(char), Value(""))
    return expression


def rank_by_name(queryset: QuerySet, parsed: ParsedQuery, *, fields, then=()) -> QuerySet:
    """Order `queryset` by how well the names in `fields` match the query, then by `then`.

    Annotates `search_closeness` (0 exact name, 1 name contains the query, 2 otherwise) and
    `search_hits` (how many of the query's words the names contain).
    """
    aliases = {f"_search_{field}": _compacted(field) for field in fields}
    queryset = queryset.alias(**aliases)

    def in_names(lookup, value):
        return reduce(or_, (Q(**{f"{alias}__{lookup}": value}) for alias in aliases))

    exact = reduce(or_, (in_names("exact", c) for c in parsed.compacts))
    contains = reduce(or_, (in_names("contains", c) for c in parsed.compacts))
    hits = Value(0)
    for word in parsed.words:
        hits = hits + Case(
            When(in_names("contains", word), then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
    closeness = Case(
        When(exact, then=Value(0)),
        When(contains, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    return queryset.annotate(search_closeness=closeness, search_hits=hits).order_by(
        "search_closeness", "-search_hits", *then
    )


AGENCY_NAME_FIELDS = ("name_th", "short_name", "name_en")


def _name_ranked(queryset: QuerySet, parsed: ParsedQuery) -> QuerySet:
    return rank_by_name(
        queryset, parsed, fields=AGENCY_NAME_FIELDS, then=(Length("name_th"), "name_th", "pk")
    )


def _agency_matches(queryset: QuerySet, parsed: ParsedQuery, base: QuerySet) -> QuerySet:
    """Agencies of `queryset` with every word; failing that, the last word as the start of a
    name, then any word. A long query whose words no single name holds also brings the names
    that hold all but one ("โรงเรียนบ้านหนองฉางวิทยา": one word too many)."""
    words = len(parsed.words)
    every = matching_pks(parsed, base)
    matched = queryset.filter(pk__in=every)
    if matched.exists():
        if words < 3 or _name_ranked(matched, parsed).filter(search_hits=words).exists():
            return matched
        near = _name_ranked(
            queryset.filter(pk__in=matching_pks(parsed, base, operator="or")), parsed
        ).filter(search_hits__gte=words - 1)
        return queryset.filter(Q(pk__in=every) | Q(pk__in=near.values("pk")))
    if parsed.words[-1][:1].isalpha():
        started = queryset.filter(pk__in=matching_pks(parsed, base, prefix=True))
        if words == 1 or started.exists():
            return started
    if words > 1:
        return queryset.filter(pk__in=matching_pks(parsed, base, operator="or"))
    return matched


def agency_search(queryset: QuerySet, q, *, public: bool) -> QuerySet:
    """Agencies of `queryset` that match the Thai-aware query `q`, best match first.

    Returns a queryset, so callers filter, count and paginate it as usual. With `public=True`
    matches are also limited to `public_agencies()` (the public data rule); with
    `public=False` the caller's queryset decides (the admin finds drafts and internal agencies).
    When no agency has every word, the last word is read as the start of a name, and then any
    one word is enough, so that a slip in one word still finds something.
    """
    from coordination.models import Agency
    from coordination.selectors.public import public_agencies

    parsed = q if isinstance(q, ParsedQuery) else parse_query(q)
    if not parsed:
        return queryset.none()
    base = public_agencies() if public else Agency.objects.all()
    return _name_ranked(_agency_matches(queryset, parsed, base), parsed)


def agency_suggest(q: str, *, limit: int = 8) -> list[dict]:
    """Public agencies whose names start the way `q` is typed, for the search box's suggestions."""
    from coordination.selectors.public import public_agencies

    parsed = parse_query(q)
    if not parsed:
        return []
    base = public_agencies()
    matched = base.filter(pk__in=matching_pks(parsed, base, prefix=True))
    return list(_name_ranked(matched, parsed).values("name_th", "short_name", "slug")[:limit])


def news_page_models() -> list:
    """The page models shown as news (setting COORDINATION_SEARCH_NEWS_MODELS); missing ones skip."""
    models = []
    for label in getattr(settings, "COORDINATION_SEARCH_NEWS_MODELS", DEFAULT_NEWS_MODELS):
        try:
            models.append(apps.get_model(label))
        except (LookupError, ValueError):
            continue
    return models


def page_search(q, *, news: bool) -> QuerySet:
    """Live, public pages matching `q`: news pages (`news=True`) or all other pages, title
    matches first, then the newest."""
    from wagtail.models import Page

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
    matched = Page.objects.filter(pk__in=matching_pks(parsed, base, raw=True))
    return rank_by_name(
        matched, parsed, fields=("title",), then=("-first_published_at", "title", "pk")
    )
