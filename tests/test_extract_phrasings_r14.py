"""Phrasings met on the development half in the sixth session, in sentences written for this
test: a score whose province is named in brackets after it, the bar of a band of an index
that a count of units reaches, and a number of provinces that is no count of dossiers."""

from __future__ import annotations

import pytest

from cchc_analysis.extract import extract_text


def _found(text: str) -> set[tuple[str, float, str | None]]:
    extraction = extract_text(text)
    return {
        (f.indicator, f.value, f.province)
        for f in list(extraction.figures) + list(extraction.subunits)
        if not f.internal
    }


def test_each_score_goes_to_the_province_in_brackets_after_it():
    text = (
        "Theo PAPI 2023, tỉnh có điểm thấp nhất là 5,42 điểm (Điện Biên), cao nhất là "
        "8,15 điểm (Bình Dương) ở chỉ số kiểm soát tham nhũng."
    )
    assert _found(text) == {
        ("papi.corruption", 5.42, "Điện Biên"),
        ("papi.corruption", 8.15, "Bình Dương"),
    }


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        (
            "Chỉ số cải cách hành chính năm 2023 của UBND cấp huyện: có 01 cơ quan đạt 90 điểm "
            "được phân loại xuất sắc; 05 cơ quan đạt 80 điểm trở lên.",
            set(),
        ),
        (
            "Năm 2023, về chỉ số SIPAS của các sở, có 11 đơn vị đạt từ 90% trở lên, trong đó "
            "Sở Tư pháp đạt 100%.",
            {("sipas.satisfaction_pct", 100.0)},
        ),
        (
            "In the 2023 SIPAS index, there were 11 units with a SIPAS index of 90% or higher, "
            "with Song Ma district recording 100%.",
            {("sipas.satisfaction_pct", 100.0)},
        ),
        (
            "In the 2023 PAR Index, the number of units scoring above 90 points rose from 95 "
            "to 96 out of 99 units.",
            set(),
        ),
    ],
)
def test_the_bar_a_count_of_units_reaches_is_no_score(sentence, kept):
    text = f"Sơn La năm 2023\n{sentence}"
    assert {(i, v) for i, v, _ in _found(text)} == kept


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a province named after its rank or its year reaches its own score
        (
            "Về chỉ số SIPAS năm 2023, tỉnh Quảng Ninh dẫn đầu đạt 90,61%; đứng thứ 2 tỉnh "
            "Thái Nguyên đạt 90,29%.",
            {
                ("sipas.satisfaction_pct", 90.61, "Quảng Ninh"),
                ("sipas.satisfaction_pct", 90.29, "Thái Nguyên"),
            },
        ),
        (
            "Chỉ số PAR INDEX năm 2023 tỉnh Kon Tum đạt 86,14 điểm.",
            {("par.total_points", 86.14, "Kon Tum")},
        ),
    ],
)
def test_a_named_province_before_its_score_is_no_count_of_units(sentence, expected):
    assert _found(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Năm 2023, có 5 tỉnh có số hồ sơ trực tuyến thấp nhất.",
        "Năm 2023, có 3 tỉnh, thành phố ban hành chính sách miễn phí nộp hồ sơ trực tuyến.",
    ],
)
def test_a_number_of_provinces_is_no_count_of_dossiers(sentence):
    assert _found(f"Tổng hợp cả nước\n{sentence}") == set()


def test_dossiers_counted_next_to_provinces_are_still_read():
    text = "Quảng Ninh năm 2023\nTỉnh đã tiếp nhận 12.000 hồ sơ, trong đó có 2 tỉnh chưa kết nối."
    assert _found(text) == {("dossier.received", 12000.0, "Quảng Ninh")}


def _scoped(text: str) -> set[tuple[str, float, str]]:
    extraction = extract_text(text)
    return {
        (f.indicator, f.value, f.scope)
        for f in list(extraction.figures) + list(extraction.subunits)
        if not f.internal
    }


