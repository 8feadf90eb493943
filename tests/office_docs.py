"""Reports as a provincial office writes them (Decree 30/2020/NĐ-CP layout), built with
python-docx, and their PDF as LibreOffice exports it.

``office_docx`` lays out an ``OfficeReport``: the letterhead as a borderless two-column table
(issuer and number left; motto, place and date right), "BÁO CÁO" and its subject centred and
bold, a Times New Roman 14 pt justified body with a first-line indent and headings "I.",
"1.", "a)", tables with a head of two rows whose groups are merged cells, the "Nơi nhận:" and
signature block as a borderless two-column table, page numbers centred in the top margin
from page 2, and an annex on landscape pages. ``as_text`` writes the same report as a plain
text, a table's rows between bars. ``office_pdfs`` exports DOCX files to PDF with
``soffice --headless`` (LibreOffice); ``find_soffice`` says whether it is installed (it is not
in CI: the tests that need it skip).

Every report given to these functions is written for the tests; nothing here is copied.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

SOFFICE_CANDIDATES = ("soffice", "libreoffice")


@dataclass(frozen=True)
class FormTable:
    """A table as a form sets it: a head of two rows (a group over its columns, or a name
    merged down over both rows), then rows of cells. ``groups`` is a list of (name, the
    columns under it); a group with no columns under it is one column merged over both rows."""

    groups: Sequence[tuple[str, Sequence[str]]]
    rows: Sequence[Sequence[str]]

    def width(self) -> int:
        return sum(max(1, len(under)) for _, under in self.groups)

    def grid(self) -> list[list[str]]:
        """The table as its cells read, a merged cell's text in every row and column it spans
        (how a saved page's grid gives it)."""
        first: list[str] = []
        second: list[str] = []
        for name, under in self.groups:
            first.extend([name] * max(1, len(under)))
            second.extend(list(under) or [name])
        return [first, second, *[list(row) for row in self.rows]]


Block = str | FormTable


@dataclass(frozen=True)
class OfficeReport:
    """An office's report: its letterhead, subject, body (paragraphs and tables), the
    recipients and signature, and an annex (a title, then paragraphs and tables) set on
    landscape pages after the signature."""

    issuer: Sequence[str]  # "UBND TỈNH LẠNG SƠN", "SỞ NỘI VỤ"
    number: str  # "Số: 215/BC-UBND"
    place_date: str  # "Lạng Sơn, ngày 20 tháng 6 năm 2024"
    subject: str  # the line under "BÁO CÁO"
    body: Sequence[Block]
    recipients: Sequence[str] = ("- Bộ Nội vụ;", "- Lưu: VT.")
    signature: Sequence[str] = ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "", "Nguyễn Văn An")
    annex: Sequence[Block] = field(default_factory=tuple)
    kind: str = "BÁO CÁO"
    first_line_indent: float = 1.27  # cm; 0: paragraphs set apart by space alone
    letterhead_widths: tuple[float, float] = (6.0, 10.5)  # cm; narrower on the right, the
    # motto wraps ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA" / "VIỆT NAM")


MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


def as_text(report: OfficeReport) -> str:
    """The report as a plain text: the letterhead's columns one after the other, each block a
    line, a table's rows between bars (its two head rows as two rows)."""
    lines = [*report.issuer, report.number, *MOTTO, report.place_date, "", report.kind]
    lines += [report.subject, ""]
    for block in [*report.body, "", "Nơi nhận:", *report.recipients, *report.signature]:
        lines.extend(_block_lines(block))
    for block in report.annex:
        lines.extend(_block_lines(block))
    return "\n".join(lines).replace("\n\n\n", "\n\n") + "\n"


def _block_lines(block: Block) -> list[str]:
    """A paragraph as a line; a table's rows between bars, a merged cell's text once (where
    it starts) and the cells it spans empty, cells apart by tabs, as Word saves a table as
    text."""
    if not isinstance(block, FormTable):
        return [block]
    first: list[str] = []
    second: list[str] = []
    for name, under in block.groups:
        first.extend([name] + [""] * (max(1, len(under)) - 1))
        second.extend(list(under) or [""])
    return ["\t".join(row) for row in (first, second, *block.rows)]


def _is_heading(text: str) -> bool:
    """ "I. KẾT QUẢ", "1. Cải cách thủ tục hành chính", "a) Công bố": a short numbered line."""
    import re

    return len(text) < 100 and bool(re.match(r"(?:[IVX]{1,4}\.|\d{1,2}\.|[a-zđ]\))\s", text))


