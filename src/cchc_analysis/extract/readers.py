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

from cchc_analysis.extract.tables import (
    _CELL_NUMBER,
    joined,
    read_tables,
    rebuild_flattened,
    table_lines,
)

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
    return SourceText(str(path), *read_tables(unicodedata.normalize("NFC", text), how))


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
    )
    body = getattr(found, "text", None) or ""
    if not body.strip():
        raise UnreadableDocument(
            f"{path}: no article text found in this web page (is it the page of the article, "
            "saved as HTML?)"
        )
    lines = []
    title = (getattr(found, "title", None) or "").strip()
    if title and not body.lstrip().startswith(title):
        lines.append(title)
    published = getattr(found, "date", None) or ""
    day = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", published)
    if day:
        dated = f"{int(day[3])}/{int(day[2])}/{day[1]}"
        if dated not in body and f"{day[3]}/{day[2]}/{day[1]}" not in body:
            lines.append(dated)  # the page's date: the year of a period named without one
    lines.append(_markdown_tables(body))
    return "\n".join(lines), f"html ({used})"


def _markdown_tables(text: str) -> str:
    """Tables as trafilatura writes them ("| Cấp | Tiếp nhận |", "|---|---|") read as the
    lines of ``table_lines``, each under the line before the table as its caption."""
    out: list[str] = []
    rows: list[list[str]] = []
    caption = ""

    def flush() -> None:
        if rows:
            out.extend(table_lines(rows, caption))
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


def _docx_blocks(document: Any) -> Iterable[str]:
    """Paragraphs and tables of a DOCX body, in document order (``table_lines``); merged cells
    that repeat their text count once."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    caption = ""
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = Paragraph(child, document).text
            caption = text if text.strip() else caption
            yield text
        elif tag == "tbl":
            rows: list[list[str]] = []
            for row in Table(child, document).rows:
                cells: list[str] = []
                for cell in row.cells:
                    value = " ".join(cell.text.split())
                    if not cells or value != cells[-1]:
                        cells.append(value)
                rows.append(cells)
            yield from table_lines(rows, caption)


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
        pages = [_page_text(page) for page in reader.pages]
    except PdfReadError as exc:
        raise UnreadableDocument(f"{path}: not a readable PDF ({exc})") from exc
    text, rebuilt, tables = _reflow_around_tables([unicodedata.normalize("NFC", p) for p in pages])
    if sum(ch.isalpha() for ch in text) < _MIN_PDF_CHARACTERS:
        raise UnreadableDocument(
            f"{path}: the PDF has no text layer ({len(pages)} page(s) of images: a scan?); "
            "run OCR on it first, or give the report as .docx or .txt"
        )
    how = f"pdf ({len(pages)} page{'s' if len(pages) != 1 else ''})"
    return text, f"{how}; {rebuilt}" if rebuilt else how, tables


def _page_text(page: Any) -> str:
    """A PDF page's text: laid out as printed, so that a table keeps its columns (read by
    ``table_lines``); prose lines lose the spaces that justified them."""
    try:
        laid_out = page.extract_text(extraction_mode="layout") or ""
    except Exception:  # pypdf's layout mode fails on some fonts: plain order then
        return page.extract_text() or ""
    return _layout_tables(laid_out)


_COLUMNS = re.compile(r"\S(?:.*?\S)?(?=\s{2,}|$)")


def _layout_tables(text: str) -> str:
    """Lines of a laid-out page: a run of lines whose columns are set apart by two spaces or
    more, a head of labels over rows of figures, reads as a table; other lines as prose."""
    lines = text.split("\n")
    out: list[str] = []
    caption = ""
    i = 0
    while i < len(lines):
        head = [c.group() for c in _COLUMNS.finditer(lines[i].strip())]
        rows: list[list[str]] = []
        j = i + 1
        if len(head) >= 3 and not any(_CELL_NUMBER.match(c) for c in head):
            while j < len(lines):
                cells = [c.group() for c in _COLUMNS.finditer(lines[j].strip())]
                if len(cells) != len(head) or not any(_CELL_NUMBER.match(c) for c in cells):
                    break
                rows.append(cells)
                j += 1
        if rows:
            out.extend(table_lines([head, *rows], caption))
            i = j
            continue
        line = " ".join(lines[i].split())
        out.append(line)
        caption = line or caption
        i += 1
    return "\n".join(out)


_WRAPPED = re.compile(r"(?<=[^\s.!?:;|])[ \t]*\n[ \t]*(?=[a-zà-ỹđ0-9(%])")
_ENDS_MID_SENTENCE = re.compile(r"[a-zà-ỹđ,]\s*$")  # a lower-case word or a comma: it goes on
_STARTS_ITEM = re.compile(r"^\s*(?:[-+•*–]|\d{1,2}[.)]|[IVX]{1,4}\.|[a-zđ]\))\s")


def _reflow_around_tables(pages: Sequence[str]) -> tuple[str, str, tuple[tuple[int, int], ...]]:
    """The pages' text with the tables found one cell per line rebuilt (before any line is
    joined: a table may run on to the next page) and the lines a PDF wrapped joined around
    them (``_reflow``; a rebuilt line is never joined to another); what was rebuilt, and where
    the rebuilt tables stand in the text."""
    text = "\n".join(pages)
    pieces, rebuilt = rebuild_flattened(text)
    if not rebuilt:
        return _reflow(text), "", ()
    prose = [_WRAPPED.sub(" ", piece) for piece, table in pieces if not table]
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
    lines = _WRAPPED.sub(" ", text).split("\n")
    full = full if full is not None else _full_width(lines)
    if full is None:
        return text
    out: list[str] = []
    for line in lines:
        if (
            out
            and len(out[-1].rstrip()) >= 0.8 * full
            and _ENDS_MID_SENTENCE.search(out[-1])
            and line.strip()
            and not _STARTS_ITEM.match(line)
        ):
            out[-1] = out[-1].rstrip() + " " + line.lstrip()
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