@pytest.mark.parametrize(
    ("sentence", "indicator", "values"),
    [
        (
            "Năm 2021, tỷ lệ hồ sơ giải quyết đúng hạn đạt 99,14% ở cấp tỉnh, 98,9% ở cấp huyện "
            "và 99,74% ở cấp xã.",
            "dossier.on_time_pct",
            (99.14, 98.9, 99.74),
        ),
        (
            "Năm 2021, tỉnh tiếp nhận 40.000 hồ sơ ở cấp tỉnh, 50.000 hồ sơ ở cấp huyện và "
            "30.000 hồ sơ ở cấp xã.",
            "dossier.received",
            (40000.0, 50000.0, 30000.0),
        ),
        (
            "Năm 2021, tỷ lệ hồ sơ giải quyết đúng hạn của các sở, ngành đạt 99,14%, của UBND "
            "cấp huyện đạt 98,9% và của UBND cấp xã đạt 99,74%.",
            "dossier.on_time_pct",
            (99.14, 98.9, 99.74),
        ),
        (
            "In 2021, the on-time rate was 99.14 percent at the provincial level, 98.9 percent "
            "at the district level and 99.74 percent at the commune level.",
            "dossier.on_time_pct",
            (99.14, 98.9, 99.74),
        ),
        (
            "In 2021, the on-time rate was 99.14 percent at provincial agencies, 98.9 percent "
            "at district People's Committees and 99.74 percent at communal People's Committees.",
            "dossier.on_time_pct",
            (99.14, 98.9, 99.74),
        ),
        (
            "As of December 31, 2021, the rate of administrative procedures processed on time "
            "by provincial agencies reached 99.14 percent, while that by district-level People's "
            "Committees was 98.9 percent and by communal People's Committees was 99.74 percent.",
            "dossier.on_time_pct",
            (99.14, 98.9, 99.74),
        ),
    ],
)
def test_each_level_of_a_list_keeps_its_own_figure(sentence, indicator, values):
    # the level named after a number is that number's, and does not pass to the next one
    levels = ("cấp tỉnh", "cấp huyện", "cấp xã")
    assert _scoped(f"Lạng Sơn năm 2021\n{sentence}") == {
        (indicator, value, level) for value, level in zip(values, levels, strict=True)
    }


def test_dossiers_dealt_with_are_resolved():
    text = "Năm 2018, huyện Núi Thành đã tiếp nhận 10.718 hồ sơ, xử lý được 9.817 hồ sơ."
    assert ("dossier.resolved", 9817.0, "huyện Núi Thành") in _scoped(text)


@pytest.mark.parametrize(
    "subject",
    ["các sở, ban, UBND cấp huyện, UBND cấp xã", "cấp tỉnh, cấp huyện và cấp xã"],
)
def test_every_level_named_together_is_the_whole_province(subject):
    text = f"Năm 2023, {subject} nhận giải quyết 22.600 hồ sơ, đã giải quyết 22.500 hồ sơ."
    assert _scoped(f"Tây Ninh năm 2023\n{text}") == {
        ("dossier.received", 22600.0, "province"),
        ("dossier.resolved", 22500.0, "province"),
    }


def test_a_level_and_its_count_name_no_district():
    # "cấp huyện 8.000": there is no "huyện 8" (a numbered district is a quận, and a city's)
    text = "Năm 2023, cấp tỉnh tiếp nhận 5.000 hồ sơ, cấp huyện 8.000 hồ sơ và cấp xã 9.600 hồ sơ."
    extraction = extract_text(text)
    assert extraction.documents[0].province in (None, "")
    assert {(f.value, f.scope) for f in extraction.subunits} == {
        (5000.0, "cấp tỉnh"),
        (8000.0, "cấp huyện"),
        (9600.0, "cấp xã"),
    }


@pytest.mark.parametrize("quote", ["“{}”", '"{}"', "{}"])
def test_a_one_stop_desk_named_in_quotes_is_the_district_s(quote):
    desk = quote.format("một cửa")
    text = f"Năm 2021, bộ phận {desk} huyện Đức Trọng tiếp nhận 7.604 hồ sơ."
    assert _scoped(text) == {("dossier.received", 7604.0, "huyện Đức Trọng")}


