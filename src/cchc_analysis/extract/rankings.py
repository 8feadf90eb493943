"""League tables written as prose: each unit or province named with its own score.

Provinces publish the PAR index and the service index of their departments and districts, and
papers write the national tables the same way: "Sở Công Thương có tổng số điểm đạt được 92,83
điểm, đứng vị trí thứ nhất; Sở Giao thông Vận tải … 91,86 điểm …", "Điểm số cao nhất là 98,63
điểm (Sở Công Thương)", "Đứng thứ 2 là tỉnh Bình Định với 90,54 điểm". The sentence reader ties a
number to its indicator and to the clause's subject; here each score is given the unit named
right before it (or in brackets right after it), and the index named last before it. The
phrases live in ``data/extraction_rankings.yaml``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from cchc_analysis.extract.districts import _units
from cchc_analysis.extract.figure_period import _sentence_period
from cchc_analysis.extract.figures import (
    EARLIER_LEVEL,
    _bound,
    _catalogue_units,
    _Found,
    _value_of,
)
from cchc_analysis.extract.language import ENGLISH
from cchc_analysis.extract.model import PROVINCE_SCOPE
from cchc_analysis.extract.numbers import _noun_at, _Token
from cchc_analysis.extract.patterns import fold
from cchc_analysis.extract.places import _mention_province, _resolve
from cchc_analysis.extract.scope import _Carry, _name_end, _scopes
from cchc_analysis.extract.text import EARLIER_TIME_AFTER, _clause_start, list_opening
from cchc_analysis.reference.periods import Period

if TYPE_CHECKING:
    from cchc_analysis.extract.document import _Doc
    from cchc_analysis.extract.text import _Sentence

RANKED_INDICATORS = (
    "par.total_points",
    "service.index_points",
    "sipas.satisfaction_pct",
    "papi.service",
    "papi.procedures",
    "papi.transparency",
    "papi.accountability",
    "papi.corruption",
    "papi.participation",
)
RANKED_NOTE = "a score given to the unit or province named with it"


@dataclass(frozen=True)
class _Phrases:
    topics: tuple[tuple[str, re.Pattern[str]], ...]
    components: re.Pattern[str]
    components_in_sentence: re.Pattern[str]
    not_units: re.Pattern[str]
    unit_heads: re.Pattern[str]
    unit_names_vi: tuple[tuple[re.Pattern[str], str], ...]  # an English head's Vietnamese name
    not_between: re.Pattern[str]
    counted_after: re.Pattern[str]
    change_clause: re.Pattern[str]
    change_before: re.Pattern[str]
    score_words: re.Pattern[str]
    units_listed: re.Pattern[str]
    unit_lead: re.Pattern[str]
    score_first: re.Pattern[str]
    score_then_unit: re.Pattern[str]
    points_before: re.Pattern[str]
    rank_between: re.Pattern[str]  # a rank said between a unit and its score: no other measure
    topic_requires: tuple[tuple[str, re.Pattern[str]], ...]  # (indicator prefix, text must say)


def _compact(pattern: str) -> str:
    """A folded YAML block ('>-') joins its lines with spaces: take them out again."""
    return re.sub(r"\|\s+", "|", pattern.strip())


def _words(pattern: str) -> re.Pattern[str]:
    return re.compile(r"(?<![a-z])(?:" + _compact(pattern) + r")(?![a-z])")


@cache
def _phrases_in(language: str) -> _Phrases:
    import yaml

    spec = yaml.safe_load(
        (resources.files("cchc_analysis") / "data" / "extraction_rankings.yaml").read_text(
            encoding="utf-8"
        )
    )["en" if language == ENGLISH else "vi"]
    return _Phrases(
        topics=tuple(
            (indicator, re.compile(r"(?<![a-z])(?:" + _compact(p) + r")"))
            for indicator, p in spec["topics"].items()
        ),
        components=_words(spec["components"]),
        components_in_sentence=_words(spec["components_in_sentence"]),
        not_units=re.compile(spec["not_units"]),
        unit_heads=_words(spec["unit_heads"]),
        unit_names_vi=tuple(
            (re.compile(pattern), name) for pattern, name in spec.get("unit_names_vi", {}).items()
        ),
        not_between=_words(spec["not_between"]),
        counted_after=re.compile(spec["counted_after"]),
        change_clause=re.compile(spec["change_clause"]),
        change_before=re.compile(r"(?<![a-z])" + spec["change_before"]),
        score_words=re.compile(spec["score_words"]),
        units_listed=re.compile(spec["units_listed"]),
        unit_lead=re.compile(spec["unit_lead"]),
        score_first=re.compile(spec["score_first"]),
        score_then_unit=re.compile(spec["score_then_unit"]),
        points_before=re.compile(spec["points_before"]),
        rank_between=re.compile(spec.get("rank_between", r"(?!)")),
        topic_requires=tuple(
            (prefix, re.compile(pattern))
            for prefix, pattern in spec.get("topic_requires", {}).items()
        ),
    )


def _phrases() -> _Phrases:
    """The phrases of the language in force (``language.reading_language``)."""
    from cchc_analysis.extract.language import current_language

    return _phrases_in(current_language())


@dataclass(frozen=True)
class _Entity:
    start: int
    end: int
    label: str  # the unit as written, or PROVINCE_SCOPE for the text's own province
    other_province: str | None  # a province other than the text's, by its canonical name


def _topic_marks(doc: _Doc) -> list[tuple[int, int, str]]:
    """(start, end, indicator) of every mention of a ranked index, in text order; a part of
    an index ('chỉ số thành phần', 'tiêu chí') is marked with the indicator ''."""
    phrases = _phrases()
    marks = [
        (m.start(), m.end(), indicator)
        for indicator, pattern in phrases.topics
        for m in pattern.finditer(doc.folded)
    ]
    marks = [
        mark
        for mark in marks
        if all(
            pattern.search(doc.folded)
            for prefix, pattern in phrases.topic_requires
            if mark[2].startswith(prefix)
        )
    ]  # "public service delivery" is a PAPI dimension only in a text about PAPI
    marks = [
        (start, end, "" if _PART_POINTS.match(doc.folded, end) else indicator)
        for start, end, indicator in marks
    ]  # "+ Chỉ số SIPAS: 8,02/10 điểm": a part of the PAR INDEX, its points out of ten
    marks += [(m.start(), m.end(), "") for m in phrases.components.finditer(doc.folded)]
    return sorted(marks)


# a score out of the few points a part of an index is worth, right after the index's name
_PART_POINTS = re.compile(
    r"[^\n\d]{0,30}?\d+(?:[.,]\d+)?\s*/\s*(?:6[.,]5|8[.,]5|10|12|15)(?![\d.,]\d)"
)


def _entities(
    doc: _Doc, sentence: _Sentence, province: Any, period: Period | None
) -> list[_Entity]:
    """The units and provinces a sentence names, in order."""
    found: list[_Entity] = []
    for scope in _scopes(doc, sentence, province, period, subjects_only=False):
        if scope.kind == "subunit":
            named = _resolve(scope.label, period)
            if named is not None and fold(named.name_vi) == fold(scope.label):
                # a province's bare name ("Bac Ninh", also a city's): the province ranked
                own = province is not None and named.name_vi == province.name_vi
                other = None if own else named.name_vi
                label = PROVINCE_SCOPE if own else scope.label
                found.append(_Entity(scope.start, scope.end, label, other))
                continue
            found.append(_Entity(scope.start, scope.end, scope.label, None))
        elif scope.kind.startswith("other_province:"):
            found.append(_Entity(scope.start, scope.end, scope.label, scope.kind.split(":", 1)[1]))
    for mention in doc.province_mentions:
        if not (sentence.start <= mention.start < sentence.end):
            continue
        if any(e.start <= mention.start < e.end for e in found):
            continue
        if any(
            e.other_province is None
            and e.label != PROVINCE_SCOPE
            and _UNIT_OF_PROVINCE.fullmatch(doc.folded, e.end, mention.start)
            for e in found
        ):
            continue  # "Sở Y tế tỉnh Gia Lai": the province the unit is of, not a second entity
        other, _kind = _mention_province(mention, period)
        if other is None:
            continue
        if province is not None and other.name_vi == province.name_vi:
            found.append(_Entity(mention.start, mention.end, PROVINCE_SCOPE, None))
        else:  # "Kiên Giang (đạt 79,97%)" in a text about Sóc Trăng
            found.append(_Entity(mention.start, mention.end, mention.text, other.name_vi))
    for match in _phrases().unit_heads.finditer(doc.folded, sentence.start, sentence.end):
        english = doc.language == ENGLISH  # "the provincial Inspectorate": not capitalised
        if not english and not doc.text[match.start()].isupper():
            continue
        if any(e.start <= match.start() < e.end for e in found):
            continue
        end = match.end()
        if re.match(r" [A-ZĐ]", doc.text[end : end + 2]):  # "Văn phòng UBND tỉnh Lâm Đồng"
            end = max(end, _name_end(doc.text, end + 1, sentence.end))
        label = doc.text[match.start() : end].strip(" ,;:")
        vietnamese = next(
            (name for p, name in _phrases().unit_names_vi if p.fullmatch(match.group())), None
        )
        found.append(_Entity(match.start(), end, vietnamese or label, None))
    if province is not None and getattr(province, "code", None):
        found += _bare_districts(doc, sentence, province.code, found)
    for match in _THE_PROVINCE.finditer(doc.folded, sentence.start, sentence.end):
        if not any(e.start <= match.start() < e.end for e in found):  # "the province achieved"
            found.append(_Entity(match.start(), match.end(), PROVINCE_SCOPE, None))
    not_units = _phrases().not_units
    return sorted(
        (e for e in found if not not_units.match(doc.folded, e.start)), key=lambda e: e.start
    )


# a district named bare, as the subject of its rank or score ("Tân Châu là địa phương xếp thứ
# hạng cao nhất …", "Trảng Bàng đứng cuối bảng với …")
_BARE_DISTRICT = re.compile(
    r"(?<![\w.])([A-ZĐ][\w’']*(?: [A-ZĐ][\w’']*){1,2})"
    r"(?=\s+(?:là|đứng|xếp|đạt|với|dẫn|có)\s|\s+\d+(?:,\d+)?\s*(?:điểm|%))"  # "Ea Súp 79,5 điểm"
)


def _bare_districts(
    doc: _Doc, sentence: _Sentence, province_code: str, found: Sequence[_Entity]
) -> list[_Entity]:
    """The province's districts a sentence names bare as subjects, as entities ("huyện Tân
    Châu"), when no unit or province already stands there."""
    out = []
    for match in _BARE_DISTRICT.finditer(doc.text, sentence.start, sentence.end):
        if any(
            e.start <= match.start() < e.end or match.start() <= e.start < match.end()
            for e in found
        ):
            continue
        lead = doc.work[_clause_start(doc.work, match.start(), sentence.start) : match.start()]
        if lead.strip() and not lead.rstrip().endswith(":"):
            continue  # not the clause's first words ("Ban Quản lý Khu kinh tế Nghi Sơn có …")
        name = fold(match.group(1).replace("’", "'"))
        own = [u for u in _units().get(name, []) if u[0] == province_code]
        if len(own) == 1:
            kind = own[0][1].lower()
            out.append(_Entity(match.start(), match.end(), f"{kind} {own[0][2]}", None))
    return out


