"""English-language articles (provincial newspapers and portals publish many CCHC reports in
English): the phrasings met in the English texts of benchmarks/extraction_real/, each
reproduced by a sentence written for this test, read with the figure it gives, its scope and
period, and nothing else. A Vietnamese text is read exactly as before."""

from __future__ import annotations

import pytest

from cchc_analysis.extract import extract_text
from cchc_analysis.extract.english import english_numbers
from cchc_analysis.extract.language import ENGLISH, VIETNAMESE, detect_language

P = "province"


def figures(text: str, **options: str) -> set[tuple[str, float, str]]:
    result = extract_text(text, **options)
    assert result.documents[0].language == ENGLISH
    return {(f.indicator, f.value, f.scope) for f in result.figures + result.subunits}


# ---------------------------------------------------------------- language


def test_a_text_without_vietnamese_letters_that_reads_as_english_is_english():
    assert detect_language("In the first quarter, the province received 5,000 dossiers.") == ENGLISH
    # Vietnamese names keep their marks in English articles: still English
    assert (
        detect_language("Bắc Ninh scored 92.80 points, ahead of Hải Phòng, in the week.") == ENGLISH
    )


def test_vietnamese_stays_the_default():
    assert (
        detect_language("Tỉnh đã tiếp nhận 512.304 hồ sơ, giải quyết đúng hạn 98,5%.") == VIETNAMESE
    )
    # written without marks, Vietnamese has none of the English function words
    assert detect_language("Tinh da tiep nhan 512.304 ho so trong quy I nam 2023.") == VIETNAMESE
    assert detect_language("") == VIETNAMESE
    assert detect_language("2023 12.345 99,5%") == VIETNAMESE


def test_the_language_read_is_recorded_for_each_text():
    result = extract_text("Quý I/2023, tỉnh Hòa Bình tiếp nhận 1.234 hồ sơ.")
    assert result.documents[0].language == VIETNAMESE
    result = extract_text("In Q1/2023, Hoa Binh province received 1,234 dossiers.")
    assert result.documents[0].language == ENGLISH


# ---------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("received 108,120 files", "received 108.120 files"),
        ("reached 99.29 percent", "reached 99,29 percent"),
        ("1,234,567.5 dossiers", "1.234.567,5 dossiers"),
        ("1.2 million", "1,2 million"),
        ("28 out of 40 tasks", "28    /   40 tasks"),
        ("10 of 13 units", "10  / 13 units"),
        ("hotline 0225.3666.122", "hotline 0225.3666.122"),  # several dots: not a decimal
        ("in 2023, 5 of 2024", "in 2023, 5 of 2024"),  # a year is no whole of a pair
    ],
)
def test_english_numbers_are_written_the_vietnamese_way_one_character_for_one(written, read):
    assert english_numbers(written) == read
    assert len(english_numbers(written)) == len(written)


def test_english_number_formats():
    text = (
        "In the first quarter of 2024, Hoa Binh province received over 5,000 dossiers, "
        "of which 4,870 were settled. The on-time settlement rate was 99.29%."
    )
    found = {(f.indicator, f.value, f.bound) for f in extract_text(text).figures}
    assert found == {
        ("dossier.received", 5000.0, "lower"),
        ("dossier.resolved", 4870.0, ""),
        ("dossier.on_time_pct", 99.29, ""),
    }
    text = "In 2023, across Hoa Binh province, nearly 1.2 million records have been digitised."
    found = {(f.indicator, f.value, f.bound) for f in extract_text(text).figures}
    assert found == {("dossier.digitised", 1_200_000.0, "approx")}


# ---------------------------------------------------------------- dossiers

DOSSIERS = (
    "Lao Cai province: administrative procedures in the first nine months of 2022\n"
    "In the first nine months of 2022, the entire province received 98,760 applications. "
    "Of these, 97,115 were settled, including 60,002 ahead of schedule, 36,900 on time and "
    "213 behind schedule, while 1,645 applications are being processed. "
    "A total of 41,380 dossiers were submitted via the public service portal."
)


def test_received_settled_early_on_time_late_pending_online():
    assert figures(DOSSIERS) == {
        ("dossier.received", 98760.0, P),
        ("dossier.resolved", 97115.0, P),
        ("dossier.resolved_early", 60002.0, P),
        ("dossier.resolved_on_time", 36900.0, P),
        ("dossier.resolved_late", 213.0, P),
        ("dossier.pending", 1645.0, P),
        ("dossier.online", 41380.0, P),
    }
    result = extract_text(DOSSIERS)
    assert {f.province for f in result.figures} == {"Lào Cai"}
    assert {f.period for f in result.figures} == {"2022-9M"}
    assert not [w for w in result.warnings if w.rule.startswith("extract_identity")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Hoa Binh province accepted 12,400 files in 2021, and 12,160 files were handled "
            "on or ahead of schedule.",
            {("dossier.received", 12400.0, P)},  # the sum of early and on time is internal
        ),
        (
            "In 2021, Hoa Binh province processed 8,100 records, accounting for 97.5%; "
            "8,050 records were processed on time.",
            {("dossier.resolved", 8100.0, P), ("dossier.resolved_on_time", 8050.0, P)},
        ),
        (
            "In 2021, Hoa Binh province resolved 8,100 records; 8,050 were returned on time, "
            "reaching 99.38%, and 50 were overdue.",
            {
                ("dossier.resolved", 8100.0, P),
                ("dossier.resolved_on_time", 8050.0, P),
                ("dossier.on_time_pct", 99.38, P),
                ("dossier.resolved_late", 50.0, P),
            },
        ),
        (
            "In 2021, Hoa Binh province received 9,000 dossiers, while 420 dossiers were "
            "still under settlement.",
            {("dossier.received", 9000.0, P), ("dossier.pending", 420.0, P)},
        ),
        (
            "In 2021, Hoa Binh province handled 2,300 applications through the public postal "
            "service.",
            set(),  # by post: a part of received the catalogue has no id for
        ),
        (
            "In 2021, the rate of dossiers settled ahead of or on schedule in Hoa Binh province "
            "reached 98.6 percent.",
            {("dossier.on_time_pct", 98.6, P)},
        ),
    ],
)
def test_dossier_phrasings(sentence, expected):
    assert figures(sentence) == expected


