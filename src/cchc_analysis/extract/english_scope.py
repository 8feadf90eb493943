"""Scope in an English article: the province as a whole or one of its units.

English names a unit with its kind after the name ("Phu Giao District", "Dai Phuoc Commune",
"Ngo Quyen Ward", "Lang Son city"), with the kind first ("Department of Home Affairs",
"district of Tan Lac"), or as a capitalised name ending in an office's kind ("the Provincial
Land Registration Office", "the Provincial Public Administration Center"). Levels of
government ("district-level", "at the commune level", "communes, wards and towns") are labelled
as the Vietnamese path labels them ('cấp huyện', 'cấp xã', 'cấp tỉnh'); "the entire province",
"province-wide" go back to the province. A unit counts only as the subject of its clause, as
in Vietnamese ("… departments digitised …", not "… sent to the Department …").

A service centre named with its place is written as the Vietnamese path writes it ("Cat Hai
Special Zone Public Administration Service Center" → 'Trung tâm Phục vụ hành chính công đặc
khu Cat Hai'). A level written after its number is that number's own ("1,700 provincial-level
procedures", "1,410 at provincial level"), units and levels given figures "respectively" each
take their own, and "It received …" is the unit the sentence before was about.
``english_subject`` finds the unit a whole text reports on (its opening subject, or the one unit
its headline names where its figures stand).

Returns plain tuples (start, end, label, kind, until) that ``scope._scopes`` turns into its
scope mentions, so this module needs nothing from ``scope``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from cchc_analysis.extract.english_names import (
    _NOT_NAME,
    _named_centres,
    _vietnamese_name,
)
from cchc_analysis.extract.numbers import _tokens
from cchc_analysis.extract.patterns import _patterns, fold
from cchc_analysis.extract.places import _mention_province, _resolve
from cchc_analysis.extract.text import _clause_start, _Sentence
from cchc_analysis.reference.periods import Period

if TYPE_CHECKING:
    from cchc_analysis.extract.document import _Doc

ScopeTuple = tuple[int, int, str, str, int]
_FOREVER = 1 << 62

# the same for an office's name, which may start with "Provincial" or "District"
_NOT_ORG_NAME = _NOT_NAME - {"provincial", "district", "commune", "ward", "city", "town"}
_WORD = r"[A-ZĐÀ-Ỹ][\w'’\-]*"
_PLACE_AFTER = re.compile(
    r"(?P<name>(?:" + _WORD + r"\s+){1,4})(?P<head>District|district|Commune|commune|Ward|ward|"
    r"Town|town|Township|township|City|city)(?![\w])"
)
_PLACE_BEFORE = re.compile(
    r"(?P<head>[Dd]istrict|[Cc]ommune|[Ww]ard|[Tt]own|[Tt]ownship)\s+of\s+(?P<name>"
    + _WORD
    + r"(?:\s+"
    + _WORD
    + r"){0,3})"
)
_HEAD_OF = re.compile(
    r"(?P<head>Department|Sub-Department|Office|Board|Inspectorate|Centre|Center|Agency|Bureau)"
    r"\s+of\s+(?:the\s+)?(?P<name>"
    + _WORD
    + r"(?:(?:\s+|\s*,\s*|\s+(?:and|&|of|for)\s+|\s*-\s*)"
    + _WORD
    + r")*)"
)
_ORG = re.compile(
    r"(?P<org>(?:" + _WORD + r"\s+){1,7}(?:Centre|Center|Office|Branch|Board|Inspectorate|"
    r"Agency|Department)(?:\s+Branch)?)(?![\w])"
)

# what a board is for, which tells one project board from another
_BOARD_FOR = re.compile(
    r"\s+for\s+(?:the\s+)?" + _WORD + r"(?:(?:\s+|\s+(?:and|&|of)\s+)" + _WORD + r")*"
)


@lru_cache(maxsize=4)
def _field_department(fields: str) -> re.Pattern[str]:
    """A department named by its field before the word ("the Finance department"), as the
    press writes it in lower case; ``fields`` is the phrase data's pattern of the fields."""
    return re.compile(r"(?<![a-z])(?:" + fields + r") department(?![a-z])")


