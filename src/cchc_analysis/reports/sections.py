"""What a province report shows: the view of the processed tables for one province and year,
and the HTML pieces the report notebook displays (one call per notebook cell).

Every text that comes from an input file (province spellings, sources, notes, validation
values) is escaped with ``html.escape`` before it reaches the page.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import polars as pl

from cchc_analysis.reference.labels import has_text, number, percent, points, text
from cchc_analysis.reference.registry import (
    Province,
    ProvinceNotFound,
    predecessors,
    resolve_province,
)

PROCESSED_FILES = {
    "totals": "scores_totals.parquet",
    "domains": "scores_domains.parquet",
    "criteria": "scores_criteria.parquet",
}
INDICATORS_FILE = "indicators.parquet"
MANIFEST = "_manifest.json"
STRENGTHS_SHOWN = 3
# The report's sections in page order (the notebook has one cell for each).
SECTIONS = (
    "banner",
    "summary_section",
    "headline",
    "profile_section",
    "strengths_section",
    "indicators_section",
    "peers_section",
    "ranking_section",
    "uncertainty_section",
    "trend_section",
    "criteria_section",
    "warnings_section",
    "provenance_footer",
)

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
WARNING_COLUMNS = [
    "file",
    "row",
    "province",
    "period",
    "indicator",
    "value",
    "rule",
    "severity",
    "message",
]


@dataclass(frozen=True)
class ReportView:
    """Everything one province report shows, already filtered and labelled."""

    province: Province
    year: int
    lang: str
    headline: dict[str, Any]  # the province's totals row for the year
    region_name: str  # the province's socio-economic region, in the report's language
    ranking: pl.DataFrame  # every province that year: province, province_code, index_pct, rank
    profile: pl.DataFrame  # PROFILE: each domain against the national and regional medians
    criteria: pl.DataFrame  # the province's criteria with explanations
    strengths: pl.DataFrame  # criteria furthest above their national median (gap > 0)
    weaknesses: pl.DataFrame  # criteria furthest below their national median (gap < 0)
    trend: pl.DataFrame  # year, index_pct, series, kind
    indicators: pl.DataFrame  # the indicator panel (PANEL_SCHEMA) against the national targets
    warnings: pl.DataFrame | None  # the province's validation failures; None: no table found
    parameters: dict[str, Any] = field(default_factory=dict)  # as the notebook received them
    files: list[dict[str, str]] = field(default_factory=list)  # files read: name, sha256
    manifest: dict[str, Any] = field(default_factory=dict)
    intervals: pl.DataFrame | None = None  # every province's rank interval that year
    bands: pl.DataFrame | None = None  # grade, band_min of the year (highest first)
    neighbours: tuple[Province | None, Province | None] = (None, None)  # rank above, below
    ties: dict[str, int] = field(default_factory=dict)  # strengths/weaknesses: more tied, unshown

    @property
    def synthetic(self) -> bool:
        """True when the scores were computed from synthetic demo data."""
        return bool(self.manifest.get("synthetic"))

    @property
    def name(self) -> str:
        """Return the province's display name in the report's language."""
        return self.province.label_vi if self.lang == "vi" else self.province.name_en

    def interval(self) -> dict[str, Any] | None:
        """Return the province's row of the rank intervals, or None."""
        if self.intervals is None:
            return None
        rows = self.intervals.filter(pl.col("province_code") == self.province.code)
        return rows.row(0, named=True) if rows.height else None


# --------------------------------------------------------------------------- reading


def _stamp(path: Path) -> tuple[str, int, int]:
    """Return what identifies a file's content for the caches below: its resolved path,
    modification time and size (a file rewritten by `cchc score` gets a new stamp)."""
    stat = path.stat()
    return str(path.resolve()), stat.st_mtime_ns, stat.st_size


@lru_cache(maxsize=32)
def _parquet(stamp: tuple[str, int, int], period: str | None) -> pl.DataFrame:
    frame = pl.scan_parquet(stamp[0])
    return (frame if period is None else frame.filter(pl.col("period") == period)).collect()


def read_parquet(path: Path, period: str | None = None) -> pl.DataFrame:
    """Return a Parquet table (the rows of ``period`` only, when given), read once per process
    and file content: every report of a batch reads the same tables."""
    return _parquet(_stamp(Path(path)), period)


def read_processed(
    processed_dir: Path | str, period: str | None = None
) -> tuple[dict[str, pl.DataFrame], dict[str, Any]]:
    """Return the processed score tables and the run manifest from ``processed_dir`` (the
    domains and criteria of ``period`` only, when one is given; the totals of every period)."""
    folder = Path(processed_dir)
    tables = {}
    for name, file in PROCESSED_FILES.items():
        tables[name] = read_parquet(folder / file, None if name == "totals" else period)
    manifest_path = folder / MANIFEST
    manifest = (
        json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.exists() else {}
    )
    return tables, manifest


def read_indicators(processed_dir: Path | str, period: str | None = None) -> pl.DataFrame | None:
    """Return ``indicators.parquet`` from ``processed_dir`` (the rows of ``period`` only, when
    one is given), or None when it is absent."""
    path = Path(processed_dir) / INDICATORS_FILE
    return read_parquet(path, period) if path.exists() else None


def read_failures(path: Path | str | None) -> pl.DataFrame | None:
    """Return the validation failures table (every column a string), or None when absent."""
    if not path or not Path(path).is_file():
        return None
    return _failures(_stamp(Path(path)))


@lru_cache(maxsize=4)
def _failures(stamp: tuple[str, int, int]) -> pl.DataFrame:
    frame = pl.read_csv(Path(stamp[0]).read_bytes(), infer_schema=False)
    return frame.rename({c: c.lstrip("\ufeff") for c in frame.columns})


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


@lru_cache(maxsize=32)
def _sha256(stamp: tuple[str, int, int]) -> str:
    from cchc_analysis.store.outputs import sha256_of

    return sha256_of(Path(stamp[0]))


def file_digest(path: Path | str) -> dict[str, str]:
    """Return ``{"path", "sha256"}`` of a file read for the report (its name only: no path
    of the machine reaches a report); hashed once per process and file content."""
    return {"path": Path(path).name, "sha256": _sha256(_stamp(Path(path)))}


# --------------------------------------------------------------------------- the view


def _region_name(region: str | None, lang: str) -> str:
    from cchc_analysis.reference.registry import regions_frame

    regions = regions_frame().filter(pl.col("id") == region)
    return str(regions[f"name_{lang}"][0]) if regions.height else str(region or "")


MIN_REGION_PEERS = 3  # fewer other provinces in a region: its median is flagged as thin


