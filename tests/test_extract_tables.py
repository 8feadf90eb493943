"""Tables that reach ``cchc extract`` flattened to one cell per line (a web page saved as text,
a copy from a browser, a PDF text layer) are rebuilt and read row by row; whatever does not form
a consistent table is left as it is. Every table here is written for these tests (invented
labels and numbers); the web pages and PDFs are generated from them."""

from __future__ import annotations

from html import escape
from pathlib import Path

import pytest

from cchc_analysis.extract import extract_files, extract_text, read_document
from cchc_analysis.extract.flattened import rebuild_flattened, with_flattened_tables
from cchc_analysis.extract.tables import table_lines
from tests.test_extract_inputs import _print_pdf

# A PCI page as it reads when saved as text: caption, a head of two rows (years over "Điểm",
# "Hạng"), then each sub-index and its cells, one per line.
PCI_LINES = [
    "Chỉ số PCI của tỉnh Hà Nam giai đoạn 2019-2021",
    "Ngày 12/5/2022, VCCI công bố Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) năm 2021. Tỉnh Hà "
    "Nam tiếp tục ở nhóm Khá; các chỉ số thành phần của tỉnh qua ba năm được tổng hợp dưới đây.",
    "Bảng 2. Điểm và hạng các chỉ số thành phần PCI của tỉnh Hà Nam",
    "CHỈ SỐ THÀNH PHẦN",
    *("NĂM 2019", "NĂM 2020", "NĂM 2021"),
    *("Điểm", "Hạng") * 3,
    *("Gia nhập thị trường", "7.41", "22", "6.95", "35", "7.02", "30"),
    *("Tiếp cận đất đai", "6.12", "41", "6.48", "27", "6.60", "19"),
    *("Chi phí thời gian", "6.88", "15", "7.05", "11", "7.31", "9"),
    *("Đào tạo lao động", "5.96", "33", "6.21", "24", "6.47", "20"),
    "Trong thời gian tới, tỉnh tiếp tục cải thiện môi trường đầu tư kinh doanh.",
]
PCI_FIGURES = {
    ("pci.entry", 7.41, "2019"),
    ("pci.entry", 6.95, "2020"),
    ("pci.entry", 7.02, "2021"),
    ("pci.land", 6.12, "2019"),
    ("pci.land", 6.48, "2020"),
    ("pci.land", 6.6, "2021"),
    ("pci.time", 6.88, "2019"),
    ("pci.time", 7.05, "2020"),
    ("pci.time", 7.31, "2021"),
    ("pci.labor", 5.96, "2019"),
    ("pci.labor", 6.21, "2020"),
    ("pci.labor", 6.47, "2021"),
}
RANKS = {22, 35, 30, 41, 27, 19, 15, 11, 9, 33, 24, 20}

DOSSIER_LINES = [
    "Tỉnh Hà Nam: kết quả giải quyết hồ sơ thủ tục hành chính năm 2023",
    "Kết quả tiếp nhận, giải quyết hồ sơ của từng cấp trong năm được tổng hợp như sau.",
    *("Đơn vị", "Tiếp nhận", "Đã giải quyết", "Đúng hạn", "Quá hạn"),
    *("Cấp tỉnh", "98.310", "96.402", "95.000", "1.402"),
    *("Cấp huyện", "120.500", "118.000", "117.100", "900"),
    *("Cấp xã", "210.000", "209.500", "209.400", "100"),
]
DOSSIER_FIGURES = {
    (indicator, value, level)
    for level, values in (
        ("cấp tỉnh", (98310.0, 96402.0, 95000.0, 1402.0)),
        ("cấp huyện", (120500.0, 118000.0, 117100.0, 900.0)),
        ("cấp xã", (210000.0, 209500.0, 209400.0, 100.0)),
    )
    for indicator, value in zip(
        (
            "dossier.received",
            "dossier.resolved",
            "dossier.resolved_on_time",
            "dossier.resolved_late",
        ),
        values,
        strict=True,
    )
}


