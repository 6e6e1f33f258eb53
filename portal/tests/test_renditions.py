"""``generate_renditions`` makes every rendition the templates ask for, ahead of any visit."""

from io import StringIO

import pytest
import wagtail_factories
from django.core.management import call_command
from django.template.loader import render_to_string
from wagtail.images import get_image_model

from network.models import CentreGalleryImage, CentrePage
from portal.cards import with_renditions
from portal.images import SOCIAL_IMAGE_SPEC, rendition_filters, template_filter_specs

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def forget_cached_renditions():
    """Empty Wagtail's rendition cache after the test.

    It is keyed by image id and outlives the test's database, whose ids are
    reused: a later test's image would be shown this test's renditions.
    """
    yield
    get_image_model().get_rendition_model().cache_backend.clear()


def rendition_count():
    return get_image_model().get_rendition_model().objects.count()


def new_image():
    # Small originals: the test is about which renditions exist, not about their pixels.
    return wagtail_factories.ImageFactory(file__width=320, file__height=200)


def test_the_specs_are_read_from_the_templates_and_the_code():
    specs = template_filter_specs()
    # {% picture image format-{webp,jpeg} fill-{400x225,800x450} %} in the card include:
    for spec in (
        "format-webp|fill-400x225",
        "format-jpeg|fill-400x225",
        "format-webp|fill-800x450",
        "format-jpeg|fill-800x450",
    ):
        assert "includes/card_image.html" in specs[spec]
    assert "blocks/image_block.html" in specs["format-webp|width-1200"]
    assert SOCIAL_IMAGE_SPEC in {image_filter.spec for image_filter in rendition_filters()}
    # Only the project's templates: none of the admin's thumbnails.
    assert not any(spec.startswith("max-165x165") for spec in specs)


def test_after_the_command_visits_create_no_rendition(client, site_tree):
    centre = site_tree.centre
    centre.hero_image = new_image()
    centre.gallery_images = [CentreGalleryImage(image=new_image())]
    centre.save_revision().publish()
    site_tree.news.image = new_image()
    site_tree.news.save_revision().publish()
    site_tree.home.hero_image = new_image()
    site_tree.home.save_revision().publish()

    out = StringIO()
    call_command("generate_renditions", stdout=out)
    made = rendition_count()
    assert made == 4 * len(rendition_filters())
    assert f"{made} renditions created for 4 images" in out.getvalue()

    for page in (site_tree.home, site_tree.network, centre, site_tree.news_index, site_tree.news):
        response = client.get(page.url)
        assert response.status_code == 200
        assert rendition_count() == made, f"{page.url} created a rendition"
    assert b"<picture" in client.get(centre.url).content


def test_a_second_run_creates_nothing():
    new_image()
    call_command("generate_renditions", stdout=StringIO())
    before = rendition_count()
    out = StringIO()
    call_command("generate_renditions", stdout=out)
    assert rendition_count() == before
    assert out.getvalue().startswith("0 renditions created")


@pytest.mark.parametrize("selected", [False, True], ids=["image prefetched", "image selected"])
def test_cards_read_only_the_renditions_their_template_shows(site_tree, selected):
    centre = site_tree.centre
    centre.hero_image = new_image()
    centre.save()
    call_command("generate_renditions", stdout=StringIO())
    assert centre.hero_image.renditions.count() == len(rendition_filters())

    centres = CentrePage.objects.filter(pk=centre.pk)
    if selected:
        centres = centres.select_related("hero_image")
    [card] = with_renditions(centres, "hero_image")

    prefetched = card.hero_image.prefetched_renditions
    assert {rendition.filter_spec for rendition in prefetched} == {
        f"format-{image_format}|fill-{size}"
        for image_format in ("webp", "jpeg")
        for size in ("400x225", "800x450")
    }
    # ...and they are the ones the card shows.
    html = render_to_string("includes/centre_card.html", {"centre": card})
    for rendition in prefetched:
        assert rendition.url in html


def test_a_spec_is_parsed_once_whatever_renders_it():
    from unittest import mock

    from django.template import Context, Template
    from wagtail.images import image_operations
    from wagtail.images.models import Filter

    from portal.models import shared_filter

    image = new_image()
    template = Template(
        "{% load wagtailimages_tags %}{% image img fill-40x30 %}"
        "{% picture img format-{webp,jpeg} width-{40,80} %}"
    )
    first = template.render(Context({"img": image}))
    # The tags make new Filter objects at each render: the second parses nothing.
    with mock.patch.object(
        image_operations.Operation, "__init__", side_effect=AssertionError("parsed again")
    ):
        again = template.render(Context({"img": get_image_model().objects.get(pk=image.pk)}))
    assert again == first
    assert '<img alt="' in first and "<picture>" in first
    assert shared_filter("fill-40x30") is shared_filter(Filter(spec="fill-40x30"))


def test_a_rendition_read_from_the_cache_is_not_written_back():
    from unittest import mock

    from django.template import Context, Template

    image = new_image()
    cache = get_image_model().get_rendition_model().cache_backend
    template = Template("{% load wagtailimages_tags %}{% picture img width-{40,80} %}")
    first = template.render(Context({"img": image}))
    image.get_rendition("fill-40x30")  # the social image's path: one rendition at a time
    fresh = get_image_model().objects.get(pk=image.pk)  # nothing prefetched: the cache is read
    with (
        mock.patch.object(cache, "set_many", wraps=cache.set_many) as set_many,
        mock.patch.object(cache, "set", wraps=cache.set) as set_one,
    ):
        assert template.render(Context({"img": fresh})) == first
        assert fresh.get_rendition("fill-40x30").file
    assert set_many.call_count == 0 and set_one.call_count == 0
