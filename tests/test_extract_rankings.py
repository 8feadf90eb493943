"""League tables written as prose: each score goes to the unit or province named with it.

Every text here is ours, written to reproduce the phrasings of published rankings (the PAR
index of a province's departments and districts, the Decision 766 service index of the
provinces, SIPAS), never copied from them."""

from __future__ import annotations

import pytest

from cchc_analysis.extract import extract_text


def _scores(text: str, **options: str) -> set[tuple[str, float, str, str]]:
    extraction = extract_text(text, **options)
    return {
        (f.indicator, f.value, f.scope, f.province)
        for f in extraction.figures + extraction.subunits
        if f.indicator in ("par.total_points", "service.index_points", "sipas.satisfaction_pct")
    }


def test_departments_and_districts_each_get_their_own_score() -> None:
    text = (
        "Công bố Chỉ số cải cách hành chính năm 2023 của các sở, ngành và huyện tỉnh Ninh Bình\n"
        "Khối sở, ban, ngành: Sở Tư pháp xếp hạng nhất (92,15 điểm); Sở Nội vụ xếp thứ hai với "
        "91,20 điểm. Khối huyện: UBND huyện Nho Quan đạt 89,47 điểm, đứng đầu; thành phố Tam "
        "Điệp đạt 88,57 điểm."
    )
    assert _scores(text) == {
        ("par.total_points", 92.15, "Sở Tư pháp", "Ninh Bình"),
        ("par.total_points", 91.2, "Sở Nội vụ", "Ninh Bình"),
        ("par.total_points", 89.47, "huyện Nho Quan", "Ninh Bình"),
        ("par.total_points", 88.57, "thành phố Tam Điệp", "Ninh Bình"),
    }


def test_the_unit_in_brackets_after_a_score_is_its_owner() -> None:
    text = (
        "Chỉ số phục vụ người dân, doanh nghiệp quý III/2024 của các cơ quan tỉnh Lâm Đồng\n"
        "Điểm số cao nhất là 96,40 điểm (Sở Xây dựng) và điểm số thấp nhất là 81,05 điểm "
        "(UBND huyện Đam Rông)."
    )
    scores = _scores(text)
    assert ("service.index_points", 96.4, "Sở Xây dựng", "Lâm Đồng") in scores
    assert any(v == 81.05 and "Đam Rông" in scope for _, v, scope, _ in scores)
    assert len(scores) == 2


def test_a_national_table_gives_each_province_its_score() -> None:
    text = (
        "Kết quả Bộ chỉ số phục vụ người dân, doanh nghiệp năm 2024\n"
        "Theo Bộ chỉ số phục vụ người dân, doanh nghiệp năm 2024, Cà Mau đạt 91,06 điểm, đứng "
        "đầu cả nước. Tiếp theo là tỉnh Bình Định với 90,54 điểm, tăng 1,73%, và tỉnh Bắc "
        "Giang với 89,49 điểm. Xếp cuối là tỉnh Bạc Liêu với 58,4 điểm."
    )
    assert _scores(text) == {
        ("service.index_points", 91.06, "province", "Cà Mau"),
        ("service.index_points", 90.54, "province", "Bình Định"),
        ("service.index_points", 89.49, "province", "Bắc Giang"),
        ("service.index_points", 58.4, "province", "Bạc Liêu"),
    }


def test_points_then_index_keeps_the_index() -> None:
    # "X có tổng số điểm đạt được P điểm, chỉ số CCHC đạt I%": the index, not the raw points
    text = (
        "Xếp hạng Chỉ số cải cách hành chính năm 2022 của các sở tỉnh Thanh Hóa\n"
        "Theo đó, Sở Xây dựng có tổng số điểm đạt được 70,10 điểm, chỉ số cải cách hành chính "
        "đạt 83,45% đứng vị trí thứ nhất; Sở Y tế có tổng số điểm đạt được 68,20 điểm, chỉ số "
        "cải cách hành chính đạt 81,19% đứng vị trí thứ hai."
    )
    assert _scores(text) == {
        ("par.total_points", 83.45, "Sở Xây dựng", "Thanh Hóa"),
        ("par.total_points", 81.19, "Sở Y tế", "Thanh Hóa"),
    }


