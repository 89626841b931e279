"""The vocabulary of newsdiff.

A Comparison is one news event told by two or more Articles (accounts). Each
article keeps every ArticleVersion of its text; the current version is split
into Passages. Links say which passages of two accounts correspond; a
reviewer's verdict on a link or a passage is an Annotation, and every change to
links and annotations is an AnnotationEvent (nothing is edited without a trace).
"""

from django.conf import settings
from django.utils.translation import gettext, gettext_lazy as _
from django.db import models
from django.db.models import F, Q
from django.urls import reverse


class ComparisonQuerySet(models.QuerySet):
    def visible_to(self, user) -> "ComparisonQuerySet":
        """The comparisons user may see: the open ones, and restricted ones naming the user or one of their groups.

        The one visibility rule of the app. Admins (whoever may change comparisons, superusers included) see
        all; anonymous users see none. Role permissions are checked separately by the views.
        """
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        if user.has_perm("newsdiff.change_comparison"):
            return self.all()
        through_users = Comparison.allowed_users.through.objects.filter(user_id=user.pk)
        through_groups = Comparison.allowed_groups.through.objects.filter(group__user=user)
        return self.filter(
            Q(visibility=Comparison.Visibility.EVERYONE)
            | Q(pk__in=through_users.values("comparison_id"))
            | Q(pk__in=through_groups.values("comparison_id"))
        )


