import factory
from factory.django import DjangoModelFactory
from wagtail.models import Locale

from portal.models import Theme


class ThemeFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Thème {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Theme
