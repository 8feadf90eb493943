"""Reading report files as they come: plain text, saved web pages, DOCX, PDF.

Every reader returns the text the figures are read from (NFC); ``char_start``/``char_end`` of a
figure count characters of that text. A saved web page gives its article only (trafilatura:
no menus, share bars or lists of related links), a DOCX its paragraphs and table rows in order
(python-docx), a PDF the text layer of its pages (pypdf). A PDF without a text layer (a scan) is
refused with a clear message rather than read as empty. In every kind, a table that arrives
flattened to one cell (or one row) per line is rebuilt as its rows (``tables.rebuild_flattened``)
and ``how`` says so ("utf-8; 1 table rebuilt from one cell per line"), ``tables`` where it
stands: the offsets count characters of the text so rebuilt.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cchc_analysis.extract.flattened import joined, read_tables, rebuild_flattened
from cchc_analysis.extract.layout import _BROKEN_AT_HYPHEN, _STARTS_ITEM, glued, laid_out_flow
from cchc_analysis.extract.tables import stacked_head, table_lines

TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
READABLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + (".docx", ".pdf")
_MIN_PDF_CHARACTERS = 20  # fewer letters than this in a whole PDF: it has no text layer


class UnreadableDocument(ValueError):
    """A file that holds no text the extractor can read (the message says which and why)."""


@dataclass(frozen=True)
class SourceText:
    """The text of one file and how it was read."""

    path: str
    text: str
    how: str  # 'utf-8', 'cp1258', 'html (utf-8)', 'docx', 'pdf (3 pages)'
    tables: tuple[tuple[int, int], ...] = ()  # (start, end) of each table rebuilt in the text


def read_text(path: Path | str, encoding: str | None = None) -> tuple[str, str]:
    """Return ``(text, encoding used)`` of a text file: NFC, no byte-order mark, ``\\r\\n`` kept
    as written (offsets count characters of this text). Encodings as ``cchc validate`` reads
    CSV: byte-order mark, else strict UTF-8, else Windows-1258; or the one given."""
    from cchc_analysis.read.encodings import decode_bytes

    return decode_bytes(Path(path).read_bytes(), encoding)


def read_document(path: Path | str, encoding: str | None = None) -> SourceText:
    """Return the text of a report file, by its suffix: .txt (or no suffix), .html/.htm (the
    article of a saved page), .docx, .pdf (its text layer). Raises ``UnreadableDocument`` for a
    format it cannot read (.doc, images) or a file without text (a scanned PDF)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".pdf":  # its tables rebuilt before lines are joined
        text, how, tables = _read_pdf(path)
        return SourceText(str(path), text, how, tables)
    if suffix in HTML_SUFFIXES:
        text, how = _read_html(path, encoding)
    elif suffix == ".docx":
        text, how = _read_docx(path), "docx"
    elif suffix in (".doc", ".odt", ".rtf"):
        raise UnreadableDocument(
            f"{path}: {suffix} files cannot be read; save it as .docx (or .txt) and try again"
        )
    elif suffix in (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".gif", ".webp"):
        raise UnreadableDocument(
            f"{path}: an image holds no text to read; run OCR on it and give the text instead"
        )
    else:
        text, how = read_text(path, encoding)
    text, converted = from_legacy_font(text)
    how = f"{how}; {converted}" if converted else how
    return SourceText(str(path), *read_tables(_unligatured(text), how))  # text copied from PDFs


_MIN_LEGACY_SIGNS = 5  # fewer signs than this in a whole text: a stray symbol, not a font
_LATIN_1_RUN = re.compile(r"[\x00-\xff]+")


