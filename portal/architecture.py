"""Which app imports which: read from the code, so that the README's diagram stays true.

``manage.py app_imports`` prints the diagram (``docs/architecture.txt`` is its
output, compared by a test) and, with ``--check``, fails on an import cycle
between apps or between the modules of one app.

Two kinds of reference are told apart:

- *imports*: ``import x`` and ``from x import y``, at the top of a module or
  inside a function (a deferred import still ties the two modules together);
- *names*: a model named by a string, ``"programmes.CallPage"`` in
  ``subpage_types`` or ``apps.get_model("programmes", "CallPage")``; they
  tie the apps without an import, and the diagram shows them apart.

The Django project (``portal.settings``, ``portal.urls``, ``portal.wsgi``,
the project-wide management commands) is its own node, *project*: it
assembles every app, so it may import any of them. ``portal`` is the rest:
the shared library every app uses. Tests, migrations and the demo content
are left out: they are not part of the running layers.
"""

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path

PROJECT = "project"
PROJECT_MODULES = ("portal.settings", "portal.urls", "portal.wsgi", "portal.management.commands")
SKIPPED_PARTS = {"tests", "migrations", "demo", "__pycache__"}
MODEL_NAME = re.compile(r"^([a-z_]+)\.([A-Z]\w*)$")


@dataclass
class AppReferences:
    imports: set = field(default_factory=set)
    names: set = field(default_factory=set)


def module_name(root, path):
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def app_of(module, apps):
    if module.startswith(PROJECT_MODULES):
        return PROJECT
    first = module.split(".")[0]
    return first if first in apps else None


def source_files(root, apps):
    for app in sorted(apps):
        for path in sorted((root / app).rglob("*.py")):
            if not SKIPPED_PARTS.intersection(path.relative_to(root).parts):
                yield path


def imported_modules(tree, module, is_package):
    """Every module ``tree`` imports, anywhere in it, relative imports resolved."""
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            yield base
            # ``from portal import cards`` imports the module ``portal.cards``.
            yield from (f"{base}.{alias.name}" for alias in node.names)


def named_apps(tree):
    """Apps whose models a string names: "app.Model", or apps.get_model("app", "Model")."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            match = MODEL_NAME.match(node.value)
            if match:
                yield match.group(1)
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", None) == "get_model"
            and len(node.args) >= 2
            and isinstance(node.args[0], ast.Constant)
        ):
            yield str(node.args[0].value)


@dataclass
class ImportGraph:
    apps: dict  # app → AppReferences (other apps only)
    modules: dict  # module → modules of the same app it imports

    def app_cycles(self):
        edges = {app: refs.imports for app, refs in self.apps.items()}
        return strongly_connected(edges)

    def module_cycles(self):
        return strongly_connected(self.modules)


def build_graph(root, apps):
    root = Path(root)
    known = {module_name(root, path): path for path in source_files(root, apps)}
    references = {app: AppReferences() for app in [*sorted(apps), PROJECT]}
    modules = {}
    for module, path in known.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        own_app = app_of(module, apps)
        local = set()
        for imported in imported_modules(tree, module, path.name == "__init__.py"):
            target_app = app_of(imported, apps)
            if target_app is None:
                continue
            if target_app != own_app:
                references[own_app].imports.add(target_app)
            elif imported in known and imported != module:
                local.add(imported)
        modules[module] = local
        for named in named_apps(tree):
            if named in apps and named != own_app and named not in references[own_app].imports:
                references[own_app].names.add(named)
    for refs in references.values():
        refs.names -= refs.imports
    return ImportGraph(apps=references, modules=modules)


def strongly_connected(edges):
    """The cycles of a directed graph: its strongly connected parts of two nodes or more."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []
    counter = [0]

    def visit(node):  # Tarjan's algorithm; the graphs here are a few hundred nodes
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            part = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                part.append(member)
                if member == node:
                    break
            if len(part) > 1:
                found.append(sorted(part))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return sorted(found)


def layers(graph):
    """Apps from the bottom up: each after every app it imports (cycles broken by name)."""
    placed, order = set(), []
    remaining = sorted(graph.apps)
    while remaining:
        ready = [
            app for app in remaining if graph.apps[app].imports <= placed | {app}
        ] or remaining[:1]
        for app in ready:
            placed.add(app)
            order.append(app)
            remaining.remove(app)
    return order


def render(graph):
    """The diagram as text: one line per app, bottom layer first."""
    lines = [
        "Apps from the bottom up: each imports only apps listed before it (a cycle breaks that).",
        "  imports: modules it imports;  names: models it names by a string, without importing.",
        "",
    ]
    for app in layers(graph):
        refs = graph.apps[app]
        line = f"{app:<13} imports: {', '.join(sorted(refs.imports)) or '-'}"
        if refs.names:
            line += f";  names: {', '.join(sorted(refs.names))}"
        lines.append(line.rstrip())
    cycles = graph.app_cycles() + graph.module_cycles()
    lines.append("")
    lines.append("Import cycles: " + ("; ".join(" <-> ".join(c) for c in cycles) or "none"))
    return "\n".join(lines) + "\n"
