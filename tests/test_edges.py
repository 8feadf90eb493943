"""Edges of the core logic, each with its numbers worked out by hand in a comment: ranks within
a region, band and grade boundaries, the change against last year across the merger, weighted
means with gaps, the identity tolerance and the year-on-year jump warning."""

from __future__ import annotations

import polars as pl
import pytest

from cchc_analysis.read.load import load_indicators
from cchc_analysis.scoring.engine import grade_expr, score_indicators
from cchc_analysis.scoring.merger import (
    aggregate_to_successors,
    compare_with_previous,
    rebase_totals,
)
from cchc_analysis.scoring.rubric import load_rubric, parse_rubric
from cchc_analysis.validate.indicators import validate_indicators
from tests.conftest import long_rows, write_csv
from tests.test_score import RUBRIC

SCHEMA = {
    "province_code": pl.String,
    "province": pl.String,
    "era": pl.String,
    "period": pl.String,
    "year": pl.Int32,
    "indicator": pl.String,
    "value": pl.Float64,
}


def _rows(rows: list[tuple[str, str, str, str, float | None]]) -> pl.DataFrame:
    """Standardised rows (code, name, period, indicator, value); the era follows the year."""
    return pl.DataFrame(
        [
            {
                "province_code": code,
                "province": name,
                "era": "34" if int(period[:4]) >= 2025 else "63",
                "period": period,
                "year": int(period[:4]),
                "indicator": indicator,
                "value": value,
            }
            for code, name, period, indicator, value in rows
        ],
        schema=SCHEMA,
    )


def _appraisal(period: str, points: dict[tuple[str, str], float]) -> list[tuple]:
    return [(c, n, period, "par.appraisal_points", p) for (c, n), p in points.items()]


@pytest.fixture(scope="module")
def published():
    # par-index-published: index = points out of 100; the other three parts missing score 0
    return load_rubric("par-index-published")


# ------------------------------------------------------------------------- ranks


def test_region_ranks_are_counted_within_the_region_not_the_country(published):
    # 2024, 63 provinces' era. Red River Delta: Hà Nội 85, Bắc Ninh 75; Northern Midlands and
    # Mountains: Hà Giang 80, Cao Bằng 60; Mekong Delta: Cần Thơ 70.
    # Country: Hà Nội 1, Hà Giang 2, Bắc Ninh 3, Cần Thơ 4, Cao Bằng 5 (of 5).
    # Region:  Hà Nội 1/2, Bắc Ninh 2/2; Hà Giang 1/2, Cao Bằng 2/2; Cần Thơ 1/1.
    points = {
        ("01", "Hà Nội"): 85,
        ("27", "Bắc Ninh"): 75,
        ("02", "Hà Giang"): 80,
        ("04", "Cao Bằng"): 60,
        ("92", "Cần Thơ"): 70,
    }
    totals = score_indicators(_rows(_appraisal("2024", points)), published).totals
    got = {
        r["province_code"]: (r["rank"], r["n_provinces"], r["rank_in_region"], r["n_in_region"])
        for r in totals.iter_rows(named=True)
    }
    assert got == {
        "01": (1, 5, 1, 2),
        "02": (2, 5, 1, 2),
        "27": (3, 5, 2, 2),
        "92": (4, 5, 1, 1),
        "04": (5, 5, 2, 2),
    }
    # sorted by period, rank, code; the name copied for the reports
    assert totals["province_code"].to_list() == ["01", "02", "27", "92", "04"]
    assert totals["province_name"].to_list() == totals["province"].to_list()
    assert totals.sort("rank")["region"].to_list() == [
        "red_river_delta",
        "northern_midlands_mountains",
        "red_river_delta",
        "mekong_delta",
        "northern_midlands_mountains",
    ]


def test_ranks_are_counted_per_period(published):
    # 2023: Hà Nội 50 (1 of 2), Cần Thơ 40 (2 of 2); 2024: Cần Thơ 90 (1 of 1).
    rows = _appraisal("2023", {("01", "Hà Nội"): 50, ("92", "Cần Thơ"): 40})
    rows += _appraisal("2024", {("92", "Cần Thơ"): 90})
    totals = score_indicators(_rows(rows), published).totals
    got = [
        (r["period"], r["province_code"], r["rank"], r["n_provinces"], r["n_in_region"])
        for r in totals.rows(named=True)
    ]
    # Cần Thơ is alone in the Mekong Delta in each period: 1 in its region, not 2
    assert got == [("2023", "01", 1, 2, 1), ("2023", "92", 2, 2, 1), ("2024", "92", 1, 1, 1)]


