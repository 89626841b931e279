"""Forms for uploads and the review workspace."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from newsdiff.models import Comparison


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file field that takes one or several files at once."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single_clean = super().clean
        if isinstance(data, (list, tuple)):
            return [single_clean(item, initial) for item in data]
        return [single_clean(data, initial)] if data else []


class ArticleUploadForm(forms.Form):
    """Upload one or several accounts into a comparison: pasted text, files or a web address."""

    comparison = forms.ModelChoiceField(label=gettext_lazy("Comparison"), queryset=Comparison.objects.order_by("title"))
    source = forms.CharField(
        label=gettext_lazy("Source"), max_length=200,
        help_text=gettext_lazy("Whom the account speaks for, e.g. 'Mexican presidency' or 'Truth Social'."),
    )
    title = forms.CharField(label=gettext_lazy("Title"), max_length=500, required=False,
                            help_text=gettext_lazy("Left empty: taken from the text."))
    outlet = forms.CharField(label=gettext_lazy("Outlet"), max_length=200, required=False)
    author = forms.CharField(label=gettext_lazy("Author"), max_length=300, required=False)
    url = forms.URLField(label=gettext_lazy("Url"), max_length=2000, required=False, assume_scheme="https")
    published_at = forms.DateTimeField(label=gettext_lazy("Published at"), required=False,
                                       help_text=gettext_lazy("YYYY-MM-DD HH:MM"))
    language = forms.CharField(label=gettext_lazy("Language"), max_length=35, required=False,
                               help_text=gettext_lazy("A language tag such as en, es or es-MX; left empty: detected."))
    text = forms.CharField(label=gettext_lazy("Text"), widget=forms.Textarea(attrs={"rows": 12}), required=False,
                           strip=False)
    files = MultipleFileField(label=gettext_lazy("Files"), required=False,
                              help_text=gettext_lazy("One or several .txt, .md or .html files."))
    fetch_url = forms.URLField(
        label=gettext_lazy("Fetch from the web"),
        max_length=2000,
        required=False,
        assume_scheme="https",
        help_text=gettext_lazy("The article's web address: the page is downloaded, its main text and details "
                               "extracted, and the page kept as evidence. Details typed above win over the page's."),
    )

    def clean(self):
        cleaned = super().clean()
        text, files = cleaned.get("text", ""), cleaned.get("files") or []
        fetch_url = cleaned.get("fetch_url", "")
        given = sum(bool(x) for x in (text.strip(), files, fetch_url))
        if "fetch_url" in self.errors:
            return cleaned
        if given == 0:
            raise forms.ValidationError(_("Paste the article's text, choose at least one file or give its web address."))
        if given > 1:
            raise forms.ValidationError(_("Paste text, choose files or give a web address, not several at once."))
        limit = settings.NEWSDIFF_MAX_UPLOAD_BYTES
        for upload in files:
            if upload.size > limit:
                raise forms.ValidationError(_too_large(upload.name, upload.size, limit))
        return cleaned


class ArticleVersionForm(forms.Form):
    """Add a new version of one account: pasted text, one file, a web address, or its own address fetched again."""

    text = forms.CharField(label=gettext_lazy("Text"), widget=forms.Textarea(attrs={"rows": 12}), required=False,
                           strip=False)
    file = forms.FileField(label=gettext_lazy("File"), required=False,
                           help_text=gettext_lazy("A .txt, .md or .html file."))
    fetch_url = forms.URLField(label=gettext_lazy("Fetch from the web"), max_length=2000, required=False,
                               assume_scheme="https")
    refetch = forms.BooleanField(label=gettext_lazy("Fetch the article's own address again"), required=False)

    def clean(self):
        cleaned = super().clean()
        if "fetch_url" in self.errors:
            return cleaned
        given = [
            name
            for name in ("text", "file", "fetch_url", "refetch")
            if (value := cleaned.get(name)) and (not isinstance(value, str) or value.strip())
        ]
        if not given:
            raise forms.ValidationError(
                _("Paste the new text, choose a file, give a web address or fetch the address again."))
        if len(given) > 1:
            raise forms.ValidationError(_("Choose one way to give the new version, not several."))
        upload = cleaned.get("file")
        limit = settings.NEWSDIFF_MAX_UPLOAD_BYTES
        if upload and upload.size > limit:
            raise forms.ValidationError(_too_large(upload.name, upload.size, limit))
        return cleaned


def _too_large(name: str, size: int, limit: int) -> str:
    return _("%(name)s is %(size)s MB; the limit is %(limit)s MB.") % {
        "name": name, "size": f"{size / 1_048_576:.1f}", "limit": f"{limit / 1_048_576:.1f}"}


# --- review workspace ---------------------------------------------------------

VERDICT_CHOICES = [("", gettext_lazy("No verdict")), ("matching", gettext_lazy("Matching")),
                   ("conflicting", gettext_lazy("Conflicting")), ("unique", gettext_lazy("Unique"))]


class RowTagForm(forms.Form):
    """My verdict on a row ('' clears it), with my note when the row's form carries one."""

    # Any text: the service says which verdicts fit the row (a pair is matching or conflicting, a passage unique).
    label = forms.CharField(max_length=20, required=False, strip=True)
    note = forms.CharField(required=False, strip=False)

    def clean_label(self):
        if "label" not in self.data:
            raise forms.ValidationError(_("Choose a verdict: matching, conflicting or unique."))
        return self.cleaned_data["label"]


