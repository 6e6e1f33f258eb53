"""The README's translation walk-through, end to end: a French news item is translated
into English and Arabic, reviewed, published, and read in all three languages."""

import io
import re
from io import StringIO

import polib
import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import Translation

from news.tests.factories import NewsPageFactory
from translations.review import REVIEWERS_GROUP

pytestmark = pytest.mark.django_db

TRANSLATIONS = {
    "en": {"Journées du réseau": "Network days", "journees-du-reseau": "network-days"},
    "ar": {"Journées du réseau": "أيام الشبكة", "journees-du-reseau": "ayyam-al-shabaka"},
}


def person(django_user_model, username, group):
    user = django_user_model.objects.create_user(username=username, password="x-long-password-1")
    user.groups.add(Group.objects.get(name=group))
    return user


def test_news_item_through_translation_review_and_publication(
    client, admin_client, django_user_model, multilingual_tree
):
    call_command("setup_languages", stdout=StringIO())
    tree = multilingual_tree
    news = NewsPageFactory(
        parent=tree.news_index, title="Journées du réseau", slug="journees-du-reseau"
    )
    reviewer = person(django_user_model, "relectrice", REVIEWERS_GROUP)

    # 1. The communication team asks for English and Arabic translations.
    locales = [tree.en_home.locale, tree.ar_home.locale]
    admin_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[news.pk]),
        {"locales": [locale.pk for locale in locales]},
    )

    for locale in locales:
        code = locale.language_code
        draft = news.get_translation(locale)
        assert not draft.live
        translator = person(django_user_model, f"traducteur-{code}", f"Translators ({code})")
        client.force_login(translator)

        # 2. The translator works offline on the PO file and uploads it.
        translation = Translation.objects.get(
            source__object_id=news.translation_key, target_locale=locale
        )
        po = polib.pofile(
            client.get(
                reverse("wagtail_localize:download_pofile", args=[translation.pk])
            ).content.decode()
        )
        for entry in po:
            # Every text is translated: an incomplete translation cannot be sent for review.
            entry.msgstr = TRANSLATIONS[code].get(entry.msgid, f"[{code}] {entry.msgid}")
        upload = io.BytesIO(str(po).encode())
        upload.name = f"{code}.po"
        client.post(
            reverse("wagtail_localize:upload_pofile", args=[translation.pk]), {"file": upload}
        )

        # 3. ...and sends it for review: nothing is public yet.
        client.post(reverse("translations_submit_for_review", args=[draft.pk]))
        draft = Page.objects.get(pk=draft.pk)
        assert draft.workflow_in_progress and not draft.live

        # 4. A reviewer approves: the translation goes live.
        client.force_login(reviewer)
        task_state = draft.current_workflow_state.current_task_state
        client.post(
            reverse(
                "wagtailadmin_pages:workflow_action", args=[draft.pk, "approve", task_state.pk]
            ),
            {"comment": ""},
        )
        client.logout()

    # 5. Visitors read it in the three languages, linked to one another.
    urls = {
        "fr": "/fr/actualites/journees-du-reseau/",
        "en": "/en/news/network-days/",
        "ar": "/ar/al-akhbar/ayyam-al-shabaka/",
    }
    for url in urls.values():
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        alternates = dict(
            re.findall(
                r'<link rel="alternate" hreflang="([^"]+)" href="http://[^/]+([^"]+)">', html
            )
        )
        assert {key: alternates[key] for key in urls} == urls
        assert alternates["x-default"] == urls["fr"]
    assert "أيام الشبكة" in client.get(urls["ar"]).content.decode()
    assert "Network days" in client.get(urls["en"]).content.decode()
