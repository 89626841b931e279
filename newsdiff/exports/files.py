"""Writing an export: its file name, its content, and the record of who made it."""

from dataclasses import dataclass

from django.utils import timezone

from newsdiff.exports.formats import FORMATS
from newsdiff.exports.model import ExportOptions, comparison_export
from newsdiff.models import Comparison, ExportRecord


@dataclass(frozen=True)
class ExportFile:
    content: str
    filename: str
    content_type: str


def export_filename(slug: str, fmt: str, options: ExportOptions, day=None) -> str:
    """A meaningful file name: the comparison's slug, the filter if any, the day, the format."""
    day = day or timezone.localdate()
    suffix = f"-{options.only}" if options.only else ""
    return f"{slug}{suffix}-{day.isoformat()}.{FORMATS[fmt].extension}"


def export_create(*, comparison: Comparison, fmt: str, options: ExportOptions, user=None, via: str = "web") -> ExportFile:
    """Build and render an export, and log who made it, how and with which options."""
    if fmt not in FORMATS:
        raise ValueError(f"Unknown export format {fmt!r}: use one of {', '.join(FORMATS)}.")
    now = timezone.now()
    model = comparison_export(comparison, options=options, user=user, now=now)
    content = FORMATS[fmt].render(model)
    ExportRecord.objects.create(
        comparison=comparison,
        user=user if user is not None and user.is_authenticated else None,
        format=fmt,
        options=options.as_dict(),
        via=via,
    )
    return ExportFile(
        content=content,
        filename=export_filename(comparison.slug, fmt, options, timezone.localdate(now)),
        content_type=FORMATS[fmt].content_type,
    )
