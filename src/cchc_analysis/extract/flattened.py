"""Tables that reach the reader flattened, rebuilt as the sentences the rules read.

``rebuild_flattened`` finds tables that arrive one cell per line (a web page saved as text, a
copy from a browser, some PDF text layers) or one row per line (cells between tabs or bars, or a
label and its figures under a head naming periods): a head of label cells (one row, or two such
as years over "Điểm"/"Hạng"), then rows of one label and the same number of cells. It rebuilds
each as ``tables.table_lines`` writes it; whatever does not form such a table is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from importlib import resources
from itertools import pairwise

from cchc_analysis.extract.language import ENGLISH, detect_language
from cchc_analysis.extract.patterns import fold
from cchc_analysis.extract.table_names import _PART_HEAD, _PLACE_HEAD, distinct_names
from cchc_analysis.extract.tables import (
    _EMPTY_CELL,
    _HEAD_PERIOD,
    _MIN_FIGURES,
    _ORDINAL,
    _ORDINAL_HEAD,
    _PERCENT_MARK,
    _YEAR_CELL,
    _Cell,
    _cells,
    _consistent,
    _Flat,
    _flat_table_at,
    _two_row_names,
    table_lines,
)

# ---------------------------------------------------------------- tables flattened to one row
_FIGURE_TOKEN = re.compile(r"[+-]?\d[\d.,]*%?|" + _EMPTY_CELL.pattern.strip("^$"))
_MAX_TAIL_WORDS = 3
_MAX_ROW_LINE = 400  # characters: a longer line is prose
_MIN_RANKED = 3  # rows of a two-column ranking ("Tỉnh | Điểm"), at least


def _tab_cells(line: str) -> list[str]:
    """The cells of a line between tabs, empty ones kept (but not those after the last); a
    first cell that only numbers the rows ('STT', '1') is left out."""
    cells = [" ".join(c.split()) for c in line.strip(" \r\n").split("\t")]
    while len(cells) > 1 and not cells[-1]:
        cells.pop()
    # (an empty first cell is the number a total row leaves out: "<TAB>Tổng cộng<TAB>25.200")
    numbered = len(cells) >= 3 and (
        _ORDINAL_HEAD.match(cells[0]) or _ORDINAL.match(cells[0]) or not cells[0]
    )
    if numbered and _Cell(0, cells[1]).is_label:
        cells = cells[1:]
    return cells


# a row of a table written between bars, as Markdown and many converters write tables
# ("Entry Costs | 7.07 | 6.26 |"), and the line of dashes under a Markdown head
_BAR_ROW = re.compile(r"^\s*\|?(?:[^|\n]*\|){2,}[^|\n]*$")
_BAR_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)+\|?\s*$")


def _bars_as_tabs(line: str) -> str:
    """A line whose cells stand between bars, with tabs between them instead (so it reads as a
    row between tabs); a Markdown rule of dashes reads as a blank line; other lines as they are."""
    if "|" not in line:
        return line
    if _BAR_RULE.match(line):
        return ""
    if not _BAR_ROW.match(line) or len(line) > 2 * _MAX_ROW_LINE:
        return line
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") else inner
    return "\t".join(cell.strip() for cell in inner.split("|"))


# cells set apart by runs of spaces, as a PDF's text copied with its layout or a fixed-width
# export gives a table: two gaps of two spaces or more make a row's line
_SPACED_GAP = re.compile(r"(?<=\S)(?: {2,}|\u00a0{2,})(?=\S)")


def _spaced_as_tabs(line: str) -> str:
    """A line whose cells stand apart by runs of two spaces or more (two runs at least), with
    tabs between them instead; other lines as they are."""
    if "\t" in line or len(line) > 2 * _MAX_ROW_LINE:
        return line
    inner = line.strip()
    if len(_SPACED_GAP.findall(inner)) < 2:
        return line
    return _SPACED_GAP.sub("\t", inner)


_ELLIPSIS_ROW = re.compile(r"(?:(?:\.{2,}|…)\s*)+")  # "…<TAB>…": rows left out of a table
_GRADE_CELL = re.compile(r"[^\W\d_]+(?: [^\W\d_]+){0,2}")  # a grade in words: "Excellent", "Tốt"


def _row_cells(line: str) -> list[str] | None:
    """The label and figures of a line holding one row of a table ("Cấp tỉnh<TAB>98.310<TAB>
    96.402", "Gia nhập thị trường 8,13 8,10 8,29"), or None."""
    if "\t" in line:
        cells = _tab_cells(line)
        filled = [c for c in cells[1:] if c]  # an empty cell between two tabs holds nothing
        if len(filled) >= 2 and _GRADE_CELL.fullmatch(filled[-1]):
            filled = filled[:-1]  # a last column of words: a grade ("Excellent", "Tốt")
        if len(filled) >= 2 and all(_YEAR_CELL.match(c.strip()) for c in filled):
            return None  # "Year | 2022 | 2021 | 2020": the head of a table of years, no row
        if len(cells) >= 2 and filled and all(_Cell(0, c).is_figure for c in filled):
            first = _Cell(0, cells[0])
            return cells if first.is_label or first.is_year else None  # a year labels its row
        return None
    words = line.split()
    if len(line) > _MAX_ROW_LINE or not words or words[-1].endswith("."):
        return None  # a line ending on a full stop is a sentence (or a row already rebuilt)
    for tail in range(_MAX_TAIL_WORDS + 1):  # a last column of words: a grade ("Rất tốt")
        if tail and (tail >= len(words) or not words[-tail].isalpha()):
            break
        rest = words[: len(words) - tail]
        figures: list[str] = []
        while rest and _FIGURE_TOKEN.fullmatch(rest[-1]):
            figures.insert(0, rest.pop())
        label = " ".join(rest)
        if len(figures) >= 2 and _Cell(0, label).is_label:
            return [label, *figures] + ([" ".join(words[len(words) - tail :])] if tail else [])
    return None


def _head_line(line: str, words_too: bool = False) -> tuple[str, list[str]] | None:
    """A head line's label column name and its column names: cells between tabs, else the
    periods it names ("Chỉ số thành phần 2014 2015 2016", "Năm 2020 Năm 2021"), else (with
    ``words_too``, for a second head row) its words ("Điểm Hạng Điểm Hạng"); None when it is
    none of these."""
    text = " ".join(line.split())
    if "\t" in line:
        cells = _tab_cells(line)
        return cells[0], cells[1:]
    found = list(_HEAD_PERIOD.finditer(text))
    between = "".join(text[a.end() : b.start()] for a, b in pairwise(found))
    if len(found) >= 2 and not between.strip():
        after = text[found[-1].end() :].strip()  # one more column: "… 2020 Tăng/giảm"
        if not after or _Cell(0, after).is_label:
            names = [m.group() for m in found] + ([after] if after else [])
            return text[: found[0].start()].strip(), names
    words = text.split()
    if words_too and len(words) >= 2 and all(_Cell(0, w).is_label for w in words):
        return "", words
    return None


# a word that opens a column's name in a head whose cells lost their gaps: Vietnamese names
# are written in sentence case ("Gia nhập thị trường Tiếp cận đất đai Tính minh bạch")
_CAPITAL_WORD = re.compile(r"(?<![^\s])[^\W\d_](?=\S)")


def _capital_names(line: str, k: int) -> tuple[str, list[str]] | None:
    """A head line of single spaces cut before each capitalised word, when that gives ``k``
    column names (after the label column's name, or without one) in sentence case, each of
    more than one letter; None otherwise."""
    text = " ".join(line.split())
    if "\t" in line or not text or len(text) > _MAX_ROW_LINE:
        return None
    starts = [m.start() for m in _CAPITAL_WORD.finditer(text) if m.group().isupper()]
    if not starts or starts[0] != 0:
        return None
    parts = [text[a:b].strip() for a, b in pairwise([*starts, len(text)])]
    if any(not _Cell(0, p).is_label or sum(ch.isupper() for ch in p) > 1 for p in parts):
        return None  # a name with a second capital (an acronym, Title Case): no cut to trust
    if len(parts) == k + 1:
        return parts[0], parts[1:]
    return ("", parts) if len(parts) == k else None


def _spanned_names(first: str, second: str, k: int) -> list[str] | None:
    """The label column's name and ``k`` column names of a two-row head between tabs whose
    first row names groups over several columns and leaves the cells they span empty (a web
    table with merged cells, copied: "Tỉnh | Gia nhập thị trường | | Tiếp cận đất đai |" over
    " | Điểm | Hạng | Điểm | Hạng"); None when the lines are no such head."""
    if "\t" not in first or "\t" not in second:
        return None
    groups = [" ".join(c.split()) for c in first.strip("\r\n").split("\t")]
    subs = [" ".join(c.split()) for c in second.strip("\r\n").split("\t")]
    if len(groups) == k + 2 and _ORDINAL_HEAD.match(groups[0]) and not subs[0]:
        groups, subs = groups[1:], subs[1:]  # "STT" over the rows' numbers, left out with them
    if len(subs) == k:
        subs.insert(0, "")  # the label column's empty cell, lost with a row's leading bar
    groups += [""] * (k + 1 - len(groups))
    subs += [""] * (k + 1 - len(subs))
    if len(groups) != k + 1 or len(subs) != k + 1 or not groups[1] or "" not in groups[1:]:
        return None
    names: list[str] = []
    group = ""
    for j in range(1, k + 1):
        group = groups[j] or group
        spans = not groups[j] or (j < k and not groups[j + 1])
        if spans and not subs[j]:
            return None  # a spanned column must say what it holds
        names.append(f"{group} {subs[j]}".strip() if spans else groups[j])
    label = groups[0] or subs[0]
    if len({n.casefold() for n in names}) != k or not all(_Cell(0, n).is_label for n in names):
        return None
    return [label, *names]


@cache
def _column_names() -> re.Pattern[str]:
    """A known column name, whole (``data/table_column_names.yaml``)."""
    import yaml

    data = resources.files("cchc_analysis") / "data" / "table_column_names.yaml"
    names = yaml.safe_load(data.read_text(encoding="utf-8"))["names"]
    return re.compile("(?:" + "|".join(f"(?:{n})" for n in names) + ")")


def _named_columns(line: str, k: int) -> tuple[str, list[str]] | None:
    """A head line of single spaces cut into ``k`` known column names (after the label
    column's name: whatever words come first), the label's name kept as short as the cut
    allows; None when no such cut exists."""
    text = " ".join(line.split())
    if "\t" in line or not text or len(text) > _MAX_ROW_LINE:
        return None
    words = text.split(" ")
    folded = [fold(w) for w in words]
    known = _column_names()

    @cache
    def cut(i: int, left: int) -> tuple[int, ...] | None:
        """Where the names from word ``i`` on end, ``left`` of them, or None."""
        if left == 0:
            return () if i == len(words) else None
        for j in range(i + 1, min(len(words), i + 6) + 1):
            if known.fullmatch(" ".join(folded[i:j])):
                rest = cut(j, left - 1)
                if rest is not None:
                    return (j, *rest)
        return None

    for start in range(0, len(words) - k + 1):
        ends = cut(start, k)
        if ends is not None:
            bounds = [start, *ends]
            names = [" ".join(words[a:b]) for a, b in pairwise(bounds)]
            return " ".join(words[:start]), names
    return None


def _row_head(above: Sequence[str], k: int) -> tuple[int, list[str]] | None:
    """How many of the lines ``above`` the rows (the last, blank lines left out) head ``k``
    columns, and the label column's name and the columns' names; None when none do."""
    heads = [(n, line) for n, line in enumerate(above) if line.strip()][-2:]
    if not heads:
        return None
    last = _head_line(heads[-1][1])
    if last is None or len(last[1]) != k:
        last = _capital_names(heads[-1][1], k) or _named_columns(heads[-1][1], k) or last
    if last is not None:
        last = (last[0], distinct_names(last[1]))
    if last is not None and len(last[1]) == k and len({c.casefold() for c in last[1]}) == k:
        return len(above) - heads[-1][0], [last[0], *last[1]]
    if len(heads) == 2:
        spanned = _spanned_names(heads[0][1], heads[-1][1], k)
        if spanned is not None:
            return len(above) - heads[0][0], spanned
    last = _head_line(heads[-1][1], words_too=True)
    first = _head_line(heads[0][1]) if len(heads) == 2 else None
    if last is None or first is None or len(last[1]) != k:
        return None
    groups = [_Cell(0, name) for name in first[1]]
    names = _two_row_names(groups, [_Cell(0, c) for c in last[1]], k)
    if names is None or len({c.casefold() for c in names}) != k:
        return None
    return len(above) - heads[0][0], [first[0], *names]


def _row_tables(
    lines: Sequence[str], free: Sequence[bool]
) -> list[tuple[int, int, list[list[str]]]]:
    """The tables written one row per line among the lines ``free`` to read: ``(first line,
    last line, rows with the head first)``; two rows or more of the same number of figures,
    six figures or more, under a head that names each column."""
    found: list[tuple[int, int, list[list[str]]]] = []
    n = 0
    while n < len(lines):
        first = _row_cells(lines[n]) if free[n] else None
        if first is None:
            n += 1
            continue
        k = len(first) - 1
        rows, end, m = [first], n, n + 1
        while m < len(lines) and free[m]:
            if _ELLIPSIS_ROW.fullmatch(lines[m].strip()):
                m += 1  # "…<TAB>…<TAB>…": rows left out of a long table, the table goes on
                continue
            if lines[m].strip():
                row = _row_cells(lines[m])
                if row is None or len(row) != k + 1:
                    break
                rows.append(row)
                end = m
            m += 1
        floor = found[-1][1] + 1 if found else 0
        above = [ln if free[j] else "" for j, ln in enumerate(lines[floor:n], start=floor)]
        ranking = k == 1 and len(rows) >= _MIN_RANKED  # "Tỉnh | Điểm" over a row per province
        head = (
            _row_head(above[-4:], k)
            if (len(rows) >= 2 and len(rows) * k >= _MIN_FIGURES) or ranking
            else None
        )
        if (
            head is not None
            and k == 1
            and not _PLACE_HEAD.match(head[1][0])
            and not (_PART_HEAD.match(head[1][0]) and _PERCENT_MARK.search(head[1][1]))
        ):
            # a two-column list of other things ("Nội dung | Số lượng") stays as is; an index's
            # parts with their shares ("Tiêu chí | Tỷ lệ hài lòng (%)") say their unit
            head = None
        if head is None or not _consistent(head[1], rows):
            n += 1
            continue
        found.append((n - head[0], end, [head[1], *rows]))
        n = end + 1
    return found


def rebuild_flattened(text: str) -> tuple[list[tuple[str, bool]], str]:
    """The text in pieces ``(text, rebuilt)``: the tables found one cell per line or one row
    per line rebuilt as ``table_lines`` writes them (``rebuilt`` True), the rest as it was; and
    what was rebuilt ("1 table rebuilt from one cell per line"; '' when nothing was). Joined
    with newlines, the pieces are the text as read."""
    lines = text.split("\n")
    year_word = "in" if detect_language(text) == ENGLISH else "năm"
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
    spans = [(cells[t.first].line, cells[t.last].line, [t.head, *t.rows]) for t in tables]
    free = [True] * len(lines)
    for start, end, _ in spans:
        free[start : end + 1] = [False] * (end + 1 - start)
    by_row = _row_tables([_spaced_as_tabs(_bars_as_tabs(line)) for line in lines], free)
    spans = sorted(spans + by_row)
    pieces: list[tuple[str, bool]] = []
    line = 0
    for start, end, rows in spans:
        before = [ln.strip() for ln in lines[:start] if ln.strip()]
        caption = before[-1] if before else ""
        if start > line:
            pieces.append(("\n".join(lines[line:start]), False))
        newline_end = "\r" if lines[end].endswith("\r") else ""
        rebuilt = [f"{out}{newline_end}" for out in table_lines(rows, caption, year_word)]
        pieces.append(("\n".join(rebuilt), True))
        line = end + 1
    if line < len(lines) or not pieces:
        pieces.append(("\n".join(lines[line:]), False))
    notes = [
        f"{n} table{'s' if n != 1 else ''} rebuilt from one {what} per line"
        for n, what in ((len(tables), "cell"), (len(by_row), "row"))
        if n
    ]
    return pieces, "; ".join(notes)


def joined(pieces: Sequence[tuple[str, bool]]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The pieces joined with newlines, and where the rebuilt ones stand in the text (start,
    end offsets)."""
    spans: list[tuple[int, int]] = []
    at = 0
    for piece, rebuilt in pieces:
        if rebuilt:
            spans.append((at, at + len(piece)))
        at += len(piece) + 1
    return "\n".join(piece for piece, _ in pieces), tuple(spans)


def read_tables(text: str, how: str) -> tuple[str, str, tuple[tuple[int, int], ...]]:
    """``(text, how, spans)``: the text with the tables found one cell or one row per line
    rebuilt, ``how`` saying so, and where the rebuilt tables stand in the text."""
    pieces, note = rebuild_flattened(text)
    if not note:
        return text, how, ()
    rebuilt, spans = joined(pieces)
    return rebuilt, f"{how}; {note}", spans


def with_flattened_tables(text: str, how: str) -> tuple[str, str]:
    """``(text, how)`` with the tables found one cell or one row per line rebuilt, and ``how``
    saying so."""
    rebuilt, how, _ = read_tables(text, how)
    return rebuilt, how
