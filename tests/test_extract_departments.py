"""A department's or an office's own figures, as their news and reports give them: a bare
"Sở" standing for the department named before, a headline naming the department's work, a
district's office ("Phòng Quản lý đô thị") and the verb "nhận". Sentences written for these
tests, with invented values."""

from __future__ import annotations

import pytest

from cchc_analysis.extract import extract_text


def figures(text: str) -> set[tuple[str, float, str]]:
    result = extract_text(text + "\n")
    return {(f.indicator, f.value, f.scope) for f in result.figures + result.subunits}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "Sở" alone: the department named in full before it
            "Tin Hưng Yên\n\nTheo lãnh đạo Sở Y tế tỉnh Hưng Yên, năm 2023 Sở tiếp nhận 2.140 "
            "hồ sơ.",
            {("dossier.received", 2140.0, "Sở Y tế")},
        ),
        (  # a headline naming the department's work makes the text the department's
            "Cải cách hành chính ở Sở Công Thương Hưng Yên\n\nNăm 2023, đơn vị tiếp nhận 870 "
            "hồ sơ.",
            {("dossier.received", 870.0, "Sở Công Thương")},
        ),
        (  # a district's office, and "nhận" for received
            "Tin thành phố Hưng Yên\n\nQuý I/2024, Phòng Quản lý đô thị thành phố Hưng Yên nhận "
            "512 hồ sơ cấp phép xây dựng.",
            {("dossier.received", 512.0, "Phòng Quản lý đô thị")},
        ),
        (  # "phòng" as a word ("phòng, chống") is no office
            "Tin Hưng Yên\n\nNăm 2023, tỉnh Hưng Yên tiếp nhận 45.120 hồ sơ; công tác phòng, "
            "chống tham nhũng được chú trọng.",
            {("dossier.received", 45120.0, "province")},
        ),
    ],
)
def test_a_department_or_an_office_keeps_its_figures(text, expected):
    assert figures(text) == expected


def test_a_bare_so_without_a_department_before_it_is_no_unit():
    got = figures("Tin Hưng Yên\n\nNăm 2023, Sở tiếp nhận 2.140 hồ sơ.")
    assert got == {("dossier.received", 2140.0, "province")}


def test_bullets_under_a_units_heading_keep_its_scope():
    text = (
        "Tình hình giải quyết thủ tục hành chính quý I/2024 của tỉnh Hưng Yên\n\n"
        "* Các hồ sơ thuộc thẩm quyền giải quyết của Sở Tư pháp: 1.230 hồ sơ, trong đó:\n"
        "+ Đã giải quyết: 1.180 hồ sơ\n"
        "+ Đang giải quyết: 50 hồ sơ\n"
        "* Các hồ sơ thuộc thẩm quyền giải quyết của UBND cấp huyện: 5.300 hồ sơ, trong đó:\n"
        "+ Đã giải quyết: 5.200 hồ sơ\n"
        "+ Đang giải quyết: 100 hồ sơ"
    )
    assert figures(text) == {
        ("dossier.received", 1230.0, "Sở Tư pháp"),
        ("dossier.resolved", 1180.0, "Sở Tư pháp"),
        ("dossier.pending", 50.0, "Sở Tư pháp"),
        ("dossier.received", 5300.0, "cấp huyện"),
        ("dossier.resolved", 5200.0, "cấp huyện"),
        ("dossier.pending", 100.0, "cấp huyện"),
    }


def test_a_province_written_with_stops_between_its_initials():
    assert figures("Tin T.T.Huế\n\nNăm 2023, T.T.Huế tiếp nhận 10.200 hồ sơ.") == {
        ("dossier.received", 10200.0, "province")
    }
    result = extract_text("Tin T.T.Huế\n\nNăm 2023, T.T.Huế tiếp nhận 10.200 hồ sơ.\n")
    assert {f.province for f in result.figures} == {"Thừa Thiên Huế"}
