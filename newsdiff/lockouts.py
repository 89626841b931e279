"""Log every login lockout with the account, the address and when it lifts (django-axes masks both in its own log)."""

import logging

from django.conf import settings
from django.utils import timezone

logger = logging.getLogger("newsdiff.security")


def log_lockout(sender, request, username, ip_address, **kwargs) -> None:
    """Receiver of axes.signals.user_locked_out: one WARNING line per locked-out attempt."""
    until = timezone.now() + settings.AXES_COOLOFF_TIME
    logger.warning(
        "Login locked out: account %r from %s after %d failed attempts, until %s (path %s).",
        username,
        ip_address,
        settings.AXES_FAILURE_LIMIT,
        until.isoformat(timespec="seconds"),
        getattr(request, "path", ""),
    )