def _profile(
    tables: dict[str, pl.DataFrame],
    period: str,
    chosen: Province,
    lang: str,
    previous: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """Return the province's domains (PROFILE columns): % of maximum and points; the national
    median (every province) and the regional median of the *other* provinces of its region
    (``region_peers`` of them; ``region_thin`` when fewer than MIN_REGION_PEERS); the gap to
    the national median in percentage points and in points of the index; the province's
    quartile among all provinces (1 = best quarter); the best performer; and the change in
    points since the previous year (``previous``: domain_id, prev_points; None: unknown)."""
    totals = tables["totals"].filter(pl.col("period") == period)
    region = totals.filter(pl.col("province_code") == chosen.code)["region"][0]
    peers = totals.filter((pl.col("region") == region) & (pl.col("province_code") != chosen.code))[
        "province_code"
    ]
    domains = (
        tables["domains"]
        .filter(pl.col("period") == period)
        .with_columns(pl.col("domain_id").cast(pl.String))
    )
    national = domains.group_by("domain_id").agg(
        median_pct=pl.col("pct").median(),
        median_points=pl.col("points").median(),
        n=pl.len(),
        best_pct=pl.col("pct").max(),
        # every province tied for the best, in name order
        best=pl.col("province").filter(pl.col("pct") == pl.col("pct").max()).sort(),
    )
    regional = (
        domains.filter(pl.col("province_code").is_in(peers.implode()))
        .group_by("domain_id")
        .agg(region_median_pct=pl.col("pct").median())
    )
    ranked = domains.with_columns(
        place=pl.col("pct").rank("min", descending=True).over("domain_id")
    ).filter(pl.col("province_code") == chosen.code)
    prev = (
        previous
        if previous is not None
        else pl.DataFrame(schema={"domain_id": pl.String, "prev_points": pl.Float64})
    ).with_columns(pl.col("domain_id").cast(domains.schema["domain_id"]))
    return (
        ranked.join(national, on="domain_id")
        .join(regional, on="domain_id", how="left")
        .join(prev, on="domain_id", how="left")
        .sort("domain_order")
        .select(
            "domain_id",
            pl.col(f"domain_label_{lang}").cast(pl.String).alias("domain"),
            "pct",
            pl.col("median_pct").round(2),
            pl.col("region_median_pct").round(2),
            pl.lit(peers.len()).alias("region_peers"),
            pl.lit(peers.len() < MIN_REGION_PEERS).alias("region_thin"),
            # a domain whose every criterion was left out has no points, not zero
            pl.when(pl.col("available_max") > 0).then("points").alias("points"),
            "max_points",
            gap_pct=(pl.col("pct") - pl.col("median_pct")).round(2),
            gap_points=(pl.col("points") - pl.col("median_points")).round(2),
            place=pl.col("place").cast(pl.Int32),
            quartile=((pl.col("place") - 1) * 4 // pl.col("n") + 1).cast(pl.Int32),
            best=pl.col("best"),
            best_pct=pl.col("best_pct"),
            change_points=(pl.col("points") - pl.col("prev_points")).round(2),
        )
    )


def criterion_gaps(criteria: pl.DataFrame, province_code: str) -> pl.DataFrame:
    """Return the province's criteria (every province's criteria of one period given) with
    the national median points of each criterion, ``gap`` = points − median (points of the
    index, so a criterion weighs by its maximum) and ``percentile`` (share of provinces
    scoring less, 0–100)."""
    scored = criteria.with_columns(
        median_points=pl.col("points").median().over("criterion_id"),
        below=(pl.col("points").rank("min") - 1).over("criterion_id"),
        n=pl.len().over("criterion_id"),
    ).filter(pl.col("province_code") == province_code)
    return scored.with_columns(
        gap=(pl.col("points") - pl.col("median_points")).round(2),
        percentile=(100 * pl.col("below") / pl.col("n")).round(0),
    ).sort("criterion_order")


def _with_ties(ranked: pl.DataFrame, n: int, cap: int) -> tuple[pl.DataFrame, int]:
    """Return the first ``n`` rows of ``ranked`` (sorted by |gap|) and every row tied with the
    n-th, at most ``cap`` rows, and how many more tied rows were left out."""
    if ranked.height <= n:
        return ranked, 0
    boundary = ranked["gap"][n - 1]
    kept = ranked.filter(pl.int_range(pl.len()) < n).vstack(
        ranked.filter((pl.int_range(pl.len()) >= n) & (pl.col("gap") == boundary))
    )
    return kept.head(cap), max(0, kept.height - cap)


def strengths_and_weaknesses(
    gaps: pl.DataFrame, n: int = STRENGTHS_SHOWN, cap: int = 2 * STRENGTHS_SHOWN
) -> tuple[pl.DataFrame, pl.DataFrame, dict[str, int]]:
    """Return (strengths, weaknesses, ties left out): the criteria furthest above their
    national median (``gap`` > 0, largest first) and furthest below it (``gap`` < 0), ``n``
    of each plus every criterion tied with the n-th (at most ``cap``; criteria in rubric order
    within a tie). A criterion at the median is neither."""
    above = gaps.filter(pl.col("gap") > 0).sort(
        ["gap", "criterion_order"], descending=[True, False]
    )
    below = gaps.filter(pl.col("gap") < 0).sort(["gap", "criterion_order"])
    strengths, more_strengths = _with_ties(above, n, cap)
    weaknesses, more_weaknesses = _with_ties(below, n, cap)
    return strengths, weaknesses, {"strengths": more_strengths, "weaknesses": more_weaknesses}


def _trend(totals: pl.DataFrame, province: Province, lang: str) -> pl.DataFrame:
    """Return the index across years: the province itself, its predecessors before the
    merger (when it was formed from several), and the national median of each year."""
    annual = totals.filter(pl.col("period").str.len_chars() == 4)
    own = annual.filter(
        (pl.col("era") == province.era) & (pl.col("province_code") == province.code)
    )
    current = text("current", lang)
    frames = [own.select("year", "index_pct", pl.lit(province.name_vi).alias("series"))]
    kinds = [current]
    if province.era == "34":
        olds = predecessors(province)
        merged = len(olds) > 1
        bridge = own.filter(pl.col("comparison_basis").is_not_null()).select(
            (pl.col("year") - 1).alias("year"),
            pl.col("prev_index_pct").alias("index_pct"),
            pl.lit(province.name_vi).alias("series"),
        )
        frames.append(bridge)
        kinds.append(current)
        for old in olds:
            history = annual.filter((pl.col("era") == "63") & (pl.col("province_code") == old.code))
            if not merged:  # same boundaries: the province's own history, one line
                history = history.filter(~pl.col("year").is_in(bridge["year"].implode()))
            series = f"{old.name_vi} ({text('predecessor', lang)})" if merged else province.name_vi
            frames.append(history.select("year", "index_pct", pl.lit(series).alias("series")))
            kinds.append(text("predecessor", lang) if merged else current)
    # one median line per era: the line breaks where 63 provinces became 34
    medians = annual.group_by("year", "era").agg(pl.col("index_pct").median().round(2), n=pl.len())
    for era in sorted(medians["era"].unique().to_list(), reverse=True):
        part = medians.filter(pl.col("era") == era)
        label = text("national_median_era", lang, n=era)
        frames.append(part.select("year", "index_pct", pl.lit(label).alias("series")))
        kinds.append(text("national_median", lang))
    return (
        pl.concat(
            [
                f.select(
                    pl.col("year").cast(pl.Int32),
                    pl.col("index_pct").cast(pl.Float64),
                    pl.col(f.columns[2]).alias("series"),
                    pl.lit(k).alias("kind"),
                )
                for f, k in zip(frames, kinds, strict=True)
            ]
        )
        .unique(["series", "year"], keep="first", maintain_order=True)
        .sort("series", "year")
    )


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


def province_warnings(
    failures: pl.DataFrame | None, province: Province, year: int, lang: str
) -> pl.DataFrame | None:
    """Return the validation failures of one province in the periods of ``year`` (the raw
    province spelling resolved for each row's period; before the merger, the provinces merged
    into it count too): WARNING_COLUMNS, or None without a failures table."""
    if failures is None:
        return None
    candidates = failures.filter(
        pl.col("province").is_not_null() & pl.col("period").fill_null("").str.starts_with(str(year))
    )
    keys = candidates.select("province", "period").unique()
    mine = [
        (name, period) for name, period in keys.iter_rows() if _resolves_to(name, period, province)
    ]
    chosen = candidates.join(
        pl.DataFrame(mine, schema={"province": pl.String, "period": pl.String}, orient="row"),
        on=["province", "period"],
        how="semi",
    )
    return chosen.select(*WARNING_COLUMNS[:-1], pl.col(f"message_{lang}").alias("message")).sort(
        "severity", "period", "indicator", nulls_last=True
    )


def _resolves_to(name: str, period: str, province: Province) -> bool:
    """True when a raw spelling denotes the province in that period, or (before the merger)
    one of the provinces merged into it."""
    try:
        found = resolve_province(name, period)
    except (ProvinceNotFound, ValueError):
        return False
    merged_in = province.era == "34" and found.era == "63" and found.successor_code == province.code
    return found == province or merged_in


def neighbours(totals: pl.DataFrame, chosen: Province) -> tuple[Province | None, Province | None]:
    """Return the provinces ranked just above and just below ``chosen`` (ties by code), as
    the index lists them; None at either end."""
    from cchc_analysis.reference.registry import province_by_code

    order = totals.sort("rank", "province_code")["province_code"].to_list()
    at = order.index(chosen.code)
    above = province_by_code(order[at - 1], chosen.era) if at > 0 else None
    below = province_by_code(order[at + 1], chosen.era) if at + 1 < len(order) else None
    return above, below


def build_view(
    tables: dict[str, pl.DataFrame],
    manifest: dict[str, Any],
    province: str,
    year: int,
    lang: str = "vi",
    indicators: pl.DataFrame | None = None,
    failures: pl.DataFrame | None = None,
    intervals: pl.DataFrame | None = None,
    bands: pl.DataFrame | None = None,
    previous_domains: pl.DataFrame | None = None,
) -> ReportView:
    """Return the ReportView of one province (name in any usual spelling, or code) for a year
    (``intervals``/``bands``: the uncertainty tables of that year; ``previous_domains``: the
    domain points of the year before on this year's boundaries)."""
    chosen = resolve_province(province, str(year))
    period = str(year)
    totals = tables["totals"].filter(pl.col("period") == period)
    row = totals.filter(pl.col("province_code") == chosen.code)
    if row.is_empty():
        raise LookupError(
            f"no scores for {chosen.name_vi} in {period}: run `cchc score` on a "
            "table that has this province and period"
        )
    all_criteria = tables["criteria"].filter(pl.col("period") == period)
    gaps = criterion_gaps(all_criteria, chosen.code)
    strengths, weaknesses, ties = strengths_and_weaknesses(gaps)
    headline = row.row(0, named=True)
    prev = None
    if previous_domains is not None:
        prev = previous_domains.filter(pl.col("province_code") == chosen.code).select(
            "domain_id", pl.col("points").alias("prev_points")
        )
    return ReportView(
        province=chosen,
        year=year,
        lang=lang,
        headline=headline,
        region_name=_region_name(headline["region"], lang),
        ranking=totals.select("province", "province_code", "index_pct", "rank", "grade"),
        profile=_profile(tables, period, chosen, lang, prev),
        criteria=gaps,
        strengths=strengths,
        weaknesses=weaknesses,
        trend=_trend(tables["totals"], chosen, lang),
        indicators=indicator_panel(indicators, chosen, year, lang),
        warnings=province_warnings(failures, chosen, year, lang),
        manifest=manifest,
        intervals=intervals,
        bands=bands,
        neighbours=neighbours(totals, chosen),
        ties=ties,
    )


def read_uncertainty(
    processed_dir: Path | str, period: str
) -> tuple[pl.DataFrame | None, pl.DataFrame | None]:
    """Return (rank intervals, grade bands with their lower bounds) of ``period`` from the
    uncertainty tables beside the scores; None for a table that is absent."""
    folder = Path(processed_dir)
    found: list[pl.DataFrame | None] = []
    for name in ("uncertainty_intervals.parquet", "uncertainty_bands.parquet"):
        path = folder / name
        found.append(read_parquet(path, period) if path.exists() else None)
    intervals, bands = found
    if bands is not None:
        bands = (
            bands.group_by("grade")
            .agg(pl.col("band_min").first())
            .sort("band_min", descending=True)
        )
    return intervals, bands


@cache
def _previous_domains_cached(folder: str, year: int, rubric_id: str, digest: str) -> pl.DataFrame:
    from cchc_analysis.reference.periods import era_of
    from cchc_analysis.scoring.engine import score_indicators
    from cchc_analysis.scoring.merger import aggregate_to_successors
    from cchc_analysis.scoring.rubric import load_rubric

    rows = read_indicators(folder, str(year - 1))
    empty = pl.DataFrame(schema={"province_code": pl.String, "domain_id": pl.String})
    if rows is None or rows.is_empty():
        return empty.with_columns(points=pl.lit(None, pl.Float64))
    if era_of(str(year)) != era_of(str(year - 1)):
        rows = aggregate_to_successors(rows)
    domains = score_indicators(rows, load_rubric(rubric_id), explain=False).domains
    return domains.filter(pl.col("period") == str(year - 1)).select(
        "province_code", "domain_id", "points"
    )


def previous_domains(
    processed_dir: Path | str, year: int, manifest: dict[str, Any]
) -> pl.DataFrame | None:
    """Return every province's domain points of the year before ``year`` on the boundaries of
    ``year`` (across the merger: the predecessors' indicators combined by the catalogue's
    rules and scored with the same rubric, as the totals' change is), or None when the
    rubric or the indicators are not at hand. Computed once per process and input."""
    rubric = manifest.get("rubric", {})
    path = Path(processed_dir) / INDICATORS_FILE
    if not rubric.get("id") or not path.exists():
        return None
    try:
        return _previous_domains_cached(
            str(Path(processed_dir).resolve()),
            int(year),
            str(rubric["id"]),
            str(path.stat().st_mtime_ns),
        )
    except (OSError, ValueError, LookupError):  # a rubric not bundled: no domain changes
        return None


def load_report_view(
    processed_dir: str, province: str, year: int, lang: str = "vi", failures_path: str = ""
) -> ReportView:
    """Read the processed tables (and the validation failures table when ``failures_path``
    names one) and return the ReportView of one province and year."""
    tables, manifest = read_processed(processed_dir, str(year))
    indicators = read_indicators(processed_dir, str(year))
    failures = read_failures(failures_path)
    intervals, bands = read_uncertainty(processed_dir, str(year))
    view = build_view(
        tables,
        manifest,
        province,
        year,
        lang,
        indicators,
        failures,
        intervals,
        bands,
        previous_domains(processed_dir, year, manifest),
    )
    folder = Path(processed_dir)
    read = [folder / f for f in (*PROCESSED_FILES.values(), INDICATORS_FILE)]
    read += [Path(failures_path)] if failures is not None else []
    files = [file_digest(p) for p in read if p.exists()]
    parameters = {
        "province": province,
        "year": year,
        "processed_dir": processed_dir,
        "lang": lang,
        "failures_path": failures_path,
    }
    return replace(view, files=files, parameters=parameters)


# --------------------------------------------------------------------------- HTML pieces


CHARTS_METADATA = "cchc"  # output metadata key of the chart specs a section draws


class Html:
    """An HTML fragment the notebook displays as rich output (``text/html``). The Vega-Lite
    specs of the charts it draws go in the output's metadata (``cchc.charts``), so the executed
    notebook records them for ``cchc verify``; HTML exports leave metadata out."""

    def __init__(self, markup: str, charts: dict[str, Any] | None = None) -> None:
        self.markup = markup
        self.charts = charts or {}

    def _repr_html_(self) -> str:
        return self.markup

    def _repr_mimebundle_(
        self, include: Any = None, exclude: Any = None
    ) -> tuple[dict[str, str], dict[str, Any]]:
        # one JSON text, not nested objects: copied, validated and saved many times over
        charts = json.dumps(self.charts, ensure_ascii=False) if self.charts else None
        metadata = {CHARTS_METADATA: {"charts": charts}} if charts else {}
        return {"text/html": self.markup}, metadata

    def __repr__(self) -> str:
        return "<report section: HTML>"

    def __str__(self) -> str:
        return self.markup


def _e(value: object) -> str:
    """Return ``value`` as escaped HTML text ('' for None)."""
    return "" if value is None else html.escape(str(value))


def _table(
    head: list[str],
    rows: list[list[tuple[str, str]]],
    css: str = "cchc-table",
    caption: str = "",
) -> str:
    """Return a table with its ``caption`` (plain text), inside a box that scrolls sideways on
    its own when the table is wider than the screen; ``rows`` are lists of (already escaped
    cell HTML, td class). Each cell carries its column's heading (``data-label``) for the
    narrow-screen card layout."""
    header = "".join(f"<th scope='col'>{_e(h)}</th>" for h in head)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="{c}" data-label="{_e(h)}">{v}</td>'
            if c
            else f'<td data-label="{_e(h)}">{v}</td>'
            for (v, c), h in zip(r, head, strict=True)
        )
        + "</tr>"
        for r in rows
    )
    cap = f"<caption>{_e(caption)}</caption>" if caption else ""
    table = (
        f'<table class="{css}">{cap}<thead><tr>{header}</tr></thead><tbody>{body}</tbody></table>'
    )
    return _scroll(table, caption)


