"""Readers: encodings, delimiters, Excel layouts, legacy fonts, number formats, ratios."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

import openpyxl
import polars as pl
import pytest

from cchc_analysis.read.contract import (
    AmbiguousNumberFormat,
    LegacyEncodingError,
    LoadError,
    SheetError,
)
from cchc_analysis.read.encodings import (
    detect_legacy,
    legacy_scores,
    tcvn3_to_unicode,
    vni_to_unicode,
)
from cchc_analysis.read.headers import load_ratio_catalogue
from cchc_analysis.read.load import (
    load_indicators,
    load_indicators_with_info,
    read_grid,
    read_table,
    read_table_with_info,
)
from cchc_analysis.read.numbers import parse_number

RAW = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "reference_data"
    / "raw"
    / "mdtrinh_vietnamdata"
)

TABLE = (
    "Tỉnh,Kỳ báo cáo,Chỉ tiêu,Giá trị,Ghi chú\n"
    "Hà Nội,2024,task.planned,40,Đã rà soát\n"
    "Thừa Thiên Huế,6 tháng đầu năm 2024,task.completed,28,Ước thực hiện\n"
    'Đắk Lắk,2024,dossier.on_time_pct,"98,5",Số liệu của Sở Nội vụ\n'
)
COMPARED = ["row", "province_code", "province", "period", "indicator", "value", "note"]


def _cp1258(text: str) -> bytes:
    """Encode as Windows-1258 does: letters with circumflex, breve or horn are single bytes,
    tone marks are combining characters after them."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for cluster in _clusters(unicodedata.normalize("NFD", text)):
        base = unicodedata.normalize("NFC", "".join(c for c in cluster if c not in tones))
        out.append(base + "".join(c for c in cluster if c in tones))
    return "".join(out).encode("cp1258")


def _clusters(text: str) -> list[str]:
    clusters: list[str] = []
    for c in text:
        if clusters and unicodedata.combining(c):
            clusters[-1] += c
        else:
            clusters.append(c)
    return clusters


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# ---------------------------------------------------------------------------------------------
# Encodings and delimiters
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "encode", "expected"),
    [
        ("utf8", lambda t: t.encode("utf-8"), "utf-8"),
        ("utf8_bom", lambda t: t.encode("utf-8-sig"), "utf-8-sig"),
        ("utf16_le", lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"), "utf-16-le"),
        ("utf16_be", lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), "utf-16-be"),
        ("cp1258", _cp1258, "cp1258"),
        ("nfd_utf8", lambda t: unicodedata.normalize("NFD", t).encode("utf-8"), "utf-8"),
    ],
)
def test_every_encoding_gives_the_same_table_in_nfc(tmp_path, name, encode, expected):
    reference = load_indicators(_write(tmp_path / "reference.csv", TABLE.encode("utf-8")))
    path = _write(tmp_path / f"{name}.csv", encode(TABLE))
    table, info = load_indicators_with_info(path)
    assert info.encoding == expected
    assert table.select(COMPARED).equals(reference.select(COMPARED))
    assert table["province"].to_list() == ["Hà Nội", "Thừa Thiên Huế", "Đắk Lắk"]
    assert table["value"].to_list() == [40.0, 28.0, 98.5]
    for text in table["note"].to_list() + table["province_raw"].to_list():
        assert unicodedata.is_normalized("NFC", text)


def test_cp1258_really_uses_combining_tone_marks():
    raw = _cp1258("Hà Nội")
    assert raw.decode("cp1258") != "Hà Nội"  # decomposed ...
    assert unicodedata.normalize("NFC", raw.decode("cp1258")) == "Hà Nội"  # ... until NFC


def test_encoding_can_be_forced(tmp_path):
    path = _write(tmp_path / "forced.csv", _cp1258(TABLE))
    table, info = load_indicators_with_info(path, encoding="windows-1258")
    assert info.encoding == "cp1258"
    assert table["province"].to_list() == ["Hà Nội", "Thừa Thiên Huế", "Đắk Lắk"]
    with pytest.raises(LoadError, match=r"forced.csv: the file cannot be decoded as utf-8"):
        load_indicators(path, encoding="utf-8")
    with pytest.raises(LoadError, match="unknown encoding"):
        load_indicators(path, encoding="no-such-codec")


