"""Extraction of one or more texts, end to end."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cchc_analysis.extract.bracket_owner import to_bracketed_province
from cchc_analysis.extract.central import without_ministries
from cchc_analysis.extract.checks import _check_group, _group_key
from cchc_analysis.extract.districts import district_province, headline_district
from cchc_analysis.extract.document import _document
from cchc_analysis.extract.english_scope import english_scopes, english_subject
from cchc_analysis.extract.figures import _catalogue_units, _find_in_sentence
from cchc_analysis.extract.language import ENGLISH, detect_language, reading_language
from cchc_analysis.extract.listed import ITEM_MARKER
from cchc_analysis.extract.model import (
    NATIONAL_SCOPE,
    PROVINCE_SCOPE,
    DocumentInfo,
    Extraction,
    ExtractWarning,
    Figure,
)
from cchc_analysis.extract.numbers import _tokens
from cchc_analysis.extract.parts import BACK_REFERENCE, EN_BACK_REFERENCE, parts_after_totals
from cchc_analysis.extract.patterns import as_read
from cchc_analysis.extract.period_mentions import _document_period
from cchc_analysis.extract.places import _document_province, _resolve, national_text
from cchc_analysis.extract.rankings import RANKED_NOTE, ranked_scores
from cchc_analysis.extract.readers import UnreadableDocument, expand_inputs, read_document
from cchc_analysis.extract.scope import _Carry, _scopes, _unit_subject
from cchc_analysis.extract.text import _Sentence, _strip_span
from cchc_analysis.extract.thresholds import without_unit_thresholds
from cchc_analysis.reference.periods import Period, parse_period

if TYPE_CHECKING:
    from cchc_analysis.extract.document import _Doc
    from cchc_analysis.extract.figures import _Found, _Share


def _as_period(period: str | Period | None) -> Period | None:
    if period is None or isinstance(period, Period):
        return period
    return parse_period(period)


# A sentence that goes on with the previous one's subject ("Đã có kết quả …", "Trong đó …").
# a headline about a unit's results: "Kết quả giải quyết TTHC tại Trung tâm …"
_ABOUT_UNIT = re.compile(r"(?:ket qua|so lieu|tinh hinh)[a-z ,]{0,60} (?:tai|cua|o)\s*$")
_ABOUT_UNIT_OF = re.compile(r"(?:ket qua|so lieu|tinh hinh)[a-z ,]{0,60} cua\s*$")

_CONTINUES = re.compile(
    r"[\s\-+•*\"(]*(?:da|dang|co|trong do|trong so|ngoai ra|con|so ho so|so tthc|ho so|tiep nhan|"
    r"giai quyet|ket qua|tong so|ty le|tuy nhien|cu the|dong thoi|ben canh do|van con)(?![a-z])"
)


# a unit named in full ("Bộ phận tiếp nhận và trả kết quả của huyện Phú Lương", "Sở Tư pháp"):
# the next sentence of its paragraph, naming no other, goes on about it (a level, "cấp xã",
# is one clause's and does not go on)
_NAMED_UNIT = re.compile(r"(?:Bộ phận|Trung tâm|Sở|Chi nhánh|Văn phòng|Phòng|Ban|Cục|Bưu điện)\s")


@dataclass
class _Raw:
    """One text's figures before reconciliation."""

    info: DocumentInfo
    figures: list[Figure]
    shares: list[tuple[Figure, _Share]]
    warnings: list[ExtractWarning]


def _in_quote(doc: _Doc, sentence: _Sentence) -> bool:
    """True when a quotation opened earlier on the line is still open: the speaker's unit
    ("Phó Giám đốc Trung tâm … cho biết: “… Riêng tháng 3 đã tiếp nhận …") goes on."""
    line_start = doc.text.rfind("\n", 0, sentence.start) + 1
    before = doc.text[line_start : sentence.start]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _extract_document(
    text: str,
    file: str,
    province: str | None,
    period: str | Period | None,
    encoding: str,
) -> _Raw:
    """Find the figures of one text, in the language it is written in (Vietnamese unless it
    reads as English); nothing is reconciled yet."""
    text = as_read(text)
    language = detect_language(text)
    with reading_language(language):
        raw = _extract_in_language(text, file, province, period, encoding)
    return replace(raw, info=replace(raw.info, language=language))