def from_legacy_font(text: str) -> tuple[str, str]:
    """The text with what was typed in a legacy Vietnamese font (TCVN3 ``.VnTime``, VNI) turned
    into Unicode, and what was done ('' when nothing was): a report typed in such a font gives
    its text layer in that font's code ("Tæng sè hå s¬"), where no cue can be read. A line in
    Latin-1 alone is converted whole; in a line that mixes both (a Unicode template filled in
    with an old font), each Latin-1 run showing a legacy sign. Unicode Vietnamese shows none."""
    from cchc_analysis.read.encodings import LEGACY_CONVERTERS, legacy_scores

    lines = text.split("\n")
    runs = [
        [(m.start(), m.end(), legacy_scores(m.group())) for m in _LATIN_1_RUN.finditer(line)]
        for line in lines
    ]
    signs = [(t, v) for line_runs in runs for _, _, (t, v) in line_runs if t or v]
    tcvn3, vni = sum(t for t, _ in signs), sum(v for _, v in signs)
    if tcvn3 + vni < _MIN_LEGACY_SIGNS or len(signs) < 2:
        return text, ""
    scheme = "TCVN3" if tcvn3 >= vni else "VNI"
    convert = LEGACY_CONVERTERS[scheme]
    out, changed = [], 0
    for line, line_runs in zip(lines, runs, strict=True):
        if line.isascii():
            new = line
        elif max(line) <= "\xff":
            new = convert(line)
        else:
            new = line
            for start, end, (t, v) in reversed(line_runs):
                if t or v:
                    new = new[:start] + convert(line[start:end]) + new[end:]
        changed += new != line
        out.append(new)
    return "\n".join(out), f"{changed} lines typed in a {scheme} font converted to Unicode"


