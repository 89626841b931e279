"""{{ reason|reason }}: one of the engine's reasons in the reader's language (newsdiff/reasons.py)."""

from django import template

from newsdiff.reasons import reason_text

register = template.Library()
register.filter("reason", reason_text)