def _extract_in_language(
    text: str,
    file: str,
    province: str | None,
    period: str | Period | None,
    encoding: str,
) -> _Raw:
    """``_extract_document`` in the language in force (``language.reading_language``)."""
    from cchc_analysis.reference.registry import resolve_province

    doc = _document(text)
    forced_period = _as_period(period)
    doc_period: Period | None
    if forced_period is not None:
        doc.period_forced = True
        doc_period, period_how = forced_period, "option --period"
    else:
        doc_period, period_how = _document_period(doc)
        if doc_period is None and doc.language == ENGLISH and period_how.startswith("no period"):
            period_how = "no period phrase ('the first nine months of 2023', 'Q3/2023', 'in 2021')"
    candidates: list[str] = []
    district = ""  # the district-level unit the province was taken from, if it was
    if province is not None:
        doc_province = resolve_province(province, doc_period or Period(2024))
        province_how = "option --province"
    else:
        doc_province, province_how, candidates = _document_province(doc, doc_period)
        issued = _letterhead_province(doc, doc_period)
        if issued is not None:  # an official report is its issuer's province's
            doc_province, province_how = issued
            candidates = sorted({*candidates, doc_province.name_vi})
        merged = _named_before_merger(doc, doc_period) if doc_province is None else None
        if merged is not None:
            # "Kon Tum Provincial People's Committee" in a text dated 2025: a province until
            # 1 July 2025 in a period of the 34; neither it nor the province that absorbed it
            # is a guess to make (a district's name would give the latter)
            province_how = (
                f"the text names {merged.name_vi}, a province until 1 July 2025, while its "
                f"period {doc_period} is of the 34 provinces: give --province or --period"
            )
        elif doc_province is None and not candidates and not national_text(doc):
            by_district = district_province(doc, doc_period)
            if by_district is not None:
                doc_province, district = by_district
                province_how = f"the district it names: '{district}' (GSO list of 2025)"
                candidates = [doc_province.name_vi]
    # a headline about one unit ("Sở Tư pháp: …", "Huyện Tiên Yên tiếp nhận …") scopes the text
    default_scope = PROVINCE_SCOPE
    if doc.headline:
        head = _Sentence(doc.headline[0], doc.headline[1], doc.line_of(doc.headline[0]), 0, -1)
        units = [s for s in _scopes(doc, head, doc_province, doc_period) if s.kind == "subunit"]
        named = [
            s
            for s in _scopes(doc, head, doc_province, doc_period, subjects_only=False)
            if s.kind == "subunit"
        ]
        lead = doc.work[doc.headline[0] : units[0].start] if units else ""
        if units and (
            units[0].start - doc.headline[0] <= 12 or not re.sub(r"[\W_]|trong", "", lead)
        ):
            default_scope = units[0].label  # "Tháng 10/2020, Trung tâm … giải quyết …" too
        elif len(named) == 1 and _ABOUT_UNIT.search(doc.work, doc.headline[0], named[0].start):
            default_scope = named[0].label  # "Kết quả … tại Trung tâm Hành chính công tỉnh …"
        elif len(named) > 1 and _ABOUT_UNIT_OF.search(doc.work, doc.headline[0], named[0].start):
            # "Kết quả giải quyết TTHC của Sở X tại Trung tâm …": the results are Sở X's
            default_scope = named[0].label
    if default_scope == PROVINCE_SCOPE and doc.letterhead and doc.letterhead.unit:
        default_scope = doc.letterhead.unit  # "UBND TỈNH X / SỞ TƯ PHÁP": the department's report
    tokens = [t for t in _tokens(doc.work) if not any(a <= t.start < b for a, b in doc.labels)]
    founds: list[_Found] = []
    shares: list[_Share] = []
    skipped: dict[tuple[int, str], None] = {}
    previous: _Sentence | None = None
    earlier: _Sentence | None = None
    intros: list[tuple[str | None, _Carry]] = []  # lines ending with ':', by item marker
    if default_scope == PROVINCE_SCOPE and province is None:
        subject = english_subject if doc.language == ENGLISH else _unit_subject
        default_scope = subject(doc, doc_period) or PROVINCE_SCOPE
        headline = text[doc.headline[0] : doc.headline[1]] if doc.headline else ""
        if default_scope == PROVINCE_SCOPE and district and district in headline:
            # a text whose headline names a district and never its province is that
            # district's (a place named in passing in the body is only where it happened)
            default_scope = district
        if default_scope == PROVINCE_SCOPE and doc.language != ENGLISH:
            # "Hớn Quản giải ngân …": a headline opening on a district of the province
            default_scope = headline_district(doc, doc_province) or PROVINCE_SCOPE
        if re.match(r"(?:thành phố|tp\.?)\s", default_scope, re.IGNORECASE):
            doc.subject_city = default_scope
    if default_scope == PROVINCE_SCOPE and doc_province is None and national_text(doc):
        default_scope = NATIONAL_SCOPE  # a figure no province is named for is the country's
    if default_scope not in (PROVINCE_SCOPE, NATIONAL_SCOPE):
        doc.subject_unit = default_scope  # "toàn huyện" in its sentences is this unit
    fresh = _Carry(scope=default_scope)
    carry = fresh
    section = fresh  # under a numbered heading that names one level ("2. UBND quận, huyện")
    starts = [t.start for t in tokens]  # tokens are in text order
    headings = _level_headings(doc, starts, doc_province, doc_period)
    for sentence in doc.sentences:
        inside = tokens[bisect_left(starts, sentence.start) : bisect_left(starts, sentence.end)]
        # the topic ("hồ sơ") may be named two sentences back: a caption, then a table's head
        same_block = next(
            (p for p in (earlier, previous) if p is not None and p.block == sentence.block), None
        )
        new_line = previous is None or previous.line != sentence.line
        goes_on = (
            new_line
            and previous is not None
            and (EN_BACK_REFERENCE if doc.language == ENGLISH else BACK_REFERENCE).match(
                doc.folded, sentence.start
            )
        )
        if goes_on and same_block is None:
            same_block = previous  # "Of these, 405,300 were resolved": the dossiers a line above
        if new_line and _SECTION_HEAD.match(doc.text, sentence.start):
            level = headings.get(sentence.start)
            section = replace(fresh, scope=level) if level else fresh
        item = ITEM_MARKER.match(doc.text, sentence.start) if new_line else None
        marker = item.group(1)[0] if item else None
        while item and intros and intros[-1][0] == marker:
            intros.pop()  # a sibling of the item before, not its child
        if item and intros:
            carry = intros[-1][1]  # "+ Đã giải quyết: …" under "- Cấp huyện: …, trong đó:"
        elif new_line and _photo_caption(doc, sentence):
            pass  # a photo's caption between a list's items interrupts nothing
        elif new_line and not goes_on:
            carry = section  # a new paragraph, unless it goes on about the last one's figures
            intros = []
        elif (
            doc.language != ENGLISH
            and not _CONTINUES.match(doc.folded, sentence.start)
            and not _in_quote(doc, sentence)
            and not _NAMED_UNIT.match(carry.scope)
        ):
            # (an English paragraph keeps its subject until a sentence names another)
            carry = replace(carry, scope=section.scope, other=None)  # a new subject may follow
        f, s, k, carry = _find_in_sentence(
            doc, sentence, same_block, inside, doc_province, doc_period, carry
        )
        if doc.text[sentence.start : sentence.end].rstrip().endswith(":") or _caption_over_items(
            doc, sentence
        ):
            # its items follow, one a line; the unit its own count was of is theirs too ("* Các
            # hồ sơ thuộc thẩm quyền giải quyết UBND Thành phố: 19593 hồ sơ, trong đó:")
            owned = [x for x in f if x.scope not in (PROVINCE_SCOPE, NATIONAL_SCOPE)]
            # what its own count counts, its items count too ("- Total number of new
            # applications received: 178 applications, including:" / "+ Department of …: 30")
            counted = [x.indicator for x in f if not x.indicator.startswith("_")]
            listed = replace(carry, listed=counted[0] if counted else None)  # the head's count
            # a head without a count of its own names whose figures follow ("Kết quả giải quyết
            # hồ sơ của các sở, ngành như sau:", "… of departments and branches are as follows:")
            head_units = [] if f else _heads_unit(doc, sentence, doc_province, doc_period)
            if owned and carry.scope == fresh.scope:
                intros.append((marker, replace(listed, scope=owned[-1].scope, other=None)))
            elif len(head_units) == 1 and carry.scope == fresh.scope:
                intros.append((marker, replace(listed, scope=head_units[0], other=None)))
            else:
                intros.append((marker, listed))
        founds += f
        shares += s
        skipped.update({(sentence.line, note): None for note in k})
        earlier, previous = previous, sentence
    founds = ranked_scores(doc, tokens, founds, doc_province, doc_period)
    founds = without_ministries(doc, without_unit_thresholds(doc, founds))
    founds = to_bracketed_province(doc, founds, doc_province, doc_period)
    founds = parts_after_totals(doc, tokens, founds, doc_province, doc_period)
    founds = _named_afterwards(doc, founds, default_scope, doc_province, doc_period)
    founds = _without_restatements(doc, _pair_wholes_by_identity(_handled_as_received(founds)))
    by_found = {id(f): _figure(doc, file, f, doc_province) for f in founds}
    info = DocumentInfo(
        file=file,
        encoding=encoding,
        province=doc_province.name_vi if doc_province is not None else "",
        province_how=province_how,
        province_candidates=tuple(candidates),
        period=str(doc_period) if doc_period else "",
        period_how=period_how,
        headline=text[doc.headline[0] : doc.headline[1]] if doc.headline else "",
    )
    warnings = [
        ExtractWarning(
            file,
            line,
            info.province,
            info.period,
            "",
            "period",
            "",
            "extract_unsupported_period",
            "warning",
            "Số liệu của câu không có kỳ báo cáo (ghi trống, cần --period): "
            + note.replace("is not a reporting period", "không phải kỳ báo cáo"),
            f"Figures of the sentence written without a period (they need --period): {note}",
        )
        for line, note in skipped
    ]
    for missing, how, have in (
        ("province", province_how, info.province),
        ("period", period_how, info.period),
    ):
        if not have:
            what = "tỉnh" if missing == "province" else "kỳ báo cáo"
            warnings.append(
                ExtractWarning(
                    file,
                    None,
                    info.province,
                    info.period,
                    "",
                    missing,
                    "",
                    f"extract_no_{missing}",
                    "warning",
                    f"Không xác định được {what} từ văn bản ({how}): dùng --{missing}",
                    f"No {missing} could be taken from the text ({how}): pass --{missing}",
                )
            )
    return _Raw(
        info=info,
        figures=list(by_found.values()),
        shares=[(by_found[id(s.of)], s) for s in shares if id(s.of) in by_found],
        warnings=warnings,
    )