def test_a_unit_that_says_what_it_did_is_the_subject():
    text = (
        "Ngày 25/9, Văn phòng Đăng ký đất đai tỉnh Đồng Nai cho biết đã tiếp nhận hơn 260.000 "
        "hồ sơ trong 9 tháng năm 2025."
    )
    assert _scoped(text) == {
        ("dossier.received", 260000.0, "Văn phòng Đăng ký đất đai tỉnh Đồng Nai")
    }
    # the department of home affairs reporting the province's figures stays a source
    text = "Sở Nội vụ cho biết, năm 2023 toàn tỉnh tiếp nhận 12.000 hồ sơ."
    assert _scoped(text) == {("dossier.received", 12000.0, "province")}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "In the first 4 months of 2025, the total disbursement value of public investment "
            "capital managed by Binh Dinh province reached more than VND 2,062 billion.",
            ("finance.disbursed_bn", 2062.0),
        ),
        (
            "As of December 31, 2025, the total disbursed value of the public investment plan "
            "for 2025 of Dong Thap province reached 13,896.4 billion VND.",
            ("finance.disbursed_bn", 13896.4),
        ),
        (
            "The total planned investment capital managed by Ben Tre province in 2024 is "
            "VNĐ5 trillion.",
            ("finance.plan_bn", 5000.0),
        ),
        (
            "To date, Ben Tre province has disbursed over VNĐ3 trillion of planned public "
            "investment capital.",
            ("finance.disbursed_bn", 3000.0),
        ),
        (
            "The total number of applications received in Thai Binh in 2018 was 931,053, of "
            "which 931,054 were completed prior to the deadline.",
            ("dossier.resolved_early", 931054.0),
        ),
    ],
)
def test_english_amounts_and_early_results(sentence, expected):
    assert expected in {(i, v) for i, v, _ in _scoped(sentence)}


def test_a_papi_dimension_named_after_the_grassroots_is_no_level():
    text = (
        "In the 2023 PAPI, Bac Giang scored high in: People's participation at the grassroots "
        "level (5.5787 points); transparency in local decision making (5.687 points); control "
        "of corruption in the public sector (7.1515 points)."
    )
    assert _scoped(text) == {
        ("papi.participation", 5.5787, "province"),
        ("papi.transparency", 5.687, "province"),
        ("papi.corruption", 7.1515, "province"),
    }
    # the grassroots as a level still is one
    assert _scoped("At the grassroots level, 120 communes received 5,000 dossiers.") == {
        ("dossier.received", 5000.0, "cấp xã")
    }


def test_a_district_s_one_stop_desk_opening_the_text_makes_it_the_district_s():
    text = (
        "Từ ngày 5-12-2020 đến 15-11-2021, bộ phận “một cửa” TX.Tân Uyên đã tiếp nhận 7.604 "
        "hồ sơ.\nHồ sơ giải quyết trước hạn là 1.555 hồ sơ, đúng hạn là 4.101 hồ sơ."
    )
    assert _scoped(text) == {
        ("dossier.received", 7604.0, "TX.Tân Uyên"),
        ("dossier.resolved_early", 1555.0, "TX.Tân Uyên"),
        ("dossier.resolved_on_time", 4101.0, "TX.Tân Uyên"),
    }


def test_the_dossiers_dealt_with_out_of_which_some_on_time():
    text = (
        "Lâm Đồng 6 tháng đầu năm 2018\nTrong 6 tháng đầu năm 2018, trong số 10.440 hồ sơ "
        "giải quyết xong có 9.505 hồ sơ đúng hẹn."
    )
    assert ("dossier.resolved", 10440.0, "province") in _scoped(text)
    assert ("dossier.resolved", 9505.0, "province") not in _scoped(text)


@pytest.mark.parametrize("commune", ["xã Lai Hưng, huyện Bàu Bàng", "xã Lai Hưng (huyện Bàu Bàng)"])
def test_a_commune_followed_by_its_district_is_the_commune_s(commune):
    text = f"Năm 2017, {commune} tiếp nhận 1.200 hồ sơ."
    assert _scoped(text) == {("dossier.received", 1200.0, "xã Lai Hưng")}


