"""Phrasings met on the development half in the ninth session, in sentences written for this
test: procedures counted as a department's competence, named after the count."""

from __future__ import annotations

from tests.extract_helpers import figure_keys as _figures


def test_a_department_the_province_published_procedures_for_is_no_source():
    # "… của Sở Y tế vừa được UBND tỉnh công bố": the department is the owner, not the source
    found = _figures(
        "Trong số 64 thủ tục hành chính (TTHC) thuộc thẩm quyền giải quyết và phạm vi quản lý "
        "của Sở Y tế vừa được UBND tỉnh công bố, có 50 TTHC cấp tỉnh."
    )
    assert any(value == 64 and scope == "Sở Y tế" for _, value, scope in found)
    assert not any(value == 64 and scope == "province" for _, value, scope in found)


def test_a_units_index_given_as_its_average_rate_is_its_score():
    found = _figures(
        "Năm 2023, Sở Công Thương xếp vị trí thứ nhất với Chỉ số cải cách hành chính đạt tỷ lệ "
        "trung bình là 91,37%; huyện Mường Nhé xếp vị trí thứ 2 với Chỉ số cải cách hành chính "
        "đạt tỷ lệ trung bình là 80,12%."
    )
    assert ("par.total_points", 91.37, "Sở Công Thương") in found
    assert ("par.total_points", 80.12, "huyện Mường Nhé") in found


def test_an_average_over_units_is_still_no_units_score():
    found = _figures("Năm 2023, Chỉ số cải cách hành chính trung bình của các sở đạt 85,20%.")
    assert not any(value == 85.2 for _, value, _ in found)


def test_the_office_of_the_peoples_committee_is_a_unit_not_the_province():
    found = _figures(
        "Năm 2022, Văn phòng UBND tỉnh xếp vị trí thứ 2 với Chỉ số cải cách hành chính đạt 88,64%."
    )
    assert ("par.total_points", 88.64, "Văn phòng UBND tỉnh") in found
    assert not any(scope == "province" for _, _, scope in found)


def test_units_listed_with_their_counts_in_brackets_under_a_head_that_names_the_verb():
    found = _figures(
        "Tháng 9/2021, tỉnh Thanh Hóa có kết quả.\nCác đơn vị tiếp nhận nhiều hồ sơ TTHC gồm: "
        "Sở Công Thương (1.117 hồ sơ), Sở Tư pháp (679 hồ sơ), Sở Lao động, Thương binh và Xã "
        "hội (155 hồ sơ)."
    )
    assert {
        ("dossier.received", 1117, "Sở Công Thương"),
        ("dossier.received", 679, "Sở Tư pháp"),
        ("dossier.received", 155, "Sở Lao động, Thương binh và Xã hội"),
    } <= found


def test_an_english_text_on_one_district_keeps_its_figures_when_the_province_is_only_a_setting():
    # "all levels" in a sentence without a figure says how the district works, not that the
    # figures that follow are the whole province's
    found = _figures(
        "(HBO) - Vice Chairman of the People's Committee of Hoa Binh province Nguyen Van A and "
        "officials of provincial departments have recently held a working session with the "
        "People's Committee of Tan Lac district on its plan.\n\n"
        "Vice Chairman Nguyen Van A chaired the session.\n\n"
        "In recent years, Tan Lac district has directed administrations at all levels and "
        "sectors to simplify procedures.\n\n"
        "A report at the session showed that in 2023 the local one-stop unit processed 1,240 "
        "dossiers of firms, all of them on schedule."
    )
    assert ("dossier.resolved", 1240, "Tan Lac district") in found
    assert not any(value == 1240 and scope == "province" for _, value, scope in found)


def test_an_english_text_that_gives_figures_for_the_whole_province_keeps_them_the_provinces():
    found = _figures(
        "Tan Lac district steps up reform\n\n"
        "Tan Lac district has simplified its procedures.\n\n"
        "Across the province, 52,300 dossiers were received in the first half of 2024."
    )
    assert ("dossier.received", 52300, "province") in found


def test_documents_temporarily_suspended_are_suspended():
    found = _figures(
        "From July 1 to September 30, 2025, Dong Nai province received 5,120 documents; it has "
        "resolved 4,980 documents and has 37 documents temporarily suspended."
    )
    assert ("dossier.suspended", 37, "province") in found
