"""The front door: the analyst's path through the library in a dozen functions.

``import cchc_analysis as cchc`` gives them (loaded on first use, so the import is light).
The same arguments everywhere: a table is a path (CSV, XLSX/XLS, Parquet) or a frame (Polars
or pandas; in the contract's columns, or already standardised); a period is ``2024``,
``'2024'`` or ``'2024-Q3'``; a province is any usual spelling (``'TP.HCM'``, ``'Thanh Hoá'``,
``'ha noi'``) or its code; a rubric is a bundled id, a YAML path or a Rubric. Results show
themselves in a notebook. A wrong argument says what was expected; no Polars expression dump
reaches the analyst.
"""

from __future__ import annotations

import contextlib
import functools
import tempfile
from collections.abc import Callable, Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

import polars as pl

from cchc_analysis.arguments import (
    AnalysisError,
    interval_row,
    latest_period,
    period_text,
    resolve,
    type_error,
)
from cchc_analysis.results import Profile, Report, ScoreResult, Uncertainty, Validation

if TYPE_CHECKING:
    from cchc_analysis.scoring.rubric import Rubric
    from cchc_analysis.scoring.rubric_edit import BandsLike

DEFAULT_RUBRIC = "par-index-illustrative"
DEMO_FILE = "cchc_indicators_2021_2025_SYNTHETIC.csv"
UNCERTAINTY_RUNS = 1000  # as ``cchc score`` writes them beside the scores for the reports
UNCERTAINTY_SEED = 20250701

P = ParamSpec("P")
R = TypeVar("R")


def _short(exc: BaseException) -> str:
    """Return an exception's message without a query plan or expression dump."""
    message = str(exc).strip()
    for marker in ("\n\nResolved plan", "\n\nError originated", "\nResolved plan", "\n\n"):
        message = message.split(marker)[0]
    lines = message.splitlines()
    return lines[0] if lines else type(exc).__name__


def front_door(function: Callable[P, R]) -> Callable[P, R]:
    """Turn Polars errors raised inside ``function`` into one-line AnalysisErrors."""

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return function(*args, **kwargs)
        except pl.exceptions.PolarsError as exc:
            raise AnalysisError(
                f"{function.__name__}(): the table does not fit ({type(exc).__name__}: "
                f"{_short(exc)}); check its columns and types against the indicator table "
                "contract (province, period, indicator, value)"
            ) from None

    return wrapper


# --------------------------------------------------------------------------- arguments


def _is_standardised(frame: pl.DataFrame) -> bool:
    return {"province_code", "period", "indicator", "value"} <= set(frame.columns)


def _as_frame(source: object, function: str) -> pl.DataFrame | None:
    """Return ``source`` as a Polars frame (pandas converted), or None when it is a path."""
    if isinstance(source, pl.DataFrame):
        return source
    if isinstance(source, pl.LazyFrame):
        return source.collect()
    if type(source).__module__.startswith("pandas"):
        return pl.from_pandas(source)
    if isinstance(source, str | Path):
        return None
    raise type_error(
        function, "table", "a path (str or Path) or a DataFrame (Polars or pandas)", source
    )


@front_door
def read_table(
    table: str | Path | pl.DataFrame,
    *,
    sheet: str | int | None = None,
    number_format: str = "auto",
    encoding: str | None = None,
    legacy: str = "error",
) -> pl.DataFrame:
    """Return a table standardised to the long form (province code, period, indicator, value
    parsed; the file's row numbers kept), from a path or a frame; not yet validated."""
    from cchc_analysis.read.contract import LoadError
    from cchc_analysis.read.load import load_indicators

    if isinstance(table, Validation):
        return table.indicators
    frame = _as_frame(table, "read_table")
    if frame is None:
        path = Path(table)  # type: ignore[arg-type]
        if not path.exists():
            raise FileNotFoundError(f"read_table(): no file {path} (current folder: {Path.cwd()})")
        options: dict[str, Any] = {"number_format": number_format, "legacy": legacy}
        if encoding:
            options["encoding"] = encoding
        return load_indicators(path, sheet, **options)
    if _is_standardised(frame) and frame.schema["value"].is_float():
        return frame
    # Through a Parquet file: a frame is read exactly as the same table saved to disk would be.
    with tempfile.TemporaryDirectory(prefix="cchc-frame-") as folder:
        path = Path(folder) / "frame.parquet"
        frame.write_parquet(path)
        try:
            loaded = load_indicators(path, number_format=number_format, legacy=legacy)
        except LoadError as exc:  # name the frame, not our temporary file
            raise LoadError(str(exc).replace(str(path), "the frame")) from None
    return loaded.with_columns(file=pl.lit("<frame>"))