def test_a_district_with_its_own_figure_after_a_commune_keeps_it():
    text = "Năm 2017, xã Lai Hưng tiếp nhận 1.200 hồ sơ, huyện Bàu Bàng tiếp nhận 5.000 hồ sơ."
    assert _scoped(text) == {
        ("dossier.received", 1200.0, "xã Lai Hưng"),
        ("dossier.received", 5000.0, "huyện Bàu Bàng"),
    }


def test_a_unit_graded_average_still_has_its_score():
    text = (
        "Chỉ số CCHC năm 2022 của các sở: Sở Y tế xếp loại Trung Bình với tỷ lệ điểm số đạt 63,40%."
    )
    assert _scoped(text) == {("par.total_points", 63.4, "Sở Y tế")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Among ministries with high disbursement rates: Ministry of Public Security (allocated "
        "VND 4,100 billion, disbursed 27.3%), Thanh Hoa (allocated VND 13,300 billion, "
        "disbursed 39.2%).",
        "Các bộ, địa phương giải ngân cao: Bộ Công an (được giao 4.100 tỷ đồng, giải ngân "
        "27,3%), Thanh Hóa (được giao 13.300 tỷ đồng, giải ngân 39,2%).",
    ],
)
def test_a_ministry_s_figure_in_brackets_is_no_province_s(sentence):
    assert _found(sentence) == {("finance.plan_bn", 13300.0, "Thanh Hóa")}


def test_all_the_dossiers_in_brackets_are_still_read():
    # "toàn bộ" is no ministry ("Bộ")
    text = "Năm 2023, Sở Tư pháp tiếp nhận 1.200 hồ sơ (toàn bộ 1.200 hồ sơ đã được số hóa)."
    assert ("dossier.received", 1200.0, "Sở Tư pháp") in _scoped(text)


@pytest.mark.parametrize(
    "sentence",
    [
        "The MoJ topped the list with 91.9 percent.",
        "In the 2023 PAR Index, the Ministry of Justice topped the list with 91.9 percent.",
    ],
)
def test_a_ministry_s_score_is_no_province_s(sentence):
    assert _found(f"Bac Giang PAR Index 2023\n{sentence}") == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2025, the Gia Nghia City Central Square project has allocated 140.8 billion VND "
        "but has only disbursed more than 1 billion VND.",
        "In 2025, Dak Nong province has allocated 88.9 billion VND for a relocation and "
        "resettlement project.",
    ],
)
def test_one_project_s_capital_is_no_province_s_plan(sentence):
    assert _found(sentence) == set()


def test_the_province_s_capital_plan_is_still_read():
    text = "In 2024, the public investment capital plan of Dak Nong is VND 3,504 billion."
    assert _found(text) == {("finance.plan_bn", 3504.0, "Đắk Nông")}


def test_a_set_of_procedures_is_no_ministry():
    # "Bộ TTHC" is the province's set of procedures, not a ministry ("Bộ Tư pháp")
    text = "Hậu Giang năm 2024\nBộ TTHC của tỉnh Hậu Giang năm 2024 có tổng số 1.823 thủ tục."
    assert _scoped(text) == {("tthc.in_force", 1823.0, "province")}
    text = "Năm 2023, Bộ Tư pháp dẫn đầu Chỉ số CCHC của các bộ với 91,9%."
    assert _scoped(text) == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "Năm 2020, UBND tỉnh đã triển khai 1.463 dịch vụ công mức độ 3, mức độ 4.",
        "Năm 2020, tỉnh cung cấp 1.463 dịch vụ công trực tuyến mức độ 3-4.",
        "Năm 2020, Sở Kế hoạch và Đầu tư đề xuất sửa đổi, bổ sung 15 thủ tục hành chính.",
        "Năm 2020, tỉnh kiến nghị bãi bỏ 12 thủ tục hành chính.",
    ],
)
def test_both_levels_together_and_proposals_are_no_catalogue_figure(sentence):
    assert _scoped(f"Bắc Ninh năm 2020\n{sentence}") == set()


