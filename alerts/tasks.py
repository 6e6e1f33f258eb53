"""Background tasks (django-tasks): run by the worker in production, at once in dev and tests."""

import logging

from django_tasks import task

from alerts import sending
from alerts.models import CallAlert
from outbox.tasks import enqueue_retry

logger = logging.getLogger("alerts")


def schedule_retry():
    """Queue a retry for when the earliest failed delivery is due, if the backend can wait.

    Without deferred tasks (the immediate backend of dev and tests), retries
    are left to ``manage.py send_pending_alerts``, which the periodic process
    runs every minute in any case.
    """
    return enqueue_retry(send_pending_alerts_task, sending.next_retry_at())


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
