"""Phrasings of the eleventh session, in sentences written for this test after reading how
published provincial reports are laid out: a quarter run a month early and given as a date
range, and a level set as the topic before "toàn tỉnh"."""

from __future__ import annotations

from datetime import date

import pytest

from cchc_analysis.extract import extract_files, extract_text
from cchc_analysis.extract.period_mentions import _range_period
from tests.extract_helpers import figure_keys as _figures


def _periods(text: str) -> dict[tuple[str, float], str]:
    extraction = extract_text(text)
    return {
        (f.indicator, round(f.value, 3)): str(f.period)
        for f in list(extraction.figures) + list(extraction.subunits)
    }


def test_a_quarter_run_a_month_early_keeps_its_name():
    # some provinces count their year from 1 December: "quý II" runs from 1 March to 31 May
    found = _periods(
        "Kết quả giải quyết hồ sơ quý II\n\n"
        "Trong quý II năm 2021 (từ ngày 1/3 đến 31/5/2021) toàn tỉnh Phú Thọ đã tiếp nhận "
        "412.806 hồ sơ, đã giải quyết 401.330 hồ sơ."
    )
    assert found[("dossier.received", 412806)] == "2021-Q2"
    assert found[("dossier.resolved", 401330)] == "2021-Q2"


@pytest.mark.parametrize(
    ("first", "last", "period"),
    [
        ((2021, 3, 1), (2021, 5, 31), "2021-Q2"),  # a quarter a month early
        ((2019, 12, 1), (2020, 2, 29), "2020-Q1"),  # across the new year
        ((2019, 12, 1), (2020, 5, 31), "2020-H1"),  # a half-year from 1 December
        ((2021, 3, 15), (2021, 6, 14), "2021-Q2"),  # the usual 15th-to-14th quarter
        ((2021, 4, 1), (2021, 6, 30), "2021-Q2"),  # a calendar quarter
        ((2020, 12, 15), (2021, 3, 14), "2021-Q1"),
        ((2021, 10, 1), (2021, 12, 31), "2021-Q4"),
    ],
)
def test_a_date_range_names_its_reporting_period(first, last, period):
    assert str(_range_period(date(*first), date(*last))) == period


def test_three_months_that_are_no_quarter_name_no_period():
    assert _range_period(date(2021, 5, 1), date(2021, 7, 31)) is None


def test_a_level_set_as_topic_before_toan_tinh_keeps_the_level():
    found = _figures(
        "Kết quả giải quyết hồ sơ quý II năm 2021\n\n"
        "Toàn tỉnh Phú Thọ đã tiếp nhận 412.806 hồ sơ.\n\n"
        "Với cấp xã, toàn tỉnh quý II tiếp nhận 164.292 hồ sơ, đã giải quyết 161.318 hồ sơ."
    )
    assert ("dossier.received", 164292, "cấp xã") in found
    assert ("dossier.received", 164292, "province") not in found
    assert ("dossier.received", 412806, "province") in found


def _provinces(text: str) -> set[tuple[str, float, str, str]]:
    """(indicator, value, scope, province) of every figure of the main table."""
    extraction = extract_text(text)
    return {(f.indicator, round(f.value, 3), f.scope, f.province) for f in extraction.figures}


def test_new_procedures_are_a_part_of_those_announced_not_the_total():
    found = _figures(
        "Ninh Binh reform 2022\n\n"
        "In 2022 the provincial chairman signed 38 decisions announcing 512 administrative "
        "procedures, including 120 new ones, 250 amended or supplemented and 142 abolished."
    )
    assert ("tthc.published", 512, "province") in found
    assert ("tthc.published", 120, "province") not in found
    assert ("tthc.abolished", 142, "province") in found


def test_pending_dossiers_past_their_deadline():
    found = _figures(
        "Ninh Binh reform 2022\n\n"
        "The remaining 9,410 dossiers were still being processed, 162 of them past their "
        "deadline."
    )
    assert ("dossier.pending", 9410, "province") in found
    assert ("dossier.pending_overdue", 162, "province") in found


