"""The indicator panel of a report: each measure of a province and year against the
national target in force (``data/national_targets.csv``), with the counts behind it."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import polars as pl

from cchc_analysis.reference.labels import number, percent, text
from cchc_analysis.reference.registry import Province

# The indicator panel: measure id → (numerator terms, denominator terms, reported percent).
# A measure is 100 × numerator / denominator when its counts exist, else the reported percent.
PANEL: dict[str, tuple[tuple[str, ...], tuple[str, ...], str | None]] = {
    "on_time": (
        ("dossier.resolved_early", "dossier.resolved_on_time"),
        ("dossier.resolved",),
        "dossier.on_time_pct",
    ),
    "online_services": (
        ("service.online_level3", "service.online_level4"),
        ("tthc.in_force",),
        None,
    ),
    "tasks": (("task.completed",), ("task.planned",), None),
    "inspections": (("inspection.done",), ("inspection.planned",), None),
    "published": (("tthc.published",), ("tthc.in_force",), None),
    "simplified": (("tthc.amended", "tthc.abolished"), ("tthc.in_force",), None),
    "sipas": ((), (), "sipas.satisfaction_pct"),
    "edoc": ((), (), "edoc.exchange_pct"),
}
PANEL_SCHEMA = {
    "measure": pl.String,
    "numerator": pl.Float64,
    "denominator": pl.Float64,
    "value_pct": pl.Float64,
    "counts": pl.String,
    "comparator": pl.String,
    "target": pl.Float64,
    "target_year": pl.Int64,
    "instrument": pl.String,
    "target_source": pl.String,
    "target_source_vi": pl.String,
    "comparability": pl.String,
    "target_note": pl.String,
    "status": pl.String,
    "input_source": pl.String,
    "input_note": pl.String,
}


@cache
def load_targets() -> pl.DataFrame:
    """Return the national targets typed into ``data/national_targets.csv``: measure,
    comparator, target, unit, target_year, instrument, source, comparability, note_vi/en."""
    raw = (resources.files("cchc_analysis") / "data" / "national_targets.csv").read_bytes()
    return pl.read_csv(
        raw,
        schema_overrides={"target": pl.Float64, "target_year": pl.Int64, "source_vi": pl.String},
    )


@cache
def _targets_by_measure() -> dict[str, tuple[dict[str, Any], ...]]:
    """Return the targets of each measure, earliest target year first."""
    rows = load_targets().sort("target_year").iter_rows(named=True)
    grouped: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        grouped.setdefault(row["measure"], []).append(row)
    return {measure: tuple(targets) for measure, targets in grouped.items()}


@cache
def targets_digest() -> str:
    """Return the sha256 of the packaged national targets file."""
    from cchc_analysis.store.outputs import sha256_text

    raw = (resources.files("cchc_analysis") / "data" / "national_targets.csv").read_text("utf-8")
    return sha256_text(raw)


def _sum_or_none(values: dict[str, float], ids: tuple[str, ...]) -> float | None:
    if not ids or any(i not in values for i in ids):
        return None
    return float(sum(values[i] for i in ids))


def _counts_text(
    measure: str, numerator: float, denominator: float, values: dict[str, float], lang: str
) -> str:
    """Return the counts behind a measure as a reader checks them: ``135/139``, and for the
    procedures simplified, the abolished and amended counts apart."""
    if measure == "simplified":
        return text(
            "simplified_counts",
            lang,
            abolished=number(values["tthc.abolished"], lang, 0),
            amended=number(values["tthc.amended"], lang, 0),
            total=number(denominator, lang, 0),
        )
    return f"{number(numerator, lang, 0)}/{number(denominator, lang, 0)}"


def _panel_row(measure: str, values: dict[str, float], lang: str) -> dict[str, Any]:
    numerator_ids, denominator_ids, reported = PANEL[measure]
    numerator = _sum_or_none(values, numerator_ids)
    denominator = _sum_or_none(values, denominator_ids)
    if numerator is not None and denominator:
        value: float | None = round(100 * numerator / denominator, 2)
        counts = _counts_text(measure, numerator, denominator, values, lang)
    else:
        value = values.get(reported) if reported else None
        counts, numerator, denominator = "", None, None
    return {
        "measure": measure,
        "numerator": numerator,
        "denominator": denominator,
        "value_pct": value,
        "counts": counts,
    }


def _target_for(measure: str, year: int) -> dict[str, Any] | None:
    """Return the national target of ``measure`` in force for ``year`` (the first target year
    at or after it), or None."""
    for target in _targets_by_measure().get(measure, ()):
        if target["target_year"] >= year:
            return dict(target)
    return None


def _status(value: float | None, target: dict[str, Any] | None) -> str:
    if value is None:
        return "no_data"
    if target is None:
        return "no_target"
    goal = target["target"]
    met = value > goal if target["comparator"] == ">" else value >= goal
    return "met" if met else "not_met"


def indicator_panel(
    indicators: pl.DataFrame | None, province: Province, year: int, lang: str
) -> pl.DataFrame:
    """Return one row per PANEL measure for the province and year: value, counts, the
    national target in force, status (met, not_met, no_target, no_data) and the sources and
    notes of the input rows used (raw text, escaped only when displayed)."""
    rows = (
        pl.DataFrame(schema={"indicator": pl.String, "value": pl.Float64})
        if indicators is None
        else indicators.filter(
            (pl.col("province_code") == province.code)
            & (pl.col("era") == province.era)
            & (pl.col("period") == str(year))
        )
    )
    values = dict(zip(rows["indicator"], rows["value"], strict=True))
    origin = _origins(rows)
    records = []
    for measure, (numerator_ids, denominator_ids, reported) in PANEL.items():
        record = _panel_row(measure, values, lang)
        target = _target_for(measure, year)
        used = [*numerator_ids, *denominator_ids, *([reported] if reported else [])]
        record.update(
            comparator=target and target["comparator"],
            target=target and target["target"],
            target_year=target and target["target_year"],
            instrument=target and target["instrument"],
            target_source=target and target["source"],
            target_source_vi=target and (target.get("source_vi") or None),
            comparability=target and target["comparability"],
            target_note=target and target[f"note_{lang}"],
            status=_status(record["value_pct"], target),
            input_source=_distinct([origin[i][0] for i in used if i in origin]),
            input_note=_distinct([origin[i][1] for i in used if i in origin]),
        )
        records.append(record)
    return pl.DataFrame(records, schema=PANEL_SCHEMA)


def _origins(rows: pl.DataFrame) -> dict[str, tuple[str | None, str | None]]:
    """Return each indicator's (source, note) as the input file gave them."""
    columns = [rows[c] if c in rows.columns else [None] * rows.height for c in ("source", "note")]
    return dict(zip(rows["indicator"], zip(*columns, strict=True), strict=True))


def _distinct(values: list[str | None]) -> str | None:
    """Return the distinct non-empty texts joined by '; ' (first-seen order), or None."""
    return "; ".join(dict.fromkeys(v for v in values if v)) or None


def target_text(row: dict[str, Any], lang: str, short: bool = False) -> str:
    if row["target"] is None:
        return "–"
    comparator = {">=": "≥", ">": ">", "=": "="}.get(row["comparator"], row["comparator"])
    if short:
        return f"{text('target', lang).lower()} {comparator} {percent(row['target'], lang)}"
    caveat = {"approximate": "approximate", "unverified": "unverified_target"}.get(
        row["comparability"]
    )
    note = f" ({text(caveat, lang)})" if caveat else ""
    return f"{comparator} {percent(row['target'], lang)} ({row['target_year']}){note}"
