"""A recording stand-in for the Elasticsearch 8 HTTP API, for wire tests without a server.

``ElasticsearchRecorder`` listens on 127.0.0.1 (a free port) in a thread. The
real ``elasticsearch`` client, through modelsearch and the portal's backends,
talks to it as to a server: it records every request (method, path, query
string, JSON or NDJSON body) and answers as the Elasticsearch 8 API documents
for what modelsearch uses: the root ``GET /`` (with the ``X-Elastic-Product``
header the client checks), index creation, listing, existence and deletion,
mappings, aliases, refresh, documents (``_doc``, ``_bulk``), ``_search`` (with scrolling)
and ``_count``, over one index or several (``a,b,c``, aliases resolved,
``ignore_unavailable`` honoured).

It keeps what was written, per index, so that a test can read what each index
holds. A search matches a document when the document holds one of the query's
words (a crude stand-in for analysis: filters and ranking are not
reproduced; modelsearch filters the hits through the queryset anyway), unless
``hits`` is set, in which case every search answers those hits.
"""

import json
import re
import threading
from dataclasses import dataclass, field
from fnmatch import fnmatch
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

VERSION = {
    "name": "recorder",
    "cluster_name": "ccr-tests",
    "cluster_uuid": "recorder",
    "version": {
        "number": "8.19.0",
        "build_flavor": "default",
        "build_type": "docker",
        "lucene_version": "9.12.0",
        "minimum_wire_compatibility_version": "7.17.0",
        "minimum_index_compatibility_version": "7.0.0",
    },
    "tagline": "You Know, for Search",
}
SHARDS = {"total": 1, "successful": 1, "skipped": 0, "failed": 0}
WORD = re.compile(r"\w+", re.UNICODE)


@dataclass
class Request:
    method: str
    path: str
    params: dict
    body: object = None  # a dict (JSON), a list of dicts (NDJSON) or None
    status: int = 0  # the recorder's answer

    @property
    def target(self):
        """The index names the request is about (``[]`` for ``/_bulk``, ``/_search/scroll``…)."""
        first = self.path.strip("/").split("/")[0]
        return [] if not first or first.startswith("_") else first.split(",")

    @property
    def action(self):
        """What the request does: ``"_doc"``, ``"_bulk"``, ``"_search"``, ``"index"``…"""
        parts = self.path.strip("/").split("/")
        if self.target:
            return parts[1] if len(parts) > 1 else "index"
        return parts[0] or "root"


@dataclass
class Index:
    settings: dict = field(default_factory=dict)
    mappings: list = field(default_factory=list)
    docs: dict = field(default_factory=dict)
    created_by_a_write: bool = False


