"""Lines, page furniture, sentences and clauses of a text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from cchc_analysis.extract.language import ENGLISH, current_language
from cchc_analysis.extract.patterns import _patterns


@dataclass(frozen=True)
class _Line:
    number: int  # 1-based
    start: int
    end: int  # without the newline
    furniture: bool


@dataclass(frozen=True)
class _Sentence:
    start: int
    end: int
    line: int
    block: int
    index: int


def _lines(text: str) -> list[tuple[int, int, int]]:
    """Return (number, start, end) of each line (end excludes '\\r\\n')."""
    out, start = [], 0
    for number, raw in enumerate(text.split("\n"), start=1):
        end = start + len(raw)
        out.append((number, start, end - 1 if raw.endswith("\r") else end))
        start = end + 1
    return out


_LABEL_NUMBER_LINE = re.compile(r"^[^.]{0,60}[:|]\s*[\d.,\s%/]+$|^\s*[\d.,\s%/]+$")


def _furniture_flags(folded: str, lines: list[tuple[int, int, int]]) -> list[bool]:
    """Return, per line, whether it is page furniture."""
    pat = _patterns()
    flags: list[bool] = []
    related = False
    for _, start, end in lines:
        line = folded[start:end].strip()
        if not line:
            flags.append(False)
            continue
        full_sentence = line.endswith(".") and len(line) > 60
        if related and not (len(line) > 200 and line.endswith(".")):
            flags.append(True)
            continue
        related = False
        if len(line) <= 120 and pat.furniture_related.search(line):
            related = True
            flags.append(True)
            continue
        furniture = (
            (len(line) <= 160 and not full_sentence and bool(pat.furniture_anywhere.search(line)))
            or (
                len(line) <= 80
                and not line.endswith(".")
                and bool(pat.furniture_start.search(line))
            )
            or bool(re.fullmatch(r"[\W\d_]*", line) and re.search(r"\d", line))  # numbers only
        )
        flags.append(furniture)
    # widget lines ("Đã tiếp nhận: 1.234.567") next to furniture are furniture too
    changed = True
    while changed:
        changed = False
        for i, (_, start, end) in enumerate(lines):
            if flags[i]:
                continue
            line = folded[start:end].strip()
            if not line or len(line) > 80 or not _LABEL_NUMBER_LINE.match(line):
                continue
            near = [j for j in (i - 1, i + 1, i - 2, i + 2) if 0 <= j < len(lines)]
            if any(flags[j] for j in near if folded[lines[j][1] : lines[j][2]].strip()):
                flags[i] = changed = True
    return flags


_ABBREVIATIONS = {
    "tp",
    "tx",
    "tt",
    "q",
    "p",
    "ths",
    "ts",
    "pgs",
    "gs",
    "bs",
    "ks",
    "ls",
    "th",
    "st",
}
_ENGLISH_ABBREVIATIONS = {"no", "nos", "mr", "mrs", "ms", "dr", "st", "vs", "approx", "dept"}
# a stop before a capital, or a bar between cells of a row flattened to a line ("Tiếp nhận:
# 23.456 hồ sơ | Đã giải quyết: 22.900 hồ sơ")
_SENTENCE_BREAK = re.compile(
    r"[.!?]+[\"')\]]*\s+(?=[\"'(\[\-–•*]?\s*[A-ZĐÀ-Ỹ0-9])|\s\|\s+(?=[A-ZĐÀ-Ỹ])"
)


def _sentences(text: str, folded: str, lines: list[_Line]) -> list[_Sentence]:
    """Split the non-furniture lines into sentences (a line is never joined to the next, but
    for a figure alone under its label and an English sentence wrapped over lines)."""
    out: list[_Sentence] = []
    abbreviations = _ABBREVIATIONS
    if current_language() == ENGLISH:
        abbreviations = _ENGLISH_ABBREVIATIONS | {"p", "q", "st"}
        lines = _unwrapped(text, lines)
    lines = _labelled_figures(text, lines)
    block = 0
    previous_blank = True
    for line in lines:
        if line.furniture or not folded[line.start : line.end].strip():
            previous_blank = True
            continue
        if previous_blank:
            block += 1
        previous_blank = False
        start = line.start
        for match in _SENTENCE_BREAK.finditer(text, line.start, line.end):
            word = re.search(r"(\w+)\W*$", folded[start : match.start() + 1])
            if word and (
                word.group(1) in abbreviations
                or (len(word.group(1)) == 1 and word.group(1).isalpha())
            ):
                continue
            if match.start() > start:
                out.append(_Sentence(start, match.start() + 1, line.number, block, len(out)))
            start = match.end()
        if folded[start : line.end].strip():
            out.append(_Sentence(start, line.end, line.number, block, len(out)))
    return out


_OPEN_END = re.compile(
    r"(?<![A-Za-z])(?:the|of|and|or|to|in|for|a|an|with|by|on|at|from|as|that|its|their|this|"
    r"these|Public|Provincial|People's|District|Commune)\s*$"
)


def _wrapped(previous: str, line: str) -> bool:
    """True when ``line`` goes on with the sentence ``previous`` was cut in: ``previous`` ends
    without a stop and ``line`` opens in lower case, or ``previous`` ends on a word no sentence
    ends with ('the', 'of', 'Public')."""
    previous = previous.rstrip()
    if not previous or previous.endswith((".", ":", ";", "!", "?", "|")):
        return False
    if "\t" in previous or "\t" in line:
        return False  # a row of a table between tabs, no wrapped sentence
    return line[0].islower() or line[0].isdigit() or bool(_OPEN_END.search(previous))


def unwrapped_breaks(text: str) -> list[int]:
    """Positions of the line breaks of an English text that fall inside a sentence."""
    out: list[int] = []
    position = text.find("\n")
    while position >= 0:
        line_start = text.rfind("\n", 0, position) + 1
        following = text[position + 1 : text.find("\n", position + 1) % (len(text) + 1)].strip()
        if following and _wrapped(text[line_start:position], following):
            out.append(position)
        position = text.find("\n", position + 1)
    return out


def _unwrapped(text: str, lines: list[_Line]) -> list[_Line]:
    """Lines hard-wrapped inside a sentence joined again (English pages often wrap at a fixed
    width): a line that ends without a stop, followed by one that opens in lower case."""
    out: list[_Line] = []
    for line in lines:
        previous = out[-1] if out else None
        content = text[line.start : line.end].strip()
        if (
            previous is not None
            and content
            and not previous.furniture
            and not line.furniture
            and _wrapped(text[previous.start : previous.end], content)
        ):
            out[-1] = _Line(previous.number, previous.start, line.end, False)
            continue
        out.append(line)
    return out


# A line holding only a figure ("45.678", "99,5%", "56 hồ sơ") and the line of its label
# right above it ("Tổng số hồ sơ tiếp nhận", "Số hồ sơ quá hạn:"): a table or a list copied
# from a page one cell per line.
_BARE_FIGURE = re.compile(
    r"\s*\d[\d.,]*\s*(?:%|hồ sơ|thủ tục|TTHC|dịch vụ|DVC)?\.?\s*", re.IGNORECASE
)
_LABEL = re.compile(r"\s*[^\W\d_][^.;!?]{0,118}?:?\s*")


def label_value_breaks(text: str) -> list[int]:
    """Positions of the line breaks between a label and its figure alone on the next line."""
    out: list[int] = []
    position = text.find("\n")
    while position >= 0:
        line_start = text.rfind("\n", 0, position) + 1
        next_end = text.find("\n", position + 1)
        following = text[position + 1 : next_end if next_end >= 0 else len(text)]
        label = text[line_start:position]
        if (
            _BARE_FIGURE.fullmatch(following)
            and _LABEL.fullmatch(label)
            and not re.search(r"\d", label)
        ):
            out.append(position)
        position = next_end
    return out


def _labelled_figures(text: str, lines: list[_Line]) -> list[_Line]:
    """Lines with a figure alone joined to the label line above it (``label_value_breaks``)."""
    breaks = set(label_value_breaks(text))
    out: list[_Line] = []
    for line in lines:
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous.end in breaks
            and line.start == previous.end + 1
            and not previous.furniture  # (a figure alone on its line reads as furniture)
        ):
            out[-1] = _Line(previous.number, previous.start, line.end, False)
            continue
        out.append(line)
    return out


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# where a clause ends: a comma, but not the one of "người dân, doanh nghiệp" (the actors of one
# clause: "9.876 hồ sơ được người dân, doanh nghiệp thanh toán trực tuyến"), a semicolon, a
# bracket, a dash
_BOUNDARY = re.compile(
    r",(?!(?<=nguoi dan,) (?:doanh nghiep|to chuc|ca nhan)(?![a-z]))|[;()\[\]]|\s[-–]\s"
    # and a colon opening a breakdown: "Đã giải quyết 106.931 hồ sơ: trước hạn 88.410, …"
    r"|:(?=\s*(?:truoc han|dung han|qua han|tre han|trong han|gom|trong do)(?![a-z]))"
)


# an item of a list, at the start of its line: "- …", "+ …", "• …", "1. …", "2) …"
_LIST_ITEM = re.compile(r"[ \t]*(?:\d{1,2}[.)]|[-–•+*])[ \t]+")


def list_opening(text: str, position: int) -> int | None:
    """Where the line that opens a list starts ("Results for 2020:", or its first item at the
    text's start) when the line holding ``position`` is one of the list's items; else None."""
    start = text.rfind("\n", 0, position) + 1
    if not _LIST_ITEM.match(text, start):
        return None
    while start > 0 and _LIST_ITEM.match(text, start):
        start = text.rfind("\n", 0, start - 1) + 1
    for _ in range(2):  # a blank line between the opening line and its items
        line_end = text.find("\n", start)
        if start == 0 or text[start : line_end if line_end >= 0 else len(text)].strip():
            break
        start = text.rfind("\n", 0, start - 1) + 1
    return start


def _clause_start(work: str, start: int, floor: int) -> int:
    cut = floor
    for match in _BOUNDARY.finditer(work, floor, start):
        cut = match.end()
    return cut


def _clause_end(work: str, end: int, ceiling: int) -> int:
    match = _BOUNDARY.search(work, end, ceiling)
    return match.start() if match else ceiling


def _open_paren(work: str, floor: int, position: int) -> int | None:
    """Just after the last '(' still open at ``position``, else None."""
    stack: list[int] = []
    for i in range(floor, position):
        if work[i] == "(":
            stack.append(i)
        elif work[i] == ")" and stack:
            stack.pop()
    return stack[-1] + 1 if stack else None


# a number said to be an earlier time's, right after it ("had fallen to 71.40 points a week
# earlier", "… 85,2 điểm tuần trước"): not the period's own figure (folded text)
EARLIER_TIME_AFTER = re.compile(
    r"\s*(?:%|points?|pts|percent|per cent|diem)?\s*,?\s*(?:(?:a|one) (?:week|month|quarter|year)"
    r" (?:earlier|before)|(?:in |during )?the (?:previous|preceding|prior) (?:week|month|quarter)"
    r"|last (?:week|month|quarter)|(?:cua |o |vao )?(?:tuan|thang|quy|ky) truoc)(?![a-z])"
)