_WHOLES = ("dossier.received", "dossier.resolved", "dossier.pending")


# "Đó là những con số ấn tượng về Trung tâm …": the figures before were that unit's
_SUMMING_UP = re.compile(r"[\W_]*(?:do|day|nhung) (?:la|chinh la) ")
_THESE_FIGURES = re.compile(
    r"[\W_]*(?:do|day|nhung) (?:la|chinh la) (?:nhung |cac )?(?:con so|ket qua|so lieu)"
    r"[a-z ,]{0,40}? (?:ve|cua|tai|o)\s*$"
)


def _letterhead_province(doc: _Doc, period: Period | None) -> tuple[Any, str] | None:
    """The province of an official document's issuer ("UBND TỈNH HÀ TĨNH"), and how it was
    found; None when the document has no letterhead or its province is not known."""
    head = doc.letterhead
    if head is None or not head.province_name:
        return None
    province = _resolve(head.province_name, period)
    if province is None:
        return None
    return province, f"letterhead: '{head.province_issuer}'"


def _named_afterwards(
    doc: _Doc, founds: list[_Found], default_scope: str, province: Any, period: Period | None
) -> list[_Found]:
    """Give the figures of the sentences before a summing-up sentence ("Đó là những con số …
    về Trung tâm X") that unit, when they had no unit of their own."""
    out = list(founds)
    for sentence in doc.sentences:
        if not _SUMMING_UP.match(doc.work, sentence.start):
            continue  # (the sentence's units are read only for a summing-up sentence)
        units = [
            u
            for u in _scopes(doc, sentence, province, period, subjects_only=False)
            if u.kind == "subunit" and _THESE_FIGURES.match(doc.work[sentence.start : u.start])
        ]
        if not units:
            continue
        for n, found in enumerate(out):
            same_block = found.sentence.block == sentence.block
            if same_block and found.start < sentence.start and found.scope == default_scope:
                out[n] = replace(found, scope=units[0].label)
    return out