def office_docx(report: OfficeReport, path: Path) -> Path:
    """Write the report as a DOCX laid out as Decree 30 sets a report; return ``path``."""
    import docx
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    document = docx.Document()
    office_style(document)
    document.styles["Normal"].paragraph_format.first_line_indent = Cm(report.first_line_indent)

    def plain(paragraph, bold=False, italic=False, size=None, centre=True):
        paragraph.paragraph_format.first_line_indent = Cm(0)
        paragraph.paragraph_format.space_after = Pt(0)
        if centre:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for run in paragraph.runs:
            run.bold, run.italic = bold, italic
            if size:
                run.font.size = Pt(size)
        return paragraph

    head = document.add_table(rows=1, cols=2)  # no style: no borders
    head.alignment = WD_TABLE_ALIGNMENT.CENTER
    set_column_widths(head, list(report.letterhead_widths))
    left, right = head.cell(0, 0), head.cell(0, 1)
    _cell_lines(left, [*report.issuer, "———", report.number], plain, bold_lines=len(report.issuer))
    _cell_lines(right, [*MOTTO, "————————", report.place_date], plain, bold_lines=2)
    right.paragraphs[-1].runs[0].italic = True
    document.add_paragraph()
    plain(document.add_paragraph(report.kind), bold=True)
    plain(document.add_paragraph(report.subject), bold=True)
    plain(document.add_paragraph("_______________"))
    for block in report.body:
        _add_block(document, block, plain)
    sign = document.add_table(rows=1, cols=2)
    set_column_widths(sign, [8.0, 8.5])
    left, right = sign.cell(0, 0), sign.cell(0, 1)
    left.paragraphs[0].add_run("Nơi nhận:").bold = True
    plain(left.paragraphs[0], bold=True, italic=True, size=12, centre=False)
    for recipient in report.recipients:
        plain(left.add_paragraph(recipient), size=11, centre=False)
    _cell_lines(right, report.signature, plain, bold_lines=2)
    if report.annex:
        annex = document.add_section(WD_SECTION.NEW_PAGE)
        annex.orientation = WD_ORIENT.LANDSCAPE
        annex.page_width, annex.page_height = Cm(29.7), Cm(21)
        annex.left_margin, annex.right_margin = Cm(2), Cm(2)
        annex.top_margin, annex.bottom_margin = Cm(3), Cm(1.5)
        plain(document.add_paragraph(report.annex[0]), bold=True)  # "Phụ lục"
        for block in report.annex[1:]:
            _add_block(document, block, plain, width=25.7)
    document.save(str(path))
    return path


def office_style(document) -> None:
    """Set a python-docx document as Decree 30 sets a report: A4, margins 2/2/3/1.5 cm, Times
    New Roman 14 pt, justified paragraphs with a 1.27 cm first-line indent, page numbers
    centred in the top margin from page 2."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(14)
    _east_asian_font(normal, "Times New Roman")
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    normal.paragraph_format.first_line_indent = Cm(1.27)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    section.different_first_page_header_footer = True  # no number on the first page
    _page_number(section.header.paragraphs[0])


def set_column_widths(table, centimetres: Sequence[float]) -> None:
    """Fix the columns' widths (Word and LibreOffice read them from every cell and the grid)."""
    from docx.shared import Cm

    table.autofit = False
    for k, width in enumerate(centimetres):
        table.columns[k].width = Cm(width)
        for cell in table.columns[k].cells:
            cell.width = Cm(width)


def _east_asian_font(style, name: str) -> None:
    """Set the font for every script (Word falls back to another for Vietnamese otherwise)."""
    from docx.oxml.ns import qn

    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), name)