def _read_html(path: Path, encoding: str | None) -> tuple[str, str]:
    """The article of a saved web page: its headline, date and main text, without menus,
    share bars, comments or lists of related links."""
    import trafilatura

    raw, used = read_text(path, encoding)
    found = trafilatura.bare_extraction(
        raw,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_links=False,
        include_images=False,
        # the page's own date only (its metadata and markup): no date guessed from the text
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    body = getattr(found, "text", None) or ""
    if not body.strip():
        raise UnreadableDocument(
            f"{path}: no article text found in this web page (is it the page of the article, "
            "saved as HTML?)"
        )
    lines = []
    title = (getattr(found, "title", None) or "").strip()
    # "<title>Headline - Site</title>" over an article without <h1>: trafilatura may take the
    # site's name for the title and the headline for the site's (the article opens on it)
    site = (getattr(found, "sitename", None) or "").strip()
    site_is_headline = bool(site) and body.lstrip().startswith(site)
    if title and not body.lstrip().startswith(title) and not site_is_headline:
        lines.append(title)
    published = getattr(found, "date", None) or ""
    day = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", published)
    if day:
        dated = f"{int(day[3])}/{int(day[2])}/{day[1]}"
        if dated not in body and f"{day[3]}/{day[2]}/{day[1]}" not in body:
            lines.append(dated)  # the page's date: the year of a period named without one
    lines.append(_markdown_tables(body, html_grids(raw)))
    return "\n".join(lines), f"html ({used})"


def html_grids(raw: str) -> list[list[list[str]]]:
    """Every innermost table of a web page as a grid, a merged cell's text in each row and
    column it spans (as a DOCX gives it); trafilatura leaves those cells empty."""
    import lxml.html
    from lxml import etree

    try:
        tree = lxml.html.fromstring(raw)
    except (ValueError, etree.ParserError):
        return []
    grids = []
    for table in tree.iter("table"):
        if table.find(".//table") is not None:
            continue  # a layout table around others
        grid: dict[tuple[int, int], str] = {}
        for r, row in enumerate(table.iter("tr")):
            c = 0
            for cell in row:
                if cell.tag not in ("td", "th"):
                    continue
                while (r, c) in grid:
                    c += 1
                text = " ".join(cell.text_content().split())
                rows_spanned = _span(cell.get("rowspan"))
                cols_spanned = _span(cell.get("colspan"))
                for dr in range(rows_spanned):
                    for dc in range(cols_spanned):
                        grid[(r + dr, c + dc)] = text
                c += cols_spanned
        if grid:
            height = 1 + max(r for r, _ in grid)
            width = 1 + max(c for _, c in grid)
            grids.append([[grid.get((r, c), "") for c in range(width)] for r in range(height)])
    return grids


def _span(value: str | None) -> int:
    """A rowspan or colspan as a count (1 when absent or unreadable; at most 50)."""
    return min(50, int(value)) if value and value.strip().isdigit() and int(value) > 0 else 1


def _markdown_tables(text: str, grids: Sequence[Sequence[Sequence[str]]] = ()) -> str:
    """Tables as trafilatura writes them ("| Cấp | Tiếp nhận |", "|---|---|") read as the
    lines of ``table_lines``, each under the line before the table as its caption; a table
    whose head spans several rows is read from the page's own grid of it (``html_grids``,
    ``tables.stacked_head``), found by the cells they share."""
    out: list[str] = []
    rows: list[list[str]] = []
    caption = ""

    def flush() -> None:
        if rows:
            stacked = _stacked_from_grid(rows, grids)
            out.extend(table_lines(stacked or rows, caption))
            rows.clear()

    for line in text.split("\n"):
        stripped = line.strip()
        if stripped.startswith("|") and stripped.endswith("|"):
            cells = [" ".join(c.split()) for c in stripped.strip("|").split("|")]
            if not all(re.fullmatch(r":?-{3,}:?", c) for c in cells):
                rows.append(cells)
            continue
        flush()
        out.append(line)
        caption = line if line.strip() else caption
    flush()
    return "\n".join(out)


def _stacked_from_grid(
    rows: Sequence[Sequence[str]], grids: Sequence[Sequence[Sequence[str]]]
) -> list[list[str]] | None:
    """The page's grid of the table trafilatura wrote as ``rows``, with its stacked head, when
    the two share most cells and the grid's head spans several rows; else None."""
    written = {c for row in rows for c in row if c}
    if not written:
        return None
    for grid in grids:
        cells = {c for row in grid for c in row if c}
        if len(written & cells) >= 0.8 * len(written):
            return stacked_head(grid)
    return None


def _docx_blocks(document: Any) -> Iterable[str]:
    """Paragraphs and tables of a DOCX body, in document order (``table_lines``); a cell merged
    over several columns counts once in its row (two cells that only hold the same figure,
    "6.51 | 6.51", stay two)."""
    from docx.table import Table

    caption = ""
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = _paragraph_text(child)
            caption = text if text.strip() else caption
            yield text
        elif tag == "tbl":
            cells_of_rows = [row.cells for row in Table(child, document).rows]
            grid = [[" ".join(_cell_text(cell).split()) for cell in row] for row in cells_of_rows]
            stacked = stacked_head(grid)
            if stacked is not None:
                yield from table_lines(stacked, caption)
                continue
            rows = [
                [
                    value
                    for k, value in enumerate(texts)
                    if k == 0 or row[k]._tc is not row[k - 1]._tc
                ]
                for row, texts in zip(cells_of_rows, grid, strict=True)
            ]
            yield from table_lines(rows, caption)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SKIPPED_ABOVE = {
    f"{_W}del",
    "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback",
}
_RUN_TEXT: dict[str, str] = {f"{_W}t": "", f"{_W}tab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n"}


def _paragraph_text(paragraph: Any) -> str:
    """A DOCX paragraph's text, runs of tracked insertions and hyperlinks included (python-docx
    leaves out what a reviewer's insertion holds: a draft's "tiếp nhận 12.345 hồ sơ" lost its
    number) and text boxes once; deleted text and field codes stay out."""
    parts: list[str] = []
    for node in paragraph.iter(*_RUN_TEXT):
        if any(a.tag in _SKIPPED_ABOVE for a in node.iterancestors()):
            continue  # deleted, or a text box's second copy for older readers
        parts.append(str(node.text or "") if node.tag == f"{_W}t" else _RUN_TEXT[node.tag])
    return "".join(parts)


def _cell_text(cell: Any) -> str:
    """A table cell's paragraphs, one a line (``_paragraph_text``)."""
    return "\n".join(_paragraph_text(p) for p in cell._tc.iterchildren(f"{_W}p"))


def _read_docx(path: Path) -> str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise UnreadableDocument(f"{path}: not a readable .docx file ({exc})") from exc
    text = "\n".join(_docx_blocks(document))
    if not text.strip():
        raise UnreadableDocument(f"{path}: the document holds no text")
    return text


def _read_pdf(path: Path) -> tuple[str, str, tuple[tuple[int, int], ...]]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnreadableDocument(f"{path}: the PDF is protected by a password")
        flow = laid_out_flow([_laid_out_text(page) for page in reader.pages])
    except PdfReadError as exc:
        raise UnreadableDocument(f"{path}: not a readable PDF ({exc})") from exc
    pages = _without_running_lines([_unligatured(p) for p in flow.pages])
    pages = _joined_over_page_breaks(pages, [_unligatured(line) for line in flow.open_lines])
    legacy, converted = from_legacy_font("\f".join(pages))
    pages = legacy.split("\f") if converted else pages
    text, rebuilt, tables = _reflow_around_tables(pages, guess=not flow.justified)
    if sum(ch.isalpha() for ch in text) < _MIN_PDF_CHARACTERS:
        raise UnreadableDocument(
            f"{path}: the PDF has no text layer ({len(pages)} page(s) of images: a scan?); "
            "run OCR on it first, or give the report as .docx or .txt"
        )
    how = f"pdf ({len(pages)} page{'s' if len(pages) != 1 else ''})"
    how = f"{how}; {converted}" if converted else how
    blank = [n for n, page in enumerate(pages, start=1) if _no_text_layer(page)]
    if blank and len(blank) < len(pages):  # a report with scanned pages appended
        how = f"{how}; {_page_list(blank)} without a text layer (scanned?): not read"
    return text, f"{how}; {rebuilt}" if rebuilt else how, tables


def _no_text_layer(page: str) -> bool:
    """Whether a page shows no text layer: fewer than 20 letters, and no two words on it but
    a page's label ("Trang 2"). A page that only holds the end of a signature block ("Nguyễn
    Văn An" under the page number) has a text layer."""
    if sum(c.isalpha() for c in page) >= 20:
        return False
    lines = [line.strip() for line in page.split("\n") if line.strip()]
    words = [w for line in lines if not _PAGE_LABEL.match(line) for w in line.split()]
    return sum(1 for w in words if any(c.isalpha() for c in w)) < 2


# Glyphs a PDF's fonts put in its text layer for letters: typefaces' ligatures ("ﬁrst"), and
# the letter OI (ƣ, never Vietnamese) that some fonts give for ư ("ngƣời" for "người").
_PDF_GLYPHS = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
    | {"ƣ": "ư", "Ƣ": "Ư"}
)


