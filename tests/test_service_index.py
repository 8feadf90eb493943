"""The service index of Decision 766/QĐ-TTg (methodology ``dossier-service``): the decision's
groups and maxima, a province worked by hand, monthly periods through load, validation and
scoring for the 34 provinces, ranks per period, and the report section."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
import pytest

from cchc_analysis.reference.periods import PeriodError, canonical_period, era_of, parse_period
from cchc_analysis.reference.registry import provinces_frame
from cchc_analysis.reports import service_section
from cchc_analysis.scoring import service_index
from cchc_analysis.scoring.rubric import load_rubric

# ------------------------------------------------------------------ the decision's numbers


def test_groups_and_maxima_are_the_decisions():
    # Decision 766/QĐ-TTg (23/6/2022), appendix: five groups, 100 points in all
    # (https://thuviennhadat.vn/vbpl/quyet-dinh-766-qd-ttg-2022-bo-chi-so-danh-gia-chat-luong-phuc-vu-thu-tuc-hanh-chinh-dien-tu-518821.html)
    rubric = load_rubric("dossier-service")
    assert service_index.group_maxima(rubric) == {
        "publicity": 18.0,  # công khai, minh bạch
        "progress": 20.0,  # tiến độ, kết quả giải quyết
        "digitisation": 22.0,  # số hóa hồ sơ
        "online": 22.0,  # cung cấp dịch vụ trực tuyến
        "satisfaction": 18.0,  # mức độ hài lòng
    }
    assert rubric.max_points == 100
    labels = [d.label_vi for d in rubric.domains]
    assert labels == [
        "Công khai, minh bạch",
        "Tiến độ, kết quả giải quyết",
        "Số hóa hồ sơ",
        "Cung cấp dịch vụ trực tuyến",
        "Mức độ hài lòng",
    ]


def test_the_satisfaction_group_has_the_decisions_three_ratios():
    rubric = load_rubric("dossier-service")
    satisfaction = next(d for d in rubric.domains if d.id == "satisfaction")
    assert [c.label_vi for c in satisfaction.criteria] == [
        "tỷ lệ phản ánh, kiến nghị xử lý đúng hạn",
        "tỷ lệ hài lòng trong xử lý phản ánh, kiến nghị",
        "tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC",
    ]


def test_every_number_names_its_source_or_says_it_is_assumed():
    table = service_index.sources_table()
    # 5 groups + 1 sub-group, and 14 criteria × (points, measure, rule)
    assert table.height == 5 + 1 + 14 * 3
    assert table.filter(pl.col("source") == "").is_empty()
    cited = table.filter(~pl.col("assumed"))
    assert cited["source"].str.contains(r"\[D\]").all()
    # the criterion points the decision's text gives are cited, not assumed
    decreed = cited.filter((pl.col("level") == "criterion") & (pl.col("what") == "max_points"))
    assert dict(zip(decreed["id"], decreed["value"], strict=True)) == {
        "publicity.published_on_time": "4",
        "progress.on_time": "20",
        "satisfaction.dossiers": "6",
    }
    # every group maximum is the decision's
    groups = table.filter(pl.col("level") == "domain")
    assert not groups["assumed"].any()
    # every threshold is this project's assumption, and the rubric says so
    rules = table.filter(pl.col("what") == "rule")
    assert rules["assumed"].all()
    rubric = load_rubric("dossier-service")
    assert rubric.status == "illustrative"
    assert "Assumed by this project" in rubric.official_parts_en
    assert "giả định" in rubric.disclaimer_vi


# The maxima the National Public Service Portal applies in 2026 ([P2] in the rubric: the
# portal's METRICS table as transcribed at
# https://github.com/ChippedTopaz/qd766/blob/72417cd9a343422ef3cf62e563714d6e72d1357e/docs/metrics.m0.json).
# Not the decision: the rubric follows them where a catalogue figure measures the criterion
# and still marks them assumed, since the decision's appendix was not read.
PORTAL_MAXIMA = {
    "publicity.announced_on_time": "6",  # PUBLISH_ON_TIME
    "publicity.published_on_time": "4",  # PUBLIC_UPDATE_ON_TIME (also the decision's, [S1])
    "publicity.published": "2",  # PUBLIC_CONTENT_FULL (complete contents; a stand-in here)
    "publicity.synced": "6",  # DOSSIER_SYNC
    "progress.on_time": "20",
    "online.services": "12",  # online public services
    "online.payment": "10",  # online payment, 6 + 2 + 2 on the portal
    "satisfaction.feedback_on_time": "6",  # PETITION_PROCESSING_ON_TIME
    "satisfaction.feedback": "6",  # PETITION_HANDLING_SATISFACTION
    "satisfaction.dossiers": "6",  # DOSSIER_RECEIVING_SATISFACTION (also the decision's, [S1])
}


def test_criterion_points_follow_the_portal_where_the_decision_was_not_read():
    table = service_index.sources_table()
    points = table.filter(pl.col("what") == "max_points")
    by_id = dict(zip(points["id"], points["value"], strict=True))
    assert {k: by_id[k] for k in PORTAL_MAXIMA} == PORTAL_MAXIMA
    portal = points.filter(pl.col("source").str.contains("[P2]", literal=True))
    # every criterion that takes the portal's points says so and stays marked assumed
    following = portal.filter(pl.col("source").str.starts_with("assumed (portal practice)"))
    assert set(following["id"]) == set(PORTAL_MAXIMA) - {
        "progress.on_time",
        "publicity.published_on_time",
        "satisfaction.dossiers",
    }
    # the portal's 2026 digitisation split (6 + 4 + 2 + four criteria the catalogue lacks) is
    # cited and not used: the project's 8 + 8 + 6 stays an assumption
    digitisation = points.filter(pl.col("id").str.starts_with("digitisation."))
    assert digitisation["value"].to_list() == ["8", "8", "6"]
    assert digitisation["assumed"].all()


def test_every_source_label_is_defined_with_an_address():
    import re

    from cchc_analysis.scoring.rubric import rubric_text

    text = rubric_text("dossier-service")
    defined = dict(re.findall(r"^#   \[(\w+)\]\s+.*?(https?://\S+)", text, flags=re.M | re.S))
    used = set(re.findall(r"\[(D|S\d|P\d|L)\]", "\n".join(service_index.sources_table()["source"])))
    assert used and used <= set(defined), used - set(defined)
    assert defined["P2"].endswith("/docs/metrics.m0.json")


# ------------------------------------------------------------------ monthly periods


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-M07", "2025-M07"),
        ("tháng 7/2025", "2025-M07"),
        ("Tháng 07 năm 2025", "2025-M07"),
        ("T7/2025", "2025-M07"),
        ("t.7/2025", "2025-M07"),
        ("07/2025", "2025-M07"),
        ("2025-07", "2025-M07"),
        ("tha\u0301ng 12/2024", "2024-M12"),  # NFD
        ("Q3/2025", "2025-Q3"),  # quarters unchanged
        ("2022-9M", "2022-9M"),
        ("6 tháng đầu năm 2022", "2022-H1"),
        ("2024", "2024"),
    ],
)
def test_months_and_quarters_become_canonical(text, expected):
    assert canonical_period(text) == expected


@pytest.mark.parametrize("text", ["13/2025", "2025-M13", "0/2025", "tháng 13/2025", "2025-M00"])
def test_impossible_months_are_refused_naming_the_monthly_form(text):
    with pytest.raises(PeriodError, match="2025-M07"):
        parse_period(text)


def test_a_month_covers_its_days_and_the_merger_starts_in_july_2025():
    assert (parse_period("2024-M02").start, parse_period("2024-M02").end) == (
        date(2024, 2, 1),
        date(2024, 2, 29),
    )
    assert parse_period("T12/2025").end == date(2025, 12, 31)
    assert era_of("2025-M06") == "63"
    assert era_of("tháng 7/2025") == "34"


# ------------------------------------------------------------------ a province by hand

# Tuyên Quang in July 2025, every input of the index:
HAND_WORKED = {
    "tthc.announced_on_time_pct": 90,  # 6 × 90/100 = 5.4
    "tthc.published_on_time_pct": 95,  # 4 × 95/100 = 3.8
    "tthc.published": 1900,  # 1900/2000 = 95 % → 2 × 0.95 = 1.9
    "tthc.in_force": 2000,
    "dossier.synced_pct": 90,  # 6 × 0.90 = 5.4  → publicity 5.4 + 3.8 + 1.9 + 5.4 = 16.5
    "dossier.received": 1200,
    "dossier.resolved": 1000,
    "dossier.resolved_early": 600,  # (600 + 380)/1000 = 98 % → 20 × 0.98 = 19.6 → progress 19.6
    "dossier.resolved_on_time": 380,
    "dossier.resolved_late": 20,
    "dossier.pending": 200,
    "dossier.e_result": 900,  # 900/1000 = 90 % → 8 × 0.90 = 7.2
    "dossier.digitised": 960,  # 960/1200 = 80 % ≥ 80 → 8.0
    "dossier.reused": 480,  # 480/1200 = 40 % → 6 × 40/80 = 3.0  → digitisation 18.2
    "service.online_level3": 500,  # (500 + 1100)/2000 = 80 % ≥ 80 → 6.0
    "service.online_level4": 1100,
    "dossier.online": 540,  # 540/1200 = 45 % → 6 × 45/50 = 5.4
    "dossier.with_fees": 400,
    "dossier.paid_online": 300,  # 300/400 = 75 % → 10 × 0.75 = 7.5 → online 18.9
    "feedback.received": 50,
    "feedback.on_time": 45,  # 45/50 = 90 % → 6 × 0.90 = 5.4
    "feedback.satisfaction_pct": 80,  # 6 × 0.80 = 4.8
    "dossier.satisfaction_pct": 99,  # ≥ 90 → 6.0             → satisfaction 16.2
}
# total: 16.5 + 19.6 + 18.2 + 18.9 + 16.2 = 89.4 of 100 → index 89.4 %
HAND_GROUPS = {
    "publicity": 16.5,
    "progress": 19.6,
    "digitisation": 18.2,
    "online": 18.9,
    "satisfaction": 16.2,
}


def _weaker(values: dict[str, float], step: int) -> dict[str, float]:
    """Return the same counts with lower shares (identities kept): step 1..33."""
    lower = dict(values)
    shares = ("tthc.announced_on_time_pct", "tthc.published_on_time_pct", "dossier.synced_pct")
    for pct in (*shares, "feedback.satisfaction_pct"):
        lower[pct] = values[pct] - step
    lower["dossier.satisfaction_pct"] = 60 + step / 2
    lower["dossier.e_result"] = values["dossier.e_result"] - 10 * step
    lower["dossier.reused"] = values["dossier.reused"] - 10 * step
    return lower


def _best(values: dict[str, float]) -> dict[str, float]:
    """Return the counts with every share at its full-points level."""
    best = dict(values)
    best.update(
        {
            "tthc.announced_on_time_pct": 100,
            "tthc.published_on_time_pct": 100,
            "tthc.published": 2000,
            "dossier.synced_pct": 100,
            "dossier.resolved_early": 620,
            "dossier.resolved_late": 0,
            "dossier.e_result": 1000,
            "dossier.reused": 1200,
            "dossier.online": 1200,
            "dossier.paid_online": 400,
            "feedback.on_time": 50,
            "feedback.satisfaction_pct": 100,
        }
    )
    return best


@pytest.fixture(scope="module")
def monthly_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every one of the 34 provinces in July 2025 (written 'tháng 7/2025') and August 2025
    (written 'T8/2025'). July: Tuyên Quang as worked by hand, first; August: Hà Nội at full
    points, Tuyên Quang unchanged, second."""
    names = provinces_frame("34")["name_vi"].to_list()
    others = [n for n in names if n not in ("Tuyên Quang", "Hà Nội")]
    rows = []
    for period, leader in (("tháng 7/2025", "Tuyên Quang"), ("T8/2025", "Hà Nội")):
        tables = {"Tuyên Quang": HAND_WORKED, "Hà Nội": _weaker(HAND_WORKED, 1)}
        if leader == "Hà Nội":
            tables["Hà Nội"] = _best(HAND_WORKED)
        tables.update({name: _weaker(HAND_WORKED, k + 2) for k, name in enumerate(others)})
        rows += [
            {"province": name, "period": period, "indicator": i, "value": v, "source": "test"}
            for name, values in tables.items()
            for i, v in values.items()
        ]
    path = tmp_path_factory.mktemp("service") / "monthly.csv"
    pl.DataFrame(rows).write_csv(path)
    return path


