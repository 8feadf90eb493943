"""Numbers in the Vietnamese format, and what is blanked out before they are read."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cchc_analysis.extract.model import _HIDE
from cchc_analysis.extract.patterns import _E, _patterns
from cchc_analysis.extract.period_mentions import _YEAR

if TYPE_CHECKING:
    from cchc_analysis.extract.period_mentions import _PeriodMention


_NUMBER = (
    # "1,234,567": commas between groups of three twice or more, an English grouping only
    r"\d{1,3}(?:,\d{3}){2,}(?![\d,])"
    r"|\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:[\u00a0\u202f]\d{3})+(?:,\d+)?"
    # "12 345 hồ sơ": thousands set apart by plain spaces, before what they count
    r"|\d{1,3}(?: \d{3})+(?= (?:ho so|hs|thu tuc|tthc|dich vu|dvc|luot|van ban|nguoi)(?![a-z]))"
    r"|\d+(?:,\d+)?"
    r"|\d+\.\d{1,2}(?!\d)"  # "99.5%": a decimal point (one or two digits: never a group)
)
# a page whose words were glued as it was saved ("led the country with91.04 percent", "đạt91,04
# điểm"): a number right after one of these words stands on its own
_GLUED_AFTER = ("with", "at", "of", "by", "was", "reached", "dat", "la", "voi", "vnd")  # "VNĐ5"
_TOKEN = re.compile(
    r"(?:(?<![\w.,/])|"
    + "|".join(f"(?<=(?<![a-z]){word})" for word in _GLUED_AFTER)
    + r")(?P<a>"
    + _NUMBER
    # "VND 8,017.5 billion/VND 13,983.7 billion", "6.626 tỷ đồng/9.047,9 tỷ đồng": a pair whose
    # sides both carry the amount's scale (the one after the second is the pair's)
    + r")(?:(?:\s*(?P<scale>billion|trillion|million|bil|tril|mil|ty|trieu)(?:\s+(?:vnd|dong))?)?"
    + r"\s*/\s*(?:vnd\s*)?(?P<b>"
    + _NUMBER
    + r")(?(scale)(?=\s*(?P=scale))))?(?![\w]|[.,/]\d)"
)


def parse_vi_number(text: str) -> float | None:
    """Return the number a figure written the Vietnamese way stands for, or None:
    '512.304' → 512304, '70,25' → 70.25, '1.234,5' → 1234.5, '01' → 1; a dot followed by one
    or two digits can only be a decimal point ('99.5' → 99.5)."""
    cleaned = text.strip().replace("\u00a0", "").replace("\u202f", "")
    cleaned = re.sub(r"(?<=\d) (?=\d{3}(?!\d))", "", cleaned)  # "12 345"
    if re.fullmatch(r"\d{1,3}(?:,\d{3}){2,}", cleaned):
        return float(cleaned.replace(",", ""))  # "1,234,567"
    if not re.fullmatch(_NUMBER, cleaned):
        return None
    if re.fullmatch(r"\d+\.\d{1,2}", cleaned):
        return float(cleaned)
    return float(cleaned.replace(".", "").replace(",", "."))


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    a: str
    b: str | None  # denominator of an x/y pair
    a_end: int  # end of the numerator's text

    @property
    def is_pair(self) -> bool:
        return self.b is not None


def _hide(work: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if work[i] not in " \n\r\t":
            work[i] = _HIDE


_PHONE = re.compile(
    r"(?<![a-z])(?:(?:dien thoai|dt|tel|hotline|duong day nong|fax|sdt|lien he)\s*[:.]?\s*)"
    r"[(+\d][\d\s.()+\-]{5,}\d"
    r"|(?<![\d.,])\(?0\d{2,3}\)?[\s.\-]?\d{3,4}[\s.\-]?\d{3,4}(?![\d])"
    r"|(?<![\d.,])\+84[\d\s.\-]{8,}\d"
    r"|(?<![\d.,])1[89]00[\s.]?\d{3,4}(?:[\s.]?\d{2,4})?(?![\d])"
)
_DATE_LIKE = re.compile(
    r"(?<![\d.,/])" + _YEAR + r"-\d{1,2}-\d{1,2}(?![\d])|"  # ISO: 2025-11-08
    r"(?:ngay\s*)?(?<![\d.,/])(?:0?[1-9]|[12]\d|3[01])\s*[/.-]\s*(?:0?[1-9]|1[0-2])\s*[/.-]"
    r"(?:\s*\d{4}|\d{2})(?![\d])"  # (not "2.5. 16/16 xã": a heading's number, then a count)
    r"|(?<![\d.,/])(?:0?[1-9]|1[0-2])\s*/\s*" + _YEAR + r"(?![\d])"
    r"|ngay \d{1,2}(?:\s*[/-]\s*\d{1,2})?(?:\s*(?:thang)\s*\d{1,2})?(?![\d])"
    r"|(?<![a-z])(?:truoc|sau|den|tu|han|het|ke tu|cuoi|dau|tuan|ngay|sang|chieu|trua|toi|dem)"
    r"\s+\d{1,2}\s*[/-]\s*\d{1,2}"  # "Chiều 5/6, ông …": the afternoon of 5 June
    r"(?![\d/])"
    r"|(?<![a-z])thang \d{1,2}(?:\s*[/-]\s*\d{2,4})?(?![\d])"
    # a day and month alone, written with a leading zero ("(02/02)", "05/9") and no noun after
    # it: a count of units is never written so ("12/12 xã", "02/02 hồ sơ" have their noun)
    r"|(?<![\d.,/])(?:0[1-9]/(?:0?[1-9]|1[0-2])|(?:[1-9]|[12]\d|3[01])/0[1-9])(?![\d/])"
    r"(?=\s*(?:[).,;:]|$|\s(?:sau|truoc|vua|nam|toi|den|tai|khi|luc)(?![a-z])))"
)
# An abbreviation glossed in brackets, read through as if absent (English: 'procedure (AP)').
_GLOSS = re.compile(r"\((?:tthc|hs|dvc|dvctt|dvcttt|cchc|ttpvhcc|ttthc|ubnd|dn|aps?)\)")
# A definition, not a figure: "Tỉ lệ đúng hạn = 100% - Tỉ lệ trễ hạn".
_FORMULA = re.compile(
    r"=[ \t]*\d[\d.,]*[ \t]*%?|(?<=[= ])\d+(?:,\d+)?[ \t]*%(?=[ \t]+[-+][ \t]+(?:ty le|so |tong))"
)
_TIME = re.compile(
    r"(?<![\d.,])\d{1,2}\s*(?::|h|gio)\s*\d{2}(?:\s*(?:phut|'|p))?(?![\d])|\d{1,2} gio"
)
_URL = re.compile(
    r"https?://\S+|www\.\S+|[\w.\-]+@[\w.\-]+\.\w+|[\w\-]+\.(?:gov|com|org|edu)\.vn\S*"
)
# The number in an index's name: "chỉ số 766", "the 766 index" (Decision 766/QĐ-TTg's)
_INDEX_NUMBER = re.compile(
    r"(?:(?<=chi so )|(?<=chi so theo )|(?<=index )|(?<=indices ))766(?!\d|[.,]\d)"
    r"|(?<![\d.,])766(?=[- ]ind(?:ex|ices))"
)
# A row's number in its own cell before the row's label ("1<TAB>Participation at Local
# Levels<TAB>5.12", "2.1<TAB>Sở Tư pháp<TAB>…"): it numbers the row, it counts nothing
_ROW_NUMBER = re.compile(
    r"(?<!\S)(?:\d{1,3}(?:\.\d{1,2}){0,3}|[ivx]{1,5})\.?(?=[ ]*\t[ \t]*[^\W\d_])"
)
_YEARS = re.compile(
    r"(?:(?<=nam )|(?<=nam_)|(?<=giai doan )|(?<=nien do )|(?<=nhiem ky ))" + _YEAR + r"(?![\d])"
)


def _masked_text(folded: str, periods: Sequence[_PeriodMention]) -> str:
    """Return the folded text with dates, years, period phrases, times, URLs, phone numbers,
    document numbers and ranks blanked out as '_' (label numbers such as 'mức độ 4' keep their
    text, without the commas that would split them)."""
    pat = _patterns()
    work = list(folded)
    labels = [m.span() for m in pat.labels.finditer(folded)]
    for start, end in labels:
        for i in range(start, end):
            if work[i] in ",;":
                work[i] = " "
    for mention in periods:
        _hide(work, mention.start, mention.end)
    for match in _GLOSS.finditer(folded):  # "thủ tục hành chính (TTHC) trong kỳ": read through
        for i in range(*match.span()):
            work[i] = " "
    for pattern in (_URL, _PHONE, _DATE_LIKE, _TIME, _YEARS, _FORMULA, _ROW_NUMBER, _INDEX_NUMBER):
        for match in pattern.finditer(folded):
            _hide(work, *match.span())
    for match in pat.joined.finditer(folded):
        for i in range(*match.span()):
            if work[i] == ",":
                work[i] = " "
    text = "".join(work)
    for pattern in (pat.document_number, pat.rank):
        for match in pattern.finditer(text):
            spans = [match.span(g) for g in match.groupdict() if match.group(g) is not None]
            if not spans or any(s <= spans[0][0] < e for s, e in labels):
                continue
            start, end = spans[0]
            rest = text[end:]
            if pattern is pat.document_number and not re.match(r"\s*/", rest):
                noun, _, _ = _noun_at(rest)
                if noun not in (None, "other"):
                    continue  # "kế hoạch 40 nhiệm vụ": a count after the word
            for start, end in spans:
                _hide(work, start, end)
    # "3.595 TTHC mới" is a count, "Quyết định 766/QĐ-TTg" a number with letters after '/'
    # ("đúng hạn 17265/trễ hạn 1458" is two figures of a status pair, not a number with letters)
    for match in re.finditer(
        r"(?<![\w.,])\d[\d.,]*/(?=[a-z_])"
        r"(?!(?:tre|qua|dung|trong|truoc|som|cham) h[ae]n)[\w\-/_.]*",
        text,
    ):
        _hide(work, *match.span())
    return "".join(work)


def _tokens(work: str) -> list[_Token]:
    out = []
    for match in _TOKEN.finditer(work):
        out.append(
            _Token(match.start(), match.end(), match.group("a"), match.group("b"), match.end("a"))
        )
    return out


def _noun_at(right: str) -> tuple[str | None, int, float]:
    """Return (noun class, length consumed, scale) for the text after a number: the class of
    the noun it starts with, None when it starts with no noun (a function word, a cue,
    punctuation), or 'other' for an unknown word. Scale words ('triệu') are consumed first."""
    pat = _patterns()
    consumed, scale = 0, 1.0
    for amount, factor in sorted(pat.amount_factors.items(), key=lambda kv: -len(kv[0])):
        match = re.match(r"\s*" + amount + _E, right)
        if match:
            return "amount", match.end(), factor
    for pattern, factor in pat.scales:
        match = pattern.match(right)
        if match:
            consumed, scale = match.end(), factor
            break
    rest = right[consumed:]
    for cls, pattern in pat.nouns:
        match = pattern.match(rest)
        if match:
            return cls, consumed + match.end(), scale
    stripped = rest.lstrip()
    if not stripped or not stripped[0].isalpha():
        return None, consumed, scale
    if pat.function_words.match(stripped):
        return None, consumed, scale
    if any(rule.after and rule.after.match(stripped) for rule in pat.rules):
        return None, consumed, scale
    return "other", consumed, scale
