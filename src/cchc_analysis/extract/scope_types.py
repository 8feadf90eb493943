"""A unit, level or province named in a sentence, with where it is written."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class _Scope:
    start: int
    end: int
    label: str  # as written
    kind: str  # 'subunit', 'level', 'province' (a reset), 'other_province:<name>'
    until: int = 1 << 62  # a level named after an enumerated count holds to the next ';'


# the level of government a folded unit word is of ("huyen" → 'cấp huyện', "so" → 'cấp tỉnh')
LEVEL_OF_WORD = {
    "tinh": "cấp tỉnh",
    "so": "cấp tỉnh",
    "ban": "cấp tỉnh",
    "co quan chuyen mon": "cấp tỉnh",
    "huyen": "cấp huyện",
    "quan": "cấp huyện",
    "thi xa": "cấp huyện",
    "xa": "cấp xã",
    "phuong": "cấp xã",
    "thi tran": "cấp xã",
    "department": "cấp tỉnh",  # English, as counted: "20/20 districts"
    "district": "cấp huyện",
    "commune": "cấp xã",
    "ward": "cấp xã",
}


# the unit just named as the source, taken up as the subject: "Theo Ban Quản lý …, trong quý
# I/2025, đơn vị này đã tiếp nhận …", "According to the Economic Zone Authority, the unit …"
THIS_UNIT = re.compile(
    r"(?<![a-z])(?:(?:don vi|co quan) nay|(?:the|this) (?:unit|agency))(?![a-z])"
)


# a province named to compare ("đứng thứ 3 sau Quảng Ninh (6,37 điểm) và Bình Dương (6,20
# điểm); chỉ số … đạt 7,28"): its clause ends at the next ';', the subject goes on after it
COMPARED_PROVINCE_BEFORE = re.compile(
    r"(?<![a-z])(?:sau|hon|truoc|so voi|behind|after|than|ahead of|followed by)\s*"
    r"(?:(?:tinh|thanh pho|tp\.?|province of|city of)\s*)?$"
)
SCORE_IN_BRACKETS = re.compile(r"\s*\(\s*[\d.,]+\s*(?:%|diem|points?)?\s*\)")


# a rank among the units of a level: "xếp thứ 16/20 sở, ban, ngành (của tỉnh)" names whom the
# rank is among, neither a level nor the province as a new subject
RANK_FRAME = re.compile(
    r"(?:xep|dung)(?: (?:thu|hang|vi tri))+ ?[\d_]+(?: ?/ ?[\d_]+)?"
    r"(?: (?:trong|tren))?[a-z, ]{0,30}$"
)
