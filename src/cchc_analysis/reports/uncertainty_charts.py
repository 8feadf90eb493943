"""Rank intervals of every province as an Altair chart (a bar from the 5th to the 95th
percentile, a dot at the nominal rank, a tick at the median), one province highlighted."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import polars as pl

from cchc_analysis.uncertainty.sentences import interval_row, percent_text

if TYPE_CHECKING:
    import altair as alt

_CHART_TEXT = {
    "vi": {
        "title": "Hạng và khoảng {level} % của các tỉnh, thành phố",
        "rank": "Hạng (1 = cao nhất)",
        "province": "Tỉnh, thành phố",
        "nominal": "Hạng công bố",
        "median": "Hạng trung vị",
        "interval": "Khoảng",
        "described": "hạng {}, khoảng {}–{}",
    },
    "en": {
        "title": "Rank and {level} % interval of every province",
        "rank": "Rank (1 = highest)",
        "province": "Province",
        "nominal": "Published rank",
        "median": "Median rank",
        "interval": "Interval",
        "described": "rank {}, interval {}–{}",
    },
}


def interval_order(intervals: pl.DataFrame, period: str) -> list[str]:
    """Return the provinces top to bottom as ``plot_rank_intervals`` draws them."""
    rows = intervals.filter(pl.col("period") == period)
    return rows.sort("nominal_rank", "province_code")["province"].to_list()


def plot_rank_intervals(
    intervals: pl.DataFrame, province: str | None, lang: str = "vi", period: str | None = None
) -> alt.LayerChart:
    """Return every province's rank interval (a bar from rank_lo to rank_hi, a dot at the
    nominal rank, a tick at the median), sorted by rank, with ``province`` (code or name)
    highlighted; one period (the latest unless given). With ``province`` None every province
    is drawn alike, each mark described for ``charts.highlight_css`` to pick one out."""
    import altair as alt

    from cchc_analysis.reports.charts import HIGHLIGHT, MUTED, PALETTE, described

    words = _CHART_TEXT[lang]
    if province is None:
        latest = period or str(intervals["period"].max())
        row = {**intervals.filter(pl.col("period") == latest).row(0, named=True)}
        row["province_code"] = row["province"] = None
    else:
        row = interval_row(intervals, province, period)
    data = (
        described(
            intervals,
            pl.format(words["described"], "nominal_rank", "rank_lo", "rank_hi"),
        )
        .filter(pl.col("period") == row["period"])
        .select(
            "description",
            "province",
            "province_code",
            "nominal_rank",
            "median_rank",
            "rank_lo",
            "rank_hi",
            "n_provinces",
            highlight=pl.col("province_code") == (row["province_code"] or ""),
            interval=pl.format("{}–{}", "rank_lo", "rank_hi"),
        )
    )
    n = int(data["n_provinces"][0])
    order = interval_order(intervals, row["period"])
    bold = f"datum.value === {json.dumps(row['province'])} ? 'bold' : 'normal'"
    axis = alt.Axis(labelFontSize=9, labelFontWeight=alt.ExprRef(bold))
    y = alt.Y("province:N", sort=order, title=words["province"], axis=axis)
    x_scale = alt.Scale(domain=[1, n], nice=False)
    tooltip = [
        alt.Tooltip("province:N", title=words["province"]),
        alt.Tooltip("nominal_rank:Q", title=words["nominal"]),
        alt.Tooltip("median_rank:Q", title=words["median"]),
        alt.Tooltip("interval:N", title=words["interval"]),
    ]
    # Channel objects and scales rather than shorthand strings and conditions: Altair turns
    # those into objects again on every chart (a third of the time of a report's chart).
    base = alt.Chart(data.drop("n_provinces")).encode(
        y=y, tooltip=tooltip, description=alt.Description("description:N")
    )
    bars = base.mark_bar(height=5).encode(
        x=alt.X("rank_lo:Q", scale=x_scale, title=words["rank"]),
        x2=alt.X2("rank_hi:Q"),
        color=alt.Color(
            "highlight:N",
            scale=alt.Scale(domain=[False, True], range=[MUTED, HIGHLIGHT]),
            legend=None,
        ),
    )
    dots = base.mark_point(filled=True, color=PALETTE[0], opacity=1).encode(
        x=alt.X("nominal_rank:Q"),
        size=alt.Size(
            "highlight:N", scale=alt.Scale(domain=[False, True], range=[24, 60]), legend=None
        ),
    )
    ticks = base.mark_tick(thickness=1.5, size=9, color="#000000").encode(x=alt.X("median_rank:Q"))
    # sizes and title given to the constructor: ``.properties`` validates each against the
    # Vega-Lite schema, every time
    return alt.LayerChart(
        layer=[bars, ticks, dots],
        title=words["title"].format(level=percent_text(float(row["level"]), lang)),
        height=alt.Step(9),
        width=480,
    )
