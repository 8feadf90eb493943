"""The index builder's engine: aggregation, ranks, the build, Monte Carlo, COINr parity, the
CLI and the audit report."""

from __future__ import annotations

import html
import json
import textwrap
from pathlib import Path

import numpy as np
import polars as pl
import pytest
from typer.testing import CliRunner

from cchc_analysis.cli import app
from cchc_analysis.index import tables
from cchc_analysis.index.aggregate import AggregationError, aggregate
from cchc_analysis.index.api import build_index, load_spec
from cchc_analysis.index.audit import audit_html
from cchc_analysis.index.build import IndexBuildError
from cchc_analysis.index.example import departments_data, departments_spec, spec_path
from cchc_analysis.index.montecarlo import (
    draws_from_uniform,
    evaluate,
    histogram_quantiles,
    monte_carlo,
    parameters_frame,
    rank_histogram,
)
from cchc_analysis.index.normalise import min_ranks
from cchc_analysis.index.sensitivity import choice_effects, sobol_indices
from cchc_analysis.index.spec import Aggregation, parse_spec
from cchc_analysis.scoring import composite

REPO = Path(__file__).resolve().parents[1]
COINR_SPEC = REPO / "benchmarks" / "coinr" / "coinr_bench.yaml"


@pytest.fixture(scope="module")
def coinr_bench() -> Path:
    """COINr's workload in the shared reference data (a worktree finds it further up)."""
    for parent in REPO.parents:
        path = parent / "shared" / "reference_data" / "coinr_bench"
        if path.is_dir():
            return path
    pytest.skip("shared/reference_data/coinr_bench is not present on this machine")


# --------------------------------------------------------------------------- aggregation


@pytest.mark.parametrize(
    "method", ["arithmetic", "geometric", "harmonic", "mazziotta_pareto", "minimum"]
)
def test_aggregation_matches_the_composite_module(method):
    rng = np.random.default_rng(1)
    x = rng.uniform(1, 100, (30, 4))
    x[3, 1] = np.nan
    w = np.array([1.0, 2.0, 0.5, 1.5])
    frame = pl.DataFrame(x, schema=list("abcd"), orient="row")
    expected = frame.select(
        composite.aggregate(list("abcd"), dict(zip("abcd", w, strict=True)), method=method)
    ).to_series()
    ours = aggregate(x[None], w[None], Aggregation(method=method))[0]
    assert np.allclose(ours, expected.to_numpy(), rtol=1e-12)


def test_mazziotta_pareto_penalises_unbalanced_profiles():
    x = np.array([[[100.0, 100], [130, 70]]])  # same mean, one unbalanced
    score = aggregate(x, np.ones((1, 2)), Aggregation(method="mazziotta_pareto"))[0]
    assert score[0] == pytest.approx(100) and score[1] == pytest.approx(100 - 900 / 100)


def test_a_batch_of_weights_equals_one_build_per_weight_set():
    rng = np.random.default_rng(2)
    x = rng.uniform(1, 100, (1, 12, 3))
    w = rng.uniform(0.5, 1.5, (7, 3))
    for method in ("arithmetic", "geometric", "harmonic", "mazziotta_pareto", "minimum"):
        rule = Aggregation(method=method)
        batch = aggregate(x, w, rule)
        one_by_one = np.stack([aggregate(x, w[[r]], rule)[0] for r in range(7)])
        assert np.allclose(batch, one_by_one)


def test_zeros_follow_the_stated_rule_and_the_error_names_unit_and_indicator():
    x = np.array([[[50.0, 0.0], [40.0, 60.0]]])
    w = np.ones((1, 2))
    with pytest.raises(AggregationError) as caught:
        aggregate(x, w, Aggregation(method="geometric"), "G1", ["U1", "U2"], ["i1", "i2"])
    message = str(caught.value)
    assert "'G1'" in message and "'U1'" in message and "'i2' = 0" in message
    assert "zero_rule: offset" in message and "pl." not in message
    penalised = aggregate(x, w, Aggregation(method="geometric", zero_rule="penalise"))[0]
    assert penalised[0] == 0 and penalised[1] == pytest.approx(np.sqrt(2400))
    offset = aggregate(x, w, Aggregation(method="harmonic", zero_rule="offset", offset=1))[0]
    assert offset[0] == pytest.approx(2 / (1 / 50 + 1))


