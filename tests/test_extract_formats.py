"""The same report gives the same figures whatever format it arrives in: a .txt, a saved web
page, a DOCX, a PDF printed by Chromium (justified, as offices print). Every text here is
written for these tests; the DOCX and PDF fixtures are generated from it in the test."""

from __future__ import annotations

from html import escape
from pathlib import Path

import pytest

from cchc_analysis.extract import extract_files, read_document
from tests.chromium import print_pdf

Figure = tuple[str, float, str]


def _found(path: Path) -> set[Figure]:
    result = extract_files([path])
    assert not result.unreadable, result.unreadable
    return {(f.indicator, f.value, f.scope) for f in result.figures + result.subunits}


def _rows(line: str) -> list[str] | None:
    return [c.strip() for c in line.split("|")] if " | " in line else None


def _docx(text: str, path: Path) -> Path:
    """One paragraph a line; lines of cells between bars as one Word table."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    table: list[list[str]] = []
    lines = text.strip().split("\n")
    for n, line in enumerate(lines):
        cells = _rows(line)
        if cells is not None:
            table.append(cells)
            if n + 1 < len(lines) and _rows(lines[n + 1]) is not None:
                continue
            grid = document.add_table(rows=len(table), cols=len(table[0]))
            for i, row in enumerate(table):
                for j, value in enumerate(row):
                    grid.cell(i, j).text = value
            table = []
        elif line.strip():
            document.add_paragraph(line)
    document.save(str(path))
    return path


_PRINTED = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><style>
@page {{ size: A4; margin: 2cm 1.5cm 2cm 3cm; }}
body {{ font-family: "DejaVu Serif", serif; font-size: 13pt; text-align: justify; }}
p {{ margin: 0 0 6pt 0; text-indent: 1cm; }}
table {{ border-collapse: collapse; width: 100%; }} td {{ border: 1px solid #000; }}
</style></head><body>{body}</body></html>"""


def _pdf(text: str, folder: Path, name: str = "bao_cao") -> Path:
    """The text printed as an office prints it: justified paragraphs with a first-line indent,
    lines of cells between bars as a bordered table."""
    parts: list[str] = []
    table: list[str] = []
    for line in [*text.strip().split("\n"), ""]:
        cells = _rows(line)
        if cells is not None:
            table.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>")
            continue
        if table:
            parts.append(f"<table>{''.join(table)}</table>")
            table = []
        if line.strip():
            parts.append(f"<p>{escape(line)}</p>")
    html = folder / f"{name}.html"
    html.write_text(_PRINTED.format(body="\n".join(parts)), encoding="utf-8")
    return print_pdf(html, folder / f"{name}.pdf")


def _txt(text: str, path: Path) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


TWIN_FIGURES = """Tỉnh Lạng Sơn: kết quả giải quyết hồ sơ thủ tục hành chính quý II năm 2024
Kết quả tiếp nhận, giải quyết hồ sơ thủ tục hành chính theo từng cấp như sau:
Cấp | Tiếp nhận | Đã giải quyết | Giải quyết đúng hạn
Cấp tỉnh | 98.310 | 96.402 | 95.117
Cấp xã | 4.120 | 4.120 | 4.120
"""


def test_docx_table_cells_holding_the_same_figure_stay_apart(tmp_path):
    """Two cells side by side that hold the same figure are two cells, not one merged cell:
    the row keeps its width and reads under its heads as the text's row does."""
    plain = _found(_txt(TWIN_FIGURES, tmp_path / "bao_cao.txt"))
    assert ("dossier.resolved", 4120.0, "cấp xã") in plain
    assert _found(_docx(TWIN_FIGURES, tmp_path / "bao_cao.docx")) == plain


def test_docx_cell_merged_over_columns_counts_once(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("Kết quả giải quyết hồ sơ thủ tục hành chính quý II năm 2024:")
    grid = document.add_table(rows=3, cols=3)
    for i, row in enumerate([["Cấp", "Tiếp nhận", "Đã giải quyết"], ["Cấp tỉnh", "98.310"]]):
        for j, value in enumerate(row):
            grid.cell(i, j).text = value
    grid.cell(1, 1).merge(grid.cell(1, 2))  # one figure over both columns: a merged cell
    for j, value in enumerate(["Cấp xã", "4.120", "4.120"]):
        grid.cell(2, j).text = value
    document.save(str(tmp_path / "gop.docx"))
    lines = read_document(tmp_path / "gop.docx").text.split("\n")
    assert "Cấp tỉnh | 98.310" in lines  # the merged cell once: no third column invented
    assert any(line.startswith("Cấp xã: Tiếp nhận 4.120") for line in lines)
