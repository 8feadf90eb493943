"""Phrasings of the twelfth session, in sentences written for this test after helper sessions
studied how published provincial articles lay out their figures (the seventh batch of the
written benchmark): a province's own PAR index of its departments as a table of the parts, the
parts named in a sentence, and an earlier year's level in brackets after a comparison."""

from __future__ import annotations

from cchc_analysis.extract import extract_text
from cchc_analysis.extract.flattened import with_flattened_tables
from tests.extract_helpers import figure_keys


def _figures(text: str) -> set[tuple[str, float, str]]:
    """(indicator, value, scope) of a text whose tables are rebuilt as a saved file's are."""
    return figure_keys(with_flattened_tables(text, "utf-8")[0])


PARTS_TABLE = (
    "Công bố Chỉ số cải cách hành chính năm 2022 của các sở, ngành tỉnh Hà Nam\n\n"
    "Chiều 14/3, UBND tỉnh Hà Nam công bố Chỉ số CCHC năm 2022 của các sở, ban, ngành. "
    "Kết quả cụ thể như sau:\n\n"
    "STT | Đơn vị | Điểm thẩm định | Khảo sát LĐQL | SIPAS | Chỉ số | Xếp hạng\n"
    "1 | Sở Nội vụ | 64,20 | 18,05 | 8,84 | 91,09 | 1\n"
    "2 | Sở Tài chính | 63,75 | 17,90 | 8,61 | 90,26 | 2\n"
    "3 | Sở Y tế | 60,02 | 16,44 | 8,15 | 84,61 | 3\n"
)


def test_a_table_of_the_parts_reads_each_part_and_the_total():
    found = _figures(PARTS_TABLE)
    assert ("par.appraisal_points", 63.75, "Sở Tài chính") in found
    assert ("par.leader_survey_points", 17.9, "Sở Tài chính") in found  # "LĐQL", abbreviated
    # the SIPAS column of a table of the parts holds the index's points, not a share
    assert ("par.sipas_points", 8.61, "Sở Tài chính") in found
    assert ("par.total_points", 90.26, "Sở Tài chính") in found  # the bare "Chỉ số" column
    assert not any(indicator == "sipas.satisfaction_pct" for indicator, _, _ in found)


def test_the_home_affairs_department_labelling_its_own_row_is_a_unit():
    # "Sở Nội vụ" usually reports for the province; as a row of a table it is one of the units
    found = _figures(PARTS_TABLE)
    assert ("par.total_points", 91.09, "Sở Nội vụ") in found
    assert ("par.total_points", 91.09, "province") not in found


def test_a_sipas_column_of_a_table_without_parts_stays_a_share():
    found = _figures(
        "Kết quả Chỉ số SIPAS năm 2022 của các huyện tỉnh Hà Nam\n\n"
        "STT | Đơn vị | SIPAS | Xếp hạng\n"
        "1 | huyện Kim Bảng | 88,12 | 1\n"
        "2 | huyện Thanh Liêm | 86,40 | 2\n"
        "3 | huyện Lý Nhân | 85,05 | 3\n"
        "4 | huyện Bình Lục | 84,77 | 4\n"
    )
    assert ("sipas.satisfaction_pct", 88.12, "huyện Kim Bảng") in found


def test_the_parts_named_in_a_sentence():
    found = _figures(
        "Chỉ số CCHC năm 2019 của tỉnh Bạc Liêu\n\n"
        "Năm 2019, Chỉ số CCHC của tỉnh Bạc Liêu đạt 80,12%. Trong tổng điểm, điểm thẩm định "
        "đạt 50,40 điểm; điểm khảo sát lãnh đạo, quản lý 15,90 điểm, điểm Chỉ số hài lòng của "
        "người dân, tổ chức 7,95 điểm và điểm đánh giá tác động của CCHC 5,87 điểm."
    )
    assert ("par.sipas_points", 7.95, "province") in found
    assert ("par.impact_points", 5.87, "province") in found
    assert not any(value == 7.95 for indicator, value, _ in found if indicator.startswith("sipas"))


