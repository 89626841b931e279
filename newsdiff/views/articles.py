"""Article pages: an account, its versions and what changed between them."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.views.decorators.http import require_GET


@require_GET
@login_required
def article_detail(request, pk):
    return HttpResponse(str(pk))
