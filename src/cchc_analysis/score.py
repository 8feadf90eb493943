"""Scoring with Polars: criterion → domain → total → index → rank → grade band.

Pure functions: frames in, frames out, no I/O. Every criterion point carries its inputs, the
rule, the band hit and one sentence in Vietnamese and English that explains it.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass
from functools import reduce

import polars as pl

from cchc_analysis.catalogue import load_catalogue, terms
from cchc_analysis.rubric import Criterion, Domain, Rubric

KEYS = ["province_code", "province", "era", "period", "year"]


@dataclass(frozen=True)
class Scores:
    """The three levels of a scoring run."""

    criteria: pl.DataFrame  # one row per province × period × criterion, with explanations
    domains: pl.DataFrame  # one row per province × period × domain
    totals: pl.DataFrame  # one row per province × period: points, index, rank, grade


def to_wide(indicators: pl.DataFrame, columns: list[str] | None = None) -> pl.DataFrame:
    """Return one row per province × period with one Float64 column per indicator id
    (``columns`` are added as nulls when absent, so every rubric input exists)."""
    wide = indicators.pivot(on="indicator", index=KEYS, values="value", aggregate_function="first")
    missing = [c for c in columns or [] if c not in wide.columns]
    return wide.with_columns([pl.lit(None, dtype=pl.Float64).alias(c) for c in missing])


def _sum_of(expression: str) -> pl.Expr:
    return reduce(operator.add, [pl.col(name) for name in terms(expression)])


def _measure(criterion: Criterion) -> pl.Expr:
    measure = criterion.measure
    assert measure is not None
    if measure.indicator:
        return pl.col(measure.indicator).cast(pl.Float64)
    assert measure.ratio is not None
    numerator, denominator = _sum_of(measure.ratio.numerator), _sum_of(measure.ratio.denominator)
    return pl.when(denominator > 0).then(100 * numerator / denominator).cast(pl.Float64)


def _parts(criterion: Criterion) -> tuple[pl.Expr, pl.Expr]:
    """Return (numerator, denominator) of a ratio measure; nulls for a single indicator."""
    assert criterion.measure is not None
    ratio = criterion.measure.ratio
    if ratio is None:
        return pl.lit(None, dtype=pl.Float64), pl.lit(None, dtype=pl.Float64)
    return _sum_of(ratio.numerator).cast(pl.Float64), _sum_of(ratio.denominator).cast(pl.Float64)


def _inputs_text(criterion: Criterion, lang: str) -> pl.Expr:
    """Return the raw inputs as a reader sees them: `` (28/40)`` for a ratio, else empty."""
    assert criterion.measure is not None
    if criterion.measure.ratio is None:
        return pl.lit("")
    return pl.format(
        " ({}/{})", _number(pl.col("numerator"), lang, 2), _number(pl.col("denominator"), lang, 2)
    ).fill_null("")  # an imputed ratio has no counts to show


def _number(expr: pl.Expr, lang: str, decimals: int = 2) -> pl.Expr:
    """Format a number for people: no trailing zeros, decimal comma in Vietnamese."""
    # Polars prints a rounded float with no trailing zeros except a lone ".0"
    text = expr.round(decimals).cast(pl.String).str.strip_suffix(".0")
    return text.str.replace(".", ",", literal=True) if lang == "vi" else text


def _max_expr(criterion: Criterion) -> pl.Expr:
    """Return the criterion's maximum points for the row's year (constant, or by year)."""
    by_year = criterion.max_points_by_year
    if not by_year:
        return pl.lit(criterion.max_for(None), dtype=pl.Float64)
    expr: pl.Expr = pl.lit(by_year[min(by_year)], dtype=pl.Float64)
    for year in sorted(by_year):
        expr = pl.when(pl.col("year") >= year).then(pl.lit(by_year[year])).otherwise(expr)
    return expr.cast(pl.Float64)


def _band_expr(criterion: Criterion, measure: pl.Expr, top: pl.Expr) -> tuple[pl.Expr, pl.Expr]:
    """Return (points, band label) expressions for the criterion's rule, before missing data."""
    rule = criterion.rule
    assert rule is not None
    line = rule.line
    if line is not None:
        floor, target = line.floor, line.target
        points = ((measure - floor) / (target - floor)).clip(0, 1) * top
        return points, pl.lit(f"{rule.kind} {floor:g}→{target:g}")
    if rule.threshold_bands is not None:
        bands = rule.threshold_bands
        uppers = [None, *[band.min for band in bands[:-1]]]
        points_chain: pl.Expr = pl.lit(0.0)
        label_chain: pl.Expr = pl.lit(f"< {bands[-1].min:g}")
        for band, upper in reversed(list(zip(bands, uppers, strict=True))):
            text = f"[{band.min:g}; {upper:g})" if upper is not None else f"≥ {band.min:g}"
            points_chain = (
                pl.when(measure >= band.min)
                .then(pl.min_horizontal(pl.lit(band.points), top))
                .otherwise(points_chain)
            )
            label_chain = pl.when(measure >= band.min).then(pl.lit(text)).otherwise(label_chain)
        return points_chain, label_chain
    if rule.boolean:
        return pl.when(measure >= 0.5).then(top).otherwise(0.0), pl.lit("yes/no")
    return measure.clip(0, top), pl.lit("direct points")