class ElasticsearchRecorder:
    def __init__(self):
        self.requests = []
        self.indices = {}
        self.aliases = {}
        self.hits = None
        self._scrolls = {}
        self._lock = threading.Lock()
        recorder = self

        class Handler(_Handler):
            pass

        Handler.recorder = recorder
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    # --- What the tests read ------------------------------------------------------

    def forget(self):
        """Forget the requests so far (the indexes keep their documents)."""
        self.requests.clear()

    def concrete(self, name):
        return self.aliases.get(name, name)

    def docs(self, name):
        """The documents an index (or alias) holds, ``{id: document}``."""
        index = self.indices.get(self.concrete(name))
        return index.docs if index else {}

    def writes(self):
        """``(index, id)`` of every document written (``_doc`` and ``_bulk``), in order."""
        written = []
        for request in self.requests:
            if request.action == "_doc" and request.method in ("PUT", "POST"):
                written.append((request.target[0], unquote(request.path.rsplit("/", 1)[1])))
            elif request.action == "_bulk":
                written.extend(
                    (index, doc_id)
                    for op, index, doc_id, _doc in self._bulk_operations(request)
                    if op in ("index", "create")
                )
        return written

    def deletions(self):
        """``(index, id, found)`` of every document deletion, in order."""
        return [
            (r.target[0], unquote(r.path.rsplit("/", 1)[1]), r.status == 200)
            for r in self.requests
            if r.action == "_doc" and r.method == "DELETE"
        ]

    def searches(self):
        """The ``_search`` and ``_count`` requests (scroll pages excluded)."""
        return [r for r in self.requests if r.action in ("_search", "_count") and r.target]

    # --- Answers --------------------------------------------------------------------

    def answer(self, request):
        with self._lock:
            self.requests.append(request)
            status, answer = self._route(request)
            request.status = status
            return status, answer

    def _route(self, request):  # one branch per endpoint
        method, parts = request.method, request.path.strip("/").split("/")
        if request.action == "root":
            return 200, VERSION
        if parts[0] == "_bulk":
            return self._bulk(request)
        if parts[0] == "_alias":
            return self._get_alias(request, parts[1])
        if parts[:2] == ["_search", "scroll"]:
            if method == "DELETE":
                return 200, {"succeeded": True, "num_freed": 1}
            return self._next_scroll_page(request.body["scroll_id"])
        names, action = request.target, request.action
        name = names[0] if names else ""
        if action == "index":
            if method == "HEAD":
                return (200 if self.concrete(name) in self.indices else 404), None
            if method == "PUT":
                return self._create(name, request.body or {})
            if method == "GET":
                matching = [
                    n for n in self.indices if any(fnmatch(n, pattern) for pattern in names)
                ]
                return 200, {n: {"aliases": {}, "mappings": {}, "settings": {}} for n in matching}
            if method == "DELETE":
                if any(n not in self.indices for n in names):
                    return 404, _error("index_not_found_exception", name)
                for n in names:
                    del self.indices[n]
                self.aliases = {a: n for a, n in self.aliases.items() if n in self.indices}
                return 200, {"acknowledged": True}
        if action == "_mapping" and method in ("PUT", "POST"):
            self._index(name).mappings.append(request.body)
            return 200, {"acknowledged": True}
        if action in ("_alias", "_aliases") and method in ("PUT", "POST"):
            self.aliases[parts[2]] = name
            return 200, {"acknowledged": True}
        if action == "_refresh":
            return 200, {"_shards": SHARDS}
        if action == "_doc":
            doc_id = unquote(parts[2])
            if method in ("PUT", "POST"):
                return self._write(name, doc_id, request.body)
            if method == "DELETE":
                return self._delete(name, doc_id)
            if method in ("GET", "HEAD"):
                doc = self.docs(name).get(doc_id)
                answer = {"_index": self.concrete(name), "_id": doc_id, "found": doc is not None}
                return (404, answer) if doc is None else (200, {**answer, "_source": doc})
        if action == "_bulk":
            return self._bulk(request)
        if action == "_search":
            return self._search(request)
        if action == "_count":
            found = self._matching(request)
            if found is None:
                return 404, _error("index_not_found_exception", name)
            return 200, {"count": len(found), "_shards": SHARDS}
        return 400, _error("unsupported_by_the_recorder", request.path)

    def _index(self, name, created_by_a_write=False):
        name = self.concrete(name)
        if name not in self.indices:
            self.indices[name] = Index(created_by_a_write=created_by_a_write)
        return self.indices[name]

    def _create(self, name, body):
        if name in self.indices or name in self.aliases:
            return 400, _error("resource_already_exists_exception", name)
        self.indices[name] = Index(settings=body.get("settings", {}))
        if body.get("mappings"):
            self.indices[name].mappings.append(body["mappings"])
        return 200, {"acknowledged": True, "shards_acknowledged": True, "index": name}

    def _write(self, name, doc_id, doc):
        # As Elasticsearch does, a write to a missing index creates it (without
        # the portal's settings: the tests check that this does not happen).
        index = self._index(name, created_by_a_write=True)
        result = "updated" if doc_id in index.docs else "created"
        index.docs[doc_id] = doc
        return (201 if result == "created" else 200), {
            "_index": self.concrete(name),
            "_id": doc_id,
            "_version": 1,
            "result": result,
            "_shards": SHARDS,
            "_seq_no": 0,
            "_primary_term": 1,
        }

    def _delete(self, name, doc_id):
        index = self.indices.get(self.concrete(name))
        found = index is not None and index.docs.pop(doc_id, None) is not None
        answer = {
            "_index": self.concrete(name),
            "_id": doc_id,
            "_version": 1,
            "result": "deleted" if found else "not_found",
            "_shards": SHARDS,
        }
        return (200 if found else 404), answer

    def _bulk_operations(self, request):
        """``(op, index, id, document)`` for each operation of an NDJSON ``_bulk`` body."""
        default_index = request.target[0] if request.target else None
        lines = list(request.body or [])
        operations = []
        while lines:
            ((op, meta),) = lines.pop(0).items()
            doc = lines.pop(0) if op in ("index", "create", "update") else None
            operations.append((op, meta.get("_index", default_index), str(meta.get("_id")), doc))
        return operations

    def _bulk(self, request):
        items = []
        for op, name, doc_id, doc in self._bulk_operations(request):
            if op == "delete":
                status, answer = self._delete(name, doc_id)
            else:
                status, answer = self._write(name, doc_id, doc)
            items.append({op: {**answer, "status": status}})
        return 200, {"took": 1, "errors": False, "items": items}

    def _get_alias(self, request, name):
        index = self.aliases.get(name)
        if index is None:
            return 404, None if request.method == "HEAD" else _error("aliases_not_found", name)
        return 200, None if request.method == "HEAD" else {index: {"aliases": {name: {}}}}

    def _matching(self, request):
        """``[(index, id)]`` the request's query finds, or None for a missing index."""
        names = []
        for name in request.target:
            if self.concrete(name) in self.indices:
                names.append(self.concrete(name))
            elif request.params.get("ignore_unavailable") != "true":
                return None
        words = {
            word.casefold() for text in _query_texts(request.body) for word in WORD.findall(text)
        }
        found = []
        for name in names:
            for doc_id, doc in self.indices[name].docs.items():
                text = json.dumps(doc, ensure_ascii=False).casefold()
                if not words or any(word in text for word in words):
                    found.append((name, doc_id))
        return found

    def _hit(self, name, doc_id):
        pk = self.indices[name].docs[doc_id].get("pk", doc_id)
        return {"_index": name, "_id": doc_id, "_score": 1.0, "fields": {"pk": [pk]}}

    def _search(self, request):
        if self.hits is not None:
            hits = list(self.hits)
        else:
            found = self._matching(request)
            if found is None:
                return 404, _error("index_not_found_exception", ",".join(request.target))
            hits = [self._hit(name, doc_id) for name, doc_id in found]
        body = request.body or {}
        size = int(body.get("size", request.params.get("size", 10)))
        start = int(body.get("from", request.params.get("from", 0)))
        answer = {"took": 1, "timed_out": False, "_shards": SHARDS}
        if "scroll" in request.params:
            scroll_id = f"scroll-{len(self._scrolls)}"
            self._scrolls[scroll_id] = (hits[size:], size)
            answer["_scroll_id"] = scroll_id
            page = hits[:size]
        else:
            page = hits[start : start + size]
        answer["hits"] = {
            "total": {"value": len(hits), "relation": "eq"},
            "max_score": 1.0,
            "hits": page,
        }
        return 200, answer

    def _next_scroll_page(self, scroll_id):
        rest, size = self._scrolls[scroll_id]
        self._scrolls[scroll_id] = (rest[size:], size)
        return 200, {
            "_scroll_id": scroll_id,
            "took": 1,
            "timed_out": False,
            "_shards": SHARDS,
            "hits": {"total": {"value": len(rest), "relation": "eq"}, "hits": rest[:size]},
        }


