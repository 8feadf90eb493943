"""Reporting periods: parse the forms real tables use into one canonical form.

Canonical forms: ``2025`` (year), ``2022-H1`` / ``2022-H2`` (half-years), ``2022-9M``
(nine months), ``2022-Q3`` (quarters), ``2025-M07`` (months). Vietnamese and common spellings
are accepted: ``6 tháng đầu năm 2022``, ``9 tháng năm 2022``, ``Q3/2022``, ``Quý III/2022``,
``năm 2021``, ``tháng 7/2025``, ``T7/2025``, ``07/2025``, ``2025-07``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

MERGER_DATE = date(2025, 7, 1)  # Resolution 202/2025/QH15: 63 provinces became 34
# The years a table can be about: from the first year of the oldest index this package
# scores (PCI, first published for 2005) to the current calendar year (nothing is reported
# on a year that has not begun).
FIRST_YEAR = 2005


def last_year() -> int:
    """The last year a period may fall in: the current calendar year."""
    return date.today().year


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_CANONICAL = re.compile(r"^(?P<year>\d{4})(?:-(?P<part>H[12]|9M|Q[1-4]|M(?:0[1-9]|1[0-2])))?$")


class PeriodError(ValueError):
    """A period string that matches none of the accepted forms."""


@dataclass(frozen=True, order=True)
class Period:
    """A reporting period; ``part`` is '' for a whole year, else 'H1', 'H2', '9M', 'Q1'..'Q4'
    or a month 'M01'..'M12'."""

    year: int
    part: str = ""

    def __str__(self) -> str:
        return f"{self.year}-{self.part}" if self.part else str(self.year)

    @property
    def month(self) -> int | None:
        """The month of a monthly period (1–12), else None."""
        return int(self.part[1:]) if self.part.startswith("M") else None

    @property
    def start(self) -> date:
        """First day covered."""
        if self.month is not None:
            return date(self.year, self.month, 1)
        month = {"": 1, "H1": 1, "H2": 7, "9M": 1, "Q1": 1, "Q2": 4, "Q3": 7, "Q4": 10}[self.part]
        return date(self.year, month, 1)

    @property
    def end(self) -> date:
        """Last day covered."""
        if self.month is not None:
            following = date(self.year + self.month // 12, self.month % 12 + 1, 1)
            return date.fromordinal(following.toordinal() - 1)
        month, day = {
            "": (12, 31),
            "H1": (6, 30),
            "H2": (12, 31),
            "9M": (9, 30),
            "Q1": (3, 31),
            "Q2": (6, 30),
            "Q3": (9, 30),
            "Q4": (12, 31),
        }[self.part]
        return date(self.year, month, day)

    @property
    def era(self) -> str:
        """'34' when the period ends on or after the 2025 merger, else '63'."""
        return "34" if self.end >= MERGER_DATE else "63"

    @property
    def is_annual(self) -> bool:
        """True for a whole calendar year."""
        return self.part == ""


def _fold(text: str) -> str:
    """Lower-case, strip diacritics (đ→d) and squeeze spaces."""
    decomposed = unicodedata.normalize("NFD", text.strip().lower()).replace("đ", "d")
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", plain)


_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(?:nam )?(?P<year>\d{4})(?:\.0+)?$"), ""),  # 2024.0 as pandas writes it
    (re.compile(r"^(?P<year>\d{4})-?(?P<part>h[12]|9m|q[1-4])$"), "{part}"),
    (re.compile(r"^(?P<part>q[1-4])[/ -](?P<year>\d{4})$"), "{part}"),
    (re.compile(r"^quy (?P<roman>iv|iii|ii|i|[1-4])[/ ](?:nam )?(?P<year>\d{4})$"), "Q"),
    (re.compile(r"^(?:6|sau) thang (?:dau )?(?:nam )?(?P<year>\d{4})$"), "H1"),
    (re.compile(r"^(?:6|sau) thang cuoi (?:nam )?(?P<year>\d{4})$"), "H2"),
    (re.compile(r"^(?:9|chin) thang (?:dau )?(?:nam )?(?P<year>\d{4})$"), "9M"),
    (re.compile(r"^(?:h|s)(?P<half>[12])[/ ](?P<year>\d{4})$"), "H"),
    # months: 2025-M07, 2025-07, thang 7/2025, thang 7 nam 2025, T7/2025, 07/2025
    (re.compile(r"^(?P<year>\d{4})-m?(?P<month>\d{1,2})$"), "M"),
    (re.compile(r"^(?:thang |t\.? ?)?(?P<month>\d{1,2})(?:/| nam |-)(?P<year>\d{4})$"), "M"),
]


def parse_period(value: str | int) -> Period:
    """Return the Period a string or year denotes; raise PeriodError naming the accepted forms."""
    text = _fold(str(value))
    for pattern, part_template in _PATTERNS:
        match = pattern.match(text)
        if not match:
            continue
        groups = match.groupdict()
        year = int(groups["year"])
        if part_template == "Q":
            roman = groups["roman"]
            part = f"Q{_ROMAN.get(roman, roman)}"
        elif part_template == "H":
            part = f"H{groups['half']}"
        elif part_template == "M":
            if not 1 <= int(groups["month"]) <= 12:
                break
            part = f"M{int(groups['month']):02d}"
        else:
            part = part_template.format(part=groups.get("part", "")).upper()
        if not FIRST_YEAR <= year <= last_year():
            when = "before" if year < FIRST_YEAR else "after"
            raise PeriodError(
                f"period {value!r}: year {year} is {when} the years an indicator table can be "
                f"about ({FIRST_YEAR}, the first PCI, to {last_year()}, the current year)"
            )
        return Period(year, part)
    raise PeriodError(
        f"unrecognised period {value!r}: use 2025, 2022-H1, 2022-H2, 2022-9M, 2022-Q3 or "
        "2025-M07 (also accepted: '6 tháng đầu năm 2022', '9 tháng năm 2022', 'Q3/2022', "
        "'Quý III/2022', 'tháng 7/2025', 'T7/2025', '07/2025')"
    )


def canonical_period(value: str | int) -> str:
    """Return the canonical string of a period (``'6 tháng đầu năm 2022'`` → ``'2022-H1'``)."""
    return str(parse_period(value))


def era_of(value: str | int) -> str:
    """Return '63' or '34': which set of provinces a period is reported on."""
    return parse_period(value).era