def test_three_provinces_tied_share_the_lowest_rank():
    # indices 90, 80, 80, 80, 70 → ranks 1, 2, 2, 2, 5 ("min"; an average would give 3)
    points = {("01", "Hà Nội"): 90, ("02", "Hà Giang"): 80, ("04", "Cao Bằng"): 80}
    points |= {("06", "Bắc Kạn"): 80, ("92", "Cần Thơ"): 70}
    totals = score_indicators(
        _rows(_appraisal("2024", points)), load_rubric("par-index-published")
    ).totals
    assert totals.select("province_code", "rank").rows() == [
        ("01", 1), ("02", 2), ("04", 2), ("06", 2), ("92", 5)
    ]  # fmt: skip


def test_a_unit_the_registry_does_not_know_is_ranked_not_dropped(published):
    # code 99 is no province: it keeps its row and rank (2 of 2), with no region
    rows = _appraisal("2024", {("01", "Hà Nội"): 50, ("99", "Nowhere"): 40})
    totals = score_indicators(_rows(rows), published).totals
    assert totals.select("province_code", "rank", "region", "rank_in_region").rows() == [
        ("01", 1, "red_river_delta", 1),
        ("99", 2, None, 1),
    ]


# ------------------------------------------------------------------------- bands and grades


def _tiny_scores(early_on_time: float, completed: float):
    # tiny rubric (tests/test_score.py): tasks = 6 × (completed/40 − 50 %)/50 %, clipped to
    # [0, 6]; on-time = bands on (early + on time)/1000: ≥ 98 → 4, ≥ 95 → 3, ≥ 80 → 1, else 0
    rows = [
        ("01", "Hà Nội", "2024", "task.planned", 40),
        ("01", "Hà Nội", "2024", "task.completed", completed),
        ("01", "Hà Nội", "2024", "dossier.resolved_early", early_on_time),
        ("01", "Hà Nội", "2024", "dossier.resolved_on_time", 0),
        ("01", "Hà Nội", "2024", "dossier.resolved", 1000),
    ]
    criteria = score_indicators(_rows(rows), parse_rubric(RUBRIC)).criteria
    return {r["criterion_id"]: r for r in criteria.iter_rows(named=True)}


@pytest.mark.parametrize(
    ("resolved_in_time", "points", "band"),
    [
        (980, 4.0, "≥ 98"),  # 98.0 % exactly: the top band is taken (>=, not >)
        (979, 3.0, "[95; 98)"),  # 97.9 %
        (950, 3.0, "[95; 98)"),  # 95.0 % exactly
        (949, 1.0, "[80; 95)"),  # 94.9 %
        (800, 1.0, "[80; 95)"),  # 80.0 % exactly
        (799, 0.0, "[0; 80)"),  # 79.9 %
        (0, 0.0, "[0; 80)"),  # 0 % exactly: the lowest band
    ],
)
def test_a_measure_exactly_on_a_band_boundary_takes_the_band_above(resolved_in_time, points, band):
    on_time = _tiny_scores(resolved_in_time, 40)["on_time"]
    assert on_time["measure"] == pytest.approx(resolved_in_time / 10)
    assert (on_time["points"], on_time["band"]) == (points, band)


@pytest.mark.parametrize(
    ("completed", "points"),
    [
        (40, 6.0),  # 100 % = target: full points
        (39, 5.7),  # 97.5 %: 6 × 47.5/50 = 5.7
        (21, 0.3),  # 52.5 %: 6 × 2.5/50 = 0.3
        (20, 0.0),  # 50 % = floor: 0 points
        (10, 0.0),  # 25 %, below the floor: clipped to 0, never negative
    ],
)
def test_a_linear_rule_is_zero_at_the_floor_and_full_at_the_target(completed, points):
    tasks = _tiny_scores(0, completed)["tasks"]
    assert tasks["points"] == pytest.approx(points)
    assert tasks["band"] == "linear 50→100"


