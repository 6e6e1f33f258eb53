"""Quieter management commands.

Wagtail and django-tasks log every page save, publication and background task:
one line per page, which buries a command's own report. Commands quieten them
unless run with ``-v 2`` or more.
"""

import contextlib
import logging

CHATTY_LOGGERS = ("wagtail", "django_tasks")


@contextlib.contextmanager
def quiet_loggers(names=CHATTY_LOGGERS, level=logging.WARNING):
    """Raise ``names`` to at least ``level`` for the duration of the block."""
    loggers = [logging.getLogger(name) for name in names]
    previous = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(max(level, logger.getEffectiveLevel()))
    try:
        yield
    finally:
        for logger, old_level in zip(loggers, previous, strict=True):
            logger.setLevel(old_level)
