"""Scope: the province as a whole or one of its units (a department, a district, a level)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cchc_analysis.extract.desks import _desk_of_level
from cchc_analysis.extract.english_scope import english_scopes
from cchc_analysis.extract.language import ENGLISH
from cchc_analysis.extract.level_lists import _levels_listed_together
from cchc_analysis.extract.model import PROVINCE_SCOPE
from cchc_analysis.extract.patterns import _B, _patterns
from cchc_analysis.extract.places import (
    _mention_province,
    _official_phrase,
    _resolve,
    bracket_around,
)
from cchc_analysis.extract.scope_types import (
    COMPARED_PROVINCE_BEFORE,
    RANK_FRAME,
    SCORE_IN_BRACKETS,
    THIS_UNIT,
    _Scope,
)
from cchc_analysis.extract.text import _clause_start
from cchc_analysis.extract.unit_names import (
    _AGENT,
    _BARE_DEPARTMENT,
    _COUNTED_LEAD,
    _DESK_OWNER,
    _DESK_OWNER_END,
    _DESKS,
    _MEASURE_OF,
    _OWN_LEVEL,
    _OWNER,
    _PLACE_OWNER,
    _RANKED,
    _WHOLE_NAMES,
    _department_end,
    _department_named_before,
    _unit_name_end,
    labels_row,
    narrows,
    place_in_headline,
    project_board_end,
)
from cchc_analysis.reference.periods import Period

if TYPE_CHECKING:
    from cchc_analysis.extract.document import _Doc
    from cchc_analysis.extract.text import _Sentence


@dataclass(frozen=True)
class _Carry:
    """What a sentence hands to the next one on the same line: its subject and its period
    ('Tháng 9/2021, Trung tâm … tiếp nhận … . Đã có kết quả …')."""

    scope: str = PROVINCE_SCOPE
    other: str | None = None
    period: Period | None = None
    note: str = ""  # '' and not skip: the document's period
    skip: bool = False
    listed: str | None = None  # what a head line ending with ':' counts, for its items


# what a board of industrial or economic zones is named, lower case words and all
_ZONE_BOARD = re.compile(
    r"(?:cac )?(?:khu cong nghiep|kcn|khu kinh te|kkt|khu che xuat|kcx)"
    r"(?:(?:,| va) (?:cac )?(?:khu )?(?:cong nghiep|kinh te|che xuat|cua khau|kcn|kkt))*"
    r"(?: (?:tinh|thanh pho))?(?![a-z])"
)


def _name_end(text: str, start: int, limit: int) -> int:
    """End of a run of Capitalised words (or digits: 'Quận 1') starting at ``start``."""
    end = start
    for match in re.finditer(r"\S+", text[start:limit]):
        word = match.group(0)
        core = word.strip(",;:.()\"'")
        if not core or not (core[0].isupper() or re.fullmatch(r"\d{1,2}", core)) or word[0] == "(":
            break  # "phường Bến Thành (TP.HCM)": in brackets; "tỉnh 85,49": a score, no "Quận 1"
        if core[0].isdigit() and end > start:
            break  # "Quận 1" has its number first; "Hà Nội 9 tháng" is a name, then a period
        if match.start() > end - start + 1:  # not adjacent
            break
        end = start + match.start() + len(word.rstrip(",;:.()\"'"))
        if word != word.rstrip(",;:.()\"'"):
            break
    return end


def _place_name_after(text: str, end: int, limit: int) -> int:
    """End of the place's name after a level word ending at ``end`` ("… huyện Tiên Yên",
    "… tỉnh Bình Thuận"), or ``end`` when no name follows ("… huyện, 6 tháng", "… tỉnh: Điểm")."""
    if not (end + 1 < limit and text[end] == " "):
        return end
    name_end = _name_end(text, end + 1, limit)
    return name_end if name_end > end + 1 else end


_FULL_CENTRE = re.compile(
    r"Trung tâm (?:[Pp]hục vụ )?[Hh]ành chính công"
    r"(?: (?:cấp )?(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|đặc khu)(?: [A-ZĐÀ-Ỹ][\w]*)*)?"
)
_LEVEL_WORDS = ("tỉnh", "phố", "công", "huyện", "quận", "xã", "phường", "khu")


def _centre_name(written: str) -> str:
    """A centre's name as matched by ``_FULL_CENTRE``, without the lower-case words after it
    ("… tỉnh Điện Biên đã" → "… tỉnh Điện Biên")."""
    words = written.split()
    while words[-1][0].islower() and words[-1] not in _LEVEL_WORDS:
        words.pop()
    return " ".join(words)


def _centre_named_before(text: str, position: int) -> str | None:
    """The last public-administration centre named in full before ``position``, else None:
    what a bare "Trung tâm" later in the text stands for."""
    named = [m.group(0) for m in _FULL_CENTRE.finditer(text, 0, position)]
    return _centre_name(named[-1]) if named else None


# the land registration office (or its branch) named in full, and later bare as a subject
_FULL_LAND_OFFICE = re.compile(
    r"(?:Chi nhánh )?Văn phòng [Đđ]ăng ký đất đai(?: (?:tỉnh|huyện|thị xã|thành phố|quận|TP\.?)"
    r"(?: [A-ZĐ][\w]*){0,3})?"
)
_BARE_OFFICE = re.compile(r"(?<=[,;.:] )(?:văn phòng|chi nhánh)(?= (?:đã |vừa |cũng )?[a-zđ])")
_OFFICE_PLACE = re.compile(r" (?:tỉnh|thành phố|huyện|quận|thị xã)(?!\w)")


def _headline_city(doc: _Doc) -> str | None:
    """'thành phố Huế' when the headline names a city of the province ("thành phố Huế", "TP.
    Đà Lạt"), else None."""
    if not doc.headline:
        return None
    h0, h1 = doc.headline
    match = re.search(r"(?<![a-z])(?:thanh pho|tp\.?)\s*(?=[a-z])", doc.folded[h0:h1])
    if match is None:
        return None
    start = h0 + match.end()
    end = _name_end(doc.text, start, h1)
    return f"thành phố {doc.text[start:end]}" if end > start else None


def _scopes(
    doc: _Doc,
    sentence: _Sentence,
    province: Any,
    period: Period | None,
    subjects_only: bool = True,
) -> list[_Scope]:
    """Return the scope mentions of a sentence, in order (with ``subjects_only`` a unit must be
    its clause's subject, not an object: "duy trì Trung tâm …")."""
    if doc.language == ENGLISH:
        return [_Scope(*found) for found in english_scopes(doc, sentence, province, period)]
    pat = _patterns()
    text, folded = doc.text, doc.folded
    s, e = sentence.start, sentence.end
    found: list[_Scope] = []
    named = re.compile(_B + r"(?:" + pat.sub_named + r")\s+(?=[\w(])")
    for match in named.finditer(folded, s, e):
        head_end = match.end()
        head = folded[match.start() : head_end].strip()
        if any(sc.start <= match.start() < sc.end for sc in found):
            continue  # inside a unit already named ("… của Văn phòng Cục Thuế")
        owner = _DESK_OWNER.match(text, head_end) if head in _DESKS else None
        if owner is not None:
            # "bộ phận một cửa của Văn phòng Cục Thuế": the desk of a unit named after it
            stop = _DESK_OWNER_END.search(folded, owner.end(), min(e, owner.end() + 60))
            end = stop.start() if stop else min(e, owner.end() + 60)
            owned = text[owner.end() : end].strip()
            # "… của Phường 3", "… của huyện Tiên Yên": the place's own figures
            label = owned if _PLACE_OWNER.match(owned) else text[match.start() : end]
            found.append(_Scope(match.start(), end, label, "subunit"))
            continue
        if not text[match.start()].isupper() and not head.startswith("trung tam phuc vu"):
            continue  # "hồ sơ TTHC" is not "Sở TTHC"
        if head.startswith("trung tam") or head in _WHOLE_NAMES:
            # a centre: its place follows ("tỉnh", "huyện Tiên Yên") or it stands alone
            tail = re.match(  # "… tỉnh", "… của tỉnh", "… (trung tâm) tỉnh", "… cấp huyện"
                r"(?:\([^)]{0,24}\)\s*)?(?:cua )?(?:ubnd |uy ban nhan dan )?(?:cap )?"
                + (r"(?:cac |\d+ )?" if head.startswith("trung tam") else "")  # "… của 102 xã"
                + r"(tinh|thanh pho|huyen|quan|thi xa|xa|phuong|dac khu)\b",
                folded[head_end:e],
            )
            end = head_end
            if head in _DESKS and not tail:
                continue  # "Bộ phận Một cửa được duy trì tại 171/171 xã": the units counted
            if tail:
                end = _place_name_after(text, head_end + tail.end(), e)  # "… huyện Tiên Yên"
                named_place = tail.group(1) != "tinh" and end > head_end + tail.end()
                if head in _DESKS and named_place:
                    # "Bộ phận Một cửa huyện Đức Trọng": the district's own figures
                    start = head_end + tail.start(1)
                    found.append(_Scope(match.start(), end, text[start:end], "subunit"))
                    continue
                desk = (
                    _desk_of_level(doc, folded, match.start(), head_end, tail)
                    if head in _DESKS
                    else None
                )
                if desk is not None:
                    found.append(desk)
                    continue
                if head == _DESKS[1]:
                    continue  # "Bộ phận tiếp nhận và trả kết quả huyện": the text's own unit
            else:  # "Trung tâm Hành chính Đà Lạt", "Trung tâm Phục vụ hành chính công"
                end = max(head_end, _name_end(text, head_end, e))
                if end == head_end and head == "trung tam":
                    named_before = _centre_named_before(text, match.start())
                    if named_before is None:
                        continue
                    # "… tại Trung tâm là 29.807 hồ sơ": the centre the text named in full
                    found.append(_Scope(match.start(), head_end, named_before, "subunit"))
                    continue
            label = re.sub(r"\s*\([^)]*\)", "", text[match.start() : end]).strip(" ,;:")
            both = re.match(
                r",? (?:phuong|thi tran)\b", folded[head_end + (tail.end() if tail else 0) : e]
            )
            if tail and tail.group(1) == "xa" and both:  # "… công xã, phường": the communes'
                label = text[match.start() : head_end + tail.end() + both.end()]
            elif tail and end == head_end + tail.end() and head.startswith("trung tam"):
                # "Trung tâm Phục vụ hành chính công phường" in a text on "Phường Tân An": its own
                label += place_in_headline(doc, text[head_end + tail.start(1) : end])
            found.append(_Scope(match.start(), end, label, "subunit"))
            continue
        board = project_board_end(folded, match.start(), e) if head.startswith("ban") else None
        if board is not None:  # "Ban QLDA đầu tư xây dựng công trình giao thông tỉnh: …"
            found.append(_Scope(match.start(), board, text[match.start() : board], "subunit"))
            continue
        zone = _ZONE_BOARD.match(folded, head_end, e) if head == "ban quan ly" else None
        if zone is not None:  # "Ban Quản lý các KCN tỉnh": the industrial zones' board
            found.append(
                _Scope(match.start(), zone.end(), text[match.start() : zone.end()], "subunit")
            )
            continue
        if not text[head_end : head_end + 1].isupper():
            if head == "so" and text[match.start() : head_end].rstrip() == "Sở":
                # "… Sở tiếp nhận 2.100 hồ sơ": the department the text named in full before
                named_before = _department_named_before(doc, match.start())
                if named_before is not None:
                    found.append(_Scope(match.start(), head_end, named_before, "subunit"))
            continue
        if head == "so" and text[match.start() : match.start() + 2].lower() != "sở":
            continue  # "Số TTHC …" (a number of), not "Sở …" (a department)
        end = (
            _unit_name_end(text, folded, head_end, e)
            if head in ("so", "phong")
            else _department_end(text, folded, head_end, e)
        )
        if end <= head_end:
            continue
        office_of = _OFFICE_PLACE.match(text, end, e) if head == "van phong" else None
        if office_of:  # "Văn phòng UBND tỉnh (Bình Thuận)": the office, its level and place
            end = _place_name_after(text, office_of.end(), e)
        found.append(_Scope(match.start(), end, text[match.start() : end], "subunit"))
    for short in re.finditer(r"(?<![a-z(])(?:ttpvhcc|tthcc|hcc)(?![a-z)])", folded[s:e]):
        at = s + short.start()  # "HCC đã tiếp nhận …" after "… hành chính công (HCC)"
        named_before = _centre_named_before(text, at) or "Trung tâm Phục vụ hành chính công"
        found.append(_Scope(at, s + short.end(), named_before, "subunit"))
    for bare in _BARE_OFFICE.finditer(text, s, e):
        # "… cho biết, quý 1 năm 2022, văn phòng tiếp nhận 6.506 hồ sơ": the office named before
        if any(sc.start <= bare.start() < sc.end for sc in found):
            continue
        offices = list(_FULL_LAND_OFFICE.finditer(text, 0, bare.start()))
        if offices:
            label = offices[-1].group(0).rstrip(" ,;:")
            found.append(_Scope(bare.start(), bare.end(), label, "subunit"))
    for bare in _BARE_DEPARTMENT.finditer(folded, s, e):
        # "Riêng lĩnh vực lý lịch tư pháp, sở tiếp nhận 2.418 hồ sơ": the department named before
        named_before = _department_named_before(doc, bare.start())
        if text[bare.start() : bare.end()] == "sở" and named_before is not None:
            found.append(_Scope(bare.start(), bare.end(), named_before, "subunit"))
    # "huyện Tiên Yên", and the abbreviations written close up: "TP.Bảo Lộc", "TX.Ninh Hòa"
    places = re.compile(_B + r"(?:" + pat.sub_places + r")(?:\s+|(?<=\.))(?=\w)")
    for match in places.finditer(folded, s, e):
        if any(sc.start <= match.start() < sc.end for sc in found):
            continue
        end = _name_end(text, match.end(), e)
        if end <= match.end():
            continue
        if folded[match.end() - 1] == "." and any(
            match.start() <= m.start < end and _mention_province(m, period)[1] != "city_of"
            for m in doc.province_mentions
        ):
            continue  # "TP.Hải Phòng", "TP.HCM": a province, named as one
        label = text[match.start() : end]
        found.append(_Scope(match.start(), end, label, "subunit"))
    wholes = [m.span() for m in pat.sub_resets.finditer(folded, s, e)]
    for match in pat.sub_levels.finditer(folded, s, e):
        if any(sc.start <= match.start() < sc.end for sc in found) or RANK_FRAME.search(
            folded, max(s, match.start() - 50), match.start()
        ):
            continue  # (… "xếp thứ 16/20 sở, ban, ngành của tỉnh": whom a rank is among)
        if any(a < match.start() < b for a, b in wholes):
            continue  # "từ cấp tỉnh đến cấp xã", "cả 3 cấp": every level, the province
        if match.group().startswith(("toan quoc", "ca nuoc")) and re.search(
            r"(?:thu|hang|xep|dung|vi tri|dau|nhat|top)[\s\d/_]*(?:tinh,? thanh pho[\s,]*)?"
            r"(?:trong|tren|cua)?\s*$",
            doc.work[max(s, match.start() - 30) : match.start()],
        ):
            continue  # a rank: "xếp thứ 5 cả nước", "đứng đầu cả nước"
        until = 1 << 62
        if pat.counted.search(doc.work, max(s, match.start() - 40), match.start()) or (
            _BREAKDOWN_BEFORE.search(doc.work, s, match.start())
        ):
            # "134 thủ tục cấp xã;" ends here, and so does an item of a breakdown ("công bố
            # 412 TTHC, trong đó: cấp tỉnh 302, …, cấp xã 42; bãi bỏ 37 TTHC")
            semicolon = doc.work.find(";", match.end(), e)
            until = semicolon if semicolon >= 0 else e
        label = _level_label(match.group()) or text[match.start() : match.end()]
        if doc.subject_unit and match.group().startswith("toan "):
            label = doc.subject_unit  # "toàn huyện" in a text about huyện Định Hóa
        if re.match(r"cua (?:ca )?(?:2|hai) cap", match.group()):
            # "tỷ lệ … của hai cấp": both levels a text about a district counted apart
            label = doc.subject_unit or PROVINCE_SCOPE
        found.append(_Scope(match.start(), match.end(), label, "level", until))
    found = _levels_listed_together(found, folded, text)
    for match in pat.sub_resets.finditer(folded, s, e):
        if any(sc.start <= match.start() < sc.end for sc in found) or RANK_FRAME.search(
            folded, max(s, match.start() - 50), match.start()
        ):
            continue  # "Trung tâm … tỉnh đã …": the unit's own name; whom a rank is among
        if match.group().startswith("tinh ") and any(
            sc.kind == "subunit" and 0 <= match.start() - sc.end <= 1 for sc in found
        ):
            continue  # "Cục Thuế tỉnh đã …": the unit of the province, not the province
        if any(m.start < match.start() < m.end for m in doc.province_mentions):
            continue  # "Hà Tĩnh có …" is a name, not "tỉnh có …"
        if re.search(
            r"(?:trong|cua) $", folded[max(s, match.start() - 6) : match.start()]
        ) and not match.group().startswith(("toan ", "ca tinh")):
            continue  # "9 huyện trong tỉnh đã …": the units'; "của toàn tỉnh" is the whole
        if doc.subject_city and "thanh pho" in match.group():
            # a text about a provincial city: "UBND thành phố", "toàn thành phố" are that city
            found.append(_Scope(match.start(), match.end(), doc.subject_city, "subunit"))
            continue
        if "thanh pho" in match.group() and province is not None and province.kind != "city":
            # a province that is no city has no "UBND Thành phố" of its own: the city the
            # headline names ("… Trung tâm Hành chính công Thành phố Huế"), else no reset
            city = _headline_city(doc)
            if city is not None:
                found.append(_Scope(match.start(), match.end(), city, "subunit"))
            continue
        found.append(
            _Scope(match.start(), match.end(), text[match.start() : match.end()], "province")
        )
    for mention in doc.province_mentions:
        if not (s <= mention.start < e):
            continue
        other, kind = _mention_province(mention, period)
        if other is None:
            if kind == "official" and _resolve(mention.text, None) is not None:
                # a province that no longer exists in the period's era: "tỉnh Hà Giang (cũ)"
                label = _official_phrase(doc, mention)
                start = mention.end - len(label)
                tail = re.match(r"\s*\((?:cu|truoc day|truoc sap nhap)\)", folded[mention.end : e])
                end = mention.end + (tail.end() if tail else 0)
                found.append(_Scope(start, end, text[start:end].strip(), "subunit"))
            continue
        if kind == "city_of":
            continue  # already a place ("thành phố Nam Định")
        if any(sc.start <= mention.start < sc.end for sc in found):
            continue  # part of a unit's name: "Trung tâm … tỉnh An Giang"
        if bracket_around(doc, mention) is not None:
            continue  # "huyện Hớn Quản (tỉnh Bình Phước)": where the unit lies, no subject
        if province is not None and other.name_vi == province.name_vi:
            found.append(_Scope(mention.start, mention.end, mention.text, "province"))
        elif (
            kind == "official"
            or province is None
            or _RANKED.match(folded, mention.end, min(e, mention.end + 60))
        ):
            label = _official_phrase(doc, mention)
            compared = COMPARED_PROVINCE_BEFORE.search(
                folded, max(s, mention.start - 24), mention.start
            ) or SCORE_IN_BRACKETS.match(folded, mention.end)
            semicolon = folded.find(";", mention.end, e) if compared else -1
            found.append(
                _Scope(
                    mention.start,
                    mention.end,
                    label,
                    f"other_province:{other.name_vi}",
                    semicolon if semicolon >= 0 else 1 << 62,
                )
            )
    # units named as the source of the information, and the province's own units
    kept = []
    for scope in sorted(found, key=lambda sc: sc.start):
        if scope.kind == "subunit" or (
            scope.kind == "level"
            and (folded.startswith("cac ", scope.start) or folded[scope.start].isdigit())
        ):
            clause = _clause_start(doc.work, scope.start, s)
            lead = doc.work[clause : scope.start]
            lead = lead[lead.rfind(":") + 1 :].lstrip()  # "Tỉnh Đồng Nai: Sở Tư pháp …"
            if (
                subjects_only
                and not THIS_UNIT.search(folded, scope.end, e)
                and not pat.subject_lead.match(lead)
                and not _AGENT.search(lead)
                and not _OWNER.search(lead)
                and not _MEASURE_OF.match(lead)
                and not _COUNTED_LEAD.fullmatch(lead)
            ):
                continue  # an object ("duy trì Trung tâm …"), not the clause's subject
        if scope.kind in ("subunit", "level"):
            before = folded[max(s, scope.start - 40) : scope.start]
            after = folded[scope.end : min(e, scope.end + 30)]
            quoted = re.match(r"\s*(?:cho biet|chia se|thong tin)\s*:\s*\"", after) or re.match(
                r"\s*cho biet\s*,?\s*(?:da|vua)\s", after
            )  # "… cho biết đã tiếp nhận": the unit says what it did itself
            owner = _OWNER.search(folded, max(s, scope.start - 80), scope.start)
            # "… trong đó thuộc thẩm quyền cấp huyện là 1.955 hồ sơ": the level owns them
            owned_level = scope.kind == "level" and _OWN_LEVEL.search(before) is not None
            source = pat.source_before.search(before) and not owner and not owned_level
            if (
                (source or pat.source_after.search(after))
                and not quoted
                and not THIS_UNIT.search(folded, scope.end, e)
            ):
                continue  # a source; but "… Trung tâm X cho biết: “…”" quotes the unit itself
            own = pat.sub_province_level.match(folded, scope.start)
            if own and not labels_row(folded, scope.start, scope.end):
                continue  # the province's own office, unless it labels a row ("Sở Nội vụ: …")
            # a province's own city: "thành phố Hà Nội"
            if scope.kind == "subunit" and re.match(
                r"(?:thanh pho\s|tp\.?\s|tp\.)", folded[scope.start :]
            ):
                p = _resolve(re.sub(r"^(?:thành phố|TP\.?|Tp\.?)\s*", "", scope.label), period)
                if p is not None and p.kind == "city":
                    if province is None or p.name_vi != province.name_vi:
                        kind = f"other_province:{p.name_vi}"  # a centrally-run city, by name
                        kept.append(_Scope(scope.start, scope.end, scope.label, kind))
                    continue
        kept.append(scope)
    return _without_appositions(kept, folded, doc.work)


# a breakdown opened before a level, in the same item: "…, trong đó: cấp tỉnh 302, cấp huyện 68"
_BREAKDOWN_BEFORE = re.compile(r"(?<![a-z])trong do\s*:?[^;]*$")


# between a unit and the province it lies in: "huyện Đức Trọng, tỉnh Lâm Đồng", "Sở Y tế tỉnh
# Thanh Hóa", "UBND cấp xã trên địa bàn tỉnh", "phường Bến Thành (TP.HCM)"
_APPOSITION_GAP = re.compile(
    r"[\s,(\-–]*(?:(?:thuoc|cua|trong|o|tren dia ban)\s+)?(?:(?:tinh|thanh pho|tp\.?)\s*)?"
)


# "… trên địa bàn tỉnh", "… tỉnh Đồng Nai": where the unit named before lies, not a new subject
_WEAK_RESET = re.compile(r"tren dia ban|o |tai |trong ")


def _without_appositions(scopes: list[_Scope], folded: str, work: str = "") -> list[_Scope]:
    """Drop a province named after a unit before any figure: it says where the unit lies
    ("huyện Đức Trọng, tỉnh Lâm Đồng", "hồ sơ lĩnh vực đất đai cấp xã … trên địa bàn tỉnh
    là 9.230"), and the figures that follow stay the unit's."""
    kept: list[_Scope] = []
    for scope in scopes:
        previous = kept[-1] if kept else None
        if (
            (
                previous is not None
                and scope.kind == "province"
                and previous.kind in ("subunit", "level")
                and not folded.startswith(
                    ("toan ", "ca tinh", "tinh da", "tinh dat", "tinh co", "cua "), scope.start
                )
            )
            or (
                previous is not None
                and scope.kind == "province"
                and previous.kind == "level"
                and folded.startswith("cua tinh ", scope.start)
                and not (work or folded)[previous.end : scope.start].strip()
            )  # "các xã, phường của tỉnh Hưng Yên": the province the level is of
        ):
            between = (work or folded)[previous.end : scope.start]
            if _APPOSITION_GAP.fullmatch(folded, previous.end, scope.start) or (
                not re.search(r"\d|[;:,.]", between)  # one clause, no figure between
                and (
                    _WEAK_RESET.match(folded, scope.start)
                    or not folded[scope.start].isalpha()
                    or _named_province_after_place(folded, scope.start)
                )
            ):
                continue
        if (
            previous is not None
            and previous.kind == "level"
            and scope.kind == "province"
            and folded.startswith(("toan tinh", "ca tinh"), scope.start)
            and re.fullmatch(r"\s*,\s*", folded[previous.end : scope.start])
            and _LEVEL_TOPIC.search(folded, max(0, previous.start - 12), previous.start)
        ):
            continue  # "Với cấp xã, toàn tỉnh tiếp nhận …": the level's units across the province
        if (
            previous is not None
            and previous.kind == "subunit"
            and scope.kind == "subunit"
            and _COMMUNE_HEAD.match(folded, previous.start)
            and _DISTRICT_HEAD.match(folded, scope.start)
            and re.fullmatch(r"\s*[,(]\s*", folded[previous.end : scope.start])
        ):
            continue  # "xã Lai Hưng, huyện Bàu Bàng": where the commune lies
        kept.append(scope)
    return kept


# a level set as the topic of what follows: "Với cấp xã, …", "Đối với cấp huyện, …"
_LEVEL_TOPIC = re.compile(r"(?<![a-z])(?:voi|o|tai|rieng|con)\s+$")

_COMMUNE_HEAD = re.compile(r"(?:ubnd |uy ban nhan dan )?(?:xa|phuong|thi tran)(?![a-z])")
_DISTRICT_HEAD = re.compile(r"(?:huyen|quan|thi xa|thanh pho|tp\.?|tx\.)(?![a-z])")


def _named_province_after_place(folded: str, start: int) -> bool:
    """True when a province mention stands in a place phrase ("… trên địa bàn tỉnh Đồng Nai")."""
    return bool(
        re.search(
            r"(?:tren dia ban|o|tai|trong|thuoc) (?:tinh|thanh pho|tp\.?) $",
            folded[max(0, start - 24) : start],
        )
    )


_UNITS_OF_LEVEL = (
    ("cấp xã", r"(?:xa|phuong|thi tran|dac khu)"),
    ("cấp huyện", r"(?:huyen|quan|thi xa|thanh pho)"),
)


def _level_label(folded: str) -> str | None:
    """The level a group of units stands for, named as labels name it: 'các xã, phường' and
    'UBND cấp xã' are 'cấp xã', 'các sở, ban, ngành' is 'cấp tỉnh'; None for anything else
    ('cấp huyện, cấp xã', 'toàn quốc', 'Công an cấp xã' are kept as written)."""
    if re.fullmatch(r"(?:ubnd |uy ban nhan dan )?cap (tinh|huyen|xa)", folded):
        return "cấp " + {"tinh": "tỉnh", "huyen": "huyện", "xa": "xã"}[folded.rsplit(" ", 1)[1]]
    if re.fullmatch(r"(?:cac )?so,? (?:ban,? )?nganh(?: cap tinh)?", folded):
        return "cấp tỉnh"
    folded = re.sub(r"^(?:ubnd|uy ban nhan dan) (?:cac )?", "cac ", folded)  # "UBND quận, huyện"
    for label, units in _UNITS_OF_LEVEL:
        if re.fullmatch(rf"(?:cac|\d+) {units}(?:,? (?:va )?{units})*", folded):
            return label
    return None


def _scope_at(
    scopes: Sequence[_Scope],
    position: int,
    default: tuple[str, str | None],
    named_only: bool,
    work: str = "",
) -> tuple[str, str | None]:
    """Return (scope label, other province name) in force at a position of the sentence.
    With ``named_only`` (the document names no province) 'của tỉnh' keeps the province the
    sentence named; a level right after a unit narrows it ('tỉnh Hà Giang (cũ), các xã')."""
    label, other = default
    unit_end: int | None = None  # end of the named unit in force, if any
    for scope in scopes:
        if scope.start >= position:
            break
        if position > scope.until:
            continue
        if scope.kind == "province":
            if not (named_only and other):
                label, other = PROVINCE_SCOPE, None
        elif scope.kind.startswith("other_province:"):
            label, other = scope.label, scope.kind.split(":", 1)[1]
        elif (
            scope.kind == "level"
            and unit_end
            and narrows(scope.label, work[unit_end : scope.start])
        ):
            label = f"{label}: {scope.label}"  # "tỉnh Hà Giang (cũ): các xã"
            unit_end = None
            continue
        else:
            label, other = scope.label, None
        unit_end = scope.end if scope.kind == "subunit" else None
    return label, other


# a district or commune as a whole word: not "quan" in "TUYÊN QUANG"
_DISTRICT_LEDE = re.compile(
    r"(?<![a-z])(?:(?:ubnd|uy ban nhan dan) )?(?:huyen|(?<!co )quan|thi xa|thanh pho|tp\.?|tx\."
    r"|q\.|xa|phuong|thi tran|dac khu)(?:(?<=\.)|(?![a-z]))\s*(?=[\w])"
)
_WHOLE_PROVINCE = re.compile(
    r"(?<![a-z])(?:toan tinh|tren dia ban tinh|ca tinh|cap tinh|tinh (?:da|dat|co))(?![a-z])"
)


def _district_subject(doc: _Doc, period: Period | None) -> str | None:
    """The district a text reports on, when its opening names one as subject or source
    ("UBND huyện Định Quán cho biết, …", "… của toàn huyện là 59.010 bộ") and the text never
    speaks of the whole province: its figures are then the district's, not the province's."""
    if _WHOLE_PROVINCE_FIGURES.search(doc.work):
        return None
    if doc.headline:
        h0, h1 = doc.headline
        own = [
            (m.start, m.end)
            for m in doc.province_mentions
            if h0 <= m.start < h1 and _mention_province(m, period)[0] is not None
        ]
        ledes = [
            m
            for m in _DISTRICT_LEDE.finditer(doc.folded, h0, h1)
            if not any(m.start() <= a <= m.end() + 1 for a, _ in own)
        ]
        if own and not ledes:
            return None  # the headline is about the province ("Tỉnh Phú Thọ: …", "TP.HCM …")
    opening = [s for s in doc.sentences if not doc.in_furniture(s.start)][:4]
    whole_named: str | None = None  # "toàn huyện": the unit, when no name is given
    for sentence in opening:
        for whole in _WHOLE_UNIT.finditer(doc.folded, sentence.start, sentence.end):
            # "UBND huyện và UBND 11 xã" on a district's own site: the district, name unsaid
            # ("UBND huyện Tiên Yên" names one and is read below)
            if whole_named is None and not re.match(r"\s+[A-ZĐ\d]", doc.text[whole.end() :]):
                whole_named = doc.text[whole.start() : whole.end()]
        for match in _DISTRICT_LEDE.finditer(doc.folded, sentence.start, sentence.end):
            end = _name_end(doc.text, match.end(), sentence.end)
            if end <= match.end():
                continue
            label = doc.text[match.start() : end]
            lead = doc.folded[sentence.start : match.start()]
            if (
                not re.match(r"(?:ubnd|uy ban)", doc.folded[match.start() :])
                and len(lead.split()) > 4
                and not re.search(r"(?:ket qua|tinh hinh)[a-z ]{0,40} cua $", lead)
                # the district's one-stop desk as subject ("…, bộ phận một cửa TX.Tân Uyên đã")
                and not re.search(
                    r"bo phan (?:mot cua|tiep nhan va tra ket qua)(?: cua)?\s*$", lead
                )
            ):
                continue  # a place named in passing ("hội nghị tại thành phố X"), not the subject
            name = re.sub(r"^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+", "", label)
            city = re.sub(r"^(?:thành phố|TP\.?|Tp\.?)\s*", "", name, flags=re.IGNORECASE)
            if city != name:
                province = _resolve(city, period)
                if province is not None and province.kind == "city":
                    continue  # "thành phố Cần Thơ" is a province
            return name
    return whole_named


# a district or commune as a whole, or a district's committee, without its name
_WHOLE_UNIT = re.compile(
    r"(?<![a-z])(?:toan (?:huyen|quan|thi xa|xa|phuong)"
    r"|(?:ubnd|uy ban nhan dan) (?:huyen|quan|thi xa))(?![a-z])"
)


# the whole province counting dossiers: "toàn tỉnh tiếp nhận …", "trên địa bàn tỉnh đã giải quyết"
_WHOLE_PROVINCE_FIGURES = re.compile(
    r"(?<![a-z])(?:toan tinh|ca tinh|tren dia ban (?:toan )?tinh)(?: [a-z]+){0,3} "
    r"(?:tiep nhan|giai quyet|co [\d.]+ ho so|dat|ty le)"
)


# the levels below the province counting dossiers: "Các huyện, thị xã, thành phố tiếp nhận …"
_LEVELS_FIGURES = re.compile(
    r"(?<![a-z])(?:cac|cap) (?:huyen|xa)(?:[a-z ,]{0,40})? (?:da )?(?:tiep nhan|giai quyet)"
)


def _centre_subject(doc: _Doc, period: Period | None) -> str | None:
    """The public-administration centre a text reports on, when the text never counts the
    whole province's dossiers ("toàn tỉnh tiếp nhận …") and either its headline names one
    centre ("Dấu ấn Trung tâm Phục vụ hành chính công tỉnh …", "Yên Bái: Trung tâm … tổng kết
    năm 2023") or its opening sentences have one as subject or source ("Sáng 8/1, Trung tâm …
    tổ chức hội nghị tổng kết …"): its figures are then the centre's, not the province's."""
    if _WHOLE_PROVINCE_FIGURES.search(doc.work) or _LEVELS_FIGURES.search(doc.work):
        return None  # (a text that counts the districts' or communes' dossiers too is the
        # province's, whatever its opening says of the centre)
    if doc.headline:
        from cchc_analysis.extract.text import _Sentence

        h0, h1 = doc.headline
        head = _Sentence(h0, h1, doc.line_of(h0), 0, -1)
        units = [
            u
            for u in _scopes(doc, head, None, period, subjects_only=False)
            if u.kind in ("subunit", "level")
        ]
        centres = {u.label for u in units if _is_centre(doc.folded, u)}
        if len(centres) == 1 and all(_is_centre(doc.folded, u) for u in units):
            return centres.pop()  # (a sentence naming the whole province still resets)
        if units:
            return None  # the headline is about another unit
    opening = [s for s in doc.sentences if not doc.in_furniture(s.start)][:3]
    for sentence in opening:
        # the centre as subject or as the source of what follows ("Trung tâm … vừa tổng kết
        # …", "Trung tâm … cho biết, …"): read on the text, where sources are not dropped
        units = [
            u
            for u in _scopes(doc, sentence, None, period, subjects_only=False)
            if u.kind in ("subunit", "level")
        ]
        centre = _FULL_CENTRE.search(doc.text, sentence.start, sentence.end)
        if centre is not None and not any(u.start < centre.start() for u in units):
            lead = doc.work[sentence.start : centre.start()]
            if len(lead.split()) <= 4 and not re.search(r"\d", lead):
                return _centre_name(centre.group(0))
            return None
        if units:
            return None
    return None


def _is_centre(folded: str, scope: _Scope) -> bool:
    """True for a public-administration centre ("Trung tâm Phục vụ hành chính công …")."""
    return scope.kind == "subunit" and bool(
        re.match(
            r"trung tam (?:phuc vu )?hanh chinh cong|(?:ttpvhcc|tthcc)(?![a-z])",
            folded[scope.start :],
        )
    )


def _department_subject(doc: _Doc, period: Period | None) -> str | None:
    """The department a text reports on, when one of its opening sentences opens on the
    department as the source of what follows ("Sở Tài nguyên - Môi trường Lâm Đồng cho biết,
    trong 6 tháng … ngành đã giải quyết …") and the text never speaks of the whole province:
    its figures are then the department's. The Department of Home Affairs reports the
    province's reform, and stays the province's."""
    if _WHOLE_PROVINCE.search(doc.work) or _WHOLE_PROVINCE_FIGURES.search(doc.work):
        return None
    opening = [s for s in doc.sentences if not doc.in_furniture(s.start)][:3]
    for sentence in opening:
        units = [
            u
            for u in _scopes(doc, sentence, None, period, subjects_only=False)
            if u.kind in ("subunit", "level")
        ]
        if not units:
            continue
        first = units[0]
        lead = doc.work[sentence.start : first.start]
        folded = doc.folded[first.start : first.end]
        headline = doc.headline is not None and doc.headline[0] <= sentence.start < doc.headline[1]
        # a headline naming the department's work: "Cải cách hành chính ở Sở Y tế …"
        work_of = headline and _WORK_OF.fullmatch(doc.folded, sentence.start, first.start)
        if (
            folded.startswith(("so ", "van phong dang ky dat dai", "chi nhanh van phong dang ky"))
            and not folded.startswith("so noi vu")
            and (work_of or (len(lead.split()) <= 3 and not re.search(r"\d", lead)))
            # "… cho biết, …"; or a headline that opens on the department ("Sở Kế hoạch và
            # Đầu tư để phát sinh 1 hồ sơ quá hạn")
            and (
                _SOURCE_VERB.match(doc.folded, first.end)
                or (headline and (not lead.strip() or work_of))
            )
        ):
            return first.label
        return None
    return None


# a headline's words before the department whose work it names ("Cải cách hành chính ở", "Kết
# quả giải quyết thủ tục hành chính của", "Báo cáo công tác CCHC của")
_WORK_OF = re.compile(
    r"\s*(?:bao cao|ket qua|cai cach|tong ket|so ket|giai quyet)(?: [a-z0-9/,-]+){0,10} "
    r"(?:cua|o|tai)\s+"
)
# the source's verb, after the province the department is of ("… Lâm Đồng cho biết")
_SOURCE_VERB = re.compile(
    r"(?:\s+(?:tinh\s+)?[a-z]+){0,3}?[\s,]*(?:cho biet|thong tin|bao cao)(?![a-z])"
)


def _unit_subject(doc: _Doc, period: Period | None) -> str | None:
    """The district, centre or department a text reports on (``_district_subject``,
    ``_centre_subject``, ``_department_subject``)."""
    return (
        _district_subject(doc, period)
        or _centre_subject(doc, period)
        or _department_subject(doc, period)
    )