def _flat(lines: list[str], blank: bool = True) -> str:
    return ("\n\n" if blank else "\n").join(lines) + "\n"


def _pci(result) -> set[tuple[str, float, str]]:
    return {(f.indicator, f.value, f.period) for f in result.figures + result.subunits}


def _scoped(result) -> set[tuple[str, float, str]]:
    return {(f.indicator, f.value, f.scope) for f in result.figures + result.subunits}


def _page(lines: list[str], tag: str) -> str:
    body = "".join(f"<{tag}>{escape(line)}</{tag}>" for line in lines)
    return (
        '<html><head><meta charset="utf-8"><title>Chỉ số PCI</title></head><body>'
        "<nav><a href='/'>Trang chủ</a> | <a href='/tin'>Tin tức</a></nav>"
        f"<article>{body}</article><footer>Điện thoại: 0226 3852 701</footer></body></html>"
    )


# ------------------------------------------------------------------------------- plain text
@pytest.mark.parametrize("blank", [True, False], ids=["blank lines between", "no blank lines"])
def test_pci_table_one_cell_per_line_gives_every_score_its_year(tmp_path, blank):
    path = tmp_path / "pci.txt"
    path.write_text(_flat(PCI_LINES, blank), encoding="utf-8")
    source = read_document(path)
    assert source.how == "utf-8; 1 table rebuilt from one cell per line"
    assert "Gia nhập thị trường NĂM 2019: Điểm 7.41; Hạng 22.\n" in source.text
    result = extract_files([path])
    assert _pci(result) == PCI_FIGURES  # the ranks ("Hạng") give no figure
    assert not {f.value for f in result.figures} & RANKS
    (start, end), *more = source.tables  # where the rebuilt table stands in the text read
    assert not more
    assert source.text[start:end].startswith("CHỈ SỐ THÀNH PHẦN | NĂM 2019 Điểm | NĂM 2019 Hạng")
    assert source.text[start:end].endswith("Đào tạo lao động NĂM 2021: Điểm 6.47; Hạng 20.")
    for figure in result.figures:  # offsets and evidence are those of the text as read
        assert source.text[figure.char_start : figure.char_end] == figure.text
        assert figure.evidence in source.text
        assert figure.province == "Hà Nam"
        assert figure.note.endswith("from a table rebuilt by the reader")
    assert result.documents[0].encoding == source.how
    # the prose around the table is as it was
    assert source.text.startswith(PCI_LINES[0])
    assert source.text.rstrip().endswith(PCI_LINES[-1])


def test_dossier_table_one_cell_per_line_reads_each_row_under_its_heads(tmp_path):
    path = tmp_path / "ho_so.txt"
    path.write_text(_flat(DOSSIER_LINES), encoding="utf-8")
    source = read_document(path)
    assert "1 table rebuilt" in source.how
    assert (
        "Cấp tỉnh: Tiếp nhận 98.310 hồ sơ; Đã giải quyết 96.402 hồ sơ; Đúng hạn 95.000 hồ sơ; "
        "Quá hạn 1.402 hồ sơ." in source.text
    )
    assert _scoped(extract_files([path])) == DOSSIER_FIGURES


def test_a_table_the_text_cuts_short_keeps_the_cells_of_its_last_row():
    lines = PCI_LINES[: PCI_LINES.index("Đào tạo lao động") + 3]  # its label, "5.96", "33"
    text, how = with_flattened_tables(_flat(lines), "utf-8")
    assert "rebuilt" in how
    assert text.rstrip().endswith("Đào tạo lao động NĂM 2019: Điểm 5.96; Hạng 33.")
    found = _pci(extract_text(text))
    assert ("pci.labor", 5.96, "2019") in found
    assert not any(f[0] == "pci.labor" and f[2] != "2019" for f in found)


