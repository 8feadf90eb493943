"""Scoring on hand-built frames with points worked out by hand."""

import polars as pl
import pytest

from cchc_analysis.scoring.engine import score_indicators
from cchc_analysis.scoring.rubric import RubricError, load_rubric, parse_rubric

RUBRIC = """
id: tiny
version: "1"
status: illustrative
title_vi: thử
title_en: test
grade_bands:
  - {from_year: 2018, source: test, bands: [{grade: A, min: 80}, {grade: B, min: 75}, {grade: D, min: 0}]}
  - {from_year: 2024, source: test, bands: [{grade: A, min: 90}, {grade: B, min: 80}, {grade: D, min: 0}]}
domains:
  - id: direction
    label_vi: Chỉ đạo
    label_en: Direction
    max_points: 10
    criteria:
      - id: tasks
        label_vi: tỷ lệ hoàn thành nhiệm vụ
        label_en: tasks completed
        max_points: 6
        measure: {ratio: {numerator: task.completed, denominator: task.planned}}
        rule: {linear: {floor: 50, target: 100}}
      - id: on_time
        label_vi: tỷ lệ đúng hạn
        label_en: on time
        max_points: 4
        measure: {ratio: {numerator: dossier.resolved_early+dossier.resolved_on_time, denominator: dossier.resolved}}
        rule: {threshold_bands: [{min: 98, points: 4}, {min: 95, points: 3}, {min: 80, points: 1}, {min: 0, points: 0}]}
"""


def _frame(rows):
    return pl.DataFrame(
        [
            {
                "province_code": c,
                "province": n,
                "era": "63",
                "period": p,
                "year": int(p),
                "indicator": i,
                "value": v,
            }
            for c, n, p, i, v in rows
        ],
        schema={
            "province_code": pl.String,
            "province": pl.String,
            "era": pl.String,
            "period": pl.String,
            "year": pl.Int32,
            "indicator": pl.String,
            "value": pl.Float64,
        },
    )


def _province(code, name, period, planned, completed, early, on_time, resolved):
    return [
        (code, name, period, "task.planned", planned),
        (code, name, period, "task.completed", completed),
        (code, name, period, "dossier.resolved_early", early),
        (code, name, period, "dossier.resolved_on_time", on_time),
        (code, name, period, "dossier.resolved", resolved),
    ]


@pytest.fixture
def rubric():
    return parse_rubric(RUBRIC)


def test_points_follow_the_rules(rubric):
    # 28/40 = 70% → 6 × (70−50)/50 = 2.4; (500+460)/1000 = 96% → band [95; 98) → 3
    scores = score_indicators(
        _frame(_province("01", "Hà Nội", "2024", 40, 28, 500, 460, 1000)), rubric
    )
    points = dict(zip(scores.criteria["criterion_id"], scores.criteria["points"], strict=True))
    assert points == pytest.approx({"tasks": 2.4, "on_time": 3.0})
    total = scores.totals.row(0, named=True)
    assert total["points"] == pytest.approx(5.4)
    assert total["index_pct"] == 54.0
    assert total["grade"] == "D"


def test_explanations_say_the_value_the_inputs_and_the_band(rubric):
    scores = score_indicators(
        _frame(_province("01", "Hà Nội", "2024", 40, 28, 500, 460, 1000)), rubric
    )
    vi = scores.criteria["explanation_vi"].to_list()
    en = scores.criteria["explanation_en"].to_list()
    # points and percentages with two decimals, as the report's tables write them
    assert vi[0] == (
        "2,40/6,00: tỷ lệ hoàn thành nhiệm vụ 70,00% (28/40): "
        "0 điểm ở mức 50,00%, tối đa ở mức 100,00%"
    )
    assert vi[1] == "3,00/4,00: tỷ lệ đúng hạn 96,00% (960/1.000): thuộc khoảng [95; 98)"
    assert en[1] == "3.00/4.00: on time 96.00% (960/1,000): falls in [95; 98)"


def test_missing_data_scores_zero_and_says_so(rubric):
    rows = [
        r
        for r in _province("01", "Hà Nội", "2024", 40, 28, 500, 460, 1000)
        if r[3] != "task.completed"
    ]
    criteria = score_indicators(_frame(rows), rubric).criteria
    tasks = criteria.filter(pl.col("criterion_id") == "tasks").row(0, named=True)
    assert tasks["missing"] and tasks["points"] == 0
    assert tasks["missing_policy"] == "zero"
    assert tasks["explanation_en"].endswith("no data (task.completed, task.planned) — scored 0")


def test_ties_share_a_rank_and_the_next_rank_is_skipped(rubric):
    rows = (
        _province("01", "Hà Nội", "2024", 40, 40, 990, 0, 1000)
        + _province("02", "Hà Giang", "2024", 40, 38, 960, 0, 1000)
        + _province("04", "Cao Bằng", "2024", 40, 38, 960, 0, 1000)
        + _province("06", "Bắc Kạn", "2024", 40, 20, 100, 0, 1000)
    )
    totals = score_indicators(_frame(rows), rubric).totals.sort("province_code")
    assert totals["rank"].to_list() == [1, 2, 2, 4]
    assert totals["n_provinces"].to_list() == [4, 4, 4, 4]


def test_grade_bands_follow_the_year(rubric):
    rows = _province("01", "Hà Nội", "2023", 40, 38, 960, 0, 1000) + _province(
        "01", "Hà Nội", "2024", 40, 38, 960, 0, 1000
    )
    totals = score_indicators(_frame(rows), rubric).totals.sort("year")
    assert totals["index_pct"].to_list() == [84.0, 84.0]  # (5.4 + 3) / 10
    assert totals["grade"].to_list() == ["A", "B"]  # 2018 bands, then 2024 bands


