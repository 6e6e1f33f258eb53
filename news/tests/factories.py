import datetime as dt

import factory
import wagtail_factories
from factory.django import DjangoModelFactory
from wagtail.models import Locale

from news.models import (
    AdvocacyIndexPage,
    AdvocacyPositionPage,
    NewsCategory,
    NewsIndexPage,
    NewsPage,
)


class NewsCategoryFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Catégorie {n}")
    slug = factory.Sequence(lambda n: f"categorie-{n}")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = NewsCategory


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Actualités"

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Actualité {n}")
    date = factory.Sequence(lambda n: dt.date(2026, 1, 1) + dt.timedelta(days=n % 300))
    lead = "Le réseau se réunit."
    body = [{"type": "paragraph", "value": "<p>Le texte de l’actualité.</p>"}]

    class Meta:
        model = NewsPage


class AdvocacyIndexPageFactory(wagtail_factories.PageFactory):
    title = "Plaidoyer"

    class Meta:
        model = AdvocacyIndexPage


class AdvocacyPositionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Position {n}")
    date = dt.date(2026, 3, 1)
    summary = "Le patrimoine habité par la création."
    body = [{"type": "paragraph", "value": "<p>Notre position.</p>"}]

    class Meta:
        model = AdvocacyPositionPage