@pytest.fixture(scope="module")
def validated(monthly_csv: Path):
    from cchc_analysis.read.load import load_indicators
    from cchc_analysis.validate.indicators import validate_indicators

    return validate_indicators(load_indicators(monthly_csv))


def test_monthly_tables_of_the_34_provinces_pass_validation(validated):
    assert validated.ok, validated.failures
    # no 'province_count' warning: 34 provinces in each month after the merger
    assert validated.failures.is_empty()
    periods = validated.indicators.select("period", "era").unique().sort("period")
    assert periods.rows() == [("2025-M07", "34"), ("2025-M08", "34")]


def test_hand_worked_province_scores_as_the_decision_rubric_says(validated):
    scores = service_index.score_service_index(validated.indicators, explain=True)
    july = scores.totals.filter(pl.col("period") == "2025-M07")
    tq = july.filter(pl.col("province") == "Tuyên Quang").row(0, named=True)
    assert tq["points"] == pytest.approx(89.4)
    assert tq["available_max"] == 100
    assert tq["index_pct"] == 89.4
    assert (tq["rank"], tq["n_provinces"]) == (1, 34)
    groups = service_index.province_groups(scores, tq["province_code"], "2025-M07")
    got = dict(zip(groups["domain_id"], groups["points"], strict=True))
    assert got == pytest.approx(HAND_GROUPS)
    criteria = scores.criteria.filter(
        (pl.col("province") == "Tuyên Quang") & (pl.col("period") == "2025-M07")
    )
    reused = criteria.filter(pl.col("criterion_id") == "digitisation.reused").row(0, named=True)
    assert reused["points"] == pytest.approx(3.0)
    assert reused["explanation_vi"].startswith("3,00/6,00: tỷ lệ khai thác, sử dụng lại")


