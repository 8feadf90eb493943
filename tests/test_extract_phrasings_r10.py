"""Vietnamese phrasings met in the dev halves of the benchmark's earlier rounds
(benchmarks/extraction_real/), each reproduced by a sentence written for this test and read
with the figure it gives, its scope, and nothing else."""

from __future__ import annotations

import pytest

from cchc_analysis.extract import extract_text


def figures(text: str) -> set[tuple[str, float, str]]:
    result = extract_text(text)
    return {(f.indicator, f.value, f.scope) for f in result.figures + result.subunits}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a status pair written close up with a slash is two figures, not a document number
            "Tỉnh Phú Yên năm 2021:\n+ Đã giải quyết: 9.120 hồ sơ (đúng hạn 9.001/trễ hạn 119)\n"
            "+ Đang giải quyết: 410 hồ sơ (trong hạn 388/quá hạn 22)",
            {
                ("dossier.resolved", 9120.0, "province"),
                ("dossier.resolved_on_time", 9001.0, "province"),
                ("dossier.resolved_late", 119.0, "province"),
                ("dossier.pending", 410.0, "province"),
                ("dossier.pending_overdue", 22.0, "province"),
            },
        ),
        (  # ... while a document's number keeps its letters after the slash
            "Tỉnh Phú Yên năm 2021: thực hiện Kế hoạch 318/KH-UBND, toàn tỉnh đã tiếp nhận "
            "12.400 hồ sơ.",
            {("dossier.received", 12400.0, "province")},
        ),
        (  # the service index under its full name, which runs past the cue window
            "Năm 2024, tỉnh Phú Yên được xếp thứ 12/63 tỉnh, thành phố về Bộ chỉ số chỉ đạo, "
            "điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp trong thực hiện "
            "thủ tục hành chính, dịch vụ công theo thời gian thực trên môi trường điện tử, đạt "
            "81,37 điểm/100 điểm trên 5 nhóm chỉ số (công khai, minh bạch; tiến độ giải quyết).",
            {("service.index_points", 81.37, "province")},
        ),
        (  # an earlier month's value, in brackets after a change
            "Tháng 10/2025, chỉ số phục vụ người dân, doanh nghiệp của tỉnh Gia Lai đã tăng 7 "
            "điểm (tháng 9 chỉ đạt 76,42 điểm, xếp thứ 20/34).",
            {("service.index_points", 76.42, "province")},
        ),
        (  # a group's points are not the index
            "Tháng 10/2025, trong Bộ chỉ số phục vụ người dân, doanh nghiệp, nhóm chỉ số công "
            "khai, minh bạch của tỉnh Gia Lai đạt 16,2 điểm.",
            set(),
        ),
        (  # departments and districts counted together are the whole province
            "Năm 2018, tỉnh Hà Tĩnh có 19 sở, ban, ngành, 13 huyện, thành phố, thị xã cung cấp "
            "915 dịch vụ công trực tuyến mức độ 3.",
            {("service.online_level3", 915.0, "province")},
        ),
        (  # ... while districts alone are the district level
            "Năm 2018, 13 huyện của tỉnh Hà Tĩnh đã tiếp nhận 5.210 hồ sơ trực tuyến.",
            {("dossier.online", 5210.0, "cấp huyện")},
        ),
        (  # SIPAS named by what it measures, for one level of government
            "Năm 2023, tỷ lệ hài lòng của người dân, tổ chức đối với sự phục vụ của UBND cấp "
            "xã tỉnh Hà Tĩnh đạt 86,05%, tăng 1,2% so với năm 2022.",
            {("sipas.satisfaction_pct", 86.05, "cấp xã")},
        ),
        (  # a province whose name ends in "Tĩnh" is no "tỉnh có …" back to the whole province
            "Năm 2023, tỷ lệ hài lòng của người dân, tổ chức đối với sự phục vụ của UBND cấp "
            "huyện tỉnh Hà Tĩnh có kết quả 84,10%.",
            {("sipas.satisfaction_pct", 84.1, "cấp huyện")},
        ),
    ],
)
def test_phrasings(text, expected):
    assert figures(text) == expected