def test_an_earlier_years_level_in_brackets_after_a_comparison():
    extraction = extract_text(
        "Chỉ số CCHC năm 2020 của tỉnh Hậu Giang\n\n"
        "Năm 2020, Chỉ số CCHC của tỉnh Hậu Giang đạt 82,40%, xếp thứ 30/63, tăng 6 bậc so "
        "với năm 2019 (đạt 79,55%, xếp thứ 36/63).\n\n"
        "Cùng với PAR INDEX, Chỉ số SIPAS năm 2020 của tỉnh đạt 84,10%, tăng so với năm 2019 "
        "(82,30%)."
    )
    found = {(f.indicator, round(f.value, 2)): str(f.period) for f in extraction.figures}
    assert found[("par.total_points", 79.55)] == "2019"
    # the SIPAS sentence names the PAR INDEX too: the bracket is still SIPAS's earlier level
    assert found[("sipas.satisfaction_pct", 82.3)] == "2019"
    assert ("par.total_points", 82.3) not in found


LEVEL_SECTIONS = (
    "Kết quả giải quyết thủ tục hành chính quý III năm 2022 của tỉnh Hà Nam\n\n"
    "Theo số liệu của Hệ thống một cửa điện tử, quý III việc giải quyết hồ sơ ở ba cấp ổn định."
    "\n\n1. Các sở, ban, ngành\n"
    "Tỷ lệ hồ sơ giải quyết đúng hạn đạt 99,31%; đã giải quyết 20.415 hồ sơ.\n\n"
    "2. UBND huyện, thị xã, thành phố\n"
    "Tỷ lệ đúng hạn đạt 97,12%; đã giải quyết 15.206 hồ sơ.\n\n"
    "3. UBND xã, phường, thị trấn\n"
    "Tỷ lệ đúng hạn đạt 99,80%; đã giải quyết 40.118 hồ sơ.\n\n"
    "4. Dịch vụ công trực tuyến\n"
    "Số hồ sơ nộp trực tuyến trong quý là 9.870 hồ sơ.\n"
)


def test_sections_that_go_level_by_level_own_their_paragraphs():
    found = _figures(LEVEL_SECTIONS)
    assert ("dossier.resolved", 20415, "cấp tỉnh") in found
    assert ("dossier.on_time_pct", 97.12, "cấp huyện") in found  # "UBND huyện, thị xã, …"
    assert ("dossier.resolved", 40118, "cấp xã") in found
    # a heading about a topic ends the level's section
    assert ("dossier.online", 9870, "province") in found


def test_items_of_amount_pairs_after_the_first_take_its_measure():
    found = _figures(
        "Giải ngân vốn đầu tư công 9 tháng năm 2023 của tỉnh Hà Nam\n\n"
        "Nhiều chủ đầu tư giải ngân chậm: Sở Xây dựng mới giải ngân 210,4/530 tỷ đồng; huyện "
        "Kim Bảng 64,2/180,5 tỷ đồng; thị xã Duy Tiên 88,9/201 tỷ đồng."
    )
    assert ("finance.disbursed_bn", 64.2, "huyện Kim Bảng") in found
    assert ("finance.plan_bn", 180.5, "huyện Kim Bảng") in found
    assert ("finance.disbursed_bn", 88.9, "thị xã Duy Tiên") in found
    assert ("finance.plan_bn", 201, "thị xã Duy Tiên") in found


def test_a_bracket_saying_what_a_whole_takes_in_does_not_hide_its_cue():
    # "vốn năm trước" inside the bracket names what the plan includes, not another period
    found = _figures(
        "Giải ngân vốn đầu tư công 9 tháng năm 2023 của tỉnh Hà Nam\n\n"
        "Tổng kế hoạch vốn đầu tư công năm 2023 của tỉnh (gồm vốn Thủ tướng Chính phủ giao và "
        "vốn năm trước kéo dài) là 4.215,6 tỷ đồng."
    )
    assert ("finance.plan_bn", 4215.6, "province") in found