def test_min_ranks_share_ties_and_skip_missing_scores():
    ranks = min_ranks(np.array([[3.0, 7.0, 7.0, np.nan, 1.0]]))[0]
    assert ranks[:3].tolist() == [3, 1, 1] and np.isnan(ranks[3]) and ranks[4] == 4


def test_rank_statistics_from_histograms_equal_type_7_quantiles():
    rng = np.random.default_rng(3)
    ranks = min_ranks(rng.normal(size=(101, 9)).round(1))  # rounding makes ties
    counts = rank_histogram(ranks)
    ours = histogram_quantiles(counts, [0.05, 0.5, 0.95])
    assert np.array_equal(ours, np.quantile(ranks, [0.05, 0.5, 0.95], axis=0))


# --------------------------------------------------------------------------- the build


def test_the_example_index_runs_every_step_per_period():
    built = build_index(departments_spec(), departments_data())
    assert sorted(built.periods) == ["2023", "2024", "2025"]
    coverage = tables.coverage(built)
    interpolated = coverage.filter(
        (pl.col("indicator") == "digitised") & (pl.col("period") == "2024")
    )
    assert interpolated.get_column("imputed")[0] == 4
    assert interpolated.get_column("method")[0] == "interpolate"
    treated = tables.treatment(built).filter(pl.col("indicator") == "overdue")
    assert set(treated.get_column("status")) == {"winsorised"}
    assert "D04" in treated.get_column("winsorised_units")[0]
    weights = tables.weights(built).filter(pl.col("group") == "digital")
    assert weights.get_column("method")[0] == "pca"
    assert weights.group_by("period").agg(pl.col("weight").sum()).get_column(
        "weight"
    ).to_list() == pytest.approx([1, 1, 1])
    latest = tables.weights(built).filter(pl.col("period") == "2025")
    on_time = latest.filter(pl.col("child") == "on_time").row(0, named=True)
    assert on_time["weight"] == pytest.approx(0.5) and on_time["effective_weight"] == pytest.approx(
        0.2
    )
    indicators = latest.filter(pl.col("level") == 1)
    assert indicators.get_column("effective_weight").sum() == pytest.approx(1)
    assert indicators.get_column("importance_in_index").sum() == pytest.approx(1)
    loads = tables.loadings(built).filter(
        (pl.col("period") == "2025") & (pl.col("group") == "digital")
    )
    pc1 = loads.filter((pl.col("method") == "pca") & (pl.col("component") == 1))
    assert (pc1.get_column("loading") > 0.5).all()  # one digital factor drives all three
    assert set(loads.get_column("method")) == {"pca", "fa"}
    top = tables.level_frame(built, 3)
    assert top.columns == ["period", "unit", "name", "index", "index_rank"]
    assert top.filter(pl.col("period") == "2025").get_column("index_rank").sort().to_list() == list(
        range(1, 19)
    )
    described = tables.describe(built).filter(pl.col("period") == "2025")
    overdue = described.filter(pl.col("indicator") == "overdue").row(0, named=True)
    assert overdue["direction"] == -1 and overdue["n"] == 18 and overdue["skew"] > 2
    steps = tables.indicator_steps(built)
    d04 = steps.filter(
        (pl.col("unit") == "D04")
        & (pl.col("indicator") == "overdue")
        & (pl.col("period") == "2025")
    )
    row = d04.row(0, named=True)
    assert row["raw"] == row["imputed"] > row["treated"]  # the outlier was winsorised
    assert row["normalised"] == pytest.approx(1)  # the worst on a lower-is-better indicator
    units = tables.unit_coverage(built)
    d08 = units.filter((pl.col("unit") == "D08") & (pl.col("period") == "2023"))
    assert d08.get_column("coverage")[0] == pytest.approx(7 / 8)
    assert not units.get_column("below_threshold").any()
    sparse = departments_data().with_columns(
        pl.when(pl.col("department_code") == "D01").then(None).otherwise(pl.col(c)).alias(c)
        for c in ("on_time", "one_stop", "e_payment", "satisfaction")
    )
    flagged = tables.unit_coverage(build_index(departments_spec(), sparse))
    assert flagged.filter(pl.col("below_threshold")).get_column("unit").unique().to_list() == [
        "D01"
    ]
    level2 = tables.level_frame(built, 2)
    assert {"service", "digital", "people", "people_rank"} <= set(level2.columns)