def _error(kind, about):
    return {"error": {"type": kind, "reason": f"{kind} [{about}]"}, "status": 404}


def _query_texts(node):
    """The texts a search body looks for: every string under a ``query`` key."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "query" and isinstance(value, str):
                yield value
            else:
                yield from _query_texts(value)
    elif isinstance(node, list):
        for value in node:
            yield from _query_texts(value)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as the client's connection pool expects
    # Headers and body go out in two writes: without this, each answer waits
    # for the client's delayed acknowledgement (40 ms on Linux).
    disable_nagle_algorithm = True
    recorder = None

    def log_message(self, format, *args):
        pass  # quiet: the recorder keeps the requests

    def _handle(self):
        url = urlsplit(self.path)
        params = {key: values[-1] for key, values in parse_qs(url.query).items()}
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length).decode() if length else ""
        body = None
        if raw.strip():
            lines = [json.loads(line) for line in raw.splitlines() if line.strip()]
            body = lines if url.path.rstrip("/").endswith("_bulk") else lines[0]
        status, answer = self.recorder.answer(Request(self.command, url.path, params, body))
        payload = b"" if answer is None else json.dumps(answer).encode()
        self.send_response(status)
        self.send_header("X-Elastic-Product", "Elasticsearch")
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(0 if self.command == "HEAD" else len(payload)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)

    do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = _handle
