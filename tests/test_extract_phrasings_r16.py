"""Phrasings met on the development half in the seventh session, in sentences written for this
test: a district's one-stop desk and its communes' desks counted apart, a received total broken
down by the level whose competence the dossiers are, and a rate of both levels together."""

from __future__ import annotations

import pytest

from cchc_analysis.extract import extract_text


def _scopes(text: str) -> dict[tuple[str, float], str]:
    extraction = extract_text(text)
    return {
        (f.indicator, f.value): f.scope
        for f in list(extraction.figures) + list(extraction.subunits)
        if not f.internal
    }


_DISTRICT = "UBND huyện Krông Năng tổng kết công tác cải cách hành chính năm 2023.\n\n"


@pytest.mark.parametrize(
    ("desk", "scope"),
    [
        (
            "Bộ phận tiếp nhận và trả kết quả huyện",
            "Bộ phận tiếp nhận và trả kết quả huyện Krông Năng",
        ),
        (
            "Bộ phận tiếp nhận và trả kết quả của huyện",
            "Bộ phận tiếp nhận và trả kết quả của huyện Krông Năng",
        ),
        ("Bộ phận Một cửa UBND huyện", "Bộ phận Một cửa UBND huyện Krông Năng"),
    ],
)
def test_a_districts_own_desk_is_that_district_desk_apart_from_its_communes(desk, scope):
    text = (
        f"{_DISTRICT}Trong năm 2023, {desk} tiếp nhận 4.310 hồ sơ; Bộ phận tiếp nhận và trả "
        "kết quả cấp xã, thị trấn tiếp nhận 15.220 hồ sơ."
    )
    assert _scopes(text) == {
        ("dossier.received", 4310.0): scope,
        ("dossier.received", 15220.0): "cấp xã",
    }


def test_the_desks_of_both_levels_together_are_the_whole_district():
    text = (
        f"{_DISTRICT}Trong năm 2023, Bộ phận tiếp nhận và trả kết quả cấp huyện và bộ phận một "
        "cửa các xã, thị trấn đã tiếp nhận 19.530 hồ sơ."
    )
    assert _scopes(text) == {("dossier.received", 19530.0): "huyện Krông Năng"}


def test_a_desk_named_for_the_province_stays_the_provinces():
    text = (
        "Tỉnh Đắk Lắk: trong năm 2023, Bộ phận tiếp nhận và trả kết quả tỉnh tiếp nhận "
        "52.100 hồ sơ."
    )
    assert _scopes(text) == {("dossier.received", 52100.0): "province"}


@pytest.mark.parametrize("competence", ["thuộc thẩm quyền", "thuộc thẩm quyền giải quyết"])
def test_a_received_total_broken_down_by_the_competent_level(competence):
    text = (
        "Tỉnh Vĩnh Phúc, năm 2019.\n\nTổng số hồ sơ toàn tỉnh đã tiếp nhận là 70.300 hồ sơ, "
        f"trong đó {competence} cấp huyện là 2.140 hồ sơ, {competence} cấp xã 58.020 hồ sơ."
    )
    assert _scopes(text) == {
        ("dossier.received", 70300.0): "province",
        ("dossier.received", 2140.0): "cấp huyện",
        ("dossier.received", 58020.0): "cấp xã",
    }


def test_a_rate_of_both_levels_is_the_districts_whole():
    text = (
        f"{_DISTRICT}Tổng số hồ sơ toàn huyện đã tiếp nhận là 20.000 hồ sơ, trong đó thuộc "
        "thẩm quyền cấp huyện là 3.000 hồ sơ, thuộc thẩm quyền cấp xã 17.000 hồ sơ; tỷ lệ giải "
        "quyết của hai cấp đúng và trước hạn đạt 98,7%."
    )
    found = _scopes(text)
    assert found[("dossier.received", 3000.0)] == "cấp huyện"
    assert found[("dossier.received", 17000.0)] == "cấp xã"
    assert found[("dossier.on_time_pct", 98.7)] == "huyện Krông Năng"


def _by_unit(text: str) -> set[tuple[str, float, str]]:
    extraction = extract_text(text)
    return {
        (f.indicator, f.value, f.scope)
        for f in list(extraction.figures) + list(extraction.subunits)
        if not f.internal
    }


def test_pairs_of_scores_follow_the_two_indexes_named_before_them():
    text = (
        "Quang Tri announces its 2024 PAR Index and SIPAS\n\n"
        "Among departments, the Department of Home Affairs ranked first with the PAR index "
        "of 92.14% and the SIPAS index of 97.30%.\n\n"
        "It was followed by the Department of Justice with 91.05% and 95.12%; the Department "
        "of Finance: 90.40% and 88.75%."
    )
    found = _by_unit(text)
    assert ("par.total_points", 91.05, "Sở Tư pháp") in found
    assert ("sipas.satisfaction_pct", 95.12, "Sở Tư pháp") in found
    assert ("par.total_points", 90.4, "Sở Tài chính") in found
    assert ("sipas.satisfaction_pct", 88.75, "Sở Tài chính") in found
    assert ("sipas.satisfaction_pct", 91.05, "Sở Tư pháp") not in found