# the province's branches of national agencies, by their Vietnamese names
_AGENCIES = {
    "police": "Công an tỉnh",
    "public security": "Công an tỉnh",
    "social insurance": "Bảo hiểm xã hội tỉnh",
    "state treasury": "Kho bạc Nhà nước tỉnh",
    "tax department": "Cục Thuế",
    "customs department": "Cục Hải quan",
}
_AGENCY = re.compile(
    r"(?:(?<=provincial )|(?<=province's )|(?<=province’s )|(?<=[Tt]he ))"
    r"(?P<name>Police|Public Security|Social Insurance|State Treasury|Tax Department"
    r"|Customs Department)(?: (?:Department|Agency|Office))?(?![\w])"
)
# the public administration service centre of the province (or of a district, a commune)
_CENTRE = re.compile(
    r"(?<![a-z])(?:provincial|district|commune|ward|city|(?P<its>its|the province.s))(?:-level)? "
    r"(?:public )?administrati(?:on|ve)(?: procedures?)? (?:service )?cent(?:er|re)(?![a-z])"
)
# a unit referred back to ("the center received …")
_BACK = re.compile(
    r"(?<![a-z])the (?P<head>cent(?:er|re)|branch|office|unit|board|district|commune|ward"
    r"|locality|department)(?![a-z])(?! (?:for|of) )"  # "the Board for …" names another
)
_LEVEL_WORDS = (
    ("cấp tỉnh", r"provincial|province"),
    ("cấp huyện", r"district|districts"),
    ("cấp xã", r"commune|communes|communal|ward|wards|grassroots"),
)
_MANY_LEVELS = re.compile(
    r"(?<![a-z])(?:the )?(?P<levels>(?:provincial|district|commune|communal|ward)"
    r"(?:(?:,| and|, and) (?:provincial|district|commune|communal|ward))+)[- ]levels?(?![a-z])"
)


def _trim_name(text: str, start: int, end: int, stop: frozenset[str] = _NOT_NAME) -> int:
    """Where a name really starts: leading capitalised words that are no name dropped."""
    for match in re.finditer(r"\S+", text[start:end]):
        word = match.group(0).strip(",;:()\"'").lower()
        if word not in stop:
            return start + match.start()
    return end


def _label(text: str, start: int, end: int) -> str:
    """A unit's name on one line: as written, or as the Vietnamese path writes it when the
    name holds no proper name ('the Provincial Public Administration Service Centre' →
    'Trung tâm Phục vụ hành chính công tỉnh', 'Department of Home Affairs' → 'Sở Nội vụ')."""
    written = re.sub(r"\s+", " ", text[start:end]).strip()
    return _vietnamese_name(written) or written


def _level_label(folded: str) -> str | None:
    """'cấp tỉnh', 'cấp huyện' or 'cấp xã' for an English level phrase, else None."""
    # the owner's word names no second level: "the district's 14 wards" are wards
    folded = re.sub(r"^(?:the )?(?:district|town|city).s\s+", "", folded)
    if re.search(r"nationwide|(?:whole|entire|the) country|across the country|national", folded):
        return "toàn quốc"
    if re.search(
        r"(?:specialised|specialized|professional) agencies|provincial (?:departments|agencies)|"
        r"departments,? (?:and|&) (?:branches|sectors)|managed by (?:the )?province",
        folded,
    ):
        return "cấp tỉnh"  # (capital "managed by the province": its provincial level's)
    named = [
        label
        for label, words in _LEVEL_WORDS
        if re.search(rf"(?<![a-z])(?:{words})(?![a-z])", folded)
    ]
    return named[0] if len(named) == 1 else None


# a level of government named by a province's name and the units' kind ("Ca Mau commune
# centres"): not a unit named like the province
_LEVEL_OF_HEAD = {"commune": "cấp xã", "ward": "cấp xã", "district": "cấp huyện"}
_UNITS_AFTER = re.compile(r"(?:-level|\s+(?:centres|centers|authorities|officials|levels?))")


def _province_kind(name: str, head: str, period: Period | None) -> tuple[Any, bool]:
    """(province, is the province itself) for a place named like a province: 'Hai Phong City'
    is the city-province itself, 'Lang Son city' a city inside Lạng Sơn."""
    province = _resolve(name, period)
    if province is None:
        return None, False
    return province, head.lower() == "city" and province.kind == "city"