def test_per_unit_weights_by_benefit_of_the_doubt_score_the_best_at_100():
    text = (
        spec_path()
        .read_text(encoding="utf-8")
        .replace("weighting: {method: pca}", "weighting: {method: bod}")
    )
    built = build_index(parse_spec(text), departments_data())
    digital = built.latest().scores["digital"]
    assert digital.max() == pytest.approx(100) and (digital <= 100 + 1e-9).all()


# --------------------------------------------------------------------------- Monte Carlo


def test_every_replication_records_its_parameters_and_can_be_replayed():
    spec = departments_spec()
    built = build_index(spec, departments_data())
    assert spec.uncertainty is not None
    mc = monte_carlo(built, spec.uncertainty, runs=300, seed=5)
    params = parameters_frame(built, spec.uncertainty, mc.draws)
    assert params.height == 300
    factors = params.select(pl.col("^weight_factor_.*$")).to_numpy()
    assert factors.min() >= 0.75 and factors.max() <= 1.25
    assert set(params.get_column("normalisation")) == {"minmax", "rank"}
    assert params.get_column("left_out").null_count() < 300
    # replication 17 rebuilt from its recorded parameters alone gives the same index
    row = params.row(16, named=True)
    options = spec.uncertainty
    u = []
    for name in ("service", "digital", "people"):
        u.append((row[f"weight_factor_{name}"] - 1) / 0.25 / 2 + 0.5)
    pick = {
        "imputation": [r.method for r in options.imputation].index(row["imputation"]),
        "normalisation": [r.method for r in options.normalisation].index(row["normalisation"]),
        "aggregation": [r.method for r in options.aggregation].index(row["aggregation"]),
    }
    u += [(pick[k] + 0.5) / 2 for k in ("imputation", "normalisation", "aggregation")]
    dropped = built.plan.indicators.index(row["left_out"]) + 1 if row["left_out"] else 0
    u.append((dropped + 0.5) / (len(built.plan.indicators) + 1))
    replay = evaluate(built, options, draws_from_uniform(built, options, np.array([u])), "2025")
    assert np.allclose(replay[0], mc.scores[16])


def test_leaving_out_an_indicator_equals_a_build_without_it():
    spec = departments_spec()
    built = build_index(spec, departments_data())
    assert spec.uncertainty is not None
    effects = choice_effects(built, spec.uncertainty)
    assert effects.height == 8 + 2 + 2 + 2  # each indicator, and each listed alternative
    row = effects.filter((pl.col("choice") == "leave out") & (pl.col("option") == "one_stop"))
    text = (
        spec_path()
        .read_text(encoding="utf-8")
        .replace('unit: "%", parent: service}', 'unit: "%", parent: service, weight: 0}')
    )
    without = build_index(parse_spec(text), departments_data()).latest()
    shift = np.abs(without.ranks["index"] - built.latest().ranks["index"])
    assert shift.max() > 0
    assert row.get_column("mean_abs_shift")[0] == pytest.approx(shift.mean())
    assert row.get_column("units_moved")[0] == int((shift > 0).sum())


def test_salib_sobol_indices_cover_each_group_of_inputs():
    spec = departments_spec()
    built = build_index(spec, departments_data())
    assert spec.uncertainty is not None
    indices = sobol_indices(built, spec.uncertainty, n=64, seed=3)
    assert indices.get_column("input").to_list() == [
        "weights",
        "imputation",
        "normalisation",
        "aggregation",
        "dropped",
    ]
    assert indices.get_column("replications")[0] == 64 * (5 + 2)
    st = dict(zip(indices.get_column("input"), indices.get_column("ST"), strict=True))
    assert st["normalisation"] > st["weights"]  # rank vs min-max moves more than ±25 % weights


def test_an_impossible_alternative_is_named_with_its_replication():
    text = (
        spec_path()
        .read_text(encoding="utf-8")
        .replace(
            "normalisation: [{method: minmax, lo: 1, hi: 100}, {method: rank}]",
            "normalisation: [{method: zscore}]",
        )
        .replace(
            "aggregation: [{method: arithmetic}, {method: geometric, zero_rule: offset}]",
            "aggregation: [{method: geometric}]",
        )
    )
    spec = parse_spec(text)
    built = build_index(spec, departments_data())
    assert spec.uncertainty is not None
    with pytest.raises(
        IndexBuildError,
        match=r"replication \d+ \(.*normalisation zscore.*\) cannot be aggregated: .*needs values ≥ 0",
    ):
        monte_carlo(built, spec.uncertainty, runs=20)