def test_grades_exactly_on_a_boundary_take_the_higher_grade():
    # tiny rubric: from 2018 A ≥ 80, B ≥ 75, D ≥ 0; from 2024 A ≥ 90, B ≥ 80, D ≥ 0
    rubric = parse_rubric(RUBRIC)
    index = [90.0, 89.99, 80.0, 79.99, 75.0, 74.99, 0.0]
    frame = pl.DataFrame(
        {"year": [2023] * 7 + [2024] * 7, "index_pct": index * 2},
        schema_overrides={"year": pl.Int32},
    )
    grades = frame.select(grade_expr(rubric, [2023, 2024]))["literal"].to_list()
    assert grades[:7] == ["A", "A", "A", "B", "B", "D", "D"]  # 2023: 2018 bands
    assert grades[7:] == ["A", "B", "B", "D", "D", "D", "D"]  # 2024: 2024 bands


def test_grades_of_no_year_are_still_a_text_column():
    # no year to grade (an empty table): the column is a String column, not a Null one
    empty = pl.DataFrame(schema={"year": pl.Int32, "index_pct": pl.Float64})
    grades = empty.select(grade_expr(parse_rubric(RUBRIC), []).alias("grade"))
    assert grades.schema == pl.Schema({"grade": pl.String})


# ------------------------------------------------------------------------- across the merger


def test_the_one_new_name_of_the_34_means_its_predecessor_before_the_merger():
    # "Huế" is the only era-34 name no era-63 province had (Thừa Thiên Huế became the city of
    # Huế): before the merger it means Thừa Thiên Huế (46), after it Huế (46) of the 34.
    from cchc_analysis.reference.registry import provinces, resolve_province

    old = {p.name_vi for p in provinces("63")}
    assert [p.name_vi for p in provinces("34") if p.name_vi not in old] == ["Huế"]
    before = resolve_province("Huế", "2023")
    after = resolve_province("TP. Huế", "2025")
    assert (before.era, before.code, before.name_vi) == ("63", "46", "Thừa Thiên Huế")
    assert (after.era, after.code, after.name_vi) == ("34", "46", "Huế")


PREDECESSORS = {("25", "Phú Thọ"): 80, ("26", "Vĩnh Phúc"): 90, ("17", "Hòa Bình"): 70}
RECEIVED = {"25": 100, "26": 300, "17": 100, "01": 1000}


def _merger_table(received: dict[str, float]) -> pl.DataFrame:
    # 2023 (63): Hà Nội 90, Phú Thọ 70. 2024 (63): Vĩnh Phúc 90, Hà Nội 85, Phú Thọ 80, Hòa Bình
    # 70, with dossiers received as weights. 2025 (34): Phú Thọ 86.5, Hà Nội 82.
    rows = _appraisal("2023", {("01", "Hà Nội"): 90, ("25", "Phú Thọ"): 70})
    rows += _appraisal("2024", {**PREDECESSORS, ("01", "Hà Nội"): 85})
    names = {"25": "Phú Thọ", "26": "Vĩnh Phúc", "17": "Hòa Bình", "01": "Hà Nội"}
    rows += [(c, names[c], "2024", "dossier.received", v) for c, v in received.items()]
    rows += _appraisal("2025", {("25", "Phú Thọ"): 86.5, ("01", "Hà Nội"): 82})
    return _rows(rows)


def test_change_against_last_year_has_the_right_sign_and_basis(published):
    table = _merger_table(RECEIVED)
    totals = compare_with_previous(table, score_indicators(table, published), published)
    got = {
        (r["period"], r["province_code"]): (
            r["prev_index_pct"],
            r["change_points"],
            r["change_places"],
            r["comparison_basis"],
            r["reconstruction"],
        )
        for r in totals.iter_rows(named=True)
    }
    # 2025 on the 34's boundaries: Phú Thọ's 2024 = (80×100 + 90×300 + 70×100)/500 = 84,
    # rank 2 behind Hà Nội 85; now 86.5, rank 1: +2.5 points, +1 place (moved up).
    # Hà Nội (no merger): 85 → 82 = −3 points; rank 1 → 2 = −1 place.
    previous_counts = {(r["period"], r["prev_n_provinces"]) for r in totals.iter_rows(named=True)}
    assert previous_counts == {("2023", None), ("2024", 2), ("2024", None), ("2025", 2)}
    assert got[("2025", "25")] == (84.0, 2.5, 1, "predecessors_combined", "weighted_mean")
    assert got[("2025", "01")] == (85.0, -3.0, -1, "same_province", "weighted_mean")
    # 2024 against 2023, same boundaries: Hà Nội 90 (1st) → 85 (2nd of 4) = −5, −1 place;
    # Phú Thọ 70 (2nd) → 80 (3rd) = +10 points yet −1 place.
    assert got[("2024", "01")] == (90.0, -5.0, -1, "same_province", None)
    assert got[("2024", "25")] == (70.0, 10.0, -1, "same_province", None)
    # no previous year: nothing to compare, no basis
    assert got[("2024", "26")] == (None, None, None, None, None)
    assert got[("2023", "01")] == (None, None, None, None, None)


