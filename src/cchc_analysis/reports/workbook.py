"""One Excel workbook per batch for the people who live in Excel: a first sheet with the
disclaimers (synthetic data, illustrative rubric) and where the figures come from, then totals,
domains and criteria (with every point's explanation) of one year, headers and values in
Vietnamese (English on request), numbers stored as numbers with number formats (two decimals
for points and percentages, shown ``0,00`` by a Vietnamese Excel), a filter on every table and
a frozen header row. Written with openpyxl (write-only mode: fast, small)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import polars as pl
import polars.selectors

from cchc_analysis.reference.labels import EXCEL_FORMATS, has_text, text
from cchc_analysis.store.outputs import atomic_write_bytes, formula_safe

# sheet key → [(column in the score table, header label key)]
SHEETS: dict[str, list[tuple[str, str]]] = {
    "totals": [
        ("rank", "rank"),
        ("province_code", "province_code"),
        ("province", "province"),
        ("region_name", "region"),
        ("points", "points"),
        ("max_points", "max_points"),
        ("index_pct", "index_pct"),
        ("grade", "grade"),
        ("n_provinces", "n_provinces"),
        ("rank_in_region", "rank_in_region_col"),
        ("n_in_region", "n_in_region"),
        ("prev_index_pct", "prev_index_pct"),
        ("change_points", "change_points_col"),
        ("change_places", "change_places_col"),
        ("comparison_basis", "comparison_basis"),
    ],
    "domains": [
        ("province_code", "province_code"),
        ("province", "province"),
        ("domain_label", "domain"),
        ("points", "points"),
        ("max_points", "max_points"),
        ("pct", "pct_of_max"),
    ],
    "criteria": [
        ("province_code", "province_code"),
        ("province", "province"),
        ("domain_label", "domain"),
        ("label", "criterion"),
        ("measure", "measure"),
        ("unit", "unit"),
        ("points", "points"),
        ("max_points", "max_points"),
        ("missing", "missing"),
        ("explanation", "explanation"),
    ],
}
WIDTHS = {"province": 22, "region_name": 30, "domain_label": 42, "label": 46, "explanation": 90}
# column → unit of its number format (labels.EXCEL_FORMATS); other columns are text
UNITS = {
    "rank": "rank",
    "points": "points",
    "max_points": "points",
    "index_pct": "percent",
    "pct": "percent",
    "measure": "points",
    "n_provinces": "count",
    "rank_in_region": "rank",
    "n_in_region": "count",
    "prev_index_pct": "percent",
    "change_points": "pp",
    "change_places": "rank",
}


def workbook_name(year: int) -> str:
    """Return the workbook's file name for a year (``cchc_scores_2025.xlsx``)."""
    return f"cchc_scores_{int(year)}.xlsx"


def workbook_frames(
    tables: dict[str, pl.DataFrame], year: int, lang: str
) -> dict[str, pl.DataFrame]:
    """Return the three sheets' frames for one year (language-specific columns chosen)."""
    from cchc_analysis.reference.registry import regions_frame

    period = str(year)
    regions = regions_frame().select(
        pl.col("id").alias("region"), pl.col(f"name_{lang}").alias("region_name")
    )
    totals = (
        tables["totals"].filter(pl.col("period") == period).join(regions, on="region", how="left")
    )
    domains = (
        tables["domains"]
        .filter(pl.col("period") == period)
        .with_columns(pl.col(f"domain_label_{lang}").alias("domain_label"))
    )
    criteria = (
        tables["criteria"]
        .filter(pl.col("period") == period)
        .with_columns(
            pl.col(f"domain_label_{lang}").alias("domain_label"),
            pl.col(f"label_{lang}").alias("label"),
            pl.col(f"explanation_{lang}").alias("explanation"),
        )
    )
    frames = {
        "totals": totals.sort("rank", "province_code"),
        "domains": domains.sort("province_code", "domain_order"),
        "criteria": criteria.sort("province_code", "criterion_order"),
    }
    return {
        key: _in_words(
            frame.select([c for c, _ in SHEETS[key] if c in frame.columns]).with_columns(
                pl.selectors.float().round(2)  # as the reports show them; still numbers
            ),
            lang,
        )
        for key, frame in frames.items()
    }


def _in_words(frame: pl.DataFrame, lang: str) -> pl.DataFrame:
    """Return ``frame`` with its coded values in the workbook's language: the comparison basis
    as a phrase, missing data as yes/no."""
    words = []
    if "comparison_basis" in frame.columns:
        codes = [c for c in frame["comparison_basis"].unique().to_list() if c]
        mapping = {
            c: text(f"basis_value_{c}", lang) if has_text(f"basis_value_{c}") else c for c in codes
        }
        words.append(pl.col("comparison_basis").replace(mapping))
    if "missing" in frame.columns:
        yes, no = text("yes", lang), text("no", lang)
        words.append(
            pl.when(pl.col("missing")).then(pl.lit(yes)).otherwise(pl.lit(no)).alias("missing")
        )
    return frame.with_columns(words) if words else frame


