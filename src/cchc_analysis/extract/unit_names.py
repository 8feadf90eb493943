"""The words around a unit's name that tell whose figures a clause gives: a desk's owner, a
measure or a count owned by a unit, an agent, the heads that are a unit's whole name, and the
unit dossiers belong to (used by ``scope``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from cchc_analysis.extract.patterns import _patterns, fold

if TYPE_CHECKING:
    from cchc_analysis.extract.document import _Doc

# the unit a one-stop desk belongs to, named after it: "… một cửa của Văn phòng Cục Thuế"
_DESK_OWNER = re.compile(r"(?:của|thuộc)\s+(?=[A-ZĐ])")
_DESK_OWNER_END = re.compile(
    r"\s(?:da|dang|tiep nhan|giai quyet|tra|co|la|dat|voi|trong|tai|nam|thang|quy)(?![a-z])|[,;.:(]"
)
# A province named, then its own percentage or points: "Quảng Ninh dẫn đầu với 91,12%",
# "Hải Phòng: Điểm thẩm định 57,41 điểm".
_RANKED = re.compile(r"[^.;,]{0,50}?\d+(?:,\d+)?\s*(?:%|diem(?![a-z]))")
# a measure owned by the unit: "Tỷ lệ đúng hạn của huyện Năm Căn đạt 97%"
_MEASURE_OF = re.compile(
    r"\s*(?:ty le|so luong|tong so|so|ket qua|chi so)(?![a-z])[^,;()]{0,60} cua\s*$"
)
# units counted as the subject: "124 Trung tâm Phục vụ hành chính công xã, phường đã …"
_COUNTED_LEAD = re.compile(r"\s*(?:ca |tat ca |toan bo )?\d[\d.]*\s*")
_AGENT = re.compile(r"(?<![a-z])do\s*$")  # "hồ sơ do các sở, ngành tiếp nhận": the agent


# heads that are a unit's whole name, a place after them or nothing ("Văn phòng Đăng ký đất đai
# tỉnh", "Bưu điện tỉnh", "Bộ phận Một cửa huyện Đức Trọng")
_PLACE_OWNER = re.compile(r"(?i)(?:phường|xã|huyện|quận|thị xã|thành phố|tp\.?|thị trấn)\s")
_DESKS = ("bo phan mot cua", "bo phan tiep nhan va tra ket qua")  # the one-stop desk
_WHOLE_NAMES = (
    *_DESKS,
    "buu dien",
    "van phong dang ky dat dai",
    "chi nhanh van phong dang ky dat dai",
)
# the unit dossiers belong to: "Các hồ sơ thuộc thẩm quyền giải quyết của UBND Thành phố: 19593"
_OWNER = re.compile(
    r"(?<![a-z])(?:ho so|hs)(?: [a-z]+){0,8}? thuoc (?:tham quyen|pham vi)(?: giai quyet)?"
    r"(?: cua)?(?: (?:ubnd|uy ban nhan dan))?\s*$"
)
# the level whose competence a part of a whole is: "…, trong đó thuộc thẩm quyền cấp huyện là"
_OWN_LEVEL = re.compile(
    r"(?:trong do,?|[,;]) thuoc (?:tham quyen|pham vi)(?: giai quyet)?(?: cua)?\s*$"
)


def _department_end(text: str, folded: str, start: int, limit: int) -> int:
    """End of a department's name: 'Sở Kế hoạch và Đầu tư', 'Sở Lao động - Thương binh và Xã
    hội' (Capitalised words joined by lower-case 'và', '-' and the second word of a term)."""
    end = start
    words = list(re.finditer(r"[\w]+|[-–&]", text[start:limit]))
    i = 0
    while i < len(words) and i < 9:
        word = words[i].group(0)
        between = text[start + words[i - 1].end() : start + words[i].start()] if i else ""
        if re.search(r"[,;:()]", between):  # not ".": "UBND TP. Cam Ranh"
            break  # "Sở Nông nghiệp và PTNT: Kế hoạch …": the name ends at the colon
        if word[0].isupper():
            end = start + words[i].end()
        elif word.isdigit() and i > 0 and fold(words[i - 1].group(0)) in ("phuong", "quan"):
            end = start + words[i].end()  # "UBND Phường 3", "UBND Quận 1"
            break
        elif (
            word in ("và", "-", "–", "&")
            and i + 1 < len(words)
            and words[i + 1].group(0)[0].isupper()
        ):
            pass
        elif (
            i > 0
            and words[i - 1].group(0)[0].isupper()
            and fold(word)
            in (
                "vu",
                "phap",
                "te",
                "dung",
                "chinh",
                "tai",
                "hoi",
                "truong",
                "lich",
                "nghe",
                "thong",
                "thao",
                "tao",
                "nghiep",
                "dau",
                "truyen",
                "thuong",
                "vien",
                "dan",
                "giao",
                "toc",  # "Ban Dân tộc"
            )
        ):
            end = start + words[i].end()
        else:
            break
        i += 1
    return end


