"""Numbers as Vietnamese and English tables write them, classified with vectorised Polars
string operations (no Python call per value).

Vietnamese (``vi``): ``.`` groups thousands and ``,`` is the decimal mark (``512.304`` =
512304, ``70,25`` = 70.25, ``1.234.567,5``). English (``en``): the reverse (``512,304``,
``70.25``, ``1,234,567.5``). Spaces (also non-breaking) may group thousands (``1 234 567``)
and a trailing ``%`` is dropped (``70,25%`` = 70.25).

Each text gets a *shape*; the shape says which formats can read it and whether it is evidence
for one of them:

=============  ====================  ==========  ===============================
shape          example               evidence    value in vi / en
=============  ====================  ==========  ===============================
``int``        ``512304``            none        512304 / 512304
``vi_groups``  ``1.234.567``         vi          1234567 / -
``en_groups``  ``1,234,567``         en          - / 1234567
``vi_full``    ``1.234,5``           vi          1234.5 / -
``en_full``    ``1,234.5``           en          - / 1234.5
``comma_dec``  ``70,25`` ``0,305``   vi          70.25 / -
``dot_dec``    ``3.5`` ``0.305``     en          - / 3.5
``amb_dot``    ``512.304``           ambiguous   512304 / 512.304
``amb_comma``  ``1,234``             ambiguous   1.234 / 1234
=============  ====================  ==========  ===============================

A single separator followed by exactly three digits, after one to three digits not starting
with 0, is ambiguous; everything else settles the format.
"""

from __future__ import annotations

from typing import Any

import polars as pl

NUMBER_FORMATS = ("auto", "vi", "en")

_SIGN = r"^[+-]?"
# Digits are ASCII only: '\d' would also match full-width and other scripts' digits, which
# no float parser reads.
SHAPES: dict[str, str] = {
    "int": _SIGN + r"[0-9]+$",
    "amb_dot": _SIGN + r"[1-9][0-9]{0,2}\.[0-9]{3}$",
    "amb_comma": _SIGN + r"[1-9][0-9]{0,2},[0-9]{3}$",
    "vi_groups": _SIGN + r"[0-9]{1,3}(\.[0-9]{3}){2,}$",
    "en_groups": _SIGN + r"[0-9]{1,3}(,[0-9]{3}){2,}$",
    "vi_full": _SIGN + r"[0-9]{1,3}(\.[0-9]{3})+,[0-9]+$",
    "en_full": _SIGN + r"[0-9]{1,3}(,[0-9]{3})+\.[0-9]+$",
    "comma_dec": _SIGN + r"[0-9]*,[0-9]+$",
    "dot_dec": _SIGN + r"[0-9]*\.[0-9]+$",
    # Excel's scientific notation (1.2E+05, or 1,2E+05 in a Vietnamese locale)
    "sci": _SIGN + r"[0-9]+([.,][0-9]+)?[eE][+-]?[0-9]{1,3}$",
}
EVIDENCE = {
    "sci": None,
    "int": None,
    "amb_dot": "ambiguous",
    "amb_comma": "ambiguous",
    "vi_groups": "vi",
    "en_groups": "en",
    "vi_full": "vi",
    "en_full": "en",
    "comma_dec": "vi",
    "dot_dec": "en",
}
VI_READABLE = ("int", "amb_dot", "amb_comma", "vi_groups", "vi_full", "comma_dec", "sci")
EN_READABLE = ("int", "amb_dot", "amb_comma", "en_groups", "en_full", "dot_dec", "sci")
FORMAT_NAMES = {
    "vi": "Vietnamese format: '.' groups thousands, ',' is the decimal mark",
    "en": "English format: ',' groups thousands, '.' is the decimal point",
}

_BLANKS = " \t\r\n\u00a0\u202f\u2009"
_SPACE_GROUPS = r"^[+-]?[0-9]{1,3}([ \u00a0\u202f\u2009][0-9]{3})+([.,][0-9]+)?$"

# Cells that stand for "no value": dashes, n/a, the statistical 'x', dots.
PLACEHOLDERS = ("-", "--", "---", "–", "—", "−", "n/a", "na", "n.a.", "x", ".", "..", "...", "…")
EXCEL_ERRORS = ("#div/0!", "#value!", "#ref!", "#name?", "#num!", "#null!", "#n/a", "#getting_data")
_NUMBER_PART = r"[+-]?\d[\d., \u00a0\u202f]*"
RATIO = rf"^\s*({_NUMBER_PART})/\s*({_NUMBER_PART})$"


def strip_number_text(text: pl.Expr) -> pl.Expr:
    """Return the text with blanks and a trailing ``%`` removed and a Unicode minus made ASCII
    (``' 1 234,5 %'`` → ``'1 234,5'``)."""
    return (
        text.str.strip_chars(_BLANKS)
        .str.strip_prefix("'")  # Excel's mark of a number typed as text ('1234)
        .str.replace_all("\u2212", "-", literal=True)
        .str.strip_suffix("%")
        .str.strip_chars(_BLANKS)
    )


def drop_group_spaces(stripped: pl.Expr) -> pl.Expr:
    """Return stripped number text without the spaces that group its thousands
    (``'1 234 567,5'`` → ``'1234567,5'``); other text unchanged."""
    return (
        pl.when(stripped.str.contains(_SPACE_GROUPS))
        .then(stripped.str.replace_all(r"[ \u00a0\u202f\u2009]", ""))
        .otherwise(stripped)
    )