def test_another_province_named_with_its_score_keeps_its_own_name() -> None:
    text = (
        "Sóc Trăng dẫn đầu khu vực về Chỉ số cải cách hành chính năm 2021\n"
        "Chỉ số cải cách hành chính năm 2021 của tỉnh Sóc Trăng đạt 86,12%. Đứng cuối bảng "
        "xếp hạng về chỉ số PAR INDEX là Kiên Giang (đạt 79.97%)."
    )
    scores = _scores(text)
    assert ("par.total_points", 86.12, "province", "Sóc Trăng") in scores
    assert ("par.total_points", 79.97, "province", "Kiên Giang") in scores


@pytest.mark.parametrize(
    "sentence",
    [
        # a change, not a score
        "Có 50 địa phương có Chỉ số cải cách hành chính tăng, tăng cao nhất là Bình Thuận "
        "(6,39%), tăng thấp nhất là Lai Châu (0,19%).",
        # ministries are no province's units
        "Về Chỉ số cải cách hành chính của các bộ, đứng đầu là Bộ Tư pháp (91,60%), xếp thứ "
        "hai là Bộ Tài chính (90,02%).",
        # a part of the index, not the index
        "Về Chỉ số tiến độ giải quyết hồ sơ: Sở Công Thương đạt 99,47%; Sở Y tế đạt 98,10%.",
        # a share of procedures, in a text about the index
        "Theo Chỉ số cải cách hành chính, tỉnh Nam Định có 100% thủ tục hành chính được cung "
        "cấp trực tuyến.",
    ],
)
def test_what_is_not_a_units_score_is_not_taken(sentence: str) -> None:
    text = "Kết quả cải cách hành chính năm 2023 của tỉnh Nam Định\n" + sentence
    scores = _scores(text)
    assert not any(
        scope not in ("province",) or value < 50 or value == 100 for _, value, scope, _ in scores
    ), scores


def test_a_score_out_of_100_is_read() -> None:
    text = (
        "Bắc Kạn: chỉ số phục vụ người dân, doanh nghiệp tháng 7/2024\n"
        "Kết quả Bộ chỉ số phục vụ người dân, doanh nghiệp của tỉnh Bắc Kạn tháng 7/2024 đạt "
        "82,88/100 điểm, xếp thứ 8/63 tỉnh, thành phố."
    )
    assert _scores(text) == {("service.index_points", 82.88, "province", "Bắc Kạn")}


def test_a_text_without_a_ranked_index_is_left_to_the_sentence_reader() -> None:
    text = (
        "Huyện Đức Trọng giải quyết hồ sơ đúng hạn\n"
        "Quý I/2023, UBND huyện Đức Trọng đạt 99,38% hồ sơ đúng hạn; Sở Tư pháp đạt 98,5%."
    )
    assert _scores(text) == set()


