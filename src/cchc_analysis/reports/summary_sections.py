"""The top of a report: navigation and title with the synthetic-data and
illustrative-rubric banners, the summary (at most five sentences) and the headline card."""

from __future__ import annotations

from typing import Any

import polars as pl

from cchc_analysis.reference.labels import number, percent, text
from cchc_analysis.reference.registry import Province, predecessors
from cchc_analysis.reports.markup import (
    Html,
    escape,
    section_html,
    share_text,
)
from cchc_analysis.reports.panel import target_text
from cchc_analysis.reports.view import ReportView


def _link(province: Province | None, key: str, lang: str, rank: Any = None) -> str:
    from cchc_analysis.reports.names import report_file_name

    if province is None:
        return '<span class="cchc-nav-none"></span>'
    name = province.label_vi if lang == "vi" else province.name_en
    href = report_file_name(province.code, province.slug)
    rel = "prev" if key == "nav_prev" else "next"
    return f'<a href="{escape(href)}" rel="{rel}">{escape(text(key, lang, name=name))}</a>'


def banner(view: ReportView) -> Html:
    """Return the navigation (the index, the provinces ranked just above and below), the title
    and, when they apply, the synthetic-data and illustrative-rubric banners (notes, not
    alerts)."""
    lang = view.lang
    above, below = view.neighbours
    nav = (
        f'<nav class="cchc-nav" aria-label="{escape(text("nav_label", lang))}">'
        f'<a href="index.html">{escape(text("nav_index", lang))}</a>'
        f"{_link(above, 'nav_prev', lang)}{_link(below, 'nav_next', lang)}</nav>"
    )
    title = f"{escape(text('report_title', lang))}: {escape(view.name)} — {view.year}"
    parts = [nav, f'<h1 class="cchc-h1">{title}</h1>']
    if view.synthetic:
        parts.append(
            f'<p class="cchc-banner cchc-synthetic" role="note">'
            f"{escape(text('synthetic_banner', lang))}</p>"
        )
    if view.manifest.get("rubric", {}).get("status") == "illustrative":
        parts.append(
            f'<p class="cchc-banner cchc-illustrative" role="note">'
            f"{escape(text('illustrative_banner', lang))}</p>"
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
        lines.append(text("summary_grade", lang, grade=grade, p=share_text(interval[f"p_{grade}"])))
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
                f"{target_text(r, lang, short=True)})"
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
    items = "".join(f"<li>{escape(line)}</li>" for line in summary_lines(view))
    return section_html("summary_heading", view.lang, f'<ul class="cchc-summary">{items}</ul>')


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
        f'<div class="cchc-kpi" data-kpi="{key}"><div class="cchc-kpi-label">{escape(k)}</div>'
        f'<div class="cchc-kpi-value">{escape(v)}</div></div>'
        for key, k, v in cells
    )
    basis = _basis_text(view)
    note = f'<p class="cchc-note">{escape(basis)}.</p>' if basis else ""
    return Html(f'<div class="cchc-card">{items}</div>{note}')
