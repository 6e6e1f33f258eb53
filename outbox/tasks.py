"""Background tasks (django-tasks): run by the worker in production, at once in dev and tests."""

from django.utils import timezone
from django_tasks import default_task_backend, task

from outbox import sending


def enqueue_retry(retry_task, retry_at):
    """Queue ``retry_task`` for ``retry_at`` if the backend can wait; returns its result or None.

    Without deferred tasks (the immediate backend of dev and tests), retries
    are left to the periodic commands, which run every minute in any case.
    Only a future retry: one already due that this run did not send belongs to
    another worker or to the periodic command, and re-queueing it at once
    could loop.
    """
    if retry_at is None or retry_at <= timezone.now() or not default_task_backend.supports_defer:
        return None
    return retry_task.using(run_after=retry_at).enqueue()


@task()
def send_queued_email(email_id):
    """Send one stored e-mail (unless another sender has), then plan the next retry."""
    status = sending.send_email(email_id)
    enqueue_retry(send_due_emails_task, sending.next_retry_at())
    return str(status) if status is not None else None


@task()
def send_due_emails_task():
    """Send every stored e-mail that is due (first attempts and retries)."""
    outcome = sending.send_due_emails()
    enqueue_retry(send_due_emails_task, sending.next_retry_at())
    return outcome
