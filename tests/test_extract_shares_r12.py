"""A count restating a share of digitised dossiers ("tỷ lệ số hóa … đạt 71%, với 98.100/
138.200 hồ sơ") is the dossiers digitised, as a count after an online share is the dossiers filed
online. Sentences written for this test."""

from __future__ import annotations

import pytest

from cchc_analysis.extract import extract_text


@pytest.mark.parametrize(
    "sentence",
    [
        "Năm 2022, tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính đạt tỷ lệ 71%, "
        "với 98.100/138.200 hồ sơ.",
        "Năm 2022, tỷ lệ số hóa hồ sơ đạt 71%, với 98.100/138.200 hồ sơ.",
        "Năm 2022, tỷ lệ số hóa hồ sơ đạt 71% (98.100 hồ sơ).",
    ],
)
def test_the_count_after_a_digitised_share_is_the_dossiers_digitised(sentence):
    result = extract_text("Tin tỉnh Hà Nam\n\n" + sentence + "\n")
    got = {(f.indicator, f.value) for f in result.figures}
    assert ("dossier.digitised", 98100.0) in got
    assert not any(f.indicator.startswith("_") for f in result.figures)  # the share is internal


def test_a_digitised_share_alone_gives_no_count():
    result = extract_text("Tin tỉnh Hà Nam\n\nNăm 2022, tỷ lệ số hóa hồ sơ đạt 71%.\n")
    assert result.figures == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (  # returned late is resolved late, even after "vẫn còn"
            "Trong 6 tháng đầu năm 2023, vẫn còn 1.150 hồ sơ bị trả quá hạn, chiếm 1,2%.",
            {("dossier.resolved_late", 1150.0)},
        ),
        (  # dossiers settled online, of the whole: a pair of online and received
            "Năm 2022, toàn tỉnh có 31.500/250.400 hồ sơ giải quyết trực tuyến.",
            {("dossier.online", 31500.0), ("dossier.received", 250400.0)},
        ),
    ],
)
def test_round_12_vietnamese_phrasings(sentence, expected):
    result = extract_text("Tin tỉnh Hà Nam\n\n" + sentence + "\n")
    assert {(f.indicator, f.value) for f in result.figures} == expected
