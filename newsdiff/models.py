"""The vocabulary of newsdiff.

A Comparison is one news event told by two or more Articles (accounts). Each
article keeps every ArticleVersion of its text; the current version is split
into Passages. Links say which passages of two accounts correspond; a
reviewer's verdict on a link or a passage is an Annotation, and every change to
links and annotations is an AnnotationEvent (nothing is edited without a trace).
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
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

    slug = models.SlugField(max_length=100, unique=True)
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    last_activity_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    visibility = models.CharField(
        max_length=12,
        choices=Visibility.choices,
        default=Visibility.EVERYONE,
        help_text="Restricted: only the users and groups below (and admins) see it; to everyone else it does not exist.",
    )
    allowed_users = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")
    allowed_groups = models.ManyToManyField("auth.Group", blank=True, related_name="+")

    objects = ComparisonQuerySet.as_manager()

    class Meta:
        ordering = ["-last_activity_at", "slug"]
        permissions = [
            ("review_comparison", "Can read and tag comparisons"),
            ("export_comparison", "Can export comparisons"),
            ("finalize_comparison", "Can record final verdicts and close comparisons"),
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
    comparison = models.ForeignKey(Comparison, on_delete=models.CASCADE, related_name="articles")
    position = models.PositiveIntegerField(default=0)
    title = models.CharField(max_length=500)
    outlet = models.CharField(max_length=200, blank=True)
    source = models.CharField(
        max_length=200, help_text="Whom the account speaks for, e.g. 'Mexican presidency' or 'Truth Social'."
    )
    author = models.CharField(max_length=300, blank=True)
    url = models.URLField(max_length=2000, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    language = models.CharField(max_length=35, blank=True)
    current_version = models.ForeignKey(
        "ArticleVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
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

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    original = models.TextField(help_text="The upload as decoded, before sanitising.")
    original_filename = models.CharField(max_length=255, blank=True)
    original_format = models.CharField(max_length=10, choices=Format.choices, default=Format.TEXT)
    html = models.TextField(help_text="Sanitised HTML.")
    text = models.TextField(help_text="Plain text that passages point into.")
    checksum = models.CharField(max_length=64, db_index=True, help_text="SHA-256 of the plain text.")
    fetched_html = models.TextField(blank=True, help_text="The raw page as fetched, kept as evidence.")
    fetched_at = models.DateTimeField(null=True, blank=True)
    fetched_checksum = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
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

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="passages")
    version = models.ForeignKey(ArticleVersion, on_delete=models.CASCADE, related_name="passages")
    index = models.PositiveIntegerField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.TextField()
    paragraph = models.PositiveIntegerField()
    kind = models.CharField(max_length=12, choices=Kind.choices)
    row_version = models.PositiveIntegerField(
        default=1, help_text="Bumped on every change to this passage's row; checked on write."
    )

    class Meta:
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

    comparison = models.ForeignKey(Comparison, on_delete=models.CASCADE, related_name="alignment_runs")
    article_a = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    article_b = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    unique_passages = models.ManyToManyField(Passage, blank=True, related_name="unique_suggestions")
    links_suggested = models.PositiveIntegerField(default=0)
    links_kept = models.PositiveIntegerField(default=0, help_text="Links a reviewer had touched, left as they were.")
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"Alignment of {self.article_a_id} and {self.article_b_id} at {self.created_at:%Y-%m-%d %H:%M}"


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

    comparison = models.ForeignKey(Comparison, on_delete=models.CASCADE, related_name="links")
    article_a = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    article_b = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    a_passages = models.ManyToManyField(Passage, related_name="links_as_a")
    b_passages = models.ManyToManyField(Passage, related_name="links_as_b")
    origin = models.CharField(max_length=10, choices=Origin.choices)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    score = models.FloatField(null=True, blank=True)
    suggested_label = models.CharField(max_length=10, choices=Label.choices, blank=True)
    reasons = models.JSONField(default=list, blank=True)
    row_version = models.PositiveIntegerField(default=1, help_text="Bumped on every change to this row; checked on write.")
    alignment_run = models.ForeignKey(AlignmentRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="links")
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["comparison", "id"]

    def __str__(self):
        return f"Link {self.pk} ({self.get_status_display()})"

    @property
    def is_active(self) -> bool:
        """Pending and accepted links are shown as pairs; rejected and unlinked ones are history."""
        return self.status in (self.Status.PENDING, self.Status.ACCEPTED)


class Annotation(models.Model):
    """One reviewer's verdict and note on a link or on a passage; an editor's final verdict has is_final set."""

    comparison = models.ForeignKey(Comparison, on_delete=models.CASCADE, related_name="annotations")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="annotations")
    link = models.ForeignKey(Link, null=True, blank=True, on_delete=models.CASCADE, related_name="annotations")
    passage = models.ForeignKey(
        Passage, null=True, blank=True, on_delete=models.CASCADE, related_name="annotations"
    )
    label = models.CharField(max_length=12, choices=Verdict.choices, blank=True)
    note = models.TextField(blank=True)
    is_final = models.BooleanField(default=False)
    changed_since_review = models.BooleanField(
        default=False, help_text="The passage was edited in a newer version after this verdict was given."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["comparison", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(link__isnull=False) & Q(passage__isnull=True))
                | (Q(link__isnull=True) & Q(passage__isnull=False)),
                name="annotation_has_one_target",
            ),
            models.UniqueConstraint(
                fields=["reviewer", "link"], condition=Q(is_final=False, link__isnull=False), name="one_verdict_per_link"
            ),
            models.UniqueConstraint(
                fields=["reviewer", "passage"],
                condition=Q(is_final=False, passage__isnull=False),
                name="one_verdict_per_passage",
            ),
            models.UniqueConstraint(fields=["link"], condition=Q(is_final=True, link__isnull=False), name="one_final_per_link"),
            models.UniqueConstraint(
                fields=["passage"], condition=Q(is_final=True, passage__isnull=False), name="one_final_per_passage"
            ),
        ]

    def __str__(self):
        target = f"link {self.link_id}" if self.link_id else f"passage {self.passage_id}"
        return f"{self.reviewer} on {target}: {self.label or 'untagged'}"

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

    comparison = models.ForeignKey(Comparison, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    action = models.CharField(max_length=10, choices=Action.choices)
    annotation = models.ForeignKey(Annotation, null=True, blank=True, on_delete=models.CASCADE, related_name="events")
    link = models.ForeignKey(Link, null=True, blank=True, on_delete=models.CASCADE, related_name="events")
    passage = models.ForeignKey(Passage, null=True, blank=True, on_delete=models.CASCADE, related_name="events")
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    undoes = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="undone_by"
    )

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self):
        return f"{self.actor} {self.get_action_display().lower()} at {self.at:%Y-%m-%d %H:%M:%S}"


class ExportRecord(models.Model):
    """Each export: who, when, which format and options."""

    comparison = models.ForeignKey(Comparison, on_delete=models.CASCADE, related_name="exports")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    format = models.CharField(max_length=20)  # a key of exports.FORMATS ("webannotation" is 13)
    options = models.JSONField(default=dict, blank=True)
    via = models.CharField(max_length=10, default="web", help_text="web or cli")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.format} export of {self.comparison_id} by {self.user}"


class ClaimAnnotation(models.Model):
    """One reviewer's verdict on a claim across accounts; an editor's final verdict has is_final set.

    Claims are derived from the links (newsdiff/text/claims.py), not stored; a verdict is keyed by the claim's
    id, a hash of its member passages, so it survives every recomputation that leaves the members as they were.
    `members` keeps the passage ids the reviewer saw, so a verdict whose claim changed shape stays readable.
    """

    comparison = models.ForeignKey(Comparison, on_delete=models.CASCADE, related_name="claim_annotations")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="claim_annotations")
    key = models.CharField(max_length=40, help_text="The claim's id: a hash of its member passage ids.")
    members = models.JSONField(default=list, help_text="Member passage ids when the verdict was given.")
    label = models.CharField(max_length=12, choices=Verdict.choices, blank=True)
    odd = models.JSONField(
        default=list, blank=True, help_text="Article ids of the account(s) that conflict, or that alone report or omit it."
    )
    note = models.TextField(blank=True)
    is_final = models.BooleanField(default=False)
    row_version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["comparison", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["comparison", "key", "reviewer"], condition=Q(is_final=False), name="one_verdict_per_claim"
            ),
            models.UniqueConstraint(fields=["comparison", "key"], condition=Q(is_final=True), name="one_final_per_claim"),
        ]
        indexes = [models.Index(fields=["comparison", "key"])]

    def __str__(self):
        return f"{self.reviewer} on claim {self.key}: {self.label or 'untagged'}"

    def snapshot(self) -> dict:
        """Return the state that history records before and after a change."""
        return {"label": self.label, "odd": sorted(self.odd), "note": self.note, "is_final": self.is_final}


class ClaimEvent(models.Model):
    """One recorded change to a claim verdict: who, when, before and after (the claim twin of AnnotationEvent)."""

    class Action(models.TextChoices):
        TAG = "tag", "Tagged"
        NOTE = "note", "Wrote a note"
        CLEAR = "clear", "Cleared a tag"
        FINAL = "final", "Recorded the final verdict"
        UNDO = "undo", "Undid a change"

    comparison = models.ForeignKey(Comparison, on_delete=models.CASCADE, related_name="claim_events")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    action = models.CharField(max_length=10, choices=Action.choices)
    annotation = models.ForeignKey(ClaimAnnotation, on_delete=models.CASCADE, related_name="events")
    key = models.CharField(max_length=40)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    undoes = models.OneToOneField("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="undone_by")

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["comparison", "key"])]

    def __str__(self):
        return f"{self.actor} {self.get_action_display().lower()} claim {self.key} at {self.at:%Y-%m-%d %H:%M:%S}"
class Job(models.Model):
    """Long work done by a task worker (newsdiff/tasks.py): aligning, fetching; what the pages show meanwhile."""

    class Kind(models.TextChoices):
        ALIGN = "align", "Aligning a new account with the others"
        REALIGN = "realign", "Aligning the comparison again"
        FETCH = "fetch", "Fetching a web page and importing it"
        REFETCH = "refetch", "Fetching an account's web address again"
        VERSION_FETCH = "version_fetch", "Fetching a new version of an account"

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting for a worker"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    kind = models.CharField(max_length=16, choices=Kind.choices)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    comparison = models.ForeignKey(Comparison, null=True, blank=True, on_delete=models.CASCADE, related_name="jobs")
    article = models.ForeignKey(Article, null=True, blank=True, on_delete=models.CASCADE, related_name="jobs")
    params = models.JSONField(default=dict, blank=True, help_text="What the task needs besides the objects above.")
    message = models.TextField(blank=True, help_text="Why it failed, or what it did, in words for the page.")
    task_id = models.CharField(max_length=64, blank=True, help_text="The task framework's result id.")
    attempts = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["comparison", "status"], name="job_comparison_status")]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.get_status_display().lower()})"

    def get_absolute_url(self):
        return reverse("job-detail", kwargs={"pk": self.pk})

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)
