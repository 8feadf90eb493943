"""Altair charts for the reports: one theme, a colour-blind-safe palette, inline SVG offline.

Functions return Altair chart objects and never save or display them; ``figure_html`` draws
one as an inline ``<svg>`` (vl-convert, no JavaScript, nothing fetched). Text in the charts is
Unicode (NFC) drawn by the reader's browser with fonts that carry Vietnamese diacritics; numbers
on the axes follow the report's language (``70,5`` in Vietnamese). Titles and legends are HTML
around the chart, not text inside it: every text a chart draws costs the SVG converter a
measurement (about 1 ms), and the batch renders 34 reports.
"""

from __future__ import annotations

import html
import json
from functools import lru_cache
from typing import Any

import altair as alt
import polars as pl

from cchc_analysis.labels import number_expr, text

# Okabe–Ito palette: distinguishable with the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
HIGHLIGHT, MUTED, MEDIAN, REGIONAL = "#D55E00", "#9DB9D3", "#000000", "#E69F00"
FONT = "'Noto Sans', 'DejaVu Sans', 'Segoe UI', Arial, sans-serif"
# d3-format locales (vl-convert has none for Vietnamese): decimal comma, dot for thousands.
FORMAT_LOCALES = {
    "vi": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", " ₫"]},
    "en": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["$", ""]},
}
TICK = "M-0.12,-1.3H0.12V1.3H-0.12Z"  # a vertical tick as a Vega symbol path
MERGER_YEAR = 2024.5  # the trend axis marks 1 July 2025 between the 2024 and 2025 points


@alt.theme.register("cchc", enable=True)
def cchc_theme() -> alt.theme.ThemeConfig:
    """Return the project's Altair theme (fonts that carry Vietnamese diacritics, palette)."""
    return {
        "config": {
            "font": FONT,
            "background": "white",
            "view": {"stroke": None, "continuousWidth": 560, "continuousHeight": 300},
            "range": {"category": PALETTE},
            # labelLimit 0: no truncation (our labels are short), which also spares the SVG
            # converter from measuring every label twice.
            "axis": {
                "labelFontSize": 11,
                "titleFontSize": 12,
                "gridColor": "#e6e6e6",
                "labelLimit": 0,
            },
            "title": {"fontSize": 14, "anchor": "start"},
            "legend": {
                "labelFontSize": 11,
                "titleFontSize": 11,
                "orient": "bottom",
                "labelLimit": 0,
            },
        }
    }


def _without_tooltips(spec: Any) -> Any:
    """Return the spec without tooltip encodings: a static SVG cannot show them, and Vega
    spends a third of a report's conversion time formatting them for every mark."""
    if isinstance(spec, dict):
        return {
            k: v if k in ("data", "datasets") else _without_tooltips(v)
            for k, v in spec.items()
            if k != "tooltip"
        }
    if isinstance(spec, list):
        return [_without_tooltips(v) for v in spec]
    return spec


@lru_cache(maxsize=16)
def _svg(spec_json: str, locale_json: str) -> str:
    """Return a Vega-Lite spec (JSON text) drawn as SVG. A pure function of its text, kept for
    the charts every report of a batch draws alike (every province's rank, highlighted per
    report with ``highlight_css``): the same text always gives the same drawing."""
    import vl_convert

    return str(
        vl_convert.vegalite_to_svg(json.loads(spec_json), format_locale=json.loads(locale_json))
    )


def spec_figure_html(spec: dict, format_locale: dict | None = None, caption: str = "") -> str:
    """Return a Vega-Lite spec drawn as an inline ``<svg>`` inside a ``<figure>`` with an
    escaped ``caption`` (vl-convert: no JavaScript in the page, nothing fetched)."""
    svg = _svg(
        json.dumps(_without_tooltips(spec), sort_keys=True, ensure_ascii=False),
        json.dumps(format_locale, sort_keys=True),
    )
    title = spec.get("title", {})
    label = caption or (title.get("text", "") if isinstance(title, dict) else str(title))
    below = f"<figcaption>{html.escape(caption)}</figcaption>" if caption else ""
    return (
        f'<figure class="cchc-chart" role="img" aria-label="{html.escape(label)}">'
        f"{svg}{below}</figure>"
    )


