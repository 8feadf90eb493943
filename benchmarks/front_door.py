"""What the analyst waits for: ``import cchc_analysis`` (in a fresh interpreter, the median
of several), the first call of each front-door step on the demo data, and each teaching
notebook executed top to bottom in a fresh kernel (the promise: under 30 s each).

Run: .venv/bin/python benchmarks/front_door.py [--repeat 5] [--no-notebooks]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
TEACHING = ("explore", "my_province", "check_my_table")


def import_seconds(repeat: int) -> tuple[float, float]:
    """Return the median wall time of a bare interpreter and of one importing the package."""

    def timed(code: str) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        return time.perf_counter() - start

    bare = statistics.median(timed("pass") for _ in range(repeat))
    package = statistics.median(timed("import cchc_analysis") for _ in range(repeat))
    return bare, package


def first_calls() -> list[tuple[str, float]]:
    """Return the time of each front-door step, first call in this process."""
    steps: list[tuple[str, float]] = []

    def step(name: str, call):  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        value = call()
        steps.append((name, time.perf_counter() - start))
        return value

    cchc = step("import cchc_analysis", lambda: __import__("cchc_analysis"))
    table = step("load_demo() (api, polars)", cchc.load_demo)
    step("validate_table() (great_expectations)", lambda: cchc.validate_table(table))
    scores = step("score_table()", lambda: cchc.score_table(table))
    step(
        "province_profile() (with its rank interval)",
        lambda: cchc.province_profile(scores, "TP.HCM"),
    )
    report = step("province_report()", lambda: cchc.province_report(scores, "Huế"))
    step("report HTML", report._repr_html_)
    step("enable_offline_charts() + first chart", lambda: _first_chart(cchc))
    return steps


def _first_chart(cchc) -> int:  # type: ignore[no-untyped-def]
    from cchc_analysis import explore

    cchc.enable_offline_charts()
    bundle = explore.plot_published_series()._repr_mimebundle_()
    data = bundle[0] if isinstance(bundle, tuple) else bundle
    return len(data["text/html"])


def notebook_seconds(name: str) -> float:
    """Return the time to execute a notebook top to bottom in a fresh kernel."""
    import jupytext
    from nbclient import NotebookClient

    notebook = jupytext.read(NOTEBOOKS / f"{name}.py")
    start = time.perf_counter()
    NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    ).execute()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-notebooks", action="store_true")
    args = parser.parse_args()
    bare, package = import_seconds(args.repeat)
    print(f"python -c 'pass':                  {bare:6.3f} s (median of {args.repeat})")
    print(f"python -c 'import cchc_analysis':  {package:6.3f} s (+{package - bare:.3f} s)")
    for name, seconds in first_calls():
        print(f"{name:45s} {seconds:6.2f} s")
    if not args.no_notebooks:
        for name in TEACHING:
            print(f"notebook {name + '.py':37s} {notebook_seconds(name):6.2f} s")


if __name__ == "__main__":
    main()