def test_the_weighted_rebase_is_taken_only_when_every_weight_is_present(published):
    # Hòa Bình's dossiers received missing: weights for 2 of 3 predecessors are not a weighted
    # mean; the equal mean is (80 + 90 + 70)/3 = 80 (the weighted one would be
    # (80×100 + 90×300)/400 = 87.5).
    partial = {k: v for k, v in RECEIVED.items() if k != "17"}
    table = _merger_table(partial).filter(pl.col("period") == "2024")
    legacy = score_indicators(table, published).totals
    rebased = {
        r["province_code"]: r for r in rebase_totals(table, legacy, published).rows(named=True)
    }
    assert rebased["25"]["reconstruction"] == "equal_mean"
    assert rebased["25"]["index_pct"] == pytest.approx(80.0)
    # Hà Nội has its one weight: weighted = its own 85
    assert (rebased["01"]["reconstruction"], rebased["01"]["index_pct"]) == ("weighted_mean", 85.0)
    # ranked among the 34: Hà Nội 85 first, Phú Thọ 80 second, of 2
    assert (rebased["01"]["rank"], rebased["25"]["rank"]) == (1, 2)
    assert rebased["25"]["n_provinces"] == 2


def test_a_weighted_mean_leaves_a_missing_value_out_of_the_denominator():
    # edoc.exchange_pct weighted by staff.headcount. Vĩnh Phúc's share is missing (null), so
    # Phú Thọ (34) = (90×1000 + 80×1000)/(1000 + 1000) = 85, not 170000/5000 = 34.
    rows = [
        ("25", "Phú Thọ", "2024", "edoc.exchange_pct", 90),
        ("26", "Vĩnh Phúc", "2024", "edoc.exchange_pct", None),
        ("17", "Hòa Bình", "2024", "edoc.exchange_pct", 80),
        ("25", "Phú Thọ", "2024", "staff.headcount", 1000),
        ("26", "Vĩnh Phúc", "2024", "staff.headcount", 3000),
        ("17", "Hòa Bình", "2024", "staff.headcount", 1000),
    ]
    combined = aggregate_to_successors(_rows(rows))
    values = dict(zip(combined["indicator"], combined["value"], strict=True))
    assert values["edoc.exchange_pct"] == 85.0
    assert values["staff.headcount"] == 5000


def test_a_weighted_mean_with_a_missing_weight_uses_the_weights_it_has():
    # Vĩnh Phúc's headcount missing: (90×1000 + 80×3000)/(1000 + 3000) = 330000/4000 = 82.5
    rows = [
        ("25", "Phú Thọ", "2024", "edoc.exchange_pct", 90),
        ("26", "Vĩnh Phúc", "2024", "edoc.exchange_pct", 100),
        ("17", "Hòa Bình", "2024", "edoc.exchange_pct", 80),
        ("25", "Phú Thọ", "2024", "staff.headcount", 1000),
        ("17", "Hòa Bình", "2024", "staff.headcount", 3000),
    ]
    values = dict(aggregate_to_successors(_rows(rows)).select("indicator", "value").iter_rows())
    assert values["edoc.exchange_pct"] == 82.5
    assert values["staff.headcount"] == 4000


def test_a_rate_is_recomputed_only_where_every_count_is_present():
    # dossier.on_time_pct = 100 × (early + on time)/resolved over the combined counts.
    # Phú Thọ (25 ← 25, 26): (10+20 + 30+40)/(50 + 150) = 100/200 = 50 %.
    # Đồng Tháp (82 ← 82, 87) has no dossier.resolved at all: no rate, rather than a wrong one.
    rows = [
        ("25", "Phú Thọ", "2024", "dossier.resolved_early", 10),
        ("25", "Phú Thọ", "2024", "dossier.resolved_on_time", 20),
        ("25", "Phú Thọ", "2024", "dossier.resolved", 50),
        ("26", "Vĩnh Phúc", "2024", "dossier.resolved_early", 30),
        ("26", "Vĩnh Phúc", "2024", "dossier.resolved_on_time", 40),
        ("26", "Vĩnh Phúc", "2024", "dossier.resolved", 150),
        ("82", "Tiền Giang", "2024", "dossier.resolved_early", 5),
        ("87", "Đồng Tháp", "2024", "dossier.resolved_on_time", 5),
    ]
    combined = aggregate_to_successors(_rows(rows))
    rates = combined.filter(pl.col("indicator") == "dossier.on_time_pct")
    assert rates.select("province_code", "province", "era", "value").rows() == [
        ("25", "Phú Thọ", "34", 50.0)
    ]


