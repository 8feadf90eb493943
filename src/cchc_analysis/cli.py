"""The ``cchc`` command: a thin wrapper over the stages. Heavy imports (Great Expectations,
Papermill) happen inside the commands, so ``cchc --help`` answers fast.

Examples:
    cchc demo-data                                   # rewrite the synthetic demo table
    cchc validate data/raw/demo/cchc_indicators_2021_2025_SYNTHETIC.csv
    cchc score                                       # data/processed/indicators.parquet → scores
    cchc report "TP.HCM" --year 2025                 # one province
    cchc reports --year 2025 --jobs 2                # every province, index.html
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    pretty_exceptions_enable=False,
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="Validate, score and report Vietnam's public administration reform (CCHC) indicators.",
)

PROCESSED = Path("data/processed")
REPORTS = Path("reports")
DEMO_DIR = Path("data/raw/demo")


def _fail(message: str, code: int = 1) -> None:
    typer.echo(message, err=True)
    raise typer.Exit(code)


@app.command("demo-data")
def demo_data(
    out: Annotated[Path, typer.Option(help="Folder to write the synthetic table to.")] = DEMO_DIR,
    seed: Annotated[
        int, typer.Option(help="Random seed (fixed: same seed, same bytes).")
    ] = 20250701,
) -> None:
    """Write the SYNTHETIC demo indicator table (63 provinces 2021–2024, 34 in 2025)."""
    from cchc_analysis.demo import write_demo_data

    path = write_demo_data(out, seed)
    typer.echo(f"wrote {path} (synthetic demo data, seed {seed})")


@app.command()
def validate(
    files: Annotated[list[Path], typer.Argument(help="Indicator tables (CSV, XLSX, Parquet).")],
    out: Annotated[Path, typer.Option(help="Where the validated table goes.")] = PROCESSED,
    failures_dir: Annotated[
        Path, typer.Option(help="Where failures.csv and the Data Docs go.")
    ] = REPORTS / "validation",
    quarantine: Annotated[
        bool,
        typer.Option(help="Keep the valid rows and set rejected rows aside with their reasons."),
    ] = False,
    encoding: Annotated[
        str | None, typer.Option(help="Force a text encoding (utf-8, utf-16, cp1258, ...).")
    ] = None,
    sheet: Annotated[str | None, typer.Option(help="Worksheet to read (XLSX/XLS).")] = None,
    legacy: Annotated[
        str,
        typer.Option(help="Text in TCVN3/VNI fonts: error (default), convert to Unicode, ignore."),
    ] = "error",
    number_format: Annotated[
        str, typer.Option(help="vi (512.304 = 512304), en (512,304 = 512304) or auto.")
    ] = "auto",
    max_jump_points: Annotated[
        float, typer.Option(help="Warn when a % or points value moves more than this in a year.")
    ] = 20.0,
    max_jump_ratio: Annotated[
        float, typer.Option(help="Warn when a count changes by more than this share in a year.")
    ] = 1.0,
    lang: Annotated[str, typer.Option(help="Language of messages: vi or en.")] = "en",
) -> None:
    """Validate indicator tables; on success write data/processed/indicators.parquet.

    Exits 1 and writes nothing to --out when any error is found (unless --quarantine); the
    failures (file, row, column, rule, message) are printed and saved to failures.csv, and
    rendered as Great Expectations Data Docs under --failures-dir/data_docs.
    """
    from cchc_analysis.load import LoadError
    from cchc_analysis.pipeline import FAILURES_FILE, QUARANTINE_FILE, run_validate
    from cchc_analysis.validate import ValidationOptions, failures_table, format_failures

    load_options: dict[str, object] = {"number_format": number_format}
    if encoding:
        load_options["encoding"] = encoding
    if sheet:
        load_options["sheet"] = sheet
    if legacy != "error":
        load_options["legacy"] = legacy
    options = ValidationOptions(max_jump_points=max_jump_points, max_jump_ratio=max_jump_ratio)
    try:
        result = run_validate(files, out, failures_dir, quarantine, options, **load_options)
    except LoadError as exc:
        _fail(f"error: {exc}")
        return
    errors = result.failures.filter(result.failures["severity"] == "error")
    warnings = result.failures.height - errors.height
    if result.failures.height:
        if sys.stderr.isatty():
            from rich.console import Console

            Console(stderr=True).print(failures_table(result.failures, lang))
        else:
            typer.echo(format_failures(result.failures, lang=lang, limit=50), err=True)
    typer.echo(
        f"{result.indicators.height} rows checked: {errors.height} error(s), {warnings} "
        f"warning(s); failures table: {failures_dir / FAILURES_FILE}; "
        f"Data Docs: {failures_dir / 'data_docs' / 'index.html'}",
        err=True,
    )
    if not result.ok and not quarantine:
        _fail("validation failed: nothing written to " + str(out))
    if not result.ok:
        accepted, rejected = result.split()
        typer.echo(
            f"quarantine: {rejected.select('file', 'row').n_unique()} input row(s) set aside in "
            f"{out / 'quarantine' / QUARANTINE_FILE}; "
            f"{accepted.select('file', 'row').n_unique()} kept",
            err=True,
        )
    typer.echo(f"wrote {out / 'indicators.parquet'}")


@app.command()
def score(
    indicators: Annotated[
        Path,
        typer.Argument(
            help="Indicator table: data/processed/indicators.parquet from `cchc validate`, or "
            "any table in the contract (it is validated first)."
        ),
    ] = PROCESSED / "indicators.parquet",
    methodology: Annotated[
        str,
        typer.Option(
            "--methodology",
            "--rubric",
            help="Bundled methodology (par-index-illustrative, par-index-published, "
            "dossier-service, pci, papi) or the path of a rubric YAML.",
        ),
    ] = "par-index-illustrative",
    out: Annotated[Path, typer.Option(help="Where the score tables go.")] = PROCESSED,
) -> None:
    """Score a table: criterion → domain → total → index → rank → grade, with the change
    against the previous year (across the 2025 merger: against the predecessors combined).

    Writes scores_totals, scores_domains and scores_criteria as Parquet and CSV, and
    _manifest.json. Example: cchc score published.csv --methodology par-index-published --out out/
    """
    from cchc_analysis.load import LoadError
    from cchc_analysis.pipeline import InputRejected, run_score
    from cchc_analysis.rubric import RubricError

    if not indicators.exists():
        _fail(f"error: {indicators} not found: run `cchc validate FILE` first, or name a table")
    try:
        paths = run_score(indicators, methodology, out)
    except (RubricError, LoadError, InputRejected) as exc:
        _fail(f"error: {exc}")
        return
    for path in paths.values():
        typer.echo(f"wrote {path}")


@app.command()
def report(
    province: Annotated[str, typer.Argument(help="Province name (any usual spelling) or code.")],
    year: Annotated[int, typer.Option(help="Year to report on.")] = 2025,
    lang: Annotated[str, typer.Option(help="vi or en.")] = "vi",
    processed: Annotated[Path, typer.Option(help="Folder written by `cchc score`.")] = PROCESSED,
    out: Annotated[Path | None, typer.Option(help="Output folder [default: reports/YEAR].")] = None,
) -> None:
    """Render one province's report (HTML, offline)."""
    from cchc_analysis.registry import ProvinceNotFound
    from cchc_analysis.render import render_province

    try:
        path = render_province(province, year, processed, out or REPORTS / str(year), lang)
    except ProvinceNotFound as exc:
        _fail(f"error: {exc}")
        return
    typer.echo(f"wrote {path}")


