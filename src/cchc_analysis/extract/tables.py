"""Tables as the sentences the rules read, and tables that reach the reader flattened.

``table_lines`` turns a table (a head row of labels over rows of figures) into lines such as
"Cấp huyện: Tiếp nhận 120.500 hồ sơ; Đã giải quyết 118.000 hồ sơ." (DOCX, HTML and laid-out PDF
tables come this way; two head rows name each column together, "NĂM 2014 Điểm"). Where the
columns name periods ("NĂM 2014 Điểm", "Năm 2015"), each row reads once per period, "Gia nhập
thị trường NĂM 2014: Điểm 8.13; Hạng 43.", so that the row's label is the cue, the column's
period the figure's period, and a rank ("Hạng") is blanked as a rank.

Tables that reach the reader flattened (one cell or one row per line) are found and rebuilt
by ``flattened.rebuild_flattened``; the one-cell-per-line finder lives here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from cchc_analysis.extract.table_names import (
    _DOSSIER_STAGE,
    _MAX_COLUMN,
    _PART_HEAD,
    _PLACE_HEAD,
    _RANK_HEAD,
    _TOTAL_ROW,
    _UNIT_WORDS,
    SIPAS_PART_NAMES,
    counts_dossiers,
    distinct_names,
    money_columns,
    par_part_names,
)

_CELL_NUMBER = re.compile(r"^[\d.,]+\s*%?$")
_YEAR_CELL = re.compile(r"^(?:19|20)\d\d$")  # a year alone: a column's head, not a figure

# A period named in a column's head: "NĂM 2014", "Quý I/2024", "6 tháng đầu năm 2024", "2023".
_HEAD_PERIOD = re.compile(
    r"(?i)(?:(?:6|9|sáu|chín)\s+tháng(?:\s+(?:đầu|cuối))?(?:\s+năm)?\s+"
    r"|quý\s+(?:[IV]{1,3}|[1-4])\s*(?:/|[-–]|\s+năm\s+)\s*"
    r"|tháng\s+\d{1,2}\s*/\s*"
    r"|năm\s+"
    # English: "Q1/2024", "Q1 2024", "first quarter of 2024", "H1 2024", "first half of 2024",
    # "nine months of 2024", "September 2024"
    r"|q[1-4]\s*(?:/|[-–]|\s)\s*|(?:first|second|third|fourth)\s+quarter(?:\s+of)?\s+"
    r"|h[12]\s*(?:/|\s)\s*|(?:first|second)\s+half(?:\s+of)?\s+"
    r"|(?:nine|9)\s+months(?:\s+of)?\s+"
    r"|(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december)\s+)?"
    r"(?<!\d)(?:19|20)\d\d(?!\d)"
)
_YEAR_IN = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# A column of index scores: its dot is a decimal point ("64.500" is 64.5, never 64500).
_SCORE_HEAD = re.compile(r"(?i)\b(?:điểm|score|points?)\b")
_INDEX_CAPTION = re.compile(
    r"(?i)\b(?:PCI|PAPI|PAR[\s-]?INDEX|SIPAS|DDCI|ICT[\s-]?INDEX|DTI)\b|chỉ số thành phần"
)
# the unit a column naming an index implies for its bare cells, since the rules read an index's
# score by its noun: SIPAS is a share, the PAR INDEX and the service index are points
_SHARE_HEAD = re.compile(r"(?i)\bSIPAS\b|chỉ số hài lòng|satisfaction index")
_SIPAS_POINTS = re.compile("(?i)" + "|".join(SIPAS_PART_NAMES))  # a part of the PAR INDEX
_PERCENT_MARK = re.compile(r"\s*\(\s*%\s*\)|\s*%")
_POINTS_HEAD = re.compile(
    r"(?i)\bPAR[\s-]?INDEX\b|chỉ số (?:CCHC|cải cách hành chính)|chỉ số phục vụ|\b766\b|"
    r"administrative reform index"
    r"|(?:chấm điểm|đánh giá)[\w ,]{0,20}công tác (?:CCHC|cải cách hành chính)"
)
# a score column naming no index ("Điểm đánh giá"): the text's index; not a self-assessment's
_BARE_SCORE_HEAD = re.compile(
    r"(?i)^(?:tổng\s+điểm|điểm\s+(?:số|đánh giá|đạt được|thẩm định|sau thẩm định))"
    r"(?:\s*\(\s*điểm\s*\))?$|^total\s+score$"
)  # (a bare "Điểm" gets its unit from a caption naming the index)
_DECIMAL_POINT = re.compile(r"^\d+\.(?:\d{1,2}|\d{4,})\s*%?$")  # a dot no group can explain
_AMBIGUOUS_DOT = re.compile(r"^(\d{1,3})\.(\d{3})(\s*%?)$")  # "64.500": a group or a decimal


# a first column that numbers the rows: "STT", or a rank ("Xếp hạng" over 1, 2, 3 …), whose
# numbers no catalogue indicator takes; "ST T" is "STT" wrapped in a narrow column of a PDF
_ORDINAL_HEAD = re.compile(
    r"(?i)^(?:s ?t ?t|tt|số tt|số thứ tự|no\.?|xếp hạng|thứ hạng|hạng|rank|ranking|#)$"
)
# "1", "2.", "II", and the numbers of a part under its whole ("1.1", "2.3.1", "a)")
_ORDINAL = re.compile(r"^(?:(?:\d{1,3}|[IVX]{1,5})(?:\.\d{1,2}){0,3}\.?|[a-zđ]\)|[a-zđ]\.)$")


def _period_of(name: str, year_word: str = "năm") -> tuple[str, str] | None:
    """``(period text, the rest of the name)`` of a column head naming one period, or None
    (no year, or a span such as "2014-2018"); a year alone reads "năm 2014" (``year_word``
    "in" for an English text: "in 2014")."""
    if len(_YEAR_IN.findall(name)) != 1:
        return None
    match = _HEAD_PERIOD.search(name)
    if match is None:
        return None
    rest = (name[: match.start()] + " " + name[match.end() :]).strip(" -–:,")
    period = match.group().strip()
    if _YEAR_CELL.match(period):
        period = f"{year_word} {period}"  # a year alone heads the column: the year's figures
    return period, " ".join(rest.split())


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


def _numeral(said: str) -> str:
    """A cell as said, without the noun a caption gave it ("99,1 hồ sơ" → "99,1")."""
    match = re.match(r"[\d.,]+", said)
    return match.group() if match else said


def _column_unit(name: str, english: bool) -> str:
    """What a bare cell under a column's head is said with: '%' for a share, ' điểm' (' points')
    for an index's score, '' when the head implies no unit (a sub-index, a count, a rank)."""
    if _SHARE_HEAD.search(name) and not _SIPAS_POINTS.match(name):
        return "%"
    if _POINTS_HEAD.search(name) or _BARE_SCORE_HEAD.match(name) or _SIPAS_POINTS.match(name):
        return " points" if english else " điểm"
    return ""


