"""Reports as provinces issue them: a letterhead (issuer, national motto, number, place and
date), the document's kind and title, running heads and page numbers on every page of a PDF,
tables numbered by an STT column, and old documents typed in a TCVN3 font. The PDF is printed
by headless Chromium from a report written for these tests
(tests/fixtures/extract/inputs/bao_cao_ha_tinh_9_thang_2023.html), with Chromium's own running
head and foot (date, title, address, "1/4"); the DOCX files are built here from our own lines."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from cchc_analysis.extract import extract_files, read_document
from cchc_analysis.extract.layout import laid_out_tables
from cchc_analysis.extract.readers import _unligatured, _without_running_lines
from cchc_analysis.extract.tables import stacked_head, table_lines
from cchc_analysis.read.encodings import TCVN3_TO_UNICODE
from tests.chromium import print_pdf

INPUTS = Path(__file__).parent / "fixtures" / "extract" / "inputs"
REPORT_HTML = INPUTS / "bao_cao_ha_tinh_9_thang_2023.html"

# The report's figures, labelled by hand: (indicator, value, scope).
PROVINCE_FIGURES = {
    ("task.planned", 46.0),
    ("task.completed", 35.0),
    ("tthc.published", 287.0),
    ("tthc.amended", 96.0),
    ("tthc.abolished", 89.0),
    ("tthc.in_force", 1876.0),
    ("dossier.received", 356218.0),
    ("dossier.online", 198402.0),
    ("dossier.resolved", 341775.0),
    ("dossier.resolved_early", 250116.0),
    ("dossier.resolved_on_time", 90104.0),
    ("dossier.resolved_late", 1555.0),
    ("dossier.on_time_pct", 99.55),
    ("dossier.pending", 14443.0),
    ("sipas.satisfaction_pct", 84.12),
    ("par.total_points", 86.3),
}
LEVEL_FIGURES = {
    ("dossier.received", 61020.0, "cấp tỉnh"),
    ("dossier.resolved", 59870.0, "cấp tỉnh"),
    ("dossier.pending", 1150.0, "cấp tỉnh"),
    ("dossier.received", 98311.0, "cấp huyện"),
    ("dossier.resolved", 92004.0, "cấp huyện"),
    ("dossier.pending", 6307.0, "cấp huyện"),
    ("dossier.received", 196887.0, "cấp xã"),
    ("dossier.resolved", 189901.0, "cấp xã"),
    ("dossier.pending", 6986.0, "cấp xã"),
}


@pytest.fixture(scope="module")
def report_pdf(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("official")
    return print_pdf(REPORT_HTML, folder / "bao_cao.pdf", running_heads=True)


def test_pdf_of_a_provincial_report_reads_as_printed(report_pdf):
    source = read_document(report_pdf)
    assert source.how.startswith("pdf (")
    pages = int(source.how.split("(")[1].split()[0])
    assert pages >= 3  # the running heads recur, so there is something to take out
    assert "file://" not in source.text and f"1/{pages}" not in source.text
    result = extract_files([report_pdf])
    assert {(f.indicator, f.value) for f in result.figures} == PROVINCE_FIGURES
    assert all(f.scope == "province" and f.province == "Hà Tĩnh" for f in result.figures)
    assert {(f.indicator, f.value, f.scope) for f in result.subunits} == LEVEL_FIGURES
    info = result.documents[0]
    assert info.province_how == "letterhead: 'ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH'"
    assert info.headline == "Kết quả công tác cải cách hành chính 9 tháng đầu năm 2023"
    periods = {f.period for f in result.figures if f.indicator.startswith(("dossier", "tthc"))}
    assert periods == {"2023-9M"}


def _docx(path: Path, issuer: list[str], lines: list[str], table: list[list[str]] | None = None):
    """A DOCX as offices write one: the letterhead in a two-column table (issuer and number
    left, motto and date right), the kind and title, the body, a table, a footer."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    head = document.add_table(rows=1, cols=2)
    left, right = head.cell(0, 0), head.cell(0, 1)
    left.paragraphs[0].text = issuer[0]
    for line in issuer[1:]:
        left.add_paragraph(line)
    right.paragraphs[0].text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    for line in ("Độc lập - Tự do - Hạnh phúc", "", "Hà Tĩnh, ngày 05 tháng 7 năm 2024"):
        right.add_paragraph(line)
    for line in lines:
        document.add_paragraph(line)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for i, row in enumerate(table):
            for j, value in enumerate(row):
                grid.cell(i, j).text = value
    document.add_paragraph("Nơi nhận:")
    document.add_paragraph("- Lưu: VT.")
    document.sections[0].footer.paragraphs[0].text = "Trang 1/1"
    document.save(str(path))
    return path