def test_every_item_of_an_english_one_stop_list_is_its_levels_count():
    found = _figures(
        "Ninh Binh reform 2022\n\n"
        "The one-stop mechanism is in place at 19/19 departments and sectors, 8/8 "
        "district-level localities and 119/119 communes, wards and townships."
    )
    assert ("onestop.units_with", 8, "cấp huyện") in found
    assert ("onestop.units_total", 119, "cấp xã") in found


def test_money_paid_out_of_a_departments_allocation():
    found = _figures(
        "Ninh Binh disbursement 2022\n\n"
        "The provincial Department of Transport had paid out VND 512.4 billion of its VND "
        "930 billion allocation."
    )
    assert ("finance.disbursed_bn", 512.4, "Sở Giao thông vận tải") in found
    assert ("finance.plan_bn", 930, "Sở Giao thông vận tải") in found


def test_services_provided_as_level_3():
    found = _figures(
        "Ninh Binh reform 2022\n\n"
        "The centre receives 1,640 procedures, of which 388 are provided as level 3 online "
        "public services and 245 at level 4."
    )
    assert ("service.online_level3", 388, "province") in found
    assert ("service.online_level4", 245, "province") in found


def test_a_score_said_overall_is_the_par_index_after_a_sipas_paragraph():
    found = _provinces(
        "PAR INDEX 2021: the north leads\n\n"
        "Ninh Binh's SIPAS result was 85.10 percent.\n\n"
        "Further down the table, Ha Nam scored 86.44 percent overall.\n\n"
        "Lai Chau was in last place with 79.12 percent."
    )
    assert ("par.total_points", 86.44, "province", "Hà Nam") in found
    assert ("par.total_points", 79.12, "province", "Lai Châu") in found
    assert not any(key[0] == "sipas.satisfaction_pct" and key[1] == 86.44 for key in found)


def test_a_round_ups_table_rows_are_each_provinces_scores_past_left_out_rows(tmp_path):
    # a table set one row per line is rebuilt when a file is read, as the command line reads it
    saved = tmp_path / "par_index_2020.txt"
    saved.write_text(
        "PAR INDEX 2020: Hà Nam giữ vị trí đầu\n\n"
        "Bảng dưới đây tóm tắt một số địa phương (đơn vị: điểm):\n\n"
        "Xếp hạng\tĐịa phương\tĐiểm thẩm định\tĐiểm điều tra XHH\tTổng điểm\n"
        "1\tHà Nam\t57,10\t32,90\t90,00\n"
        "2\tNam Định\t56,20\t32,10\t88,30\n"
        "...\t...\t...\t...\t...\n"
        "62\tLai Châu\t47,90\t27,00\t74,90\n"
        "63\tĐiện Biên\t47,00\t26,50\t73,50\n",
        encoding="utf-8",
    )
    found = {
        (f.indicator, round(f.value, 3), f.scope, f.province)
        for f in extract_files([saved]).figures
    }
    assert ("par.appraisal_points", 56.2, "province", "Nam Định") in found
    assert ("par.total_points", 88.3, "province", "Nam Định") in found
    assert ("par.total_points", 73.5, "province", "Điện Biên") in found  # after the "…" row
    assert ("par.appraisal_points", 47.9, "province", "Lai Châu") in found


def test_a_numbered_list_takes_its_score_words_from_its_caption():
    found = _provinces(
        "Công bố SIPAS 2019: Nam Định dẫn đầu\n\n"
        "Ba địa phương có chỉ số cao nhất:\n"
        "1. Nam Định - 89,10%\n"
        "2. Hà Nam - 88,70%\n"
        "3. Ninh Bình - 88,05%\n\n"
        "Nhóm các tỉnh Thái Bình, Hưng Yên có mức hài lòng trên 87%, chỉ cách nhóm dẫn đầu "
        "chưa đến 1 điểm phần trăm."
    )
    assert ("sipas.satisfaction_pct", 88.7, "province", "Hà Nam") in found
    assert ("sipas.satisfaction_pct", 88.05, "province", "Ninh Bình") in found
    assert not any(key[1] == 1 for key in found)  # a gap in percentage points, no score


