import datetime as dt

import factory
import wagtail_factories
from django.utils import timezone

from programmes.models import CallIndexPage, CallPage, ProgrammeIndexPage, ProgrammePage


class ProgrammeIndexPageFactory(wagtail_factories.PageFactory):
    title = "Programmes"

    class Meta:
        model = ProgrammeIndexPage


class CallIndexPageFactory(wagtail_factories.PageFactory):
    title = "Appels à candidatures"
    slug = "appels"

    class Meta:
        model = CallIndexPage


class ProgrammePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Programme {n}")
    summary = "Des résidences pour les artistes."
    purpose = "<p>Accueillir des résidents.</p>"
    audience = "<p>Artistes et chercheurs.</p>"
    since_year = 2003

    class Meta:
        model = ProgrammePage


class CallPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Appel {n}")
    summary = "Un appel à candidatures."
    opens_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=10))
    closes_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=20))
    eligibility = "<p>Vivre hors de France.</p>"
    what_to_send = "<p>Un CV et un projet.</p>"
    how_to_apply = "<p>Par le formulaire en ligne.</p>"

    class Meta:
        model = CallPage


def calls_index_under(home):
    """The calls page under ``home``: the site tree's own when it has one, else a new one."""
    return CallIndexPage.objects.child_of(home).first() or CallIndexPageFactory(parent=home)
