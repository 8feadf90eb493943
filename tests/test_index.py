"""The index builder's spec, data reading and step-3/4/6 methods (imputation, the JRC outlier
rule, multivariate analysis, weights)."""

from __future__ import annotations

import textwrap

import numpy as np
import polars as pl
import pytest
from scipy import stats

from cchc_analysis.index import impute
from cchc_analysis.index.data import IndexDataError, from_frame
from cchc_analysis.index.multivariate import cronbach_alpha, pca
from cchc_analysis.index.spec import (
    IndexSpecError,
    Treatment,
    group_options,
    indicator_options,
    parse_spec,
)
from cchc_analysis.index.treat import kurtosis, skewness, treat
from cchc_analysis.index.weights import (
    benefit_of_the_doubt,
    correlation_ratio,
    fa_weights,
    importances,
    optimised_weights,
    pca_weights,
)

SPEC = textwrap.dedent(
    """
    id: t
    data: {unit: unit}
    defaults:
      normalisation: {method: minmax}
    levels:
      2: {aggregation: {method: geometric, zero_rule: offset}}
    indicators:
      - {id: a, parent: g1}
      - {id: b, parent: g1, direction: -1, normalisation: {method: rank}}
      - {id: c, parent: top}
    groups:
      - {id: g1, parent: top, aggregation: {method: harmonic, zero_rule: penalise}}
      - {id: top}
    """
)


def spec_with(text: str) -> str:
    return SPEC + textwrap.dedent(text)


# --------------------------------------------------------------------------- the spec


def test_a_hierarchy_of_mixed_depth_resolves_levels_and_options():
    spec = parse_spec(SPEC)
    tree = spec.tree
    assert tree.level == {"a": 1, "b": 1, "c": 1, "g1": 2, "top": 3}
    assert tree.children["top"] == ["c", "g1"]  # indicators first, then groups, in spec order
    assert tree.groups_bottom_up == ["g1", "top"]
    assert tree.leaves("top") == ["c", "a", "b"]
    options = indicator_options(spec)
    assert options["a"][2].method == "minmax" and options["b"][2].method == "rank"
    groups = group_options(spec)
    assert groups["g1"][0].method == "harmonic"  # the node's own option wins over its level
    assert groups["top"][0].method == "arithmetic"  # level 3 sets nothing: the default


@pytest.mark.parametrize(
    ("change", "key"),
    [
        ("{id: a, parent: g1}", None),
        ("{id: a, parent: g1, wieght: 2}", "indicators.0.wieght"),
        ("{id: a, parent: nowhere}", "indicators.0.parent"),
        ("{id: a, parent: g1, direction: 2}", "indicators.0.direction"),
        ("{id: a, parent: g1, normalisation: {method: goalposts}}", "indicators.0.normalisation"),
        ("{id: a, parent: c}", "indicators.0.parent"),
    ],
)
def test_a_broken_spec_names_the_key(change, key):
    text = SPEC.replace("{id: a, parent: g1}", change)
    if key is None:
        parse_spec(text)
        return
    with pytest.raises(IndexSpecError) as caught:
        parse_spec(text, "my.yaml")
    assert f"- {key}" in str(caught.value) and "my.yaml" in str(caught.value)


def test_structural_mistakes_are_named():
    two_roots = SPEC.replace("{id: g1, parent: top,", "{id: g1,")
    with pytest.raises(IndexSpecError, match=r"groups: exactly one group has no parent"):
        parse_spec(two_roots)
    loop = SPEC.replace("- {id: top}", "- {id: top, parent: g1}")
    with pytest.raises(IndexSpecError, match=r"loops|exactly one"):
        parse_spec(loop)
    repeated = SPEC.replace("{id: c, parent: top}", "{id: a, parent: top}")
    with pytest.raises(IndexSpecError, match=r"indicators.2.id: 'a' is used twice"):
        parse_spec(repeated)
    empty = SPEC + "  - {id: lonely, parent: top}\n"
    with pytest.raises(IndexSpecError, match=r"group 'lonely' has no children"):
        parse_spec(empty)
    with pytest.raises(IndexSpecError, match=r"not valid YAML"):
        parse_spec("id: [")
    bad_noise = spec_with("uncertainty:\n  weights: [{level: 7}]\n")
    with pytest.raises(IndexSpecError, match=r"uncertainty.weights.0.level"):
        parse_spec(bad_noise)


# --------------------------------------------------------------------------- data


