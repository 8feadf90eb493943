"""Scoring with Polars: criterion → domain → total → index → rank → grade band.

Pure functions: frames in, frames out, no I/O. Every criterion point carries its inputs, the
rule, the band hit and one sentence in Vietnamese and English that explains it.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass
from functools import cache, reduce

import numpy as np
import polars as pl

from cchc_analysis.reference.catalogue import load_catalogue, terms
from cchc_analysis.reference.labels import number, number_expr, vi_separators
from cchc_analysis.reference.labels import points as points_text
from cchc_analysis.scoring.rubric import Criterion, Domain, Rubric

KEYS = ["province_code", "province", "era", "period", "year"]


@dataclass(frozen=True)
class Scores:
    """The three levels of a scoring run."""

    criteria: pl.DataFrame  # one row per province × period × criterion, with explanations
    domains: pl.DataFrame  # one row per province × period × domain
    totals: pl.DataFrame  # one row per province × period: points, index, rank, grade


def to_wide(indicators: pl.DataFrame, columns: list[str] | None = None) -> pl.DataFrame:
    """Return one row per province × period with one Float64 column per indicator id: every
    indicator, or just ``columns`` (nulls where absent, so every rubric input exists)."""
    return indicators.pivot(
        on="indicator",
        on_columns=columns,
        index=KEYS,
        values="value",
        aggregate_function="first",
    )


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
        # percentages with two decimals, as the measure beside them is written
        write = (lambda v: number(v, lang)) if unit == "%" else (lambda v: _fmt(v, lang))
        floor, target = write(line.floor), write(line.target)
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


def _max_text(criterion: Criterion, lang: str) -> pl.Expr:
    """Return the criterion's maximum as text (points: two decimals, as the tables write them):
    a literal unless it changes by year."""
    by_year = criterion.max_points_by_year
    if not by_year:
        return pl.lit(points_text(criterion.max_for(None), lang))
    expr: pl.Expr = pl.lit(points_text(by_year[min(by_year)], lang))
    for year in sorted(by_year):
        expr = (
            pl.when(pl.col("year") >= year)
            .then(pl.lit(points_text(by_year[year], lang)))
            .otherwise(expr)
        )
    return expr


def _sentences(criterion: Criterion, policy: str, unit: str) -> dict[str, pl.Expr]:
    """Return the explanation expressions, Vietnamese and English, of one criterion's rows.

    Built for millions of rows: each number is printed once and given its decimal comma by
    one replacement; what is constant for the criterion (label, rule, the sentence for a row
    with no data, whose points are always 0) is a literal."""
    assert criterion.measure is not None and criterion.rule is not None
    names = ["points", "measure"]
    if criterion.measure.ratio is not None:
        names += ["numerator", "denominator"]
    # counts with thousands separators, as the reports write them (458.866/464.106)
    # points and percentages with two decimals, as every table writes them (2,40/6,00; 96,00%)
    fixed = {"points": True, "measure": unit == "%", "numerator": False, "denominator": False}
    numbers = {
        name: number_expr(
            pl.col(name),
            "en",
            grouping=name in ("numerator", "denominator"),
            fixed=fixed[name],
        )
        for name in names
    }
    inputs = ", ".join(criterion.measure.inputs())
    sentences = {}
    for index, lang in enumerate(("vi", "en")):
        text = {
            name: vi_separators(expr) if lang == "vi" else expr for name, expr in numbers.items()
        }
        label = getattr(criterion, f"label_{lang}")
        policy_text = _POLICY_TEXT[policy][index]
        pieces = [text["points"], pl.lit("/"), _max_text(criterion, lang), pl.lit(f": {label} ")]
        pieces += [text["measure"], pl.lit(unit)]
        if criterion.measure.ratio is not None:
            # an imputed ratio has no counts to show
            counts = pl.concat_str(
                [pl.lit(" ("), text["numerator"], pl.lit("/"), text["denominator"], pl.lit(")")]
            )
            pieces.append(counts.fill_null(""))
        pieces += [pl.lit(": "), _rule_phrase(criterion, lang, unit)]
        if criterion.rule.threshold_bands is not None:
            band = pl.col("band")  # "[92.5; 95)": a decimal comma in Vietnamese
            pieces.append(band.str.replace_all(".", ",", literal=True) if lang == "vi" else band)
        if policy == "impute_median":
            pieces.append(pl.when(pl.col("imputed")).then(pl.lit(f" ({policy_text})")))
        with_data = pl.concat_str(pieces, ignore_nulls=True)
        missing_word = "thiếu số liệu" if lang == "vi" else "no data"
        no_data = pl.concat_str(
            [
                pl.lit(points_text(0, lang) + "/"),
                _max_text(criterion, lang),
                pl.lit(f": {label}: {missing_word} ({inputs}) — {policy_text}"),
            ]
        )
        sentences[f"explanation_{lang}"] = (
            pl.when(pl.col("missing") & ~pl.col("imputed")).then(no_data).otherwise(with_data)
        )
    return sentences


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
    sentences = (
        _sentences(criterion, policy, unit)
        if explain  # points only: the sentences are most of the work on millions of rows
        else {f"explanation_{lang}": pl.lit(None, dtype=pl.String) for lang in ("vi", "en")}
    )
    return frame.with_columns(**sentences).select(
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
    return _all_percent(tuple(criterion.measure.inputs()))


@cache
def _all_percent(inputs: tuple[str, ...]) -> bool:
    catalogue = load_catalogue()
    return catalogue.filter(pl.col("id").is_in(inputs))["unit"].to_list() == ["percent"]


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


@cache
def _regions() -> pl.DataFrame:
    from cchc_analysis.reference.registry import provinces_frame

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


def _per_criterion(
    criteria: pl.DataFrame, n_criteria: int, n_units: int, column: str
) -> list[pl.Series]:
    """Return ``column`` of the criteria table cut into one slice per criterion (zero-copy:
    the table is criterion by criterion, each in the units' order)."""
    return [criteria[column].slice(k * n_units, n_units) for k in range(n_criteria)]


def _domain_sums(criteria: pl.DataFrame, n_units: int, rubric: Rubric) -> list[pl.DataFrame]:
    """Return one frame per domain, rows in the units' order: points, maxima and counts summed
    over its criteria. Sums run across columns of one-row-per-unit slices rather than
    grouping millions of rows, and add in rubric order, so every run gives the same bits."""
    columns = ("points", "max_points", "available_max", "missing", "excluded")
    where = [domain.id for domain, _, _ in rubric.leaves()]
    slices = {c: _per_criterion(criteria, len(where), n_units, c) for c in columns}
    frames = []
    for domain in rubric.domains:
        mine = [i for i, d in enumerate(where) if d == domain.id]
        parts = {c: pl.DataFrame([slices[c][i].alias(str(i)) for i in mine]) for c in columns}
        frames.append(
            pl.DataFrame(
                {
                    "points": parts["points"]
                    .select(pl.sum_horizontal(pl.all()).round(9))
                    .to_series(),
                    "max_points": parts["max_points"].sum_horizontal(),
                    "available_max": parts["available_max"].sum_horizontal(),
                    "criteria_missing": parts["missing"].sum_horizontal().cast(pl.UInt32),
                    "criteria_excluded": parts["excluded"].sum_horizontal().cast(pl.UInt32),
                }
            )
        )
    return frames


def _domain_table(units: pl.DataFrame, per_domain: list[pl.DataFrame], rubric: Rubric):
    """Return the domains table: one row per unit × domain, domains in rubric order within
    each unit, with labels and the percentage of the available maximum."""
    n_domains, n_units = len(per_domain), units.height
    # gathers of numbers and of one single-chunk key table: strings are never shuffled twice
    unit_of_row = pl.Series(np.repeat(np.arange(n_units), n_domains))
    domain_major = np.arange(n_domains * n_units).reshape(n_domains, n_units)
    values = pl.concat(per_domain, rechunk=True).select(
        pl.all().gather(pl.Series(domain_major.T.ravel()))
    )
    domain_of_row = pl.Series(np.tile(np.arange(n_domains), n_units))
    # labels as categoricals, as in the criteria table: a few strings shared by many rows
    labels = pl.DataFrame(
        {
            name: pl.Series([getattr(d, attribute) for d in rubric.domains], dtype=pl.Categorical)
            for name, attribute in (
                ("domain_id", "id"),
                ("domain_label_vi", "label_vi"),
                ("domain_label_en", "label_en"),
            )
        }
    ).with_columns(domain_order=pl.int_range(1, n_domains + 1, dtype=pl.Int64))
    text = labels.select(pl.all().gather(domain_of_row))
    keys = units.rechunk().select(pl.all().gather(unit_of_row))
    return (
        pl.concat([keys, values, text], how="horizontal")
        .with_columns(
            pct=pl.when(pl.col("available_max") > 0)
            .then(pl.col("points") / pl.col("available_max") * 100)
            .round(2),
        )
        .select(
            *KEYS,
            "domain_id",
            *values.columns,
            "domain_label_vi",
            "domain_label_en",
            "domain_order",
            "pct",
        )
    )


def _sum_frames(frames: list[pl.DataFrame], column: str) -> pl.Series:
    """Return ``column`` added across same-length frames, row by row."""
    return pl.DataFrame([f[column].alias(str(i)) for i, f in enumerate(frames)]).sum_horizontal()


def score_indicators(indicators: pl.DataFrame, rubric: Rubric, explain: bool = True) -> Scores:
    """Score every province × period in a standardised long indicator table with a rubric
    (``explain=False`` leaves the explanation columns empty, for large batch runs)."""
    inputs = sorted({i for _, leaf in rubric.criteria() for i in _inputs(leaf)})
    # units sorted once, here, so every table below comes out in period, province order
    wide = to_wide(indicators, inputs).sort("period", "province_code", "era")
    units = wide.select(KEYS)
    labels = {d.id: (d.label_vi, d.label_en) for d in rubric.domains}
    # One lazy query per criterion, concatenated in rubric order and run in parallel: the
    # criteria table comes out criterion by criterion, each in the units' order (the domain
    # sums rely on it). Repeated labels are categorical: millions of rows share a few strings.
    criteria = pl.concat(
        [
            score_criterion(
                wide.lazy(), domain, criterion, rubric.defaults.missing, order, path, explain
            ).with_columns(
                domain_label_vi=pl.lit(labels[domain.id][0]).cast(pl.Categorical),
                domain_label_en=pl.lit(labels[domain.id][1]).cast(pl.Categorical),
            )
            for order, (domain, path, criterion) in enumerate(rubric.leaves(), start=1)
        ]
    ).collect()
    per_domain = _domain_sums(criteria, units.height, rubric)
    domains = _domain_table(units, per_domain, rubric)
    counts = ("max_points", "available_max", "criteria_missing", "criteria_excluded")
    totals = units.with_columns(
        points=_sum_frames(per_domain, "points").round(9),
        **{c: _sum_frames(per_domain, c).cast(per_domain[0][c].dtype) for c in counts},
    )
    return Scores(criteria=criteria, domains=domains, totals=rank_totals(totals, rubric))