# the text's own province as the subject of its score ("the province achieved 74.7 points")
_THE_PROVINCE = re.compile(
    r"(?<![a-z])the (?:province|city)(?= (?:achieved|reached|scored|got|ranked|recorded|earned))"
)
# a change, then the level it reached, right before the score
_REACHED = re.compile(
    r"(?:increas|ros|grew|rise|climb|improv|jump|gain|tang|cai thien)[a-z]*(?: [a-z]+){0,3}"
    r"(?: by [\d.,]+ points?,?)?(?: from [\d.,]+ (?:points? )?| tu [\d.,]+ (?:diem )?)?"
    r"(?:,? reaching| to| len(?: den| muc)?)\s*$"
)
_UNIT_OF_PROVINCE = re.compile(r"\s*(?:tinh|thanh pho|tp\.?)?\s*")
_BRACKET_AFTER = re.compile(r"[\s_]*(?:diem|%|percent|points?)?[\s_]*\(\s*")
# a name alone right before its score in brackets or after a colon or a dash
_BARE_NAME = re.compile(
    r"(?<![\w.])((?:[A-ZĐ][\w]*)(?:[ -][A-ZĐ][\w]*){0,3})\s*(?:\(|:|–|-)\s*(?:đạt\s*)?$"
)


def _score_noun(doc: _Doc, token: _Token) -> str | None:
    """'points' or 'percent' for a number written as a score; 'bare' for a decimal in
    brackets ("(91,420)"); None otherwise."""
    noun, _, _ = _noun_at(doc.work[token.end :])
    if noun in ("points", "percent"):
        return noun
    if noun is None and _phrases().points_before.search(
        doc.folded, max(0, token.start - 30), token.start
    ):
        return "points"  # a table's row as a sentence: "Sở Tư pháp: Điểm 92,50; Xếp hạng 1."
    if (
        noun is None
        and re.search(r"\(\s*$", doc.work[max(0, token.start - 3) : token.start])
        and re.match(r"\s*\)", doc.work[token.end :])
        and re.search(r"[.,]\d", token.a)
    ):
        return "bare"
    return None


