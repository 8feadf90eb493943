"""Do the same figures come out of a report whatever format it arrives in?

For each saved text of the DEVELOPMENT half of the real benchmark (``extraction_real``: a text
is dev when the first 8 hex digits of its name are even; the held-out half is never opened),
this builds the same text as

- a saved web page: the first line as the headline (``<h1>``; a ``<p>`` when longer than 150
  characters: a text saved as an excerpt opens on a paragraph), every other line a ``<p>`` in an
  ``<article>``, inside a page with a header menu, a sidebar of related links (with figures of
  their own) and a footer with address, phone and copyright;
- a DOCX (python-docx) set as an office sets a report (``tests.office_docs.office_style``:
  A4, Times New Roman 14 pt, justified, first lines indented, page numbers): the first line as
  a bold centred title (as above), every other line a paragraph;
- a PDF printed by headless Chromium (A4, justified serif text with first lines indented,
  pages breaking where they fall) from the article as a report prints: headline, paragraphs
  and tables, no page furniture; and a second PDF (``ragged.pdf``) as a browser prints a news
  page: ragged right, no indent, sans-serif;
- ``office.pdf``: the DOCX exported by LibreOffice (``soffice --headless --convert-to pdf``),
  skipped with a message when LibreOffice is not installed;

and runs ``extract_files`` on the .txt and on each of them. Lines that look like the rows of a
table become a real table (``<table>``, a Word table) in every derived format: a line whose
cells stand between bars ("Cấp tỉnh | 98.310 | 96.402 |"), between tabs, or apart by two runs
or more of two spaces or more with every cell short (at most 40 characters: longer is a
sentence spaced by hand), giving two cells at least; two such lines in a row at least form a
table (a lone one, "17/05/2022 | 12:00 AM", is a page's date bar: it stays a paragraph).
Blank lines are left out of the derived formats (a page or a document spaces its paragraphs).

It prints, per format: texts compared, texts whose (indicator, value, scope) sets are
identical, figures only in the .txt (lost), figures only in the format (gained), and the worst
texts by lost + gained (file hash only, never the text). Run::

    .venv/bin/python benchmarks/extraction_formats.py --texts DIR [DIR ...] [--sample N]

Without ``--texts`` it runs on the report texts written for the tests
(``tests/fixtures/extract/inputs``). ``--diff`` lists the differing figures of each text (dev
texts only); ``--keep DIR`` keeps the derived files for a look.
"""

from __future__ import annotations

import argparse
import base64
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from html import escape
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # tests.chromium: the DevTools driver of the browser tests

FORMATS = ("html", "docx", "pdf", "ragged.pdf", "office.pdf")
_NAME = re.compile(r"[0-9a-f]{12}\.txt")
_SPACED_GAP = re.compile(r"(?<=\S)(?: {2,}|\t)(?=\S)")
_MAX_SPACED_CELL = 40
MAX_HEADLINE = 150  # characters: a longer first line is the first paragraph of an excerpt

Figure = tuple[str, float, str]


def is_dev(path: Path) -> bool:
    """True for a text of the development half: the first 8 hex digits of its name are even."""
    return int(path.name[:8], 16) % 2 == 0


def dev_texts(folders: Sequence[Path]) -> list[Path]:
    """The dev texts in the folders (``<12 hex>.txt``), sorted by name; others are not opened."""
    found = {p.name: p for folder in folders for p in folder.iterdir() if _NAME.fullmatch(p.name)}
    return [found[name] for name in sorted(found) if is_dev(found[name])]


def table_cells(line: str) -> list[str] | None:
    """The cells of a line that looks like a table's row, else None: cells between bars or
    tabs, or set apart by two runs or more of two spaces or more, each at most 40 characters;
    two cells at least."""
    stripped = line.strip()
    if stripped.count("|") >= 2 or (stripped.count("|") == 1 and " | " in stripped):
        inner = stripped[1:] if stripped.startswith("|") else stripped
        inner = inner[:-1] if inner.endswith("|") else inner
        cells = [" ".join(c.split()) for c in inner.split("|")]
    elif "\t" in stripped:
        cells = [" ".join(c.split()) for c in stripped.split("\t")]
    elif len(_SPACED_GAP.findall(stripped)) >= 2:
        cells = [" ".join(c.split()) for c in _SPACED_GAP.split(stripped)]
        if any(len(c) > _MAX_SPACED_CELL for c in cells):
            return None
    else:
        return None
    if re.fullmatch(r"[\s|:-]*", stripped):
        return None  # a Markdown rule of dashes
    return cells if sum(1 for c in cells if c) >= 2 else None


