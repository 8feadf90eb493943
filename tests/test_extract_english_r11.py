"""English phrasings met in the dev half of round 11 of benchmarks/extraction_real/ (fresh
English texts, r11en.md), each reproduced by a sentence written for this test and read with the
figure it gives, its scope, and nothing else."""

from __future__ import annotations

import pytest

from cchc_analysis.extract import extract_text


def figures(text: str) -> set[tuple[str, float, str]]:
    result = extract_text(text)
    return {(f.indicator, f.value, f.scope) for f in result.figures + result.subunits}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the service index named only as the portal's rating, the score "out of the 100"
            "Son La, August 2024. Son La ranked second among the 63 localities in processing "
            "administrative requests online in August by recording 84.12 out of the 100 points. "
            "The ranking was based on the ratings in the National Public Service Portal.",
            {("service.index_points", 84.12, "province")},
        ),
        (  # dossiers synchronised to the portal are no count of online dossiers
            "Son La, August 2024. The province harmonised 15,230 dossiers on the National Public "
            "Service Portal.",
            set(),
        ),
        (
            "Son La, August 2024. Online payment was applied for 11,870 dossiers.",
            {("dossier.paid_online", 11870.0, "province")},
        ),
        (  # "being processed online" is the way they were filed, not dossiers still pending
            "In the first half of 2022, the one-stop section of Moc Chau district received 7,610 "
            "dossiers, with 7,502 of which being processed online.",
            {
                ("dossier.received", 7610.0, "Moc Chau district"),
                ("dossier.online", 7502.0, "Moc Chau district"),
            },
        ),
        (  # capital carried over from last year's plan is neither disbursed nor this year's plan
            "Bac Kan, 2025. The 2024 capital plan extends the implementation period and "
            "disbursement to 2025 is 512,300 million VND; The 2025 public investment capital plan "
            "is 3,910,200 million VND. By the end of June 30, the province's public investment "
            "capital disbursement results were VND 1,604,550 million, reaching 38.1% of the plan.",
            {
                ("finance.plan_bn", 3910.2, "province"),
                ("finance.disbursed_bn", 1604.55, "province"),
            },
        ),
        (  # documents citizens send online are dossiers filed, not e-documents between agencies
            "HCMC wards in 2024. The ward chairwoman reported that in many categories such as "
            "household business registration, 100 percent of the documents are sent online.",
            set(),
        ),
        (
            "Binh Duong in 2024. Currently, Binh Duong has digitized 91.02% of electronic "
            "document processing and 80.15% of administrative procedure records.",
            set(),
        ),
        (
            "Son La in 2024. 99 percent of official documents were sent electronically between "
            "agencies.",
            {("edoc.exchange_pct", 99.0, "province")},
        ),
    ],
)
def test_phrasings(text, expected):
    assert figures(text) == expected


def test_papi_scores_written_bare_in_a_league_table():
    text = (
        "PAPI 2023 released. In control of corruption in the public sector, Tra Vinh led with "
        "8.02. All five centrally administered cities scored below 7, with Hai Phong scoring "
        "the lowest at 6.11, Can Tho at 6.25, and Hanoi at 6.58."
    )
    got = {(f.indicator, f.value, f.province) for f in extract_text(text).figures}
    assert got == {
        ("papi.corruption", 8.02, "Trà Vinh"),
        ("papi.corruption", 6.11, "Hải Phòng"),
        ("papi.corruption", 6.25, "Cần Thơ"),
        ("papi.corruption", 6.58, "Hà Nội"),
    }  # "below 7" is a threshold, no score


def test_ministries_and_economic_zones_are_no_province():
    text = (
        "Central bank, Quang Binh top 2021 PAR Index. Among ministries and ministerial-level "
        "agencies, the State Bank of Vietnam ranked first with a result of 94.12 percent. "
        "Meanwhile, Quang Binh led the country's 63 provinces and cities with 90.37 percent. "
        "Among six economic zones, the Red River Delta Economic Zone recorded the highest PAR "
        "Index in 2021, with 84.02 percent."
    )
    got = {(f.indicator, f.value, f.province) for f in extract_text(text).figures}
    assert got == {("par.total_points", 90.37, "Quảng Bình")}