def test_docx_of_a_department_gives_the_departments_figures(tmp_path):
    path = _docx(
        tmp_path / "so_tu_phap.docx",
        ["UBND TỈNH HÀ TĨNH", "SỞ TƯ PHÁP", "", "Số: 77/BC-STP"],
        [
            "BÁO CÁO",
            "Kết quả thực hiện công tác cải cách hành chính quý II năm 2024",
            "Trong quý, Sở tiếp nhận 3.120 hồ sơ thủ tục hành chính, giải quyết đúng hạn "
            "3.118 hồ sơ, đạt tỷ lệ 99,94%.",
        ],
    )
    result = extract_files([path])
    assert result.figures == []  # nothing of the whole province
    found = {(f.indicator, f.value, f.scope, f.province, f.period) for f in result.subunits}
    assert found == {
        ("dossier.received", 3120.0, "Sở Tư pháp", "Hà Tĩnh", "2024-Q2"),
        ("dossier.resolved_on_time", 3118.0, "Sở Tư pháp", "Hà Tĩnh", "2024-Q2"),
        ("dossier.on_time_pct", 99.94, "Sở Tư pháp", "Hà Tĩnh", "2024-Q2"),
    }


def test_docx_of_the_department_of_home_affairs_reports_the_province(tmp_path):
    path = _docx(
        tmp_path / "so_noi_vu.docx",
        ["UBND TỈNH HÀ TĨNH", "SỞ NỘI VỤ", "", "Số: 1021/BC-SNV"],
        [
            "BÁO CÁO",
            "Tình hình, kết quả công tác cải cách hành chính quý II năm 2024",
            "Trong quý, toàn tỉnh tiếp nhận 120.418 hồ sơ thủ tục hành chính.",
        ],
    )
    result = extract_files([path])
    assert [(f.indicator, f.value, f.scope) for f in result.figures] == [
        ("dossier.received", 120418.0, "province")
    ]
    assert result.documents[0].province_how == "letterhead: 'UBND TỈNH HÀ TĨNH'"


def test_docx_of_a_district_reads_its_numbered_table_of_communes(tmp_path):
    path = _docx(
        tmp_path / "huyen.docx",
        ["UBND TỈNH HÀ TĨNH", "UBND HUYỆN CẨM XUYÊN", "", "Số: 412/BC-UBND"],
        [
            "BÁO CÁO",
            "Kết quả công tác cải cách hành chính 6 tháng đầu năm 2024",
            "Kết quả giải quyết hồ sơ của UBND các xã, thị trấn như sau:",
        ],
        [
            ["STT", "Đơn vị", "Tiếp nhận", "Đã giải quyết"],
            ["1", "Xã Cẩm Quan", "812", "800"],
            ["2", "Thị trấn Cẩm Xuyên", "1.204", "1.190"],
        ],
    )
    result = extract_files([path])
    assert result.documents[0].province == "Hà Tĩnh"
    assert result.documents[0].period == "2024-H1"
    assert {(f.indicator, f.value, f.scope) for f in result.figures + result.subunits} == {
        ("dossier.received", 812.0, "Xã Cẩm Quan"),
        ("dossier.resolved", 800.0, "Xã Cẩm Quan"),
        ("dossier.received", 1204.0, "Thị trấn Cẩm Xuyên"),
        ("dossier.resolved", 1190.0, "Thị trấn Cẩm Xuyên"),
    }


def _tcvn3(text: str) -> str:
    """Our text as a .VnTime font stores it (capitals with tone marks have no TCVN3 code)."""
    code: dict[str, str] = {}
    for legacy, letter in TCVN3_TO_UNICODE.items():
        code.setdefault(letter, legacy)
    return "".join(code.get(c, code.get(c.lower(), c)) for c in unicodedata.normalize("NFC", text))