def english_scopes(
    doc: _Doc,
    sentence: _Sentence,
    province: Any,
    period: Period | None,
    subjects_only: bool = True,
) -> list[ScopeTuple]:
    """Return the scope mentions of one sentence of an English text, in order (with
    ``subjects_only`` a unit must be its clause's subject)."""
    pat = _patterns()
    text, folded = doc.text, doc.folded
    s, e = sentence.start, sentence.end
    found: list[ScopeTuple] = []

    def overlaps(start: int, end: int) -> bool:
        return any(a < end and start < b for a, b, *_ in found)

    for start, end, label in _named_centres(doc, s, e):
        found.append((start, end, label, "subunit", _FOREVER))
    for match in _CENTRE.finditer(folded, s, e):  # also in lower case, as in Vietnamese
        if not overlaps(*match.span()):
            label = _label(text, match.start(), match.end())
            if match.group("its"):  # "Dong Nai has launched its public administrative centre"
                named = text[match.end("its") : match.end()].strip()
                label = _vietnamese_name("provincial " + named) or named
            found.append((match.start(), match.end(), label, "subunit", _FOREVER))
    for match in _AGENCY.finditer(text, s, e):  # "the provincial Police", "Social Insurance"
        if not overlaps(match.start("name"), match.end()):
            label = _AGENCIES[" ".join(match.group("name").lower().split()[:2])]
            found.append((match.start("name"), match.end(), label, "subunit", _FOREVER))
    for match in _ORG.finditer(text, s, e):
        start = _trim_name(text, match.start(), match.end(), _NOT_ORG_NAME)
        words = text[start : match.end()].split()
        if len(words) < 2 or overlaps(start, match.end()):
            continue
        if _HEAD_OF.match(text, text.rfind(" ", start, match.end()) + 1):
            continue  # "the Kon Tum Department of Justice": named by what follows 'of'
        end = match.end()
        if words[-1] == "Board" and (purpose := _BOARD_FOR.match(text, end, e)):
            end = purpose.end()  # "Project Management Board for Traffic Works": named by both
        found.append((start, end, _label(text, start, end), "subunit", _FOREVER))
    for match in _field_department(pat.departments.pattern).finditer(folded, s, e):
        # "the Home Affairs department (94.12 points)": a department by its field, in lower case
        field_name = _vietnamese_name(folded[match.start() : match.end()])
        if field_name and not overlaps(match.start(), match.end()):
            found.append((match.start(), match.end(), field_name, "subunit", _FOREVER))
    for match in _HEAD_OF.finditer(text, s, e):
        if overlaps(match.start(), match.end()):
            continue
        name = match.group("name")
        if match.group("head") in ("Centre", "Center") and not re.search(
            "[Ss]ervice|[Aa]dministrat", name
        ):
            continue
        start, end = match.start(), match.end()
        if text[max(s, start - 11) : start].lower().endswith(("provincial ", "district ")):
            start = text.rfind(" ", s, start - 1) + 1  # "Provincial Department of …"
        where = re.search(r"\s+of\s+(?:the\s+)?(?P<place>[^,;]+?)(?:\s+[Pp]rovince)?$", name)
        if where and _resolve(where.group("place"), None) is not None:
            end = match.start("name") + where.start()  # "… of Lam Dong province": where it lies
        label = _label(text, start, end)
        place = re.search(
            r"(?:(?<=\s)|^)(?:[A-Z][\w'’-]*\s+){1,3}$", text[max(s, start - 40) : start]
        )
        if place and not overlaps(start - len(place.group()), start):
            words = place.group().split()
            while words and words[0].lower() in _NOT_ORG_NAME:
                words.pop(0)  # "The Kon Tum Department of …": 'The' is no part of it
            start -= len(" ".join(words)) + 1 if words else 0
        found.append((start, end, label, "subunit", _FOREVER))
    for pattern in (_PLACE_AFTER, _PLACE_BEFORE):
        for match in pattern.finditer(text, s, e):
            name_start, name_end = match.span("name")
            if pattern is _PLACE_AFTER:
                name_start = _trim_name(text, name_start, name_end)
                if name_start >= name_end:
                    continue
                start, end = name_start, match.end()
            else:
                start, end = match.start(), match.end()
            if overlaps(start, end):
                continue
            name = text[name_start:name_end].strip()
            place, itself = _province_kind(name, match.group("head"), period)
            level = _LEVEL_OF_HEAD.get(match.group("head").lower())
            if place is not None and level and _UNITS_AFTER.match(text, match.end()):
                # "Ca Mau commune centres", "Ca Mau commune-level …": the province's level
                found.append((start, end, level, "level", _FOREVER))
                continue
            if itself:
                if province is None or place.name_vi != province.name_vi:
                    found.append(
                        (start, end, text[start:end], f"other_province:{place.name_vi}", _FOREVER)
                    )
                else:
                    found.append((start, end, text[start:end], "province", _FOREVER))
                continue
            found.append((start, end, _label(text, start, end), "subunit", _FOREVER))
    found += _levels(doc, s, e, [(a, b) for a, b, *_ in found])
    for match in pat.sub_resets.finditer(folded, s, e):
        if overlaps(*match.span()):
            continue
        if match.group().startswith(("in the", "across", "throughout")) and any(
            k in ("subunit", "level") and 0 <= match.start() - b <= 3 for _, b, _, k, _ in found
        ):
            continue  # "communes, wards and towns in the province": where the units lie
        found.append(
            (match.start(), match.end(), text[match.start() : match.end()], "province", _FOREVER)
        )
    for mention in doc.province_mentions:
        if not (s <= mention.start < e) or overlaps(mention.start, mention.end):
            continue
        other, _ = _mention_province(mention, period)
        if other is None:
            continue
        if _where_units_lie(doc, mention.start, found):
            continue  # "the communes … in Binh Dinh province received …": where they lie
        if province is not None and other.name_vi == province.name_vi:
            found.append((mention.start, mention.end, mention.text, "province", _FOREVER))
        else:
            found.append(
                (
                    mention.start,
                    mention.end,
                    mention.text,
                    f"other_province:{other.name_vi}",
                    _FOREVER,
                )
            )
    for name, label in _known_places(text):
        for match in re.finditer(r"(?<![\w])" + re.escape(name) + r"(?![\w])", text[s:e]):
            start, end = s + match.start(), s + match.end()
            if not overlaps(start, end):
                found.append((start, end, label, "subunit", _FOREVER))
    back = _referred_back(doc, s, e, found)
    found += back
    found += _respectively(doc, s, e, found)
    it = _IT.match(folded, s, e)
    if it and not found:
        found += _it(doc, s, it.start("it"), province, period)
    kept = [scope for scope in sorted(found) if not subjects_only or _is_subject(doc, scope, s)]
    return sorted(_owner_after(doc, s, found) + kept)