def test_numbered_rows_under_stt():
    lines = [
        "Tỉnh Hà Nam: hồ sơ của các sở năm 2023",
        *("STT", "Đơn vị", "Tiếp nhận", "Đã giải quyết", "Đúng hạn"),
        *("1", "Sở Tư pháp", "1.200", "1.150", "1.100"),
        *("2", "Sở Xây dựng", "3.400", "3.300", "3.000"),
        *("3", "UBND huyện Kim Bảng", "12.500", "12.000", "11.800"),
    ]
    text, how = with_flattened_tables(_flat(lines), "utf-8")
    assert "rebuilt" in how
    assert (
        "Sở Xây dựng: Tiếp nhận 3.400 hồ sơ; Đã giải quyết 3.300 hồ sơ; Đúng hạn 3.000 hồ sơ."
        in (text)
    )
    found = _scoped(extract_text(text))
    assert ("dossier.received", 3400.0, "Sở Xây dựng") in found
    assert ("dossier.resolved", 12000.0, "huyện Kim Bảng") in found
    assert not {v for _, v, _ in found} & {1.0, 2.0, 3.0}  # row numbers are no figures


def test_section_rows_between_the_rows():
    lines = [
        "Tỉnh Hà Nam: hồ sơ của các cơ quan năm 2023",
        *("Đơn vị", "Tiếp nhận", "Đã giải quyết", "Đúng hạn"),
        "I. Cấp tỉnh",
        *("Sở Tư pháp", "1.200", "1.150", "1.100"),
        *("Sở Xây dựng", "3.400", "3.300", "3.000"),
        "II. Cấp huyện",
        *("UBND huyện Kim Bảng", "12.500", "12.000", "11.800"),
    ]
    text, _ = with_flattened_tables(_flat(lines), "utf-8")
    assert "\nI. Cấp tỉnh\nSở Tư pháp: Tiếp nhận 1.200 hồ sơ;" in text
    assert "\nII. Cấp huyện\nUBND huyện Kim Bảng: Tiếp nhận 12.500 hồ sơ;" in text
    found = _scoped(extract_text(text))
    assert ("dossier.resolved_on_time", 3000.0, "Sở Xây dựng") in found
    assert ("dossier.received", 12500.0, "huyện Kim Bảng") in found


def test_rows_labelled_by_years():
    lines = [
        "Chỉ số PCI của tỉnh Hà Nam",
        "Bảng 3. Các chỉ số thành phần PCI qua các năm",
        *("Năm", "Gia nhập thị trường", "Tiếp cận đất đai", "Chi phí thời gian"),
        *("2019", "7.41", "6.12", "6.88"),
        *("2020", "6.95", "6.48", "7.05"),
        *("2021", "7.02", "6.60", "7.31"),
    ]
    text, _ = with_flattened_tables(_flat(lines), "utf-8")
    assert "Năm 2020: Gia nhập thị trường 6.95; Tiếp cận đất đai 6.48; Chi phí thời gian 7.05." in (
        text
    )
    found = _pci(extract_text(text))
    assert found == {f for f in PCI_FIGURES if f[0] in ("pci.entry", "pci.land", "pci.time")}


def test_years_alone_head_the_columns():
    lines = [
        "Chỉ số PCI của tỉnh Hà Nam",
        *("Chỉ số thành phần", "2020", "2021"),
        *("Gia nhập thị trường", "6.95", "7.02"),
        *("Tiếp cận đất đai", "6.48", "6.60"),
        *("Chi phí thời gian", "7.05", "7.31"),
    ]
    text, _ = with_flattened_tables(_flat(lines), "utf-8")
    assert "Tiếp cận đất đai năm 2021 6.60." in text
    assert _pci(extract_text(text)) == {
        f for f in PCI_FIGURES if f[2] != "2019" and f[0] != "pci.labor"
    }
    # two rows of two figures are too few to tell a table from a list: left as they were
    assert with_flattened_tables(_flat(lines[:-3]), "utf-8")[1] == "utf-8"