def _is_head(cells: Sequence[str], header: Sequence[str] | None) -> bool:
    """A row of labels (or, as the first head, of labels and years: "Chỉ số | 2022 | 2023");
    a row whose cells are all empty marks ("HCMC | N/A | N/A"; not ranked) is none."""
    if len(cells) > 2 and all(_EMPTY_CELL.match(c.strip()) for c in cells[1:]):
        return False
    numbers = [c for c in cells if _CELL_NUMBER.match(c)]
    if not numbers:
        return True
    return header is None and len(numbers) >= 2 and all(_YEAR_CELL.match(c) for c in numbers)


def _row_label(cell: str, label_head: str) -> str:
    """A row's label as its sentence opens: a year reads "Năm 2016" (or under the label
    column's own name for periods, "Kỳ 2016"); a row under a column of an index's parts
    ("Lĩnh vực", "Tiêu chí") says so ("Lĩnh vực Cải cách thủ tục hành chính"), unless it is
    the total, so that its points are read as a part's, not the index's."""
    if _YEAR_CELL.match(cell):
        return f"{label_head} {cell}" if _PERIOD_WORD.match(label_head) else f"Năm {cell}"
    head = label_head.strip()
    if (
        _PART_HEAD.match(head)
        and not _TOTAL_ROW.match(cell.strip())
        and not cell.casefold().startswith(head.casefold())
        and not _names_province(cell)  # a table turned: provinces under "Sub-index"
    ):
        return f"{head} {cell[:1].lower()}{cell[1:]}"
    return cell


_PERIOD_WORD = re.compile(r"(?i)^(?:năm|kỳ|kỳ báo cáo|year)$")


