"""The service index of Decision 766/QĐ-TTg (the ``dossier-service`` methodology): where each
of its numbers comes from, scores per period (months, quarters, years) with ranks per period,
and the report section that shows it when a table holds it.

The rubric is data (``rubrics/dossier-service.yaml``); this module only reads it. Texts shown
in reports come from ``data/labels.csv``; text from input files is escaped.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, Any

import polars as pl

from cchc_analysis.reference.labels import number, text
from cchc_analysis.reference.periods import Period, PeriodError, parse_period
from cchc_analysis.scoring.rubric import Rubric, load_rubric

if TYPE_CHECKING:
    from cchc_analysis.reports.sections import Html, ReportView
    from cchc_analysis.scoring.engine import Scores

RUBRIC_ID = "dossier-service"
PUBLISHED_POINTS = "service.index_points"  # the index as the national portal publishes it
# catalogue ids that exist only for the service index: a table holding one holds the index
SERVICE_ONLY = (
    "tthc.published_on_time_pct",
    "dossier.synced_pct",
    "dossier.e_result",
    "dossier.reused",
    "feedback.received",
    "feedback.on_time",
    "feedback.satisfaction_pct",
    "dossier.satisfaction_pct",
    PUBLISHED_POINTS,
)
ASSUMED = "assumed"
_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
_MONTHS_EN: tuple[str, ...] = ("January", "February", "March", "April", "May", "June")
_MONTHS_EN += ("July", "August", "September", "October", "November", "December")


def service_rubric() -> Rubric:
    """Return the bundled service-index rubric."""
    return load_rubric(RUBRIC_ID)


def group_maxima(rubric: Rubric | None = None) -> dict[str, float]:
    """Return each group's maximum points, in the rubric's order: {domain id: points}."""
    chosen = rubric or service_rubric()
    return {domain.id: domain.max_for(None) for domain in chosen.domains}


def sources_table(rubric: Rubric | None = None) -> pl.DataFrame:
    """Return one row per number of the rubric: level (group/criterion), id, label_en, what
    (max_points, measure, rule), value, source and assumed (True when the source says so)."""
    chosen = rubric or service_rubric()
    rows: list[dict[str, Any]] = []

    def add(level: str, item: Any, what: str, value: str) -> None:
        source = (item.sources or {}).get(what, "")
        rows.append(
            {
                "level": level,
                "id": item.id,
                "label_en": item.label_en,
                "what": what,
                "value": value,
                "source": source,
                "assumed": source.startswith(ASSUMED),
            }
        )

    def walk(criterion: Any) -> None:
        if criterion.criteria is not None:
            add("group", criterion, "max_points", f"{criterion.max_for(None):g}")
            for child in criterion.criteria:
                walk(child)
            return
        add("criterion", criterion, "max_points", f"{criterion.max_for(None):g}")
        measure = criterion.measure
        ratio = measure.ratio
        shown = measure.indicator or f"{ratio.numerator} / {ratio.denominator}"
        add("criterion", criterion, "measure", shown)
        line = criterion.rule.line
        rule = f"{criterion.rule.kind} {line.floor:g}→{line.target:g}" if line else ""
        add("criterion", criterion, "rule", rule or criterion.rule.kind)

    for domain in chosen.domains:
        add("domain", domain, "max_points", f"{domain.max_for(None):g}")
        for criterion in domain.criteria:
            walk(criterion)
    return pl.DataFrame(rows)


def holds_service_index(indicators: pl.DataFrame | None, methodology: str | None = None) -> bool:
    """True when the scores were computed with the service index, or the indicator table holds
    a figure that exists only for it (one of ``SERVICE_ONLY``)."""
    if methodology == RUBRIC_ID:
        return True
    if indicators is None or indicators.is_empty():
        return False
    return bool(indicators["indicator"].is_in(SERVICE_ONLY).any())


def _period_key(period: str) -> tuple[Any, ...]:
    """Sort key: by the last day covered, then the shorter period first (months before the
    quarter they end, the quarter before the half and the year)."""
    try:
        parsed = parse_period(period)
    except PeriodError:
        return (period,)
    return (parsed.end, parsed.start.toordinal() * -1)


def period_label(period: str, lang: str = "vi") -> str:
    """Return a period as people write it: 'tháng 7/2025' / 'July 2025', 'quý III/2025' /
    'Q3 2025', '6 tháng đầu năm 2025' / 'H1 2025', 'năm 2025' / '2025'."""
    parsed: Period = parse_period(period)
    year, part = parsed.year, parsed.part
    if parsed.month is not None:
        month = parsed.month
        return f"tháng {month}/{year}" if lang == "vi" else f"{_MONTHS_EN[month - 1]} {year}"
    if part.startswith("Q"):
        quarter = int(part[1])
        return f"quý {_ROMAN[quarter]}/{year}" if lang == "vi" else f"{part} {year}"
    vi = {"": f"năm {year}", "H1": f"6 tháng đầu năm {year}", "H2": f"6 tháng cuối năm {year}"}
    vi["9M"] = f"9 tháng năm {year}"
    return vi[part] if lang == "vi" else (f"{part} {year}" if part else str(year))


def score_service_index(indicators: pl.DataFrame, explain: bool = False) -> Scores:
    """Return the service index of every province × period in a standardised indicator table
    (ranks per period among the provinces the table holds)."""
    from cchc_analysis.scoring.engine import score_indicators

    return score_indicators(indicators, service_rubric(), explain=explain)


def province_periods(
    scores: Scores, indicators: pl.DataFrame, province_code: str, year: int
) -> pl.DataFrame:
    """Return one row per period of ``year`` for one province, in time order: period,
    points, available_max, index_pct, rank, n_provinces and published_points (the portal's
    figure when the table holds ``service.index_points``)."""
    published = indicators.filter(
        (pl.col("indicator") == PUBLISHED_POINTS) & (pl.col("province_code") == province_code)
    ).select("period", pl.col("value").alias("published_points"))
    mine = (
        scores.totals.filter((pl.col("province_code") == province_code) & (pl.col("year") == year))
        .select("period", "points", "available_max", "index_pct", "rank", "n_provinces")
        .join(published, on="period", how="full", coalesce=True)
        .filter(pl.col("period").str.starts_with(str(year)))
    )
    order = sorted(mine["period"].to_list(), key=_period_key)
    return (
        mine.with_columns(_order=pl.col("period").replace_strict(order, list(range(len(order)))))
        .sort("_order")
        .drop("_order")
    )


def province_groups(scores: Scores, province_code: str, period: str) -> pl.DataFrame:
    """Return one row per group of the index for a province and period: domain_id, label_vi,
    label_en, points, available_max, max_points, and how many of its criteria's numbers
    (points, measure, rule) are assumed (``n_assumed`` of ``n_numbers``)."""
    sources = sources_table()
    mine = {
        domain.id: sources.filter(pl.col("id").is_in([c.id for c in _leaf_ids(domain)]))
        for domain in service_rubric().domains
    }
    assumed = {d: rows["assumed"].sum() for d, rows in mine.items()}
    numbers = {d: rows.height for d, rows in mine.items()}
    return (
        scores.domains.filter(
            (pl.col("province_code") == province_code) & (pl.col("period") == period)
        )
        .select(
            "domain_id",
            pl.col("domain_label_vi").cast(pl.String).alias("label_vi"),
            pl.col("domain_label_en").cast(pl.String).alias("label_en"),
            "points",
            "available_max",
            "max_points",
        )
        .with_columns(
            domain_id=pl.col("domain_id").cast(pl.String),
            n_assumed=pl.col("domain_id").cast(pl.String).replace_strict(assumed).cast(pl.Int64),
            n_numbers=pl.col("domain_id").cast(pl.String).replace_strict(numbers).cast(pl.Int64),
        )
    )


def _leaf_ids(domain: Any) -> list[Any]:
    found: list[Any] = []

    def walk(criterion: Any) -> None:
        found.append(criterion)
        for child in criterion.criteria or []:
            walk(child)

    for criterion in domain.criteria:
        walk(criterion)
    return found


# --------------------------------------------------------------------------- report section


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
    from cchc_analysis.reports.sections import INDICATORS_FILE, Html

    folder = Path(str(view.parameters.get("processed_dir", "")))
    path = folder / INDICATORS_FILE
    indicators = pl.read_parquet(path) if path.exists() else None
    methodology = view.manifest.get("rubric", {}).get("id")
    if not holds_service_index(indicators, methodology):
        return None
    markup = section_html(indicators, view.province.code, view.year, view.lang)
    return Html(markup) if markup else None
