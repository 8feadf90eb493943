"""Great Expectations suites for indicator tables, and the failures table people read.

The only module that imports great_expectations (2–7 s to import) and the only place a Polars
frame becomes pandas. Every rule is an expectation whose ``meta`` names the rule; its failing
rows come back by their row number in the original file.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import polars as pl

from cchc_analysis.catalogue import load_catalogue, terms

FAILURE_COLUMNS = {
    "file": pl.String,
    "row": pl.Int64,
    "province": pl.String,
    "period": pl.String,
    "indicator": pl.String,
    "column": pl.String,
    "value": pl.String,
    "rule": pl.String,
    "severity": pl.String,
    "message_vi": pl.String,
    "message_en": pl.String,
}
EXPECTED_PROVINCES = {"63": 63, "34": 34}

_MESSAGES = {
    "value_is_number": ("Giá trị không phải là số", "The value is not a number"),
    "value_present": ("Thiếu giá trị", "The value is missing"),
    "period_format": (
        "Kỳ báo cáo không đúng định dạng (2025, 2022-H1, 2022-9M, 2022-Q3)",
        "Unrecognised period (use 2025, 2022-H1, 2022-9M, 2022-Q3)",
    ),
    "province_resolvable": ("Không xác định được tỉnh/thành phố", "Unknown province"),
    "indicator_known": ("Mã chỉ tiêu không có trong danh mục", "Indicator id not in the catalogue"),
    "unique_key": (
        "Trùng khóa (tỉnh, kỳ, chỉ tiêu)",
        "Duplicate key (province, period, indicator)",
    ),
    "value_bounds": ("Giá trị ngoài giới hạn cho phép", "Value outside the allowed bounds"),
    "province_count": ("Số tỉnh trong kỳ khác số tỉnh dự kiến", "Unexpected number of provinces"),
}


class ValidationFailed(ValueError):
    """Raised when a table has errors; ``failures`` is the failures table."""

    def __init__(self, failures: pl.DataFrame) -> None:
        self.failures = failures
        errors = failures.filter(pl.col("severity") == "error")
        super().__init__(
            f"{errors.height} error(s) in the indicator table:\n"
            + format_failures(errors, limit=20)
        )


@dataclass(frozen=True)
class ValidationResult:
    """The checked table and everything found wrong with it."""

    indicators: pl.DataFrame  # the standardised input (all rows)
    failures: pl.DataFrame  # FAILURE_COLUMNS; empty when clean

    @property
    def ok(self) -> bool:
        """True when no failure has severity 'error'."""
        return self.failures.filter(pl.col("severity") == "error").is_empty()


@cache
def load_identities() -> pl.DataFrame:
    """Return the identities between indicators (id, kind, left, right, tolerance, severity,
    message_vi, message_en), read from the package's ``identities.csv``."""
    path = resources.files("cchc_analysis") / "data" / "identities.csv"
    return pl.read_csv(path.read_bytes(), schema_overrides={"tolerance": pl.Float64})


def _column_name(indicator: str) -> str:
    return indicator.replace(".", "__")


def _sum_expr(expression: str) -> pl.Expr:
    parts = [pl.col(_column_name(name)) for name in terms(expression)]
    total = parts[0]
    for part in parts[1:]:
        total = total + part
    return total


def _long_expectations() -> list[Any]:
    import great_expectations.expectations as gxe

    catalogue = load_catalogue()
    expectations: list[Any] = [
        gxe.ExpectColumnValuesToNotBeNull(column="value", meta={"rule": "value_is_number"}),
        gxe.ExpectColumnValuesToNotBeNull(column="period", meta={"rule": "period_format"}),
        gxe.ExpectColumnValuesToNotBeNull(
            column="province_code", meta={"rule": "province_resolvable"}
        ),
        gxe.ExpectColumnValuesToBeInSet(
            column="indicator",
            value_set=catalogue["id"].to_list(),
            meta={"rule": "indicator_known"},
        ),
        gxe.ExpectCompoundColumnsToBeUnique(
            column_list=["province_code", "period", "indicator"], meta={"rule": "unique_key"}
        ),
    ]
    # Bounds differ per indicator: they are joined onto each row (see ``_with_bounds``) so two
    # column-pair expectations check them all, instead of one filtered pass per indicator.
    expectations += [
        gxe.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="value",
            column_B="bound_min",
            or_equal=True,
            ignore_row_if="either_value_is_missing",
            meta={"rule": "value_bounds"},
        ),
        gxe.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="bound_max",
            column_B="value",
            or_equal=True,
            ignore_row_if="either_value_is_missing",
            meta={"rule": "value_bounds"},
        ),
    ]
    return expectations