# ------------------------------------------------------------------------- validation edges

PARTS = {
    "par.total_points": 80,
    "par.appraisal_points": 40,
    "par.sipas_points": 20,
    "par.leader_survey_points": 10,
}


def _validate(tmp_path, rows):
    # English number format: '9.995' is nine point nine nine five, not 9995
    return validate_indicators(load_indicators(write_csv(tmp_path, rows), number_format="en"))


def _errors(result, rule):
    return result.failures.filter((pl.col("severity") == "error") & (pl.col("rule") == rule))


@pytest.mark.parametrize(
    ("impact", "broken"),
    [
        (10, False),  # 40 + 20 + 10 + 10 = 80: gap 0
        (9.995, False),  # gap 80 − 79.995 = 0.005 points ≤ 0.01
        (10.005, False),  # gap −0.005: within ±0.01
        (9.98, True),  # gap 0.02 points > 0.01
        (10.02, True),  # gap −0.02 (parts exceed the total)
        (9.5, True),  # gap 0.5 points: the tolerance is 0.01 points, not 0.01 × 100
    ],
)
def test_the_identity_tolerance_is_in_the_indicators_unit(tmp_path, impact, broken):
    rows = long_rows("Hà Nội", "2024", {**PARTS, "par.impact_points": impact})
    errors = _errors(_validate(tmp_path, rows), "par_total_parts")
    if broken:
        # every row taking part is named: the total and its four parts (rows 2–6)
        assert sorted(errors["row"].to_list()) == [2, 3, 4, 5, 6]
        gap = round(80 - (70 + impact), 4)
        assert errors["message_en"][0].endswith(
            f"(par.total_points − (par.appraisal_points+par.sipas_points"
            f"+par.leader_survey_points+par.impact_points) = {gap})"
        )
    else:
        assert errors.is_empty()


@pytest.mark.parametrize(("completed", "broken"), [(40, False), (40.5, True), (39, False)])
def test_a_less_or_equal_identity_has_no_tolerance(tmp_path, completed, broken):
    # task_completed_within_planned: completed ≤ planned (40), tolerance 0
    rows = long_rows("Hà Nội", "2024", {"task.planned": 40, "task.completed": completed})
    errors = _errors(_validate(tmp_path, rows), "task_completed_within_planned")
    assert errors["row"].to_list() == ([2, 3] if broken else [])


def _jumps(result):
    warnings = result.failures.filter(pl.col("rule") == "year_on_year_jump")
    return {(r["province"], r["period"], r["indicator"]): r for r in warnings.iter_rows(named=True)}


def test_the_year_on_year_jump_warning_fires_above_its_threshold(tmp_path):
    # counts: |change|/previous > 1 (max_jump_ratio); percents: |change| > 20 points.
    # Hà Nội received 1000 → 2001: 1001/1000 = 1.001 > 1 → jump.
    # Hải Phòng 1000 → 2000: exactly 1 → no jump (the threshold itself is allowed).
    # Cần Thơ 3000 → 900: 2100/3000 = 0.7 → none.
    # Hà Nội edoc 50 → 70.5: 20.5 > 20 → jump; Hải Phòng 50 → 70: exactly 20 → none;
    # Cần Thơ 80 → 59: |−21| > 20 → jump (a fall counts as much as a rise).
    rows = []
    for name, received, edoc in [
        ("Hà Nội", (1000, 2001), (50, 70.5)),
        ("Hải Phòng", (1000, 2000), (50, 70)),
        ("Cần Thơ", (3000, 900), (80, 59)),
    ]:
        for year, index in (("2023", 0), ("2024", 1)):
            rows += long_rows(
                name, year, {"dossier.received": received[index], "edoc.exchange_pct": edoc[index]}
            )
    result = _validate(tmp_path, rows)
    jumps = _jumps(result)
    assert set(jumps) == {
        ("Hà Nội", "2024", "dossier.received"),
        ("Hà Nội", "2024", "edoc.exchange_pct"),
        ("Cần Thơ", "2024", "edoc.exchange_pct"),
    }
    assert {r["severity"] for r in jumps.values()} == {"warning"}
    assert result.ok  # a warning never rejects a row
    received = jumps[("Hà Nội", "2024", "dossier.received")]
    assert received["message_en"] == "Unusual change since the previous period (1000.0 → 2001.0)"
    assert received["row"] == 4 and received["value"] == "2001"  # Hà Nội's third row
    assert jumps[("Cần Thơ", "2024", "edoc.exchange_pct")]["message_en"].endswith("(80.0 → 59.0)")