SERVICE_INDEX_EN = (
    "Ha Nam climbs in weekly public service index\n\n"
    "HA NAM — Ha Nam Province scored 88.40 points in the index on serving people and businesses "
    "for the week ending March 9, 2026.\n\n"
    "Behind the score, the province has published 100 per cent of its administrative "
    "procedures on time, and 96.5 per cent of dossiers were synchronised to the National "
    "Public Service Portal. Satisfaction with the receipt and handling of procedures was 97.9 "
    "per cent. Of 150 pieces of feedback received through the portal, 146 were handled on "
    "time.\n\n"
    "Provincial departments were led by the Justice department (95.10 points) and the Finance "
    "department (93.20 points). The Construction department had fallen to 70.15 points a week "
    "earlier.\n"
)


def test_an_english_service_index_article_reads_each_measure():
    found = figure_keys(SERVICE_INDEX_EN)
    assert ("tthc.published_on_time_pct", 100, "province") in found
    assert ("dossier.synced_pct", 96.5, "province") in found  # the share before its noun
    assert ("dossier.satisfaction_pct", 97.9, "province") in found
    # a bare count in a sentence about feedback counts feedback, not dossiers
    assert ("feedback.on_time", 146, "province") in found
    assert not any(indicator == "dossier.on_time_pct" for indicator, _, _ in found)


def test_departments_named_by_their_field_in_lower_case():
    found = figure_keys(SERVICE_INDEX_EN)
    assert ("service.index_points", 95.1, "Sở Tư pháp") in found
    assert ("service.index_points", 93.2, "Sở Tài chính") in found
    # a score of a week earlier is no figure of the week reported
    assert not any(value == 70.15 for _, value, _ in found)


def test_an_english_list_of_labels_and_numbers_under_a_site_banner():
    text = (
        "Vietnam.vn - Platform for promoting Vietnam\n\n"
        "Ha Nam keeps on-time rate near 99% in third quarter\n\n"
        "Procedures and online services (as of October 2025)\n"
        "- Administrative procedures published on the provincial portal: over 1,870\n"
        "- Fully online public services: nearly 760\n"
        "- Partially online public services: over 940\n\n"
        "In the third quarter of 2025, more than 98.7% of the dossiers settled were "
        "returned on or before the due date.\n"
    )
    found = figure_keys(text)
    assert ("tthc.published", 1870, "province") in found
    assert ("service.online_level4", 760, "province") in found
    assert ("service.online_level3", 940, "province") in found
    # the headline's rounded "near 99%" restates the body's exact share, which is kept
    assert ("dossier.on_time_pct", 98.7, "province") in found
    assert ("dossier.on_time_pct", 99, "province") not in found


def test_sipas_named_as_a_part_of_the_par_index_does_not_become_the_next_lists_index():
    found = figure_keys(
        "Chỉ số CCHC năm 2022 của tỉnh Hà Nam\n\n"
        "Năm 2022, Chỉ số CCHC của tỉnh Hà Nam đạt 86,12/100 điểm.\n\n"
        "Cơ cấu điểm như sau:\n"
        "- Điểm thẩm định: 54,10/61,5 điểm;\n"
        "+ Chỉ số SIPAS: 8,12/10 điểm;\n"
        "+ Khảo sát lãnh đạo, quản lý: 18,05/22 điểm.\n\n"
        "Trong khu vực, Nam Định đạt 87,21 điểm, Ninh Bình 86,90 điểm."
    )
    assert ("par.total_points", 87.21, "province") in found
    assert not any(indicator.startswith("sipas.") for indicator, _, _ in found)


