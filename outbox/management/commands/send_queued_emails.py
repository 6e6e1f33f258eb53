"""Send the stored e-mails still waiting: retries, and any lost task's work.

Safe to run at any time and from several processes at once: an e-mail is
claimed before it is sent, and one that was sent is never sent again.
``run_periodic`` runs it every minute.
"""

from django.core.management.base import BaseCommand

from outbox import sending


class Command(BaseCommand):
    help = "Send the stored e-mails (enquiries, alert confirmations) that are due."

    def add_arguments(self, parser):
        parser.add_argument(
            "--now",
            action="store_true",
            help="Retry failed e-mails at once, without waiting for their next attempt time "
            "(e.g. once the mail server is back).",
        )

    def handle(self, *args, now=False, **options):
        interrupted = sending.give_up_stale_sendings()
        outcome = sending.send_due_emails(ignore_wait=now)
        summary = ", ".join(f"{count} {status}" for status, count in sorted(outcome.items()))
        self.stdout.write(
            f"E-mails: {summary or 'nothing due'}"
            + (f"; {interrupted} interrupted e-mail(s) given up" if interrupted else "")
        )