def test_x_of_y_pairs_read_as_for_vietnamese():
    text = (
        "Son La province in the first half of 2023\n"
        "Departments digitised 2,373 out of 3,297 incoming dossiers."
    )
    assert ("dossier.digitised", 2373.0, P) in figures(text)


# ---------------------------------------------------------------- procedures, services, tasks


def test_procedures_published_amended_abolished():
    text = (
        "In the first quarter of 2019, the Chairman of Yen Bai province issued 12 decisions "
        "announcing the list of 412 administrative procedures. A new regulation amended and "
        "supplemented 55 procedures while removing 31 others."
    )
    assert figures(text) == {
        ("tthc.published", 412.0, P),
        ("tthc.amended", 55.0, P),
        ("tthc.abolished", 31.0, P),
    }


def test_a_proposal_to_amend_is_no_amendment():
    text = "In 2020, Yen Bai province proposed amendments to 9 administrative procedures."
    assert figures(text) == set()


def test_online_public_services_full_process_and_partial():
    text = (
        "In 2023, Ha Nam province provided 1,254 online public services, including 820 "
        "full-process online public services and 434 partial online public services."
    )
    assert figures(text) == {
        ("service.online_level4", 820.0, P),
        ("service.online_level3", 434.0, P),
    }


def test_tasks_completed_of_planned():
    text = "Khanh Hoa province in the first six months of 2025 completed 17/62 tasks of its plan."
    assert figures(text) == {("task.completed", 17.0, P), ("task.planned", 62.0, P)}
    text = "In 2023, Khanh Hoa province completed 38 out of 40 administrative reform tasks."
    assert figures(text) == {("task.completed", 38.0, P), ("task.planned", 40.0, P)}


def test_inspections():
    text = "In 2022, Ninh Binh province carried out 18 out of 20 planned inspections."
    assert figures(text) == {("inspection.done", 18.0, P), ("inspection.planned", 20.0, P)}


# ---------------------------------------------------------------- indices


def test_sipas_and_par_index():
    text = (
        "Quang Tri province in 2022\n"
        "The province's satisfaction index of public administrative services (SIPAS) reached "
        "84.56 percent. Its Public Administration Reform Index (PAR Index) was 86.12 percent."
    )
    assert figures(text) == {
        ("sipas.satisfaction_pct", 84.56, P),
        ("par.total_points", 86.12, P),
    }


def test_the_service_index_of_decision_766():
    text = (
        "In October 2025, Bac Ninh province scored 86.40 points in the index for leadership, "
        "administration and evaluation of service quality for citizens and businesses."
    )
    result = extract_text(text)
    assert [(f.indicator, f.value, f.period) for f in result.figures] == [
        ("service.index_points", 86.4, "2025-M10")
    ]


# ---------------------------------------------------------------- periods


@pytest.mark.parametrize(
    ("phrase", "period"),
    [
        ("In the first quarter of 2019", "2019-Q1"),
        ("In Q3/2023", "2023-Q3"),
        ("In the first six months of 2023", "2023-H1"),
        ("In the first nine months of 2022", "2022-9M"),
        ("In 2023", "2023"),
        ("From December 15, 2022 to June 14, 2023", "2023-H1"),
        ("By the end of September 2024", "2024-9M"),
        ("In the first 9 months of 2024", "2024-9M"),
        ("During the first half of 2024", "2024-H1"),
        ("In Q3 2024", "2024-Q3"),
        ("In the 2024 third quarter", "2024-Q3"),
        ("In 9M 2024", "2024-9M"),
        ("In the six months to June 2024", "2024-H1"),
        ("From January to September 2024", "2024-9M"),
        ("From April to June 2024", "2024-Q2"),
        ("In the second half of 2023", "2023-H2"),
        ("In the year 2022", "2022"),
    ],
)
def test_english_period_phrases(phrase, period):
    result = extract_text(f"{phrase}, Bac Giang province received 4,321 dossiers.")
    assert [(f.value, f.period) for f in result.figures] == [(4321.0, period)]
    assert result.documents[0].period == period


def test_this_year_and_last_year_come_from_the_article_s_date():
    text = (
        "Bac Giang province, March 5, 2024\n"
        "Last year, the province received 64,000 dossiers. In the first two months of this "
        "year, it received 9,800 dossiers."
    )
    result = extract_text(text)
    # the first two months are no reporting period: that figure is kept without one
    assert [(f.value, f.period) for f in result.figures] == [(64000.0, "2023"), (9800.0, "")]


@pytest.mark.parametrize(
    "phrase",
    [
        "In the first two months of 2025",
        "In the past six months",
        "From January to May 2024",
        "By the end of February 2025",
        "Between 2021 and 2025",
    ],
)
def test_runs_of_months_that_are_no_reporting_period_keep_their_figures_without_one(phrase):
    result = extract_text(f"{phrase}, Binh Thuan province received 10,635 dossiers.")
    assert [(f.value, f.period) for f in result.figures] == [(10635.0, "")]
    assert any(w.rule == "extract_unsupported_period" for w in result.warnings)


def test_the_first_two_months_are_no_reporting_period():
    text = "In the first two months of 2025, Binh Thuan province received 10,635 dossiers."
    result = extract_text(text)
    assert [(f.value, f.period) for f in result.figures] == [(10635.0, "")]
    assert "not a reporting period" in result.figures[0].note
    assert any(w.rule == "extract_unsupported_period" for w in result.warnings)


def test_a_month_is_a_period_and_a_gloss_of_months_is_not():
    text = "In January 2024, Binh Thuan province received 5,200 dossiers."
    assert [(f.value, f.period) for f in extract_text(text).figures] == [(5200.0, "2024-M01")]
    text = (
        "In the first two months after the merger (July and August 2025), Binh Thuan "
        "province received 9,900 dossiers."
    )
    assert [(f.value, f.period) for f in extract_text(text).figures] == [(9900.0, "")]


# ---------------------------------------------------------------- scopes


