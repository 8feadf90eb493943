"""Rules matched to a number: the words around it (its context) and the best rule of
data/extraction_patterns.yaml for it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cchc_analysis.extract.patterns import _patterns
from cchc_analysis.extract.text import _clause_end, _clause_start, _open_paren, list_opening

if TYPE_CHECKING:
    from cchc_analysis.extract.document import _Doc
    from cchc_analysis.extract.numbers import _Token
    from cchc_analysis.extract.patterns import _Rule
    from cchc_analysis.extract.text import _Sentence


@dataclass(frozen=True)
class _Context:
    left: str  # the clause before the number (work text, from the last , ; ( or figure)
    left_any: str  # the sentence before the number (not across a figure or into a parenthesis)
    near: str  # the part of left_any after the last province named in it
    right: str  # the clause after the number
    right_any: str  # the sentence after the number (to the next figure or ';')
    topic: str  # this sentence and the one before (work text)
    headline: str  # the document's headline (work text), or ''
    left_offset: int
    right_offset: int
    left_any_offset: int
    right_any_offset: int
    document: str = ""  # the whole work text
    # provinces named in ``right`` (offsets in it): "2,300 dossiers in Gia Lai were still being
    # processed" has its cue after the name
    right_places: tuple[tuple[int, int], ...] = ()


_CELLS = re.compile(r"\s\|\s")
_RANK_ONLY = re.compile(r"[\s_]*(?:(?:dung|xep|xep hang|dung o)(?: thu| hang| vi tri)?[\s_\d/]*)?")


# a share in brackets right after a count or its noun: "154,766 (31.90%)", "8.000 hồ sơ (66,7%)";
# or the amount in dollars after one in dong: "3.7 trillion VND (153.8 million USD)"
_SHARE_IN_BRACKETS = re.compile(
    r"(?:\s+[a-z]+){0,3}?\s*(?P<share>\(\s*(?:[\d.,]+\s*%"
    r"|(?:(?:about|nearly|over|more than|around|us)\s*)?\$?\s*[\d.,]+\s*(?:million|billion)?"
    r"\s*(?:usd|us\$|dollars?)"
    r")\s*\)"
    # or set between commas: "1.9 million dossiers, or 61 percent, were submitted online"
    r"|,\s*(?:or|accounting for|chiem)\s+[\d.,]+\s*(?:%|percent|per cent)\s*,)"
)


# a clause that opens another item of a breakdown, not the count's own words going on
_NEXT_ITEM = re.compile(r"\s*(?:(?:cham|tre|qua|truoc|dung) han|dang giai quyet|ton)(?![a-z])")


def _context(
    doc: _Doc,
    sentence: _Sentence,
    previous_sentence: _Sentence | None,
    tokens: Sequence[_Token],
    i: int,
    last_figure_end: int | None,
) -> _Context:
    work = doc.work
    token = tokens[i]
    prev_end = tokens[i - 1].end if i > 0 else sentence.start
    next_start = tokens[i + 1].start if i + 1 < len(tokens) else sentence.end
    # (a bracket that only says what a whole takes in does not end the cue's clause)
    left_start = prev_end + _clause_start(
        _without_asides(work[prev_end : token.start]), token.start - prev_end, 0
    )
    opened = _open_paren(work, sentence.start, token.start)
    alone = (
        opened is not None
        and not work[opened : token.start].strip()
        and re.match(
            r"\s*(?:diem|points?|records|dossiers|files|%|t[yi] dong|(?:vnd )?(?:b|tr)illion)?"
            r"\s*\)",
            work[token.end : token.end + 20],
        )
    )
    if alone and opened is not None:  # "Chi phí thời gian (8,42)": named before its bracket
        left_start = _clause_start(work, opened - 1, prev_end)
    right_end = _clause_end(work, token.end, next_start)
    right = work[token.end : right_end]
    share = _SHARE_IN_BRACKETS.match(work, token.end)
    if share is not None and _NEXT_ITEM.match(work, share.end()):
        share = None  # "… 5.474 hồ sơ, chiếm 95,02%, chậm hạn 287 hồ sơ": the next item begins
    if share is not None:
        # "154,766 (31.90%) … have been submitted online": the count's words go on after its
        # share in brackets
        after = i + 2 if i + 1 < len(tokens) and tokens[i + 1].start < share.end() else i + 1
        beyond = tokens[after].start if after < len(tokens) else sentence.end
        right_end = _clause_end(work, share.end(), beyond)
        blank = " " * (share.end() - share.start("share"))
        right = work[token.end : share.start("share")] + blank + work[share.end() : right_end]
    any_start = max(sentence.start, token.start - 160, last_figure_end or sentence.start)
    paren = None if alone else _open_paren(work, sentence.start, token.start)
    named = [m for m in doc.province_mentions if any_start <= m.start and m.end <= token.start]
    if paren is not None and not (
        named and _RANK_ONLY.fullmatch(work, named[-1].end, paren - 1)
    ):  # "Hải Phòng đứng thứ 1/63 (đạt 88,90%)": the name and its rank own the bracket
        any_start = max(any_start, paren)  # "tỉnh Quảng Ninh (90,10% điểm)": the name's figure
    near_start = max([m.end for m in named] + [any_start])
    near_start = max(near_start, work.rfind(";", near_start, token.start) + 1)  # one item
    j = i + 1  # a share in brackets ("90 hồ sơ (chiếm 2,16%), … trả lại") does not end it
    while j < len(tokens):
        opened = work.find("(", token.end, tokens[j].start)
        closed = work.find(")", opened + 1) if opened >= 0 else -1
        if opened < 0 or closed < tokens[j].start:
            break
        while j < len(tokens) and tokens[j].start < closed:
            j += 1
    any_next = tokens[j].start if j < len(tokens) else sentence.end
    semicolon = work.find(";", token.end, any_next)
    right_any_end = semicolon if semicolon >= 0 else any_next
    topic_start = previous_sentence.start if previous_sentence else sentence.start
    line_start = work.rfind("\n", 0, sentence.start) + 1
    if _CELLS.search(work, line_start, sentence.start):
        # a row of cells between bars ("Tiếp nhận: 45.678 | … | Quá hạn: 200"): its topic is
        # that of the whole row and of the line above it (its caption)
        topic_start = min(topic_start, work.rfind("\n", 0, max(0, line_start - 1)) + 1)
    opening = list_opening(work, sentence.start)
    if opening is not None:
        # an item of a list ("- Submitted online: 27,944"): its topic is the whole list's, from
        # the line that opens it ("Results for 2020:", "- Dossiers received: …")
        topic_start = min(topic_start, opening)
    return _Context(
        left=_without_asides(work[left_start : token.start], keep_length=False),
        left_any=_without_asides(work[any_start : token.start], keep_length=False),
        near=work[near_start : token.start],
        right=right,
        right_any=work[token.end : right_any_end],
        topic=work[topic_start : sentence.end],
        headline=work[doc.headline[0] : doc.headline[1]] if doc.headline else "",
        left_offset=left_start,
        right_offset=token.end,
        left_any_offset=any_start,
        right_any_offset=token.end,
        document=work,
        right_places=tuple(
            (m.start - token.end, m.end - token.end)
            for m in doc.province_mentions
            if token.end <= m.start and m.end <= right_end
        ),
    )


# the new ones before the total with those carried over ("92.000 hồ sơ mới, tính cả hồ sơ
# chuyển tiếp là 95.500"): read in the document, as the words after the number stop at the comma
_WITH_CARRIED_OVER = re.compile(r"moi[\s_,(]+tinh ca(?![a-z])")


@dataclass(frozen=True)
class _Match:
    rule: _Rule
    tier: int  # 3 after, 2 before, 1 left_any/right_any, 0 noun alone
    cue_start: int  # in the document
    cue_end: int
    bonus: int  # 1 when when_after applied

    def key(self, number_start: int) -> tuple[int, int, int, int, int]:
        distance = (
            abs(number_start - self.cue_end)
            if self.cue_end <= number_start
            else abs(self.cue_start - number_start)
        )
        return (self.tier, self.bonus, -distance, self.cue_end - self.cue_start, -self.rule.order)


def _noun_ok(rule: _Rule, noun: str | None, topic: str) -> bool:
    pat = _patterns()
    if noun == "other":
        return False
    if noun is None and "bare" in rule.nouns:
        return True  # a sub-index score stands alone: "Chi phí thời gian (8,42)"
    if noun is None:
        if not rule.nouns or set(rule.nouns) & {
            "percent",
            "amount",
            "points",
            "people",
            "headcount",
        }:
            return False
        return any(c in pat.topics and pat.topics[c].search(topic) for c in rule.nouns)
    return noun in rule.nouns


_PUNCT = " \t:=_.–—-\"'|("


def _suffix_cuts(text: str) -> list[int]:
    """Positions p such that ``text[p:]`` holds only fillers, nouns and punctuation (the end
    first): where a cue before a number may end."""
    pattern = _patterns().trailing_filler
    cuts: list[int] = []
    end = len(text)
    while True:
        while end > 0 and text[end - 1] in _PUNCT:
            end -= 1
        cuts.append(end)
        match = pattern.search(text, 0, end)
        if not match or match.start() >= end:
            return cuts
        end = match.start()


# a province named between a count and its cue: "… hồ sơ của tỉnh X đang …", "… in X were …"
_PLACE_LEAD = re.compile(
    r"(?:in|of|at|across|from|cua|tai|o|thuoc|tren dia ban)\s+(?:the\s+)?"
    r"(?:(?:tinh|thanh pho|tp\.?|province of|city of)\s*)?"
)
_PLACE_TAIL = re.compile(r"(?:\s+(?:province|city)(?![a-z])|'s)?")


def _prefix_cuts(text: str, places: Sequence[tuple[int, int]] = ()) -> list[int]:
    """Positions p such that ``text[:p]`` holds only a noun, fillers, punctuation and a
    province named after 'in'/'của' (the start first): where a cue after a number may start."""
    pattern = _patterns().leading_filler
    cuts: list[int] = []
    position = 0
    while True:
        while position < len(text) and text[position] in _PUNCT + ",":
            position += 1
        cuts.append(position)
        match = pattern.match(text, position)
        lead = _PLACE_LEAD.match(text, position) if places else None
        place = next((p for p in places if lead and p[0] == lead.end()), None)
        if place is not None:
            tail = _PLACE_TAIL.match(text, place[1])
            position = tail.end() if tail else place[1]
            continue
        if not match or match.end() <= position:
            return cuts
        position = match.end()


def _match_rules(
    ctx: _Context,
    noun: str | None,
    is_pair: bool,
    previous: str | None,
    number_start: int,
    number_end: int,
    changed: bool,
) -> _Match | None:
    """Return the best rule for a number, or None."""
    best: _Match | None = None
    seen: list[_Match] = []
    suffixes = _suffix_cuts(ctx.left)
    prefixes = _prefix_cuts(ctx.right, ctx.right_places)
    decimal = bool(re.fullmatch(r"\d+,\d+", ctx.document[number_start:number_end]))
    for rule in _patterns().rules:
        if rule.pair_only and not is_pair:
            continue
        if rule.decimal_only and not decimal:
            continue
        if changed and not rule.allow_change:
            continue
        if not _noun_ok(rule, noun, ctx.topic):
            continue
        if rule.when_after and previous not in rule.when_after:
            continue
        if rule.topic_any and not (
            rule.topic_any.search(ctx.topic)
            or rule.topic_any.search(ctx.headline)
            or (rule.topic_in_text and rule.topic_any.search(ctx.document))
        ):
            continue
        if rule.not_near and (
            rule.not_near.search(ctx.near)
            or (not rule.not_near_before_only and rule.not_near.search(ctx.right))
        ):
            continue
        if rule.not_in_clause and (
            rule.not_in_clause.search(ctx.left_any) or rule.not_in_clause.search(ctx.right_any)
        ):
            continue  # "nhóm chỉ số công khai của tỉnh X đạt 16,2 điểm": a group's points
        bonus = 1 if rule.when_after else 0
        candidates: list[_Match] = []
        if rule.after:
            for cut in prefixes:
                m = rule.after.match(ctx.right, cut)
                if m:
                    start = ctx.right_offset + m.start("cue")
                    # an ignore rule's qualifier does not overrule a cue before the number,
                    # unless the rule says so or it names the new ones before the total
                    overrules = rule.after_overrules or _WITH_CARRIED_OVER.match(
                        ctx.document, ctx.right_offset + m.start("cue")
                    )
                    tier = 3 if rule.indicator or overrules else 1
                    candidates.append(
                        _Match(rule, tier, start, ctx.right_offset + m.end("cue"), bonus)
                    )
                    break
        if rule.before:
            for cut in suffixes:
                m = rule.before.search(ctx.left, 0, cut)
                if m:
                    start = ctx.left_offset + m.start("cue")
                    candidates.append(_Match(rule, 2, start, ctx.left_offset + m.end("cue"), bonus))
                    break
        if rule.left_any:
            last = None
            for m in rule.left_any.finditer(ctx.left_any):
                last = m
            if last:
                start = ctx.left_any_offset + last.start("cue")
                candidates.append(
                    _Match(rule, 1, start, ctx.left_any_offset + last.end("cue"), bonus)
                )
        if rule.right_any:
            m = rule.right_any.search(ctx.right_any)
            if m:
                start = ctx.right_any_offset + m.start("cue")
                candidates.append(
                    _Match(rule, 1, start, ctx.right_any_offset + m.end("cue"), bonus)
                )
        if not (rule.before or rule.after or rule.left_any or rule.right_any):
            candidates.append(_Match(rule, 0, number_start, number_end, bonus))
        for candidate in candidates:
            seen.append(candidate)
            if best is None or candidate.key(number_start) > best.key(number_start):
                best = candidate
    if is_pair and best is not None and best.tier == 3:
        # "solved on time 6,935 out of the 7,419 dossiers submitted": the words after the pair
        # name its whole, those before it its part
        pairs = _patterns().pairs
        parts = [
            c
            for c in seen
            if c.tier == 2
            and c.rule.indicator
            and pairs.get(c.rule.indicator) == best.rule.indicator
        ]
        if parts:
            return max(parts, key=lambda c: c.key(number_start))
    return best


# a bracket that only says what a whole takes in, between a cue and its number: "tổng kế hoạch
# vốn năm 2023 (gồm vốn Thủ tướng giao và vốn năm trước kéo dài) là 6.918,4 tỷ đồng"
_ASIDE = re.compile(
    r"\((?:gom|bao gom|ke ca|khong ke|khong bao gom|tinh ca|including|excluding)\b[^()\d]*\)"
)


def _without_asides(left: str, keep_length: bool = True) -> str:
    """The words before a number with such brackets blanked (as long as they were, so that
    offsets stay), or each cut to one space (so that a cue reads on across it; a cue found
    before the bracket keeps its offsets, since a bracket ends before the number)."""
    return _ASIDE.sub(lambda m: " " * len(m.group()) if keep_length else " ", left)
