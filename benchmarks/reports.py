"""Time every province's report for a year the project's way against the naive way, and print
both and the ratio.

- Project: ``cchc reports --year Y --jobs J`` as a user runs it (execution, HTML, index,
  manifest, workbook), run ``--runs`` times; the last run is the warm one.
- Naive: the ``papermill`` CLI, then the ``jupyter nbconvert --to html --no-input`` CLI, one
  province after another, for ``--naive-provinces`` provinces; extrapolated linearly to all
  provinces (the script says so).

- With ``--pdf``: one more project run with ``--pdf`` (headless Chromium prints every report
  and the index); the extra time per PDF is printed.

Run: .venv/bin/python benchmarks/reports.py [--naive-provinces 3] [--jobs 2] [--runs 2] [--pdf]
It regenerates the demo table from its seed, validates and scores it into a temporary folder
first (not timed; benchmarks/inputs.py): never data/processed or reports/.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from inputs import demo_csv, describe  # benchmarks/inputs.py

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
NOTEBOOK = REPO / "notebooks" / "province_report.py"


def _run(command: list[str], cwd: Path) -> float:
    """Run a command; return its wall time in seconds (raise when it fails)."""
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr[-2000:]}")
    return seconds


def _processed(scratch: Path) -> Path:
    """Return a folder in ``scratch`` with the demo table validated and scored anew (never
    data/processed: the figures measure the same input everywhere)."""
    folder = scratch / "processed"
    cchc = str(BIN / "cchc")
    source = demo_csv(scratch / "input")
    print(describe(source))
    _run([cchc, "validate", str(source), "--out", str(folder), "--failures-dir", str(folder)], REPO)
    _run([cchc, "score", str(folder / "indicators.parquet"), "--out", str(folder)], REPO)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--year", type=int, default=2025)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--runs", type=int, default=2, help="project runs (the last is warm)")
    parser.add_argument("--naive-provinces", type=int, default=3, help="0 = all (slow)")
    parser.add_argument("--pdf", action="store_true", help="also time a run with --pdf")
    args = parser.parse_args()

    import jupytext
    import polars as pl

    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        processed = _processed(scratch)
        codes = (
            pl.read_parquet(processed / "scores_totals.parquet")
            .filter(pl.col("period") == str(args.year))
            .sort("province_code")["province_code"]
            .to_list()
        )
        failures = processed / "failures.csv"  # the run's own, never reports/validation
        failures_value = str(failures)

        # The project's way, as a user runs it.
        project = []
        for run in range(args.runs):
            out = scratch / f"project-{run}"
            command = [str(BIN / "cchc"), "reports", "--year", str(args.year)]
            command += ["--jobs", str(args.jobs), "--processed", str(processed)]
            command += ["--out", str(out), "--failures", str(failures)]
            project.append(_run(command, REPO))
        rendered = len(list((scratch / f"project-{args.runs - 1}").glob("[0-9][0-9]-*.html")))
        with_pdf = None
        if args.pdf:
            out = scratch / "project-pdf"
            command = [str(BIN / "cchc"), "reports", "--year", str(args.year), "--pdf"]
            command += ["--jobs", str(args.jobs), "--processed", str(processed)]
            command += ["--out", str(out), "--failures", str(failures)]
            with_pdf = (_run(command, REPO), len(list(out.glob("*.pdf"))))

        # The naive way: papermill CLI then nbconvert CLI, one province after another.
        source = scratch / "province_report.ipynb"
        jupytext.write(jupytext.read(NOTEBOOK), source, fmt="ipynb")
        chosen = codes[: args.naive_provinces] if args.naive_provinces else codes
        naive = []
        for code in chosen:
            executed = scratch / "naive" / f"{code}.ipynb"
            executed.parent.mkdir(exist_ok=True)
            started = time.perf_counter()
            papermill = [str(BIN / "papermill"), str(source), str(executed), "--no-progress-bar"]
            papermill += ["-p", "province", code, "-p", "year", str(args.year)]
            papermill += ["-p", "processed_dir", str(processed), "-p", "lang", "vi"]
            papermill += ["-p", "failures_path", failures_value, "--cwd", str(NOTEBOOK.parent)]
            _run(papermill, REPO)
            nbconvert = [str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input"]
            _run([*nbconvert, "--output-dir", str(executed.parent), str(executed)], REPO)
            naive.append(time.perf_counter() - started)

    per_report = sum(naive) / len(naive)
    naive_all = per_report * len(codes)
    warm = project[-1]
    print(f"provinces scored for {args.year}: {len(codes)}; reports written by cchc: {rendered}")
    for run, seconds in enumerate(project, start=1):
        label = "warm" if run == len(project) else ("first" if run == 1 else "again")
        print(f"cchc reports --jobs {args.jobs}, run {run} ({label}): {seconds:6.2f} s")
    print(
        f"naive (papermill CLI + nbconvert CLI, sequential), {len(chosen)} provinces: "
        f"{sum(naive):6.2f} s ({per_report:.2f} s a report)"
    )
    extrapolated = "" if len(chosen) == len(codes) else " (extrapolated linearly)"
    print(f"naive, all {len(codes)} provinces{extrapolated}: {naive_all:6.2f} s")
    print(f"ratio naive / cchc (warm): {naive_all / warm:5.1f}x")
    if with_pdf is not None:
        seconds, pdfs = with_pdf
        extra = seconds - warm
        print(
            f"cchc reports --pdf: {seconds:6.2f} s for {pdfs} PDFs; "
            f"{extra:5.2f} s more than HTML only ({extra / max(pdfs, 1):.2f} s a PDF)"
        )


if __name__ == "__main__":
    main()