# --------------------------------------------------------------------------- COINr


def test_coinr_nominal_scores_and_ranks_match(coinr_bench):
    built = build_index(load_spec(COINR_SPEC), coinr_bench / "iData.csv")
    reference = pl.read_csv(coinr_bench / "nominal_index.csv")
    period = built.latest()
    order = [period.units.index(u) for u in reference.get_column("uCode")]
    for node in [*(f"G{g}" for g in range(1, 9)), "Index"]:
        assert (
            np.max(np.abs(period.scores[node][order] - reference.get_column(node).to_numpy()))
            <= 1e-9
        )
    assert np.array_equal(
        period.ranks["Index"][order], reference.get_column("Index_rank").to_numpy()
    )


def test_coinr_rank_intervals_agree_statistically(coinr_bench):
    """COINr's N = 100 statistics lie where N = 100 runs of COINr's own scheme (100 weight
    sets, 100 picks with replacement) put them, for nearly every unit."""
    spec = load_spec(COINR_SPEC)
    assert spec.uncertainty is not None
    built = build_index(spec, coinr_bench / "iData.csv")
    reference = pl.read_csv(coinr_bench / "RankStats_N100_seed1001.csv")
    sims, n = 300, 100
    rng = np.random.default_rng(11)
    draws = draws_from_uniform(built, spec.uncertainty, rng.random((sims * n, 8)))
    ranks = min_ranks(evaluate(built, spec.uncertainty, draws, built.latest().period))
    picks = rng.integers(0, n, (sims, n)) + (np.arange(sims) * n)[:, None]
    q5, q95 = np.quantile(ranks[picks], [0.05, 0.95], axis=1)
    order = [built.latest().units.index(u) for u in reference.get_column("uCode")]
    for simulated, name in ((q5, "Q5"), (q95, "Q95")):
        lo, hi = np.quantile(simulated[:, order], [0.005, 0.995], axis=0)
        theirs = reference.get_column(name).to_numpy()
        assert np.sum((theirs >= lo) & (theirs <= hi)) >= 60
    # and a noise model twice as wide would not pass: the check can fail
    wide = draws_from_uniform(built, spec.uncertainty, rng.random((sims * n, 8)))
    wide.noise.update({k: 1 + (v - 1) * 3.5 for k, v in wide.noise.items()})
    wide_ranks = min_ranks(evaluate(built, spec.uncertainty, wide, built.latest().period))
    w5 = np.quantile(wide_ranks[picks], 0.05, axis=1)
    lo, hi = np.quantile(w5[:, order], [0.005, 0.995], axis=0)
    theirs = reference.get_column("Q5").to_numpy()
    assert np.sum((theirs >= lo) & (theirs <= hi)) < 60


