"""The background task worker (django-tasks-db's ``db_worker``), riding out database outages.

``db_worker`` lets a lost database connection escape its loop, and the
process dies: with PostgreSQL restarting for a few seconds, tasks then waited
until someone restarted the worker. ``run_worker`` takes the same options and
runs the same loop; when the database is unreachable
(``OperationalError``/``InterfaceError``, other than SQLite's "database is
locked", which ``db_worker`` already waits out) it closes every connection,
logs one line, waits (1 s, doubling up to ``WORKER_RETRY_MAX_SECONDS``, 10)
and starts the loop again. A task cut off by the outage stays as the database
last saw it (``db_worker`` behaves the same when it is killed).
"""

import logging
import time

from django.conf import settings
from django.db import InterfaceError, OperationalError, connections
from django_tasks_db.management.commands import db_worker

logger = logging.getLogger("django_tasks_db")

FIRST_RETRY_SECONDS = 1.0
DEFAULT_RETRY_MAX_SECONDS = 10.0
# A loop that ran this long without failing starts the backoff again from the beginning.
HEALTHY_SECONDS = 60.0


def retry_max_seconds():
    return float(getattr(settings, "WORKER_RETRY_MAX_SECONDS", DEFAULT_RETRY_MAX_SECONDS))


class ResilientWorker(db_worker.Worker):
    def run(self):
        delay = FIRST_RETRY_SECONDS
        while self.running:
            started = time.monotonic()
            try:
                return super().run()
            except (OperationalError, InterfaceError) as error:
                connections.close_all()
                if time.monotonic() - started > HEALTHY_SECONDS:
                    delay = FIRST_RETRY_SECONDS
                logger.warning(
                    "Database unavailable (%s: %s); the worker retries in %.0f s",
                    type(error).__name__,
                    str(error).strip().splitlines()[0] if str(error).strip() else "",
                    delay,
                )
                # One random start-up delay is enough; each retry waits its backoff.
                self.startup_delay = False
                time.sleep(delay)
                delay = min(delay * 2, retry_max_seconds())
        return None


class Command(db_worker.Command):
    help = "Run the background task worker (db_worker) and ride out database outages."

    def handle(self, *args, **options):
        # db_worker's handle() builds its Worker by name, with no hook to choose the class.
        original = db_worker.Worker
        db_worker.Worker = ResilientWorker
        try:
            return super().handle(*args, **options)
        finally:
            db_worker.Worker = original
