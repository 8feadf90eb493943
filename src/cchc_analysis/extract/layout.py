"""Tables in a PDF page's laid-out text (pypdf's layout mode): columns kept apart by two spaces
or more, a head of one to three lines, and rows whose label wraps over several lines ("Sở Tài
nguyên và" / "Môi trường") as an office's table prints them.

Each line is cut into spans of words; the row of figures with the most spans gives the columns,
and every span of every line goes to the column it overlaps most. A row is a line holding figures
(its anchor) with the label lines around it that hold none: a label line goes with the row above
(Word prints a cell's text from its top), unless it opens a unit's name ("Sở …", "UBND …",
"Huyện …"), then with the row below (a cell centred on its figures). The rows then read as
``tables.table_lines`` reads any table.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import NamedTuple

from cchc_analysis.extract.tables import (
    _CELL_NUMBER,
    _COLUMN_NUMBER,
    _YEAR_CELL,
    _column_name,
    table_lines,
)

_SPAN = re.compile(r"\S+(?: \S+)*")  # words set apart by single spaces: one cell's text
_MAX_HEAD_LINES = 8  # a form's head: groups over columns, names wrapped over lines
_MIN_COLUMNS = 3
# what a unit's name opens with, before a capitalised name ("Sở Lao động -", "Huyện Cẩm
# Xuyên"; not "Xã hội"): a label line starting so begins the next row's label
_OPENS_NAME = re.compile(
    r"(?:Sở|UBND|Ủy ban|Uỷ ban|Huyện|Quận|Thị xã|Thành phố|TP\.|Xã|Phường|Thị trấn|Đặc khu|"
    r"Trung tâm|Ban|Chi cục|Cục|Văn phòng|Bộ phận|Công an|Bảo hiểm|Kho bạc|Thanh tra|"
    r"Chi nhánh)\s+[^\W\d_](?<![a-zà-ỹđ])"
)

_Span = tuple[int, int, str]


# a figure written with a separator ("91,50", "12.345"): one a label's words never end on, so
# a single space or none before it is a column's gap the layout squeezed ("Quảng Ninh 91,50",
# "Quảng Ninh91,50")
_SQUEEZED_FIGURE = re.compile(r"(?<=[^\W\d_]) ?(\d{1,3}(?:[.,]\d+)+%?)$")


def _spans(line: str) -> list[_Span]:
    out: list[_Span] = []
    for m in _SPAN.finditer(line):
        start, text = m.start(), m.group()
        squeezed = _SQUEEZED_FIGURE.search(text)
        if squeezed is not None:
            out.append((start, start + squeezed.start(), text[: squeezed.start()]))
            out.append((start + squeezed.start(1), m.end(), squeezed.group(1)))
        else:
            out.append((start, m.end(), text))
    return out


def _figures(spans: Sequence[_Span]) -> int:
    return sum(1 for _, _, text in spans if _CELL_NUMBER.match(text))


def laid_out_tables(text: str) -> str:
    """The lines of a laid-out page with each table read as ``table_lines`` gives it (a row a
    line), other lines as prose (the spaces that justified them taken out, the lines of a
    justified paragraph joined)."""
    return _laid_out(text).text


def laid_out_pages(pages: Sequence[str]) -> list[str]:
    """Each laid-out page as ``laid_out_tables`` reads it; a page that opens on rows of the
    table that ended the page before (a table run on over a page break, its head printed once)
    is read under that table's head."""
    return laid_out_flow(pages)[0]


class Flow(NamedTuple):
    """Laid-out pages (``laid_out_pages``) and how their paragraphs run: for each page the
    line it leaves open ('' if none: a paragraph that goes on on the next page, when no line
    but running ones follows it), and whether its lines were set justified (then the
    paragraphs are already joined from the layout, and no other guess is needed)."""

    pages: list[str]
    open_lines: list[str]
    justified: bool