def _row_sentences(
    label: str,
    parts: Sequence[tuple[str, str]],
    periods: Sequence[tuple[str, str] | None],
    by_period: bool,
) -> Iterable[str]:
    """A row's sentences from its ``(column name, value as said)`` parts: with ``by_period``
    (two periods or more name the columns) one per period ("Gia nhập thị trường NĂM 2014:
    Điểm 8.13; Hạng 43."), the columns naming none in one more; else one ("Cấp tỉnh: Tiếp
    nhận 98.310; …"); a row without a value ("TP.HCM | N/A | N/A": not ranked) says only its
    label, with no colon a figure could follow."""
    if not parts:
        yield f"{label}."
        return
    if not by_period:
        yield f"{label}: {'; '.join(f'{name} {value}'.strip() for name, value in parts)}."
        return
    groups: dict[str, list[str]] = {}
    for (name, value), period in zip(parts, periods, strict=True):
        key, rest = period if period is not None else ("", name)
        groups.setdefault(key, []).append(f"{rest} {value}".strip())
    for period_text, said in groups.items():
        # a value alone after a colon reads as a page's widget ("Lượt xem: 1.234"): no colon
        colon = ":" if any(not _CELL_NUMBER.match(part) for part in said) else ""
        yield f"{label}{' ' + period_text if period_text else ''}{colon} {'; '.join(said)}."


def _without_ordinal_column(rows: Sequence[Sequence[str]]) -> list[list[str]]:
    """The rows without a first column that only numbers them ("STT", "TT" over "1", "2.",
    "II", or nothing): the label column is then the first; other tables come back as they are."""
    head = next((r for r in rows if len(r) >= 3), None)
    if head is None or not _ORDINAL_HEAD.match(head[0].strip()):
        return [list(r) for r in rows]
    width = len(head)
    return [
        list(r[1:])
        if (len(r) == width and (not r[0].strip() or _ORDINAL.match(r[0].strip()))) or r is head
        else list(r)
        for r in rows
    ]


_PROVINCE_PREFIX = re.compile(r"(?i)^(?:tỉnh|thành phố|tp\.?)\s+")


def _names_province(cell: str) -> bool:
    """True when a cell is a province's name alone ("An Giang", "TP. Hồ Chí Minh", "BRVT")."""
    from cchc_analysis.extract.patterns import fold
    from cchc_analysis.extract.places import _province_regex

    name = _PROVINCE_PREFIX.sub("", cell.strip())
    return bool(name) and _province_regex().fullmatch(fold(name)) is not None


def _provinces_as_rows(rows: Sequence[Sequence[str]]) -> list[list[str]]:
    """The rows with a table whose columns are provinces (a head "Chỉ số | An Giang | Bắc
    Giang …" over a row per measure) turned so that each province is a row, as a figure is
    read by its row's label; other tables come back as they are."""
    out = [list(r) for r in rows]
    at = next((n for n, r in enumerate(out) if len(r) >= 3), None)
    if at is None or any(_CELL_NUMBER.match(c) for c in out[at]):
        return out
    head = out[at]
    provinces = sum(_names_province(c) for c in head[1:])
    if provinces < 2 or provinces < 0.8 * (len(head) - 1):
        return out
    body = [r for r in out[at + 1 :] if len(r) == len(head)]
    if not body or any(_names_province(r[0]) for r in body):
        return out
    if any(len(r) != len(head) for r in out[at + 1 :]):
        return out  # rows across the table: no plain grid to turn
    turned = [[head[0], *(r[0] for r in body)]]
    turned += [[head[j], *(r[j] for r in body)] for j in range(1, len(head))]
    return out[:at] + turned


