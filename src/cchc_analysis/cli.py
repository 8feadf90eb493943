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
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from cchc_analysis.index.cli import app as index_app
from cchc_analysis.scoring.rubric_table import app as rubric_app

if TYPE_CHECKING:
    import polars as pl

app = typer.Typer(
    pretty_exceptions_enable=False,
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="Validate, score and report Vietnam's public administration reform (CCHC) indicators.",
)
app.add_typer(rubric_app, name="rubric")

PROCESSED = Path("data/processed")
REPORTS = Path("reports")
DEMO_DIR = Path("data/raw/demo")


def _fail(message: str, code: int = 1) -> None:
    from cchc_analysis.read.inputs import bounded_message

    typer.echo(bounded_message(message), err=True)
    raise typer.Exit(code)


def _one_of(*allowed: str) -> Callable[[str], str]:
    """Option callback: the value must be one of ``allowed`` (checked before any work)."""

    def check(value: str) -> str:
        if value not in allowed:
            raise typer.BadParameter(f"{value!r} is not one of {', '.join(allowed)}")
        return value

    return check


LANGS = _one_of("vi", "en")


def _score_table_problem(totals: pl.DataFrame) -> str | None:
    """What makes a year's score totals unfit to report (missing columns, an index that is not
    a finite number in [0, 100], a rank below 1, a province twice), or None."""
    import polars as pl

    needed = {"province_code", "index_pct", "rank"}
    if not needed <= set(totals.columns):
        return f"missing column(s) {sorted(needed - set(totals.columns))}"
    try:
        index = totals["index_pct"].cast(pl.Float64)
        rank = totals["rank"].cast(pl.Int64)
    except pl.exceptions.PolarsError:
        return "index_pct or rank is not numeric"
    bad = totals.with_row_index("_i").filter(
        ~index.is_finite().fill_null(True) | (index < 0) | (index > 100) | (rank < 1)
    )
    if bad.height:
        row = bad.row(0, named=True)
        return (
            f"row {row['_i'] + 1} (province {row['province_code']}): index_pct "
            f"{row['index_pct']} or rank {row['rank']} out of range"
        )
    if totals["province_code"].is_duplicated().any():
        return "a province appears twice for the year"
    return None


def _check_scores(processed: Path, year: int) -> None:
    """Refuse, before any work, a --year outside the years a table can be about or with no
    scores in ``processed``, and a ``processed`` folder without readable score tables."""
    from cchc_analysis.reference.periods import PeriodError, parse_period

    try:
        parse_period(str(year))
    except PeriodError as exc:
        _fail(f"error: --year: {exc}")
    totals = processed / "scores_totals.parquet"
    if not totals.is_file():
        _fail(f"error: {totals} not found: run `cchc score` first (or name --processed)")
    import polars as pl

    try:
        table = pl.read_parquet(totals)
        periods = set(table["period"].cast(pl.String))
    except Exception as exc:  # a damaged or foreign file: say so, do not trace back
        _fail(f"error: {totals}: cannot be read as a score table: {exc}")
        return
    problem = _score_table_problem(table.filter(pl.col("period").cast(pl.String) == str(year)))
    if problem:
        _fail(f"error: {totals}: {problem}; run `cchc score` again")
    if str(year) not in periods:
        scored = sorted(p for p in periods if p and len(p) == 4)
        _fail(
            f"error: no scores for {year} in {processed} (years scored: "
            f"{', '.join(scored) or 'none'}): run `cchc score` on a table with {year}"
        )