def laid_out_flow(pages: Sequence[str]) -> Flow:
    """Each laid-out page as ``laid_out_pages`` reads it, and how its paragraphs run."""
    out: list[str] = []
    open_lines: list[str] = []
    head: list[str] = []  # the head lines of the table that ended the page before
    caption = ""
    setting = _Setting()  # carried over to pages too short to tell
    for text in _rows_rejoined(pages):
        lines = text.split("\n")
        if head:
            at = _first_row(lines)
            printed = {" ".join(line.split()) for line in lines[: at or 0]}
            if at is not None and not all(" ".join(h.split()) in printed for h in head):
                lines = [*lines[:at], *head, *lines[at:]]  # unless the page prints it again
        page = _laid_out("\n".join(lines), caption, setting)
        if page.opens_paragraph and open_lines:
            open_lines[-1] = ""  # the page opens on a new paragraph: the last one ended
        out.append(page.text)
        open_lines.append(page.open_line)
        head, caption, setting = page.head, page.caption, page.setting
    return Flow(out, open_lines, setting.full > 0)


def _rows_rejoined(pages: Sequence[str]) -> list[str]:
    """The pages with the end of a table's row that broke over a page break put back under
    the row: a page whose table ends on a row, and the next page that opens (after its page
    number and the table's head repeated) on label lines before a row, the first of them no
    unit's name ("Thành" ending "UBND xã Cát" / "Thành"; "Sở Tài" would open the next row's
    label, as a cell centred on its figures prints it)."""
    out = [page.split("\n") for page in pages]
    for i in range(len(out) - 1):
        filled = [line for line in out[i] if line.strip()]
        if not filled or not any(_spaced_row(_spans(line)) for line in filled[-3:]):
            continue
        seen = {" ".join(line.split()) for line in filled}  # the head, printed again
        moved: list[int] = []
        for n, line in enumerate(out[i + 1]):
            spans = _spans(line)
            if not spans or (
                not moved and (" ".join(line.split()) in seen or _BARE_NUMBER.match(line))
            ):
                continue
            if _spaced_row(spans):
                break
            if (
                len(spans) != 1
                or _figures(spans)
                or len(moved) >= _MAX_LABEL_LINES
                or len(spans[0][2]) > _MAX_LABEL_CHARACTERS
                or _STARTS_ITEM.match(line)  # a heading ("II. …"), not a cell's words
            ):
                moved = []
                break
            moved.append(n)
        else:
            moved = []
        opening = out[i + 1][moved[0]].strip() if moved else ""
        if moved and not (_OPENS_NAME.match(opening) or _OPENS_COUNCIL.match(opening)):
            out[i].extend(out[i + 1][n] for n in moved)
            out[i + 1] = [line for n, line in enumerate(out[i + 1]) if n not in moved]
    return ["\n".join(lines) for lines in out]


_BARE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")  # a page's number
_MAX_LABEL_CHARACTERS = 40  # a line of a cell's words wrapped in its column, at most
# a people's committee of a place, its kind in lower case ("UBND xã Mỹ Hòa"): a unit's name
_OPENS_COUNCIL = re.compile(
    r"(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+"
    r"(?:xã|huyện|phường|thị trấn|thị xã|thành phố|quận|tỉnh|đặc khu)(?!\w)"
)
_GAP = re.compile(r"(?<=\S) +(?=\S)")
_LETTER = re.compile(r"[^\W\d_]")
_MIN_JUSTIFIED_WORDS = 4


def _justified(line: str) -> bool:
    """A line of a justified paragraph stretched to the margin: four words or more, most of
    them with letters, every gap between them two spaces or more and about as wide as the
    others (pypdf lays the stretch out as spaces, "The   province   has   taken"). Such a line
    is never a paragraph's last, and never a table's row (a row's cells hold single spaces or
    set figures apart by gaps of their own widths)."""
    words = line.split()
    gaps = [len(gap) for gap in _GAP.findall(line)]
    return (
        len(words) >= _MIN_JUSTIFIED_WORDS
        and min(gaps) >= 2
        and max(gaps) - min(gaps) <= 1
        and sum(1 for word in words if _LETTER.search(word)) >= 0.6 * len(words)
    )


