"""What a province report shows: the view of the processed tables for one province and year,
and the HTML pieces the report notebook displays (one call per notebook cell)."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

from cchc_analysis.labels import number, text
from cchc_analysis.registry import Province, predecessors, resolve_province

PROCESSED_FILES = {
    "totals": "scores_totals.parquet",
    "domains": "scores_domains.parquet",
    "criteria": "scores_criteria.parquet",
}
MANIFEST = "_manifest.json"


@dataclass(frozen=True)
class ReportView:
    """Everything one province report shows, already filtered and labelled."""

    province: Province
    year: int
    lang: str
    headline: dict[str, Any]  # the province's totals row for the year
    ranking: pl.DataFrame  # every province that year: province, province_code, index_pct, rank
    profile: pl.DataFrame  # domain, pct, median_pct
    criteria: pl.DataFrame  # the province's criteria with explanations
    trend: pl.DataFrame  # year, index_pct, series, kind
    manifest: dict[str, Any] = field(default_factory=dict)

    @property
    def synthetic(self) -> bool:
        """True when the scores were computed from synthetic demo data."""
        return bool(self.manifest.get("synthetic"))


def read_processed(processed_dir: Path | str) -> tuple[dict[str, pl.DataFrame], dict[str, Any]]:
    """Return the processed score tables and the run manifest from ``processed_dir``."""
    folder = Path(processed_dir)
    tables = {name: pl.read_parquet(folder / file) for name, file in PROCESSED_FILES.items()}
    manifest_path = folder / MANIFEST
    manifest = (
        json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.exists() else {}
    )
    return tables, manifest


def _trend(totals: pl.DataFrame, province: Province, lang: str) -> pl.DataFrame:
    annual = totals.filter(pl.col("period").str.len_chars() == 4)
    own = annual.filter(
        (pl.col("era") == province.era) & (pl.col("province_code") == province.code)
    )
    frames = [
        own.select(
            "year",
            "index_pct",
            pl.lit(province.name_vi).alias("series"),
            pl.lit(text("current", lang)).alias("kind"),
        )
    ]
    if province.era == "34":
        bridge = own.filter(pl.col("comparison_basis").is_not_null()).select(
            (pl.col("year") - 1).alias("year"),
            pl.col("prev_index_pct").alias("index_pct"),
            pl.lit(province.name_vi).alias("series"),
            pl.lit(text("current", lang)).alias("kind"),
        )
        frames.append(bridge)
        for old in predecessors(province):
            history = annual.filter((pl.col("era") == "63") & (pl.col("province_code") == old.code))
            frames.append(
                history.select(
                    "year",
                    "index_pct",
                    pl.lit(f"{old.name_vi} ({text('predecessor', lang)})").alias("series"),
                    pl.lit(text("predecessor", lang)).alias("kind"),
                )
            )
    return pl.concat(frames).with_columns(pl.col("year").cast(pl.Int32)).sort("series", "year")


def build_view(
    tables: dict[str, pl.DataFrame],
    manifest: dict[str, Any],
    province: str,
    year: int,
    lang: str = "vi",
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
    domains = tables["domains"].filter(pl.col("period") == period)
    label = f"domain_label_{lang}"
    medians = domains.group_by("domain_id").agg(pl.col("pct").median().alias("median_pct"))
    profile = (
        domains.filter(pl.col("province_code") == chosen.code)
        .join(medians, on="domain_id")
        .sort("domain_order")
        .select(pl.col(label).alias("domain"), "pct", "median_pct", "points", "max_points")
    )
    criteria = tables["criteria"].filter(
        (pl.col("period") == period) & (pl.col("province_code") == chosen.code)
    )
    return ReportView(
        province=chosen,
        year=year,
        lang=lang,
        headline=row.row(0, named=True),
        ranking=totals.select("province", "province_code", "index_pct", "rank", "grade"),
        profile=profile,
        criteria=criteria,
        trend=_trend(tables["totals"], chosen, lang),
        manifest=manifest,
    )


def load_report_view(processed_dir: str, province: str, year: int, lang: str = "vi") -> ReportView:
    """Read the processed tables and return the ReportView of one province and year."""
    tables, manifest = read_processed(processed_dir)
    return build_view(tables, manifest, province, year, lang)


class Html:
    """An HTML fragment the notebook displays as rich output (``text/html``)."""

    def __init__(self, markup: str) -> None:
        self.markup = markup

    def _repr_html_(self) -> str:
        return self.markup

    def __str__(self) -> str:
        return self.markup


def heading(key: str, lang: str = "vi") -> Html:
    """Return a section heading in the report's language."""
    return Html(f'<h2 class="cchc-h2">{html.escape(text(key, lang))}</h2>')


