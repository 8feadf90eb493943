"""A text's province from the district, town or provincial city it names, when it names no
province ("Đà Lạt: tỷ lệ giải quyết hồ sơ đạt 99,62%", "huyện Phú Giáo", "Phu Giao District").

The units are those of ``data/districts_2025.csv`` (the GSO list before district level was
abolished on 1 July 2025). A name several provinces share ("Châu Thành") says nothing; names of
different provinces in one text say nothing either: the province is read from the text, never
guessed.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import polars as pl

from cchc_analysis.extract.patterns import _marks_key, fold
from cchc_analysis.reference.periods import Period

if TYPE_CHECKING:
    from cchc_analysis.extract.document import _Doc

# a district-level unit by its kind, then its name: "huyện Phú Giáo", "TP. Bảo Lộc", "thị xã
# Ninh Hòa", "Quận 3"
_HEAD = re.compile(r"(?<![a-z])(?:huyen|quan|thi xa|thanh pho|tp\.?|tx\.?)[ \t]*(?=[\w])")
# the same in English: "Phu Giao District", "Hoi An City", "Ninh Hoa town"
_EN_TAIL = re.compile(r"[ \t]+(?:district|town|city)(?![a-z])")


_BARE_KINDS = ("Thành phố", "Thị xã")
_TITLE_BEFORE = re.compile(r"(?<![a-z])(?:ong|ba|anh|chi|dong chi|em|co|chu|bac|ngai)\s*$")


@cache
def _units() -> dict[str, list[tuple[str, str, str]]]:
    """Folded name → [(province code, kind, name as written)] of every district-level unit."""
    table = pl.read_csv(
        (resources.files("cchc_analysis") / "data" / "districts_2025.csv").read_bytes(),
        infer_schema=False,
    )
    out: dict[str, list[tuple[str, str, str]]] = {}
    for row in table.iter_rows(named=True):
        key = " ".join(fold(row["district"]).split())
        out.setdefault(key, []).append(
            (row["province_code"], row["district_type"], row["district"])
        )
    return out


def _name_after(text: str, start: int, limit: int) -> str:
    """The run of Capitalised words (or a number: 'Quận 3') starting at ``start``."""
    words: list[str] = []
    for match in re.finditer(r"[^\s,.;:()\"“”]+", text[start:limit]):
        word = match.group()
        if match.start() > sum(len(w) + 1 for w in words):
            break  # not adjacent
        if not (word[0].isupper() or (word.isdigit() and not words)):
            break
        words.append(word)
        if len(words) == 4 or word.isdigit():
            break
    return " ".join(words)


def _name_before(text: str, end: int) -> str:
    """The run of Capitalised words ending at ``end`` ('Phu Giao' before ' District')."""
    words = text[max(0, end - 60) : end].split()
    run: list[str] = []
    for word in reversed(words):
        if not word[:1].isupper() or not word.replace("-", "").isalpha():
            break
        run.insert(0, word)
        if len(run) == 3:
            break
    return " ".join(run)


def _capitalised_runs(text: str) -> list[list[str]]:
    """The runs of two or more Capitalised words in a line, each from every starting word."""
    runs: list[list[str]] = []
    current: list[str] = []
    for word in [*re.split(r"\s+", text), ""]:
        core = word.strip(',.;:!?"“”()')
        if core[:1].isupper() and core == word.rstrip(',.;:!?"“”)').lstrip('"“('):
            current.append(core)
            if word != word.rstrip(',.;:!?"“”)'):  # a name ends at its punctuation
                runs += [current[i:] for i in range(len(current) - 1)]
                current = []
            continue
        runs += [current[i:] for i in range(len(current) - 1)]
        current = []
    return runs


def _provinces_of(name: str) -> set[str]:
    """The codes of the provinces that have a district-level unit of this name, spelled with
    the same marks (or with none at all)."""
    rows = _units().get(" ".join(fold(name).split()), [])
    if not name.isascii():
        rows = [r for r in rows if _marks_key(r[2]) == _marks_key(name)]
    return {code for code, _, _ in rows}


def _mentions(doc: _Doc) -> list[tuple[str, str]]:
    """(phrase as written, folded name) of the district-level units a text names outside its
    page furniture."""
    found = []
    for match in _HEAD.finditer(doc.folded):
        if doc.in_furniture(match.start()) or not doc.text[match.start()].isalpha():
            continue
        if doc.folded.endswith("cap ", 0, match.start()):
            continue  # "cấp huyện 8.000 hồ sơ": a level and its count, no district "huyện 8"
        name = _name_after(doc.text, match.end(), min(len(doc.text), match.end() + 60))
        if name:
            found.append((doc.text[match.start() : match.end() + len(name)], name))
    if doc.language == "en":
        for match in _EN_TAIL.finditer(doc.folded):
            if doc.in_furniture(match.start()):
                continue
            name = _name_before(doc.text, match.start())
            if name:
                found.append((doc.text[match.start() - len(name) : match.end()], name))
    if doc.headline:
        # a bare name of two words or more in the headline ("Đà Lạt: …", "Quý III, Hội An …")
        start, end = doc.headline
        line = doc.text[start:end]
        for words in _capitalised_runs(line):
            for size in range(len(words), 1, -1):
                head = " ".join(words[:size])
                units = _units().get(" ".join(fold(head).split()), [])
                # a city or town goes by its bare name; a district ("Thanh Hà") is also a
                # person's name, and a title says it is one ("Bà Thanh Hà: …")
                if units and all(kind in _BARE_KINDS for _, kind, _ in units):
                    at = line.find(head)
                    if not _TITLE_BEFORE.search(fold(line[max(0, at - 12) : at])):
                        found.append((head, head))
                    break
    return found


# a district's People's Committee issuing a report, as its letterhead names it
_ISSUING_DISTRICT = re.compile(
    r"\s*(?:uy ban nhan dan|ubnd) (?:huyen|quan|thi xa|thanh pho) (\S.*)"
)


def district_province(doc: _Doc, period: Period | None) -> tuple[Any, str] | None:
    """(province, the unit as written) from the district-level units the text names, when all
    of them lie in one province; None otherwise. A period of the 34 provinces gets the province
    that absorbed it."""
    from cchc_analysis.reference.registry import provinces

    by_code: dict[str, str] = {}
    mentions = _mentions(doc)
    issuer = _ISSUING_DISTRICT.match(fold(doc.letterhead.issuer)) if doc.letterhead else None
    if doc.letterhead is not None and issuer is not None:
        # "ỦY BAN NHÂN DÂN HUYỆN BÌNH CHÁNH": a district's own report, its name in capitals
        mentions.append((doc.letterhead.issuer, doc.letterhead.issuer[issuer.start(1) :]))
    for phrase, name in mentions:
        codes = _provinces_of(name)
        if len(codes) == 1:
            by_code.setdefault(next(iter(codes)), phrase)
    if len(by_code) != 1:
        return None
    code, phrase = next(iter(by_code.items()))
    old = next(p for p in provinces("63") if p.code == code)
    new = next(p for p in provinces("34") if p.code == old.successor_code)
    if period is None and new.name_vi != old.name_vi:
        return None  # before or after the merger: the text does not say which province
    return (new if period is not None and period.era == "34" else old), phrase


def headline_district(doc: _Doc, province: Any) -> str | None:
    """The district-level unit of ``province`` a headline opens on by its bare name ("Hớn Quản
    giải ngân …", "Tiên Yên: …"), as a scope ("huyện Hớn Quản"); None otherwise. Unlike a name
    anywhere in a headline, one that opens it is the headline's subject (a person's name is
    preceded by a title, and is refused as ``_mentions`` refuses it)."""
    if not doc.headline or province is None:
        return None
    start, end = doc.headline
    runs = _capitalised_runs(doc.text[start:end])
    if not runs or not doc.text[start:end].lstrip(" \"'“").startswith(runs[0][0]):
        return None
    for size in range(min(len(runs[0]), 4), 1, -1):
        head = " ".join(runs[0][:size])
        units = [
            (kind, name)
            for code, kind, name in _units().get(" ".join(fold(head).split()), [])
            if code == province.code and _marks_key(name) == _marks_key(head)
        ]
        if len({kind for kind, _ in units}) == 1:
            kind, name = units[0]
            if fold(name) == fold(province.name_vi):
                return None  # "Tuyên Quang: …" is the province, not its city of that name
            return f"{kind.lower()} {name}"
    return None