_MAX_LINES_ABOVE_ROWS = 3  # a page's running head and a blank line, before its first row


def _first_row(lines: Sequence[str]) -> int | None:
    """The line a page's first row of figures stands on, when it comes before any prose (a
    running head above it is no prose), else None."""
    filled = [n for n, line in enumerate(lines) if line.strip()][: _MAX_LINES_ABOVE_ROWS + 1]
    for n in filled:
        spans = _spans(lines[n])
        if _figures(spans) and len(spans) >= _MIN_COLUMNS and _CELL_NUMBER.match(spans[-1][2]):
            return n
    return None


class _Page(NamedTuple):
    text: str  # the page as ``laid_out_tables`` gives it
    head: list[str]  # the head lines of a table that ends the page (none if prose follows)
    caption: str  # the last caption seen
    open_line: str  # the last line, if its paragraph goes on (see ``Flow``)
    opens_paragraph: bool  # the page's first line of text is indented: a new paragraph
    setting: _Setting  # how the text is set, as far as this page and those before tell


class _Setting(NamedTuple):
    """How a justified text is set: where its justified lines end in pypdf's columns of
    characters (no ruler: full lines end apart), the median and the farthest (0 when not
    known); and whether it indents its paragraphs' first lines."""

    full: int = 0
    widest: int = 0
    first_indents: bool = False


_MAX_HEAD_WORDS = 6  # words of a line that may be a table's head rather than justified prose
_FULL_LINE = 0.7  # of the margin's width: a line this long or longer may be a full one
_SENTENCE_END = re.compile(r"[.!?:;]\s*$")
_STARTS_ITEM = re.compile(r"^\s*(?:[-+•*–]|\d{1,2}[.)]|[IVX]{1,4}\.|[a-zđ]\))\s")


_TWO_COLUMNS = re.compile(r"\S {4,}\S")  # a line's two columns: a gap no justified line has
_BROKEN_AT_HYPHEN = re.compile(r"[^\W\d_]-$")  # "commune-" / "level": one word


def glued(line: str, going_on: str) -> str:
    """A line and the line it goes on on, joined: by a space, or by nothing after a word
    broken at its hyphen ("commune-" and "level": "commune-level"; "động -" keeps its space)."""
    line, going_on = line.rstrip(), going_on.strip()
    return f"{line}{'' if _BROKEN_AT_HYPHEN.search(line) else ' '}{going_on}"


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


_MIN_INDENTED_PARAGRAPHS = 1


