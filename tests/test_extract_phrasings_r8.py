"""Vietnamese phrasings met in the dev half of round 8 of benchmarks/extraction_real/ (fresh
texts, r8vi.md), each reproduced by a sentence written for this test and read with the figure
it gives, its scope, and nothing else."""

from __future__ import annotations

import pytest

from cchc_analysis.extract import extract_text


def figures(text: str) -> set[tuple[str, float, str]]:
    result = extract_text(text)
    return {(f.indicator, f.value, f.scope) for f in result.figures + result.subunits}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tính đến ngày 30/9/2024, tổng giá trị giải ngân vốn đầu tư công trên toàn tỉnh Hà "
            "Nam đạt 2.412 tỷ đồng, tương đương 61% kế hoạch.",
            {("finance.disbursed_bn", 2412.0, "province")},
        ),
        (
            "Tổng nguồn kế hoạch đầu tư công do tỉnh Nam Định quản lý năm 2024 đã được phê "
            "duyệt là 5.118,2 tỉ đồng.",
            {("finance.plan_bn", 5118.2, "province")},
        ),
        (
            "Kết quả giải ngân vốn đầu tư công của tỉnh Nam Định đến ngày 15/10/2024 là 3.002,5 "
            "tỷ đồng.",
            {("finance.disbursed_bn", 3002.5, "province")},
        ),
        (
            "Trong quý III, tỉnh Yên Bái cung cấp 402 dịch vụ hành chính công trực tuyến mức "
            "độ 3 và 118 dịch vụ mức độ 4.",
            {
                ("service.online_level3", 402.0, "province"),
                ("service.online_level4", 118.0, "province"),
            },
        ),
        (  # "cơ quan Đảng" is no district ("quận Đảng")
            "Tỉnh Yên Bái: các cơ quan Đảng, chính quyền đã cung cấp 402 dịch vụ công trực "
            "tuyến mức độ 3.",
            {("service.online_level3", 402.0, "province")},
        ),
    ],
)
def test_public_investment_and_online_services(text, expected):
    assert figures(text) == expected


def test_a_headline_opening_on_a_district_of_the_province_scopes_the_text():
    text = (
        "Bù Đăng giải ngân vốn đầu tư công đạt 62% kế hoạch năm\n"
        "Tổng kế hoạch vốn giao năm 2022 cho huyện Bù Đăng (tỉnh Bình Phước) là 412,5 tỷ "
        "đồng. Kết quả giải ngân vốn đầu tư công đến ngày 30/11/2022 là 255,75 tỷ đồng."
    )
    result = extract_text(text)
    assert {(f.indicator, f.value, f.scope, f.province) for f in result.subunits} == {
        ("finance.plan_bn", 412.5, "huyện Bù Đăng", "Bình Phước"),
        ("finance.disbursed_bn", 255.75, "huyện Bù Đăng", "Bình Phước"),
    }
    assert result.figures == []


def test_a_province_named_in_brackets_after_a_unit_is_where_it_lies():
    text = "Năm 2022, huyện Bù Đăng (tỉnh Bình Phước) tiếp nhận 12.345 hồ sơ thủ tục hành chính."
    assert figures(text) == {("dossier.received", 12345.0, "huyện Bù Đăng")}


