"""The one-stop desk of a level, not of a named unit: "Bộ phận tiếp nhận và trả kết quả cấp
xã, phường" holds the communes' dossiers, and "Bộ phận tiếp nhận và trả kết quả thị xã" in a
text about thị xã Hòa Thành holds that town's own (district-level) dossiers, apart from its
communes' (used by ``scope``)."""

from __future__ import annotations

import re

from cchc_analysis.extract.document import _Doc
from cchc_analysis.extract.scope_types import LEVEL_OF_WORD, _Scope

# the kinds of district a text's own unit may be ("thị xã Hòa Thành", "huyện Phú Lương")
_OWN_KINDS = {
    "huyen": ("huyện",),
    "quan": ("quận",),
    "thi xa": ("thị xã", "tx"),
    "thanh pho": ("thành phố", "tp"),
}


def _desk_of_level(
    doc: _Doc, folded: str, start: int, head_end: int, tail: re.Match[str]
) -> _Scope | None:
    """The scope of a desk named by a level ("… cấp xã, phường": 'cấp xã') or by the kind of
    the text's own district ("… thị xã", "… của huyện": that desk of the district, named in
    full), else None. ``tail`` is the place word read after the desk's name."""
    written = folded[head_end : head_end + tail.end()]
    kind = tail.group(1)
    if re.match(
        r"\s*(?:,|va)\s*(?:cac |ubnd )?(?:bo phan|ubnd|cap|cac)", folded[head_end + tail.end() :]
    ):
        return None  # "… cấp huyện và bộ phận một cửa các xã": both levels, the unit's whole
    if re.search(r"(?<![a-z])cap ", written):
        if kind not in ("tinh", "huyen", "xa", "phuong"):
            return None
        return _Scope(start, head_end + tail.end(), LEVEL_OF_WORD[kind], "level")
    own = doc.subject_unit
    if not own or kind not in _OWN_KINDS:
        return None
    if not own.lower().startswith(_OWN_KINDS[kind]):
        return None  # "… huyện" in a text about a commune or another kind of unit
    # written as the text writes it, then the unit's name: "Bộ phận Một cửa UBND thành phố"
    # in a text about TP Đà Lạt is "Bộ phận Một cửa UBND thành phố Đà Lạt"
    desk = doc.text[start : head_end + tail.end()].strip()
    name = re.sub(r"^(?:huyện|quận|thị xã|thành phố|tx\.?|tp\.?)\s*", "", own, flags=re.IGNORECASE)
    return _Scope(start, head_end + tail.end(), f"{desk} {name}", "subunit")
