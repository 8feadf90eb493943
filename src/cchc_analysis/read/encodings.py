"""Text encodings of Vietnamese tables.

* ``decode_bytes``: a CSV file's bytes to text: byte-order mark first (UTF-8, UTF-16 LE/BE),
  then strict UTF-8, then Windows-1258 (the Vietnamese code page, which spells tone marks as
  combining characters: the text is returned in NFC).
* ``sniff_delimiter``: ``,`` ``;`` or tab.
* The legacy *font* encodings TCVN3 (ABC, the ``.VnTime`` fonts) and VNI (``VNI-Times``): text
  typed with them is stored as ordinary Latin-1 letters, so in Unicode it reads as mojibake
  (TCVN3 ``Hµ Néi``, VNI ``Haø Noäi`` for ``Hà Nội``). ``detect_legacy`` recognises them from
  the characters each scheme uses and where it puts them; ``tcvn3_to_unicode`` and
  ``vni_to_unicode`` convert them.

Nothing here raises the loader's errors: the functions return what they found and
``cchc_analysis.read.shape`` words the message (file, column, example cell, how to fix it).
"""

from __future__ import annotations

import codecs
import csv
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

# --------------------------------------------------------------------------------------------
# Byte decoding
# --------------------------------------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: its mark starts the same way
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class DecodeProblem(ValueError):
    """Bytes that cannot be decoded with the encoding forced or with any encoding tried."""


def canonical_encoding(name: str) -> str:
    """Return the codec's canonical name (``'UTF8'`` → ``'utf-8'``, ``'windows-1258'`` →
    ``'cp1258'``); raise LookupError for an unknown one."""
    return codecs.lookup(name).name


def _nfc(text: str, normalise: bool) -> str:
    return unicodedata.normalize("NFC", text) if normalise else text


def decode_bytes(
    raw: bytes, encoding: str | None = None, normalise: bool = True
) -> tuple[str, str]:
    """Return ``(text, encoding used)``; the text has no byte-order mark and is NFC (unless
    ``normalise=False``: for callers that normalise what they keep, cell by cell).

    With ``encoding`` the bytes are decoded with it (strictly; a UTF-8 or UTF-16 byte-order mark
    is dropped). Without it: the byte-order mark decides (``utf-8-sig``, ``utf-16-le``,
    ``utf-16-be``), else strict UTF-8 (``utf-8``), else Windows-1258 (``cp1258``).
    """
    if encoding is not None:
        name = canonical_encoding(encoding)
        codec = "utf-8-sig" if name == "utf-8" else name
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError as exc:
            bad = raw[exc.start : exc.start + 8]
            raise DecodeProblem(
                f"the file cannot be decoded as {name} (byte {exc.start}: {bad!r})"
            ) from exc
        return _nfc(text.removeprefix("\ufeff"), normalise), name
    for bom, name in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw[len(bom) :].decode(name.removesuffix("-sig"))
            except UnicodeDecodeError as exc:
                raise DecodeProblem(
                    f"the file starts with a {name} byte-order mark but is not valid {name} "
                    f"(byte {exc.start + len(bom)})"
                ) from exc
            return _nfc(text, normalise), name
    utf16 = utf16_without_bom(raw)
    if utf16:
        try:
            return _nfc(raw.decode(utf16), normalise), utf16
        except UnicodeDecodeError as exc:
            raise DecodeProblem(
                f"the file looks like {utf16} text without a byte-order mark (every other "
                f"byte is 0) but is not valid {utf16} (byte {exc.start}); name its encoding "
                "with --encoding"
            ) from exc
    try:
        return _nfc(raw.decode("utf-8"), normalise), "utf-8"
    except UnicodeDecodeError:
        pass
    mixed = first_non_utf8_line(raw)
    if mixed:
        line, byte, sample = mixed
        raise DecodeProblem(
            f"mixed encodings: the file is UTF-8 but row {line} is not (byte {byte}: "
            f"{sample!r}; Windows-1258 or Latin-1 pasted into a UTF-8 file?): re-type or "
            "re-save that row as UTF-8, or force one encoding with --encoding"
        )
    try:
        return _nfc(raw.decode("cp1258"), normalise), "cp1258"
    except UnicodeDecodeError as exc:
        raise DecodeProblem(
            "the file is neither UTF-8 nor Windows-1258 (cp1258) text "
            f"(byte {exc.start}: {raw[exc.start : exc.start + 8]!r}); save it as UTF-8 or "
            "name its encoding"
        ) from exc


