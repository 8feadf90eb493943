"""English articles: numbers in the English format, dates and period phrases.

An English text goes through the same engine as a Vietnamese one, with the phrase data of
``data/extraction_patterns_en.yaml``. What differs in the text itself is handled here, on the
folded text and always one character for one, so that offsets stay those of the original:

* numbers: ``108,120`` is 108120 and ``99.29`` is 99.29 in English; the engine reads numbers
  the Vietnamese way, so the separators of an English number are swapped (``108.120``,
  ``99,29``) in the text it reads, and ``28 out of 40`` is written as the pair ``28/40``;
* dates (``June 14``, ``October 7, 2019``, ``2025-12-16``) are blanked like Vietnamese ones;
* period phrases (``the first quarter of 2019``, ``Q1/2023``, ``the first nine months``,
  ``in 2023``, ``last year``, ``January 2024``, ``from January 1 to June 14, 2024``) become
  the same period mentions as ``quý I/2019`` or ``9 tháng đầu năm``; ``the first two months``
  is no reporting period, and its figures are left out with the usual warning.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import replace
from datetime import date

from cchc_analysis.extract.patterns import on_this_line_before
from cchc_analysis.extract.period_mentions import (
    _YEAR,
    _month_part,
    _PeriodMention,
    _range_period,
    _year_for,
)
from cchc_analysis.reference.periods import Period

_MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")"
_ORDINAL_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"

# ---------------------------------------------------------------- numbers

# "108,120", "1,234,567.5": English grouping (a comma before each three digits)
_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d]|[.,]\d)")
# "99.29", "1.2": one decimal point (never several dots: a date or a phone number)
_DECIMAL = re.compile(r"(?<![\d.,])\d+\.\d+(?![\d]|[.,]\d)")
# "28 out of 40", "10 of 13 units", "2,373 out of a total of 3,297": a part of a whole
_OUT_OF = re.compile(
    r"(?<![\w.,])(\d[\d.,]*)(\s+(?:out\s+of|of)\s+(?:a\s+total\s+of\s+|the\s+|total\s+)?)"
    r"(?=\d[\d.,]*(?![\d.,]*\d))(?!" + _YEAR + r"(?![\d.,]))"
)


# an amount of a planned amount: "2,514 billion VND of the 5,327 billion VND plan"
_AMOUNT_OF_AMOUNT = re.compile(
    r"(?<![\w.,])\d[\d.,]*(?P<between>\s+(?:(?:vnd|dong)\s+)?(?P<scale>trillion|billion)"
    r"(?:\s+(?:vnd|dong))?\s+(?:out\s+of|of)\s+(?:a\s+total\s+of\s+|the\s+|its\s+|their\s+)?)"
    r"(?=\d[\d.,]*\s+(?:(?:vnd|dong)\s+)?(?P<whole_scale>trillion|billion)(?:\s+(?:vnd|dong))?"
    r"\s+(?:(?:capital|investment)\s+)?(?:plan|allocation)(?![a-z]))"  # (the whole a plan)
)

# an amount of another in one scale, the currency first: "VND 96.4 billion of VND 141.2 billion
# (68.27%)", "paid VND 1,412.3 billion of its VND 2,655 billion": a part of a whole
_CURRENCY_OF_CURRENCY = re.compile(
    r"(?<![a-z])vnd ?\d[\d.,]* ?(?P<scale>trillion|billion)(?P<of>\s+(?:out\s+of|of)\s+"
    r"(?:a\s+total\s+of\s+|the\s+|its\s+|their\s+)?)"
    r"(?=vnd ?\d[\d.,]* ?(?P<whole_scale>trillion|billion))"
)

# "32.884 online documents", "1.435 administrative procedures": a translation that kept the
# Vietnamese thousands dot. A count of things is whole, so a dot before three digits, with a
# count noun after it, groups thousands (the Vietnamese reading, left as written).
_DOT_THOUSANDS = re.compile(r"\d{1,3}\.\d{3}")
_COUNTED_AFTER = re.compile(
    r"\s+(?:(?!(?:million|billion|thousand|mln|bn|percent|per)(?![a-z]))[a-z][a-z-]*\s+){0,3}?"
    r"(?:dossiers|files|records|applications|documents|"
    r"submissions|procedures|requests|cases|transactions|people|citizens|visitors|enterprises|"
    r"businesses|households|services)(?![a-z])"
)


def _thousands_kept(folded: str, match: re.Match[str]) -> bool:
    """True for '32.884 online documents': a dot-grouped count the translation left as is."""
    return bool(_DOT_THOUSANDS.fullmatch(match.group())) and bool(
        _COUNTED_AFTER.match(folded, match.end())
    )


def _as_pair(chars: list[str], start: int, end: int) -> None:
    """Write the words between a part and its whole as the pair's slash ("28 out of 40" →
    "28   /   40"), one character for one."""
    chars[start:end] = [" "] * (end - start)
    chars[start + (end - start) // 2] = "/"


def english_numbers(folded: str) -> str:
    """Return the folded text with English numbers written the Vietnamese way, one character
    for one: '108,120' → '108.120', '99.29' → '99,29', '28 out of 40' → '28   /   40'; a
    count left in the Vietnamese format ('32.884 online documents') stays as written."""
    chars = list(folded)
    for pattern in (_GROUPED, _DECIMAL):
        for match in pattern.finditer(folded):
            if pattern is _DECIMAL and _thousands_kept(folded, match):
                continue
            if pattern is _GROUPED and _DECIMAL_KEPT.match(folded, match.start()):
                # "VND 3,800,891 billion": 3.800,891 as the Vietnamese text wrote it
                chars[folded.index(",", match.start())] = "."
                continue
            for i in range(match.start(), match.end()):
                if folded[i] == ",":
                    chars[i] = "."
                elif folded[i] == ".":
                    chars[i] = ","
    for match in _OUT_OF.finditer(folded):
        if re.fullmatch(r"\d+\.\d+", match.group(1)) and re.match(
            r"10(?![\d.,])", folded[match.end() :]
        ):
            continue  # "a score of 8.14 out of 10": a score on its scale, no part of a whole
        _as_pair(chars, *match.span(2))
    for match in _AMOUNT_OF_AMOUNT.finditer(folded):
        # "2,514 billion VND of the 5,327 billion VND plan": a part of a whole in one scale
        if match.group("scale") != match.group("whole_scale"):
            continue
        _as_pair(chars, *match.span("between"))
    for match in _CURRENCY_OF_CURRENCY.finditer(folded):
        if match.group("scale") == match.group("whole_scale"):
            _as_pair(chars, *match.span("of"))  # "vnd 96.4 billion / vnd 141.2 billion"
    for match in _CURRENCY_FIRST.finditer(folded):
        # "VND 26,365.6 billion" reads as "26,365.6 bil vnd": the currency after the amount,
        # where the amount's nouns are looked for, one character for one
        chars[match.start(1) : match.end(1)] = [" "] * len(match.group(1))
        scale = match.group(3)
        chars[match.start(3) : match.end(3)] = list(f"{scale[: len(scale) - 4]} vnd")
    return "".join(chars)


# a translation that kept the Vietnamese decimal comma in an amount of billions: a million
# billion dong or more is no province's budget ("VND 3,800,891 billion" is 3.800,891)
_DECIMAL_KEPT = re.compile(r"\d{1,3},\d{3},\d{3} ?(?:billion|trillion)(?![a-z])")
_CURRENCY_FIRST = re.compile(r"(?<![a-z])(vnd ?)(\d[\d.,]*) ?(billion|trillion|million)(?![a-z])")


# ---------------------------------------------------------------- dates

_DATES = re.compile(
    r"(?<![a-z0-9])(?:"
    + _MONTH
    + r")\.?\s+"
    + _ORDINAL_DAY
    + r"(?![\d])(?:\s*,?\s*"
    + _YEAR
    + r")?"
    r"|(?<![a-z0-9])" + _ORDINAL_DAY + r"\s+(?:of\s+)?(?:" + _MONTH + r")(?![a-z])"
    r"(?:\s*,?\s*" + _YEAR + r")?"
    r"|(?<![\d.,/])" + _YEAR + r"-\d{1,2}-\d{1,2}(?![\d])"
    r"|(?<![\d.,/])(?:0?[1-9]|[12]\d|3[01])\s*[-/.]\s*(?:0?[1-9]|1[0-2])\s*[-/.]\s*"
    + _YEAR
    + r"(?![\d])"
    r"|(?<![\d.,])\d{1,2}[:.,]\d{2}\s*(?:a\.?m\.?|p\.?m\.?)|(?<![\d.,])\d{1,2}\s*(?:a\.m\.|p\.m\.)"
    # a year standing alone ("by 2025", "mid-June 2025"), unless it counts something
    r"|(?<![\d.,/])" + _YEAR + r"(?![\d]|[.,/]\d|\s*(?:%|percent|per cent|dossiers|files|records|"
    r"applications|procedures|documents|points))"
)


def english_dates(folded: str) -> list[tuple[int, date]]:
    """Return (position, date) of every full date of an English text ('October 7, 2019',
    '7 October 2019', '2025-12-16', '23-10-2020'), for the year of periods named without one."""
    out = []
    pattern = re.compile(
        r"(?P<m1>" + _MONTH + r")\.?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y1>" + _YEAR + r")"
        r"|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>"
        + _MONTH
        + r"),?\s+(?P<y2>"
        + _YEAR
        + r")|(?P<y3>"
        + _YEAR
        + r")-(?P<m3>\d{1,2})-(?P<d3>\d{1,2})"
        r"|(?<![\d.,/])(?P<d4>\d{1,2})[-/.](?P<m4>\d{1,2})[-/.](?P<y4>" + _YEAR + r")"
    )
    for match in pattern.finditer(folded):
        g = match.groupdict()
        for n in "1234":
            if g[f"y{n}"]:
                month = g[f"m{n}"]
                m = _MONTHS[month] if month in _MONTHS else int(month)
                with contextlib.suppress(ValueError):
                    out.append((match.start(), date(int(g[f"y{n}"]), m, int(g[f"d{n}"]))))
                break
    return out


def english_date_spans(folded: str) -> list[tuple[int, int]]:
    """Spans of dates and clock times in an English text, to blank before numbers are read."""
    return [m.span() for m in _DATES.finditer(folded)]


# ---------------------------------------------------------------- period phrases

_ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "last": 4,
    "final": 4,
}
_COUNTS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
}
_COUNT = r"(?:\d{1,2}|" + "|".join(_COUNTS) + r")"
_OF_YEAR = r"(?:\s*(?:of|in|,)?\s*(?:the\s+year\s+)?(?P<year>" + _YEAR + r")(?![\d]))?"
_RELATIVE = r"(?:\s+(?:of\s+)?(?P<rel>this|last|the\s+previous|the\s+current|the)\s+year)?"
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "range",  # "from January 1 to June 14, 2024", "from 15/12/2023 to 14/6/2024"
        re.compile(
            r"(?<![a-z0-9])(?:from|between)\s+(?P<a>.{3,24}?)\s+(?:to|until|till|and|-|–)\s+"
            r"(?:the\s+end\s+of\s+)?(?P<b>(?:"
            + _MONTH
            + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+"
            + _YEAR
            + r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:"
            + _MONTH
            + r"),?\s+"
            + _YEAR
            + r"|\d{1,2}\s*/\s*\d{1,2}\s*/\s*"
            + _YEAR
            + r")"
        ),
    ),
    (
        "span",  # "2021-2025", "the 2021–2025 period", "from 2021 to 2025"
        re.compile(
            r"(?<![a-z0-9/])(?:(?:from|between|the|in)\s+)?(?P<y1>"
            + _YEAR
            + r")\s*(?:-|to|and|until)\s*"
            r"(?P<y2>" + _YEAR + r")(?![0-9])(?:\s+(?:period|term))?"
        ),
    ),
    (
        "part",  # "the first quarter of 2019", "the third quarter of this year", "Q1/2023"
        re.compile(
            r"(?<![a-z0-9])(?:the\s+)?(?:(?P<ybefore>"
            + _YEAR
            + r")\s+)?(?P<ord>first|second|third|fourth|last|final|1st|2nd|3rd|"
            r"4th)\s+quarter" + _OF_YEAR + _RELATIVE
        ),
    ),
    (
        "part",
        re.compile(
            r"(?<![a-z0-9])(?:q|quarter\s+)(?P<q>iv|iii|ii|i|[1-4])(?![a-z0-9])"
            r"(?:\s*(?:/|-|of|,)?\s*(?P<year>" + _YEAR + r")(?![\d]))?" + _RELATIVE
        ),
    ),
    (
        "part",  # "the first half of 2023", "H1 2023"
        re.compile(
            r"(?<![a-z0-9])(?:the\s+)?(?P<half>first|second|1st|2nd)\s+half" + _OF_YEAR + _RELATIVE
        ),
    ),
    ("part", re.compile(r"(?<![a-z0-9])h(?P<h>[12])\s*[/-]?\s*(?P<year>" + _YEAR + r")(?![\d])")),
    ("part", re.compile(r"(?<![a-z0-9])(?P<nm>[369])m\s*[/-]?\s*(?P<year>" + _YEAR + r")(?![\d])")),
    (
        # "from January to June 2024", "the six months to June 2024": months counted to a month
        "month_range",
        re.compile(
            r"(?<![a-z0-9])(?:(?:from\s+)?(?P<m1>"
            + _MONTH
            + r")(?=\s*[-–]\s*[a-z])|from\s+(?P<m1b>"
            + _MONTH
            + r")|(?:the\s+)?(?:first\s+)?(?P<n>"
            + _COUNT
            + r")[\s-]+months?)\s*(?:(?<=\s)(?:to|until|till|through|ending|ended)\s+|[-–]\s*)"
            r"(?:the\s+end\s+of\s+)?(?P<m2>"
            + _MONTH
            + r")(?![a-z])(?:\s*,?\s*(?P<year>"
            + _YEAR
            + r")(?![\d]))?"
            + _RELATIVE
        ),
    ),
    (
        # "the first six months of 2023", "the first 9 months", "nine months of 2022",
        # "the first two months" (no reporting period), "the last six months"
        "months",
        re.compile(
            r"(?<![a-z0-9])(?:(?:the\s+)?(?P<pos>first|last|past|final|initial)\s+)?"
            r"(?P<n>" + _COUNT + r")[\s-]+months?(?![a-z])(?:\s+period)?" + _OF_YEAR + _RELATIVE
        ),
    ),
    (
        "to_date",  # "by the end of June 2024": the half-year so far; "of February": no period
        re.compile(
            r"(?<![a-z0-9])(?:by|as\s+of|until|till|to|at|up\s+to)\s+the\s+end\s+of\s+(?P<m>"
            + _MONTH
            + r")(?![a-z])(?!\.?\s+\d{1,2}(?:st|nd|rd|th)?(?!\d))(?:\s*,?\s*(?P<year>"
            + _YEAR
            + r")(?![\d]))?"
            + _RELATIVE
        ),
    ),
    (
        "month",  # "January 2024", "in February", "in March this year"
        re.compile(
            r"(?<![a-z0-9])(?P<m>" + _MONTH + r")(?![a-z])(?!\.?\s+\d{1,2}(?!\d))"
            r"(?:\s*,?\s*(?:of\s+)?(?P<year>" + _YEAR + r")(?![\d]))?" + _RELATIVE
        ),
    ),
    (
        "year",  # "in 2023", "the year 2023", "2023's", "PAR Index 2021"
        re.compile(
            r"(?<![a-z0-9])(?:(?:in|of|for|during|throughout|the\s+year|year|since|by\s+the\s+end\s+of"
            r"|at\s+the\s+end\s+of|as\s+of\s+the\s+end\s+of)\s+)(?:the\s+year\s+)?(?P<year>"
            + _YEAR
            + r")(?![\d])"
            r"|(?:par\s*index|sipas|papi|pci|index)\s+(?:of\s+|in\s+|for\s+)?(?P<iyear>"
            + _YEAR
            + r")(?![\d])"
            # "the 2023 PAPI", "the 2022 Provincial Competitiveness Index": the edition's year
            r"|(?<![a-z0-9])the\s+(?P<eyear>"
            + _YEAR
            + r")\s+(?=par\s*index|sipas|papi|pci|provincial\s+(?:governance|competitiveness)"
            r"|public\s+administration\s+reform\s+index|satisfaction\s+index)"
        ),
    ),
    # a short line (a headline, a dateline) closing on a year: "Hoa Binh province, 2024"
    ("year", re.compile(r"(?m)(?<=[,:–-] )(?P<year>" + _YEAR + r")(?=[ \t]*$)")),
    (
        "relative_year",  # "this year", "last year", "in the year"
        re.compile(
            r"(?<![a-z0-9])(?P<rel>this|last|the\s+previous|the\s+current|past)\s+year(?![a-z])"
        ),
    ),
)
_CONTEXTS = (
    (
        "comparison",
        re.compile(
            r"(?<![a-z])(?:compared\s+(?:to|with)|as\s+against|versus|vs\.?|than|over|from|"
            r"same\s+period(?:\s+(?:of|in|last))?|against|up\s+from|down\s+from|previous)"
            r"[\s_,]*(?:the\s+)?(?:same\s+period\s+(?:of|in)\s+)?$"
        ),
    ),
    (
        "target",
        re.compile(
            r"(?<![a-z])(?:by|target(?:s|ed)?(?:\s+for)?|aim(?:s|ing|ed)?\s+(?:to|for|at)|goal"
            r"(?:\s+for)?|plan(?:s|ned)?\s+for|until|till|before|towards?|strive\s+(?:to|for)|"
            r"vision\s+to|orientation\s+to|next)[\s_,]*(?:the\s+(?:end\s+of\s+)?)?$"
        ),
    ),
    (
        "plan",
        re.compile(
            r"(?<![a-z])(?:plan|programme|program)(?:\s+[a-z]+){0,4}\s+(?:for|of|in)[\s_,]*(?:the\s+)?$"
        ),
    ),
)


def _context(folded: str, start: int, edition: bool = False) -> str:
    """'normal', or why a period phrase is no period of the figures near it: a comparison
    ('compared to 2022'), a target ('by 2025') or a plan named after its year; an index's
    ``edition`` ("by the 2023 PAR Index": ranked by it) is no target."""
    before = on_this_line_before(folded, start, 40)  # a headline qualifies no period below it
    if edition and re.search(r"(?<![a-z])by\s+(?:the\s+)?$", before):
        return "normal"
    if re.search(r"(?:by|at|as\s+of)\s+the\s+end\s+of\s*$", before):
        return "normal"  # "by the end of 2023": the year to date
    for name, pattern in _CONTEXTS:
        if pattern.search(before):
            return name
    return "normal"


def _part(kind: str, g: dict[str, str | None]) -> str | None:
    """'Q1'..'Q4', 'H1', 'H2', '9M' of a phrase, or None when it names no reporting period."""
    if g.get("ord"):
        return f"Q{_ORDINALS[g['ord'] or 'first']}"
    if g.get("q"):
        return "Q" + str({"i": 1, "ii": 2, "iii": 3, "iv": 4}.get(g["q"] or "", 0) or g["q"])
    if g.get("half"):
        return "H1" if g["half"] in ("first", "1st") else "H2"
    if g.get("h"):
        return f"H{g['h']}"
    if g.get("nm"):
        return {"3": "Q1", "6": "H1", "9": "9M"}[g["nm"] or "9"]
    return None


def _months_part(g: dict[str, str | None]) -> str | None:
    """'Q1' (3), 'H1' (6), '9M' (9) or 'H2' (the last six) for a count of months, else None."""
    raw = g["n"] or ""
    n = int(raw) if raw.isdigit() else _COUNTS.get(raw, 0)
    if g.get("pos") == "past" or (g.get("pos") in ("last", "final") and not g.get("year")):
        return None  # "the past six months": a window back from the article's date
    if g.get("pos") in ("last", "final"):
        return {6: "H2", 3: "Q4"}.get(n)
    return {3: "Q1", 6: "H1", 9: "9M", 12: ""}.get(n)


def _month_range_part(g: dict[str, str | None]) -> str | None:
    """The reporting period of a run of months ending in a month: from January to March, June,
    September or December (or three, six, nine, twelve months to it), a quarter, July to
    December; None for any other run."""
    last = _MONTHS[g["m2"] or ""]
    if g.get("m1") or g.get("m1b"):
        first = _MONTHS[g["m1"] or g["m1b"] or ""]
    else:
        raw = g["n"] or ""
        first = last - (int(raw) if raw.isdigit() else _COUNTS.get(raw, 0)) + 1
    if first == 1:
        return {3: "Q1", 6: "H1", 9: "9M", 12: ""}.get(last)
    if last - first == 2 and last % 3 == 0:
        return f"Q{last // 3}"
    return "H2" if (first, last) == (7, 12) else None


def english_period_mentions(text: str, folded: str) -> list[_PeriodMention]:
    """Return every period phrase of an English text, in order, overlapping ones dropped."""
    dates = english_dates(folded)
    taken: list[tuple[int, int]] = []
    mentions: list[_PeriodMention] = []

    def near_date(start: int) -> date | None:
        before = [d for pos, d in dates if pos <= start] or [d for _, d in dates]
        return before[-1] if before else None

    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(folded):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken):
                continue
            g = match.groupdict()
            period: Period | None = None
            guess: int | None = None
            out_kind = kind
            rel = re.sub(r"\s+", " ", g.get("rel") or "")
            if kind == "range":
                a, b = _range_date(g["a"] or "", None), _range_date(g["b"] or "", None)
                if b is not None and a is None:
                    a = _range_date(g["a"] or "", b.year)
                if a is None or b is None or a > b:
                    continue
                period = _range_period(a, b)
                if period is None:
                    continue
            elif kind == "span":
                if int(g["y1"] or 0) >= int(g["y2"] or 0):
                    continue
            elif kind in ("part", "months"):
                part = _part(kind, g) if kind == "part" else _months_part(g)
                if kind == "months":
                    if not (g.get("pos") or g.get("year") or rel):
                        continue  # "within 3 months": a duration
                    # "the first two months" names no reporting period: kind 'months'
                    out_kind = "months" if part is None else ("part" if part else "year")
                if part is not None:
                    year = _year_of(g, rel, near_date(start))
                    if not year:
                        guess = _year_for(part or "Q4", near_date(start))
                    period = Period(year or 0, part)
            elif kind == "month_range":
                part = _month_range_part(g)
                out_kind = "months" if part is None else ("part" if part else "year")
                if part is not None:
                    year = _year_of(g, rel, near_date(start))
                    if not year:
                        guess = _year_for(part or "Q4", near_date(start))
                    period = Period(year or 0, part)
            elif kind == "to_date":
                to_date = {3: "Q1", 6: "H1", 9: "9M", 12: ""}.get(_MONTHS[g["m"] or ""])
                if to_date is None:
                    out_kind = "months"  # January to February: no reporting period
                else:
                    out_kind = "part" if to_date else "year"
                    year = _year_of(g, rel, near_date(start))
                    if not year:
                        guess = _year_for(to_date or "Q4", near_date(start))
                    period = Period(year or 0, to_date)
            elif kind == "month":
                if re.search(
                    r"(?:by|until|till|before|after|since|from|end\s+of|early|late|mid|every)"
                    r"[\s-]*(?:the\s+)?$",
                    folded[max(0, start - 16) : start],
                ):
                    continue  # "by the end of February": a deadline, not a monthly figure
                if g["m"] in ("may", "mar") and text[start].islower():
                    continue  # "may" the verb
                month = _MONTHS[g["m"] or ""]
                month_part = _month_part(month)
                if month_part is None:
                    continue
                year = _year_of(g, rel, near_date(start))
                if not year:
                    near = near_date(start)
                    guess = near.year - (month > near.month) if near else None
                period = Period(year or 0, month_part)
            elif kind == "year":
                if re.search(
                    _MONTH + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s*$",
                    folded[max(0, start - 20) : start],
                ):
                    continue  # "March 5, 2024": a date, not the year reported on
                year_text = g.get("year") or g.get("iyear") or g.get("eyear")
                if g.get("iyear"):
                    start = match.start("iyear")  # "PAR Index 2021": the name stays a cue
                if g.get("eyear"):
                    start = match.start("eyear")  # "the 2023 PAPI": the name stays a cue
                period = Period(int(year_text or 0))
            elif kind == "relative_year":
                near = near_date(start)
                if near is None:
                    continue
                out_kind = "year"
                period = Period(near.year - (1 if rel in ("last", "the previous", "past") else 0))
            taken.append((start, end))
            mentions.append(
                _PeriodMention(
                    start,
                    end,
                    period,
                    out_kind,
                    "comparison"
                    if rel in ("last", "the previous", "past") and kind != "relative_year"
                    else _context(folded, start, edition=bool(g.get("eyear"))),
                    text[start:end],
                    guess if period is not None and not period.year else None,
                )
            )
    ordered = sorted(mentions, key=lambda m: m.start)
    return _years_guessed(_without_glosses(folded, ordered))


def _without_glosses(folded: str, mentions: list[_PeriodMention]) -> list[_PeriodMention]:
    """Drop the months that gloss a count of months in brackets: 'the first two months
    (July and August 2025)' is one period phrase, no reporting period."""
    out: list[_PeriodMention] = []
    for mention in mentions:
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous.kind == "months"
            and mention.kind in ("month", "year")
            and re.fullmatch(r"[^()]{0,40}\([^()]*", folded[previous.end : mention.start])
        ):
            continue
        out.append(mention)
    return out


