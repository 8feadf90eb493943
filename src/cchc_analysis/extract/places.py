"""Province mentions and the province a text reports on."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import polars as pl

from cchc_analysis.extract.patterns import _marks_key, fold, on_this_line_before
from cchc_analysis.reference.periods import Period, PeriodError

if TYPE_CHECKING:
    from cchc_analysis.extract.document import _Doc


@dataclass(frozen=True)
class _ProvinceMention:
    start: int
    end: int
    text: str
    kind: str  # 'official' (tỉnh X, UBND tỉnh X, Sở … tỉnh X), 'bare', 'city_of' (TP X in X)
    in_furniture: bool


@cache
def _province_regex() -> re.Pattern[str]:
    from cchc_analysis.reference.registry import provinces

    spellings: set[str] = set()
    for era in ("63", "34"):
        spellings.update(p.name_vi for p in provinces(era))
    aliases = resources.files("cchc_analysis") / "data" / "province_aliases.csv"
    for row in pl.read_csv(aliases.read_bytes(), infer_schema=False).iter_rows(named=True):
        if len(re.sub(r"\W", "", row["alias"])) >= 3:
            spellings.add(row["alias"])
    parts = []
    for spelling in sorted(spellings, key=lambda s: -len(s)):
        words = [w for w in re.split(r"[\W_]+", fold(spelling)) if w]
        parts.append(r"[\s.\-]*".join(re.escape(w) for w in words))
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(parts) + r")(?![a-z0-9])")


@cache
def _province_spellings() -> dict[str, set[tuple[tuple[str, str], ...]]]:
    """Folded key → the marks keys of the province spellings that fold to it."""
    from cchc_analysis.reference.registry import provinces

    spellings = {p.name_vi for era in ("63", "34") for p in provinces(era)}
    aliases = resources.files("cchc_analysis") / "data" / "province_aliases.csv"
    spellings |= set(pl.read_csv(aliases.read_bytes(), infer_schema=False)["alias"].to_list())
    out: dict[str, set[tuple[tuple[str, str], ...]]] = {}
    for spelling in spellings:
        out.setdefault(re.sub(r"[\W_]+", "", fold(spelling)), set()).add(_marks_key(spelling))
    return out


def _spelled_as_province(written: str) -> bool:
    """True when a name as written is a province's spelling: with the same diacritics, or
    with none at all ('Quang Ninh'); 'Huệ' (a person's name) is not 'Huế'."""
    key = re.sub(r"[\W_]+", "", fold(written))
    if re.sub(r"[\W_]+", "", written).isascii():
        return True  # no marks at all ('Ba Ria – Vung Tau': its dash is no letter)
    ours = _marks_key(written)
    return any(
        len(k) == len(ours) and all(a == b for a, b in zip(k, ours, strict=True))
        for k in _province_spellings().get(key, ())
    )


_OFFICIAL_BEFORE = re.compile(r"(?:tinh|thanh pho|tp\.?|(?<![a-z])(?:province|city) of)\s*$")
_NOT_PROVINCE_BEFORE = re.compile(
    r"(?<![a-z])(?:huyen|quan|thi xa|xa|phuong|thi tran|duong|(?<!thanh )pho|ngo|truong|"
    r"benh vien|khu|cum|cang|song|nui|ga|cho|san bay|dai hoc|cao dang|bao|dai|ngan hang|"
    r"cong ty|tap doan|ong|ba|anh|chi|dong chi)\s*$"
)


def _capitalised(text: str, start: int, end: int) -> bool:
    words = [w for w in re.split(r"[\s.\-–]+", text[start:end]) if w]
    return bool(words) and all(w[0].isupper() or w[0].isdigit() for w in words)


def _province_mentions(doc: _Doc) -> list[_ProvinceMention]:
    out = []
    for match in _province_regex().finditer(doc.folded):
        start, end = match.span()
        if not _capitalised(doc.text, start, end) or not _spelled_as_province(doc.text[start:end]):
            continue
        before = on_this_line_before(doc.folded, start, 30)  # "đất đai" above is no "Đài"
        if _NOT_PROVINCE_BEFORE.search(before):
            continue
        line_start = doc.text.rfind("\n", 0, start) + 1
        after = doc.folded[end : end + 12]
        if not doc.folded[line_start:start].strip() and re.match(
            r"\s*\((?:ttxvn|vna|tin|ptv)", after
        ):
            continue  # a dateline: "Hà Nội (TTXVN 18/4/2024)"
        kind = "bare"
        one_word = len(re.findall(r"\w+", doc.text[start:end])) == 1
        if _OFFICIAL_BEFORE.search(before):
            kind = "official"
            city = re.search(r"(?:thanh pho|tp\.?|(?<![a-z])city of)\s*$", before)
            if city:
                kind = "city_of"  # resolved below: official for a centrally-run city
        elif re.match(r"[\s.]*(?:tp|thanh pho)", doc.folded[start:end]):
            kind = "official"  # the alias carries its own prefix: "TP.HCM"
        elif re.match(r"(?:'s|’s)?\s+province(?![a-z])", doc.folded[end : end + 14]):
            kind = "official"  # English: "Hoa Binh province"
        elif re.match(r"\s+city(?![a-z])", doc.folded[end : end + 8]):
            kind = "city_of"  # English: "Hai Phong City" (official), "Lang Son city" (a city in it)
        elif one_word and not doc.text[start:end].isupper() and not _english_name(doc, start, end):
            continue  # "Huế" alone is also a person's name: only "thành phố Huế" counts
        out.append(_ProvinceMention(start, end, doc.text[start:end], kind, doc.in_furniture(start)))
    return out


def _english_name(doc: _Doc, start: int, end: int) -> bool:
    """True for a one-word name English spells as one word ('Hanoi'), in an English text."""
    return doc.language == "en" and end - start >= 5 and doc.text[start:end].isascii()


def _resolve(name: str, period: Period | None) -> Any:
    """Return the Province a mention denotes (None if unknown or ambiguous)."""
    from cchc_analysis.reference.registry import ProvinceNotFound, resolve_province

    periods = [period] if period is not None else [Period(2024), Period(2025, "H2")]
    found = []
    for when in periods:
        try:
            found.append(resolve_province(name, when))
        except (ProvinceNotFound, PeriodError):
            continue
    # one province under one name, or renamed, not merged ("Thua Thien-Hue", since 2025 "Huế",
    # one code): with no period to choose by, the name the registry's 2024 list gives it
    one = len({p.name_vi for p in found}) == 1 or len({p.code for p in found}) == 1
    return found[0] if one else None


def _mention_province(mention: _ProvinceMention, period: Period | None) -> tuple[Any, str]:
    """Return (province or None, kind) with 'city_of' settled: 'thành phố Hà Nội' is the city
    itself (official), 'thành phố Nam Định' a city inside Nam Định (a sub-unit)."""
    province = _resolve(mention.text, period)
    if province is None:
        return None, mention.kind
    if mention.kind == "city_of":
        return province, "official" if province.kind == "city" else "city_of"
    return province, mention.kind


# the country or its regions as a whole, not in a rank ("xếp thứ 9/63 tỉnh, thành phố")
_NATIONAL_FRAME = re.compile(
    r"(?<![a-z])(?:toan quoc|ca nuoc|(?:cac|63|34) tinh,? thanh pho truc thuoc trung uong|"
    r"(?:63|34)/(?:63|34) (?:dia phuong|tinh)|\d+/\d+ vung|vung kinh te)(?![a-z])"
)
# a rank or a comparison ("xếp thứ 9/63 …", "cao hơn bình quân cả nước") frames one province
_RANK_BEFORE = re.compile(
    r"(?:xep|thu|hang|dung|vi tri|tren|trong|so voi|hon|binh quan|trung binh|dau|cua)[\s\d/_]*$"
)
_PROVINCE_FRAME = re.compile(
    r"(?<![a-z])(?:toan tinh|tinh ta|tren dia ban tinh|ubnd tinh|uy ban nhan dan tinh)(?![a-z])"
)


# a province named alone in brackets after a unit: "huyện Hớn Quản (tỉnh Bình Phước)"
_BRACKET_BEFORE = re.compile(r"\(\s*(?:(?:tinh|thanh pho|tp\.?)\s*)?$")


def bracket_around(doc: _Doc, mention: _ProvinceMention) -> int | None:
    """Where the bracket opens when a province is named alone in brackets after a unit (it
    says where the unit lies: no subject, no clause of its own); else None."""
    opened = _BRACKET_BEFORE.search(doc.folded, max(0, mention.start - 12), mention.start)
    return opened.start() if opened and doc.folded.startswith(")", mention.end) else None


def national_text(doc: _Doc) -> bool:
    """True when a text reports on the whole country or its regions (an index published for
    all provinces, a national survey): it names the country as its frame, never one province
    as a whole, and names either no province or several."""
    if _PROVINCE_FRAME.search(doc.work):
        return False
    named = {
        province.name_vi
        for mention in _province_mentions(doc)
        if not mention.in_furniture
        for province in [_mention_province(mention, None)[0]]
        if province is not None
    }
    if len(named) == 1:
        return False
    for match in _NATIONAL_FRAME.finditer(doc.work):
        if doc.in_furniture(match.start()):
            continue
        if not _RANK_BEFORE.search(doc.work[max(0, match.start() - 25) : match.start()]):
            return True
    return False


def _document_province(doc: _Doc, period: Period | None) -> tuple[Any, str, list[str]]:
    body: dict[str, list[tuple[_ProvinceMention, str]]] = {}
    headline: dict[str, Any] = {}
    furniture: dict[str, Any] = {}
    provinces: dict[str, Any] = {}
    mentions = _province_mentions(doc)
    for at, mention in enumerate(mentions):
        province, kind = _mention_province(mention, period)
        if province is None:
            continue
        provinces[province.name_vi] = province
        if mention.in_furniture:
            before = doc.folded[max(0, mention.start - 60) : mention.start]
            if kind == "official" and re.search(
                r"(?:cong thong tin|trang thong tin|cong dich vu cong|ubnd|uy ban nhan dan|"
                r"so noi vu|co quan chu quan)[a-z ]*$",
                before,
            ):
                furniture[province.name_vi] = mention
            continue
        in_headline = doc.headline and doc.headline[0] <= mention.start < doc.headline[1]
        line_start = doc.text.rfind("\n", 0, mention.start) + 1
        leads = not doc.text[line_start : mention.start].strip(' \t-–•*"(') and re.match(
            r"\s*[:–-]", doc.text[mention.end : mention.end + 3]
        )  # "Quảng Ninh: …" opening a paragraph, as a headline does
        if leads and _dateline(doc, mentions[at + 1 :], mention):
            continue  # "HCMC – Ba Ria-Vung Tau Province has …": where the news was filed
        if in_headline or leads:
            headline[province.name_vi] = mention
        body.setdefault(province.name_vi, []).append((mention, kind))
    candidates = sorted(provinces)
    if not headline and national_text(doc):
        return None, "the text reports on the whole country", candidates
    if len(headline) == 1:
        name = next(iter(headline))
        return provinces[name], f"headline: '{headline[name].text}'", candidates
    official = {n: [m for m, k in ms if k == "official"] for n, ms in body.items()}
    official = {n: ms for n, ms in official.items() if ms}
    pool = {n: ms for n, ms in official.items() if not headline or n in headline}
    if len(pool) == 1:
        name = next(iter(pool))
        return provinces[name], f"text: '{_official_phrase(doc, pool[name][0])}'", candidates
    if len(pool) > 1:
        ranked = sorted(pool, key=lambda n: -len(pool[n]))
        if len(pool[ranked[0]]) >= 2 * len(pool[ranked[1]]) + 1:
            name = ranked[0]
            return provinces[name], f"text: '{_official_phrase(doc, pool[name][0])}'", candidates
        return None, "the text names several provinces: " + ", ".join(sorted(pool)), candidates
    named = [n for n in body if not headline or n in headline]
    if len(named) == 1:
        name = named[0]
        return provinces[name], f"text: '{body[name][0][0].text}'", candidates
    if len(named) > 1 or len(headline) > 1:
        names = sorted(set(named) | set(headline))
        return None, "the text names several provinces: " + ", ".join(names), candidates
    if len(furniture) == 1:
        name = next(iter(furniture))
        return provinces[name], f"page: '{_official_phrase(doc, furniture[name])}'", candidates
    return None, "the text names no province", candidates


def _dateline(doc: _Doc, following: Sequence[_ProvinceMention], mention: _ProvinceMention) -> bool:
    """True when the place opening a paragraph before a dash is a dateline: another province
    is named right after the dash, as the sentence's subject."""
    if not following:
        return False
    other = following[0]
    line_end = doc.text.find("\n", mention.end)
    reach = min(mention.end + 12, len(doc.text) if line_end < 0 else line_end)
    return mention.end < other.start <= reach and fold(other.text) != fold(mention.text)


def _official_phrase(doc: _Doc, mention: _ProvinceMention) -> str:
    """The mention with its official prefix as written: 'UBND tỉnh Quảng Ninh'."""
    start = mention.start
    window = max(0, start - 40)
    match = re.search(
        r"(?:(?:ubnd|uy ban nhan dan|so [a-z ]{2,30}?|cong thong tin dien tu) )?"
        r"(?:tinh|thanh pho|tp\.?)\s*$",
        doc.folded[window:start],
    )
    if match:
        start = window + match.start()
        if doc.folded.startswith("so ", start) and not doc.text[start + 3 : start + 4].isupper():
            bare = re.search(r"(?:tinh|thanh pho|tp\.?)\s*$", doc.folded[window : mention.start])
            start = window + bare.start() if bare else mention.start  # "So với tỉnh …"
    return doc.text[start : mention.end]