# the unit that owns what the sentence counted, named at its end: "… publishing 73 new
# procedures, amending 41 and abolishing 26 under the jurisdiction of the Department of …"
_OWNED_BY = re.compile(
    r"(?:under the (?:jurisdiction|authority|management) of|managed by|belonging to)\s+(?:the\s+)?$"
)


def _owner_after(doc: _Doc, s: int, found: list[ScopeTuple]) -> list[ScopeTuple]:
    """The unit named after the figures as their owner, as a scope from the sentence's first
    number on; [] when the sentence names another unit or level before it."""
    units = sorted(scope for scope in found if scope[3] in ("subunit", "level"))
    for start, _end, label, kind, _until in units:
        if kind == "subunit" and _OWNED_BY.search(doc.folded, max(s, start - 50), start):
            first = re.search(r"\d", doc.work[s:start])
            if first is None or any(other[0] < start for other in units):
                return []
            return [(s + first.start() - 1, s + first.start(), label, "subunit", _FOREVER)]
    return []


def _where_units_lie(doc: _Doc, start: int, found: list[ScopeTuple]) -> bool:
    """True when the province named at ``start`` follows 'in' or 'of' after a unit or a level named
    earlier in its clause, no figure between, or follows a unit right after a comma ('Khanh Binh
    Commune, An Giang province'): it says where they lie, it is no new subject."""
    units = [b for _, b, _, k, _ in found if k in ("subunit", "level") and b <= start]
    if units and re.fullmatch(r"[ \t]*,[ \t]*", doc.work[max(units) : start]):
        return True
    if not re.search(
        r"(?<![a-z])(?:in|of) (?:the )?(?:province of )?$", doc.folded[max(0, start - 20) : start]
    ):
        return False
    if not units:
        return False
    between = doc.work[max(units) : start]
    return not re.search(r"[\d;:.]", between) and len(between) <= 60


_NAME_IN_LIST = (
    _WORD
    + r"(?:\s+"
    + _WORD
    + r")*(?:\s+(?:city|town|district|commune|ward))?(?:\s*\([^()]{0,30}\))?"
)  # "Huu Lung (811 records)"
_LISTED = re.compile(
    r"(?:[Dd]istricts|[Cc]ommunes|[Ww]ards|[Tt]owns|[Ll]ocalities)(?:\s+[a-z][a-z\d\s,%.-]{0,80}?)?\s+"
    r"(?:of|are|were|include|including|such as|like|namely|:)(?:\s*:)?\s+(?P<names>"
    + _NAME_IN_LIST
    + r"(?:(?:\s*,\s*|\s+and\s+)"
    + _NAME_IN_LIST
    + r")+)"
)