def test_docx_typed_in_a_tcvn3_font_is_read_in_unicode(tmp_path):
    sentence = (
        "Trong quý, Sở tiếp nhận 3.120 hồ sơ thủ tục hành chính, giải quyết đúng hạn 3.118 hồ "
        "sơ, đạt tỷ lệ 99,94%."
    )
    assert _tcvn3(sentence) != sentence  # the fixture really is in the legacy code
    path = _docx(
        tmp_path / "tcvn3.docx",
        [_tcvn3("UBND TỈNH HÀ TĨNH"), _tcvn3("SỞ TƯ PHÁP"), "Số: 77/BC-STP"],
        [
            _tcvn3("BÁO CÁO"),
            _tcvn3("Kết quả cải cách hành chính quý II năm 2024"),
            _tcvn3(sentence),
        ],
    )
    source = read_document(path)
    assert "typed in a TCVN3 font converted to Unicode" in source.how
    assert sentence in source.text
    result = extract_files([path])
    assert {(f.indicator, f.value) for f in result.subunits} == {
        ("dossier.received", 3120.0),
        ("dossier.resolved_on_time", 3118.0),
        ("dossier.on_time_pct", 99.94),
    }
    assert result.documents[0].province == "Hà Tĩnh"


def test_unicode_text_with_a_few_latin_1_symbols_is_left_alone(tmp_path):
    text = "Giá trị © 2024 · Bản quyền «Báo» ®\nTổng số hồ sơ tiếp nhận 1.234 hồ sơ.\n"
    path = tmp_path / "tin.txt"
    path.write_text(text, encoding="utf-8")
    source = read_document(path)
    assert source.text == unicodedata.normalize("NFC", text)
    assert "converted" not in source.how


def test_running_heads_and_page_numbers_are_taken_out_of_each_page():
    pages = [
        f"Báo cáo số 318/BC-UBND\nNội dung trang {n}: tiếp nhận {100 * n} hồ sơ.\n- {n} -"
        for n in (1, 2, 3)
    ]
    out = _without_running_lines(pages)
    assert out == [f"Nội dung trang {n}: tiếp nhận {100 * n} hồ sơ." for n in (1, 2, 3)]
    assert _without_running_lines(pages[:1]) == pages[:1]  # one page: nothing recurs


def test_page_numbers_alone_go_when_the_pages_count_up_by_them_and_cells_stay():
    numbered = [f"Nội dung trang {n}: tiếp nhận {100 * n} hồ sơ.\n{n + 1}" for n in range(3)]
    assert _without_running_lines(numbered) == [
        f"Nội dung trang {n}: tiếp nhận {100 * n} hồ sơ." for n in range(3)
    ]
    cells = ["Gia nhập thị trường\n7.41\n22", "Tiếp cận đất đai\n6.12\n41"]
    assert _without_running_lines(cells) == cells  # a table's last cells, not page numbers


def test_a_table_head_repeated_on_each_page_stays():
    head = "Cấp | Tiếp nhận | Đã giải quyết"
    pages = [f"{head}\nCấp tỉnh: Tiếp nhận {n} hồ sơ.\nTrang {n}" for n in (10, 20)]
    assert [p.split("\n") for p in _without_running_lines(pages)] == [
        [head, "Cấp tỉnh: Tiếp nhận 10 hồ sơ."],
        [head, "Cấp tỉnh: Tiếp nhận 20 hồ sơ."],
    ]


def test_a_laid_out_table_with_one_letter_cells_keeps_its_columns():
    laid_out = (
        "  TT       Cấp            Tiếp nhận       Đã giải quyết\n"
        " 1     Cấp tỉnh         61.020            59.870\n"
        " 2     Cấp xã           196.887           189.901\n"
    )
    assert laid_out_tables(laid_out).split("\n")[1:3] == [
        "Cấp tỉnh: Tiếp nhận 61.020 hồ sơ; Đã giải quyết 59.870 hồ sơ.",
        "Cấp xã: Tiếp nhận 196.887 hồ sơ; Đã giải quyết 189.901 hồ sơ.",
    ]


def test_a_numbering_column_is_no_label_or_figure():
    rows = [
        ["STT", "Đơn vị", "Tiếp nhận", "Đã giải quyết"],
        ["1", "Sở Tư pháp", "3.120", "3.118"],
        ["II", "Sở Y tế", "95", "90"],
    ]
    assert list(table_lines(rows)) == [
        "Đơn vị | Tiếp nhận | Đã giải quyết",
        "Sở Tư pháp: Tiếp nhận 3.120 hồ sơ; Đã giải quyết 3.118 hồ sơ.",
        "Sở Y tế: Tiếp nhận 95 hồ sơ; Đã giải quyết 90 hồ sơ.",
    ]