def _named_before_merger(doc: _Doc, period: Period | None) -> Any:
    """The one province of the 63 the text names when its period is of the 34 and that
    province was merged on 1 July 2025 (so it names no province of its period), else None."""
    if period is None or period.era != "34":
        return None
    from cchc_analysis.reference.registry import ProvinceNotFound, resolve_province

    before, _, _ = _document_province(doc, Period(2024))
    if before is None:
        return None
    try:
        resolve_province(before.name_vi, period)
    except ProvinceNotFound:
        return before
    return None


# a verb that says either received or resolved ("handled 12,345 dossiers", "tiếp nhận, xử lý")
_RECEIVED_OR_RESOLVED = re.compile(
    r"(?i)^(?:(?:has|have|had) )?(?:handled|handling|processed|processing|dealt with|tackled)$"
)


def _handled_as_received(founds: list[_Found]) -> list[_Found]:
    """The figures with a count said with a verb that means received or resolved ("handled
    12,345 dossiers …; 11,900 were settled") read as the received when a smaller resolved
    count of the same unit and period follows it and no received count is given."""

    def key(f: _Found) -> tuple[str, str | None, Period | None]:
        return f.scope, f.other_province, f.period

    received = {key(f) for f in founds if f.indicator == "dossier.received"}
    out = list(founds)
    for i, f in enumerate(founds):
        if (
            f.indicator != "dossier.resolved"
            or key(f) in received
            or not _RECEIVED_OR_RESOLVED.match(f.cue.strip())
        ):
            continue
        if any(
            g.indicator == "dossier.resolved"
            and key(g) == key(f)
            and g.start > f.start
            and g.value < f.value
            for g in founds
        ):
            note = "said as handled: the received, since a smaller resolved count follows"
            out[i] = replace(f, indicator="dossier.received", notes=[*f.notes, note])
            received.add(key(f))
    return out