@pytest.mark.parametrize(("delimiter", "name"), [(";", "semicolon"), ("\t", "tab"), (",", "comma")])
def test_delimiter_is_sniffed(tmp_path, delimiter, name):
    rows = [
        [
            "Tỉnh",
            "Kỳ báo cáo",
            "dossier.on_time_pct",
            "edoc.exchange_pct",
            "sipas.satisfaction_pct",
        ],
        ["Hà Nội", "2024", "98,5", "90,25", "85,1"],
        ["Đà Nẵng", "2024", "97,5", "91,75", "86,2"],
    ]
    quote = (lambda c: f'"{c}"') if delimiter == "," else (lambda c: c)
    text = "\n".join(delimiter.join(quote(c) for c in row) for row in rows) + "\n"
    table, info = load_indicators_with_info(_write(tmp_path / f"{name}.csv", text.encode()))
    assert info.delimiter == delimiter
    assert table.height == 6
    assert table["value"].to_list() == [98.5, 90.25, 85.1, 97.5, 91.75, 86.2]
    forced = load_indicators(tmp_path / f"{name}.csv", delimiter=delimiter)
    assert forced["value"].to_list() == table["value"].to_list()


def test_csv_title_rows_and_blank_lines_keep_file_row_numbers(tmp_path):
    text = (
        "BÁO CÁO CẢI CÁCH HÀNH CHÍNH NĂM 2024\n"
        "Đơn vị báo cáo: Sở Nội vụ\n"
        "\n"
        "province,period,indicator,value\n"
        "Hà Nội,2024,task.planned,40\n"
        "\n"
        "Đà Nẵng,2024,task.planned,35\n"
    )
    table, info = load_indicators_with_info(_write(tmp_path / "titled.csv", text.encode()))
    assert info.header_rows == (4,)
    assert table["row"].to_list() == [5, 7]
    assert table["province"].to_list() == ["Hà Nội", "Đà Nẵng"]


# ---------------------------------------------------------------------------------------------
# Legacy fonts: TCVN3 (ABC) and VNI
# ---------------------------------------------------------------------------------------------

TCVN3_ROWS = [("Hµ Néi", "2024"), ("Thõa Thiªn HuÕ", "2024"), ("§µ N½ng", "2024")]
VNI_ROWS = [("Haø Noäi", "2024"), ("Thöøa Thieân Hueá", "2024"), ("Ñaø Naüng", "2024")]
UNICODE_NAMES = ["Hà Nội", "Thừa Thiên Huế", "Đà Nẵng"]


def _legacy_csv(tmp_path: Path, rows: list[tuple[str, str]], name: str) -> Path:
    text = "province,period,task.planned\n" + "".join(f"{p},{y},40\n" for p, y in rows)
    return _write(tmp_path / name, text.encode("utf-8"))


def test_converters_know_the_classic_examples():
    assert tcvn3_to_unicode("Hµ Néi") == "Hà Nội"
    assert tcvn3_to_unicode("Thõa Thiªn HuÕ") == "Thừa Thiên Huế"
    assert tcvn3_to_unicode("§µ N½ng") == "Đà Nẵng"
    assert tcvn3_to_unicode("®\u00adîc") == "được"
    assert vni_to_unicode("Haø Noäi") == "Hà Nội"
    assert vni_to_unicode("Thöøa Thieân Hueá") == "Thừa Thiên Huế"
    assert vni_to_unicode("ñöôïc") == "được"
    assert vni_to_unicode("Ñoàng Thaùp") == "Đồng Tháp"


@pytest.mark.parametrize(("rows", "scheme"), [(TCVN3_ROWS, "TCVN3"), (VNI_ROWS, "VNI")])
def test_legacy_text_in_a_csv_is_an_error_naming_file_column_and_cell(tmp_path, rows, scheme):
    path = _legacy_csv(tmp_path, rows, f"{scheme.lower()}.csv")
    with pytest.raises(LegacyEncodingError) as raised:
        load_indicators(path)
    message = str(raised.value)
    assert f"{scheme.lower()}.csv" in message
    assert "column 'province'" in message
    assert f"looks {scheme}-encoded" in message
    assert any(repr(p) in message for p, _ in rows)
    assert "UniKey" in message
    assert "row " in message