def shape(cleaned: pl.Expr) -> pl.Expr:
    """Return the shape name (see the module docstring) of cleaned number text, else null.
    ``cleaned`` should be a column (it is evaluated once per shape)."""
    expr: Any = pl.when(cleaned.is_null()).then(pl.lit(None, dtype=pl.String))
    for name, pattern in SHAPES.items():
        expr = expr.when(cleaned.str.contains(pattern)).then(pl.lit(name))
    return expr.otherwise(pl.lit(None, dtype=pl.String))


def evidence(shape_expr: pl.Expr) -> pl.Expr:
    """Return 'vi', 'en', 'ambiguous' or null (no evidence) for a shape."""
    return shape_expr.replace_strict(EVIDENCE, default=None, return_dtype=pl.String)


def vi_value(cleaned: pl.Expr, shape_expr: pl.Expr) -> pl.Expr:
    """The number cleaned text means in the Vietnamese format (null if it cannot be one)."""
    number = (
        cleaned.str.replace_all(".", "", literal=True)
        .str.replace_all(",", ".", literal=True)
        .cast(pl.Float64, strict=False)
    )
    scientific = cleaned.str.replace_all(",", ".", literal=True).cast(pl.Float64, strict=False)
    return (
        pl.when(shape_expr == "sci")
        .then(scientific)
        .when(shape_expr.is_in(VI_READABLE))
        .then(number)
    )


def en_value(cleaned: pl.Expr, shape_expr: pl.Expr) -> pl.Expr:
    """The number cleaned text means in the English format (null if it cannot be one)."""
    number = cleaned.str.replace_all(",", "", literal=True).cast(pl.Float64, strict=False)
    scientific = cleaned.str.replace_all(",", ".", literal=True).cast(pl.Float64, strict=False)
    return (
        pl.when(shape_expr == "sci")
        .then(scientific)
        .when(shape_expr.is_in(EN_READABLE))
        .then(number)
    )


def add_number_columns(frame: pl.DataFrame, text: str, prefix: str = "_") -> pl.DataFrame:
    """Add ``<prefix>clean``, ``<prefix>shape``, ``<prefix>evidence``, ``<prefix>vi`` and
    ``<prefix>en`` (see the module docstring) for the text column ``text``. Each step is its
    own column, so no expression is evaluated twice."""
    clean, shaped = f"{prefix}clean", f"{prefix}shape"
    return (
        frame.with_columns(strip_number_text(pl.col(text)).alias(clean))
        .with_columns(drop_group_spaces(pl.col(clean)).alias(clean))
        .with_columns(shape(pl.col(clean)).alias(shaped))
        .with_columns(
            evidence(pl.col(shaped)).alias(f"{prefix}evidence"),
            vi_value(pl.col(clean), pl.col(shaped)).alias(f"{prefix}vi"),
            en_value(pl.col(clean), pl.col(shaped)).alias(f"{prefix}en"),
        )
    )


def cell_kind(text: pl.Expr, shape_expr: pl.Expr) -> pl.Expr:
    """Classify a cell from its text and its number shape: 'empty', 'placeholder', 'error' (an
    Excel error such as ``#DIV/0!``), 'formula' (``=SUM(B2:B5)`` left as text), 'number' (a
    shape in either format), 'ratio' (``28/40``) or 'text'."""
    stripped = text.str.strip_chars(_BLANKS)
    return (
        pl.when(stripped.is_null() | (stripped == ""))
        .then(pl.lit("empty"))
        .when(shape_expr.is_not_null())
        .then(pl.lit("number"))
        .when(stripped.str.to_lowercase().is_in(PLACEHOLDERS + EXCEL_ERRORS))
        .then(
            pl.when(stripped.str.starts_with("#"))
            .then(pl.lit("error"))
            .otherwise(pl.lit("placeholder"))
        )
        .when(stripped.str.starts_with("="))
        .then(pl.lit("formula"))
        .when(stripped.str.contains(RATIO))
        .then(pl.lit("ratio"))
        .otherwise(pl.lit("text"))
    )


def parse_number(text: str | None, number_format: str = "auto") -> float | None:
    """Return the number one text holds, or None.

    ``number_format`` 'vi' or 'en' reads it in that format; 'auto' (default) reads any shape
    that settles the format by itself (``70,25``, ``1.234,5``, ``1,234,567``, ``3.5``) and
    returns None for an ambiguous one (``1.234``: 1234 or 1.234?): a single value cannot
    decide that; ``cchc_analysis.read.standardise`` decides per column. Not numbers: formulas,
    ratios (``28/40``), placeholders, text.
    """
    if number_format not in NUMBER_FORMATS:
        raise ValueError(f"number_format must be one of {NUMBER_FORMATS}, not {number_format!r}")
    if text is None:
        return None
    row = add_number_columns(pl.DataFrame({"t": [text]}, schema={"t": pl.String}), "t").row(
        0, named=True
    )
    if row["_shape"] is None:
        return None
    if number_format in ("vi", "en"):
        return row[f"_{number_format}"]
    found = row["_evidence"]
    if found == "ambiguous":
        return None
    return row["_en"] if found == "en" else row["_vi"]
