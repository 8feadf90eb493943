"""What a province report shows: the view of the processed tables for one province and year,
and the HTML pieces the report notebook displays (one call per notebook cell).

Every text that comes from an input file (province spellings, sources, notes, validation
values) is escaped with ``html.escape`` before it reaches the page.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import polars as pl

from cchc_analysis.labels import number, text
from cchc_analysis.registry import Province, ProvinceNotFound, predecessors, resolve_province

PROCESSED_FILES = {
    "totals": "scores_totals.parquet",
    "domains": "scores_domains.parquet",
    "criteria": "scores_criteria.parquet",
}
INDICATORS_FILE = "indicators.parquet"
MANIFEST = "_manifest.json"
STRENGTHS_SHOWN = 3

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
    profile: pl.DataFrame  # domain, pct, median_pct, region_median_pct, points, max_points
    criteria: pl.DataFrame  # the province's criteria with explanations
    strengths: pl.DataFrame  # criteria closest to their maximum (gap = max_points - points)
    weaknesses: pl.DataFrame  # criteria furthest from their maximum
    trend: pl.DataFrame  # year, index_pct, series, kind
    indicators: pl.DataFrame  # the indicator panel (PANEL_SCHEMA) against the national targets
    warnings: pl.DataFrame | None  # the province's validation failures; None: no table found
    parameters: dict[str, Any] = field(default_factory=dict)  # as the notebook received them
    files: list[dict[str, str]] = field(default_factory=list)  # files read: path, sha256
    manifest: dict[str, Any] = field(default_factory=dict)

    @property
    def synthetic(self) -> bool:
        """True when the scores were computed from synthetic demo data."""
        return bool(self.manifest.get("synthetic"))

    @property
    def name(self) -> str:
        """Return the province's display name in the report's language."""
        return self.province.label_vi if self.lang == "vi" else self.province.name_en


# --------------------------------------------------------------------------- reading


def read_processed(
    processed_dir: Path | str, period: str | None = None
) -> tuple[dict[str, pl.DataFrame], dict[str, Any]]:
    """Return the processed score tables and the run manifest from ``processed_dir`` (the
    domains and criteria of ``period`` only, when one is given; the totals of every period)."""
    folder = Path(processed_dir)
    tables = {}
    for name, file in PROCESSED_FILES.items():
        frame = pl.scan_parquet(folder / file)
        if period is not None and name != "totals":
            frame = frame.filter(pl.col("period") == period)
        tables[name] = frame.collect()
    manifest_path = folder / MANIFEST
    manifest = (
        json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.exists() else {}
    )
    return tables, manifest


def read_indicators(processed_dir: Path | str, period: str | None = None) -> pl.DataFrame | None:
    """Return ``indicators.parquet`` from ``processed_dir`` (the rows of ``period`` only, when
    one is given), or None when it is absent."""
    path = Path(processed_dir) / INDICATORS_FILE
    if not path.exists():
        return None
    frame = pl.scan_parquet(path)
    return (frame if period is None else frame.filter(pl.col("period") == period)).collect()


def read_failures(path: Path | str | None) -> pl.DataFrame | None:
    """Return the validation failures table (every column a string), or None when absent."""
    if not path or not Path(path).is_file():
        return None
    frame = pl.read_csv(Path(path).read_bytes(), infer_schema=False)
    return frame.rename({c: c.lstrip("\ufeff") for c in frame.columns})


@cache
def load_targets() -> pl.DataFrame:
    """Return the national targets typed into ``data/national_targets.csv``: measure,
    comparator, target, unit, target_year, instrument, source, comparability, note_vi/en."""
    raw = (resources.files("cchc_analysis") / "data" / "national_targets.csv").read_bytes()
    return pl.read_csv(raw, schema_overrides={"target": pl.Float64, "target_year": pl.Int64})


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
    from cchc_analysis.outputs import sha256_text

    raw = (resources.files("cchc_analysis") / "data" / "national_targets.csv").read_text("utf-8")
    return sha256_text(raw)


def file_digest(path: Path | str) -> dict[str, str]:
    """Return ``{"path", "sha256"}`` of a file read for the report."""
    from cchc_analysis.outputs import sha256_of

    return {"path": str(path), "sha256": sha256_of(Path(path))}


# --------------------------------------------------------------------------- the view


def _region_name(region: str | None, lang: str) -> str:
    from cchc_analysis.registry import regions_frame

    regions = regions_frame().filter(pl.col("id") == region)
    return str(regions[f"name_{lang}"][0]) if regions.height else str(region or "")


def _profile(tables: dict[str, pl.DataFrame], period: str, chosen: Province, lang: str):
    """Return the province's domains with the national and regional medians of each domain."""
    totals = tables["totals"].filter(pl.col("period") == period)
    region = totals.filter(pl.col("province_code") == chosen.code)["region"][0]
    domains = tables["domains"].filter(pl.col("period") == period)
    in_region = totals.filter(pl.col("region") == region)["province_code"]
    national = domains.group_by("domain_id").agg(pl.col("pct").median().alias("median_pct"))
    regional = (
        domains.filter(pl.col("province_code").is_in(in_region.implode()))
        .group_by("domain_id")
        .agg(pl.col("pct").median().alias("region_median_pct"))
    )
    return (
        domains.filter(pl.col("province_code") == chosen.code)
        .join(national, on="domain_id")
        .join(regional, on="domain_id", how="left")
        .sort("domain_order")
        .select(
            pl.col(f"domain_label_{lang}").alias("domain"),
            "pct",
            pl.col("median_pct").round(2),
            pl.col("region_median_pct").round(2),
            # a domain whose every criterion was left out has no points, not zero
            pl.when(pl.col("available_max") > 0).then("points").alias("points"),
            "max_points",
        )
    )


