"""Run the whole text pipeline: bytes or text in, prepared text and classified segments out."""

from dataclasses import dataclass

from newsdiff.text.decode import decode_bytes, normalise_text
from newsdiff.text.extract import PreparedText, detect_format, prepare
from newsdiff.text.segment import Segment, segment


@dataclass(frozen=True)
class SplitDocument:
    """An article ready for comparison: its prepared text, its segments and the format it came in."""

    prepared: PreparedText
    segments: list[Segment]
    fmt: str
    original: str = ""  # the upload as decoded, or the pasted content exactly as given


def split_upload(data: bytes, filename: str = "") -> SplitDocument:
    """Decode an uploaded file, detect its format, prepare and segment it; raises InputRejected for bad input."""
    content = decode_bytes(data)
    fmt = detect_format(filename, content)
    return _split(content, fmt, original=content)


def split_content(content: str, fmt: str = "text") -> SplitDocument:
    """Normalise pasted content of a known format, prepare and segment it; raises InputRejected for bad input."""
    return _split(normalise_text(content), fmt, original=content)


def _split(content: str, fmt: str, *, original: str) -> SplitDocument:
    """Prepare normalised content and segment the prepared text."""
    prepared = prepare(content, fmt)
    segments = segment(prepared.text, prepared.heading_spans)
    return SplitDocument(prepared=prepared, segments=segments, fmt=fmt, original=original)