def _flush_margin(lines: Sequence[str]) -> tuple[int, int] | None:
    """The right margin (median and farthest end, in pypdf's columns) of a text that indents
    its paragraphs' first lines, read from the lines that a line at the text's left edge goes
    on from; None when the page shows no such paragraphs. LibreOffice prints a justified line
    with single spaces between its words, so its stretch shows in no gap: only a paragraph's
    indented first line, then lines at the left edge, tell how its lines run. A table's rows
    and lines of two columns side by side count as no prose (a row's label wrapped in its
    cell is no first line)."""
    lines = [
        "" if _figures(_spans(line)) >= 2 or _TWO_COLUMNS.search(line.strip()) else line
        for line in lines
    ]
    filled = [line for line in lines if line.strip()]
    if len(filled) < 3:
        return None
    left = min(_indent(line) for line in filled)
    widest = max(len(line.rstrip()) for line in filled)
    # a line going on to one at the left edge, itself at the edge or a first line's indent
    ends = [
        len(a.rstrip())
        for a, b in pairwise(lines)
        if a.strip()
        and b.strip()
        and _indent(b) == left
        and not _STARTS_ITEM.match(b)
        and left <= _indent(a) <= left + 12
        and len(a.rstrip()) >= 0.6 * widest
    ]
    indented = sum(
        1
        for a, b in pairwise(lines)
        if left + 2 < _indent(a) <= left + 12 and _indent(b) == left and b.strip()
    )
    if indented < _MIN_INDENTED_PARAGRAPHS or not ends:
        return None
    ends.sort()
    return ends[len(ends) // 2], ends[-1]


def _laid_out(text: str, caption: str = "", setting: _Setting | None = None) -> _Page:
    """The page as ``laid_out_tables`` gives it, the lines of a justified paragraph joined.

    A justified line (``_justified``) always goes on on the next; where the page is set
    justified (the right ``margin`` known), so does a line that reaches near the margin
    (pypdf's columns of characters are no ruler: a full line may end short of it) when the
    page indents its paragraphs' first lines, or when it ends no sentence; the next line goes
    on from it unless a blank line parts them, or it opens a list's item, or it is indented
    (a new paragraph)."""
    lines = text.split("\n")
    justified = [
        _justified(line)
        # a table's head of a few one-word names evenly apart ("Tỉnh      Điểm      Hạng …")
        and not (len(line.split()) <= _MAX_HEAD_WORDS and _table_at(lines, k) is not None)
        for k, line in enumerate(lines)
    ]
    stretched = [len(line.rstrip()) for line, j in zip(lines, justified, strict=True) if j]
    setting = setting or _Setting()
    if stretched:
        setting = setting._replace(full=sorted(stretched)[len(stretched) // 2])
        setting = setting._replace(widest=max(stretched))
    elif not setting.full:
        flush = _flush_margin(lines)  # justified with single spaces (LibreOffice's export)
        if flush is not None:
            setting = setting._replace(full=flush[0], widest=flush[1], first_indents=True)
    margin = (setting.full, setting.widest)
    # the left edge of the text: where a line that goes on from a full one starts (a
    # paragraph's first line stands further in), else where most lines start
    after_full = [
        _indent(b)
        for a, b in pairwise(lines)
        if b.strip() and _FULL_LINE * margin[0] <= len(a.rstrip()) <= margin[1] + 2
    ]
    lefts = Counter(_indent(line) for line in lines if line.strip())
    body = (
        min(after_full) if margin[0] and after_full else lefts.most_common(1)[0][0] if lefts else 0
    )
    filled = [line for line in lines if line.strip()]
    first_indents = setting.first_indents or any(
        body + 2 < _indent(a) <= body + 12 and _indent(b) == body for a, b in pairwise(filled)
    )
    setting = setting._replace(first_indents=first_indents)

    def goes_on(k: int) -> bool:
        if justified[k]:
            return True
        right = len(lines[k].rstrip())
        if not margin[0] or not _FULL_LINE * margin[0] <= right <= margin[1] + 2:
            return False  # short, or past the margin: a running line in the page's margins
        if _indent(lines[k]) < body - 1:
            return False
        return first_indents or not _SENTENCE_END.search(lines[k])

    def continues(k: int) -> bool:
        return (
            _indent(lines[k]) <= body + 1
            and not _STARTS_ITEM.match(lines[k])
            # two columns side by side ("Nơi nhận:      KT. GIÁM ĐỐC"): a block of its own
            and (justified[k] or not _TWO_COLUMNS.search(lines[k].strip()))
        )

    # a justified line's words, one space apart: its stretched gaps are no table's columns
    lines = [
        line[: _indent(line)] + " ".join(line.split()) if j else line
        for line, j in zip(lines, justified, strict=True)
    ]
    out: list[str] = []
    head: list[str] = []
    going_on = False  # the line written last goes on on the next
    was_justified = False  # … because it is justified (whatever the next looks like)
    open_line = ""
    opens_paragraph: bool | None = None
    i = 0
    while i < len(lines):
        found = _table_at(lines, i)
        if found is not None:
            rows, end, head_end = found
            out.extend(table_lines(rows, caption))
            head = list(lines[i:head_end])
            i = end
            going_on = False
            opens_paragraph = False if opens_paragraph is None else opens_paragraph
            continue
        line = " ".join(lines[i].split())
        if line and opens_paragraph is None and _indent(lines[i]) >= body - 1:
            opens_paragraph = _indent(lines[i]) > body + 1
        if line and going_on and (was_justified or continues(i)):
            out[-1] = glued(out[-1], line)
            caption = out[-1]
            open_line = out[-1] if goes_on(i) else ""
        else:
            out.append(line)
            caption = line or caption
            if line and goes_on(i):
                open_line = line
        if line:
            head = []  # prose after the table: a table on the next page is another
        going_on = bool(line) and goes_on(i)
        was_justified = bool(line) and justified[i]
        i += 1
    return _Page("\n".join(out), head, caption, open_line, bool(opens_paragraph), setting)


def _table_at(lines: Sequence[str], i: int) -> tuple[list[list[str]], int, int] | None:
    """The table whose head starts on line ``i`` (its rows, head first; the line after it;
    the line after its head), or None."""
    first = _spans(lines[i])
    if len(first) < 2 or not _head_like(first):
        return None
    head_end = i + 1
    while (
        head_end < len(lines)
        and head_end - i < _MAX_HEAD_LINES
        and _head_like(_spans(lines[head_end]))
        and not _numbers_columns(_spans(lines[head_end]))
    ):
        head_end += 1
    j = head_end
    if j < len(lines) and _numbers_columns(_spans(lines[j])):
        j += 1  # "(1) (2) (3)": the columns' numbers under the head
    body: list[tuple[int, list[_Span]]] = []  # (line, spans) of anchors and label lines
    while j < len(lines):
        spans = _spans(lines[j])
        if not spans:
            if _row_follows(lines, j + 1):
                j += 1  # rows set apart by their cells' padding: a blank line between
                continue
            break
        body.append((j, spans))
        j += 1
    anchors = [k for k, (_, spans) in enumerate(body) if _figures(spans) and len(spans) >= 2]
    if not anchors or (_figures(body[0][1]) and anchors[0] > 0):
        return None  # the body opens on a row of figures or on a label of the first row
    template = max((body[k][1] for k in anchors), key=len)
    if len(template) < _MIN_COLUMNS:
        return None
    # where the figures start: after the label (a number before it numbers the rows)
    label = next((k for k, (_, _, text) in enumerate(template) if not _CELL_NUMBER.match(text)), 0)
    figures = [a for a, _, text in template[label + 1 :] if _CELL_NUMBER.match(text)]
    if not figures:
        return None
    first_figure = figures[0]
    last = anchors[-1]
    # label lines after the last row: only those holding a label's words (not prose)
    while last + 1 < len(body) and _is_label_line(body[last + 1][1], first_figure):
        last += 1
    body = body[: last + 1]
    if any(not _figures(spans) and not _is_label_line(spans, first_figure) for _, spans in body):
        return None  # a line of prose among the rows: not a table as laid out
    ranges = _column_ranges(template)
    head_lines = [_spans(line) for line in lines[i:head_end]]
    if len(head_lines) == 1:
        # one line of names, so no group over columns: each name is its column's (cut where
        # two names stand one space apart)
        spans = head_lines[0]
        spans = _by_column(spans, ranges) if len(spans) < len(ranges) else spans
        head = [""] * len(ranges)
        for span in spans:
            column = _column(span, ranges)
            head[column] = f"{head[column]} {span[2]}".strip()
    else:
        head = _head_names(head_lines, ranges, _column_edges(template), label + 1)
    if sum(1 for name in head if name) < _MIN_COLUMNS - 1:
        return None
    rows = [_row(body, k, ranges, anchors) for k in anchors]
    return [head, *rows], body[-1][0] + 1, head_end


def _spaced_row(spans: Sequence[_Span]) -> bool:
    """A line that is a row of figures in columns (a label, and figures in two columns or
    more after it)."""
    return len(spans) >= _MIN_COLUMNS and _figures(spans) >= _MIN_COLUMNS - 1


_MAX_LABEL_LINES = 4  # lines of a label wrapped above its row's figures


def _row_follows(lines: Sequence[str], k: int) -> bool:
    """Whether a row of figures in columns stands on line ``k``, or under a few lines of its
    label there (one cell of words each)."""
    for line in lines[k : k + _MAX_LABEL_LINES + 1]:
        spans = _spans(line)
        if _spaced_row(spans):
            return True
        if len(spans) != 1 or _figures(spans):
            return False
    return False


_WORD = re.compile(r"\S+")


def _by_column(spans: Sequence[_Span], ranges: Sequence[_Range]) -> list[_Span]:
    """A head line's spans cut where a span's words fall in different columns ("STT Tỉnh,
    thành phố" over the numbers' and the names' columns, one space apart); a name's last word
    in lower case that reaches past its column, before the next name's capital ("Điểm đạt
    được Xếp hạng"), stays with its name."""
    words: list[_Span] = [
        (start + m.start(), start + m.end(), m.group())
        for start, _, text in spans
        for m in _WORD.finditer(text)
    ]
    columns = [_column(word, ranges) for word in words]
    for i in range(len(words) - 2):
        if (
            columns[i] != columns[i + 1] == columns[i + 2]
            and words[i + 1][2][:1].islower()
            and words[i + 2][2][:1].isupper()
            and words[i + 1][0] - words[i][1] <= 1
        ):
            columns[i + 1] = columns[i]
    out: list[tuple[int, int, str, int]] = []  # a span and its column
    for word, column in zip(words, columns, strict=True):
        if out and out[-1][3] == column and word[0] - out[-1][1] <= 1:
            a, _, joined, _ = out[-1]
            out[-1] = (a, word[1], f"{joined} {word[2]}", column)
        else:
            out.append((*word, column))
    return [(a, b, text) for a, b, text, _ in out]


def _head_like(spans: Sequence[_Span]) -> bool:
    """A line that can be part of a table's head: words without figures, no sentence; or a
    label over years ("Year 2022 2021 2020 …": the years name the columns)."""
    if not spans:
        return False
    years = sum(1 for _, _, text in spans if _YEAR_CELL.match(text))
    if _figures(spans) and not (years >= 2 and _figures(spans) == years):
        return False
    return not (len(spans) == 1 and len(spans[0][2]) > 60)


def _numbers_columns(spans: Sequence[_Span]) -> bool:
    """The row that numbers a form's columns: "(1) (2) (3) …", "A B 1 2 …"."""
    return len(spans) >= _MIN_COLUMNS and all(_COLUMN_NUMBER.match(t) for _, _, t in spans)


@dataclass
class _HeadCell:
    """A cell of a table's head: the columns it stands over, its first and last line, its
    words."""

    columns: set[int]
    top: int
    bottom: int
    text: str
    centre: float = 0.0  # where its words stand on the line: a group is centred over its columns


_MAX_SPLITS = 4096  # ways to share the columns out among a line's groups, at most
_CENTRED = 2.0  # columns of characters: two lines of one centred name stand this close


def _uncontested(placed: Sequence[tuple[_HeadCell, dict[int, float]]]) -> None:
    """A head line's cells without the columns they only brush where another cell on the line
    stands over them ("Kỳ trước chuyển" set wider than its column's figures reaches into the
    column of "Trực tuyến" beside it): a cell keeps the column it overlaps most. ``placed``
    holds each cell with its overlap of every column."""
    for cell, overlap in placed:
        if len(cell.columns) < 2:
            continue
        best = max(cell.columns, key=lambda k: overlap[k])
        contested = {k for other, _ in placed if other is not cell for k in other.columns}
        cell.columns -= contested - {best}


def _column_edges(template: Sequence[_Span]) -> list[tuple[float, float]]:
    """Where each column starts and ends on the line: halfway to the next column's figures
    (the first from its own figures' start, the last to its own figures' end)."""
    bounds = [(template[k][1] + template[k + 1][0]) / 2 for k in range(len(template) - 1)]
    return list(zip([template[0][0], *bounds], [*bounds, template[-1][1]], strict=True))


def _spread_groups(
    cells: list[_HeadCell], edges: Sequence[tuple[float, float]], first_figures: int
) -> None:
    """Widen each group on a head's first line (a cell with cells under it) over the columns
    next to it that nothing on that line heads but something under it does ("Tiếp nhận"
    centred over "Tổng số", "Trực tuyến", "Kỳ trước chuyển qua": its words overlap the middle
    column only), the columns shared out so that each group stands at the middle of its own;
    a column no group needs to stand centred stays out, and no group stands over the rows'
    numbers and labels (columns before ``first_figures``: "STT", "Đơn vị", set lower, centred
    down the head)."""
    n = 0
    on_line = [c for c in cells if c.top <= n <= c.bottom]
    taken = {k for c in on_line for k in c.columns}
    below = {k for c in cells if c.top > n for k in c.columns}
    groups = [
        c
        for c in on_line
        if c.top == n and any(d.top > c.bottom and d.columns & c.columns for d in cells)
    ]
    orphans = sorted(k for k in below - taken if k >= first_figures)
    if not groups or not orphans:
        return
    owner = {k: c for c in on_line for k in c.columns}  # a column's cell on the line
    # runs of orphan columns, each with the group (or None) on its left and on its right
    runs: list[tuple[list[int], _HeadCell | None, _HeadCell | None]] = []
    for k in orphans:
        if runs and runs[-1][0][-1] == k - 1:
            runs[-1][0].append(k)
            continue
        left = owner.get(k - 1)
        runs.append(([k], left if left in groups else None, None))
    runs = [
        (run, left, owner.get(run[-1] + 1) if owner.get(run[-1] + 1) in groups else None)
        for run, left, _ in runs
    ]
    options = [range(len(run) + 1) for run, _, _ in runs]  # how many go to the left group
    if 1 + sum(len(run) for run, _, _ in runs) > 64 or len(runs) > 12:
        return
    best: tuple[float, dict[int, set[int]]] | None = None
    for split in _splits(options):
        extents = {id(g): set(g.columns) for g in groups}
        for (run, left, right), cut in zip(runs, split, strict=True):
            if left is not None:
                extents[id(left)] |= set(run[:cut])
            elif cut:
                continue  # no group on the left: those columns stay unclaimed
            if right is not None:
                extents[id(right)] |= set(run[cut:])
        cost = sum(
            abs((edges[min(extents[id(g)])][0] + edges[max(extents[id(g)])][1]) / 2 - g.centre)
            + 0.01 * len(extents[id(g)])  # of two ways as good, the narrower groups
            for g in groups
        )
        if best is None or cost < best[0]:
            best = (cost, extents)
    if best is not None:
        for g in groups:
            g.columns = best[1][id(g)]


def _splits(options: Sequence[range]) -> list[tuple[int, ...]]:
    """Every choice of one value from each range (at most ``_MAX_SPLITS``)."""
    out: list[tuple[int, ...]] = [()]
    for values in options:
        out = [(*done, v) for done in out for v in values][:_MAX_SPLITS]
    return out


def _head_names(
    head: Sequence[Sequence[_Span]],
    ranges: Sequence[_Range],
    edges: Sequence[tuple[float, float]] = (),
    first_figures: int = 0,
) -> list[str]:
    """One name per column from a head of one line or several: a head cell's words stacked
    over lines join; a cell over several columns (a group: "Số hồ sơ đã giải quyết" over
    "Tổng số", "Trả quá hạn") names each column it stands over, as far as the cells right
    under it reach; each column is then named by its stacked cells (``_column_name``)."""
    lines: list[list[_HeadCell]] = []  # each line's cells, before any is stacked
    for n, spans in enumerate(head):
        lines.append([])
        placed: list[tuple[_HeadCell, dict[int, float]]] = []
        for start, end, text in spans:
            overlap = {k: min(end, b) - max(start, a) for k, (a, b) in enumerate(ranges)}
            columns = {k for k, width in overlap.items() if width > 0.5}
            if columns:
                placed.append((_HeadCell(columns, n, n, text, (start + end) / 2), overlap))
        _uncontested(placed)
        lines[-1].extend(cell for cell, _ in placed)
    if edges and len(lines) > 1:  # before names stack: a group's words over one column's name
        _spread_groups([c for line in lines for c in line], edges, first_figures)
    cells: list[_HeadCell] = []
    for n, line in enumerate(lines):
        for cell in line:
            # the line above's cell over the same columns; or over more, when this cell stands
            # alone under it, centred as it is (a group's name wrapped: "Đang giải" / "quyết",
            # not a sub-head)
            above = next(
                (
                    c
                    for c in cells
                    if c.bottom == n - 1
                    and (
                        c.columns == cell.columns
                        or (
                            cell.columns < c.columns
                            and abs(cell.centre - c.centre) <= _CENTRED
                            and not any(o is not cell and o.columns & c.columns for o in line)
                        )
                    )
                ),
                None,
            )
            if above is not None:
                above.bottom, above.text = n, f"{above.text} {cell.text}"
            else:
                cells.append(cell)
    for cell in sorted(cells, key=lambda c: -c.top):  # lower groups first
        if len(cell.columns) > 1:
            for under in cells:
                if under.top == cell.bottom + 1 and under.columns & cell.columns:
                    cell.columns |= under.columns
    in_order = sorted(cells, key=lambda c: c.top)
    return [_column_name([c.text for c in in_order if k in c.columns]) for k in range(len(ranges))]


def _is_label_line(spans: Sequence[_Span], first_figure: int) -> bool:
    """A line holding only the words of label cells (left of the figures)."""
    return bool(spans) and not _figures(spans) and all(end <= first_figure for _, end, _ in spans)


_Range = tuple[float, float]


def _column_ranges(template: Sequence[_Span]) -> list[_Range]:
    """Each column's stretch of the line: from halfway after the column before it to halfway
    before the next (the first and last open-ended)."""
    bounds = [(template[k][1] + template[k + 1][0]) / 2 for k in range(len(template) - 1)]
    return list(zip([float("-inf"), *bounds], [*bounds, float("inf")], strict=True))


def _column(span: _Span, ranges: Sequence[_Range]) -> int:
    """The column a span overlaps most."""
    start, end, _ = span
    return max(range(len(ranges)), key=lambda k: min(end, ranges[k][1]) - max(start, ranges[k][0]))


def _row(
    body: Sequence[tuple[int, list[_Span]]],
    k: int,
    ranges: Sequence[_Range],
    anchors: Sequence[int],
) -> list[str]:
    """The cells of the row anchored on ``body[k]``, its label lines joined to their columns."""
    at = anchors.index(k)
    previous = anchors[at - 1] if at else -1
    following = anchors[at + 1] if at + 1 < len(anchors) else len(body)
    before = _label_lines_of_next(body, previous, k)
    below = _label_lines_of_next(body, k, following) if following < len(body) else []
    after = [m for m in range(k + 1, following) if m not in below]
    cells = [""] * len(ranges)
    for m in [*before, k, *after]:
        for span in body[m][1]:
            column = _column(span, ranges)
            cells[column] = f"{cells[column]} {span[2]}".strip()
    return cells


def _label_lines_of_next(body: Sequence[tuple[int, list[_Span]]], a: int, b: int) -> list[int]:
    """Of the label lines between two rows, those that belong to the lower one: from the first
    that opens a unit's name on, or that a blank line parts from the row above (rows set apart
    by their cells' padding); all of them above the first row."""
    between = list(range(a + 1, b))
    if a < 0:
        return between
    for n, m in enumerate(between):
        label = min(body[m][1])[2]
        if _OPENS_NAME.match(label) or body[m][0] > body[m - 1][0] + 1:
            return between[n:]
    return []