def table_lines(
    rows: Sequence[Sequence[str]], caption: str = "", year_word: str = "năm"
) -> Iterable[str]:
    """The lines of a table: a row whose cells are labels heads the columns, and each row of
    figures below it reads as a sentence, "Cấp huyện: Tiếp nhận 98.310; Đã giải quyết 96.402."
    (the column's name is the figure's cue; "hồ sơ" follows each count when only the caption
    says what is counted); where the columns name periods, a row reads once per period
    ("Gia nhập thị trường NĂM 2014: Điểm 8.13; Hạng 43."); a row labelled by a year under
    "Năm" reads "Năm 2016: …"; a two-column table reads "label | value"."""
    if rows and not rows[0]:  # a list without a head: "measure: province score."
        yield from (f"{r[0]}: {' '.join(r[1:])}." for r in rows[1:])
        return
    rows = _provinces_as_rows(_without_ordinal_column(rows))
    unit = " hồ sơ" if counts_dossiers(caption) else ""
    header: list[str] | None = None
    money: dict[int, str] = {}  # the unit of a disbursement table's bare amounts, by column
    decimal: set[int] = set()
    periods: list[tuple[str, str] | None] = []
    english = year_word == "in"
    head_above = False
    for cells in rows:
        cells = list(cells)
        numbers = [bool(_CELL_NUMBER.match(c)) for c in cells]
        is_head = len(cells) > 1 and _is_head(cells, header)
        if len(cells) == 1 and not numbers[0]:
            yield cells[0]  # a row across the table ("II. Cấp huyện"): the head goes on
        elif _is_head(cells, header):
            merged = _merged_head(header, cells) if head_above else None
            ranking = len(cells) == 2 and bool(_PLACE_HEAD.match(cells[0].strip()))
            shares = (
                len(cells) == 2
                and bool(_PART_HEAD.match(cells[0].strip()))
                and bool(_PERCENT_MARK.search(cells[1]))
            )  # "Tiêu chí | Tỷ lệ hài lòng (%)": each part's share
            header = merged or (cells if len(cells) > 2 or ranking or shares else None)
            if header is not None:
                header, money = money_columns(par_part_names(header), caption)
                same = [r for r in rows if len(r) == len(header)]
                decimal = _decimal_columns(header, same, caption)
                periods = [_period_of(name, year_word) for name in header]
                # an English page's table read by a reader that does not know its language: a
                # head and caption without Vietnamese letters are English
                english = year_word == "in" or f"{caption} {' '.join(header)}".isascii()
                if not unit and sum(bool(_DOSSIER_STAGE.search(n)) for n in header[1:]) >= 2:
                    # "Đơn vị | Tiếp nhận | Đã giải quyết | Quá hạn", "Unit | Received |
                    # Resolved | Late": a dossier form, its bare cells count dossiers
                    unit = " dossiers" if english else " hồ sơ"
            yield " | ".join(cells)
        elif (
            header is not None
            and len(header) == len(cells)
            and (not numbers[0] or _YEAR_CELL.match(cells[0]))
        ):
            named = any(_UNIT_WORDS.search(name) for name in header)
            columns = [
                j
                for j in range(1, len(cells))
                if numbers[j] and header[j] and not _MAX_COLUMN.search(header[j])
            ]
            parts = []
            for j in columns:
                value = _as_written(cells[j], j in decimal)
                if "%" in header[j] and not value.endswith("%") and _CELL_NUMBER.match(value):
                    # "Tỷ lệ đúng hạn (%)", "Settled on time (%)": the cell is a share, said
                    # with its sign after the column's name as a sentence says it
                    parts.append((_PERCENT_MARK.sub("", header[j]).strip(), value + "%"))
                    continue
                # a score's or a rank's column counts no dossiers, whatever the caption says
                scored = _SCORE_HEAD.search(header[j]) or _RANK_HEAD.search(header[j])
                noun = "" if named or scored or value.endswith("%") else unit
                if not noun and not value.endswith("%") and _CELL_NUMBER.match(value):
                    noun = _column_unit(header[j], english)
                    if not noun and (periods[j] is not None or _SCORE_HEAD.fullmatch(header[j])):
                        # a period's or a score's column under a caption naming the index
                        noun = _column_unit(caption, english)
                parts.append((header[j], value + money.get(j, noun)))
            label = _row_label(cells[0], header[0])
            if "%" in label:  # "Tỷ lệ đúng hạn (%)" over periods: each cell is a share
                label = _PERCENT_MARK.sub("", label).strip()
                parts = [
                    (name, value if value.endswith("%") else f"{_numeral(value)}%")
                    for name, value in parts
                ]
            by_period = len({p[0].casefold() for p in periods[1:] if p is not None}) >= 2
            yield from _row_sentences(label, parts, [periods[j] for j in columns], by_period)
        else:
            yield " | ".join(cells)
        head_above = is_head


# A table whose head spans several rows, as the forms of CCHC reports have it ("Số hồ sơ nhận
# giải quyết" over "Tổng số", "Trong đó" over "Số mới tiếp nhận trực tuyến" …): a DOCX repeats
# a merged cell in every column and row it spans, so each column's heads stack up in order.
_GENERIC_HEAD = re.compile(r"(?i)^(?:tổng số|tổng|tổng cộng|cộng|số lượng|trong đó:?|gồm:?)$")
_OWN_NAME = re.compile(r"(?i)^(?:số|tổng|tỷ lệ|tỉ lệ)\b|hồ sơ|thủ tục|tthc")
_COLUMN_NUMBER = re.compile(r"^\(?(?:\d{1,2}|[A-Z])\)?(?:\s*=.*)?$")  # "(1)", "5", "(8)=(6)+(7)"
_MAX_HEAD_ROWS = 4