def test_a_head_names_last_word_reaching_over_the_next_column_stays_with_its_name():
    # a PDF's text layer as Chromium 156 lays it out: "được" ends the scores' name one space
    # before "Xếp hạng", past the middle between the two columns of figures
    from cchc_analysis.extract.layout import _by_column, _column_ranges, _spans

    ranges = _column_ranges(_spans("1    Sở Tư pháp                      92,15         1"))
    head = _spans("STT              Đơn vị              Điểm đạt được Xếp hạng")
    names = [text for _, _, text in _by_column(head, ranges)]
    assert names == ["STT", "Đơn vị", "Điểm đạt được", "Xếp hạng"]


def test_a_sites_banner_and_menu_are_not_the_headline():
    # the centre named in the real headline makes the counts the centre's, not the province's
    found = _figures(
        "CỔNG THÔNG TIN ĐIỆN TỬ TỈNH CAO BẰNG\n"
        "Tin tức - Sự kiện | Chỉ đạo điều hành | Thủ tục hành chính | English\n\n"
        "Trung tâm Phục vụ hành chính công tỉnh: tháng 9/2023 giải quyết đúng hạn 99,7% hồ sơ\n\n"
        "Cụ thể, tổng số hồ sơ Trung tâm tiếp nhận trong tháng là 5.210 hồ sơ, đã giải quyết "
        "4.870 hồ sơ."
    )
    assert ("dossier.received", 5210, "Trung tâm Phục vụ hành chính công tỉnh") in found
    assert ("dossier.received", 5210, "province") not in found


def test_a_districts_letterhead_gives_its_province():
    extraction = extract_text(
        "ỦY BAN NHÂN DÂN HUYỆN CỦ CHI\n"
        "Số: 812/BC-UBND                    Củ Chi, ngày 15 tháng 6 năm 2019\n\n"
        "BÁO CÁO\n"
        "Sơ kết công tác cải cách hành chính 6 tháng đầu năm 2019\n\n"
        "1. Kế hoạch CCHC năm 2019 của huyện có 40 nhiệm vụ; đã hoàn thành 18 nhiệm vụ."
    )
    assert {f.province for f in list(extraction.figures) + list(extraction.subunits)} == {
        "Hồ Chí Minh"
    }


def test_a_headings_number_before_a_pair_is_no_date():
    found = _figures(
        "Huyện Củ Chi 6 tháng đầu năm 2019\n\n"
        "2.5. 21/21 xã, thị trấn thực hiện cơ chế một cửa, một cửa liên thông hiện đại."
    )
    assert ("onestop.units_with", 21, "cấp xã") in found
    assert ("onestop.units_total", 21, "cấp xã") in found


def test_online_levels_said_for_a_count_of_procedures():
    found = _figures(
        "Huyện Củ Chi 6 tháng đầu năm 2019\n\n"
        "Huyện tiếp nhận hồ sơ trực tuyến mức độ 3 đối với 28 thủ tục và mức độ 4 đối với 9 "
        "thủ tục."
    )
    assert any(k[0] == "service.online_level3" and k[1] == 28 for k in found)
    assert any(k[0] == "service.online_level4" and k[1] == 9 for k in found)


def test_the_public_investment_allotted_to_a_district_is_its_plan():
    found = _figures(
        "Huyện Củ Chi 6 tháng đầu năm 2019\n\n"
        "Tổng vốn đầu tư công năm 2019 phân bổ cho huyện là 1.204,5 tỷ đồng; 6 tháng đầu năm "
        "giải ngân 401,2 tỷ đồng."
    )
    assert any(k[0] == "finance.plan_bn" and k[1] == 1204.5 for k in found)
    assert any(k[0] == "finance.disbursed_bn" and k[1] == 401.2 for k in found)


def test_a_quota_set_is_a_target_not_a_result():
    found = _figures(
        "Huyện Củ Chi năm 2019\n\n"
        "Tỷ lệ văn bản được gửi, nhận dưới dạng điện tử đạt 71,5%.\n\n"
        "III. HẠN CHẾ\n"
        "Số hồ sơ trễ hạn lĩnh vực xây dựng còn cao; tỷ lệ văn bản điện tử chưa đạt chỉ tiêu "
        "80% Thành phố giao."
    )
    assert any(k[0] == "edoc.exchange_pct" and k[1] == 71.5 for k in found)
    assert not any(k[1] == 80 for k in found)


