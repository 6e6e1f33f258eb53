"""The apps' way to send an e-mail: stored first, then sent by the task worker.

``outbox.sending.store`` inside the caller's transaction and ``enqueue`` once
it is committed, or ``queue`` for both outside a transaction. This module sits
above ``outbox.sending`` and ``outbox.tasks``: the sender never imports the
task that calls it.
"""

import logging

from outbox import tasks
from outbox.sending import store

logger = logging.getLogger("outbox")


def enqueue(email):
    """Queue the task that sends ``email``; a failure to queue loses nothing.

    The e-mail is stored: should the queue be unavailable, the periodic
    ``send_queued_emails`` sends it. The immediate backend (development,
    tests) runs the task here, and records rather than raises any error.
    """
    try:
        tasks.send_queued_email.enqueue(email.pk)
    except Exception:
        logger.exception(
            "E-mail %s (%s) could not be queued; the periodic job will send it",
            email.pk,
            email.purpose,
        )


def queue(message, *, purpose, group_key=""):
    """``store`` then ``enqueue``: for callers outside a transaction."""
    email = store(message, purpose=purpose, group_key=group_key)
    enqueue(email)
    return email