def test_ranks_are_per_period(validated):
    scores = service_index.score_service_index(validated.indicators)
    ranks = {
        (r["period"], r["province"]): r["rank"]
        for r in scores.totals.filter(pl.col("province").is_in(["Tuyên Quang", "Hà Nội"]))
        .select("period", "province", "rank")
        .iter_rows(named=True)
    }
    assert ranks == {
        ("2025-M07", "Tuyên Quang"): 1,
        ("2025-M07", "Hà Nội"): 2,
        ("2025-M08", "Hà Nội"): 1,
        ("2025-M08", "Tuyên Quang"): 2,
    }
    assert scores.totals.group_by("period").agg(pl.len())["len"].to_list() == [34, 34]
    august = scores.totals.filter(
        (pl.col("period") == "2025-M08") & (pl.col("province") == "Hà Nội")
    )
    assert august["points"][0] == pytest.approx(100)


def test_a_province_merged_away_is_refused_from_july_2025(tmp_path: Path):
    from cchc_analysis.read.load import load_indicators
    from cchc_analysis.validate.indicators import validate_indicators

    path = tmp_path / "ha_giang.csv"
    pl.DataFrame(
        {
            "province": ["Hà Giang", "Hà Giang"],
            "period": ["tháng 6/2025", "tháng 7/2025"],
            "indicator": ["dossier.received", "dossier.received"],
            "value": [1000, 1000],
        }
    ).write_csv(path)
    failures = validate_indicators(load_indicators(path)).failures
    errors = failures.filter(pl.col("severity") == "error")
    assert errors["period"].to_list() == ["tháng 7/2025"]
    assert errors["rule"].to_list() == ["province_resolvable"]
    assert "Tuyên Quang" in errors["message_en"][0]