def test_eth_typed_for_d_is_read_as_d():
    """Old fonts and converters write 'Đ' as the Icelandic eth 'Ð' (U+00D0): the province, the
    cue and the figure are read as if it were 'Đ', at the same offsets."""
    text = "Ðồng Nai: năm 2023, tỷ lệ hồ sơ giải quyết ðúng hạn ðạt 99,62%."
    result = extract_text(text)
    assert [(f.indicator, f.value, f.province) for f in result.figures] == [
        ("dossier.on_time_pct", 99.62, "Đồng Nai")
    ]
    figure = result.figures[0]
    assert text[figure.char_start : figure.char_end].startswith("99,62")


def test_registry_resolves_a_name_typed_with_eth():
    from cchc_analysis.reference.registry import resolve_province

    assert resolve_province("Tỉnh Ðồng Nai", 2023).name_vi == "Đồng Nai"
    assert resolve_province("Ðà Nẵng", "2025-Q4").name_vi == "Đà Nẵng"


def test_invisible_characters_between_words_do_not_hide_a_figure():
    """Web editors leave zero-width spaces and soft hyphens between words: the cue and the noun
    around the number are still read."""
    text = "Tỉnh Nam Định năm 2023 đã tiếp\u200bnhận 12.345 hồ\u00adsơ."
    assert [(f.indicator, f.value) for f in extract_text(text).figures] == [
        ("dossier.received", 12345.0)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # English: the province named between the count and its cue
            "In the first quarter of 2024, some 2,300 dossiers in Gia Lai were still being "
            "processed, of which 120 were overdue.",
            {
                ("dossier.pending", 2300.0, "province"),
                ("dossier.pending_overdue", 120.0, "province"),
            },
        ),
        (
            "As many as 1,876 administrative procedures are being implemented in Ha Nam "
            "province in 2024, including 1,024 full-process online public services.",
            {("tthc.in_force", 1876.0, "province"), ("service.online_level4", 1024.0, "province")},
        ),
        (  # Vietnamese: "… hồ sơ của tỉnh X đang giải quyết"
            "Quý I/2024, còn 2.300 hồ sơ của tỉnh Gia Lai đang giải quyết.",
            {("dossier.pending", 2300.0, "province")},
        ),
    ],
)
def test_a_province_between_the_count_and_its_cue(text, expected):
    assert figures(text) == expected


def test_each_year_in_brackets_after_a_score_is_that_years_score():
    text = (
        "Chỉ số PAPI năm 2023 của tỉnh Bến Tre. Kết quả ở các chỉ số nội dung: 1. Tham gia của "
        "người dân cấp cơ sở đạt 4,1234 điểm (năm 2022 đạt 4,56 điểm). 2. Công khai, minh bạch "
        "trong việc ra quyết định đạt 5,0021 điểm (năm 2022 đạt 4,87 điểm)."
    )
    got = {(f.indicator, f.value, f.period) for f in extract_text(text).figures}
    assert got == {
        ("papi.participation", 4.1234, "2023"),
        ("papi.participation", 4.56, "2022"),
        ("papi.transparency", 5.0021, "2023"),
        ("papi.transparency", 4.87, "2022"),
    }


def test_a_province_profile_names_each_dimension_after_its_score():
    text = (
        "Ben Tre in PAPI 2022. On the dimensions, Ben Tre got 5.12 points in people's "
        "participation at local levels, 5.61 points in transparency, 4.40 points in vertical "
        "accountability and 7.02 points in corruption control."
    )
    got = {(f.indicator, f.value) for f in extract_text(text).figures}
    assert got == {
        ("papi.participation", 5.12),
        ("papi.transparency", 5.61),
        ("papi.accountability", 4.4),
        ("papi.corruption", 7.02),
    }


def test_a_dimension_leader_and_the_tail_of_the_table_in_english():
    text = (
        "Tra Vinh leads in corruption control\n"
        "Rice fields in Tra Vinh Province in 2019. Photo by a staff reporter\n"
        "The 2022 Provincial Governance and Public Administration Performance Index (PAPI) "
        'showed the province leads in "control of corruption in the public sector" with a score '
        "of 7.91 out of 10. The bottom three provinces are Kon Tum, Gia Lai and Lai Chau, with "
        "scores of 5.71; 5.83 and 5.96, respectively."
    )
    got = {(f.indicator, f.value, f.province, f.period) for f in extract_text(text).figures}
    assert got == {
        ("papi.corruption", 7.91, "Trà Vinh", "2022"),  # a score on its scale, not 7.91/10
        ("papi.corruption", 5.71, "Kon Tum", "2022"),
        ("papi.corruption", 5.83, "Gia Lai", "2022"),
        ("papi.corruption", 5.96, "Lai Châu", "2022"),
    }  # the photo caption's year is no period of the text


