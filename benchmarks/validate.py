"""Validate one million indicator rows and print the time, with and without the
Great Expectations import.

The table is the synthetic demo data stamped onto many periods (years × H1/H2/9M/Q1–Q4), so
values, provinces and identities are realistic. Run: .venv/bin/python benchmarks/validate.py
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parent))
from inputs import demo_csv, describe  # benchmarks/inputs.py

PARTS = ["", "-H1", "-H2", "-9M", "-Q1", "-Q2", "-Q3", "-Q4"]


def million_rows(target: int, source: Path) -> pl.DataFrame:
    """Return at least ``target`` long rows of the demo CSV ``source``: 2024 values (63
    provinces) on periods up to 2024, 2025 values (34 provinces) on later periods."""
    demo = pl.read_csv(source, infer_schema=False)
    before, after = demo.filter(pl.col("period") == "2024"), demo.filter(pl.col("period") == "2025")
    frames, total, offset = [], 0, 0
    while total < target:
        year_before, year_after = 2024 - offset, 2026 + offset
        for part in PARTS:
            if year_before >= 1990:  # the earliest period the parser accepts
                frames.append(before.with_columns(period=pl.lit(f"{year_before}{part}")))
                total += before.height
            frames.append(after.with_columns(period=pl.lit(f"{year_after}{part}")))
            total += after.height
        offset += 1
    return pl.concat(frames)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        source = demo_csv(Path(folder))
        print(describe(source))
        table = million_rows(args.rows, source)
        path = Path(folder) / "million.csv"
        table.write_csv(path)
        started = time.perf_counter()
        import great_expectations  # noqa: F401

        gx_import = time.perf_counter() - started
        from cchc_analysis.read.load import load_indicators
        from cchc_analysis.validate.indicators import validate_indicators

        t0 = time.perf_counter()
        indicators = load_indicators(path)
        t1 = time.perf_counter()
        result = validate_indicators(indicators)
        t2 = time.perf_counter()
    errors = result.failures.filter(pl.col("severity") == "error").height
    print(f"rows                         : {indicators.height:,}")
    print(f"great_expectations import    : {gx_import:6.2f} s")
    print(f"load + standardise           : {t1 - t0:6.2f} s")
    print(
        f"validate (GX suites)         : {t2 - t1:6.2f} s  ({errors} errors, "
        f"{result.failures.height - errors} warnings)"
    )
    print(f"total without the GX import  : {t2 - t0:6.2f} s")
    print(f"total with the GX import     : {t2 - t0 + gx_import:6.2f} s")


if __name__ == "__main__":
    main()
