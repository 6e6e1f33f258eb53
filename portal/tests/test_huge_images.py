"""Images of too many pixels are refused at upload, with Wagtail's message in the editor's language.

A 367 KB PNG of 126 megapixels went through (Wagtail's default limit is 128
million) and its renditions kept a worker busy past gunicorn's timeout.
"""

import io

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from portal.models import CustomImage


def png(width, height):
    """A PNG of ``width`` x ``height`` pixels that weighs a few kilobytes (1 bit per pixel)."""
    buffer = io.BytesIO()
    Image.new("1", (width, height)).save(buffer, "PNG", optimize=True)
    return SimpleUploadedFile("immense.png", buffer.getvalue(), content_type="image/png")


@pytest.fixture
def editor(client, db):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "password")
    client.force_login(user)
    return client


def upload(client, image):
    return client.post(
        reverse("wagtailimages:add"),
        {"title": "Immense", "file": image, "collection": 1},
        HTTP_ACCEPT_LANGUAGE="fr",
    )


def test_the_limit_is_what_the_renditions_need():
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 40_000_000


def test_an_image_of_fifty_million_pixels_is_refused_with_a_french_message(editor):
    image = png(10_000, 5_000)
    assert image.size < 100_000
    response = upload(editor, image)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ce fichier a un trop grand nombre de pixels (50000000)" in html
    assert "40000000" in html
    assert not CustomImage.objects.filter(title="Immense").exists()


def test_an_image_within_the_limit_is_accepted(editor):
    response = upload(editor, png(4_000, 3_000))
    assert response.status_code == 302
    assert CustomImage.objects.filter(title="Immense").exists()
