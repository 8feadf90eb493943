"""From report text to indicator rows: CCHC figures found in Vietnamese provincial reports and
news articles (and in their English editions), with their provenance.

``extract_files`` reads reports as they come (``readers``: plain text in UTF-8, UTF-16 or
Windows-1258 as the table readers decode it, saved web pages, DOCX, PDF text layers; a folder
stands for its files), and for each figure that maps to a catalogue indicator returns the
indicator table's long form (province, period, indicator, value, unit, source, note) plus
``scope``, ``bound``, ``evidence`` (the sentence), ``char_start``/``char_end`` (the figure in
the text as read, NFC), ``line``, ``cue`` and ``confidence``. ``write_extraction`` writes them
as a CSV that ``cchc validate`` reads like any other table, with the cross-check warnings beside
it.

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

An official document (``letterhead``: the national motto or its number, then ``BÁO CÁO``) has
its title as its headline and its issuer as whose report it is; a PDF's running heads, page
numbers and scanned pages are named and taken out, its tables read by column (``layout``, wrapped
cells and heads of several rows too), a DOCX read as its tracked changes would be accepted, and
text typed in a TCVN3 or VNI font converted (``readers``).

English articles (``language``: almost no Vietnamese marks, English function words) go through
the same steps with ``data/extraction_patterns_en.yaml``: ``english`` rewrites their numbers the
Vietnamese way one character for one (``108,120`` → ``108.120``, ``28 out of 40`` → ``28/40``)
and finds their dates and period phrases, ``english_scope`` their units and levels
(``DocumentInfo.language`` says which language a text was read in). Vietnamese is the default.
"""

from __future__ import annotations

from cchc_analysis.extract.checks import cross_check
from cchc_analysis.extract.core import extract_files, extract_text
from cchc_analysis.extract.document import detect_period, detect_province
from cchc_analysis.extract.language import detect_language
from cchc_analysis.extract.model import (
    FIGURE_COLUMNS,
    PROVINCE_SCOPE,
    WARNING_COLUMNS,
    DocumentInfo,
    Extraction,
    ExtractWarning,
    Figure,
)
from cchc_analysis.extract.numbers import parse_vi_number
from cchc_analysis.extract.output import (
    figures_frame,
    sibling_paths,
    warnings_frame,
    write_extraction,
)
from cchc_analysis.extract.patterns import fold
from cchc_analysis.extract.readers import (
    READABLE_SUFFIXES,
    SourceText,
    UnreadableDocument,
    expand_inputs,
    read_document,
    read_text,
)

__all__ = [
    "FIGURE_COLUMNS",
    "PROVINCE_SCOPE",
    "READABLE_SUFFIXES",
    "WARNING_COLUMNS",
    "DocumentInfo",
    "ExtractWarning",
    "Extraction",
    "Figure",
    "SourceText",
    "UnreadableDocument",
    "cross_check",
    "detect_language",
    "detect_period",
    "detect_province",
    "expand_inputs",
    "extract_files",
    "extract_text",
    "figures_frame",
    "fold",
    "parse_vi_number",
    "read_document",
    "read_text",
    "sibling_paths",
    "warnings_frame",
    "write_extraction",
]

# Where things are: ``model`` (results), ``patterns`` (the YAML compiled, accent folding),
# ``readers`` (files), ``tables`` (tables as sentences; tables flattened one cell per line
# rebuilt), ``text`` (lines, furniture, sentences), ``period_mentions``, ``numbers``
# (Vietnamese numbers and what is blanked before reading them), ``places`` (provinces),
# ``document`` (a text prepared), ``scope``, ``rules`` (a number's context and best rule),
# ``figures`` (rules applied within a sentence), ``respectively`` (lists read 'lần lượt'),
# ``checks`` (identities and shares), ``core`` (one or more texts end to end), ``output``;
# ``language`` (which one a text is read in), ``english``, ``english_scope`` and
# ``english_names`` (English texts).
