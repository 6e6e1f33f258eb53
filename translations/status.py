"""Where each translation stands, for the whole site or one person's work.

For every French page and translatable snippet, in every other language, one
:class:`Row` says what happens next and who does it:

- *missing*: nobody asked for it yet (Communication: *Translate*);
- *out of date*: the French page was published after its translation was last
  synced (Communication: *Sync*);
- *waiting for review* (Reviewers: *Review*);
- *changes requested*: the reviewer sent it back (translator);
- *to translate*: texts of it have no translation yet, because it is new or
  because they changed in French (translator);
- *ready to submit*: every text is translated but not sent for review yet
  (translator);
- *translated*: live and up to date.

The rows are built from a handful of queries whatever the number of pages:
texts left per translation are counted per language in one query.
"""

import csv
from dataclasses import dataclass

from django.conf import settings
from django.contrib.admin.utils import quote
from django.db.models import Count, Exists, Max, OuterRef, Q
from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, TranslatableMixin, WorkflowState
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

MISSING = "missing"
OUTDATED = "outdated"
IN_REVIEW = "in_review"
CHANGES_REQUESTED = "changes_requested"
TO_TRANSLATE = "to_translate"
READY = "ready"
TRANSLATED = "translated"
STATUS_LABELS = {
    MISSING: _("Missing"),
    OUTDATED: _("Out of date"),
    IN_REVIEW: _("Waiting for review"),
    CHANGES_REQUESTED: _("Changes requested"),
    TO_TRANSLATE: _("To translate"),
    READY: _("Ready to submit"),
    TRANSLATED: _("Translated"),
}
# What translators have to do, in the order their dashboard lists it.
TRANSLATOR_STATUSES = (CHANGES_REQUESTED, TO_TRANSLATE, READY)


@dataclass
class Row:
    kind: str
    title: str
    locale: Locale
    status: str
    action_label: str
    action_url: str
    texts_left: int = 0
    target: object = None
    source_title: str = ""

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]


@dataclass
class Progress:
    total: int
    translated: int
    last_translated_at: object

    @property
    def left(self):
        return self.total - self.translated


def _source_objects(source_locale):
    """The French pages (live, or not live yet but sent for translation) and snippets."""
    pages = list(
        Page.objects.filter(locale=source_locale, depth__gt=1, alias_of__isnull=True)
        .filter(Q(live=True) | Q(translation_key__in=TranslationSource.objects.values("object_id")))
        .order_by("path")
        .select_related("content_type")
    )
    snippets = []
    for model in get_snippet_models():
        if issubclass(model, TranslatableMixin):
            snippets.extend(model.objects.filter(locale=source_locale))
    return pages, snippets


def progress_by_source(sources, locale):
    """``{source id: Progress}`` of the translations of these sources into ``locale``."""
    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale=locale,
        has_error=False,
    )
    rows = (
        StringSegment.objects.filter(source__in=sources)
        .annotate(is_translated=Exists(translated))
        .values("source_id")
        .annotate(total=Count("pk"), translated=Count("pk", filter=Q(is_translated=True)))
    )
    progress = {row["source_id"]: Progress(row["total"], row["translated"], None) for row in rows}
    source_of_object = {source.object_id: source.pk for source in sources}
    last_edits = (
        StringTranslation.objects.filter(locale=locale, context__object_id__in=source_of_object)
        .values("context__object_id")
        .annotate(last=Max("updated_at"))
    )
    for row in last_edits:
        entry = progress.get(source_of_object[row["context__object_id"]])
        if entry is not None:
            entry.last_translated_at = row["last"]
    return progress


def _page_status(page, target, source, translation, progress, workflow_status):
    """The status of ``target``, the translation of the French ``page``, and its next action."""
    edit = (_("Edit"), reverse("wagtailadmin_pages:edit", args=[target.pk]))
    if (
        source is not None
        and page.last_published_at
        and page.last_published_at > (source.last_updated_at)
    ):
        return OUTDATED, (
            _("Sync"),
            reverse("wagtail_localize:update_translations", args=[source.pk]),
        )
    if workflow_status == WorkflowState.STATUS_IN_PROGRESS:
        return IN_REVIEW, (_("Review"), edit[1])
    if workflow_status == WorkflowState.STATUS_NEEDS_CHANGES:
        return CHANGES_REQUESTED, edit
    if translation is None:
        # Translated outside wagtail-localize's editor (translation stopped): Wagtail's own.
        return (TRANSLATED if target.live and not target.has_unpublished_changes else READY), edit
    if progress is not None and progress.left:
        return TO_TRANSLATE, edit
    if not target.live or target.has_unpublished_changes:
        return READY, edit
    if (
        progress is not None
        and progress.last_translated_at
        and target.last_published_at
        and progress.last_translated_at > target.last_published_at
    ):
        return READY, edit
    return TRANSLATED, edit


