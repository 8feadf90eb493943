"""The unit or level a figure was counted at, named after the number rather than before it:
"1.423 TTHC cấp tỉnh", "98,9% ở cấp huyện", "5.432 hồ sơ được tiếp nhận tại Trung tâm …"."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cchc_analysis.extract.document import _Doc
    from cchc_analysis.extract.figures import _Reading
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


def _unit_after(
    doc: _Doc,
    sentence: _Sentence,
    tokens: Sequence[_Token],
    i: int,
    every_unit: Callable[[], Sequence[_Scope]],
) -> str | None:
    """The unit a figure was counted at, named after it in its clause before any other figure
    ("… 5.432 hồ sơ được tiếp nhận tại Trung tâm Phục vụ hành chính công tỉnh") or before it
    in its clause ("… tiếp nhận tại Trung tâm là 29.807 hồ sơ"), else None."""
    token = tokens[i]
    limit = tokens[i + 1].start if i + 1 < len(tokens) else sentence.end
    stop = re.search(r"[;.]", doc.work[token.end : limit])
    if stop:
        limit = token.end + stop.start()
    floor = max(sentence.start, tokens[i - 1].end if i > 0 else sentence.start)
    for unit in every_unit():
        if unit.kind != "subunit":
            continue
        if token.end < unit.start < limit and _AT_UNIT.search(doc.work, token.end, unit.start):
            return unit.label
        # "tổng số hồ sơ tiếp nhận tại Trung tâm là 29.807": where, in the figure's own clause
        if (
            floor <= unit.start < token.start
            and _AT_UNIT.search(doc.work, floor, unit.start)
            and not re.search(r"[,;]", doc.work[unit.end : token.start])
        ):
            return unit.label
    return None
