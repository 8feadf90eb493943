"""What one province report shows, already filtered and labelled: the ReportView built
from the processed tables (profile, strengths and weaknesses, trend, indicator panel,
validation warnings, neighbours in the ranking)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

import polars as pl

from cchc_analysis.reference.labels import text
from cchc_analysis.reference.registry import (
    Province,
    ProvinceNotFound,
    predecessors,
    resolve_province,
)
from cchc_analysis.reports.panel import indicator_panel
from cchc_analysis.reports.processed import (
    INDICATORS_FILE,
    PROCESSED_FILES,
    file_digest,
    read_failures,
    read_indicators,
    read_processed,
    read_uncertainty,
)

STRENGTHS_SHOWN = 3
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