def figure_html(
    chart: alt.TopLevelMixin, lang: str = "vi", caption: str = "", legend: str = ""
) -> str:
    """Return a chart as an inline-SVG figure with the number format of ``lang``, an HTML
    ``legend`` above it and a ``caption`` (plain text, escaped) below. The spec is not
    re-validated here: the tests validate every chart function's spec."""
    return spec_figure(chart.to_dict(validate=False), lang, caption, legend)


def spec_figure(spec: dict, lang: str = "vi", caption: str = "", legend: str = "") -> str:
    """``figure_html`` for a chart already turned into its Vega-Lite spec."""
    return legend + spec_figure_html(spec, FORMAT_LOCALES[lang], caption)


def _inline_svg_renderer(spec: dict, format_locale: dict | None = None, **_: object) -> dict:
    """Return a chart as ``text/html`` holding its SVG, so exported HTML has inline ``<svg>``
    elements (Altair's own "svg" renderer ends up as a base64 ``<img>`` after nbconvert)."""
    return {
        "text/html": spec_figure_html(spec, format_locale),
        "text/plain": "<chart rendered as inline SVG>",
    }


def enable_offline_rendering(lang: str = "vi") -> None:
    """Display charts (in a notebook) as inline SVG, with the number format of ``lang``: no
    JavaScript, nothing fetched from a CDN."""
    alt.renderers.register("cchc_inline_svg", _inline_svg_renderer)
    alt.renderers.enable("cchc_inline_svg", format_locale=FORMAT_LOCALES[lang])


def legend_html(items: list[tuple[str, str, str]]) -> str:
    """Return an HTML legend: one small inline-SVG swatch and label per ``(label, colour,
    shape)`` item; shape is bar, tick, diamond, dot_mark, line, dash or dot."""
    shapes = {
        "bar": '<rect x="1" y="3" width="16" height="8"/>',
        "tick": '<rect x="8" y="0" width="3" height="14"/>',
        "diamond": '<path d="M9 1 L15 7 L9 13 L3 7 Z"/>',
        "dot_mark": '<circle cx="9" cy="7" r="4"/>',
        "line": '<path d="M0 7 H18" fill="none" stroke-width="2.5"/>',
        "dash": '<path d="M0 7 H18" fill="none" stroke-width="2.5" stroke-dasharray="6 4"/>',
        "dot": '<path d="M0 7 H18" fill="none" stroke-width="2.5" stroke-dasharray="2 3"/>',
    }
    entries = "".join(
        f'<span class="cchc-legend-item"><svg width="18" height="14" aria-hidden="true" '
        f'fill="{colour}" stroke="{colour}">{shapes[shape]}</svg> {html.escape(label)}</span>'
        for label, colour, shape in items
    )
    return f'<div class="cchc-legend">{entries}</div>'


def profile_legend(lang: str = "vi", region: str = "") -> list[tuple[str, str, str]]:
    """Return the legend items of the domain profile chart."""
    return [
        (text("this_province", lang), PALETTE[0], "bar"),
        (text("national_median", lang), MEDIAN, "tick"),
        (text("regional_median", lang, region=region), REGIONAL, "diamond"),
    ]


def plot_domain_profile(profile: pl.DataFrame, lang: str = "vi") -> alt.LayerChart:
    """Return bars of the province's % of maximum per domain with the national median (black
    tick) and the regional median (orange diamond) (``profile``: domain, pct, median_pct,
    region_median_pct); the legend is ``profile_legend``."""
    markers = pl.concat(  # regional first, so the national tick is drawn on top
        [
            profile.select(
                "domain", pl.col("region_median_pct").alias("value"), pl.lit("r").alias("m")
            ),
            profile.select("domain", pl.col("median_pct").alias("value"), pl.lit("n").alias("m")),
        ]
    ).drop_nulls("value")
    y = alt.Y("domain:N", sort=None, title=None)
    bars = (
        alt.Chart(profile)
        .mark_bar(color=PALETTE[0], height=16)
        .encode(
            y=y,
            x=alt.X(
                "pct:Q",
                title=text("pct_of_max", lang),
                scale=alt.Scale(domain=[0, 100]),
                axis=alt.Axis(values=[0, 25, 50, 75, 100]),
            ),
        )
    )
    points = (
        alt.Chart(markers)
        .mark_point(filled=True, size=90, opacity=1)
        .encode(
            y=y,
            x=alt.X("value:Q"),
            color=alt.Color(
                "m:N", legend=None, scale=alt.Scale(domain=["n", "r"], range=[MEDIAN, REGIONAL])
            ),
            shape=alt.Shape(
                "m:N", legend=None, scale=alt.Scale(domain=["n", "r"], range=[TICK, "diamond"])
            ),
        )
    )
    return alt.layer(bars, points, width=420, height=30 * profile.height)