def stacked_head(rows: Sequence[Sequence[str]]) -> list[list[str]] | None:
    """The table with one head row naming each column by its stacked heads (the column's
    own head, with the head above it when its own says too little: "Số hồ sơ đã giải quyết
    trả quá hạn"; a "Tổng số" column takes the head above it), the row numbering the columns
    ("(1) (2) (3)") left out; None when the head is a single row, names periods (read by
    ``table_lines`` period by period) or the rows are ragged."""
    width = len(rows[0]) if rows else 0
    if width < 3 or any(len(r) != width for r in rows):
        return None
    heads: list[Sequence[str]] = []
    body_start = 0
    for n, row in enumerate(rows[: _MAX_HEAD_ROWS + 1]):
        if all(_COLUMN_NUMBER.match(c) for c in row if c):
            body_start = n + 1  # the columns' numbers under the head
            break
        if any(_CELL_NUMBER.match(c) for c in row[1:]):
            break
        heads.append(row)
        body_start = n + 1
    if len(heads) < 2 or body_start >= len(rows):
        return None
    if any(_period_of(c) for head in heads for c in head[1:] if c):
        return None  # columns by period ("Năm 2020" over "Điểm", "Hạng"): table_lines' way
    names = []
    for j in range(width):
        parts: list[str] = []
        for head in heads:
            if head[j] and (not parts or head[j] != parts[-1]):
                parts.append(head[j])
        names.append(_column_name(parts))
    return [names, *[list(r) for r in rows[body_start:]]]


_GROUP_WORD = re.compile(r"(?i)^(?:trong đó|gồm)\b\s*:?")  # "Trong đó" over a group's parts


def _column_name(heads: Sequence[str]) -> str:
    """A column's name from its heads, outermost first ("Trong đó" left out)."""
    # "Trong đó" alone heads a group; "Trong đó trực tuyến" is the column "Trực tuyến"
    stripped = [_GROUP_WORD.sub("", h).strip(" :") for h in heads]
    parts = [h[:1].upper() + h[1:] for h in stripped if h]
    if not parts:
        return ""
    leaf, above = parts[-1], [p for p in parts[:-1] if not _GENERIC_HEAD.match(p)]
    if _GENERIC_HEAD.match(leaf):
        return above[-1] if above else leaf
    if _OWN_NAME.search(leaf) or not above:
        return leaf
    return f"{above[-1]} {leaf[:1].lower()}{leaf[1:]}"


def _merged_head(first: Sequence[str] | None, second: Sequence[str]) -> list[str] | None:
    """One name per column from two head rows ("Năm 2020" over "Điểm", "Hạng"), or None: a
    web page's table repeats nothing under a cell spanning columns (trafilatura leaves them
    empty), a DOCX's writes a spanning cell once (``_two_row_names``)."""
    if first is None or len(first) < 2:
        return None
    if len(first) == len(second):
        filled = list(first)
        for j in range(2, len(filled)):
            filled[j] = filled[j] or filled[j - 1]
        if not any(a and b for a, b in zip(first[1:], second[1:], strict=True)):
            return None
        return [" ".join(f"{a} {b}".split()) for a, b in zip(filled, second, strict=True)]
    if len(first) > len(second):
        return None
    subs = list(second[1:]) if second[0] in ("", first[0]) else list(second)
    if len(subs) != len(second) - 1:
        return None
    names = _two_row_names([_Cell(0, c) for c in first[1:]], [_Cell(0, c) for c in subs], len(subs))
    return [first[0], *names] if names is not None else None


# ---------------------------------------------------------------- tables flattened to one cell
_NUMBER_CELL = re.compile(r"^[+-]?\d[\d.,]*\s*%?$|^\d+\s*/\s*\d+$")  # "15/63": a rank of all
_EMPTY_CELL = re.compile(r"^(?:[-–—]|N/?A|n/?a)$")  # no value ("N/A": not ranked that year)
_NOT_A_CELL = re.compile(r"(?i)^(?:bảng|biểu|hình|sơ đồ|nguồn|ghi chú)\b|[.!?:;,]$")
_SECTION = re.compile(
    r"(?:[IVX]{1,4}|[A-ZĐ]|[a-zđ]|\d{1,2}(?:\.\d{1,2})*)[.)]\s+\w.*|[^\d.!?]{2,60}:$"
)
_MAX_LABEL = 80  # characters: a longer line is prose, not a cell
_MAX_WORDS = 16  # "Chi phí thời gian để thực hiện các quy định của Nhà nước" is 13
_MAX_WORD_CELL = 24  # characters of a cell that holds words in a column of a table
_MIN_FIGURES = 6  # fewer figure cells than this: a list, not a table


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
    def is_section(self) -> bool:
        """A heading over rows: "II. Cấp huyện", "a) Các sở, ngành", "Trong đó:"."""
        return len(self.text) <= _MAX_LABEL and bool(_SECTION.match(self.text))

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


