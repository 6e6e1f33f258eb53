"""A quick check of the demo content builder, run by hand (it is not a test suite):

    .venv/bin/python manage.py shell -c "from home.demo.selfcheck import main; main()"

It checks that the missions copy matches the seed file, that generated media are
deterministic and well formed, and that building twice creates nothing the second
time. Everything it writes to the database is rolled back and its files deleted.
"""

import datetime as dt
import io
import re

from django.db import transaction
from django.utils import timezone
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.models import Image as WagtailImage
from wagtail.models import Page, Revision

from home.demo import content
from home.demo.builder import DemoBuilder, missions_seed_path, paris, parse_missions
from home.demo.media import make_image, make_pdf
from home.models import Footer, NavigationMenu
from news.models import NewsCategory
from portal.models import Theme
from programmes.models import CallPage


class Rollback(Exception):
    pass


class CheckFailed(Exception):
    pass


def check(condition, message):
    if not condition:
        raise CheckFailed(message)


def check_pdf(data):
    """Check the header, the cross-reference table and the stream lengths of a PDF."""
    check(data.startswith(b"%PDF-1.4\n"), "no PDF 1.4 header")
    start = int(re.search(rb"startxref\n(\d+)\n%%EOF\n$", data).group(1))
    header = re.match(rb"xref\n0 (\d+)\n", data[start:])
    check(header, "startxref does not point to the xref table")
    table = start + header.end()
    for number in range(1, int(header.group(1))):
        entry = data[table + 20 * number : table + 20 * (number + 1)]
        offset = int(entry[:10])
        check(data[offset:].startswith(b"%d 0 obj\n" % number), f"bad offset for {number}")
    for match in re.finditer(rb"<< /Length (\d+) >>\nstream\n", data):
        end = match.end() + int(match.group(1))
        check(data[end:].startswith(b"\nendstream"), "bad stream length")


def counts():
    models = [
        Page,
        Revision,
        get_image_model(),
        WagtailImage,
        get_document_model(),
        Theme,
        NewsCategory,
        NavigationMenu,
        Footer,
    ]
    return {model._meta.label: model.objects.count() for model in models}


def main():
    path = missions_seed_path()
    if path.exists():
        parsed = parse_missions(path.read_text(encoding="utf-8"))
        stored = {key: content.MISSIONS[key] for key in ("title", "intro", "sections")}
        check(parsed == stored, "home/demo/content.py MISSIONS differs from the seed file")
        print("ok  missions copy matches", path)
    else:
        print("--  seed file not found, the stored copy will be used:", path)

    first, second = make_image("selfcheck"), make_image("selfcheck")
    check(first.content == second.content, "images are not deterministic")
    check(Image.open(io.BytesIO(first.content)).size == (1600, 900), "images are not 1600x900")
    print("ok  images are deterministic 1600x900 JPEGs:", first.description)

    sections = [("Titre", ["Texte accentué : é, è, ç, œ, € (et parenthèses)."] * 90)]
    pdf = make_pdf("Vérification « PDF »", sections)
    check_pdf(pdf)
    check(pdf == make_pdf("Vérification « PDF »", sections), "PDFs are not deterministic")
    print(
        "ok  PDFs are deterministic, with valid cross-references,",
        pdf.count(b"/Type /Page "),
        "pages",
    )

    today = timezone.localdate()
    builders = []
    try:
        with transaction.atomic():
            builders.append(DemoBuilder(today).build())
            before = counts()
            builders.append(DemoBuilder(today).build())
            after = counts()
            check(before == after, f"second run changed counts: {before} -> {after}")
            check(not builders[1].created and not builders[1].changes, builders[1].summary())
            print("ok  a second run creates nothing:", before)
            if builders[0].created["pages"]:
                # Just after noon, Paris time: the calls are built to open at 10:00 and
                # close at 12:00, so this is the status a visitor sees most of the day.
                noon = paris(today, 12) + dt.timedelta(minutes=1)
                statuses = [call.status_at(noon) for call in CallPage.objects.all()]
                for status in CallPage.Status:
                    check(statuses.count(status) >= 2, f"fewer than 2 {status} calls")
                print(
                    "ok  calls by status today:",
                    {s.value: statuses.count(s) for s in CallPage.Status},
                )
            raise Rollback
    except Rollback:
        print("ok  rolled back")
    finally:
        for builder in builders:
            builder.delete_stored_files()