def _rule_phrase(criterion: Criterion, lang: str, unit: str) -> pl.Expr:
    rule = criterion.rule
    assert rule is not None
    line = rule.line
    if line is not None:
        floor, target = _fmt(line.floor, lang), _fmt(line.target, lang)
        if lang == "vi":
            return pl.lit(f"0 điểm ở mức {floor}{unit}, tối đa ở mức {target}{unit}")
        return pl.lit(f"0 points at {floor}{unit}, full points at {target}{unit}")
    if rule.threshold_bands is not None:
        return pl.lit("thuộc khoảng " if lang == "vi" else "falls in ")
    if rule.direct_points:
        return pl.lit("điểm công bố" if lang == "vi" else "points as published")
    return pl.lit("")


_POLICY_TEXT = {
    "zero": ("tính 0 điểm", "scored 0"),
    "impute_median": (
        "ước tính bằng trung vị toàn quốc của kỳ",
        "imputed with the national median of the period",
    ),
    "exclude": (
        "loại khỏi tính điểm, chỉ số tính lại trên phần điểm tối đa còn lại",
        "left out; the index is rescaled to the remaining maximum",
    ),
}


def score_criterion(
    wide: pl.LazyFrame,
    domain: Domain,
    criterion: Criterion,
    missing_policy: str,
    order: int = 0,
    path: tuple[str, ...] = (),
    explain: bool = True,
) -> pl.LazyFrame:
    """Return one row per province × period for one criterion: inputs, measure, points,
    maximum, band, how missing data were handled, and the explanation in Vietnamese and
    English."""
    assert criterion.measure is not None and criterion.rule is not None
    top = _max_expr(criterion)
    points, band = _band_expr(criterion, pl.col("measure"), pl.col("max_points"))
    unit = "%" if criterion.measure.ratio is not None or _is_percent(criterion) else ""
    policy = criterion.missing or missing_policy
    numerator, denominator = _parts(criterion)
    raw = pl.col("raw_measure")
    measure = raw.fill_null(raw.median().over("period")) if policy == "impute_median" else raw
    frame = (
        wide.select(
            pl.col("^_unit$"),  # the unit id, when the caller numbered the units
            *KEYS,
            _measure(criterion).alias("raw_measure"),
            numerator.alias("numerator"),
            denominator.alias("denominator"),
            top.alias("max_points"),
        )
        .with_columns(missing=pl.col("raw_measure").is_null(), measure=measure)
        .with_columns(
            imputed=pl.col("missing") & pl.col("measure").is_not_null(),
            excluded=pl.col("missing") & pl.lit(policy == "exclude"),
        )
        .with_columns(
            points=pl.when(pl.col("excluded"))
            .then(None)
            .when(pl.col("measure").is_null())
            .then(0.0)
            .otherwise(points),
            available_max=pl.when(pl.col("excluded")).then(0.0).otherwise("max_points"),
            band=pl.when(pl.col("measure").is_not_null()).then(band),
        )
    )
    inputs = ", ".join(criterion.measure.inputs())
    sentences = {}
    for index, lang in enumerate(("vi", "en")):
        label = getattr(criterion, f"label_{lang}")
        with_data = pl.format(
            "{}/{}: {} {}{}{}: {}{}",
            _number(pl.col("points"), lang),
            _number(pl.col("max_points"), lang),
            pl.lit(label),
            _number(pl.col("measure"), lang),
            pl.lit(unit),
            _inputs_text(criterion, lang),
            _rule_phrase(criterion, lang, unit),
            pl.col("band") if criterion.rule.threshold_bands is not None else pl.lit(""),
        )
        missing_word = "thiếu số liệu" if lang == "vi" else "no data"
        policy_text = _POLICY_TEXT[policy][index]
        no_data = pl.format(
            "{}/{}: {}: {} ({}) — {}",
            _number(pl.col("points").fill_null(0), lang),
            _number(pl.col("max_points"), lang),
            pl.lit(label),
            pl.lit(missing_word),
            pl.lit(inputs),
            pl.lit(policy_text),
        )
        sentences[f"explanation_{lang}"] = (
            pl.when(pl.col("imputed"))
            .then(pl.format("{} ({})", with_data, pl.lit(policy_text)))
            .when(pl.col("missing"))
            .then(no_data)
            .otherwise(with_data)
        )
    if not explain:  # points only: the sentences are most of the work on millions of rows
        sentences = {k: pl.lit(None, dtype=pl.String) for k in sentences}
    return frame.with_columns(**sentences).select(
        pl.col("^_unit$"),
        *KEYS,
        pl.lit(domain.id).cast(pl.Categorical).alias("domain_id"),
        pl.lit("/".join(path)).cast(pl.Categorical).alias("path"),
        pl.lit(criterion.id).cast(pl.Categorical).alias("criterion_id"),
        pl.lit(order).alias("criterion_order"),
        pl.lit(criterion.label_vi).cast(pl.Categorical).alias("label_vi"),
        pl.lit(criterion.label_en).cast(pl.Categorical).alias("label_en"),
        pl.lit(criterion.rule.kind).cast(pl.Categorical).alias("rule"),
        "numerator",
        "denominator",
        "measure",
        pl.lit(unit).cast(pl.Categorical).alias("unit"),
        "band",
        "points",
        "max_points",
        "available_max",
        "missing",
        "imputed",
        "excluded",
        pl.lit(policy).cast(pl.Categorical).alias("missing_policy"),
        "explanation_vi",
        "explanation_en",
    )


