"""The French admin says what it means: languages, not "régions"; no English left over."""

import glob
from pathlib import Path

import polib
import pytest
import wagtail
import wagtail_localize
from django.conf import settings
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from wagtail.users.utils import get_gravatar_url

pytestmark = pytest.mark.django_db


def french_catalogs_saying_region():
    """(msgid, their French) of Wagtail's and wagtail-localize's that call a locale "région"."""
    found = []
    for package in (wagtail, wagtail_localize):
        root = Path(package.__file__).parent
        for path in glob.glob(str(root / "**/locale/fr/LC_MESSAGES/django.po"), recursive=True):
            for entry in polib.pofile(path):
                text = entry.msgstr or " ".join(entry.msgstr_plural.values())
                if "égion" in text and not entry.msgctxt:
                    found.append(entry.msgid)
    return found


def test_every_region_of_wagtails_french_is_a_language_here():
    msgids = french_catalogs_saying_region()
    assert len(msgids) > 10
    with translation.override("fr"):
        for msgid in msgids:
            assert "égion" not in translation.gettext(msgid), msgid


def test_the_translate_form_asks_for_languages(admin_client, multilingual_tree):
    html = admin_client.get(
        reverse("wagtail_localize:submit_page_translation", args=[multilingual_tree.news.pk]),
        HTTP_ACCEPT_LANGUAGE="fr",
    ).content.decode()
    assert "Langues" in html and "Régions" not in html


def test_the_sign_in_form_labels_the_password_in_french(client):
    html = client.get(reverse("wagtailadmin_login"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Mot de passe" in html and ">Password" not in html


def test_third_party_script_words_come_translated(admin_client):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'data-save-selected="Enregistrer la sélection"' in html
    assert "Traduction : {source} → {target}" in html


def test_no_avatar_comes_from_gravatar(admin_user):
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
    assert get_gravatar_url(admin_user.email) is None


@override_settings(LANGUAGE_CODE="fr")
def test_the_admin_avatar_is_served_by_the_site(admin_client):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "gravatar.com" not in html