def _with_bounds(indicators: pl.DataFrame) -> pl.DataFrame:
    """Return the rows with their indicator's catalogue bounds as bound_min, bound_max."""
    bounds = load_catalogue().select(
        pl.col("id").alias("indicator"),
        pl.col("min").alias("bound_min"),
        pl.col("max").alias("bound_max"),
    )
    return indicators.join(bounds, on="indicator", how="left", maintain_order="left")


def _period_counts(indicators: pl.DataFrame) -> pl.DataFrame:
    """Return one row per period: provinces present and provinces expected for its era."""
    return (
        indicators.filter(pl.col("era").is_not_null())
        .group_by("period", "era")
        .agg(pl.col("province_code").n_unique().alias("provinces"))
        .with_columns(
            expected=pl.col("era").replace_strict(EXPECTED_PROVINCES, return_dtype=pl.Int64)
        )
        .sort("period")
    )


def _period_expectations() -> list[Any]:
    import great_expectations.expectations as gxe

    return [
        gxe.ExpectColumnPairValuesToBeEqual(
            column_A="provinces",
            column_B="expected",
            severity="warning",
            meta={"rule": "province_count"},
        )
    ]


def _wide_frame(indicators: pl.DataFrame) -> pl.DataFrame:
    """Return one row per resolved province × period with an ``gap__<identity>`` column each:
    left − right (null when an input is missing)."""
    identities = load_identities()
    needed = {i for expr in (*identities["left"], *identities["right"]) for i in terms(expr)}
    resolved = indicators.filter(
        pl.col("province_code").is_not_null()
        & pl.col("period").is_not_null()
        & pl.col("indicator").is_in(needed)
    )
    wide = resolved.pivot(
        on="indicator",
        index=["province_code", "period"],
        values="value",
        aggregate_function="first",
    )
    wide = wide.rename({c: _column_name(c) for c in wide.columns if c in needed})
    wide = wide.with_columns(
        [
            pl.lit(None, dtype=pl.Float64).alias(_column_name(c))
            for c in needed
            if _column_name(c) not in wide.columns
        ]
    )
    return wide.with_columns(
        [
            (_sum_expr(spec["left"]) - _sum_expr(spec["right"])).alias(f"gap__{spec['id']}")
            for spec in identities.iter_rows(named=True)
        ]
    )


def _wide_expectations() -> list[Any]:
    import great_expectations.expectations as gxe

    expectations = []
    for spec in load_identities().iter_rows(named=True):
        tolerance = spec["tolerance"] or 0.0
        expectations.append(
            gxe.ExpectColumnValuesToBeBetween(
                column=f"gap__{spec['id']}",
                min_value=-tolerance if spec["kind"] == "equal" else None,
                max_value=tolerance,
                severity="warning" if spec["severity"] == "warning" else "critical",
                meta={"rule": spec["id"]},
            )
        )
    return expectations


@cache
def _context() -> Any:
    import great_expectations as gx

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = {"globally": False}  # type: ignore[assignment]
    return context


def run_suite(
    frame: pl.DataFrame, name: str, expectations: list[Any], index_columns: list[str]
) -> list[Any]:
    """Run expectations on a frame with Great Expectations; return the expectation results
    (COMPLETE format, failing rows identified by ``index_columns``)."""
    import great_expectations as gx

    context = _context()
    source = context.data_sources.add_or_update_pandas(f"{name}_source")
    asset = source.add_dataframe_asset(name)
    batch = asset.add_batch_definition_whole_dataframe(f"{name}_batch")
    suite = gx.ExpectationSuite(name=f"{name}_suite", expectations=expectations)
    suite = context.suites.add_or_update(suite)
    definition = context.validation_definitions.add_or_update(
        gx.ValidationDefinition(name=f"{name}_validation", data=batch, suite=suite)
    )
    result = definition.run(
        batch_parameters={"dataframe": frame.to_pandas()},
        result_format={"result_format": "COMPLETE", "unexpected_index_column_names": index_columns},
    )
    return list(result.results)


def _failure(
    row: dict[str, Any], rule: str, severity: str, message: tuple[str, str], column: str = "value"
) -> dict[str, Any]:
    return {
        "file": row.get("file"),
        "row": row.get("row"),
        "province": row.get("province_raw"),
        "period": row.get("period_raw"),
        "indicator": row.get("indicator"),
        "column": column,
        "value": row.get("value_text"),
        "rule": rule,
        "severity": severity,
        "message_vi": message[0],
        "message_en": message[1],
    }