def _fmt(value: float, lang: str) -> str:
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "vi" else text


def _is_percent(criterion: Criterion) -> bool:
    assert criterion.measure is not None
    catalogue = load_catalogue()
    units = catalogue.filter(pl.col("id").is_in(criterion.measure.inputs()))["unit"].to_list()
    return units == ["percent"]


def grade_expr(rubric: Rubric, years: list[int]) -> pl.Expr:
    """Return an expression giving the grade band of ``index_pct`` for the row's ``year``."""
    expr: pl.Expr = pl.lit(None, dtype=pl.String)
    for year in sorted(set(years)):
        for band in reversed(rubric.bands_for(year)):
            expr = (
                pl.when((pl.col("year") == year) & (pl.col("index_pct") >= band.min))
                .then(pl.lit(band.grade))
                .otherwise(expr)
            )
    return expr


def _regions() -> pl.DataFrame:
    from cchc_analysis.registry import provinces_frame

    return pl.concat(
        [
            provinces_frame(era).select("era", pl.col("code").alias("province_code"), "region")
            for era in ("63", "34")
        ]
    )


def rank_totals(totals: pl.DataFrame, rubric: Rubric) -> pl.DataFrame:
    """Return ``totals`` with index_pct (points / maximum × 100 — the maximum still available
    after excluded criteria, or the rubric's ``index_max_points`` — rounded to the rubric's
    ``rank_decimals`` before ranking, as the PAR INDEX is published), rank and n_provinces
    per period (ties share a rank: 1, 2, 2, 4), rank_in_region, grade."""
    denominator = (
        pl.lit(rubric.index_max_points) if rubric.index_max_points else pl.col("available_max")
    )
    index = pl.col("points") / denominator * 100
    return (
        totals.with_columns(
            index_pct=index if rubric.rank_decimals is None else index.round(rubric.rank_decimals),
            province_name=pl.col("province"),
        )
        .join(_regions(), on=["era", "province_code"], how="left")
        .with_columns(
            rank=pl.col("index_pct").rank("min", descending=True).over("period").cast(pl.Int32),
            n_provinces=pl.len().over("period").cast(pl.Int32),
            rank_in_region=pl.col("index_pct")
            .rank("min", descending=True)
            .over("period", "region")
            .cast(pl.Int32),
            n_in_region=pl.len().over("period", "region").cast(pl.Int32),
            grade=grade_expr(rubric, totals["year"].unique().to_list()),
        )
        .sort("period", "rank", "province_code")
    )