def test_a_column_under_no_year_stands_over_one_column_of_its_own():
    """Years over "Điểm", "Hạng", and a change column spanning both head rows."""
    lines = [
        "Chỉ số PCI của tỉnh Hà Nam",
        *("Chỉ số thành phần", "Năm 2020", "Năm 2021", "Tăng/giảm điểm"),
        *("Điểm", "Hạng") * 2,
        *("Gia nhập thị trường", "6.95", "35", "7.02", "30", "0.07"),
        *("Tiếp cận đất đai", "6.48", "27", "6.60", "19", "0.12"),
        *("Chi phí thời gian", "7.05", "11", "7.31", "9", "-0.26"),
    ]
    text, _ = with_flattened_tables(_flat(lines), "utf-8")
    assert (
        "Chỉ số thành phần | Năm 2020 Điểm | Năm 2020 Hạng | Năm 2021 Điểm | Năm 2021 Hạng | "
        "Tăng/giảm điểm\n" in text
    )
    assert "Tiếp cận đất đai: Tăng/giảm điểm 0.12." in text
    # the changes give no figure, nor do the ranks
    assert _pci(extract_text(text)) == {
        f for f in PCI_FIGURES if f[2] != "2019" and f[0] != "pci.labor"
    }


def test_a_column_of_words_between_the_figures():
    lines = [
        "Chỉ số PCI của tỉnh Hà Nam",
        *("Chỉ số thành phần", "Năm 2020", "Xu hướng", "Năm 2021"),
        *("Gia nhập thị trường", "6.95", "Tăng", "7.02"),
        *("Tiếp cận đất đai", "6.48", "Tăng", "6.60"),
        *("Chi phí thời gian", "7.05", "-", "7.31"),
    ]
    text, how = with_flattened_tables(_flat(lines), "utf-8")
    assert "rebuilt" in how
    assert "Chi phí thời gian Năm 2021 7.31." in text
    assert _pci(extract_text(text)) == {
        f for f in PCI_FIGURES if f[2] != "2019" and f[0] != "pci.labor"
    }


@pytest.mark.parametrize("after", ["Chia sẻ", "Tin liên quan", "Lượt xem: 1.234"])
def test_page_furniture_after_the_table_leaves_its_rows_alone(after):
    """A row of one value per period must not read as a widget line ("Lượt xem: 1.234") that
    page furniture next to it would take along."""
    lines = [
        "Chỉ số PCI của tỉnh Hà Nam",
        *("Chỉ số thành phần", "2020", "2021"),
        *(x for row in TWO_ROW_BODY for x in (row[0], row[1], row[3])),
        after,
    ]
    text, _ = with_flattened_tables(_flat(lines), "utf-8")
    assert _pci(extract_text(text)) == TWO_ROW_FIGURES


def test_two_tables_and_the_prose_between():
    text = _flat([*DOSSIER_LINES, "Ngoài ra, tỉnh tiếp tục số hóa hồ sơ.", *PCI_LINES[3:]])
    pieces, note = rebuild_flattened(text)
    assert note == "2 tables rebuilt from one cell per line"
    assert [rebuilt for _, rebuilt in pieces] == [False, True, False, True, False]
    assert "Ngoài ra, tỉnh tiếp tục số hóa hồ sơ." in pieces[2][0]


def test_windows_line_ends_stay_outside_the_table():
    text = _flat(DOSSIER_LINES).replace("\n", "\r\n")
    rebuilt, how = with_flattened_tables(text, "utf-8")
    assert "rebuilt" in how
    assert rebuilt.startswith(DOSSIER_LINES[0] + "\r\n\r\n" + DOSSIER_LINES[1] + "\r\n")
    assert (
        "Cấp xã: Tiếp nhận 210.000 hồ sơ; Đã giải quyết 209.500 hồ sơ; Đúng hạn 209.400 hồ sơ; "
        "Quá hạn 100 hồ sơ.\r\n" in rebuilt
    )