def _two_row_names(first: Sequence[_Cell], subs: Sequence[_Cell], k: int) -> list[str] | None:
    """The ``k`` column names of a two-row head, or None: the second row repeats one pattern
    of names under each group of the first ("NĂM 2014" over "Điểm", "Hạng"); a first-row cell
    that names no period where others do stands over one column of its own ("Tăng/giảm")."""
    sub = [c.text for c in subs]
    for span in range(2, len(sub)):
        if len(sub) % span or any(sub[j] != sub[j % span] for j in range(len(sub))):
            continue  # sub-heads repeat in every group
        groups = len(sub) // span
        if groups < 2:
            continue
        if len(first) == groups:
            is_group = [True] * groups
        else:
            is_group = [_period_of(c.text) is not None for c in first]
            if sum(is_group) != groups:
                continue
        names: list[str] = []
        for cell, grouped in zip(first, is_group, strict=True):
            names += [f"{cell.text} {s}" for s in sub[:span]] if grouped else [cell.text]
        if len(names) == k:
            return names
    return None


def _head_names(
    head: Sequence[_Cell], k: int, ordinal: bool = False
) -> tuple[int, list[str]] | None:
    """How many of the head cells before the first row (the last ones) head the table, and the
    label column's name and one name per figure column; None when no head fits.

    A head is two rows (``_two_row_names``) or one (a name per figure column), with or without
    the label column's name; the names must differ. With ``ordinal`` the head opens on "STT"
    (the rows' numbers), which is left out."""
    lead = int(ordinal)
    options: list[tuple[int, _Cell | None, list[str]]] = []
    for n_subs in range(k, 3, -1):  # two rows, the fullest second row first
        for n_first in range(2, min(k, len(head) - n_subs) + 1):
            for with_label in (1, 0):
                size = lead + with_label + n_first + n_subs
                if size > len(head):
                    continue
                part = head[len(head) - size + lead :]
                first = part[with_label : with_label + n_first]
                subs = part[with_label + n_first :]
                if any(not c.is_label for c in subs):
                    continue
                names = _two_row_names(first, subs, k)
                if names is not None:
                    options.append((size, part[0] if with_label else None, names))
    for with_label in (1, 0):  # one row
        size = lead + with_label + k
        if size <= len(head):
            part = head[len(head) - size + lead :]
            names = [c.text for c in part[with_label:]]
            options.append((size, part[0] if with_label else None, names))
    for size, label, names in options:
        if label is not None and not label.is_label:
            continue
        if ordinal and not _ORDINAL_HEAD.match(head[len(head) - size].text):
            continue
        names = distinct_names(names)
        if len({name.casefold() for name in names}) == k:
            return size, [label.text if label is not None else "", *names]
    return None


def _parse_rows(
    cells: Sequence[_Cell], i: int, k: int, mode: str
) -> tuple[list[list[str]], int, int]:
    """The rows from cell ``i`` on, each a label and ``k`` figure cells (``mode`` 'label'), a
    number 1, 2, 3 … before the label ('ordinal'), or a year as the label ('year', the years
    in order); the number of complete rows; the index of the cell after the last row. A last
    row that the text cuts short (the end of the text) keeps its first cells."""
    rows: list[list[str]] = []
    complete, j, number = 0, i, 1
    while j < len(cells):
        label = j + 1 if mode == "ordinal" else j
        if label >= len(cells):
            break
        if mode == "ordinal" and cells[j].text != str(number):
            break
        if mode == "year" and not _in_order(rows, cells[j]):
            break
        if (
            mode == "label"
            and cells[j].is_section
            and j + 1 < len(cells)
            and cells[j + 1].is_label
            and _figures_after(cells, j + 1, k + 1) == k
        ):
            rows.append([cells[j].text])  # "II. Cấp huyện", "Trong đó:": the rows below
            j += 1
            continue
        if mode != "year" and not cells[label].is_label:
            break
        n = _figures_after(cells, label, k)
        end = label + 1 + n
        if n == k:
            after = cells[end] if end < len(cells) else None
            if not (
                after is None
                or not after.is_figure
                or (mode == "ordinal" and after.text == str(number + 1))
                or (mode == "year" and after.is_year)
            ):
                break
            rows.append([cells[label].text, *(c.text for c in cells[label + 1 : end])])
            complete, j, number = complete + 1, end, number + 1
        elif 0 < n < k and end == len(cells):
            # the text stops inside the table's last row (a page cut short): its first cells
            rows.append([cells[label].text, *(c.text for c in cells[label + 1 : end])])
            rows[-1] += [""] * (k - n)
            j = end
        else:
            break
    return rows, complete, j


