"""Phrasings of the thirteenth session, in sentences written for this test after the written
benchmark's kept-aside batches (eighth, tenth, eleventh) were measured and opened: tables of
investors' disbursement, project boards named by what they are for, and a department's name
that ends at the colon before its figures."""

from __future__ import annotations

from cchc_analysis.extract.flattened import with_flattened_tables
from tests.extract_helpers import figure_keys


def _figures(text: str) -> set[tuple[str, float, str]]:
    """(indicator, value, scope) of a text whose tables are rebuilt as a saved file's are."""
    return figure_keys(with_flattened_tables(text, "utf-8")[0])


INVESTORS_VI = (
    "Giải ngân vốn đầu tư công năm 2024 của tỉnh Phú Yên\n\n"
    "Đến hết ngày 31/01/2025, tỉnh giải ngân được 3.905,2 tỷ đồng, đạt 88,4% kế hoạch.\n\n"
    "Kết quả của các chủ đầu tư lớn:\n\n"
    "STT | Chủ đầu tư | Kế hoạch vốn (tỷ đồng) | Đã giải ngân (tỷ đồng) | Tỷ lệ (%)\n"
    "1 | Ban QLDA đầu tư xây dựng các công trình giao thông tỉnh | 905,6 | 861,0 | 95,08\n"
    "2 | Sở Nông nghiệp và PTNT | 233,4 | 170,9 | 73,22\n"
    "3 | UBND huyện Tây Hòa | 187,5 | 160,1 | 85,39\n"
)


def test_a_table_of_investors_reads_each_plan_and_amount_disbursed():
    found = _figures(INVESTORS_VI)
    board = "Ban QLDA đầu tư xây dựng các công trình giao thông tỉnh"
    assert ("finance.plan_bn", 905.6, board) in found
    assert ("finance.disbursed_bn", 861.0, board) in found
    assert ("finance.plan_bn", 187.5, "huyện Tây Hòa") in found
    assert ("finance.disbursed_bn", 160.1, "huyện Tây Hòa") in found


def test_a_department_name_ends_at_the_colon_before_its_figures():
    found = _figures(INVESTORS_VI)
    assert ("finance.plan_bn", 233.4, "Sở Nông nghiệp và PTNT") in found
    assert ("finance.disbursed_bn", 170.9, "Sở Nông nghiệp và PTNT") in found


def test_a_table_whose_money_has_no_unit_is_left_unread():
    # without "tỷ đồng" (or "triệu đồng") nobody can say what the cells count
    found = _figures(INVESTORS_VI.replace(" (tỷ đồng)", ""))
    assert not any(scope == "huyện Tây Hòa" for _, _, scope in found)


INVESTORS_EN = (
    "Binh Dinh speeds up public investment\n\n"
    "By the end of 2024 the province had disbursed VND 5,126 billion, or 91 percent of the plan.\n\n"
    "Results of the main investors (VND billion):\n\n"
    "No. | Investor | Plan 2024 | Disbursed | Rate\n"
    "1 | Project Management Board for Traffic Works | 1,204.7 | 1,150.2 | 95.5%\n"
    "2 | Project Management Board for Agricultural Works | 644.1 | 512.8 | 79.6%\n"
    "3 | Hoai Nhon town | 310.5 | 297.0 | 95.7%\n"
)


def test_an_english_table_of_investors_reads_plans_and_amounts_for_the_year_of_its_head():
    from cchc_analysis.extract import extract_text

    text = with_flattened_tables(INVESTORS_EN, "utf-8")[0]
    extraction = extract_text(text)
    figures = {
        (f.indicator, f.value, f.scope, str(f.period))
        for f in [*extraction.figures, *extraction.subunits]
    }
    first = "Project Management Board for Traffic Works"
    assert ("finance.plan_bn", 1204.7, first, "2024") in figures
    assert ("finance.disbursed_bn", 1150.2, first, "2024") in figures


def test_project_boards_named_by_what_they_are_for_are_two_units():
    found = _figures(INVESTORS_EN)
    assert ("finance.plan_bn", 644.1, "Project Management Board for Agricultural Works") in found
    assert (
        "finance.disbursed_bn",
        512.8,
        "Project Management Board for Agricultural Works",
    ) in found


