"""More phrasings of provincial CCHC reports, in sentences written for this test (the kinds
of sentence real reports use, with other places and numbers): every figure with its scope,
and nothing else. Levels of government are named as labels name them ('cấp xã' for 'các xã,
phường'), and a province named after a unit says where the unit lies."""

from __future__ import annotations

import pytest

from cchc_analysis.extract import extract_text

P = "province"

CASES = {
    "a chain of counts with the on-time rate": (
        "Quý III/2023: tỉnh Bình Định tiếp nhận 125.430 hồ sơ\nTrong quý III/2023, toàn tỉnh Bình Định tiếp nhận 125.430 hồ sơ TTHC, trong đó có 45.210 hồ sơ trực tuyến; đã giải quyết 120.115 hồ sơ, trong đó giải quyết trước và đúng hạn 119.002 hồ sơ, đạt 99,07%; quá hạn 1.113 hồ sơ; đang giải quyết 5.315 hồ sơ.",
        {
            ("dossier.on_time_pct", 99.07, P),
            ("dossier.online", 45210.0, P),
            ("dossier.pending", 5315.0, P),
            ("dossier.received", 125430.0, P),
            ("dossier.resolved", 120115.0, P),
            ("dossier.resolved_late", 1113.0, P),
        },
    ),
    "a colon list with brackets": (
        "Kết quả giải quyết TTHC 6 tháng đầu năm 2024 của tỉnh Phú Yên\nTổng số hồ sơ tiếp nhận: 98.765 hồ sơ (trực tuyến: 40.100 hồ sơ; trực tiếp và qua bưu chính công ích: 58.665 hồ sơ). Số hồ sơ đã giải quyết: 95.000 hồ sơ, trong đó: trước hạn 60.000 hồ sơ, đúng hạn 34.500 hồ sơ, quá hạn 500 hồ sơ. Số hồ sơ đang giải quyết: 3.765 hồ sơ.",
        {
            ("dossier.online", 40100.0, P),
            ("dossier.pending", 3765.0, P),
            ("dossier.received", 98765.0, P),
            ("dossier.resolved", 95000.0, P),
            ("dossier.resolved_early", 60000.0, P),
            ("dossier.resolved_late", 500.0, P),
            ("dossier.resolved_on_time", 34500.0, P),
        },
    ),
    "a rate of 'đúng và trước hạn'": (
        "Năm 2022, Sóc Trăng giải quyết đúng hạn 98,7% hồ sơ\nNăm 2022, tỷ lệ hồ sơ giải quyết đúng và trước hạn của tỉnh Sóc Trăng đạt 98,7%.",
        {
            ("dossier.on_time_pct", 98.7, P),
        },
    ),
    "a rate of settling dossiers on time": (
        "Tây Ninh: 9 tháng năm 2021\n9 tháng năm 2021, tỷ lệ giải quyết hồ sơ đúng hạn trên địa bàn tỉnh Tây Ninh đạt 99,2%.",
        {
            ("dossier.on_time_pct", 99.2, P),
        },
    ),
    "a district named with its province stays the district": (
        "Huyện Đức Trọng giải quyết hơn 8 nghìn hồ sơ quý I/2023\nQuý I/2023, Bộ phận Một cửa huyện Đức Trọng, tỉnh Lâm Đồng tiếp nhận 8.245 hồ sơ; đã giải quyết 8.100 hồ sơ, trong đó đúng hạn 8.050 hồ sơ (đạt 99,38%), trễ hạn 50 hồ sơ; còn 145 hồ sơ đang giải quyết trong hạn.",
        {
            ("dossier.on_time_pct", 99.38, "huyện Đức Trọng"),
            ("dossier.pending", 145.0, "huyện Đức Trọng"),
            ("dossier.received", 8245.0, "huyện Đức Trọng"),
            ("dossier.resolved", 8100.0, "huyện Đức Trọng"),
            ("dossier.resolved_late", 50.0, "huyện Đức Trọng"),
            ("dossier.resolved_on_time", 8050.0, "huyện Đức Trọng"),
        },
    ),
    "received counted with the carried-over dossiers": (
        "Tỉnh Hà Tĩnh: kết quả năm 2023\nNăm 2023, tổng số hồ sơ tiếp nhận trên địa bàn tỉnh Hà Tĩnh là 310.456 hồ sơ (kỳ trước chuyển sang 4.210 hồ sơ, tiếp nhận mới 306.246 hồ sơ); đã giải quyết 305.000 hồ sơ, tỷ lệ đúng hạn 99,5%.",
        {
            ("dossier.on_time_pct", 99.5, P),
            ("dossier.received", 310456.0, P),
            ("dossier.resolved", 305000.0, P),
        },
    ),
    "procedures published, amended, abolished": (
        "Quảng Nam công bố 345 TTHC năm 2021\nNăm 2021, Chủ tịch UBND tỉnh Quảng Nam ban hành 25 quyết định công bố 345 TTHC, trong đó 120 TTHC mới ban hành, 150 TTHC sửa đổi, bổ sung và 75 TTHC bị bãi bỏ.",
        {
            ("tthc.abolished", 75.0, P),
            ("tthc.amended", 150.0, P),
            ("tthc.published", 345.0, P),
        },
    ),
    "procedures under the authority of all levels are in force": (
        "Thủ tục hành chính của tỉnh Gia Lai năm 2024\nHiện nay, tổng số TTHC thuộc thẩm quyền giải quyết của các cấp trên địa bàn tỉnh Gia Lai là 1.876 thủ tục, trong đó cấp tỉnh 1.456 thủ tục, cấp huyện 280 thủ tục, cấp xã 140 thủ tục.",
        {
            ("tthc.in_force", 140.0, "cấp xã"),
            ("tthc.in_force", 280.0, "cấp huyện"),
            ("tthc.in_force", 1456.0, "cấp tỉnh"),
            ("tthc.in_force", 1876.0, P),
        },
    ),
    "online services by level": (
        "Dịch vụ công trực tuyến tỉnh Bắc Giang năm 2022\nĐến nay, tỉnh Bắc Giang đã cung cấp 1.234 dịch vụ công trực tuyến mức độ 3 và 876 dịch vụ công trực tuyến mức độ 4.",
        {
            ("service.online_level3", 1234.0, P),
            ("service.online_level4", 876.0, P),
        },
    ),
    "end-to-end and partial online services": (
        "Cà Mau cung cấp 1.020 dịch vụ công trực tuyến toàn trình\nNăm 2023, tỉnh Cà Mau cung cấp 1.020 dịch vụ công trực tuyến toàn trình và 560 dịch vụ công trực tuyến một phần.",
        {
            ("service.online_level3", 560.0, P),
            ("service.online_level4", 1020.0, P),
        },
    ),
    "SIPAS with a change after it": (
        "Chỉ số hài lòng của tỉnh Nam Định năm 2023\nChỉ số hài lòng về sự phục vụ hành chính (SIPAS) năm 2023 của tỉnh Nam Định đạt 82,50%, tăng 1,2% so với năm 2022.",
        {
            ("sipas.satisfaction_pct", 82.5, P),
        },
    ),
    "PAR INDEX points with a rank": (
        "PAR INDEX 2023 của tỉnh Hải Dương\nChỉ số cải cách hành chính (PAR INDEX) năm 2023 của tỉnh Hải Dương đạt 88,12 điểm, xếp thứ 12/63 tỉnh, thành phố.",
        {
            ("par.total_points", 88.12, P),
        },
    ),
    "a sector named after the figure does not carry on": (
        "Hơn 2.000 hồ sơ trễ hạn trong tháng 10/2024 ở Đồng Nai\nTrong tháng 10/2024, toàn tỉnh Đồng Nai có 2.134 hồ sơ giải quyết trễ hạn, chủ yếu thuộc lĩnh vực đất đai. Số hồ sơ tiếp nhận trong tháng là 85.432 hồ sơ.",
        {
            ("dossier.received", 85432.0, P),
            ("dossier.resolved_late", 2134.0, P),
        },
    ),
    "a province's centre": (
        "Trung tâm Phục vụ hành chính công tỉnh Quảng Bình 6 tháng đầu năm 2023\n6 tháng đầu năm 2023, Trung tâm Phục vụ hành chính công tỉnh Quảng Bình đã tiếp nhận 45.678 hồ sơ, trong đó hồ sơ trực tuyến là 30.123 hồ sơ, chiếm 65,9%; đã trả kết quả 44.900 hồ sơ, đúng hạn 44.850 hồ sơ.",
        {
            ("dossier.online", 30123.0, "Trung tâm Phục vụ hành chính công tỉnh Quảng Bình"),
            ("dossier.received", 45678.0, "Trung tâm Phục vụ hành chính công tỉnh Quảng Bình"),
            ("dossier.resolved", 44900.0, "Trung tâm Phục vụ hành chính công tỉnh Quảng Bình"),
            (
                "dossier.resolved_on_time",
                44850.0,
                "Trung tâm Phục vụ hành chính công tỉnh Quảng Bình",
            ),
        },
    ),
    "communes and wards after the merger are the commune level": (
        "Tuyên Quang: tháng 8/2025 sau sắp xếp\nTháng 8/2025, các xã, phường trên địa bàn tỉnh Tuyên Quang tiếp nhận 52.300 hồ sơ, đã giải quyết 49.800 hồ sơ, đạt 95,2%.",
        {
            ("dossier.received", 52300.0, "cấp xã"),
            ("dossier.resolved", 49800.0, "cấp xã"),
        },
    ),
    "'HS' for dossiers": (
        "Kon Tum năm 2020\nNăm 2020, tỉnh Kon Tum tiếp nhận 156.789 HS, giải quyết 154.000 HS, trong đó đúng hạn và trước hạn 153.100 HS, trễ hạn 900 HS.",
        {
            ("dossier.received", 156789.0, P),
            ("dossier.resolved", 154000.0, P),
            ("dossier.resolved_late", 900.0, P),
        },
    ),
    "'số hồ sơ tiếp nhận giải quyết … là'": (
        "Lạng Sơn: quý II/2022\nQuý II/2022, số hồ sơ tiếp nhận giải quyết trên địa bàn tỉnh Lạng Sơn là 67.890 hồ sơ; số hồ sơ đã giải quyết là 66.500 hồ sơ; số hồ sơ giải quyết quá hạn là 120 hồ sơ.",
        {
            ("dossier.received", 67890.0, P),
            ("dossier.resolved", 66500.0, P),
            ("dossier.resolved_late", 120.0, P),
        },
    ),
    "online dossiers with their share": (
        "Hồ sơ trực tuyến tỉnh Bến Tre năm 2024\nNăm 2024, tỉnh Bến Tre tiếp nhận 412.000 hồ sơ, trong đó 250.300 hồ sơ trực tuyến, đạt tỷ lệ 60,75%.",
        {
            ("dossier.online", 250300.0, P),
            ("dossier.received", 412000.0, P),
        },
    ),
    "millions with a lower bound": (
        "Hà Nội 2023\nNăm 2023, thành phố Hà Nội tiếp nhận hơn 2,1 triệu hồ sơ TTHC, tỷ lệ giải quyết đúng hạn đạt 99,6%.",
        {
            ("dossier.on_time_pct", 99.6, P),
            ("dossier.received", 2100000.0, P),
        },
    ),
    "tasks x/y and inspections": (
        "Kiểm tra CCHC Thái Bình 2022\nNăm 2022, tỉnh Thái Bình đã hoàn thành 38/40 nhiệm vụ CCHC đề ra, đạt 95%; tổ chức kiểm tra công tác CCHC tại 25 cơ quan, đơn vị.",
        {
            ("inspection.done", 25.0, P),
            ("task.completed", 38.0, P),
            ("task.planned", 40.0, P),
        },
    ),
    "a dashed list": (
        "Bình Phước: kết quả quý IV/2023\nKết quả giải quyết TTHC quý IV/2023 của tỉnh Bình Phước như sau: - Tiếp nhận: 54.321 hồ sơ. - Đã giải quyết: 53.000 hồ sơ. - Đang giải quyết: 1.321 hồ sơ. - Trễ hạn: 87 hồ sơ.",
        {
            ("dossier.pending", 1321.0, P),
            ("dossier.received", 54321.0, P),
            ("dossier.resolved", 53000.0, P),
            ("dossier.resolved_late", 87.0, P),
        },
    ),
    "a share before the words it counts": (
        "99,5% hồ sơ được giải quyết đúng hạn tại Hậu Giang năm 2023\nNăm 2023, 99,5% hồ sơ TTHC tại tỉnh Hậu Giang được giải quyết đúng hạn và trước hạn. Toàn tỉnh đã tiếp nhận 203.400 hồ sơ.",
        {
            ("dossier.on_time_pct", 99.5, P),
            ("dossier.received", 203400.0, P),
        },
    ),
    "a report of all agencies with early, on-time, late": (
        "Vĩnh Long: năm 2021\nTrong năm 2021, các cơ quan, đơn vị, địa phương trên địa bàn tỉnh Vĩnh Long đã tiếp nhận 310.250 hồ sơ. Kết quả đã giải quyết 305.110 hồ sơ; trong đó, giải quyết trước hạn 200.000 hồ sơ, đúng hạn 104.000 hồ sơ, trễ hạn 1.110 hồ sơ; hồ sơ đang giải quyết 5.140 hồ sơ.",
        {
            ("dossier.pending", 5140.0, P),
            ("dossier.received", 310250.0, P),
            ("dossier.resolved", 305110.0, P),
            ("dossier.resolved_early", 200000.0, P),
            ("dossier.resolved_late", 1110.0, P),
            ("dossier.resolved_on_time", 104000.0, P),
        },
    ),
    "the commune level of one province": (
        "Cấp xã tỉnh Nghệ An năm 2022\nNăm 2022, UBND cấp xã trên địa bàn tỉnh Nghệ An tiếp nhận 512.304 hồ sơ, đã giải quyết 510.000 hồ sơ, tỷ lệ đúng hạn đạt 99,8%.",
        {
            ("dossier.on_time_pct", 99.8, "cấp xã"),
            ("dossier.received", 512304.0, "cấp xã"),
            ("dossier.resolved", 510000.0, "cấp xã"),
        },
    ),
    "a department named with its province": (
        "Sở Tài nguyên và Môi trường tỉnh Thanh Hóa 6 tháng đầu năm 2023\n6 tháng đầu năm 2023, Sở Tài nguyên và Môi trường tỉnh Thanh Hóa tiếp nhận 12.400 hồ sơ, giải quyết 11.900 hồ sơ, trong đó quá hạn 300 hồ sơ.",
        {
            ("dossier.received", 12400.0, "Sở Tài nguyên và Môi trường"),
            ("dossier.resolved", 11900.0, "Sở Tài nguyên và Môi trường"),
            ("dossier.resolved_late", 300.0, "Sở Tài nguyên và Môi trường"),
        },
    ),
    "the service index of Decision 766 with a rank": (
        "Chỉ số phục vụ người dân, doanh nghiệp tháng 9/2025 của tỉnh An Giang\nTheo Bộ chỉ số phục vụ người dân, doanh nghiệp trên Cổng Dịch vụ công quốc gia, tháng 9/2025 tỉnh An Giang đạt 86,45 điểm, xếp thứ 7/34 tỉnh, thành phố. Trong tháng, tỉnh tiếp nhận 98.200 hồ sơ, tỷ lệ hồ sơ trực tuyến đạt 78,2%.",
        {
            ("dossier.received", 98200.0, P),
            ("service.index_points", 86.45, P),
        },
    ),
    "online dossiers of levels 3 and 4 in brackets": (
        "Thừa Thiên Huế năm 2019\nNăm 2019, tỉnh Thừa Thiên Huế tiếp nhận 389.654 hồ sơ (trong đó, trực tuyến mức độ 3, 4 là 120.300 hồ sơ); giải quyết 385.000 hồ sơ, trong đó đúng hạn 384.500 hồ sơ, đạt 99,87%.",
        {
            ("dossier.on_time_pct", 99.87, P),
            ("dossier.online", 120300.0, P),
            ("dossier.received", 389654.0, P),
            ("dossier.resolved", 385000.0, P),
            ("dossier.resolved_on_time", 384500.0, P),
        },
    ),
    "dossiers not yet settled and those overdue": (
        "Số hồ sơ chưa giải quyết tại Bạc Liêu\nTính đến hết quý II/2022, tỉnh Bạc Liêu còn 2.345 hồ sơ chưa giải quyết, trong đó 156 hồ sơ đã quá hạn.",
        {
            ("dossier.pending", 2345.0, P),
            ("dossier.pending_overdue", 156.0, P),
        },
    ),
    "returned dossiers and a late share": (
        "Đắk Lắk năm 2024\nTrong năm 2024, tỉnh Đắk Lắk tiếp nhận 456.789 hồ sơ; giải quyết 450.123 hồ sơ, trong đó trước hạn 300.000 hồ sơ, đúng hạn 148.000 hồ sơ, quá hạn 2.123 hồ sơ (chiếm 0,47%); hồ sơ trả lại 1.234 hồ sơ.",
        {
            ("dossier.received", 456789.0, P),
            ("dossier.resolved", 450123.0, P),
            ("dossier.resolved_early", 300000.0, P),
            ("dossier.resolved_late", 2123.0, P),
            ("dossier.resolved_on_time", 148000.0, P),
            ("dossier.suspended", 1234.0, P),
        },
    ),
    "a city under a province": (
        "Thành phố Đà Lạt quý I/2024\nQuý I/2024, UBND thành phố Đà Lạt tiếp nhận 10.500 hồ sơ, đã giải quyết 10.200 hồ sơ, đúng hạn đạt 98,9%.",
        {
            ("dossier.on_time_pct", 98.9, "thành phố Đà Lạt"),
            ("dossier.received", 10500.0, "thành phố Đà Lạt"),
            ("dossier.resolved", 10200.0, "thành phố Đà Lạt"),
        },
    ),
    "a town's one-stop unit": (
        "Thị xã Sơn Tây năm 2022\nNăm 2022, Bộ phận tiếp nhận và trả kết quả thị xã Sơn Tây tiếp nhận 25.600 hồ sơ.",
        {
            ("dossier.received", 25600.0, "thị xã Sơn Tây"),  # as the desk's name says it
        },
    ),
    "online dossiers of all those received": (
        "Khánh Hòa: hồ sơ trực tuyến năm 2023\nNăm 2023, tỉnh Khánh Hòa có 189.000 hồ sơ được nộp trực tuyến trên tổng số 320.000 hồ sơ tiếp nhận.",
        {
            ("dossier.online", 189000.0, P),
            ("dossier.received", 320000.0, P),
        },
    ),
    "'đã tiếp nhận, giải quyết' is no resolved count": (
        "Ninh Bình 9 tháng năm 2024\n9 tháng năm 2024, toàn tỉnh Ninh Bình đã tiếp nhận, giải quyết 234.567 hồ sơ TTHC; tỷ lệ hồ sơ giải quyết đúng hạn đạt 99,65%.",
        {
            ("dossier.on_time_pct", 99.65, P),
            ("dossier.received", 234567.0, P),
        },
    ),
    "a ward with its city in brackets": (
        "Phường Bến Thành, TP.HCM, tháng 7/2025\nTrong tháng 7/2025, phường Bến Thành (TP.HCM) tiếp nhận 3.456 hồ sơ, giải quyết đúng hạn 3.400 hồ sơ.",
        {
            ("dossier.received", 3456.0, "phường Bến Thành"),
            ("dossier.resolved_on_time", 3400.0, "phường Bến Thành"),
        },
    ),
    "inspections and procedures in one sentence": (
        "Quảng Ngãi năm 2018\nNăm 2018, tỉnh Quảng Ngãi đã tổ chức 18 cuộc kiểm tra CCHC; ban hành 30 quyết định công bố 512 TTHC; bãi bỏ 84 TTHC.",
        {
            ("inspection.done", 18.0, P),
            ("tthc.abolished", 84.0, P),
            ("tthc.published", 512.0, P),
        },
    ),
    "SIPAS and PAR INDEX together": (
        "Hưng Yên: kết quả CCHC 2023\nChỉ số SIPAS năm 2023 của tỉnh Hưng Yên đạt 84,12%; Chỉ số PAR INDEX đạt 87,5 điểm.",
        {
            ("par.total_points", 87.5, P),
            ("sipas.satisfaction_pct", 84.12, P),
        },
    ),
    "online dossiers received as a share": (
        "Lào Cai tháng 3/2024\nTháng 3/2024, tỉnh Lào Cai tiếp nhận 28.900 hồ sơ, trong đó số hồ sơ tiếp nhận trực tuyến là 15.600 hồ sơ, đạt 54%.",
        {
            ("dossier.online", 15600.0, P),
            ("dossier.received", 28900.0, P),
        },
    ),
    "the province's centre, districts and communes": (
        "Bình Thuận 2020\nNăm 2020, Trung tâm Hành chính công tỉnh Bình Thuận tiếp nhận 67.800 hồ sơ; các huyện, thị xã, thành phố tiếp nhận 145.000 hồ sơ; cấp xã tiếp nhận 98.000 hồ sơ.",
        {
            ("dossier.received", 67800.0, "Trung tâm Hành chính công tỉnh Bình Thuận"),
            ("dossier.received", 98000.0, "cấp xã"),
            ("dossier.received", 145000.0, "cấp huyện"),
        },
    ),
    "a row flattened with bars between its cells": (
        "Kết quả giải quyết TTHC tháng 4/2024 tỉnh Yên Bái\nTiếp nhận: 23.456 hồ sơ | Đã giải quyết: 22.900 hồ sơ | Trễ hạn: 45 hồ sơ",
        {
            ("dossier.received", 23456.0, P),
            ("dossier.resolved", 22900.0, P),
            ("dossier.resolved_late", 45.0, P),
        },
    ),
    "counts before their verbs": (
        "Tỉnh Hòa Bình năm 2022\nNăm 2022, có 125.430 hồ sơ được tiếp nhận trên địa bàn tỉnh Hòa Bình, 120.115 hồ sơ đã được giải quyết, 1.113 hồ sơ bị trễ hạn.",
        {
            ("dossier.received", 125430.0, P),
            ("dossier.resolved", 120115.0, P),
            ("dossier.resolved_late", 1113.0, P),
        },
    ),
    "a dashed list of early, on-time and late": (
        "Tỉnh Điện Biên quý I/2025\nQuý I/2025, tỉnh Điện Biên đã giải quyết 40.210 hồ sơ. Trong đó: - Trước hạn: 30.001 hồ sơ (tỷ lệ 74,6%); - Đúng hạn: 10.000 hồ sơ; - Quá hạn: 209 hồ sơ.",
        {
            ("dossier.resolved", 40210.0, P),
            ("dossier.resolved_early", 30001.0, P),
            ("dossier.resolved_late", 209.0, P),
            ("dossier.resolved_on_time", 10000.0, P),
        },
    ),
    "a share of received resolved is no on-time rate": (
        "Tỉnh Bắc Kạn năm 2021\nNăm 2021, tỉnh Bắc Kạn tiếp nhận 60.300 hồ sơ; tổng số hồ sơ đã giải quyết là 58.100, đạt 96,35%.",
        {
            ("dossier.received", 60300.0, P),
            ("dossier.resolved", 58100.0, P),
        },
    ),
    "the on-time share of the dossiers resolved": (
        "Tỉnh Phú Thọ 6 tháng đầu năm 2021\n6 tháng đầu năm 2021, số hồ sơ giải quyết đúng hạn của tỉnh Phú Thọ đạt 99,1%.",
        {
            ("dossier.on_time_pct", 99.1, P),
        },
    ),
    "the result of settling procedures on time": (
        "Tỉnh Hà Nam năm 2020\nKết quả giải quyết TTHC đúng hạn năm 2020 của tỉnh Hà Nam đạt 99,3%.",
        {
            ("dossier.on_time_pct", 99.3, P),
        },
    ),
    "early and on-time joined by a comma": (
        "Tỉnh Thái Nguyên năm 2023\nNăm 2023, tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn của tỉnh Thái Nguyên đạt 99,2%.",
        {
            ("dossier.on_time_pct", 99.2, P),
        },
    ),
    "a rise over last year and the national average are no figures": (
        "Tỉnh Bình Dương năm 2023\nNăm 2023, tỉnh Bình Dương tiếp nhận 300.000 hồ sơ, tăng 20.000 hồ sơ so với năm 2022; tỷ lệ đúng hạn đạt 98,5%, cao hơn mức trung bình cả nước (97,5%).",
        {
            ("dossier.on_time_pct", 98.5, P),
            ("dossier.received", 300000.0, P),
        },
    ),
    "the service index out of 100 before its name": (
        "Chỉ số phục vụ tháng 10/2025: Quảng Ninh dẫn đầu\nTháng 10/2025, tỉnh Quảng Ninh đạt 91,2/100 điểm Bộ chỉ số phục vụ người dân, doanh nghiệp, dẫn đầu 34 tỉnh, thành phố.",
        {
            ("service.index_points", 91.2, P),
        },
    ),
    "digitised and paid online": (
        "Tỉnh Long An năm 2024: số hóa\nNăm 2024, tỉnh Long An đã số hóa 95.000 hồ sơ, đạt 80%; có 45.000 hồ sơ thanh toán trực tuyến.",
        {
            ("dossier.digitised", 95000.0, P),
            ("dossier.paid_online", 45000.0, P),
        },
    ),
    "early and on-time dossiers with their share": (
        "Tỉnh Trà Vinh năm 2022\nNăm 2022, tỉnh Trà Vinh giải quyết 98.765 hồ sơ trước và đúng hạn (đạt 99,1%).",
        {
            ("dossier.on_time_pct", 99.1, P),
        },
    ),
    "not yet due, and a late share with its count in brackets": (
        "Tỉnh Cao Bằng quý III/2023\nQuý III/2023, số hồ sơ đã giải quyết xong của tỉnh Cao Bằng là 12.345 hồ sơ; số hồ sơ chưa đến hạn là 234 hồ sơ; hồ sơ quá hạn chiếm 0,5% (62 hồ sơ).",
        {
            ("dossier.resolved", 12345.0, P),
            ("dossier.resolved_late", 62.0, P),
        },
    ),
    "procedures made public and online dossiers": (
        "Tỉnh Quảng Trị năm 2024\nNăm 2024, tỉnh Quảng Trị đã công khai 1.876 TTHC trên Cổng Dịch vụ công quốc gia; tiếp nhận 2.345 hồ sơ trực tuyến (chiếm 45%).",
        {
            ("dossier.online", 2345.0, P),
            ("tthc.published", 1876.0, P),
        },
    ),
    "the province's centre, a level and a city under the province": (
        "Tỉnh Sơn La năm 2023\nTại Trung tâm Phục vụ hành chính công tỉnh, năm 2023 đã tiếp nhận 35.600 hồ sơ. Tại cấp huyện, tiếp nhận 80.200 hồ sơ. Riêng UBND thành phố Sơn La tiếp nhận 12.300 hồ sơ.",
        {
            ("dossier.received", 12300.0, "thành phố Sơn La"),
            ("dossier.received", 35600.0, "Trung tâm Phục vụ hành chính công tỉnh"),
            ("dossier.received", 80200.0, "cấp huyện"),
        },
    ),
    "thousands and lower bounds": (
        "Tỉnh Kiên Giang 9 tháng năm 2022\n9 tháng năm 2022, Kiên Giang tiếp nhận trên 350 nghìn hồ sơ, giải quyết đúng hạn trên 99%.",
        {
            ("dossier.on_time_pct", 99.0, P),
            ("dossier.received", 350000.0, P),
        },
    ),
    "a province's total split by level, then its rate": (
        "Thanh Hóa: tháng 11/2025\nTrong tháng 11/2025, toàn tỉnh Thanh Hóa tiếp nhận 210.345 hồ sơ; trong đó, cấp tỉnh 15.200 hồ sơ, cấp xã 195.145 hồ sơ. Tỷ lệ giải quyết đúng hạn đạt 98,76%.",
        {
            ("dossier.on_time_pct", 98.76, P),
            ("dossier.received", 15200.0, "cấp tỉnh"),
            ("dossier.received", 195145.0, "cấp xã"),
            ("dossier.received", 210345.0, P),
        },
    ),
    "late dossiers with a fall since the last quarter and apology letters": (
        "Đồng Tháp: quý II/2023\nQuý II/2023, tỉnh Đồng Tháp có 1.432 hồ sơ trễ hạn, giảm 300 hồ sơ so với quý I/2023. Các cơ quan đã ban hành 1.200 văn bản xin lỗi.",
        {
            ("dossier.resolved_late", 1432.0, P),
        },
    ),
    "a city's counts, rates and SIPAS with its rank": (
        "Hải Phòng năm 2024\nNăm 2024, thành phố Hải Phòng tiếp nhận 1.234.567 hồ sơ TTHC; tỷ lệ hồ sơ trực tuyến đạt 68,4%; tỷ lệ giải quyết trước hạn, đúng hạn đạt 99,45%. Chỉ số SIPAS năm 2024 của thành phố đạt 85,67%, xếp thứ 8/63.",
        {
            ("dossier.on_time_pct", 99.45, P),
            ("dossier.received", 1234567.0, P),
            ("sipas.satisfaction_pct", 85.67, P),
        },
    ),
    "an urban district's one-stop unit": (
        "Quận Hoàng Mai, Hà Nội: năm 2023\nNăm 2023, Bộ phận Một cửa quận Hoàng Mai tiếp nhận 45.300 hồ sơ, 100% hồ sơ được giải quyết đúng hạn.",
        {
            ("dossier.on_time_pct", 100.0, "quận Hoàng Mai"),
            ("dossier.received", 45300.0, "quận Hoàng Mai"),
        },
    ),
    "received with new and carried-over dossiers, then pending and overdue": (
        "Vĩnh Phúc: năm 2023\nTổng số hồ sơ tiếp nhận trong năm 2023 của tỉnh Vĩnh Phúc là 401.234 hồ sơ (gồm 396.000 hồ sơ mới tiếp nhận và 5.234 hồ sơ từ kỳ trước chuyển sang). Số hồ sơ đã giải quyết 397.000 hồ sơ; số hồ sơ đang giải quyết 4.234 hồ sơ, trong đó quá hạn 120 hồ sơ.",
        {
            ("dossier.pending", 4234.0, P),
            ("dossier.pending_overdue", 120.0, P),
            ("dossier.received", 401234.0, P),
            ("dossier.resolved", 397000.0, P),
        },
    ),
    "a ward's own report: its committee's figures are the ward's": (
        "Ủy ban nhân dân phường Tân An sơ kết công tác quý III\nTừ ngày 1/7 đến nay, Ủy ban nhân dân phường đã tiếp nhận 2.416 hồ sơ, trong đó có 1.530 hồ sơ nộp trực tuyến.",
        {
            ("dossier.online", 1530.0, "phường Tân An"),
            ("dossier.received", 2416.0, "phường Tân An"),
        },
    ),
    "a provincial city's report: 'UBND thành phố' is that city, online dossiers as the topic": (
        "Cam Ranh: kết quả quý II/2022\nQuý II/2022, UBND TP. Cam Ranh (tỉnh Khánh Hòa) tiếp nhận 3.200 hồ sơ. Về hồ sơ trực tuyến, trong quý, UBND thành phố tiếp nhận 812 hồ sơ; UBND cấp xã tiếp nhận 1.104 hồ sơ.",
        {
            ("dossier.online", 812.0, "TP. Cam Ranh"),
            ("dossier.online", 1104.0, "cấp xã"),
            ("dossier.received", 3200.0, "UBND TP. Cam Ranh"),
        },
    ),
    "counted communes and wards as the subject are the commune level": (
        "Tỉnh Bình Phước năm 2022\nNăm 2022, 111 xã, phường, thị trấn trên địa bàn tỉnh đã tiếp nhận 512.000 hồ sơ; đã giải quyết 511.800 hồ sơ.",
        {
            ("dossier.received", 512000.0, "cấp xã"),
            ("dossier.resolved", 511800.0, "cấp xã"),
        },
    ),
    "first in the country is a rank, the index out of 100 is the province's": (
        "Đà Nẵng dẫn đầu cả nước về Chỉ số CCHC\nTheo công bố của Bộ Nội vụ, TP Đà Nẵng đứng đầu cả nước về chỉ số cải cách hành chính (PAR Index 2022) với 91,12/100 điểm.",
        {
            ("par.total_points", 91.12, P),
        },
    ),
    "a numbered ward receiving and settling": (
        "Phường 3, TP. Tân An năm 2025\nTừ đầu năm 2025 đến nay, Bộ phận tiếp nhận và trả kết quả của Phường 3 đã tiếp nhận và giải quyết 712 hồ sơ TTHC.",
        {
            ("dossier.received", 712.0, "Phường 3"),
        },
    ),
    "a comparison finished before the level, an earlier year in brackets": (
        "Tỉnh Ninh Thuận năm 2022\nNăm 2022, chỉ số SIPAS của tỉnh Ninh Thuận tăng so với năm trước, đạt 83,1%; chỉ số CCHC đạt 84,2% (năm 2021 là 82,5%).",
        {
            ("par.total_points", 82.5, P),
            ("par.total_points", 84.2, P),
            ("sipas.satisfaction_pct", 83.1, P),
        },
    ),
    "from one level down to another, with and without its year": (
        "Tỉnh Yên Bái năm 2023\nChỉ số CCHC năm 2023 của tỉnh Yên Bái giảm so với năm 2022, từ 88,3% xuống 87,1%. Chỉ số SIPAS giảm từ 85,2% (2022) xuống 83,9%.",
        {
            ("par.total_points", 87.1, P),
            ("par.total_points", 88.3, P),
            ("sipas.satisfaction_pct", 83.9, P),
            ("sipas.satisfaction_pct", 85.2, P),
        },
    ),
    "SIPAS written in points": (
        "Tỉnh Tiền Giang: SIPAS 2019\nChỉ số SIPAS 2019 của tỉnh Tiền Giang đạt 83,39 điểm, hạng 43/63 tỉnh, thành.",
        {
            ("sipas.satisfaction_pct", 83.39, P),
        },
    ),
    "dossiers taken in late are no late dossiers; overdue ones still being processed": (
        "Tỉnh An Giang tháng 10/2025\nTheo Văn phòng Chính phủ, trong tháng 10/2025, tỉnh An Giang còn 1.150 hồ sơ chậm được tiếp nhận và 642 hồ sơ giải quyết quá hạn đang xử lý.",
        {
            ("dossier.pending_overdue", 642.0, P),
        },
    ),
    "received with what was carried over from the period before": (
        "Tỉnh Phú Yên năm 2023\nNăm 2023, toàn tỉnh Phú Yên tiếp nhận 210.400 hồ sơ (kỳ trước chuyển sang 5.600 hồ sơ); đã giải quyết 209.100 hồ sơ, đang giải quyết 6.900 hồ sơ.",
        {
            ("dossier.pending", 6900.0, P),
            ("dossier.received", 210400.0, P),
            ("dossier.resolved", 209100.0, P),
        },
    ),
    "every level from the province to the communes is the province": (
        "Tỉnh Lai Châu quý II/2022\nTrong quý II.2022, từ cấp tỉnh đến cấp xã có 41.300 hồ sơ TTHC yêu cầu giải quyết.",
        {
            ("dossier.received", 41300.0, P),
        },
    ),
    "online dossiers received and settled": (
        "Tỉnh Ninh Thuận tháng 9/2025\nTừ ngày 1 – 30/9/2025, tổng số hồ sơ trực tuyến đã tiếp nhận, giải quyết trên địa bàn tỉnh là 21.450 hồ sơ.",
        {
            ("dossier.online", 21450.0, P),
        },
    ),
    "a city's own one-stop unit and its wards": (
        "Đà Lạt năm 2023: kết quả giải quyết hồ sơ\nNăm 2023, toàn thành phố Đà Lạt tiếp nhận 80.100 hồ sơ. Trong đó, tại Bộ phận Một cửa UBND thành phố, đã tiếp nhận 14.200 hồ sơ. Tại khối UBND các phường, xã đã tiếp nhận 65.900 hồ sơ.",
        {
            ("dossier.received", 14200.0, "Bộ phận Một cửa UBND thành phố Đà Lạt"),
            ("dossier.received", 65900.0, "cấp xã"),
            ("dossier.received", 80100.0, "thành phố Đà Lạt"),
        },
    ),
    "one-stop units counted": (
        "Tỉnh Lào Cai năm 2022\nBộ phận Một cửa được kiện toàn tại 152/152 xã, phường, thị trấn.",
        {
            ("onestop.units_total", 152.0, "cấp xã"),
            ("onestop.units_with", 152.0, "cấp xã"),
        },
    ),
    "one-stop units at a centre and at the wards, estimated": (
        "Bảo Lộc 9 tháng năm 2019\nƯớc 9 tháng đầu năm 2019, Bộ phận Tiếp nhận và trả kết quả tại Trung tâm Hành chính Bảo Lộc giải quyết gần 9.800 hồ sơ, đạt tỷ lệ hơn 98% hồ sơ đúng hạn. Và Bộ phận Tiếp nhận và trả kết quả tại 11 phường, xã trực thuộc đã tiếp nhận giải quyết tổng cộng gần 64.300 hồ sơ, đạt 100% tỷ lệ đúng hạn.",
        {
            ("dossier.on_time_pct", 98.0, "Trung tâm Hành chính Bảo Lộc"),
            ("dossier.on_time_pct", 100.0, "cấp xã"),
            ("dossier.received", 64300.0, "cấp xã"),
            ("dossier.resolved", 9800.0, "Trung tâm Hành chính Bảo Lộc"),
        },
    ),
    "a headline's loose 'giải quyết' for the dossiers to be settled": (
        "Quý II, Tam Kỳ giải quyết 7.210 hồ sơ, thủ tục hành chính\nTheo UBND TP.Tam Kỳ, trong quý II.2021, tổng số hồ sơ yêu cầu giải quyết là 7.210 hồ sơ; trong đó hồ sơ mới tiếp nhận là 6.900 hồ sơ, kỳ trước chuyển qua là 310 hồ sơ. Số hồ sơ đã giải quyết: 6.950 (hồ sơ giải quyết đúng hạn là 6.800 hồ sơ, quá hạn là 150 hồ sơ).",
        {
            ("dossier.received", 7210.0, "TP.Tam Kỳ"),
            ("dossier.resolved", 6950.0, "TP.Tam Kỳ"),
            ("dossier.resolved_late", 150.0, "TP.Tam Kỳ"),
            ("dossier.resolved_on_time", 6800.0, "TP.Tam Kỳ"),
        },
    ),
    "items under a line ending with ':' keep its unit; a sibling item does not": (
        "Tỉnh Hậu Giang: kết quả quý I/2024\n\nKết quả giải quyết hồ sơ quý I/2024:\n- Cấp huyện: tiếp nhận 12.300 hồ sơ, trong đó:\n+ Đã giải quyết: 12.000 hồ sơ (đúng hạn 11.950 hồ sơ, trễ hạn 50 hồ sơ);\n+ Đang giải quyết: 300 hồ sơ.\n- Cấp xã: tiếp nhận 20.100 hồ sơ, trong đó:\n+ Đã giải quyết: 20.000 hồ sơ;\n+ Đang giải quyết: 100 hồ sơ.\nToàn tỉnh tiếp nhận 45.000 hồ sơ.",
        {
            ("dossier.pending", 100.0, "cấp xã"),
            ("dossier.pending", 300.0, "cấp huyện"),
            ("dossier.received", 12300.0, "cấp huyện"),
            ("dossier.received", 20100.0, "cấp xã"),
            ("dossier.received", 45000.0, P),
            ("dossier.resolved", 12000.0, "cấp huyện"),
            ("dossier.resolved", 20000.0, "cấp xã"),
            ("dossier.resolved_late", 50.0, "cấp huyện"),
            ("dossier.resolved_on_time", 11950.0, "cấp huyện"),
        },
    ),
    "an on-time rate written without its percent sign": (
        "Tỉnh Trà Vinh năm 2020\nNăm 2020, tổng số hồ sơ giải quyết đúng hạn của tỉnh đạt 98,6; tổng số hồ sơ trễ hạn chiếm 1,4% tổng số hồ sơ đã tiếp nhận.",
        {
            ("dossier.on_time_pct", 98.6, P),
        },
    ),
    "a sector at the commune level, placed in the province before its figure": (
        "Tỉnh Bình Phước quý III/2025\nCụ thể, tổng số hồ sơ lĩnh vực đất đai cấp xã phát sinh từ ngày 1-7 đến ngày 30-9 trên địa bàn tỉnh Bình Phước là 7.450 hồ sơ, trong đó số hồ sơ đã trả kết quả là 5.120, số hồ sơ trễ hạn là 230.",
        {
            ("dossier.received", 7450.0, "cấp xã"),
            ("dossier.resolved", 5120.0, "cấp xã"),
            ("dossier.resolved_late", 230.0, "cấp xã"),
        },
    ),
    "a unit in a clause before the province's figure": (
        "Tỉnh Bình Phước quý III/2025\nSau khi UBND cấp xã mới đi vào hoạt động, trên địa bàn tỉnh đã tiếp nhận 50.400 hồ sơ.",
        {
            ("dossier.received", 50400.0, P),
        },
    ),
    "'Số TTHC …' goes on about the centre's dossiers": (
        "Trung tâm hành chính công tỉnh Vĩnh Phúc năm 2020\nNăm 2020, Trung tâm hành chính công tỉnh đã tiếp nhận mới 30.100 hồ sơ. Số TTHC được giải quyết trước và đúng hạn 29.500 hồ sơ (đạt 98,5%), số hồ sơ chậm hạn là 450 hồ sơ.",
        {
            ("dossier.on_time_pct", 98.5, "Trung tâm hành chính công tỉnh"),
            ("dossier.resolved_late", 450.0, "Trung tâm hành chính công tỉnh"),
        },
    ),
    "the service index named after its points": (
        "Tuyên Quang tháng 7/2025\nTheo Cổng Dịch vụ công quốc gia, Tuyên Quang đã đạt 78,4 điểm trong Bộ chỉ số phục vụ người dân, doanh nghiệp.",
        {
            ("service.index_points", 78.4, P),
        },
    ),
    "the index's long title, its groups named after the points": (
        "Yên Bái năm 2024\nTỉnh xếp thứ 9/63 về chỉ số chỉ đạo, điều hành đánh giá chất lượng phục vụ người dân và doanh nghiệp, đạt 81,2 điểm/100 điểm trên 5 chỉ số (công khai, minh bạch; tiến độ giải quyết hồ sơ).",
        {
            ("service.index_points", 81.2, P),
        },
    ),
    "dossiers arising, and 'đúng hẹn' for 'đúng hạn'": (
        "TP.HCM quý 2/2025\nKết quả trong kỳ ghi nhận hơn 410.000 hồ sơ phát sinh. Tỷ lệ hồ sơ giải quyết trước và đúng hẹn của các đơn vị trung bình đạt trên 99%.",
        {
            ("dossier.on_time_pct", 99.0, P),
            ("dossier.received", 410000.0, P),
        },
    ),
    "a count written without its thousands dot after 'hơn' is no year": (
        "Tỉnh Đồng Tháp tháng 7/2025\nTrong đó, cấp tỉnh đã tiếp nhận hơn 3000 hồ sơ.",
        {
            ("dossier.received", 3000.0, "cấp tỉnh"),
        },
    ),
    "a unit's head quoted: the quotation's figures are the unit's": (
        "Trà Vinh: Trung tâm phục vụ hành chính công\nBà Nguyễn Thị Lan, Giám đốc Trung tâm phục vụ hành chính công tỉnh Trà Vinh cho biết: “Trung tâm hiện có 18 quầy tiếp nhận. Riêng tháng 5/2025 đã tiếp nhận hơn 2.950 hồ sơ, tỷ lệ đúng hạn đạt 99,8%”.",
        {
            ("dossier.on_time_pct", 99.8, "Trung tâm phục vụ hành chính công tỉnh Trà Vinh"),
            ("dossier.received", 2950.0, "Trung tâm phục vụ hành chính công tỉnh Trà Vinh"),
        },
    ),
    "a district named as the source of the text's figures": (
        "UBND huyện Định Hóa: kết quả năm 2023\nUBND huyện Định Hóa cho biết, năm 2023 toàn huyện tiếp nhận 12.300 hồ sơ.",
        {
            ("dossier.received", 12300.0, "huyện Định Hóa"),
        },
    ),
    "internal workflows approved are no procedures in force": (
        "Đà Nẵng năm 2025\nChính quyền thành phố đã ban hành 40 quyết định công bố danh mục 390 TTHC, phê duyệt và đang áp dụng 1.950 quy trình nội bộ giải quyết TTHC.",
        {
            ("tthc.published", 390.0, P),
        },
    ),
    "'4 tại chỗ' is a name, not a count": (
        "Tỉnh Bắc Ninh năm 2020\nViệc thực hiện 4 tại chỗ lĩnh vực đất đai đã tạo điều kiện thuận lợi cho người dân.",
        set(),
    ),
    "procedures reviewed are not procedures published": (
        "Hải Phòng tháng 2/2024\nChủ tịch UBND thành phố đã ban hành 11 quyết định công bố danh mục TTHC với tổng số 198 thủ tục được rà soát, trong đó có 30 thủ tục mới, 110 thủ tục được sửa đổi, bổ sung và 22 thủ tục bị bãi bỏ.",
        {
            ("tthc.abolished", 22.0, P),
            ("tthc.amended", 110.0, P),
        },
    ),
    "online services of levels 3 and 4 together are neither level alone": (
        "Tỉnh Phú Thọ năm 2019\nHiện toàn tỉnh đã cung cấp thủ tục hành chính trực tuyến mức độ 3 và mức độ 4 hơn 1.450 thủ tục.",
        set(),
    ),
    "a sector's dossiers ('hồ sơ ngành xây dựng') are not the departments'": (
        "Tỉnh Bình Dương năm 2025\nĐáng chú ý, hồ sơ ngành xây dựng trên địa bàn là 1.600, trong đó hồ sơ đã trả kết quả là 1.420.",
        {
            ("dossier.resolved", 1420.0, "ngành xây dựng"),
        },
    ),
    "an unnamed commune's figure is no province's": (
        "Tỉnh Đồng Nai tháng 8/2025\nCó xã đã tiếp nhận hơn 1.800 hồ sơ trong gần 1,5 tháng qua.",
        {
            ("dossier.received", 1800.0, "Có xã"),
        },
    ),
    "a unit named after its figures, where they were counted": (
        "Tỉnh Cao Bằng tháng 10/2025\nTrong tháng 10/2025, có 4.321 hồ sơ được tiếp nhận tại Trung tâm Phục vụ hành chính công tỉnh, trong đó 2.800 hồ sơ trực tuyến.",
        {
            ("dossier.online", 2800.0, "Trung tâm Phục vụ hành chính công tỉnh"),
            ("dossier.received", 4321.0, "Trung tâm Phục vụ hành chính công tỉnh"),
        },
    ),
    "a headline on a unit's results makes it the text's subject": (
        "Kết quả giải quyết TTHC tại Trung tâm Hành chính công tỉnh Bắc Giang năm 2021\nNăm 2021, Trung tâm đã tiếp nhận 40.120 hồ sơ. Số TTHC được giải quyết trước và đúng hạn 39.800 hồ sơ (đạt 99,2%).",
        {
            ("dossier.on_time_pct", 99.2, "Trung tâm Hành chính công tỉnh Bắc Giang"),
            ("dossier.received", 40120.0, "Trung tâm Hành chính công tỉnh Bắc Giang"),
        },
    ),
    "a summing-up sentence names whose figures they were": (
        "Nghệ An: sau một năm hoạt động\nTỉ lệ giải quyết hồ sơ đúng hạn là 99,91%. Đó là những con số ấn tượng về Trung tâm Phục vụ hành chính công tỉnh Nghệ An sau hơn một năm đi vào hoạt động.",
        {
            ("dossier.on_time_pct", 99.91, "Trung tâm Phục vụ hành chính công tỉnh Nghệ An"),
        },
    ),
    "a headline naming its unit after a time phrase": (
        "Tháng 5 năm 2021, Trung tâm Phục vụ hành chính công tỉnh giải quyết 7.650 hồ sơ\nTrong tháng 5, đã tiếp nhận 7.910 hồ sơ, giải quyết 7.650 hồ sơ, đúng hạn đạt 99,8%.",
        {
            ("dossier.on_time_pct", 99.8, "Trung tâm Phục vụ hành chính công tỉnh"),
            ("dossier.received", 7910.0, "Trung tâm Phục vụ hành chính công tỉnh"),
            ("dossier.resolved", 7650.0, "Trung tâm Phục vụ hành chính công tỉnh"),
        },
    ),
    "'tỉ lệ' and 'quí' written with i": (
        "TP.HCM tháng 9/2025\nTỉ lệ hài lòng với xử lý phản ánh, kiến nghị đạt 98%; tỉ lệ hài lòng trong tiếp nhận, giải quyết thủ tục hành chính đạt 81,25%. Quí III/2025, tỉ lệ giải quyết đúng hạn đạt 98,6%.",
        {
            ("dossier.on_time_pct", 98.6, P),
            ("dossier.satisfaction_pct", 81.25, P),
            ("feedback.satisfaction_pct", 98.0, P),
        },
    ),
    "a bare score after 'đạt' in a text about the PAR INDEX": (
        "Thái Bình: PAR INDEX 2023\nBộ Nội vụ công bố Chỉ số cải cách hành chính năm 2023 (PAR INDEX). Theo đó, Thái Bình đạt 86,15, tăng 1,2 điểm %, xếp thứ 25/63.",
        {
            ("par.total_points", 86.15, P),
        },
    ),
    "units' scores are not the province's": (
        "Thái Bình: PAR INDEX 2023\nBộ Nội vụ công bố Chỉ số CCHC năm 2023 của các sở. Có 12 đơn vị đạt 100 và 5 đơn vị đạt 90,5.",
        set(),
    ),
    "'thụ lý' counts received; 'trả kết quả đúng hẹn'": (
        "Tỉnh Quảng Bình năm 2022\nNăm 2022, các cơ quan đã thụ lý 145.300 hồ sơ, trả kết quả đúng hẹn 144.900 hồ sơ.",
        {
            ("dossier.received", 145300.0, P),
            ("dossier.resolved_on_time", 144900.0, P),
        },
    ),
    "'lượt hồ sơ'; early, on time and late in one clause": (
        "Tỉnh Quảng Bình quý I/2023\nQuý I/2023, tỉnh tiếp nhận 35.200 lượt hồ sơ; giải quyết trước hạn 20.100, đúng hạn 14.600, quá hạn 150 hồ sơ.",
        {
            ("dossier.received", 35200.0, P),
            ("dossier.resolved_early", 20100.0, P),
            ("dossier.resolved_late", 150.0, P),
            ("dossier.resolved_on_time", 14600.0, P),
        },
    ),
    "a rate before the words it names, and a late count with its share": (
        "Tỉnh Phú Thọ năm 2023\nNăm 2023, tỉnh Phú Thọ giải quyết 210.000 hồ sơ, đạt tỷ lệ 99,5% đúng hạn; số hồ sơ quá hạn là 1.050 (chiếm 0,5%).",
        {
            ("dossier.on_time_pct", 99.5, P),
            ("dossier.resolved", 210000.0, P),
            ("dossier.resolved_late", 1050.0, P),
        },
    ),
    "'hồ sơ TTHC các loại', 'xử lý xong', 'đang xử lý'": (
        "Tỉnh Bắc Giang 6 tháng đầu năm 2024\n6 tháng đầu năm 2024, Bắc Giang tiếp nhận 180.450 hồ sơ TTHC các loại, đã xử lý xong 178.900 hồ sơ, còn 1.550 hồ sơ đang xử lý.",
        {
            ("dossier.pending", 1550.0, P),
            ("dossier.received", 180450.0, P),
            ("dossier.resolved", 178900.0, P),
        },
    ),
    "a rate 'trên địa bàn tỉnh là', with a change after it": (
        "Tỉnh Nghệ An năm 2023\nNăm 2023, tỷ lệ hồ sơ được giải quyết trước và đúng hạn trên địa bàn tỉnh là 98,92%, tăng 0,5% so với năm 2022.",
        {
            ("dossier.on_time_pct", 98.92, P),
        },
    ),
    "shares of dossiers before their words": (
        "Tỉnh Hà Tĩnh tháng 5/2024\nTrong tháng 5/2024, Hà Tĩnh có 96,8% hồ sơ giải quyết trước và đúng hạn; 3,2% hồ sơ quá hạn.",
        {
            ("dossier.on_time_pct", 96.8, P),
        },
    ),
    "shares of procedures and of online dossiers are no catalogue figure": (
        "Tỉnh Thanh Hóa năm 2024\nNăm 2024, 100% TTHC đủ điều kiện đã được cung cấp dịch vụ công trực tuyến toàn trình; tỷ lệ hồ sơ trực tuyến đạt 65,3%.",
        set(),
    ),
    "dossiers received by post are a part of all received": (
        "Yên Bái: Tiếp nhận trên 12 nghìn lượt hồ sơ TTHC qua dịch vụ bưu chính công ích\nNăm 2023, các cơ quan trên địa bàn tỉnh đã tiếp nhận 180.000 hồ sơ.",
        {
            ("dossier.received", 180000.0, P),
        },
    ),
    "a city's name and a period after it in the headline": (
        "Thành phố Hà Nội 9 tháng năm 2024\n9 tháng năm 2024, thành phố Hà Nội tiếp nhận trên 1,9 triệu hồ sơ, giải quyết đúng hạn trên 99%.",
        {
            ("dossier.on_time_pct", 99.0, P),
            ("dossier.received", 1900000.0, P),
        },
    ),
    "units listed under a head naming what is counted": (
        "Tỉnh Lào Cai quý II/2024\nSố hồ sơ tiếp nhận của các sở trong quý như sau: Sở Tư pháp 5.432 hồ sơ; Sở Xây dựng 1.234 hồ sơ; Sở Giao thông vận tải 3.210 hồ sơ.",
        {
            ("dossier.received", 1234.0, "Sở Xây dựng"),
            ("dossier.received", 3210.0, "Sở Giao thông vận tải"),
            ("dossier.received", 5432.0, "Sở Tư pháp"),
        },
    ),
    "the parts of a total by level after 'trong đó:'": (
        "Tỉnh Lào Cai quý II/2024\nQuý II/2024, toàn tỉnh tiếp nhận 65.400 hồ sơ, trong đó: cấp tỉnh 12.300 hồ sơ, cấp huyện 25.100 hồ sơ, cấp xã 28.000 hồ sơ.",
        {
            ("dossier.received", 12300.0, "cấp tỉnh"),
            ("dossier.received", 25100.0, "cấp huyện"),
            ("dossier.received", 28000.0, "cấp xã"),
            ("dossier.received", 65400.0, P),
        },
    ),
    "the communes and wards of a province, received 'tổng số'": (
        "Tỉnh Yên Bái tháng 11/2025\nTháng 11/2025, các xã, phường trên địa bàn tỉnh đã tiếp nhận tổng số 24.560 hồ sơ, đã giải quyết 23.900 hồ sơ (đạt 97,3%), đang giải quyết 660 hồ sơ.",
        {
            ("dossier.pending", 660.0, "cấp xã"),
            ("dossier.received", 24560.0, "cấp xã"),
            ("dossier.resolved", 23900.0, "cấp xã"),
        },
    ),
    "a district's one-stop unit and the communes' ones": (
        "Huyện Tam Đảo năm 2024\nNăm 2024, Bộ phận Một cửa huyện Tam Đảo tiếp nhận 6.540 hồ sơ; Bộ phận Một cửa các xã, thị trấn tiếp nhận 18.320 hồ sơ.",
        {
            ("dossier.received", 6540.0, "huyện Tam Đảo"),
            ("dossier.received", 18320.0, "cấp xã"),
        },
    ),
    "a centre's figures through its paragraph": (
        "Tỉnh Hà Nam năm 2022\nNăm 2022, Trung tâm Phục vụ hành chính công tỉnh Hà Nam đã tiếp nhận 45.120 hồ sơ. Trong đó, hồ sơ trực tuyến là 25.300 hồ sơ. Kết quả đã giải quyết 44.800 hồ sơ, đúng hạn đạt 99,9%.",
        {
            ("dossier.on_time_pct", 99.9, "Trung tâm Phục vụ hành chính công tỉnh Hà Nam"),
            ("dossier.online", 25300.0, "Trung tâm Phục vụ hành chính công tỉnh Hà Nam"),
            ("dossier.received", 45120.0, "Trung tâm Phục vụ hành chính công tỉnh Hà Nam"),
            ("dossier.resolved", 44800.0, "Trung tâm Phục vụ hành chính công tỉnh Hà Nam"),
        },
    ),
    "a centre on one line and the communes on the next": (
        "Tỉnh Bắc Ninh tháng 8/2025\nTrong tháng 8/2025, Trung tâm Phục vụ hành chính công tỉnh tiếp nhận 9.876 hồ sơ.\nCấp xã tiếp nhận 34.210 hồ sơ.",
        {
            ("dossier.received", 9876.0, "Trung tâm Phục vụ hành chính công tỉnh"),
            ("dossier.received", 34210.0, "cấp xã"),
        },
    ),
    "a bare 'Trung tâm' is the centre the text named, 'tại' it in the figure's clause": (
        "Bắc Ninh năm 2019\nTrung tâm Hành chính công tỉnh Bắc Ninh hiện có 1.120 thủ tục hành chính. Năm 2019, tổng số hồ sơ tiếp nhận tại Trung tâm là 31.450 hồ sơ. Số hồ sơ đã có kết quả đúng và trước hạn là 30.900 hồ sơ, đạt 98,25%.",
        {
            ("dossier.on_time_pct", 98.25, "Trung tâm Hành chính công tỉnh Bắc Ninh"),
            ("dossier.received", 31450.0, "Trung tâm Hành chính công tỉnh Bắc Ninh"),
            ("tthc.in_force", 1120.0, "Trung tâm Hành chính công tỉnh Bắc Ninh"),
        },
    ),
    "'tiếp nhận và xử lý', 'đã xử lý và trả kết quả'": (
        "Tỉnh Kon Tum tháng 9/2025\nTrong 10 ngày đầu vận hành thử nghiệm, Trung tâm phục vụ hành chính công đã tiếp nhận và xử lý 2800 hồ sơ. Số hồ sơ đã xử lý và trả kết quả là 2.615 hồ sơ.",
        {
            ("dossier.received", 2800.0, "Trung tâm phục vụ hành chính công"),
            ("dossier.resolved", 2615.0, "Trung tâm phục vụ hành chính công"),
        },
    ),
    "a centre's abbreviation defined in brackets": (
        "Bình Phước 6 tháng đầu năm 2022\nTỉnh có bước đột phá từ trung tâm phục vụ hành chính công (HCC). 6 tháng đầu năm 2022, HCC đã tiếp nhận 38.120 hồ sơ.",
        {
            ("dossier.received", 38120.0, "Trung tâm Phục vụ hành chính công"),
        },
    ),
    "cities' SIPAS after their ranks, in brackets": (
        "Đà Nẵng: SIPAS 2022\nChỉ số SIPAS năm 2022: so sánh với các thành phố trực thuộc Trung ương, Đà Nẵng đứng thứ 2/63 (đạt 87,40%), Hà Nội đứng thứ 21/63 (đạt 83,57%).",
        {
            ("sipas.satisfaction_pct", 83.57, P),  # Hà Nội's own row
            ("sipas.satisfaction_pct", 87.4, P),
        },
    ),
    "the departments' dossiers received at the centre are the centre's": (
        "Nghệ An tháng 10/2022\nTrong tháng 10 năm 2022, các sở, ban, ngành trong tỉnh đã tiếp nhận 5.240 hồ sơ của tổ chức, cá nhân tại Trung tâm Phục vụ hành chính công tỉnh.",
        {
            ("dossier.received", 5240.0, "Trung tâm Phục vụ hành chính công tỉnh"),
        },
    ),
    "a department's total points in a PAR INDEX text are no service index": (
        "Nghệ An: xếp hạng Chỉ số cải cách hành chính năm 2023\nTheo đó, đối với cấp sở, ban, ngành, Sở Công Thương có tổng số điểm đạt được 91.20 điểm, đứng vị trí thứ nhất.",
        {
            ("par.total_points", 91.2, "Sở Công Thương"),
        },
    ),
    "the service index's total points in a text about it": (
        "Bắc Kạn: Bộ chỉ số 766 tháng 9/2023\nTổng số điểm tỉnh Bắc Kạn đạt 51,2/100 điểm, xếp hạng 45/63 tỉnh, thành phố.",
        {
            ("service.index_points", 51.2, P),
        },
    ),
    # the post only carries dossiers between people and the offices: its counts are no unit's
    "the post office's counts are nobody's results": (
        "Thanh Hóa tháng 10/2021\nBưu điện tỉnh Thanh Hóa đã tiếp nhận và chuyển trả kết quả qua dịch vụ bưu chính công ích 2.010 hồ sơ (trong đó: Tiếp nhận 980 hồ sơ; trả kết quả 1.030 hồ sơ). Toàn tỉnh tiếp nhận 41.000 hồ sơ.",
        {
            ("dossier.received", 41000.0, P),
        },
    ),
    "feedback handled on time is no dossier rate": (
        "Hà Nội quý II/2025\nTrong đó, tỷ lệ phản ánh, kiến nghị xử lý đúng hạn đạt 99,9%; tỷ lệ giải quyết hồ sơ đúng hạn đạt 98,4%.",
        {
            ("dossier.on_time_pct", 98.4, P),
        },
    ),
    "a range of dossiers a day is no figure, the total is": (
        "Huyện Lạc Dương quý II/2024\nTrong quý II/2024, Bộ phận Một cửa huyện Lạc Dương đã tiếp nhận 3.120 hồ sơ. Có ngày Bộ phận Một cửa huyện Lạc Dương đã tiếp nhận 40-55 hồ sơ.",
        {
            ("dossier.received", 3120.0, "huyện Lạc Dương"),
        },
    ),
    "an aim named mid-sentence makes what follows a target, until what was done": (
        "Tỉnh Yên Bái năm 2024\nNăm 2024, tỉnh tiếp tục đẩy mạnh ứng dụng công nghệ thông tin, đồng thời phấn đấu trong năm 2024, trong cơ quan nhà nước các cấp có 90% văn bản được trao đổi hoàn toàn dưới dạng điện tử. Nhằm thực hiện mục tiêu này, tỉnh đã công bố 850 dịch vụ công trực tuyến toàn trình.",
        {
            ("service.online_level4", 850.0, P),
        },
    ),
    "a sub-index's level after its change": (
        "PCI 2023 của Trà Vinh\nNăm 2023, chỉ số PCI của Trà Vinh: chỉ số Gia nhập thị trường tăng 0,6 điểm, đạt 8,13 điểm; chỉ số Chi phí thời gian tăng 0,2 điểm lên 7,2 điểm.",
        {
            ("pci.entry", 8.13, P),
            ("pci.time", 7.2, P),
        },
    ),
    "procedures added or handled at a one-stop desk are no count of those in force": (
        "Tỉnh Hậu Giang năm 2024\nNăm 2024, tổng số TTHC thuộc thẩm quyền giải quyết của tỉnh Hậu Giang là 1.812 thủ tục. Trung tâm Phục vụ hành chính công tỉnh tiếp nhận và trả kết quả với 1.245 thủ tục hành chính thuộc thẩm quyền giải quyết của 15 sở, ngành. Trong 119 TTHC được bổ sung, có 118 thủ tục thuộc thẩm quyền cấp tỉnh.",
        {
            ("tthc.in_force", 1812.0, P),
        },
    ),
    "billions of dong spelled 'tỉ'": (
        "Hà Nội tháng 1/2023\nTrong tháng 1/2023, Hà Nội giải ngân 2.698 tỉ đồng vốn đầu tư công.",
        {
            ("finance.disbursed_bn", 2698.0, P),
        },
    ),
    "a headline about one unit's results at the centre gives them to the unit": (
        "Kết quả giải quyết TTHC của Sở Xây dựng tại Trung tâm Phục vụ hành chính công tỉnh Phú Thọ năm 2022\nTrong năm 2022, đã có 412 hồ sơ được tiếp nhận tại Trung tâm. Trong đó có 405 hồ sơ trả kết quả đúng hạn và trước hạn, chiếm tỷ lệ 98,3%.",
        {
            ("dossier.on_time_pct", 98.3, "Sở Xây dựng"),
            ("dossier.received", 412.0, "Sở Xây dựng"),
        },
    ),
    "procedures announced are published, a ministry's are no province's, a day and month is no count": (
        "Tỉnh Nghệ An năm 2024\nNăm 2024, Chủ tịch UBND tỉnh công bố 345 thủ tục hành chính thuộc thẩm quyền giải quyết của các sở; Bộ Tư pháp công bố 120 TTHC thuộc Bộ Tư pháp. Ngày đầu tiên đi làm (02/02) sau kỳ nghỉ Tết, toàn tỉnh tiếp nhận 1.200 hồ sơ.",
        {
            ("tthc.published", 345.0, P),
            ("dossier.received", 1200.0, P),
        },
    ),
    "a one-stop desk of a unit named after it, written in lower case": (
        "Hà Nội năm 2018\nNăm 2018, Cục Thuế Hà Nội tiếp nhận 400 hồ sơ. Riêng bộ phận một cửa của Văn phòng Cục Thuế tiếp nhận 22 hồ sơ.",
        {
            ("dossier.received", 400.0, "Cục Thuế Hà Nội"),
            ("dossier.received", 22.0, "bộ phận một cửa của Văn phòng Cục Thuế"),
        },
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_phrasing(name: str) -> None:
    text, expected = CASES[name]
    result = extract_text(text)
    found = {(f.indicator, f.value, f.scope) for f in result.figures + result.subunits}
    assert found == expected


@pytest.mark.parametrize(
    "opening",
    ["10 tháng năm 2023", "Trong 11 tháng đầu năm 2023", "5 tháng đầu năm 2023"],
)
def test_months_counted_from_january_are_no_reporting_period(opening: str) -> None:
    text = f"Tỉnh Nam Định\n{opening}, tỉnh Nam Định tiếp nhận 120.345 hồ sơ."
    result = extract_text(text)
    # kept without a period (nothing read is lost); the warning names the phrase
    assert [(f.value, f.period) for f in result.figures] == [(120345.0, "")]
    skipped = [w for w in result.warnings if w.rule == "extract_unsupported_period"]
    assert len(skipped) == 1 and opening.lower().split(" ", 1)[-1] in skipped[0].message_vi.lower()


def test_a_count_of_months_after_a_figure_is_a_duration() -> None:
    text = "Tỉnh Nam Định năm 2024\nNăm 2024, tỉnh tiếp nhận 20.345 hồ sơ, có 12 hồ sơ quá hạn 2 tháng."
    result = extract_text(text)
    found = {(f.indicator, f.value, f.period) for f in result.figures}
    assert found == {("dossier.received", 20345.0, "2024"), ("dossier.resolved_late", 12.0, "2024")}
    assert not [w for w in result.warnings if w.rule == "extract_conflicting_values"]


@pytest.mark.parametrize(
    ("heading", "sentence", "period"),
    [
        (
            "tháng 9/2025",
            "Lũy kế từ đầu năm đến nay, toàn tỉnh tiếp nhận 400.000 hồ sơ.",
            "2025-9M",
        ),
        ("quý II/2025", "Tính từ đầu năm, toàn tỉnh tiếp nhận 260.000 hồ sơ.", "2025-H1"),
    ],
)
def test_the_year_to_date_is_the_reporting_period_it_ends(heading, sentence, period) -> None:
    text = f"Tỉnh Lạng Sơn {heading}\nTrong kỳ, toàn tỉnh tiếp nhận 45.000 hồ sơ. {sentence}"
    result = extract_text(text)
    periods = {f.value: f.period for f in result.figures}
    assert periods[45000.0] != period and list(periods.values()).count(period) == 1
    assert not result.held_back


def test_the_year_to_date_of_a_month_no_period_covers_has_no_period() -> None:
    text = (
        "Tỉnh Lạng Sơn tháng 10/2025\nTrong tháng 10/2025, toàn tỉnh tiếp nhận 45.000 hồ sơ. "
        "Lũy kế từ đầu năm đến nay, toàn tỉnh tiếp nhận 420.000 hồ sơ."
    )
    result = extract_text(text)
    assert [(f.value, f.period) for f in result.figures] == [
        (45000.0, "2025-M10"),
        (420000.0, ""),
    ]
    assert not result.held_back
    assert [w.rule for w in result.warnings] == ["extract_unsupported_period"]


def test_a_running_total_of_the_period_is_no_year_to_date() -> None:
    text = (
        "Trung tâm Phục vụ hành chính công tỉnh quý III/2021\nQuý III/2021, Trung tâm tiếp nhận "
        "mới 14.043 hồ sơ, lũy kế đã và đang giải quyết trong kỳ là 16.234 hồ sơ."
    )
    result = extract_text(text)
    assert {(f.value, f.period) for f in result.figures + result.subunits} == {(16234.0, "2021-Q3")}


def test_the_pci_sub_indices_under_their_earlier_names() -> None:
    text = (
        "PCI 2010 của tỉnh Bắc Giang\nNăm 2010, chỉ số Ưu đãi đối với doanh nghiệp nhà nước "
        "đạt 6,52 điểm; Chính sách phát triển kinh tế tư nhân đạt 5,88 điểm; Dịch vụ hỗ trợ DN "
        "đạt 5,9 điểm."
    )
    result = extract_text(text)
    assert {(f.indicator, f.value) for f in result.figures} == {
        ("pci.bias", 6.52),
        ("pci.support", 5.88),
    }
    # two names of one sub-index in one text: the second value is held back, not lost
    assert [(f.indicator, f.value) for f in result.held_back] == [("pci.support", 5.9)]


def test_a_score_over_100_with_a_dot_is_a_decimal_score() -> None:
    text = (
        "Thanh Hóa: PAR INDEX 2023\nChỉ số cải cách hành chính năm 2023 của tỉnh Thanh Hóa "
        "đạt 91.651 điểm, xếp thứ 10/63. Toàn tỉnh tiếp nhận 12.345 hồ sơ."
    )
    found = {(f.indicator, f.value) for f in extract_text(text).figures}
    assert found == {("par.total_points", 91.651), ("dossier.received", 12345.0)}