def test_a_single_index_named_before_a_pair_gives_no_order():
    text = (
        "Quang Tri announces its 2024 SIPAS\n\n"
        "The Department of Home Affairs ranked first with the SIPAS index of 97.30%. It was "
        "followed by the Department of Justice with 95.12% and the Department of Finance with "
        "88.75%."
    )
    found = _by_unit(text)
    assert ("sipas.satisfaction_pct", 95.12, "Sở Tư pháp") in found
    assert not any(indicator == "par.total_points" for indicator, _, _ in found)


@pytest.mark.parametrize(
    ("phrase", "indicator"),
    [
        ("participation of people at grassroots level", "papi.participation"),
        ("accountability of people", "papi.accountability"),
        ("public services provision", "papi.service"),
    ],
)
def test_papi_dimensions_under_the_names_english_news_gives_them(phrase, indicator):
    text = (
        "Thai Binh in the 2023 PAPI\n\n"
        f"In the 2023 PAPI, the province posted 5.27 points for {phrase}, a high average score."
    )
    extraction = extract_text(text)
    assert [(f.indicator, f.value, f.scope) for f in extraction.figures if not f.internal] == [
        (indicator, 5.27, "province")
    ]


def test_dossiers_filed_in_person_are_a_channel_not_those_received():
    text = (
        "TP.HCM sau hợp nhất\n\nTừ 1/7 đến 31/8, thành phố đã tiếp nhận 212.400 hồ sơ trực "
        "tiếp, 318.900 hồ sơ trực tuyến và trả kết quả 505.100 hồ sơ cho người dân."
    )
    assert _scopes(text) == {
        ("dossier.online", 318900.0): "province",
        ("dossier.resolved", 505100.0): "province",
    }


def test_a_wards_chairman_speaks_for_the_ward_named_before_its_city():
    text = (
        "Bắc Kạn đẩy mạnh chuyển đổi số\n\nChủ tịch UBND phường Đức Xuân, thành phố Bắc Kạn, "
        "Nguyễn Văn A cho biết: Hiện nay, 100% hồ sơ được giải quyết đúng hạn."
    )
    assert _scopes(text) == {("dossier.on_time_pct", 100.0): "phường Đức Xuân"}


def test_the_city_committee_of_a_centrally_run_city_is_that_province():
    text = (
        "Hà Nội đẩy mạnh dịch vụ công\n\nPhó Chủ tịch UBND TP. Hà Nội cho biết thành phố "
        "cung cấp 1.282 dịch vụ công trực tuyến mức độ 4."
    )
    assert _scopes(text) == {("service.online_level4", 1282.0): "province"}


def test_pairs_of_scores_in_vietnamese_after_tiep_theo():
    text = (
        "Tỉnh Quảng Trị công bố Chỉ số CCHC và SIPAS năm 2024\n\nTrong khối sở, Sở Nội vụ đứng "
        "đầu với Chỉ số CCHC đạt 92,14% và Chỉ số SIPAS đạt 97,30%. Tiếp theo là Sở Tư pháp "
        "với 91,05% và 95,12%; Sở Tài chính với 90,40% và 88,75%."
    )
    found = _by_unit(text)
    assert ("par.total_points", 91.05, "Sở Tư pháp") in found
    assert ("sipas.satisfaction_pct", 95.12, "Sở Tư pháp") in found
    assert ("par.total_points", 90.4, "Sở Tài chính") in found
    assert ("sipas.satisfaction_pct", 88.75, "Sở Tài chính") in found


def test_a_pair_takes_its_part_from_before_it_and_its_whole_from_after_it():
    text = (
        "Lac Thuy district reforms administration\n\nIn 2022, the district solved on time 8,120 "
        "out of the 8,604 dossiers submitted."
    )
    found = {(i, v) for i, v, _ in _by_unit(text)}
    assert found == {("dossier.resolved_on_time", 8120.0), ("dossier.received", 8604.0)}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "By the end of October 2025, the province disbursed 4,120/15,310 billion VND, "
            "reaching 26.9% of the plan.",
            {("finance.disbursed_bn", 4120.0), ("finance.plan_bn", 15310.0)},
        ),
        (
            "In 2025, the province plans to disburse VND 2,870 billion to develop infrastructure.",
            {("finance.plan_bn", 2870.0)},
        ),
        (
            "Total public investment capital for the province in 2024 is VND12.4 trillion.",
            {("finance.plan_bn", 12400.0)},
        ),
        ("The province plans to raise the online rate to 80% this year.", set()),
    ],
)
def test_a_provinces_public_investment_plan_and_disbursement(sentence, expected):
    text = f"Binh Phuoc speeds up public investment\n\n{sentence}"
    assert {(i, v) for i, v, _ in _by_unit(text)} == expected