def utf16_without_bom(raw: bytes) -> str | None:
    """Return 'utf-16-le' or 'utf-16-be' when bytes without a byte-order mark look like UTF-16
    (a zero byte in every other position, as ASCII letters, digits and commas give), else None."""
    sample = raw[:4096]
    if len(sample) < 8 or sample.count(0) < len(sample) // 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd >= half * 0.4 and even <= half * 0.05:
        return "utf-16-le"
    if even >= half * 0.4 and odd <= half * 0.05:
        return "utf-16-be"
    return None


def first_non_utf8_line(raw: bytes) -> tuple[int, int, bytes] | None:
    """For bytes that are not valid UTF-8: when other lines hold valid UTF-8 beyond ASCII (the
    file is UTF-8 with a few foreign lines), return (1-based line, byte offset, the bad bytes)
    of the first line that is not UTF-8; None when nothing in the file is UTF-8 beyond ASCII
    (a file in another encoding)."""
    first_bad: tuple[int, int, bytes] | None = None
    utf8_lines = 0
    offset = 0
    for number, line in enumerate(raw.split(b"\n"), start=1):
        if not line.isascii():
            try:
                line.decode("utf-8")
                utf8_lines += 1
            except UnicodeDecodeError as exc:
                if first_bad is None:
                    first_bad = (number, offset + exc.start, line[exc.start : exc.start + 8])
        if first_bad and utf8_lines:
            return first_bad
        offset += len(line) + 1
    return None


# --------------------------------------------------------------------------------------------
# Delimiters
# --------------------------------------------------------------------------------------------

DELIMITERS = (",", ";", "\t")


def head_records(text: str, delimiter: str, limit: int = 60) -> list[list[str]]:
    """Return the first ``limit`` records of ``text`` parsed as CSV with ``delimiter`` (a blank
    line is an empty record, as in the file's row numbering)."""
    records: list[list[str]] = []
    reader = csv.reader(_lines(text, limit * 4), delimiter=delimiter)
    try:
        for record in reader:
            records.append(record)
            if len(records) >= limit:
                break
    except csv.Error:
        pass
    return records


def _lines(text: str, limit: int) -> Iterable[str]:
    start = 0
    for _ in range(limit):
        if start >= len(text):
            return
        end = text.find("\n", start)
        if end < 0:
            yield text[start:]
            return
        yield text[start : end + 1]
        start = end + 1


def sniff_delimiter(
    text: str,
    score: Callable[[list[list[str]]], int] | None = None,
    candidates: Sequence[str] = DELIMITERS,
) -> str:
    """Return the delimiter among ``candidates`` that splits the first lines best.

    ``score`` (optional) rates a candidate's parsed records, e.g. by how many of the contract's
    column names its header row holds; the best score wins. Ties (and files without such a
    header) go to the delimiter that splits most lines into the same number of fields, then to
    the one giving more fields.
    """
    best: tuple[int, float, int, int] | None = None
    chosen = candidates[0]
    for rank, delimiter in enumerate(candidates):
        records = [r for r in head_records(text, delimiter, 30) if r]
        if not records:
            continue
        widths = [len(r) for r in records]
        mode = max(set(widths), key=lambda w: (widths.count(w), w))
        consistency = widths.count(mode) / len(widths) if mode > 1 else 0.0
        key = (score(records) if score else 0, consistency, mode, -rank)
        if best is None or key > best:
            best, chosen = key, delimiter
    return chosen


# --------------------------------------------------------------------------------------------
# Legacy font encodings: TCVN3 (ABC) and VNI
# --------------------------------------------------------------------------------------------

# TCVN3 puts every Vietnamese letter that ASCII lacks in 0xA1-0xFE, one byte each; there are no
# capitals with tone marks (headings used a second font, .VnTimeH), so those decode to lower case.
_TCVN3_ROWS = {
    0xA0: " ĂÂÊÔƠƯĐăâêôơưđ ",
    0xB0: "     àảãáạ ằẳẵắ ",
    0xC0: "      ặầẩẫấậè ẻẽ",
    0xD0: "éẹềểễếệìỉ   ĩíịò",
    0xE0: " ỏõóọồổỗốộờởỡớợù",
    0xF0: " ủũúụừửữứựỳỷỹýỵ ",
}
TCVN3_TO_UNICODE: dict[str, str] = {
    chr(start + i): letter
    for start, row in _TCVN3_ROWS.items()
    for i, letter in enumerate(row)
    if letter != " "
}
_TCVN3_TABLE = str.maketrans(TCVN3_TO_UNICODE)

