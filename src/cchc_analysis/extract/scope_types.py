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
