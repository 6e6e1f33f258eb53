"""Send the alerts still waiting: retries of failed e-mails, and any lost task's work.

Safe to run at any time and from several processes at once: a delivery is
claimed before it is sent, and one that was sent is never sent again. Run it
every few minutes (``run_periodic`` does, every minute).
"""

from django.core.management.base import BaseCommand

from alerts import sending


class Command(BaseCommand):
    help = "Send pending and failed alert e-mails that are due (never one already sent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--now",
            action="store_true",
            help="Retry failed e-mails at once, without waiting for their next attempt time "
            "(e.g. once the mail server is back).",
        )

    def handle(self, *args, now=False, **options):
        interrupted = sending.give_up_stale_sendings()
        listed = sending.list_missing_recipients()
        outcome = sending.send_due_deliveries(ignore_wait=now)
        summary = ", ".join(f"{count} {status}" for status, count in sorted(outcome.items()))
        self.stdout.write(
            f"Alerts: {summary or 'nothing due'}"
            + (f"; {listed} recipient(s) listed for alerts whose task was lost" if listed else "")
            + (f"; {interrupted} interrupted delivery(ies) given up" if interrupted else "")
        )
