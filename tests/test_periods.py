from datetime import date

import pytest

from cchc_analysis.reference.periods import PeriodError, canonical_period, era_of, parse_period


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025", "2025"),
        ("năm 2021", "2021"),
        ("Năm 2021", "2021"),
        ("2022-H1", "2022-H1"),
        ("2022-h2", "2022-H2"),
        ("2022-9M", "2022-9M"),
        ("2022-Q3", "2022-Q3"),
        ("6 tháng đầu năm 2022", "2022-H1"),
        ("6 tháng cuối năm 2022", "2022-H2"),
        ("9 tháng năm 2022", "2022-9M"),
        ("9 tháng đầu năm 2022", "2022-9M"),
        ("Q3/2022", "2022-Q3"),
        ("Quý III/2022", "2022-Q3"),
        ("quý 4/2023", "2022-Q4".replace("2022", "2023")),
        ("6 tha\u0301ng đầu năm 2022", "2022-H1"),  # NFD input
        (2024, "2024"),
    ],
)
def test_accepted_spellings_become_canonical(text, expected):
    assert canonical_period(text) == expected


@pytest.mark.parametrize("text", ["", "2022-H3", "Q5/2022", "giữa năm 2022", "22", "2022/23"])
def test_unrecognised_periods_say_which_forms_are_accepted(text):
    with pytest.raises(PeriodError, match="2022-H1"):
        parse_period(text)


def test_the_merger_splits_2025_by_period_end():
    assert era_of("2025-H1") == "63"
    assert era_of("2025-Q2") == "63"
    assert era_of("2025-Q3") == "34"
    assert era_of("2025-9M") == "34"
    assert era_of("2025") == "34"
    assert era_of("2024") == "63"


def test_period_bounds():
    period = parse_period("9 tháng năm 2023")
    assert (period.start, period.end) == (date(2023, 1, 1), date(2023, 9, 30))
