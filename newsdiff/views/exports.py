"""Exports: the options form and the download, for editors and admins."""

from django import forms
from django.utils.translation import gettext_lazy
from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from newsdiff import roles
from newsdiff.exports import FORMATS, ExportOptions, export_create
from newsdiff.models import Comparison
from newsdiff.views.access import get_visible_or_404


class ExportForm(forms.Form):
    format = forms.ChoiceField(
        label=gettext_lazy("Format"), choices=[(key, f.label) for key, f in FORMATS.items()], initial="html",
        widget=forms.RadioSelect,
    )
    suggestions = forms.BooleanField(
        required=False, initial=False, label=gettext_lazy("Include untagged suggestions (marked as such)")
    )
    only = forms.ChoiceField(
        choices=[("", gettext_lazy("Every claim")), ("conflicts", gettext_lazy("Only conflicts")),
                 ("final", gettext_lazy("Only final verdicts"))],
        required=False,
        initial="",
        label=gettext_lazy("Claims"),
        widget=forms.RadioSelect,
    )

    def options(self) -> ExportOptions:
        return ExportOptions(suggestions=self.cleaned_data["suggestions"], only=self.cleaned_data["only"])


@require_GET
@login_required
@permission_required(roles.EXPORT, raise_exception=True)
def comparison_export(request: HttpRequest, slug: str) -> HttpResponse:
    """Show the export options; with a format chosen, download the export as a file."""
    comparison = get_visible_or_404(request, Comparison, slug=slug)
    form = ExportForm(request.GET if "format" in request.GET else None)
    if not form.is_bound or not form.is_valid():
        status = 400 if form.is_bound else 200
        return render(request, "newsdiff/comparison_export.html", {"comparison": comparison, "form": form}, status=status)
    export = export_create(
        comparison=comparison,
        fmt=form.cleaned_data["format"],
        options=form.options(),
        user=request.user,
        via="web",
    )
    response = HttpResponse(export.content.encode("utf-8"), content_type=export.content_type)
    response["Content-Disposition"] = f'attachment; filename="{export.filename}"'
    response["Cache-Control"] = "no-store"
    return response
