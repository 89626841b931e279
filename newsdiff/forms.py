"""Forms for uploads and the review workspace."""

from django import forms
from django.conf import settings

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
    """Upload one or several accounts into a comparison: pasted text or files."""

    comparison = forms.ModelChoiceField(queryset=Comparison.objects.order_by("title"))
    source = forms.CharField(
        max_length=200, help_text="Whom the account speaks for, e.g. 'Mexican presidency' or 'Truth Social'."
    )
    title = forms.CharField(max_length=500, required=False, help_text="Left empty: taken from the text.")
    outlet = forms.CharField(max_length=200, required=False)
    author = forms.CharField(max_length=300, required=False)
    url = forms.URLField(max_length=2000, required=False, assume_scheme="https")
    published_at = forms.DateTimeField(required=False, help_text="YYYY-MM-DD HH:MM")
    language = forms.CharField(max_length=35, required=False)
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 12}), required=False, strip=False)
    files = MultipleFileField(required=False, help_text="One or several .txt, .md or .html files.")

    def clean(self):
        cleaned = super().clean()
        text, files = cleaned.get("text", ""), cleaned.get("files") or []
        if not text.strip() and not files:
            raise forms.ValidationError("Paste the article's text or choose at least one file.")
        if text.strip() and files:
            raise forms.ValidationError("Paste text or choose files, not both at once.")
        limit = settings.NEWSDIFF_MAX_UPLOAD_BYTES
        for upload in files:
            if upload.size > limit:
                raise forms.ValidationError(
                    f"{upload.name} is {upload.size / 1_048_576:.1f} MB; the limit is {limit / 1_048_576:.1f} MB."
                )
        return cleaned