@front_door
def validate_table(table: str | Path | pl.DataFrame, **read_options: Any) -> Validation:
    """Return the validation of a table (path or frame): ``ok``, the failures table (file,
    row, column, rule, message), ``by_rule()``, and the ``accepted``/``quarantined`` rows."""
    from cchc_analysis.validate.indicators import validate_indicators

    result = validate_indicators(read_table(table, **read_options))
    return Validation(**{name: getattr(result, name) for name in result.__dataclass_fields__})


def load_demo(raw: bool = False) -> pl.DataFrame:
    """Return the bundled SYNTHETIC demo table (63 provinces 2021–2024, 34 in 2025),
    standardised; ``raw=True``: the file as written, in the contract's columns."""
    path = resources.files("cchc_analysis") / "data" / "demo" / DEMO_FILE
    if raw:
        return pl.read_csv(path.read_bytes(), infer_schema=False)
    with resources.as_file(path) as local:
        return read_table(local)


def load_rubric(rubric: str | Path | Rubric = DEFAULT_RUBRIC) -> Rubric:
    """Return a rubric: a bundled id (``par-index-illustrative``, ``par-index-published``,
    ``dossier-service``, ``pci``, ``papi``) or the path of a rubric YAML."""
    from cchc_analysis.scoring.rubric import Rubric
    from cchc_analysis.scoring.rubric import load_rubric as load

    if isinstance(rubric, Rubric):
        return rubric
    if not isinstance(rubric, str | Path):
        raise type_error("load_rubric", "rubric", "a bundled rubric id or a YAML path", rubric)
    return load(str(rubric))


def edit_rubric(
    rubric: Rubric | str | Path,
    criterion: str,
    *,
    floor: float | None = None,
    target: float | None = None,
    bands: BandsLike | None = None,
    shift: float | None = None,
    max_points: float | None = None,
    missing: str | None = None,
    drop: bool = False,
) -> Rubric:
    """Return a copy of a rubric with one criterion changed, whatever its rule: ``floor`` /
    ``target`` (linear, survey), ``bands`` ({minimum: points}), ``shift`` (move every
    threshold), ``max_points``, ``missing`` policy, or ``drop=True``. The original is kept."""
    from cchc_analysis.scoring.rubric_edit import edit_rubric as edit

    if not isinstance(criterion, str):
        raise type_error("edit_rubric", "criterion", "a criterion id (str)", criterion)
    return edit(
        load_rubric(rubric),
        criterion,
        floor=floor,
        target=target,
        bands=bands,
        shift=shift,
        max_points=max_points,
        missing=missing,
        drop=drop,
    )


# --------------------------------------------------------------------------- scoring


def _indicators_to_score(table: object) -> pl.DataFrame:
    """Return standardised rows to score, as ``cchc score`` takes them: validated rows as
    they are, anything else read and validated first (an error stops it)."""
    from cchc_analysis.validate.gate import InputRejected, load_for_scoring

    if isinstance(table, ScoreResult):
        return table.indicators
    if isinstance(table, Validation):
        if not table.ok:
            raise AnalysisError(
                f"the table has {table.errors.height} validation error(s): fix them, or score "
                "the rows without errors with score_table(validation.accepted)"
            )
        return table.indicators
    frame = _as_frame(table, "score_table")
    if frame is None:
        path = Path(table)  # type: ignore[arg-type]
        if not path.exists():
            raise FileNotFoundError(f"score_table(): no file {path} (current folder: {Path.cwd()})")
        return load_for_scoring(path)
    if "province_code" in frame.columns and _is_standardised(frame):
        return frame
    checked = validate_table(frame)
    if not checked.ok:
        raise InputRejected(Path("<frame>"), checked.failures)
    return checked.indicators