def test_a_head_row_of_years_between_bars_heads_the_table():
    found = _figures(
        "Provincial Competitiveness Index (PCI) - province profile: Ha Nam\n\n"
        "Sub-index scores of Ha Nam, 2021-2023\n"
        "Year | 2023 | 2022 | 2021 |\n"
        "Entry Costs | 6.91 | 6.52 | 7.10 |\n"
        "Access to land | 6.40 | 6.61 | 6.18 |\n"
        "Time Costs | 6.77 | 6.88 | 6.31 |\n"
    )
    assert ("pci.entry", 6.91, "province") in found
    assert ("pci.land", 6.61, "province") in found
    assert ("pci.time", 6.31, "province") in found


def test_investors_listed_under_a_head_that_says_what_their_pairs_are():
    found = figure_keys(
        "Hà Nam giải ngân vốn đầu tư công năm 2021\n\n"
        "Theo Sở Kế hoạch và Đầu tư, kết quả của một số chủ đầu tư lớn (giải ngân/kế hoạch, "
        "tỷ đồng):\n\n"
        "- Ban QLDA đầu tư xây dựng công trình giao thông tỉnh: 812,4/840,0 (96,7%);\n"
        "- UBND huyện Kim Bảng: 120,6/131,2;\n"
    )
    board = "Ban QLDA đầu tư xây dựng công trình giao thông tỉnh"
    assert ("finance.disbursed_bn", 812.4, board) in found
    assert ("finance.plan_bn", 840, board) in found
    assert ("finance.disbursed_bn", 120.6, "huyện Kim Bảng") in found


def test_investors_listed_after_gom_with_their_amounts():
    found = figure_keys(
        "Hà Nam giải ngân vốn đầu tư công năm 2021\n\n"
        "Các chủ đầu tư có số vốn giải ngân lớn trong năm gồm: Ban Quản lý dự án đầu tư xây dựng "
        "các công trình giao thông tỉnh 1.210 tỷ đồng; Sở Y tế 96 tỷ đồng."
    )
    board = "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh"
    # ("giao" of "giao thông" is not "giao" as allocated: the amount is no plan)
    assert ("finance.disbursed_bn", 1210, board) in found
    assert ("finance.disbursed_bn", 96, "Sở Y tế") in found


def test_departments_listed_after_a_head_on_their_volume_and_the_communes_centres():
    found = figure_keys(
        "Kết quả giải quyết hồ sơ tháng 10/2025 của tỉnh Hà Nam\n\n"
        "Các cơ quan có lượng HS lớn nhất tháng: Sở Xây dựng 3,12 ngàn HS, Công an tỉnh 2,96 ngàn "
        "HS, Sở Y tế 860 HS.\n\n"
        "Ở cấp xã, Trung tâm Phục vụ hành chính công của 47 xã, phường trong tháng tiếp nhận 58,4 "
        "ngàn HS."
    )
    assert ("dossier.received", 3120, "Sở Xây dựng") in found
    # a level after a unit narrows it only when no figure stands between them
    assert ("dossier.received", 2960, "Công an tỉnh") in found
    assert ("dossier.received", 860, "Sở Y tế") in found
    assert any(v == 58400 and "47 xã, phường" in scope for _, v, scope in found)


def test_english_disbursement_as_an_amount_of_a_plan_and_paid_out_by_a_date():
    found = figure_keys(
        "Ha Nam speeds up public investment disbursement\n\n"
        "HA NAM — Province-wide, 1,804 billion VND of the 3,912 billion VND plan had been "
        "disbursed by the end of September 2023, or 46.1%.\n\n"
        "Kim Bang district has more than 240 billion VND of public investment capital to spend "
        "this year; by September 30 it had paid out more than 131 billion VND.\n"
    )
    assert ("finance.disbursed_bn", 1804, "province") in found
    assert ("finance.plan_bn", 3912, "province") in found
    assert ("finance.plan_bn", 240, "Kim Bang district") in found
    # "by September 30" dates what had been paid out: no target
    assert ("finance.disbursed_bn", 131, "Kim Bang district") in found


