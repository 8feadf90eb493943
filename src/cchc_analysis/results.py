"""What the front door (``cchc_analysis.api``) returns: the library's own result types with a
short ``repr``, an HTML summary for notebooks (``_repr_html_``, drawn by ``display``) and the
few conveniences an analyst reaches for. Each is the library type it extends, so everything
that takes a ``Scores``, ``ValidationResult`` or ``UncertaintyResult`` takes these too."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import polars as pl

from cchc_analysis.scoring.engine import Scores
from cchc_analysis.uncertainty.run import UncertaintyResult
from cchc_analysis.validate.indicators import ValidationResult

if TYPE_CHECKING:
    import altair as alt

    from cchc_analysis.reference.registry import Province
    from cchc_analysis.reports.markup import Html
    from cchc_analysis.reports.view import ReportView
    from cchc_analysis.scoring.rubric import Rubric


def _periods_text(periods: list[str]) -> str:
    if not periods:
        return "no period"
    return periods[0] if len(periods) == 1 else f"{periods[0]}–{periods[-1]}"


@dataclass(frozen=True, eq=False)
class Validation(ValidationResult):
    """A checked table: ``ok``, ``failures`` (one row per failure: file, row, column, rule,
    severity, messages), ``by_rule()``, ``accepted`` and ``quarantined`` rows."""

    @property
    def errors(self) -> pl.DataFrame:
        """Return the failures of severity 'error' (they block scoring)."""
        return self.failures.filter(pl.col("severity") == "error")

    @property
    def warnings(self) -> pl.DataFrame:
        """Return the failures of severity 'warning' (reported only)."""
        return self.failures.filter(pl.col("severity") == "warning")

    def by_rule(self) -> pl.DataFrame:
        """Return the failures grouped by severity and rule: how many, in how many input rows,
        the first row and one message (errors first, then the most frequent)."""
        return (
            self.failures.group_by("severity", "rule")
            .agg(
                pl.len().alias("failures"),
                pl.struct("file", "row").n_unique().alias("rows"),
                pl.col("row").min().alias("first_row"),
                pl.col("message_en").first().alias("message_en"),
                pl.col("message_vi").first().alias("message_vi"),
            )
            .sort("severity", "failures", "rule", descending=[False, True, False])
        )

    @property
    def accepted(self) -> pl.DataFrame:
        """Return the rows of every input row without an error (ready to score)."""
        return self.split()[0]

    @property
    def quarantined(self) -> pl.DataFrame:
        """Return every input row that has an error, whole, with its ``reasons``."""
        return self.split()[1]

    def __repr__(self) -> str:
        state = "ok" if self.ok else "NOT ok"
        return (
            f"<Validation {state}: {self.indicators.height} rows, {self.errors.height} error(s), "
            f"{self.warnings.height} warning(s)>"
        )

    def _repr_html_(self) -> str:
        from cchc_analysis.display import validation_html

        return validation_html(self)


def _sha256(path: str) -> str | None:
    from pathlib import Path

    from cchc_analysis.store.outputs import sha256_of

    return sha256_of(Path(path)) if Path(path).is_file() else None


@dataclass(frozen=True, eq=False)
class ScoreResult(Scores):
    """Scores of every province and period, as ``cchc score`` writes them: ``totals`` (with
    the change against the previous year, across the 2025 merger too), ``domains``,
    ``criteria`` (every point explained), the ``rubric`` used and the ``indicators`` scored."""

    rubric: Rubric | None = None
    indicators: pl.DataFrame = field(default_factory=pl.DataFrame)
    methodology: str = ""  # the name or path the rubric came from ('' for an edited one)

    @property
    def periods(self) -> list[str]:
        """Return the periods scored, oldest first."""
        return sorted(self.totals["period"].unique().to_list())

    @property
    def synthetic(self) -> bool:
        """True when any scored row says it is synthetic in its source."""
        if "source" not in self.indicators.columns:
            return False
        sources = self.indicators["source"].drop_nulls().unique().to_list()
        return any("SYNTHETIC" in str(s).upper() for s in sources)

    @property
    def tables(self) -> dict[str, pl.DataFrame]:
        """Return {'totals', 'domains', 'criteria'} (what the report and workbook read)."""
        return {"totals": self.totals, "domains": self.domains, "criteria": self.criteria}

    @property
    def manifest(self) -> dict[str, Any]:
        """Return what the scores were made from, as the run manifest words it."""
        from cchc_analysis import __version__

        rubric = self.rubric
        files = (
            sorted(self.indicators["file"].drop_nulls().unique().to_list())
            if "file" in self.indicators.columns
            else []
        )
        return {
            "synthetic": self.synthetic,
            "rubric": {
                "id": rubric.id if rubric else None,
                "version": rubric.version if rubric else None,
                "status": rubric.status if rubric else None,
                "sha256": self._rubric_sha256(),
            },
            "inputs": [{"path": f, "sha256": _sha256(f)} for f in files],
            "package_version": __version__,
            "git_commit": "not recorded (scored in a notebook)",
        }

    def _rubric_sha256(self) -> str | None:
        """Return the sha256 of the rubric's YAML text (its file, or an edited rubric's dump)."""
        from cchc_analysis.scoring.rubric import rubric_text
        from cchc_analysis.store.outputs import sha256_text

        if self.rubric is None:
            return None
        if self.methodology:
            return sha256_text(rubric_text(self.methodology))
        return sha256_text(self.rubric.model_dump_json())

    def ranking(self, year: int | str | None = None) -> pl.DataFrame:
        """Return one period's totals, best rank first (the latest annual period unless
        given): province, index_pct, rank, grade, change in points and places."""
        from cchc_analysis.arguments import AnalysisError, latest_period, period_text

        period = period_text(year) if year is not None else latest_period(self.totals)
        columns = [
            "rank",
            "province",
            "index_pct",
            "grade",
            "region",
            "rank_in_region",
            "change_points",
            "change_places",
            "comparison_basis",
        ]
        rows = self.totals.filter(pl.col("period") == period).sort("rank", "province_code")
        if rows.is_empty():
            raise AnalysisError(f"no scores for {period}; these cover {', '.join(self.periods)}")
        return rows.select([c for c in columns if c in rows.columns])

    def __repr__(self) -> str:
        rubric = self.rubric
        name = f"{rubric.id} v{rubric.version} ({rubric.status})" if rubric else "?"
        synthetic = " · SYNTHETIC data" if self.synthetic else ""
        return (
            f"<ScoreResult {name}: {self.totals.height} province-periods, "
            f"{_periods_text(self.periods)}{synthetic}>"
        )

    def _repr_html_(self) -> str:
        from cchc_analysis.display import scores_html

        return scores_html(self)


@dataclass(frozen=True, eq=False)
class Uncertainty(UncertaintyResult):
    """Rank uncertainty of every period asked for: ``intervals`` (one row per period ×
    province: nominal, median rank, 90 % interval, grade probabilities), ``bands``,
    ``summary``; ``interval_text`` says one province's rank with its interval."""

    synthetic: bool = False  # computed from synthetic data
    rubric: Rubric | None = None

    def interval(self, province: str, year: int | str | None = None) -> dict[str, Any]:
        """Return one province's interval row (name in any spelling, or code)."""
        from cchc_analysis.arguments import interval_row

        return interval_row(self.intervals, province, year)

    def interval_text(self, province: str, year: int | str | None = None, lang: str = "vi") -> str:
        """Return 'hạng 5, khoảng 90 %: 3–9' (or in English) for one province."""
        from cchc_analysis.uncertainty.sentences import format_rank_interval

        row = self.interval(province, year)
        return format_rank_interval(
            row["nominal_rank"], row["rank_lo"], row["rank_hi"], lang, row["level"]
        )

    def chart(
        self, year: int | str | None = None, province: str | None = None, lang: str = "vi"
    ) -> alt.LayerChart:
        """Return every province's rank interval as an Altair chart, one province highlighted."""
        from cchc_analysis.arguments import latest_period, period_text
        from cchc_analysis.reports.uncertainty_charts import plot_rank_intervals

        period = period_text(year) if year is not None else latest_period(self.intervals)
        code = self.interval(province, period)["province_code"] if province else None
        return plot_rank_intervals(self.intervals, code, lang, period)

    def __repr__(self) -> str:
        periods = sorted(self.summary["period"].to_list())
        runs = self.summary["runs"][0] if self.summary.height else 0
        return f"<Uncertainty {_periods_text(periods)}: {runs} runs, {self.intervals.height} rows>"

    def _repr_html_(self) -> str:
        from cchc_analysis.display import uncertainty_html

        return uncertainty_html(self)


