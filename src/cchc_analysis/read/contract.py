"""The standard long frame's columns, the errors of reading a table, and what a read
reports (``ReadInfo``)."""

from __future__ import annotations

from dataclasses import dataclass, field

REQUIRED_LONG = ("province", "period", "indicator", "value")
OPTIONAL_LONG = ("unit", "source", "note")
KEY_WIDE = ("province", "period")
SEQUENCE = "stt"  # the serial-number column of Vietnamese tables: never an indicator
TYPED = "__typed_cells__"  # list of the columns whose cell in this row held a real number
HEADER_SEARCH_ROWS = 50
MAX_NAME = 120  # characters: longer than any spelling of a province, with its prefix
# Characters nobody sees and nobody means: zero-width spaces and joiners, word joiner, a
# byte-order mark inside a cell, soft hyphen, C0 controls other than tab and line ends.
INVISIBLE = "[\u200b\u200c\u200d\u2060\ufeff\u00ad\x01-\x08\x0b\x0c\x0e-\x1f\x7f]"

# Header spellings seen in Vietnamese tables, mapped to the contract's column names.
_HEADER_ALIASES = {
    **{name: name for name in (*REQUIRED_LONG, *OPTIONAL_LONG)},
    "tinh": "province",
    "tinh/thanh pho": "province",
    "tinh, thanh pho": "province",
    "tinh/tp": "province",
    "tinh, tp": "province",
    "ten tinh": "province",
    "dia phuong": "province",
    "ky": "period",
    "ky bao cao": "period",
    "thoi ky": "period",
    "nam": "period",
    "nam bao cao": "period",
    "year": "period",
    "chi tieu": "indicator",
    "ma chi tieu": "indicator",
    "gia tri": "value",
    "so lieu": "value",
    "don vi": "unit",
    "don vi tinh": "unit",
    "dvt": "unit",
    "nguon": "source",
    "nguon so lieu": "source",
    "ghi chu": "note",
    "stt": SEQUENCE,
    "tt": SEQUENCE,
    "so tt": SEQUENCE,
    "thu tu": SEQUENCE,
    "so thu tu": SEQUENCE,
}
# Where two columns map to the same name, the one spelled like this wins (the id over a label).
_PREFERRED_SPELLING = {"indicator": ("indicator", "ma chi tieu")}


class LoadError(ValueError):
    """A table that cannot be read into the contract's shape; the message names file and cause."""


class SheetError(LoadError):
    """The sheet asked for does not exist, or the first sheet holds no indicator table."""


class LegacyEncodingError(LoadError):
    """Text typed with a legacy Vietnamese font encoding (TCVN3/ABC or VNI)."""


class AmbiguousNumberFormat(LoadError):
    """Numbers that read differently in the Vietnamese and the English format, with nothing in
    their column to settle which one is meant."""


@dataclass
class ReadInfo:
    """What the reader found out about a file (for messages and the report of a load)."""

    path: str
    format: str  # csv, xlsx, xls, parquet
    encoding: str | None = None  # CSV: the encoding used (utf-8, utf-8-sig, utf-16-le, cp1258…)
    delimiter: str | None = None  # CSV
    sheet: str | None = None  # Excel: the sheet read
    sheets: tuple[str, ...] = ()  # Excel: every sheet of the workbook
    header_rows: tuple[int, ...] = ()  # 1-based row numbers of the header (two when merged)
    legacy: dict[str, str] = field(default_factory=dict)  # column → TCVN3/VNI (converted)
    number_formats: dict[str, str] = field(default_factory=dict)  # column → vi/en (decided)
    notes: list[str] = field(default_factory=list)  # what was skipped or read unusually
    # Excel cells that are dates or formulas without a result: (row, column, kind, cell ref)
    cells: list[tuple[int, str, str, str]] = field(default_factory=list)