def _scroll(table: str, label: str) -> str:
    """Return ``table`` in a box that scrolls sideways on its own (keyboard-reachable)."""
    attributes = f'role="region" tabindex="0" aria-label="{_e(label)}"'
    return f'<div class="cchc-scroll" {attributes}>{table}</div>'


def _section(key: str, lang: str, body: str, chart: dict[str, Any] | None = None) -> Html:
    """Return a report section: its heading (in ``lang``), its body HTML and the spec of the
    chart it draws, if any (recorded under the section's key)."""
    return Html(
        f'<section class="cchc-section" id="{_e(key)}" aria-labelledby="{_e(key)}-h">'
        f'<h2 class="cchc-h2" id="{_e(key)}-h">{_e(text(key, lang))}</h2>{body}</section>',
        {key: chart} if chart is not None else None,
    )


def _charts() -> Any:
    """Return the charts module, imported on first use (reading tables never imports Altair)."""
    from cchc_analysis.reports import charts

    return charts


def _rows(frame: pl.DataFrame | None) -> tuple[Any, ...]:
    """Return a frame as a hashable key (schema and rows)."""
    if frame is None:
        return ()
    return (tuple(frame.schema.items()), tuple(frame.iter_rows()))


@lru_cache(maxsize=8)
def _shared_spec(kind: str, lang: str, data: tuple[Any, ...], bands: tuple[Any, ...]) -> Any:
    """Return the Vega-Lite spec of a chart every report of a batch draws alike (``kind``:
    ranking or intervals), built once per process and content."""

    def frame(key: tuple[Any, ...]) -> pl.DataFrame | None:
        return pl.DataFrame(list(key[1]), schema=dict(key[0]), orient="row") if key else None

    charts = _charts()
    if kind == "ranking":
        chart = charts.plot_ranking(frame(data), None, lang, frame(bands))
    else:
        chart = charts.plot_rank_intervals(frame(data), lang)
    return charts.themed_spec(chart)


