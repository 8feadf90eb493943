"""Index scores said every way the sentence shapes of provincial news combine: each index's
names × the words around the province × how the score is written × the rank said beside it,
in sentences written for this test. Each sentence must give its score, under its index, and
nothing else. Also profiles of one province's PCI year by year, as tables and as sections."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from cchc_analysis.extract import extract_files, extract_text


def _scores(text: str) -> set[tuple[str, float]]:
    return {(f.indicator, round(f.value, 2)) for f in extract_text(text).figures}


# ---------------------------------------------------------------- English

_EN_NAMES = {
    "par.total_points": [
        "the Public Administration Reform Index (PAR Index)",
        "the Public Administration Reform (PAR) Index",
        "the administrative reform index",
        "its PAR INDEX",
    ],
    "sipas.satisfaction_pct": [
        "the Satisfaction Index of Public Administrative Services (SIPAS)",
        "the SIPAS index",
    ],
    "service.index_points": ["the index of serving people and businesses"],
}
_EN_VALUES = {
    "par.total_points": ["89.52%", "89.52 points", "89.52 per cent"],
    "sipas.satisfaction_pct": ["89.52%", "89.52 percent"],
    "service.index_points": ["89.52 points", "89.52/100 points"],
}
_EN_SHAPES = [
    "{Subj} scored {val} in {idx} 2023{rank}.",
    "{Subj} achieved {val} in {idx} in 2023{rank}.",
    "{Subj} earned {val} in {idx} 2023{rank}.",
    "{Subj}'s score in {idx} 2023 was {val}{rank}.",
    "According to {idx} 2023, {subj} got {val}{rank}.",
    "With {val}, {subj} ranked 5th out of 63 in {idx} 2023.",
    "With {val}, {subj} ranked fifth out of 63 in {idx} 2023.",
]
_EN_SUBJECTS = ["Quang Ninh province", "the province"]
_EN_RANKS = ["", ", ranking 5th out of 63 provinces and cities", ", up three places from 2022"]


def _english_cases():
    for indicator, names in _EN_NAMES.items():
        for shape, name, value, subject, rank in itertools.product(
            _EN_SHAPES, names, _EN_VALUES[indicator], _EN_SUBJECTS, _EN_RANKS
        ):
            if rank and "ranked" in shape:
                continue
            sentence = shape.format(
                idx=name,
                subj=subject,
                Subj=subject[0].upper() + subject[1:],
                val=value,
                rank=rank,
            )
            yield indicator, sentence


_ENGLISH = list(_english_cases())


def test_the_english_battery_is_large_enough_to_mean_something():
    assert len(_ENGLISH) > 300


@pytest.mark.parametrize(("indicator", "sentence"), _ENGLISH, ids=range(len(_ENGLISH)))
def test_english_index_scores_every_way_they_are_said(indicator, sentence):
    assert _scores(f"Quang Ninh province results\n{sentence}") == {(indicator, 89.52)}


@pytest.mark.parametrize(
    "sentence",
    [
        "The province ranked 5th out of 63 provinces in the PAR Index 2023.",
        "Quang Ninh ranked fifth of the 63 localities in the PAR Index 2023.",
        "Tỉnh xếp thứ 5 trên 63 tỉnh, thành phố về Chỉ số CCHC năm 2023.",
        "Năm 2023, tỉnh đứng thứ 5 trong số 63 tỉnh, thành phố về Chỉ số CCHC.",
    ],
)
def test_a_place_out_of_the_provinces_is_no_score(sentence):
    """The place and the number of provinces it is out of are neither of them a figure."""
    assert _scores(f"Quảng Ninh\n{sentence}") == set()


# ---------------------------------------------------------------- Vietnamese

_VI_SUBJECTS = ["tỉnh Quảng Ninh", "Quảng Ninh", "UBND tỉnh Quảng Ninh"]
_VI_CASES = {
    # the score before the name of the index part it is of
    "pci.time": (
        "Quảng Ninh: kết quả PCI 2023",
        [
            "{Subj} đạt 7,52 điểm về chỉ số thành phần Chi phí thời gian năm 2023, "
            "xếp thứ 5/63 tỉnh, thành phố.",
            "{Subj} đạt 7,52 điểm ở chỉ số Chi phí thời gian.",
            "Năm 2023, {subj} có 7,52 điểm về Chi phí thời gian.",
        ],
        7.52,
    ),
    "papi.service": (
        "Quảng Ninh: kết quả PAPI 2023",
        [
            "{Subj} đạt 7,52 điểm ở nội dung Cung ứng dịch vụ công.",
            "{Subj} đạt 7,52 điểm về chỉ số Cung ứng dịch vụ công năm 2023.",
        ],
        7.52,
    ),
    # the score first, the province and its rank after ("Với 89,52%, UBND tỉnh … xếp thứ …")
    "par.total_points": (
        "Quảng Ninh",
        [
            "Với 89,52%, {subj} xếp thứ 5/63 về Chỉ số CCHC năm 2023.",
            "Với 89,52 điểm, {subj} xếp thứ 5 trên 63 tỉnh, thành phố về Chỉ số CCHC năm 2023.",
        ],
        89.52,
    ),
    "sipas.satisfaction_pct": (
        "Quảng Ninh",
        ["Với 89,52%, {subj} xếp thứ 5/63 về Chỉ số hài lòng (SIPAS) năm 2023."],
        89.52,
    ),
}
_VIETNAMESE = [
    (indicator, headline, shape.format(subj=subject, Subj=subject[0].upper() + subject[1:]), v)
    for indicator, (headline, shapes, v) in _VI_CASES.items()
    for shape in shapes
    for subject in _VI_SUBJECTS
]


@pytest.mark.parametrize(
    ("indicator", "headline", "sentence", "value"), _VIETNAMESE, ids=range(len(_VIETNAMESE))
)
def test_vietnamese_index_scores_named_after_or_before_their_province(
    indicator, headline, sentence, value
):
    assert _scores(f"{headline}\n{sentence}") == {(indicator, value)}


# ---------------------------------------------------------------- a province's PCI profile

_PARTS = ["Gia nhập thị trường", "Tiếp cận đất đai", "Tính minh bạch", "Chi phí thời gian"]
_PART_IDS = ["pci.entry", "pci.land", "pci.transparency", "pci.time"]
_BY_YEAR = {
    2022: [6.11, 5.52, 6.03, 7.04],
    2023: [7.21, 6.42, 5.93, 8.14],
}


def _cell(value: float) -> str:
    return f"{value:.2f}".replace(".", ",")


def _read(tmp_path: Path, text: str) -> set[tuple[str, str, str, float]]:
    path = tmp_path / "profile.txt"
    path.write_text(text, encoding="utf-8")
    return {
        (f.province, f.period, f.indicator, round(f.value, 2))
        for f in extract_files([path]).figures
    }


def _wanted() -> set[tuple[str, str, str, float]]:
    return {
        ("Trà Vinh", str(year), indicator, value)
        for year, values in _BY_YEAR.items()
        for indicator, value in zip(_PART_IDS, values, strict=True)
    }


def _years_as_columns() -> str:
    head = "Chỉ số thành phần\t" + "\t".join(str(y) for y in _BY_YEAR)
    rows = [
        name + "\t" + "\t".join(_cell(values[i]) for values in _BY_YEAR.values())
        for i, name in enumerate(_PARTS)
    ]
    return "\n".join([head, *rows])


def _sections_by_year() -> str:
    return "\n".join(
        f"Năm {year}\nChỉ số thành phần\tĐiểm\tXếp hạng\n"
        + "\n".join(
            f"{name}\t{_cell(v)}\t{i + 10}"
            for i, (name, v) in enumerate(zip(_PARTS, values, strict=True))
        )
        for year, values in _BY_YEAR.items()
    )


@pytest.mark.parametrize(
    "caption", ["Hồ sơ PCI tỉnh Trà Vinh", "Trà Vinh - năng lực cạnh tranh (PCI)"]
)
@pytest.mark.parametrize("layout", [_years_as_columns, _sections_by_year])
def test_a_provinces_pci_profile_year_by_year(tmp_path, caption, layout):
    """A profile's caption says "Hồ sơ" (a profile, not dossiers: its scores are no counts of
    dossiers), and a line that is a year alone heads the table of that year."""
    assert _read(tmp_path, f"{caption}\n{layout()}\n") == _wanted()


def test_a_line_that_is_a_period_alone_heads_its_section(tmp_path):
    text = (
        "Trung tâm Phục vụ hành chính công tỉnh Trà Vinh báo cáo kết quả\n"
        "Quý I/2024\nTiếp nhận 12.400 hồ sơ, giải quyết 12.100 hồ sơ.\n"
        "Quý II/2024\nTiếp nhận 13.500 hồ sơ, giải quyết 13.000 hồ sơ.\n"
    )
    figures = {
        (f.period, f.indicator, f.value)
        for f in list(extract_text(text).figures) + list(extract_text(text).subunits)
    }
    assert figures == {
        ("2024-Q1", "dossier.received", 12400.0),
        ("2024-Q1", "dossier.resolved", 12100.0),
        ("2024-Q2", "dossier.received", 13500.0),
        ("2024-Q2", "dossier.resolved", 13000.0),
    }


def test_a_dossier_table_under_a_caption_counting_dossiers_still_counts_them(tmp_path):
    """Only a profile's "Hồ sơ" is no dossier: a caption that counts dossiers still gives a
    bare count its noun, while a rank's column beside it is not counted."""
    text = (
        "Kết quả giải quyết hồ sơ TTHC của tỉnh Trà Vinh quý I/2024\n"
        "Đơn vị\tTiếp nhận\tĐã giải quyết\tXếp hạng\n"
        "Cấp tỉnh\t12.400\t12.100\t1\n"
        "Cấp huyện\t8.300\t8.000\t2\n"
    )
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    extraction = extract_files([path])
    found = {
        (f.scope, f.indicator, f.value)
        for f in list(extraction.figures) + list(extraction.subunits)
    }
    assert found == {
        ("cấp tỉnh", "dossier.received", 12400.0),
        ("cấp tỉnh", "dossier.resolved", 12100.0),
        ("cấp huyện", "dossier.received", 8300.0),
        ("cấp huyện", "dossier.resolved", 8000.0),
    }