def _check_inputs(indicators: pl.DataFrame, rubric: Rubric) -> None:
    """Refuse a rubric none of whose indicators is in the table (every score would be 0)."""
    wanted = sorted(
        {i for _, leaf in rubric.criteria() if leaf.measure for i in leaf.measure.inputs()}
    )
    present = set(indicators["indicator"].unique().to_list())
    if wanted and not present.intersection(wanted):
        raise AnalysisError(
            f"score_table(): rubric {rubric.id} reads {wanted[:6]}{' …' if len(wanted) > 6 else ''}"
            f" and the table has none of them (it has {sorted(present)[:6]} …): choose the rubric "
            "that fits the table"
        )


@front_door
def score_table(
    table: str | Path | pl.DataFrame | Validation,
    rubric: str | Path | Rubric = DEFAULT_RUBRIC,
) -> ScoreResult:
    """Return the scores of every province and period, exactly as ``cchc score`` computes
    them: criterion → domain → total → index → rank → grade, with the change against the
    previous year (across the 2025 merger: against the predecessors combined)."""
    from cchc_analysis.scoring.engine import score_indicators
    from cchc_analysis.scoring.merger import compare_with_previous

    chosen = load_rubric(rubric)
    indicators = _indicators_to_score(table)
    _check_inputs(indicators, chosen)
    scores = score_indicators(indicators, chosen)
    totals = compare_with_previous(indicators, scores, chosen)
    return ScoreResult(
        criteria=scores.criteria.sort("period", "province_code", "criterion_order"),
        domains=scores.domains.sort("period", "province_code", "domain_order"),
        totals=totals.sort("period", "rank", "province_code"),
        rubric=chosen,
        indicators=indicators,
        methodology=str(rubric) if isinstance(rubric, str | Path) else "",
    )


Scored = ScoreResult | str | Path | pl.DataFrame


def _scores(value: object, function: str) -> ScoreResult:
    """Return scores as given, or a table (path or frame) scored with the default rubric."""
    if isinstance(value, ScoreResult):
        return value
    if isinstance(value, str | Path | pl.DataFrame | Validation) or type(
        value
    ).__module__.startswith("pandas"):
        return score_table(value)  # type: ignore[arg-type]
    raise type_error(
        function, "scores", "the result of cchc.score_table(...), or a table (path or frame)", value
    )


@front_door
def compare_provinces(
    scores: Scored, provinces: Sequence[str], year: int | str | None = None
) -> pl.DataFrame:
    """Return provinces (any spelling) side by side in a year: index, rank of N, rank in the
    region, grade and change since the year before."""
    chosen = _scores(scores, "compare_provinces")
    if isinstance(provinces, str) or not isinstance(provinces, Sequence):
        raise type_error("compare_provinces", "provinces", "a list of province names", provinces)
    period = period_text(year) if year is not None else latest_period(chosen.totals)
    codes = [resolve(name, period, "compare_provinces").code for name in provinces]
    columns = ["province", "index_pct", "rank", "n_provinces", "rank_in_region", "grade"]
    extra = [c for c in ("change_points", "change_places") if c in chosen.totals.columns]
    return (
        chosen.totals.filter((pl.col("period") == period) & pl.col("province_code").is_in(codes))
        .select(*columns, *extra)
        .sort("rank")
    )


@front_door
def rank_changes(
    before: ScoreResult, after: ScoreResult, year: int | str | None = None
) -> pl.DataFrame:
    """Return every province's index and rank before and after a change (a rubric edit, a
    corrected table), largest moves first; ``places`` > 0 means it moved up."""
    first, second = _scores(before, "rank_changes"), _scores(after, "rank_changes")
    period = period_text(year) if year is not None else latest_period(first.totals)
    keep = ["province_code", "province", "index_pct", "rank"]
    return (
        first.totals.filter(pl.col("period") == period)
        .select(keep)
        .join(
            second.totals.filter(pl.col("period") == period).select(keep),
            on=["province_code", "province"],
            suffix="_after",
        )
        .with_columns(places=pl.col("rank") - pl.col("rank_after"))
        .sort(pl.col("places").abs(), "rank", descending=[True, False])
    )


# --------------------------------------------------------------------------- uncertainty


def _spec_for(scores_or_rubric: Rubric, methodology: str) -> Any:
    from cchc_analysis.uncertainty.spec import load_spec, spec_path

    for name in (methodology, scores_or_rubric.id):
        if name and spec_path(name).is_file():
            return load_spec(name)
    return None


