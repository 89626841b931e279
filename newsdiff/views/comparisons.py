"""The review workspace: comparison list and side-by-side page."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.views.decorators.http import require_GET


@require_GET
@login_required
def comparison_list(request):
    return HttpResponse("comparisons")


@require_GET
@login_required
def comparison_detail(request, slug):
    return HttpResponse(slug)
