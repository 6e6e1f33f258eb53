"""The enquiry form when the mail server is down or stuck, with Django's real SMTP backend.

The request only stores the enquiry and its e-mails; the task worker sends
them (the test settings' immediate backend runs the task during the request,
bounded by ``EMAIL_TIMEOUT``, and records a failure rather than raising), and
the periodic job retries them once the server is back: each e-mail once.
"""

import datetime as dt
import time
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone
from django_tasks import default_task_backend
from wagtail.contrib.forms.models import FormSubmission

from enquiries.tests.factories import build_enquiry_form
from enquiries.tests.test_enquiry_form import VALID
from outbox.models import OutgoingEmail
from outbox.tests.smtp import SilentServer, SMTPSink, closed_port, use_smtp
from portal.throttling import counter_key

pytestmark = pytest.mark.django_db

TIMEOUT = 0.5


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def form_page(site_tree):
    return build_enquiry_form(site_tree.label)


def post(client, page):
    started = time.monotonic()
    response = client.post(page.url, VALID, REMOTE_ADDR="203.0.113.7")
    return response, time.monotonic() - started


def assert_thanked_and_stored(response):
    assert response.status_code == 200
    assert "Merci, l’équipe vous répondra." in response.content.decode()
    assert FormSubmission.objects.count() == 1
    # The enquiry counted against the address's limit.
    assert cache.get(counter_key("enquiries:submissions", "203.0.113.7")) == 1


def assert_waiting_for_a_retry():
    emails = list(OutgoingEmail.objects.all())
    assert [email.to for email in emails] == [["equipe@example.org"], ["rania@example.org"]]
    for email in emails:
        assert email.status == OutgoingEmail.Status.FAILED
        assert email.attempts == 1
        assert email.sent_at is None
        assert email.next_attempt_at > timezone.now() + dt.timedelta(minutes=4)


def time_passes():
    """The retry delay is over."""
    OutgoingEmail.objects.update(next_attempt_at=timezone.now() - dt.timedelta(seconds=1))


def test_a_mail_server_that_never_answers_holds_nothing_and_loses_nothing(
    client, form_page, settings
):
    with SilentServer(hold=5) as silent:
        use_smtp(settings, silent.port, timeout=TIMEOUT)
        response, elapsed = post(client, form_page)

    assert_thanked_and_stored(response)
    # Each of the two attempts gave up after EMAIL_TIMEOUT (0.5 s), not after
    # the server's 5 s.
    assert silent.accepted == 2
    assert elapsed < 4
    assert_waiting_for_a_retry()

    with SMTPSink() as sink:
        use_smtp(settings, sink.port, timeout=TIMEOUT)
        time_passes()
        call_command("run_periodic", "--once", stdout=StringIO())
        call_command("run_periodic", "--once", stdout=StringIO())
        time_passes()
        call_command("send_queued_emails", "--now", stdout=StringIO())

    assert sorted(sink.recipients) == [["equipe@example.org"], ["rania@example.org"]]
    team = next(message for message in sink.messages if message["To"] == "equipe@example.org")
    assert "Rania Haddad" in team.get_content()
    assert set(OutgoingEmail.objects.values_list("status", flat=True)) == {"sent"}


def test_a_refused_connection_is_retried_once_the_server_is_back(client, form_page, settings):
    use_smtp(settings, closed_port(), timeout=TIMEOUT)
    response, _elapsed = post(client, form_page)

    assert_thanked_and_stored(response)
    assert_waiting_for_a_retry()
    assert "ConnectionRefusedError" in OutgoingEmail.objects.first().last_error

    with SMTPSink() as sink:
        use_smtp(settings, sink.port, timeout=TIMEOUT)
        out = StringIO()
        call_command("send_queued_emails", stdout=out)
        assert "nothing due" in out.getvalue()  # the retry waits for its time
        call_command("send_queued_emails", "--now", stdout=StringIO())
        assert len(sink.messages) == 2
        call_command("send_queued_emails", "--now", stdout=StringIO())
        call_command("run_periodic", "--once", stdout=StringIO())

    assert len(sink.messages) == 2
    assert OutgoingEmail.objects.filter(status="sent", attempts=2).count() == 2


def test_the_request_only_stores_and_queues(client, form_page, settings):
    """With a worker's queue (not run in the request), the request never meets the server."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    with SilentServer(hold=5) as silent:
        use_smtp(settings, silent.port, timeout=3)
        response, elapsed = post(client, form_page)
        assert silent.accepted == 0

    assert_thanked_and_stored(response)
    assert elapsed < 3
    emails = list(OutgoingEmail.objects.all())
    assert [(email.status, email.attempts) for email in emails] == [("pending", 0)] * 2
    queued = default_task_backend.results
    assert [result.args for result in queued] == [[email.pk] for email in emails]

    # The worker runs the queued tasks; a task run twice sends nothing more.
    with SMTPSink() as sink:
        use_smtp(settings, sink.port, timeout=TIMEOUT)
        for result in queued * 2:
            result.task.call(*result.args)

    assert len(sink.messages) == 2
    assert set(OutgoingEmail.objects.values_list("status", flat=True)) == {"sent"}
