"""Period phrases in a text ('9 tháng năm 2023', 'quý III/2023') and the text's period."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import TYPE_CHECKING

from cchc_analysis.extract.patterns import on_this_line_before
from cchc_analysis.reference.periods import Period, PeriodError, parse_period

if TYPE_CHECKING:
    from cchc_analysis.extract.document import _Doc


@dataclass(frozen=True)
class _PeriodMention:
    start: int
    end: int
    period: Period | None  # None: a month or a span of years (not a reporting period)
    kind: str  # 'part', 'year', 'range', 'month', 'span'
    context: str  # 'normal', 'comparison', 'target', 'plan'
    text: str
    guess_year: int | None = None  # for a phrase without its year: from the nearest date


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_YEAR = r"(?:19|20)\d\d"
_PERIOD_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "range",
        re.compile(
            r"(?<![a-z0-9])tu (?:ngay )?(?P<d1>\d{1,2})\s*[/.-]\s*(?P<m1>\d{1,2})(?:\s*[/.-]\s*"
            r"(?P<y1>" + _YEAR + r"))?\s*(?:den|toi|-)\s*(?:het )?(?:ngay )?(?P<d2>\d{1,2})\s*[/.-]"
            r"\s*(?P<m2>\d{1,2})\s*[/.-]\s*(?P<y2>" + _YEAR + r")"
        ),
    ),
    (
        # "tính từ 1/7 đến 20/9": a range written without its year (the document's)
        "range_unyeared",
        re.compile(
            r"(?<![a-z0-9])tu (?:ngay )?(?P<d1>\d{1,2})\s*[/.-]\s*(?P<m1>\d{1,2})\s*(?:den|toi)\s*"
            r"(?:het )?(?:ngay )?(?P<d2>\d{1,2})\s*[/.-]\s*(?P<m2>\d{1,2})(?![\d]|\s*[/.-]\s*\d)"
        ),
    ),
    (
        "range",
        re.compile(
            r"(?<![a-z0-9])(?:tu|ke tu|tinh tu) dau nam(?: (?P<y0>"
            + _YEAR
            + r"))?\s*(?:den|toi)\s*"
            r"(?:het )?(?:ngay )?(?P<d2>\d{1,2})\s*[/.-]\s*(?P<m2>\d{1,2})\s*[/.-]\s*(?P<y2>"
            + _YEAR
            + r")"
        ),
    ),
    (
        # "lũy kế từ đầu năm", "tính từ đầu năm đến nay": the year to the document's period
        # ("lũy kế" alone is the period's own running total: carried over + received)
        "to_date",
        re.compile(
            r"(?<![a-z0-9])(?:luy ke )?(?:tinh |ke )?tu dau nam"
            r"(?: (?:den nay|toi nay|den thoi diem nay))?(?![a-z0-9])"
        ),
    ),
    (
        "span",
        re.compile(
            r"(?<![a-z0-9])(?:(?:giai doan|thoi ky|tu nam|nam|nhiem ky) )?(?P<y1>"
            + _YEAR
            + r")\s*(?:-|den|toi)\s*(?:nam )?(?P<y2>"
            + _YEAR
            + r")(?![0-9])"
        ),
    ),
    (
        # "10 tháng năm 2023", "5 tháng đầu năm": months counted from January that are no
        # reporting period (only 3, 6 and 9 are); their figures are left out, never the year's
        "months",
        re.compile(
            r"(?<![a-z0-9/])(?P<n>[124578]|1[01]|mot|hai|bon|bay|tam|muoi(?: mot)?) thang"
            r"(?: (?P<pos>dau|cuoi))?(?P<nam> nam)?(?: (?P<year>" + _YEAR + r"))?(?![a-z0-9])"
        ),
    ),
    (
        "part",
        re.compile(
            r"(?<![a-z0-9/])(?P<n>3|ba|6|sau|9|chin) thang(?: (?P<pos>dau|cuoi))?"
            r"(?P<nam> nam)?(?: (?P<year>" + _YEAR + r"))?(?![a-z0-9])"
        ),
    ),
    (
        "part",
        re.compile(
            r"(?<![a-z0-9])quy (?P<q>iv|iii|ii|i|[1-4])(?![a-z0-9])(?:\s*(?:/|-|\.|nam)\s*(?P<year>"
            + _YEAR
            + r"))?"
        ),
    ),
    ("part", re.compile(r"(?<![a-z0-9])q(?P<q>[1-4])\s*[/-]\s*(?P<year>" + _YEAR + r")")),
    (
        "month",
        re.compile(
            r"(?<![a-z0-9])thang (?P<m>\d{1,2})(?:\s*(?:/|-|nam)\s*(?P<year>" + _YEAR + r"))?"
            r"(?![0-9])"
        ),
    ),
    ("year", re.compile(r"(?<![a-z0-9])nam (?P<year>" + _YEAR + r")(?![0-9])")),
    (
        "year",
        re.compile(
            r"(?<![a-z0-9])(?:par ?index|sipas|papi|pci|chi so [a-z ]{3,60}?)(?: nam)? (?P<year>"
            + _YEAR
            + r")(?![0-9])"
        ),
    ),
)
_PERIOD_CONTEXT = (
    (
        "comparison",
        # ("từ cuối năm 2017": since then, not the period; "từ đầu năm 2024" is the year so far)
        re.compile(r"(?<![a-z])(?:so voi|cung ky|hon|tu(?: cuoi)?|bang)[\s_,]*(?:cua )?(?:ca )?$"),
    ),
    (
        "target",
        re.compile(
            r"(?<![a-z])(?:phan dau|muc tieu|den|den het|vao|truoc|sau|phuong huong|"
            r"(?:ban viec|nhiem vu|ke hoach|giai phap|phuong huong) cho|"  # "bàn việc cho năm 2025"
            r"nhiem vu(?: trong tam)?(?: cong tac[a-z ]*)?|du kien|trong)[\s_,]*$"
        ),
    ),
    ("plan", re.compile(r"(?<![a-z])(?:ke hoach|chuong trinh)(?: [a-z]+){0,5}[\s_,]*$")),
)
_FULL_DATE = re.compile(
    r"(?<![\d/])(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>" + _YEAR + r")(?!\d)"
    r"|ngay (?P<d2>\d{1,2}) thang (?P<m2>\d{1,2}) nam (?P<y2>" + _YEAR + r")"
)


@cache
def _month_part(month: int) -> str | None:
    """'M07' for July when the period vocabulary has months (``reference.periods``), else
    None: a monthly figure is then left out as not a reporting period."""
    if not 1 <= month <= 12:
        return None
    try:
        return parse_period(f"2024-M{month:02d}").part  # any year the index covers
    except PeriodError:
        return None


def _period_context(folded: str, start: int) -> str:
    """'normal', or why a period phrase is not the period of the figures near it: a
    'comparison' ('so với cùng kỳ năm 2022'), a 'target' ('phấn đấu đến năm 2025') or a
    'plan' named after its year ('Kế hoạch CCHC năm 2023')."""
    before = on_this_line_before(folded, start, 40)  # a headline qualifies no period below it
    if re.search(r"(?:cung ky|so voi)[a-z\s_,]{0,12}$", before):
        return "comparison"
    for name, pattern in _PERIOD_CONTEXT:
        if pattern.search(before):
            if name == "target" and before.rstrip().endswith("trong"):
                continue  # "trong 9 tháng" is the report's own period
            return name
    return "normal"


def _part_of(groups: dict[str, str | None]) -> str:
    """'H1', 'H2', '9M', 'Q1'..'Q4' of a matched period phrase."""
    quarter = groups.get("q")
    if quarter:
        return f"Q{_ROMAN[quarter]}"
    n = {"3": 3, "ba": 3, "6": 6, "sau": 6, "9": 9, "chin": 9}[groups["n"] or "6"]
    if n == 3:
        return "Q4" if groups.get("pos") == "cuoi" else "Q1"
    if n == 9:
        return "9M"
    return "H2" if groups.get("pos") == "cuoi" else "H1"


def _year_for(part: str, when: date | None) -> int | None:
    """The year of a period named without one ('9 tháng đầu năm') from a date near it."""
    if when is None:
        return None
    end = Period(when.year, part).end
    return when.year if when >= end - timedelta(days=31) else when.year - 1


def _range_period(d1: date, d2: date) -> Period | None:
    """The reporting period a date range covers (reports often run 15/12 → 14/6)."""
    year = d2.year
    cumulative = (d1.month == 12 and d1.day >= 10 and d1.year == year - 1) or (
        d1.month == 1 and d1.day <= 5 and d1.year == year
    )
    end_month = d2.month if d2.day >= 10 else d2.month - 1
    month_start = (d1.day <= 5 and d1.month == end_month) or (
        d1.day >= 10 and (d1.month % 12) + 1 == end_month
    )
    if month_start and (d2 - d1).days <= 35:  # "từ 15/9 đến 14/10": a month's report
        part = _month_part(end_month)
        return Period(year, part) if part else None
    if cumulative:
        return {3: Period(year, "Q1"), 6: Period(year, "H1"), 9: Period(year, "9M")}.get(
            end_month, Period(year) if end_month == 12 else None
        )
    if d1.month == 12 and d1.day <= 5 and d1.year == year - 1:  # "từ 01/12/2019 đến 31/5/2020"
        return {2: Period(year, "Q1"), 5: Period(year, "H1"), 8: Period(year, "9M")}.get(
            end_month, Period(year) if end_month == 11 else None
        )
    if d1.day <= 5 and d1.month % 3 == 0 and (end_month - d1.month) % 12 == 2:
        # "quý II năm 2021 (từ ngày 1/3 đến 31/5/2021)": a quarter that some provinces run a
        # month early, as their year runs from 1 December
        return Period(year, f"Q{d1.month % 12 // 3 + 1}")
    quarter_start = d1.month in (3, 4, 6, 7, 9, 10) and (d1.day >= 10 or d1.day <= 5)
    if quarter_start and end_month - (d1.month if d1.day <= 5 else d1.month + 1) == 2:
        return Period(year, f"Q{end_month // 3}")
    if (d1.month, end_month) in ((6, 12), (7, 12)):
        return Period(year, "H2")
    return None


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _dates(folded: str) -> list[tuple[int, date]]:
    out = []
    for match in _FULL_DATE.finditer(folded):
        g = match.groupdict()
        y, m, d = (g["y"], g["m"], g["d"]) if g["y"] else (g["y2"], g["m2"], g["d2"])
        found = _safe_date(int(y), int(m), int(d))
        if found:
            out.append((match.start(), found))
    return out


# words a period's lead or context is told by, as they are written: folded, "điện tử" and
# "từ" are one ("… trên môi trường điện tử tháng 10/2025" names October, from no month)
_FUNCTION_WORDS = {
    "tu": "từ", "den": "đến", "het": "hết", "dau": "đầu", "hon": "hơn", "bang": "bằng",
    "truoc": "trước", "cuoi": "cuối", "moi": "mỗi", "vao": "vào",
}  # fmt: skip
_FUNCTION_WORD = re.compile(r"(?<![a-z])(?:" + "|".join(_FUNCTION_WORDS) + r")(?![a-z])")


def _function_words_only(text: str, folded: str) -> str:
    """The folded text with each word that folds like one of ``_FUNCTION_WORDS`` but is
    written otherwise ("tử", "bảng", "đen") in capitals, so that no lead or context pattern
    takes it for the function word; one character for one."""
    chars = list(folded)
    for match in _FUNCTION_WORD.finditer(folded):
        said = unicodedata.normalize("NFC", text[match.start() : match.end()]).lower()
        if said != _FUNCTION_WORDS[match.group()]:
            chars[match.start() : match.end()] = list(match.group().upper())
    return "".join(chars)


def _period_mentions(text: str, folded: str) -> list[_PeriodMention]:
    """Return every period phrase of the text, in order, overlapping ones dropped."""
    dates = _dates(folded)
    guarded = _function_words_only(text, folded) if len(text) == len(folded) else folded
    taken: list[tuple[int, int]] = []
    mentions: list[_PeriodMention] = []
    for kind, pattern in _PERIOD_PATTERNS:
        for match in pattern.finditer(folded):
            start, end = match.span()
            if kind == "year" and not folded.startswith("nam", start):
                start = match.start("year")  # "PAR Index 2021": the name stays a cue
            if any(s < end and start < e for s, e in taken):
                continue
            g = match.groupdict()
            period: Period | None = None
            guess: int | None = None
            if kind == "range" and "d1" not in g:  # from the start of the year
                d2 = _safe_date(int(g["y2"]), int(g["m2"]), int(g["d2"]))
                period = _range_period(date(d2.year, 1, 1), d2) if d2 else None
                if period is None:
                    continue
            elif kind == "range":
                d1 = _safe_date(int(g["y1"] or g["y2"]), int(g["m1"]), int(g["d1"]))
                d2 = _safe_date(int(g["y2"]), int(g["m2"]), int(g["d2"]))
                if d1 and d2 and d1 > d2 and not g["y1"]:
                    d1 = _safe_date(d2.year - 1, d1.month, d1.day)
                period = _range_period(d1, d2) if d1 and d2 and d1 <= d2 else None
                if period is None:
                    continue
            elif kind == "range_unyeared":
                # read in a year without 29/2 and with room before it; the year is the document's
                d2 = _safe_date(2001, int(g["m2"]), int(g["d2"]))
                d1 = _safe_date(2001, int(g["m1"]), int(g["d1"]))
                if d1 and d2 and d1 > d2:
                    d1 = _safe_date(2000, d1.month, d1.day)
                read = _range_period(d1, d2) if d1 and d2 and d1 <= d2 else None
                if read is None:
                    continue
                period = Period(0, read.part)
                near = [d for pos, d in dates if pos <= start] or [d for _, d in dates]
                guess = _year_for(read.part, near[-1]) if near and read.part else None
                kind = "range"
            elif kind == "part":
                if (
                    g.get("n")
                    and not (g.get("pos") or g.get("nam") or g.get("year"))
                    and not re.search(
                        r"(?:trong|qua|so ket|tong ket|ket qua|bao cao|cai cach hanh chinh|"
                        r"cchc)\s*$",
                        folded[max(0, start - 40) : start],
                    )
                ):
                    continue  # "6 tháng" as a duration
                part = _part_of(g)
                year = int(g["year"]) if g.get("year") else 0  # 0: named without its year
                if not year:
                    near = [d for pos, d in dates if pos <= start] or [d for _, d in dates]
                    guess = _year_for(part, near[-1] if near else None)
                period = Period(year, part)
            elif kind == "months":
                if not (g.get("pos") or g.get("year") or g.get("nam")):
                    continue  # "quá hạn 2 tháng": a duration
            elif kind == "to_date":
                pass  # resolved against the document's period (figure_period.``_sentence_period``)
            elif kind == "year":
                if re.search(r"thang\s*\d{1,2}\s*$", folded[max(0, start - 12) : start]):
                    continue  # "ngày 20 tháng 6 năm 2024": a date, not the year reported on
                period = Period(int(g["year"]))
            elif kind == "month":
                lead = re.search(
                    r"(?<![a-z])(?:den|het|tinh den|truoc|sau|tu|ke tu|cuoi|dau|hang|moi)[ \t]*\Z",
                    guarded[max(0, start - 12) : start],
                )
                # "đến hết tháng 6": a deadline, "hàng tháng": every month, not a monthly
                # figure; "Xếp hạng" ending the line above is neither
                if lead is not None and not text[start - len(lead.group()) :].startswith("hạng"):
                    continue
                if re.search(r"ngay\s*\d{1,2}\s*$", folded[max(0, start - 12) : start]):
                    continue  # "ngày 20 tháng 6 năm 2024": a date
                month = int(g["m"])
                month_part = _month_part(month)
                if month_part is not None:
                    year = int(g["year"]) if g.get("year") else 0
                    if not year:  # "tháng 10 vừa qua": the month before the article's date
                        near = [d for pos, d in dates if pos <= start] or [d for _, d in dates]
                        if near:
                            guess = near[-1].year - (month > near[-1].month)
                    period = Period(year, month_part)
            taken.append((start, end))
            mentions.append(
                _PeriodMention(
                    start,
                    end,
                    period,
                    kind,
                    _period_context(guarded, start),
                    text[start:end],
                    guess
                    if kind in ("part", "month", "range") and period and not period.year
                    else None,
                )
            )
    return sorted(mentions, key=lambda m: m.start)


def _complete(mention: _PeriodMention, year: int | None) -> Period | None:
    """The mention's period; one named without its year takes ``year`` (the document's), else
    the year of the nearest date."""
    if mention.period is None:
        return None
    if mention.period.year == 0:
        year = year or mention.guess_year
        return Period(year, mention.period.part) if year else None
    return mention.period


_LEDE_REACH = 600  # characters after the headline within which the body opens
# a year standing alone in a headline ("Tien Giang wraps up 2019 administrative reform plan"),
# not a date's, a target's nor a span's ("by 2025", "2021-2025", "Vision 2030")
_HEADLINE_YEAR = re.compile(
    r"(?<![\w/.,\-–])(?<!by )(?<!to )(?<!until )(?<!vision )(?<!den )(?<!den nam )(?<!\d, )(?<!\d )"
    r"(?P<year>(?:19|20)\d\d)(?![\w/.,\-–])"
)


def _in_brackets(text: str, position: int) -> bool:
    """True when a position stands in brackets opened on its line within 20 characters."""
    opened = text.rfind("(", max(0, position - 20), position)
    return (
        opened >= 0 and text.find(")", opened, position) < 0 and "\n" not in text[opened:position]
    )


def _headline_year(doc: _Doc) -> Period | None:
    """The year a headline names alone, once, though no period phrase says it, else None."""
    if not doc.headline:
        return None
    years = {m.group("year") for m in _HEADLINE_YEAR.finditer(doc.folded, *doc.headline)}
    return Period(int(years.pop())) if len(years) == 1 else None


def _document_period(doc: _Doc) -> tuple[Period | None, str]:
    usable = [
        m
        for m in doc.periods
        if m.context == "normal"
        and m.kind in ("part", "year", "range", "month")
        and m.period is not None
        and not doc.in_furniture(m.start)
    ]
    years = [m.period.year for m in usable if m.period is not None and m.period.year]
    fallback_year = years[0] if years else None
    headline = [m for m in usable if doc.headline and doc.headline[0] <= m.start < doc.headline[1]]
    # a year in brackets qualifies the figure before it ("tăng từ 98,88% (năm 2016) lên …")
    body = [m for m in usable if m not in headline and not _in_brackets(doc.work, m.start)]
    if not headline and (bare := _headline_year(doc)) is not None:
        return bare, f"headline: '{bare.year}'"
    for source, group in (("headline", headline), ("text", body)):
        for mention in group:
            period = _complete(mention, fallback_year)
            if period is None:
                continue
            # the body's opening period, if it opens the body ("In July" five paragraphs on
            # tells of the merger, not of the period the headline's figures are for)
            opens = body and doc.headline and body[0].start - doc.headline[1] < _LEDE_REACH
            lede = _complete(body[0], period.year) if opens else None
            if (
                source == "headline"
                and period.is_annual
                and lede
                and lede.year == period.year
                and doc.letterhead is None  # an official document's title names its period
            ):
                # "Kết quả CCHC năm 2023" over a body that opens on "9 tháng năm 2023"
                return lede, f"text: '{body[0].text.strip()}'"
            return period, f"{source}: '{mention.text.strip()}'"
    plans = [m for m in doc.periods if m.context == "plan" and m.period and m.period.year]
    if plans:
        return plans[0].period, f"text: '{plans[0].text.strip()}'"
    return None, "no period phrase ('9 tháng năm 2023', 'quý III/2023', 'năm 2021') in the text"