def _page_number(paragraph) -> None:
    """A PAGE field, centred: the page's number as Word and LibreOffice print it."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm

    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.first_line_indent = Cm(0)
    run = paragraph.add_run()
    for kind, instruction in (("begin", None), (None, " PAGE "), ("separate", None), ("end", None)):
        if kind is None:
            node = OxmlElement("w:instrText")
            node.set(qn("xml:space"), "preserve")
            node.text = instruction
        else:
            node = OxmlElement("w:fldChar")
            node.set(qn("w:fldCharType"), kind)
        run._r.append(node)
        if kind == "separate":
            text = OxmlElement("w:t")
            text.text = "2"
            run._r.append(text)


def _cell_lines(cell, lines: Sequence[str], plain, bold_lines: int) -> None:
    """A letterhead's or signature's column: centred lines, the first ``bold_lines`` bold."""
    for n, line in enumerate(lines):
        paragraph = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
        paragraph.add_run(line)
        plain(paragraph, bold=n < bold_lines, size=13)


def _add_block(document, block: Block, plain, width: float | None = None) -> None:
    from docx.shared import Pt

    if isinstance(block, str):
        paragraph = document.add_paragraph(block)
        if _is_heading(block):
            paragraph.runs[0].bold = True
        return
    table = document.add_table(rows=2 + len(block.rows), cols=block.width())
    table.style = "Table Grid"
    # a number's column as wide as its figures, the unit's name wider (as offices set forms)
    page = 16.5 if width is None else width
    number = (page - 1.1 - 2.7) / (block.width() - 2)
    set_column_widths(table, [1.1, 2.7] + [number] * (block.width() - 2))
    size = 10 if page < 20 else 12  # set smaller to fit a portrait page
    column = 0
    for name, under in block.groups:
        if not under:
            merged = table.cell(0, column).merge(table.cell(1, column))
            merged.text = name
            column += 1
            continue
        group = table.cell(0, column)
        if len(under) > 1:
            group = group.merge(table.cell(0, column + len(under) - 1))
        group.text = name
        for k, sub in enumerate(under):
            table.cell(1, column + k).text = sub
        column += len(under)
    for i, row in enumerate(block.rows):
        for j, value in enumerate(row):
            table.cell(2 + i, j).text = value
    for row in table.rows[:2]:  # the head repeated atop each page the table runs onto
        row._tr.get_or_add_trPr().append(_on("w:tblHeader"))
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                plain(paragraph, bold=row._index < 2, size=size)
                paragraph.paragraph_format.space_after = Pt(0)


def _on(tag: str):
    """A Word on/off property set on ("w:tblHeader")."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    node = OxmlElement(tag)
    node.set(qn("w:val"), "true")
    return node


def find_soffice() -> str | None:
    """The path of LibreOffice's ``soffice``, or None when it is not installed."""
    for candidate in SOFFICE_CANDIDATES:
        found = shutil.which(candidate)
        if found:
            return found
    return None


_TIMES_METRIC = ("Times New Roman", "Liberation Serif", "Tinos", "Nimbus Roman", "TeX Gyre Termes")


def times_metric_font() -> bool:
    """True when fontconfig gives Times New Roman or a face with its metrics."""
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return False
    found = subprocess.run(
        [fc_match, "-f", "%{family}", "Times New Roman"], capture_output=True, text=True
    )
    return any(name in found.stdout for name in _TIMES_METRIC)


_BATCH = 40  # documents per soffice call: a long batch may end early on a crash


def office_pdfs(documents: Sequence[Path], outdir: Path, soffice: str | None = None) -> list[Path]:
    """Export DOCX files to PDF with ``soffice --headless`` (a profile of its own, so that it
    runs beside an open LibreOffice), a batch of documents per call, each one LibreOffice left
    out tried again alone; return where each PDF is, in the order given (a path that does not
    exist when even that failed). Raises FileNotFoundError when LibreOffice is not installed."""
    soffice = soffice or find_soffice()
    if soffice is None:
        raise FileNotFoundError("LibreOffice (soffice) is not installed")
    outdir.mkdir(parents=True, exist_ok=True)
    pdfs = [outdir / f"{Path(d).stem}.pdf" for d in documents]
    with tempfile.TemporaryDirectory() as profile:
        command = [
            soffice,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
        ]
        for start in range(0, len(documents), _BATCH):
            batch = [str(d) for d in documents[start : start + _BATCH]]
            subprocess.run([*command, *batch], capture_output=True, timeout=900, check=False)
        for document, pdf in zip(documents, pdfs, strict=True):
            if not pdf.exists():
                subprocess.run([*command, str(document)], capture_output=True, timeout=300)
    return pdfs


def office_pdf(report_docx: Path, outdir: Path) -> Path:
    """One DOCX exported by LibreOffice; skips the calling test when it is not installed."""
    import pytest

    soffice = find_soffice()
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: no office PDF to read")
    if not times_metric_font():
        # the reports are set in Times New Roman; LibreOffice would set them in a wider face
        # (DejaVu), which no office prints: the page would not be the one these tests read
        pytest.skip("no font metric-compatible with Times New Roman (fonts-liberation)")
    pdf = office_pdfs([report_docx], outdir, soffice)[0]
    assert pdf.exists(), f"LibreOffice wrote no PDF for {report_docx.name}"
    return pdf
