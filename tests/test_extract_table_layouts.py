"""One table of provinces written in the layouts real pages and documents give it: a cell per
line with the rows numbered, columns apart by runs of spaces (a PDF's text copied with its
layout), provinces as columns rather than rows, and the sub-indices' short English names. Every
layout must give the same figures. The tables are written for these tests, with invented
values."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_analysis.extract import extract_files

PROVINCES = ["An Giang", "Bà Rịa - Vũng Tàu", "Đà Nẵng"]
VI_NAMES = ["Gia nhập thị trường", "Tiếp cận đất đai", "Tính minh bạch", "Chi phí thời gian"]
EN_NAMES = ["Entry Costs", "Business Support", "Labor Policy", "Legal Institutions"]
INDICATORS_VI = ["pci.entry", "pci.land", "pci.transparency", "pci.time"]
INDICATORS_EN = ["pci.entry", "pci.support", "pci.labor", "pci.legal"]
VALUES = {
    "An Giang": ["6.12", "7.05", "5.88", "7.31"],
    "Bà Rịa - Vũng Tàu": ["7.40", "6.63", "6.02", "6.95"],
    "Đà Nẵng": ["8.01", "5.97", "6.77", "7.64"],
}
CAPTION = {"vi": "Điểm một số chỉ số thành phần PCI năm 2023", "en": "PCI 2023: sub-index scores"}


def _names(language: str) -> list[str]:
    return VI_NAMES if language == "vi" else EN_NAMES


def _expected(language: str) -> set[tuple[str, float, str, str]]:
    indicators = INDICATORS_VI if language == "vi" else INDICATORS_EN
    return {
        (indicator, float(VALUES[p][j]), p, "2023")
        for p in PROVINCES
        for j, indicator in enumerate(indicators)
    }


def _cell_per_line_numbered(language: str) -> str:
    head = ["STT", "Tỉnh, thành phố" if language == "vi" else "Province", *_names(language)]
    cells = [c for n, p in enumerate(PROVINCES, 1) for c in (str(n), p, *VALUES[p])]
    return "\n".join([CAPTION[language], "", *head, *cells]) + "\n"


def _spaced(language: str) -> str:
    head = "   ".join(["Tỉnh" if language == "vi" else "Province", *_names(language)])
    rows = ["    ".join([p, *VALUES[p]]) for p in PROVINCES]
    return "\n".join([CAPTION[language], "", head, *rows]) + "\n"


def _single_spaced(language: str) -> str:
    # a head whose cells lost their gaps: Vietnamese names in sentence case can be cut apart
    head = " ".join(["Tỉnh", *_names(language)])
    rows = [" ".join([p, *VALUES[p]]) for p in PROVINCES]
    return "\n".join([CAPTION[language], "", head, *rows]) + "\n"


def _provinces_as_columns(language: str) -> str:
    head = "\t".join(["Chỉ số" if language == "vi" else "Sub-index", *PROVINCES])
    rows = [
        "\t".join([name, *(VALUES[p][j] for p in PROVINCES)])
        for j, name in enumerate(_names(language))
    ]
    return "\n".join([CAPTION[language], "", head, *rows]) + "\n"


def _read(tmp_path: Path, text: str) -> set[tuple[str, float, str, str]]:
    path = tmp_path / "table.txt"
    path.write_text(text, encoding="utf-8")
    result = extract_files([path])
    return {(f.indicator, f.value, f.province, f.period) for f in result.figures}


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("layout", [_cell_per_line_numbered, _spaced, _provinces_as_columns])
def test_every_layout_gives_each_province_its_figures(tmp_path, layout, language):
    assert _read(tmp_path, layout(language)) == _expected(language)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_single_spaced_table_under_a_head_that_lost_its_gaps(tmp_path, language):
    # Vietnamese names in sentence case are cut before each capital; English ones in Title
    # Case by the column names tables are known to use (data/table_column_names.yaml)
    assert _read(tmp_path, _single_spaced(language)) == _expected(language)


def test_a_single_spaced_head_of_unknown_names_is_not_guessed(tmp_path):
    text = (
        "PCI 2023: scores\n\nProvince First Thing Second Thing Third Thing\n"
        "An Giang 6.12 7.05 5.88\nĐà Nẵng 8.01 5.97 6.77\nHà Nội 7.40 6.63 6.02\n"
    )
    assert _read(tmp_path, text) == set()


def test_a_grid_of_provinces_is_not_turned_when_rows_are_provinces_too(tmp_path):
    # a head naming provinces over rows that are provinces too is no measure-per-row table:
    # nothing is read as a PCI figure of the wrong province
    text = (
        "Điểm PCI năm 2023\n\nTỉnh\tAn Giang\tĐà Nẵng\nAn Giang\t6.12\t7.05\nĐà Nẵng\t5.88\t7.31\n"
    )
    got = _read(tmp_path, text)
    assert not any(indicator.startswith("pci.") and p == "Đà Nẵng" for indicator, _, p, _ in got)


def test_prose_with_double_spaces_is_no_table(tmp_path):
    text = (
        "Năm 2023, tỉnh An Giang tiếp nhận 12.345 hồ sơ.  Trong đó  đã giải quyết  12.001 hồ sơ,"
        "  đạt tỷ lệ 97,2%  đúng hạn.\n"
    )
    got = _read(tmp_path, text)
    assert ("dossier.received", 12345.0, "An Giang", "2023") in got


def test_the_same_count_at_two_levels_is_kept_for_each(tmp_path):
    # a report's form: the provincial and district levels both have 200 late dossiers; the
    # second is no restatement of the first
    text = (
        "Biểu số 06: Kết quả giải quyết TTHC quý III năm 2024 của tỉnh Hưng Yên\n\n"
        "Đơn vị\tTổng số hồ sơ tiếp nhận\tĐã giải quyết\tQuá hạn\n"
        "Cấp tỉnh\t30.120\t29.800\t200\n"
        "Cấp huyện\t50.300\t49.900\t200\n"
        "Cấp xã\t40.000\t39.950\t10\n"
    )
    path = tmp_path / "form.txt"
    path.write_text(text, encoding="utf-8")
    result = extract_files([path])
    late = {(f.scope, f.value) for f in result.subunits if f.indicator == "dossier.resolved_late"}
    assert late == {("cấp tỉnh", 200.0), ("cấp huyện", 200.0), ("cấp xã", 10.0)}


@pytest.mark.parametrize("separator", ["\t", " | "])
def test_a_head_with_merged_cells_copied_as_empty_cells(tmp_path, separator):
    # a web table whose group names span a score and a rank column, copied: the groups' rows
    # leave the spanned cells empty, and the ranks are no figures of the catalogue
    rows = [
        ["Tỉnh", "Gia nhập thị trường", "", "Tiếp cận đất đai", ""],
        ["", "Điểm", "Hạng", "Điểm", "Hạng"],
        *([p, VALUES[p][0], "12", VALUES[p][1], "30"] for p in PROVINCES),
    ]
    lines = [separator.join(r) for r in rows]
    text = "\n".join([CAPTION["vi"], "", *lines]) + "\n"
    got = _read(tmp_path, text)
    assert got == {e for e in _expected("vi") if e[0] in ("pci.entry", "pci.land")}


def test_the_long_vietnamese_names_of_the_pci_sub_indices(tmp_path):
    # the names as the PCI reports spell them in full, in a table by year between bars
    names = {
        "Chi phí gia nhập thị trường": "pci.entry",
        "Tiếp cận đất đai và sự ổn định trong sử dụng đất": "pci.land",
        "Tính minh bạch và tiếp cận thông tin": "pci.transparency",
        "Chi phí thời gian để thực hiện các quy định của Nhà nước": "pci.time",
        "Chi phí không chính thức": "pci.informal",
        "Cạnh tranh bình đẳng": "pci.bias",
        "Tính năng động và tiên phong của lãnh đạo tỉnh": "pci.proactive",
        "Chính sách hỗ trợ doanh nghiệp": "pci.support",
        "Chính sách đào tạo lao động": "pci.labor",
        "Thiết chế pháp lý & ANTT": "pci.legal",
    }
    rows = [f"{name} | {5 + n / 10:.2f} | {6 + n / 10:.2f} |" for n, name in enumerate(names)]
    text = "\n".join(["Chỉ số PCI của tỉnh Bình Phước qua các năm", "Năm | 2022 | 2021 |", *rows])
    got = _read(tmp_path, text + "\n")
    assert got == {
        (indicator, round(base + n / 10, 2), "Bình Phước", year)
        for n, indicator in enumerate(names.values())
        for base, year in ((5, "2022"), (6, "2021"))
    }


# the PCI site's layout, in both languages: a head whose names lost their gaps (Title Case,
# or acronyms such as "Điểm PCI": no cut at capitals, the known names cut them), a grade in
# words ending each row, a province not ranked that year with N/A in every cell
GRADED = {
    "en": (
        "PCI 2023: sub-indices of the provinces",
        "Province Entry Costs Access to land Transparency Time Costs PCI Score PCI Ranking "
        "PCI Tier",
        ["HCMC", "Ha Noi", "TT-Hue"],
        ".",
    ),
    "vi": (
        "Bảng xếp hạng PCI 2023 của các tỉnh",
        "Tỉnh Gia nhập thị trường Tiếp cận đất đai Tính minh bạch Chi phí thời gian Điểm PCI "
        "Xếp hạng PCI Nhóm",
        ["TP.HCM", "Hà Nội", "Thừa Thiên Huế"],
        ",",
    ),
}


@pytest.mark.parametrize("language", ["en", "vi"])
def test_a_web_table_with_a_grade_column_and_an_unranked_row(tmp_path, language):
    caption, head, (unranked, first, second), point = GRADED[language]
    rows = [
        f"{unranked} " + " ".join(["N/A"] * 7),
        f"{first} 7.10 6.20 6.30 7.40 68.20 3 Rất tốt".replace(".", point),
        f"{second} 7.00 6.00 6.40 6.60 66.10 9 Tốt".replace(".", point),
    ]
    got = _read(tmp_path, "\n".join([caption, "", head, *rows]) + "\n")
    indicators = ["pci.entry", "pci.land", "pci.transparency", "pci.time"]
    values = {"Hà Nội": [7.1, 6.2, 6.3, 7.4], "Thừa Thiên Huế": [7.0, 6.0, 6.4, 6.6]}
    assert got == {
        (indicator, values[p][j], p, "2023")
        for p in values
        for j, indicator in enumerate(indicators)
    }


@pytest.mark.parametrize(
    ("head", "rows", "province"),
    [
        (
            "Cấp\tTiếp nhận\tĐã giải quyết\tTỷ lệ đúng hạn (%)",
            ["Cấp tỉnh\t98.310\t96.402\t99,5", "Cấp huyện\t120.500\t118.000\t98,9"],
            "Lạng Sơn: kết quả giải quyết hồ sơ năm 2024",
        ),
        (
            "Level\tDossiers received\tDossiers settled\tSettled on time (%)",
            ["Provincial level\t98,310\t96,402\t99.5", "District level\t120,500\t118,000\t98.9"],
            "Lang Son: dossiers settled in 2024",
        ),
    ],
)
def test_a_column_of_shares_named_with_a_percent_sign(tmp_path, head, rows, province):
    # "(%)" in the head: each cell is a share, read as the column's rate
    text = "\n".join([province, "", head, *rows]) + "\n"
    path = tmp_path / "levels.txt"
    path.write_text(text, encoding="utf-8")
    result = extract_files([path])
    got = {(f.indicator, f.scope, f.value) for f in result.subunits}
    assert got == {
        ("dossier.received", "cấp tỉnh", 98310.0),
        ("dossier.resolved", "cấp tỉnh", 96402.0),
        ("dossier.on_time_pct", "cấp tỉnh", 99.5),
        ("dossier.received", "cấp huyện", 120500.0),
        ("dossier.resolved", "cấp huyện", 118000.0),
        ("dossier.on_time_pct", "cấp huyện", 98.9),
    }


QUARTERS = (
    "Tỉnh Lạng Sơn: kết quả giải quyết hồ sơ năm 2024\n\n"
    "Chỉ tiêu\tQuý I/2024\tQuý II/2024\tQuý III/2024\n"
    "Số hồ sơ tiếp nhận\t30.100\t32.400\t35.000\n"
    "Tỷ lệ đúng hạn (%)\t99,1\t99,3\t99,5\n"
)
YEARS = (
    "Tỉnh Lạng Sơn: kết quả giải quyết hồ sơ\n\n"
    "Năm\tTiếp nhận\tTỷ lệ đúng hạn (%)\n"
    "2022\t30.100\t99,1\n"
    "2023\t32.400\t99,3\n"
    "2024\t35.000\t99,5\n"
)


@pytest.mark.parametrize(
    ("text", "periods"),
    [(QUARTERS, ("2024-Q1", "2024-Q2", "2024-Q3")), (YEARS, ("2022", "2023", "2024"))],
)
def test_periods_as_columns_or_as_rows_with_a_row_or_column_of_shares(tmp_path, text, periods):
    # a row named "Tỷ lệ … (%)" holds shares, not dossiers (the caption's "hồ sơ" is not its
    # unit); a row per year between tabs opens on the year
    path = tmp_path / "periods.txt"
    path.write_text(text, encoding="utf-8")
    got = {(f.indicator, f.period, f.value) for f in extract_files([path]).figures}
    received = zip(periods, (30100.0, 32400.0, 35000.0), strict=True)
    on_time = zip(periods, (99.1, 99.3, 99.5), strict=True)
    assert got == {("dossier.received", p, v) for p, v in received} | {
        ("dossier.on_time_pct", p, v) for p, v in on_time
    }


@pytest.mark.parametrize(
    ("head", "periods"),
    [
        ("Q1/2024\tQ2/2024", ("2024-Q1", "2024-Q2")),
        ("H1 2023\tH1 2024", ("2023-H1", "2024-H1")),
        ("first quarter of 2023\tfirst quarter of 2024", ("2023-Q1", "2024-Q1")),
        ("nine months of 2023\tnine months of 2024", ("2023-9M", "2024-9M")),
        ("September 2024\tOctober 2024", ("2024-M09", "2024-M10")),
    ],
)
def test_english_period_heads(tmp_path, head, periods):
    text = (
        f"Lang Son news\n\nIndicator\t{head}\nDossiers received\t30,100\t32,400\n"
        "Dossiers settled\t29,000\t31,000\nOn-time rate (%)\t99.1\t99.3\n"
    )
    path = tmp_path / "periods_en.txt"
    path.write_text(text, encoding="utf-8")
    got = {(f.indicator, f.period, f.value) for f in extract_files([path]).figures}
    first, second = periods
    assert got == {
        ("dossier.received", first, 30100.0),
        ("dossier.received", second, 32400.0),
        ("dossier.resolved", first, 29000.0),
        ("dossier.resolved", second, 31000.0),
        ("dossier.on_time_pct", first, 99.1),
        ("dossier.on_time_pct", second, 99.3),
    }
