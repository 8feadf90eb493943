"""Helpers shared by the phrasing tests of the extractor."""

from __future__ import annotations

from cchc_analysis.extract import extract_text


def figure_keys(text: str) -> set[tuple[str, float, str]]:
    """Return (indicator, value, scope) of every figure and sub-unit figure read from a text."""
    extraction = extract_text(text)
    return {
        (f.indicator, round(f.value, 3), f.scope)
        for f in list(extraction.figures) + list(extraction.subunits)
        if not f.internal
    }