class RowNoteForm(forms.Form):
    """My note on a row."""

    note = forms.CharField(required=False, strip=False)


class RowFinalForm(forms.Form):
    """The editor's final verdict on a row."""

    label = forms.CharField(max_length=20, error_messages={"required": gettext_lazy("Choose the final verdict.")})


class LinkCreateForm(forms.Form):
    """Passages picked on each side to link by hand, with an optional verdict."""

    a_passages = forms.TypedMultipleChoiceField(coerce=int, required=False)
    b_passages = forms.TypedMultipleChoiceField(coerce=int, required=False)
    label = forms.ChoiceField(choices=VERDICT_CHOICES[:3], required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("a_passages", "b_passages"):
            values = self.data.getlist(name) if hasattr(self.data, "getlist") else []
            self.fields[name].choices = [(v, v) for v in values if str(v).isdigit()]

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("a_passages") or not cleaned.get("b_passages"):
            raise forms.ValidationError(_("Pick at least one passage on each side to link them."))
        return cleaned


# --- starting a comparison ------------------------------------------------------

FILE_NOT_KEPT = gettext_lazy("Browsers cannot keep a chosen file after the page is sent back: choose the file again.")


class ComparisonCreateForm(forms.Form):
    """A new comparison: its name (left empty: named after its first account) and what it is about."""

    title = forms.CharField(
        label=gettext_lazy("Name"), max_length=300, required=False,
        help_text=gettext_lazy("Left empty: named after the first account."),
    )
    description = forms.CharField(label=gettext_lazy("About"), widget=forms.Textarea(attrs={"rows": 2}), required=False)


class AccountForm(forms.Form):
    """One account: a web address, pasted text or a file, and whose account it is."""

    url = forms.URLField(label=gettext_lazy("Web address"), max_length=2000, required=False, assume_scheme="https")
    source = forms.CharField(
        label=gettext_lazy("Source"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("Whom the account speaks for. Left empty for a web address: the site's name."),
    )
    text = forms.CharField(label=gettext_lazy("or paste the text"), widget=forms.Textarea(attrs={"rows": 5}),
                           required=False, strip=False)
    file = forms.FileField(label=gettext_lazy("or choose a file"), required=False, help_text=".txt, .md or .html")

    def clean(self):
        cleaned = super().clean()
        if "url" in self.errors:
            return cleaned
        given = [name for name in ("url", "text", "file") if (value := cleaned.get(name)) and (
            not isinstance(value, str) or value.strip())]
        if not given:
            raise forms.ValidationError(_("Give a web address, paste the text or choose a file."))
        if len(given) > 1:
            raise forms.ValidationError(_("Give one of web address, text or file, not several."))
        if given != ["url"] and not cleaned.get("source", "").strip():
            self.add_error("source", _("Say whose account this is, e.g. 'Mexican presidency'."))
        upload = cleaned.get("file")
        limit = settings.NEWSDIFF_MAX_UPLOAD_BYTES
        if upload and upload.size > limit:
            raise forms.ValidationError(_too_large(upload.name, upload.size, limit))
        return cleaned

    def account(self):
        """The account as the service takes it (the file read into bytes)."""
        # Imported here: services.comparisons brings the fetcher and the import pipeline, which every
        # command would otherwise load at start-up through the admin (forms.py).
        from newsdiff.services.comparisons import AccountInput

        data, upload = self.cleaned_data, self.cleaned_data.get("file")
        return AccountInput(
            source=data["source"],
            url=data["url"],
            text=data["text"],
            data=upload.read() if upload else None,
            filename=upload.name if upload else "",
        )


class BaseAccountFormSet(forms.BaseFormSet):
    def note_lost_files(self) -> None:
        """A form sent back with errors has lost its file: say so on the forms that had one."""
        for form in self.forms:
            if form.files.get(form.add_prefix("file")) and (self.non_form_errors() or any(self.errors)):
                form.add_error("file", FILE_NOT_KEPT)


AccountFormSet = forms.formset_factory(
    AccountForm, formset=BaseAccountFormSet, extra=0, min_num=2, validate_min=True, max_num=12, validate_max=True
)
