import factory
from django.utils import timezone

from alerts.models import Subscription


class SubscriptionFactory(factory.django.DjangoModelFactory):
    """A confirmed subscription to every programme, in French."""

    email = factory.Sequence(lambda n: f"candidate{n}@example.org")
    language = "fr"
    all_programmes = True
    confirmed = True
    consent_at = factory.LazyFunction(timezone.now)
    consent_version = "1"
    consent_text = "J'accepte."

    class Meta:
        model = Subscription
        skip_postgeneration_save = True

    @factory.post_generation
    def programmes(self, create, extracted, **kwargs):
        if create and extracted:
            self.programmes.set(extracted)
            self.all_programmes = False
            self.save(update_fields=["all_programmes"])