# a project management board, named by the works it builds: "Ban QLDA đầu tư xây dựng công trình
# giao thông tỉnh", "Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp tỉnh"
_PROJECT_BOARD = re.compile(
    r"ban (?:qlda|quan ly (?:cac )?du an)(?![a-z])"
    r"(?:(?! (?:da|dat|la|co|chi|moi|van|con|giai ngan|thuc hien|duoc|voi|tiep nhan|giai quyet)"
    r"(?![a-z]))[^:;,(\n\d]){0,110}"
)  # its name runs to a colon, a bracket, a figure or a verb ("… tỉnh đã giải ngân 2.318")


def project_board_end(folded: str, start: int, limit: int) -> int | None:
    """Where a project management board's name that starts at ``start`` ends (before a colon,
    a bracket or its figure), else None."""
    board = _PROJECT_BOARD.match(folded, start, limit)
    if board is None:
        return None
    return start + len(board.group().rstrip())


def labels_row(folded: str, start: int, end: int) -> bool:
    """True when a unit opens its line before a colon: a row's label ("Sở Nội vụ: Điểm …")."""
    line_start = folded.rfind("\n", 0, start) + 1
    return not folded[line_start:start].strip(" -+*•\t") and folded.startswith(":", end)


def narrows(level: str, between: str) -> bool:
    """True when a level named after a unit narrows it to that level ("huyện Quỳnh Phụ … 12.000
    hồ sơ, cấp xã 8.000": the district's communes), nothing but words or that unit's figure
    between; an agency after a unit ("Sở Xây dựng 3,12 ngàn HS, Công an tỉnh …") is its own,
    once a figure stands between them."""
    return ";" not in between and (level.startswith("cấp") or not re.search(r"\d", between))


_BARE_DEPARTMENT = re.compile(
    r"(?:(?<=[,;:] )|(?<=(?<![a-z])cua )|(?<=(?<![a-z])ma ))so(?= (?:(?:da|vua|cung|dang|van|"
    r"tiep tuc) )?(?:tiep nhan|nhan|giai quyet|tra|xu ly|thuc hien|gui)(?![a-z]))"
)  # "…, sở tiếp nhận", "… của sở đã nhận": lower case, the department the text is about
_FULL_DEPARTMENT = re.compile(r"(?<![\w])Sở (?=[A-ZĐ])")


def _department_named_before(doc: _Doc, position: int) -> str | None:
    """The last department named in full before ``position`` ("Sở Y tế"), else None: what a
    bare "Sở" later in the text stands for."""
    named = list(_FULL_DEPARTMENT.finditer(doc.text, 0, position))
    if not named:
        return None
    start = named[-1].start()
    head_end = named[-1].end()
    limit = doc.text.find("\n", head_end)
    end = _unit_name_end(doc.text, doc.folded, head_end, len(doc.text) if limit < 0 else limit)
    return doc.text[start:end] if end > head_end else None


def _unit_name_end(text: str, folded: str, head_end: int, limit: int) -> int:
    """End of the name after a department's or an office's head ("Sở ", "Phòng "): a
    department's usual name ("Kế hoạch và Đầu tư"), else ``_department_end``."""
    known = _patterns().departments.match(folded, head_end)
    if known:
        return head_end + known.end() - known.start()
    return _department_end(text, folded, head_end, limit)


def place_in_headline(doc: _Doc, level_word: str) -> str:
    """' Tân An' when the headline names one place of the level ("Phường Tân An - nửa năm …")
    for a bare "phường", "xã", "đặc khu" ('' for another word or none named there): the centre
    of "the ward" is the centre of the ward the text is about."""
    if not doc.headline or fold(level_word) not in ("phuong", "xa", "dac khu"):
        return ""
    headline = doc.text[doc.headline[0] : doc.headline[1]]
    named = re.findall(rf"(?i)(?<!\w){level_word}\s+((?:[A-ZĐ][\w]*\s?)+)", headline)
    return f" {named[0].strip()}" if len(set(named)) == 1 else ""
