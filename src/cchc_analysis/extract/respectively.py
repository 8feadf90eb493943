"""Lists read 'respectively' ("lần lượt"): the items or units named before a run of numbers,
given to the numbers in order ("số hồ sơ tiếp nhận, đã giải quyết và đang giải quyết lần lượt
là 45.600, 44.800 và 800"; "cấp tỉnh, cấp huyện và cấp xã tiếp nhận lần lượt …")."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cchc_analysis.extract.document import _Doc
    from cchc_analysis.extract.numbers import _Token
    from cchc_analysis.extract.scope import _Scope
    from cchc_analysis.extract.text import _Sentence

_RESPECTIVELY = re.compile(r"(?<![a-z])lan luot(?: (?:la|dat|co|o muc|tuong ung))?[\s_:]*$")
_LIST_GAP = re.compile(r"[\s_,;%]*(?:(?:va|ho so|hs|tthc|thu tuc|diem)(?![a-z])[\s_,;%]*)*")
# where a list of what is counted starts, and where it ends (the unit or place counted for)
_LIST_HEAD_NOUN = re.compile(
    r"(?<![a-z])(?:(?:so luong|tong so|so) )?"
    r"(?:ho so|hs|tthc|thu tuc(?: hanh chinh)?|ty le|chi so(?: thanh phan)?|noi dung)(?![a-z])"
)
_LIST_END = re.compile(r" (?:cua|tren dia ban|tai|o) | _|_")


def _run_start(
    work: str, sentence: _Sentence, tokens: Sequence[_Token], i: int, gap: re.Pattern[str]
) -> int:
    """The index of the first number of the run (numbers apart only by ``gap``) number ``i``
    is in, within its sentence."""
    k = i
    while k > 0 and tokens[k - 1].start >= sentence.start:
        if not gap.fullmatch(work, tokens[k - 1].end, tokens[k].start):
            break
        k -= 1
    return k


def _respectively(
    doc: _Doc, sentence: _Sentence, tokens: Sequence[_Token], i: int
) -> tuple[re.Match[str], int] | None:
    """('lần lượt là' before the run of numbers a number is in, index of the run's first
    number), or None when the number is in no such run."""
    work = doc.work
    k = _run_start(work, sentence, tokens, i, _LIST_GAP)
    said = _RESPECTIVELY.search(work, sentence.start, tokens[k].start)
    return (said, k) if said is not None else None


def _respective_unit(
    doc: _Doc,
    sentence: _Sentence,
    tokens: Sequence[_Token],
    i: int,
    every_unit: Callable[[], Sequence[_Scope]],
) -> str | None:
    """The unit a number stands for in units listed then read 'respectively' ("cấp tỉnh, cấp
    huyện và cấp xã tiếp nhận lần lượt 45.000, 67.000 và 120.000 hồ sơ"), else None."""
    respectively = _respectively(doc, sentence, tokens, i)
    if respectively is None:
        return None
    said, k = respectively
    units = [
        sc
        for sc in every_unit()
        if sc.kind in ("level", "subunit") and sentence.start <= sc.start < said.start()
    ]
    if len(units) < 2 or i - k >= len(units):
        return None
    return units[i - k].label


# English: the run of numbers, then "respectively" ("… were 7.52 and 6.91, respectively")
_EN_LIST_GAP = re.compile(
    r"[\s_,;%]*(?:(?:and|points?|pts|percent|per cent|dossiers|records|files)(?![a-z])[\s_,;%]*)*"
)
_EN_RESPECTIVELY = re.compile(
    r"[\s_,%]*(?:(?:points?|percent|per cent)[\s_,]*)?respectively(?![a-z])"
)
# the verb between a list and its numbers, and the word the list follows
_EN_LIST_VERB = re.compile(
    r"[\s_,]*(?:(?:were|was|are|is|stood at|reached|at|of|with|scored|recorded|totall?ed)"
    r"[\s_,]*)+$"
)
_EN_LIST_LEAD = re.compile(r"(?<![a-z])(?:in|for|of|on)\s+(?!which|them|these|this)")


def _respective_item_en(
    doc: _Doc, sentence: _Sentence, tokens: Sequence[_Token], i: int
) -> tuple[int, int] | None:
    """The span of the item a number stands for in an English list read 'respectively' ("the
    province's scores in time costs and informal charges were 7.52 and 6.91, respectively":
    6.91 is 'informal charges'), else None."""
    work = doc.work
    k = _run_start(work, sentence, tokens, i, _EN_LIST_GAP)
    m = i
    while m + 1 < len(tokens) and tokens[m + 1].end <= sentence.end:
        if _EN_LIST_GAP.fullmatch(work, tokens[m].end, tokens[m + 1].start):
            m += 1
            continue
        break
    if m == k or not _EN_RESPECTIVELY.match(work, tokens[m].end, sentence.end):
        return None
    head_start = max(work.rfind(sep, sentence.start, tokens[k].start) for sep in (";", ":"))
    head_start = max(head_start + 1, sentence.start)
    head = work[head_start : tokens[k].start]
    verb = _EN_LIST_VERB.search(head)
    head_end = head_start + (verb.start() if verb else len(head.rstrip()))
    leads = list(_EN_LIST_LEAD.finditer(work, head_start, head_end))
    start = leads[-1].end() if leads else head_start
    items: list[tuple[int, int]] = []
    begin = start
    for sep in re.finditer(r",?\s+and\s+|,\s*", work[start:head_end]):
        items.append((begin, start + sep.start()))
        begin = start + sep.end()
    items.append((begin, head_end))
    if len(items) != m - k + 1:
        return None
    return items[i - k]


def _respective_item(
    doc: _Doc, sentence: _Sentence, tokens: Sequence[_Token], i: int
) -> tuple[int, int] | None:
    """The span of the item a number stands for in a list read 'respectively' ("số hồ sơ tiếp
    nhận, đã giải quyết và đang giải quyết lần lượt là 45.600, 44.800 và 800 hồ sơ": 44.800
    is 'đã giải quyết'), else None."""
    if doc.language == "en":
        return _respective_item_en(doc, sentence, tokens, i)
    work = doc.work
    respectively = _respectively(doc, sentence, tokens, i)
    if respectively is None:
        return None
    said, k = respectively
    head_start = max(work.rfind(sep, sentence.start, said.start()) for sep in (";", ":", "."))
    head_start = max(head_start + 1, sentence.start)
    noun = _LIST_HEAD_NOUN.search(work, head_start, said.start())
    if noun is None:
        return None
    head_start = noun.start()  # "Quý I/2024, số hồ sơ tiếp nhận, …": the list starts there
    head = work[head_start : said.start()]
    cut = _LIST_END.search(head)
    head_end = head_start + (cut.start() if cut else len(head.rstrip()))
    spans: list[tuple[int, int]] = []
    start = head_start
    for sep in re.finditer(r",\s*|\s+va\s+", work[head_start:head_end]):
        spans.append((start, head_start + sep.start()))
        start = head_start + sep.end()
    spans.append((start, head_end))
    position = i - k
    if len(spans) < 2 or position >= len(spans):
        return None
    return spans[position]


# two measures named together ("the PAR INDEX and the SIPAS", "Chỉ số CCHC và Chỉ số hài lòng"),
# after which each unit's two percentages ("91.83% and 94.70%") are those measures in order
_MEASURE_PAIR = re.compile(
    r"(?<![a-z])(?P<first>par[ -]?index|chi so (?:cai cach hanh chinh|cchc))(?![a-z])"
    r"[^.;:]{0,160}?\s(?:and|va|&)\s(?:the\s|chi so\s)?[^.;:]{0,60}?"
    r"(?P<second>sipas|(?:chi so )?(?:muc do )?hai long)(?![a-z])"
)
_TWO_SHARES = re.compile(r"[\s_]*(?:%|percent|per cent)[\s_]*(?:and|va|&)[\s_]*$")
_SHARE_AFTER = re.compile(r"[\s_]*(?:%|percent|per cent)")


def _paired_measure(
    doc: _Doc, sentence: _Sentence, tokens: Sequence[_Token], i: int
) -> tuple[int, int] | None:
    """The span of the measure a percentage stands for when a unit is given two ("the Department
    of Finance, 89.20% and 95.51%") after the text named two measures together ("… by the PAR
    INDEX and the SIPAS": 95.51 is the SIPAS), else None."""
    work = doc.work
    if not _SHARE_AFTER.match(work, tokens[i].end):
        return None
    first = i > 0 and tokens[i - 1].start >= sentence.start
    first = first and bool(_TWO_SHARES.match(work[tokens[i - 1].end : tokens[i].start]))
    second = i + 1 < len(tokens) and tokens[i + 1].end <= sentence.end
    second = second and bool(_TWO_SHARES.match(work[tokens[i].end : tokens[i + 1].start]))
    if first == second:  # no pair, or a run of three
        return None
    before = [pair for pair in _measure_pairs(work) if pair[0] <= sentence.start]
    if not before:
        return None
    return before[-1][2] if first else before[-1][1]


@lru_cache(maxsize=4)
def _measure_pairs(work: str) -> tuple[tuple[int, tuple[int, int], tuple[int, int]], ...]:
    """(end, first measure's span, second's) of every two measures a text names together, read
    once a text (a percentage of every sentence asks)."""
    return tuple((m.end(), m.span("first"), m.span("second")) for m in _MEASURE_PAIR.finditer(work))
