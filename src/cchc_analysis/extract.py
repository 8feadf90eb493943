"""From report text to indicator rows: CCHC figures found in Vietnamese provincial reports and
news articles, with their provenance.

``extract_files`` reads plain-text files (UTF-8, UTF-16 or Windows-1258, as the table readers
do), and for each figure that maps to a catalogue indicator returns the indicator table's long
form (province, period, indicator, value, unit, source, note) plus ``scope``, ``bound``,
``evidence`` (the sentence), ``char_start``/``char_end`` (the figure in the decoded NFC text),
``line``, ``cue`` and ``confidence``. ``write_extraction`` writes them as a CSV that
``cchc validate`` reads like any other table, with the cross-check warnings beside it.

How a figure is found (the phrases live in ``data/extraction_patterns.yaml``):

1. The text is NFC-normalised and accent-folded (``Tiếp nhận`` → ``tiep nhan``, one character
   for one, so offsets stay those of the original). Page furniture (visit counters, share
   buttons, ratings, addresses, phone numbers, lists of related articles) is set aside line by
   line, and dates, years, period phrases, document numbers (``Quyết định 766/QĐ-TTg``,
   ``Kế hoạch 05``), ranks (``xếp thứ 15/63``) and phone numbers are blanked out.
2. Every remaining number (``512.304``, ``70,25%``, ``28/40``, ``01``, ``trên 2 triệu``) is read
   in the Vietnamese format and tied to an indicator by the noun after it and the cue before or
   after it; changes (``tăng 12%``), comparisons with another period, targets and rates per day
   are left out; lower bounds and approximations keep their value but say so (``bound``).
3. Province and period come from the text (headline first, then the body: ``UBND tỉnh …``,
   ``Sở Nội vụ tỉnh …``, ``9 tháng năm 2023``, ``quý III/2023``, a dated meeting for a period
   named without its year) unless given; a sentence naming its own period or another province
   overrides them for its figures. Figures of a department, a district or a centre
   (``Sở Tư pháp``, ``huyện Tiên Yên``, ``cấp xã``) get that ``scope`` and are kept apart.
4. Figures are cross-checked: the catalogue's identities (early + on time + late = resolved;
   resolved + pending = received; …) and every stated percentage against the counts it was
   computed from. Disagreements become warnings; a figure that would break an identity or
   repeat a key with another value is held back from the table (``keep_conflicts`` writes it
   anyway), so the table written validates.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import polars as pl

from cchc_analysis.periods import Period, PeriodError, parse_period
from cchc_analysis.validate import FAILURE_COLUMNS

__all__ = [
    "FIGURE_COLUMNS",
    "WARNING_COLUMNS",
    "DocumentInfo",
    "ExtractWarning",
    "Extraction",
    "Figure",
    "cross_check",
    "detect_period",
    "detect_province",
    "extract_files",
    "extract_text",
    "figures_frame",
    "fold",
    "parse_vi_number",
    "read_text",
    "sibling_paths",
    "warnings_frame",
    "write_extraction",
]

FIGURE_COLUMNS: dict[str, Any] = {
    "province": pl.String,
    "period": pl.String,
    "indicator": pl.String,
    "value": pl.String,  # written as text: integers without '.0', never an ambiguous 1.234
    "unit": pl.String,
    "source": pl.String,
    "note": pl.String,
    "scope": pl.String,
    "bound": pl.String,
    "evidence": pl.String,
    "char_start": pl.Int64,
    "char_end": pl.Int64,
    "line": pl.Int64,
    "cue": pl.String,
    "confidence": pl.Float64,
}
WARNING_COLUMNS: dict[str, Any] = dict(FAILURE_COLUMNS)  # the failures table's columns
PROVINCE_SCOPE = "province"
_HIDE = "_"

# ============================================================================================
# Results
# ============================================================================================


@dataclass(frozen=True)
class Figure:
    """One figure found in a text, tied to a catalogue indicator."""

    file: str
    province: str  # canonical Vietnamese name, '' when the text names none
    period: str  # canonical period ('2023-9M'), '' when the text names none
    indicator: str
    value: float
    unit: str
    scope: str  # 'province', or the sub-unit the figure belongs to ('Sở Tư pháp')
    bound: str  # '' exact, 'lower', 'upper' or 'approx'
    note: str
    evidence: str  # the sentence, as written
    char_start: int  # the figure in the decoded NFC text
    char_end: int
    line: int  # 1-based line of the figure
    cue: str  # the words that tied it to the indicator, as written
    confidence: float
    text: str  # the figure as written ('512.304', '28/40', 'trên 2 triệu')

    @property
    def internal(self) -> bool:
        """True for helper figures that are not catalogue indicators (never written)."""
        return self.indicator.startswith("_")


@dataclass(frozen=True)
class ExtractWarning:
    """A disagreement found by the cross-checks, in the failures table's columns."""

    file: str
    row: int | None
    province: str
    period: str
    indicator: str
    column: str
    value: str
    rule: str
    severity: str
    message_vi: str
    message_en: str


@dataclass(frozen=True)
class DocumentInfo:
    """What was decided about one text: province, period and why."""

    file: str
    encoding: str
    province: str  # canonical name or ''
    province_how: str  # where it came from, or why there is none
    province_candidates: tuple[str, ...]
    period: str  # canonical or ''
    period_how: str
    headline: str
    figures: int = 0
    subunit_figures: int = 0

    @property
    def needs(self) -> list[str]:
        """The options the user must pass for this text's rows to validate."""
        missing = []
        if not self.province:
            missing.append("--province")
        if not self.period:
            missing.append("--period")
        return missing


@dataclass
class Extraction:
    """Everything extracted from one or more texts."""

    figures: list[Figure] = field(default_factory=list)  # province scope: the table
    subunits: list[Figure] = field(default_factory=list)  # sub-unit scope: kept apart
    held_back: list[Figure] = field(default_factory=list)  # conflicting: not in the table
    warnings: list[ExtractWarning] = field(default_factory=list)
    documents: list[DocumentInfo] = field(default_factory=list)


# ============================================================================================
# Patterns (data/extraction_patterns.yaml)
# ============================================================================================


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
    when_after: tuple[str, ...]
    pair_only: bool
    allow_change: bool


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
        when_after=tuple(spec.get("when_after") or ()),
        pair_only=bool(spec.get("pair_only")),
        allow_change=bool(spec.get("allow_change")),
    )


@cache
def _patterns() -> _Patterns:
    """Return the compiled phrase data of ``data/extraction_patterns.yaml``."""
    import yaml

    path = resources.files("cchc_analysis") / "data" / "extraction_patterns.yaml"
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
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
        share=re.compile(r"^[\s(:_]*(?:" + _expand(spec["share_cues"]) + r")?[\s:_]*$"),
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
            + r")\s*(?:thu\s*)?(?P<num>\d+(?:\s*/\s*\d+)?)"
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


# ============================================================================================
# Text: decoding, folding, lines, furniture, sentences
# ============================================================================================


def read_text(path: Path | str, encoding: str | None = None) -> tuple[str, str]:
    """Return ``(text, encoding used)`` of a text file: NFC, no byte-order mark, ``\\r\\n`` kept
    as written (offsets count characters of this text). Encodings as ``cchc validate`` reads
    CSV: byte-order mark, else strict UTF-8, else Windows-1258; or the one given."""
    from cchc_analysis.encodings import decode_bytes

    return decode_bytes(Path(path).read_bytes(), encoding)


@cache
def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x80, 0x2100):
        ch = chr(code)
        if ch in "đĐ":
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
    return table


def fold(text: str) -> str:
    """Return the text lower-cased without diacritics (đ → d), one character for one, so
    offsets in the result are offsets in the text ('Tiếp nhận' → 'tiep nhan')."""
    folded = text.lower() if text.isascii() else text.translate(_fold_table()).lower()
    if len(folded) != len(text):  # a character whose lower case is longer: fold one by one
        folded = "".join((c.translate(_fold_table()).lower() or c)[:1] for c in text)
    return folded


@dataclass(frozen=True)
class _Line:
    number: int  # 1-based
    start: int
    end: int  # without the newline
    furniture: bool


@dataclass(frozen=True)
class _Sentence:
    start: int
    end: int
    line: int
    block: int
    index: int


def _lines(text: str) -> list[tuple[int, int, int]]:
    """Return (number, start, end) of each line (end excludes '\\r\\n')."""
    out, start = [], 0
    for number, raw in enumerate(text.split("\n"), start=1):
        end = start + len(raw)
        out.append((number, start, end - 1 if raw.endswith("\r") else end))
        start = end + 1
    return out


_LABEL_NUMBER_LINE = re.compile(r"^[^.]{0,60}[:|]\s*[\d.,\s%/]+$|^\s*[\d.,\s%/]+$")


def _furniture_flags(folded: str, lines: list[tuple[int, int, int]]) -> list[bool]:
    """Return, per line, whether it is page furniture."""
    pat = _patterns()
    flags: list[bool] = []
    related = False
    for _, start, end in lines:
        line = folded[start:end].strip()
        if not line:
            flags.append(False)
            continue
        full_sentence = line.endswith(".") and len(line) > 60
        if related and not (len(line) > 200 and line.endswith(".")):
            flags.append(True)
            continue
        related = False
        if len(line) <= 120 and pat.furniture_related.search(line):
            related = True
            flags.append(True)
            continue
        furniture = (
            (len(line) <= 160 and not full_sentence and bool(pat.furniture_anywhere.search(line)))
            or (
                len(line) <= 80
                and not line.endswith(".")
                and bool(pat.furniture_start.search(line))
            )
            or bool(re.fullmatch(r"[\W\d_]*", line) and re.search(r"\d", line))  # numbers only
        )
        flags.append(furniture)
    # widget lines ("Đã tiếp nhận: 1.234.567") next to furniture are furniture too
    changed = True
    while changed:
        changed = False
        for i, (_, start, end) in enumerate(lines):
            if flags[i]:
                continue
            line = folded[start:end].strip()
            if not line or len(line) > 80 or not _LABEL_NUMBER_LINE.match(line):
                continue
            near = [j for j in (i - 1, i + 1, i - 2, i + 2) if 0 <= j < len(lines)]
            if any(flags[j] for j in near if folded[lines[j][1] : lines[j][2]].strip()):
                flags[i] = changed = True
    return flags


_ABBREVIATIONS = {"tp", "tt", "q", "p", "ths", "ts", "pgs", "gs", "bs", "ks", "ls", "th", "st"}
_SENTENCE_BREAK = re.compile(r"[.!?]+[\"')\]]*\s+(?=[\"'(\[\-–•*]?\s*[A-ZĐÀ-Ỹ0-9])")


