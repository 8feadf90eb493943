"""Reports as a provincial office makes them: a DOCX laid out as Decree 30 sets a report
(letterhead and signature as borderless two-column tables, justified Times New Roman with
first-line indents, headings "I.", "1.", "a)", a dossier table with a merged two-row head, an
annex on landscape pages, page numbers from page 2), the PDF LibreOffice exports from it, and
the same report as a plain text: the same figures, province, period and headline from each.

The reports are written for these tests (``tests/office_reports.py``, labelled synthetic);
the DOCX is built with python-docx in the test; the PDF needs LibreOffice (``soffice``) and is
skipped without it (it is not in CI). The layouts LibreOffice gives are also tested from
laid-out text written for the test and, where Chromium prints the same layout, from Chromium's
PDF, so that CI covers them."""

from __future__ import annotations

from html import escape
from pathlib import Path

import pytest

from cchc_analysis.extract import extract_files, read_document
from tests.chromium import print_pdf
from tests.office_docs import FormTable, OfficeReport, as_text, office_docx, office_pdf
from tests.office_reports import (
    BINH_DINH_2023,
    BINH_DINH_NO_INDENT,
    DOSSIER_GROUPS,
    LANG_SON_EQUAL_COLUMNS,
    LANG_SON_FIGURES,
    LANG_SON_Q2_2024,
)

Figure = tuple[str, float, str]

LEVEL_ROWS = {
    "cấp tỉnh": ("61.204", "48.310", "45.118", "14.870", "210", "26"),
    "cấp huyện": ("98.417", "52.904", "70.412", "24.963", "844", "197"),
    "cấp xã": ("126.919", "70.710", "94.800", "27.272", "523", "204"),
    "Sở Tư pháp": ("12.410", "9.870", "10.905", "1.380", "15", "2"),
    "Sở Kế hoạch và Đầu tư": ("8.912", "8.201", "6.402", "2.390", "12", "4"),
    "Sở Tài nguyên và Môi trường": ("6.305", "3.114", "3.902", "1.804", "161", "40"),
}
# what each figure column of the dossier form counts ("Kỳ trước chuyển qua" and "Trong hạn"
# are no catalogue indicator)
FORM_COLUMNS = (
    "dossier.received",
    "dossier.online",
    "dossier.resolved_early",
    "dossier.resolved_on_time",
    "dossier.resolved_late",
    "dossier.pending_overdue",
)


def _number(written: str) -> float:
    return float(written.replace(".", ""))


# Bình Định's figures, labelled by hand: the prose (the province's), then each table row's
BINH_DINH_FIGURES = {
    ("dossier.received", 286540.0, "province"),
    ("dossier.online", 171924.0, "province"),
    ("dossier.resolved", 279012.0, "province"),
    ("dossier.resolved_early", 210330.0, "province"),
    ("dossier.resolved_on_time", 67105.0, "province"),
    ("dossier.resolved_late", 1577.0, "province"),
    ("dossier.pending", 7528.0, "province"),
    ("sipas.satisfaction_pct", 84.12, "province"),
} | {
    (indicator, _number(value), unit)
    for unit, values in LEVEL_ROWS.items()
    for indicator, value in zip(FORM_COLUMNS, values, strict=True)
}

REPORTS = {
    "lang_son": (
        LANG_SON_Q2_2024,
        LANG_SON_FIGURES,
        ("Lạng Sơn", "2024-Q2", "Kết quả công tác cải cách hành chính quý II năm 2024"),
    ),
    "lang_son_equal_columns": (
        LANG_SON_EQUAL_COLUMNS,
        LANG_SON_FIGURES,
        ("Lạng Sơn", "2024-Q2", "Kết quả công tác cải cách hành chính quý II năm 2024"),
    ),
    "binh_dinh_no_indent": (
        BINH_DINH_NO_INDENT,
        BINH_DINH_FIGURES,
        (
            "Bình Định",
            "2023",
            "Kết quả công tác cải cách hành chính năm 2023 và phương hướng, nhiệm vụ năm 2024",
        ),
    ),
    "binh_dinh": (
        BINH_DINH_2023,
        BINH_DINH_FIGURES,
        (
            "Bình Định",
            "2023",
            "Kết quả công tác cải cách hành chính năm 2023 và phương hướng, nhiệm vụ năm 2024",
        ),
    ),
}


def _read(path: Path) -> tuple[set[Figure], tuple[str, str, str]]:
    result = extract_files([path])
    assert not result.unreadable, result.unreadable
    document = result.documents[0]
    figures = {(f.indicator, f.value, f.scope) for f in result.figures + result.subunits}
    return figures, (document.province, document.period, document.headline)


