"""An official document's letterhead: the issuing body, the national motto, the document's
number, place and date, then its kind alone on a line and its title ("BÁO CÁO" / "Kết quả
công tác cải cách hành chính quý II năm 2024").

The letterhead says whose report it is: "UBND TỈNH HÀ TĨNH" alone is the province's own,
"UBND TỈNH HÀ TĨNH / SỞ TƯ PHÁP" the department's, "UBND HUYỆN CẨM XUYÊN" the district's. As
laid out, its two columns come interleaved ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI …" over "TỈNH
HÀ TĨNH Độc lập - Tự do - Hạnh phúc" from a PDF) or side by side ("… | CỘNG HÒA …" from a
DOCX table), so the motto, number, date and rules are taken out before the issuer is read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from cchc_analysis.extract.patterns import fold
from cchc_analysis.extract.text import _Line, _strip_span

_MOTTO = re.compile(r"cong hoa xa hoi chu nghia viet nam|doc lap\s*[-–]\s*tu do\s*[-–]\s*hanh phuc")
# the document's number, "Số: 512/BC-UBND": a letterhead copied without its motto has it
_NUMBER = re.compile(r"(?<![a-z])so\s*:\s*\d+\s*/\s*[a-z]{1,6}(?:-[a-z0-9]{1,10})+")
_DOCUMENT_KIND = re.compile(
    r"(?:bao cao|ke hoach|quyet dinh|thong bao|to trinh|chuong trinh|cong van|huong dan)"
    r"(?: (?:tom tat|nhanh|so ket|tong ket))?"
)
_NOT_TITLE = re.compile(
    r"(?:[ivx]+\.|\d+\.|can cu|thuc hien|kinh gui|phan thu|phan [ivx]+)(?![a-z])"
)
_FIRST_LINES = 12  # the motto stands among a document's first lines
# what the letterhead holds besides the issuer: its number, place and date, rules, columns
_NOT_ISSUER = re.compile(
    r"so\s*:\s*\S+|(?:[a-z]+ ){0,4}[a-z]+,? ngay \d{1,2} thang \d{1,2} nam \d{4}|[-–—_=|*]+"
)
# the heads an issuing body's name starts with, longest first
_ORGAN = re.compile(
    r"(?<![a-z])(?:uy ban nhan dan|ubnd|so|trung tam|ban quan ly|chi cuc|cuc|van phong)"
    r"(?![a-z])"
)
_PLACE_KINDS = ("thanh pho", "thi xa", "thi tran", "huyen", "quan", "xa", "phuong", "dac khu")


@dataclass(frozen=True)
class Letterhead:
    """What an official document's opening says about it."""

    end: int  # where the letterhead ends (the line of the document's kind)
    issuer: str  # the issuing body as written, its most specific line ("SỞ TƯ PHÁP")
    province_name: str  # the province named by the issuer or its parent ("HÀ TĨNH"), or ''
    province_issuer: str  # the body that names it, as written ("UBND TỈNH HÀ TĨNH"), or ''
    unit: str  # the unit whose report it is, as a scope ("Sở Tư pháp"); '' for the province
    title: tuple[int, int] | None  # the title's span: the document's headline


def letterhead(text: str, folded: str, lines: Sequence[_Line]) -> Letterhead | None:
    """The letterhead of a text that opens with the national motto or the document's number
    ("Số: 512/BC-UBND") and names its kind ("BÁO CÁO") within its first lines; else None."""
    filled = [line for line in lines if text[line.start : line.end].strip()]
    if not any(
        _MOTTO.search(folded[ln.start : ln.end]) or _NUMBER.search(folded[ln.start : ln.end])
        for ln in filled[:_FIRST_LINES]
    ):
        return None
    n = next(
        (
            n
            for n, line in enumerate(filled[: _FIRST_LINES + 4])
            if _DOCUMENT_KIND.fullmatch(folded[line.start : line.end].strip(" \t*:"))
        ),
        None,
    )
    if n is None:
        return None
    line = filled[n]
    head = filled[:n]
    title = _title(text, folded, filled[n + 1 : n + 3])
    issuers = _issuers(text, folded, head)
    if not issuers:
        return Letterhead(line.start, "", "", "", "", title)
    province_name, province_issuer = next(
        ((name, shown) for kind, name, shown in issuers if kind in ("tinh", "thanh pho")), ("", "")
    )
    kind, name, written = issuers[-1]
    # "UBND TỈNH X" or "UBND THÀNH PHỐ HÀ NỘI" alone is the province's own report; so is one
    # of the Department of Home Affairs, which reports the province's reform for it
    own = (len(issuers) == 1 and kind in ("tinh", "thanh pho")) or (
        kind == "so" and fold(name) == "noi vu"
    )
    unit = "" if own else _unit_label(text[line.start :], kind, name, written)
    return Letterhead(line.start, written, province_name, province_issuer, unit, title)


def _title(text: str, folded: str, after: Sequence[_Line]) -> tuple[int, int] | None:
    """The title: the line after the document's kind, with the next when it goes on."""
    if not after or _NOT_TITLE.match(folded[after[0].start : after[0].end].strip()):
        return None
    start, end = after[0].start, after[0].end
    if len(after) > 1:
        more = folded[after[1].start : after[1].end].strip()
        if (
            len(more) < 120
            and after[1].number == after[0].number + 1  # the next line, no blank between
            and not more.endswith(".")
            and not _NOT_TITLE.match(more)
            and any(c.isalnum() for c in more)  # the rule set under a title ("_______")
        ):
            end = after[1].end
    return _strip_span(text, start, end)


