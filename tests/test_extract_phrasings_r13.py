"""Phrasings met on the development half of the fifth session's look at real texts, in
sentences written for this test: a share read over a bracketed aside, the points a province
won said as "tỷ lệ điểm đạt được", words glued to a number by a saved page, a part of the
received dossiers that is no catalogue figure, and dossiers being worked on."""

from __future__ import annotations

import pytest

from cchc_analysis.extract import extract_text


def _found(text: str) -> set[tuple[str, float, str]]:
    extraction = extract_text(text)
    return {
        (f.indicator, f.value, f.scope)
        for f in list(extraction.figures) + list(extraction.subunits)
        if not f.internal
    }


def test_a_share_after_a_bracketed_aside_restates_the_count_before_the_brackets():
    text = (
        "Cao Bằng năm 2023\n"
        "Năm 2023, toàn tỉnh tiếp nhận 15.868 hồ sơ, giải quyết trước hạn, đúng hạn 15.539 hồ sơ "
        "(trong đó có 370 hồ sơ đang giải quyết trong hạn), đạt tỷ lệ 97,93%."
    )
    assert ("dossier.on_time_pct", 97.93, "province") in _found(text)


def test_a_share_in_the_brackets_still_belongs_to_its_count():
    text = "Cao Bằng năm 2023\nNăm 2023, toàn tỉnh giải quyết quá hạn 1.210 hồ sơ (chiếm 0,24%)."
    assert _found(text) == {("dossier.resolved_late", 1210.0, "province")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Với tỷ lệ điểm đạt được là 85,19% thuộc nhóm B, tỉnh duy trì vị trí xếp hạng 19/63.",
        "Tổng điểm đạt được là 85,19 điểm, xếp thứ 19/63.",
    ],
)
def test_the_points_won_in_a_text_about_the_par_index(sentence):
    text = f"Sóc Trăng: kết quả Chỉ số cải cách hành chính năm 2020\n{sentence}"
    assert _found(text) == {("par.total_points", 85.19, "province")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Quang Ninh PAR Index 2019\nQuang Ninh led the 63 provinces in the PAR Index "
            "with91.04 percent.",
            {("par.total_points", 91.04, "province")},
        ),
        (
            "Quảng Ninh năm 2019\nChỉ số CCHC năm 2019 của tỉnh Quảng Ninh đạt91,04%.",
            {("par.total_points", 91.04, "province")},
        ),
    ],
)
def test_a_number_glued_to_the_word_before_it_is_read(text, expected):
    assert _found(text) == expected


def test_glued_letters_and_digits_that_are_one_word_stay_no_number():
    text = "Quang Ninh 2024\nThe COVID19 outbreak and the level4 services were discussed."
    assert _found(text) == set()


@pytest.mark.parametrize(
    "part",
    [
        "of which 5,982 dossiers were directly received",
        "of which 5,982 dossiers were received in person",
        "including 5,982 dossiers received via the postal service",
    ],
)
def test_a_part_of_the_received_dossiers_that_is_no_catalogue_figure(part):
    text = f"Quang Ninh 2024\nQuang Ninh received 7,520 dossiers, {part}."
    assert _found(text) == {("dossier.received", 7520.0, "province")}


def test_a_breakdown_by_level_after_of_which_is_still_read():
    text = (
        "Quang Ninh 2024\nQuang Ninh received 7,520 dossiers, of which 5,000 at the provincial "
        "level and 2,520 at the district level."
    )
    assert _found(text) == {
        ("dossier.received", 7520.0, "province"),
        ("dossier.received", 5000.0, "cấp tỉnh"),
        ("dossier.received", 2520.0, "cấp huyện"),
    }


def test_dossiers_being_worked_on_are_pending():
    text = (
        "Hoa Binh province\nIn the first quarter, the province received 3,903 dossiers, of "
        "which 2,658 were handled, and it is working on 1,245 others."
    )
    assert _found(text) == {
        ("dossier.received", 3903.0, "province"),
        ("dossier.resolved", 2658.0, "province"),
        ("dossier.pending", 1245.0, "province"),
    }


def test_a_bar_said_after_a_provinces_score_is_no_second_score():
    text = (
        "Vĩnh Phúc: kết quả PAR INDEX 2021\n"
        "Đứng cuối bảng xếp hạng chỉ số PAR INDEX năm 2021 là tỉnh Kiên Giang, đạt 79,97%, và là "
        "địa phương duy nhất có kết quả chỉ số PAR INDEX dưới 80%."
    )
    extraction = extract_text(text)
    assert {(f.province, f.indicator, f.value, f.bound) for f in extraction.figures} == {
        ("Kiên Giang", "par.total_points", 79.97, "")
    }