@front_door
def rank_uncertainty(
    table: ScoreResult | str | Path | pl.DataFrame,
    rubric: str | Path | Rubric | None = None,
    *,
    years: Iterable[int | str] | int | str | None = None,
    runs: int = UNCERTAINTY_RUNS,
    seed: int = UNCERTAINTY_SEED,
    sources: Iterable[str] | str | None = None,
    sensitivity: bool = False,
) -> Uncertainty:
    """Return how sure every rank is: a Monte Carlo over the uncertain inputs declared beside
    the rubric (``rubrics/<id>.uncertainty.yaml``), per province the nominal and median rank,
    the 90 % interval and each grade band's probability. ``table``: scores (their rubric is
    used) or a table; ``years``: one or several (default: every annual period)."""
    from cchc_analysis.uncertainty.run import rank_uncertainty as run
    from cchc_analysis.uncertainty.spec import UncertaintyError, select_sources

    if isinstance(table, ScoreResult):
        chosen = load_rubric(rubric) if rubric is not None else table.rubric
        methodology = table.methodology if rubric is None else str(rubric)
        indicators = table.indicators
    else:
        chosen = load_rubric(rubric or DEFAULT_RUBRIC)
        methodology = str(rubric or DEFAULT_RUBRIC) if not hasattr(rubric, "id") else ""
        indicators = _indicators_to_score(table)
    assert chosen is not None
    spec = _spec_for(chosen, methodology)
    if spec is None:
        raise UncertaintyError(
            f"rubric {chosen.id} declares no uncertain inputs: write "
            f"{chosen.id}.uncertainty.yaml beside it (see rubrics/par-index-illustrative"
            ".uncertainty.yaml)"
        )
    if isinstance(years, int | str):
        years = [years]
    if not isinstance(runs, int) or isinstance(runs, bool) or runs < 2:
        raise type_error("rank_uncertainty", "runs", "an int of at least 2", runs)
    periods = (
        [period_text(y) for y in years]
        if years is not None
        else sorted(p for p in indicators["period"].unique().to_list() if len(p) == 4)
    )
    absent = sorted(set(periods) - set(indicators["period"].unique().to_list()))
    if absent:
        raise AnalysisError(f"rank_uncertainty(): the table has no rows for {absent}")
    result = run(
        indicators,
        chosen,
        select_sources(spec, sources),
        runs,
        seed,
        periods,
        sensitivity=sensitivity,
    )
    sources = (
        indicators["source"] if "source" in indicators.columns else pl.Series([], dtype=pl.String)
    )
    return Uncertainty(
        **{f: getattr(result, f) for f in result.__dataclass_fields__},
        synthetic=bool(sources.str.to_uppercase().str.contains("SYNTHETIC").any()),
        rubric=chosen,
    )


# --------------------------------------------------------------------------- one province


def _view(scores: ScoreResult, province: str, year: int | str | None, lang: str, function: str):
    from cchc_analysis.reports.view import build_view

    if lang not in ("vi", "en"):
        raise AnalysisError(f"{function}(): lang must be 'vi' or 'en', not {lang!r}")
    period = period_text(year) if year is not None else latest_period(scores.totals)
    if len(period) != 4:
        raise AnalysisError(f"{function}(): a profile is of a year (e.g. 2024), not {period}")
    if period not in scores.periods:
        raise AnalysisError(
            f"{function}(): no scores for {period}; these scores cover {', '.join(scores.periods)}"
        )
    found = resolve(province, period, function)
    indicators = scores.indicators.filter(pl.col("period") == period)
    return build_view(scores.tables, scores.manifest, found.code, int(period), lang, indicators)


def _interval_of(
    scores: ScoreResult, code: str, year: int, uncertainty: Uncertainty | None
) -> dict[str, Any] | None:
    from cchc_analysis.uncertainty.spec import UncertaintyError

    if uncertainty is None:
        try:
            uncertainty = rank_uncertainty(scores, years=year)
        except UncertaintyError:
            return None
    return interval_row(uncertainty.intervals, code, year)


