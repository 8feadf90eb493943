"""Load indicator tables (long or wide; CSV, XLSX, XLS, Parquet) into one standard long frame.

Every cell is first read as text so nothing is lost, and every cell keeps the row number it has
in the original file (1-based, counting title rows above the header and the header itself);
parsing into numbers, periods and provinces happens afterwards, and what cannot be parsed stays
visible (null plus the original text, and ``value_problem`` saying why) for validation to report.

Readers:

* CSV: the encoding is detected (byte-order mark: UTF-8, UTF-16 LE/BE; else strict UTF-8; else
  Windows-1258) or forced with ``encoding=``; the delimiter (``,`` ``;`` tab) is sniffed or
  forced with ``delimiter=``.
* XLSX (openpyxl) and XLS (xlrd): cells keep their type, so a number typed in Excel is used as
  that number and never goes through the text heuristics; a cell formatted as a percentage
  (0.7025 shown as 70,25%) gives 70.25. Merged header cells are spread over the cells they
  cover. ``sheet=`` picks a sheet (name or 0-based index).
* Parquet: numeric columns are numbers as they are.

The header row is the first row holding at least two of the contract's column names (or their
Vietnamese aliases: ``Tỉnh``, ``Kỳ báo cáo``, ``Chỉ tiêu``, ``Giá trị``, …), so title rows above
it are skipped; ``header=`` gives the row number or a keyword of the header row instead. Text
typed with the legacy TCVN3 (ABC) or VNI fonts is detected and reported (or converted with
``legacy='convert'``). Numbers are read in the Vietnamese or English format
(``number_format='vi'|'en'``) or, by default, in the format each column's values show
(``'auto'``); see ``cchc_analysis.read.numbers``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import io
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import polars as pl

from cchc_analysis.read import encodings, numbers
from cchc_analysis.read.inputs import InputFileError, check_regular_file, clip
from cchc_analysis.read.numbers import parse_number
from cchc_analysis.reference.periods import PeriodError, parse_period

__all__ = [
    "AmbiguousNumberFormat",
    "LegacyEncodingError",
    "LoadError",
    "ReadInfo",
    "SheetError",
    "load_indicators",
    "load_indicators_with_info",
    "load_ratio_catalogue",
    "parse_number",
    "read_grid",
    "read_table",
    "read_table_with_info",
    "standardise",
    "to_long",
]

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


# --------------------------------------------------------------------------------------------
# Headers
# --------------------------------------------------------------------------------------------


def _fold_header(name: str) -> str:
    name = re.sub(INVISIBLE, "", name)
    decomposed = unicodedata.normalize("NFD", name.strip().lower()).replace("đ", "d")
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", folded.replace("\u00a0", " ")).strip()


@cache
def load_ratio_catalogue() -> pl.DataFrame:
    """Return the ratio indicators (``data/ratio_indicators.csv``): ratio_id, numerator,
    denominator, label_vi, label_en. A cell ``28/40`` under a ratio id stands for the numerator
    (28) and the denominator (40) indicators."""
    path = resources.files("cchc_analysis") / "data" / "ratio_indicators.csv"
    return pl.read_csv(path.read_bytes(), infer_schema=False)


@cache
def _label_aliases() -> dict[str, str]:
    """Folded catalogue labels (Vietnamese and English) and ids → indicator id."""
    from cchc_analysis.reference.catalogue import load_catalogue

    aliases: dict[str, str] = {}
    for frame, key in ((load_catalogue(), "id"), (load_ratio_catalogue(), "ratio_id")):
        for row in frame.iter_rows(named=True):
            for label in (row[key], row.get("label_vi"), row.get("label_en")):
                if label:
                    aliases.setdefault(_fold_header(str(label)), str(row[key]))
    return aliases


def _canonical_header(name: str) -> str:
    folded = _fold_header(name)
    if folded in _HEADER_ALIASES:
        return _HEADER_ALIASES[folded]
    if folded in _label_aliases():
        return _label_aliases()[folded]
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", re.sub(INVISIBLE, "", name))).strip()


def _is_known_header(name: str | None) -> bool:
    if not name:
        return False
    folded = _fold_header(name)
    return folded in _HEADER_ALIASES or folded in _label_aliases()


def _contract_names(cells: Iterable[str | None]) -> set[str]:
    return {
        _HEADER_ALIASES[folded]
        for cell in cells
        if cell and (folded := _fold_header(cell)) in _HEADER_ALIASES
    } & set(REQUIRED_LONG)


def _find_header(rows: list[list[str | None]], header: int | str | None) -> int | None:
    """Return the 0-based index of the header row among ``rows`` (the file's first rows)."""
    if isinstance(header, int):
        return header - 1 if 1 <= header <= len(rows) else None
    if isinstance(header, str):
        wanted = _fold_header(header)
        for i, row in enumerate(rows):
            if any(cell and _fold_header(cell) == wanted for cell in row):
                return i
        return None
    for i, row in enumerate(rows):
        if len(_contract_names(row)) >= 2:
            return i
    return None


def _header_depth(
    rows: list[list[str | None]], at: int, merges: list[tuple[int, int, int, int]]
) -> int:
    """How many rows the header spans: cells merged downwards from the header row, or (without
    merge information) a next row that names indicators under an empty province cell."""
    depth = 1
    for r0, _c0, r1, _c1 in merges:
        if r0 == at and r1 > at:
            depth = max(depth, min(r1 - at + 1, 3))
    if depth > 1 or merges or at + 1 >= len(rows):
        return depth
    names = [_canonical_header(c) if c else None for c in rows[at]]
    following = rows[at + 1]
    province = names.index("province") if "province" in names else None
    below = following[province] if province is not None and province < len(following) else None
    if below and province is not None and below == rows[at][province]:
        return 2  # the header's cells repeated below it: a two-row header without merges
    if not below and any(_is_known_header(c) for c in following):
        return 2
    return 1


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _header_names(block: list[list[str | None]], width: int) -> list[str]:
    """One name per column from the header block (after merged cells were spread): the lowest
    non-empty cell of each column, which is the most specific one."""
    names: list[str] = []
    for j in range(width):
        name = None
        for row in reversed(block):
            if j < len(row) and row[j]:
                name = row[j]
                break
        names.append(name or "")
    return names


def _unique_names(raw: list[str], letters: list[str] | None = None) -> list[str]:
    """Canonical names (contract names, indicator ids); a column whose name is taken keeps its
    own text; an empty header becomes ``column_<letter>``; duplicates get `` (2)``…"""
    canonical = [_canonical_header(name) if name else "" for name in raw]
    for target, spellings in _PREFERRED_SPELLING.items():
        owners = [j for j, name in enumerate(canonical) if name == target]
        if len(owners) > 1:
            best = min(
                owners,
                key=lambda j: (
                    spellings.index(_fold_header(raw[j]))
                    if _fold_header(raw[j]) in spellings
                    else len(spellings)
                ),
            )
            canonical = [
                name if j == best or j not in owners else raw[j].strip()
                for j, name in enumerate(canonical)
            ]
    names: list[str] = []
    seen: set[str] = set()
    for j, (name, original) in enumerate(zip(canonical, raw, strict=True)):
        if name in seen:
            name = unicodedata.normalize("NFC", original.strip())
        if not name:
            name = f"column_{letters[j] if letters else _column_letter(j)}"
        base, n = name, 2
        while name in seen or name in {"row", TYPED}:
            name, n = f"{base} ({n})", n + 1
        seen.add(name)
        names.append(name)
    return names


# --------------------------------------------------------------------------------------------
# Grids: every reader first produces the file's cells by row number
# --------------------------------------------------------------------------------------------


@dataclass
class _Grid:
    """The cells of a sheet that hold something, as text: ``rows[i]`` is file row
    ``numbers[i]`` (1-based; empty rows are left out, so memory follows the cells that hold
    values, not the sheet's dimension), its columns those of ``letters`` (columns empty in
    every row are left out too). Real-number cells are marked in ``typed``; merged ranges are
    in the kept rows' and columns' indices (first row, first col, last row, last col);
    ``cells`` lists the cells that are dates or formulas without a result (0-based index in
    ``rows``, column index, kind, cell reference)."""

    rows: list[list[str | None]]
    typed: list[list[bool]]
    merges: list[tuple[int, int, int, int]]
    sheet: str
    sheets: tuple[str, ...]
    numbers: list[int] = field(default_factory=list)
    letters: list[str] = field(default_factory=list)
    cells: list[tuple[int, int, str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    hidden: dict[str, str] = field(default_factory=dict)  # sheet → hidden / very hidden


def _number_text(value: float, percent: bool) -> str:
    if percent:
        value = float(f"{value * 100:.12g}")
    if isinstance(value, int) or (value.is_integer() and abs(value) < 1e15):
        text = str(int(value))
    else:
        text = repr(float(value))
    return text + ("%" if percent else "")


def _month_only(number_format: str | None) -> bool:
    """True for a date format that shows a month and a year but no day (``mm/yyyy``)."""
    fmt = re.sub(r'"[^"]*"|\[[^]]*\]', "", (number_format or "").lower())
    return "y" in fmt and "m" in fmt and "d" not in fmt and "h" not in fmt


def _cell_text(value: Any, number_format: str | None) -> tuple[str | None, bool]:
    """Return a cell's text and whether it held a real number."""
    if value is None:
        return None, False
    if isinstance(value, bool):
        return ("TRUE" if value else "FALSE"), False
    if isinstance(value, int | float):
        return _number_text(value, "%" in (number_format or "")), True
    if isinstance(value, dt.datetime | dt.date) and _month_only(number_format):
        return f"{value.year}-{value.month:02d}", False  # '07/2025' typed in Excel: a month
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat(), False
        return value.isoformat(sep=" "), False
    if isinstance(value, dt.date | dt.time):
        return value.isoformat(), False
    if isinstance(value, dt.timedelta):
        return str(value), False
    text = unicodedata.normalize("NFC", str(value)).strip()
    return (text or None), False


_HIDDEN = {"hidden": "hidden", "veryHidden": "very hidden", 1: "hidden", 2: "very hidden"}


@dataclass(frozen=True)
class _SheetEntry:
    name: str
    state: str  # visible, hidden, very hidden
    kind: str  # worksheet, chart sheet


def _pick_sheet(
    path: Path, entries: list[_SheetEntry], sheet: str | int | None, active: str | None
) -> tuple[str, list[str]]:
    """Return the sheet to read and notes on what was skipped: the one asked for, else the
    active sheet when it is a visible worksheet, else the first visible worksheet. Hidden and
    very hidden sheets are never read unless asked for by name."""
    names = [e.name for e in entries]
    if sheet is None:
        readable = [e for e in entries if e.kind == "worksheet" and e.state == "visible"]
        if not readable:
            others = [e for e in entries if e.kind == "worksheet"]
            if not others:
                raise SheetError(f"{path}: the workbook has no worksheet")
            raise SheetError(
                f"{path}: the workbook has no visible worksheet; its hidden sheets are "
                f"{_listing(e.name for e in others)}: choose one with --sheet "
                f"{others[0].name!r} if it holds the table"
            )
        chosen = next((e for e in readable if e.name == active), readable[0])
        return chosen.name, _skipped(entries, chosen.name)
    if isinstance(sheet, int):
        if not 0 <= sheet < len(names):
            raise SheetError(
                f"{path}: there is no sheet number {sheet} (0-based); the workbook's sheets "
                f"are {_listing(names)}"
            )
        found = entries[sheet]
    else:
        folded = {_fold_header(e.name): e for e in entries}
        match = next((e for e in entries if e.name == sheet), folded.get(_fold_header(sheet)))
        if match is None:
            raise SheetError(
                f"{path}: there is no sheet {sheet!r}; the workbook's sheets are {_listing(names)}"
            )
        found = match
    if found.kind != "worksheet":
        raise SheetError(f"{path}: sheet {found.name!r} is a {found.kind}: it holds no cells")
    notes = (
        []
        if found.state == "visible"
        else [f"sheet {found.name!r} is {found.state}: read because it was asked for"]
    )
    return found.name, notes


def _skipped(entries: list[_SheetEntry], chosen: str) -> list[str]:
    notes = []
    for e in entries:
        if e.name == chosen:
            continue
        if e.kind != "worksheet":
            notes.append(f"{e.kind} {e.name!r} skipped")
        elif e.state != "visible":
            notes.append(f"{e.state} sheet {e.name!r} not read (choose it with --sheet)")
        else:
            notes.append(f"sheet {e.name!r} not read (choose it with --sheet)")
    if notes:
        notes.insert(0, f"read sheet {chosen!r}")
    return notes


def _listing(names: Iterable[str]) -> str:
    return ", ".join(repr(n) for n in names)


_MERGE_REF = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')
# A cell with a formula and no cached result: <c r="D3"><f>D2-12</f><v></v></c> or no <v>.
_UNCACHED_FORMULA = re.compile(
    rb'<(?:\w+:)?c\s+r="([A-Z]+)(\d+)"[^>]*?(?<!/)>\s*<(?:\w+:)?f\b[^>]*?(?:/>|>(.*?)</(?:\w+:)?f>)'
    rb"\s*(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>",
    re.S,
)


def _column_index(letters: bytes) -> int:
    index = 0
    for c in letters.decode():
        index = index * 26 + ord(c) - 64
    return index - 1


def _sheet_xml(ws: Any) -> bytes:
    """The XML of a read-only openpyxl sheet (merged ranges and formulas are read from it:
    read-only worksheets do not parse them)."""
    try:
        with ws._get_source() as source:
            return bytes(source.read())
    except Exception:  # pragma: no cover - the private reader changed: go without them
        return b""


def _xlsx_merges(xml: bytes) -> list[tuple[int, int, int, int]]:
    return [
        (int(r0) - 1, _column_index(c0), int(r1) - 1, _column_index(c1))
        for c0, r0, c1, r1 in _MERGE_REF.findall(xml)
    ]


def _xlsx_uncached(xml: bytes) -> dict[tuple[int, int], str]:
    """(0-based row, column) → formula text of the cells whose formula has no cached result."""
    import html

    found = {}
    for col, row, formula in _UNCACHED_FORMULA.findall(xml):
        text = html.unescape(formula.decode("utf-8", "replace")) if formula else "(shared)"
        found[(int(row) - 1, _column_index(col))] = "=" + text
    return found


MAX_XLSX_XML = 1 << 30  # bytes of uncompressed XML a workbook may hold (1 GiB)


def _check_zip(path: Path) -> None:
    """Refuse a workbook whose parts would inflate past ``MAX_XLSX_XML`` (a zip bomb, or far
    more than any indicator table) before anything is decompressed."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            inflated = sum(item.file_size for item in archive.infolist())
    except (zipfile.BadZipFile, OSError) as exc:
        with open(path, "rb") as stream:
            ole = stream.read(4) == b"\xd0\xcf\x11\xe0"
        hint = (
            " (it is an OLE file: a password-protected workbook, or an Excel 97-2003 .xls named "
            ".xlsx: remove the password, or give it its .xls name)"
            if ole
            else ""
        )
        raise LoadError(f"{path}: cannot be read as an Excel workbook: {exc}{hint}") from exc
    if inflated > MAX_XLSX_XML:
        raise LoadError(
            f"{path}: the workbook inflates to {inflated / 2**30:.1f} GiB of XML; no indicator "
            "table is that large: save the table alone (or as CSV)"
        )


def _open_xlsx(path: Path) -> Any:
    import openpyxl

    _check_zip(path)
    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raise LoadError(f"{path}: cannot be read as an Excel workbook: {exc}") from exc


def _xlsx_entries(workbook: Any) -> tuple[list[_SheetEntry], str | None]:
    entries = []
    for ws in workbook._sheets:
        state = _HIDDEN.get(getattr(ws, "sheet_state", "visible"), "visible")
        kind = "worksheet" if hasattr(ws, "iter_rows") else "chart sheet"
        entries.append(_SheetEntry(ws.title, state, kind))
    try:
        active = workbook.active.title if workbook.active is not None else None
    except Exception:  # an active index pointing nowhere
        active = None
    return entries, active


_RowCells = tuple[list[str | None], list[bool], list[int]]


def _xlsx_rows(ws: Any, limit: int | None = None) -> Iterable[_RowCells]:
    """Each row's cell texts, real-number flags and the columns holding dates."""
    for cells in ws.iter_rows(min_row=1, max_row=limit):
        texts, typed, dates = [], [], []
        for j, cell in enumerate(cells):
            value = cell.value
            text, number = _cell_text(value, getattr(cell, "number_format", None))
            texts.append(text)
            typed.append(number)
            if isinstance(value, dt.date | dt.datetime | dt.time):
                dates.append(j)
        yield texts, typed, dates


def _compact(
    raw: Iterable[_RowCells],
    merges: list[tuple[int, int, int, int]],
    uncached: dict[tuple[int, int], str],
) -> tuple[list, list, list[int], list[str], list, list]:
    """Keep the rows that hold a cell (and the columns that do in any row); return rows,
    typed, file row numbers, column letters, merges and special cells in the kept indices."""
    rows: list[list[str | None]] = []
    typed: list[list[bool]] = []
    numbers: list[int] = []
    special: list[tuple[int, int, str]] = []
    used: set[int] = set()
    by_row: dict[int, list[tuple[int, str]]] = {}
    for (r, c), formula in uncached.items():
        by_row.setdefault(r, []).append((c, formula))
    for index, (texts, flags, dates) in enumerate(raw):
        for c, formula in by_row.get(index, []):
            if c >= len(texts):
                texts.extend([None] * (c + 1 - len(texts)))
                flags.extend([False] * (c + 1 - len(flags)))
            if texts[c] is None:
                texts[c] = formula
                special.append((len(rows), c, "formula_uncached"))
        while texts and texts[-1] is None:
            texts.pop()
        if not texts:
            continue
        special.extend((len(rows), c, "date") for c in dates if c < len(texts))
        used.update(j for j, t in enumerate(texts) if t is not None)
        rows.append(texts)
        typed.append(flags[: len(texts)])
        numbers.append(index + 1)
    columns = sorted(used)
    position = {c: i for i, c in enumerate(columns)}
    if columns != list(range(len(columns))):
        rows = [[r[c] if c < len(r) else None for c in columns] for r in rows]
        typed = [[f[c] if c < len(f) else False for c in columns] for f in typed]
    letters = [_column_letter(c) for c in columns]
    new_merges = []
    for r0, c0, r1, c1 in merges:
        first = bisect.bisect_left(numbers, r0 + 1)
        last = bisect.bisect_right(numbers, r1 + 1) - 1
        inside_cols = [position[c] for c in columns[bisect.bisect_left(columns, c0) :] if c <= c1]
        if first < len(numbers) and numbers[first] == r0 + 1 and c0 in position and last >= first:
            new_merges.append((first, position[c0], last, inside_cols[-1]))
    cells = [
        (i, position[c], kind, f"{_column_letter(c)}{numbers[i]}")
        for i, c, kind in special
        if c in position
    ]
    return rows, typed, numbers, letters, new_merges, cells


def _grid_xlsx(path: Path, sheet: str | int | None) -> _Grid:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl: "Unknown extension is not supported"
        workbook = _open_xlsx(path)
        try:
            entries, active = _xlsx_entries(workbook)
            name, notes = _pick_sheet(path, entries, sheet, active)
            ws = workbook[name]
            ws.reset_dimensions()  # some writers store a wrong dimension: read what is there
            xml = _sheet_xml(ws)
            try:
                rows, typed, numbers, letters, merges, cells = _compact(
                    _xlsx_rows(ws), _xlsx_merges(xml), _xlsx_uncached(xml)
                )
            except Exception as exc:
                raise LoadError(f"{path}: sheet {name!r} cannot be read: {exc}") from exc
        finally:
            workbook.close()
    sheets = tuple(e.name for e in entries)
    hidden = {e.name: e.state for e in entries if e.state != "visible"}
    return _Grid(rows, typed, merges, name, sheets, numbers, letters, cells, notes, hidden)


def _head_xlsx(path: Path, name: str) -> list[list[str | None]]:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        workbook = _open_xlsx(path)
        try:
            ws = workbook[name]
            if not hasattr(ws, "iter_rows"):
                return []
            ws.reset_dimensions()
            return [texts for texts, _, _ in _xlsx_rows(ws, HEADER_SEARCH_ROWS)]
        finally:
            workbook.close()


def _open_xls(path: Path) -> Any:
    import xlrd

    try:
        return xlrd.open_workbook(path, formatting_info=True, on_demand=True, ragged_rows=True)
    except NotImplementedError:
        pass
    except Exception as exc:
        raise LoadError(f"{path}: cannot be read as an Excel 97-2003 workbook: {exc}") from exc
    try:
        return xlrd.open_workbook(path, on_demand=True, ragged_rows=True)
    except Exception as exc:
        raise LoadError(f"{path}: cannot be read as an Excel 97-2003 workbook: {exc}") from exc


def _xls_rows(book: Any, sh: Any, limit: int | None = None) -> Iterable[_RowCells]:
    import xlrd

    formats = getattr(book, "format_map", {}) or {}
    xfs = getattr(book, "xf_list", []) or []
    for r in range(sh.nrows if limit is None else min(limit, sh.nrows)):
        texts, typed, dates = [], [], []
        for j, cell in enumerate(sh.row(r)):
            kind, value = cell.ctype, cell.value
            if kind == xlrd.XL_CELL_NUMBER:
                fmt = None
                if xfs and cell.xf_index is not None and cell.xf_index < len(xfs):
                    found = formats.get(xfs[cell.xf_index].format_key)
                    fmt = found.format_str if found else None
                text, number = _cell_text(float(value), fmt)
            elif kind == xlrd.XL_CELL_DATE:
                dates.append(j)
                try:
                    text, number = _cell_text(xlrd.xldate_as_datetime(value, book.datemode), None)
                except (ValueError, OverflowError):
                    text, number = str(value), False
            elif kind == xlrd.XL_CELL_BOOLEAN:
                text, number = _cell_text(bool(value), None)
            elif kind == xlrd.XL_CELL_ERROR:
                text, number = xlrd.error_text_from_code.get(value, "#ERROR"), False
            else:
                text, number = _cell_text(value if value != "" else None, None)
            texts.append(text)
            typed.append(number)
        yield texts, typed, dates


def _grid_xls(path: Path, sheet: str | int | None) -> _Grid:
    book = _open_xls(path)
    try:
        names = list(book.sheet_names())
        visibility = list(getattr(book, "_sheet_visibility", [])) or [0] * len(names)
        entries = [
            _SheetEntry(n, _HIDDEN.get(v, "visible"), "worksheet")
            for n, v in zip(names, visibility, strict=False)
        ]
        name, notes = _pick_sheet(path, entries, sheet, None)
        sh = book.sheet_by_name(name)
        merges = [(r0, c0, r1 - 1, c1 - 1) for r0, r1, c0, c1 in sh.merged_cells]
        rows, typed, numbers, letters, merges, cells = _compact(_xls_rows(book, sh), merges, {})
    except LoadError:
        raise
    except Exception as exc:
        raise LoadError(f"{path}: cannot be read as an Excel 97-2003 workbook: {exc}") from exc
    finally:
        book.release_resources()
    hidden = {e.name: e.state for e in entries if e.state != "visible"}
    return _Grid(rows, typed, merges, name, tuple(names), numbers, letters, cells, notes, hidden)


def _head_xls(path: Path, name: str) -> list[list[str | None]]:
    book = _open_xls(path)
    try:
        sh = book.sheet_by_name(name)
        return [texts for texts, _, _ in _xls_rows(book, sh, HEADER_SEARCH_ROWS)]
    finally:
        book.release_resources()


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


def read_grid(
    path: Path | str,
    sheet: str | int | None = None,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
) -> pl.DataFrame:
    """Return a file's cells as they are: text columns named by spreadsheet letters (``A``,
    ``B``, …) and ``row``, the 1-based row number in the file, for every row (empty ones
    included; merged cells only in their first cell). For tables that are not indicator tables,
    e.g. the original PCI workbooks."""
    path = _existing(path)
    suffix = path.suffix.lower()
    if suffix in {".xlsx", ".xlsm", ".xls"}:
        grid = _grid_xls(path, sheet) if suffix == ".xls" else _grid_xlsx(path, sheet)
        last = grid.numbers[-1] if grid.numbers else 0
        where = {n: i for i, n in enumerate(grid.numbers)}
        data = {
            letter: [
                grid.rows[where[n]][j] if n in where and j < len(grid.rows[where[n]]) else None
                for n in range(1, last + 1)
            ]
            for j, letter in enumerate(grid.letters)
        }
        frame = pl.DataFrame(data, schema=dict.fromkeys(data, pl.String))
        return frame.with_columns(row=pl.int_range(1, pl.len() + 1, dtype=pl.Int64))
    if suffix in {".csv", ".txt", ".tsv"}:
        frame, *_ = _read_csv_frame(path, _read_bytes(path), encoding, delimiter)
        return frame
    raise LoadError(f"{path}: read_grid reads .csv, .xlsx and .xls files")


# --------------------------------------------------------------------------------------------
# From a grid to the table: header, names, legacy encodings
# --------------------------------------------------------------------------------------------


def _spread_merges(
    rows: list[list[str | None]],
    merges: list[tuple[int, int, int, int]],
    keep: Any,
) -> None:
    """Copy each merged range's first cell to the cells of the range for which ``keep(r, c)``."""
    for r0, c0, r1, c1 in merges:
        if r0 >= len(rows) or c0 >= len(rows[r0]):
            continue
        value = rows[r0][c0]
        if value is None:
            continue
        for r in range(r0, min(r1, len(rows) - 1) + 1):
            row = rows[r]
            if len(row) <= c1:
                row.extend([None] * (c1 + 1 - len(row)))
            for c in range(c0, c1 + 1):
                if (r, c) != (r0, c0) and row[c] is None and keep(r, c):
                    row[c] = value


def _legacy_findings(
    labels: list[str], columns: list[list[str | None]] | pl.DataFrame, ignore: frozenset[str]
) -> list[encodings.LegacyFinding]:
    findings = []
    if isinstance(columns, pl.DataFrame):
        candidates = r"^[\x00-\xff]*[\x80-\xff][\x00-\xff]*$"
        series = [
            columns.get_column(c).filter(columns.get_column(c).str.contains(candidates)).head(20000)
            for c in columns.columns
        ]
        values: list[list[str | None]] = [s.to_list() for s in series]
    else:
        values = columns
    for label, cells in zip(labels, values, strict=True):
        finding = encodings.detect_legacy(label, cells, ignore)
        if finding:
            findings.append(finding)
    return findings


def _legacy_error(path: Path, finding: encodings.LegacyFinding, rows: dict[str, int]) -> str:
    where = f" (row {rows[finding.example]})" if finding.example in rows else ""
    return (
        f"{path}: column {finding.column!r} looks {finding.encoding}-encoded: cell "
        f"{finding.example!r}{where} would read {finding.converted!r} in Unicode; "
        f"{encodings.HOW_TO_CONVERT[finding.encoding]}"
    )


def _check_legacy(legacy: str) -> None:
    if legacy not in {"error", "convert", "ignore"}:
        raise ValueError(f"legacy must be 'error', 'convert' or 'ignore', not {legacy!r}")


def _table_from_rows(
    path: Path,
    grid: _Grid,
    header: int | str | None,
    legacy: str,
    info: ReadInfo,
    sheet_given: bool,
) -> pl.DataFrame:
    rows = grid.rows
    letters = grid.letters
    width = len(letters)
    for r in rows:
        r.extend([None] * (width - len(r)))
    info.notes.extend(grid.notes)
    head = [list(r) for r in rows[:HEADER_SEARCH_ROWS]]
    _spread_merges(head, grid.merges, lambda r, c: True)
    at = _find_header(head, header)
    # Legacy fonts before anything else: a TCVN3 header ('TØnh') hides the table.
    columns = [[r[j] for r in rows] for j in range(width)]
    labels = _labels_for(letters, head, at)
    findings = _legacy_findings(labels, columns, frozenset()) if legacy != "ignore" else []
    if findings and legacy == "error":
        finding = findings[0]
        j = labels.index(finding.column)
        where = {c: grid.numbers[i] for i, c in reversed(list(enumerate(columns[j]))) if c}
        raise LegacyEncodingError(_legacy_error(path, finding, where))
    if findings:
        for finding in findings:
            j = labels.index(finding.column)
            convert = encodings.LEGACY_CONVERTERS[finding.encoding]
            for r in rows:
                cell = r[j]
                if cell:
                    r[j] = convert(cell)
            info.legacy[finding.column] = finding.encoding
        head = [list(r) for r in rows[:HEADER_SEARCH_ROWS]]
        _spread_merges(head, grid.merges, lambda r, c: True)
        at = _find_header(head, header)
    if at is None:
        if header is not None:
            raise LoadError(f"{path}: no header row {header!r} on sheet {grid.sheet!r}")
        if not sheet_given:
            raise SheetError(_no_table_message(path, grid))
        at = next((i for i, r in enumerate(rows) if any(r)), 0)
    depth = _header_depth(head, at, grid.merges)
    names = _unique_names(_header_names(head[at : at + depth], width), letters)
    info.header_rows = tuple(grid.numbers[at : at + depth])
    keys = {j for j, n in enumerate(names) if n in (*REQUIRED_LONG[:3], *OPTIONAL_LONG)}
    start = at + depth
    info.cells.extend(
        (grid.numbers[i], names[c], kind, ref) for i, c, kind, ref in grid.cells if i >= start
    )
    _spread_merges(rows, grid.merges, lambda r, c: r >= start and c in keys)
    body = rows[start:]
    typed = grid.typed[start:]
    data: dict[str, list] = {name: [r[j] for r in body] for j, name in enumerate(names)}
    data[TYPED] = [
        [names[j] for j, flag in enumerate(flags) if flag and j < len(names)] for flags in typed
    ]
    frame = pl.DataFrame(
        data, schema={**dict.fromkeys(names, pl.String), TYPED: pl.List(pl.String)}
    )
    return frame.with_columns(row=pl.Series(grid.numbers[start:], dtype=pl.Int64))


def _labels_for(letters: list[str], head: list[list[str | None]], at: int | None) -> list[str]:
    """How a column is named in messages: its header text when the header row is known."""
    if at is None:
        return [f"column {letter}" for letter in letters]
    labels = []
    for j, letter in enumerate(letters):
        text = head[at][j] if j < len(head[at]) else None
        labels.append(text if text else f"column {letter}")
    seen: dict[str, int] = {}
    for j, label in enumerate(labels):
        if label in seen:
            labels[j] = f"{label} (column {letters[j]})"
        seen[label] = j
    return labels


def _no_table_message(path: Path, grid: _Grid) -> str:
    others = []
    suffix = path.suffix.lower()
    for name in grid.sheets:
        if name == grid.sheet:
            continue
        try:
            head = _head_xls(path, name) if suffix == ".xls" else _head_xlsx(path, name)
        except LoadError:
            continue
        if _find_header(head, None) is not None:
            others.append(name)
    marked = [f"{n!r} ({grid.hidden[n]})" if n in grid.hidden else repr(n) for n in others]
    hint = (
        f"; the table seems to be on sheet {', '.join(marked)}: choose it with sheet="
        f"{others[0]!r} (cchc validate --sheet {others[0]!r})"
        if others
        else "; choose the sheet with sheet=<name> (cchc validate --sheet <name>)"
    )
    which = "first" if grid.sheets and grid.sheet == grid.sheets[0] else "active"
    return (
        f"{path}: no indicator table on the {which} sheet {grid.sheet!r} (no row among its first "
        f"{HEADER_SEARCH_ROWS} holds two of the columns {list(REQUIRED_LONG)} or their "
        f"Vietnamese names such as 'Tỉnh', 'Kỳ báo cáo'); the workbook's sheets are "
        f"{_listing(grid.sheets)}{hint}"
    )


def _nfc_rows(rows: list[tuple[str | None, ...]]) -> list[list[str | None]]:
    return [[unicodedata.normalize("NFC", c) if c else c for c in r] for r in rows]


def _table_from_csv(
    path: Path,
    frame: pl.DataFrame,
    header: int | str | None,
    legacy: str,
    ignore: frozenset[str],
    info: ReadInfo,
) -> pl.DataFrame:
    cells = [c for c in frame.columns if c != "row"]
    head = _nfc_rows(frame.select(cells).head(HEADER_SEARCH_ROWS).rows())
    at = _find_header(head, header)
    labels = _labels_for(cells, head, at)
    findings = _legacy_findings(labels, frame.select(cells), ignore) if legacy != "ignore" else []
    if findings and legacy == "error":
        finding = findings[0]
        column = cells[labels.index(finding.column)]
        hit = frame.filter(pl.col(column) == finding.example).get_column("row")
        where = {finding.example: int(hit[0])} if hit.len() else {}
        raise LegacyEncodingError(_legacy_error(path, finding, where))
    if findings:
        for finding in findings:
            column = cells[labels.index(finding.column)]
            convert = encodings.LEGACY_CONVERTERS[finding.encoding]
            frame = frame.with_columns(pl.col(column).map_elements(convert, return_dtype=pl.String))
            info.legacy[finding.column] = finding.encoding
        head = _nfc_rows(frame.select(cells).head(HEADER_SEARCH_ROWS).rows())
        at = _find_header(head, header)
    if at is None:
        if header is not None:
            raise LoadError(f"{path}: no header row {header!r} in the file")
        at = next((i for i, r in enumerate(head) if any(r)), 0)
    depth = _header_depth(head, at, [])
    names = _unique_names(_header_names(head[at : at + depth], len(cells)))
    info.header_rows = tuple(range(at + 1, at + depth + 1))
    return frame.slice(at + depth).rename(dict(zip(cells, names, strict=True)))


def _existing(path: Path | str) -> Path:
    """The path when it is a regular file (a directory, FIFO, device, socket or symlink loop
    is refused without being opened)."""
    try:
        return check_regular_file(path)
    except InputFileError as exc:
        raise LoadError(str(exc)) from exc


def check_input(path: Path | str) -> Path:
    """Return the path of an input table when it is a regular file; raise LoadError naming
    what it is otherwise (missing, a symlink loop, a directory, FIFO, device or socket)."""
    return _existing(path)


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise LoadError(f"{path}: cannot be read: {exc.strerror or exc}") from exc


def read_table_with_info(
    path: Path | str,
    sheet: str | int | None = None,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    header: int | str | None = None,
    legacy: str = "error",
) -> tuple[pl.DataFrame, ReadInfo]:
    """``read_table`` plus what the reader found out (encoding, delimiter, sheet, header rows,
    converted legacy columns)."""
    _check_legacy(legacy)
    path = _existing(path)
    suffix = path.suffix.lower()
    if suffix in {".csv", ".txt", ".tsv"}:
        raw = _read_bytes(path)
        if not raw.strip():
            raise LoadError(f"{path}: the file is empty")
        frame, used, delimiter, ignore = _read_csv_frame(path, raw, encoding, delimiter)
        info = ReadInfo(str(path), "csv", encoding=used, delimiter=delimiter)
        table = _table_from_csv(path, frame, header, legacy, ignore, info)
    elif suffix == ".parquet":
        info = ReadInfo(str(path), "parquet")
        table = _table_from_parquet(path)
    elif suffix in {".xlsx", ".xlsm", ".xls"}:
        grid = _grid_xls(path, sheet) if suffix == ".xls" else _grid_xlsx(path, sheet)
        if not any(any(r) for r in grid.rows):
            if sheet is None and len(grid.sheets) > 1:
                raise SheetError(_no_table_message(path, grid))
            raise LoadError(f"{path}: sheet {grid.sheet!r} is empty")
        info = ReadInfo(str(path), suffix.lstrip("."), sheet=grid.sheet, sheets=grid.sheets)
        table = _table_from_rows(path, grid, header, legacy, info, sheet is not None)
    else:
        raise LoadError(
            f"{path}: unsupported file type {suffix!r} (use .csv, .parquet, .xlsx or .xls)"
        )
    return _finish(table), info


def _table_from_parquet(path: Path) -> pl.DataFrame:
    try:
        raw = pl.read_parquet(path)
    except Exception as exc:  # corrupt files fail in pyarrow, polars or the OS, in many ways
        raise LoadError(
            f"{path}: cannot be read as a Parquet file: {clip(str(exc).splitlines()[0], 300)}"
            if str(exc)
            else f"{path}: cannot be read as a Parquet file ({type(exc).__name__})"
        ) from exc
    nested = [
        (name, dtype)
        for name, dtype in raw.schema.items()
        if dtype.is_nested() or dtype in (pl.Binary, pl.Object)
    ]
    if nested:
        name, dtype = nested[0]
        raise LoadError(
            f"{path}: column {name!r} has type {dtype}: an indicator table holds one number or "
            "text per cell; flatten the column (one value per row) and write it again"
        )
    names = _unique_names(list(raw.columns))
    numeric = [n for n, dtype in zip(names, raw.dtypes, strict=True) if dtype.is_numeric()]
    table = raw.rename(dict(zip(raw.columns, names, strict=True))).with_columns(
        pl.col(n).cast(pl.String) for n in names
    )
    return table.with_columns(
        pl.lit(numeric, dtype=pl.List(pl.String)).alias(TYPED),
        row=pl.int_range(2, pl.len() + 2, dtype=pl.Int64),
    )


def _nfc(column: pl.Series) -> pl.Series:
    """Return the text column in Unicode NFC, normalising each distinct value once (a million
    cells hold a few thousand distinct texts)."""
    distinct = column.drop_nulls().unique()
    normalised = distinct.str.normalize("NFC")
    changed = distinct != normalised
    if not changed.any():
        return column
    return column.replace(distinct.filter(changed), normalised.filter(changed))


def _finish(table: pl.DataFrame) -> pl.DataFrame:
    """NFC, stripped text, empty strings as null; rows without any cell dropped (row numbers
    stay those of the file); columns without a header and without any cell dropped."""
    text_columns = [c for c, d in table.schema.items() if d == pl.String]
    table = table.with_columns(
        pl.col(c).str.replace_all(INVISIBLE, "").str.strip_chars().replace("", None)
        for c in text_columns
    )
    table = table.with_columns(_nfc(table.get_column(c)) for c in text_columns)
    empty_unnamed = [
        c
        for c in text_columns
        if c.startswith("column_") and table.get_column(c).null_count() == table.height
    ]
    table = table.drop(empty_unnamed)
    cells = [c for c in table.columns if c not in {"row", TYPED}]
    if cells:
        table = table.filter(pl.any_horizontal(pl.col(cells).is_not_null()))
    if TYPED in table.columns and table.get_column(TYPED).list.len().sum() == 0:
        table = table.drop(TYPED)
    return table


def read_table(
    path: Path | str,
    sheet: str | int | None = None,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    header: int | str | None = None,
    legacy: str = "error",
) -> pl.DataFrame:
    """Return the table's cells as text (NFC), headers in the contract's names, plus ``row``:
    the 1-based row number in the original file (title rows and the header counted).

    ``sheet``: Excel sheet name or 0-based index (default: the first; when it holds no table
    the error names the sheets that do). ``encoding``: force a CSV encoding (``utf-8``,
    ``utf-16``, ``cp1258``, …). ``delimiter``: force the CSV delimiter. ``header``: the header's
    row number (1-based) or a keyword one of its cells holds (e.g. ``'Tỉnh'``), for tables
    that are not in the contract. ``legacy``: what to do with text typed in the TCVN3/VNI
    fonts: ``'error'`` (default), ``'convert'`` to Unicode, ``'ignore'``.

    Cells that held real numbers (Excel, Parquet) are listed per row in the column
    ``__typed_cells__`` (absent when there are none).
    """
    table, _ = read_table_with_info(
        path, sheet, encoding=encoding, delimiter=delimiter, header=header, legacy=legacy
    )
    return table


# --------------------------------------------------------------------------------------------
# Long form
# --------------------------------------------------------------------------------------------


def to_long(table: pl.DataFrame, file: str, sheet: str | None = None) -> pl.DataFrame:
    """Return the contract's long form with provenance: file, row, column, province_raw,
    period_raw, indicator, value_text, unit, source, note (one row per value cell), plus
    value_kind ('typed_number' for a cell that held a real number, else null until
    ``standardise``) and sheet."""
    columns = set(table.columns)
    typed = TYPED in columns
    if table.is_empty():
        raise LoadError(f"{file}: the table has a header but no data rows")
    if ("indicator" in columns) != ("value" in columns):
        missing = [name for name in REQUIRED_LONG if name not in columns]
        raise LoadError(
            f"{file}: missing required column(s) {missing} (long form needs "
            f"{list(REQUIRED_LONG)}; a column named 'indicator' or 'value' makes it long form)"
        )
    if {"indicator", "value"} <= columns:
        missing = [name for name in REQUIRED_LONG if name not in columns]
        if missing:
            raise LoadError(
                f"{file}: missing required column(s) {missing} (long form needs "
                f"{list(REQUIRED_LONG)})"
            )
        long = table.with_columns(column=pl.lit("value"))
    else:
        missing = [name for name in KEY_WIDE if name not in columns]
        if missing:
            raise LoadError(
                f"{file}: missing required column(s) {missing}: a long table needs "
                f"{list(REQUIRED_LONG)}, a wide one {list(KEY_WIDE)} plus a column per indicator id"
            )
        indicator_columns = [
            c for c in table.columns if c not in (*KEY_WIDE, "row", TYPED, SEQUENCE, *OPTIONAL_LONG)
        ]
        if not indicator_columns:
            raise LoadError(f"{file}: wide table without indicator columns")
        long = table.unpivot(
            index=[c for c in table.columns if c not in indicator_columns],
            on=indicator_columns,
            variable_name="indicator",
            value_name="value",
        ).with_columns(column=pl.col("indicator"))
    for name in OPTIONAL_LONG:
        if name not in long.columns:
            long = long.with_columns(pl.lit(None, dtype=pl.String).alias(name))
    kind = (
        pl.when(pl.col(TYPED).list.contains(pl.col("column")).fill_null(False))
        .then(pl.lit("typed_number"))
        .otherwise(pl.lit(None, dtype=pl.String))
        if typed
        else pl.lit(None, dtype=pl.String)
    )
    return long.select(
        pl.lit(file).alias("file"),
        pl.col("row").cast(pl.Int64),
        "column",
        pl.col("province").cast(pl.String).alias("province_raw"),
        pl.col("period").cast(pl.String).alias("period_raw"),
        pl.col("indicator").cast(pl.String),
        pl.col("value").cast(pl.String).alias("value_text"),
        *(pl.col(name).cast(pl.String) for name in OPTIONAL_LONG),
        kind.alias("value_kind"),
        pl.lit(sheet, dtype=pl.String).alias("sheet"),
    ).sort("row", "column", maintain_order=True)


# --------------------------------------------------------------------------------------------
# Standardise: periods, provinces, numbers
# --------------------------------------------------------------------------------------------


def _canonical_period_or_none(text: str | None) -> str | None:
    if text is None:
        return None
    try:
        return str(parse_period(text))
    except PeriodError:
        return None


def _period_problem(text: str | None) -> str | None:
    """Why a period text is refused (the reason parse_period gives), or None."""
    if text is None:
        return "the period is empty"
    try:
        parse_period(text)
    except PeriodError as exc:
        return clip(str(exc), 300)
    return None


def _era_or_none(period: str | None) -> str | None:
    try:
        return parse_period(period).era if period is not None else None
    except PeriodError:
        return None


def with_provinces(frame: pl.DataFrame) -> pl.DataFrame:
    """Return ``frame`` (with province_raw and canonical period) plus province_code, province
    and province_problem.

    A name resolves the same way in every period of one era, so a name that resolves is
    looked up once per era; a name that fails is looked up per period, as its problem names
    the period."""
    pairs = frame.select("province_raw", "period").unique()
    eras = {p: _era_or_none(p) for p in pairs["period"].unique().to_list()}
    found: dict[tuple[str | None, str | None], dict[str, str | None]] = {}

    def resolve(name: str | None, period: str | None) -> dict[str, str | None]:
        key = (name, eras[period])
        if key in found:
            return found[key]
        result = resolve_name(name, period)
        if result["province_problem"] is None:
            found[key] = result
        return result

    resolved = pl.DataFrame(
        [resolve(name, period) for name, period in pairs.iter_rows()],
        schema={"province_code": pl.String, "province": pl.String, "province_problem": pl.String},
    )
    return frame.join(
        pl.concat([pairs, resolved], how="horizontal"),
        on=["province_raw", "period"],
        how="left",
        nulls_equal=True,
    )


def resolve_name(name: str | None, period: str | None) -> dict[str, str | None]:
    """Return province_code, province (canonical name) and province_problem (why it did not
    resolve) for a raw name in a period."""
    from cchc_analysis.reference.registry import ProvinceNotFound, resolve_province

    if name is None or name == "":
        return {"province_code": None, "province": None, "province_problem": "province is empty"}
    if len(name) > MAX_NAME:  # no province has such a name: do not search for the closest
        return {
            "province_code": None,
            "province": None,
            "province_problem": f"a text of {len(name)} characters is not a province name",
        }
    if period is None:
        return {
            "province_code": None,
            "province": None,
            "province_problem": "cannot resolve the province without a valid period",
        }
    try:
        found = resolve_province(name, period)
    except ProvinceNotFound as exc:
        return {"province_code": None, "province": None, "province_problem": str(exc)}
    return {"province_code": found.code, "province": found.name_vi, "province_problem": None}


def _check_number_format(number_format: str | Mapping[str, str]) -> None:
    values = [number_format] if isinstance(number_format, str) else list(number_format.values())
    bad = [v for v in values if v not in numbers.NUMBER_FORMATS]
    if bad:
        raise ValueError(f"number_format must be one of {numbers.NUMBER_FORMATS}, not {bad[0]!r}")


def _forced(number_format: str | Mapping[str, str], column: str, indicator: str | None) -> str:
    if isinstance(number_format, str):
        return number_format
    for key in (indicator, column, "*"):
        if key is not None and key in number_format:
            return number_format[key]
    return "auto"


def _majority(n_vi: int, n_en: int) -> str | None:
    if n_vi > n_en:
        return "vi"
    if n_en > n_vi:
        return "en"
    return "tie" if n_vi else None


_KEYS_FINE = ("file", "sheet", "column", "_source_indicator")
_KEYS_COARSE = ("file", "sheet", "column")


def _where(row: dict[str, Any]) -> str:
    where = f"column {row['column']!r}"
    if row["column"] == "value" and row["_source_indicator"]:
        where += f" (indicator {row['_source_indicator']})"
    if row.get("sheet"):
        where = f"sheet {row['sheet']!r}, {where}"
    return where


def _ambiguity_message(groups: list[dict[str, Any]]) -> str:
    first = groups[0]
    text, row = first["amb_text"], first["amb_row"]
    comma = "," in text
    as_vi = numbers.parse_number(text, "vi")
    as_en = numbers.parse_number(text, "en")
    mark = "','" if comma else "'.'"
    vi_role = "the decimal mark" if comma else "a thousands separator"
    en_role = "a thousands separator" if comma else "the decimal point"
    others = ""
    if len(groups) > 1:
        others = (
            " Also ambiguous: "
            + "; ".join(f"{_where(g)} ({g['amb_text']!r}, row {g['amb_row']})" for g in groups[1:4])
            + ("; …" if len(groups) > 4 else "")
            + "."
        )
    return (
        f"{first['file']}: {_where(first)}: cannot tell whether {text!r} (row {row}) is "
        f"{as_vi:g} (Vietnamese format: {mark} is {vi_role}) or {as_en:g} (English format: "
        f"{mark} is {en_role}); no value in the column settles it (such as '70,25', "
        f"'1.234,5', '3.5' or '1,234,567').{others} Choose the format: --number-format vi or "
        f"--number-format en (load_indicators(..., number_format='vi' or 'en'; a mapping "
        f"such as {{'{first['_source_indicator'] or first['column']}': 'vi'}} sets one column))."
    )


def _mixed_message(group: dict[str, Any]) -> str:
    return (
        f"{group['file']}: {_where(group)} mixes number formats as often one way as the other: "
        f"{group['vi_text']!r} (row {group['vi_row']}) is Vietnamese (decimal comma), "
        f"{group['en_text']!r} (row {group['en_row']}) is English (decimal point). Choose the "
        f"format: --number-format vi or --number-format en, or correct the values."
    )


def _number_decisions(frame: pl.DataFrame, number_format: str | Mapping[str, str]) -> pl.DataFrame:
    """Decide vi/en per (file, sheet, column, indicator): forced, else the values' majority,
    else (long form) the file's whole value column when all its evidence agrees; refuse
    ambiguity."""
    ev = pl.col("_evidence")

    def stats(keys: tuple[str, ...]) -> pl.DataFrame:
        def example(kind: str, what: str) -> pl.Expr:
            source = pl.col("value_text") if what == "text" else pl.col("row")
            return source.filter(ev == kind).first().alias(f"{kind[:3]}_{what}")

        return frame.group_by(list(keys), maintain_order=True).agg(
            (ev == "vi").sum().alias("n_vi"),
            (ev == "en").sum().alias("n_en"),
            (ev == "ambiguous").sum().alias("n_amb"),
            example("vi", "text"),
            example("vi", "row"),
            example("en", "text"),
            example("en", "row"),
            example("ambiguous", "text"),
            example("ambiguous", "row"),
        )

    fine = stats(_KEYS_FINE)
    # The whole value column of a long table settles an indicator only when it is unanimous.
    coarse = {
        tuple(r[k] for k in _KEYS_COARSE): _majority(r["n_vi"], r["n_en"])
        for r in stats(_KEYS_COARSE).iter_rows(named=True)
        if not (r["n_vi"] and r["n_en"])
    }
    decided, ambiguous = [], []
    for group in fine.iter_rows(named=True):
        forced = _forced(number_format, group["column"], group["_source_indicator"])
        how = "forced"
        if forced in ("vi", "en"):
            fmt: str | None = forced
        else:
            fmt, how = _majority(group["n_vi"], group["n_en"]), "values"
            if fmt == "tie":
                raise AmbiguousNumberFormat(_mixed_message(group))
            if fmt is None and group["n_amb"]:
                fallback = coarse.get(tuple(group[k] for k in _KEYS_COARSE))
                if group["column"] == "value" and fallback in ("vi", "en"):
                    fmt, how = fallback, "file"
                else:
                    ambiguous.append(group)
        decided.append({**{k: group[k] for k in _KEYS_FINE}, "_format": fmt, "_how": how})
    if ambiguous:
        raise AmbiguousNumberFormat(_ambiguity_message(ambiguous))
    schema = {k: pl.String for k in _KEYS_FINE} | {"_format": pl.String, "_how": pl.String}
    return pl.DataFrame(decided, schema=schema)


def _ratio_maps() -> tuple[dict[str, str], dict[str, str]]:
    ratios = load_ratio_catalogue()
    return (
        dict(zip(ratios["ratio_id"], ratios["numerator"], strict=True)),
        dict(zip(ratios["ratio_id"], ratios["denominator"], strict=True)),
    )


def _parse_values(
    long: pl.DataFrame, number_format: str | Mapping[str, str]
) -> tuple[pl.DataFrame, dict[str, str]]:
    """Return ``long`` with value, value_kind and value_problem (ratio cells split into their
    numerator and denominator rows) and the number format decided per column."""
    numerator, denominator = _ratio_maps()
    text = pl.col("value_text")
    frame = numbers.add_number_columns(
        long.with_columns(_source_indicator="indicator"), "value_text"
    )
    frame = frame.with_columns(
        value_kind=pl.coalesce("value_kind", numbers.cell_kind(text, pl.col("_shape"))),
        _ratio_part=pl.lit(None, dtype=pl.String),
    ).with_columns(_evidence=pl.when(pl.col("value_kind") == "number").then("_evidence"))
    is_ratio_id = pl.col("indicator").is_in(list(numerator))
    splits = ((pl.col("value_kind") == "ratio") & is_ratio_id).fill_null(False)
    split = frame.filter(splits)
    parts = [frame.filter(~splits)]
    for part, mapping, group in (("numerator", numerator, 1), ("denominator", denominator, 2)):
        if split.height:
            part_rows = split.with_columns(
                indicator=pl.col("indicator").replace_strict(mapping, return_dtype=pl.String),
                _ratio_part=pl.lit(part),
                _part_text=text.str.extract(numbers.RATIO, group),
            )
            columns = part_rows.columns
            parts.append(
                numbers.add_number_columns(part_rows, "_part_text").select(
                    [c for c in columns if c != "_part_text"]
                )
            )
    frame = pl.concat(parts, how="vertical")
    decisions = _number_decisions(frame, number_format)
    frame = frame.join(decisions, on=list(_KEYS_FINE), how="left", nulls_equal=True)
    fmt = pl.col("_format")
    typed_value = text.str.strip_suffix("%").cast(pl.Float64, strict=False)
    number = (
        pl.when(fmt == "vi")
        .then(pl.col("_vi"))
        .when(fmt == "en")
        .then(pl.col("_en"))
        .otherwise(pl.coalesce("_vi", "_en"))
    )
    kind = pl.col("value_kind")
    wrong_ratio = is_ratio_id & kind.is_in(["number", "typed_number"])
    value = (
        pl.when(wrong_ratio)
        .then(None)
        .when(kind == "typed_number")
        .then(typed_value)
        .when(kind.is_in(["number"]) | pl.col("_ratio_part").is_not_null())
        .then(number)
    )
    frame = frame.with_columns(value=value.cast(pl.Float64))
    # inf, -inf and NaN are no figure: a 400-digit count overflows to inf, Parquet may hold them
    non_finite = (pl.col("value").is_infinite() | pl.col("value").is_nan()).fill_null(False)
    frame = frame.with_columns(
        _non_finite=non_finite, value=pl.when(non_finite).then(None).otherwise(pl.col("value"))
    )
    quoted = pl.lit("'") + _short(text) + pl.lit("'")
    cell = pl.lit("cell ") + pl.col("cell_ref").fill_null("?")
    format_name = fmt.replace_strict(numbers.FORMAT_NAMES, default="", return_dtype=pl.String)
    problem = (
        pl.when(pl.col("_non_finite"))
        .then(
            pl.when(text.str.len_chars() > 300)
            .then(
                pl.lit("a number of ")
                + text.str.len_chars().cast(pl.String)
                + pl.lit(" characters overflows (it is not a finite number)")
            )
            .otherwise(quoted + pl.lit(" is not a finite number (infinite, NaN or overflowing)"))
        )
        .when(kind == "date")
        .then(
            cell
            + pl.lit(" holds a date (")
            + text
            + pl.lit(
                ") where a number is expected: Excel turned what was typed (such as 12/10 or "
                "28/40) into a date; format the column as Text and type it again"
            )
        )
        .when(kind == "formula_uncached")
        .then(
            cell
            + pl.lit(" holds the formula ")
            + _short(text)
            + pl.lit(
                " without a cached result (the workbook was saved by a program that does not "
                "calculate): open and save it in Excel, or paste the values"
            )
        )
        .when(wrong_ratio)
        .then(
            pl.lit("a ratio numerator/denominator (e.g. 28/40) is expected for ")
            + pl.col("indicator")
            + pl.lit(", not ")
            + quoted
        )
        .when(kind == "empty")
        .then(pl.lit("empty cell"))
        .when(kind == "placeholder")
        .then(pl.lit("placeholder ") + quoted + pl.lit(" instead of a number (no value reported)"))
        .when(kind == "error")
        .then(pl.lit("Excel error ") + _short(text) + pl.lit(" instead of a number"))
        .when(kind == "formula")
        .then(
            pl.lit("formula left as text (")
            + _short(text)
            + pl.lit("): the cell holds the formula, not its result; export the values")
        )
        .when((kind == "ratio") & pl.col("_ratio_part").is_null())
        .then(pl.lit("ratio ") + _short(text) + pl.lit(" given where a single number is expected"))
        .when(pl.col("_ratio_part").is_not_null() & pl.col("value").is_null())
        .then(
            pl.lit("the ")
            + pl.col("_ratio_part")
            + pl.lit(" of ratio ")
            + quoted
            + pl.lit(" is not a number")
        )
        .when(kind == "text")
        .then(quoted + pl.lit(" is not a number"))
        .when((kind == "number") & pl.col("value").is_null() & (pl.col("_how") == "forced"))
        .then(
            quoted
            + pl.lit(" is not a number in the format asked for (")
            + format_name
            + pl.lit(")")
        )
        .when((kind == "number") & pl.col("value").is_null())
        .then(
            quoted
            + pl.lit(" does not fit the number format of the rest of its column (")
            + format_name
            + pl.lit(")")
        )
        .when((kind == "typed_number") & pl.col("value").is_null())
        .then(quoted + pl.lit(" is not a number"))
    )
    frame = frame.with_columns(value_problem=problem)
    formats = {
        _label(r): r["_format"]
        for r in decisions.filter(pl.col("_format").is_not_null()).iter_rows(named=True)
    }
    return frame, formats


def _short(text: pl.Expr, limit: int = 80) -> pl.Expr:
    """The text cut to ``limit`` characters for a message (a 10 MB cell is not repeated)."""
    return (
        pl.when(text.str.len_chars() > limit)
        .then(text.str.slice(0, limit) + pl.lit("…"))
        .otherwise(text)
    )


def _label(row: dict[str, Any]) -> str:
    label = str(row["column"])
    if row["column"] == "value" and row["_source_indicator"]:
        label = f"value[{row['_source_indicator']}]"
    return f"{row['sheet']}!{label}" if row.get("sheet") else label


def _standardise(
    long: pl.DataFrame, number_format: str | Mapping[str, str] = "auto"
) -> tuple[pl.DataFrame, dict[str, str]]:
    _check_number_format(number_format)
    for name in ("value_kind", "sheet", "cell_ref"):
        if name not in long.columns:
            long = long.with_columns(pl.lit(None, dtype=pl.String).alias(name))
    valued, formats = _parse_values(long, number_format)
    periods = (
        valued.select(pl.col("period_raw").unique())
        .with_columns(
            period=pl.col("period_raw").map_elements(
                _canonical_period_or_none, return_dtype=pl.String
            ),
            period_problem=pl.col("period_raw").map_elements(
                _period_problem, return_dtype=pl.String
            ),
        )
        .with_columns(
            era=pl.col("period").map_elements(lambda p: parse_period(p).era, return_dtype=pl.String)
        )
    )
    with_periods = valued.join(periods, on="period_raw", how="left", nulls_equal=True)
    out = (
        with_provinces(with_periods)
        .with_columns(year=pl.col("period").str.slice(0, 4).cast(pl.Int32, strict=False))
        .sort("file", "row", "column", maintain_order=True)
        .select(
            "file",
            "row",
            "column",
            "province_raw",
            "period_raw",
            "indicator",
            "value_text",
            "unit",
            "source",
            "note",
            "period",
            "era",
            "province_code",
            "province",
            "province_problem",
            "value",
            "year",
            "value_kind",
            "value_problem",
            "sheet",
            "period_problem",
        )
    )
    return out, formats


def standardise(
    long: pl.DataFrame, number_format: str | Mapping[str, str] = "auto"
) -> pl.DataFrame:
    """Return ``long`` plus value (Float64), period (canonical), year, era, province_code,
    province (canonical Vietnamese name), province_problem (why it did not resolve),
    value_kind (number, typed_number, ratio, empty, placeholder, error, formula, text) and
    value_problem (why there is no value), and sheet.

    A ``28/40`` cell under a ratio indicator (``data/ratio_indicators.csv``) becomes two rows,
    its numerator and its denominator indicator, with the cell's row and column.

    ``number_format``: 'vi', 'en' or 'auto' (default: per column from its values; in the long
    form per indicator, falling back to the file's whole value column), or a mapping from
    column name or indicator id (``'*'`` for the rest) to one of those. Raises
    ``AmbiguousNumberFormat`` when values such as ``512.304`` leave the format open.
    """
    return _standardise(long, number_format)[0]


def _drop_stray_rows(table: pl.DataFrame, info: ReadInfo) -> pl.DataFrame:
    """A long table's rows whose cells all lie outside its columns (a stray cell far to the
    right of the table) are not read; say which."""
    if not set(REQUIRED_LONG) <= set(table.columns):
        return table
    contract = [c for c in (*REQUIRED_LONG, *OPTIONAL_LONG) if c in table.columns]
    for name in (c for c in table.columns if c.startswith("column_")):
        held = table.filter(pl.col(name).is_not_null())
        if held.height:
            info.notes.append(
                f"{name.replace('_', ' ', 1)} has no header but holds {held.height} cell(s) "
                f"(row {held['row'][0]}: {clip(str(held[name][0]), 40)!r}): not read"
            )
    stray = table.filter(pl.all_horizontal(pl.col(contract).is_null()))
    if stray.is_empty():
        return table
    rows = stray["row"].to_list()
    shown = ", ".join(map(str, rows[:5])) + (f" and {len(rows) - 5} more" if len(rows) > 5 else "")
    info.notes.append(
        f"row(s) {shown}: cells only outside the table's columns {contract}: not read"
    )
    return table.filter(pl.any_horizontal(pl.col(contract).is_not_null()))


def load_indicators_with_info(
    path: Path | str,
    sheet: str | int | None = None,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    number_format: str | Mapping[str, str] = "auto",
    header: int | str | None = None,
    legacy: str = "error",
) -> tuple[pl.DataFrame, ReadInfo]:
    """``load_indicators`` plus the ``ReadInfo`` (encoding, delimiter, sheet, header rows,
    legacy columns converted, number format per column)."""
    _check_number_format(number_format)
    table, info = read_table_with_info(
        path, sheet, encoding=encoding, delimiter=delimiter, header=header, legacy=legacy
    )
    table = _drop_stray_rows(table, info)
    long = to_long(table, str(Path(path)), info.sheet)
    if info.cells:
        marked = pl.DataFrame(
            info.cells,
            schema={
                "row": pl.Int64,
                "column": pl.String,
                "_kind": pl.String,
                "cell_ref": pl.String,
            },
            orient="row",
        ).unique(subset=["row", "column"])
        long = (
            long.join(marked, on=["row", "column"], how="left")
            .with_columns(value_kind=pl.coalesce("_kind", "value_kind"))
            .drop("_kind")
        )
    frame, info.number_formats = _standardise(long, number_format)
    return frame, info


def load_indicators(
    path: Path | str,
    sheet: str | int | None = None,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    number_format: str | Mapping[str, str] = "auto",
    header: int | str | None = None,
    legacy: str = "error",
) -> pl.DataFrame:
    """Read one indicator table and return it standardised (see ``read_table`` for the
    reading options and ``standardise`` for the columns and ``number_format``)."""
    frame, _ = load_indicators_with_info(
        path,
        sheet,
        encoding=encoding,
        delimiter=delimiter,
        number_format=number_format,
        header=header,
        legacy=legacy,
    )
    return frame