def test_on_time_or_in_advance_is_early_or_on_time():
    text = (
        "Ha Giang one-stop centre\n\nThe number of records received in 2017 reached 4,210, of "
        "which 4,002 were settled on time or in advance, accounting for 95.06 per cent."
    )
    found = {(i, v) for i, v, _ in _by_unit(text)}
    assert found == {("dossier.received", 4210.0), ("dossier.on_time_pct", 95.06)}


def test_an_amount_of_billions_that_kept_the_vietnamese_decimal_comma():
    text = (
        "Nghe An public investment\n\nAs of July 20, 2024, the total public investment plan "
        "of Nghe An has disbursed VND 2,415,306 billion, reaching 38.2%."
    )
    assert {(i, v) for i, v, _ in _by_unit(text)} == {("finance.disbursed_bn", 2415.306)}


def test_the_next_sentence_goes_on_about_a_unit_named_in_full():
    text = (
        f"{_DISTRICT}Cụ thể, Bộ phận tiếp nhận và trả kết quả của huyện đã tiếp nhận 820 hồ sơ. "
        "Qua xem xét, các cán bộ chuyên môn đã tham mưu giải quyết 790 hồ sơ.\n\n"
        "Toàn huyện đã tiếp nhận 16.000 hồ sơ, trong đó cấp xã 15.180 hồ sơ. Qua xem xét, đã "
        "giải quyết 15.900 hồ sơ."
    )
    found = _scopes(text)
    desk = "Bộ phận tiếp nhận và trả kết quả của huyện Krông Năng"
    assert found[("dossier.received", 820.0)] == desk
    assert found[("dossier.resolved", 790.0)] == desk
    # a level is one clause's: the next sentence is the district's again
    assert found[("dossier.received", 15180.0)] == "cấp xã"
    assert found[("dossier.resolved", 15900.0)] == "huyện Krông Năng"


def test_a_range_without_its_year_and_the_total_with_those_carried_over():
    text = (
        "Văn phòng Đăng ký đất đai tỉnh Bình Thuận năm 2025\n\nTrong 9 tháng năm 2025, văn "
        "phòng đã tiếp nhận 210.000 hồ sơ. Trong 6 tháng đầu năm, văn phòng tiếp nhận mới "
        "98.000 hồ sơ (tính cả hồ sơ chuyển tiếp là 104.000).\n\nTính từ 1/7 đến 20/9, văn "
        "phòng ghi nhận 92.000 hồ sơ mới, tính cả hồ sơ chuyển tiếp là 95.500 hồ sơ."
    )
    extraction = extract_text(text)
    found = {
        (f.indicator, f.value, str(f.period))
        for f in list(extraction.figures) + list(extraction.subunits)
        if not f.internal
    }
    assert ("dossier.received", 210000.0, "2025-9M") in found
    assert ("dossier.received", 104000.0, "2025-H1") in found
    assert ("dossier.received", 95500.0, "2025-Q3") in found
    assert not any(value in (98000.0, 92000.0) for _, value, _ in found)


def test_disbursing_all_of_an_amount_is_the_plan():
    text = (
        "Đồng Nai yêu cầu tăng tốc để giải ngân hết 21.400 tỉ đồng vốn đầu tư công năm 2025\n\n"
        "UBND tỉnh yêu cầu các sở, ngành đẩy nhanh tiến độ."
    )
    assert {(i, v) for i, v, _ in _by_unit(text)} == {("finance.plan_bn", 21400.0)}


def test_land_dossiers_are_the_land_sectors():
    text = (
        "Gia Lai chấn chỉnh hồ sơ đất đai\n\nNăm 2025, toàn tỉnh tiếp nhận 98.310 hồ sơ đất "
        "đai. Cũng trong năm, toàn tỉnh tiếp nhận 412.000 hồ sơ thủ tục hành chính."
    )
    assert _scopes(text) == {
        ("dossier.received", 98310.0): "lĩnh vực đất đai",
        ("dossier.received", 412000.0): "province",
    }


def test_the_level_of_the_year_compared_with_in_brackets_is_that_years():
    text = (
        "Tỉnh Gia Lai: kết quả PAPI năm 2022\n\nChỉ số tham gia của người dân ở cấp cơ sở đạt "
        "4,71 điểm, giảm 0,25 điểm so với năm 2021 (4,96 điểm)."
    )
    extraction = extract_text(text)
    found = {(f.indicator, f.value, str(f.period)) for f in extraction.figures if not f.internal}
    assert found == {
        ("papi.participation", 4.71, "2022"),
        ("papi.participation", 4.96, "2021"),
    }