def test_missing_criteria_are_left_out_and_the_index_rescaled(validated):
    only_progress = validated.indicators.filter(
        (pl.col("province") == "Tuyên Quang")
        & pl.col("indicator").str.starts_with("dossier.resolved")
    )
    scores = service_index.score_service_index(only_progress)
    row = scores.totals.row(0, named=True)
    # progress alone: 19.6 of the 20 points it can score → 98 %
    assert (row["points"], row["available_max"], row["index_pct"]) == (
        pytest.approx(19.6),
        20,
        98.0,
    )


# ------------------------------------------------------------------ the report section


def test_report_section_shows_every_month_and_the_groups(validated):
    indicators = validated.indicators
    code = indicators.filter(pl.col("province") == "Tuyên Quang")["province_code"][0]
    markup = service_section.section_html(indicators, code, 2025, "vi")
    assert "tháng 7/2025" in markup and "tháng 8/2025" in markup
    assert markup.index("<td>tháng 7/2025") < markup.index("<td>tháng 8/2025")
    # the latest period leads: August, second of 34, 89,4/100 (points with two decimals)
    assert "tháng 8/2025: 89,40/100,00 điểm tính được (89,40%), xếp thứ 2/34" in markup
    assert (
        '<td>Công khai, minh bạch</td><td class="num">16,50/18,00</td><td class="num">18,00</td>'
        in markup
    )
    assert "không phải kết quả chính thức" in markup
    english = service_section.section_html(indicators, code, 2025, "en")
    assert "August 2025: 89.40 of 100.00 scorable points (89.40%), ranked 2 of the 34" in english
    assert "tháng" not in english
    assert service_section.section_html(indicators, code, 2024, "vi") == ""