def test_procedures_applied_at_the_commune_are_the_communes_in_force():
    text = (
        "Nghệ An năm 2023\nHiện tại, UBND xã Sơn Hải có 119 thủ tục hành chính đang áp dụng tại xã."
    )
    assert _found(text) == {("tthc.in_force", 119.0, "xã Sơn Hải")}


def test_procedures_applied_at_a_centre_are_a_subset_not_those_in_force():
    text = (
        "Nghệ An năm 2023\nCó 1.245 thủ tục hành chính đang được thực hiện tại Trung tâm Phục vụ "
        "hành chính công tỉnh."
    )
    assert not any(indicator == "tthc.in_force" for indicator, _, _ in _found(text))


@pytest.mark.parametrize(
    "opening",
    [
        "Trong năm 2019, UBND huyện đã tiếp nhận 43.210 hồ sơ.",
        "Trong năm 2019, Bộ phận một cửa của UBND huyện và UBND 11 xã, thị trấn đã tiếp nhận "
        "43.210 hồ sơ.",
    ],
)
def test_a_district_sites_text_about_its_unnamed_district_is_not_the_provinces(opening):
    """A district's own page says "UBND huyện" without the name: its figures are that
    district's, never the province's."""
    text = f"Kết quả cải cách hành chính năm 2019\n{opening}"
    extraction = extract_text(text)
    assert not extraction.figures
    assert [(f.indicator, f.value) for f in extraction.subunits] == [("dossier.received", 43210.0)]
    assert "UBND huyện" in extraction.subunits[0].scope


@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        (
            "Bộ chỉ số phục vụ người dân, doanh nghiệp trên môi trường điện tử tháng 10/2025 "
            "của tỉnh Gia Lai đạt 85,12 điểm, xếp thứ 5/34.",
            "2025-M10",
        ),
        ("Từ tháng 10/2025, tỉnh Gia Lai đạt 85,12 điểm.", ""),
    ],
)
def test_a_word_that_folds_like_from_is_told_from_it(sentence, period):
    """ "điện tử tháng 10/2025" names October; "Từ tháng 10/2025" starts a span."""
    text = f"Gia Lai: kết quả chỉ số phục vụ người dân, doanh nghiệp\n{sentence}"
    figures = extract_text(text).figures
    assert [(f.indicator, f.value, f.period) for f in figures] == [
        ("service.index_points", 85.12, period)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Quảng Ninh năm 2023\nNăm 2023, tỉnh tiếp nhận 1.250 phản ánh, kiến nghị của người "
            "dân, đã xử lý đúng hạn 1.200 phản ánh.",
            {("feedback.received", 1250.0), ("feedback.on_time", 1200.0)},
        ),
        (
            "Đà Nẵng năm 2018\nCổng góp ý đã tiếp nhận, xử lý 11.000 ý kiến góp ý, phản ánh của "
            "người dân.",
            {("feedback.received", 11000.0)},
        ),
        (
            "Quang Ninh 2023\nIn 2023, the province received 1,250 pieces of feedback and "
            "petitions from citizens, of which 1,200 were handled on time.",
            {("feedback.received", 1250.0), ("feedback.on_time", 1200.0)},
        ),
    ],
)
def test_feedback_and_petitions_received_and_handled_on_time(text, expected):
    assert {(f.indicator, f.value) for f in extract_text(text).figures} == expected


def test_feedback_handled_is_not_dossiers_and_dossiers_are_not_feedback():
    text = (
        "Quảng Ninh năm 2023\nNăm 2023, toàn tỉnh tiếp nhận 12.345 hồ sơ, giải quyết đúng hạn "
        "12.000 hồ sơ; tiếp nhận 35 phản ánh, kiến nghị."
    )
    assert {(f.indicator, f.value) for f in extract_text(text).figures} == {
        ("dossier.received", 12345.0),
        ("dossier.resolved_on_time", 12000.0),
        ("feedback.received", 35.0),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Quang Ninh in PCI 2023\nThe province's scores in time costs and informal charges "
            "were 7.52 and 6.91, respectively.",
            {("pci.time", 7.52), ("pci.informal", 6.91)},
        ),
        (
            "Quảng Ninh PCI 2023\nĐiểm số các chỉ số thành phần Chi phí thời gian và Chi phí không "
            "chính thức lần lượt là 7,52 và 6,91 điểm.",
            {("pci.time", 7.52), ("pci.informal", 6.91)},
        ),
        (
            "Quang Ninh 2023\nIn 2023, the numbers of received, resolved and pending dossiers were "
            "45,600, 44,800 and 800, respectively.",
            {
                ("dossier.received", 45600.0),
                ("dossier.resolved", 44800.0),
                ("dossier.pending", 800.0),
            },
        ),
    ],
)
def test_items_listed_then_read_respectively(text, expected):
    assert {(f.indicator, f.value) for f in extract_text(text).figures} == expected


