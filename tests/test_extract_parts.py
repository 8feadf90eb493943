"""Parts of a total listed in the sentence after it (our own sentences)."""

from __future__ import annotations

import pytest

from cchc_analysis.extract import extract_text


def _found(text: str) -> set[tuple[str, float, str]]:
    result = extract_text(text)
    return {(f.indicator, f.value, f.scope) for f in result.figures + result.subunits}


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (
            "Bình Dương năm 2024\nNăm 2024, UBND tỉnh Bình Dương đã công bố 1.900 thủ tục hành "
            "chính. Trong đó, cấp tỉnh 1.400 thủ tục; cấp huyện 235 thủ tục; cấp xã 140 thủ tục.",
            {
                ("tthc.published", 1400.0, "cấp tỉnh"),
                ("tthc.published", 235.0, "cấp huyện"),
                ("tthc.published", 140.0, "cấp xã"),
            },
        ),
        (  # two totals before: the parts are of the one they add up to
            "Sơn La quý I/2024\nQuý I/2024, toàn tỉnh tiếp nhận 45.000 hồ sơ, đã giải quyết "
            "44.000 hồ sơ. Trong đó, cấp tỉnh 12.000 hồ sơ, cấp huyện 15.000 hồ sơ, cấp xã 18.000 "
            "hồ sơ.",
            {
                ("dossier.received", 12000.0, "cấp tỉnh"),
                ("dossier.received", 15000.0, "cấp huyện"),
                ("dossier.received", 18000.0, "cấp xã"),
            },
        ),
        (  # units, not levels
            "Sơn La quý I/2024\nQuý I/2024, toàn tỉnh tiếp nhận 45.000 hồ sơ. Trong đó, Sở Tư pháp "
            "1.200 hồ sơ; huyện Mộc Châu 3.400 hồ sơ.",
            {
                ("dossier.received", 1200.0, "Sở Tư pháp"),
                ("dossier.received", 3400.0, "huyện Mộc Châu"),
            },
        ),
        (  # English: the level after its count
            "Binh Duong 2024\nIn 2024, Binh Duong province published 1,900 administrative "
            "procedures. Among them, there are nearly 1,400 provincial-level procedures; 235 at "
            "the district level, over 140 at the communal level.",
            {
                ("tthc.published", 1400.0, "cấp tỉnh"),
                ("tthc.published", 235.0, "cấp huyện"),
                ("tthc.published", 140.0, "cấp xã"),
            },
        ),
    ],
)
def test_the_parts_after_a_total_are_the_levels_or_units_share(
    text: str, parts: set[tuple[str, float, str]]
) -> None:
    assert parts <= _found(text)


def test_parts_larger_than_the_total_before_are_of_another_total() -> None:
    # 2.000 + 500 are parts of the 2.500 services, which is no catalogue figure, not of the
    # 1.300 services offered in part online
    text = (
        "Cà Mau năm 2025\nNăm 2025, tỉnh Cà Mau có 2.500 dịch vụ công trực tuyến (1.200 dịch vụ "
        "toàn trình và 1.300 dịch vụ một phần). Trong đó, cấp tỉnh có 2.000 dịch vụ và cấp xã "
        "có 500 dịch vụ."
    )
    found = _found(text)
    assert not {v for _, v, _ in found} & {2000.0, 500.0}


def test_one_number_after_a_level_is_no_list_of_parts() -> None:
    text = (
        "Sơn La quý I/2024\nQuý I/2024, toàn tỉnh tiếp nhận 45.000 hồ sơ. Trong đó, riêng cấp xã "
        "chưa có báo cáo của 12 xã."
    )
    assert _found(text) == {("dossier.received", 45000.0, "province")}