# VNI spells a marked letter as the plain letter then one byte carrying mark and tone
# (à = "a" + 0xF8, ố = "o" + 0xE1); đ, ư, ơ and the i/ỵ letters are one byte each.
_VNI_MARKS_LOWER = {
    "a": ("àáâãäåèéêëïõøùúûü", "ầấâẫậẩằắăặạãàáẳảẵ"),
    "e": ("àáâãäåïõøùû", "ềếêễệểẹẽèéẻ"),
    "o": ("àáâãäåïõøùû", "ồốôỗộổọõòóỏ"),
    "u": ("ïõøùû", "ụũùúủ"),
    "y": ("õøùû", "ỹỳýỷ"),
    "ô": ("ïõøùû", "ợỡờớở"),  # ơ + tone
    "ö": ("ïõøùû", "ựữừứử"),  # ư + tone
}
_VNI_SINGLES = {
    "Æ": "Ỉ",
    "Ì": "Ì",
    "Í": "Í",
    "Î": "Ỵ",
    "Ñ": "Đ",
    "Ò": "Ị",
    "Ó": "Ĩ",
    "Ô": "Ơ",
    "Ö": "Ư",
    "æ": "ỉ",
    "ì": "ì",
    "í": "í",
    "î": "ỵ",
    "ñ": "đ",
    "ò": "ị",
    "ó": "ĩ",
    "ô": "ơ",
    "ö": "ư",
}


def _vni_pairs() -> dict[str, str]:
    pairs: dict[str, str] = {}
    for base, (marks, letters) in _VNI_MARKS_LOWER.items():
        for mark, letter in zip(marks, letters, strict=True):
            pairs[base + mark] = letter
            pairs[base.upper() + mark.upper()] = letter.upper()
    return pairs


VNI_TO_UNICODE: dict[str, str] = {**_vni_pairs(), **_VNI_SINGLES}
_VNI_PATTERN = re.compile(
    "|".join(re.escape(k) for k in sorted(VNI_TO_UNICODE, key=len, reverse=True))
)


def tcvn3_to_unicode(text: str) -> str:
    """Convert text typed in a TCVN3 (ABC, ``.VnTime``) font to Unicode NFC (``'Hµ Néi'`` →
    ``'Hà Nội'``); capitals with tone marks come out lower case, as TCVN3 has none."""
    return unicodedata.normalize("NFC", text.translate(_TCVN3_TABLE))


def vni_to_unicode(text: str) -> str:
    """Convert text typed in a VNI (``VNI-Times``) font to Unicode NFC (``'Haø Noäi'`` →
    ``'Hà Nội'``)."""
    return unicodedata.normalize(
        "NFC", _VNI_PATTERN.sub(lambda m: VNI_TO_UNICODE[m.group(0)], text)
    )


LEGACY_CONVERTERS: dict[str, Callable[[str], str]] = {
    "TCVN3": tcvn3_to_unicode,
    "VNI": vni_to_unicode,
}

# Latin-1 letters that real Vietnamese (Unicode) text uses: evidence of nothing.
_LEGIT = set("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý")
_VNI_CHARS = {c for pair in VNI_TO_UNICODE if len(pair) == 2 for c in pair[1]} | set(_VNI_SINGLES)
# Characters only TCVN3 produces. Those that double as common symbols (« » © ® · × £ ¥ ¬ §)
# count only inside a word (letters on both sides); the letter-like ones with a letter beside them.
_TCVN3_ONLY = set(TCVN3_TO_UNICODE) - _VNI_CHARS - _LEGIT
_TCVN3_SYMBOLS = set("«»©®·×£¥¬§¢¤¦¡\xad")
# Non-Vietnamese VNI mark bytes: after a vowel they are VNI, after a consonant TCVN3.
_SHARED_MARKS = "äåëïøûüÄÅËÏØÛÜ"
_VOWELS = "aeiouyAEIOUYôöÔÖ"
_VNI_PAIR = re.compile(rf"[{_VOWELS}][{_SHARED_MARKS}]|[aeoAEO][âêÂÊ]")
_TCVN3_CONTEXT = re.compile(rf"(?:^|[^{_VOWELS}])[{_SHARED_MARKS}]")
_LATIN1_NON_ASCII = re.compile(r"^[\x00-\xff]*[\x80-\xff][\x00-\xff]*$")