def test_english_amounts_paid_of_a_whole_in_a_text_on_disbursement_are_pairs():
    found = _figures(
        "Tay Ninh public investment disbursement reaches 51%\n\n"
        "By September 30, 2025, the province had paid out VND 5,402.3 billion.\n\n"
        "Hoa Thanh ward has paid VND 61.7 billion/VND 102.5 billion (60.2%), whereas Tan Bien "
        "commune has managed VND 14.8 billion of its VND 77.1 billion.\n\n"
        "District-level results:\n"
        "- Trang Bang town: VND 88.6 billion of VND 140.9 billion (62.88%);\n"
    )
    assert ("finance.disbursed_bn", 61.7, "Hoa Thanh ward") in found
    assert ("finance.plan_bn", 102.5, "Hoa Thanh ward") in found
    assert ("finance.disbursed_bn", 14.8, "Tan Bien commune") in found
    assert ("finance.plan_bn", 77.1, "Tan Bien commune") in found
    assert ("finance.disbursed_bn", 88.6, "Trang Bang town") in found


def test_vietnamese_amount_pairs_in_a_text_on_disbursement_and_a_board_named_before_its_verb():
    found = _figures(
        "Giải ngân vốn đầu tư công tỉnh Long An 9 tháng năm 2023\n\n"
        "Đến ngày 30/9, toàn tỉnh giải ngân 4.011 tỷ đồng. Trong đó, TP. Tân An đạt 301/552 tỷ "
        "đồng; huyện Cần Giuộc 118/260 tỷ đồng.\n\n"
        "Ban Quản lý dự án đầu tư xây dựng tỉnh đã giải ngân 1.207/2.915 tỷ đồng (41,4%).\n"
    )
    assert ("finance.disbursed_bn", 301.0, "TP. Tân An") in found
    assert ("finance.plan_bn", 552.0, "TP. Tân An") in found
    assert ("finance.disbursed_bn", 118.0, "huyện Cần Giuộc") in found
    board = "Ban Quản lý dự án đầu tư xây dựng tỉnh"
    assert ("finance.disbursed_bn", 1207.0, board) in found
    assert ("finance.plan_bn", 2915.0, board) in found


def test_an_amount_pair_outside_disbursement_is_no_disbursement():
    found = _figures(
        "Kết quả thu ngân sách của huyện Cần Giuộc năm 2023\n\n"
        "Huyện thu ngân sách đạt 301/552 tỷ đồng dự toán.\n"
    )
    assert not any(indicator.startswith("finance.") for indicator, _, _ in found)


def test_two_shares_of_a_unit_are_the_two_measures_the_text_named_together_in_order():
    found = _figures(
        "Binh Dinh ranks departments by the 2023 PAR Index and SIPAS\n\n"
        "The provincial People's Committee has ranked its departments by the PAR Index and the "
        "Satisfaction Index of Public Administrative Services (SIPAS).\n\n"
        "Next were the Department of Finance with 90.96% and 97.35%; the Department of Health "
        "with 89.83% and 93.70%.\n"
    )
    assert ("par.total_points", 90.96, "Sở Tài chính") in found
    assert ("sipas.satisfaction_pct", 97.35, "Sở Tài chính") in found
    assert ("par.total_points", 89.83, "Sở Y tế") in found
    assert ("sipas.satisfaction_pct", 93.7, "Sở Y tế") in found


def test_two_shares_in_vietnamese_follow_the_order_of_the_measures_named_before():
    found = _figures(
        "UBND tỉnh công bố Chỉ số cải cách hành chính và Chỉ số hài lòng của người dân năm 2023 "
        "đối với các sở, ngành. Sở Tư pháp dẫn đầu với 92,47% và 96,12%; tiếp theo là Sở Y tế "
        "với 86,92% và 89,90%.\n"
    )
    assert ("par.total_points", 92.47, "Sở Tư pháp") in found
    assert ("sipas.satisfaction_pct", 96.12, "Sở Tư pháp") in found
    assert ("sipas.satisfaction_pct", 89.9, "Sở Y tế") in found


def test_two_shares_without_two_measures_named_before_take_no_order():
    found = _figures("Tỷ lệ hồ sơ trực tuyến của Sở Y tế năm 2023 đạt 86,92% và 89,90% ở quý IV.\n")
    assert not any(indicator.startswith(("par.", "sipas.")) for indicator, _, _ in found)


def test_a_site_banner_and_a_section_path_are_not_the_headline():
    from cchc_analysis.extract.document import _document
    from cchc_analysis.extract.language import detect_language, reading_language

    text = (
        "TAY NINH ONLINE | English edition\n\n"
        "Politics - Administrative reform\n\n"
        "Trang Bang town tops 2022 PAR Index of districts\n\n"
        "The provincial People's Committee has announced the 2022 PAR Index of its districts.\n"
    )
    with reading_language(detect_language(text)):
        doc = _document(text)
    assert doc.headline is not None
    assert text[doc.headline[0] : doc.headline[1]].startswith("Trang Bang town tops")


