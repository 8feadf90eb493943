"""The failures table people read: as text (``format_failures``) or as a rich table in the
terminal (``failures_table``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polars as pl

# ---------------------------------------------------------------- presenting failures


def format_failures(failures: pl.DataFrame, lang: str = "en", limit: int | None = None) -> str:
    """Return the failures as plain-text lines (severity, file:row, province, period,
    indicator, column = value, rule: message)."""
    lines = []
    shown = failures if limit is None else failures.head(limit)
    for f in shown.iter_rows(named=True):
        where = f"{f['file']}:{f['row']}" if f["row"] is not None else f"{f['file']}"
        lines.append(
            f"  [{f['severity']}] {where} · {f['province'] or '-'} · {f['period'] or '-'}"
            f" · {f['indicator'] or '-'} · column {f['column']} = {f['value']!r}"
            f" · rule {f['rule']}: {f[f'message_{lang}']}"
        )
    if limit is not None and failures.height > limit:
        lines.append(f"  … and {failures.height - limit} more (see the failures CSV)")
    return "\n".join(lines)


def failures_table(failures: pl.DataFrame, lang: str = "en", limit: int = 50) -> Any:
    """Return a rich Table of the failures for the terminal (first ``limit`` rows)."""
    from rich.table import Table

    table = Table(title=f"{failures.height} finding(s)", show_lines=False, expand=True)
    for name in (
        "severity",
        "file:row",
        "province",
        "period",
        "indicator",
        "column",
        "value",
        "rule",
        "message",
    ):
        table.add_column(name, overflow="fold")
    for f in failures.head(limit).iter_rows(named=True):
        where = (
            f"{Path(f['file'] or '').name}:{f['row']}"
            if f["row"] is not None
            else (Path(f["file"] or "").name)
        )
        style = "red" if f["severity"] == "error" else "yellow"
        table.add_row(
            f"[{style}]{f['severity']}[/{style}]",
            where,
            f["province"] or "",
            f["period"] or "",
            f["indicator"] or "",
            f["column"] or "",
            f["value"] or "",
            f["rule"],
            f[f"message_{lang}"],
        )
    if failures.height > limit:
        table.caption = f"… and {failures.height - limit} more in the failures CSV"
    return table
