"""Rubrics as tables (one row per criterion), to and from YAML: every bundled rubric comes back
the same, nested groups included, and a broken table is reported by sheet, row and column."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

from cchc_analysis.cli import app
from cchc_analysis.scoring.rubric import bundled_rubrics, load_rubric, parse_rubric
from cchc_analysis.scoring.rubric_table import (
    COLUMNS,
    RubricTableError,
    criteria_rows,
    export_rubric,
    import_rubric,
    rubric_yaml,
)

NESTED = """
id: nested
version: "1"
status: illustrative
title_vi: Lồng nhau
title_en: Nested
grade_bands: [{from_year: 2018, source: test, bands: [{grade: A, min: 50}, {grade: B, min: 0}]}]
domains:
  - id: d
    label_vi: Miền
    label_en: Domain
    max_points: 10
    criteria:
      - id: d.group
        label_vi: nhóm
        label_en: group
        max_points: 6
        criteria:
          - {id: d.group.a, label_vi: "=SUM(A1)", label_en: a, max_points: 4, missing: exclude,
             measure: {ratio: {numerator: task.completed, denominator: task.planned}},
             rule: {linear: {floor: 50, target: 100}}}
          - {id: d.group.b, label_vi: b, label_en: b, max_points: 2,
             measure: {indicator: sipas.satisfaction_pct}, rule: {survey: {floor: 60, target: 90}}}
      - {id: d.c, label_vi: c, label_en: c, max_points: 4, measure: {indicator: dossier.on_time_pct},
         rule: {threshold_bands: [{min: 95, points: 4}, {min: 80.5, points: 1.5}, {min: 0, points: 0}]}}
"""


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
@pytest.mark.parametrize("name", bundled_rubrics())
def test_every_bundled_rubric_comes_back_the_same(tmp_path, name, suffix):
    rubric = load_rubric(name)
    table = tmp_path / f"{name}{suffix}"
    export_rubric(rubric, table)
    back = import_rubric(table)
    assert back == rubric
    # and through the YAML the command writes
    assert parse_rubric(rubric_yaml(back, table.name)) == rubric


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_nested_groups_and_every_rule_kind_come_back(tmp_path, suffix):
    rubric = parse_rubric(NESTED)
    rows = criteria_rows(rubric)
    assert [r["parent"] for r in rows] == [None, "d.group", "d.group", None]
    table = tmp_path / f"nested{suffix}"
    export_rubric(rubric, table)
    assert import_rubric(table) == rubric


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    table = tmp_path / "nested.xlsx"
    export_rubric(parse_rubric(NESTED), table)
    sheet = load_workbook(table)["criteria"]
    cells = [c for row in sheet.iter_rows() for c in row if c.value == "=SUM(A1)"]
    assert cells and all(c.data_type == "s" for c in cells)
    export_rubric(parse_rubric(NESTED), tmp_path / "nested.csv")
    text = (tmp_path / "nested.csv").read_text(encoding="utf-8")
    assert ",'=SUM(A1)," in text and ",=SUM" not in text


def _workbook(tmp_path: Path, rows: list[dict], about: bool = False) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "tiêu chí"
    sheet.append(COLUMNS)
    for row in rows:
        sheet.append([row.get(c) for c in COLUMNS])
    path = tmp_path / "criteria.xlsx"
    book.save(path)
    return path


BASE = {
    "domain": "d",
    "domain_label_vi": "Miền",
    "domain_label_en": "Domain",
    "id": "d.one",
    "label_vi": "một",
    "label_en": "one",
    "max_points": 5,
    "measure": "task.completed / task.planned",
    "rule": "linear",
    "floor": 50,
    "target": 100,
}


def test_a_table_without_an_about_sheet_becomes_an_illustrative_rubric(tmp_path):
    path = _workbook(
        tmp_path,
        [
            BASE,
            {
                **BASE,
                "id": "d.two",
                "rule": "threshold_bands",
                "floor": None,
                "target": None,
                "bands": "90: 5; 70: 2,5; 0: 0",
            },
        ],
    )
    rubric = import_rubric(path)
    assert rubric.id == "criteria" and rubric.status == "illustrative"
    assert [b.points for b in rubric.leaves()[1][2].rule.threshold_bands] == [5, 2.5, 0]
    assert rubric.grade_bands == load_rubric("par-index-illustrative").grade_bands


def test_errors_name_the_sheet_row_and_column(tmp_path):
    rows = [
        BASE,
        {**BASE, "id": "d.two", "rule": "threshold_bands", "bands": "90 five"},
        {**BASE, "id": "d.three", "measure": "no.such_indicator"},
        {**BASE, "id": "d.four", "rule": "stepwise"},
        {**BASE, "id": "d.five", "parent": "d.nowhere"},
        {**BASE, "id": "d.one"},
        {**BASE, "id": "d.six", "target": None},
    ]
    with pytest.raises(RubricTableError) as caught:
        import_rubric(_workbook(tmp_path, rows))
    message = str(caught.value)
    where = "criteria.xlsx, sheet 'tiêu chí'"
    assert f"{where}, row 3, column 'bands'" in message
    assert f"{where}, row 4, column 'measure': indicator(s) not in the catalogue" in message
    assert f"{where}, row 5, column 'rule': 'stepwise' is not one of" in message
    assert f"{where}, row 6, column 'parent'" in message
    assert f"{where}, row 7, column 'id': 'd.one' appears twice" in message
    assert f"{where}, row 8, column 'target'" in message


def test_a_schema_error_is_placed_at_its_row(tmp_path):
    rows = [BASE, {**BASE, "id": "d.two", "floor": 80, "target": 80}]
    with pytest.raises(
        RubricTableError, match=r"row 3, column 'rule'.*floor and target must differ"
    ):
        import_rubric(_workbook(tmp_path, rows))
    rows = [{**BASE, "domain_max_points": 9}]
    with pytest.raises(RubricTableError, match=r"row 2.*add up to 5, not 9"):
        import_rubric(_workbook(tmp_path, rows))


def test_the_commands_round_trip_and_fail_cleanly(tmp_path):
    runner = CliRunner()
    table, yaml_path = tmp_path / "pi.xlsx", tmp_path / "pi.yaml"
    result = runner.invoke(app, ["rubric", "export", "par-index-illustrative", "--out", str(table)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["rubric", "import", str(table), "--out", str(yaml_path)])
    assert result.exit_code == 0, result.output
    assert load_rubric(str(yaml_path)) == load_rubric("par-index-illustrative")
    assert yaml_path.read_text(encoding="utf-8").startswith("# Imported from pi.xlsx")
    bad = tmp_path / "bad.csv"
    bad.write_text("domain,id,label_vi,rule\nd,d.x,x,linear\n", encoding="utf-8")
    result = runner.invoke(app, ["rubric", "import", str(bad), "--out", str(tmp_path / "x.yaml")])
    assert result.exit_code == 1
    assert "bad.csv, row 2, column 'measure'" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "x.yaml").exists()