_LAM_DONG = (
    "Công bố Chỉ số cải cách hành chính năm 2023 của các sở, ngành, địa phương tỉnh Lâm Đồng\n"
)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (  # a unit whose name ends where its score begins
            "Đứng đầu khối sở là Sở Tư pháp với 92,5 điểm, tiếp theo là Sở Nội vụ 91,2 điểm.",
            {("Sở Tư pháp", 92.5), ("Sở Nội vụ", 91.2)},
        ),
        (  # a list one unit a line
            "Kết quả cụ thể như sau:\n1. Sở Tư pháp: 92,5 điểm;\n2. Sở Nội vụ: 91,2 điểm.",
            {("Sở Tư pháp", 92.5), ("Sở Nội vụ", 91.2)},
        ),
        (  # bare scores in brackets; the group's threshold is no unit's score
            "Nhóm xuất sắc (từ 90 điểm trở lên) gồm: Sở Tư pháp (92,5), Sở Nội vụ (91,2).",
            {("Sở Tư pháp", 92.5), ("Sở Nội vụ", 91.2)},
        ),
        (  # districts named bare in a list of districts
            "Các huyện xếp hạng cao gồm: Lâm Hà (97,63 điểm), Di Linh (90,96 điểm).",
            {("Lâm Hà", 97.63), ("Di Linh", 90.96)},
        ),
        (  # the second unit without a verb
            "Khối huyện: huyện Lâm Hà đạt 88,5 điểm, huyện Di Linh 87,3 điểm.",
            {("huyện Lâm Hà", 88.5), ("huyện Di Linh", 87.3)},
        ),
        (  # the province's own offices are units of a ranking of departments
            "Đứng đầu là Văn phòng UBND tỉnh với 95,1 điểm; cuối bảng là Ban Quản lý các khu "
            "công nghiệp với 80,4 điểm.",
            {("Văn phòng UBND tỉnh", 95.1), ("Ban Quản lý các khu công nghiệp", 80.4)},
        ),
        (  # the score first, then its owner
            "Với 88,15%, Lâm Đồng xếp thứ 20/63 tỉnh, thành phố về Chỉ số cải cách hành chính.",
            {("province", 88.15)},
        ),
    ],
)
def test_more_ways_a_ranking_is_written(body: str, expected: set[tuple[str, float]]) -> None:
    found = {(scope, value) for _, value, scope, _ in _scores(_LAM_DONG + body)}
    assert found == expected


def test_a_province_spelled_dak_with_a_breve_is_found() -> None:
    text = (
        "Kết quả Bộ chỉ số phục vụ người dân, doanh nghiệp năm 2024\n"
        "Hai tỉnh xếp cuối là tỉnh Bạc Liêu với 58,4 điểm và tỉnh Đăk Nông với 56,26 điểm."
    )
    assert {(v, p) for _, v, _, p in _scores(text)} == {(58.4, "Bạc Liêu"), (56.26, "Đắk Nông")}


@pytest.mark.parametrize(
    "lines",
    [
        # one row per line, cells between tabs, a first column numbering the rows
        "STT\tĐơn vị\tTổng điểm\tXếp hạng\n1\tSở Tư pháp\t92,50\t1\n2\tSở Nội vụ\t91,20\t2\n"
        "3\tSở Tài chính\t90,80\t3\n",
        # one cell per line
        "STT\nĐơn vị\nĐiểm\nXếp hạng\n1\nSở Tư pháp\n92,50\n1\n2\nSở Nội vụ\n91,20\n2\n3\n"
        "Sở Tài chính\n90,80\n3\n",
    ],
)
def test_a_ranking_table_flattened_in_a_file_is_read(tmp_path, lines: str) -> None:
    from cchc_analysis.extract import extract_files

    path = tmp_path / "xep_hang.txt"
    path.write_text(
        "Kết quả xếp hạng Chỉ số cải cách hành chính năm 2023 các sở tỉnh Lâm Đồng\n" + lines,
        encoding="utf-8",
    )
    extraction = extract_files([path])
    found = {(f.indicator, f.value, f.scope) for f in extraction.figures + extraction.subunits}
    assert found == {
        ("par.total_points", 92.5, "Sở Tư pháp"),
        ("par.total_points", 91.2, "Sở Nội vụ"),
        ("par.total_points", 90.8, "Sở Tài chính"),
    }


def test_an_english_league_table_gives_each_province_its_score() -> None:
    text = (
        "PAR Index 2023: Hai Phong tops the table\n"
        "Hai Phong led the 2023 PAR Index with 92.18 points, followed by Quang Ninh (91.37) and "
        "Bac Ninh with 89.02 points. Kon Tum ranked last with 77.68 points, up 1.2 points from "
        "the previous year."
    )
    found = {(v, scope, province) for _, v, scope, province in _scores(text)}
    assert found == {
        (92.18, "province", "Hải Phòng"),
        (91.37, "province", "Quảng Ninh"),
        (89.02, "province", "Bắc Ninh"),
        (77.68, "province", "Kon Tum"),
    }


