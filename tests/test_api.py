"""The front door (``import cchc_analysis as cchc``): what an analyst calls in JupyterLab, the
same arguments everywhere, the same numbers as the CLI, and errors that say what to do."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

import cchc_analysis as cchc

REPO = Path(__file__).resolve().parents[1]
DEMO_CSV = REPO / "data" / "raw" / "demo" / "cchc_indicators_2021_2025_SYNTHETIC.csv"
PACKAGED_DEMO = REPO / "src" / "cchc_analysis" / "data" / "demo" / DEMO_CSV.name


@pytest.fixture(scope="module")
def demo() -> pl.DataFrame:
    return cchc.load_demo()


@pytest.fixture(scope="module")
def scores(demo: pl.DataFrame):
    return cchc.score_table(demo)


# --------------------------------------------------------------------------- the door itself


def test_importing_the_package_loads_no_heavy_library():
    code = (
        "import sys, cchc_analysis as cchc; "
        "print(sorted(m for m in ('great_expectations', 'altair', 'polars', 'pandas', 'papermill')"
        " if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_every_front_door_name_resolves_and_none_shadows_a_module():
    modules = {m.name for m in pkgutil.iter_modules(cchc.__path__)}
    for name in cchc.__all__:
        assert getattr(cchc, name) is not None
        assert name not in modules, f"cchc.{name} would be replaced by the submodule {name}"
        if callable(getattr(cchc, name)):
            assert getattr(cchc, name).__doc__, f"{name} has no docstring"
    assert (REPO / "src" / "cchc_analysis" / "py.typed").exists()
    with pytest.raises(AttributeError, match="no attribute 'scor'"):
        _ = cchc.scor  # type: ignore[attr-defined]


def test_the_packaged_demo_table_is_the_raw_one_byte_for_byte():
    assert PACKAGED_DEMO.read_bytes() == DEMO_CSV.read_bytes(), (
        "the packaged demo table differs from data/raw/demo: `make demo-data` rewrites both"
    )


def test_the_demo_table_says_it_is_synthetic(demo, scores):
    assert demo["source"].str.contains("SYNTHETIC").all()
    assert scores.synthetic
    assert "SYNTHETIC" in scores._repr_html_() and "SYNTHETIC" in repr(scores)
    assert cchc.load_demo(raw=True).columns[:4] == ["province", "period", "indicator", "value"]


# --------------------------------------------------------------------------- scoring


@pytest.mark.slow
def test_scores_equal_the_cli_ones_on_the_demo_data(tmp_path, demo):
    from typer.testing import CliRunner

    from cchc_analysis.cli import app

    result = CliRunner().invoke(app, ["score", str(DEMO_CSV), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    cli = pl.read_parquet(tmp_path / "scores_totals.parquet")
    from_path = cchc.score_table(DEMO_CSV)
    assert_frame_equal(from_path.totals, cli)
    assert_frame_equal(cchc.score_table(str(DEMO_CSV)).totals, cli)
    # the standardised frame and the file give the same scores, comparisons included
    from_frame = cchc.score_table(demo).totals.drop("file", strict=False)
    assert_frame_equal(from_frame, cli.drop("file", strict=False))
    across = cli.filter(pl.col("comparison_basis") == "predecessors_combined")
    assert across.height > 0 and across["period"].unique().to_list() == ["2025"]
    for name in ("domains", "criteria"):
        assert_frame_equal(
            getattr(from_path, name), pl.read_parquet(tmp_path / f"scores_{name}.parquet")
        )


def test_a_raw_frame_in_the_contract_is_read_like_a_file(tmp_path):
    raw = cchc.load_demo(raw=True).filter(pl.col("period") == "2024")
    from_frame = cchc.read_table(raw)
    raw.write_csv(tmp_path / "t.csv")
    from_file = cchc.read_table(tmp_path / "t.csv")
    keep = ["province_code", "period", "indicator", "value", "row"]
    assert_frame_equal(from_frame.select(keep), from_file.select(keep))
    assert set(from_frame["file"]) == {"<frame>"}
    pandas_frame = cchc.read_table(raw.to_pandas())
    assert_frame_equal(pandas_frame.select(keep), from_file.select(keep))


def test_a_table_path_is_scored_where_scores_are_expected(scores):
    profile = cchc.province_profile(DEMO_CSV, "hcmc", "2025")
    assert (
        profile.headline["rank"] == cchc.province_profile(scores, "TP.HCM", 2025).headline["rank"]
    )


def test_periods_and_provinces_in_any_spelling(scores):
    by_int = cchc.compare_provinces(scores, ["TP.HCM", "Thanh Hoá", "ha noi"], 2024)
    by_str = cchc.compare_provinces(scores, ["Hồ Chí Minh", "Thanh Hóa", "Hà Nội"], "2024")
    assert_frame_equal(by_int, by_str)
    assert by_int.height == 3
    assert scores.ranking(2025).height == 34 and scores.ranking().height == 34


# --------------------------------------------------------------------------- validation


def _broken(tmp_path: Path) -> Path:
    raw = cchc.load_demo(raw=True).filter(pl.col("period") == "2024")
    broken = raw.with_columns(
        value=pl.when(pl.int_range(pl.len()) < 3).then(pl.lit("abc")).otherwise("value"),
        province=pl.when(pl.int_range(pl.len()) == 5)
        .then(pl.lit("<script>alert(1)</script>"))
        .otherwise("province"),
    )
    path = tmp_path / "broken.csv"
    broken.write_csv(path)
    return path


def test_validation_groups_failures_by_rule_and_escapes_them(tmp_path):
    result = cchc.validate_table(_broken(tmp_path))
    assert not result.ok
    by_rule = result.by_rule()
    counts = dict(zip(by_rule["rule"], by_rule["failures"], strict=True))
    assert counts["value_is_number"] == 3
    assert counts["province_resolvable"] == 1
    page = result._repr_html_()
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)" in page
    assert "value_is_number" in page and "broken.csv" in page
    # every input row lands in exactly one of accepted and quarantined
    accepted, quarantined = result.accepted, result.quarantined
    assert quarantined.select("row").n_unique() == 4
    assert accepted.height + quarantined.height == result.indicators.height
    assert "NOT ok" in repr(result)


def test_validate_indicators_takes_a_path_too(tmp_path):
    from cchc_analysis.validate.indicators import validate_indicators

    path = _broken(tmp_path)
    assert validate_indicators(path).failures.height == cchc.validate_table(path).failures.height


def test_a_table_with_errors_is_not_scored_but_its_accepted_rows_are(tmp_path):
    from cchc_analysis.validate.gate import InputRejected

    result = cchc.validate_table(_broken(tmp_path))
    with pytest.raises(cchc.AnalysisError, match="validation error"):
        cchc.score_table(result)
    with pytest.raises(InputRejected, match="value_is_number"):
        cchc.score_table(_broken(tmp_path))
    scored = cchc.score_table(result.accepted)
    assert scored.totals["period"].unique().to_list() == ["2024"]


# --------------------------------------------------------------------------- errors


def test_a_wrong_argument_type_says_what_was_expected(scores):
    with pytest.raises(TypeError, match=r"a path \(str or Path\) or a DataFrame"):
        cchc.score_table(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="a list of province names"):
        cchc.compare_provinces(scores, "Hà Nội")
    with pytest.raises(TypeError, match=r"result of cchc\.score_table\(\.\.\.\), or a table"):
        cchc.province_profile(42, "Hà Nội")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="an int or str such as 2024"):
        cchc.compare_provinces(scores, ["Hà Nội"], 2024.0)  # type: ignore[arg-type]
    with pytest.raises(FileNotFoundError, match=r"no file nowhere\.csv"):
        cchc.read_table("nowhere.csv")


def test_a_frame_missing_a_column_is_named_as_the_frame():
    from cchc_analysis.read.contract import LoadError

    frame = pl.DataFrame({"province": ["Hà Nội"], "period": ["2024"], "indicator": ["x"]})
    with pytest.raises(LoadError, match=r"^the frame: missing required column\(s\) \['value'\]"):
        cchc.validate_table(frame)


def test_no_polars_expression_dump_reaches_the_analyst():
    bad = pl.DataFrame(
        {
            "province_code": ["01"],
            "province": ["Hà Nội"],
            "era": ["63"],
            "period": ["2024"],
            "year": [2024],
            "indicator": ["task.completed"],
            "value": [[1.0]],  # a list where a number belongs
        }
    )
    with pytest.raises(Exception) as caught:
        cchc.score_table(bad)
    message = str(caught.value)
    assert "Resolved plan" not in message and "col(" not in message
    assert len(message) < 600
    assert caught.value.__cause__ is None or not isinstance(
        caught.value.__cause__, pl.exceptions.PolarsError
    )


# --------------------------------------------------------------------------- rubrics


def _points(scores, criterion: str) -> pl.Series:
    rows = scores.criteria.filter(
        (pl.col("period") == "2024") & (pl.col("criterion_id") == criterion)
    )
    return rows.sort("province_code")["points"]


def test_edits_of_every_rule_kind_change_the_scores(demo, scores):
    rubric = cchc.load_rubric()
    linear = cchc.edit_rubric(rubric, "direction.task_completion", target=120)
    bands = cchc.edit_rubric(rubric, "procedures.on_time", bands={99.5: 6, 90: 2, 0: 0})
    shifted = cchc.edit_rubric(rubric, "direction.inspection", shift=10)
    for edited, criterion in (
        (linear, "direction.task_completion"),
        (bands, "procedures.on_time"),
        (shifted, "direction.inspection"),
    ):
        before, after = (
            _points(scores, criterion),
            _points(cchc.score_table(demo, edited), criterion),
        )
        assert (after <= before).all() and (after < before).any(), criterion
    assert rubric.leaves() and "direction.task_completion" in [c.id for _, c in rubric.criteria()]


def test_max_points_and_drop_keep_the_rubric_consistent(demo):
    rubric = cchc.load_rubric()
    bigger = cchc.edit_rubric(rubric, "direction.task_completion", max_points=8)
    assert bigger.max_points == rubric.max_points + 2
    assert bigger.domains[0].max_points == 12
    dropped = cchc.edit_rubric(rubric, "direction.inspection", drop=True)
    assert "direction.inspection" not in [c.id for _, c in dropped.criteria()]
    assert dropped.max_points == rubric.max_points - 4
    totals = cchc.score_table(demo, dropped).totals.filter(pl.col("period") == "2024")
    assert (totals["max_points"] == 96).all() and totals["index_pct"].max() <= 100
    assert "v2025.1+direction.inspection:dropped" in repr(dropped)


def test_a_whole_domain_can_be_dropped(demo):
    from cchc_analysis.scoring.rubric import RubricError

    rubric = cchc.load_rubric()
    without = cchc.edit_rubric(rubric, "impact", drop=True)
    assert [d.id for d in without.domains] == [d.id for d in rubric.domains if d.id != "impact"]
    assert without.max_points == rubric.max_points - 28
    totals = cchc.score_table(demo, without).totals
    assert (totals["max_points"] == 72).all()
    with pytest.raises(RubricError, match="'impact' is a domain: edit one of its criteria"):
        cchc.edit_rubric(rubric, "impact", target=90)


def test_an_edited_official_rubric_is_no_longer_called_official():
    pci = cchc.load_rubric("pci")
    edited = cchc.edit_rubric(pci, "pci.land", target=9)
    assert pci.status == "official" and edited.status == "illustrative"
    assert "Edited from the official version" in edited.disclaimer_en


def test_an_edit_that_does_not_fit_says_why():
    from cchc_analysis.scoring.rubric import RubricError

    rubric = cchc.load_rubric()
    with pytest.raises(RubricError, match="threshold_bands: floor/target apply to linear"):
        cchc.edit_rubric(rubric, "procedures.on_time", target=99)
    with pytest.raises(RubricError, match=r"no criterion 'nope'.*direction\.task_completion"):
        cchc.edit_rubric(rubric, "nope", target=1)
    with pytest.raises(TypeError, match="say what to change"):
        cchc.edit_rubric(rubric, "procedures.on_time")


def test_a_rubric_shows_a_short_repr_and_its_tree():
    rubric = cchc.load_rubric()
    assert len(repr(rubric)) < 200 and str(rubric) == repr(rubric)
    page = rubric._repr_html_()
    for criterion in ("direction.task_completion", "procedures.on_time", "≥98: 6"):
        assert criterion in page
    assert "Illustrative rubric" in page


# --------------------------------------------------------------------------- one province


def test_a_profile_has_headline_gaps_strengths_and_interval(scores):
    profile = cchc.province_profile(scores, "TP.HCM", 2025)
    row = scores.totals.filter((pl.col("period") == "2025") & (pl.col("province_code") == "79"))
    assert profile.headline["rank"] == row["rank"][0]
    gaps = profile.domains["pct"] - profile.domains["median_pct"]
    assert (profile.domains["gap_to_median"] - gaps).abs().max() < 0.011
    assert profile.strengths.height == 3 and profile.weaknesses.height == 3
    interval = profile.rank_interval
    assert interval is not None
    assert interval["rank_lo"] <= profile.headline["rank"] <= interval["rank_hi"]
    assert profile.rank_interval_text and profile.rank_interval_text.startswith("hạng")
    page = profile._repr_html_()
    assert "Hồ Chí Minh" in page and "GIẢ LẬP" in page  # synthetic, said in Vietnamese


def test_a_report_in_the_notebook_draws_offline(scores):
    report = cchc.province_report(scores, "Thừa Thiên Huế", 2025, lang="en")
    page = report._repr_html_()
    assert page.count("<svg") >= 4  # profile, ranking, rank intervals, trend
    assert "<script" not in page and "http://" not in page.replace("http://www.w3.org", "")
    assert "synthetic" in page.lower()
    assert "body {" not in page  # the notebook keeps its own page style
    assert set(report.charts) >= {"ranking_heading", "uncertainty_heading", "trend_heading"}


def test_excel_export_has_the_year_and_an_honest_about_sheet(scores, tmp_path):
    from openpyxl import load_workbook

    path = cchc.export_excel(scores, tmp_path / "scores.xlsx", 2025, lang="en")
    book = load_workbook(path, read_only=True)
    from cchc_analysis.reference.labels import text

    # the disclaimer sheet comes first; the totals by their name
    totals = list(book[text("sheet_totals", "en")].iter_rows(values_only=True))
    assert len(totals) == 1 + 34 and isinstance(totals[1][0], int)
    about = [c for row in book.worksheets[0].iter_rows(values_only=True) for c in row if c]
    assert not any("None" in str(c) for c in about)
    assert any("par-index-illustrative v2025.1 (illustrative)" in str(c) for c in about)
    assert cchc.export_excel(scores, tmp_path, 2024).name == "cchc_scores_2024.xlsx"


def test_workbook_without_a_manifest_writes_no_none(scores, tmp_path):
    from openpyxl import load_workbook

    from cchc_analysis.reports.workbook import write_workbook

    path = write_workbook(scores.tables, 2025, tmp_path)
    about = load_workbook(path, read_only=True).worksheets[-1]
    cells = [c for row in about.iter_rows(values_only=True) for c in row if c]
    assert cells and not any("None" in str(c) for c in cells)


# --------------------------------------------------------------------------- uncertainty


def test_uncertainty_takes_years_as_int_or_str_and_names_in_any_spelling(scores, demo):
    from cchc_analysis.uncertainty.run import rank_uncertainty
    from cchc_analysis.uncertainty.sentences import rank_interval_text
    from cchc_analysis.uncertainty.spec import load_spec

    rubric = cchc.load_rubric()
    by_int = rank_uncertainty(demo, rubric, load_spec(rubric.id), 200, 7, periods=[2024])
    by_str = rank_uncertainty(demo, rubric, load_spec(rubric.id), 200, 7, periods=["2024"])
    assert_frame_equal(by_int.intervals, by_str.intervals)
    exact = rank_interval_text(by_int.intervals, "Hồ Chí Minh")
    for spelling in ("TP.HCM", "tp ho chi minh", "HCMC", "79"):
        assert rank_interval_text(by_int.intervals, spelling) == exact
    result = cchc.rank_uncertainty(scores, years=2024, runs=200, seed=7)
    assert_frame_equal(result.intervals, by_int.intervals)
    assert result.interval_text("HCMC") == exact
    page = result._repr_html_()
    assert "Rank uncertainty" in page and "SYNTHETIC" in page and "Illustrative rubric" in page
    with pytest.raises(cchc.AnalysisError, match="no rows for"):
        cchc.rank_uncertainty(scores, years=2019)


def test_asking_for_what_is_not_there_says_what_is(scores, demo):
    with pytest.raises(cchc.AnalysisError, match="these scores cover 2021, 2022, 2023, 2024, 2025"):
        cchc.province_report(scores, "Hà Nội", 2019)
    with pytest.raises(cchc.AnalysisError, match="no scores for 2019"):
        scores.ranking(2019)
    with pytest.raises(cchc.AnalysisError, match="year 2030 is after the years"):
        scores.ranking(2030)
    with pytest.raises(cchc.AnalysisError, match=r"write a \.xlsx file or into a folder"):
        cchc.export_excel(scores, "out.xls")
    with pytest.raises(cchc.AnalysisError, match=r"rubric pci reads .* has none of them"):
        cchc.score_table(demo, "pci")
    from cchc_analysis.reference.registry import ProvinceNotFound

    with pytest.raises(ProvinceNotFound, match="merged into Phú Thọ"):
        cchc.province_profile(scores, "Vĩnh Phúc", 2025)
