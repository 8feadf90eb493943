"""The language a text is written in, and the language the phrase data is read for.

Vietnamese is the default: a text is read as English only when it has almost no Vietnamese
letters (``ă â đ ê ô ơ ư`` and the tone marks) and reads like English (its commonest words are
English function words; a short sentence naming Vietnamese places keeps a few more marks).
The language in force while one text is extracted lives in a context variable, so the phrase
data (``patterns._patterns``) and the few language-bound rules follow it without being passed
through every function.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

VIETNAMESE = "vi"
ENGLISH = "en"
LANGUAGES = (VIETNAMESE, ENGLISH)
LANGUAGE_NAMES = {VIETNAMESE: "Vietnamese", ENGLISH: "English"}

_CURRENT: ContextVar[str] = ContextVar("cchc_extract_language", default=VIETNAMESE)

# Words common in English texts on administrative reform that are no Vietnamese syllable
# written without marks: function words, and the nouns and verbs of these reports.
_ENGLISH_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "was",
        "were",
        "is",
        "are",
        "has",
        "have",
        "had",
        "with",
        "for",
        "from",
        "by",
        "that",
        "this",
        "which",
        "on",
        "at",
        "as",
        "its",
        "their",
        "been",
        "will",
        "while",
        "into",
        "than",
        "per",
        "province",
        "provincial",
        "district",
        "commune",
        "ward",
        "received",
        "dossiers",
        "records",
        "files",
        "applications",
        "procedures",
        "administrative",
        "public",
        "service",
        "services",
        "center",
        "centre",
        "people",
        "committee",
        "percent",
        "points",
        "reform",
        "settled",
        "processed",
        "resolved",
        "online",
    ]
)
_WORD = re.compile(r"[^\W\d_]+")
# How few Vietnamese letters an English text may hold (names such as "Bắc Ninh" keep theirs).
_MAX_VIETNAMESE_SHARE = 0.05
_MIN_ENGLISH_SHARE = 0.08


def _vietnamese_letter(ch: str) -> bool:
    """True for a letter with a Vietnamese mark (any non-ASCII Latin letter counts)."""
    return not ch.isascii() and ch.isalpha() and ch.lower() in _VIETNAMESE_LETTERS


_VIETNAMESE_LETTERS = frozenset(
    "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
)


def detect_language(text: str) -> str:
    """Return 'en' for a text written in English, else 'vi' (the default): a text counts as
    English when under 5 % of its letters carry Vietnamese marks and at least 8 % of its words
    are common English function words ('the', 'of', 'and' …)."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return VIETNAMESE
    marked = sum(_vietnamese_letter(ch) for ch in letters)
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return VIETNAMESE
    english = sum(w in _ENGLISH_WORDS for w in words) / len(words)
    if english >= _MIN_ENGLISH_SHARE and marked < _MAX_VIETNAMESE_SHARE * len(letters):
        return ENGLISH
    # a short English sentence naming Vietnamese places ("… ahead of Hải Phòng …")
    return ENGLISH if english >= 0.15 and marked < 0.12 * len(letters) else VIETNAMESE


def current_language() -> str:
    """Return the language the text being extracted is read in ('vi' outside any text)."""
    return _CURRENT.get()


@contextmanager
def reading_language(language: str) -> Iterator[None]:
    """Read the phrase data of ``language`` ('vi' or 'en') inside the block."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}: use one of {', '.join(LANGUAGES)}")
    token = _CURRENT.set(language)
    try:
        yield
    finally:
        _CURRENT.reset(token)
