"""What the text layer's refusals say, in the reader's language.

newsdiff/text stays free of Django, so its errors carry a code and parameters besides their English message;
this module turns them into the active language's words where a service shows them to a person.
"""

from django.utils.translation import gettext_lazy as _

INPUT_MESSAGES = {
    "empty": _("The file is empty or contains only whitespace."),
    "binary": _("The file looks binary, not text."),
    "nul_bytes": _("The file contains NUL bytes, so it is probably not a plain text file."),
    "nul_text": _("The text contains NUL characters, which are not allowed."),
    "bad_bom": _("The file starts with a %(encoding)s byte-order mark but is not valid %(encoding)s."),
    "bad_wide": _("The file looks like %(encoding)s text but contains invalid byte sequences."),
    "no_text": _("No readable text was found in the file."),
    "too_deep": _("The HTML is nested too deeply to process safely; simplify it or upload plain text."),
    "empty_page": _("The page is empty."),
    "no_article": _("No article text was found on the page."),
}


def refusal_text(error: Exception) -> str:
    """Return a text-layer refusal (InputRejected, NoArticleFound) in the active language; its English otherwise."""
    message = INPUT_MESSAGES.get(getattr(error, "code", ""))
    if message is None:
        return str(error)
    params = getattr(error, "params", None)
    return str(message) % params if params else str(message)
