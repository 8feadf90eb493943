"""A text prepared for extraction: folded, masked, split; its province and period."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from cchc_analysis.extract.english import (
    english_date_spans,
    english_numbers,
    english_period_mentions,
)
from cchc_analysis.extract.language import (
    ENGLISH,
    current_language,
    detect_language,
    reading_language,
)
from cchc_analysis.extract.letterhead import Letterhead, letterhead
from cchc_analysis.extract.numbers import _hide, _masked_text
from cchc_analysis.extract.patterns import _patterns, as_read, fold
from cchc_analysis.extract.period_mentions import _document_period, _period_mentions
from cchc_analysis.extract.places import _document_province, _province_mentions, bracket_around
from cchc_analysis.extract.text import (
    _furniture_flags,
    _Line,
    _lines,
    _sentences,
    _strip_span,
    label_value_breaks,
    unwrapped_breaks,
)
from cchc_analysis.reference.periods import Period, parse_period

if TYPE_CHECKING:
    from cchc_analysis.extract.period_mentions import _PeriodMention
    from cchc_analysis.extract.places import _ProvinceMention
    from cchc_analysis.extract.text import _Sentence


def detect_period(text: str) -> tuple[Period | None, str]:
    """Return the period a text reports on and where that came from (or why there is none).

    The headline's period phrase wins; else the first period phrase of the body that is not a
    comparison ('so với cùng kỳ năm 2022'), a target or a plan's name. A phrase without its
    year ('9 tháng đầu năm') takes it from the nearest date before it (a dated meeting),
    counting back a year when the period would not yet be over.
    """
    text = as_read(text)
    with reading_language(detect_language(text)):
        return _document_period(_document(text))


def detect_province(text: str, period: str | Period | None = None) -> tuple[Any, str, list[str]]:
    """Return (Province or None, how it was decided, candidate names) for a text.

    Only mentions that resolve to exactly one province (``registry.resolve_province``) count.
    The headline's single province wins; else the one province named in official form ('tỉnh
    X', 'UBND tỉnh X', 'Sở Nội vụ tỉnh X', 'thành phố X' for a city) or, failing that, the one
    province named at all. Several provinces without a clear winner give None: never a guess.
    """
    text = as_read(text)
    when = period if isinstance(period, Period) or period is None else parse_period(period)
    with reading_language(detect_language(text)):
        return _document_province(_document(text), when)


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
    subject_city: str | None = None  # a text about a provincial city ("TP. Nha Trang")
    subject_unit: str | None = None  # a text about a district, town or commune
    language: str = "vi"  # 'en': English numbers, dates and periods (extract.english)
    letterhead: Letterhead | None = None  # an official document's issuer and title
    _period_starts: list[int] = field(default_factory=list)
    section_periods: list[tuple[int, Period]] | None = None  # figure_period, when asked

    @property
    def period_starts(self) -> list[int]:
        """Where each period mention starts (for bisection; the mentions are in text order)."""
        if len(self._period_starts) != len(self.periods):
            self._period_starts = [m.start for m in self.periods]
        return self._period_starts

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


_INDEX_NAMES = (
    (re.compile(r"sipas|chi so (?:muc do )?hai long"), "sipas"),
    (re.compile(r"par ?index|chi so (?:cai cach hanh chinh|cchc)"), "par index"),
    # PAPI's dimensions, under short names the phrase data also knows (a name must fit in the
    # place of "chỉ số này", so that offsets stay)
    (re.compile(r"tham gia cua nguoi dan (?:o )?(?:cap )?co so"), "papi tg"),
    (re.compile(r"cong khai,? (?:minh bach )?trong (?:viec )?(?:ra )?quyet dinh"), "papi cm"),
    (re.compile(r"trach nhiem giai trinh"), "papi gt"),
    (re.compile(r"kiem soat tham nhung"), "papi ts"),
    (re.compile(r"thu tuc hanh chinh cong"), "papi tt"),
    (re.compile(r"cung ung dich vu cong"), "papi dv"),
)
# the name a site gives itself on the line over an article
_SITE_NAME = re.compile(
    r"\s*(?:cong thong tin|trang thong tin|bao dien tu|bao |tap chi|website|(?:e-?)?portal)"
)
_DOMAIN = re.compile(r"(?i)\b[\w-]+\.(?:gov\.vn|com\.vn|org\.vn|vn|com|net|org)\b")
_THIS_INDEX = re.compile(r"(?<![a-z])chi so (?:nay|tren)(?![a-z])")


def _resolve_index_anaphora(work: str, sentences: list[_Sentence]) -> str:
    """Name the index that "chỉ số này" ("Ở chỉ số này, tỉnh X dẫn đầu với 90,61%") refers to:
    the one index named in the closest of the three sentences before, written over the phrase
    (same length, so offsets stay)."""
    for i, sentence in enumerate(sentences):
        for match in _THIS_INDEX.finditer(work, sentence.start, sentence.end):
            for earlier in reversed(sentences[max(0, i - 3) : i]):
                named = {
                    name
                    for pattern, name in _INDEX_NAMES
                    if pattern.search(work, earlier.start, earlier.end)
                }
                if len(named) == 1:
                    name = named.pop().ljust(match.end() - match.start())
                    work = work[: match.start()] + name + work[match.end() :]
                    break
                if named:
                    break  # two indices: which one is meant is not said
    return work


# i and y written for one another: "tỉ lệ"/"tỷ lệ", "quí"/"quý" (same length, offsets stay)
_SPELLINGS = (
    (re.compile(r"(?<![a-z])ti le(?![a-z])"), "ty le"),
    (re.compile(r"(?<![a-z])qui(?![a-z])"), "quy"),
)
# the one-stop desk's name in quotes: 'bộ phận “một cửa” TX.Tân Uyên' (the words move left
# over the opening quote and the closing one becomes a space: same length, offsets stay)
_QUOTED_DESK = re.compile(r"(?<=bo phan )[\"“”'‘’]\s?(mot cua(?: lien thong)?)\s?[\"“”'‘’]")


# both online levels named one after the other: "mức độ 3, mức độ 4" reads as "mức độ 3 và
# mức 4" (a clause ends at the comma, and the count is of both levels together)
_BOTH_LEVELS = re.compile(r"(?<=muc do 3), muc do 4(?=\s*(?:[.;)]|$))")


def _one_spelling(folded: str) -> str:
    """Return the folded text with the common i/y variants written one way, a quoted
    one-stop desk's name without its quotes, and both online levels read as one phrase."""
    for pattern, written in _SPELLINGS:
        folded = pattern.sub(written, folded)
    folded = _BOTH_LEVELS.sub(" va muc 4 ", folded)
    return _QUOTED_DESK.sub(lambda m: m.group(1).ljust(len(m.group())), folded)