def _figure(
    chart: Any,
    lang: str,
    title: str,
    caption: str,
    legend: list[tuple[str, str, str]] | None = None,
    key: str = "chart",
) -> tuple[str, dict[str, Any]]:
    """Return an Altair chart as (an inline-SVG figure with its title, HTML legend and caption,
    its Vega-Lite spec)."""
    charts = _charts()
    spec = chart if isinstance(chart, dict) else charts.themed_spec(chart)
    legend_html = charts.legend_html(legend) if legend else ""
    return charts.spec_figure(spec, lang, caption, legend_html, title, key), spec


def heading(key: str, lang: str = "vi") -> Html:
    """Return a section heading in the report's language."""
    return Html(f'<h2 class="cchc-h2">{_e(text(key, lang))}</h2>')


# --------------------------------------------------------------------------- top of the page


def _link(province: Province | None, key: str, lang: str, rank: Any = None) -> str:
    from cchc_analysis.reports.names import report_file_name

    if province is None:
        return '<span class="cchc-nav-none"></span>'
    name = province.label_vi if lang == "vi" else province.name_en
    href = report_file_name(province.code, province.slug)
    rel = "prev" if key == "nav_prev" else "next"
    return f'<a href="{_e(href)}" rel="{rel}">{_e(text(key, lang, name=name))}</a>'