def test_glyphs_a_pdf_font_puts_for_letters_read_as_the_letters():
    assert _unligatured("ngƣời dân ﬁled 12 ﬂows; TRƢỜNG") == "người dân filed 12 flows; TRƯỜNG"


# The statistics form's figures, labelled by hand: the total row (the province's) and one level.
FORM_PROVINCE = {
    ("dossier.received", 159331.0),
    ("dossier.online", 95119.0),
    ("dossier.resolved", 151874.0),
    ("dossier.resolved_on_time", 151500.0),
    ("dossier.resolved_late", 374.0),
    ("dossier.pending", 7457.0),
}
FORM_LEVEL = {
    ("dossier.received", 61020.0, "cấp tỉnh"),
    ("dossier.online", 40118.0, "cấp tỉnh"),
    ("dossier.resolved", 59870.0, "cấp tỉnh"),
    ("dossier.resolved_on_time", 59700.0, "cấp tỉnh"),
    ("dossier.resolved_late", 170.0, "cấp tỉnh"),
    ("dossier.pending", 1150.0, "cấp tỉnh"),
}


def _assert_the_form_is_read(result, levels: bool = True) -> None:
    assert {(f.indicator, f.value) for f in result.figures} == FORM_PROVINCE
    if levels:
        assert {(f.indicator, f.value, f.scope) for f in result.subunits} == FORM_LEVEL