@pytest.mark.parametrize(
    ("sentence", "scope"),
    [
        ("In 2022, Tan Lac District received 6,210 dossiers.", "Tan Lac District"),
        ("In 2022, district-level People's Committees received 33,000 dossiers.", "cấp huyện"),
        ("In 2022, at the commune level, 45,000 files were received.", "cấp xã"),
        # a unit English names by its function is written as the Vietnamese path writes it
        ("In 2022, the Department of Justice received 1,200 dossiers.", "Sở Tư pháp"),
        ("In 2022, the Home Affairs Department received 700 dossiers.", "Sở Nội vụ"),
        (
            "In 2022, the Provincial Public Administration Service Centre received 70,500 files.",
            "Trung tâm Phục vụ hành chính công tỉnh",
        ),
        (
            "In 2022, the Provincial Land Registration Office received 9,100 files.",
            "Văn phòng Đăng ký đất đai tỉnh",
        ),
        ("In 2022, the Department of Ports received 300 files.", "Department of Ports"),
        ("In 2022, the entire province received 240,000 files.", P),
    ],
)
def test_english_scopes(sentence, scope):
    assert {s for _, _, s in figures(sentence, province="Hòa Bình")} == {scope}


def test_levels_given_respectively():
    text = (
        "Hoa Binh province, first nine months of 2022\n"
        "The on-time settlement rate of provincial departments reached 99.63%. At the district "
        "and commune levels, the rate reached 99.84% and 99.9%, respectively."
    )
    assert figures(text) == {
        ("dossier.on_time_pct", 99.63, "cấp tỉnh"),
        ("dossier.on_time_pct", 99.84, "cấp huyện"),
        ("dossier.on_time_pct", 99.9, "cấp xã"),
    }


def test_a_unit_named_with_its_kind_is_known_by_its_bare_name_later():
    text = (
        "Lang Son province, 2024\n"
        "Officials of Dai Lam Commune said the commune had modernised its one-stop shop. "
        "In 2024, Dai Lam received 4,130 dossiers."
    )
    assert figures(text) == {("dossier.received", 4130.0, "Dai Lam Commune")}


def test_a_sentence_wrapped_over_two_lines_is_read_as_one():
    text = (
        "In the first quarter of 2024, the province received 5,000 dossiers. Of these, 4,900\n"
        "dossiers were processed and\nsettled."
    )
    assert ("dossier.resolved", 4900.0, P) in figures(text, province="Bình Thuận")


# ---------------------------------------------------------------- Vietnamese unaffected


def test_a_vietnamese_text_is_read_as_before():
    text = (
        "Tỉnh Hòa Bình: kết quả giải quyết TTHC 9 tháng năm 2022\n"
        "Toàn tỉnh tiếp nhận 512.304 hồ sơ, đã giải quyết 500.120 hồ sơ, trong đó đúng hạn "
        "499.000 hồ sơ, đạt 99,78%."
    )
    result = extract_text(text)
    assert result.documents[0].language == VIETNAMESE
    found = {(f.indicator, f.value, f.scope, f.period) for f in result.figures}
    assert ("dossier.received", 512304.0, P, "2022-9M") in found
    assert ("dossier.resolved", 500120.0, P, "2022-9M") in found
    assert ("dossier.on_time_pct", 99.78, P, "2022-9M") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Quang Ninh tops PAR Index\nIn the PAR Index 2021, Quang Ninh province scored "
            "91.27 points.",
            ("par.total_points", 91.27),
        ),
        (
            "Quang Ninh leads in satisfaction index\nQuang Ninh province scored 87.5 percent in "
            "the SIPAS 2021.",
            ("sipas.satisfaction_pct", 87.5),
        ),
        (
            "Citizen and business service index, week 48\nIn October 2025, Bac Ninh province "
            "scored 92.80 points.",
            ("service.index_points", 92.8),
        ),
    ],
)
def test_a_score_in_a_text_about_one_index_is_that_index(text, expected):
    assert {(f.indicator, f.value) for f in extract_text(text).figures} == {expected}


def test_a_score_without_an_index_named_is_left_out():
    text = "In 2021, Quang Ninh province scored 91.27 points, up 2.1 points on 2020."
    assert extract_text(text).figures == []


def test_a_component_or_an_average_is_not_the_index():
    text = (
        "In the PAR Index 2021, Quang Ninh province reached 91.27 percent, while the national "
        "average was 81.09 percent and its component score for procedures was 9.5 points."
    )
    found = {(f.indicator, f.value) for f in extract_text(text).figures}
    assert found == {("par.total_points", 91.27)}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "In 2023, Ha Tinh province received 123,456 dossiers, up 12% year on year.",
            {("dossier.received", 123456.0)},  # a change is no level
        ),
        (
            "In 2023, Ha Tinh province has 1,890 administrative procedures in force.",
            {("tthc.in_force", 1890.0)},
        ),
        (
            "In 2023, Ha Tinh province provided 1,020 full-process online public services and "
            "350 partial ones.",
            {("service.online_level4", 1020.0), ("service.online_level3", 350.0)},
        ),
        ("In 2023, Ha Tinh province inspected 25 agencies and units.", {("inspection.done", 25.0)}),
        (
            "In 2022, the PAR Index of Ha Tinh province was 85.12%, ranking 15th out of 63 "
            "provinces, while Ha Tinh ranked 30 out of 63 in SIPAS.",
            {("par.total_points", 85.12)},  # ranks are no figures
        ),
        (
            "In 2022, Ha Tinh province's SIPAS reached 85.5%; the national average was 80.2%.",
            {("sipas.satisfaction_pct", 85.5)},
        ),
        (
            "In Q2/2024, Ha Tinh province received 30,215 applications, 18,000 of which were "
            "filed online.",
            {("dossier.received", 30215.0), ("dossier.online", 18000.0)},
        ),
        (
            "In 2024, Ha Tinh province announced 150 new administrative procedures and "
            "abolished 45 procedures.",
            {("tthc.published", 150.0), ("tthc.abolished", 45.0)},
        ),
        (
            "In 2024, there were 1,234 dossiers pending in Ha Tinh province, of which 56 were "
            "overdue.",
            {("dossier.pending", 1234.0), ("dossier.pending_overdue", 56.0)},
        ),
        (
            "In 2024, Ha Tinh province received 9,870 dossiers and 45 dossiers were returned to "
            "the applicants.",
            {("dossier.received", 9870.0), ("dossier.suspended", 45.0)},
        ),
    ],
)
def test_more_english_phrasings(sentence, expected):
    assert {(i, v) for i, v, _ in figures(sentence)} == expected