def _entity_for(
    doc: _Doc, token: _Token, entities: Sequence[_Entity], sentence: _Sentence
) -> _Entity | None:
    """The unit a score belongs to: one in brackets right after it, else the nearest one
    before it in the sentence with nothing between that makes it another measure."""
    bracket = _BRACKET_AFTER.match(doc.folded, token.end)
    if bracket is not None:
        after = [
            e
            for e in entities
            if e.start >= bracket.end()
            and _phrases().unit_lead.fullmatch(doc.folded, bracket.end(), e.start) is not None
        ]
        if after:
            return after[0]
    before = [e for e in entities if e.end <= token.start]
    bare = _BARE_NAME.search(doc.text, max(sentence.start, token.start - 60), token.start)
    if (
        bare is not None
        and not any(e.end > bare.start(1) for e in before)
        and _phrases().units_listed.search(doc.folded, sentence.start, bare.start(1))
    ):  # "Các huyện xếp hạng cao: Lâm Hà (97,63 điểm), Di Linh (90,96 điểm)"
        return _Entity(bare.start(1), bare.end(1), bare.group(1), None)
    clause = _clause_start(doc.work, token.start, sentence.start)
    if _phrases().score_first.fullmatch(doc.folded, clause, token.start):
        # "Với 88,15%, Lâm Đồng xếp thứ 20/63 …": the score first, then its owner
        after = [e for e in entities if e.start >= token.end]
        if after and _phrases().score_then_unit.fullmatch(doc.folded, token.end, after[0].start):
            return after[0]
    if not before:
        return None
    entity = before[-1]
    between = doc.work[entity.end : token.start]
    if ";" in between or len(between) > 140:
        return None
    between_folded = _phrases().rank_between.sub(
        lambda m: " " * len(m.group()), doc.folded[entity.end : token.start]
    )  # "… achieved a ranking of 7th out of 63 provinces nationwide, with a score of 87.80"
    if _phrases().not_between.search(between_folded) and not _REACHED.search(between_folded):
        return None  # (but "… increased from 69.23 points to 91.60": the level it reached)
    clause = _clause_start(doc.work, entity.start, sentence.start)
    if _phrases().change_clause.search(doc.folded, clause, entity.start):
        return None  # "tăng cao nhất là Bình Thuận (6,39%)": its change
    return entity