def blocks(text: str) -> list[str | list[list[str]]]:
    """The text's non-blank lines as paragraphs (str) and tables (rows of cells, as wide as the
    widest row): two table-like lines in a row at least; one alone ("17/05/2022 | 12:00 AM",
    "Tiếng Việt | English": a page's date or language bar) stays a paragraph as written."""
    runs: list[str | list[tuple[list[str], str]]] = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        if re.fullmatch(r"\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*", line):
            continue  # the rule under a Markdown head: no row of its own
        cells = table_cells(line)
        if cells is None:
            runs.append(line.strip())
        elif runs and isinstance(runs[-1], list):
            runs[-1].append((cells, line.strip()))
        else:
            runs.append([(cells, line.strip())])
    out: list[str | list[list[str]]] = []
    for run in runs:
        if isinstance(run, str) or len(run) == 1:
            out.append(run if isinstance(run, str) else run[0][1])
            continue
        width = max(len(cells) for cells, _ in run)
        out.append([cells + [""] * (width - len(cells)) for cells, _ in run])
    return out


def _article(parts: Sequence[str | list[list[str]]]) -> str:
    html = []
    for n, block in enumerate(parts):
        if isinstance(block, str):
            tag = "h1" if n == 0 and len(block) <= MAX_HEADLINE else "p"
            html.append(f"<{tag}>{escape(block)}</{tag}>")
        else:
            rows = "".join(
                "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in block
            )
            # a wide table set smaller, as a report sets it to fit the page
            size = "" if len(block[0]) <= 8 else ' style="font-size: 7pt"'
            html.append(f"<table{size}>{rows}</table>")
    return "\n".join(html)


_NAV = ["Trang chủ", "Giới thiệu", "Tin tức - Sự kiện", "Cải cách hành chính", "Văn bản", "Liên hệ"]
_RELATED = [
    "Năm 2023, toàn tỉnh tiếp nhận hơn 52.000 hồ sơ trực tuyến",
    "Chỉ số SIPAS năm 2022 đạt 84,5%: người dân hài lòng hơn",
    "Hội nghị triển khai nhiệm vụ cải cách hành chính 6 tháng cuối năm",
    "Rà soát, đơn giản hóa 120 thủ tục hành chính nội bộ",
]


def web_page(text: str) -> str:
    """A saved news page holding the text as its article, with the furniture of a real one."""
    parts = blocks(text)
    title = parts[0] if parts and isinstance(parts[0], str) else "Tin tức"
    nav = "".join(f'<li><a href="/muc/{n}">{escape(name)}</a></li>' for n, name in enumerate(_NAV))
    related = "".join(
        f'<li><a href="/tin/{n}.html">{escape(name)}</a></li>' for n, name in enumerate(_RELATED)
    )
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<title>{escape(title)} - Cổng thông tin điện tử</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body>
<header><div class="logo"><a href="/">Cổng thông tin điện tử</a></div>
<nav><ul>{nav}</ul></nav>
<form action="/tim-kiem"><input name="q" placeholder="Tìm kiếm"></form></header>
<div class="container"><main>
<div class="breadcrumb"><a href="/">Trang chủ</a> &gt; <a href="/muc/3">Cải cách hành chính</a>
</div>
<article class="detail">
{_article(parts)}
</article>
<div class="share">Chia sẻ: <a href="#">Facebook</a> <a href="#">Zalo</a> <a href="#">In</a></div>
</main>
<aside><h3>Tin liên quan</h3><ul>{related}</ul>
<h3>Liên kết</h3><ul><li><a href="/dvc">Cổng dịch vụ công</a></li>
<li><a href="/vb">Hệ thống văn bản điều hành</a></li></ul></aside></div>
<footer><p>Cơ quan chủ quản: Văn phòng Ủy ban nhân dân tỉnh</p>
<p>Địa chỉ: Số 18 đường Trần Hưng Đạo, phường 1 - Điện thoại: 0277.3851.234 - Fax: 0277.3852.345
</p><p>© Bản quyền 2024 thuộc Cổng thông tin điện tử tỉnh. Ghi rõ nguồn khi phát hành lại.</p>
</footer></body></html>
"""


def printed_page(text: str, justified: bool = True) -> str:
    """The article as a report prints: A4, justified serif text with first lines indented,
    bordered tables; not ``justified``: as a browser prints a news page (ragged right, no
    indent, sans-serif)."""
    font, align, indent = (
        ("DejaVu Serif", "justify", "1cm") if justified else ("DejaVu Sans", "left", "0")
    )
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><style>
@page {{ size: A4; margin: 2cm 1.5cm 2cm 3cm; }}
body {{ font-family: "{font}", serif; font-size: 13pt; line-height: 1.35; text-align: {align}; }}
h1 {{ font-size: 14pt; text-align: center; }}
p {{ margin: 0 0 6pt 0; text-indent: {indent}; }}
table {{ border-collapse: collapse; width: 100%; font-size: 11pt; text-align: left; }}
td {{ border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; }}
</style></head><body>
{_article(blocks(text))}
</body></html>
"""


