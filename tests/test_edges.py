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
    got = {
        (r["period"], r["province_code"]): (r["rank"], r["n_provinces"])
        for r in totals.rows(named=True)
    }
    assert got == {("2023", "01"): (1, 2), ("2023", "92"): (2, 2), ("2024", "92"): (1, 1)}


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