def ranking_legend(lang: str = "vi") -> list[tuple[str, str, str]]:
    """Return the legend items of the ranking chart as the reports draw it (``highlight_css``:
    the province's dot in the highlight colour, outlined)."""
    return [
        (text("this_province", lang), HIGHLIGHT, "dot_mark"),
        (text("other_provinces", lang), MUTED, "dot_mark"),
    ]


def ranking_order(totals: pl.DataFrame) -> list[str]:
    """Return the provinces top to bottom as ``plot_ranking`` draws them (index descending,
    ties by code)."""
    ordered = totals.sort(["index_pct", "province_code"], descending=[True, False])
    return ordered["province"].to_list()


def described(frame: pl.DataFrame, what: pl.Expr) -> pl.DataFrame:
    """Return ``frame`` with ``description``: '<province> (<code>): <what>', the text a screen
    reader says for each mark, and what ``highlight_css`` picks a province's marks by."""
    return frame.with_columns(
        description=pl.format("{} ({}): {}", "province", "province_code", what)
    )


def _css_string(value: str) -> str:
    """Return ``value`` as a quoted CSS string that cannot end the string or the style
    element."""
    escaped = "".join(c if c.isalnum() or c in " ()-_.,:" else f"\\{ord(c):x} " for c in value)
    return f'"{escaped}"'


def highlight_css(
    scope: str,
    province: str,
    code: str,
    label_position: int | None,
    fill_roles: tuple[str, ...] = ("point",),
) -> str:
    """Return a ``<style>`` element that highlights one province in the chart inside the
    element with id ``scope``, a chart drawn alike in every report: its marks (found by their
    description, see ``described``) of the ``fill_roles`` (Vega's ``aria-roledescription``:
    point, bar, …) in the highlight colour, its points outlined, and its name, the
    ``label_position``-th label of the y axis (1-based), in bold."""
    marks = f"#{scope} [aria-label^={_css_string(f'{province} ({code}):')}]"
    rules = [
        f'{marks}[aria-roledescription="{role}"]{{fill:{HIGHLIGHT};fill-opacity:1}}'
        for role in fill_roles
    ]
    rules.append(f'{marks}[aria-roledescription="point"]{{stroke:#000;stroke-width:1.5px}}')
    if label_position is not None:
        rules.append(
            f'#{scope} g[aria-label^="Y-axis"] .role-axis-label > text:nth-child({label_position})'
            "{font-weight:bold}"
        )
    return f"<style>{''.join(rules)}</style>"


