import factory
import wagtail_factories

from network.models import CentrePage, LabelPage, NetworkIndexPage


class NetworkIndexPageFactory(wagtail_factories.PageFactory):
    title = "Le réseau"
    intro = "<p>Les centres du réseau.</p>"

    class Meta:
        model = NetworkIndexPage


class CentrePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Centre {n}")
    summary = "Un monument habité par un projet culturel."
    heritage_site = factory.Sequence(lambda n: f"Abbaye n°{n}")
    heritage_history = "<p>Une histoire de plusieurs siècles.</p>"
    town = "Bruère-Allichamps"
    region = "Cher"
    country = "FR"
    latitude = "46.7730"
    longitude = "2.4640"
    membership = CentrePage.Membership.LABEL

    class Meta:
        model = CentrePage


class LabelPageFactory(wagtail_factories.PageFactory):
    title = "Le label CCR"
    intro = "<p>Ce qu’est le label.</p>"
    criteria = "<p>Un site patrimonial, un projet culturel.</p>"

    class Meta:
        model = LabelPage