@pytest.mark.parametrize(("rows", "scheme"), [(TCVN3_ROWS, "TCVN3"), (VNI_ROWS, "VNI")])
def test_legacy_text_can_be_converted(tmp_path, rows, scheme):
    path = _legacy_csv(tmp_path, rows, f"{scheme.lower()}.csv")
    table, info = load_indicators_with_info(path, legacy="convert")
    assert info.legacy == {"province": scheme}
    assert table["province_raw"].to_list() == UNICODE_NAMES
    assert table["province_code"].null_count() == 0


def test_tcvn3_bytes_are_not_taken_for_windows_1258(tmp_path):
    """A file saved byte for byte in TCVN3 is not UTF-8; it must not load as Windows-1258."""
    text = "province,period,task.planned\n" + "".join(f"{p},{y},40\n" for p, y in TCVN3_ROWS)
    path = _write(tmp_path / "tcvn3_bytes.csv", text.encode("latin-1"))
    with pytest.raises(
        LegacyEncodingError, match=r"tcvn3_bytes.csv: column 'province' looks TCVN3"
    ):
        load_indicators(path)


def test_legacy_text_in_an_excel_header_is_caught(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["TØnh", "Kú b¸o c¸o", "task.planned"])  # Tỉnh, Kỳ báo cáo typed in .VnTime
    for province, period in TCVN3_ROWS:
        ws.append([province, period, 40])
    wb.save(tmp_path / "tcvn3.xlsx")
    with pytest.raises(LegacyEncodingError, match=r"tcvn3.xlsx: column '.+' looks TCVN3"):
        load_indicators(tmp_path / "tcvn3.xlsx")
    table = load_indicators(tmp_path / "tcvn3.xlsx", legacy="convert")
    assert table["province_raw"].to_list() == UNICODE_NAMES


@pytest.mark.parametrize(
    "text",
    ["© VCCI 2016", "«PCI»", "Hà Nội", "Cà Mau", "Tây Ninh", "Bình Dương", "Nguồn: Sở Nội vụ"],
)
def test_ordinary_text_is_not_taken_for_a_legacy_font(text):
    assert legacy_scores(text) == (0, 0)
    assert detect_legacy("note", [text] * 20) is None


# ---------------------------------------------------------------------------------------------
# Excel: title rows, merged headers, sheets, typed cells
# ---------------------------------------------------------------------------------------------