class Comparison(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    class Visibility(models.TextChoices):
        EVERYONE = "everyone", _("Everyone with a role")
        RESTRICTED = "restricted", _("Only the people and groups named")

    slug = models.SlugField(max_length=100, unique=True, verbose_name=_("slug"))
    title = models.CharField(max_length=300, verbose_name=_("title"))
    description = models.TextField(blank=True, verbose_name=_("description"))
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN, verbose_name=_("status"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    last_activity_at = models.DateTimeField(auto_now_add=True, verbose_name=_("last activity at"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    visibility = models.CharField(
        max_length=12,
        choices=Visibility.choices,
        default=Visibility.EVERYONE,
        help_text=_(
            "Restricted: only the users and groups below (and admins) see it; to everyone else it does not exist."
        ),
        verbose_name=_("visibility"),
    )
    allowed_users = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name=_("allowed users")
    )
    allowed_groups = models.ManyToManyField(
        "auth.Group", blank=True, related_name="+", verbose_name=_("allowed groups")
    )

    objects = ComparisonQuerySet.as_manager()

    class Meta:
        verbose_name = _("comparison")
        verbose_name_plural = _("comparisons")
        ordering = ["-last_activity_at", "slug"]
        permissions = [
            ("review_comparison", _("Can read and tag comparisons")),
            ("export_comparison", _("Can export comparisons")),
            ("finalize_comparison", _("Can record final verdicts and close comparisons")),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("comparison-detail", kwargs={"slug": self.slug})

    @property
    def is_closed(self) -> bool:
        return self.status == self.Status.CLOSED

    @property
    def is_restricted(self) -> bool:
        return self.visibility == self.Visibility.RESTRICTED

    def is_visible_to(self, user) -> bool:
        """Comparison.objects.visible_to(user) for this one comparison; an open one needs no query."""
        if user is None or not user.is_authenticated or not user.is_active:
            return False
        if self.visibility == self.Visibility.EVERYONE:
            return True
        return Comparison.objects.visible_to(user).filter(pk=self.pk).exists()


class Article(models.Model):
    comparison = models.ForeignKey(
        Comparison, on_delete=models.CASCADE, related_name="articles", verbose_name=_("comparison")
    )
    position = models.PositiveIntegerField(default=0, verbose_name=_("position"))
    title = models.CharField(max_length=500, verbose_name=_("title"))
    outlet = models.CharField(max_length=200, blank=True, verbose_name=_("outlet"))
    source = models.CharField(
        max_length=200,
        help_text=_("Whom the account speaks for, e.g. 'Mexican presidency' or 'Truth Social'."),
        verbose_name=_("source"),
    )
    author = models.CharField(max_length=300, blank=True, verbose_name=_("author"))
    url = models.URLField(max_length=2000, blank=True, verbose_name=_("web address"))
    published_at = models.DateTimeField(null=True, blank=True, verbose_name=_("published at"))
    language = models.CharField(max_length=35, blank=True, verbose_name=_("language"))
    current_version = models.ForeignKey(
        "ArticleVersion",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("current version"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["comparison", "position", "id"]

    def __str__(self):
        return f"{self.title} ({self.source})"

    def get_absolute_url(self):
        return reverse("article-detail", kwargs={"pk": self.pk})

    @property
    def label(self) -> str:
        """Say which account this is, for column headers."""
        return f"{self.source} · {self.outlet}" if self.outlet else self.source


class ArticleVersion(models.Model):
    class Format(models.TextChoices):
        TEXT = "text", _("Plain text")
        MARKDOWN = "markdown", _("Markdown")
        HTML = "html", _("HTML")

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="versions", verbose_name=_("article"))
    number = models.PositiveIntegerField(verbose_name=_("number"))
    original = models.TextField(help_text=_("The upload as decoded, before sanitising."), verbose_name=_("original"))
    original_filename = models.CharField(max_length=255, blank=True, verbose_name=_("original filename"))
    original_format = models.CharField(
        max_length=10, choices=Format.choices, default=Format.TEXT, verbose_name=_("original format")
    )
    html = models.TextField(help_text=_("Sanitised HTML."), verbose_name=_("HTML"))
    text = models.TextField(help_text=_("Plain text that passages point into."), verbose_name=_("text"))
    checksum = models.CharField(
        max_length=64, db_index=True, help_text=_("SHA-256 of the plain text."), verbose_name=_("checksum")
    )
    fetched_html = models.TextField(
        blank=True, help_text=_("The raw page as fetched, kept as evidence."), verbose_name=_("fetched HTML")
    )
    fetched_at = models.DateTimeField(null=True, blank=True, verbose_name=_("fetched at"))
    fetched_checksum = models.CharField(max_length=64, blank=True, verbose_name=_("fetched checksum"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )

    class Meta:
        verbose_name = _("article version")
        verbose_name_plural = _("article versions")
        ordering = ["article", "number"]
        constraints = [models.UniqueConstraint(fields=["article", "number"], name="unique_article_version_number")]

    def __str__(self):
        return f"{self.article.title} v{self.number}"


class Passage(models.Model):
    class Kind(models.TextChoices):
        HEADING = "heading", _("Heading")
        CLAIM = "claim", _("Claim")
        QUOTE = "quote", _("Quote")
        BOILERPLATE = "boilerplate", _("Boilerplate")

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="passages", verbose_name=_("article"))
    version = models.ForeignKey(
        ArticleVersion, on_delete=models.CASCADE, related_name="passages", verbose_name=_("version")
    )
    index = models.PositiveIntegerField(verbose_name=_("index"))
    start = models.PositiveIntegerField(verbose_name=_("start"))
    end = models.PositiveIntegerField(verbose_name=_("end"))
    text = models.TextField(verbose_name=_("text"))
    paragraph = models.PositiveIntegerField(verbose_name=_("paragraph"))
    kind = models.CharField(max_length=12, choices=Kind.choices, verbose_name=_("kind"))
    row_version = models.PositiveIntegerField(
        default=1,
        help_text=_("Bumped on every change to this passage's row; checked on write."),
        verbose_name=_("row version"),
    )

    class Meta:
        verbose_name = _("passage")
        verbose_name_plural = _("passages")
        ordering = ["version", "index"]
        constraints = [
            models.UniqueConstraint(fields=["version", "index"], name="unique_passage_index"),
            models.CheckConstraint(condition=Q(end__gte=F("start")), name="passage_end_after_start"),
        ]

    def __str__(self):
        return f"{self.article_id}:{self.index} {self.text[:60]}"

    @property
    def is_reviewable(self) -> bool:
        """Headings and boilerplate are never linked, tagged or counted."""
        return self.kind in (self.Kind.CLAIM, self.Kind.QUOTE)


class Verdict(models.TextChoices):
    MATCHING = "matching", _("Matching")
    CONFLICTING = "conflicting", _("Conflicting")
    UNIQUE = "unique", _("Unique")


class AlignmentRun(models.Model):
    """One run of the alignment engine over a pair of articles; holds its unique suggestions."""

    comparison = models.ForeignKey(
        Comparison, on_delete=models.CASCADE, related_name="alignment_runs", verbose_name=_("comparison")
    )
    article_a = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+", verbose_name=_("article A"))
    article_b = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+", verbose_name=_("article B"))
    unique_passages = models.ManyToManyField(
        Passage, blank=True, related_name="unique_suggestions", verbose_name=_("unique passages")
    )
    links_suggested = models.PositiveIntegerField(default=0, verbose_name=_("links suggested"))
    links_kept = models.PositiveIntegerField(
        default=0, help_text=_("Links a reviewer had touched, left as they were."), verbose_name=_("links kept")
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )

    class Meta:
        verbose_name = _("alignment run")
        verbose_name_plural = _("alignment runs")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return gettext("Alignment of %(a)s and %(b)s at %(when)s") % {
            "a": self.article_a_id,
            "b": self.article_b_id,
            "when": f"{self.created_at:%Y-%m-%d %H:%M}",
        }


class Link(models.Model):
    """A correspondence between passages of two accounts: suggested by the engine or made by hand."""

    class Origin(models.TextChoices):
        SUGGESTED = "suggested", _("Suggested")
        MANUAL = "manual", _("Linked by hand")

    class Status(models.TextChoices):
        PENDING = "pending", _("Suggestion")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")
        UNLINKED = "unlinked", _("Unlinked")

    class Label(models.TextChoices):
        MATCH = "match", _("Match")
        CONFLICT = "conflict", _("Conflict")

    comparison = models.ForeignKey(
        Comparison, on_delete=models.CASCADE, related_name="links", verbose_name=_("comparison")
    )
    article_a = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+", verbose_name=_("article A"))
    article_b = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+", verbose_name=_("article B"))
    a_passages = models.ManyToManyField(Passage, related_name="links_as_a", verbose_name=_("passages of A"))
    b_passages = models.ManyToManyField(Passage, related_name="links_as_b", verbose_name=_("passages of B"))
    origin = models.CharField(max_length=10, choices=Origin.choices, verbose_name=_("origin"))
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING, verbose_name=_("status"))
    score = models.FloatField(null=True, blank=True, verbose_name=_("score"))
    suggested_label = models.CharField(
        max_length=10, choices=Label.choices, blank=True, verbose_name=_("suggested label")
    )
    reasons = models.JSONField(default=list, blank=True, verbose_name=_("reasons"))
    row_version = models.PositiveIntegerField(
        default=1, help_text=_("Bumped on every change to this row; checked on write."), verbose_name=_("row version")
    )
    alignment_run = models.ForeignKey(
        AlignmentRun,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="links",
        verbose_name=_("alignment run"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )

    class Meta:
        verbose_name = _("link")
        verbose_name_plural = _("links")
        ordering = ["comparison", "id"]

    def __str__(self):
        return gettext("Link %(pk)s (%(status)s)") % {"pk": self.pk, "status": self.get_status_display()}

    @property
    def is_active(self) -> bool:
        """Pending and accepted links are shown as pairs; rejected and unlinked ones are history."""
        return self.status in (self.Status.PENDING, self.Status.ACCEPTED)


class Annotation(models.Model):
    """One reviewer's verdict and note on a link or on a passage; an editor's final verdict has is_final set."""

    comparison = models.ForeignKey(
        Comparison, on_delete=models.CASCADE, related_name="annotations", verbose_name=_("comparison")
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="annotations", verbose_name=_("reviewer")
    )
    link = models.ForeignKey(
        Link, null=True, blank=True, on_delete=models.CASCADE, related_name="annotations", verbose_name=_("link")
    )
    passage = models.ForeignKey(
        Passage, null=True, blank=True, on_delete=models.CASCADE, related_name="annotations", verbose_name=_("passage")
    )
    label = models.CharField(max_length=12, choices=Verdict.choices, blank=True, verbose_name=_("label"))
    note = models.TextField(blank=True, verbose_name=_("note"))
    is_final = models.BooleanField(default=False, verbose_name=_("is final"))
    changed_since_review = models.BooleanField(
        default=False,
        help_text=_("The passage was edited in a newer version after this verdict was given."),
        verbose_name=_("changed since review"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated at"))

    class Meta:
        verbose_name = _("annotation")
        verbose_name_plural = _("annotations")
        ordering = ["comparison", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(link__isnull=False) & Q(passage__isnull=True))
                | (Q(link__isnull=True) & Q(passage__isnull=False)),
                name="annotation_has_one_target",
            ),
            models.UniqueConstraint(
                fields=["reviewer", "link"],
                condition=Q(is_final=False, link__isnull=False),
                name="one_verdict_per_link",
            ),
            models.UniqueConstraint(
                fields=["reviewer", "passage"],
                condition=Q(is_final=False, passage__isnull=False),
                name="one_verdict_per_passage",
            ),
            models.UniqueConstraint(
                fields=["link"], condition=Q(is_final=True, link__isnull=False), name="one_final_per_link"
            ),
            models.UniqueConstraint(
                fields=["passage"], condition=Q(is_final=True, passage__isnull=False), name="one_final_per_passage"
            ),
        ]

    def __str__(self):
        target = gettext("link %s") % self.link_id if self.link_id else gettext("passage %s") % self.passage_id
        label = self.get_label_display() if self.label else gettext("untagged")
        return gettext("%(reviewer)s on %(target)s: %(label)s") % {
            "reviewer": self.reviewer,
            "target": target,
            "label": label,
        }

    def snapshot(self) -> dict:
        """Return the state that history records before and after a change."""
        return {"label": self.label, "note": self.note, "is_final": self.is_final}


class AnnotationEvent(models.Model):
    """One recorded change: who, when, what it was before and after."""

    class Action(models.TextChoices):
        TAG = "tag", _("Tagged")
        NOTE = "note", _("Wrote a note")
        CLEAR = "clear", _("Cleared a tag")
        FINAL = "final", _("Recorded the final verdict")
        ACCEPT = "accept", _("Accepted a suggestion")
        REJECT = "reject", _("Rejected a suggestion")
        LINK = "link", _("Linked by hand")
        UNLINK = "unlink", _("Unlinked")
        UNDO = "undo", _("Undid a change")
        CARRY = "carry", _("Carried to a new version")
        IMPORT = "import", _("Imported")
        DISMISS = "dismiss", _("Dismissed after a new version")
        REANCHOR = "reanchor", _("Re-anchored to the current text")

    comparison = models.ForeignKey(
        Comparison, on_delete=models.CASCADE, related_name="events", verbose_name=_("comparison")
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("actor")
    )
    at = models.DateTimeField(auto_now_add=True, db_index=True, verbose_name=_("when"))
    action = models.CharField(max_length=10, choices=Action.choices, verbose_name=_("action"))
    annotation = models.ForeignKey(
        Annotation, null=True, blank=True, on_delete=models.CASCADE, related_name="events", verbose_name=_("annotation")
    )
    link = models.ForeignKey(
        Link, null=True, blank=True, on_delete=models.CASCADE, related_name="events", verbose_name=_("link")
    )
    passage = models.ForeignKey(
        Passage, null=True, blank=True, on_delete=models.CASCADE, related_name="events", verbose_name=_("passage")
    )
    before = models.JSONField(null=True, blank=True, verbose_name=_("before"))
    after = models.JSONField(null=True, blank=True, verbose_name=_("after"))
    undoes = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="undone_by", verbose_name=_("undoes")
    )

    class Meta:
        verbose_name = _("annotation event")
        verbose_name_plural = _("annotation events")
        ordering = ["-at", "-id"]

    def __str__(self):
        return gettext("%(actor)s: %(action)s at %(when)s") % {
            "actor": self.actor,
            "action": self.get_action_display(),
            "when": f"{self.at:%Y-%m-%d %H:%M:%S}",
        }


class ExportRecord(models.Model):
    """Each export: who, when, which format and options."""

    comparison = models.ForeignKey(
        Comparison, on_delete=models.CASCADE, related_name="exports", verbose_name=_("comparison")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("user"),
    )
    format = models.CharField(
        max_length=20, verbose_name=_("format")
    )  # a key of exports.FORMATS ("webannotation" is 13)
    options = models.JSONField(default=dict, blank=True, verbose_name=_("options"))
    via = models.CharField(max_length=10, default="web", help_text=_("web or cli"), verbose_name=_("via"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))

    class Meta:
        verbose_name = _("export record")
        verbose_name_plural = _("export records")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return gettext("%(format)s export of %(comparison)s by %(user)s") % {
            "format": self.format,
            "comparison": self.comparison_id,
            "user": self.user,
        }


class ClaimAnnotation(models.Model):
    """One reviewer's verdict on a claim across accounts; an editor's final verdict has is_final set.

    Claims are derived from the links (newsdiff/text/claims.py), not stored; a verdict is keyed by the claim's
    id, a hash of its member passages, so it survives every recomputation that leaves the members as they were.
    `members` keeps the passage ids the reviewer saw, so a verdict whose claim changed shape stays readable.
    """

    comparison = models.ForeignKey(
        Comparison, on_delete=models.CASCADE, related_name="claim_annotations", verbose_name=_("comparison")
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="claim_annotations", verbose_name=_("reviewer")
    )
    key = models.CharField(
        max_length=40, help_text=_("The claim's id: a hash of its member passage ids."), verbose_name=_("key")
    )
    members = models.JSONField(
        default=list, help_text=_("Member passage ids when the verdict was given."), verbose_name=_("members")
    )
    label = models.CharField(max_length=12, choices=Verdict.choices, blank=True, verbose_name=_("label"))
    odd = models.JSONField(
        default=list,
        blank=True,
        help_text=_("Article ids of the account(s) that conflict, or that alone report or omit it."),
        verbose_name=_("odd accounts"),
    )
    note = models.TextField(blank=True, verbose_name=_("note"))
    is_final = models.BooleanField(default=False, verbose_name=_("is final"))
    row_version = models.PositiveIntegerField(default=1, verbose_name=_("row version"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated at"))

    class Meta:
        verbose_name = _("claim verdict")
        verbose_name_plural = _("claim verdicts")
        ordering = ["comparison", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["comparison", "key", "reviewer"], condition=Q(is_final=False), name="one_verdict_per_claim"
            ),
            models.UniqueConstraint(
                fields=["comparison", "key"], condition=Q(is_final=True), name="one_final_per_claim"
            ),
        ]
        indexes = [models.Index(fields=["comparison", "key"])]

    def __str__(self):
        label = self.get_label_display() if self.label else gettext("untagged")
        return gettext("%(reviewer)s on claim %(key)s: %(label)s") % {
            "reviewer": self.reviewer,
            "key": self.key,
            "label": label,
        }

    def snapshot(self) -> dict:
        """Return the state that history records before and after a change."""
        return {"label": self.label, "odd": sorted(self.odd), "note": self.note, "is_final": self.is_final}


class ClaimEvent(models.Model):
    """One recorded change to a claim verdict: who, when, before and after (the claim twin of AnnotationEvent)."""

    class Action(models.TextChoices):
        TAG = "tag", _("Tagged")
        NOTE = "note", _("Wrote a note")
        CLEAR = "clear", _("Cleared a tag")
        FINAL = "final", _("Recorded the final verdict")
        UNDO = "undo", _("Undid a change")

    comparison = models.ForeignKey(
        Comparison, on_delete=models.CASCADE, related_name="claim_events", verbose_name=_("comparison")
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("actor")
    )
    at = models.DateTimeField(auto_now_add=True, db_index=True, verbose_name=_("when"))
    action = models.CharField(max_length=10, choices=Action.choices, verbose_name=_("action"))
    annotation = models.ForeignKey(
        ClaimAnnotation, on_delete=models.CASCADE, related_name="events", verbose_name=_("annotation")
    )
    key = models.CharField(max_length=40, verbose_name=_("key"))
    before = models.JSONField(null=True, blank=True, verbose_name=_("before"))
    after = models.JSONField(null=True, blank=True, verbose_name=_("after"))
    undoes = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="undone_by", verbose_name=_("undoes")
    )

    class Meta:
        verbose_name = _("claim event")
        verbose_name_plural = _("claim events")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["comparison", "key"])]

    def __str__(self):
        return gettext("%(actor)s: %(action)s, claim %(key)s at %(when)s") % {
            "actor": self.actor,
            "action": self.get_action_display(),
            "key": self.key,
            "when": f"{self.at:%Y-%m-%d %H:%M:%S}",
        }


class Job(models.Model):
    """Long work done by a task worker (newsdiff/tasks.py): aligning, fetching; what the pages show meanwhile."""

    class Kind(models.TextChoices):
        ALIGN = "align", _("Aligning a new account with the others")
        REALIGN = "realign", _("Aligning the comparison again")
        FETCH = "fetch", _("Fetching a web page and importing it")
        REFETCH = "refetch", _("Fetching an account's web address again")
        VERSION_FETCH = "version_fetch", _("Fetching a new version of an account")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting for a worker")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    kind = models.CharField(max_length=16, choices=Kind.choices, verbose_name=_("kind"))
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED, verbose_name=_("status"))
    comparison = models.ForeignKey(
        Comparison, null=True, blank=True, on_delete=models.CASCADE, related_name="jobs", verbose_name=_("comparison")
    )
    article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.CASCADE, related_name="jobs", verbose_name=_("article")
    )
    params = models.JSONField(
        default=dict,
        blank=True,
        help_text=_("What the task needs besides the objects above."),
        verbose_name=_("params"),
    )
    message = models.TextField(
        blank=True, help_text=_("Why it failed, or what it did, in words for the page."), verbose_name=_("message")
    )
    task_id = models.CharField(
        max_length=64, blank=True, help_text=_("The task framework's result id."), verbose_name=_("task id")
    )
    attempts = models.PositiveIntegerField(default=0, verbose_name=_("attempts"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created at"))
    started_at = models.DateTimeField(null=True, blank=True, verbose_name=_("started at"))
    finished_at = models.DateTimeField(null=True, blank=True, verbose_name=_("finished at"))

    class Meta:
        verbose_name = _("job")
        verbose_name_plural = _("jobs")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["comparison", "status"], name="job_comparison_status")]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.get_status_display()})"

    def get_absolute_url(self):
        return reverse("job-detail", kwargs={"pk": self.pk})

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)
