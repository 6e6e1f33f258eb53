"""Build the French demo site from ``home.demo.content``, creating only what is missing.

Every object is looked up by a stable key before anything is created: a page by its
slug (or its type, for pages that are unique) under its parent, a snippet by its slug
or its locale, an image or a document by its title. Existing objects are left exactly
as they are, so a second run creates nothing and publishes nothing.
"""

import datetime as dt
import io
import re
from collections import Counter
from html import escape

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from enquiries.models import EnquiryFormField, EnquiryFormPage
from home.demo import content
from home.demo.media import make_image, make_pdf
from home.demo.translations import DemoTranslator
from home.models import (
    Footer,
    FooterLink,
    HomePage,
    NavigationItem,
    NavigationMenu,
    StandardPage,
)
from network.models import CentreGalleryImage, CentrePage, LabelPage, NetworkIndexPage
from news.models import (
    AdvocacyIndexPage,
    AdvocacyPositionPage,
    NewsCategory,
    NewsIndexPage,
    NewsPage,
)
from portal.dates import in_site_time, site_timezone
from portal.models import Theme
from programmes.models import CallIndexPage, CallPage, ProgrammeIndexPage, ProgrammePage

WELCOME_PAGE_TITLE = "Welcome to your new Wagtail site!"
SINGULAR = {
    "locales": "locale",
    "themes": "theme",
    "news categories": "news category",
    "images": "image",
    "documents": "document",
    "pages": "page",
    "navigation menus": "navigation menu",
    "footers": "footer",
}


def missions_seed_path():
    return settings.BASE_DIR.parent / "shared" / "seed" / "missions-fr.txt"


def parse_missions(text):
    """Read the seed text: an introduction, then sections that start with ``/ Title``.

    The breadcrumb and title lines that open the file (``• Les missions``,
    ``Les missions/``) are dropped. Returns None if the text has no section.
    """
    title = content.MISSIONS["title"]
    intro, sections, paragraph = [], [], []

    def flush():
        if paragraph:
            (sections[-1][1] if sections else intro).append(" ".join(paragraph))
            paragraph.clear()

    for raw_line in text.splitlines():
        line = raw_line.strip()
        if line.startswith("/"):
            flush()
            sections.append((line.lstrip("/").strip(), []))
        elif not line:
            flush()
        else:
            paragraph.append(line)
    flush()
    intro = [
        block
        for block in intro
        if not block.startswith("•") and not block.endswith("/") and block != title
    ]
    if not sections or not intro or not all(paragraphs for _, paragraphs in sections):
        return None
    return {"title": title, "intro": " ".join(intro), "sections": sections}


def load_missions():
    """The missions text, read from the seed file, or the copy kept in ``content``."""
    path = missions_seed_path()
    try:
        parsed = parse_missions(path.read_text(encoding="utf-8"))
    except OSError:
        parsed = None
    if parsed is None:
        return content.MISSIONS, False
    return {**content.MISSIONS, **parsed}, True


def french_date(day):
    number = "1er" if day.day == 1 else str(day.day)
    return f"{number} {content.MONTHS[day.month - 1]} {day.year}"


def french_datetime(moment):
    local = in_site_time(moment)
    return f"{french_date(local)} à {local:%H} h {local:%M} (heure de Paris)"


def paris(day, hour, minute=0):
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=site_timezone())


def paragraphs_html(texts):
    if isinstance(texts, str):
        texts = [texts]
    return "".join(f"<p>{escape(text)}</p>" for text in texts)


def list_html(items, tag="ul"):
    return f"<{tag}>" + "".join(f"<li>{escape(item)}</li>" for item in items) + f"</{tag}>"


