"""Phrasings met on the development halves of rounds 17 and 18 in the eighth session, in
sentences written for this test: English amounts said before their verb ("VND4.9 trillion has
been disbursed"), an amount's dollar equivalent in brackets, a source that names a province
before its department, a part of the capital, and a dateline before the subject."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_analysis.extract import extract_files
from tests.extract_helpers import figure_keys as _figures


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("By the end of June, only VND2.6 trillion has been disbursed, 31% of the plan.", 2600),
        ("In the first quarter, over 415 billion VND was disbursed, nearly 9 percent.", 415),
        # the dollars in brackets do not cut the amount off from its verb
        ("By July, 4.2 trillion VND (165.3 million USD) had been disbursed, 41% of it.", 4200),
    ],
)
def test_an_amount_said_before_its_verb_is_what_was_disbursed(sentence, value):
    assert ("finance.disbursed_bn", value, "province") in _figures(sentence)


def test_a_dollar_equivalent_is_no_figure_of_its_own():
    found = _figures("By July, 4.2 trillion VND (165.3 million USD) had been disbursed.")
    assert {value for _, value, _ in found} == {4200}


def test_the_total_public_investment_for_a_year_is_the_plan():
    found = _figures("The province's total public investment for 2026 is over VND18.4 trillion.")
    assert ("finance.plan_bn", 18400, "province") in found


def test_a_projects_total_investment_cost_is_no_plan():
    found = _figures(
        "The province has 64 projects with a total investment cost of VND 1,874.52 billion."
    )
    assert not any(indicator == "finance.plan_bn" for indicator, _, _ in found)


def test_what_was_disbursed_of_a_part_of_the_capital_is_not_the_provinces():
    found = _figures(
        "For the above capital of VND385 billion, only VND37 billion has been disbursed, "
        "reaching about 10% of the plan."
    )
    assert ("finance.disbursed_bn", 37, "province") not in found


def test_a_report_by_the_provinces_department_is_the_source_not_the_subject():
    found = _figures(
        "According to a report by the Ha Tinh Department of Finance, by the end of October "
        "2026, the total disbursed public investment capital reached VND 3,912.25 billion."
    )
    assert ("finance.disbursed_bn", 3912.25, "province") in found


def test_a_dateline_names_where_the_news_was_filed_not_its_province(tmp_path: Path):
    page = tmp_path / "tin.txt"
    page.write_text(
        "Tin tức\n\nTP.HCM – Long An đã giải ngân 2.915 tỷ đồng vốn đầu tư công năm 2024, "
        "đạt 48% kế hoạch.\n",
        encoding="utf-8",
    )
    [document] = extract_files([page]).documents
    assert document.province == "Long An"


def test_a_unit_named_as_the_source_and_taken_up_as_this_unit_is_the_subject():
    found = _figures(
        "Theo Ban Quản lý khu kinh tế tỉnh Nghệ An, trong quý II/2024, đơn vị này đã tiếp "
        "nhận 214 hồ sơ, trong đó có 150 hồ sơ được giải quyết trước hạn."
    )
    assert ("dossier.received", 214, "Ban Quản lý khu kinh tế tỉnh") in found
    assert ("dossier.resolved_early", 150, "Ban Quản lý khu kinh tế tỉnh") in found


def test_a_unit_named_only_as_the_source_is_still_no_subject():
    found = _figures("Theo Sở Nội vụ, trong quý II/2024 toàn tỉnh đã tiếp nhận 38.410 hồ sơ.")
    assert ("dossier.received", 38410, "province") in found


def test_whom_a_rank_is_among_does_not_end_the_units_sentence():
    found = _figures(
        "Năm 2022, chỉ số CCHC của Sở Công Thương đạt 87,41 điểm, xếp thứ 9/19 sở, ban, ngành "
        "của tỉnh; chỉ số SIPAS đạt 91,08%, xếp thứ 5/19 sở, ban, ngành."
    )
    assert ("par.total_points", 87.41, "Sở Công Thương") in found
    assert ("sipas.satisfaction_pct", 91.08, "Sở Công Thương") in found


@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        # "đúng hẹn" (by the appointment) after the count is on time, as before it
        (
            "Năm 2023, trong số 8.240 hồ sơ giải quyết xong có 8.115 hồ sơ đúng hẹn, đạt 98%.",
            ("dossier.resolved_on_time", 8115, "province"),
        ),
        (
            "Năm 2023, huyện đã giải quyết 5.300 hồ sơ, trong đó 4.100 hồ sơ trước hẹn.",
            ("dossier.resolved_early", 4100, "province"),
        ),
        # "sớm hạn" is early: early and on time together, as a share
        (
            "Đến tháng 9/2024, tỉnh đã giải quyết 910 hồ sơ, trong đó 99% hồ sơ đã được giải "
            "quyết sớm hạn và đúng hạn.",
            ("dossier.on_time_pct", 99, "province"),
        ),
    ],
)
def test_appointment_and_early_wordings(sentence, wanted):
    assert wanted in _figures(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "As of October 20, 2024, Kon Tum province has disbursed VND 2,104.6 billion/VND "
        "3,911.2 billion, reaching nearly 54%.",
        "Đến ngày 20/10/2024, tỉnh Kon Tum đã giải ngân 2.104,6 tỷ đồng/3.911,2 tỷ đồng, đạt gần 54%.",
    ],
)
def test_an_amount_pair_whose_sides_both_carry_the_scale(sentence):
    found = _figures(sentence)
    assert ("finance.disbursed_bn", 2104.6, "province") in found
    assert ("finance.plan_bn", 3911.2, "province") in found


def test_what_is_allocated_of_a_plan_is_neither_disbursed_nor_the_plan():
    found = _figures(
        "The Provincial People's Committee has allocated 3,210/3,480 billion VND, reaching 92% "
        "of the capital plan. As of November 20, investors have disbursed 2,905/5,120 billion VND."
    )
    assert ("finance.disbursed_bn", 2905, "province") in found
    assert ("finance.plan_bn", 5120, "province") in found
    assert not {value for _, value, _ in found} & {3210, 3480}


def test_a_pay_per_month_is_no_pair():
    assert not _figures("Mức hỗ trợ 5 triệu/tháng cho mỗi cán bộ một cửa.")


def test_an_english_count_of_districts_is_the_district_level():
    found = _figures(
        "Under the one-stop regulations, the Department of Justice has organised the work at "
        "its offices. 11/11 districts, cities and towns have implemented the one-stop mechanism."
    )
    assert ("onestop.units_with", 11, "cấp huyện") in found
    assert ("onestop.units_total", 11, "cấp huyện") in found


def test_dossiers_still_being_handled_and_those_resolved_online():
    assert ("dossier.pending", 642, "province") in _figures(
        "Quý I/2024, tỉnh đã giải quyết 5.210 hồ sơ và đang tiếp tục giải quyết 642 hồ sơ."
    )
    assert ("dossier.online", 3120, "province") in _figures(
        "In 2024, the province received 6,480 dossiers, of which 3,120 were resolved online."
    )


def test_two_units_a_league_table_gives_the_same_score_are_both_kept():
    found = _figures(
        "Chỉ số CCHC năm 2024 của các sở: Sở Xây dựng đạt 91,14%, Sở Nội vụ đạt 90,37%, "
        "Sở Công Thương đạt 90,37%, Sở Y tế đạt 88,6%."
    )
    assert ("par.total_points", 90.37, "Sở Nội vụ") in found
    assert ("par.total_points", 90.37, "Sở Công Thương") in found


def test_the_province_now_has_n_procedures_in_force():
    assert ("tthc.in_force", 1712, "province") in _figures(
        "The province now has 1,712 administrative procedures, including 1,048 full-process "
        "online public services."
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Số hồ sơ đang giải quyết: trong hạn 2.410 hồ sơ, quá hạn 37 hồ sơ.",
        "Số hồ sơ đang giải quyết còn trong hạn là 2.410 hồ sơ; quá hạn 37 hồ sơ.",
    ],
)
def test_overdue_after_those_within_their_time_are_pending_overdue(sentence):
    found = _figures(sentence)
    assert ("dossier.pending_overdue", 37, "province") in found
    assert not any(indicator == "dossier.resolved_late" for indicator, _, _ in found)


def test_more_procedures_in_force_than_any_province_has_are_no_count_of_procedures():
    found = _figures(
        "The number of administrative procedures handled through the one-stop mechanism was "
        "31,207, with 96 overdue cases."
    )
    assert not any(indicator == "tthc.in_force" for indicator, _, _ in found)
    assert ("dossier.resolved_late", 96, "province") in found
    assert not any(indicator.startswith("onestop.") for indicator, _, _ in found)


def test_procedures_slashed_are_abolished():
    assert ("tthc.abolished", 84, "province") in _figures(
        "In 2023, the province slashed 84 administrative procedures and simplified 150 others."
    )


def test_a_national_ranking_naming_provinces_as_the_province_of_is_no_ones(tmp_path: Path):
    page = tmp_path / "par-index.txt"
    page.write_text(
        "The index score of the 17 ministries averaged 86.1% this year.\n\n"
        "With 91.2%, the northern province of Quang Ninh topped the PAR index again. It was "
        "followed by the capital city of Hanoi with 88.4%, while Ho Chi Minh City was fifth with "
        "86.9%.\n\nThe average index score was 82.3%.\n",
        encoding="utf-8",
    )
    extraction = extract_files([page])
    [document] = extraction.documents
    assert document.province == ""
    assert {(f.province, f.value) for f in extraction.figures} >= {
        ("Quảng Ninh", 91.2),
        ("Hà Nội", 88.4),
        ("Hồ Chí Minh", 86.9),
    }


def test_a_places_satisfaction_index_is_its_sipas():
    found = _figures("In 2024, the province had a satisfaction index of 84.07%, ranking 21st.")
    assert ("sipas.satisfaction_pct", 84.07, "province") in found


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        (
            "Kết quả của các sở như sau:\n- Tổng số hồ sơ tiếp nhận: 96 hồ sơ, trong đó:\n"
            "+ Sở Công Thương: 52 hồ sơ;\n+ Sở Y tế: 44 hồ sơ;\n"
            "- Tổng số hồ sơ đã giải quyết: 90 hồ sơ, trong đó:\n+ Sở Công Thương: 50 hồ sơ;\n",
            {
                ("dossier.received", 52, "Sở Công Thương"),
                ("dossier.received", 44, "Sở Y tế"),
                ("dossier.resolved", 50, "Sở Công Thương"),
            },
        ),
        (
            "The results of the departments are as follows:\n"
            "- Total number of new applications received: 96 applications, including:\n"
            "+ Department of Industry and Trade: 52 files;\n+ Department of Health: 44 files;\n"
            "- Total number of records with results: 90 records, of which:\n"
            "+ Department of Industry and Trade: 50 records.\n",
            {
                ("dossier.received", 52, "Sở Công Thương"),
                ("dossier.received", 44, "Sở Y tế"),
                ("dossier.resolved", 50, "Sở Công Thương"),
            },
        ),
    ],
)
def test_items_under_a_head_line_count_what_its_own_count_counts(text, wanted):
    assert wanted <= _figures(text)


def test_what_a_province_is_assigned_to_disburse_is_its_plan():
    found = _figures(
        "In 2026, the Prime Minister assigned Can Tho City to disburse public investment of "
        "VND 21,406.5 billion. In 8 months, the city has disbursed about 9,210 billion VND."
    )
    assert ("finance.plan_bn", 21406.5, "province") in found
    assert ("finance.disbursed_bn", 9210, "province") in found
    assert ("finance.plan_bn", 52000, "province") in _figures(
        "The city has a planned public investment budget of over VND52 trillion for 2026."
    )


def test_districts_named_bare_before_their_scores(tmp_path: Path):
    page = tmp_path / "chi-so.txt"
    page.write_text(
        "UBND tỉnh Đắk Lắk công bố Chỉ số CCHC năm 2023 của các huyện.\n\nBa địa phương có "
        "điểm Chỉ số CCHC thấp nhất tỉnh, lần lượt là: Buôn Đôn 71,25 điểm, xếp thứ 15; "
        "Ea H’leo 77,4 điểm, xếp thứ 14; Ea Súp 78,05 điểm, xếp thứ 13.\n",
        encoding="utf-8",
    )
    extraction = extract_files([page])
    scores = {f.scope: f.value for f in extraction.subunits if f.indicator == "par.total_points"}
    assert scores == {"huyện Buôn Đôn": 71.25, "huyện Ea H'leo": 77.4, "huyện Ea Súp": 78.05}


@pytest.mark.parametrize(
    "text",
    [
        "Kết quả tiếp nhận hồ sơ của các sở, ngành như sau:\n- Tổng số hồ sơ tiếp nhận: 96 hồ sơ.\n",
        "The results of receiving documents of departments and branches are as follows:\n"
        "- Total number of new applications received: 96 applications.\n",
    ],
)
def test_a_head_line_without_a_count_names_whose_figures_follow(text):
    assert ("dossier.received", 96, "cấp tỉnh") in _figures(text)


def test_a_photo_caption_between_a_lists_items_interrupts_nothing():
    text = (
        "Kết quả tiếp nhận hồ sơ của các sở, ngành như sau:\n\n"
        "- Tổng số hồ sơ tiếp nhận: 96 hồ sơ, trong đó:\n\n+ Sở Y tế: 44 hồ sơ;\n\n"
        "Người dân làm thủ tục tại Trung tâm Phục vụ hành chính công tỉnh. Ảnh tư liệu\n\n"
        "+ Sở Công Thương: 52 hồ sơ.\n\n- Tổng số hồ sơ đã giải quyết: 90 hồ sơ.\n"
    )
    found = _figures(text)
    assert ("dossier.received", 52, "Sở Công Thương") in found
    assert ("dossier.resolved", 90, "cấp tỉnh") in found
