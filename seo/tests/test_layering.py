"""``seo`` sits just above the shared library: it imports ``portal``, nothing else of the project.

So the apps above it (``alerts`` runs its clean-up of old paths, the project
routes its views) may use it, and it never reaches up to them (nor to the
team's admin, ``cockpit``).
"""

from django.conf import settings

from portal.architecture import build_graph
from portal.management.commands.app_imports import project_apps


def test_seo_imports_only_the_shared_library():
    graph = build_graph(settings.BASE_DIR, project_apps())
    assert graph.apps["seo"].imports == {"portal"}
    assert graph.apps["seo"].names == set()
    assert "seo" not in graph.apps["portal"].imports