def _sentences(text: str, folded: str, lines: list[_Line]) -> list[_Sentence]:
    """Split the non-furniture lines into sentences (a line is never joined to the next)."""
    out: list[_Sentence] = []
    block = 0
    previous_blank = True
    for line in lines:
        if line.furniture or not folded[line.start : line.end].strip():
            previous_blank = True
            continue
        if previous_blank:
            block += 1
        previous_blank = False
        start = line.start
        for match in _SENTENCE_BREAK.finditer(text, line.start, line.end):
            word = re.search(r"(\w+)\W*$", folded[start : match.start() + 1])
            if word and (
                word.group(1) in _ABBREVIATIONS
                or (len(word.group(1)) == 1 and word.group(1).isalpha())
            ):
                continue
            if match.start() > start:
                out.append(_Sentence(start, match.start() + 1, line.number, block, len(out)))
            start = match.end()
        if folded[start : line.end].strip():
            out.append(_Sentence(start, line.end, line.number, block, len(out)))
    return out


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# ============================================================================================
# Periods
# ============================================================================================


@dataclass(frozen=True)
class _PeriodMention:
    start: int
    end: int
    period: Period | None  # None: a month or a span of years (not a reporting period)
    kind: str  # 'part', 'year', 'range', 'month', 'span'
    context: str  # 'normal', 'comparison', 'target', 'plan'
    text: str
    guess_year: int | None = None  # for a phrase without its year: from the nearest date


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_YEAR = r"(?:19|20)\d\d"
_PERIOD_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "range",
        re.compile(
            r"(?<![a-z0-9])tu (?:ngay )?(?P<d1>\d{1,2})\s*[/.-]\s*(?P<m1>\d{1,2})(?:\s*[/.-]\s*"
            r"(?P<y1>" + _YEAR + r"))?\s*(?:den|toi|-)\s*(?:het )?(?:ngay )?(?P<d2>\d{1,2})\s*[/.-]"
            r"\s*(?P<m2>\d{1,2})\s*[/.-]\s*(?P<y2>" + _YEAR + r")"
        ),
    ),
    (
        "range",
        re.compile(
            r"(?<![a-z0-9])(?:tu|ke tu|tinh tu) dau nam(?: (?P<y0>"
            + _YEAR
            + r"))?\s*(?:den|toi)\s*"
            r"(?:het )?(?:ngay )?(?P<d2>\d{1,2})\s*[/.-]\s*(?P<m2>\d{1,2})\s*[/.-]\s*(?P<y2>"
            + _YEAR
            + r")"
        ),
    ),
    (
        "span",
        re.compile(
            r"(?<![a-z0-9])(?:(?:giai doan|thoi ky|tu nam|nam|nhiem ky) )?(?P<y1>"
            + _YEAR
            + r")\s*(?:-|den|toi)\s*(?:nam )?(?P<y2>"
            + _YEAR
            + r")(?![0-9])"
        ),
    ),
    (
        "part",
        re.compile(
            r"(?<![a-z0-9/])(?P<n>3|ba|6|sau|9|chin) thang(?: (?P<pos>dau|cuoi))?"
            r"(?P<nam> nam)?(?: (?P<year>" + _YEAR + r"))?(?![a-z0-9])"
        ),
    ),
    (
        "part",
        re.compile(
            r"(?<![a-z0-9])quy (?P<q>iv|iii|ii|i|[1-4])(?![a-z0-9])(?:\s*(?:/|-|nam)\s*(?P<year>"
            + _YEAR
            + r"))?"
        ),
    ),
    ("part", re.compile(r"(?<![a-z0-9])q(?P<q>[1-4])\s*[/-]\s*(?P<year>" + _YEAR + r")")),
    (
        "month",
        re.compile(
            r"(?<![a-z0-9])thang (?P<m>\d{1,2})(?:\s*(?:/|-|nam)\s*(?P<year>" + _YEAR + r"))?"
            r"(?![0-9])"
        ),
    ),
    ("year", re.compile(r"(?<![a-z0-9])nam (?P<year>" + _YEAR + r")(?![0-9])")),
    (
        "year",
        re.compile(
            r"(?<![a-z0-9])(?:par ?index|sipas|papi|pci|chi so [a-z ]{3,60}?)(?: nam)? (?P<year>"
            + _YEAR
            + r")(?![0-9])"
        ),
    ),
)
_PERIOD_CONTEXT = (
    (
        "comparison",
        re.compile(r"(?<![a-z])(?:so voi|cung ky|hon|tu|bang)[\s_,]*(?:cua )?(?:ca )?$"),
    ),
    (
        "target",
        re.compile(
            r"(?<![a-z])(?:phan dau|muc tieu|den|den het|vao|truoc|sau|phuong huong|"
            r"nhiem vu(?: trong tam)?(?: cong tac[a-z ]*)?|du kien|trong)[\s_,]*$"
        ),
    ),
    ("plan", re.compile(r"(?<![a-z])(?:ke hoach|chuong trinh)(?: [a-z]+){0,5}[\s_,]*$")),
)
_FULL_DATE = re.compile(
    r"(?<![\d/])(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>" + _YEAR + r")(?!\d)"
    r"|ngay (?P<d2>\d{1,2}) thang (?P<m2>\d{1,2}) nam (?P<y2>" + _YEAR + r")"
)


def _period_context(folded: str, start: int) -> str:
    """'normal', or why a period phrase is not the period of the figures near it: a
    'comparison' ('so với cùng kỳ năm 2022'), a 'target' ('phấn đấu đến năm 2025') or a
    'plan' named after its year ('Kế hoạch CCHC năm 2023')."""
    before = folded[max(0, start - 40) : start]
    if re.search(r"(?:cung ky|so voi)[a-z\s_,]{0,12}$", before):
        return "comparison"
    for name, pattern in _PERIOD_CONTEXT:
        if pattern.search(before):
            if name == "target" and before.rstrip().endswith("trong"):
                continue  # "trong 9 tháng" is the report's own period
            return name
    return "normal"


def _part_of(groups: dict[str, str | None]) -> str:
    """'H1', 'H2', '9M', 'Q1'..'Q4' of a matched period phrase."""
    quarter = groups.get("q")
    if quarter:
        return f"Q{_ROMAN[quarter]}"
    n = {"3": 3, "ba": 3, "6": 6, "sau": 6, "9": 9, "chin": 9}[groups["n"] or "6"]
    if n == 3:
        return "Q4" if groups.get("pos") == "cuoi" else "Q1"
    if n == 9:
        return "9M"
    return "H2" if groups.get("pos") == "cuoi" else "H1"


def _year_for(part: str, when: date | None) -> int | None:
    """The year of a period named without one ('9 tháng đầu năm') from a date near it."""
    if when is None:
        return None
    end = Period(when.year, part).end
    return when.year if when >= end - timedelta(days=31) else when.year - 1


def _range_period(d1: date, d2: date) -> Period | None:
    """The reporting period a date range covers (reports often run 15/12 → 14/6)."""
    year = d2.year
    cumulative = (d1.month == 12 and d1.day >= 10 and d1.year == year - 1) or (
        d1.month == 1 and d1.day <= 5 and d1.year == year
    )
    end_month = d2.month if d2.day >= 10 else d2.month - 1
    if cumulative:
        return {3: Period(year, "Q1"), 6: Period(year, "H1"), 9: Period(year, "9M")}.get(
            end_month, Period(year) if end_month == 12 else None
        )
    quarter_start = d1.month in (3, 4, 6, 7, 9, 10) and (d1.day >= 10 or d1.day <= 5)
    if quarter_start and end_month - (d1.month if d1.day <= 5 else d1.month + 1) == 2:
        return Period(year, f"Q{end_month // 3}")
    if (d1.month, end_month) in ((6, 12), (7, 12)):
        return Period(year, "H2")
    return None


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _dates(folded: str) -> list[tuple[int, date]]:
    out = []
    for match in _FULL_DATE.finditer(folded):
        g = match.groupdict()
        y, m, d = (g["y"], g["m"], g["d"]) if g["y"] else (g["y2"], g["m2"], g["d2"])
        found = _safe_date(int(y), int(m), int(d))
        if found:
            out.append((match.start(), found))
    return out


def _period_mentions(text: str, folded: str) -> list[_PeriodMention]:
    """Return every period phrase of the text, in order, overlapping ones dropped."""
    dates = _dates(folded)
    taken: list[tuple[int, int]] = []
    mentions: list[_PeriodMention] = []
    for kind, pattern in _PERIOD_PATTERNS:
        for match in pattern.finditer(folded):
            start, end = match.span()
            if kind == "year" and not folded.startswith("nam", start):
                start = match.start("year")  # "PAR Index 2021": the name stays a cue
            if any(s < end and start < e for s, e in taken):
                continue
            g = match.groupdict()
            period: Period | None = None
            guess: int | None = None
            if kind == "range" and "d1" not in g:  # from the start of the year
                d2 = _safe_date(int(g["y2"]), int(g["m2"]), int(g["d2"]))
                period = _range_period(date(d2.year, 1, 1), d2) if d2 else None
                if period is None:
                    continue
            elif kind == "range":
                d1 = _safe_date(int(g["y1"] or g["y2"]), int(g["m1"]), int(g["d1"]))
                d2 = _safe_date(int(g["y2"]), int(g["m2"]), int(g["d2"]))
                if d1 and d2 and d1 > d2 and not g["y1"]:
                    d1 = _safe_date(d2.year - 1, d1.month, d1.day)
                period = _range_period(d1, d2) if d1 and d2 and d1 <= d2 else None
                if period is None:
                    continue
            elif kind == "part":
                if (
                    g.get("n")
                    and not (g.get("pos") or g.get("nam") or g.get("year"))
                    and not re.search(
                        r"(?:trong|qua|so ket|tong ket|ket qua|bao cao|cai cach hanh chinh|"
                        r"cchc)\s*$",
                        folded[max(0, start - 40) : start],
                    )
                ):
                    continue  # "6 tháng" as a duration
                part = _part_of(g)
                year = int(g["year"]) if g.get("year") else 0  # 0: named without its year
                if not year:
                    near = [d for pos, d in dates if pos <= start] or [d for _, d in dates]
                    guess = _year_for(part, near[-1] if near else None)
                period = Period(year, part)
            elif kind == "year":
                period = Period(int(g["year"]))
            elif kind == "month" and re.search(
                r"(?:den|het|tinh den|truoc|sau|tu|ke tu|cuoi|dau|hang|moi)\s*$",
                folded[max(0, start - 12) : start],
            ):
                continue  # "đến hết tháng 6": a deadline, not a monthly figure
            taken.append((start, end))
            mentions.append(
                _PeriodMention(
                    start,
                    end,
                    period,
                    kind,
                    _period_context(folded, start),
                    text[start:end],
                    guess if kind == "part" and period is not None and not period.year else None,
                )
            )
    return sorted(mentions, key=lambda m: m.start)