def test_a_text_opening_on_a_unit_reports_on_that_unit():
    text = (
        "Dak Lak Provincial Public Administration Center works on Saturdays.\n"
        "In 2024, the number of records received by the unit was 138,313. Records returned "
        "on time and before the deadline reached 99.99%."
    )
    center = "Trung tâm Phục vụ hành chính công tỉnh"
    assert figures(text) == {
        ("dossier.received", 138313.0, center),
        ("dossier.on_time_pct", 99.99, center),
    }
    # a text that also speaks of the whole province: its figures are the province's
    text = text.replace("the number of records received by the unit", "the province received")
    assert {s for _, _, s in figures(text)} == {P}


def test_a_rate_of_something_else_after_an_on_time_rate_is_not_the_on_time_rate():
    text = (
        "In 2023, the on-time settlement rate of Ha Tinh province reached 99.1%. The rate of "
        "online dossiers reached 45.2%."
    )
    assert {(i, v) for i, v, _ in figures(text)} == {("dossier.on_time_pct", 99.1)}


def test_each_clause_has_its_own_subject():
    text = (
        "Ha Nam province, first quarter of 2024\n"
        "Hoa Hau commune received 1,210 dossiers and Thanh Liem ward received 2,300 dossiers, "
        "while Phu Ly commune Public Administration Service Center received 3,456 dossiers."
    )
    assert figures(text) == {
        ("dossier.received", 1210.0, "Hoa Hau commune"),
        ("dossier.received", 2300.0, "Thanh Liem ward"),
        ("dossier.received", 3456.0, "Trung tâm Phục vụ hành chính công xã Phu Ly"),
    }


def test_the_service_centre_in_lower_case_is_a_unit_as_in_vietnamese():
    text = (
        "Hoa Binh province, first quarter of 2024\n"
        "In the first quarter of 2024, the provincial public administration service centre "
        "received 7,420 dossiers."
    )
    assert figures(text) == {("dossier.received", 7420.0, "Trung tâm Phục vụ hành chính công tỉnh")}


