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
import re
from functools import lru_cache
from typing import Any

import altair as alt
import polars as pl

from cchc_analysis.reference.labels import number, number_expr, text

# Okabe–Ito palette: distinguishable with the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
HIGHLIGHT, MUTED, MEDIAN, REGIONAL = "#D55E00", "#9DB9D3", "#000000", "#E69F00"
ABOVE, BELOW = "#0072B2", "#D55E00"  # gap to the median: above (blue), below (vermilion)
# Quartile colours (best quarter first), as the PAPI and PCI provincial profiles colour them,
# from the Okabe–Ito palette; every coloured cell also says its quarter in words.
QUARTILE_COLOURS = ("#009E73", "#56B4E9", "#E69F00", "#D55E00")
GRADE_COLOURS = {"A": "#009E73", "B": "#0072B2", "C": "#E69F00", "D": "#D55E00"}
# Every chart fits a 390 px phone (358 px inside the page margins) at its natural size, so no
# text is shrunk below its font size (11 px at least).
CHART_WIDTH = 340
MIN_FONT = 11
FONT = "'Noto Sans', 'DejaVu Sans', 'Segoe UI', Arial, sans-serif"
# d3-format locales (vl-convert has none for Vietnamese): decimal comma, dot for thousands.
FORMAT_LOCALES = {
    "vi": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", " ₫"]},
    "en": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["$", ""]},
}
TICK = "M-0.12,-1.3H0.12V1.3H-0.12Z"  # a vertical tick as a Vega symbol path
MERGER_YEAR = 2024.5  # the trend axis marks 1 July 2025 between the 2024 and 2025 points