_SCORES_BEFORE = re.compile(r"(?<![a-z])(?:scores?|points|so diem|diem so)(?: of)?[\s:]*$")
_IN_TURN = re.compile(r"(?<![a-z])(?:respectively|lan luot)(?![a-z])")


def _respectively(
    doc: _Doc, sentence: _Sentence, inside: Sequence[_Token], province: Any, period: Any
) -> dict[int, tuple[_Entity, str]]:
    """Scores given in turn to the units named before them ("Hai Phong, Quang Ninh and Bac
    Ninh … with 91.2, 90.8 and 89.9 percent respectively", "… lần lượt đạt 91,2; 90,8 và 89,9
    điểm"): {score's start: (unit, noun of the run)}; empty when the counts differ."""
    if not _IN_TURN.search(doc.folded, sentence.start, sentence.end):
        return {}
    entities = _entities(doc, sentence, province, period)
    if len(entities) < 2:
        return {}
    run = [t for t in inside if t.start >= entities[-1].end and not t.is_pair]
    if len(run) != len(entities):
        return {}
    nouns = [_score_noun(doc, t) for t in run]
    noun = nouns[-1]
    if (
        noun is None
        and not any(nouns)
        and _SCORES_BEFORE.search(doc.folded, sentence.start, run[0].start)
    ):
        noun = "bare"  # "with scores of 5.85, 5.95 and 6.01, respectively"
    if noun not in ("points", "percent", "bare") or any(n not in (None, noun) for n in nouns):
        return {}
    return {t.start: (e, noun) for t, e in zip(run, entities, strict=True)}