def _in_order(rows: Sequence[Sequence[str]], cell: _Cell) -> bool:
    """True when the cell is a year that goes on the years of the rows before, all rising or
    all falling."""
    if not cell.is_year:
        return False
    years = [int(r[0]) for r in rows] + [int(cell.text)]
    steps = {(b > a) - (b < a) for a, b in pairwise(years)}
    return steps <= {1} or steps <= {-1}


def _enough(cells: Sequence[_Cell], complete: int, k: int, end: int) -> bool:
    """Two rows or more and six figure cells or more make a table (one row, six figures), if
    no row of another length follows: a table that goes on inconsistently is no table."""
    if not (complete * k >= _MIN_FIGURES and (complete >= 2 or k >= _MIN_FIGURES)):
        return False
    return not (end < len(cells) and cells[end].is_label and _figures_after(cells, end, 1))


def _head_cells(cells: Sequence[_Cell], i: int, floor: int, k: int) -> list[_Cell]:
    """The run of label cells (and years) just before cell ``i``, no further back than the cell
    ``floor`` and than a head of ``k`` columns needs."""
    first = i
    while first > floor and (cells[first - 1].is_label or cells[first - 1].is_year):
        first -= 1
        if i - first > 3 * k + 4:
            break
    return list(cells[first:i])


def _consistent(head: Sequence[str], rows: Sequence[Sequence[str]]) -> bool:
    """True when the rows' labels differ from one another and from every name of the head, and
    the label column's name is none of the columns' (a table names each thing once)."""
    names = {name.casefold() for name in head[1:]}
    labels = [row[0].casefold() for row in rows if len(row) > 1]
    return (
        len(set(labels)) == len(labels)
        and not names & set(labels)
        and head[0].casefold() not in names
    )


def _flat_table_at(cells: Sequence[_Cell], i: int, floor: int) -> _Flat | None:
    """The flattened table whose first row starts at cell ``i`` (its label, its number or its
    year) and whose head starts no earlier than cell ``floor``, or None."""
    if cells[i].is_label:
        n = _figures_after(cells, i, _MAX_WORDS * 4)
        ordinal = (
            i > floor
            and cells[i - 1].text == "1"
            and n >= 3
            and cells[i + n].text == "2"
            and i + n + 1 < len(cells)
            and cells[i + n + 1].is_label
        )
        section = i - 1 if i - 1 > floor and cells[i - 1].is_section else i
        for mode, k, start in (
            (("ordinal", n - 1, i - 1), ("label", n, section))
            if ordinal
            else (("label", n, section),)
        ):
            if k < 2:
                continue
            rows, complete, end = _parse_rows(cells, start, k, mode)
            if not _enough(cells, complete, k, end):
                continue
            head = _head_names(_head_cells(cells, start, floor, k), k, mode == "ordinal")
            if head is not None and _consistent(head[1], rows):
                return _Flat(start - head[0], end - 1, head[1], rows)
        if n == 0:
            return _headless_triples(cells, i)
        return _mixed_table_at(cells, i, floor)
    if cells[i].is_year and i > floor and cells[i - 1].is_label:
        labels = _head_cells(cells, i, floor, _MAX_WORDS * 4)
        while labels and labels[0].is_year:
            labels.pop(0)
        for k in range(len(labels), 1, -1):  # the widest head that the rows bear out
            rows, complete, end = _parse_rows(cells, i, k, "year")
            head = _head_names(labels, k) if _enough(cells, complete, k, end) else None
            if head is not None and _consistent(head[1], rows):
                return _Flat(i - head[0], end - 1, head[1], rows)
    return None


_MIN_TRIPLES = 3


def _headless_triples(cells: Sequence[_Cell], i: int) -> _Flat | None:
    """A list without a head of a measure, the province that leads it and its score, a cell
    each ("Tham gia của người dân ở cấp cơ sở" / "Thái Nguyên" / "6.22" …), from cell ``i``:
    three rows or more; its head is empty, and each row is read as "measure: province score."
    None when the cells are no such list."""
    rows: list[list[str]] = []
    j = i
    while j + 2 < len(cells):
        label, place, score = cells[j], cells[j + 1], cells[j + 2]
        if not (label.is_label and _names_province(place.text) and score.is_figure):
            break
        if _names_province(label.text) or _EMPTY_CELL.match(score.text):
            break
        rows.append([label.text, place.text, score.text])
        j += 3
    if len(rows) < _MIN_TRIPLES or len({r[0].casefold() for r in rows}) != len(rows):
        return None
    return _Flat(i, j - 1, [], rows)