def _unligatured(text: str) -> str:
    """The text with a PDF's glyphs as the letters they stand for ("ﬁrst" → "first", "ngƣời"
    → "người"), as cues spell them."""
    return unicodedata.normalize("NFC", text.translate(_PDF_GLYPHS))


_EDGE_LINES = 2  # lines at the top and at the foot of a page where running lines stand
# a line that says which page it is: "- 2 -", "Trang 2", "Trang 2/5", "2/5", "Page 2 of 5"
_PAGE_LABEL = re.compile(
    r"(?i)^(?:[-–—]\s*\d{1,3}\s*[-–—]|(?:trang|page)\s*\d{1,3}(?:\s*(?:/|of|trên)\s*\d{1,3})?"
    r"|\d{1,3}\s*/\s*\d{1,3})$"
)
_BARE_NUMBER = re.compile(r"^\d{1,3}$")  # "2": a page number, or a table's cell
_MAX_RUNNING = 100  # characters of a running head or foot, at most


def _may_run(line: str) -> bool:
    """Whether a line could be a running head or foot: short, with words, no sentence, no
    table's head."""
    line = line.strip()
    return (
        len(line) <= _MAX_RUNNING
        and any(c.isalpha() for c in line)
        and " | " not in line
        and not line.endswith((".", ":", ";"))
    )


def _shape(line: str) -> str:
    """A line with its digits masked: a running head reads the same on every page."""
    return re.sub(r"\d+", "#", " ".join(line.split())).casefold()


