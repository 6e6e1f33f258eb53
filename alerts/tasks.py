"""Background tasks (django-tasks): run by the worker in production, at once in dev and tests."""

import logging

from django.utils import timezone
from django_tasks import default_task_backend, task

from alerts import sending
from alerts.models import CallAlert

logger = logging.getLogger("alerts")


def schedule_retry():
    """Queue a retry for when the earliest failed delivery is due, if the backend can wait.

    Without deferred tasks (the immediate backend of dev and tests), retries
    are left to ``manage.py send_pending_alerts``, which the periodic process
    runs every minute in any case.
    """
    retry_at = sending.next_retry_at()
    # Only a future retry: one already due that this run did not send belongs to
    # another worker or to the periodic command, and re-queueing it at once
    # could loop.
    if retry_at is None or retry_at <= timezone.now() or not default_task_backend.supports_defer:
        return None
    return send_pending_alerts_task.using(run_after=retry_at).enqueue()


@task()
def send_call_alert(call_key):
    """List the subscribers of a newly published call and send them its alert."""
    alert = CallAlert.objects.filter(call_key=call_key).first()
    if alert is None:
        logger.warning("No alert recorded for call %s: nothing sent", call_key)
        return {}
    sending.list_recipients(alert)
    outcome = sending.send_due_deliveries(alert=alert)
    schedule_retry()
    return outcome


@task()
def send_pending_alerts_task():
    """Send every due delivery (first attempts and retries) of every call."""
    sending.list_missing_recipients()
    outcome = sending.send_due_deliveries()
    schedule_retry()
    return outcome