def test_the_command_says_which_language_each_text_was_read_in(tmp_path):
    from typer.testing import CliRunner

    from cchc_analysis.cli import app

    english = tmp_path / "en.txt"
    english.write_text(
        "In the first quarter of 2019, Hoa Binh province received 108,120 files.",
        encoding="utf-8",
    )
    vietnamese = tmp_path / "vi.txt"
    vietnamese.write_text("Quý I/2019, tỉnh Sơn La tiếp nhận 108.120 hồ sơ.", encoding="utf-8")
    out = tmp_path / "figures.csv"
    result = CliRunner().invoke(app, ["extract", str(english), str(vietnamese), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "en.txt: 1 figures" in result.output and "read in English" in result.output
    assert "vi.txt: 1 figures" in result.output and "read in Vietnamese" in result.output
    rows = out.read_text(encoding="utf-8-sig").splitlines()
    assert len(rows) == 3 and all("108120" in row for row in rows[1:])


def test_a_headline_s_rounded_share_gives_way_to_the_body_s():
    text = (
        "Bac Giang handles 99 percent of documents on and ahead of due date\n"
        "In the first quarter of 2023, agencies in Bac Giang province received 183,000 "
        "documents, and 99.2 percent of them were handled on and ahead of due date."
    )
    assert figures(text) == {("dossier.received", 183000.0, P), ("dossier.on_time_pct", 99.2, P)}


def test_an_index_named_after_its_score():
    text = (
        "Son La seeks to lift its service index\nIn the first nine months of 2025, Son La "
        "ranked 30th with 78.5 points in the citizen and business service index."
    )
    assert figures(text) == {("service.index_points", 78.5, P)}


def test_services_eligible_for_full_online_provision():
    text = (
        "As of October 2025, Quang Tri province had 1,745 administrative procedures, of which "
        "1,020 were eligible for full online public services."
    )
    assert figures(text) == {("tthc.in_force", 1745.0, P), ("service.online_level4", 1020.0, P)}


def test_the_centre_referred_back_to_keeps_its_whole_name():
    text = (
        "Binh Thuan: the provincial Public Administration Center keeps its pace\n"
        "In the first six months of 2024, the Center received 64,500 dossiers, of which 61,200 "
        "were submitted online. The Center resolved 63,800 dossiers, 63,750 on time or ahead "
        "of schedule and 50 late; 700 dossiers are being processed."
    )
    center = "Trung tâm Phục vụ hành chính công tỉnh"
    assert figures(text) == {
        ("dossier.received", 64500.0, center),
        ("dossier.online", 61200.0, center),
        ("dossier.resolved", 63800.0, center),
        ("dossier.resolved_late", 50.0, center),
        ("dossier.pending", 700.0, center),
    }
    result = extract_text(text)
    assert {(f.province, f.period) for f in result.subunits} == {("Bình Thuận", "2024-H1")}


def test_provinces_ranked_after_the_one_a_text_is_about_keep_their_own_names():
    text = (
        "Quang Ninh tops PAR Index for fifth year\n"
        "The northern province of Quang Ninh topped the PAR Index 2021 with 91.27 per cent, "
        "followed by Hai Phong with 89.62 per cent. The national average was 81.09 per cent."
    )
    result = extract_text(text)
    # a league table's rows each belong to the province ranked (not to the text's subject)
    assert {(f.province, f.indicator, f.value) for f in result.figures} == {
        ("Quảng Ninh", "par.total_points", 91.27),
        ("Hải Phòng", "par.total_points", 89.62),
    }
    assert not result.subunits


def test_english_page_furniture_dates_phones_and_document_numbers_are_no_figures():
    page = (
        "Home | News | Politics | Society | Search\n"
        "Vietnamese | English\n"
        "Hoa Binh speeds up administrative reform\n"
        "Update: 23-10-2020 | 15:39:18\n"
        "In the first nine months of 2020, Hoa Binh province received 120,345 dossiers under "
        "Decision No. 1291/QD-TTg dated October 7, 2019, of which 119,870 were settled.\n"
        "Reported by Thu Ha - Translated by Minh Anh\n"
        "Share  Tweet  Print  Email\n"
        "Related news\n"
        "Hoa Binh works to improve 45 services\n"
        "Visitors today: 12,345 | Total visits: 9,876,543\n"
        "Tel: (+84) 0218 3852 123 - Hotline: 1900 1234\n"
        "Copyright © 2020 Hoa Binh Newspaper. Licence No. 123/GP-BTTTT\n"
    )
    result = extract_text(page)
    assert result.documents[0].headline == "Hoa Binh speeds up administrative reform"
    assert {(f.indicator, f.value, f.line) for f in result.figures + result.subunits} == {
        ("dossier.received", 120345.0, 5),
        ("dossier.resolved", 119870.0, 5),
    }


def test_levels_named_after_each_rate():
    text = (
        "Hung Yen province, 2024\n"
        "The rate of dossiers resolved on time at the provincial level was 99.5%, at the "
        "district level 98.7% and at the commune level 99.9%."
    )
    assert figures(text) == {
        ("dossier.on_time_pct", 99.5, "cấp tỉnh"),
        ("dossier.on_time_pct", 98.7, "cấp huyện"),
        ("dossier.on_time_pct", 99.9, "cấp xã"),
    }
    assert extract_text(text).documents[0].period == "2024"  # a dateline closing on a year


def test_a_dated_dateline_is_no_period_and_the_message_is_in_english_terms():
    result = extract_text("Bac Giang province, March 5, 2024\nThe province received 64,000 files.")
    info = result.documents[0]
    assert info.period == "" and "the first nine months of 2023" in info.period_how


@pytest.mark.parametrize(
    ("sentence", "province"),
    [
        ("In 2023, Hanoi received 5,000 files.", "Hà Nội"),
        ("In 2023, Ho Chi Minh City received 5,000 files.", "Hồ Chí Minh"),
        ("In 2023, Hoa Binh province received 5,000 files.", "Hòa Bình"),
        ("In 2023, the northern province of Quang Ninh received 5,000 files.", "Quảng Ninh"),
        ("In 2023, Bắc Ninh Province received 5,000 files.", "Bắc Ninh"),
    ],
)
def test_provinces_named_the_english_way(sentence, province):
    assert [f.province for f in extract_text(sentence).figures] == [province]


def test_a_paragraph_opening_on_the_figures_before_keeps_their_unit():
    text = (
        "Hoa Binh province, 2023\n"
        "Tan Lac District received 6,210 dossiers.\n"
        "Of these, 6,150 were settled on time.\n"
        "The province received 240,000 dossiers."
    )
    assert figures(text) == {
        ("dossier.received", 6210.0, "Tan Lac District"),
        ("dossier.resolved_on_time", 6150.0, "Tan Lac District"),
        ("dossier.received", 240000.0, P),
    }


@pytest.mark.parametrize(
    ("name", "vietnamese"),
    [
        ("Tan Son Special Zone Public Administration Service Center", "đặc khu Tan Son"),
        ("the Public Administration Service Center of Hoa Lac Ward", "phường Hoa Lac"),
        ("My Loc Commune's Public Administration Center", "xã My Loc"),
        ("the Communal Public Administration Center in Ben Go Ward", "phường Ben Go"),
        ("Quang Tri province’s Centre for Public Administrative Services", "tỉnh"),
        ("Nghe An Public Administration Service Center", "tỉnh"),
        ("Da Nang City Public Administration Service Center", "thành phố"),
        ("the Tay Ninh Provincial Public Service Center", "tỉnh"),
        ("Ha Noi’s Public Administrative Service Centre", "thành phố"),
        ("The Centre for Public Administrative Services of Lang Son province", "tỉnh"),
        ("the Public Administration Service Center of Thu Dau Mot City", "thành phố Thu Dau Mot"),
    ],
)
def test_a_service_centre_named_with_its_place_is_written_as_in_vietnamese(name, vietnamese):
    text = f"Third quarter of 2024\nIn the third quarter of 2024, {name} received 3,150 dossiers."
    assert figures(text) == {
        ("dossier.received", 3150.0, f"Trung tâm Phục vụ hành chính công {vietnamese}")
    }


def test_a_text_opening_on_a_unit_after_its_scene_setting_reports_on_that_unit():
    text = (
        "Tien Giang news\n"
        "Serving people close to home\n"
        "In the first six months of 2024, after moving to its new building, the My Tho City "
        "Public Administration Service Center received 12,400 dossiers.\n"
        "To be more specific, 9,100 dossiers were submitted online."
    )
    centre = "Trung tâm Phục vụ hành chính công thành phố My Tho"
    assert figures(text) == {
        ("dossier.received", 12400.0, centre),
        ("dossier.online", 9100.0, centre),
    }
    # a sentence about a part of what came before names no subject of the text
    text = (
        "Serving people close to home\n"
        "In the first six months of 2024, the city received 12,400 dossiers. Of which, Tan "
        "Long ward received 1,200 dossiers.\nThe city resolved 12,000 dossiers."
    )
    assert ("dossier.resolved", 12000.0, P) in figures(text)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "In 2024, Quang Tri province received 8,430 requests related to administrative "
            "procedures.",
            {("dossier.received", 8430.0)},  # a request is a dossier
        ),
        (
            "In 2024, Quang Tri province received 8,430 records, successfully resolving 8,200 "
            "records.",
            {("dossier.received", 8430.0), ("dossier.resolved", 8200.0)},
        ),
        (
            "In 2024, Quang Tri province received 8,430 records; 210 records were processed and "
            "delivered ahead of schedule.",
            {("dossier.received", 8430.0), ("dossier.resolved_early", 210.0)},
        ),
        (
            "In 2024, the satisfaction rate of people and businesses in Quang Tri province "
            "reached 98.7%.",
            {("dossier.satisfaction_pct", 98.7)},
        ),
        (
            "In 2024, Quang Tri province received 8,430 records and 97.5 percent of applicants "
            "expressed their high satisfaction with the services.",
            {("dossier.received", 8430.0), ("dossier.satisfaction_pct", 97.5)},
        ),
        (
            # a share of those merely satisfied is no satisfaction rate; nor is the SIPAS index
            "In 2024, 2.5 percent of applicants in Quang Tri province said they were satisfied "
            "and the province's SIPAS index reached 84.1%.",
            {("sipas.satisfaction_pct", 84.1)},
        ),
        (
            # a component of the service index, in points, is no satisfaction rate
            "In 2024, the satisfaction component of Quang Tri province reached 17.5 out of 18 "
            "points, or 97.2 per cent.",
            set(),
        ),
    ],
)
def test_requests_gerunds_and_satisfaction_rates(sentence, expected):
    assert {(i, v) for i, v, _ in figures(sentence)} == expected


