"""Index scores as articles and rankings give them, beyond the phrasings of the benchmark's
dev texts: the PAPI dimensions under their full official names and their short ones, a subject
or a comma between a dimension's name and its score, leaders listed with bare scores, and
ranking tables of two columns, with a rank column, or with index columns whose cells carry no
unit. All sentences and tables are written for these tests, with invented values."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_analysis.extract import extract_files, extract_text

PAPI_VI = """Kết quả PAPI năm 2022 của tỉnh Bình Định

Theo báo cáo Chỉ số Hiệu quả quản trị và hành chính công cấp tỉnh (PAPI) năm 2022, tỉnh Bình Định có nhiều chuyển biến.
Ở chỉ số nội dung "Cung ứng dịch vụ công", tỉnh đạt 7,52 điểm.
Nội dung "Thủ tục hành chính công" đạt 7,31 điểm.
Đối với chỉ số trách nhiệm giải trình với người dân, tỉnh đạt 4,70 điểm.
Chỉ số tham gia của người dân ở cấp cơ sở của tỉnh ở mức 5,43 điểm.
Riêng chỉ số công khai, minh bạch trong việc ra quyết định ở địa phương, tỉnh chỉ đạt 5,12 điểm.
Chỉ số kiểm soát tham nhũng trong khu vực công đạt 6,85 điểm.
"""

PAPI_EN = """Binh Dinh in PAPI 2022

