"""The small HTML box results show themselves in, in a notebook: its stylesheet, escaped
text, a frame as a table, and the flags for synthetic data and illustrative rubrics. Nothing
from the package is imported here, so every wing's ``_repr_html_`` can use it."""

from __future__ import annotations

import html
from typing import Any

import polars as pl

ROWS_SHOWN = 10
STYLE = (
    "<style>.cchc-box{font-family:'Noto Sans','DejaVu Sans',Arial,sans-serif;max-width:980px}"
    ".cchc-box table{border-collapse:collapse;margin:.3em 0 .8em;font-size:.9em}"
    ".cchc-box th,.cchc-box td{border-bottom:1px solid #e3e3e3;padding:.2em .5em;"
    "text-align:left;vertical-align:top}.cchc-box td.num{text-align:right}"
    ".cchc-box .ok{color:#00603f;font-weight:600}.cchc-box .bad{color:#a33d00;font-weight:600}"
    ".cchc-box .note{color:#555;font-size:.9em}.cchc-box .flag{background:#fff3cd;"
    "border:1px solid #E69F00;padding:.2em .5em;display:inline-block;margin:.2em 0}"
    ".cchc-box ul.tree{margin:.2em 0;padding-left:1.2em}</style>"
)


def escaped(value: object) -> str:
    """Return ``value`` as escaped HTML text ('' for None)."""
    return "" if value is None else html.escape(str(value))


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f'<td class="num">{value:,.2f}</td>'
    if isinstance(value, int) and not isinstance(value, bool):
        return f'<td class="num">{value:,}</td>'
    return f"<td>{escaped(value)}</td>"


def frame_html(
    frame: pl.DataFrame, limit: int = ROWS_SHOWN, columns: list[str] | None = None
) -> str:
    """Return the first ``limit`` rows of a frame as an escaped HTML table, with a note of how
    many more there are."""
    shown = frame.select([c for c in columns if c in frame.columns]) if columns else frame
    head = "".join(f"<th>{escaped(c)}</th>" for c in shown.columns)
    body = "".join(
        "<tr>" + "".join(_cell(v) for v in row) + "</tr>" for row in shown.head(limit).iter_rows()
    )
    more = (
        f'<p class="note">… {frame.height - limit} more row(s)</p>' if frame.height > limit else ""
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}"


def box(title: str, *parts: str) -> str:
    """Return a titled box of HTML parts, with its stylesheet."""
    return f'{STYLE}<div class="cchc-box"><strong>{title}</strong>{"".join(parts)}</div>'


def flags_html(synthetic: bool, rubric: Any) -> str:
    """Return the warnings a result carries: synthetic data, an illustrative rubric."""
    flags = []
    if synthetic:
        flags.append('<div class="flag">SYNTHETIC data — not real figures</div>')
    if rubric is not None and rubric.status == "illustrative":
        flags.append('<div class="flag">Illustrative rubric — not the official methodology</div>')
    return "".join(flags)
