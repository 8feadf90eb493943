"""Vietnamese phrasings of dossier, procedure and online-service results, in sentences written
for this test (the styles provinces, districts, communes, centres and papers use: colon lists,
'Trong đó' chains over sentences, x/y pairs, figures under their labels one per line, numbers
in words, levels and units): every figure with its scope, and nothing else."""

from __future__ import annotations

import pytest

from cchc_analysis.extract import extract_text

P = "province"

CASES = {
    "Tỉnh Hậu Giang: kết quả giải quyết TTHC quý I/2024": (
        "Tỉnh Hậu Giang: kết quả giải quyết TTHC quý I/2024\nTổng số hồ sơ tiếp nhận trong kỳ: 45.321 hồ sơ, trong đó: từ kỳ trước chuyển sang: 1.234 hồ sơ; mới tiếp nhận trực tuyến: 20.100 hồ sơ; mới tiếp nhận trực tiếp và qua dịch vụ bưu chính công ích: 23.987 hồ sơ. Số hồ sơ đã giải quyết: 43.210 hồ sơ, trong đó: trước hạn: 30.000 hồ sơ; đúng hạn: 13.000 hồ sơ; quá hạn: 210 hồ sơ. Số hồ sơ đang giải quyết: 2.111 hồ sơ, trong đó: trong hạn: 2.000 hồ sơ; quá hạn: 111 hồ sơ.",
        {
            ("dossier.online", 20100.0, P),
            ("dossier.pending", 2111.0, P),
            ("dossier.pending_overdue", 111.0, P),
            ("dossier.received", 45321.0, P),
            ("dossier.resolved", 43210.0, P),
            ("dossier.resolved_early", 30000.0, P),
            ("dossier.resolved_late", 210.0, P),
            ("dossier.resolved_on_time", 13000.0, P),
        },
    ),
    "Huyện Phù Cát quý II/2023": (
        "Huyện Phù Cát quý II/2023\nQuý II/2023, UBND huyện Phù Cát tiếp nhận 6.520 hồ sơ TTHC. Trong đó, hồ sơ trực tuyến 3.100 hồ sơ. Đã giải quyết 6.300 hồ sơ. Trong đó, đúng hạn 6.250 hồ sơ, quá hạn 50 hồ sơ.",
        {
            ("dossier.online", 3100.0, "huyện Phù Cát"),
            ("dossier.received", 6520.0, "huyện Phù Cát"),
            ("dossier.resolved", 6300.0, "huyện Phù Cát"),
            ("dossier.resolved_late", 50.0, "huyện Phù Cát"),
            ("dossier.resolved_on_time", 6250.0, "huyện Phù Cát"),
        },
    ),
    "Long An tháng 9/2024": (
        "Long An tháng 9/2024\nKết quả tiếp nhận, giải quyết hồ sơ tháng 9/2024 của tỉnh Long An như sau: tiếp nhận 38.450 hồ sơ (trực tuyến 25.300, trực tiếp 13.150); giải quyết 37.900 hồ sơ (trước hạn 20.100, đúng hạn 17.600, trễ hạn 200); đang giải quyết 550 hồ sơ.",
        {
            ("dossier.online", 25300.0, P),
            ("dossier.pending", 550.0, P),
            ("dossier.received", 38450.0, P),
            ("dossier.resolved", 37900.0, P),
            ("dossier.resolved_early", 20100.0, P),
            ("dossier.resolved_late", 200.0, P),
            ("dossier.resolved_on_time", 17600.0, P),
        },
    ),
    "Trung tâm Phục vụ hành chính công tỉnh Hưng Yên: kết quả tháng 11/2025": (
        "Trung tâm Phục vụ hành chính công tỉnh Hưng Yên: kết quả tháng 11/2025\nTrong tháng 11/2025, Trung tâm đã tiếp nhận 12.340 hồ sơ, trong đó 10.980 hồ sơ trực tuyến (đạt 89%). Số hồ sơ đã giải quyết là 11.870 hồ sơ, đúng hạn 11.860 hồ sơ. Tỷ lệ giải quyết đúng hạn đạt 99,9%.",
        {
            ("dossier.on_time_pct", 99.9, "Trung tâm Phục vụ hành chính công tỉnh Hưng Yên"),
            ("dossier.online", 10980.0, "Trung tâm Phục vụ hành chính công tỉnh Hưng Yên"),
            ("dossier.received", 12340.0, "Trung tâm Phục vụ hành chính công tỉnh Hưng Yên"),
            ("dossier.resolved", 11870.0, "Trung tâm Phục vụ hành chính công tỉnh Hưng Yên"),
            (
                "dossier.resolved_on_time",
                11860.0,
                "Trung tâm Phục vụ hành chính công tỉnh Hưng Yên",
            ),
        },
    ),
    "Trung tâm Hành chính công tỉnh Lào Cai tiếp nhận hơn 50 nghìn hồ sơ": (
        "Trung tâm Hành chính công tỉnh Lào Cai tiếp nhận hơn 50 nghìn hồ sơ\nNăm 2022, Trung tâm Hành chính công tỉnh Lào Cai tiếp nhận 51.230 hồ sơ. Đã giải quyết 50.880 hồ sơ; số hồ sơ trễ hạn là 15 hồ sơ.",
        {
            ("dossier.received", 51230.0, "Trung tâm Hành chính công tỉnh Lào Cai"),
            ("dossier.resolved", 50880.0, "Trung tâm Hành chính công tỉnh Lào Cai"),
            ("dossier.resolved_late", 15.0, "Trung tâm Hành chính công tỉnh Lào Cai"),
        },
    ),
    "Khánh Hòa: thị xã Ninh Hòa năm 2024": (
        "Khánh Hòa: thị xã Ninh Hòa năm 2024\nNăm 2024, Bộ phận Một cửa UBND thị xã Ninh Hòa tiếp nhận 18.700 hồ sơ; UBND các xã, phường tiếp nhận 42.300 hồ sơ.",
        {
            ("dossier.received", 18700.0, "thị xã Ninh Hòa"),
            ("dossier.received", 42300.0, "cấp xã"),
        },
    ),
    "Phường Hoàn Kiếm (Hà Nội) 3 tháng vận hành chính quyền 2 cấp": (
        "Phường Hoàn Kiếm (Hà Nội) 3 tháng vận hành chính quyền 2 cấp\nTừ ngày 1/7 đến 30/9/2025, Trung tâm Phục vụ hành chính công phường Hoàn Kiếm tiếp nhận 9.870 hồ sơ, trong đó 8.200 hồ sơ trực tuyến; đã giải quyết 9.500 hồ sơ, đúng và trước hạn đạt 99,6%.",
        {
            ("dossier.on_time_pct", 99.6, "Trung tâm Phục vụ hành chính công phường Hoàn Kiếm"),
            ("dossier.online", 8200.0, "Trung tâm Phục vụ hành chính công phường Hoàn Kiếm"),
            ("dossier.received", 9870.0, "Trung tâm Phục vụ hành chính công phường Hoàn Kiếm"),
            ("dossier.resolved", 9500.0, "Trung tâm Phục vụ hành chính công phường Hoàn Kiếm"),
        },
    ),
    "Xã Tân Hiệp, tỉnh An Giang: tháng 8/2025": (
        "Xã Tân Hiệp, tỉnh An Giang: tháng 8/2025\nTháng 8/2025, UBND xã Tân Hiệp tiếp nhận 1.245 hồ sơ, giải quyết 1.200 hồ sơ, không có hồ sơ trễ hạn.",
        {
            ("dossier.received", 1245.0, "xã Tân Hiệp"),
            ("dossier.resolved", 1200.0, "xã Tân Hiệp"),
        },
    ),
    "Quảng Trị tháng 3/2024": (
        "Quảng Trị tháng 3/2024\nTháng 3/2024, toàn tỉnh Quảng Trị có 28.560 hồ sơ phải giải quyết, trong đó kỳ trước chuyển sang 1.120 hồ sơ, tiếp nhận mới 27.440 hồ sơ.",
        {
            ("dossier.received", 28560.0, P),
        },
    ),
    "Đắk Nông 6 tháng đầu năm 2023": (
        "Đắk Nông 6 tháng đầu năm 2023\nĐến ngày 30/6/2023, tỉnh Đắk Nông đã giải quyết 75.600 hồ sơ; đang giải quyết 2.340 hồ sơ, trong đó chưa đến hạn 2.300 hồ sơ, quá hạn 40 hồ sơ.",
        {
            ("dossier.pending", 2340.0, P),
            ("dossier.pending_overdue", 40.0, P),
            ("dossier.resolved", 75600.0, P),
        },
    ),
    "Điện Biên 6 tháng đầu năm 2024": (
        "Điện Biên 6 tháng đầu năm 2024\n6 tháng đầu năm 2024, tỉnh Điện Biên tiếp nhận 34.500 hồ sơ; số hồ sơ trả lại, rút là 155 hồ sơ.",
        {
            ("dossier.received", 34500.0, P),
            ("dossier.suspended", 155.0, P),
        },
    ),
    "Bắc Kạn năm 2023": (
        "Bắc Kạn năm 2023\nNăm 2023, tỉnh Bắc Kạn tiếp nhận 15.600 hồ sơ trực tuyến, trong đó 9.800 hồ sơ trực tuyến toàn trình và 5.800 hồ sơ trực tuyến một phần.",
        {
            ("dossier.online", 15600.0, P),
        },
    ),
    "Hà Nam năm 2024": (
        "Hà Nam năm 2024\nTỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC của tỉnh Hà Nam năm 2024 đạt 85,4%; đã số hóa 120.300 hồ sơ.",
        {
            ("dossier.digitised", 120300.0, P),
        },
    ),
    "Thái Nguyên quý III/2024": (
        "Thái Nguyên quý III/2024\nQuý III/2024, tỉnh Thái Nguyên có 14.560 hồ sơ thanh toán trực tuyến phí, lệ phí với số tiền trên 2,3 tỷ đồng.",
        {
            ("dossier.paid_online", 14560.0, P),
        },
    ),
    "Yên Bái: bộ TTHC năm 2023": (
        "Yên Bái: bộ TTHC năm 2023\nHiện nay, Bộ TTHC của tỉnh Yên Bái có 1.845 thủ tục đang có hiệu lực thi hành.",
        {
            ("tthc.in_force", 1845.0, P),
        },
    ),
    "Hòa Bình năm 2022": (
        "Hòa Bình năm 2022\nNăm 2022, Chủ tịch UBND tỉnh Hòa Bình đã ký 42 quyết định công bố danh mục 612 TTHC; trong đó: 210 TTHC ban hành mới, 305 TTHC sửa đổi, bổ sung, 97 TTHC bãi bỏ.",
        {
            ("tthc.abolished", 97.0, P),
            ("tthc.amended", 305.0, P),
            ("tthc.published", 612.0, P),
        },
    ),
    "Bắc Giang: huyện Lục Ngạn năm 2023": (
        "Bắc Giang: huyện Lục Ngạn năm 2023\nTỷ lệ hồ sơ giải quyết đúng hạn của huyện Lục Ngạn năm 2023 đạt 98,2 phần trăm.",
        {
            ("dossier.on_time_pct", 98.2, "huyện Lục Ngạn"),
        },
    ),
    "Thanh Hóa năm 2024": (
        "Thanh Hóa năm 2024\nNăm 2024, toàn tỉnh Thanh Hóa tiếp nhận hơn 1,2 triệu hồ sơ TTHC, trong đó gần 900 nghìn hồ sơ trực tuyến.",
        {
            ("dossier.online", 900000.0, P),
            ("dossier.received", 1200000.0, P),
        },
    ),
    "Vĩnh Long tháng 5/2024": (
        "Vĩnh Long tháng 5/2024\nSố hồ sơ tiếp nhận giải quyết trong tháng 5/2024 của tỉnh Vĩnh Long là 21.340, số đã giải quyết là 20.870, số trễ hạn là 35.",
        {
            ("dossier.received", 21340.0, P),
            ("dossier.resolved", 20870.0, P),
            ("dossier.resolved_late", 35.0, P),
        },
    ),
    "Kiên Giang 9 tháng năm 2023": (
        "Kiên Giang 9 tháng năm 2023\nTỉnh Kiên Giang, 9 tháng năm 2023, về hồ sơ: tiếp nhận: 187.650; đã giải quyết: 185.200; quá hạn: 1.100; đang giải quyết: 2.450.",
        {
            ("dossier.pending", 2450.0, P),
            ("dossier.received", 187650.0, P),
            ("dossier.resolved", 185200.0, P),
            ("dossier.resolved_late", 1100.0, P),
        },
    ),
    "Lai Châu quý IV/2023": (
        "Lai Châu quý IV/2023\nQuý IV/2023, tỉnh Lai Châu giải quyết đúng hạn 22.300 hồ sơ, đạt 99,33%.",
        {
            ("dossier.on_time_pct", 99.33, P),
            ("dossier.resolved_on_time", 22300.0, P),
        },
    ),
    "Tỉnh Phú Thọ năm 2023": (
        "Tỉnh Phú Thọ năm 2023\nNăm 2023, cấp tỉnh tiếp nhận 85.000 hồ sơ, cấp huyện tiếp nhận 120.500 hồ sơ, cấp xã tiếp nhận 310.200 hồ sơ.",
        {
            ("dossier.received", 85000.0, "cấp tỉnh"),
            ("dossier.received", 120500.0, "cấp huyện"),
            ("dossier.received", 310200.0, "cấp xã"),
        },
    ),
    "Đắk Lắk: huyện Krông Pắc năm 2023": (
        "Đắk Lắk: huyện Krông Pắc năm 2023\nNăm 2023, UBND huyện Krông Pắc tiếp nhận 24.300 hồ sơ. Trong đó, 24.100 hồ sơ được giải quyết đúng hạn, đạt 99,2%.",
        {
            ("dossier.on_time_pct", 99.2, "huyện Krông Pắc"),
            ("dossier.received", 24300.0, "huyện Krông Pắc"),
            ("dossier.resolved_on_time", 24100.0, "huyện Krông Pắc"),
        },
    ),
    "Quảng Ngãi tháng 6/2024": (
        "Quảng Ngãi tháng 6/2024\nĐến tháng 6/2024, tỉnh Quảng Ngãi đã cung cấp 1.112 DVCTT toàn trình và 702 DVCTT một phần trên Cổng Dịch vụ công quốc gia.",
        {
            ("service.online_level3", 702.0, P),
            ("service.online_level4", 1112.0, P),
        },
    ),
    "Đồng Tháp năm 2024": (
        "Đồng Tháp năm 2024\nTỷ lệ hồ sơ trực tuyến của tỉnh Đồng Tháp năm 2024 đạt 72,5%, với 310.400 hồ sơ.",
        {
            ("dossier.online", 310400.0, P),
        },
    ),
    "Bình Phước năm 2024": (
        "Bình Phước năm 2024\nTổng số TTHC thuộc thẩm quyền giải quyết của tỉnh Bình Phước là 1.932 thủ tục; trong đó cấp tỉnh 1.520, cấp huyện 270, cấp xã 142.",
        {
            ("tthc.in_force", 142.0, "cấp xã"),
            ("tthc.in_force", 270.0, "cấp huyện"),
            ("tthc.in_force", 1520.0, "cấp tỉnh"),
            ("tthc.in_force", 1932.0, P),
        },
    ),
    "Gia Lai sau sáp nhập": (
        "Gia Lai sau sáp nhập\nTừ ngày 01/7/2025 đến nay, toàn tỉnh Gia Lai đã tiếp nhận 156.700 hồ sơ, trong đó cấp tỉnh 45.300 hồ sơ, cấp xã 111.400 hồ sơ.",
        {
            ("dossier.received", 45300.0, "cấp tỉnh"),
            ("dossier.received", 111400.0, "cấp xã"),
            ("dossier.received", 156700.0, P),
        },
    ),
    "Tỉnh Nghệ An tháng 10/2024": (
        "Tỉnh Nghệ An tháng 10/2024\nTính đến hết tháng 10/2024, toàn tỉnh còn 312 hồ sơ quá hạn chưa giải quyết.",
        {
            ("dossier.pending_overdue", 312.0, P),
        },
    ),
    "Trung tâm Phục vụ hành chính công tỉnh Bắc Ninh nâng cao chất lượng phục vụ": (
        "Trung tâm Phục vụ hành chính công tỉnh Bắc Ninh nâng cao chất lượng phục vụ\nNăm 2024, đơn vị đã tiếp nhận 65.400 hồ sơ, trong đó 60.100 hồ sơ trực tuyến. 100% hồ sơ được giải quyết đúng hạn.",
        {
            ("dossier.on_time_pct", 100.0, "Trung tâm Phục vụ hành chính công tỉnh Bắc Ninh"),
            ("dossier.online", 60100.0, "Trung tâm Phục vụ hành chính công tỉnh Bắc Ninh"),
            ("dossier.received", 65400.0, "Trung tâm Phục vụ hành chính công tỉnh Bắc Ninh"),
        },
    ),
    "Hà Tĩnh: tổng kết năm 2023": (
        "Hà Tĩnh: tổng kết năm 2023\nTrung tâm Phục vụ hành chính công tỉnh Hà Tĩnh vừa tổng kết công tác năm 2023. Theo đó, trong năm 2023 đã tiếp nhận 38.700 hồ sơ, giải quyết 38.500 hồ sơ, tỷ lệ đúng hạn 99,8%.",
        {
            ("dossier.on_time_pct", 99.8, "Trung tâm Phục vụ hành chính công tỉnh Hà Tĩnh"),
            ("dossier.received", 38700.0, "Trung tâm Phục vụ hành chính công tỉnh Hà Tĩnh"),
            ("dossier.resolved", 38500.0, "Trung tâm Phục vụ hành chính công tỉnh Hà Tĩnh"),
        },
    ),
    "Quảng Ngãi năm 2023": (
        "Quảng Ngãi năm 2023\nNăm 2023, tỉnh Quảng Ngãi duy trì hoạt động hiệu quả Trung tâm Phục vụ hành chính công. Toàn tỉnh tiếp nhận 310.000 hồ sơ, đúng hạn đạt 98,5%.",
        {
            ("dossier.on_time_pct", 98.5, P),
            ("dossier.received", 310000.0, P),
        },
    ),
    "Hưng Yên năm 2023": (
        "Hưng Yên năm 2023\nNăm 2023, toàn tỉnh Hưng Yên tiếp nhận 420.000 hồ sơ. Trong đó, tại Trung tâm Phục vụ hành chính công tỉnh tiếp nhận 45.000 hồ sơ, cấp huyện 125.000 hồ sơ, cấp xã 250.000 hồ sơ.",
        {
            ("dossier.received", 45000.0, "Trung tâm Phục vụ hành chính công tỉnh"),
            ("dossier.received", 125000.0, "Trung tâm Phục vụ hành chính công tỉnh: cấp huyện"),
            ("dossier.received", 250000.0, "cấp xã"),
            ("dossier.received", 420000.0, P),
        },
    ),
    "Quảng Ninh quý II/2024": (
        "Quảng Ninh quý II/2024\nTrong quý II/2024, có 15.320 hồ sơ được tiếp nhận qua Cổng Dịch vụ công của tỉnh Quảng Ninh, 15.100 hồ sơ đã được giải quyết.",
        {
            ("dossier.online", 15320.0, P),
            ("dossier.resolved", 15100.0, P),
        },
    ),
    "Bạc Liêu năm 2024": (
        "Bạc Liêu năm 2024\nHiện toàn tỉnh Bạc Liêu còn 58 hồ sơ tồn đọng quá hạn, chủ yếu lĩnh vực đất đai.",
        {
            ("dossier.pending_overdue", 58.0, P),
        },
    ),
    "Sơn La tháng 6/2024": (
        "Sơn La tháng 6/2024\nTháng 6/2024, cấp huyện của tỉnh Sơn La có 126 hồ sơ chậm trả kết quả.",
        {
            ("dossier.resolved_late", 126.0, "cấp huyện"),
        },
    ),
    "Lâm Đồng tháng 9/2025": (
        "Lâm Đồng tháng 9/2025\nTỷ lệ hài lòng của người dân trong tiếp nhận, giải quyết TTHC tháng 9/2025 của tỉnh Lâm Đồng đạt 95,12%.",
        {
            ("dossier.satisfaction_pct", 95.12, P),
        },
    ),
    "Bình Thuận năm 2022": (
        "Bình Thuận năm 2022\nTỉnh Bình Thuận hiện có 1.678 TTHC, trong đó 1.050 TTHC được cung cấp dịch vụ công trực tuyến toàn trình, 530 TTHC dịch vụ công trực tuyến một phần.",
        {
            ("service.online_level3", 530.0, P),
            ("service.online_level4", 1050.0, P),
            ("tthc.in_force", 1678.0, P),
        },
    ),
    "Ninh Bình quý I/2024": (
        "Ninh Bình quý I/2024\nQuý I/2024, UBND tỉnh Ninh Bình công bố 87 TTHC mới ban hành, sửa đổi, bổ sung và bãi bỏ.",
        {
            ("tthc.published", 87.0, P),
        },
    ),
    "Kon Tum năm 2023": (
        "Kon Tum năm 2023\nNăm 2023, tỉnh Kon Tum đã bãi bỏ 45 thủ tục hành chính và sửa đổi 62 thủ tục.",
        {
            ("tthc.abolished", 45.0, P),
            ("tthc.amended", 62.0, P),
        },
    ),
    "Vĩnh Long: Phường 3 làm tốt cải cách hành chính": (
        "Vĩnh Long: Phường 3 làm tốt cải cách hành chính\nQuý III/2023, UBND Phường 3 tiếp nhận 860 hồ sơ, giải quyết đúng hạn 100%.",
        {
            ("dossier.on_time_pct", 100.0, "UBND Phường 3"),
            ("dossier.received", 860.0, "UBND Phường 3"),
        },
    ),
    "Huyện Đông Anh giải quyết gần 40 nghìn hồ sơ trong 6 tháng": (
        "Huyện Đông Anh giải quyết gần 40 nghìn hồ sơ trong 6 tháng\n6 tháng đầu năm 2024, huyện đã tiếp nhận 40.120 hồ sơ, giải quyết 39.500 hồ sơ; hồ sơ trễ hạn 80.",
        {
            ("dossier.received", 40120.0, "Huyện Đông Anh"),
            ("dossier.resolved", 39500.0, "Huyện Đông Anh"),
            ("dossier.resolved_late", 80.0, "Huyện Đông Anh"),
        },
    ),
    "Tây Ninh năm 2024": (
        "Tây Ninh năm 2024\nSố hồ sơ nộp trực tuyến năm 2024 của tỉnh Tây Ninh là 198.750, chiếm 61,2% tổng số hồ sơ tiếp nhận.",
        {
            ("dossier.online", 198750.0, P),
        },
    ),
    "Cà Mau quý II/2025": (
        "Cà Mau quý II/2025\nQuý II/2025, tỉnh Cà Mau giải quyết 56.300 hồ sơ, trong đó quá hạn 230 hồ sơ (0,4%).",
        {
            ("dossier.resolved", 56300.0, P),
            ("dossier.resolved_late", 230.0, P),
        },
    ),
    "Trà Vinh năm 2022": (
        "Trà Vinh năm 2022\nNăm 2022, tỷ lệ hồ sơ giải quyết đúng hạn của tỉnh Trà Vinh đạt 99,71% (152.430/152.870 hồ sơ).",
        {
            ("dossier.on_time_pct", 99.71, P),
        },
    ),
    "Phú Yên: TP Tuy Hòa đẩy mạnh CCHC": (
        "Phú Yên: TP Tuy Hòa đẩy mạnh CCHC\nNăm 2023, thành phố Tuy Hòa tiếp nhận 35.600 hồ sơ, giải quyết đúng hạn đạt 99,1%.",
        {
            ("dossier.on_time_pct", 99.1, "thành phố Tuy Hòa"),
            ("dossier.received", 35600.0, "thành phố Tuy Hòa"),
        },
    ),
    "Long An năm 2024": (
        "Long An năm 2024\nĐến hết năm 2024, tỉnh Long An đã số hóa 250.300 hồ sơ, kết quả giải quyết TTHC.",
        {
            ("dossier.digitised", 250300.0, P),
        },
    ),
    "Tỉnh Hà Nam năm 2021": (
        "Tỉnh Hà Nam năm 2021\nSố DVCTT mức độ 3: 450 dịch vụ; mức độ 4: 820 dịch vụ.",
        {
            ("service.online_level3", 450.0, P),
            ("service.online_level4", 820.0, P),
        },
    ),
    "Trung tâm Phục vụ hành chính công tỉnh Gia Lai: một năm nhìn lại": (
        "Trung tâm Phục vụ hành chính công tỉnh Gia Lai: một năm nhìn lại\nNăm 2023 là năm thứ hai Trung tâm đi vào hoạt động.\n\nTheo số liệu thống kê, năm 2023 Trung tâm đã tiếp nhận 42.300 hồ sơ, đã giải quyết 41.900 hồ sơ.\n\nTỷ lệ hồ sơ giải quyết đúng hạn đạt 99,7%.",
        {
            ("dossier.on_time_pct", 99.7, "Trung tâm Phục vụ hành chính công tỉnh Gia Lai"),
            ("dossier.received", 42300.0, "Trung tâm Phục vụ hành chính công tỉnh Gia Lai"),
            ("dossier.resolved", 41900.0, "Trung tâm Phục vụ hành chính công tỉnh Gia Lai"),
        },
    ),
    "Trung tâm Phục vụ hành chính công tỉnh Đắk Lắk: 6 tháng đầu năm 2024": (
        "Trung tâm Phục vụ hành chính công tỉnh Đắk Lắk: 6 tháng đầu năm 2024\n6 tháng đầu năm 2024, Trung tâm Phục vụ hành chính công tỉnh Đắk Lắk tiếp nhận 22.150 hồ sơ.\n\nSố hồ sơ đã giải quyết là 21.800 hồ sơ, trong đó đúng hạn 21.790 hồ sơ.\n\nHồ sơ trực tuyến chiếm 76,5%, tương đương 16.945 hồ sơ.",
        {
            ("dossier.online", 16945.0, "Trung tâm Phục vụ hành chính công tỉnh Đắk Lắk"),
            ("dossier.received", 22150.0, "Trung tâm Phục vụ hành chính công tỉnh Đắk Lắk"),
            ("dossier.resolved", 21800.0, "Trung tâm Phục vụ hành chính công tỉnh Đắk Lắk"),
            ("dossier.resolved_on_time", 21790.0, "Trung tâm Phục vụ hành chính công tỉnh Đắk Lắk"),
        },
    ),
    "Kết quả hoạt động của Trung tâm Hành chính công tỉnh Quảng Trị quý III/2023": (
        "Kết quả hoạt động của Trung tâm Hành chính công tỉnh Quảng Trị quý III/2023\nQuý III/2023, tiếp nhận 9.870 hồ sơ; giải quyết 9.650 hồ sơ; trễ hạn 3 hồ sơ.",
        {
            ("dossier.received", 9870.0, "Trung tâm Hành chính công tỉnh Quảng Trị"),
            ("dossier.resolved", 9650.0, "Trung tâm Hành chính công tỉnh Quảng Trị"),
            ("dossier.resolved_late", 3.0, "Trung tâm Hành chính công tỉnh Quảng Trị"),
        },
    ),
    "Trung tâm PVHCC tỉnh Phú Thọ tháng 5/2024": (
        "Trung tâm PVHCC tỉnh Phú Thọ tháng 5/2024\nTrong tháng 5/2024, Trung tâm PVHCC tỉnh Phú Thọ đã tiếp nhận 5.432 hồ sơ, trả kết quả đúng hạn 5.430 hồ sơ, đạt 99,96%.",
        {
            ("dossier.on_time_pct", 99.96, "Trung tâm PVHCC"),
            ("dossier.received", 5432.0, "Trung tâm PVHCC"),
            ("dossier.resolved_on_time", 5430.0, "Trung tâm PVHCC"),
        },
    ),
    "Huyện Thanh Sơn quý I/2024": (
        "Huyện Thanh Sơn quý I/2024\nQuý I/2024, Bộ phận Tiếp nhận và trả kết quả huyện Thanh Sơn tiếp nhận 3.456 hồ sơ.\n\nTrong đó, hồ sơ trực tuyến là 2.100 hồ sơ; đã giải quyết 3.300 hồ sơ, đúng hạn 100%.",
        {
            ("dossier.on_time_pct", 100.0, "huyện Thanh Sơn"),
            ("dossier.online", 2100.0, "huyện Thanh Sơn"),
            ("dossier.received", 3456.0, "huyện Thanh Sơn"),
            ("dossier.resolved", 3300.0, "huyện Thanh Sơn"),
        },
    ),
    "UBND huyện Cẩm Xuyên: năm 2023": (
        "UBND huyện Cẩm Xuyên: năm 2023\nNăm 2023, UBND huyện Cẩm Xuyên tiếp nhận 12.400 hồ sơ TTHC.\n\nCác xã, thị trấn tiếp nhận 38.500 hồ sơ, giải quyết đúng hạn 99,6%.",
        {
            ("dossier.on_time_pct", 99.6, "cấp xã"),
            ("dossier.received", 12400.0, "huyện Cẩm Xuyên"),
            ("dossier.received", 38500.0, "cấp xã"),
        },
    ),
    "Thái Bình năm 2023": (
        "Thái Bình năm 2023\nNăm 2023, tỉnh Thái Bình tiếp nhận 512.340 hồ sơ; trong đó, số hồ sơ được giải quyết trước hạn là 410.200, đúng hạn là 98.800, quá hạn là 1.340.",
        {
            ("dossier.received", 512340.0, P),
            ("dossier.resolved_early", 410200.0, P),
            ("dossier.resolved_late", 1340.0, P),
            ("dossier.resolved_on_time", 98800.0, P),
        },
    ),
    "Lạng Sơn 9 tháng năm 2024": (
        "Lạng Sơn 9 tháng năm 2024\n9 tháng năm 2024, tỉnh Lạng Sơn: hồ sơ tiếp nhận 134.500; hồ sơ đã giải quyết 132.000; hồ sơ giải quyết quá hạn 420; hồ sơ đang giải quyết 2.500, trong đó quá hạn 35.",
        {
            ("dossier.pending", 2500.0, P),
            ("dossier.pending_overdue", 35.0, P),
            ("dossier.received", 134500.0, P),
            ("dossier.resolved", 132000.0, P),
            ("dossier.resolved_late", 420.0, P),
        },
    ),
    "Bắc Giang năm 2024": (
        "Bắc Giang năm 2024\nTính đến ngày 31/12/2024, tổng số TTHC áp dụng trên địa bàn tỉnh Bắc Giang là 1.987 thủ tục.",
        {
            ("tthc.in_force", 1987.0, P),
        },
    ),
    "Hải Dương năm 2023": (
        "Hải Dương năm 2023\nBộ thủ tục hành chính áp dụng tại tỉnh Hải Dương hiện gồm 1.756 thủ tục.",
        {
            ("tthc.in_force", 1756.0, P),
        },
    ),
    "Quảng Nam năm 2022": (
        "Quảng Nam năm 2022\nHiện nay, tỉnh Quảng Nam đang triển khai 2.015 TTHC ở cả 3 cấp.",
        {
            ("tthc.in_force", 2015.0, P),
        },
    ),
    "Hà Tĩnh năm 2023": (
        "Hà Tĩnh năm 2023\nToàn tỉnh Hà Tĩnh có 1.890 TTHC đang được áp dụng, trong đó cấp tỉnh 1.450 TTHC, cấp huyện 286 TTHC, cấp xã 154 TTHC.",
        {
            ("tthc.in_force", 154.0, "cấp xã"),
            ("tthc.in_force", 286.0, "cấp huyện"),
            ("tthc.in_force", 1450.0, "cấp tỉnh"),
            ("tthc.in_force", 1890.0, P),
        },
    ),
    "Ninh Thuận 2024": (
        "Ninh Thuận 2024\nDanh mục TTHC thuộc thẩm quyền giải quyết của các cấp chính quyền tỉnh Ninh Thuận gồm 1.812 TTHC.",
        {
            ("tthc.in_force", 1812.0, P),
        },
    ),
    "Phú Thọ năm 2025": (
        "Phú Thọ năm 2025\nSau sắp xếp, tổng số TTHC đang thực hiện tại tỉnh Phú Thọ là 2.104 thủ tục (cấp tỉnh 1.750, cấp xã 354).",
        {
            ("tthc.in_force", 354.0, "cấp xã"),
            ("tthc.in_force", 1750.0, "cấp tỉnh"),
            ("tthc.in_force", 2104.0, P),
        },
    ),
    "Lào Cai năm 2023": (
        "Lào Cai năm 2023\nTrong năm 2023, Chủ tịch UBND tỉnh Lào Cai đã ban hành 38 Quyết định công bố 512 TTHC.",
        {
            ("tthc.published", 512.0, P),
        },
    ),
    "Sơn La quý I/2024": (
        "Sơn La quý I/2024\nQuý I/2024, tỉnh Sơn La đã công bố, công khai 146 thủ tục hành chính.",
        {
            ("tthc.published", 146.0, P),
        },
    ),
    "Thái Nguyên 6 tháng đầu năm 2023": (
        "Thái Nguyên 6 tháng đầu năm 2023\n6 tháng đầu năm 2023, UBND tỉnh Thái Nguyên ban hành 19 quyết định công bố danh mục TTHC với tổng số 285 TTHC, gồm: 96 TTHC mới, 141 TTHC sửa đổi, 48 TTHC bị bãi bỏ.",
        {
            ("tthc.abolished", 48.0, P),
            ("tthc.amended", 141.0, P),
            ("tthc.published", 285.0, P),
        },
    ),
    "Quảng Trị năm 2024": (
        "Quảng Trị năm 2024\nSố TTHC được công bố trong năm 2024 của tỉnh Quảng Trị là 421 thủ tục, trong đó sửa đổi, bổ sung 203 thủ tục, bãi bỏ 87 thủ tục.",
        {
            ("tthc.abolished", 87.0, P),
            ("tthc.amended", 203.0, P),
            ("tthc.published", 421.0, P),
        },
    ),
    "Cao Bằng năm 2022": (
        "Cao Bằng năm 2022\nNăm 2022, tỉnh Cao Bằng công bố 367 TTHC (ban hành mới 112, sửa đổi bổ sung 178, bãi bỏ 77).",
        {
            ("tthc.abolished", 77.0, P),
            ("tthc.amended", 178.0, P),
            ("tthc.published", 367.0, P),
        },
    ),
    "Bình Dương tháng 8/2024": (
        "Bình Dương tháng 8/2024\nTháng 8/2024, tỉnh Bình Dương đang giải quyết 8.765 hồ sơ, trong đó có 156 hồ sơ đã quá hạn.",
        {
            ("dossier.pending", 8765.0, P),
            ("dossier.pending_overdue", 156.0, P),
        },
    ),
    "Đồng Nai quý III/2024": (
        "Đồng Nai quý III/2024\nQuý III/2024, số hồ sơ đang giải quyết của tỉnh Đồng Nai là 12.340, trong đó quá hạn giải quyết 420 hồ sơ.",
        {
            ("dossier.pending", 12340.0, P),
            ("dossier.pending_overdue", 420.0, P),
        },
    ),
    "Lâm Đồng năm 2023": (
        "Lâm Đồng năm 2023\nĐến cuối năm 2023, toàn tỉnh Lâm Đồng còn 1.023 hồ sơ đang giải quyết quá hạn, tập trung ở lĩnh vực đất đai.",
        {
            ("dossier.pending_overdue", 1023.0, P),
        },
    ),
    "Bình Phước tháng 9/2024": (
        "Bình Phước tháng 9/2024\nTrong tháng 9/2024, tỉnh Bình Phước còn 2.345 hồ sơ chưa giải quyết, trong đó 98 hồ sơ quá hạn.",
        {
            ("dossier.pending", 2345.0, P),
            ("dossier.pending_overdue", 98.0, P),
        },
    ),
    "Ninh Bình năm 2024": (
        "Ninh Bình năm 2024\nNăm 2024, số hồ sơ tiếp nhận trực tuyến trên địa bàn tỉnh Ninh Bình đạt 245.600 hồ sơ.",
        {
            ("dossier.online", 245600.0, P),
        },
    ),
    "Kiên Giang quý II/2024": (
        "Kiên Giang quý II/2024\nQuý II/2024, tỉnh Kiên Giang tiếp nhận 89.300 hồ sơ, trong đó hồ sơ nộp qua Cổng Dịch vụ công là 56.700 hồ sơ.",
        {
            ("dossier.online", 56700.0, P),
            ("dossier.received", 89300.0, P),
        },
    ),
    "Hà Giang năm 2023": (
        "Hà Giang năm 2023\nNăm 2023, tỉnh Hà Giang có 123.450 hồ sơ được nộp trực tuyến trên tổng số 198.000 hồ sơ tiếp nhận.",
        {
            ("dossier.online", 123450.0, P),
            ("dossier.received", 198000.0, P),
        },
    ),
    "Hòa Bình 9 tháng năm 2024": (
        "Hòa Bình 9 tháng năm 2024\n9 tháng năm 2024, tỉnh Hòa Bình tiếp nhận 143.200 hồ sơ, trong đó 98.700 hồ sơ trực tuyến toàn trình và một phần, đạt 68,9%.",
        {
            ("dossier.online", 98700.0, P),
            ("dossier.received", 143200.0, P),
        },
    ),
    "Vĩnh Phúc quý I/2025": (
        "Vĩnh Phúc quý I/2025\nQuý I/2025, tỉnh Vĩnh Phúc tiếp nhận 67.800 hồ sơ (42.300 hồ sơ trực tuyến, 25.500 hồ sơ trực tiếp).",
        {
            ("dossier.online", 42300.0, P),
            ("dossier.received", 67800.0, P),
        },
    ),
    "Quảng Ngãi tháng 10/2025": (
        "Quảng Ngãi tháng 10/2025\nTháng 10/2025, tỷ lệ hồ sơ trực tuyến của tỉnh Quảng Ngãi đạt 87,3% với 45.210 hồ sơ trên tổng số 51.787 hồ sơ.",
        {
            ("dossier.online", 45210.0, P),
            ("dossier.received", 51787.0, P),
        },
    ),
    "Thừa Thiên Huế năm 2023": (
        "Thừa Thiên Huế năm 2023\nNăm 2023, tỉnh Thừa Thiên Huế đã xử lý 356.780 hồ sơ, đạt 98,9%.",
        {
            ("dossier.resolved", 356780.0, P),
        },
    ),
    "Hậu Giang tháng 3/2024": (
        "Hậu Giang tháng 3/2024\nTháng 3/2024, tỉnh Hậu Giang tiếp nhận 14.560 hồ sơ; giải quyết xong 14.100 hồ sơ.",
        {
            ("dossier.received", 14560.0, P),
            ("dossier.resolved", 14100.0, P),
        },
    ),
    "Sóc Trăng 6 tháng đầu năm 2024": (
        "Sóc Trăng 6 tháng đầu năm 2024\n6 tháng đầu năm 2024, tỉnh Sóc Trăng có 156.800 hồ sơ đã được giải quyết, trong đó trước hạn 120.300 hồ sơ, đúng hạn 35.900 hồ sơ, trễ hạn 600 hồ sơ.",
        {
            ("dossier.resolved", 156800.0, P),
            ("dossier.resolved_early", 120300.0, P),
            ("dossier.resolved_late", 600.0, P),
            ("dossier.resolved_on_time", 35900.0, P),
        },
    ),
    "Bến Tre năm 2023": (
        "Bến Tre năm 2023\nNăm 2023, tỉnh Bến Tre đã trả kết quả 398.450 hồ sơ, tỷ lệ trả đúng hạn 99,21%.",
        {
            ("dossier.on_time_pct", 99.21, P),
            ("dossier.resolved", 398450.0, P),
        },
    ),
    "Yên Bái quý III/2023": (
        "Yên Bái quý III/2023\nQuý III/2023, tỉnh Yên Bái tiếp nhận 45.320 hồ sơ, giải quyết 44.870 hồ sơ (đúng hạn 44.500, quá hạn 370).",
        {
            ("dossier.received", 45320.0, P),
            ("dossier.resolved", 44870.0, P),
            ("dossier.resolved_late", 370.0, P),
            ("dossier.resolved_on_time", 44500.0, P),
        },
    ),
    "An Giang năm 2022": (
        "An Giang năm 2022\nNăm 2022, tổng số hồ sơ giải quyết của tỉnh An Giang là 567.800 hồ sơ, trong đó giải quyết đúng hạn 562.300 hồ sơ.",
        {
            ("dossier.resolved", 567800.0, P),
            ("dossier.resolved_on_time", 562300.0, P),
        },
    ),
    "Đắk Lắk năm 2024": (
        "Đắk Lắk năm 2024\nNăm 2024, hồ sơ giải quyết đúng hạn của tỉnh Đắk Lắk đạt tỷ lệ 98,76%.",
        {
            ("dossier.on_time_pct", 98.76, P),
        },
    ),
    "Phú Yên quý II/2024": (
        "Phú Yên quý II/2024\nQuý II/2024, tỉnh Phú Yên có 99,12% hồ sơ được giải quyết trước và đúng hạn.",
        {
            ("dossier.on_time_pct", 99.12, P),
        },
    ),
    "Gia Lai tháng 11/2025": (
        "Gia Lai tháng 11/2025\nTrong tháng 11/2025, tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn của tỉnh Gia Lai là 97,8%.",
        {
            ("dossier.on_time_pct", 97.8, P),
        },
    ),
    "Tuyên Quang năm 2024": (
        "Tuyên Quang năm 2024\nNăm 2024, tỉnh Tuyên Quang giải quyết 312.400 hồ sơ, đạt tỷ lệ đúng hạn 99,45%.",
        {
            ("dossier.on_time_pct", 99.45, P),
            ("dossier.resolved", 312400.0, P),
        },
    ),
    "Hà Nam năm 2023": (
        "Hà Nam năm 2023\nNăm 2023, các cơ quan, đơn vị trên địa bàn tỉnh Hà Nam đã tiếp nhận tổng cộng 287.600 hồ sơ TTHC.",
        {
            ("dossier.received", 287600.0, P),
        },
    ),
    "Lạng Sơn tháng 4/2024": (
        "Lạng Sơn tháng 4/2024\nTháng 4/2024, Lạng Sơn đã nhận 23.450 hồ sơ TTHC.",
        {
            ("dossier.received", 23450.0, P),
        },
    ),
    "Đà Nẵng quý I/2024": (
        "Đà Nẵng quý I/2024\nQuý I/2024, thành phố Đà Nẵng đã thụ lý 98.765 hồ sơ.",
        {
            ("dossier.received", 98765.0, P),
        },
    ),
    "Nam Định 6 tháng đầu năm 2024": (
        "Nam Định 6 tháng đầu năm 2024\n6 tháng đầu năm 2024, số lượng hồ sơ TTHC tỉnh Nam Định tiếp nhận là 210.300 hồ sơ.",
        {
            ("dossier.received", 210300.0, P),
        },
    ),
    "Hưng Yên tháng 8/2025": (
        "Hưng Yên tháng 8/2025\nTháng 8/2025, các xã, phường của tỉnh Hưng Yên đã tiếp nhận 34.500 hồ sơ, giải quyết 33.200 hồ sơ.",
        {
            ("dossier.received", 34500.0, "cấp xã"),
            ("dossier.resolved", 33200.0, "cấp xã"),
        },
    ),
    "Kết quả giải quyết hồ sơ TTHC tháng 6/2024 tỉnh Quảng Bình": (
        "Kết quả giải quyết hồ sơ TTHC tháng 6/2024 tỉnh Quảng Bình\nChỉ tiêu\nSố lượng\nTổng số hồ sơ tiếp nhận\n45.678\nSố hồ sơ trực tuyến\n30.120\nSố hồ sơ đã giải quyết\n44.900\nSố hồ sơ quá hạn\n56",
        {
            ("dossier.online", 30120.0, P),
            ("dossier.received", 45678.0, P),
            ("dossier.resolved", 44900.0, P),
            ("dossier.resolved_late", 56.0, P),
        },
    ),
    "Tỉnh Bình Định: 9 tháng năm 2024": (
        "Tỉnh Bình Định: 9 tháng năm 2024\nKết quả tiếp nhận và giải quyết hồ sơ 9 tháng năm 2024:\n- Tổng số hồ sơ tiếp nhận: 234.560 hồ sơ.\n- Đã giải quyết: 230.100 hồ sơ, trong đó quá hạn 890 hồ sơ.\n- Đang giải quyết: 4.460 hồ sơ.",
        {
            ("dossier.pending", 4460.0, P),
            ("dossier.received", 234560.0, P),
            ("dossier.resolved", 230100.0, P),
            ("dossier.resolved_late", 890.0, P),
        },
    ),
    "Tỉnh Hà Tĩnh quý I/2024": (
        "Tỉnh Hà Tĩnh quý I/2024\nQuý I/2024, kết quả tiếp nhận hồ sơ như sau:\n- Cấp tỉnh: tiếp nhận 12.340 hồ sơ, giải quyết đúng hạn 99,9%.\n- Cấp huyện: tiếp nhận 23.450 hồ sơ, giải quyết đúng hạn 99,2%.\n- Cấp xã: tiếp nhận 56.780 hồ sơ, giải quyết đúng hạn 99,7%.",
        {
            ("dossier.on_time_pct", 99.2, "cấp huyện"),
            ("dossier.on_time_pct", 99.7, "cấp xã"),
            ("dossier.on_time_pct", 99.9, "cấp tỉnh"),
            ("dossier.received", 12340.0, "cấp tỉnh"),
            ("dossier.received", 23450.0, "cấp huyện"),
            ("dossier.received", 56780.0, "cấp xã"),
        },
    ),
    "Huyện Tuy Phước quý II/2024": (
        "Huyện Tuy Phước quý II/2024\nQuý II/2024, huyện Tuy Phước tiếp nhận 4.560 hồ sơ. Đã giải quyết 4.420 hồ sơ. Trong đó, trước hạn 3.100 hồ sơ, đúng hạn 1.300 hồ sơ, trễ hạn 20 hồ sơ. Hiện đang giải quyết 140 hồ sơ.",
        {
            ("dossier.pending", 140.0, "Huyện Tuy Phước"),
            ("dossier.received", 4560.0, "huyện Tuy Phước"),
            ("dossier.resolved", 4420.0, "huyện Tuy Phước"),
            ("dossier.resolved_early", 3100.0, "huyện Tuy Phước"),
            ("dossier.resolved_late", 20.0, "huyện Tuy Phước"),
            ("dossier.resolved_on_time", 1300.0, "huyện Tuy Phước"),
        },
    ),
    "Nghệ An tháng 7/2024": (
        "Nghệ An tháng 7/2024\nTháng 7/2024, toàn tỉnh Nghệ An tiếp nhận 98.700 hồ sơ. Riêng thành phố Vinh tiếp nhận 12.300 hồ sơ. Tỷ lệ giải quyết đúng hạn của toàn tỉnh đạt 98,9%.",
        {
            ("dossier.on_time_pct", 98.9, P),
            ("dossier.received", 12300.0, "thành phố Vinh"),
            ("dossier.received", 98700.0, P),
        },
    ),
    "Quảng Trị: Trung tâm Phục vụ hành chính công tỉnh": (
        "Quảng Trị: Trung tâm Phục vụ hành chính công tỉnh\nBà Lê Thị Hoa, Phó Giám đốc Trung tâm Phục vụ hành chính công tỉnh Quảng Trị cho biết: “Năm 2023, Trung tâm đã tiếp nhận 28.760 hồ sơ, giải quyết đúng hạn đạt 99,95%”.",
        {
            ("dossier.on_time_pct", 99.95, "Trung tâm Phục vụ hành chính công tỉnh Quảng Trị"),
            ("dossier.received", 28760.0, "Trung tâm Phục vụ hành chính công tỉnh Quảng Trị"),
        },
    ),
    "Xã Phong Điền sau 3 tháng vận hành": (
        "Xã Phong Điền sau 3 tháng vận hành\nSau 3 tháng vận hành mô hình chính quyền địa phương 2 cấp, từ ngày 1/7 đến ngày 30/9/2025, UBND xã Phong Điền đã tiếp nhận 2.345 hồ sơ, giải quyết 2.300 hồ sơ, 100% đúng hạn.",
        {
            ("dossier.on_time_pct", 100.0, "xã Phong Điền"),
            ("dossier.received", 2345.0, "xã Phong Điền"),
            ("dossier.resolved", 2300.0, "xã Phong Điền"),
        },
    ),
    "Phường Ba Đình tháng 9/2025": (
        "Phường Ba Đình tháng 9/2025\nTrong tháng 9/2025, Trung tâm Phục vụ hành chính công phường Ba Đình tiếp nhận 3.210 hồ sơ, trong đó 2.980 hồ sơ trực tuyến.",
        {
            ("dossier.online", 2980.0, "Trung tâm Phục vụ hành chính công phường Ba Đình"),
            ("dossier.received", 3210.0, "Trung tâm Phục vụ hành chính công phường Ba Đình"),
        },
    ),
    "Quảng Nam năm 2023": (
        "Quảng Nam năm 2023\nNăm 2023, 99,1% hồ sơ TTHC trên địa bàn tỉnh Quảng Nam được giải quyết đúng hạn.",
        {
            ("dossier.on_time_pct", 99.1, P),
        },
    ),
    "Hà Nội năm 2024": (
        "Hà Nội năm 2024\nNăm 2024, thành phố Hà Nội tiếp nhận gần 3,5 triệu hồ sơ, trong đó hơn 2,8 triệu hồ sơ trực tuyến.",
        {
            ("dossier.online", 2800000.0, P),
            ("dossier.received", 3500000.0, P),
        },
    ),
    "Đồng Nai năm 2024": (
        "Đồng Nai năm 2024\nNăm 2024, Đồng Nai tiếp nhận trên 800 nghìn hồ sơ TTHC; giải quyết đúng hạn trên 98%.",
        {
            ("dossier.on_time_pct", 98.0, P),
            ("dossier.received", 800000.0, P),
        },
    ),
    "Hà Giang tháng 5/2024": (
        "Hà Giang tháng 5/2024\nTrong tháng 5/2024, tổng số hồ sơ phải giải quyết của tỉnh Hà Giang là 32.450 hồ sơ (tồn kỳ trước 2.100 hồ sơ, tiếp nhận mới 30.350 hồ sơ).",
        {
            ("dossier.received", 32450.0, P),
        },
    ),
    "Bình Thuận quý I/2024": (
        "Bình Thuận quý I/2024\nQuý I/2024, tỉnh Bình Thuận tiếp nhận 76.500 hồ sơ; có 234 hồ sơ tạm dừng, trả lại để bổ sung.",
        {
            ("dossier.received", 76500.0, P),
            ("dossier.suspended", 234.0, P),
        },
    ),
    "Quảng Ninh năm 2024": (
        "Quảng Ninh năm 2024\nNăm 2024, tỉnh Quảng Ninh có 156.700 hồ sơ thanh toán trực tuyến, đạt 65,3% số hồ sơ có phí, lệ phí.",
        {
            ("dossier.paid_online", 156700.0, P),
        },
    ),
    "Hải Phòng năm 2023": (
        "Hải Phòng năm 2023\nNăm 2023, thành phố Hải Phòng đã số hóa được 298.400 hồ sơ TTHC, đạt 87,2%.",
        {
            ("dossier.digitised", 298400.0, P),
        },
    ),
    "Tỉnh Bắc Ninh năm 2023": (
        "Tỉnh Bắc Ninh năm 2023\nDịch vụ công trực tuyến của tỉnh Bắc Ninh năm 2023: toàn trình 1.056 dịch vụ; một phần 623 dịch vụ.",
        {
            ("service.online_level3", 623.0, P),
            ("service.online_level4", 1056.0, P),
        },
    ),
    "Tỉnh Sóc Trăng năm 2022": (
        "Tỉnh Sóc Trăng năm 2022\nTổng số thủ tục hành chính của tỉnh Sóc Trăng là 1.845, trong đó có 1.234 thủ tục được cung cấp trực tuyến toàn trình.",
        {
            ("service.online_level4", 1234.0, P),
            ("tthc.in_force", 1845.0, P),
        },
    ),
    "UBND huyện Lập Thạch năm 2024": (
        "UBND huyện Lập Thạch năm 2024\nNăm 2024, Bộ phận Một cửa huyện Lập Thạch tiếp nhận 7.890 hồ sơ, giải quyết đúng hạn 99,8%.\n\nỞ cấp xã, tiếp nhận 21.340 hồ sơ, giải quyết đúng hạn 100%.",
        {
            ("dossier.on_time_pct", 99.8, "huyện Lập Thạch"),
            ("dossier.on_time_pct", 100.0, "cấp xã"),
            ("dossier.received", 7890.0, "huyện Lập Thạch"),
            ("dossier.received", 21340.0, "cấp xã"),
        },
    ),
    "Sở Tư pháp tỉnh Nam Định năm 2023": (
        "Sở Tư pháp tỉnh Nam Định năm 2023\nNăm 2023, Sở Tư pháp tiếp nhận 12.345 hồ sơ, giải quyết 12.300 hồ sơ, không có hồ sơ quá hạn.",
        {
            ("dossier.received", 12345.0, "Sở Tư pháp"),
            ("dossier.resolved", 12300.0, "Sở Tư pháp"),
        },
    ),
    "Hải Dương quý I/2024": (
        "Hải Dương quý I/2024\nQuý I/2024, số hồ sơ tiếp nhận, đã giải quyết và đang giải quyết của tỉnh Hải Dương lần lượt là 45.600, 44.800 và 800 hồ sơ.",
        {
            ("dossier.pending", 800.0, P),
            ("dossier.received", 45600.0, P),
            ("dossier.resolved", 44800.0, P),
        },
    ),
    "Bắc Giang năm 2023": (
        "Bắc Giang năm 2023\nNăm 2023, tỉnh Bắc Giang tiếp nhận 312.000 hồ sơ, trong đó cấp tỉnh (45.000 hồ sơ), cấp huyện (98.000 hồ sơ), cấp xã (169.000 hồ sơ).",
        {
            ("dossier.received", 45000.0, "cấp tỉnh"),
            ("dossier.received", 98000.0, "cấp huyện"),
            ("dossier.received", 169000.0, "cấp xã"),
            ("dossier.received", 312000.0, P),
        },
    ),
    "Trung tâm Phục vụ hành chính công xã Tân Hiệp tháng 9/2025": (
        "Trung tâm Phục vụ hành chính công xã Tân Hiệp tháng 9/2025\nTrong tháng 9/2025, Trung tâm Phục vụ hành chính công xã Tân Hiệp tiếp nhận 1.560 hồ sơ, giải quyết đúng hạn 1.540 hồ sơ.",
        {
            ("dossier.received", 1560.0, "Trung tâm Phục vụ hành chính công xã Tân Hiệp"),
            ("dossier.resolved_on_time", 1540.0, "Trung tâm Phục vụ hành chính công xã Tân Hiệp"),
        },
    ),
    "Quảng Ninh năm 2024 (2)": (
        "Quảng Ninh năm 2024\nDịch vụ công trực tuyến toàn trình: 850 TTHC; dịch vụ công trực tuyến một phần: 420 TTHC (số liệu năm 2024 của tỉnh Quảng Ninh).",
        {
            ("service.online_level3", 420.0, P),
            ("service.online_level4", 850.0, P),
        },
    ),
    "Phú Thọ tháng 9/2024": (
        "Phú Thọ tháng 9/2024\nTháng 9/2024, tỷ lệ giải quyết hồ sơ đúng hạn của tỉnh Phú Thọ đạt 99,5% (tăng 0,3% so với cùng kỳ).",
        {
            ("dossier.on_time_pct", 99.5, P),
        },
    ),
    "Trung tâm Phục vụ hành chính công tỉnh Nghệ An tháng 9": (
        "Trung tâm Phục vụ hành chính công tỉnh Nghệ An tháng 9\nTháng 9/2024, Trung tâm tiếp nhận 8.760 HS, giải quyết 8.540 HS, trễ hạn 3 HS.",
        {
            ("dossier.received", 8760.0, "Trung tâm Phục vụ hành chính công tỉnh Nghệ An"),
            ("dossier.resolved", 8540.0, "Trung tâm Phục vụ hành chính công tỉnh Nghệ An"),
            ("dossier.resolved_late", 3.0, "Trung tâm Phục vụ hành chính công tỉnh Nghệ An"),
        },
    ),
    "Tỉnh Hà Nam năm 2023": (
        "Tỉnh Hà Nam năm 2023\nTrong năm 2023, tỷ lệ hồ sơ giải quyết trễ hạn là 0,45%, tương ứng 1.230 hồ sơ.",
        {
            ("dossier.resolved_late", 1230.0, P),
        },
    ),
    "Thái Bình tháng 5/2024": (
        "Thái Bình tháng 5/2024\nTháng 5/2024, cấp xã của tỉnh Thái Bình tiếp nhận 23.450 hồ sơ; cấp huyện tiếp nhận 8.760 hồ sơ.",
        {
            ("dossier.received", 8760.0, "cấp huyện"),
            ("dossier.received", 23450.0, "cấp xã"),
        },
    ),
    "Hòa Bình: huyện Lạc Sơn 6 tháng đầu năm 2024": (
        "Hòa Bình: huyện Lạc Sơn 6 tháng đầu năm 2024\n6 tháng đầu năm 2024, UBND huyện Lạc Sơn đã tiếp nhận 3.210 hồ sơ; đã giải quyết 3.150 hồ sơ, đạt 98,1%; số hồ sơ đang giải quyết là 60 hồ sơ.",
        {
            ("dossier.pending", 60.0, "huyện Lạc Sơn"),
            ("dossier.received", 3210.0, "huyện Lạc Sơn"),
            ("dossier.resolved", 3150.0, "huyện Lạc Sơn"),
        },
    ),
    "Lạng Sơn quý III/2024": (
        "Lạng Sơn quý III/2024\nQuý III/2024, tỉnh Lạng Sơn đã công khai 1.876 TTHC trên Cổng Dịch vụ công của tỉnh.",
        {
            ("tthc.published", 1876.0, P),
        },
    ),
    "Bắc Kạn năm 2024": (
        "Bắc Kạn năm 2024\nNăm 2024, tỉnh Bắc Kạn đã cắt giảm, đơn giản hóa 56 TTHC; công bố mới 34 TTHC; sửa đổi, bổ sung 78 TTHC; bãi bỏ 23 TTHC.",
        {
            ("tthc.abolished", 23.0, P),
            ("tthc.amended", 78.0, P),
            ("tthc.published", 34.0, P),
        },
    ),
    "Hưng Yên 9 tháng năm 2024": (
        "Hưng Yên 9 tháng năm 2024\n9 tháng năm 2024, Hưng Yên tiếp nhận 198.760 hồ sơ, giải quyết 195.430 hồ sơ, trong đó trước hạn 150.200, đúng hạn 44.800, trễ hạn 430.",
        {
            ("dossier.received", 198760.0, P),
            ("dossier.resolved", 195430.0, P),
            ("dossier.resolved_early", 150200.0, P),
            ("dossier.resolved_late", 430.0, P),
            ("dossier.resolved_on_time", 44800.0, P),
        },
    ),
    "Quảng Trị năm 2024 (2)": (
        "Quảng Trị năm 2024\nKết quả năm 2024 của tỉnh Quảng Trị: 99,3% hồ sơ giải quyết đúng hạn; 68% hồ sơ nộp trực tuyến; 100% kết quả giải quyết được số hóa.",
        {
            ("dossier.on_time_pct", 99.3, P),
        },
    ),
    "Sơn La tháng 11/2025": (
        "Sơn La tháng 11/2025\nTháng 11/2025, các xã, phường trên địa bàn tỉnh Sơn La tiếp nhận 18.760 hồ sơ, trong đó 15.400 hồ sơ trực tuyến.",
        {
            ("dossier.online", 15400.0, "cấp xã"),
            ("dossier.received", 18760.0, "cấp xã"),
        },
    ),
    "Kon Tum 6 tháng đầu năm 2023": (
        "Kon Tum 6 tháng đầu năm 2023\n6 tháng đầu năm 2023, Sở Kế hoạch và Đầu tư tỉnh Kon Tum tiếp nhận 1.234 hồ sơ đăng ký doanh nghiệp, 100% giải quyết đúng hạn.",
        {
            ("dossier.on_time_pct", 100.0, "Sở Kế hoạch và Đầu tư"),
            ("dossier.received", 1234.0, "Sở Kế hoạch và Đầu tư"),
        },
    ),
    "Đà Nẵng tháng 4/2024": (
        "Đà Nẵng tháng 4/2024\nTháng 4/2024, Đà Nẵng tiếp nhận 56.700 hồ sơ. Số hồ sơ đã giải quyết là 55.900. Số hồ sơ quá hạn là 120. Số hồ sơ đang xử lý là 800.",
        {
            ("dossier.pending", 800.0, P),
            ("dossier.received", 56700.0, P),
            ("dossier.resolved", 55900.0, P),
            ("dossier.resolved_late", 120.0, P),
        },
    ),
    "Gia Lai năm 2024": (
        "Gia Lai năm 2024\nNăm 2024, trên địa bàn tỉnh Gia Lai, hồ sơ tiếp nhận đạt 256.780; hồ sơ giải quyết đạt 250.120; tỷ lệ đúng hạn đạt 98,67%.",
        {
            ("dossier.on_time_pct", 98.67, P),
            ("dossier.received", 256780.0, P),
            ("dossier.resolved", 250120.0, P),
        },
    ),
    "Tỉnh Lào Cai năm 2024": (
        "Tỉnh Lào Cai năm 2024\nNăm 2024, cấp tỉnh, cấp huyện và cấp xã tiếp nhận lần lượt 45.000, 67.000 và 120.000 hồ sơ.",
        {
            ("dossier.received", 45000.0, "cấp tỉnh"),
            ("dossier.received", 67000.0, "cấp huyện"),
            ("dossier.received", 120000.0, "cấp xã"),
        },
    ),
    "Tỉnh Lào Cai năm 2023": (
        "Tỉnh Lào Cai năm 2023\nNăm 2023, Trung tâm Phục vụ hành chính công tỉnh và các xã, phường đã tiếp nhận lần lượt là 45.000 và 120.000 hồ sơ.",
        {
            ("dossier.received", 45000.0, "Trung tâm Phục vụ hành chính công tỉnh"),
            ("dossier.received", 120000.0, "cấp xã"),
        },
    ),
    "Tỉnh Lào Cai quý I/2024": (
        "Tỉnh Lào Cai quý I/2024\nQuý I/2024, tỷ lệ hồ sơ trực tuyến và tỷ lệ giải quyết đúng hạn của tỉnh Lào Cai lần lượt đạt 65,4% và 98,9%.",
        {
            ("dossier.on_time_pct", 98.9, P),
        },
    ),
    "Hòa Bình tháng 2/2023": (
        "Hòa Bình tháng 2/2023\nTrong tháng 2/2023, Trung tâm Phục vụ hành chính công tỉnh tiếp nhận và xử lý 6.120 thủ tục hành chính. Đã giải quyết xong 3.257 hồ sơ.",
        {
            ("dossier.received", 6120.0, "Trung tâm Phục vụ hành chính công tỉnh"),
            ("dossier.resolved", 3257.0, "Trung tâm Phục vụ hành chính công tỉnh"),
        },
    ),
    "Tỉnh Nam Định năm 2022": (
        "Tỉnh Nam Định năm 2022\nNăm 2022, tỉnh Nam Định tiếp nhận 1.245 TTHC thuộc thẩm quyền; đã giải quyết 45.600 thủ tục hành chính.",
        {
            ("dossier.resolved", 45600.0, P),
            ("tthc.in_force", 1245.0, P),
        },
    ),
    "Tỉnh Nam Định năm 2021": (
        "Tỉnh Nam Định năm 2021\nNăm 2021, tỉnh Nam Định có 8.694 hồ sơ tiếp nhận qua hình thức trực tuyến.",
        {
            ("dossier.online", 8694.0, P),
        },
    ),
    "Vĩnh Long: Phường 3 làm tốt cải cách hành chính (2)": (
        "Vĩnh Long: Phường 3 làm tốt cải cách hành chính\nQuý III/2023, UBND Phường 3 tiếp nhận 860 hồ sơ, giải quyết đúng hạn 100%.",
        {
            ("dossier.on_time_pct", 100.0, "UBND Phường 3"),
            ("dossier.received", 860.0, "UBND Phường 3"),
        },
    ),
    "Khánh Hòa năm 2023": (
        "Khánh Hòa năm 2023\nNăm 2023, TX. Ninh Hòa tiếp nhận 18.700 hồ sơ, giải quyết đúng hạn 99,2%.",
        {
            ("dossier.on_time_pct", 99.2, "TX. Ninh Hòa"),
            ("dossier.received", 18700.0, "TX. Ninh Hòa"),
        },
    ),
    "Lâm Đồng năm 2023 (2)": (
        "Lâm Đồng năm 2023\nNăm 2023, TP.Bảo Lộc tiếp nhận 28.700 hồ sơ.",
        {
            ("dossier.received", 28700.0, "TP.Bảo Lộc"),
        },
    ),
    "Khánh Hòa năm 2022": (
        "Khánh Hòa năm 2022\nNăm 2022, TX.Ninh Hòa tiếp nhận 17.900 hồ sơ.",
        {
            ("dossier.received", 17900.0, "TX.Ninh Hòa"),
        },
    ),
    "TP.HCM năm 2023": (
        "TP.HCM năm 2023\nNăm 2023, TP.HCM tiếp nhận 1.928.700 hồ sơ.",
        {
            ("dossier.received", 1928700.0, P),
        },
    ),
    "Bắc Ninh quý I/2024": (
        "Bắc Ninh quý I/2024\nQuý I/2024, có 45.670 hồ sơ đã được trả kết quả trên địa bàn tỉnh Bắc Ninh.",
        {
            ("dossier.resolved", 45670.0, P),
        },
    ),
    "Bắc Ninh quý II/2024": (
        "Bắc Ninh quý II/2024\nQuý II/2024, tỉnh Bắc Ninh tiếp nhận qua DVCTT 23.450 hồ sơ.",
        {
            ("dossier.online", 23450.0, P),
        },
    ),
    "Bắc Ninh quý III/2024": (
        "Bắc Ninh quý III/2024\nQuý III/2024, số hồ sơ DVCTT của tỉnh Bắc Ninh là 24.560 hồ sơ.",
        {
            ("dossier.online", 24560.0, P),
        },
    ),
    "Bắc Ninh quý IV/2024": (
        "Bắc Ninh quý IV/2024\nQuý IV/2024, tỉnh Bắc Ninh tiếp nhận 56.700 hồ sơ; hồ sơ nộp qua Cổng DVC quốc gia 30.100 hồ sơ.",
        {
            ("dossier.online", 30100.0, P),
            ("dossier.received", 56700.0, P),
        },
    ),
    "Hà Nam tháng 3/2024": (
        "Hà Nam tháng 3/2024\nSố hồ sơ phát sinh trong tháng 3/2024 của tỉnh Hà Nam: 18.760 hồ sơ.",
        {
            ("dossier.received", 18760.0, P),
        },
    ),
    "Hà Nam tháng 4/2024": (
        "Hà Nam tháng 4/2024\nTháng 4/2024, tỉnh Hà Nam có 17.600 hồ sơ được giải quyết, 45 hồ sơ bị quá hạn.",
        {
            ("dossier.resolved", 17600.0, P),
            ("dossier.resolved_late", 45.0, P),
        },
    ),
    "Hà Nam tháng 5/2024": (
        "Hà Nam tháng 5/2024\nTháng 5/2024, tỉnh Hà Nam tiếp nhận 19.200 hồ sơ, giải quyết được 18.900 hồ sơ, còn 300 hồ sơ đang trong hạn giải quyết.",
        {
            ("dossier.pending", 300.0, P),
            ("dossier.received", 19200.0, P),
            ("dossier.resolved", 18900.0, P),
        },
    ),
    "Thanh Hóa quý I/2025": (
        "Thanh Hóa quý I/2025\nQuý I/2025, hồ sơ trực tuyến toàn trình và một phần của tỉnh Thanh Hóa đạt 156.000 hồ sơ, chiếm 72%.",
        {
            ("dossier.online", 156000.0, P),
        },
    ),
    "Thanh Hóa quý II/2025": (
        "Thanh Hóa quý II/2025\nQuý II/2025, Thanh Hóa có 2.345 hồ sơ giải quyết chậm so với quy định.",
        {
            ("dossier.resolved_late", 2345.0, P),
        },
    ),
    "Nghệ An tháng 6/2024": (
        "Nghệ An tháng 6/2024\nTháng 6/2024, tỉnh Nghệ An có 98,7% hồ sơ được giải quyết đúng hạn, 1,3% hồ sơ trễ hạn.",
        {
            ("dossier.on_time_pct", 98.7, P),
        },
    ),
    "Nghệ An tháng 7/2024 (2)": (
        "Nghệ An tháng 7/2024\nTháng 7/2024, tỷ lệ giải quyết hồ sơ đúng hạn của Nghệ An là 98.9%.",
        {
            ("dossier.on_time_pct", 98.9, P),
        },
    ),
    "Quảng Nam tháng 8/2024": (
        "Quảng Nam tháng 8/2024\nTrong tháng 8/2024, tổng số hồ sơ tiếp nhận trên Hệ thống thông tin giải quyết TTHC tỉnh Quảng Nam là 34.560 hồ sơ, trong đó trực tuyến 20.100 hồ sơ.",
        {
            ("dossier.online", 20100.0, P),
            ("dossier.received", 34560.0, P),
        },
    ),
    "Quảng Nam tháng 9/2024": (
        "Quảng Nam tháng 9/2024\nTrong tháng 9/2024, tỉnh Quảng Nam đã giải quyết 33.100/34.200 hồ sơ, đạt 96,8%, còn 1.100 hồ sơ đang giải quyết.",
        {
            ("dossier.pending", 1100.0, P),
            ("dossier.received", 34200.0, P),
            ("dossier.resolved", 33100.0, P),
        },
    ),
    "Quảng Nam tháng 10/2024": (
        "Quảng Nam tháng 10/2024\nTháng 10/2024, số hồ sơ quá hạn đang giải quyết của tỉnh Quảng Nam là 87 hồ sơ.",
        {
            ("dossier.pending_overdue", 87.0, P),
        },
    ),
    "Quảng Nam tháng 11/2024": (
        "Quảng Nam tháng 11/2024\nTháng 11/2024, tỉnh Quảng Nam có 65 hồ sơ đang giải quyết nhưng đã quá hạn.",
        {
            ("dossier.pending_overdue", 65.0, P),
        },
    ),
    "Quảng Nam tháng 12/2024": (
        "Quảng Nam tháng 12/2024\nTháng 12/2024, Quảng Nam còn tồn 120 hồ sơ quá hạn.",
        {
            ("dossier.pending_overdue", 120.0, P),
        },
    ),
    "Lâm Đồng năm 2024": (
        "Lâm Đồng năm 2024\nNăm 2024, tổng số TTHC đã được công bố, công khai trên địa bàn tỉnh Lâm Đồng là 1.967 TTHC.",
        {
            ("tthc.published", 1967.0, P),
        },
    ),
    "Đắk Nông năm 2024": (
        "Đắk Nông năm 2024\nĐến nay, tỉnh Đắk Nông cung cấp 1.234 dịch vụ công trực tuyến, trong đó có 890 dịch vụ công toàn trình.",
        {
            ("service.online_level4", 890.0, P),
        },
    ),
    "Đắk Nông năm 2023": (
        "Đắk Nông năm 2023\nNăm 2023, tỉnh Đắk Nông đã đưa 456 thủ tục hành chính lên cung cấp dịch vụ công trực tuyến toàn trình.",
        {
            ("service.online_level4", 456.0, P),
        },
    ),
    "Hà Nam tháng 6/2024": (
        "Hà Nam tháng 6/2024\nTháng 6/2024, tỉnh Hà Nam giải quyết 1.000 hồ sơ, trong đó đúng hạn 980 hồ sơ, còn 20 hồ sơ trễ hạn.",
        {
            ("dossier.resolved", 1000.0, P),
            ("dossier.resolved_late", 20.0, P),
            ("dossier.resolved_on_time", 980.0, P),
        },
    ),
    "Hà Nam tháng 7/2024": (
        "Hà Nam tháng 7/2024\nTháng 7/2024, tỉnh Hà Nam vẫn còn 35 hồ sơ trễ hạn.",
        {
            ("dossier.pending_overdue", 35.0, P),
        },
    ),
    "TP Hồ Chí Minh tháng 8/2025": (
        "TP Hồ Chí Minh tháng 8/2025\nTháng 8/2025, 168 phường, xã, đặc khu trên địa bàn Thành phố tiếp nhận 234.500 hồ sơ.",
        {
            ("dossier.received", 234500.0, "cấp xã"),
        },
    ),
    "Quảng Ninh tháng 9/2025": (
        "Quảng Ninh tháng 9/2025\nTháng 9/2025, các xã, phường, đặc khu của tỉnh Quảng Ninh tiếp nhận 34.500 hồ sơ.",
        {
            ("dossier.received", 34500.0, "cấp xã"),
        },
    ),
    "Đà Nẵng năm 2023": (
        "Đà Nẵng năm 2023\nNăm 2023, toàn thành phố tiếp nhận 456.700 hồ sơ, tỷ lệ đúng hạn 99,8%.",
        {
            ("dossier.on_time_pct", 99.8, P),
            ("dossier.received", 456700.0, P),
        },
    ),
    "Hải Phòng quý I/2024": (
        "Hải Phòng quý I/2024\nQuý I/2024, thành phố Hải Phòng tiếp nhận 123.400 hồ sơ; các quận, huyện tiếp nhận 45.600 hồ sơ.",
        {
            ("dossier.received", 45600.0, "cấp huyện"),
            ("dossier.received", 123400.0, P),
        },
    ),
    "Hà Nội: 9 tháng năm 2024": (
        "Hà Nội: 9 tháng năm 2024\n9 tháng năm 2024, Thủ đô tiếp nhận 2.345.600 hồ sơ, trong đó trực tuyến 1.900.000 hồ sơ.",
        {
            ("dossier.online", 1900000.0, P),
            ("dossier.received", 2345600.0, P),
        },
    ),
    "Thừa Thiên Huế năm 2023 (2)": (
        "Thừa Thiên Huế năm 2023\nNăm 2023, Trung tâm Phục vụ hành chính công tỉnh Thừa Thiên Huế tiếp nhận 45.600 hồ sơ; thành phố Huế tiếp nhận 34.500 hồ sơ.",
        {
            ("dossier.received", 34500.0, "thành phố Huế"),
            ("dossier.received", 45600.0, "Trung tâm Phục vụ hành chính công tỉnh Thừa Thiên Huế"),
        },
    ),
    "Hội nghị tổng kết công tác CCHC năm 2023": (
        "Hội nghị tổng kết công tác CCHC năm 2023\nSáng 10/1/2024, UBND huyện Yên Lạc tổ chức hội nghị tổng kết công tác cải cách hành chính năm 2023.\n\nVề kết quả giải quyết TTHC, năm 2023 đã tiếp nhận 12.340 hồ sơ, giải quyết đúng hạn 99,6%.",
        {
            ("dossier.on_time_pct", 99.6, "huyện Yên Lạc"),
            ("dossier.received", 12340.0, "huyện Yên Lạc"),
        },
    ),
    "Vĩnh Phúc năm 2023": (
        "Vĩnh Phúc năm 2023\nNăm 2023, toàn tỉnh Vĩnh Phúc tiếp nhận 245.000 hồ sơ.\n\nTại huyện Yên Lạc, đã tiếp nhận 12.340 hồ sơ. Tỷ lệ giải quyết đúng hạn đạt 99,6%.",
        {
            ("dossier.on_time_pct", 99.6, "huyện Yên Lạc"),
            ("dossier.received", 12340.0, "huyện Yên Lạc"),
            ("dossier.received", 245000.0, P),
        },
    ),
    "Tỉnh Bắc Ninh năm 2022": (
        "Tỉnh Bắc Ninh năm 2022\nNăm 2022, tỉ lệ hồ sơ trực tuyến rất cao, đạt và vượt chỉ tiêu đề ra, với 123.289 hồ sơ, chiếm tỷ lệ 45,6%.",
        {
            ("dossier.online", 123289.0, P),
        },
    ),
    "Tây Ninh 6 tháng đầu năm 2021": (
        "Tây Ninh 6 tháng đầu năm 2021\n6 tháng đầu năm 2021, Trung tâm Phục vụ hành chính công tỉnh Tây Ninh đã tiếp nhận 43.953 hồ sơ với trên 96% đã được trả trước hẹn và đúng hẹn.",
        {
            ("dossier.on_time_pct", 96.0, "Trung tâm Phục vụ hành chính công tỉnh Tây Ninh"),
            ("dossier.received", 43953.0, "Trung tâm Phục vụ hành chính công tỉnh Tây Ninh"),
        },
    ),
    "Bến Tre quý II/2024": (
        "Bến Tre quý II/2024\nQuý II/2024, tỉnh Bến Tre tiếp nhận 56.780 hồ sơ với 99,1% hồ sơ được giải quyết đúng hạn.",
        {
            ("dossier.on_time_pct", 99.1, P),
            ("dossier.received", 56780.0, P),
        },
    ),
    "Bến Tre quý III/2024": (
        "Bến Tre quý III/2024\nQuý III/2024, tỉnh Bến Tre tiếp nhận 58.100 hồ sơ, tăng 2.300 hồ sơ so với quý trước.",
        {
            ("dossier.received", 58100.0, P),
        },
    ),
    "Hà Tĩnh tháng 5/2024": (
        "Hà Tĩnh tháng 5/2024\nTháng 5/2024, tỉnh Hà Tĩnh đã tiếp nhận và giải quyết 23.450 hồ sơ, trong đó có 23.400 hồ sơ trước và đúng hạn, đạt 99,79%.",
        {
            ("dossier.on_time_pct", 99.79, P),
            ("dossier.received", 23450.0, P),
        },
    ),
    "Hà Tĩnh tháng 6/2024": (
        "Hà Tĩnh tháng 6/2024\nTháng 6/2024, tỉnh Hà Tĩnh tiếp tục tiếp nhận 24.100 hồ sơ.",
        {
            ("dossier.received", 24100.0, P),
        },
    ),
    "Hà Tĩnh tháng 7/2024": (
        "Hà Tĩnh tháng 7/2024\nTháng 7/2024, nhờ tăng cường ứng dụng công nghệ, tỉnh Hà Tĩnh đã giải quyết 24.800 hồ sơ.",
        {
            ("dossier.resolved", 24800.0, P),
        },
    ),
    "Hà Tĩnh tháng 8/2024": (
        "Hà Tĩnh tháng 8/2024\nTháng 8/2024, các cơ quan hành chính của tỉnh Hà Tĩnh tiếp nhận tổng số 25.300 hồ sơ; số hồ sơ đã giải quyết: 24.900; số hồ sơ chưa giải quyết: 400.",
        {
            ("dossier.pending", 400.0, P),
            ("dossier.received", 25300.0, P),
            ("dossier.resolved", 24900.0, P),
        },
    ),
    "Hà Tĩnh tháng 9/2024": (
        "Hà Tĩnh tháng 9/2024\nTháng 9/2024, Hà Tĩnh tiếp nhận 26.000 hồ sơ (tăng 5% so với tháng 8/2024), giải quyết 25.800 hồ sơ.",
        {
            ("dossier.received", 26000.0, P),
            ("dossier.resolved", 25800.0, P),
        },
    ),
    "Hà Tĩnh tháng 10/2024": (
        "Hà Tĩnh tháng 10/2024\nTháng 10/2024, tỷ lệ hồ sơ trực tuyến của Hà Tĩnh đạt 78,5%, cao hơn mức bình quân cả nước.",
        set(),
    ),
    "Hà Tĩnh tháng 11/2024": (
        "Hà Tĩnh tháng 11/2024\nTháng 11/2024, số hồ sơ tiếp nhận của tỉnh Hà Tĩnh là 27.800 hồ sơ, giảm 1.200 hồ sơ so với tháng trước.",
        {
            ("dossier.received", 27800.0, P),
        },
    ),
    "Hà Tĩnh năm 2024": (
        "Hà Tĩnh năm 2024\nCả năm 2024, tỉnh Hà Tĩnh tiếp nhận 312.000 hồ sơ, giải quyết đúng hạn 99,6%, trễ hạn 0,4%.",
        {
            ("dossier.on_time_pct", 99.6, P),
            ("dossier.received", 312000.0, P),
        },
    ),
    "Hà Tĩnh năm 2023 (2)": (
        "Hà Tĩnh năm 2023\nNăm 2023, Hà Tĩnh có tổng cộng 298.450 lượt hồ sơ được tiếp nhận, 297.100 lượt hồ sơ được giải quyết.",
        {
            ("dossier.received", 298450.0, P),
            ("dossier.resolved", 297100.0, P),
        },
    ),
    "Quảng Bình năm 2023": (
        "Quảng Bình năm 2023\nNăm 2023, trên Cổng Dịch vụ công tỉnh Quảng Bình đã tiếp nhận 145.600 hồ sơ trực tuyến.",
        {
            ("dossier.online", 145600.0, P),
        },
    ),
    "Quảng Bình năm 2022": (
        "Quảng Bình năm 2022\nNăm 2022, tổng số hồ sơ giải quyết TTHC của tỉnh Quảng Bình là 234.560 hồ sơ; trong đó số hồ sơ giải quyết quá hạn là 1.230 hồ sơ, chiếm 0,52%.",
        {
            ("dossier.resolved", 234560.0, P),
            ("dossier.resolved_late", 1230.0, P),
        },
    ),
    "Quảng Bình năm 2021": (
        "Quảng Bình năm 2021\nNăm 2021, Quảng Bình tiếp nhận 198.700 hồ sơ. Số hồ sơ đã giải quyết 195.600 hồ sơ. Số hồ sơ giải quyết trước hạn 140.200 hồ sơ; đúng hạn 54.800 hồ sơ; quá hạn 600 hồ sơ.",
        {
            ("dossier.received", 198700.0, P),
            ("dossier.resolved", 195600.0, P),
            ("dossier.resolved_early", 140200.0, P),
            ("dossier.resolved_late", 600.0, P),
            ("dossier.resolved_on_time", 54800.0, P),
        },
    ),
    "Lào Cai năm 2024": (
        "Lào Cai năm 2024\nNăm 2024, tỉnh Lào Cai đã rà soát 120 TTHC, đề xuất đơn giản hóa 45 TTHC.",
        set(),
    ),
    "Lào Cai năm 2023 (2)": (
        "Lào Cai năm 2023\nNăm 2023, UBND tỉnh Lào Cai ủy quyền 20 TTHC cho các sở, ngành giải quyết và phân cấp 56 TTHC cho cấp huyện.",
        set(),
    ),
    "Lào Cai năm 2022": (
        "Lào Cai năm 2022\nNăm 2022, tỉnh Lào Cai thực hiện 345 TTHC không phụ thuộc vào địa giới hành chính.",
        set(),
    ),
    "Lào Cai quý I/2024": (
        "Lào Cai quý I/2024\nQuý I/2024, tỉnh Lào Cai thực hiện liên thông 23 TTHC và cắt giảm thời gian giải quyết đối với 123 TTHC.",
        set(),
    ),
    "Lào Cai quý II/2024": (
        "Lào Cai quý II/2024\nQuý II/2024, tỉnh Lào Cai đã tích hợp 1.234 TTHC lên Cổng Dịch vụ công quốc gia.",
        set(),
    ),
    "Lào Cai quý IV/2024": (
        "Lào Cai quý IV/2024\nQuý IV/2024, tỉnh Lào Cai có 56 TTHC phát sinh hồ sơ trực tuyến toàn trình.",
        set(),
    ),
    "Lào Cai năm 2021": (
        "Lào Cai năm 2021\nNăm 2021, tỉnh Lào Cai đã chuẩn hóa 1.678 TTHC trên Cơ sở dữ liệu quốc gia.",
        set(),
    ),
    "Lào Cai tháng 3/2024": (
        "Lào Cai tháng 3/2024\nTháng 3/2024, tỉnh Lào Cai có 234 TTHC có phát sinh hồ sơ.",
        set(),
    ),
    "Lào Cai năm 2020": (
        "Lào Cai năm 2020\nNăm 2020, tỉnh Lào Cai có 98% TTHC được cập nhật, công khai đúng hạn.",
        set(),
    ),
    "Lào Cai tháng 4/2024": (
        "Lào Cai tháng 4/2024\nTháng 4/2024, UBND tỉnh Lào Cai ban hành 5 quyết định phê duyệt quy trình nội bộ của 234 TTHC.",
        set(),
    ),
    "Lào Cai tháng 5/2024": (
        "Lào Cai tháng 5/2024\nTháng 5/2024, UBND tỉnh Lào Cai công bố danh mục 45 TTHC được thay thế và 12 TTHC bị bãi bỏ.",
        {
            ("tthc.abolished", 12.0, P),
            ("tthc.published", 45.0, P),
        },
    ),
    "Lào Cai tháng 6/2024": (
        "Lào Cai tháng 6/2024\nTháng 6/2024, tỉnh Lào Cai đang thực hiện 1.987 TTHC, trong đó 1.234 TTHC cấp tỉnh.",
        {
            ("tthc.in_force", 1234.0, "cấp tỉnh"),
            ("tthc.in_force", 1987.0, P),
        },
    ),
    "Lào Cai tháng 7/2024": (
        "Lào Cai tháng 7/2024\nTỉnh Lào Cai hiện có 1.023 dịch vụ công trực tuyến toàn trình trên tổng số 1.987 TTHC.",
        {
            ("service.online_level4", 1023.0, P),
            ("tthc.in_force", 1987.0, P),
        },
    ),
    "Phú Thọ năm 2023": (
        "Phú Thọ năm 2023\nNăm 2023, Chủ tịch UBND tỉnh Phú Thọ công bố danh mục 1.856 TTHC, gồm: cấp tỉnh 1.420 TTHC, cấp huyện 286 TTHC, cấp xã 150 TTHC.",
        {
            ("tthc.published", 150.0, "cấp xã"),
            ("tthc.published", 286.0, "cấp huyện"),
            ("tthc.published", 1420.0, "cấp tỉnh"),
            ("tthc.published", 1856.0, P),
        },
    ),
    "Phú Thọ năm 2022": (
        "Phú Thọ năm 2022\nNăm 2022, tỉnh Phú Thọ đã công bố 1.420 TTHC cấp tỉnh, 286 TTHC cấp huyện và 150 TTHC cấp xã.",
        {
            ("tthc.published", 150.0, "cấp xã"),
            ("tthc.published", 286.0, "cấp huyện"),
            ("tthc.published", 1420.0, "cấp tỉnh"),
        },
    ),
    "Phú Thọ năm 2021": (
        "Phú Thọ năm 2021\nTrong năm 2021, số TTHC được công bố là 312 thủ tục.",
        {
            ("tthc.published", 312.0, P),
        },
    ),
    "Phú Thọ quý I/2023": (
        "Phú Thọ quý I/2023\nQuý I/2023, tỉnh Phú Thọ ban hành 8 quyết định công bố TTHC với 96 thủ tục.",
        {
            ("tthc.published", 96.0, P),
        },
    ),
    "Phú Thọ quý II/2023": (
        "Phú Thọ quý II/2023\nQuý II/2023, tỉnh Phú Thọ đã cập nhật, công khai 215 TTHC trên Cơ sở dữ liệu quốc gia.",
        {
            ("tthc.published", 215.0, P),
        },
    ),
    "Phú Thọ năm 2024": (
        "Phú Thọ năm 2024\nNăm 2024, UBND tỉnh Phú Thọ công bố 78 TTHC mới ban hành, 112 TTHC sửa đổi, bổ sung và bãi bỏ 56 TTHC.",
        {
            ("tthc.abolished", 56.0, P),
            ("tthc.amended", 112.0, P),
            ("tthc.published", 78.0, P),
        },
    ),
    "Phú Thọ tháng 8/2025": (
        "Phú Thọ tháng 8/2025\nSau sắp xếp, tỉnh Phú Thọ công bố 2.104 TTHC áp dụng tại tỉnh, trong đó cấp tỉnh 1.750 TTHC, cấp xã 354 TTHC.",
        {
            ("tthc.published", 354.0, "cấp xã"),
            ("tthc.published", 1750.0, "cấp tỉnh"),
            ("tthc.published", 2104.0, P),
        },
    ),
    "Tỉnh Hà Nam năm 2020": (
        "Tỉnh Hà Nam năm 2020\nNăm 2020, các hồ sơ thuộc thẩm quyền giải quyết của UBND huyện Phú Vang: 12.345 hồ sơ, trong đó đã giải quyết 12.000 hồ sơ.",
        {
            ("dossier.received", 12345.0, "huyện Phú Vang"),
            ("dossier.resolved", 12000.0, "huyện Phú Vang"),
        },
    ),
    "Tỉnh Hà Nam năm 2019": (
        "Tỉnh Hà Nam năm 2019\nNăm 2019, hồ sơ thuộc thẩm quyền giải quyết của cấp huyện là 45.600 hồ sơ; hồ sơ thuộc thẩm quyền của cấp xã là 98.700 hồ sơ.",
        {
            ("dossier.received", 45600.0, "cấp huyện"),
            ("dossier.received", 98700.0, "cấp xã"),
        },
    ),
    "Tỉnh Hà Nam năm 2021 (2)": (
        "Tỉnh Hà Nam năm 2021\nNăm 2021, tỉnh Hà Nam có 1.876 TTHC thuộc thẩm quyền giải quyết của UBND tỉnh.",
        {
            ("tthc.in_force", 1876.0, P),
        },
    ),
    "Phú Thọ năm 2023 (2)": (
        "Phú Thọ năm 2023\nNăm 2023, Chủ tịch UBND tỉnh Phú Thọ công bố danh mục 1.856 TTHC, bao gồm cấp tỉnh 1.420 TTHC, cấp huyện 286 TTHC, cấp xã 150 TTHC.",
        {
            ("tthc.published", 150.0, "cấp xã"),
            ("tthc.published", 286.0, "cấp huyện"),
            ("tthc.published", 1420.0, "cấp tỉnh"),
            ("tthc.published", 1856.0, P),
        },
    ),
    "Kết quả giải quyết hồ sơ tỉnh Bình Định tháng 9/2024": (
        "Kết quả giải quyết hồ sơ tỉnh Bình Định tháng 9/2024\nTiếp nhận: 45.678 | Đã xử lý: 44.900 | Đúng hạn: 44.700 | Quá hạn: 200 | Đang xử lý: 778",
        {
            ("dossier.pending", 778.0, P),
            ("dossier.received", 45678.0, P),
            ("dossier.resolved", 44900.0, P),
            ("dossier.resolved_late", 200.0, P),
            ("dossier.resolved_on_time", 44700.0, P),
        },
    ),
    "Tỉnh Bình Định tháng 10/2024": (
        "Tỉnh Bình Định tháng 10/2024\nHồ sơ tiếp nhận\t46.100\nHồ sơ đã giải quyết\t45.300\nHồ sơ quá hạn\t150",
        {
            ("dossier.received", 46100.0, P),
            ("dossier.resolved", 45300.0, P),
            ("dossier.resolved_late", 150.0, P),
        },
    ),
    "Tỉnh Bình Định tháng 11/2024": (
        "Tỉnh Bình Định tháng 11/2024\nTháng 11/2024, toàn tỉnh Bình Định tiếp nhận 47.200 hồ sơ (tăng 2,4% so với tháng trước), đã giải quyết 46.500 hồ sơ (đạt 98,5%).",
        {
            ("dossier.received", 47200.0, P),
            ("dossier.resolved", 46500.0, P),
        },
    ),
    "UBND cấp xã tỉnh Bình Định quý III/2024": (
        "UBND cấp xã tỉnh Bình Định quý III/2024\nQuý III/2024, UBND cấp xã trên địa bàn tỉnh Bình Định tiếp nhận 98.700 hồ sơ, giải quyết đúng hạn 99,9%.",
        {
            ("dossier.on_time_pct", 99.9, "cấp xã"),
            ("dossier.received", 98700.0, "cấp xã"),
        },
    ),
    "Tỉnh Bình Định quý IV/2024": (
        "Tỉnh Bình Định quý IV/2024\nQuý IV/2024, các sở, ban, ngành của tỉnh Bình Định tiếp nhận 23.400 hồ sơ; UBND cấp huyện tiếp nhận 34.500 hồ sơ; UBND cấp xã tiếp nhận 87.600 hồ sơ.",
        {
            ("dossier.received", 23400.0, "cấp tỉnh"),
            ("dossier.received", 34500.0, "cấp huyện"),
            ("dossier.received", 87600.0, "cấp xã"),
        },
    ),
    "Bình Định năm 2024": (
        "Bình Định năm 2024\nNăm 2024, Bình Định có 512.300 hồ sơ được tiếp nhận và giải quyết, tỷ lệ trước và đúng hạn 99,2%.",
        {
            ("dossier.on_time_pct", 99.2, P),
            ("dossier.received", 512300.0, P),
        },
    ),
    "Bình Định năm 2023": (
        "Bình Định năm 2023\nNăm 2023, số hồ sơ giải quyết trước và đúng hạn của tỉnh Bình Định là 498.700/502.300 hồ sơ, đạt 99,28%.",
        {
            ("dossier.on_time_pct", 99.28, P),
            ("dossier.resolved", 502300.0, P),
        },
    ),
    "Bình Định tháng 12/2024": (
        "Bình Định tháng 12/2024\nTrong tháng 12/2024, tổng số hồ sơ tiếp nhận mới của tỉnh Bình Định là 45.000 hồ sơ; tổng số hồ sơ cần giải quyết (gồm cả kỳ trước chuyển sang) là 47.100 hồ sơ.",
        {
            ("dossier.received", 47100.0, P),
        },
    ),
    "Hoạt động của Trung tâm Phục vụ hành chính công tỉnh Kon Tum năm 2023": (
        "Hoạt động của Trung tâm Phục vụ hành chính công tỉnh Kon Tum năm 2023\nTrung tâm là nơi người dân trên địa bàn tỉnh đến giải quyết thủ tục của 19 sở, ngành cấp tỉnh.\n\nNăm 2023, đã tiếp nhận 28.900 hồ sơ, giải quyết đúng hạn 99,9%.",
        {
            ("dossier.on_time_pct", 99.9, "Trung tâm Phục vụ hành chính công tỉnh Kon Tum"),
            ("dossier.received", 28900.0, "Trung tâm Phục vụ hành chính công tỉnh Kon Tum"),
        },
    ),
    "Hoạt động của Trung tâm Phục vụ hành chính công tỉnh Kon Tum năm 2022": (
        "Hoạt động của Trung tâm Phục vụ hành chính công tỉnh Kon Tum năm 2022\nNăm 2022, toàn tỉnh tiếp nhận 245.000 hồ sơ.\n\nĐã giải quyết đúng hạn 99,1%.",
        {
            ("dossier.on_time_pct", 99.1, P),
            ("dossier.received", 245000.0, P),
        },
    ),
    "UBND huyện Tam Nông tổng kết CCHC năm 2023": (
        "UBND huyện Tam Nông tổng kết CCHC năm 2023\nSáng 8/1/2024, UBND huyện Tam Nông tổ chức hội nghị tổng kết công tác CCHC năm 2023, huyện là một trong những địa phương dẫn đầu trên địa bàn tỉnh.\n\nNăm 2023, đã tiếp nhận 9.870 hồ sơ, giải quyết đúng hạn 99,8%.",
        {
            ("dossier.on_time_pct", 99.8, "huyện Tam Nông"),
            ("dossier.received", 9870.0, "huyện Tam Nông"),
        },
    ),
    "Đặc khu Phú Quốc tháng 9/2025": (
        "Đặc khu Phú Quốc tháng 9/2025\nTháng 9/2025, Trung tâm Phục vụ hành chính công đặc khu Phú Quốc tiếp nhận 3.450 hồ sơ, giải quyết đúng hạn 99,8%.",
        {
            ("dossier.on_time_pct", 99.8, "Trung tâm Phục vụ hành chính công đặc khu Phú Quốc"),
            ("dossier.received", 3450.0, "Trung tâm Phục vụ hành chính công đặc khu Phú Quốc"),
        },
    ),
    "Phường Sài Gòn tháng 10/2025": (
        "Phường Sài Gòn tháng 10/2025\nTrong tháng 10/2025, phường Sài Gòn tiếp nhận 2.890 hồ sơ, trong đó 2.700 hồ sơ trực tuyến.",
        {
            ("dossier.online", 2700.0, "phường Sài Gòn"),
            ("dossier.received", 2890.0, "phường Sài Gòn"),
        },
    ),
    "An Giang tháng 9/2025": (
        "An Giang tháng 9/2025\nTháng 9/2025, toàn tỉnh An Giang tiếp nhận 123.400 hồ sơ. Riêng đặc khu Phú Quốc tiếp nhận 5.600 hồ sơ.",
        {
            ("dossier.received", 5600.0, "đặc khu Phú Quốc"),
            ("dossier.received", 123400.0, P),
        },
    ),
    "Xã Hưng Hà chuyển đổi số": (
        "Xã Hưng Hà chuyển đổi số\nTừ khi vận hành chính quyền 2 cấp, xã Hưng Hà (tỉnh Hưng Yên) đã tiếp nhận nhiều hồ sơ. Riêng tháng 9/2025, UBND xã tiếp nhận 1.234 hồ sơ.",
        {
            ("dossier.received", 1234.0, "Xã Hưng Hà"),
        },
    ),
    "Tỉnh Lâm Đồng tháng 10/2025": (
        "Tỉnh Lâm Đồng tháng 10/2025\nTháng 10/2025, 124 xã, phường, đặc khu của tỉnh Lâm Đồng tiếp nhận 67.800 hồ sơ; cấp tỉnh tiếp nhận 21.300 hồ sơ.",
        {
            ("dossier.received", 21300.0, "cấp tỉnh"),
            ("dossier.received", 67800.0, "cấp xã"),
        },
    ),
    "Phường Vũng Tàu tháng 8/2025": (
        "Phường Vũng Tàu tháng 8/2025\nTháng 8/2025, Trung tâm Phục vụ hành chính công phường Vũng Tàu (TP.HCM) tiếp nhận 4.120 hồ sơ.",
        {
            ("dossier.received", 4120.0, "Trung tâm Phục vụ hành chính công phường Vũng Tàu"),
        },
    ),
    "Thanh Hóa tháng 9/2021": (
        "Thanh Hóa tháng 9/2021\nTháng 9/2021, Bưu điện tỉnh Thanh Hóa đã tiếp nhận 1.076 hồ sơ và trả kết quả 1.163 hồ sơ qua dịch vụ bưu chính công ích. Toàn tỉnh tiếp nhận 45.600 hồ sơ.",
        {
            ("dossier.received", 45600.0, P),
        },
    ),
    "Quảng Nam năm 2021": (
        "Quảng Nam năm 2021\nNăm 2021, Chủ tịch UBND tỉnh Quảng Nam đã ủy quyền cho thủ trưởng các sở, ngành giải quyết đối với 20 TTHC thuộc thẩm quyền của UBND tỉnh.",
        set(),
    ),
    "Quảng Nam năm 2020": (
        "Quảng Nam năm 2020\nNăm 2020, tỉnh Quảng Nam có 1.934 TTHC thuộc thẩm quyền giải quyết, trong đó đã rà soát, đơn giản hóa 120 TTHC.",
        {
            ("tthc.in_force", 1934.0, P),
        },
    ),
    "Lâm Đồng tháng 8/2025": (
        "Lâm Đồng tháng 8/2025\nTháng 8/2025, mức độ hài lòng của người dân, doanh nghiệp đối với việc giải quyết TTHC của tỉnh Lâm Đồng đạt 96,5%.",
        {
            ("dossier.satisfaction_pct", 96.5, P),
        },
    ),
    "Lâm Đồng tháng 7/2025": (
        "Lâm Đồng tháng 7/2025\nTháng 7/2025, tỷ lệ người dân hài lòng khi giải quyết TTHC tại tỉnh Lâm Đồng đạt 97,2%.",
        {
            ("dossier.satisfaction_pct", 97.2, P),
        },
    ),
    "Lâm Đồng tháng 5/2025": (
        "Lâm Đồng tháng 5/2025\nTháng 5/2025, 98,1% người dân, doanh nghiệp hài lòng với việc giải quyết thủ tục hành chính của tỉnh Lâm Đồng.",
        {
            ("dossier.satisfaction_pct", 98.1, P),
        },
    ),
    "Lâm Đồng tháng 4/2025": (
        "Lâm Đồng tháng 4/2025\nTháng 4/2025, tỉnh Lâm Đồng có 99,2% hồ sơ được đánh giá hài lòng.",
        {
            ("dossier.satisfaction_pct", 99.2, P),
        },
    ),
    "Ninh Bình tháng 3/2024": (
        "Ninh Bình tháng 3/2024\nTháng 3/2024, tỉnh Ninh Bình tạm dừng giải quyết 45 hồ sơ do thiếu thành phần.",
        {
            ("dossier.suspended", 45.0, P),
        },
    ),
    "Ninh Bình tháng 4/2024": (
        "Ninh Bình tháng 4/2024\nTháng 4/2024, tỉnh Ninh Bình có 56 hồ sơ bị từ chối tiếp nhận.",
        set(),
    ),
    "Ninh Bình tháng 5/2024": (
        "Ninh Bình tháng 5/2024\nTháng 5/2024, tỉnh Ninh Bình đã trả lại 120 hồ sơ không đủ điều kiện giải quyết.",
        {
            ("dossier.suspended", 120.0, P),
        },
    ),
    "Ninh Bình tháng 6/2024": (
        "Ninh Bình tháng 6/2024\nTháng 6/2024, số hồ sơ dừng xử lý, trả lại của tỉnh Ninh Bình là 87 hồ sơ.",
        {
            ("dossier.suspended", 87.0, P),
        },
    ),
    "Ninh Bình quý III/2024": (
        "Ninh Bình quý III/2024\nQuý III/2024, tỉnh Ninh Bình có 3.450 hồ sơ thanh toán phí, lệ phí trực tuyến, đạt 62%.",
        {
            ("dossier.paid_online", 3450.0, P),
        },
    ),
    "Ninh Bình quý IV/2024": (
        "Ninh Bình quý IV/2024\nQuý IV/2024, tỉnh Ninh Bình thực hiện thanh toán trực tuyến 4.560 hồ sơ.",
        {
            ("dossier.paid_online", 4560.0, P),
        },
    ),
    "Ninh Bình năm 2024 (2)": (
        "Ninh Bình năm 2024\nNăm 2024, tỉnh Ninh Bình số hóa 98.700 hồ sơ, kết quả giải quyết TTHC, đạt 89%.",
        {
            ("dossier.digitised", 98700.0, P),
        },
    ),
    "Ninh Bình năm 2023": (
        "Ninh Bình năm 2023\nNăm 2023, tỉnh Ninh Bình có 87.600 hồ sơ được số hóa.",
        {
            ("dossier.digitised", 87600.0, P),
        },
    ),
    "Hậu Giang năm 2024": (
        "Hậu Giang năm 2024\nBộ TTHC của tỉnh Hậu Giang năm 2024 có tổng số 1.823 thủ tục, gồm cấp tỉnh 1.412, cấp huyện 263, cấp xã 148.",
        {
            ("tthc.in_force", 148.0, "cấp xã"),
            ("tthc.in_force", 263.0, "cấp huyện"),
            ("tthc.in_force", 1412.0, "cấp tỉnh"),
            ("tthc.in_force", 1823.0, P),
        },
    ),
    "Hậu Giang năm 2023": (
        "Hậu Giang năm 2023\nĐến cuối năm 2023, tỉnh Hậu Giang có 1.798 TTHC đang áp dụng ở 3 cấp chính quyền.",
        {
            ("tthc.in_force", 1798.0, P),
        },
    ),
    "Hậu Giang quý I/2025": (
        "Hậu Giang quý I/2025\nQuý I/2025, Chủ tịch UBND tỉnh Hậu Giang đã ký 9 quyết định công bố 167 thủ tục hành chính mới ban hành, sửa đổi, bổ sung, bãi bỏ.",
        {
            ("tthc.published", 167.0, P),
        },
    ),
    "Hậu Giang quý II/2025": (
        "Hậu Giang quý II/2025\nQuý II/2025, tỉnh Hậu Giang có 1.120 thủ tục được cung cấp dịch vụ công trực tuyến toàn trình và 650 thủ tục được cung cấp một phần.",
        {
            ("service.online_level3", 650.0, P),
            ("service.online_level4", 1120.0, P),
        },
    ),
    "Hậu Giang tháng 9/2025": (
        "Hậu Giang tháng 9/2025\nHiện nay, 100% TTHC đủ điều kiện của tỉnh Hậu Giang đã được cung cấp dịch vụ công trực tuyến, với 1.345 dịch vụ công trực tuyến toàn trình.",
        {
            ("service.online_level4", 1345.0, P),
        },
    ),
    "Hậu Giang năm 2021": (
        "Hậu Giang năm 2021\nNăm 2021, số dịch vụ công trực tuyến mức độ 3 của tỉnh Hậu Giang là 789, mức độ 4 là 567.",
        {
            ("service.online_level3", 789.0, P),
            ("service.online_level4", 567.0, P),
        },
    ),
    "Nâng cao hiệu quả hoạt động của Trung tâm Phục vụ hành chính công tỉnh Yên Bái": (
        "Nâng cao hiệu quả hoạt động của Trung tâm Phục vụ hành chính công tỉnh Yên Bái\nSáng 8/1/2024, Trung tâm Phục vụ hành chính công tỉnh Yên Bái tổ chức hội nghị tổng kết công tác năm 2023.\nNăm 2023, đã tiếp nhận 23.400 hồ sơ, giải quyết đúng hạn 99,8%.",
        {
            ("dossier.on_time_pct", 99.8, "Trung tâm Phục vụ hành chính công tỉnh Yên Bái"),
            ("dossier.received", 23400.0, "Trung tâm Phục vụ hành chính công tỉnh Yên Bái"),
        },
    ),
    "Yên Bái: Trung tâm Phục vụ hành chính công tổng kết năm 2023": (
        "Yên Bái: Trung tâm Phục vụ hành chính công tổng kết năm 2023\nNăm 2023, đã tiếp nhận 23.400 hồ sơ, giải quyết đúng hạn 99,8%.",
        {
            ("dossier.on_time_pct", 99.8, "Trung tâm Phục vụ hành chính công"),
            ("dossier.received", 23400.0, "Trung tâm Phục vụ hành chính công"),
        },
    ),
    "Dấu ấn Trung tâm Phục vụ hành chính công tỉnh Điện Biên năm 2023": (
        "Dấu ấn Trung tâm Phục vụ hành chính công tỉnh Điện Biên năm 2023\nNăm 2023, đã tiếp nhận 18.650 hồ sơ, trong đó 12.400 hồ sơ trực tuyến.",
        {
            ("dossier.online", 12400.0, "Trung tâm Phục vụ hành chính công tỉnh Điện Biên"),
            ("dossier.received", 18650.0, "Trung tâm Phục vụ hành chính công tỉnh Điện Biên"),
        },
    ),
    "Điện Biên năm 2023": (
        "Điện Biên năm 2023\nNăm 2023, Trung tâm Phục vụ hành chính công tỉnh Điện Biên đã tiếp nhận 18.650 hồ sơ.\nTỷ lệ giải quyết đúng hạn đạt 99,7%.",
        {
            ("dossier.on_time_pct", 99.7, "Trung tâm Phục vụ hành chính công tỉnh Điện Biên"),
            ("dossier.received", 18650.0, "Trung tâm Phục vụ hành chính công tỉnh Điện Biên"),
        },
    ),
    "Trung tâm Phục vụ hành chính công tỉnh Cao Bằng: hiệu quả từ mô hình một cửa": (
        "Trung tâm Phục vụ hành chính công tỉnh Cao Bằng: hiệu quả từ mô hình một cửa\nNăm 2023, toàn tỉnh Cao Bằng tiếp nhận 223.400 hồ sơ; riêng Trung tâm tiếp nhận 23.400 hồ sơ.",
        {
            ("dossier.received", 23400.0, "Trung tâm Phục vụ hành chính công tỉnh Cao Bằng"),
            ("dossier.received", 223400.0, P),
        },
    ),
    "Kết quả giải quyết hồ sơ TTHC tháng 6/2024 tỉnh Quảng Bình (2)": (
        "Kết quả giải quyết hồ sơ TTHC tháng 6/2024 tỉnh Quảng Bình\nTổng số hồ sơ tiếp nhận:\n45.678\nSố hồ sơ đã giải quyết:\n44.900\n\nTỷ lệ đúng hạn\n99,5%",
        {
            ("dossier.on_time_pct", 99.5, P),
            ("dossier.received", 45678.0, P),
            ("dossier.resolved", 44900.0, P),
        },
    ),
    "Quảng Trị: Nâng cao chất lượng giải quyết thủ tục hành chính": (
        'Quảng Trị: Nâng cao chất lượng giải quyết thủ tục hành chính\nThứ Hai, 14/10/2024 - 09:15\n\n(QT) - 9 tháng năm 2024, công tác giải quyết TTHC trên địa bàn tỉnh có nhiều chuyển biến tích cực, tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,9%.\n\nTheo báo cáo của Văn phòng UBND tỉnh, 9 tháng năm 2024, các cơ quan, đơn vị trên địa bàn tỉnh đã tiếp nhận 187.450 hồ sơ TTHC, trong đó tiếp nhận trực tuyến 112.300 hồ sơ, chiếm 59,9%. Đã giải quyết 183.200 hồ sơ, trong đó giải quyết trước hạn và đúng hạn 181.180 hồ sơ, quá hạn 2.020 hồ sơ.\n\nRiêng tại Trung tâm Phục vụ hành chính công tỉnh đã tiếp nhận 34.560 hồ sơ, giải quyết đúng hạn 99,9%.\n\nỞ cấp xã, tỷ lệ giải quyết đúng hạn đạt 99,2%. Tuy nhiên, vẫn còn 420 hồ sơ quá hạn chưa giải quyết, tập trung ở lĩnh vực đất đai.\n\nÔng Nguyễn Văn A, Chánh Văn phòng UBND tỉnh cho biết: "Thời gian tới, tỉnh phấn đấu đạt tỷ lệ hồ sơ trực tuyến 80%".',
        {
            ("dossier.on_time_pct", 98.9, P),
            ("dossier.on_time_pct", 99.2, "cấp xã"),
            ("dossier.on_time_pct", 99.9, "Trung tâm Phục vụ hành chính công tỉnh"),
            ("dossier.online", 112300.0, P),
            ("dossier.pending_overdue", 420.0, "cấp xã"),
            ("dossier.received", 34560.0, "Trung tâm Phục vụ hành chính công tỉnh"),
            ("dossier.received", 187450.0, P),
            ("dossier.resolved", 183200.0, P),
            ("dossier.resolved_late", 2020.0, P),
        },
    ),
    "Huyện Hải Hậu: Đẩy mạnh cải cách hành chính": (
        "Huyện Hải Hậu: Đẩy mạnh cải cách hành chính\nTrong 6 tháng đầu năm 2024, huyện Hải Hậu đã tập trung chỉ đạo quyết liệt công tác cải cách hành chính.\n\nTại Bộ phận Một cửa huyện, 6 tháng đầu năm 2024 đã tiếp nhận 5.670 hồ sơ; giải quyết 5.540 hồ sơ, trong đó đúng hạn 5.530 hồ sơ. \n\nBộ phận Một cửa các xã, thị trấn tiếp nhận 23.400 hồ sơ, giải quyết đúng hạn 100%.\n\nĐồng chí Chủ tịch UBND huyện đề nghị các xã tiếp tục nâng cao chất lượng phục vụ.",
        {
            ("dossier.on_time_pct", 100.0, "cấp xã"),
            ("dossier.received", 5670.0, "Bộ phận Một cửa huyện Hải Hậu"),
            ("dossier.received", 23400.0, "cấp xã"),
            ("dossier.resolved", 5540.0, "Bộ phận Một cửa huyện Hải Hậu"),
            ("dossier.resolved_on_time", 5530.0, "Bộ phận Một cửa huyện Hải Hậu"),
        },
    ),
    "Trung tâm Phục vụ hành chính công tỉnh Bình Phước: Hơn 45 nghìn hồ sơ được giải quyết trong năm 2023": (
        'Trung tâm Phục vụ hành chính công tỉnh Bình Phước: Hơn 45 nghìn hồ sơ được giải quyết trong năm 2023\nNăm 2023, Trung tâm Phục vụ hành chính công tỉnh Bình Phước tiếp tục phát huy hiệu quả mô hình "một cửa".\n\nTheo thống kê, năm 2023, đã tiếp nhận 46.780 hồ sơ, trong đó hồ sơ trực tuyến là 38.200 hồ sơ.\n\nĐã giải quyết 45.670 hồ sơ, tỷ lệ đúng hạn 99,95%. Số hồ sơ đang giải quyết là 1.110 hồ sơ.\n\nBà Trần Thị B, Giám đốc Trung tâm cho biết, năm 2024 Trung tâm sẽ tiếp tục đẩy mạnh số hóa.',
        {
            ("dossier.on_time_pct", 99.95, "Trung tâm Phục vụ hành chính công tỉnh Bình Phước"),
            ("dossier.online", 38200.0, "Trung tâm Phục vụ hành chính công tỉnh Bình Phước"),
            ("dossier.pending", 1110.0, "Trung tâm Phục vụ hành chính công tỉnh Bình Phước"),
            ("dossier.received", 46780.0, "Trung tâm Phục vụ hành chính công tỉnh Bình Phước"),
            ("dossier.resolved", 45670.0, "Trung tâm Phục vụ hành chính công tỉnh Bình Phước"),
        },
    ),
    "Sở Tư pháp Bắc Giang: 100% hồ sơ giải quyết đúng hạn": (
        "Sở Tư pháp Bắc Giang: 100% hồ sơ giải quyết đúng hạn\nNăm 2023, Sở Tư pháp tỉnh Bắc Giang tiếp nhận 15.670 hồ sơ TTHC, chủ yếu là hồ sơ cấp phiếu lý lịch tư pháp.\n\nTrong đó, số hồ sơ tiếp nhận trực tuyến là 12.340 hồ sơ, chiếm 78,7%. Đơn vị đã giải quyết 15.600 hồ sơ, 100% đúng hạn.\n\nHiện Sở đang giải quyết 70 hồ sơ trong hạn.",
        {
            ("dossier.on_time_pct", 100.0, "Sở Tư pháp"),
            ("dossier.online", 12340.0, "Sở Tư pháp"),
            ("dossier.pending", 70.0, "Sở Tư pháp"),
            ("dossier.received", 15670.0, "Sở Tư pháp"),
            ("dossier.resolved", 15600.0, "Sở Tư pháp"),
        },
    ),
    "Tháng 11/2025, tỉnh Đồng Tháp tiếp nhận hơn 85.000 hồ sơ": (
        "Tháng 11/2025, tỉnh Đồng Tháp tiếp nhận hơn 85.000 hồ sơ\nTheo Sở Nội vụ, tháng 11/2025, toàn tỉnh tiếp nhận 85.432 hồ sơ; trong đó cấp tỉnh 21.300 hồ sơ, cấp xã 64.132 hồ sơ.\n\nTỷ lệ hồ sơ trực tuyến đạt 82,4%; tỷ lệ giải quyết đúng hạn đạt 98,7%.\n\nLũy kế 11 tháng năm 2025, toàn tỉnh tiếp nhận 912.300 hồ sơ.",
        {
            ("dossier.on_time_pct", 98.7, P),
            ("dossier.received", 21300.0, "cấp tỉnh"),
            ("dossier.received", 64132.0, "cấp xã"),
            ("dossier.received", 85432.0, P),
            ("dossier.received", 912300.0, P),  # eleven months: kept without a period
        },
    ),
    "Kết quả thực hiện công tác kiểm soát TTHC quý II/2024 của tỉnh Tuyên Quang": (
        "Kết quả thực hiện công tác kiểm soát TTHC quý II/2024 của tỉnh Tuyên Quang\n1. Công bố, công khai TTHC\nTrong quý II/2024, Chủ tịch UBND tỉnh ban hành 12 Quyết định công bố 156 TTHC, trong đó: 45 TTHC mới ban hành; 78 TTHC sửa đổi, bổ sung; 33 TTHC bị bãi bỏ.\nTổng số TTHC đang có hiệu lực thuộc thẩm quyền giải quyết của các cấp trên địa bàn tỉnh là 1.876 TTHC.\n\n2. Kết quả giải quyết TTHC\n- Tổng số hồ sơ tiếp nhận: 78.900 hồ sơ (trực tuyến: 45.600 hồ sơ).\n- Số hồ sơ đã giải quyết: 77.100 hồ sơ (trước hạn: 50.200; đúng hạn: 26.500; quá hạn: 400).\n- Số hồ sơ đang giải quyết: 1.800 hồ sơ (trong hạn: 1.750; quá hạn: 50).",
        {
            ("dossier.online", 45600.0, P),
            ("dossier.pending", 1800.0, P),
            ("dossier.pending_overdue", 50.0, P),
            ("dossier.received", 78900.0, P),
            ("dossier.resolved", 77100.0, P),
            ("dossier.resolved_early", 50200.0, P),
            ("dossier.resolved_late", 400.0, P),
            ("dossier.resolved_on_time", 26500.0, P),
            ("tthc.abolished", 33.0, P),
            ("tthc.amended", 78.0, P),
            ("tthc.in_force", 1876.0, P),
            ("tthc.published", 156.0, P),
        },
    ),
    "UBND huyện Quỳnh Lưu tổng kết công tác cải cách hành chính năm 2023": (
        "UBND huyện Quỳnh Lưu tổng kết công tác cải cách hành chính năm 2023\nSáng 5/1/2024, UBND huyện Quỳnh Lưu tổ chức hội nghị tổng kết công tác CCHC năm 2023.\n\nNăm 2023, Bộ phận tiếp nhận và trả kết quả huyện đã tiếp nhận 14.560 hồ sơ, giải quyết đúng và trước hạn đạt 99,6%. Các xã, thị trấn tiếp nhận 67.800 hồ sơ.\n\nChỉ số CCHC năm 2023 của huyện xếp thứ 3/21 huyện, thành, thị.",
        {
            ("dossier.on_time_pct", 99.6, "Bộ phận tiếp nhận và trả kết quả huyện Quỳnh Lưu"),
            ("dossier.received", 14560.0, "Bộ phận tiếp nhận và trả kết quả huyện Quỳnh Lưu"),
            ("dossier.received", 67800.0, "cấp xã"),
        },
    ),
    "Tỉnh Hà Nam tháng 10/2024": (
        "Tỉnh Hà Nam tháng 10/2024\nTừ ngày 15/9/2024 đến ngày 14/10/2024, tỉnh Hà Nam tiếp nhận 18.700 hồ sơ.",
        {
            ("dossier.received", 18700.0, P),
        },
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_every_figure_with_its_scope_and_nothing_else(name):
    text, expected = CASES[name]
    result = extract_text(text)
    got = {(f.indicator, f.value, f.scope) for f in [*result.figures, *result.subunits]}
    assert got == expected