def test_data_reads_both_number_formats_and_names_a_bad_cell():
    spec = parse_spec(SPEC)
    frame = pl.DataFrame(
        {"unit": ["X", "Y", "Z"], "a": ["70,25", "1.234,5", ""], "b": ["1", "2", "3"]}
    ).with_columns(c=pl.Series(["0.5", "1e-3", "-"]))
    data = from_frame(frame, spec, "f.csv")
    assert data.values[:, 0].tolist()[:2] == [70.25, 1234.5] and np.isnan(data.values[2, 0])
    assert data.values[:, 2].tolist()[:2] == [0.5, 0.001] and np.isnan(data.values[2, 2])
    bad = frame.with_columns(pl.Series("b", ["1", "many", "3"]))
    with pytest.raises(IndexDataError, match=r"f.csv: row 3, column 'b' \(unit 'Y'\): 'many'"):
        from_frame(bad, spec, "f.csv")
    with pytest.raises(IndexDataError, match=r"column\(s\) \['c'\]"):
        from_frame(frame.drop("c"), spec, "f.csv")
    twice = frame.with_columns(pl.Series("unit", ["X", "X", "Z"]))
    with pytest.raises(IndexDataError, match=r"rows \[2, 3\]: unit 'X' appears more than once"):
        from_frame(twice, spec, "f.csv")


# --------------------------------------------------------------------------- imputation


def test_indicator_and_group_fills():
    x = np.array([[1.0, 10], [np.nan, 20], [5, np.nan], [7, 40]])
    assert impute.indicator_fill(x, "mean")[1, 0] == pytest.approx(13 / 3)
    assert impute.indicator_fill(x, "median")[2, 1] == 20
    filled = impute.group_fill(x, ["n", "n", "s", "s"], "mean")
    assert filled[1, 0] == 1 and filled[2, 1] == 40


def test_regression_and_em_recover_a_linear_relation():
    rng = np.random.default_rng(3)
    a = rng.normal(size=60)
    x = np.column_stack([a, 2 * a + 1, rng.normal(size=60)])
    truth = x.copy()
    x[[4, 9, 30], 1] = np.nan
    for fill in (impute.regression_fill(x), impute.em_fill(x)):
        assert np.allclose(fill[[4, 9, 30], 1], truth[[4, 9, 30], 1], atol=1e-3)
        assert np.array_equal(fill[~np.isnan(x)], x[~np.isnan(x)])


def test_panel_interpolation_fills_between_and_carries_the_ends():
    x = np.array([[1.0], [np.nan], [3.0], [np.nan], [8.0], [np.nan]])
    out = impute.interpolate_panel(x, ["u", "u", "u", "v", "v", "v"], [0, 1, 2, 0, 1, 2])
    assert out[:, 0].tolist() == [1, 2, 3, 8, 8, 8]


# --------------------------------------------------------------------------- outliers


def test_skew_and_kurtosis_are_the_sample_adjusted_ones():
    x = np.random.default_rng(1).lognormal(size=40)
    assert skewness(x) == pytest.approx(stats.skew(x, bias=False))
    assert kurtosis(x) == pytest.approx(stats.kurtosis(x, bias=False))


def test_the_jrc_rule_winsorises_then_falls_back_to_a_log():
    rng = np.random.default_rng(5)
    one_outlier = np.append(rng.normal(50, 5, 39), 400.0)
    result = treat(one_outlier, Treatment(method="jrc"))
    assert result.status == "winsorised" and result.winsorised == (39,)
    assert result.values[39] == one_outlier[:39].max()
    assert abs(result.skew_after) <= 2 or result.kurtosis_after <= 3.5
    heavy = rng.lognormal(0, 2.0, 60)
    logged = treat(heavy, Treatment(method="jrc", winmax=1))
    assert logged.status.startswith("log")
    low, high = heavy.min(), heavy.max()
    assert np.allclose(logged.values, np.log(heavy - low + 0.01 * (high - low)))
    calm = rng.normal(size=30)
    assert treat(calm, Treatment(method="jrc")).status == "not needed"
    assert treat(one_outlier, Treatment()).status == "off"


# --------------------------------------------------------------------------- step 4 and 6


def test_pca_explains_a_common_factor_and_cronbach_agrees_with_the_composite_module():
    rng = np.random.default_rng(2)
    f = rng.normal(size=200)
    x = np.column_stack([f + 0.3 * rng.normal(size=200) for _ in range(4)])
    comp = pca(x)
    assert comp.explained[0] > 0.85 and comp.explained.sum() == pytest.approx(1)
    from cchc_analysis.scoring.composite import cronbach_alpha as polars_alpha

    frame = pl.DataFrame(x, schema=["p", "q", "r", "s"], orient="row")
    expected = polars_alpha(frame, {"g": ["p", "q", "r", "s"]}).get_column("alpha")[0]
    assert cronbach_alpha(x) == pytest.approx(expected)