def _complete(mention: _PeriodMention, year: int | None) -> Period | None:
    """The mention's period; one named without its year takes ``year`` (the document's), else
    the year of the nearest date."""
    if mention.period is None:
        return None
    if mention.period.year == 0:
        year = year or mention.guess_year
        return Period(year, mention.period.part) if year else None
    return mention.period


def detect_period(text: str) -> tuple[Period | None, str]:
    """Return the period a text reports on and where that came from (or why there is none).

    The headline's period phrase wins; else the first period phrase of the body that is not a
    comparison ('so với cùng kỳ năm 2022'), a target or a plan's name. A phrase without its
    year ('9 tháng đầu năm') takes it from the nearest date before it (a dated meeting),
    counting back a year when the period would not yet be over.
    """
    doc = _document(unicodedata.normalize("NFC", text))
    return _document_period(doc)


def _document_period(doc: _Doc) -> tuple[Period | None, str]:
    usable = [
        m
        for m in doc.periods
        if m.context == "normal"
        and m.kind in ("part", "year", "range")
        and not doc.in_furniture(m.start)
    ]
    years = [m.period.year for m in usable if m.period is not None and m.period.year]
    fallback_year = years[0] if years else None
    headline = [m for m in usable if doc.headline and doc.headline[0] <= m.start < doc.headline[1]]
    body = [m for m in usable if m not in headline]
    for source, group in (("headline", headline), ("text", body)):
        for mention in group:
            period = _complete(mention, fallback_year)
            if period is None:
                continue
            lede = _complete(body[0], period.year) if body else None
            if source == "headline" and period.is_annual and lede and lede.year == period.year:
                # "Kết quả CCHC năm 2023" over a body that opens on "9 tháng năm 2023"
                return lede, f"text: '{body[0].text.strip()}'"
            return period, f"{source}: '{mention.text.strip()}'"
    plans = [m for m in doc.periods if m.context == "plan" and m.period and m.period.year]
    if plans:
        return plans[0].period, f"text: '{plans[0].text.strip()}'"
    return None, "no period phrase ('9 tháng năm 2023', 'quý III/2023', 'năm 2021') in the text"


# ============================================================================================
# Numbers
# ============================================================================================

_NUMBER = (
    r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:[\u00a0\u202f]\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
    r"|\d+\.\d{1,2}(?!\d)"  # "99.5%": a decimal point (one or two digits: never a group)
)
_TOKEN = re.compile(
    r"(?<![\w.,/])(?P<a>" + _NUMBER + r")(?:\s*/\s*(?P<b>" + _NUMBER + r"))?(?![\w]|[.,/]\d)"
)


def parse_vi_number(text: str) -> float | None:
    """Return the number a figure written the Vietnamese way stands for, or None:
    '512.304' → 512304, '70,25' → 70.25, '1.234,5' → 1234.5, '01' → 1; a dot followed by one
    or two digits can only be a decimal point ('99.5' → 99.5)."""
    cleaned = text.strip().replace("\u00a0", "").replace("\u202f", "")
    if not re.fullmatch(_NUMBER, cleaned):
        return None
    if re.fullmatch(r"\d+\.\d{1,2}", cleaned):
        return float(cleaned)
    return float(cleaned.replace(".", "").replace(",", "."))


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    a: str
    b: str | None  # denominator of an x/y pair
    a_end: int  # end of the numerator's text

    @property
    def is_pair(self) -> bool:
        return self.b is not None