def test_the_parity_benchmark_writes_one_row_per_unit(coinr_bench, tmp_path):
    import subprocess
    import sys

    out = tmp_path / "parity.csv"
    done = subprocess.run(
        [
            sys.executable,
            str(REPO / "benchmarks" / "coinr_parity.py"),
            "--runs",
            "200",
            "--sims",
            "50",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "units with COINr's nominal rank: 63 of 63" in done.stdout
    frame = pl.read_csv(out)
    assert frame.columns == ["uCode", "nominal", "mean", "median", "q5", "q95"]
    assert frame.height == 63 and (frame["q5"] <= frame["q95"]).all()


# --------------------------------------------------------------------------- CLI and audit


def test_cli_build_writes_every_level_and_the_audit(tmp_path):
    data = departments_data().with_columns(
        pl.when(pl.col("department_code") == "D01")
        .then(pl.lit('=HYPERLINK("x")<script>'))
        .otherwise(pl.col("department"))
        .alias("department")
    )
    data_path = tmp_path / "departments.csv"
    data.write_csv(data_path)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app,
        ["index", "build", str(spec_path()), str(data_path), "--out", str(out), "--runs", "200"],
    )
    assert result.exit_code == 0, result.output
    for name in (
        "level_1",
        "level_2",
        "level_3",
        "scores",
        "rank_stats",
        "replications",
        "treatment",
    ):
        assert (out / f"{name}.parquet").exists() and (out / f"{name}.csv").exists()
    level3 = pl.read_parquet(out / "level_3.parquet")
    assert level3.height == 54 and "index_rank" in level3.columns
    csv_text = (out / "level_3.csv").read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in csv_text and "\n2023,D01,=" not in csv_text
    from openpyxl import load_workbook

    book = load_workbook(out / "index.xlsx")
    assert {"level_3", "weights", "rank_stats"} <= set(book.sheetnames)
    cells = [c for row in book["level_3"].iter_rows() for c in row if isinstance(c.value, str)]
    assert any(c.value.startswith("=HYPERLINK") and c.data_type == "s" for c in cells)
    manifest = json.loads((out / "index_manifest.json").read_text(encoding="utf-8"))
    assert manifest["synthetic"] is True and manifest["uncertainty"]["runs"] == 200
    page = (out / "audit.html").read_text(encoding="utf-8")
    assert "<script>" not in page and html.escape("<script>") in page
    assert (
        "DỮ LIỆU GIẢ LẬP" in page
        and "<svg" in page
        and "http://" not in page.replace("http://www.w3.org", "")
    )


def test_cli_errors_name_the_key_or_the_cell_without_a_traceback(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        spec_path()
        .read_text(encoding="utf-8")
        .replace("parent: service, weight: 2", "parent: service, wieght: 2"),
        encoding="utf-8",
    )
    data_path = tmp_path / "d.csv"
    departments_data().write_csv(data_path)
    runner = CliRunner()
    result = runner.invoke(
        app, ["index", "build", str(broken), str(data_path), "--out", str(tmp_path / "o")]
    )
    assert result.exit_code == 1 and "indicators.0.wieght" in result.output
    assert "Traceback" not in result.output
    bad = departments_data().with_columns(pl.col("on_time").cast(pl.String))
    bad = bad.with_columns(
        pl.when(pl.int_range(pl.len()) == 4)
        .then(pl.lit("n.a"))
        .otherwise(pl.col("on_time"))
        .alias("on_time")
    )
    bad.write_csv(data_path)
    result = runner.invoke(
        app, ["index", "build", str(spec_path()), str(data_path), "--out", str(tmp_path / "o")]
    )
    assert result.exit_code == 1 and "row 6, column 'on_time'" in result.output
    check = runner.invoke(app, ["index", "check", str(spec_path())])
    assert check.exit_code == 0 and "level 3 index: service, digital, people" in check.output


def test_audit_report_in_english_has_every_section():
    spec = departments_spec()
    built = build_index(spec, departments_data())
    assert spec.uncertainty is not None
    page = audit_html(built, monte_carlo(built, spec.uncertainty, runs=200), lang="en")
    for heading in (
        "1. Framework",
        "2. Data coverage and imputation",
        "3. Outlier treatment",
        "4. Correlations and Cronbach",
        "5. Principal components",
        "6. Weights against measured importance",
        "7. Rank intervals",
        "8. What each choice changes in the ranks",
        "Sobol indices (SALib)",
    ):
        assert heading in page
    assert "Giải quyết" not in textwrap.shorten(page.split("<h2>")[1], 200)  # no Vietnamese prose


@pytest.mark.slow
def test_the_tutorial_notebook_runs_offline_top_to_bottom(tmp_path):
    import jupytext
    from nbclient import NotebookClient

    notebook = jupytext.read(REPO / "notebooks" / "build_your_own_index.py")
    parameters = next(c for c in notebook.cells if "parameters" in c.metadata.get("tags", []))
    parameters.source = f"OUT = {str(tmp_path)!r}"
    NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(REPO / "notebooks")}},
    ).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "".join(str(o.get("data", {}).get("text/plain", "")) for o in outputs)
    assert "Thanh tra tỉnh" in text and "winsorised" in text and "interpolate" in text
    page = (tmp_path / "departments_audit.html").read_text(encoding="utf-8")
    assert "DỮ LIỆU GIẢ LẬP" in page and page.count("<svg") >= 6