def test_docx_form_with_a_head_of_three_rows_reads_every_column(tmp_path):
    """The statistics form of a CCHC report: merged heads over three rows, a row numbering
    the columns, a total row (the province's) and one row a level."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph(
        "Biểu số 06: Tình hình, kết quả giải quyết thủ tục hành chính quý II năm 2024 "
        "của tỉnh Hà Tĩnh"
    )
    rows = [
        ["STT", "Cấp giải quyết", "Số hồ sơ nhận giải quyết", "", "", "Kết quả giải quyết"]
        + [""] * 4,
        [
            "",
            "",
            "Tổng số",
            "Trong đó",
            "",
            "Số hồ sơ đã giải quyết",
            "",
            "",
            "Số hồ sơ đang giải quyết",
            "",
        ],
        [
            "",
            "",
            "",
            "Số mới tiếp nhận trực tuyến",
            "Số kỳ trước chuyển qua",
            "Tổng số",
            "Trả đúng thời hạn",
            "Trả quá hạn",
            "Tổng số",
            "Chưa đến hạn",
        ],
        [f"({n})" for n in range(1, 11)],
        [
            "",
            "Tổng cộng",
            "159.331",
            "95.119",
            "3.252",
            "151.874",
            "151.500",
            "374",
            "7.457",
            "7.320",
        ],
        ["1", "Cấp tỉnh", "61.020", "40.118", "1.250", "59.870", "59.700", "170", "1.150", "1.120"],
    ]
    table = document.add_table(rows=len(rows), cols=10)
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            table.cell(i, j).text = value
    for (r0, c0), (r1, c1) in (
        ((0, 2), (0, 4)),
        ((0, 5), (0, 9)),
        ((1, 3), (1, 4)),
        ((1, 5), (1, 7)),
        ((1, 8), (1, 9)),
        ((0, 0), (2, 0)),
        ((0, 1), (2, 1)),
        ((1, 2), (2, 2)),
    ):
        table.cell(r0, c0).merge(table.cell(r1, c1))
    path = tmp_path / "bieu_06.docx"
    document.save(str(path))
    result = extract_files([path])
    _assert_the_form_is_read(result)
    assert {f.province for f in result.figures} == {"Hà Tĩnh"}
    assert {f.period for f in result.figures} == {"2024-Q2"}


def test_stacked_heads_name_each_column_by_what_it_counts():
    rows = [
        # as a DOCX gives a head cell merged over two columns: once in each
        [
            "Đơn vị",
            "Số hồ sơ đã giải quyết",
            "Số hồ sơ đã giải quyết",
            "Số hồ sơ đang giải quyết",
            "Số hồ sơ đang giải quyết",
        ],
        ["Đơn vị", "Tổng số", "Trả quá hạn", "Tổng số", "Quá hạn"],
        ["Sở Y tế", "95", "2", "10", "1"],
    ]
    assert stacked_head(rows) == [
        [
            "Đơn vị",
            "Số hồ sơ đã giải quyết",
            "Số hồ sơ đã giải quyết trả quá hạn",
            "Số hồ sơ đang giải quyết",
            "Số hồ sơ đang giải quyết quá hạn",
        ],
        ["Sở Y tế", "95", "2", "10", "1"],
    ]
    assert stacked_head(rows[1:]) is None  # a head of one row: read as before


WRAPPED_TABLE = """<html><head><meta charset="utf-8"><style>td {{ vertical-align: {align}; }}
</style></head><body style="font-size:13pt">
<p>Kết quả giải quyết hồ sơ của các sở, ngành quý III năm 2024 như sau:</p>
<table border="1" style="border-collapse:collapse"><tr><th style="width:40px">TT</th>
<th style="width:150px">Đơn vị</th><th style="width:110px">Tiếp nhận</th>
<th style="width:110px">Đã giải quyết</th><th style="width:110px">Trễ hạn</th></tr>
<tr><td>1</td><td>Sở Tài nguyên và Môi trường</td><td>21.004</td><td>20.100</td><td>512</td></tr>
<tr><td>2</td><td>Sở Tư pháp</td><td>3.120</td><td>3.118</td><td>2</td></tr>
<tr><td>3</td><td>Sở Lao động - Thương binh và Xã hội</td><td>1.540</td><td>1.522</td>
<td>0</td></tr></table>
<p>Các đơn vị còn lại không có hồ sơ trễ hạn.</p></body></html>"""


@pytest.mark.parametrize("align", ["top", "middle"])
def test_pdf_table_whose_names_and_heads_wrap_keeps_each_row_whole(tmp_path, align):
    """A narrow label column wraps names over two or three lines and a head over two; Word
    prints a cell's text from its top, a browser centres it on the row's figures."""
    html = tmp_path / "bang.html"
    html.write_text(WRAPPED_TABLE.format(align=align), encoding="utf-8")
    pdf = print_pdf(html, tmp_path / "bang.pdf", running_heads=False)
    text = read_document(pdf).text
    assert "Sở Lao động - Thương binh và Xã hội: Tiếp nhận 1.540 hồ sơ" in text
    result = extract_files([pdf], province="Hà Tĩnh")
    assert {(f.indicator, f.value, f.scope) for f in result.subunits} == {
        ("dossier.received", 21004.0, "Sở Tài nguyên và Môi trường"),
        ("dossier.resolved", 20100.0, "Sở Tài nguyên và Môi trường"),
        ("dossier.resolved_late", 512.0, "Sở Tài nguyên và Môi trường"),
        ("dossier.received", 3120.0, "Sở Tư pháp"),
        ("dossier.resolved", 3118.0, "Sở Tư pháp"),
        ("dossier.resolved_late", 2.0, "Sở Tư pháp"),
        ("dossier.received", 1540.0, "Sở Lao động - Thương binh và Xã hội"),
        ("dossier.resolved", 1522.0, "Sở Lao động - Thương binh và Xã hội"),
        ("dossier.resolved_late", 0.0, "Sở Lao động - Thương binh và Xã hội"),
    }
    assert result.figures == []


def test_a_line_of_prose_between_rows_is_no_table_and_prose_after_a_table_stays_prose():
    head = "  Đơn vị        Tiếp nhận       Đã giải quyết\n  Sở Tư pháp    3.120           3.118\n"
    prose = "Trong quý, các đơn vị đã triển khai nhiều giải pháp nâng cao chất lượng phục vụ.\n"
    between = laid_out_tables(head + prose + "  Sở Y tế       95              90\n")
    assert "Sở Tư pháp: Tiếp nhận" not in between
    after = laid_out_tables(head + prose).split("\n")
    assert after[1:3] == [
        "Sở Tư pháp: Tiếp nhận 3.120 hồ sơ; Đã giải quyết 3.118 hồ sơ.",
        prose.strip(),
    ]


FORM_HTML = """<html><head><meta charset="utf-8"><style>td, th { border: 1px solid #000;
font-size: 10pt; text-align: center; }</style></head><body>
<p>Biểu số 06: Tình hình, kết quả giải quyết thủ tục hành chính quý II năm 2024 của tỉnh Hà
Tĩnh</p><table style="border-collapse:collapse;width:100%">
<tr><th rowspan="3">STT</th><th rowspan="3">Cấp giải quyết</th>
<th colspan="3">Số hồ sơ nhận giải quyết</th><th colspan="5">Kết quả giải quyết</th></tr>
<tr><th rowspan="2">Tổng số</th><th colspan="2">Trong đó</th>
<th colspan="3">Số hồ sơ đã giải quyết</th><th colspan="2">Số hồ sơ đang giải quyết</th></tr>
<tr><th>Số mới tiếp nhận trực tuyến</th><th>Số kỳ trước chuyển qua</th><th>Tổng số</th>
<th>Trả đúng thời hạn</th><th>Trả quá hạn</th><th>Tổng số</th><th>Chưa đến hạn</th></tr>
<tr><td>(1)</td><td>(2)</td><td>(3)</td><td>(4)</td><td>(5)</td><td>(6)</td><td>(7)</td>
<td>(8)</td><td>(9)</td><td>(10)</td></tr>
<tr><td></td><td>Tổng cộng</td><td>159.331</td><td>95.119</td><td>3.252</td><td>151.874</td>
<td>151.500</td><td>374</td><td>7.457</td><td>7.320</td></tr>
<tr><td>1</td><td>Cấp tỉnh</td><td>61.020</td><td>40.118</td><td>1.250</td><td>59.870</td>
<td>59.700</td><td>170</td><td>1.150</td><td>1.120</td></tr></table></body></html>"""


def test_pdf_form_with_a_head_of_groups_over_columns_reads_every_column(tmp_path):
    """The statistics form printed: group heads centred over their columns, names wrapped
    over three lines, a row numbering the columns."""
    html = tmp_path / "bieu.html"
    html.write_text(FORM_HTML, encoding="utf-8")
    result = extract_files([print_pdf(html, tmp_path / "bieu.pdf", running_heads=False)])
    _assert_the_form_is_read(result)


def test_saved_web_page_form_with_merged_head_cells_reads_every_column(tmp_path):
    """The same form posted on a portal's page: the page's own grid (rowspan and colspan
    expanded) names the columns trafilatura's copy leaves blank."""
    page = FORM_HTML.replace(
        "<body>", "<body><nav><a href='/'>Trang chủ</a> | <a href='/tin'>Tin tức</a></nav><article>"
    ).replace("</body>", "</article><footer>Điện thoại: 0239 3855 123</footer></body>")
    path = tmp_path / "bieu.html"
    path.write_text(page, encoding="utf-8")
    result = extract_files([path])
    _assert_the_form_is_read(result, levels=False)
    assert len(result.subunits) == 6
    assert result.documents[0].period == "2024-Q2"


