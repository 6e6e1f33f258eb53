"""Wagtail's content checker, tuned for the portal's editors (cockpit/content_checks.py)."""

import json
import re

import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.test import RequestFactory
from django.utils import translation
from wagtail import hooks
from wagtail.users.models import UserProfile

from cockpit.content_checks import (
    ALT_TEXT_BAD_PATTERN,
    PortalContentChecker,
    page_warnings,
    warn_after_save,
)

pytestmark = pytest.mark.django_db


def checker_configuration(html):
    match = re.search(
        r'<script id="checker-axe-configuration" type="application/json">(.*?)</script>',
        html,
        re.S,
    )
    assert match, "the content checker's configuration is in the page"
    return json.loads(match.group(1))


def test_checker_runs_the_portal_rules():
    rules = PortalContentChecker.axe_run_only
    for rule in ("image-alt", "alt-text-quality", "heading-order", "link-name"):
        assert rule in rules
    assert "empty-meta-description" in rules


@pytest.mark.parametrize(
    ("alt", "bad"),
    [
        ("IMG_2041.jpg", True),
        ("photo", True),
        ("Visuel", True),
        ("صورة", True),
        ("Le cloître de l'abbaye de Noirlac au printemps", False),
        ("Photo de groupe des résidents 2025", False),
    ],
)
def test_alt_text_pattern_flags_file_names_and_generic_words(alt, bad):
    # Wagtail's checker compiles the pattern with the "i" flag, as here.
    assert bool(re.search(ALT_TEXT_BAD_PATTERN, alt, re.IGNORECASE)) is bad


def test_preview_carries_the_portal_configuration_in_the_editors_language(
    client, site_tree, admin_user
):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    # The preview request carries the editor's session, as in the admin's preview panel.
    client.force_login(admin_user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    request = RequestFactory().get("/", HTTP_COOKIE=f"{settings.SESSION_COOKIE_NAME}={session}")
    html = site_tree.news.make_preview_request(request).content.decode()
    configuration = checker_configuration(html)
    assert "image-alt" in configuration["options"]["runOnly"]
    assert configuration["messages"]["image-alt"]["error_name"] == "Image without alt text"
    checks = {check["id"]: check for check in configuration["spec"]["checks"]}
    assert checks["check-image-alt-text"]["options"]["pattern"] == ALT_TEXT_BAD_PATTERN


def test_vague_link_texts_and_seo_lengths_become_warnings(site_tree):
    news = site_tree.news
    news.title = "Une rencontre annuelle du réseau des centres culturels de rencontre, à Noirlac"
    news.search_description = "Trop court."
    news.body = [
        ("paragraph", '<p>Le programme est <a href="https://example.org">ici</a>.</p>'),
        (
            "call_to_action",
            {"title": "Candidater", "text": "", "link_label": "En savoir plus…"},
        ),
        ("paragraph", '<p><a href="https://example.org">Lire l’appel Odyssée</a></p>'),
    ]
    with translation.override("en"):
        warnings = [str(warning) for warning in page_warnings(news)]
    assert len(warnings) == 3, warnings
    assert "search engines show about 60" in warnings[0]
    assert "only 11 characters" in warnings[1]
    assert "“ici”" in warnings[2] and "“En savoir plus…”" in warnings[2]
    assert "Odyssée" not in warnings[2]
    # French editors read them in French.
    with translation.override("fr"):
        assert "moteurs de recherche" in str(page_warnings(news)[0])

    news.title = "Rencontre annuelle"
    news.search_description = ""
    news.body = [("paragraph", '<p><a href="https://example.org">Lire l’appel</a></p>')]
    assert page_warnings(news) == []


def test_warnings_reach_the_editor_after_saving(site_tree, admin_user):
    assert warn_after_save in hooks.get_hooks("after_edit_page")
    assert warn_after_save in hooks.get_hooks("after_create_page")
    news = site_tree.news
    news.body = [("paragraph", '<p><a href="https://example.org">Click here</a></p>')]
    request = RequestFactory().post("/")
    request.user = admin_user
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    warn_after_save(request, news)
    assert ["“Click here”" in str(message) for message in get_messages(request)] == [True]