# ------------------------------------------------------------------------ one row per line
def test_rows_one_per_line_between_tabs():
    lines = [
        "Chỉ số PCI của tỉnh Hà Nam",
        "Bảng 2. Chỉ số thành phần PCI",
        "Chỉ số thành phần\t2020\t2021",
        "Gia nhập thị trường\t6,95\t7,02",
        "Tiếp cận đất đai\t6,48\t6,60",
        "Chi phí thời gian\t7,05\t7,31",
        "Nguồn: VCCI.",
    ]
    text, how = with_flattened_tables("\n".join(lines), "utf-8")
    assert how == "utf-8; 1 table rebuilt from one row per line"
    assert "Chi phí thời gian năm 2021 7,31.\nNguồn: VCCI." in text
    assert _pci(extract_text(text)) == TWO_ROW_FIGURES


def test_rows_one_per_line_under_years_and_their_scores():
    lines = [
        "Chỉ số PCI của tỉnh Hà Nam",
        "Chỉ số thành phần Năm 2020 Năm 2021",
        "Điểm Hạng Điểm Hạng",
        *(" ".join(row) for row in TWO_ROW_BODY),
    ]
    text, how = with_flattened_tables("\n".join(lines), "utf-8")
    assert how == "utf-8; 1 table rebuilt from one row per line"
    assert "Gia nhập thị trường Năm 2021: Điểm 7,02; Hạng 30." in text
    assert _pci(extract_text(text)) == TWO_ROW_FIGURES


def test_rows_one_per_line_under_years_and_a_change():
    lines = [
        "Chỉ số PCI của tỉnh Hà Nam",
        "Chỉ số thành phần 2020 2021 Tăng/giảm",
        *(f"{r[0]} {r[1]} {r[3]} 0,07" for r in TWO_ROW_BODY),
    ]
    text, how = with_flattened_tables("\n".join(lines), "utf-8")
    assert how == "utf-8; 1 table rebuilt from one row per line"
    assert "Tiếp cận đất đai: Tăng/giảm 0,07." in text
    assert _pci(extract_text(text)) == TWO_ROW_FIGURES


ROWS_NOT_TABLES = {
    "a head whose names cannot be told apart": [
        "Đơn vị tiếp nhận giải quyết",
        "Cấp tỉnh 98.310 96.402",
        "Cấp huyện 120.500 118.000",
        "Cấp xã 210.000 209.500",
    ],
    "a heading of as many words as columns": [
        "Kết quả cụ thể",
        "Cấp tỉnh 98.310 96.402 95.000 1.402",
        "Cấp huyện 120.500 118.000 117.100 900",
    ],
    "contacts": [
        "Liên hệ Năm 2024 Năm 2025",
        "Điện thoại 0226 3852",
        "Đường dây nóng 1900 1234",
    ],
}


@pytest.mark.parametrize("lines", ROWS_NOT_TABLES.values(), ids=ROWS_NOT_TABLES.keys())
def test_lines_ending_in_numbers_that_are_no_table_are_left_as_they_are(lines):
    text = "Tin tức của tỉnh Hà Nam\n" + "\n".join(lines)
    assert with_flattened_tables(text, "utf-8") == (text, "utf-8")


def test_a_head_in_sentence_case_is_cut_before_each_capital():
    # the cells of a head copied without their gaps: each name opens on a capital
    lines = [
        "Đơn vị Tiếp nhận Giải quyết",
        "Cấp tỉnh 98.310 96.402",
        "Cấp huyện 120.500 118.000",
        "Cấp xã 210.000 209.500",
    ]
    text, how = with_flattened_tables("Tin tức của tỉnh Hà Nam\n" + "\n".join(lines), "utf-8")
    assert how == "utf-8; 1 table rebuilt from one row per line"
    assert "Cấp huyện: Tiếp nhận 120.500 hồ sơ; Giải quyết 118.000 hồ sơ." in text.split("\n")