class DemoBuilder:
    """Creates the missing parts of the demo site; reports what it created."""

    def __init__(self, today, log=None):
        self.today = today
        self.log = log or (lambda message: None)
        self.created = Counter()
        self.stored_files = []
        self.images_by_model = Counter()
        self.changes = []
        self.pages = {}
        self.themes = {}
        self.categories = {}
        self.image_model = get_image_model()
        self.document_model = get_document_model()

    # --- Entry point --------------------------------------------------------------------

    def build(self):
        self.locale = self.ensure_locale()
        self.build_taxonomies()
        home, home_created = self.ensure_home()
        self.ensure_default_site(home)
        self.build_network(home)
        self.build_programmes(home)
        self.build_standard_pages(home)
        self.build_advocacy(home)
        self.build_news(home)
        self.ensure_menu()
        self.ensure_footer()
        if home_created:
            self.publish_home(home)
        self.remove_welcome_page()
        DemoTranslator(self.locale, self.created, self.changes, self.today).translate()
        return self

    # --- Locale, site, taxonomies ----------------------------------------------------------

    def ensure_locale(self):
        locale, created = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
        if created:
            self.created["locales"] += 1
        return locale

    def ensure_snippet(self, model, slug, name, counter):
        snippet = model.objects.filter(slug=slug, locale=self.locale).first()
        if snippet is None:
            snippet = model.objects.create(name=name, slug=slug, locale=self.locale)
            self.created[counter] += 1
        return snippet

    def build_taxonomies(self):
        for slug, name in content.THEMES:
            self.themes[slug] = self.ensure_snippet(Theme, slug, name, "themes")
        for slug, name in content.NEWS_CATEGORIES:
            self.categories[slug] = self.ensure_snippet(NewsCategory, slug, name, "news categories")

    def ensure_default_site(self, home):
        desired = {
            "hostname": "localhost",
            "port": 80,
            "site_name": content.SITE_NAME,
            "root_page_id": home.pk,
            "is_default_site": True,
        }
        site = (
            Site.objects.filter(hostname="localhost", port=80).first()
            or Site.objects.filter(is_default_site=True).first()
        )
        if site is None:
            Site.objects.create(**desired)
            self.changes.append("created the default site")
            return
        changed = [field for field, value in desired.items() if getattr(site, field) != value]
        if changed:
            Site.objects.filter(is_default_site=True).exclude(pk=site.pk).update(
                is_default_site=False
            )
            for field in changed:
                setattr(site, field, desired[field])
            site.save()
            self.changes.append(f"updated the default site ({', '.join(changed)})")

    def remove_welcome_page(self):
        """Delete the page of Wagtail's first migration once no site points to it."""
        plain_page = ContentType.objects.get_for_model(Page)
        welcome_pages = Page.objects.filter(
            depth=2, content_type=plain_page, title=WELCOME_PAGE_TITLE, numchild=0
        ).exclude(sites_rooted_here__isnull=False)
        for page in welcome_pages:
            page.delete()
            self.changes.append("removed the Wagtail welcome page")

    # --- Media ------------------------------------------------------------------------

    def ensure_image(self, key, title, model=None):
        """The image called ``title``, drawn from ``key`` if it does not exist yet.

        ``model`` is the image model to use; by default the project's
        (``WAGTAILIMAGES_IMAGE_MODEL``). Pass the model a foreign key points to, see
        ``image_for``.
        """
        model = model or self.image_model
        image = model.objects.filter(title=title).first()
        if image is None:
            generated = make_image(key)
            name = re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-")
            image = model(
                title=title,
                description=generated.description,
                file=ImageFile(io.BytesIO(generated.content), name=f"{name}.jpg"),
            )
            if any(field.name == "credit" for field in model._meta.get_fields()):
                image.credit = content.IMAGE_CREDIT
            image._set_image_file_metadata()
            image.save()
            self.stored_files.append(image.file)
            self.created["images"] += 1
            self.images_by_model[model._meta.label] += 1
        return image

    def image_for(self, model, field_name, key, title):
        """An image for ``model.field_name``, of the image model that foreign key points to."""
        target = model._meta.get_field(field_name).related_model
        return self.ensure_image(key, title, model=target)

    def ensure_document(self, key, title, sections):
        document = self.document_model.objects.filter(title=title).first()
        if document is None:
            pdf = make_pdf(title, sections, footer=content.ASSOCIATION)
            name = re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-")
            document = self.document_model(title=title, file=ContentFile(pdf, name=f"{name}.pdf"))
            document._set_document_file_metadata()
            document.save()
            self.stored_files.append(document.file)
            self.created["documents"] += 1
        return document

    # --- Pages ------------------------------------------------------------------------

    def ensure_page(self, parent, model, slug, build, unique=False, publish=True):
        """Return the page ``slug`` under ``parent``, creating it from ``build()`` if missing.

        ``unique`` pages (the home page, the indexes) are found by their type, so that a
        renamed slug never leads to a second one.
        """
        children = parent.get_children().filter(locale=self.locale)
        existing = (children.type(model) if unique else children.filter(slug=slug)).first()
        if existing is not None:
            return existing.specific, False
        fields = build()
        tags = fields.pop("tags", [])
        page = model(slug=slug, locale=self.locale, **fields)
        if tags:
            page.tags.add(*tags)
        parent.add_child(instance=page)
        if publish:
            page.save_revision().publish()
        self.created["pages"] += 1
        self.log(f"  created {model.__name__} {page.title!r}")
        return page, True

    def stream(self, model, field_name, raw):
        """Turn raw StreamField data into a StreamValue saved in Wagtail's current format.

        Binding every child makes lists (steps, questions, figures) save as items
        with ids rather than plain lists: wagtail-localize extracts text only from
        lists in that format, so translators would otherwise never see them.
        """
        value = model._meta.get_field(field_name).stream_block.to_python(raw)
        list(value)
        return value

    def body_blocks(self, spec):
        """Raw BodyStreamBlock data from the small vocabulary described in ``content``."""
        blocks = []
        for item in spec:
            kind, *args = item
            if kind in ("h2", "h3"):
                blocks.append({"type": "heading", "value": {"text": args[0], "level": kind}})
            elif kind == "p":
                blocks.append({"type": "paragraph", "value": paragraphs_html(args[0])})
            elif kind == "ul":
                blocks.append({"type": "paragraph", "value": list_html(args[0])})
            elif kind == "figures":
                heading, figures = args
                value = {
                    "heading": heading,
                    "figures": [
                        {"value": number, "label": label, "as_of": as_of}
                        for number, label, as_of in figures
                    ],
                }
                blocks.append({"type": "key_figures", "value": value})
            elif kind == "steps":
                blocks.append({"type": "process_steps", "value": self.steps_value(*args)})
            elif kind == "faq":
                blocks.append({"type": "accordion", "value": self.faq_value(*args)})
            elif kind == "quote":
                text, attribution = args
                blocks.append(
                    {"type": "quote", "value": {"text": text, "attribution": attribution}}
                )
            elif kind == "cta":
                title, text, link_label, page_key = args
                if page_key not in self.pages:
                    raise ValueError(
                        f"The call to action {title!r} links to {page_key!r}, "
                        "a page that is not built yet."
                    )
                value = {
                    "title": title,
                    "text": text,
                    "link_label": link_label,
                    "page": self.pages[page_key].pk,
                    "external_url": "",
                }
                blocks.append({"type": "call_to_action", "value": value})
            else:
                raise ValueError(f"Unknown body item {kind!r}")
        return blocks

    @staticmethod
    def steps_value(heading, steps):
        return {
            "heading": heading,
            "steps": [{"title": title, "text": paragraphs_html(text)} for title, text in steps],
        }

    @staticmethod
    def faq_value(heading, questions):
        return {
            "heading": heading,
            "items": [
                {"question": question, "answer": paragraphs_html(answer)}
                for question, answer in questions
            ],
        }

    def body(self, model, spec, field_name="body"):
        return self.stream(model, field_name, self.body_blocks(spec))

    # --- Home ---------------------------------------------------------------------------

    def ensure_home(self):
        root = Page.get_first_root_node()
        data = content.HOME

        def build():
            return {
                "title": data["title"],
                "hero_title": data["hero_title"],
                "hero_text": data["hero_text"],
                "hero_image": self.image_for(
                    HomePage, "hero_image", "home:hero", "Accueil du portail (illustration)"
                ),
                "network_heading": data["network_heading"],
                "network_text": data["network_text"],
            }

        # The home page is published last, once the label page it links to exists.
        home, created = self.ensure_page(
            root, HomePage, data["slug"], build, unique=True, publish=False
        )
        self.pages["home"] = home
        return home, created

    def publish_home(self, home):
        home.hero_link = self.pages["label"]
        home.hero_link_label = content.HOME["hero_link_label"]
        home.save_revision().publish()

    # --- Network ------------------------------------------------------------------------

    def build_network(self, home):
        data = content.NETWORK
        network, _ = self.ensure_page(
            home,
            NetworkIndexPage,
            data["slug"],
            lambda: {"title": data["title"], "intro": paragraphs_html(data["intro"])},
            unique=True,
        )
        self.pages["network"] = network
        for centre in content.CENTRES:
            page, _ = self.ensure_page(
                network, CentrePage, centre["slug"], lambda centre=centre: self.centre(centre)
            )
            self.pages[f"centre:{centre['slug']}"] = page
        self.build_label(network)

    def centre(self, data):
        membership = data.get("membership", CentrePage.Membership.LABEL)
        in_france = membership == CentrePage.Membership.LABEL
        title = data["title"]
        gallery = [
            CentreGalleryImage(
                image=self.image_for(
                    CentreGalleryImage,
                    "image",
                    f"centre:{data['slug']}:gallery-{number}",
                    f"{title} (illustration {number})",
                ),
                caption=f"{data['heritage_site']} : illustration abstraite",
            )
            for number in (2, 3)
        ]
        latitude, longitude = data["coordinates"]
        return {
            "title": title,
            "membership": membership,
            "summary": data["summary"],
            "hero_image": self.image_for(
                CentrePage, "hero_image", f"centre:{data['slug']}:hero", f"{title} (illustration)"
            ),
            "heritage_site": data["heritage_site"],
            "heritage_history": paragraphs_html(data["history"]),
            "town": data["town"],
            "region": data["region"],
            "country": data["country"],
            "latitude": latitude,
            "longitude": longitude,
            "year_labelled": data.get("year_labelled"),
            "reference": data["slug"],
            "languages_spoken": content.CENTRE_LANGUAGES[data["country"]],
            "accessibility": paragraphs_html([content.CENTRE_ACCESSIBILITY]),
            "getting_there": paragraphs_html([content.CENTRE_GETTING_THERE]),
            "themes": [self.themes[slug] for slug in data["themes"]],
            "body": self.body(
                CentrePage,
                [
                    ("h2", "Le projet culturel"),
                    ("p", data["project"]),
                    ("h2", "Résidences et publics"),
                    ("p", content.CENTRE_RESIDENCIES),
                    ("p", content.CENTRE_LABEL if in_france else content.CENTRE_INTERNATIONAL),
                ],
            ),
            "gallery_images": gallery,
        }

    def build_label(self, network):
        data = content.LABEL

        def build():
            return {
                "title": data["title"],
                "intro": paragraphs_html(data["intro"]),
                "route_france": paragraphs_html(data["route_france"]),
                "route_abroad": paragraphs_html(data["route_abroad"]),
                "criteria": paragraphs_html(data["criteria_intro"]) + list_html(data["criteria"]),
                "charter_checklist": self.stream(
                    LabelPage,
                    "charter_checklist",
                    [
                        {"type": "criterion", "value": {"criterion": name, "explanation": text}}
                        for name, text in data["charter_checklist"]
                    ],
                ),
                "steps": self.stream(
                    LabelPage,
                    "steps",
                    [{"type": "steps", "value": self.steps_value(*data["france_steps"])}],
                ),
                "faq": self.stream(
                    LabelPage, "faq", [{"type": "faq", "value": self.faq_value(*data["faq"])}]
                ),
                "body": self.body(
                    LabelPage,
                    [
                        ("steps", *data["abroad_steps"]),
                        (
                            "figures",
                            "Le réseau",
                            [
                                ("23", "centres labellisés en France (environ)", "2024"),
                                ("20", "membres à l'étranger (environ)", "2024"),
                            ],
                        ),
                        (
                            "cta",
                            "Trouver un centre parrain",
                            "L'annuaire présente les centres du réseau, en France et à l'étranger.",
                            "Parcourir le réseau",
                            "network",
                        ),
                    ],
                ),
            }

        self.pages["label"], _ = self.ensure_page(
            network, LabelPage, data["slug"], build, unique=True
        )
        self.build_enquiry_form(self.pages["label"], data["enquiry"])

    def build_enquiry_form(self, label, data):
        def build():
            return {
                "title": data["title"],
                "intro": paragraphs_html(data["intro"]),
                "thank_you_text": paragraphs_html(data["thank_you"]),
                "to_address": data["to_address"],
                "subject": data["subject"],
                "form_fields": [
                    EnquiryFormField(
                        label=label,
                        field_type=field_type,
                        required=required,
                        help_text=help_text,
                        sort_order=order,
                        locale=self.locale,
                    )
                    for order, (label, field_type, required, help_text) in enumerate(data["fields"])
                ],
            }

        self.pages["enquiry"], _ = self.ensure_page(
            label, EnquiryFormPage, data["slug"], build, unique=True
        )

    # --- Programmes and calls -------------------------------------------------------------

    def build_programmes(self, home):
        data = content.PROGRAMME_INDEX
        index, _ = self.ensure_page(
            home,
            ProgrammeIndexPage,
            data["slug"],
            lambda: {"title": data["title"], "intro": paragraphs_html(data["intro"])},
            unique=True,
        )
        self.pages["programmes"] = index
        for programme in content.PROGRAMMES:
            page, _ = self.ensure_page(
                index,
                ProgrammePage,
                programme["slug"],
                lambda programme=programme: self.programme(programme),
            )
            self.pages[f"programme:{programme['slug']}"] = page
        for call in content.CALLS:
            parent = self.pages[f"programme:{call['programme']}"]
            page, _ = self.ensure_page(
                parent, CallPage, call["slug"], lambda call=call: self.call(call)
            )
            self.pages[f"call:{call['slug']}"] = page
        data = content.CALL_INDEX
        self.pages["calls"], _ = self.ensure_page(
            home,
            CallIndexPage,
            data["slug"],
            lambda: {"title": data["title"], "intro": paragraphs_html(data["intro"])},
            unique=True,
        )

    def programme(self, data):
        partners = [
            {"type": "partner", "value": {"name": name, "role": role, "url": ""}}
            for name, role in data["partners"]
        ]
        return {
            "title": data["title"],
            "kind": data["kind"],
            "since_year": data["since_year"],
            "summary": data["summary"],
            "hero_image": self.image_for(
                ProgrammePage,
                "hero_image",
                f"programme:{data['slug']}:hero",
                f"Programme {data['title']} (illustration)",
            ),
            "purpose": paragraphs_html(data["purpose"]),
            "audience": paragraphs_html(data["audience"]),
            "body": self.body(ProgrammePage, data["body"]),
            "partners": self.stream(ProgrammePage, "partners", partners),
            "host_centres": [self.pages[f"centre:{slug}"] for slug in data["host_centres"]],
            "themes": [self.themes[slug] for slug in data["themes"]],
        }

    def call_dates(self, data):
        if "fixed" in data:
            opens, closes = (
                dt.datetime(*moment, tzinfo=site_timezone()) for moment in data["fixed"]
            )
        else:
            opens_in, closes_in = data["relative"]
            opens = paris(self.today + dt.timedelta(days=opens_in), 10)
            closes = paris(self.today + dt.timedelta(days=closes_in), 12)
        closed_on = closes.date()
        after = closed_on + dt.timedelta(days=120)
        starts = after.replace(day=1)
        ends = starts.replace(year=starts.year + 1) - dt.timedelta(days=1)
        return {
            "opens_at": opens,
            "closes_at": closes,
            "selection_on": closed_on + dt.timedelta(days=30),
            "results_on": closed_on + dt.timedelta(days=45),
            "residency_starts_on": starts,
            "residency_ends_on": ends,
        }

    def call(self, data):
        dates = self.call_dates(data)
        programme = self.pages[f"programme:{data['programme']}"]
        regulations = self.ensure_document(
            f"call:{data['slug']}",
            f"Règlement de l'appel « {data['title']} »",
            [
                ("Présentation", [data["summary"], f"Programme : {programme.title}."]),
                (
                    "Calendrier",
                    [
                        f"Ouverture des candidatures : {french_datetime(dates['opens_at'])}.",
                        f"Date limite : {french_datetime(dates['closes_at'])}.",
                        f"Comité de sélection : {french_date(dates['selection_on'])}.",
                        f"Annonce des résultats : {french_date(dates['results_on'])}.",
                        "Résidences : entre le "
                        f"{french_date(dates['residency_starts_on'])} et le "
                        f"{french_date(dates['residency_ends_on'])}.",
                    ],
                ),
                ("Qui peut candidater", [f"– {item}" for item in data["eligibility"]]),
                ("Pièces à fournir", [f"– {item}" for item in data["documents"]]),
                ("Comment candidater", [f"– {item}" for item in content.HOW_TO_APPLY]),
                ("Contact", [f"{content.ASSOCIATION}, {content.SEAT}."]),
                (
                    "",
                    [
                        *filter(None, [data.get("note")]),
                        "Document de démonstration généré automatiquement.",
                    ],
                ),
            ],
        )
        body = [("p", data["note"])] if data.get("note") else []
        return {
            "title": data["title"],
            "summary": data["summary"],
            **dates,
            "eligibility": paragraphs_html("Pour candidater, il faut :")
            + list_html(data["eligibility"]),
            "what_to_send": paragraphs_html("Le dossier comprend :") + list_html(data["documents"]),
            "how_to_apply": list_html(content.HOW_TO_APPLY, tag="ol"),
            "documents": self.stream(
                CallPage,
                "documents",
                [
                    {
                        "type": "documents",
                        "value": {
                            "heading": "Documents à télécharger",
                            "documents": [{"document": regulations.pk, "title": ""}],
                        },
                    }
                ],
            ),
            "faq": self.stream(
                CallPage,
                "faq",
                [{"type": "faq", "value": self.faq_value("Questions fréquentes", data["faq"])}],
            ),
            "body": self.body(CallPage, body),
            "host_centres": [self.pages[f"centre:{slug}"] for slug in data["host_centres"]],
            "themes": [self.themes[slug] for slug in data["themes"]],
            **data["rules"],
        }

    # --- Advocacy and news -----------------------------------------------------------------

    def build_advocacy(self, home):
        data = content.ADVOCACY_INDEX
        index, _ = self.ensure_page(
            home,
            AdvocacyIndexPage,
            data["slug"],
            lambda: {"title": data["title"], "intro": data["intro"]},
            unique=True,
        )
        self.pages["advocacy"] = index
        for position in content.ADVOCACY:
            page, _ = self.ensure_page(
                index,
                AdvocacyPositionPage,
                position["slug"],
                lambda position=position: self.position(position),
            )
            self.pages[f"advocacy:{position['slug']}"] = page

    @staticmethod
    def pdf_sections(spec):
        sections = []
        for kind, *args in spec:
            if kind in ("h2", "h3"):
                sections.append((args[0], []))
            elif kind == "p":
                if not sections:
                    sections.append(("", []))
                sections[-1][1].append(args[0])
            elif kind == "ul":
                if not sections:
                    sections.append(("", []))
                sections[-1][1].extend(f"– {item}" for item in args[0])
        return sections

    def position(self, data):
        date = self.today - dt.timedelta(days=data["days_ago"])
        paper = self.ensure_document(
            f"advocacy:{data['slug']}",
            f"Position de l'ACCR : {data['title']}",
            [
                ("", [f"{content.ASSOCIATION} — {french_date(date)}", data["summary"]]),
                *self.pdf_sections(data["body"]),
                ("Signataire", [content.ASSOCIATION]),
                ("", ["Document de démonstration généré automatiquement."]),
            ],
        )
        return {
            "title": data["title"],
            "date": date,
            "themes": [self.themes[slug] for slug in data["themes"]],
            "summary": data["summary"],
            "image": self.image_for(
                AdvocacyPositionPage,
                "image",
                f"advocacy:{data['slug']}",
                f"{data['title']} (illustration)",
            ),
            "body": self.body(AdvocacyPositionPage, data["body"]),
            "signatories": self.stream(
                AdvocacyPositionPage,
                "signatories",
                [{"type": "signatory", "value": {"name": content.ASSOCIATION, "url": ""}}],
            ),
            "position_papers": self.stream(
                AdvocacyPositionPage,
                "position_papers",
                [
                    {
                        "type": "documents",
                        "value": {
                            "heading": "Télécharger la position",
                            "documents": [{"document": paper.pk, "title": ""}],
                        },
                    }
                ],
            ),
        }

    def build_news(self, home):
        data = content.NEWS_INDEX
        index, _ = self.ensure_page(
            home,
            NewsIndexPage,
            data["slug"],
            lambda: {"title": data["title"], "intro": data["intro"]},
            unique=True,
        )
        self.pages["news"] = index
        for item in content.NEWS:
            self.ensure_page(index, NewsPage, item["slug"], lambda item=item: self.news(item))

    def news(self, data):
        return {
            "title": data["title"],
            "date": self.today - dt.timedelta(days=data["days_ago"]),
            "category": self.categories[data["category"]],
            "tags": data["tags"],
            "lead": data["lead"],
            "image": self.image_for(
                NewsPage, "image", f"news:{data['slug']}", f"{data['title']} (illustration)"
            ),
            "body": self.body(NewsPage, data["body"]),
            "related_centres": [self.pages[f"centre:{slug}"] for slug in data["centres"]],
            "related_programmes": [self.pages[f"programme:{slug}"] for slug in data["programmes"]],
        }

    # --- Standard pages ---------------------------------------------------------------------

    def build_standard_pages(self, home):
        def build_missions():
            missions, from_seed = load_missions()
            self.log(
                "  missions read from "
                + (str(missions_seed_path()) if from_seed else "the copy in home/demo/content.py")
            )
            spec = []
            for heading, paragraphs in missions["sections"]:
                spec.append(("h2", heading))
                spec.extend(("p", paragraph) for paragraph in paragraphs)
            spec.append(("figures", *content.KEY_FIGURES))
            return {
                "title": missions["title"],
                "intro": missions["intro"],
                "body": self.body(StandardPage, spec),
            }

        self.pages["missions"], _ = self.ensure_page(
            home, StandardPage, content.MISSIONS["slug"], build_missions
        )
        for data in content.STANDARD_PAGES:
            parent = self.pages[data["section"]] if "section" in data else home
            # A demo built before the association's pages moved under the missions
            # page has them under the home page: they stay there, not built twice.
            earlier = home.get_children().filter(locale=self.locale, slug=data["slug"]).first()
            if parent is not home and earlier is not None:
                self.pages[data["slug"]] = earlier.specific
                continue
            page, _ = self.ensure_page(
                parent,
                StandardPage,
                data["slug"],
                lambda data=data: {
                    "title": data["title"],
                    "intro": data["intro"],
                    "body": self.body(StandardPage, data["body"]),
                },
            )
            self.pages[data["slug"]] = page

    # --- Menu and footer ----------------------------------------------------------------

    def ensure_menu(self):
        if NavigationMenu.objects.filter(locale=self.locale).exists():
            return
        menu = NavigationMenu(
            name=content.MENU_NAME,
            locale=self.locale,
            items=[
                NavigationItem(label=label, link_page=self.pages[key], locale=self.locale)
                for label, key in content.MENU_ITEMS
            ],
        )
        menu.save()
        self.created["navigation menus"] += 1

    def ensure_footer(self):
        if Footer.objects.filter(locale=self.locale).exists():
            return
        footer = Footer(
            about=content.FOOTER_ABOUT,
            address=content.SEAT_LINES,
            locale=self.locale,
            links=[
                FooterLink(label=label, link_page=self.pages[key], locale=self.locale)
                for label, key in content.FOOTER_LINKS
            ],
        )
        footer.save()
        self.created["footers"] += 1

    def delete_stored_files(self):
        """Remove the files written by a run whose database changes were rolled back."""
        for field_file in self.stored_files:
            field_file.storage.delete(field_file.name)
        self.stored_files.clear()

    # --- Report -----------------------------------------------------------------------

    def summary(self):
        parts = [
            f"{count} {name if count > 1 else SINGULAR.get(name, name)}"
            for name, count in self.created.items()
            if count
        ]
        lines = []
        if parts:
            lines.append("Created " + ", ".join(parts) + ".")
        other_models = set(self.images_by_model) - {self.image_model._meta.label}
        if other_models:
            lines.append(
                "Images by model (each is stored in the model its foreign key points to): "
                + ", ".join(f"{label}: {count}" for label, count in self.images_by_model.items())
                + "."
            )
        lines.extend(change[0].upper() + change[1:] + "." for change in self.changes)
        return "\n".join(lines) if lines else "The demo content is complete: nothing to do."
