"""Print which app imports which (``docs/architecture.txt``); ``--check`` fails on a cycle."""

from pathlib import Path

from django.apps import apps as django_apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.architecture import build_graph, render


def project_apps():
    """The apps whose code lives in this repository (not the installed libraries)."""
    root = Path(settings.BASE_DIR).resolve()
    return {
        config.name
        for config in django_apps.get_app_configs()
        if Path(config.path).resolve().parent == root
    }


class Command(BaseCommand):
    help = "Print the apps and the direction of their imports; --check fails on any cycle."

    def add_arguments(self, parser):
        parser.add_argument(
            "--check", action="store_true", help="Exit non-zero on an import cycle."
        )

    def handle(self, *args, check=False, **options):
        graph = build_graph(settings.BASE_DIR, project_apps())
        self.stdout.write(render(graph), ending="")
        cycles = graph.app_cycles() + graph.module_cycles()
        if check and cycles:
            raise CommandError(
                "Import cycles: " + "; ".join(" <-> ".join(cycle) for cycle in cycles)
            )