def _finite_non_negative(value: float) -> float:
    """Option callback: a threshold must be a finite number ≥ 0 (NaN passes every range check)."""
    import math

    if not math.isfinite(value) or value < 0:
        raise typer.BadParameter(f"must be a finite number ≥ 0, not {value}")
    return value


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
        typer.Option(
            help="Text in TCVN3/VNI fonts: error (default), convert to Unicode, ignore.",
            callback=_one_of("error", "convert", "ignore"),
        ),
    ] = "error",
    number_format: Annotated[
        str,
        typer.Option(
            help="vi (512.304 = 512304), en (512,304 = 512304) or auto.",
            callback=_one_of("auto", "vi", "en"),
        ),
    ] = "auto",
    max_jump_points: Annotated[
        float,
        typer.Option(
            help="Warn when a % or points value moves more than this in a year.",
            callback=_finite_non_negative,
        ),
    ] = 20.0,
    max_jump_ratio: Annotated[
        float,
        typer.Option(
            help="Warn when a count changes by more than this share in a year.",
            callback=_finite_non_negative,
        ),
    ] = 1.0,
    allow_changed_raw: Annotated[
        bool, typer.Option(help="Use a data/raw file whose sha256 differs from its sidecar.")
    ] = False,
    lang: Annotated[
        str, typer.Option(help="Language of messages: vi or en.", callback=LANGS)
    ] = "en",
) -> None:
    """Validate indicator tables; on success write data/processed/indicators.parquet.

    Exits 1 and writes nothing to --out when any error is found (unless --quarantine); the
    failures (file, row, column, rule, message) are printed and saved to failures.csv, and
    rendered as Great Expectations Data Docs under --failures-dir/data_docs.
    """
    from cchc_analysis.pipeline import FAILURES_FILE, QUARANTINE_FILE, run_validate
    from cchc_analysis.read.contract import LoadError
    from cchc_analysis.read.inputs import bounded_message
    from cchc_analysis.store.provenance import ProvenanceError
    from cchc_analysis.validate.failures import failures_table, format_failures
    from cchc_analysis.validate.indicators import ValidationOptions

    load_options: dict[str, object] = {"number_format": number_format}
    if encoding:
        load_options["encoding"] = encoding
    if sheet:
        load_options["sheet"] = sheet
    if legacy != "error":
        load_options["legacy"] = legacy
    options = ValidationOptions(max_jump_points=max_jump_points, max_jump_ratio=max_jump_ratio)
    try:
        result = run_validate(
            files, out, failures_dir, quarantine, options, allow_changed_raw, **load_options
        )
    except (LoadError, ProvenanceError, OSError) as exc:
        _fail(f"error: {exc}")
        return
    for note in result.notes:
        typer.echo(bounded_message(f"note: {note}"), err=True)
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
    from cchc_analysis.pipeline import run_score
    from cchc_analysis.read.contract import LoadError
    from cchc_analysis.scoring.rubric import RubricError
    from cchc_analysis.validate.gate import InputRejected

    if not indicators.exists():
        _fail(f"error: {indicators} not found: run `cchc validate FILE` first, or name a table")
    try:
        paths = run_score(indicators, methodology, out)
    except (RubricError, LoadError, InputRejected, OSError) as exc:
        _fail(f"error: {exc}")
        return
    for path in paths.values():
        typer.echo(f"wrote {path}")


