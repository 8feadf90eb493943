"""The period of a figure: the phrase its sentence names for it, the one carried from the
sentence before, or the text's own (and the year to date a phrase such as 'lũy kế' means)."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING, Any

from cchc_analysis.extract.period_mentions import _complete
from cchc_analysis.reference.periods import Period

if TYPE_CHECKING:
    from cchc_analysis.extract.document import _Doc
    from cchc_analysis.extract.scope import _Carry
    from cchc_analysis.extract.text import _Sentence


_TO_DATE = {"M03": "Q1", "Q1": "Q1", "M06": "H1", "Q2": "H1", "H1": "H1", "M09": "9M"}
_TO_DATE |= {"Q3": "9M", "9M": "9M", "M12": "", "Q4": "", "H2": "", "": ""}


def _year_to_date(period: Period | None) -> Period | None:
    """The reporting period from January to the end of ``period`` ('2025-M09' → '2025-9M',
    '2025-Q2' → '2025-H1'), or None when no reporting period covers it ('2025-M10')."""
    if period is None or period.part not in _TO_DATE:
        return None
    return Period(period.year, _TO_DATE[period.part])


def _other_figures_year(doc: _Doc, mention: Any, position: int) -> bool:
    """True when a period mention stands in brackets closed before ``position`` with a figure
    of its own ("… (năm 2022 đạt 4,06 điểm). 2. Công khai … đạt 4,52"): that year is the
    bracketed figure's, not the next one's."""
    work = doc.work
    opened = work.rfind("(", 0, mention.start)
    if opened < 0 or work.rfind(")", opened, mention.start) >= 0:
        return False
    closed = work.find(")", mention.end, position)
    if closed < 0:
        return False
    inside = work[opened + 1 : mention.start] + work[mention.end : closed]
    # a figure inside, or the bracket dates the figure right before it ("5,85 điểm (năm 2021)")
    return bool(re.search(r"\d", inside)) or bool(
        re.search(r"\d\s*(?:%|diem|points?)?\s*$", work[max(0, opened - 12) : opened])
    )


# what may stand on a line before a period that heads a section: a number, a bullet
_HEADING_LEAD = re.compile(r"^[\s\-–•*#>]*(?:(?:[ivx]+|\d{1,2}|[a-z])[.)]\s*)?$")
_HEADING_TAIL = re.compile(r"^[\s:.;\-–)]*$")


def _section_periods(doc: _Doc) -> list[tuple[int, Period]]:
    """(where the line starts, period) of every line that is a period alone ("Năm 2023",
    "II. Quý 3/2024", "6 tháng đầu năm 2024:"): the heading of a section whose figures are that
    period's (a profile's tables year by year)."""
    year = None
    out: list[tuple[int, Period]] = []
    for mention in doc.periods:
        if mention.context != "normal" or mention.kind not in ("part", "year"):
            continue
        line_start = doc.folded.rfind("\n", 0, mention.start) + 1
        line_end = doc.folded.find("\n", mention.end)
        line_end = len(doc.folded) if line_end < 0 else line_end
        if not (
            _HEADING_LEAD.match(doc.folded[line_start : mention.start])
            and _HEADING_TAIL.match(doc.folded[mention.end : line_end])
        ):
            continue
        period = _complete(mention, year)
        if period is not None:
            out.append((line_start, period))
            year = period.year
    return out


def _section_period(doc: _Doc, position: int) -> Period | None:
    """The period of the last section heading before ``position`` (``_section_periods``), or
    None when no heading of its own precedes it (the headline is no section's)."""
    headline_end = doc.headline[1] if doc.headline else 0
    found = None
    for start, period in _section_periods_of(doc):
        if start > position:
            break
        if start >= headline_end:
            found = period
    return found


def _section_periods_of(doc: _Doc) -> list[tuple[int, Period]]:
    if doc.section_periods is None:
        doc.section_periods = _section_periods(doc)
    return doc.section_periods


# the period a count is carried or put off into ("… đang giải quyết chuyển sang tháng 4 là 227
# hồ sơ", "carried over to April"): the count is still the report period's
_CARRIED_INTO = re.compile(
    r"(?<![a-z])(?:(?:chuyen (?:tiep )?|(?:lui|keo dai|gia han|day)(?: [a-z]+){0,4} )(?:sang|qua)"
    r"|carried (?:over )?(?:in)?to)\s*$"
)  # "… 02 văn bản lùi thời gian ban hành sang năm 2019": the year it is put off to


# the period a count is carried over from ("gồm hồ sơ tháng 10 chuyển sang 9.872 và tiếp nhận
# mới 108.768"): the counts are still the report period's
_CARRIED_FROM = re.compile(r"\s*(?:chuyen (?:tiep )?(?:sang|qua)|carried over)(?![a-z])")


def _sentence_period(
    doc: _Doc, sentence: _Sentence, position: int, default: Period | None, carry: _Carry
) -> tuple[Period | None, str, bool]:
    """Return (period, note, skip) for a figure: the sentence's own period phrase when it has
    one (a year-only phrase of the document's year keeps the document's finer period), else
    the one carried from the sentence before on the same line; skip when it is a month or a
    span of years."""
    if not doc.period_forced:
        default = _section_period(doc, sentence.start) or default
    starts = doc.period_starts  # the mentions are in text order
    first, last = bisect_left(starts, sentence.start), bisect_left(starts, sentence.end)
    inside = [
        m
        for m in doc.periods[first:last]
        if m.context in ("normal",)
        and not _CARRIED_INTO.search(doc.folded, max(0, m.start - 30), m.start)
        and not _CARRIED_FROM.match(doc.folded, m.end)
    ]
    if not inside:
        if carry.note or carry.skip:
            return carry.period, carry.note, carry.skip
        return default, "", False
    before = [m for m in inside if m.start < position and not _other_figures_year(doc, m, position)]
    # a period named in brackets after the figure is another figure's ("đạt 3,69 điểm (năm
    # 2022 đạt 4,06 điểm)"), not this one's
    # nor one after another number ("6,46 points, compared with 5,87 in 2021"): that one's
    number = re.match(r"[\d.,]*", doc.work[position:])
    own_end = position + (number.end() if number else 0)
    after = [
        m
        for m in inside
        if m.start >= position
        and doc.work.rfind("(", position, m.start) <= doc.work.rfind(")", position, m.start)
        and not re.search(r"\d", doc.work[own_end : m.start])
    ]
    if not before and not after:
        if carry.note or carry.skip:
            return carry.period, carry.note, carry.skip
        return default, "", False
    mention = before[-1] if before else after[0]
    if mention.kind == "to_date":
        to_date = _year_to_date(default)
        if to_date is None:
            return (
                None,
                f"'{mention.text.strip()}' (the year to date) is not a reporting period",
                True,
            )
        return to_date, f"the year to date: '{mention.text.strip()}'", False
    if mention.kind == "span" or mention.period is None:
        return None, f"period '{mention.text.strip()}' is not a reporting period", True
    year = default.year if default else None
    period = _complete(mention, year)
    if period is None:
        return default, "", False
    if (
        default is not None
        and period.year == default.year
        # a sentence naming its own month keeps it even under --period: a month's figure is
        # never the quarter's, the half-year's or the nine months'
        and (period.is_annual or (doc.period_forced and mention.kind != "month"))
    ):
        return default, "", False
    if default is not None and period == default:
        return default, "", False
    return period, f"period from the sentence: '{mention.text.strip()}'", False