# ------------------------------------------------------------------------- decimal points
def test_a_score_column_reads_its_dot_as_a_decimal_point():
    rows = [["Chỉ số", "Điểm", "Hạng"], ["PCI", "64.500", "15"], ["PAPI", "42.125", "20"]]
    lines = list(table_lines(rows, "Bảng 1. Kết quả của tỉnh"))
    assert lines[1] == "PCI: Điểm 64,500; Hạng 15."
    counts = [["Đơn vị", "Tiếp nhận", "Đã giải quyết"], ["Cấp tỉnh", "64.500", "64.100"]]
    assert (
        list(table_lines(counts))[1]
        == "Cấp tỉnh: Tiếp nhận 64.500 hồ sơ; Đã giải quyết 64.100 hồ sơ."
    )


def test_a_column_with_an_unambiguous_decimal_reads_them_all_so():
    rows = [
        ["Chỉ số thành phần", "Năm 2022", "Năm 2023"],
        ["Tính minh bạch", "6.125", "6.5"],
        ["Chi phí thời gian", "7.1", "7.250"],
    ]
    lines = list(table_lines(rows, "Bảng 4. Dữ liệu của tỉnh"))
    assert "Tính minh bạch Năm 2022 6,125." in lines
    assert "Chi phí thời gian Năm 2023 7,250." in lines
    text = "Chỉ số PCI của tỉnh Hà Nam\n" + "\n".join(lines)
    assert ("pci.transparency", 6.125, "2022") in _pci(extract_text(text))


# -------------------------------------------------------------- other readers, same table
@pytest.mark.parametrize("tag", ["p", "div"])
def test_the_table_in_a_saved_web_page(tmp_path, tag):
    page = tmp_path / "pci.html"
    page.write_text(_page(PCI_LINES, tag), encoding="utf-8")
    source = read_document(page)
    assert source.how == "html (utf-8); 1 table rebuilt from one cell per line"
    result = extract_files([page])
    assert _pci(result) == PCI_FIGURES
    assert "Trang chủ" not in source.text
    assert all("rebuilt by the reader" in f.note for f in result.figures)


