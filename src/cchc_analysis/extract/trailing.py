"""The unit or level a figure was counted at, named after the number rather than before it:
"1.423 TTHC cấp tỉnh", "98,9% ở cấp huyện", "5.432 hồ sơ được tiếp nhận tại Trung tâm …"."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from cchc_analysis.extract.numbers import parse_vi_number
from cchc_analysis.extract.scope_types import LEVEL_OF_WORD

if TYPE_CHECKING:
    from cchc_analysis.extract.document import _Doc
    from cchc_analysis.extract.figures import _Found, _Reading
    from cchc_analysis.extract.numbers import _Token
    from cchc_analysis.extract.scope import _Scope
    from cchc_analysis.extract.text import _Sentence


def _level_after_noun(doc: _Doc, token: _Token, reading: _Reading) -> str | None:
    """A level named right after the noun ('1.423 TTHC cấp tỉnh', '98,9% ở cấp huyện'), as
    written, else None."""
    if reading.noun in ("unit", "onestop"):
        return None  # "124/124 Trung tâm … cấp xã" counts units of that level
    at = token.end + reading.consumed
    # "… 98,9% ở cấp huyện": the level the number is of, said after it
    level = re.match(
        r"\s*(?:(?:o|tai)\s+)?(cap (?:tinh|huyen|xa))(?![a-z])", doc.work[at : at + 20]
    )
    if not level:
        # "… tiếp nhận 174.470 hồ sơ đất đai": the land sector's dossiers
        land = reading.noun == "dossier" and _LAND_AFTER.match(doc.work, at)
        return LAND_SECTOR if land else None
    return doc.text[at + level.start(1) : at + level.end(1)]


LAND_SECTOR = "lĩnh vực đất đai"
_LAND_AFTER = re.compile(r"[ \t]*(?:(?:thuoc |ve |trong )?linh vuc |ve )?dat dai(?![a-z])")


_AT_UNIT = re.compile(r"(?<![a-z])(?:tai|o)\s*$")
# whose competence the counted things are, named after them: "123 thủ tục hành chính thuộc thẩm
# quyền giải quyết (và phạm vi quản lý) của Sở VH-TT&DL"
_OWNED_BY = re.compile(
    r"[^;:\d]{0,60}?(?<![a-z])thuoc (?:tham quyen|pham vi)(?: [a-z]+){0,8}? cua\s*$"
)


def _unit_after(
    doc: _Doc,
    sentence: _Sentence,
    tokens: Sequence[_Token],
    i: int,
    every_unit: Callable[[], Sequence[_Scope]],
) -> str | None:
    """The unit a figure was counted at or belongs to, named after it in its clause before any
    other figure ("… 5.432 hồ sơ được tiếp nhận tại Trung tâm Phục vụ hành chính công tỉnh", "123
    thủ tục hành chính thuộc thẩm quyền giải quyết của Sở …") or before it in its clause ("…
    tiếp nhận tại Trung tâm là 29.807 hồ sơ"), else None."""
    token = tokens[i]
    limit = tokens[i + 1].start if i + 1 < len(tokens) else sentence.end
    stop = re.search(r"[;.]", doc.work[token.end : limit])
    if stop:
        limit = token.end + stop.start()
    floor = max(sentence.start, tokens[i - 1].end if i > 0 else sentence.start)
    for unit in every_unit():
        if unit.kind != "subunit":
            continue
        if token.end < unit.start < limit and (
            _AT_UNIT.search(doc.work, token.end, unit.start)
            or _OWNED_BY.match(doc.work, token.end, unit.start)
        ):
            return unit.label
        # "tổng số hồ sơ tiếp nhận tại Trung tâm là 29.807": where, in the figure's own clause
        if (
            floor <= unit.start < token.start
            and _AT_UNIT.search(doc.work, floor, unit.start)
            and not re.search(r"[,;]", doc.work[unit.end : token.start])
        ):
            return unit.label
    return None


# the units a count of one-stop desks is of, named after the count: "20/20 sở, ngành", "12/12
# huyện, thành phố", "147/147 xã, phường, thị trấn", "10/15 UBND cấp huyện"
_COUNTED_UNITS = re.compile(
    r"[ \t]*(?:(?:ubnd|uy ban nhan dan|co quan,? don vi|don vi|dia phuong) )?(?:(?:cac|o) )?"
    r"(?:cap )?(?P<kind>tinh|so|ban|co quan chuyen mon|huyen|quan|thi xa|xa|phuong|thi tran"
    r"|(?:provincial )?departments?|districts?|communes?|wards?)"  # English: "20/20 districts"
    r"(?![a-z])"
)


def _counted_level(doc: _Doc, token: _Token) -> str | None:
    """The level of the units a count of units is of ('cấp huyện' for "10/15 UBND cấp
    huyện", 'cấp tỉnh' for "20/20 sở, ngành"), else None."""
    match = _COUNTED_UNITS.match(doc.work, token.end)
    if match is None:
        return None
    kind = match.group("kind").removeprefix("provincial ")
    return LEVEL_OF_WORD.get(kind) or LEVEL_OF_WORD[kind.removesuffix("s")]


# what may stand between two counts of units sharing one predicate: their units and "và"
_UNITS_BETWEEN = re.compile(
    r"(?:[\s,;_]|va(?![a-z])|cac(?![a-z])|ubnd|uy ban nhan dan|cap|tinh|huyen|quan|thi xa|"
    r"thanh pho|xa|phuong|thi tran|so|ban|nganh|co quan|don vi|chuyen mon|thuoc)*"
)


def _units_listed_before(
    doc: _Doc, tokens: Sequence[_Token], found: Sequence[_Found]
) -> list[_Found]:
    """Counts of one-stop units listed before the one the sentence's predicate is read for
    ("20/20 sở, ngành; 12/12 huyện, thành phố; 147/147 xã … đã thực hiện cơ chế một cửa"):
    the same figures for each earlier count, each at its own level."""
    read = {f.start for f in found}
    out: list[_Found] = []
    for f in found:
        if f.indicator != "onestop.units_with":
            continue
        total = next(
            (g for g in found if g.indicator == "onestop.units_total" and g.start > f.start), None
        )
        at = next((k for k, t in enumerate(tokens) if t.start == f.start), None)
        while at is not None and at > 0:
            before, after = tokens[at - 1], tokens[at]
            if before.start in read or not before.is_pair:
                break
            if not _UNITS_BETWEEN.fullmatch(doc.work, before.end, after.start):
                break
            level = _counted_level(doc, before)
            part, whole = parse_vi_number(before.a), parse_vi_number(before.b or "")
            if level is None or part is None or whole is None or whole < part:
                break
            notes = [*f.notes, "listed with the count after it"]
            text = doc.text[before.start : before.end]
            for figure, value in ((f, part), (total, whole)):
                if figure is not None:
                    out.append(
                        replace(
                            figure,
                            value=value,
                            text=text,
                            start=before.start,
                            end=before.a_end,
                            scope=level,
                            notes=notes,
                        )
                    )
            at -= 1
    return out