def _pair_wholes_by_identity(founds: list[_Found]) -> list[_Found]:
    """The whole of an x/y pair is the total it equals: "1.210/150.400 hồ sơ trễ hạn" after
    "đã giải quyết 150.400 hồ sơ" is the resolved total, whatever the cue suggested."""
    stated: dict[tuple[str, str, str], set[float]] = {}
    for f in founds:
        if f.indicator in _WHOLES and not any(n.startswith("x/y") for n in f.notes):
            stated.setdefault((f.indicator, f.scope, str(f.period)), set()).add(f.value)
    out = []
    for f in founds:
        if f.indicator in _WHOLES and any(n.startswith("x/y") for n in f.notes):
            equal = [
                name
                for name in _WHOLES
                if f.value in stated.get((name, f.scope, str(f.period)), set())
            ]
            if len(equal) == 1 and equal[0] != f.indicator:
                f = replace(f, indicator=equal[0])
        out.append(f)
    return out


def _without_restatements(doc: _Doc, founds: list[_Found]) -> list[_Found]:
    """Drop figures that say again what another says: the same figure twice ("tiếp nhận 5,65
    ngàn hồ sơ … đã giải quyết 4.561/5.650 hồ sơ"), and a headline's rounded figure ("giải
    quyết hơn 59 ngàn hồ sơ") when the body gives it exactly."""

    def key(f: _Found) -> tuple[str, str | None, str, str]:
        # a unit may be named two ways, but two levels of government are two ("cấp tỉnh 200,
        # cấp huyện 200": the same count at each level is no restatement), and so are two
        # units a league table gives the same score ("Sở Nội vụ đạt 90,02%, Sở Tư pháp đạt
        # 90,02%")
        ranked = RANKED_NOTE in f.notes
        level = f.scope if f.scope.startswith("cấp ") or ranked else ""
        return (f.indicator, f.other_province, str(f.period), level)

    def any_period(k: tuple[str, str | None, str, str]) -> tuple[str, str | None, str, str]:
        return (k[0], k[1], "any period", k[3])

    head = doc.headline
    body: dict[tuple[str, str | None, str, str], list[float]] = {}
    for f in founds:
        if not (head and head[0] <= f.start < head[1]):
            body.setdefault(key(f), []).append(f.value)
            # (a headline that names no period of its own says the body's, whichever it is)
            body.setdefault(any_period(key(f)), []).append(f.value)
    kept: list[_Found] = []
    seen: set[tuple[tuple[str, str | None, str, str], float]] = set()
    stated = {f.value for f in founds if not (head and head[0] <= f.start < head[1])}
    for f in founds:
        if head and head[0] <= f.start < head[1]:
            own = key(f) if f.period_note else any_period(key(f))
            near = [v for v in body.get(own, []) if abs(v - f.value) <= 0.15 * max(v, f.value)]
            rounded = f.value.is_integer() and any(round(v) == f.value for v in near)
            if near and (f.bound or f.value in near or f.value % 100 == 0 or rounded):
                continue
            if near and f.value in stated:
                continue  # "Hội An giải quyết 10.455 hồ sơ": the body's received, named loosely
        if (key(f), f.value) in seen:
            continue
        seen.add((key(f), f.value))
        kept.append(f)
    return kept


