"""Great Expectations suites for the three table kinds (indicator tables, rubric files,
published scores) and the failures table people read.

The only module that imports great_expectations (2–7 s to import) and the only place a Polars
frame becomes pandas. Every rule is an expectation whose ``meta`` names the rule; failing rows
come back by an internal row id and are reported with their row number in the original file.
Two severities: an ``error`` blocks the pipeline, a ``warning`` is reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import polars as pl

from cchc_analysis.reference.catalogue import load_catalogue, terms

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


# ---------------------------------------------------------------- running Great Expectations


def _share_compiled_templates() -> None:
    """Great Expectations builds a new Jinja environment for every Data Docs page it renders,
    so it compiles the same ~150 templates again for every page (about a third of a
    validation run). Give every environment one in-memory bytecode cache: each template is
    compiled once per process. Without the private hook this is a no-op."""
    try:
        from great_expectations.render.view.view import DefaultJinjaView
        from jinja2 import BytecodeCache
    except ImportError:  # pragma: no cover - moved in another version: render as it does
        return

    class _Memory(BytecodeCache):
        def __init__(self) -> None:
            self.codes: dict[str, bytes] = {}

        def load_bytecode(self, bucket: Any) -> None:
            if bucket.key in self.codes:
                bucket.bytecode_from_string(self.codes[bucket.key])

        def dump_bytecode(self, bucket: Any) -> None:
            self.codes[bucket.key] = bucket.bytecode_to_string()

    memory = _Memory()
    original = DefaultJinjaView.__init__
    if getattr(original, "_cchc_shared", False):
        return

    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        env = getattr(self, "env", None)
        if env is not None and env.bytecode_cache is None:
            env.bytecode_cache = memory

    init._cchc_shared = True  # type: ignore[attr-defined]
    DefaultJinjaView.__init__ = init  # type: ignore[method-assign]


@cache
def _context() -> Any:
    import great_expectations as gx

    _share_compiled_templates()
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = {"globally": False}  # type: ignore[assignment]
    return context


def _docs_site(context: Any, docs_dir: Path) -> str:
    """Point the context's only Data Docs site at ``docs_dir``; return the site name."""
    site = "cchc_validation"
    for name in list(context.get_site_names()):
        context.delete_data_docs_site(name)
    context.add_data_docs_site(
        site_name=site,
        site_config={
            "class_name": "SiteBuilder",
            "store_backend": {
                "class_name": "TupleFilesystemStoreBackend",
                "base_directory": str(Path(docs_dir).resolve()),
            },
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        },
    )
    return site


def run_suite(
    frame: pl.DataFrame,
    name: str,
    expectations: list[Any],
    index_columns: list[str],
    docs_dir: Path | None = None,
) -> list[Any]:
    """Run expectations on a frame through a Great Expectations checkpoint; return the
    expectation results (COMPLETE format, failing rows identified by ``index_columns``).
    With ``docs_dir``, the checkpoint also renders Data Docs there."""
    import great_expectations as gx

    context = _context()
    source = context.data_sources.add_or_update_pandas(f"{name}_source")
    asset = source.add_dataframe_asset(name)
    batch = asset.add_batch_definition_whole_dataframe(f"{name}_batch")
    suite = context.suites.add_or_update(
        gx.ExpectationSuite(name=f"{name}_suite", expectations=expectations)
    )
    definition = context.validation_definitions.add_or_update(
        gx.ValidationDefinition(name=f"{name}_validation", data=batch, suite=suite)
    )
    actions: list[Any] = []
    if docs_dir is not None:
        site = _docs_site(context, docs_dir)
        actions.append(gx.checkpoint.UpdateDataDocsAction(name="docs", site_names=[site]))
    checkpoint = context.checkpoints.add_or_update(
        gx.Checkpoint(
            name=f"{name}_checkpoint",
            validation_definitions=[definition],
            actions=actions,
            result_format={
                "result_format": "COMPLETE",
                "unexpected_index_column_names": index_columns,
            },
        )
    )
    result = checkpoint.run(batch_parameters={"dataframe": frame.to_pandas()})
    return [r for run in result.run_results.values() for r in run.results]


def _gx_severity(severity: str) -> Any:
    """Return Great Expectations' severity for ours ('error' → critical, 'warning')."""
    from great_expectations.expectations.metadata_types import FailureSeverity

    return FailureSeverity.WARNING if severity == "warning" else FailureSeverity.CRITICAL


def _severity(result: Any) -> str:
    return "warning" if str(result.expectation_config.severity).endswith("WARNING") else "error"


