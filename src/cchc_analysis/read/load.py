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

This module holds the entry points; the readers are in ``read.csv_text``, ``read.excel`` and
``read.parquet``, header matching in ``read.headers``, rows → table and wide → long in
``read.shape``, numbers, periods and provinces in ``read.standardise``.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import polars as pl

from cchc_analysis.read.contract import (
    OPTIONAL_LONG,
    REQUIRED_LONG,
    LoadError,
    ReadInfo,
    SheetError,
)
from cchc_analysis.read.csv_text import _read_csv_frame
from cchc_analysis.read.excel import _grid_xls, _grid_xlsx
from cchc_analysis.read.inputs import InputFileError, check_regular_file, clip
from cchc_analysis.read.parquet import _table_from_parquet
from cchc_analysis.read.shape import (
    _check_legacy,
    _finish,
    _no_table_message,
    _table_from_csv,
    _table_from_rows,
    to_long,
)
from cchc_analysis.read.standardise import _check_number_format, _standardise

__all__ = [
    "load_indicators",
    "load_indicators_with_info",
    "read_grid",
    "read_table",
    "read_table_with_info",
]


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
