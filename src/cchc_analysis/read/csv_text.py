"""CSV text → records: binary files refused, the delimiter sniffed or forced, unbalanced quotes
reported (the encoding is decided in ``cchc_analysis.read.encodings``)."""

from __future__ import annotations

import io
from pathlib import Path

import polars as pl

from cchc_analysis.read import encodings
from cchc_analysis.read.contract import HEADER_SEARCH_ROWS, LoadError
from cchc_analysis.read.headers import _column_letter, _contract_names
from cchc_analysis.read.inputs import clip


def _read_csv_frame(
    path: Path, raw: bytes, encoding: str | None, delimiter: str | None
) -> tuple[pl.DataFrame, str, str, frozenset[str]]:
    """Return the CSV's records as a frame of text columns ``A``, ``B``, … plus ``row``, the
    encoding and delimiter used, and the characters that are no evidence of a legacy font."""
    for magic, what in _BINARY_MAGIC:
        if raw.startswith(magic):
            raise LoadError(f"{path}: not a CSV text file but {what}")
    try:
        # cells are put in NFC once read (each distinct text once): not the whole file here
        text, used = encodings.decode_bytes(raw, encoding, normalise=False)
    except LookupError as exc:
        raise LoadError(f"{path}: unknown encoding {encoding!r}") from exc
    except encodings.DecodeProblem as exc:
        raise LoadError(f"{path}: {exc}") from exc
    ignore: frozenset[str] = frozenset()
    if used == "cp1258" and encoding is None:
        # Not UTF-8: Windows-1258, or bytes typed with a legacy font (TCVN3, VNI) that only
        # make sense read as Latin-1. Look at them that way before settling on Windows-1258.
        latin1 = raw.decode("latin-1")
        if encodings.looks_legacy(latin1, encodings.CP1258_REPURPOSED):
            text, used, ignore = latin1, "latin-1", encodings.CP1258_REPURPOSED
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise LoadError(f"{path}: the file is empty")
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise LoadError(
            f"{path}: row {line} holds a NUL byte: not a text table (a binary file, or UTF-16 "
            "saved without its byte-order mark? name the encoding with --encoding)"
        )
    if delimiter is None:
        delimiter = encodings.sniff_delimiter(text, _header_score)
    _check_quotes(path, text)
    head = encodings.head_records(text, delimiter, HEADER_SEARCH_ROWS + 10)
    width = max((len(r) for r in head), default=1)
    columns = [_column_letter(j) for j in range(width)]
    try:
        as_read = raw if used == "utf-8" and b"\r" not in raw else text.encode("utf-8")
        frame = pl.read_csv(
            io.BytesIO(as_read),
            has_header=False,
            separator=delimiter,
            schema=dict.fromkeys(columns, pl.String),
            missing_columns="insert",  # title rows have fewer cells than the table
        )
    except pl.exceptions.NoDataError as exc:
        raise LoadError(f"{path}: the file is empty") from exc
    except pl.exceptions.PolarsError as exc:
        raise LoadError(
            f"{path}: cannot be read as CSV with delimiter {delimiter!r} (a row with more cells "
            f"than the first {len(head)} rows?): {clip(str(exc), 300)}"
        ) from exc
    frame = frame.with_columns(row=pl.int_range(1, pl.len() + 1, dtype=pl.Int64))
    return frame, used, delimiter, ignore


_BINARY_MAGIC = (
    (b"PK\x03\x04", "a ZIP archive (an Excel .xlsx workbook named .csv? give it its .xlsx name)"),
    (b"\xd0\xcf\x11\xe0", "an Excel 97-2003 workbook (.xls) named .csv: give it its .xls name"),
    (b"\x1f\x8b", "a gzip-compressed file: decompress it first"),
    (b"PAR1", "a Parquet file named .csv: give it its .parquet name"),
    (b"%PDF", "a PDF document: export its table to CSV or Excel first"),
    (b"\x89PNG", "a PNG image"),
)


def _check_quotes(path: Path, text: str) -> None:
    """Refuse a CSV with a quote that opens a cell and never closes: the rest of the file
    would become one cell. Names the row where it opens."""
    if text.count('"') % 2 == 0:
        return
    inside, opened = False, 0
    for number, line in enumerate(text.split("\n"), start=1):
        if line.count('"') % 2:
            inside = not inside
            opened = number if inside else opened
    if inside:
        rest = text.count("\n") + 1 - opened
        raise LoadError(
            f'{path}: row {opened}: a quote (") opens a cell and is never closed, so the '
            f"{rest} line(s) after it would read as one cell; close the quote or remove it"
        )


def _header_score(records: list[list[str]]) -> int:
    return max((len(_contract_names(r)) for r in records[:HEADER_SEARCH_ROWS]), default=0)