@pytest.mark.slow
def test_the_audit_report_draws_offline_in_a_real_browser(tmp_path):
    from tests.chromium import Chromium, ensure_chromium

    path, why = ensure_chromium()
    if path is None:
        pytest.skip(why)
    spec = departments_spec()
    built = build_index(spec, departments_data())
    assert spec.uncertainty is not None
    page = tmp_path / "audit.html"
    from cchc_analysis.index.audit import write_audit

    write_audit(built, page, monte_carlo(built, spec.uncertainty, runs=500))
    browser = Chromium(path, tmp_path / "profile")
    try:
        log = browser.open(page.as_uri())
        assert log.errors() == []
        assert [url for url in log.requests if not url.startswith("file://")] == []
        marks = browser.evaluate(
            "Array.from(document.querySelectorAll('figure svg')).map(svg => "
            "svg.querySelectorAll('path, rect, line').length)"
        )
        assert len(marks) >= 7 and all(m > 5 for m in marks), marks
        labels = browser.evaluate(
            "Array.from(document.querySelectorAll('figure svg text')).map(t => t.textContent)"
        )
        assert any("Thanh tra tỉnh" in label for label in labels)
        assert browser.evaluate("document.querySelectorAll('script').length") == 0
        assert browser.screenshot(tmp_path / "audit.png").stat().st_size > 50_000
    finally:
        browser.close()


def test_a_four_level_hierarchy_with_weights_at_every_level_is_computed_as_written():
    spec = parse_spec(
        textwrap.dedent(
            """
            id: deep
            data: {unit: u}
            defaults: {normalisation: {method: none}}
            indicators:
              - {id: a, parent: s1, weight: 3}
              - {id: b, parent: s1, weight: 1}
              - {id: c, parent: s2}
              - {id: d, parent: s2}
              - {id: e, parent: top, weight: 2}
            groups:
              - {id: s1, parent: mid, weight: 1}
              - {id: s2, parent: mid, weight: 3, aggregation: {method: minimum}}
              - {id: mid, parent: top, weight: 1, aggregation: {method: geometric}}
              - {id: top}
            """
        )
    )
    x = np.array([[10.0, 20, 30, 40, 50], [40, 30, 20, 10, 5], [25, 25, 25, 25, 25]])
    frame = pl.DataFrame(x, schema=list("abcde"), orient="row").with_columns(
        u=pl.Series(["P", "Q", "R"])
    )
    built = build_index(spec, frame).latest()
    s1 = (3 * x[:, 0] + x[:, 1]) / 4
    s2 = np.minimum(x[:, 2], x[:, 3])
    mid = np.exp((np.log(s1) + 3 * np.log(s2)) / 4)
    top = (mid + 2 * x[:, 4]) / 3
    assert spec.tree.level == {
        "a": 1,
        "b": 1,
        "c": 1,
        "d": 1,
        "e": 1,
        "s1": 2,
        "s2": 2,
        "mid": 3,
        "top": 4,
    }
    for node, expected in (("s1", s1), ("s2", s2), ("mid", mid), ("top", top)):
        assert np.allclose(built.scores[node], expected)
    assert built.ranks["top"].tolist() == [1, 3, 2]


def test_cli_runs_the_uncertainty_of_every_period_of_a_panel(tmp_path):
    data_path = tmp_path / "d.csv"
    departments_data().write_csv(data_path)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app,
        [
            "index",
            "build",
            str(spec_path()),
            str(data_path),
            "--out",
            str(out),
            "--runs",
            "100",
            "--period",
            "all",
            "--no-audit",
        ],
    )
    assert result.exit_code == 0, result.output
    stats = pl.read_parquet(out / "rank_stats.parquet")
    assert stats.group_by("period").len().sort("period").rows() == [
        ("2023", 18),
        ("2024", 18),
        ("2025", 18),
    ]
    assert not (out / "audit.html").exists()


def test_an_excel_sheet_with_a_title_row_builds_the_same_index(tmp_path):
    from openpyxl import Workbook

    data = departments_data()
    book = Workbook()
    sheet = book.active
    sheet.append(["Chỉ tiêu các sở, ngành (giả lập)"])
    sheet.append(data.columns)
    for row in data.iter_rows():
        sheet.append(list(row))
    book.save(tmp_path / "d.xlsx")
    from_file = build_index(departments_spec(), tmp_path / "d.xlsx").latest()
    in_memory = build_index(departments_spec(), data).latest()
    assert from_file.units == in_memory.units
    assert np.allclose(from_file.scores["index"], in_memory.scores["index"], rtol=0, atol=1e-12)


def test_the_build_never_overwrites_its_input(tmp_path):
    data_path = tmp_path / "scores.csv"  # named like an output
    departments_data().write_csv(data_path)
    before = data_path.read_bytes()
    result = CliRunner().invoke(
        app,
        ["index", "build", str(spec_path()), str(data_path), "--out", str(tmp_path), "--runs", "0"],
    )
    assert result.exit_code == 1 and "would overwrite the input" in result.output
    assert data_path.read_bytes() == before
