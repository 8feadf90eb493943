"""Phrasings of the eleventh session, in sentences written for this test after reading how
published provincial reports are laid out: a quarter run a month early and given as a date
range, and a level set as the topic before "toàn tỉnh"."""

from __future__ import annotations

from datetime import date

import pytest

from cchc_analysis.extract import extract_text
from cchc_analysis.extract.period_mentions import _range_period
from tests.extract_helpers import figure_keys as _figures


def _periods(text: str) -> dict[tuple[str, float], str]:
    extraction = extract_text(text)
    return {(f.indicator, round(f.value, 3)): str(f.period) for f in extraction.figures}


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