@app.command()
def report(
    province: Annotated[str, typer.Argument(help="Province name (any usual spelling) or code.")],
    year: Annotated[int, typer.Option(help="Year to report on.")] = 2025,
    lang: Annotated[str, typer.Option(help="vi or en.", callback=LANGS)] = "vi",
    processed: Annotated[Path, typer.Option(help="Folder written by `cchc score`.")] = PROCESSED,
    out: Annotated[Path | None, typer.Option(help="Output folder [default: reports/YEAR].")] = None,
    failures: Annotated[
        Path, typer.Option(help="Failures table of `cchc validate` (shown when it exists).")
    ] = REPORTS / "validation" / "failures.csv",
) -> None:
    """Render one province's report (HTML, offline).

    Example: cchc report "TP.HCM" --year 2025 --lang en
    """
    from cchc_analysis.reference.registry import ProvinceNotFound
    from cchc_analysis.reports.render import render_province

    _check_scores(processed, year)
    try:
        path = render_province(
            province,
            year,
            processed,
            out or REPORTS / str(year),
            lang,
            failures_path=failures if failures.exists() else None,
        )
    except (ProvinceNotFound, LookupError) as exc:
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
    jobs: Annotated[int, typer.Option(help="Reports rendered in parallel.", min=1)] = 2,
    lang: Annotated[str, typer.Option(help="vi or en.", callback=LANGS)] = "vi",
    processed: Annotated[Path, typer.Option(help="Folder written by `cchc score`.")] = PROCESSED,
    out: Annotated[Path | None, typer.Option(help="Output folder [default: reports/YEAR].")] = None,
    failures: Annotated[
        Path, typer.Option(help="Failures table of `cchc validate` (shown when it exists).")
    ] = REPORTS / "validation" / "failures.csv",
    only_failed: Annotated[
        bool,
        typer.Option("--only-failed", help="Render again only what the last run failed."),
    ] = False,
    pdf: Annotated[
        bool, typer.Option("--pdf", help="Also print each report and the index to A4 PDF.")
    ] = False,
) -> None:
    """Render every province's report for a year, continuing past failures; write index.html
    (sortable ranking linking every report), manifest.json and the Excel workbook.

    Exits 1 when any province failed; `--only-failed` then renders just those again.
    Example: cchc reports --year 2025 --jobs 2 --lang en
    """
    import time

    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.table import Table

    # Only light imports before render_reports: it launches the workers first thing.
    from cchc_analysis.reports.render import MANIFEST_FILE, render_reports
    from cchc_analysis.reports.workers import RenderOutcome

    _check_scores(processed, year)
    target = out or REPORTS / str(year)
    started = time.perf_counter()
    console = Console(stderr=True)
    progress = Progress(
        TextColumn("{task.description:<28}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=console,
        refresh_per_second=4,
    )
    bar = progress.add_task("reports", total=None)

    def on_start(total: int) -> None:
        progress.update(bar, total=total)

    def on_done(outcome: RenderOutcome) -> None:
        mark = "✓" if outcome.error is None else "✗"
        progress.update(
            bar, advance=1, description=f"{mark} {outcome.province_code} {outcome.province}"
        )

    try:
        with progress:
            outcomes = render_reports(
                year,
                processed,
                target,
                provinces,
                lang,
                jobs,
                on_done=on_done,
                failures_path=failures if failures.exists() else None,
                only_failed=only_failed,
                on_start=on_start,
            )
    except (LookupError, ValueError) as exc:  # ProvinceNotFound is a ValueError
        _fail(f"error: {exc}")
        return
    from cchc_analysis.reports.workbook import workbook_name

    if only_failed and not outcomes:
        typer.echo("nothing to render again: the previous run had no failures", err=True)
    failed = [o for o in outcomes if o.error]
    if failed:
        table = Table(
            title=f"{len(failed)} of {len(outcomes)} reports failed", title_justify="left"
        )
        for column in ("code", "province", "error"):
            table.add_column(column, overflow="fold")
        for o in failed:
            table.add_row(o.province_code, o.province, (o.error or "").splitlines()[0][:300])
        console.print(table)
    typer.echo(
        f"{len(outcomes) - len(failed)} of {len(outcomes)} reports written to {target} "
        f"in {time.perf_counter() - started:.1f} s; index: {target / 'index.html'}; "
        f"workbook: {target / workbook_name(year)}; run: {target / MANIFEST_FILE}"
    )
    if pdf:
        _write_pdfs(target, outcomes, jobs)
    if failed:
        typer.echo(
            "failed: "
            + ", ".join(f"{o.province_code} {o.province}" for o in failed)
            + "; render them again with --only-failed",
            err=True,
        )
        raise typer.Exit(1)


def _write_pdfs(target: Path, outcomes: list, jobs: int) -> None:
    """Print the reports just written and the index to PDF (headless Chromium)."""
    import time

    from cchc_analysis.reports.pdf import PdfToolMissing, write_pdfs

    pages = [Path(o.html_path) for o in outcomes if o.html_path] + [target / "index.html"]
    started = time.perf_counter()
    try:
        written = write_pdfs(target, pages, jobs)
    except PdfToolMissing as exc:
        _fail(f"error: {exc}")
        return
    seconds = time.perf_counter() - started
    typer.echo(f"{len(written)} PDFs in {seconds:.1f} s ({seconds / len(written):.2f} s each)")


@app.command()
def verify(
    reports_dir: Annotated[Path, typer.Argument(help="A folder written by `cchc reports`.")],
    limit: Annotated[int, typer.Option(help="Differences to print at most.")] = 40,
    reports: Annotated[
        bool,
        typer.Option(
            "--reports/--scores-only",
            help="Also re-execute every report notebook and compare its chart specifications.",
        ),
    ] = True,
    jobs: Annotated[int, typer.Option(help="Report notebooks executed in parallel.", min=1)] = 2,
) -> None:
    """Re-run what a batch of reports was built from and compare: validation and scoring from
    the recorded raw inputs (scores, ranks, rank intervals), then every report notebook
    re-executed with its recorded parameters on those scores (the Vega-Lite spec of every
    chart it draws).

    Exits 0 when identical; otherwise lists the differences, the provinces whose scores
    changed and the likely cause (input file, rubric, package data, report notebook or
    package version changed)."""
    import tempfile

    from cchc_analysis.reports.render import MANIFEST_FILE
    from cchc_analysis.reproduce import affected_provinces, rerender_reports, verify_scores

    rerun = reports and (reports_dir / MANIFEST_FILE).exists()
    entries: list = []
    with tempfile.TemporaryDirectory(prefix="cchc-verify-") as workdir:
        try:
            differences, causes = verify_scores(reports_dir, Path(workdir))
            if rerun:
                typer.echo(f"re-executing the report notebooks of {reports_dir} …", err=True)
                entries, charts, report_causes = rerender_reports(
                    reports_dir, Path(workdir), Path(workdir) / "reports", jobs
                )
                differences += charts
                causes += report_causes if charts else []
        except (OSError, ValueError, LookupError) as exc:
            _fail(f"error: {exc}")
            return
    checked = (
        f"; {len(entries)} report notebooks re-executed, chart specifications identical"
        if rerun
        else " (report notebooks not re-executed)"
    )
    if not differences:
        typer.echo(f"{reports_dir}: scores and ranks reproduce exactly{checked}")
        return
    typer.echo(f"{reports_dir}: {len(differences)} difference(s)", err=True)
    for difference in differences[:limit]:
        typer.echo(f"  {difference}", err=True)
    scored = [d for d in differences if d.table not in ("chart", "report")]
    typer.echo("provinces affected: " + ", ".join(affected_provinces(scored) or ["none"]), err=True)
    drawn = affected_provinces([d for d in differences if d.table in ("chart", "report")])
    if drawn:
        typer.echo("reports that differ: " + ", ".join(drawn), err=True)
    typer.echo(
        "likely cause: "
        + ("; ".join(dict.fromkeys(causes)) or "unknown (same inputs, rubric and packages)"),
        err=True,
    )
    raise typer.Exit(1)


@app.command()
def provenance(
    files: Annotated[list[Path], typer.Argument(help="Raw data files.")],
    update: Annotated[
        bool, typer.Option(help="Record the current sha256 of a file whose change is intended.")
    ] = False,
    note: Annotated[str | None, typer.Option(help="Why the file changed (with --update).")] = None,
) -> None:
    """Show (or, with --update, re-record) the provenance of raw files: source, citation,
    licence, and whether each file still matches its recorded sha256. Exits 1 when one changed."""
    from cchc_analysis.store.provenance import ProvenanceError, read_provenance, update_sidecar

    changed = False
    for file in files:
        try:
            if update:
                update_sidecar(file, note)
            found = read_provenance(file)
        except ProvenanceError as exc:
            _fail(f"error: {exc}")
            return
        changed |= found.status == "changed"
        typer.echo(
            f"{found.status:10} {file}  sha256 {found.actual_sha256[:16]}…  "
            f"{found.origin.get('source', '(no sidecar)')}; licence "
            f"{found.origin.get('licence', '?')}"
        )
    if changed:
        raise typer.Exit(1)


@app.command()
def uncertainty(
    indicators: Annotated[
        Path,
        typer.Argument(
            help="Indicator table: data/processed/indicators.parquet or any table in the "
            "contract (it is validated first)."
        ),
    ] = PROCESSED / "indicators.parquet",
    methodology: Annotated[
        str,
        typer.Option(
            "--methodology",
            "--rubric",
            help="Bundled methodology or a rubric YAML path; its uncertain inputs are read from "
            "<methodology>.uncertainty.yaml beside it (or --spec).",
        ),
    ] = "par-index-illustrative",
    out: Annotated[Path, typer.Option(help="Where the uncertainty tables go.")] = PROCESSED,
    runs: Annotated[
        int, typer.Option(help="Monte Carlo replications (4000 for publication).")
    ] = 1000,
    seed: Annotated[int, typer.Option(help="Random seed (same seed, same output).")] = 20250701,
    sources: Annotated[
        str | None,
        typer.Option(
            help="Sources to switch on, comma-separated (weights,thresholds,survey,appraisal,"
            "missing), 'all' or 'none' [default: as in the file]."
        ),
    ] = None,
    spec: Annotated[
        Path | None, typer.Option(help="An uncertainty YAML other than the methodology's.")
    ] = None,
    period: Annotated[
        list[str] | None, typer.Option("--period", help="Only these periods (repeat).")
    ] = None,
    sensitivity: Annotated[
        bool, typer.Option(help="Also write Sobol indices per source and domain removal.")
    ] = True,
) -> None:
    """How sure is a rank? Monte Carlo rank intervals (5–95 %) and grade-band probabilities
    per province, with the uncertain inputs declared beside the rubric.

    Writes uncertainty_intervals, _bands, _summary (and _sobol, _sobol_by_province,
    _domain_removal) as Parquet and CSV, and uncertainty_manifest.json with the seed.
    Example: cchc uncertainty --runs 4000 --seed 1 --sources weights,survey --out out/
    """
    from cchc_analysis.read.contract import LoadError
    from cchc_analysis.scoring.rubric import RubricError
    from cchc_analysis.uncertainty.run import run_uncertainty
    from cchc_analysis.uncertainty.spec import UncertaintyError
    from cchc_analysis.validate.gate import InputRejected

    if not indicators.exists():
        _fail(f"error: {indicators} not found: run `cchc validate FILE` first, or name a table")
    if runs < 1:
        _fail("error: --runs must be at least 1")
    try:
        paths = run_uncertainty(
            indicators,
            methodology,
            out,
            runs=runs,
            seed=seed,
            sources=sources,
            spec=str(spec) if spec else None,
            periods=period,
            sensitivity=sensitivity,
        )
    except (RubricError, LoadError, InputRejected, UncertaintyError, OSError) as exc:
        _fail(f"error: {exc}")
        return
    for path in paths.values():
        typer.echo(f"wrote {path}")


@app.command()
def extract(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="Reports or news articles: .txt, saved web pages (.html), .docx, .pdf with a "
            "text layer; a folder stands for the files in it."
        ),
    ],
    out: Annotated[Path, typer.Option(help="The indicator table to write (CSV, long form).")],
    province: Annotated[
        str | None, typer.Option(help="Province of every text (overrides what the text says).")
    ] = None,
    period: Annotated[
        str | None, typer.Option(help="Period of every text: 2023-9M, 'quý III/2023', 2021 …")
    ] = None,
    encoding: Annotated[
        str | None, typer.Option(help="Force a text encoding (utf-8, utf-16, cp1258, ...).")
    ] = None,
    keep_conflicts: Annotated[
        bool,
        typer.Option(help="Also write figures that break an identity or repeat a key."),
    ] = False,
) -> None:
    """Extract CCHC figures from report text into an indicator table with its provenance.

    Writes OUT (province, period, indicator, value, unit, source, note, scope, bound, evidence,
    char_start, char_end, line, cue, confidence), OUT.subunits.csv (figures of departments,
    districts, centres: kept apart), OUT.held_back.csv (figures a cross-check held back: a
    key given twice, a broken identity) and OUT.warnings.csv (cross-check disagreements, in the
    failures table's columns); OUT validates with `cchc validate`. A file without readable
    text (a scanned PDF, a .doc) is named with the reason and left out; exits 1 if any was.
    """
    from cchc_analysis.extract import extract_files, write_extraction
    from cchc_analysis.read.encodings import DecodeProblem
    from cchc_analysis.reference.periods import PeriodError
    from cchc_analysis.reference.registry import ProvinceNotFound

    try:
        result = extract_files(
            files,
            province=province,
            period=period,
            encoding=encoding,
            keep_conflicts=keep_conflicts,
        )
    except (OSError, DecodeProblem, LookupError, PeriodError, ProvinceNotFound) as exc:
        _fail(f"error: {exc}")
        return
    for reason in result.unreadable:
        typer.echo(f"error: {reason}", err=True)
    for skipped in result.skipped:
        typer.echo(f"{skipped}: skipped (not .txt, .html, .docx or .pdf)", err=True)
    if not result.documents:
        _fail("error: no readable text among the files given; nothing written")
        return
    paths = write_extraction(result, out)
    for doc in result.documents:
        where = (
            f"{doc.province or '?'} ({doc.province_how}), {doc.period or '?'} ({doc.period_how})"
        )
        typer.echo(
            f"{doc.file}: {doc.figures} figures, {doc.subunit_figures} of sub-units; {where}; "
            f"read in {'English' if doc.language == 'en' else 'Vietnamese'}"
        )
        if any(w in doc.encoding for w in ("rebuilt", "converted", "without a text layer")):
            typer.echo(f"{doc.file}: read as {doc.encoding}")
        rows = [f for f in result.figures + result.subunits if f.file == doc.file]
        # a league table's rows each name their own province: only the rows left without say
        needs = [n for n in doc.needs if any(not getattr(f, n.removeprefix("--")) for f in rows)]
        spans = sum(1 for f in rows if not f.period) if doc.period else 0
        if spans:
            typer.echo(
                f"{doc.file}: {spans} row(s) of a span that is no reporting period ('10 tháng', "
                "'from January to May') have no period: their note says which; `cchc validate` "
                "names them",
                err=True,
            )
        if needs:
            what = " and ".join(n.removeprefix("--") for n in needs)
            hint = {"--province": "--province 'Quảng Ninh'", "--period": "--period 2023-9M"}
            why = {"--province": doc.province_how, "--period": doc.period_how}
            example = " ".join(hint[n] for n in needs)
            typer.echo(
                f"{doc.file}: rows have no {what} ({'; '.join(why[n] for n in needs)}); set it"
                f" with {' and '.join(needs)} (as in {example})",
                err=True,
            )
    for warning in result.warnings:
        row = f":{warning.row}" if warning.row else ""
        typer.echo(f"warning {warning.file}{row}: {warning.rule}: {warning.message_en}", err=True)
    typer.echo(
        f"wrote {len(result.figures)} rows to {paths['figures']}; sub-units: "
        f"{paths['subunits']}; held back ({len(result.held_back)}): {paths['held_back']}; "
        f"warnings: {paths['warnings']}"
    )
    if result.unreadable:
        raise typer.Exit(1)


app.add_typer(index_app, name="index")


def main() -> None:
    """Entry point of the ``cchc`` script."""
    app(prog_name="cchc")


if __name__ == "__main__":
    main()
