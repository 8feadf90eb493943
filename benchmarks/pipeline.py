"""Time each stage of the pipeline on the bundled demo data and print the figures.

Run: .venv/bin/python benchmarks/pipeline.py [--provinces N]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from inputs import demo_csv, describe  # benchmarks/inputs.py


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--provinces", type=int, default=4, help="reports to render (0 = all 34)")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()

    started = time.perf_counter()
    import great_expectations  # noqa: F401  (timed on its own: it dominates validation)

    gx_import = time.perf_counter() - started
    from cchc_analysis.pipeline import run_score, run_validate
    from cchc_analysis.reports.render import render_reports

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        source = demo_csv(out / "input")
        print(describe(source))
        t0 = time.perf_counter()
        result = run_validate([source], out, out)
        t1 = time.perf_counter()
        run_score(out / "indicators.parquet", "par-index-illustrative", out)
        t2 = time.perf_counter()
        import polars as pl

        codes = (
            pl.read_parquet(out / "scores_totals.parquet")
            .filter(pl.col("period") == "2025")["province_code"]
            .to_list()
        )
        chosen = codes[: args.provinces] if args.provinces else codes
        outcomes = render_reports(2025, out, out / "reports", chosen, "vi", args.jobs)
        t3 = time.perf_counter()
    failed = sum(1 for o in outcomes if o.error)
    print(f"great_expectations import : {gx_import:6.2f} s")
    print(f"validate {result.indicators.height} rows    : {t1 - t0:6.2f} s")
    print(f"score 5 years             : {t2 - t1:6.2f} s")
    print(
        f"render {len(chosen)} reports, {args.jobs} jobs: {t3 - t2:6.2f} s "
        f"({(t3 - t2) / max(1, len(chosen)):.2f} s a report, {failed} failed)"
    )


if __name__ == "__main__":
    main()