@dataclass(frozen=True, eq=False)
class Profile:
    """One province in one year: the headline (index, rank of N, grade, change), its domains
    with the gaps to the national and regional medians, strengths and weaknesses, and the
    rank interval (None when the rubric declares no uncertain inputs)."""

    province: Province
    year: int
    lang: str
    headline: dict[str, Any]
    domains: pl.DataFrame
    strengths: pl.DataFrame
    weaknesses: pl.DataFrame
    rank_interval: dict[str, Any] | None
    view: ReportView

    @property
    def rank_interval_text(self) -> str | None:
        """Return 'hạng 5, khoảng 90 %: 3–9' (in the profile's language), or None."""
        from cchc_analysis.uncertainty.sentences import format_rank_interval

        row = self.rank_interval
        if row is None:
            return None
        return format_rank_interval(
            row["nominal_rank"], row["rank_lo"], row["rank_hi"], self.lang, row["level"]
        )

    @property
    def trend(self) -> pl.DataFrame:
        """Return the index across years: the province, its predecessors before the 2025
        merger (when it was formed from several) and the national median."""
        return self.view.trend

    def chart(self) -> alt.Chart:
        """Return the gap to the national median per domain (Altair, with tooltips)."""
        from cchc_analysis.reports.charts import plot_domain_gaps

        return plot_domain_gaps(self.view.profile, self.lang)

    def trend_chart(self) -> alt.LayerChart:
        """Return the index across years, predecessors before the merger dashed (Altair)."""
        from cchc_analysis.reports.charts import plot_trend

        return plot_trend(self.view.trend, self.lang)

    def __repr__(self) -> str:
        h = self.headline
        return (
            f"<Profile {self.province.name_vi} {self.year}: index {h['index_pct']}, rank "
            f"{h['rank']}/{h['n_provinces']}, grade {h['grade']}>"
        )

    def _repr_html_(self) -> str:
        from cchc_analysis.display import profile_html

        return profile_html(self)


