"""Announce a call when it is published, in whichever language comes first; when a
translation is published later, its subscribers waiting for it get it."""

from django.db import transaction
from wagtail.signals import page_published


def announce_published_call(sender, instance, **kwargs):
    from alerts.sending import queue_call_alert, release_waiting_deliveries
    from alerts.tasks import send_call_alert

    if queue_call_alert(instance) is None and not release_waiting_deliveries(instance):
        return
    call_key = str(instance.translation_key)
    # After the commit: the worker must see the live call and the alert row.
    transaction.on_commit(lambda: send_call_alert.enqueue(call_key))


def connect_signals():
    from programmes.models import CallPage

    page_published.connect(
        announce_published_call, sender=CallPage, dispatch_uid="alerts_announce_published_call"
    )