@lru_cache(maxsize=16)
def _known_places(text: str) -> tuple[tuple[str, str], ...]:
    """Names of districts and communes the text names with their kind ('Dai Phuoc Commune',
    'the districts of Huu Lung, Chi Lang and Cao Loc'), to find them named bare later
    ('Dai Phuoc received …'): (bare name, label). Province names are left out."""
    out: dict[str, str] = {}
    for match in _PLACE_AFTER.finditer(text):
        start = _trim_name(text, match.start("name"), match.end("name"))
        name = _label(text, start, match.end("name"))
        if name and match.group("head").lower() != "city" and _resolve(name, None) is None:
            out.setdefault(name, _label(text, start, match.end()))
    for match in _LISTED.finditer(text):
        for part in re.split(r"\s*,\s*|\s+and\s+", match.group("names")):
            name = re.sub(r"\s*\([^()]*\)", "", part).strip()
            words = name.split()
            if words and words[-1].lower() in ("city", "town", "district", "commune", "ward"):
                continue  # named with its kind: found as such
            if name and words[0].lower() not in _NOT_NAME and _resolve(name, None) is None:
                out.setdefault(name, name)
    return tuple(out.items())


def _levels(doc: _Doc, s: int, e: int, taken: list[tuple[int, int]]) -> list[ScopeTuple]:
    """Levels of government named in a sentence; 'the district and commune levels … 99.84%
    and 99.9%, respectively' gives each number its own level."""
    pat = _patterns()
    folded, text, work = doc.folded, doc.text, doc.work
    out: list[ScopeTuple] = []
    for match in _MANY_LEVELS.finditer(folded, s, e):
        names = re.findall(r"provincial|district|commune|communal|ward", match.group("levels"))
        labels = [_level_label(n) for n in names]
        taken.append(match.span())
        respectively = folded.find("respectively", match.end(), e)
        numbers = [t for t in _tokens(work[match.end() : respectively if respectively >= 0 else e])]
        if respectively >= 0 and len(numbers) == len(labels):
            for token, label in zip(numbers, labels, strict=True):
                at = match.end() + token.start
                out.append((at - 1, at, label or "", "level", _FOREVER))  # the space before it
        elif "provincial" in names:
            out.append(
                (
                    match.start(),
                    match.end(),
                    text[match.start() : match.end()],
                    "province",
                    _FOREVER,
                )
            )
    spans = [(s + t.start, s + t.end) for t in _tokens(work[s:e])]
    for match in _NUMBER_LEVEL.finditer(folded, s, e):
        if any(a < match.end() and match.start() < b for a, b in taken):
            continue
        # the number this level is of: the last one before it in its clause, with nothing
        # but its noun or "is under the jurisdiction of" between ("1,700 provincial-level
        # procedures", "1,410 at provincial level", "318 procedures are under … commune level")
        before = [(a, b) for a, b in spans if b <= match.start()]
        if not before:
            continue
        a, b = before[-1]
        if not _NUMBER_TO_LEVEL.fullmatch(folded, b, match.start()):
            continue
        label = _level_label(match.group("level")) or ""
        out.append((a - 1, match.end(), label, "level", a))
        taken.append(match.span())
    for match in pat.sub_levels.finditer(folded, s, e):
        if any(a < match.end() and match.start() < b for a, b in taken):
            continue
        if _DIMENSION_LEVEL.search(folded, max(s, match.start() - 40), match.end()):
            continue  # PAPI's "participation at the grassroots level": a dimension, no level
        label = _level_label(match.group()) or text[match.start() : match.end()]
        out.append((match.start(), match.end(), label, "level", _FOREVER))
    return out


_DIMENSION_LEVEL = re.compile(
    r"participation (?:of (?:the )?(?:people|citizens) )?(?:at |in )?(?:the )?"
    r"grassroots[- ]levels?$"
)
# a level written after the number it is of
_NUMBER_LEVEL = re.compile(
    r"(?<![a-z])(?:(?:at|of|in) )?(?:the )?(?P<level>provincial|province|district|commune|communal|"
    r"ward)(?:[- ]levels?(?: (?:people.s committees|agencies|departments))?"
    r"| (?:people.s committees|agencies|departments))(?![a-z])"
)
_NUMBER_TO_LEVEL = re.compile(
    r"\s*(?:%|percent|per cent)?\s*(?:(?!(?:and|or|while|but|than)\s)[a-z()'-]+\s+){0,7}?"
)


