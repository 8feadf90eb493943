"""The gate before scoring: a table to score is either one ``cchc validate`` wrote or one
that is loaded and validated here; one with errors is rejected with its failures."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polars as pl


class InputRejected(ValueError):
    """An input table with validation errors; ``failures`` is the failures table."""

    def __init__(self, path: Path, failures: pl.DataFrame) -> None:
        from cchc_analysis.validate.failures import format_failures

        self.failures = failures
        errors = failures.filter(pl.col("severity") == "error")
        super().__init__(
            f"{path}: {errors.height} validation error(s); fix them (or run `cchc validate "
            f"--quarantine`) before scoring:\n{format_failures(errors, limit=20)}"
        )


def load_for_scoring(path: Path, **load_options: Any) -> pl.DataFrame:
    """Return the standardised indicator rows to score: a table written by ``cchc validate``
    as it is, any other table (CSV, XLSX, Parquet in the contract) loaded and validated first;
    raise InputRejected when it has errors."""
    from cchc_analysis.read.load import load_indicators
    from cchc_analysis.validate.indicators import validate_indicators

    path = Path(path)
    # Every table is validated, whatever its format: a Parquet file that looks like the output
    # of `cchc validate` may have been edited or written by something else.
    result = validate_indicators(load_indicators(path, **load_options))
    if not result.ok:
        raise InputRejected(path, result.failures)
    if path.suffix.lower() == ".parquet":
        table = pl.read_parquet(path)
        if "province_code" in table.columns:
            # written by `cchc validate`: scored as it is, with the provenance (file, row) of
            # the raw rows it came from
            return table
    return result.indicators
