"""A text's province from the district-level unit it names, when it names no province.

The texts are ours; the units come from data/districts_2025.csv (the GSO list of 2025)."""

from __future__ import annotations

import polars as pl
import pytest

from cchc_analysis.extract import extract_text


@pytest.mark.parametrize(
    ("text", "province"),
    [
        (  # a provincial city opening the headline, bare
            "Đà Lạt: tỷ lệ giải quyết hồ sơ năm 2023 đạt 99,62%\n"
            "Năm 2023, thành phố tiếp nhận 45.000 hồ sơ.",
            "Lâm Đồng",
        ),
        (  # a town named inside the headline
            "Quý III, Hội An giải quyết 10.455 hồ sơ\n"
            "Trong quý III/2023, Bộ phận Một cửa thành phố tiếp nhận 10.500 hồ sơ.",
            "Quảng Nam",
        ),
        (  # a district by its kind, in the body
            "Kết quả cải cách hành chính năm 2023\nNăm 2023, huyện Tiên Yên tiếp nhận 12.000 hồ sơ.",
            "Quảng Ninh",
        ),
        (  # English
            "Phu Giao District settlement rate reaches 98%\n"
            "In 2023, Phu Giao District received 20,000 dossiers.",
            "Bình Dương",
        ),
        (  # after the merger, the province that absorbed the district's province
            "Kết quả tháng 8/2025\nTháng 8/2025, huyện Đam Rông tiếp nhận 1.200 hồ sơ.",
            "Lâm Đồng",
        ),
    ],
)
def test_the_province_of_the_district_named(text: str, province: str) -> None:
    info = extract_text(text).documents[0]
    assert info.province == province
    assert "district" in info.province_how


@pytest.mark.parametrize(
    "text",
    [
        # a name several provinces share
        "Kết quả năm 2023\nNăm 2023, huyện Châu Thành tiếp nhận 12.000 hồ sơ.",
        # districts of two provinces
        "Kết quả năm 2023\nNăm 2023, huyện Tiên Yên tiếp nhận 12.000 hồ sơ; huyện Đức Trọng 8.000.",
        # no period: a district of a province renamed by the merger could be of either
        "Kết quả cải cách hành chính\nHuyện Lạc Sơn tiếp nhận 3.000 hồ sơ.",
        # a person's name is no district: a title says so, and a district goes by its kind
        "Bà Hội An: năm 2023 đã tiếp nhận 3.000 hồ sơ\nTrung tâm đã tiếp nhận 3.000 hồ sơ.",
        "Thanh Hà nói về cải cách hành chính năm 2023\nTrung tâm đã tiếp nhận 3.000 hồ sơ.",
    ],
)
def test_no_province_when_the_districts_do_not_settle_it(text: str) -> None:
    assert extract_text(text).documents[0].province == ""


def test_a_named_province_still_wins() -> None:
    text = "Đà Lạt và tỉnh Khánh Hòa\nNăm 2023, tỉnh Khánh Hòa tiếp nhận 50.000 hồ sơ."
    assert extract_text(text).documents[0].province == "Khánh Hòa"


def test_the_district_list_is_the_gso_list_of_2025() -> None:
    from importlib import resources

    table = pl.read_csv(
        (resources.files("cchc_analysis") / "data" / "districts_2025.csv").read_bytes(),
        infer_schema=False,
    )
    assert table.height == 696  # before district level was abolished on 1 July 2025
    assert table["province_code"].n_unique() == 63
    assert set(table["district_type"]) == {"Huyện", "Quận", "Thị xã", "Thành phố"}
    assert table.filter(pl.col("district") == "Đà Lạt")["province"].to_list() == ["Lâm Đồng"]


def test_a_text_about_a_district_gives_it_its_figures() -> None:
    text = (
        "Đà Lạt: tỷ lệ giải quyết hồ sơ năm 2023 đạt 99,62%\n"
        "Năm 2023, thành phố tiếp nhận 45.000 hồ sơ, giải quyết đúng hạn đạt 99,62%."
    )
    result = extract_text(text)
    assert {(f.scope, f.province) for f in result.figures + result.subunits} == {
        ("Đà Lạt", "Lâm Đồng")
    }
    assert not result.figures  # the city's figures are kept apart from the province's