def _without_running_lines(pages: Sequence[str]) -> list[str]:
    """The pages without their running heads and feet: a short line of words among the first
    or last two of a page that recurs, digits aside, on at least half of the pages (two at
    least); a line there that says which page it is ("- 2 -", "Trang 2/5"); a bare number
    there when the pages count up by it, or the page's own number alone on its first or last
    line (numbered from page 2, a two-page report shows one). A sentence, a table's head
    repeated on each page (its rows need it), a table's cell and a one-page text stay as they
    are."""
    if len(pages) < 2:
        return list(pages)
    split = [page.split("\n") for page in pages]
    edges = []
    for lines in split:
        filled = [n for n, line in enumerate(lines) if line.strip()]
        edges.append(sorted(set(filled[:_EDGE_LINES] + filled[-_EDGE_LINES:])))
    seen: dict[str, int] = {}
    for lines, edge in zip(split, edges, strict=True):
        for shape in {_shape(lines[n]) for n in edge if _may_run(lines[n])}:
            seen[shape] = seen.get(shape, 0) + 1
    quorum = max(2, len(pages) / 2)
    running = {shape for shape, n in seen.items() if n >= quorum}
    offsets: dict[int, int] = {}  # page number minus page index, for bare numbers at the edges
    for i, (lines, edge) in enumerate(zip(split, edges, strict=True)):
        for k in {int(lines[n].strip()) - i for n in edge if _BARE_NUMBER.match(lines[n].strip())}:
            offsets[k] = offsets.get(k, 0) + 1
    numbering = {k for k, n in offsets.items() if n >= quorum}
    out = []
    for i, (lines, edge) in enumerate(zip(split, edges, strict=True)):
        drop = set()
        for n in edge:
            line = lines[n].strip()
            if (
                (_may_run(line) and _shape(line) in running)
                or _PAGE_LABEL.match(line)
                or (_BARE_NUMBER.match(line) and int(line) - i in numbering)
                # the page's own number, alone on its first or last line (a report numbers
                # its pages from the second, so it may show on one page only)
                or (_BARE_NUMBER.match(line) and int(line) == i + 1 and n in (edge[0], edge[-1]))
            ):
                drop.add(n)
        out.append("\n".join(line for n, line in enumerate(lines) if n not in drop))
    return out


def _joined_over_page_breaks(pages: Sequence[str], open_lines: Sequence[str]) -> list[str]:
    """The pages with the first line of a page joined to the last of the page before when that
    one is left open, a justified paragraph going on ("… Hải" / "Phòng đứng thứ 1/63"), unless
    the page opens on a table's row or a list's item (running heads and feet already out)."""
    out = [page.split("\n") for page in pages]
    for i in range(len(out) - 1):
        last = max((n for n, line in enumerate(out[i]) if line.strip()), default=None)
        first = next((n for n, line in enumerate(out[i + 1]) if line.strip()), None)
        if last is None or first is None or not open_lines[i]:
            continue
        line = out[i + 1][first]
        if out[i][last].strip() != open_lines[i] or " | " in line or _STARTS_ITEM.match(line):
            continue
        out[i][last] = glued(out[i][last], line)
        del out[i + 1][first]
    return ["\n".join(lines) for lines in out]


def _page_list(numbers: Sequence[int]) -> str:
    """Pages as a reader writes them: 'page 3', 'pages 9–12', 'pages 2, 5–7'."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    parts = [f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs]
    return ("pages " if len(numbers) > 1 else "page ") + ", ".join(parts)


def _laid_out_text(page: Any) -> str:
    """A PDF page's text laid out as printed, so that a table keeps its columns (read by
    ``layout.laid_out_pages``); in plain order when pypdf's layout mode fails on its fonts."""
    try:
        return page.extract_text(extraction_mode="layout") or ""
    except Exception:
        return page.extract_text() or ""


_WRAPPED = re.compile(r"(?<=[^\s.!?:;|])[ \t]*\n[ \t]*(?=[a-zà-ỹđ0-9(%])")
# a line break inside a sentence before a word; the word is in lower case when it goes on (a
# range such as à-ỹ holds capitals too: "Đ", "Ấ")
_WRAPPED_WORD = re.compile(r"(?<=[^\s.!?:;|])[ \t]*\n[ \t]*(?=[^\W\d_])")


