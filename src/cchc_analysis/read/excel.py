"""XLSX (openpyxl) and XLS (xlrd) sheets → a grid of cells as text: the sheet picked (hidden
sheets named), the used range, merged cells, typed numbers, percentages, dates and formulas
without a cached result."""

from __future__ import annotations

import bisect
import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cchc_analysis.read.contract import HEADER_SEARCH_ROWS, LoadError, SheetError
from cchc_analysis.read.headers import _column_letter, _fold_header

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