def banner(view: ReportView) -> Html:
    """Return the navigation (the index, the provinces ranked just above and below), the title
    and, when they apply, the synthetic-data and illustrative-rubric banners (notes, not
    alerts)."""
    lang = view.lang
    above, below = view.neighbours
    nav = (
        f'<nav class="cchc-nav" aria-label="{_e(text("nav_label", lang))}">'
        f'<a href="index.html">{_e(text("nav_index", lang))}</a>'
        f"{_link(above, 'nav_prev', lang)}{_link(below, 'nav_next', lang)}</nav>"
    )
    title = f"{_e(text('report_title', lang))}: {_e(view.name)} — {view.year}"
    parts = [nav, f'<h1 class="cchc-h1">{title}</h1>']
    if view.synthetic:
        parts.append(
            f'<p class="cchc-banner cchc-synthetic" role="note">'
            f"{_e(text('synthetic_banner', lang))}</p>"
        )
    if view.manifest.get("rubric", {}).get("status") == "illustrative":
        parts.append(
            f'<p class="cchc-banner cchc-illustrative" role="note">'
            f"{_e(text('illustrative_banner', lang))}</p>"
        )
    return Html("\n".join(parts))


def _places_text(places: int, lang: str) -> str:
    key = (
        "change_places_up"
        if places > 0
        else "change_places_down"
        if places < 0
        else "change_places_same"
    )
    return text(key, lang, places=abs(places))


def _change_text(row: dict[str, Any], lang: str) -> str:
    if row.get("prev_index_pct") is None:
        return text("no_previous", lang)
    points_text = number(row["change_points"], lang, 2, signed=True)
    return (
        f"{text('change_points', lang, sign='', points=points_text)}, "
        f"{_places_text(row['change_places'], lang)}"
    )


def _share(p: float | None) -> str:
    """Return a probability as a whole percentage ('< 1%' and '> 99%' rather than 0 or 100)."""
    p = p or 0.0
    if 0 < p < 0.01:
        return "< 1%"
    if 0.99 < p < 1:
        return "> 99%"
    return f"{int(p * 100 + 0.5)}%"


def _items(entries: list[str]) -> str:
    return "; ".join(entries)


def summary_lines(view: ReportView) -> list[str]:
    """Return the summary, at most five sentences computed from the tables: index and rank with
    the 90 % interval in words; the grade and how likely it holds; the change since last year
    and the domains that moved it most; the three largest gaps to the national median in
    points of the index; the national targets missed."""
    row, lang = view.headline, view.lang
    interval = view.interval()
    index = percent(row["index_pct"], lang)
    values = {"index": index, "rank": row["rank"], "n": row["n_provinces"]}
    if interval is None:
        lines = [text("summary_rank_only", lang, **values)]
    elif interval["rank_lo"] == interval["rank_hi"]:
        lines = [text("summary_rank_exact", lang, **values)]
    else:
        lines = [
            text("summary_rank", lang, **values, low=interval["rank_lo"], high=interval["rank_hi"])
        ]
    grade = row["grade"] or "–"
    if interval is not None and interval.get(f"p_{grade}") is not None:
        lines.append(text("summary_grade", lang, grade=grade, p=_share(interval[f"p_{grade}"])))
    else:
        lines.append(text("summary_grade_only", lang, grade=grade))
    previous = view.year - 1
    if row.get("prev_index_pct") is None:
        lines.append(text("summary_no_previous", lang, period=previous))
    else:
        moved = view.profile.filter(
            pl.col("change_points").is_not_null() & (pl.col("change_points").abs() >= 0.005)
        ).sort(pl.col("change_points").abs(), "domain_id", descending=[True, False])
        change = {
            "period": previous,
            "points": number(row["change_points"], lang, 2, signed=True),
            "places": _places_text(row["change_places"], lang),
        }
        if moved.height:
            items = _items(
                [
                    f"{d['domain']} {number(d['change_points'], lang, 2, signed=True)}"
                    for d in moved.head(3).iter_rows(named=True)
                ]
            )
            domains = text("summary_domains_moved", lang, items=items)
            lines.append(text("summary_change", lang, **change, domains=domains))
        else:
            lines.append(text("summary_change_only", lang, **change))
    gaps = view.profile.filter(pl.col("gap_points").abs() >= 0.005).sort(
        pl.col("gap_points").abs(), "domain_id", descending=[True, False]
    )
    if gaps.height:
        items = _items(
            [
                f"{d['domain']} "
                + text("points_of", lang, value=number(d["gap_points"], lang, 2, signed=True))
                for d in gaps.head(3).iter_rows(named=True)
            ]
        )
        lines.append(text("summary_gaps", lang, items=items))
    judged = view.indicators.filter(pl.col("status").is_in(["met", "not_met"]))
    missed = judged.filter(pl.col("status") == "not_met")
    if missed.height:
        items = _items(
            [
                f"{text('measure_' + r['measure'], lang)} ({percent(r['value_pct'], lang)}; "
                f"{_target_text(r, lang, short=True)})"
                for r in missed.iter_rows(named=True)
            ]
        )
        lines.append(text("summary_targets_missed", lang, items=items))
    elif judged.height:
        lines.append(text("summary_targets_met", lang, n=judged.height))
    else:
        lines.append(text("summary_targets_none", lang))
    return lines[:5]


def summary_section(view: ReportView) -> Html:
    """Return the summary (Tóm tắt): at most five lines, from ``summary_lines``."""
    items = "".join(f"<li>{_e(line)}</li>" for line in summary_lines(view))
    return _section("summary_heading", view.lang, f'<ul class="cchc-summary">{items}</ul>')


def _basis_text(view: ReportView) -> str:
    row, lang = view.headline, view.lang
    basis = row.get("comparison_basis")
    if basis is None:
        return ""
    previous = str(view.year - 1)
    if basis == "predecessors_combined":
        names = ", ".join(p.name_vi for p in predecessors(view.province))
        return text(
            "basis_predecessors", lang, period=previous, names=names, n=row["prev_n_provinces"]
        )
    if row.get("across_merger"):
        return text("basis_rebased", lang, period=previous, n=row["prev_n_provinces"])
    return text("basis_same", lang, period=previous)