@pytest.mark.parametrize(
    ("issuer", "province", "unit"),
    [
        ("UBND TP. HỒ CHÍ MINH", "HỒ CHÍ MINH", ""),
        ("ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI", "HÀ NỘI", ""),
        ("SỞ NỘI VỤ TỈNH BẮC GIANG", "BẮC GIANG", ""),  # the province's reform, reported
        ("UBND HUYỆN CẨM XUYÊN VĂN PHÒNG HĐND VÀ UBND", "", "huyện Cẩm Xuyên"),
        (
            "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH QUẢNG NINH",
            "QUẢNG NINH",
            "Trung tâm Phục vụ hành chính công",
        ),
        ("UBND TỈNH LÀO CAI UBND XÃ BẢN LẦU", "LÀO CAI", "xã Bản Lầu"),
    ],
)
def test_whose_report_the_letterhead_says(issuer, province, unit):
    from cchc_analysis.extract.document import _document

    text = (
        f"{issuer} | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\n"
        "Số: 12/BC-UBND\nBÁO CÁO\nKết quả công tác cải cách hành chính quý III năm 2025\n"
        "Trong quý, Trung tâm Phục vụ hành chính công tỉnh tiếp nhận 1.234 hồ sơ."
    )
    head = _document(text).letterhead
    assert head is not None
    assert (head.province_name, head.unit) == (province, unit)
    assert head.title is not None and text[head.title[0] : head.title[1]].endswith("năm 2025")


def test_a_news_article_quoting_no_letterhead_has_none():
    from cchc_analysis.extract.document import _document

    text = "Báo cáo kết quả cải cách hành chính\nTrong quý, tỉnh tiếp nhận 1.234 hồ sơ."
    assert _document(text).letterhead is None