def test_a_photo_caption_is_furniture():
    text = (
        "Cán bộ Trung tâm hướng dẫn người dân năm 2019. Ảnh: Văn Minh\n"
        "Tỉnh Cà Mau đã tiếp nhận 45.120 hồ sơ. Đây là kết quả cả năm 2024 của tỉnh."
    )
    got = [(f.indicator, f.value, f.period) for f in extract_text(text).figures]
    assert got == [("dossier.received", 45120.0, "2024")]


def test_a_dimension_from_one_year_to_the_next_and_provinces_named_to_compare():
    text = (
        "Nghệ An xếp thứ 5 cả nước về chỉ số PAPI năm 2022. Cụ thể: chỉ số Tham gia của người "
        "dân ở cấp cơ sở tăng từ 5,12 điểm (năm 2021) lên 5,64 điểm năm 2022; chỉ số Công khai "
        "trong việc ra quyết định với người dân đạt 5,71 điểm, đứng sau Quảng Ninh (6,37 điểm); "
        "chỉ số Kiểm soát tham nhũng trong khu vực công đạt 7,02 điểm."
    )
    got = {(f.indicator, f.value, f.province, f.period) for f in extract_text(text).figures}
    assert got == {
        ("papi.participation", 5.12, "Nghệ An", "2021"),
        ("papi.participation", 5.64, "Nghệ An", "2022"),
        ("papi.transparency", 5.71, "Nghệ An", "2022"),
        ("papi.transparency", 6.37, "Quảng Ninh", "2022"),
        # the province named to compare has its own clause, up to the ';'
        ("papi.corruption", 7.02, "Nghệ An", "2022"),
    }


def test_scores_below_the_average_level_are_still_the_provinces():
    text = (
        "Kon Tum and PAPI 2016. The province scored under the average level in two dimensions, "
        "public participation at local level (4.31/10 points) and vertical accountability "
        "(4.88 points)."
    )
    got = {(f.indicator, f.value) for f in extract_text(text).figures}
    assert got == {("papi.participation", 4.31), ("papi.accountability", 4.88)}


def test_a_headline_under_a_section_name_that_opens_on_a_department():
    text = (
        "Xã hội\n"
        "Sở Tư pháp để phát sinh 2 hồ sơ thủ tục hành chính quá hạn\n"
        "Trong quý II/2024, Sở Tư pháp tỉnh Thái Bình chỉ để phát sinh 2 hồ sơ giải quyết thủ "
        "tục hành chính quá hạn.\n"
        "Theo Sở Tư pháp, trong quý II đơn vị tiếp nhận 3.150 hồ sơ thủ tục hành chính; đã giải "
        "quyết trước hạn 2.010 hồ sơ, đúng hạn 1.020 hồ sơ."
    )
    result = extract_text(text)
    got = {(f.indicator, f.value, f.scope, f.period) for f in result.figures + result.subunits}
    assert got == {
        ("dossier.resolved_late", 2.0, "Sở Tư pháp", "2024-Q2"),
        ("dossier.received", 3150.0, "Sở Tư pháp", "2024-Q2"),
        ("dossier.resolved_early", 2010.0, "Sở Tư pháp", "2024-Q2"),
        ("dossier.resolved_on_time", 1020.0, "Sở Tư pháp", "2024-Q2"),
    }  # the section's name "Xã hội" is no headline; the headline names the department


def test_the_bands_of_an_index_are_no_figures():
    text = (
        "Năm 2021, Chỉ số CCHC của các tỉnh được phân theo 3 nhóm: nhóm A đạt từ 90% trở lên; "
        "nhóm B từ 80% đến dưới 90%; nhóm C từ 70% đến dưới 80%. Chỉ số CCHC tỉnh Lai Châu ở "
        "nhóm B, đạt 84,37%."
    )
    assert [(f.indicator, f.value) for f in extract_text(text).figures] == [
        ("par.total_points", 84.37)
    ]


