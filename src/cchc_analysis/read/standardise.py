"""The long frame standardised: numbers (Vietnamese or English format, decided per column),
periods, provinces (63- or 34-province era), each value's problem kept for validation."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import polars as pl

from cchc_analysis.read import numbers
from cchc_analysis.read.contract import MAX_NAME, AmbiguousNumberFormat
from cchc_analysis.read.headers import load_ratio_catalogue
from cchc_analysis.read.inputs import clip
from cchc_analysis.reference.periods import PeriodError, parse_period

# --------------------------------------------------------------------------------------------
# Standardise: periods, provinces, numbers
# --------------------------------------------------------------------------------------------


def _canonical_period_or_none(text: str | None) -> str | None:
    if text is None:
        return None
    try:
        return str(parse_period(text))
    except PeriodError:
        return None


def _period_problem(text: str | None) -> str | None:
    """Why a period text is refused (the reason parse_period gives), or None."""
    if text is None:
        return "the period is empty"
    try:
        parse_period(text)
    except PeriodError as exc:
        return clip(str(exc), 300)
    return None


def _era_or_none(period: str | None) -> str | None:
    try:
        return parse_period(period).era if period is not None else None
    except PeriodError:
        return None


def with_provinces(frame: pl.DataFrame) -> pl.DataFrame:
    """Return ``frame`` (with province_raw and canonical period) plus province_code, province
    and province_problem.

    A name resolves the same way in every period of one era, so a name that resolves is
    looked up once per era; a name that fails is looked up per period, as its problem names
    the period."""
    pairs = frame.select("province_raw", "period").unique()
    eras = {p: _era_or_none(p) for p in pairs["period"].unique().to_list()}
    found: dict[tuple[str | None, str | None], dict[str, str | None]] = {}

    def resolve(name: str | None, period: str | None) -> dict[str, str | None]:
        key = (name, eras[period])
        if key in found:
            return found[key]
        result = resolve_name(name, period)
        if result["province_problem"] is None:
            found[key] = result
        return result

    resolved = pl.DataFrame(
        [resolve(name, period) for name, period in pairs.iter_rows()],
        schema={"province_code": pl.String, "province": pl.String, "province_problem": pl.String},
    )
    return frame.join(
        pl.concat([pairs, resolved], how="horizontal"),
        on=["province_raw", "period"],
        how="left",
        nulls_equal=True,
    )


def resolve_name(name: str | None, period: str | None) -> dict[str, str | None]:
    """Return province_code, province (canonical name) and province_problem (why it did not
    resolve) for a raw name in a period."""
    from cchc_analysis.reference.registry import ProvinceNotFound, resolve_province

    if name is None or name == "":
        return {"province_code": None, "province": None, "province_problem": "province is empty"}
    if len(name) > MAX_NAME:  # no province has such a name: do not search for the closest
        return {
            "province_code": None,
            "province": None,
            "province_problem": f"a text of {len(name)} characters is not a province name",
        }
    if period is None:
        return {
            "province_code": None,
            "province": None,
            "province_problem": "cannot resolve the province without a valid period",
        }
    try:
        found = resolve_province(name, period)
    except ProvinceNotFound as exc:
        return {"province_code": None, "province": None, "province_problem": str(exc)}
    return {"province_code": found.code, "province": found.name_vi, "province_problem": None}


def _check_number_format(number_format: str | Mapping[str, str]) -> None:
    values = [number_format] if isinstance(number_format, str) else list(number_format.values())
    bad = [v for v in values if v not in numbers.NUMBER_FORMATS]
    if bad:
        raise ValueError(f"number_format must be one of {numbers.NUMBER_FORMATS}, not {bad[0]!r}")


def _forced(number_format: str | Mapping[str, str], column: str, indicator: str | None) -> str:
    if isinstance(number_format, str):
        return number_format
    for key in (indicator, column, "*"):
        if key is not None and key in number_format:
            return number_format[key]
    return "auto"


def _majority(n_vi: int, n_en: int) -> str | None:
    if n_vi > n_en:
        return "vi"
    if n_en > n_vi:
        return "en"
    return "tie" if n_vi else None


_KEYS_FINE = ("file", "sheet", "column", "_source_indicator")
_KEYS_COARSE = ("file", "sheet", "column")


def _where(row: dict[str, Any]) -> str:
    where = f"column {row['column']!r}"
    if row["column"] == "value" and row["_source_indicator"]:
        where += f" (indicator {row['_source_indicator']})"
    if row.get("sheet"):
        where = f"sheet {row['sheet']!r}, {where}"
    return where


def _ambiguity_message(groups: list[dict[str, Any]]) -> str:
    first = groups[0]
    text, row = first["amb_text"], first["amb_row"]
    comma = "," in text
    as_vi = numbers.parse_number(text, "vi")
    as_en = numbers.parse_number(text, "en")
    mark = "','" if comma else "'.'"
    vi_role = "the decimal mark" if comma else "a thousands separator"
    en_role = "a thousands separator" if comma else "the decimal point"
    others = ""
    if len(groups) > 1:
        others = (
            " Also ambiguous: "
            + "; ".join(f"{_where(g)} ({g['amb_text']!r}, row {g['amb_row']})" for g in groups[1:4])
            + ("; …" if len(groups) > 4 else "")
            + "."
        )
    return (
        f"{first['file']}: {_where(first)}: cannot tell whether {text!r} (row {row}) is "
        f"{as_vi:g} (Vietnamese format: {mark} is {vi_role}) or {as_en:g} (English format: "
        f"{mark} is {en_role}); no value in the column settles it (such as '70,25', "
        f"'1.234,5', '3.5' or '1,234,567').{others} Choose the format: --number-format vi or "
        f"--number-format en (load_indicators(..., number_format='vi' or 'en'; a mapping "
        f"such as {{'{first['_source_indicator'] or first['column']}': 'vi'}} sets one column))."
    )


def _mixed_message(group: dict[str, Any]) -> str:
    return (
        f"{group['file']}: {_where(group)} mixes number formats as often one way as the other: "
        f"{group['vi_text']!r} (row {group['vi_row']}) is Vietnamese (decimal comma), "
        f"{group['en_text']!r} (row {group['en_row']}) is English (decimal point). Choose the "
        f"format: --number-format vi or --number-format en, or correct the values."
    )


def _number_decisions(frame: pl.DataFrame, number_format: str | Mapping[str, str]) -> pl.DataFrame:
    """Decide vi/en per (file, sheet, column, indicator): forced, else the values' majority,
    else (long form) the file's whole value column when all its evidence agrees; refuse
    ambiguity."""
    ev = pl.col("_evidence")

    def stats(keys: tuple[str, ...]) -> pl.DataFrame:
        def example(kind: str, what: str) -> pl.Expr:
            source = pl.col("value_text") if what == "text" else pl.col("row")
            return source.filter(ev == kind).first().alias(f"{kind[:3]}_{what}")

        return frame.group_by(list(keys), maintain_order=True).agg(
            (ev == "vi").sum().alias("n_vi"),
            (ev == "en").sum().alias("n_en"),
            (ev == "ambiguous").sum().alias("n_amb"),
            example("vi", "text"),
            example("vi", "row"),
            example("en", "text"),
            example("en", "row"),
            example("ambiguous", "text"),
            example("ambiguous", "row"),
        )

    fine = stats(_KEYS_FINE)
    # The whole value column of a long table settles an indicator only when it is unanimous.
    coarse = {
        tuple(r[k] for k in _KEYS_COARSE): _majority(r["n_vi"], r["n_en"])
        for r in stats(_KEYS_COARSE).iter_rows(named=True)
        if not (r["n_vi"] and r["n_en"])
    }
    decided, ambiguous = [], []
    for group in fine.iter_rows(named=True):
        forced = _forced(number_format, group["column"], group["_source_indicator"])
        how = "forced"
        if forced in ("vi", "en"):
            fmt: str | None = forced
        else:
            fmt, how = _majority(group["n_vi"], group["n_en"]), "values"
            if fmt == "tie":
                raise AmbiguousNumberFormat(_mixed_message(group))
            if fmt is None and group["n_amb"]:
                fallback = coarse.get(tuple(group[k] for k in _KEYS_COARSE))
                if group["column"] == "value" and fallback in ("vi", "en"):
                    fmt, how = fallback, "file"
                else:
                    ambiguous.append(group)
        decided.append({**{k: group[k] for k in _KEYS_FINE}, "_format": fmt, "_how": how})
    if ambiguous:
        raise AmbiguousNumberFormat(_ambiguity_message(ambiguous))
    schema = {k: pl.String for k in _KEYS_FINE} | {"_format": pl.String, "_how": pl.String}
    return pl.DataFrame(decided, schema=schema)


def _ratio_maps() -> tuple[dict[str, str], dict[str, str]]:
    ratios = load_ratio_catalogue()
    return (
        dict(zip(ratios["ratio_id"], ratios["numerator"], strict=True)),
        dict(zip(ratios["ratio_id"], ratios["denominator"], strict=True)),
    )


def _parse_values(
    long: pl.DataFrame, number_format: str | Mapping[str, str]
) -> tuple[pl.DataFrame, dict[str, str]]:
    """Return ``long`` with value, value_kind and value_problem (ratio cells split into their
    numerator and denominator rows) and the number format decided per column."""
    numerator, denominator = _ratio_maps()
    text = pl.col("value_text")
    frame = numbers.add_number_columns(
        long.with_columns(_source_indicator="indicator"), "value_text"
    )
    frame = frame.with_columns(
        value_kind=pl.coalesce("value_kind", numbers.cell_kind(text, pl.col("_shape"))),
        _ratio_part=pl.lit(None, dtype=pl.String),
    ).with_columns(_evidence=pl.when(pl.col("value_kind") == "number").then("_evidence"))
    is_ratio_id = pl.col("indicator").is_in(list(numerator))
    splits = ((pl.col("value_kind") == "ratio") & is_ratio_id).fill_null(False)
    split = frame.filter(splits)
    parts = [frame.filter(~splits)]
    for part, mapping, group in (("numerator", numerator, 1), ("denominator", denominator, 2)):
        if split.height:
            part_rows = split.with_columns(
                indicator=pl.col("indicator").replace_strict(mapping, return_dtype=pl.String),
                _ratio_part=pl.lit(part),
                _part_text=text.str.extract(numbers.RATIO, group),
            )
            columns = part_rows.columns
            parts.append(
                numbers.add_number_columns(part_rows, "_part_text").select(
                    [c for c in columns if c != "_part_text"]
                )
            )
    frame = pl.concat(parts, how="vertical")
    decisions = _number_decisions(frame, number_format)
    frame = frame.join(decisions, on=list(_KEYS_FINE), how="left", nulls_equal=True)
    fmt = pl.col("_format")
    typed_value = text.str.strip_suffix("%").cast(pl.Float64, strict=False)
    number = (
        pl.when(fmt == "vi")
        .then(pl.col("_vi"))
        .when(fmt == "en")
        .then(pl.col("_en"))
        .otherwise(pl.coalesce("_vi", "_en"))
    )
    kind = pl.col("value_kind")
    wrong_ratio = is_ratio_id & kind.is_in(["number", "typed_number"])
    value = (
        pl.when(wrong_ratio)
        .then(None)
        .when(kind == "typed_number")
        .then(typed_value)
        .when(kind.is_in(["number"]) | pl.col("_ratio_part").is_not_null())
        .then(number)
    )
    frame = frame.with_columns(value=value.cast(pl.Float64))
    # inf, -inf and NaN are no figure: a 400-digit count overflows to inf, Parquet may hold them
    non_finite = (pl.col("value").is_infinite() | pl.col("value").is_nan()).fill_null(False)
    frame = frame.with_columns(
        _non_finite=non_finite, value=pl.when(non_finite).then(None).otherwise(pl.col("value"))
    )
    quoted = pl.lit("'") + _short(text) + pl.lit("'")
    cell = pl.lit("cell ") + pl.col("cell_ref").fill_null("?")
    format_name = fmt.replace_strict(numbers.FORMAT_NAMES, default="", return_dtype=pl.String)
    problem = (
        pl.when(pl.col("_non_finite"))
        .then(
            pl.when(text.str.len_chars() > 300)
            .then(
                pl.lit("a number of ")
                + text.str.len_chars().cast(pl.String)
                + pl.lit(" characters overflows (it is not a finite number)")
            )
            .otherwise(quoted + pl.lit(" is not a finite number (infinite, NaN or overflowing)"))
        )
        .when(kind == "date")
        .then(
            cell
            + pl.lit(" holds a date (")
            + text
            + pl.lit(
                ") where a number is expected: Excel turned what was typed (such as 12/10 or "
                "28/40) into a date; format the column as Text and type it again"
            )
        )
        .when(kind == "formula_uncached")
        .then(
            cell
            + pl.lit(" holds the formula ")
            + _short(text)
            + pl.lit(
                " without a cached result (the workbook was saved by a program that does not "
                "calculate): open and save it in Excel, or paste the values"
            )
        )
        .when(wrong_ratio)
        .then(
            pl.lit("a ratio numerator/denominator (e.g. 28/40) is expected for ")
            + pl.col("indicator")
            + pl.lit(", not ")
            + quoted
        )
        .when(kind == "empty")
        .then(pl.lit("empty cell"))
        .when(kind == "placeholder")
        .then(pl.lit("placeholder ") + quoted + pl.lit(" instead of a number (no value reported)"))
        .when(kind == "error")
        .then(pl.lit("Excel error ") + _short(text) + pl.lit(" instead of a number"))
        .when(kind == "formula")
        .then(
            pl.lit("formula left as text (")
            + _short(text)
            + pl.lit("): the cell holds the formula, not its result; export the values")
        )
        .when((kind == "ratio") & pl.col("_ratio_part").is_null())
        .then(pl.lit("ratio ") + _short(text) + pl.lit(" given where a single number is expected"))
        .when(pl.col("_ratio_part").is_not_null() & pl.col("value").is_null())
        .then(
            pl.lit("the ")
            + pl.col("_ratio_part")
            + pl.lit(" of ratio ")
            + quoted
            + pl.lit(" is not a number")
        )
        .when(kind == "text")
        .then(quoted + pl.lit(" is not a number"))
        .when((kind == "number") & pl.col("value").is_null() & (pl.col("_how") == "forced"))
        .then(
            quoted
            + pl.lit(" is not a number in the format asked for (")
            + format_name
            + pl.lit(")")
        )
        .when((kind == "number") & pl.col("value").is_null())
        .then(
            quoted
            + pl.lit(" does not fit the number format of the rest of its column (")
            + format_name
            + pl.lit(")")
        )
        .when((kind == "typed_number") & pl.col("value").is_null())
        .then(quoted + pl.lit(" is not a number"))
    )
    frame = frame.with_columns(value_problem=problem)
    formats = {
        _label(r): r["_format"]
        for r in decisions.filter(pl.col("_format").is_not_null()).iter_rows(named=True)
    }
    return frame, formats


def _short(text: pl.Expr, limit: int = 80) -> pl.Expr:
    """The text cut to ``limit`` characters for a message (a 10 MB cell is not repeated)."""
    return (
        pl.when(text.str.len_chars() > limit)
        .then(text.str.slice(0, limit) + pl.lit("…"))
        .otherwise(text)
    )


def _label(row: dict[str, Any]) -> str:
    label = str(row["column"])
    if row["column"] == "value" and row["_source_indicator"]:
        label = f"value[{row['_source_indicator']}]"
    return f"{row['sheet']}!{label}" if row.get("sheet") else label


def _standardise(
    long: pl.DataFrame, number_format: str | Mapping[str, str] = "auto"
) -> tuple[pl.DataFrame, dict[str, str]]:
    _check_number_format(number_format)
    for name in ("value_kind", "sheet", "cell_ref"):
        if name not in long.columns:
            long = long.with_columns(pl.lit(None, dtype=pl.String).alias(name))
    valued, formats = _parse_values(long, number_format)
    periods = (
        valued.select(pl.col("period_raw").unique())
        .with_columns(
            period=pl.col("period_raw").map_elements(
                _canonical_period_or_none, return_dtype=pl.String
            ),
            period_problem=pl.col("period_raw").map_elements(
                _period_problem, return_dtype=pl.String
            ),
        )
        .with_columns(
            era=pl.col("period").map_elements(lambda p: parse_period(p).era, return_dtype=pl.String)
        )
    )
    with_periods = valued.join(periods, on="period_raw", how="left", nulls_equal=True)
    out = (
        with_provinces(with_periods)
        .with_columns(year=pl.col("period").str.slice(0, 4).cast(pl.Int32, strict=False))
        .sort("file", "row", "column", maintain_order=True)
        .select(
            "file",
            "row",
            "column",
            "province_raw",
            "period_raw",
            "indicator",
            "value_text",
            "unit",
            "source",
            "note",
            "period",
            "era",
            "province_code",
            "province",
            "province_problem",
            "value",
            "year",
            "value_kind",
            "value_problem",
            "sheet",
            "period_problem",
        )
    )
    return out, formats


def standardise(
    long: pl.DataFrame, number_format: str | Mapping[str, str] = "auto"
) -> pl.DataFrame:
    """Return ``long`` plus value (Float64), period (canonical), year, era, province_code,
    province (canonical Vietnamese name), province_problem (why it did not resolve),
    value_kind (number, typed_number, ratio, empty, placeholder, error, formula, text) and
    value_problem (why there is no value), and sheet.

    A ``28/40`` cell under a ratio indicator (``data/ratio_indicators.csv``) becomes two rows,
    its numerator and its denominator indicator, with the cell's row and column.

    ``number_format``: 'vi', 'en' or 'auto' (default: per column from its values; in the long
    form per indicator, falling back to the file's whole value column), or a mapping from
    column name or indicator id (``'*'`` for the rest) to one of those. Raises
    ``AmbiguousNumberFormat`` when values such as ``512.304`` leave the format open.
    """
    return _standardise(long, number_format)[0]
