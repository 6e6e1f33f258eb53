"""Security of the public site and the admin against hostile or broken input.

Headers (CSP, frame denial), admin sign-in throttling, refused uploads, rich
text that cannot carry scripts, CSRF on every form, and query strings that
never crash a page.
"""

import io
import json
from html import escape

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse
from PIL import Image
from wagtail.admin.rich_text import DraftailRichTextArea
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from enquiries.tests.factories import build_enquiry_form
from portal.blocks import RICH_TEXT_FEATURES
from portal.tests.translation import translate

PASSWORD = "un-mot-de-passe-assez-long-7"


def csp_directives(response):
    """The Content-Security-Policy header as {directive: [sources]}."""
    header = response.headers["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


@pytest.fixture
def editor(django_user_model):
    """Someone who may use the admin (and so sees the userbar on public pages)."""
    user = django_user_model.objects.create_user(
        username="editrice", email="editrice@example.org", password=PASSWORD
    )
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return user


def png_bytes(size=(4, 4)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "teal").save(buffer, format="PNG")
    return buffer.getvalue()


# --- Headers ----------------------------------------------------------------------------


def test_public_pages_send_a_strict_content_security_policy(client, site_tree):
    response = client.get(site_tree.centre.url)
    assert response.status_code == 200
    policy = csp_directives(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["connect-src"] == ["'self'"]
    # Map tiles come from the configured tile server, embedded players from their providers.
    assert "https://tile.openstreetmap.org" in policy["img-src"]
    assert "https://www.youtube.com" in policy["frame-src"]
    header = response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in header
    assert "unsafe-eval" not in header


def test_public_pages_deny_framing_and_sniffing(client, site_tree):
    response = client.get(site_tree.home.url)
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.parametrize(
    "path", ["/sitemap.xml", "/robots.txt", "/api/v2/pages/", "/fr/search/?q=abbaye"]
)
def test_every_kind_of_response_carries_the_policy(client, site_tree, path):
    response = client.get(path)
    assert response.status_code == 200
    assert csp_directives(response)["script-src"] == ["'self'"]


def test_tile_server_with_subdomain_placeholder_becomes_a_wildcard():
    from portal.settings.base import _origin

    assert _origin("https://{s}.tile.example.org/{z}/{x}/{y}.png") == "https://*.tile.example.org"
    assert _origin("https://tile.openstreetmap.org/{z}/{x}/{y}.png") == (
        "https://tile.openstreetmap.org"
    )
    assert _origin("/media/") is None
    assert _origin("") is None


def test_no_public_page_runs_inline_script(client, site_tree):
    """Every <script> of a rendered page is external or a JSON data block."""
    build_enquiry_form(site_tree.label)
    pages = [site_tree.home, site_tree.network, site_tree.centre, site_tree.label]
    pages += [site_tree.call, site_tree.call_index, site_tree.news, site_tree.position]
    from bs4 import BeautifulSoup

    for page in pages:
        soup = BeautifulSoup(client.get(page.url).content, "html.parser")
        for script in soup.find_all("script"):
            assert script.get("src") or script.get("type") in {
                "application/json",
                "application/ld+json",
            }, (page.url, str(script)[:200])
        for element in soup.find_all(True):
            handlers = [name for name in element.attrs if name.lower().startswith("on")]
            assert not handlers, (page.url, element.name, handlers)
            assert "style" not in element.attrs, (page.url, str(element)[:200])


def test_editors_userbar_runs_no_inline_script(client, site_tree, editor):
    client.force_login(editor)
    response = client.get(site_tree.news.url)
    content = response.content.decode()
    assert "wagtail-userbar" in content
    from bs4 import BeautifulSoup

    for script in BeautifulSoup(content, "html.parser").find_all("script"):
        assert script.get("src") or script.get("type") in {
            "application/json",
            "application/ld+json",
        }


def test_admin_has_its_own_policy_and_is_not_frameable_by_others(admin_client, site_tree):
    response = admin_client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    policy = csp_directives(response)
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    # Wagtail's admin runs inline scripts: its policy must not forbid them.
    assert "script-src" not in policy
    assert "default-src" not in policy
    assert response.headers["X-Frame-Options"] == "DENY"


def test_page_preview_can_be_framed_by_the_admin_only(admin_client, site_tree):
    page = site_tree.news
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    # Without form data posted first, Wagtail answers with its "preview unavailable"
    # page: the same view, with the same headers as a rendered preview.
    response = admin_client.get(url)
    assert response.status_code == 200
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
    assert csp_directives(response)["frame-ancestors"] == ["'self'"]


def test_embedded_media_keep_their_ratio_without_an_inline_style():
    from django.template.loader import render_to_string
    from wagtail.embeds.models import Embed

    embed = Embed(url="https://www.youtube.com/watch?v=x", html="<iframe></iframe>")
    embed.width, embed.height = 640, 360
    html = render_to_string("wagtailembeds/embed_frontend.html", {"embed": embed})
    assert "style=" not in html
    assert "responsive-object--wide" in html
    embed.width, embed.height = 360, 640
    html = render_to_string("wagtailembeds/embed_frontend.html", {"embed": embed})
    assert "responsive-object--portrait" in html


# --- Admin sign-in throttling -----------------------------------------------------------


def sign_in(client, username, password, address="203.0.113.7"):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        HTTP_ACCEPT_LANGUAGE="en",
    )


def test_sixth_attempt_after_five_failures_is_refused_even_with_the_right_password(client, editor):
    for _attempt in range(5):
        response = sign_in(client, "editrice", "wrong-password")
    response = sign_in(client, "editrice", PASSWORD)
    assert response.status_code == 429
    content = response.content.decode()
    assert "Sign-in temporarily blocked" in content
    assert "15 minutes" in content
    assert "_auth_user_id" not in client.session
    # Looks like the admin, runs under the admin's policy.
    assert "wagtailadmin/css/core.css" in content or "core.css" in content


def test_lockout_spares_other_users_and_other_addresses(client, editor, django_user_model):
    django_user_model.objects.create_user(username="collegue", password=PASSWORD, is_staff=True)
    for _attempt in range(5):
        sign_in(client, "editrice", "wrong-password")
    # Another user at the same address signs in.
    response = sign_in(Client(), "collegue", PASSWORD)
    assert response.status_code == 302
    # The same user from another address signs in.
    response = sign_in(Client(), "editrice", PASSWORD, address="198.51.100.4")
    assert response.status_code == 302


def test_fewer_failures_than_the_limit_do_not_lock_out(client, editor):
    for _attempt in range(4):
        sign_in(client, "editrice", "wrong-password")
    response = sign_in(client, "editrice", PASSWORD)
    assert response.status_code == 302


@override_settings(ENQUIRY_TRUST_X_FORWARDED_FOR=True)
def test_behind_a_proxy_the_visitors_address_is_counted(client, editor):
    """With ENQUIRY_TRUST_X_FORWARDED_FOR, one visitor's lockout leaves the proxy usable."""
    proxy = "10.0.0.1"
    for _attempt in range(5):
        client.post(
            reverse("wagtailadmin_login"),
            {"username": "editrice", "password": "wrong"},
            REMOTE_ADDR=proxy,
            HTTP_X_FORWARDED_FOR="203.0.113.7",
        )
    response = Client().post(
        reverse("wagtailadmin_login"),
        {"username": "editrice", "password": PASSWORD},
        REMOTE_ADDR=proxy,
        HTTP_X_FORWARDED_FOR="198.51.100.4",
    )
    assert response.status_code == 302


# --- Uploads ------------------------------------------------------------------------------


def assert_upload_refused(response):
    """The form came back with an error on the file, shown to the editor; returns it."""
    assert response.status_code == 200
    [message, *_others] = response.context["form"].errors["file"]
    assert escape(message) in response.content.decode()
    return message


def test_text_file_named_jpg_is_refused_as_an_image(admin_client, site_tree):
    fake = SimpleUploadedFile("affiche.jpg", b"not an image at all\n", content_type="image/jpeg")
    response = admin_client.post(
        reverse("wagtailimages:add"), {"title": "Affiche", "file": fake, "credit": ""}
    )
    message = assert_upload_refused(response)
    assert "image" in message
    assert not get_image_model().objects.filter(title="Affiche").exists()


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=123)
def test_oversized_image_is_refused_with_the_limit(admin_client, site_tree):
    picture = SimpleUploadedFile("facade.png", png_bytes((64, 64)), content_type="image/png")
    assert picture.size > 123
    response = admin_client.post(reverse("wagtailimages:add"), {"title": "Façade", "file": picture})
    assert "123" in assert_upload_refused(response)  # the limit, in bytes
    assert not get_image_model().objects.filter(title="Façade").exists()


