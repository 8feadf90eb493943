import polars as pl
import pytest

from cchc_analysis.read.contract import LoadError
from cchc_analysis.read.load import load_indicators, read_table
from cchc_analysis.read.numbers import parse_number
from cchc_analysis.read.shape import to_long
from tests.conftest import long_rows, write_csv


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("512304", 512304.0),
        ("70.25", 70.25),
        ("70,25", 70.25),
        ("70,25%", 70.25),
        ("1.234.567", 1234567.0),
        ("1,234,567", 1234567.0),
        ("1.234,5", 1234.5),
        ("1,234.5", 1234.5),
        (" 42 ", 42.0),
        ("-3", -3.0),
    ],
)
def test_parse_number(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", [None, "", "abc", "12a", "=SUM(A1:A3)", "28/40"])
def test_parse_number_rejects_what_is_not_a_number(text):
    assert parse_number(text) is None


def test_long_table_keeps_original_row_numbers_and_resolves(tmp_path):
    rows = long_rows("TP.HCM", "2025", {"task.planned": 40, "task.completed": 28})
    rows += long_rows("Tỉnh Hoà Bình", "6 tháng đầu năm 2024", {"task.planned": 30})
    table = load_indicators(write_csv(tmp_path, rows))
    assert table["row"].to_list() == [2, 3, 4]
    assert table["province_code"].to_list() == ["79", "79", "17"]
    assert table["province"].to_list() == ["Hồ Chí Minh", "Hồ Chí Minh", "Hòa Bình"]
    assert table["period"].to_list() == ["2025", "2025", "2024-H1"]
    assert table["era"].to_list() == ["34", "34", "63"]
    assert table["value"].to_list() == [40.0, 28.0, 30.0]


def test_unresolvable_province_keeps_the_reason(tmp_path):
    table = load_indicators(write_csv(tmp_path, long_rows("Hòa Bình", "2025", {"task.planned": 1})))
    assert table["province_code"][0] is None
    assert "Phú Thọ" in table["province_problem"][0]


def test_wide_form_becomes_long_with_the_column_named(tmp_path):
    path = tmp_path / "wide.csv"
    pl.DataFrame(
        {
            "Tỉnh": ["Hà Nội", "Đà Nẵng"],
            "Kỳ báo cáo": ["2024", "2024"],
            "task.planned": ["40", "35"],
            "task.completed": ["28", "x"],
        }
    ).write_csv(path)
    table = load_indicators(path)
    assert table.height == 4
    bad = table.filter(pl.col("value").is_null())
    assert bad.select("row", "column", "value_text").row(0) == (3, "task.completed", "x")


def test_missing_required_column_names_file_and_column(tmp_path):
    path = tmp_path / "bad.csv"
    pl.DataFrame({"province": ["Hà Nội"], "indicator": ["task.planned"], "value": ["1"]}).write_csv(
        path
    )
    with pytest.raises(LoadError, match=r"bad.csv: missing required column\(s\) \['period'\]"):
        to_long(read_table(path), str(path))


def test_empty_file_is_a_clear_error(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_text("")
    with pytest.raises(LoadError, match="empty"):
        read_table(path)


@pytest.mark.parametrize(
    ("text", "fmt", "expected"),
    [
        ("512.304", "vi", 512304.0),
        ("512.304", "en", 512.304),
        ("1,234", "vi", 1.234),
        ("1,234", "en", 1234.0),
    ],
)
def test_parse_number_reads_an_ambiguous_value_only_in_a_format(text, fmt, expected):
    assert parse_number(text) is None  # alone, '512.304' could be either
    assert parse_number(text, fmt) == expected
