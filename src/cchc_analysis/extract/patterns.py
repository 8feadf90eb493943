"""The phrases of data/extraction_patterns.yaml, compiled; accent folding."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from cchc_analysis.extract.language import ENGLISH, current_language


@dataclass(frozen=True)
class _Rule:
    order: int
    indicator: str | None
    nouns: tuple[str, ...]
    before: re.Pattern[str] | None
    after: re.Pattern[str] | None
    left_any: re.Pattern[str] | None
    right_any: re.Pattern[str] | None
    not_near: re.Pattern[str] | None
    not_near_before_only: bool  # the words after the number may name them ("trên 5 chỉ số: …")
    not_in_clause: re.Pattern[str] | None  # nor in the sentence around it, even across a name
    when_after: tuple[str, ...]
    pair_only: bool
    allow_change: bool
    topic_any: re.Pattern[str] | None  # must be named in the headline or this/previous sentence
    topic_in_text: bool  # … or anywhere in the text (a sub-index name that only one index has)
    decimal_only: bool  # only a number with a decimal part ("87,32"): a bare integer is no score
    after_overrules: bool  # an ignore rule whose qualifier after the number beats a cue before it


@dataclass(frozen=True)
class _Patterns:
    rules: tuple[_Rule, ...]
    counted: re.Pattern[str]  # a count and its noun, at the end of a text ("134 thủ tục")
    trailing_filler: re.Pattern[str]  # one filler (or noun) ending at the end of a text
    leading_filler: re.Pattern[str]  # one filler (or noun) at the start of a text
    nouns: tuple[tuple[str, re.Pattern[str]], ...]  # (class, pattern at the start of a text)
    topics: dict[str, re.Pattern[str]]
    fillers: str
    function_words: re.Pattern[str]
    scales: tuple[tuple[re.Pattern[str], float], ...]
    amount_factors: dict[str, float]
    bounds: tuple[tuple[str, re.Pattern[str]], ...]
    change: re.Pattern[str]
    comparison: re.Pattern[str]
    target: re.Pattern[str]
    per_unit: re.Pattern[str]
    share: re.Pattern[str]
    pairs: dict[str, str]
    percent_counts: dict[str, str]
    shares: dict[str, tuple[str, ...]]
    rates: dict[str, tuple[tuple[str, str], ...]]
    internal_identities: tuple[tuple[str, str], ...]
    furniture_anywhere: re.Pattern[str]
    furniture_start: re.Pattern[str]
    furniture_related: re.Pattern[str]
    document_number: re.Pattern[str]
    rank: re.Pattern[str]
    labels: re.Pattern[str]
    sub_named: str
    departments: re.Pattern[str]
    sub_places: str
    sub_levels: re.Pattern[str]
    sub_province_level: re.Pattern[str]
    sub_resets: re.Pattern[str]
    source_before: re.Pattern[str]
    source_after: re.Pattern[str]
    joined: re.Pattern[str]
    subject_lead: re.Pattern[str]


_GAP = r"(?:\s+[a-z0-9_]+){0,5}"
_GAP3 = r"(?:\s+[a-z0-9_]+){0,3}"
_B = r"(?<![a-z0-9])"  # word start on folded text
_E = r"(?![a-z0-9])"  # word end


def _expand(pattern: str) -> str:
    """A pattern of the data file as a regular expression: '{gap}' expanded, and a space
    matching a run of spaces (a comma joined into a phrase leaves two)."""
    spaced = re.sub(r" (?![*+?{])", " +", pattern)  # a space already quantified stays as is
    return spaced.replace("{gap3}", _GAP3).replace("{gap}", _GAP)


def _alternation(patterns: Iterable[str]) -> str:
    return "|".join(f"(?:{_expand(p)})" for p in patterns)


def _compile_rule(order: int, spec: dict[str, Any]) -> _Rule:
    def opt(key: str, build: str) -> re.Pattern[str] | None:
        values = spec.get(key) or []
        if isinstance(values, str):
            values = [values]
        if not values:
            return None
        return re.compile(build.format(alt=_alternation(values)), re.DOTALL)

    return _Rule(
        order=order,
        indicator=spec.get("indicator"),
        nouns=tuple(spec.get("nouns") or ()),
        # before: the cue ends where only fillers remain before the number (see _suffix_cuts)
        before=opt("before", _B + r"(?P<cue>{alt})$"),
        # after: the cue starts where only the noun and fillers lie after the number
        after=opt("after", r"(?P<cue>{alt})" + _E),
        left_any=opt("left_any", r"(?P<cue>{alt})"),
        right_any=opt("right_any", r"(?P<cue>{alt})"),
        not_near=re.compile(_expand(spec["not_near"])) if spec.get("not_near") else None,
        not_near_before_only=bool(spec.get("not_near_before_only")),
        not_in_clause=(
            re.compile(_expand(spec["not_in_clause"])) if spec.get("not_in_clause") else None
        ),
        when_after=tuple(spec.get("when_after") or ()),
        pair_only=bool(spec.get("pair_only")),
        allow_change=bool(spec.get("allow_change")),
        topic_any=re.compile(_expand(spec["topic_any"])) if spec.get("topic_any") else None,
        topic_in_text=bool(spec.get("topic_in_text")),
        decimal_only=bool(spec.get("decimal_only")),
        after_overrules=bool(spec.get("after_overrules")),
    )


def _patterns() -> _Patterns:
    """Return the compiled phrase data of the language being read: Vietnamese
    (``data/extraction_patterns.yaml``) or English (``data/extraction_patterns_en.yaml``)."""
    return _compiled(current_language())


def _spec(language: str) -> dict[str, Any]:
    """The phrase data of a language: the English file names its own phrases and takes what
    it leaves out (the identities, pairs and shares, which no language changes) from the
    Vietnamese one."""
    import yaml

    data = resources.files("cchc_analysis") / "data"
    spec: dict[str, Any] = yaml.safe_load(
        (data / "extraction_patterns.yaml").read_text(encoding="utf-8")
    )
    if language == ENGLISH:
        english = yaml.safe_load((data / "extraction_patterns_en.yaml").read_text("utf-8"))
        spec = {**spec, **english}
    fragments = spec.get("fragments") or {}
    spec["rules"] = [_with_fragments(rule, fragments) for rule in spec["rules"]]
    return spec


def _with_fragments(value: Any, fragments: dict[str, str]) -> Any:
    """A rule's patterns with each '{name}' of the file's ``fragments`` written out (a tail
    many rules share is written once)."""
    if isinstance(value, str):
        for name, text in fragments.items():
            value = value.replace("{" + name + "}", text)
        return value
    if isinstance(value, list):
        return [_with_fragments(v, fragments) for v in value]
    if isinstance(value, dict):
        return {k: _with_fragments(v, fragments) for k, v in value.items()}
    return value


# an English place in words ("ranked fifth out of 63"), kept as written: rules read "ranked first"
_WORD_ORDINALS = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last)(?![a-z])"
)


@cache
def _compiled(language: str) -> _Patterns:
    """Return the compiled phrase data of one language."""
    spec = _spec(language)
    noun_specs: list[tuple[str, str]] = [
        (cls, p) for cls, patterns in spec["nouns"].items() for p in patterns
    ]
    words = [_expand(w) for w in (*spec["fillers"], *(p for _, p in noun_specs))]
    words.sort(key=len, reverse=True)  # longest first: a match takes the longest filler
    words += list(spec["scales"])
    words.sort(key=len, reverse=True)
    filler = "|".join(f"(?:{w})" for w in words) + "|_+"
    rules = tuple(_compile_rule(i, r) for i, r in enumerate(spec["rules"], start=1))
    furniture = spec["furniture"]
    sub = spec["subunits"]
    nouns = tuple(
        sorted(
            (
                (cls, re.compile(r"^\s*(?:" + _expand(p) + r")(?![a-z0-9])"))
                for cls, p in noun_specs
            ),
            key=lambda item: -len(item[1].pattern),
        )
    )
    percent = re.compile(r"^\s*%")
    return _Patterns(
        rules=rules,
        counted=re.compile(
            r"\d[\d.,/]*\s+(?:" + "|".join(_expand(p) for _, p in noun_specs) + r")\s*$"
        ),
        trailing_filler=re.compile(_B + r"(?:" + filler + r")$"),
        leading_filler=re.compile(r"(?:" + filler + r")" + _E),
        nouns=(("percent", percent), *nouns),
        topics={k: re.compile(_expand(v)) for k, v in spec["topics"].items()},
        fillers="|".join(spec["fillers"]),
        function_words=re.compile(r"^\s*(?:" + _expand(spec["function_words"]) + r")" + _E),
        scales=tuple((re.compile(r"^\s*" + k + _E), float(v)) for k, v in spec["scales"].items()),
        amount_factors={k: float(v) for k, v in spec["amount_factors"].items()},
        bounds=tuple(
            (kind, re.compile(_B + r"(?:" + _expand(p) + r")\s*$"))
            for kind, p in spec["bounds"].items()
        ),
        change=re.compile(_B + r"(?:" + _expand(spec["change"]) + r")[\s_]*$"),
        comparison=re.compile(_B + r"(?:" + _expand(spec["comparison"]) + r")" + _E),
        target=re.compile(_B + r"(?:" + _expand(spec["target"]) + r")" + _E),
        per_unit=re.compile(_B + r"(?:" + _expand(spec["per_unit"]) + r")"),
        # (the count's noun may stand before the bracket: "10.900 hồ sơ (99,09%)")
        share=re.compile(
            r"^[\s(:_]*(?:(?:ho so|hs|thu tuc|tthc|nhiem vu)\s*\()?[\s(:_]*(?:"
            + _expand(spec["share_cues"])
            + r")?[\s:_]*$"
        ),
        pairs=dict(spec["pairs"]),
        percent_counts=dict(spec["percent_counts"]),
        shares={k: tuple(v or ()) for k, v in spec["shares"].items()},
        rates={k: tuple((a, b) for a, b in v) for k, v in spec["rates"].items()},
        internal_identities=tuple((a, b) for a, b in spec["internal_identities"]),
        furniture_anywhere=re.compile(furniture["anywhere"]),
        furniture_start=re.compile(r"^[\s\-–•*|>»]*(?:" + furniture["line_start"] + ")"),
        furniture_related=re.compile(r"^[\s\-–•*|>»#]*(?:" + furniture["related"] + ")"),
        document_number=re.compile(
            _B
            + r"(?:"
            + _expand(spec["document_words"])
            + r")\s*(?:so\s*)?[:.]?\s*(?P<num>\d[\d.,]*(?:/[\w.\-/]*)?)"
        ),
        rank=re.compile(
            _B
            + r"(?:"
            + _expand(spec["rank_words"])
            + r")\s*(?:thu\s*)?"
            # "xếp thứ 5/63", "ranked 5th out of 63", "ranked fifth of the 63": the place and the
            # number it is out of are both no figure
            + r"(?:(?P<num>\d+(?:\s*/\s*\d+)?)(?:st|nd|rd|th)?|"
            + _WORD_ORDINALS
            + r")"
            + r"(?:\s*(?:/|(?:out\s+)?of(?:\s+the)?|tren|trong\s+so)\s*(?P<whole>\d+)(?![\d.,]\d))?"
        ),
        labels=re.compile(_B + r"(?:" + _expand(spec["label_numbers"]) + r")" + _E),
        sub_named=sub["named"],
        departments=re.compile(r"(?:" + _expand(sub["departments"]) + r")" + _E),
        sub_places=sub["places"],
        sub_levels=re.compile(_B + r"(?:" + _expand(sub["levels"]) + r")" + _E),
        sub_province_level=re.compile(_B + r"(?:" + _expand(sub["province_level"]) + r")" + _E),
        sub_resets=re.compile(_B + r"(?:" + _expand(sub["resets"]) + r")" + _E),
        source_before=re.compile(sub["source_before"]),
        source_after=re.compile(sub["source_after"]),
        joined=re.compile(_B + r"(?:" + _expand(spec["joined_phrases"]) + r")" + _E),
        subject_lead=re.compile(
            r"^(?:[\s_,:;\-]|" + _B + r"(?:" + _expand(sub["subject_lead"]) + r")" + _E + r")*$"
        ),
    )


@cache
def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x80, 0x2100):
        ch = chr(code)
        if ch in "đĐðÐ":  # the eth stands for đ in text typed with old fonts
            table[code] = "d"
            continue
        base = unicodedata.normalize("NFD", ch)[0]
        low = base.lower()
        if unicodedata.category(ch).startswith("Z") or ch in "\u00a0\u202f\u2009":
            table[code] = " "
        elif len(low) == 1:
            table[code] = low
    for quote in "“”„‘’«»":
        table[ord(quote)] = '"'
    table[ord("–")] = "-"
    table[ord("—")] = "-"
    table[ord("…")] = "."
    # zero-width spaces and joiners, word joiners, soft hyphens and byte-order marks that web
    # editors leave between words ("tiếp\u200bnhận"): a space, so the words stay apart
    for invisible in "\u200b\u200c\u200d\u2060\u00ad\ufeff":
        table[ord(invisible)] = " "
    return table


# Old fonts and converters write đ/Đ as the Icelandic eth ð/Ð ("Ðồng Nai"): read as đ/Đ, one
# character for one so offsets hold.
ETH_AS_D = str.maketrans("ðÐ", "đĐ")


def as_read(text: str) -> str:
    """Return the text the extractor reads: NFC, the eth read as đ, and a Windows line end
    ("\\r\\n") read as " \\n" — one character for one, so offsets into the text hold."""
    text = unicodedata.normalize("NFC", text).translate(ETH_AS_D)
    return text.replace("\r\n", " \n").replace("\r", "\n")


def on_this_line_before(text: str, position: int, width: int) -> str:
    """The ``width`` characters before ``position``, cut at the line break before it: what a
    headline or the line above says qualifies nothing on this line."""
    before = text[max(0, position - width) : position]
    return before[before.rfind("\n") + 1 :]


def fold(text: str) -> str:
    """Return the text lower-cased without diacritics (đ → d), one character for one, so
    offsets in the result are offsets in the text ('Tiếp nhận' → 'tiep nhan')."""
    folded = text.lower() if text.isascii() else text.translate(_fold_table()).lower()
    if len(folded) != len(text):  # a character whose lower case is longer: fold one by one
        folded = "".join((c.translate(_fold_table()).lower() or c)[:1] for c in text)
    return folded


def _marks_key(text: str) -> tuple[tuple[str, str], ...]:
    """Each word as (letters without marks, its marks sorted): 'Hoà' and 'Hòa' agree, 'Huệ'
    and 'Huế' do not."""
    words = [
        unicodedata.normalize("NFD", w)
        for w in re.split(r"[\W_]+", unicodedata.normalize("NFC", text.lower()))
        if w
    ]
    return tuple(
        (
            "".join(c for c in w if not unicodedata.combining(c)).replace("đ", "d"),
            "".join(sorted(c for c in w if unicodedata.combining(c))) + ("đ" if "đ" in w else ""),
        )
        for w in words
    )