# Registered, never enabled globally: importing this module leaves an analyst's Altair theme
# alone; ``themed_spec`` applies it while a chart of ours becomes its spec.
@alt.theme.register("cchc", enable=False)
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
            # Vega's own ARIA texts are English ("X-axis titled …"): axes are silent, marks
            # speak through the descriptions we give them, in the report's language.
            "axis": {
                "labelFontSize": 12,
                "titleFontSize": 12,
                "gridColor": "#e6e6e6",
                "labelLimit": 0,
                "aria": False,
            },
            "text": {"fontSize": 12},
            "title": {"fontSize": 14, "anchor": "start"},
            "legend": {
                "labelFontSize": 12,
                "titleFontSize": 12,
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


_ARIA_NOISE = re.compile(r' (?:aria-roledescription|role)="[^"]*"')


@lru_cache(maxsize=16)
def _svg(spec_json: str, locale_json: str) -> str:
    """Return a Vega-Lite spec (JSON text) drawn as SVG. A pure function of its text, kept for
    the charts every report of a batch draws alike (every province's rank, highlighted per
    report with ``highlight_css``): the same text always gives the same drawing. Vega's role
    words (English: "point", "group mark container") are dropped; the figure around the SVG
    carries the chart's title and description in the report's language."""
    import vl_convert

    svg = vl_convert.vegalite_to_svg(json.loads(spec_json), format_locale=json.loads(locale_json))
    return _ARIA_NOISE.sub("", str(svg))


def spec_svg(spec: dict, format_locale: dict | None = None) -> str:
    """Return a Vega-Lite spec drawn as inline SVG (vl-convert: no JavaScript, nothing
    fetched)."""
    return _svg(
        json.dumps(_without_tooltips(spec), sort_keys=True, ensure_ascii=False),
        json.dumps(format_locale, sort_keys=True),
    )


def spec_figure_html(
    spec: dict,
    format_locale: dict | None = None,
    caption: str = "",
    title: str = "",
    legend: str = "",
    key: str = "chart",
) -> str:
    """Return a chart as a ``<figure>``: its ``title`` (plain text, escaped) above, the HTML
    ``legend``, the inline SVG as one image described by ``title`` and ``caption``, and the
    ``caption`` below (``key`` makes the ids unique in the page)."""
    svg = spec_svg(spec, format_locale)
    label = ". ".join(x for x in (title, caption) if x) or "chart"
    head = (
        f'<figcaption class="cchc-chart-title" id="{key}-title">{html.escape(title)}</figcaption>'
        if title
        else ""
    )
    below = f'<p class="cchc-caption" id="{key}-desc">{html.escape(caption)}</p>' if caption else ""
    labelled = f' aria-labelledby="{key}-title"' if title else ""
    return (
        f'<figure class="cchc-chart"{labelled}>{head}{legend}'
        f'<div class="cchc-svg" role="img" aria-label="{html.escape(label)}">{svg}</div>'
        f"{below}</figure>"
    )


def themed_spec(chart: alt.TopLevelMixin) -> dict:
    """Return the chart's Vega-Lite spec with the project's theme (not validated: the tests
    validate every chart function's spec)."""
    with alt.theme.enable("cchc"):
        return chart.to_dict(validate=False)


def figure_html(
    chart: alt.TopLevelMixin, lang: str = "vi", caption: str = "", legend: str = "", title: str = ""
) -> str:
    """Return a chart as an inline-SVG figure with the number format of ``lang``, an HTML
    ``legend`` above it and a ``caption`` (plain text, escaped) below. The spec is not
    re-validated here: the tests validate every chart function's spec."""
    return spec_figure(themed_spec(chart), lang, caption, legend, title)


def spec_figure(
    spec: dict,
    lang: str = "vi",
    caption: str = "",
    legend: str = "",
    title: str = "",
    key: str = "chart",
) -> str:
    """``figure_html`` for a chart already turned into its Vega-Lite spec."""
    return spec_figure_html(spec, FORMAT_LOCALES[lang], caption, title, legend, key)


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
    shape)`` item; shape is bar, tick, diamond, dot_mark, line, dash, dot or rule."""
    shapes = {
        "bar": '<rect x="1" y="3" width="16" height="8"/>',
        "tick": '<rect x="8" y="0" width="3" height="14"/>',
        "diamond": '<path d="M9 1 L15 7 L9 13 L3 7 Z"/>',
        "dot_mark": '<circle cx="9" cy="7" r="4"/>',
        "line": '<path d="M0 7 H18" fill="none" stroke-width="2.5"/>',
        "dash": '<path d="M0 7 H18" fill="none" stroke-width="2.5" stroke-dasharray="6 4"/>',
        "dot": '<path d="M0 7 H18" fill="none" stroke-width="2.5" stroke-dasharray="2 3"/>',
        "rule": '<path d="M9 0 V14" fill="none" stroke-width="1.5" stroke-dasharray="3 2"/>',
        "vline": '<path d="M9 0 V14" fill="none" stroke-width="2"/>',
    }
    entries = "".join(
        f'<span class="cchc-legend-item"><svg width="18" height="14" aria-hidden="true" '
        f'fill="{colour}" stroke="{colour}">{shapes[shape]}</svg> {html.escape(label)}</span>'
        for label, colour, shape in items
    )
    return f'<div class="cchc-legend">{entries}</div>'


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
    fill_marks: tuple[str, ...] = ("symbol",),
) -> str:
    """Return a ``<style>`` element that highlights one province in the chart inside the
    element with id ``scope``, a chart drawn alike in every report: its marks (found by their
    description, see ``described``) of the Vega mark types ``fill_marks`` (symbol, rect, …)
    in the highlight colour, its symbols outlined, and its name (a text mark described the
    same way) in bold."""
    label = _css_string(f"{province} ({code}):")
    rules = [
        f"#{scope} g.mark-{mark} [aria-label^={label}]{{fill:{HIGHLIGHT};fill-opacity:1}}"
        for mark in fill_marks
    ]
    rules.append(f"#{scope} g.mark-symbol [aria-label^={label}]{{stroke:#000;stroke-width:1.5px}}")
    rules.append(f"#{scope} g.mark-text [aria-label^={label}]{{font-weight:bold;fill:#000}}")
    return f"<style>{''.join(rules)}</style>"


# --------------------------------------------------------------------------- domain gaps


def profile_legend(lang: str = "vi", region: str = "") -> list[tuple[str, str, str]]:
    """Return the legend items of the domain gap chart."""
    return [
        (text("above_median", lang), ABOVE, "bar"),
        (text("below_median", lang), BELOW, "bar"),
        (text("national_median", lang), MEDIAN, "vline"),
        (text("regional_median", lang, region=region), REGIONAL, "diamond"),
    ]


def domain_gaps_spec(profile: pl.DataFrame, lang: str = "vi") -> dict[str, Any]:
    """Return the Vega-Lite spec of the domain gap chart ``domain_gaps_html`` draws (bars of
    each domain's gap to the national median, the regional median's): recorded with the
    report for ``cchc verify`` and drawable in a notebook, never converted per report."""
    rows = profile.select(
        "domain",
        "gap_pct",
        region_gap=(pl.col("region_median_pct") - pl.col("median_pct")).round(2),
    ).to_dicts()
    y = {"field": "domain", "type": "nominal", "sort": None, "title": None}
    return {
        "$schema": alt.SCHEMA_URL,
        "data": {"values": rows},
        "layer": [
            {
                "mark": {"type": "bar"},
                "encoding": {
                    "y": y,
                    "x": {
                        "field": "gap_pct",
                        "type": "quantitative",
                        "title": text("domain_gap_axis", lang),
                    },
                },
            },
            {
                "mark": {"type": "point", "shape": "diamond", "filled": True},
                "encoding": {"y": y, "x": {"field": "region_gap", "type": "quantitative"}},
            },
        ],
    }


def domain_gaps_html(profile: pl.DataFrame, lang: str = "vi") -> str:
    """Return each domain's gap to the national median in percentage points as an HTML bar
    chart (``profile``: domain, gap_pct, median_pct, region_median_pct): the domain's name,
    then a bar right (above the median, blue) or left (below, vermilion) of the median's zero
    line, the gap written beside it, and the regional median as an orange diamond. Drawn in
    HTML, not SVG: the names are page text at the page's size on any screen, and nothing is
    converted per report; the legend is ``profile_legend``."""
    rows = profile.select(
        "domain",
        "gap_pct",
        region_gap=(pl.col("region_median_pct") - pl.col("median_pct")).round(2),
    ).to_dicts()
    values = [abs(v) for r in rows for v in (r["gap_pct"], r["region_gap"]) if v]
    needed = max([1.0, *values]) * 1.15
    reach = next(float(v) for v in (1, 2, 4, 6, 10, 20, 40, 60, 100, 200) if v >= needed)
    scale = [-reach, -reach / 2, 0.0, reach / 2, reach]

    def position(value: float) -> float:  # % from the left edge of the track
        return 50 + 50 * value / reach

    items = []
    for r in rows:
        gap = r["gap_pct"] or 0.0
        side = "above" if gap >= 0 else "below"
        left, right = sorted((position(0.0), position(gap)))
        written = html.escape(number(gap, lang, 2, signed=True))
        diamond = ""
        if r["region_gap"] is not None:
            diamond = (
                f'<span class="cchc-gap-region" style="left:{position(r["region_gap"]):.2f}%">'
                "</span>"
            )
        items.append(
            f'<li class="cchc-gap-row"><span class="cchc-gap-name">{html.escape(r["domain"])}'
            f"</span>"
            f'<span class="cchc-gap-track"><span class="cchc-gap-bar cchc-gap-{side}" '
            f'style="left:{left:.2f}%;width:{max(right - left, 0.4):.2f}%"></span>{diamond}'
            f'<span class="cchc-gap-value cchc-gap-value-{side}" '
            f'style="{"left" if side == "above" else "right"}:'
            f'{(right if side == "above" else 100 - left):.2f}%">{written}</span></span></li>'
        )
    ticks = "".join(
        f'<span style="left:{position(v):.2f}%">{html.escape(number(v, lang, 0, signed=True))}'
        "</span>"
        for v in scale
    )
    axis = html.escape(text("domain_gap_axis", lang))
    return (
        f'<ul class="cchc-gaps">{"".join(items)}</ul>'
        f'<div class="cchc-gap-axis" aria-hidden="true"><span class="cchc-gap-ticks">{ticks}'
        f'</span><span class="cchc-gap-axis-title">{axis}</span></div>'
    )


# --------------------------------------------------------------------------- ranking


def ranking_legend(lang: str = "vi") -> list[tuple[str, str, str]]:
    """Return the legend items of the ranking chart as the reports draw it (``highlight_css``:
    the province's dot in the highlight colour, outlined)."""
    return [
        (text("this_province", lang), HIGHLIGHT, "dot_mark"),
        (text("other_provinces", lang), MUTED, "dot_mark"),
        (text("grade_threshold", lang), "#555555", "rule"),
    ]


def ranking_order(totals: pl.DataFrame) -> list[str]:
    """Return the provinces top to bottom as ``plot_ranking`` draws them (index descending,
    ties by code)."""
    ordered = totals.sort(["index_pct", "province_code"], descending=[True, False])
    return ordered["province"].to_list()


def _thresholds(bands: pl.DataFrame | None, low: float, high: float) -> pl.DataFrame:
    """Return the grade thresholds (grade, band_min, label 'A ≥ 90') inside [low, high]."""
    if bands is None:
        return pl.DataFrame(schema={"grade": pl.String, "band_min": pl.Float64, "label": pl.String})
    return bands.filter(
        (pl.col("band_min") > low) & (pl.col("band_min") < high) & (pl.col("band_min") > 0)
    ).with_columns(label=pl.format("{} ≥ {}", "grade", pl.col("band_min").round(0).cast(pl.Int64)))


def plot_ranking(
    totals: pl.DataFrame,
    province_code: str | None,
    lang: str = "vi",
    bands: pl.DataFrame | None = None,
) -> alt.LayerChart:
    """Return the ranking of every province in the period as a dot plot, highest first
    (``totals``: province, province_code, index_pct, rank), names as text marks (described,
    so ``highlight_css`` can make one bold), and the grade thresholds (``bands``: grade,
    band_min) as dashed rules labelled at the top. With ``province_code`` None every province
    is drawn alike, for ``highlight_css`` to pick one out."""
    frame = described(totals, number_expr(pl.col("index_pct"), lang)).with_columns(
        chosen=pl.col("province_code") == (province_code or "")
    )
    low, high = float(frame["index_pct"].min()), float(frame["index_pct"].max())
    low, high = max(0.0, low - 1.5), min(100.0, high + 1.5)
    x = alt.X(
        "index_pct:Q",
        title=text("index_pct", lang),
        scale=alt.Scale(domain=[low, high], zero=False, nice=False),
        axis=alt.Axis(tickCount=4, orient="top"),
    )
    y = alt.Y("province:N", sort=ranking_order(frame), title=None, axis=None)
    data = frame.select("province", "province_code", "index_pct", "chosen", "description")
    dots = (
        alt.Chart(data)
        .mark_point(filled=True, opacity=1, size=50)
        .encode(
            x=x,
            y=y,
            color=alt.Color(
                "chosen:N",
                scale=alt.Scale(domain=[True, False], range=[HIGHLIGHT, MUTED]),
                legend=None,
            ),
            description=alt.Description("description:N"),
        )
    )
    names = (
        alt.Chart(data)
        .mark_text(align="right", baseline="middle", dx=-6, fontSize=12, color="#222")
        .encode(y=y, x=alt.XValue(0), text=alt.Text("province:N"))
        .encode(description=alt.Description("description:N"))
    )
    grid = alt.Chart(data).mark_rule(color="#eeeeee", aria=False).encode(y=y)
    cuts = _thresholds(bands, low, high)
    layers: list[Any] = [grid, names, dots]
    if cuts.height:
        rules = alt.Chart(cuts).mark_rule(color="#555555", strokeDash=[3, 2], aria=False)
        labels = alt.Chart(cuts).mark_text(
            align="center", baseline="top", dy=3, fontSize=11, color="#333", aria=False
        )
        layers.insert(1, rules.encode(x=alt.X("band_min:Q")))
        layers.append(labels.encode(x=alt.X("band_min:Q"), y=alt.YValue("height"), text="label:N"))
    # sizes given to the constructor: `.properties` validates each one, every time
    return alt.layer(*layers, width=CHART_WIDTH - 120, height=alt.Step(15))


# --------------------------------------------------------------------------- rank intervals


def interval_legend(lang: str = "vi") -> list[tuple[str, str, str]]:
    """Return the legend items of the rank-interval chart."""
    return [
        (text("interval_bar", lang), MUTED, "bar"),
        (text("published_rank", lang), PALETTE[0], "dot_mark"),
        (text("median_rank", lang), MEDIAN, "tick"),
        (text("this_province", lang), HIGHLIGHT, "bar"),
    ]


def interval_order(intervals: pl.DataFrame) -> list[str]:
    """Return the provinces top to bottom as ``plot_rank_intervals`` draws them."""
    return intervals.sort("nominal_rank", "province_code")["province"].to_list()


def plot_rank_intervals(intervals: pl.DataFrame, lang: str = "vi") -> alt.LayerChart:
    """Return every province's 90 % rank interval of one period (``intervals``: province,
    province_code, nominal_rank, median_rank, rank_lo, rank_hi, n_provinces): a bar from
    rank_lo to rank_hi, a dot at the published rank, a black tick at the median rank, names as
    described text marks; the rank axis reaches half a rank beyond both ends, so no dot is
    cut. Every province is drawn alike, for ``highlight_css`` to pick one out; the legend is
    ``interval_legend``."""
    n = int(intervals["n_provinces"].max())
    what = pl.format(
        "{} {}, {} {}–{}",
        pl.lit(text("rank", lang).lower()),
        "nominal_rank",
        pl.lit(text("interval_bar", lang).lower()),
        "rank_lo",
        "rank_hi",
    )
    data = described(intervals, what).select(
        "description", "province", "nominal_rank", "median_rank", "rank_lo", "rank_hi"
    )
    y = alt.Y("province:N", sort=interval_order(intervals), title=None, axis=None)
    x_scale = alt.Scale(domain=[0.5, n + 0.5], nice=False, zero=False)
    base = alt.Chart(data).encode(y=y, description=alt.Description("description:N"))
    bars = base.mark_bar(height=6, color=MUTED).encode(
        x=alt.X(
            "rank_lo:Q",
            scale=x_scale,
            title=text("rank_axis", lang),
            axis=alt.Axis(values=[1, *range(5, n + 1, 5)], orient="top"),
        ),
        x2=alt.X2("rank_hi:Q"),
    )
    ticks = alt.Chart(data).mark_tick(thickness=2, size=11, color=MEDIAN, aria=False)
    ticks = ticks.encode(y=y, x=alt.X("median_rank:Q"))
    dots = base.mark_point(filled=True, color=PALETTE[0], opacity=1, size=40).encode(
        x=alt.X("nominal_rank:Q")
    )
    names = base.mark_text(align="right", baseline="middle", dx=-6, fontSize=12, color="#222")
    names = names.encode(x=alt.XValue(0), text=alt.Text("province:N"))
    return alt.LayerChart(
        layer=[bars, ticks, dots, names], height=alt.Step(15), width=CHART_WIDTH - 120
    )


# --------------------------------------------------------------------------- trend


def trend_styles(trend: pl.DataFrame, lang: str = "vi") -> list[tuple[str, str, str]]:
    """Return (series, colour, line style) of each trend series, in drawing order: the province
    solid, predecessors dashed, the national median (one series per era) dotted black."""
    kinds = dict(zip(trend["series"], trend["kind"], strict=False))
    median = text("national_median", lang)
    dashes = {text("current", lang): "line", text("predecessor", lang): "dash", median: "dot"}
    series = [
        s for s in dict.fromkeys(trend.sort("kind", "series")["series"]) if kinds[s] != median
    ]
    medians = [s for s in dict.fromkeys(trend["series"]) if kinds[s] == median]
    colours = [c for c in PALETTE if c != MEDIAN]
    styles = [(s, colours[i % len(colours)], dashes[kinds[s]]) for i, s in enumerate(series)]
    return styles + [(s, MEDIAN, "dot") for s in medians]


def trend_legend(trend: pl.DataFrame, lang: str = "vi") -> list[tuple[str, str, str]]:
    """Return the legend items of the trend chart: each series, the merger rule and, when
    drawn, the grade thresholds."""
    return [
        *trend_styles(trend, lang),
        (text("merger_marker", lang), "#666666", "rule"),
        (text("grade_threshold", lang), "#999999", "rule"),
    ]


def plot_trend(
    trend: pl.DataFrame, lang: str = "vi", bands: pl.DataFrame | None = None
) -> alt.LayerChart:
    """Return the index across years (``trend``: year, index_pct, series, kind): the province
    solid, its predecessors before the merger dashed, the national median dotted (a separate
    line per era, so it breaks at 63 → 34), a rule marking the merger of 1 July 2025 labelled
    above the plot (never over a line), and the grade thresholds of the year (``bands``) as
    faint rules labelled right of the plot; the legend is ``trend_legend``."""
    styles = trend_styles(trend, lang)
    dash = {"line": [1, 0], "dash": [6, 4], "dot": [2, 3]}
    names = [s for s, _, _ in styles]
    years = trend["year"]
    low = float(trend["index_pct"].min()) - 1
    high = float(trend["index_pct"].max()) + 1
    y_scale = alt.Scale(domain=[low, high], zero=False, nice=False)
    frame = trend.with_columns(
        description=pl.format(
            "{}, {}: {}", "series", "year", number_expr(pl.col("index_pct"), lang)
        )
    )
    lines = (
        alt.Chart(frame)
        .mark_line(point=True)
        .encode(
            x=alt.X(
                "year:Q",
                title=None,
                scale=alt.Scale(domain=[int(years.min()) - 0.3, int(years.max()) + 0.3]),
                axis=alt.Axis(format="d", values=sorted(set(years.to_list()))),
            ),
            y=alt.Y(
                "index_pct:Q",
                title=text("index_pct", lang),
                scale=y_scale,
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
            description=alt.Description("description:N"),
        )
    )
    layers: list[Any] = []
    cuts = _thresholds(bands, low, high)
    if cuts.height:
        rules = alt.Chart(cuts).mark_rule(color="#999999", strokeDash=[4, 3], aria=False)
        labels = alt.Chart(cuts).mark_text(
            align="left", baseline="middle", dx=4, fontSize=11, color="#555", aria=False
        )
        layers += [
            rules.encode(y=alt.Y("band_min:Q")),
            labels.encode(y=alt.Y("band_min:Q"), x=alt.XValue("width"), text="grade:N"),
        ]
    layers.append(lines)
    if years.min() <= MERGER_YEAR <= years.max():
        marker = pl.DataFrame({"year": [MERGER_YEAR], "label": [text("merger_marker", lang)]})
        rule = alt.Chart(marker).mark_rule(color="#666", strokeDash=[3, 3], aria=False)
        label = alt.Chart(marker).mark_text(
            align="right", dx=4, dy=-6, color="#444", fontSize=11, baseline="bottom", aria=False
        )
        layers += [
            rule.encode(x=alt.X("year:Q")),
            label.encode(x=alt.X("year:Q"), y=alt.YValue(0), text=alt.Text("label:N")),
        ]
    return alt.layer(*layers, width=CHART_WIDTH - 70, height=220)


def plot_domain_gaps(profile: pl.DataFrame, lang: str = "vi") -> alt.Chart:
    """Return the province's gap to the national median per domain (``profile``: domain,
    gap_pct, pct, median_pct) as horizontal bars, above the median blue and below vermilion,
    with tooltips (for notebooks; reports draw the same gaps as HTML, ``domain_gaps_html``)."""
    above, below = text("above_median", lang), text("below_median", lang)
    frame = profile.select("domain", "gap_pct", "pct", "median_pct").with_columns(
        side=pl.when(pl.col("gap_pct") >= 0).then(pl.lit(above)).otherwise(pl.lit(below))
    )
    return (
        alt.Chart(frame, width=CHART_WIDTH - 140)
        .mark_bar()
        .encode(
            x=alt.X("gap_pct:Q", title=text("domain_gap_axis", lang)),
            y=alt.Y("domain:N", sort=None, title=None),
            color=alt.Color(
                "side:N",
                scale=alt.Scale(domain=[above, below], range=[ABOVE, BELOW]),
                legend=alt.Legend(title=None, orient="bottom"),
            ),
            tooltip=["domain:N", "pct:Q", "median_pct:Q", "gap_pct:Q"],
        )
    )
