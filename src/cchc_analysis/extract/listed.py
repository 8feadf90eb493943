"""Counts listed one a unit under a head that says what is counted: in the same sentence ("Số
hồ sơ tiếp nhận của các sở như sau: Sở Tư pháp 5.432 hồ sơ; …"), or one an item on the lines
below a head ending with ':' whose own count says what is counted ("- Total number of new
applications received: 178 applications, including:" / "+ Department of Construction: 45
files;")."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cchc_analysis.extract.document import _Doc
    from cchc_analysis.extract.figures import _Reading
    from cchc_analysis.extract.numbers import _Token
    from cchc_analysis.extract.scope import _Carry, _Scope
    from cchc_analysis.extract.text import _Sentence

# an item of a list on a line of its own: "+ …", "- …", "a) …", "1.2. …"
ITEM_MARKER = re.compile(r"[ \t]*([+•◦▪–*-]|[a-zđ]\)|\d+\.\d+\.?)\s")

# "Số hồ sơ tiếp nhận của các sở như sau: Sở Tư pháp 5.432 hồ sơ; Sở Xây dựng …"
# or the units as the subject: "các đơn vị tiếp nhận nhiều hồ sơ TTHC gồm: Sở Công Thương (1.117
# hồ sơ), Sở Tư pháp (679 hồ sơ)"
_LIST_HEAD = re.compile(
    r"(?:(?:so|tong so|so luong) (?:ho so|hs)(?: [a-z]+){0,3}? (?P<what>tiep nhan|da giai quyet"
    r"|giai quyet|dang giai quyet|(?:giai quyet )?(?:tre|qua) han|truc tuyen)"
    r"|(?:don vi|co quan|so,? (?:ban,? )?nganh)(?: [a-z]+){0,3}? (?:da )?(?P<verb>tiep nhan"
    r"|giai quyet)(?: nhieu)? (?:ho so|hs)"
    # "Sáu cơ quan có lượng HS lớn nhất tháng: Sở Nông nghiệp và Môi trường 6,84 ngàn HS, …"
    r"|(?:don vi|co quan|so,? (?:ban,? )?nganh)(?: [a-z]+){0,3}? co (?P<volume>luong|so luong)"
    r" (?:ho so|hs)"
    # "Các chủ đầu tư có số vốn giải ngân lớn gồm: Ban Quản lý dự án … 2.418 tỷ đồng; Sở Y tế …"
    r"|(?:cac )?chu dau tu(?: [a-z]+){0,6}? (?P<money>giai ngan))"
    r"(?: [a-z/_]+){0,8}\s*:"
)
_LISTED = {
    "tiep nhan": "dossier.received",
    "da giai quyet": "dossier.resolved",
    "giai quyet": "dossier.resolved",
    "dang giai quyet": "dossier.pending",
    "truc tuyen": "dossier.online",
}


def _listed_under(
    doc: _Doc,
    sentence: _Sentence,
    token: _Token,
    reading: _Reading,
    every_unit: Callable[[], Sequence[_Scope]],
    carry: _Carry,
) -> tuple[str, str, str] | None:
    """(indicator, the head's words, unit) for a count that an item gives under a head naming
    what is counted, else None: the item must name its own unit after the head (or, on an item
    line under a head line, at its start)."""
    if reading.noun not in ("dossier", "amount"):
        return None
    head = _LIST_HEAD.search(doc.work, sentence.start, token.start)
    if reading.noun == "amount" and (head is None or not head.group("money")):
        return None  # an amount is listed under the investors' disbursement only
    if head is None and not (carry.listed and ITEM_MARKER.match(doc.text, sentence.start)):
        return None
    start = head.end() if head is not None else sentence.start
    units = [
        u for u in every_unit() if u.kind in ("subunit", "level") and start <= u.start < token.start
    ]
    if not units or re.search(r"\d", doc.work[units[-1].end : token.start]):
        return None
    if head is None:
        assert carry.listed is not None
        return carry.listed, "the list's head", units[-1].label
    if head.group("money"):
        return (
            "finance.disbursed_bn",
            doc.text[head.start("money") : head.end("money")],
            units[-1].label,
        )
    if head.group("volume"):
        return "dossier.received", doc.text[head.start("volume") : head.end()], units[-1].label
    said = "what" if head.group("what") else "verb"
    indicator = _LISTED.get(head.group(said), "dossier.resolved_late")
    return indicator, doc.text[head.start(said) : head.end(said)], units[-1].label
