"""Scheduled publication and expiry run through ``manage.py publish_scheduled``.

The command must run every minute or so in production (see the README); these
tests check that the portal's pages, translations included, go live and
expire through it.
"""

import io
from datetime import timedelta
from unittest import mock

import pytest
from django.core.management import call_command
from django.utils import timezone

from home.models import StandardPage
from home.tests.factories import StandardPageFactory
from portal.tests.translation import translate


def publish_scheduled(at):
    """Run the command as if the clock said ``at``."""
    with mock.patch("django.utils.timezone.now", return_value=at):
        call_command("publish_scheduled", stdout=io.StringIO())


def schedule(page, go_live_at):
    """What "Publish" does in the editor when the page has a go-live date in the future."""
    page.go_live_at = go_live_at
    revision = page.save_revision()
    revision.publish()
    return revision


def reloaded(page):
    return StandardPage.objects.get(pk=page.pk)


@pytest.mark.django_db
class TestScheduledPublishing:
    def test_a_scheduled_page_goes_live_when_its_time_comes(self, site_tree):
        page = StandardPageFactory(parent=site_tree.home, title="Appel 2027", live=False)
        now = timezone.now()
        revision = schedule(reloaded(page), now + timedelta(hours=1))
        revision.refresh_from_db()
        assert revision.approved_go_live_at is not None
        assert not reloaded(page).live

        publish_scheduled(now)
        assert not reloaded(page).live

        publish_scheduled(now + timedelta(hours=2))
        page = reloaded(page)
        assert page.live
        assert page.live_revision_id == revision.pk
        revision.refresh_from_db()
        assert revision.approved_go_live_at is None

    def test_a_scheduled_change_replaces_the_live_version_at_its_time(self, client, site_tree):
        page = reloaded(site_tree.standard)
        page.title = "Nos missions, revues"
        now = timezone.now()
        schedule(page, now + timedelta(hours=1))
        assert "Nos missions, revues" not in client.get(page.url).content.decode()

        publish_scheduled(now + timedelta(hours=2))
        assert reloaded(page).title == "Nos missions, revues"
        assert "Nos missions, revues" in client.get(page.url).content.decode()

    def test_an_expired_page_is_unpublished(self, client, site_tree):
        page = reloaded(site_tree.standard)
        now = timezone.now()
        page.expire_at = now + timedelta(hours=1)
        page.save_revision().publish()
        assert client.get(page.url).status_code == 200

        publish_scheduled(now + timedelta(hours=2))
        page = reloaded(page)
        assert not page.live
        assert page.expired
        assert client.get(page.url).status_code == 404

    def test_a_scheduled_translation_goes_live_without_touching_the_source(self, multilingual_tree):
        source = reloaded(multilingual_tree.standard)
        english = translate(source, "en", {"Les missions": "Missions"}, publish=False)
        assert not english.live
        now = timezone.now()
        schedule(reloaded(english), now + timedelta(hours=1))
        assert not reloaded(english).live

        publish_scheduled(now + timedelta(hours=2))
        english = reloaded(english)
        assert english.live and english.title == "Missions"
        assert english.locale.language_code == "en"
        source = reloaded(source)
        assert source.live and source.title == "Les missions"
