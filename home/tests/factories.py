import factory
import wagtail_factories

from home.models import HomePage, StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Accueil"
    slug = "accueil"
    hero_title = "Le réseau des Centres culturels de rencontre"
    hero_text = "Des monuments habités par des projets culturels."

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page {n}")
    intro = "Une page éditoriale."
    body = [{"type": "paragraph", "value": "<p>Le contenu de la page.</p>"}]

    class Meta:
        model = StandardPage