def _cell(value: Any) -> Any:
    """Return a value as the workbook stores it: text made inert (``formula_safe``: openpyxl
    would store a text starting with '=' as a live formula) and stripped of the control
    characters XML cannot hold (shown as U+FFFD); numbers, booleans and None unchanged."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    safe = formula_safe(value)
    return ILLEGAL_CHARACTERS_RE.sub("\ufffd", safe) if isinstance(safe, str) else safe


def _sheet(
    book: Any, title: str, frame: pl.DataFrame, columns: list[tuple[str, str]], lang: str
) -> None:
    """Add one sheet: a bold, frozen header row with a filter, then the frame's rows, numbers
    as numbers with their unit's number format (write-only openpyxl: fast)."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(title)
    present = [c for c in columns if c[0] in frame.columns]
    for index, (column, _) in enumerate(present, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = WIDTHS.get(column, 12)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(present))}{frame.height + 1}"
    bold = Font(bold=True)
    header = []
    for _, key in present:
        cell = WriteOnlyCell(sheet, value=_cell(text(key, lang)))
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    formats = [EXCEL_FORMATS.get(UNITS.get(column, ""), None) for column, _ in present]
    for row in frame.iter_rows():
        cells = []
        for value, number_format in zip(row, formats, strict=True):
            if number_format is None or not isinstance(value, int | float):
                cells.append(_cell(value))
                continue
            cell = WriteOnlyCell(sheet, value=value)
            cell.number_format = number_format
            cells.append(cell)
        sheet.append(cells)


def _about(book: Any, manifest: dict[str, Any], year: int, lang: str) -> None:
    """Add the first sheet: the disclaimers first, then what the figures are and where they
    come from (file names, not paths of the machine)."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    sheet = book.create_sheet(text("disclaimer_sheet", lang))
    sheet.column_dimensions["A"].width = 60
    sheet.column_dimensions["B"].width = 80
    rubric = manifest.get("rubric", {})
    status = rubric.get("status")
    status_key = f"rubric_status_{status}"
    status_text = text(status_key, lang) if has_text(status_key) else status
    warnings = []
    if manifest.get("synthetic"):
        warnings.append(text("synthetic_banner", lang))
    if status == "illustrative":
        warnings.append(text("illustrative_banner", lang))
    red = Font(bold=True, color="A33D00")
    for warning in warnings:
        cell = WriteOnlyCell(sheet, value=_cell(warning))
        cell.font = red
        sheet.append([cell])
    lines = [(text("report_title", lang), str(year))]
    if rubric.get("id"):  # without a manifest, say nothing rather than "None vNone"
        version = f" v{rubric['version']}" if rubric.get("version") else ""
        label = f" ({status_text})" if status_text else ""
        lines.append((text("rubric_label", lang), f"{rubric['id']}{version}{label}"))
    if manifest.get("package_version"):
        commit = f" (git {manifest['git_commit']})" if manifest.get("git_commit") else ""
        lines.append(("cchc-analysis", f"{manifest['package_version']}{commit}"))
    lines.append((text("workbook_numbers", lang), ""))
    for item in manifest.get("inputs", []):
        name = Path(str(item.get("path"))).name
        digest = f" sha256 {item['sha256']}" if item.get("sha256") else ""
        lines.append((text("input_file", lang), f"{name}{digest}"))
    for line in lines:
        sheet.append([_cell(value) for value in line])


def workbook_bytes(
    tables: dict[str, pl.DataFrame],
    year: int,
    lang: str = "vi",
    manifest: dict[str, Any] | None = None,
) -> bytes:
    """Return the workbook (disclaimers and sources, totals, domains, criteria) of one year as
    .xlsx bytes."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    frames = workbook_frames(tables, year, lang)
    _about(book, manifest or {}, year, lang)  # the disclaimers come first
    for key, frame in frames.items():
        _sheet(book, text(f"sheet_{key}", lang), frame, SHEETS[key], lang)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_workbook(
    tables: dict[str, pl.DataFrame],
    year: int,
    out_dir: Path,
    lang: str = "vi",
    manifest: dict[str, Any] | None = None,
) -> Path:
    """Write ``cchc_scores_<year>.xlsx`` into ``out_dir`` atomically; return its path."""
    return atomic_write_bytes(
        Path(out_dir) / workbook_name(year), workbook_bytes(tables, year, lang, manifest)
    )