def test_the_parts_of_the_par_index_and_their_sum():
    text = (
        "Chỉ số CCHC năm 2023 tỉnh Gia Lai. Theo kết quả công bố, Chỉ số PAR INDEX năm 2023 tỉnh "
        "Gia Lai đạt 85,02 điểm, trong đó: điểm thẩm định là 53.40/61.5 điểm, điểm đánh giá tác "
        "động của cải cách hành chính đạt 31,62/38.5 điểm (gồm Chỉ số SIPAS đạt 8,31/10 điểm; "
        "khảo sát lãnh đạo quản lý đạt 18,02/22 điểm; tác động đến phát triển kinh tế - xã hội "
        "đạt 5,29/6.5 điểm)."
    )
    result = extract_text(text)
    got = {(f.indicator, f.value) for f in result.figures}
    assert got == {
        ("par.total_points", 85.02),
        ("par.appraisal_points", 53.4),
        ("par.sipas_points", 8.31),
        ("par.leader_survey_points", 18.02),
        ("par.impact_points", 5.29),
    }  # the survey's whole (31,62/38,5) has no catalogue id
    assert not [w for w in result.warnings if w.rule.startswith("extract_identity")]


def test_a_par_index_part_that_breaks_the_sum_is_held_back():
    text = (
        "Chỉ số CCHC năm 2023 tỉnh Gia Lai. Chỉ số PAR INDEX năm 2023 tỉnh Gia Lai đạt 85,02 "
        "điểm, trong đó: điểm thẩm định là 50.40/61.5 điểm, Chỉ số SIPAS đạt 8,31/10 điểm; khảo "
        "sát lãnh đạo quản lý đạt 18,02/22 điểm; tác động đến phát triển kinh tế - xã hội đạt "
        "5,29/6.5 điểm."
    )
    result = extract_text(text)
    assert any(w.rule == "extract_identity:par_total_parts" for w in result.warnings)


def test_the_same_index_a_year_before_in_brackets_after_its_rank():
    text = (
        "Bình Phước năm 2023. Bộ chỉ số phục vụ người dân, doanh nghiệp, Bình Phước đạt 76/100 "
        "điểm, xếp 20/63 tỉnh, thành phố (năm 2022 chỉ số này là 61,05 điểm, xếp vị trí 55/63); "
        "Chỉ số SIPAS của tỉnh đạt 80,12%."
    )
    got = {(f.indicator, f.value, f.period) for f in extract_text(text).figures}
    assert got == {
        ("service.index_points", 76.0, "2023"),
        ("service.index_points", 61.05, "2022"),
        ("sipas.satisfaction_pct", 80.12, "2023"),
    }


def test_a_pci_total_after_sipas_is_no_sipas():
    text = (
        "Chỉ số SIPAS của tỉnh Quảng Bình năm 2023 đạt 80,12%, xếp thứ 40/63. Tổng điểm số PCI "
        "tỉnh Quảng Bình năm 2023 đạt 64,05/100 điểm, sau tỉnh Quảng Ninh đứng thứ nhất (71,25 "
        "điểm)."
    )
    got = {(f.indicator, f.value) for f in extract_text(text).figures}
    assert got == {("sipas.satisfaction_pct", 80.12)}  # the PCI total has no catalogue id


def test_this_index_refers_back_to_a_papi_dimension():
    text = (
        "Chỉ số PAPI tỉnh Cà Mau năm 2020. Cà Mau là một trong ba tỉnh có chỉ số Trách nhiệm "
        "giải trình với người dân cải thiện lớn nhất. Năm 2019 chỉ số này chỉ đạt 3,98 điểm. "
        "Đặc biệt là chỉ số Kiểm soát tham nhũng trong khu vực công. Năm 2019 chỉ số này chỉ đạt "
        "6,35 điểm."
    )
    got = {(f.indicator, f.value, f.period) for f in extract_text(text).figures}
    assert got == {("papi.accountability", 3.98, "2019"), ("papi.corruption", 6.35, "2019")}
