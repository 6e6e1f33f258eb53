"""The site's periodic jobs, every minute, for hosts without cron (a Procfile process).

Each round runs Wagtail's ``publish_scheduled`` (scheduled publishing and
unpublishing of pages), ``send_pending_alerts`` (retries of failed alert
e-mails, alerts whose wait for a translation is over), ``send_queued_emails``
(the enquiry and sign-up e-mails due: retries, lost tasks), forgets the
e-mails sent or given up ``EMAIL_OUTBOX_RETENTION_DAYS`` ago, the alert
subscriptions nobody confirmed in time and the "not found" paths nobody asked
for in months (``seo.not_found.forget_old_paths``). A job
that fails is logged and the next round runs as usual; SIGTERM (a deployment,
a restart) ends the loop between two rounds. ``--once`` runs a single round,
for a cron line instead of a long-running process.
"""

import logging
import signal
import threading
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections, connection

from alerts.subscriptions import forget_unconfirmed
from outbox.sending import forget_old_emails
from seo.not_found import forget_old_paths

logger = logging.getLogger("alerts")


def _forget_unconfirmed_subscriptions(stdout):
    forgotten = forget_unconfirmed()
    if forgotten:
        stdout.write(f"Forgot {forgotten} alert subscription(s) never confirmed")


def _forget_old_not_found_paths(stdout):
    forgotten = forget_old_paths()
    if forgotten:
        stdout.write(f"Forgot {forgotten} not-found path(s) nobody asked for in months")


def _forget_old_emails(stdout):
    forgotten = forget_old_emails()
    if forgotten:
        stdout.write(f"Forgot {forgotten} e-mail(s) sent or given up long ago")


JOBS = (
    ("publish_scheduled", lambda stdout: call_command("publish_scheduled", stdout=stdout)),
    ("send_pending_alerts", lambda stdout: call_command("send_pending_alerts", stdout=stdout)),
    ("send_queued_emails", lambda stdout: call_command("send_queued_emails", stdout=stdout)),
    ("forget_old_emails", _forget_old_emails),
    ("forget_unconfirmed", _forget_unconfirmed_subscriptions),
    ("forget_old_not_found_paths", _forget_old_not_found_paths),
)


class Command(BaseCommand):
    help = "Run the periodic jobs (scheduled publishing, alert retries) every minute."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=60, help="Seconds between rounds.")
        parser.add_argument("--once", action="store_true", help="Run one round and exit.")

    def handle(self, *args, interval=60, once=False, **options):
        stop = threading.Event()
        if not once:
            for signum in (signal.SIGTERM, signal.SIGINT):
                signal.signal(signum, lambda *_args: stop.set())
        while not stop.is_set():
            started = time.monotonic()
            self.run_round()
            if once:
                break
            stop.wait(max(0, interval - (time.monotonic() - started)))

    def run_round(self):
        for name, job in JOBS:
            self.renew_connections()
            try:
                job(self.stdout)
            except Exception:
                logger.exception("Periodic job %s failed; it runs again next round", name)
        self.renew_connections()

    def renew_connections(self):
        """Replace a connection left broken (a database restart) rather than reuse it.

        Not inside a transaction (a caller's atomic block, a test): closing the
        connection there would end that transaction.
        """
        if not connection.in_atomic_block:
            close_old_connections()