@front_door
def province_profile(
    scores: Scored,
    province: str,
    year: int | str | None = None,
    *,
    lang: str = "vi",
    uncertainty: Uncertainty | None = None,
) -> Profile:
    """Return one province's profile for a year (the latest unless given): headline, domains
    with gaps to the national and regional medians, strengths and weaknesses, rank interval."""
    chosen = _scores(scores, "province_profile")
    view = _view(chosen, province, year, lang, "province_profile")
    domains = view.profile.with_columns(
        gap_to_median=(pl.col("pct") - pl.col("median_pct")).round(2),
        gap_to_region=(pl.col("pct") - pl.col("region_median_pct")).round(2),
    )
    label, domain = f"label_{lang}", f"domain_label_{lang}"
    picked = [label, domain, "points", "max_points", "gap", f"explanation_{lang}"]
    return Profile(
        province=view.province,
        year=view.year,
        lang=lang,
        headline=view.headline,
        domains=domains,
        strengths=view.strengths.select(picked),
        weaknesses=view.weaknesses.select(picked),
        rank_interval=_interval_of(chosen, view.province.code, view.year, uncertainty),
        view=view,
    )


@front_door
def province_report(
    scores: Scored,
    province: str,
    year: int | str | None = None,
    *,
    lang: str = "vi",
    uncertainty: Uncertainty | None = None,
    validation: Validation | None = None,
) -> Report:
    """Return one province's report, the sections the batch renders (charts as inline SVG,
    offline), to show in the notebook or ``.save('report.html')``."""
    from dataclasses import replace

    from cchc_analysis.reports import sections
    from cchc_analysis.reports.view import province_warnings
    from cchc_analysis.uncertainty.spec import UncertaintyError

    chosen = _scores(scores, "province_report")
    view = _view(chosen, province, year, lang, "province_report")
    if validation is not None:
        view = replace(
            view, warnings=province_warnings(validation.failures, view.province, view.year, lang)
        )
    rubric_id = chosen.rubric.id if chosen.rubric else None
    parameters = {"province": province, "year": view.year, "lang": lang, "rubric": rubric_id}
    view = replace(view, parameters=parameters)
    if uncertainty is None:
        # without uncertain inputs declared for the rubric, the section says so
        with contextlib.suppress(UncertaintyError):
            uncertainty = rank_uncertainty(chosen, years=view.year)
    if uncertainty is not None:
        period = str(view.year)
        bands = (
            uncertainty.bands.filter(pl.col("period") == period)
            .group_by("grade")
            .agg(pl.col("band_min").first())
            .sort("band_min", descending=True)
        )
        view = replace(
            view,
            intervals=uncertainty.intervals.filter(pl.col("period") == period),
            bands=bands,
        )
    # the sections of notebooks/province_report.py, in its order
    parts = [
        sections.banner(view),
        sections.summary_section(view),
        sections.headline(view),
        sections.profile_section(view),
        sections.strengths_section(view),
        sections.indicators_section(view),
        sections.peers_section(view),
        sections.ranking_section(view),
        sections.uncertainty_section(view),
        sections.trend_section(view),
        sections.criteria_section(view),
        sections.warnings_section(view),
        sections.provenance_footer(view),
    ]
    return Report(f"{view.name} — {view.year}", parts, lang)


@front_door
def export_excel(
    scores: Scored,
    path: str | Path,
    year: int | str | None = None,
    *,
    lang: str = "vi",
) -> Path:
    """Write one year's totals, domains and criteria (every point explained; numbers as
    numbers) to an Excel workbook; ``path``: a .xlsx file or a folder. Return the file."""
    from cchc_analysis.reports.workbook import workbook_bytes, workbook_name
    from cchc_analysis.store.outputs import atomic_write_bytes

    chosen = _scores(scores, "export_excel")
    if not isinstance(path, str | Path):
        raise type_error("export_excel", "path", "a .xlsx file or folder (str or Path)", path)
    if lang not in ("vi", "en"):
        raise AnalysisError(f"export_excel(): lang must be 'vi' or 'en', not {lang!r}")
    period = period_text(year) if year is not None else latest_period(chosen.totals)
    target = Path(path)
    if target.suffix and target.suffix.lower() != ".xlsx":
        raise AnalysisError(f"export_excel(): write a .xlsx file or into a folder, not {target}")
    if not target.suffix:
        target = target / workbook_name(int(period[:4]))
    data = workbook_bytes(chosen.tables, int(period[:4]), lang, chosen.manifest)
    return atomic_write_bytes(target, data)