def test_a_real_image_is_accepted(admin_client, site_tree):
    picture = SimpleUploadedFile("facade.png", png_bytes(), content_type="image/png")
    response = admin_client.post(reverse("wagtailimages:add"), {"title": "Façade", "file": picture})
    assert response.status_code == 302
    assert get_image_model().objects.filter(title="Façade").exists()


@pytest.mark.parametrize("name", ["outil.exe", "page.html", "script.svg", "macro.docm"])
def test_document_with_a_forbidden_extension_is_refused(admin_client, site_tree, name):
    upload = SimpleUploadedFile(name, b"MZ\x90\x00payload", content_type="application/octet-stream")
    response = admin_client.post(reverse("wagtaildocs:add"), {"title": "Pièce", "file": upload})
    message = assert_upload_refused(response)
    assert name.rsplit(".", 1)[1] in message
    assert "pdf" in message  # and names the allowed ones
    assert not get_document_model().objects.filter(title="Pièce").exists()


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=37)
def test_oversized_document_is_refused(admin_client, site_tree):
    upload = SimpleUploadedFile("rapport.pdf", b"%PDF-1.4 " + b"x" * 100)
    response = admin_client.post(reverse("wagtaildocs:add"), {"title": "Rapport", "file": upload})
    assert "37" in assert_upload_refused(response)  # the limit, in bytes
    assert not get_document_model().objects.filter(title="Rapport").exists()