def _joined_lower(text: str) -> str:
    """The text with a line that goes on in lower case joined to the line before it, and a
    figure alone on its line joined to the verb it completes (a headline wrapped "… đạt" /
    "84,45%")."""
    text = _FIGURE_WRAPPED.sub(r"\1 ", text)
    return _WRAPPED_WORD.sub(lambda m: _gap(m) if text[m.end()].islower() else m.group(), text)


# a line ending on a verb or preposition a figure completes, the figure alone on the next line
_FIGURE_WRAPPED = re.compile(
    r"(\s(?:đạt|là|với|gần|hơn|trên|reached|reach|was|is|at|of|to))[ \t]*\n[ \t]*"
    r"(?=\d[\d.,]*\s*(?:%|điểm|points?|hồ sơ)?[ \t]*(?:\n|$))"
)


def _gap(wrap: re.Match[str]) -> str:
    """What stands for a line break inside a sentence: a space, or nothing after a word broken
    at its hyphen ("commune-" / "level")."""
    return "" if _BROKEN_AT_HYPHEN.search(wrap.string, 0, wrap.start()) else " "


_ENDS_MID_SENTENCE = re.compile(r"(?:[^\W\d_]|,)\s*$")  # a word or a comma: it goes on


def _reflow_around_tables(
    pages: Sequence[str], guess: bool = True
) -> tuple[str, str, tuple[tuple[int, int], ...]]:
    """The pages' text with the tables found one cell per line rebuilt (before any line is
    joined: a table may run on to the next page) and the lines a PDF wrapped joined around
    them (``_reflow``; a rebuilt line is never joined to another); what was rebuilt, and where
    the rebuilt tables stand in the text. Without ``guess`` (a justified text, whose lines the
    layout joined already) only a line that goes on in lower case is joined here."""
    text = "\n".join(pages)
    pieces, rebuilt = rebuild_flattened(text)
    if not guess:  # a heading wrapped (set larger, it is no justified line) goes on in lower case
        pieces = [(p if table else _joined_lower(p), table) for p, table in pieces]
        text, spans = joined(pieces)
        return text, rebuilt, spans if rebuilt else ()
    if not rebuilt:
        return _reflow(text), "", ()
    prose = [piece for piece, table in pieces if not table]  # as wrapped: a line's full width
    full = _full_width("\n".join(prose).split("\n"))
    text, spans = joined([(p if table else _reflow(p, full), table) for p, table in pieces])
    return text, rebuilt, spans


def _full_width(lines: Sequence[str]) -> int | None:
    """The width of a full line of text (the 90th centile of line lengths), or None."""
    widths = sorted(len(line.rstrip()) for line in lines if line.strip())
    return widths[int(0.9 * (len(widths) - 1))] if widths else None


def _reflow(text: str, full: int | None = None) -> str:
    """Join the lines a PDF wrapped inside a sentence ("đã giải quyết 118.300\nhồ sơ", "Sở Tài
    nguyên và\nMôi trường"): a line that does not end a sentence goes on when the next starts
    in lower case or with a digit, or when it runs the full width of the page (a heading or the
    last line of a paragraph is shorter) and the next is not a list item."""
    full = full if full is not None else _full_width(text.split("\n"))  # before any join
    lines = _WRAPPED.sub(_gap, text).split("\n")
    if full is None:
        return text
    out: list[str] = []
    for line in lines:
        if (
            out
            and len(out[-1].rstrip()) >= 0.8 * full
            and _ENDS_MID_SENTENCE.search(out[-1])
            and " | " not in out[-1]  # a table's head goes on to no row
            and line.strip()
            and not _STARTS_ITEM.match(line)
        ):
            out[-1] = glued(out[-1], line)
        else:
            out.append(line)
    return "\n".join(out)


def expand_inputs(paths: Sequence[Path | str]) -> tuple[list[Path], list[Path]]:
    """Return (files to read, files skipped) for the paths given: a folder stands for the files
    in it (sorted, not recursive) that have a readable suffix; hidden files are left out."""
    files: list[Path] = []
    skipped: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for child in sorted(path.iterdir()):
                if child.name.startswith(".") or not child.is_file():
                    continue
                (files if child.suffix.lower() in READABLE_SUFFIXES else skipped).append(child)
        else:
            files.append(path)
    return files, skipped