def test_a_web_page_table_whose_columns_are_years_reads_each_year(tmp_path):
    """A real <table> (read by trafilatura as rows) whose columns name years."""
    cells = (("Gia nhập thị trường", "6,95", "7,02"), ("Tiếp cận đất đai", "6,48", "6,60"))
    body = "".join(f"<tr><td>{n}</td><td>{a}</td><td>{b}</td></tr>" for n, a, b in cells)
    page = tmp_path / "pci_bang.html"
    page.write_text(
        '<html><head><meta charset="utf-8"></head><body><article>'
        "<h1>Chỉ số PCI của tỉnh Hà Nam năm 2021</h1>"
        "<p>Điểm các chỉ số thành phần PCI của tỉnh trong hai năm gần đây như sau:</p>"
        "<table><tr><th>Chỉ số thành phần</th><th>Năm 2020</th><th>Năm 2021</th></tr>"
        f"{body}</table><p>Tỉnh tiếp tục cải thiện môi trường kinh doanh.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    source = read_document(page)
    assert "Gia nhập thị trường Năm 2021 7,02." in source.text
    assert "rebuilt" not in source.how  # a real table, read as a table
    assert source.tables == ()
    assert _pci(extract_files([page])) == {
        ("pci.entry", 6.95, "2020"),
        ("pci.entry", 7.02, "2021"),
        ("pci.land", 6.48, "2020"),
        ("pci.land", 6.6, "2021"),
    }


TWO_ROW_BODY = (
    ("Gia nhập thị trường", "6,95", "35", "7,02", "30"),
    ("Tiếp cận đất đai", "6,48", "27", "6,60", "19"),
    ("Chi phí thời gian", "7,05", "11", "7,31", "9"),
)
TWO_ROW_FIGURES = {f for f in PCI_FIGURES if f[2] != "2019" and f[0] != "pci.labor"}


def test_a_web_page_table_with_two_head_rows(tmp_path):
    """Years spanning "Điểm" and "Hạng" (colspan), the label column spanning both rows."""
    head = (
        '<tr><th rowspan="2">Chỉ số thành phần</th><th colspan="2">Năm 2020</th>'
        '<th colspan="2">Năm 2021</th></tr><tr><th>Điểm</th><th>Hạng</th><th>Điểm</th>'
        "<th>Hạng</th></tr>"
    )
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in TWO_ROW_BODY)
    page = tmp_path / "pci_hai_dong.html"
    page.write_text(
        '<html><head><meta charset="utf-8"></head><body><article>'
        "<h1>Chỉ số PCI của tỉnh Hà Nam năm 2021</h1>"
        "<p>Điểm và hạng các chỉ số thành phần PCI của tỉnh trong hai năm như sau:</p>"
        f"<table>{head}{body}</table><p>Tỉnh tiếp tục cải thiện môi trường kinh doanh.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    assert "Tiếp cận đất đai Năm 2021: Điểm 6,60; Hạng 19." in read_document(page).text
    assert _pci(extract_files([page])) == TWO_ROW_FIGURES


def test_the_table_pasted_into_a_docx_one_paragraph_a_cell(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for line in PCI_LINES:
        document.add_paragraph(line)
    path = tmp_path / "pci_dan.docx"
    document.save(str(path))
    source = read_document(path)
    assert source.how == "docx; 1 table rebuilt from one cell per line"
    assert _pci(extract_files([path])) == PCI_FIGURES


def test_a_docx_table_with_two_head_rows(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("Chỉ số PCI của tỉnh Hà Nam năm 2021")
    document.add_paragraph("Điểm và hạng các chỉ số thành phần PCI của tỉnh như sau:")
    table = document.add_table(rows=5, cols=5)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "Chỉ số thành phần"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "Năm 2020"
    table.cell(0, 3).merge(table.cell(0, 4)).text = "Năm 2021"
    for j, name in enumerate(("Điểm", "Hạng", "Điểm", "Hạng"), start=1):
        table.cell(1, j).text = name
    for i, row in enumerate(TWO_ROW_BODY, start=2):
        for j, value in enumerate(row):
            table.cell(i, j).text = value
    path = tmp_path / "pci.docx"
    document.save(str(path))
    assert "Chi phí thời gian Năm 2020: Điểm 7,05; Hạng 11." in read_document(path).text
    assert _pci(extract_files([path])) == TWO_ROW_FIGURES


@pytest.mark.parametrize("tag", ["p", "div"])
def test_the_table_in_a_pdf(tmp_path, tag):
    html = tmp_path / "pci.html"
    html.write_text(_page(PCI_LINES, tag), encoding="utf-8")
    pdf = _print_pdf(html, tmp_path / "pci.pdf")
    source = read_document(pdf)
    assert source.how.startswith("pdf (") and source.how.endswith(
        "; 1 table rebuilt from one cell per line"
    )
    result = extract_files([pdf])
    assert _pci(result) == PCI_FIGURES
    for figure in result.figures:
        assert source.text[figure.char_start : figure.char_end] == figure.text
        assert any(a <= figure.char_start < b for a, b in source.tables)
    # the prose on either side is still joined and read as before
    assert "Trong thời gian tới, tỉnh tiếp tục cải thiện môi trường đầu tư kinh doanh." in (
        source.text
    )


def test_the_dossier_table_in_a_pdf(tmp_path):
    html = tmp_path / "ho_so.html"
    html.write_text(_page(DOSSIER_LINES, "div"), encoding="utf-8")
    result = extract_files([_print_pdf(html, tmp_path / "ho_so.pdf")])
    assert _scoped(result) == DOSSIER_FIGURES


# ---------------------------------------------------------------- what is not a table
NOT_TABLES = {
    "a menu": ["Trang chủ", "Giới thiệu", "Tin tức", "Thủ tục hành chính", "Liên hệ", "Sơ đồ"],
    "a poem": [
        "Quê hương là chùm khế ngọt",
        "Cho con trèo hái mỗi ngày",
        "Quê hương là đường đi học",
        "Con về rợp bướm vàng bay",
    ],
    "a list of short lines, one number each": [
        "Thống kê truy cập",
        "Đang truy cập",
        "25",
        "Hôm nay",
        "1.234",
        "Tổng lượt truy cập",
        "5.678.901",
    ],
    "rows of unequal length": [
        *("Đơn vị", "Tiếp nhận", "Đã giải quyết", "Đúng hạn"),
        *("Cấp tỉnh", "98.310", "96.402", "95.000"),
        *("Cấp huyện", "120.500", "118.000"),
        *("Cấp xã", "210.000", "209.500", "209.400", "100"),
    ],
    "figures without a head": [
        "Kết quả nổi bật",
        "Cấp tỉnh. ",
        "98.310",
        "96.402",
        "Cấp huyện. ",
        "120.500",
        "118.000",
    ],
    "a head whose names repeat": [
        *("Đơn vị", "Tiếp nhận", "Tiếp nhận"),
        *("Cấp tỉnh", "98.310", "96.402"),
        *("Cấp huyện", "120.500", "118.000"),
    ],
    "rows whose labels repeat the head's names": [
        *("Năm 2020", "Điểm", "Hạng"),
        *("Điểm", "12", "5"),
        *("Hạng", "3.400", "12"),
        *("Năm 2020", "5", "5"),
    ],
    "rows whose labels repeat one another": [
        *("Đơn vị", "Tiếp nhận", "Đã giải quyết"),
        *("Cấp tỉnh", "98.310", "96.402"),
        *("Cấp tỉnh", "120.500", "118.000"),
        *("Cấp tỉnh", "210.000", "209.500"),
    ],
    "a dated list": ["Lịch tiếp công dân", "Thứ Hai", "8", "30", "Thứ Ba", "14", "00"],
}


@pytest.mark.parametrize("lines", NOT_TABLES.values(), ids=NOT_TABLES.keys())
def test_what_is_not_a_table_is_left_as_it_is(lines):
    text = "Tin tức của tỉnh Hà Nam\n\n" + _flat(lines)
    rebuilt, how = with_flattened_tables(text, "utf-8")
    assert (rebuilt, how) == (text, "utf-8")


def test_a_report_without_tables_reads_as_before(tmp_path):
    path = (
        Path(__file__).parent / "fixtures" / "extract" / "inputs" / "bao_cao_lang_son_q2_2024.txt"
    )
    source = read_document(path)
    assert source.how == "utf-8"
    assert source.text == path.read_text(encoding="utf-8")


def test_the_command_says_a_table_was_rebuilt(tmp_path):
    from typer.testing import CliRunner

    from cchc_analysis.cli import app

    path = tmp_path / "pci.txt"
    path.write_text(_flat(PCI_LINES), encoding="utf-8")
    done = CliRunner().invoke(app, ["extract", str(path), "--out", str(tmp_path / "out.csv")])
    assert done.exit_code == 0, done.output
    assert f"{path}: read as utf-8; 1 table rebuilt from one cell per line" in done.output
    written = (tmp_path / "out.csv").read_text(encoding="utf-8")
    assert "Gia nhập thị trường NĂM 2020: Điểm 6.95; Hạng 35." in written  # the evidence


@pytest.mark.parametrize(
    "lines",
    [
        PCI_LINES,
        DOSSIER_LINES,
        [*PCI_LINES[:3], "Chỉ số thành phần\t2020\t2021"]
        + ["\t".join((r[0], r[1], r[3])) for r in TWO_ROW_BODY],
    ],
    ids=["pci cells", "dossier cells", "pci rows"],
)
def test_a_rebuilt_table_is_not_rebuilt_again(lines):
    once, how = with_flattened_tables(_flat(lines), "utf-8")
    assert "rebuilt" in how
    assert with_flattened_tables(once, "utf-8") == (once, "utf-8")