def test_a_broken_rubric_names_the_key():
    broken = RUBRIC.replace("max_points: 4\n", "max_points: 5\n", 1)
    with pytest.raises(RubricError, match=r"domains\.0: .*add up to 11"):
        parse_rubric(broken)
    with pytest.raises(RubricError, match=r"not in the catalogue: \['task\.plannned'\]"):
        parse_rubric(RUBRIC.replace("denominator: task.planned", "denominator: task.plannned"))
    with pytest.raises(RubricError, match=r"rule"):
        parse_rubric(RUBRIC.replace("rule: {linear: {floor: 50, target: 100}}", "rule: {}"))


def test_the_bundled_rubric_is_marked_illustrative_and_sums_to_100():
    rubric = load_rubric("par-index-illustrative")
    assert rubric.status == "illustrative"
    assert rubric.max_points == 100
    assert len(rubric.domains) == 8


def _policy_rubric(policy):
    return parse_rubric(
        RUBRIC.replace(
            "        rule: {linear: {floor: 50, target: 100}}",
            f"        rule: {{linear: {{floor: 50, target: 100}}}}\n        missing: {policy}",
        )
    )


def _three_provinces_one_missing():
    rows = (
        _province("01", "Hà Nội", "2024", 40, 40, 990, 0, 1000)  # tasks 100% → 6
        + _province("02", "Hà Giang", "2024", 40, 30, 990, 0, 1000)  # tasks 75% → 3
        + _province("04", "Cao Bằng", "2024", 40, 35, 990, 0, 1000)
    )  # tasks missing below
    return [r for r in rows if not (r[0] == "04" and r[3] == "task.completed")]


def test_impute_median_fills_the_measure_with_the_period_median():
    scores = score_indicators(
        _frame(_three_provinces_one_missing()), _policy_rubric("impute_median")
    )
    cao_bang = scores.criteria.filter(
        (pl.col("province_code") == "04") & (pl.col("criterion_id") == "tasks")
    ).row(0, named=True)
    assert cao_bang["imputed"] and cao_bang["measure"] == pytest.approx(87.5)  # median of 100, 75
    assert cao_bang["points"] == pytest.approx(6 * 37.5 / 50)
    assert "imputed with the national median" in cao_bang["explanation_en"]


def test_exclude_rescales_the_index_to_the_remaining_maximum():
    scores = score_indicators(_frame(_three_provinces_one_missing()), _policy_rubric("exclude"))
    total = scores.totals.filter(pl.col("province_code") == "04").row(0, named=True)
    assert total["available_max"] == 4 and total["points"] == 4  # on-time 99% → 4 of 4
    assert total["index_pct"] == 100.0
    assert (
        "rescaled" in scores.criteria.filter(pl.col("province_code") == "04")["explanation_en"][0]
    )


NESTED = """
id: nested
version: "1"
status: illustrative
title_vi: lồng
title_en: nested
grade_bands: [{from_year: 2000, source: test, bands: [{grade: A, min: 0}]}]
domains:
  - id: pci
    label_vi: PCI
    label_en: PCI
    criteria:
      - id: group
        label_vi: nhóm
        label_en: group
        criteria:
          - id: entry
            label_vi: gia nhập
            label_en: entry
            max_points_by_year: {2009: 10, 2013: 5}
            measure: {indicator: sipas.satisfaction_pct}
            rule: {survey: {floor: 0, target: 100}}
          - id: time
            label_vi: thời gian
            label_en: time
            max_points_by_year: {2009: 15, 2013: 5}
            measure: {indicator: edoc.exchange_pct}
            rule: {direct_points: true}
"""


def test_nested_groups_and_maxima_that_change_by_year():
    rubric = parse_rubric(NESTED)
    assert [(path, leaf.id) for _, path, leaf in rubric.leaves()] == [
        (("group",), "entry"),
        (("group",), "time"),
    ]
    rows = [
        ("01", "Hà Nội", "2012", "sipas.satisfaction_pct", 80),
        ("01", "Hà Nội", "2012", "edoc.exchange_pct", 20),
        ("01", "Hà Nội", "2013", "sipas.satisfaction_pct", 80),
        ("01", "Hà Nội", "2013", "edoc.exchange_pct", 20),
    ]
    scores = score_indicators(_frame(rows), rubric)
    criteria = scores.criteria.sort("year", "criterion_order")
    assert criteria["max_points"].to_list() == [10, 15, 5, 5]
    assert criteria["points"].to_list() == pytest.approx([8, 15, 4, 5])  # direct points are capped
    assert set(criteria["path"]) == {"group"}
    assert scores.totals.sort("year")["index_pct"].to_list() == [92.0, 90.0]


def test_a_fractional_band_takes_a_decimal_comma_in_vietnamese():
    fractional = parse_rubric(
        RUBRIC.replace("min: 95,", "min: 95.5,").replace("min: 95}", "min: 95.5}")
    )
    scores = score_indicators(
        _frame(_province("01", "Hà Nội", "2024", 40, 28, 500, 470, 1000)), fractional
    )
    on_time = scores.criteria.filter(pl.col("criterion_id") == "on_time").row(0, named=True)
    assert on_time["band"] == "[95.5; 98)"
    assert on_time["explanation_vi"].endswith("thuộc khoảng [95,5; 98)")
    assert on_time["explanation_en"].endswith("falls in [95.5; 98)")