def test_pca_and_fa_weights_favour_the_indicators_that_share_the_factor():
    rng = np.random.default_rng(4)
    f = rng.normal(size=300)
    x = np.column_stack([f, f + 0.1 * rng.normal(size=300), rng.normal(size=300)])
    w = pca_weights(x)
    assert w.sum() == pytest.approx(1) and w[2] < 0.05 < w[0]
    fa = fa_weights(x)
    assert fa.sum() == pytest.approx(1) and (fa > 0).all()


def test_benefit_of_the_doubt_gives_every_unit_its_best_weights():
    x = np.array([[100.0, 10], [10, 100], [50, 50], [20, 20]])
    scores, weights = benefit_of_the_doubt(x)
    assert scores[0] == pytest.approx(100) and scores[1] == pytest.approx(100)
    assert scores[3] < scores[2] < 100
    raw = weights / (x * weights).sum(axis=1, keepdims=True) * scores[:, None] / 100
    assert ((x @ raw.T) <= 1 + 1e-9).all()  # nobody scores above 1 with anyone's weights


def test_optimised_weights_bring_importance_near_the_target():
    rng = np.random.default_rng(7)
    x = np.column_stack([rng.normal(0, s, 120) for s in (1.0, 3.0, 0.5)])

    def score(w: np.ndarray) -> np.ndarray:
        return x @ w

    target = np.full(3, 1 / 3)
    equal = importances(x, score(target))
    w = optimised_weights(x, target, score)
    tuned = importances(x, score(w))
    miss = lambda eta: np.abs(eta / eta.sum() - target).max()  # noqa: E731
    assert miss(tuned) < 0.05 < miss(equal)
    # η² sees a symmetric effect that Pearson's r misses
    assert correlation_ratio(x[:, 0], x[:, 0] ** 2) > 0.99
    assert np.corrcoef(x[:, 0], x[:, 0] ** 2)[0, 1] ** 2 < 0.2


def test_ids_and_headers_meet_in_nfc_whatever_form_each_was_typed_in():
    import unicodedata

    nfd = unicodedata.normalize("NFD", "hài_lòng")
    spec = parse_spec(SPEC.replace("{id: c, parent: top}", f"{{id: {nfd}, parent: top}}"))
    assert "hài_lòng" in spec.tree.indicators  # NFC
    frame = pl.DataFrame({"unit": ["X"], "a": [1.0], "b": [2.0], nfd: [3.0]})
    assert from_frame(frame, spec).values.tolist() == [[1.0, 2.0, 3.0]]


def test_numbers_that_were_numbers_stay_as_they_were():
    spec = parse_spec(SPEC)
    # 12.345 as a float is twelve point three: never the Vietnamese 12345
    frame = pl.DataFrame(
        {"unit": ["X", "Y"], "a": [12.345, float("nan")], "b": [1, None], "c": [0.5, 2.0]}
    )
    data = from_frame(frame, spec)
    assert data.values[0].tolist() == [12.345, 1.0, 0.5] and np.isnan(data.values[1, :2]).all()
    # as text, a column of such cells is Vietnamese (thousands), unless a cell settles English
    text = frame.with_columns(pl.Series("a", ["12.345", "3.5"]))
    assert from_frame(text, spec).values[:, 0].tolist() == [12.345, 3.5]
    text = frame.with_columns(pl.Series("a", ["12.345", "3"]))
    assert from_frame(text, spec).values[:, 0].tolist() == [12345, 3]
    # cells a reader marked as real numbers (Excel, Parquet) are read the English way
    typed = text.with_columns(pl.Series("__typed_cells__", [["a"], []], dtype=pl.List(pl.String)))
    assert from_frame(typed, spec).values[:, 0].tolist() == [12.345, 3]


def test_a_parquet_file_keeps_its_numbers(tmp_path):
    from cchc_analysis.index.data import read_data

    spec = parse_spec(SPEC)
    path = tmp_path / "d.parquet"
    pl.DataFrame(
        {"unit": ["X", "Y"], "a": [12.345, 1.5], "b": [1.0, 2.0], "c": [512.304, 0.0]}
    ).write_parquet(path)
    data = read_data(path, spec)
    assert data.values[:, 0].tolist() == [12.345, 1.5] and data.values[0, 2] == 512.304