@pytest.mark.parametrize(
    "text",
    [
        "Quang Ninh in PCI 2023\nIt scored 7.52 for time costs and 6.91 for informal charges.",
        "Quảng Ninh PCI 2023\nTỉnh đạt 7,52 điểm ở chỉ số Chi phí thời gian và 6,91 điểm ở chỉ số "
        "Chi phí không chính thức.",
    ],
)
def test_a_part_named_after_its_score_is_not_taken_by_the_part_before_and(text):
    assert {(f.indicator, f.value) for f in extract_text(text).figures} == {
        ("pci.time", 7.52),
        ("pci.informal", 6.91),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Quang Ninh in PCI 2023\nThe time costs sub-index rose to 7.52 points.",
            {("pci.time", 7.52)},
        ),
        (
            "Quang Ninh 2023\nIn 2023, the on-time rate rose by 2.5 percent to 98.5 percent.",
            {("dossier.on_time_pct", 98.5)},
        ),
    ],
)
def test_risen_to_is_the_level_reached_risen_by_the_change(text, expected):
    assert {(f.indicator, f.value) for f in extract_text(text).figures} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Hue city 2020\nSince the beginning of this year, the province has tackled 38,000 "
            "units of dossiers.",
            {("dossier.resolved", 38000.0)},
        ),
        (
            "Quang Ninh 2023\nIn 2023, the province received 414 applications and returned 378 "
            "results.",
            {("dossier.received", 414.0), ("dossier.resolved", 378.0)},
        ),
        ("Quang Ninh 2023\nThe survey results show that 95 results were positive.", set()),
    ],
)
def test_results_returned_are_resolved_dossiers_and_other_results_nothing(text, expected):
    assert {(f.indicator, f.value) for f in extract_text(text).figures} == expected


@pytest.mark.parametrize(
    "unit",
    [
        "Văn phòng Đăng ký đất đai tỉnh",
        "Văn phòng đăng ký đất đai",
        "Chi nhánh Văn phòng Đăng ký đất đai huyện Tiên Yên",
    ],
)
def test_the_land_registration_office_is_a_unit_not_the_province(unit):
    text = f"Quảng Ninh: kết quả CCHC năm 2023\nNăm 2023, {unit} đã tiếp nhận 12.345 hồ sơ."
    extraction = extract_text(text)
    assert not extraction.figures
    assert [(f.indicator, f.value, f.scope) for f in extraction.subunits] == [
        ("dossier.received", 12345.0, unit)
    ]


@pytest.mark.parametrize(
    ("desk", "scope"),
    [
        ("Bộ phận tiếp nhận và trả kết quả của huyện Tiên Yên", "huyện Tiên Yên"),
        ("Bộ phận tiếp nhận và trả kết quả huyện Tiên Yên", "huyện Tiên Yên"),
        ("Bộ phận Một cửa huyện Tiên Yên", "huyện Tiên Yên"),
    ],
)
def test_a_districts_one_stop_desk_counts_for_the_district(desk, scope):
    text = f"Quảng Ninh: kết quả CCHC năm 2023\nNăm 2023, {desk} đã tiếp nhận 12.345 hồ sơ."
    extraction = extract_text(text)
    assert not extraction.figures
    assert [(f.indicator, f.scope) for f in extraction.subunits] == [("dossier.received", scope)]


@pytest.mark.parametrize(
    ("unit", "scope"), [("Cục Thuế tỉnh", "Cục Thuế"), ("Sở Tư pháp tỉnh", "Sở Tư pháp")]
)
def test_a_provincial_unit_followed_by_tinh_is_the_unit(unit, scope):
    text = f"Quảng Ninh: kết quả CCHC năm 2023\nNăm 2023, {unit} đã tiếp nhận 12.345 hồ sơ."
    extraction = extract_text(text)
    assert not extraction.figures
    assert [(f.indicator, f.scope) for f in extraction.subunits] == [("dossier.received", scope)]


def test_nearly_is_not_early():
    """ "reached nearly 42%" of a disbursement rate is no share of dossiers resolved early."""
    text = (
        "Nghe An 2024\nThe disbursement rate of public investment capital in Nghe An province "
        "reached nearly 42%."
    )
    assert not any(f.indicator == "dossier.on_time_pct" for f in extract_text(text).figures)


def test_a_province_merged_in_2025_named_in_a_text_of_the_34_is_not_replaced_by_a_guess():
    """A text dated 2025 (a period of the 34 provinces) naming "Kon Tum Provincial People's
    Committee" and "Kon Tum city": the figures get no province (the text's province no longer
    exists in that period, and the province that absorbed it would be a guess), and the
    document says why."""
    text = (
        "In 2025, the inspection team worked with the Kon Tum Provincial People's Committee.\n"
        "Kon Tum city has a public administration service centre.\n"
        "The province has provided 1,439 online public services, including 1,099 full-process "
        "online public services."
    )
    extraction = extract_text(text)
    assert {f.province for f in extraction.figures} == {""}
    assert "Kon Tum" in extraction.documents[0].province_how
    assert "--province" in extraction.documents[0].province_how