# --- Rich text ------------------------------------------------------------------------------


def contentstate(text, url):
    """What Draftail posts: one paragraph whose last word links to ``url``."""
    word = text.split()[-1]
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "a1b2c",
                    "type": "unstyled",
                    "text": text,
                    "depth": 0,
                    "inlineStyleRanges": [],
                    "entityRanges": [
                        {"offset": len(text) - len(word), "length": len(word), "key": 0}
                    ],
                    "data": {},
                }
            ],
            "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": url}}},
        }
    )


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "data:text/html,x"],
)
def test_the_editor_stores_neither_scripts_nor_script_links(client, site_tree, url):
    widget = DraftailRichTextArea(features=RICH_TEXT_FEATURES)
    text = '<script>alert(1)</script><img src=x onerror="alert(2)"> lien'
    stored = widget.value_from_datadict({"body": contentstate(text, url)}, {}, "body")
    assert "<script" not in stored
    assert "<img" not in stored
    assert "href" not in stored  # the link keeps its text and loses the dangerous target
    page = site_tree.standard
    page.body = [{"type": "paragraph", "value": stored}]
    page.save_revision().publish()
    content = client.get(page.url).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content
    assert "<script>alert(1)" not in content
    assert "javascript:" not in content.lower()


def test_the_editor_keeps_ordinary_links(site_tree):
    widget = DraftailRichTextArea(features=RICH_TEXT_FEATURES)
    stored = widget.value_from_datadict(
        {"body": contentstate("Voir le site", "https://www.accr-europe.org/")}, {}, "body"
    )
    assert 'href="https://www.accr-europe.org/"' in stored


