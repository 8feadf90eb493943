"""English phrasings met in the dev half of round 6 of benchmarks/extraction_real/ (fresh
English articles, r6en.md), each reproduced by a sentence written for this test and read with
the figure it gives, its scope, and nothing else."""

from __future__ import annotations

import pytest

from cchc_analysis.extract import extract_text
from cchc_analysis.extract.english import english_numbers
from cchc_analysis.extract.language import ENGLISH

P = "province"


def figures(text: str) -> set[tuple[str, float, str]]:
    result = extract_text(text)
    assert result.documents[0].language == ENGLISH
    return {(f.indicator, f.value, f.scope) for f in result.figures + result.subunits}


# ---------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("written", "read"),
    [
        # a translation that kept the Vietnamese thousands dot, before a count noun
        ("received 32.884 online documents", "received 32.884 online documents"),
        ("1.435 administrative procedures", "1.435 administrative procedures"),
        # a decimal before a scale word or a unit stays a decimal
        ("2.345 million dossiers", "2,345 million dossiers"),
        ("scored 83.125 points", "scored 83,125 points"),
        ("99.125 percent of dossiers", "99,125 percent of dossiers"),
        ("12.5 dossiers", "12,5 dossiers"),
    ],
)
def test_a_count_written_with_a_thousands_dot_stays_a_count(written, read):
    assert english_numbers(written) == read


def test_a_dot_grouped_count_of_online_documents_is_read_whole():
    text = (
        "Quang Ninh province. Since July 1, 2016, the Provincial Public Administration Service "
        "Center has received and processed 12.406 online documents."
    )
    assert {(i, v) for i, v, _ in figures(text)} == {("dossier.online", 12406.0)}


# ---------------------------------------------------------------- dossiers


def test_an_abbreviation_in_brackets_is_read_through():
    text = (
        "Ben Tre province. In 2022, the provincial departments received 45,120 administrative "
        "procedure (AP) documents."
    )
    assert figures(text) == {("dossier.received", 45120.0, "cấp tỉnh")}


def test_the_ratio_of_on_time_processing_is_the_on_time_share():
    text = (
        "Tra Vinh province. In 2022, the provincial agencies received 8,406 documents. The "
        "ratio of on-time process was 97.6%; late process was 2.4%."
    )
    assert figures(text) == {
        ("dossier.received", 8406.0, "cấp tỉnh"),
        ("dossier.on_time_pct", 97.6, "cấp tỉnh"),
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2024, 98.7% of administrative dossiers for citizens and organisations were "
        "processed on time.",
        "In 2024, 98.7 percent of the records submitted by residents were resolved ahead of "
        "schedule and on time.",
    ],
)
def test_a_share_of_a_described_noun_resolved_on_time(sentence):
    assert figures("Binh Phuoc province. " + sentence) == {("dossier.on_time_pct", 98.7, P)}


def test_a_share_of_late_dossiers_is_no_on_time_share():
    assert figures("Binh Phuoc province. In 2024, 12% of dossiers were late.") == set()


def test_cases_in_the_process_are_pending():
    text = (
        "Phu Tho province. In 2024, the province received 1,204 records and resolved 950 of "
        "them. There are currently 254 cases in the process."
    )
    assert ("dossier.pending", 254.0, P) in figures(text)


def test_the_remaining_records_of_a_split_are_not_pending():
    text = (
        "Quang Binh province. In July 2025, the ward centre received 4,210 records, of which "
        "1,300 were under the authority of the ward; other agencies are responsible for the "
        "remaining 2,910 records."
    )
    assert not any(i == "dossier.pending" for i, _, _ in figures(text))


# ---------------------------------------------------------------- scope


@pytest.mark.parametrize(
    "subject",
    [
        "the Public Administration Service Centers of communes and wards",
        "communes and wards",
        "the new ward and commune Public Service Centers",
    ],
)
def test_communes_and_wards_are_the_commune_level(subject):
    text = f"Ha Nam province. In 2024, {subject} received 12,500 records."
    assert figures(text) == {("dossier.received", 12500.0, "cấp xã")}


