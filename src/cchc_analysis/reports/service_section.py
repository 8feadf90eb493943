"""The service-index section of a province report (Decision 766/QĐ-TTg): the latest
period's points and rank, every period, and each group against the decision's maximum. Texts
come from ``data/labels.csv``; text from input files is escaped."""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl

from cchc_analysis.reference.labels import number, text
from cchc_analysis.scoring.service_index import (
    holds_service_index,
    period_label,
    province_groups,
    province_periods,
    score_service_index,
    service_rubric,
)

if TYPE_CHECKING:
    from cchc_analysis.reports.markup import Html
    from cchc_analysis.reports.view import ReportView


def _e(value: object) -> str:
    return "" if value is None else html.escape(str(value))


def _table(head: list[str], rows: list[list[str]], numeric: tuple[int, ...] = ()) -> str:
    """Return a table of already escaped cells; columns in ``numeric`` align as numbers."""
    header = "".join(f"<th scope='col'>{_e(h)}</th>" for h in head)

    def cell(index: int, value: str) -> str:
        return f'<td class="num">{value}</td>' if index in numeric else f"<td>{value}</td>"

    body = "".join(
        "<tr>" + "".join(cell(i, value) for i, value in enumerate(r)) + "</tr>" for r in rows
    )
    head_html = f"<thead><tr>{header}</tr></thead>"
    return f'<table class="cchc-table">{head_html}<tbody>{body}</tbody></table>'


def section_html(
    indicators: pl.DataFrame | None, province_code: str, year: int, lang: str = "vi"
) -> str:
    """Return the service-index section of one province's report for ``year`` ('' when the
    table has no period of that year for the province): the latest period's points and rank,
    every period's points and rank, and each group against the decision's maximum with how
    many of its numbers are assumed."""
    if indicators is None or indicators.is_empty():
        return ""
    rows = indicators.filter(pl.col("year") == year)
    if rows.filter(pl.col("province_code") == province_code).is_empty():
        return ""
    scores = score_service_index(rows)
    periods = province_periods(scores, rows, province_code, year)
    scored = periods.filter(pl.col("points").is_not_null())
    parts = [f'<h2 class="cchc-h2">{_e(text("service_index_heading", lang))}</h2>']
    if not scored.is_empty():
        last = scored.row(scored.height - 1, named=True)
        lead = text(
            "service_index_lead",
            lang,
            period=period_label(last["period"], lang),
            points=number(last["points"], lang),
            available=number(last["available_max"], lang),
            index=number(last["index_pct"], lang),
            rank=last["rank"],
            n=last["n_provinces"],
        )
        parts.append(f'<p class="cchc-lead">{_e(lead)}</p>')
    table_rows = []
    for r in periods.iter_rows(named=True):
        points = (
            "–"
            if r["points"] is None
            else f"{number(r['points'], lang)}/{number(r['available_max'], lang)}"
        )
        rank = "–" if r["rank"] is None else f"{r['rank']}/{r['n_provinces']}"
        table_rows.append(
            [
                _e(period_label(r["period"], lang)),
                _e(points),
                _e(number(r["index_pct"], lang)),
                _e(rank),
                _e(number(r["published_points"], lang)),
            ]
        )
    head = [
        text(k, lang)
        for k in ("service_index_period", "service_index_points", "index_pct", "service_index_rank")
    ] + [text("service_index_published_col", lang)]
    parts.append(_table(head, table_rows, numeric=(1, 2, 3, 4)))
    if not scored.is_empty():
        groups = province_groups(scores, province_code, scored["period"][-1])
        group_rows = []
        for g in groups.iter_rows(named=True):
            basis = (
                text("service_index_basis_assumed", lang, n=g["n_assumed"], total=g["n_numbers"])
                if g["n_assumed"]
                else text("service_index_basis_decree", lang)
            )
            points = (
                "–"
                if not g["available_max"]
                else f"{number(g['points'], lang)}/{number(g['available_max'], lang)}"
            )
            group_rows.append(
                [_e(g[f"label_{lang}"]), _e(points), _e(number(g["max_points"], lang)), _e(basis)]
            )
        head = [
            text(k, lang)
            for k in (
                "service_index_group",
                "service_index_points",
                "service_index_max",
                "service_index_basis",
            )
        ]
        parts.append(_table(head, group_rows, numeric=(1, 2)))
    official = getattr(service_rubric(), f"official_parts_{lang}")
    note = text("service_index_note", lang, official=official)
    parts.append(f'<p class="cchc-note">{_e(note)}</p>')
    return f'<section class="cchc-section" id="service_index_heading">{"".join(parts)}</section>'


def section(view: ReportView) -> Html | None:
    """Return the service-index section of a province report, or None (the cell shows
    nothing) when the table does not hold the index: the report notebook's one call."""
    from cchc_analysis.reports.markup import Html
    from cchc_analysis.reports.processed import INDICATORS_FILE

    folder = Path(str(view.parameters.get("processed_dir", "")))
    path = folder / INDICATORS_FILE
    indicators = pl.read_parquet(path) if path.exists() else None
    methodology = view.manifest.get("rubric", {}).get("id")
    if not holds_service_index(indicators, methodology):
        return None
    markup = section_html(indicators, view.province.code, view.year, view.lang)
    return Html(markup) if markup else None
