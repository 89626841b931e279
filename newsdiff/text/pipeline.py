"""Run the whole text pipeline: bytes or text in, prepared text and classified segments out."""

from dataclasses import dataclass

from newsdiff.text.decode import decode_bytes, normalise_text
from newsdiff.text.extract import PreparedText, detect_format, prepare
from newsdiff.text.language import account_language, pipeline_language
from newsdiff.text.segment import Segment, segment


@dataclass(frozen=True)
class SplitDocument:
    """An article ready for comparison: its prepared text, its segments and the format it came in."""

    prepared: PreparedText
    segments: list[Segment]
    fmt: str
    original: str = ""  # the upload as decoded, or the pasted content exactly as given
    language: str = ""  # the tag given, else the detected language ("" if too short to tell)


def split_upload(data: bytes, filename: str = "", language: str = "") -> SplitDocument:
    """Decode an uploaded file, detect its format, prepare and segment it; raises InputRejected for bad input.

    Sentences are split by the account's language: `language` when given, else the one detected.
    """
    content = decode_bytes(data)
    fmt = detect_format(filename, content)
    return _split(content, fmt, original=content, language=language)


def split_content(content: str, fmt: str = "text", language: str = "") -> SplitDocument:
    """Normalise pasted content of a known format, prepare and segment it; raises InputRejected for bad input."""
    return _split(normalise_text(content), fmt, original=content, language=language)


def _split(content: str, fmt: str, *, original: str, language: str = "") -> SplitDocument:
    """Prepare normalised content, settle its language and segment the prepared text."""
    prepared = prepare(content, fmt)
    language = account_language(given=language, text=prepared.text)
    segments = segment(prepared.text, prepared.heading_spans, language=pipeline_language(language))
    return SplitDocument(prepared=prepared, segments=segments, fmt=fmt, original=original, language=language)
