"""Figures and warnings as frames, and written as the indicator-table CSV."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl

from cchc_analysis.extract.model import FIGURE_COLUMNS, WARNING_COLUMNS

if TYPE_CHECKING:
    from cchc_analysis.extract.model import Extraction, ExtractWarning, Figure


def _value_text(value: float) -> str:
    """A value as the CSV holds it: '512304', '70.25'; a decimal that would read as a
    Vietnamese thousands group ('1.234') gets a trailing zero ('1.2340')."""
    if float(value).is_integer():
        return str(int(value))
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    if re.fullmatch(r"[1-9]\d{0,2}\.\d{3}", text):
        text += "0"
    return text


def figures_frame(figures: Sequence[Figure]) -> pl.DataFrame:
    """Return figures as the indicator table's long form plus provenance (FIGURE_COLUMNS)."""
    rows = [
        {
            "province": f.province,
            "period": f.period,
            "indicator": f.indicator,
            "value": _value_text(f.value),
            "unit": f.unit,
            "source": f.file,
            "note": f.note,
            "scope": f.scope,
            "bound": f.bound,
            "evidence": f.evidence,
            "char_start": f.char_start,
            "char_end": f.char_end,
            "line": f.line,
            "cue": f.cue,
            "confidence": f.confidence,
        }
        for f in figures
    ]
    return pl.DataFrame(rows, schema=FIGURE_COLUMNS)


def warnings_frame(warnings: Sequence[ExtractWarning]) -> pl.DataFrame:
    """Return warnings in the failures table's columns (WARNING_COLUMNS)."""
    rows = [{name: getattr(w, name) for name in WARNING_COLUMNS} for w in warnings]
    return pl.DataFrame(rows, schema=WARNING_COLUMNS)


def sibling_paths(out: Path | str) -> dict[str, Path]:
    """Return the files written for ``out``: the table, its warnings, its sub-unit rows and the
    figures held back by a cross-check ('x.csv', 'x.warnings.csv', 'x.subunits.csv',
    'x.held_back.csv')."""
    out = Path(out)
    stem = out.name[: -len(out.suffix)] if out.suffix else out.name
    return {
        "figures": out,
        "warnings": out.with_name(f"{stem}.warnings.csv"),
        "subunits": out.with_name(f"{stem}.subunits.csv"),
        "held_back": out.with_name(f"{stem}.held_back.csv"),
    }


def write_extraction(extraction: Extraction, out: Path | str) -> dict[str, Path]:
    """Write the table (province figures), the sub-unit figures, the figures held back (a
    repeated key or a broken identity: nothing read is lost, a reviewer decides) and the
    warnings as UTF-8 CSV, each atomically and safe to open in a spreadsheet; return their
    paths."""
    from cchc_analysis.store.outputs import atomic_write_csv

    paths = sibling_paths(out)
    atomic_write_csv(paths["figures"], figures_frame(extraction.figures))
    atomic_write_csv(paths["subunits"], figures_frame(extraction.subunits))
    atomic_write_csv(paths["held_back"], figures_frame(extraction.held_back))
    atomic_write_csv(paths["warnings"], warnings_frame(extraction.warnings))
    return paths