def test_a_satisfaction_rate_given_year_by_year():
    text = (
        "Quang Tri news\n"
        "According to the National Public Service Portal, the level of satisfaction has risen "
        "over the years: in 2022 it reached 84.5%, in 2023 it reached 90.1%, and in 2024 it "
        "reached 95.25%."
    )
    result = extract_text(text)
    assert {(f.indicator, f.value, f.period) for f in result.figures} == {
        ("dossier.satisfaction_pct", 84.5, "2022"),
        ("dossier.satisfaction_pct", 90.1, "2023"),
        ("dossier.satisfaction_pct", 95.25, "2024"),
    }


def test_a_text_about_a_centre_ignores_the_teasers_of_related_articles():
    text = (
        "(QTO) - Quang Tri province’s Centre for Public Administrative Services received 4,120 "
        "requests in March 2024.\n"
        "Of the total, 3,900 requests were handled completely.\n"
        "Related Topics\n"
        "Quang Tri develops tourism. The province has welcomed many visitors this year and "
        "expects more in the months ahead, according to its department of tourism, which is "
        "preparing a new programme."
    )
    centre = "Trung tâm Phục vụ hành chính công tỉnh"
    assert figures(text) == {
        ("dossier.received", 4120.0, centre),
        ("dossier.resolved", 3900.0, centre),
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "In 2024, Ninh Thuan province published 1,950 administrative procedures, including "
            "about 1,500 provincial-level procedures and over 450 commune-level procedures.",
            {
                ("tthc.published", 1950.0, P),
                ("tthc.published", 1500.0, "cấp tỉnh"),
                ("tthc.published", 450.0, "cấp xã"),
            },
        ),
        (
            "In 2024, Ninh Thuan province has 1,877 procedures in force (there are 1,320 at "
            "provincial level, 377 at district level and 180 at commune level).",
            {
                ("tthc.in_force", 1877.0, P),
                ("tthc.in_force", 1320.0, "cấp tỉnh"),
                ("tthc.in_force", 377.0, "cấp huyện"),
                ("tthc.in_force", 180.0, "cấp xã"),
            },
        ),
        (
            "In 2024, the Provincial People's Committee of Ninh Thuan announced 1,990 "
            "administrative procedures, of which: 1,700 administrative procedures are under the "
            "jurisdiction of the provincial level, 290 administrative procedures are under the "
            "jurisdiction of the commune level.",
            {
                ("tthc.published", 1990.0, P),
                ("tthc.published", 1700.0, "cấp tỉnh"),
                ("tthc.published", 290.0, "cấp xã"),
            },
        ),
        (
            "In 2024, Ninh Thuan province received 25,300 district-level dossiers.",
            {("dossier.received", 25300.0, "cấp huyện")},
        ),
    ],
)
def test_a_level_written_after_its_number(sentence, expected):
    assert figures(sentence) == expected


def test_solved_before_schedule_is_early():
    text = (
        "In the first quarter of 2024, the Ninh Thuan provincial public administration service "
        "centre received 9,800 documents. In 9,500 solved documents, there were 3,100 documents "
        "solved before schedule, 6,350 documents solved on schedule and 50 documents solved "
        "behind schedule."
    )
    centre = "Trung tâm Phục vụ hành chính công tỉnh"
    assert figures(text) == {
        ("dossier.received", 9800.0, centre),
        ("dossier.resolved", 9500.0, centre),
        ("dossier.resolved_early", 3100.0, centre),
        ("dossier.resolved_on_time", 6350.0, centre),
        ("dossier.resolved_late", 50.0, centre),
    }


def test_a_ranking_paragraphs_after_its_index_is_named():
    text = (
        "The Ministry of Home Affairs announced the 2016 results of the public administration "
        "reform index (PAR INDEX 2016).\n\n"
        "Among the provinces with indexes over 80 percent, Hai Duong ranked first with 88.31 "
        "percent, followed by Nam Dinh (85.02 percent). Northern Lai Chau province ranked 12th "
        "with 80.40 percent.\n\n"
        "In terms of ministries, the Ministry of Finance topped the list with 84.10 percent.\n\n"
        "Its score rose by 0.25 points, which led the ministry to the top."
    )
    # each province's own score (a ministry's, and a change, are none)
    assert {(i, v) for i, v, _ in figures(text)} == {
        ("par.total_points", 88.31),
        ("par.total_points", 85.02),
        ("par.total_points", 80.40),
    }


def test_a_unit_leading_a_ranking_of_the_service_index_named_paragraphs_before():
    text = (
        "Hai Duong tops the citizen and business service index\n"
        "Hai Duong Province scored 91.40 points in the week, leading the citizen and business "
        "service index.\n\n"
        "At the departmental level, 9 of 12 units recorded higher scores. The Department of "
        "Justice continued to lead with 96.10 points."
    )
    assert ("service.index_points", 96.10, "Sở Tư pháp") in figures(text)