def _report_workbook(path: Path) -> Path:
    """Two title rows, a two-row header with merged cells, a province merged over two rows."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Số liệu"
    ws["A1"] = "BÁO CÁO KẾT QUẢ CẢI CÁCH HÀNH CHÍNH NĂM 2024"
    ws.merge_cells("A1:G1")
    ws["A2"] = "(Kèm theo Báo cáo số 123/BC-SNV)"
    ws.merge_cells("A2:G2")
    for cell, text in [("A3", "STT"), ("B3", "Tỉnh"), ("C3", "Kỳ báo cáo"), ("G3", "Ghi chú")]:
        ws[cell] = text
        ws.merge_cells(f"{cell}:{cell[0]}4")
    ws["D3"] = "Hồ sơ thủ tục hành chính"
    ws.merge_cells("D3:E3")
    ws["D4"], ws["E4"] = "dossier.received", "Tỷ lệ hồ sơ giải quyết trước và đúng hạn"
    ws["F3"], ws["F4"] = "Nhiệm vụ CCHC", "task.ratio"
    ws.append([1, "Hà Nội", "2023", 512.304, 0.7025, "28/40", None])
    ws["E5"].number_format = "0.00%"
    ws.append([2, None, "2024", "512.304", "70,25", "30/41", "ước tính"])
    ws.merge_cells("B5:B6")
    ws.append([3, "Huế", 2024, "1.234.567", "-", None, None])
    ws["F7"] = "=SUM(B2:B5)"
    ws["F7"].data_type = "s"  # a formula typed as text: Excel shows it instead of a result
    wb.save(path)
    return path


def test_xlsx_title_rows_merged_header_and_file_row_numbers(tmp_path):
    table, info = load_indicators_with_info(_report_workbook(tmp_path / "report.xlsx"))
    assert info.sheet == "Số liệu"
    assert info.header_rows == (3, 4)
    assert set(table["column"]) == {"dossier.received", "dossier.on_time_pct", "task.ratio"}
    assert table["row"].unique().sort().to_list() == [5, 6, 7]
    assert table.filter(pl.col("row") == 6)["province"].unique().to_list() == ["Hà Nội"]
    assert table.filter(pl.col("row") == 6)["note"].unique().to_list() == ["ước tính"]
    assert table.filter(pl.col("row") == 7)["province"].unique().to_list() == ["Thừa Thiên Huế"]
    value = dict(
        zip(
            zip(table["row"], table["indicator"], strict=True),
            zip(table["value"], table["value_kind"], strict=True),
            strict=True,
        )
    )
    # Typed numbers are used as they are: 512.304 typed in Excel is 512.304 ...
    assert value[(5, "dossier.received")] == (512.304, "typed_number")
    # ... a cell formatted as a percentage shows 70.25 % and holds 0.7025: the value is 70.25 ...
    assert value[(5, "dossier.on_time_pct")] == (70.25, "typed_number")
    # ... while text follows its column's format, here Vietnamese ('70,25', '1.234.567').
    assert value[(6, "dossier.received")] == (512304.0, "number")
    assert value[(7, "dossier.received")] == (1234567.0, "number")
    assert value[(6, "dossier.on_time_pct")] == (70.25, "number")
    assert value[(5, "task.completed")] == (28.0, "ratio")
    assert value[(5, "task.planned")] == (40.0, "ratio")
    formula = table.filter((pl.col("row") == 7) & (pl.col("column") == "task.ratio"))
    assert formula["value_kind"].to_list() == ["formula"]
    assert "formula left as text (=SUM(B2:B5))" in formula["value_problem"][0]
    assert info.number_formats["Số liệu!dossier.received"] == "vi"


def _two_sheet_workbook(path: Path) -> Path:
    wb = openpyxl.Workbook()
    cover = wb.active
    cover.title = "Bìa"
    cover["A1"] = "Báo cáo CCHC"
    data = wb.create_sheet("Dữ liệu 2024")
    data.append(["Tỉnh", "Kỳ báo cáo", "Chỉ tiêu", "Giá trị"])
    data.append(["Hà Nội", "2024", "task.planned", 40])
    notes = wb.create_sheet("Ghi chú")
    notes["A1"] = "Số liệu ước tính"
    wb.save(path)
    return path


def test_several_sheets_need_the_sheet_option(tmp_path):
    path = _two_sheet_workbook(tmp_path / "book.xlsx")
    with pytest.raises(SheetError) as raised:
        load_indicators(path)
    message = str(raised.value)
    assert "book.xlsx: no indicator table on the first sheet 'Bìa'" in message
    assert "'Bìa', 'Dữ liệu 2024', 'Ghi chú'" in message
    assert "sheet='Dữ liệu 2024'" in message
    for sheet in ("Dữ liệu 2024", 1, "dữ liệu 2024"):
        table = load_indicators(path, sheet=sheet)
        assert table.select("row", "province", "value").rows() == [(2, "Hà Nội", 40.0)]
        assert table["sheet"].to_list() == ["Dữ liệu 2024"]
    with pytest.raises(SheetError, match=r"no sheet 'Data'; the workbook's sheets are 'Bìa'"):
        load_indicators(path, sheet="Data")


def test_parquet_numbers_are_typed(tmp_path):
    path = tmp_path / "table.parquet"
    pl.DataFrame(
        {
            "province": ["Hà Nội", "Đà Nẵng"],
            "period": ["2024", "2024"],
            "dossier.received": [512.304, 1.5],
            "dossier.on_time_pct": ["70,25", "1.234"],
        }
    ).write_parquet(path)
    table = load_indicators(path).sort("row", "column")
    assert table.filter(pl.col("indicator") == "dossier.received")["value"].to_list() == [
        512.304,
        1.5,
    ]
    # Text is still text: '70,25' makes the column Vietnamese, so '1.234' is 1234.
    assert table.filter(pl.col("indicator") == "dossier.on_time_pct")["value"].to_list() == [
        70.25,
        1234.0,
    ]
    assert table["row"].unique().sort().to_list() == [2, 3]


# ---------------------------------------------------------------------------------------------
# Numbers the Vietnamese (and English) way
# ---------------------------------------------------------------------------------------------


def _wide(tmp_path: Path, columns: dict[str, list[str]], name: str = "wide.csv") -> Path:
    n = len(next(iter(columns.values())))
    frame = pl.DataFrame(
        {"province": ["Hà Nội", "Đà Nẵng", "Cần Thơ", "Huế"][:n], "period": ["2024"] * n, **columns}
    )
    path = tmp_path / name
    frame.write_csv(path)
    return path


def _values(table: pl.DataFrame, indicator: str) -> list[float | None]:
    return table.filter(pl.col("indicator") == indicator).sort("row")["value"].to_list()


@pytest.mark.parametrize(
    ("fmt", "text", "expected"),
    [
        ("vi", "512.304", 512304.0),
        ("vi", "70,25%", 70.25),
        ("vi", "2.017", 2017.0),
        ("vi", "1.234.567,5", 1234567.5),
        ("en", "512,304", 512304.0),
        ("en", "70.25", 70.25),
        ("en", "1,234,567.5", 1234567.5),
        ("vi", "1 234 567", 1234567.0),
        ("vi", "1\u00a0234,5", 1234.5),
        ("en", "1\u202f234.5", 1234.5),
        ("vi", "3.5", None),
        ("en", "70,25", None),
    ],
)
def test_parse_number_in_a_format(fmt, text, expected):
    assert parse_number(text, fmt) == expected


def test_auto_decides_per_column(tmp_path):
    path = _wide(
        tmp_path,
        {
            "dossier.received": ["512.304", "1.234,5", "2.017"],  # '1.234,5' settles: vi
            "finance.plan_bn": ["1,234", "1,234,567", "3"],  # '1,234,567' settles: en
            "dossier.on_time_pct": ["70,25%", "3", "99,5"],  # decimal comma: vi
            "staff.headcount": ["512", "304", "0"],  # no separator: nothing to decide
        },
    )
    table, info = load_indicators_with_info(path)
    assert _values(table, "dossier.received") == [512304.0, 1234.5, 2017.0]
    assert _values(table, "finance.plan_bn") == [1234.0, 1234567.0, 3.0]
    assert _values(table, "dossier.on_time_pct") == [70.25, 3.0, 99.5]
    assert _values(table, "staff.headcount") == [512.0, 304.0, 0.0]
    assert info.number_formats == {
        "dossier.received": "vi",
        "finance.plan_bn": "en",
        "dossier.on_time_pct": "vi",
    }


def test_ambiguous_column_is_refused_with_file_column_example_and_the_choice(tmp_path):
    path = _wide(
        tmp_path,
        {
            "dossier.received": ["512.304", "1.234", "2.017"],
            "dossier.on_time_pct": ["70,25", "1", "2"],
        },
        "ambiguous.csv",
    )
    with pytest.raises(AmbiguousNumberFormat) as raised:
        load_indicators(path)
    message = str(raised.value)
    assert "ambiguous.csv: column 'dossier.received'" in message
    assert "'512.304' (row 2)" in message
    assert "512304 (Vietnamese format" in message and "512.304 (English format" in message
    assert "--number-format vi" in message and "--number-format en" in message
    assert isinstance(raised.value, LoadError)
    assert _values(load_indicators(path, number_format="vi"), "dossier.received") == [
        512304.0,
        1234.0,
        2017.0,
    ]
    assert _values(load_indicators(path, number_format="en"), "dossier.received") == [
        512.304,
        1.234,
        2.017,
    ]
    per_column = load_indicators(path, number_format={"dossier.received": "en"})
    assert _values(per_column, "dossier.received") == [512.304, 1.234, 2.017]
    assert _values(per_column, "dossier.on_time_pct") == [70.25, 1.0, 2.0]


def _long(tmp_path: Path, rows: list[tuple[str, str]], name: str = "long.csv") -> Path:
    path = tmp_path / name
    pl.DataFrame(
        [("Hà Nội", "2024", indicator, value) for indicator, value in rows],
        schema=["province", "period", "indicator", "value"],
        orient="row",
    ).write_csv(path)
    return path


def test_long_table_decides_per_indicator(tmp_path):
    rows = [
        ("dossier.on_time_pct", "70,25"),  # Vietnamese
        ("finance.plan_bn", "1.5"),  # English ...
        ("finance.plan_bn", "2.125"),  # ... so this reads 2.125, not 2125
    ]
    table, info = load_indicators_with_info(_long(tmp_path, rows))
    assert table.sort("row")["value"].to_list() == [70.25, 1.5, 2.125]
    assert info.number_formats == {
        "value[dossier.on_time_pct]": "vi",
        "value[finance.plan_bn]": "en",
    }


def test_long_table_falls_back_on_its_whole_value_column_when_it_agrees(tmp_path):
    rows = [
        ("dossier.received", "512.304"),  # ambiguous on its own ...
        ("dossier.on_time_pct", "70,25"),  # ... but the file writes Vietnamese numbers
        ("edoc.exchange_pct", "80,5"),
    ]
    table, info = load_indicators_with_info(_long(tmp_path, rows))
    assert table.sort("row")["value"].to_list() == [512304.0, 70.25, 80.5]
    assert info.number_formats["value[dossier.received]"] == "vi"
    rows.append(("finance.plan_bn", "1.5"))  # now the file has both formats: no fallback
    with pytest.raises(AmbiguousNumberFormat, match=r"indicator dossier.received"):
        load_indicators(_long(tmp_path, rows, "mixed.csv"))


def test_long_table_with_only_ambiguous_values_is_refused(tmp_path):
    path = tmp_path / "long_ambiguous.csv"
    pl.DataFrame(
        [("Hà Nội", "2024", "dossier.received", "512.304")],
        schema=["province", "period", "indicator", "value"],
        orient="row",
    ).write_csv(path)
    with pytest.raises(
        AmbiguousNumberFormat,
        match=r"long_ambiguous.csv: column 'value' \(indicator dossier.received\)",
    ):
        load_indicators(path)


def test_minority_format_is_flagged_and_a_tie_is_refused(tmp_path):
    table = load_indicators(
        _wide(tmp_path, {"dossier.on_time_pct": ["70,25", "80,5", "3.5"]}, "minority.csv")
    )
    assert _values(table, "dossier.on_time_pct") == [70.25, 80.5, None]
    problem = table.filter(pl.col("value").is_null())["value_problem"][0]
    assert "'3.5' does not fit the number format of the rest of its column" in problem
    with pytest.raises(AmbiguousNumberFormat, match="mixes number formats"):
        load_indicators(_wide(tmp_path, {"dossier.on_time_pct": ["70,25", "3.5"]}, "tie.csv"))


# ---------------------------------------------------------------------------------------------
# Ratios, formulas, placeholders
# ---------------------------------------------------------------------------------------------


def test_ratio_catalogue():
    ratios = load_ratio_catalogue()
    assert ratios.columns == ["ratio_id", "numerator", "denominator", "label_vi", "label_en"]
    assert ratios.filter(pl.col("ratio_id") == "task.ratio").row(0)[1:3] == (
        "task.completed",
        "task.planned",
    )


def test_ratio_becomes_its_two_indicators_in_wide_and_long_form(tmp_path):
    wide = load_indicators(_wide(tmp_path, {"task.ratio": ["28/40", "30 / 41"]}))
    assert wide.select("row", "column", "indicator", "value").rows() == [
        (2, "task.ratio", "task.completed", 28.0),
        (2, "task.ratio", "task.planned", 40.0),
        (3, "task.ratio", "task.completed", 30.0),
        (3, "task.ratio", "task.planned", 41.0),
    ]
    path = tmp_path / "long.csv"
    pl.DataFrame(
        [("Hà Nội", "2024", "onestop.ratio", "18/20"), ("Hà Nội", "2024", "task.planned", "28/40")],
        schema=["province", "period", "indicator", "value"],
        orient="row",
    ).write_csv(path)
    long = load_indicators(path)
    assert long.select("row", "indicator", "value", "value_kind").rows() == [
        (2, "onestop.units_with", 18.0, "ratio"),
        (2, "onestop.units_total", 20.0, "ratio"),
        (3, "task.planned", None, "ratio"),
    ]
    assert long["value_problem"][2] == "ratio 28/40 given where a single number is expected"


@pytest.mark.parametrize(
    ("text", "kind", "problem"),
    [
        ("=SUM(B2:B5)", "formula", "formula left as text (=SUM(B2:B5))"),
        ("-", "placeholder", "placeholder '-'"),
        ("—", "placeholder", "placeholder '—'"),
        ("N/A", "placeholder", "placeholder 'N/A'"),
        ("x", "placeholder", "placeholder 'x'"),
        ("#DIV/0!", "error", "Excel error #DIV/0!"),
        ("mười", "text", "'mười' is not a number"),
        ("", "empty", "empty cell"),
    ],
)
def test_cells_that_are_not_numbers_say_why(tmp_path, text, kind, problem):
    table = load_indicators(_wide(tmp_path, {"task.planned": [text, "40"]}))
    first = table.filter(pl.col("row") == 2).row(0, named=True)
    assert first["value"] is None
    assert first["value_kind"] == kind
    assert problem in first["value_problem"]
    assert table.height == 2  # nothing dropped


def test_output_keeps_the_contract_columns_first(tmp_path):
    table = load_indicators(_wide(tmp_path, {"task.planned": ["40"]}))
    assert table.columns == [
        "file",
        "row",
        "column",
        "province_raw",
        "period_raw",
        "indicator",
        "value_text",
        "unit",
        "source",
        "note",
        "period",
        "era",
        "province_code",
        "province",
        "province_problem",
        "value",
        "year",
        "value_kind",
        "value_problem",
        "sheet",
        "period_problem",
    ]


# ---------------------------------------------------------------------------------------------
# The original PCI workbooks (read-only reference data; skipped when absent)
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pci() -> Path:
    if not RAW.exists():
        pytest.skip("../shared/reference_data/raw is not present on this machine")
    return RAW


def test_pci_2016_xlsx_summary_sheet(pci):
    table, info = read_table_with_info(pci / "PCI_2016.xlsx", sheet="Summary_VN", header="Tỉnh")
    assert info.header_rows == (1,)
    assert "Summary" in info.sheets
    first = table.filter(pl.col("row") <= 64)  # the first of the sheet's two tables
    assert first["row"].to_list() == list(range(2, 65))
    assert first["province"].n_unique() == 63
    assert first.select("province", "row").row(0) == ("Quảng Ninh", 2)
    assert "Hà Nội" in first["province"].to_list()


def test_pci_2009_xls_with_a_two_row_header(pci):
    grid = read_grid(pci / "PCI_2009.xls", sheet="Tong Hop")
    assert grid.select("C", "row").row(1) == ("Tỉnh", 2)  # row 1 of the sheet is empty
    table, info = read_table_with_info(pci / "PCI_2009.xls", sheet="Tong Hop", header="Tỉnh")
    assert info.header_rows == (2, 3)
    assert table.height == 63
    assert table.select("province", "row").row(0) == ("Hà Nội", 4)
    assert "Tp.HCM" in table["province"].to_list()
    assert "Gia nhập thị trường" in table.columns
    assert float(table["Gia nhập thị trường"][0]) == pytest.approx(8.351827, abs=1e-6)


def test_pci_workbook_has_no_contract_table(pci):
    with pytest.raises(SheetError, match="no indicator table on the first sheet 'Summary_VN'"):
        read_table(pci / "PCI_2016.xlsx")