# ---------------------------------------------------------------- a province's PAPI profile

_DIMENSIONS = [
    ("Participation at Local Levels", "papi.participation", 5.12, ["Civic Knowledge 0.91"]),
    ("Vertical Accountability", "papi.accountability", 4.21, ["People's Inspection Boards 1.40"]),
    ("Public Administrative Procedures", "papi.procedures", 7.24, ["Construction Permits 2.33"]),
    ("Public Service Delivery", "papi.service", 7.02, ["Basic Infrastructure 1.70"]),
]
_VI_DIMENSIONS = {
    "papi.participation": "Tham gia của người dân ở cấp cơ sở",
    "papi.accountability": "Trách nhiệm giải trình với người dân",
    "papi.procedures": "Thủ tục hành chính công",
    "papi.service": "Cung ứng dịch vụ công",
    "papi.corruption": "Kiểm soát tham nhũng trong khu vực công",
}


def _sub(line: str) -> tuple[str, str]:
    name, _, score = line.rpartition(" ")
    return name, score


def _numbered_rows() -> str:
    rows = ["No.\tDimension\tScore"]
    for i, (name, _, score, subs) in enumerate(_DIMENSIONS, 1):
        rows.append(f"{i}\t{name}\t{score:.2f}")
        rows += [f"{i}.{j}\t{_sub(s)[0]}\t{_sub(s)[1]}" for j, s in enumerate(subs, 1)]
    return "\n".join(rows)


