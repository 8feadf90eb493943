"""Names of units in an English article: the Vietnamese names of the units English names by
their function ('Department of Home Affairs' → 'Sở Nội vụ', 'the Provincial Public
Administration Service Centre' → 'Trung tâm Phục vụ hành chính công tỉnh'), and a service centre
named with its place ('Cat Hai Special Zone Public Administration Service Center' → 'Trung tâm
Phục vụ hành chính công đặc khu Cat Hai'). Used by ``english_scope``."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from cchc_analysis.extract.patterns import fold
from cchc_analysis.extract.places import _resolve

if TYPE_CHECKING:
    from cchc_analysis.extract.document import _Doc

# Capitalised words that open a sentence or a clause and are no part of a name.
_NOT_NAME = frozenset(
    [
        "the",
        "a",
        "an",
        "in",
        "at",
        "of",
        "on",
        "for",
        "by",
        "from",
        "to",
        "with",
        "and",
        "or",
        "as",
        "this",
        "that",
        "these",
        "those",
        "its",
        "their",
        "meanwhile",
        "specifically",
        "particularly",
        "notably",
        "besides",
        "moreover",
        "additionally",
        "also",
        "similarly",
        "according",
        "accordingly",
        "currently",
        "previously",
        "recently",
        "overall",
        "altogether",
        "since",
        "during",
        "after",
        "before",
        "while",
        "when",
        "where",
        "which",
        "who",
        "if",
        "although",
        "however",
        "thus",
        "thereby",
        "therefore",
        "then",
        "today",
        "provincial",
        "district",
        "commune",
        "ward",
        "city",
        "town",
        "all",
        "each",
        "every",
        "both",
        "many",
        "most",
        "some",
        "several",
        "people's",
        "peoples",
        "vice",
        "chairman",
        "chairwoman",
        "director",
        "deputy",
        "head",
        "secretary",
        "mr",
        "ms",
        "mrs",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)


@lru_cache(maxsize=1)
def _vietnamese_names() -> dict[str, Any]:
    from cchc_analysis.extract.language import ENGLISH
    from cchc_analysis.extract.patterns import _spec

    return dict(_spec(ENGLISH)["subunits"]["vietnamese_names"])


_PROVINCIAL_CENTRE = re.compile(
    r"(?:the )?(?:[a-z]+ ){0,3}?provincial(?:-level)? (?:public )?administrati(?:on|ve)"
    r"(?: procedures?)? (?:service )?cent(?:er|re)"
)
_PROVINCIAL_LAND_OFFICE = re.compile(
    r"(?:the )?(?:[a-z]+ ){0,3}?provincial land registration office"
)
_DEPARTMENT = re.compile(
    r"(?:the )?(?:provincial )?(?:department of (?P<of>.+)|(?P<before>.+?) department)"
)


# a public administration service centre named with its place: "Cat Hai Special Zone Public
# Administration Service Center", "Public Administration Service Center of Rach Gia Ward",
# "Hoa Binh province's Centre for Public Administrative Services", "Long An Public
# Administration Service Center"
_CENTRE_CORE = (
    r"(?:public )?administrati(?:on|ve)(?: procedures?)?(?: services?)? cent(?:er|re)"
    r"|cent(?:er|re) for (?:public )?administrati(?:on|ve)(?: procedures?)? services?"
    r"|public services? cent(?:er|re)"
)
_PLACE_KIND = r"province|provincial|district|commune|communal|ward|city|town|township|special zone"
_NAMED_CENTRE = re.compile(
    r"""(?:the )?(?:(?P<name>[a-z][\w-]*(?: [a-z][\w-]*){0,3}?)(?: |(?=["'’]s )))??(?:(?P<kind>"""
    + _PLACE_KIND
    + r""")(?:-level)? ?)?(?:["'’]s )?(?P<core>"""
    + _CENTRE_CORE
    + r")(?: (?:of|in) (?:the )?(?:(?P<kind2>"
    + _PLACE_KIND
    + r") (?:of )?(?P<name2>[a-z][\w'’-]*(?: [a-z][\w'’-]*){0,3})|(?P<name3>[a-z][\w'’-]*"
    r"(?: [a-z][\w'’-]*){0,3}) (?P<kind3>" + _PLACE_KIND + r")))?"
)
_KIND_VI = {
    "province": "tỉnh",
    "provincial": "tỉnh",
    "district": "huyện",
    "commune": "xã",
    "communal": "xã",
    "ward": "phường",
    "city": "thành phố",
    "town": "thị xã",
    "township": "thị trấn",
    "special zone": "đặc khu",
}


def _centre_name(written: str) -> str | None:
    """The Vietnamese name of a public administration service centre named with its place
    ('Trung tâm Phục vụ hành chính công phường Rach Gia'; the province's own centre, named with
    the province, is 'Trung tâm Phục vụ hành chính công tỉnh' as the Vietnamese path writes
    it), else None (a centre named with no place, or no centre)."""
    match = _NAMED_CENTRE.fullmatch(fold(written).strip())
    if match is None:
        return None
    centre = str(_vietnamese_names()["centre"]).removesuffix(" tỉnh")
    g = match.groupdict()
    # the place after the centre is where it stands ("… Center in Truong Quang Trong Ward")
    which = next((n for n in ("3", "2", "") if g["name" + n] or g["kind" + n]), "")
    kind = g["kind" + which] or ""
    span = match.span("name" + which) if g["name" + which] else None
    name = written[span[0] : span[1]] if span else ""
    words = name.split()
    if words and (
        not all(w[0].isupper() for w in words)
        or words[0].lower().strip(",") in _NOT_NAME - {"an"}  # "An Phu", "Long An"
    ):
        return None
    if kind in ("province", "provincial"):
        return f"{centre} tỉnh"
    if name:
        province = _resolve(name, None)
        if province is not None and kind in ("", "province", "provincial", "city"):
            return f"{centre} {'thành phố' if province.kind == 'city' else 'tỉnh'}"
        if not kind:
            return None
        return f"{centre} {_KIND_VI[kind]} {name}"
    if kind in ("province", "provincial"):
        return f"{centre} tỉnh"
    return None


def _named_centres(doc: _Doc, s: int, e: int) -> list[tuple[int, int, str]]:
    """(start, end, Vietnamese name) of every service centre named with its place between
    ``s`` and ``e`` ('… the Cat Hai Special Zone Public Administration Service Center …')."""
    out: list[tuple[int, int, str]] = []
    for match in _NAMED_CENTRE.finditer(doc.folded, s, e):
        core_start, core_end = match.span("core")
        starts = [
            match.start() + w.start()
            for w in re.finditer(r"\S+", doc.folded[match.start() : core_start])
        ]
        for end in dict.fromkeys([match.end(), core_end]):
            label = next(
                (
                    (a, name)
                    for a in [*starts, core_start]
                    for name in [_centre_name(doc.text[a:end])]
                    if name
                ),
                None,
            )
            if label:
                out.append((label[0], end, label[1]))
                break
    return out


def _vietnamese_name(written: str) -> str | None:
    """The Vietnamese name of a unit English names by its function, else None."""
    names = _vietnamese_names()
    folded = fold(written)
    if _PROVINCIAL_CENTRE.fullmatch(folded):
        return str(names["centre"])
    centre = _centre_name(written)
    if centre:
        return centre
    if _PROVINCIAL_LAND_OFFICE.fullmatch(folded):
        return str(names["land_office"])
    department = _DEPARTMENT.fullmatch(folded)
    if department:
        field = (department.group("of") or department.group("before") or "").strip()
        vietnamese = names["departments"].get(field)
        return f"Sở {vietnamese}" if vietnamese else None
    return None