def _referred_back(doc: _Doc, s: int, e: int, found: list[ScopeTuple]) -> list[ScopeTuple]:
    """'the center', 'the unit', 'the branch' as a clause's subject: the last unit of that
    kind named before (in the text or its headline)."""
    out: list[ScopeTuple] = []
    for match in _BACK.finditer(doc.folded, s, e):
        if any(a <= match.start() < b for a, b, *_ in found):
            continue
        head = match.group("head")
        kinds = {"center": ("Center", "Centre"), "centre": ("Center", "Centre")}.get(
            head, (head.capitalize(), head)
        )
        earlier = [
            m
            for m in _ORG.finditer(doc.text, max(0, s - 2500), match.start())
            if head == "unit" or m.group("org").split()[-1] in kinds
        ]
        earlier += [
            m
            for m in _PLACE_AFTER.finditer(doc.text, max(0, s - 2500), match.start())
            if (head in ("district", "commune", "ward") and m.group("head").lower() == head)
            or (head == "locality" and m.group("head").lower() in ("district", "commune", "ward"))
        ]  # "the locality": the commune, ward or district named last
        earlier += [
            m
            for m in _HEAD_OF.finditer(doc.text, max(0, s - 2500), match.start())
            if head == "department" and m.group("head") == "Department"
        ]  # "the department": the "Department of Construction" named last
        if not earlier:
            continue
        last = max(earlier, key=lambda m: m.start())
        start = _trim_name(doc.text, last.start(), last.end(), _NOT_ORG_NAME)
        if head in ("center", "centre"):  # "the provincial Public Administration Center"
            whole = [m for m in _CENTRE.finditer(doc.folded, max(0, start - 20), last.end())]
            start = min([m.start() for m in whole if m.end() == last.end()] + [start])
        label = _label(doc.text, start, last.end())
        whole_centre = [
            (a, b, name)
            for a, b, name in _named_centres(doc, max(0, start - 40), last.end() + 60)
            if a <= last.end() and start < b
        ]
        if whole_centre:  # "the Public Administration Service Center of Rach Gia Ward"
            label = whole_centre[-1][2]
        if _resolve(label.rsplit(" ", 1)[0], None) is not None and head in (
            "district",
            "commune",
            "ward",
            "locality",
        ):
            continue
        out.append((match.start(), match.end(), label, "subunit", _FOREVER))
    return out


# "Phu Giao, Bau Bang and Dau Tieng districts": names sharing one kind
_SHARED_KIND = re.compile(
    r"(?P<names>"
    + _WORD
    + r"(?:\s+"
    + _WORD
    + r"){0,3}(?:\s*,\s*"
    + _WORD
    + r"(?:\s+"
    + _WORD
    + r"){0,3})*\s*,?\s+and\s+"
    + _WORD
    + r"(?:\s+"
    + _WORD
    + r"){0,3})\s+"
    r"(?P<kind>districts|communes|wards|towns|cities)(?![\w])"
)


def _respectively(doc: _Doc, s: int, e: int, found: list[ScopeTuple]) -> list[ScopeTuple]:
    """'Phu Giao, Bau Bang and Dau Tieng districts had rates of 99.1%, 98.5% and 97.2%,
    respectively': each number gets its own unit (as the levels of ``_levels`` do)."""
    end = doc.folded.find("respectively", s, e)
    if end < 0:
        return []
    units: list[tuple[int, str]] = []  # (end of the name, label)
    for match in _SHARED_KIND.finditer(doc.text, s, end):
        kind = match.group("kind").lower()
        singular = "city" if kind == "cities" else kind[:-1]
        for name in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", match.group("names")):
            if name.split()[0].lower() not in _NOT_NAME:
                units.append((match.end(), f"{name.strip()} {singular}"))
    if not units:
        units = [(b, label) for _, b, label, kind, _ in sorted(found) if kind == "subunit"]
    if len(units) < 2:
        return []
    last = max(b for b, _ in units)
    numbers = [(last + t.start, last + t.end) for t in _tokens(doc.work[last:end])]
    if len(numbers) != len(units):
        return []
    return [
        (a - 1, a, label, "subunit", a) for (a, _), (_, label) in zip(numbers, units, strict=True)
    ]


# "It received …", "In March 2024, it received …": a pronoun as the sentence's subject
_IT = re.compile(r"\W*(?:[^,;:()]{0,80},\s*)?(?P<it>it)\s+(?!is |was |has been |will )")


