"""Rows of cells → the table: the header row found, merged headers spread, legacy fonts
checked, text normalised to NFC; then the table → the contract's long form (wide → long)."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import polars as pl

from cchc_analysis.read import encodings
from cchc_analysis.read.contract import (
    HEADER_SEARCH_ROWS,
    INVISIBLE,
    KEY_WIDE,
    OPTIONAL_LONG,
    REQUIRED_LONG,
    SEQUENCE,
    TYPED,
    LegacyEncodingError,
    LoadError,
    ReadInfo,
    SheetError,
)
from cchc_analysis.read.excel import _Grid, _head_xls, _head_xlsx, _listing
from cchc_analysis.read.headers import _find_header, _header_depth, _header_names, _unique_names

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
