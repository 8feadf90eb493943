"""Figures of the central government's bodies, named with them: no province's.

National news lists ministries and provinces side by side ("Ministry of Public Security
(allocated VND 4,100 billion, disbursed 27.3%), Thanh Hoa (allocated VND 13,300 billion, …)",
"Bộ Công an (được giao 4.100 tỷ đồng, …)"). A figure in the brackets after a ministry's name is
the ministry's: it is dropped, not given to a province named elsewhere in the sentence.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cchc_analysis.extract.document import _Doc
    from cchc_analysis.extract.figures import _Found

# a ministry's name, then an open bracket the figure stands in
# the ministries by name: "Bộ TTHC", "Bộ chỉ số", "Bộ phận" are none
_BO = (
    r"Bộ (?:Nội vụ|Tư pháp|Công an|Tài chính|Y tế|Xây dựng|Công [Tt]hương|Giáo dục|Quốc phòng"
    r"|Ngoại giao|Khoa học|Nông nghiệp|Tài nguyên|Giao thông|Lao động|Văn hóa|Thông tin"
    r"|Kế hoạch|Dân tộc)"
)
_IN_MINISTRY_BRACKET = re.compile(
    r"(?:(?<!\w)Ministry of |(?<!\w)" + _BO + r"|(?<!\w)Mo[A-Z]{1,3} )"
    r"[\w ,&-]{0,60}\(\s*[^()]*$"
)  # on the text as written: "Bộ Công an", never "toàn bộ"


# a ministry as the subject the sentence opens on ("The MoJ topped the list with 91.9
# percent", "Bộ Tư pháp dẫn đầu với 91,9%")
_MINISTRY_SUBJECT = re.compile(
    r"\W*(?:(?:In|For|At|Among|Trong|Năm|Về)\b[^,]{0,80},\s*)?(?:[Tt]he\s+)?"
    r"(?:Ministry of [A-Z][\w&,-]*(?: (?:and |of )?[A-Z][\w&,-]*){0,4}|Mo[A-Z]{1,3}\b|"
    + _BO
    + r"(?: [\w-]+){0,2}?)\s+"
    + r"(?:topped|led|ranked|scored|achieved|reached|came|dẫn đầu|đứng|đạt|xếp)"
)  # (not "The Ministry of Home Affairs announced …, on which Hanoi received …")


def without_ministries(doc: _Doc, founds: list[_Found]) -> list[_Found]:
    """Return the figures less those of a ministry: in brackets after its name, or in a
    sentence that opens on it, when no province or unit is named for the figure."""
    out = []
    for found in founds:
        before = doc.text[max(found.sentence.start, found.start - 120) : found.start]
        if _IN_MINISTRY_BRACKET.search(before):
            continue
        if found.scope == "province" and _MINISTRY_SUBJECT.match(
            doc.text, found.sentence.start, found.start
        ):
            continue
        out.append(found)
    return out