def test_the_measures_of_one_quarter_said_at_length():
    found = _figures(
        "Tỉnh Cao Bằng quý I/2024\n\n"
        "Tổng số hồ sơ tiếp nhận là 51.200 hồ sơ. Số hồ sơ được số hóa thành phần hồ sơ, kết "
        "quả giải quyết ngay khi tiếp nhận là 40.110 hồ sơ. Trong 12.300 hồ sơ có nghĩa vụ tài "
        "chính, có 5.420 hồ sơ được người dân, doanh nghiệp thanh toán trực tuyến. Có 97,9% "
        "cán bộ, công chức thường xuyên sử dụng hệ thống quản lý văn bản và điều hành."
    )
    assert ("dossier.received", 51200, "province") in found
    assert ("dossier.digitised", 40110, "province") in found
    assert ("dossier.paid_online", 5420, "province") in found
    assert ("staff.software_use_pct", 97.9, "province") in found


def test_the_levels_shares_of_procedures_in_force_written_bare_in_brackets():
    found = _figures(
        "Tỉnh Cao Bằng quý I/2024\n\n"
        "Toàn tỉnh có 1.802 TTHC đang có hiệu lực (cấp tỉnh 1.390; cấp huyện 250; cấp xã 162)."
    )
    assert ("tthc.in_force", 1802, "province") in found
    assert ("tthc.in_force", 1390, "cấp tỉnh") in found
    assert ("tthc.in_force", 162, "cấp xã") in found


def test_the_month_dossiers_are_carried_over_from_is_not_the_reports_month():
    found = _periods(
        "Tháng 11/2025: cấp xã giải quyết đúng hạn 99,4% hồ sơ\n\n"
        "Trong tháng, cấp xã tiếp nhận 98.640 hồ sơ, gồm hồ sơ tháng 10 chuyển sang 8.870 và "
        "tiếp nhận mới 89.770."
    )
    assert found[("dossier.received", 98640)] == "2025-M11"


def test_a_colon_opening_a_breakdown_ends_the_total_clause():
    found = _figures(
        "Tỉnh Cao Bằng tháng 11/2025\n\n"
        "Đã giải quyết 96.930 hồ sơ: trước hạn 78.410, đúng hạn 17.900, quá hạn 620."
    )
    assert ("dossier.resolved", 96930, "province") in found
    assert ("dossier.resolved_early", 78410, "province") in found
    assert ("dossier.resolved_early", 96930, "province") not in found


def test_a_wards_digital_measures_and_staff():
    found = _figures(
        "Phường Long Xuyên: quý III/2025 giải quyết hơn 6.000 hồ sơ\n\n"
        "UBND phường Long Xuyên cho biết, phường thực hiện số hóa thành phần hồ sơ đối với "
        "5.810 hồ sơ; khai thác, sử dụng lại thông tin, dữ liệu đã số hóa đối với 1.902 hồ sơ. "
        "Trong 1.402 hồ sơ có phí, lệ phí, có 1.005 hồ sơ được thanh toán qua Nền tảng thanh "
        "toán trực tuyến. Tổng biên chế công chức của phường hiện có 38 người."
    )
    scopes = {key[0]: key for key in found}
    assert scopes["dossier.digitised"][1] == 5810
    assert scopes["dossier.reused"][1] == 1902
    assert scopes["dossier.paid_online"][1] == 1005
    assert scopes["staff.headcount"][1] == 38


def test_officials_sent_to_training_and_a_part_of_them():
    found = _figures(
        "Tỉnh Lai Châu năm 2017\n\n"
        "Trong năm cử 1.840 lượt cán bộ, công chức tham gia các lớp bồi dưỡng, trong đó gần "
        "500 lượt là công chức cấp xã."
    )
    assert ("staff.trained", 1840, "province") in found
    assert ("staff.trained", 500, "province") not in found