def test_translations_cannot_bring_scripts_into_rich_text(client, multilingual_tree):
    """wagtail-localize refuses block tags and attributes in translated strings."""
    tree = multilingual_tree
    page = tree.standard
    page.body = [{"type": "paragraph", "value": "<p>Bonjour <b>monde</b></p>"}]
    page.save_revision().publish()
    english = translate(
        page,
        "en",
        {
            "Les missions": "Missions",
            "Bonjour <b>monde</b>": '<script>alert(1)</script><b onclick="alert(2)">Hello</b>',
        },
    )
    rendered = client.get(english.url).content.decode()
    assert "alert(" not in rendered
    assert "onclick" not in rendered


def test_script_smuggled_into_stored_rich_text_is_blocked_by_the_policy(client, site_tree):
    """Rich text written by code rather than the editor is not cleaned when rendered;
    the Content-Security-Policy is what stops it from running."""
    page = site_tree.standard
    page.body = [{"type": "paragraph", "value": '<p>x<img src=x onerror="alert(1)"></p>'}]
    page.save_revision().publish()
    response = client.get(page.url)
    policy = csp_directives(response)
    assert policy["script-src"] == ["'self'"]  # inline handlers and javascript: URLs never run


# --- CSRF --------------------------------------------------------------------------------------


@pytest.fixture
def csrf_client():
    return Client(enforce_csrf_checks=True)


def test_enquiry_form_refuses_a_post_without_csrf_token(csrf_client, site_tree):
    form_page = build_enquiry_form(site_tree.label)
    response = csrf_client.post(form_page.url, {"nom_complet": "Rania Haddad"})
    assert response.status_code == 403
    from wagtail.contrib.forms.models import FormSubmission

    assert not FormSubmission.objects.exists()


def test_enquiry_form_accepts_the_token_it_hands_out(csrf_client, site_tree):
    form_page = build_enquiry_form(site_tree.label)
    csrf_client.get(form_page.url)
    token = csrf_client.cookies["csrftoken"].value
    response = csrf_client.post(form_page.url, {"csrfmiddlewaretoken": token})
    assert response.status_code != 403


def test_admin_login_refuses_a_post_without_csrf_token(csrf_client, editor):
    response = csrf_client.post(
        reverse("wagtailadmin_login"), {"username": "editrice", "password": PASSWORD}
    )
    assert response.status_code == 403
    assert "_auth_user_id" not in csrf_client.session


def test_frontend_login_for_private_pages_refuses_a_post_without_csrf_token(csrf_client, editor):
    response = csrf_client.post(
        reverse("wagtailcore_login"), {"username": "editrice", "password": PASSWORD}
    )
    assert response.status_code == 403


def test_admin_edit_refuses_a_post_without_csrf_token(csrf_client, site_tree, django_user_model):
    admin = django_user_model.objects.create_superuser("chef", "chef@example.org", PASSWORD)
    csrf_client.force_login(admin)
    response = csrf_client.post(
        reverse("wagtailadmin_pages:edit", args=[site_tree.news.pk]), {"title": "Piraté"}
    )
    assert response.status_code == 403
    site_tree.news.refresh_from_db()
    assert site_tree.news.title == "Rencontre annuelle"


def test_password_protected_page_form_refuses_a_post_without_csrf_token(csrf_client, site_tree):
    from wagtail.models import PageViewRestriction

    restriction = PageViewRestriction.objects.create(
        page=site_tree.news, restriction_type=PageViewRestriction.PASSWORD, password="sesame"
    )
    url = reverse(
        "wagtailcore_authenticate_with_password", args=[restriction.pk, site_tree.news.pk]
    )
    response = csrf_client.post(url, {"password": "sesame", "return_url": site_tree.news.url})
    assert response.status_code == 403


