"""Province registry: the 63 provinces before 1 July 2025, the 34 after, and their merger.

Data live in ``cchc_analysis/data`` (``provinces.csv``, ``regions.csv``, ``province_aliases.csv``;
sources in ``provinces.README.md``) and are read once, lazily. Eras are the strings ``"63"``
(periods ending before 1 July 2025) and ``"34"`` (periods ending on or after it); codes are the
official two-digit GSO codes and are unique only within an era.

``resolve_province`` maps the spellings real tables use (NFC or NFD, ``Hoà``/``Hòa``, ``TP.``,
``Tỉnh``, ``BRVT``, ``TT-Huế``, no diacritics, English names, codes) to a :class:`Province` of the
period's era, and raises :class:`ProvinceNotFound` saying why when it cannot: unknown name (with
the closest candidates), ambiguous name (never chosen silently), or a pre-merger province asked
for after the merger (with its successor).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import polars as pl

from cchc_analysis.reference.periods import Period, parse_period

__all__ = [
    "ERAS",
    "MERGER_RESOLUTION",
    "Province",
    "ProvinceNotFound",
    "merger_frame",
    "normalise_name",
    "predecessors",
    "province_by_code",
    "provinces",
    "provinces_frame",
    "regions_frame",
    "resolve_many",
    "resolve_province",
    "successor",
]

ERAS: tuple[str, str] = ("63", "34")
MERGER_RESOLUTION = "Resolution 202/2025/QH15"
_MERGER_DAY = "1 July 2025"
_ERA_TEXT = {
    "63": f"63 provinces before {_MERGER_DAY}",
    "34": f"34 provinces since {_MERGER_DAY}",
}
_MAX_CANDIDATES = 5


@dataclass(frozen=True)
class Province:
    """One province (or centrally-run city) of one era."""

    code: str
    name_vi: str
    name_en: str
    kind: str  # "city" (thành phố trực thuộc trung ương) or "province"
    era: str  # "63" or "34"
    region: str  # id in regions.csv
    slug: str
    successor_code: str | None = None  # era-63 rows: code of the era-34 unit it became part of

    @property
    def label_vi(self) -> str:
        """Return the official display name, e.g. 'Tỉnh Phú Thọ' or 'Thành phố Hà Nội'."""
        prefix = "Thành phố" if self.kind == "city" else "Tỉnh"
        return f"{prefix} {self.name_vi}"

    def __str__(self) -> str:
        return f"{self.name_vi} ({self.code})"


class ProvinceNotFound(ValueError):
    """A name or code that is not exactly one province of the requested era.

    Attributes: ``query`` (the input), ``era``, ``reason`` ('unknown', 'ambiguous', 'merged' or
    'post_merger'), ``candidates`` (up to 5 provinces, closest first) and ``successor`` (the
    era-34 province a pre-merger province became part of, else None).
    """

    def __init__(
        self,
        message: str,
        *,
        query: str,
        era: str,
        reason: str = "unknown",
        candidates: Sequence[Province] = (),
        successor: Province | None = None,
    ) -> None:
        super().__init__(message)
        self.query = query
        self.era = era
        self.reason = reason
        self.candidates: list[Province] = list(candidates)[:_MAX_CANDIDATES]
        self.successor = successor


# --------------------------------------------------------------------------- data loading


@cache
def _read_data(name: str) -> pl.DataFrame:
    """Return a packaged CSV with every column as a string (empty cells are null)."""
    source = resources.files("cchc_analysis").joinpath("data").joinpath(name)
    return pl.read_csv(source.read_bytes(), infer_schema=False)


def _check_era(era: str) -> str:
    era = str(era)
    if era not in ERAS:
        raise ValueError(
            f"unknown era {era!r}: use '63' (before {_MERGER_DAY}) or '34' (from {_MERGER_DAY})"
        )
    return era


@cache
def _provinces(era: str) -> tuple[Province, ...]:
    frame = provinces_frame(era)
    return tuple(
        Province(
            code=row["code"],
            name_vi=row["name_vi"],
            name_en=row["name_en"],
            kind=row["kind"],
            era=row["era"],
            region=row["region"],
            slug=row["slug"],
            successor_code=row["successor_code"],
        )
        for row in frame.iter_rows(named=True)
    )


@cache
def _by_code(era: str) -> dict[str, Province]:
    return {p.code: p for p in _provinces(era)}


def provinces(era: str) -> list[Province]:
    """Return the provinces of an era ('63' or '34'), in code order."""
    return list(_provinces(_check_era(era)))


def provinces_frame(era: str) -> pl.DataFrame:
    """Return the rows of provinces.csv for one era (all columns, strings; empty cells null)."""
    era = _check_era(era)
    return _read_data("provinces.csv").filter(pl.col("era") == era).sort("code")


def regions_frame() -> pl.DataFrame:
    """Return the 6 socio-economic regions: id, name_vi, name_en, source."""
    return _read_data("regions.csv")


def merger_frame() -> pl.DataFrame:
    """Return the 63 → 34 mapping: legacy_code, legacy_name_vi, new_code, new_name_vi."""
    legacy = provinces_frame("63").select(
        pl.col("code").alias("legacy_code"),
        pl.col("name_vi").alias("legacy_name_vi"),
        pl.col("successor_code").alias("new_code"),
    )
    new = provinces_frame("34").select(
        pl.col("code").alias("new_code"), pl.col("name_vi").alias("new_name_vi")
    )
    return legacy.join(new, on="new_code", how="left").sort("legacy_code")


def _normalise_code(code: str | int) -> str | None:
    text = str(code).strip()
    return text.zfill(2) if re.fullmatch(r"\d{1,2}", text) else None


def province_by_code(code: str | int, era: str) -> Province:
    """Return the province with this GSO code in an era; raise ProvinceNotFound if none."""
    era = _check_era(era)
    key = _normalise_code(code)
    if key is not None and key in _by_code(era):
        return _by_code(era)[key]
    raise ProvinceNotFound(
        f"no province has code {str(code)!r} in era {era} ({_ERA_TEXT[era]})",
        query=str(code),
        era=era,
    )


def successor(legacy: Province) -> Province:
    """Return the era-34 province an era-63 province became (part of) on 1 July 2025."""
    if legacy.era != "63" or legacy.successor_code is None:
        raise ValueError(f"{legacy} is not a pre-merger (era 63) province")
    return _by_code("34")[legacy.successor_code]


def predecessors(new: Province) -> list[Province]:
    """Return the era-63 provinces merged into an era-34 one: the namesake first, then by code."""
    if new.era != "34":
        raise ValueError(f"{new} is not a post-merger (era 34) province")
    merged = [p for p in _provinces("63") if p.successor_code == new.code]
    key = normalise_name(new.name_vi)
    return sorted(
        merged, key=lambda p: (normalise_name(p.name_vi) != key, p.code != new.code, p.code)
    )


# --------------------------------------------------------------------------- name matching

_SEPARATORS = re.compile(r"[\W_]+")
# Old-style tone placement on a syllable-final "oa", "oe", "uy" (Hoà, Hoá, Thuỷ) → modern (Hòa).
_OLD_TONE = re.compile(r"(?<!q)([ou])(\w)(?!\w)")
_TONE_PAIRS = {("o", "a"), ("o", "e"), ("u", "y")}
_SUFFIXES = {"city", "province"}


def _modern_tone(text: str) -> str:
    """Move a tone mark from the second to the first vowel of final oa/oe/uy (lower-case NFC)."""

    def move(match: re.Match[str]) -> str:
        first, second = match.group(1), match.group(2)
        decomposed = unicodedata.normalize("NFD", second)
        base, marks = decomposed[0], decomposed[1:]
        if not marks or (first, base) not in _TONE_PAIRS:
            return match.group(0)
        return unicodedata.normalize("NFC", first + marks) + base

    return _OLD_TONE.sub(move, text)


def _fold(word: str) -> str:
    """Strip diacritics (đ → d) from a lower-case word."""
    decomposed = unicodedata.normalize("NFD", word).replace("đ", "d")
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _words(text: str) -> tuple[list[str], list[str]]:
    """Return (words with diacritics, folded words) with prefixes like 'Tỉnh', 'TP.' removed."""
    # "Ðồng Nai": old fonts and converters write đ as the Icelandic eth (U+00D0/U+00F0)
    nfc = _modern_tone(unicodedata.normalize("NFC", str(text)).lower().replace("ð", "đ"))
    exact = [w for w in _SEPARATORS.split(nfc) if w]
    folded = [_fold(w) for w in exact]

    def drop(n: int) -> None:
        del exact[:n], folded[:n]

    if len(folded) > 1 and folded[0] in ("tinh", "tp"):
        drop(1)
    elif len(folded) > 2 and folded[:2] in (["thanh", "pho"], ["t", "p"]):
        drop(2)
    elif folded and len(folded[0]) > 2 and folded[0].startswith("tp"):  # TPHCM, Tp.HCM glued
        exact[0], folded[0] = exact[0][2:], folded[0][2:]
    if len(folded) > 1 and folded[-1] in _SUFFIXES:  # "Ho Chi Minh City", "Lam Dong Province"
        del exact[-1], folded[-1]
    return exact, folded


def normalise_name(text: str) -> str:
    """Return the matching key of a province name: lower-case, no diacritics, no prefix.

    E.g. 'Thành phố Hồ Chí Minh' → 'ho chi minh', 'TT- Huế' → 'tt hue'. Matching compares
    keys with the spaces removed, so 'Hanoi' and 'Ha Noi' meet.
    """
    return " ".join(_words(text)[1])


def _keys(text: str) -> tuple[str, str]:
    exact, folded = _words(text)
    return "".join(exact), "".join(folded)


@dataclass(frozen=True)
class _Index:
    exact: dict[str, frozenset[str]]  # key with diacritics → codes
    folded: dict[str, frozenset[str]]  # key without diacritics → codes


@cache
def _aliases(era: str) -> tuple[tuple[str, str], ...]:
    frame = _read_data("province_aliases.csv").filter(pl.col("era").is_in([era, "all"]))
    return tuple(frame.select("alias", "code").iter_rows())


@cache
def _index(era: str) -> _Index:
    exact: dict[str, set[str]] = {}
    folded: dict[str, set[str]] = {}
    spellings = [(name, p.code) for p in _provinces(era) for name in (p.name_vi, p.name_en, p.slug)]
    for alias, code in _aliases(era):
        if code not in _by_code(era):
            raise ValueError(
                f"province_aliases.csv: alias {alias!r} has no code {code} in era {era}"
            )
        spellings.append((alias, code))
    for name, code in spellings:
        exact_key, folded_key = _keys(name)
        exact.setdefault(exact_key, set()).add(code)
        folded.setdefault(folded_key, set()).add(code)
    return _Index(
        exact={k: frozenset(v) for k, v in exact.items()},
        folded={k: frozenset(v) for k, v in folded.items()},
    )


def _match(text: str, era: str) -> list[Province]:
    """Return the provinces a text denotes in an era: [] none, one, or several (ambiguous)."""
    code = _normalise_code(text)
    if code is not None:
        return [_by_code(era)[code]] if code in _by_code(era) else []
    exact_key, folded_key = _keys(text)
    index = _index(era)
    # A query written with diacritics is matched with them first, so a collision of folded keys
    # cannot capture it; a query without diacritics that folds onto two provinces is ambiguous.
    has_diacritics = exact_key != folded_key
    codes = index.exact.get(exact_key) if has_diacritics else None
    if not codes:
        codes = index.folded.get(folded_key, frozenset())
    return [_by_code(era)[c] for c in sorted(codes)]


def _closest(text: str, era: str) -> list[Province]:
    """Return up to 5 provinces whose spellings are closest to the text (difflib on folded keys)."""
    target = _keys(text)[1]
    best: dict[str, float] = {}
    for key, codes in _index(era).folded.items():
        score = difflib.SequenceMatcher(None, target, key).ratio()
        for code in codes:
            best[code] = max(score, best.get(code, 0.0))
    ranked = sorted((c for c, s in best.items() if s >= 0.5), key=lambda c: (-best[c], c))
    return [_by_code(era)[c] for c in ranked[:_MAX_CANDIDATES]]


def _listing(items: Iterable[Province]) -> str:
    return ", ".join(str(p) for p in items)


def _as_period(period: str | int | Period) -> Period:
    return period if isinstance(period, Period) else parse_period(period)


def _not_found(query: str, period: Period) -> ProvinceNotFound:
    """Build the error for a text that is not one province of the period's era."""
    era = period.era
    where = f"in {period} ({_ERA_TEXT[era]})"
    matches = _match(query, era)
    if len(matches) > 1:
        return ProvinceNotFound(
            f"{query!r} is ambiguous {where}: it matches {_listing(matches)}; "
            "use the full name or the code",
            query=query,
            era=era,
            reason="ambiguous",
            candidates=matches,
        )
    other = "63" if era == "34" else "34"
    elsewhere = _match(query, other)
    if len(elsewhere) == 1 and era == "34":
        legacy = elsewhere[0]
        new = successor(legacy)
        what = (
            f"code {legacy.code} was {legacy.name_vi}'s code before the merger"
            if _normalise_code(query) is not None
            else f"{legacy.name_vi} no longer exists since {_MERGER_DAY}"
        )
        return ProvinceNotFound(
            f"{query!r} is not a province {where}: {what}. {legacy.name_vi} was merged into "
            f"{new} on {_MERGER_DAY} ({MERGER_RESOLUTION})",
            query=query,
            era=era,
            reason="merged",
            candidates=[new],
            successor=new,
        )
    if len(elsewhere) == 1 and era == "63" and _normalise_code(query) is None:
        new = elsewhere[0]
        olds = predecessors(new)
        return ProvinceNotFound(
            f"{query!r} is a post-merger name: {new.label_vi} exists only since {_MERGER_DAY} "
            f"({MERGER_RESOLUTION}); {period} is reported on the {_ERA_TEXT[era]}, where its "
            f"territory was {_listing(olds)}",
            query=query,
            era=era,
            reason="post_merger",
            candidates=olds,
        )
    closest = _closest(query, era)
    hint = f"Closest: {_listing(closest)}" if closest else "No close match"
    return ProvinceNotFound(
        f"{query!r} is not a province {where}. {hint}",
        query=query,
        era=era,
        reason="unknown",
        candidates=closest,
    )


def resolve_province(name: str, period: str | int | Period) -> Province:
    """Return the province a name, abbreviation or code denotes in the era of a period.

    Raises ProvinceNotFound (unknown, ambiguous, merged away, or a post-merger name) and
    PeriodError for a period that cannot be parsed.
    """
    when = _as_period(period)
    query = str(name) if name is not None else ""
    if not query.strip():
        raise ProvinceNotFound(
            f"empty province name in {when}", query=query, era=when.era, reason="unknown"
        )
    matches = _match(query, when.era)
    if len(matches) == 1:
        return matches[0]
    raise _not_found(query, when)


def resolve_many(names: Iterable[str], period: str | int | Period) -> list[Province]:
    """Return the province of each name (same order), resolving each distinct name once.

    Raises ProvinceNotFound for the first name that does not resolve.
    """
    when = _as_period(period)
    seen: dict[str, Province] = {}
    result: list[Province] = []
    for name in names:
        if name not in seen:
            seen[name] = resolve_province(name, when)
        result.append(seen[name])
    return result