def _it(doc: _Doc, s: int, at: int, province: Any, period: Period | None) -> list[ScopeTuple]:
    """'It received …' opening a sentence: the unit the sentence before had as its subject."""
    before = [x for x in doc.sentences if x.end <= s]
    if not before or s - before[-1].end > 3:
        return []
    units = [
        scope
        for scope in english_scopes(doc, before[-1], province, period)
        if scope[3] == "subunit"
    ]
    if not units:
        return []
    return [(at, at + 2, units[-1][2], "subunit", _FOREVER)]


# "received by the unit", "the rate … of provincial agencies": the unit the figure is of
_AGENT_OR_MEASURE = re.compile(
    r"(?:(?<![a-z])by(?: the)?|(?:rate|share|number|percentage|proportion|total|score|results?)"
    r"(?![a-z])[^,;()]{0,60}(?<![a-z])(?:of|for|at|in)(?: the)?"
    r"|(?<![a-z])(?:are|were|include|including|such as|namely)(?:\s*:)?|:"  # a list of units
    r"|people.s committees? of(?: the)?"  # "the People's Committee of X district"
    # "the reception-return unit of X district", "the one-stop desk of X ward": its own desk
    r"|(?:unit|desk|division|section|department|office|cent(?:er|re)|shop)s? of(?: the)?)\s*$"
)


def _is_subject(doc: _Doc, scope: ScopeTuple, sentence_start: int) -> bool:
    """True when a unit or a level is the subject of its clause (or a province mention)."""
    pat = _patterns()
    start, end, _, kind, _ = scope
    if kind not in ("subunit", "level") or not doc.work[start:end].strip():
        return True  # a province, or a level given to one number ('…, respectively')
    if kind == "level" and doc.folded.startswith(("at ", "in "), start):
        return True  # "… was 99.5%, at the district level 98.7%": where the figure stands
    if (
        kind == "level"
        and _OF_THE_COUNTRY_BEFORE.search(doc.folded, max(sentence_start, start - 5), start)
        and _MEASURE_VERB_AFTER.match(doc.folded, end)
    ):
        return True  # "the disbursement for the whole country was VND 128,500 billion"
    if kind == "level" and doc.work[start + 1 : start + 2].isdigit():
        return True  # "1,700 provincial-level procedures": the level of that number
    if kind == "subunit" and _RELATIVE_AFTER.match(doc.folded, end):
        return True  # "… launched its centre, which has dealt with …": the relative's subject
    clause = _clause_start(doc.work, start, sentence_start)
    # "… received 1,210 dossiers and Thanh Liem ward received …": a second clause's subject
    lead = re.split(r"(?<![a-z])(?:and|while|whereas|but)\s+", doc.folded[clause:start])[-1]
    # "The province's Department of …", "its centre": the owner named before is no clause
    lead = _OWNER_BEFORE.sub("", lead)
    lead = lead.lstrip(" \t+•◦▪–*-")  # "+ Department of Construction: 45 files": an item's own
    if not (pat.subject_lead.match(lead) or _AGENT_OR_MEASURE.search(lead)):
        return False
    before = doc.folded[max(sentence_start, start - 40) : start]
    after = doc.folded[end : min(len(doc.folded), end + 30)]
    if re.match(r"\s*(?:said|says|reported|announced)(?: that)? (?:it|they)(?![a-z])", after):
        return True  # "the centre said it had received …": the speaker is the subject
    if _OWNED_MEASURE.search(lead):
        # "the number of dossiers under the jurisdiction of the Department … that are
        # delayed": the department's own, not a source
        return not pat.source_after.search(after)
    return not (pat.source_before.search(before) or pat.source_after.search(after))


# the owner of a unit named right before it: "the province's", "the city's", "its"
_OWNER_BEFORE = re.compile(
    r"(?:(?<![a-z])the (?:province|city|district|town|commune|ward|locality).?s|(?<![a-z])its)"
    r"\s*$"
)
# a measure of the whole country: "the disbursement for the whole country was …"
_OF_THE_COUNTRY_BEFORE = re.compile(r"(?<![a-z])(?:for|of)\s*$")
_MEASURE_VERB_AFTER = re.compile(r"\s*(?:was|were|is|are|reached|stood at|totall?ed|hit)(?![a-z])")
# a unit that a relative clause goes on to describe: "…, which has received", "…, where"
_RELATIVE_AFTER = re.compile(r"\s*,\s*(?:which|where)(?![a-z])")
# a measure of the unit named next: "the number of dossiers under the jurisdiction of the …"
_OWNED_MEASURE = re.compile(
    r"(?:number|rate|share|total)(?: of)? [a-z ]{0,40}under the (?:jurisdiction|authority|"
    r"management) of(?: the)?\s*$"
)