def write_docx(text: str, path: Path) -> Path:
    """The text as a DOCX set as an office sets a report (A4, Times New Roman 14 pt, justified,
    first lines indented, page numbers from page 2: ``tests.office_docs.office_style``): the
    first line a bold title, then paragraphs and Word tables."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt
    from tests.office_docs import office_style, set_column_widths

    document = docx.Document()
    office_style(document)
    for n, block in enumerate(blocks(text)):
        if isinstance(block, str):
            paragraph = document.add_paragraph()
            run = paragraph.add_run(block)
            run.bold = n == 0 and len(block) <= MAX_HEADLINE
            if run.bold:  # a title: centred, no first-line indent
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                paragraph.paragraph_format.first_line_indent = Cm(0)
        else:
            table = document.add_table(rows=len(block), cols=len(block[0]))
            table.style = "Table Grid"
            # a wide table set smaller, as a report sets it to fit the page (as printed above)
            size = Pt(11 if len(block[0]) <= 8 else 7 if len(block[0]) <= 12 else 6)
            # the label column as wide as its names need, the figures' columns sharing the rest
            # (python-docx gives every column the same width, which wraps names letter by letter)
            label, page = (4.0 if len(block[0]) <= 8 else 2.4), 16.5
            widths = [label] + [(page - label) / (len(block[0]) - 1)] * (len(block[0]) - 1)
            set_column_widths(table, widths)
            for i, row in enumerate(block):
                for j, value in enumerate(row):
                    cell = table.cell(i, j)
                    cell.text = value
                    for paragraph in cell.paragraphs:
                        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
                        paragraph.paragraph_format.first_line_indent = Cm(0)
                        for run in paragraph.runs:
                            run.font.size = size
    document.save(str(path))
    return path


def print_pdfs(pages: Sequence[tuple[Path, Path]]) -> float:
    """Print each (html, pdf) pair with one headless Chromium (A4, no running heads); return
    the seconds it took."""
    from tests.chromium import Chromium, find_chromium

    browser = find_chromium()
    if browser is None:
        raise SystemExit("no Chromium to print PDFs with (/usr/bin/chromium)")
    began = time.perf_counter()
    with tempfile.TemporaryDirectory() as profile:
        chromium = Chromium(browser, Path(profile), timeout=120)
        try:
            for html, pdf in pages:
                target = chromium.send("Target.createTarget", {"url": "about:blank"}, False)
                attached = chromium.send(
                    "Target.attachToTarget",
                    {"targetId": target["targetId"], "flatten": True},
                    False,
                )
                chromium.session = attached["sessionId"]
                chromium.send("Page.enable")
                chromium.send("Page.navigate", {"url": html.as_uri()})
                chromium.wait_for("Page.loadEventFired")
                printed = chromium.send(
                    "Page.printToPDF",
                    {"preferCSSPageSize": True, "displayHeaderFooter": False},
                )
                pdf.write_bytes(base64.b64decode(printed["data"]))
                chromium.session = None
                chromium.send("Target.closeTarget", {"targetId": target["targetId"]}, False)
                chromium._events.clear()
        finally:
            chromium.close()
    return time.perf_counter() - began


def export_office_pdfs(documents: Sequence[Path], work: Path) -> float:
    """Export each DOCX to ``<stem>.office.pdf`` with LibreOffice (one ``soffice`` call for
    all: it starts once); return the seconds it took."""
    from tests.office_docs import office_pdfs

    began = time.perf_counter()
    exported = office_pdfs(documents, work / "office")
    for pdf in exported:
        pdf.replace(work / f"{pdf.stem}.office.pdf")
    return time.perf_counter() - began


def figures_of(path: Path) -> set[Figure] | None:
    """The (indicator, value, scope) of every figure extracted from one file; None when the
    file could not be read."""
    from cchc_analysis.extract import extract_files

    result = extract_files([path])
    if result.unreadable:
        return None
    return {(f.indicator, f.value, f.scope) for f in result.figures + result.subunits}


def compare(
    texts: Sequence[Path], work: Path, diff: bool = False, formats: Sequence[str] = FORMATS
) -> dict:
    """Build the formats of every text in ``work``, extract all, and count the differences."""
    built: dict[str, float] = Counter()
    began = time.perf_counter()
    for path in texts:
        text = path.read_text(encoding="utf-8")
        stem = path.stem
        (work / f"{stem}.html").write_text(web_page(text), encoding="utf-8")
        (work / f"{stem}.print.html").write_text(printed_page(text), encoding="utf-8")
        ragged = printed_page(text, justified=False)
        (work / f"{stem}.ragged.html").write_text(ragged, encoding="utf-8")
        write_docx(text, work / f"{stem}.docx")
    built["html+docx"] = time.perf_counter() - began
    pages: list[tuple[Path, Path]] = []
    if "pdf" in formats:
        pages += [(work / f"{p.stem}.print.html", work / f"{p.stem}.pdf") for p in texts]
    if "ragged.pdf" in formats:
        pages += [(work / f"{p.stem}.ragged.html", work / f"{p.stem}.ragged.pdf") for p in texts]
    built["pdf"] = print_pdfs(pages) if {"pdf", "ragged.pdf"} & set(formats) else 0.0
    if "office.pdf" in formats:
        built["office.pdf"] = export_office_pdfs([work / f"{p.stem}.docx" for p in texts], work)
    stats = {fmt: Counter() for fmt in formats}
    offenders: dict[str, Counter] = {fmt: Counter() for fmt in formats}
    seconds: Counter = Counter()
    for path in texts:
        began = time.perf_counter()
        plain = figures_of(path) or set()
        seconds["txt"] += time.perf_counter() - began
        for fmt in formats:
            began = time.perf_counter()
            derived = figures_of(work / f"{path.stem}.{fmt}")
            seconds[fmt] += time.perf_counter() - began
            s = stats[fmt]
            s["texts"] += 1
            s["figures in .txt"] += len(plain)
            if derived is None:
                s["unreadable"] += 1
                derived = set()
            lost, gained = plain - derived, derived - plain
            s["identical"] += not lost and not gained
            s["lost"] += len(lost)
            s["gained"] += len(gained)
            if lost or gained:
                offenders[fmt][path.stem] = len(lost) + len(gained)
            if diff and (lost or gained):
                print(f"{fmt} {path.stem}: lost {sorted(lost)} gained {sorted(gained)}")
    return {"stats": stats, "offenders": offenders, "seconds": seconds, "built": built}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", type=Path, nargs="+", help="folder(s) of saved texts")
    parser.add_argument("--sample", type=int, help="the first N dev texts by name only")
    parser.add_argument("--only", nargs="+", help="these dev texts only (file hashes)")
    parser.add_argument("--diff", action="store_true", help="list the differing figures")
    parser.add_argument("--keep", type=Path, help="keep the derived files in this folder")
    parser.add_argument(
        "--formats", nargs="+", choices=FORMATS, default=list(FORMATS), help="these formats only"
    )
    args = parser.parse_args(argv)
    if args.texts:
        if not all(folder.is_dir() for folder in args.texts):
            parser.error("--texts must name folders holding the saved texts")
        texts = dev_texts(args.texts)
        where = f"dev texts of {len(args.texts)} folder(s)"
    else:
        texts = sorted((REPO / "tests" / "fixtures" / "extract" / "inputs").glob("*.txt"))
        where = "report texts written for the tests"
    if args.only:
        texts = [p for p in texts if p.stem in set(args.only)]
    if args.sample:
        texts = texts[: args.sample]
    if not texts:
        parser.error("no texts to compare")
    if "office.pdf" in args.formats:
        from tests.office_docs import find_soffice

        if find_soffice() is None:
            print("office.pdf skipped: LibreOffice (soffice) is not installed", file=sys.stderr)
            args.formats = [f for f in args.formats if f != "office.pdf"]
    with tempfile.TemporaryDirectory() as scratch:
        work = args.keep or Path(scratch)
        work.mkdir(parents=True, exist_ok=True)
        result = compare(texts, work, args.diff, args.formats)
    print(
        f"{len(texts)} {where}; built HTML+DOCX in {result['built']['html+docx']:.1f} s, "
        f"printed PDFs in {result['built']['pdf']:.1f} s"
        + (
            f", exported office PDFs in {result['built']['office.pdf']:.1f} s"
            if "office.pdf" in result["built"]
            else ""
        )
    )
    print("extraction took " + ", ".join(f"{k} {v:.1f} s" for k, v in result["seconds"].items()))
    print(f"{'format':10} {'texts':>6} {'identical':>10} {'figures':>8} {'lost':>6} {'gained':>7}")
    for fmt in args.formats:
        s = result["stats"][fmt]
        print(
            f"{fmt:10} {s['texts']:>6} {s['identical']:>10} {s['figures in .txt']:>8} "
            f"{s['lost']:>6} {s['gained']:>7}"
            + (f"  unreadable {s['unreadable']}" if s["unreadable"] else "")
        )
    for fmt in args.formats:
        worst = result["offenders"][fmt].most_common(8)
        if worst:
            print(f"{fmt} worst: " + ", ".join(f"{stem} {n}" for stem, n in worst))
    return 0


if __name__ == "__main__":
    sys.exit(main())
