"""Where this app takes over from wagtail-localize: each seam still holds after an upgrade."""

import hashlib
from pathlib import Path

import pytest
import wagtail_localize
from django.conf import settings
from django.urls import resolve, reverse

# wagtail-localize 1.14's translation editor template, whose content block this app's
# copy (translations/templates/wagtail_localize/admin/edit_translation.html) repeats.
EDITOR_TEMPLATE_SHA256 = "52b849c00b09876c0fb0e7314a762f1eebb1c4212120828c61c1350a301a5ba7"


@pytest.mark.parametrize(
    "theirs, ours",
    [
        ("wagtail_localize:update_translations", "translations_sync"),
        ("wagtail_localize:submit_page_translation", "translations_submit_page"),
        ("wagtail_localize:convert_to_alias", "translations_refuse_convert_to_alias"),
    ],
)
def test_our_admin_urls_answer_at_wagtail_localizes_addresses(theirs, ours):
    assert resolve(reverse(theirs, args=[1])).url_name == ours


def test_translations_comes_before_wagtail_localize():
    # Its hooks run first and its templates win.
    apps = settings.INSTALLED_APPS
    assert apps.index("translations") < apps.index("wagtail_localize")


def test_the_copied_editor_template_still_matches_wagtail_localizes():
    original = (
        Path(wagtail_localize.__file__).parent
        / "templates/wagtail_localize/admin/edit_translation.html"
    )
    digest = hashlib.sha256(original.read_bytes()).hexdigest()
    assert digest == EDITOR_TEMPLATE_SHA256, (
        "wagtail-localize's edit_translation.html changed: compare its content block with "
        "translations/templates/wagtail_localize/admin/edit_translation.html, then update "
        "the hash"
    )
