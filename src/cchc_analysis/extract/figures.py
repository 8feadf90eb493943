"""Figures: numbers tied to catalogue indicators by the rules, within a sentence."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING, Any

from cchc_analysis.extract.enumeration import _PARTS_FOLLOW, _enumerated
from cchc_analysis.extract.figure_period import _sentence_period
from cchc_analysis.extract.listed import _listed_under
from cchc_analysis.extract.numbers import _noun_at, parse_vi_number
from cchc_analysis.extract.patterns import _patterns, fold
from cchc_analysis.extract.period_mentions import _YEAR
from cchc_analysis.extract.respectively import (
    _paired_measure,
    _respective_item,
    _respective_unit,
)
from cchc_analysis.extract.rules import _Context, _context, _match_rules, _without_asides
from cchc_analysis.extract.scope import _Carry, _scope_at, _scopes
from cchc_analysis.extract.trailing import (
    _counted_level,
    _level_after_noun,
    _unit_after,
    _units_listed_before,
)
from cchc_analysis.reference.periods import Period

if TYPE_CHECKING:
    from cchc_analysis.extract.document import _Doc
    from cchc_analysis.extract.numbers import _Token
    from cchc_analysis.extract.scope import _Scope
    from cchc_analysis.extract.text import _Sentence


def _bound(left: str) -> tuple[str, int]:
    """Return (bound kind or '', length of the bound words) for the clause before a number."""
    for kind, pattern in _patterns().bounds:
        match = pattern.search(left)
        if match:
            return kind, len(left) - match.start()
    return "", 0


_BOUND_NOTES = {"lower": "lower bound", "upper": "upper bound", "approx": "approximate"}
_BOUND_PENALTY = {"": 0.0, "lower": 0.3, "upper": 0.3, "approx": 0.2}


@cache
def _catalogue_units() -> dict[str, tuple[str, float | None, float | None]]:
    from cchc_analysis.reference.catalogue import load_catalogue

    return {
        row["id"]: (row["unit"], row["min"], row["max"])
        for row in load_catalogue().iter_rows(named=True)
    }


@dataclass
class _Found:
    """A figure before province, period and reconciliation are settled."""

    indicator: str
    value: float
    text: str
    start: int
    end: int
    sentence: _Sentence
    cue: str
    confidence: float
    bound: str
    notes: list[str]
    scope: str
    other_province: str | None
    period: Period | None
    period_note: str
    noun: str | None = None  # what the number counted ('dossier', 'percent', …)


@dataclass(frozen=True)
class _Share:
    """A percentage stated next to a figure ('quá hạn 1.210 hồ sơ (chiếm 0,24%)')."""

    of: _Found
    percent: float
    text: str
    decimals: int
    start: int
    end: int


def _decimals(text: str) -> int:
    return len(text.split(",")[1]) if "," in text else 0


def _value_of(text: str, noun: str | None, scale: float, factor: float) -> tuple[float, list[str]]:
    """Read a figure; a count written '512,304' (English grouping) is read as 512304."""
    value = parse_vi_number(text)
    notes: list[str] = []
    assert value is not None
    if (
        noun not in ("percent", "amount", "points", None)
        and scale == 1
        and re.fullmatch(r"[1-9]\d{0,2},\d{3}", text)
    ):
        value = float(text.replace(",", ""))
        notes.append("',' read as a thousands separator")
    if noun in ("percent", "points") and value > 100 and re.fullmatch(r"\d{1,2}\.\d{3}", text):
        value = float(text)  # "91.651 điểm": a score is at most 100, so the dot is a decimal point
        notes.append("'.' read as a decimal point (a score)")
    if noun == "amount":
        value *= factor * scale if scale != 1 else factor
        value = round(value, 6)  # "3,910,200 million VND" is 3910.2 billion, not 3910.2000000000003
    else:
        value *= scale
    return value, notes


@dataclass(frozen=True)
class _Reading:
    """A number as it reads where it stands."""

    noun: str | None  # noun class after it, None (none), 'other' (an unknown word)
    consumed: int  # characters of scale word and noun after it
    scale: float  # 'triệu' → 1e6
    amount_factor: float  # 'nghìn tỷ đồng' → 1000 (VND billion)
    bound: str  # '', 'lower', 'upper', 'approx'
    bound_len: int  # characters of the bound words before it
    changed: bool  # 'tăng 12%': a change, not a level
    before_year: int | None = None  # 'từ 90,30% (2021) xuống …': the level of that year


# a thing done, before the date it was done by
_DONE_BY = re.compile(
    r"(?<![a-z])(?:had|has|have|was|were)(?: been)? [a-z]+(?:ed|id|en|ne|ut)(?: out)?\s*$"
)
_MINISTRY = re.compile(r"(?:cac )?bo (?!phan)[a-z]")
_RANGE_AFTER = re.compile(r"\s*%?\s*(?:[-–]|(?:den|toi)\s+(?:duoi\s+|tren\s+)?)\s*\d")
_RANGE_BEFORE = re.compile(
    r"\d\s*%?\s*[-–]\s*$|(?<![a-z])tu\s+[\d.,]+\s*%?\s*(?:den|toi)\s+(?:duoi\s+|tren\s+)?$"
)  # "từ 80% đến dưới 90%": a band, no figure
_TARGET_SENTENCE = re.compile(
    r"[\s\W_]*(?:(?:nam|den nam|den het nam|giai doan|trong nam)[\s_,-]*)?"
    r"(?:muc tieu|phan dau|chi tieu|dinh huong|ke hoach (?:dat ra|de ra))(?![a-z])"
)
# an aim named in a sentence makes the numbers after it targets, until it says what was done
_AIM = re.compile(
    r"(?<![a-z])(?:phan dau|muc tieu|chi tieu (?:de ra|dat ra|giao)|nham dat|de dat)(?![a-z])"
)
_AIM_MET = re.compile(
    r"(?<![a-z])(?:dat|vuot|hoan thanh|so voi|theo|thuc hien|cu the hoa|ve dich)"
    r"(?: [a-z]+){0,3}\s*$"
)
_ACHIEVED = re.compile(
    r"(?<![a-z])(?:ket qua|thuc te|dat duoc|den nay|hien nay|vuot|"
    r"da (?!dang|so|phan|nang|chieu|ngon|nganh|muc)[a-z]+)(?![a-z])"
)
# "giảm từ 90,30% (2021) xuống 82,18%", "tăng từ 79 điểm lên 83,39 điểm"
_FROM_TO = re.compile(
    r"(?<![a-z])tu[\s_]+\d[\d.,]*\s*(?:%|diem)?\s*(?:\([\s_\d]*\)\s*)?[,\s]*"
    r"(?:xuong con|xuong muc|xuong|len den|len muc|len)[\s_]*$"
)
_FROM_BEFORE_TO = re.compile(r"\s*(?:%|diem)?\s*(?:\([\s_\d]*\)\s*)?[,\s]*(?:xuong|len)(?![a-z])")
# "chỉ số SIPAS tăng so với trước - đạt 83,45%": the comparison ends before the level
_CHANGE_THEN_LEVEL = re.compile(
    r"(?:tang|giam|cai thien)[a-z ]{0,24}so voi[^,;]{0,40}?[\s,\-–_]+(?:va |va da )?"
    r"(?:dat|dat muc|o muc)[\s_:]*$"
)
# the earlier year's level in brackets after a comparison: "tăng nhẹ so với năm 2023 (75,03%)"
_COMPARED_YEAR = re.compile(
    r"(?:so voi (?:cung ky )?nam|(?:compared (?:to|with)|from|against|than|over) (?:the year )?"
    r"(?:of )?(?:in )?)\s*((?:19|20)\d\d)\s*\(\s*(?:(?:dat|la|chi dat|was|at)\s+|:\s*)?$"
)
# another year's level in brackets right after a figure: "đạt 3,69 điểm (năm 2022 đạt 4,06
# điểm)", "4.83 points (in 2020: 5.02)"
_YEAR_IN_BRACKET = re.compile(
    r"[\d.,]+\s*(?:%|diem|points?|percent)?\s*\(\s*(?:nam|in)\s+((?:19|20)\d\d)\s*"
    r"(?:dat|la|:|was|reached|with)?\s*$"
)
# the same measure's level in an earlier year, in brackets later in the clause: "đạt 73/100
# điểm, xếp 25/63 (năm 2022 chỉ số này là 48,38 điểm)"
_THIS_MEASURE_IN_BRACKET = re.compile(
    r"\(\s*nam\s+((?:19|20)\d\d)\s*,?\s*(?:chi so nay|muc nay|ty le nay|con so nay)\s*"
    r"(?:dat|la|:)\s*$"
)
# the note of a figure that is another year's level of the measure before it (read by the
# ranked-score reader, which leaves such figures to the sentence reader)
EARLIER_LEVEL = "the level of"
_SUPERLATIVE_CHANGE = re.compile(
    r"(?<![a-z])(?:tang|giam)(?: (?:cao|thap|manh|nhieu|it|nhanh|sau))? nhat(?![a-z])"
)


_DOT_DECIMAL = re.compile(r"\d{1,2}\.\d{3}")
_SPENDING_PLANNED = re.compile(r"(?<![a-z])plan(?:s|ned)? to (?:disburse|allocate|spend)(?![a-z])")


def _read_number(
    doc: _Doc, sentence: _Sentence, tokens: Sequence[_Token], i: int, ctx: _Context
) -> _Reading | None:
    """Return how a number reads, or None when it is no figure of the period: a code ('0203'),
    a year, a comparison with another period, a target, a rate per day or month."""
    pat = _patterns()
    token = tokens[i]
    noun, consumed, scale = _noun_at(ctx.right)
    amount_factor = 1.0
    if noun == "amount":
        scale, amount_factor = 1.0, scale
    if token.a.startswith("0") and len(token.a.split(",")[0]) >= 3:
        return None  # a phone or code fragment ("01 dịch vụ" passes)
    bound, bound_len = _bound(ctx.left)
    year = not token.is_pair and re.fullmatch(_YEAR, token.a) and noun in (None, "other")
    if year and (not bound or noun == "other"):
        return None  # a year ("hơn 3000 đã giải quyết …": a count, written without its dot)
    core = ctx.left[: len(ctx.left) - bound_len] if bound_len else ctx.left
    before_year = None
    if _FROM_BEFORE_TO.match(doc.work, token.end) and re.search(r"(?<![a-z])tu[\s_]*$", ctx.left):
        # "từ 87,61% xuống 86,78%": the level before, kept when its year is named
        before_year = _year_before_change(doc, sentence, token)
        if before_year is None:
            return None
    earlier = _COMPARED_YEAR.search(doc.folded, max(sentence.start, token.start - 40), token.start)
    if earlier is not None and before_year is None:
        before_year = int(earlier.group(1))  # "tăng so với năm 2023 (75,03%)": 2023's level
    bracket_from = max(sentence.start, token.start - 40)
    bracket = _YEAR_IN_BRACKET.search(
        doc.folded, bracket_from, token.start
    ) or _THIS_MEASURE_IN_BRACKET.search(doc.folded, bracket_from, token.start)
    if bracket is not None and before_year is None:
        before_year = int(bracket.group(1))  # "đạt 3,69 điểm (năm 2022 đạt 4,06 điểm)"
    window = doc.work[max(sentence.start, token.start - 60) : token.start]
    new_level = bool(_FROM_TO.search(window))  # "từ 87,61% xuống 86,78%": the level now
    changed = not new_level and before_year is None and bool(pat.change.search(core.rstrip(" _")))
    if not changed and not new_level:  # "tăng cao nhất là Bình Thuận (6,39%)": a change
        changed = bool(_SUPERLATIVE_CHANGE.search(re.split(r"[,;]", ctx.left_any)[-1]))
    compared = pat.comparison.search(ctx.left) and not _CHANGE_THEN_LEVEL.search(ctx.left)
    if (
        not changed
        and before_year is None
        and (compared or _other_period_before(doc, sentence, tokens, i))
    ):
        return None
    target_after = pat.target.search(ctx.right)
    if target_after and _DONE_BY.search(ctx.left) and target_after.group().startswith("by "):
        target_after = None  # "had disbursed VND 4,981 billion by January 31, 2022": done by then
    target_before = pat.target.search(ctx.left)
    if target_before and target_before.group().startswith("by ") and _DONE_BY.search(core):
        target_before = None  # "by September 30 it had paid out more than 171 billion VND"
    if (target_before or target_after) and not (
        noun == "amount" and _SPENDING_PLANNED.search(ctx.left)
    ):
        return None  # a target; but "the province plans to disburse VND 3,504 billion" is its plan
    if _RANGE_AFTER.match(doc.work, token.end) or _RANGE_BEFORE.search(
        doc.work, max(0, token.start - 24), token.start
    ):
        return None  # "từ 99,2-99,9%", "40-60%": a range, no single figure
    if _TARGET_SENTENCE.match(doc.work, sentence.start):
        return None  # "Mục tiêu năm 2025, tỷ lệ … đạt 80%, …": every figure is a target
    aims = [
        aim
        for aim in _AIM.finditer(doc.work, sentence.start, token.start)
        if not _AIM_MET.search(doc.work, max(sentence.start, aim.start() - 24), aim.start())
    ]  # "đạt và vượt chỉ tiêu đề ra, với 123.289 hồ sơ": an aim met, the figure is a result
    if aims and not _ACHIEVED.search(doc.work, aims[-1].end(), token.start):
        return None  # "…, đồng thời phấn đấu trong năm 2015 có 65% văn bản …": a target
    if pat.per_unit.search(ctx.left) or pat.per_unit.search(ctx.left_any):
        return None
    return _Reading(noun, consumed, scale, amount_factor, bound, bound_len, changed, before_year)


def _year_before_change(doc: _Doc, sentence: _Sentence, token: _Token) -> int | None:
    """The year of the level a change starts from: '(2021)' right after it, else the one
    year of a 'so với năm 2021' earlier in the sentence; None when neither is written."""
    after = re.match(
        r"\s*(?:%|điểm)?\s*\(\s*(?:năm\s+)?(\d{4})\s*\)", doc.text[token.end : token.end + 24]
    )  # "(2021)", "(năm 2021)"
    if after:
        return int(after.group(1))
    compared = re.findall(
        r"(?<![a-z])so voi (?:nam )?(\d{4})", doc.folded[sentence.start : token.start]
    )
    return int(compared[-1]) if len(set(compared)) == 1 else None


def _as_share(
    doc: _Doc,
    tokens: Sequence[_Token],
    i: int,
    ctx: _Context,
    reading: _Reading,
    last: _Found | None,
) -> _Share | None:
    """A percentage that restates the previous figure of the clause ('quá hạn 1.210 hồ sơ
    (chiếm 0,24%)', 'hoàn thành 28/40 nhiệm vụ, đạt 70%'), else None."""
    token = tokens[i]
    if reading.noun != "percent" or token.is_pair or last is None or i == 0:
        return None
    # an aside in brackets between the count and its share is read over ("đúng hạn 15.539 hồ
    # sơ (trong đó có 370 hồ sơ đang giải quyết trong hạn), đạt tỷ lệ 97,93%")
    between = re.sub(r"\([^()]*\)", "", doc.work[last.end : token.start])
    if (
        tokens[i - 1].end < last.end
        or _catalogue_units().get(last.indicator, ("",))[0] in ("percent", "points")
        or last.indicator.endswith("_pct")
        or last.noun == "percent"
        or ";" in between
        or len(between) > 90
        or not _patterns().share.match(ctx.left)
        or not (ctx.left.strip(" _:") or re.search(r"\(\s*$", between))
    ):
        return None
    value = parse_vi_number(token.a)
    if value is None:
        return None
    text = doc.text[token.start : token.a_end]
    return _Share(last, value, text, _decimals(token.a), token.start, token.end)


def _before_aside(
    doc: _Doc, found: Sequence[_Found], last: _Found | None, token: _Token
) -> _Found | None:
    """The figure a share after a bracketed aside restates: ``last`` unless ``last`` stands in
    brackets closed before the share, then the last figure before those brackets ("giải quyết
    đúng hạn 15.539 hồ sơ (trong đó có 370 hồ sơ đang giải quyết), đạt tỷ lệ 97,93%")."""
    if last is None:
        return None
    opened = doc.work.rfind("(", 0, last.start)
    if opened < 0 or doc.work.rfind(")", opened, last.start) >= 0:
        return last  # not in brackets
    if doc.work.find(")", last.end, token.start) < 0:
        return last  # the brackets are still open: "(… 370 hồ sơ, chiếm 2%)"
    before = [f for f in found if f.end <= opened and f.sentence == last.sentence]
    return before[-1] if before else last


def _named_after(ctx: _Context, reading: _Reading, token: _Token, last: _Found | None) -> bool:
    """True when a percentage is named by the words right after it ("98,5% đúng hạn")."""
    previous = last.indicator if last else None
    match = _match_rules(
        ctx, reading.noun, token.is_pair, previous, token.start, token.end, reading.changed
    )
    return bool(match and match.tier == 3 and match.rule.indicator)


def _on_time_share(doc: _Doc, share: _Share, found: Sequence[_Found] = ()) -> _Found | None:
    """'trước và đúng hạn 497.350 hồ sơ (đạt 99,76%)': the share is dossier.on_time_pct; so is
    the share of 'đúng hạn' when the sentence counts no dossiers resolved early."""
    last = share.of
    if last.indicator == "dossier.resolved_on_time" and not any(
        f.indicator == "dossier.resolved_early" and f.sentence == last.sentence for f in found
    ):
        pass  # "đúng hạn 8.050 hồ sơ (đạt 99,38%)" with no early count: "đúng hạn" is both
    elif last.indicator != "_dossier.early_or_on_time":
        return None
    return replace(
        last,
        indicator="dossier.on_time_pct",
        value=share.percent,
        text=share.text,
        start=share.start,
        end=share.end,
        cue=f"{doc.text[last.start : last.end]} … {share.text}%",
        confidence=round(last.confidence - 0.05, 2),
        bound="",
        notes=["share of the early-or-on-time count"],
    )


def _equivalent_count(
    doc: _Doc, token: _Token, ctx: _Context, reading: _Reading, last: _Found | None
) -> str | None:
    """'trực tuyến chiếm 48,2%, tương đương 153.406 hồ sơ', 'quá hạn chiếm 0,5% (62 hồ sơ)':
    the count a stated percentage stands for (data: percent_counts), else None."""
    if last is None or reading.noun not in ("dossier", None):
        return None
    if not _EQUIVALENT.match(ctx.left) and not (
        last.noun == "percent"
        and reading.noun == "dossier"
        and _BRACKETED.fullmatch(doc.work, last.end, token.start)
    ):
        return None
    return _patterns().percent_counts.get(last.indicator)


def _restated(
    doc: _Doc, token: _Token, ctx: _Context, reading: _Reading, indicator: str, last: _Found
) -> _Found:
    """The count restating the previous percentage, in that percentage's context."""
    value, notes = _value_of(token.a, reading.noun, reading.scale, reading.amount_factor)
    bound_note = [_BOUND_NOTES[reading.bound]] if reading.bound else []
    return replace(
        last,
        indicator=indicator,
        value=value,
        text=doc.text[token.start - reading.bound_len : token.end].strip(),
        start=token.start,
        end=token.end,
        cue=f"{last.cue} … {doc.text[ctx.left_offset : token.start].strip()}",
        confidence=round(last.confidence - 0.1 - _BOUND_PENALTY[reading.bound], 2),
        bound=reading.bound,
        notes=[*bound_note, *notes, "restates the percentage before it"],
    )


_BRACKETED = re.compile(r"[\s%_]*\(\s*")  # "quá hạn chiếm 0,5% (62 hồ sơ)"
_EQUIVALENT = re.compile(r"^[\s_%]*(?:tuong duong|tuong ung|tuc la|voi|bang)[\s_:]*$")


def _unit_in_brackets(
    doc: _Doc, scopes: Sequence[_Scope], token: _Token, reading: _Reading
) -> str | None:
    """The unit named alone in brackets right after a figure, else None."""
    at = token.end + reading.consumed
    opened = re.match(r"[\s%]*\(\s*", doc.work[at : at + 8])
    if not opened:
        return None
    inside = at + opened.end()
    closed = doc.work.find(")", inside, inside + 90)
    for scope in scopes:
        if (
            scope.kind in ("subunit", "level")
            and re.fullmatch(r"\s*(?:ubnd|uy ban nhan dan)?\s*", doc.work[inside : scope.start])
            and closed >= 0
            and not doc.work[scope.end : closed].strip(" ,.")
        ):
            return scope.label
    return None


_ON_TIME_COUNTS = ("dossier.resolved_on_time", "_dossier.early_or_on_time")
_RESOLVED_PARTS = (
    "dossier.resolved_early",
    "dossier.resolved_on_time",
    "dossier.resolved_late",
    "_dossier.early_or_on_time",
)
# "10/15 UBND cấp huyện đạt tỷ lệ … trên 98%", "15/20 sở, ngành đạt tỷ lệ 100%": how many
# units reach a level, not a figure of the period.
_UNITS_OVER_THRESHOLD = re.compile(
    r"(?<!thu )(?<!hang )\d+\s*/\s*\d+\s+"  # ("xếp thứ 9/19 sở": a rank, no count)
    r"(?:ubnd|uy ban|co quan|don vi|huyen|quan|xa|phuong|so|dia phuong|cap)"
    # "Những địa phương có tỷ lệ … đạt 100% là …", "các đơn vị có tỷ lệ … trên 98%"
    r"|(?<![a-z])(?:nhung|cac) (?:dia phuong|don vi|co quan|xa|phuong|huyen|so|nganh)"
    r"(?:,? (?:xa|phuong|thi tran|huyen|don vi|nganh|dia phuong))* (?:co|dat) ty le"
)


# the most points a part of the PAR INDEX has been worth in any year's methodology (SIPAS and
# the impact 10 at most, the leaders' survey 22); a larger maximum is that of another measure
_PART_MAXIMUM = {
    "par.sipas_points": 15.0,
    "par.impact_points": 15.0,
    "par.leader_survey_points": 30.0,
}


def _pair_figures(current: _Found, token: _Token, reading: _Reading) -> list[_Found]:
    """Both figures of 'x/y' (completed of planned, units of all units, late of received)."""
    pat = _patterns()
    indicator = current.indicator
    numerators = [k for k, v in pat.pairs.items() if v == indicator]
    if indicator not in pat.pairs and _ALLOCATED.search(fold(current.cue)):
        return []  # "has allocated 4,697/4,915 billion VND": capital allocated, none spent
    whole = parse_vi_number(token.b or "")
    if indicator not in pat.pairs and len(numerators) == 1:
        current = replace(current, indicator=numerators[0])  # the cue named the whole
    denominator = pat.pairs.get(current.indicator)
    if current.indicator in _RESOLVED_PARTS and re.search(r"giai quyet|xu ly", fold(current.cue)):
        denominator = "dossier.resolved"  # "2.335/669.916 HS đã giải quyết trễ hạn": of resolved
    points = _catalogue_units().get(indicator, ("",))[0] == "points"
    if denominator is None and points and whole is not None and whole >= current.value > 0:
        if whole > _PART_MAXIMUM.get(current.indicator, 100.0):
            return []  # "tác động … đạt 31,62/38,5": the whole survey, named as one of its parts
        return [replace(current, notes=[*current.notes, f"of a maximum of {token.b}"])]
    if denominator is None or whole is None or whole < current.value:
        return []  # not a part of a whole ("15/10")
    notes = [*current.notes, f"x/y: {token.a}/{token.b}"]
    scale = reading.scale if reading.noun != "amount" else 1.0
    return [
        replace(current, notes=notes),
        replace(
            current,
            indicator=denominator,
            value=whole * scale,
            start=token.end - len(token.b or ""),
            end=token.end,
            notes=notes,
        ),
    ]


_ALLOCATED = re.compile(r"allocat|phan bo")  # a cue of what is allocated of a plan, not spent
# the post, which only carries dossiers: "Bưu điện tỉnh …", "Quang Ninh Post Office"
_POST_OFFICE = re.compile(
    r"^buu dien|(?<![a-z])(?:post office|postal service|vietnam post)(?![a-z])"
)


def _find_in_sentence(
    doc: _Doc,
    sentence: _Sentence,
    previous_sentence: _Sentence | None,
    tokens: list[_Token],
    province: Any,
    period: Period | None,
    carry: _Carry,
) -> tuple[list[_Found], list[_Share], list[str], _Carry]:
    """Return the figures, the shares and the skipped-period notes of one sentence, and what
    it carries to the next sentence on its line."""
    scopes = _scopes(doc, sentence, province, period)
    # objects as well as subjects, read once and only when a figure asks where it was counted
    every_unit = cache(lambda: _scopes(doc, sentence, province, period, subjects_only=False))
    named_only = province is None
    start_scope = (carry.scope, carry.other)
    found: list[_Found] = []
    shares: list[_Share] = []
    skipped: list[str] = []
    last: _Found | None = None
    for i, token in enumerate(tokens):
        ctx = _context(doc, sentence, previous_sentence, tokens, i, last.end if last else None)
        reading = _read_number(doc, sentence, tokens, i, ctx)
        if reading is None:
            continue
        share = _as_share(doc, tokens, i, ctx, reading, _before_aside(doc, found, last, token))
        if share is not None and _named_after(ctx, reading, token, last):
            share = None  # "giải quyết 205.100 hồ sơ, đạt 98,5% đúng hạn": a rate of its own
        if share is not None:
            shares.append(share)
            on_time = _on_time_share(doc, share, found)
            found += [on_time] if on_time else []
            continue
        equivalent = _equivalent_count(doc, token, ctx, reading, last)
        if equivalent is not None:
            assert last is not None
            restated = _restated(doc, token, ctx, reading, equivalent, last)
            # "đạt 83,7% (681/814 hồ sơ)": the count and, of a pair, its whole
            whole = token.is_pair and restated.indicator not in _RESOLVED_PARTS
            found += (_pair_figures(restated, token, reading) if whole else []) or [restated]
            last = restated
            continue
        previous = last.indicator if last else None
        item = _paired_measure(doc, sentence, tokens, i) or _respective_item(
            doc, sentence, tokens, i
        )
        match = None
        if item is not None:  # "… tiếp nhận, đã giải quyết … lần lượt là 45.600, 44.800 …"
            item_ctx = replace(
                ctx,
                left=doc.work[item[0] : item[1]],
                left_offset=item[0],
                left_any=doc.work[item[0] : item[1]],
                left_any_offset=item[0],
                near=doc.work[item[0] : item[1]],
            )
            match = _match_rules(
                item_ctx, reading.noun, token.is_pair, previous, token.start, token.end,
                reading.changed,
            )  # fmt: skip
            # items that name no measure (units listed "respectively") leave the sentence's cue
            ctx = item_ctx if match is not None else ctx
        if match is None:
            match = _match_rules(
                ctx, reading.noun, token.is_pair, previous, token.start, token.end, reading.changed
            )
        if _dossiers_as_procedures(token, reading, match):
            # "tiếp nhận và xử lý 6.120 thủ tục hành chính": no province has that many
            # procedures; the count is of dossiers, named loosely
            as_dossiers = _match_rules(
                ctx, "dossier", token.is_pair, previous, token.start, token.end, False
            )
            if as_dossiers is not None and as_dossiers.tier >= 2:
                reading, match = replace(reading, noun="dossier"), as_dossiers
        scope, other = _scope_at(scopes, token.start, start_scope, named_only, doc.work)
        trailing = None
        unnamed = (scope, other) == start_scope and not any(sc.start < token.start for sc in scopes)
        if unnamed or scope == "cấp tỉnh":
            trailing = _unit_after(doc, sentence, tokens, i, every_unit)
            if trailing is not None and not unnamed and not fold(trailing).startswith("trung tam"):
                trailing = None  # the departments' dossiers "tại Trung tâm …" are the centre's
            if trailing is not None:  # "có 5.432 hồ sơ được tiếp nhận tại Trung tâm …"
                scope, other = trailing, None
        level = _level_after_noun(doc, token, reading)
        if level:
            scope, other = level, None
        if match is not None and (match.rule.indicator or "").startswith("onestop."):
            counted = _counted_level(doc, token)  # "12/12 huyện, thành phố": the district level
            scope, other = (counted, None) if counted else (scope, other)
        unit = _respective_unit(doc, sentence, tokens, i, every_unit)
        if unit is not None:
            scope, other = unit, None
        owner = _unit_in_brackets(doc, scopes, token, reading)
        if owner is not None:  # "98,63 điểm (Sở Công Thương)": the unit the figure is of
            scope, other = owner, None
        if _MINISTRY.match(fold(scope)):
            continue  # a ministry's figure ("Bộ Công Thương … 1,488 triệu hồ sơ"): no province's
        if _POST_OFFICE.search(fold(scope)):
            continue  # the post only carries dossiers ("Bưu điện tỉnh … tiếp nhận 1.076 hồ sơ")
        # a part of the total before it, when no rule gave it an indicator of its own
        # ("552 dịch vụ … mức độ 3 (344 dịch vụ cấp tỉnh, …)")
        part_of_last = (
            (match is None or match.rule.indicator is None)
            and last is not None
            and (level or scope != last.scope)
            and _enumerated(doc, scopes, token, last, reading.noun)
        )
        if part_of_last:
            match = None
        if (
            match is not None
            and match.tier <= 1
            and match.rule.indicator not in (None, getattr(last, "indicator", None))
            and _earlier_level_in_brackets(doc, token, last, reading)
        ):
            # "SIPAS … đạt 79,36%, tăng so với năm 2017 (77,02%)": the bracket holds the same
            # measure's level of the year compared, whatever index a word elsewhere names
            match = None
        if match is not None:
            if match.rule.indicator is None:
                continue  # recognised, but no catalogue indicator
            indicator = match.rule.indicator
            if indicator == "dossier.received" and _ONLINE_TOPIC.match(doc.work, sentence.start):
                indicator = "dossier.online"  # "Về hồ sơ trực tuyến, … tiếp nhận 581 hồ sơ"
            cue = doc.text[match.cue_start : match.cue_end]
            confidence = {3: 0.9, 2: 0.9, 1: 0.75, 0: 0.7}[match.tier]
            if reading.noun is None and match.tier >= 2:
                confidence -= 0.1
            notes: list[str] = []
        elif part_of_last:
            assert last is not None
            indicator, cue, confidence = last.indicator, last.cue, 0.65
            notes = [f"enumerated after {last.indicator}"]
        elif (
            last is not None
            and (
                reached := _FROM_TO.search(
                    doc.work, max(sentence.start, last.start - 8), token.start
                )
            )
            and reached.start() < last.start
        ):  # "tăng từ 5,85 điểm (năm 2021) lên 6,10 điểm": the level reached, the same measure
            indicator, cue, confidence = last.indicator, last.cue, 0.7
            scope, other = last.scope, last.other_province
            notes = [f"the level reached after {last.indicator} {last.text}"]
        elif _earlier_level_in_brackets(doc, token, last, reading):
            assert last is not None
            indicator, cue, confidence = last.indicator, last.cue, 0.7
            scope, other = last.scope, last.other_province
            notes = [f"{EARLIER_LEVEL} {reading.before_year}, in brackets after {last.indicator}"]
        elif listed := _listed_under(doc, sentence, token, reading, every_unit, carry):
            indicator, cue, scope = listed
            other, confidence, notes = None, 0.6, [f"listed under '{cue}'"]
        else:
            continue
        clause = max(ctx.left_any_offset, doc.folded.rfind(";", 0, token.start) + 1)
        if reading.noun == "percent" and _UNITS_OVER_THRESHOLD.search(
            doc.folded, clause, token.start
        ):
            continue
        value, read_notes = _value_of(token.a, reading.noun, reading.scale, reading.amount_factor)
        notes = ([_BOUND_NOTES[reading.bound]] if reading.bound else []) + notes + read_notes
        confidence -= _BOUND_PENALTY[reading.bound] + (0.2 if read_notes else 0.0)
        fig_period, period_note, skip = _sentence_period(doc, sentence, token.start, period, carry)
        if reading.before_year is not None:
            fig_period, period_note, skip = (
                Period(reading.before_year),
                f"{EARLIER_LEVEL} {reading.before_year}, before the change",
                False,
            )
        if skip:
            # kept without a period, its own phrase in the note: nothing read is lost, and the
            # row says why it needs --period (validation names it)
            skipped.append(period_note)
            fig_period = None
        unit, _low, high = _catalogue_units().get(indicator, ("", None, None))
        if unit == "percent" and reading.noun not in ("percent", "points") and not token.is_pair:
            continue
        if (
            unit == "points"
            and high is not None
            and value > high
            and _DOT_DECIMAL.fullmatch(token.a)
        ):
            # "đạt 4.969 điểm" on a scale of 10: the decimal point written as in English
            value, notes = value / 1000, [*notes, "a decimal point written as a dot"]
        if indicator in _SERVICE_COUNTS and value >= _MOST_PROCEDURES:
            continue  # more online services than any province has procedures: the country's
        if (unit == "count" or indicator == "_dossier.early_or_on_time") and value != int(value):
            # a count is whole: "giải quyết đúng hạn đạt 91,6;" is a rate without its "%"
            if indicator not in _ON_TIME_COUNTS or value > 100 or reading.noun is not None:
                continue
            indicator, notes = "dossier.on_time_pct", [*notes, "a percentage written without %"]
        current = _Found(
            indicator=indicator,
            value=value,
            text=doc.text[token.start - reading.bound_len : token.end].strip(),
            start=token.start,
            end=token.a_end,
            sentence=sentence,
            cue=cue,
            confidence=round(max(0.05, min(1.0, confidence)), 2),
            bound=reading.bound,
            notes=notes + ([period_note] if period_note else []),
            scope=scope,
            other_province=other,
            period=fig_period,
            period_note=period_note,
            noun=reading.noun,
        )
        figures = _pair_figures(current, token, reading) if token.is_pair else [current]
        if figures:
            found += figures
            last = figures[0]
            if trailing is not None:
                start_scope = (trailing, None)  # the sentence's other figures are its too
    found += _units_listed_before(doc, tokens, found)
    out_period, out_note, out_skip = _sentence_period(doc, sentence, sentence.end, period, carry)
    # a unit named after the sentence's last figure ("… 2.134 hồ sơ trễ hạn, chủ yếu thuộc lĩnh
    # vực đất đai.") describes it; the next sentence's subject is the one before it
    carried_from = found[-1].end if found else sentence.end
    if found and all(f.noun in ("unit", "onestop") for f in found):
        # "…: 20/20 sở, ban, ngành; 8/8 UBND huyện, …": the units counted are the counts'
        # objects, not the subject the next sentence goes on about
        carried_from = found[0].start
    parts = _PARTS_FOLLOW.search(doc.work, found[0].end, sentence.end) if found else None
    if parts is not None:  # "toàn tỉnh …, trong đó cấp tỉnh …, cấp xã …": the whole goes on
        carried_from = parts.start()
    out_scope, out_other = _scope_at(scopes, carried_from, start_scope, named_only, doc.work)
    return found, shares, skipped, _Carry(out_scope, out_other, out_period, out_note, out_skip)


# More procedures than any province has (about 2.000 at most, every level together)
_MOST_PROCEDURES = 5000
# a province offers at most one online service a procedure
# more of these than any province has procedures: the country's, or dossiers named loosely
_SERVICE_COUNTS = frozenset({"service.online_level3", "service.online_level4", "tthc.in_force"})


def _dossiers_as_procedures(token: _Token, reading: _Reading, match: Any) -> bool:
    """True when a count of procedures received or settled ('tiếp nhận 6.120 TTHC') is too
    large to be procedures: dossiers, named loosely."""
    if reading.noun != "tthc" or reading.changed or token.is_pair:
        return False
    if match is not None and match.rule.indicator is not None:
        return False  # "công bố 7.518 TTHC" over five years: procedures
    value = parse_vi_number(token.a)
    return value is not None and value * reading.scale >= _MOST_PROCEDURES


# a sentence opening on online dossiers as its topic: what it says is received was filed online
_ONLINE_TOPIC = re.compile(
    r"[\W_]*(?:ve|doi voi|rieng)(?: viec)?(?:[ ,]+[a-z]+){0,12}?[ ,]+(?:truc tuyen|qua mang)"
    r"(?: [a-z]+){0,3}"
    r"\s*,"
)
# a comparison that qualifies a change, not the figure after it
_CHANGE_COMPARED = re.compile(
    r"(?<![a-z])(?:tang|giam|cai thien|tut)(?: [a-z]+){0,3} so voi[^,;]*?(?=[,;\-–]\s*(?:va )?dat)"
)
_OTHER_PERIOD = re.compile(
    r"(?<![a-z])(?:cung ky|nam truoc|nam ngoai|(?<!ton )(?<!tu )ky truoc(?! chuyen))(?![a-z])"
)  # "từ kỳ trước chuyển sang" is what was carried over, not another period's figure


def _other_period_before(doc: _Doc, sentence: _Sentence, tokens: Sequence[_Token], i: int) -> bool:
    """True when the sentence, before this number and since the previous one (or a ';'),
    speaks of another period ('Cùng kỳ năm 2022, tỉnh tiếp nhận 450.112 hồ sơ'); a 'so với
    cùng kỳ' that follows the previous number belongs to that number."""
    start = tokens[i - 1].end if i > 0 else sentence.start
    window = doc.work[start : tokens[i].start]
    window = _without_asides(window[window.rfind(";") + 1 :])  # "(gồm … vốn năm trước …)"
    if i > 0:
        window = re.sub(r"^[^,;(]*so voi[^,;]*[,;]?", "", window)
    window = _CHANGE_COMPARED.sub(" ", window)  # "tăng so với năm trước, đạt 83,1%"
    return bool(_OTHER_PERIOD.search(window))


def _earlier_level_in_brackets(
    doc: _Doc, token: _Token, last: _Found | None, reading: _Reading
) -> bool:
    """True when a number is the level of an earlier year of the figure before it: "đạt 3,69
    điểm (năm 2022 đạt 4,06 điểm)", "đạt 4,49 điểm, giảm 0,44 điểm so với năm 2020 (4,93
    điểm)": the same measure, another year."""
    if reading.before_year is None or last is None:
        return False
    if _YEAR_IN_BRACKET.match(doc.folded, last.start, token.start) is not None:
        return True
    compared = _THIS_MEASURE_IN_BRACKET.search(
        doc.folded, last.end, token.start
    ) or _COMPARED_YEAR.search(doc.folded, last.end, token.start)
    return compared is not None and ";" not in doc.folded[last.end : token.start]
