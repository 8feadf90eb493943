"""Combining the 63 provinces onto the 34 with the catalogue's merge rules."""

import polars as pl
import pytest

from cchc_analysis.scoring.merger import aggregate_to_successors


def _frame(rows):
    return pl.DataFrame(
        [
            {
                "province_code": c,
                "province": n,
                "era": "63",
                "period": "2024",
                "year": 2024,
                "indicator": i,
                "value": v,
            }
            for c, n, i, v in rows
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


def test_counts_sum_shares_weight_and_rates_recompute():
    # Phú Thọ (25) ← Phú Thọ (25) + Vĩnh Phúc (26) + Hòa Bình (17)
    rows = [
        ("25", "Phú Thọ", "dossier.resolved", 100),
        ("26", "Vĩnh Phúc", "dossier.resolved", 300),
        ("17", "Hòa Bình", "dossier.resolved", 100),
        ("25", "Phú Thọ", "dossier.resolved_early", 50),
        ("26", "Vĩnh Phúc", "dossier.resolved_early", 200),
        ("17", "Hòa Bình", "dossier.resolved_early", 20),
        ("25", "Phú Thọ", "dossier.resolved_on_time", 40),
        ("26", "Vĩnh Phúc", "dossier.resolved_on_time", 100),
        ("17", "Hòa Bình", "dossier.resolved_on_time", 70),
        ("25", "Phú Thọ", "staff.headcount", 1000),
        ("26", "Vĩnh Phúc", "staff.headcount", 3000),
        ("17", "Hòa Bình", "staff.headcount", 1000),
        ("25", "Phú Thọ", "edoc.exchange_pct", 90),
        ("26", "Vĩnh Phúc", "edoc.exchange_pct", 100),
        ("17", "Hòa Bình", "edoc.exchange_pct", 80),
        ("25", "Phú Thọ", "par.appraisal_points", 50),
    ]
    combined = aggregate_to_successors(_frame(rows))
    values = dict(zip(combined["indicator"], combined["value"], strict=True))
    assert set(combined["province_code"]) == {"25"}
    assert set(combined["era"]) == {"34"}
    assert values["dossier.resolved"] == 500
    assert values["staff.headcount"] == 5000
    assert values["edoc.exchange_pct"] == pytest.approx((90 * 1000 + 100 * 3000 + 80 * 1000) / 5000)
    assert values["dossier.on_time_pct"] == pytest.approx(100 * (270 + 210) / 500)
    assert "par.appraisal_points" not in values  # published points cannot be combined


def test_tien_giang_goes_to_dong_thap():
    combined = aggregate_to_successors(
        _frame([("82", "Tiền Giang", "task.planned", 10), ("87", "Đồng Tháp", "task.planned", 20)])
    )
    assert combined.select("province_code", "province", "value").row(0) == ("82", "Đồng Tháp", 30)


def test_published_points_are_reconstructed_as_a_weighted_mean_across_the_merger():
    from cchc_analysis.scoring.engine import score_indicators
    from cchc_analysis.scoring.merger import rebase_totals
    from cchc_analysis.scoring.rubric import load_rubric

    rubric = load_rubric("par-index-published")
    rows = []
    for code, name, points, received in [
        ("25", "Phú Thọ", 80, 100),
        ("26", "Vĩnh Phúc", 90, 300),
        ("17", "Hòa Bình", 70, 100),
    ]:
        rows += [
            (code, name, "par.appraisal_points", points),
            (code, name, "dossier.received", received),
        ]
    legacy = _frame(rows)
    totals = score_indicators(legacy, rubric).totals
    rebased = rebase_totals(legacy, totals, rubric).row(0, named=True)
    assert rebased["province_code"] == "25"
    assert rebased["reconstruction"] == "weighted_mean"
    assert rebased["index_pct"] == pytest.approx((80 * 100 + 90 * 300 + 70 * 100) / 500)
    no_weights = legacy.filter(pl.col("indicator") != "dossier.received")
    equal = rebase_totals(no_weights, totals, rubric).row(0, named=True)
    assert equal["reconstruction"] == "equal_mean"
    assert equal["index_pct"] == pytest.approx(80)
