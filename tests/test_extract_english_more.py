"""English sentences of our own in the styles of Vietnamese provincial and national English
press (never copied from an article), each with every catalogue figure it holds and its scope."""

from __future__ import annotations

import pytest

from cchc_analysis.extract import extract_text

P = "province"

CASES = {
    "Lang Son: 9M 2024": (
        "Lang Son: 9M 2024\nIn the first nine months of 2024, Lang Son province received 98,450 dossiers, of which 97,120 were settled, with 99.1 percent handled on time.",
        {
            ("dossier.on_time_pct", 99.1, P),
            ("dossier.received", 98450.0, P),
            ("dossier.resolved", 97120.0, P),
        },
    ),
    "Phu Tho centre 2023": (
        "Phu Tho centre 2023\nIn 2023, the Phu Tho provincial Public Administration Service Centre received 45,600 applications, up 12% year on year; 44,800 were processed, 99.6% of them ahead of or on schedule.",
        {
            ("dossier.on_time_pct", 99.6, "Trung tâm Phục vụ hành chính công tỉnh"),
            ("dossier.received", 45600.0, "Trung tâm Phục vụ hành chính công tỉnh"),
            ("dossier.resolved", 44800.0, "Trung tâm Phục vụ hành chính công tỉnh"),
        },
    ),
    "Nam Dinh online services 2024": (
        "Nam Dinh online services 2024\nBy the end of 2024, Nam Dinh province had provided 1,456 online public services, including 980 full-process ones.",
        {
            ("service.online_level4", 980.0, P),
        },
    ),
    "Thanh Hoa three levels 2023": (
        "Thanh Hoa three levels 2023\nIn 2023, nearly 320,000 dossiers were received across the three levels of government in Thanh Hoa province, 72 percent of them online.",
        {
            ("dossier.received", 320000.0, P),
        },
    ),
    "Yen Bai tasks 9M 2023": (
        "Yen Bai tasks 9M 2023\nAs many as 28 out of 40 administrative reform tasks of Yen Bai province had been completed in the first nine months of 2023.",
        {
            ("task.completed", 28.0, P),
            ("task.planned", 40.0, P),
        },
    ),
    "Vinh Long satisfaction 2023": (
        "Vinh Long satisfaction 2023\nIn 2023, the satisfaction rate of people and businesses with the handling of administrative procedures in Vinh Long province reached 98.5 percent.",
        {
            ("dossier.satisfaction_pct", 98.5, P),
        },
    ),
    "Bac Ninh abolished 2024": (
        "Bac Ninh abolished 2024\nIn 2024, Bac Ninh province abolished 25 administrative procedures and amended 48 others.",
        {
            ("tthc.abolished", 25.0, P),
            ("tthc.amended", 48.0, P),
        },
    ),
    "Hai Duong PAR 2023": (
        "Hai Duong PAR 2023\nHai Duong's PAR Index 2023 stood at 88.56 percent, ranking 16th nationwide.",
        {
            ("par.total_points", 88.56, P),
        },
    ),
    "Thai Binh Q3": (
        "Thai Binh Q3\nIn Q3/2024, Thai Binh province recorded 76,890 applications, with 210 behind schedule and 1,234 still being processed.",
        {
            ("dossier.pending", 1234.0, P),
            ("dossier.received", 76890.0, P),
            ("dossier.resolved_late", 210.0, P),
        },
    ),
    "Quang Binh districts H1 2024": (
        "Quang Binh districts H1 2024\nIn the first half of 2024, district-level People's Committees in Quang Binh province received 33,450 dossiers, while commune-level ones received 120,300.",
        {
            ("dossier.received", 33450.0, "cấp huyện"),
            ("dossier.received", 120300.0, "cấp xã"),
        },
    ),
    "Kien Giang online share 2023": (
        "Kien Giang online share 2023\nIn 2023, 65.4 percent of all dossiers in Kien Giang province were submitted online, and the on-time settlement rate was 98.9 percent.",
        {
            ("dossier.on_time_pct", 98.9, P),
        },
    ),
    "Tay Ninh SIPAS 2022": (
        "Tay Ninh SIPAS 2022\nTay Ninh province's SIPAS index in 2022 reached 84.77 percent, up 3.2 percentage points from 2021.",
        {
            ("sipas.satisfaction_pct", 84.77, P),
        },
    ),
    "Soc Trang received 2021": (
        "Soc Trang received 2021\nSoc Trang province handled 210,450 administrative dossiers in 2021, 99.2% of which were settled on or ahead of time.",
        {
            ("dossier.on_time_pct", 99.2, P),
            ("dossier.resolved", 210450.0, P),
        },
    ),
    "Lai Chau pending": (
        "Lai Chau pending\nAs of the end of June 2024, Lai Chau province had 2,340 dossiers under processing, including 12 overdue ones.",
        {
            ("dossier.pending", 2340.0, P),
            ("dossier.pending_overdue", 12.0, P),
        },
    ),
    "Dong Nai 2023": (
        "Dong Nai 2023\nA total of 1.2 million dossiers were received by agencies at all levels in Dong Nai province in 2023, of which more than 1.18 million were resolved.",
        {
            ("dossier.received", 1200000.0, P),
            ("dossier.resolved", 1180000.0, P),
        },
    ),
    "Binh Phuoc centre Q1": (
        "Binh Phuoc centre Q1\nIn the first quarter of 2024, the Centre for Public Administrative Services of Binh Phuoc province received 8,420 records and returned results for 8,105 of them.",
        {
            ("dossier.received", 8420.0, "Trung tâm Phục vụ hành chính công tỉnh"),
            ("dossier.resolved", 8105.0, "Trung tâm Phục vụ hành chính công tỉnh"),
        },
    ),
    "Tan Lac H1 2022": (
        "Tan Lac H1 2022\nIn the first six months of 2022, Tan Lac district's one-stop division in Hoa Binh province received 5,210 files, all of which were handled on time.",
        {
            ("dossier.received", 5210.0, "Tan Lac district"),
        },
    ),
    "Ca Mau services 2024": (
        "Ca Mau services 2024\nIn 2024, Ca Mau province offered 1,020 level-3 and level-4 online public services, and 54.6 percent of dossiers were submitted online.",
        set(),
    ),
    "Gia Lai digitisation 2024": (
        "Gia Lai digitisation 2024\nIn 2024, Gia Lai province digitised 185,300 records and results of administrative procedures.",
        {
            ("dossier.digitised", 185300.0, P),
        },
    ),
    "Quang Tri PAR 2022": (
        "Quang Tri PAR 2022\nAccording to the announcement, the PAR Index 2022 of Quang Tri province reached 84.15 percent, up 1.8 percent compared with 2021.",
        {
            ("par.total_points", 84.15, P),
        },
    ),
    "Ninh Binh SIPAS 2023": (
        "Ninh Binh SIPAS 2023\nThe people's satisfaction index (SIPAS) of Ninh Binh province in 2023 was 82.34 percent.",
        {
            ("sipas.satisfaction_pct", 82.34, P),
        },
    ),
    "Ben Tre 2023 rate": (
        "Ben Tre 2023 rate\nIn 2023, more than 98 percent of the 356,000 dossiers received in Ben Tre province were settled ahead of or on schedule.",
        {
            ("dossier.received", 356000.0, P),
        },
    ),
    "Hau Giang Q2 late": (
        "Hau Giang Q2 late\nDuring the second quarter of 2024, Hau Giang province settled 64,320 dossiers, but 415 of them were settled past the deadline.",
        {
            ("dossier.resolved", 64320.0, P),
            ("dossier.resolved_late", 415.0, P),
        },
    ),
    "Lang Son digitalised 2024": (
        "Lang Son 2024\nIn 2024, Lang Son province digitalised more than 1,100 dossiers.",
        {("dossier.digitised", 1100.0, P)},
    ),
    "Khoan Du transactions 2025": (
        "Khoan Du 2025\nAs of March 2025, Khoan Du commune in An Giang province had processed more "
        "than 200 administrative transactions without any delay.",
        {("dossier.resolved", 200.0, "Khoan Du commune")},
    ),
    "citizen satisfaction with administrative services": (
        "Dong Nai 2025\nIn 2025, citizen satisfaction with administrative services provided by "
        "agencies in Dong Nai province reached 98.5%.",
        {("dossier.satisfaction_pct", 98.5, P)},
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_english_phrasing(name: str) -> None:
    text, expected = CASES[name]
    result = extract_text(text)
    assert {(f.indicator, f.value, f.scope) for f in result.figures + result.subunits} == expected
