"""A task for ``test_worker_outage``: it leaves a file behind, so the test sees it ran."""

from pathlib import Path

from django_tasks import task


@task
def touch(path):
    Path(path).write_text("ran")