# ---------------------------------------------------------------- procedures and indices


def test_procedures_published_with_their_number_after_the_portal():
    text = (
        "Binh Phuoc province. In 2024, the province has published its procedures on the "
        "national database with nearly 1,750 administrative procedures."
    )
    assert figures(text) == {("tthc.published", 1750.0, P)}


def test_sipas_components_are_no_dossier_satisfaction():
    text = (
        "The SIPAS 2023 was announced on April 17. The level of satisfaction with access to "
        "services was 83%, administrative procedures 83.02% and service outcomes 83.03%."
    )
    assert not any(i == "dossier.satisfaction_pct" for i, _, _ in figures(text))


def test_a_rank_out_of_all_localities_is_no_count_of_units():
    text = (
        "Soc Trang province. In 2016, it only ranked 41st out of 63 localities, but it jumped "
        "to 30th position in 2017."
    )
    assert figures(text) == set()


def test_units_out_of_a_total_still_pair_without_a_rank():
    text = "Soc Trang province. In 2019, 98 out of 100 communes ran a one-stop shop."
    # counted units are of their level, as in Vietnamese ("98/100 xã"): the commune level
    assert figures(text) == {
        ("onestop.units_with", 98.0, "cấp xã"),
        ("onestop.units_total", 100.0, "cấp xã"),
    }


def test_its_centre_described_by_a_relative_clause_owns_the_figures():
    text = (
        "Tay Ninh province. Since June 2018, Tay Ninh has opened its public administrative "
        "center, which has dealt with 84,000 dossiers in its first year, with on-time "
        "percentage reaching 97.2 percent."
    )
    assert ("dossier.on_time_pct", 97.2, "Trung tâm Phục vụ hành chính công tỉnh") in figures(text)


@pytest.mark.parametrize(
    ("sentence", "level4", "level3"),
    [
        ("the portal provides 1,208 level-4 and 1,320 level-3 online public services.", 1208, 1320),
        ("the portal offers 410 level-3 and 930 level-4 public services.", 930, 410),
    ],
)
def test_two_levels_of_services_share_one_noun(sentence, level4, level3):
    assert figures("Ben Tre province. In 2022, " + sentence) == {
        ("service.online_level4", float(level4), P),
        ("service.online_level3", float(level3), P),
    }


@pytest.mark.parametrize(
    ("sentence", "indicator", "value"),
    [
        (
            "With 89.6 points, Thai Binh also ranked first in the PAR Index.",
            "par.total_points",
            89.6,
        ),
        # a scrape that lost the space at a line break: "first inthe PAR Index"
        ("With 89.6 points, Thai Binh ranked first inthe PAR Index.", "par.total_points", 89.6),
        ("With 88.5%, Hai Duong ranked third in the SIPAS.", "sipas.satisfaction_pct", 88.5),
    ],
)
def test_a_score_leading_its_sentence_before_the_province_and_its_index(sentence, indicator, value):
    found = figures("The indices of 2021 were announced on May 20. " + sentence)
    assert {(i, v) for i, v, _ in found} == {(indicator, value)}


def test_a_score_leading_its_sentence_needs_its_index_named():
    assert (
        figures("The indices of 2021 were announced. With 88.5%, Hai Duong was praised.") == set()
    )


def test_fully_online_submissions_are_no_count_of_services():
    text = (
        "Lai Chau province. In 2024, the commune handled 412 records, including 150 fully online "
        "submissions and 262 partial online submissions."
    )
    assert not any(i.startswith("service.") for i, _, _ in figures(text))


def test_procedures_provided_fully_or_partially_online_are_still_services():
    text = (
        "Lai Chau province. In 2024, the province provided 1,234 procedures as full online "
        "public services and 800 procedures partially online."
    )
    assert figures(text) == {
        ("service.online_level4", 1234.0, P),
        ("service.online_level3", 800.0, P),
    }


def test_a_province_after_a_comma_says_where_the_unit_lies():
    text = "In 2024, Tan Phu commune, Dong Nai province received 2,330 dossiers."
    assert figures(text) == {("dossier.received", 2330.0, "Tan Phu commune")}
