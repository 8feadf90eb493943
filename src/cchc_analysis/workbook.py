"""One Excel workbook per batch for the people who live in Excel: totals, domains and criteria
(with every point's explanation) of one year, headers in Vietnamese (English on request),
numbers stored as numbers. Written with openpyxl (write-only mode: fast, small)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import polars as pl
import polars.selectors

from cchc_analysis.labels import text
from cchc_analysis.outputs import atomic_write_bytes, formula_safe

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


def workbook_name(year: int) -> str:
    """Return the workbook's file name for a year (``cchc_scores_2025.xlsx``)."""
    return f"cchc_scores_{int(year)}.xlsx"


def workbook_frames(
    tables: dict[str, pl.DataFrame], year: int, lang: str
) -> dict[str, pl.DataFrame]:
    """Return the three sheets' frames for one year (language-specific columns chosen)."""
    from cchc_analysis.registry import regions_frame

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
        key: frame.select([c for c, _ in SHEETS[key] if c in frame.columns]).with_columns(
            pl.selectors.float().round(2)  # as the reports show them; still numbers
        )
        for key, frame in frames.items()
    }


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
    """Add one sheet: a bold, frozen header row, then the frame's rows as plain values (numbers
    stay numbers; plain values keep write-only openpyxl fast)."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(title)
    present = [c for c in columns if c[0] in frame.columns]
    for index, (column, _) in enumerate(present, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = WIDTHS.get(column, 12)
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for _, key in present:
        cell = WriteOnlyCell(sheet, value=_cell(text(key, lang)))
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in frame.iter_rows():
        sheet.append([_cell(value) for value in row])


def _about(book: Any, manifest: dict[str, Any], year: int, lang: str) -> None:
    sheet = book.create_sheet(text("sheet_about", lang))
    rubric = manifest.get("rubric", {})
    lines = [(text("report_title", lang), str(year))]
    if rubric.get("id"):  # without a manifest, say nothing rather than "None vNone"
        status = f" ({rubric['status']})" if rubric.get("status") else ""
        version = f" v{rubric['version']}" if rubric.get("version") else ""
        lines.append((text("rubric_label", lang), f"{rubric['id']}{version}{status}"))
    if manifest.get("package_version"):
        commit = f" (git {manifest['git_commit']})" if manifest.get("git_commit") else ""
        lines.append(("cchc-analysis", f"{manifest['package_version']}{commit}"))
    if manifest.get("synthetic"):
        lines.insert(0, (text("synthetic_banner", lang), ""))
    if rubric.get("status") == "illustrative":
        lines.insert(1, (text("illustrative_banner", lang), ""))
    for item in manifest.get("inputs", []):
        digest = f" sha256 {item['sha256']}" if item.get("sha256") else ""
        lines.append((text("input_file", lang), f"{item.get('path')}{digest}"))
    for line in lines:
        sheet.append([_cell(value) for value in line])


def workbook_bytes(
    tables: dict[str, pl.DataFrame],
    year: int,
    lang: str = "vi",
    manifest: dict[str, Any] | None = None,
) -> bytes:
    """Return the workbook (totals, domains, criteria, about) of one year as .xlsx bytes."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    frames = workbook_frames(tables, year, lang)
    for key, frame in frames.items():
        _sheet(book, text(f"sheet_{key}", lang), frame, SHEETS[key], lang)
    _about(book, manifest or {}, year, lang)
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
