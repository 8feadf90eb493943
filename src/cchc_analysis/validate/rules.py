"""The row rules of an indicator table and their messages: each row checked (values, units,
jumps between periods), the identities between indicators (components add up to the total),
the provinces per period; failing rows → failure rows naming file, row, column and rule."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import polars as pl

from cchc_analysis.reference.catalogue import load_catalogue, terms

if TYPE_CHECKING:  # the options are defined with the entry point that takes them
    from cchc_analysis.validate.indicators import ValidationOptions

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
ROW_ID = "_row_id"

# rule → (column reported, message in Vietnamese, message in English)
_ROW_RULES = {
    "value_is_number": ("value", "Giá trị không phải là số", "The value is not a number"),
    "value_present": ("value", "Thiếu giá trị", "The value is missing"),
    "period_format": (
        "period",
        "Kỳ báo cáo không đúng định dạng hoặc ngoài phạm vi "
        "(2025, 2022-H1, 2022-9M, 2022-Q3, 2025-M07)",
        "Unrecognised or out-of-range period (use 2025, 2022-H1, 2022-9M, 2022-Q3, 2025-M07)",
    ),
    "province_resolvable": ("province", "Không xác định được tỉnh/thành phố", "Unknown province"),
    "indicator_known": (
        "indicator",
        "Mã chỉ tiêu không có trong danh mục",
        "Indicator id not in the catalogue",
    ),
    "unique_key": (
        "province, period, indicator",
        "Trùng khóa (tỉnh, kỳ, chỉ tiêu): dòng này và dòng khác cùng khóa",
        "Duplicate key (province, period, indicator): this row and another share it",
    ),
    "value_bounds": (
        "value",
        "Giá trị ngoài giới hạn cho phép",
        "Value outside the allowed bounds",
    ),
    "year_on_year_jump": (
        "value",
        "Thay đổi bất thường so với kỳ trước",
        "Unusual change since the previous period",
    ),
    "percent_as_fraction": (
        "value",
        "Tỷ lệ phần trăm viết như một phân số? (0,9835 thay vì 98,35): kiểm tra lại",
        "A percentage written as a fraction? (0.9835 instead of 98.35): check it",
    ),
    "unit_contradicts_catalogue": (
        "value",
        "Dấu % hoặc đơn vị % cho một chỉ tiêu không phải tỷ lệ phần trăm trong danh mục",
        "A % sign or unit on an indicator the catalogue does not measure in percent",
    ),
}
# Units written in a unit column or after a value that mean "percent".
PERCENT_UNITS = ("%", "phần trăm", "percent", "pct", "tỷ lệ (%)", "(%)")
# Longest input text a failure repeats (value) and longest message: a 10 MB cell is named,
# not copied into the failures table, the terminal or the Data Docs.
MAX_VALUE_SHOWN = 200
MAX_MESSAGE_SHOWN = 600


@cache
def load_identities() -> pl.DataFrame:
    """Return the identities between indicators (id, kind, left, right, tolerance, severity,
    message_vi, message_en), read from the package's ``identities.csv``."""
    path = resources.files("cchc_analysis") / "data" / "identities.csv"
    return pl.read_csv(path.read_bytes(), schema_overrides={"tolerance": pl.Float64})


PAR_COMPONENTS = "par.appraisal_points+par.sipas_points+par.leader_survey_points+par.impact_points"
PAR_SCALE = 100.0  # the PAR INDEX is out of 100 points: its components cannot add up to more


@cache
def _identities() -> pl.DataFrame:
    """The identities plus the rules against a constant (``scale``: the sum of the present
    terms of ``left`` may not exceed it, missing terms counting as 0)."""
    scale_rules = pl.DataFrame(
        {
            "id": ["par_components_within_scale"],
            "kind": ["le"],
            "left": [PAR_COMPONENTS],
            "right": [""],
            "tolerance": [0.01],
            "severity": ["error"],
            "message_vi": ["Tổng các điểm thành phần PAR INDEX vượt thang điểm 100"],
            "message_en": [
                "The PAR INDEX component points add up to more than the 100-point scale"
            ],
            "scale": [PAR_SCALE],
        }
    )
    return pl.concat(
        [load_identities().with_columns(scale=pl.lit(None, dtype=pl.Float64)), scale_rules],
        how="diagonal_relaxed",
    )


