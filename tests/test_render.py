"""One province rendered by Papermill into a temporary folder, then checked as a reader would."""

import re

import pytest

from cchc_analysis.pipeline import run_score, run_validate
from cchc_analysis.render import render_province


@pytest.fixture(scope="module")
def processed(tmp_path_factory, three_province_csv):
    folder = tmp_path_factory.mktemp("processed")
    assert run_validate([three_province_csv], folder, folder).ok
    run_score(folder / "indicators.parquet", "par-index-illustrative", folder)
    return folder


@pytest.mark.slow
@pytest.mark.parametrize(
    ("province", "lang", "expect"),
    [
        (
            "Tỉnh Phú Thọ",
            "vi",
            ["Tỉnh Phú Thọ", "DỮ LIỆU TỔNG HỢP", "Vĩnh Phúc", "hạng", "trước sáp nhập"],
        ),
        (
            "HANOI",
            "en",
            [
                "Ha Noi",
                "SYNTHETIC DATA",
                "rank",
                "Illustrative rubric",
                "own 2024, re-ranked among the 3 provinces after the merger",
            ],
        ),
    ],
)
def test_a_report_renders_offline_with_charts_and_banner(
    tmp_path, processed, province, lang, expect
):
    path = render_province(province, 2025, processed, tmp_path, lang)
    page = path.read_text(encoding="utf-8")
    assert path.name in {"25-phu_tho.html", "01-ha_noi.html"}
    assert page.count("<svg") >= 3  # profile, ranking, trend
    assert re.search(r'<(script|link|img)[^>]+(src|href)="https?:', page) is None
    assert "<pre" not in page or "Traceback" not in page  # no error output
    for phrase in expect:
        assert phrase in page, phrase
    assert (tmp_path / "notebooks" / path.with_suffix(".ipynb").name).exists()


@pytest.mark.slow
def test_a_merged_province_is_compared_with_its_predecessors(tmp_path, processed):
    page = render_province("Phú Thọ", 2025, processed, tmp_path, "en").read_text(encoding="utf-8")
    sentence = re.search(
        r"Compared with 2024 for the predecessor provinces combined \(([^)]*)\)", page
    )
    assert sentence is not None
    assert sorted(sentence.group(1).split(", ")) == ["Hòa Bình", "Phú Thọ", "Vĩnh Phúc"]
    assert "re-ranked among the 3 new provinces" in page  # the fixture has 3 in 2025