def test_the_section_appears_only_when_the_table_holds_the_index(demo_table):
    assert not service_index.holds_service_index(demo_table)
    assert service_index.holds_service_index(demo_table, "dossier-service")
    with_published = pl.DataFrame({"indicator": ["service.index_points"], "value": [88.45]})
    assert service_index.holds_service_index(with_published)


@pytest.mark.parametrize(
    ("period", "vi", "en"),
    [
        ("2025-M07", "tháng 7/2025", "July 2025"),
        ("2025-Q3", "quý III/2025", "Q3 2025"),
        ("2025-H1", "6 tháng đầu năm 2025", "H1 2025"),
        ("2025-9M", "9 tháng năm 2025", "9M 2025"),
        ("2025", "năm 2025", "2025"),
    ],
)
def test_period_labels(period, vi, en):
    assert service_index.period_label(period, "vi") == vi
    assert service_index.period_label(period, "en") == en


def test_rank_uncertainty_moves_assumed_thresholds_not_decreed_maxima(validated, tmp_path):
    from cchc_analysis.uncertainty.run import run_uncertainty
    from cchc_analysis.uncertainty.spec import enabled_sources, load_spec

    assert enabled_sources(load_spec("dossier-service")) == ["thresholds", "missing"]
    table = tmp_path / "indicators.parquet"
    validated.indicators.write_parquet(table)
    paths = run_uncertainty(table, "dossier-service", tmp_path, runs=40, sensitivity=False)
    intervals = pl.read_parquet(paths["intervals"])
    assert intervals.group_by("period").agg(pl.len()).sort("period").rows() == [
        ("2025-M07", 34),
        ("2025-M08", 34),
    ]
    tq = intervals.filter(
        (pl.col("province") == "Tuyên Quang") & (pl.col("period") == "2025-M07")
    ).row(0, named=True)
    assert tq["nominal_rank"] == 1
    assert tq["rank_lo"] <= 1 <= tq["rank_hi"]


def test_reports_neither_praise_nor_blame_criteria_left_out(validated):
    from cchc_analysis.reports.view import criterion_gaps, strengths_and_weaknesses

    # every province's dossier figures of July: strengths and weaknesses are gaps to the
    # national median of each criterion
    only_progress = validated.indicators.filter(
        (pl.col("period") == "2025-M07")
        & (
            pl.col("indicator").str.starts_with("dossier.")
            | (pl.col("indicator") == "tthc.in_force")
        )
    )
    criteria = service_index.score_service_index(only_progress).criteria
    assert criteria["excluded"].any()
    code = criteria.filter(pl.col("province") == "Tuyên Quang")["province_code"][0]
    gaps = criterion_gaps(criteria, code)
    strengths, weaknesses, _ = strengths_and_weaknesses(gaps)
    shown = pl.concat([strengths, weaknesses])
    assert not shown.is_empty()
    assert not shown["excluded"].any()
    assert shown["points"].is_not_null().all()
    # Tuyên Quang leads July: what is shown as strong is above the median, largest gap first
    assert (strengths["gap"] > 0).all() and strengths["gap"].is_sorted(descending=True)
    assert (weaknesses["gap"] < 0).all()


def test_a_month_typed_in_excel_is_read_as_the_month(tmp_path: Path):
    import datetime as dt

    from openpyxl import Workbook

    from cchc_analysis.read.load import load_indicators

    book = Workbook()
    sheet = book.active
    sheet.append(["Tỉnh", "Kỳ báo cáo", "Chỉ tiêu", "Giá trị"])
    for row, (month, fmt) in enumerate([(7, "mm/yyyy"), (8, '"Tháng "m/yyyy')], start=2):
        sheet.append(["Tuyên Quang", dt.datetime(2025, month, 1), "dossier.received", 1000])
        sheet.cell(row=row, column=2).number_format = fmt
    # a real date stays a date: refused as a period, not read as a month
    sheet.append(["Tuyên Quang", dt.datetime(2025, 9, 15), "dossier.received", 1000])
    sheet.cell(row=4, column=2).number_format = "dd/mm/yyyy"
    path = tmp_path / "months.xlsx"
    book.save(path)
    rows = load_indicators(path)
    assert rows["period"].to_list() == ["2025-M07", "2025-M08", None]
    assert rows["era"].to_list()[:2] == ["34", "34"]
