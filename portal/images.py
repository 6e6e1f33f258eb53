"""The image renditions the public site shows, so that they can be made ahead of time.

Wagtail makes a rendition the first time a template asks for it, inside the
visitor's request: the first visitor of a page with twelve cards waits for
up to forty-eight resizes (two formats, two sizes each). ``manage.py
generate_renditions`` makes them beforehand, in the release step and after
loading the demo (``make run``, ``make prod-smoke``, ``make bench-http``).

The list of renditions is read from the templates themselves: every
``{% image %}``, ``{% srcset_image %}`` and ``{% picture %}`` tag of the
project's own templates is compiled by Django's template engine and asked
for its filters, exactly as it will ask for them when it renders. A template
that changes its sizes therefore changes what is generated, with no second
list to keep in step. Renditions made in Python rather than in templates
(the social-sharing image) are added from their own constant.
"""

from functools import cache
from pathlib import Path

from django.conf import settings
from django.template import engines
from wagtail.images.models import Filter
from wagtail.images.templatetags.wagtailimages_tags import ImageNode, SrcsetImageNode

# The Open Graph / Twitter image (portal/templatetags/social_tags.py).
SOCIAL_IMAGE_SPEC = "fill-1200x630"
# Renditions asked for in Python code, not in a template.
CODE_RENDITIONS = (SOCIAL_IMAGE_SPEC,)
# The template of every card's image (news items, centres, programmes).
CARD_IMAGE_TEMPLATE = "includes/card_image.html"


def project_template_dirs():
    """The template directories of the project's own apps (not of installed packages)."""
    project = Path(settings.BASE_DIR).resolve()
    engine = engines["django"].engine
    directories = [Path(directory) for directory in engine.dirs]
    for loader in engine.template_loaders:
        directories.extend(Path(directory) for directory in loader.get_dirs())
    own = []
    for directory in directories:
        directory = directory.resolve()
        if directory.is_relative_to(project) and not any(
            part in {".venv", "site-packages"} for part in directory.parts
        ):
            own.append(directory)
    return sorted(set(own))


def _image_nodes(template):
    return template.template.nodelist.get_nodes_by_type(ImageNode)


def _node_specs(node):
    filters = node.get_filters() if isinstance(node, SrcsetImageNode) else [node.get_filter()]
    return [image_filter.spec for image_filter in filters]


@cache
def template_image_specs(template_name):
    """The filter specs of the image tags written in one template (not its includes).

    What a list of cards prefetches: an image has a rendition for every size the
    site shows, and the cards need only theirs.
    """
    template = engines["django"].get_template(template_name)
    return tuple(sorted({spec for node in _image_nodes(template) for spec in _node_specs(node)}))


def template_filter_specs():
    """Every filter spec the project's templates use, e.g. ``format-webp|fill-400x225``.

    Returns ``{spec: {template name, ...}}`` so that a report can say where each comes from.
    """
    engine = engines["django"]
    specs = {}
    for directory in project_template_dirs():
        for path in sorted(directory.rglob("*.html")):
            name = path.relative_to(directory).as_posix()
            template = engine.from_string(path.read_text(encoding="utf-8"))
            for node in _image_nodes(template):
                for spec in _node_specs(node):
                    specs.setdefault(spec, set()).add(name)
    return specs


def rendition_filters():
    """The ``Filter`` of every rendition the public site can show, in a stable order."""
    specs = set(template_filter_specs()) | set(CODE_RENDITIONS)
    return [Filter(spec=spec) for spec in sorted(specs)]


def generate_renditions(images, filters=None):
    """Create the missing renditions of ``images``; return how many were created.

    Existing renditions are found in one query per image and kept, so a
    second run creates nothing. They are looked up in the database, not in
    Wagtail's rendition cache, which can outlive the rows it describes.
    """
    filters = filters if filters is not None else rendition_filters()
    specs = [image_filter.spec for image_filter in filters]
    created = 0
    for image in images:
        existing = set(
            image.renditions.filter(filter_spec__in=specs).values_list(
                "filter_spec", "focal_point_key"
            )
        )
        missing = [
            image_filter
            for image_filter in filters
            if (image_filter.spec, image_filter.get_cache_key(image)) not in existing
        ]
        if missing:
            image.create_renditions(*missing)
            created += len(missing)
    return created
