"""The dossier form of provincial reports (a row per level of government; columns for the
received, the resolved early, on time and late, the pending in time and overdue), copied as
text the ways pages and converters give it: a head of two rows whose first names groups over
merged cells, one head row whose names repeat ("Quá hạn" under the resolved and under the
pending), one cell a line, and a DOCX with merged cells. Tables written for this test."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from cchc_analysis.extract import extract_files
from cchc_analysis.extract.tables import distinct_names

_ROWS = [
    ("Cấp tỉnh", [52340, 30100, 51800, 30500, 21000, 300, 540, 500, 40]),
    ("Cấp huyện", [81200, 40300, 80600, 50000, 30100, 500, 600, 560, 40]),
    ("Cấp xã", [150000, 90000, 149900, 120000, 29800, 100, 100, 100, 0]),
]
_INDICATORS = [
    "dossier.received",
    "dossier.online",
    "dossier.resolved",
    "dossier.resolved_early",
    "dossier.resolved_on_time",
    "dossier.resolved_late",
    "dossier.pending",
    None,  # pending in time: no catalogue indicator
    "dossier.pending_overdue",
]
_GROUPS = [
    "STT", "Đơn vị", "Tổng số hồ sơ tiếp nhận", "Trong đó trực tuyến",
    "Số hồ sơ đã giải quyết", "", "", "", "Số hồ sơ đang giải quyết", "", "",
]  # fmt: skip
_SUBS = [
    "", "", "", "", "Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn", "Tổng số", "Trong hạn",
    "Quá hạn",
]  # fmt: skip
_ONE_ROW = [
    "STT", "Đơn vị", "Tiếp nhận", "Trực tuyến", "Đã giải quyết", "Trước hạn", "Đúng hạn",
    "Quá hạn", "Đang giải quyết", "Trong hạn", "Quá hạn",
]  # fmt: skip
_CAPTION = "Tỉnh Hà Tĩnh: Kết quả giải quyết hồ sơ TTHC quý I/2024"


def _n(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _cells(i: int, label: str, values: list[int]) -> list[str]:
    return [str(i + 1), label, *(_n(v) for v in values)]


def _two_head_rows() -> str:
    body = ["\t".join(_cells(i, lab, v)) for i, (lab, v) in enumerate(_ROWS)]
    return "\n".join(["\t".join(_GROUPS), "\t".join(_SUBS), *body])


def _one_head_row() -> str:
    body = ["\t".join(_cells(i, lab, v)) for i, (lab, v) in enumerate(_ROWS)]
    return "\n".join(["\t".join(_ONE_ROW), *body])


def _one_cell_a_line() -> str:
    body = ["\n".join(_cells(i, lab, v)) for i, (lab, v) in enumerate(_ROWS)]
    return "\n".join([*_ONE_ROW, *body])


def _expected() -> set[tuple[str, str, float]]:
    return {
        (label.lower(), indicator, float(value))
        for label, values in _ROWS
        for indicator, value in zip(_INDICATORS, values, strict=True)
        if indicator
    }


def _read(path: Path) -> set[tuple[str, str, float]]:
    extraction = extract_files([path])
    return {
        (f.scope.lower(), f.indicator, f.value)
        for f in list(extraction.figures) + list(extraction.subunits)
    }


@pytest.mark.parametrize("layout", [_two_head_rows, _one_head_row, _one_cell_a_line])
def test_the_dossier_form_copied_as_text(tmp_path, layout):
    path = tmp_path / "form.txt"
    path.write_text(f"{_CAPTION}\n{layout()}\n", encoding="utf-8")
    assert _read(path) == _expected()


def test_the_dossier_form_in_a_docx_with_merged_heads(tmp_path):
    document = docx.Document()
    document.add_paragraph(_CAPTION)
    table = document.add_table(rows=2 + len(_ROWS), cols=len(_GROUPS))
    for j, (group, sub) in enumerate(zip(_GROUPS, _SUBS, strict=True)):
        table.cell(0, j).text = group
        table.cell(1, j).text = sub
    table.cell(0, 4).merge(table.cell(0, 7))
    table.cell(0, 8).merge(table.cell(0, 10))
    for j in range(4):
        table.cell(0, j).merge(table.cell(1, j))
    for i, (label, values) in enumerate(_ROWS):
        for j, text in enumerate(_cells(i, label, values)):
            table.cell(2 + i, j).text = text
    path = tmp_path / "form.docx"
    document.save(path)
    assert _read(path) == _expected()


def test_repeated_column_names_are_told_apart_by_the_stage_before_them():
    names = ["Đã giải quyết", "Đúng hạn", "Quá hạn", "Đang giải quyết", "Trong hạn", "Quá hạn"]
    assert distinct_names(names) == [
        "Đã giải quyết",
        "Đúng hạn",
        "Đã giải quyết Quá hạn",
        "Đang giải quyết",
        "Trong hạn",
        "Đang giải quyết Quá hạn",
    ]


def test_repeated_names_no_stage_tells_apart_stay_as_they_are():
    assert distinct_names(["Điểm", "Hạng", "Điểm", "Hạng"]) == ["Điểm", "Hạng", "Điểm", "Hạng"]


def _figures_of(tmp_path: Path, text: str) -> set[tuple[str, str, float]]:
    path = tmp_path / "form.txt"
    path.write_text(text, encoding="utf-8")
    return _read(path)


@pytest.mark.parametrize("total", ["Tổng cộng", "Toàn tỉnh"])
def test_a_total_row_without_a_number_is_the_provinces(tmp_path, total):
    text = (
        "Tỉnh Quảng Ninh: Kết quả giải quyết TTHC 6 tháng đầu năm 2024\n"
        "STT\tĐơn vị\tTiếp nhận\tĐã giải quyết\tĐang giải quyết\n"
        "1\tTP. Hạ Long\t20.100\t19.900\t200\n"
        "2\tHuyện Tiên Yên\t5.100\t5.000\t100\n"
        f"\t{total}\t25.200\t24.900\t300\n"
    )
    found = _figures_of(tmp_path, text)
    assert {
        ("province", "dossier.received", 25200.0),
        ("province", "dossier.resolved", 24900.0),
        ("province", "dossier.pending", 300.0),
        ("huyện tiên yên", "dossier.received", 5100.0),
    } <= found
    assert len(found) == 9


def test_an_english_dossier_form_whose_caption_names_no_dossiers(tmp_path):
    text = (
        "Quang Ninh province: administrative procedure results, first half of 2024\n"
        "Unit\tReceived\tOnline\tResolved\tOn time\tLate\tPending\n"
        "Provincial level\t52,340\t30,100\t51,800\t51,500\t300\t540\n"
        "District level\t81,200\t40,300\t80,600\t80,100\t500\t600\n"
    )
    indicators = [
        "dossier.received", "dossier.online", "dossier.resolved", "dossier.resolved_on_time",
        "dossier.resolved_late", "dossier.pending",
    ]  # fmt: skip
    rows = {
        "cấp tỉnh": [52340, 30100, 51800, 51500, 300, 540],
        "cấp huyện": [81200, 40300, 80600, 80100, 500, 600],
    }
    assert _figures_of(tmp_path, text) == {
        (scope, indicator, float(value))
        for scope, values in rows.items()
        for indicator, value in zip(indicators, values, strict=True)
    }


def test_a_table_of_other_counts_under_no_dossier_caption_gets_no_dossiers(tmp_path):
    """Only a head of dossier stages makes bare cells dossiers: a table of procedures stays
    a table of procedures."""
    text = (
        "Tỉnh Quảng Ninh: Bộ thủ tục hành chính năm 2024\n"
        "Cấp\tCông bố mới\tSửa đổi\tBãi bỏ\n"
        "Cấp tỉnh\t120\t45\t30\n"
        "Cấp huyện\t20\t15\t10\n"
    )
    assert not any(i.startswith("dossier.") for _, i, _ in _figures_of(tmp_path, text))
