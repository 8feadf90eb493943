"""Grade bars of a count of units: "01 cơ quan đạt 90 điểm", "units scoring above 90 points".

A league table's summary counts the units in each band of an index ("UBND cấp huyện có 01 cơ
quan đạt 90 điểm được phân loại xuất sắc; 05 cơ quan đạt 80 điểm trở lên", "the number of units
scoring above 90 points rose from 95 to 96", "11 units with a SIPAS index of 90% or higher").
The score there is the band's bar, or the score of units the text does not name: it is no
figure of the province, nor of any named unit.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from cchc_analysis.extract.text import _clause_start

if TYPE_CHECKING:
    from cchc_analysis.extract.document import _Doc
    from cchc_analysis.extract.figures import _Found

# the score after a count of units that reach it (folded text, up to the number); not a year
# ("năm 2023 tỉnh đạt 87,95 điểm")
_UNITS_REACHING_VI = re.compile(
    r"(?<![\w.,])(?<!thu )(?<!nam )\d+ (?:co quan|don vi|so,? (?:ban,? )?nganh|so|huyen|xa|phuong"
    r"|dia phuong|tinh|ubnd)((?: [a-z,]+){0,4}?) (?:dat|co (?:so )?diem|duoc)"
    r" (?:tu |tren |duoi |hon |it nhat )?$"
)
# units not counted, with a bar: "Chủ tịch UBND các xã, phường có điểm dưới 75 điểm phải …"
_UNITS_BARRED_VI = re.compile(
    r"(?<![a-z])(?:co quan|don vi|nganh|huyen|xa|phuong|dia phuong|tinh) co (?:so )?diem"
    r" (?:tu |tren |duoi |hon |it nhat |thap hon |cao hon )$"
)
_UNITS_REACHING_EN = re.compile(
    r"(?:(?<![\w.,/])\d+|(?<![a-z])number of)\s+(?:[a-z-]+\s+){0,2}?"
    r"(?:units?|agencies|departments|localities|provinces|districts|communes|wards)"
    r"\s+(?:scoring|scored|(?:with|having|achieving|reaching)\s+(?:an?\s+)?(?:[a-z]+\s+){0,4}?"
    r"(?:of|at))\s*(?:above|over|below|under|at least|more than|less than)?\s*$"
)
_SCORES = ("points", "percent", "bare")


def without_unit_thresholds(doc: _Doc, founds: list[_Found]) -> list[_Found]:
    """Return the figures less the scores that are a band's bar for a count of units."""
    out = []
    for found in founds:
        if found.noun in _SCORES:
            clause = _clause_start(doc.work, found.start, found.sentence.start)
            before = doc.folded[clause : found.start]
            counted = _UNITS_REACHING_VI.search(before)
            # "thứ 2 tỉnh Thái Nguyên đạt", "năm 2023 tỉnh Kon Tum đạt": a name, no count
            named = counted is not None and any(
                w[:1].isupper()
                for w in doc.text[clause : found.start][
                    counted.span(1)[0] : counted.span(1)[1]
                ].split()
            )
            if (
                (counted and not named)
                or _UNITS_REACHING_EN.search(before)
                or _UNITS_BARRED_VI.search(before)
            ):
                continue
        out.append(found)
    return out