def test_a_text_whose_first_figures_are_the_whole_s_is_about_no_unit():
    text = (
        "Leaders visit the one-stop section in Tay Loc Ward\n"
        "In March 2024, the city received 4,210 applications, 93% of them online.\n"
        "Tay Loc Ward handled the most applications, 620 in all.\n"
        "The city now offers 1,950 online public services, including 610 full-process ones."
    )
    found = figures(text, province="Hue")
    assert ("dossier.received", 4210.0, P) in found
    assert ("service.online_level4", 610.0, P) in found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "In the first quarter of 2024, the total number of provincial dossiers received in "
            "Binh Dinh province was 12,400, the timely settlement rate reached 99.5%.",
            {("dossier.received", 12400.0, "cấp tỉnh"), ("dossier.on_time_pct", 99.5, "cấp tỉnh")},
        ),
        (
            "In the first quarter of 2024, the divisions for receiving dossiers and returning "
            "results of the communes and townships in Binh Dinh province received 5,300 "
            "dossiers, with 5,280 of those being processed on schedule.",
            {
                ("dossier.received", 5300.0, "cấp xã"),
                ("dossier.resolved_on_time", 5280.0, "cấp xã"),
            },
        ),
        (
            "In the first quarter of 2024, Binh Dinh province received 5,300 dossiers; 120 "
            "dossiers are being processed.",
            {("dossier.received", 5300.0, P), ("dossier.pending", 120.0, P)},
        ),
    ],
)
def test_levels_named_with_their_dossiers_and_on_time_work_in_progress(sentence, expected):
    assert figures(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "In 2024, in Phu Yen province, the number of records that have been completely "
            "resolved reaches 7,120 records.",
            {("dossier.resolved", 7120.0)},
        ),
        (
            "In 2024, Phu Yen province received 7,300 records (of which the online receipt of "
            "records was 2,480 records).",
            {("dossier.received", 7300.0), ("dossier.online", 2480.0)},
        ),
        (
            "In 2024, Phu Yen province received 7,300 requests, while the processing of 215 "
            "requests was halted for supplementation of documents.",
            {("dossier.received", 7300.0), ("dossier.suspended", 215.0)},
        ),
        (
            "In 2024, the Phu Yen Department of Construction has 40 procedures run online, "
            "including 31 whole procedures and 9 partial ones.",
            {("service.online_level4", 31.0), ("service.online_level3", 9.0)},
        ),
        (
            # a rank written '9th/63 provinces' is no average of 63 provinces
            "In the 2023 SIPAS index, Phu Yen province ranked 9th/63 provinces with a total score "
            "of 84.25%.",
            {("sipas.satisfaction_pct", 84.25)},
        ),
    ],
)
def test_completed_halted_whole_and_ranked_phrasings(sentence, expected):
    assert {(i, v) for i, v, _ in figures(sentence)} == expected


def test_a_score_as_of_a_date_and_the_components_of_the_service_index():
    text = (
        "Yen Bai news\n"
        "The index for serving people and businesses is calculated from five indexes.\n"
        "By the end of August 15, 2025, Yen Bai province achieved 81.20 points, of which: the "
        "transparency index reached 16.10 points, the satisfaction index reached 17.45 points."
    )
    result = extract_text(text)
    # a day's date is no month's period ('by the end of August' would be two months' worth)
    assert {(f.indicator, f.value) for f in result.figures} == {("service.index_points", 81.2)}
    assert not [w for w in result.warnings if "not a reporting period" in w.message_en]
    # a component of the index, even one called 'satisfaction index', is no SIPAS
    text = "In 2024, the people's satisfaction index of Yen Bai province reached 83.5%."
    assert {(i, v) for i, v, _ in figures(text)} == {("sipas.satisfaction_pct", 83.5)}


def test_a_department_s_own_measure_and_the_province_it_lies_in():
    text = (
        "In mid-March 2024, the number of dossiers under the jurisdiction of the Department of "
        "Construction of Kon Tum province that are delayed is 215 dossiers."
    )
    assert figures(text, period="2024-Q1") == {("dossier.pending_overdue", 215.0, "Sở Xây dựng")}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            # a change after the index's score is no second score
            "In 2023, Kon Tum's PAR INDEX was 84,12% while that figure in 2022 was 1,25% lower.",
            {("par.total_points", 84.12)},
        ),
        (
            # the online rate after an on-time count is the online rate
            "In 2024, the Kon Tum provincial public administration service centre received 3,100 "
            "records, of which 3,050 records were processed on time, the online record rate "
            "reached 97.5%.",
            {("dossier.received", 3100.0), ("dossier.resolved_on_time", 3050.0)},
        ),
    ],
)
def test_a_change_and_another_rate_after_a_figure(sentence, expected):
    result = extract_text(sentence)
    assert {(f.indicator, f.value) for f in result.figures + result.subunits} == expected
    assert not any(f.indicator == "dossier.on_time_pct" for f in result.figures + result.subunits)


def test_a_score_belongs_to_the_index_named_in_its_own_clause():
    text = (
        "In 2022, the PAR Index of Dien Bien province ranked 20th with a total score of 84.10 "
        "points; in the 2022 SIPAS index, Dien Bien province ranked 9th/63 provinces with a "
        "total score of 82.40%."
    )
    assert {(i, v) for i, v, _ in figures(text)} == {
        ("par.total_points", 84.1),
        ("sipas.satisfaction_pct", 82.4),
    }


def test_it_opening_a_sentence_is_the_unit_the_sentence_before_was_about():
    text = (
        "Quang Ngai news\n"
        "Similarly, An Hoa Commune's Public Administration Center has quickly completed "
        "staffing.\n"
        "It received about 410 applications in the first quarter of 2025."
    )
    assert figures(text) == {
        ("dossier.received", 410.0, "Trung tâm Phục vụ hành chính công xã An Hoa")
    }
    # without a unit in the sentence before, 'it' is the province's
    text = (
        "Quang Ngai news\n"
        "The province has quickly completed staffing.\n"
        "It received about 410 applications in the first quarter of 2025."
    )
    assert figures(text) == {("dossier.received", 410.0, P)}


@pytest.mark.parametrize(
    ("phrase", "period"),
    [
        ("In January-June 2024", "2024-H1"),
        ("From January - March 2024", "2024-Q1"),
        ("In July–December 2023", "2023-H2"),
    ],
)
def test_a_run_of_months_written_with_a_dash(phrase, period):
    result = extract_text(f"{phrase}, Binh Phuoc province received 45,210 dossiers.")
    assert [(f.value, f.period) for f in result.figures] == [(45210.0, period)]


