"""A province's table of its departments' PAR scores as a web page saved as text gives it: one
cell per line, each row opening on its number, a grade in words in the last column, and the
head's "Điểm đánh giá" wrapped over two lines. Numbers and wording are written for this test."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_analysis.extract import extract_files
from cchc_analysis.extract.flattened import with_flattened_tables

_LEAD = (
    "Công bố kết quả đánh giá, xếp loại công tác CCHC của các sở, ban, ngành năm 2023\n\n"
    "Ngày 10/01/2024, UBND tỉnh ban hành Quyết định số 31/QĐ-UBND công bố kết quả đánh giá, "
    "xếp loại công tác cải cách hành chính của các sở, ban, ngành năm 2023.\n\n"
    "Năm 2023, 2 cơ quan được xếp loại Xuất sắc, 2 cơ quan được xếp loại Tốt. Cụ thể:\n\n"
)
_ROWS = [
    ("Sở Tư pháp", "93,412", "Xuất sắc"),
    ("Văn phòng UBND tỉnh", "91,075", "Xuất sắc"),
    ("Ban Dân tộc tỉnh", "86,530", "Tốt"),
    ("Sở Lao động - Thương binh và Xã hội", "84,208", "Tốt"),
]


def _page(head: list[str], grade: bool = True) -> str:
    cells = list(head)
    for number, (unit, score, grade_word) in enumerate(_ROWS, 1):
        cells += [str(number), unit, score, str(number)] + ([grade_word] if grade else [])
    return _LEAD + "\n\n".join(cells) + "\n\nĐề nghị các cơ quan tiếp tục khắc phục hạn chế.\n"


def _scores(tmp_path: Path, text: str) -> dict[str, float]:
    path = tmp_path / "bang-diem.txt"
    path.write_text(text, encoding="utf-8")
    extraction = extract_files([path])
    return {
        f.scope: f.value
        for f in list(extraction.figures) + list(extraction.subunits)
        if f.indicator == "par.total_points"
    }


_WANTED = {
    "Sở Tư pháp": 93.412,
    "Văn phòng UBND tỉnh": 91.075,
    "Ban Dân tộc": 86.53,  # the province's board, named as the English reader names it
    "Sở Lao động - Thương binh và Xã hội": 84.208,
}


@pytest.mark.parametrize(
    "head",
    [
        ["TT", "Tên đơn vị", "Điểm", "đánh giá", "Vị thứ", "Xếp loại"],  # a name on two lines
        ["TT", "Tên đơn vị", "Điểm đánh giá", "Vị thứ", "Xếp loại"],
        ["STT", "Cơ quan", "Tổng điểm", "Xếp hạng", "Xếp loại"],
    ],
)
def test_each_unit_gets_its_own_score_and_no_rank_or_number_is_read(tmp_path, head):
    assert _scores(tmp_path, _page(head)) == _WANTED


def test_the_table_is_rebuilt_one_row_per_unit_with_the_grade_left_out():
    text, how = with_flattened_tables(
        _page(["TT", "Tên đơn vị", "Điểm", "đánh giá", "Vị thứ", "Xếp loại"]), "đọc"
    )
    assert "rebuilt" in how
    assert "Sở Tư pháp: Điểm đánh giá 93,412 điểm; Vị thứ 1." in text
    assert "Xuất sắc." not in text.split("Cụ thể:")[1]


def test_a_self_assessment_column_is_no_score_of_the_index(tmp_path):
    page = _page(["TT", "Tên đơn vị", "Điểm tự đánh giá", "Vị thứ", "Xếp loại"])
    assert _scores(tmp_path, page) == {}


def test_without_the_index_named_the_scores_are_not_guessed(tmp_path):
    page = _page(["TT", "Tên đơn vị", "Điểm", "đánh giá", "Vị thứ", "Xếp loại"])
    page = page.replace("đánh giá, xếp loại công tác cải cách hành chính", "thi đua, khen thưởng")
    page = page.replace("đánh giá, xếp loại công tác CCHC", "thi đua, khen thưởng")
    assert _scores(tmp_path, page) == {}


def test_a_wards_scoring_table_under_a_notice_of_reform_scores(tmp_path):
    rows = [("Ủy ban nhân dân Phường 2", "95,5", "A"), ("Ủy ban nhân dân Phường 7", "91", "A")]
    rows += [("Ủy ban nhân dân Phường 9", "88,25", "B")]
    cells = ["STT", "Đơn vị", "Điểm", "Xếp loại", "Xếp hạng"]
    for number, (unit, score, grade) in enumerate(rows, 1):
        cells += [str(number), unit, score, grade, str(number)]
    text = (
        "Ban Chỉ đạo cải cách hành chính quận ban hành thông báo kết quả chấm điểm thi đua công "
        "tác cải cách hành chính năm 2023 đối với Ủy ban nhân dân các phường:\n\n"
        + "\n\n".join(cells)
        + "\n\nCác phường tiếp tục khắc phục hạn chế.\n"
    )
    assert _scores(tmp_path, text) == {
        "Ủy ban nhân dân Phường 2": 95.5,
        "Ủy ban nhân dân Phường 7": 91,
        "Ủy ban nhân dân Phường 9": 88.25,
    }
