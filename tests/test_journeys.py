"""The journeys of issue 5, walked link by link as a visitor would.

A project holder in Lebanon, reading English or Arabic, finds the centres
outside France on the directory and its map, reads about the label, sees who
could sponsor them and sends an enquiry. A candidate sees every open call with
its deadline, subscribes to the calls feed and the deadlines calendar, and
reaches the application form from the call's page.
"""

import json

import feedparser
import icalendar
import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.cache import cache
from wagtail.contrib.forms.models import FormSubmission

from enquiries.tests.factories import build_enquiry_form
from network.models import CentrePage
from network.tests.factories import CentrePageFactory
from portal.tests.translation import translate

pytestmark = pytest.mark.django_db

ENQUIRY = {
    "nom_complet": "Rania Haddad",
    "organisation": "Association Byblos Patrimoine",
    "adresse_e_mail": "rania@example.org",
    "pays": "LB",
    "site_patrimonial": "Khan al-Franj",
    "votre_projet": "A residency for artists in a caravanserai.",
    "langue_preferee": "en",
}


def soup_of(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def link_to(soup, page):
    """The link to ``page`` on the visitor's screen (fails if there is none)."""
    link = soup.find("a", href=lambda href: href and href.split("?")[0] == page.url)
    assert link is not None, f"no link to {page.url}"
    return link["href"]


@pytest.fixture
def lebanon_tree(site_tree):
    """The site in French and English, with two members outside France and an enquiry form."""
    tree = site_tree
    cache.clear()  # the enquiry form's rate limit counts in the cache
    tree.hammamet = CentrePageFactory(
        parent=tree.network,
        title="Centre culturel international de Hammamet",
        slug="hammamet",
        membership=CentrePage.Membership.INTERNATIONAL,
        country="TN",
        town="Hammamet",
        region="Nabeul",
        latitude="36.400000",
        longitude="10.616700",
    )
    tree.neimenster = CentrePageFactory(
        parent=tree.network,
        title="Neimënster",
        slug="neimenster",
        membership=CentrePage.Membership.INTERNATIONAL,
        country="LU",
        town="Luxembourg",
        region="Luxembourg",
        latitude="49.609600",
        longitude="6.137800",
    )
    tree.label.route_france = "<p>Le label est attribué par l’État.</p>"
    tree.label.route_abroad = "<p>Un centre membre parraine la candidature.</p>"
    tree.label.save_revision().publish()
    tree.enquiry = build_enquiry_form(tree.label)
    tree.en_home = translate(tree.home, "en", {"Accueil": "Home", "accueil": "home"})
    tree.en_network = translate(tree.network, "en", {"Le réseau": "The network"})
    for centre in (tree.centre, tree.hammamet, tree.neimenster):
        translate(centre, "en")
    tree.en_label = translate(
        tree.label,
        "en",
        {
            "Le label CCR": "The CCR label",
            "Un centre membre parraine la candidature.": (
                "A member centre sponsors the application."
            ),
        },
    )
    tree.en_enquiry = translate(
        tree.enquiry,
        "en",
        {
            "Demande de renseignements": "Enquiry",
            "demande": "enquiry",
            "Nom complet": "Full name",
            "Pays": "Country",
            "Merci, l’équipe vous répondra.": "Thank you, the team will answer.",
        },
    )
    return tree


def test_a_project_holder_in_lebanon_finds_the_members_abroad_and_sends_an_enquiry(
    client, lebanon_tree
):
    tree = lebanon_tree

    # The English home page leads to the directory.
    home = soup_of(client.get("/en/"))
    directory_url = link_to(home, tree.en_network)

    # Filtered on the international network: the two members abroad, in the list
    # and on the map, and no French centre.
    directory = soup_of(client.get(directory_url, {"membership": "international"}))
    listed = {a.get_text(strip=True) for a in directory.select("#results .card__title a")}
    assert listed == {"Centre culturel international de Hammamet", "Neimënster"}
    markers = json.loads(directory.find("script", id="directory-map-data").string)
    assert {marker["title"] for marker in markers} == listed
    assert all(marker["url"].startswith("/en/") for marker in markers)

    # The label page: the two routes, and no member in Western Asia, so every
    # member of the international network is offered as a sponsor.
    label_url = link_to(directory, tree.en_label)
    label = soup_of(client.get(label_url, {"country": "LB"}))
    text = label.get_text(" ", strip=True)
    assert "Outside France: co-optation" in text
    assert "A member centre sponsors the application." in text
    assert "No member of the network is in the same region as Lebanon yet" in text
    sponsors = {a.get_text(strip=True) for a in label.select(".card__title a")}
    assert {"Centre culturel international de Hammamet", "Neimënster"} <= sponsors
    assert tree.centre.title not in sponsors

    # The enquiry, sent from the English form: stored, the team told in French,
    # the project holder answered in English.
    form_url = link_to(label, tree.en_enquiry)
    form = soup_of(client.get(form_url))
    assert form.find("label", attrs={"for": "id_nom_complet"}).get_text(strip=True) == "Full name"
    response = client.post(form_url, ENQUIRY, REMOTE_ADDR="198.51.100.20")
    assert "Thank you, the team will answer." in response.content.decode()
    submission = FormSubmission.objects.get()
    assert submission.page_id == tree.en_enquiry.pk
    assert submission.form_data["pays"] == "LB"
    team, visitor = mail.outbox
    assert team.to == ["equipe@example.org"] and "Pays: Liban" in team.body
    assert visitor.to == ["rania@example.org"] and "Country: Lebanon" in visitor.body


def test_the_same_journey_reads_in_arabic(client, lebanon_tree):
    tree = lebanon_tree
    translate(tree.home, "ar", {"Accueil": "الرئيسية", "accueil": "al-raisiya"})
    ar_network = translate(tree.network, "ar", {"Le réseau": "الشبكة"})
    for centre in (tree.hammamet, tree.neimenster):
        translate(centre, "ar")
    ar_label = translate(tree.label, "ar", {"Le label CCR": "علامة المراكز"})

    directory = soup_of(client.get(ar_network.url, {"membership": "international"}))
    assert directory.html["lang"] == "ar" and directory.html["dir"] == "rtl"
    markers = json.loads(directory.find("script", id="directory-map-data").string)
    assert len(markers) == 2

    label = soup_of(client.get(ar_label.url, {"country": "LB"}))
    assert label.find("option", value="LB", selected=True).get_text() == "لبنان"
    assert len(label.select(".card__title a")) == 2


def test_a_candidate_follows_the_calls_and_applies(client, site_tree):
    tree = site_tree
    call = tree.call
    call.application_url = "https://candidatures.example.org/odyssee"
    call.save_revision().publish()

    # The calls page lists the open call with its deadline in Paris time.
    calls = soup_of(client.get(tree.call_index.url))
    card = calls.find("a", href=call.url).find_parent("article")
    card_text = card.get_text(" ", strip=True)
    assert "Ouvert" in card_text
    assert "heure de Paris" in card_text

    # It announces its feeds; both parse and carry the call.
    feeds = {link["type"]: link["href"] for link in calls.find_all("link", rel="alternate")}
    rss = feedparser.parse(client.get(feeds["application/rss+xml"]).content)
    assert not rss.bozo and [entry.title for entry in rss.entries] == [call.title]
    calendar_link = calls.find("a", href=lambda href: href and "deadlines" in href)
    calendar = icalendar.Calendar.from_ical(client.get(calendar_link["href"]).content)
    events = calendar.walk("VEVENT")
    assert [str(event["URL"]) for event in events] == [call.full_url]
    assert events[0]["DTSTART"].dt == call.closes_at.replace(microsecond=0)

    # The call's page says how to apply and links to the application form.
    page = soup_of(client.get(call.url))
    assert page.find("a", href="https://candidatures.example.org/odyssee") is not None