def headline(view: ReportView) -> Html:
    """Return the headline card: index %, rank of N, grade, change, rank within the region."""
    row, lang = view.headline, view.lang
    cells = [
        ("index_pct", text("index_pct", lang), number(row["index_pct"], lang)),
        ("rank", text("rank", lang), f"{row['rank']}/{row['n_provinces']}"),
        ("grade", text("grade", lang), row["grade"] or "–"),
        ("change", text("change", lang, period=view.year - 1), _change_text(row, lang)),
        (
            "region_rank",
            text("rank_in_region_label", lang, region=view.region_name),
            f"{row['rank_in_region']}/{row['n_in_region']}",
        ),
    ]
    items = "".join(
        f'<div class="cchc-kpi" data-kpi="{key}"><div class="cchc-kpi-label">{_e(k)}</div>'
        f'<div class="cchc-kpi-value">{_e(v)}</div></div>'
        for key, k, v in cells
    )
    basis = _basis_text(view)
    note = f'<p class="cchc-note">{_e(basis)}.</p>' if basis else ""
    return Html(f'<div class="cchc-card">{items}</div>{note}')


def _sign_class(value: float | None) -> str:
    if value is None or value == 0:
        return ""
    return "cchc-up" if value > 0 else "cchc-down"


# --------------------------------------------------------------------------- domains


def _thin_note(view: ReportView) -> str:
    peers = int(view.profile["region_peers"][0]) if view.profile.height else 0
    if peers >= MIN_REGION_PEERS:
        return ""
    note = text("region_thin", view.lang, region=view.region_name, n=peers)
    return f'<p class="cchc-note cchc-thin">{_e(note)}</p>'


def profile_section(view: ReportView) -> Html:
    """Return the domain view: each domain's gap to the national median (a bar chart in
    HTML), with the regional median (other provinces of the region only; flagged when they
    are few)."""
    charts = _charts()
    lang = view.lang
    legend = charts.legend_html(charts.profile_legend(lang, view.region_name))
    caption = text("domain_gap_caption", lang, region=view.region_name)
    title = text("domain_gap_title", lang)
    figure = (
        f'<figure class="cchc-chart" aria-labelledby="domain_profile-title" '
        f'aria-describedby="domain_profile-desc">'
        f'<figcaption class="cchc-chart-title" id="domain_profile-title">{_e(title)}'
        f"</figcaption>{legend}{charts.domain_gaps_html(view.profile, lang)}"
        f'<p class="cchc-caption" id="domain_profile-desc">{_e(caption)}</p></figure>'
    )
    spec = charts.domain_gaps_spec(view.profile, lang)
    return _section("domain_profile_heading", lang, figure + _thin_note(view), spec)


def _best_names(names: list[str], lang: str, shown: int = 3) -> str:
    """Return the best performers: every name when few, else the first and how many more."""
    if len(names) <= shown + 1:
        return ", ".join(names)
    return text("best_and_more", lang, names=", ".join(names[:shown]), n=len(names) - shown)


def peers_section(view: ReportView) -> Html:
    """Return the domain table: points, % of maximum, the province's quarter among all
    provinces (coloured, and said in words), both medians, the change since last year and the
    best performer of each domain."""
    lang = view.lang
    n = view.headline["n_provinces"]
    head = [
        text("domain", lang),
        text("points", lang),
        text("pct_of_max", lang),
        text("quartile", lang, n=n),
        text("national_median", lang),
        text("regional_median", lang, region=view.region_name),
        text("domain_change", lang, period=view.year - 1),
        text("best_performer", lang),
    ]
    rows = []
    for d in view.profile.iter_rows(named=True):
        quartile = d["quartile"]
        rows.append(
            [
                (_e(d["domain"]), ""),
                (f"{points(d['points'], lang)}/{points(d['max_points'], lang)}", "num"),
                (percent(d["pct"], lang), "num"),
                (
                    # a domain without figures (no %) has no place among the provinces
                    f'<span class="cchc-q cchc-q{quartile}">'
                    f"{_e(text(f'quartile_{quartile}', lang))}</span>"
                    f" <span class='cchc-counts'>({d['place']}/{n})</span>"
                    if quartile is not None
                    else "–",
                    "",
                ),
                (percent(d["median_pct"], lang), "num"),
                (percent(d["region_median_pct"], lang), "num"),
                (
                    number(d["change_points"], lang, 2, signed=True),
                    "num " + _sign_class(d["change_points"]),
                ),
                (
                    f"{_e(_best_names(d['best'], lang))} "
                    f"<span class='cchc-counts'>({percent(d['best_pct'], lang)})</span>",
                    "",
                ),
            ]
        )
    table = _table(head, rows, "cchc-table cchc-peers cchc-cards", text("caption_profile", lang))
    legend = "".join(
        f'<span class="cchc-q cchc-q{q}">{_e(text(f"quartile_{q}", lang))}</span>'
        for q in (1, 2, 3, 4)
    )
    return _section(
        "peers_heading", lang, f'<p class="cchc-qlegend">{legend}</p>{table}{_thin_note(view)}'
    )


# --------------------------------------------------------------------------- all provinces


def _threshold_words(bands: pl.DataFrame | None, lang: str) -> str:
    if bands is None:
        return "–"
    return ", ".join(
        f"{b['grade']} ≥ {number(b['band_min'], lang, 0)}"
        for b in bands.iter_rows(named=True)
        if b["band_min"] > 0
    )


def ranking_section(view: ReportView) -> Html:
    """Return the ranking chart of every province, this one highlighted, with the grade
    thresholds drawn."""
    charts = _charts()
    lang = view.lang
    # every report draws the same chart (converted once per worker) and highlights its own
    # province with a style rule
    chart = _shared_spec("ranking", lang, _rows(view.ranking), _rows(view.bands))
    caption = text("ranking_caption", lang, thresholds=_threshold_words(view.bands, lang))
    title = text(
        "chart_desc_ranking",
        lang,
        n=view.ranking.height,
        high=percent(view.ranking.select(pl.col("index_pct").max()).item(), lang),
        low=percent(view.ranking.select(pl.col("index_pct").min()).item(), lang),
        name=view.name,
        rank=view.headline["rank"],
    )
    figure, spec = _figure(
        chart,
        lang,
        text("ranking_title", lang),
        f"{caption} {title}",
        charts.ranking_legend(lang),
        "ranking",
    )
    code = view.province.code
    name = view.ranking.filter(pl.col("province_code") == code)["province"][0]
    css = charts.highlight_css("ranking_heading", name, code)
    return _section("ranking_heading", lang, css + figure, spec)


