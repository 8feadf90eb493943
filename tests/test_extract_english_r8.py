"""English phrasings met in the dev half of round 8 of benchmarks/extraction_real/ (fresh
English articles, r8en.md), each reproduced by a sentence written for this test and read with
the figure it gives, its province, and nothing else."""

from __future__ import annotations

import pytest

from cchc_analysis.extract import extract_text
from cchc_analysis.extract.english import english_numbers
from cchc_analysis.extract.language import ENGLISH

PAR = "The Ministry of Home Affairs has released the PAR Index 2021 of ministries and localities. "


def ranked(text: str) -> set[tuple[str, float, str]]:
    result = extract_text(text)
    assert result.documents[0].language == ENGLISH
    return {(f.indicator, f.value, f.province) for f in result.figures + result.subunits}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the score first, its owner after a comma and a description of it
        (
            PAR + "With 91.32%, the central province of Thua Thien Hue led the index this year.",
            {("par.total_points", 91.32, "Thừa Thiên Huế")},
        ),
        (
            PAR + "At 88.4%, the capital city of Hanoi came second in the rankings.",
            {("par.total_points", 88.4, "Hà Nội")},
        ),
        # a province behind another one, with its score
        (
            PAR + "Closely behind Quang Ninh stood Bac Ninh province with 89.75 per cent.",
            {("par.total_points", 89.75, "Bắc Ninh")},
        ),
        # a rank between the province and its score, "with a score of … out of 100 points"
        (
            "The PAR Index 2022 of Long An province placed it 12th out of 63 provinces and cities "
            "nationwide, with a score of 88.02 out of 100 points.",
            {("par.total_points", 88.02, "Long An")},
        ),
        (
            "The SIPAS 2023 of Kien Giang province achieved a ranking of 9th out of 63 provinces, "
            "with a score of 85.17 out of 100 points.",
            {("sipas.satisfaction_pct", 85.17, "Kiên Giang")},
        ),
    ],
)
def test_ranked_scores_in_english_prose(text, expected):
    assert ranked(text) == expected


def test_an_increase_of_is_still_no_score():
    text = PAR + "Bac Giang province ranked 20th, with an increase of 2.35 points from last year."
    assert ranked(text) == set()


def test_currency_written_before_the_amount_is_read_in_place():
    assert english_numbers("reached vnd 26,365.6 billion by") == "reached     26.365,6 bil vnd by"
    result = extract_text(
        "In Ninh Binh province, the public investment capital plan for 2025 assigned by the "
        "Prime Minister is 21,305.4 billion VND. As of October 31, 2025, the total disbursement "
        "value reached VND 14,120.8 billion, equal to 66.3% of the plan."
    )
    found = {(f.indicator, f.value) for f in result.figures}
    assert found == {("finance.plan_bn", 21305.4), ("finance.disbursed_bn", 14120.8)}
    disbursed = next(f for f in result.figures if f.indicator == "finance.disbursed_bn")
    assert disbursed.text.replace(",", "").startswith("14120.8")  # offsets on the number


def test_what_the_whole_country_received_is_no_provinces():
    result = extract_text(
        "Between July 1 and August 31, the country received a total of 3.2 million "
        "administrative dossiers, while Lao Cai province handled some 41,000 of them."
    )
    national = [f for f in result.figures + result.subunits if f.value == 3_200_000]
    assert national and all(f.scope == "toàn quốc" for f in national)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Thai Binh province's Service Index reached 86.5 points in October 2025, ranking "
            "8th of 34 provinces.",
            ("service.index_points", 86.5),
        ),
        (
            "In 2024, 99.2% of documents in Thai Binh province were exchanged electronically.",
            ("edoc.exchange_pct", 99.2),
        ),
    ],
)
def test_a_bare_service_index_and_documents_exchanged_electronically(text, expected):
    result = extract_text(text)
    assert {(f.indicator, f.value) for f in result.figures} == {expected}