def _long_failures(indicators: pl.DataFrame, results: list[Any]) -> list[dict[str, Any]]:
    by_row = {r["row"]: r for r in indicators.iter_rows(named=True)}
    failures: list[dict[str, Any]] = []
    for result in results:
        meta = result.expectation_config.meta or {}
        rule = meta.get("rule", result.expectation_config.type)
        severity = (
            "warning" if str(result.expectation_config.severity).endswith("WARNING") else "error"
        )
        if result.success:
            continue
        for hit in result.result.get("unexpected_index_list") or []:
            row = by_row[hit["row"]]
            vi, en = _MESSAGES[rule]
            column = "value"
            if rule == "value_is_number" and not row["value_text"]:
                rule_name, (vi, en) = "value_present", _MESSAGES["value_present"]
            else:
                rule_name = rule
            if rule == "province_resolvable":
                column, vi, en = (
                    "province",
                    f"{vi}: {row['province_problem']}",
                    row["province_problem"],
                )
            elif rule == "period_format":
                column = "period"
            elif rule == "indicator_known":
                column = "indicator"
            elif rule == "value_bounds":
                upper = "∞" if row["bound_max"] is None else f"{row['bound_max']:g}"
                bounds = f"[{row['bound_min']:g}; {upper}]"
                vi, en = f"{vi} {bounds}", f"{en} {bounds}"
            elif rule == "unique_key":
                column = "province, period, indicator"
            failures.append(_failure(row, rule_name, severity, (vi, en), column))
    return failures


def _period_failures(counts: pl.DataFrame, file: str, results: list[Any]) -> list[dict[str, Any]]:
    failures = []
    for result in results:
        if result.success:
            continue
        for hit in result.result.get("unexpected_index_list") or []:
            period, observed, expected = hit["period"], hit["provinces"], hit["expected"]
            failures.append(
                {
                    **dict.fromkeys(FAILURE_COLUMNS),
                    "file": file,
                    "period": period,
                    "column": "province",
                    "value": str(observed),
                    "rule": "province_count",
                    "severity": "warning",
                    "message_vi": f"Kỳ {period} có {observed} tỉnh, dự kiến {expected}",
                    "message_en": f"Period {period} has {observed} provinces; {expected} expected",
                }
            )
    return failures


def _identity_failures(
    indicators: pl.DataFrame, wide: pl.DataFrame, results: list[Any]
) -> list[dict[str, Any]]:
    identities = {spec["id"]: spec for spec in load_identities().iter_rows(named=True)}
    rows = {
        (r["province_code"], r["period"], r["indicator"]): r
        for r in indicators.filter(pl.col("province_code").is_not_null()).iter_rows(named=True)
    }
    gaps = {(r["province_code"], r["period"]): r for r in wide.iter_rows(named=True)}
    failures = []
    for result in results:
        if result.success:
            continue
        spec = identities[result.expectation_config.meta["rule"]]
        left = terms(spec["left"])[0]
        for hit in result.result.get("unexpected_index_list") or []:
            key = (hit["province_code"], hit["period"])
            row = rows.get((*key, left), {})
            values = gaps[key]
            left_value = sum(values[_column_name(i)] for i in terms(spec["left"]))
            right_value = sum(values[_column_name(i)] for i in terms(spec["right"]))
            detail = f" ({spec['left']} = {left_value:g}; {spec['right']} = {right_value:g})"
            failures.append(
                _failure(
                    row,
                    spec["id"],
                    spec["severity"],
                    (spec["message_vi"] + detail, spec["message_en"] + detail),
                    column=left,
                )
            )
    return failures


def validate_indicators(indicators: pl.DataFrame) -> ValidationResult:
    """Run the indicator-table suites on a standardised long table (``load.standardise``);
    return it with the failures table (row numbers as in the original file)."""
    rows = _with_bounds(indicators)
    long_results = run_suite(rows, "indicator_rows", _long_expectations(), ["row"])
    wide = _wide_frame(indicators)
    wide_results = (
        run_suite(wide, "indicator_identities", _wide_expectations(), ["province_code", "period"])
        if wide.height
        else []
    )
    counts = _period_counts(indicators)
    count_results = (
        run_suite(
            counts, "indicator_periods", _period_expectations(), ["period", "provinces", "expected"]
        )
        if counts.height
        else []
    )
    file = indicators["file"][0] if indicators.height else ""
    failures = (
        _long_failures(rows, long_results)
        + _identity_failures(indicators, wide, wide_results)
        + _period_failures(counts, file, count_results)
    )
    table = pl.DataFrame(failures, schema=FAILURE_COLUMNS).sort(
        "severity", "file", "row", "rule", nulls_last=True
    )
    return ValidationResult(indicators=indicators, failures=table)


def format_failures(failures: pl.DataFrame, lang: str = "en", limit: int | None = None) -> str:
    """Return the failures as an aligned plain-text table (file:row, column, rule, message)."""
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