def _sentence_at(doc: _Doc, position: int) -> _Sentence | None:
    """The sentence holding a position (None before the first one)."""
    starts = [sentence.start for sentence in doc.sentences]
    i = bisect_left(starts, position + 1) - 1
    return doc.sentences[i] if i >= 0 else None


def _block_at(doc: _Doc, position: int) -> int:
    """The paragraph (block) of the sentence holding a position."""
    sentence = _sentence_at(doc, position)
    return sentence.block if sentence is not None else -1


def _topic_at(
    doc: _Doc, marks: Sequence[tuple[int, int, str]], sentence: _Sentence, position: int
) -> str | None:
    """The index a score at a position is on: the one its sentence names last before it (or
    first after it), else the one named last before the sentence, else the first one the text
    names. None when that is a part of an index, or another measure of the sentence."""
    starts = [m[0] for m in marks]
    first, last = bisect_left(starts, sentence.start), bisect_left(starts, sentence.end)
    own = marks[first:last]
    before = [m for m in own if m[1] <= position]
    after = [m for m in own if m[0] >= position]
    if after and _NAMED_AFTER.fullmatch(doc.folded, position, after[0][0]):
        mark = after[0]  # "4.83 points in participation, 5.45 points in transparency"
    elif (paired := _paired_topic(doc, marks, position)) is not None:
        return paired  # "… with 93.42% and 92.66%" after "the PAR index of …% and the SIPAS …"
    elif before:
        mark = before[-1]
    elif after and after[0][2]:
        mark = after[0]
    elif first:
        # a part of an index named in another paragraph does not reach this one
        earlier = [m for m in marks[:first] if m[2] or _block_at(doc, m[0]) == sentence.block]
        mark = earlier[-1] if earlier else marks[first - 1]
        mark = _headline_mark(doc, marks, mark) or mark
    else:
        mark = marks[last] if last < len(marks) else marks[-1]
    rate = _phrases().components_in_sentence.search(
        doc.folded, max(sentence.start, mark[1]), position
    )
    return mark[2] or None if rate is None else None


def _headline_mark(
    doc: _Doc, marks: Sequence[tuple[int, int, str]], mark: tuple[int, int, str]
) -> tuple[int, int, str] | None:
    """The headline's index when the sentence that named ``mark`` names two indexes at once
    ("announced the PAR INDEX and the SIPAS") and the headline names one of them alone
    ("PAR INDEX 2019: Quang Ninh leads"): the list that follows is the headline's; else None."""
    if not doc.headline or doc.headline[0] <= mark[0] < doc.headline[1]:
        return None
    named = _sentence_at(doc, mark[0])
    if named is None:
        return None
    both = {m[2] for m in marks if named.start <= m[0] < named.end and m[2]}
    headline = [m for m in marks if doc.headline[0] <= m[0] < doc.headline[1] and m[2]]
    if len(both) < 2 or len({m[2] for m in headline}) != 1 or headline[0][2] not in both:
        return None
    return headline[0]


