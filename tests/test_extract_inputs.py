"""Reports as they arrive: .txt, saved web pages, .docx, .pdf (with and without a text layer),
folders; the table written validates. DOCX and PDF fixtures are generated here from texts
written for these tests (tests/fixtures/extract/inputs/), never from real documents."""

from __future__ import annotations

import shutil
from pathlib import Path

import polars as pl
import pytest

from cchc_analysis.extract import (
    UnreadableDocument,
    expand_inputs,
    extract_files,
    read_document,
    write_extraction,
)
from tests.chromium import print_pdf

INPUTS = Path(__file__).parent / "fixtures" / "extract" / "inputs"
REPORT = INPUTS / "bao_cao_lang_son_q2_2024.txt"
PAGE = INPUTS / "tin_bai_dong_thap_quy_3_2024.html"

# The report's figures, labelled by hand: (indicator, value, scope).
REPORT_FIGURES = {
    ("tthc.in_force", 1934.0, "province"),
    ("tthc.published", 212.0, "province"),
    ("tthc.amended", 64.0, "province"),
    ("tthc.abolished", 61.0, "province"),
    ("dossier.received", 412142.0, "province"),
    ("dossier.online", 251006.0, "province"),
    ("dossier.resolved", 398215.0, "province"),
    ("dossier.resolved_early", 301442.0, "province"),
    ("dossier.resolved_on_time", 95321.0, "province"),
    ("dossier.resolved_late", 1452.0, "province"),
    ("dossier.on_time_pct", 99.64, "province"),
    ("dossier.pending", 13927.0, "province"),
    ("dossier.suspended", 388.0, "province"),
    ("dossier.pending_overdue", 206.0, "province"),
    ("sipas.satisfaction_pct", 86.45, "province"),
    ("tthc.in_force", 1502.0, "cấp tỉnh"),
    ("tthc.in_force", 274.0, "cấp huyện"),
    ("tthc.in_force", 158.0, "cấp xã"),
    ("dossier.received", 21004.0, "Sở Tài nguyên và Môi trường"),
    ("dossier.resolved_late", 512.0, "Sở Tài nguyên và Môi trường"),
}


def _found(result) -> set[tuple[str, float, str]]:
    return {(f.indicator, f.value, f.scope) for f in result.figures + result.subunits}