_WHOLE_PROVINCE = re.compile(
    r"(?<![a-z])(?:the (?:entire |whole )?province|province-?wide|provincewide|all levels|"
    r"(?:provincial|district) and commune levels)(?![a-z])"
)


def english_subject(doc: _Doc, period: Period | None) -> str | None:
    """The unit an English text reports on when it opens on one as its subject ("Dak Lak
    Provincial Public Administration Center is receiving …") and never speaks of the whole
    province: its figures are then the unit's, not the province's."""
    related = _RELATED.search(doc.folded)  # the teasers of other articles say nothing of this one
    end = related.start() if related else len(doc.work)
    # the whole province spoken of where figures are given ("… has directed administrations at
    # all levels", "… approved for use across the province" say how a unit works, not whose
    # figures follow)
    if any(
        _WHOLE_PROVINCE.search(doc.work, s.start, min(s.end, end))
        and re.search(r"\d", doc.work[s.start : s.end])
        for s in doc.sentences
        if s.start < end
    ):
        return None
    opening = [
        s
        for s in doc.sentences
        if not doc.in_furniture(s.start) and len(doc.text[s.start : s.end].split()) > 3
    ][:3]  # (a site's name, a language switch are no sentences of the text)
    headline = doc.headline[0] if doc.headline else -1
    for sentence in opening:
        for start, _, label, kind, _ in english_scopes(doc, sentence, None, period):
            if kind != "subunit":
                continue
            lead = doc.work[sentence.start : start]
            # its sentence's subject, after what sets the scene ("In the first 6 months of
            # the year, X received …", "According to …, from July 1 to 31, the X received …")
            if start - sentence.start <= 4 or (
                _SCENE_LEAD.fullmatch(lead) and not _PART_OF.match(doc.folded, sentence.start)
            ):
                return label
        if sentence.start != headline and re.search(r"\d", doc.work[sentence.start : sentence.end]):
            # its first figures are no unit's: the text is about the unit its headline names
            # as where they were counted ("… satisfied with services at the provincial Centre
            # for …"), when the sentence names no other subject; else about no unit
            return _headline_unit(doc, sentence, period)
    return None


# the whole, or another subject, named in a sentence
_OTHER_SUBJECT = re.compile(
    r"(?<![a-z])(?:the (?:city|province|district|commune|ward|country)|nationwide|"
    r"across the|throughout the)(?![a-z])"
)


def _headline_unit(doc: _Doc, sentence: _Sentence, period: Period | None) -> str | None:
    """The one unit a headline names where its figures stand ('… at provincial Centre for
    Public Administrative Services'), when ``sentence`` names no other subject, else None."""
    if not doc.headline:
        return None
    others = {m.group() for m in _OTHER_SUBJECT.finditer(doc.folded, sentence.start, sentence.end)}
    if any(sentence.start <= m.start < sentence.end for m in doc.province_mentions):
        return None
    h0, h1 = doc.headline
    units = [
        (start, label)
        for start, _, label, kind, _ in english_scopes(
            doc, _Sentence(h0, h1, doc.line_of(h0), 0, -1), None, period, subjects_only=False
        )
        if kind == "subunit"
    ]
    if len(units) != 1:
        return None
    start, label = units[0]
    # "the district" in a text whose headline names one district is that district
    kind = re.search(r"(?<![a-z])(district|commune|ward)(?![a-z])", fold(label))
    if others - ({f"the {kind.group(1)}"} if kind else set()):
        return None
    at = re.search(r"(?<![a-z])(?:at|in|of)(?: the)?\s*$", doc.folded[max(h0, start - 12) : start])
    return label if at else None


_RELATED = re.compile(
    r"(?m)^[ \t]*(?:related (?:topics|news|articles|posts|stories)|other (?:news|articles)|"
    r"more news|read (?:more|also)|see also)[ \t:]*$"
)
# a sentence about a part of what came before: "Of which, X ward leads …"
_PART_OF = re.compile(
    r"\W*(?:of which|of these|of them|among (?:them|these|which)|in which|including|in particular|"
    r"notably|specifically|for example|for instance)(?![a-z])"
)
# what may open a sentence before its subject: clauses closed by a comma, a dateline
_SCENE_LEAD = re.compile(
    r"(?:\([^()]{1,12}\)\s*[-–—]\s*)?(?:[^,;:]{0,160}(?:,|\bsaid that)\s*)*(?:the\s+)?"
)