@pytest.mark.parametrize("name", ["lang_son", "binh_dinh"])
def test_office_docx_gives_the_figures_of_its_plain_text(tmp_path, name):
    """The DOCX and the plain text of one report: every figure labelled by hand, with its
    scope (the province's prose, each level's and department's table row, the annex's rows
    on a landscape page), and the province, period and headline from the letterhead and the
    title (the rule under the title is no part of it)."""
    pytest.importorskip("docx")
    report, figures, document = REPORTS[name]
    text = tmp_path / f"{name}.txt"
    text.write_text(as_text(report), encoding="utf-8")
    assert _read(text) == (figures, document)
    assert _read(office_docx(report, tmp_path / f"{name}.docx")) == (figures, document)


@pytest.mark.parametrize(
    "name", ["lang_son", "lang_son_equal_columns", "binh_dinh", "binh_dinh_no_indent"]
)
def test_office_pdf_exported_by_libreoffice_gives_the_same_figures(tmp_path, name):
    """The PDF LibreOffice exports from the DOCX: its justified lines carry single spaces (no
    stretched gaps to tell a paragraph by), the letterhead's columns interleave (the motto
    wrapped in a narrow column: "SỞ NỘI VỤ VIỆT NAM"), the page number stands alone atop page
    2, the dossier table's groups stand centred over their columns and "STT" wraps in its
    narrow column; set without first-line indents, its paragraphs are joined by the ragged
    page's guess. The figures, province, period and headline are those of the text."""
    pytest.importorskip("docx")
    report, figures, document = REPORTS[name]
    pdf = office_pdf(office_docx(report, tmp_path / f"{name}.docx"), tmp_path)
    assert _read(pdf) == (figures, document)
    source = read_document(pdf)
    assert "without a text layer" not in source.how  # a page ending the signature is no scan
    assert "\n2\n" not in source.text  # the page number


# --- the same layouts, from laid-out text and from Chromium (run in CI) ---------------------


def test_single_spaced_justified_page_reads_its_paragraphs_by_their_indents():
    """A justified page as pypdf lays out LibreOffice's PDF: single spaces (no stretched
    gaps), each paragraph's first line indented, lines ending where the words fall. A line at
    the left edge goes on from a full line; headings "I.", "1.", "a)" and a line after a short
    last line begin anew, as does the signature block's "Nơi nhận:" (two columns side by
    side) after a paragraph, even one whose last line runs near the margin."""
    from cchc_analysis.extract.layout import laid_out_tables

    page = "\n".join(
        [
            "       I. KẾT QUẢ THỰC HIỆN",
            "       1. Cải cách thủ tục hành chính",
            "       a) Công bố, công khai thủ tục hành chính",
            "       Tổng số TTHC đang có hiệu lực thi hành trên địa bàn tỉnh là 1.934 thủ tục,",
            "trong đó: cấp tỉnh 1.502 thủ tục, cấp huyện 274 thủ tục, cấp xã 158 thủ tục. Trong",
            "kỳ, Chủ tịch UBND tỉnh đã ban hành 9 quyết định công bố 212 TTHC.",
            "       Tổng số hồ sơ tiếp nhận trong kỳ là 412.142 hồ sơ, trong đó hồ sơ trực",
            "tuyến 251.006 hồ sơ.",
            "       Tiếp tục rà soát, đơn giản hóa thủ tục hành chính; nâng cao chất lượng giải",
            "quyết hồ sơ trực tuyến; kiểm tra công tác cải cách hành chính tại các cơ quan, đơn",
            "vị.",
            "       Tiếp tục nâng cao chất lượng giải quyết hồ sơ trực tuyến, số hóa hồ sơ,",
            "kết quả giải quyết thủ tục hành chính; nâng cao tỷ lệ hồ sơ trực tuyến toàn trình.",
            "Nơi nhận:                                            KT. GIÁM ĐỐC",
            "- Bộ Nội vụ;                                         PHÓ GIÁM ĐỐC",
        ]
    )
    assert laid_out_tables(page).split("\n") == [
        "I. KẾT QUẢ THỰC HIỆN",
        "1. Cải cách thủ tục hành chính",
        "a) Công bố, công khai thủ tục hành chính",
        "Tổng số TTHC đang có hiệu lực thi hành trên địa bàn tỉnh là 1.934 thủ tục, trong đó: "
        "cấp tỉnh 1.502 thủ tục, cấp huyện 274 thủ tục, cấp xã 158 thủ tục. Trong kỳ, Chủ "
        "tịch UBND tỉnh đã ban hành 9 quyết định công bố 212 TTHC.",
        "Tổng số hồ sơ tiếp nhận trong kỳ là 412.142 hồ sơ, trong đó hồ sơ trực tuyến 251.006 "
        "hồ sơ.",
        "Tiếp tục rà soát, đơn giản hóa thủ tục hành chính; nâng cao chất lượng giải quyết hồ "
        "sơ trực tuyến; kiểm tra công tác cải cách hành chính tại các cơ quan, đơn vị.",
        "Tiếp tục nâng cao chất lượng giải quyết hồ sơ trực tuyến, số hóa hồ sơ, kết quả giải "
        "quyết thủ tục hành chính; nâng cao tỷ lệ hồ sơ trực tuyến toàn trình.",
        "Nơi nhận: KT. GIÁM ĐỐC",
        "- Bộ Nội vụ; PHÓ GIÁM ĐỐC",
    ]