def _cell_per_line() -> str:
    rows = ["Dimension", "Score"]
    for name, _, score, subs in _DIMENSIONS:
        rows += [name, f"{score:.2f}"]
        for s in subs:
            rows += list(_sub(s))
    return "\n".join(rows)


@pytest.mark.parametrize("layout", [_numbered_rows, _cell_per_line])
def test_an_english_papi_profile_gives_the_dimensions_not_their_parts_or_row_numbers(
    tmp_path, layout
):
    """Rows numbered 1, 1.1, 2 … (the numbers are no scores), and a label over its score one
    cell a line: each dimension's score, and nothing of its sub-dimensions."""
    text = f"Quang Tri province PAPI 2022 profile\n{layout()}\n"
    path = tmp_path / "papi.txt"
    path.write_text(text, encoding="utf-8")
    figures = extract_files([path]).figures
    assert {(f.indicator, round(f.value, 2)) for f in figures} == {
        (indicator, score) for _, indicator, score, _ in _DIMENSIONS
    }


def test_a_vietnamese_papi_profile_reads_every_row_up_to_the_next_label(tmp_path):
    """A score whose next line opens on "Thủ tục hành chính công" is not a share of
    procedures: the line ends the row."""
    scores = dict(zip(_VI_DIMENSIONS, [5.12, 4.21, 7.24, 7.02, 6.65], strict=True))
    rows = "\n".join(
        f"{name}\t{scores[i]:.2f}".replace(".", ",") for i, name in _VI_DIMENSIONS.items()
    )
    order = ["papi.corruption", "papi.procedures"]  # corruption right above procedures
    rows += "\n" + "\n".join(
        f"{_VI_DIMENSIONS[i]}\t{scores[i]:.2f}".replace(".", ",") for i in order
    )
    text = f"Hồ sơ PAPI 2022 tỉnh Quảng Trị\nChỉ số nội dung\tĐiểm\n{rows}\n"
    extraction = extract_text(text)
    found = {(f.indicator, round(f.value, 2)) for f in extraction.figures}
    found |= {(f.indicator, round(f.value, 2)) for f in extraction.held_back}
    assert found == set(scores.items())