def test_the_jump_compares_like_periods_and_honours_its_options(tmp_path):
    # 2023-H1 1000 → 2024-H1 3000 is a jump (2000/1000 = 2 > 1); the annual 2024 value 1100 is
    # compared with nothing (no annual 2023), not with a half year.
    from cchc_analysis.validate.indicators import ValidationOptions

    rows = long_rows("Hà Nội", "2023-H1", {"dossier.received": 1000})
    rows += long_rows("Hà Nội", "2024-H1", {"dossier.received": 3000})
    rows += long_rows("Hà Nội", "2024", {"dossier.received": 1100})
    path = write_csv(tmp_path, rows)
    table = load_indicators(path)
    assert set(_jumps(validate_indicators(table))) == {("Hà Nội", "2024-H1", "dossier.received")}
    # a ratio of 2.5 allowed: 2 ≤ 2.5, no jump; 1.9 allowed: 2 > 1.9, a jump
    loose = ValidationOptions(max_jump_ratio=2.5)
    assert _jumps(validate_indicators(table, loose)) == {}
    tight = ValidationOptions(max_jump_ratio=1.9)
    assert set(_jumps(validate_indicators(table, tight))) == {
        ("Hà Nội", "2024-H1", "dossier.received")
    }


# ------------------------------------------------------------------------- rules beyond the tiny rubric

RULES = """
id: rules
version: "1"
status: illustrative
title_vi: quy tắc
title_en: rules
grade_bands: [{from_year: 2000, source: test, bands: [{grade: A, min: 0}]}]
domains:
  - id: d
    label_vi: lĩnh vực
    label_en: domain
    max_points: 9
    criteria:
      - id: yes_no
        label_vi: có/không
        label_en: yes/no
        max_points: 2
        measure: {indicator: task.completed}
        rule: {boolean: true}
      - id: no_zero_band
        label_vi: không có mức 0
        label_en: no zero band
        max_points: 4
        measure: {indicator: edoc.exchange_pct}
        rule: {threshold_bands: [{min: 98, points: 6}, {min: 95, points: 3}, {min: 80, points: 1}]}
      - id: lower_is_better
        label_vi: càng thấp càng tốt
        label_en: lower is better
        max_points: 3
        measure: {indicator: sipas.satisfaction_pct}
        rule: {linear: {floor: 40, target: 10}}
"""


@pytest.mark.parametrize(
    ("completed", "edoc", "lower", "expected"),
    [
        # boolean: ≥ 0.5 is yes (2 points); bands: 6 points capped at the maximum 4; below the
        # lowest band (80) is 0 points in "< 80"; linear 40 → 10: 25 is half way, 1.5 points
        (
            1,
            99,
            25,
            {
                "yes_no": (2, "yes/no"),
                "no_zero_band": (4, "≥ 98"),
                "lower_is_better": (1.5, "linear 40→10"),
            },
        ),
        (
            0.5,
            95,
            10,
            {
                "yes_no": (2, "yes/no"),
                "no_zero_band": (3, "[95; 98)"),
                "lower_is_better": (3, "linear 40→10"),
            },
        ),
        (
            0.4,
            50,
            40,
            {
                "yes_no": (0, "yes/no"),
                "no_zero_band": (0, "< 80"),
                "lower_is_better": (0, "linear 40→10"),
            },
        ),
        (
            0,
            80,
            5,
            {
                "yes_no": (0, "yes/no"),
                "no_zero_band": (1, "[80; 95)"),
                "lower_is_better": (3, "linear 40→10"),
            },
        ),
        (
            7,
            79.9,
            55,
            {
                "yes_no": (2, "yes/no"),
                "no_zero_band": (0, "< 80"),
                "lower_is_better": (0, "linear 40→10"),
            },
        ),
    ],
)
def test_boolean_capped_band_below_every_band_and_lower_is_better(completed, edoc, lower, expected):
    rows = [
        ("01", "Hà Nội", "2024", "task.completed", completed),
        ("01", "Hà Nội", "2024", "edoc.exchange_pct", edoc),
        ("01", "Hà Nội", "2024", "sipas.satisfaction_pct", lower),
    ]
    criteria = score_indicators(_rows(rows), parse_rubric(RULES)).criteria
    got = {r["criterion_id"]: (r["points"], r["band"]) for r in criteria.iter_rows(named=True)}
    assert got == expected