def test_english_plans_that_stand_at_an_amount_and_capital_managed_by_each_level():
    found = figure_keys(
        "Ha Nam disburses 45% of its public investment plan\n\n"
        "The total public investment capital allocated for 2025 now stands at more than 8,420 "
        "billion VND. Capital managed by the province amounts to more than 6,105 billion VND; "
        "capital managed by communes and wards is more than 2,315 billion VND.\n"
    )
    assert ("finance.plan_bn", 8420, "province") in found
    assert ("finance.plan_bn", 6105, "cấp tỉnh") in found  # the provincial level's capital
    assert ("finance.plan_bn", 2315, "cấp xã") in found


def test_a_share_between_commas_does_not_carry_a_count_into_the_next_item():
    found = figure_keys(
        "Kết quả giải quyết hồ sơ quý I năm 2026 của Sở Xây dựng tỉnh Hà Nam\n\n"
        "Trong quý, Sở Xây dựng đã có kết quả 3.210 hồ sơ; trong đó trước và đúng hạn 3.105 hồ "
        "sơ, chiếm 96,73%, chậm hạn 105 hồ sơ, chiếm 3,27%."
    )
    assert ("dossier.resolved_late", 105, "Sở Xây dựng") in found
    assert ("dossier.resolved_late", 3105, "Sở Xây dựng") not in found


def test_a_towns_report_under_a_menu_and_a_breadcrumb_with_next_years_plans():
    extraction = extract_text(
        "BÁO HÀ NAM ONLINE\n"
        "Thời sự | Chính trị | Kinh tế | Xã hội | Đất và người Hà Nam\n\n"
        "Chính trị > Cải cách hành chính\n\n"
        "Duy Tiên: một cửa thị xã trả đúng hẹn gần 98,2 % hồ sơ\n\n"
        "Cập nhật ngày: 16/01/2024 - 05:47\n\n"
        "Sáng 15/01, thị xã Duy Tiên họp đánh giá một năm cải cách hành chính 2023 và bàn việc "
        "cho năm 2024.\n\n"
        "Năm 2023, thị xã thực hiện 38/40 nhiệm vụ trong kế hoạch CCHC. Bộ phận một cửa thị xã "
        "nhận hơn 5.100 hồ sơ trong năm."
    )
    info = extraction.documents[0]
    assert info.headline.startswith("Duy Tiên:")  # not the menu, not the breadcrumb
    assert info.period == "2023"  # "bàn việc cho năm 2024" plans the next year
    found = {(f.indicator, f.value, f.scope) for f in extraction.subunits}
    assert ("task.completed", 38, "thị xã Duy Tiên") in found


def test_a_score_after_an_office_named_with_its_level_is_no_part_of_its_name():
    found = figure_keys(
        "Công bố Chỉ số CCHC năm 2019 tỉnh Hà Nam\n\n"
        "Năm 2019, Chỉ số CCHC của các sở, ngành tỉnh Hà Nam được công bố. Sở Y tế 87,36 điểm, "
        "Văn phòng UBND tỉnh 85,49 điểm.\n"
    )
    assert ("par.total_points", 85.49, "Văn phòng UBND tỉnh") in found


def test_english_report_words_for_finished_pending_and_late_files():
    found = figure_keys(
        "Late files fall below 1% in Kim Bang District\n\n"
        "KIM BANG — In the first nine months of 2019, the district's one-stop division received "
        "21,408 dossiers and has finished 20,977; the other 431 are not yet due. Late returns "
        "numbered 165, most of them land files.\n"
    )
    assert ("dossier.resolved", 20977, "Kim Bang District") in found
    assert ("dossier.pending", 431, "Kim Bang District") in found
    assert ("dossier.resolved_late", 165, "Kim Bang District") in found