def test_a_person_named_like_a_district_does_not_scope_the_text():
    text = (
        "Ông Bù Đăng phát biểu tại hội nghị\n"
        "Năm 2022, tỉnh Bình Phước tiếp nhận 412.345 hồ sơ thủ tục hành chính."
    )
    assert figures(text) == {("dossier.received", 412345.0, "province")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tỉnh Đắk Nông cung cấp 552 dịch vụ công trực tuyến mức độ 3 (344 dịch vụ cấp "
            "tỉnh, 94 dịch vụ cấp huyện, 2 dịch vụ cấp xã).",
            {
                ("service.online_level3", 552.0, "province"),
                ("service.online_level3", 344.0, "cấp tỉnh"),
                ("service.online_level3", 94.0, "cấp huyện"),
                ("service.online_level3", 2.0, "cấp xã"),
            },
        ),
        (  # a bracket after other words is no list of parts
            "Năm 2023, tỷ lệ đúng hạn của tỉnh Bình Dương đạt 98,5%, cao hơn mức trung bình "
            "cả nước (97,5%).",
            {("dossier.on_time_pct", 98.5, "province")},
        ),
    ],
)
def test_the_parts_of_a_total_in_brackets(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a rate with its count and whole in brackets; the board of the industrial zones
            "Tỉnh Đồng Nai: Ban Quản lý các KCN tỉnh thực hiện dịch vụ công trực tuyến cho 100% "
            "thủ tục. Tỷ lệ hồ sơ trực tuyến năm 2024 đạt 83,7% (681/814 hồ sơ).",
            {
                ("dossier.online", 681.0, "Ban Quản lý các KCN tỉnh"),
                ("dossier.received", 814.0, "Ban Quản lý các KCN tỉnh"),
            },
        ),
        (  # a place, a colon, then the clause's subject
            "Tỉnh Đồng Nai: Sở Tư pháp tiếp nhận 3.120 hồ sơ trong quý II năm 2024.",
            {("dossier.received", 3120.0, "Sở Tư pháp")},
        ),
        (  # the on-time share's count pair restates resolved dossiers, not those received
            "Năm 2022, tỷ lệ hồ sơ giải quyết đúng hạn của tỉnh Trà Vinh đạt 99,71% "
            "(152.430/152.870 hồ sơ).",
            {("dossier.on_time_pct", 99.71, "province")},
        ),
    ],
)
def test_counts_restating_a_rate_and_subjects_after_a_colon(text, expected):
    assert figures(text) == expected


def test_a_department_opening_the_text_as_its_source_owns_its_figures():
    """Round 9's dev half: a department's own news, its name spelled with a hyphen."""
    text = (
        "98,2% hồ sơ trả đúng hạn trong quý I\n"
        "Sở Tài nguyên - Môi trường Đắk Lắk cho biết, trong quý I năm 2022 ngành đã giải quyết "
        "đúng hạn đạt 98,2%.\n"
        "Cụ thể, toàn bộ đơn vị đã tiếp nhận 21.400 hồ sơ; giải quyết được 20.100 hồ sơ."
    )
    unit = "Sở Tài nguyên - Môi trường"
    assert figures(text) == {
        ("dossier.on_time_pct", 98.2, unit),
        ("dossier.received", 21400.0, unit),
        ("dossier.resolved", 20100.0, unit),
    }


def test_the_department_of_home_affairs_speaks_for_the_province():
    text = (
        "Sở Nội vụ tỉnh Đắk Lắk cho biết, trong quý I năm 2022 toàn tỉnh tiếp nhận 121.400 hồ "
        "sơ thủ tục hành chính."
    )
    assert figures(text) == {("dossier.received", 121400.0, "province")}


def test_units_ranked_by_their_share_of_points():
    text = (
        "UBND tỉnh Tây Ninh công bố Chỉ số cải cách hành chính năm 2023 của các sở, ngành và "
        "các huyện.\nTheo đó, Sở Tư pháp có tỷ lệ điểm số cao nhất 96,12%; đứng cuối bảng là Sở "
        "Xây dựng đạt tỷ lệ điểm 71,05%."
    )
    assert figures(text) == {
        ("par.total_points", 96.12, "Sở Tư pháp"),
        ("par.total_points", 71.05, "Sở Xây dựng"),
    }


def test_the_earlier_years_level_in_brackets_after_a_comparison():
    text = (
        "Chỉ số hài lòng về sự phục vụ hành chính (SIPAS) năm 2024 của tỉnh Bắc Kạn đạt 78,17%, "
        "tăng nhẹ so với năm 2023 (75,03%)."
    )
    result = extract_text(text)
    assert {(f.indicator, f.value, f.period) for f in result.figures} == {
        ("sipas.satisfaction_pct", 78.17, "2024"),
        ("sipas.satisfaction_pct", 75.03, "2023"),
    }


def test_the_party_bodies_in_an_opening_sentence_are_no_district():
    text = (
        "Gia Lai: 570 đơn vị có trang thông tin điện tử\n"
        "Theo thống kê, toàn tỉnh hiện có 570 đơn vị đã xây dựng trang thông tin điện tử. Trong "
        "đó, cơ quan Đảng, Hội, đoàn thể có 15 đơn vị.\n"
        "Trong 6 tháng đầu năm 2018, tỉnh đã cung cấp 334 dịch vụ công trực tuyến mức độ 3."
    )
    assert ("service.online_level3", 334.0, "province") in figures(text)
