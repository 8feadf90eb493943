"""Validation of the three table kinds (indicator tables, rubric files, published scores) with
Great Expectations: the entry points and their options and result.

The rules and their messages are in ``validate.rules``, the suites and running them in
``validate.suites`` (the only module that imports great_expectations, 2–7 s to import, and the
only place a Polars frame becomes pandas), the failures table in ``validate.failures``, Data
Docs in ``validate.datadocs``. Every rule is an expectation whose ``meta`` names the rule;
failing rows come back by an internal row id and are reported with their row number in the
original file. Two severities: an ``error`` blocks the pipeline, a ``warning`` is reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import polars as pl

from cchc_analysis.validate.datadocs import localise_data_docs
from cchc_analysis.validate.rules import (
    ROW_ID,
    _escaped,
    _identity_failures,
    _period_counts,
    _period_failures,
    _row_failures,
    _wide_frame,
    _with_checks,
)
from cchc_analysis.validate.suites import (
    _gx_severity,
    _hits,
    _identity_expectations,
    _period_expectations,
    _row_expectations,
    run_suite,
)


@dataclass(frozen=True)
class ValidationOptions:
    """Thresholds of the warning rules (configurable from the CLI)."""

    max_jump_points: float = 20.0  # percent and points indicators: |change| in points
    max_jump_ratio: float = 1.0  # counts and amounts: |change| / previous value
    docs_dir: Path | None = None  # build Great Expectations Data Docs here when given


@dataclass(frozen=True)
class ValidationResult:
    """The checked table and everything found wrong with it."""

    indicators: pl.DataFrame  # the standardised input (all rows)
    failures: pl.DataFrame  # FAILURE_COLUMNS; empty when clean
    rejected_ids: frozenset[int] = field(default_factory=frozenset)  # internal ids of bad rows
    notes: tuple[str, ...] = ()  # what the readers skipped or read unusually (hidden sheets…)

    @property
    def ok(self) -> bool:
        """True when no failure has severity 'error'."""
        return self.failures.filter(pl.col("severity") == "error").is_empty()

    def split(self) -> tuple[pl.DataFrame, pl.DataFrame]:
        """Return (accepted, quarantined) rows: every input row of a file (file, row) that has
        an error goes to quarantine whole, with its reasons; every other row is accepted.
        Each input row lands in exactly one of the two."""
        reasons = (
            self.failures.filter(pl.col("severity") == "error")
            .group_by("file", "row")
            .agg(
                pl.format("{}: {}", "rule", "message_en")
                .unique(maintain_order=True)
                .str.join("; ")
                .alias("reasons")
            )
        )
        keyed = self.indicators.with_columns(pl.col("row").cast(pl.Int64))
        bad_rows = (
            keyed.filter(pl.col(ROW_ID).is_in(list(self.rejected_ids)))
            .select("file", "row")
            .unique()
        )
        quarantined = keyed.join(bad_rows, on=["file", "row"], how="semi").join(
            reasons, on=["file", "row"], how="left"
        )
        accepted = keyed.join(bad_rows, on=["file", "row"], how="anti")
        return accepted, quarantined


def validate_indicators(
    indicators: pl.DataFrame | Path | str, options: ValidationOptions | None = None
) -> ValidationResult:
    """Run the indicator-table suites on a standardised long table (``load.standardise``),
    or on the table a path names (read first); return it with the failures table (row
    numbers as in the original file)."""
    if isinstance(indicators, str | Path):
        from cchc_analysis.read.load import load_indicators

        indicators = load_indicators(indicators)
    options = options or ValidationOptions()
    indicators = indicators.with_row_index(ROW_ID).with_columns(pl.col(ROW_ID).cast(pl.Int64))
    docs = options.docs_dir
    rows = _with_checks(indicators, options)
    # Only what the expectations read, texts as categoricals: the pandas copy stays small and
    # its null, set and uniqueness checks work on integer codes instead of Python strings.
    # Texts from the input reach the Data Docs only escaped: GX writes unexpected values as
    # they are (only the indicator id is raw input here; the others are canonical codes).
    checked = rows.with_columns(indicator=_escaped(pl.col("indicator"))).select(
        ROW_ID,
        "value",
        *(
            pl.col(c).cast(pl.Categorical)
            for c in ("period", "province_code", "indicator", "key_province")
        ),
        "bound_min",
        "bound_max",
        "jump_score",
        "fraction_flag",
        "unit_flag",
    )
    row_hits = _hits(
        run_suite(checked, "indicator_rows", _row_expectations(), [ROW_ID], docs), ROW_ID
    )
    wide = _wide_frame(indicators)
    identity_hits = (
        _hits(
            run_suite(wide, "indicator_identities", _identity_expectations(), ["_key_id"], docs),
            "_key_id",
        )
        if wide.height
        else pl.DataFrame(schema={"_key_id": pl.Int64, "rule": pl.String, "severity": pl.String})
    )
    counts = _period_counts(indicators)
    period_hits = (
        _hits(
            run_suite(
                counts.drop("file"),
                "indicator_periods",
                _period_expectations(),
                ["_period_id"],
                docs,
            ),
            "_period_id",
        )
        if counts.height
        else pl.DataFrame(schema={"_period_id": pl.Int64, "rule": pl.String, "severity": pl.String})
    )
    identity_table, identity_rejects = _identity_failures(indicators, wide, identity_hits)
    failures = pl.concat(
        [
            _row_failures(rows, row_hits),
            identity_table,
            _period_failures(counts, period_hits),
        ],
        how="vertical_relaxed",
    ).sort("severity", "file", "row", "rule", nulls_last=True)
    rejected = set(
        row_hits.filter((pl.col("severity") == "error") & pl.col(ROW_ID).is_not_null())[ROW_ID]
    ) | set(identity_rejects[ROW_ID])
    if docs is not None:
        localise_data_docs(docs)
    return ValidationResult(
        indicators=indicators, failures=failures, rejected_ids=frozenset(rejected)
    )


# ---------------------------------------------------------------- published scores


@cache
def published_table_specs() -> dict[str, dict[str, Any]]:
    """Return the shapes of published index tables (``data/published_tables.yaml``) by name."""
    import yaml

    path = resources.files("cchc_analysis") / "data" / "published_tables.yaml"
    specs: dict[str, dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return specs


def _published_frame(table: pl.DataFrame, spec: dict[str, Any]) -> pl.DataFrame:
    """Return the table with ROW_ID, resolved province, canonical period and the derived
    columns the published-scores rules check."""
    from cchc_analysis.read.standardise import with_provinces
    from cchc_analysis.reference.periods import PeriodError, parse_period

    def period_of(text: str | None) -> str | None:
        try:
            return str(parse_period(text)) if text else None
        except PeriodError:
            return None

    province, period = spec["province"], spec["period"]
    components = [pl.col(c).cast(pl.Float64, strict=False) for c in spec["components"]]
    total = pl.col(spec["total"]).cast(pl.Float64, strict=False)
    frame = table.with_columns(
        pl.col(province).cast(pl.String).alias("province_raw"),
        pl.col(period).cast(pl.String).alias("period_raw"),
    ).with_columns(
        period=pl.col("period_raw").map_elements(period_of, return_dtype=pl.String),
    )
    missing = pl.sum_horizontal([c.is_null().cast(pl.Int32) for c in components])
    return with_provinces(frame).with_columns(
        components_missing=pl.when(total.is_not_null()).then(missing),
        component_max=pl.max_horizontal(components),
        component_min=pl.min_horizontal(components),
        total_value=total,
        total_gap=(total - pl.sum_horizontal(components)).abs()
        if spec["total_is_sum"]
        else pl.lit(None, dtype=pl.Float64),
    )


def _published_expectations(spec: dict[str, Any]) -> list[Any]:
    import great_expectations.expectations as gxe

    rules = [
        gxe.ExpectColumnValuesToNotBeNull(
            column="province_code", meta={"rule": "province_resolvable"}
        ),
        gxe.ExpectColumnValuesToNotBeNull(column="period", meta={"rule": "period_format"}),
        gxe.ExpectCompoundColumnsToBeUnique(
            column_list=["key_province", "period"], meta={"rule": "unique_key"}
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="component_max",
            max_value=spec["component_max"],
            meta={"rule": "component_within_max"},
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="component_min", min_value=0, meta={"rule": "component_within_max"}
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="total_value",
            min_value=0,
            max_value=spec["total_max"],
            meta={"rule": "total_within_max"},
        ),
    ]
    if spec["total_is_sum"]:
        rules.append(
            gxe.ExpectColumnValuesToBeBetween(
                column="total_gap", max_value=spec["tolerance"], meta={"rule": "total_equals_parts"}
            )
        )
    if spec["components_required"]:
        rules.append(
            gxe.ExpectColumnValuesToBeBetween(
                column="components_missing", max_value=0, meta={"rule": "components_present"}
            )
        )
    return rules


_PUBLISHED_MESSAGES = {
    "province_resolvable": ("Không xác định được tỉnh/thành phố", "Unknown province"),
    "period_format": ("Kỳ không đúng định dạng", "Unrecognised period"),
    "unique_key": ("Trùng (tỉnh, kỳ)", "Duplicate (province, period)"),
    "component_within_max": (
        "Điểm thành phần ngoài [0; tối đa]",
        "A component is outside [0; maximum]",
    ),
    "total_within_max": ("Tổng điểm ngoài [0; tối đa]", "The total is outside [0; maximum]"),
    "total_equals_parts": (
        "Tổng khác tổng các thành phần (sai số > 0,01)",
        "The total differs from the sum of its components (by > 0.01)",
    ),
    "components_present": (
        "Có tổng điểm nhưng thiếu điểm thành phần",
        "A total is given but components are missing",
    ),
}


def validate_published_scores(
    table: pl.DataFrame, kind: str, file: str = "<table>", header_rows: int = 1
) -> pl.DataFrame:
    """Run the published-scores suite (spec ``kind`` of ``published_table_specs()``) on a wide
    table of published index values; return the failures table (rows as in the file, counting
    ``header_rows`` above the data)."""
    spec = published_table_specs()[kind]
    frame = (
        _published_frame(table, spec)
        .with_row_index(ROW_ID)
        .with_columns(
            pl.col(ROW_ID).cast(pl.Int64),
            (pl.col(ROW_ID) + header_rows + 1).cast(pl.Int64).alias("row"),
        )
    )
    hits = _hits(
        run_suite(frame, f"published_{kind}", _published_expectations(spec), [ROW_ID]), ROW_ID
    )
    messages = pl.DataFrame(
        [{"rule": k, "vi": vi, "en": en} for k, (vi, en) in _PUBLISHED_MESSAGES.items()]
    )
    detail = (
        pl.when(pl.col("rule") == "province_resolvable")
        .then(pl.format(": {}", "province_problem"))
        .otherwise(pl.lit(""))
        .fill_null("")
    )
    return (
        hits.filter(pl.col(ROW_ID).is_not_null())
        .join(frame, on=ROW_ID)
        .join(messages, on="rule", how="left")
        .select(
            pl.lit(file).alias("file"),
            "row",
            pl.col("province_raw").alias("province"),
            pl.col("period_raw").alias("period"),
            pl.lit(None, dtype=pl.String).alias("indicator"),
            pl.lit(spec["total"]).alias("column"),
            pl.col("total_value").cast(pl.String).alias("value"),
            "rule",
            "severity",
            (pl.col("vi") + detail).alias("message_vi"),
            (pl.col("en") + detail).alias("message_en"),
        )
        .sort("row", "rule")
    )


# ---------------------------------------------------------------- rubric files


def rubric_table(rubric: Any) -> pl.DataFrame:
    """Return a rubric flattened to one row per criterion: domain and criterion ids, their
    maximum points, the largest points any band gives, and the domain's criteria total."""
    records = []
    for domain, criterion in rubric.criteria():
        bands = criterion.rule.threshold_bands or []
        records.append(
            {
                "domain_id": domain.id,
                "criterion_id": criterion.id,
                "domain_max": domain.max_points
                if domain.max_points is not None
                else domain.max_for(None),
                "criterion_max": criterion.max_for(None),
                "band_points_max": max((b.points for b in bands), default=None),
                "domain_criteria_total": domain.max_for(None),
            }
        )
    return (
        pl.DataFrame(records)
        .with_row_index(ROW_ID)
        .with_columns(
            pl.col(ROW_ID).cast(pl.Int64),
            domain_gap=(pl.col("domain_max") - pl.col("domain_criteria_total")).abs(),
            band_excess=pl.col("band_points_max") - pl.col("criterion_max"),
        )
    )


def validate_rubric(rubric: Any) -> pl.DataFrame:
    """Run the rubric suite (band points ≤ the criterion maximum; a domain's maximum equals its
    criteria's within 0.01; the rubric totals 100); return (criterion_id, rule) per failure."""
    import great_expectations.expectations as gxe

    declared = sum(
        d.max_points if d.max_points is not None else d.max_for(None) for d in rubric.domains
    )
    table = rubric_table(rubric).with_columns(
        rubric_total=pl.lit(rubric.index_max_points or declared)
    )
    expectations = [
        gxe.ExpectColumnValuesToBeBetween(
            column="band_excess", max_value=0, meta={"rule": "band_points_within_max"}
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="domain_gap", max_value=0.01, meta={"rule": "domain_equals_criteria"}
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="rubric_total",
            min_value=99.99,
            max_value=100.01,
            severity=_gx_severity("warning"),
            meta={"rule": "rubric_totals_100"},
        ),
    ]
    hits = _hits(run_suite(table, "rubric", expectations, [ROW_ID]), ROW_ID)
    return hits.join(table.select(ROW_ID, "domain_id", "criterion_id"), on=ROW_ID).select(
        "domain_id", "criterion_id", "rule", "severity"
    )