# a photo's caption as pages print it: "… Ảnh: Minh Hà", "… (Ảnh minh họa)", "… Photo courtesy"
_CAPTION = re.compile(
    r"(?:\(?anh(?: minh hoa| tu lieu)\)?|\(?anh\s*:|\bphoto(?: courtesy|\s*:| by)|\(photo\b)"
    r"[^\n]{0,40}$"
)


def _photo_caption(doc: _Doc, sentence: _Sentence) -> bool:
    """True when the sentence's line is a short photo caption."""
    start = doc.folded.rfind("\n", 0, sentence.start) + 1
    end = doc.folded.find("\n", sentence.start)
    line = doc.folded[start : end if end >= 0 else len(doc.folded)]
    return len(line) <= 220 and _CAPTION.search(line) is not None


# a numbered heading at the start of its line: "1.", "2)", "II.", "b)"
_SECTION_HEAD = re.compile(r"[ \t]*(?:\d{1,2}|[IVX]{1,4}|[a-zđ])[.)][ \t]+\S")


def _level_headings(
    doc: _Doc, starts: Sequence[int], province: Any, period: Period | None
) -> dict[int, str]:
    """Where each numbered heading starts and the level of government it names, when a text's
    sections go level by level ("1. Các sở, ban, ngành thành phố", "2. UBND quận, huyện", "3.
    UBND xã, phường, thị trấn"): two headings of one numbering name two levels; else none (a
    single heading naming a level is more often a topic than the owner of what follows)."""
    found: dict[int, tuple[str, str]] = {}
    for sentence in doc.sentences:
        head = _SECTION_HEAD.match(doc.text, sentence.start)
        if head is None or (sentence.start and doc.text[sentence.start - 1] != "\n"):
            continue
        line_end = doc.text.find("\n", sentence.start)
        line_end = len(doc.text) if line_end < 0 else line_end
        line = doc.text[sentence.start : line_end].rstrip()
        # (the heading's own number is no figure)
        figures = bisect_left(starts, line_end) > bisect_left(starts, head.end() - 1)
        if figures or len(line) > 80 or line.endswith((".", ":", ";")):
            continue
        heading = replace(sentence, end=sentence.start + len(line))
        scopes = _scopes(doc, heading, province, period, subjects_only=False)
        levels = {sc.label for sc in scopes if sc.kind == "level"}
        if len(levels) == 1 and all(sc.kind == "level" for sc in scopes):
            numbering = (
                "roman"
                if re.match(r"\s*[IVX]+\.", line)
                else "digit"
                if line.strip()[:1].isdigit()
                else "letter"
            )
            found[sentence.start] = (numbering, levels.pop())
    by_numbering: dict[str, set[str]] = {}
    for numbering, level in found.values():
        by_numbering.setdefault(numbering, set()).add(level)
    return {
        at: level for at, (numbering, level) in found.items() if len(by_numbering[numbering]) >= 2
    }