def _gap_expr(spec: dict[str, Any]) -> pl.Expr:
    """left − right of an identity (null when a term is missing), or, for a scale rule, the
    sum of the present terms of left − the scale (null when none is present)."""
    if spec.get("scale") is None:
        return _sum_expr(spec["left"]) - _sum_expr(spec["right"])
    columns = [pl.col(_column_name(name)) for name in terms(spec["left"])]
    present = pl.sum_horizontal([c.is_not_null() for c in columns])
    return pl.when(present > 0).then(pl.sum_horizontal(columns) - spec["scale"])


def _jump_scores(indicators: pl.DataFrame, options: ValidationOptions) -> pl.DataFrame:
    """Return ROW_ID, previous_value and jump_score (|change| over its threshold; > 1 is a jump)
    against the same province, indicator and kind of period one year earlier, same era."""
    units = load_catalogue().select(pl.col("id").alias("indicator"), "unit")
    # keys as categoricals: joining a million rows on integer codes, not on strings
    keyed = (
        indicators.filter(pl.col("province_code").is_not_null() & pl.col("value").is_not_null())
        .select(ROW_ID, "province_code", "era", "period", "year", "indicator", "value")
        .with_columns(part=pl.col("period").str.slice(4))
        .with_columns(pl.col("province_code", "era", "indicator", "part").cast(pl.Categorical))
    )
    previous = keyed.select(
        "province_code",
        "era",
        "indicator",
        "part",
        (pl.col("year") + 1).alias("year"),
        pl.col("value").alias("previous_value"),
    ).unique(subset=["province_code", "era", "indicator", "part", "year"], keep="first")
    relative = pl.col("unit").is_in(["count", "amount"])
    change = (pl.col("value") - pl.col("previous_value")).abs()
    return (
        keyed.join(previous, on=["province_code", "era", "indicator", "part", "year"])
        .join(
            units.with_columns(pl.col("indicator").cast(pl.Categorical)), on="indicator", how="left"
        )
        .with_columns(
            jump_score=pl.when(relative & (pl.col("previous_value") > 0))
            .then(change / pl.col("previous_value") / options.max_jump_ratio)
            .when(~relative)
            .then(change / options.max_jump_points)
        )
        .select(ROW_ID, "previous_value", "jump_score")
    )


def _with_checks(indicators: pl.DataFrame, options: ValidationOptions) -> pl.DataFrame:
    """Return the rows with what the row rules need: catalogue bounds and the jump score."""
    bounds = load_catalogue().select(
        pl.col("id").alias("indicator"),
        pl.col("min").alias("bound_min"),
        pl.col("max").alias("bound_max"),
        pl.col("unit").alias("catalogue_unit"),
    )
    if "unit" not in indicators.columns:
        indicators = indicators.with_columns(unit=pl.lit(None, dtype=pl.String))
    text = (
        pl.col("value_text").str.strip_chars().str.ends_with("%").fill_null(False)
        if "value_text" in indicators.columns
        else pl.lit(False)
    )
    unit_says_percent = (
        pl.col("unit").str.strip_chars().str.to_lowercase().is_in(PERCENT_UNITS).fill_null(False)
    )
    not_percent = pl.col("catalogue_unit").is_not_null() & (pl.col("catalogue_unit") != "percent")
    return (
        indicators.join(bounds, on="indicator", how="left", maintain_order="left")
        .join(_jump_scores(indicators, options), on=ROW_ID, how="left", maintain_order="left")
        .with_columns(
            key_province=_key_province(),
            # a share typed as a fraction: 0 < value < 1 in a percent indicator
            fraction_flag=pl.when(pl.col("value").is_not_null())
            .then(
                (
                    (pl.col("catalogue_unit") == "percent")
                    & (pl.col("value") > 0)
                    & (pl.col("value") < 1)
                ).cast(pl.Int8)
            )
            .otherwise(None),
            unit_flag=(not_percent & (text | unit_says_percent)).cast(pl.Int8),
            unit_source=pl.when(not_percent & unit_says_percent & ~text)
            .then(pl.lit("unit"))
            .otherwise(pl.lit("value")),
        )
    )


def _escaped(text: pl.Expr) -> pl.Expr:
    """HTML-escaped text (& < > " '), the same characters html.escape replaces."""
    return (
        text.str.replace_all("&", "&amp;", literal=True)
        .str.replace_all("<", "&lt;", literal=True)
        .str.replace_all(">", "&gt;", literal=True)
        .str.replace_all('"', "&quot;", literal=True)
        .str.replace_all("'", "&#x27;", literal=True)
    )


def _key_province() -> pl.Expr:
    """The province for key uniqueness: an unresolved row gets a key of its own (it is
    reported by ``province_resolvable``, not as a duplicate of every other unresolved row)."""
    return pl.coalesce("province_code", pl.format("?{}", pl.col(ROW_ID)))