def plot_ranking(
    totals: pl.DataFrame, province_code: str | None, lang: str = "vi"
) -> alt.LayerChart:
    """Return the ranking of every province in the period as a dot plot, highest first
    (``totals``: province, province_code, index_pct, rank), the chosen province highlighted
    (a bigger diamond, its name bold; legend: ``ranking_legend``). With ``province_code``
    None every province is drawn alike, for ``highlight_css`` to pick one out."""
    frame = described(totals, number_expr(pl.col("index_pct"), lang)).with_columns(
        chosen=pl.col("province_code") == (province_code or "")
    )
    chosen = frame.filter("chosen")["province"].to_list()
    bold = f"datum.value === {json.dumps(chosen[0])} ? 'bold' : 'normal'" if chosen else "'normal'"
    low, high = float(frame["index_pct"].min()), float(frame["index_pct"].max())
    x = alt.X(
        "index_pct:Q",
        title=text("index_pct", lang),
        scale=alt.Scale(domain=[max(0.0, low - 2), min(100.0, high + 2)], zero=False, nice=False),
        axis=alt.Axis(tickCount=5),
    )
    y = alt.Y(
        "province:N",
        sort=ranking_order(frame),
        title=None,
        axis=alt.Axis(
            labelFontSize=10,
            labelFontWeight=alt.ExprRef(bold),
            grid=True,
            gridDash=[2, 2],
            domain=False,
            ticks=False,
        ),
    )
    chosen_scale = {"legend": None}
    dots = (
        alt.Chart(frame.select("province", "province_code", "index_pct", "chosen", "description"))
        .mark_point(filled=True, opacity=1)
        .encode(
            x=x,
            y=y,
            color=alt.Color(
                "chosen:N",
                scale=alt.Scale(domain=[True, False], range=[HIGHLIGHT, MUTED]),
                **chosen_scale,
            ),
            shape=alt.Shape(
                "chosen:N",
                scale=alt.Scale(domain=[True, False], range=["diamond", "circle"]),
                **chosen_scale,
            ),
            size=alt.Size(
                "chosen:N", scale=alt.Scale(domain=[True, False], range=[160, 45]), **chosen_scale
            ),
            description=alt.Description("description:N"),
        )
    )
    # sizes given to the constructor: `.properties` validates each one, every time
    return alt.layer(dots, width=420, height=14 * frame.height)


def trend_styles(trend: pl.DataFrame, lang: str = "vi") -> list[tuple[str, str, str]]:
    """Return (series, colour, line style) of each trend series, in drawing order: the province
    solid, predecessors dashed, the national median dotted black."""
    kinds = dict(zip(trend["series"], trend["kind"], strict=False))
    median = text("national_median", lang)
    dashes = {text("current", lang): "line", text("predecessor", lang): "dash", median: "dot"}
    series = [s for s in dict.fromkeys(trend.sort("kind", "series")["series"]) if s != median]
    colours = [c for c in PALETTE if c != MEDIAN]
    styles = [(s, colours[i % len(colours)], dashes[kinds[s]]) for i, s in enumerate(series)]
    return styles + ([(median, MEDIAN, "dot")] if median in kinds else [])


def plot_trend(trend: pl.DataFrame, lang: str = "vi") -> alt.LayerChart:
    """Return the index across years (``trend``: year, index_pct, series, kind): the province
    solid, its predecessors before the merger dashed, the national median dotted, and a rule
    marking the merger of 1 July 2025; the legend is ``trend_styles``."""
    styles = trend_styles(trend, lang)
    dash = {"line": [1, 0], "dash": [6, 4], "dot": [2, 3]}
    names = [s for s, _, _ in styles]
    years = trend["year"]
    lines = (
        alt.Chart(trend)
        .mark_line(point=True)
        .encode(
            x=alt.X(
                "year:Q",
                title=text("year", lang),
                scale=alt.Scale(domain=[int(years.min()) - 0.3, int(years.max()) + 0.3]),
                axis=alt.Axis(format="d", values=sorted(set(years.to_list()))),
            ),
            y=alt.Y(
                "index_pct:Q",
                title=text("index_pct", lang),
                scale=alt.Scale(zero=False),
                axis=alt.Axis(tickCount=5),
            ),
            color=alt.Color(
                "series:N",
                legend=None,
                scale=alt.Scale(domain=names, range=[c for _, c, _ in styles]),
            ),
            strokeDash=alt.StrokeDash(
                "series:N",
                legend=None,
                scale=alt.Scale(domain=names, range=[dash[d] for _, _, d in styles]),
            ),
        )
    )
    layers: list[alt.Chart] = [lines]
    if years.min() <= MERGER_YEAR <= years.max():
        marker = pl.DataFrame({"year": [MERGER_YEAR], "label": [text("merger_marker", lang)]})
        rule = (
            alt.Chart(marker).mark_rule(color="#666", strokeDash=[3, 3]).encode(x=alt.X("year:Q"))
        )
        label = (
            alt.Chart(marker)
            .mark_text(align="right", dx=-4, dy=4, color="#444", fontSize=10, baseline="top")
            .encode(x=alt.X("year:Q"), y=alt.YValue(0), text=alt.Text("label:N"))
        )
        layers += [rule, label]
    return alt.layer(*layers, width=420, height=240)
