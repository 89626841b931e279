"""Turn uploaded bytes into normalised text, or reject them with a message a person can act on."""

import codecs
import re
import unicodedata



class InputRejected(ValueError):
    """Raised with a one-sentence, human-readable message for the user.

    str(error) is the message in English (the command line shows it); `code` names the refusal and `params`
    fill in its details, so the layer that knows the reader's language says it in theirs (this package stays
    free of Django: newsdiff/services/refusals.py holds the translated wording).
    """

    def __init__(self, message: str, *, code: str = "", params: dict | None = None):
        super().__init__(message)
        self.code = code or CODES.get(message, "")
        self.params = params or {}


MSG_EMPTY = "The file is empty or contains only whitespace."
MSG_BINARY = "The file looks binary, not text."
MSG_NUL = "The file contains NUL bytes, so it is probably not a plain text file."
MSG_NUL_TEXT = "The text contains NUL characters, which are not allowed."
CODES = {MSG_EMPTY: "empty", MSG_BINARY: "binary", MSG_NUL: "nul_bytes", MSG_NUL_TEXT: "nul_text"}

# Leading bytes of common binary formats: images, documents, archives, executables, media.
BINARY_SIGNATURES = (
    b"\x89PNG\r\n\x1a\n",
    b"%PDF-",
    b"PK\x03\x04",
    b"PK\x05\x06",
    b"PK\x07\x08",
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",
    b"\x1f\x8b",
    b"BZh91AY&SY",
    b"7z\xbc\xaf\x27\x1c",
    b"Rar!\x1a\x07",
    b"\x7fELF",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
    b"\x00asm",
    b"SQLite format 3\x00",
    b"OggS",
    b"ID3",
    b"\xca\xfe\xba\xbe",
    b"\xfd7zXZ\x00",
    b"(\xb5/\xfd",
    b"II*\x00",
    b"MM\x00*",
)

# Longest first, so the UTF-32 LE BOM is not mistaken for the UTF-16 LE one.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