def test_ragged_page_without_indents_is_not_read_by_its_indents():
    """A page with no indented first line gives no margin to read paragraphs by, nor does a
    page of table rows whose labels wrap: its lines are left to the ragged page's guess
    (``readers._reflow``); a report set without first-line indents has its paragraphs
    joined so (a table on a later page no longer makes the whole text count as justified)."""
    from cchc_analysis.extract.layout import _flush_margin

    lines = [
        "Toàn tỉnh tiếp nhận 412.142 hồ sơ thủ tục hành chính, trong đó hồ sơ trực",
        "tuyến 251.006 hồ sơ.",
        "Số hồ sơ đã giải quyết 398.215 hồ sơ.",
    ]
    assert _flush_margin(lines) is None
    assert _flush_margin(["       " + lines[0], *lines[1:]]) == (len(lines[0]) + 7,) * 2
    # a page of a table's rows, their labels wrapped in their cells: no indented first lines
    table = [
        " 1     Sở Tư pháp         12.410          9.870           102          10.905",
        " 2     Sở Kế hoạch        8.912           8.201            64           6.402",
        "        và Đầu tư",
        " 3       Sở Tài           6.305           3.114           410           3.902",
        "       nguyên và",
        "      Môi trường",
    ]
    assert _flush_margin(table) is None


def test_laid_out_group_heads_centred_over_their_columns_name_each_column():
    """A form's head as pypdf lays it out: each group's words centred over its columns, so
    they overlap the middle column only; "STT" wrapped in its narrow column ("ST" / "T").
    Each column is named by its group and its own name, the row numbers left out."""
    from cchc_analysis.extract.layout import laid_out_tables

    page = "\n".join(
        [
            "ST     Đơn vị           Tiếp nhận                 Đã giải quyết         Đang giải",
            " T                                                                      quyết",
            "                  Tổng số   Trực      Kỳ      Trước     Đúng     Quá      Trong  Quá",
            "                            tuyến    trước     hạn      hạn       hạn      hạn   hạn",
            "                                    chuyển",
            "                                      qua",
            " 1    Cấp tỉnh    61.204    48.310   1.020    45.118   14.870     210      980    26",
            " 2   Cấp huyện    98.417    52.904   2.115    70.412   24.963     844     2.001  197",
        ]
    )
    lines = laid_out_tables(page).split("\n")
    assert [name.casefold() for name in lines[0].split(" | ")] == [
        "đơn vị",
        "tiếp nhận",
        "tiếp nhận trực tuyến",
        "tiếp nhận kỳ trước chuyển qua",
        "đã giải quyết trước hạn",
        "đã giải quyết đúng hạn",
        "đã giải quyết quá hạn",
        "đang giải quyết trong hạn",
        "đang giải quyết quá hạn",
    ]
    assert lines[1].startswith("Cấp tỉnh: Tiếp nhận 61.204 hồ sơ; Tiếp nhận trực tuyến 48.310")


def _form_html(caption: str, table: FormTable) -> str:
    """A dossier form as an office prints it: merged head cells (rowspan, colspan), group
    names centred, a narrow "STT" column where the name breaks."""
    first = "".join(
        f'<th rowspan="2" class="{"stt" if n == 0 else ""}">{escape(name)}</th>'
        if not under
        else f'<th colspan="{len(under)}">{escape(name)}</th>'
        for n, (name, under) in enumerate(table.groups)
    )
    second = "".join(f"<th>{escape(sub)}</th>" for _, under in table.groups for sub in under)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in table.rows
    )
    return (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><style>'
        "@page { size: A4 landscape; margin: 2cm; }"
        "body { font-family: 'DejaVu Serif', serif; font-size: 12pt; }"
        "table { border-collapse: collapse; width: 100%; text-align: center; }"
        "td, th { border: 1px solid #000; padding: 2pt; }"
        ".stt { width: 1.4em; word-break: break-all; }"
        f"</style></head><body><p>{escape(caption)}</p><table><tr>{first}</tr><tr>{second}</tr>"
        f"{body}</table></body></html>"
    )


