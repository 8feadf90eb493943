"""``cchc index``: check a spec, build an index with its uncertainty and audit report.

Examples:
    cchc index check my_index.yaml
    cchc index build my_index.yaml data.csv --out out/my_index
    cchc index build benchmarks/coinr/coinr_bench.yaml iData.csv --out out/coinr --runs 10000
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    no_args_is_help=True,
    rich_markup_mode=None,
    help="Build a composite index of your own from a YAML spec (JRC/OECD steps, as COINr).",
)


def _fail(message: str) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(1)


@app.command("check")
def check(spec: Annotated[Path, typer.Argument(help="The index spec (YAML).")]) -> None:
    """Check a spec against the schema and print its hierarchy."""
    from cchc_analysis.index.spec import IndexSpecError, read_spec

    try:
        checked = read_spec(spec)
    except IndexSpecError as exc:
        _fail(str(exc))
        return
    tree = checked.tree
    typer.echo(f"{spec}: index {checked.id!r}, {len(tree.indicators)} indicators")
    for group in reversed(tree.groups_bottom_up):
        typer.echo(f"  level {tree.level[group]} {group}: {', '.join(tree.children[group])}")


@app.command("build")
def build_command(
    spec: Annotated[Path, typer.Argument(help="The index spec (YAML).")],
    data: Annotated[Path, typer.Argument(help="The data: one row per unit (× period).")],
    out: Annotated[Path, typer.Option(help="Folder for the tables and the audit report.")],
    runs: Annotated[
        int | None,
        typer.Option(help="Monte Carlo replications [default: the spec's; 0 for none]."),
    ] = None,
    seed: Annotated[int | None, typer.Option(help="Random seed [default: the spec's].")] = None,
    period: Annotated[
        str | None,
        typer.Option(help="Period of the uncertainty analysis, or 'all' [default: latest]."),
    ] = None,
    audit: Annotated[bool, typer.Option(help="Write audit.html, the audit report.")] = True,
) -> None:
    """Build the index: every level's scores and ranks (level_N, scores), coverage and
    imputation, outlier treatment, correlations, PCA, flags, weights beside importance, and,
    when the spec has an uncertainty section, rank intervals (rank_stats) and every
    replication's parameters (replications; the same draws serve every period with --period
    all); Parquet and CSV, index.xlsx, index_manifest.json."""
    import polars as pl

    from cchc_analysis.index.aggregate import AggregationError
    from cchc_analysis.index.api import build_index, load_spec
    from cchc_analysis.index.build import IndexBuildError
    from cchc_analysis.index.data import IndexDataError
    from cchc_analysis.index.io import uncertainty_tables, write_build
    from cchc_analysis.index.montecarlo import inputs_of, monte_carlo
    from cchc_analysis.index.spec import IndexSpecError, UncertaintyOptions

    if runs is not None and runs < 0:
        _fail("--runs must be 0 or more")
    try:
        checked = load_spec(spec)
        built = build_index(checked, data)
        if period is not None and period != "all" and period not in built.periods:
            _fail(f"--period {period!r} is not in the data (it has {sorted(built.periods)})")
        options = checked.uncertainty or UncertaintyOptions()
        mc = None
        if runs != 0 and (checked.uncertainty is not None or runs):
            started = time.perf_counter()
            chosen = sorted(built.periods) if period == "all" else [period]
            runs_of = [monte_carlo(built, options, runs, seed, p) for p in chosen]
            mc = runs_of[-1]
            elapsed = time.perf_counter() - started
            each = f" for each of {len(chosen)} periods" if len(chosen) > 1 else ""
            typer.echo(f"{mc.scores.shape[0]} replications{each} in {elapsed:.3f} s")
            if not inputs_of(built, options):
                typer.echo(
                    "warning: the spec's uncertainty section declares no uncertain input "
                    "(weights, imputation, normalisation, aggregation, drop_indicators): "
                    "every interval is the nominal rank",
                    err=True,
                )
        extra: dict[str, pl.DataFrame] = {}
        if mc is not None:
            parts = [uncertainty_tables(built, options, one) for one in runs_of]
            extra = {
                name: pl.concat([part[name] for part in parts])
                if name == "rank_stats"
                else parts[-1][name]
                for name in parts[-1]
            }
        paths = write_build(built, out, spec, data, extra, mc)
        if audit:
            from cchc_analysis.index.audit import write_audit

            paths.append(write_audit(built, out / "audit.html", mc))
    except (IndexSpecError, IndexDataError, IndexBuildError, AggregationError) as exc:
        _fail(str(exc))
        return
    typer.echo(f"wrote {len(paths)} files to {out}")