@app.command()
def reports(
    year: Annotated[int, typer.Option(help="Year to report on.")] = 2025,
    provinces: Annotated[
        list[str] | None,
        typer.Option("--provinces", help="Only these provinces (repeat the option)."),
    ] = None,
    jobs: Annotated[int, typer.Option(help="Reports rendered in parallel.")] = 2,
    lang: Annotated[str, typer.Option(help="vi or en.")] = "vi",
    processed: Annotated[Path, typer.Option(help="Folder written by `cchc score`.")] = PROCESSED,
    out: Annotated[Path | None, typer.Option(help="Output folder [default: reports/YEAR].")] = None,
) -> None:
    """Render every province's report for a year, continuing past failures, plus index.html."""
    import time

    from cchc_analysis.render import RenderOutcome, render_reports

    target = out or REPORTS / str(year)
    started = time.perf_counter()

    def progress(outcome: RenderOutcome) -> None:
        status = "ok" if outcome.error is None else "FAILED"
        typer.echo(
            f"  {status:6} {outcome.province_code} {outcome.province} ({outcome.seconds:.1f} s)",
            err=True,
        )

    outcomes = render_reports(year, processed, target, provinces, lang, jobs, on_done=progress)
    failed = [o for o in outcomes if o.error]
    typer.echo(
        f"{len(outcomes) - len(failed)} of {len(outcomes)} reports written to {target} "
        f"in {time.perf_counter() - started:.1f} s; index: {target / 'index.html'}"
    )
    if failed:
        for o in failed:
            typer.echo(f"  failed: {o.province_code} {o.province}: {o.error}", err=True)
        raise typer.Exit(1)


def main() -> None:
    """Entry point of the ``cchc`` script."""
    app(prog_name="cchc")


if __name__ == "__main__":
    sys.exit(main())