def test_chromium_printed_dossier_form_with_groups_over_columns(tmp_path):
    """The annex's dossier form printed by Chromium (its groups centred over three columns,
    "STT" broken in its narrow column): each department's row reads under its full names."""
    caption, table = BINH_DINH_2023.annex
    assert isinstance(caption, str) and isinstance(table, FormTable)
    html = tmp_path / "phu_luc.html"
    html.write_text(_form_html(caption, table), encoding="utf-8")
    result = extract_files([print_pdf(html, tmp_path / "phu_luc.pdf")])
    found = {(f.indicator, f.value, f.scope) for f in result.subunits}
    assert found == {f for f in BINH_DINH_FIGURES if f[2].startswith("Sở")}


def test_letterhead_with_its_motto_wrapped_beside_the_issuer(tmp_path):
    """A letterhead laid out with its motto wrapped in a narrow column ("CỘNG HÒA XÃ HỘI CHỦ
    NGHĨA" beside the province, "VIỆT NAM" beside "SỞ NỘI VỤ"): the issuer is the Department
    of Home Affairs (the province's own report), not "Sở Nội vụ Việt Nam"."""
    text = as_text(LANG_SON_Q2_2024).split("\n")
    body = text[text.index("BÁO CÁO") :]
    letterhead = [
        "UBND TỈNH LẠNG SƠN CỘNG HÒA XÃ HỘI CHỦ NGHĨA",
        "SỞ NỘI VỤ VIỆT NAM",
        "——— Độc lập - Tự do - Hạnh phúc",
        "Số: 215/BC-SNV ————————",
        "Lạng Sơn, ngày 20 tháng 6 năm 2024",
        "",
    ]
    path = tmp_path / "bao_cao.txt"
    path.write_text("\n".join(letterhead + body), encoding="utf-8")
    assert _read(path) == (LANG_SON_FIGURES, REPORTS["lang_son"][2])


def test_title_over_a_rule_is_the_headline_without_it(tmp_path):
    """ "BÁO CÁO", its subject, then the short rule offices set under it: the headline is the
    subject alone."""
    report = OfficeReport(
        issuer=("ỦY BAN NHÂN DÂN", "TỈNH BÌNH ĐỊNH"),
        number="Số: 47/BC-UBND",
        place_date="Bình Định, ngày 08 tháng 12 năm 2023",
        subject="Kết quả công tác cải cách hành chính năm 2023",
        body=("Trong năm, toàn tỉnh tiếp nhận 286.540 hồ sơ thủ tục hành chính.",),
    )
    text = as_text(report).replace(report.subject, f"{report.subject}\n_______________")
    path = tmp_path / "bao_cao.txt"
    path.write_text(text, encoding="utf-8")
    assert _read(path) == (
        {("dossier.received", 286540.0, "province")},
        ("Bình Định", "2023", report.subject),
    )


def test_page_number_of_the_only_numbered_page_is_dropped():
    """A report numbers its pages from the second: on a two-page PDF the "2" atop page 2 is
    the only number, yet it is the page's own and no figure of the text; a "2" inside the
    page stays."""
    from cchc_analysis.extract.readers import _without_running_lines

    pages = [
        "Toàn tỉnh tiếp nhận 412.142 hồ sơ.\nSố hồ sơ đang giải quyết:\n2",
        "2\nNơi nhận:\n- Bộ Nội vụ;\nHoàng Văn Bình",
    ]
    assert _without_running_lines(pages) == [pages[0], "Nơi nhận:\n- Bộ Nội vụ;\nHoàng Văn Bình"]


@pytest.mark.parametrize(
    ("page", "scanned"),
    [
        ("2\n\n\nNguyễn Văn An", False),  # the signature's name spilled over to a page
        ("Trang 3", True),
        ("  \n 4 \n", True),
    ],
)
def test_page_without_a_text_layer(page, scanned):
    from cchc_analysis.extract.readers import _no_text_layer

    assert _no_text_layer(page) is scanned


