"""Great Expectations suites and running them: the expectations of the row rules, the identities
and the provinces per period; a suite run on a Polars frame (the only place a frame becomes
pandas), its failing row ids. great_expectations (2–7 s to import) is imported only inside
these functions, when a table is validated."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import polars as pl

from cchc_analysis.reference.catalogue import load_catalogue
from cchc_analysis.validate.datadocs import _docs_site
from cchc_analysis.validate.rules import _identities

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