def test_a_league_under_a_headline_on_one_index_is_that_index_though_two_were_named_before():
    found = _figures(
        "TAY NINH ONLINE | English edition\n\n"
        "Politics - Administrative reform\n\n"
        "Trang Bang town tops 2022 PAR Index of districts\n\n"
        "The ministry put the province's own PAR Index for 2022 at 84.12% and its SIPAS at "
        "86.40%.\n\n"
        "For the district level, Trang Bang town ranked first with 88.21%, ahead of Hoa Thanh "
        "town (86.05%).\n"
    )
    assert ("par.total_points", 88.21, "Trang Bang town") in found
    assert ("sipas.satisfaction_pct", 88.21, "Trang Bang town") not in found


def test_pairs_of_shares_keep_the_two_indexes_though_a_sentence_on_one_came_between():
    found = _figures(
        "Units ranked by PAR INDEX and SIPAS\n\n"
        "The committee ranked departments and districts by the PAR INDEX and the SIPAS.\n\n"
        "The Department of Finance stood last with 80.12%; its SIPAS result, 82.40%, was the "
        "lowest.\n\n"
        "Behind it came the Department of Health (88.14% and 90.02%).\n"
    )
    assert ("par.total_points", 88.14, "Sở Y tế") in found
    assert ("sipas.satisfaction_pct", 90.02, "Sở Y tế") in found


def test_the_department_refers_back_to_the_department_named_before():
    found = _figures(
        "Quang Tri justice department settles every file on time\n\n"
        "QUANG TRI — The Quang Tri Department of Justice says it settled every dossier of the "
        "first quarter of 2026 on time.\n\n"
        "In the first three months of 2026, the department received 2,104 dossiers.\n"
    )
    assert ("dossier.received", 2104.0, "Sở Tư pháp") in found
    assert ("dossier.received", 2104.0, "province") not in found


def test_a_service_index_league_takes_no_percentage_for_points():
    found = _figures(
        "Chỉ số phục vụ người dân, doanh nghiệp năm 2023 của tỉnh Kiên Giang\n\n"
        "Với 78,64 điểm, Kiên Giang đứng thứ 14 cả nước về Bộ chỉ số phục vụ người dân, doanh "
        "nghiệp năm 2023. Ở khối sở, Sở Công Thương đạt 99,61%, Sở Xây dựng 97,05%.\n"
    )
    assert ("service.index_points", 78.64, "province") in found
    assert not any(value in (99.61, 97.05) for ind, value, _ in found if ind.startswith("service"))


def test_a_lower_case_so_is_the_department_the_text_is_about():
    found = _figures(
        "Quý II: mọi hồ sơ tại Sở Tư pháp Bến Tre đều đúng hẹn\n\n"
        "Toàn bộ hồ sơ đến hạn trong quý II/2019 tại Sở Tư pháp Bến Tre đều được trả đúng hẹn.\n\n"
        "Riêng lĩnh vực lý lịch tư pháp, sở tiếp nhận 1.912 hồ sơ. Qua cổng dịch vụ công của "
        "tỉnh, sở nhận 245 hồ sơ nộp trực tuyến.\n"
    )
    assert ("dossier.received", 1912.0, "Sở Tư pháp") in found
    assert ("dossier.online", 245.0, "Sở Tư pháp") in found


def test_the_centre_of_a_bare_ward_is_the_centre_of_the_ward_in_the_headline():
    found = _figures(
        "Phường Long Xuyên - nửa năm vận hành chính quyền hai cấp\n\n"
        "Từ ngày 1/7 đến 31/12/2025, Trung tâm Phục vụ hành chính công phường nhận 9.102 hồ sơ.\n"
    )
    assert ("dossier.received", 9102.0, "Trung tâm Phục vụ hành chính công phường Long Xuyên") in (
        found
    )


def test_an_english_list_of_investors_under_a_head_naming_its_pairs():
    found = _figures(
        "Vinh Long disburses 96% of public investment plan in 2024\n\n"
        "Broken down by investor (disbursed/plan, VND billion):\n"
        "- Department of Construction: 2,102.6/2,230.0;\n"
        "- Tra On district: 288.4/301.5;\n"
    )
    assert ("finance.disbursed_bn", 2102.6, "Sở Xây dựng") in found
    assert ("finance.plan_bn", 2230.0, "Sở Xây dựng") in found


def test_a_month_named_paragraphs_after_an_annual_headline_is_not_the_period():
    from cchc_analysis.extract import extract_text

    text = (
        "Vinh Long disburses 96% of public investment plan in 2024\n\n"
        "As of December 31, 2024 the province had disbursed VND 14,211.5 billion.\n\n"
        + "The province faced obstacles with site clearance and flooding all year long. " * 8
        + "\n\nThe transfer of projects in July slowed payments.\n"
    )
    periods = {str(f.period) for f in extract_text(text).figures}
    assert periods == {"2024"}


