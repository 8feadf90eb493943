"""A form's head as pypdf lays it out when the page was set in a narrow face (Times-like, as
offices print): the names of the columns do not depend on how far a cell spills past a column's
edge. The spans are laid out as written for this test (no PDF is read)."""

from __future__ import annotations

from cchc_analysis.extract.layout import _head_names

# each column's stretch of the line, as the row of figures under this head sets them
RANGES = [
    (float("-inf"), 5.5),
    (5.5, 18.5),
    (18.5, 33.5),
    (33.5, 56.0),
    (56.0, 76.5),
    (76.5, 92.0),
    (92.0, 107.5),
    (107.5, 119.5),
    (119.5, 132.0),
    (132.0, float("inf")),
]
HEAD = [
    [(36, 60, "Số hồ sơ nhận giải quyết"), (103, 121, "Kết quả giải quyết")],
    [
        (8, 16, "Cấp giải"),
        (50, 58, "Trong đó"),
        (88, 110, "Số hồ sơ đã giải quyết"),
        (124, 142, "Số hồ sơ đang giải"),
    ],
    [(0, 3, "STT"), (10, 15, "quyết"), (22, 26, "Tổng"), (131, 136, "quyết")],
    [
        (24, 26, "số"),
        (31, 52, "Số mới tiếp nhận trực"),
        (58, 76, "Số kỳ trước chuyển"),
        (82, 86, "Tổng"),
        (92, 105, "Trả đúng thời"),
        (111, 118, "Trả quá"),
        (123, 127, "Tổng"),
        (133, 141, "Chưa đến"),
    ],
    [
        (40, 45, "tuyến"),
        (67, 70, "qua"),
        (84, 86, "số"),
        (97, 100, "hạn"),
        (113, 116, "hạn"),
        (125, 127, "số"),
        (137, 140, "hạn"),
    ],
]


def test_a_cell_spilling_into_the_next_column_does_not_name_it():
    names = _head_names(HEAD, RANGES)
    assert names[3] == "Số mới tiếp nhận trực tuyến"
    assert "tiếp nhận trực" not in names[2]


def test_a_headline_wrapped_before_its_figure_is_joined():
    from cchc_analysis.extract.readers import _joined_lower

    text = "Chỉ số SIPAS năm 2023 của tỉnh đạt\n84,45%\nNội dung bài viết"
    assert _joined_lower(text) == "Chỉ số SIPAS năm 2023 của tỉnh đạt 84,45%\nNội dung bài viết"
    # a count that begins a line of its own sentence stays where it is
    text = "Năm 2023 tỉnh tiếp nhận\n12.000 hồ sơ đúng hạn"
    assert _joined_lower(text) == text