# Bytes that Windows-1258 reads differently from Latin-1 (Ă ă Đ đ Ơ ơ Ư ư, the combining tone
# marks, the 0x80-0x9F punctuation): when a file of legacy-font bytes is told apart from a
# Windows-1258 file by its Latin-1 reading, these characters are no evidence either way.
CP1258_REPURPOSED = frozenset(
    chr(b) for b in range(0x80, 0x100) if bytes([b]).decode("cp1258", "replace") != chr(b)
)


def _is_letter(c: str) -> bool:
    return c.isalpha() or c in TCVN3_TO_UNICODE


def legacy_scores(text: str, ignore: frozenset[str] = frozenset()) -> tuple[int, int]:
    """Return ``(tcvn3, vni)``: how many signs of each legacy encoding ``text`` shows. Text with
    any character beyond Latin-1 (real Unicode Vietnamese: ă, đ, ơ, ư, ạ, …) scores (0, 0);
    characters in ``ignore`` are no sign."""
    if not _LATIN1_NON_ASCII.match(text):
        return 0, 0
    tcvn3 = 0
    for i, c in enumerate(text):
        if c not in _TCVN3_ONLY or c in ignore:
            continue
        left = i > 0 and _is_letter(text[i - 1])
        right = i + 1 < len(text) and _is_letter(text[i + 1])
        if (left and right) or (c not in _TCVN3_SYMBOLS and (left or right)):
            tcvn3 += 1
    tcvn3 += len(_TCVN3_CONTEXT.findall(text))
    vni = len(_VNI_PAIR.findall(text))
    return tcvn3, vni


@dataclass(frozen=True)
class LegacyFinding:
    """A column whose text looks typed in a legacy font encoding."""

    encoding: str  # "TCVN3" or "VNI"
    column: str
    example: str  # the most telling cell
    converted: str  # the example converted to Unicode
    score: int  # how many signs were seen
    cells: int  # how many cells show them


def detect_legacy(
    column: str, values: Iterable[str | None], ignore: frozenset[str] = frozenset()
) -> LegacyFinding | None:
    """Return a finding when the column's text looks TCVN3- or VNI-encoded, else None.

    A column is reported when its cells show at least two signs of one scheme in all (the same
    cell repeated counts again), or one sign when it holds a single non-empty cell.
    """
    tcvn3 = vni = cells = non_empty = 0
    example, best = "", 0
    for value in values:
        if not value:
            continue
        non_empty += 1
        t, v = legacy_scores(value, ignore)
        if t or v:
            cells += 1
            tcvn3, vni = tcvn3 + t, vni + v
            if t + v > best:
                example, best = value, t + v
    total = tcvn3 + vni
    if total == 0 or (total < 2 and non_empty > 1):
        return None
    encoding = "TCVN3" if tcvn3 >= vni else "VNI"
    return LegacyFinding(
        encoding, column, example, LEGACY_CONVERTERS[encoding](example), total, cells
    )


def looks_legacy(text: str, ignore: frozenset[str] = frozenset()) -> bool:
    """Cheap pre-check on a whole document: could any line hold TCVN3 or VNI text?"""
    return any(legacy_scores(line, ignore) != (0, 0) for line in text.splitlines()[:5000])


HOW_TO_CONVERT = {
    "TCVN3": (
        "it was typed with a TCVN3 (ABC) font such as .VnTime. Convert it to Unicode, e.g. with "
        "UniKey's converter (Công cụ chuyển mã, Ctrl+Shift+F6: source 'TCVN3 (ABC)', "
        "destination 'Unicode'), or load it with legacy='convert' (capitals with tone marks "
        "come out lower case: TCVN3 has none)"
    ),
    "VNI": (
        "it was typed with a VNI font such as VNI-Times. Convert it to Unicode, e.g. with "
        "UniKey's converter (Công cụ chuyển mã, Ctrl+Shift+F6: source 'VNI Windows', "
        "destination 'Unicode'), or load it with legacy='convert'"
    ),
}