def test_the_par_index_parts_as_a_city_portal_lists_them():
    found = _figures(
        "Cần Thơ giữ vững nhóm dẫn đầu Chỉ số cải cách hành chính năm 2023\n\n"
        "Cấu phần điểm của thành phố năm 2023 như sau:\n"
        "• Điểm đánh giá, thẩm định kết quả tự chấm: 56,20 điểm;\n"
        "• Điểm điều tra xã hội học, gồm: điểm khảo sát lãnh đạo, quản lý 15,90 điểm và điểm "
        "khảo sát sự hài lòng của người dân, tổ chức 9,05 điểm;\n"
        "• Điểm đánh giá tác động của cải cách hành chính: 7,10 điểm.\n\n"
        "Ở chỉ số SIPAS 2023, mức độ hài lòng chung của người dân, tổ chức đối với sự phục vụ "
        "của các cơ quan hành chính nhà nước trên địa bàn thành phố đạt 85,40%."
    )
    assert ("par.appraisal_points", 56.2, "province") in found
    assert ("par.sipas_points", 9.05, "province") in found
    # (not "Điểm đánh giá tác động của cải cách hành chính": real reports give that name to
    # the surveys' and the impact's points together, tests/test_extract_phrasings_r10.py)
    assert ("sipas.satisfaction_pct", 85.4, "province") in found


def test_a_list_of_each_pci_sub_indexs_leader():
    found = _provinces(
        "PCI 2022: những địa phương dẫn đầu chỉ số thành phần\n\n"
        "Danh sách địa phương có điểm cao nhất ở từng chỉ số thành phần năm 2022:\n\n"
        "- Gia nhập thị trường: Bến Tre, 8,31 điểm;\n"
        "- Tiếp cận đất đai: Hà Nam, 7,22 điểm;\n"
        "- Đào tạo lao động: Bắc Giang, 7,40 điểm."
    )
    assert ("pci.entry", 8.31, "province", "Bến Tre") in found
    assert ("pci.land", 7.22, "province", "Hà Nam") in found
    assert ("pci.labor", 7.4, "province", "Bắc Giang") in found


def test_satisfaction_with_procedures_and_with_feedback_said_loosely():
    found = _figures(
        "Chỉ số phục vụ người dân, doanh nghiệp năm 2024 của tỉnh Bắc Ninh\n\n"
        "Tỷ lệ hài lòng của người dân, doanh nghiệp khi giải quyết thủ tục hành chính 97,65%. "
        "Mức hài lòng về xử lý phản ánh đạt 95,2%."
    )
    assert ("dossier.satisfaction_pct", 97.65, "province") in found
    assert ("feedback.satisfaction_pct", 95.2, "province") in found


def test_a_pci_part_named_with_its_other_name_in_brackets():
    found = _figures(
        "Kon Tum in PCI 2021\n\n"
        "The province scored 63.10 points in the PCI.\n\n"
        "The remaining scores were as follows:\n"
        "- Policy bias (equal competition): 6.02\n"
        "- Labour training: 5.71\n"
    )
    assert ("pci.bias", 6.02, "province") in found
    assert ("pci.labor", 5.71, "province") in found


def test_the_year_said_after_another_number_is_that_numbers():
    found = _periods(
        "Kon Tum in PCI 2021\n\n"
        "The province scored 63.10 points in the PCI. Access to land reached 6.31 points, "
        "compared with 5.90 in 2020."
    )
    assert found[("pci.land", 6.31)] == "2021"


def test_every_unit_covered_is_no_rate_per_unit():
    found = _figures(
        "Ninh Binh reform 2022\n\n"
        "The one-stop mechanism covers every unit in the province: 19/19 departments and "
        "sectors and 119/119 communes, wards and townships."
    )
    assert ("onestop.units_with", 19, "cấp tỉnh") in found
    assert ("onestop.units_with", 119, "cấp xã") in found


def test_results_returned_electronically_and_a_bar_for_units_not_counted():
    found = _figures(
        "Gia Lai: quý IV/2025 đạt 84,10 điểm Bộ chỉ số phục vụ người dân, doanh nghiệp\n\n"
        "Trong quý, 98.377 hồ sơ được trả kết quả điện tử. Chủ tịch UBND các xã, phường có "
        "điểm dưới 70 điểm phải giải trình bằng văn bản."
    )
    assert ("dossier.e_result", 98377, "province") in found
    assert not any(k[1] == 70 for k in found)