def test_scanned_pages_appended_to_a_pdf_are_named(report_pdf, tmp_path):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(report_pdf).pages:
        writer.add_page(page)
    pages = len(writer.pages)
    for _ in range(2):  # an appendix scanned to images: pages without a text layer
        writer.add_blank_page(width=595, height=842)
    path = tmp_path / "with_scans.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    source = read_document(path)
    assert source.how.endswith(
        f"pages {pages + 1}–{pages + 2} without a text layer (scanned?): not read"
    )
    assert {(f.indicator, f.value) for f in extract_files([path]).figures} == PROVINCE_FIGURES


def test_docx_draft_with_tracked_changes_reads_as_it_would_be_accepted(tmp_path):
    """A draft circulated with tracked changes: the inserted number is read, the deleted one
    is not (python-docx's own text leaves insertions out)."""
    docx = pytest.importorskip("docx")
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def run(text: str, tag: str = "w:t") -> object:
        element, inner = OxmlElement("w:r"), OxmlElement(tag)
        inner.set(qn("xml:space"), "preserve")
        inner.text = text
        element.append(inner)
        return element

    document = docx.Document()
    paragraph = document.add_paragraph("Quý III năm 2024, tỉnh Hà Tĩnh tiếp nhận ")
    deleted = OxmlElement("w:del")
    deleted.set(qn("w:id"), "1")
    deleted.set(qn("w:author"), "Chuyên viên")
    deleted.append(run("99.999", "w:delText"))
    inserted = OxmlElement("w:ins")
    inserted.set(qn("w:id"), "2")
    inserted.set(qn("w:author"), "Chuyên viên")
    inserted.append(run("120.418"))
    for element in (deleted, inserted, run(" hồ sơ thủ tục hành chính.")):
        paragraph._p.append(element)
    path = tmp_path / "du_thao.docx"
    document.save(str(path))
    assert "tiếp nhận 120.418 hồ sơ" in read_document(path).text
    assert {(f.indicator, f.value) for f in extract_files([path]).figures} == {
        ("dossier.received", 120418.0)
    }


def test_a_motto_and_a_title_without_an_issuing_body(tmp_path):
    """A report whose head has the national motto and 'BÁO CÁO' but names no issuing body (a
    copy that lost its left column) is read, not a traceback."""
    path = tmp_path / "bao_cao.txt"
    path.write_text(
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nBÁO CÁO\n"
        "Kết quả công tác cải cách hành chính năm 2023\n"
        "Năm 2023, tỉnh Phú Yên tiếp nhận 10.000 hồ sơ.\n",
        encoding="utf-8",
    )
    result = extract_files([path])
    assert result.unreadable == []
    assert [(f.indicator, f.value, f.province, f.period) for f in result.figures] == [
        ("dossier.received", 10000.0, "Phú Yên", "2023")
    ]


def test_a_text_saved_with_windows_line_ends_reads_as_with_unix_ones(tmp_path):
    """A report saved on Windows ends its lines in CR LF: it gives the same figures, with
    offsets into the file as read."""
    text = (  # an English story wrapped over lines, as a copy from a page often is
        "Provincial Public Administration Center settled 7,410 dossiers in two months\n"
        "(bacgiang.gov.vn) According to the Provincial Public\n"
        "Administration Center of Bac Giang, the center\n"
        "settled 7,410 administrative dossiers in the first two months of 2024.\n"
        "Specifically, in February, the center received 3,800\n"
        "dossiers (including 1,520 online submissions). Among these, 3,702 dossiers were\n"
        "processed and settled; 3,699 were on time or ahead of schedule, and only 3 were\n"
        "delayed. By the end of February, the cumulative total of received dossiers\n"
        "reached 7,655 (including 2,980 online submissions).\n"
    )
    unix, windows = tmp_path / "unix.txt", tmp_path / "windows.txt"
    unix.write_bytes(text.encode("utf-8"))
    windows.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))

    def figures(path: Path) -> list:
        result = extract_files([path])
        return result.figures + result.subunits

    read = {
        p.name: {(f.indicator, f.value, f.scope, f.period) for f in figures(p)}
        for p in (unix, windows)
    }
    assert read["unix.txt"] == read["windows.txt"] != set()
    source = read_document(windows).text
    for figure in figures(windows):
        assert re.sub(r"[.,]", "", source[figure.char_start : figure.char_end]).isdigit()
