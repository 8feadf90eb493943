"""Header matching: a header cell (any spelling, Vietnamese alias or catalogue label) → the
contract's column name; the header row found under title rows; column names made unique."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from importlib import resources

import polars as pl

from cchc_analysis.read.contract import (
    _HEADER_ALIASES,
    _PREFERRED_SPELLING,
    INVISIBLE,
    REQUIRED_LONG,
    TYPED,
)

# --------------------------------------------------------------------------------------------
# Headers
# --------------------------------------------------------------------------------------------


def _fold_header(name: str) -> str:
    name = re.sub(INVISIBLE, "", name)
    decomposed = unicodedata.normalize("NFD", name.strip().lower()).replace("đ", "d")
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", folded.replace("\u00a0", " ")).strip()


@cache
def load_ratio_catalogue() -> pl.DataFrame:
    """Return the ratio indicators (``data/ratio_indicators.csv``): ratio_id, numerator,
    denominator, label_vi, label_en. A cell ``28/40`` under a ratio id stands for the numerator
    (28) and the denominator (40) indicators."""
    path = resources.files("cchc_analysis") / "data" / "ratio_indicators.csv"
    return pl.read_csv(path.read_bytes(), infer_schema=False)


@cache
def _label_aliases() -> dict[str, str]:
    """Folded catalogue labels (Vietnamese and English) and ids → indicator id."""
    from cchc_analysis.reference.catalogue import load_catalogue

    aliases: dict[str, str] = {}
    for frame, key in ((load_catalogue(), "id"), (load_ratio_catalogue(), "ratio_id")):
        for row in frame.iter_rows(named=True):
            for label in (row[key], row.get("label_vi"), row.get("label_en")):
                if label:
                    aliases.setdefault(_fold_header(str(label)), str(row[key]))
    return aliases


def _canonical_header(name: str) -> str:
    folded = _fold_header(name)
    if folded in _HEADER_ALIASES:
        return _HEADER_ALIASES[folded]
    if folded in _label_aliases():
        return _label_aliases()[folded]
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", re.sub(INVISIBLE, "", name))).strip()


def _is_known_header(name: str | None) -> bool:
    if not name:
        return False
    folded = _fold_header(name)
    return folded in _HEADER_ALIASES or folded in _label_aliases()


def _contract_names(cells: Iterable[str | None]) -> set[str]:
    return {
        _HEADER_ALIASES[folded]
        for cell in cells
        if cell and (folded := _fold_header(cell)) in _HEADER_ALIASES
    } & set(REQUIRED_LONG)


def _find_header(rows: list[list[str | None]], header: int | str | None) -> int | None:
    """Return the 0-based index of the header row among ``rows`` (the file's first rows)."""
    if isinstance(header, int):
        return header - 1 if 1 <= header <= len(rows) else None
    if isinstance(header, str):
        wanted = _fold_header(header)
        for i, row in enumerate(rows):
            if any(cell and _fold_header(cell) == wanted for cell in row):
                return i
        return None
    for i, row in enumerate(rows):
        if len(_contract_names(row)) >= 2:
            return i
    return None


def _header_depth(
    rows: list[list[str | None]], at: int, merges: list[tuple[int, int, int, int]]
) -> int:
    """How many rows the header spans: cells merged downwards from the header row, or (without
    merge information) a next row that names indicators under an empty province cell."""
    depth = 1
    for r0, _c0, r1, _c1 in merges:
        if r0 == at and r1 > at:
            depth = max(depth, min(r1 - at + 1, 3))
    if depth > 1 or merges or at + 1 >= len(rows):
        return depth
    names = [_canonical_header(c) if c else None for c in rows[at]]
    following = rows[at + 1]
    province = names.index("province") if "province" in names else None
    below = following[province] if province is not None and province < len(following) else None
    if below and province is not None and below == rows[at][province]:
        return 2  # the header's cells repeated below it: a two-row header without merges
    if not below and any(_is_known_header(c) for c in following):
        return 2
    return 1


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _header_names(block: list[list[str | None]], width: int) -> list[str]:
    """One name per column from the header block (after merged cells were spread): the lowest
    non-empty cell of each column, which is the most specific one."""
    names: list[str] = []
    for j in range(width):
        name = None
        for row in reversed(block):
            if j < len(row) and row[j]:
                name = row[j]
                break
        names.append(name or "")
    return names


def _unique_names(raw: list[str], letters: list[str] | None = None) -> list[str]:
    """Canonical names (contract names, indicator ids); a column whose name is taken keeps its
    own text; an empty header becomes ``column_<letter>``; duplicates get `` (2)``…"""
    canonical = [_canonical_header(name) if name else "" for name in raw]
    for target, spellings in _PREFERRED_SPELLING.items():
        owners = [j for j, name in enumerate(canonical) if name == target]
        if len(owners) > 1:
            best = min(
                owners,
                key=lambda j: (
                    spellings.index(_fold_header(raw[j]))
                    if _fold_header(raw[j]) in spellings
                    else len(spellings)
                ),
            )
            canonical = [
                name if j == best or j not in owners else raw[j].strip()
                for j, name in enumerate(canonical)
            ]
    names: list[str] = []
    seen: set[str] = set()
    for j, (name, original) in enumerate(zip(canonical, raw, strict=True)):
        if name in seen:
            name = unicodedata.normalize("NFC", original.strip())
        if not name:
            name = f"column_{letters[j] if letters else _column_letter(j)}"
        base, n = name, 2
        while name in seen or name in {"row", TYPED}:
            name, n = f"{base} ({n})", n + 1
        seen.add(name)
        names.append(name)
    return names