def uncertainty_section(view: ReportView) -> Html:
    """Return the rank with its 90 % interval, the grade-band probabilities and every
    province's interval with this one highlighted; says so when the methodology declares no
    uncertain inputs."""
    lang = view.lang
    interval = view.interval()
    if view.intervals is None or interval is None:
        return _section(
            "uncertainty_heading",
            lang,
            f'<p class="cchc-note">{_e(text("uncertainty_missing", lang))}</p>',
        )
    grade = interval["nominal_grade"] or "–"
    others = [
        f"{c.removeprefix('p_')} {_share(interval[c])}"
        for c in view.intervals.columns
        if c.startswith("p_") and c != f"p_{grade}" and interval[c]
    ]
    lead = text(
        "uncertainty_lead",
        lang,
        rank=interval["nominal_rank"],
        n=interval["n_provinces"],
        low=interval["rank_lo"],
        high=interval["rank_hi"],
        grade=grade,
        p=_share(interval.get(f"p_{grade}")),
        others=text("other_grades", lang, items=", ".join(others)) if others else "",
    )
    charts = _charts()
    chart = _shared_spec("intervals", lang, _rows(view.intervals), ())
    description = text(
        "chart_desc_intervals",
        lang,
        n=interval["n_provinces"],
        name=view.name,
        rank=interval["nominal_rank"],
        low=interval["rank_lo"],
        high=interval["rank_hi"],
    )
    figure, spec = _figure(
        chart,
        lang,
        description,
        text("uncertainty_caption", lang),
        charts.interval_legend(lang),
        "uncertainty",
    )
    css = charts.highlight_css(
        "uncertainty_heading", interval["province"], view.province.code, ("symbol", "rect")
    )
    body = (
        f'<p class="cchc-lead">{_e(lead)}</p>{css}{figure}'
        f'<p class="cchc-note">{_e(text("uncertainty_note", lang))}</p>'
    )
    return _section("uncertainty_heading", lang, body, spec)


def _trend_note(view: ReportView) -> str:
    olds = predecessors(view.province) if view.province.era == "34" else []
    if len(olds) < 2:
        return f'<p class="cchc-note">{_e(text("trend_note_same", view.lang))}</p>'
    names = ", ".join(p.name_vi for p in olds)
    return f'<p class="cchc-note">{_e(text("trend_note_merged", view.lang, names=names))}</p>'


def trend_section(view: ReportView) -> Html:
    """Return the index across years (predecessors before the merger dashed and named, the
    national median broken at the merger, the grade thresholds drawn) and the sentence saying
    how the years before the merger are drawn."""
    charts = _charts()
    lang = view.lang
    chart = charts.plot_trend(view.trend, lang, view.bands)
    own = view.trend.filter(pl.col("kind") == text("current", lang)).sort("year")
    items = ", ".join(
        f"{y}: {percent(v, lang)}" for y, v in own.select("year", "index_pct").iter_rows()
    )
    caption = text(
        "trend_caption", lang, year=view.year, thresholds=_threshold_words(view.bands, lang)
    )
    description = text("chart_desc_trend", lang, items=f"{view.name} {items}")
    figure, spec = _figure(
        chart,
        lang,
        text("trend_title", lang),
        f"{caption} {description}",
        charts.trend_legend(view.trend, lang),
        "trend",
    )
    return _section("trend_heading", lang, figure + _trend_note(view), spec)


# --------------------------------------------------------------------------- criteria


def _capital(label: str) -> str:
    return label[:1].upper() + label[1:]


def _gap_item(c: dict[str, Any], lang: str, tied: bool) -> str:
    share = f"{int(c['percentile'])}%"
    gap = text(
        "gap_vs_median",
        lang,
        gap=number(c["gap"], lang, 2, signed=True),
        median=points(c["median_points"], lang),
        share=share,
    )
    tie = f' <span class="cchc-tie">({_e(text("tied", lang))})</span>' if tied else ""
    return (
        f"<li><strong>{_e(_capital(str(c[f'label_{lang}'])))}</strong> "
        f"({_e(c[f'domain_label_{lang}'])}): {points(c['points'], lang)}/"
        f"{points(c['max_points'], lang)} — {_e(gap)}{tie}"
        f"<br><span class='cchc-explain'>{_e(c[f'explanation_{lang}'])}</span></li>"
    )


def strengths_section(view: ReportView) -> Html:
    """Return the strengths (criteria furthest above their national median, in points of the
    index) and weaknesses (furthest below), ties listed openly."""
    lang = view.lang
    blocks = []
    for key, frame, css in (
        ("strengths", view.strengths, "cchc-strengths"),
        ("weaknesses", view.weaknesses, "cchc-weaknesses"),
    ):
        counts = frame["gap"].value_counts() if frame.height else None
        tied = set() if counts is None else {g for g, n in counts.iter_rows() if n > 1}
        more = view.ties.get(key, 0)
        if frame.is_empty():
            items = f"<li>{_e(text('no_' + key, lang))}</li>"
        else:
            items = "".join(
                _gap_item(c, lang, c["gap"] in tied) for c in frame.iter_rows(named=True)
            )
            if more:
                items += f"<li class='cchc-more'>{_e(text('ties_more', lang, n=more))}</li>"
        blocks.append(
            f'<div class="cchc-col {css}"><h3>{_e(text(key, lang))}</h3><ol>{items}</ol></div>'
        )
    note = f'<p class="cchc-note">{_e(text("strengths_note", lang))}</p>'
    return _section(
        "strengths_heading", lang, f'<div class="cchc-cols">{"".join(blocks)}</div>{note}'
    )


