"""Reporting periods named as spans of dates in Vietnamese reports (sentences written for this
test): a month's report runs from the 15th to the 14th, or from the 1st to the month's end."""

from __future__ import annotations

import pytest

from cchc_analysis.extract import extract_text


@pytest.mark.parametrize(
    ("span", "period"),
    [
        ("Từ ngày 15/9/2024 đến ngày 14/10/2024", "2024-M10"),
        ("Từ ngày 01/10/2024 đến ngày 31/10/2024", "2024-M10"),
        ("Từ ngày 15/12/2023 đến ngày 14/01/2024", "2024-M01"),
        ("Từ ngày 1/7/2025 đến ngày 30/9/2025", "2025-Q3"),
        ("Từ ngày 15/12/2022 đến ngày 14/3/2023", "2023-Q1"),
    ],
)
def test_a_span_of_dates_is_its_reporting_period(span, period):
    result = extract_text(f"Tỉnh Hà Nam năm 2024\n{span}, tỉnh Hà Nam tiếp nhận 18.700 hồ sơ.")
    assert [(f.indicator, f.value, f.period) for f in result.figures] == [
        ("dossier.received", 18700.0, period)
    ]


def test_a_span_of_several_months_is_no_month():
    result = extract_text(
        "Tỉnh Hà Nam năm 2024\nTừ ngày 15/7/2024 đến ngày 14/10/2024, tỉnh Hà Nam tiếp nhận "
        "56.700 hồ sơ."
    )
    assert [f.period for f in result.figures] == ["2024-Q3"]  # three months: the quarter