def _issuers(text: str, folded: str, head: Sequence[_Line]) -> list[tuple[str, str, str]]:
    """The issuing bodies the letterhead names, outermost first, as (kind, name as written,
    the body as written): ("tinh", "HÀ TĨNH", "UBND TỈNH HÀ TĨNH"), ("so", "TƯ PHÁP", …)."""
    written = " ".join(text[line.start : line.end] for line in head)
    plain = " ".join(_motto_wrapped([folded[line.start : line.end] for line in head]))
    for pattern in (_MOTTO, _NOT_ISSUER):
        plain = pattern.sub(lambda m: " " * len(m.group()), plain)
    organs = list(_ORGAN.finditer(plain))
    if not organs:
        return []  # a motto and a title with no issuing body named ("BÁO CÁO" alone)
    found = []
    for organ, end in zip(organs, [m.start() for m in organs[1:]] + [len(plain)], strict=True):
        kind, name_start = organ.group(), organ.end()
        if kind == "van phong":
            continue  # "VĂN PHÒNG HĐND VÀ UBND": the office reports for the body above it
        if kind in ("uy ban nhan dan", "ubnd"):
            place = _PLACE.match(plain, organ.end(), end)
            if place is None:
                continue
            kind, name_start = _place_kind(place.group(1)), place.end()
        gap = re.compile(r"\s{2,}|$").search(plain, name_start, end)  # where a blanked part starts
        name_end = gap.start() if gap else end
        # "SỞ NỘI VỤ TỈNH BẮC GIANG": the province named after the organ's own name
        inner = _PLACE_IN_NAME.search(plain, name_start, name_end)
        if inner is not None and kind not in _KIND_WORDS:
            province = " ".join(written[inner.end() : name_end].split())
            found.append(
                (
                    _place_kind(inner.group(1)),
                    province,
                    _shown(written, plain, inner.start(), name_end),
                )
            )
            name_end = inner.start()
        name = " ".join(written[name_start:name_end].split())
        if name:
            found.append((kind, name, _shown(written, plain, organ.start(), name_end)))
    return found


_MOTTO_CUT = re.compile(r"cong hoa xa hoi chu nghia\s*$")
_MOTTO_END = re.compile(r"(?<![a-z])viet nam\s*$")


def _motto_wrapped(lines: Sequence[str]) -> list[str]:
    """The letterhead's lines (folded) with the end of a motto wrapped in its column blanked:
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA" ending a line, "VIỆT NAM" the next, beside the issuer's
    second line as a PDF lays the two columns out ("SỞ NỘI VỤ VIỆT NAM")."""
    out = list(lines)
    for n in range(1, len(out)):
        end = _MOTTO_END.search(out[n])
        if end is not None and _MOTTO_CUT.search(out[n - 1]):
            out[n] = out[n][: end.start()] + " " * (end.end() - end.start())
            out[n - 1] = _MOTTO_CUT.sub(lambda m: " " * len(m.group()), out[n - 1])
    return out


def _shown(written: str, plain: str, start: int, end: int) -> str:
    """The letterhead's words from ``start`` to ``end`` as written, its blanked parts out."""
    kept = zip(written[start:end], plain[start:end], strict=True)
    return " ".join("".join(w for w, p in kept if p != " " or w.isspace()).split())


def _place_kind(word: str) -> str:
    """The kind of place a head word names ("tp." is "thanh pho")."""
    return "thanh pho" if word.startswith("tp") else word


_PLACE = re.compile(r"\s*(tinh|tp\.?|" + "|".join(_PLACE_KINDS) + r")\s*(?=\S)")
_PLACE_IN_NAME = re.compile(r"\s(tinh|thanh pho|tp\.?)\s+(?=\S)")


def _unit_label(body: str, kind: str, name: str, written: str) -> str:
    """The unit as a scope, as the text's body writes it when it does ("Sở Tư pháp"), else a
    place with every word capitalised ("huyện Cẩm Xuyên") or an organ's head and its name in
    sentence case ("Sở Tư pháp")."""
    if kind in _KIND_WORDS:
        return f"{_KIND_WORDS[kind]} {' '.join(w.capitalize() for w in name.split())}"
    for match in re.finditer(re.escape(written), body, re.IGNORECASE):
        if not match.group().isupper():
            return match.group()  # the body's own spelling of it
    return f"{_ORGAN_WORDS.get(kind, kind)} {name.lower().capitalize()}"


_ORGAN_WORDS = {
    "so": "Sở",
    "trung tam": "Trung tâm",
    "ban quan ly": "Ban Quản lý",
    "chi cuc": "Chi cục",
    "cuc": "Cục",
    "van phong": "Văn phòng",
}
_KIND_WORDS = {
    "tinh": "tỉnh",
    "thanh pho": "thành phố",
    "thi xa": "thị xã",
    "thi tran": "thị trấn",
    "huyen": "huyện",
    "quan": "quận",
    "xa": "xã",
    "phuong": "phường",
    "dac khu": "đặc khu",
}
