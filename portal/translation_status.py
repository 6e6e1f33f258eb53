"""Translation status of the whole site: for each language, what is translated,
missing, out of date (the source changed after its translation was last synced)
or waiting for review."""

import csv
from dataclasses import dataclass

from django.conf import settings
from django.contrib.admin.utils import quote
from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, TranslatableMixin, WorkflowState
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import TranslationSource

TRANSLATED, OUTDATED, IN_REVIEW, MISSING = "translated", "outdated", "in_review", "missing"
STATUS_LABELS = {
    TRANSLATED: _("Translated"),
    OUTDATED: _("Out of date"),
    IN_REVIEW: _("Waiting for review"),
    MISSING: _("Missing"),
}


@dataclass
class Row:
    kind: str
    title: str
    locale: Locale
    status: str
    action_label: str
    action_url: str

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]


def _source_objects(source_locale):
    pages = list(
        Page.objects.filter(locale=source_locale, depth__gt=1, alias_of__isnull=True)
        .live()
        .order_by("path")
        .select_related("content_type")
    )
    snippets = []
    for model in get_snippet_models():
        if issubclass(model, TranslatableMixin):
            snippets.extend(model.objects.filter(locale=source_locale))
    return pages, snippets


def build_report(locales=None):
    """Rows for every source page and translatable snippet in every target language."""
    source_locale = Locale.get_default()
    if locales is None:
        codes = [code for code, _name in settings.LANGUAGES if code != source_locale.language_code]
        locales = list(Locale.objects.filter(language_code__in=codes).order_by("language_code"))
    pages, snippets = _source_objects(source_locale)
    keys = [obj.translation_key for obj in pages + snippets]
    sources = {
        source.object_id: source for source in TranslationSource.objects.filter(object_id__in=keys)
    }
    translated_pages = {
        (page.translation_key, page.locale_id): page
        for page in Page.objects.filter(translation_key__in=keys, alias_of__isnull=True).exclude(
            locale=source_locale
        )
    }
    in_review = set(
        WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS,
            base_content_type__model="page",
            object_id__in=[str(page.pk) for page in translated_pages.values()],
        ).values_list("object_id", flat=True)
    )
    translated_snippets = set()
    for model in {type(snippet) for snippet in snippets}:
        translated_snippets.update(
            model.objects.filter(translation_key__in=keys)
            .exclude(locale=source_locale)
            .values_list("translation_key", "locale_id")
        )

    rows = []
    for locale in locales:
        for page in pages:
            target = translated_pages.get((page.translation_key, locale.pk))
            source = sources.get(page.translation_key)
            if target is None:
                status = MISSING
                action = (
                    _("Translate"),
                    reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
                )
            elif str(target.pk) in in_review:
                status = IN_REVIEW
                action = (_("Review"), reverse("wagtailadmin_pages:edit", args=[target.pk]))
            elif (
                source is not None
                and page.last_published_at
                and page.last_published_at > source.last_updated_at
            ):
                status = OUTDATED
                action = (
                    _("Sync"),
                    reverse("wagtail_localize:update_translations", args=[source.pk]),
                )
            else:
                status = TRANSLATED
                action = (_("Edit"), reverse("wagtailadmin_pages:edit", args=[target.pk]))
            rows.append(
                Row(
                    str(page.specific_class._meta.verbose_name),
                    page.title,
                    locale,
                    status,
                    *action,
                )
            )
        for snippet in snippets:
            meta = snippet._meta
            if (snippet.translation_key, locale.pk) in translated_snippets:
                status, label = TRANSLATED, _("Edit")
                url = reverse(
                    f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit",
                    args=[quote(snippet.get_translation(locale).pk)],
                )
            else:
                status, label = MISSING, _("Translate")
                url = reverse(
                    "wagtail_localize:submit_snippet_translation",
                    args=[meta.app_label, meta.model_name, quote(snippet.pk)],
                )
            rows.append(Row(str(meta.verbose_name), str(snippet), locale, status, label, url))
    return rows


def summarise(rows):
    """``{locale: {status: count}}`` in the order of the rows."""
    summary = {}
    for row in rows:
        counts = summary.setdefault(row.locale, dict.fromkeys(STATUS_LABELS, 0))
        counts[row.status] += 1
    return summary


def csv_response(rows):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="translation-status.csv"'
    writer = csv.writer(response)
    writer.writerow(["language", "type", "title", "status", "action"])
    for row in rows:
        writer.writerow([row.locale.language_code, row.kind, row.title, row.status, row.action_url])
    return response