def _paired_topic(doc: _Doc, marks: Sequence[tuple[int, int, str]], position: int) -> str | None:
    """The index of a number written as one of a pair ("with 93.42% and 92.66%", "đạt 93,42%
    và 92,66%") when the nearest sentence before that names indexes named two, in turn: the
    first number is the first one's, the second the second's; else None."""
    second = _PAIR_SECOND.search(doc.folded, max(0, position - 30), position) is not None
    if not second and _PAIR_FIRST.match(doc.folded, position) is None:
        return None
    earlier = [m for m in marks if m[1] <= position]
    if not earlier:
        return None
    between = re.findall(r"\d+(?:[.,]\d+)?", doc.folded[earlier[-1][1] : position])
    here = _sentence_at(doc, position)
    if len(between) < (2 if second else 1) and here is not None and earlier[-1][0] >= here.start:
        return None  # "the SIPAS index of 98.89%": the index named right before the number
    # the latest sentence that names two indexes ("… by the PAR INDEX and the SIPAS"), though a
    # sentence on one of them came between ("its SIPAS result, 81.15%, was the lowest")
    for mark in reversed(earlier):
        named = _sentence_at(doc, mark[0])
        if named is None:
            return None
        indexes: list[str] = []
        for start, end, indicator in earlier:
            if indicator and named.start <= start and end <= named.end and indicator not in indexes:
                indexes.append(indicator)
        if len(indexes) == 2:
            return indexes[1] if second else indexes[0]
    return None


# a number followed by another, as a pair of scores: "93.42% and 92.66%", "93,42% và 92,66%"
_PAIR_FIRST = re.compile(r"[\d.,]+\s*(?:%|percent|points?|diem)?\s*(?:and|va)\s+[\d]")
_PAIR_SECOND = re.compile(r"\d\s*(?:%|percent|points?|diem)?\s*(?:and|va)\s+$")


# a score whose measure is named right after it: "4.83 points in …", "5,45 điểm về …"
_NAMED_AFTER = re.compile(
    r"[\d.,]+\s*(?:points?|pts|diem|%|percent)?\s*(?:in|for|on|ve|o)?\s*(?:the\s+)?"
)
_POINTS_ONLY = ("service.index_points",)  # indexes never written as a percentage
_Choice = tuple[_Token, str, _Entity, str, float, list[str]]  # token, indicator, unit, noun, …
_DROP = "drop"  # a number the sentence reader took for a score that is none


def _list_caption(folded: str, position: int) -> tuple[int, int] | None:
    """(start, end) of the line that opens a list ("Năm địa phương có chỉ số cao nhất:") when
    the line holding ``position`` is one of the list's items ("1. Hải Phòng - 88,94%"); else
    None."""
    start = list_opening(folded, position)
    if start is None or start >= position:
        return None
    end = folded.find("\n", start)
    end = len(folded) if end < 0 else end
    return (start, end) if folded[start:end].rstrip().endswith(":") else None


