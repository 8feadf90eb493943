"""The parts of a total listed after it: "tiếp nhận 512.304 hồ sơ, trong đó cấp tỉnh
120.000, cấp huyện …", "552 dịch vụ … mức độ 3 (344 dịch vụ cấp tỉnh, …)", English "99.14
percent, while that by district-level People's Committees was 98.9 percent"."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from cchc_analysis.extract.english_scope import _NUMBER_LEVEL
from cchc_analysis.extract.patterns import _patterns

if TYPE_CHECKING:
    from cchc_analysis.extract.document import _Doc
    from cchc_analysis.extract.figures import _Found
    from cchc_analysis.extract.numbers import _Token
    from cchc_analysis.extract.scope import _Scope

_PARTS_FOLLOW = re.compile(r"(?<![a-z])trong (?:do|so do)(?![a-z])")
# a bracket opening on the parts right after a total's noun ("552 dịch vụ công trực tuyến mức
# độ 3 (344 dịch vụ cấp tỉnh, …)"), not after other words ("cao hơn trung bình cả nước (97,5%)")
_PARTS_IN_BRACKETS = re.compile(r"^(?P<noun>[^(;.,]*)\(")
_NOUN_QUALIFIERS = re.compile(r"muc do [1-4]|truc tuyen|toan trinh|mot phan|\s+")


def _enumerated(
    doc: _Doc, scopes: Sequence[_Scope], token: _Token, last: _Found, noun: str | None
) -> bool:
    """True when nothing but a unit's name, the noun and punctuation stands between the previous
    figure and this one: 'tiếp nhận 512.304 hồ sơ, trong đó cấp tỉnh 120.000, cấp huyện …'."""
    gap = doc.work[last.end : token.start]
    # "giải ngân 84,6/226 tỷ đồng; huyện Tuy Phước 71,3/198,5 tỷ đồng": a pair's whole is the
    # figure's own (its plan), no word between the items
    gap = re.sub(r"^\s*/\s*[\d.,]+", lambda m: " " * len(m.group()), gap)
    parts = list(_PARTS_FOLLOW.finditer(gap))
    if parts and ";" not in gap and "." not in gap:
        # "1.890 TTHC đang được áp dụng, trong đó cấp tỉnh 1.450": the whole's own words end
        # where its parts begin
        gap = " " * parts[-1].end() + gap[parts[-1].end() :]
    bracket = _PARTS_IN_BRACKETS.match(gap)
    if bracket is not None and _only_the_noun(bracket.group("noun"), last.noun):
        gap = " " * bracket.end() + gap[bracket.end() :]
    for scope in scopes:
        if last.end <= scope.start < token.start:
            gap = gap.replace(doc.work[scope.start : scope.end], " ")
    gap = re.sub(
        # "…, trong đó thuộc thẩm quyền giải quyết cấp xã 63.085 hồ sơ": whose the part is
        r"(?<![a-z])thuoc (?:pham vi )?(?:tham quyen|pham vi)(?: giai quyet)?|"
        r"trong do|con lai|bao gom|(?<![a-z])(?:va|dat|la|co|gom|chiem|voi|rieng|trieu|nghin|ngan"
        r"|cua|o|tai)(?![a-z])"
        r"|(?<![a-z])(?:and|or|ones?)(?![a-z])"  # English: '99.84% and 99.9%', "… ones 80,200"
        # English: "… 99.14 percent, while that by district-level People's Committees was 98.9"
        r"|(?<![a-z])(?:(?:while|whereas) )?(?:that|those|the rate|the figure)"
        r"(?: (?:of|by|in|at|for))?"
        r"(?![a-z])|(?<![a-z])(?:was|were|reached|stood at|percent|per cent|by)(?![a-z])"
        r"|[:,;()_%-]",
        " ",
        # "… 99.14 percent at the provincial level, 98.9 percent at the district level": the
        # level each number is of, as the English scope reader reads it
        _NUMBER_LEVEL.sub(" ", gap),
    )
    for _, noun_pattern in _patterns().nouns:
        gap = re.sub(noun_pattern.pattern.lstrip("^"), " ", gap)
    # "45.000, 67.000 và 120.000 hồ sơ": the noun is written after the last of the run only
    noun_after_run = last.noun is None and noun == last.indicator.split(".")[0].lstrip("_")
    return not gap.strip() and (noun in (None, last.noun) or noun_after_run)


def _only_the_noun(words: str, noun: str | None) -> bool:
    """True when ``words`` are the noun of the figure before them and what qualifies it
    ("dịch vụ công trực tuyến mức độ 3"), and nothing else."""
    for cls, pattern in _patterns().nouns:
        if cls == noun:
            rest = re.sub(pattern.pattern.lstrip("^"), " ", words.strip(), count=1)
            if not _NOUN_QUALIFIERS.sub("", rest):
                return True
    return False