def test_an_amount_said_disbursed_after_it():
    found = _figures(
        "Tay Ninh public investment 2023\n\n"
        "Tay Ninh's disbursement rate stood at 52 percent, with VND 1,420 billion disbursed."
    )
    assert ("finance.disbursed_bn", 1420, "province") in found


def test_a_table_of_units_scores_with_a_last_column_of_grades(tmp_path):
    saved = tmp_path / "service_index.txt"
    saved.write_text(
        "Hau Giang in the service index for people and businesses\n\n"
        "Hau Giang scored 84.10 points for 2024 in the index of serving people and businesses "
        "under Decision No. 766/QD-TTg.\n\n"
        "The scores of some departments in 2024 were as follows:\n\n"
        "| Unit | Points | Rating |\n"
        "| Department of Justice | 92.40 | Excellent |\n"
        "| Department of Health | 81.15 | Good |\n"
        "| Department of Finance | 79.02 | Good |\n",
        encoding="utf-8",
    )
    extraction = extract_files([saved])
    found = {(f.indicator, round(f.value, 3), f.scope) for f in extraction.subunits}
    assert ("service.index_points", 92.4, "Sở Tư pháp") in found
    assert ("service.index_points", 81.15, "Sở Y tế") in found


def test_money_disbursed_by_a_date_is_done_not_a_target():
    found = _figures(
        "Phu Yen disburses 90 percent of its 2021 public investment plan\n\n"
        "Of the 2021 public investment plan of 4,210.5 billion VND, the province had disbursed "
        "3,801.2 billion VND by January 31, 2022, or 90 percent. It will disburse another 200 "
        "billion VND by March 31, 2022."
    )
    assert ("finance.disbursed_bn", 3801.2, "province") in found
    assert not any(k[1] == 200 for k in found)


def test_the_civil_servants_a_province_has():
    found = _figures(
        "Phu Yen reform 2021\n\n"
        "The province has 2,108 administrative civil servants, and the payroll has been cut by "
        "10.2 percent compared with 2015."
    )
    assert ("staff.headcount", 2108, "province") in found


def test_pending_dossiers_that_had_passed_their_deadline():
    found = _figures(
        "Phu Yen reform H1 2021\n\n"
        "As of June 30, 1,320 dossiers were still being processed, of which 215 had already "
        "passed their deadline."
    )
    assert ("dossier.pending_overdue", 215, "province") in found


def test_the_highest_satisfaction_among_provinces_after_the_sipas_is_the_sipas():
    found = _provinces(
        "SIPAS 2020: Ben Tre leads\n\n"
        "The national SIPAS for 2020 was 83.10 percent. Ben Tre had the highest satisfaction "
        "rate among provinces, at 89.40 percent."
    )
    assert ("sipas.satisfaction_pct", 89.4, "province", "Bến Tre") in found
    assert not any(key[0] == "dossier.satisfaction_pct" for key in found)


def test_a_ranked_provinces_score_of_the_year_before_in_brackets():
    extraction = extract_text(
        "Bình Định giữ vững nhóm dẫn đầu Chỉ số cải cách hành chính năm 2024\n\n"
        "Theo đó, tỉnh Bình Định đạt 89,40 điểm, xếp thứ 5/63 tỉnh, thành phố (năm 2023 tỉnh "
        "đạt 87,95 điểm, xếp thứ 9). Hà Nam đạt 86,10 điểm (năm 2023: 85,02 điểm), tăng 4 bậc."
    )
    found = {
        (f.indicator, round(f.value, 3), f.province, str(f.period)) for f in extraction.figures
    }
    assert ("par.total_points", 89.4, "Bình Định", "2024") in found
    assert ("par.total_points", 87.95, "Bình Định", "2023") in found
    assert ("par.total_points", 85.02, "Hà Nam", "2023") in found


def test_a_provinces_name_before_commune_centres_names_their_level():
    found = _figures(
        "Ca Mau commune centres speed up\n\n"
        "In the first quarter of 2026, Ca Mau commune centres received 52,380 dossiers."
    )
    assert ("dossier.received", 52380, "cấp xã") in found


