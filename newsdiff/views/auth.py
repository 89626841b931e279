"""The page a locked-out login gets (django-axes calls login_locked_out through AXES_LOCKOUT_CALLABLE)."""

from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.shortcuts import render
from django.utils import timezone


def login_locked_out(request, original_response=None, credentials=None):
    """Answer a login from a locked account and address pair: the login page, saying until when (429)."""
    cooloff = settings.AXES_COOLOFF_TIME
    # A failure during the lockout starts the cool-off again (axes' default), so it runs from now.
    retry_at = timezone.localtime(timezone.now() + cooloff)
    minutes = max(1, round(cooloff.total_seconds() / 60))
    context = {
        "form": AuthenticationForm(request),
        "locked_out": True,
        "retry_at": retry_at,
        "lockout_minutes": minutes,
        "next": request.POST.get("next") or request.GET.get("next", ""),
    }
    return render(request, "registration/login.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)