def _cell_kind(cell: _Cell) -> str:
    """'f' a figure, 't' a word or two ("Khá", "Tăng"), '-' an empty cell, 'x' neither."""
    if _EMPTY_CELL.match(cell.text):
        return "-"
    if cell.is_figure:
        return "f"
    return "t" if cell.is_label and len(cell.text) <= _MAX_WORD_CELL else "x"


def _mixed_rows(
    cells: Sequence[_Cell], i: int, k: int, ordinal: bool = False
) -> tuple[list[list[str]], str, int]:
    """The rows from cell ``i`` on, each a label and ``k`` cells, figures and words in the
    same columns in every row (an empty cell fits either), with ``ordinal`` each after its
    number 1, 2, 3 …; that pattern ('ftf'); and the index of the cell after the last row."""
    rows: list[list[str]] = []
    pattern = ""
    j, lead = i, int(ordinal)
    while j + lead + k < len(cells) and cells[j + lead].is_label:
        if ordinal and cells[j].text.rstrip(".") != str(len(rows) + 1):
            break
        kinds = "".join(_cell_kind(c) for c in cells[j + lead + 1 : j + lead + 1 + k])
        if "x" in kinds:
            break
        if pattern and any(
            a != b and "-" not in (a, b) for a, b in zip(kinds, pattern, strict=True)
        ):
            break
        pattern = "".join(
            b if a == "-" else a for a, b in zip(kinds, pattern or kinds, strict=True)
        )
        rows.append([c.text for c in cells[j + lead : j + lead + 1 + k]])
        j += lead + 1 + k
    return rows, pattern, j


def _continued(head: Sequence[_Cell]) -> list[_Cell]:
    """The head cells with a cell that begins in lower case joined to the one before it: a
    column's name wrapped over two lines of a web page's table ("Điểm" / "đánh giá")."""
    joined: list[_Cell] = []
    for cell in head:
        if joined and cell.text[:1].islower() and not _ORDINAL.match(cell.text):
            joined[-1] = _Cell(joined[-1].line, f"{joined[-1].text} {cell.text}")
        else:
            joined.append(cell)
    return joined


def _mixed_table_at(cells: Sequence[_Cell], i: int, floor: int) -> _Flat | None:
    """A flattened table whose columns hold figures and words ("Khá", "Tăng"), or None: of the
    head sizes before cell ``i`` that the rows bear out (no row's label among the words of a
    column), the one giving the most rows, then the widest. Rows may open on their numbers
    ("1" / "Sở Tư pháp" / "87,19" / "2" / "Tốt" under "TT | Đơn vị | Điểm | Hạng | Loại")."""
    ordinal = i > floor and cells[i - 1].text.rstrip(".") == "1"
    start = i - 1 if ordinal else i
    best: _Flat | None = None
    index_of = {c.line: n for n, c in enumerate(cells[floor:start], floor)}  # a head cell's
    for head in _heads(_head_cells(cells, start, floor, _MAX_WORDS * 4)):
        for k in range(len(head) - int(ordinal), 2, -1):
            rows, pattern, end = _mixed_rows(cells, start, k, ordinal)
            if len(rows) < 2 and pattern.startswith("ft"):
                continue  # a head's last name, then "1" and a row's label: a numbered table
            if "t" not in pattern or not _enough(cells, len(rows), pattern.count("f"), end):
                continue
            words = {r[1 + j] for r in rows for j, kind in enumerate(pattern) if kind == "t"}
            if words & {r[0] for r in rows} or (best is not None and len(rows) <= len(best.rows)):
                continue
            names = _head_names(head, k, ordinal)
            if names is not None and _consistent(names[1], rows):
                at = index_of[head[len(head) - names[0]].line]  # (a joined name's first line)
                best = _Flat(at, end - 1, names[1], rows)
    return best


def _heads(head: list[_Cell]) -> list[list[_Cell]]:
    """The head cells as they are, and with wrapped names joined when any are."""
    joined = _continued(head)
    return [head, joined] if len(joined) < len(head) else [head]


def _cells(lines: Sequence[str]) -> list[_Cell]:
    return [_Cell(n, " ".join(line.split())) for n, line in enumerate(lines) if line.strip()]