def test_an_average_of_all_34_provinces_is_still_no_provinces_score():
    text = "The average Service Index of 34 provinces reached 82.1 points in October 2025."
    assert extract_text(text).figures == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the total at every level, then each level ("of which the provincial level is …")
            "In Lao Cai province, the total number of administrative procedures at the three "
            "provincial, district and commune levels is 2,011 administrative procedures, of which "
            "the provincial level is 1,569 administrative procedures; district level is 300 "
            "administrative procedures and commune level is 142 administrative procedures.",
            {
                ("tthc.in_force", 2011.0, "province"),
                ("tthc.in_force", 1569.0, "cấp tỉnh"),
                ("tthc.in_force", 300.0, "cấp huyện"),
                ("tthc.in_force", 142.0, "cấp xã"),
            },
        ),
        (  # "services at level 3 and 404 services at level 4" is no "level 3 and 4"
            "In 2024, Bac Giang province provided 1,349 public services at level 2, 530 services "
            "at level 3 and 404 services at level 4.",
            {
                ("service.online_level3", 530.0, "province"),
                ("service.online_level4", 404.0, "province"),
            },
        ),
        (  # the Set of Indicators 766, and the share of dossiers synchronised
            "The centre reported the results of the Set of Indicators 766. In week 3 of 2024, "
            "Binh Duong province achieved 83.47 points, ranked 1 out of 63 localities. The rate "
            "of documents synchronized to the National Public Service Portal reached 95.26%.",
            {
                ("service.index_points", 83.47, "province"),
                ("dossier.synced_pct", 95.26, "province"),
            },
        ),
        (  # a rate per level, "while that by …"
            "In Vinh Long province, in 2021, the rate of administrative procedures processed on "
            "time by provincial agencies reached 99.14 percent, while that by district-level "
            "People's Committees was 98.9 percent.",
            {
                ("dossier.on_time_pct", 99.14, "cấp tỉnh"),
                ("dossier.on_time_pct", 98.9, "cấp huyện"),
            },
        ),
    ],
)
def test_levels_services_and_the_766_indicators(text, expected):
    result = extract_text(text)
    assert {(f.indicator, f.value, f.scope) for f in result.figures + result.subunits} == expected


def test_results_returned_are_dossiers_resolved_and_returned_dossiers_are_not():
    text = (
        "In the first quarter of 2020, the Lang Son Provincial Public Administration Service "
        "Center received 7,520 dossiers; the results of 6,976 dossiers were returned, and 41 "
        "dossiers were returned to applicants."
    )
    result = extract_text(text)
    assert {(f.indicator, f.value) for f in result.figures + result.subunits} == {
        ("dossier.received", 7520.0),
        ("dossier.resolved", 6976.0),
        ("dossier.suspended", 41.0),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "From 2021 to 2023, the total number of administrative procedure dossiers submitted "
            "to three levels of government in Quang Tri province was 1.1 million.",
            ("dossier.received", 1_100_000.0),
        ),
        (  # procedures are not received: the count is of dossiers
            "Since July 1, 2025, the Gia Phu Commune Public Administration Service Center in Son "
            "La province has received nearly 900 administrative procedures and resolved them.",
            ("dossier.received", 900.0),
        ),
    ],
)
def test_dossiers_counted_in_other_words(text, expected):
    assert expected in {
        (f.indicator, f.value) for f in extract_text(text).figures + extract_text(text).subunits
    }


def test_procedures_a_centre_handles_are_no_dossiers_received():
    text = "The Quang Ninh provincial centre currently receives and handles 1,419 administrative procedures."
    assert all(f.indicator != "dossier.received" for f in extract_text(text).figures)


def test_a_districts_own_desk_is_the_districts():
    text = (
        "Between January and March 2024, the reception-return unit of Lac Son district, Hoa Binh "
        "province, received 3,903 dossiers, of which 2,658 were handled."
    )
    result = extract_text(text)
    assert {(f.indicator, f.value, f.scope) for f in result.figures + result.subunits} == {
        ("dossier.received", 3903.0, "Lac Son district"),
        ("dossier.resolved", 2658.0, "Lac Son district"),
    }


def test_dossiers_that_remain_pending():
    text = "In 2024 Lao Cai province received 3,903 dossiers; 1,256 dossiers remain pending."
    assert {(f.indicator, f.value) for f in extract_text(text).figures} == {
        ("dossier.received", 3903.0),
        ("dossier.pending", 1256.0),
    }


def test_a_papi_province_profile_lists_each_dimension_after_its_score():
    text = (
        "PAPI 2016: By Province\nNinh Binh 2016\n5.12 Participation at Local Levels\n"
        "6.01 Vertical Accountability\n7.02 Public Administrative Procedures\n"
        "7.31 Public Service Delivery\nPAPI measures governance and public administration."
    )
    result = extract_text(text)
    assert {(f.indicator, f.value, f.province) for f in result.figures} == {
        ("papi.participation", 5.12, "Ninh Bình"),
        ("papi.accountability", 6.01, "Ninh Bình"),
        ("papi.procedures", 7.02, "Ninh Bình"),
        ("papi.service", 7.31, "Ninh Bình"),
    }