def build_report(locales=None, pages_for=None):
    """Rows for every source page and translatable snippet in every target language.

    ``pages_for`` (a queryset of pages) keeps only the rows whose translated
    page is in it; snippets are then left out: it lists one person's work.
    """
    source_locale = Locale.get_default()
    if locales is None:
        codes = [code for code, _name in settings.LANGUAGES if code != source_locale.language_code]
        locales = list(Locale.objects.filter(language_code__in=codes).order_by("language_code"))
    pages, snippets = _source_objects(source_locale)
    if pages_for is not None:
        snippets = []
    keys = [obj.translation_key for obj in pages + snippets]
    sources = {
        source.object_id: source for source in TranslationSource.objects.filter(object_id__in=keys)
    }
    translations = {
        (translation.source_id, translation.target_locale_id): translation
        for translation in Translation.objects.filter(
            source__in=sources.values(), enabled=True, target_locale__in=locales
        )
    }
    targets = Page.objects.filter(translation_key__in=keys, alias_of__isnull=True).exclude(
        locale=source_locale
    )
    if pages_for is not None:
        targets = targets.filter(pk__in=pages_for.values("pk"))
    translated_pages = {(page.translation_key, page.locale_id): page for page in targets}
    workflow_status = dict(
        WorkflowState.objects.filter(
            status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES],
            base_content_type__model="page",
            object_id__in=[str(page.pk) for page in translated_pages.values()],
        ).values_list("object_id", "status")
    )
    translated_snippets = {}
    for model in {type(snippet) for snippet in snippets}:
        for translated in model.objects.filter(translation_key__in=keys).exclude(
            locale=source_locale
        ):
            translated_snippets[(translated.translation_key, translated.locale_id)] = translated
    rows = []
    for locale in locales:
        progress = progress_by_source(list(sources.values()), locale)
        for page in pages:
            target = translated_pages.get((page.translation_key, locale.pk))
            source = sources.get(page.translation_key)
            translation = translations.get((source.pk, locale.pk)) if source else None
            if target is None:
                if pages_for is not None:
                    continue
                status = MISSING
                action = (
                    _("Translate"),
                    reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
                )
                left = 0
            else:
                page_progress = progress.get(source.pk) if source and translation else None
                status, action = _page_status(
                    page,
                    target,
                    source,
                    translation,
                    page_progress,
                    workflow_status.get(str(target.pk)),
                )
                left = page_progress.left if page_progress else 0
            rows.append(
                Row(
                    str(page.specific_class._meta.verbose_name),
                    target.draft_title if target else page.title,
                    locale,
                    status,
                    *action,
                    texts_left=left,
                    target=target,
                    source_title=page.title,
                )
            )
        for snippet in snippets:
            rows.append(_snippet_row(snippet, locale, translated_snippets, sources, progress))
    return rows


def _snippet_row(snippet, locale, translated_snippets, sources, progress):
    meta = snippet._meta
    target = translated_snippets.get((snippet.translation_key, locale.pk))
    if target is None:
        return Row(
            str(meta.verbose_name),
            str(snippet),
            locale,
            MISSING,
            _("Translate"),
            reverse(
                "wagtail_localize:submit_snippet_translation",
                args=[meta.app_label, meta.model_name, quote(snippet.pk)],
            ),
            source_title=str(snippet),
        )
    source = sources.get(snippet.translation_key)
    snippet_progress = progress.get(source.pk) if source else None
    edit_url = reverse(
        f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[quote(target.pk)]
    )
    status = TO_TRANSLATE if snippet_progress is not None and snippet_progress.left else TRANSLATED
    return Row(
        str(meta.verbose_name),
        str(target),
        locale,
        status,
        _("Edit"),
        edit_url,
        texts_left=snippet_progress.left if snippet_progress else 0,
        target=target,
        source_title=str(snippet),
    )


def summarise(rows):
    """``{locale: {status: count}}`` in the order of the rows."""
    summary = {}
    for row in rows:
        counts = summary.setdefault(row.locale, dict.fromkeys(STATUS_LABELS, 0))
        counts[row.status] += 1
    return summary


def csv_response(rows, request):
    """The rows as CSV, every column in the reader's admin language, links absolute."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="translation-status.csv"'
    writer = csv.writer(response)
    writer.writerow(
        [
            gettext("Language"),
            gettext("Type"),
            gettext("Title"),
            gettext("Status"),
            gettext("Texts left to translate"),
            gettext("Next step"),
            gettext("Link"),
        ]
    )
    for row in rows:
        writer.writerow(
            [
                row.locale.get_display_name(),
                row.kind[:1].upper() + row.kind[1:],
                row.title,
                str(row.status_label),
                row.texts_left,
                str(row.action_label),
                request.build_absolute_uri(row.action_url),
            ]
        )
    return response