class Report:
    """One province's report as the batch renders it, shown in the notebook (charts as
    inline SVG, nothing fetched) and savable as a standalone HTML page."""

    def __init__(self, title: str, sections: list[Html], lang: str) -> None:
        self.title = title
        self.sections = sections
        self.lang = lang

    @property
    def charts(self) -> dict[str, Any]:
        """Return the Vega-Lite spec of every chart the report draws, by section."""
        return {k: v for s in self.sections for k, v in s.charts.items()}

    def html(self) -> str:
        """Return the report's body HTML (styled, for embedding)."""
        from cchc_analysis.display import report_css

        body = "".join(str(s) for s in self.sections)
        return f'<div class="cchc-report"><style>{report_css()}</style>{body}</div>'

    def save(self, path: str | Any) -> Any:
        """Write the report as a standalone HTML page atomically; return its path."""
        from pathlib import Path

        from cchc_analysis.display import standalone_page
        from cchc_analysis.store.outputs import atomic_write_bytes

        page = standalone_page(self.title, self.html(), self.lang)
        return atomic_write_bytes(Path(path), page.encode("utf-8"))

    def _repr_html_(self) -> str:
        return self.html()

    def __repr__(self) -> str:
        return f"<Report {self.title!r}: {len(self.sections)} sections>"
