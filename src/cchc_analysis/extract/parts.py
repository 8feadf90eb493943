"""Parts of a total listed in the sentence after it: "Năm 2024, tỉnh đã công bố 1.900 thủ tục
hành chính. Trong đó, cấp tỉnh 1.400 thủ tục; cấp huyện 235 thủ tục; cấp xã 140 thủ tục.",
"… published 1,900 procedures. Among them, there are nearly 1,400 provincial-level procedures;
235 at the district level, …".

The sentence reader enumerates the parts of a total within its own sentence; here a sentence
that opens by pointing back at the figures before ("Trong đó", "Trong số này", "Among them",
"Of these") gives each number it names with a level or a unit the indicator of the previous
sentence's total, and that level or unit as its scope.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from cchc_analysis.extract.figures import _bound, _Found, _value_of
from cchc_analysis.extract.language import ENGLISH
from cchc_analysis.extract.numbers import _noun_at, _Token
from cchc_analysis.extract.scope import _scopes
from cchc_analysis.extract.text import _clause_end, _clause_start
from cchc_analysis.reference.periods import Period

if TYPE_CHECKING:
    from cchc_analysis.extract.document import _Doc

# A paragraph that opens on the figures of the one before ("Trong số hồ sơ trên, …").
BACK_REFERENCE = re.compile(
    r"[\s\-+•*\"(]*(?:trong so (?:ho so |hs )?(?:nay|do|tren|con lai)|trong do|"
    r"so (?:ho so|hs) (?:tren|nay|con lai))(?![a-z])"
)
# The same in English: "Of these, …", "Among them, …", "Of the total, …"
EN_BACK_REFERENCE = re.compile(
    r"[\s\-+•*\"(]*(?:of (?:these|them|this|which|those|the total|the above|"
    r"the (?:dossiers|records|files|applications) (?:above|received))|among (?:them|these|those)|"
    r"in which)(?![a-z])"
)
# totals whose parts a report lists by level or unit
_TOTALS = (
    "dossier.received",
    "dossier.resolved",
    "dossier.online",
    "dossier.pending",
    "tthc.published",
    "tthc.in_force",
    "tthc.abolished",
    "tthc.amended",
    "service.online_level3",
    "service.online_level4",
)
# what may stand between a level or unit and its number ("cấp tỉnh: 1.400", "cấp huyện có 235")
_BETWEEN = re.compile(
    r"[\s:,_-]*(?:(?:co|la|gom|voi|chiem|tiep nhan|there (?:are|were)|nearly|over|about|"
    r"more than|some|almost|gan|hon|tren|khoang)[\s:,_-]*)*"
)
_NOTE = "a part of the total in the sentence before"


def parts_after_totals(
    doc: _Doc,
    tokens: Sequence[_Token],
    founds: list[_Found],
    province: Any,
    period: Period | None,
) -> list[_Found]:
    """Return the figures with the parts listed after a total added (see the module)."""
    back = EN_BACK_REFERENCE if doc.language == ENGLISH else BACK_REFERENCE
    starts = [t.start for t in tokens]
    read = {f.start for f in founds}
    added: list[_Found] = []
    for previous, sentence in zip(doc.sentences, doc.sentences[1:], strict=False):
        if previous.block != sentence.block or not back.match(doc.folded, sentence.start):
            continue
        totals = [
            f
            for f in founds
            if f.sentence.start == previous.start and f.indicator in _TOTALS and f.scope
        ]
        if not totals:
            continue
        total = totals[-1]
        inside = tokens[bisect_left(starts, sentence.start) : bisect_left(starts, sentence.end)]
        if any(t.start in read for t in inside):
            continue  # the sentence reader read this sentence: it is not a list of parts
        units = [
            s
            for s in _scopes(doc, sentence, province, period, subjects_only=False)
            if s.kind == "level"
            or (s.kind == "subunit" and not any(s.start <= t.start < s.end for t in inside))
        ]  # ("cấp huyện 235": no unit named '235')
        parts = []
        for token in inside:
            if token.is_pair:
                continue
            noun, _, _ = _noun_at(doc.work[token.end :])
            if noun not in (None, total.noun):
                continue
            low = _clause_start(doc.work, token.start, sentence.start)
            high = _clause_end(doc.work, token.end, sentence.end)
            bound, bound_len = _bound(doc.folded[low : token.start])
            before = [
                u
                for u in units
                if low <= u.start
                and u.end <= token.start - bound_len
                and _BETWEEN.fullmatch(doc.folded, u.end, token.start - bound_len)
            ]
            after = [u for u in units if token.end <= u.start < high]  # "235 at the district level"
            # a level read with its count ("235 at the district level" as one mention)
            covering = [u for u in units if u.start <= token.start < u.end and u.kind == "level"]
            named = covering or (
                (after or before) if doc.language == ENGLISH else (before or after)
            )
            if not named:
                continue
            value, notes = _value_of(token.a, total.noun, 1.0, 1.0)
            parts.append(
                replace(
                    total,
                    value=value,
                    text=doc.text[token.start : token.end],
                    start=token.start,
                    end=token.a_end,
                    sentence=sentence,
                    confidence=0.6,
                    bound=bound,
                    notes=[*notes, _NOTE],
                    scope=named[0].label,
                    other_province=None,
                )
            )
        # a list of parts (not one number that follows a level), which together cannot
        # exceed their total ("Trong đó, cấp tỉnh có 1.809 DVCTT và cấp xã có 425" after
        # "2.234 DVCTT (1.096 toàn trình và 1.138 một phần)" are parts of 2.234, not of 1.138)
        whole = sum(p.value for p in parts)
        # the total they add up to, when the sentence before gives several ("tiếp nhận 45.000,
        # đã giải quyết 44.000. Trong đó, cấp tỉnh 12.000, …")
        equal = [t for t in totals if abs(t.value - whole) <= 0.005 * t.value]
        if equal and equal[-1] is not total:
            parts = [replace(p, indicator=equal[-1].indicator) for p in parts]
        elif len(parts) < 2 or whole > total.value * 1.001:
            continue
        added += parts
    return sorted([*founds, *added], key=lambda f: f.start)