Binh Dinh province has improved in the Provincial Governance and Public Administration Performance Index (PAPI) 2022.
The province scored 7.52 points on Public Service Delivery.
On Public Administrative Procedures it achieved 7.31 points.
Its Vertical Accountability Towards Citizens score was 4.70.
For Participation at Local Levels, the province got 5.43 points.
Transparency in Local Decision-making stood at 5.12 points, and Control of Corruption in the Public Sector at 6.85 points.
"""

EXPECTED_PAPI = {
    ("papi.service", 7.52),
    ("papi.procedures", 7.31),
    ("papi.accountability", 4.7),
    ("papi.participation", 5.43),
    ("papi.transparency", 5.12),
    ("papi.corruption", 6.85),
}


@pytest.mark.parametrize("text", [PAPI_VI, PAPI_EN], ids=["vi", "en"])
def test_each_papi_dimension_is_read_whatever_stands_between_name_and_score(text):
    result = extract_text(text)
    got = {(f.indicator, f.value) for f in result.figures if f.province == "Bình Định"}
    assert got == EXPECTED_PAPI
    assert {f.period for f in result.figures} == {"2022"}


SHORT_NAMES_EN = (
    "PAPI 2023 results\n\nIn PAPI 2023, Quảng Ninh scored 7.78 points in Participation, 7.74 "
    "points in Transparency, 3.28 points in Vertical Accountability and 6.68 points in Public "
    "Service Delivery.\n"
)


def test_short_english_names_each_take_their_own_score():
    # each score is named right after it: the next dimension's name must not take it
    got = {(f.indicator, f.value) for f in extract_text(SHORT_NAMES_EN).figures}
    assert got == {
        ("papi.participation", 7.78),
        ("papi.transparency", 7.74),
        ("papi.accountability", 3.28),
        ("papi.service", 6.68),
    }


LEADERS = {
    "vi": (
        "Các tỉnh dẫn đầu PAPI 2023\n\nỞ chỉ số Cung ứng dịch vụ công, dẫn đầu là Quảng Ninh "
        "(7,78), Bình Định (7,50) và Hà Nội (7,35).\n"
    ),
    "en": (
        "PAPI 2023: the leaders\n\nIn Public Service Delivery, the best performers were Quang "
        "Ninh (7.78), Binh Dinh (7.50) and Ha Noi (7.35).\n"
    ),
}


@pytest.mark.parametrize("language", ["vi", "en"])
def test_leaders_listed_with_bare_scores_in_brackets(language):
    got = {(f.indicator, f.province, f.value) for f in extract_text(LEADERS[language]).figures}
    assert got == {
        ("papi.service", "Quảng Ninh", 7.78),
        ("papi.service", "Bình Định", 7.5),
        ("papi.service", "Hà Nội", 7.35),
    }


CAPTION = "Kết quả Chỉ số cải cách hành chính (PAR INDEX) năm 2023 của các tỉnh\n\n"
RANKINGS = {
    "two columns": "Tỉnh\tĐiểm\nQuảng Ninh\t91,5\nHải Phòng\t90,2\nBắc Ninh\t89,9\n",
    "rank column": "Xếp hạng\tTỉnh\tĐiểm\n1\tQuảng Ninh\t91,5\n2\tHải Phòng\t90,2\n3\tBắc Ninh\t89,9\n",
    "index columns": (
        "STT | Tỉnh | PAR INDEX | SIPAS\n|---|---|---|---|\n1 | Quảng Ninh | 91,5 | 88,2\n"
        "2 | Hải Phòng | 90,2 | 87,1\n3 | Bắc Ninh | 89,9 | 86,0\n"
    ),
}


def _read_file(tmp_path: Path, text: str):
    path = tmp_path / "ranking.txt"
    path.write_text(text, encoding="utf-8")
    return extract_files([path])


@pytest.mark.parametrize("layout", RANKINGS)
def test_a_ranking_table_gives_each_province_its_score(tmp_path, layout):
    result = _read_file(tmp_path, CAPTION + RANKINGS[layout])
    got = {(f.indicator, f.province, f.value) for f in result.figures}
    totals = {("par.total_points", "Quảng Ninh", 91.5), ("par.total_points", "Hải Phòng", 90.2)}
    assert totals | {("par.total_points", "Bắc Ninh", 89.9)} <= got
    sipas = {g for g in got if g[0] == "sipas.satisfaction_pct"}
    assert sipas == (
        {
            ("sipas.satisfaction_pct", "Quảng Ninh", 88.2),
            ("sipas.satisfaction_pct", "Hải Phòng", 87.1),
            ("sipas.satisfaction_pct", "Bắc Ninh", 86.0),
        }
        if layout == "index columns"
        else set()
    )
    assert {f.period for f in result.figures} == {"2023"}


def test_a_two_column_list_of_other_things_is_not_a_ranking(tmp_path):
    # "Nội dung | Số lượng" heads a list of counts, not a ranking of places: nothing is read as
    # an index score from it
    text = (
        CAPTION + "Nội dung\tSố lượng\nSố văn bản ban hành\t12\nSố cuộc kiểm tra\t8\n"
        "Số cán bộ được tập huấn\t150\n"
    )
    figures = _read_file(tmp_path, text).figures
    assert not any(f.indicator == "par.total_points" for f in figures)


@pytest.mark.parametrize(
    "sentence",
    [
        "The province's Department of Planning and Investment received 8,200 dossiers in the "
        "first half of 2024.",
        "In the first half of 2024, the Nghe An Department of Planning and Investment received "
        "8,200 dossiers.",
        "In the first half of 2024, Nghe An's Department of Planning and Investment received "
        "8,200 dossiers.",
    ],
)
def test_a_department_owned_by_the_province_is_the_subject_not_the_province(sentence):
    # the owner named before the department ("the province's") does not make the count the
    # whole province's
    result = extract_text(f"Nghe An speeds up reform\n\n{sentence}\n")
    got = {(f.indicator, f.value, f.scope, f.period) for f in result.figures + result.subunits}
    assert got == {("dossier.received", 8200.0, "Sở Kế hoạch và Đầu tư", "2024-H1")}


SERVICE_BY_MONTH = {
    "provinces as rows": (
        "Bộ chỉ số phục vụ người dân, doanh nghiệp của các tỉnh năm 2025\n\n"
        "Tỉnh\tTháng 8/2025\tTháng 9/2025\nHà Tĩnh\t86,50\t88,50\nNghệ An\t84,20\t85,10\n"
        "Quảng Trị\t80,00\t82,30\n"
    ),
    "months as rows": (
        "Chỉ số phục vụ người dân, doanh nghiệp của tỉnh Hà Tĩnh\n\n"
        "Tháng\tĐiểm\tXếp hạng\nTháng 8/2025\t86,50\t7\nTháng 9/2025\t88,50\t5\n"
        "Tháng 10/2025\t87,20\t6\n"
    ),
}


@pytest.mark.parametrize("layout", SERVICE_BY_MONTH)
def test_a_table_of_the_service_index_by_month(tmp_path, layout):
    # the cells are bare scores: the caption names the index, the columns or rows the months
    got = {
        (f.province, f.period, f.value)
        for f in _read_file(tmp_path, SERVICE_BY_MONTH[layout]).figures
        if f.indicator == "service.index_points"
    }
    hà_tĩnh = {("Hà Tĩnh", "2025-M08", 86.5), ("Hà Tĩnh", "2025-M09", 88.5)}
    if layout == "provinces as rows":
        assert got == hà_tĩnh | {
            ("Nghệ An", "2025-M08", 84.2),
            ("Nghệ An", "2025-M09", 85.1),
            ("Quảng Trị", "2025-M08", 80.0),
            ("Quảng Trị", "2025-M09", 82.3),
        }
    else:
        assert got == hà_tĩnh | {("Hà Tĩnh", "2025-M10", 87.2)}


def test_a_list_of_leaders_one_cell_a_line_without_a_head(tmp_path):
    # measure / province / score, a cell a line, as an infographic's text gives it
    cells = [
        "Tham gia của người dân ở cấp cơ sở", "Thái Nguyên", "6.22",
        "Công khai, minh bạch", "Quảng Ninh", "6.5",
        "Trách nhiệm giải trình với người dân", "Quảng Bình", "5.82",
        "Kiểm soát tham nhũng trong khu vực công", "Quảng Ninh", "8.29",
    ]  # fmt: skip
    text = "Các địa phương dẫn đầu các chỉ số nội dung của PAPI năm 2023\n\n" + "\n".join(cells)
    got = {(f.indicator, f.province, f.value) for f in _read_file(tmp_path, text).figures}
    assert got == {
        ("papi.participation", "Thái Nguyên", 6.22),
        ("papi.transparency", "Quảng Ninh", 6.5),
        ("papi.accountability", "Quảng Bình", 5.82),
        ("papi.corruption", "Quảng Ninh", 8.29),
    }


def test_two_lines_of_measure_province_and_score_are_no_list(tmp_path):
    # fewer than three rows: the cells stay as they are (no list is made up from two)
    cells = ["Tham gia của người dân ở cấp cơ sở", "Thái Nguyên", "6.22"]
    text = "Tin PAPI năm 2023\n\n" + "\n".join(cells) + "\nCông khai, minh bạch\nQuảng Ninh\n6.5\n"
    from cchc_analysis.extract.flattened import rebuild_flattened

    _, note = rebuild_flattened(text)
    assert note == ""


def test_an_english_pages_ranking_table_says_points_in_english(tmp_path):
    # the page reader does not know the page's language: a head and caption without
    # Vietnamese letters have their bare scores said in English ("points"), as the English
    # rules read them
    page = tmp_path / "par.html"
    page.write_text(
        '<html><head><meta charset="utf-8"></head><body><h1>Quang Ninh tops PAR Index 2023</h1>'
        "<p>The Ministry of Home Affairs announced the 2023 Public Administration Reform Index "
        "(PAR Index) and the Satisfaction Index of Public Administrative Services (SIPAS).</p>"
        "<table><tr><th>Rank</th><th>Province</th><th>PAR Index</th><th>SIPAS</th></tr>"
        "<tr><td>1</td><td>Quang Ninh</td><td>91.50</td><td>88.20</td></tr>"
        "<tr><td>2</td><td>Hai Phong</td><td>90.20</td><td>87.10</td></tr></table>"
        "</body></html>",
        encoding="utf-8",
    )
    got = {(f.indicator, f.province, f.value) for f in extract_files([page]).figures}
    assert got == {
        ("par.total_points", "Quảng Ninh", 91.5),
        ("par.total_points", "Hải Phòng", 90.2),
        ("sipas.satisfaction_pct", "Quảng Ninh", 88.2),
        ("sipas.satisfaction_pct", "Hải Phòng", 87.1),
    }


@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_shared_fragment_of_the_phrase_files_is_written_out(language):
    # the index parts' tails are written once in each file ("fragments") and put in their rules
    from cchc_analysis.extract.patterns import _spec

    spec = _spec(language)
    assert spec["fragments"]["score_tail"]
    words = [p for rule in spec["rules"] for key in ("left_any",) for p in rule.get(key) or []]
    assert not any("{score_tail}" in p for p in words)
    assert sum(p.endswith(spec["fragments"]["score_tail"]) for p in words) >= 16