def _choice(
    doc: _Doc,
    sentence: _Sentence,
    token: _Token,
    marks: Sequence[tuple[int, int, str]],
    entities: Callable[[], Sequence[_Entity]],
    in_turn: dict[int, tuple[_Entity, str]],
    read_as: str | None,
) -> _Choice | str | None:
    """How a number of a sentence reads as a ranked score: (token, indicator, unit, noun,
    value, notes); ``_DROP`` for a share the sentence reader took for a score; None when it is
    no score of a unit (``read_as`` is what the sentence reader made of it)."""
    phrases = _phrases()
    out_of_100 = token.is_pair and (token.b or "").strip() == "100"  # "82,88/100 điểm"
    if (token.is_pair and not out_of_100) or (read_as and read_as not in RANKED_INDICATORS):
        return None  # an x/y pair, or what the sentence reader read as another indicator
    noun = _score_noun(doc, token) or (in_turn[token.start][1] if token.start in in_turn else None)
    if noun is None and re.fullmatch(r"\d+,\d+", token.a):
        # a PAPI dimension is scored on a scale of 1 to 10 and often written bare ("Soc Trang
        # led with 8.14", "Hai Phong at 6.32")
        topic = _topic_at(doc, marks, sentence, token.start)
        noun = "bare" if topic is not None and topic.startswith("papi.") else None
    if noun is None:
        return None
    if phrases.change_before.search(doc.folded, max(sentence.start, token.start - 30), token.start):
        return None
    if phrases.counted_after.match(doc.folded, token.end):
        return _DROP  # "100% số thủ tục hành chính": a share, no score
    if not phrases.score_words.search(doc.folded, sentence.start, sentence.end):
        caption = _list_caption(doc.folded, sentence.start)
        if caption is None or not phrases.score_words.search(doc.folded, *caption):
            return None  # (an item of a list says its score words in the list's caption)
    indicator = _topic_at(doc, marks, sentence, token.start)
    if indicator is None or (indicator in _POINTS_ONLY and noun == "percent"):
        return None  # (the service index is scored in points: "Sở Xây dựng 97,05%" is a rate)
    value, notes = _value_of(token.a, "points" if noun == "bare" else noun, 1.0, 1.0)
    _unit, low, high = _catalogue_units().get(indicator, ("", 0.0, 100.0))
    if value <= (low or 0.0) or value > (high if high is not None else 100.0):
        return None
    entity = (
        in_turn[token.start][0]
        if token.start in in_turn
        else _entity_for(doc, token, entities(), sentence)
    )
    if entity is None:
        return None
    return token, indicator, entity, noun, value, notes


def _sentence_choices(
    doc: _Doc,
    sentence: _Sentence,
    inside: Sequence[_Token],
    marks: Sequence[tuple[int, int, str]],
    read: dict[int, _Found],
    province: Any,
    period: Period | None,
) -> tuple[list[_Choice], set[int]]:
    """The ranked scores of one sentence, one a unit, and the numbers that are no score."""
    # the units are read once, and only when a number asks whose score it is
    entities = cache(lambda: _entities(doc, sentence, province, period))
    in_turn = _respectively(doc, sentence, inside, province, period)
    chosen: dict[tuple[int, str], _Choice] = {}
    dropped: set[int] = set()
    for token in inside:
        found = read.get(token.start)
        if found is not None and any(n.startswith(EARLIER_LEVEL) for n in found.notes):
            continue  # another year's level of the measure before it: the sentence reader's
        if EARLIER_TIME_AFTER.match(doc.folded, token.end):
            dropped.add(token.start)  # "had fallen to 71.40 points a week earlier"
            continue
        choice = _choice(
            doc, sentence, token, marks, entities, in_turn, found.indicator if found else None
        )
        if choice == _DROP:
            dropped.add(token.start)
        if not isinstance(choice, tuple):
            continue
        key = (choice[2].start, choice[1])  # a unit's score on each measure
        if key in chosen and _threshold(doc, token) and not _threshold(doc, chosen[key][0]):
            # "… Kiên Giang, đạt 79,97%, và là địa phương duy nhất … dưới 80%": a bar the
            # unit's score is measured against, not a second score
            dropped.add(token.start)
            continue
        if key in chosen:
            # a unit's points, then its index ("… 68,32 điểm, chỉ số CCHC đạt 81,33%"):
            # the index named right before a number is the unit's score
            near = max(choice[2].end, token.start - 40)
            if not any(p.search(doc.folded, near, token.start) for _, p in _phrases().topics):
                dropped.add(token.start)
                continue
            dropped.add(chosen[key][0].start)
        chosen[key] = choice
    return list(chosen.values()), dropped


def _threshold(doc: _Doc, token: _Token) -> bool:
    """True for a number said as a bound ("dưới 80%", "trên 90 điểm", "below 80%")."""
    return _bound(doc.work[max(0, token.start - 40) : token.start])[0] in ("upper", "lower")