def _write_docx(text: str, path: Path) -> Path:
    """A DOCX of the text: one paragraph a line, and the dossier totals also as a table."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Chỉ tiêu"
    table.cell(0, 1).text = "Kết quả"
    table.cell(1, 0).text = "Hồ sơ tạm dừng, trả lại"
    table.cell(1, 1).text = "388"
    document.save(str(path))
    return path


def _print_pdf(html: Path, pdf: Path) -> Path:
    """Print an HTML page to PDF with headless Chromium, without running heads."""
    return print_pdf(html, pdf)


def _as_html(text: str, path: Path) -> Path:
    from html import escape

    body = "".join(f"<p>{escape(line)}</p>" for line in text.splitlines() if line.strip())
    path.write_text(f'<html><head><meta charset="utf-8"></head><body>{body}</body></html>')
    return path


def test_plain_text_report_every_figure_with_its_scope():
    result = extract_files([REPORT])
    assert _found(result) == REPORT_FIGURES
    doc = result.documents[0]
    assert (doc.province, doc.period) == ("Lạng Sơn", "2024-Q2")
    sipas = next(f for f in result.figures if f.indicator == "sipas.satisfaction_pct")
    assert sipas.period == "2023"  # the sentence names its own year


def test_saved_web_page_reads_the_article_only():
    source = read_document(PAGE)
    assert source.how.startswith("html")
    assert "Trang chủ" not in source.text and "Tin liên quan" not in source.text
    assert "52.000" not in source.text  # a related article's figure
    assert "12.345.678" not in source.text and "0277" not in source.text
    result = extract_files([PAGE])
    doc = result.documents[0]
    assert (doc.province, doc.period) == ("Đồng Tháp", "2024-Q3")
    assert _found(result) == {
        ("dossier.received", 47812.0, "province"),
        ("dossier.online", 30114.0, "province"),
        ("dossier.resolved", 45390.0, "province"),
        ("dossier.resolved_early", 38002.0, "province"),
        ("dossier.resolved_on_time", 7201.0, "province"),
        ("dossier.resolved_late", 187.0, "province"),
        ("dossier.pending", 2422.0, "province"),
        ("dossier.on_time_pct", 99.59, "province"),
    }


def test_monthly_period_of_a_news_page(tmp_path):
    """A month is a reporting period when the period vocabulary has months; until then the
    figures of a month are left out with a warning rather than given another period."""
    from cchc_analysis.reference.periods import PeriodError, parse_period

    text = "Trong tháng 9/2024, toàn tỉnh Đồng Tháp tiếp nhận 47.812 hồ sơ thủ tục hành chính."
    (tmp_path / "thang.txt").write_text(text, encoding="utf-8")
    result = extract_files([tmp_path / "thang.txt"])
    try:
        parse_period("2024-M09")
    except PeriodError:
        assert not result.figures
        assert any(w.rule == "extract_unsupported_period" for w in result.warnings)
    else:
        assert [(f.indicator, f.value, f.period) for f in result.figures] == [
            ("dossier.received", 47812.0, "2024-M09")
        ]


def test_docx_report_reads_paragraphs_and_tables(tmp_path):
    path = _write_docx(REPORT.read_text(encoding="utf-8"), tmp_path / "bao_cao.docx")
    source = read_document(path)
    assert source.how == "docx"
    assert "Hồ sơ tạm dừng, trả lại | 388" in source.text  # a table row stays on one line
    result = extract_files([path])
    assert _found(result) == REPORT_FIGURES
    assert result.documents[0].period == "2024-Q2"


def test_pdf_with_a_text_layer(tmp_path):
    html = _as_html(REPORT.read_text(encoding="utf-8"), tmp_path / "bao_cao.html")
    pdf = _print_pdf(html, tmp_path / "bao_cao.pdf")
    source = read_document(pdf)
    assert source.how.startswith("pdf (")
    result = extract_files([pdf])
    assert _found(result) == REPORT_FIGURES
    offsets = [(f.char_start, f.char_end, f.value) for f in result.figures]
    for start, end, value in offsets:  # offsets point into the text read from the PDF
        assert (
            source.text[start:end]
            .replace(".", "")
            .replace(",", ".")
            .startswith(str(value).removesuffix(".0")[:3])
        )


def test_pdf_without_a_text_layer_is_refused_plainly(tmp_path):
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    scan = tmp_path / "scan.pdf"
    with scan.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(UnreadableDocument, match="no text layer"):
        read_document(scan)


def test_formats_that_cannot_be_read_say_what_to_do(tmp_path):
    old = tmp_path / "bao_cao.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(UnreadableDocument, match=r"save it as \.docx"):
        read_document(old)
    broken = tmp_path / "hong.docx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(UnreadableDocument, match=r"not a readable \.docx"):
        read_document(broken)


def test_a_folder_of_files_at_once(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(REPORT, folder / "a.txt")
    shutil.copy(PAGE, folder / "b.html")
    (folder / "notes.xlsx").write_bytes(b"x")
    (folder / ".hidden.txt").write_text("Toàn tỉnh tiếp nhận 5 hồ sơ.")
    files, skipped = expand_inputs([folder])
    assert [p.name for p in files] == ["a.txt", "b.html"]
    assert [p.name for p in skipped] == ["notes.xlsx"]
    result = extract_files([folder])
    assert {d.file for d in result.documents} == {str(folder / "a.txt"), str(folder / "b.html")}
    assert result.skipped == [str(folder / "notes.xlsx")]


def test_extract_output_validates(tmp_path):
    """The table `cchc extract` writes is one `cchc validate` reads without an error."""
    from cchc_analysis.read.load import load_indicators
    from cchc_analysis.validate.indicators import validate_indicators

    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(REPORT, folder / "a.txt")
    _write_docx(REPORT.read_text(encoding="utf-8"), folder / "b.docx")
    result = extract_files([folder])
    written = write_extraction(result, tmp_path / "figures.csv")
    frame = load_indicators(written["figures"])
    assert frame.height == len([f for f in REPORT_FIGURES if f[2] == "province"])
    assert set(frame["province"]) == {"Lạng Sơn"}
    outcome = validate_indicators(frame)
    errors = outcome.failures.filter(pl.col("severity") == "error")
    assert errors.is_empty(), errors.select("rule", "indicator", "message_en").to_dicts()
    table = pl.read_csv(written["figures"], infer_schema=False)
    assert table["evidence"].null_count() == 0 and table["source"].null_count() == 0


def test_cli_reads_a_folder_and_names_an_unreadable_file(tmp_path):
    from pypdf import PdfWriter
    from typer.testing import CliRunner

    from cchc_analysis.cli import app

    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(REPORT, folder / "a.txt")
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    with (folder / "scan.pdf").open("wb") as handle:
        writer.write(handle)
    out = tmp_path / "figures.csv"
    done = CliRunner().invoke(app, ["extract", str(folder), "--out", str(out)])
    assert done.exit_code == 1
    assert "scan.pdf" in done.output and "no text layer" in done.output
    table = pl.read_csv(out, infer_schema=False)
    assert set(table["province"]) == {"Lạng Sơn"} and table.height > 10
    only_scan = CliRunner().invoke(
        app, ["extract", str(folder / "scan.pdf"), "--out", str(tmp_path / "none.csv")]
    )
    assert only_scan.exit_code == 1 and not (tmp_path / "none.csv").exists()


def test_docx_table_with_columns_reads_each_row_under_its_heads(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph(
        "Tỉnh Lạng Sơn: kết quả giải quyết hồ sơ thủ tục hành chính quý II năm 2024"
    )
    document.add_paragraph("Kết quả tiếp nhận, giải quyết hồ sơ TTHC theo từng cấp như sau:")
    rows = [
        ["Cấp", "Tiếp nhận", "Đã giải quyết", "Đang giải quyết"],
        ["Cấp tỉnh", "98.310", "96.402", "1.908"],
        ["Cấp huyện", "120.500", "118.000", "2.500"],
        ["Toàn tỉnh", "218.810", "214.402", "4.408"],
    ]
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            table.cell(i, j).text = value
    path = tmp_path / "bang.docx"
    document.save(str(path))
    assert "Cấp huyện: Tiếp nhận 120.500 hồ sơ; Đã giải quyết 118.000 hồ sơ" in (
        read_document(path).text
    )
    result = extract_files([path])
    assert _found(result) == {
        ("dossier.received", 218810.0, "province"),
        ("dossier.resolved", 214402.0, "province"),
        ("dossier.pending", 4408.0, "province"),
        ("dossier.received", 98310.0, "cấp tỉnh"),
        ("dossier.resolved", 96402.0, "cấp tỉnh"),
        ("dossier.pending", 1908.0, "cấp tỉnh"),
        ("dossier.received", 120500.0, "cấp huyện"),
        ("dossier.resolved", 118000.0, "cấp huyện"),
        ("dossier.pending", 2500.0, "cấp huyện"),
    }
    assert {f.province for f in result.figures} == {"Lạng Sơn"}


def test_web_page_table_reads_each_row_under_its_heads(tmp_path):
    page = tmp_path / "bang.html"
    page.write_text(
        '<html><head><meta charset="utf-8"><title>Tin</title></head><body>'
        "<nav><a href='/'>Trang chủ</a> | <a href='/a'>Tin tức</a></nav><article>"
        "<h1>Tỉnh Lạng Sơn: kết quả giải quyết hồ sơ quý II năm 2024</h1>"
        "<p>Theo Văn phòng UBND tỉnh, kết quả tiếp nhận, giải quyết hồ sơ TTHC của từng cấp "
        "trong quý vừa qua được tổng hợp trong bảng dưới đây:</p>"
        "<table><tr><th>Cấp</th><th>Tiếp nhận</th><th>Đã giải quyết</th></tr>"
        "<tr><td>Cấp tỉnh</td><td>98.310</td><td>96.402</td></tr>"
        "<tr><td>Cấp huyện</td><td>120.500</td><td>118.000</td></tr></table>"
        "<p>Các cơ quan tiếp tục rà soát, đơn giản hóa thủ tục hành chính trong thời gian tới, "
        "bảo đảm thuận lợi cho người dân và doanh nghiệp.</p></article>"
        "<footer>Điện thoại: 0205 3812 345</footer></body></html>",
        encoding="utf-8",
    )
    result = extract_files([page])
    assert _found(result) == {
        ("dossier.received", 98310.0, "cấp tỉnh"),
        ("dossier.resolved", 96402.0, "cấp tỉnh"),
        ("dossier.received", 120500.0, "cấp huyện"),
        ("dossier.resolved", 118000.0, "cấp huyện"),
    }


def test_pdf_table_keeps_its_columns(tmp_path):
    html = tmp_path / "bang.html"
    html.write_text(
        '<html><head><meta charset="utf-8"></head><body>'
        "<p>Tỉnh Lạng Sơn: kết quả giải quyết hồ sơ thủ tục hành chính quý II năm 2024</p>"
        "<p>Kết quả giải quyết hồ sơ theo từng cấp như sau:</p>"
        "<table border='1'><tr><th>Cấp</th><th>Tiếp nhận</th><th>Đã giải quyết</th>"
        "<th>Đang giải quyết</th></tr>"
        "<tr><td>Cấp tỉnh</td><td>98.310</td><td>96.402</td><td>1.908</td></tr>"
        "<tr><td>Cấp huyện</td><td>120.500</td><td>118.000</td><td>2.500</td></tr></table>"
        "</body></html>",
        encoding="utf-8",
    )
    pdf = _print_pdf(html, tmp_path / "bang.pdf")
    result = extract_files([pdf])
    assert _found(result) == {
        ("dossier.received", 98310.0, "cấp tỉnh"),
        ("dossier.resolved", 96402.0, "cấp tỉnh"),
        ("dossier.pending", 1908.0, "cấp tỉnh"),
        ("dossier.received", 120500.0, "cấp huyện"),
        ("dossier.resolved", 118000.0, "cấp huyện"),
        ("dossier.pending", 2500.0, "cấp huyện"),
    }


def test_pdf_ranking_whose_widest_name_squeezes_its_column_gap(tmp_path):
    # the widest label leaves a single space before the next column in the PDF's laid-out
    # text ("Quảng Ninh 91,50"): the figure is still its own cell
    html = tmp_path / "xep_hang.html"
    html.write_text(
        '<html><head><meta charset="utf-8"></head><body>'
        "<h1>Kết quả Chỉ số cải cách hành chính (PAR INDEX) năm 2023</h1>"
        "<p>Bộ Nội vụ công bố Chỉ số cải cách hành chính năm 2023 của các tỉnh.</p>"
        "<table><tr><th>STT</th><th>Tỉnh</th><th>PAR INDEX</th><th>SIPAS</th></tr>"
        "<tr><td>1</td><td>Quảng Ninh</td><td>91,50</td><td>88,20</td></tr>"
        "<tr><td>2</td><td>Hải Phòng</td><td>90,20</td><td>87,10</td></tr>"
        "<tr><td>3</td><td>Bắc Ninh</td><td>89,90</td><td>86,00</td></tr></table>"
        "</body></html>",
        encoding="utf-8",
    )
    pdf = _print_pdf(html, tmp_path / "xep_hang.pdf")
    got = {(f.indicator, f.province, f.value) for f in extract_files([pdf]).figures}
    assert got == {
        ("par.total_points", "Quảng Ninh", 91.5),
        ("par.total_points", "Hải Phòng", 90.2),
        ("par.total_points", "Bắc Ninh", 89.9),
        ("sipas.satisfaction_pct", "Quảng Ninh", 88.2),
        ("sipas.satisfaction_pct", "Hải Phòng", 87.1),
        ("sipas.satisfaction_pct", "Bắc Ninh", 86.0),
    }


def test_docx_tables_of_provinces_give_each_province_its_figures(tmp_path):
    # a ranking and a table of sub-indices in one DOCX; a row opening on a province right
    # under a head ending in "đất đai" is that province's ("đai" on the line above is no "Đài")
    from docx import Document

    document = Document()
    document.add_paragraph("Kết quả Chỉ số cải cách hành chính (PAR INDEX) năm 2023 của các tỉnh")
    tables = [
        [["STT", "Tỉnh", "PAR INDEX"], ["1", "Quảng Ninh", "91,50"], ["2", "Hải Phòng", "90,20"]],
        [["Tỉnh", "Gia nhập thị trường", "Tiếp cận đất đai"], ["An Giang", "6,12", "7,05"]],
    ]
    for n, rows in enumerate(tables):
        if n:
            document.add_paragraph("Bảng 2. Chỉ số thành phần PCI năm 2023")
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for i, row in enumerate(rows):
            for j, cell in enumerate(row):
                table.cell(i, j).text = cell
    path = tmp_path / "bang.docx"
    document.save(str(path))
    got = {(f.indicator, f.province, f.value) for f in extract_files([path]).figures}
    assert got == {
        ("par.total_points", "Quảng Ninh", 91.5),
        ("par.total_points", "Hải Phòng", 90.2),
        ("pci.entry", "An Giang", 6.12),
        ("pci.land", "An Giang", 7.05),
    }


def test_pdf_ranking_of_63_provinces_over_a_page_break(tmp_path):
    # the table's head is printed once; the rows on the second page are read under it
    from cchc_analysis.reference.registry import provinces

    names = [p.name_vi for p in provinces("63")]
    scores = {name: round(92 - n * 0.21, 2) for n, name in enumerate(names)}
    rows = "".join(
        f"<tr><td>{n}</td><td>{name}</td><td>{str(scores[name]).replace('.', ',')}</td></tr>"
        for n, name in enumerate(names, start=1)
    )
    html = tmp_path / "xep_hang_63.html"
    html.write_text(
        '<html><head><meta charset="utf-8"></head><body>'
        "<h1>Chỉ số cải cách hành chính (PAR INDEX) năm 2023 của 63 tỉnh, thành phố</h1>"
        "<p>Bộ Nội vụ công bố kết quả Chỉ số cải cách hành chính năm 2023.</p>"
        f"<table><tr><th>STT</th><th>Tỉnh, thành phố</th><th>Chỉ số CCHC</th></tr>{rows}</table>"
        "</body></html>",
        encoding="utf-8",
    )
    pdf = _print_pdf(html, tmp_path / "xep_hang_63.pdf")
    source = read_document(pdf)
    assert source.how.startswith("pdf (2 pages)")
    got = {(f.province, f.value) for f in extract_files([pdf]).figures}
    assert got == set(scores.items())


def test_pdf_table_whose_head_name_reaches_over_the_next_column(tmp_path):
    # "Điểm đạt được" is wider than its column of scores: on one head line it names its own
    # column only, and "Xếp hạng" stays the ranks'
    rows = [
        ["1", "Sở Tư pháp", "92,15", "1"],
        ["2", "Sở Lao động - Thương binh và Xã hội", "90,40", "2"],
        ["3", "Huyện Văn Lâm", "88,75", "1"],
    ]
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    html = tmp_path / "don_vi.html"
    html.write_text(
        '<html><head><meta charset="utf-8"></head><body><p>UBND TỈNH HƯNG YÊN</p>'
        "<h2>Kết quả Chỉ số cải cách hành chính năm 2023 của các sở, ngành và các huyện</h2>"
        "<table border='1'><tr><th>STT</th><th>Đơn vị</th><th>Điểm đạt được</th>"
        f"<th>Xếp hạng</th></tr>{body}</table></body></html>",
        encoding="utf-8",
    )
    pdf = _print_pdf(html, tmp_path / "don_vi.pdf")
    assert "Đơn vị | Điểm đạt được | Xếp hạng" in read_document(pdf).text.split("\n")
    result = extract_files([pdf])
    got = {(f.indicator, f.scope, f.value) for f in result.figures + result.subunits}
    assert got == {
        ("par.total_points", "Sở Tư pháp", 92.15),
        ("par.total_points", "Sở Lao động - Thương binh và Xã hội", 90.4),
        ("par.total_points", "Huyện Văn Lâm", 88.75),
    }