def banner(view: ReportView) -> Html:
    """Return the title and, when they apply, the synthetic-data and illustrative-rubric banners."""
    lang = view.lang
    parts = [
        f'<h1 class="cchc-h1">{html.escape(text("report_title", lang))}: '
        f"{html.escape(view.province.label_vi if lang == 'vi' else view.province.name_en)}"
        f" — {view.year}</h1>"
    ]
    if view.synthetic:
        parts.append(
            f'<div class="cchc-banner cchc-synthetic" role="alert">'
            f"{html.escape(text('synthetic_banner', lang))}</div>"
        )
    if view.manifest.get("rubric", {}).get("status") == "illustrative":
        parts.append(
            f'<div class="cchc-banner cchc-illustrative">'
            f"{html.escape(text('illustrative_banner', lang))}</div>"
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
    from cchc_analysis.registry import regions_frame

    regions = regions_frame().filter(pl.col("id") == row["region"])
    region = regions[f"name_{lang}"][0] if regions.height else row["region"]
    cells = [
        (text("index_pct", lang), number(row["index_pct"], lang)),
        (text("rank", lang), text("rank_of", lang, rank=row["rank"], n=row["n_provinces"])),
        (text("grade", lang), row["grade"]),
        (text("change", lang, period=view.year - 1), _change_text(row, lang)),
    ]
    items = "".join(
        f'<div class="cchc-kpi"><div class="cchc-kpi-label">{html.escape(k)}</div>'
        f'<div class="cchc-kpi-value">{html.escape(str(v))}</div></div>'
        for k, v in cells
    )
    region_line = text(
        "rank_in_region", lang, rank=row["rank_in_region"], n=row["n_in_region"], region=region
    )
    return Html(
        f'<div class="cchc-card">{items}</div>'
        f'<p class="cchc-note">{html.escape(region_line)}. '
        f"{html.escape(_basis_text(view))}</p>"
    )


def criteria_table(view: ReportView) -> Html:
    """Return the table of criteria: domain, criterion, points / maximum, explanation."""
    lang = view.lang
    head = "".join(
        f"<th>{html.escape(text(k, lang))}</th>"
        for k in ("domain", "criterion", "points", "max_points", "explanation")
    )
    rows = []
    for c in view.criteria.iter_rows(named=True):
        rows.append(
            f"<tr><td>{html.escape(c[f'domain_label_{lang}'])}</td>"
            f"<td>{html.escape(c[f'label_{lang}'])}</td>"
            f"<td class='num'>{number(c['points'], lang)}</td>"
            f"<td class='num'>{number(c['max_points'], lang)}</td>"
            f"<td>{html.escape(c[f'explanation_{lang}'])}</td></tr>"
        )
    return Html(
        f'<table class="cchc-table"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def provenance_footer(view: ReportView) -> Html:
    """Return the provenance footer: inputs and sha256, rubric, package version, git commit."""
    m = view.manifest
    inputs = "".join(
        f"<li><code>{html.escape(i['path'])}</code> sha256 <code>{i['sha256'][:16]}…</code></li>"
        for i in m.get("inputs", [])
    )
    rubric = m.get("rubric", {})
    return Html(
        f'<footer class="cchc-footer"><h3>{html.escape(text("provenance_heading", view.lang))}</h3>'
        f"<ul>{inputs}"
        f"<li>rubric <code>{html.escape(str(rubric.get('id')))}</code> "
        f"v{html.escape(str(rubric.get('version')))} ({html.escape(str(rubric.get('status')))}), "
        f"sha256 <code>{str(rubric.get('sha256', ''))[:16]}…</code></li>"
        f"<li>cchc-analysis {html.escape(str(m.get('package_version')))}, git "
        f"<code>{html.escape(str(m.get('git_commit')))}</code></li>"
        f"<li>province <code>{view.province.code}</code>, year {view.year}, lang {view.lang}</li>"
        f"</ul></footer>"
    )