def _hits(results: list[Any], key: str) -> pl.DataFrame:
    """Return one row per failing row id: the id, rule and severity (from each failed
    expectation's ``unexpected_index_list``); a rule that failed without rows (e.g. a missing
    column) comes back with a null id."""
    records = []
    for result in results:
        if result.success:
            continue
        meta = result.expectation_config.meta or {}
        rule, severity = meta.get("rule", result.expectation_config.type), _severity(result)
        hits = (result.result or {}).get("unexpected_index_list") or []
        exception = (result.exception_info or {}).get("exception_message")
        if not hits:
            records.append({key: None, "rule": rule, "severity": severity, "detail": exception})
        records.extend(
            {key: int(hit[key]), "rule": rule, "severity": severity, "detail": None} for hit in hits
        )
    return pl.DataFrame(
        records,
        schema={key: pl.Int64, "rule": pl.String, "severity": pl.String, "detail": pl.String},
    )


# ---------------------------------------------------------------- indicator tables: row rules


def _row_expectations() -> list[Any]:
    import great_expectations.expectations as gxe

    catalogue = load_catalogue()
    return [
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
            column_list=["key_province", "period", "indicator"],
            meta={"rule": "unique_key"},
        ),
        # Bounds differ per indicator: they are joined onto each row (``_with_checks``) so two
        # column-pair expectations check them all, instead of one filtered pass per indicator.
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
        gxe.ExpectColumnValuesToBeBetween(
            column="jump_score",
            max_value=1.0,
            severity=_gx_severity("warning"),
            meta={"rule": "year_on_year_jump"},
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="fraction_flag",
            max_value=0,
            severity=_gx_severity("warning"),
            meta={"rule": "percent_as_fraction"},
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="unit_flag",
            max_value=0,
            severity=_gx_severity("warning"),
            meta={"rule": "unit_contradicts_catalogue"},
        ),
    ]


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


def _identity_expectations() -> list[Any]:
    import great_expectations.expectations as gxe

    expectations = []
    for spec in _identities().iter_rows(named=True):
        tolerance = spec["tolerance"] or 0.0
        expectations.append(
            gxe.ExpectColumnValuesToBeBetween(
                column=f"gap__{spec['id']}",
                min_value=-tolerance if spec["kind"] == "equal" else None,
                max_value=tolerance,
                severity=_gx_severity(spec["severity"]),
                meta={"rule": spec["id"]},
            )
        )
    return expectations


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


def _period_expectations() -> list[Any]:
    import great_expectations.expectations as gxe

    return [
        gxe.ExpectColumnPairValuesToBeEqual(
            column_A="provinces",
            column_B="expected",
            severity=_gx_severity("warning"),
            meta={"rule": "province_count"},
        )
    ]


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
    from cchc_analysis.read.load import with_provinces
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


# ---------------------------------------------------------------- Data Docs, offline


def _bootstrap_static() -> Path:
    import importlib.util

    spec = importlib.util.find_spec("flask_bootstrap")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("bootstrap-flask is not installed: it provides Bootstrap files")
    return Path(next(iter(spec.submodule_search_locations))) / "static" / "bootstrap4"


_OFFLINE_CSS = """
/* cchc-analysis: Data Docs served offline; icons drawn without Font Awesome. */
.fas, .far, .fa { font-style: normal; }
.fa-check-circle::before { content: "✔"; }
.fa-times::before, .fa-times-circle::before { content: "✘"; }
.fa-exclamation-triangle::before { content: "⚠"; }
.fa-info-circle::before { content: "ℹ"; }
.fa-bars::before { content: "☰"; }
"""


def localise_data_docs(docs_dir: Path) -> None:
    """Rewrite the Data Docs pages under ``docs_dir`` so they load nothing from the internet:
    Bootstrap and jQuery come from local copies (bootstrap-flask's files), every other remote
    script or stylesheet is dropped."""
    import re
    import shutil

    static = Path(docs_dir) / "static" / "offline"
    static.mkdir(parents=True, exist_ok=True)
    source = _bootstrap_static()
    shutil.copyfile(source / "css" / "bootstrap.min.css", static / "bootstrap.min.css")
    shutil.copyfile(source / "js" / "bootstrap.min.js", static / "bootstrap.min.js")
    shutil.copyfile(source / "jquery.min.js", static / "jquery.min.js")
    (static / "offline.css").write_text(_OFFLINE_CSS, encoding="utf-8")
    remote = re.compile(r'<(link|script)\b[^>]*(href|src)="https?://[^"]*"[^>]*>(\s*</script>)?')
    for page in Path(docs_dir).rglob("*.html"):
        prefix = "../" * (len(page.relative_to(docs_dir).parts) - 1) + "static/offline/"
        local = (
            f'<link rel="stylesheet" href="{prefix}bootstrap.min.css">'
            f'<link rel="stylesheet" href="{prefix}offline.css">'
            f'<script src="{prefix}jquery.min.js"></script>'
            f'<script src="{prefix}bootstrap.min.js"></script>'
        )
        text = remote.sub("", page.read_text(encoding="utf-8"))
        logo = prefix.replace("offline/", "images/logo-long.png")
        text = re.sub(r'(<img\b[^>]*\bsrc=)"https?://[^"]*"', rf'\1"{logo}"', text)
        text = text.replace("<head>", "<head>" + local, 1)
        page.write_text(text, encoding="utf-8")
