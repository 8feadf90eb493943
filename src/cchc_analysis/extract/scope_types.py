"""A unit, level or province named in a sentence, with where it is written."""

from __future__ import annotations

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
}
