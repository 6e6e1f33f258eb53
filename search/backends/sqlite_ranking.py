"""Ranked search on SQLite that reads the full-text index first.

modelsearch's SQLite backend ranks by annotating every page of the filtered
queryset with a correlated ``bm25`` subquery, so a search costs time in
proportion to the number of pages in the language (about 5 s at 10,000 pages
here), not to the number of matches. This asks the FTS5 index for the best
matches directly (``MATCH`` ordered by the backend's own bm25 rank
expression), then keeps those the page queryset allows, in rank order. It
reuses the backend's query compiler, so terms, operators and weights are the
backend's.
"""

from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks

# How many index matches to rank before filtering by language and visibility.
CANDIDATES = 2000


def is_sqlite_backend(backend):
    return type(backend).__name__ == "SQLiteSearchBackend"


def ranked_page_ids(backend, query, pages, operator, limit):
    """Ids of ``pages`` matching ``query``, best first, at most ``limit``."""
    # The FTS model, and modules that load it, exist only on SQLite: import them here.
    from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
    from wagtail.search.models import SQLiteFTSIndexEntry

    compiler = backend.query_compiler_class(pages, query, operator=operator)
    normalized = normalize(compiler.query)
    if isinstance(normalized, (MatchAll, Not)):
        return []
    search_query = compiler.build_search_query(normalized)
    if search_query is None:
        return []
    match = MatchExpression(compiler.FTS_TABLE_FIELDS, search_query)
    rank = compiler._build_rank_expression(compiler.get_search_vectors(), None)
    candidates = [
        int(object_id)
        for object_id in SQLiteFTSIndexEntry.objects.filter(match)
        .filter(index_entry__content_type__in=get_descendants_content_types_pks(pages.model))
        .annotate(score=rank)
        .order_by("score")
        .values_list("index_entry__object_id", flat=True)[:CANDIDATES]
    ]
    allowed = set(pages.filter(pk__in=candidates).values_list("pk", flat=True))
    return [page_id for page_id in candidates if page_id in allowed][:limit]
