"""The service index of Decision 766/QĐ-TTg (the ``dossier-service`` methodology): where each
of its numbers comes from, scores per period (months, quarters, years) with ranks per period.
The report section that shows it is ``reports.service_section``.

The rubric is data (``rubrics/dossier-service.yaml``); this module only reads it. Texts shown
in reports come from ``data/labels.csv``; text from input files is escaped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import polars as pl

from cchc_analysis.reference.periods import Period, PeriodError, parse_period
from cchc_analysis.scoring.rubric import Rubric, load_rubric

if TYPE_CHECKING:
    from cchc_analysis.scoring.engine import Scores

RUBRIC_ID = "dossier-service"
PUBLISHED_POINTS = "service.index_points"  # the index as the national portal publishes it
# catalogue ids that exist only for the service index: a table holding one holds the index
SERVICE_ONLY = (
    "tthc.announced_on_time_pct",
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