def _document(text: str) -> _Doc:
    """Prepare a text (in the language being read): folded, furniture set aside, sentences,
    periods, masks."""
    language = current_language()
    folded = _one_spelling(fold(text))
    if language == ENGLISH:
        folded = english_numbers(folded)  # '108,120' → '108.120', '99.29' → '99,29'
        chars = list(folded)
        for position in unwrapped_breaks(text):  # a sentence wrapped over two lines
            chars[position] = " "
        for position in label_value_breaks(text):  # "Vertical Accountability" over "4.21"
            chars[position] = " "
        folded = "".join(chars)
    else:
        chars = list(folded)
        for position in label_value_breaks(text):  # "Số hồ sơ quá hạn" over "56"
            chars[position] = " "
        folded = "".join(chars)
    raw_lines = _lines(text)
    flags = _furniture_flags(folded, raw_lines)
    lines = [_Line(n, s, e, f) for (n, s, e), f in zip(raw_lines, flags, strict=True)]
    head = letterhead(text, folded, lines)
    if head is not None:  # the letterhead says whose report it is; it holds no figure
        lines = [replace(ln, furniture=True) if ln.end < head.end else ln for ln in lines]
    if language == ENGLISH:
        periods = english_period_mentions(text, folded)
    else:
        periods = _period_mentions(text, folded)
    work = _masked_text(folded, periods)
    if language == ENGLISH:
        masked = list(work)
        for start, end in english_date_spans(folded):
            _hide(masked, start, end)
        work = "".join(masked)
    sentences = _sentences(text, folded, lines)
    work = _resolve_index_anaphora(work, sentences)
    headline = head.title if head is not None else None
    for line in lines if headline is None else []:
        content = text[line.start : line.end].strip()
        if line.furniture or not content:
            continue
        if len(content.split()) <= 3 and not re.search(r"\d", content) and line is not lines[-1]:
            continue  # a section's name over the headline ("Kinh tế", "Thời sự", "Society")
        if _SITE_NAME.match(folded, line.start) and (content.isupper() or "|" in content):
            continue  # the site's banner ("CỔNG THÔNG TIN ĐIỆN TỬ TỈNH LẠNG SƠN")
        if _DOMAIN.search(content) and not re.search(r"\d", _DOMAIN.sub("", content)):
            continue  # the site's name as its address ("Vietnam.vn - Platform for promoting …")
        items = content.split("|")
        if len(items) >= 2 and items[0].strip().isupper() and len(items[0].split()) <= 5:
            continue  # the site's banner and its edition ("BAC LIEU ONLINE | English edition")
        short = [item for item in items if len(re.findall(r"\w+", item)) <= 4]
        crumbs = re.split(r"\s[>›»]\s", content)  # a breadcrumb: "Chính trị > Cải cách …"
        sections = re.split(r"\s[-–/]\s", content)  # "Politics - Administrative reform"
        if (
            (len(items) >= 3 and len(short) >= max(3, len(items) - 1))
            or (len(crumbs) >= 2 and all(len(re.findall(r"\w+", c)) <= 5 for c in crumbs))
            or (len(sections) >= 2 and all(len(re.findall(r"\w+", c)) <= 3 for c in sections))
        ):
            continue  # a menu ("Tin tức - Sự kiện | Chỉ đạo điều hành | …")
        if len(content) <= 250 and not content.endswith((".", ":", ";")):
            headline = _strip_span(text, line.start, line.end)
        break
    doc = _Doc(
        text, folded, work, lines, sentences, periods, headline, language=language, letterhead=head
    )
    doc.labels = [m.span() for m in _patterns().labels.finditer(folded)]
    doc.province_mentions = _province_mentions(doc)
    doc.work = _without_place_qualifiers(doc)
    return doc