def test_an_english_ranking_of_departments_and_the_gap_that_is_no_score() -> None:
    text = (
        "Quang Nam announces PAR index of departments\n"
        "Among provincial departments, the Department of Justice ranked first with 91.2 points, "
        "while the Department of Construction came last with 80.5 points. The gap between them "
        "is 10.7 points."
    )
    found = {(v, scope) for _, v, scope, _ in _scores(text)}
    assert found == {(91.2, "Sở Tư pháp"), (80.5, "Sở Xây dựng")}


def test_a_papi_dimension_ranked_in_english_counts_only_in_a_text_about_papi() -> None:
    ranked = (
        "In public service delivery, the top performers were Quang Ninh (7.66 points), Hai Phong "
        "(7.52 points) and Da Nang (7.49 points)."
    )
    extraction = extract_text("PAPI 2023: provincial governance index\n" + ranked)
    found = {(f.indicator, f.value, f.province) for f in extraction.figures}
    assert found == {
        ("papi.service", 7.66, "Quảng Ninh"),
        ("papi.service", 7.52, "Hải Phòng"),
        ("papi.service", 7.49, "Đà Nẵng"),
    }
    other = extract_text("Hospitals and schools in 2023\n" + ranked)
    assert not [f for f in other.figures + other.subunits if f.indicator.startswith("papi")]


def test_the_cli_asks_for_a_province_only_when_rows_lack_one(tmp_path) -> None:
    from typer.testing import CliRunner

    from cchc_analysis.cli import app

    table = tmp_path / "xep_hang.txt"
    table.write_text(
        "Kết quả Bộ chỉ số phục vụ người dân, doanh nghiệp năm 2024\n"
        "Cà Mau đạt 91,06 điểm, đứng đầu cả nước; tiếp theo là tỉnh Bình Định với 90,54 điểm.",
        encoding="utf-8",
    )
    out = tmp_path / "figures.csv"
    done = CliRunner().invoke(app, ["extract", str(table), "--out", str(out)])
    assert done.exit_code == 0, done.output
    assert "pass --province" not in done.output  # each row names its own province
    rows = out.read_text(encoding="utf-8-sig").splitlines()
    assert len(rows) == 3 and "Bình Định" in rows[2]


def test_a_province_written_with_an_en_dash_and_no_marks_is_found() -> None:
    text = (
        "PAR INDEX 2012\nDa Nang ranked first in the PAR INDEX with 87.14 percent, followed by "
        "Ba Ria – Vung Tau (86.14 percent)."
    )
    assert {(v, p) for _, v, _, p in _scores(text)} == {
        (87.14, "Đà Nẵng"),
        (86.14, "Bà Rịa - Vũng Tàu"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "PAR Index 2023 announced\nHai Phong, Quang Ninh and Bac Ninh were the top three in the "
        "PAR Index 2023 with 91.2, 90.8 and 89.9 percent respectively.",
        "Chỉ số CCHC năm 2023\nBa địa phương dẫn đầu Chỉ số CCHC năm 2023 là Hải Phòng, Quảng "
        "Ninh và Bắc Ninh, lần lượt đạt 91,2; 90,8 và 89,9 điểm.",
    ],
)
def test_scores_given_in_turn_go_to_the_units_named_in_turn(text: str) -> None:
    assert {(v, p) for _, v, _, p in _scores(text)} == {
        (91.2, "Hải Phòng"),
        (90.8, "Quảng Ninh"),
        (89.9, "Bắc Ninh"),
    }


def test_with_a_result_of_then_its_owner() -> None:
    text = (
        "SIPAS 2024\nKết quả Chỉ số SIPAS năm 2024 trung bình cả nước là 83,94%. Với kết quả "
        "90,23%, tỉnh Thái Nguyên tiếp tục giữ vững vị trí số 2 toàn quốc."
    )
    assert ("sipas.satisfaction_pct", 90.23, "province", "Thái Nguyên") in _scores(text)