def test_a_measure_above_the_target_gets_full_points_not_more():
    # 44 of 40 tasks (110 %): 6 × 60/50 = 7.2 clipped to the maximum 6
    assert _tiny_scores(0, 44)["tasks"]["points"] == 6.0


def test_the_rebase_rescores_combined_counts_when_it_can():
    # tiny rubric on counts: Phú Thọ (34) ← Phú Thọ 20/40 tasks + Vĩnh Phúc 40/40 + Hòa Bình
    # 30/40 = 90/120 = 75 % → 6 × 25/50 = 3 points; on time (90+100+50)/(100+100+100) = 80 %
    # → 1 point: 4 of 10 = index 40. Hà Nội alone: 40/40 → 6, 99 % → 4: index 100.
    rubric = parse_rubric(RUBRIC)
    rows = []
    for code, name, completed, early in [
        ("25", "Phú Thọ", 20, 90),
        ("26", "Vĩnh Phúc", 40, 100),
        ("17", "Hòa Bình", 30, 50),
        ("01", "Hà Nội", 40, 99),
    ]:
        rows += [
            (code, name, "2024", "task.planned", 40),
            (code, name, "2024", "task.completed", completed),
            (code, name, "2024", "dossier.resolved_early", early),
            (code, name, "2024", "dossier.resolved_on_time", 0),
            (code, name, "2024", "dossier.resolved", 100),
        ]
    table = _rows(rows)
    legacy = score_indicators(table, rubric).totals
    rebased = rebase_totals(table, legacy, rubric).sort("province_code")
    assert rebased.select("province_code", "index_pct", "reconstruction", "rank").rows() == [
        ("01", 100.0, "rescored", 1),
        ("25", 40.0, "rescored", 2),
    ]


def test_combined_values_are_rounded_to_two_decimals_and_sorted():
    # shares: Phú Thọ (34) = (90×1 + 80×2)/3 = 83.333… → 83.33; rates: Đồng Tháp (34) =
    # 100 × (1 + 0)/(2 + 1) = 33.333… → 33.33 %, and a denominator of exactly 1 still gives a
    # rate: Cần Thơ 100 × 1/1 = 100 %. Rows come sorted by period, province code, indicator
    # (Cần Thơ, 92, of 2023 first).
    rows = [
        ("25", "Phú Thọ", "2024", "edoc.exchange_pct", 90),
        ("26", "Vĩnh Phúc", "2024", "edoc.exchange_pct", 80),
        ("25", "Phú Thọ", "2024", "staff.headcount", 1),
        ("26", "Vĩnh Phúc", "2024", "staff.headcount", 2),
        ("82", "Tiền Giang", "2024", "dossier.resolved_early", 1),
        ("82", "Tiền Giang", "2024", "dossier.resolved_on_time", 0),
        ("82", "Tiền Giang", "2024", "dossier.resolved", 2),
        ("87", "Đồng Tháp", "2024", "dossier.resolved", 1),
        ("92", "Cần Thơ", "2023", "dossier.resolved_early", 1),
        ("92", "Cần Thơ", "2023", "dossier.resolved_on_time", 0),
        ("92", "Cần Thơ", "2023", "dossier.resolved", 1),
    ]
    combined = aggregate_to_successors(_rows(rows))
    assert combined.select("period", "province_code", "indicator", "value").rows() == [
        ("2023", "92", "dossier.on_time_pct", 100.0),
        ("2023", "92", "dossier.resolved", 1.0),
        ("2023", "92", "dossier.resolved_early", 1.0),
        ("2023", "92", "dossier.resolved_on_time", 0.0),
        ("2024", "25", "edoc.exchange_pct", 83.33),
        ("2024", "25", "staff.headcount", 3.0),
        ("2024", "82", "dossier.on_time_pct", 33.33),
        ("2024", "82", "dossier.resolved", 3.0),
        ("2024", "82", "dossier.resolved_early", 1.0),
        ("2024", "82", "dossier.resolved_on_time", 0.0),
    ]