def test_each_level_with_its_own_count_is_still_read():
    text = (
        "Năm 2020, tỉnh cung cấp 1.463 dịch vụ công trực tuyến mức độ 3, mức độ 4 là 560 dịch "
        "vụ. Tỉnh đã bãi bỏ 12 thủ tục hành chính."
    )
    assert _scoped(f"Bắc Ninh năm 2020\n{text}") == {
        ("service.online_level3", 1463.0, "province"),
        ("service.online_level4", 560.0, "province"),
        ("tthc.abolished", 12.0, "province"),
    }


@pytest.mark.parametrize("share", ["(99,09%)", "(đạt 99,09%)", ", đạt 99,09%"])
def test_the_share_of_the_early_or_on_time_count_is_the_on_time_rate(share):
    text = (
        "Quý I/2024, tỉnh giải quyết 11.000 hồ sơ, trong đó trước hạn và đúng hạn 10.900 hồ sơ "
        f"{share}."
    ).replace(" ,", ",")
    assert _scoped(f"Bắc Ninh quý I/2024\n{text}") == {
        ("dossier.resolved", 11000.0, "province"),
        ("dossier.on_time_pct", 99.09, "province"),
    }


def test_a_department_of_a_province_heads_the_ranking_not_the_province():
    text = (
        "Theo kết quả Bộ Chỉ số phục vụ người dân, doanh nghiệp năm 2025, Sở Y tế tỉnh Gia Lai "
        "đứng đầu bảng xếp hạng với 94,74 điểm, xếp loại xuất sắc."
    )
    assert _scoped(text) == {("service.index_points", 94.74, "Sở Y tế")}


def test_each_district_with_the_points_said_before_its_score():
    text = (
        "Chỉ số CCHC năm 2021 cấp huyện: UBND huyện Krông Ana xếp thứ nhất với tổng số điểm "
        "87,76; tiếp đến là UBND huyện Krông Năng với số điểm là 87,05, UBND huyện Krông Pắk "
        "với số điểm là 85,97."
    )
    assert _scoped(text) == {
        ("par.total_points", 87.76, "huyện Krông Ana"),
        ("par.total_points", 87.05, "huyện Krông Năng"),
        ("par.total_points", 85.97, "huyện Krông Pắk"),
    }


def test_cap_do_4_is_the_fourth_level_of_online_service():
    text = "Năm 2021, Sở Công thương có 55 thủ tục hành chính cấp độ 4 (trong tổng số 107 thủ tục)."
    assert _scoped(text) == {
        ("service.online_level4", 55.0, "Sở Công thương"),
        ("tthc.in_force", 107.0, "Sở Công thương"),
    }


def test_and_more_than_is_a_bound_not_a_target():
    text = (
        "In August 2025, the provincial level received more than 23,000 new records, and more "
        "than 17,000 records were resolved, with 93% on time."
    )
    assert {(i, v) for i, v, _ in _scoped(text)} == {
        ("dossier.received", 23000.0),
        ("dossier.resolved", 17000.0),
        ("dossier.on_time_pct", 93.0),
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "To date, the total number of effective administrative procedures in Binh Duong is "
            "1,858.",
            ("tthc.in_force", 1858.0),
        ),
        (
            "In 2019, Dau Tieng district has completed the publicization of 281 administrative "
            "procedures in 50 fields.",
            ("tthc.published", 281.0),
        ),
    ],
)
def test_procedures_in_effect_and_publicized(sentence, expected):
    assert expected in {(i, v) for i, v, _ in _scoped(sentence)}


def test_a_district_named_bare_as_the_subject_of_its_score():
    text = (
        "Tây Ninh công bố Chỉ số CCHC năm 2021\nỞ khối UBND huyện, thành phố, Tân Châu là địa "
        "phương xếp thứ hạng cao nhất với tỷ lệ điểm số đạt 86,8%; Trảng Bàng đứng cuối bảng với "
        "tỷ lệ điểm 71,07%."
    )
    assert _scoped(text) == {
        ("par.total_points", 86.8, "huyện Tân Châu"),
        ("par.total_points", 71.07, "thị xã Trảng Bàng"),
    }


