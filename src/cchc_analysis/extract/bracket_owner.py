"""A figure in brackets right after a province's name is that province's.

National round-ups list provinces with their figures in brackets ("Thanh Hoa (allocated VND
13,300 billion, disbursed 39.2%), Ha Nam (allocated VND 10,600 billion, …)", "Thanh Hóa (được
giao 13.300 tỷ đồng, …)"). The sentence reader gives such a figure the text's own province;
here it goes to the province named before its bracket.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from cchc_analysis.extract.model import PROVINCE_SCOPE
from cchc_analysis.extract.places import _mention_province
from cchc_analysis.reference.periods import Period

if TYPE_CHECKING:
    from cchc_analysis.extract.document import _Doc
    from cchc_analysis.extract.figures import _Found

# between a province's name and its figure: the bracket, then at most a few words, no figure
_INTO_BRACKET = re.compile(r"\s*\(\s*(?:[^\W\d_]+\s+){0,4}?(?:vnd\s*)?$")


def to_bracketed_province(
    doc: _Doc, founds: list[_Found], province: Any, period: Period | None
) -> list[_Found]:
    """Return the figures, each one standing first in brackets after another province's name
    given to that province."""
    out = []
    for found in founds:
        named = [
            m
            for m in doc.province_mentions
            if found.sentence.start <= m.start and m.end <= found.start
        ]
        if (
            named
            and found.scope == PROVINCE_SCOPE
            and found.other_province is None
            and _INTO_BRACKET.fullmatch(doc.folded, named[-1].end, found.start)
        ):
            other, _kind = _mention_province(named[-1], period)
            if other is not None and (province is None or other.name_vi != province.name_vi):
                found = replace(found, scope=named[-1].text, other_province=other.name_vi)
        out.append(found)
    return out
