"""Reading report files as they come: plain text, saved web pages, DOCX, PDF."""

from __future__ import annotations

from pathlib import Path


def read_text(path: Path | str, encoding: str | None = None) -> tuple[str, str]:
    """Return ``(text, encoding used)`` of a text file: NFC, no byte-order mark, ``\\r\\n`` kept
    as written (offsets count characters of this text). Encodings as ``cchc validate`` reads
    CSV: byte-order mark, else strict UTF-8, else Windows-1258; or the one given."""
    from cchc_analysis.encodings import decode_bytes

    return decode_bytes(Path(path).read_bytes(), encoding)