def test_the_police_of_the_whole_province_is_the_provincial_police():
    text = "Năm 2016, lực lượng Công an toàn tỉnh đã giải quyết 410.617 thủ tục cho cá nhân."
    assert _scoped(text) == {("dossier.resolved", 410617.0, "lực lượng Công an toàn tỉnh")}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "In 2019, out of 485,067 dossiers, 154,766 (31.90%) have been submitted online.",
            ("dossier.online", 154766.0),
        ),
        (
            "Năm 2019, tỉnh tiếp nhận 12.000 hồ sơ, trong đó 8.000 hồ sơ (66,7%) nộp trực tuyến.",
            ("dossier.online", 8000.0),
        ),
    ],
)
def test_a_count_s_words_go_on_after_its_share_in_brackets(sentence, expected):
    assert expected in {(i, v) for i, v, _ in _scoped(sentence)}


@pytest.mark.parametrize("asked", ["yêu cầu giải quyết", "đề nghị giải quyết thủ tục"])
def test_the_dossiers_asking_to_be_dealt_with_are_received(asked):
    text = f"Trong 6 tháng đầu năm 2018, tổng số hồ sơ {asked} là 13.382 hồ sơ."
    assert {(i, v) for i, v, _ in _scoped(text)} == {("dossier.received", 13382.0)}


def test_a_figure_in_brackets_after_a_province_is_that_province_s():
    text = (
        "According to the Ministry of Finance, as of the end of October the disbursement of "
        "public investment capital nationwide reached 62 percent of the plan. Among localities "
        "with high disbursement rates were Thanh Hoa (allocated VND 13,300 billion, disbursed "
        "39.2%), Ha Nam (allocated VND 10,600 billion, disbursed 38.4%), and Lam Dong "
        "(allocated VND 7,240 billion, disbursed 30.1%)."
    )
    assert _found(text) == {
        ("finance.plan_bn", 13300.0, "Thanh Hóa"),
        ("finance.plan_bn", 10600.0, "Hà Nam"),
        ("finance.plan_bn", 7240.0, "Lâm Đồng"),
    }


def test_provinces_counted_are_no_inspections():
    text = (
        "Có 63/63 tỉnh đã ban hành chính sách về phí, trong đó có 3 tỉnh, thành phố ban hành "
        "chính sách miễn phí."
    )
    assert _found(text) == set()


def test_a_district_s_name_inside_a_board_s_is_no_district():
    text = (
        "Thanh Hóa công bố Chỉ số CCHC năm 2022\nBan Quản lý Khu kinh tế Nghi Sơn có tổng số điểm "
        "đạt được 91,65 điểm, đứng vị trí thứ sáu."
    )
    assert "thị xã Nghi Sơn" not in {s for _, _, s in _scoped(text)}


def test_the_level_a_unit_rose_to_and_the_province_as_subject():
    text = (
        "Bac Ninh reported the results of the Index 766 in October 2025. Accordingly, on October "
        "30, the province achieved 74.7 points, ranking 16th nationwide, up 0.5 points.\n\n"
        "In the Index 766 ranking of departments of Bac Ninh in October 2025, the Department of "
        "Agriculture and Environment made remarkable progress when it increased from 69.23 "
        "points to 91.60 points."
    )
    assert _scoped(text) == {
        ("service.index_points", 74.7, "province"),
        ("service.index_points", 91.6, "Sở Nông nghiệp và Môi trường"),
    }
    text = (
        "Chỉ số 766 tháng 10/2025 của Bắc Ninh: Sở Nông nghiệp và Môi trường tăng từ 69,23 điểm "
        "lên 91,60 điểm."
    )
    assert _scoped(text) == {("service.index_points", 91.6, "Sở Nông nghiệp và Môi trường")}


def test_a_province_s_score_in_a_sentence_a_ministry_opens():
    text = (
        "The Ministry of Home Affairs announced the 2012 results of the public administration "
        "reform index (PAR INDEX 2012), on which Hanoi received 82.79 percent."
    )
    assert _found(text) == {("par.total_points", 82.79, "Hà Nội")}


