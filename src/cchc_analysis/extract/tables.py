"""Tables as the sentences the rules read, and tables that reach the reader flattened.

``table_lines`` turns a table (a head row of labels over rows of figures) into lines such as
"Cấp huyện: Tiếp nhận 120.500 hồ sơ; Đã giải quyết 118.000 hồ sơ." (DOCX, HTML and laid-out PDF
tables come this way). Where every figure column names a period ("NĂM 2014 Điểm", "Năm 2015"),
each row reads once per period, "Gia nhập thị trường NĂM 2014: Điểm 8.13; Hạng 43.", so that the
row's label is the cue and the column's period the figure's period.

``rebuild_flattened`` finds tables that arrive one cell per line (a web page saved as text, a
copy from a browser, some PDF text layers): a head of label cells (one row, or two such as years
over "Điểm"/"Hạng"), then rows of one label and the same number of figure cells. It rebuilds
each as ``table_lines`` writes it; whatever does not form such a table is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_CELL_NUMBER = re.compile(r"^[\d.,]+\s*%?$")
_UNIT_WORDS = re.compile(r"(?i)\b(?:hồ sơ|thủ tục|TTHC|nhiệm vụ|dịch vụ)\b")
_YEAR_CELL = re.compile(r"^(?:19|20)\d\d$")  # a year alone: a column's head, not a figure

# A period named in a column's head: "NĂM 2014", "Quý I/2024", "6 tháng đầu năm 2024", "2023".
_HEAD_PERIOD = re.compile(
    r"(?i)(?:(?:6|9|sáu|chín)\s+tháng(?:\s+(?:đầu|cuối))?(?:\s+năm)?\s+"
    r"|quý\s+(?:[IV]{1,3}|[1-4])\s*(?:/|[-–]|\s+năm\s+)\s*"
    r"|tháng\s+\d{1,2}\s*/\s*"
    r"|năm\s+)?"
    r"(?<!\d)(?:19|20)\d\d(?!\d)"
)
_YEAR_IN = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# A column of index scores: its dot is a decimal point ("64.500" is 64.5, never 64500).
_SCORE_HEAD = re.compile(r"(?i)\b(?:điểm|score|points?)\b")
_INDEX_CAPTION = re.compile(
    r"(?i)\b(?:PCI|PAPI|PAR[\s-]?INDEX|SIPAS|DDCI|ICT[\s-]?INDEX|DTI)\b|chỉ số thành phần"
)
_DECIMAL_POINT = re.compile(r"^\d+\.(?:\d{1,2}|\d{4,})\s*%?$")  # a dot no group can explain
_AMBIGUOUS_DOT = re.compile(r"^(\d{1,3})\.(\d{3})(\s*%?)$")  # "64.500": a group or a decimal


def _period_of(name: str) -> tuple[str, str] | None:
    """``(period text, the rest of the name)`` of a column head naming one period, or None
    (no year, or a span such as "2014-2018")."""
    if len(_YEAR_IN.findall(name)) != 1:
        return None
    match = _HEAD_PERIOD.search(name)
    if match is None:
        return None
    rest = (name[: match.start()] + " " + name[match.end() :]).strip(" -–:,")
    return match.group().strip(), " ".join(rest.split())


def _decimal_columns(
    header: Sequence[str], rows: Sequence[Sequence[str]], caption: str
) -> set[int]:
    """The columns whose dots are decimal points: a head naming scores ("Điểm"), a caption
    naming an index (PCI, PAPI, PAR INDEX, SIPAS), or a cell whose dot no thousands group
    explains ("8.1", "6.35"); never a column where a cell has two dots or a dot and a comma."""
    scores_by_caption = bool(_INDEX_CAPTION.search(caption))
    columns: set[int] = set()
    for j, name in enumerate(header):
        cells = [r[j].strip() for r in rows if j < len(r) and _CELL_NUMBER.match(r[j].strip())]
        if any(c.count(".") > 1 or ("." in c and "," in c) for c in cells):
            continue
        if (
            _SCORE_HEAD.search(name)
            or scores_by_caption
            or any(_DECIMAL_POINT.match(c) for c in cells)
        ):
            columns.add(j)
    return columns


def _as_written(value: str, decimal: bool) -> str:
    """A cell as the rules read it: in a column of decimals "64.500" is written "64,500" (the
    Vietnamese decimal comma), since the rules would read it as 64500."""
    if decimal:
        match = _AMBIGUOUS_DOT.match(value)
        if match:
            return f"{match[1]},{match[2]}{match[3]}"
    return value


def table_lines(rows: Sequence[Sequence[str]], caption: str = "") -> Iterable[str]:
    """The lines of a table: a row whose cells are labels heads the columns, and each row of
    figures below it reads as a sentence, "Cấp huyện: Tiếp nhận 98.310; Đã giải quyết 96.402."
    (the column's name is the figure's cue; "hồ sơ" follows each count when only the caption
    says what is counted); where each column names a period, a row reads once per period
    ("Gia nhập thị trường NĂM 2014: Điểm 8.13; Hạng 43."); a two-column table reads
    "label | value"."""
    unit = ""
    caption_unit = _UNIT_WORDS.search(caption)
    if caption_unit and caption_unit.group().lower() == "hồ sơ":
        unit = " hồ sơ"
    header: list[str] | None = None
    decimal: set[int] = set()
    periods: list[tuple[str, str] | None] = []
    for cells in rows:
        cells = list(cells)
        numbers = [bool(_CELL_NUMBER.match(c)) for c in cells]
        years_only = all(_YEAR_CELL.match(c) for c in cells if _CELL_NUMBER.match(c))
        if not any(numbers) or (header is None and years_only and sum(numbers) >= 2):
            header = cells if len(cells) > 2 else None
            if header is not None:
                same = [r for r in rows if len(r) == len(header)]
                decimal = _decimal_columns(header, same, caption)
                periods = [_period_of(name) for name in header]
            yield " | ".join(cells)
        elif header is not None and len(header) == len(cells) and not numbers[0]:
            named = any(_UNIT_WORDS.search(name) for name in header)
            parts = [
                (j, name, _as_written(value, j in decimal))
                for j, (name, value, is_number) in enumerate(
                    zip(header, cells, numbers, strict=True)
                )
                if j > 0 and is_number and name
            ]

            def said(name: str, value: str, named: bool = named) -> str:
                noun = "" if named or value.endswith("%") else unit
                return f"{name} {value}{noun}".strip()

            by_period = [periods[j] for j, _, _ in parts]
            distinct = {p[0].casefold() for p in periods[1:] if p is not None}
            if by_period and all(p is not None for p in periods[1:]) and len(distinct) >= 2:
                groups: dict[str, list[str]] = {}
                for (_, _, value), period in zip(parts, by_period, strict=True):
                    assert period is not None
                    groups.setdefault(period[0], []).append(said(period[1], value))
                for period_text, said_parts in groups.items():
                    yield f"{cells[0]} {period_text}: {'; '.join(said_parts)}."
            else:
                yield f"{cells[0]}: {'; '.join(said(name, value) for _, name, value in parts)}."
        else:
            yield " | ".join(cells)


# ---------------------------------------------------------------- tables flattened to one cell
_NUMBER_CELL = re.compile(r"^[+-]?\d[\d.,]*\s*%?$")
_EMPTY_CELL = re.compile(r"^[-–—]$")
_NOT_A_CELL = re.compile(r"(?i)^(?:bảng|biểu|hình|sơ đồ|nguồn|ghi chú)\b|[.!?:;,]$")
_MAX_LABEL = 80  # characters: a longer line is prose, not a cell
_MAX_WORDS = 12


@dataclass(frozen=True)
class _Cell:
    line: int  # index of its line in the text
    text: str  # stripped, spaces collapsed

    @property
    def is_figure(self) -> bool:
        return bool(_NUMBER_CELL.match(self.text) or _EMPTY_CELL.match(self.text))

    @property
    def is_year(self) -> bool:
        return bool(_YEAR_CELL.match(self.text))

    @property
    def is_label(self) -> bool:
        text = self.text
        return (
            not self.is_figure
            and len(text) <= _MAX_LABEL
            and len(text.split()) <= _MAX_WORDS
            and any(ch.isalpha() for ch in text)
            and not _NOT_A_CELL.search(text)
        )


@dataclass(frozen=True)
class _Flat:
    """A flattened table found: its cells ``first``…``last`` (indices into the cells), its head
    (label column's name and one name per figure column) and its rows."""

    first: int
    last: int
    head: list[str]
    rows: list[list[str]]


def _figures_after(cells: Sequence[_Cell], i: int, limit: int) -> int:
    """How many figure cells follow cell ``i`` (at most ``limit``)."""
    n = 0
    while n < limit and i + 1 + n < len(cells) and cells[i + 1 + n].is_figure:
        n += 1
    return n


def _head_names(head: Sequence[_Cell], k: int) -> tuple[int, list[str]] | None:
    """How many of the head cells before the first row (the last ones) head the table, and the
    label column's name and one name per figure column; None when no head fits.

    A head is one row (a name per figure column, with or without the label column's name) or
    two (``m`` group names, each over ``k // m`` columns, above ``k`` names that repeat the
    same pattern in every group: years over "Điểm", "Hạng"); the names must differ."""
    texts = [c.text for c in head]
    options: list[tuple[int, list[str]]] = []
    for m in range(2, k):  # two rows, the longest that fits first
        if k % m:
            continue
        span = k // m
        for with_label in (True, False):
            size = k + m + with_label
            if size > len(head):
                continue
            part = head[len(head) - size :]
            label = [part[0]] if with_label else []
            groups = part[with_label : with_label + m]
            subs = part[with_label + m :]
            if any(not c.is_label for c in [*label, *subs]):
                continue
            sub = [c.text for c in subs]
            if any(sub[j] != sub[j % span] for j in range(k)):
                continue  # sub-heads repeat in every group
            names = [f"{groups[j // span].text} {sub[j]}" for j in range(k)]
            options.append((size, [label[0].text if label else "", *names]))
    for with_label in (True, False):  # one row
        size = k + with_label
        if size <= len(head) and (not with_label or head[len(head) - size].is_label):
            names = texts[len(texts) - k :]
            options.append((size, [texts[-size] if with_label else "", *names]))
    for size, names in options:
        if len({n.casefold() for n in names[1:]}) == k:
            return size, names
    return None


def _flat_table_at(cells: Sequence[_Cell], i: int, floor: int) -> _Flat | None:
    """The flattened table whose first row starts at cell ``i`` (its label) and whose head
    starts no earlier than cell ``floor``, or None."""
    if not cells[i].is_label:
        return None
    k = _figures_after(cells, i, _MAX_WORDS * 4)
    if k < 2:
        return None
    rows: list[list[str]] = []
    complete = 0
    j = i
    while j < len(cells) and cells[j].is_label:
        n = _figures_after(cells, j, k + 1)
        if n == k:
            rows.append([cells[j].text, *(c.text for c in cells[j + 1 : j + 1 + k])])
            complete += 1
            j += 1 + k
        elif 0 < n < k and j + 1 + n == len(cells):
            # the text stops inside the table's last row (a page cut short): its first cells
            rows.append([cells[j].text, *(c.text for c in cells[j + 1 : j + 1 + n])])
            rows[-1] += [""] * (k - n)
            j += 1 + n
        else:
            break
    if complete < 2 and not (complete == 1 and k >= 3):
        return None
    first = i
    while first > floor and (cells[first - 1].is_label or cells[first - 1].is_year):
        first -= 1
        if i - first > 3 * k + 3:
            break
    head = _head_names(cells[first:i], k)
    if head is None:
        return None
    size, names = head
    return _Flat(first=i - size, last=j - 1, head=names, rows=rows)


def _cells(lines: Sequence[str]) -> list[_Cell]:
    return [_Cell(n, " ".join(line.split())) for n, line in enumerate(lines) if line.strip()]


def rebuild_flattened(text: str) -> tuple[list[tuple[str, bool]], int]:
    """The text in pieces ``(text, rebuilt)``: the tables found one cell per line rebuilt as
    ``table_lines`` writes them (``rebuilt`` True), the rest as it was; and how many tables
    were rebuilt. Joined with newlines, the pieces are the text as read."""
    lines = text.split("\n")
    cells = _cells(lines)
    tables: list[_Flat] = []
    i = 0
    while i < len(cells):
        found = _flat_table_at(cells, i, tables[-1].last + 1 if tables else 0)
        if found is not None:
            tables.append(found)
            i = found.last + 1
        else:
            i += 1
    pieces: list[tuple[str, bool]] = []
    line = 0
    for table in tables:
        start, end = cells[table.first].line, cells[table.last].line
        before = [c.text for c in cells if c.line < start]
        caption = before[-1] if before else ""
        if start > line:
            pieces.append(("\n".join(lines[line:start]), False))
        newline_end = "\r" if lines[end].endswith("\r") else ""
        rebuilt = [f"{out}{newline_end}" for out in table_lines([table.head, *table.rows], caption)]
        pieces.append(("\n".join(rebuilt), True))
        line = end + 1
    if line < len(lines) or not pieces:
        pieces.append(("\n".join(lines[line:]), False))
    return pieces, len(tables)


def with_flattened_tables(text: str, how: str) -> tuple[str, str]:
    """``(text, how)`` with the tables found one cell per line rebuilt, and ``how`` saying so."""
    pieces, count = rebuild_flattened(text)
    if not count:
        return text, how
    return "\n".join(piece for piece, _ in pieces), f"{how}; {rebuilt_note(count)}"


def rebuilt_note(count: int) -> str:
    return f"{count} table{'s' if count != 1 else ''} rebuilt from one cell per line"
