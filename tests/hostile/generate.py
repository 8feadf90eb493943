"""Inputs of the hostile corpus that are built at test time: workbooks (hidden sheets, stray
cells, dates, formulas), Parquet files (non-finite numbers, nested types), special files
(symlinks, FIFOs, devices, sockets) and large files (500k rows, a 10 MB cell).

Each builder takes the folder to write into and returns the path to give the command.
``manifest.csv`` names a builder as ``gen:<name>``.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable
from pathlib import Path

import polars as pl

HEADER = ["province", "period", "indicator", "value", "source"]
GOOD = [
    ["Hà Nội", "2024", "task.planned", 40, "test"],
    ["Hà Nội", "2024", "task.completed", 28, "test"],
]
BUILDERS: dict[str, Callable[[Path], Path]] = {}


def builder(function: Callable[[Path], Path]) -> Callable[[Path], Path]:
    BUILDERS[function.__name__] = function
    return function


def _workbook(rows: list[list], title: str = "Số liệu"):  # type: ignore[no-untyped-def]
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    return book


def _save(book, folder: Path, name: str) -> Path:  # type: ignore[no-untyped-def]
    path = folder / name
    book.save(path)
    return path


# ---------------------------------------------------------------- Excel


@builder
def hidden_first_sheet(folder: Path) -> Path:
    """A hidden first sheet holding a stale table (with an error); the visible one is clean."""
    book = _workbook([HEADER, ["Hà Nội", "2024", "task.planned", -5, "stale"]], "Cũ")
    book["Cũ"].sheet_state = "hidden"
    visible = book.create_sheet("Số liệu")
    for row in [HEADER, *GOOD]:
        visible.append(row)
    book.active = 1
    return _save(book, folder, "hidden_first_sheet.xlsx")


@builder
def very_hidden_first_sheet(folder: Path) -> Path:
    book = _workbook([HEADER, ["Hà Nội", "2024", "task.planned", -5, "stale"]], "Ẩn")
    book["Ẩn"].sheet_state = "veryHidden"
    visible = book.create_sheet("Số liệu")
    for row in [HEADER, *GOOD]:
        visible.append(row)
    book.active = 1
    return _save(book, folder, "very_hidden_first_sheet.xlsx")


@builder
def active_second_sheet(folder: Path) -> Path:
    """Two visible sheets with tables; the workbook opens on the second (the active one)."""
    book = _workbook([HEADER, ["Hà Nội", "2024", "task.planned", 99, "draft"]], "Nháp")
    final = book.create_sheet("Chính thức")
    for row in [HEADER, *GOOD]:
        final.append(row)
    book.active = 1
    return _save(book, folder, "active_second_sheet.xlsx")


@builder
def only_hidden_sheets_but_one_empty(folder: Path) -> Path:
    """The only visible sheet is empty; the table is on a hidden sheet."""
    book = _workbook([], "Trống")
    hidden = book.create_sheet("Dữ liệu")
    for row in [HEADER, *GOOD]:
        hidden.append(row)
    hidden.sheet_state = "hidden"
    return _save(book, folder, "only_hidden_table.xlsx")


@builder
def stray_cell_far_corner(folder: Path) -> Path:
    """One stray cell at XFD1048576 (the last cell of a sheet): 5 KB on disk."""
    book = _workbook([HEADER, *GOOD])
    book.active["XFD1048576"] = "x"
    return _save(book, folder, "stray_cell_far_corner.xlsx")


@builder
def stray_cell_far_right(folder: Path) -> Path:
    book = _workbook([HEADER, *GOOD])
    book.active["XFD2"] = " "
    return _save(book, folder, "stray_cell_far_right.xlsx")


@builder
def stray_cells_far_down(folder: Path) -> Path:
    book = _workbook([HEADER, *GOOD])
    book.active["A1048576"] = "ghi chú"
    return _save(book, folder, "stray_cells_far_down.xlsx")


@builder
def lying_dimension(folder: Path) -> Path:
    """The sheet claims A1:XFD1048576 as its dimension; three rows hold values."""
    import zipfile

    path = _save(_workbook([HEADER, *GOOD]), folder, "lying_dimension_src.xlsx")
    out = folder / "lying_dimension.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = data.replace(
                    b'<dimension ref="A1:E3"/>', b'<dimension ref="A1:XFD1048576"/>'
                )
            dst.writestr(item, data)
    path.unlink()
    return out


@builder
def ratio_turned_into_date(folder: Path) -> Path:
    """'12/10' under task.ratio that Excel turned into the date 12 October."""
    import datetime as dt

    book = _workbook([HEADER, ["Hà Nội", "2024", "task.ratio", dt.datetime(2024, 10, 12), "x"]])
    book.active["D2"].number_format = "dd/mm"
    return _save(book, folder, "ratio_turned_into_date.xlsx")


@builder
def date_in_count(folder: Path) -> Path:
    import datetime as dt

    book = _workbook([HEADER, GOOD[0], ["Hà Nội", "2024", "task.completed", dt.date(2024, 3, 4)]])
    return _save(book, folder, "date_in_count.xlsx")


@builder
def formula_without_cached_value(folder: Path) -> Path:
    """openpyxl writes formulas without their result: Excel would compute it, we cannot."""
    book = _workbook([HEADER, GOOD[0], ["Hà Nội", "2024", "task.completed", "=D2-12", "x"]])
    return _save(book, folder, "formula_without_cached_value.xlsx")


@builder
def error_cell(folder: Path) -> Path:
    book = _workbook([HEADER, GOOD[0], ["Hà Nội", "2024", "task.completed", "#DIV/0!", "x"]])
    return _save(book, folder, "error_cell.xlsx")


@builder
def numbers_stored_as_text(folder: Path) -> Path:
    book = _workbook([HEADER, ["Hà Nội", "2024", "dossier.received", " 1.234.567 ", "x"]])
    return _save(book, folder, "numbers_stored_as_text.xlsx")


@builder
def boolean_value(folder: Path) -> Path:
    book = _workbook([HEADER, GOOD[0], ["Hà Nội", "2024", "task.completed", True, "x"]])
    return _save(book, folder, "boolean_value.xlsx")


@builder
def merged_province_cells(folder: Path) -> Path:
    """The province merged down over its rows, as printed tables do."""
    book = _workbook([HEADER, *GOOD, [None, "2024", "inspection.planned", 3, "test"]])
    book.active.merge_cells("A2:A4")
    return _save(book, folder, "merged_province_cells.xlsx")


@builder
def chart_sheet_first(folder: Path) -> Path:
    """The first sheet is a chart sheet (no cells at all)."""
    from openpyxl.chart import BarChart, Reference

    book = _workbook([HEADER, *GOOD])
    chart = BarChart()
    chart.add_data(Reference(book.active, min_col=4, min_row=1, max_row=3), titles_from_data=True)
    sheet = book.create_chartsheet("Biểu đồ", 0)
    sheet.add_chart(chart)
    return _save(book, folder, "chart_sheet_first.xlsx")


@builder
def percent_formatted_cell(folder: Path) -> Path:
    book = _workbook([HEADER, ["Hà Nội", "2024", "dossier.on_time_pct", 0.9835, "x"]])
    book.active["D2"].number_format = "0.00%"
    return _save(book, folder, "percent_formatted_cell.xlsx")


@builder
def percent_fraction_unformatted(folder: Path) -> Path:
    """0.9835 typed in a percent indicator without the % format: a fraction, not a percent."""
    book = _workbook([HEADER, ["Hà Nội", "2024", "dossier.on_time_pct", 0.9835, "x"]])
    return _save(book, folder, "percent_fraction_unformatted.xlsx")


@builder
def title_rows_and_blank_columns(folder: Path) -> Path:
    book = _workbook(
        [
            ["BÁO CÁO CẢI CÁCH HÀNH CHÍNH"],
            ["(kèm theo Công văn số 123/UBND)"],
            [],
            [None, *HEADER],
            [None, *GOOD[0]],
            [None, *GOOD[1]],
        ]
    )
    return _save(book, folder, "title_rows_and_blank_columns.xlsx")


@builder
def hidden_rows_are_data(folder: Path) -> Path:
    book = _workbook([HEADER, *GOOD])
    book.active.row_dimensions[3].hidden = True
    return _save(book, folder, "hidden_rows_are_data.xlsx")


@builder
def empty_workbook(folder: Path) -> Path:
    return _save(_workbook([]), folder, "empty_workbook.xlsx")


@builder
def csv_renamed_xlsx(folder: Path) -> Path:
    path = folder / "csv_renamed.xlsx"
    path.write_text("province,period,indicator,value\nHà Nội,2024,task.planned,40\n")
    return path


@builder
def truncated_xlsx(folder: Path) -> Path:
    whole = _save(_workbook([HEADER, *GOOD]), folder, "whole.xlsx").read_bytes()
    path = folder / "truncated.xlsx"
    path.write_bytes(whole[: len(whole) // 2])
    return path


@builder
def ole_named_xlsx(folder: Path) -> Path:
    """What a password-protected workbook looks like from outside: an OLE container."""
    path = folder / "protected.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    return path


@builder
def garbage_xls(folder: Path) -> Path:
    path = folder / "garbage.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    return path


@builder
def zero_width_header(folder: Path) -> Path:
    book = _workbook([["\ufeffprovince", "period\u200b", "indicator", "value\u00a0"], GOOD[0][:4]])
    return _save(book, folder, "zero_width_header.xlsx")


@builder
def script_in_sheet_name(folder: Path) -> Path:
    book = _workbook([HEADER, *GOOD], "<i>x")
    return _save(book, folder, "script_in_sheet_name.xlsx")


@builder
def zip_bomb_xlsx(folder: Path) -> Path:
    """A workbook whose sheet inflates to 1.1 GiB of XML (about 1 MB on disk)."""
    import zipfile

    path = _save(_workbook([HEADER, *GOOD]), folder, "bomb.xlsx")
    block = b" " * (1 << 20)
    with (
        zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
        archive.open("xl/worksheets/padding.xml", "w", force_zip64=True) as stream,
    ):
        for _ in range(1100):
            stream.write(block)
    return path


@builder
def xlsx_named_csv(folder: Path) -> Path:
    path = _save(_workbook([HEADER, *GOOD]), folder, "book.xlsx")
    return path.rename(folder / "book.csv")


@builder
def gzip_named_csv(folder: Path) -> Path:
    import gzip

    path = folder / "table.csv"
    path.write_bytes(gzip.compress(b"province,period,indicator,value\n"))
    return path


# ---------------------------------------------------------------- Parquet


def _parquet(folder: Path, name: str, frame: pl.DataFrame) -> Path:
    path = folder / name
    frame.write_parquet(path)
    return path


def _raw_frame(values: list[float]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "province": ["Hà Nội"] * len(values),
            "period": ["2024"] * len(values),
            "indicator": ["task.planned", "task.completed", "inspection.done"][: len(values)],
            "value": values,
        }
    )


@builder
def parquet_inf(folder: Path) -> Path:
    return _parquet(folder, "inf.parquet", _raw_frame([40.0, float("inf")]))


@builder
def parquet_minus_inf(folder: Path) -> Path:
    return _parquet(folder, "minus_inf.parquet", _raw_frame([40.0, 28.0, float("-inf")]))


@builder
def parquet_nan(folder: Path) -> Path:
    return _parquet(folder, "nan.parquet", _raw_frame([40.0, float("nan")]))


@builder
def parquet_list_column(folder: Path) -> Path:
    frame = _raw_frame([40.0, 28.0]).with_columns(value=pl.Series([[40.0], [28.0, 1.0]]))
    return _parquet(folder, "list_column.parquet", frame)


@builder
def parquet_struct_province(folder: Path) -> Path:
    frame = _raw_frame([40.0, 28.0]).with_columns(
        province=pl.Series([{"name": "Hà Nội"}, {"name": "Hà Nội"}])
    )
    return _parquet(folder, "struct_province.parquet", frame)


@builder
def parquet_truncated(folder: Path) -> Path:
    whole = _parquet(folder, "whole.parquet", _raw_frame([40.0, 28.0])).read_bytes()
    path = folder / "truncated.parquet"
    path.write_bytes(whole[: len(whole) // 2])
    return path


@builder
def parquet_not_parquet(folder: Path) -> Path:
    path = folder / "text.parquet"
    path.write_text("province,period\n")
    return path


@builder
def parquet_integers_and_categorical(folder: Path) -> Path:
    frame = _raw_frame([40.0, 28.0]).with_columns(
        pl.col("value").cast(pl.Int64), pl.col("province").cast(pl.Categorical)
    )
    return _parquet(folder, "integers_categorical.parquet", frame)


@builder
def parquet_empty(folder: Path) -> Path:
    return _parquet(folder, "empty.parquet", _raw_frame([]))


def _processed(values: dict[str, float], duplicate: bool = False) -> pl.DataFrame:
    """A table shaped like data/processed/indicators.parquet (province_code and all)."""
    rows = [
        {
            "province_code": "01",
            "province": "Hà Nội",
            "era": "63",
            "period": "2024",
            "year": 2024,
            "indicator": indicator,
            "value": value,
            "unit": None,
            "source": "test",
            "note": None,
            "file": "hand.csv",
            "row": i + 2,
        }
        for i, (indicator, value) in enumerate(values.items())
    ]
    if duplicate:
        rows.append({**rows[0], "value": rows[0]["value"] + 1, "row": 99})
    return pl.DataFrame(rows, schema_overrides={"year": pl.Int32})


@builder
def processed_negative_count(folder: Path) -> Path:
    frame = _processed({"task.planned": 40, "task.completed": -28})
    return _parquet(folder, "processed_negative.parquet", frame)


@builder
def processed_duplicate_key(folder: Path) -> Path:
    frame = _processed({"task.planned": 40, "task.completed": 28}, duplicate=True)
    return _parquet(folder, "processed_duplicate.parquet", frame)


@builder
def processed_inf(folder: Path) -> Path:
    frame = _processed({"task.planned": 40, "task.completed": float("inf")})
    return _parquet(folder, "processed_inf.parquet", frame)


@builder
def processed_clean(folder: Path) -> Path:
    frame = _processed({"task.planned": 40, "task.completed": 28})
    return _parquet(folder, "processed_clean.parquet", frame)


@builder
def tampered_scores(folder: Path) -> Path:
    """A processed folder whose score totals hold an infinite index."""
    out = folder / "tampered"
    out.mkdir()
    pl.DataFrame(
        {
            "province_code": ["01", "79"],
            "period": ["2025", "2025"],
            "index_pct": [float("inf"), 80.0],
            "rank": [1, 2],
        }
    ).write_parquet(out / "scores_totals.parquet")
    return out


# ---------------------------------------------------------------- special files


def _good_csv(folder: Path, name: str = "good.csv") -> Path:
    path = folder / name
    lines = [",".join(HEADER)] + [",".join(map(str, r)) for r in GOOD]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@builder
def symlink_loop(folder: Path) -> Path:
    a, b = folder / "loop_a.csv", folder / "loop_b.csv"
    a.symlink_to(b)
    b.symlink_to(a)
    return a


@builder
def symlink_to_good(folder: Path) -> Path:
    target = _good_csv(folder, "real.csv")
    link = folder / "link.csv"
    link.symlink_to(target)
    return link


@builder
def dangling_symlink(folder: Path) -> Path:
    link = folder / "dangling.csv"
    link.symlink_to(folder / "nowhere.csv")
    return link


@builder
def directory_named_csv(folder: Path) -> Path:
    path = folder / "table.csv"
    path.mkdir()
    return path


@builder
def fifo_named_csv(folder: Path) -> Path:
    path = folder / "pipe.csv"
    os.mkfifo(path)
    return path


@builder
def device_named_csv(folder: Path) -> Path:
    link = folder / "zero.csv"
    link.symlink_to("/dev/zero")
    return link


@builder
def socket_named_csv(folder: Path) -> Path:
    path = folder / "sock.csv"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()  # the socket file stays
    return path


@builder
def missing_file(folder: Path) -> Path:
    return folder / "not_there.csv"


@builder
def unsupported_suffix(folder: Path) -> Path:
    path = folder / "table.json"
    path.write_text("{}")
    return path


# ---------------------------------------------------------------- large


@builder
def rows_500k(folder: Path) -> Path:
    """500,000 valid rows: 63 provinces × 2 indicators × many quarters is not enough keys, so
    the rows spread over periods 2009–2024 × quarters and half-years and many indicators."""
    from cchc_analysis.reference.registry import provinces_frame

    names = provinces_frame("63")["name_vi"].to_list()
    periods = [
        f"{y}{p}"
        for y in range(2009, 2025)
        for p in ("", "-Q1", "-Q2", "-Q3", "-Q4", "-H1", "-H2", "-9M")
    ]
    counts = [
        "dossier.suspended",
        "service.online_level4",
        "tthc.amended",
        "tthc.abolished",
        "staff.headcount",
        "staff.trained",
        "task.planned",
        "inspection.planned",
        "legal.docs_planned",
        "finance.plan_bn",
        "onestop.units_total",
        "tthc.in_force",
        "dossier.received",
    ]
    frame = (
        pl.DataFrame({"province": names})
        .join(pl.DataFrame({"period": periods}), how="cross")
        .join(pl.DataFrame({"indicator": counts}), how="cross")
        .head(500_000)
        .with_columns(value=(pl.int_range(pl.len()) % 997 + 1).cast(pl.String))
    )
    path = folder / "rows_500k.csv"
    frame.write_csv(path)
    return path


@builder
def cell_10mb(folder: Path) -> Path:
    path = folder / "cell_10mb.csv"
    big = "9" * (10 * 1024 * 1024)
    path.write_text(f"province,period,indicator,value\nHà Nội,2024,task.planned,{big}\n")
    return path


@builder
def note_10mb(folder: Path) -> Path:
    path = folder / "note_10mb.csv"
    big = "<script>" * (10 * 1024 * 1024 // 8)
    path.write_text(f"province,period,indicator,value\n{big},2024,task.planned,40\n")
    return path


@builder
def unclosed_quote_5mb(folder: Path) -> Path:
    """4.9 MB of rows after one unclosed quote."""
    path = folder / "unclosed_quote.csv"
    row = "Hà Nội,2024,task.planned,40\n"
    body = row * (4_900_000 // len(row.encode()))
    path.write_text('province,period,indicator,value\n"Hà Nội,2024,task.planned,40\n' + body)
    return path


@builder
def columns_20k(folder: Path) -> Path:
    path = folder / "columns_20k.csv"
    names = [f"x{i}" for i in range(20_000)]
    path.write_text(
        "province,period," + ",".join(names) + "\nHà Nội,2024," + ",".join("1" * 20_000) + "\n"
    )
    return path


@builder
def header_1mb(folder: Path) -> Path:
    path = folder / "header_1mb.csv"
    path.write_text(
        "province,period,indicator,value," + "h" * 1_000_000 + "\nHà Nội,2024,task.planned,40,x\n"
    )
    return path


# ---------------------------------------------------------------- rubrics


@builder
def rubric_utf16(folder: Path) -> Path:
    from importlib import resources

    text = (resources.files("cchc_analysis") / "rubrics" / "par-index-published.yaml").read_text(
        encoding="utf-8"
    )
    path = folder / "rubric_utf16.yaml"
    path.write_bytes(text.encode("utf-16"))
    return path


@builder
def rubric_directory(folder: Path) -> Path:
    path = folder / "rubric.yaml"
    path.mkdir()
    return path


@builder
def rubric_list(folder: Path) -> Path:
    path = folder / "rubric_list.yaml"
    path.write_text("- a\n- b\n")
    return path


@builder
def rubric_binary(folder: Path) -> Path:
    path = folder / "rubric_binary.yaml"
    path.write_bytes(bytes(range(256)))
    return path


@builder
def rubric_alias_bomb(folder: Path) -> Path:
    """The 'billion laughs': nested YAML aliases."""
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for i in range(1, 9):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    path = folder / "rubric_bomb.yaml"
    path.write_text("\n".join(lines) + "\n")
    return path


def fifo_writer_guard(path: Path) -> None:
    """Nothing: a FIFO must be refused without being opened (opening it would block)."""
    del path


def build(name: str, folder: Path) -> Path:
    """Build the input ``name`` in ``folder``; return the path to pass to the command."""
    return BUILDERS[name](folder)


def good_csv(folder: Path) -> Path:
    """A small valid table (for option checks)."""
    return _good_csv(folder)