def test_the_office_named_before_is_the_bare_office_s():
    text = (
        "Ông Lê Trọng Hải, Phó Giám đốc Văn phòng Đăng ký đất đai huyện Vĩnh Linh cho biết, quý 1 "
        "năm 2022, văn phòng tiếp nhận 6.506 hồ sơ."
    )
    assert _scoped(text) == {
        ("dossier.received", 6506.0, "Văn phòng Đăng ký đất đai huyện Vĩnh Linh")
    }
    # with no office named before, a bare "văn phòng" says nothing of whose figures they are
    assert _scoped("Năm 2022, văn phòng tiếp nhận 6.506 hồ sơ.") == {
        ("dossier.received", 6506.0, "province")
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "Năm 2020, UBND tỉnh đã quyết định cơ cấu tổ chức của 3 sở gồm: Tài chính, Công Thương.",
        "Năm 2020, phường tổ chức 8 đợt ra quân vệ sinh môi trường.",
    ],
)
def test_organising_anything_is_no_inspection(sentence):
    assert _scoped(sentence) == set()


def test_inspections_organised_are_still_read():
    text = "Năm 2020, tỉnh đã tổ chức 8 đợt kiểm tra công tác cải cách hành chính."
    assert _scoped(text) == {("inspection.done", 8.0, "province")}


def test_a_share_of_localities_is_no_score():
    text = (
        "Chỉ số CCHC năm 2017 cấp xã: huyện Phú Giáo và huyện Bàu Bàng có 100% địa phương trực "
        "thuộc có kết quả tăng điểm so với năm 2016."
    )
    assert _scoped(text) == set()


def test_received_and_resolved_on_time_in_one_count_is_received():
    text = "Năm 2017, cấp xã đã tiếp nhận và giải quyết đúng hẹn 34.365 hồ sơ, đạt 100%."
    assert _scoped(text) == {("dossier.received", 34365.0, "cấp xã")}


def test_late_dossiers_still_there_are_not_resolved_late():
    text = (
        "During the week, there are still 2,631 late dossiers at provincial level on the "
        "National Public Service Portal in Binh Duong."
    )
    assert ("dossier.resolved_late", 2631.0) not in {(i, v) for i, v, _ in _scoped(text)}
    text = "In 2024, Binh Duong resolved 12,000 dossiers, of which 200 were late."
    assert ("dossier.resolved_late", 200.0) in {(i, v) for i, v, _ in _scoped(text)}


def test_a_part_that_rose_some_points_to_its_level():
    text = (
        "In PCI 2024, Tra Vinh saw some indexes with falling ranks but rising scores. "
        "Transparency rose 0.22 points to 6.17, although it fell 15 places."
    )
    assert _found(text) == {("pci.transparency", 6.17, "Trà Vinh")}


def test_the_locality_is_the_commune_named_before():
    text = (
        "Talking to Lao Dong, Mr. Nguyen Van Thang - Chairman of Truong Long Commune People's "
        "Committee - informed that after nearly 2 months of operation in 2025, the locality has "
        "resolved nearly 2,000 records for the people."
    )
    assert _scoped(text) == {("dossier.resolved", 2000.0, "Truong Long Commune")}
    # a province named before stays the province
    text = (
        "In 2025, Can Tho city received 12,000 records; the locality has resolved 11,000 records."
    )
    assert {s for _, _, s in _scoped(text)} == {"province"}


def test_the_remaining_files_within_the_deadline_are_not_resolved_on_time():
    text = (
        "In remote areas such as Phong Quang commune, in 2025 the commune received 211 files, "
        "processed 203 files on time and before the deadline, and the remaining 8 files were "
        "within the deadline, with no overdue files."
    )
    assert ("dossier.resolved_on_time", 8.0) not in {(i, v) for i, v, _ in _scoped(text)}


def test_items_under_a_unit_s_count_are_that_unit_s():
    text = (
        "Thành phố Huế năm 2020\nCụ thể như sau:\n* Các hồ sơ thuộc thẩm quyền giải quyết UBND "
        "Thành phố và các cơ quan chuyên môn thuộc UBND Thành phố: 19593 hồ sơ, trong đó:\n"
        "+ Đã giải quyết: 18273 hồ sơ (đúng hạn 17265/trễ hạn 1458)\n"
        "+ Đang giải quyết: 870 hồ sơ (trong hạn 669/quá hạn 201)\n"
    )
    scopes = {s for _, _, s in _scoped(text)}
    assert "province" not in scopes and len(scopes) == 1
