"""Where a province stands among all: the ranking chart, its rank with the 90 % interval
and grade-band probabilities, and its index across years."""

from __future__ import annotations

import polars as pl

from cchc_analysis.reference.labels import number, percent, text
from cchc_analysis.reference.registry import predecessors
from cchc_analysis.reports.markup import (
    Html,
    charts_module,
    escape,
    figure_html,
    frame_key,
    section_html,
    share_text,
    shared_spec,
)
from cchc_analysis.reports.view import ReportView


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
    charts = charts_module()
    lang = view.lang
    # every report draws the same chart (converted once per worker) and highlights its own
    # province with a style rule
    chart = shared_spec("ranking", lang, frame_key(view.ranking), frame_key(view.bands))
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
    figure, spec = figure_html(
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
    return section_html("ranking_heading", lang, css + figure, spec)


def uncertainty_section(view: ReportView) -> Html:
    """Return the rank with its 90 % interval, the grade-band probabilities and every
    province's interval with this one highlighted; says so when the methodology declares no
    uncertain inputs."""
    lang = view.lang
    interval = view.interval()
    if view.intervals is None or interval is None:
        return section_html(
            "uncertainty_heading",
            lang,
            f'<p class="cchc-note">{escape(text("uncertainty_missing", lang))}</p>',
        )
    grade = interval["nominal_grade"] or "–"
    others = [
        f"{c.removeprefix('p_')} {share_text(interval[c])}"
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
        p=share_text(interval.get(f"p_{grade}")),
        others=text("other_grades", lang, items=", ".join(others)) if others else "",
    )
    charts = charts_module()
    chart = shared_spec("intervals", lang, frame_key(view.intervals), ())
    description = text(
        "chart_desc_intervals",
        lang,
        n=interval["n_provinces"],
        name=view.name,
        rank=interval["nominal_rank"],
        low=interval["rank_lo"],
        high=interval["rank_hi"],
    )
    figure, spec = figure_html(
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
        f'<p class="cchc-lead">{escape(lead)}</p>{css}{figure}'
        f'<p class="cchc-note">{escape(text("uncertainty_note", lang))}</p>'
    )
    return section_html("uncertainty_heading", lang, body, spec)


def _trend_note(view: ReportView) -> str:
    olds = predecessors(view.province) if view.province.era == "34" else []
    if len(olds) < 2:
        return f'<p class="cchc-note">{escape(text("trend_note_same", view.lang))}</p>'
    names = ", ".join(p.name_vi for p in olds)
    return f'<p class="cchc-note">{escape(text("trend_note_merged", view.lang, names=names))}</p>'


def trend_section(view: ReportView) -> Html:
    """Return the index across years (predecessors before the merger dashed and named, the
    national median broken at the merger, the grade thresholds drawn) and the sentence saying
    how the years before the merger are drawn."""
    charts = charts_module()
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
    figure, spec = figure_html(
        chart,
        lang,
        text("trend_title", lang),
        f"{caption} {description}",
        charts.trend_legend(view.trend, lang),
        "trend",
    )
    return section_html("trend_heading", lang, figure + _trend_note(view), spec)