def strengths_and_weaknesses(
    criteria: pl.DataFrame, n: int = STRENGTHS_SHOWN
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Return (strengths, weaknesses): the ``n`` criteria with the smallest gap to their
    maximum (ties: the larger maximum first) and the ``n`` with the largest gap, each with a
    ``gap`` column (max_points - points)."""
    # criteria left out for want of figures (points null) are neither strong nor weak
    scored = criteria.filter(pl.col("points").is_not_null())
    ranked = scored.with_columns(gap=(pl.col("max_points") - pl.col("points")).round(2))
    strengths = ranked.sort(
        ["gap", "max_points", "criterion_order"], descending=[False, True, False]
    ).head(n)
    weaknesses = (
        ranked.filter(~pl.col("criterion_id").is_in(strengths["criterion_id"].implode()))
        .sort(["gap", "criterion_order"], descending=[True, False])
        .head(n)
    )
    return strengths, weaknesses


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
    medians = annual.group_by("year").agg(pl.col("index_pct").median().round(2))
    frames.append(medians.select("year", "index_pct", pl.lit(text("national_median", lang))))
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


def build_view(
    tables: dict[str, pl.DataFrame],
    manifest: dict[str, Any],
    province: str,
    year: int,
    lang: str = "vi",
    indicators: pl.DataFrame | None = None,
    failures: pl.DataFrame | None = None,
) -> ReportView:
    """Return the ReportView of one province (name in any usual spelling, or code) for a year."""
    chosen = resolve_province(province, str(year))
    period = str(year)
    totals = tables["totals"].filter(pl.col("period") == period)
    row = totals.filter(pl.col("province_code") == chosen.code)
    if row.is_empty():
        raise LookupError(
            f"no scores for {chosen.name_vi} in {period}: run `cchc score` on a "
            "table that has this province and period"
        )
    criteria = tables["criteria"].filter(
        (pl.col("period") == period) & (pl.col("province_code") == chosen.code)
    )
    strengths, weaknesses = strengths_and_weaknesses(criteria)
    headline = row.row(0, named=True)
    return ReportView(
        province=chosen,
        year=year,
        lang=lang,
        headline=headline,
        region_name=_region_name(headline["region"], lang),
        ranking=totals.select("province", "province_code", "index_pct", "rank", "grade"),
        profile=_profile(tables, period, chosen, lang),
        criteria=criteria,
        strengths=strengths,
        weaknesses=weaknesses,
        trend=_trend(tables["totals"], chosen, lang),
        indicators=indicator_panel(indicators, chosen, year, lang),
        warnings=province_warnings(failures, chosen, year, lang),
        manifest=manifest,
    )


def load_report_view(
    processed_dir: str, province: str, year: int, lang: str = "vi", failures_path: str = ""
) -> ReportView:
    """Read the processed tables (and the validation failures table when ``failures_path``
    names one) and return the ReportView of one province and year."""
    tables, manifest = read_processed(processed_dir, str(year))
    indicators = read_indicators(processed_dir, str(year))
    failures = read_failures(failures_path)
    view = build_view(tables, manifest, province, year, lang, indicators, failures)
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


def _table(head: list[str], rows: list[list[tuple[str, str]]], css: str = "cchc-table") -> str:
    """Return a table; ``rows`` are lists of (already escaped cell HTML, td class)."""
    header = "".join(f"<th scope='col'>{_e(h)}</th>" for h in head)
    body = "".join(
        "<tr>"
        + "".join(f'<td class="{c}">{v}</td>' if c else f"<td>{v}</td>" for v, c in r)
        + "</tr>"
        for r in rows
    )
    return f'<table class="{css}"><thead><tr>{header}</tr></thead><tbody>{body}</tbody></table>'


def _section(key: str, lang: str, body: str, chart: dict[str, Any] | None = None) -> Html:
    """Return a report section: its heading (in ``lang``), its body HTML and the spec of the
    chart it draws, if any (recorded under the section's key)."""
    return Html(
        f'<section class="cchc-section" id="{_e(key)}">{heading(key, lang)}{body}</section>',
        {key: chart} if chart is not None else None,
    )


def _charts() -> Any:
    """Return the charts module, imported on first use (reading tables never imports Altair)."""
    from cchc_analysis import charts

    return charts


def _figure(
    chart: Any, lang: str, caption_key: str, legend: list[tuple[str, str, str]] | None = None
) -> tuple[str, dict[str, Any]]:
    """Return an Altair chart as (an inline-SVG figure with its HTML legend and caption, its
    Vega-Lite spec)."""
    charts = _charts()
    spec = chart.to_dict(validate=False)
    legend_html = charts.legend_html(legend) if legend else ""
    return str(charts.spec_figure(spec, lang, text(caption_key, lang), legend_html)), spec


def heading(key: str, lang: str = "vi") -> Html:
    """Return a section heading in the report's language."""
    return Html(f'<h2 class="cchc-h2">{_e(text(key, lang))}</h2>')


def banner(view: ReportView) -> Html:
    """Return the title and, when they apply, the synthetic-data and illustrative-rubric banners."""
    lang = view.lang
    title = f"{_e(text('report_title', lang))}: {_e(view.name)} — {view.year}"
    parts = [f'<h1 class="cchc-h1">{title}</h1>']
    if view.synthetic:
        parts.append(
            f'<div class="cchc-banner cchc-synthetic" role="alert">'
            f"{_e(text('synthetic_banner', lang))}</div>"
        )
    if view.manifest.get("rubric", {}).get("status") == "illustrative":
        parts.append(
            f'<div class="cchc-banner cchc-illustrative">'
            f"{_e(text('illustrative_banner', lang))}</div>"
        )
    return Html("\n".join(parts))


def _change_text(row: dict[str, Any], lang: str) -> str:
    if row.get("prev_index_pct") is None:
        return text("no_previous", lang)
    points = row["change_points"]
    sign = "+" if points > 0 else ""
    places = row["change_places"]
    moved = (
        "change_places_up"
        if places > 0
        else "change_places_down"
        if places < 0
        else "change_places_same"
    )
    return (
        f"{text('change_points', lang, sign=sign, points=number(points, lang))}, "
        f"{text(moved, lang, places=abs(places))}"
    )


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


def _profile_table(view: ReportView) -> str:
    lang = view.lang
    keys = ("domain", "points", "pct_of_max", "national_median", "regional_median", "vs_median")
    head = [text(k, lang, region=view.region_name) for k in keys]
    rows = []
    for d in view.profile.iter_rows(named=True):
        diff = None if d["median_pct"] is None else round(d["pct"] - d["median_pct"], 2)
        sign = "+" if diff is not None and diff > 0 else ""
        rows.append(
            [
                (_e(d["domain"]), ""),
                (f"{number(d['points'], lang)}/{number(d['max_points'], lang)}", "num"),
                (number(d["pct"], lang), "num"),
                (number(d["median_pct"], lang), "num"),
                (number(d["region_median_pct"], lang), "num"),
                (f"{sign}{number(diff, lang)}", "num " + _sign_class(diff)),
            ]
        )
    return _table(head, rows)


def profile_section(view: ReportView) -> Html:
    """Return the domain profile: the chart against the national and regional medians, then
    the table (points, % of maximum, both medians, difference from the national median)."""
    charts = _charts()
    chart = charts.plot_domain_profile(view.profile, view.lang)
    legend = charts.profile_legend(view.lang, view.region_name)
    figure, spec = _figure(chart, view.lang, "domain_profile_title", legend)
    return _section("domain_profile_heading", view.lang, figure + _profile_table(view), spec)


def ranking_section(view: ReportView) -> Html:
    """Return the ranking chart of every province, this one highlighted."""
    charts = _charts()
    # every report draws the same chart (converted once per worker) and highlights its own
    # province with a style rule
    chart = charts.plot_ranking(view.ranking, None, view.lang)
    figure, spec = _figure(chart, view.lang, "ranking_title", charts.ranking_legend(view.lang))
    code = view.province.code
    name = view.ranking.filter(pl.col("province_code") == code)["province"][0]
    position = charts.ranking_order(view.ranking).index(name) + 1
    css = charts.highlight_css("ranking_heading", name, code, position)
    return _section("ranking_heading", view.lang, css + figure, spec)


def _trend_note(view: ReportView) -> str:
    olds = predecessors(view.province) if view.province.era == "34" else []
    if len(olds) < 2:
        return f'<p class="cchc-note">{_e(text("trend_note_same", view.lang))}</p>'
    names = ", ".join(p.name_vi for p in olds)
    return f'<p class="cchc-note">{_e(text("trend_note_merged", view.lang, names=names))}</p>'


def uncertainty_section(view: ReportView, intervals: pl.DataFrame | None = None) -> Html:
    """Return the rank with its 90 % interval, the grade-band probability and every province's
    interval with this one highlighted (from ``intervals``, else ``uncertainty_intervals.parquet``
    beside the scores); says so when the methodology declares no uncertain inputs."""
    from cchc_analysis import uncertainty

    path = Path(str(view.parameters.get("processed_dir", ""))) / "uncertainty_intervals.parquet"
    lang = view.lang
    if intervals is None and path.exists():
        intervals = pl.read_parquet(path)
    if intervals is None:
        return _section(
            "uncertainty_heading",
            lang,
            f'<p class="cchc-note">{_e(text("uncertainty_missing", lang))}</p>',
        )
    intervals = intervals.filter(pl.col("period") == str(view.year))
    code = view.province.code
    sentence = uncertainty.rank_interval_text(intervals, code, lang, str(view.year))
    grades = uncertainty.grade_probability_text(intervals, code, lang, str(view.year))
    chart = uncertainty.plot_rank_intervals(intervals, None, lang, str(view.year))
    figure, spec = _figure(chart, lang, "uncertainty_caption")
    name = intervals.filter(pl.col("province_code") == code)["province"][0]
    position = uncertainty.interval_order(intervals, str(view.year)).index(name) + 1
    css = _charts().highlight_css("uncertainty_heading", name, code, position, ("bar",))
    body = (
        f'<p class="cchc-lead">{_e(sentence)}. {_e(grades)}.</p>{css}{figure}'
        f'<p class="cchc-note">{_e(text("uncertainty_note", lang))}</p>'
    )
    return _section("uncertainty_heading", lang, body, spec)


def trend_section(view: ReportView) -> Html:
    """Return the index across years (predecessors before the merger dashed and named) and
    the sentence saying how the years before the merger are drawn."""
    charts = _charts()
    chart = charts.plot_trend(view.trend, view.lang)
    legend = charts.trend_styles(view.trend, view.lang)
    figure, spec = _figure(chart, view.lang, "trend_title", legend)
    return _section("trend_heading", view.lang, figure + _trend_note(view), spec)


def _capital(label: str) -> str:
    return label[:1].upper() + label[1:]


def strengths_section(view: ReportView) -> Html:
    """Return the strengths (criteria closest to their maximum) and weaknesses (furthest)."""
    lang = view.lang
    blocks = []
    for key, frame, css in (
        ("strengths", view.strengths, "cchc-strengths"),
        ("weaknesses", view.weaknesses, "cchc-weaknesses"),
    ):
        items = "".join(
            f"<li><strong>{_e(_capital(c[f'label_{lang}']))}</strong> "
            f"({_e(c[f'domain_label_{lang}'])}): {number(c['points'], lang)}/"
            f"{number(c['max_points'], lang)} — "
            f"{_e(text('gap_points', lang, gap=number(c['gap'], lang)))}"
            f"<br><span class='cchc-explain'>{_e(c[f'explanation_{lang}'])}</span></li>"
            for c in frame.iter_rows(named=True)
        )
        blocks.append(
            f'<div class="cchc-col {css}"><h3>{_e(text(key, lang))}</h3><ol>{items}</ol></div>'
        )
    return _section("strengths_heading", lang, f'<div class="cchc-cols">{"".join(blocks)}</div>')


def criteria_section(view: ReportView) -> Html:
    """Return the table of criteria: domain, criterion, points / maximum, explanation."""
    lang = view.lang
    head = [text(k, lang) for k in ("domain", "criterion", "points", "max_points", "explanation")]
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
        missing = " class='cchc-missing'" if c["missing"] else ""
        rows.append(
            f"<tr{' class=cchc-group' if c['first'] else ''}>{domain}"
            f"<td>{_e(_capital(c[f'label_{lang}']))}</td>"
            f"<td class='num'>{number(c['points'], lang)}</td>"
            f"<td class='num'>{number(c['max_points'], lang)}</td>"
            f"<td{missing}>{_e(c[f'explanation_{lang}'])}</td></tr>"
        )
    table = (
        f'<table class="cchc-table cchc-criteria"><thead><tr>{header}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
    return _section("criteria_heading", lang, table)


def _target_text(row: dict[str, Any], lang: str) -> str:
    if row["target"] is None:
        return "–"
    comparator = {">=": "≥", ">": ">", "=": "="}.get(row["comparator"], row["comparator"])
    caveat = {"approximate": "approximate", "unverified": "unverified_target"}.get(
        row["comparability"]
    )
    note = f" ({text(caveat, lang)})" if caveat else ""
    return f"{comparator} {number(row['target'], lang)}% ({row['target_year']}){note}"


def _targets_sources(view: ReportView) -> str:
    """Return the list of the targets' instruments and sources under the panel."""
    lang = view.lang
    used = view.indicators.filter(pl.col("target").is_not_null())
    lines = "".join(
        f"<li>{_e(text('measure_' + r['measure'], lang))}: {_e(r['instrument'])} — "
        f"{_e(r['target_note'])}. {_e(text('source', lang))}: "
        f"<code>{_e(r['target_source'])}</code></li>"
        for r in used.iter_rows(named=True)
    )
    return (
        f'<details class="cchc-sources"><summary>{_e(text("targets_sources", lang))}'
        f"</summary><ul>{lines}</ul></details>"
    )


def indicators_section(view: ReportView) -> Html:
    """Return the indicator panel: each measure's value and counts against the national
    target in force, its status, and the source and note of the input rows (escaped)."""
    lang = view.lang
    head = [text(k, lang) for k in ("indicator", "value", "target", "status", "source_note")]
    rows = []
    for r in view.indicators.iter_rows(named=True):
        value = "–" if r["value_pct"] is None else f"{number(r['value_pct'], lang)}%"
        counts = f"<br><span class='cchc-counts'>{_e(r['counts'])}</span>" if r["counts"] else ""
        origin = " · ".join(_e(v) for v in (r["input_source"], r["input_note"]) if v)
        rows.append(
            [
                (_e(text(f"measure_{r['measure']}", lang)), ""),
                (f"{_e(value)}{counts}", "num"),
                (_e(_target_text(r, lang)), ""),
                (_e(text(f"status_{r['status']}", lang)), f"cchc-status cchc-{r['status']}"),
                (origin, "cchc-origin"),
            ]
        )
    body = _table(head, rows, "cchc-table cchc-panel") + _targets_sources(view)
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
        body = _table(head, rows, "cchc-table cchc-warnings")
    return _section("warnings_heading", lang, body)


def provenance_footer(view: ReportView) -> Html:
    """Return the provenance footer: input files and their sha256, the processed tables read,
    rubric, package version, git commit and the notebook's parameters."""
    from cchc_analysis import __version__

    m, lang = view.manifest, view.lang
    inputs = "".join(
        f"<li>{_e(text('input_file', lang))} <code>{_e(i['path'])}</code> sha256 "
        f"<code>{_e(i.get('sha256'))}</code></li>"
        for i in m.get("inputs", [])
    )
    read = "".join(
        f"<li>{_e(text('file_read', lang))} <code>{_e(Path(f['path']).name)}</code> sha256 "
        f"<code>{_e(f['sha256'])}</code></li>"
        for f in view.files
    )
    rubric = m.get("rubric", {})
    parameters = ", ".join(f"{_e(k)}={_e(repr(v))}" for k, v in view.parameters.items())
    return Html(
        f'<footer class="cchc-footer"><h3>{_e(text("provenance_heading", lang))}</h3>'
        f"<ul>{inputs}{read}"
        f"<li>{_e(text('rubric_label', lang))} <code>{_e(rubric.get('id'))}</code> "
        f"v{_e(rubric.get('version'))} ({_e(rubric.get('status'))}), "
        f"sha256 <code>{_e(rubric.get('sha256'))}</code></li>"
        f"<li>{_e(text('scored_with', lang))} cchc-analysis {_e(m.get('package_version'))}, "
        f"git <code>{_e(m.get('git_commit'))}</code>; {_e(text('rendered_with', lang))} "
        f"cchc-analysis {_e(__version__)}</li>"
        f"<li>{_e(text('targets_file', lang))} <code>national_targets.csv</code> sha256 "
        f"<code>{targets_digest()}</code></li>"
        f"<li>{_e(text('parameters', lang))}: <code>{parameters}</code></li>"
        f"</ul></footer>"
    )
