"""Altair charts for the reports: one theme, a colour-blind-safe palette, inline SVG offline.

Functions return ``alt.Chart`` objects and never save or display them.
"""

from __future__ import annotations

import altair as alt
import polars as pl

from cchc_analysis.labels import text

# Okabe–Ito palette: distinguishable with the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
HIGHLIGHT, MUTED, MEDIAN = "#D55E00", "#9DB9D3", "#000000"
FONT = "'Noto Sans', 'DejaVu Sans', 'Segoe UI', Arial, sans-serif"


@alt.theme.register("cchc", enable=True)
def cchc_theme() -> alt.theme.ThemeConfig:
    """Return the project's Altair theme (fonts that carry Vietnamese diacritics, palette)."""
    return {
        "config": {
            "font": FONT,
            "view": {"stroke": None, "continuousWidth": 560, "continuousHeight": 300},
            "range": {"category": PALETTE},
            "axis": {"labelFontSize": 11, "titleFontSize": 12, "gridColor": "#e6e6e6"},
            "title": {"fontSize": 14, "anchor": "start"},
            "legend": {"labelFontSize": 11, "titleFontSize": 11, "orient": "bottom"},
        }
    }


def _inline_svg_renderer(spec: dict, **_: object) -> dict[str, str]:
    """Return a chart as ``text/html`` holding its SVG, so exported HTML has inline ``<svg>``
    elements (Altair's own "svg" renderer ends up as a base64 ``<img>`` after nbconvert)."""
    import vl_convert

    svg = vl_convert.vegalite_to_svg(spec)
    return {
        "text/html": f'<div class="cchc-chart">{svg}</div>',
        "text/plain": "<chart rendered as inline SVG>",
    }


def enable_offline_rendering() -> None:
    """Render charts as inline SVG (no JavaScript, nothing fetched from a CDN)."""
    alt.renderers.register("cchc_inline_svg", _inline_svg_renderer)
    alt.renderers.enable("cchc_inline_svg")


def plot_domain_profile(profile: pl.DataFrame, lang: str = "vi") -> alt.LayerChart:
    """Return bars of the province's % of maximum per domain with the national median as ticks
    (``profile``: domain, pct, median_pct[, region_median_pct])."""
    base = alt.Chart(profile).encode(
        y=alt.Y("domain:N", sort=None, title=None, axis=alt.Axis(labelLimit=460)),
    )
    bars = base.mark_bar(color=PALETTE[0]).encode(
        x=alt.X("pct:Q", title=text("pct_of_max", lang), scale=alt.Scale(domain=[0, 100])),
        tooltip=[alt.Tooltip("domain:N"), alt.Tooltip("pct:Q", format=".1f")],
    )
    median = base.mark_tick(color=MEDIAN, thickness=3, size=18).encode(x="median_pct:Q")
    return (bars + median).properties(
        title=text("domain_profile_title", lang), width=420, height=28 * profile.height
    )


def plot_ranking(totals: pl.DataFrame, province_code: str, lang: str = "vi") -> alt.Chart:
    """Return the ranking of every province in the period (``totals``: province, province_code,
    index_pct, rank), the chosen province highlighted."""
    frame = totals.with_columns(
        chosen=pl.when(pl.col("province_code") == province_code)
        .then(pl.lit(text("this_province", lang)))
        .otherwise(pl.lit(text("other_provinces", lang)))
    )
    return (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X(
                "index_pct:Q", title=text("index_pct", lang), scale=alt.Scale(zero=False, nice=True)
            ),
            y=alt.Y(
                "province:N",
                sort=alt.EncodingSortField("index_pct", order="descending"),
                title=None,
                axis=alt.Axis(labelFontSize=10),
            ),
            color=alt.Color(
                "chosen:N",
                title=None,
                scale=alt.Scale(
                    domain=[text("this_province", lang), text("other_provinces", lang)],
                    range=[HIGHLIGHT, MUTED],
                ),
            ),
            tooltip=[
                alt.Tooltip("province:N"),
                alt.Tooltip("rank:Q"),
                alt.Tooltip("index_pct:Q", format=".2f"),
            ],
        )
        .properties(title=text("ranking_title", lang), width=420, height=14 * frame.height)
    )


def plot_trend(trend: pl.DataFrame, lang: str = "vi") -> alt.Chart:
    """Return the index across years (``trend``: year, index_pct, series, kind); predecessors
    before the merger drawn dashed."""
    return (
        alt.Chart(trend)
        .mark_line(point=True)
        .encode(
            x=alt.X("year:O", title=text("year", lang)),
            y=alt.Y("index_pct:Q", title=text("index_pct", lang), scale=alt.Scale(zero=False)),
            color=alt.Color("series:N", title=None),
            strokeDash=alt.StrokeDash("kind:N", title=None),
            tooltip=["series:N", "year:O", alt.Tooltip("index_pct:Q", format=".2f")],
        )
        .properties(title=text("trend_title", lang), width=420, height=220)
    )