def test_the_same_province_named_in_its_own_era_is_read():
    text = "Tỉnh Kon Tum: kết quả năm 2024\nNăm 2024, tỉnh Kon Tum tiếp nhận 12.345 hồ sơ."
    assert [(f.province, f.period) for f in extract_text(text).figures] == [("Kon Tum", "2024")]


@pytest.mark.parametrize(
    ("agency", "scope"),
    [
        ("The provincial Police", "Công an tỉnh"),
        ("The provincial Social Insurance", "Bảo hiểm xã hội tỉnh"),
        ("The State Treasury", "Kho bạc Nhà nước tỉnh"),
        ("The provincial Tax Department", "Cục Thuế"),
    ],
)
def test_a_national_agencys_provincial_branch_is_a_unit_in_english(agency, scope):
    text = f"Quang Ninh administrative reform results\nIn 2023, {agency} received 12,345 dossiers."
    extraction = extract_text(text)
    assert not extraction.figures
    assert [(f.indicator, f.scope) for f in extraction.subunits] == [("dossier.received", scope)]


@pytest.mark.parametrize(
    ("said", "value"),
    [("1,234,567", 1234567.0), ("12 345", 12345.0), ("1 200 000", 1200000.0), ("12.345", 12345.0)],
)
def test_thousands_grouped_by_commas_twice_or_by_plain_spaces(said, value):
    text = f"Quảng Ninh năm 2023\nNăm 2023, toàn tỉnh tiếp nhận {said} hồ sơ."
    assert [(f.indicator, f.value) for f in extract_text(text).figures] == [
        ("dossier.received", value)
    ]


def test_numbers_apart_by_a_space_before_no_count_stay_apart():
    from cchc_analysis.extract.numbers import parse_vi_number

    assert parse_vi_number("12,5") == 12.5
    assert parse_vi_number("1,234,567") == 1234567.0
    text = "Quảng Ninh năm 2023\nNăm 2023, 12 345 là số may mắn."
    assert not extract_text(text).figures


@pytest.mark.parametrize(
    ("text", "period"),
    [
        (
            "Đà Nẵng dẫn đầu chỉ số 766 tháng 10/2025\nTháng 10/2025, Đà Nẵng đạt 92,5 điểm theo "
            "chỉ số 766, dẫn đầu cả nước.",
            "2025-M10",
        ),
        (
            "Gia Lai tháng 10/2025\nTheo Bộ chỉ số đánh giá chất lượng phục vụ theo Quyết định "
            "766, tháng 10/2025 Gia Lai đạt 92,5 điểm.",
            "2025-M10",
        ),
        (
            "Da Nang leads the country in 766 index with 92.5 points\nThe city has led the ranking "
            "for three months.",
            "",
        ),
    ],
)
def test_the_service_index_named_by_its_decisions_number(text, period):
    """ "chỉ số 766", "the 766 index": the decision's number names the index and is no figure."""
    assert [(f.indicator, f.value, f.period) for f in extract_text(text).figures] == [
        ("service.index_points", 92.5, period)
    ]


def test_the_city_of_a_province_that_is_no_city_is_never_the_province():
    """ "toàn thành phố" in a text about a centre of Đà Lạt (Lâm Đồng is no city): Đà Lạt's."""
    text = (
        "Trung tâm Hành chính công thành phố Đà Lạt: kết quả năm 2023\n"
        "Năm 2023, toàn thành phố tiếp nhận 12.000 hồ sơ."
    )
    extraction = extract_text(text)
    assert not extraction.figures
    assert [(f.value, f.scope) for f in extraction.subunits] == [(12000.0, "thành phố Đà Lạt")]


def test_the_city_of_a_city_province_is_the_province():
    text = "Hà Nội năm 2023\nNăm 2023, UBND Thành phố đã tiếp nhận 120.000 hồ sơ."
    assert [(f.value, f.scope) for f in extract_text(text).figures] == [(120000.0, "province")]


def test_a_projects_disbursement_is_not_the_provinces():
    text = (
        "Nghệ An năm 2024\nDự án Bệnh viện Ung bướu Nghệ An (giai đoạn 2) đã giải ngân 129,947 "
        "tỷ đồng, đạt 46,41%. 9 tháng đầu năm 2024, tỉnh Nghệ An đã giải ngân 5.022 tỷ đồng."
    )
    assert [(f.indicator, f.value) for f in extract_text(text).figures] == [
        ("finance.disbursed_bn", 5022.0)
    ]