def _hide(work: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if work[i] not in " \n\r\t":
            work[i] = _HIDE


_PHONE = re.compile(
    r"(?<![a-z])(?:(?:dien thoai|dt|tel|hotline|duong day nong|fax|sdt|lien he)\s*[:.]?\s*)"
    r"[(+\d][\d\s.()+\-]{5,}\d"
    r"|(?<![\d.,])\(?0\d{2,3}\)?[\s.\-]?\d{3,4}[\s.\-]?\d{3,4}(?![\d])"
    r"|(?<![\d.,])\+84[\d\s.\-]{8,}\d"
    r"|(?<![\d.,])1[89]00[\s.]?\d{3,4}(?:[\s.]?\d{2,4})?(?![\d])"
)
_DATE_LIKE = re.compile(
    r"(?:ngay\s*)?(?<![\d.,/])\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}(?![\d])"
    r"|(?<![\d.,/])(?:0?[1-9]|1[0-2])\s*/\s*" + _YEAR + r"(?![\d])"
    r"|ngay \d{1,2}(?:\s*[/-]\s*\d{1,2})?(?:\s*(?:thang)\s*\d{1,2})?(?![\d])"
    r"|(?<![a-z])(?:truoc|sau|den|tu|han|het|ke tu|cuoi|dau|tuan|ngay)\s+\d{1,2}\s*/\s*\d{1,2}"
    r"(?![\d/])"
    r"|(?<![a-z])thang \d{1,2}(?:\s*[/-]\s*\d{2,4})?(?![\d])"
)
_TIME = re.compile(
    r"(?<![\d.,])\d{1,2}\s*(?::|h|gio)\s*\d{2}(?:\s*(?:phut|'|p))?(?![\d])|\d{1,2} gio"
)
_URL = re.compile(
    r"https?://\S+|www\.\S+|[\w.\-]+@[\w.\-]+\.\w+|[\w\-]+\.(?:gov|com|org|edu)\.vn\S*"
)
_YEARS = re.compile(
    r"(?:(?<=nam )|(?<=nam_)|(?<=giai doan )|(?<=nien do )|(?<=nhiem ky ))" + _YEAR + r"(?![\d])"
)


def _masked_text(folded: str, periods: Sequence[_PeriodMention]) -> str:
    """Return the folded text with dates, years, period phrases, times, URLs, phone numbers,
    document numbers and ranks blanked out as '_' (label numbers such as 'mức độ 4' keep their
    text, without the commas that would split them)."""
    pat = _patterns()
    work = list(folded)
    labels = [m.span() for m in pat.labels.finditer(folded)]
    for start, end in labels:
        for i in range(start, end):
            if work[i] in ",;":
                work[i] = " "
    for mention in periods:
        _hide(work, mention.start, mention.end)
    for pattern in (_URL, _PHONE, _DATE_LIKE, _TIME, _YEARS):
        for match in pattern.finditer(folded):
            _hide(work, *match.span())
    for match in pat.joined.finditer(folded):
        for i in range(*match.span()):
            if work[i] == ",":
                work[i] = " "
    text = "".join(work)
    for pattern in (pat.document_number, pat.rank):
        for match in pattern.finditer(text):
            start, end = match.span("num")
            if any(s <= start < e for s, e in labels):
                continue
            rest = text[end:]
            if pattern is pat.document_number and not re.match(r"\s*/", rest):
                noun, _, _ = _noun_at(rest)
                if noun not in (None, "other"):
                    continue  # "kế hoạch 40 nhiệm vụ": a count after the word
            _hide(work, start, end)
    # "3.595 TTHC mới" is a count, "Quyết định 766/QĐ-TTg" a number with letters after '/'
    for match in re.finditer(r"(?<![\w.,])\d[\d.,]*/(?=[a-z_])[\w\-/_.]*", text):
        _hide(work, *match.span())
    return "".join(work)


def _tokens(work: str) -> list[_Token]:
    out = []
    for match in _TOKEN.finditer(work):
        out.append(
            _Token(match.start(), match.end(), match.group("a"), match.group("b"), match.end("a"))
        )
    return out


def _noun_at(right: str) -> tuple[str | None, int, float]:
    """Return (noun class, length consumed, scale) for the text after a number: the class of
    the noun it starts with, None when it starts with no noun (a function word, a cue,
    punctuation), or 'other' for an unknown word. Scale words ('triệu') are consumed first."""
    pat = _patterns()
    consumed, scale = 0, 1.0
    for amount, factor in sorted(pat.amount_factors.items(), key=lambda kv: -len(kv[0])):
        match = re.match(r"\s*" + amount + _E, right)
        if match:
            return "amount", match.end(), factor
    for pattern, factor in pat.scales:
        match = pattern.match(right)
        if match:
            consumed, scale = match.end(), factor
            break
    rest = right[consumed:]
    for cls, pattern in pat.nouns:
        match = pattern.match(rest)
        if match:
            return cls, consumed + match.end(), scale
    stripped = rest.lstrip()
    if not stripped or not stripped[0].isalpha():
        return None, consumed, scale
    if pat.function_words.match(stripped):
        return None, consumed, scale
    if any(rule.after and rule.after.match(stripped) for rule in pat.rules):
        return None, consumed, scale
    return "other", consumed, scale


# ============================================================================================
# Provinces
# ============================================================================================


@dataclass(frozen=True)
class _ProvinceMention:
    start: int
    end: int
    text: str
    kind: str  # 'official' (tỉnh X, UBND tỉnh X, Sở … tỉnh X), 'bare', 'city_of' (TP X in X)
    in_furniture: bool


@cache
def _province_regex() -> re.Pattern[str]:
    from cchc_analysis.registry import provinces

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


@cache
def _province_spellings() -> dict[str, set[tuple[tuple[str, str], ...]]]:
    """Folded key → the marks keys of the province spellings that fold to it."""
    from cchc_analysis.registry import provinces

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
    if written.isascii():
        return True
    ours = _marks_key(written)
    return any(
        len(k) == len(ours) and all(a == b for a, b in zip(k, ours, strict=True))
        for k in _province_spellings().get(key, ())
    )


_OFFICIAL_BEFORE = re.compile(r"(?:tinh|thanh pho|tp\.?)\s*$")
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
        before = doc.folded[max(0, start - 30) : start]
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
            city = re.search(r"(?:thanh pho|tp\.?)\s*$", before)
            if city:
                kind = "city_of"  # resolved below: official for a centrally-run city
        elif re.match(r"[\s.]*(?:tp|thanh pho)", doc.folded[start:end]):
            kind = "official"  # the alias carries its own prefix: "TP.HCM"
        elif one_word and not doc.text[start:end].isupper():
            continue  # "Huế" alone is also a person's name: only "thành phố Huế" counts
        out.append(_ProvinceMention(start, end, doc.text[start:end], kind, doc.in_furniture(start)))
    return out


def _resolve(name: str, period: Period | None) -> Any:
    """Return the Province a mention denotes (None if unknown or ambiguous)."""
    from cchc_analysis.registry import ProvinceNotFound, resolve_province

    periods = [period] if period is not None else [Period(2024), Period(2025, "H2")]
    found = []
    for when in periods:
        try:
            found.append(resolve_province(name, when))
        except (ProvinceNotFound, PeriodError):
            continue
    names = {p.name_vi for p in found}
    return found[0] if len(names) == 1 else None


def _mention_province(mention: _ProvinceMention, period: Period | None) -> tuple[Any, str]:
    """Return (province or None, kind) with 'city_of' settled: 'thành phố Hà Nội' is the city
    itself (official), 'thành phố Nam Định' a city inside Nam Định (a sub-unit)."""
    province = _resolve(mention.text, period)
    if province is None:
        return None, mention.kind
    if mention.kind == "city_of":
        return province, "official" if province.kind == "city" else "city_of"
    return province, mention.kind


def detect_province(text: str, period: str | Period | None = None) -> tuple[Any, str, list[str]]:
    """Return (Province or None, how it was decided, candidate names) for a text.

    Only mentions that resolve to exactly one province (``registry.resolve_province``) count.
    The headline's single province wins; else the one province named in official form ('tỉnh
    X', 'UBND tỉnh X', 'Sở Nội vụ tỉnh X', 'thành phố X' for a city) or, failing that, the one
    province named at all. Several provinces without a clear winner give None: never a guess.
    """
    doc = _document(unicodedata.normalize("NFC", text))
    when = period if isinstance(period, Period) or period is None else parse_period(period)
    return _document_province(doc, when)


def _document_province(doc: _Doc, period: Period | None) -> tuple[Any, str, list[str]]:
    body: dict[str, list[tuple[_ProvinceMention, str]]] = {}
    headline: dict[str, Any] = {}
    furniture: dict[str, Any] = {}
    provinces: dict[str, Any] = {}
    for mention in _province_mentions(doc):
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
        if in_headline or leads:
            headline[province.name_vi] = mention
        body.setdefault(province.name_vi, []).append((mention, kind))
    candidates = sorted(provinces)
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


# ============================================================================================
# Scope: the province as a whole or one of its units
# ============================================================================================


@dataclass(frozen=True)
class _Scope:
    start: int
    end: int
    label: str  # as written
    kind: str  # 'subunit', 'level', 'province' (a reset), 'other_province:<name>'
    until: int = 1 << 62  # a level named after an enumerated count holds to the next ';'


@dataclass(frozen=True)
class _Carry:
    """What a sentence hands to the next one on the same line: its subject and its period
    ('Tháng 9/2021, Trung tâm … tiếp nhận … . Đã có kết quả …')."""

    scope: str = PROVINCE_SCOPE
    other: str | None = None
    period: Period | None = None
    note: str = ""  # '' and not skip: the document's period
    skip: bool = False


def _name_end(text: str, start: int, limit: int) -> int:
    """End of a run of Capitalised words (or digits: 'Quận 1') starting at ``start``."""
    end = start
    for match in re.finditer(r"\S+", text[start:limit]):
        word = match.group(0)
        core = word.strip(",;:.()\"'")
        if not core or not (core[0].isupper() or core[0].isdigit()):
            break
        if match.start() > end - start + 1:  # not adjacent
            break
        end = start + match.start() + len(word.rstrip(",;:.()\"'"))
        if word != word.rstrip(",;:.()\"'"):
            break
    return end


def _department_end(text: str, folded: str, start: int, limit: int) -> int:
    """End of a department's name: 'Sở Kế hoạch và Đầu tư', 'Sở Lao động - Thương binh và Xã
    hội' (Capitalised words joined by lower-case 'và', '-' and the second word of a term)."""
    end = start
    words = list(re.finditer(r"[\w]+|[-–&]", text[start:limit]))
    i = 0
    while i < len(words) and i < 9:
        word = words[i].group(0)
        if word[0].isupper():
            end = start + words[i].end()
        elif (
            word in ("và", "-", "–", "&")
            and i + 1 < len(words)
            and words[i + 1].group(0)[0].isupper()
        ):
            pass
        elif (
            i > 0
            and words[i - 1].group(0)[0].isupper()
            and fold(word)
            in (
                "vu",
                "phap",
                "te",
                "dung",
                "chinh",
                "tai",
                "hoi",
                "truong",
                "lich",
                "nghe",
                "thong",
                "thao",
                "tao",
                "nghiep",
                "dau",
                "truyen",
                "thuong",
                "vien",
                "dan",
                "giao",
            )
        ):
            end = start + words[i].end()
        else:
            break
        i += 1
    return end


def _scopes(doc: _Doc, sentence: _Sentence, province: Any, period: Period | None) -> list[_Scope]:
    """Return the scope mentions of a sentence, in order."""
    pat = _patterns()
    text, folded = doc.text, doc.folded
    s, e = sentence.start, sentence.end
    found: list[_Scope] = []
    named = re.compile(_B + r"(?:" + pat.sub_named + r")\s+(?=\w)")
    for match in named.finditer(folded, s, e):
        head_end = match.end()
        head = folded[match.start() : head_end].strip()
        if not text[match.start()].isupper() and not head.startswith("trung tam phuc vu"):
            continue  # "hồ sơ TTHC" is not "Sở TTHC"
        if head.startswith("trung tam") or head == "bo phan mot cua":
            # a centre: its place follows ("tỉnh", "huyện Tiên Yên") or it stands alone
            tail = re.match(
                r"(?:cap )?(tinh|thanh pho|huyen|quan|thi xa|xa|phuong)\b", folded[head_end:e]
            )
            end = head_end
            if tail:
                end = head_end + tail.end()
                end = max(end, _name_end(text, end + 1, e) if end + 1 < e else end)
            elif head in ("trung tam",):
                end = _name_end(text, head_end, e)
                if end == head_end:
                    continue
            label = text[match.start() : end].strip()
            found.append(_Scope(match.start(), end, label, "subunit"))
            continue
        if not text[head_end : head_end + 1].isupper():
            continue
        known = pat.departments.match(folded, head_end) if head == "so" else None
        end = (
            head_end + known.end() - known.start()
            if known
            else _department_end(text, folded, head_end, e)
        )
        if end <= head_end:
            continue
        found.append(_Scope(match.start(), end, text[match.start() : end], "subunit"))
    places = re.compile(_B + r"(?:" + pat.sub_places + r")\s+(?=\w)")
    for match in places.finditer(folded, s, e):
        if any(sc.start <= match.start() < sc.end for sc in found):
            continue
        end = _name_end(text, match.end(), e)
        if end <= match.end():
            continue
        label = text[match.start() : end]
        found.append(_Scope(match.start(), end, label, "subunit"))
    for match in pat.sub_levels.finditer(folded, s, e):
        if any(sc.start <= match.start() < sc.end for sc in found):
            continue
        if match.group().startswith(("toan quoc", "ca nuoc")) and re.search(
            r"(?:thu|hang|xep|dung|vi tri)[\s\d/_]*(?:tinh,? thanh pho[\s,]*)?(?:trong|tren)?\s*$",
            doc.work[max(s, match.start() - 30) : match.start()],
        ):
            continue  # a rank: "xếp thứ 5 cả nước"
        until = 1 << 62
        if pat.counted.search(doc.work, max(s, match.start() - 40), match.start()):
            semicolon = doc.work.find(";", match.end(), e)
            until = semicolon if semicolon >= 0 else e  # "134 thủ tục cấp xã;" ends here
        label = text[match.start() : match.end()]
        found.append(_Scope(match.start(), match.end(), label, "level", until))
    for match in pat.sub_resets.finditer(folded, s, e):
        if any(sc.start <= match.start() < sc.end for sc in found):
            continue  # "Trung tâm … tỉnh đã …": the unit's own name
        found.append(
            _Scope(match.start(), match.end(), text[match.start() : match.end()], "province")
        )
    for mention in doc.province_mentions:
        if not (s <= mention.start < e):
            continue
        other, kind = _mention_province(mention, period)
        if other is None:
            if kind == "official" and _resolve(mention.text, None) is not None:
                # a province that no longer exists in the period's era: "tỉnh Hà Giang (cũ)"
                label = _official_phrase(doc, mention)
                start = mention.end - len(label)
                tail = re.match(r"\s*\((?:cu|truoc day|truoc sap nhap)\)", folded[mention.end : e])
                end = mention.end + (tail.end() if tail else 0)
                found.append(_Scope(start, end, text[start:end].strip(), "subunit"))
            continue
        if kind == "city_of":
            continue  # already a place ("thành phố Nam Định")
        if any(sc.start <= mention.start < sc.end for sc in found):
            continue  # part of a unit's name: "Trung tâm … tỉnh An Giang"
        if province is not None and other.name_vi == province.name_vi:
            found.append(_Scope(mention.start, mention.end, mention.text, "province"))
        elif kind == "official" or province is None:
            label = _official_phrase(doc, mention)
            found.append(
                _Scope(mention.start, mention.end, label, f"other_province:{other.name_vi}")
            )
    # units named as the source of the information, and the province's own units
    kept = []
    for scope in sorted(found, key=lambda sc: sc.start):
        if scope.kind == "subunit" or (
            scope.kind == "level" and folded.startswith("cac ", scope.start)
        ):
            clause = _clause_start(doc.work, scope.start, s)
            if not pat.subject_lead.match(doc.work[clause : scope.start]):
                continue  # an object ("duy trì Trung tâm …"), not the clause's subject
        if scope.kind in ("subunit", "level"):
            before = folded[max(s, scope.start - 40) : scope.start]
            after = folded[scope.end : min(e, scope.end + 30)]
            if pat.source_before.search(before) or pat.source_after.search(after):
                continue
            if pat.sub_province_level.match(folded, scope.start):
                continue
            # a province's own city: "thành phố Hà Nội"
            if scope.kind == "subunit" and re.match(
                r"(?:thanh pho|tp\.?)\s", folded[scope.start :]
            ):
                p = _resolve(re.sub(r"^(?:thành phố|TP\.?|Tp\.?)\s*", "", scope.label), period)
                if p is not None and p.kind == "city":
                    continue
        kept.append(scope)
    return kept


def _scope_at(
    scopes: Sequence[_Scope],
    position: int,
    default: tuple[str, str | None],
    named_only: bool,
    work: str = "",
) -> tuple[str, str | None]:
    """Return (scope label, other province name) in force at a position of the sentence.
    With ``named_only`` (the document names no province) 'của tỉnh' keeps the province the
    sentence named; a level right after a unit narrows it ('tỉnh Hà Giang (cũ), các xã')."""
    label, other = default
    unit_end: int | None = None  # end of the named unit in force, if any
    for scope in scopes:
        if scope.start >= position:
            break
        if position > scope.until:
            continue
        if scope.kind == "province":
            if not (named_only and other):
                label, other = PROVINCE_SCOPE, None
        elif scope.kind.startswith("other_province:"):
            label, other = scope.label, scope.kind.split(":", 1)[1]
        elif (
            scope.kind == "level"
            and unit_end is not None
            and ";" not in work[unit_end : scope.start]
        ):
            label = f"{label}: {scope.label}"  # "tỉnh Hà Giang (cũ): các xã"
            unit_end = None
            continue
        else:
            label, other = scope.label, None
        unit_end = scope.end if scope.kind == "subunit" else None
    return label, other


# ============================================================================================
# The document
# ============================================================================================


@dataclass
class _Doc:
    text: str
    folded: str
    work: str
    lines: list[_Line]
    sentences: list[_Sentence]
    periods: list[_PeriodMention]
    headline: tuple[int, int] | None
    province_mentions: list[_ProvinceMention] = field(default_factory=list)
    labels: list[tuple[int, int]] = field(default_factory=list)
    period_forced: bool = False  # --period given: only another year overrides it

    def in_furniture(self, position: int) -> bool:
        for line in self.lines:
            if line.start <= position <= line.end:
                return line.furniture
        return False

    def line_of(self, position: int) -> int:
        for line in self.lines:
            if line.start <= position <= line.end:
                return line.number
        return self.lines[-1].number if self.lines else 1


def _document(text: str) -> _Doc:
    """Prepare a text: folded, furniture set aside, sentences, periods, masks."""
    folded = fold(text)
    raw_lines = _lines(text)
    flags = _furniture_flags(folded, raw_lines)
    lines = [_Line(n, s, e, f) for (n, s, e), f in zip(raw_lines, flags, strict=True)]
    periods = _period_mentions(text, folded)
    work = _masked_text(folded, periods)
    sentences = _sentences(text, folded, lines)
    headline = None
    for line in lines:
        content = text[line.start : line.end].strip()
        if line.furniture or not content:
            continue
        if len(content) <= 250 and not content.endswith((".", ":", ";")):
            headline = _strip_span(text, line.start, line.end)
        break
    doc = _Doc(text, folded, work, lines, sentences, periods, headline)
    doc.labels = [m.span() for m in _patterns().labels.finditer(folded)]
    doc.province_mentions = _province_mentions(doc)
    return doc


# ============================================================================================
# Figures
# ============================================================================================


@dataclass(frozen=True)
class _Context:
    left: str  # the clause before the number (work text, from the last , ; ( or figure)
    left_any: str  # the sentence before the number (not across a figure or into a parenthesis)
    right: str  # the clause after the number
    right_any: str  # the sentence after the number (to the next figure or ';')
    topic: str  # this sentence and the one before (work text)
    left_offset: int
    right_offset: int
    left_any_offset: int
    right_any_offset: int


_BOUNDARY = re.compile(r"[,;()\[\]]|\s[-–]\s")


def _clause_start(work: str, start: int, floor: int) -> int:
    cut = floor
    for match in _BOUNDARY.finditer(work, floor, start):
        cut = match.end()
    return cut


def _clause_end(work: str, end: int, ceiling: int) -> int:
    match = _BOUNDARY.search(work, end, ceiling)
    return match.start() if match else ceiling


def _open_paren(work: str, floor: int, position: int) -> int | None:
    """Just after the last '(' still open at ``position``, else None."""
    stack: list[int] = []
    for i in range(floor, position):
        if work[i] == "(":
            stack.append(i)
        elif work[i] == ")" and stack:
            stack.pop()
    return stack[-1] + 1 if stack else None


def _context(
    doc: _Doc,
    sentence: _Sentence,
    previous_sentence: _Sentence | None,
    tokens: Sequence[_Token],
    i: int,
    last_figure_end: int | None,
) -> _Context:
    work = doc.work
    token = tokens[i]
    prev_end = tokens[i - 1].end if i > 0 else sentence.start
    next_start = tokens[i + 1].start if i + 1 < len(tokens) else sentence.end
    left_start = _clause_start(work, token.start, prev_end)
    right_end = _clause_end(work, token.end, next_start)
    any_start = max(sentence.start, token.start - 160, last_figure_end or sentence.start)
    paren = _open_paren(work, sentence.start, token.start)
    if paren is not None:
        any_start = max(any_start, paren)
    semicolon = work.find(";", token.end, next_start)
    right_any_end = semicolon if semicolon >= 0 else next_start
    topic_start = previous_sentence.start if previous_sentence else sentence.start
    return _Context(
        left=work[left_start : token.start],
        left_any=work[any_start : token.start],
        right=work[token.end : right_end],
        right_any=work[token.end : right_any_end],
        topic=work[topic_start : sentence.end],
        left_offset=left_start,
        right_offset=token.end,
        left_any_offset=any_start,
        right_any_offset=token.end,
    )


@dataclass(frozen=True)
class _Match:
    rule: _Rule
    tier: int  # 3 after, 2 before, 1 left_any/right_any, 0 noun alone
    cue_start: int  # in the document
    cue_end: int
    bonus: int  # 1 when when_after applied

    def key(self, number_start: int) -> tuple[int, int, int, int, int]:
        distance = (
            abs(number_start - self.cue_end)
            if self.cue_end <= number_start
            else abs(self.cue_start - number_start)
        )
        return (self.tier, self.bonus, -distance, self.cue_end - self.cue_start, -self.rule.order)


def _noun_ok(rule: _Rule, noun: str | None, topic: str) -> bool:
    pat = _patterns()
    if noun == "other":
        return False
    if noun is None:
        if not rule.nouns or set(rule.nouns) & {
            "percent",
            "amount",
            "points",
            "people",
            "headcount",
        }:
            return False
        return any(c in pat.topics and pat.topics[c].search(topic) for c in rule.nouns)
    return noun in rule.nouns


_PUNCT = " \t:=_.–—-\"'"


def _suffix_cuts(text: str) -> list[int]:
    """Positions p such that ``text[p:]`` holds only fillers, nouns and punctuation (the end
    first): where a cue before a number may end."""
    pattern = _patterns().trailing_filler
    cuts: list[int] = []
    end = len(text)
    while True:
        while end > 0 and text[end - 1] in _PUNCT:
            end -= 1
        cuts.append(end)
        match = pattern.search(text, 0, end)
        if not match or match.start() >= end:
            return cuts
        end = match.start()


def _prefix_cuts(text: str) -> list[int]:
    """Positions p such that ``text[:p]`` holds only a noun, fillers and punctuation (the start
    first): where a cue after a number may start."""
    pattern = _patterns().leading_filler
    cuts: list[int] = []
    position = 0
    while True:
        while position < len(text) and text[position] in _PUNCT + ",":
            position += 1
        cuts.append(position)
        match = pattern.match(text, position)
        if not match or match.end() <= position:
            return cuts
        position = match.end()


def _match_rules(
    ctx: _Context,
    noun: str | None,
    is_pair: bool,
    previous: str | None,
    number_start: int,
    number_end: int,
    changed: bool,
) -> _Match | None:
    """Return the best rule for a number, or None."""
    best: _Match | None = None
    suffixes = _suffix_cuts(ctx.left)
    prefixes = _prefix_cuts(ctx.right)
    for rule in _patterns().rules:
        if rule.pair_only and not is_pair:
            continue
        if changed and not rule.allow_change:
            continue
        if not _noun_ok(rule, noun, ctx.topic):
            continue
        if rule.when_after and previous not in rule.when_after:
            continue
        if rule.not_near and (
            rule.not_near.search(ctx.left_any) or rule.not_near.search(ctx.right)
        ):
            continue
        bonus = 1 if rule.when_after else 0
        candidates: list[_Match] = []
        if rule.after:
            for cut in prefixes:
                m = rule.after.match(ctx.right, cut)
                if m:
                    start = ctx.right_offset + m.start("cue")
                    # an ignore rule's qualifier does not overrule a cue before the number
                    tier = 3 if rule.indicator else 1
                    candidates.append(
                        _Match(rule, tier, start, ctx.right_offset + m.end("cue"), bonus)
                    )
                    break
        if rule.before:
            for cut in suffixes:
                m = rule.before.search(ctx.left, 0, cut)
                if m:
                    start = ctx.left_offset + m.start("cue")
                    candidates.append(_Match(rule, 2, start, ctx.left_offset + m.end("cue"), bonus))
                    break
        if rule.left_any:
            last = None
            for m in rule.left_any.finditer(ctx.left_any):
                last = m
            if last:
                start = ctx.left_any_offset + last.start("cue")
                candidates.append(
                    _Match(rule, 1, start, ctx.left_any_offset + last.end("cue"), bonus)
                )
        if rule.right_any:
            m = rule.right_any.search(ctx.right_any)
            if m:
                start = ctx.right_any_offset + m.start("cue")
                candidates.append(
                    _Match(rule, 1, start, ctx.right_any_offset + m.end("cue"), bonus)
                )
        if not (rule.before or rule.after or rule.left_any or rule.right_any):
            candidates.append(_Match(rule, 0, number_start, number_end, bonus))
        for candidate in candidates:
            if best is None or candidate.key(number_start) > best.key(number_start):
                best = candidate
    return best


def _bound(left: str) -> tuple[str, int]:
    """Return (bound kind or '', length of the bound words) for the clause before a number."""
    for kind, pattern in _patterns().bounds:
        match = pattern.search(left)
        if match:
            return kind, len(left) - match.start()
    return "", 0


_BOUND_NOTES = {"lower": "lower bound", "upper": "upper bound", "approx": "approximate"}
_BOUND_PENALTY = {"": 0.0, "lower": 0.3, "upper": 0.3, "approx": 0.2}


@cache
def _catalogue_units() -> dict[str, tuple[str, float | None, float | None]]:
    from cchc_analysis.catalogue import load_catalogue

    return {
        row["id"]: (row["unit"], row["min"], row["max"])
        for row in load_catalogue().iter_rows(named=True)
    }


@dataclass
class _Found:
    """A figure before province, period and reconciliation are settled."""

    indicator: str
    value: float
    text: str
    start: int
    end: int
    sentence: _Sentence
    cue: str
    confidence: float
    bound: str
    notes: list[str]
    scope: str
    other_province: str | None
    period: Period | None
    period_note: str
    noun: str | None = None  # what the number counted ('dossier', 'percent', …)


@dataclass(frozen=True)
class _Share:
    """A percentage stated next to a figure ('quá hạn 1.210 hồ sơ (chiếm 0,24%)')."""

    of: _Found
    percent: float
    text: str
    decimals: int
    start: int
    end: int


def _decimals(text: str) -> int:
    return len(text.split(",")[1]) if "," in text else 0


def _value_of(text: str, noun: str | None, scale: float, factor: float) -> tuple[float, list[str]]:
    """Read a figure; a count written '512,304' (English grouping) is read as 512304."""
    value = parse_vi_number(text)
    notes: list[str] = []
    assert value is not None
    if (
        noun not in ("percent", "amount", "points", None)
        and scale == 1
        and re.fullmatch(r"[1-9]\d{0,2},\d{3}", text)
    ):
        value = float(text.replace(",", ""))
        notes.append("',' read as a thousands separator")
    if noun == "amount":
        value *= factor * scale if scale != 1 else factor
    else:
        value *= scale
    return value, notes


def _sentence_period(
    doc: _Doc, sentence: _Sentence, position: int, default: Period | None, carry: _Carry
) -> tuple[Period | None, str, bool]:
    """Return (period, note, skip) for a figure: the sentence's own period phrase when it has
    one (a year-only phrase of the document's year keeps the document's finer period), else
    the one carried from the sentence before on the same line; skip when it is a month or a
    span of years."""
    inside = [
        m
        for m in doc.periods
        if sentence.start <= m.start < sentence.end and m.context in ("normal",)
    ]
    if not inside:
        if carry.note or carry.skip:
            return carry.period, carry.note, carry.skip
        return default, "", False
    before = [m for m in inside if m.start < position]
    mention = before[-1] if before else inside[0]
    if mention.kind in ("month", "span"):
        return None, f"period '{mention.text.strip()}' is not a reporting period", True
    year = default.year if default else None
    period = _complete(mention, year)
    if period is None:
        return default, "", False
    if (
        default is not None
        and period.year == default.year
        and (period.is_annual or doc.period_forced)
    ):
        return default, "", False
    if default is not None and period == default:
        return default, "", False
    return period, f"period from the sentence: '{mention.text.strip()}'", False


@dataclass(frozen=True)
class _Reading:
    """A number as it reads where it stands."""

    noun: str | None  # noun class after it, None (none), 'other' (an unknown word)
    consumed: int  # characters of scale word and noun after it
    scale: float  # 'triệu' → 1e6
    amount_factor: float  # 'nghìn tỷ đồng' → 1000 (VND billion)
    bound: str  # '', 'lower', 'upper', 'approx'
    bound_len: int  # characters of the bound words before it
    changed: bool  # 'tăng 12%': a change, not a level


def _read_number(
    doc: _Doc, sentence: _Sentence, tokens: Sequence[_Token], i: int, ctx: _Context
) -> _Reading | None:
    """Return how a number reads, or None when it is no figure of the period: a code ('0203'),
    a year, a comparison with another period, a target, a rate per day or month."""
    pat = _patterns()
    token = tokens[i]
    noun, consumed, scale = _noun_at(ctx.right)
    amount_factor = 1.0
    if noun == "amount":
        scale, amount_factor = 1.0, scale
    if token.a.startswith("0") and len(token.a.split(",")[0]) >= 3:
        return None  # a phone or code fragment ("01 dịch vụ" passes)
    if not token.is_pair and re.fullmatch(_YEAR, token.a) and noun in (None, "other"):
        return None  # a year
    bound, bound_len = _bound(ctx.left)
    core = ctx.left[: len(ctx.left) - bound_len] if bound_len else ctx.left
    changed = bool(pat.change.search(core.rstrip(" _")))
    if not changed and (
        pat.comparison.search(ctx.left) or _other_period_before(doc, sentence, tokens, i)
    ):
        return None
    if pat.target.search(ctx.left) or pat.target.search(ctx.right):
        return None
    if pat.per_unit.search(ctx.left) or pat.per_unit.search(ctx.left_any):
        return None
    return _Reading(noun, consumed, scale, amount_factor, bound, bound_len, changed)


def _as_share(
    doc: _Doc,
    tokens: Sequence[_Token],
    i: int,
    ctx: _Context,
    reading: _Reading,
    last: _Found | None,
) -> _Share | None:
    """A percentage that restates the previous figure of the clause ('quá hạn 1.210 hồ sơ
    (chiếm 0,24%)', 'hoàn thành 28/40 nhiệm vụ, đạt 70%'), else None."""
    token = tokens[i]
    if reading.noun != "percent" or token.is_pair or last is None or i == 0:
        return None
    between = doc.work[last.end : token.start]
    if (
        tokens[i - 1].end < last.end
        or _catalogue_units().get(last.indicator, ("",))[0] == "percent"
        or last.indicator.endswith("_pct")
        or ";" in between
        or token.start - last.end > 90
        or not _patterns().share.match(ctx.left)
        or not (ctx.left.strip(" _:") or re.search(r"\(\s*$", between))
    ):
        return None
    value = parse_vi_number(token.a)
    if value is None:
        return None
    text = doc.text[token.start : token.a_end]
    return _Share(last, value, text, _decimals(token.a), token.start, token.end)


def _on_time_share(doc: _Doc, share: _Share) -> _Found | None:
    """'trước và đúng hạn 497.350 hồ sơ (đạt 99,76%)': the share is dossier.on_time_pct."""
    last = share.of
    if last.indicator != "_dossier.early_or_on_time":
        return None
    return replace(
        last,
        indicator="dossier.on_time_pct",
        value=share.percent,
        text=share.text,
        start=share.start,
        end=share.end,
        cue=f"{doc.text[last.start : last.end]} … {share.text}%",
        confidence=round(last.confidence - 0.05, 2),
        bound="",
        notes=["share of the early-or-on-time count"],
    )


def _equivalent_count(ctx: _Context, reading: _Reading, last: _Found | None) -> str | None:
    """'trực tuyến chiếm 48,2%, tương đương 153.406 hồ sơ': the count a stated percentage
    stands for (data: percent_counts), else None."""
    if last is None or reading.noun not in ("dossier", None) or not _EQUIVALENT.match(ctx.left):
        return None
    return _patterns().percent_counts.get(last.indicator)


def _restated(
    doc: _Doc, token: _Token, ctx: _Context, reading: _Reading, indicator: str, last: _Found
) -> _Found:
    """The count restating the previous percentage, in that percentage's context."""
    value, notes = _value_of(token.a, reading.noun, reading.scale, reading.amount_factor)
    bound_note = [_BOUND_NOTES[reading.bound]] if reading.bound else []
    return replace(
        last,
        indicator=indicator,
        value=value,
        text=doc.text[token.start - reading.bound_len : token.end].strip(),
        start=token.start,
        end=token.end,
        cue=f"{last.cue} … {doc.text[ctx.left_offset : token.start].strip()}",
        confidence=round(last.confidence - 0.1 - _BOUND_PENALTY[reading.bound], 2),
        bound=reading.bound,
        notes=[*bound_note, *notes, "restates the percentage before it"],
    )


_EQUIVALENT = re.compile(r"^[\s_]*(?:tuong duong|tuong ung|tuc la|voi|bang)[\s_:]*$")


def _level_after_noun(doc: _Doc, token: _Token, reading: _Reading) -> str | None:
    """A level named right after the noun ('1.423 TTHC cấp tỉnh'), as written, else None."""
    if reading.noun in ("unit", "onestop"):
        return None  # "124/124 Trung tâm … cấp xã" counts units of that level
    at = token.end + reading.consumed
    level = re.match(r"\s*(cap (?:tinh|huyen|xa))(?![a-z])", doc.work[at : at + 16])
    if not level:
        return None
    return doc.text[at + level.start(1) : at + level.end(1)]


def _enumerated(
    doc: _Doc, scopes: Sequence[_Scope], token: _Token, last: _Found, noun: str | None
) -> bool:
    """True when nothing but a unit's name, the noun and punctuation stands between the previous
    figure and this one: 'tiếp nhận 512.304 hồ sơ, trong đó cấp tỉnh 120.000, cấp huyện …'."""
    gap = doc.work[last.end : token.start]
    for scope in scopes:
        if last.end <= scope.start < token.start:
            gap = gap.replace(doc.work[scope.start : scope.end], " ")
    gap = re.sub(
        r"trong do|con lai|(?<![a-z])(?:va|dat|la|co|chiem|voi|rieng)(?![a-z])|[:,;()_%-]", " ", gap
    )
    for _, noun_pattern in _patterns().nouns:
        gap = re.sub(noun_pattern.pattern.lstrip("^"), " ", gap)
    return not gap.strip() and noun in (None, last.noun)


def _pair_figures(current: _Found, token: _Token, reading: _Reading) -> list[_Found]:
    """Both figures of 'x/y' (completed of planned, units of all units, late of received)."""
    pat = _patterns()
    indicator = current.indicator
    numerators = [k for k, v in pat.pairs.items() if v == indicator]
    if indicator not in pat.pairs and len(numerators) == 1:
        current = replace(current, indicator=numerators[0])  # the cue named the whole
    denominator = pat.pairs.get(current.indicator)
    whole = parse_vi_number(token.b or "")
    if denominator is None or whole is None or whole < current.value:
        return []  # not a part of a whole ("15/10")
    notes = [*current.notes, f"x/y: {token.a}/{token.b}"]
    scale = reading.scale if reading.noun != "amount" else 1.0
    return [
        replace(current, notes=notes),
        replace(
            current,
            indicator=denominator,
            value=whole * scale,
            start=token.end - len(token.b or ""),
            end=token.end,
            notes=notes,
        ),
    ]


def _find_in_sentence(
    doc: _Doc,
    sentence: _Sentence,
    previous_sentence: _Sentence | None,
    tokens: list[_Token],
    province: Any,
    period: Period | None,
    carry: _Carry,
) -> tuple[list[_Found], list[_Share], list[str], _Carry]:
    """Return the figures, the shares and the skipped-period notes of one sentence, and what
    it carries to the next sentence on its line."""
    scopes = _scopes(doc, sentence, province, period)
    named_only = province is None
    start_scope = (carry.scope, carry.other)
    found: list[_Found] = []
    shares: list[_Share] = []
    skipped: list[str] = []
    last: _Found | None = None
    for i, token in enumerate(tokens):
        ctx = _context(doc, sentence, previous_sentence, tokens, i, last.end if last else None)
        reading = _read_number(doc, sentence, tokens, i, ctx)
        if reading is None:
            continue
        share = _as_share(doc, tokens, i, ctx, reading, last)
        if share is not None:
            shares.append(share)
            on_time = _on_time_share(doc, share)
            found += [on_time] if on_time else []
            continue
        equivalent = _equivalent_count(ctx, reading, last)
        if equivalent is not None:
            assert last is not None
            found.append(_restated(doc, token, ctx, reading, equivalent, last))
            last = found[-1]
            continue
        previous = last.indicator if last else None
        match = _match_rules(
            ctx, reading.noun, token.is_pair, previous, token.start, token.end, reading.changed
        )
        scope, other = _scope_at(scopes, token.start, start_scope, named_only, doc.work)
        level = _level_after_noun(doc, token, reading)
        if level:
            scope, other = level, None
        if match is not None:
            if match.rule.indicator is None:
                continue  # recognised, but no catalogue indicator
            indicator = match.rule.indicator
            cue = doc.text[match.cue_start : match.cue_end]
            confidence = {3: 0.9, 2: 0.9, 1: 0.75, 0: 0.7}[match.tier]
            if reading.noun is None and match.tier >= 2:
                confidence -= 0.1
            notes: list[str] = []
        elif (
            last is not None
            and (level or scope != last.scope)
            and _enumerated(doc, scopes, token, last, reading.noun)
        ):
            indicator, cue, confidence = last.indicator, last.cue, 0.65
            notes = [f"enumerated after {last.indicator}"]
        else:
            continue
        value, read_notes = _value_of(token.a, reading.noun, reading.scale, reading.amount_factor)
        notes = ([_BOUND_NOTES[reading.bound]] if reading.bound else []) + notes + read_notes
        confidence -= _BOUND_PENALTY[reading.bound] + (0.2 if read_notes else 0.0)
        fig_period, period_note, skip = _sentence_period(doc, sentence, token.start, period, carry)
        if skip:
            skipped.append(period_note)
            continue
        unit = _catalogue_units().get(indicator, ("", None, None))[0]
        if unit == "percent" and reading.noun != "percent" and not token.is_pair:
            continue
        current = _Found(
            indicator=indicator,
            value=value,
            text=doc.text[token.start - reading.bound_len : token.end].strip(),
            start=token.start,
            end=token.a_end,
            sentence=sentence,
            cue=cue,
            confidence=round(max(0.05, min(1.0, confidence)), 2),
            bound=reading.bound,
            notes=notes + ([period_note] if period_note else []),
            scope=scope,
            other_province=other,
            period=fig_period,
            period_note=period_note,
            noun=reading.noun,
        )
        figures = _pair_figures(current, token, reading) if token.is_pair else [current]
        if figures:
            found += figures
            last = figures[0]
    out_period, out_note, out_skip = _sentence_period(doc, sentence, sentence.end, period, carry)
    out_scope, out_other = _scope_at(scopes, sentence.end, start_scope, named_only, doc.work)
    return found, shares, skipped, _Carry(out_scope, out_other, out_period, out_note, out_skip)


_OTHER_PERIOD = re.compile(r"(?<![a-z])(?:cung ky|nam truoc|nam ngoai|ky truoc)(?![a-z])")


def _other_period_before(doc: _Doc, sentence: _Sentence, tokens: Sequence[_Token], i: int) -> bool:
    """True when the sentence, before this number and since the previous one (or a ';'),
    speaks of another period ('Cùng kỳ năm 2022, tỉnh tiếp nhận 450.112 hồ sơ'); a 'so với
    cùng kỳ' that follows the previous number belongs to that number."""
    start = tokens[i - 1].end if i > 0 else sentence.start
    window = doc.work[start : tokens[i].start]
    window = window[window.rfind(";") + 1 :]
    if i > 0:
        window = re.sub(r"^[^,;(]*so voi[^,;]*[,;]?", "", window)
    return bool(_OTHER_PERIOD.search(window))


# ============================================================================================
# Cross-checks and reconciliation
# ============================================================================================


def _warning(
    figure: Figure, rule: str, vi: str, en: str, value: str | None = None
) -> ExtractWarning:
    return ExtractWarning(
        file=figure.file,
        row=figure.line,
        province=figure.province,
        period=figure.period,
        indicator=figure.indicator,
        column="value",
        value=figure.text if value is None else value,
        rule=rule,
        severity="warning",
        message_vi=vi,
        message_en=en,
    )


def _fmt(value: float) -> str:
    """A number written the Vietnamese way: 1001230 → '1.001.230', 98.41 → '98,41'."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    return f"{value:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def _terms(expression: str) -> list[str]:
    return [t.strip() for t in expression.split("+") if t.strip()]


def _sum(values: dict[str, Figure], expression: str) -> float | None:
    total = 0.0
    for term in _terms(expression):
        if term not in values:
            return None
        total += values[term].value
    return total


def _identities() -> list[dict[str, Any]]:
    from cchc_analysis.validate import load_identities

    return list(load_identities().iter_rows(named=True))


def _group_key(figure: Figure) -> tuple[str, str, str, str]:
    return (
        figure.file if not figure.province else "",
        figure.province,
        figure.period,
        figure.scope,
    )


def _check_group(
    figures: list[Figure], shares: Sequence[tuple[Figure, _Share]], keep_conflicts: bool
) -> tuple[list[Figure], list[Figure], list[ExtractWarning]]:
    """Reconcile one (province, period, scope) group: duplicates, identities, bounds, stated
    percentages. Return (kept, held back, warnings)."""
    pat = _patterns()
    warnings: list[ExtractWarning] = []
    held: list[Figure] = []
    by_indicator: dict[str, list[Figure]] = {}
    for figure in figures:
        by_indicator.setdefault(figure.indicator, []).append(figure)
    values: dict[str, Figure] = {}
    for indicator, group in by_indicator.items():
        ordered = sorted(group, key=lambda f: (f.bound != "", -f.confidence, f.char_start))
        kept = ordered[0]
        values[indicator] = kept
        for other in ordered[1:]:
            if abs(other.value - kept.value) <= 1e-9 * max(1.0, abs(kept.value)):
                continue
            consistent = (
                (other.bound == "lower" and kept.value >= other.value)
                or (other.bound == "upper" and kept.value <= other.value)
                or (
                    other.bound == "approx"
                    and abs(kept.value - other.value) <= 0.1 * abs(kept.value)
                )
            )
            if other.bound and not kept.bound and consistent:
                continue
            warnings.append(
                _warning(
                    other,
                    "extract_conflicting_values",
                    f"Văn bản nêu hai giá trị cho {indicator}: {_fmt(kept.value)} (dòng "
                    f"{kept.line}) và {_fmt(other.value)} (dòng {other.line}); giữ giá trị đầu",
                    f"The text gives two values for {indicator}: {_fmt(kept.value)} (line "
                    f"{kept.line}) and {_fmt(other.value)} (line {other.line}); the first is kept",
                )
            )
            if keep_conflicts:
                continue
            held.append(other)
    # catalogue bounds
    for indicator, figure in list(values.items()):
        if figure.internal:
            continue
        _, low, high = _catalogue_units().get(indicator, ("", None, None))
        if (low is not None and figure.value < low) or (high is not None and figure.value > high):
            warnings.append(
                _warning(
                    figure,
                    "extract_out_of_bounds",
                    f"{indicator} = {_fmt(figure.value)} nằm ngoài giới hạn của danh mục",
                    f"{indicator} = {_fmt(figure.value)} is outside the catalogue's bounds",
                )
            )
            if not keep_conflicts:
                held.append(figure)
                del values[indicator]
    # identities (the catalogue's: errors in validation, so a breaking figure is held back)
    specs = [
        (s["id"], s["kind"], s["left"], s["right"], s["tolerance"] or 0.0, s["severity"])
        for s in _identities()
    ]
    specs += [(f"internal:{a}", "equal", a, b, 0.01, "warning") for a, b in pat.internal_identities]
    changed = True
    reported: set[str] = set()
    while changed:
        changed = False
        for rule, kind, left, right, tolerance, severity in specs:
            left_value, right_value = _sum(values, left), _sum(values, right)
            if left_value is None or right_value is None:
                continue
            gap = left_value - right_value
            broken = abs(gap) > tolerance if kind == "equal" else gap > tolerance
            if not broken:
                continue
            involved = [values[t] for t in _terms(left) + _terms(right)]
            culprit = min(involved, key=lambda f: (f.confidence, -f.char_start))
            sign = "=" if kind == "equal" else "≤"
            if rule not in reported:
                reported.add(rule)
                detail = f"{left} = {_fmt(left_value)}, {right} = {_fmt(right_value)}"
                warnings.append(
                    _warning(
                        culprit,
                        f"extract_identity:{rule}",
                        f"Số liệu trích xuất không thỏa {left} {sign} {right} ({detail})"
                        + (
                            ""
                            if severity != "error" or keep_conflicts
                            else f"; tạm giữ lại {culprit.indicator} = {_fmt(culprit.value)}"
                        ),
                        f"Extracted figures break {left} {sign} {right} ({detail})"
                        + (
                            ""
                            if severity != "error" or keep_conflicts
                            else f"; {culprit.indicator} = {_fmt(culprit.value)} held back"
                        ),
                    )
                )
            if severity == "error" and not keep_conflicts and not all(f.internal for f in involved):
                candidates = [f for f in involved if not f.internal] or involved
                culprit = min(candidates, key=lambda f: (f.confidence, -f.char_start))
                held.append(culprit)
                del values[culprit.indicator]
                changed = True
                break
    # stated percentages against the counts they restate
    for figure, share in shares:
        denominators = pat.shares.get(figure.indicator, ())
        present = [d for d in denominators if d in values and values[d].value > 0]
        if not present or figure.indicator not in values:
            continue
        tolerance = 10.0 ** (-share.decimals) + 1e-9
        computed = {d: 100.0 * figure.value / values[d].value for d in present}
        if any(abs(c - share.percent) <= tolerance for c in computed.values()):
            continue
        d, c = next(iter(computed.items()))
        warnings.append(
            _warning(
                figure,
                "extract_share_mismatch",
                f"Tỷ lệ nêu {share.text}% không khớp {_fmt(figure.value)}/{_fmt(values[d].value)}"
                f" = {_fmt(round(c, 2))}% ({figure.indicator}/{d})",
                f"The stated {share.text}% does not match {_fmt(figure.value)}/"
                f"{_fmt(values[d].value)} = {c:.2f}% ({figure.indicator}/{d})",
                value=share.text + "%",
            )
        )
    for indicator, formulas in pat.rates.items():
        if indicator not in values:
            continue
        stated = values[indicator]
        decimals = _decimals(stated.text.split()[-1].rstrip("%")) if stated.text else 0
        tolerance = max(10.0 ** (-decimals), 0.01) + (0.5 if stated.bound else 0)
        for numerator, denominator in formulas:
            top, bottom = _sum(values, numerator), _sum(values, denominator)
            if top is None or bottom is None or bottom <= 0:
                continue
            rate = 100.0 * top / bottom
            if abs(rate - stated.value) > tolerance:
                warnings.append(
                    _warning(
                        stated,
                        "extract_rate_mismatch",
                        f"{indicator} nêu {_fmt(stated.value)}% nhưng ({numerator})/"
                        f"({denominator}) = {_fmt(round(rate, 2))}%",
                        f"{indicator} is stated as {_fmt(stated.value)}% but ({numerator})/"
                        f"({denominator}) = {rate:.2f}%",
                    )
                )
            break
    survivors = [f for f in figures if f not in held and values.get(f.indicator) is f]
    return survivors, held, warnings


def cross_check(figures: Sequence[Figure], keep_conflicts: bool = True) -> list[ExtractWarning]:
    """Return the warnings the cross-checks raise on figures: the catalogue identities, the
    internal ones (early-or-on-time + late = resolved), bounds, and repeated keys with
    different values."""
    warnings: list[ExtractWarning] = []
    groups: dict[tuple[str, str, str, str], list[Figure]] = {}
    for figure in figures:
        groups.setdefault(_group_key(figure), []).append(figure)
    for group in groups.values():
        warnings += _check_group(group, (), keep_conflicts)[2]
    return warnings


# ============================================================================================
# Extraction
# ============================================================================================


def _as_period(period: str | Period | None) -> Period | None:
    if period is None or isinstance(period, Period):
        return period
    return parse_period(period)


# A sentence that goes on with the previous one's subject ("Đã có kết quả …", "Trong đó …").
_CONTINUES = re.compile(
    r"[\s\-+•*\"(]*(?:da|dang|co|trong do|trong so|ngoai ra|con|so ho so|ho so|tiep nhan|"
    r"giai quyet|ket qua|tong so|ty le)(?![a-z])"
)


@dataclass
class _Raw:
    """One text's figures before reconciliation."""

    info: DocumentInfo
    figures: list[Figure]
    shares: list[tuple[Figure, _Share]]
    warnings: list[ExtractWarning]


def _extract_document(
    text: str,
    file: str,
    province: str | None,
    period: str | Period | None,
    encoding: str,
) -> _Raw:
    """Find the figures of one text; nothing is reconciled yet."""
    from cchc_analysis.registry import resolve_province

    text = unicodedata.normalize("NFC", text)
    doc = _document(text)
    forced_period = _as_period(period)
    doc_period: Period | None
    if forced_period is not None:
        doc.period_forced = True
        doc_period, period_how = forced_period, "option --period"
    else:
        doc_period, period_how = _document_period(doc)
    candidates: list[str] = []
    if province is not None:
        doc_province = resolve_province(province, doc_period or Period(2024))
        province_how = "option --province"
    else:
        doc_province, province_how, candidates = _document_province(doc, doc_period)
    # a headline about one unit ("Sở Tư pháp: …", "Huyện Tiên Yên tiếp nhận …") scopes the text
    default_scope = PROVINCE_SCOPE
    if doc.headline:
        head = _Sentence(doc.headline[0], doc.headline[1], doc.line_of(doc.headline[0]), 0, -1)
        units = [s for s in _scopes(doc, head, doc_province, doc_period) if s.kind == "subunit"]
        if units and units[0].start - doc.headline[0] <= 12:
            default_scope = units[0].label
    tokens = [t for t in _tokens(doc.work) if not any(a <= t.start < b for a, b in doc.labels)]
    founds: list[_Found] = []
    shares: list[_Share] = []
    skipped: dict[tuple[int, str], None] = {}
    previous: _Sentence | None = None
    fresh = _Carry(scope=default_scope)
    carry = fresh
    for sentence in doc.sentences:
        inside = [t for t in tokens if sentence.start <= t.start < sentence.end]
        same_block = previous if previous and previous.block == sentence.block else None
        if previous is None or previous.line != sentence.line:
            carry = fresh
        elif not _CONTINUES.match(doc.folded, sentence.start):
            carry = replace(carry, scope=fresh.scope, other=None)  # a new subject may follow
        f, s, k, carry = _find_in_sentence(
            doc, sentence, same_block, inside, doc_province, doc_period, carry
        )
        founds += f
        shares += s
        skipped.update({(sentence.line, note): None for note in k})
        previous = sentence
    by_found = {id(f): _figure(doc, file, f, doc_province) for f in founds}
    info = DocumentInfo(
        file=file,
        encoding=encoding,
        province=doc_province.name_vi if doc_province is not None else "",
        province_how=province_how,
        province_candidates=tuple(candidates),
        period=str(doc_period) if doc_period else "",
        period_how=period_how,
        headline=text[doc.headline[0] : doc.headline[1]] if doc.headline else "",
    )
    warnings = [
        ExtractWarning(
            file,
            line,
            info.province,
            info.period,
            "",
            "period",
            "",
            "extract_unsupported_period",
            "warning",
            "Bỏ qua số liệu của câu: "
            + note.replace("is not a reporting period", "không phải kỳ báo cáo"),
            f"Figures of the sentence skipped: {note}",
        )
        for line, note in skipped
    ]
    for missing, how, have in (
        ("province", province_how, info.province),
        ("period", period_how, info.period),
    ):
        if not have:
            what = "tỉnh" if missing == "province" else "kỳ báo cáo"
            warnings.append(
                ExtractWarning(
                    file,
                    None,
                    info.province,
                    info.period,
                    "",
                    missing,
                    "",
                    f"extract_no_{missing}",
                    "warning",
                    f"Không xác định được {what} từ văn bản ({how}): dùng --{missing}",
                    f"No {missing} could be taken from the text ({how}): pass --{missing}",
                )
            )
    return _Raw(
        info=info,
        figures=list(by_found.values()),
        shares=[(by_found[id(s.of)], s) for s in shares if id(s.of) in by_found],
        warnings=warnings,
    )


def _finish(raws: Sequence[_Raw], keep_conflicts: bool) -> Extraction:
    """Reconcile the figures of one or more texts together and count them per text."""
    result = Extraction()
    for raw in raws:
        result.warnings += raw.warnings
    _reconcile(
        result,
        [f for raw in raws for f in raw.figures],
        [pair for raw in raws for pair in raw.shares],
        keep_conflicts,
    )
    for raw in raws:
        result.documents.append(
            replace(
                raw.info,
                figures=sum(f.file == raw.info.file for f in result.figures),
                subunit_figures=sum(f.file == raw.info.file for f in result.subunits),
            )
        )
    return result


def extract_text(
    text: str,
    file: str = "<text>",
    *,
    province: str | None = None,
    period: str | Period | None = None,
    encoding: str = "utf-8",
    keep_conflicts: bool = False,
) -> Extraction:
    """Extract the figures of one text (see the module docstring). ``province`` and ``period``
    override what the text says (the province is resolved for the period: ``ProvinceNotFound``
    when it is not a province then). With ``keep_conflicts`` figures that break an identity or
    repeat a key with another value stay in the table (with their warnings)."""
    return _finish([_extract_document(text, file, province, period, encoding)], keep_conflicts)


def extract_files(
    paths: Sequence[Path | str],
    *,
    province: str | None = None,
    period: str | Period | None = None,
    encoding: str | None = None,
    keep_conflicts: bool = False,
) -> Extraction:
    """Extract every file (decoded as ``read_text`` does) and reconcile the figures together:
    two texts giving different values for one province, period and indicator keep the first,
    with a warning."""
    raws = []
    for path in paths:
        text, used = read_text(path, encoding)
        raws.append(_extract_document(text, str(path), province, period, used))
    return _finish(raws, keep_conflicts)


def _reconcile(
    result: Extraction,
    figures: list[Figure],
    shares: list[tuple[Figure, _Share]],
    keep_conflicts: bool,
) -> None:
    """Check each (province, period, scope) group; province figures go to the table, sub-unit
    figures apart; conflicting province figures are held back unless ``keep_conflicts``."""
    groups: dict[tuple[str, str, str, str], list[Figure]] = {}
    for figure in figures:
        groups.setdefault(_group_key(figure), []).append(figure)
    for key, group in groups.items():
        group_shares = [(f, s) for f, s in shares if _group_key(f) == key]
        province_scope = key[3] == PROVINCE_SCOPE
        kept, held, warnings = _check_group(
            group, group_shares, keep_conflicts or not province_scope
        )
        result.warnings += warnings
        result.held_back += held
        public = [f for f in kept if not f.internal]
        (result.figures if province_scope else result.subunits).extend(public)
    result.figures.sort(key=lambda f: (f.file, f.char_start, f.indicator))
    result.subunits.sort(key=lambda f: (f.file, f.char_start, f.indicator))


def _figure(doc: _Doc, file: str, found: _Found, province: Any) -> Figure:
    """Settle a found figure's province (a sentence naming another province), line and text."""
    start, end = _strip_span(doc.text, found.sentence.start, found.sentence.end)
    unit = _catalogue_units().get(found.indicator, ("", None, None))[0]
    name = province.name_vi if province is not None else ""
    scope, confidence = found.scope, found.confidence
    if found.other_province and province is None:
        name, scope = found.other_province, PROVINCE_SCOPE
        confidence = round(confidence - 0.1, 2)
    return Figure(
        file=file,
        province=name,
        period=str(found.period) if found.period else "",
        indicator=found.indicator,
        value=found.value,
        unit=unit,
        scope=scope,
        bound=found.bound,
        note="; ".join(dict.fromkeys(found.notes)),
        evidence=re.sub(r"\s+", " ", doc.text[start:end]),
        char_start=found.start,
        char_end=found.end,
        line=doc.line_of(found.start),
        cue=re.sub(r"\s+", " ", found.cue),
        confidence=confidence,
        text=found.text,
    )


# ============================================================================================
# Frames and files
# ============================================================================================


def _value_text(value: float) -> str:
    """A value as the CSV holds it: '512304', '70.25'; a decimal that would read as a
    Vietnamese thousands group ('1.234') gets a trailing zero ('1.2340')."""
    if float(value).is_integer():
        return str(int(value))
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    if re.fullmatch(r"[1-9]\d{0,2}\.\d{3}", text):
        text += "0"
    return text


def figures_frame(figures: Sequence[Figure]) -> pl.DataFrame:
    """Return figures as the indicator table's long form plus provenance (FIGURE_COLUMNS)."""
    rows = [
        {
            "province": f.province,
            "period": f.period,
            "indicator": f.indicator,
            "value": _value_text(f.value),
            "unit": f.unit,
            "source": f.file,
            "note": f.note,
            "scope": f.scope,
            "bound": f.bound,
            "evidence": f.evidence,
            "char_start": f.char_start,
            "char_end": f.char_end,
            "line": f.line,
            "cue": f.cue,
            "confidence": f.confidence,
        }
        for f in figures
    ]
    return pl.DataFrame(rows, schema=FIGURE_COLUMNS)


def warnings_frame(warnings: Sequence[ExtractWarning]) -> pl.DataFrame:
    """Return warnings in the failures table's columns (WARNING_COLUMNS)."""
    rows = [{name: getattr(w, name) for name in WARNING_COLUMNS} for w in warnings]
    return pl.DataFrame(rows, schema=WARNING_COLUMNS)


def sibling_paths(out: Path | str) -> dict[str, Path]:
    """Return the files written for ``out``: the table, its warnings and its sub-unit rows
    ('x.csv', 'x.warnings.csv', 'x.subunits.csv')."""
    out = Path(out)
    stem = out.name[: -len(out.suffix)] if out.suffix else out.name
    return {
        "figures": out,
        "warnings": out.with_name(f"{stem}.warnings.csv"),
        "subunits": out.with_name(f"{stem}.subunits.csv"),
    }


def write_extraction(extraction: Extraction, out: Path | str) -> dict[str, Path]:
    """Write the table (province figures), the sub-unit figures and the warnings as UTF-8 CSV,
    each atomically and safe to open in a spreadsheet; return their paths."""
    from cchc_analysis.outputs import atomic_write_csv

    paths = sibling_paths(out)
    atomic_write_csv(paths["figures"], figures_frame(extraction.figures))
    atomic_write_csv(paths["subunits"], figures_frame(extraction.subunits))
    atomic_write_csv(paths["warnings"], warnings_frame(extraction.warnings))
    return paths
