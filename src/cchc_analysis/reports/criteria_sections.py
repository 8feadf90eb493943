"""The criteria of a report: strengths and weaknesses against the national median, and
the table of every criterion with its explanation."""

from __future__ import annotations

from typing import Any

import polars as pl

from cchc_analysis.reference.labels import number, points, text
from cchc_analysis.reports.markup import (
    Html,
    escape,
    scroll_box,
    section_html,
)
from cchc_analysis.reports.view import ReportView


def _capital(label: str) -> str:
    return label[:1].upper() + label[1:]


def _gap_item(c: dict[str, Any], lang: str, tied: bool) -> str:
    share = f"{int(c['percentile'])}%"
    gap = text(
        "gap_vs_median",
        lang,
        gap=number(c["gap"], lang, 2, signed=True),
        median=points(c["median_points"], lang),
        share=share,
    )
    tie = f' <span class="cchc-tie">({escape(text("tied", lang))})</span>' if tied else ""
    return (
        f"<li><strong>{escape(_capital(str(c[f'label_{lang}'])))}</strong> "
        f"({escape(c[f'domain_label_{lang}'])}): {points(c['points'], lang)}/"
        f"{points(c['max_points'], lang)} — {escape(gap)}{tie}"
        f"<br><span class='cchc-explain'>{escape(c[f'explanation_{lang}'])}</span></li>"
    )


def strengths_section(view: ReportView) -> Html:
    """Return the strengths (criteria furthest above their national median, in points of the
    index) and weaknesses (furthest below), ties listed openly."""
    lang = view.lang
    blocks = []
    for key, frame, css in (
        ("strengths", view.strengths, "cchc-strengths"),
        ("weaknesses", view.weaknesses, "cchc-weaknesses"),
    ):
        counts = frame["gap"].value_counts() if frame.height else None
        tied = set() if counts is None else {g for g, n in counts.iter_rows() if n > 1}
        more = view.ties.get(key, 0)
        if frame.is_empty():
            items = f"<li>{escape(text('no_' + key, lang))}</li>"
        else:
            items = "".join(
                _gap_item(c, lang, c["gap"] in tied) for c in frame.iter_rows(named=True)
            )
            if more:
                items += f"<li class='cchc-more'>{escape(text('ties_more', lang, n=more))}</li>"
        blocks.append(
            f'<div class="cchc-col {css}"><h3>{escape(text(key, lang))}</h3><ol>{items}</ol></div>'
        )
    note = f'<p class="cchc-note">{escape(text("strengths_note", lang))}</p>'
    return section_html(
        "strengths_heading", lang, f'<div class="cchc-cols">{"".join(blocks)}</div>{note}'
    )


def criteria_section(view: ReportView) -> Html:
    """Return the table of criteria: domain, criterion, points / maximum, explanation."""
    lang = view.lang
    keys = ("domain", "criterion", "points", "max_points", "explanation")
    head = [text(k, lang) for k in keys]
    header = "".join(f"<th scope='col'>{escape(h)}</th>" for h in head)
    criteria = view.criteria.with_columns(
        span=pl.len().over("domain_id"), first=pl.int_range(pl.len()).over("domain_id") == 0
    )
    rows = []
    for c in criteria.iter_rows(named=True):
        domain = (
            f"<th scope='rowgroup' rowspan='{c['span']}'>{escape(c[f'domain_label_{lang}'])}</th>"
            if c["first"]
            else ""
        )
        missing = " cchc-missing" if c["missing"] else ""
        rows.append(
            f"<tr{' class=cchc-group' if c['first'] else ''}>{domain}"
            f"<td data-label='{escape(head[1])}'>{escape(_capital(str(c[f'label_{lang}'])))}</td>"
            f"<td class='num' data-label='{escape(head[2])}'>{points(c['points'], lang)}</td>"
            f"<td class='num' data-label='{escape(head[3])}'>{points(c['max_points'], lang)}</td>"
            f"<td class='cchc-expl{missing}' data-label='{escape(head[4])}'>"
            f"{escape(c[f'explanation_{lang}'])}</td></tr>"
        )
    caption = text("caption_criteria", lang)
    table = (
        f'<table class="cchc-table cchc-criteria cchc-cards"><caption>{escape(caption)}</caption>'
        f"<thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
    return section_html("criteria_heading", lang, scroll_box(table, caption))