def _caption_over_items(doc: _Doc, sentence: _Sentence) -> bool:
    """True for a line of its own with no figure and no full stop right over a list's items
    ("Nam Nha Trang ward, second half of 2025" over "- Dossiers received: 8,412"): a head."""
    line = doc.text[sentence.start : sentence.end]
    if "\n" in line.strip() or line.rstrip().endswith((".", ";", "!", "?")) or len(line) > 120:
        return False
    if re.search(r"\d", doc.work[sentence.start : sentence.end]):
        return False  # (years and dates are blanked in the work text; a figure is not)
    after = doc.text[sentence.end :].lstrip("\n")
    return doc.text[sentence.start - 1 : sentence.start] in ("", "\n") and bool(
        ITEM_MARKER.match(after)
    )


def _heads_unit(doc: _Doc, sentence: _Sentence, province: Any, period: Period | None) -> list[str]:
    """The units and levels a head line names (its items' owner when it gives no count)."""
    if doc.language == ENGLISH:  # objects too: "… documents of departments and branches …"
        found = english_scopes(doc, sentence, province, period, subjects_only=False)
        return list(dict.fromkeys(label for _, _, label, kind, _ in found if kind in _UNIT_KINDS))
    scopes = _scopes(doc, sentence, province, period, subjects_only=False)
    return list(dict.fromkeys(sc.label for sc in scopes if sc.kind in _UNIT_KINDS))


_UNIT_KINDS = ("subunit", "level")


def _finish(raws: Sequence[_Raw], keep_conflicts: bool) -> Extraction:
    """Reconcile the figures of one or more texts together and count them per text."""
    result = Extraction()
    for raw in raws:
        result.warnings += raw.warnings
    _reconcile(
        result,
        [f for raw in raws for f in raw.figures],
        [pair for raw in raws for pair in raw.shares],
        keep_conflicts,
    )
    for raw in raws:
        result.documents.append(
            replace(
                raw.info,
                figures=sum(f.file == raw.info.file for f in result.figures),
                subunit_figures=sum(f.file == raw.info.file for f in result.subunits),
            )
        )
    return result


def extract_text(
    text: str,
    file: str = "<text>",
    *,
    province: str | None = None,
    period: str | Period | None = None,
    encoding: str = "utf-8",
    keep_conflicts: bool = False,
) -> Extraction:
    """Extract the figures of one text (see the module docstring). ``province`` and ``period``
    override what the text says (the province is resolved for the period: ``ProvinceNotFound``
    when it is not a province then). With ``keep_conflicts`` figures that break an identity or
    repeat a key with another value stay in the table (with their warnings)."""
    return _finish([_extract_document(text, file, province, period, encoding)], keep_conflicts)