def criteria_section(view: ReportView) -> Html:
    """Return the table of criteria: domain, criterion, points / maximum, explanation."""
    lang = view.lang
    keys = ("domain", "criterion", "points", "max_points", "explanation")
    head = [text(k, lang) for k in keys]
    header = "".join(f"<th scope='col'>{_e(h)}</th>" for h in head)
    criteria = view.criteria.with_columns(
        span=pl.len().over("domain_id"), first=pl.int_range(pl.len()).over("domain_id") == 0
    )
    rows = []
    for c in criteria.iter_rows(named=True):
        domain = (
            f"<th scope='rowgroup' rowspan='{c['span']}'>{_e(c[f'domain_label_{lang}'])}</th>"
            if c["first"]
            else ""
        )
        missing = " cchc-missing" if c["missing"] else ""
        rows.append(
            f"<tr{' class=cchc-group' if c['first'] else ''}>{domain}"
            f"<td data-label='{_e(head[1])}'>{_e(_capital(str(c[f'label_{lang}'])))}</td>"
            f"<td class='num' data-label='{_e(head[2])}'>{points(c['points'], lang)}</td>"
            f"<td class='num' data-label='{_e(head[3])}'>{points(c['max_points'], lang)}</td>"
            f"<td class='cchc-expl{missing}' data-label='{_e(head[4])}'>"
            f"{_e(c[f'explanation_{lang}'])}</td></tr>"
        )
    caption = text("caption_criteria", lang)
    table = (
        f'<table class="cchc-table cchc-criteria cchc-cards"><caption>{_e(caption)}</caption>'
        f"<thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
    return _section("criteria_heading", lang, _scroll(table, caption))


# --------------------------------------------------------------------------- targets


def _target_text(row: dict[str, Any], lang: str, short: bool = False) -> str:
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


def _source_link(row: dict[str, Any], lang: str) -> str:
    """Return the target's source as a link: the Vietnamese legal text when it is known (a
    Vietnamese report), else the source the target was read from, said to be in English."""
    vietnamese = row.get("target_source_vi")
    if lang == "vi" and vietnamese:
        return f'<a href="{_e(vietnamese)}">{_e(text("legal_text_vi", lang))}</a>'
    source = str(row["target_source"] or "")
    if source.startswith(("http://", "https://")):
        words = text("source_in_english", lang) if lang == "vi" else text("source", lang)
        return f'<a href="{_e(source)}">{_e(words)}</a>'
    return f"<span>{_e(text('source_unverified', lang))}</span>"


def _targets_sources(view: ReportView) -> str:
    """Return the list of the targets' instruments and sources under the panel."""
    lang = view.lang
    used = view.indicators.filter(pl.col("target").is_not_null())
    lines = "".join(
        f"<li>{_e(text('measure_' + r['measure'], lang))}: {_e(r['instrument'])} — "
        f"{_e(r['target_note'])}. {_source_link(r, lang)}</li>"
        for r in used.iter_rows(named=True)
    )
    return (
        f'<details class="cchc-sources"><summary>{_e(text("targets_sources", lang))}'
        f"</summary><ul>{lines}</ul></details>"
    )


def _origin_text(value: str | None, lang: str) -> str | None:
    """Return a source or note of the input rows as shown: the demo data's English source and
    note said in the report's language; anything else as the input file gave it."""
    if value is None:
        return None
    from cchc_analysis.store.provenance import SOURCE_NOTE

    pattern = re.escape(SOURCE_NOTE).replace(re.escape("{seed}"), r"(\d+)")
    shown = re.sub(pattern, lambda m: text("demo_source", lang, seed=m.group(1)), value)
    return text("demo_note", lang) if shown == "synthetic" else shown


def indicators_section(view: ReportView) -> Html:
    """Return the indicator panel: each measure's value and counts against the national
    target in force and its status; the source and note of the input rows once below the
    table when every row shares them, else in a column (escaped)."""
    lang = view.lang
    origins = {
        " · ".join(
            x
            for x in (_origin_text(r["input_source"], lang), _origin_text(r["input_note"], lang))
            if x
        )
        for r in view.indicators.iter_rows(named=True)
        if r["input_source"] or r["input_note"]
    }
    shared = len(origins) <= 1
    keys = ["indicator", "value", "target", "status"] + ([] if shared else ["source_note"])
    head = [text(k, lang) for k in keys]
    rows = []
    for r in view.indicators.iter_rows(named=True):
        value = "–" if r["value_pct"] is None else percent(r["value_pct"], lang)
        counts = f"<br><span class='cchc-counts'>{_e(r['counts'])}</span>" if r["counts"] else ""
        cells = [
            (_e(text(f"measure_{r['measure']}", lang)), ""),
            (f"{_e(value)}{counts}", "num"),
            (_e(_target_text(r, lang)), ""),
            (_e(text(f"status_{r['status']}", lang)), f"cchc-status cchc-{r['status']}"),
        ]
        if not shared:
            origin = " · ".join(
                _e(v)
                for v in (
                    _origin_text(r["input_source"], lang),
                    _origin_text(r["input_note"], lang),
                )
                if v
            )
            cells.append((origin, "cchc-origin"))
        rows.append(cells)
    body = _table(head, rows, "cchc-table cchc-panel cchc-cards", text("caption_panel", lang))
    if shared and origins:
        source = f"{text('figures_source', lang)}: {next(iter(origins))}"
        body += f'<p class="cchc-note cchc-origin">{_e(source)}</p>'
    body += _targets_sources(view)
    return _section("indicators_heading", lang, body)


def warnings_section(view: ReportView) -> Html:
    """Return the province's validation warnings as a table, or a sentence when there are none
    (or when no failures table was given)."""
    lang = view.lang
    if view.warnings is None:
        body = f'<p class="cchc-note">{_e(text("warnings_unavailable", lang))}</p>'
    elif view.warnings.is_empty():
        body = f'<p class="cchc-note">{_e(text("no_warnings", lang, year=view.year))}</p>'
    else:
        head = [text(f"warning_{k}", lang) for k in WARNING_COLUMNS]
        rows = [
            [(_e(w[k]), "num" if k == "row" else "") for k in WARNING_COLUMNS]
            for w in view.warnings.iter_rows(named=True)
        ]
        body = _table(head, rows, "cchc-table cchc-warnings", text("caption_warnings", lang))
    return _section("warnings_heading", lang, body)


def _portable(value: object) -> str:
    """Return a parameter as shown in a report: a path by its file or folder name only (no
    path of the machine the report was built on), anything else as it is."""
    if isinstance(value, str) and ("/" in value or "\\" in value):
        return Path(value).name
    return str(value)


def provenance_footer(view: ReportView) -> Html:
    """Return the provenance footer, folded away: input files (names) and their sha256, the
    processed tables read, rubric, package version, git commit and the notebook's
    parameters (paths by name only)."""
    from cchc_analysis import __version__

    m, lang = view.manifest, view.lang
    inputs = "".join(
        f"<li>{_e(text('input_file', lang))} <code>{_e(Path(str(i['path'])).name)}</code> sha256 "
        f"<code>{_e(i.get('sha256'))}</code></li>"
        for i in m.get("inputs", [])
    )
    read = "".join(
        f"<li>{_e(text('file_read', lang))} <code>{_e(Path(f['path']).name)}</code> sha256 "
        f"<code>{_e(f['sha256'])}</code></li>"
        for f in view.files
    )
    rubric = m.get("rubric", {})
    status = rubric.get("status")
    status_text = (
        text(f"rubric_status_{status}", lang) if has_text(f"rubric_status_{status}") else status
    )
    parameters = ", ".join(
        f"{_e(text('param_' + k, lang) if has_text('param_' + k) else k)}={_e(_portable(v))}"
        for k, v in view.parameters.items()
    )
    return Html(
        f'<footer class="cchc-footer"><details><summary>{_e(text("provenance_summary", lang))}'
        f"</summary><ul>{inputs}{read}"
        f"<li>{_e(text('rubric_label', lang))} <code>{_e(rubric.get('id'))}</code> "
        f"v{_e(rubric.get('version'))} ({_e(status_text)}), "
        f"sha256 <code>{_e(rubric.get('sha256'))}</code></li>"
        f"<li>{_e(text('scored_with', lang))} cchc-analysis {_e(m.get('package_version'))}, "
        f"git <code>{_e(m.get('git_commit'))}</code>; {_e(text('rendered_with', lang))} "
        f"cchc-analysis {_e(__version__)}</li>"
        f"<li>{_e(text('targets_file', lang))} <code>national_targets.csv</code> sha256 "
        f"<code>{targets_digest()}</code></li>"
        f"<li>{_e(text('parameters', lang))}: <code>{parameters}</code></li>"
        f"</ul></details></footer>"
    )