def _years_guessed(mentions: list[_PeriodMention]) -> list[_PeriodMention]:
    """A phrase without its year and without a date near it ('in February') takes the year of
    the nearest phrase that names one ('the first two months of 2025')."""
    dated = [
        (m.start, m.period.year if m.period and m.period.year else int(written[-1]))
        for m in mentions
        for written in [re.findall(_YEAR, m.text)]
        if (m.period is not None and m.period.year) or written
    ]
    out = []
    for mention in mentions:
        undated = mention.period is not None and not mention.period.year
        if undated and mention.guess_year is None and dated:
            _, year = min(dated, key=lambda d: abs(d[0] - mention.start))
            mention = replace(mention, guess_year=year)
        out.append(mention)
    return out


def _year_of(g: dict[str, str | None], rel: str, near: date | None) -> int | None:
    """The year a phrase names: written, or 'this year' / 'last year' from the article's date."""
    if g.get("year") or g.get("ybefore"):
        return int(g.get("year") or g.get("ybefore") or 0)
    if rel and near is not None:
        return near.year - (1 if rel in ("last", "the previous") else 0)
    return None


def _range_date(phrase: str, year: int | None) -> date | None:
    """A date of a range ('January 1', 'June 14, 2024', '15/12/2023'); ``year`` when the
    phrase has none."""
    phrase = phrase.strip(" ,")
    match = re.fullmatch(
        r"(?:the\s+)?(?:beginning|start)\s+of\s+(?:the\s+year\s*)?(?P<y0>" + _YEAR + r")?", phrase
    )
    if match:
        y = int(match.group("y0")) if match.group("y0") else year
        return date(y, 1, 1) if y else None
    found = english_dates(phrase)
    if found:
        return found[0][1]
    match = re.fullmatch(
        r"(?P<m>"
        + _MONTH
        + r")\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?|(?P<d2>\d{1,2})(?:st|nd|rd|th)?"
        r"\s+(?:of\s+)?(?P<m2>" + _MONTH + r")|(?P<d3>\d{1,2})\s*/\s*(?P<m3>\d{1,2})",
        phrase,
    )
    if not match or year is None:
        return None
    g = match.groupdict()
    month = g["m"] or g["m2"]
    m = _MONTHS[month] if month else int(g["m3"] or 0)
    d = int(g["d"] or g["d2"] or g["d3"] or 0)
    try:
        return date(year, m, d)
    except ValueError:
        return None