def _row_failures(rows: pl.DataFrame, hits: pl.DataFrame) -> pl.DataFrame:
    """Return the failures table of the row rules (one row per failing input row and rule)."""
    if hits.is_empty():
        return pl.DataFrame(schema=FAILURE_COLUMNS)
    rules = pl.DataFrame(
        [{"rule": k, "column_": c, "vi": vi, "en": en} for k, (c, vi, en) in _ROW_RULES.items()]
    )
    has_problem = "value_problem" in rows.columns
    has_period_problem = "period_problem" in rows.columns
    upper = (
        pl.when(pl.col("bound_max").is_null())
        .then(pl.lit("∞"))
        .otherwise(pl.col("bound_max").round(4).cast(pl.String))
    )
    bounds = pl.format(" [{}; {}]", pl.col("bound_min").round(4).cast(pl.String), upper)
    jump = pl.format(
        " ({} → {})",
        pl.col("previous_value").round(2).cast(pl.String),
        pl.col("value").round(2).cast(pl.String),
    )
    detail = (
        pl.when(pl.col("rule") == "value_bounds")
        .then(bounds)
        .when(pl.col("rule") == "year_on_year_jump")
        .then(jump)
        .when(pl.col("rule") == "province_resolvable")
        .then(pl.format(": {}", "province_problem"))
        .when((pl.col("rule") == "period_format") & pl.lit(has_period_problem))
        .then(pl.format(": {}", pl.col("period_problem") if has_period_problem else pl.lit("")))
        .when((pl.col("rule") == "value_is_number") & pl.lit(has_problem))
        .then(pl.format(": {}", pl.col("value_problem") if has_problem else pl.lit("")))
        .otherwise(pl.lit(""))
        .fill_null("")
    )
    joined = (
        hits.filter(pl.col(ROW_ID).is_not_null())
        .join(rows, on=ROW_ID, how="left")
        .with_columns(
            rule=pl.when(
                (pl.col("rule") == "value_is_number")
                & (pl.col("value_text").is_null() | (pl.col("value_text") == ""))
            )
            .then(pl.lit("value_present"))
            .otherwise("rule")
        )
        .join(rules, on="rule", how="left")
        # a province that could not be looked up because the period failed is not unknown:
        # the period's failure says what is wrong with the row
        .filter(
            ~(
                (pl.col("rule") == "province_resolvable")
                & pl.col("period").is_null()
                & pl.col("province_raw").is_not_null()
            )
        )
    )
    return joined.select(
        "file",
        pl.col("row").cast(pl.Int64),
        _clipped(pl.col("province_raw"), MAX_VALUE_SHOWN).alias("province"),
        _clipped(pl.col("period_raw"), MAX_VALUE_SHOWN).alias("period"),
        "indicator",
        pl.when(
            (pl.col("rule") == "unit_contradicts_catalogue") & (pl.col("unit_source") == "unit")
        )
        .then(pl.lit("unit"))
        .when(pl.col("column_") == "value")
        .then(pl.col("column"))
        # a wide table's unknown indicator is the header of the cell's column
        .when((pl.col("rule") == "indicator_known") & (pl.col("column") != "value"))
        .then(pl.col("column"))
        .otherwise(pl.col("column_"))
        .alias("column"),
        # the text of the column at fault, not the value cell's
        _clipped(
            pl.when(pl.col("rule") == "period_format")
            .then(pl.col("period_raw"))
            .when(pl.col("rule") == "province_resolvable")
            .then(pl.col("province_raw"))
            .when(pl.col("rule") == "indicator_known")
            .then(pl.col("indicator"))
            .otherwise(pl.col("value_text")),
            MAX_VALUE_SHOWN,
        ).alias("value"),
        "rule",
        "severity",
        _clipped(pl.col("vi") + detail, MAX_MESSAGE_SHOWN).alias("message_vi"),
        _clipped(pl.col("en") + detail, MAX_MESSAGE_SHOWN).alias("message_en"),
    ).unique(  # a wide row's period or province fails once, not once per indicator cell
        subset=["file", "row", "column", "rule"], keep="first", maintain_order=True
    )


def _clipped(text: pl.Expr, limit: int) -> pl.Expr:
    """The text cut to ``limit`` characters, saying how many were left out."""
    return (
        pl.when(text.str.len_chars() > limit)
        .then(
            text.str.slice(0, limit)
            + pl.format("… [{} more characters]", text.str.len_chars() - limit)
        )
        .otherwise(text)
    )


# ---------------------------------------------------------------- indicator tables: identities


def _column_name(indicator: str) -> str:
    return indicator.replace(".", "__")