def _as_found(
    doc: _Doc, sentence: _Sentence, choice: _Choice, old: _Found | None, period: Period | None
) -> _Found | None:
    """The figure of a ranked score; None when the sentence reader read it so already."""
    token, indicator, entity, noun, value, notes = choice
    if (
        old is not None
        and old.indicator == indicator
        and old.scope == entity.label
        and old.other_province is None
        and entity.other_province is None
    ):
        return None
    fig_period, period_note, skip = _sentence_period(doc, sentence, token.start, period, _Carry())
    return _Found(
        indicator=indicator,
        value=value,
        text=doc.text[token.start : token.end].strip(),
        start=token.start,
        end=token.a_end,
        sentence=sentence,
        cue=doc.text[entity.start : entity.end],
        confidence=0.7 if old is None else max(0.7, old.confidence),
        bound=old.bound if old is not None else "",
        notes=[*notes, RANKED_NOTE] + ([period_note] if period_note else []),
        scope=entity.label,
        other_province=entity.other_province,
        period=None if skip else fig_period,  # kept without a period, as the sentence reader does
        period_note=period_note,
        noun=noun,
    )


# the unit's score of another year in brackets right after its score: "đạt 84,31 điểm (năm
# 2021: 82,26 điểm)", "90,86 điểm, xếp thứ 2/63 (năm 2023 thành phố đạt 89,17 điểm)"
_YEAR_BEFORE = re.compile(
    r"(?:[^()\d]|\d+\s*/\s*\d+)*?\(\s*(?:nam|in)\s+((?:19|20)\d\d)(?:\s*:|[^()\d]{0,30}?"
    r"(?<![a-z])(?:dat|la|was|reached|with))?\s*$"
)


def _year_before(
    doc: _Doc, choice: _Choice, inside: Sequence[_Token], found: _Found | None
) -> _Found | None:
    """The figure of the unit's score of another year, in brackets after its score, with
    that year as its period; None when there is none."""
    token = choice[0]
    # (a rank between is no score: "90,86 điểm, xếp thứ 2/63 (năm 2023 … 89,17 điểm)")
    following = [t for t in inside if t.start > token.start and not t.is_pair]
    if found is None or not following or following[0].start - token.a_end > 120:
        return None
    after = following[0]
    said = _YEAR_BEFORE.fullmatch(doc.folded, token.a_end, after.start)
    if said is None or doc.folded.find(")", token.a_end, after.start) >= 0:
        return None
    value, notes = _value_of(after.a, "points" if choice[3] == "bare" else choice[3], 1.0, 1.0)
    note = f"the score of {said.group(1)}, in brackets after this period's"
    return replace(
        found,
        value=value,
        text=doc.text[after.start : after.end].strip(),
        start=after.start,
        end=after.a_end,
        notes=[*found.notes, *notes, note],
        period=Period(int(said.group(1))),
        period_note=note,
    )


def ranked_scores(
    doc: _Doc,
    tokens: Sequence[_Token],
    founds: list[_Found],
    province: Any,
    period: Period | None,
) -> list[_Found]:
    """Return the figures with each ranked score given to the unit named with it: the
    sentence reader's figure of that number replaced, or a new one when it found none."""
    marks = _topic_marks(doc)
    if not any(indicator for _, _, indicator in marks):
        return founds
    read = {f.start: f for f in founds}
    replaced: dict[int, _Found] = {}
    dropped: set[int] = set()
    starts = [t.start for t in tokens]
    for sentence in doc.sentences:
        inside = tokens[bisect_left(starts, sentence.start) : bisect_left(starts, sentence.end)]
        if not inside:
            continue
        choices, no_score = _sentence_choices(doc, sentence, inside, marks, read, province, period)
        dropped |= no_score
        for choice in choices:
            start = choice[0].start
            found = _as_found(doc, sentence, choice, read.get(start), period)
            if found is not None:
                replaced[start] = found
            earlier = _year_before(doc, choice, inside, found or read.get(start))
            if earlier is not None:
                replaced[earlier.start] = earlier
    out = []
    for f in founds:
        if f.start in replaced:
            out.append(replaced.pop(f.start))
        elif not (f.start in dropped and f.indicator in RANKED_INDICATORS):
            out.append(f)
    return sorted([*out, *replaced.values()], key=lambda f: f.start)
