"""Figures from report text (issue 8): texts written for these tests in the register of
Vietnamese provincial CCHC reports and news pages (tests/fixtures/extract/, none copied from a
real article), each with a hand-labelled list of the figures it states."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

import polars as pl
import pytest

from cchc_analysis.extract import (
    FIGURE_COLUMNS,
    WARNING_COLUMNS,
    cross_check,
    detect_period,
    detect_province,
    extract_files,
    extract_text,
    fold,
    parse_vi_number,
    sibling_paths,
    write_extraction,
)

FIXTURES = Path(__file__).parent / "fixtures" / "extract"

# Hand labels: what each text states at province level (indicator, value[, period when the
# sentence names another one]) and the figures of its sub-units (indicator, value, scope word).
LABELS: dict[str, dict] = {
    "quang_ninh_9m2023.txt": {
        "province": "Quảng Ninh",
        "period": "2023-9M",
        "figures": [
            ("dossier.received", 512304),
            ("dossier.online", 245117),
            ("dossier.resolved", 498560),
            ("dossier.resolved_early", 320455),
            ("dossier.resolved_on_time", 176895),
            ("dossier.resolved_late", 1210),
            ("dossier.pending", 13744),
            ("dossier.on_time_pct", 99.76),
            ("task.planned", 40),
            ("task.completed", 28),
            ("tthc.in_force", 1856),
            ("tthc.published", 456),
            ("service.online_level4", 756),
            ("service.online_level3", 902),
            ("inspection.done", 15),
            ("inspection.planned", 18),
            ("edoc.exchange_pct", 98.5),
            ("staff.software_use_pct", 100),
        ],
        "subunits": [
            ("tthc.in_force", 1423, "cấp tỉnh"),
            ("tthc.in_force", 278, "cấp huyện"),
            ("tthc.in_force", 155, "cấp xã"),
            ("dossier.received", 25430, "Tiên Yên"),
            ("dossier.resolved_on_time", 25102, "Tiên Yên"),
            # one-stop desks counted at the communes: that level's, as issue #15 asks
            ("onestop.units_with", 171, "cấp xã"),
            ("onestop.units_total", 171, "cấp xã"),
        ],
    },
    "hoa_binh_h1_2019_baocao.txt": {
        "province": "Hòa Bình",
        "period": "2019-H1",
        "figures": [
            ("task.planned", 32),
            ("task.completed", 14),
            ("inspection.planned", 12),
            ("inspection.done", 5),
            ("tthc.in_force", 1734),
            ("tthc.published", 212),
            ("tthc.amended", 97),
            ("tthc.abolished", 41),
            ("dossier.received", 185267),
            ("dossier.resolved", 178003),
            ("dossier.resolved_early", 96120),
            ("dossier.resolved_on_time", 80517),
            ("dossier.resolved_late", 1366),
            ("dossier.pending", 7264),
            ("dossier.pending_overdue", 85),
            ("service.online_level3", 1025),
            ("service.online_level4", 1),
            ("edoc.exchange_pct", 85.7),
            ("sipas.satisfaction_pct", 83.21, "2018"),
        ],
        "subunits": [
            ("dossier.received", 4118, "Sở Tư pháp"),
            ("dossier.on_time_pct", 100, "Sở Tư pháp"),
        ],
    },
    "tp_hcm_2021_tintuc.txt": {
        "province": "Hồ Chí Minh",
        "period": "2021",
        "figures": [
            ("dossier.received", 2000000),
            ("dossier.online", 1200000),
            ("dossier.on_time_pct", 98),
            ("dossier.digitised", 650000),
            ("par.total_points", 86.41, "2020"),
            ("sipas.satisfaction_pct", 82.5, "2020"),
            ("tthc.in_force", 1612),
        ],
        "subunits": [],
    },
    "nghe_an_9m2023_hoinghi.txt": {
        "province": "Nghệ An",
        "period": "2023-9M",
        "figures": [
            ("dossier.received", 1025640),
            ("dossier.resolved", 1001230),
            ("dossier.pending", 22410),  # stated, but breaks received = resolved + pending
            ("dossier.on_time_pct", 98.41),
            ("dossier.resolved_late", 15930),
            ("tthc.published", 198),
            ("tthc.abolished", 36),
            ("tthc.in_force", 1947),
        ],
        "subunits": [],
    },
    "da_nang_q3_2023.txt": {
        "province": "Đà Nẵng",
        "period": "2023-Q3",
        "figures": [
            ("dossier.received", 198456),
            ("dossier.online", 152118),
            ("dossier.resolved", 190210),
            ("dossier.resolved_early", 150332),
            ("dossier.resolved_on_time", 38921),
            ("dossier.resolved_late", 957),
            ("dossier.pending", 8246),
            ("service.online_level4", 1102),
        ],
        "subunits": [
            ("dossier.received", 25412, "Hải Châu"),
            ("dossier.resolved_late", 312, "Sở Xây dựng"),
            ("dossier.received", 120500, "Quảng Nam"),
        ],
    },
    "khong_ten_tinh_2022.txt": {
        "province": "",
        "period": "2022",
        "figures": [
            ("dossier.received", 356780),
            ("dossier.resolved", 350112),
            ("dossier.on_time_pct", 98.9),
            ("task.planned", 45),
            ("task.completed", 45),
        ],
        # a district name several provinces share (Châu Thành) says nothing of the province
        "subunits": [
            ("dossier.received", 8214, "Châu Thành"),
            ("onestop.units_with", 559, "cấp xã"),
            ("onestop.units_total", 559, "cấp xã"),
        ],
    },
    "tuyen_quang_h2_2025.txt": {
        "province": "Tuyên Quang",
        "period": "2025-H2",
        "figures": [
            ("dossier.received", 98320),
            ("dossier.resolved", 96005),
            ("dossier.pending", 2315),
            ("onestop.units_with", 124),
            ("onestop.units_total", 124),
        ],
        "subunits": [
            ("dossier.received", 30112, "Hà Giang"),
            ("dossier.received", 4020, "Minh Xuân"),
            ("dossier.resolved_early", 3811, "Minh Xuân"),
        ],
    },
    # The texts from here on were written and labelled before the extractor first ran on them
    # (three blind batches; first run: 70 of 73 found, 5 false); what they revealed was fixed
    # by general rules, not text by text.
    "lang_son_q1_2024_baolangson.txt": {
        "province": "Lạng Sơn",
        "period": "2024-Q1",
        "figures": [
            ("dossier.on_time_pct", 99.2),
            ("dossier.received", 62418),
            ("dossier.resolved", 58907),
            ("dossier.resolved_early", 41230),
            ("dossier.resolved_on_time", 17210),
            ("dossier.resolved_late", 467),
            ("dossier.pending", 3511),
            ("dossier.online", 28765),
            ("dossier.paid_online", 9812),
            ("tthc.in_force", 1898),
            ("service.online_level4", 1012),
            ("service.online_level3", 716),
            ("task.planned", 38),
            ("task.completed", 9),
            ("par.total_points", 87.12, "2023"),
        ],
        "subunits": [],
    },
    "soc_trang_2022_baocao.txt": {
        "province": "Sóc Trăng",
        "period": "2022",
        "figures": [
            ("legal.docs_on_time", 45),
            ("legal.docs_planned", 48),
            ("tthc.in_force", 1923),
            ("tthc.published", 486),
            ("dossier.received", 402336),
            ("dossier.resolved", 397851),
            ("dossier.on_time_pct", 99.33),
            ("dossier.resolved_late", 2647),
            ("dossier.pending", 4485),
            ("edoc.exchange_pct", 96.8),
            ("sipas.satisfaction_pct", 80.95),
        ],
        "subunits": [
            ("tthc.in_force", 1512, "cấp tỉnh"),
            ("tthc.in_force", 280, "cấp huyện"),
            ("tthc.in_force", 131, "cấp xã"),
        ],
    },
    "binh_dinh_h1_2022_baobinhdinh.txt": {
        "province": "Bình Định",
        "period": "2022-H1",
        "figures": [
            ("dossier.received", 180532),
            ("dossier.resolved", 172916),
            ("dossier.resolved_late", 1148),
            ("tthc.in_force", 1745),
            ("service.online_level4", 532),
            ("service.online_level3", 689),
            ("task.planned", 56),
            ("task.completed", 24),
        ],
        "subunits": [
            ("dossier.received", 41207, "Trung tâm Phục vụ"),
            ("dossier.on_time_pct", 99.1, "Trung tâm Phục vụ"),
            ("dossier.received", 15322, "Tài nguyên và Môi trường"),
        ],
    },
    "phu_tho_q1_2024.txt": {
        "province": "Phú Thọ",
        "period": "2024-Q1",
        "figures": [
            ("dossier.received", 45678),
            ("dossier.resolved", 44432),
            ("dossier.resolved_early", 30111),
            ("dossier.resolved_on_time", 14009),
            ("dossier.resolved_late", 312),
            ("dossier.pending", 1246),
            ("dossier.on_time_pct", 99.3),
            ("service.online_level4", 567),
            ("service.online_level3", 667),
            ("dossier.digitised", 23456),
            ("dossier.paid_online", 8765),
            ("inspection.done", 14),
            ("inspection.planned", 16),
            ("task.completed", 12),
            ("task.planned", 52),
            ("sipas.satisfaction_pct", 83.5, "2023"),
            ("staff.headcount", 3120),
        ],
        "subunits": [
            ("dossier.received", 9876, "Việt Trì"),
            ("dossier.received", 20100, "cấp xã"),  # "các xã, thị trấn": the level
        ],
    },
    "ca_mau_2023_chinhphu.txt": {
        "province": "Cà Mau",
        "period": "2023",
        "figures": [
            ("dossier.received", 300000),
            ("dossier.on_time_pct", 98),
            ("tthc.in_force", 1802),
            ("tthc.published", 356),
            ("tthc.abolished", 87),
            ("service.online_level4", 892),
            ("par.total_points", 84.12),
            ("sipas.satisfaction_pct", 81.36),
        ],
        "subunits": [("dossier.received", 250000, "Bạc Liêu")],
    },
    "hai_duong_2023_tongket.txt": {
        "province": "Hải Dương",
        "period": "2023",
        "figures": [
            ("dossier.received", 402115),
            ("dossier.resolved", 396470),
            ("dossier.resolved_early", 250116),
            ("dossier.resolved_on_time", 143902),
            ("dossier.resolved_late", 2452),
            ("dossier.pending", 5645),
            ("task.completed", 46),
            ("task.planned", 46),
            ("org.payroll_reduction_pct", 10.6),
        ],
        "subunits": [],
    },
    "an_giang_h1_2024.txt": {
        "province": "An Giang",
        "period": "2024-H1",
        "figures": [
            ("dossier.received", 318270),
            ("dossier.online", 153406),
            ("tthc.in_force", 1967),
            ("service.online_level4", 1120),
            ("sipas.satisfaction_pct", 82.06, "2023"),
        ],
        "subunits": [
            ("dossier.received", 52318, "Trung tâm Phục vụ"),
            ("dossier.on_time_pct", 99.6, "Trung tâm Phục vụ"),
        ],
    },
}
FURNITURE_ONLY = ["chi_trang_phu_bac_giang.txt", "chi_trang_phu_bao_dien_tu.txt"]


def _key(indicator: str, value: float, period: str) -> tuple[str, float, str]:
    return (indicator, round(float(value), 4), period)


def _scores(found: set, expected: set) -> tuple[float, float]:
    hits = len(found & expected)
    recall = hits / len(expected) if expected else 1.0
    precision = hits / len(found) if found else 1.0
    return recall, precision


@pytest.fixture(scope="module")
def extractions() -> dict[str, object]:
    """Every labelled text extracted once (each on its own)."""
    return {name: extract_files([FIXTURES / name]) for name in [*LABELS, *FURNITURE_ONLY]}


@pytest.mark.parametrize("name", list(LABELS))
def test_recall_and_precision_per_text(name, extractions):
    label = LABELS[name]
    result = extractions[name]
    doc = result.documents[0]
    assert (doc.province, doc.period) == (label["province"], label["period"])
    # what was found at province level, including figures held back for contradicting others
    found = {_key(f.indicator, f.value, f.period) for f in result.figures + result.held_back}
    expected = {
        _key(item[0], item[1], item[2] if len(item) > 2 else label["period"])
        for item in label["figures"]
    }
    recall, precision = _scores(found, expected)
    print(f"{name}: recall {recall:.2f} precision {precision:.2f} ({len(expected)} labelled)")
    assert found - expected == set(), "false figures"
    assert expected - found == set(), "missed figures"
    assert all(f.province == label["province"] for f in result.figures)


@pytest.mark.parametrize("name", list(LABELS))
def test_subunit_figures_are_kept_apart(name, extractions):
    result = extractions[name]
    got = sorted((f.indicator, f.value) for f in result.subunits)
    assert got == sorted((i, float(v)) for i, v, _ in LABELS[name]["subunits"])
    for indicator, value, word in LABELS[name]["subunits"]:
        row = next(f for f in result.subunits if (f.indicator, f.value) == (indicator, value))
        assert word in row.scope and row.scope != "province"
    assert all(f.scope == "province" for f in result.figures)


def test_overall_scores_are_printed(extractions):
    found, expected = set(), set()
    for name, label in LABELS.items():
        result = extractions[name]
        found |= {(name, *_key(f.indicator, f.value, f.period)) for f in result.figures}
        found |= {(name, *_key(f.indicator, f.value, f.period)) for f in result.held_back}
        expected |= {
            (name, *_key(i[0], i[1], i[2] if len(i) > 2 else label["period"]))
            for i in label["figures"]
        }
    recall, precision = _scores(found, expected)
    print(f"all texts: recall {recall:.3f} precision {precision:.3f} ({len(expected)} figures)")
    assert recall == precision == 1.0


@pytest.mark.parametrize("name", FURNITURE_ONLY)
def test_furniture_only_page_gives_no_rows(name, extractions):
    result = extractions[name]
    assert result.figures == result.subunits == result.held_back == []


# -------------------------------------------------------------------------- no false figures

TRAPS = {
    "date": "Ngày 15/10/2023, tỉnh tiếp nhận hồ sơ của người dân tại Bộ phận Một cửa.",
    "deadline": "Hồ sơ tiếp nhận trước ngày 30/6 được giải quyết trong ngày.",
    "decision number": "Quyết định 766/QĐ-TTg quy định việc đánh giá hồ sơ giải quyết đúng hạn.",
    "notice number": "Thực hiện Thông báo số 1234 về tiếp nhận hồ sơ trực tuyến.",
    "plan number": "Theo Kế hoạch 05, tỉnh triển khai các nhiệm vụ cải cách hành chính.",
    "plan with code": "Kế hoạch số 125/KH-UBND đề ra các nhiệm vụ CCHC trọng tâm.",
    "visit counter": "Lượt truy cập: 12.345",
    "rating": "Đánh giá: 4,5/5 (128 lượt)",
    "statistics": "Thống kê: 2.345.678",
    "online now": "Đang online: 123",
    "share buttons": "Chia sẻ: Facebook (12) | Zalo (5) | In bài",
    "phone": "Đường dây nóng tiếp nhận phản ánh về hồ sơ: 0203.3835.118",
    "hotline": "Tổng đài hỗ trợ nộp hồ sơ trực tuyến 1900 1234.",
    "mobile": "Liên hệ tiếp nhận hồ sơ: 0912 345 678.",
    "year": "Năm 2023 tỉnh tiếp nhận hồ sơ qua Cổng dịch vụ công.",
    "rank": "Chỉ số PAR INDEX của tỉnh xếp thứ 15/63 tỉnh, thành phố.",
    "change": "Số hồ sơ tiếp nhận tăng 12% so với năm 2022, giảm 2.345 hồ sơ quá hạn.",
    "comparison": "Cùng kỳ năm 2022, tỉnh tiếp nhận 450.112 hồ sơ.",
    "target": "Phấn đấu năm 2024 có 80% hồ sơ được tiếp nhận trực tuyến.",
    "per day": "Mỗi ngày, Trung tâm tiếp nhận khoảng 400 hồ sơ.",
    "licence": "Giấy phép số 35/GP-TTĐT ngày 12/3/2019 của Bộ Thông tin và Truyền thông.",
    "url": "Tra cứu hồ sơ tại https://dichvucong.quangninh.gov.vn/ho-so/2023.",
    "time": "Bộ phận một cửa tiếp nhận hồ sơ từ 7h30 đến 17h00.",
    "rate per month": "Bình quân mỗi tháng tỉnh tiếp nhận 50.000 hồ sơ.",
    "unknown noun": "Tổng đài đã tiếp nhận 12.500 cuộc gọi của người dân.",
}


@pytest.mark.parametrize("trap", list(TRAPS))
def test_no_false_figures(trap):
    result = extract_text(TRAPS[trap], province="Quảng Ninh", period="2023-9M")
    assert result.figures == result.subunits == [], trap


def test_a_figure_of_a_span_is_kept_without_a_period_and_says_why():
    # a span of years is no reporting period: the figure is kept (nothing read is lost) with
    # an empty period that validation names, never the period forced for the text
    result = extract_text(
        "Giai đoạn 2016-2020, tỉnh tiếp nhận 2.512.304 hồ sơ.",
        province="Quảng Ninh",
        period="2023-9M",
    )
    assert [(f.period, f.indicator, f.value) for f in result.figures] == [
        ("", "dossier.received", 2512304.0)
    ]
    assert "not a reporting period" in result.figures[0].note
    assert any(w.rule == "extract_unsupported_period" for w in result.warnings)


def test_a_month_figure_keeps_its_month_under_a_forced_period():
    # September's figure is not the nine months' figure, whatever --period says
    result = extract_text(
        "Tháng 9/2023, tỉnh tiếp nhận 55.210 hồ sơ.", province="Quảng Ninh", period="2023-9M"
    )
    assert [(f.period, f.indicator, f.value) for f in result.figures] == [
        ("2023-M09", "dossier.received", 55210.0)
    ]


def test_related_articles_after_the_body_are_not_read():
    text = (
        "Quảng Ninh: kết quả CCHC năm 2022\n"
        "Năm 2022, toàn tỉnh tiếp nhận 600.512 hồ sơ.\n"
        "Tin liên quan\n"
        "Hải Phòng tiếp nhận 700.000 hồ sơ trực tuyến năm 2022\n"
        "Hoàn thành 28/40 nhiệm vụ cải cách hành chính\n"
    )
    result = extract_text(text)
    assert [(f.province, f.indicator, f.value) for f in result.figures] == [
        ("Quảng Ninh", "dossier.received", 600512.0)
    ]


# -------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("text", "value"),
    [("512.304", 512304), ("70,25", 70.25), ("1.234,5", 1234.5), ("01", 1), ("2.345.678", 2345678)],
)
def test_vietnamese_numbers(text, value):
    assert parse_vi_number(text) == value


def test_not_numbers():
    assert parse_vi_number("0203.3835.118") is None
    assert parse_vi_number("12.3456") is None


def test_bounds_and_approximations_are_recorded_as_such():
    text = (
        "Năm 2023, tỉnh tiếp nhận trên 2 triệu hồ sơ; gần 1,2 triệu hồ sơ được nộp trực tuyến; "
        "tỷ lệ giải quyết đúng hạn đạt khoảng 98%."
    )
    result = extract_text(text, province="Hà Nội")
    got = {f.indicator: (f.value, f.bound, f.note) for f in result.figures}
    assert got["dossier.received"] == (2_000_000, "lower", "lower bound")
    assert got["dossier.online"] == (1_200_000, "approx", "approximate")
    assert got["dossier.on_time_pct"] == (98, "approx", "approximate")
    exact = extract_text("Năm 2023, tỉnh tiếp nhận 2.000.000 hồ sơ.", province="Hà Nội").figures
    assert all(f.confidence > g.confidence for f in exact for g in result.figures)


def test_a_decimal_point_is_read_too():
    text = "Năm 2023, tỷ lệ hồ sơ giải quyết đúng hạn đạt 99.5%; tiếp nhận 1.5 triệu hồ sơ."
    got = {f.indicator: f.value for f in extract_text(text, province="Hà Nội").figures}
    assert got == {"dossier.on_time_pct": 99.5, "dossier.received": 1_500_000}


def test_nationwide_and_other_province_figures_are_kept_apart():
    text = (
        "Quảng Ninh: năm 2023, tỷ lệ hồ sơ giải quyết đúng hạn toàn quốc đạt 98,5%; toàn tỉnh "
        "đạt 99,1%. Cùng năm, tỉnh Hải Phòng tiếp nhận 700.000 hồ sơ."
    )
    result = extract_text(text)
    assert [(f.indicator, f.value) for f in result.figures] == [("dossier.on_time_pct", 99.1)]
    assert {(f.scope, f.value) for f in result.subunits} == {
        ("toàn quốc", 98.5),
        ("tỉnh Hải Phòng", 700000),
    }


def test_a_rank_does_not_hide_the_value_next_to_it():
    text = "Năm 2023, Chỉ số CCHC của tỉnh xếp thứ 5 cả nước, đạt 91,2%."
    got = [(f.indicator, f.value) for f in extract_text(text, province="Quảng Ninh").figures]
    assert got == [("par.total_points", 91.2)]
    average = "Năm 2023, giá trị trung bình Chỉ số CCHC cả nước đạt 86,2%."
    assert extract_text(average, province="Quảng Ninh").figures == []


def test_pairs_leading_zeros_and_offsets():
    text = (
        "Năm 2023, Bắc Ninh hoàn thành 28/40 nhiệm vụ; Bộ phận Một cửa hoạt động tại 120/125 xã; "
        "quá hạn 1.210/512.304 hồ sơ; cung cấp 01 dịch vụ công trực tuyến toàn trình."
    )
    result = extract_text(text)
    got = {f.indicator: f.value for f in result.figures}
    assert got == {
        "task.completed": 28,
        "task.planned": 40,
        "dossier.resolved_late": 1210,
        "dossier.received": 512304,
        "service.online_level4": 1,
    }
    # desks counted at the communes are that level's
    assert {(f.indicator, f.value, f.scope) for f in result.subunits} == {
        ("onestop.units_with", 120, "cấp xã"),
        ("onestop.units_total", 125, "cấp xã"),
    }
    for f in [*result.figures, *result.subunits]:  # offsets point at the number as written
        assert parse_vi_number(text[f.char_start : f.char_end]) == f.value
        assert f.evidence == text and f.line == 1
    late = next(f for f in result.figures if f.indicator == "dossier.resolved_late")
    assert text[late.char_start : late.char_end] == "1.210"
    received = next(f for f in result.figures if f.indicator == "dossier.received")
    assert text[received.char_start : received.char_end] == "512.304"


# -------------------------------------------------------------------------- province and period


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("Kết quả CCHC 6 tháng đầu năm 2019 của tỉnh", "2019-H1"),
        ("Trong 9 tháng năm 2023, toàn tỉnh tiếp nhận hồ sơ", "2023-9M"),
        ("Năm 2021, tỉnh đã hoàn thành các nhiệm vụ", "2021"),
        ("Kết quả giải quyết TTHC quý III/2023", "2023-Q3"),
        ("Ngày 15/10/2023, UBND tỉnh sơ kết công tác CCHC 9 tháng đầu năm.", "2023-9M"),
        ("Ngày 10/01/2024, tỉnh tổng kết công tác CCHC 6 tháng cuối năm.", "2023-H2"),
        ("Kỳ báo cáo từ ngày 15/12/2022 đến ngày 14/6/2023.", "2023-H1"),
        (
            "Tăng 12% so với cùng kỳ năm 2022. Trong 9 tháng năm 2023, tỉnh tiếp nhận hồ sơ",
            "2023-9M",
        ),
        ("Từ đầu năm đến ngày 15/9/2023, tỉnh tiếp nhận hồ sơ.", "2023-9M"),
        ("Kết quả CCHC năm 2023\nTrong 9 tháng năm 2023, toàn tỉnh tiếp nhận hồ sơ.", "2023-9M"),
        (
            "Kết quả CCHC năm 2023\nNăm 2023, toàn tỉnh tiếp nhận hồ sơ; riêng quý IV ít hơn.",
            "2023",
        ),
    ],
)
def test_period_from_the_text(text, period):
    found, how = detect_period(text)
    assert str(found) == period, how


def test_no_period_says_so():
    assert detect_period("Tỉnh tiếp nhận hồ sơ tại Bộ phận Một cửa.")[0] is None


@pytest.mark.parametrize(
    ("text", "province"),
    [
        ("UBND tỉnh Hòa Bình tổ chức hội nghị sơ kết công tác CCHC.", "Hòa Bình"),
        ("Sở Nội vụ tỉnh Lạng Sơn cho biết kết quả CCHC.", "Lạng Sơn"),
        ("Hoà Bình: kết quả cải cách hành chính năm 2021", "Hòa Bình"),
        ("TP.HCM đẩy mạnh cải cách hành chính", "Hồ Chí Minh"),
        ("Cổng thông tin điện tử thành phố Đà Nẵng đưa tin về CCHC.", "Đà Nẵng"),
    ],
)
def test_province_from_the_text(text, province):
    found, how, _ = detect_province(text, "2023")
    assert found is not None and found.name_vi == province, how


@pytest.mark.parametrize(
    "text",
    [
        "Toàn tỉnh tiếp nhận 56.039 hồ sơ trong quý I.",  # names none
        "Tỉnh Quảng Ninh và tỉnh Hải Phòng ký kết hợp tác về CCHC.",  # two, neither leading
        "Phóng viên: Nguyễn Thị Huế",  # a person's name, not the province
    ],
)
def test_province_is_never_guessed(text):
    assert detect_province(text, "2023")[0] is None


def test_options_override_the_text():
    text = "Quảng Ninh: 9 tháng năm 2023 toàn tỉnh tiếp nhận 512.304 hồ sơ."
    result = extract_text(text, province="Hải Dương", period="2023-H1")
    assert [(f.province, f.period) for f in result.figures] == [("Hải Dương", "2023-H1")]
    assert result.documents[0].province_how == "option --province"


def test_a_sentence_naming_its_own_period_keeps_it():
    text = (
        "Quảng Ninh: kết quả CCHC 9 tháng năm 2023\n"
        "Năm 2022, Chỉ số cải cách hành chính (PAR INDEX) của tỉnh đạt 93,16%, xếp thứ 1/63.\n"
        "Toàn tỉnh tiếp nhận 512.304 hồ sơ.\n"
    )
    got = {(f.indicator, f.period) for f in extract_text(text).figures}
    assert got == {("par.total_points", "2022"), ("dossier.received", "2023-9M")}


# -------------------------------------------------------------------------- cross-checks


def test_identities_and_stated_shares_are_checked(extractions):
    result = extractions["nghe_an_9m2023_hoinghi.txt"]
    rules = {w.rule for w in result.warnings}
    assert "extract_identity:dossier_received_parts" in rules
    assert "extract_share_mismatch" in rules  # 15.930 quá hạn is not 1,2% of 1.001.230
    assert [(f.indicator, f.value) for f in result.held_back] == [("dossier.pending", 22410)]
    clean = extractions["quang_ninh_9m2023.txt"]
    assert [w.rule for w in clean.warnings] == []  # 1.210/498.560 = 0,24%; identities hold


def test_cross_check_function_reports_identities_without_holding_back(extractions):
    figures = [*extractions["nghe_an_9m2023_hoinghi.txt"].figures]
    figures += extractions["nghe_an_9m2023_hoinghi.txt"].held_back
    warnings = cross_check(figures)
    assert [w.rule for w in warnings] == ["extract_identity:dossier_received_parts"]
    assert warnings[0].severity == "warning" and "1.025.640" in warnings[0].message_vi


def test_keep_conflicts_writes_every_figure():
    path = FIXTURES / "nghe_an_9m2023_hoinghi.txt"
    result = extract_files([path], keep_conflicts=True)
    assert ("dossier.pending", 22410) in {(f.indicator, f.value) for f in result.figures}
    assert result.held_back == []


def test_two_texts_with_different_values_keep_the_first(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("UBND tỉnh Nam Định: năm 2022 toàn tỉnh tiếp nhận 300.125 hồ sơ.", "utf-8")
    b.write_text("UBND tỉnh Nam Định: năm 2022 toàn tỉnh tiếp nhận 301.990 hồ sơ.", "utf-8")
    result = extract_files([a, b])
    assert [(f.file, f.value) for f in result.figures] == [(str(a), 300125.0)]
    assert [w.rule for w in result.warnings] == ["extract_conflicting_values"]


# -------------------------------------------------------------------------- files and validation


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1258", "nfd"])
def test_encodings_as_the_table_readers(tmp_path, encoding):
    source = FIXTURES / "da_nang_q3_2023.txt"
    text = source.read_text("utf-8")
    path = tmp_path / f"{encoding}.txt"
    if encoding == "nfd":
        path.write_bytes(unicodedata.normalize("NFD", text).encode("utf-8"))
    elif encoding == "cp1258":
        path.write_bytes(_cp1258(text))
    else:
        path.write_bytes(text.encode(encoding))
    ours = extract_files([path]).figures
    reference = extract_files([source]).figures
    assert [(f.indicator, f.value, f.char_start) for f in ours] == [
        (f.indicator, f.value, f.char_start) for f in reference
    ]


def _cp1258(text: str) -> bytes:
    """Windows-1258 bytes of a text: base letters with their hat/breve/horn precomposed, tone
    marks as combining characters (as Vietnamese Windows software writes them)."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        try:
            out.append(ch.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        tones = [c for c in parts if c in "\u0300\u0301\u0303\u0309\u0323"]
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append((base + "".join(tones)).encode("cp1258"))
    return b"".join(out)


def test_written_table_loads_and_its_dossier_rows_validate(tmp_path, extractions):
    from cchc_analysis.read.load import load_indicators
    from cchc_analysis.validate.indicators import validate_indicators
    from cchc_analysis.validate.rules import FAILURE_COLUMNS

    paths = [FIXTURES / name for name, label in LABELS.items() if label["province"]]
    result = extract_files(paths)
    written = write_extraction(result, tmp_path / "out.csv")
    assert written == sibling_paths(tmp_path / "out.csv")
    table = pl.read_csv(written["figures"], infer_schema=False)
    assert table.columns == list(FIGURE_COLUMNS)
    warnings = pl.read_csv(written["warnings"], infer_schema=False)
    assert warnings.columns == list(WARNING_COLUMNS) == list(FAILURE_COLUMNS)
    assert pl.read_csv(written["subunits"], infer_schema=False)["scope"].to_list()
    held = pl.read_csv(written["held_back"], infer_schema=False)
    assert held.columns == list(FIGURE_COLUMNS) and held.height == len(result.held_back)
    frame = load_indicators(written["figures"])
    assert frame.height == table.height and frame["value"].null_count() == 0
    assert frame["province_problem"].null_count() == frame.height
    dossier = frame.filter(pl.col("indicator").str.starts_with("dossier."))
    assert dossier.height >= 60 and dossier["province"].n_unique() == len(paths)
    outcome = validate_indicators(frame)
    errors = outcome.failures.filter(pl.col("severity") == "error")
    assert errors.is_empty(), errors.select("rule", "indicator", "message_en").to_dicts()


def test_cli_extract(tmp_path):
    from typer.testing import CliRunner

    from cchc_analysis.cli import app

    out = tmp_path / "figures.csv"
    files = [FIXTURES / "quang_ninh_9m2023.txt", FIXTURES / "khong_ten_tinh_2022.txt"]
    done = CliRunner().invoke(app, ["extract", *map(str, files), "--out", str(out)])
    assert done.exit_code == 0, done.output
    assert "pass --province" in done.output  # the text that names no province
    table = pl.read_csv(out, infer_schema=False)
    assert set(table["province"].fill_null("")) == {"Quảng Ninh", ""}
    forced = CliRunner().invoke(
        app,
        ["extract", str(files[1]), "--out", str(out), "--province", "Thanh Hóa"],
    )
    assert forced.exit_code == 0, forced.output
    assert set(pl.read_csv(out, infer_schema=False)["province"]) == {"Thanh Hóa"}
    missing = CliRunner().invoke(app, ["extract", str(tmp_path / "nope.txt"), "--out", str(out)])
    assert missing.exit_code == 1


def test_fold_keeps_offsets():
    text = "Tiếp nhận 512.304 hồ sơ, Đúng hạn"
    assert fold(text) == "tiep nhan 512.304 ho so, dung han"
    assert len(fold(unicodedata.normalize("NFD", text))) == len(unicodedata.normalize("NFD", text))
    assert codecs.lookup("cp1258")  # the test helper above needs the codec


def test_a_figure_held_back_is_written_beside_the_table(tmp_path):
    text = (
        "Tỉnh Hà Nam năm 2023\n"
        "Năm 2023, toàn tỉnh tiếp nhận 120.000 hồ sơ. Cuối năm, toàn tỉnh tiếp nhận 150.000 hồ sơ."
    )
    source = tmp_path / "ha_nam.txt"
    source.write_text(text, encoding="utf-8")
    result = extract_files([source])
    written = write_extraction(result, tmp_path / "out.csv")
    table = pl.read_csv(written["figures"], infer_schema=False)
    held = pl.read_csv(written["held_back"], infer_schema=False)
    assert table["value"].to_list() == ["120000"]
    assert held["value"].to_list() == ["150000"] and held["indicator"].to_list() == [
        "dossier.received"
    ]


def test_cli_extract_says_which_rows_have_no_reporting_period(tmp_path):
    from typer.testing import CliRunner

    from cchc_analysis.cli import app

    text = tmp_path / "nam_dinh.txt"
    text.write_text(
        "Tỉnh Nam Định năm 2023\nNăm 2023, tỉnh Nam Định tiếp nhận 150.000 hồ sơ. Trong 10 tháng "
        "năm 2023, tỉnh tiếp nhận 120.345 hồ sơ.",
        encoding="utf-8",
    )
    out = tmp_path / "figures.csv"
    done = CliRunner().invoke(app, ["extract", str(text), "--out", str(out)])
    assert done.exit_code == 0, done.output
    assert "1 row(s) of a span that is no reporting period" in done.output
    table = pl.read_csv(out, infer_schema=False)
    assert sorted(table["period"].fill_null("").to_list()) == ["", "2023"]