def _inputs(criterion: Criterion) -> list[str]:
    assert criterion.measure is not None
    return criterion.measure.inputs()


def score_indicators(indicators: pl.DataFrame, rubric: Rubric, explain: bool = True) -> Scores:
    """Score every province × period in a standardised long indicator table with a rubric
    (``explain=False`` leaves the explanation columns empty, for large batch runs)."""
    inputs = sorted({i for _, leaf in rubric.criteria() for i in _inputs(leaf)})
    wide = to_wide(indicators, inputs).with_row_index("_unit").lazy()
    labels = {d.id: (d.label_vi, d.label_en) for d in rubric.domains}
    # One lazy query per criterion, concatenated in rubric order and run in parallel: the
    # criteria table comes out criterion by criterion, each in the units' order. Repeated
    # labels are categorical: millions of rows share a few dozen strings.
    criteria = pl.concat(
        [
            score_criterion(
                wide, domain, criterion, rubric.defaults.missing, order, path
            ).with_columns(
                domain_label_vi=pl.lit(labels[domain.id][0]).cast(pl.Categorical),
                domain_label_en=pl.lit(labels[domain.id][1]).cast(pl.Categorical),
            )
            for order, (domain, path, criterion) in enumerate(rubric.leaves(), start=1)
        ]
    ).collect()
    units = wide.select("_unit", *KEYS).collect()
    domain_meta = pl.DataFrame(
        {
            "domain_id": [d.id for d in rubric.domains],
            "domain_label_vi": [d.label_vi for d in rubric.domains],
            "domain_label_en": [d.label_en for d in rubric.domains],
            "domain_order": list(range(1, len(rubric.domains) + 1)),
        }
    )
    domains = (
        criteria.group_by("_unit", "domain_id")
        .agg(
            pl.col("points").sum().round(9),  # parallel sums differ in the last bits
            pl.col("max_points").sum(),
            pl.col("available_max").sum(),
            pl.col("missing").sum().alias("criteria_missing"),
            pl.col("excluded").sum().alias("criteria_excluded"),
        )
        .with_columns(pl.col("domain_id").cast(pl.String))
        .join(domain_meta, on="domain_id")
        .with_columns(
            pct=pl.when(pl.col("available_max") > 0)
            .then(pl.col("points") / pl.col("available_max") * 100)
            .round(2)
        )
    )
    totals = domains.group_by("_unit").agg(
        pl.col("points").sum().round(9),
        pl.col("max_points").sum(),
        pl.col("available_max").sum(),
        pl.col("criteria_missing").sum(),
        pl.col("criteria_excluded").sum(),
    )
    domains = (
        units.join(domains, on="_unit")
        .sort("period", "province_code", "domain_order")
        .drop("_unit")
    )
    return Scores(
        criteria=criteria.drop("_unit"),
        domains=domains,
        totals=rank_totals(units.join(totals, on="_unit").drop("_unit"), rubric),
    )
