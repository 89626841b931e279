"""The Django admin: where admins upload and manage articles."""

from typing import TYPE_CHECKING

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext, gettext_lazy as _, ngettext

from newsdiff.forms import ArticleUploadForm, ArticleVersionForm
from newsdiff.models import (
    AlignmentRun,
    Annotation,
    AnnotationEvent,
    Article,
    ArticleVersion,
    Comparison,
    ExportRecord,
    Job,
    Link,
    Passage,
)
from newsdiff.services.jobs import job_start

if TYPE_CHECKING:
    from newsdiff.services.articles import ArticleMeta

# The import pipeline (services.articles: decoding, extraction, segmentation) and the version differ
# (services.versions) are imported where an upload uses them: every command loads this module at start-up.


class ArticleInline(admin.TabularInline):
    model = Article
    fields = ["title", "source", "outlet", "published_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True


@admin.register(Comparison)
class ComparisonAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "status", "visibility", "last_activity_at"]
    list_filter = ["status", "visibility"]
    filter_horizontal = ["allowed_users", "allowed_groups"]
    search_fields = ["title", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["created_at", "last_activity_at", "created_by"]
    inlines = [ArticleInline]
    actions = ["realign"]

    @admin.action(description=_("Run the alignment again (reviewers' verdicts are kept)"))
    def realign(self, request, queryset):
        for comparison in queryset:
            job_start(kind=Job.Kind.REALIGN, comparison=comparison, user=request.user)
        count = queryset.count()
        self.message_user(
            request,
            ngettext(
                "Aligning %(count)d comparison again in the background; its page shows progress.",
                "Aligning %(count)d comparisons again in the background; each comparison's page shows progress.",
                count,
            ) % {"count": count},
        )

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


class VersionInline(admin.TabularInline):
    model = ArticleVersion
    fields = ["number", "original_filename", "original_format", "checksum", "created_at", "created_by"]
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "source", "outlet", "comparison", "published_at", "created_at"]
    list_filter = ["comparison"]
    search_fields = ["title", "source", "outlet", "author"]
    fields = ["comparison", "title", "source", "outlet", "author", "url", "published_at", "language", "version_link",
              "versions_links"]
    readonly_fields = ["comparison", "version_link", "versions_links"]
    inlines = [VersionInline]
    actions = ["refetch"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    @admin.display(description=_("Versions"))
    def versions_links(self, obj):
        if not obj.pk:
            return "—"
        return format_html(
            '<a class="button" href="{}">{}</a> · <a href="{}">{}</a>',
            reverse("admin:newsdiff_article_version_add", args=[obj.pk]),
            gettext("Add a new version"),
            obj.get_absolute_url(),
            gettext("Versions and changes"),
        )

    @admin.action(description=_("Fetch the web address again (adds a version where the page changed)"))
    def refetch(self, request, queryset):
        for article in queryset.order_by("pk"):
            if not article.url:
                message = gettext("“%(title)s” has no web address to fetch.") % {"title": article.title}
                self.message_user(request, message, messages.WARNING)
                continue
            job = job_start(kind=Job.Kind.REFETCH, article=article, user=request.user)
            self.message_user(
                request,
                format_html(
                    gettext("“{}”: fetching again in the background — <a href=\"{}\">progress</a>."),
                    article.title,
                    job.get_absolute_url(),
                ),
            )

    def get_urls(self):
        extra = [
            path(
                "<int:object_id>/versions/add/",
                self.admin_site.admin_view(self.version_add_view),
                name="newsdiff_article_version_add",
            )
        ]
        return extra + super().get_urls()

    def version_add_view(self, request, object_id):
        """Add a new version of one article from text, a file or the web; verdicts follow their passages."""
        from newsdiff.services.articles import ImportRefused
        from newsdiff.services.versions import article_version_add

        article = get_object_or_404(Article, pk=object_id)
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        form = ArticleVersionForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            # Fetches run in the background (a job page shows progress); a file or text is split here, so
            # the new version has its passages at once, and only its alignment waits for the worker.
            if data["refetch"] or data["fetch_url"]:
                if data["refetch"]:
                    job = job_start(kind=Job.Kind.REFETCH, article=article, user=request.user)
                else:
                    job = job_start(
                        kind=Job.Kind.VERSION_FETCH, article=article, params={"url": data["fetch_url"]}, user=request.user
                    )
                return redirect(job.get_absolute_url())
            try:
                with transaction.atomic():
                    if data["file"]:
                        version = article_version_add(
                            article=article, data=data["file"].read(), filename=data["file"].name, user=request.user, align=False
                        )
                    else:
                        version = article_version_add(article=article, content=data["text"], user=request.user, align=False)
                    job_start(kind=Job.Kind.ALIGN, article=article, user=request.user)
            except ImportRefused as refusal:
                form.add_error(None, refusal.reason)
            else:
                messages.success(
                    request,
                    gettext("Added v%(number)s. %(summary)s Aligning it again in the background.")
                    % {"number": version.number, "summary": version.carry.summary()},
                )
                return redirect("admin:newsdiff_article_change", article.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": article,
            "title": gettext("New version of “%(title)s”") % {"title": article.title},
            "form": form,
            "has_view_permission": True,
        }
        return TemplateResponse(request, "newsdiff/article_version_add.html", context)

    @admin.display(description=_("Current version"))
    def version_link(self, obj):
        if not obj.current_version_id:
            return "—"
        count = obj.passages.filter(version_id=obj.current_version_id).count()
        return format_html(
            ngettext("v{} · {} passage", "v{} · {} passages", count), obj.current_version.number, count
        )

    def add_view(self, request, form_url="", extra_context=None):
        """Upload pasted text or one or several files through the import service."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        initial = {"comparison": request.GET.get("comparison")}
        form = ArticleUploadForm(request.POST or None, request.FILES or None, initial=initial)
        if request.method == "POST" and form.is_valid():
            imported = self._import(request, form)
            if isinstance(imported, Job):
                return redirect(imported.get_absolute_url())
            if imported is not None:
                messages.success(
                    request,
                    ngettext("Imported %(count)d article; aligning in the background.",
                             "Imported %(count)d articles; aligning in the background.", len(imported))
                    % {"count": len(imported)},
                )
                if len(imported) == 1:
                    return redirect("admin:newsdiff_article_change", imported[0].pk)
                return redirect("admin:newsdiff_article_changelist")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": gettext("Upload articles"),
            "form": form,
            "has_view_permission": True,
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/newsdiff/article/upload.html", context)

    def _import(self, request, form):
        from newsdiff.services.articles import ArticleMeta, ImportRefused, article_import

        data = form.cleaned_data
        meta = ArticleMeta(
            source=data["source"],
            title=data["title"],
            outlet=data["outlet"],
            author=data["author"],
            url=data["url"],
            published_at=data["published_at"],
            language=data["language"],
        )
        uploads = data["files"]
        current = ""
        try:
            if data.get("fetch_url"):
                # Fetching, importing and aligning all run in the background; the job page shows how it goes.
                meta_fields = {**meta.__dict__, "published_at": meta.published_at.isoformat() if meta.published_at else None}
                return job_start(
                    kind=Job.Kind.FETCH,
                    comparison=data["comparison"],
                    params={"url": data["fetch_url"], "meta": meta_fields},
                    user=request.user,
                )
            # Several files import together or not at all. Each is split here (an article always has its
            # passages); aligning it with the other accounts is a background job.
            with transaction.atomic():
                if not uploads:
                    imported = [
                        article_import(
                            comparison=data["comparison"], meta=meta, content=data["text"], user=request.user, align=False
                        )
                    ]
                else:
                    imported = []
                    for upload in uploads:
                        current = upload.name
                        imported.append(
                            article_import(
                                comparison=data["comparison"],
                                meta=meta if len(uploads) == 1 else _meta_for_file(meta),
                                data=upload.read(),
                                filename=upload.name,
                                user=request.user,
                                align=False,
                            )
                        )
                for article in imported:
                    job_start(kind=Job.Kind.ALIGN, article=article, user=request.user)
                return imported
        except ImportRefused as refusal:
            prefix = f"{current}: " if current else ""
            nothing = " " + gettext("Nothing was imported.") if len(uploads) > 1 else ""
            form.add_error(None, prefix + refusal.reason + nothing)
            if refusal.existing:
                form.add_error(
                    None,
                    format_html(
                        gettext('See the existing article: <a href="{}">{}</a>.'),
                        refusal.existing.get_absolute_url(),
                        refusal.existing.title,
                    ),
                )
            return None


def _meta_for_file(meta: "ArticleMeta") -> "ArticleMeta":
    """With several files, a shared title would clash: each takes its title from its own text."""
    return type(meta)(**{**meta.__dict__, "title": ""})


@admin.register(Passage)
class PassageAdmin(admin.ModelAdmin):
    list_display = ["article", "index", "kind", "text"]
    list_filter = ["kind", "article__comparison"]
    search_fields = ["text"]
    readonly_fields = ["article", "version", "index", "start", "end", "text", "paragraph", "row_version"]


@admin.register(Link)
class LinkAdmin(admin.ModelAdmin):
    list_display = ["pk", "comparison", "origin", "status", "score", "suggested_label"]
    list_filter = ["status", "origin", "suggested_label", "comparison"]
    raw_id_fields = ["a_passages", "b_passages", "article_a", "article_b", "alignment_run", "created_by"]


@admin.register(Annotation)
class AnnotationAdmin(admin.ModelAdmin):
    list_display = ["pk", "comparison", "reviewer", "label", "is_final", "updated_at"]
    list_filter = ["label", "is_final", "comparison"]
    raw_id_fields = ["link", "passage", "reviewer"]

    def has_delete_permission(self, request, obj=None):
        return False  # history must stay whole: clear a tag instead


@admin.register(AnnotationEvent)
class AnnotationEventAdmin(admin.ModelAdmin):
    list_display = ["at", "actor", "action", "comparison"]
    list_filter = ["action", "comparison"]

    def has_view_permission(self, request, obj=None):
        # Whoever may import may see how imports and alignments went (no role change needed).
        return request.user.has_perm("newsdiff.add_article") or super().has_view_permission(request, obj)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


admin.site.register(AlignmentRun)
admin.site.register(ExportRecord)
admin.site.site_header = _("newsdiff administration")
admin.site.site_title = _("newsdiff administration")


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    """Background work, read-only: what ran, how it went, why it failed."""

    list_display = ["kind", "status", "comparison", "article", "created_by", "created_at", "finished_at"]
    list_filter = ["status", "kind"]
    readonly_fields = [f.name for f in Job._meta.fields]

    def has_view_permission(self, request, obj=None):
        # Whoever may import may see how imports and alignments went (no role change needed).
        return request.user.has_perm("newsdiff.add_article") or super().has_view_permission(request, obj)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
