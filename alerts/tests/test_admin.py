"""The team's admin: export subscribers, delete them (with their deliveries), never add one."""

import csv
import io

import pytest
from django.urls import reverse

from alerts.models import AlertDelivery, CallAlert, Subscription
from alerts.tests.factories import SubscriptionFactory
from alerts.wagtail_hooks import SubscriptionViewSet

pytestmark = pytest.mark.django_db


def test_subscribers_export_as_csv_with_their_consent(site_tree, admin_client):
    SubscriptionFactory(email="lina@example.org", language="en", programmes=[site_tree.programme])
    SubscriptionFactory(email="=cmd@example.org")  # an address a spreadsheet would run

    response = admin_client.get(reverse("alert_subscriptions:index") + "?export=csv")

    assert response.status_code == 200
    # Headings are in the admin user's language: read the columns by position.
    header, *lines = csv.reader(io.StringIO(b"".join(response.streaming_content).decode()))
    assert len(header) == len(SubscriptionViewSet.list_export)
    rows = [dict(zip(SubscriptionViewSet.list_export, line, strict=True)) for line in lines]
    by_email = {row["email"]: row for row in rows}
    assert by_email["lina@example.org"]["language"] == "en"
    assert by_email["lina@example.org"]["programmes_display"] == site_tree.programme.title
    assert by_email["lina@example.org"]["consent_at"]
    assert by_email["lina@example.org"]["consent_text"] == "J'accepte."
    assert "'=cmd@example.org" in by_email


def test_subscribers_can_be_searched_and_filtered(site_tree, admin_client):
    SubscriptionFactory(email="lina@example.org", language="en")
    SubscriptionFactory(email="omar@example.org", language="ar")

    found = admin_client.get(reverse("alert_subscriptions:index"), {"q": "lina"})
    english = admin_client.get(reverse("alert_subscriptions:index"), {"language": "en"})

    assert "lina@example.org" in found.text and "omar@example.org" not in found.text
    assert "lina@example.org" in english.text and "omar@example.org" not in english.text


def test_deleting_a_subscriber_deletes_their_deliveries(site_tree, admin_client):
    subscription = SubscriptionFactory()
    alert = CallAlert.objects.get(call_key=site_tree.call.translation_key)
    AlertDelivery.objects.create(subscription=subscription, alert=alert)

    response = admin_client.post(reverse("alert_subscriptions:delete", args=[subscription.pk]))

    assert response.status_code == 302
    assert not Subscription.objects.exists()
    assert not AlertDelivery.objects.exists()


def test_nobody_adds_a_subscriber_in_the_admin(site_tree, admin_client):
    response = admin_client.get(reverse("alert_subscriptions:add"))

    assert response.status_code in (302, 403)
    index = admin_client.get(reverse("alert_subscriptions:index"))
    assert reverse("alert_subscriptions:add") not in index.text


def test_deliveries_are_listed_read_only(site_tree, admin_client):
    subscription = SubscriptionFactory(email="lina@example.org")
    alert = CallAlert.objects.get(call_key=site_tree.call.translation_key)
    delivery = AlertDelivery.objects.create(
        subscription=subscription, alert=alert, status="failed", last_error="SMTP down"
    )

    index = admin_client.get(reverse("alert_deliveries:index"))

    assert index.status_code == 200
    assert "lina@example.org" in index.text and "SMTP down" in index.text
    assert admin_client.get(reverse("alert_deliveries:edit", args=[delivery.pk])).status_code in (
        302,
        403,
    )
