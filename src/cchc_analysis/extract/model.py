"""What an extraction returns: figures, warnings, what was decided about each text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import polars as pl

from cchc_analysis.validate.rules import FAILURE_COLUMNS

FIGURE_COLUMNS: dict[str, Any] = {
    "province": pl.String,
    "period": pl.String,
    "indicator": pl.String,
    "value": pl.String,  # written as text: integers without '.0', never an ambiguous 1.234
    "unit": pl.String,
    "source": pl.String,
    "note": pl.String,
    "scope": pl.String,
    "bound": pl.String,
    "evidence": pl.String,
    "char_start": pl.Int64,
    "char_end": pl.Int64,
    "line": pl.Int64,
    "cue": pl.String,
    "confidence": pl.Float64,
}
WARNING_COLUMNS: dict[str, Any] = dict(FAILURE_COLUMNS)  # the failures table's columns
PROVINCE_SCOPE = "province"
NATIONAL_SCOPE = "toàn quốc"  # a figure of the whole country, not of any one province
_HIDE = "_"


@dataclass(frozen=True)
class Figure:
    """One figure found in a text, tied to a catalogue indicator."""

    file: str
    province: str  # canonical Vietnamese name, '' when the text names none
    period: str  # canonical period ('2023-9M'), '' when the text names none
    indicator: str
    value: float
    unit: str
    scope: str  # 'province', or the sub-unit the figure belongs to ('Sở Tư pháp')
    bound: str  # '' exact, 'lower', 'upper' or 'approx'
    note: str
    evidence: str  # the sentence, as written
    char_start: int  # the figure in the decoded NFC text
    char_end: int
    line: int  # 1-based line of the figure
    cue: str  # the words that tied it to the indicator, as written
    confidence: float
    text: str  # the figure as written ('512.304', '28/40', 'trên 2 triệu')

    @property
    def internal(self) -> bool:
        """True for helper figures that are not catalogue indicators (never written)."""
        return self.indicator.startswith("_")


@dataclass(frozen=True)
class ExtractWarning:
    """A disagreement found by the cross-checks, in the failures table's columns."""

    file: str
    row: int | None
    province: str
    period: str
    indicator: str
    column: str
    value: str
    rule: str
    severity: str
    message_vi: str
    message_en: str


@dataclass(frozen=True)
class DocumentInfo:
    """What was decided about one text: province, period and why."""

    file: str
    encoding: str
    province: str  # canonical name or ''
    province_how: str  # where it came from, or why there is none
    province_candidates: tuple[str, ...]
    period: str  # canonical or ''
    period_how: str
    headline: str
    figures: int = 0
    subunit_figures: int = 0
    language: str = "vi"  # the language the text was read in: 'vi' (default) or 'en'

    @property
    def needs(self) -> list[str]:
        """The options the user must pass for this text's rows to validate."""
        missing = []
        if not self.province:
            missing.append("--province")
        if not self.period:
            missing.append("--period")
        return missing


@dataclass
class Extraction:
    """Everything extracted from one or more texts."""

    figures: list[Figure] = field(default_factory=list)  # province scope: the table
    subunits: list[Figure] = field(default_factory=list)  # sub-unit scope: kept apart
    held_back: list[Figure] = field(default_factory=list)  # conflicting: not in the table
    warnings: list[ExtractWarning] = field(default_factory=list)
    documents: list[DocumentInfo] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)  # why each unreadable file was left out
    skipped: list[str] = field(default_factory=list)  # files of a folder not in a readable format