def extract_files(
    paths: Sequence[Path | str],
    *,
    province: str | None = None,
    period: str | Period | None = None,
    encoding: str | None = None,
    keep_conflicts: bool = False,
) -> Extraction:
    """Extract every file (a folder stands for its .txt, .html, .docx and .pdf files; each read
    by ``read_document``) and reconcile the figures together: two texts giving different values
    for one province, period and indicator keep the first, with a warning. A file that holds no
    readable text (a scanned PDF, a .doc) is left out and said why in ``unreadable``; a missing
    file raises ``OSError``."""
    files, skipped = expand_inputs(paths)
    raws = []
    unreadable = []
    tables: dict[str, tuple[tuple[int, int], ...]] = {}
    for path in files:
        try:
            source = read_document(path, encoding)
        except UnreadableDocument as exc:
            unreadable.append(str(exc))
            continue
        try:
            raws.append(_extract_document(source.text, str(path), province, period, source.how))
        except Exception as exc:  # one text the reader trips on must not stop a folder
            unreadable.append(
                f"{path}: the extractor failed on this text ({type(exc).__name__}: {exc}); "
                "nothing was read from it - please report it with the file"
            )
            continue
        tables[str(path)] = source.tables
    result = _finish(raws, keep_conflicts)
    for kept in (result.figures, result.subunits, result.held_back):
        kept[:] = [_from_rebuilt_table(f, tables.get(f.file, ())) for f in kept]
    result.unreadable = unreadable
    result.skipped = [str(p) for p in skipped]
    return result


def _from_rebuilt_table(figure: Figure, tables: Sequence[tuple[int, int]]) -> Figure:
    """The figure, its note saying so when its evidence is a line of a table the reader
    rebuilt from one cell (or row) per line, not a sentence of the text as published."""
    if not any(start <= figure.char_start < end for start, end in tables):
        return figure
    note = "; ".join(n for n in (figure.note, "from a table rebuilt by the reader") if n)
    return replace(figure, note=note)


def _reconcile(
    result: Extraction,
    figures: list[Figure],
    shares: list[tuple[Figure, _Share]],
    keep_conflicts: bool,
) -> None:
    """Check each (province, period, scope) group; province figures go to the table, sub-unit
    figures apart; conflicting province figures are held back unless ``keep_conflicts``."""
    groups: dict[tuple[str, str, str, str], list[Figure]] = {}
    for figure in figures:
        groups.setdefault(_group_key(figure), []).append(figure)
    for key, group in groups.items():
        group_shares = [(f, s) for f, s in shares if _group_key(f) == key]
        province_scope = key[3] == PROVINCE_SCOPE
        kept, held, warnings = _check_group(
            group, group_shares, keep_conflicts or not province_scope
        )
        result.warnings += warnings
        result.held_back += held
        public = [f for f in kept if not f.internal]
        (result.figures if province_scope else result.subunits).extend(public)
    result.figures.sort(key=lambda f: (f.file, f.char_start, f.indicator))
    result.subunits.sort(key=lambda f: (f.file, f.char_start, f.indicator))


_READ_IN = {ENGLISH: ["read in English"]}  # a Vietnamese figure's note stays as it was


# the indexes published for every province: a score named with another province is its own
_INDEXES = ("par.", "sipas.", "pci.", "papi.", "service.index_points")


def _figure(doc: _Doc, file: str, found: _Found, province: Any) -> Figure:
    """Settle a found figure's province (a sentence naming another province), line and text."""
    start, end = _strip_span(doc.text, found.sentence.start, found.sentence.end)
    unit = _catalogue_units().get(found.indicator, ("", None, None))[0]
    name = province.name_vi if province is not None else ""
    scope, confidence = found.scope, found.confidence
    if found.other_province and (
        province is None or RANKED_NOTE in found.notes or found.indicator.startswith(_INDEXES)
    ):
        # (a province's own score in a league table, or on an index in a round-up's table
        # row, "Hải Phòng: Điểm thẩm định 57,41 điểm", is that province's row)
        name, scope = found.other_province, PROVINCE_SCOPE
        confidence = round(confidence - 0.1, 2)
    return Figure(
        file=file,
        province=name,
        period=str(found.period) if found.period else "",
        indicator=found.indicator,
        value=found.value,
        unit=unit,
        scope=scope,
        bound=found.bound,
        note="; ".join(dict.fromkeys(found.notes + _READ_IN.get(doc.language, []))),
        evidence=re.sub(r"\s+", " ", doc.text[start:end]),
        char_start=found.start,
        char_end=found.end,
        line=doc.line_of(found.start),
        cue=re.sub(r"\s+", " ", found.cue),
        confidence=confidence,
        text=found.text,
    )
