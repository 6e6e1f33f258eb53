"""Announce a call when it is published, in whichever language comes first; when a
translation is published later, its subscribers waiting for it get it."""

from wagtail.signals import page_published


def announce_published_call(sender, instance, **kwargs):
    from alerts.sending import queue_call_alert, release_waiting_deliveries

    if queue_call_alert(instance) is None:
        release_waiting_deliveries(instance)


def connect_signals():
    from programmes.models import CallPage

    page_published.connect(
        announce_published_call, sender=CallPage, dispatch_uid="alerts_announce_published_call"
    )
