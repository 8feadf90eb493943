"""The Great Expectations suite on small tables: each rule reports the right row."""

import polars as pl
import pytest

from cchc_analysis.read.load import load_indicators
from cchc_analysis.validate.failures import format_failures
from cchc_analysis.validate.indicators import validate_indicators
from tests.conftest import long_rows, write_csv

CONSISTENT = {
    "dossier.received": 1000,
    "dossier.resolved": 950,
    "dossier.resolved_early": 500,
    "dossier.resolved_on_time": 430,
    "dossier.resolved_late": 20,
    "dossier.pending": 50,
    "task.planned": 40,
    "task.completed": 28,
    "edoc.exchange_pct": 97.5,
}


def _validate(tmp_path, rows):
    return validate_indicators(load_indicators(write_csv(tmp_path, rows)))


def _errors(result):
    return result.failures.filter(pl.col("severity") == "error")


def test_a_consistent_table_passes(tmp_path):
    result = _validate(tmp_path, long_rows("Hà Nội", "2024", CONSISTENT))
    assert result.ok
    assert _errors(result).is_empty()
    # one province of 63 is reported, but only as a warning
    assert result.failures["rule"].to_list() == ["province_count"]


@pytest.mark.parametrize(
    ("change", "rule", "indicator", "row"),
    [
        ({"dossier.resolved_late": 25}, "dossier_resolved_parts", "dossier.resolved", 3),
        ({"dossier.pending": 60}, "dossier_received_parts", "dossier.received", 2),
        ({"task.completed": 41}, "task_completed_within_planned", "task.completed", 9),
        ({"edoc.exchange_pct": 112}, "value_bounds", "edoc.exchange_pct", 10),
        ({"task.planned": -40, "task.completed": -50}, "value_bounds", "task.planned", 8),
        ({"task.planned": "bốn mươi"}, "value_is_number", "task.planned", 8),
        ({"task.planned": None}, "value_present", "task.planned", 8),
    ],
)
def test_each_broken_rule_names_its_row(tmp_path, change, rule, indicator, row):
    result = _validate(tmp_path, long_rows("Hà Nội", "2024", {**CONSISTENT, **change}))
    errors = _errors(result).filter(pl.col("rule") == rule)
    assert not result.ok
    assert (indicator, row) in list(zip(errors["indicator"], errors["row"], strict=True))
    assert errors["message_vi"][0] and errors["message_en"][0]


def test_unknown_and_merged_provinces_are_reported_with_the_reason(tmp_path):
    rows = long_rows("Ha Noii", "2024", {"task.planned": 1}) + long_rows(
        "Hòa Bình", "2025", {"task.planned": 1}
    )
    errors = _errors(_validate(tmp_path, rows))
    assert errors["rule"].to_list() == ["province_resolvable", "province_resolvable"]
    assert errors["row"].to_list() == [2, 3]
    assert "Hà Nội" in errors["message_en"][0]  # closest candidate
    assert "merged into Phú Thọ" in errors["message_en"][1]


def test_duplicate_keys_flag_every_copy(tmp_path):
    rows = long_rows("Hà Nội", "2024", {"task.planned": 40}) + long_rows(
        "Thành phố Hà Nội", "2024", {"task.planned": 41}
    )
    errors = _errors(_validate(tmp_path, rows))
    assert errors.filter(pl.col("rule") == "unique_key")["row"].to_list() == [2, 3]


def test_unknown_indicator_and_bad_period(tmp_path):
    rows = long_rows("Hà Nội", "2024", {"task.plannned": 40}) + long_rows(
        "Hà Nội", "2024-H3", {"task.planned": 40}
    )
    errors = _errors(_validate(tmp_path, rows))
    found = set(zip(errors["rule"], errors["row"], strict=True))
    assert ("indicator_known", 2) in found
    assert ("period_format", 3) in found


def test_the_printed_table_names_file_row_column_and_rule(tmp_path):
    result = _validate(tmp_path, long_rows("Hà Nội", "2024", {**CONSISTENT, "task.completed": 41}))
    text = format_failures(_errors(result))
    assert "table.csv:9" in text and "task_completed_within_planned" in text


def test_the_demo_data_validates_cleanly(tmp_path, demo_table):
    path = tmp_path / "demo.csv"
    demo_table.write_csv(path)
    result = validate_indicators(load_indicators(path))
    assert result.ok
    assert set(result.failures["severity"]) <= {"warning"}


def test_the_rubric_suite_flags_bands_above_the_maximum_and_domains_that_do_not_add_up():
    from cchc_analysis.scoring.rubric import Band, Domain, Rule, load_rubric
    from cchc_analysis.validate.indicators import validate_rubric

    rubric = load_rubric("par-index-illustrative")
    assert validate_rubric(rubric).filter(pl.col("severity") == "error").is_empty()
    # model_construct skips the schema checks, as a hand-edited table of a rubric would
    domain = rubric.domains[0]
    criterion = domain.criteria[1]
    loud = criterion.model_copy(
        update={
            "rule": Rule.model_construct(
                threshold_bands=[Band(min=0, points=criterion.max_points + 2)]
            )
        }
    )
    broken_domain = Domain.model_construct(
        **{**domain.__dict__, "max_points": 12, "criteria": [domain.criteria[0], loud]}
    )
    broken = rubric.model_copy(update={"domains": [broken_domain, *rubric.domains[1:]]})
    found = validate_rubric(broken)
    errors = set(zip(found["criterion_id"], found["rule"], strict=True))
    assert (criterion.id, "band_points_within_max") in errors
    assert (domain.criteria[0].id, "domain_equals_criteria") in errors
    assert "rubric_totals_100" in set(found["rule"])  # 102 points: a warning