def _sum_expr(expression: str) -> pl.Expr:
    parts = [pl.col(_column_name(name)) for name in terms(expression)]
    total = parts[0]
    for part in parts[1:]:
        total = total + part
    return total


def _wide_frame(indicators: pl.DataFrame) -> pl.DataFrame:
    """Return one row per resolved province × period (with a ``_key_id``) and a
    ``gap__<identity>`` column each: left − right (null when an input is missing)."""
    identities = _identities()
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
    return wide.with_row_index("_key_id").with_columns(
        [_gap_expr(spec).alias(f"gap__{spec['id']}") for spec in identities.iter_rows(named=True)]
    )


def _identity_failures(
    indicators: pl.DataFrame, wide: pl.DataFrame, hits: pl.DataFrame
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Return (failures, ids of rejected rows): one failure per input row taking part in a
    broken identity."""
    if hits.is_empty():
        return pl.DataFrame(schema=FAILURE_COLUMNS), pl.DataFrame(schema={ROW_ID: pl.Int64})
    specs = _identities()
    involved = pl.DataFrame(
        [
            {
                "rule": s["id"],
                "indicator": i,
                "left": s["left"],
                "right": s["right"],
                "vi": s["message_vi"],
                "en": s["message_en"],
                "gap_column": f"gap__{s['id']}",
            }
            for s in specs.iter_rows(named=True)
            for i in terms(s["left"]) + terms(s["right"])
        ]
    )
    gaps = wide.unpivot(
        index=["_key_id", "province_code", "period"],
        on=[c for c in wide.columns if c.startswith("gap__")],
        variable_name="gap_column",
        value_name="gap",
    )
    failing = (
        hits.rename({"_key_id": "key"})
        .join(gaps.rename({"_key_id": "key"}), on="key")
        .join(involved, on="gap_column")
        .filter(pl.col("gap_column") == pl.format("gap__{}", "rule"))
        .join(
            indicators.select(ROW_ID, "province_code", "period", "indicator"),
            on=["province_code", "period", "indicator"],
        )
        .join(indicators.drop("province_code", "period", "indicator"), on=ROW_ID)
    )
    detail = (
        pl.when(pl.col("right") == "")
        .then(pl.format(" ({} = {} + {})", "left", pl.lit(PAR_SCALE), pl.col("gap").round(4)))
        .otherwise(pl.format(" ({} − ({}) = {})", "left", "right", pl.col("gap").round(4)))
    )
    table = failing.select(
        "file",
        pl.col("row").cast(pl.Int64),
        _clipped(pl.col("province_raw"), MAX_VALUE_SHOWN).alias("province"),
        _clipped(pl.col("period_raw"), MAX_VALUE_SHOWN).alias("period"),
        "indicator",
        "column",
        _clipped(pl.col("value_text"), MAX_VALUE_SHOWN).alias("value"),
        "rule",
        "severity",
        (pl.col("vi") + detail).alias("message_vi"),
        (pl.col("en") + detail).alias("message_en"),
    )
    return table, failing.filter(pl.col("severity") == "error").select(ROW_ID)


# ---------------------------------------------------------------- indicator tables: periods


def _period_counts(indicators: pl.DataFrame) -> pl.DataFrame:
    """Return one row per period: provinces present and provinces expected for its era."""
    return (
        indicators.filter(pl.col("era").is_not_null())
        .group_by("period", "era")
        .agg(pl.col("province_code").n_unique().alias("provinces"), pl.col("file").first())
        .with_columns(
            expected=pl.col("era").replace_strict(EXPECTED_PROVINCES, return_dtype=pl.Int64)
        )
        .sort("period")
        .with_row_index("_period_id")
    )


def _period_failures(counts: pl.DataFrame, hits: pl.DataFrame) -> pl.DataFrame:
    failing = hits.rename({"_period_id": "_id"}).join(
        counts.rename({"_period_id": "_id"}), on="_id"
    )
    return failing.select(
        "file",
        pl.lit(None, dtype=pl.Int64).alias("row"),
        pl.lit(None, dtype=pl.String).alias("province"),
        "period",
        pl.lit(None, dtype=pl.String).alias("indicator"),
        pl.lit("province").alias("column"),
        pl.col("provinces").cast(pl.String).alias("value"),
        "rule",
        "severity",
        pl.format("Kỳ {} có {} tỉnh, dự kiến {}", "period", "provinces", "expected").alias(
            "message_vi"
        ),
        pl.format(
            "Period {} has {} provinces; {} expected", "period", "provinces", "expected"
        ).alias("message_en"),
    )
