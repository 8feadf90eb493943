"""Two reports as provincial offices write them, for the office-format tests. SYNTHETIC: the
texts and figures are invented for these tests (the first reuses the figures of
``fixtures/extract/inputs/bao_cao_lang_son_q2_2024.txt``, itself written for the tests); no
sentence comes from a published report. Each comes with its figures labelled by hand:
(indicator, value, scope)."""

from __future__ import annotations

from tests.office_docs import FormTable, OfficeReport
from tests.test_extract_inputs import REPORT_FIGURES

DOSSIER_GROUPS = (
    ("STT", ()),
    ("Đơn vị", ()),
    ("Tiếp nhận", ("Tổng số", "Trực tuyến", "Kỳ trước chuyển qua")),
    ("Đã giải quyết", ("Trước hạn", "Đúng hạn", "Quá hạn")),
    ("Đang giải quyết", ("Trong hạn", "Quá hạn")),
)

LANG_SON_Q2_2024 = OfficeReport(
    issuer=("UBND TỈNH LẠNG SƠN", "SỞ NỘI VỤ"),
    number="Số: 215/BC-SNV",
    place_date="Lạng Sơn, ngày 20 tháng 6 năm 2024",
    subject="Kết quả công tác cải cách hành chính quý II năm 2024",
    body=(
        "Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh, Sở Nội vụ báo cáo kết quả công tác cải "
        "cách hành chính quý II năm 2024 trên địa bàn tỉnh như sau:",
        "I. KẾT QUẢ THỰC HIỆN",
        "1. Cải cách thủ tục hành chính",
        "a) Công bố, công khai thủ tục hành chính",
        "Tổng số TTHC đang có hiệu lực thi hành trên địa bàn tỉnh là 1.934 thủ tục, trong đó: "
        "cấp tỉnh 1.502 thủ tục, cấp huyện 274 thủ tục, cấp xã 158 thủ tục. Trong kỳ, Chủ tịch "
        "UBND tỉnh đã ban hành 9 quyết định công bố 212 TTHC (ban hành mới 87 TTHC, sửa đổi, "
        "bổ sung 64 TTHC, bãi bỏ 61 TTHC).",
        "b) Kết quả giải quyết hồ sơ thủ tục hành chính",
        "Tổng số hồ sơ tiếp nhận trong kỳ là 412.142 hồ sơ (kỳ trước chuyển sang 9.120 hồ sơ; "
        "tiếp nhận mới 403.022 hồ sơ), trong đó hồ sơ trực tuyến 251.006 hồ sơ.",
        "Số hồ sơ đã giải quyết 398.215 hồ sơ, trong đó trước hạn 301.442 hồ sơ, đúng hạn "
        "95.321 hồ sơ, quá hạn 1.452 hồ sơ; tỷ lệ giải quyết trước và đúng hạn đạt 99,64%. Số "
        "hồ sơ đang giải quyết 13.927 hồ sơ. Hồ sơ tạm dừng, trả lại: 388 hồ sơ.",
        "Tỷ lệ trễ hạn: 1.452/398.215 HS đã giải quyết trễ hạn, 206/13.927 HS đang giải quyết "
        "trễ hạn.",
        "Có 8/9 UBND cấp huyện đạt tỷ lệ giải quyết đúng hạn trên 99%. Riêng Sở Tài nguyên và "
        "Môi trường tiếp nhận 21.004 hồ sơ, trễ hạn 512 hồ sơ.",
        "2. Chỉ số hài lòng",
        "Chỉ số SIPAS năm 2023 của tỉnh đạt 86,45%, xếp thứ 12/63 tỉnh, thành phố.",
        "II. NHIỆM VỤ QUÝ III NĂM 2024",
        "Tiếp tục rà soát, đơn giản hóa thủ tục hành chính; nâng cao chất lượng giải quyết hồ "
        "sơ trực tuyến; kiểm tra công tác cải cách hành chính tại các cơ quan, đơn vị.",
    ),
    recipients=(
        "- Bộ Nội vụ;",
        "- TT Tỉnh ủy, TT HĐND tỉnh;",
        "- Chủ tịch UBND tỉnh;",
        "- Lưu: VT.",
    ),
    signature=("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "", "", "Hoàng Văn Bình"),
)

# the figures of the fixture these are from, as its own test labels them
LANG_SON_FIGURES = REPORT_FIGURES

BINH_DINH_2023 = OfficeReport(
    issuer=("ỦY BAN NHÂN DÂN", "TỈNH BÌNH ĐỊNH"),
    number="Số: 47/BC-UBND",
    place_date="Bình Định, ngày 08 tháng 12 năm 2023",
    subject="Kết quả công tác cải cách hành chính năm 2023 và phương hướng, nhiệm vụ năm 2024",
    body=(
        "Thực hiện Kế hoạch cải cách hành chính năm 2023, Ủy ban nhân dân tỉnh Bình Định báo "
        "cáo kết quả thực hiện như sau:",
        "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH",
        "1. Cải cách thủ tục hành chính",
        "Trong năm, toàn tỉnh tiếp nhận 286.540 hồ sơ thủ tục hành chính, trong đó tiếp nhận "
        "trực tuyến 171.924 hồ sơ; đã giải quyết 279.012 hồ sơ, trong đó trước hạn 210.330 hồ "
        "sơ, đúng hạn 67.105 hồ sơ, quá hạn 1.577 hồ sơ; đang giải quyết 7.528 hồ sơ.",
        "Kết quả tiếp nhận, giải quyết hồ sơ theo từng cấp như sau:",
        FormTable(
            DOSSIER_GROUPS,
            (
                (
                    "1",
                    "Cấp tỉnh",
                    "61.204",
                    "48.310",
                    "1.020",
                    "45.118",
                    "14.870",
                    "210",
                    "980",
                    "26",
                ),
                (
                    "2",
                    "Cấp huyện",
                    "98.417",
                    "52.904",
                    "2.115",
                    "70.412",
                    "24.963",
                    "844",
                    "2.001",
                    "197",
                ),
                (
                    "3",
                    "Cấp xã",
                    "126.919",
                    "70.710",
                    "1.403",
                    "94.800",
                    "27.272",
                    "523",
                    "4.120",
                    "204",
                ),
            ),
        ),
        "2. Chỉ số hài lòng của người dân",
        "Chỉ số SIPAS năm 2023 của tỉnh đạt 84,12%, tăng 1,3% so với năm 2022.",
        "II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024",
        "Tiếp tục đẩy mạnh cải cách thủ tục hành chính, số hóa hồ sơ, kết quả giải quyết thủ "
        "tục hành chính; nâng cao tỷ lệ hồ sơ trực tuyến toàn trình.",
    ),
    annex=(
        "Phụ lục: KẾT QUẢ GIẢI QUYẾT HỒ SƠ TẠI CÁC SỞ, NGÀNH NĂM 2023",
        FormTable(
            DOSSIER_GROUPS,
            (
                ("1", "Sở Tư pháp", "12.410", "9.870", "102", "10.905", "1.380", "15", "108", "2"),
                (
                    "2",
                    "Sở Kế hoạch và Đầu tư",
                    "8.912",
                    "8.201",
                    "64",
                    "6.402",
                    "2.390",
                    "12",
                    "104",
                    "4",
                ),
                (
                    "3",
                    "Sở Tài nguyên và Môi trường",
                    "6.305",
                    "3.114",
                    "410",
                    "3.902",
                    "1.804",
                    "161",
                    "398",
                    "40",
                ),
            ),
        ),
    ),
)

# The same report with a narrower right column: the motto wraps ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA" /
# "VIỆT NAM"), as in letterheads set in two equal columns.
LANG_SON_EQUAL_COLUMNS = OfficeReport(
    **{**LANG_SON_Q2_2024.__dict__, "letterhead_widths": (8.0, 8.5)}
)

# The yearly report set without first-line indents (paragraphs apart by space alone).
BINH_DINH_NO_INDENT = OfficeReport(**{**BINH_DINH_2023.__dict__, "first_line_indent": 0.0})
