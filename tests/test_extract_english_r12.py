"""English phrasings met in the dev half of round 12 of benchmarks/extraction_real/ (r12en.md),
each reproduced by a sentence written for this test and read with the figure it gives, its
scope, and nothing else."""

from __future__ import annotations

import pytest

from cchc_analysis.extract import extract_text


def figures(text: str) -> set[tuple[str, float, str]]:
    result = extract_text(text)
    return {(f.indicator, f.value, f.scope) for f in result.figures + result.subunits}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the count a share is of is the whole, and "the commune sector" is a level
            "Thai Binh reforms\n\nIn 2024, in the commune sector, more than 88% of the 35,120 "
            "dossiers were handled online.",
            {("dossier.received", 35120.0, "cấp xã")},
        ),
        (  # the PAR INDEX under another translation; 'meanwhile' is no 'mean'
            "Thai Binh improves\n\nIn 2021, Thai Binh's PCI went up. Meanwhile, the "
            "administration improvement index reached 83.12 points, up 2.1 points on-year.",
            {("par.total_points", 83.12, "province")},
        ),
        (  # the amount after 'of the' that a disbursed amount is of: the plan
            "Thai Binh disbursement\n\nBy June 2024, Thai Binh had disbursed nearly 2.1 trillion "
            "VND of the 7.35 trillion VND of public investment it was allocated for the year.",
            {
                ("finance.disbursed_bn", 2100.0, "province"),
                ("finance.plan_bn", 7350.0, "province"),
            },
        ),
        (  # the post only carries dossiers: no count of the province's
            "Thai Binh post\n\nIn 2023, Thai Binh Post Office received and returned nearly "
            "120 thousand files of administrative procedures.",
            set(),
        ),
    ],
)
def test_round_12_phrasings(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("Lang Son reaches the target\n\nIn 2024, Lang Son received 1,020 dossiers.", "2024"),
        (
            "Hà Tĩnh hoàn thành mục tiêu đề ra\n\nNăm 2024, tỉnh Hà Tĩnh tiếp nhận 1.020 hồ sơ.",
            "2024",
        ),
    ],
)
def test_a_headline_word_does_not_make_the_period_below_it_a_target(text, period):
    # "target" ending the headline qualified the year opening the next paragraph
    assert {f.period for f in extract_text(text).figures} == {period}


def test_more_online_services_than_any_province_has_are_the_countrys():
    text = (
        "Lang Son news\n\nIn 2024, the national portal offered over 16,000 full-process online "
        "public services. Lang Son offered 1,020 full-process online public services."
    )
    got = {(f.indicator, f.value) for f in extract_text(text).figures}
    assert got == {("service.online_level4", 1020.0)}


@pytest.mark.parametrize(
    ("verb", "indicator"),
    [("admitted", "dossier.received"), ("dealt with", "dossier.resolved")],
)
def test_more_verbs_of_receiving_and_settling(verb, indicator):
    text = f"Lang Son news\n\nIn 2024, Lang Son {verb} 10,200 administrative dossiers."
    got = {(f.indicator, f.value, f.period) for f in extract_text(text).figures}
    assert got == {(indicator, 10200.0, "2024")}


def test_a_measure_of_the_whole_country_is_kept_apart_from_the_provinces():
    text = (
        "Thanh Hoa commended\n\nAs of April 30, 2025, the estimated disbursement for the whole "
        "country was VND 128,500 billion. Thanh Hoa had disbursed VND 4,100 billion."
    )
    result = extract_text(text)
    scopes = {(f.value, f.scope) for f in result.figures + result.subunits}
    assert scopes == {(128500.0, "toàn quốc"), (4100.0, "province")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "… ones N": the noun said once for two levels
            "Hai Duong news\n\nIn 2024, district-level People's Committees received 60,500 "
            "dossiers and commune-level ones 80,200.",
            {("dossier.received", 60500.0, "cấp huyện"), ("dossier.received", 80200.0, "cấp xã")},
        ),
        (  # a level's part of the total named in the sentence before
            "Hai Duong news\n\nIn 2024, Hai Duong received 145,000 dossiers. Of these, the "
            "provincial level accounted for 40,000.",
            {("dossier.received", 145000.0, "province"), ("dossier.received", 40000.0, "cấp tỉnh")},
        ),
    ],
)
def test_parts_of_a_total_by_level(text, expected):
    assert figures(text) == expected