def _periods(text: str) -> set[tuple[str, float, str]]:
    """(indicator, value, period) of every figure and sub-unit figure read from a text."""
    from cchc_analysis.extract import extract_text

    extraction = extract_text(text)
    return {
        (f.indicator, f.value, str(f.period)) for f in [*extraction.figures, *extraction.subunits]
    }


def test_units_ranked_by_the_indexs_edition_take_its_year():
    found = _periods(
        "Justice department and Quy Nhon city lead PAR rankings\n\n"
        "The provincial People's Committee has ranked its departments by the 2022 Public "
        "Administration Reform Index (PAR Index). The Department of Justice came first with a "
        "PAR Index of 92.47%.\n"
    )
    assert ("par.total_points", 92.47, "2022") in found


def test_since_the_end_of_a_year_is_not_the_period_of_the_text():
    found = _periods(
        "Tuy Hòa bớt văn bản giấy nhờ phần mềm điều hành\n\n"
        "Nhờ đưa phần mềm quản lý văn bản về đến cấp xã từ cuối năm 2017, văn bản giấy đã giảm.\n\n"
        "Theo đó, 6 tháng đầu năm 2018, tỷ lệ văn bản trao đổi dưới dạng điện tử đạt 58,4%. "
        "Trong 6 tháng, Bộ phận tiếp nhận và trả kết quả của thành phố nhận 9.862 hồ sơ.\n"
    )
    assert ("dossier.received", 9862.0, "2018-H1") in found


def test_a_year_standing_alone_in_the_headline_is_the_period():
    found = _periods(
        "Long An wraps up 2019 administrative reform plan with one task left over\n\n"
        "Long An completed 39 out of 40 tasks in its reform plan, the steering committee said. "
        "It had already doubled the number of level-4 services in 2018.\n"
    )
    assert ("task.completed", 39.0, "2019") in found


def test_a_weekday_dateline_is_no_headline_and_gives_no_period():
    found = _periods(
        "KHANH HOA ONLINE\n"
        "Friday, January 17, 2025 – 14:05\n\n"
        "Khanh Hoa scores 84.67 on citizen-service index for 2024\n\n"
        "Khanh Hoa province scored 84.67 out of 100 points on the service index of Decision "
        "766/QD-TTg for the whole of 2024.\n"
    )
    assert ("service.index_points", 84.67, "2024") in found


def test_a_year_in_brackets_after_an_earlier_level_is_not_the_texts_period():
    from cchc_analysis.extract.core import _document_period
    from cchc_analysis.extract.document import _document
    from cchc_analysis.extract.language import detect_language, reading_language

    text = (
        "Nam Định rút ngắn thời gian giải quyết thủ tục hành chính\n\n"
        "Tỷ lệ giải quyết đúng hạn tăng từ 98,88% (năm 2016) lên 99,59%.\n"
    )
    with reading_language(detect_language(text)):
        period, _ = _document_period(_document(text))
    assert period is None or period.year != 2016


def test_a_day_and_month_after_a_time_of_day_is_a_date():
    found = _figures(
        "Thái Bình giải ngân vốn đầu tư công 5 tháng năm 2025\n\n"
        "Chiều 5/6, Chủ tịch UBND tỉnh chủ trì cuộc họp kiểm điểm tiến độ thực hiện 28/40 nhiệm "
        "vụ trọng tâm.\n"
    )
    assert not any(value in (5.0, 6.0) for _, value, _ in found)
    assert ("task.completed", 28.0, "province") in found


def test_a_caption_line_over_a_list_gives_its_items_their_unit_and_period():
    from cchc_analysis.extract import extract_text

    text = (
        "Reform inspectors start 2026 round in Vinh Hai ward\n\n"
        "Inspection Team No. 12 of the Department of Home Affairs began its checks on March 11 "
        "at the People's Committee of Vinh Hai ward. Two communes are next on its list.\n\n"
        "The team found that the ward had published all its procedures.\n\n"
        "Vinh Hai ward, second half of 2025 (ward report to the team)\n"
        "- Dossiers received: 6,204, of which 5,110 filed online\n"
        "- Dossiers settled: 6,013\n"
    )
    extraction = extract_text(text)
    found = {(f.indicator, f.value, f.scope, str(f.period)) for f in extraction.subunits}
    assert ("dossier.received", 6204.0, "Vinh Hai ward", "2025-H2") in found
    assert ("dossier.resolved", 6013.0, "Vinh Hai ward", "2025-H2") in found