SAMPLE_BYTES = 65536
CONTROL_BYTES = frozenset(range(0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B} | {0x7F}
ALLOWED_CONTROL_CHARS = frozenset("\t\n\v\f\r\x1b\x1c\x1d\x1e\x85")
BINARY_CONTROL_RATIO = 0.02
# Random bytes are about 11 % control bytes; a text file with a few stray NULs is far below 5 %.
BINARY_CONTROL_BYTE_RATIO = 0.05
BINARY_MIN_SAMPLE = 256
UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
NON_ASCII_LETTER_RATIO_WESTERN = 0.3


def decode_bytes(data: bytes) -> str:
    """Detect the encoding of uploaded bytes and return normalised text."""
    if not data.strip():
        raise InputRejected(MSG_EMPTY)
    if data.startswith(BINARY_SIGNATURES) or data[4:8] == b"ftyp" or data[:4] == b"RIFF":
        raise InputRejected(MSG_BINARY)
    text = _decode_with_bom(data)
    if text is None:
        text = _decode_wide_without_bom(data)
    if text is None:
        if b"\x00" in data:
            raise InputRejected(MSG_BINARY if _looks_binary(data) else MSG_NUL)
        text = _decode_8bit(data)
    if _control_char_ratio(text) > BINARY_CONTROL_RATIO:
        raise InputRejected(MSG_BINARY)
    return normalise_text(text)


def normalise_text(text: str) -> str:
    """Unify line endings, drop a leading BOM and apply Unicode NFC; reject NULs and empty text."""
    if "\x00" in text:
        raise InputRejected(MSG_NUL_TEXT)
    text = text.removeprefix("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    if not text.strip():
        raise InputRejected(MSG_EMPTY)
    return text


def _decode_with_bom(data: bytes) -> str | None:
    """Decode data that starts with a byte-order mark, or return None when there is none."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                raise InputRejected(
                    f"The file starts with a {encoding.upper()} byte-order mark but is not valid {encoding.upper()}.",
                    code="bad_bom",
                    params={"encoding": encoding.upper()},
                ) from None
    return None


def _decode_wide_without_bom(data: bytes) -> str | None:
    """Recognise UTF-32 or UTF-16 without a BOM from where the NUL bytes of Latin text fall."""
    encoding = _wide_encoding_from_nul_pattern(data[:SAMPLE_BYTES])
    if encoding is None:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        message = f"The file looks like {encoding.upper()} text but contains invalid byte sequences."
        raise InputRejected(message, code="bad_wide", params={"encoding": encoding.upper()}) from None


def _wide_encoding_from_nul_pattern(sample: bytes) -> str | None:
    """Name the UTF-16/32 variant whose NUL-byte layout the sample shows, if any."""
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    if len(sample) % 4 == 0:
        quads = len(sample) // 4
        nul_at = [sample[offset::4].count(0) / quads for offset in range(4)]
        if min(nul_at[1:]) >= 0.9 and nul_at[0] < 0.1:
            return "utf-32-le"
        if min(nul_at[:3]) >= 0.9 and nul_at[3] < 0.1:
            return "utf-32-be"
    if len(sample) % 2 == 0:
        pairs = len(sample) // 2
        even_nuls = sample[0::2].count(0) / pairs
        odd_nuls = sample[1::2].count(0) / pairs
        if odd_nuls >= 0.3 and even_nuls < 0.05:
            return "utf-16-le"
        if even_nuls >= 0.3 and odd_nuls < 0.05:
            return "utf-16-be"
    return None


def _decode_8bit(data: bytes) -> str:
    """Decode data without a BOM: UTF-8, repaired mixed UTF-8, Western cp1252/Latin-1, or a detected legacy encoding."""
    import charset_normalizer  # imported on first use, not when a command starts

    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if UTF8_MULTIBYTE.search(data):
        # Mostly UTF-8 with a few stray Windows bytes (typical of pasted text): keep the UTF-8 and read
        # each invalid byte as cp1252 rather than turning every accented letter into mojibake.
        return data.decode("utf-8", errors="newsdiff-cp1252")
    western = _decode_cp1252(data)
    if _plausibly_western(western):
        return western
    best = charset_normalizer.from_bytes(data).best()
    return str(best) if best is not None else western


def _decode_cp1252(data: bytes) -> str:
    """Decode as cp1252, reading its five undefined bytes as Latin-1."""
    return data.decode("cp1252", errors="newsdiff-latin1")


def _plausibly_western(text: str) -> bool:
    """Tell whether cp1252-decoded text reads like Western European text rather than another legacy script."""
    letters = [char for char in text if char.isalpha()]
    if not letters:
        return True
    non_ascii = sum(1 for char in letters if not char.isascii())
    return non_ascii / len(letters) <= NON_ASCII_LETTER_RATIO_WESTERN


def _looks_binary(data: bytes) -> bool:
    """Tell whether data with NUL bytes is binary: long enough to judge and full of control bytes."""
    sample = data[:SAMPLE_BYTES]
    controls = sum(1 for byte in sample if byte in CONTROL_BYTES)
    return len(sample) >= BINARY_MIN_SAMPLE and controls / len(sample) > BINARY_CONTROL_BYTE_RATIO


def _control_char_ratio(text: str) -> float:
    """Share of control characters (other than whitespace) in the first part of the text."""
    sample = text[:SAMPLE_BYTES]
    if not sample:
        return 0.0
    controls = sum(
        1 for char in sample if char not in ALLOWED_CONTROL_CHARS and unicodedata.category(char) == "Cc"
    )
    return controls / len(sample)


def _cp1252_error_handler(error: UnicodeDecodeError) -> tuple[str, int]:
    """Codec error handler: read undecodable bytes as cp1252 (Latin-1 for its undefined bytes)."""
    bad = error.object[error.start : error.end]
    return _decode_cp1252(bad), error.end


def _latin1_error_handler(error: UnicodeDecodeError) -> tuple[str, int]:
    """Codec error handler: read undecodable bytes as Latin-1."""
    return error.object[error.start : error.end].decode("latin-1"), error.end


codecs.register_error("newsdiff-cp1252", _cp1252_error_handler)
codecs.register_error("newsdiff-latin1", _latin1_error_handler)