def test_a_dashed_run_of_months_that_is_no_reporting_period_has_no_period():
    result = extract_text("In January–February 2024, Binh Phuoc province received 45,210 dossiers.")
    assert [(f.value, f.period) for f in result.figures] == [(45210.0, "")]
    assert any("not a reporting period" in w.message_en for w in result.warnings)


@pytest.mark.parametrize("phrase", ["ahead of or on schedule", "on or before the deadline"])
def test_ahead_of_or_on_schedule_is_on_time(phrase):
    text = f"In 2024, 98.7% of dossiers were settled {phrase} in Binh Phuoc."
    assert {(i, v) for i, v, _ in figures(text)} == {("dossier.on_time_pct", 98.7)}


def test_a_unit_that_says_it_received_and_a_people_s_committee_of_a_district():
    text = (
        "In 2024, the Phu Tho Provincial Public Administration Service Centre said it had "
        "received 56,000 dossiers."
    )
    assert figures(text) == {
        ("dossier.received", 56000.0, "Trung tâm Phục vụ hành chính công tỉnh")
    }
    text = "In 2024, the People's Committee of Thanh Son district received 12,000 dossiers."
    assert figures(text) == {("dossier.received", 12000.0, "Thanh Son district")}
    # a unit quoted as a source of the province's figure stays a source
    text = (
        "In 2024, according to the Department of Home Affairs, Phu Tho province received "
        "200,000 dossiers."
    )
    assert figures(text) == {("dossier.received", 200000.0, P)}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "In 2024, Nam Dinh province provided 320 level-4 online public services and 150 "
            "level-3 online public services.",
            {("service.online_level4", 320.0), ("service.online_level3", 150.0)},
        ),
        (
            "In 2024, Nam Dinh province has 275 level 4 online public services.",
            {("service.online_level4", 275.0)},
        ),
    ],
)
def test_a_level_written_before_the_services_it_qualifies(sentence, expected):
    assert {(i, v) for i, v, _ in figures(sentence)} == expected


def test_papi_and_pci_dimensions_named_in_english():
    text = (
        "Tra Vinh news\n"
        "In PAPI 2022, Tra Vinh province rose 12 places. Control of corruption in the public "
        "sector reached 6.45 points and public service delivery reached 7.30 points."
    )
    assert {(i, v) for i, v, _ in figures(text)} == {
        ("papi.corruption", 6.45),
        ("papi.service", 7.3),
    }
    text = (
        "Tra Vinh news\n"
        "Tra Vinh's PCI 2022 reached 66.2 points. The province scored 8.05 points in market "
        "entry, while time costs reached 7.15 points."
    )
    assert {(i, v) for i, v, _ in figures(text)} == {("pci.entry", 8.05), ("pci.time", 7.15)}
    # without the index named, 'transparency' is no PAPI or PCI dimension
    text = "In 2022, the transparency of Tra Vinh province reached 6.45 points."
    assert figures(text) == set()


def test_a_unit_named_only_in_the_headline_as_where_the_figures_stand():
    text = (
        "Over 96 percent of individuals satisfied with services at provincial Centre for "
        "Public Administrative Services\n"
        "(QTO) - In March 2024, 4,120 requests were received and 3,900 requests were handled "
        "completely.\n"
        "In the month, 96.5 percent of applicants expressed their high satisfaction with the "
        "services."
    )
    centre = "Trung tâm Phục vụ hành chính công tỉnh"
    assert figures(text) == {
        ("dossier.received", 4120.0, centre),
        ("dossier.resolved", 3900.0, centre),
        ("dossier.satisfaction_pct", 96.5, centre),
    }
    # a first figure of the whole: the headline's unit is where the visit took place
    text = (
        "Leaders inspect the one-stop section in Tay Loc Ward\n"
        "In March 2024, the city received 4,210 applications."
    )
    assert figures(text, period="2024-M03") == {("dossier.received", 4210.0, P)}


def test_a_department_named_with_its_province_before_it_and_it_in_a_later_sentence():
    text = "In 2024, the Kon Tum Department of Construction received 5,000 dossiers."
    assert figures(text) == {("dossier.received", 5000.0, "Sở Xây dựng")}
    text = (
        "Kon Tum news\n"
        "The Kon Tum Department of Justice had a busy year.\n"
        "In 2024, it received 8,100 dossiers."
    )
    assert figures(text) == {("dossier.received", 8100.0, "Sở Tư pháp")}


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2024, Tan Uyen, Bac Tan Uyen and Dau Tieng districts had on-time settlement rates "
        "of 99.1%, 98.5% and 97.2%, respectively.",
        "In 2024, the on-time settlement rates of Tan Uyen district, Bac Tan Uyen district and "
        "Dau Tieng district were 99.1%, 98.5% and 97.2%, respectively.",
    ],
)
def test_units_given_their_figures_respectively(sentence):
    assert figures(sentence, province="Binh Duong") == {
        ("dossier.on_time_pct", 99.1, "Tan Uyen district"),
        ("dossier.on_time_pct", 98.5, "Bac Tan Uyen district"),
        ("dossier.on_time_pct", 97.2, "Dau Tieng district"),
    }


def test_a_count_in_brackets_after_its_cue():
    text = (
        "In July 2025, Phu Xuan ward leads in the number of records received (2,534 records) "
        "and has the highest settlement rate."
    )
    assert figures(text, province="Hue") == {("dossier.received", 2534.0, "Phu Xuan ward")}


@pytest.mark.parametrize(
    "sentence",
    [
        "In March 2025, some localities with an on-time settlement rate of less than 95% "
        "include: Dai Loc (88.20%), Que Son (91.05%), Thang Binh (93.40%).",
        "In March 2025, the localities with the lowest on-time settlement rates were Dai Loc "
        "(88.20%), Que Son (91.05%) and Thang Binh (93.40%).",
    ],
)
def test_localities_listed_with_their_rates_in_brackets(sentence):
    # each locality its own rate; the threshold they are listed against is no figure
    assert figures(sentence, province="Quang Nam") == {
        ("dossier.on_time_pct", 88.2, "Dai Loc"),
        ("dossier.on_time_pct", 91.05, "Que Son"),
        ("dossier.on_time_pct", 93.4, "Thang Binh"),
    }