def test_the_level_of_the_year_compared_with_in_english():
    text = (
        "Gia Lai in PAPI 2022\n\nIn the 2022 PAPI, participation at local levels reached 4.71 "
        "points, down 0.25 points compared to 2021 (4.96 points)."
    )
    extraction = extract_text(text)
    found = {(f.indicator, f.value, str(f.period)) for f in extraction.figures if not f.internal}
    assert found == {
        ("papi.participation", 4.71, "2022"),
        ("papi.participation", 4.96, "2021"),
    }


def test_the_satisfaction_index_is_sipas_and_a_papi_dimension_with_a_dot_decimal():
    text = (
        "Tỉnh Hà Giang: kết quả PAPI và SIPAS năm 2023\n\nChỉ số mức độ hài lòng của người dân "
        "đối với việc giải quyết thủ tục hành chính đạt 90,4%. Trong PAPI, Trách nhiệm với người "
        "dân đạt 4.372 điểm, xếp thứ 25/63 tỉnh, thành phố."
    )
    found = {(i, v) for i, v, _ in _by_unit(text)}
    assert found == {("sipas.satisfaction_pct", 90.4), ("papi.accountability", 4.372)}


def test_tasks_set_then_completed_are_those_completed():
    text = (
        "Tỉnh Tây Ninh 6 tháng đầu năm 2025\n\nVới sự quyết liệt trong chỉ đạo, 31 nhiệm vụ đặt "
        "ra trong 6 tháng đầu năm đã được hoàn thành đúng tiến độ."
    )
    assert {(i, v) for i, v, _ in _by_unit(text)} == {("task.completed", 31.0)}


def test_procedures_the_province_is_managing_are_those_in_force():
    text = (
        "Ninh Binh one-stop centre\n\nThe director said that the province is managing 1,802 "
        "administrative procedures."
    )
    assert {(i, v) for i, v, _ in _by_unit(text)} == {("tthc.in_force", 1802.0)}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Có 10/15 UBND cấp huyện đã thực hiện cơ chế một cửa liên thông hiện đại.",
            {("onestop.units_with", 10.0, "cấp huyện"), ("onestop.units_total", 15.0, "cấp huyện")},
        ),
        (
            "Đến nay, 19/19 sở, ngành; 9/10 huyện, thành phố; 140/142 xã, phường, thị trấn đã "
            "thực hiện cơ chế một cửa.",
            {
                ("onestop.units_with", 19.0, "cấp tỉnh"),
                ("onestop.units_total", 19.0, "cấp tỉnh"),
                ("onestop.units_with", 9.0, "cấp huyện"),
                ("onestop.units_total", 10.0, "cấp huyện"),
                ("onestop.units_with", 140.0, "cấp xã"),
                ("onestop.units_total", 142.0, "cấp xã"),
            },
        ),
    ],
)
def test_counts_of_one_stop_units_are_of_the_level_of_those_units(sentence, expected):
    assert _by_unit(f"Tỉnh Lâm Đồng năm 2023\n\n{sentence}") == expected


def test_the_district_in_a_text_whose_headline_names_one_is_that_district():
    text = (
        "Administrative reform progress in Phu Luong district\n\nIn 2023, the administrative "
        "reform index of the district continued to increase with 84.2 points."
    )
    assert _by_unit(text) == {("par.total_points", 84.2, "Phu Luong district")}


def test_provincial_units_in_english_by_their_vietnamese_names():
    text = (
        "Son La announces PAR Index and SIPAS 2023\n\nAmong departments, the Department of Home "
        "Affairs ranked first with the PAR index of 92.10% and the SIPAS index of 97.40%. It was "
        "followed by the provincial People's Committee Office with 90.55% and 85.75%; the Board "
        "for Ethnic Affairs with 89.20% and 84.25%; the provincial Inspectorate with 88.65% and "
        "86.10%."
    )
    found = _by_unit(text)
    for unit, par, sipas in (
        ("Văn phòng UBND tỉnh", 90.55, 85.75),
        ("Ban Dân tộc", 89.2, 84.25),
        ("Thanh tra tỉnh", 88.65, 86.1),
    ):
        assert ("par.total_points", par, unit) in found
        assert ("sipas.satisfaction_pct", sipas, unit) in found


def test_departments_and_branches_in_english_are_the_provincial_level():
    text = (
        "Binh Duong serves people after Tet\n\nFrom February 3 to 5, departments and branches "
        "received 1,870 applications. Among these, 902 were online public service records."
    )
    assert _by_unit(text) == {
        ("dossier.received", 1870.0, "cấp tỉnh"),
        ("dossier.online", 902.0, "cấp tỉnh"),
    }