def test_dossier_form_in_plain_text_with_merged_cells_left_empty(tmp_path):
    """The form as Word saves a table as text: a merged head cell's name once, the cells it
    spans empty, cells apart by tabs; each row reads under its group and column names."""
    table = FormTable(DOSSIER_GROUPS, BINH_DINH_2023.body[5].rows)  # type: ignore[union-attr]
    lines = as_text(
        OfficeReport(
            issuer=("ỦY BAN NHÂN DÂN", "TỈNH BÌNH ĐỊNH"),
            number="Số: 47/BC-UBND",
            place_date="Bình Định, ngày 08 tháng 12 năm 2023",
            subject="Kết quả công tác cải cách hành chính năm 2023",
            body=("Kết quả tiếp nhận, giải quyết hồ sơ theo từng cấp như sau:", table),
        )
    )
    assert "Tiếp nhận\t\t\tĐã giải quyết" in lines
    path = tmp_path / "bao_cao.txt"
    path.write_text(lines, encoding="utf-8")
    figures, _ = _read(path)
    assert figures == {f for f in BINH_DINH_FIGURES if f[2].startswith("cấp")}


COMMUNES = [
    f"UBND xã {name}"
    for place in ("Phước", "Cát", "Mỹ")
    for name in (
        f"{place} An",
        f"{place} Hiệp",
        f"{place} Lộc",
        f"{place} Nghĩa",
        f"{place} Quang",
        f"{place} Sơn",
        f"{place} Thắng",
        f"{place} Thành",
        f"{place} Thuận",
        f"{place} Hòa",
    )
]


def _commune_rows() -> list[tuple[str, ...]]:
    """Thirty communes' dossier figures (synthetic: made up from the row's number)."""
    rows = []
    for n, _ in enumerate(COMMUNES, start=1):
        early, on_time, late = 4000 + 97 * n, 600 + 31 * n, 20 + n
        within, over, online, carried = 200 + 7 * n, 12 + n, 1500 + 41 * n, 10 + n
        total = early + on_time + late + within + over
        values = (total, online, carried, early, on_time, late, within, over)
        rows.append((str(n), COMMUNES[n - 1], *(f"{v:,}".replace(",", ".") for v in values)))
    return rows


def test_office_pdf_table_over_pages_with_its_head_repeated(tmp_path):
    """Thirty communes' rows run over a page break, the two-row head repeated atop the next
    page (Word's "repeat as header row"), each name wrapped in its column: every row reads
    under its names in the text, the DOCX and LibreOffice's PDF alike."""
    pytest.importorskip("docx")
    rows = _commune_rows()
    report = OfficeReport(
        issuer=("ỦY BAN NHÂN DÂN", "HUYỆN PHÙ CÁT"),
        number="Số: 112/BC-UBND",
        place_date="Phù Cát, ngày 15 tháng 6 năm 2024",
        subject="Kết quả công tác cải cách hành chính 6 tháng đầu năm 2024",
        body=(
            "Kết quả tiếp nhận, giải quyết hồ sơ của UBND cấp xã như sau:",
            FormTable(DOSSIER_GROUPS, rows),
        ),
    )
    expected = {
        (indicator, _number(row[k]), row[1].removeprefix("UBND "))
        for row in rows
        for indicator, k in zip(FORM_COLUMNS, (2, 3, 5, 6, 7, 9), strict=True)
    }
    text = tmp_path / "xa.txt"
    text.write_text(as_text(report), encoding="utf-8")
    docx = office_docx(report, tmp_path / "xa.docx")
    assert _read(text)[0] == expected
    assert _read(docx)[0] == expected
    pdf = office_pdf(docx, tmp_path)
    assert "(2 pages)" in read_document(pdf).how
    assert _read(pdf)[0] == expected


def test_laid_out_row_broken_over_a_page_break_is_put_back_together():
    """A row whose unit's name wraps, broken by the page: "UBND xã Cát" with its figures ends
    page 1, "Thành" opens page 2 under the page number and the head printed again. The name is
    whole on its row; the next row keeps its own name. A page that opens on a unit's name
    ("UBND xã Mỹ" over its figures) keeps it for the row below."""
    from cchc_analysis.extract.layout import _rows_rejoined, laid_out_pages

    head = [
        "STT     Đơn vị           Tiếp nhận      Đã giải quyết     Quá hạn",
    ]
    first = [*head, " 1     UBND xã Cát       7.298          5.746             38"]
    second = [
        "                                 2",
        *head,
        "        Thành",
        " 2     UBND xã Cát       7.435          5.843             39",
        "        Thuận",
    ]
    rows = "\n".join(laid_out_pages(["\n".join(first), "\n".join(second)])).split("\n")
    labels = [row.split(":")[0] for row in rows if ":" in row]
    assert labels == ["UBND xã Cát Thành", "UBND xã Cát Thuận"]
    opening = ["        UBND xã Mỹ", " 2                       7.435          5.843             39"]
    pages = ["\n".join(first), "\n".join([*head, *opening])]
    assert _rows_rejoined(pages) == pages
