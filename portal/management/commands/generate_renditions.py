"""Create ahead of time every image rendition the public templates show."""

from django.core.management.base import BaseCommand
from wagtail.images import get_image_model

from portal.images import generate_renditions, rendition_filters, template_filter_specs


class Command(BaseCommand):
    help = (
        "Create the missing renditions of every image, for every size and format the "
        "public templates ask for (read from their {% picture %}, {% srcset_image %} and "
        "{% image %} tags) and for the social-sharing image, so that no visitor waits for "
        "an image to be resized. Existing renditions are kept: safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--list",
            action="store_true",
            help="Only list the filter specs and the templates that use them.",
        )

    def handle(self, *args, list=False, **options):
        filters = rendition_filters()
        if list:
            sources = template_filter_specs()
            for image_filter in filters:
                where = ", ".join(sorted(sources.get(image_filter.spec, {"(code)"})))
                self.stdout.write(f"{image_filter.spec}  {where}")
            return
        images = get_image_model().objects.order_by("pk")
        count = images.count()
        created = 0
        for done, image in enumerate(images.iterator(chunk_size=50), start=1):
            created += generate_renditions([image], filters)
            if options["verbosity"] > 1:
                self.stdout.write(f"{done}/{count} {image.title}")
        if options["verbosity"]:
            self.stdout.write(
                f"{created} renditions created for {count} images ({len(filters)} filter specs)."
            )