def test_a_rate_whose_counts_are_all_absent_is_not_invented():
    # only the numerator's counts exist anywhere: no dossier.resolved column at all → no rate
    rows = [("25", "Phú Thọ", "2024", "dossier.resolved_early", 5)]
    combined = aggregate_to_successors(_rows(rows))
    assert combined.select("indicator", "value").rows() == [("dossier.resolved_early", 5.0)]


def test_one_province_followed_over_the_years(published):
    # Hà Nội alone: 2023 60 → 2024 70.125 → 2025 69.5; changes +10.125 → 10.12 (two decimals,
    # rounded half to even by the float: 10.125 is exact) and −0.625 → −0.62; always rank 1 of 1.
    rows = _appraisal("2023", {("01", "Hà Nội"): 60}) + _appraisal(
        "2024", {("01", "Hà Nội"): 70.125}
    )
    rows += _appraisal("2025", {("01", "Hà Nội"): 69.5})
    rows += [("01", "Hà Nội", "2024", "dossier.received", 10)]
    table = _rows(rows)
    totals = compare_with_previous(table, score_indicators(table, published), published)
    got = totals.sort("period").select(
        "period", "change_points", "change_places", "comparison_basis"
    )
    assert got.rows() == [
        ("2023", None, None, None),
        ("2024", round(70.125 - 60, 2), 0, "same_province"),
        ("2025", round(69.5 - 70.125, 2), 0, "same_province"),
    ]


def test_a_single_year_has_every_comparison_column_empty(published):
    table = _rows(_appraisal("2024", {("01", "Hà Nội"): 60}))
    totals = compare_with_previous(table, score_indicators(table, published), published)
    columns = ("reconstruction", "prev_index_pct", "prev_rank", "change_points")
    columns += ("change_places", "comparison_basis")
    assert totals.select(columns).rows() == [(None,) * 6]


def test_direct_points_are_kept_within_zero_and_the_maximum():
    # NESTED-like rubric: direct points out of 5; −3 → 0, 0.5 → 0.5, 7 → 5
    rubric = parse_rubric(
        RULES.replace("max_points: 9", "max_points: 14").replace(
            "        rule: {linear: {floor: 40, target: 10}}",
            "        rule: {linear: {floor: 40, target: 10}}\n"
            "      - {id: direct, label_vi: trực tiếp, label_en: direct, max_points: 5,\n"
            "         measure: {indicator: par.impact_points}, rule: {direct_points: true}}",
        )
    )
    for given, points in ((-3, 0.0), (0.5, 0.5), (7, 5.0)):
        rows = [("01", "Hà Nội", "2024", "par.impact_points", given)]
        criteria = score_indicators(_rows(rows), rubric).criteria
        direct = criteria.filter(pl.col("criterion_id") == "direct").row(0, named=True)
        assert (direct["points"], direct["band"]) == (points, "direct points")


def test_a_warning_identity_warns_and_keeps_the_rows(tmp_path):
    # disbursed_within_plan is a warning: 120 bn disbursed of a 100 bn plan is reported, but
    # the rows are not rejected
    rows = long_rows("Hà Nội", "2024", {"finance.plan_bn": 100, "finance.disbursed_bn": 120})
    result = _validate(tmp_path, rows)
    found = result.failures.filter(pl.col("rule") == "disbursed_within_plan")
    assert found.select("row", "severity").rows() == [(2, "warning"), (3, "warning")]
    assert result.ok and result.rejected_ids == frozenset()


def test_the_change_across_the_merger_is_rounded_to_two_decimals(published):
    # Phú Thọ (34) in 2024 = (80 + 90 + 70.01)/3 = 80.00333… (one dossier each: equal weights);
    # 2025: 85 → change 4.99666… → 5.0 (two decimals), not 4.997
    rows = _appraisal("2024", {**PREDECESSORS, ("17", "Hòa Bình"): 70.01})
    rows += [(c, n, "2024", "dossier.received", 1) for c, n in PREDECESSORS]
    rows += _appraisal("2025", {("25", "Phú Thọ"): 85})
    table = _rows(rows)
    totals = compare_with_previous(table, score_indicators(table, published), published)
    phu_tho = totals.filter(pl.col("period") == "2025").row(0, named=True)
    assert phu_tho["prev_index_pct"] == pytest.approx(240.01 / 3)
    assert phu_tho["change_points"] == 5.0