# --- Garbage query strings -----------------------------------------------------------------

GARBAGE_QUERIES = [
    "page=-1",
    "page=0",
    "page=abc",
    "page=99999999999999999999",
    "page=1e309",
    "country=%00",
    "q=%00%01%1b%7f",
    "q=" + "x" * 5000,
    "theme=" + "é" * 2000,
    "page=1&page=2&page=abc",
    "status=open&status=closed&status=%ff",
    "status[]=x&country[]=FR",
    "unknown=1&utm_source=newsletter",
    "q=%ff%fe&country=%ff%fe",
    "%ff%fe=%ff%fe",
    "year=-1&month=13&category=%27%22%3E%3Cscript%3E",
    "languages=all&q=%E2%80%AE%E2%80%8B",
    "format=../../etc/passwd&type=news.NewsPage&fields=*,owner&limit=-5&offset=abc",
    "type=wagtailcore.Page&order=-nonexistent&search=%00",
    "eligible=%ff&membership=x&programme=abc&host_country=%00",
    "q=" + "%22" * 300,
    "&&&==&=",
]


# Every public page type and route, as a function of the site tree.
PUBLIC_URLS = {
    "home": lambda tree: tree.home.url,
    "directory": lambda tree: tree.network.url,
    "centre": lambda tree: tree.centre.url,
    "label": lambda tree: tree.label.url,
    "enquiry form": lambda tree: build_enquiry_form(tree.label).url,
    "programmes": lambda tree: tree.programmes.url,
    "programme": lambda tree: tree.programme.url,
    "calls page": lambda tree: tree.call_index.url,
    "call": lambda tree: tree.call.url,
    "call eligibility": lambda tree: tree.call.url + "eligibility/",
    "call calendar": lambda tree: tree.call.url + "calendar/",
    "calls rss": lambda tree: tree.call_index.url + "rss/",
    "calls atom": lambda tree: tree.call_index.url + "atom/",
    "calls deadlines": lambda tree: tree.call_index.url + "deadlines/",
    "news index": lambda tree: tree.news_index.url,
    "news rss": lambda tree: tree.news_index.url + "rss/",
    "news atom": lambda tree: tree.news_index.url + "atom/",
    "news item": lambda tree: tree.news.url,
    "advocacy": lambda tree: tree.advocacy_index.url,
    "advocacy position": lambda tree: tree.position.url,
    "standard page": lambda tree: tree.standard.url,
    "search": lambda tree: "/fr/search/",
    "search suggestions": lambda tree: "/fr/search/suggest/",
    "sitemap": lambda tree: "/sitemap.xml",
    "robots": lambda tree: "/robots.txt",
    "api pages": lambda tree: "/api/v2/pages/",
    "api images": lambda tree: "/api/v2/images/",
    "api documents": lambda tree: "/api/v2/documents/",
    "missing page": lambda tree: "/fr/nulle-part/",
}


@pytest.mark.parametrize("name", PUBLIC_URLS)
def test_garbage_query_strings_never_produce_a_server_error(site_tree, name):
    """Every public page type, every hostile query string: an answer, never a 500."""
    client = Client(raise_request_exception=False)
    url = PUBLIC_URLS[name](site_tree)
    assert client.get(url).status_code in {200, 404}
    failures = []
    for query in GARBAGE_QUERIES:
        response = client.get(f"{url}?{query}")
        if response.status_code >= 500:
            failures.append(f"{url}?{query[:80]} → {response.status_code}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("query", GARBAGE_QUERIES)
def test_garbage_on_a_post_to_the_enquiry_form_is_a_form_error(client, site_tree, query):
    form_page = build_enquiry_form(site_tree.label)
    client.raise_request_exception = False
    response = client.post(
        f"{form_page.url}?{query}", data=query, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code < 500