def test_the_department_that_owns_the_procedures_named_at_the_sentences_end():
    found = _figures(
        "Phu Yen announces procedures\n\n"
        "On May 4, 2017, the Chairman of the Phu Yen provincial People's Committee signed a "
        "decision publishing 52 new administrative procedures, amending 30 procedures and "
        "abolishing 12 procedures under the jurisdiction of the Department of Health."
    )
    assert ("tthc.published", 52, "Sở Y tế") in found
    assert ("tthc.amended", 30, "Sở Y tế") in found
    assert ("tthc.abolished", 12, "Sở Y tế") in found
    assert not any(key[2] == "province" for key in found)


def test_an_item_of_a_list_takes_the_lists_topic():
    found = _figures(
        "Phu Yen centre reports 2020 results\n\n"
        "Results for 2020:\n"
        "- Dossiers received: 98,400\n"
        "- Resolved: 97,100, of which early 60,000; on time 36,900; late 200\n"
        "- Still being processed on December 31: 1,300\n"
        "- Submitted online: 21,510\n"
        "- Resolved early or on time: 99.79%\n"
    )
    assert ("dossier.online", 21510, "province") in found


def test_online_applications_as_a_share_then_a_count_and_the_units_that_received_most():
    found = _figures(
        "Kon Tum improves public services\n\n"
        "In the first six months of 2024, agencies at three levels in Kon Tum province received "
        "more than 140,000 administrative dossiers. Online applications accounted for 61 "
        "percent, or 85,400 dossiers. Kon Tum city received the most dossiers, at 31,800, "
        "followed by Ngoc Hoi district with 12,400."
    )
    assert ("dossier.online", 85400, "province") in found
    assert ("dossier.received", 31800, "Kon Tum city") in found
    assert ("dossier.received", 12400, "Ngoc Hoi district") in found


def test_a_breakdowns_last_level_ends_at_its_semicolon():
    found = _figures(
        "Tỉnh Hà Tĩnh: kết quả CCHC 6 tháng đầu năm 2023\n\n"
        "Trong 6 tháng, Chủ tịch UBND tỉnh đã ban hành 20 quyết định công bố 390 TTHC, trong "
        "đó: cấp tỉnh 290, cấp huyện 60, cấp xã 40; bãi bỏ 31 TTHC."
    )
    assert ("tthc.published", 40, "cấp xã") in found
    assert ("tthc.abolished", 31, "province") in found


def test_the_plan_given_alone_in_brackets_after_its_name():
    found = _figures(
        "Huyện Gia Lâm 9 tháng năm 2024\n\n"
        "Huyện đã giải ngân 1.045,6 tỷ đồng vốn đầu tư công, đạt 66,2% kế hoạch vốn được giao "
        "(1.579,4 tỷ đồng)."
    )
    assert any(k[0] == "finance.plan_bn" and k[1] == 1579.4 for k in found)
    assert any(k[0] == "finance.disbursed_bn" and k[1] == 1045.6 for k in found)


def test_a_counts_share_set_between_commas_does_not_end_its_clause():
    found = _figures(
        "Da Nang resolves 98 percent of dossiers on time\n\n"
        "Da Nang's administrative agencies received 640,000 dossiers in 2023. Some 412,000 "
        "dossiers, or 64 percent, were submitted online."
    )
    assert ("dossier.online", 412000, "province") in found


def test_a_text_that_counts_the_levels_too_is_the_provinces_not_the_centres():
    found = _figures(
        "Bình Dương: quý I/2024 tiếp nhận hơn 150 nghìn hồ sơ\n\n"
        "Quý I/2024, Trung tâm Phục vụ hành chính công tỉnh tiếp nhận 40.115 hồ sơ.\n\n"
        "Các huyện, thị xã, thành phố tiếp nhận 86.330 hồ sơ; các xã, phường, thị trấn tiếp "
        "nhận 35.870 hồ sơ.\n\n"
        "Kết quả số hóa: 132.306 hồ sơ được số hóa."
    )
    assert ("dossier.received", 40115, "Trung tâm Phục vụ hành chính công tỉnh") in found
    assert ("dossier.digitised", 132306, "province") in found