# ---------------------------------------------------------------- a province's PAR INDEX table


def _read_text_file(tmp_path: Path, text: str):
    path = tmp_path / "par.txt"
    path.write_text(text, encoding="utf-8")
    extraction = extract_files([path])
    return {(f.indicator, round(f.value, 2)) for f in extraction.figures}, extraction


def test_a_par_index_table_by_area_gives_the_total_not_an_areas_points(tmp_path):
    """Each area's points are a part's (no catalogue figure), the maximum points of a column
    "Điểm tối đa" are no figure at all, and the total row is the index."""
    text = (
        "Kết quả Chỉ số cải cách hành chính năm 2023 của tỉnh Quảng Ninh\n"
        "TT\tLĩnh vực\tĐiểm tối đa\tĐiểm đạt được\tChỉ số (%)\n"
        "1\tCông tác chỉ đạo, điều hành CCHC\t9\t8,75\t97,22\n"
        "2\tXây dựng và tổ chức thực hiện văn bản QPPL\t8\t7,50\t93,75\n"
        "3\tCải cách thủ tục hành chính\t11\t10,20\t92,73\n"
        "\tTổng\t100\t89,52\t89,52\n"
    )
    found, extraction = _read_text_file(tmp_path, text)
    assert found == {("par.total_points", 89.52)}
    assert not extraction.held_back


def test_a_par_index_table_of_appraisal_and_survey_points(tmp_path):
    text = (
        "Kết quả Chỉ số cải cách hành chính năm 2023 của tỉnh Quảng Ninh\n"
        "Nội dung\tĐiểm tối đa\tĐiểm đạt được\n"
        "Điểm thẩm định\t62\t58,40\n"
        "Điểm điều tra xã hội học\t38\t31,12\n"
        "Tổng điểm\t100\t89,52\n"
    )
    found, _ = _read_text_file(tmp_path, text)
    assert found == {("par.appraisal_points", 58.4), ("par.total_points", 89.52)}


def test_an_english_par_index_table_by_area(tmp_path):
    text = (
        "PAR Index 2023 of Quang Ninh province\n"
        "Area\tMaximum points\tPoints achieved\tIndex (%)\n"
        "Direction and administration of PAR\t9\t8.75\t97.22\n"
        "Administrative procedure reform\t11\t10.20\t92.73\n"
        "Total\t100\t89.52\t89.52\n"
    )
    found, _ = _read_text_file(tmp_path, text)
    assert found == {("par.total_points", 89.52)}


def test_the_service_index_by_group_gives_the_total_only(tmp_path):
    text = (
        "Kết quả Bộ chỉ số phục vụ người dân, doanh nghiệp tháng 10/2025 của tỉnh Gia Lai\n"
        "Nhóm chỉ số\tĐiểm tối đa\tĐiểm đạt được\n"
        "Công khai, minh bạch\t18\t16,50\n"
        "Tiến độ giải quyết\t20\t19,10\n"
        "Dịch vụ công trực tuyến\t22\t18,30\n"
        "Mức độ hài lòng\t18\t17,90\n"
        "Số hóa hồ sơ\t22\t15,20\n"
        "Tổng điểm\t100\t87,00\n"
    )
    found, extraction = _read_text_file(tmp_path, text)
    assert found == {("service.index_points", 87.0)}
    assert [f.period for f in extraction.figures] == ["2025-M10"]


def test_sipas_by_criterion_gives_the_index_only(tmp_path):
    text = (
        "Kết quả đo lường sự hài lòng (SIPAS) năm 2024 của tỉnh Gia Lai\n"
        "Tiêu chí\tTỷ lệ hài lòng (%)\n"
        "Tiếp cận dịch vụ\t88,10\n"
        "Thủ tục hành chính\t86,20\n"
        "Công chức giải quyết công việc\t90,30\n"
        "Kết quả dịch vụ\t89,00\n"
        "Tiếp nhận, xử lý góp ý\t84,50\n"
        "Chỉ số SIPAS\t87,62\n"
    )
    found, _ = _read_text_file(tmp_path, text)
    assert found == {("sipas.satisfaction_pct", 87.62)}


def test_sipas_points_inside_the_par_index_stay_points():
    text = (
        "Kon Tum: Chỉ số CCHC năm 2023\nĐiểm đánh giá tác động đạt 31,19 điểm (gồm Chỉ số SIPAS "
        "đạt 8,5/10 điểm)."
    )
    found = {(f.indicator, f.value) for f in extract_text(text).figures}
    assert ("par.sipas_points", 8.5) in found
    assert not any(i == "sipas.satisfaction_pct" for i, _ in found)