# "… trên địa bàn tỉnh Lạng Sơn là 67.890", "… của các cấp trên địa bàn tỉnh là 1.876 thủ
# tục": where a figure belongs, said between its cue and the number
_QUALIFIER_LEAD = re.compile(
    r"(?<![a-z])(?:(?:cua (?:ca |cac |ba |3 )cap )?(?:tren dia ban|cua|tai|o))"
    r"\s+(?:(?:toan\s+)?(?:tinh|thanh pho|tp\.?)\s*)?$"
)
_QUALIFIER_BARE = re.compile(
    r"(?<![a-z])(?:cua (?:ca |cac |ba |3 )cap\s+)?tren dia ban (?:toan )?(?:tinh|thanh pho)"
    r"(?![a-z])(?!\s+[A-Z])|(?<![a-z])cua (?:ca |cac |ba |3 )cap(?![a-z])"
)


def _without_place_qualifiers(doc: _Doc) -> str:
    """Return the work text with the province's place qualifiers blanked ('_', same length),
    so a cue reaches its number across them; scopes still see them in the folded text."""
    work = doc.work
    spans = []
    for mention in doc.province_mentions:
        lead = _QUALIFIER_LEAD.search(doc.folded, max(0, mention.start - 40), mention.start)
        if lead:
            spans.append((lead.start(), mention.end))
    spans += [m.span() for m in _QUALIFIER_BARE.finditer(doc.folded)]
    for mention in doc.province_mentions:  # "huyện Hớn Quản (tỉnh Bình Phước) là …"
        opened = bracket_around(doc, mention)
        if opened is not None:
            spans.append((opened, mention.end + 1))
    for start, end in spans:
        if any(ch.isdigit() for ch in work[start:end]):
            continue
        work = work[:start] + "_" * (end - start) + work[end:]
    return work
