"""The enquiry form, as project holders and the team meet it."""

import csv
import io
import logging
import smtplib
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django.utils.translation import get_language_info
from wagtail.contrib.forms.models import FormSubmission

from enquiries import spam
from enquiries.models import EnquiryFormPage
from enquiries.tests.factories import build_enquiry_form
from home.models import StandardPage
from network.models import LabelPage, NetworkIndexPage
from outbox.models import OutgoingEmail
from portal.tests.translation import translate

pytestmark = pytest.mark.django_db

VALID = {
    "nom_complet": "Rania Haddad",
    "organisation": "Association Byblos Patrimoine",
    "adresse_e_mail": "rania@example.org",
    "pays": "LB",
    "site_patrimonial": "Khan al-Franj",
    "votre_projet": "Une résidence d’artistes dans un caravansérail.",
    "langue_preferee": "ar",
}


@pytest.fixture(autouse=True)
def empty_cache():
    """The rate limit counts in the cache: every test starts from zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def form_page(site_tree):
    return build_enquiry_form(site_tree.label)


@pytest.fixture
def arabic_form_page(multilingual_tree, form_page):
    """The form translated into Arabic with wagtail-localize, labels and all."""
    tree = multilingual_tree
    translate(tree.network, "ar", {"Le réseau": "الشبكة"})
    translate(tree.label, "ar", {"Le label CCR": "علامة المراكز"})
    return translate(
        form_page,
        "ar",
        {
            "Demande de renseignements": "طلب معلومات",
            "demande": "talab",
            "Nom complet": "الاسم الكامل",
            "Organisation": "المؤسسة",
            "Adresse e-mail": "البريد الإلكتروني",
            "Pays": "البلد",
            "Site patrimonial": "الموقع التراثي",
            "Votre projet": "مشروعك",
            "Langue préférée": "اللغة المفضلة",
            "Merci, l’équipe vous répondra.": "شكرًا، سيرد عليكم الفريق.",
        },
    )


def post(client, page, data, address="203.0.113.7", **extra):
    return client.post(page.url, data, REMOTE_ADDR=address, **extra)


# --- The page tree -------------------------------------------------------------


def test_lives_under_the_label_page_only():
    assert EnquiryFormPage.allowed_parent_page_models() == [LabelPage]
    assert EnquiryFormPage in LabelPage.allowed_subpage_models()
    assert EnquiryFormPage not in NetworkIndexPage.allowed_subpage_models()
    assert EnquiryFormPage not in StandardPage.allowed_subpage_models()
    assert EnquiryFormPage.allowed_subpage_models() == []


# --- Reading the form ----------------------------------------------------------


def test_form_offers_the_project_holders_fields_in_french(client, form_page):
    response = client.get(form_page.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    form = soup.find("form", class_="enquiry-form")
    names = [field["name"] for field in form.find_all(["input", "select", "textarea"])]
    assert names == [
        "csrfmiddlewaretoken",
        "nom_complet",
        "organisation",
        "adresse_e_mail",
        "pays",
        "site_patrimonial",
        "votre_projet",
        *["langue_preferee"] * 4,
        spam.HONEYPOT_FIELD_NAME,
    ]
    # Every visible control has a label.
    for control in form.select("input[type=text], input[type=email], select, textarea"):
        if control["name"] != spam.HONEYPOT_FIELD_NAME:
            assert form.find("label", attrs={"for": control["id"]}), control["name"]
    # Countries are named in the visitor's language and stored as codes.
    assert form.find("option", value="LB").get_text() == "Liban"
    # Preferred language: each in its own name, the page's language chosen.
    languages = form.find_all("input", attrs={"name": "langue_preferee"})
    assert [radio["value"] for radio in languages] == ["fr", "en", "es", "ar"]
    assert [radio.has_attr("checked") for radio in languages] == [True, False, False, False]
    assert get_language_info("ar")["name_local"] in form.get_text()
    # Optional fields say so; required ones carry the attribute.
    assert form.find("label", attrs={"for": "id_organisation"}).find(class_="form-field__optional")
    assert not form.find("label", attrs={"for": "id_nom_complet"}).find(
        class_="form-field__optional"
    )
    assert form.find("input", attrs={"name": "nom_complet"}).has_attr("required")


def test_honeypot_is_hidden_from_people(client, form_page):
    soup = BeautifulSoup(client.get(form_page.url).content, "html.parser")
    trap = soup.find("input", attrs={"name": spam.HONEYPOT_FIELD_NAME})
    assert trap["tabindex"] == "-1"
    assert trap["autocomplete"] == "off"
    wrapper = trap.find_parent("div")
    assert wrapper["aria-hidden"] == "true"
    assert "enquiry-form__trap" in wrapper["class"]
    assert soup.find("label", attrs={"for": trap["id"]})


# --- Bad input -----------------------------------------------------------------


def test_bad_input_keeps_what_was_typed_and_says_what_to_fix(client, form_page):
    data = {**VALID, "adresse_e_mail": "rania-at-example", "site_patrimonial": ""}
    response = post(client, form_page, data)

    assert response.status_code == 200
    assert FormSubmission.objects.count() == 0
    assert mail.outbox == []
    soup = BeautifulSoup(response.content, "html.parser")
    summary = soup.find(attrs={"data-error-summary": True})
    assert summary["role"] == "alert"
    links = [link["href"] for link in summary.find_all("a")]
    assert links == ["#id_adresse_e_mail", "#id_site_patrimonial"]
    # Everything typed is still there, the wrong values included.
    assert soup.find("input", attrs={"name": "nom_complet"})["value"] == "Rania Haddad"
    assert soup.find("input", attrs={"name": "adresse_e_mail"})["value"] == "rania-at-example"
    assert (
        soup.find("textarea", attrs={"name": "votre_projet"}).get_text().strip()
        == (VALID["votre_projet"])
    )
    assert soup.find("option", value="LB").has_attr("selected")
    assert soup.find("input", attrs={"name": "langue_preferee", "value": "ar"}).has_attr("checked")
    # Each wrong field is marked and points at its message.
    email = soup.find("input", attrs={"name": "adresse_e_mail"})
    assert email["aria-invalid"] == "true"
    assert "id_adresse_e_mail_error" in email["aria-describedby"].split()
    assert soup.find(id="id_adresse_e_mail_error").get_text(strip=True)
    assert not soup.find("input", attrs={"name": "nom_complet"}).has_attr("aria-invalid")
    assert soup.title.get_text().startswith(("Error:", "Erreur"))


def test_over_long_answers_are_refused_and_kept(client, form_page):
    too_long = {
        "nom_complet": "R" * 256,
        "votre_projet": "Un projet. " * 460,  # 5,060 characters; the limit is 5,000
        "adresse_e_mail": "r" * 250 + "@example.org",
    }
    response = post(client, form_page, {**VALID, **too_long})

    assert response.status_code == 200
    assert FormSubmission.objects.count() == 0
    assert mail.outbox == []
    soup = BeautifulSoup(response.content, "html.parser")
    links = [link["href"] for link in soup.find(attrs={"data-error-summary": True}).find_all("a")]
    assert links == ["#id_nom_complet", "#id_adresse_e_mail", "#id_votre_projet"]
    message = soup.find(id="id_votre_projet_error").get_text(" ", strip=True)
    assert "5000" in message.replace("\u202f", "").replace(" ", "")
    # What was typed is kept, and the browser is told the limits.
    textarea = soup.find("textarea", attrs={"name": "votre_projet"})
    assert textarea.get_text().strip() == too_long["votre_projet"].strip()
    assert textarea["maxlength"] == "5000"
    assert soup.find("input", attrs={"name": "nom_complet"})["maxlength"] == "255"
    assert soup.find("input", attrs={"name": "adresse_e_mail"})["maxlength"] == "254"


def test_unknown_country_or_language_is_refused(client, form_page):
    response = post(client, form_page, {**VALID, "pays": "XX", "langue_preferee": "de"})
    soup = BeautifulSoup(response.content, "html.parser")
    links = [link["href"] for link in soup.find(attrs={"data-error-summary": True}).find_all("a")]
    assert links == ["#id_pays", "#id_langue_preferee_0"]
    assert FormSubmission.objects.count() == 0


# --- Spam ----------------------------------------------------------------------


def test_filled_honeypot_is_discarded_behind_a_normal_thank_you(client, form_page):
    response = post(client, form_page, {**VALID, spam.HONEYPOT_FIELD_NAME: "http://spam.example"})

    assert response.status_code == 200
    assert "Merci, l’équipe vous répondra." in response.content.decode()
    assert FormSubmission.objects.count() == 0
    assert mail.outbox == []


def test_rate_limit_refuses_the_sixth_enquiry_of_the_hour_and_keeps_the_text(client, form_page):
    for _ in range(spam.DEFAULT_RATE_LIMIT):
        assert post(client, form_page, VALID).status_code == 200
    assert FormSubmission.objects.count() == 5

    mail.outbox.clear()
    response = post(client, form_page, {**VALID, "nom_complet": "Sixième essai"})

    assert response.status_code == 429
    assert FormSubmission.objects.count() == 5
    assert mail.outbox == []
    soup = BeautifulSoup(response.content, "html.parser")
    summary = soup.find(attrs={"data-error-summary": True})
    assert "Too many enquiries" in summary.get_text() or "Trop" in summary.get_text()
    assert soup.find("input", attrs={"name": "nom_complet"})["value"] == "Sixième essai"
    # Another address is not affected.
    assert post(client, form_page, VALID, address="198.51.100.9").status_code == 200
    assert FormSubmission.objects.count() == 6


def test_rate_limit_counts_only_enquiries_that_would_be_stored(client, form_page, settings):
    settings.ENQUIRY_RATE_LIMIT = 1
    # A typo does not use up the visitor's allowance.
    for _ in range(3):
        assert post(client, form_page, {**VALID, "adresse_e_mail": "x"}).status_code == 200
    assert post(client, form_page, VALID).status_code == 200
    assert FormSubmission.objects.count() == 1
    assert post(client, form_page, VALID).status_code == 429
    assert FormSubmission.objects.count() == 1


def test_rate_limit_ignores_forwarded_addresses_unless_told_to_trust_them(
    client, form_page, settings
):
    settings.ENQUIRY_RATE_LIMIT = 1
    settings.ENQUIRY_TRUST_X_FORWARDED_FOR = False
    assert post(client, form_page, VALID, HTTP_X_FORWARDED_FOR="192.0.2.1").status_code == 200
    # A forged header does not escape the limit: REMOTE_ADDR is what counts.
    assert post(client, form_page, VALID, HTTP_X_FORWARDED_FOR="192.0.2.2").status_code == 429

    settings.ENQUIRY_TRUST_X_FORWARDED_FOR = True
    cache.clear()
    proxy = "10.0.0.1"
    first = post(client, form_page, VALID, proxy, HTTP_X_FORWARDED_FOR="6.6.6.6, 192.0.2.1")
    assert first.status_code == 200
    # Same client behind the proxy, whatever it puts in front: limited.
    again = post(client, form_page, VALID, proxy, HTTP_X_FORWARDED_FOR="7.7.7.7, 192.0.2.1")
    assert again.status_code == 429
    # Another client behind the same proxy: free.
    other = post(client, form_page, VALID, proxy, HTTP_X_FORWARDED_FOR="192.0.2.3")
    assert other.status_code == 200


# --- Storage and e-mail ----------------------------------------------------------


def test_valid_enquiry_is_stored_and_thanked_for(client, form_page):
    response = post(client, form_page, VALID)

    assert response.status_code == 200
    assert "Merci, l’équipe vous répondra." in response.content.decode()
    submission = FormSubmission.objects.get()
    assert submission.page_id == form_page.pk
    assert submission.form_data == VALID
    assert spam.HONEYPOT_FIELD_NAME not in submission.form_data


def test_team_is_emailed_in_french_and_visitor_gets_a_confirmation(client, form_page):
    post(client, form_page, VALID)

    team, visitor = mail.outbox
    assert team.to == ["equipe@example.org"]
    assert team.reply_to == ["rania@example.org"]
    assert team.subject == "Nouvelle demande (Français)"
    assert "Nom complet: Rania Haddad" in team.body
    assert "Pays: Liban" in team.body
    assert "Langue préférée: Arabe" in team.body
    assert f"/admin/forms/submissions/{form_page.pk}/" in team.body

    assert visitor.to == ["rania@example.org"]
    assert visitor.reply_to == ["equipe@example.org"]
    assert "Pays: Liban" in visitor.body
    assert "Langue préférée: Arabe" in visitor.body
    # What was typed goes to the team only: the typed address may be anybody's.
    assert "Site patrimonial: Khan al-Franj" in team.body
    assert "Votre projet: Une résidence" in team.body
    for typed in ("Rania Haddad", "Byblos", "Khan al-Franj", "caravansérail"):
        assert typed not in visitor.body
        assert typed not in visitor.subject


def test_arabic_form_shares_columns_and_answers_in_arabic(client, arabic_form_page, form_page):
    french_names = [field.clean_name for field in form_page.get_form_fields()]
    arabic_fields = list(arabic_form_page.get_form_fields())
    assert [field.clean_name for field in arabic_fields] == french_names
    assert arabic_fields[3].label == "البلد"
    assert arabic_form_page.url.startswith("/ar/")

    soup = BeautifulSoup(client.get(arabic_form_page.url).content, "html.parser")
    assert soup.html["dir"] == "rtl"
    assert soup.find("label", attrs={"for": "id_pays"}).get_text(strip=True) == "البلد"
    assert soup.find("option", value="LB").get_text() == "لبنان"
    checked = soup.find("input", attrs={"name": "langue_preferee", "checked": True})
    assert checked["value"] == "ar"

    response = post(client, arabic_form_page, VALID)

    assert "شكرًا، سيرد عليكم الفريق." in response.content.decode()
    submission = FormSubmission.objects.get()
    assert submission.page_id == arabic_form_page.pk
    assert set(submission.form_data) == set(french_names)
    team, visitor = mail.outbox
    # The team reads French labels and values, and learns the page's language.
    assert team.subject == "Nouvelle demande (Arabe)"
    assert "Pays: Liban" in team.body
    assert "Langue préférée: Arabe" in team.body
    # The visitor reads their own language.
    assert "البلد: لبنان" in visitor.body
    assert "Khan al-Franj" not in visitor.body


def test_failing_mail_server_never_loses_the_enquiry(client, form_page, caplog):
    with (
        mock.patch(
            "django.core.mail.EmailMessage.send",
            side_effect=smtplib.SMTPServerDisconnected("down"),
        ),
        caplog.at_level(logging.ERROR, logger="outbox"),
    ):
        response = post(client, form_page, VALID)

    assert response.status_code == 200
    assert FormSubmission.objects.count() == 1
    assert len([r for r in caplog.records if "could not be sent" in r.getMessage()]) == 2
    # Both e-mails wait in the outbox for their retry.
    assert list(OutgoingEmail.objects.values_list("status", "attempts")) == [("failed", 1)] * 2


def test_no_team_address_means_no_team_email(client, site_tree):
    page = build_enquiry_form(site_tree.label, to_address="")
    post(client, page, VALID)
    assert [message.to for message in mail.outbox] == [["rania@example.org"]]
    assert FormSubmission.objects.count() == 1


# --- The admin -------------------------------------------------------------------


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("admin", "admin@example.org", "password")
    client.force_login(user)
    return client


def test_admin_lists_and_exports_enquiries_with_countries_named(admin_client, form_page):
    post(admin_client, form_page, VALID)
    url = reverse("wagtailforms:list_submissions", args=[form_page.pk])

    listing = admin_client.get(url)
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Khan al-Franj" in html
    assert "Liban" in html

    export = admin_client.get(url, {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig"))))
    header, row = rows
    assert "Pays" in header
    assert row[header.index("Pays")] == "Liban"
    assert row[header.index("Langue préférée")] == "Arabe"


def test_admin_csv_export_neutralises_formulas(admin_client, form_page):
    formulas = {
        "nom_complet": '=HYPERLINK("http://evil.example","Cliquez")',
        "organisation": "+33 1 23 45 67 89",
        "site_patrimonial": "-2+3",
        "votre_projet": "@SUM(A1:A9)",
    }
    post(admin_client, form_page, {**VALID, **formulas})
    listing = admin_client.get(reverse("wagtailforms:list_submissions", args=[form_page.pk]))
    soup = BeautifulSoup(listing.content, "html.parser")
    # The link the admin clicks.
    export_link = next(
        link["href"] for link in soup.find_all("a", href=True) if "export=csv" in link["href"]
    )
    if export_link.startswith("?"):
        export_link = listing.request["PATH_INFO"] + export_link

    export = admin_client.get(export_link)

    assert export.status_code == 200
    content = b"".join(export.streaming_content).decode("utf-8-sig")
    header, row = list(csv.reader(io.StringIO(content)))
    cells = dict(zip(header, row, strict=True))
    assert cells["Nom complet"] == "'" + formulas["nom_complet"]
    assert cells["Organisation"] == "'+33 1 23 45 67 89"
    assert cells["Site patrimonial"] == "'-2+3"
    assert cells["Votre projet"] == "'@SUM(A1:A9)"
    # Other cells are untouched.
    assert cells["Adresse e-mail"] == "rania@example.org"
    assert cells["Pays"] == "Liban"


# --- From the label page ----------------------------------------------------------


def test_label_page_leads_to_the_form(client, site_tree, form_page):
    soup = BeautifulSoup(client.get(site_tree.label.url).content, "html.parser")
    cta = soup.find("aside", class_="cta")
    assert cta.find("a", class_="button")["href"] == form_page.url
    # Not listed a second time among the subpages.
    subpages = soup.find("nav", class_="subpages")
    assert subpages is None or form_page.url not in str(subpages)


def test_label_page_has_no_link_to_an_unpublished_form(client, site_tree, form_page):
    form_page.unpublish()
    soup = BeautifulSoup(client.get(site_tree.label.url).content, "html.parser")
    assert soup.find("aside", class_="cta") is None
    assert site_tree.label.get_enquiry_page() is None


def test_team_builds_the_form_in_the_admin(admin_client, site_tree):
    add_url = reverse(
        "wagtailadmin_pages:add", args=["enquiries", "enquiryformpage", site_tree.label.pk]
    )
    add = admin_client.get(add_url)
    assert add.status_code == 200
    # The two field types of the portal are offered next to Wagtail's own.
    html = add.content.decode()
    assert 'value="country"' in html
    assert 'value="language"' in html

    form_page = build_enquiry_form(site_tree.label)
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[form_page.pk]))
    assert edit.status_code == 200
    # One enquiry form per label page.
    assert admin_client.get(add_url).status_code == 302
